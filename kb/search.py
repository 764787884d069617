"""Full-text search over page text, quotes and claims (SQLite FTS5, bm25).

User text never reaches MATCH as written: FTS5 has its own query language
(`AND`, `OR`, `NOT`, `NEAR(...)`, `col:`, `*`, `^`, parentheses, quotes), and a
query such as `"unbalanced` or `AND OR` would be a syntax error. `build_match`
turns any string into a valid MATCH expression: balanced double-quoted parts
stay phrases, every other word becomes its own quoted phrase, and a trailing
`*` on a word keeps its prefix meaning. All terms must match; when no row holds
them all, the search is retried with any of them (and says so).

Ranking is bm25 within each table; the three kinds of result are merged on
that score (shorter rows with the words score higher, which favours the
curated quotes and claims over whole pages). Snippets are computed in a second
query, only for the rows that are shown, so a search over 200,000 pages costs
one ranked scan plus a few snippet() calls.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from .errors import NotFound, UsageError

if TYPE_CHECKING:
    from .store import KB

#: Markers around the matched words in snippets.
OPEN, CLOSE, ELLIPSIS = "«", "»", "…"
SNIPPET_TOKENS = 16
MAX_LIMIT = 1000
MAX_QUERY = 2000      # characters; a query is words, not a document

_PHRASE_RE = re.compile(r'"([^"]*)"|“([^”]*)”')
_WORD_RE = re.compile(r"[^\W_]+")


@dataclass
class Hit:
    kind: str                 # page | quote | claim
    citekey: str
    version: str | None
    page: int | None
    page_end: int | None
    id: str | None            # quote or claim id; None for a page
    title: str | None
    snippet: str
    score: float              # bm25: lower is better
    matched: str = "all"      # all | any: whether every word had to match
    status: str | None = None  # a quote's or claim's verified/unverified
    value: str | None = None   # a claim's value as written, "11.49 kWh"

    def to_dict(self) -> dict:
        return asdict(self)


def _term(words: list[str], prefix: bool = False) -> str | None:
    """One FTS5 phrase of `words` (already free of '"' by construction)."""
    if not words:
        return None
    return '"' + " ".join(words) + '"' + (" *" if prefix else "")


def match_terms(query: str) -> list[str]:
    """The MATCH terms of a user query: one quoted phrase per word, balanced
    double-quoted parts as one phrase. Never raises; may be empty."""
    query = query[:MAX_QUERY]
    terms: list[str] = []

    def words_outside(text: str) -> None:
        for token in text.split():
            words = _WORD_RE.findall(token)
            # "energ*" is a prefix search; a lone "*" or "-" is nothing.
            term = _term(words, prefix=token.endswith("*") and bool(words))
            if term:
                terms.append(term)

    pos = 0
    for m in _PHRASE_RE.finditer(query):
        words_outside(query[pos:m.start()])
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        term = _term(_WORD_RE.findall(inner))
        if term:
            terms.append(term)
        pos = m.end()
    words_outside(query[pos:].replace('"', " "))   # an unbalanced quote is just a space
    return terms


def build_match(query: str, any_word: bool = False) -> str:
    """A MATCH expression for `query`: all terms (implicit AND), or any of them."""
    terms = list(dict.fromkeys(match_terms(query)))
    return (" OR " if any_word else " ").join(terms)


# -- the three sources -------------------------------------------------------------------

_LATEST = """
    select v.id from versions v
    where v.text_status = 'ok' and not exists (
        select 1 from versions w
        where w.citekey = v.citekey and w.text_status = 'ok'
          and cast(substr(w.version, 2) as integer) > cast(substr(v.version, 2) as integer))
"""


def _pages(db, match: str, paper: str | None, all_versions: bool, limit: int) -> list[tuple]:
    where = ["pages_fts match ?"]
    params: list = [match]
    if paper:
        where.append("p.citekey = ?")
        params.append(paper)
    if not all_versions:
        where.append(f"p.version_id in ({_LATEST})")
    sql = (f"select p.id, p.citekey, p.version, p.page, p.page, null, bm25(pages_fts) as score "
           f"from pages_fts join pages p on p.id = pages_fts.rowid "
           f"where {' and '.join(where)} order by score limit ?")
    return db.execute(sql, params + [limit]).fetchall()


def _quotes(db, match: str, paper: str | None, limit: int) -> list[tuple]:
    where, params = "quotes_fts match ?", [match]
    if paper:
        where += " and q.citekey = ?"
        params.append(paper)
    sql = (f"select q.rowid, q.citekey, q.version, q.page, q.page_end, q.id, "
           f"bm25(quotes_fts, 1.0, 0.5) as score, q.status "
           f"from quotes_fts join quotes q on q.rowid = quotes_fts.rowid "
           f"where {where} order by score limit ?")
    return db.execute(sql, params + [limit]).fetchall()


def _claims(db, match: str, paper: str | None, limit: int) -> list[tuple]:
    where, params = "claims_fts match ? and c.citekey is not null", [match]
    if paper:
        where += " and c.citekey = ?"
        params.append(paper)
    sql = (f"select c.rowid, c.citekey, c.version, c.page, c.page, c.id, "
           f"bm25(claims_fts, 0.5, 1.0, 0.5, 0.5) as score, c.status, "
           f"trim(coalesce(c.number, '') || ' ' || coalesce(c.unit, '')) "
           f"from claims_fts join claims c on c.rowid = claims_fts.rowid "
           f"where {where} order by score limit ?")
    return db.execute(sql, params + [limit]).fetchall()


_TABLES = {"page": "pages_fts", "quote": "quotes_fts", "claim": "claims_fts"}


def _snippets(db, kind: str, match: str, rowids: list[int]) -> dict[int, str]:
    """snippet() for a few rows only: the costly part of a search."""
    if not rowids:
        return {}
    table = _TABLES[kind]
    sql = (f"select rowid, snippet({table}, -1, ?, ?, ?, {SNIPPET_TOKENS}) from {table} "
           f"where {table} match ? and rowid in ({','.join('?' * len(rowids))})")
    rows = db.execute(sql, [OPEN, CLOSE, ELLIPSIS, match, *rowids]).fetchall()
    return {r[0]: " ".join((r[1] or "").split()) for r in rows}


def search(kb: "KB", query: str, *, paper: str | None = None, limit: int = 10,
           all_versions: bool = False, kinds: tuple[str, ...] = ("page", "quote", "claim")) -> list[Hit]:
    """The best `limit` pages, quotes and claims for `query`, best first.

    Only the latest version of each paper's text is searched unless
    `all_versions`. A query without any word returns nothing."""
    if limit < 1 or limit > MAX_LIMIT:
        raise UsageError(f"--limit must be between 1 and {MAX_LIMIT}, not {limit}")
    db = kb.db
    if paper and db.execute("select 1 from papers where citekey = ?", [paper]).fetchone() is None:
        raise NotFound(f"no paper {paper!r} in the knowledge base", hint="see `kb ls`")
    terms = list(dict.fromkeys(match_terms(query)))
    if not terms:
        return []
    hits: list[Hit] = []
    for any_word in (False, True):
        if any_word and (hits or len(terms) < 2):
            break
        match = (" OR " if any_word else " ").join(terms)
        found: list[tuple[str, tuple]] = []
        if "page" in kinds:
            found += [("page", r) for r in _pages(db, match, paper, all_versions, limit)]
        if "quote" in kinds:
            found += [("quote", r) for r in _quotes(db, match, paper, limit)]
        if "claim" in kinds:
            found += [("claim", r) for r in _claims(db, match, paper, limit)]
        found.sort(key=lambda kr: kr[1][6])
        found = found[:limit]
        snippets = {kind: _snippets(db, kind, match, [r[0] for k, r in found if k == kind])
                    for kind in kinds}
        titles = _titles(db, {r[1] for _, r in found})
        for kind, r in found:
            hits.append(Hit(kind=kind, citekey=r[1], version=r[2] or None, page=r[3], page_end=r[4],
                            id=r[5], title=titles.get(r[1]), snippet=snippets[kind].get(r[0], ""),
                            score=r[6], matched="any" if any_word else "all",
                            status=r[7] if len(r) > 7 else None,
                            value=(r[8] or None) if len(r) > 8 else None))
    return hits


def _titles(db, citekeys: set[str]) -> dict[str, str]:
    if not citekeys:
        return {}
    keys = sorted(citekeys)
    return {r[0]: r[1] for r in db.execute(
        f"select citekey, title from papers where citekey in ({','.join('?' * len(keys))})", keys)}
