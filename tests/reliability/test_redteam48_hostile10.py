"""Red-team round 48, hostile input (third pass): answers whose entry, year or size kb misread, and what
kb prints and says of input a person or a server made hostile."""

from __future__ import annotations

import io
import json

import pytest
from fakearxiv import atom_entry, atom_feed
from httpserver import Reply

from kb.errors import NetworkError
from kb.sources import arxiv, doi, s2
from kb.sources.net import Client, Settings
from kb.text.ids import parse_arxiv


def client(tmp_path) -> Client:
    return Client(tmp_path / "cache", tmp_path / "tmp", Settings(spacing={"arxiv": 0.0, "s2": 0.0, "doi": 0.0}))


# -- an arXiv feed whose first entry is another id -------------------------------------------

@pytest.mark.parametrize("asked, entries, got", [
    ("2301.00080", [("2205.01234", 3), ("2301.00080", 2)], "2301.00080v2"),
    ("2301.00080v1", [("2301.00080", 2), ("2301.00080", 1)], "2301.00080v1"),
    ("2301.00080v2", [("2205.01234", 1), ("2301.00080", 1)], None),       # the version asked is not there
    ("2301.00080", [("2205.01234", 1)], None),
])
def test_the_entry_of_the_id_asked_for_is_taken_wherever_the_feed_puts_it(server, tmp_path, asked, entries, got):
    """A feed led by another id's entry was refused ('asked arXiv for X, got Y') though X came further down."""
    server.routes["/api/query"] = Reply(200, atom_feed([atom_entry(i, v, f"Paper {i}", ["Ann Author"])
                                                        for i, v in entries]), {"Content-Type": "application/atom+xml"})
    if got is None:
        with pytest.raises(NetworkError) as err:
            arxiv.fetch_metadata(client(tmp_path), parse_arxiv(asked))
        assert err.value.message.startswith(f"asked arXiv for {asked}, got "), err.value.message
    else:
        record = arxiv.fetch_metadata(client(tmp_path), parse_arxiv(asked))
        assert (record.versioned, record.title) == (got, f"Paper {got[:10]}")


# -- a Crossref year with a disambiguation letter --------------------------------------------

@pytest.mark.parametrize("parts, year", [(["2020a"], 2020), (["2019b", "05"], 2019), (["2021"], 2021),
                                         (["x2020"], None), (["20201"], None), (["2020ab"], None)])
def test_a_crossref_year_written_with_a_letter_is_the_year(server, tmp_path, parts, year):
    """A year "2020a" (a letter telling two works of one author and year apart) was dropped: no year filed."""
    message = {"DOI": "10.1000/y9", "title": ["Wind"], "issued": {"date-parts": [parts]}}
    server.routes["/crossref/works/10.1000/y9"] = Reply(200, json.dumps({"message": message}).encode(),
                                                        {"Content-Type": "application/json"})
    assert doi.fetch_crossref(client(tmp_path), "10.1000/y9").year == year


# -- Semantic Scholar: a list cut at an oversized page is said so ------------------------------

@pytest.mark.parametrize("offered, said, not_said", [(25, "more than the 10 papers asked for", "at most"),
                                                     (10, "at most 10 papers", "asked for")])
def test_a_list_cut_at_an_oversized_page_says_so_not_the_papers_limit(server, tmp_path, monkeypatch, offered,
                                                                      said, not_said):
    """One page holding more papers than asked for was said as cut at kb's 10,000-paper limit."""
    monkeypatch.setattr(s2, "PAGE", 10)
    monkeypatch.setattr(s2, "MAX_ITEMS", 10_000 if offered > 10 else 10)
    monkeypatch.setattr(s2, "MAX_PAGES", 105)
    page = {"data": [{"citedPaper": {"paperId": f"p{i}", "title": f"Paper {i}"}} for i in range(offered)],
            "next": 100}
    server.routes["/s2/graph/v1/paper/ARXIV:2001.00001/references"] = Reply(200, json.dumps(page).encode())
    server.routes["/s2/graph/v1/paper/ARXIV:2001.00001/citations"] = Reply(200, b'{"data": []}')
    got = s2.fetch(client(tmp_path), "2001.00001", None)
    line = s2.cut_said(got["cut"], got["oversized"])
    assert line.startswith("read the first 10 references") and said in line and not_said not in line, line


# -- kb ls: a title's characters that show nothing -------------------------------------------

@pytest.mark.parametrize("title", ["Zero\u200bWidth Title", "\ufeffZeroWidth Title", "ZeroWidth\u2060 Title"])
def test_a_listings_title_shows_no_invisible_character(title) -> None:
    from kb.cli.common import output_to, table
    stdout = io.StringIO()
    with output_to(stdout, io.StringIO()):
        table([["a2020", title]], ["citekey", "title"])
    assert stdout.getvalue().splitlines()[1] == "a2020    ZeroWidth Title", stdout.getvalue()


@pytest.mark.parametrize("author", ["Author & \u200bBee", "Author & \ufeffBee", "Author & Bee\u200d"])
def test_a_listings_cell_before_the_last_shows_no_invisible_character_and_keeps_the_columns(author) -> None:
    """An author's name holding a zero-width character was printed raw and counted a column wide: every column
    after it one place out of line."""
    from kb.cli.common import output_to, table
    stdout = io.StringIO()
    with output_to(stdout, io.StringIO()):
        table([["a2020", author, "2020"], ["b2021", "Author & Bee", "2021"]], ["citekey", "authors", "year"])
    lines = stdout.getvalue().splitlines()
    assert "\u200b" not in lines[1] and "\ufeff" not in lines[1], lines
    # the column a terminal shows: a zero-width character takes none
    column = [len(line[:line.rindex(word)].translate(dict.fromkeys([0x200b, 0x200d, 0xfeff])))
              for line, word in zip(lines, ("year", "2020", "2021"))]
    assert column[0] == column[1] == column[2], lines


# -- a record whose title is longer than any paper's -------------------------------------------

@pytest.mark.parametrize("source", ["doi", "arxiv"])
def test_a_record_titled_longer_than_any_paper_is_refused_in_one_line_nothing_filed(kb_root, server, monkeypatch,
                                                                                     source):
    """A Crossref or arXiv answer whose title was 100,000 characters long was filed so: references.bib held it whole
    and kb ls printed it on every call."""
    from kbrun import run_kb
    monkeypatch.setenv("KB_ARXIV_DELAY", "0")
    title = "Wind " * 20_000
    if source == "doi":
        server.routes["/doi/10.1000/t1"] = Reply(406, b"no")
        server.routes["/crossref/works/10.1000/t1"] = Reply(200, json.dumps({"message": {
            "DOI": "10.1000/t1", "title": [title], "issued": {"date-parts": [[2020]]}}}).encode(),
            {"Content-Type": "application/json"})
        r = run_kb("add", "doi:10.1000/t1")
    else:
        server.routes["/api/query"] = Reply(200, atom_feed([atom_entry("2301.00081", 1, title, ["Ann Author"])]),
                                            {"Content-Type": "application/atom+xml"})
        r = run_kb("add", "arxiv:2301.00081v1")
    assert r.code == 2 and r.err.count("\n") == 1 and "title of 99,999 characters" in r.err, r.err[:300]
    assert "Wind" not in (kb_root / "references.bib").read_text()


# -- a DOI typed with a character nobody sees ------------------------------------------------

@pytest.mark.parametrize("typed, hidden", [("doi:10.1000/z1\u202e", "U+202E"), ("10.1000/z\u200b1", "U+200B"),
                                           ("https://doi.org/10.1000/z\u00ad1", "U+00AD"),
                                           ("doi:10.1000/z\x1b1", "U+001B")])
def test_a_doi_holding_a_character_nobody_sees_is_refused_before_it_is_asked(kb_root, server, typed, hidden):
    """'doi:10.1000/z1' with a right-to-left override after it was asked of doi.org so and said as 'the DOI
    10.1000/z1 does not resolve': the DOI shown without the character, one that looked right."""
    from kbrun import run_kb
    r = run_kb("add", typed)
    assert r.code == 2 and r.err.count("\n") == 1 and hidden in r.err and "nothing asked" in r.err, r.err
    assert not server.requests


# -- a command line's argument holding a character nobody sees -----------------------------

@pytest.mark.parametrize("argv, shown", [(["quote", "ls", "coh\u202ean2020"], "coh\\u202ean2020"),
                                         (["verify", "note\u200b.md"], "note\\u200b.md"),
                                         (["show", "a2020", "\ufeffy"], "\\ufeffy")])
def test_a_refused_arguments_unseen_character_is_said_as_its_escape(kb_root, argv, shown):
    """'Got unexpected extra argument(s) (cohan2020)', the right-to-left override in it left out: the argument
    said as one that looked right."""
    from kbrun import run_kb
    r = run_kb(*argv)
    assert r.code == 2 and r.err.count("\n") == 1 and f"({shown})" in r.err, r.err
