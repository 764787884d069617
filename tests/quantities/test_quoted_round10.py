"""A claim's value in its quote, tenth round: one reading of a value for every command (a number kb reads
no number of, "0x10 kWh", is refused alike; a range, an uncertainty, a power of ten and a fraction are read
whole), and the sign of a fraction typed as a change ("-1/4" of "fell by a quarter")."""

from __future__ import annotations

import pytest
from judging import judged

from kb.errors import KBError
from kb.quantities.interval import Interval, split_figure, unreadable_figure
from kb.quantities.quoted import claim_doubt, value_in_quote


@pytest.mark.parametrize("value, said", [
    # a number that goes on in a way kb reads no number of, or a programmer's literal: no figure
    ("0x10 kWh", "'0x10' is no number kb reads"), ("0X1F", "'0X1F' is no number kb reads"),
    ("0b101", "'0b101' is no number kb reads"), ("1.2.3 kWh", "'1.2.3' is no number kb reads"),
    ("1,2,3 kWh", "'1,2,3' is no number kb reads"), ("3:1", "'3:1' is no number kb reads"),
    ("1 2 kWh", "'1 2' is no number kb reads"), ("12..5 kWh", "'12..5' is no number kb reads"),
    ("1/0", "a fraction over 0"),
])
def test_a_value_kb_reads_no_number_of_is_refused_alike_by_every_reader(value, said):
    with pytest.raises(KBError) as caught:
        Interval.from_written(value)
    assert said in caught.value.message
    assert said in unreadable_figure(value)
    assert split_figure(value) == (value, None, None)           # the index: no number, as "abc"
    for status in ("verified", "unverified", None):
        assert claim_doubt(status, value, f"it used {value}") == f"cannot read the value {value!r}: " + \
            caught.value.message


@pytest.mark.parametrize("value, number, nominal, unit", [
    # what kb check reads, the index's columns read: the whole number before the unit
    ("1.2 × 10^3 kWh", "1.2 × 10^3", 1200, "kWh"), ("10³ kWh", "10³", 1000, "kWh"),
    ("2 x 10^3 GPUs", "2 x 10^3", 2000, "GPUs"), ("3–5 kWh", "3–5", 4, "kWh"),
    ("3.2 ± 0.1 kWh", "3.2 ± 0.1", 3.2, "kWh"), ("-1/4", "-1/4", -0.25, None), ("2/3 kWh", "2/3", 2 / 3, "kWh"),
    # ... and as before where it was one number
    ("11.49 kWh", "11.49", 11.49, "kWh"), ("30M papers", "30M", 3e7, "papers"), ("0,5 kWh", "0,5", 0.5, "kWh"),
    ("1 287 MWh", "1 287", 1287, "MWh"), ("100-fold", "100", 100, "-fold"),
])
def test_the_index_reads_a_value_as_kb_check_reads_it(value, number, nominal, unit):
    assert split_figure(value) == (number, pytest.approx(nominal), unit)
    assert Interval.from_written(value).nominal == pytest.approx(nominal)
    assert unreadable_figure(value) is None


@pytest.mark.parametrize("value, lo, hi", [("1/4", 0.25, 0.25), ("-1/4", -0.25, -0.25), ("−2/3", -2 / 3, -2 / 3)])
def test_a_fraction_is_an_exact_figure(value, lo, hi):
    iv = Interval.from_written(value)
    assert (iv.lo, iv.hi) == (pytest.approx(lo), pytest.approx(hi))


@pytest.mark.parametrize("value, quote, ok", [
    # a fraction's sign is the change's, as "-25%" is of "fell by a quarter"
    ("-1/4", "energy use fell by a quarter", True), ("1/4", "energy use fell by a quarter", True),
    ("+1/4", "energy use fell by a quarter", False), ("-1/4", "energy use rose by a quarter", False),
    ("+1/4", "energy use rose by a quarter", True), ("-1/3", "emissions were cut by a third", True),
    ("-1/3", "emissions rose by a third", False), ("+1/3", "emissions rose by a third", True),
    ("-1/2", "energy use halved", True), ("+1/2", "energy use halved", False),
    ("-1/4", "energy use fell by 1/4", True), ("+1/4", "energy use fell by 1/4", False),
    ("-3/4", "energy use fell by three quarters", True), ("-1/4", "energy use fell by three quarters", False),
    ("-1/3", "energy use fell by two thirds", False), ("-1/10", "energy use fell by a tenth", True),
    ("-1/4", "it used a quarter less energy", True),
    # a share that is no change holds no signed fraction, and a fraction is no percentage
    ("-1/4", "a quarter of the energy", False), ("+1/4", "a quarter of the energy", False),
    ("-1/4", "energy use fell by 25%", False), ("-1/4", "a quarter of the runs failed, and energy fell by 25%", False),
])
def test_a_fractions_sign_is_the_changes(value, quote, ok):
    judged(value, quote, ok)


def test_a_fraction_of_the_wrong_sign_is_refused_naming_the_change():
    said = value_in_quote("+1/4", "energy use fell by a quarter").reason("+1/4")
    assert "its quote gives 'a quarter' as a fall: write the change as '-1/4'" in said


@pytest.mark.parametrize("value, quote, ok", [
    # an uncertainty named in words is an uncertainty, as "± 12%" and "SD 0.4" are: no figure alone
    ("12%", "the estimate has an uncertainty of 12%", False), ("12%", "an uncertainty of about 12% remains", False),
    ("12%", "energy use of 30 kWh with a 12% uncertainty", False), ("12%", "with a margin of error of 12%", False),
    ("3 points", "a margin of error of 3 points", False), ("12%", "the error margin is 12%", False),
    ("30 kWh", "energy use of 30 kWh with an uncertainty of 12%", True),
    ("30 kWh ± 12%", "energy use of 30 kWh with an uncertainty of 12%", True),
    ("30 kWh ± 12%", "energy use of 30 kWh with a 12% uncertainty", True),
    ("30 kWh ± 13%", "energy use of 30 kWh with an uncertainty of 12%", False),
    # an error, a margin, and a change of the uncertainty are figures of their own
    ("12%", "a top-1 error of 12%", True), ("12%", "an error of 12%", True), ("12%", "a profit margin of 12%", True),
    ("-12%", "the uncertainty fell by 12%", True), ("12%", "uncertainty was reduced by 12%", True),
])
def test_an_uncertainty_in_words_is_no_figure(value, quote, ok):
    judged(value, quote, ok)


def test_an_uncertainty_in_words_is_refused_naming_it():
    said = value_in_quote("12%", "the estimate has an uncertainty of about 12%").reason("12%")
    assert "is an uncertainty its quote gives ('uncertainty of about 12%')" in said and "'<figure> ± 12%'" in said
    said = value_in_quote("12%", "30 kWh with a 12% uncertainty").reason("12%")
    assert "('12% uncertainty')" in said


def test_an_uncertainty_in_words_is_no_candidate():
    from kb.quantities.numbers import extract_candidates
    found = [c.number for c in extract_candidates(["It used 30 kWh with an uncertainty of 12%, and 40 kWh with a "
                                                   "9% uncertainty; the error margin is 3%."])]
    assert found == ["30", "40"]


MEANS = ["the mean was 3.6 (3.1–4.2) kWh per run", "the mean was 3.6 [95% CI 3.1, 4.2] kWh per run",
         "the mean was 3.6 kWh (95% CI 3.1-4.2) per run"]


@pytest.mark.parametrize("quote", MEANS)
@pytest.mark.parametrize("value, ok", [
    # the unit after an interval is its figure's, and the interval whole is a range the quote gives
    ("3.6 kWh", True), ("3600 Wh", True), ("3.1–4.2 kWh", True), ("3.6 (3.1, 4.2) kWh", True),
    # ... never a bound alone, another range, another unit, nor the figure without its unit
    ("3.1 kWh", False), ("4.2 kWh", False), ("3.1–4.3 kWh", False), ("3.6 (3.1–4.2) MWh", False), ("3.6", False),
])
def test_a_figure_printed_with_its_interval(quote, value, ok):
    judged(value, quote, ok, per="run")


@pytest.mark.parametrize("value, quote, ok", [
    # a confidence interval's bounds after a comma were read as a name's number ("CI 78.1"): 84.3 held
    ("84.3", "accuracy was 81.2 (95% CI 78.1, 84.3)", False), ("78.1", "accuracy was 81.2 (95% CI 78.1, 84.3)", False),
    ("81.2", "accuracy was 81.2 (95% CI 78.1, 84.3)", True), ("78.1–84.3", "accuracy was 81.2 (95% CI 78.1, 84.3)", True),
    ("45.7%–57.5%", "rates were 51.2% (95% CI: 45.7%–57.5%) in the axial view", True),
    ("45.7%", "rates were 51.2% (95% CI: 45.7%–57.5%) in the axial view", False),
    # a value's interval is the one its quote prints after that figure
    ("3.6 (3.1–4.2) kWh", "the mean was 3.6 kWh, 3.1 kWh and 4.2 kWh", False),
    ("3.7 (3.1–4.2) kWh", "the mean was 3.7 kWh and 3.6 (3.1–4.2) kWh", False),
    ("3.6 kWh", "the mean was 3.6 (3.1, 4.2) kWh", True), ("3.6 kWh", "3.6 (95% confidence interval 3.1 to 4.2) kWh", True),
    ("3.6 kg", "the mean was 3.6 (3.1, 4.2) kWh", False), ("3.1-4.2 MWh", "the mean was 3.6 (3.1, 4.2) kWh", False),
    # two numbers in parentheses are no interval where the figure is not between them
    ("3 GPUs", "we used 3 (4, 5) GPUs", True), ("12 kWh", "models (3, 5) used 12 kWh", True),
])
def test_an_intervals_bounds_are_no_figures(value, quote, ok):
    judged(value, quote, ok)


def test_a_bound_of_an_interval_is_refused_naming_the_interval():
    said = value_in_quote("3.1 kWh", "the mean was 3.6 (3.1, 4.2) kWh").reason("3.1 kWh")
    assert ("is a bound of an interval its quote gives ('3.6 (3.1, 4.2)'), not a figure: claim the figure, or the "
            "interval whole ('3.1–4.2 kWh')") in said


@pytest.mark.parametrize("value, lo, nominal, hi", [
    ("3.6 (3.1–4.2) kWh", 3.1, 3.6, 4.2), ("3.6 [3.1, 4.2] kWh", 3.1, 3.6, 4.2), ("-0.5 (-0.7, -0.2)", -0.7, -0.5, -0.2),
])
def test_a_figure_with_its_interval_reads_as_that_interval(value, lo, nominal, hi):
    iv = Interval.from_written(value)
    assert (iv.lo, iv.nominal, iv.hi) == (pytest.approx(lo), pytest.approx(nominal), pytest.approx(hi))
    assert split_figure(value)[1] == pytest.approx(nominal)
    with pytest.raises(KBError, match="not inside its interval"):
        Interval.from_written("3.6 (4.1–4.2) kWh")


@pytest.mark.parametrize("value, quote, said", [
    # a value copied from a quote that writes its thousands with dots: refused, saying how the quote reads it
    ("1.287 MWh", "the training used 1.287 MWh, or 1.287,5 MWh", "the value '1.287 MWh' reads '1.287' as 1.287, but "
     "its quote writes its thousands with dots ('1.287,5'), so its '1.287' is 1,287: write the value as '1,287 MWh'"),
    ("2.300 MWh", "the cluster used 2.300 MWh and 1.287,5 MWh", "reads '2.300' as 2.3, but its quote writes its "
     "thousands with dots ('1.287,5'), so its '2.300' is 2,300: write the value as '2,300 MWh'"),
    ("1.287 MWh", "Das Cluster verbrauchte 1.234.567 kWh und 1.287 MWh", "('1.234.567'), so its '1.287' is 1,287"),
])
def test_a_value_copied_from_dotted_thousands_is_refused_saying_what_differs(value, quote, said):
    found = value_in_quote(value, quote)
    assert not found.ok and said in found.reason(value)
    assert said in claim_doubt("verified", value, quote)
    assert value_in_quote(found.reason(value).rsplit("write the value as ", 1)[1].strip("'"), quote).ok


@pytest.mark.parametrize("value, quote, ok", [
    # a bound in words on a change: "more than halved" is a fall by more than a half, a factor under one half
    ("less than 0.5x", "energy use more than halved", True), ("more than 0.5x", "energy use more than halved", False),
    ("more than 0.5x", "energy use less than halved", True), ("less than 0.5x", "energy use less than halved", False),
    ("more than -50%", "energy use more than halved", True), ("less than -50%", "energy use less than halved", True),
    ("more than 2x", "energy use more than doubled", True), ("less than 2x", "energy use more than doubled", False),
    ("more than +100%", "energy use more than doubled", True), ("less than +100%", "energy use more than doubled", False),
])
def test_a_bound_in_words_on_a_change_keeps_its_direction(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, better", [
    # a value written without the bound its quote gives in words is told the bound to write
    ("+100%", "energy use more than doubled", "'more than +100%'"),
    ("2x", "energy use more than doubled", "'more than 2x'"), ("+100%", "energy use less than doubled", "'less than +100%'"),
    ("+200%", "energy use more than tripled", "'more than +200%'"), ("-50%", "energy use more than halved", "'more than -50%'"),
    ("0.5x", "energy use more than halved", "'less than 0.5x'"), ("0.5x", "energy use less than halved", "'more than 0.5x'"),
    ("-5%", "energy fell by more than 5%", "'more than -5%'"),
    ("+100%", "energy use doubled", None), ("0.5x", "energy use halved", None), ("-5%", "energy fell by 5%", None),
])
def test_a_bound_in_words_on_a_change_is_noted(value, quote, better):
    from kb.quantities.quoted import bound_note
    assert value_in_quote(value, quote).ok
    note = bound_note(value, quote)
    assert note is None if better is None else f"write the value as {better} to keep the bound" in note


@pytest.mark.parametrize("value, quote, per, ok", [
    # a claim's per names what the quote's rate is per: a count of runs is no count of queries
    ("25 kWh", "energy use was 25 kWh per query", "run", False), ("25 g", "emissions were 25 g per query", "run", False),
    ("25 kWh", "energy use was 25 kWh per query", "query", True), ("25 kWh", "energy use was 25 kWh per query", "queries",
                                                                  True),
    ("25 g", "emissions were 25 g per run", "1 run", True), ("25 g", "emissions were 25 g per web page", "web page", True),
    ("25 g", "emissions were 25 g per web page", "page", False),
    ("2.9 kWh", "it used 2.9 kWh per 1,000 queries", "1000 runs", False),
    ("2.9 kWh", "it used 2.9 kWh per 1,000 queries", "1000 queries", True),
])
def test_a_claims_per_counts_what_the_quotes_rate_is_per(value, quote, per, ok):
    judged(value, quote, ok, per)


@pytest.mark.parametrize("page, found", [
    # a confidence interval's level and bounds are no figures of a page: kb audit took "3.1 kWh" of a note as
    # the paper's "3.1–4.2 kWh" confirmed
    ("The mean was 3.6 kWh (95% CI 3.1-4.2 kWh).", ["3.6"]), ("Rates were 51.2% (95% CI: 45.7%–57.5%).", ["51.2"]),
    ("The mean energy was 3.6 [95% CI 3.1, 4.2] kWh per run.", ["3.6"]),     # the figure, in the unit after
    # a range in brackets that bounds no figure before it stays a figure
    ("Each run used 3.1–4.2 kWh.", ["3.1–4.2"]), ("We trained 3 models (12-16 GPUs) for 5 days.", ["3", "12-16", "5"]),
])
def test_an_intervals_bounds_are_no_candidates(page, found):
    from kb.quantities.numbers import extract_candidates
    assert [c.number for c in extract_candidates([page])] == found


@pytest.mark.parametrize("value, quote", [
    # a value kb check reads no figure of stands nowhere, though its quote prints its numbers
    ("SD 0.4", "accuracy was 81.2 (SD 0.4)"), ("95% CI 78.1-84.3", "accuracy was 81.2 (95% CI 78.1-84.3)"),
    ("81.2 (0.4)", "accuracy was 81.2 (0.4) across seeds"),
])
def test_a_value_kb_check_cannot_read_stands_nowhere(value, quote):
    with pytest.raises(KBError) as caught:
        Interval.from_written(value)
    assert claim_doubt("verified", value, quote) == f"cannot read the value {value!r}: {caught.value.message}"
