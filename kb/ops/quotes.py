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
from kb.ops.records import drop_record, write_record
from kb.quantities.quoted import value_in_quote
from kb.store import claimsfile
from kb.store.claimsfile import ID_RE
from kb.store.fts import topic_clause
from kb.store.knowledgebase import KB
from kb.store.queries import (
    PageText,
    load_text,
    paper_exists,
    require_paper,
    rows_as_dicts,
    versions_with_text,
)
from kb.text.ascii import ascii_fold
from kb.text.match import closest_passage, find_quote
from kb.text.notes import parse_note
from kb.text.titles import normalise_title
from kb.text.versions import normalise_version, version_number


class QuoteNotFound(KBError):
    """The paper does not contain the quote (exit 2: nothing was stored)."""

    def __init__(self, message: str, near=None):
        super().__init__(message)
        self.near = near


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


def describe_miss(paper: dict, version: str, near, others: list[str]) -> str:
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

    paper = require_paper(kb.conn, citekey)
    text = load_text(kb.conn, citekey, version, cache)
    if text is None:
        return paper, None, None, None
    match = find_quote(text.doc, quote)
    near = None if match else closest_passage(text.doc, quote)
    return paper, text, match, near


def provenance(match, text: PageText) -> dict:
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
        held = versions_with_text(kb.conn, citekey)
        what = f"{citekey} {version}" if version else citekey
        message = (f"kb holds no text of {what}" + (f" (it has {', '.join(held)})" if held else "")
                   + "; cannot verify the quote")
        if not force:
            raise QuoteNotFound(message + f". Get the text first ({_no_text_hint(paper, version)}), "
                                "or store it unverified with --force")
        record.update({"version": version, "status": "unverified",
                       "note": note or f"not verified: kb held no text of {what}"})
    elif match is None:
        message = describe_miss(paper, text.version, near, versions_with_text(kb.conn, citekey))
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
        write_record(kb, citekey, "quote", record, replace_id=quote_id if quote_id in taken else None)
    stored = dict(record, citekey=citekey, title=paper["title"])
    if match is not None:
        stored["notes"] = match.notes
    return stored


def remove_quote(kb: KB, quote_id: str) -> str:

    with kb.writing():
        row = kb.db.execute("select citekey, file from quotes where id = ?", [quote_id]).fetchone()
        if row is None:
            raise NotFound(f"no quote {quote_id!r}", hint="see `kb quote ls`")
        drop_record(kb, row[1], "quote", quote_id)
    return row[0]


# -- listing ----------------------------------------------------------------------------

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
    kind: str = "quote"  # quote | claim

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def verify_claims(kb: KB, cache: dict | None = None, progress=None) -> list[Verdict]:
    """Re-check every claim of the claims files: its value must be among its
    quote's numbers (`kb.quantities.quoted`), and its quote must still be found
    in the text of its version. Claims written by hand are checked the same way."""

    cache = {} if cache is None else cache
    papers = {r[0] for r in kb.db.execute("select citekey from papers")}
    rows = rows_as_dicts(kb.conn.execute(
        "select id, citekey, number, unit, quote, version, status, file from claims "
        "where kind = 'claim' and citekey is not null order by citekey, rowid"))
    docs: dict = {}
    out: list[Verdict] = []
    for n, c in enumerate(rows, 1):
        if progress:
            progress(n, len(rows))
        value = f"{c['number'] or ''} {c['unit'] or ''}".strip()

        def verdict(status: str, message: str, failed: bool = False, **kw) -> Verdict:
            return Verdict(c["id"], c["citekey"], c["version"], status, message, failed=failed,
                           kind="claim", **kw)

        if c["citekey"] not in papers:
            out.append(verdict("no-paper", f"{c['citekey']} is not in references.bib", True))
            continue
        mismatch = value_in_quote(value, c["quote"]) if c["quote"] else None
        if c["status"] == "unverified":
            reason = claim_note(kb, c, docs) or "stored unverified"
            if mismatch is not None and not mismatch.ok and "not among its quote" not in reason:
                reason += "; " + mismatch.reason(value)
            out.append(verdict("unverified", reason))
            continue
        if not c["quote"]:
            if c["status"] == "verified":
                out.append(verdict("no-quote", f"{value} is marked verified but has no quote", True))
            else:
                out.append(verdict("unverified", "no quote: the claim is not verified"))
            continue
        if not mismatch.ok:
            out.append(verdict("value-mismatch", mismatch.reason(value), True))
            continue
        text = load_text(kb.conn, c["citekey"], c["version"], cache)
        if text is None:
            out.append(verdict("no-text", f"kb holds no text of {c['citekey']} {c['version'] or ''}".rstrip()
                               + "; quote not re-checked"))
            continue
        match = find_quote(text.doc, c["quote"])
        if match is None:
            near = closest_passage(text.doc, c["quote"])
            out.append(verdict("not-found", f"quote no longer found in {text.version}"
                               + (f"; page {near.page}: {near.describe()}" if near else ""), True,
                               page=near.page if near else None,
                               differences=near.differences if near else []))
            continue
        out.append(verdict("ok", f"{value}, page {match.page}", page=match.page))
    return out


def claim_note(kb: KB, claim: dict, docs: dict) -> str | None:
    """The note stored with a claim in its claims file (the index keeps no notes)."""
    rel = claim["file"]
    if rel not in docs:
        path = kb.root / rel
        try:
            docs[rel] = claimsfile.load(path, path.stem if paper_exists(kb.conn, path.stem) else None, rel)
        except KBError:
            docs[rel] = None
    doc = docs[rel]
    if doc is None:
        return None
    for rec in doc.claims:
        if rec.id == claim["id"]:
            return getattr(rec, "note", None)
    return None


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
        text = load_text(kb.conn, q["citekey"], q["version"], cache)
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
        held = versions_with_text(kb.conn, q["citekey"])
        if held and q["version"] and version_number(held[-1]) > version_number(q["version"]):
            latest = load_text(kb.conn, q["citekey"], held[-1], cache)
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

    db = kb.conn
    if q.citekey:
        return q.citekey if paper_exists(db, q.citekey) else None
    if q.source_link:
        anchor = q.source_link.lstrip("#")
        if paper_exists(db, anchor):
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
        text_ = load_text(kb.conn, citekey, version, cache)
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
