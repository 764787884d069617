"""Round sixteen: the boundary with the world. A DOI a PDF prints that kb could not check (told how to
record it; one an older kb recorded unchecked named by kb doctor and never taken to match another
work), a newer version's text far shorter than the version before it, a `kb text load` replacing
loaded text with less; each said in one line, nothing lost.
"""

from __future__ import annotations

import pytest
from httpserver import Reply
from kbrun import run_kb
from pdfgen import make_pdf

from kb.graph.links import paper_index
from kb.ops.session import open_kb

TITLE = ["Measuring Water Use of Data Centres", "Jane Roe"]
PAGES = [TITLE + ["We introduce a survey of cooling towers across many regions."],
         ["Evaporation dominates consumption in summer months everywhere, while winter brings rain."],
         ["We measured twelve litres of water for each training run overall."]]
OWN_DOI = "10.5555/water.2020"
OWN_BIB = (b"@article{x, title = {Measuring Water Use of Data Centres}, author = {Roe, Jane}, year = {2020}, "
           b"journal = {Journal of Water}, doi = {10.5555/water.2020}}")


# -- a DOI the first page prints, unchecked offline ------------------------------------------------------------------

@pytest.mark.parametrize("name", ["own.pdf", "my paper.pdf"])
def test_a_papers_own_doi_unchecked_offline_names_the_command_that_records_it(kb_root, server, name):
    """Offline, the DOI page 1 prints is not recorded (it may be a work the paper cites): the note said
    'kb add FILE with the network does', naming no command a person can run. It names the file as given
    (quoted for a shell), and that very command, with the network, checks the DOI and records it."""
    import shlex

    pdf = kb_root.parent / name
    pdf.write_bytes(make_pdf([PAGES[0] + [f"doi:{OWN_DOI}"]] + PAGES[1:]))
    r = run_kb("add", "--offline", pdf)
    assert r.code == 0 and f"DOI {OWN_DOI}: not recorded" in r.err, r.err
    command = f"kb add {shlex.quote(str(pdf))}"
    assert f"`{command}` with the network checks it" in r.err, r.err
    key = r.out.split()[1]
    assert run_kb("show", key, "--json").json["doi"] is None
    server.routes[f"/doi/{OWN_DOI}"] = Reply(200, OWN_BIB, {"Content-Type": "application/x-bibtex"})
    r = run_kb(*shlex.split(command)[1:])
    assert r.code == 0 and r.out.split()[:2] == ["updated", key], r.out + r.err
    shown = run_kb("show", key, "--json").json
    assert shown["doi"] == OWN_DOI and shown["metadata_status"] == "complete"


CITED_DOI = "10.5555/cited.2010"
CITED_BIB = (b"@article{y, title = {A Cited Work on Something Else Entirely}, author = {Poe, Edgar}, year = {2010}, "
             b"journal = {K}, doi = {10.5555/cited.2010}}")


@pytest.mark.parametrize("how", ["add", "import"])
def test_a_doi_an_older_kb_recorded_unchecked_matches_nothing_and_doctor_names_it(kb_root, server, how):
    """An older kb recorded, offline, the DOI a PDF's first page prints, which was a work it cites. `kb add
    doi:X` of that work then took the paper over: its title and authors the cited work's, its text the PDF's
    (an import of the work's entry did the same, and references citing it linked to this paper). The DOI now
    matches nothing: the cited work is a paper of its own, this paper keeps its title; kb doctor names the DOI
    with the command that checks it, and is clean once the DOI is taken out."""
    pdf = kb_root.parent / "cites.pdf"
    pdf.write_bytes(make_pdf([PAGES[0] + [f"As argued before (doi:{CITED_DOI}), towers evaporate."]] + PAGES[1:]))
    key = run_kb("add", "--offline", pdf).out.split()[1]
    bib = kb_root / "references.bib"
    recorded = bib.read_text().replace("author = {Roe, Jane},", f"author = {{Roe, Jane}},\n  doi = {{{CITED_DOI}}},")
    bib.write_text(recorded)                    # as an older kb wrote it, and filed it with the PDF
    (manifest,) = (kb_root / ".kb" / "cache" / "sources").glob("*.json")
    manifest.write_text(manifest.read_text().replace('"doi": null', f'"doi": "{CITED_DOI}"'))
    assert CITED_DOI in manifest.read_text()
    doctor = run_kb("doctor")
    assert doctor.code == 1 and f"{key}'s DOI {CITED_DOI} was never checked" in doctor.out, doctor.out + doctor.err
    assert f"kb add {pdf}" in doctor.out and f"kb edit {key}" in doctor.out
    server.routes[f"/doi/{CITED_DOI}"] = Reply(200, CITED_BIB, {"Content-Type": "application/x-bibtex"})
    if how == "add":
        r = run_kb("add", f"doi:{CITED_DOI}")
        assert run_kb("add", f"doi:{CITED_DOI}").out.split()[0] == "unchanged"     # that work, not a third paper
    else:
        mine = kb_root.parent / "mine.bib"
        mine.write_bytes(CITED_BIB.replace(b"{y,", b"{poe2010,"))
        r = run_kb("import", mine)
    assert r.code == 0 and key not in r.out, r.out + r.err
    papers = {p["citekey"]: p for p in run_kb("ls", "--json").json}
    assert len(papers) == 2 and papers[key]["title"] == TITLE[0], papers
    (other,) = papers.keys() - {key}
    kb = open_kb(str(kb_root))
    try:        # a reference with that DOI links to the cited work alone
        assert [p.citekey for p in paper_index(kb.db).by_doi.get(CITED_DOI, [])] == [other]
    finally:
        kb.close()
    # taken out as kb doctor says (or the person's own entry taking over kb's guess): it stays out
    if how == "add":
        bib.write_text(bib.read_text().replace(f"  doi = {{{CITED_DOI}}},\n", "", 1))
    else:
        mine.write_text(f"@article{{roe2020,\n  title = {{{TITLE[0]}}},\n  author = {{Roe, Jane}},\n  year = {{2020}},\n}}\n")
        r = run_kb("import", mine)
        assert r.code == 0 and f"DOI {CITED_DOI}, never checked" in r.err, r.err
        key = "roe2020"
    assert run_kb("doctor").code == 0
    assert run_kb("show", key, "--json").json["doi"] is None


def test_a_papers_own_doi_an_older_kb_recorded_is_named_and_kb_add_doi_completes_that_paper(kb_root, server):
    """The same unchecked DOI, the paper's own: kb doctor cannot tell it from a cited one and names it; `kb add
    doi:X` finds the paper by it, checks its record's title against the paper's text, and completes it (no
    second paper), after which kb doctor is clean."""
    pdf = kb_root.parent / "own.pdf"
    pdf.write_bytes(make_pdf([PAGES[0] + [f"doi:{OWN_DOI}"]] + PAGES[1:]))
    key = run_kb("add", "--offline", pdf).out.split()[1]
    bib = kb_root / "references.bib"
    bib.write_text(bib.read_text().replace("author = {Roe, Jane},", f"author = {{Roe, Jane}},\n  doi = {{{OWN_DOI}}},"))
    assert f"{key}'s DOI {OWN_DOI} was never checked" in run_kb("doctor").out
    server.routes[f"/doi/{OWN_DOI}"] = Reply(200, OWN_BIB, {"Content-Type": "application/x-bibtex"})
    r = run_kb("add", f"doi:{OWN_DOI}")
    assert r.code == 0 and r.out.split()[:2] == ["updated", key], r.out + r.err
    assert len(run_kb("ls", "--json").json) == 1
    assert run_kb("doctor").code == 0


BERT = "BERT: Pre-training of Deep Bidirectional Transformers"


@pytest.mark.parametrize("how", ["add", "import"])
def test_an_arxiv_id_an_older_kb_took_unchecked_is_checked_before_a_record_takes_the_paper(kb_root, server, how):
    """An older kb took the arXiv id a PDF's first page printed ('We build on BERT (arXiv:1810.04805)') into its
    guessed entry. `kb add arxiv:1810.04805` then made the paper BERT (its title, authors and newest text BERT's,
    the quote verified in its own text stale), and an import of BERT's entry replaced the guess with it. A record
    found by an identifier of a guessed entry is that paper only where its text prints the record's title, as
    kb checks a PDF it adds; kb doctor names the id."""
    from fakearxiv import FakeArxiv

    FakeArxiv(server).add("1810.04805", {1: make_pdf([["arXiv:1810.04805v1 [cs.CL] 11 Oct 2018", BERT,
                                                        "Jacob Devlin", "We introduce BERT."]])}, BERT, ["Jacob Devlin"])
    pdf = kb_root.parent / "cites.pdf"
    pdf.write_bytes(make_pdf([PAGES[0] + ["We build on BERT (arXiv:1810.04805) in every region."]] + PAGES[1:]))
    key = run_kb("add", "--offline", pdf).out.split()[1]
    assert run_kb("quote", "add", key, "twelve litres of water").code == 0
    bib = kb_root / "references.bib"
    bib.write_text(bib.read_text().replace("author = {Roe, Jane},", "author = {Roe, Jane},\n  eprint = {1810.04805},"
                                           "\n  archiveprefix = {arXiv},"))      # as an older kb wrote it
    doctor = run_kb("doctor")
    assert doctor.code == 1 and f"{key}'s arXiv id 1810.04805 was never checked" in doctor.out, doctor.out
    if how == "add":
        r = run_kb("add", "arxiv:1810.04805")
    else:
        mine = kb_root.parent / "bert.bib"
        mine.write_text(f"@inproceedings{{devlin2019,\n  title = {{{BERT}}},\n  author = {{Devlin, Jacob}},\n"
                        "  year = {2019},\n  eprint = {1810.04805},\n  archiveprefix = {arXiv},\n}\n")
        r = run_kb("import", mine)
    assert r.code == 0 and "filed as a paper of its own" in r.err, r.out + r.err
    papers = {p["citekey"]: p for p in run_kb("ls", "--json").json}
    assert len(papers) == 2 and papers[key]["title"] == TITLE[0], papers
    assert run_kb("verify").code == 0


# -- a newer version far shorter than the one before it --------------------------------------------------------------

def _stamped(version: int, pages: list[list[str]]) -> bytes:
    return make_pdf([[f"arXiv:2311.16863v{version} [cs.LG] 28 Nov 2023"] + pages[0]] + pages[1:])


@pytest.mark.parametrize("kept", [1, 2])
def test_a_newer_versions_pdf_far_shorter_than_the_version_before_it_is_said_and_kept_out(kb_root, kept):
    """A one-page PDF of v2 (an abstract page, a partial download) became v2's text without a word, and
    the quote verified in v1 was stale. Refused in one line naming both versions, nothing added; taken
    with --replace-text; a whole v2 is taken as before."""
    v1, part, whole = (kb_root.parent / n for n in ("v1.pdf", "v2-part.pdf", "v2.pdf"))
    v1.write_bytes(_stamped(1, PAGES))
    part.write_bytes(_stamped(2, PAGES[:kept]))
    whole.write_bytes(_stamped(2, PAGES))
    key = run_kb("add", "--offline", v1).out.split()[1]
    assert run_kb("quote", "add", key, "twelve litres of water").code == 0
    r = run_kb("add", "--offline", part)
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert f"v2-part.pdf ({kept} page{'s' if kept != 1 else ''}) would be the text of {key} v2" in r.err, r.err
    assert f"3-page text kb holds of {key} v1" in r.err and "kb add --replace-text" in r.err, r.err
    assert [v["version"] for v in run_kb("show", key, "--json").json["versions"]] == ["v1"]
    assert run_kb("verify").code == 0
    assert not any(w in run_kb("doctor").out for w in ("belong to no paper", "belongs to no paper"))
    r = run_kb("add", "--offline", "--replace-text", part)
    assert r.code == 0 and r.out.split()[:3] == ["updated", key, "v2,"], r.out + r.err
    assert run_kb("add", "--offline", whole).out.split()[:2] == ["updated", key]
    assert "ok" in run_kb("verify").out


def test_a_newer_version_arxiv_serves_far_shorter_is_taken_and_said(kb_root, server):
    """arXiv's v2 of a withdrawn paper is one page: it is the version's text (kb fetched it from arXiv),
    but the quotes verified in v1 are now verified in it, and the add said nothing of it."""
    from fakearxiv import FakeArxiv

    arxiv = FakeArxiv(server)
    arxiv.add("2311.16863", {1: _stamped(1, PAGES)}, TITLE[0], [TITLE[1]])
    key = run_kb("add", "2311.16863").out.split()[1]
    arxiv.add("2311.16863", {1: _stamped(1, PAGES), 2: _stamped(2, [["This paper has been withdrawn."]])},
              TITLE[0], [TITLE[1]])
    r = run_kb("add", "--refresh", "2311.16863")
    assert r.code == 0 and "v2" in r.out, r.out + r.err
    assert f"the text of v2 (1 page) is less than the 3-page text of {key} v1, few of whose words" in r.err, r.err


# -- kb text load over loaded text -----------------------------------------------------------------------------------

WHOLE = "\f".join(" ".join(p) for p in PAGES)


@pytest.mark.parametrize("less, version", [(" ".join(PAGES[0]), ""),              # the first page alone
                                           (WHOLE[: len(WHOLE) * 2 // 3], ""),     # two thirds of it
                                           (" ".join(PAGES[0]), "v2")])            # of a version
def test_text_load_replacing_loaded_text_with_less_is_refused_without_replace(kb_root, less, version):
    """`kb text load` refused to replace a PDF's text, but replaced text an earlier `kb text load` gave
    with a page of it, in silence: its quote on page 3 lost its text. The rule kb add keeps (half the
    words, four fifths of the length) refuses it in one line, the held text kept; --replace takes it;
    the whole text again, or a longer one, is taken."""
    bib = kb_root.parent / "mine.bib"
    bib.write_text("@article{roe2020,\n  title = {Measuring Water Use of Data Centres},\n  author = {Roe, Jane},\n"
                   "  year = {2020},\n}\n")
    assert run_kb("import", bib).code == 0
    (kb_root.parent / "whole.txt").write_text(WHOLE)
    (kb_root.parent / "less.txt").write_text(less)
    extra = ["--version", version] if version else []
    assert run_kb("text", "load", "roe2020", kb_root.parent / "whole.txt", "--extractor", "grobid", *extra).code == 0
    assert run_kb("quote", "add", "roe2020", "twelve litres of water").code == 0
    r = run_kb("text", "load", "roe2020", kb_root.parent / "less.txt", "--extractor", "grobid", *extra)
    assert r.code == 2 and r.err.count("\n") == 1 and "nothing loaded, the held text kept" in r.err, r.err
    assert "--replace makes it the text" in r.err
    assert run_kb("verify").code == 0
    # a newer version named by hand is taken, and said when it is less than the version before it
    r = run_kb("text", "load", "roe2020", kb_root.parent / "less.txt", "--extractor", "grobid", "--version", "v9")
    assert r.code == 0 and ") is less than the 3-page text of roe2020" in r.err, r.err
    assert run_kb("text", "load", "roe2020", kb_root.parent / "whole.txt", "--extractor", "grobid", *extra).code == 0
    r = run_kb("text", "load", "roe2020", kb_root.parent / "less.txt", "--extractor", "grobid", *extra, "--replace")
    assert r.code == 0, r.err
