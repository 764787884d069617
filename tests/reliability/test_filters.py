"""The filters and ranges of every listing command given what a person or a script may
give them: a reversed range, an empty value (an unset shell variable), words where a
number goes, a negative or huge number. Each is refused in one line (exit 2) and never
read as "no filter" (everything) or as a filter nothing matches ("no papers match")."""

from __future__ import annotations

import pytest
from alphakb import make_alpha
from kbcache import from_template
from kbrun import run_kb


@pytest.fixture
def alpha(kb_root, tmp_path):
    def build():
        make_alpha(kb_root, tmp_path)
        r = run_kb("claim", "add", "alpha2020energy", "1,287 MWh", "--quote", "which used 1,287 MWh of energy",
                   "--id", "energy", "-t", "energy")
        assert r.code == 0, r.err
        assert run_kb("tag", "alpha2020energy", "+energy").code == 0
    return from_template("alpha-tagged", kb_root, build)


def _refused(r, *words: str) -> None:
    assert r.code == 2, r.out + r.err
    assert r.err.startswith("kb: error:") and r.err.count("\n") == 1, r.err
    assert "Traceback" not in r.err and "internal error" not in r.err
    assert r.out == ""
    for w in words:
        assert w in r.err, r.err


@pytest.mark.parametrize("args, said", [
    (("ls", "--year", "2021-2019"), "goes backwards"), (("ls", "--year", "2021..2019"), "goes backwards"),
    (("ls", "--year", "2021 \u2013 2019"), "goes backwards"),
    (("ls", "--year", ""), "names nothing"), (("ls", "--year", " "), "names nothing"),
    (("ls", "--year", "twenty"), "give a year"), (("ls", "--year", "-2020-"), "give a year"),
    (("ls", "--year", "99999999999999999999"), "give a year"), (("ls", "--year", "-5"), "give a year"),
    (("ls", "--tag", ""), "names nothing"), (("ls", "--author", " "), "names nothing"),
    (("quote", "ls", "--topic", ""), "names nothing"), (("quote", "ls", "--text", " "), "names nothing"),
    (("claims", "--topic", ""), "names nothing"), (("claims", "--text", ""), "names nothing"),
    (("claims", "--min", ""), "--min '' names nothing"), (("claims", "--max", " "), "--max ' ' names nothing"),
    (("claims", "--min", "2 GWh", "--max", "1 GWh"), "is more than --max"),
    (("claims", "--min", "2000 MWh", "--max", "1 GWh"), "is more than --max"),
    (("claims", "--min", "lots"), "--min 'lots': cannot read"),
    (("claims", "--max", "1e999 kWh"), "--max '1e999 kWh': cannot read"),
    (("claims", "--min", "1 kWh", "--max", "2 kg"), "--max '2 kg' is not in the same kind of unit as --min"),
    (("export", "note", "--topic", "", "-o", "-"), "names nothing"),
    (("export", "note", "--text", "", "-o", "-"), "names nothing"),
    (("export", "bib", "--topic", " ", "-o", "-"), "names nothing"),
    (("export", "csl-json", "--topic", "", "-o", "-"), "names nothing"),
    (("audit", "--only", ""), "names nothing"), (("audit", "--only", " , "), "names nothing"),
    (("search", "energy", "--limit", "0"), "--limit"), (("search", "energy", "--limit", "-3"), "--limit"),
    (("graph", "missing", "--top", "0"), "--top"), (("graph", "missing", "--top", "-1"), "--top"),
    (("graph", "missing", "--top", "99999999999999999999"), "too large"),
    (("text", "show", "alpha2020energy", "--page", "2-1"), "--page"),
    (("text", "show", "alpha2020energy", "--page", "3"), "has 2 pages"),
    (("text", "show", "alpha2020energy", "--page", "0"), "--page"),
    (("text", "show", "alpha2020energy", "--page", ""), "--page"),
])
def test_a_filter_that_cannot_select_is_refused_in_one_line(alpha, args, said):
    _refused(run_kb(*args), said)


@pytest.mark.parametrize("args, listed", [
    (("ls", "--year", "2019-2021"), 1), (("ls", "--year", "2020"), 1), (("ls", "--year", "2019\u20132021"), 1),
    (("ls", "--year", "2020-2020"), 1), (("ls", "--year", "2021-"), 0), (("ls", "--year", "-2019"), 0),
    (("ls", "--tag", "energy"), 1), (("ls", "--author", "alpha"), 1),
    (("claims", "--min", "1 GWh", "--max", "1.287 GWh"), 1), (("claims", "--min", "1287 MWh", "--max", "1287 MWh"), 1),
    (("claims", "--min", "2 GWh"), 0), (("claims", "--topic", "energy"), 1),
])
def test_a_filter_that_can_select_lists_what_it_selects(alpha, args, listed):
    r = run_kb(*args, "--json")
    assert r.code == 0, r.err
    rows = r.json
    assert len(rows) == listed


@pytest.mark.parametrize("args", [
    ("quote", "add", "alpha2020energy", "We trained 12 models", "-t", ""),
    ("quote", "add", "alpha2020energy", "We trained 12 models", "-t", "ok", "-t", " , "),
    ("claim", "add", "alpha2020energy", "64 GPUs", "--quote", "on 64 GPUs", "--topic", " "),
])
def test_an_empty_topic_is_not_stored(alpha, args):
    _refused(run_kb(*args), "--topic", "names nothing")
    assert all(t.strip(" ,") for q in run_kb("quote", "ls", "--json").json for t in q["topics"])
    assert len(run_kb("quote", "ls", "--json").json) == 0
