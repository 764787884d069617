"""A claim's figure read in its quote: a number in words a negation denies, "to" after a negation, a bound a verb of
going past gives ("exceeded", "did not exceed"), per cent written "pct" and its points, a currency sign after its
amount ("45 €/MWh"), masses in spelled prefixes ("33.1 gigatonnes"), and a plain mass of a CO2e figure refused with
the claim to write."""
import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote
from kb.quantities.units import parse_unit


@pytest.mark.parametrize("value, quote, ok", [
    # a number in words the quote denies is no figure of it; one it states is
    ("5 hours", "Training did not take five hours.", False),
    ("12 GPUs", "We did not use twelve GPUs.", False),
    ("25 models", "We never trained twenty-five models.", False),
    ("5 hours", "Training took five hours, not six.", True),
    ("6 hours", "Training took five hours, not six.", False),
    ("12 GPUs", "We did not use 8 GPUs but twelve GPUs.", True),
    ("3 models", "We do not report the other three models, which were trained for 12 hours.", True),
    # "to" after a negation is no bound's word: "do not sum to 100%" denies 100%
    ("100%", "The shares do not sum to 100% because of rounding.", False),
    ("10%", "The savings did not amount to 10% of the total.", False),
    ("5 kWh", "It did not rise to 5 kWh in 2021.", False),
    ("2x", "The speedup was not close to 2x.", False),
    ("5 kWh", "It rose to 5 kWh in 2021.", True),
    ("5 kWh", "Not to mention the 5 kWh spent on cooling.", True),
    ("2x", "The speedup was not unlike 2x.", True),
])
def test_denied_figures(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


@pytest.mark.parametrize("value, quote, ok", [
    ("at most 5 kWh", "Each job did not exceed 5 kWh.", True),
    ("more than 5 kWh", "Each job did not exceed 5 kWh.", False),
    ("at least 5 kWh", "Each job did not exceed 5 kWh.", False),
    ("more than 5 kWh", "The job exceeded 5 kWh.", True),
    ("less than 5 kWh", "The job exceeded 5 kWh.", False),
    ("over 90%", "Utilisation surpassed 90% during training.", True),
    ("under 90%", "Utilisation surpassed 90% during training.", False),
    ("at most 90%", "Utilisation never exceeded 90% during training.", True),
    ("over 90%", "Utilisation was 90% and never exceeded 95%.", False),
    ("90%", "Utilisation was 90% and never exceeded 95%.", True),
])
def test_a_verb_of_going_past_is_a_bound(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


@pytest.mark.parametrize("value, quote, ok", [
    ("12%", "Emissions fell by 12 pct over the period.", True),
    ("12 percent", "Emissions fell by 12 pct over the period.", True),
    ("13%", "Emissions fell by 12 pct over the period.", False),
    ("12 percentage points", "Emissions fell by 12 pct over the period.", False),
    ("12%", "Emissions rose 12 pct points over the period.", False),
    ("12%", "Emissions rose 12 pct. pts over the period.", False),
    ("12%", "Emissions rose 12 percent points over the period.", False),
    ("12%", "Emissions rose 12 % points over the period.", False),
    ("12%", "Emissions rose 12% points over the period.", False),
    ("12 percentage points", "Emissions rose 12 % points over the period.", True),
    ("12 pp", "Emissions rose 12 percent points over the period.", True),
    # a share in words is a level, never a difference of percentages
    ("33 percentage points", "One third of the water is lost.", False),
    ("more than 33 percentage points", "More than one third of the water is lost.", False),
    ("50 pp", "Half of the water is lost.", False),
    ("25 pp", "One in four papers reports energy.", False),
    ("33%", "One third of the water is lost.", True),
    ("5 pp", "The share rose 5 points, from 80% to 85%.", True),
])
def test_pct_and_points_of_a_percentage(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


@pytest.mark.parametrize("written, unit", [("pct", "percent"), ("% points", "percentage_point"),
                                          ("percent points", "percentage_point"), ("pct. pts", "percentage_point")])
def test_units_of_percentages(written, unit):
    assert str(parse_unit(written)) == unit


@pytest.mark.parametrize("value, quote, ok", [
    ("45 €/MWh", "The wholesale price averaged 45 €/MWh in 2022.", True),
    ("45 EUR/MWh", "The wholesale price averaged 45 €/MWh in 2022.", True),
    ("46 €/MWh", "The wholesale price averaged 45 €/MWh in 2022.", False),
    ("45 $/MWh", "The wholesale price averaged 45 €/MWh in 2022.", False),
    ("45 €/kWh", "The wholesale price averaged 45 €/MWh in 2022.", False),
    ("5 €/h", "A GPU costs 5 € per hour on demand.", True),
    ("5 $/h", "A GPU costs 5 € per hour on demand.", False),
    ("45 GBP/MWh", "Prices reached 45 £/MWh in winter.", True),
    ("45 EUR/MWh", "Prices reached 45 £/MWh in winter.", False),
])
def test_a_currency_sign_after_its_amount(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


def test_a_sign_starting_the_next_amount_is_not_the_first_ones():
    got = [(c.number, c.unit) for c in extract_candidates(["a 5 €10 note"])]
    assert ("5", "EUR") not in got


@pytest.mark.parametrize("value, quote, ok", [
    ("33.1 Gt CO2e", "Electricity adds up to 33.1 gigatonnes of CO2eq in 2019.", True),
    ("33.1 gigatonnes of CO2e", "Electricity adds up to 33.1 gigatonnes of CO2eq in 2019.", True),
    ("33.1 Mt CO2e", "Electricity adds up to 33.1 gigatonnes of CO2eq in 2019.", False),
    ("34.1 Gt CO2e", "Electricity adds up to 33.1 gigatonnes of CO2eq in 2019.", False),
    ("3.1 Mt", "The mine shipped 3.1 megatonnes of ore.", True),
    ("3.1 Gt", "The mine shipped 3.1 megatonnes of ore.", False),
    ("2.5 kt CO2e", "The site emitted 2.5 kilotonnes of CO2e.", True),
])
def test_masses_in_spelled_prefixes(value, quote, ok):
    assert value_in_quote(value, quote).ok is ok


@pytest.mark.parametrize("value, quote", [
    ("33.1 gigatonnes", "Electricity adds up to 33.1 gigatonnes of CO2eq in 2019."),
    ("5 t", "The run emitted 5 tonnes of CO2eq."),
    ("350 g/kWh", "The grid's intensity was 350 gCO2eq/kWh in 2021."),
    ("284 t", "emitted 626,155 lbs of CO2e"),
])
def test_a_plain_mass_of_a_co2e_figure_is_refused_saying_what_to_write(value, quote):
    got = value_in_quote(value, quote)
    assert not got.ok and got.problem and "CO2e" in got.problem
    assert value_in_quote(got.problem.rsplit("(", 1)[1].strip("')"), quote).ok


@pytest.mark.parametrize("value, quote", [
    ("552 kWh", "The plant emitted 552 tCO2e last year."),
    ("6 t", "The run emitted 5 tonnes of CO2eq."),
])
def test_a_wrong_mass_is_refused_without_that_advice(value, quote):
    got = value_in_quote(value, quote)
    assert not got.ok and not (got.problem and "plain mass" in got.problem)
