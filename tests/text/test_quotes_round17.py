"""Quotes as writers copy them, round 17: each row a page text written here, with quotes that must
verify and quotes that must be refused."""

from __future__ import annotations

import pytest
from judging import quotes_judged

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
