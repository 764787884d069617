"""Round 28: a digit a quote raises or lowers after letters, read as the page's text says it is, and why refused."""

import pytest

from kb.text.match import closest_passage, find_quote
from kb.text.normalise import Document


def found(page: str, quote: str) -> bool:
    return find_quote(Document([page]), quote) is not None


# Both extractors print a raised and a lowered digit flat, so the page's flat digit is what its text says it is: a
# unit's power after a number ("40 m2", "km2"), a symbol's index ("the mass m2", "x2"). A quote giving it the other
# script, or a script the page prints the other way, says what the page does not.
@pytest.mark.parametrize("page, quote, said", [
    ("The site covers 40 m² of floor in the lab.", "covers 40 m₂ of floor", "m₂ -> m² (the page raises"),
    ("The site covers 40 m2 of floor in the lab.", "covers 40 m₂ of floor", "m₂ -> m2 (the page prints m2 flat after"),
    ("The lake covers 12 km2 of land in the park.", "covers 12 km₂ of land", "km₂ -> km2 (the page prints"),
    ("The mass m₂ of the body is kept in the lab.", "The mass m² of the body", "m² -> m₂ (the page lowers"),
    ("The mass m2 of the body is kept in the lab.", "The mass m² of the body", "m² -> m2 (the page prints m2 flat"),
    ("We set x₂ to the mean of the inputs.", "We set x² to the mean", "x² -> x₂ (the page lowers"),
    ("a rate of 3 s-1 in the lab was kept.", "a rate of 3 s₋₁ in the lab", "s₋₁ -> s-1 (the page prints"),
])
def test_a_script_the_page_says_is_the_other_is_refused_saying_so(page, quote, said) -> None:
    assert not found(page, quote)
    described = closest_passage(Document([page]), quote).describe()
    assert said in described and "\n" not in described


# The same quote of a page printing the script the quote gives, or one its text says it is, verifies.
@pytest.mark.parametrize("agrees, differs, quote", [
    ("The site covers 40 m2 of floor in the lab.", "The site covers 40 m2 of floor in the lab.".replace("m2", "m₂"),
     "covers 40 m² of floor"),
    ("The mass m2 of the body is kept in the lab.", "The mass m² of the body is kept in the lab.", "The mass m₂ of the body"),
    ("the masses m1 and m2 of the two bodies.", "the masses m1 and m² of the two bodies.",
     "the masses m₁ and m₂ of the two bodies."),
    ("The lake covers 12 km2 of land in the park.", "The lake covers 12 km₂ of land in the park.", "covers 12 km² of land"),
])
def test_a_script_the_page_agrees_with_verifies_where_the_other_is_refused(agrees, differs, quote) -> None:
    assert found(agrees, quote) and not found(differs, quote)


# A paper printing a power of ten flat after a times sign on one page ("2 × 109", Turing's p.17) prints its other flat
# powers of ten so on every page ("about 109" of p.8): a quote's "10⁹" of them verifies; without it, refused as before.
@pytest.mark.parametrize("page, other", [
    ("with a storage capacity of about 109, to make them play the game.", "the Britannica is 2 × 109) and so on."),
    ("perhaps gets 104 right, so the interrogator makes the right one.", "it is 8.22 × 10−6 metric tons."),
])
def test_a_power_of_ten_the_paper_shows_on_another_page_verifies(page, other) -> None:
    quote = page.split(",")[0].replace("109", "10⁹").replace("104", "10⁴")
    assert find_quote(Document([page, other]), quote) is not None
    assert find_quote(Document([page, other.replace("×", "+")]), quote) is None
    assert find_quote(Document([page, other]), quote.replace("⁹", "⁸").replace("⁴", "³")) is None


# A sentence a page break cuts, the page's footnotes printed between its two parts: a refusal names the words that
# differ, never the footnotes against the quote's words before them, whether the passage found runs past the page's
# top or stops in its foot.
_BROKEN = [
    "Intro text here.\nWe measured the energy of every run and we report the totals of\n1https://example.org/data.\n"
    "2The code is at https://example.org/code.\nPreprint. Under review.\n",
    "each model in the table. For a typical run, this process takes an expert 3 hours.\nMore text follows here.",
]


@pytest.mark.parametrize("quote, wrong, right", [
    ("we report the totals of each model in the table. For a typical run, this process takes an expert 3 hours.",
     "4", "3"),
    ("We measured the energy of every run and we report the totals of each model in the table.", "tables", "table"),
])
def test_a_refusal_across_a_page_break_and_its_footnotes_names_what_differs(quote, wrong, right) -> None:
    doc = Document(_BROKEN)
    twin = quote.replace(f" {right} ", f" {wrong} ").replace(f" {right}.", f" {wrong}.")
    assert find_quote(doc, quote) is not None and find_quote(doc, twin) is None
    assert closest_passage(doc, twin).describe() == f"differs: {wrong} -> {right}"
