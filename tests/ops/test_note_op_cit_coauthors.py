"""Chicago's 'Doe and Roe, op. cit., 8.' (and 'Doe and Roe, 8.') names the work of Doe the notes cited before that
names Roe too: never the one of Doe cited last with other co-authors, and where no work of Doe cited names Roe, none."""

from __future__ import annotations

import json

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_BIB = """@article{luccioni2023, title = {Counting Carbon in Machine Learning}, author = {Luccioni, Alexandra Sasha and
 Hern{\\'a}ndez-Garc{\\'i}a, Alex}, year = {2023}}
@article{luccioni2024, title = {Power Hungry Processing}, author = {Luccioni, Sasha and Jernite, Yacine and Strubell,
 Emma}, year = {2024}}
"""
_WORDS = {"luccioni2023": "the relationship between energy consumed and carbon emitted is largely linear",
          "luccioni2024": "generative tasks are more energy intensive than discriminative ones"}
_HEAD = ("# N\n\n“{a}”[^1] “{b}”[^2] “{c}”[^3]\n\n"
         "[^1]: Alexandra Sasha Luccioni and Alex Hernández-García, *Counting Carbon in Machine Learning* (2023), 2.\n"
         "[^2]: Sasha Luccioni, Yacine Jernite, and Emma Strubell, *Power Hungry Processing* (2024), 2.\n")

_CASES = [
    ("Luccioni and Hernández-García, op. cit., 2.", "luccioni2023"),
    ("Luccioni and Hernandez-Garcia, op. cit., 2.", "luccioni2023"),
    ("Luccioni and Hernández-García, 2.", "luccioni2023"),
    ("Luccioni, Jernite, and Strubell, op. cit., 2.", "luccioni2024"),
    ("Luccioni et al., op. cit., 2.", "luccioni2024"),
    # a co-author of no work of Luccioni the notes cite: none of them
    ("Luccioni and Roe, op. cit., 2.", None),
]


def test_op_cit_names_co_authors(kb_root, tmp_path):
    (kb_root / "references.bib").write_text(_BIB)
    kb = open_kb(kb_root)
    try:
        for key, words in _WORDS.items():
            pages = tmp_path / f"{key}.json"
            pages.write_text(json.dumps(["Title page", f"Intro.\nWe find that {words}. More."]))
            load_text(kb, key, pages, extractor="test")
        for i, (short, want) in enumerate(_CASES):
            note = tmp_path / f"n{i}.md"
            third = _WORDS[want or "luccioni2023"]
            note.write_text(_HEAD.format(a=_WORDS["luccioni2023"], b=_WORDS["luccioni2024"], c=third)
                            + f"[^3]: {short}\n")
            results, _ = verify_note(kb, note)
            got = [(r.citekey, r.status) for r in results]
            assert got[:2] == [("luccioni2023", "ok"), ("luccioni2024", "ok")], (short, results)
            if want is None:
                assert got[2][0] is None and got[2][1] != "ok", (short, results)
            else:
                assert got[2] == (want, "ok"), (short, [r.message for r in results])
    finally:
        kb.close()
