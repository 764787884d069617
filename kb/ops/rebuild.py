"""`kb rebuild`: a new index made from the truth alone, swapped in for the old one.

The new index is built in .kb/tmp/ from references.bib, claims/*.toml and the
source cache (plus what the old index holds that the files do not, when it can
still be read: the review state of candidate claims, how each paper came in),
then swapped in under the writer lock; a damaged index is kept aside as
kb.sqlite.corrupt-<time> for inspection.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from kb.atomic import clean_stale_tmp, file_lock, make_folder
from kb.errors import FileFormatError, KBError
from kb.ops import derive
from kb.ops.doctor import fix_of, what_of, where_of
from kb.store import paths
from kb.store.index import Changes, Progress, check_claims_folder, manifest_from_index, sources_of_papers
from kb.store.knowledgebase import CLAIM_READING, KB
from kb.store.sqlite import BUSY_TIMEOUT_MS, LOCKED_BY, transaction, waiting
from kb.store.stale import BIB_REL, truth_files
from kb.text.display import counted


@dataclass
class RebuildResult:
    database: str
    moved_aside: str | None = None       # where the damaged index was kept
    previous: str = "missing"            # missing | ok | damaged
    papers: int = 0
    versions: int = 0
    pages: int = 0
    quotes: int = 0
    claims: int = 0
    semantic_scholar: int = 0
    salvaged: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)    # what could not be kept from the old index
    problems: list[str] = field(default_factory=list)    # truth files that could not be indexed
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def probe(path: Path, on_wait: Callable[[str | None], None] | None = None) -> str | None:
    """None when the SQLite file at `path` reads as a sound database, else why not. An index
    another program holds locked is no damaged one: its wait is said (`waiting`), and past it
    the rebuild is refused, where the lock made it 'damaged' after a minute without a word."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = [r[0] for r in waiting(conn, "PRAGMA quick_check(5)", on_wait).fetchall()]
        return None if rows == ["ok"] else "; ".join(rows)
    except sqlite3.Error as exc:
        if "locked" in str(exc).lower():
            raise KBError(f"{LOCKED_BY} and was not let go within {BUSY_TIMEOUT_MS / 1000:g} s; nothing rebuilt",
                          hint="run kb rebuild again once that program lets go") from None
        return str(exc)
    finally:
        conn.close()


def _checkpoint(path: Path) -> None:
    """Move what the old index's write-ahead log holds into the file itself, so the log
    can go; writers are held off by the lock, readers may still read."""
    if not path.exists():
        return
    try:
        conn = sqlite3.connect(str(path), timeout=60)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def rebuild(explicit: str | os.PathLike | None = None, *, progress: Progress | None = None,
            on_busy: Callable[[str | None], None] | None = None, jobs: int | None = 1) -> RebuildResult:
    """A new index from references.bib, claims/ and the caches, swapped in for
    the old one under the writer lock. The old one is left as it was if the
    new one cannot be made (references.bib unreadable). Its quotes and claims are
    decided on `jobs` processes (None: every core from derive.DECIDE_PARALLEL_FROM
    papers, as kb rebuild asks; the library's default is this process, as KB's)."""

    started = time.monotonic()
    layout = paths.layout(explicit)
    result = RebuildResult(database=str(layout.db))
    make_folder(layout.state)
    with file_lock(layout.lock, on_wait=on_busy, what="the knowledge base"):
        clean_stale_tmp(layout.tmp)
        make_folder(layout.tmp)
        make_folder(layout.sources)     # a file in its place would read as no source: every text gone
        # a folder, a FIFO or a device where the index belongs (made by hand, unpacked from an
        # archive) is no index: never opened (SQLite waits on a FIFO for ever), moved aside whole
        odd = layout.db.is_symlink() or layout.db.exists()
        odd = odd and not layout.db.is_file()
        old = layout.db if layout.db.exists() and not odd else None
        if odd or old is not None:
            result.previous = "ok" if old is not None and probe(old, on_busy) is None else "damaged"
        tmp = layout.tmp / f".kb.sqlite.{os.getpid()}.{time.monotonic_ns()}.tmp"
        kb = KB(layout, db_path=tmp, progress=progress, jobs=jobs)      # a new index, aside
        _ = kb.settings         # a kb.toml that is not TOML refused in one line, as every command does
        kb.check_limits()       # ... and one holding a limit that is none
        result.warnings += kb.unread_settings()
        try:
            _fill(kb, result, old)
            if old is not None:
                _salvage(old, kb.db, result)
            # Its log is then removed with its other sidecars: everything must be in the file.
            # (Workers that decided quotes and claims read it, and hold no read open now.)
            busy, logged, moved = kb.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if busy or logged != moved:
                raise KBError("the new index could not be written out whole (another process was reading "
                              "it); the old index is kept as it was", hint="run kb rebuild again")
            kb.close()
        except BaseException:
            kb.close()
            for p in [tmp, *_sidecars(tmp)]:
                p.unlink(missing_ok=True)
            raise
        for side in _sidecars(tmp):
            side.unlink(missing_ok=True)
        if result.previous == "damaged":
            stamp = time.strftime("%Y%m%d-%H%M%S")
            aside = layout.db.with_name(f"{layout.db.name}.corrupt-{stamp}")
            if odd:
                os.rename(layout.db, aside)     # nothing to keep in place until the swap
            else:
                shutil.copy2(layout.db, aside)      # a copy: the old file stays in place until the swap
            for side in _sidecars(layout.db):
                if side.exists():
                    shutil.copy2(side, aside.with_name(aside.name + side.name[len(layout.db.name):]))
            result.moved_aside = str(aside)
        else:
            _checkpoint(layout.db)
        # There is an index at every moment: the old one (its log emptied into it above,
        # so no stale log can be replayed onto the new file), then the new one.
        for side in _sidecars(layout.db):
            side.unlink(missing_ok=True)
        os.replace(tmp, layout.db)
    result.seconds = round(time.monotonic() - started, 3)
    return result


def _fill(kb: KB, result: RebuildResult, old: Path | None = None) -> None:
    """Index everything into kb.db (a fresh database): the files and cached
    sources first, then the derived data once, for all of it. A claims file that
    cannot be read keeps what the `old` index holds from it (`_keep_unread`)."""
    db = kb.db
    indexer = kb.indexer
    with transaction(db):
        indexer.reindex_bib()        # a malformed references.bib stops the rebuild here
    if old is not None:
        _remake_manifests(old, kb, result)
        _remake_sources(old, kb, result)
    indexer.attach_cached_sources()
    if old is not None:
        _keep_filed(old, kb)
    check_claims_folder(kb.layout)          # a claims folder kb cannot list stops it too
    for rel, path in truth_files(kb.layout).items():
        if rel == BIB_REL:
            continue
        try:
            with transaction(db):
                indexer.reindex_claims(rel, path)
        except FileFormatError as exc:
            kept = _keep_unread(old, db, rel) if old is not None else ""
            result.problems.append(f"{where_of(exc)}: {what_of(exc)} (not indexed{kept}; {fix_of(exc)})")
    changes, indexer.pending = indexer.pending, Changes()
    changes.bib = False             # the cached Semantic Scholar lists are merged below, and counted
    changes.committed = True        # every claims file and text above: decided on KB.jobs processes
    with transaction(db):
        derive.apply(kb, changes, progress=lambda done, total: kb.progress("deriving", done, total, "texts"),
                     bulk=True)             # every reference list, then one relink: linear in the papers
        result.semantic_scholar = derive.merge_cached_s2(kb)      # what kb cite fetch kept
        db.execute("insert or replace into meta (key, value) values ('claim_reading', ?)", [CLAIM_READING])
    for name, sql in (("papers", "select count(*) from papers"),
                      ("versions", "select count(*) from versions"),
                      ("pages", "select count(*) from pages"),
                      ("quotes", "select count(*) from quotes"),
                      ("claims", "select count(*) from claims")):
        setattr(result, name, db.execute(sql).fetchone()[0])


#: The tables whose rows a claims file gives, each row naming its file (Indexer.forget_claims).
_CLAIMS_TABLES = ("quotes", "claims", "units", "checks", "paper_settings", "restatements", "dismissals")


def _remake_manifests(old: Path, kb: KB, result: RebuildResult) -> None:
    """Cached sources whose manifests cannot be read are known by the `old` index, as far as it
    can be read (kb.store.index.manifest_from_index): their manifests are made again from it
    before the cache is read, where their papers' text was lost (a source is known by its
    manifest alone)."""
    cache = kb.sources
    broken = [p.stem for p in sorted(kb.layout.sources.glob("*.json")) if cache.sound(p.stem) is None]
    held = {sha: path for sha in broken if (path := cache.held(sha)) is not None}
    if not held:
        return
    try:
        conn = sqlite3.connect(f"file:{old}?mode=ro", uri=True, timeout=60)
    except sqlite3.Error:
        return
    remade = 0
    try:
        for sha, path in held.items():
            m = manifest_from_index(conn, sha, path.name)
            if m is not None:
                cache.save(m)
                remade += 1
    except sqlite3.Error as exc:
        result.warnings.append(f"the manifests that cannot be read in the source cache could not be made again "
                               f"from the old index ({exc}); kb doctor names them")
    finally:
        conn.close()
    if remade:
        result.salvaged.append(f"the manifests of {counted(remade, 'cached source')}, which could not be read")


def _remake_sources(old: Path, kb: KB, result: RebuildResult) -> None:
    """Cached sources whose file is gone (deleted by hand, by a disk cleaner, lost in a copy), their
    manifest with it or not: the text the `old` index holds of them is kept as a page text of its
    own, filed as they were (a rebuild read the missing file and stopped on it, or, the manifest
    gone too, lost the text, held nowhere else, with the old index). The pages are the index's, as they were read from the file, so
    every quote is verified in the same text; a PDF itself is not made again (said)."""
    cache = kb.sources
    try:
        conn = sqlite3.connect(f"file:{old}?mode=ro", uri=True, timeout=60)
    except sqlite3.Error:
        return
    try:
        held = [r[0] for r in conn.execute("select distinct sha256 from versions where text_status = 'ok' "
                                           "and sha256 is not null order by sha256")]
        missing = []
        for sha in held:
            if cache.held(sha) is None:         # its file gone, its manifest too or not
                m = cache.sound(sha) or manifest_from_index(conn, sha, f"{sha}.pages")
                if m is not None:
                    missing.append(m)
        for m in missing:
            row = conn.execute("select id, extractor, page_count from versions where sha256 = ? and text_status = 'ok' "
                               "order by added_at, id", [m.sha256]).fetchall()
            if not row:
                continue
            vid, extractor, count = row[-1]
            pages = [r[0] for r in conn.execute("select text from pages where version_id = ? order by page", [vid])]
            if not pages or len(pages) != count:
                continue
            data = json.dumps(pages, ensure_ascii=False, indent=0).encode()
            sha = cache.store(data, "pages")
            cache.save(replace(m, sha256=sha, kind="text", filename=f"{sha}.pages",
                               extractor=extractor or m.extractor or "unknown", writer_pid=None,
                               pdf_gone=m.filename if m.kind == "pdf" else m.pdf_gone))
            cache.manifest_path(m.sha256).unlink(missing_ok=True)
            result.salvaged.append(f"the text of {', '.join(m.citekeys) or 'a paper'}{' ' + m.version if m.version else ''}, whose cached "
                                   f"source {m.filename} is missing, as {sha}.pages (from the old index)"
                                   .replace("  ", " ") + (": the PDF itself is gone, kb add it again to have it"
                                                          if m.kind == "pdf" else ""))
    except sqlite3.Error as exc:
        result.warnings.append(f"the text of cached sources whose file is missing could not be read from the old "
                               f"index ({exc}); kb doctor names them")
    finally:
        conn.close()


def _keep_unread(old: Path, db, rel: str) -> str:
    """Copy what the old index holds from the claims file `rel`, which cannot be read now
    (malformed, not UTF-8), into the new index, with the old record of the file: the new
    index then holds what the old one did, as every other command keeps it, and the file is
    still named as not indexed until it is corrected. Read as having nothing, its quotes
    and claims would be gone from the index without a word. Returns what was kept, said."""
    try:
        conn = sqlite3.connect(f"file:{old}?mode=ro", uri=True, timeout=60)
    except sqlite3.Error:
        return ""
    counts = {}
    try:
        with transaction(db):
            for table in (*_CLAIMS_TABLES, "files"):
                cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
                new_cols = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
                cols = [c for c in cols if c in new_cols]
                if not cols or ("file" not in cols and "path" not in cols):
                    continue
                where = "path" if table == "files" else "file"
                names = ", ".join(f"[{c}]" for c in cols)
                rows = conn.execute(f"select {names} from {table} where [{where}] = ?", [rel]).fetchall()
                db.conn.executemany(f"insert or ignore into {table} ({names}) values ({', '.join('?' * len(cols))})",
                                    rows)
                counts[table] = db.execute(f"select count(*) from {table} where [{where}] = ?", [rel]).fetchone()[0]
    except sqlite3.Error:
        return ""
    finally:
        conn.close()
    said = [f"{counts[t]} {t[:-1] if counts[t] == 1 else t}" for t in ("quotes", "claims", "checks") if counts.get(t)]
    return f"; what the old index held from it is kept: {', '.join(said)}" if said else ""


def _keep_filed(old: Path, kb: KB) -> None:
    """Texts the `old` index held of a paper that its cached source no longer leads to by what it
    was filed as (its entry's title replaced by hand: kb's guess 'Microsoft Word - draft3' made the
    title its first page prints), filed again under that paper as the old index held them, where
    the source is cached under its key: a rebuild never drops a text the index held and the cache
    keeps (kb doctor says a key that now names another work than its text)."""
    try:
        conn = sqlite3.connect(f"file:{old}?mode=ro", uri=True, timeout=60)
    except sqlite3.Error:
        return
    try:
        rows = conn.execute("select citekey, version, sha256 from versions where text_status = 'ok' "
                            "and sha256 is not null order by citekey, version").fetchall()
    except sqlite3.Error:
        rows = []
    finally:
        conn.close()
    if not rows:
        return
    papers = {r["citekey"]: r for r in kb.db.query("select citekey, arxiv_id, doi, title_norm from papers")}
    have = {(r[0], r[1]) for r in kb.db.execute("select citekey, version from versions")}
    for citekey, version, sha in rows:
        if citekey in papers and (citekey, version) not in have:
            m = kb.sources.get(sha)
            # not where it leads to another entry now and the key has its new work's text (two keys swapped by
            # hand): it is filed there
            if m is not None and citekey in m.citekeys and (citekey in (sources_of_papers(m, papers) or [citekey])
                                                            or not any(k == citekey for k, _ in have)):
                kb.indexer.attach_source(m, citekey, version=version)
                have.add((citekey, version))


def _salvage(old: Path, db, result: RebuildResult) -> None:
    """What the old index holds that the files do not, as far as it can be read:
    candidate claims and their review state (kb claims dismiss/promote),
    how each paper came in (origin, whether its metadata is complete), and the
    papers each imported BibTeX file filed."""

    try:
        conn = sqlite3.connect(f"file:{old}?mode=ro", uri=True, timeout=60)
    except sqlite3.Error:
        return
    try:
        papers = {r[0] for r in db.execute("select citekey from papers")}
        try:
            cols = [r[1] for r in conn.execute("PRAGMA table_info(candidates)")]
            new_cols = {r[1] for r in db.execute("PRAGMA table_info(candidates)")}
            cols = [c for c in cols if c in new_cols]
            rows = conn.execute(f"select {', '.join(f'[{c}]' for c in cols)} from candidates").fetchall() \
                if cols else []
            ci = cols.index("citekey") if "citekey" in cols else None
            rows = [r for r in rows if ci is not None and r[ci] in papers]
            if rows:
                with transaction(db):
                    db.conn.executemany(
                        f"insert or ignore into candidates ({', '.join(f'[{c}]' for c in cols)}) "
                        f"values ({', '.join('?' * len(cols))})", rows)
                reviewed = sum(1 for r in rows if "status" in cols and r[cols.index("status")] != "unreviewed")
                result.salvaged.append(f"{len(rows)} candidate claims ({reviewed} reviewed)")
        except sqlite3.Error as exc:
            result.warnings.append(f"candidate claims could not be read from the old index ({exc}); "
                                   "kb claims extract proposes them again, without their review state")
        try:
            # Text only the old index held: its cached source gone (the cache deleted by hand,
            # a disk cleaner), the rebuild lost it without a word.
            held = {(r[0], r[1]) for r in db.execute("select citekey, version from versions where text_status = 'ok'")}
            # a version whose cached source is there but could not be read again (a limit of kb.toml
            # lowered, the file replaced by hand): why, not "gone from the cache"
            unread = {(r[0], r[1]): (r[2], r[3]) for r in db.execute(
                "select citekey, version, text_status, text_message from versions where text_status != 'ok'")}
            old_ok = [(r[0], r[1]) for r in conn.execute("select citekey, version from versions where text_status = 'ok'")
                      if r[0] in papers and (r[0], r[1]) not in held]
            lost = sorted(f"{c} {v}".rstrip() for c, v in old_ok if (c, v) not in unread)
            for c, v in sorted(k for k in old_ok if k in unread):
                status, message = unread[(c, v)]
                result.warnings.append(f"the text of {f'{c} {v}'.rstrip()} the old index held could not be read again "
                                       f"from its cached source ({status}: {message or 'no reason given'}); the "
                                       f"new index holds none of it (kb show {c} says why)")
            if lost:
                result.warnings.append(f"the text of {counted(len(lost), 'version')} the old index held is lost, their cached "
                                       f"sources missing from .kb/cache/sources: {', '.join(lost[:10])}"
                                       + (f" and {len(lost) - 10} more" if len(lost) > 10 else "")
                                       + "; kb add their PDFs again (or kb text load their text)")
        except sqlite3.Error:
            pass
        try:
            rows = conn.execute("select citekey, origin, metadata_status from papers").fetchall()
            rows = [r for r in rows if r[0] in papers and r[1] and r[2] in ("complete", "incomplete")]
            if rows:
                with transaction(db):
                    db.conn.executemany("update papers set origin = ?, metadata_status = ? where citekey = ?",
                                        [(r[1], r[2], r[0]) for r in rows])
                result.salvaged.append(f"origin and metadata status of {counted(len(rows), 'paper')}")
        except sqlite3.Error:
            pass
        try:
            # what each BibTeX file imported filed (kb.ops.papers._say_gone): a library exported again
            # without some of them says so after a rebuild as before it
            rows = conn.execute("select key, value from meta where key like 'imported:%'").fetchall()
            if rows:
                with transaction(db):
                    db.conn.executemany("insert or replace into meta (key, value) values (?, ?)", rows)
                result.salvaged.append(f"what {len(rows)} imported BibTeX file(s) filed")
        except sqlite3.Error:
            pass
    finally:
        conn.close()
