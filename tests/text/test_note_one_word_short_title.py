"""A short form's title of one word ('Dodge, "Measuring," 8.') names the one paper here whose title it opens, where
that paper is its author's; a word opening two titles here, or another author's title, names none (was: no paper
found for any of them)."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note
from kb.text.refs import PaperIndex, PaperInfo

PAPERS = [
    PaperInfo("dodge2022", None, None, "Measuring the Carbon Intensity of AI in Cloud Instances", 2022, "Dodge"),
    PaperInfo("strubell2019", None, None, "Energy and Policy Considerations for Deep Learning in NLP", 2019,
              "Strubell"),
    PaperInfo("luccioni2023", None, None, "Counting Carbon: A Survey of Factors Influencing the Emissions", 2023,
              "Luccioni"),
    PaperInfo("luccioni2024", None, None, "Counting the Cost of Inference", 2024, "Luccioni"),
]
QUOTE = '"specifically, we focus on energy consumption of Graphical Processing Units, or GPUs."'


def _resolved(footnote: str) -> str | None:
    note = parse_note(f"They say {QUOTE}[^1]\n\n[^1]: {footnote}\n")
    ref = note.reference_for(note.quotes[0])
    found = PaperIndex(PAPERS).explain(ref.entry, titles=ref.titles, loose=True).resolution
    return found.citekey if found else None


@pytest.mark.parametrize("footnote, other", [
    ('Dodge, "Measuring," 8.', 'Strubell, "Measuring," 8.'),            # another author's title: none
    ("Dodge, ‘Measuring’, 8.", 'Luccioni, "Counting," 8.'),             # a word opening two titles here: none
    ("Dodge et al., “Measuring,” 8.", 'Dodge, "Carbon," 8.'),           # a word opening no title: none
])
def test_a_one_word_short_title_names_the_one_paper_it_opens(footnote, other):
    assert (_resolved(footnote), _resolved(other)) == ("dodge2022", None)


def test_an_mla_title_of_one_word():
    [q] = parse_note(f'{QUOTE} (Dodge et al., "Measuring" 4).\n').quotes
    from kb.text.notes import attribution_reference
    ref = attribution_reference(q.attribution)
    found = PaperIndex(PAPERS).explain(ref.entry, titles=ref.titles, loose=True).resolution
    assert (found.citekey if found else None, q.page) == ("dodge2022", "4")
