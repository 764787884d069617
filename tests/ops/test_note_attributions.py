"""A blockquote's attribution written as an author-year citation of a name and a year, no comma and no
"et al." (Obsidian's "> [!quote] Doe 2019, p. 3", "> — Doe 2019, p. 3"), names the paper of that first
author and year, as the same citation in running text does; it read as a reference of no author."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb
from kb.text.notes import attribution_reference

QUOTE = "We analyze four models, the computational requirements of which we describe below"


@pytest.mark.parametrize("attribution, key, year", [
    ("Strubell 2019, p. 3", "strubell", 2019),
    ("Müller 2019, S. 3", "muller", 2019),
    ("Lo & Wang 2020: 9", "lo", 2020),
    ("Doe and Roe 2021b", "doe", 2021),
])
def test_an_author_year_attribution_reads_its_first_author(attribution, key, year):
    ref = attribution_reference(attribution)
    assert (ref.entry.first_author, ref.entry.year) == (key, year)
    assert ref.text.startswith(attribution.split(",")[0])       # said as the note writes it


@pytest.mark.parametrize("block, status", [
    (f"> [!quote] Strubell 2019, p. 2\n> {QUOTE}\n", "ok"),
    (f"> {QUOTE}\n> — Strubell 2019, p. 2\n", "ok"),
    (f"> {QUOTE} — Strubell 2019, p. 2\n", "ok"),
    (f"> [!quote] Strubell 2019, p. 1\n> {QUOTE}\n", "wrong-page"),
])
def test_a_blockquote_attributed_so_is_checked_in_that_paper(kb_root, tmp_path, block, status):
    (kb_root / "references.bib").write_text("@inproceedings{strubell2019energy,\n  title = {Energy and Policy "
                                            "Considerations for Deep Learning in NLP},\n  author = {Strubell, Emma "
                                            "and Ganesh, Ananya and McCallum, Andrew},\n  year = {2019}\n}\n")
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(["Energy and Policy Considerations", f"2.1 Models\n{QUOTE}. All models"]))
    note = tmp_path / "n.md"
    # and never another year's or a co-author's paper
    others = f"\n> [!quote] Strubell 2018, p. 2\n> {QUOTE}\n\n> [!quote] Ganesh 2019, p. 2\n> {QUOTE}\n"
    note.write_text(f"# Note\n\n{block}{others}")
    kb = open_kb(kb_root)
    try:
        load_text(kb, "strubell2019energy", pages, extractor="test")
        results, problems = verify_note(kb, note)
    finally:
        kb.close()
    assert not problems
    assert [r.status for r in results] == [status, "no-source", "no-source"], [r.message for r in results]
