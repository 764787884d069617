"""BibTeX as people bring it, sweep 38: two entries of one work in different years stay two, an
ACM export's address and location both kept, JabRef's meta blocks left last, and the lines kb
writes into references.bib ending as most of its lines do."""

from __future__ import annotations

import pytest
from kbrun import run_kb

# -- the same title and first author, another year: two works -------------------------------------

TWO = [("misc", "smith2019pre", "2019", "howpublished = {arXiv}", "article", "smith2020", "2020",
        "journal = {Journal of Things}"),
       ("techreport", "nrel2019", "2019", "institution = {NREL}, number = {TP-1}", "techreport", "nrel2021",
        "date = {2021-05}", "institution = {NREL}, number = {TP-2}")]


@pytest.mark.parametrize("type1, key1, year1, rest1, type2, key2, year2, rest2", TWO)
def test_a_preprint_and_its_journal_version_stay_two(kb_root, tmp_path, type1, key1, year1, rest1, type2, key2,
                                                      year2, rest2):
    """They merged into one (the later key in the first's ids, its venue dropped): a title and a first
    author prove no more than a work. The same entry twice in one year still merges."""
    title, author = "Learning Things from Data at Scale", "Smith, Ann and Jones, Bob"
    when = year2 if "=" in year2 else f"year = {{{year2}}}"
    (tmp_path / "in.bib").write_text(
        f"@{type1}{{{key1}, title = {{{title}}}, author = {{{author}}}, year = {{{year1}}}, {rest1}}}\n"
        f"@{type2}{{{key2}, title = {{{title}}}, author = {{{author}}}, {when}, {rest2}}}\n"
        f"@{type2}{{{key2}dup, title = {{{title}}}, author = {{{author}}}, {when}, {rest2}}}\n")
    r = run_kb("import", tmp_path / "in.bib")
    assert r.code == 0 and "2 added" in r.out, r.out + r.err
    assert f"{key2} has the title and first author of {key1}, but another year" in r.err, r.err
    assert f"'{key2}dup' is {key2} already" in r.err
    assert sorted(p["citekey"] for p in run_kb("ls", "--json").json) == sorted([key1, key2])

