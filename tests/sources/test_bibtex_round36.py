"""BibTeX as exporters and people write it: read as BibTeX reads it, never refused or
misread where BibTeX reads it plainly."""

from __future__ import annotations

import pytest

from kb.errors import FileFormatError
from kb.sources.bibtex import BibFile, compare_reading, cross_check

# -- a month macro joined to text: pybtex spells it out ("June"), kb writes "Jun" -----------------

MONTH_JOINED = {
    "ACL's days after the month": '@inproceedings{a, title = {T}, year = 2007, month = jun # " 25--29"}\n',
    "a tie before the day": '@inproceedings{a, title = {T}, year = 2020, month = sep # "~1"}\n',
    "a month in a note": '@misc{a, title = {T}, note = "Accepted " # jun # { 2020}}\n',
    "two months": '@misc{a, title = {T}, month = jan # "--" # feb}\n',
}


@pytest.mark.parametrize("name", MONTH_JOINED)
def test_a_month_macro_joined_to_text_is_read_alike_by_both_readings(name):
    cross_check(BibFile(MONTH_JOINED[name], "m.bib"))       # was 'read two ways', the file refused


def test_a_month_the_second_reading_reads_otherwise_is_still_refused():
    bib = BibFile(MONTH_JOINED["ACL's days after the month"], "m.bib")
    with pytest.raises(FileFormatError, match="'month': read two ways"):
        compare_reading(bib, {"entries": {"a": {"title": "T", "year": "2007", "month": "July 25--29"}}})
