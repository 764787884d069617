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


@pytest.mark.parametrize("name, bibtex", [
    # the family name printed in capitals before the given names: family name first
    ("KIM Minjun", "KIM, Minjun"),
    ("PARK Ji-woo", "PARK, Ji-woo"),
    ("PARK Ji-Woo", "PARK, Ji-Woo"),
    ("KIM Min Jun", "KIM, Min Jun"),
    ("WANG Xiaoming", "WANG, Xiaoming"),
    ("NGUYEN Van An", "NGUYEN, Van An"),
    ("DUPONT Jean", "DUPONT, Jean"),
    # ... after the given names, or order shown otherwise: as before
    ("Minjun KIM", "KIM, Minjun"),
    ("Minjun Kim", "Kim, Minjun"),
    ("M. Kim", "Kim, M."),
    ("Kim M.", "Kim, M."),
    ("Kim Min-jun", "Kim, Min-jun"),
    ("Kim, Minjun", "Kim, Minjun"),
    # nothing shows the order: BibTeX's reading kept, never a guess from a list of family names
    ("Kim Minjun", "Minjun, Kim"),
    ("Park Jiwoo", "Jiwoo, Park"),
    # initials in capitals, a short word in capitals, all in capitals: no family name marked
    ("AJ Smith", "Smith, AJ"),
    ("JRR Tolkien", "Tolkien, JRR"),
    ("LI Wei", "Wei, LI"),
    ("JOHN SMITH", "SMITH, JOHN"),
])
def test_a_family_name_in_capitals_before_the_given_names_is_first(name: str, bibtex: str) -> None:
    from kb.text.names import to_bibtex_name

    assert to_bibtex_name(name) == bibtex


@pytest.mark.parametrize("name, keys", [
    ("KIM Minjun", {"kim", "minjun"}),       # (BibTeX's own reading of it as written kept, the family name's added)
    ("PARK Ji-woo", {"park", "jiwoo"}),
    ("Kim Min-jun", {"kim", "minjun"}),
    ("Kim Minjun", {"minjun"}),
    ("Minjun Kim", {"kim"}),
    ("Minjun KIM", {"kim"}),
    ("Kim, Minjun", {"kim"}),
    ("AJ Smith", {"smith"}),
])
def test_the_keys_a_citation_may_give_a_name(name: str, keys: set[str]) -> None:
    from kb.text.names import cited_keys

    assert cited_keys(name) == keys


@pytest.mark.parametrize("text, key", [
    ("KIM Minjun, PARK Jiwoo. 2021. Learning to rank Korean documents. In Proceedings of ACL.", "kim"),
    ("Kim Min-jun, Park Ji-woo. 2021. Learning to rank Korean documents. In Proceedings of ACL.", "kim"),
    ("Minjun Kim, Jiwoo Park, and Seojun Lee. 2021. Learning to rank Korean documents. In Proceedings of ACL.", "kim"),
    ("Kim MJ, Park JW. Learning to rank Korean documents. Proc ACL. 2021.", "kim"),
    ("Kim, M.-J., & Park, J.-W. (2021). Learning to rank Korean documents. ACL.", "kim"),
    ("M. Kim, J. Park, Learning to rank Korean documents, in: Proc. ACL, 2021.", "kim"),
    ("Kim Minjun and Park Jiwoo. 2021. Learning to rank Korean documents. In Proceedings of ACL.", "minjun"),
])
def test_a_korean_name_in_a_reference(text: str, key: str) -> None:
    e = parse_entry(text)
    assert (e.first_author, e.year, e.title) == (key, 2021, "Learning to rank Korean documents")


@pytest.mark.parametrize("name", ["MIT Press", "UCL Press", "OECD Publishing", "BMJ Group", "AMD Research"])
def test_an_acronym_and_a_word_of_bodies_names_is_no_family_name_first(name: str) -> None:
    from kb.text.names import family_name_first

    assert not family_name_first(name.split())
