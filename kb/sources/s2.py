"""Semantic Scholar Graph API: a paper's references and citations, paginated.

GET {KB_S2_API_URL}/graph/v1/paper/{ARXIV:id|DOI:doi}/references (and
/citations), `offset`/`limit` pages until no `next`. An API key, when given in
KB_S2_API_KEY, goes in the x-api-key header. 429s are retried by kb/net.py.
What is fetched is kept in .kb/cache/s2/<citekey>.json so `kb rebuild` can merge
it again without the network.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from pathlib import Path

from kb.atomic import check_safe_name, write_text
from kb.errors import NetworkError, NotFound, UsageError
from kb.sources.net import Client, HTTPStatusError, endpoint

FIELDS = "title,year,externalIds,authors"
PAGE = 100
MAX_ITEMS = 10_000


def paper_id(arxiv_id: str | None, doi: str | None) -> str:
    if arxiv_id:
        return f"ARXIV:{arxiv_id}"
    if doi:
        return f"DOI:{doi}"
    raise UsageError("Semantic Scholar needs the paper's arXiv id or DOI, and this paper has neither",
                     hint="add `eprint` or `doi` to its references.bib entry")


def _fetch_list(client: Client, pid: str, kind: str, progress=None) -> list[dict]:
    base = endpoint("KB_S2_API_URL")
    headers = {}
    key = os.environ.get("KB_S2_API_KEY")
    if key:
        headers["x-api-key"] = key
    items: list[dict] = []
    offset = 0
    while True:
        url = f"{base}/graph/v1/paper/{urllib.parse.quote(pid, safe=':/.')}/{kind}"
        try:
            response = client.get(url, service="s2", headers=headers,
                                  params={"fields": FIELDS, "offset": str(offset), "limit": str(PAGE)},
                                  label=f"Semantic Scholar {kind}")
        except HTTPStatusError as exc:
            if exc.response.status == 404:
                raise NotFound(f"Semantic Scholar does not know {pid}") from None
            raise
        data = response.json()
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            raise NetworkError(f"Semantic Scholar sent an unexpected answer for {pid} {kind}")
        field = "citedPaper" if kind == "references" else "citingPaper"
        for item in data["data"]:
            paper = item.get(field) if isinstance(item, dict) else None
            if isinstance(paper, dict):
                items.append(paper)
        if progress:
            progress(len(items), None)
        nxt = data.get("next")
        if not isinstance(nxt, int) or nxt <= offset or len(items) >= MAX_ITEMS:
            break
        offset = nxt
    return items


def fetch(client: Client, arxiv_id: str | None, doi: str | None, progress=None) -> dict:
    pid = paper_id(arxiv_id, doi)
    return {"paper": pid, "references": _fetch_list(client, pid, "references", progress),
            "citations": _fetch_list(client, pid, "citations", progress)}


def cache_path(folder: Path, citekey: str) -> Path:
    """<folder>/<citekey>.json; a key that could leave that folder is refused."""
    return folder / f"{check_safe_name(citekey, 'citekey')}.json"


def save(folder: Path, citekey: str, data: dict, tmp: Path) -> None:
    write_text(cache_path(folder, citekey), json.dumps(data), tmp)


def load(folder: Path, citekey: str) -> dict | None:
    try:
        return json.loads(cache_path(folder, citekey).read_text("utf-8"))
    except (OSError, ValueError, UsageError):
        return None
