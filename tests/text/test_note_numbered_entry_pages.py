"""A numbered list's full reference, its year before its pages ('..., 2022, pp. 1877–1894.'), gives the work's
pages in its venue: a quote its number cites with no page of its own is cited at no page, never at those."""

import pytest

from kb.text.notes import parse_note

QUOTE = "Carbon accounting and reporting is becoming increasingly common in ML."
ENTRY = {
    "ieee": 'J. Dodge et al., "Measuring the carbon intensity of AI in cloud instances," in Proc. FAccT, 2022, '
            "pp. 1877–1894.",
    "mla": 'Dodge, Jesse, et al. "Measuring the Carbon Intensity of AI in Cloud Instances." FAccT, 2022, pp. 1877-94.',
}


@pytest.mark.parametrize("style", sorted(ENTRY))
@pytest.mark.parametrize("mark", ["³", "<sup>3</sup>", "^3^"])
@pytest.mark.parametrize("label", ["3.", "[3]"])
def test_a_full_entrys_pages_are_not_the_quotes(style, mark, label):
    note = parse_note(f'# Note\n\nThey say "{QUOTE}"{mark}\n\n## References\n\n'
                      f"1. E. Strubell et al., \"Energy and policy considerations for deep learning in NLP,\" 2019.\n"
                      f'2. D. Patterson et al., "Carbon emissions and large neural network training," 2021.\n'
                      f"{label} {ENTRY[style]}\n")
    [q] = note.quotes
    assert note.reference_for(q).number == "3" and q.page is None
