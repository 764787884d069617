"""Red-team sweep 57, hand edits of the truth files: entries of references.bib swapped or rotated between keys by
hand (with their claims files moved along, or not), each text following its work to the key that names it now,
never lending one work's arXiv id to another's entry, and nothing verified in another work's text."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest

ENTRIES = {
    "alpha2020energy": ("Energy Use of Alpha Models in Practice", "Alpha, Ada", "2020", "2001.00001"),
    "beta2021carbon": ("Carbon of Beta Systems Measured", "Beta, Bob", "2021", "2102.00002"),
    "gamma2022water": ("Water Footprint of Gamma Clusters", "Gamma, Gil", "2022", None),
}
PAGES = {
    "alpha2020energy": ["Alpha models. We trained 12 models on 64 GPUs for 3 days, which used 1,287 MWh of energy."],
    "beta2021carbon": ["Beta systems. Our cluster of routers drew 40 kW around the clock in the basement."],
    "gamma2022water": ["Gamma clusters. The cooling towers evaporated 700,000 litres of water in a month."],
}
QUOTES = {"alpha2020energy": "We trained 12 models on 64 GPUs", "beta2021carbon": "drew 40 kW around the clock",
          "gamma2022water": "evaporated 700,000 litres of water"}


def _entry(key, work):
    title, author, year, eprint = ENTRIES[work]
    extra = f"  eprint = {{{eprint}}},\n  archiveprefix = {{arXiv}},\n" if eprint else ""
    return f"@misc{{{key},\n  title = {{{title}}},\n  author = {{{author}}},\n  year = {{{year}}},\n{extra}}}\n"


def _bib(root, keyed):
    """references.bib with each key of `keyed` naming the work its value is."""
    (root / "references.bib").write_text("\n".join(_entry(k, w) for k, w in keyed.items()))


def _three_papers(root, tmp_path):
    from kbrun import run_kb

    _bib(root, {k: k for k in ENTRIES})
    for key, pages in PAGES.items():
        path = tmp_path / f"{key}.json"
        path.write_text(json.dumps(pages))
        r = run_kb("text", "load", key, path, *(("--version", "v1") if key == "alpha2020energy" else ()))
        assert r.code == 0, r.err
        r = run_kb("quote", "add", key, QUOTES[key], "--id", f"q-{key[:5]}")
        assert r.code == 0, r.err


def _indexed(root):
    """{citekey: (arxiv_id, sorted sha256s of its texts)} as the index holds them."""
    conn = sqlite3.connect(root / ".kb" / "kb.sqlite")
    try:
        ids = dict(conn.execute("select citekey, arxiv_id from papers"))
        texts = {}
        for key, sha in conn.execute("select citekey, sha256 from versions where sha256 is not null"):
            texts.setdefault(key, []).append(sha)
    finally:
        conn.close()
    return {k: (ids[k], sorted(texts.get(k, []))) for k in ids}


MOVES = {
    # how the entries move between keys: {key: the work its entry names now}
    "two swapped": {"alpha2020energy": "beta2021carbon", "beta2021carbon": "alpha2020energy",
                    "gamma2022water": "gamma2022water"},
    "one with an arXiv id swapped with one without": {"alpha2020energy": "gamma2022water",
                                                      "gamma2022water": "alpha2020energy",
                                                      "beta2021carbon": "beta2021carbon"},
    "three rotated": {"alpha2020energy": "beta2021carbon", "beta2021carbon": "gamma2022water",
                      "gamma2022water": "alpha2020energy"},
}


@pytest.mark.parametrize("rebuild", [False, True], ids=["next command", "after kb rebuild"])
@pytest.mark.parametrize("claims_moved", [True, False], ids=["claims files moved along", "references.bib only"])
@pytest.mark.parametrize("move", list(MOVES))
def test_entries_moved_between_keys_by_hand_take_their_texts_along(kb_root, tmp_path, move, claims_moved, rebuild):
    """Two entries of references.bib swapped between their keys by hand (or three rotated), their claims files moved
    along by git mv: each key's texts stayed under it, the entry now under a key given the arXiv id of the work its
    key held before (kb show: 'arXiv 2001.00001' on Beta's entry; a kb rebuild kept
    alpha's v1 under alpha's key beside Beta's text), and kb verify failed every quote 'another-work' or
    'wrong-version' (before and after kb rebuild) where each quote is its paper's. Now each text follows the entry of
    its work: every quote verifies, each key holds its work's text alone and no id it does not have. Without the
    claims files moved, each quote is in another paper's file now: refused, never verified."""
    from kbrun import run_kb

    _three_papers(kb_root, tmp_path)
    before = _indexed(kb_root)
    keyed = MOVES[move]
    _bib(kb_root, keyed)
    claims = kb_root / "claims"
    if claims_moved:
        held = {work: (claims / f"{work}.toml").read_bytes() for work in ENTRIES}
        for key, work in keyed.items():
            (claims / f"{key}.toml").write_bytes(held[work])
    if rebuild:
        r = run_kb("rebuild")
        assert r.code == 0, r.err
    r = run_kb("verify")
    said = {m.group(2): m.group(1) for m in re.finditer(r"^(\S+)\s+(q-\w+)", r.out, re.M)}
    assert len(said) == 3, r.out
    if claims_moved:
        assert r.code == 0, r.out + r.err
        assert set(said.values()) == {"ok"}, r.out
    else:
        moved = {f"q-{k[:5]}" for k, w in keyed.items() if k != w}
        assert r.code == 1, r.out + r.err
        assert all(said[q] != "ok" for q in moved), r.out
        assert all(said[q] == "ok" for q in said if q not in moved), r.out
    now = _indexed(kb_root)
    for key, work in keyed.items():
        assert now[key] == before[work], (key, work, now)
    r = run_kb("doctor")
    assert r.code == (0 if claims_moved else 1), r.out + r.err
    assert "Traceback" not in r.out + r.err
    cached = sorted(p.name for p in (kb_root / ".kb" / "cache" / "sources").iterdir())
    r = run_kb("doctor", "--prune")
    assert r.code in (0, 1), r.out + r.err
    assert sorted(p.name for p in (kb_root / ".kb" / "cache" / "sources").iterdir()) == cached


@pytest.mark.parametrize("title", ["Energy Use of Alpha Model in Practise",          # a typo corrected
                                   "Energy Use of Alpha Models in Practice: A Study",  # a subtitle added
                                   "Something Else Entirely Written Here",             # replaced, no other entry's
                                   "Carbon of Beta Systems"])                          # near another's, not its
def test_an_entry_retitled_by_hand_keeps_its_text_where_no_other_entry_is_that_work(kb_root, tmp_path, title):
    """A title edited by hand moves no text: only an entry that is now the text's work (its arXiv id or title)
    takes it; a key whose text leads nowhere keeps it (kb doctor says a title that names another work)."""
    from kbrun import run_kb

    _three_papers(kb_root, tmp_path)
    before = _indexed(kb_root)
    bib = kb_root / "references.bib"
    bib.write_text(bib.read_text().replace("{Energy Use of Alpha Models in Practice}", "{" + title + "}"))
    r = run_kb("ls")
    assert r.code == 0, r.err
    assert _indexed(kb_root) == before
    r = run_kb("rebuild")
    assert r.code == 0, r.err
    assert _indexed(kb_root) == before


def test_an_id_another_entry_holds_is_never_lent_from_a_text_filed_under_the_key(kb_root, tmp_path):
    """Beta's entry written with no eprint under alpha's key, alpha's entry (its eprint) under a new key: the text
    filed under alpha2020energy is alpha's work, whose arXiv id the other entry holds; it goes there, and the id
    is never lent to the entry of Beta's work."""
    from kbrun import run_kb

    _three_papers(kb_root, tmp_path)
    before = _indexed(kb_root)
    text = _entry("alpha2020energy", "beta2021carbon").replace("  eprint = {2102.00002},\n  archiveprefix = {arXiv},\n",
                                                               "")
    text += "\n" + _entry("alpha2020new", "alpha2020energy") + "\n" + _entry("gamma2022water", "gamma2022water")
    (kb_root / "references.bib").write_text(text)
    r = run_kb("ls")
    assert r.code == 0, r.err
    now = _indexed(kb_root)
    assert now["alpha2020new"] == before["alpha2020energy"], now
    assert now["alpha2020energy"][0] != "2001.00001", now
    assert before["alpha2020energy"][1][0] not in now["alpha2020energy"][1], now
