"""What kb writes into references.bib from a record, read back by kb, pybtex, bibtexparser 2, classic BibTeX and
biber: Crossref's subtitle joined to its title; an acronym joined by '&' ('AT&T', 'R&D') braced whole, its '&'
inside the braces; a name in Han or Hangul written family name first, as BibTeX reads it."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from bibtools import bibtexparser2_fields, pybtex_fields

from kb.sources.arxiv import ArxivRecord
from kb.sources.bibtex import escape_value, fit_model, parse_entries, protect_title, render_entry
from kb.sources.doi import _bibtex_meta, clean_crossref
from kb.sources.metadata import PaperMeta, from_arxiv, from_crossref, with_subtitle
from kb.text.latex import latex_to_text
from kb.text.names import author_key, parse_name, split_names, to_bibtex_names


def _written(meta) -> tuple[str, dict[str, str]]:
    text = render_entry("k", meta.entry_type, meta.bib_fields())
    return text, parse_entries(text)[0][2]


def _arxiv(title: str = "A title", authors: list[str] | None = None):
    return from_arxiv(ArxivRecord(id="2001.00001", version=1, title=title, authors=authors or ["Jane Doe"],
                                  summary="", published="2020-01-01", updated="", year=2020))


# -- Crossref's subtitle ----------------------------------------------------------------------

@pytest.mark.parametrize("title, subtitle, joined", [
    ("TUBE", "time-dependent pricing for mobile data", "TUBE: time-dependent pricing for mobile data"),
    ("Deep Learning", "A Survey", "Deep Learning: A Survey"),
    ("Why Now?", "A Study of Timing", "Why Now? A Study of Timing"),
    ("Stop!", "In the Name of Love", "Stop! In the Name of Love"),
    ("Main title:", "its subtitle", "Main title: its subtitle"),          # (no second colon)
    ("Deep Learning: A Survey", "A survey", "Deep Learning: A Survey"),   # deposited in both: once
    ("Deep Learning \u2014 A Survey", "A Survey", "Deep Learning \u2014 A Survey"),
    ("<i>Big</i> Data: <b>A</b> Review", "A Review", "<i>Big</i> Data: <b>A</b> Review"),
    ("Data", "data", "Data"),
    ("Learning to Learn", "Learn", "Learning to Learn: Learn"),          # its words, but no subtitle of it
    ("Data", "The Big Data", "Data: The Big Data"),
    ("Effects", "<i>in vitro</i> assays", "Effects: <i>in vitro</i> assays"),
    ("Wind  farms", "  ", "Wind farms"),
    ("Wind farms", "", "Wind farms"),
    ("", "Only a subtitle", "Only a subtitle"),
])
def test_with_subtitle(title, subtitle, joined):
    assert with_subtitle(title, subtitle) == joined


@pytest.mark.parametrize("message, title", [
    ({"title": ["TUBE"], "subtitle": ["time-dependent pricing for mobile data"]},
     "{TUBE}: time-dependent pricing for mobile data"),
    ({"title": ["Energy &amp; Policy"], "subtitle": ["", "A <i>Review</i>"]}, "Energy \\& Policy: A \\textit{Review}"),
    ({"title": ["Energy"], "subtitle": [None, 5]}, "Energy"),           # no text: no subtitle, never a crash
    ({"title": ["Energy"], "subtitle": "A Review"}, "Energy: A Review"),
    ({"title": ["Energy"]}, "Energy"),
])
def test_a_crossref_subtitle_is_written_after_its_title(message, title):
    work = clean_crossref({**message, "type": "journal-article", "DOI": "10.5555/b10",
                           "issued": {"date-parts": [[2020]]}})
    text, fields = _written(from_crossref(work))
    assert fields["title"] == title
    assert bibtexparser2_fields(text)["k"]["title"] == title
    assert pybtex_fields(text)["k"]["title"] == title


# -- 'AT&T': an acronym joined by '&' ---------------------------------------------------------

@pytest.mark.parametrize("title, written", [
    ("Speech at AT&T Labs", "Speech at {AT\\&T} Labs"),
    ("AT&T Bell Laboratories", "{AT\\&T} Bell Laboratories"),
    ("The R&D of AT&T", "The {R\\&D} of {AT\\&T}"),
    ("Q&A with the CEO", "{Q\\&A} with the {CEO}"),
    ("P&G and H&M", "{P\\&G} and {H\\&M}"),
    ("S&P 500 returns", "{S\\&P} 500 returns"),
    ("AT\\&T Labs", "{AT\\&T} Labs"),                     # escaped already: the same
    ("Tom & Jerry", "Tom \\& Jerry"),                     # words apart: nothing braced
    ("rock&roll", "rock\\&roll"),                         # no capital: nothing braced
    ("Q&a sessions", "Q\\&a sessions"),                   # one capital: as BibTeX would
    ("GANs for ImageNet", "{GANs} for {ImageNet}"),
    ("{AT&T} already braced", "{AT\\&T} already braced"),
])
def test_an_acronym_joined_by_an_ampersand_is_braced_whole(title, written):
    assert escape_value("title", title) == written
    assert escape_value("title", protect_title(title)) == written
    assert latex_to_text(written) == latex_to_text(escape_value("title", title.replace("\\&", "&")).replace(
        "{", "").replace("}", ""))


@pytest.mark.parametrize("origin", ["crossref", "arxiv", "hand"])
def test_at_and_t_reads_back_as_written(origin):
    if origin == "crossref":
        meta = from_crossref({"title": ["Speech at AT&amp;T Labs"], "author": [{"name": "AT&amp;T Labs"}],
                              "type": "report", "issued": {"date-parts": [[1999]]}})
    elif origin == "arxiv":
        meta = _arxiv("Speech at AT&T Labs", ["AT&T Labs"])
    else:
        meta = PaperMeta(title="Speech at AT&T Labs", authors=["{AT&T Labs}"], year=1999,
                         extra={"institution": "AT&T Labs"}, entry_type="techreport")
    text, fields = _written(meta)
    assert fields["title"] == "Speech at {AT\\&T} Labs"
    assert fields["author"] == "{AT\\&T Labs}"
    assert latex_to_text(fields["title"]) == "Speech at AT&T Labs"
    assert [parse_name(a).literal for a in split_names(fields["author"])] == ["AT&T Labs"]
    assert bibtexparser2_fields(text)["k"]["title"] == "Speech at {AT\\&T} Labs"
    assert pybtex_fields(text)["k"]["title"] == "Speech at {AT\\&T} Labs"
    assert pybtex_fields(text)["k"]["author"] == "1 names"


_CASE_BST = """ENTRY { title author } {} {}
FUNCTION {default.type} { "@@" cite$ * write$ newline$ title "t" change.case$ write$ newline$
  author #1 "{ll}" format.name$ write$ newline$ }
READ
ITERATE {call.type$}
"""


def _bibtex_run(tmp_path, entries: list[str]) -> dict[str, list[str]]:
    (tmp_path / "r.bib").write_text("".join(entries), "utf-8")
    (tmp_path / "case.bst").write_text(_CASE_BST)
    (tmp_path / "t.aux").write_text("\\citation{*}\n\\bibdata{r}\n\\bibstyle{case}\n")
    r = subprocess.run(["bibtex", "t"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "error message" not in r.stdout, r.stdout
    lines = (tmp_path / "t.bbl").read_text("utf-8").splitlines()
    return {lines[i][2:]: lines[i + 1:i + 3] for i in range(len(lines)) if lines[i].startswith("@@")}


def test_classic_bibtex_and_biber_keep_at_and_t_and_the_family_name(tmp_path):
    """plain.bst's change.case$ printed '{AT}\\&T' as 'AT\\&t'; BibTeX took '小龍' of '李 小龍' for the family name."""
    if not shutil.which("bibtex"):
        pytest.skip("classic BibTeX (bibtex) is not on PATH")
    metas = {"a": _arxiv("The R&D of AT&T Labs", ["李 小龍", "山田 太郎"]),
             "b": from_crossref({"title": ["Q&amp;A at AT&amp;T"], "author": [{"family": "김", "given": "민준"}],
                                 "type": "journal-article", "container-title": ["Journal"],
                                 "issued": {"date-parts": [[2020]]}})}
    got = _bibtex_run(tmp_path, [render_entry(k, m.entry_type, m.bib_fields()) for k, m in metas.items()])
    assert {k: (latex_to_text(v[0]), v[1]) for k, v in got.items()} == {
        "a": ("The R&D of AT&T labs", "李"), "b": ("Q&A at AT&T", "김")}
    if not shutil.which("biber"):
        return
    r = subprocess.run(["biber", "--tool", "--validate-datamodel", "--output-file", str(tmp_path / "o.bib"),
                        str(tmp_path / "r.bib")], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert "WARN" not in r.stdout and "ERROR" not in r.stdout, r.stdout
    out = (tmp_path / "o.bib").read_text("utf-8")
    assert "{AT\\&T}" in out and "{R\\&D}" in out and "{Q\\&A}" in out and "AT}" not in out.replace("AT\\&T}", "")
    assert "李, 小龍" in out and "山田, 太郎" in out


# -- names written family name first in their script ------------------------------------------

@pytest.mark.parametrize("name, written", [
    ("李 小龍", "李, 小龍"),
    ("山田 太郎", "山田, 太郎"),
    ("김 민준", "김, 민준"),
    ("山田\u3000花子", "山田, 花子"),                      # an ideographic space
    ("山田 はなこ", "山田, はなこ"),                        # a given name in kana after a family name in Han
    ("欧阳 修", "欧阳, 修"),
    ("阿部 晋三", "阿部, 晋三"),                            # a family name ending in '部': a person's
    ("李小龍", "李小龍"),                                  # one word: BibTeX's family name already
    ("Xiaolong Li", "Li, Xiaolong"),                        # Latin letters: as before
    ("Li 小龍", "小龍, Li"),                                # scripts mixed: the order is not certain
    ("ジョン スミス", "スミス, ジョン"),                      # kana alone may spell a Western name in its order
    ("约翰·史密斯 先生", "先生, 约翰·史密斯"),                 # a middle dot: a transliterated name
    ("清华大学 计算机系", "{清华大学 计算机系}"),               # a body's name: braced whole
    ("東京大学 工学部", "{東京大学 工学部}"),
    ("서울대학교 컴퓨터공학부", "{서울대학교 컴퓨터공학부}"),
])
def test_a_name_in_han_or_hangul_is_written_family_first(name, written):
    assert to_bibtex_names([name, "Jane Doe"])[0] == written
    # its key is the one kb gives the name as written (author_key keys these scripts whole)
    if written[0] != "{" and "," in written and written.split(",")[0] == name.split()[0]:
        assert author_key(written) == author_key(name.replace("\u3000", " "))


def test_a_name_in_han_reads_back_family_first_by_pybtex():
    from pybtex.database.input.bibtex import Parser

    text, fields = _written(_arxiv(authors=["李 小龍", "山田 太郎", "김 민준", "Jane Doe"]))
    persons = Parser().parse_string(text).entries["k"].persons["author"]
    assert [" ".join(p.last_names) for p in persons] == ["李", "山田", "김", "Doe"]
    assert [" ".join(p.first_names) for p in persons] == ["小龍", "太郎", "민준", "Jane"]


# -- a record's container and publisher: written where the entry's type has a field for them ---------

@pytest.mark.parametrize("kind, entry_type, field", [
    ("book-chapter", "incollection", "booktitle"),
    ("proceedings-article", "inproceedings", "booktitle"),
    ("journal-article", "article", "journal"),
])
def test_a_crossref_container_is_written_in_the_field_of_its_type(kind, entry_type, field):
    meta = from_crossref({"title": ["A chapter"], "type": kind, "container-title": ["Handbook of Things"],
                          "issued": {"date-parts": [[2019]]}})
    text, fields = _written(meta)
    assert meta.entry_type == entry_type and fields[field] == "Handbook of Things"
    assert pybtex_fields(text)["k"][field] == "Handbook of Things"


@pytest.mark.parametrize("entry_type", ["incollection", "inbook", "inproceedings", "conference"])
def test_a_doi_org_chapter_keeps_its_book(entry_type):
    meta = _bibtex_meta("@%s{a, title = {A chapter}, booktitle = {Handbook of {AI}}, author = {Doe, J.}, year = "
                        "{2019}, pages = {1--20}, doi = {10.5555/c}}" % entry_type, "u", "10.5555/c")
    assert _written(meta)[1]["booktitle"] == "Handbook of {AI}"


@pytest.mark.parametrize("kind, field, value", [
    ("report", "institution", "AT\\&T Bell Laboratories"),
    ("posted-content", "howpublished", "AT\\&T Bell Laboratories"),
    ("book", "publisher", "AT\\&T Bell Laboratories"),
    ("proceedings-article", "publisher", "AT\\&T Bell Laboratories"),
])
def test_a_crossref_publisher_is_written_in_the_field_its_type_has_for_it(kind, field, value):
    meta = from_crossref({"title": ["A report"], "type": kind, "publisher": "AT&amp;T Bell Laboratories",
                          "issued": {"date-parts": [[1999]]}})
    fields = _written(meta)[1]
    assert fields[field] == value
    assert "publisher" not in fields or field == "publisher"


@pytest.mark.parametrize("entry_type, fields, fitted", [
    ("techreport", {"publisher": "A"}, {"institution": "A"}),
    ("techreport", {"publisher": "A", "institution": "B"}, {"institution": "B"}),     # never over its own
    ("techreport", {"publisher": "A", "school": "B"}, {"school": "B"}),
    ("misc", {"publisher": "A"}, {"howpublished": "A"}),
    ("misc", {"publisher": "A", "howpublished": "B"}, {"howpublished": "B", "organization": "A"}),  # the next
    ("article", {"publisher": "A", "journal": "J"}, {"journal": "J"}),                  # @article has none
    ("book", {"publisher": "A"}, {"publisher": "A"}),
])
def test_fit_model_moves_a_publisher_where_the_type_has_a_field_for_it(entry_type, fields, fitted):
    assert fit_model(entry_type, fields) == fitted
