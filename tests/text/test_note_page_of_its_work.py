"""A page after a work belongs to that work only: a note citing a work beside the quote's ('; see also', ', cf.')
gave the quote that work's page, or checked it in that work ('[^1]: Strubell et al., "Energy ...," 5; see also
Dodge, "Measuring," 4.' was Strubell's quote at p. 4; '\\citep[p.~4]{strubell2019,dodge2022}' was Strubell's at p. 4,
where natbib prints the page after the last work)."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

QUOTE = '"limiting this style of research to industry labs hurts the NLP research community in many ways."'
STRUBELL = 'Emma Strubell, Ananya Ganesh, and Andrew McCallum, "Energy and Policy Considerations for Deep Learning ' \
           'in NLP," in *ACL* (2019)'
DODGE = 'Jesse Dodge, Taylor Prewitt, and Emma Strubell, "Measuring the Carbon Intensity of AI in Cloud Instances," ' \
        'in *FAccT* (2022)'


@pytest.mark.parametrize("footnotes, page, year", [
    (f"[^1]: {STRUBELL}, 5; see also {DODGE}, 4.", "5", 2019),
    (f"[^1]: {STRUBELL}; cf. {DODGE}, 4.", None, 2019),
    ('[^1]: Strubell, Ganesh, and McCallum, "Energy and Policy," 5, see also Dodge, "Measuring," 4.', "5", None),
    (f"[^0]: {STRUBELL}, 5.\n[^1]: Ibid.; see also Dodge, \"Measuring,\" 4.", None, 2019),
])
def test_a_footnote_gives_its_first_work_and_that_works_page(footnotes, page, year):
    note = parse_note(f"They warn that {QUOTE}[^1]\n\n{footnotes}\n")
    [q] = note.quotes
    ref = note.reference_for(q)
    assert (q.page, ref.entry.first_author.lower(), ref.entry.year) == (page, "strubell", year), (q, ref)


@pytest.mark.parametrize("cite, first, also", [
    (r"\citep[p.~4]{strubell2019,dodge2022}", None, [("dodge2022", "4")]),
    (r"\parencite[see][4]{strubell2019,dodge2022}", None, [("dodge2022", "4")]),
    (r"\cites[5]{strubell2019,dodge2022}[3]{luccioni2023}", None, [("dodge2022", "5"), ("luccioni2023", "3")]),
])
def test_a_latex_page_after_several_keys_is_the_last_ones(cite, first, also):
    [q] = parse_note(f"They warn that {QUOTE} {cite}.\n").quotes
    assert (q.citekey, q.page, [(a.citekey, a.page) for a in q.also]) == ("strubell2019", first, also), q


@pytest.mark.parametrize("attribution, who, page", [
    ("— Strubell et al. (2019); see also Dodge et al. (2022), p. 4", "Strubell et al. (2019)", None),
    ("— Strubell et al. 2019; see also Dodge et al. 2022, p. 4", "Strubell et al. 2019", None),
    ("— Strubell et al. (2019), p. 5; cf. Dodge et al. (2022), p. 4", "Strubell et al. (2019), p. 5", "5"),
])
def test_a_block_quotes_attribution_setting_a_work_beside_it(attribution, who, page):
    [q] = parse_note(f"> {QUOTE[1:-1]}\n>\n> {attribution}\n").quotes
    assert (q.attribution, q.page) == (who, page), q


@pytest.mark.parametrize("cite, page", [
    ("(Strubell et al. 5; see also Dodge et al. 4)", "5"),
    ("(Strubell et al. 5, cf. Dodge et al. 4)", "5"),
    ("(Strubell and McCallum 5; but see Dodge 4)", "5"),
])
def test_mla_names_and_page_before_a_work_set_beside_them(cite, page):
    """(was a passage citing nothing: MLA's brackets were read only closing after the page)"""
    [q] = parse_note(f"They warn that {QUOTE} {cite}.\n").quotes
    assert (q.attribution.split()[0], q.page) == ("Strubell", page), q
