"""Quotes with verified provenance: `kb quote add/ls/rm`, `kb verify`, `kb verify --note`.

A quote is stored only once kb has found it, word for word, in the text of
the version of the paper it names; its provenance (pages, character spans in
the stored page text, 32 characters either side, how it matched, which
extractor made the text) goes to claims/<citekey>.toml and the index.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import KBError, NotFound, UsageError
from kb.ops.papers import normalise_version
from kb.ops.search import match_terms
from kb.quantities.units import registry
from kb.store import index
from kb.store.claimsfile import ID_RE, add_record, remove_record
from kb.store.db import transaction
from kb.store.knowledgebase import KB
from kb.text.ascii import ascii_fold
from kb.text.match import closest_passage, find_quote
from kb.text.normalise import Document
from kb.text.notes import parse_note
from kb.text.titles import normalise_title


class QuoteNotFound(KBError):
    """The paper does not contain the quote (exit 2: nothing was stored)."""

    def __init__(self, message: str, near=None):
        super().__init__(message)
        self.near = near


# -- page text ------------------------------------------------------------------------

@dataclass
class Text:
    citekey: str
    version: str
    pages: list[str]
    extractor: str | None
    _doc: object = None

    @property
    def doc(self):
        if self._doc is None:

            self._doc = Document(self.pages)
        return self._doc


def paper_row(kb: KB, citekey: str) -> dict:
    row = kb.db.execute("select citekey, arxiv_id, version, title from papers where citekey = ?",
                        [citekey]).fetchone()
    if row is None:
        close = [r[0] for r in kb.db.execute("select citekey from papers where citekey like ? limit 5",
                                             [f"%{citekey[:5]}%"])]
        raise NotFound(f"no paper {citekey!r} in the knowledge base",
                       hint=("did you mean " + ", ".join(close) + "?") if close else "see `kb ls`")
    return {"citekey": row[0], "arxiv_id": row[1], "version": row[2], "title": row[3]}


def versions_with_text(kb: KB, citekey: str) -> list[str]:
    rows = kb.db.execute("select version from versions where citekey = ? and text_status = 'ok' "
                         "order by version", [citekey]).fetchall()
    return sorted((r[0] for r in rows), key=_version_key)


def _version_key(v: str) -> int:
    return int(v[1:]) if v and v[1:].isdigit() else 0


def load_text(kb: KB, citekey: str, version: str | None, cache: dict | None = None) -> Text | None:
    """The stored page text of `citekey` at `version` (default: the latest held)."""
    if version is None:
        held = versions_with_text(kb, citekey)
        if not held:
            return None
        version = held[-1]
    key = (citekey, version)
    if cache is not None and key in cache:
        return cache[key]
    row = kb.db.execute("select id, extractor from versions where citekey = ? and version = ? "
                        "and text_status = 'ok'", [citekey, version]).fetchone()
    text = None
    if row:
        pages = [r[0] for r in kb.db.execute("select text from pages where version_id = ? order by page",
                                             [row[0]])]
        text = Text(citekey, version, pages, row[1])
    if cache is not None:
        cache[key] = text
    return text


def _no_text_hint(paper: dict, version: str | None) -> str:
    if paper["arxiv_id"]:
        ident = f"arxiv:{paper['arxiv_id']}{version or ''}"
        return f"kb add {ident}"
    return f"kb add paper.pdf, or kb text load {paper['citekey']} FILE"


# -- adding ---------------------------------------------------------------------------

def slug_id(text: str, taken: set[str], words: int = 5) -> str:

    tokens = re.findall(r"[a-z0-9]+", ascii_fold(text).lower())
    stop = {"the", "a", "an", "of", "and", "to", "in", "is", "are", "that", "for", "as", "with", "on", "by"}
    keep = [t for t in tokens if t not in stop and not t.isdigit()][:words] or ["quote"]
    base = "-".join(keep)[:60].strip("-") or "quote"
    out, n = base, 2
    while out in taken:
        out = f"{base}-{n}"
        n += 1
    return out


def _describe_miss(paper: dict, version: str, near, others: list[str]) -> str:
    lines = [f"not found in {paper['citekey']} {version}."]
    if near is not None:
        passage = near.passage if len(near.passage) <= 300 else near.passage[:297] + "..."
        lines.append(f"Closest, page {near.page}: \"{passage}\"")
        lines.append(near.describe())
    if paper["arxiv_id"]:
        candidates = [v for v in others if v != version]
        if candidates:
            lines.append(f"It may be from another version kb holds ({', '.join(candidates)}): "
                         f"kb quote add --version {candidates[0]} ...")
        else:
            lines.append(f"It may be from another version: kb add arxiv:{paper['arxiv_id']}v1, "
                         f"then kb quote add --version v1 ...")
    return "\n".join(lines)


def verify_text(kb: KB, citekey: str, quote: str, version: str | None = None, cache: dict | None = None):
    """(paper, Text, QuoteMatch or None, NearMiss or None) for one quote."""

    paper = paper_row(kb, citekey)
    text = load_text(kb, citekey, version, cache)
    if text is None:
        return paper, None, None, None
    match = find_quote(text.doc, quote)
    near = None if match else closest_passage(text.doc, quote)
    return paper, text, match, near


def provenance(match, text: Text) -> dict:
    return {"version": text.version, "status": "verified", "method": match.method,
            "page": match.page, "page_end": match.page_end,
            "spans": [{"page": s.page, "start": s.start, "end": s.end} for s in match.spans],
            "prefix": match.prefix, "suffix": match.suffix, "extractor": text.extractor}


def add_quote(kb: KB, citekey: str, quote: str, *, topics: list[str] | None = None,
              version: str | None = None, quote_id: str | None = None, force: bool = False,
              note: str | None = None) -> dict:
    """Verify `quote` against the paper and store it with its provenance.

    Not found: QuoteNotFound (nothing stored), unless `force`, which stores it
    flagged as unverified."""

    quote = quote.strip()
    if not quote:
        raise UsageError("the quote is empty")
    if len(quote) > 20000:
        raise UsageError(f"the quote is {len(quote):,} characters; quotes are limited to 20,000")
    version = normalise_version(version) if version else None
    if quote_id is not None and not ID_RE.match(quote_id):
        raise UsageError(f"quote id {quote_id!r} must be letters, digits, '-', '_' or '.'")
    paper, text, match, near = verify_text(kb, citekey, quote, version)
    record: dict = {"text": quote, "topics": list(dict.fromkeys(topics or []))}
    if text is None:
        held = versions_with_text(kb, citekey)
        what = f"{citekey} {version}" if version else citekey
        message = (f"kb holds no text of {what}" + (f" (it has {', '.join(held)})" if held else "")
                   + "; cannot verify the quote")
        if not force:
            raise QuoteNotFound(message + f". Get the text first ({_no_text_hint(paper, version)}), "
                                "or store it unverified with --force")
        record.update({"version": version, "status": "unverified",
                       "note": note or f"not verified: kb held no text of {what}"})
    elif match is None:
        message = _describe_miss(paper, text.version, near, versions_with_text(kb, citekey))
        if not force:
            raise QuoteNotFound(message, near)
        record.update({"version": text.version, "status": "unverified",
                       "note": note or ("not found in " + text.version
                                        + (f"; {near.describe()}" if near else ""))})
    else:
        record.update(provenance(match, text))
        if note:
            record["note"] = note
    with kb.writing():
        db = kb.db
        taken = {r[0] for r in db.execute("select id from quotes")}
        same = db.execute("select id from quotes where citekey = ? and text = ? and coalesce(version,'') = ?",
                          [citekey, quote, record.get("version") or ""]).fetchone()
        if same and quote_id in (None, same[0]):
            quote_id = same[0]             # re-adding the same quote updates it
        elif quote_id is None:
            quote_id = slug_id(quote, taken)
        elif quote_id in taken:
            owner = db.execute("select citekey, text from quotes where id = ?", [quote_id]).fetchone()
            if owner[0] != citekey or owner[1] != quote:
                raise UsageError(f"quote id {quote_id!r} is already used (by {owner[0]})",
                                 hint="choose another --id")
        record = {"id": quote_id, **record}
        _write_record(kb, citekey, "quote", record, replace_id=quote_id if quote_id in taken else None)
    stored = dict(record, citekey=citekey, title=paper["title"])
    if match is not None:
        stored["notes"] = match.notes
    return stored


def _write_record(kb: KB, citekey: str, section: str, record: dict, replace_id: str | None = None) -> None:
    """Append (or replace) one record in claims/<citekey>.toml and re-index that file.
    Caller holds the writer lock."""

    path = kb.layout.claims_file(citekey)
    existing = path.read_text("utf-8") if path.exists() else ""
    header = None
    if not existing:
        title = kb.db.execute("select title from papers where citekey = ?", [citekey]).fetchone()
        header = (f"Quotes and claims from {citekey}" + (f": {title[0]}" if title and title[0] else "")
                  + "\nThe truth for kb: edit by hand if you like; kb re-indexes on its next run.")
    text = add_record(existing, section, record, header_comment=header, replace_id=replace_id)
    if "[[claim]]" in text:

        registry()      # load pint now, not between writing the file and indexing it
    kb.layout.claims.mkdir(exist_ok=True)
    kb.write_file(path, text)
    with transaction(kb.db):
        index.reindex_claims(kb, f"claims/{path.name}", path)


def remove_quote(kb: KB, quote_id: str) -> str:

    with kb.writing():
        row = kb.db.execute("select citekey, file from quotes where id = ?", [quote_id]).fetchone()
        if row is None:
            raise NotFound(f"no quote {quote_id!r}", hint="see `kb quote ls`")
        path = kb.root / row[1]
        kb.write_file(path, remove_record(path.read_text("utf-8"), "quote", quote_id))
        with transaction(kb.db):
            index.reindex_claims(kb, row[1], path)
    return row[0]


# -- listing ----------------------------------------------------------------------------

def topic_clause(topics: list[str], fts_table: str) -> tuple[str, list]:
    """SQL keeping the rows that match every topic: a topic matches when all its
    words appear among the row's topics or in its text (FTS5, so fast at any size)."""
    if not topics:
        return "1", []

    parts = []
    for topic in topics:
        terms = match_terms(topic)
        if not terms:
            return "0", []        # a topic without a word matches nothing
        parts.append("(" + " ".join(terms) + ")")
    return f"rowid in (select rowid from {fts_table} where {fts_table} match ?)", [" AND ".join(parts)]


def rows_as_dicts(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def list_quotes(kb: KB, topics: list[str] | None = None, paper: str | None = None,
                ids: list[str] | None = None) -> list[dict]:
    where, params = topic_clause(topics or [], "quotes_fts")
    if paper:
        where += " and citekey = ?"
        params.append(paper)
    if ids:
        where += f" and id in ({','.join('?' * len(ids))})"
        params.extend(ids)
    rows = rows_as_dicts(kb.conn.execute(f"select * from quotes where {where} order by citekey, rowid", params))
    for r in rows:
        r["topics"] = json.loads(r["topics"])
        r["spans"] = json.loads(r["spans"])
        r.pop("rowid", None)
    if ids:
        order = {i: n for n, i in enumerate(ids)}
        rows.sort(key=lambda r: order.get(r["id"], len(order)))
        missing = [i for i in ids if i not in {r["id"] for r in rows}]
        if missing:
            raise NotFound(f"no quote {missing[0]!r}", hint="see `kb quote ls`")
    return rows


# -- verifying ----------------------------------------------------------------------------

@dataclass
class Verdict:
    id: str
    citekey: str
    version: str | None
    status: str          # ok | not-found | unverified | no-text | stale | no-paper
    message: str = ""
    page: int | None = None
    differences: list = field(default_factory=list)
    failed: bool = False

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def verify_all(kb: KB, progress=None) -> list[Verdict]:
    """Re-verify every stored quote against the stored text of its version, and
    check whether it still appears in the latest version kb holds."""

    cache: dict = {}
    out: list[Verdict] = []
    quotes = list_quotes(kb)
    papers = {r[0] for r in kb.db.execute("select citekey from papers")}
    for n, q in enumerate(quotes, 1):
        if progress:
            progress(n, len(quotes))
        if q["citekey"] not in papers:
            out.append(Verdict(q["id"], q["citekey"], q["version"], "no-paper",
                               f"{q['citekey']} is not in references.bib", failed=True))
            continue
        if q["status"] == "unverified":
            out.append(Verdict(q["id"], q["citekey"], q["version"], "unverified",
                               q.get("note") or "stored with --force, not verified"))
            continue
        text = load_text(kb, q["citekey"], q["version"], cache)
        if text is None:
            out.append(Verdict(q["id"], q["citekey"], q["version"], "no-text",
                               f"kb holds no text of {q['citekey']} {q['version'] or ''}".rstrip()
                               + "; not re-checked"))
            continue
        match = find_quote(text.doc, q["text"])
        if match is None:
            near = closest_passage(text.doc, q["text"])
            out.append(Verdict(q["id"], q["citekey"], text.version, "not-found",
                               f"no longer found in {text.version}" + (f"; page {near.page}: {near.describe()}"
                                                                       if near else ""),
                               page=near.page if near else None,
                               differences=near.differences if near else [], failed=True))
            continue
        moved = ""
        if q["spans"] and [(s.page, s.start, s.end) for s in match.spans] != \
                [(s["page"], s["start"], s["end"]) for s in q["spans"]]:
            moved = " (found at a different place than recorded)"
        verdict = Verdict(q["id"], q["citekey"], text.version, "ok", f"page {match.page}{moved}",
                          page=match.page)
        held = versions_with_text(kb, q["citekey"])
        if held and q["version"] and _version_key(held[-1]) > _version_key(q["version"]):
            latest = load_text(kb, q["citekey"], held[-1], cache)
            if find_quote(latest.doc, q["text"]) is None:
                near = closest_passage(latest.doc, q["text"])
                verdict.status = "stale"
                verdict.message = (f"verified in {q['version']}, but not in {held[-1]}"
                                   + (f"; page {near.page}: {near.describe()}" if near else ""))
                verdict.differences = near.differences if near else []
        out.append(verdict)
    # Quotes stored unverified: can they be verified now?
    return out


@dataclass
class NoteVerdict:
    line: int
    quote: str
    source: str | None
    citekey: str | None
    version: str | None
    status: str          # ok | not-found | no-source | no-text | unverified | problem
    message: str = ""
    failed: bool = False

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def resolve_note_source(kb: KB, note, q) -> str | None:
    """The citekey a note's quote block cites: by pandoc key, by anchor = citekey,
    or through the references list (arXiv id, DOI, then title)."""

    db = kb.db
    if q.citekey:
        return q.citekey if db.execute("select 1 from papers where citekey = ?", [q.citekey]).fetchone() else None
    if q.source_link:
        anchor = q.source_link.lstrip("#")
        if db.execute("select 1 from papers where citekey = ?", [anchor]).fetchone():
            return anchor
    ref = note.reference_for(q)
    if ref is None:
        return None
    if ref.arxiv_id:
        row = db.execute("select citekey from papers where arxiv_id = ?", [ref.arxiv_id]).fetchone()
        if row:
            return row[0]
    if ref.doi:
        row = db.execute("select citekey from papers where doi = ?", [ref.doi.lower()]).fetchone()
        if row:
            return row[0]
    if ref.url:
        row = db.execute("select citekey from papers where url = ?", [ref.url]).fetchone()
        if row:
            return row[0]
    title = normalise_title(ref.title)
    if title:
        row = db.execute("select citekey from papers where title_norm = ?", [title]).fetchone()
        if row:
            return row[0]
    return None


def verify_note(kb: KB, path: Path) -> tuple[list[NoteVerdict], list[tuple[int, str]]]:
    """Check every quote block of a note against the paper it cites."""

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UsageError(f"{path}:{line}: the note is not UTF-8") from None
    note = parse_note(text, str(path))
    cache: dict = {}
    out: list[NoteVerdict] = []
    stored = {}
    for r in kb.db.query("select citekey, text, version, status, note from quotes"):
        stored[(r["citekey"], _squash(r["text"]))] = r
    for q in note.quotes:
        source = q.citekey and f"@{q.citekey}" or q.source_link
        citekey = resolve_note_source(kb, note, q)
        if citekey is None:
            ref = note.reference_for(q)
            what = (f"\"{ref.title}\"" if ref and ref.title else source) or "no source given"
            out.append(NoteVerdict(q.line, q.quote, source, None, None, "no-source",
                                   f"source not in the knowledge base: {what}", failed=True))
            continue
        known = stored.get((citekey, _squash(q.quote)))
        version = known["version"] if known else None
        if known and known["status"] == "unverified":
            out.append(NoteVerdict(q.line, q.quote, source, citekey, version, "unverified",
                                   known["note"] or "stored unverified in claims/"))
            continue
        text_ = load_text(kb, citekey, version, cache)
        if text_ is None:
            out.append(NoteVerdict(q.line, q.quote, source, citekey, version, "no-text",
                                   f"kb holds no text of {citekey} {version or ''}".rstrip() + "; not checked"))
            continue
        match = find_quote(text_.doc, q.quote)
        if match:
            out.append(NoteVerdict(q.line, q.quote, source, citekey, text_.version, "ok",
                                   f"page {match.page}" + ("" if match.page == match.page_end
                                                           else f"-{match.page_end}")))
        else:
            near = closest_passage(text_.doc, q.quote)
            message = f"not found in {citekey} {text_.version}"
            if near:
                message += f"; closest, page {near.page}: {near.describe()}"
            out.append(NoteVerdict(q.line, q.quote, source, citekey, text_.version, "not-found",
                                   message, failed=True))
    return out, note.problems


def _squash(text: str) -> str:
    return " ".join(text.split())
