"""Red-team sweep 43: kb.toml as a merge or a typo leaves it, kb doctor's commands pasted into a shell,
the arXiv slot another kb holds, and hostile inputs through the CLI."""

from __future__ import annotations

import pytest
from kbrun import run_kb

# -- kb.toml that is not TOML: every command opening the knowledge base refuses, naming the line --------------

BAD_TOML = [("<<<<<<< HEAD\n[limits]\nmax_pages = 10\n=======\n[limits]\nmax_pages = 20\n>>>>>>> theirs\n",
             "kb.toml:1: holds a merge conflict"),
            ("# limits\n[limits]\nmax_pages = \n", "kb.toml:3:13: is not valid TOML"),
            ("[limits\n", "kb.toml:1:"),
            ("[limits]\nmax_pages = 1\nmax_pages = 2\n", "kb.toml:3:")]


@pytest.mark.parametrize("text,said", BAD_TOML)
def test_a_kb_toml_that_is_not_toml_stops_every_command_opening_the_knowledge_base(kb_root, text, said):
    """A merge conflict or a syntax error in kb.toml was said only by commands that index a PDF:
    kb ls, claims, search, check and rebuild went on as if it held no limits."""
    (kb_root / "kb.toml").write_text(text)
    for args in [("ls",), ("search", "x"), ("check",), ("rebuild",)]:
        r = run_kb(*args)
        assert r.code == 2 and r.err.startswith(f"kb: error: {said}") and r.err.count("\n") == 1, (args, r.err)
    r = run_kb("doctor", "--quick")                    # doctor names it as a problem to repair
    assert r.code == 1 and said in r.out, r.out + r.err
    assert (kb_root / "kb.toml").read_text() == text
