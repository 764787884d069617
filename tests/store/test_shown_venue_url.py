"""What kb shows (papers.venue, papers.url) of an entry naming where it appeared or its link only in a field other
than journal, booktitle or url: biblatex's eventtitle, an LNCS chapter's series alone, JabRef's
howpublished = {\\url{...}}; never a field that says who made it or says more than a link."""

from __future__ import annotations

import json

import pytest

from kb.ops.export import csl_item
from kb.store.index import paper_row

BASE = {"title": "T", "author": "Doe, Jane", "year": "2020"}


@pytest.mark.parametrize("etype, fields, venue", [
    ("inproceedings", {"eventtitle": "International Conference on Machine Learning"},
     "International Conference on Machine Learning"),
    ("inproceedings", {"eventtitle": "ICML", "booktitle": "Proceedings of the 37th ICML"}, "Proceedings of the 37th ICML"),
    ("unpublished", {"eventtitle": "NeurIPS Workshop on Climate"}, "NeurIPS Workshop on Climate"),
    ("incollection", {"series": "Lecture Notes in Computer Science", "volume": "11700"},
     "Lecture Notes in Computer Science"),
    ("inproceedings", {"series": "{LNCS}"}, "LNCS"),
    ("InProceedings", {"series": "Proceedings of Machine Learning Research", "volume": "119"},
     "Proceedings of Machine Learning Research"),
    ("incollection", {"series": "LNCS", "booktitle": "Computer Vision -- ECCV 2020"}, "Computer Vision – ECCV 2020"),
    ("article", {"journal": "Nature", "series": "Third"}, "Nature"),
    # a whole book's series is no venue of it; an organization or publisher is who made it
    ("book", {"series": "Lecture Notes in Computer Science", "publisher": "Springer"}, None),
    ("inproceedings", {"organization": "ACM"}, None),
    ("inproceedings", {"publisher": "Springer"}, None),
    ("incollection", {"series": "  "}, None),
    ("misc", {"howpublished": "Talk at ICML"}, None),
])
def test_venue(etype, fields, venue):
    assert paper_row("k", etype, {**BASE, **fields}, 0)["venue"] == venue


@pytest.mark.parametrize("fields, url", [
    ({"howpublished": "\\url{https://example.org/page}"}, "https://example.org/page"),
    ({"howpublished": " \\url{ http://example.org/a_b?x=1 } "}, "http://example.org/a_b?x=1"),
    ({"howpublished": "https://example.org/page."}, "https://example.org/page"),
    ({"note": "\\url{https://example.org/n}"}, "https://example.org/n"),
    ({"url": "https://a.example/u", "howpublished": "\\url{https://b.example/h}"}, "https://a.example/u"),
    ({"howpublished": "\\url{https://h.example/}", "note": "\\url{https://n.example/}"}, "https://h.example/"),
    # more than a link, no link, or not a web address: none
    ({"howpublished": "Slides at \\url{https://example.org/s}"}, None),
    ({"note": "Online; accessed 05-January-2022"}, None),
    ({"howpublished": "\\url{https://a.example} and \\url{https://b.example}"}, None),
    ({"howpublished": "\\url{javascript:alert(1)}"}, None),
    ({"howpublished": "\\href{https://example.org}{the page}"}, None),
    ({"howpublished": "ftp://example.org/file"}, None),
    ({"howpublished": "\\url{https://example.org/a}b"}, None),
    ({}, None),
])
def test_url(fields, url):
    assert paper_row("k", "misc", {**BASE, **fields}, 0)["url"] == url


def test_lent_by_crossref():
    """A child's venue lent by its crossref parent's eventtitle, as its year is."""
    row = paper_row("k", "inproceedings", dict(BASE), 0, lent={"eventtitle": "ICML"})
    assert row["venue"] == "ICML"


@pytest.mark.parametrize("fields, url, note", [
    ({"note": "\\url{http://www.deeplearningbook.org}"}, "http://www.deeplearningbook.org", None),
    ({"note": "http://www.deeplearningbook.org."}, "http://www.deeplearningbook.org", None),
    ({"url": "https://a.example/", "note": "\\url{https://a.example/}"}, "https://a.example/", None),
    # a note saying more, or another link, is kept as a note
    ({"url": "https://a.example/", "note": "\\url{https://b.example/}"}, "https://a.example/", "https://b.example/"),
    ({"note": "Slides at \\url{https://s.example/}"}, None, "Slides at https://s.example/"),
    ({"howpublished": "\\url{https://h.example/}", "note": "Software available from h.example"},
     "https://h.example/", "Software available from h.example"),
])
def test_csl_note_that_is_the_link(fields, url, note):
    """kb export csl-json: the link a note alone gives is the item's URL, not said again as its note."""
    row = paper_row("k", "book", {**BASE, **fields}, 0)
    row["fields"] = json.loads(row["fields"])
    item = csl_item(row)
    assert (item.get("URL"), item.get("note")) == (url, note)


@pytest.mark.parametrize("note, date", [
    ("[Online; accessed 5-December-2026]", [2026, 12, 5]),
    ("Online; accessed 12-March-2023", [2023, 3, 12]),
    ("Accessed: 2023-03-12", [2023, 3, 12]),
    ("accessed 2023-3-2.", [2023, 3, 2]),
    ("Last accessed on March 12, 2023", [2023, 3, 12]),
    ("Accessed 1st Sept. 2022", [2022, 9, 1]),
    ("{[Online; accessed 29-February-2024]}", [2024, 2, 29]),
    # more than when it was read, a date in numbers alone, no such day or month: no date, the note kept
    ("Online; accessed 12-March-2023. Software available from tensorflow.org", None),
    ("Accessed 12/03/2023", None),
    ("Online; accessed 29-February-2023", None),
    ("Online; accessed 12-Marchy-2023", None),
    ("Accessed 2023-13-01", None),
    ("Retrieved from the archive, accessed by the authors", None),
    ("Online", None),
])
def test_csl_accessed_of_a_note(note, date):
    """kb export csl-json: a note saying only when a web page was read (JabRef's, Wikipedia's) is the item's
    accessed date; any other is its note, as written."""
    row = paper_row("k", "misc", {**BASE, "howpublished": "\\url{https://w.example/}", "note": note}, 0)
    row["fields"] = json.loads(row["fields"])
    item = csl_item(row)
    if date is None:
        assert "accessed" not in item and item["note"]
    else:
        assert item["accessed"] == {"date-parts": [date]} and "note" not in item


def test_csl_urldate_first():
    """A urldate is the accessed date; a note saying another date is kept as written beside it."""
    row = paper_row("k", "online", {**BASE, "url": "https://w.example/", "urldate": "2022-01-05",
                                    "note": "Online; accessed 12-March-2023"}, 0)
    row["fields"] = json.loads(row["fields"])
    item = csl_item(row)
    assert item["accessed"] == {"date-parts": [[2022, 1, 5]]} and item["note"] == "Online; accessed 12-March-2023"
