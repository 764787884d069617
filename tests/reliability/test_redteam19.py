"""Round nineteen: what an offline add takes from a PDF's arXiv stamps, a broken claims file beside
the one a command works on, claims files of no paper, and hostile input at the boundary.
"""

from __future__ import annotations

import pytest
from kbrun import run_kb
from pdfgen import make_pdf

STAMP = "arXiv:2104.10350v3 [cs.CY] 23 Apr 2021"
BODY = ["On the Water Footprint of Campus Computing", "Ada Byron", "We measure 12 litres a day."]


@pytest.mark.parametrize("pages", [
    pytest.param([BODY + [f"As {STAMP} reports, training is costly."]], id="quoted-in-a-sentence"),
    pytest.param([BODY, [STAMP, "A page of a cited paper, merged in."]], id="stamp-on-a-later-page"),
    pytest.param([BODY + [STAMP], ["References", "[1] Patterson et al. arXiv:2104.10350, 2021."]],
                 id="a-stamp-line-its-references-cite"),
])
def test_an_offline_add_records_no_arxiv_id_from_another_papers_stamp(kb_root, pages):
    path = kb_root.parent / "thesis.pdf"
    path.write_bytes(make_pdf(pages))
    r = run_kb("add", "--offline", path)
    assert r.code == 0 and "2104.10350" in r.err and "not recorded" in r.err, r.err
    info = run_kb("show", r.out.split()[1], "--json").json
    assert info["arxiv_id"] is None and info["year"] != 2021


def test_the_first_pages_margin_stamp_still_names_the_paper_offline(kb_root):
    path = kb_root.parent / "paper.pdf"
    path.write_bytes(make_pdf([BODY + [STAMP], ["Results", "More text."]]))
    r = run_kb("add", "--offline", path)
    assert r.code == 0, r.err
    assert run_kb("show", r.out.split()[1], "--json").json["arxiv_id"] == "2104.10350"


TWO = ("@article{a2020, title={Alpha Paper}, author={Doe, Jane}, year={2020}}\n"
       "@article{b2020, title={Beta Paper}, author={Roe, Ann}, year={2020}}\n")


def test_add_and_rm_go_on_beside_a_broken_claims_file_and_refuse_to_remove_it(kb_root):
    (kb_root / "references.bib").write_text(TWO)
    broken = kb_root / "claims" / "b2020.toml"
    broken.write_text('[[quote]]\nid = "q"\ntext = "twelve litres\n')
    r = run_kb("rm", "a2020")
    assert r.code == 0 and "removed a2020" in r.out and "claims/b2020.toml" in r.err, r.err
    path = kb_root.parent / "paper.pdf"
    path.write_bytes(make_pdf([BODY]))
    r = run_kb("add", "--offline", path)
    assert r.code == 0 and r.out.startswith("added") and "claims/b2020.toml" in r.err, r.err
    r = run_kb("rm", "--force", "b2020")
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1 and "nothing removed" in r.err, r.err
    assert "Traceback" not in r.err and broken.read_text().startswith("[[quote]]")
    assert "@article{b2020," in (kb_root / "references.bib").read_text()


@pytest.mark.parametrize("key", ["nosuch", "a2020x"])
def test_a_record_of_no_paper_is_never_shown_verified(kb_root, key):
    """claims/nosuch.toml (or a paper's entry renamed by hand) kept the "verified" its file wrote."""
    from kb.ops.claims import claim_lines, list_claims
    from kb.ops.quotes import list_quotes
    from kb.ops.search import search
    from kb.ops.session import open_kb

    (kb_root / "references.bib").write_text(TWO)
    (kb_root / "claims" / f"{key}.toml").write_text(
        '[[quote]]\nid = "q1"\ntext = "Training used 12 kWh of energy."\nstatus = "verified"\npage = 1\n\n'
        '[[claim]]\nid = "energy"\nvalue = "12 kWh"\nquote = "Training used 12 kWh of energy."\nstatus = "verified"\n')
    kb = open_kb(kb_root)
    [quote], [claim] = list_quotes(kb), list_claims(kb)
    assert (quote["status"], claim["status"]) == ("unverified", "unverified")
    assert f"its paper {key} is not in references.bib" in quote["reason"] + claim["reason"]
    assert [line[4] for line in claim_lines(kb)] == ["UNVERIFIED"]
    assert {hit.status for hit in search(kb, "training energy")} == {"unverified"}


@pytest.mark.parametrize("stamp", ["arXiv:1810.04805v1 [cs.CL] 11 Oct 2018", "arXiv:2311.16863v3 [cs.LG] 15 Oct 2024"])
def test_a_pdf_the_network_sends_stamped_for_another_paper_or_version_is_not_filed(kb_root, server, stamp):
    """arXiv's PDF address answered (a mirror, a proxy's cache) with another paper's PDF: its text was filed as the
    paper's, and a quote of that other text verified as this paper's."""
    from fakearxiv import FakeArxiv

    title = "Power Hungry Processing"
    FakeArxiv(server).add("2311.16863", {1: make_pdf([[stamp, title, "Alexandra Luccioni", "We used 99 kWh."]])},
                          title, ["Alexandra Luccioni"])
    r = run_kb("add", "arxiv:2311.16863v1")
    assert r.code == 2 and "carries arXiv's stamp of" in r.err and len(r.err.strip().splitlines()) == 1, r.err
    assert run_kb("ls", "--json").json == [] and run_kb("quote", "add", "luccioni2023power", "99 kWh").code == 2


@pytest.mark.parametrize("how", ["add", "import"])
def test_a_pdf_stamped_for_another_arxiv_paper_is_not_attached_as_its_text(kb_root, server, how):
    """`kb add arxiv:2311.16863 bert.pdf` (or an entry's file field) filed BERT's PDF as the paper's unversioned
    text, and a quote of BERT's text then verified as this paper's."""
    from fakearxiv import FakeArxiv

    title = "Power Hungry Processing"
    FakeArxiv(server).add("2311.16863", {1: make_pdf([[STAMP.replace("2104.10350v3", "2311.16863v1"), title,
                                                        "We used 12 kWh."]])}, title, ["Alexandra Luccioni"])
    pdf = kb_root.parent / "bert.pdf"
    pdf.write_bytes(make_pdf([["arXiv:1810.04805v1 [cs.CL] 11 Oct 2018", "BERT", "Jacob Devlin", "We used 99 kWh."]]))
    if how == "add":
        r = run_kb("add", "arxiv:2311.16863", pdf)
    else:
        mine = kb_root.parent / "mine.bib"
        mine.write_text(f"@misc{{luccioni2023power, title={{{title}}}, author={{Luccioni, Alexandra}}, year={{2023}},"
                        f" eprint={{2311.16863}}, archiveprefix={{arXiv}}, file={{{pdf}}}}}\n")
        r = run_kb("import", mine)
    assert "carries arXiv's stamp of 1810.04805v1" in r.err and "not attached" in r.err, r.err
    versions = run_kb("show", "luccioni2023power", "--json").json["versions"]
    assert all(v["version"] for v in versions)


@pytest.mark.parametrize("stamp, version", [("arXiv:1810.04805v1 [cs.CL] 11 Oct 2018", "v1"),
                                            ("arXiv:cs/0306050v2 [cs.CL] 10 Jun 2003", "")])
def test_page_text_stamped_for_another_paper_is_not_loaded_as_its_text(kb_root, tmp_path, stamp, version):
    """`kb text load` filed BERT's text as the paper's v1, where quotes were then verified as this paper's."""
    (kb_root / "references.bib").write_text("@misc{p2023, title={Power Hungry Processing}, author={Roe, Jane}, "
                                            "year={2023}, eprint={2311.16863}, archiveprefix={arXiv}}\n")
    path = tmp_path / "text.txt"
    path.write_text(f"{stamp}\nA title\nWe used 99 kWh.\fpage two")
    r = run_kb("text", "load", "p2023", path, *(["--version", version] if version else []))
    assert r.code == 2 and "carries arXiv's stamp of" in r.err and r.err.count("\n") == 1, r.err
    assert run_kb("show", "p2023", "--json").json["versions"] == []


def test_a_merged_pdfs_second_paper_stamp_does_not_name_it_online(kb_root, server):
    """Page 2 of a merged file is BERT's first page, its stamp and title: taken as an id the first pages print
    and checked against arXiv's title (printed there), the PDF was filed as BERT."""
    from fakearxiv import FakeArxiv

    bert = "BERT: Pre-training of Deep Bidirectional Transformers"
    FakeArxiv(server).add("1810.04805", {1: make_pdf([[bert]])}, bert, ["Jacob Devlin"])
    path = kb_root.parent / "merged.pdf"
    path.write_bytes(make_pdf([BODY, ["arXiv:1810.04805v1 [cs.CL] 11 Oct 2018", bert, "Jacob Devlin"]]))
    r = run_kb("add", path)
    assert r.code == 0 and "another paper's, not recorded" in r.err, r.err
    info = run_kb("show", r.out.split()[1], "--json").json
    assert info["arxiv_id"] is None and "BERT" not in info["title"]
