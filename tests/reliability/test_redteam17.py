"""Round seventeen: what the first round left, and hand edits made as a person makes them. A PDF carrying
another paper's arXiv stamp, an arXiv id kb never checked, a guessed entry found to be a journal's article;
each filed as what it is, or said in one line, nothing lost.
"""

from __future__ import annotations

import pytest
from fakearxiv import FakeArxiv
from httpserver import Reply
from kbrun import run_kb
from pdfgen import make_pdf

PHP = "Power Hungry Processing: Watts Driving the Cost of AI Deployment?"
STAMP = "arXiv:2311.16863v1 [cs.LG] 28 Nov 2023"
WATER = ["Measuring Water Use of Data Centres", "Jane Roe", "We measure 12 litres of water per query."]


@pytest.fixture
def php_arxiv(server):
    fake = FakeArxiv(server)
    fake.add("2311.16863", {1: make_pdf([[STAMP, PHP, "Sasha Luccioni", "Charging a phone takes 0.022 kWh."]])},
             PHP, ["Sasha Luccioni"])
    return fake


# -- a PDF carrying another paper's arXiv stamp ----------------------------------------------------------------

@pytest.mark.parametrize("offline_first", [False, True])
def test_a_pdf_carrying_another_papers_arxiv_stamp_is_not_filed_as_that_paper(kb_root, php_arxiv, offline_first):
    """The stamp's record was taken with no look at what the PDF prints: a water paper whose first page
    carried 2311.16863's stamp was filed as 'Power Hungry Processing', its text under that title; filed
    offline with the stamp's id, `kb add arxiv:2311.16863` later replaced its entry by that paper's."""
    path = kb_root.parent / "water.pdf"
    path.write_bytes(make_pdf([[STAMP] + WATER]))
    r = run_kb("add", *(["--offline"] if offline_first else []), path)
    assert r.code == 0, r.err
    water = r.out.split()[1]
    if offline_first:
        r = run_kb("add", path)         # with the network: the id kb took offline is named, with the fix
        assert f"{water} still records arXiv 2311.16863, taken unchecked from that stamp" in r.err, r.err
        r = run_kb("add", "arxiv:2311.16863")
        assert r.code == 0 and r.out.startswith("added     luccioni2023power"), r.out + r.err
    else:
        assert "carries arXiv's stamp of 2311.16863v1, but the PDF prints neither that paper's title" in r.err, r.err
    info = run_kb("show", water, "--json").json
    assert info["title"] == WATER[0]
    if not offline_first:
        assert info["arxiv_id"] is None
        # its own stamp beside a title revised since (its authors printed) is still that paper
        path.write_bytes(make_pdf([[STAMP, "Watts and costs, revised", "Sasha Luccioni", "Text."]]))
        r = run_kb("add", path)
        assert r.code == 0 and r.out.split()[1] == "luccioni2023power", r.out + r.err


# -- a guessed entry the network check finds ------------------------------------------------------------------

def test_a_guessed_misc_found_to_be_a_journals_article_becomes_that_article(kb_root, server):
    """After the network check the guess stayed @misc, whose type takes no journal: the record's journal
    and volume were dropped from references.bib."""
    body = b"@article{roe2023, title = {Measuring Water Use of Data Centres}, author = {Roe, Jane}, year = {2023}, " \
           b"journal = {Journal of Water}, volume = {3}, doi = {10.1234/water.5}}"
    server.routes["/doi/10.1234/water.5"] = Reply(200, body, {"Content-Type": "application/x-bibtex"})
    path = kb_root.parent / "water.pdf"
    path.write_bytes(make_pdf([WATER]))
    key = run_kb("add", "--offline", path).out.split()[1]
    r = run_kb("add", "doi:10.1234/water.5")
    assert r.code == 0 and r.out.startswith(f"updated   {key}"), r.out + r.err
    text = (kb_root / "references.bib").read_text()
    assert f"@article{{{key}," in text and "journal = {Journal of Water}" in text and "volume = {3}" in text
    info = run_kb("show", key, "--json").json
    assert info["entry_type"] == "article" and info["venue"] == "Journal of Water"


# -- an arXiv id kb never checked --------------------------------------------------------------------------------

BERT = "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
ENTRIES = (f"@inproceedings{{devlin2019,\n  title = {{{BERT}}},\n  author = {{Devlin, Jacob and Chang, Ming-Wei}},\n"
           "  year = {2019},\n}\n@misc{citing2024,\n  title = {Citing Paper},\n  author = {Doe, Jo},\n  year = {2024},\n}\n")
CITING = ["We use BERT [1] to count litres.",
          f"References\n[1] J. Devlin, M. Chang, K. Lee, K. Toutanova. {BERT}. arXiv:1810.04805, 2018."]


def test_a_reference_citing_an_arxiv_id_kb_never_checked_links_to_its_work_not_to_the_guess(kb_root, tmp_path):
    """An older kb took the id a PDF's first page printed ('We build on BERT (arXiv:1810.04805)') into its guessed
    entry: a reference citing BERT as arXiv:1810.04805 went to that water paper, whose title disagrees, and so
    linked to nothing, not to BERT's own entry; kb doctor said kb matches nothing by such an id."""
    import json

    pdf = tmp_path / "cites.pdf"
    pdf.write_bytes(make_pdf([WATER + ["We build on BERT (arXiv:1810.04805) in every region."]]))
    key = run_kb("add", "--offline", pdf).out.split()[1]
    bib = kb_root / "references.bib"
    bib.write_text(bib.read_text().replace("author = {Roe, Jane},", "author = {Roe, Jane},\n  eprint = {1810.04805},"
                                           "\n  archiveprefix = {arXiv},") + ENTRIES)      # as an older kb wrote it
    pages = tmp_path / "citing.json"
    pages.write_text(json.dumps(CITING))
    assert run_kb("text", "load", "citing2024", pages).code == 0
    r = run_kb("refs", "citing2024", "--json")
    assert r.code == 0 and r.json[0]["resolved"] == "devlin2019", r.out + r.err
    assert f"{key}'s arXiv id 1810.04805 was never checked" in run_kb("doctor").out


# -- kb rm after a claims file was moved or renamed by hand -------------------------------------------------------

@pytest.mark.parametrize("moved", ["claims/old/alpha2020energy.toml", "claims/notes.toml",
                                   "claims/alpha2020energy.toml.bak", "claims/alpha2019.toml"])
def test_kb_rm_of_a_paper_whose_claims_file_was_moved_by_hand_is_refused_and_keeps_it(kb_root, tmp_path, moved):
    """The index counts no record of a claims file kb reads as none of the paper's: `kb rm` removed the paper
    unasked ('0 quote(s), 0 claim(s)'), and `kb doctor --prune` its text, while the person's claims were there."""
    from alphakb import alpha_with_claim

    alpha_with_claim(kb_root, tmp_path)
    there = kb_root / moved
    there.parent.mkdir(exist_ok=True)
    (kb_root / "claims" / "alpha2020energy.toml").rename(there)
    if "2019" in moved:     # its key before a rename, kept in its ids; the file as a checkout brings it back
        bib = kb_root / "references.bib"
        bib.write_text(bib.read_text().replace("year = {2020},", "year = {2020},\n  ids = {alpha2019},"))
        there.write_text(there.read_text().replace("from alpha2020energy:", "from alpha2019:"))
    r = run_kb("rm", "alpha2020energy")
    assert r.code == 2 and f"alpha2020energy has quotes or claims in {moved}" in r.err, r.err
    assert "@misc{alpha2020energy," in (kb_root / "references.bib").read_text()
    r = run_kb("rm", "--force", "alpha2020energy")
    assert r.code == 0 and f"{moved} kept" in r.out and there.is_file(), r.out + r.err


# -- one paper twice in references.bib, as a git merge leaves it ---------------------------------------------------

def test_one_paper_entered_twice_under_two_keys_is_named_by_kb_doctor(kb_root, tmp_path):
    """Both sides of a merge added the paper, each under its own key: kb doctor said 'nothing to repair', while a
    reference citing its arXiv id linked to neither entry."""
    from alphakb import BIB, alpha_with_claim

    alpha_with_claim(kb_root, tmp_path)
    bib = kb_root / "references.bib"
    bib.write_text(bib.read_text() + BIB.replace("alpha2020energy,", "alpha2020b,"))
    r = run_kb("doctor")
    assert r.code == 1 and "alpha2020b has the arXiv id 2001.00001 of alpha2020energy (line 1): one paper twice" \
        in r.out and "`kb rm alpha2020b`" in r.out, r.out + r.err
