"""Running `kb` in-process through its real entry point, capturing its output.

kb's output is captured through the streams given to `kb.cli.app.main` for this
call only, never by replacing sys.stderr: other threads in the test process
(the local HTTP server's, for one) may write to sys.stderr at any time, and
that must not land in kb's captured stderr. stdout alone is still redirected
around the call, because typer/click print --help to sys.stdout themselves;
nothing else in the test process writes to stdout from another thread."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from dataclasses import dataclass


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self):
        import json

        return json.loads(self.out)


def run_kb(*args: str) -> Result:
    """Run `kb` in-process through the real entry point (argument parsing,
    error handling, exit codes), capturing its output."""
    from kb.cli.app import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out):
        code = main([str(a) for a in args], stdout=out, stderr=err)
    return Result(code, out.getvalue(), err.getvalue())
