"""Red-team round 53, hostile input (sixth pass of this sweep): every command given what a person should never give.

A citekey of 60,000 characters (a variable holding a file, a paste gone wrong) reached SQLite's LIKE as a pattern
through the alias lookup every command naming a paper makes, and SQLite refuses a pattern over 50,000 bytes:
`kb show`, `kb rm`, `kb refs`, `kb audit`, `kb claims -p`, ... ended in "internal error: LIKE or GLOB pattern too
complex". Such a key is now looked for without the pattern: "no paper ...", exit 2, and an alias that long in a
hand-written `ids` field is still found."""

from __future__ import annotations

import pytest
from kbrun import run_kb

_LONG = "x" * 60_000

_ENTRY = "@article{p2020,\n  title = {P},\n  author = {Doe, J},\n  year = {2020},\n}\n"


@pytest.mark.parametrize("key", [_LONG, "k_" * 30_000, "%" * 60_000, "é" * 30_000, "ids" + _LONG, "a" * 25_001 + "%"])
@pytest.mark.parametrize("args", [("show", "{}"), ("refs", "{}"), ("audit", "{}"), ("rm", "{}"), ("open", "{}"),
                                  ("tag", "{}", "+t"), ("claims", "-p", "{}"), ("quote", "ls", "-p", "{}"),
                                  ("export", "note", "-p", "{}"), ("export", "bib", "--cite", "{}"),
                                  ("graph", "path", "{}", "p2020"), ("rename", "{}", "q2020")])
def test_a_citekey_longer_than_sqlites_like_pattern_is_no_paper(kb_root, key, args):
    (kb_root / "references.bib").write_text(_ENTRY)
    r = run_kb(*[key if a == "{}" else a for a in args])
    assert r.code == 2 and r.err.startswith("kb: error: no paper ") and r.err.count("\n") == 1, r.err[:300]
    assert "internal error" not in r.err and (kb_root / "references.bib").read_text() == _ENTRY


@pytest.mark.parametrize("length", [10_000, 10_001, 60_000])
def test_an_alias_longer_than_sqlites_like_pattern_still_names_its_paper(kb_root, length):
    alias = "old" + "k" * length
    (kb_root / "references.bib").write_text(_ENTRY.replace("year = {2020},", f"year = {{2020}},\n  ids = {{{alias}}},"))
    r = run_kb("show", alias, "--json")
    assert r.code == 0 and r.json["citekey"] == "p2020", r.err[:300]
    assert run_kb("show", alias[:-1] + "j").code == 2            # one character off: no paper
