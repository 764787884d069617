"""Sweep 56 (bibtex15): what kb export csl-json reads of a BibTeX month field holding a meeting's days."""

import pytest

from kb.ops.export import csl_date

DAY_RANGES = [
    # (month as BibTeX reads it, its macros read, year; what CSL's issued must be)
    ("Oct~25--29", "2014", [[2014, 10, 25], [2014, 10, 29]]),        # ACL: month = oct # "~25--29"
    ("oct 25-29", "2014", [[2014, 10, 25], [2014, 10, 29]]),
    ("Oct. 25 -- 29", "2014", [[2014, 10, 25], [2014, 10, 29]]),
    ("October 25\u201329", "2014", [[2014, 10, 25], [2014, 10, 29]]),
    ("25--29 Oct", "2014", [[2014, 10, 25], [2014, 10, 29]]),
    ("1--5~June", "2020", [[2020, 6, 1], [2020, 6, 5]]),
    ("Dec~8--14", "2019", [[2019, 12, 8], [2019, 12, 14]]),
    ("Feb~28--29", "2020", [[2020, 2, 28], [2020, 2, 29]]),            # a leap year's last day of February
    ("Oct~30--Nov~2", "2021", [[2021, 10, 30], [2021, 11, 2]]),        # two months, each with its day
]

NOT_READ = [
    # a day the month never has, days in the wrong order, a day alone, a range with no month: the year alone
    ("Oct~29--25", "2014"), ("Oct~25--25", "2014"), ("Oct~25--45", "2014"), ("Feb~28--30", "2019"),
    ("Feb~28--29", "2019"), ("Sep~31", "2019"), ("Apr~30--31", "2019"), ("25--29", "2014"), ("Oct--29", "2014"),
    ("29--25 Oct", "2014"), ("Oct~25--29--31", "2014"), ("summer~25--29", "2014"),
]


@pytest.mark.parametrize("month, year, expected", DAY_RANGES)
def test_csl_json_reads_a_range_of_days_in_one_month(month, year, expected):
    """month = oct # "~25--29" (a conference's days, as ACL's and DBLP's entries write them): CSL-JSON's issued was
    the year alone, the month lost; now each end of the range."""
    assert csl_date(None, year, month) == {"date-parts": expected}


@pytest.mark.parametrize("month, year", NOT_READ)
def test_csl_json_reads_no_day_a_month_does_not_have_nor_a_range_it_cannot_order(month, year):
    assert csl_date(None, year, month) == {"date-parts": [[int(year)]]}


@pytest.mark.parametrize("month, day, year, expected", [
    ("sep", "30", "2019", [[2019, 9, 30]]), ("sep", "31", "2019", [[2019, 9]]),
    ("feb", "29", "2020", [[2020, 2, 29]]), ("feb", "29", "2019", [[2019, 2]]),
])
def test_csl_json_keeps_a_day_field_only_where_the_month_has_it(month, day, year, expected):
    """biblatex's day = {31} of month = sep: CSL got 31 September."""
    assert csl_date(None, year, month, day) == {"date-parts": expected}
