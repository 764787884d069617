"""Sweep 57 (bibtex16): a url field's LaTeX escapes (Mendeley's 'okafor\\_2021.pdf') read as the address they write,
in kb's record, CSL-JSON and kb export bib; a season in month or date as CSL-JSON's season."""

import pytest

from kb.ops.export import csl_date
from kb.sources.bibtex import BibFile, url_of_field
from kb.sources.metadata import from_bib_fields

URLS = [
    # (the url field as written; the address it writes)
    (r"https://example.org/papers/okafor\_2021\_models.pdf", "https://example.org/papers/okafor_2021_models.pdf"),
    (r"https://a.org/x{\_}y", "https://a.org/x_y"),                          # DBLP's braced escape
    (r"https://a.org/x\_{}y", "https://a.org/x_y"),
    (r"https://a.org/search?q=a\&b=2\#top", "https://a.org/search?q=a&b=2#top"),
    (r"https://a.org/my\%20file.pdf", "https://a.org/my%20file.pdf"),
    (r"https://a.org/\~{}jane/", "https://a.org/~jane/"),
    (r"\url{https://a.org/x\_y}", "https://a.org/x_y"),                      # a url field wrapped in \url
    ("  https://a.org/x  ", "https://a.org/x"),
]

KEPT = [
    # an address with nothing escaped, as written: a bare '_', '%20', '#', '~', '&'
    "https://a.org/plain_name%20x.pdf#page=2", "https://a.org/~jane/?a=1&b=2", "https://doi.org/10.1000/x_y",
    r"https://a.org/\emph{x}",      # a backslash before anything else: not an escape kb reads, kept
]


@pytest.mark.parametrize("written, address", URLS)
def test_a_url_fields_latex_escapes_are_the_characters_of_the_address(written, address):
    """Mendeley writes 'url = {https://x.org/a\\_b.pdf}': kb's record (kb show, CSL-JSON's URL) held the backslash,
    which no address holds (RFC 3986), a link that leads nowhere."""
    assert url_of_field(written) == address
    assert from_bib_fields("article", {"title": "T", "url": written}).url == address


@pytest.mark.parametrize("written", KEPT)
def test_an_address_with_no_escape_is_kept_as_written(written):
    assert url_of_field(written) == written
    assert from_bib_fields("misc", {"url": written}).url == written


def test_no_url_is_none():
    assert from_bib_fields("misc", {"title": "T"}).url is None


@pytest.mark.parametrize("written, address", URLS[:6])
def test_kb_export_bib_writes_the_address_biber_reads_verbatim(written, address):
    """biber reads url verbatim and the url package prints the backslash: the shaped export writes the address,
    says so, and --as-stored (the entry's own text) is unchanged."""
    bib = BibFile("@article{k, author = {A, B}, title = {T}, journal = {J}, year = {2021},\n"
                  f"  url = {{{written}}}}}\n")
    text, changes = bib.shaped_text("k")
    assert f"url = {{{address}}}" in text and written not in text
    assert [k for k, _ in changes] == ["url's LaTeX escapes as the characters"]
    assert written in bib.entry_text("k")


@pytest.mark.parametrize("written", KEPT[:3])
def test_kb_export_bib_leaves_an_address_with_no_escape_alone(written):
    bib = BibFile("@article{k, author = {A, B}, title = {T}, journal = {J}, year = {2021},\n"
                  f"  url = {{{written}}}}}\n")
    assert bib.shaped_text("k") == (bib.entry_text("k"), [])


SEASONS = [
    # (date, year, month; CSL's issued)
    (None, "2021", "summer", {"date-parts": [[2021]], "season": 2}),
    (None, "2021", "Summer", {"date-parts": [[2021]], "season": 2}),
    (None, "2019", "spring", {"date-parts": [[2019]], "season": 1}),
    (None, "2019", "Autumn", {"date-parts": [[2019]], "season": 3}),
    (None, "2019", "fall", {"date-parts": [[2019]], "season": 3}),
    (None, "2019", "Winter.", {"date-parts": [[2019]], "season": 4}),
    ("2021-22", None, None, {"date-parts": [[2021]], "season": 2}),         # biblatex's EDTF season: summer
    ("2021-21", None, None, {"date-parts": [[2021]], "season": 1}),
    ("2021-24", None, None, {"date-parts": [[2021]], "season": 4}),
]

NOT_SEASONS = [
    # not a season CSL has: EDTF's quarters and hemispheres, a season with a day, a range, a month
    ("2021-25", None, None, {"literal": "2021-25"}),
    ("2021-41", None, None, {"literal": "2021-41"}),
    ("2021-22-03", None, None, {"literal": "2021-22-03"}),
    ("2021-22/2022-21", None, None, {"literal": "2021-22/2022-21"}),
    (None, "2021", "summer 2", {"date-parts": [[2021]]}),
    (None, "2021", "midsummer", {"date-parts": [[2021]]}),
    (None, "2021", "jul", {"date-parts": [[2021, 7]]}),
    ("2021-07", None, None, {"date-parts": [[2021, 7]]}),
]


@pytest.mark.parametrize("date, year, month, issued", SEASONS + NOT_SEASONS)
def test_csl_json_dates_a_season_as_its_season(date, year, month, issued):
    """month = {summer} (a journal's issue) was the year alone in CSL-JSON, the season lost; biblatex's
    date = {2021-22} was a literal citeproc prints as written."""
    assert csl_date(date, year, month) == issued
