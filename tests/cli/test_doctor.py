"""kb doctor --quick, and kb doctor / kb verify re-verifying paper by paper."""

from __future__ import annotations

import json
import sqlite3

import pytest
from kbrun import run_kb

from kb.ops.quotes import PaperCache, verify_papers
from kb.ops.session import open_kb

BIB = "".join(f"@article{{p{i},\n  title = {{Energy of Model {i}}},\n  author = {{Curie, Marie}},\n"
              f"  year = {{2024}}\n}}\n\n" for i in range(3))


def sentence(i: int, page: int) -> str:
    return f"Training model {i} on page {page} used {10 * i + page + 1} MWh of energy in {i + 3} weeks."


@pytest.fixture
def three(kb_root, tmp_path):
    """Three papers with text, one quote and one claim each."""
    (kb_root / "references.bib").write_text(BIB)
    for i in range(3):
        source = tmp_path / f"p{i}.json"
        source.write_text(json.dumps([sentence(i, page) + " Other words follow here." for page in (1, 2)]))
        assert run_kb("text", "load", f"p{i}", source, "--extractor", "generated").code == 0
        assert run_kb("quote", "add", f"p{i}", sentence(i, 1)).code == 0
        r = run_kb("claim", "add", f"p{i}", f"{10 * i + 2} MWh", "--quote", sentence(i, 1), "--id", "energy")
        assert r.code == 0, r.err
    return kb_root


def test_quick_checks_files_and_index_without_reverifying(three):
    r = run_kb("doctor", "--quick")
    assert r.code == 0, r.out
    assert r.out.splitlines()[-1] == ("nothing to repair (3 papers, 3 quotes, 3 claims, 3 sources checked; "
                                      "quick: quotes and claims not re-verified, sources not hashed)")
    # A quote edited by hand so that it no longer verifies: the file and the index agree, so
    # --quick has nothing to say; the full doctor re-verifies it and names it.
    path = three / "claims" / "p1.toml"
    path.write_text(path.read_text().replace("used 12 MWh", "used 21 MWh", 1))
    assert run_kb("doctor", "--quick").code == 0
    r = run_kb("doctor")
    assert r.code == 1
    assert "problem: claims/p1.toml:" in r.out and "is marked verified but is not found in p1" in r.out


def test_quick_finds_what_it_checks(three):
    sources = three / ".kb" / "cache" / "sources"
    manifest = json.loads(next(sources.glob("*.json")).read_text())
    (sources / manifest["filename"]).unlink()
    db = sqlite3.connect(three / ".kb" / "kb.sqlite")
    db.execute("update quotes set file = 'claims/gone.toml' where citekey = 'p2'")
    db.commit()
    db.close()
    (three / ".kb" / "tmp" / "notes.txt").write_text("left here")
    r = run_kb("doctor", "--quick")
    assert r.code == 1
    found = [line for line in r.out.splitlines() if line.startswith("problem: ")]
    assert any(f"{manifest['filename']} is missing" in p for p in found), found
    assert any(p.startswith("problem: claims/gone.toml: the index holds quotes from this file") for p in found)
    assert any(p.startswith("problem: .kb/tmp/notes.txt: is not a temporary file kb made") for p in found)
    assert run_kb("doctor", "--quick", "--json").json["ok"] is False


def test_quick_does_not_hash_sources(three):
    sources = three / ".kb" / "cache" / "sources"
    manifest = json.loads(next(sources.glob("*.json")).read_text())
    source = sources / manifest["filename"]
    data = bytearray(source.read_bytes())
    data[0] ^= 0x20
    source.write_bytes(bytes(data))
    assert run_kb("doctor", "--quick").code == 0
    r = run_kb("doctor")
    assert r.code == 1 and "does not match its sha256 (corrupted)" in r.out


def test_quick_full_text_index_out_of_step(three):
    db = sqlite3.connect(three / ".kb" / "kb.sqlite")
    db.execute("delete from quotes_fts_docsize where id = (select min(id) from quotes_fts_docsize)")
    db.commit()
    db.close()
    r = run_kb("doctor", "--quick")
    assert r.code == 1 and "full-text index quotes_fts is out of step" in r.out


def test_doctor_help_says_what_quick_skips():
    out = run_kb("doctor", "--help").out
    assert "--quick" in out and "re-verifying" in out and "hashing" in out


def test_verify_papers_holds_one_paper_at_a_time(three):
    kb = open_kb(three)
    seen = []
    caches = []
    real_set = PaperCache.__setitem__

    def spy(self, key, value):
        real_set(self, key, value)
        caches.append(self)
        seen.append({k[-2] for k in self})

    PaperCache.__setitem__ = spy
    try:
        verdicts = list(verify_papers(kb))
    finally:
        PaperCache.__setitem__ = real_set
        kb.close()
    assert [(v.kind, v.citekey, v.status) for v in verdicts] == [
        ("quote", "p0", "ok"), ("claim", "p0", "ok"), ("quote", "p1", "ok"), ("claim", "p1", "ok"),
        ("quote", "p2", "ok"), ("claim", "p2", "ok")]
    assert seen and all(len(keys) == 1 for keys in seen)     # never two papers' texts at once
    assert len({id(c) for c in caches}) == 1


def test_many_papers_are_reverified_on_every_core_with_the_same_verdicts(three, monkeypatch):
    """From VERIFY_PARALLEL_FROM papers kb verify and kb doctor re-verify on a pool of
    processes, a few papers a task: the same verdicts, in the same order, as in one process
    (here from one paper, one paper a task, on two processes)."""
    import kb.ops.quotes as quotes

    path = three / "claims" / "p1.toml"
    path.write_text(path.read_text().replace("used 12 MWh", "used 21 MWh", 1))     # p1's quote: not found
    with open(three / "claims" / "p2.toml", "a") as fh:       # a claim whose value its quote does not give
        fh.write('\n[[claim]]\nid = "weeks"\nvalue = "6 weeks"\nquote = "' + sentence(2, 1) + '"\n')
    alone = run_kb("verify")
    assert alone.code == 1 and "value-mismatch" in alone.out and "not-found" in alone.out, alone.out
    monkeypatch.setattr(quotes, "VERIFY_PARALLEL_FROM", 1)
    monkeypatch.setattr(quotes, "PAPERS_A_TASK", 1)
    monkeypatch.setattr("kb.ops.bulk.default_jobs", lambda: 2)
    pooled = run_kb("verify")
    assert (pooled.code, pooled.out) == (alone.code, alone.out)


def test_verify_prints_quotes_then_claims(three):
    r = run_kb("verify")
    assert r.code == 0
    lines = r.out.splitlines()
    assert [line.split()[0] for line in lines[:6]] == ["ok"] * 6
    assert all("claim" not in line for line in lines[:3]) and all(" claim p" in line for line in lines[3:6])
    assert lines[-2:] == ["3 quotes: 3 ok", "3 claims: 3 ok"]
