"""'Ibid.' and short forms as entries of a numbered list: a list of notes numbered in square brackets under its heading
('## Endnotes' / '[1] Doe, *Title*, p. 5.' / '[2] Ibid., p. 2.' / '[4] Doe, *Short*, p. 5.'), and 'Ibid.' numbering an
entry of a list of references ('## References' / '2. Ibid., p. 8.'): the work of the note or entry before, at its own
page; an 'Ibid.' first in its list, or a bracketed number out of turn, names no work."""

from __future__ import annotations

import json

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_BIB = """@article{doe2019, title = {Energy Use of Language Models}, author = {Doe, Jane and Roe, Ann}, year = {2019}}
@article{poe2021, title = {Carbon Intensity of Cloud Regions}, author = {Poe, Max}, year = {2021}}
"""
_PAGES = {"doe2019": ["Title", "training emits carbon in proportion to the energy drawn from the grid",
                      "the cost of tuning exceeds the cost of one training run"],
          "poe2021": ["Title", "the same job emits less carbon in some regions than in others", "More."]}
A, B = _PAGES["doe2019"][1], _PAGES["doe2019"][2]
C = _PAGES["poe2021"][1]


def _run(kb_root, tmp_path, notes):
    (kb_root / "references.bib").write_text(_BIB)
    kb = open_kb(kb_root)
    try:
        for key, pages in _PAGES.items():
            path = tmp_path / f"{key}.json"
            path.write_text(json.dumps(pages))
            load_text(kb, key, path, extractor="test")
        out = []
        for i, text in enumerate(notes):
            note = tmp_path / f"n{i}.md"
            note.write_text(text)
            results, _ = verify_note(kb, note)
            out.append([(r.citekey, r.page, r.status) for r in results])
        return out
    finally:
        kb.close()


def test_bracketed_endnotes_ibid_and_short_form(kb_root, tmp_path):
    note = (f"# N\n\nFirst [1]: “{A}”\n\nThen [2]: “{B}”\n\nCloud [3]: “{C}”\n\nBack [4]: “{A}”\n\n## Endnotes\n\n"
            "[1] Jane Doe and Ann Roe, *Energy Use of Language Models* (2019), p. 2.\n"
            "[2] Ibid., p. 3.\n"
            "[3] Max Poe, *Carbon Intensity of Cloud Regions* (2021), p. 2.\n"
            "[4] Doe and Roe, *Energy Use*, p. 2.\n")
    # a number out of turn is no note of the list: '[3] Ibid.' after '[1]' names no work
    skipped = (f"# N\n\nFirst [1]: “{A}”\n\nThen [3]: “{B}”\n\n## Endnotes\n\n"
               "[1] Jane Doe and Ann Roe, *Energy Use of Language Models* (2019), p. 2.\n"
               "[3] Ibid., p. 3.\n")
    got = _run(kb_root, tmp_path, [note, skipped])
    assert got[0] == [("doe2019", 2, "ok"), ("doe2019", 3, "ok"), ("poe2021", 2, "ok"), ("doe2019", 2, "ok")]
    assert got[1][0] == ("doe2019", 2, "ok") and got[1][1][0] is None


def test_ibid_numbering_an_entry_of_references(kb_root, tmp_path):
    note = (f"# N\n\n“{A}” [1]. “{B}” [2]. “{C}” [3]. “{C}” [4].\n\n## References\n\n"
            "1. Doe, J. & Roe, A. Energy Use of Language Models. (2019), p. 2.\n"
            "2. Ibid., p. 3.\n"
            "3. Poe, M. Carbon Intensity of Cloud Regions. (2021), p. 2.\n"
            "4. Ibid.\n")
    # 'Ibid.' first in the list: no work before it
    first = (f"# N\n\n“{A}” [1]. “{C}” [2].\n\n## References\n\n"
             "1. Ibid., p. 2.\n"
             "2. Poe, M. Carbon Intensity of Cloud Regions. (2021), p. 2.\n")
    got = _run(kb_root, tmp_path, [note, first])
    assert got[0] == [("doe2019", 2, "ok"), ("doe2019", 3, "ok"), ("poe2021", 2, "ok"), ("poe2021", 2, "ok")]
    assert got[1][0][0] is None and got[1][1] == ("poe2021", 2, "ok")
