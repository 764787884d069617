"""Running `kb` in-process through its real entry point, capturing its output."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
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
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return Result(code, out.getvalue(), err.getvalue())
