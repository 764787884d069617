"""Citation contexts: markers of each style resolved through the paper's own reference list."""

from __future__ import annotations

from kb.text.citecontext import Ref, find_contexts, sentence_spans

REFS = [Ref(3, "[3]", "dodge", 2022, 9), Ref(4, "[4]", "patterson", 2021, 9), Ref(5, "[5]", "schwartz", 2020, 9),
        Ref(12, "[12]", "luccioni", 2023, 9), Ref(48, "[48]", "strubell", 2019, 9)]


def _found(text: str, refs=REFS) -> list[tuple[str, int, str]]:
    return [(c.style, c.idx, c.marker) for c in find_contexts([text], refs)]


def test_numbered_single_list_and_range():
    text = ("Training emits a lot [48]. Others agree [12, 48]. Three studies [3–5] measured it. "
            "Spaced lists too [ 4, 48].")
    got = _found(text)
    assert ("numbered", 48, "[48]") in got
    assert {i for s, i, m in got if m == "[12, 48]"} == {12, 48}
    assert {i for s, i, m in got if m == "[3–5]"} == {3, 4, 5}
    assert {i for s, i, m in got if m == "[ 4, 48]"} == {4, 48}


def test_alphanumeric_keys():
    refs = [Ref(50, "[Str19]", "strubell", 2019, 9), Ref(40, "[So19]", "so", 2019, 9)]
    got = _found("We reduce an earlier estimate [So19, Str19] by 88X. As in [Str19,Sch20].", refs)
    assert ("alphanumeric", 50, "[So19, Str19]") in got and ("alphanumeric", 40, "[So19, Str19]") in got
    assert ("alphanumeric", 50, "[Str19,Sch20]") in got


def test_author_year_forms():
    refs = [Ref(1, None, "strubell", 2019, 9), Ref(2, None, "dodge", 2022, 9)]
    text = ("Strubell et al. (2019) estimated it. It was measured (Dodge et al., 2022). "
            "Strubell et al.'s estimate was high. Strubell and McCallum (2019) agree.")
    got = _found(text, refs)
    assert ("author-year", 1, "Strubell et al. (2019)") in got
    assert ("author-year", 2, "(Dodge et al., 2022)") in got
    assert ("author", 1, "Strubell et al.'s") in got
    assert ("author-year", 1, "Strubell and McCallum (2019)") in got


def test_author_year_forms_of_works_older_than_1900():
    refs = [Ref(1, None, "darwin", 1859, 9), Ref(2, None, "maxwell", 1865, 9), Ref(3, None, "turing", 1950, 9)]
    text = ("Darwin (1859) saw it first. The field equations came later (Maxwell, 1865; Turing, 1950). "
            "Darwin (1860) wrote again.")
    got = _found(text, refs)
    assert ("author-year", 1, "Darwin (1859)") in got
    assert {i for s, i, m in got if m == "(Maxwell, 1865; Turing, 1950)"} == {2, 3}
    assert not [m for s, i, m in got if "1860" in m]       # a year no entry has names none


def test_an_ambiguous_author_resolves_to_nothing():
    refs = [Ref(33, "[33]", "patterson", 2022, 9), Ref(34, "[34]", "patterson", 2021, 9)]
    got = _found("Patterson et al. reported a range. Patterson et al. [34] found 63.", refs)
    assert got == [("numbered", 34, "[34]")]


def test_a_lone_marker_after_the_full_stop_belongs_to_the_sentence_before():
    text = "Training emitted 626,155 lbs of CO2, like five US cars. [48]. Next sentence here."
    ctx = find_contexts([text], REFS)
    assert len(ctx) == 1 and "626,155 lbs" in ctx[0].sentence and "Next" not in ctx[0].sentence


def test_abbreviations_do_not_end_sentences():
    text = "Strubell et al. used the average of the U.S. EPA of 0.423 kg per KWh in 2018. Then more."
    spans = sentence_spans(text)
    assert text[spans[0][0]:spans[0][1]].strip().endswith("2018.")


def test_reference_list_entries_are_not_citations():
    pages = ["Body cites [48] here.", "References\n[12] Alexandra Luccioni. 2023. Counting.\n"
             "[48] Emma Strubell, Ananya Ganesh. 2019. Energy and policy.\n"]
    refs = [Ref(12, "[12]", "luccioni", 2023, 2), Ref(48, "[48]", "strubell", 2019, 2)]
    assert [(c.page, c.idx) for c in find_contexts(pages, refs)] == [(1, 48)]


def test_bad_input_gives_nothing():
    assert find_contexts([], REFS) == []
    assert find_contexts(["[48]"], []) == []
    assert find_contexts(["", "[[[[ ]]]] (((( 2019 ))))", "[99999] [abc]"], REFS) == []


def test_a_unit_glued_to_a_number_is_not_an_abbreviation():
    text = "Training emitted about 105 kilograms of CO2eq. There are reasons [48]."
    [ctx] = find_contexts([text], REFS)
    assert ctx.sentence == "There are reasons [48]."
