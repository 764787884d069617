"""What kb writes of Crossref's records of books and chapters: the editors Crossref's JSON gives, a chapter's book
told from its series among the container titles (kept by Crossref as a set, in no order), a book's series; and
what doi.org's BibTeX (Crossref's, made of the record's first title and first container title alone) leaves out,
taken from Crossref's JSON where it is the same record: the subtitle, the chapter's book where its booktitle is
the series, a book's series."""

from __future__ import annotations

import json

import pytest
from bibtools import bibtexparser2_fields, pybtex_fields
from httpserver import Reply

from kb.sources import doi
from kb.sources.bibtex import parse_entries, render_entry
from kb.sources.doi import clean_crossref
from kb.sources.metadata import crossref_containers, from_crossref
from kb.sources.net import Client, Settings
from kb.text.latex import latex_to_text

LNCS = "Lecture Notes in Computer Science"
MICCAI = "Medical Image Computing and Computer-Assisted Intervention \u2013 MICCAI 2015"


def _written(meta) -> tuple[str, dict[str, str]]:
    text = render_entry("k", meta.entry_type, meta.bib_fields())
    return text, parse_entries(text)[0][2]


def _work(**fields) -> dict:
    return {"DOI": "10.5555/b12", "issued": {"date-parts": [[2020]]}, "title": ["A Chapter"],
            "author": [{"family": "Doe", "given": "Jane"}], **fields}


# -- the container titles of a record: book or journal, series --------------------------------------------------

@pytest.mark.parametrize("entry_type, titles, book, series", [
    ("incollection", [LNCS, MICCAI], MICCAI, LNCS),
    ("incollection", [MICCAI, LNCS], MICCAI, LNCS),                 # no set order: the same
    ("inproceedings", ["Advances in Cryptology \u2013 CRYPTO 2020", LNCS], "Advances in Cryptology \u2013 CRYPTO 2020",
     LNCS),
    ("inproceedings", ["Topics in Cryptology \u2013 CT-RSA 2020", LNCS], "Topics in Cryptology \u2013 CT-RSA 2020", LNCS),
    ("incollection", ["Studies in Computational Intelligence", "Deep Learning for Robots"], "Deep Learning for Robots",
     "Studies in Computational Intelligence"),
    ("incollection", ["Communications in Computer and Information Science", "Data Science"], "Data Science",
     "Communications in Computer and Information Science"),
    ("inproceedings", ["Proceedings of the 2020 ACM Conference", "ACM International Conference Proceeding Series"],
     "Proceedings of the 2020 ACM Conference", "ACM International Conference Proceeding Series"),
    ("incollection", ["Smart Innovation, Systems and Technologies", "Intelligent Decision Technologies"],
     "Intelligent Decision Technologies", "Smart Innovation, Systems and Technologies"),
    ("incollection", ["Methods in Molecular Biology", "<i>In Vitro</i> Assays"], "<i>In Vitro</i> Assays",
     "Methods in Molecular Biology"),
    ("incollection", ["Handbook of Robotics"], "Handbook of Robotics", None),       # one title: its book
    ("incollection", [LNCS], LNCS, None),           # one: no other to be the book, as Crossref's BibTeX has it
    ("incollection", ["Handbook of Robotics", "Robotics Today"], "Handbook of Robotics", None),  # neither a series
    ("incollection", [LNCS, "Lecture Notes in Physics"], LNCS, None),                           # both: undecided
    ("incollection", [LNCS, "lecture notes in  computer science"], LNCS, None),                 # one, twice
    ("article", ["Journal of Energy", "J. Energy"], "Journal of Energy", None),     # a journal's: never a series
    ("article", ["Studies in History and Philosophy of Science", "Other"], "Studies in History and Philosophy of "
     "Science", None),
    ("book", ["Studies in Computational Intelligence"], None, "Studies in Computational Intelligence"),
    ("book", [], None, None),
    ("incollection", ["", None, 5, MICCAI], MICCAI, None),
    ("incollection", "Handbook of Robotics", "Handbook of Robotics", None),
    ("incollection", None, None, None),
])
def test_crossref_containers(entry_type, titles, book, series):
    assert crossref_containers(entry_type, titles) == (book, series)


@pytest.mark.parametrize("message, fields", [
    (_work(type="book-chapter", **{"container-title": [LNCS, MICCAI]}, volume="9351"),
     {"booktitle": MICCAI, "series": LNCS, "volume": "9351"}),
    (_work(type="book-chapter", **{"container-title": [MICCAI, LNCS]}, volume="9351"),
     {"booktitle": MICCAI, "series": LNCS, "volume": "9351"}),
    (_work(type="book-chapter", **{"container-title": ["Handbook of Robotics"]}),
     {"booktitle": "Handbook of Robotics", "series": None}),
    (_work(type="book", **{"container-title": ["Studies in Computational Intelligence"]}, volume="1062"),
     {"series": "Studies in Computational Intelligence", "volume": "1062", "booktitle": None}),
    (_work(type="monograph", **{"container-title": ["Springer Series in Statistics"]}),
     {"series": "Springer Series in Statistics"}),
    (_work(type="edited-book"), {"series": None}),
    (_work(type="journal-article", **{"container-title": ["Journal of Energy"]}),
     {"journal": "Journal of Energy", "series": None}),
])
def test_a_crossref_chapter_s_book_and_series(message, fields):
    text, got = _written(from_crossref(clean_crossref(message)))
    for name, value in fields.items():
        assert (latex_to_text(got[name]) if name in got else None) == value, text
    assert bibtexparser2_fields(text)["k"].keys() == pybtex_fields(text)["k"].keys() == got.keys()


@pytest.mark.parametrize("editors, written", [
    ([{"family": "Navab", "given": "Nassir"}, {"family": "Hornegger", "given": "Joachim"}],
     "Navab, Nassir and Hornegger, Joachim"),
    ([{"name": "ACME & Co"}], "{ACME \\& Co}"),
    ([{"family": "O&apos;Brien", "given": "Se\u00e1n"}], "O'Brien, Se\u00e1n"),
    ([{"family": "Doe and Roe", "given": "J"}], "{Doe and Roe}, J"),          # one name, never two
    ([{"family": "van der Berg", "given": "Anna"}], "van der Berg, Anna"),
    ([{"family": "Smith\\", "given": "J"}], None),             # a trailing backslash escapes no comma: checked below
    (["Navab", 5, None, {"affiliation": []}], None),           # no name kb reads: none written, never a crash
    ([], None),
    ("Navab", None),
])
def test_crossref_editors_are_written(editors, written):
    message = _work(type="book-chapter", editor=editors, **{"container-title": ["Handbook of Robotics"]})
    text, got = _written(from_crossref(clean_crossref(message)))
    if written is None and not (isinstance(editors, list) and any(isinstance(e, dict) and e.get("family")
                                                                for e in editors)):
        assert "editor" not in got, text
        return
    if written is not None:
        assert got["editor"] == written, text
    # every reader reads as many editors as Crossref names, and the author list is untouched
    named = sum(1 for e in editors if isinstance(e, dict) and (e.get("family") or e.get("name")))
    assert pybtex_fields(text)["k"]["author"] == "1 names"
    assert pybtex_fields(text)["k"]["editor"] == f"{named} names"
    assert bibtexparser2_fields(text)["k"]["editor"] == got["editor"]


# -- doi.org's BibTeX with what Crossref's JSON of the same record gives --------------------------------------

def _client(tmp_path) -> Client:
    return Client(tmp_path / "http", tmp_path / "tmp", Settings.from_env())


def _serve(server, bibtex: str | None, message: dict | None, status: int = 200):
    if bibtex is not None:
        server.routes["/doi/10.5555/b12"] = Reply(200, bibtex.encode(), {"Content-Type": "application/x-bibtex"})
    if message is not None:
        server.routes["/crossref/works/10.5555/b12"] = Reply(
            status, json.dumps({"status": "ok", "message": message}).encode(), {"Content-Type": "application/json"})


CHAPTER_BIB = ("@incollection{Doe_2015, title={U-Net}, booktitle={" + LNCS + "}, publisher={Springer}, "
               "author={Jane Doe}, editor={Nassir Navab}, year={2015}, volume={9351}, pages={234--241}, "
               "doi={10.5555/b12}}")


@pytest.mark.parametrize("bibtex, message, fields", [
    # the subtitle Crossref's BibTeX leaves out
    ("@article{D, title={TUBE}, author={Jane Doe}, journal={J}, year={2012}, doi={10.5555/b12}}",
     _work(type="journal-article", title=["TUBE"], subtitle=["Time-dependent pricing for mobile data"]),
     {"title": "TUBE: Time-dependent pricing for mobile data"}),
    ("@article{D, title={Why Now?}, author={Jane Doe}, journal={J}, year={2012}, doi={10.5555/b12}}",
     _work(type="journal-article", title=["Why Now?"], subtitle=["A Study of <i>Timing</i>"]),
     {"title": "Why Now? A Study of Timing"}),
    ("@article{D, title={Energy \\& Policy}, author={Jane Doe}, journal={J}, year={2012}, doi={10.5555/b12}}",
     _work(type="journal-article", title=["Energy &amp; Policy"], subtitle=["R&amp;D at 40%"]),
     {"title": "Energy & Policy: R&D at 40%"}),
    ("@article{D, title={Deep Learning: A Survey}, author={Jane Doe}, journal={J}, year={2012}, doi={10.5555/b12}}",
     _work(type="journal-article", title=["Deep Learning: A Survey"], subtitle=["A survey"]),
     {"title": "Deep Learning: A Survey"}),                           # there already: never twice
    # another title than the BibTeX's: its subtitle is no subtitle of this one
    ("@article{D, title={TUBE}, author={Jane Doe}, journal={J}, year={2012}, doi={10.5555/b12}}",
     _work(type="journal-article", title=["Tube Amplifiers"], subtitle=["A History"]), {"title": "TUBE"}),
    # a chapter whose booktitle is its series: its book, the series as series
    (CHAPTER_BIB, _work(type="book-chapter", title=["U-Net"], subtitle=["Convolutional Networks"],
                        **{"container-title": [MICCAI, LNCS]}),
     {"title": "U-Net: Convolutional Networks", "booktitle": MICCAI, "series": LNCS, "volume": "9351",
      "editor": "Nassir Navab"}),
    (CHAPTER_BIB.replace(LNCS, MICCAI), _work(type="book-chapter", title=["U-Net"], **{"container-title": [MICCAI, LNCS]}),
     {"booktitle": MICCAI, "series": LNCS}),
    # one container title: nothing to tell apart
    (CHAPTER_BIB, _work(type="book-chapter", title=["U-Net"], **{"container-title": [LNCS]}),
     {"booktitle": LNCS, "series": None}),
    # a booktitle that is neither of Crossref's: kept
    (CHAPTER_BIB.replace(LNCS, "Another Book"), _work(type="book-chapter", title=["U-Net"],
                                                      **{"container-title": [MICCAI, LNCS]}),
     {"booktitle": "Another Book", "series": None}),
    # a series the BibTeX gives already: kept
    (CHAPTER_BIB.replace("publisher=", "series={LNCS}, publisher="),
     _work(type="book-chapter", title=["U-Net"], **{"container-title": [MICCAI, LNCS]}),
     {"booktitle": LNCS, "series": "LNCS"}),
    # a book's series
    ("@book{D, title={Banach Space Valued Neural Network}, author={George Anastassiou}, year={2023}, volume={1062}, "
     "publisher={Springer}, doi={10.5555/b12}}",
     _work(type="monograph", title=["Banach Space Valued Neural Network"],
           **{"container-title": ["Studies in Computational Intelligence"]}),
     {"series": "Studies in Computational Intelligence", "volume": "1062"}),
    # no Crossref record (a DataCite DOI), or one of another DOI, or no JSON: the BibTeX as it came
    ("@article{D, title={TUBE}, author={Jane Doe}, journal={J}, year={2012}, doi={10.5555/b12}}", None,
     {"title": "TUBE"}),
    ("@article{D, title={TUBE}, author={Jane Doe}, journal={J}, year={2012}, doi={10.5555/b12}}",
     {**_work(type="journal-article", title=["TUBE"], subtitle=["Of another paper"]), "DOI": "10.5555/other"},
     {"title": "TUBE"}),
])
def test_doi_org_bibtex_takes_what_crossref_s_json_gives_beside(server, tmp_path, bibtex, message, fields):
    _serve(server, bibtex, message)
    meta = doi.fetch(_client(tmp_path), "10.5555/b12")
    text, got = _written(meta)
    for name, value in fields.items():
        assert (" ".join(latex_to_text(got[name]).split()) if name in got else None) == value, text
    assert pybtex_fields(text)["k"].keys() == got.keys()


def test_crossref_answering_no_json_leaves_doi_org_s_bibtex(server, tmp_path):
    _serve(server, "@article{D, title={TUBE}, author={Jane Doe}, journal={J}, year={2012}, doi={10.5555/b12}}", None)
    server.routes["/crossref/works/10.5555/b12"] = Reply(200, b"<html>busy</html>", {"Content-Type": "text/html"})
    meta = doi.fetch(_client(tmp_path), "10.5555/b12")
    assert meta.title == "TUBE" and meta.extra.get("journal") is None and meta.venue == "J"
