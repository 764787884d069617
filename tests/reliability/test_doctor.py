"""kb doctor and kb rebuild.

A knowledge base with papers from arXiv, a local PDF and loaded page text,
quotes, claims, checks and reviewed candidates. Its index is deleted,
truncated, overwritten with random bytes or damaged in the middle: every
command then either works or says in one line to run `kb rebuild`, and
`kb rebuild` brings everything back (nothing lost). `kb doctor` finds each
kind of disagreement between files, index and cache, and says where it is and
which command repairs it.
"""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import time
from pathlib import Path

import pytest
from fakearxiv import FakeArxiv
from httpserver import Reply
from kbcache import from_template
from kbproc import paper_pages, quote_of
from kbrun import run_kb
from pdfgen import make_pdf

ARXIV_ID = "2401.00042"
HAND_BIB = """% kept by hand
@misc{paper2024text,
  title = {Energy Figures of a Paper Whose Text Was Loaded by Hand},
  author = {Curie, Marie},
  year = {2024},
  doi = {10.5555/energy.1},
}

@misc{paper2023plain,
  title = {A Paper With Plain Text Pages},
  author = {Noether, Emmy},
  year = {2023},
}
"""
CHECKS = """[[check]]
id = "doubled"
stated = "2.04 kWh"
expr = "paper2024text.run0 * 2"
"""


def problems(r) -> list[str]:
    return [line for line in r.out.splitlines() if line.startswith("problem: ")]


def snapshot() -> dict:
    """What a person sees: listings, every paper in full, quotes, claims, checks, a search."""
    ls = run_kb("ls", "--json").json
    return {
        "ls": ls,
        "show": {p["citekey"]: run_kb("show", p["citekey"], "--json").json for p in ls},
        "quotes": run_kb("quote", "ls", "--json").json,
        "claims": run_kb("claims", "--json").json,
        "checks": run_kb("check", "--json").json,
        "verify": run_kb("verify", "--json").json,
        # Hits with equal scores come in no particular order.
        "search": sorted(run_kb("search", "kWh", "queries", "--json").json, key=json.dumps),
        "refs": {p["citekey"]: run_kb("refs", p["citekey"], "--json").json for p in ls},
    }


@pytest.fixture
def full(kb_root, server, tmp_path, monkeypatch):
    """A knowledge base using every kind of source."""
    monkeypatch.chdir(kb_root)
    fake = FakeArxiv(server)
    fake.add(ARXIV_ID, {1: make_pdf(paper_pages(42, pages=3))}, "Watts per Token", ["Ada Lovelace"],
             published="2024-01-05")
    s2 = json.dumps({"data": [{"citedPaper": {"title": "Watts per Token", "year": 2024,
                                               "externalIds": {"ArXiv": ARXIV_ID}, "authors": []}}]})
    inner = server.routes["*"]
    server.routes["*"] = lambda seen: (Reply(200, s2.encode(), {"Content-Type": "application/json"})
                                       if seen.path.startswith("/s2/") else inner(seen))
    (kb_root / "references.bib").write_text(HAND_BIB)
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(paper_pages(1, pages=4)))
    plain = tmp_path / "plain.txt"
    plain.write_text("\f".join(paper_pages(2, pages=2)))
    local = tmp_path / "local-paper.pdf"
    local.write_bytes(make_pdf(paper_pages(3, pages=2), title="A Local Paper About Measured Energy"))
    steps = [
        ["add", ARXIV_ID],
        ["add", local, "--offline"],
        ["text", "load", "paper2024text", pages, "--extractor", "generated"],
        ["text", "load", "paper2023plain", plain, "--version", "v2"],
        ["quote", "add", "paper2024text", quote_of(1, 0, 1), "--topic", "energy"],
        ["quote", "add", "paper2023plain", quote_of(2, 1, 3)],
        ["quote", "add", "lovelace2024watts", quote_of(42, 2, 5)],
        ["claim", "add", "paper2024text", "1.02 kWh", "--per", "1000 queries", "--id", "run0", "--quote", quote_of(1, 0, 2)],
        ["claim", "add", "lovelace2024watts", "42.11 kWh", "--per", "1000 queries", "--quote", quote_of(42, 1, 1)],
        ["claims", "extract", "paper2024text"],
        ["cite", "fetch", "paper2024text"],
    ]

    def build():
        (kb_root / "claims" / "checks.toml").write_text(CHECKS)
        for args in steps:
            monkeypatch.setenv("KB_OFFLINE", "0")      # `kb add --offline` sets it for its own process
            r = run_kb(*args)
            assert r.code == 0, (args, r.err)
        monkeypatch.setenv("KB_OFFLINE", "0")
        candidates = run_kb("claims", "--unreviewed", "--json").json
        assert len(candidates) > 10
        assert run_kb("claims", "dismiss", *[str(c["id"]) for c in candidates[:3]]).code == 0
    from_template("doctor-full", kb_root, build)     # the server still serves what it fetched
    monkeypatch.setenv("KB_OFFLINE", "0")
    r = run_kb("doctor")
    assert r.code == 0 and r.out.endswith("checked)\n"), r.out
    return kb_root


def db_path(root: Path) -> Path:
    return root / ".kb" / "kb.sqlite"


def test_clean_knowledge_base_has_nothing_to_repair(full):
    r = run_kb("doctor")
    assert r.code == 0, r.out
    assert r.out.splitlines()[-1] == "nothing to repair (4 papers, 3 quotes, 2 claims, 4 sources checked)"
    r = run_kb("doctor", "--json")
    assert r.code == 0 and r.json["ok"] and r.json["problems"] == []
    assert r.json["counts"]["checks"] == 1


def test_rebuild_from_a_healthy_index_loses_nothing(full):
    before = snapshot()
    unreviewed = run_kb("claims", "--unreviewed", "--json").json
    r = run_kb("rebuild", "--json")
    assert r.code == 0, r.err
    info = r.json
    assert info["previous"] == "ok" and info["moved_aside"] is None
    assert (info["papers"], info["quotes"], info["claims"]) == (4, 3, 2)
    assert info["semantic_scholar"] == 1
    # 3 dismissed by hand, and any candidate that is already a claim (same figure, same page)
    reviewed = [int(m.group(1)) for s in info["salvaged"] for m in [re.search(r"candidate claims \((\d+) reviewed\)", s)]
                if m]
    assert reviewed and reviewed[0] >= 3
    assert snapshot() == before
    assert run_kb("claims", "--unreviewed", "--json").json == unreviewed
    assert not list((full / ".kb").glob("kb.sqlite.*"))
    assert run_kb("doctor").code == 0


def test_deleted_index_comes_back_by_itself(full):
    before = snapshot()
    for p in (full / ".kb").glob("kb.sqlite*"):
        p.unlink()
    # Any command re-indexes from the files and the cache, text loaded as JSON included.
    assert run_kb("verify").code == 0
    after = snapshot()
    assert after == before
    r = run_kb("rebuild")
    assert r.code == 0 and r.out.startswith(f"rebuilt {db_path(full)}"), r.err
    assert snapshot() == before


def _truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(1).randbytes(path.stat().st_size))


def _empty_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = b"\0" * 100
    path.write_bytes(bytes(data))


def _garbled_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(2)
    for i in range(len(data) // 3, 2 * len(data) // 3):
        data[i] = rng.randrange(256)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_truncate, _random_bytes, _empty_header, _garbled_middle],
                         ids=["truncated", "random-bytes", "zeroed-header", "garbled-middle"])
def test_damaged_index_is_named_then_rebuilt_with_nothing_lost(full, damage):
    before = snapshot()
    run_kb("rebuild")             # one file, no WAL: what a person would find on disk
    path = db_path(full)
    for side in ("-wal", "-shm"):
        assert not path.with_name(path.name + side).exists()
    damage(path)
    truth = {p: p.read_bytes() for p in [full / "references.bib", *sorted((full / "claims").glob("*.toml"))]}
    commands = [["ls"], ["show", "lovelace2024watts"], ["quote", "ls"], ["claims"], ["verify"], ["check"],
                ["search", "energy"], ["graph"], ["refs", "paper2024text"], ["claims", "--unreviewed"],
                ["quote", "add", "paper2024text", quote_of(1, 2, 2)]]
    for args in commands:
        r = run_kb(*args)
        assert "Traceback" not in r.err and "internal error" not in r.err, (args, r.err)
        if r.code != 0 and not (args[0] == "check" and r.code == 1 and not r.err):
            assert r.code == 2 and r.err.count("\n") == 1, (args, r.code, r.err)
            assert "kb rebuild" in r.err and ("index" in r.err), (args, r.err)
    r = run_kb("doctor")
    assert r.code == 1, r.out
    assert any(line.startswith("problem: .kb/kb.sqlite: ") and line.endswith("; fix: kb rebuild")
               for line in problems(r)), r.out
    assert all(p.read_bytes() == b for p, b in truth.items())
    r = run_kb("rebuild")
    assert r.code == 0, r.err
    assert "Traceback" not in r.err
    aside = [p for p in (full / ".kb").glob("kb.sqlite.corrupt-*") if not p.name.endswith(("-wal", "-shm"))]
    assert aside and f"kb: the damaged index was moved to {aside[0]}" in r.err
    after = snapshot()
    assert after["ls"] == before["ls"] and after["show"] == before["show"]
    assert after["quotes"] == before["quotes"] and after["claims"] == before["claims"]
    assert after == before
    r = run_kb("doctor")
    assert r.code == 0, r.out
    assert "info: a damaged index was kept at .kb/kb.sqlite.corrupt-" in r.out


def test_rebuild_keeps_the_old_index_when_references_bib_is_broken(full):
    run_kb("rebuild")
    bib = full / "references.bib"
    bib.write_text(bib.read_text() + "\n@misc{broken, title = {Unbalanced}\n")
    old = db_path(full).read_bytes()
    r = run_kb("rebuild")
    assert r.code == 2 and "Traceback" not in r.err, r.err
    assert r.err.startswith("kb: error: ") and "references.bib:" in r.err and r.err.count("\n") == 1, r.err
    assert db_path(full).read_bytes() == old
    assert list((full / ".kb" / "tmp").iterdir()) == []


def test_rebuild_indexes_the_rest_when_a_claims_file_is_broken(full):
    (full / "claims" / "checks.toml").write_text('[[check]]\nid = "x"\nstated = \n')
    r = run_kb("rebuild")
    assert r.code == 1, r.err
    assert "kb: claims/checks.toml:3:10: is not valid TOML" in r.err, r.err
    assert "rebuilt" in r.out and "3 quotes, 2 claims" in r.out
    r = run_kb("doctor")
    assert r.code == 1
    assert problems(r) == [line for line in problems(r) if line.startswith("problem: claims/checks.toml:3:10: ")]
    assert problems(r)[0].endswith("; fix: correct the file by hand (any kb command then re-indexes it)")


# -- what doctor finds -----------------------------------------------------------------------

def sql(root: Path, *statements: str, fk: bool = True) -> None:
    from kb.store.fts import register

    conn = sqlite3.connect(db_path(root), isolation_level=None)
    conn.execute(f"PRAGMA foreign_keys = {'ON' if fk else 'OFF'}")       # as kb has it, or not
    register(conn)      # the full-text triggers fold text with kb's kb_search_text()
    for s in statements:
        conn.execute(s)
    conn.close()


def test_edit_that_keeps_size_and_time_is_found(full):
    bib = full / "references.bib"
    st = bib.stat()
    text = bib.read_text()
    bib.write_text(text.replace("Loaded by Hand", "Loaded by Foot"))
    os.utime(bib, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert bib.stat().st_size == st.st_size and bib.stat().st_mtime_ns == st.st_mtime_ns
    # Noticed by the next command (its change time and inode are compared too), not only by doctor.
    assert "Loaded by Foot" in run_kb("show", "paper2024text").out
    assert run_kb("doctor").code == 0


def test_index_rows_out_of_step_are_found(full):
    sql(full, "update papers set title = 'Something else' where citekey = 'paper2023plain'",
        "delete from quotes where citekey = 'paper2024text'",
        "insert into papers (citekey, title) values ('ghost2020', 'Ghost')",
        "update claims set page = 99 where id = 'run0'",
        "delete from versions where citekey = 'paper2024text'")
    r = run_kb("doctor")
    assert r.code == 1
    found = problems(r)
    line = HAND_BIB.splitlines().index("@misc{paper2023plain,") + 1
    assert f"problem: references.bib:{line}: entry paper2023plain differs from the index (title); " \
           "fix: kb rebuild" in found, found
    assert any(p.startswith("problem: claims/paper2024text.toml:") and "quote" in p and
               "is not in the index; fix: kb rebuild" in p for p in found), found
    assert "problem: references.bib: the index has a paper ghost2020 that references.bib does not hold; " \
           "fix: kb rebuild" in found
    assert any("claim run0 differs from the index; fix: kb rebuild" in p for p in found), found
    # A cached source filed under its paper whose version the index lacks (here deleted by
    # hand; in life, a command killed between filing it and its commit) is indexed again.
    assert "info: indexed the text of paper2024text from its cached source" in r.out, r.out
    assert not any("its cached source" in p for p in found), found
    assert run_kb("show", "paper2024text", "--json").json["versions"]
    assert run_kb("rebuild").code == 0
    assert run_kb("doctor").code == 0


def test_database_integrity_checks(full):
    sql(full, "insert into pages (version_id, citekey, version, page, text) values (99999, 'paper2023plain', '', 1, "
        "'orphan')",
        fk=False)
    r = run_kb("doctor")
    assert r.code == 1
    assert any(p.startswith("problem: .kb/kb.sqlite: 1 row of pages points at rows that do not exist "
                            "(PRAGMA foreign_key_check); fix: kb rebuild") for p in problems(r)), r.out
    assert run_kb("rebuild").code == 0
    sql(full, "insert into pages_fts(pages_fts, rowid, text) values ('delete', 1, 'words that were never there')")
    r = run_kb("doctor")
    assert r.code == 1
    assert any("full-text index pages_fts is out of step" in p and p.endswith("fix: kb rebuild")
               for p in problems(r)), r.out
    assert run_kb("rebuild").code == 0 and run_kb("doctor").code == 0


def test_cache_damage_is_found_with_the_command_that_fetches_it_again(full):
    sources = full / ".kb" / "cache" / "sources"
    arxiv_pdf = next(m for m in sources.glob("*.json")
                     if json.loads(m.read_text()).get("arxiv_id") == ARXIV_ID)
    pdf = sources / json.loads(arxiv_pdf.read_text())["filename"]
    data = bytearray(pdf.read_bytes())
    data[200] ^= 0xFF
    pdf.write_bytes(bytes(data))
    text_manifest = next(m for m in sources.glob("*.json") if json.loads(m.read_text())["kind"] == "text"
                         and "paper2023plain" in json.loads(m.read_text())["citekeys"])
    (sources / json.loads(text_manifest.read_text())["filename"]).unlink()
    r = run_kb("doctor")
    assert r.code == 1
    found = "\n".join(problems(r))
    assert f"problem: .kb/cache/sources/{pdf.name}: {pdf.name} does not match its sha256 (corrupted) (a source " \
           f"of lovelace2024watts); fix: kb doctor --prune, then kb add arxiv:{ARXIV_ID}v1 --refresh" in found, found
    # a file gone whose text the index holds: kb rebuild keeps that text, never pruned
    assert "is missing (a source of paper2023plain); fix: kb rebuild: it keeps the text the index holds" in found, found
    r = run_kb("doctor", "--prune")
    assert r.code == 1 and "info: removed 1 cached source" in r.out
    assert not pdf.exists() and not arxiv_pdf.exists() and text_manifest.exists()
    r = run_kb("doctor")               # the index alone holds the PDF's text now
    assert r.code == 1 and "problem: lovelace2024watts v1: its cached source" in r.out, r.out
    assert "only the index holds its text now; fix: kb rebuild" in r.out, r.out
    assert run_kb("add", f"arxiv:{ARXIV_ID}v1", "--refresh").code == 0    # fetched again
    r = run_kb("doctor")
    assert pdf.exists() and "lovelace2024watts" not in r.out and "a source of paper2023plain" in r.out, r.out


@pytest.mark.parametrize("damage", ["[]", "{\"kind\": \"pdf\""])
def test_a_manifest_that_cannot_be_read_is_made_again_and_its_source_never_pruned(full, damage):
    """A manifest emptied, cut short or of another shape: made again from the index (the paper's text
    survives kb rebuild); one whose bytes the index knows of no paper is said, and --prune keeps the
    source, which it took for a source of no paper and deleted."""
    sources = full / ".kb" / "cache" / "sources"
    manifest = next(m for m in sources.glob("*.json") if json.loads(m.read_text()).get("arxiv_id") == ARXIV_ID)
    before = json.loads(manifest.read_text())
    pdf = sources / before["filename"]
    manifest.write_text(damage)
    r = run_kb("doctor", "--prune")
    assert r.code == 0 and f"info: .kb/cache/sources/{manifest.name} was not a readable manifest: made again " \
        f"from the index, {pdf.name} filed under lovelace2024watts as it was" in r.out, r.out
    again = json.loads(manifest.read_text())
    assert {k: v for k, v in again.items() if k not in ("added_at", "extractor")} == \
        {k: v for k, v in before.items() if k not in ("added_at", "extractor")}
    assert pdf.exists() and run_kb("rebuild").code == 0
    [paper] = [p for p in run_kb("ls", "--json").json if p["citekey"] == "lovelace2024watts"]
    assert paper["pages"] == 3
    # kb rebuild before any doctor: made again from the index it replaces
    manifest.write_text(damage)
    r = run_kb("rebuild")
    assert r.code == 0 and "kept from the old index: the manifests of 1 cached source" in r.out, r.out
    [paper] = [p for p in run_kb("ls", "--json").json if p["citekey"] == "lovelace2024watts"]
    assert paper["pages"] == 3 and json.loads(manifest.read_text())["citekeys"] == ["lovelace2024watts"]
    # Bytes the index knows of no paper: kept, whatever --prune is asked.
    manifest.write_text(damage)
    conn = sqlite3.connect(db_path(full))
    with conn:
        conn.execute("update versions set sha256 = null where sha256 = ?", [before["sha256"]])
    conn.close()
    os.utime(pdf, (time.time() - 3600,) * 2)
    r = run_kb("doctor", "--prune")
    assert r.code == 1 and f"problem: .kb/cache/sources/{manifest.name}: is not a readable manifest of kb's " \
        f"source cache; its source {pdf.name} is kept (kb cannot tell whose it is)" in r.out, r.out
    assert pdf.exists() and manifest.exists()


def test_quotes_that_no_longer_verify_are_named(full):
    path = full / "claims" / "paper2024text.toml"
    text = path.read_text()
    path.write_text(text.replace(quote_of(1, 0, 1), quote_of(1, 0, 1).replace("used", "saved")))
    bib = full / "references.bib"
    bib.write_text(bib.read_text().replace("@misc{paper2023plain", "@misc{paper2023gone"))
    r = run_kb("doctor")
    assert r.code == 1
    found = problems(r)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if t == "[[quote]]")
    assert any(p.startswith(f"problem: claims/paper2024text.toml:{line}: quote ") and
               "is marked verified but is not found in paper2024text" in p and "; fix: correct its text in "
               "claims/paper2024text.toml (kb verify shows the closest passage), or kb quote rm " in p
               for p in found), found
    # renamed by hand: doctor names the paper the key is now, and how to follow it
    assert any(p.startswith("problem: claims/paper2023plain.toml:") and "cites paper2023plain, which is not in "
               "references.bib; fix: if you renamed it paper2023gone in references.bib, kb rename paper2023plain "
               "paper2023gone moves the rest; else restore the entry in references.bib, or kb quote rm " in p
               for p in found), found


def test_orphan_sources_and_leftover_temp_files(full):
    sources = full / ".kb" / "cache" / "sources"
    # What a kb add killed after its download and before references.bib leaves behind.
    orphan = make_pdf(paper_pages(77, pages=1))
    from kb.store.cache import SourceCache

    cache = SourceCache(sources, full / ".kb" / "tmp")
    m = cache.put(orphan, "pdf", "pdf", arxiv_id="2402.99999", version="v1", origin="arxiv")
    m.writer_pid = 2 ** 22 + 7           # the kb add that cached it was killed: its process is gone
    cache.save(m)
    stray = sources / ("ab" * 32 + ".pdf")
    stray.write_bytes(b"%PDF-1.4 no manifest")
    tmp = full / ".kb" / "tmp"
    dead = tmp / ".references.bib.999999.12345.tmp"
    dead.write_text("half a file")
    r = run_kb("doctor")
    assert r.code == 0, r.out
    assert "info: 2 cached sources belong to no paper (a kb add that did not finish); kb doctor --prune " \
           "removes them" in r.out
    assert "info: removed 1 temporary file left in .kb/tmp by interrupted kb commands" in r.out
    assert not dead.exists()
    r = run_kb("doctor", "--prune")
    assert "less than 120 s old" in r.out and cache.path(m).exists()
    old = time.time() - 3600
    for p in (cache.path(m), cache.manifest_path(m.sha256), stray):
        os.utime(p, (old, old))
    r = run_kb("doctor", "--prune")
    assert r.code == 0 and "info: removed 2 cached sources" in r.out, r.out
    assert not cache.path(m).exists() and not stray.exists()
    assert len(list(sources.glob("*.json"))) == 4
    (tmp / "not-ours.txt").write_text("?")
    r = run_kb("doctor")
    assert r.code == 1
    assert f"problem: .kb/tmp/not-ours.txt: is not a temporary file kb made; fix: remove it if no kb command " \
           f"is running: rm {tmp / 'not-ours.txt'}" in r.out


def test_malformed_truth_file_is_named_and_the_rest_still_checked(full):
    (full / "claims" / "paper2023plain.toml").write_text("[[quote]]\nid = 'x'\ntext = 5\n")
    sql(full, "update papers set title = 'Edited' where citekey = 'paper2024text'")
    r = run_kb("doctor")
    assert r.code == 1
    found = problems(r)
    assert "problem: claims/paper2023plain.toml:1: quote x: `text` must be a string, not int; fix: correct the " \
           "file by hand (any kb command then re-indexes it)" in found, found
    assert any("entry paper2024text differs from the index (title)" in p for p in found), found
    r = run_kb("quote", "ls")
    assert r.code == 2 and r.err.startswith("kb: error: claims/paper2023plain.toml:1: ")
    r = run_kb("ls")            # the papers are shown past it, said in one line
    assert r.code == 0 and r.err.startswith("kb: claims/paper2023plain.toml:1: ") and r.err.count("\n") == 1
