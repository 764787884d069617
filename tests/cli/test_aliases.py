"""A key kept in a paper's `ids` field (an imported key merged into a paper kb held,
or the key before `kb rename`) names that paper everywhere a key is given: kb export
--cite (bib, note, Markdown, CSL-JSON), kb export bib --paper, and the citations of a
note (`[@alias]`, `\\cite{alias}`, `\\citep[p.~2]{alias}`) that kb verify --note and
kb audit --note read. All resolve through kb.store.queries (resolve_alias)."""

from __future__ import annotations

import json

import pytest
from kbrun import run_kb

ENTRY = """@article{turing1950computing,
  title={Computing machinery and intelligence},
  author={Turing, Alan M},
  journal={Mind},
  volume={59},
  pages={433--460},
  year={1950}
}
"""
PAGES = ["I propose to consider the question, Can machines think?",
         "The original question, Can machines think? I believe to be too meaningless to deserve discussion."]


@pytest.fixture
def aliased(kb_root, tmp_path):
    """turing1950computing, imported twice: the second time as Turing:1950 (kept in ids)."""
    (tmp_path / "a.bib").write_text(ENTRY)
    (tmp_path / "b.bib").write_text(ENTRY.replace("turing1950computing", "Turing:1950"))
    assert run_kb("import", tmp_path / "a.bib").code == 0
    r = run_kb("import", tmp_path / "b.bib")
    assert r.code == 0 and "recorded 'Turing:1950' in its ids field" in r.err
    (tmp_path / "pages.json").write_text(json.dumps(PAGES))
    assert run_kb("text", "load", "turing1950computing", tmp_path / "pages.json", "--extractor", "test").code == 0
    return kb_root


def test_export_bib_cite_and_paper_take_an_alias(aliased):
    for args in (["--cite", "Turing:1950"], ["--paper", "Turing:1950"], ["--cite", "Turing:1950,turing1950computing"]):
        r = run_kb("export", "bib", *args)
        assert r.code == 0, r.err
        assert r.out.count("@article{turing1950computing,") == 1 and "ids = {Turing:1950}" in r.out


def test_export_note_and_csl_cite_an_alias(aliased, tmp_path):
    r = run_kb("export", "note", "--cite", "Turing:1950")
    assert r.code == 0, r.err
    assert 'id="turing1950computing"' in r.out and "Computing machinery and intelligence" in r.out
    r = run_kb("export", "note", "--cite", "Turing:1950", "--format", "markdown", "-o", tmp_path / "n.md")
    assert r.code == 0, r.err
    assert "@turing1950computing" in (tmp_path / "n.md").read_text()
    assert "@article{turing1950computing," in (tmp_path / "n.bib").read_text()
    r = run_kb("export", "csl-json", "--cite", "Turing:1950")
    assert r.code == 0 and [item["id"] for item in json.loads(r.out)] == ["turing1950computing"]


def test_an_unknown_key_is_still_the_one_no_paper_error(aliased):
    for command in (["export", "bib"], ["export", "csl-json"], ["export", "note"]):
        r = run_kb(*command, "--cite", "Turing:1951")
        assert r.code == 2
        assert r.err.strip().splitlines()[-1].startswith("kb: error: no paper 'Turing:1951' in the knowledge base")


def test_note_citations_by_alias_pandoc_and_latex(aliased, tmp_path):
    note = tmp_path / "note.md"
    note.write_text(
        '> "I propose to consider the question, Can machines think?"\n'
        "[@Turing:1950, p. 1]\n\n"
        '> "too meaningless to deserve discussion" \\cite[p.~2]{Turing:1950}\n\n'
        'As *"Can machines think?"* asks \\citep{Turing:1950}, and more.\n\n'
        '> "too meaningless to deserve discussion"\n'
        "\\autocite[see][1]{Turing:1950}\n")
    r = run_kb("verify", "--note", note)
    lines = [line for line in r.out.splitlines() if line.startswith(str(note))]
    assert len(lines) == 4, r.out
    assert all("turing1950computing" in line and "(by alias)" in line for line in lines), r.out
    assert [line.split(": ")[1].split()[0] for line in lines] == ["ok", "ok", "ok", "wrong-page"], r.out
    assert r.code == 1
    r = run_kb("audit", "--note", note)
    assert r.code == 0, r.err


def test_a_key_kb_makes_is_never_another_papers_alias_nor_a_key_in_another_case(kb_root, tmp_path):
    """After `kb rename`, notes still cite the old key (kept in ids). A paper whose made key
    would be that alias, or a key differing from one only in case, gets another key: the
    alias keeps naming the renamed paper."""
    (tmp_path / "a.bib").write_text("@article{chang2023citesee,\n title={CiteSee: Augmenting Citations},\n"
                                    " author={Chang, Joseph},\n year={2023}\n}\n")
    assert run_kb("import", tmp_path / "a.bib").code == 0
    assert run_kb("rename", "chang2023citesee", "chang2023persistent").code == 0
    # its own key is taken, so kb makes one: chang2023citesee would be the renamed paper's alias
    (tmp_path / "b.bib").write_text("@article{chang2023persistent,\n title={CiteSee Two: A Different Paper},\n"
                                    " author={Chang, Ann},\n year={2023}\n}\n")
    r = run_kb("import", tmp_path / "b.bib", "--json")
    assert r.code == 0, r.err
    [made] = r.json["added"]
    assert made.lower() != "chang2023citesee" and made.startswith("chang2023citesee")
    assert run_kb("show", "chang2023citesee", "--json").json["citekey"] == "chang2023persistent"
    # a key in another case is the same key to BibTeX: never made beside it
    (tmp_path / "c.bib").write_text("@article{Chang2023Citeseec,\n title={Elsewhere},\n author={Doe, Jo},\n"
                                    " year={2020}\n}\n\n@article{chang2023persistent,\n title={CiteSee Three},\n"
                                    " author={Chang, Bo},\n year={2023}\n}\n")
    r = run_kb("import", tmp_path / "c.bib", "--json")
    assert r.code == 0, r.err
    keys = {k.lower() for k in r.json["added"]}
    assert "chang2023citeseec" in keys and len(keys) == 2      # the third CiteSee went past 'c'
