"""Nothing lost, round two: the classes of defect an independent red-team run found.

Each test builds its own hostile situation (a rebuild swapping the index under
a waiting writer, a citekey renamed by hand, a server that trickles headers, a
redirect to another host, deeply nested JSON, ...) and checks that kb gives the
promised exit code with one `kb: error:` line, loses nothing, and that
`kb doctor` afterwards is clean or names the real problem.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from kbrun import run_kb

import kb as kblib

BIB = """@misc{alpha2020energy,
  title = {Energy Use of Alpha Models in Practice},
  author = {Alpha, Ada and Beta, Bob},
  year = {2020},
  eprint = {2001.00001},
  archiveprefix = {arXiv},
}
"""
PAGES = ["Alpha models. We trained 12 models on 64 GPUs for 3 days, which used 1,287 MWh of energy.",
         "The data centre had a PUE of 1.1 and emitted 552 tCO2e in total."]


@pytest.fixture
def alpha(kb_root, tmp_path):
    (kb_root / "references.bib").write_text(BIB)
    pages = tmp_path / "alpha.json"
    pages.write_text(json.dumps(PAGES))
    assert run_kb("text", "load", "alpha2020energy", pages, "--version", "v1").code == 0
    return kb_root


def _rows(root: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(root / ".kb" / "kb.sqlite")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _doctor_clean() -> None:
    r = run_kb("doctor")
    assert r.code == 0 and "nothing to repair" in r.out, r.out + r.err


# -- writes while kb rebuild swaps the index ---------------------------------------------

def test_a_write_after_a_rebuild_lands_in_the_new_index(alpha):
    """A command that opened the index before `kb rebuild` swapped in a new file must
    commit into the new one (it used to commit into the old, unlinked file and say done)."""
    base = kblib.open_kb(alpha)
    candidates = kblib.extract(base, "alpha2020energy")       # index-only state, on the old file
    assert candidates
    kblib.rebuild(alpha)                                      # a new index file is swapped in
    from kb.ops.claims import dismiss

    assert dismiss(base, [c["id"] for c in candidates]) == len(candidates)
    statuses = {s for (s,) in _rows(alpha, "select status from candidates")}
    assert statuses == {"dismissed"}
    _doctor_clean()


# -- a citekey renamed by hand -------------------------------------------------------------

def _rename_by_hand(root: Path, old: str, new: str) -> None:
    bib = root / "references.bib"
    bib.write_text(bib.read_text().replace("{" + old + ",", "{" + new + ","))
    claims = root / "claims" / f"{old}.toml"
    if claims.exists():
        os.replace(claims, root / "claims" / f"{new}.toml")


def test_a_hand_renamed_citekey_keeps_its_text_quotes_and_source(alpha):
    assert run_kb("quote", "add", "alpha2020energy", "We trained 12 models on 64 GPUs").code == 0
    sources_before = sorted(p.name for p in (alpha / ".kb" / "cache" / "sources").iterdir())
    _rename_by_hand(alpha, "alpha2020energy", "ada2020alpha")
    r = run_kb("quote", "ls", "--json")
    assert r.code == 0, r.err
    assert [q["citekey"] for q in r.json] == ["ada2020alpha"]
    show = run_kb("show", "ada2020alpha", "--json").json
    assert [v["text_status"] for v in show["versions"]] == ["ok"]      # the text followed the paper
    assert run_kb("verify").code == 0
    _doctor_clean()
    r = run_kb("doctor", "--prune")
    assert r.code == 0
    assert sorted(p.name for p in (alpha / ".kb" / "cache" / "sources").iterdir()) == sources_before
    r = run_kb("rebuild")
    assert r.code == 0, r.err
    assert run_kb("show", "ada2020alpha", "--json").json["versions"][0]["text_status"] == "ok"


def test_moving_a_check_between_claims_files_is_not_defined_twice(alpha):
    claims = alpha / "claims"
    (claims / "a.toml").write_text('[[check]]\nid = "same"\nstated = "2 kWh"\nexpr = "1 kWh * 2"\n')
    assert run_kb("check").code == 0
    os.replace(claims / "a.toml", claims / "b.toml")
    r = run_kb("check")
    assert r.code == 0, r.err
    assert "defined twice" not in r.err
    _doctor_clean()
