"""Read-only commands load no heavy library: each runs in a fresh process on a small
knowledge base (papers, page text, a quote, claims, one of them hand-edited) and
must not import sqlite-utils (writing), pint (units), networkx (the graph),
requests (the network) or a PDF or BibTeX reader."""

from __future__ import annotations

import json
import os

import pytest
from freshproc import fresh_runs
from kbrun import run_kb

HEAVY = ("sqlite_utils", "pint", "networkx", "requests", "pypdf", "pypdfium2", "bibtexparser", "pybtex",
         "pylatexenc")

BIB = """@misc{luccioni2023power,
  title = {Power Hungry Processing},
  author = {Luccioni, Sasha and Jernite, Yacine},
  year = {2023},
  eprint = {2311.16863},
}

@misc{strubell2019energy,
  title = {Energy and Policy Considerations for Deep Learning in NLP},
  author = {Strubell, Emma},
  year = {2019},
}
"""
PAGES = ["Power Hungry Processing\nWe measure the energy of inference.",
         "the least efficient image generation model uses as much energy as 522 smartphone charges\n"
         "(11.49 kWh), and the most efficient text model 0.002 kWh."]
QUOTE = "the least efficient image generation model uses as much energy as 522 smartphone charges (11.49 kWh)"

READS = [["ls"], ["ls", "--json"], ["show", "luccioni2023power"], ["show", "luccioni2023power", "--json"],
         ["search", "energy"], ["search", "energy", "--json"], ["search", "zqxjwv"], ["claims"],
         ["claims", "--json"], ["claims", "--topic", "energy"], ["claims", "--paper", "luccioni2023power"],
         ["quote", "ls"], ["quote", "ls", "--json"], ["where"]]


@pytest.fixture
def small_kb(kb_root, tmp_path):
    """The knowledge base, built and indexed through kb's own commands; one claim's
    value then edited by hand so that it is no longer among its quote's numbers."""
    (kb_root / "references.bib").write_text(BIB)
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(PAGES))
    assert run_kb("text", "load", "luccioni2023power", pages, "--version", "v3").code == 0
    assert run_kb("quote", "add", "luccioni2023power", QUOTE, "-t", "energy").code == 0
    assert run_kb("claim", "add", "luccioni2023power", "11.49 kWh", "--quote", QUOTE, "--id", "image",
                  "-t", "energy").code == 0
    assert run_kb("claim", "add", "luccioni2023power", "0.002 kWh", "--quote", "the most efficient text model "
                  "0.002 kWh", "--id", "text").code == 0
    claims = kb_root / "claims" / "luccioni2023power.toml"
    claims.write_text(claims.read_text().replace('value = "0.002 kWh"', 'value = "0.02 kWh"'))
    assert run_kb("ls").code == 0           # indexed once: what follows only reads
    return kb_root


def loaded(root, *argvs: list[str]) -> list[tuple[int, list[str]]]:
    """The exit code of `kb ARGV` and the heavy libraries it loaded, for each of `argvs`
    in turn, each in a fresh kb process (tests/freshproc.py)."""
    return [(rc, heavy) for rc, heavy, _, _ in fresh_runs(root, list(argvs), HEAVY)]


def test_a_read_loads_no_heavy_library(small_kb):
    runs = loaded(small_kb, *READS)
    assert {" ".join(argv): rc for argv, (rc, _) in zip(READS, runs) if rc != 0} == {}
    assert {" ".join(argv): heavy for argv, (_, heavy) in zip(READS, runs) if heavy} == {}


def test_a_read_after_a_hand_edit_indexes_it_and_then_reads_lightly(small_kb):
    """A changed claims file is re-indexed by the next command (a write: sqlite-utils
    may load then); the command after it reads only."""
    claims = small_kb / "claims" / "luccioni2023power.toml"
    text = claims.read_text()
    claims.write_text(text + "\n")
    try:
        first, second = loaded(small_kb, ["claims"], ["claims"])
        assert first[0] == 0
        assert second == (0, [])
    finally:
        claims.write_text(text)
        assert loaded(small_kb, ["ls"])[0][0] == 0


def test_kb_check_run_again_on_unchanged_files_loads_no_unit_library(small_kb):
    """kb check computes with pint; run again on the same checks and figures it gives the
    outcomes it kept (.kb/cache/checks.json) and loads nothing heavy."""
    (small_kb / "claims" / "checks.toml").write_text(
        '[[check]]\nid = "twice"\nstated = "22.98 kWh"\nexpr = "2 * luccioni2023power.image"\n')
    runs = fresh_runs(small_kb, [["check", "--json"]] * 2, HEAVY, env=dict(os.environ))
    (_, first, out1, _), (_, second, out2, _) = runs
    assert json.loads(out1) == json.loads(out2)
    assert json.loads(out2)[0]["verdict"] == "pass"
    assert "pint" in first                      # computed the first time
    assert second == []


def test_writes_on_a_migrated_index_load_no_sqlite_utils(small_kb, tmp_path):
    """Writes go through kb.store.sqlite.Database on the plain connection: sqlite-utils
    runs only the migrations, so a write on an index already migrated never loads it,
    and what it writes is read back by the next command."""
    bib = tmp_path / "more.bib"
    bib.write_text("@article{doe2020grid,\n  title = {Grid Energy},\n  author = {Doe, Jane},\n  year = {2020},\n}\n")
    writes = [["import", str(bib)], ["tag", "doe2020grid", "grid"],
              ["quote", "add", "luccioni2023power", "We measure the energy of inference.", "-t", "energy"],
              ["rename", "doe2020grid", "doe2020energy"]]
    for argv, (rc, heavy) in zip(writes, loaded(small_kb, *writes)):
        assert rc == 0, argv
        assert "sqlite_utils" not in heavy, argv
    r = run_kb("ls", "--json")
    assert {p["citekey"] for p in json.loads(r.out)} >= {"doe2020energy", "luccioni2023power"}
    assert "grid" in next(p for p in json.loads(r.out) if p["citekey"] == "doe2020energy")["tags"]


def test_an_index_behind_its_schema_is_migrated_on_open(small_kb):
    """An index an older kb left (PRAGMA user_version behind) is brought up to date by
    the next command, which then loads sqlite-utils' migrations, and the one after reads
    lightly again."""
    import sqlite3

    conn = sqlite3.connect(small_kb / ".kb" / "kb.sqlite")
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    (rc, heavy), again = loaded(small_kb, ["ls"], ["ls"])
    assert rc == 0 and "sqlite_utils" in heavy
    assert again == (0, [])
