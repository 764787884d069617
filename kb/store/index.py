"""Keeping SQLite in step with the files a person edits.

The index records the size, mtime and sha256 of references.bib and each
claims/*.toml it has indexed. When a file differs (edited by hand, or written
by a command that died before updating the index), it is re-indexed; a paper
in references.bib whose text is missing from the index gets it back from the
source cache. So the index is always a function of the files and the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kb.errors import FileFormatError, LimitExceeded, PDFError
from kb.graph import links as graph
from kb.quantities import units as unitsmod
from kb.sources import s2
from kb.sources.bibtex import BibFile
from kb.sources.metadata import from_bib_fields
from kb.sources.pdf import extract
from kb.sources.textfile import parse_text_source
from kb.store import claimsfile
from kb.store.db import transaction
from kb.text.latex import latex_to_text
from kb.text.names import first_author_key
from kb.text.titles import normalise_title

if TYPE_CHECKING:
    from kb.store.knowledgebase import KB

BIB_REL = "references.bib"


def truth_files(kb: "KB") -> dict[str, Path]:
    files = {BIB_REL: kb.layout.bib}
    if kb.layout.claims.is_dir():
        for path in sorted(kb.layout.claims.glob("*.toml")):
            files[f"claims/{path.name}"] = path
    return files


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _scan(kb: "KB") -> dict[str, tuple[int, int]]:
    """(size, mtime_ns) of every truth file, by relative path: one scandir, no Path objects
    (a knowledge base may hold thousands of claims files, and this runs on every command)."""
    out: dict[str, tuple[int, int]] = {}
    st = _stat(kb.layout.bib)
    if st is not None:
        out[BIB_REL] = st
    try:
        with os.scandir(kb.layout.claims) as entries:
            for entry in entries:
                if entry.name.endswith(".toml"):
                    try:
                        if entry.is_file():
                            s = entry.stat()
                            out["claims/" + entry.name] = (s.st_size, s.st_mtime_ns)
                    except OSError:
                        continue
    except OSError:
        pass
    return out


def stale_files(kb: "KB") -> list[str]:
    """Truth files whose size or mtime differ from what was indexed (cheap: stat only)."""
    if not kb.layout.db.exists():
        return list(truth_files(kb)) or [BIB_REL]
    recorded = {path: (size, mtime) for path, size, mtime in
                kb.conn.execute("select path, size, mtime_ns from files")}
    current = _scan(kb)
    stale = [rel for rel, st in current.items() if recorded.get(rel) != st]
    stale += [rel for rel in recorded if rel not in current]
    return stale


def record_file(db, rel: str, path: Path) -> None:
    """Remember what was indexed; call inside the transaction that indexed it."""
    st = _stat(path)
    if st is None:
        db.execute("delete from files where path = ?", [rel])
        return
    db.execute("insert or replace into files (path, sha256, size, mtime_ns) values (?, ?, ?, ?)",
               [rel, _sha(path), st[0], st[1]])


def sync(kb: "KB") -> None:
    """Re-index every stale truth file. Caller holds the writer lock."""

    db = kb.db
    recorded = {row["path"]: row["sha256"] for row in db.query("select path, sha256 from files")}
    current = truth_files(kb)
    stale = stale_files(kb)
    if not stale:
        return
    # references.bib first: whether claims/<stem>.toml belongs to a paper depends on it.
    stale.sort(key=lambda rel: rel != BIB_REL)
    for rel in stale:
        path = current.get(rel)
        if path is not None and path.exists() and recorded.get(rel) == _sha(path):
            with transaction(db):
                record_file(db, rel, path)   # touched, not changed
            continue
        if rel == BIB_REL:
            with transaction(db):
                reindex_bib(kb)
            attach_cached_sources(kb)
            merge_cached_s2(kb)
            continue
        with transaction(db):
            reindex_claims(kb, rel, path if path is not None and path.exists() else None)


# -- references.bib ---------------------------------------------------------------

def paper_row(key: str, entry_type: str, fields: dict[str, str], position: int,
              previous: dict | None = None) -> dict:

    meta = from_bib_fields(entry_type, fields)
    previous = previous or {}
    return {
        "citekey": key, "entry_type": entry_type,
        "title": latex_to_text(meta.title),
        "authors": json.dumps([latex_to_text(a) for a in meta.authors], ensure_ascii=False),
        "year": meta.year, "arxiv_id": meta.arxiv_id, "doi": meta.doi, "url": meta.url,
        "venue": latex_to_text(meta.venue) if meta.venue else None,
        "primary_class": meta.primary_class,
        "version": f"v{meta.version}" if meta.version else None,
        "origin": previous.get("origin") or ("arxiv" if meta.arxiv_id else "bibtex"),
        "metadata_status": previous.get("metadata_status") or "complete",
        "title_norm": normalise_title(meta.title),
        "first_author": first_author_key(meta.authors),
        "fields": json.dumps(fields, ensure_ascii=False), "position": position,
    }


def reindex_bib(kb: "KB", bibfile=None) -> None:
    """Make the papers table match references.bib. Caller runs a transaction."""

    db = kb.db
    bibfile = bibfile or BibFile.load(kb.layout.bib)
    previous = {row["citekey"]: row for row in
                db.query("select citekey, origin, metadata_status, fields from papers")}
    rows = [paper_row(e.key, e.entry_type, e.fields, i, previous.get(e.key))
            for i, e in enumerate(bibfile.all_entries())]
    keys = {r["citekey"] for r in rows}
    gone = [k for k in previous if k not in keys]
    for key in gone:
        delete_paper_rows(db, key)
    if rows:
        db["papers"].upsert_all(rows, pk="citekey", alter=False)
    # Papers added, removed or edited may change who cites whom, both ways.
    changed = set(gone) | {r["citekey"] for r in rows
                           if r["citekey"] not in previous or previous[r["citekey"]]["fields"] != r["fields"]}
    if changed:

        graph.relink(db, changed)
    record_file(db, BIB_REL, kb.layout.bib)


def delete_paper_rows(db, citekey: str) -> None:
    db.execute("delete from pages where citekey = ?", [citekey])
    db.execute("delete from versions where citekey = ?", [citekey])
    db.execute("delete from refs where citekey = ?", [citekey])
    db.execute("delete from citations where citing = ? or cited = ?", [citekey, citekey])
    db.execute("delete from candidates where citekey = ?", [citekey])
    db.execute("delete from papers where citekey = ?", [citekey])


# -- versions and page text -----------------------------------------------------------

def store_version(db, citekey: str, version: str, *, manifest=None, pages: list[str] | None,
                  extractor: str | None, text_status: str, text_message: str | None = None) -> int:
    """Insert or replace one version of a paper with its page text. Caller runs a transaction."""
    old = db.execute("select id from versions where citekey = ? and version = ?",
                     [citekey, version]).fetchone()
    if old:
        db.execute("delete from pages where version_id = ?", [old[0]])
        db.execute("delete from versions where id = ?", [old[0]])
    cur = db.execute(
        "insert into versions (citekey, version, sha256, source_kind, source_url, page_count, "
        "extractor, text_status, text_message, added_at) values (?,?,?,?,?,?,?,?,?,?)",
        [citekey, version, manifest.sha256 if manifest else None,
         manifest.kind if manifest else None, manifest.source_url if manifest else None,
         len(pages) if pages is not None else None, extractor, text_status, text_message,
         time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(manifest.added_at if manifest else time.time()))])
    version_id = cur.lastrowid
    if pages:
        db.conn.executemany(
            "insert into pages (version_id, citekey, version, page, text) values (?,?,?,?,?)",
            [(version_id, citekey, version, i + 1, text) for i, text in enumerate(pages)])
        _after_text(db, citekey, version, pages)
    return version_id


def _after_text(db, citekey: str, version: str, pages: list[str]) -> None:
    """Derived data that follows from a version's text: its reference list."""
    latest = db.execute("select version from versions where citekey = ? order by version desc limit 1",
                        [citekey]).fetchone()
    if latest and latest[0] != version:
        return
    if hasattr(graph, "index_references"):
        graph.index_references(db, citekey, version, pages)


def load_source(kb: "KB", manifest) -> tuple[list[str] | None, str | None, str, str | None]:
    """(pages, extractor, text_status, message) for a cached source."""
    data = kb.sources.read(manifest)
    if manifest.kind == "text":

        try:
            pages = parse_text_source(data, manifest.filename)
        except FileFormatError as exc:    # a damaged cache entry must not stop every command
            return None, None, "corrupt", str(exc)
        return pages, manifest.extractor or "unknown", "ok", None

    try:
        result = extract(data, kb.limits(), source=manifest.source_url or manifest.filename)
    except PDFError as exc:
        status = "encrypted" if "encrypted" in exc.message else "corrupt"
        return None, None, status, exc.message
    except LimitExceeded as exc:
        return None, None, "over-limit", exc.message
    if result.status != "ok":
        return None, result.extractor, result.status, result.message
    return result.pages, result.extractor, "ok", None


def attach_cached_sources(kb: "KB", citekeys: list[str] | None = None) -> int:
    """Give papers whose versions are missing from the index their cached text."""

    db = kb.db
    manifests = kb.sources.all()
    if not manifests:
        return 0
    papers = {row["citekey"]: row for row in db.query("select citekey, arxiv_id, doi, title_norm from papers")}
    have = {(r["citekey"], r["version"]) for r in db.query("select citekey, version from versions")}
    attached = 0
    for m in manifests:
        targets = [c for c in m.citekeys if c in papers and _same_paper(m, papers[c])]
        if not targets and m.arxiv_id:
            targets = [c for c, p in papers.items() if p["arxiv_id"] == m.arxiv_id]
        for citekey in targets:
            if citekeys is not None and citekey not in citekeys:
                continue
            if (citekey, m.version) in have:
                continue
            pages, extractor, status, message = load_source(kb, m)
            with transaction(db):
                store_version(db, citekey, m.version, manifest=m, pages=pages, extractor=extractor,
                              text_status=status, text_message=message)
                if not m.metadata_complete:
                    db.execute("update papers set metadata_status = 'incomplete', origin = 'pdf' "
                               "where citekey = ? and metadata_status = 'complete' and origin != 'arxiv'",
                               [citekey])
            have.add((citekey, m.version))
            attached += 1
    return attached


def merge_cached_s2(kb: "KB") -> int:
    """Semantic Scholar lists fetched earlier (kb cite fetch) for papers whose
    S2 links are missing from the index, e.g. after kb rebuild."""

    folder = kb.layout.cache / "s2"
    if not folder.is_dir():
        return 0
    db = kb.db
    done = {r[0] for r in db.execute("select distinct citekey from refs where source = 'semantic-scholar'")}
    done |= {r[0] for r in db.execute("select distinct citekey from s2_citing")}
    merged = 0
    for path in folder.glob("*.json"):
        citekey = path.stem
        if citekey in done or not _is_paper(db, citekey):
            continue
        data = s2.load(kb.layout.state, citekey)
        if data:
            graph.merge_s2(db, citekey, data.get("references", []), data.get("citations", []))
            merged += 1
    return merged


def _same_paper(manifest, paper) -> bool:
    """A source filed under a citekey still belongs to the paper now holding that key
    (a command that died could have left a key that another paper took since)."""
    if manifest.arxiv_id and paper["arxiv_id"]:
        return manifest.arxiv_id == paper["arxiv_id"]
    if manifest.doi and paper["doi"]:
        return manifest.doi == paper["doi"]
    if manifest.title and paper["title_norm"]:
        return manifest.title == paper["title_norm"]
    return True


# -- claims/*.toml --------------------------------------------------------------------

def reindex_claims(kb: "KB", rel: str, path: Path | None) -> None:
    """Replace the rows indexed from one claims file. Caller runs a transaction."""

    db = kb.db
    for table in ("quotes", "claims", "units", "checks", "paper_settings"):
        db.execute(f"delete from {table} where file = ?", [rel])
    if path is None:
        db.execute("delete from files where path = ?", [rel])
        return
    stem = path.stem
    doc = claimsfile.load(path, stem if _is_paper(db, stem) else None, rel)
    if doc.paper:
        db.execute("insert or replace into paper_settings (citekey, anchor, file) values (?,?,?)",
                   [doc.citekey, doc.paper.get("anchor"), rel])
    for q in doc.quotes:
        clash = db.execute("select file from quotes where id = ?", [q.id]).fetchone()
        if clash:
            raise FileFormatError(f"quote id {q.id!r} is also used " + _where(clash[0], rel), path=rel, line=q.line,
                                  hint="quote ids must be unique in the knowledge base")
        db.execute(
            "insert into quotes (id, citekey, version, text, topics, status, method, page, page_end, "
            "spans, prefix, suffix, extractor, note, file) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [q.id, q.citekey, q.version, q.text, json.dumps(q.topics, ensure_ascii=False), q.status,
             q.method, q.page, q.page_end, json.dumps(q.spans), q.prefix, q.suffix, q.extractor,
             q.note, rel])
    for c in doc.claims:
        clash = db.execute("select file from claims where citekey is ? and id = ?",
                           [c.citekey, c.id]).fetchone()
        if clash:
            raise FileFormatError(f"claim id {c.id!r} is defined twice (also {_where(clash[0], rel)})",
                                  path=rel, line=c.line)
        number, value, unit, base_value, base_unit = _claim_numbers(c.value)
        db.execute(
            "insert into claims (id, citekey, kind, number, value, unit, base_value, base_unit, per, "
            "quote, quote_id, page, version, topics, status, file) "
            "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [c.id, c.citekey, "claim", number, value, unit, base_value, base_unit, c.per, c.quote,
             c.quote_id, c.page, c.version, json.dumps(c.topics, ensure_ascii=False), c.status, rel])
    for u in doc.units:
        clash = db.execute("select file from units where name = ?", [u.name]).fetchone()
        if clash:
            raise FileFormatError(f"unit {u.name!r} is defined twice (also {_where(clash[0], rel)})",
                                  path=rel, line=u.line)
        db.execute("insert into units (name, definition, citekey, file) values (?,?,?,?)",
                   [u.name, u.definition, u.citekey, rel])
    for ch in doc.checks:
        clash = db.execute("select file, line from checks where id = ?", [ch.id]).fetchone()
        if clash:
            first = f"at line {clash[1]}" if clash[0] == rel and clash[1] else _where(clash[0], rel)
            raise FileFormatError(f"check id {ch.id!r} is defined twice (also {first})",
                                  path=rel, line=ch.line)
        db.execute("insert into checks (id, stated, expr, tolerance, note, file, line) "
                   "values (?,?,?,?,?,?,?)", [ch.id, ch.stated, ch.expr, ch.tolerance, ch.note, rel, ch.line])
    record_file(db, rel, path)


def _where(other: str, rel: str) -> str:
    return "earlier in this file" if other == rel else f"in {other}"


def _is_paper(db, citekey: str) -> bool:
    return db.execute("select 1 from papers where citekey = ?", [citekey]).fetchone() is not None


def _claim_numbers(value: str):
    """(number as written, value, unit, value in base units, base unit) — best effort;
    a value kb cannot read is reported by `kb check`, not here."""
    import re

    m = re.match(r"^\s*([-+−]?[\d][\d,\s]*(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*(.*)$", value)
    if not m:
        return value, None, None, None, None
    number = m.group(1).strip()
    unit = m.group(2).strip() or None
    try:
        numeric = float(number.replace(",", "").replace(" ", "").replace("−", "-"))
    except ValueError:
        return number, None, unit, None, None
    base_value = base_unit = None
    try:

        if hasattr(unitsmod, "to_base"):
            base_value, base_unit = unitsmod.to_base(numeric, unit or "")
    except Exception:
        pass
    return number, numeric, unit, base_value, base_unit
