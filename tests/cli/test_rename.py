"""kb rename: the one safe way to change a citekey, end to end, on the real pypdf text
of Power Hungry Processing (arXiv 2311.16863 v3)."""

from __future__ import annotations

import io
import json
import sys
import tomllib

import pytest
from corpus import (
    PHP_IMAGE_QUOTE,
    PHP_QUOTE,
    STRUBELL_STUB,
    php_with_a_quote,
    wattbot_pages,
)
from kbrun import run_kb

QUOTE, IMAGE_QUOTE, OTHER = PHP_QUOTE, PHP_IMAGE_QUOTE, STRUBELL_STUB


@pytest.fixture
def php(kb_root, tmp_path):
    php_with_a_quote(kb_root, tmp_path)
    r = run_kb("claim", "add", "luccioni2023power", "11.49 kWh", "--quote", IMAGE_QUOTE, "--id", "image-gen",
               "--per", "1000 inferences")
    assert r.code == 0, r.err
    (kb_root / "claims" / "checks.toml").write_text(
        '[units]\nimage_run = "luccioni2023power.image_gen"\n'
        '[[check]]\nid = "per_inference"\nstated = "11.49 Wh"\n'
        'expr = "luccioni2023power.image_gen / 1000"\n'
        '[[check]]\nid = "one_run"\nstated = "1 image_run"\nexpr = "luccioni2023power.image_gen"\n'
        '[[restatement]]\nid = "r1"\nverdict = "confirmed"\ncited = "luccioni2023power"\n')
    return kb_root


def test_rename_moves_everything_and_keeps_the_old_key(php, tmp_path):
    note = tmp_path / "note.md"
    note.write_text('As [@luccioni2023power, p. 6] and @luccioni2023power. found; not @luccioni2023powerful.\n'
                    '<Quote sourceLink="#luccioni2023power">x</Quote> [@strubell2019energy]\n')
    r = run_kb("rename", "luccioni2023power", "luccioni-php", "--note", note)
    assert r.code == 0, r.err
    assert "renamed luccioni2023power -> luccioni-php" in r.out and "claims/checks.toml" in r.out
    bib = (php / "references.bib").read_text()
    assert "@misc{luccioni-php," in bib and "ids = {luccioni2023power}" in bib
    assert "luccioni2023power," not in bib.split("ids")[0]
    assert not (php / "claims" / "luccioni2023power.toml").exists()
    moved = tomllib.loads((php / "claims" / "luccioni-php.toml").read_text())
    assert moved["quote"][0]["id"] == "generative" and moved["claim"][0]["per"] == "1000 inferences"
    assert (php / "claims" / "luccioni-php.toml").read_text().startswith("# Quotes and claims from luccioni-php: ")
    checks = tomllib.loads((php / "claims" / "checks.toml").read_text())
    assert checks["check"][0]["expr"] == "`luccioni-php`.image_gen / 1000"
    assert checks["restatement"][0]["cited"] == "luccioni-php"
    assert checks["units"]["image_run"] == "`luccioni-php`.image_gen"
    assert note.read_text() == ('As [@luccioni-php, p. 6] and @luccioni-php. found; not @luccioni2023powerful.\n'
                                '<Quote sourceLink="#luccioni-php">x</Quote> [@strubell2019energy]\n')
    manifests = [json.loads(p.read_text()) for p in (php / ".kb" / "cache" / "sources").glob("*.json")]
    assert [m["citekeys"] for m in manifests] == [["luccioni-php"]]
    # the index: text, quotes and claims under the new key; the old key an alias
    r = run_kb("show", "luccioni2023power", "--json")
    assert r.code == 0 and r.json["citekey"] == "luccioni-php" and r.json["quotes"] == 1 and r.json["claims"] == 1
    assert r.json["versions"][0]["page_count"] == len(wattbot_pages("luccioni2024"))
    assert run_kb("check").code == 0
    assert run_kb("verify").code == 0
    # a note not rewritten still cites the paper: the old key is its alias
    old_note = tmp_path / "old.md"
    old_note.write_text(f'> "{QUOTE}" [@luccioni2023power, p. 13]\n')
    r = run_kb("verify", "--note", old_note)
    assert r.code == 0 and "ok         luccioni-php v3 (by alias), page 13" in r.out, r.out + r.err
    # exports take the old key for the paper
    r = run_kb("export", "bib", "--paper", "luccioni2023power", "-o", "-")
    assert r.code == 0 and r.out.startswith("@misc{luccioni-php,") and "ids = {luccioni2023power}" in r.out
    r = run_kb("export", "note", "--paper", "luccioni2023power", "-o", "-")
    assert r.code == 0 and 'sourceLink="#luccioni-php"' in r.out
    r = run_kb("quote", "ls", "--paper", "luccioni2023power", "--json")
    assert r.code == 0 and r.json[0]["citekey"] == "luccioni-php"
    r = run_kb("claims", "--paper", "luccioni2023power", "--json")
    assert r.code == 0 and r.json[0]["citekey"] == "luccioni-php"
    # the index is what the files give: kb rebuild makes the same
    before = run_kb("show", "luccioni-php", "--json").json
    assert run_kb("rebuild").code == 0
    after = run_kb("show", "luccioni-php", "--json").json
    assert {k: v for k, v in before.items() if k != "versions"} == {k: v for k, v in after.items() if k != "versions"}
    assert [v["sha256"] for v in before["versions"]] == [v["sha256"] for v in after["versions"]]


def test_rename_refuses_and_writes_nothing(php):
    bib = (php / "references.bib").read_text()
    files = sorted(p.name for p in (php / "claims").iterdir())
    for args, message in [
        (("luccioni2023power", "strubell2019energy"), "'strubell2019energy' is already a citekey"),
        (("luccioni2023power", "Strubell2019Energy"), "is already a citekey (strubell2019energy)"),
        (("luccioni2023power", "has space"), "cannot be a citekey"),
        (("luccioni2023power", "a,b"), "cannot be a citekey"),
        (("nosuch", "other"), "no paper 'nosuch'"),
        (("luccioni2023power", "luccioni2023power"), "already called"),
    ]:
        r = run_kb("rename", *args)
        assert r.code == 2, (args, r.out, r.err)
        assert r.err.count("\n") == 1 and r.err.startswith("kb: error: ") and message in r.err, r.err
    assert (php / "references.bib").read_text() == bib
    assert sorted(p.name for p in (php / "claims").iterdir()) == files


def test_rename_back_and_onto_an_alias(php):
    assert run_kb("rename", "luccioni2023power", "php").code == 0
    r = run_kb("rename", "strubell2019energy", "luccioni2023power")
    assert r.code == 2 and "another key of php" in r.err
    r = run_kb("rename", "php", "luccioni2023power")
    assert r.code == 0, r.err
    bib = (php / "references.bib").read_text()
    assert "@misc{luccioni2023power," in bib and "ids = {php}" in bib
    assert (php / "claims" / "luccioni2023power.toml").exists()


def test_rename_run_again_changes_nothing_and_renames_a_note_left_behind(php, tmp_path, monkeypatch):
    """The same `kb rename OLD NEW` run again (OLD now an alias of NEW) was refused, exit 2, as
    "NEW is already called NEW": it is done already, exit 0, and a note given only now is renamed."""
    assert run_kb("rename", "luccioni2023power", "php").code == 0
    files = {p: p.read_bytes() for p in [php / "references.bib", *sorted((php / "claims").iterdir())]}
    r = run_kb("rename", "luccioni2023power", "php")
    assert r.code == 0 and r.out == "luccioni2023power names php already (a key kept in its ids field): nothing changed\n"
    assert r.err == ""
    note = tmp_path / "late.md"
    note.write_text("As [@luccioni2023power, p. 6] and [@strubell2019energy].\n")
    r = run_kb("rename", "luccioni2023power", "php", "--note", note, "--json")
    assert r.code == 0 and r.json["already"] is True and r.json["notes"] == {str(note): 1}, r.out + r.err
    assert note.read_text() == "As [@php, p. 6] and [@strubell2019energy].\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"see [@luccioni2023power]\n"), encoding="utf-8"))
    r = run_kb("rename", "luccioni2023power", "php", "--note", "-")
    assert r.code == 0 and r.out == "see [@php]\n" and "names php already" in r.err
    assert {p: p.read_bytes() for p in files} == files
    # a key of another paper, or the new key itself, is still refused
    assert run_kb("rename", "strubell2019energy", "php").code == 2
    assert run_kb("rename", "php", "php").code == 2


def test_rename_a_key_that_needs_escaping(php):
    r = run_kb("rename", "luccioni2023power", "DBLP:journals/x/Luccioni23")
    assert r.code == 0, r.err
    assert (php / "claims" / "DBLP%3Ajournals%2Fx%2FLuccioni23.toml").exists()
    checks = tomllib.loads((php / "claims" / "checks.toml").read_text())
    assert checks["check"][0]["expr"] == "`DBLP:journals/x/Luccioni23`.image_gen / 1000"
    assert run_kb("check").code == 0


def test_a_key_renamed_by_hand_in_references_bib_is_followed(php):
    """The entry's key changed by hand: doctor names the paper it is now and the command that
    moves the rest (claims file, checks, cached sources), and kb rename does so."""
    bib = (php / "references.bib").read_text()
    head = next(line for line in bib.splitlines() if "luccioni2023power," in line)
    (php / "references.bib").write_text(bib.replace(head, head.replace("luccioni2023power", "luccioni-hand"), 1))
    r = run_kb("doctor")
    assert r.code == 1
    assert ("if you renamed it luccioni-hand in references.bib, kb rename luccioni2023power luccioni-hand "
            "moves the rest") in r.out, r.out
    assert (php / ".kb" / "cache" / "sources").exists() and run_kb("doctor", "--prune").code == 1
    assert list((php / ".kb" / "cache" / "sources").glob("*.json"))      # nothing of it pruned
    r = run_kb("rename", "luccioni2023power", "luccioni-hand")
    assert r.code == 0, r.err
    assert r.out.startswith("followed the rename of luccioni2023power -> luccioni-hand made in references.bib")
    assert not (php / "claims" / "luccioni2023power.toml").exists()
    assert tomllib.loads((php / "claims" / "luccioni-hand.toml").read_text())["quote"][0]["id"] == "generative"
    checks = tomllib.loads((php / "claims" / "checks.toml").read_text())
    assert checks["check"][0]["expr"] == "`luccioni-hand`.image_gen / 1000"
    assert checks["units"]["image_run"] == "`luccioni-hand`.image_gen"
    assert "ids = {luccioni2023power}" in (php / "references.bib").read_text()
    assert run_kb("doctor").code == 0 and run_kb("check").code == 0 and run_kb("verify").code == 0
    info = run_kb("show", "luccioni2023power", "--json").json
    assert info["citekey"] == "luccioni-hand" and info["quotes"] == 1 and info["claims"] == 1
    # nothing left to follow: the old key is an alias now, and an unknown key is still refused
    r = run_kb("rename", "nosuch", "luccioni-hand")
    assert r.code == 2 and "no paper 'nosuch'" in r.err


@pytest.mark.parametrize("before, after", [
    ("<<doe2020>> and <<doe2020,p. 3>>", "<<doe-energy>> and <<doe-energy,p. 3>>"),
    ("cite:[roe2021, doe2020(3)] citenp:[doe2020]", "cite:[roe2021, doe-energy(3)] citenp:[doe-energy]"),
    ("[doe2020]_\n\n.. [doe2020] Doe, J. 2020.", "[doe-energy]_\n\n.. [doe-energy] Doe, J. 2020."),
    (":cite:p:`{see}doe2020{p. 3}` {cite:t}`doe2020,roe2021`", ":cite:p:`{see}doe-energy{p. 3}` {cite:t}`doe-energy,roe2021`"),
    ("* [[[doe2020]]] Doe, J. 2020.", "* [[[doe-energy]]] Doe, J. 2020."),
    # another key that begins with it, and the key in prose, stay
    ("<<doe2020b>> cite:[doe2020:x] doe2020 [doe2020a]_", "<<doe2020b>> cite:[doe2020:x] doe2020 [doe2020a]_"),
])
def test_rename_rewrites_asciidoc_rst_and_sphinx_citations_of_the_key(before, after):
    from kb.ops.library import rename_in_note

    text, count = rename_in_note(before, "doe2020", "doe-energy")
    assert (text, count) == (after, after.count("doe-energy"))


def test_rename_of_a_crossref_parent_renames_what_its_children_name(kb_root, tmp_path):
    """Entries whose crossref (or xref, or one of xdata's keys) names the renamed key, or
    one of its aliases, whatever its case, name the new key: BibTeX follows no alias, and
    kb read the child without the year and venue its parent lends."""
    bib = tmp_path / "x.bib"
    bib.write_text(
        "@inproceedings{talk,\n  author = {Smith, Jane},\n  title = {A Talk},\n  crossref = {CONF2020},\n}\n\n"
        "@inproceedings{poster,\n  author = {Lee, Ann},\n  title = {A Poster},\n  crossref = {old2020},\n}\n\n"
        "@misc{other,\n  title = {Other},\n  xdata = {shared, conf2020},\n  xref = {elsewhere},\n}\n\n"
        "@proceedings{conf2020,\n  title = {Proceedings of the Energy Conference},\n  year = {2020},\n"
        "  ids = {old2020},\n}\n")
    assert run_kb("import", bib).code == 0
    r = run_kb("rename", "conf2020", "energy2020")
    assert r.code == 0, r.err
    assert "crossref of   talk, poster, other" in r.out
    text = (kb_root / "references.bib").read_text()
    assert "crossref = {energy2020}" in text and "crossref = {CONF2020}" not in text and "{old2020}" not in text
    assert "xdata = {shared, energy2020}" in text and "xref = {elsewhere}" in text
    assert {p["citekey"]: p["year"] for p in run_kb("ls", "--json").json}["poster"] == 2020


def test_a_child_naming_a_renamed_parents_old_key_reads_it_through_its_ids(kb_root, tmp_path):
    bib = tmp_path / "x.bib"
    bib.write_text("@inproceedings{talk,\n  author = {Smith, Jane},\n  title = {A Talk},\n  crossref = {conf},\n}\n\n"
                   "@proceedings{energy2020,\n  title = {Proceedings},\n  year = {2020},\n  ids = {conf},\n}\n")
    assert run_kb("import", bib).code == 0
    assert {p["citekey"]: p["year"] for p in run_kb("ls", "--json").json}["talk"] == 2020
