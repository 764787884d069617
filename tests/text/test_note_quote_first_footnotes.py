"""A footnote that opens with the quote, then cites its work (Chicago's and Turabian's notes), and pandoc's inline note
naming two works that quotes one: the quote is read, checked against the work its words say it of, never dropped, and
a reference's title set first in quote marks is never read as a quote."""

import pytest

from kb.text.notes import parse_note

Q = "“While this result is fairly uncontroversial, we ran an experiment to confirm it,”"
T = "“Measuring the Carbon Intensity of AI in Cloud Instances,”"


def _footnote(body: str):
    return parse_note(f"# Notes\n\nCloud emissions depend on the region.[^1]\n\n[^1]: {body}\n")


@pytest.mark.parametrize("body, page", [
    (f"{Q} Jesse Dodge et al., {T} in *FAccT ’22* (2022), 5.", "5"),
    (f"{Q} Dodge et al. (2022), 5.", "5"),
    (f"{Q} Dodge et al., *Measuring the Carbon Intensity of AI in Cloud Instances* (2022), 5.", "5"),
    (f"{Q} in Jesse Dodge et al., {T} (2022), 5.", "5"),
    (f"{Q} Dodge et al., “Measuring the Carbon Intensity,” 5.", "5"),
    (f"{Q} Dodge, Prewitt, and Strubell, {T} 7.", "7"),
    (f"{Q} Dodge et al., {T} 2022, p. 5.", "5"),
    (f"{Q} Dodge et al., 2022.", None),
])
def test_quote_first_footnote_is_a_quote_of_the_work_it_cites(body, page):
    note = _footnote(body)
    assert [(q.source_text, q.page) for q in note.quotes] == [("[^1]", page)]
    assert note.quotes[0].quote.startswith("While this result")
    ref = note.reference_for(note.quotes[0])
    assert ref is not None and "While this result" not in ref.text and "Dodge" in ref.text


@pytest.mark.parametrize("body", [
    f"{T} Dodge et al., 2022.",                                     # a title set first: a reference, no quote
    "“Measuring the Carbon Intensity of AI in Cloud Instances,” Jesse Dodge et al., in *FAccT ’22* (2022).",
    f"{Q} Jesse Dodge.",                                            # names alone after it: no work cited
    "“we ran an experiment,” Dodge et al. (2022), 5.",             # too short to tell from a title
])
def test_not_a_quote_first_footnote(body):
    note = _footnote(body)
    assert note.quotes == []


S = "“such long training times result in large amounts of carbon emissions, even with lower carbon intensity energy sources”"


@pytest.mark.parametrize("inner, key, also", [
    (f"Unlike @strubell2019, @luccioni2023 write {S}.", "luccioni2023", []),
    (f"Like @strubell2019, @luccioni2023 write {S}.", "luccioni2023", ["strubell2019"]),     # each asked
    (f"Contrary to @strubell2019, @luccioni2023 find {S} [p. 11].", "luccioni2023", []),
    (f"{S} [@luccioni2023, p. 11; see also @strubell2019].", "luccioni2023", []),
    (f"{S} [@luccioni2023; @strubell2019].", "luccioni2023", ["strubell2019"]),
    (f"See @strubell2019 and @luccioni2023: {S}.", "strubell2019", ["luccioni2023"]),
])
def test_inline_note_of_two_works_read_as_its_own_sentence(inner, key, also):
    note = parse_note(f"# Notes\n\nTraining is costly.^[{inner}] It matters.\n")
    assert [q.citekey for q in note.quotes] == [key]
    assert [a.citekey for a in note.quotes[0].also] == also


@pytest.mark.parametrize("inner", [
    "@strubell2019, \"Energy and Policy Considerations for Deep Learning in NLP\"; @luccioni2023.",
    "@strubell2019, “energy and policy considerations for deep learning”; @luccioni2023.",
    "See @strubell2019, “Energy and Policy Considerations,” 4; @luccioni2023, 11.",
])
def test_inline_note_of_two_references_quotes_no_title(inner):
    note = parse_note(f"# Notes\n\nTraining is costly.^[{inner}]\n")
    assert note.quotes == []
