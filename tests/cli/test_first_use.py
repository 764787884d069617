"""What a new user meets at the command line: one line for a refusal, counts said as a person
would, a search that finds nothing said as an answer."""

from __future__ import annotations

import pytest
from kbrun import run_kb

BIB = """@article{doe2019wind,
  title = {Wind power at scale},
  author = {Doe, Jane},
  year = {2019}
}

@article{roe2020sun,
  title = {Sun power over the years},
  author = {Roe, Rick},
  year = {2020}
}
"""


@pytest.fixture
def two(kb_root):
    (kb_root / "references.bib").write_text(BIB)
    return kb_root


@pytest.mark.parametrize("a, b", [("doe2019wind", "roe2020sun"), ("roe2020sun", "doe2019wind")])
def test_no_citation_path_is_an_answer_not_a_failed_check(two, a, b):
    r = run_kb("graph", "path", a, b)
    assert r.code == 0 and r.out.strip() == f"no citation path between {a} and {b}", (r.code, r.out, r.err)
    r = run_kb("graph", "path", a, b, "--json")
    assert r.code == 0 and r.json["path"] is None
