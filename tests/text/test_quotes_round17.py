"""Quotes as writers copy them, round 17: each row a page text written here, with quotes that must
verify and quotes that must be refused."""

from __future__ import annotations

import pytest
from judging import quotes_judged

# A quote copying a footnote marker of the page with other punctuation than the page's right before it or after it
# reads the marker as a number's digits or a word's ("5e-5.4. Following" of a learning rate of "5e-5.4 Following",
# its footnote 4 on the page; "SPECTER2 in" of "SPECTER,2 in"): refused. Copied as printed, or left out with the page's punctuation, it verifies.
# (pages, rights, wrongs)
MARKERS_PUNCTUATED = [
    (["The models are trained with a learning rate of 5e-5.4 Following previous work [35], we use beam search. "
      "We report energy in kWh3 and runtime. We used 12 GPUs.5 Then it ran on SPECTER,2 in a day.\n"
      "2The test is two-sided.\n3Measured at the wall.\n4We tried 1e-4 too.\n5A note."],
     ["with a learning rate of 5e-5.4 Following previous work", "with a learning rate of 5e-5. Following previous work",
      "We report energy in kWh3 and runtime", "We report energy in kWh and runtime", "We used 12 GPUs. Then it ran",
      "Then it ran on SPECTER,2 in a day", "Then it ran on SPECTER, in a day"],
     ["with a learning rate of 5e-5.4. Following previous work", "with a learning rate of 5e-5.4, Following previous",
      "We report energy in kWh3, and runtime", "We used 12 GPUs.5. Then it ran", "We used 12 GPUs5. Then it ran",
      "Then it ran on SPECTER,2, in a day", "Then it ran on SPECTER2 in a day", "with a learning rate of 5e-5 4 Following"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", MARKERS_PUNCTUATED, ids=lambda v: "")
def test_punctuation_added_beside_a_copied_footnote_marker_is_refused(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A mathematical operator between two tokens ("x ∼ N(0, 1)", "z∼N(µ, σ)", "y ≈ z", "Likert ∼ Reencounter") is part
# of what is said: a quote leaving it out is refused; one typing "~" for it, spaced or not, verifies. A tilde glued
# to a letter is an accent ("Mu˜noz", "( ˜𝑥 = 4.00"), left out as before. (pages, rights, wrongs)
OPERATORS = [
    (["We sample x ∼ N(0, 1) as in Mu˜noz, and y ≈ z holds. Then z∼N(µz, Σz; θ) and 𝛾𝑗 ∼N(0,𝜎2) hold; the median "
      "( ˜𝑥 = 4.00) and Likert ∼ Reencounter."],
     ["We sample x ~ N(0, 1) as in Munoz", "We sample x∼N(0, 1)", "We sample x~N(0, 1)", "and y ~ z holds",
      "and y ≈ z holds", "Then z ∼ N(µz, Σz; θ)", "Then z~N(µz, Σz; θ)", "γj ∼ N(0,σ2) hold", "(x = 4.00)",
      "and Likert ~ Reencounter", "N(0, 1) as in Muñoz"],
     ["We sample x N(0, 1) as in Munoz", "We sample xN(0, 1)", "and y z holds", "Then z N(µz, Σz; θ)",
      "γj N(0,σ2) hold", "and Likert Reencounter", "We sample x ~ N(0, 2)"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", OPERATORS, ids=lambda v: "")
def test_a_mathematical_operator_between_two_tokens_is_kept(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A sentence broken at a page's end by footnotes printed there goes on at the top of the next page, however short
# the part going on ("view their" / "20Used to ... page dimen-\nsions" / "own papers;"); never past body text printed
# after the footnote (a column's), nor with a word changed. (pages, rights, wrongs)
SHORT_AFTER_PAGE_FOOT = [
    (["These paper clusters are constructed to reflect how authors tend to view their\n"
      "20Used to determine PDF page number and page dimen-\nsions",
      "own papers; for example, most authors agree.",
      "The data are kept as a table of\n3A note on the data set.\nThe second column goes on here. It says more\nthings "
      "about it",
      "old rows; then we stop."],
     ["constructed to reflect how authors tend to view their own papers", "how authors tend to view their own papers;"],
     ["how authors tend to view their old papers", "The data are kept as a table of old rows",
      "The data are kept as a table of old rows;"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", SHORT_AFTER_PAGE_FOOT, ids=lambda v: "")
def test_a_short_part_goes_on_at_the_next_pages_top_after_footnotes(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A quote copied from an arXiv abstract's TeX reads its escapes and its mathematics as the characters the paper
# prints ("10\%", "$\sim$150", "$3 \times 4$", "$x \sim N(0, 1)$", "F$_1$", "\$5"): it verifies; a number, an
# operator or an index changed or dropped in the TeX is refused as it is in plain text. (pages, rights, wrongs)
ARXIV_TEX = [
    (["It reduces errors by 10% and uses ∼150 million parameters, a 3 × 4 grid, costs $5 at R&D, and we sample "
      "x ∼ N(0, 1) for an F1 of 0.9 in ≤ 20 ms."],
     [r"It reduces errors by 10\% and uses $\sim$150 million parameters", r"a $3 \times 4$ grid, costs \$5 at R\&D",
      r"we sample $x \sim N(0, 1)$ for an F$_1$ of 0.9 in $\leq$ 20 ms."],
     [r"It reduces errors by 11\% and uses", r"uses $\sim$160 million parameters", r"a $3 \times 5$ grid",
      r"costs \$6 at R\&D", r"we sample $x N(0, 1)$ for", r"for an F$_2$ of 0.9", r"in $\geq$ 20 ms"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", ARXIV_TEX, ids=lambda v: "")
def test_a_quote_in_an_arxiv_abstracts_tex_reads_as_printed(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)
