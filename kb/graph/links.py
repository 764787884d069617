"""The citation graph, linking: reference lists resolved to papers of the knowledge base.

SQLite holds everything: `refs` (each paper's parsed reference list, and the
references Semantic Scholar lists for it), `s2_citing` (papers Semantic Scholar
says cite a paper here), `citations` (one row per citing -> cited pair inside
the knowledge base, with every way the link was found) and `works` (cited
works outside it). This module writes them; kb.graph.views reads them.

Linking is incremental and goes both ways: adding a paper resolves its own
references and re-resolves other papers' unresolved references that could name
it (same arXiv id, DOI, or first author), found through indexes, so the cost
follows what changed rather than the size of the knowledge base.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from kb.graph.tables import S2, chunks, note_reading, require_paper
from kb.store.queries import CHECKED_DOI, arxiv_stamped
from kb.store.sqlite import transaction
from kb.text.ids import bare_arxiv_id, find_arxiv_in_text
from kb.text.names import first_author_key, name_key
from kb.text.refs import (
    TITLE_THRESHOLD,
    PaperIndex,
    PaperInfo,
    RefEntry,
    author_tail,
    author_tails,
    clean_text,
    find_references,
    id_work_key,
    title_key,
    work_key,
)
from kb.text.titles import normalise_title

if TYPE_CHECKING:
    from kb.store.sqlite import Database

__all__ = ["index_references", "relink", "merge_s2", "own_ids", "names_itself"]

METHOD_ORDER = ("arxiv", "doi", "title", S2)

_REF_COLS = ("citekey", "version", "idx", "label", "raw", "page", "arxiv_id", "doi", "url", "year",
             "title", "first_author", "work_key", "title_key", "source")
_S2C_COLS = ("citekey", "idx", "paper_id", "raw", "arxiv_id", "doi", "url", "year", "title",
             "first_author", "work_key", "title_key")


# --------------------------------------------------------------------------
# Helpers

def _first_author_of(first_author: str | None, authors_json: str | None) -> str | None:
    if first_author:
        return first_author
    try:
        authors = json.loads(authors_json or "[]")
    except ValueError:
        return None
    if not authors or not isinstance(authors[0], str):
        return None
    return first_author_key([a if isinstance(a, str) else "" for a in authors]) or None


def _load_papers(db: Database, where: str = "", params: Sequence = ()) -> list[PaperInfo]:
    """The papers references resolve to, each with the identifiers kb checked: neither the DOI nor
    the arXiv id (without arXiv's stamp of it on its text: queries.arxiv_stamped) of an entry kb
    guessed from its PDF, as often a work the PDF cites."""
    return [PaperInfo(ck, ax if not ax or status != "incomplete" or arxiv_stamped(db.conn, ck, ax) else None,
                      doi, title, year, _first_author_of(fa, authors), authors)
            for ck, ax, doi, title, year, fa, authors, status in db.execute(
                f"SELECT citekey, arxiv_id, {CHECKED_DOI}, title, year, first_author, authors, metadata_status "
                "FROM papers " + where, list(params))]


# The forms an arXiv id of the papers table may take before bare_arxiv_id compares it:
# kb stores parsed ids, a hand-made index row may keep the prefix.
_ARXIV_PREFIXES = ("", "arXiv:", "arxiv:", "ARXIV:", "ArXiv:")


def _papers_resolving(db: Database, rows: Sequence[tuple]) -> list[PaperInfo]:
    """Every paper a strict resolution of `rows` (candidate reference rows) can look at:
    those with one of their arXiv ids or DOIs, or their first author's last four letters
    and a year within one (PaperIndex's buckets). A bucket is loaded whole (and a little
    more: the filters are loose, PaperIndex compares exactly), so resolving against these
    papers is resolving against all of them, while a paper added to a knowledge base of
    10,000 reads a few dozen papers instead of every one. Each part of the selection is
    read through an index of its own (m018), its values written into the statement
    (SQLite uses an index on an expression for `IN (?, ...)`, not for `IN (SELECT ...)`):
    none reads the whole papers table."""
    arxiv: set[str] = set()
    dois: set[str] = set()
    buckets: set[tuple[str, int]] = set()
    for row in rows:
        ax, doi, year, fa = row[2], row[3], row[5], row[6]
        bare = bare_arxiv_id(ax)
        if bare:
            arxiv.update(prefix + bare for prefix in _ARXIV_PREFIXES)
        if doi:
            dois.add(doi.lower())
        key = name_key(fa)
        if key and isinstance(year, int):       # a title match needs the year, within one
            buckets.update((tail, y) for tail in author_tails(key) for y in (year - 1, year, year + 1))
    if not (arxiv or dois or buckets):
        return []
    found: dict[str, PaperInfo] = {}

    def load(where: str, params: Sequence = ()) -> None:
        for p in _load_papers(db, where, params):
            found.setdefault(p.citekey, p)

    for chunk in chunks(sorted(arxiv), 200):    # the id, then vN or nothing
        load("WHERE " + " OR ".join(["(arxiv_id >= ? AND arxiv_id < ?)"] * len(chunk)),
             [v for k in chunk for v in (k, k + "w")])
    for chunk in chunks(sorted(dois)):
        load(f"WHERE lower(doi) IN ({','.join('?' * len(chunk))})", chunk)
    load("WHERE doi GLOB '*[^ -~]*'")           # lower() folds ASCII only: PaperIndex compares these
    by_tail: dict[str, set[int]] = defaultdict(set)
    for tail, year in buckets:
        by_tail[tail].add(year)
    terms = [(tail, sorted(years)) for tail, years in sorted(by_tail.items())]
    for chunk in chunks(terms, 100):            # one index search per term (SQLite's multi-index OR)
        load("WHERE " + " OR ".join(f"(substr(first_author, -4) = ? AND year IN ({','.join('?' * len(ys))}))"
                                    for _, ys in chunk), [v for tail, ys in chunk for v in (tail, *ys)])
    load("WHERE (first_author IS NULL OR first_author = '') AND authors IS NOT NULL AND authors NOT IN ('', '[]')")
    return list(found.values())


def paper_index(db: Database) -> PaperIndex:
    """The papers of the knowledge base, indexed for resolving references
    (a note's, as well as papers' own reference lists)."""
    return PaperIndex(_load_papers(db))


def _entry_row(citekey: str, version: str | None, source: str, e: RefEntry) -> tuple:
    return (citekey, version, e.idx, e.label, e.raw, e.page, e.arxiv_id, e.doi, e.url, e.year,
            e.title, e.first_author, e.work_key or work_key(e), title_key(e.title, e.year), source)


def _insert_refs(db: Database, rows: Sequence[tuple]) -> None:
    cols = ", ".join(_REF_COLS)
    marks = ", ".join("?" * len(_REF_COLS))
    db.conn.executemany(f"INSERT INTO refs ({cols}) VALUES ({marks})", rows)


def _ordered_methods(methods: Iterable[str]) -> str:
    seen = set(methods)
    known = [m for m in METHOD_ORDER if m in seen]
    return ",".join(known + sorted(seen - set(METHOD_ORDER)))


# --------------------------------------------------------------------------
# Writing reference lists

def index_references(db: Database, citekey: str, version: str | None,
                     pages: list[str], entries: list[RefEntry] | None = None) -> int:
    """Parse a paper's reference list from its page texts (unless `entries`, parsed
    from them already, are given), store it (replacing the previous text-derived
    list) and relink both ways. Returns the number of entries found."""
    with transaction(db):
        count, old = store_references(db, citekey, version, pages, entries)
        _relink(db, {citekey}, extra_work_keys=old)
    return count


def store_references(db: Database, citekey: str, version: str | None,
                     pages: list[str], entries: list[RefEntry] | None = None) -> tuple[int, set[str]]:
    """Parse and store a paper's reference list without relinking: (entries, the work
    keys its previous list had). For many papers at once (kb rebuild): store every
    list, then `relink(db)` once, which ends where relinking after each would, in
    time linear in the references instead of papers times the knowledge base.
    Caller runs the transaction. `entries`: find_references(pages), when parsed already."""
    if entries is None:
        entries = find_references(pages)
    require_paper(db, citekey)
    note_reading(db, citekey)
    old = {k for (k,) in db.execute(
        "SELECT DISTINCT work_key FROM refs WHERE citekey = ? AND source = 'text'", [citekey])}
    db.execute("DELETE FROM refs WHERE citekey = ? AND source = 'text'", [citekey])
    _insert_refs(db, [_entry_row(citekey, version, "text", e) for e in entries])
    return len(entries), old


def _s2_paper(item: dict) -> dict | None:
    if not isinstance(item, dict):
        return None
    for key in ("citedPaper", "citingPaper"):
        if key in item:
            return item[key] if isinstance(item[key], dict) else None
    return item


def _s2_entry(item: dict, idx: int) -> tuple[RefEntry, str | None] | None:
    """A Semantic Scholar paper object as a reference entry; None when it
    names nothing (S2 returns {"paperId": null, "title": ...} stubs too)."""

    p = _s2_paper(item)
    if not p:
        return None
    ext = p.get("externalIds") or {}
    arxiv = ext.get("ArXiv") or None
    if arxiv:
        arxiv = re.sub(r"v\d+$", "", str(arxiv).strip())
    doi = str(ext.get("DOI") or "").strip().lower() or None
    if doi and doi.startswith("10.48550/arxiv.") and not arxiv:
        found = find_arxiv_in_text(doi)
        arxiv = found.id if found else None
    title = clean_text(str(p.get("title") or "")) or None
    year = p.get("year") if isinstance(p.get("year"), int) else None
    names = [a.get("name") for a in (p.get("authors") or []) if isinstance(a, dict) and a.get("name")]
    if not (arxiv or doi or title):
        return None
    first = first_author_key([str(n) for n in names]) if names else None
    raw = ". ".join(x for x in [", ".join(map(str, names[:6])) + (" et al" if len(names) > 6 else ""),
                                str(year or ""), title or ""] if x) + "."
    url = p.get("url") if isinstance(p.get("url"), str) else None
    e = RefEntry(idx=idx, label=None, raw=raw, page=None, arxiv_id=arxiv, doi=doi, url=url,
                 year=year, title=title, first_author=first or None)
    e.work_key = work_key(e)
    pid = p.get("paperId") if isinstance(p.get("paperId"), str) else None
    return e, pid


def merge_s2(db: Database, citekey: str, references: list[dict],
             citations: list[dict]) -> dict[str, int]:
    """Merge Semantic Scholar's /references and /citations items for one paper
    (the `citedPaper` / `citingPaper` objects, or bare paper objects),
    replacing what an earlier merge stored, and relink. Links S2 agrees with
    gain 'semantic-scholar' in their methods; unresolved works become external
    works."""
    refs = [x for x in (_s2_entry(item, i) for i, item in enumerate(references or [], 1)) if x]
    citing = [x for x in (_s2_entry(item, i) for i, item in enumerate(citations or [], 1)) if x]
    with transaction(db):
        require_paper(db, citekey)
        old_keys = {k for (k,) in db.execute(
            "SELECT DISTINCT work_key FROM refs WHERE citekey = ? AND source = ?", [citekey, S2])}
        old_keys |= {k for (k,) in db.execute(
            "SELECT DISTINCT work_key FROM s2_citing WHERE citekey = ?", [citekey])}
        old_citing = {k for (k,) in db.execute(
            "SELECT DISTINCT resolved FROM s2_citing WHERE citekey = ? AND resolved IS NOT NULL",
            [citekey])}
        db.execute("DELETE FROM refs WHERE citekey = ? AND source = ?", [citekey, S2])
        db.execute("DELETE FROM s2_citing WHERE citekey = ?", [citekey])
        rows = []
        for i, (e, _pid) in enumerate(refs, 1):
            e.idx = i
            rows.append(_entry_row(citekey, None, S2, e))
        _insert_refs(db, rows)
        cols = ", ".join(_S2C_COLS)
        db.conn.executemany(
            f"INSERT INTO s2_citing ({cols}) VALUES ({', '.join('?' * len(_S2C_COLS))})",
            [(citekey, i, pid, e.raw, e.arxiv_id, e.doi, e.url, e.year, e.title, e.first_author,
              e.work_key, title_key(e.title, e.year))
             for i, (e, pid) in enumerate(citing, 1)])
        _relink(db, {citekey}, extra_work_keys=old_keys, extra_citing=old_citing)
    return {"references": len(refs), "citations": len(citing)}


# --------------------------------------------------------------------------
# Resolution

_SEL_COLS = "id, citekey, arxiv_id, doi, title, year, first_author, resolved, method, score, work_key, title_key"


def relink(db: Database, citekeys: Iterable[str] | None = None, *,
           extra_work_keys: Iterable[str] = ()) -> dict[str, int]:
    """Resolve references against the papers table and rewrite `citations` and
    `works`. With `citekeys` (papers added, changed or removed, or given a new
    reference list: store_references), only what they can affect: their own
    references, references resolved to them, and unresolved references elsewhere
    that share an arXiv id, DOI or first author with them; `extra_work_keys`: works
    to rewrite too (those a replaced reference list cited). Without, everything."""
    with transaction(db):
        if not extra_work_keys and _nothing_linked(db):
            return {"checked": 0, "changed": 0}
        return _relink(db, set(citekeys) if citekeys is not None else None, extra_work_keys=extra_work_keys)


def _nothing_linked(db: Database) -> bool:
    """No reference list, no Semantic Scholar list and nothing made from them: a relink,
    of some papers or of all, finds nothing to resolve and nothing to undo (a knowledge
    base of entries alone, as after a first kb import of a library: 0.2-0.3 s of 10,000
    papers)."""
    return not db.execute("SELECT EXISTS (SELECT 1 FROM refs) OR EXISTS (SELECT 1 FROM s2_citing) "
                          "OR EXISTS (SELECT 1 FROM citations) OR EXISTS (SELECT 1 FROM works)").fetchone()[0]


def _temp_keys(db: Database, kind_values: dict[str, Iterable[str]]) -> None:
    db.execute("CREATE TEMP TABLE IF NOT EXISTS _kb_sel (kind TEXT, k TEXT, PRIMARY KEY (kind, k))")
    db.execute("DELETE FROM _kb_sel")
    db.conn.executemany("INSERT OR IGNORE INTO _kb_sel (kind, k) VALUES (?, ?)",
                        [(kind, v) for kind, vals in kind_values.items() for v in vals if v])


def _candidate_rows(db: Database, table: str, citekeys: set[str] | None) -> Iterable[tuple]:
    if citekeys is None:
        return db.execute(f"SELECT {_SEL_COLS} FROM {table}")     # streamed: updates come after
    sel = "SELECT k FROM _kb_sel WHERE kind = ?"
    q = f"""
        SELECT {_SEL_COLS} FROM {table} WHERE citekey IN ({sel})
        UNION SELECT {_SEL_COLS} FROM {table} WHERE resolved IN ({sel})
        UNION SELECT {_SEL_COLS} FROM {table} WHERE arxiv_id IN ({sel})
        UNION SELECT {_SEL_COLS} FROM {table} WHERE doi IN ({sel})
        UNION SELECT {_SEL_COLS} FROM {table}
              WHERE resolved IS NULL AND substr(first_author, -4) IN ({sel})"""
    return db.execute(q, ["c", "c", "a", "d", "t"]).fetchall()


def _rival_rows(db: Database, table: str, touched: Sequence[PaperInfo]) -> list[tuple]:
    """References resolved by title to another paper, whose title a touched paper's now
    rivals (scores at least TITLE_THRESHOLD against it, first authors in one bucket): a
    paper arriving with nearly the same title makes such a match ambiguous."""
    from rapidfuzz import fuzz

    titles: dict[str, list[str]] = defaultdict(list)
    for p in touched:
        key, norm = name_key(p.first_author), normalise_title(p.title)
        if key and norm and p.year:
            for tail in author_tails(key):
                titles[tail].append(norm)
    if not titles:
        return []
    out = []
    years = [p.year for p in touched if p.year]
    for tails in chunks(sorted(titles)):   # literal values: SQLite reads them through refs_author_tail_year
        for row in db.execute(f"SELECT {_SEL_COLS} FROM {table} WHERE resolved IS NOT NULL AND method = 'title' "
                              f"AND substr(first_author, -4) IN ({','.join('?' * len(tails))}) "
                              "AND year BETWEEN ? AND ?", [*tails, min(years) - 1, max(years) + 1]):
            norm = normalise_title(row[4])
            rivals = titles.get(author_tail(name_key(row[6])), ())
            if norm and any(fuzz.ratio(norm, t) >= TITLE_THRESHOLD for t in rivals):
                out.append(row)
    return out


def _relink(db: Database, citekeys: set[str] | None, *,
            extra_work_keys: Iterable[str] = (), extra_citing: Iterable[str] = ()) -> dict[str, int]:

    candidates: dict[str, Iterable[tuple]] = {}
    if citekeys is None:
        index = PaperIndex(_load_papers(db))
    else:
        # Only what the changed papers can affect, resolved against only the papers
        # those references can name: the cost follows the change, not the knowledge base.
        touched = [p for chunk in chunks(sorted(citekeys)) for p in _load_papers(
            db, f"WHERE citekey IN ({','.join('?' * len(chunk))})", chunk)]
        _temp_keys(db, {
            "c": citekeys,
            "a": [bare_arxiv_id(p.arxiv_id) for p in touched],
            "d": [p.doi.lower() for p in touched if p.doi],
            "t": [tail for p in touched for tail in author_tails(name_key(p.first_author))],
        })
        for table in ("refs", "s2_citing"):
            rows = _candidate_rows(db, table, citekeys)
            ids = {r[0] for r in rows}
            candidates[table] = rows + [r for r in _rival_rows(db, table, touched) if r[0] not in ids]
        index = PaperIndex(_papers_resolving(db, [r for rows in candidates.values() for r in rows]))
    affected_citing: set[str] = set(extra_citing) | (set(citekeys) if citekeys else set())
    affected_works: set[str] = set(extra_work_keys)
    checked = changed = 0
    for table in ("refs", "s2_citing"):
        rows = candidates[table] if citekeys is not None else _candidate_rows(db, table, None)
        updates = []
        for (rid, ck, ax, doi, title, year, fa, resolved, method, score, wk, tk) in rows:
            checked += 1
            e = RefEntry(idx=0, label=None, raw="", page=None, arxiv_id=ax, doi=doi, year=year,
                         title=title, first_author=fa)
            r = index.resolve(e, citing=ck)
            new = (r.citekey, r.method, r.score) if r else (None, None, None)
            if citekeys is not None and wk:
                affected_works.add(wk)
            if new != (resolved, method, score):
                updates.append((*new, rid))
                changed += 1
                if wk:
                    affected_works.add(wk)
                if table == "refs":
                    affected_citing.add(ck)
                else:
                    affected_citing.update(x for x in (resolved, new[0]) if x)
        for chunk in chunks(updates, 5000):
            db.conn.executemany(f"UPDATE {table} SET resolved = ?, method = ?, score = ? WHERE id = ?", chunk)
    affected_works |= _canonical_work_keys(db, citekeys)
    if citekeys is None:
        _rebuild_citations(db, None)
        _rebuild_works(db, None)
    else:
        _rebuild_citations(db, affected_citing)
        _rebuild_works(db, affected_works)
    return {"checked": checked, "changed": changed}


def own_ids(db: Database, citekeys: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
    """Each paper's own (bare arXiv id, lower-case DOI), for names_itself."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for chunk in chunks(sorted(citekeys)):
        for ck, ax, doi in db.execute(f"SELECT citekey, arxiv_id, doi FROM papers WHERE citekey IN "
                                      f"({','.join('?' * len(chunk))})", list(chunk)):
            out[ck] = (bare_arxiv_id(ax), doi.lower() if doi else None)
    return out


def names_itself(own: tuple[str | None, str | None] | None, arxiv_id: str | None, doi: str | None) -> bool:
    """Whether a reference of a paper whose own ids are `own` names that paper by its arXiv
    id or DOI (PaperIndex never links it: a paper never cites itself)."""
    if own is None:
        return False
    ax = bare_arxiv_id(arxiv_id)
    return bool(ax and ax == own[0] or doi and doi.lower() == own[1])


def _id_key(arxiv_id: str | None, doi: str | None) -> str | None:
    return id_work_key(arxiv_id, doi)


def _canonical_work_keys(db: Database, citekeys: set[str] | None) -> set[str]:
    """A work cited by title alone in one paper and with an arXiv id or DOI in
    another is one work: title-only references take the identifier's key when
    exactly one identifier is known for that title and year; or, where none is, for
    that title a year before, an arXiv preprint's of the same first author (a
    preprint cited as published the year after: 'Kingma and Ba. 2014. Adam: ...
    arXiv:1412.6980' and 'Kingma and Ba. Adam: ... ICLR, 2015.'). Returns the work
    keys that changed (old and new)."""
    changed: set[str] = set()
    tables = ("refs", "s2_citing")
    only = ""
    if citekeys is not None:
        # only the title keys of the touched papers' own rows, read in one statement a
        # table (not four a title: a paper cites dozens of works), and the same titles a
        # year either side (a preprint's, a year before the title cited as published)
        only = "AND title_key IN (SELECT k FROM _kb_sel WHERE kind = 'tk')"
        db.execute("DELETE FROM _kb_sel WHERE kind = 'tk'")
        keys: set[str] = set()
        for table in tables:
            keys.update(k for (k,) in db.execute(
                f"SELECT DISTINCT title_key FROM {table} "
                "WHERE title_key IS NOT NULL AND citekey IN (SELECT k FROM _kb_sel WHERE kind = 'c')"))
        db.conn.executemany("INSERT OR IGNORE INTO _kb_sel (kind, k) VALUES ('tk', ?)",
                            [(k,) for key in keys for k in (key, *_years_beside(key))])
    ids_by_title: dict[str, set[str]] = defaultdict(set)
    preprints: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for table in tables:
        for tk, ax, doi, fa in db.execute(
                f"SELECT title_key, arxiv_id, doi, first_author FROM {table} "
                f"WHERE title_key IS NOT NULL {only} AND (arxiv_id IS NOT NULL OR doi IS NOT NULL)"):
            ids_by_title[tk].add(_id_key(ax, doi))
            if ax and fa:
                preprints[tk].add((_id_key(ax, None), fa))
    for table in tables:
        ups = []
        # (+: found by title, not through the index of the rows without a DOI, most of them;
        # the rows are updated after the loop)
        for rid, tk, wk, fa in db.execute(
                f"SELECT id, title_key, work_key, first_author FROM {table} "
                f"WHERE title_key IS NOT NULL {only} AND +arxiv_id IS NULL AND +doi IS NULL"):
            ids = ids_by_title.get(tk)
            if not ids and fa and (before := _years_beside(tk)) and before[0] in preprints:
                ids = {k for k, author in preprints[before[0]] if author == fa}
            # (a standard's or an RFC's number keys its work where no identifier does: 'std:rfc9110')
            want = next(iter(ids)) if ids and len(ids) == 1 else wk if wk and wk.startswith("std:") else f"title:{tk}"
            if want != wk:
                ups.append((want, rid))
                changed.update((wk, want))
        db.conn.executemany(f"UPDATE {table} SET work_key = ? WHERE id = ?", ups)
    changed.discard(None)
    return changed


def _years_beside(key: str) -> tuple[str, ...]:
    """A title key's title a year before and a year after ('adam a method ...|2015' ->
    '...|2014', '...|2016'); none for a key without a year."""
    title, _, year = key.rpartition("|")
    if not year.isdigit():
        return ()
    return f"{title}|{int(year) - 1}", f"{title}|{int(year) + 1}"


def _rebuild_citations(db: Database, citing: set[str] | None) -> None:
    """Rewrite the citations of the given citing papers (all when None) from
    refs and s2_citing; methods name every way a link was found, once each.
    Both ends must be papers of the knowledge base."""
    links: dict[tuple[str, str], tuple[set[str], float | None]] = {}

    def add(a: str, b: str, m: str, score: float | None) -> None:
        if a == b:
            return
        ms, best = links.get((a, b), (set(), None))
        ms.add(m)
        if score is not None and (best is None or score > best):
            best = score
        links[(a, b)] = (ms, best)

    if citing is None:
        db.execute("DELETE FROM citations")
        ref_rows = db.execute("SELECT citekey, resolved, method, score, source FROM refs "
                              "WHERE resolved IS NOT NULL")
        s2_rows = db.execute("SELECT resolved, citekey, score FROM s2_citing WHERE resolved IS NOT NULL")
        for a, b, m, score, source in ref_rows:
            add(a, b, m if source == "text" else S2, score)
        for a, b, score in s2_rows:
            add(a, b, S2, score)
    else:
        keys = sorted(k for k in citing if k)
        for chunk in chunks(keys):
            marks = ",".join("?" * len(chunk))
            db.execute(f"DELETE FROM citations WHERE citing IN ({marks})", list(chunk))
            for a, b, m, score, source in db.execute(
                    f"SELECT citekey, resolved, method, score, source FROM refs "
                    f"WHERE resolved IS NOT NULL AND citekey IN ({marks})", list(chunk)):
                add(a, b, m if source == "text" else S2, score)
            for a, b, score in db.execute(
                    f"SELECT resolved, citekey, score FROM s2_citing WHERE resolved IN ({marks})",
                    list(chunk)):
                add(a, b, S2, score)
    ends = sorted({k for pair in links for k in pair})
    papers = {k for chunk in chunks(ends) for (k,) in db.execute(
        f"SELECT citekey FROM papers WHERE citekey IN ({','.join('?' * len(chunk))})", list(chunk))}
    db.conn.executemany(
        "INSERT INTO citations (citing, cited, methods, score) VALUES (?, ?, ?, ?)",
        [(a, b, _ordered_methods(ms), score) for (a, b), (ms, score) in links.items()
         if a in papers and b in papers])


def _rebuild_works(db: Database, keys: set[str] | None) -> None:
    """External works: unresolved references merged by work key. Metadata
    comes from Semantic Scholar when it knows the work (clean), else from the
    most common parsed title."""
    q = ("SELECT work_key, title, arxiv_id, doi, year, first_author, url, {src}, citekey FROM {table} "
         "WHERE resolved IS NULL AND work_key IS NOT NULL")
    parts = [q.format(src="source", table="refs"), q.format(src=f"'{S2}'", table="s2_citing")]
    grouped: dict[str, list[tuple]] = defaultdict(list)
    if keys is None:
        db.execute("DELETE FROM works")
        for part in parts:
            for row in db.execute(part):
                grouped[row[0]].append(row)
    else:
        keys = {k for k in keys if k}
        for chunk in chunks(sorted(keys)):
            marks = ",".join("?" * len(chunk))
            db.execute(f"DELETE FROM works WHERE work_key IN ({marks})", list(chunk))
            for part in parts:
                for row in db.execute(part + f" AND work_key IN ({marks})", list(chunk)):
                    grouped[row[0]].append(row)
    # A reference naming its own paper by arXiv id or DOI (Semantic Scholar listing a paper
    # among its own references or citations, a list printing the paper's own id) links to
    # nothing (a paper never cites itself), and is no work missing here: kb graph missing
    # told a person to add the paper they hold.
    own = own_ids(db, {r[8] for rows in grouped.values() for r in rows})
    grouped = {wk: kept for wk, rows in grouped.items()
               if (kept := [r for r in rows if not names_itself(own.get(r[8]), r[2], r[3])])}
    out = []
    for wk, rows in grouped.items():
        # Semantic Scholar rows first, the rest in an order of their own: never the order
        # they were inserted in, so a rebuild writes the same works as papers added one by one.
        rows.sort(key=lambda r: (r[7] != S2, repr(r)))

        def first(i: int) -> Any:
            return next((r[i] for r in rows if r[i] is not None), None)

        titles = [r[1] for r in rows if r[1]]
        title = rows[0][1] if rows[0][7] == S2 and rows[0][1] else \
            (max(sorted(set(titles)), key=titles.count) if titles else None)   # a tie: the first in order
        out.append((wk, title, first(2), first(3), first(4), first(5), first(6)))
    db.conn.executemany(
        "INSERT INTO works (work_key, title, arxiv_id, doi, year, first_author, url) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", out)
