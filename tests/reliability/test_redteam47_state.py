"""Red-team sweep 47: what one process keeps between calls (module caches, process-wide
settings) never answers a later call of kb's library otherwise than a fresh process would."""

from __future__ import annotations

import sys

import pytest

from kb.ops import derive, quotes
from kb.store.knowledgebase import KB, init

BIB = "@article{{{key},\n  title = {{Energy of {key}}},\n  author = {{Curie, Marie}},\n  year = {{2024}}\n}}\n\n"
QUOTE = '[[quote]]\nid = "q-{key}"\ntext = "We trained 12 models"\nstatus = "unverified"\n'


def _kb(tmp_path, keys):
    root, _ = init(tmp_path / "kb")
    (root / "references.bib").write_text("".join(BIB.format(key=k) for k in keys))
    for key in keys:
        (root / "claims" / f"{key}.toml").write_text(QUOTE.format(key=key))
    KB.open(root).close()            # indexed
    return root


def test_verify_task_run_here_reads_the_knowledge_base_as_it_is_now(tmp_path):
    """A verify task run in this process (one task, or a pool that broke) kept the knowledge base it
    opened and the papers it then held: a paper added since was 'no-paper' to the next call."""
    root = _kb(tmp_path, ["p0"])
    assert [v.status for v in quotes._verify_task((str(root), ["p0"]))] == ["unverified"]
    (root / "references.bib").write_text(BIB.format(key="p0") + BIB.format(key="p1"))
    (root / "claims" / "p1.toml").write_text(QUOTE.format(key="p1"))
    KB.open(root).close()
    assert [(v.citekey, v.status) for v in quotes._verify_task((str(root), ["p0", "p1"]))] == [
        ("p0", "unverified"), ("p1", "unverified")]


def test_decide_task_run_here_reads_the_index_as_it_is_now(tmp_path):
    """A decide task run in this process kept the index it opened: one replaced since (kb rebuild
    swaps a new file in) was still read through the old file's connection."""
    root = _kb(tmp_path, ["p0"])
    where = (str(root), str(root / ".kb" / "kb.sqlite"))
    derive._decide_task((where, ["p0"]))
    db = root / ".kb" / "kb.sqlite"
    for side in db.parent.glob("kb.sqlite*"):
        side.unlink()
    (root / "claims" / "p0.toml").write_text(QUOTE.format(key="p0").replace("unverified", "verified"))
    KB.open(root).close()                       # a new index file, its quote verified
    quoted, _ = derive._decide_task((where, ["p0"]))
    assert [key[:5] for key in quoted] == [("p0", None, "We trained 12 models", None, None)]


# -- standard output closed, or read no more ---------------------------------------------------------------------

ONE_PAPER = "@article{p0,\n  title = {Energy of p0},\n  author = {Curie, Marie},\n  year = {2024}\n}\n"
CLOSED = ("kb: error: cannot write the command's output (standard output): it is closed; what it wrote to the "
          "knowledge base, if anything, is kept\n")


def _closed_output():
    import os

    from kb.cli.launch import ClosedOutput

    return ClosedOutput(open(os.devnull, "wb"), encoding="utf-8")


@pytest.mark.parametrize("args", [("ls",), ("ls", "--json"), ("export", "bib", "-o", "-"), ("--help",)])
def test_output_to_a_closed_standard_output_is_said_not_lost(kb_root, monkeypatch, args):
    """`kb ls >&-` exited 0 and said nothing: what it listed went nowhere, as if there were nothing to list."""
    import io

    from kb.cli.app import main

    (kb_root / "references.bib").write_text(ONE_PAPER)
    closed, err = _closed_output(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", closed)          # click's own --help text goes to sys.stdout
    try:
        assert main(list(args), stdout=closed, stderr=err) == 2
    finally:
        closed.buffer.close()
    assert err.getvalue().splitlines(keepends=True)[-1] in (CLOSED, CLOSED.split(";")[0] + "\n"), err.getvalue()


def test_output_lost_in_the_last_flush_is_no_success(kb_root, monkeypatch):
    """`kb ls | true`: what the output's buffer held when kb ended went to a pipe no one read, and kb exited 0."""
    import io
    import os

    from kb.cli.app import entry

    (kb_root / "references.bib").write_text(ONE_PAPER)
    read, write = os.pipe()
    os.close(read)
    stream = io.TextIOWrapper(io.FileIO(write, "w"), encoding="utf-8")      # buffered: nothing written till the end
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setattr(sys, "argv", ["kb", "ls"])
    try:
        with pytest.raises(SystemExit) as ended:
            entry()
    finally:
        stream.close()
    assert ended.value.code == 141


def test_unbuffered_python_never_drops_what_a_pipe_took_in_part(monkeypatch):
    """Under PYTHONUNBUFFERED=1 standard output is a text stream straight onto its file, which keeps nothing
    of a write the file took in part: `kb ls | head -1` on 3,000 papers wrote the pipe's 64 KB of 180,
    dropped the rest and exited 0. Written through a buffer, the rest is written, or the reader's going said."""
    import io
    import os
    import threading

    from kb.cli.launch import standard_streams

    read, write = os.pipe()
    raw = io.FileIO(write, "w")
    unbuffered = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)      # as python -u makes it
    monkeypatch.setattr(sys, "stdout", unbuffered)
    monkeypatch.setattr(sys, "stderr", sys.stderr)          # put back, whatever standard_streams makes of it
    standard_streams()

    def head():
        os.read(read, 100)
        os.close(read)

    reader = threading.Thread(target=head)
    reader.start()
    try:
        with pytest.raises(BrokenPipeError):
            sys.stdout.write("x" * 99 + "\n" * (1 << 18))
    finally:
        reader.join(10)
        raw.close()


def test_unbuffered_python_stays_unbuffered_each_line_reaching_its_reader_as_written(monkeypatch):
    """Written through a buffer, standard output under PYTHONUNBUFFERED=1 held every line until 8 KB or
    the end: a `kb verify` read as it goes, or a progress line, showed nothing until kb ended."""
    import io
    import os

    from kb.cli.launch import standard_streams

    read, write = os.pipe()
    raw = io.FileIO(write, "w")
    unbuffered = io.TextIOWrapper(raw, encoding="utf-8", write_through=True)      # as python -u makes it
    monkeypatch.setattr(sys, "stdout", unbuffered)
    monkeypatch.setattr(sys, "stderr", sys.stderr)
    standard_streams()
    try:
        sys.stdout.write("ok  first quote\n")
        os.set_blocking(read, False)
        assert os.read(read, 100) == b"ok  first quote\n"       # there now, with no flush and kb still running
    finally:
        raw.close()
        os.close(read)


# -- a unit kb reads that no claim has, and one kb does not read ------------------------------------------------

def test_a_unit_no_claim_has_is_no_claims_whatever_kb_holds(tmp_path):
    """`kb claims --unit cores` was refused (exit 2, unknown unit) where no claim counted cores, and listed
    them where one did, while `--unit nodes`, kb's own count, was "no claims match": a count noun is a unit
    kb reads as it reads a figure's, whatever the claims; only what it reads as no unit nor noun is refused."""
    from kb.errors import UsageError
    from kb.ops.claims import list_claims

    root = _kb(tmp_path, [])
    kb = KB.open(root)
    try:
        for unit in ("cores", "CPU cores", "runs", "nodes", "kWh"):
            assert list_claims(kb, unit=unit) == [], unit
        for unit in ("kWhh", "hourz"):
            with pytest.raises(UsageError, match="unknown unit"):
                list_claims(kb, unit=unit)
    finally:
        kb.close()


# -- a lock one thread holds ----------------------------------------------------------------------------------------

def test_a_lock_held_by_one_thread_is_not_another_threads(tmp_path):
    """file_lock is re-entrant, and was so for the whole process: while one thread held the knowledge base's
    writer lock, another thread's writer went straight in, two writers at once. Now it waits its turn."""
    import threading

    from kb.atomic import file_lock
    from kb.errors import LockTimeout

    lock = tmp_path / "lock"
    held, done, seen = threading.Event(), threading.Event(), []

    def holder():
        with file_lock(lock):
            with file_lock(lock):           # re-entrant in its own thread
                held.set()
                done.wait(10)

    thread = threading.Thread(target=holder)
    thread.start()
    try:
        assert held.wait(10)
        try:
            with file_lock(lock, timeout=0.05):
                seen.append("entered")
        except LockTimeout:
            seen.append("waited")
    finally:
        done.set()
        thread.join(10)
    assert seen == ["waited"]
    with file_lock(lock, timeout=0.05):     # let go: taken at once
        pass


# -- what a test writes -----------------------------------------------------------------------------------------

def test_a_bugs_traceback_in_a_test_is_kept_in_the_tests_own_folder(kb_root, monkeypatch):
    """A test of kb's one line for a bug (tests/cli/test_app.py) wrote its traceback over the user's own
    ~/.cache/kb/last-error.log, whichever test ran last: now beside the test's folder."""
    import tempfile
    from pathlib import Path

    from kbrun import run_kb

    import kb.cli.papers
    from kb.cli.app import crash_log

    def boom(*a, **k):
        raise RuntimeError("something impossible")
    monkeypatch.setattr(kb.cli.papers, "list_papers", boom)
    assert run_kb("ls").code == 1
    log = crash_log()
    assert Path(tempfile.gettempdir()) in log.parents and "something impossible" in log.read_text()


# -- pint's parsed definitions ---------------------------------------------------------------------------------

def test_pints_definitions_are_kept_in_the_knowledge_base_opened_last_and_still_there(tmp_path, monkeypatch):
    """The first knowledge base a process opened was where pint kept its parsed definitions for the whole
    process: a registry built later, for another knowledge base, wrote into the first one's .kb, and made its
    folders again where it had been removed."""
    import pint

    from kb.quantities import units

    made = []

    class Registry:
        def __init__(self, **options):
            made.append(options.get("cache_folder"))

        def define(self, line):
            pass
    monkeypatch.setattr(units, "_cache_folder", [])
    monkeypatch.setattr(pint, "UnitRegistry", Registry)
    first, second = tmp_path / "first" / ".kb", tmp_path / "second" / ".kb"
    second.mkdir(parents=True)
    units.cache_registry_in(first / "cache" / "pint")
    units.cache_registry_in(second / "cache" / "pint")
    units.registry.__wrapped__()
    assert made == [second / "cache" / "pint"] and not (tmp_path / "first").exists()
    monkeypatch.setattr(units, "_cache_folder", [first / "cache" / "pint"])     # opened, then removed
    units.registry.__wrapped__()
    assert made[-1] is None and not (tmp_path / "first").exists()
