"""The text the full-text indexes hold (kb.store.fts.search_text): folded character by
character as `_SEARCH` says, whatever way search_text takes to get there."""

from __future__ import annotations

import random

import pytest

from kb.store.fts import _SEARCH, _joins, search_text

# ASCII whole (controls, '^', '`', '~' and DEL fold to nothing or another character),
# what PDFs print (soft hyphens, ligatures, dashes, quotes, math letters), accents in
# both their forms, other scripts, a lone surrogate, and pairs where one character
# folds to another that folds again ("Ø" -> "ø" -> "o", "Ŀ" -> "l·").
POOL = ([chr(c) for c in range(128)]
        + list("\u00ad\ufb01\ufb02\ufb03–—‘’“”•§→×µμÆæÐðØøÞþĿŀ·ŁłŒœ")
        + ["𝐶", "𝑂", "𝟐", "ｅ", "é", "e\u0301", "\u0301", "王", "小", "ß", "ẞ", "İ", "ǅ", "\ud800", "\U0001F600"]
        + ["-\n", "-\n  ", "\u00ad\n", "\u2010\r\n"] + list("abcdefghij ") * 8)


def _one_by_one(s: str) -> str:
    return "".join(s[a:b].translate(_SEARCH) for a, b in _joins(s))


def test_every_character_folds_as_its_table_says():
    rng = random.Random(20261203)
    texts = ["".join(rng.choice(POOL) for _ in range(rng.randrange(0, 120))) for _ in range(600)]
    texts += ["Øø", "øØ", "Ŀ·", "·Ŀ", "µμ", "eﬃ-\ncient ØØø", "".join(POOL), "plain ascii text-\nbroken"]
    for text in texts:
        assert search_text(text) == _one_by_one(text), repr(text)


@pytest.mark.parametrize("text, folded", [
    ("Efﬁ-\ncient CO2", "efficient co2"),
    ("Øø", "øo"),           # each folded once: "Ø" is "ø", not "o"
    ("Ŀ·", "l··"),
    ("a\tb\x00c^d`e", "a bcd'e"),
    ("王小明", "王小明"),
])
def test_folded_text(text, folded):
    assert search_text(text) == folded


def test_the_pairs_that_fold_twice_are_real():
    # The tests above hold the case where one character's folded form holds another
    # character that folds again: it exists in the table, so the test can fail.
    assert _SEARCH[ord("Ø")] == "ø" and _SEARCH[ord("ø")] == "o"
    assert search_text(None) is None


def _tagged(topics: list[str]) -> set[int]:
    """The rows of a small table of tag lists that kb's tag filter keeps for `topics`."""
    import json
    import sqlite3

    from kb.store.fts import register
    from kb.store.queries import tags_clause

    db = sqlite3.connect(":memory:")
    register(db)
    db.execute("create table claims (id integer primary key, topics text)")
    tags = [["Énergie"], ["energy"], ["carbon-intensity"], ["Carbon  Intensity"], ["CO₂e"], ["energy-efficiency"],
            ["C++"], ["c"], ["fine_tuning"], ["carbon intensity", "energy"]]
    db.executemany("insert into claims values (?, ?)", [(n, json.dumps(t)) for n, t in enumerate(tags)])
    where, params = tags_clause(topics, "claims")
    return {r[0] for r in db.execute(f"select id from claims where {where}", params)}


def test_a_topic_is_a_tag_in_any_case_accents_and_word_gaps():
    assert _tagged(["ÉNERGIE"]) == _tagged(["energie"]) == {0}       # non-ASCII case, accents (lower() saw neither)
    assert _tagged(["ENERGY"]) == {1, 9}                                # not 'energy-efficiency', not 'Énergie'
    assert _tagged(["carbon intensity"]) == _tagged(["Carbon-Intensity"]) == {2, 3, 9}
    assert _tagged(["co2e"]) == {4} and _tagged(["fine tuning"]) == {8}
    assert _tagged(["C++"]) == {6} and _tagged(["C"]) == {7}           # a symbol is no gap
    assert _tagged(["carbon intensity", "energy"]) == {9}
    assert _tagged(["carbon"]) == set() and _tagged(["-"]) == set() and _tagged(['"(']) == set()
    assert _tagged([]) == set(range(10))


def test_a_topic_is_a_tag_in_the_singular_or_plural():
    from kb.store.fts import singular, topic_key

    assert _tagged(["energies"]) == {1, 9} and _tagged(["carbon intensities"]) == {2, 3, 9}
    assert topic_key("Emissions") == topic_key("emission") == "emission"
    assert topic_key("GPUs") == topic_key("gpu") and topic_key("APIs") == topic_key("API")
    assert topic_key("processes") == topic_key("process") == "process"     # 'ss' is no plural
    assert [singular(w) for w in ("gas", "its", "loss", "cities", "boxes")] == ["gas", "its", "loss", "city", "box"]
    assert topic_key("CO2s") == "co2s" and topic_key("C++") == "c++"     # letters only
    assert topic_key("energy") != topic_key("energy efficiency")


def test_a_typed_word_matches_its_singular_and_plural_never_a_quoted_phrase():
    from kb.store.fts import match_terms, number_forms, topic_clause

    assert number_forms("emission") == ["emission", "emissions"] and number_forms("GPUs".lower()) == ["gpus", "gpu"]
    assert number_forms("intensity") == ["intensity", "intensities"] and number_forms("co2") == ["co2"]
    assert match_terms("emission") == ['"emission"']                   # as typed, unless asked
    assert match_terms('carbon-intensity "energy mix" kwh*', forms=True) == [
        '("carbon intensity" OR "carbon intensities")', '"energy mix"', '"kwh" *']
    assert topic_clause(["CO2 emission"], "claims_fts")[1] == ['(("co2" OR "co 2") AND ("emission" OR "emissions"))']


def test_a_word_of_letters_and_digits_finds_the_text_printing_them_apart():
    import sqlite3

    from kb.store.fts import match_terms, search_text

    db = sqlite3.connect(":memory:")
    db.execute("create virtual table t using fts5(text)")
    rows = ["0.429 kg of CO 2 e/KWh [USE21]", "training produced 47 tCO 2 e", "emissions of CO2e", "the co 3 e",
            "co e 2", "8 V100 GPUs", "a V 100 board"]
    db.executemany("insert into t values (?)", [(search_text(r),) for r in rows])

    def found(query: str) -> list[int]:
        match = " AND ".join(match_terms(query, forms=True))
        return [r[0] - 1 for r in db.execute("select rowid from t where t match ? order by rowid", [match])]

    assert match_terms("tCO2e", forms=True) == ['("tco2e" OR "tco 2 e")'] and match_terms("tCO2e") == ['"tco2e"']
    assert found("CO2e") == [0, 2] and found("tCO2e") == [1] and found("V100") == [5, 6]
    assert found("CO2e KWh") == [0] and found('"co2e"') == [2]         # a quoted phrase as typed
