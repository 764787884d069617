"""A claim's value in its quote, fifth round: a value written as a rate per a quantity or per so
many things ("5 L/100 km", "$0.50/1M tokens"), FLOPS and its rates, bare numbers after a name,
and the work a hostile quote costs."""

from __future__ import annotations

import pytest
from judging import judged

from kb.quantities.interval import Interval
from kb.quantities.quoted import claim_doubt, value_in_quote

CAR = ("A mid-size car uses 5 litres per 100 km on the highway and emits 120 g CO2/km; an electric one "
       "uses 17 kWh/100 km.")
SERVING = "Serving costs 2.9 Wh per 1,000 queries, and the API costs $0.50/1M tokens."


@pytest.mark.parametrize("value, nominal, unit", [
    ("5 L/100 km", 0.05, "L/km"), ("5 L per 100 km", 0.05, "L/km"), ("17 kWh/100 km", 0.17, "kWh/km"),
    ("2.9 Wh per 1,000 queries", 0.0029, "Wh/query"), ("$0.50/1M tokens", 5e-7, "USD/token"),
    ("$0.50 per million tokens", 5e-7, "USD/token"), ("€1.2 per 1,000 images", 0.0012, "EUR/image"),
    ("0.3 kg/1 kWh", 0.3, "kg/kWh"),
])
def test_a_value_per_a_quantity_reads_as_the_rate_it_means(value, nominal, unit):
    iv = Interval.from_written(value)
    assert iv.to(unit).nominal == pytest.approx(nominal)


@pytest.mark.parametrize("value", ["2 kWh/1000", "5 L/10-20 km", "5 L/0 km", "5 L/100 km/100 km"])
def test_a_denominator_that_is_no_one_figure_of_something_is_no_unit(value):
    with pytest.raises(Exception):
        Interval.from_written(value)


@pytest.mark.parametrize("value, quote, per, ok", [
    # the rate as the quote prints it, or in other units
    ("5 L/100 km", CAR, None, True), ("5 L per 100 km", CAR, None, True), ("0.05 L/km", CAR, None, True),
    ("50 L/1000 km", CAR, None, True), ("17 kWh/100 km", CAR, None, True), ("170 Wh/km", CAR, None, True),
    ("12 kg CO2/100 km", CAR, None, True), ("5 L/100 km", "it uses 5.0 L/100 km", None, True),
    ("2.9 Wh/1,000 queries", SERVING, None, True), ("2.9 Wh per 1000 queries", SERVING, None, True),
    ("2.9 mWh/query", SERVING, None, True), ("2.9 kWh per 1,000,000 queries", SERVING, None, True),
    ("$0.50/1M tokens", SERVING, None, True), ("$0.50 per 1M tokens", SERVING, None, True),
    ("$0.50/1,000,000 tokens", SERVING, None, True), ("$0.50 per million tokens", SERVING, None, True),
    ("$0.50/1M tokens", "it costs $0.50 per million tokens", None, True),
    ("$0.50", SERVING, "1M tokens", True), ("5 L", CAR, "100 km", True),
    # a digit, the denominator's number or unit, its noun, the currency, or the amount alone
    ("6 L/100 km", CAR, None, False), ("5 L/10 km", CAR, None, False), ("5 L/1000 km", CAR, None, False),
    ("5 L/km", CAR, None, False), ("5 mL/100 km", CAR, None, False), ("5 L/100 mi", CAR, None, False),
    ("17 kWh/km", CAR, None, False), ("17 kWh/100 mi", CAR, None, False), ("120 g CO2/mi", CAR, None, False),
    ("2.9 Wh/100 queries", SERVING, None, False), ("2.9 Wh/query", SERVING, None, False),
    ("2.9 Wh/1,000 images", SERVING, None, False), ("2.9 Wh/image", "it costs 2.9 kWh per 1,000 queries", None, False),
    ("$0.50/1k tokens", SERVING, None, False), ("$0.50/1000 tokens", SERVING, None, False),
    ("$0.05/1M tokens", SERVING, None, False), ("€0.50/1M tokens", SERVING, None, False),
    ("$0.50/1M images", SERVING, None, False), ("$0.50 per million images", SERVING, None, False),
    ("$0.50/1k tokens", "it costs $0.50 per million tokens", None, False),
    ("$0.50/1M tokens", "it costs $0.50 per 1,000 tokens", None, False),
    ("$0.50", SERVING, None, False), ("$0.50", "it costs $0.50 per million tokens", None, False),
    ("$0.50", SERVING, "1k tokens", False), ("5 L", CAR, None, False),
    ("5 L/100 km", "a 5 L tank lasts 100 km", None, False),
    ("5 L/100 km", "it uses 5 litres; the trip was 100 km", None, False),
    ("5 L/100 km", "it uses 5 L/100 mi", None, False),
])
def test_a_rate_per_a_quantity_is_checked_as_one_figure(value, quote, per, ok):
    assert value_in_quote(value, quote, per).ok is ok
    if ok:
        assert claim_doubt("verified", value, quote, per) is None


GPT3 = ("OpenAI told us the V100 runs GPT-3 at 24.6 TeraFLOPS/sec [Sut21]. It takes ~14.8 days for 10,000 GPUs "
        "at 24.6 TeraFLOPS/sec to compute 3.14E+23 FLOPS.")
QUARTZ = "assume it runs at 40% of the peak floating point performance of Quartz-Tundra (3.2 PetaFLOPS/sec)."


@pytest.mark.parametrize("unit, reads", [
    ("TFLOPS", "TFLOP/s"), ("TeraFLOPS", "TFLOP/s"), ("teraflops", "TFLOP/s"), ("PetaFLOPS/sec", "PFLOP/s"),
    ("TFLOPS/s", "TFLOP/s"), ("MFLOPS", "MFLOP/s"), ("TFLOPs", "TFLOP"), ("FLOPS", "FLOP"), ("FLOPs", "FLOP"),
    ("TFLOP", "TFLOP"),
])
def test_a_prefixed_flops_is_a_rate_and_a_plural_flops_a_count(unit, reads):
    assert Interval.from_written(f"1 {unit}").unit == Interval.from_written(f"1 {reads}").unit


@pytest.mark.parametrize("value, quote, ok", [
    # FLOPS is so many a second already: a per second after it says it again
    ("24.6 TFLOPS", GPT3, True), ("24.6 TFLOP/s", GPT3, True), ("24.6 teraflops", GPT3, True),
    ("24,600 GFLOPS", GPT3, True), ("0.0246 PFLOPS", GPT3, True), ("24.6e12 FLOP/s", GPT3, True),
    ("3.14e23 FLOP", GPT3, True), ("3.14E+23 FLOPS", GPT3, True), ("3.14e11 TFLOP", GPT3, True),
    ("3.2 PFLOPS", QUARTZ, True), ("3,200 TFLOPS", QUARTZ, True),
    ("0.5 EFLOPS", "a total of ~500 PetaFLOPS/second of TPU compute power", True),
    ("24.6 TFLOPS", "the V100 sustains 24.6 TFLOP/s.", True), ("24.6 TFLOP/s", "the V100 sustains 24.6 TFLOPS.", True),
    ("24.6 TFLOPS", "it runs at 24.6 trillion floating-point operations per second.", True),
    ("125 TFLOP/s", "The V100 delivers 125 teraflops of mixed-precision throughput.", True),
    ("46 TFLOPS", "The peak TeraFLOPS/second is 19 for P100 and 46 for TPU v2.", True),
    ("24.6 TFLOPS", "Measured Performance (TFLOPS/s) 12 24.8 45.6 42.3 48.0 34.4 24.6 Number of Chips", True),
    # a count of operations for a rate of them, or a rate for a count; a prefix or a digit changed
    ("24.6 TFLOP", GPT3, False), ("24.6 TFLOPs", GPT3, False), ("24.6 PFLOPS", GPT3, False),
    ("24.6 GFLOPS", GPT3, False), ("2.46 TFLOPS", GPT3, False), ("3.14e23 FLOP/s", GPT3, False),
    ("3.14e11 TFLOPS", GPT3, False), ("3.2 TFLOPS", QUARTZ, False), ("3.2 PFLOP", QUARTZ, False),
    ("24.6 TFLOP", "the V100 sustains 24.6 TFLOPS.", False),
    ("125 TFLOP", "The V100 delivers 125 teraflops of mixed-precision throughput.", False),
    ("61 TFLOP", "Transformer (Big) 0.44 days (averaging 61 TFLOPS/s)", False),
    ("46 GFLOPS", "The peak TeraFLOPS/second is 19 for P100 and 46 for TPU v2.", False),
    ("3640 PFLOPS", "GPT-3 took 3,640 petaflop/s-days to train", False),
    ("24.6 TFLOP", "Measured Performance (TFLOPS/s) 12 24.8 45.6 42.3 48.0 34.4 24.6 Number of Chips", False),
])
def test_flops_with_a_prefix_is_a_rate_however_its_per_second_is_written(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok
    if ok:
        assert claim_doubt("verified", value, quote) is None


LEADERS = "The largest emitters were China (18), India (12) and the United States (9)."


@pytest.mark.parametrize("value, quote, ok", [
    # a whole number in parentheses after a name: a count, a reference or the name's number
    ("18%", LEADERS, False), ("18 kWh", LEADERS, False), ("9%", LEADERS, False), ("18%", "China (18) leads.", False),
    ("48%", "as reported by Strubell (48), the share grew.", False), ("3%", "GPT-3 (3) and BERT (4) were trained.", False),
    ("4 kWh", "GPT-3 (3) and BERT (4) were trained.", False), ("12%", "Smith and Jones (12) show that", False),
    ("12%", "as in (12)", False),
    # a citation's year, a row's or a column's number
    ("2019 kWh", "training emits 626,155 lbs (Strubell et al., 2019).", False),
    ("2019 kWh", "training emits 626,155 lbs (Smith, 2019a; Jones, 2020).", False),
    ("2019 kWh", "Strubell et al. (2019) estimate 626,155 lbs.", False),
    ("3 kWh", "see row 3 of the table: the energy was 40 kWh.", False),
    ("2 kWh", "Column 2 gives the energy: 40 kWh.", False),
    # the number itself, a unit its header prints, or a unit printed with it
    ("18", LEADERS, True), ("18%", "Share of emissions (%): China (18), India (12) and the United States (9).", True),
    ("12%", "Share of emissions (%): China (18), India (12) and the United States (9).", True),
    ("18 kWh", "Share of emissions (%): China (18), India (12) and the United States (9).", False),
    ("12 kWh", "Energy (kWh): BERT (12), GPT-2 (30)", True), ("12 Wh", "Energy (kWh): BERT (12), GPT-2 (30)", False),
    ("18%", "Coal (18%) leads.", True), ("92.3%", "Accuracy (92.3) was highest.", False),
    ("626,155 lbs", "training emits 626,155 lbs (Strubell et al., 2019).", True),
    ("2019 kWh", "Production, 2019 kWh in total", True), ("2019 kWh", "Production (2019 kWh) in total", True),
    ("2019 kWh", "the plant produced 2019 kWh in May", True),
])
def test_a_number_after_a_name_or_a_citations_year_takes_no_unit(value, quote, ok):
    judged(value, quote, ok)


_UNITS = ["kWh", "kg CO2e", "%", "GPUs", "hours", "L per 100 km", "Wh per 1,000 queries", "TFLOPS", "x", "lbs"]


def _hostile_quote(size: int) -> str:
    """A quote of nothing but figures, rates, names with a number in parentheses and lists."""
    parts, i = [], 0
    while sum(len(p) + 1 for p in parts) < size:
        parts.append(f"{i % 97 + 1}.{i % 7} {_UNITS[i % len(_UNITS)]}")
        i += 1
        if i % 3 == 0:
            parts.append(f"China ({i})")
        if i % 5 == 0:
            parts.append(f"{i}, {i + 1} and {i + 2} days")
    return " ".join(parts)[:size]


def _steps(value: str, quote: str) -> int:
    """How many Python steps (calls, lines, returns) value_in_quote takes: its work, whatever the
    machine's speed."""
    import sys

    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        count += 1
        return tracer

    sys.settrace(tracer)
    try:
        value_in_quote(value, quote)
    finally:
        sys.settrace(None)
    return count


def test_a_hostile_quote_costs_work_in_proportion_to_its_length():
    # Each number was compared with every other (a candidate's numbers, a number inside a spaced
    # one), each table cell read the whole quote before it, each rate read the quote again and pint
    # named every mismatch anew: 12,000 characters took seconds. The work is now a few hundred
    # steps a character (about 130 here; it was near 900), and doubling the quote doubles it.
    small, large = _hostile_quote(1200), _hostile_quote(2400)
    for quote in (small, large):        # units read once, as a knowledge base reads them once
        value_in_quote("999.9 kWh", quote)
    steps = [_steps("999.9 kWh", quote) for quote in (small, large)]
    assert steps[1] <= 300 * len(large)
    assert steps[1] <= 2.5 * steps[0]
    assert not value_in_quote("999.9 kWh", large).ok and value_in_quote("1.0 kWh", large).ok


@pytest.mark.parametrize("value, quote, ok", [
    # a power of ten whose superscript an extractor printed after a space
    ("1200 kWh", "it used 1.2 × 10 3 kWh", True), ("1.2e3 kWh", "it used 1.2 × 10 3 kWh", True),
    ("3.14e23 FLOP", "3.14 × 10 23 FLOPs", True), ("1e-4 kWh/query", "it used 1.0 × 10 −4 kWh per query", True),
    ("10 kWh", "it used 1.2 × 10 3 kWh", False), ("3 kWh", "it used 1.2 × 10 3 kWh", False),
    ("1.2 kWh", "it used 1.2 × 10 3 kWh", False), ("1.2e4 kWh", "it used 1.2 × 10 3 kWh", False),
    ("23 FLOP", "3.14 × 10 23 FLOPs", False), ("4 kWh/query", "it used 1.0 × 10 −4 kWh per query", False),
    ("10 GPUs", "we used 3 × 10 GPUs", True), ("30 GPUs", "we used 3 × 10 GPUs", False),
    # a range's first number is in its second's scale, never a figure without it
    ("2-3 billion parameters", "between 2 and 3 billion parameters", True),
    ("2 billion parameters", "between 2 and 3 billion parameters", True),
    ("2", "between 2 and 3 billion parameters", False), ("$2 million", "it cost $2-3 million", True),
    ("$2-3 million", "it cost $2-3 million", True), ("2M kWh", "it used 2–3M kWh", True),
    ("2 parameters", "between 2 and 3 billion parameters", False), ("$2", "it cost $2-3 million", False),
    ("2 kWh", "it used 2–3 million kWh", False), ("2 kWh", "it used 2–3M kWh", False),
    ("2-3 kWh", "it used 2–3M kWh", False), ("€2 million", "it cost $2-3 million", False),
    ("2-3 billion parameters", "between 2 and 3 parameters", False),
])
def test_a_power_of_ten_printed_apart_and_a_ranges_scale(value, quote, ok):
    judged(value, quote, ok)


@pytest.mark.parametrize("value, quote, per, ok", [
    # a rate's "per" in words is a per: its amount holds only with it
    ("5 kWh/day", "it uses 5 kWh each day", None, True), ("5 kWh/day", "it uses 5 kWh every day", None, True),
    ("5 kWh/day", "it uses 5 kWh a day", None, True), ("5 kWh/day", "it uses 5 kWh daily", None, True),
    ("5 kWh/query", "it uses 5 kWh for every query", None, True), ("$3/h", "it costs $3 an hour", None, True),
    ("5 kWh", "it uses 5 kWh each day", "day", True), ("5 kWh", "it uses 5 kWh for every query", "query", True),
    ("$3,000/run", "the cost was USD 3,000 for each run", None, True),
    ("$3,000/run", "the cost was $3,000 per run", None, True), ("$3,000", "the cost was USD 3,000 for each run", "run", True),
    ("5 kWh", "it uses 5 kWh each day", None, False), ("5 kWh", "it uses 5 kWh a day", None, False),
    ("5 kWh", "it uses 5 kWh daily", None, False), ("5 kWh", "it uses 5 kWh for every query", None, False),
    ("5 kWh/h", "it uses 5 kWh each day", None, False), ("5 kWh/year", "it uses 5 kWh a day", None, False),
    ("5 kWh/image", "it uses 5 kWh for every query", None, False), ("5 kWh", "it uses 5 kWh each day", "hour", False),
    ("$3", "it costs $3 an hour", None, False), ("$3,000", "the cost was USD 3,000 for each run", None, False),
    ("$3,000/image", "the cost was USD 3,000 for each run", None, False),
    ("$3,000/h", "the cost was $3,000 per run", None, False), ("€3,000/run", "the cost was USD 3,000 for each run", None, False),
    # "each" and "a" of no denominator; a share or a factor of its period
    ("20-40%", "consumption has grown by 20-40% annually in recent years", None, True),
    ("3x", "it grew 3x each year", None, True),
    ("300 W", "two GPUs drawing 300 W each, and", None, True), ("5 kWh", "it uses 5 kWh every time", None, True),
    # "for each of the runs" is per run as "for each run" is; "5 models each with 8 GPUs" 8 GPUs per model
    ("5 kWh", "it uses 5 kWh for each of the runs", None, False), ("8 GPUs", "5 models each with 8 GPUs", None, False),
    ("5 kWh", "it uses 5 kWh for each of the runs", "run", True), ("8 GPUs", "5 models each with 8 GPUs", "model", True),
])
def test_a_per_in_words_makes_a_rate(value, quote, per, ok):
    judged(value, quote, ok, per)


@pytest.mark.parametrize("value, quote, ok", [
    ("10x", "a tenfold increase", True), ("10 times", "a tenfold increase", True), ("10", "a tenfold increase", False),
    ("100x", "a hundred-fold increase", True), ("3x", "a threefold rise", True),
    ("100x", "a tenfold increase", False), ("10%", "a tenfold increase", False), ("10 kWh", "a tenfold increase", False),
    ("30x", "a threefold rise", False),
])
def test_a_fold_in_words_is_a_factor(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


@pytest.mark.parametrize("value, quote, ok", [
    # a count after a name in parentheses counts what its sentence names
    ("48 models", "the models in our sample were trained in the United States (48), followed by China (18)", True),
    ("3 GPUs", "we used the A100 (3) and V100 (4) GPUs", True),
    ("48 countries", "the models in our sample were trained in the United States (48), followed by China (18)", False),
    ("48 GPUs", "the models in our sample were trained in the United States (48), followed by China (18)", False),
    ("18 countries", "The largest emitters were China (18)", False),
    # after a plural noun, it counts that noun
    ("18 nodes", "Nodes (18) each had 8 GPUs", True), ("92 participants", "we asked participants (92) to rate", True),
    ("61 models", "the majority of models (61) from our sample used high-carbon energy", True),
    ("18 GPUs", "Nodes (18) each had 8 GPUs", False), ("92 models", "we asked participants (92) to rate", False),
    ("61 papers", "the majority of models (61) from our sample used high-carbon energy", False),
])
def test_a_count_after_a_name_counts_what_its_sentence_names(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok
