"""The citation graph: reference lists resolved to papers of the knowledge base.

SQLite holds everything: `refs` (each paper's parsed reference list, and the
references Semantic Scholar lists for it), `s2_citing` (papers Semantic Scholar
says cite a paper here), `citations` (one row per citing -> cited pair inside
the knowledge base, with every way the link was found) and `works` (cited
works outside it). The networkx graph is built from them on demand.

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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kb.atomic import write_text
from kb.errors import NotFound, UsageError
from kb.store.db import transaction
from kb.text.ids import bare_arxiv_id, find_arxiv_in_text
from kb.text.names import last_name, name_key
from kb.text.refs import (
    PaperIndex,
    PaperInfo,
    RefEntry,
    author_tail,
    clean_text,
    find_references,
    title_key,
    work_key,
)

if TYPE_CHECKING:  # networkx and sqlite-utils are imported inside functions: start-up stays light
    import networkx
    import sqlite_utils

__all__ = [
    "index_references",
    "relink",
    "merge_s2",
    "build_graph",
    "summary",
    "show",
    "path",
    "missing",
    "export",
    "CitationPath",
    "FORMATS",
]

FORMATS = ("graphml", "gexf", "dot", "json")
METHOD_ORDER = ("arxiv", "doi", "title", "semantic-scholar")
S2 = "semantic-scholar"
_CHUNK = 500

_REF_COLS = ("citekey", "version", "idx", "label", "raw", "page", "arxiv_id", "doi", "url", "year",
             "title", "first_author", "work_key", "title_key", "source")
_S2C_COLS = ("citekey", "idx", "paper_id", "raw", "arxiv_id", "doi", "url", "year", "title",
             "first_author", "work_key", "title_key")


class CitationPath(list):
    """A shortest path of citekeys. `directed` is False when no path follows
    citing -> cited and this one ignores the direction of citations."""

    directed: bool = True

    def __init__(self, nodes: Iterable[str], directed: bool = True):
        super().__init__(nodes)
        self.directed = directed


# --------------------------------------------------------------------------
# Helpers

def _require_paper(db: sqlite_utils.Database, citekey: str) -> None:
    row = db.execute("SELECT citekey FROM papers WHERE citekey = ?", [citekey]).fetchone()
    if row is None:
        raise NotFound(f"no paper with citekey {citekey!r} in this knowledge base",
                       hint="`kb ls` lists the citekeys")


def _first_author_of(first_author: str | None, authors_json: str | None) -> str | None:
    if first_author:
        return first_author
    try:
        authors = json.loads(authors_json or "[]")
    except ValueError:
        return None
    if not authors or not isinstance(authors[0], str):
        return None
    return last_name(authors[0]) or None


def _load_papers(db: sqlite_utils.Database) -> list[PaperInfo]:
    return [PaperInfo(ck, ax, doi, title, year, _first_author_of(fa, authors))
            for ck, ax, doi, title, year, fa, authors in db.execute(
                "SELECT citekey, arxiv_id, doi, title, year, first_author, authors FROM papers")]


def _entry_row(citekey: str, version: str | None, source: str, e: RefEntry) -> tuple:
    return (citekey, version, e.idx, e.label, e.raw, e.page, e.arxiv_id, e.doi, e.url, e.year,
            e.title, e.first_author, e.work_key or work_key(e), title_key(e.title, e.year), source)


def _insert_refs(db: sqlite_utils.Database, rows: Sequence[tuple]) -> None:
    cols = ", ".join(_REF_COLS)
    marks = ", ".join("?" * len(_REF_COLS))
    db.conn.executemany(f"INSERT INTO refs ({cols}) VALUES ({marks})", rows)


def _chunks(items: Sequence[Any], n: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _ordered_methods(methods: Iterable[str]) -> str:
    seen = set(methods)
    known = [m for m in METHOD_ORDER if m in seen]
    return ",".join(known + sorted(seen - set(METHOD_ORDER)))


# --------------------------------------------------------------------------
# Writing reference lists

def index_references(db: sqlite_utils.Database, citekey: str, version: str | None,
                     pages: list[str]) -> int:
    """Parse a paper's reference list from its page texts, store it (replacing
    the previous text-derived list) and relink both ways. Returns the number
    of entries found."""
    entries = find_references(pages)
    with transaction(db):
        _require_paper(db, citekey)
        old = {k for (k,) in db.execute(
            "SELECT DISTINCT work_key FROM refs WHERE citekey = ? AND source = 'text'", [citekey])}
        db.execute("DELETE FROM refs WHERE citekey = ? AND source = 'text'", [citekey])
        _insert_refs(db, [_entry_row(citekey, version, "text", e) for e in entries])
        _relink(db, {citekey}, extra_work_keys=old)
    return len(entries)


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
    first = name_key(last_name(str(names[0]))) if names else None
    raw = ". ".join(x for x in [", ".join(map(str, names[:6])) + (" et al" if len(names) > 6 else ""),
                                str(year or ""), title or ""] if x) + "."
    url = p.get("url") if isinstance(p.get("url"), str) else None
    e = RefEntry(idx=idx, label=None, raw=raw, page=None, arxiv_id=arxiv, doi=doi, url=url,
                 year=year, title=title, first_author=first or None)
    e.work_key = work_key(e)
    pid = p.get("paperId") if isinstance(p.get("paperId"), str) else None
    return e, pid


def merge_s2(db: sqlite_utils.Database, citekey: str, references: list[dict],
             citations: list[dict]) -> dict[str, int]:
    """Merge Semantic Scholar's /references and /citations items for one paper
    (the `citedPaper` / `citingPaper` objects, or bare paper objects),
    replacing what an earlier merge stored, and relink. Links S2 agrees with
    gain 'semantic-scholar' in their methods; unresolved works become external
    works."""
    refs = [x for x in (_s2_entry(item, i) for i, item in enumerate(references or [], 1)) if x]
    citing = [x for x in (_s2_entry(item, i) for i, item in enumerate(citations or [], 1)) if x]
    with transaction(db):
        _require_paper(db, citekey)
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


def relink(db: sqlite_utils.Database, citekeys: Iterable[str] | None = None) -> dict[str, int]:
    """Resolve references against the papers table and rewrite `citations` and
    `works`. With `citekeys` (papers added, changed or removed), only what they
    can affect: their own references, references resolved to them, and
    unresolved references elsewhere that share an arXiv id, DOI or first
    author with them. Without, everything."""
    with transaction(db):
        return _relink(db, set(citekeys) if citekeys is not None else None)


def _temp_keys(db: sqlite_utils.Database, kind_values: dict[str, Iterable[str]]) -> None:
    db.execute("CREATE TEMP TABLE IF NOT EXISTS _kb_sel (kind TEXT, k TEXT, PRIMARY KEY (kind, k))")
    db.execute("DELETE FROM _kb_sel")
    db.conn.executemany("INSERT OR IGNORE INTO _kb_sel (kind, k) VALUES (?, ?)",
                        [(kind, v) for kind, vals in kind_values.items() for v in vals if v])


def _candidate_rows(db: sqlite_utils.Database, table: str, citekeys: set[str] | None,
                    papers: dict[str, PaperInfo]) -> Iterable[tuple]:
    if citekeys is None:
        return db.execute(f"SELECT {_SEL_COLS} FROM {table}")     # streamed: updates come after
    sel = "SELECT k FROM _kb_sel WHERE kind = ?"
    q = f"""
        SELECT {_SEL_COLS} FROM {table} WHERE citekey IN ({sel})
        UNION SELECT {_SEL_COLS} FROM {table} WHERE resolved IN ({sel})
        UNION SELECT {_SEL_COLS} FROM {table} WHERE resolved IS NULL AND arxiv_id IN ({sel})
        UNION SELECT {_SEL_COLS} FROM {table} WHERE resolved IS NULL AND doi IN ({sel})
        UNION SELECT {_SEL_COLS} FROM {table}
              WHERE resolved IS NULL AND substr(first_author, -4) IN ({sel})"""
    return db.execute(q, ["c", "c", "a", "d", "t"]).fetchall()


def _relink(db: sqlite_utils.Database, citekeys: set[str] | None, *,
            extra_work_keys: Iterable[str] = (), extra_citing: Iterable[str] = ()) -> dict[str, int]:

    plist = _load_papers(db)
    papers = {p.citekey: p for p in plist}
    index = PaperIndex(plist)
    if citekeys is not None:
        touched = [papers[c] for c in citekeys if c in papers]
        _temp_keys(db, {
            "c": citekeys,
            "a": [bare_arxiv_id(p.arxiv_id) for p in touched],
            "d": [p.doi.lower() for p in touched if p.doi],
            "t": [author_tail(name_key(p.first_author)) for p in touched if name_key(p.first_author)],
        })
    affected_citing: set[str] = set(extra_citing) | (set(citekeys) if citekeys else set())
    affected_works: set[str] = set(extra_work_keys)
    checked = changed = 0
    for table in ("refs", "s2_citing"):
        rows = _candidate_rows(db, table, citekeys, papers)
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
        for chunk in _chunks(updates, 5000):
            db.conn.executemany(f"UPDATE {table} SET resolved = ?, method = ?, score = ? WHERE id = ?", chunk)
    affected_works |= _canonical_work_keys(db, citekeys)
    if citekeys is None:
        _rebuild_citations(db, None, papers)
        _rebuild_works(db, None)
    else:
        _rebuild_citations(db, affected_citing, papers)
        _rebuild_works(db, affected_works)
    return {"checked": checked, "changed": changed}


def _id_key(arxiv_id: str | None, doi: str | None) -> str | None:
    if arxiv_id:
        return f"arxiv:{arxiv_id}"
    if doi:
        return f"doi:{doi}"
    return None


def _canonical_work_keys(db: sqlite_utils.Database, citekeys: set[str] | None) -> set[str]:
    """A work cited by title alone in one paper and with an arXiv id or DOI in
    another is one work: title-only references take the identifier's key when
    exactly one identifier is known for that title and year. Returns the work
    keys that changed (old and new)."""
    changed: set[str] = set()
    tables = ("refs", "s2_citing")
    if citekeys is None:
        ids_by_title: dict[str, set[str]] = defaultdict(set)
        for table in tables:
            for tk, ax, doi in db.execute(
                    f"SELECT title_key, arxiv_id, doi FROM {table} "
                    "WHERE title_key IS NOT NULL AND (arxiv_id IS NOT NULL OR doi IS NOT NULL)"):
                ids_by_title[tk].add(_id_key(ax, doi))
        for table in tables:
            ups = []
            for rid, tk, wk in db.execute(
                    f"SELECT id, title_key, work_key FROM {table} "
                    "WHERE title_key IS NOT NULL AND arxiv_id IS NULL AND doi IS NULL"):
                ids = ids_by_title.get(tk)
                want = next(iter(ids)) if ids and len(ids) == 1 else f"title:{tk}"
                if want != wk:
                    ups.append((want, rid))
                    changed.update((wk, want))
            db.conn.executemany(f"UPDATE {table} SET work_key = ? WHERE id = ?", ups)
        return changed
    # incremental: only the title keys of the touched papers' own rows
    tks: set[str] = set()
    for table in tables:
        tks.update(tk for (tk,) in db.execute(
            f"SELECT DISTINCT title_key FROM {table} WHERE title_key IS NOT NULL "
            "AND citekey IN (SELECT k FROM _kb_sel WHERE kind = 'c')"))
    for tk in tks:
        ids: set[str] = set()
        for table in tables:
            ids.update(_id_key(ax, doi) for ax, doi in db.execute(
                f"SELECT DISTINCT arxiv_id, doi FROM {table} WHERE title_key = ? "
                "AND (arxiv_id IS NOT NULL OR doi IS NOT NULL)", [tk]))
        want = next(iter(ids)) if len(ids) == 1 else f"title:{tk}"
        for table in tables:
            for rid, wk in db.execute(
                    f"SELECT id, work_key FROM {table} WHERE title_key = ? AND arxiv_id IS NULL "
                    "AND doi IS NULL AND work_key IS NOT ?", [tk, want]).fetchall():
                db.execute(f"UPDATE {table} SET work_key = ? WHERE id = ?", [want, rid])
                changed.update((wk, want))
    changed.discard(None)
    return changed


def _rebuild_citations(db: sqlite_utils.Database, citing: set[str] | None,
                       papers: dict[str, PaperInfo]) -> None:
    """Rewrite the citations of the given citing papers (all when None) from
    refs and s2_citing; methods name every way a link was found, once each."""
    links: dict[tuple[str, str], tuple[set[str], float | None]] = {}

    def add(a: str, b: str, m: str, score: float | None) -> None:
        if a == b or a not in papers or b not in papers:
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
        for chunk in _chunks(keys):
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
    db.conn.executemany(
        "INSERT INTO citations (citing, cited, methods, score) VALUES (?, ?, ?, ?)",
        [(a, b, _ordered_methods(ms), score) for (a, b), (ms, score) in links.items()])


def _rebuild_works(db: sqlite_utils.Database, keys: set[str] | None) -> None:
    """External works: unresolved references merged by work key. Metadata
    comes from Semantic Scholar when it knows the work (clean), else from the
    most common parsed title."""
    q = ("SELECT work_key, title, arxiv_id, doi, year, first_author, url, {src} FROM {table} "
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
        for chunk in _chunks(sorted(keys)):
            marks = ",".join("?" * len(chunk))
            db.execute(f"DELETE FROM works WHERE work_key IN ({marks})", list(chunk))
            for part in parts:
                for row in db.execute(part + f" AND work_key IN ({marks})", list(chunk)):
                    grouped[row[0]].append(row)
    out = []
    for wk, rows in grouped.items():
        rows.sort(key=lambda r: r[7] != S2)           # Semantic Scholar rows first

        def first(i: int) -> Any:
            return next((r[i] for r in rows if r[i] is not None), None)

        titles = [r[1] for r in rows if r[1]]
        title = rows[0][1] if rows[0][7] == S2 and rows[0][1] else \
            (max(set(titles), key=titles.count) if titles else None)
        out.append((wk, title, first(2), first(3), first(4), first(5), first(6)))
    db.conn.executemany(
        "INSERT INTO works (work_key, title, arxiv_id, doi, year, first_author, url) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", out)


# --------------------------------------------------------------------------
# Reading the graph

def build_graph(db: sqlite_utils.Database, *, edge_attributes: bool = True) -> "networkx.DiGraph":
    """The citation graph as a networkx DiGraph: nodes are papers (title,
    year), edges citing -> cited (methods). One SELECT per table; edges added
    in bulk. `edge_attributes=False` skips the per-edge dicts (faster, less
    memory) for algorithms that only need the structure."""
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(
        (ck, {"title": title or "", "year": year} if year is not None else {"title": title or ""})
        for ck, title, year in db.execute("SELECT citekey, title, year FROM papers"))
    if edge_attributes:
        g.add_edges_from((a, b, {"methods": m})
                         for a, b, m in db.execute("SELECT citing, cited, methods FROM citations"))
    else:
        g.add_edges_from(db.execute("SELECT citing, cited FROM citations"))
    return g


def _count(db: sqlite_utils.Database, sql: str, params: Sequence[Any] = ()) -> int:
    return int(db.execute(sql, list(params)).fetchone()[0])


def summary(db: sqlite_utils.Database) -> dict[str, int]:
    """Counts for `kb graph summary`."""
    return {
        "papers": _count(db, "SELECT COUNT(*) FROM papers"),
        "papers_with_references": _count(db, "SELECT COUNT(DISTINCT citekey) FROM refs WHERE source = 'text'"),
        "citation_links": _count(db, "SELECT COUNT(*) FROM citations"),
        "references": _count(db, "SELECT COUNT(*) FROM refs WHERE source = 'text'"),
        "resolved": _count(db, "SELECT COUNT(*) FROM refs WHERE source = 'text' AND resolved IS NOT NULL"),
        "unresolved": _count(db, "SELECT COUNT(*) FROM refs WHERE source = 'text' AND resolved IS NULL"),
        "external_works": _count(db, "SELECT COUNT(*) FROM works"),
        "s2_references": _count(db, "SELECT COUNT(*) FROM refs WHERE source = ?", [S2]),
        "s2_citing": _count(db, "SELECT COUNT(*) FROM s2_citing"),
    }


def show(db: sqlite_utils.Database, citekey: str) -> dict[str, Any]:
    """One paper's links inside the knowledge base, with how each was found."""
    row = db.execute("SELECT citekey, title, year FROM papers WHERE citekey = ?", [citekey]).fetchone()
    if row is None:
        raise NotFound(f"no paper with citekey {citekey!r} in this knowledge base",
                       hint="`kb ls` lists the citekeys")

    def links(sql: str) -> list[dict[str, Any]]:
        return [{"citekey": ck, "title": title, "year": year, "methods": methods.split(","), "score": score}
                for ck, title, year, methods, score in db.execute(sql, [citekey])]

    return {
        "citekey": row[0], "title": row[1], "year": row[2],
        "cites": links("SELECT c.cited, p.title, p.year, c.methods, c.score FROM citations c "
                       "JOIN papers p ON p.citekey = c.cited WHERE c.citing = ? "
                       "ORDER BY p.year, c.cited"),
        "cited_by": links("SELECT c.citing, p.title, p.year, c.methods, c.score FROM citations c "
                          "JOIN papers p ON p.citekey = c.citing WHERE c.cited = ? "
                          "ORDER BY p.year, c.citing"),
        "references": _count(db, "SELECT COUNT(*) FROM refs WHERE citekey = ? AND source = 'text'", [citekey]),
        "unresolved": _count(db, "SELECT COUNT(*) FROM refs WHERE citekey = ? AND source = 'text' "
                                 "AND resolved IS NULL", [citekey]),
    }


def _neighbours(db: sqlite_utils.Database, frontier: Sequence[str], forward: bool,
                directed: bool) -> Iterable[tuple[str, str]]:
    """(node, neighbour) pairs: successors going forward, predecessors going
    backward; both when direction is ignored."""
    queries = []
    if directed:
        queries.append("SELECT citing, cited FROM citations WHERE citing IN ({})" if forward
                       else "SELECT cited, citing FROM citations WHERE cited IN ({})")
    else:
        queries += ["SELECT citing, cited FROM citations WHERE citing IN ({})",
                    "SELECT cited, citing FROM citations WHERE cited IN ({})"]
    for chunk in _chunks(list(frontier)):
        marks = ",".join("?" * len(chunk))
        for q in queries:
            yield from db.execute(q.format(marks), list(chunk))


def _bidirectional(db: sqlite_utils.Database, a: str, b: str, directed: bool) -> list[str] | None:
    """Shortest path by breadth-first search from both ends at once, reading
    neighbours from SQLite with the citations indexes: no graph is built."""
    if a == b:
        return [a]
    pred: dict[str, str | None] = {a: None}
    succ: dict[str, str | None] = {b: None}
    fwd, bwd = [a], [b]
    while fwd and bwd:
        if len(fwd) <= len(bwd):
            nxt = []
            for u, v in _neighbours(db, fwd, True, directed):
                if v not in pred:
                    pred[v] = u
                    nxt.append(v)
                if v in succ:
                    return _join(v, pred, succ)
            fwd = nxt
        else:
            nxt = []
            for u, v in _neighbours(db, bwd, False, directed):
                if v not in succ:
                    succ[v] = u
                    nxt.append(v)
                if v in pred:
                    return _join(v, pred, succ)
            bwd = nxt
    return None


def _join(meet: str, pred: dict[str, str | None], succ: dict[str, str | None]) -> list[str]:
    left: list[str] = []
    node: str | None = meet
    while node is not None:
        left.append(node)
        node = pred[node]
    left.reverse()
    node = succ[meet]
    while node is not None:
        left.append(node)
        node = succ[node]
    return left


def path(db: sqlite_utils.Database, a: str, b: str) -> CitationPath | None:
    """Shortest chain of citations from a to b (a cites x cites ... b). When
    there is none, the shortest path ignoring direction, marked
    `directed=False` so the caller can say so; None when not connected."""
    for ck in (a, b):
        _require_paper(db, ck)
    found = _bidirectional(db, a, b, True)
    if found is not None:
        return CitationPath(found, directed=True)
    found = _bidirectional(db, a, b, False)
    return CitationPath(found, directed=False) if found is not None else None


def missing(db: sqlite_utils.Database, top: int = 10) -> list[dict[str, Any]]:
    """External works cited by the most papers here: what to add next."""
    if not isinstance(top, int) or top < 1:
        raise UsageError(f"--top must be a positive whole number, not {top!r}")
    rows = db.execute(
        "SELECT work_key, COUNT(DISTINCT citekey) AS n FROM refs "
        "WHERE resolved IS NULL AND work_key IS NOT NULL "
        "GROUP BY work_key ORDER BY n DESC, work_key LIMIT ?", [top]).fetchall()
    out = []
    for wk, n in rows:
        w = db.execute("SELECT title, year, arxiv_id, doi, url FROM works WHERE work_key = ?", [wk]).fetchone()
        title, year, ax, doi, url = w if w else (None, None, None, None, None)
        citing = [ck for (ck,) in db.execute(
            "SELECT DISTINCT citekey FROM refs WHERE work_key = ? AND resolved IS NULL ORDER BY citekey",
            [wk])]
        out.append({"work_key": wk, "count": n, "title": title, "year": year, "arxiv_id": ax,
                    "doi": doi, "url": url, "cited_by": citing})
    return out


# --------------------------------------------------------------------------
# Export

def _export_graph(db: sqlite_utils.Database) -> "networkx.DiGraph":
    """The graph with attributes Gephi and yEd accept: no None values, a
    label on every node, the link score where known."""
    import networkx as nx

    g = nx.DiGraph()
    for ck, title, year in db.execute("SELECT citekey, title, year FROM papers ORDER BY citekey"):
        attrs: dict[str, Any] = {"label": ck, "title": title or ""}
        if year is not None:
            attrs["year"] = int(year)
        g.add_node(ck, **attrs)
    for a, b, methods, score in db.execute(
            "SELECT citing, cited, methods, score FROM citations ORDER BY citing, cited"):
        attrs = {"methods": methods}
        if score is not None:
            attrs["score"] = float(score)
        g.add_edge(a, b, **attrs)
    return g


def _dot_quote(value: Any) -> str:
    text = str(value)
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    return f'"{text}"'


def _to_dot(g: "networkx.DiGraph") -> str:
    lines = ["digraph citations {", "  node [shape=box];"]
    for n, attrs in g.nodes(data=True):
        label = n if "year" not in attrs else f"{n} ({attrs['year']})"
        extra = "".join(f", {k}={_dot_quote(v)}" for k, v in attrs.items() if k not in ("label",))
        lines.append(f"  {_dot_quote(n)} [label={_dot_quote(label)}{extra}];")
    for a, b, attrs in g.edges(data=True):
        extra = ", ".join(f"{k}={_dot_quote(v)}" for k, v in attrs.items())
        lines.append(f"  {_dot_quote(a)} -> {_dot_quote(b)}" + (f" [{extra}]" if extra else "") + ";")
    lines.append("}")
    return "\n".join(lines) + "\n"


def export(db: sqlite_utils.Database, fmt: str, path: str | Path) -> Path:
    """Write the graph as GraphML, GEXF, DOT or node-link JSON, atomically."""
    import networkx as nx


    kind = (fmt or "").lower().lstrip(".")
    if kind not in FORMATS:
        raise UsageError(f"unknown graph format {fmt!r}; use one of: {', '.join(FORMATS)}")
    g = _export_graph(db)
    if kind == "graphml":
        text = "\n".join(nx.generate_graphml(g)) + "\n"
    elif kind == "gexf":
        text = "\n".join(nx.generate_gexf(g)) + "\n"
    elif kind == "json":
        text = json.dumps(nx.node_link_data(g, edges="edges"), ensure_ascii=False, indent=1) + "\n"
    else:
        text = _to_dot(g)
    target = Path(path)
    write_text(target, text)
    return target
