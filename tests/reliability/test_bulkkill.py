"""Crashes in bulk ingest: `kb import --jobs 2` of a library whose entries name PDFs,
and `kb add --offline --jobs 2` of the same PDFs, run as real processes and
SIGKILLed (once each by default, 20 times with KB_TEST_LONG=1, or KB_BULK_KILL_N
times): once a random number of PDFs are in the index (the writer's commits, read
as they land), and, from the second kill on, the first at a random moment.

After every kill: references.bib is as before the import or as after it (kb
add: its first entries, one per paper written); each paper's PDF is in the
index whole or not at all (its version and every page, or nothing); SQLite is
intact; no worker process outlives the killed writer; `kb doctor` finds nothing
to repair; and running the same command again adds what was missing and leaves
exactly what an unkilled run leaves, file for file and row for row.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from budgets import budget
from kbcompare import differences
from kbproc import kb_env, paper_pages, restore, run, spawn, truth_files
from kbrun import run_kb
from pdfgen import make_pdf

from kb.store.knowledgebase import init

pytestmark = pytest.mark.slow

KILLS = budget(1, 20, "KB_BULK_KILL_N")
SEED = int(os.environ.get("KB_KILL_SEED", "20261202"))
PAPERS = 10


def _library(folder: Path) -> Path:
    files = folder / "files"
    files.mkdir()
    entries = []
    for n in range(PAPERS):
        title = f"Measured Energy of Model Family {n} in Everyday Use"
        (files / f"paper{n}.pdf").write_bytes(make_pdf([title] + paper_pages(100 + n, pages=4), title=title))
        entries.append(f"@article{{fam{n}, title = {{{title}}}, author = {{Lovelace, Ada and Turing, Alan}},\n"
                       f"  year = {{{2000 + n}}}, file = {{Full Text PDF:files/paper{n}.pdf:application/pdf}}}}\n")
    bib = folder / "library.bib"
    bib.write_text("\n".join(entries))
    return bib


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2:].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for a parent that never reaps it is not)."""
    try:
        stat = (Path("/proc") / str(pid) / "stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def _entries(files: dict[str, bytes]) -> list[tuple[str, str]]:
    """references.bib's entries, in order: (key, the entry as written)."""
    from kb.sources.bibtex import BibFile

    bib = BibFile(files["references.bib"].decode("utf-8"), "references.bib")
    return [(e.key, bib.entry_text(e.key)) for e in bib.entries()]


def _wait_for_versions(proc, root: Path, count: int, deadline: float) -> None:
    """Until the index holds `count` versions (PDFs attached) or the process ends."""
    db = root / ".kb" / "kb.sqlite"
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
            try:
                if conn.execute("select count(*) from versions").fetchone()[0] >= count:
                    return
            finally:
                conn.close()
        except sqlite3.Error:
            pass
        time.sleep(0.01)


def _attached_whole(root: Path) -> list[str]:
    """Papers whose version is in the index without all its pages (empty: none)."""
    conn = sqlite3.connect(root / ".kb" / "kb.sqlite")
    try:
        rows = conn.execute("select v.citekey, v.page_count, (select count(*) from pages p "
                            "where p.version_id = v.id) from versions v").fetchall()
        integrity = conn.execute("pragma integrity_check").fetchone()[0]
    finally:
        conn.close()
    bad = [f"{key}: {pages} of {count} pages" for key, count, pages in rows if count != pages]
    return bad + ([] if integrity == "ok" else [f"integrity: {integrity}"])


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads worker processes from /proc")
@pytest.mark.parametrize("command", ["import", "add"])
def test_kill_bulk_ingest_mid_way(tmp_path, monkeypatch, command):
    bib = _library(tmp_path)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    template = tmp_path / "template"
    init(template)                      # made in-process: only the commands killed run as processes
    if command == "import":
        args = ["import", str(bib), "--jobs", "2"]
    else:
        args = ["add", "--offline", "--jobs", "2", *sorted((tmp_path / "files").glob("*.pdf"))]

    # An unkilled run: what the files and index are after it, and how long it takes.
    done = tmp_path / "done"
    restore(template, done)
    t = time.monotonic()
    r = run(args, kb_env(done), cwd)
    typical = time.monotonic() - t
    assert r.returncode == 0, r.stderr
    if command == "import":
        assert r.stdout.strip().endswith(f"{PAPERS} PDFs attached")
    else:
        assert r.stdout.count("added") == PAPERS
    before = truth_files(template)
    after = truth_files(done)

    rng = random.Random(SEED)
    work = tmp_path / "kb"
    outcomes = []
    for i in range(KILLS):
        # Of several kills the first at a random moment (start-up, the entries, the first
        # PDFs); the others (and a lone one) once a random number of PDFs are attached, read
        # from the index as the writer commits them, so they land mid-way however fast or
        # loaded the machine is.
        restore(template, work)
        proc = spawn(args, kb_env(work), cwd)
        if i == 0 and KILLS > 1:
            target = None
            time.sleep(rng.uniform(0.0, typical))
        else:
            target = rng.randint(1, PAPERS - 1)
            _wait_for_versions(proc, work, target, deadline=time.monotonic() + 30 * typical + 60)
        workers = _children(proc.pid)
        finished = proc.poll() is not None
        if not finished:
            os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
        # No worker outlives the writer (each watches it: gone within a second or so).
        deadline = time.monotonic() + 20
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers), f"workers {workers} outlived the killed kb import"

        files = truth_files(work)
        if command == "import":       # all the entries at once, then the PDFs one by one
            assert files in (before, after), f"kill {outcomes}: references.bib is neither before nor after"
        else:                         # one paper at a time, in the order given: the first k entries
            assert _entries(files) == _entries(after)[:len(_entries(files))], outcomes
        assert _attached_whole(work) == [], outcomes
        conn = sqlite3.connect(work / ".kb" / "kb.sqlite")
        attached = conn.execute("select count(*) from versions").fetchone()[0]
        conn.close()
        outcomes.append((target, "finished" if finished else f"killed, {attached} attached"))

        monkeypatch.setenv("KB_HOME", str(work))
        doctor = run_kb("doctor", "--json")
        assert doctor.code == 0, (outcomes, [p for p in doctor.json.get("problems", [])
                                             if p.get("severity") != "info"] or doctor.out, doctor.err)
        # Running it again resumes: the same knowledge base as an unkilled run.
        again = run(args, kb_env(work), cwd)
        assert again.returncode == 0, again.stderr
        assert differences(done, work) == [], outcomes
    print(f"\nkb {command} kills (unkilled run {typical:.2f} s): {outcomes}")
    # At least one kill landed while PDFs were being attached (not all before, not all after).
    assert any(o[1].startswith("killed") and o[1] not in ("killed, 0 attached", f"killed, {PAPERS} attached")
               for o in outcomes), outcomes
