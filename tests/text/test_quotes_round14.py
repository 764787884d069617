"""Quotes as writers copy them, round 14: each row a page text written here, with quotes that must
verify and quotes that must be refused."""

from __future__ import annotations

import pytest
from judging import quotes_judged

# A "no" a page split at its kerns glues to the word before it ("hav eno w ay" of "have no way"), at the end of
# what an ellipsis or an insertion leaves out, or right before where a quote starts: a negation, so "[we] … way
# to know" of it is refused, and "we have no way" of it verifies. A word the kerns split after its "no" ("kno w",
# "ofano vice") is no negation: the quote's next word never starts in it. (pages, rights, wrongs)
_KERNED = ("In this w a y w e can sa y that the v ector is an eigen v ector of the matrix and it ma y b e computed b y "
           "rep eatedly applying A to an y v ector. In fact/, %s the dominan t eigen v ector of A is unique /#28see /1/5/0/#29/. "
           "It is from the p ersp ectiv eofano vice user/. W e kno w all of its forw ard links/. ")
GLUED_NO = [
    ([_KERNED % "w e hav eno w ay to kno w whether"],
     ["We … all of its forward links.", "from the perspective of a novice user.",
      "In fact, we have no way to know whether the dominant eigenvector", "We know all of its forward links."],
     ["In fact, [we] … way to know whether", "In fact, … way to know whether", "In fact, [we have] way to know whether",
      "way to know whether the dominant eigenvector of A is unique.",
      "the dominant eigenvector of A is unique"]),      # what the paper asks ("whether ..."), stated as fact
    ([_KERNED % "w e seeno reason to doubt"],
     ["We know all of its forward links.", "the dominant eigenvector of A is unique", "In fact, we see no reason to doubt"],
     ["In fact, [they] … reason to doubt", "In fact, [we see] reason to doubt", "reason to doubt the dominant eigenvector"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", GLUED_NO, ids=lambda v: "")
def test_a_no_glued_at_kerns_to_the_word_before_is_a_negation(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# Letters in brackets glued to a word or a number that make another word or number ("on[ly]" of "on", "most[ly]",
# "hard[ly]", "2019[s]", "tCO2[e]") are refused; a grammatical ending ("use[d]", "GPU[s]") and the paper's own
# letters ("Dec[e]mber") stand. (pages, rights, wrongs)
GLUED_LETTERS = [
    (["We use the model on 8 GPU in 2019, and it is most accurate on news. The result is hard to read; the "
      "emissions were 5 tCO2 in total, as Table 2 shows for December."],
     ["We use[d] the model on 8 GPU[s] in 2019", "the emissions were 5 tCO2 in total", "as Table 2 shows for Dec[e]mber."],
     ["We use the model on[ly] 8 GPU", "it is most[ly] accurate on news", "The result is hard[ly] to read",
      "We use the model on 8 GPU in 2019[s]", "the emissions were 5 tCO2[e] in total", "as Table 2[a] shows"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", GLUED_LETTERS, ids=lambda v: "")
def test_letters_glued_in_brackets_make_no_other_word_or_number(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A quote's edge never leaves out a percent sign, a currency, a comparison or a tolerance of a number: "sum to 100"
# of "sum to 100%", "3.6 million" of "$3.6 million", "5% of runs" of "<5% of runs" say another quantity.
# (pages, rights, wrongs)
GLUED_SIGNS = [
    (["The categories do not sum to 100%. The cost was $3.6 million in total. Emissions fell 45 % in 2020 to 0.5 kWh."],
     ["The categories do not sum to 100%.", "The cost was $3.6 million in total.", "Emissions fell 45% in 2020", "to 0.5 kWh"],
     ["The categories do not sum to 100.", "do not sum to 100", "3.6 million in total", "Emissions fell 45"]),
    (["Errors stay at <5% of runs, >90% of pages pass, ±0.3 points, and latency is ≤ 20 ms at n = 8 nodes."],
     ["Errors stay at <5% of runs", ">90% of pages pass", "latency is ≤ 20 ms", "8 nodes"],
     ["5% of runs", "90% of pages pass", "0.3 points", "20 ms at n = 8 nodes"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", GLUED_SIGNS, ids=lambda v: "")
def test_a_quote_edge_keeps_a_numbers_percent_or_currency(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)
