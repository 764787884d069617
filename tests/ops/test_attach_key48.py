"""`kb add FILE.pdf --key KEY`: a PDF attached to a paper references.bib holds already (an entry
imported from BibTeX without its file), whatever title its metadata carries, where no command
attached one to a key: `kb add FILE.pdf` filed a scan or a PDF with another work's metadata as a
paper of its own. Checked as an imported entry's file field is: another paper's PDF is refused."""

from __future__ import annotations

import pytest
from pdfgen import make_pdf

from kb.errors import NotFound, UsageError
from kb.ops.library import rename_paper
from kb.ops.papers import attach_file, import_bib
from kb.ops.session import open_kb

ENTRY = "@article{alpha2020, title = {Energy and Policy of Widgets}, author = {Alpha, Ann and Beta, Bob}, year = {2020}}\n"


@pytest.mark.parametrize("printed, alias, attached", [
    (["Energy and Policy of Widgets", "Ann Alpha, Bob Beta", "We measured 3.5 kWh."], False, True),
    (["Scan 0001", "Ann Alpha and Bob Beta", "We measured 3.5 kWh."], True, True),      # its authors' names
    (["Computing Machinery and Intelligence", "Alan Turing", "We measured 9 kWh."], False, False),
])
def test_a_pdf_is_attached_to_a_paper_by_its_key(kb_root, tmp_path, printed, alias, attached):
    (tmp_path / "lib.bib").write_text(ENTRY)
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(make_pdf([printed], title="Microsoft Word - draft7.docx"))
    kb = open_kb(kb_root)
    import_bib(kb, tmp_path / "lib.bib")
    key = "alpha2020"
    if alias:
        rename_paper(kb, "alpha2020", "alpha2020energy")
        key = "alpha2020"           # the old key, kept in ids, still names it
    paper = "alpha2020energy" if alias else "alpha2020"
    before = (kb_root / "references.bib").read_bytes()
    if not attached:
        with pytest.raises(UsageError, match="neither the entry's title"):
            attach_file(kb, key, pdf)
        assert kb.db.execute("select count(*) from versions").fetchone()[0] == 0
        assert not kb.sources.find(citekey=paper)
        return
    result = attach_file(kb, key, pdf)
    assert (result.citekey, result.action, result.pages) == (paper, "updated", 1)
    assert kb.db.execute("select citekey from versions").fetchall() == [(paper,)]
    assert (kb_root / "references.bib").read_bytes() == before      # the entry as it was
    assert attach_file(kb, key, pdf).action == "unchanged"            # given again: nothing to do


def test_a_key_naming_no_paper_or_a_file_not_a_pdf_is_refused(kb_root, tmp_path):
    (tmp_path / "lib.bib").write_text(ENTRY)
    kb = open_kb(kb_root)
    import_bib(kb, tmp_path / "lib.bib")
    (tmp_path / "a.pdf").write_bytes(make_pdf([["Energy and Policy of Widgets"]]))
    with pytest.raises(NotFound):
        attach_file(kb, "nobody2020", tmp_path / "a.pdf")
    with pytest.raises(Exception, match="not a PDF"):
        attach_file(kb, "alpha2020", tmp_path / "lib.bib")


@pytest.mark.parametrize("args", [["a.pdf", "b.pdf"], ["doi:10.1000/xyz"], ["-"]])
def test_key_takes_one_pdf_file(kb_root, kb, args):
    result = kb("add", *args, "--key", "alpha2020")
    assert result.code == 2 and "--key attaches one PDF" in result.err and "Traceback" not in result.err


def test_a_pdf_kb_add_filed_as_a_paper_of_its_own_is_said(kb_root, tmp_path):
    from kb.ops.papers import add_pdf

    (tmp_path / "lib.bib").write_text(ENTRY)
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(make_pdf([["Scan 0001", "Ann Alpha and Bob Beta", "We measured 3.5 kWh."]]))
    kb = open_kb(kb_root)
    import_bib(kb, tmp_path / "lib.bib")
    guess = add_pdf(kb, pdf, offline=True).citekey            # its title not read: a paper of its own
    assert guess != "alpha2020"
    result = attach_file(kb, "alpha2020", pdf)
    assert result.action == "updated"
    assert [n for n in result.notes if guess in n] == [f"scan.pdf is the text of {guess} too (a paper kb add made "
                                                       f"of it?): kb rm {guess} if it was alpha2020"]
