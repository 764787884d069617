"""Red-team round 50, hostile input (twelfth pass): answers compressed in codings kb cannot undo, feeds of
cut author lists, notes too large to read at once, and truth files nested deeper than any."""

from __future__ import annotations

import pytest
from kbrun import run_kb


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


# -- an answer compressed in a coding kb cannot undo -----------------------------------------

@pytest.mark.parametrize("coding, named", [("br", "'br'"), ("zstd", "'zstd'"), ("gzip, x-foo", "'x-foo'")])
@pytest.mark.parametrize("source", ["doi", "arxiv"])
def test_an_answer_compressed_in_a_coding_kb_cannot_undo_is_refused(kb_root, server, coding, named, source) -> None:
    """Its bytes were read as they came: a Crossref record said '... sent 117 bytes instead of JSON', an arXiv
    feed sent uncompressed under 'br' was filed as if it had been undone."""
    import json

    from fakearxiv import atom_entry, atom_feed
    from httpserver import Reply
    if source == "doi":
        body = json.dumps({"message": {"DOI": "10.1000/z", "title": ["Z"], "type": "journal-article"}}).encode()
        server.routes["/doi/10.1000/z"] = Reply(406, b"no")
        server.routes["/crossref/works/10.1000/z"] = Reply(200, body, {"Content-Type": "application/json",
                                                                       "Content-Encoding": coding})
    else:
        body = atom_feed([atom_entry("2311.16863", 1, "Zed", ["Ann Doe"])])
        server.routes["/api/query"] = Reply(200, body, {"Content-Type": "application/atom+xml",
                                                        "Content-Encoding": coding})
    before = (kb_root / "references.bib").read_text()
    got = run_kb("add", "doi:10.1000/z" if source == "doi" else "arxiv:2311.16863")
    assert got.code == 2, (got.code, got.err)
    line = _one_line(got.err)
    assert f"compressed as {named}, which kb cannot undo" in line and "nothing was kept" in line, line
    assert (kb_root / "references.bib").read_text() == before


# -- an arXiv record whose author list has a hole ----------------------------------------------

@pytest.mark.parametrize("hole, places", [("<author>\n    </author>", "the 2nd"),
                                          ("<author><name> </name></author><author/>", "the 2nd, 3rd")])
@pytest.mark.parametrize("given", ["id", "pdf"])
def test_an_arxiv_author_of_no_name_is_said_and_the_list_filed_as_incomplete(kb_root, server, tmp_path, monkeypatch,
                                                                             hole, places, given) -> None:
    """An <author> of no <name> was dropped without a word and the rest filed as the whole list ('Doe, Ann and
    Roe, Bo' for a paper of three); a PDF carrying arXiv's stamp took a record of 100,000 authors whole."""
    from fakearxiv import atom_entry, atom_feed
    from httpserver import Reply
    from pdfgen import make_pdf

    from kb.ops import papers
    monkeypatch.setenv("KB_ARXIV_DELAY", "0")
    monkeypatch.setattr(papers, "MAX_AUTHORS", 3)
    entry = atom_entry("2311.16863", 1, "Wind Power Limits", ["Ann Doe", "Bo Roe", "Cy Poe", "Di Low"])
    entry = entry.replace("<author>", hole + "<author>", 2).replace(hole + "<author>", "<author>", 1)
    server.routes["/api/query"] = Reply(200, atom_feed([entry]), {"Content-Type": "application/atom+xml"})
    pdf = make_pdf(["arXiv:2311.16863v1 [cs.LG] 28 Nov 2023 Wind Power Limits by Ann Doe and Bo Roe. "
                    + "We find that turbines deliver 4.5 kWh per day in calm weather. " * 4, "More text here."])
    server.routes["/pdf/2311.16863v1"] = Reply(200, pdf, {"Content-Type": "application/pdf"})
    (tmp_path / "p.pdf").write_bytes(pdf)
    got = run_kb("add", "arxiv:2311.16863" if given == "id" else tmp_path / "p.pdf")
    assert got.code == 0 and "Traceback" not in got.err, got.err
    said = [line for line in got.err.splitlines() if "authors" in line]
    assert len(said) == 2 and f"of them with no name ({places})" in said[1], got.err
    assert "lists 4 authors, more than any paper's: filed the first 3" in said[0], got.err
    assert "Poe, Cy and others}" in (kb_root / "references.bib").read_text()


# -- a note of more quotes than any ------------------------------------------------------------

@pytest.mark.parametrize("command", ["verify", "audit"])
@pytest.mark.parametrize("count, refused", [(4, True), (3, False)])
def test_a_note_of_more_quotes_than_any_is_refused_before_one_is_checked(kb_root, tmp_path, monkeypatch, command,
                                                                         count, refused) -> None:
    """A note of 10 MB holding 190,000 quotes was checked quote by quote: kb verify --note took minutes."""
    from alphakb import make_alpha

    from kb.ops import quotes
    monkeypatch.setattr(quotes, "MAX_NOTE_QUOTES", 3)
    make_alpha(kb_root, tmp_path)
    note = tmp_path / "n.md"
    note.write_text("".join(f'"We trained 12 models on 64 GPUs" [@alpha2020energy] line {i}.\n' for i in range(count)))
    got = run_kb(command, "--note", note)
    if refused:
        assert got.code == 2, (got.code, got.err)
        line = _one_line(got.err)
        assert f"holds 4 quotes, more than kb {command} --note checks of one note (at most 3)" in line, line
    else:
        assert got.code in (0, 1) and "more than" not in got.err, got.err


def test_a_sentence_of_many_citations_measures_each_figure_against_its_neighbours_only(kb_root, tmp_path,
                                                                                       monkeypatch) -> None:
    """Each citation of a sentence measured each of its figures against every citation: a sentence of 384 quotes
    took kb audit --note two minutes, one of 1,000 hours. Counted as the distances measured, not timed."""
    from alphakb import make_alpha

    from kb.ops import audit
    measured = [0]
    distance = audit._Sentence.distance

    def counted(self, *args):
        measured[0] += 1
        return distance(self, *args)

    monkeypatch.setattr(audit._Sentence, "distance", counted)
    make_alpha(kb_root, tmp_path)
    note = tmp_path / "n.md"
    n = 60
    note.write_text('"We trained 12 models on 64 GPUs" [@alpha2020energy] ' * n + "\n")
    got = run_kb("audit", "--note", note)
    assert got.code in (0, 1) and "Traceback" not in got.err, got.err
    assert 0 < measured[0] < 20 * n, measured[0]
