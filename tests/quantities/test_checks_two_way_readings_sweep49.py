"""kb check says in the check's line, once, how it read a stated figure, or a figure it rests on, that reads two
ways: "3 times more" as 3 times as much (never 4 times), "12 times less" as 1/12, "billion" as 10^9,
"gallons" as US gallons, "MT" as metric tonnes, "GB" as 10^9 bytes, "cal" as the small calorie, "miles" as
statute miles, "pounds" as mass; where it said nothing and a writer could not tell which reading passed."""

from __future__ import annotations

import pytest

from kb.quantities.checks import format_line, run_check
from kb.quantities.expr import resolver

FIGURES = resolver({"a": "10 kWh", "b": "30 kWh", "w": "2 gallons", "m": "5 MT", "s": "3 miles"})


@pytest.mark.parametrize("stated, expr, said", [
    ("3 times more", "b / a", "3 times as much, never 1 + 3 = 4 times"),
    ("3x higher", "b / a", "3 times as much, never 1 + 3 = 4 times"),
    ("three times more", "b / a", "3 times as much, never 1 + 3 = 4 times"),
    ("3 times less", "a / b", "1/3 of the other figure"),
    ("1 billion kWh", "a * 1e8", "'billion' as 10^9"),
    ("0.3B kWh", "a * 3e7", "'billion' as 10^9"),
    ("7.57 L", "w", "US gallons"),
    ("5,000 kg", "m", "metric tonnes"),
    ("10 GB", "a / a * 1e10 B", "powers of 1,000 bytes"),
    ("4 cal", "a / a * 4 cal", "small calorie"),
    ("4.8 km", "s", "statute miles"),
    ("5 pounds", "a / a * 5 lb", "pounds of mass"),
])
def test_a_figure_that_reads_two_ways_says_once_how_it_was_read(stated, expr, said):
    result = run_check("c", stated, expr, FIGURES)
    line = format_line(result)
    assert line.count(said) == 1 and len(result.readings) == 1 and "\n" not in line



@pytest.mark.parametrize("stated, expr, other, other_expr", [
    ("-7 %", "v3 - v1", "2 %", "1 - 0.98"),
    ("7 %", "v1 - v3", "-44 %", "(v3 - v1) / v1"),
    ("-7 %", "share_v3 - share_v1", "-44 %", "(share_v3 - share_v1) / share_v1"),
])
def test_a_percentage_recomputed_as_a_difference_of_percentages_is_said_to_be_points(stated, expr, other, other_expr):
    from kb.quantities.userunits import UserUnits
    shares = UserUnits({"share_v3": "9 %", "share_v1": "16 %"})
    figures = resolver({"v3": "9 %", "v1": "16 %"})
    result = run_check("c", stated, expr, figures, units=shares)
    assert result.verdict == "pass" and format_line(result).count("as percentage points") == 1
    no_difference = run_check("c", other, other_expr, figures, units=shares)
    assert no_difference.verdict == "pass" and "percentage points" not in format_line(no_difference)
