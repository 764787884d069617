"""BibFile.shaped_text: an entry shaped to biber's data model for `kb export bib`,
the rest of its text as written; and the data model facts it rests on (bibmodel)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kb.sources.bibmodel import known_type, missing_mandatory, valid_datum, valid_field
from kb.sources.bibtex import BibFile

MESSY = r"""@string{ieee = "IEEE"}

@article{crossref, title = {On {X}}, author = {Doe, Jane}, journal = {J},
  year = 2001, month = {June}, publisher = ieee, volume = {38-38}, note = "Old note."}
@inproceedings{acl, title = "T", author = "A, B", booktitle = "Proc", year = "2004",
  month = may # " 2 - " # may # " 7"}
@book{dblp:x/y, author = {A B}, title = {T}, year = {2023}, isbn = {978-3-031-16399-9},
  timestamp = {Tue, 04 Oct 2022}, biburl = {https://dblp.org/rec/x.bib}, bibsource = {dblp}}
@book{edited, editor = {A B}, title = {T}, year = {2020}, publisher = {P}, isbn = {12}}
@incollection{chapter, author = {A B}, title = {T}, booktitle = {B}, year = {2020}, publisher = {P}}
@techreport{report, author = {A B}, title = {T}, year = {1999}, publisher = {Stanford}}
@webpage{web, title = {T}, url = {http://example.org}, year = {2020}, month = {13}}
@misc{pre, title = {T}, year = {c1999}, issn = {1234-5678}}
@article{clean, author = {A B}, title = {T}, journal = {J}, year = {2020}, month = jun, volume = {3}}
@misc{undated, title = {T}}
"""


def shaped(key: str) -> tuple[str, dict[str, str]]:
    text, changes = BibFile(MESSY).shaped_text(key)
    return text, dict(changes)


def test_a_clean_entry_is_kept_byte_for_byte():
    bib = BibFile(MESSY)
    assert bib.shaped_text("clean") == (bib.entry_text("clean"), [])


def test_crossref_article_publisher_month_and_volume():
    text, changes = shaped("crossref")
    assert set(changes) == {"publisher dropped", "month as a macro", "volume of one number as it"}
    assert "month = jun," in text and "publisher =" not in text and "volume = {38}," in text
    assert 'note = "Old note."' in text                                 # Crossref's '38-38' is the volume 38
    assert "title = {On {X}}" in text and "year = 2001" in text          # the rest as written


def test_acl_month_expression_becomes_the_macro_and_its_days_go_to_note():
    """Nothing of the value is lost: the conference's days are kept in note."""
    text, changes = shaped("acl")
    assert changes == {"month as a macro, the rest in note": 'month may # " 2 - " # may # " 7" as may, the text in note'}
    assert 'year = "2004",\n  month = may' in text
    assert "note = {month May 2 - May 7}" in text


@pytest.mark.parametrize("month", ["may", "{May}", '"May"', "{May.}", "5", "{5}"])
def test_a_month_alone_becomes_the_macro_with_nothing_in_note(month):
    text, changes = BibFile(f"@article{{k, title = {{T}}, author = {{A, B}}, journal = {{J}}, year = 2004, "
                            f"month = {month}}}\n").shaped_text("k")
    assert "note" not in text and "month = may" in text
    assert set(dict(changes)) <= {"month as a macro"}


def test_dblp_record_fields_dropped_and_valid_isbn_kept():
    text, changes = shaped("dblp:x/y")
    assert set(changes) == {"timestamp dropped", "biburl dropped", "bibsource dropped"}
    assert "isbn = {978-3-031-16399-9}" in text and "dblp.org" not in text


def test_types_missing_mandatory_fields_fall_back():
    assert shaped("edited")[0].startswith("@collection{edited,")
    assert "@book as @collection" in shaped("edited")[1]
    text, changes = shaped("chapter")
    assert text.startswith("@inbook{chapter,") and "publisher = {P}" in text        # no editor: a chapter
    text, changes = shaped("report")
    assert "publisher as institution" in changes and "institution = {Stanford}" in text
    assert text.startswith("@techreport{")
    text, changes = shaped("web")
    assert text.startswith("@misc{web,") and "@webpage as @misc" in changes
    assert "month moved to note" in changes and "note = {month 13}" in text


def test_year_with_a_letter_and_bad_isbn():
    text, changes = shaped("pre")
    assert "year = {1999}" in text and "issn" not in text.split("note")[0]
    assert "note = {year c1999}" in text
    assert set(changes) == {"year as a number", "issn dropped"}       # @misc takes no issn
    text, changes = shaped("edited")
    assert "isbn moved to note" in changes and "note = {isbn 12}" in text


def test_what_cannot_be_fixed_is_said():
    text, changes = shaped("undated")
    assert text == BibFile(MESSY).entry_text("undated")
    assert "no year or date (biber warns)" in changes


def test_data_model_facts():
    assert valid_field("article", "journal") and valid_field("article", "date") and valid_field("misc", "urldate")
    assert not valid_field("article", "publisher") and not valid_field("book", "timestamp")
    assert known_type("techreport") and known_type("conference") and not known_type("webpage")
    assert missing_mandatory("techreport", {"author", "title", "institution", "year"}) == []
    assert missing_mandatory("report", {"author", "title", "institution", "year"}) == ["type"]
    assert missing_mandatory("online", {"title"}) == ["url|doi|eprint", "year|date"]
    assert valid_datum("isbn", "0-306-40615-2") and not valid_datum("isbn", "0-306-40615-3")
    assert valid_datum("issn", "0378-5955") and not valid_datum("issn", "0378-5956")
    assert valid_datum("volume", "12") and not valid_datum("volume", "IV") and not valid_datum("year", "2020a")


def test_biber_finds_nothing_in_the_shaped_entries(tmp_path):
    if not shutil.which("biber"):
        pytest.skip("biber is not on PATH")
    bib = BibFile(MESSY)
    text = "\n\n".join([bib.string_blocks["ieee"]] + [bib.shaped_text(k)[0] for k in bib.by_key if k != "undated"])
    (tmp_path / "s.bib").write_text(text)
    r = subprocess.run(["biber", "--tool", "--validate-datamodel", "--output-file", str(tmp_path / "o.bib"),
                        str(tmp_path / "s.bib")], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert "WARN" not in r.stdout and "ERROR" not in r.stdout, r.stdout


def test_a_missing_mandatory_field_never_costs_other_fields():
    """An @article without journal would lose volume and pages as @misc: it stays, and
    the change list says biber will warn; an @online without url loses nothing as @misc."""
    bib = BibFile("@article{noj, author={A B}, title={T}, year={2020}, volume={3}, pages={1--2}}\n"
                  "@inproceedings{noauthor, title={T}, booktitle={B}, year={2020}, pages={5--6}}\n"
                  "@online{nourl, title={T}, author={A B}, year={2020}, note={N}}\n")
    text, changes = bib.shaped_text("noj")
    assert text == bib.entry_text("noj")
    assert [kind for kind, _ in changes] == ["@article lacks journaltitle (biber warns)"]
    text, changes = bib.shaped_text("noauthor")
    assert text == bib.entry_text("noauthor") and "pages={5--6}" in text
    text, changes = bib.shaped_text("nourl")
    assert text.startswith("@misc{nourl,") and [k for k, _ in changes] == ["@online as @misc"]


def test_a_publisher_goes_where_the_type_has_room_for_it():
    """Zotero's @misc for a dataset names its publisher (Zenodo): @misc's howpublished;
    an @online's: its organization; an @article has no field for it: dropped."""
    bib = BibFile("@misc{data, title={D}, author={A B}, year={2022}, publisher={Zenodo}, copyright={CC-BY}}\n"
                  "@online{web, title={W}, year={2023}, url={https://x.org}, publisher={X Inc.}}\n"
                  "@misc{both, title={D}, year={2022}, publisher={P}, howpublished={H}}\n")
    text, changes = bib.shaped_text("data")
    assert "howpublished={Zenodo}" in text and "copyright" not in text
    assert [k for k, _ in changes] == ["publisher as howpublished", "copyright dropped"]
    assert "organization={X Inc.}" in bib.shaped_text("web")[0]
    text, changes = bib.shaped_text("both")          # howpublished taken: the next field with room
    assert "organization={P}" in text and "howpublished={H}" in text
    assert [k for k, _ in changes] == ["publisher as organization"]
    bib = BibFile("@article{a, title={T}, author={A B}, journal={J}, year={2020}, publisher={P}}\n")
    assert [k for k, _ in bib.shaped_text("a")[1]] == ["publisher dropped"]


def test_an_arxiv_version_the_type_has_no_field_for_joins_eprint():
    bib = BibFile("@inproceedings{s, author={A B}, title={T}, booktitle={B}, year={2019}, month = {jul},\n"
                  "  eprint = {1906.02243}, archiveprefix = {arXiv}, version = {1}}\n"
                  "@inproceedings{t, author={A B}, title={T}, booktitle={B}, year={2019}, eprint={1906.02243v2},"
                  " version={1}}\n")
    text, changes = bib.shaped_text("s")
    assert "eprint = {1906.02243v1}" in text and "version" not in text and "month = jul," in text
    assert [k for k, _ in changes] == ["month as a macro", "version into eprint"]
    text, changes = bib.shaped_text("t")                # eprint names its version already: version dropped
    assert "eprint={1906.02243v2}" in text and [k for k, _ in changes] == ["version dropped"]


def test_dates_biber_cannot_read_and_missing_crossref_parents():
    bib = BibFile("@misc{zot, title={T}, date={May 2020}, urldate={2021-03-04}}\n"
                  "@misc{bad, title={T}, year={2020}, urldate={yesterday}}\n"
                  "@inproceedings{child, author={A B}, title={T}, booktitle={B}, year={2020}, crossref={parent}}\n"
                  "@inproceedings{orphan, author={A B}, title={T}, booktitle={B}, year={2020}, crossref={gone}}\n"
                  "@proceedings{parent, title={P}, year={2020}}\n")
    text, changes = bib.shaped_text("zot")
    assert "date={2020-05}" in text and "urldate={2021-03-04}" in text and "note = {date May 2020}" in text
    text, changes = bib.shaped_text("bad")
    assert "urldate" not in text.split("note")[0] and [k for k, _ in changes] == ["urldate moved to note"]
    assert bib.shaped_text("child") == (bib.entry_text("child"), [])
    text, changes = bib.shaped_text("orphan")
    assert "crossref" not in text and [k for k, _ in changes] == ["crossref dropped"]


def test_better_bibtex_braced_numbers_and_two_issns():
    """Better BibLaTeX writes volume = {{62}} (biber reads '{62}': no number) and
    Zotero keeps two ISSNs in one field (biber rejects the pair)."""
    bib = BibFile("@article{l, author={L, E.}, title={{T}}, journaltitle={{Genetics}}, date={1989-01-01},\n"
                  "  issn = {0016-6731, 1943-2631}, volume = {{121}}, note = {PMID: 2563713}}\n")
    text, changes = bib.shaped_text("l")
    assert "volume = {121}" in text and "issn = {0016-6731}" in text
    assert "note = {PMID: 2563713; ISSN 1943-2631}" in text
    assert [k for k, _ in changes] == ["issn as the first of several", "volume without braces"]
