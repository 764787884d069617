"""Full-text search over page text, quotes and claims (SQLite FTS5, bm25).

User text never reaches MATCH as written: FTS5 has its own query language
(`AND`, `OR`, `NOT`, `NEAR(...)`, `col:`, `*`, `^`, parentheses, quotes), and a
query such as `"unbalanced` or `AND OR` would be a syntax error. `build_match`
turns any string into a valid MATCH expression: balanced double-quoted parts
stay phrases, every other word becomes its own quoted phrase, and a trailing
`*` on a word keeps its prefix meaning, and a word finds its singular and plural
("emission", "emissions"; kb.store.fts.number_forms). All terms must match; when no row holds
them all, the search is retried with any of them (and says so).

Ranking is bm25 within each table; the three kinds of result are merged on
that score (shorter rows with the words score higher, which favours the
curated quotes and claims over whole pages). Each table is ranked by FTS5
alone, then only the best candidates are joined to their rows and filtered
(see `_rank`), and snippets are cut for the rows shown only: a search over
200,000 pages costs one ranked index scan plus a few lookups.

The indexes hold text folded as quote matching folds it (kb.store.fts:
ligatures, mathematical letters, line-break hyphenation), and so is the query;
snippets are cut from the stored text as printed (kb.store.fts.snippet).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from kb.errors import UsageError
from kb.store.fts import match_terms, query_words, snippet
from kb.store.knowledgebase import KB
from kb.store.queries import chunks, claim_stands_sql, no_text_sql, off_text_sql, paper_exists, paper_keys
from kb.text.display import Vocabulary
from kb.text.versions import version_number

#: Markers around the matched words in snippets.
OPEN, CLOSE, ELLIPSIS = "«", "»", "…"
SNIPPET_TOKENS = 16
MAX_LIMIT = 1000



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
    status: str | None = None  # a quote's or claim's verified/unverified/no-text/stale
    value: str | None = None   # a claim's value as written, "11.49 kWh"
    stale_in: str | None = None  # "stale": the newer version kb holds that no longer prints it, as kb verify says
    moved_in: str | None = None  # "verified": the newer version kb holds that prints it on another page than `page`
    moved_to: str | None = None  # its page or pages there: '4', '4-5'

    def to_dict(self) -> dict:
        return asdict(self)


# -- the three sources -------------------------------------------------------------------
#
# Each source is ranked by FTS5 alone first (rowid and bm25, no join): joining
# every match to its row costs more than ranking it, since a page row holds its
# whole text. The few best candidates are then joined and filtered (latest
# version, paper); only when the filter leaves too few does the ranking run
# again with the filter inside the query. --paper also bounds the FTS scan by
# the paper's rowid range, which FTS5 applies before ranking.

@dataclass(frozen=True)
class _Source:
    kind: str
    fts: str
    content: str
    weights: str                # bm25 column weights
    columns: str                # selected from the content table `t`
    where: str = "1"            # always applied to the content table `t`


_SOURCES = {
    "page": _Source("page", "pages_fts", "pages", "", "t.id, t.citekey, t.version, t.page, t.page, null, "
                    "null, null, null, null, null, t.version_id"),
    "quote": _Source("quote", "quotes_fts", "quotes", ", 1.0, 0.5",
                     # its status as kb quote ls lists it (list_quotes): a quote edited by hand is not verified
                     "t.rowid, t.citekey, t.version, t.page, t.page_end, t.id, "
                     f"case when t.status = 'verified' and (t.doubt is not null or {off_text_sql('t', 'page_end')}) "
                     f"then 'unverified' when {no_text_sql('t')} then 'no-text' when t.status = 'verified' and "
                     "t.stale_in is not null then 'stale' else t.status end, null, t.stale_in, t.moved_in, t.moved_to"),
    "claim": _Source("claim", "claims_fts", "claims", ", 0.5, 1.0, 0.5, 0.5",
                     # its status as kb claims lists it: a claim marked verified by hand with no quote is not
                     "t.rowid, t.citekey, t.version, t.page, t.page, t.id, "
                     f"case when not {claim_stands_sql('t')} then 'unverified' when {no_text_sql('t')} then 'no-text' "
                     "when t.stale_in is not null then 'stale' else 'verified' end, "
                     "trim(coalesce(t.number, '') || ' ' || coalesce(t.unit, '')), t.stale_in, t.moved_in, t.moved_to",
                     "t.citekey is not null"),
}
_ROWID = {"page": "id", "quote": "rowid", "claim": "rowid"}
#: Where a ranked row's score is: after the columns each source selects (a page's version id there, replaced by it).
_SCORE = 11

_LATEST = """
    select v.id from versions v
    where v.text_status = 'ok' and not exists (
        select 1 from versions w
        where w.citekey = v.citekey and w.text_status = 'ok'
          and cast(substr(w.version, 2) as integer) > cast(substr(v.version, 2) as integer))
"""


def _latest_ids(db, citekeys: set[str]) -> set[int]:
    """The id of the latest version with text of each paper."""
    best: dict[str, tuple[int, int]] = {}
    for chunk in chunks(sorted(citekeys)):
        for vid, key, version in db.execute(
                f"select id, citekey, version from versions where text_status = 'ok' "
                f"and citekey in ({','.join('?' * len(chunk))})", chunk):
            rank = version_number(version)
            if key not in best or rank > best[key][0]:
                best[key] = (rank, vid)
    return {vid for _, vid in best.values()}


def _rank(db, src: _Source, match: str, paper: str | None, latest_only: bool, limit: int) -> list[tuple]:
    """(rowid, citekey, version, page, page_end, id, status, value, stale_in, moved_in, moved_to, score) of the best
    rows."""
    rid = _ROWID[src.kind]
    bound, bound_params = "", []
    filters, filter_params = [src.where], []
    if paper:
        lo, hi = db.execute(f"select min({rid}), max({rid}) from {src.content} where citekey = ?",
                            [paper]).fetchone()
        if lo is None:
            return []
        bound, bound_params = f" and {src.fts}.rowid between ? and ?", [lo, hi]
        filters.append("t.citekey = ?")
        filter_params.append(paper)
    k = min(limit * 4 + 20, MAX_LIMIT * 4)
    candidates = db.execute(
        f"select rowid, bm25({src.fts}{src.weights}) as score from {src.fts} "
        f"where {src.fts} match ?{bound} order by score limit ?", [match, *bound_params, k]).fetchall()
    score = dict(candidates)
    rows: list[tuple] = []
    if candidates:
        ids = list(score)
        rows = db.execute(
            f"select {src.columns} from {src.content} t where t.{rid} in ({','.join('?' * len(ids))}) "
            f"and {' and '.join(filters)}", [*ids, *filter_params]).fetchall()
        if latest_only:
            latest = _latest_ids(db, {r[1] for r in rows})
            rows = [r for r in rows if r[_SCORE] in latest]       # a page's version id, in the score's place
        rows = sorted((tuple(r[:_SCORE]) + (score[r[0]],) for r in rows), key=lambda r: r[_SCORE])
    if len(rows) >= limit or len(candidates) < k:
        return rows[:limit]
    # Most candidates were filtered out (older versions, other papers in the rowid range).
    if latest_only:
        filters.append(f"t.version_id in ({_LATEST})")
    full = db.execute(
        f"select {src.columns}, bm25({src.fts}{src.weights}) as score from {src.fts} "
        f"join {src.content} t on t.{rid} = {src.fts}.rowid "
        f"where {src.fts} match ?{bound} and {' and '.join(filters)} order by score limit ?",
        [match, *bound_params, *filter_params, limit]).fetchall()
    return [tuple(r[:_SCORE]) + (r[-1],) for r in full]


_TEXT_COLUMNS = {"page": "text", "quote": "text, topics", "claim": "quote, id, topics, per"}


def _snippets(db, kind: str, words: list[tuple[str, bool]], rowids: list[int]) -> dict[int, str]:
    """Snippets for the few rows shown, cut from the text as printed (the index
    holds it folded): the column holding most of the words."""
    if not rowids:
        return {}
    src = _SOURCES[kind]
    rows = db.execute(f"select {_ROWID[kind]}, {_TEXT_COLUMNS[kind]} from {src.content} "
                      f"where {_ROWID[kind]} in ({','.join('?' * len(rowids))})", rowids).fetchall()
    out: dict[int, str] = {}
    texts_of: dict[int, Vocabulary] = {}

    def vocabulary(rowid: int) -> Vocabulary:
        """The words of the whole text a page is of, read only when a word of its snippet is broken."""
        def pages():
            yield from (r[0] for r in db.execute("select text from pages where version_id = "
                                                 "(select version_id from pages where id = ?)", [rowid]))
        return texts_of.setdefault(rowid, Vocabulary(pages()))

    for rowid, *texts in rows:
        best = ("", -1)
        for text in texts:
            if text:
                cut = snippet(text, words, SNIPPET_TOKENS, OPEN, CLOSE, ELLIPSIS,
                              vocabulary(rowid) if kind == "page" else None)
                if cut[1] > best[1]:
                    best = cut
        out[rowid] = best[0]
    return out


def search(kb: "KB", query: str, *, paper: str | None = None, limit: int = 10,
           all_versions: bool = False, kinds: tuple[str, ...] = ("page", "quote", "claim")) -> list[Hit]:
    """The best `limit` pages, quotes and claims for `query`, best first.

    Only the latest version of each paper's text is searched unless
    `all_versions`. A query without any word returns nothing."""
    if limit < 1 or limit > MAX_LIMIT:
        raise UsageError(f"--limit must be between 1 and {MAX_LIMIT}, not {limit}")
    db = kb.conn                      # reading only: no sqlite-utils import
    if paper and not paper_exists(db, paper):
        [paper] = paper_keys(db, [paper])          # a key kept in its ids, as kb quote ls -p takes it; else no paper
    terms = list(dict.fromkeys(match_terms(query)))
    if not terms:
        return []
    wide = list(dict.fromkeys(match_terms(query, forms=True)))
    words = query_words(query, forms=True)
    hits: list[Hit] = []
    for any_word in (False, True):
        if any_word and (hits or len(terms) < 2):
            break
        join = " OR " if any_word else " AND "
        match, match_wide = join.join(terms), join.join(wide)
        found: list[tuple[str, tuple]] = []
        for kind in kinds:
            latest_only = kind == "page" and not all_versions
            rows = _rank(db, _SOURCES[kind], match, paper, latest_only, limit)
            found += [(kind, r, 0) for r in rows]
            if match_wide != match and len(rows) < limit:
                # The rows holding a word only in its other number ("emissions" of "emission") come after
                # every row holding it as typed: a rare plural would otherwise outrank the words typed.
                seen = {r[0] for r in rows}
                found += [(kind, r, 1) for r in _rank(db, _SOURCES[kind], match_wide, paper, latest_only, limit)
                          if r[0] not in seen][:limit - len(rows)]
        found.sort(key=lambda kr: (kr[2], kr[1][_SCORE]))
        found = [(kind, r) for kind, r, _ in found[:limit]]
        kb.settle()             # the ranking was SQLite's; what follows is Python's (KB.read)
        snippets = {kind: _snippets(db, kind, words, [r[0] for k, r in found if k == kind])
                    for kind in kinds}
        titles = _titles(db, {r[1] for _, r in found})
        for kind, r in found:
            hits.append(Hit(kind=kind, citekey=r[1], version=r[2] or None, page=r[3], page_end=r[4],
                            id=r[5], title=titles.get(r[1]), snippet=snippets[kind].get(r[0], ""),
                            score=r[_SCORE], matched="any" if any_word else "all", status=r[6],
                            value=r[7] or None, stale_in=r[8] if r[6] == "stale" else None,
                            moved_in=r[9] if r[6] == "verified" else None,
                            moved_to=r[10] if r[6] == "verified" and r[9] else None))
    return hits


def _titles(db, citekeys: set[str]) -> dict[str, str]:
    if not citekeys:
        return {}
    keys = sorted(citekeys)
    return {r[0]: r[1] for r in db.execute(
        f"select citekey, title from papers where citekey in ({','.join('?' * len(keys))})", keys)}
