"""Held-out BibTeX of Better BibTeX, Zotero, JabRef, Mendeley, DBLP, Crossref and hand-written files
(sweep 50): an entry whose year or month is not its biblatex date's is read one way by BibTeX, another
by biber, which drops the year for the date with a warning: said on import, kept in note by the export."""

from __future__ import annotations

import pytest

from kb.ops.papers import import_bib
from kb.ops.session import open_kb
from kb.sources.bibtex import BibFile

ENTRY = "@article{KEY,\n  author = {Both, Bea},\n  title = {T KEY},\n  journaltitle = {J},\n{fields}\n}\n"


@pytest.mark.parametrize("fields, moved", [
    ("  year = {2022},\n  date = {2023-01-15}", ["year 2022"]),             # hand-edited: biber drops the year
    ("  year = 2021,\n  month = apr,\n  date = {2022-03}", ["year 2021", "month Apr"]),
    ("  month = {4},\n  date = {2022-03/2022-05}", ["month 4"]),            # a range: its start
    ("  year = {2022},\n  date = {2023?}", ["year 2022"]),                  # EDTF, uncertain
    ("  year = {2022},\n  date = {May 2023}", ["year 2022"]),              # the export writes it 2023-05
])
def test_a_year_or_month_a_date_overrules_goes_to_note_in_the_export(fields, moved):
    bib = BibFile(ENTRY.replace("KEY", "k").replace("{fields}", fields), "x.bib")
    text, changes = bib.shaped_text("k")
    assert len([kind for kind, _ in changes if "beside another date" in kind]) == len(moved)
    for value in moved:
        name, written = value.split()
        assert f"\n  {name} =" not in text            # biber would drop it with a warning
        assert f"{name} {written}".lower() in text.split("note = {")[1].lower()   # the person's value is kept


def test_kb_import_says_an_entry_whose_year_is_not_its_dates(kb_root, tmp_path):
    text = "% from a hand-edited library\n\n" + ENTRY.replace("KEY", "a").replace(
        "{fields}", "  year = {2022},\n  date = {2023-01-15}") + "\n" + ENTRY.replace("KEY", "b").replace(
        "{fields}", "  year = {2023},\n  month = jan,\n  date = {2023-01-15}")      # agreeing: nothing said
    (tmp_path / "in.bib").write_text(text)
    out = import_bib(open_kb(kb_root), tmp_path / "in.bib")
    assert out.added == ["a", "b"]
    assert [w for w in out.warnings if "not its date's" in w] == [
        f"{tmp_path / 'in.bib'}:3: a's year 2022 is not its date's (2023-01-15): BibTeX reads the year, biber and "
        "kb export csl-json the date; kept as written (kb export bib moves the year to note)"]
    assert text.split("\n\n", 1)[1] in (kb_root / "references.bib").read_text()      # kept byte for byte


def test_date_disagrees_compares_only_what_both_readers_read():
    from kb.sources.bibtex import date_disagrees

    assert date_disagrees({"year": "2022", "date": "2023-01-15"}) == [("year", "2022", "2023-01-15")]
    assert date_disagrees({"year": "2022", "month": "March", "date": "2022-03-07"}) == []    # agreeing
    assert date_disagrees({"year": "2022"}) == []
    assert date_disagrees({"year": "2022a", "date": "2023"}) == []            # no year of digits alone
    assert date_disagrees({"month": "May 2 - May 7", "date": "2022-06"}) == []   # no month alone
    assert date_disagrees({"year": "2022", "date": "May 2023"}) == []         # no ISO date
    assert date_disagrees({"year": "2021", "date": "2020/2021 winter"}) == []  # biber drops it, reads the year


def test_kb_show_says_a_year_its_date_overrules(kb_root, tmp_path):
    from kb.ops.library import show_paper

    (tmp_path / "in.bib").write_text(ENTRY.replace("KEY", "a").replace(
        "{fields}", "  year = 2021,\n  month = apr,\n  date = {2022-03}") + "\n" + ENTRY.replace("KEY", "b").replace(
        "{fields}", "  year = {2022},\n  date = {2022-03}"))
    kb = open_kb(kb_root)
    import_bib(kb, tmp_path / "in.bib")
    assert [p for p in show_paper(kb, "a")["problems"] if "date" in p] == [
        "year 2021, month Apr are not its date's (2022-03): BibTeX reads the year and month, biber and kb export "
        "csl-json the date"]
    assert show_paper(kb, "a")["year"] == 2021       # BibTeX's reading, as before: said, not changed
    assert [p for p in show_paper(kb, "b")["problems"] if "date" in p] == []


@pytest.mark.parametrize("fields, url, publisher, note", [
    # hand-written and Google Scholar @misc: the link is the item's URL, '%' as LaTeX's \url keeps it
    ({"howpublished": "\\url{https://example.org/a_b%20c}"}, "https://example.org/a_b%20c", None, None),
    ({"howpublished": "https://example.org/x."}, "https://example.org/x", None, None),
    ({"howpublished": "Blog post on {Medium}"}, None, "Blog post on Medium", None),       # text: the publisher
    ({"howpublished": "\\url{https://a.org}", "url": "https://b.org"}, "https://b.org", None, "https://a.org"),
    ({"howpublished": "\\url{https://m.org}", "publisher": "P"}, "https://m.org", "P", None),   # its own publisher
])
def test_csl_json_keeps_a_howpublished(fields, url, publisher, note):
    from kb.ops.export import csl_item

    row = {"citekey": "k", "entry_type": "misc", "title": "T", "arxiv_id": None, "doi": None, "year": 2020,
           "url": fields.get("url"), "fields": {"title": "T", **fields}}
    item = csl_item(row)
    assert (item.get("URL"), item.get("publisher"), item.get("note")) == (url, publisher, note)


@pytest.mark.parametrize("abstract, paragraphs", [
    ("We measure 100\\% of the {GPU} draw.\n\nWe find {{most}} savings.", ["We measure 100% of the GPU draw.",
                                                                          "We find most savings."]),
    ("One.\r\n  \r\n\tTwo, with $\\mathcal{O}(n)$.\n\n\n", ["One.", "Two, with 𝒪(n)."]),
])
def test_csl_json_keeps_an_abstracts_paragraphs(abstract, paragraphs):
    from kb.ops.export import csl_item

    row = {"citekey": "k", "entry_type": "article", "title": "T", "arxiv_id": None, "doi": None, "year": 2020,
           "url": None, "fields": {"title": "T", "abstract": abstract}}
    assert csl_item(row)["abstract"].split("\n\n") == paragraphs
