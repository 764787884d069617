"""kb search: FTS5 over page text, quotes and claims, on a small made-up
knowledge base (no corpus needed): phrases, case and accents, ranking,
snippets, filters, versions, and queries that would break FTS5's own syntax."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from budgets import budget
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kbrun import run_kb

BIB = """@misc{alpha2020energy,
  title = {Energy of Image Generation},
  author = {Hern{\\'a}ndez, Ana and Smith, John},
  year = {2020},
  eprint = {2001.00001},
  archiveprefix = {arXiv},
}

@misc{beta2021carbon,
  title = {Carbon Accounting},
  author = {Doe, Jane},
  year = {2021},
}

@misc{gamma2022versions,
  title = {A Paper With Two Versions},
  author = {Roe, Richard},
  year = {2022},
  eprint = {2202.00002},
  archiveprefix = {arXiv},
}
"""

ALPHA = [
    "Introduction. We measure the energy of models that turn text into pictures.",
    "Image generation uses a lot of energy: the least efficient model uses 11.49 kWh "
    "for 1,000 images. Energy per image generation is the quantity we report.",
    "Related work by Hernández and colleagues studies the generation of an image from noise.",
]
BETA = [
    "Carbon accounting for data centres. Energy energy energy image image image generation generation "
    "generation: this page repeats the words energy, image and generation many times over.",
    "Nothing relevant here: a table of contents.",
]
GAMMA_V1 = ["The first version mentions a zeppelin, which the second version removed."]
GAMMA_V2 = ["The second version is about airships in general."]

CLAIMS_ALPHA = """
[[quote]]
id = "least-efficient"
text = "the least efficient model uses 11.49 kWh for 1,000 images"
topics = ["energy", "image generation"]
version = ""
status = "verified"
page = 2
page_end = 2

[[claim]]
id = "kwh-per-1000"
value = "11.49 kWh"
per = "1,000 images"
quote = "the least efficient model uses 11.49 kWh for 1,000 images"
page = 2
topics = ["energy"]
"""


def _load(root: Path, tmp: Path, key: str, pages: list[str], version: str = "") -> None:
    src = tmp / f"{key}{version}.json"
    src.write_text(json.dumps(pages))
    args = ["--kb", root, "text", "load", key, src, "--extractor", "test"]
    if version:
        args += ["--version", version]
    r = run_kb(*args)
    assert r.code == 0, r.err


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """One knowledge base for every search test: searching never writes."""
    from kb.store.knowledgebase import init

    tmp = tmp_path_factory.mktemp("search")
    root, _ = init(tmp / "kb")
    (root / "references.bib").write_text(BIB)
    (root / "claims" / "alpha2020energy.toml").write_text(CLAIMS_ALPHA)
    _load(root, tmp, "alpha2020energy", ALPHA)
    _load(root, tmp, "beta2021carbon", BETA)
    _load(root, tmp, "gamma2022versions", GAMMA_V1, "v1")
    _load(root, tmp, "gamma2022versions", GAMMA_V2, "v2")
    return root


def search(root: Path, *args: str) -> list[dict]:
    r = run_kb("--kb", root, "search", *args, "--json")
    assert r.code == 0, r.err
    return r.json


def where(hits: list[dict]) -> list[tuple]:
    return [(h["kind"], h["citekey"], h["page"]) for h in hits]


def test_several_words_must_all_match_and_a_phrase_keeps_its_order(root):
    words = where(search(root, "image generation", "--limit", "20"))
    assert ("page", "alpha2020energy", 2) in words
    assert ("page", "alpha2020energy", 3) in words          # "generation of an image"
    phrase = where(search(root, '"image generation"', "--limit", "20"))
    assert ("page", "alpha2020energy", 2) in phrase
    assert ("page", "alpha2020energy", 3) not in phrase
    # A query given as several arguments is the same as one string.
    assert where(search(root, "image", "generation", "--limit", "20")) == words


def test_case_and_accents_are_ignored(root):
    for query in ("hernandez", "HERNANDEZ", "Hernández", "hernÁndez"):
        hits = search(root, query)
        assert ("page", "alpha2020energy", 3) in where(hits), query
        snippet = next(h["snippet"] for h in hits if h["page"] == 3)
        assert "«Hernández»" in snippet       # the text as stored, the match marked


def test_ranking_puts_the_page_with_the_words_many_times_first(root):
    hits = search(root, "energy image generation", "--limit", "5")
    assert hits[0]["kind"] == "page" and hits[0]["citekey"] == "beta2021carbon" and hits[0]["page"] == 1
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores)                 # bm25: lower is better


def test_snippet_shows_the_match_and_the_page(root):
    r = run_kb("--kb", root, "search", "zeppelin", "--all-versions")
    assert r.code == 0, r.err
    assert "gamma2022versions v1 p. 1  (page)" in r.out
    assert "«zeppelin»" in r.out
    hit = search(root, "kWh")[0]
    assert "«kWh»" in hit["snippet"] and hit["page"] == 2


def test_quotes_and_claims_are_searched(root):
    hits = search(root, "least efficient", "--limit", "10")
    kinds = {(h["kind"], h["id"]) for h in hits}
    assert ("quote", "least-efficient") in kinds
    assert ("claim", "kwh-per-1000") in kinds
    claim = next(h for h in hits if h["kind"] == "claim")
    assert claim["value"] == "11.49 kWh" and claim["page"] == 2


def test_latest_version_only_unless_all_versions(root):
    assert search(root, "zeppelin") == []
    hits = search(root, "zeppelin", "--all-versions")
    assert where(hits) == [("page", "gamma2022versions", 1)] and hits[0]["version"] == "v1"
    assert search(root, "airships")[0]["version"] == "v2"


def test_paper_filter_and_limit(root):
    hits = search(root, "energy", "--paper", "beta2021carbon", "--limit", "50")
    assert hits and {h["citekey"] for h in hits} == {"beta2021carbon"}
    assert len(search(root, "energy", "--limit", "1")) == 1
    r = run_kb("--kb", root, "search", "energy", "--paper", "nosuch2000paper")
    assert r.code == 2 and "no paper 'nosuch2000paper'" in r.err
    r = run_kb("--kb", root, "search", "energy", "--limit", "0")
    assert r.code == 2 and "--limit" in r.err


def test_json_shape(root):
    hits = search(root, "kWh")
    assert isinstance(hits, list) and hits
    assert set(hits[0]) == {"kind", "citekey", "version", "page", "page_end", "id", "title", "snippet",
                            "score", "matched", "status", "value", "stale_in", "moved_in", "moved_to"}
    page = next(h for h in hits if h["kind"] == "page")
    assert page["title"] == "Energy of Image Generation" and page["id"] is None
    assert page["matched"] == "all"


def test_no_row_with_all_words_falls_back_to_any(root):
    hits = search(root, "zeppelin airships")      # never on the same page
    assert hits and all(h["matched"] == "any" for h in hits)
    r = run_kb("--kb", root, "search", "zeppelin airships")
    assert "showing results with any of them" in r.err


BREAKERS = ['"unbalanced', 'image "generation', '- energy', 'energy -image', 'AND OR', 'AND', 'OR', 'NOT',
            'energy AND OR image', 'energ*', '*energy', 'NEAR(', 'NEAR(energy image', 'NEAR(a b, 2)',
            'text:', 'text: energy', 'pages_fts:energy', '{text}: energy', '^energy', 'energy)',
            'energy +', '“energy', '“energy”', '"energy*"', 'a' * 3000, ' '.join(['energy'] * 500)]
WORDLESS = ['', ' ', '\t\n ', '-', '*', '**', '(', ')', '""', '"""', "'", "''", '+', ':', '\\', '\x00', '\u00a0',
            '«»', '“”', '.,;!?', '—', '"*"', '( ) * : ^', '_']


@pytest.mark.parametrize("query", BREAKERS)
def test_queries_that_break_fts_syntax_return_normally(root, query):
    r = run_kb("--kb", root, "search", "--", query)
    assert r.code == 0, r.err
    assert "Traceback" not in r.err and "internal error" not in r.err


def test_a_query_without_a_word_is_refused(root):
    """An empty query, blanks, punctuation or FTS5's own signs look for nothing: refused with one
    line (exit 2), as --json too, where it was "no matches" and exit 0."""
    for query in WORDLESS:
        for extra in ((), ("--json",)):
            r = run_kb("--kb", root, "search", *extra, "--", query)
            assert (r.code, r.out) == (2, ""), (query, r.code, r.out)
            assert r.err.startswith("kb: error: nothing to search for in " if "\0" not in query else
                                    "kb: error: the argument '\\x00' holds a NUL character") \
                and r.err.count("\n") == 1, r.err


def test_prefix_search_and_phrase_with_punctuation(root):
    assert ("page", "alpha2020energy", 2) in where(search(root, "effic*"))
    assert ("page", "alpha2020energy", 2) in where(search(root, '"11.49 kWh"'))


@pytest.fixture(scope="module")
def opened(root):
    from kb.store.knowledgebase import KB

    kb = KB.open(root)
    yield kb
    kb.close()


@settings(max_examples=budget(150, 600), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60) | st.lists(st.sampled_from(
    ['"', "*", "-", "+", "(", ")", ":", "^", "AND", "OR", "NOT", "NEAR", "energy", "image", " ", ",", "{", "}"]),
    max_size=12).map("".join))
def test_fuzzed_queries_never_raise(opened, query):
    from kb.ops.search import search as do_search
    from kb.store.fts import build_match

    hits = do_search(opened, query, limit=3)
    assert len(hits) <= 3
    match = build_match(query)
    assert match.count('"') % 2 == 0


def test_build_match_quotes_every_token():
    from kb.store.fts import build_match

    assert build_match('energy "image generation" NEAR( text:') == '"energy" "image generation" "near" "text"'
    assert build_match("energ* -") == '"energ" *'
    assert build_match("a b", any_word=True) == '"a" OR "b"'
    assert build_match('say "hi') == '"say" "hi"'


def test_older_versions_crowding_the_best_matches_do_not_hide_the_latest(kb_root, tmp_path):
    """The ranking first takes the best rows from FTS5 alone; when the filter
    (latest version only, --paper) removes them all, it ranks again with the
    filter inside the query."""
    (kb_root / "references.bib").write_text(BIB)
    _load(kb_root, tmp_path, "gamma2022versions", ["blimp blimp blimp blimp"] * 80, "v1")
    _load(kb_root, tmp_path, "gamma2022versions", ["a long page that says blimp once " * 5], "v2")
    _load(kb_root, tmp_path, "beta2021carbon", ["blimp blimp blimp"] * 60)
    _load(kb_root, tmp_path, "alpha2020energy", ["one blimp in a much longer page " * 5])
    hits = search(kb_root, "blimp", "--paper", "gamma2022versions", "--limit", "1")
    assert [(h["citekey"], h["version"]) for h in hits] == [("gamma2022versions", "v2")]
    hits = search(kb_root, "blimp", "--limit", "100")
    assert ("gamma2022versions", "v1") not in {(h["citekey"], h["version"]) for h in hits}
    assert len(hits) == 62
    assert len(search(kb_root, "blimp", "--limit", "200", "--all-versions")) == 142
    hits = search(kb_root, "blimp", "--paper", "alpha2020energy")
    assert [(h["citekey"], h["page"]) for h in hits] == [("alpha2020energy", 1)]


# -- the text as matching folds it, on real page text ---------------------------------------------

@pytest.fixture(scope="module")
def real(tmp_path_factory) -> Path:
    """Strubell et al. (prints "efﬁcient" with the ﬁ ligature) and Luccioni et al.
    (prints "𝐶𝑂2𝑒𝑞" in mathematical italic), as pypdf extracted them."""
    from corpus import corpus_path

    from kb.store.knowledgebase import init

    texts = corpus_path("wattbot", "pypdf-text")
    tmp = tmp_path_factory.mktemp("real")
    root, _ = init(tmp / "kb")
    (root / "references.bib").write_text(
        "@misc{strubell2019energy,\n  title = {Energy and Policy Considerations for Deep Learning in NLP},\n"
        "  year = {2019}\n}\n\n@misc{luccioni2023power,\n  title = {Power Hungry Processing},\n  year = {2023}\n}\n")
    for key, name in (("strubell2019energy", "strubell2019"), ("luccioni2023power", "luccioni2024")):
        r = run_kb("--kb", root, "text", "load", key, texts / f"{name}.json", "--extractor", "pypdf")
        assert r.code == 0, r.err
    return root


def _printed(root: Path, key: str, page: int) -> str:
    import sqlite3

    with sqlite3.connect(root / ".kb" / "kb.sqlite") as conn:
        return conn.execute("select text from pages where citekey = ? and page = ?", [key, page]).fetchone()[0]


@pytest.mark.corpus
def test_search_finds_ligatures_and_shows_them_as_printed(real):
    hits = [h for h in search(real, "efficient", "--limit", "50") if h["citekey"] == "strubell2019energy"]
    assert hits, "no Strubell page found for 'efficient'"
    ligature_pages = [h for h in hits if "efﬁcient" in _printed(real, "strubell2019energy", h["page"])]
    assert ligature_pages, "Strubell prints efﬁcient with a ligature on some page"
    assert any("«efﬁcient»" in h["snippet"] or "«cost-efﬁcient»" in h["snippet"] or "efﬁcient»" in h["snippet"]
               for h in ligature_pages), [h["snippet"] for h in ligature_pages]
    # the same word typed with the ligature finds the same pages
    assert {h["page"] for h in search(real, "efﬁcient", "--limit", "50")
            if h["citekey"] == "strubell2019energy"} == {h["page"] for h in hits}


@pytest.mark.corpus
def test_search_finds_math_letters(real):
    hits = search(real, "CO2eq", "--paper", "luccioni2023power", "--limit", "50")
    assert hits
    printed = [h for h in hits if "𝐶𝑂2𝑒𝑞" in _printed(real, "luccioni2023power", h["page"])]
    assert printed and any("«𝐶𝑂2𝑒𝑞»" in h["snippet"] for h in printed), [h["snippet"] for h in printed]
    r = run_kb("--kb", real, "search", "CO2eq", "-p", "luccioni2023power", "-n", "1")
    assert r.code == 0 and "𝐶𝑂2𝑒𝑞" in r.out


@pytest.mark.corpus
def test_search_joins_words_broken_across_lines(real):
    page = next(p for p in range(1, 12) if "consump-\ntion" in _printed(real, "strubell2019energy", p))
    hits = search(real, '"energy consumption"', "--paper", "strubell2019energy", "--limit", "50")
    assert page in {h["page"] for h in hits}
    snippet = next(h["snippet"] for h in hits if h["page"] == page)
    assert "«consump- tion»" in snippet or "«consumption»" in snippet, snippet


def test_a_snippet_shows_a_word_broken_at_a_line_end_as_the_paper_writes_it(kb_root, tmp_path):
    """'environmen-' 'tal' is 'environmental' where the paper writes that word on another page;
    a hyphen the paper keeps ('off-the-shelf') and a break it never writes whole stay."""
    (kb_root / "references.bib").write_text(BIB)
    _load(kb_root, tmp_path, "beta2021carbon", [
        "To quantify the computational and environmen-\ntal cost of training, off-the-\nshelf models and distilla-\ntion",
        "The environmental cost of off-the-shelf models is large."])
    [hit] = [h for h in search(kb_root, "quantify") if h["page"] == 1]
    assert "environmental cost of training, off-the-shelf models and distilla- tion" in hit["snippet"]


def test_an_index_folded_otherwise_is_folded_again_on_its_next_command(kb_root, tmp_path):
    """An index whose full-text tables an older kb filled (the increment sign '∆' held as it is,
    where this kb folds it as 'δ') is filled again once, by the next command: a search for it found
    nothing until `kb rebuild`, and the rows' delete triggers told FTS5 to drop words it never held."""
    import sqlite3

    (kb_root / "references.bib").write_text(BIB)
    _load(kb_root, tmp_path, "beta2021carbon", ["about a ∆= + 2.3 point absolute increase"])
    db = sqlite3.connect(kb_root / ".kb" / "kb.sqlite")
    with db:
        db.execute("delete from meta where key = 'search_folding'")
        db.execute("insert into pages_fts(pages_fts) values ('delete-all')")
        db.execute("insert into pages_fts(rowid, text) select id, lower(text) from pages")     # as an older kb
    db.close()
    assert [h["citekey"] for h in search(kb_root, "∆")] == ["beta2021carbon"]
    assert [h["citekey"] for h in search(kb_root, "Delta")] == []     # no Greek names in search
    r = run_kb("rm", "beta2021carbon")
    assert r.code == 0, r.err
    r = run_kb("doctor")
    assert r.code == 0 and "nothing to repair" in r.out, r.out + r.err


def test_a_word_finds_its_singular_and_plural_after_the_word_as_typed(root):
    hits = search(root, "picture")                   # the page prints "pictures"
    assert where(hits) == [("page", "alpha2020energy", 1)] and "«pictures»" in hits[0]["snippet"]
    assert search(root, '"picture"') == []           # a quoted phrase is found as typed
    hits = where(search(root, "images", "--limit", "20"))
    typed = [("quote", "alpha2020energy", 2), ("claim", "alpha2020energy", 2), ("page", "alpha2020energy", 2)]
    assert sorted(hits[:3]) == sorted(typed)         # 'images' as typed first, then 'image' alone
    assert sorted(hits[3:]) == [("page", "alpha2020energy", 3), ("page", "beta2021carbon", 1)]
