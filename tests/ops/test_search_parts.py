"""kb.ops.search: page text ranked in parts, one a core, gives what one ranking of every page gives."""

from __future__ import annotations

import random

import pytest

from kb.ops import search as search_mod
from kb.ops.claims import add_claim
from kb.ops.papers import load_text
from kb.ops.quotes import add_quote
from kb.store.knowledgebase import KB

WORDS = ("energy emissions carbon water training inference model data centre grid power hardware "
         "efficient learning language study cost").split()


def _page(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """A knowledge base of 12 papers of 5 pages (two of them with a v2 whose words differ)."""
    from kb.store.knowledgebase import init

    tmp = tmp_path_factory.mktemp("parts")
    root, _ = init(tmp / "kb")
    rng = random.Random(7)
    keys = [f"p{i}" for i in range(12)]
    (root / "references.bib").write_text("".join(
        f"@misc{{{k}, title = {{Study {k}}}, author = {{Doe, Jane}}, year = {{2023}}}}\n" for k in keys), "utf-8")
    kb = KB.open(root)
    for i, key in enumerate(keys):
        pages = [_page(rng, 30 + 7 * p) for p in range(5)]
        if i == 2:
            pages[0] += " Training took 12 days of energy."
        if i == 3:
            pages[2] += " Only the first version says zeppelin twice: zeppelin."
        text = tmp / f"{key}.txt"
        text.write_text("\f".join(pages), "utf-8")
        load_text(kb, key, text, version="v1", extractor="pypdf")
        if i in (3, 8):
            text.write_text("\f".join(_page(rng, 40) for _ in range(5)), "utf-8")
            load_text(kb, key, text, version="v2", extractor="pypdf")
    add_quote(kb, "p1", pages_of(kb, "p1")[0].split(" ")[0] + " " + pages_of(kb, "p1")[0].split(" ")[1], page=1)
    add_claim(kb, "p2", "12 days", quote="12 days of energy")
    kb.close()
    return root


def pages_of(kb: KB, key: str) -> list[str]:
    return [r[0] for r in kb.conn.execute("select text from pages where citekey = ? order by page", [key])]


def _hits(root, monkeypatch, cores: int, split_matches: int, **kw) -> tuple[list[tuple], int]:
    monkeypatch.setattr(search_mod, "_idle_cores", lambda: min(cores, search_mod.MOST_PARTS))
    monkeypatch.setattr(search_mod, "SPLIT_MATCHES", split_matches)
    kb = KB.open(root)
    opened = []
    reader = kb.reader
    monkeypatch.setattr(kb, "reader", lambda: opened.append(1) or reader())
    try:
        hits = search_mod.search(kb, **kw)
    finally:
        kb.close()
    return [(h.kind, h.citekey, h.version, h.page, h.id, h.snippet, round(h.score, 9), h.matched) for h in hits], \
        len(opened)


@pytest.mark.parametrize("kw", [
    dict(query="energy emissions"),
    dict(query="energy", limit=25),
    dict(query="energy", limit=1),
    dict(query="water grid power", limit=40),
    dict(query='"data centre"'),
    dict(query="effic*"),
    dict(query="zeppelin"),                          # only in a version older than the paper's newest
    dict(query="zeppelin", all_versions=True),
    dict(query="zeppelin nowhereword"),              # no page holds both: any of the words, none either
    dict(query="grid nowhereword"),                  # any of the words: grid
    dict(query="energy", paper="p3"),
    dict(query="energy", all_versions=True, limit=60),
    dict(query="nowhereword"),
])
@pytest.mark.parametrize("cores", [2, 3, 4, 8])
def test_ranking_in_parts_gives_what_one_ranking_gives(many, monkeypatch, kw, cores):
    one, opened_one = _hits(many, monkeypatch, 1, 1, **kw)
    parts, opened = _hits(many, monkeypatch, cores, 1, **kw)
    assert parts == one
    assert opened_one == 0
    # Each ranking (of all the words; of any of them, where none holds all) whose query matches a
    # page runs every kind in a thread of its own, the pages in min(cores, MOST_PARTS) parts, the
    # first on the search's own connection; --paper, and a query matching no page, run as one.
    from kb.store.fts import match_terms

    terms = list(dict.fromkeys(match_terms(kw["query"])))
    conn = KB.open(many).conn
    expected = 0
    for joiner in (" ", " OR "):
        if joiner == " OR " and (len(terms) < 2 or (parts and parts[0][-1] == "all")):
            break
        hit = conn.execute("select count(*) from pages_fts where pages_fts match ?", [joiner.join(terms)]).fetchone()[0]
        if hit and "paper" not in kw:
            expected += min(cores, search_mod.MOST_PARTS) + 2 - 1
    assert opened == expected


@pytest.mark.parametrize("query, split", [("energy", 10_000), ("zeppelin", 2), ("nowhereword", 1)])
def test_a_query_on_few_pages_is_ranked_whole_in_this_thread(many, monkeypatch, query, split):
    """A query matching fewer pages than SPLIT_MATCHES (the few the old version's zeppelin is on,
    none) is ranked as one, on the search's own connection: threads would cost more than it."""
    one, _ = _hits(many, monkeypatch, 1, 1, query=query)
    hits, opened = _hits(many, monkeypatch, 4, split, query=query)
    assert hits == one and opened == 0


def test_a_busy_machine_ranks_in_one_thread(many, monkeypatch):
    """No core idle (the load as high as the cores): one thread, as on one core."""
    import os

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    for load, threads in ((0.2, 2), (1.4, 1), (2.0, 1), (7.5, 1)):
        monkeypatch.setattr(os, "getloadavg", lambda load=load: (load, load, load))
        assert search_mod._idle_cores() == threads
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(16)), raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (3.0, 3.0, 3.0))
    assert search_mod._idle_cores() == search_mod.MOST_PARTS


def test_parts_cover_every_page_once(many):
    conn = KB.open(many).conn
    lo, hi = conn.execute("select min(id), max(id) from pages").fetchone()
    for n in (1, 2, 3, 4, 7):
        spans = search_mod._parts(conn, n)
        assert len(spans) == n
        covered = [i for a, b in spans for i in range(a, b + 1)]
        assert covered == list(range(lo, hi + 1))


def test_an_error_in_a_part_is_raised_and_nothing_is_returned(many, monkeypatch):
    """A part that fails (its connection cannot read the index) fails the search, never a
    ranking with a part missing."""
    calls = []
    real = search_mod._rank

    def failing(db, src, match, paper, latest_only, limit, span=None):
        calls.append(span)
        if span is not None and span[0] > 1:
            raise RuntimeError("part failed")
        return real(db, src, match, paper, latest_only, limit, span)

    monkeypatch.setattr(search_mod, "_rank", failing)
    monkeypatch.setattr(search_mod, "_idle_cores", lambda: 2)
    monkeypatch.setattr(search_mod, "SPLIT_MATCHES", 1)
    kb = KB.open(many)
    with pytest.raises(RuntimeError, match="part failed"):
        search_mod.search(kb, "energy")
    assert len([s for s in calls if s is not None]) == 2
