"""A claim's value in its quote, ninth round: a footnote's or citation's marker between a figure and its
unit, a whole number's superscript power, a change or share written in words ("fell by a quarter",
"halved"), and what a refusal names where the paper prints a number across a line break."""

from __future__ import annotations

import pytest
from judging import judged

from kb.quantities.quoted import bound_note, value_in_quote

MARKED = ["the images required 11.49⁵ kWh in total", "the images required 11.49 [5] kWh in total",
          "the images required 11.49¹ kWh in total", "the images required 11.49† kWh in total",
          "the images required 11.49[5] kWh in total", "the images required 11.49 [5, 12] kWh in total",
          "the images required 11.49 [Luc24] kWh in total"]


@pytest.mark.parametrize("quote", MARKED)
@pytest.mark.parametrize("value, ok", [
    # the marker is no digit of the figure, and the unit after it is the figure's
    ("11.49 kWh", True), ("11,490 Wh", True),
    ("11.495 kWh", False), ("5 kWh", False), ("49 kWh", False), ("11.49", False),
])
def test_a_marker_between_a_figure_and_its_unit_is_passed_over(quote, value, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # a whole number's superscript is its power: never its base, nor its exponent
    ("4294967296 addresses", "2³² addresses", True), ("2 addresses", "2³² addresses", False),
    ("2", "a 2³² address space", False), ("32 addresses", "2³² addresses", False),
    ("4096 pixels", "images of 64² pixels", True), ("64 pixels", "images of 64² pixels", False),
    ("0.125", "a ratio of 2⁻³ overall", True), ("1e5 GPU hours", "it took 10⁵ GPU hours", True),
    ("1,287 MWh", "training used 1,287¹ MWh", True), ("1,287.1 MWh", "training used 1,287¹ MWh", False),
])
def test_a_whole_numbers_superscript_is_its_power(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, passage, typed, printed", [
    # a number the paper breaks across a line is shown with its break, and each side with how it reads
    ("287 MWh", "it used 1, 287 MWh", "it used 1,\n287 MWh in all", "'1, 287' (read as 1 and 287)",
     "'1,⏎287' across a line break (read as 1,287)"),
    ("1 MWh", "it used 1, 287 MWh", "it used 1,\n287 MWh in all", "'1, 287' (read as 1 and 287)",
     "'1,⏎287' across a line break (read as 1,287)"),
    ("1,287 MWh", "runs of 1,287 MWh", "runs of 1, 287 MWh each", "'1,287' (read as 1,287)",
     "'1, 287' (read as 1 and 287)"),
])
def test_a_refusal_for_a_number_the_paper_prints_otherwise_says_what_differs(value, quote, passage, typed, printed):
    said = value_in_quote(value, quote, passage=passage)
    assert not said.ok
    assert f"the quote types {typed} where the paper prints {printed};" in said.reason(value)


@pytest.mark.parametrize("value, quote, ok", [
    # a share in words as the size of a change: signed in its direction, or its size; never the other sign
    ("-25%", "energy use fell by a quarter", True), ("25%", "energy use fell by a quarter", True),
    ("+25%", "energy use fell by a quarter", False), ("-20%", "energy use fell by a quarter", False),
    ("-33%", "emissions were cut by a third", True), ("-33.3%", "emissions were cut by a third", True),
    ("-30%", "emissions were cut by a third", False), ("+33%", "emissions rose by a third", True),
    ("-33%", "emissions rose by a third", False), ("-50%", "energy use was cut by half", True),
    # a share that is no change holds no signed value
    ("-33%", "a third of the emissions", False), ("+33%", "a third of the emissions", False),
    ("33%", "a third of the emissions", True), ("-50%", "half of the energy", False),
    # "halved" is a fall by a half, and a factor of one half
    ("-50%", "energy use halved", True), ("50%", "energy use halved", False), ("0.5", "energy use halved", True),
    ("0.5x", "energy use halved", True), ("+50%", "energy use halved", False), ("2x", "energy use halved", False),
    ("-25%", "energy use halved", False),
    # "doubled", "tripled": a factor, and a rise by 100 %, 200 %; never a fall, nor a bare 1
    ("2x", "energy use doubled", True), ("+100%", "energy use doubled", True), ("100%", "energy use doubled", False),
    ("-100%", "energy use doubled", False), ("1", "energy use doubled", False), ("+1", "energy use doubled", False),
    ("+200%", "energy use tripled", True), ("+100%", "energy use tripled", False),
    ("+100%", "it used twice the energy", False), ("+100%", "a double-blind study", False),
    # a fraction typed as the value is the one share it writes
    ("1/3", "a third of the emissions", True), ("1/4", "energy fell by a quarter", True),
    ("2/3", "two thirds of the emissions", True), ("2/3", "a third of the emissions", False),
    ("1/3", "two thirds of the emissions", False), ("1/3", "33% of the emissions", False),
])
def test_a_change_or_share_in_words_holds_its_signed_size(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, said", [
    ("+25%", "energy use fell by a quarter", "its quote gives 'a quarter' as a fall: write the change as '-25%'"),
    ("+50%", "energy use halved", "its quote gives 'halved' as a fall: write the change as '-50%'"),
    ("-100%", "energy use doubled", "writes a fall, but its quote gives doubled as a rise"),
    ("-33%", "a third of the emissions", "writes a fall, but its quote gives a third as no change of either sign"),
])
def test_a_change_of_the_wrong_sign_is_refused_naming_the_quotes_words(value, quote, said):
    assert said in value_in_quote(value, quote).reason(value)


@pytest.mark.parametrize("value, quote, ok", [
    # points are percentage points only where the sentence speaks of percentages
    ("5 pp", "accuracy rose 5 points, from 80% to 85%", True), ("+5 pp", "accuracy rose 5 points, from 80% to 85%", True),
    ("5 percentage points", "accuracy rose 5 points, from 80% to 85%", True),
    ("5 pp", "the share rose by 5 points to 35%", True), ("-5 pp", "the share fell 5 points to 35 percent", True),
    ("5 %", "accuracy rose 5 points, from 80% to 85%", False), ("-5 pp", "accuracy rose 5 points, from 80% to 85%", False),
    ("6 pp", "accuracy rose 5 points, from 80% to 85%", False),
    # a score's or a scale's points, or points of a sentence that prints no percentage, are no percentage's
    ("5 pp", "the model improved by 5 points on the benchmark", False), ("5 pp", "BLEU improved by 5 points", False),
    ("5 pp", "BLEU improved by 5 points to 30%", False), ("5 pp", "the F1 score improved by 5 points", False),
    ("5 pp", "it scored 5 points higher on a 7-point Likert scale, 20% above", False),
    ("5 pp", "accuracy improved by 5 points. It reached 85% later", False),
    ("5 points", "BLEU improved by 5 points", True),
])
def test_points_are_percentage_points_only_where_the_sentence_speaks_of_percentages(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # apostrophes between thousands groups, a decimal comma or point after them: one number
    ("1287.5 MWh", "the cluster used 1'287,5 MWh in 2021", True), ("1,287", "the cluster used 1'287,5 MWh in 2021", False),
    ("1287 MWh", "the cluster used 1'287,5 MWh in 2021", False), ("5 MWh", "the cluster used 1'287,5 MWh in 2021", False),
    ("1287.5 MWh", "the cluster used 1’287.5 MWh in 2021", True), ("1234567 runs", "a total of 1’234’567 runs", True),
    ("234567 runs", "a total of 1’234’567 runs", False),
    # a quote that writes its thousands with dots ("1.287,5") writes every thousand so: "2.300" is 2,300
    ("2,300 MWh", "the cluster used 1.287 MWh, 2.300 MWh and 1.287,5 MWh", True),
    ("1287 MWh", "the cluster used 1.287 MWh, 2.300 MWh and 1.287,5 MWh", True),
    ("2.3 MWh", "the cluster used 1.287 MWh, 2.300 MWh and 1.287,5 MWh", False),
    ("1.125", "the cluster used 1.287,5 MWh at a PUE of 1,125", True),
    ("1.287 MWh", "the cluster used 1.287 MWh in 2021", True), ("1,287 MWh", "the cluster used 1.287 MWh in 2021", False),
])
def test_thousands_of_other_locales_are_read_as_the_quote_writes_them(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("quote", ["a carbon intensity of 0.429 kg CO2e kWh⁻¹", "a carbon intensity of 0.429 kg CO2e kWh-1",
                                   "a carbon intensity of 0.429 kgCO2e·kWh⁻¹", "a carbon intensity of 0.429 kg CO2e kWh^-1"])
@pytest.mark.parametrize("value, ok", [
    # a unit raised to minus one is a rate's per: the rate holds, converted; its amount alone never does
    ("0.429 kg CO2e/kWh", True), ("429 g CO2e/kWh", True), ("429 kg CO2e/MWh", True), ("0.429 kg CO2e kWh⁻¹", True),
    ("0.429 kg CO2e", False), ("0.429 kg CO2e/MWh", False), ("0.429", False),
])
def test_a_unit_raised_to_minus_one_is_a_rates_per(quote, value, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    ("0.429 kg CO2e", "a carbon intensity of 0.429 kg CO2e kWh⁻¹", True), ("5 m/s", "a speed of 5 m s-1 overall", True),
    ("5 m", "a speed of 5 m s-1 overall", False), ("3 models", "we trained 3 GPT-1 models", True),
])
def test_a_rates_amount_holds_with_its_per(value, quote, ok):
    per = "kWh" if "kWh" in quote else None
    judged(value, quote, ok, per)


@pytest.mark.parametrize("value, quote, ok", [
    # a year after a word that dates is no count of what the quote counts elsewhere
    ("2019 GPUs", "in 2019 we used 512 GPUs", False), ("2019 GPUs", "in 2019 alone, 512 GPUs were used", False),
    ("2019 GPU hours", "in 2019 training took 512 GPU hours", False), ("512 GPUs", "in 2019 we used 512 GPUs", True),
    ("2019 GPUs", "in 2019 we used 2019 GPUs", True), ("2019 runs", "we performed 2019 runs in 2019", True),
])
def test_a_year_is_no_count_of_the_quotes_things(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # a bare number counts what the quote names only where no other number owns that noun
    ("3 GPUs", "stage 3 used 8 GPUs", False), ("3 GPUs", "stage 3 used 8 NVIDIA GPUs", False),
    ("3 GPUs", "after 3, we used 8 GPUs", False), ("5 GPUs", "a score of 5 on 8 GPUs", False),
    ("8 GPUs", "stage 3 used 8 GPUs", True), ("3", "stage 3 used 8 GPUs", True),
    ("3 GPUs", "we used the A100 (3) and V100 (4) GPUs", True), ("40 GPUs", "40 of the GPUs failed", True),
    ("18 participants", "18 out of 20 participants selected them", True),
    ("3 models", "the models (3) ran on 8 GPUs", True),
])
def test_a_bare_number_counts_no_noun_another_number_owns(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, ok", [
    # "up to" after a verb of totalling or reaching gives the total, no bound
    ("33.1 Gt CO2e", "adding up to 33.1 gigatonnes of CO2 in 2019", True),
    ("up to 33.1 Gt CO2e", "adding up to 33.1 gigatonnes of CO2 in 2019", False),
    ("up to 12 kWh", "it sums up to 12 kWh", False), ("up to 40%", "the share went up to 40%", False),
    ("40%", "the share went up to 40%", True), ("up to 8%", "emissions increasing by up to 8%", True),
])
def test_up_to_after_a_verb_of_totalling_is_no_bound(value, quote, ok):
    judged(value, quote, ok)
    if ok and not value.startswith("up"):
        assert bound_note(value, quote) is None


@pytest.mark.parametrize("value, quote, ok", [
    # the press's "m", "mn", "mln" before what it counts in millions, and a spaced "bn", are scales
    ("2.5 Mt CO2e", "emitting 2.5m tonnes of CO2e", True), ("2,500,000 t CO2e", "emitting 2.5m tonnes of CO2e", True),
    ("2.5 Mt CO2e", "emitting 2.5 mln tonnes of CO2e", True), ("2.5 Mt CO2e", "emitting 2.5mn tonnes of CO2e", True),
    ("2.5 t CO2e", "emitting 2.5m tonnes of CO2e", False), ("2.5 m", "emitting 2.5m tonnes of CO2e", False),
    ("2.5 t CO2e", "emitting 2.5 mn tonnes of CO2e", False), ("3 million people", "3m people use it daily", True),
    ("3 people", "3m people use it daily", False), ("2.5 TWh", "using 2.5 bn kWh of power", True),
    ("2.5 kWh", "using 2.5 bn kWh of power", False), ("2.5 GWh", "using 2.5m kWh", True), ("2.5 MWh", "using 2.5m kWh", False),
    # ... and after any other word the letter stays a metre
    ("3 m", "the cable is 3m long", True), ("3 million", "the cable is 3m long", False), ("3 m", "a 3m cable", True),
])
def test_the_presss_millions_before_what_they_count(value, quote, ok):
    judged(value, quote, ok)
