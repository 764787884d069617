"""A note that cites one first author's two works of a year by letters ('Luccioni et al. 2023b', 'Luccioni &
Hernandez-Garcia, 2023a'), or by keys no paper here has ('[@luccioni2023b]' beside '[@luccioni2023]'), with no list
saying which is which: of the one such work kb holds, only the letter whose citation names its authors, every one, is
checked there (a key no other key's letter sets apart none); the other is not checked, never checked against it."""

from __future__ import annotations

import json

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_Q = "The carbon intensity figures that we use are yearly averages for the year the model was trained"
_B = "We estimate that the final training of BLOOM emitted approximately 24.7 tonnes of carbon dioxide equivalent"
_BIB = ("@article{luccioni2023,\n  title = {Counting Carbon},\n  author = {Luccioni, Alexandra Sasha and "
        "Hernandez-Garcia, Alex},\n  year = {2023}\n}\n")


CASES = [
    (f'"{_B}" (Luccioni et al., 2023b, p. 2). "{_Q}" (Luccioni & Hernandez-Garcia, 2023a, p. 2).',
     [(None, "unchecked"), ("luccioni2023", "ok")]),
    (f'Luccioni et al. (2023b) estimate that "{_B}" (p. 2). Luccioni and Hernandez-Garcia (2023a) write "{_Q}" '
     '(p. 2).', [(None, "unchecked"), ("luccioni2023", "ok")]),
    # no citation names the work's authors: neither letter is said to be it
    (f'"{_B}" (Luccioni et al., 2023b, p. 2). "{_Q}" (Luccioni et al., 2023a, p. 2).',
     [(None, "unchecked"), (None, "unchecked")]),
    # keys: one no paper here has, its letter beside the key of the work kb holds or another letter
    (f'"{_B}" [@luccioni2023b, p. 2]. "{_Q}" [@luccioni2023, p. 2].', [(None, "unchecked"), ("luccioni2023", "ok")]),
    (f'"{_B}" [@Luccioni2023b, p. 2]. "{_Q}" [@luccioni2023a, p. 2].', [(None, "unchecked"), (None, "unchecked")]),
    # one letter alone: the one work of that author and year, as ever
    (f'"{_Q}" (Luccioni et al., 2023a, p. 2).', [("luccioni2023", "ok")]),
    (f'"{_Q}" [@luccioni2023a, p. 2]. "{_Q}" [@Luccioni_2023a, p. 2].', [("luccioni2023", "ok")] * 2),
]


def test_two_letters_of_one_held_work_check_only_the_one_its_names_say(kb_root, tmp_path):
    (kb_root / "references.bib").write_text(_BIB)
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(["Counting Carbon", f"Methods\n{_Q}. So"]))
    kb = open_kb(kb_root)
    try:
        load_text(kb, "luccioni2023", pages, extractor="test")
        for i, (body, want) in enumerate(CASES):
            note = tmp_path / f"n{i}.md"
            note.write_text(f"# Note\n\n{body}\n")
            results, _ = verify_note(kb, note)
            assert [(r.citekey, r.status) for r in results] == want, [r.message for r in results]
            assert want[0][0] or "2023b" in results[0].message
    finally:
        kb.close()
