"""Round thirty-nine: citekeys swapped or given to another work by hand in references.bib."""

from __future__ import annotations

import pytest
from kbrun import run_kb

A = "@article{{{key}, title={{Water Use of Campus Computing}}, author={{Byron, Ada}}, year={{2020}}{ids}}}\n"
B = "@article{{{key}, title={{Sepsis Detection with Recurrent Networks}}, author={{Roe, Ann}}, year={{2021}}{ids}}}\n"
IDS = {"arxiv": (", eprint={2001.00001}, archiveprefix={arXiv}", ", eprint={2101.00002}, archiveprefix={arXiv}"),
       "doi": (", doi={10.1000/water.1}", ", doi={10.1000/sepsis.2}"), "title": ("", "")}


@pytest.mark.parametrize("edit, ids", [("swapped", "arxiv"), ("swapped", "title"), ("given-to-another-work", "doi"),
                                       ("given-to-another-work", "title")])
def test_a_key_that_now_names_another_work_never_keeps_its_quotes_verified(kb_root, ids, edit):
    """Paper A's quote stayed "verified" under key a2020 once a2020 named Paper B, and was exported
    under Paper B's title. Swapping the keys back makes it stand again."""
    bib = kb_root / "references.bib"
    ia, ib = IDS[ids]
    bib.write_text(A.format(key="a2020", ids=ia) + B.format(key="b2021", ids=ib))
    pages = kb_root.parent / "a.txt"
    pages.write_text("Water Use of Campus Computing\nWe measure 12 litres a day on campus.\n")
    assert run_kb("text", "load", "a2020", pages).code == 0
    assert run_kb("quote", "add", "a2020", "We measure 12 litres a day").code == 0
    kept = bib.read_text()
    bib.write_text(B.format(key="a2020", ids=ib) + (A.format(key="b2021", ids=ia) if edit == "swapped" else ""))
    listed = run_kb("quote", "ls")
    assert "UNVERIFIED" in listed.out and "another work" in listed.out, listed.out
    r = run_kb("verify")
    assert r.code == 1 and "another-work" in r.out and " ok " not in r.out, r.out
    assert "in the text of another work than" in run_kb("export", "note").out
    note = kb_root.parent / "note.md"
    note.write_text('They write "We measure 12 litres a day" [@a2020].\n')
    r = run_kb("verify", "--note", note)
    assert r.code == 1 and "names another work" in r.out, r.out
    if edit == "swapped":
        assert "now b2021" in r.out, r.out
    r = run_kb("quote", "add", "a2020", "litres a day on campus")      # Paper A's words, the key Paper B's
    assert r.code == 2 and "nothing stored" in r.err and len(r.err.strip().splitlines()) == 1, r.err
    r = run_kb("doctor")
    assert r.code == 1 and "problem: a2020: a2020 names another work" in r.out, r.out    # its text, quoted or not
    bib.write_text(kept)
    assert "UNVERIFIED" not in run_kb("quote", "ls").out
    assert run_kb("verify").code == 0


@pytest.mark.parametrize("bad, said", [
    (['"nonsense"', "7", '{"citedPaper": null}'], "3 references"),
    (['{"citedPaper": {"year": "2019", "authors": "Strubell"}}'], "1 reference"),
])
def test_semantic_scholar_entries_kb_cannot_read_are_counted_and_said(server, tmp_path, monkeypatch, bad, said):
    """kb cite fetch dropped what it could not read in silence: the lists looked complete."""
    import json

    from httpserver import Reply

    from kb.sources import s2
    from kb.sources.net import Client, Settings

    monkeypatch.setenv("KB_RETRIES", "0")
    body = '{"data": [{"citedPaper": {"paperId": "p1", "title": "T1"}}, %s]}' % ", ".join(bad)
    server.routes["/s2/graph/v1/paper/DOI:10.1234/abc/references"] = Reply(200, body.encode())
    server.routes["/s2/graph/v1/paper/DOI:10.1234/abc/citations"] = Reply(200, json.dumps({"data": []}).encode())
    got = s2.fetch(Client(tmp_path / "cache", tmp_path / "tmp", Settings.from_env()), None, "10.1234/abc")
    assert [p["title"] for p in got["references"]] == ["T1"]
    line = s2.unread_said(got["unread"])
    assert line is not None and f"dropped {len(bad)} of Semantic Scholar's entries ({said})" in line, line
    assert "\n" not in line


def test_a_claims_file_moved_to_a_paper_kb_holds_no_text_of_shows_nothing_verified(kb_root):
    """claims/a2020.toml moved by hand to claims/c2020.toml (c2020 an entry with no text): a2020's
    quote and claim were listed and exported as verified quotes of c2020, since no text could say no."""
    bib = kb_root / "references.bib"
    bib.write_text(A.format(key="a2020", ids="") + B.format(key="c2020", ids=""))
    pages = kb_root.parent / "a.txt"
    pages.write_text("Water Use of Campus Computing\nWe measure 12 litres a day. Training used 40 kWh in total.\n")
    assert run_kb("text", "load", "a2020", pages).code == 0
    assert run_kb("quote", "add", "a2020", "We measure 12 litres a day").code == 0
    assert run_kb("claim", "add", "a2020", "40 kWh", "-q", "Training used 40 kWh in total").code == 0
    own, moved = kb_root / "claims" / "a2020.toml", kb_root / "claims" / "c2020.toml"
    own.rename(moved)
    listed = run_kb("quote", "ls")
    assert "UNVERIFIED" in listed.out and "holds the quotes and claims of a2020" in listed.out, listed.out
    claims = run_kb("claims", "--json").json
    assert claims and all(c["status"] == "unverified" and "a2020" in c["reason"] for c in claims), claims
    moved.rename(own)
    assert "UNVERIFIED" not in run_kb("quote", "ls").out


def test_an_arxiv_id_edited_to_another_entrys_leaves_no_quote_verified_under_it(kb_root):
    """a2020's eprint edited by hand to b2021's: its quote stood verified and was exported linked to b2021's
    arXiv page; an id edited to one no other entry has (a guess corrected) leaves it verified."""
    bib = kb_root / "references.bib"
    ia, ib = IDS["arxiv"]
    bib.write_text(A.format(key="a2020", ids=ia) + B.format(key="b2021", ids=ib))
    pages = kb_root.parent / "a.txt"
    pages.write_text("Water Use of Campus Computing\nWe measure 12 litres a day on campus.\n")
    assert run_kb("text", "load", "a2020", pages).code == 0
    assert run_kb("quote", "add", "a2020", "We measure 12 litres a day").code == 0
    bib.write_text(A.format(key="a2020", ids=ib) + B.format(key="b2021", ids=ib))
    listed = run_kb("quote", "ls")
    assert "UNVERIFIED" in listed.out and "2101.00002 of b2021" in listed.out, listed.out
    bib.write_text(A.format(key="a2020", ids=ia.replace("00001", "00007")) + B.format(key="b2021", ids=ib))
    assert "UNVERIFIED" not in run_kb("quote", "ls").out


def test_a_title_corrected_to_the_one_its_text_prints_is_no_other_work(kb_root):
    """A guessed title ('Microsoft Word - draft3') corrected by hand keeps the quotes verified: the text's
    first page prints the new title; a title it does not print, and no identifier to say, is another work."""
    bib = kb_root / "references.bib"
    bib.write_text(A.format(key="a2020", ids="").replace("Water Use of Campus Computing", "Microsoft Word - draft3"))
    pages = kb_root.parent / "a.txt"
    pages.write_text("Water Use of Campus Computing\nWe measure 12 litres a day on campus.\n")
    assert run_kb("text", "load", "a2020", pages).code == 0
    assert run_kb("quote", "add", "a2020", "We measure 12 litres a day").code == 0
    bib.write_text(A.format(key="a2020", ids=""))
    assert "UNVERIFIED" not in run_kb("quote", "ls").out
    bib.write_text(B.format(key="a2020", ids=""))
    assert "UNVERIFIED" in run_kb("quote", "ls").out


@pytest.mark.parametrize("typed, corrected", [("Campus Computng", "Campus Computing"),
                                              ("Water Use of Campus Computing", "Water Use of Campus Computing: a Study")])
def test_kb_rebuild_keeps_the_text_of_an_entry_whose_title_was_corrected_by_hand(kb_root, typed, corrected):
    """An entry of no arXiv id or DOI whose title was corrected by hand lost its text at kb rebuild (its
    source followed only an unchanged title), and doctor called the entry gone; its quotes stood unchecked."""
    bib = kb_root / "references.bib"
    bib.write_text(A.format(key="a2020", ids="").replace("Water Use of Campus Computing", typed))
    pages = kb_root.parent / "a.txt"
    pages.write_text("Water Use of Campus Computing\nWe measure 12 litres a day on campus.\n")
    assert run_kb("text", "load", "a2020", pages).code == 0
    assert run_kb("quote", "add", "a2020", "We measure 12 litres a day").code == 0
    bib.write_text(bib.read_text().replace(typed, corrected))
    r = run_kb("rebuild")
    assert r.code == 0 and "lost" not in r.err, r.err
    assert run_kb("show", "a2020", "--json").json["versions"], "its text is gone from the index"


def test_kb_rebuild_keeps_the_text_of_an_entry_whose_guessed_title_was_replaced_by_hand(kb_root):
    """'Microsoft Word - draft3' replaced by the title the text prints: kb rebuild dropped the text from the
    index, saying its cached source was gone (it was not), and kb doctor called the entry gone."""
    bib = kb_root / "references.bib"
    bib.write_text(A.format(key="a2020", ids="").replace("Water Use of Campus Computing", "Microsoft Word - draft3"))
    pages = kb_root.parent / "a.txt"
    pages.write_text("Water Use of Campus Computing\nWe measure 12 litres a day on campus.\n")
    assert run_kb("text", "load", "a2020", pages).code == 0
    bib.write_text(A.format(key="a2020", ids=""))
    r = run_kb("rebuild")
    assert r.code == 0 and "lost" not in r.err, r.err
    assert run_kb("show", "a2020", "--json").json["versions"], "its text is gone from the index"
    r = run_kb("doctor")
    assert r.code == 0 and "gone" not in r.out, r.out
