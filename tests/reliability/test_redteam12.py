"""Round twelve: hostile and unusual input at every boundary: arguments Python could not read
as text, ...; each taken and said, or refused in one line with the right exit code, nothing
lost.
"""

from __future__ import annotations

import pytest
from kbrun import run_kb

# -- arguments that are no text ------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ("show", "m\udcfcller2020"),                     # a Latin-1 terminal's 'ü'
    ("quote", "rm", "\udcfc"),
    ("claims", "--topic", "\udcfc"),
    ("tag", "m\udcfcller2020", "+x"),
    ("search", "energy", "--paper", "m\udcfcller2020"),
])
def test_an_argument_holding_a_byte_that_is_not_utf8_is_refused_in_one_line(kb_root, args):
    bib = kb_root / "references.bib"
    bib.write_text("@article{müller2020,\n  title = {Energie},\n  author = {Müller, J},\n  year = {2020},\n}\n")
    before = bib.read_bytes()
    r = run_kb(*args)
    assert r.code == 2 and r.out == "", r.err
    assert r.err.startswith("kb: error: the argument ") and "\\xfc, a byte that is not UTF-8" in r.err, r.err
    assert r.err.count("\n") == 1 and "internal error" not in r.err
    assert bib.read_bytes() == before


def test_utf8_read_by_a_locale_that_is_not_says_to_run_kb_in_one(kb_root):
    """LC_ALL=C with PYTHONUTF8=0: 'ü' typed in UTF-8 reaches kb as two bytes it could not read."""
    r = run_kb("show", "m\udcc3\udcbcller2020")
    assert r.code == 2 and "holds 'ü', which this locale's encoding" in r.err and "LC_ALL=C.UTF-8" in r.err, r.err
