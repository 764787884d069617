"""How much work the long tests do: sized for CI by default, bigger on request.

The defaults keep the whole suite within a few minutes on a 2-core CI machine
while each test still does what it is for. To run them long:

    KB_TEST_LONG=1 python -m pytest -q tests/reliability

or set one test's count (each test file says which variables it reads):

    KB_KILL_LOOP_N=40       kills per command kind in test_killloop.py
    KB_CONCURRENCY_PAPERS=25  papers per writer process in test_concurrency.py
    KB_FUZZ_SCALE=10        multiplies every hypothesis budget in test_fuzz.py

These are read when the test module is imported; conftest.py leaves KB_TEST_*
in the environment of the tests (other KB_* settings are cleared).
"""

from __future__ import annotations

import os

#: KB_TEST_LONG=1: every long test at its full size.
LONG = os.environ.get("KB_TEST_LONG", "").strip() not in ("", "0")


def budget(ci: int, long: int, env: str | None = None) -> int:
    """`ci` by default, `long` under KB_TEST_LONG=1; the variable `env`, when set,
    wins over both."""
    if env and os.environ.get(env, "").strip():
        return int(os.environ[env])
    return long if LONG else ci
