"""Red-team sweep 57, hand edits of the truth files: a key renamed by hand to one differing only in case
(Doe2020 -> doe2020), its old key kept in the entry's `ids` field, names its paper as any other alias does;
an `ids` naming another paper's key in another case still names no paper."""

from __future__ import annotations

import json
import sqlite3

import pytest

from kb.store.queries import resolve_alias


def _conn(papers):
    """An index of `papers` ({citekey: ids field or None}), as resolve_alias reads it."""
    conn = sqlite3.connect(":memory:")
    conn.execute("create table papers (citekey text primary key, fields text)")
    for key, ids in papers.items():
        conn.execute("insert into papers values (?, ?)", [key, json.dumps({"title": "T"} | ({"ids": ids} if ids else {}))])
    return conn


@pytest.mark.parametrize("papers, asked, paper", [
    # the paper's own old key, in another case (renamed by hand, the old key kept in its ids)
    ({"doe2020": "Doe2020"}, "Doe2020", "doe2020"),
    ({"Doe2020": "doe2020"}, "doe2020", "Doe2020"),
    ({"DOE2020": "doe2020"}, "doe2020", "DOE2020"),
    ({"doe2020energy": "Doe2020Energy, doe2019"}, "Doe2020Energy", "doe2020energy"),
    ({"doe2020": "x2020, Doe2020", "roe2021": None}, "Doe2020", "doe2020"),
    ({"müller2020": "Müller2020"}, "Müller2020", "müller2020"),
    # an ids naming another case of another paper's key: no paper (BibTeX reads both as one key)
    ({"doe2020": None, "roe2021": "Doe2020"}, "Doe2020", None),
    ({"q2021": None, "p2020": "Q2021"}, "Q2021", None),
    # the key in another case, no ids naming it: no alias (kb says the key differs in case)
    ({"doe2020": None}, "Doe2020", None),
    ({"doe2020": "DOE2020"}, "Doe2020", None),
    ({"doe2020": "roe2021"}, "Doe2020", None),
    # an ordinary alias, and a key nothing names
    ({"doe2020": "smith2019"}, "smith2019", "doe2020"),
    ({"doe2020": None}, "roe2021", None),
])
def test_an_old_key_in_another_case_kept_in_ids_names_its_own_paper_only(papers, asked, paper):
    assert resolve_alias(_conn(papers), asked) == paper


BIB = ("@misc{{{key},\n{ids}  title = {{Computing Machinery and Intelligence}},\n  author = {{Turing, A. M.}},\n"
       "  year = {{1950}},\n}}\n")


@pytest.mark.parametrize("with_ids", [True, False], ids=["ids kept", "no ids"])
def test_kb_show_finds_a_key_renamed_in_case_by_its_old_key_in_ids(kb_root, with_ids):
    """`kb show doe2020` of an entry renamed Doe2020 by hand with ids = {doe2020} showed 'not in
    references.bib', where an alias of another spelling showed the paper."""
    from kbrun import run_kb

    (kb_root / "references.bib").write_text(BIB.format(key="Turing1950", ids="  ids = {turing1950},\n" * with_ids))
    r = run_kb("show", "turing1950")
    if with_ids:
        assert r.code == 0 and r.out.startswith("Turing1950: Computing Machinery"), r.err
    else:
        assert r.code != 0 and "Turing1950" in r.err and "Traceback" not in r.err
