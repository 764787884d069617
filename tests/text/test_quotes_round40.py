"""Quotes as writers copy them, round 40: each row a page text written here, with quotes that must
verify and quotes that must be refused."""

from __future__ import annotations

import pytest
from judging import quotes_judged

# A footnote marker after the full stop of a sentence ending in a whole number after a word ("reported in
# Figure 8.5 We fit", its footnote 5 on the page): the page's next footnote, so a quote leaving the marker out
# verifies. A decimal followed by a capital ("1.3 Million", "4.2 F1"), a marker whose footnote the page does not
# print, or one out of the page's footnotes' order keeps its digits, and a changed number is refused.
# (pages, rights, wrongs)
AFTER_WHOLE_NUMBERS = [
    (["We used the R package [14];4 estimates of each strategy are reported in Figure 8.5 We fit one model for "
      "each measure as before. It gained 4.2 F1 points. A Dataset of 1.3 Million Summaries was used. The rate was 2.7 The end.\n"
      "3A note.\n4https://cran.r-project.org/\n5CLM models rely on an assumption.\n6A third note."],
     ["estimates of each strategy are reported in Figure 8. We fit one model for each measure",
      "estimates of each strategy are reported in Figure 8.5 We fit one model",
      "It gained 4.2 F1 points.", "A Dataset of 1.3 Million Summaries was used."],
     ["estimates of each strategy are reported in Figure 5. We fit one model for each measure",
      "estimates of each strategy are reported in Figure 8.5. We fit one model",
      "estimates of each strategy are reported in Figure 85. We fit one model",
      "It gained 4. F1 points.", "A Dataset of 1. Million Summaries was used.",
      "A Dataset of 1 Million Summaries was used.", "The rate was 2. The end."]),
    # a table's row of decimals after names, each decimal's digit the page's next footnote's number: its figures,
    # no marks ("Claude 2. Gemini" of "Claude 2.2 Gemini" was verified, marks 1 and 2 taken out)
    (["Table 2 lists the scores. Model GPT 3.1 Claude 2.2 Gemini rows follow here, and the rest is text.\n"
      "1A note.\n2Another note.\n"],
     ["Model GPT 3.1 Claude 2.2 Gemini rows follow here"],
     ["Model GPT 3. Claude 2. Gemini rows follow here", "Model GPT 3. Claude 2.2 Gemini rows follow here",
      "Model GPT 3.1 Claude 2. Gemini rows follow here"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", AFTER_WHOLE_NUMBERS, ids=lambda v: "")
def test_a_footnote_marker_after_a_whole_numbers_full_stop_may_be_left_out(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)
