"""BibTeX as exporters and people write it: read as BibTeX reads it, never refused or
misread where BibTeX reads it plainly."""

from __future__ import annotations

import pytest

from kb.errors import FileFormatError
from kb.sources.bibtex import BibFile, compare_reading, cross_check
from kb.sources.metadata import from_bib_fields

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


# -- a DOI as exporters write it -----------------------------------------------------------------

DOIS = {
    "JabRef's link": ({"doi": "https://doi.org/10.1038/s41586-020-0001-1"}, "10.1038/s41586-020-0001-1"),
    "Crossref's old link": ({"doi": "http://dx.doi.org/10.1007/BF01700692"}, "10.1007/bf01700692"),
    "after doi:": ({"doi": "doi:10.1145/3442188.3445922"}, "10.1145/3442188.3445922"),
    "after DOI and a space": ({"doi": "DOI: 10.1145/3442188.3445922"}, "10.1145/3442188.3445922"),
    "Mendeley's escaped underscore": ({"doi": "10.1007/978-3-319-24574-4\\_28"}, "10.1007/978-3-319-24574-4_28"),
    "a link percent-encoded": ({"doi": "https://doi.org/10.1002/%28SICI%291097-4636"}, "10.1002/(sici)1097-4636"),
    "a url to doi.org and no doi": ({"url": "https://doi.org/10.1109/CVPR.2016.90"}, "10.1109/cvpr.2016.90"),
    "plain": ({"doi": "10.18653/v1/N19-1423"}, "10.18653/v1/n19-1423"),
    "a doi field before the url": ({"doi": "10.1234/a", "url": "https://doi.org/10.5678/b"}, "10.1234/a"),
    "no DOI at all": ({"doi": "see the publisher's site"}, None),
    "a url elsewhere": ({"url": "https://example.org/10.1109/x"}, None),
}


@pytest.mark.parametrize("name", DOIS)
def test_a_doi_is_read_as_exporters_write_it(name):
    fields, doi = DOIS[name]
    assert from_bib_fields("article", {"title": "T", **fields}).doi == doi
