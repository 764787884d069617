"""kb.store.stale: which truth files changed since they were indexed, by their identity
alone, compared as two lists in order of path."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from kbrun import run_kb

from kb.cli import launch
from kb.store import stale
from kb.store.paths import Layout
from kb.store.sqlite import connect

BIB = "@misc{p1, title = {One}, author = {Doe, Jane}, year = {2020}}\n"
QUOTE = '[[quote]]\nid = "{id}"\ntext = "We trained twelve models."\nstatus = "unverified"\n'
# Names whose order differs between code points and a careless byte or case order.
NAMES = ["p1.toml", "Zeta.toml", "zeta2.toml", "é.toml", "%C3%A9x.toml", "ß.toml", "日本.toml", "a b.toml"]


def indexed(root):
    (root / "references.bib").write_text(BIB)
    for i, name in enumerate(NAMES):
        (root / "claims" / name).write_text(QUOTE.format(id=f"q{i}"))
    assert run_kb("--kb", root, "ls").code == 0
    return Layout(root)


def test_nothing_changed_is_nothing_stale_whatever_the_names(kb_root):
    layout = indexed(kb_root)
    conn = connect(layout.db)
    assert stale.stale_files(conn, layout) == []
    assert [rel for rel, *_ in stale.scan(layout)] == sorted(["references.bib"] + [f"claims/{n}" for n in NAMES])


def test_an_edit_in_place_an_added_a_removed_and_a_touched_file_are_each_found(kb_root):
    layout = indexed(kb_root)
    conn = connect(layout.db)
    claims = kb_root / "claims"
    edited = claims / "é.toml"
    st = edited.stat()
    with open(edited, "r+b") as fh:          # same size, same inode: only the times differ
        data = fh.read()
        fh.seek(0)
        fh.write(data.replace(b"twelve", b"eleven"))
    os.utime(edited, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    (claims / "new.toml").write_text(QUOTE.format(id="qn"))
    (claims / "日本.toml").unlink()
    os.utime(kb_root / "references.bib")
    assert sorted(stale.stale_files(conn, layout)) == sorted(
        ["claims/é.toml", "claims/new.toml", "claims/日本.toml", "references.bib"])
    assert run_kb("--kb", kb_root, "ls").code == 0      # indexed again: in step
    assert stale.stale_files(conn, layout) == []
    assert conn.execute("select text from quotes where id = 'q3'").fetchone()[0] == "We trained eleven models."


def noted(conn):
    row = conn.execute("select value from meta where key = 'files_digest'").fetchone()
    return row[0] if row else None


def test_an_index_notes_the_fingerprint_of_what_it_holds_and_any_change_to_it_drops_the_note(kb_root):
    layout = indexed(kb_root)
    conn = connect(layout.db)
    assert noted(conn) == stale.fingerprint(stale._scan_now(layout))
    for change in ("update files set mtime_ns = mtime_ns + 1 where path = 'claims/p1.toml'",
                   "delete from files where path = 'claims/ß.toml'",
                   "insert into files (path, sha256, size, mtime_ns, ctime_ns, inode) "
                   "values ('claims/other.toml', '', 0, 0, 0, 0)"):
        with conn:
            conn.execute("insert or replace into meta (key, value) values ('files_digest', 'x')")
            conn.execute(change)          # as another tool would: the table's triggers drop the note
        assert noted(conn) is None, change
    with conn:
        conn.execute("insert or replace into meta (key, value) values ('files_digest', 'x')")
        conn.execute("update files set sha256 = '' where path = 'claims/p1.toml'")
    assert noted(conn) == "x", "a file's digest is no part of what a stat sees"
    assert run_kb("--kb", kb_root, "ls").code == 0      # the next command indexes and notes again
    assert noted(conn) == stale.fingerprint(stale._scan_now(layout))
    assert stale.stale_files(conn, layout) == []
    (kb_root / "claims" / "p1.toml").write_text(QUOTE.format(id="q0") + "# edited\n")
    assert run_kb("--kb", kb_root, "quote", "add", "p1", "We trained twelve models.", "--force").code == 0
    assert noted(conn) == stale.fingerprint(stale._scan_now(layout)), "a write notes it too"


def test_a_scan_with_the_noted_fingerprint_is_in_step_and_any_other_is_compared_file_by_file(kb_root):
    layout = indexed(kb_root)
    conn = connect(layout.db)
    same = stale._scan_now(layout)
    same.digest = stale.fingerprint(same)
    assert stale.changed_since(conn, same) == []
    edited = kb_root / "claims" / "é.toml"
    st = edited.stat()
    edited.write_text(edited.read_text().replace("twelve", "eleven"))      # same size
    os.utime(edited, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    now = stale._scan_now(layout)
    now.digest = stale.fingerprint(now)
    assert now.digest != same.digest
    assert stale.changed_since(conn, now) == ["claims/é.toml"]
    with conn:
        conn.execute("delete from meta where key = 'files_digest'")
    assert stale.changed_since(conn, now) == ["claims/é.toml"]       # no note: row by row
    unnoted = stale._scan_now(layout)                                  # no fingerprint: row by row
    assert unnoted.digest is None and stale.changed_since(conn, unnoted) == ["claims/é.toml"]


# -- the scan begun in a forked process (stale.prefetch, as `kb` begins it at its start) ----
#
# Each case runs in a process of its own: prefetch forks only where no other thread runs.

SCRIPT = """
import os, signal, sys, threading, time
from pathlib import Path
from kb.cli import launch
from kb.store import stale
from kb.store.paths import Layout

layout = Layout(Path(sys.argv[1]))
root = layout.root
"""

PREFETCH = """
stale.PREFETCH_FOLDER_BYTES = 0          # however small the folder: this test's files are few
assert stale.prefetch(layout), "not begun"
assert not stale.prefetch(layout), "begun twice"
pid = stale._begun[str(layout.claims)][0]
{between}
got = stale.scan(layout)
assert got == stale._scan_now(layout), (got, stale._scan_now(layout))
assert not stale._begun, "taken twice"
{after}
try:
    os.waitpid(pid, os.WNOHANG)
    raise SystemExit("the child was not reaped")
except ChildProcessError:
    pass
print(len(got))
"""


def run_script(root, body: str) -> subprocess.CompletedProcess:
    """`body` after SCRIPT's imports and `layout` of `root`, in a new Python process."""
    return subprocess.run([sys.executable, "-c", SCRIPT + body, str(root)], capture_output=True, text=True)


def run_prefetch(root, between: str = "", after: str = "") -> subprocess.CompletedProcess:
    """PREFETCH with `between` run before its scan is taken, `after` once it is (`got`)."""
    return run_script(root, PREFETCH.replace("{between}", between).replace("{after}", after))


def test_a_prefetched_scan_is_the_scan_made_here(kb_root):
    indexed(kb_root)
    r = run_prefetch(kb_root, between="", after='assert got.digest == stale.fingerprint(got), "not its own"\n')
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == str(len(NAMES) + 1)


def test_a_file_added_removed_renamed_or_replaced_after_the_prefetch_began_is_seen(kb_root):
    indexed(kb_root)
    # The child's answer may already be in the pipe: each change below comes after it
    # began, so its answer is dropped and the files are scanned again.
    for change in ('(root / "claims" / "new.toml").write_text("")',
                   '(root / "claims" / "Zeta.toml").unlink()',
                   'os.rename(root / "claims" / "p1.toml", root / "claims" / "p9.toml")',
                   '(root / "references.bib").write_text((root / "references.bib").read_text() + "\\n")',
                   'time.sleep(0.2); os.replace(root / "claims" / "ß.toml", root / "claims" / "é.toml")'):
        r = run_prefetch(kb_root, "time.sleep(0.1)\n" + change)
        assert r.returncode == 0, (change, r.stderr)


def test_a_child_that_dies_before_it_answers_leaves_the_scan_to_this_process(kb_root):
    indexed(kb_root)
    r = run_prefetch(kb_root, "os.kill(pid, signal.SIGKILL)")
    assert r.returncode == 0, r.stderr


def test_no_prefetch_beside_other_threads_or_for_a_small_folder(kb_root):
    indexed(kb_root)
    r = run_script(kb_root, "assert not stale.prefetch(layout), 'a folder of a few files'\n"
                            "stale.PREFETCH_FOLDER_BYTES = 0\n"
                            "t = threading.Thread(target=time.sleep, args=(0.5,)); t.start()\n"
                            "assert not stale.prefetch(layout), 'forked beside a thread'\n")
    assert r.returncode == 0, r.stderr


@pytest.mark.slow
def test_the_kb_command_begins_it_and_sees_every_change(tmp_path):
    """`kb` (its entry point) begins the check in a child for a large claims folder; what
    the command shows is the files' state all the same: an edit in place, a file added."""
    root = tmp_path / "kb"
    (root / "claims").mkdir(parents=True)
    (root / "kb.toml").write_text("")
    (root / "references.bib").write_text(BIB)
    claim = '[[claim]]\nid = "energy"\nvalue = "{value} kWh"\nquote = "It used {value} kWh."\nstatus = "unverified"\n'
    # A folder of over PREFETCH_FOLDER_BYTES on common file systems: its size grows with the
    # bytes of its names, so a few hundred long names (each file one more for kb to index).
    for i in range(400):
        (root / "claims" / f"filler{i:04d}{'_' * 200}.toml").write_text("")
    (root / "claims" / "p1.toml").write_text(claim.format(value="11.49"))
    if os.stat(root / "claims").st_size < stale.PREFETCH_FOLDER_BYTES:
        pytest.skip("this file system does not grow a folder's size with its names")
    env = dict(os.environ, KB_HOME=str(root))

    def claims() -> str:
        r = subprocess.run([sys.executable, "-m", "kb", "claims", "--paper", "p1"], capture_output=True,
                           text=True, env=env)
        assert r.returncode == 0, r.stderr
        return r.stdout

    assert "11.49 kWh" in claims()
    (root / "claims" / "p1.toml").write_text(claim.format(value="12.5"))     # in place
    shown = claims()
    assert "12.5 kWh" in shown and "11.49" not in shown
    (tmp_path / "new.toml").write_text(claim.format(value="13.25"))
    os.replace(tmp_path / "new.toml", root / "claims" / "p1.toml")          # replaced, as editors save
    assert "13.25 kWh" in claims()
    # What the entry point begins a check for: a command opening a knowledge base.
    r = run_script(root, "assert launch.prefetch(['--kb', str(root), 'claims', '--paper', 'p1'])\n"
                         "assert stale.scan(layout) == stale._scan_now(layout)\n")
    assert r.returncode == 0, r.stderr
    # a command's own --version option (an arXiv version) is no request for kb's version
    r = run_script(root, "argv = ['--kb', str(root), 'text', 'load', 'p1', 'p1.json', '--version', 'v2']\n"
                         "assert launch.prefetch(argv)\n"
                         "assert stale.scan(layout) == stale._scan_now(layout)\n")
    assert r.returncode == 0, r.stderr
    assert launch.prefetch(["--version"]) is False and launch.prefetch(["-V", "ls"]) is False
    assert launch.prefetch(["--kb", str(root), "quote", "add", "--help"]) is False
    assert launch.prefetch(["--help"]) is False and launch.prefetch(["--kb", str(root), "where"]) is False
    assert launch.prefetch(["--kb", str(tmp_path / "nothing"), "ls"]) is False
    assert launch.prefetch(["--kb", str(root), "nosuchcommand"]) is False


def test_a_prefetch_in_a_process_started_without_stdin_or_stdout_takes_neither(kb_root):
    """`kb import - <&-`: the pipe must not become the command's standard input, nor the
    child close its own end of it with the standard streams."""
    indexed(kb_root)
    r = run_script(kb_root, "stale.PREFETCH_FOLDER_BYTES = 0\n"
                            "os.close(0); os.close(1)\n"
                            "assert stale.prefetch(layout)\n"
                            "pid, read = stale._begun[str(layout.claims)]\n"
                            "assert read > 2, read\n"
                            "for fd in (0, 1):\n"
                            "    try:\n        os.fstat(fd)\n    except OSError:\n        continue\n"
                            "    raise SystemExit(f'descriptor {fd} was taken')\n"
                            "got = stale._prefetched(layout)\n"
                            "assert got is not None, 'the child did not answer'\n"
                            "assert got == stale._scan_now(layout)\n")
    assert r.returncode == 0, r.stderr
