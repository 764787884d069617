"""Reference strings and names of sweep 52 (refs17): a firm's 'Corporation' or 'Company' no part of its key, as its
'LLC' or 'Inc.' is, unless the name is nothing without it ('{Company of Biologists}', '{The Company}', 'Smith &
Company'), keyed one way in references.bib and reference lists."""

import pytest

from kb.text.names import author_key, first_author_key, legal_form_at, split_names
from kb.text.refs import PaperIndex, PaperInfo, parse_entry


@pytest.mark.parametrize("bib, key", [
    ("{Microsoft Corporation}", "microsoft"),
    ("{Microsoft Corp.}", "microsoft"),
    ("{NVIDIA Corporation}", "nvidia"),
    ("{RAND Corporation}", "rand"),
    ("{Sony Group Corporation}", "sonygroup"),
    ("{Toyota Motor Corporation}", "toyotamotor"),
    ("{Ford Motor Company}", "fordmotor"),
    ("{The Coca-Cola Company}", "thecocacola"),
    ("{Apple Incorporated}", "apple"),
    ("Microsoft Corporation", "microsoft"),
    # the word is the name, or the name is nothing without it: kept
    ("{Company of Biologists}", "companyofbiologists"),
    ("{Corporation for National Research Initiatives}", "corporationfornationalresearchinitiatives"),
    ("{Company}", "company"),
    ("{Corporation}", "corporation"),
    ("{The Company}", "thecompany"),
    ("{Smith \\& Company}", "smithandcompany"),
    ("{Smith and Company}", "smithandcompany"),
    ("{Smith & Co.}", "smithandco"),          # (was 'smithand': the '&' left at the end)
])
def test_corporation_and_company_close_a_firms_name_as_its_legal_form(bib: str, key: str) -> None:
    assert author_key(bib) == key


@pytest.mark.parametrize("name, at", [
    ("Microsoft Corporation", 9), ("Ford Motor Company", 10), ("Samsung Electronics Co., Ltd.", 19),
    ("Company", None), ("The Company", None), ("Smith & Company", None), ("Society of Company", None),
    ("Company of Biologists", None), ("Corporation", None), ("Google", None),
])
def test_where_a_legal_form_begins(name: str, at: int | None) -> None:
    assert legal_form_at(name) == at


@pytest.mark.parametrize("text, key, bib", [
    ("Microsoft Corporation. 2020. Environmental report. Redmond, WA.", "microsoft", "{Microsoft}"),
    ("Microsoft. 2020. Environmental report. Redmond, WA.", "microsoft", "{Microsoft Corporation}"),
    ("NVIDIA Corporation (2020). Environmental report. Santa Clara, CA.", "nvidia", "{NVIDIA Corp.}"),
    ("Ford Motor Company. 2020. Environmental report. Dearborn, MI.", "fordmotor", "{Ford Motor Company}"),
    ("The Coca-Cola Company (2020). Environmental report. Atlanta, GA.", "thecocacola", "{The Coca-Cola Company}"),
    ("Smith & Company. 2020. Environmental report. London.", "smithandcompany", "{Smith \\& Company}"),
    ("Company of Biologists (2020). Environmental report. Cambridge, UK.", "companyofbiologists",
     "{Company of Biologists}"),
    ("The Company (2020). Environmental report. London.", "thecompany", "{The Company}"),
])
def test_a_reference_to_a_firm_links_to_its_entry(text: str, key: str, bib: str) -> None:
    e = parse_entry(text)
    assert (e.first_author, e.year) == (key, 2020)
    paper = PaperInfo("firm", title="Environmental Report", year=2020, first_author=first_author_key(split_names(bib)))
    assert PaperIndex([paper]).resolve(e).citekey == "firm"


@pytest.mark.parametrize("text, bib", [
    ("Microsoft Corporation. 2020. Environmental report. Redmond, WA.", "{Apple Inc.}"),
    ("Company of Biologists (2020). Environmental report. Cambridge, UK.", "{Company Inc.}"),
    ("Ford Motor Company. 2020. Environmental report. Dearborn, MI.", "{Ford Credit Company}"),
    ("The Company (2020). Environmental report. London.", "{The}"),
])
def test_a_reference_to_a_firm_never_links_to_another(text: str, bib: str) -> None:
    paper = PaperInfo("firm", title="Environmental Report", year=2020, first_author=first_author_key(split_names(bib)))
    assert PaperIndex([paper]).resolve(parse_entry(text)) is None


@pytest.mark.parametrize("value, text", [
    ("Energy & Policy", "Energy & Policy"),
    ("Energy \\& Policy", "Energy & Policy"),
    ("{Energy & Policy}", "Energy & Policy"),
    ("R&D in AI: {Q&A} Systems", "R&D in AI: Q&A Systems"),
    ("AT&T", "AT&T"),
    ("\\textit{R&D} spending -- 2020", "R&D spending – 2020"),
    ("$\\alpha$-stable & heavy-tailed", "α-stable & heavy-tailed"),
    ("Energy &amp; Policy", "Energy & Policy"),
    ("Rock & Roll 40% of the time", "Rock & Roll 40% of the time"),
])
def test_a_bare_ampersand_is_the_one_its_writer_meant(value: str, text: str) -> None:
    # (LaTeX's alignment tab, which pylatexenc reads as a space: 'Energy & Policy' was shown 'Energy Policy')
    from kb.text.latex import latex_to_text

    assert latex_to_text(value) == text


def test_an_entry_with_a_bare_ampersand_renders_it() -> None:
    from kb.store.index import paper_row

    row = paper_row("doe2020", "article", {"title": "Energy & Policy: R&D in {AT&T}", "journal": "Energy & Environment",
                                           "author": "Doe, Jane and {Procter & Gamble}", "year": "2020"}, 0)
    assert row["title"] == "Energy & Policy: R&D in AT&T"
    assert "Procter & Gamble" in row["authors"]
    assert author_key("{Procter & Gamble}") == author_key("{Procter \\& Gamble}") == "procterandgamble"
