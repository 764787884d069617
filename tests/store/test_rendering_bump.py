"""An index an older kb made renders references.bib's entries as that kb did: when kb renders
them otherwise (kb.store.index.PAPER_RENDERING), the next command renders them again, with
references.bib unchanged, where the older rendering stood until the file was edited."""

from __future__ import annotations

import os
import sqlite3

import pytest
from kbrun import run_kb

from kb.store.stale import PAPER_RENDERING

BIB = """@article{cell2021,
  title = {Effects of <i>in vitro</i> {CO<sub>2</sub>} exposure},
  author = {Doe, Jane},
  year = {2021},
}
"""


def _as_an_older_kb_left_it(root, title: str, rendering: str | None) -> None:
    """The index in step with references.bib, its row of cell2021 rendered as `title`, recorded as
    rendered by `rendering` (None: no record, as an index made before kb recorded one)."""
    bib = root / "references.bib"
    st = os.stat(bib)
    conn = sqlite3.connect(root / ".kb" / "kb.sqlite")
    with conn:
        conn.execute("update files set size = ?, mtime_ns = ?, ctime_ns = ?, inode = ? where path = 'references.bib'",
                     [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino])
        conn.execute("update papers set title = ? where citekey = 'cell2021'", [title])
        if rendering is None:
            conn.execute("delete from meta where key = 'paper_rendering'")
        else:
            conn.execute("insert or replace into meta (key, value) values ('paper_rendering', ?)", [rendering])
    conn.close()


def _recorded(root) -> str | None:
    conn = sqlite3.connect(root / ".kb" / "kb.sqlite")
    row = conn.execute("select value from meta where key = 'paper_rendering'").fetchone()
    conn.close()
    return row and row[0]


@pytest.fixture
def cell(kb_root):
    (kb_root / "references.bib").write_text(BIB)
    r = run_kb("ls", "--json")
    assert r.code == 0, r.err
    assert r.json[0]["title"] == "Effects of in vitro CO₂ exposure"
    return kb_root


@pytest.mark.parametrize("command", [("ls", "--json"), ("show", "cell2021", "--json"), ("search", "exposure")])
def test_an_older_rendering_is_rendered_again_by_the_next_command(cell, command):
    _as_an_older_kb_left_it(cell, "Effects of <i>in vitro</i> CO<sub>2</sub> exposure", str(int(PAPER_RENDERING) - 1))
    run_kb(*command)
    assert _recorded(cell) == PAPER_RENDERING
    r = run_kb("ls", "--json")
    assert r.json[0]["title"] == "Effects of in vitro CO₂ exposure", r.json
    assert (cell / "references.bib").read_text() == BIB        # the truth file untouched


def test_the_current_rendering_is_not_rendered_again(cell):
    """A row rendered as this kb renders is read from the index: nothing is written by a read."""
    _as_an_older_kb_left_it(cell, "A title the index holds", PAPER_RENDERING)
    assert run_kb("ls", "--json").json[0]["title"] == "A title the index holds"
    assert _recorded(cell) == PAPER_RENDERING

