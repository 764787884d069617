"""Semantic Scholar Graph API: a paper's references and citations, paginated.

GET {KB_S2_API_URL}/graph/v1/paper/{ARXIV:id|DOI:doi}/references (and
/citations), `offset`/`limit` pages until no `next`. An API key, when given in
KB_S2_API_KEY, goes in the x-api-key header. 429s are retried by kb/net.py.
What is fetched is kept in .kb/cache/s2/<citekey>.json so `kb rebuild` can merge
it again without the network.
"""

from __future__ import annotations

import json
from pathlib import Path

from kb.atomic import check_safe_name, escape_key, write_text
from kb.errors import NotFound, UsageError
from kb.sources.net import (
    Client,
    HTTPStatusError,
    Response,
    Unusable,
    endpoint,
    header_value,
    host_of,
    quote_path,
)

FIELDS = "title,year,externalIds,authors"
PAGE = 100
MAX_ITEMS = 10_000
MAX_PAGES = MAX_ITEMS // PAGE + 5


def paper_id(arxiv_id: str | None, doi: str | None) -> str:
    if arxiv_id:
        return f"ARXIV:{arxiv_id}"
    if doi:
        return f"DOI:{doi}"
    raise UsageError("Semantic Scholar needs the paper's arXiv id or DOI, and this paper has neither",
                     hint="add `eprint` or `doi` to its references.bib entry")


def _page(response: Response) -> dict:
    data = response.json()
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        raise Unusable(f"{host_of(response.url)} sent an unexpected answer (no list of papers)")
    return data


def _fetch_list(client: Client, pid: str, kind: str, progress=None, unread: dict | None = None,
                cut: dict | None = None, oversized: set | None = None) -> list[dict]:
    """The papers of a paper's `kind` list (references, citations); `unread[kind]` counts the entries
    dropped as unreadable (not a record of a paper, or none of its fields of the documented type);
    `cut[kind]`, the papers kept of a list kb stopped reading at its limit while the server offered more;
    `oversized` gets `kind` where a page holding more papers than asked for was the cut."""
    base = endpoint("KB_S2_API_URL")
    headers = {}
    key = header_value("KB_S2_API_KEY", "the key Semantic Scholar gave you", secret=True)
    if key:
        headers["x-api-key"] = key
    items: list[dict] = []
    seen: set[str] = set()
    offset = 0
    stopped = False
    for _ in range(MAX_PAGES):
        url = f"{base}/graph/v1/paper/{quote_path(pid, safe=':/.', what='the paper id')}/{kind}"
        try:
            response = client.get(url, service="s2", headers=headers, secret_headers=("x-api-key",),
                                  params={"fields": FIELDS, "offset": str(offset), "limit": str(PAGE)},
                                  label=f"Semantic Scholar {kind}", answer="a JSON answer")
        except HTTPStatusError as exc:
            if exc.response.status == 404:
                raise NotFound(f"Semantic Scholar does not know {pid}") from None
            raise
        data = _page(response)
        field = "citedPaper" if kind == "references" else "citingPaper"
        found = 0
        listed = data["data"]
        if len(listed) > PAGE:
            # a page holding more papers than the PAGE asked for (100,000 in one answer: 30 s and 380 MB to link)
            # is read to what was asked, the rest said as cut
            listed, stopped = listed[:PAGE], True
            if oversized is not None:
                oversized.add(kind)
        for item in listed:
            paper = clean_paper(item.get(field) if isinstance(item, dict) else None)
            # A paper listed again (a server answering every offset with the same page) is
            # one paper: it was counted once a page, and the list ended only at MAX_PAGES.
            same = (paper.get("paperId") or json.dumps(paper, sort_keys=True)) if paper is not None else None
            if paper is None and unread is not None:
                unread[kind] = unread.get(kind, 0) + 1
            if paper is not None and same not in seen:
                seen.add(same)
                items.append(paper)
                found += 1
        if progress:
            progress(len(items), None)
        nxt = data.get("next")
        # A page that adds nothing ends the list, whatever `next` says: a server that
        # keeps answering empty pages with a growing offset is not followed forever.
        if not found or not isinstance(nxt, int) or isinstance(nxt, bool) or nxt <= offset:
            break
        if stopped or len(items) >= MAX_ITEMS:
            stopped = True
            break
        offset = nxt
    else:
        stopped = True      # MAX_PAGES read, the last offering a next one
    # more offered past kb's limit is said, where the first 10,000 citing papers were told as all of them
    if stopped and cut is not None:
        cut[kind] = len(items)
    return items


def clean_paper(paper) -> dict | None:
    """A Semantic Scholar paper with only the fields kb reads, each of its documented type
    (externalIds a dict of strings, authors a list of {name}): what is malformed is dropped
    here, before it is cached or merged, never a crash later in `kb rebuild`."""
    if not isinstance(paper, dict):
        return None
    out: dict = {}
    if isinstance(paper.get("paperId"), str):
        out["paperId"] = paper["paperId"]
    for key in ("title", "url"):
        if isinstance(paper.get(key), str):
            out[key] = paper[key][:2000]
    year = paper.get("year")
    if isinstance(year, int) and not isinstance(year, bool) and 0 < year < 10000:
        out["year"] = year
    ids = paper.get("externalIds")
    if isinstance(ids, dict):
        clean = {k: str(v) for k, v in ids.items() if isinstance(k, str) and isinstance(v, (str, int))
                 and not isinstance(v, bool)}
        if clean:
            out["externalIds"] = clean
    authors = paper.get("authors")
    if isinstance(authors, list):
        names = [{"name": a["name"]} for a in authors[:500] if isinstance(a, dict) and isinstance(a.get("name"), str)]
        if names:
            out["authors"] = names
    return out or None


def fetch(client: Client, arxiv_id: str | None, doi: str | None, progress=None) -> dict:
    """A paper's references and citations; `unread`: how many entries of each list were dropped
    as unreadable (unread_said says it); `cut`: the lists read only up to kb's limit (cut_said)."""
    pid = paper_id(arxiv_id, doi)
    unread: dict[str, int] = {}
    cut: dict[str, int] = {}
    oversized: set[str] = set()
    return {"paper": pid, "references": _fetch_list(client, pid, "references", progress, unread, cut, oversized),
            "citations": _fetch_list(client, pid, "citations", progress, unread, cut, oversized), "unread": unread,
            "cut": cut, "oversized": sorted(oversized)}


def cut_said(cut: dict[str, int], oversized=()) -> str | None:
    """One line naming each list kb stopped reading at its limit while Semantic Scholar offered more, or None;
    a list in `oversized` was cut at a page holding more papers than asked for, said so (it was said as cut at
    kb's 10,000-paper limit, a limit the list had not reached)."""
    if not cut:
        return None
    parts = [f"the first {n:,} {'references' if kind == 'references' else 'citing papers'}"
             for kind, n in sorted(cut.items())]
    page = [k for k in sorted(cut) if k in oversized]
    why = []
    if page:
        what = " and ".join("references" if k == "references" else "citing papers" for k in page)
        why.append(f"a page of {what} held more than the {PAGE} papers asked for: kb reads a page only to them")
    if any(k not in oversized for k in cut):
        why.append(f"kb reads at most {MAX_ITEMS:,} papers or {MAX_PAGES} pages of one list")
    return (f"read {' and '.join(parts)} of Semantic Scholar's lists and stopped there ({'; '.join(why)}): "
            "the rest are not merged")


def unread_said(unread: dict[str, int]) -> str | None:
    """One line saying how many of Semantic Scholar's entries were dropped and why, or None."""
    if not unread or not sum(unread.values()):
        return None
    parts = [f"{n} {'reference' if kind == 'references' else 'citing paper'}{'s' if n != 1 else ''}"
             for kind, n in sorted(unread.items()) if n]
    return (f"dropped {sum(unread.values())} of Semantic Scholar's entries ({', '.join(parts)}): not the "
            "record of a paper, or none of its fields (paperId, title, year, externalIds, authors) of the type "
            "its API documents")


def cache_path(folder: Path, citekey: str) -> Path:
    """<folder>/<escaped citekey>.json (kb.atomic.escape_key: any key BibTeX accepts names one plain file)."""
    return folder / f"{check_safe_name(escape_key(citekey), 'citekey')}.json"


def save(folder: Path, citekey: str, data: dict, tmp: Path) -> None:
    write_text(cache_path(folder, citekey), json.dumps(data), tmp)


def load(folder: Path, citekey: str) -> dict | None:
    """What `kb cite fetch` kept for `citekey`, cleaned again (a file from an older kb, or
    edited, may hold what kb no longer accepts); None when there is nothing usable."""
    try:
        data = json.loads(cache_path(folder, citekey).read_text("utf-8"))
    except (OSError, ValueError, UsageError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    return {"paper": data.get("paper") if isinstance(data.get("paper"), str) else None,
            "references": [p for p in map(clean_paper, _list(data.get("references"))) if p],
            "citations": [p for p in map(clean_paper, _list(data.get("citations"))) if p]}


def _list(value) -> list:
    return value if isinstance(value, list) else []
