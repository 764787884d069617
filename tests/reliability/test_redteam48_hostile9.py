"""Red-team round 48, hostile input (second pass): what kb prints of a key, a path or a title
written by hand with a control character in it, and what kb says of input it refuses."""

from __future__ import annotations

import io

import pytest

# -- keys, paths and titles holding control characters, as kb prints them ---------------------

@pytest.mark.parametrize("key, shown", [
    ("alpha2020\x1b[31menergy", "alpha2020\\x1b[31menergy"),     # a terminal escape: seen, harmless
    ("beta\x07x", "beta\\x07x"),
    ("a\x9bb", "a\\x9bb"),                                       # a C1 control (CSI)
    ("del\x7fx", "del\\x7fx"),
])
def test_a_control_character_is_printed_as_its_escape_never_dropped_or_raw(key: str, shown: str) -> None:
    from kb.cli.common import err, out, output_to
    stdout, stderr = io.StringIO(), io.StringIO()
    with output_to(stdout, stderr):
        out(f"{key}\n")
        err(f"kb: error: no paper {key}\n")
    assert stdout.getvalue() == f"{shown}\n" and stderr.getvalue() == f"kb: error: no paper {shown}\n"


@pytest.mark.parametrize("key", ["a\nb", "a\rb", "a\tb", "a\u2028b", "e\x1b[2Jx"])
def test_a_listings_cell_holding_a_line_break_is_one_row(key: str) -> None:
    from kb.cli.common import output_to, table
    stdout = io.StringIO()
    with output_to(stdout, io.StringIO()):
        table([[key, "2020", "Title"], ["other", "2021", "Other"]], ["citekey", "year", "title"])
    lines = stdout.getvalue().splitlines()
    assert len(lines) == 3 and not {"\x1b", "\t"} & set(stdout.getvalue()), lines
    assert lines[1].index("2020") == lines[2].index("2021") == lines[0].index("year"), lines
