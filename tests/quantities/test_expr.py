"""Check expressions: parsed by hand, evaluated over intervals, hostile input refused fast."""

from __future__ import annotations

import pytest

from kb.errors import NotFound, UsageError
from kb.quantities.expr import MAX_DEPTH, evaluate, names, parse, resolver
from kb.quantities.interval import Interval
from kb.quantities.userunits import UserUnits

FIGURES = resolver({
    "image_gen_max": "11.49 kWh",
    "smartphone_charge": "0.012 kWh",
    "strubell2019energy.nas_co2e": "626,155 lbs CO2e",
    "patterson2021carbon.nas_co2e_restated": "284 tCO2e",
    "zero_energy": Interval.exact(0, "kWh"),
    "around_zero": "0 kWh",
})


def ev(text: str, units: UserUnits | None = None) -> Interval:
    return evaluate(parse(text, units=units), FIGURES, units=units)


@pytest.mark.parametrize("text, rendered", [
    ("image_gen_max / smartphone_charge", "image_gen_max / smartphone_charge"),
    ("11.49 kWh / (1000 image)", "11.49 kWh / (1000 image)"),
    ("1 smartphone_charge per image", "1 * smartphone_charge / image"),
    ("x / 1000 image", "x / (1000 image)"),
    ("2 x", "2 * x"),
    ("1,287 MWh * 0.429 kg CO2e / kWh", "1,287 MWh * 0.429 kg CO2e / kWh"),
    ("3.14E+23 FLOPs / 1e15", "3.14E+23 FLOPs / 1e15"),
    ("-(a - b) ^ 2", "-(a - b)^2"),
    ("a − b × c ÷ d", "a - b * c / d"),
    ("a ** -2", "a^-2"),
    ("16 % * x", "16 % * x"),
    ("strubell2019energy.nas_co2e / patterson2021carbon.nas_co2e_restated",
     "strubell2019energy.nas_co2e / patterson2021carbon.nas_co2e_restated"),
    ("a - (b - c)", "a - (b - c)"),
    ("(a - b) - c", "a - b - c"),
])
def test_parse_and_render(text, rendered):
    assert str(parse(text)) == rendered


def test_names_in_order():
    assert names(parse("b / (a + b) * kWh")) == ["b", "a", "kWh"]


def test_literals_are_exact_and_names_carry_precision():
    v = ev("image_gen_max / smartphone_charge")
    assert (round(v.lo, 1), round(v.nominal, 1), round(v.hi, 1)) == (918.8, 957.5, 999.6)
    assert v.unit_text == ""  # kWh / kWh
    lit = ev("11.49 kWh / (1000 image)")
    assert lit.is_exact
    assert lit.nominal == pytest.approx(0.01149)
    assert lit.unit_text == "kWh/image"


def test_thousands_scientific_and_per():
    assert ev("1,287 MWh").to("kWh").nominal == pytest.approx(1287000)
    assert ev("3.14E+23 FLOP").nominal == pytest.approx(3.14e23)
    per = ev("image_gen_max per image")
    assert per.unit_text == "kWh/image"
    assert ev("2 ^ 10").nominal == 1024
    assert ev("2 ^ -1").nominal == 0.5
    assert ev("-3 + 5").nominal == 2
    assert ev("16 %").to("").nominal == pytest.approx(0.16)


def test_units_juxtaposed_by_several_words():
    v = ev("626155 lb CO2e")
    assert v.unit_text == "lbCO2e"


def test_a_number_before_a_constant_multiplies_it():
    v = ev("1 smartphone_charge per image")
    assert (v.lo, v.nominal, v.hi) == (0.0115, 0.012, 0.0125)
    assert v.unit_text == "kWh/image"


def test_cross_paper_units_convert():
    v = ev("strubell2019energy.nas_co2e - patterson2021carbon.nas_co2e_restated")
    assert v.unit_text == "lbCO2e"
    assert v.to("tCO2e").nominal == pytest.approx(0.0191304, rel=1e-4)
    ratio = ev("strubell2019energy.nas_co2e / patterson2021carbon.nas_co2e_restated")
    assert ratio.unit_text == ""
    assert ratio.nominal == pytest.approx(1.0000674, rel=1e-6)


def test_adding_different_dimensions_is_an_error():
    with pytest.raises(UsageError, match=r"cannot add in 'image_gen_max \+ 1 kg': unit mismatch"):
        ev("image_gen_max + 1 kg")
    with pytest.raises(UsageError, match="cannot subtract"):
        ev("strubell2019energy.nas_co2e - 1 kg")


def test_user_unit_as_a_name():
    units = UserUnits({"smartphone_charge_v3": "0.022 kWh"})
    v = ev("image_gen_max / smartphone_charge_v3", units).to("", units)
    assert round(v.nominal, 1) == 522.3


def test_undefined_name_suggests_close_names():
    with pytest.raises(NotFound) as exc:
        ev("image_gen_mx / smartphone_charge")
    assert str(exc.value) == ("undefined name 'image_gen_mx' in the expression "
                              "(did you mean image_gen_max?)")


def test_division_by_zero():
    with pytest.raises(UsageError, match=r"division by zero in 'image_gen_max / zero_energy'"):
        ev("image_gen_max / zero_energy")
    # "0 kWh" as written is 0 ± 0.5 kWh: it may be zero, so dividing by it is refused too
    with pytest.raises(UsageError, match="division by zero"):
        ev("image_gen_max / around_zero")
    with pytest.raises(UsageError, match="division by zero"):
        ev("1 / (2 - 2)")


def test_trace_lists_each_step():
    trace: list[str] = []
    evaluate(parse("image_gen_max / smartphone_charge"), FIGURES, trace=trace)
    assert trace == [
        "image_gen_max = 11.49 kWh (11.485 … 11.495 kWh), ±0.005, written '11.49 kWh'",
        "smartphone_charge = 0.012 kWh (0.0115 … 0.0125 kWh), ±0.0005, written '0.012 kWh'",
        "image_gen_max / smartphone_charge = 957.5 (918.8 … 999.6)",
    ]


@pytest.mark.parametrize("text, message", [
    ("", "empty expression"),
    ("a + * b", "expected a number, a name or '(', found '*' at position 5"),
    ("(a + b", "expected ')', found the end of the expression (near '(a + b')"),
    ("a b", "expected an operator before 'b' at position 3"),
    ("2 x y", "expected an operator before 'y'"),
    ("12,34,567 kWh", "malformed number"),               # "1,28 kWh" is 1.28 kWh: a decimal comma
    ("f(1)", "calls are not allowed"),
    ("a ^ b", "expected an integer power"),
    ("a ^ 2 ^ 3", "chained powers"),
    ("a ^ 100", "power too large"),
    ("% 5", "expected a number before '%'"),
    ("a.", "a dotted name must continue with a letter"),
    ("a = 1", "'=' is not allowed"),
])
def test_parse_errors_say_where_and_what(text, message):
    with pytest.raises(UsageError) as exc:
        parse(text)
    assert message in str(exc.value)


HOSTILE = [
    '__import__("os").system("x")',
    "__import__('os')",
    "open('/etc/passwd')",
    "().__class__",
    "().__class__.__bases__[0].__subclasses__()",
    "lambda: 1",
    "[x for x in y]",
    "a[0]",
    "a.__class__",
    "x if y else z",
    "eval('1')",
    "exec",  # a bare name is fine to parse, but resolves to nothing
    "{'a': 1}",
    "a; b",
    "b'x'",
    "1 if 1 else 2",
    "\\x41",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_expressions_are_rejected(text):
    with pytest.raises((UsageError, NotFound)):
        evaluate(parse(text), FIGURES)


def test_hostile_error_messages():
    with pytest.raises(UsageError, match="strings are not allowed at position 12"):
        parse('__import__("os").system("x")')
    with pytest.raises(UsageError, match="strings are not allowed at position 6"):
        parse("open('/etc/passwd')")
    with pytest.raises(UsageError, match="attribute access is not allowed .* at position 3"):
        parse("().__class__")
    with pytest.raises(UsageError, match="expected an expression inside"):
        parse("()")
    with pytest.raises(UsageError, match="attribute access is not allowed .* at position 4"):
        parse("(a).__class__")
    with pytest.raises(UsageError, match="unexpected character '.' at position 4"):
        parse("(a).")
    with pytest.raises(NotFound, match="undefined name 'exec'"):
        evaluate(parse("exec"), FIGURES)


def test_deep_nesting_is_refused():
    ok = "(" * (MAX_DEPTH - 1) + "1" + ")" * (MAX_DEPTH - 1)
    assert ev(ok).nominal == 1
    for depth in (MAX_DEPTH + 1, 4_999):
        text = "(" * depth + "1" + ")" * depth
        with pytest.raises(UsageError, match="nested too deeply"):
            parse(text)
    with pytest.raises(UsageError, match="nested too deeply"):
        parse("-" * 5_000 + "1")


def test_ten_thousand_parens_and_a_megabyte_are_refused():
    # benchmarks/hostile.py times these refusals
    for text in ("(" * 10_000 + "1" + ")" * 10_000, "1+" * 500_000 + "1", "a" * 1_000_000):
        with pytest.raises(UsageError, match="expression too long"):
            parse(text)


def test_long_chains_are_capped():
    assert ev("+".join(["1"] * 150)).nominal == 150
    with pytest.raises(UsageError, match="more than 200 operations"):
        parse("+".join(["1"] * 1_000))


def test_quoted_citekeys_name_claims_of_any_paper():
    from kb.quantities.expr import names, parse

    assert names(parse("`le-scao-rush-2021-many`.x * 2")) == ["le-scao-rush-2021-many.x"]
    assert names(parse("le_scao_rush_2021_many.x / `DBLP:series/sci/2023-1062`.y_z")) == [
        "le_scao_rush_2021_many.x", "DBLP:series/sci/2023-1062.y_z"]
    import pytest as _pytest

    from kb.errors import UsageError
    with _pytest.raises(UsageError, match="never closed"):
        parse("`open.x")


@pytest.mark.parametrize("text, nominal, unit", [
    ("30M", 3e7, ""), ("30M paper", 3e7, "paper"), ("2.5bn kWh", 2.5e9, "kWh"), ("3B", 3e9, ""),
    ("13K image", 13e3, "image"), ("2k * 3 kWh", 6e3, "kWh"), ("150 million kWh", 1.5e8, "kWh"),
    ("2 billion", 2e9, ""), ("1,287k", 1.287e6, ""), ("4 thousand", 4e3, ""),
    ("30Mt", 30, "Mt"), ("5 MWh", 5, "MWh"),                       # a unit's prefix is no scale
])
def test_a_scale_after_a_number_multiplies_it(text, nominal, unit):
    """As Interval.from_written and the quote reading read "30M": never 30 molar."""
    v = ev(text)
    assert v.nominal == pytest.approx(nominal) and v.unit_text == unit
    if text[0].isdigit() and "*" not in text:
        assert Interval.from_written(text).nominal == pytest.approx(nominal)


@pytest.mark.parametrize("text", ["1e99999999", "2e-99999 kWh", "1e" + "9" * 40, "x * 1e400", "1e99999M"])
def test_a_number_out_of_range_is_refused(text):
    with pytest.raises(UsageError) as exc:
        parse(text)
    assert "out of range" in exc.value.message
