"""arXiv: metadata from the export API (Atom) and PDFs from the feed's link."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.atomic import said, what_it_is
from kb.errors import FileFormatError, NetworkError, NotFound
from kb.sources.net import (
    Client,
    HTTPStatusError,
    Response,
    Unusable,
    endpoint,
    host_of,
    looks_like_login,
    redirect_target,
)
from kb.sources.pdf import cut_short
from kb.text.ids import ArxivId, parse_arxiv

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
METADATA_TTL = 24 * 3600.0


@dataclass
class ArxivRecord:
    id: str                      # without version
    version: int                 # the version this record describes
    title: str
    authors: list[str]           # as arXiv gives them: "First Last"
    summary: str
    published: str               # first version's submission date, ISO
    updated: str
    year: int
    primary_class: str | None = None
    categories: list[str] = field(default_factory=list)
    doi: str | None = None
    journal_ref: str | None = None
    pdf_url: str | None = None
    abs_url: str | None = None
    nameless: list[int] = field(default_factory=list)    # the places (from 1) of authors given with no name

    @property
    def versioned(self) -> str:
        return f"{self.id}v{self.version}"


def _text(el, tag: str) -> str | None:
    """The text of `el`'s child `tag`, spaces as one: all of it, where a title holding an
    element (`Heat <b>bath</b> walks`, nested thousands deep) was cut at it ('Heat', or
    nothing, and a paper filed without a title)."""
    found = el.find(tag)
    if found is None:
        return None
    text = " ".join("".join(found.itertext()).split())
    return text if text or found.text is not None else None


OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"
#: how deep arXiv's own feed nests its elements (feed, entry, author, name): a feed far deeper is no answer of it
_FEED_DEPTH = 8


def _unreadable(root) -> str | None:
    """Why a feed holding no entry of its own is no empty answer (None where it is one): an entry elsewhere (nested in
    another element, or of another namespace), elements nested thousands deep, or a count of results above none;
    read without recursion, however deep the feed."""
    deepest, entry, stack = 0, None, [(root, 0)]
    while stack:
        el, depth = stack.pop()
        deepest = max(deepest, depth)
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if entry is None and tag.rpartition("}")[2] == "entry":
                entry = (tag, depth + 1)
            stack.append((child, depth + 1))
    if entry is not None and entry[1] > 1:
        return f"its entry is nested {entry[1] - 1:,} element{'s' if entry[1] > 2 else ''} deep inside the feed"
    if entry is not None:
        space = entry[0].partition("}")[0].lstrip("{")
        return f"its entry is of another namespace ({space or 'none'}), not Atom's"
    if deepest > _FEED_DEPTH:
        return f"its elements are nested {deepest:,} deep"
    total = (root.findtext(f"{OPENSEARCH}totalResults") or "").strip()
    if total.isdigit() and int(total) > 0:
        return f"it says it holds {int(total):,} result{'s' if int(total) > 1 else ''}"
    return None


def parse_feed(body: bytes, requested: str = "") -> list[ArxivRecord]:
    """Parse an Atom feed from the export API; arXiv's error entries become
    NotFound/NetworkError with arXiv's own words. A feed holding no entry kb can read that is no empty answer
    (`_unreadable`) is a NetworkError saying why, never "no such paper"."""
    from defusedxml import ElementTree as ET
    from defusedxml.common import DefusedXmlException

    try:
        root = ET.fromstring(body, forbid_dtd=True)
    except DefusedXmlException:
        raise FileFormatError("the arXiv answer contains a DTD or entity declarations; refused") from None
    except ET.ParseError as exc:
        raise NetworkError(f"the arXiv API sent something that is not an Atom feed ({exc})") from None
    if root.tag != f"{ATOM}feed":
        raise NetworkError("the arXiv API sent something that is not an Atom feed")
    records = []
    for entry in root.findall(f"{ATOM}entry"):
        entry_id = _text(entry, f"{ATOM}id") or ""
        title = _text(entry, f"{ATOM}title") or ""
        if "/api/errors" in entry_id or title == "Error":
            message = _text(entry, f"{ATOM}summary") or "error"
            raise NotFound(f"arXiv: {message}" + (f" ({requested})" if requested else ""))
        m = re.search(r"/abs/(.+)$", entry_id)
        ident = parse_arxiv(m.group(1)) if m else None
        if ident is None or ident.version is None:
            raise NetworkError(f"the arXiv API sent an entry with an unexpected id {entry_id!r}")
        authors = [" ".join((a.findtext(f"{ATOM}name") or "").split())
                   for a in entry.findall(f"{ATOM}author")]
        published = _text(entry, f"{ATOM}published") or ""
        pdf_url = abs_url = None
        for link in entry.findall(f"{ATOM}link"):
            href = link.get("href")
            if link.get("title") == "pdf" or link.get("type") == "application/pdf":
                pdf_url = href
            elif link.get("rel") == "alternate":
                abs_url = href
        primary = entry.find(f"{ARXIV}primary_category")
        records.append(ArxivRecord(
            id=ident.id, version=ident.version, title=title,
            authors=[a for a in authors if a],
            summary=_text(entry, f"{ATOM}summary") or "",
            published=published, updated=_text(entry, f"{ATOM}updated") or "",
            # a date, or no year: '99999-99-99' was filed as a paper of 9999
            year=int(published[:4]) if re.match(r"\d{4}-\d\d-\d\d(?:T|$)", published) else 0,
            primary_class=primary.get("term") if primary is not None else None,
            categories=[c.get("term") for c in entry.findall(f"{ATOM}category") if c.get("term")],
            doi=(_text(entry, f"{ARXIV}doi") or None),
            journal_ref=_text(entry, f"{ARXIV}journal_ref"),
            pdf_url=pdf_url, abs_url=abs_url,
            nameless=[i for i, a in enumerate(authors, 1) if not a]))
    if not records:
        why = _unreadable(root)
        if why is not None:
            raise NetworkError("the arXiv API sent a feed holding no entry kb can read" +
                               (f" for {requested}" if requested else "") + f": {why}; nothing filed",
                               hint="arXiv or a proxy may be sending a broken answer; try again later")
    return records


def fetch_metadata(client: Client, ident: ArxivId, refresh: bool = False) -> ArxivRecord:
    """The record of `ident` (the latest version when none is given)."""
    url = endpoint("KB_ARXIV_API_URL")
    params = {"id_list": ident.versioned, "max_results": "1"}
    try:
        response = client.get(url, service="arxiv", params=params,
                              cache_ttl=None if refresh else METADATA_TTL,
                              label=f"arXiv {ident.versioned}",
                              validate=lambda r: _atom_feed(r, ident.versioned),
                              answer="an arXiv feed")
    except HTTPStatusError as exc:
        body = exc.response.content
        if exc.response.status == 400:
            try:
                parse_feed(body, ident.versioned)
            except NotFound:
                raise
            except NetworkError:
                pass
            raise NotFound(f"arXiv rejected the id {ident.versioned} (HTTP 400)") from None
        raise
    records = parse_feed(response.content, ident.versioned)
    if not records:
        raise NotFound(f"arXiv has no paper {ident.versioned}",
                       hint="check the id; new submissions can take a day to appear")
    # the entry of the id asked for, wherever the feed puts it (a feed led by another id's entry was refused
    # though the id asked for came further down); a version asked for is that version: another (a mirror's or a
    # proxy's stale answer) was filed in its stead, 'added ... v1' for kb add arxiv:X v2, its PDF and text v1's
    wanted = [r for r in records if r.id == ident.id and (ident.version is None or r.version == ident.version)]
    if not wanted:
        raise NetworkError(f"asked arXiv for {ident.versioned}, got {records[0].versioned}")
    record = wanted[0]
    _one_entry(wanted, ident.versioned)
    if not record.title:
        # kb would file a paper titled nothing, its key without a title word
        raise Unusable(f"arXiv's record of {record.versioned} has no title kb can read: nothing filed",
                       hint="try again later with --refresh, or add the paper's PDF or a BibTeX entry")
    return record


def _one_entry(wanted: list[ArxivRecord], requested: str) -> None:
    """Two entries for the paper asked, unlike each other (a proxy's or a mirror's feed joined to arXiv's),
    are refused: the first was filed in silence, whichever of them is the paper's."""
    differ = {(r.version, r.title, tuple(r.authors)): r for r in wanted}
    if len(differ) > 1:
        shown = "; ".join(f"{r.versioned} {said(r.title, 60)}" for r in list(differ.values())[:3])
        raise Unusable(f"the arXiv API sent {len(differ)} different entries for {requested} ({shown}): "
                       "kb cannot tell which is the paper's; nothing filed",
                       hint="arXiv or a proxy may be sending a broken answer; try again later")


def _atom_feed(response: Response, requested: str = "") -> None:
    """An answer of the export API is an Atom feed (arXiv sometimes serves an HTML
    error page with status 200) kb can read (`parse_feed`): anything else is never cached (a feed holding no entry kb
    can read, kept a day, was said again on every try until --refresh)."""
    # a byte-order mark before the XML declaration is XML's own (a feed a proxy re-encoded): the parser takes it
    head = response.content[:2048].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if not (head.startswith(b"<?xml") or head.startswith(b"<feed")) or b"<html" in head:
        # said by what came, where its content type alone ('sent application/atom+xml instead of an Atom feed')
        # said nothing of an empty answer or of an HTML page served as a feed
        came = what_it_is(response.content) or f"{len(response.content):,} bytes"
        raise Unusable(f"{host_of(response.url)} sent {came} ({response.content_type or 'no content type'}) "
                       "instead of an Atom feed", hint="arXiv may be serving an error page; try again later")
    try:
        records = parse_feed(response.content, requested)
    except NotFound:
        return      # arXiv's own answer that it has no such paper: kept as any answer is
    ident = parse_arxiv(requested) if requested else None
    if ident is not None:
        _one_entry([r for r in records if r.id == ident.id and ident.version in (None, r.version)], requested)


def pdf_url_for(record: ArxivRecord) -> str:
    """The record's PDF on KB_ARXIV_PDF_URL, always of its own version. The feed's PDF link is
    never followed: one to another paper, or to another version of it, is a wrong answer (an entry
    of v1 linking v9's PDF filed v9's text as v1's); kb builds the link itself."""
    return f"{endpoint('KB_ARXIV_PDF_URL')}/{record.versioned}"


def looks_complete(data: bytes) -> bool:
    """A PDF ends with an end-of-file marker (after any incremental update); one cut
    off in transit does not, even when the server said the answer was whole. A linearized
    PDF has a marker after its first page too: one cut there is shorter than it says (cut_short)."""
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-4096:] and cut_short(data) is None


def fetch_pdf(client: Client, record: ArxivRecord) -> tuple[str, bytes]:
    url = pdf_url_for(record)
    response = client.get(url, service="arxiv", label=f"PDF {record.versioned}")
    data = response.content
    if not data.startswith(b"%PDF-"):
        kind = response.content_type or "no content type"
        what = what_it_is(data) or f"{len(data):,} bytes"
        sent_to = redirect_target(url, response)
        if sent_to is not None:
            if looks_like_login(response):
                what = "a login page"
            raise NetworkError(f"the server sent the PDF request for {record.versioned} to {sent_to}: {what} "
                               f"({kind}), not the PDF; nothing was kept",
                               hint="a network or proxy that asks you to sign in sends requests there: "
                                    "sign in with a browser, then try again")
        raise NetworkError(f"{host_of(url)} sent {what} ({kind}) instead of a PDF for {record.versioned}; "
                           "nothing was kept",
                           hint="arXiv may be serving an error page; try again later")
    if not looks_complete(data):
        why = "no end-of-file marker" if b"%%EOF" not in data[-4096:] else cut_short(data)
        raise NetworkError(f"{host_of(url)} sent a PDF of {record.versioned} that is cut off "
                           f"({len(data):,} bytes, {why}); nothing was kept",
                           hint="try again later")
    return url, data
