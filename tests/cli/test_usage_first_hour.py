"""Usage mistakes of a first hour: the file to write given without -o says the line to type, and a group's
misspelt command is offered in the words kb's own misspelt command is."""

from __future__ import annotations

import pytest
from kbrun import run_kb


@pytest.mark.parametrize("argv, fixed", [
    (["export", "bib", "refs.bib"], "kb export bib -o refs.bib"),
    (["export", "note", "-t", "energy", "-"], "kb export note -t energy -o -"),
    (["export", "csl-json", "out/items.json"], "kb export csl-json -o out/items.json"),
    (["graph", "export", "-f", "dot", "citations.dot"], "kb graph export -f dot -o citations.dot"),
])
def test_a_file_to_write_given_without_o_says_the_line_to_type(argv, fixed):
    r = run_kb(*argv)
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert f"; the file to write is given with -o: {fixed} (see kb " in r.err, r.err
    for other in (["export", "note", "energy"], ["export", "bib", "-o", "a.bib", "b.bib"]):    # no file, or -o too
        r = run_kb(*other)
        assert r.code == 2 and "unexpected extra argument" in r.err and "-o:" not in r.err, r.err


@pytest.mark.parametrize("argv, said", [
    (["quote", "ad"], "kb: error: kb quote: No such command 'ad'; did you mean 'add'? (see kb quote --help)"),
    (["claims", "prmote"], "kb: error: kb claims: No such command 'prmote'; did you mean 'promote'? "
                           "(see kb claims --help)"),
])
def test_a_misspelt_command_of_a_group_is_offered_as_kbs_own_is(argv, said):
    r = run_kb(*argv)
    assert r.code == 2 and r.err == said + "\n"


def test_a_command_outside_any_knowledge_base_says_how_to_name_one_elsewhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KB_HOME", raising=False)
    r = run_kb("ls")
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert "no knowledge base here" in r.err and "kb init" in r.err and "kb --kb FOLDER COMMAND" in r.err, r.err


@pytest.mark.parametrize("key", ["doe2024power", "DBLP:series/sci/2023-1062"])
def test_open_of_a_paper_without_a_pdf_says_the_command_attaching_one(kb_root, key):
    (kb_root / "references.bib").write_text(f"@article{{{key},\n  title = {{Power}},\n  author = {{Doe, Jane}},\n"
                                            "  year = {2024}\n}\n")
    r = run_kb("open", key)
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert f"{key} has no PDF" in r.err and f"`kb add FILE.pdf --key {key}` attaches one" in r.err, r.err


@pytest.mark.parametrize("bib", ["@article{doe2024,\n  title = {Power},\n  year = {2024}\n}\n",
                                 "% exported by JabRef\n\n  @Misc (doe2024,\n  title = {Power}\n)\n"])
def test_a_bibtex_file_given_to_add_names_kb_import(kb_root, tmp_path, monkeypatch, bib):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my library.bib").write_text(bib)
    r = run_kb("add", "--offline", "my library.bib")
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert r.err.rstrip().endswith("it is BibTeX: kb import 'my library.bib' reads its entries"), r.err
    assert (kb_root / "references.bib").read_text() == ""


def test_a_pdf_given_to_import_names_kb_add(kb_root, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
    r = run_kb("import", "paper.pdf")
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert "is a PDF, not BibTeX: nothing imported (kb add paper.pdf reads a PDF; with --key KEY" in r.err, r.err
    assert (kb_root / "references.bib").read_text() == ""


def test_export_of_a_new_knowledge_base_says_how_to_store_a_quote(kb_root):
    r = run_kb("export", "note")
    assert r.code == 2 and r.err == 'kb: error: no quotes stored (kb quote add KEY "a sentence, word for word" ' \
                                    'stores one)\n', r.err


def test_graph_of_a_new_knowledge_base_offers_no_step_that_lists_nothing(kb_root):
    r = run_kb("graph")
    assert r.code == 0 and r.out.startswith("0 papers") and "next:" not in r.out, r.out
