"""A claim's value in its quote, seventh round: the value is a number of the paper as the paper prints
it, not only as the quote types it (the quote matcher forgives white space, never a digit)."""

from __future__ import annotations

import pytest
from judging import judged

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import as_printed, value_in_quote
from kb.text.match import find_quote
from kb.text.normalise import Document


def in_paper(value: str, quote: str, page: str) -> bool:
    """Whether `value` holds in `quote`, found in `page` as kb claim add and kb verify find it, and
    read as the paper prints its numbers there."""
    match = find_quote(Document([page]), quote)
    assert match is not None, quote
    passage = "\n".join(page[s.start:s.end] for s in match.spans)
    return value_in_quote(value, quote, passage=passage).ok


@pytest.mark.parametrize("value, quote, page, ok", [
    # a space typed inside a number the paper prints whole: the paper's number, never its last group
    ("593 kWh", "consume approximately 103, 593 kWh", "would consume approximately 103,593 kWh.", False),
    ("103,593 kWh", "consume approximately 103,593 kWh", "would consume approximately 103,593 kWh.", True),
    ("287MWh", "energy of 1, 287MWh", "the energy of 1,287MWh in all", False),
    ("5 kWh", "energy of 2, 5 kWh", "an energy of 2,5 kWh each", False),
    ("13 FLOPs", "it used 4.6e 13 FLOPs", "it used 4.6e13 FLOPs", False),
    # a space the paper prints that the quote leaves out: the paper's two numbers, never one
    ("103,593 kWh", "consume 103,593 kWh", "to consume 103, 593 kWh", False),
    ("5.1 GPUs", "were 5,10 and 20 GPUs", "there were 5, 10 and 20 GPUs", False),
    ("10 GPUs", "were 5, 10 and 20 GPUs", "there were 5, 10 and 20 GPUs", True),
    ("2.5 kWh", "energy of 2,5 kWh", "an energy of 2, 5 kWh each", False),
    # a number the extractor broke at a line's end after its thousands comma
    ("287 MWh", "it used 1, 287 MWh", "it used 1,\n287 MWh", False),
    ("1,287 MWh", "it used 1,287 MWh", "it used 1,\n287 MWh", True),
    # the paper parting what the quote types as one number (a line break, a space): the value is
    # neither a part the quote never gives, nor the whole the paper does not print
    ("593 kWh", "consume 103,593 kWh", "to consume 103, 593 kWh", False),
    ("49 kWh", "in 2011. 49 kWh were used", "in 2011.\n49 kWh were used", True),
    # thousands a thin space separates on the page, typed without it
    ("1287 MWh", "consumed 1287 MWh", "consumed 1\u2009287 MWh", True),
    ("1287 MWh", "consumed 1287 MWh", "consumed 1 287 MWh", True),
    # the spaces an extractor puts inside a number are no separation the paper prints
    ("$3,201,722", "a cost of $3,201,722 in", "a cost of $3,20 1,722 in", True),
    ("0.954", "a factor of 0.954 for", "a factor of 0 .954 for", True),
    ("12.5 kWh", "consumed 12.5 kWh", "consumed 12 .5 kWh", True),
    # a citation marker the quote leaves out stands in no number
    ("3.5 GPUs", "used 11.49 kWh and 3,5 GPUs", "used 11.49 kWh [12] and 3, 5 GPUs", False),
    ("11.49 kWh", "used 11.49 kWh and 3, 5 GPUs", "used 11.49 kWh [12] and 3, 5 GPUs", True),
])
def test_a_value_holds_as_the_paper_prints_its_number(value, quote, page, ok):
    assert in_paper(value, quote, page) is ok


@pytest.mark.parametrize("quote, page", [
    # a number's point the page prints a space or a line's end after parts two numbers, and the other way round:
    # the quote is not the paper's, before any value of it is asked
    ("energy of 0. 5 kWh", "an energy of 0.5 kWh each"),
    ("required 11.49 kWh in total", "it required 11.\n49 kWh in total"),
    ("required 11.49 kWh in total", "it required 11. 49 kWh in total"),
])
def test_a_point_parting_two_numbers_is_no_decimal(quote, page):
    assert find_quote(Document([page]), quote) is None


def test_the_quote_reads_as_printed_only_where_it_differs():
    assert as_printed("used 1, 287 MWh and 3 GPUs", "used 1,\n287 MWh and 3 GPUs") == (
        "used 1,\n287 MWh and 3 GPUs", [("1, 287", "1,\n287")])
    assert as_printed("used 1,287 MWh", "used 1,287 MWh") == ("used 1,287 MWh", [])
    assert as_printed("no number here", "no number here") == ("no number here", [])
    # digits the passage does not print together, or not all of them, stay as typed
    assert as_printed("5, 10 [...] 20", "5, 1 and 0 then 20") == ("5, 10 [...] 20", [])
    assert as_printed("5, 10 [...] 20", "5, 1 then 20") == ("5, 10 [...] 20", [])
    # a table row's numbers are named where they differ, spaces of any count alike
    said = value_in_quote("287 MWh", "(MWh) 7.5 85.7 179 1, 287", passage="(MWh)   7.5  85.7  179  1,287")
    assert "the quote types '1, 287' (read as 1 and 287) where the paper prints '1,287'" in said.reason("287 MWh")
    said = value_in_quote("593 kWh", "consume 103, 593 kWh", passage="consume 103,593 kWh")
    assert said.reason("593 kWh") == ("the value '593 kWh' is not a number of the paper there: the quote types "
                                      "'103, 593' (read as 103 and 593) where the paper prints '103,593' (read as "
                                      "103,593); copy the number as the paper prints it")


@pytest.mark.parametrize("value, quote, ok", [
    # a signed value claims a change: one the quote gives, in its direction, never a level
    ("+5%", "the error rate decreased from 5% to 2%", False), ("+2%", "the error rate decreased from 5% to 2%", False),
    ("-5%", "the error rate decreased from 5% to 2%", False), ("5%", "the error rate decreased from 5% to 2%", True),
    ("+5%", "the error rate increased from 2% to 5%", False), ("+5%", "the share was 5% in 2019", False),
    ("+5%", "the error fell to 5%", False), ("+5%", "costs went up to 5%", False),
    ("+2 kWh", "each run used 2 kWh", False), ("+9 kWh", "emissions dropped from 12 kWh to 9 kWh", False),
    ("-5%", "a change of 5% over the year", False), ("-5%", "usage rose by 5% last year", False),
    # a rise the quote gives, in words or with its sign
    ("+5%", "usage rose 5% last year", True), ("+5%", "emissions grew by 5%", True), ("+5%", "a 5% increase", True),
    ("+5%", "costs went up 5%", True), ("+5%", "it used 5% more energy", True), ("+5%", "rose by over 5%", True),
    ("+5%", "a change of +5% over the year", True), ("+3 pp", "accuracy rose by 3 percentage points", True),
    ("+46.5%", "the ranker improved clickthrough rate over the baseline by 46.5%", True),
    ("-5%", "usage fell by 5%", True), ("-5%", "accuracy changed by -5%", True),
    # both ends of a range of sizes are the change's, never the level a change reaches
    ("+10%", "emissions rose 5-10% last year", True), ("-10%", "emissions fell by 5–10%", True),
    ("-10%", "emissions rose 5-10% last year", False), ("+10%", "emissions rose by 5% to 10% last year", False),
    ("+10%", "emissions grew from 5% to 10%", False),
])
def test_a_signed_value_is_a_change_the_quote_gives_in_its_direction(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, said", [
    ("+5%", "the error rate decreased from 5% to 2%", "gives 5% as no change of either sign"),
    ("-5%", "usage rose by 5% last year", "gives 5% as a rise"),
    ("+2 kWh", "the run used 2 kWh", "gives 2 kWh as no change of either sign"),
])
def test_a_signed_value_of_an_unsigned_figure_says_so(value, quote, said):
    reason = value_in_quote(value, quote).reason(value)
    assert f"the value {value!r} writes a {'rise' if value[0] == '+' else 'fall'}, but its quote {said}" in reason


SST = "accuracy was 81.2 (0.4) on SST-2 and 79.0 (1.1) on MNLI"


@pytest.mark.parametrize("value, quote, ok", [
    # a figure's uncertainty in parentheses after it, as result tables print it, is no figure...
    ("0.4", SST, False), ("1.1", SST, False), ("0.4%", "accuracy was 81.2% (0.4%) on SST-2", False),
    ("0.02", "F1 of 0.89 (0.02) and 0.91 (0.01)", False), ("3", "a BLEU of 45.2 (3) on it", False),
    # ... the figure is, and the figure with it as an uncertainty
    ("81.2", SST, True), ("79.0", SST, True), ("81.2 ± 0.4", SST, True), ("79.0 ± 1.1", SST, True),
    ("81.2 ± 1.1", SST, False), ("81.2%", "accuracy was 81.2% (0.4%) on SST-2", True),
    ("0.91", "F1 of 0.89 (0.02) and 0.91 (0.01)", True),
    # the count a share is of, and a figure restated in another unit, stay figures
    ("22", "92% (22) of them", True), ("22 participants", "92% (22) of participants", True),
    ("626,155 lbs", "284,019 kg (626,155 lbs) of CO2", True),
])
def test_an_uncertainty_in_parentheses_after_its_figure_is_no_figure(value, quote, ok):
    judged(value, quote, ok)


def test_an_uncertainty_in_parentheses_is_named_with_its_figure():
    assert "an uncertainty its quote gives ('81.2 (0.4)')" in value_in_quote("0.4", SST).reason("0.4")


@pytest.mark.parametrize("value, quote, ok", [
    # a footnote's marker glued to a figure's end is no number of its own
    ("3%", "a reduction of 5.2%3 in emissions", False), ("5.2%", "a reduction of 5.2%3 in emissions", True),
    ("4 kWh", "as much energy as 522 smartphone charges (11.49 kWh)4 and", False),
    ("11.49 kWh", "as much energy as 522 smartphone charges (11.49 kWh)4 and", True),
    ("3 GPUs", "as in [12]3 GPUs", False),
    # a range written without spaces after a percentage: its second number is no negative one
    ("-10%", "a share of 5%-10% of all", False), ("10%", "a share of 5%-10% of all", True),
    ("5%", "a share of 5%-10% of all", True),
    # table cells an extractor glued together stay figures
    ("46.8%", "SST 45.2%46.8% and", True), ("13%", "MNLI 12%13% and", True),
])
def test_a_marker_or_a_range_glued_to_a_figure_is_no_figure_of_its_own(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # a number broken after its thousands comma at a line's end is one number...
    ("1,287 MWh", "GPT-3 used 1,\n287 MWh", True), ("287 MWh", "GPT-3 used 1,\n287 MWh", False),
    ("12,512 tokens", "windows of 12,\n512 tokens", True), ("287 MWh", "In 2019, 1,\n287 MWh", False),
    # ... a list broken after one of its items is a list
    ("512", "batch sizes of 64, 128, 256,\n512 and 1024", True), ("256,512", "batch sizes of 64, 128, 256,\n512 and 1024",
                                                                 False),
    ("128,256", "sizes 64, 128,\n256", False), ("256", "sizes 64, 128,\n256", True),
])
def test_a_number_broken_at_a_line_s_end_is_one_number_and_a_list_a_list(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("page, figures", [
    ("GPT-3 used 1,\n287 MWh of energy", [("1,287", "MWh", "1,\n287 MWh")]),
    ("it used 12,\n  345 kWh.", [("12,345", "kWh", "12,\n  345 kWh")]),
    ("batch sizes of 64, 128, 256,\n512 GPUs and 1024", [("512", "GPU", "512 GPUs")]),
    # a percentage's uncertainty in parentheses after it is no figure of the page; a share in them is
    ("accuracy was 81.2% (0.4%) on SST-2", [("81.2", "%", "81.2%")]),
    ("shares of 40% (12%) and", [("40", "%", "40%"), ("12", "%", "12%")]),
])
def test_a_page_s_figures_are_read_as_its_claims_are(page, figures):
    assert [(c.number, c.unit, page[c.start:c.end]) for c in extract_candidates([page])] == figures


#: Strubell et al.'s Table 3 as pypdf prints it: a header naming a unit for each of a row's cells.
TABLE = ("Model Hardware Power (W) Hours kWh ·PUE CO 2e Cloud compute cost Transformerbase P100x8 1415.78 12 27 26 "
         "$41–$140 Transformerbig P100x8 1515.43 84 201 192 $289–$981 BERTbase TPUv2x16 — 96 — — $2074–$6912")


@pytest.mark.parametrize("value, ok", [
    # a cell is in its own column's unit, never in another column's
    ("84 hours", True), ("84 kWh", False), ("201 kWh", True), ("201 hours", False), ("1515.43 W", True),
    ("1515.43 kWh", False), ("1415.78 hours", False), ("27 kWh", True), ("27 hours", False), ("12 hours", True),
    ("192 lbs CO2e", True), ("192 kWh", False), ("26 kWh", False), ("96 hours", True), ("96 W", False),
])
def test_a_table_s_cell_is_in_its_column_s_unit(value, ok):
    judged(value, TABLE, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # a sample's size is a count: a bare number or a count of it, never a percentage nor a physical figure
    ("24%", "we recruited participants (n = 24)", False), ("24 kWh", "participants (N=24)", False),
    ("24", "we recruited participants (n = 24)", True), ("24 participants", "we recruited participants (n = 24)", True),
    ("120 kWh", "an energy n = 120 kWh", True),
])
def test_a_sample_s_size_is_a_count(value, quote, ok):
    judged(value, quote, ok)
