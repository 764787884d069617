"""Red-team round 49, hostile input (eleventh pass): truth files that are no files, folders -o would make,
sizes a truth file or a server may hold, and keys nobody can see."""

from __future__ import annotations

import os

import pytest
from kbrun import run_kb


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


# -- a claims file that is no file ---------------------------------------------------------

@pytest.mark.parametrize("make", ["device", "fifo", "folder"])
@pytest.mark.parametrize("command", ["check", "verify", "audit"])
def test_a_claims_file_kb_cannot_open_stops_a_judging_command(kb_root, make, command) -> None:
    """A claims file linked to /dev/zero, a FIFO or a folder named x.toml: kb check said 'no checks', exit 0."""
    path = kb_root / "claims" / "x.toml"
    if make == "device":
        path.symlink_to(os.devnull)
    elif make == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    got = run_kb(command)
    assert got.code == 2, (got.code, got.err)
    line = _one_line(got.err)
    assert "claims/x.toml: cannot read (" in line and f"kb {command} judges" in line, line
    listed = run_kb("ls")                  # a command showing papers goes on without it, saying so
    assert listed.code == 0 and "claims/x.toml: cannot read (" in listed.err, listed.err
