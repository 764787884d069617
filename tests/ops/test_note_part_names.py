"""A cited family name that is a proper part of a paper's first author's name ('Neil' of "O'Neil", 'Werra' of 'von
Werra') names that paper only where no paper's first author is named so and the note's list names no author so,
and kb says it matched a part: it was 'ok' in O'Neil's paper with nothing said, and ambiguous beside Neil's."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_Q = "We analyze four models, the computational requirements of which we describe below"
_BIB = {
    "oneil2019": "O'Neil, Cathy",
    "neil2019": "Neil, John",
    "vw2019": "von Werra, Leandro",
    "werra2019": "Werra, Tom",
    "neil2018": "Neil, John",
}


@pytest.mark.parametrize("keys, note, found, part", [
    (["oneil2019"], 'Neil (2019) writes that "{q}" (p. 2).', "oneil2019", True),
    (["oneil2019", "neil2019"], 'Neil (2019) writes that "{q}" (p. 2).', "neil2019", False),
    (["vw2019"], '"{q}" (Werra, 2019, p. 2).', "vw2019", True),
    (["vw2019", "werra2019"], '"{q}" (Werra, 2019, p. 2).', "werra2019", False),
    (["oneil2019", "neil2018"], 'Neil (2019) writes that "{q}" (p. 2).', None, True),   # a Neil here, of 2018
    (["oneil2019"], 'Neil (2019) writes that "{q}" (p. 2).\n\n## References\n\n'
                    'Neil, J. (2018). Cats and dogs. Journal of Pets, 3, 1-9.', None, True),
])
def test_a_cited_name_part_of_an_authors_names_their_paper_only_alone_and_says_so(kb_root, tmp_path, keys, note,
                                                                                   found, part) -> None:
    (kb_root / "references.bib").write_text("".join(
        f"@article{{{k},\n  title = {{Work number {i} on a subject}},\n  author = {{{_BIB[k]}}},\n"
        f"  year = {{{k[-4:]}}}\n}}\n"
        for i, k in enumerate(keys)))
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(["Title", f"2.1 Models\n{_Q}. All models"]))
    path = tmp_path / "n.md"
    path.write_text("# Note\n\n" + note.format(q=_Q) + "\n")
    kb = open_kb(kb_root)
    try:
        for k in keys:
            load_text(kb, k, pages, extractor="test")
        [r], problems = verify_note(kb, path)
    finally:
        kb.close()
    got = (r.citekey, r.status if found else "-", "only a part" in r.message)
    assert got == (found, "ok" if found else "-", part), r.message
