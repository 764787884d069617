"""`kb` commands each in a fresh process, for tests of what a command loads.

Starting a Python process and importing kb's command line takes a third of a second
on a loaded machine; a test of what a dozen commands load paid it a dozen times. Here
one process imports `kb.cli.app` (what every `kb` process does before running its
command) and forks a child for each command: each child starts from that state, as a
new `kb` process would, runs its command, says its exit code and which of `modules`
it has loaded, and exits. The commands run one after the other, each seeing what the
previous one wrote."""

from __future__ import annotations

import json
import os
import subprocess
import sys

_RUNNER = r"""
import io, json, os, sys
from kb.cli.app import main

argvs, modules = json.loads(sys.argv[1]), json.loads(sys.argv[2])
for argv in argvs:
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            out, err = io.StringIO(), io.StringIO()
            rc = main(argv, stdout=out, stderr=err)
            loaded = [m for m in modules if m in sys.modules]
            print(json.dumps([rc, loaded, out.getvalue(), err.getvalue()]), flush=True)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    if status != 0:
        print(json.dumps([None, [], "", f"the child running {argv} ended with status {status}"]), flush=True)
"""


def fresh_runs(root, argvs: list[list[str]], modules, env: dict | None = None) -> list[tuple[int, list[str], str, str]]:
    """(exit code, the `modules` loaded, stdout, stderr) of `kb ARGV` for each of
    `argvs`, each in a fresh kb process on the knowledge base at `root`."""
    base = env if env is not None else {k: v for k, v in os.environ.items()
                                        if not k.startswith("KB_") or k.startswith("KB_TEST_")}
    r = subprocess.run([sys.executable, "-c", _RUNNER, json.dumps([list(map(str, a)) for a in argvs]),
                        json.dumps(list(modules))], capture_output=True, text=True, timeout=300,
                       env=dict(base, KB_HOME=str(root), KB_PROGRESS="0"))
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("[")]
    assert len(lines) == len(argvs), r.stdout + r.stderr
    return [tuple(line) for line in lines]
