"""Sweep 49, consistency: one truth-file state said in the same words by every command."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.ops.claims import run_checks
from kb.ops.doctor import diagnose
from kb.store.knowledgebase import KB, init

BIB = "@article{p0,\n  title = {Energy of p0},\n  author = {Curie, Marie},\n  year = {2024}\n}\n"
CLAIMS = '[[claim]]\nid = "gpu-energy"\nvalue = "12 kWh"\nstatus = "unverified"\n'
CHECKS = '[[check]]\nid = "twelve"\nstated = "12 kWh"\nexpr = "p0.gpu_energy"\n'


def _kb(tmp_path, checks: bool = True):
    root, _ = init(tmp_path / "kb")
    (root / "references.bib").write_text(BIB)
    if checks:
        (root / "claims" / "p0.toml").write_text(CLAIMS)
        (root / "claims" / "checks.toml").write_text(CHECKS)
    KB.open(root).close()
    return root


def _moved(root):                   # the claim's id under another paper: its file renamed with its key
    (root / "claims" / "p0.toml").rename(root / "claims" / "curie2024.toml")
    bib = root / "references.bib"
    bib.write_text(bib.read_text().replace("{p0,", "{curie2024,"))


def _renamed(root):
    path = root / "claims" / "p0.toml"
    path.write_text(path.read_text().replace('"gpu-energy"', '"gpu-energy-total"'))


def _with_text(tmp_path, first_page: str, version: str = "v1"):
    """A knowledge base of no checks whose p0 holds two pages of text: `first_page`, then the page its claims quote."""
    import json

    from kb.ops.papers import load_text
    from kb.ops.session import open_kb

    root = _kb(tmp_path, checks=False)
    given = tmp_path / "pages.json"
    given.write_text(json.dumps([first_page, "We trained 12 models using 12 kWh."]))
    kb = open_kb(root)
    try:
        load_text(kb, "p0", given, version=version, extractor="test")
    finally:
        kb.close()
    return root


@pytest.mark.parametrize("edit, now", [(_renamed, "did you mean p0.gpu_energy_total"),
                                       (_moved, "did you mean curie2024.gpu_energy, the one claim of that id?")])
def test_a_check_naming_a_gone_claim_is_said_alike_by_check_and_doctor(tmp_path, edit, now):
    """kb check said "undefined name 'p0.gpu_energy' in the expression" where kb doctor said "check twelve
    names 'p0.gpu_energy', which is no claim kb holds": one wording, with where the claim went."""
    root = _kb(tmp_path)
    edit(root)
    kb = KB.open(root)
    try:
        [outcome] = run_checks(kb)
    finally:
        kb.close()
    said = [p.what for p in diagnose(root).problems if p.where == "claims/checks.toml:1"]
    assert outcome.verdict == "error" and outcome.message.startswith("names 'p0.gpu_energy', which is no claim kb "
                                                                     "holds"), outcome.message
    assert now in outcome.message, outcome.message
    assert said == [f"check twelve {outcome.message}"], said


# -- a record kb rewrites leaves the file's own layout as it was ---------------------------------

LAYOUT = ('# Claims of p0\n[[claim]]\nid = "a"\nvalue = "1 kWh"\n# b: from table 2\n[[claim]]\nid = "b"\n'
          'value = "2 kWh"\n[[claim]]  # c\nid = "c"\nvalue = "3 kWh"\n')


@pytest.mark.parametrize("record, replace, expected", [
    ({"id": "b", "value": "5 kWh"}, "b", LAYOUT.replace('"2 kWh"', '"5 kWh"')),           # --replace, a merge
    ({"id": "a", "value": "1 kWh", "page": 3}, "a", LAYOUT.replace('"1 kWh"\n', '"1 kWh"\npage = 3\n', 1)),
    ({"id": "d", "value": "4 kWh"}, "d", LAYOUT + '\n[[claim]]\nid = "d"\nvalue = "4 kWh"\n'),  # --id of none held
])
def test_a_rewritten_record_keeps_the_files_layout_outside_it(record, replace, expected):
    """A record kb rewrote parted every comment from the header under it, and every header from the
    record above, by a blank line: the whole file's layout changed for one record."""
    from kb.store.claimsfile import add_record

    assert add_record(LAYOUT, "claim", record, replace_id=replace) == expected


# -- a file field of references.bib naming a PDF that is not there -------------------------------

@pytest.mark.parametrize("field, said", [
    ("papers/curie.pdf", "'papers/curie.pdf' (looked for {root}/papers/curie.pdf or /papers/curie.pdf)"),
    ("Full text:/nowhere/p0 v2.pdf:application/pdf", "'/nowhere/p0 v2.pdf' (looked for /nowhere/p0 v2.pdf)"),
    ("here.pdf", None),                                                                   # there: nothing said
])
def test_a_file_field_naming_a_pdf_not_there_is_a_doctor_problem(tmp_path, field, said):
    """kb import said a file field naming no file; kb check, verify and doctor never read the field."""
    root = _kb(tmp_path, checks=False)
    (root / "here.pdf").write_bytes(b"%PDF-1.4\n")
    (root / "references.bib").write_text(BIB.replace("year = {2024}", "year = {2024},\n  file = {" + field + "}"))
    report = diagnose(root)
    problems = [p for p in report.problems if "file field" in p.what]
    if said is None:
        assert problems == [], problems
        return
    assert len(problems) == 1 and problems[0].where == "references.bib:5" and not report.ok, problems
    assert "entry p0's file field names a PDF that is not there" in problems[0].what, problems[0]
    assert said.format(root=root) in problems[0].what, problems[0]


# -- one rule of encodings for every truth file ---------------------------------------------------

@pytest.mark.parametrize("encoding, cut", [("utf-16", 0), ("utf-16-be", 0), ("utf-32", 0), ("utf-8-sig", 0),
                                           ("utf-16", 1)])
def test_references_bib_is_read_in_the_encodings_a_claims_file_is(tmp_path, encoding, cut):
    """A UTF-16 references.bib was refused ('is UTF-16, not UTF-8') where a UTF-16 claims file and
    kb.toml are read and written back so; one a byte was cut from is said in the claims file's words."""
    from kb.errors import FileFormatError
    from kb.sources.bibtex import BibFile
    from kb.store.claimsfile import decode_toml

    data = BIB.encode(encoding)
    data = data[:len(data) - cut]
    path = tmp_path / "references.bib"
    path.write_bytes(data)
    if not cut:
        assert BibFile.load(path).entry("p0").fields["title"] == "Energy of p0"
        return
    with pytest.raises(FileFormatError) as bib:
        BibFile.load(path)
    with pytest.raises(FileFormatError) as toml:
        decode_toml(data, str(path))
    assert bib.value.message == toml.value.message and "is UTF-16 kb cannot decode" in bib.value.message


def test_an_entry_of_more_fields_than_any_is_refused_alike_in_references_bib_and_by_kb_import(monkeypatch):
    """kb import refused an entry of over 1,000 fields; written into references.bib by hand it was read whole."""
    from kb.errors import FileFormatError
    from kb.ops import papers
    from kb.sources import bibtex

    text = "@article{many2020,\n title={Many},\n" + "".join(f" f{i} = {{v}},\n" for i in range(9)) + "}\n"
    monkeypatch.setattr(papers, "MAX_FIELDS", 6)
    with pytest.raises(FileFormatError) as imported:
        papers._check_incoming(bibtex.BibFile(text, "in.bib"))
    monkeypatch.setattr(bibtex, "MAX_FIELDS", 6)
    with pytest.raises(FileFormatError) as held:
        bibtex.BibFile(text, "references.bib")
    assert held.value.message == imported.value.message and held.value.line == 1
    assert "entry 'many2020' has 10 fields, more than any entry holds" in held.value.message


# -- a key renamed by hand in references.bib, as kb show says it -----------------------------------

def test_kb_show_of_a_key_renamed_by_hand_says_it_as_kb_verify_does(tmp_path):
    """kb show p0 said 'no paper 'p0' in the knowledge base' where kb check, verify and doctor said 'p0 is not
    in references.bib: if you renamed it curie2024 in references.bib, kb rename p0 curie2024 moves the rest'."""
    from kb.errors import NotFound
    from kb.ops.library import paper_key, show_paper
    from kb.ops.session import open_kb

    root = _with_text(tmp_path, "Intro.")
    bib = root / "references.bib"
    bib.write_text(bib.read_text().replace("{p0,", "{curie2024,"))
    (root / "claims" / "p9.toml").write_text(CLAIMS)      # a claims file of no paper: kb verify's words too
    kb = open_kb(root)
    try:
        with pytest.raises(NotFound) as exc:
            show_paper(kb, "p9")
        assert exc.value.message == "p9 is not in references.bib", exc.value.message
        for look in (show_paper, paper_key):
            with pytest.raises(NotFound) as exc:
                look(kb, "p0")
            assert exc.value.message == "'p0' is not in references.bib", exc.value.message
            assert exc.value.hint == "if you renamed it curie2024 in references.bib, kb rename p0 curie2024 moves the rest"
        with pytest.raises(NotFound) as exc:
            show_paper(kb, "p1")
        assert "no paper 'p1'" in exc.value.message
    finally:
        kb.close()


# -- a PDF deleted from the cache by hand ---------------------------------------------------------

def test_a_pdf_deleted_from_the_cache_is_said_by_show_and_open_as_doctor_says_it(kb_root, tmp_path):
    """kb doctor said 'f4b6….pdf is missing (a source of KEY)' where kb show listed the version as held, saying
    nothing, and kb open said the paper had 'no PDF (only page text)'."""
    from kbrun import run_kb
    from pdfgen import make_pdf

    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(make_pdf(["Measuring the energy of models", "The energy of training is large."],
                             title="Measuring the Energy of Models", author="Jane Doe"))
    key = run_kb("add", "--offline", pdf, "--json").json[0]["citekey"]
    cached = Path(run_kb("open", key, "--print").out.strip())
    cached.unlink()
    said = f"{cached.name} is missing"
    assert any(said in p.what for p in diagnose(kb_root).problems)
    assert any(f"{said} from the cache (a source of {key})" in p for p in run_kb("show", key, "--json").json["problems"])
    r = run_kb("open", key, "--print")
    assert r.code == 2 and f"{said} from the cache (a source of {key})" in r.err and "only page text" not in r.err, r.err


def test_a_check_kb_check_says_is_ambiguous_is_a_doctor_problem(tmp_path):
    """A claim of the same id written into another file by hand: kb check said "'gpu_energy' is ambiguous" and
    failed, kb doctor said nothing of the check."""
    root = _kb(tmp_path)
    (root / "claims" / "checks.toml").write_text(CHECKS.replace("p0.gpu_energy", "gpu_energy"))
    (root / "claims" / "p1.toml").write_text(CLAIMS)
    kb = KB.open(root)
    try:
        [outcome] = run_checks(kb)
    finally:
        kb.close()
    said = [p for p in diagnose(root).problems if p.where == "claims/checks.toml:1"]
    assert outcome.verdict == "error" and "'gpu_energy' is ambiguous" in outcome.message, outcome.message
    assert [p.what for p in said] == [f"check twelve: {outcome.message}"], said


def test_a_quote_edited_by_hand_is_said_by_doctor_in_kb_verifys_words(tmp_path):
    """kb doctor said 'not found in p0 : ...' of a paper of no version, and made every two spaces of kb verify's
    message (the quote's own text) one."""
    from kb.ops.quotes import verify_papers
    from kb.ops.session import open_kb

    root = _with_text(tmp_path, "Intro.", version="")
    (root / "claims" / "p0.toml").write_text('[[quote]]\nid = "q"\ntext = "We  trained 13  models"\npage = 2\n'
                                            'status = "verified"\n')
    kb = open_kb(root)
    try:
        [v] = [v for v in verify_papers(kb) if v.kind == "quote"]
    finally:
        kb.close()
    said = [p.what for p in diagnose(root).problems if p.what.startswith("quote q ")]
    assert said == [f"quote q is marked verified but is not found in p0: {v.message}"], (said, v.message)


def test_kb_show_of_a_key_given_to_another_work_by_hand_says_it_as_kb_verify_does(tmp_path):
    """Its title changed by hand to another work's: kb verify and doctor said 'p0 names another work in
    references.bib than the text kb holds under it', kb show listed its text as held and said nothing."""
    from kb.ops.library import show_paper
    from kb.ops.session import open_kb

    root = _with_text(tmp_path, "Energy of p0")
    bib = root / "references.bib"
    bib.write_text(bib.read_text().replace("Energy of p0", "Attention Is All You Need"))
    kb = open_kb(root)
    try:
        problems = show_paper(kb, "p0")["problems"]
    finally:
        kb.close()
    assert any(p.startswith("p0 names another work in references.bib than the text kb holds under it")
               for p in problems), problems


def test_kb_claim_rm_of_a_claim_a_check_names_says_it_in_kb_checks_words(kb_root):
    """kb claim rm said kb check 'will say it is missing'; kb check and kb doctor say 'which is no claim kb holds'."""
    from kbrun import run_kb

    (kb_root / "references.bib").write_text(BIB)
    (kb_root / "claims" / "p0.toml").write_text(CLAIMS)
    (kb_root / "claims" / "checks.toml").write_text(CHECKS)
    r = run_kb("claim", "rm", "p0.gpu_energy")
    assert r.code == 0 and "check twelve names p0.gpu_energy, which is no claim kb holds now" in r.err, r.err
    assert "names 'p0.gpu_energy', which is no claim kb holds" in run_kb("check").out
