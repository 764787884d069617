"""A citation naming several authors names the work of those authors, each at its place, and 'et al.' only a work of
three or more: '(Van Gysel, de Vries, and Kanoulas 3)' of a note listing Van Gysel, de Rijke and Kanoulas's work, '(Dodge,
Strubell and Prewitt 2022)' of a paper whose second author is Prewitt, 'Patterson and Dean (2021)' of one whose second
is Gonzalez, '(Luccioni et al. 2023)' of a paper of two authors where another of that author and year is here,
resolve to nothing; 'et al.' of the only paper of its first author and year, one of two authors, is a writer's slip and
names that paper. 'See ibid., 2.' is the work of the footnote before, at its own page."""

from __future__ import annotations

import json

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_BIB = """@article{vangysel2018, title = {Neural Vector Spaces for Retrieval}, author = {Van Gysel, Christophe and
 {de Rijke}, Maarten and Kanoulas, Evangelos}, year = {2018}}
@article{dodge2022, title = {Measuring the Carbon Intensity of AI in Cloud Instances}, author = {Dodge, Jesse and
 Prewitt, Taylor and Tachet des Combes, Remi and Strubell, Emma}, year = {2022}}
@article{patterson2021, title = {Carbon Emissions and Large Neural Network Training}, author = {David A. Patterson and
 Joseph Gonzalez and Quoc V. Le and Jeff Dean}, year = {2021}}
@article{luccioni2023, title = {Counting Carbon in Machine Learning}, author = {Luccioni, Alexandra Sasha and
 Hern{\\'a}ndez-Garc{\\'i}a, Alex}, year = {2023}}
@article{luccioni2023power, title = {Power Hungry Processing}, author = {Luccioni, Sasha and Jernite, Yacine and
 Strubell, Emma}, year = {2023}}
@article{lescao2021, title = {How Many Data Points is a Prompt Worth?}, author = {Le Scao, Teven and Rush, Alexander},
 year = {2021}}
"""
_WORDS = {"vangysel2018": "neural vector spaces learn representations of words and documents together",
          "dodge2022": "the GPU accounts for almost three quarters of electricity consumption",
          "patterson2021": "cloud companies strive for energy efficient datacenters since it saves money",
          "luccioni2023": "the relationship between energy consumed and carbon emitted is largely linear",
          "luccioni2023power": "generative tasks are more energy intensive than discriminative ones",
          "lescao2021": "prompting is often worth hundreds of data points on average"}
_LIST = ("\n\n## Works Cited\n\n"
         "Van Gysel, Christophe, Maarten de Rijke, and Evangelos Kanoulas. “Neural Vector Spaces for Retrieval.” 2018.\n")

# (the citation, the work whose words it quotes, the work it names or None)
_NAMED = [
    ("“{}” (Dodge, Prewitt and Tachet des Combes 2022, p. 2).", "dodge2022", "dodge2022"),
    ("“{}” (Dodge et al. 2022, p. 2).", "dodge2022", "dodge2022"),
    ("“{}” (Dodge, Strubell and Prewitt 2022, p. 2).", "dodge2022", None),
    ("Patterson and Gonzalez (2021) write “{}” (p. 2).", "patterson2021", "patterson2021"),
    ("Patterson and Dean (2021) write “{}” (p. 2).", "patterson2021", None),
    # a family name that is a particle alone is a name all the same: 'Le' of 'Quoc V. Le'
    ("“{}” (Patterson, Gonzalez and Le 2021, p. 2).", "patterson2021", "patterson2021"),
    ("“{}” (Patterson, Le and Gonzalez 2021, p. 2).", "patterson2021", None),
    ("“{}” (Luccioni and Hernández-García 2023, p. 2).", "luccioni2023", "luccioni2023"),
    ("“{}” (Luccioni & Strubell, 2023, p. 2).", "luccioni2023", None),
    # 'et al.' names a work of three or more: of two works of one first author and year, not the one of two, nor
    # the one of three taken for it (ambiguous); their names, the one of those names
    ("Luccioni et al. (2023) write “{}” (p. 2).", "luccioni2023power", None),
    ("Luccioni, Jernite, and Strubell (2023) write “{}” (p. 2).", "luccioni2023power", "luccioni2023power"),
    ("Le Scao and Rush (2021) find “{}” (p. 2).", "lescao2021", "lescao2021"),
    # ('et al.' of the only paper of that first author and year, one of two authors: a writer's slip, that paper)
    ("Le Scao et al. (2021) find “{}” (p. 2).", "lescao2021", "lescao2021"),
]
# a list of works cited: the names of its entry, each in order, their case and particles aside
_LISTED = [
    ("“{}” (Van Gysel, de Rijke, and Kanoulas 2).", "vangysel2018"),
    ("“{}” (Van Gysel, De Rijke, and Kanoulas 2).", "vangysel2018"),
    ("“{}” (Van Gysel, de Vries, and Kanoulas 2).", None),
    ("“{}” (Van Gysel, Kanoulas, and de Rijke 2).", None),
]


def _kb(kb_root, tmp_path):
    (kb_root / "references.bib").write_text(_BIB)
    kb = open_kb(kb_root)
    for key, words in _WORDS.items():
        pages = tmp_path / f"{key}.json"
        pages.write_text(json.dumps(["Title page", f"Intro.\nWe find that {words}. More."]))
        load_text(kb, key, pages, extractor="test")
    return kb


def _check(kb, tmp_path, cases) -> None:
    for i, (text, want) in enumerate(cases):
        note = tmp_path / f"n{i}.md"
        note.write_text("# N\n\n" + text + "\n")
        results, _ = verify_note(kb, note)
        got = [(r.citekey, r.status) for r in results]
        if want is None:
            assert len(got) == 1 and got[0][0] is None and got[0][1] != "ok", (text, results)
        else:
            assert got == [(want, "ok")], (text, [r.message for r in results])


def test_every_name_a_citation_gives_is_the_papers_at_its_place(kb_root, tmp_path):
    kb = _kb(kb_root, tmp_path)
    try:
        _check(kb, tmp_path, [(text.format(_WORDS[quoted]), want) for text, quoted, want in _NAMED])
    finally:
        kb.close()


def test_the_name_that_is_not_the_papers_is_said(kb_root, tmp_path):
    kb = _kb(kb_root, tmp_path)
    try:
        note = tmp_path / "n.md"
        note.write_text(f"# N\n\nPatterson and Dean (2021) write “{_WORDS['patterson2021']}” (p. 2).\n\n"
                        f"“{_WORDS['luccioni2023']}” (Luccioni et al. 2023, p. 2).\n")
        (dean, etal), _ = verify_note(kb, note)
        assert dean.citekey is None and "'Dean' is not its author 2" in dean.message, dean.message
        # (two works of Luccioni in 2023: 'et al.' names neither the one of two nor, of the two, the one of three)
        assert etal.citekey is None and "ambiguous" in etal.message, etal.message
    finally:
        kb.close()


def test_see_ibid_is_the_work_of_the_footnote_before(kb_root, tmp_path):
    kb = _kb(kb_root, tmp_path)
    try:
        note = tmp_path / "n.md"
        note.write_text(f"# N\n\n“{_WORDS['dodge2022']}”[^1] “{_WORDS['dodge2022']}”[^2]\n\n"
                        "[^1]: Dodge et al., “Measuring the Carbon Intensity of AI in Cloud Instances” (2022), 2.\n"
                        "[^2]: See ibid., 2.\n")
        results, _ = verify_note(kb, note)
        assert [(r.citekey, r.page, r.status) for r in results] == [("dodge2022", 2, "ok")] * 2, \
            [r.message for r in results]
    finally:
        kb.close()


def test_every_name_a_citation_gives_is_its_listed_entrys_in_order(kb_root, tmp_path):
    kb = _kb(kb_root, tmp_path)
    try:
        _check(kb, tmp_path, [(text.format(_WORDS["vangysel2018"]) + _LIST, want) for text, want in _LISTED])
    finally:
        kb.close()


def test_the_name_a_listed_entry_lacks_is_said(kb_root, tmp_path):
    kb = _kb(kb_root, tmp_path)
    try:
        note = tmp_path / "n.md"
        note.write_text(f"# N\n\n“{_WORDS['vangysel2018']}” (Van Gysel, de Vries, and Kanoulas 2).{_LIST}")
        [r], _ = verify_note(kb, note)
        assert (r.citekey, r.status) == (None, "unchecked")
        assert "'de Vries' as author 2" in r.message and "line 7" in r.message, r.message
    finally:
        kb.close()


def test_a_first_author_read_as_written_names_its_co_authors_at_their_places_too(kb_root, tmp_path):
    # 'Le Cun' is BibTeX's 'Cun' of 'Yann Le Cun', 'Nguyen' the family name a reader reads first in 'Nguyen Van An'
    (kb_root / "references.bib").write_text(
        "@article{cun1989, title = {Backpropagation Applied to Handwritten Zip Code Recognition}, author = {Yann Le Cun"
        " and Bernhard Boser and John S. Denker}, year = {1989}}\n"
        "@article{an2019, title = {A Study of Vietnamese Text}, author = {Nguyen Van An and John Smith}, year = {2019}}\n")
    kb = open_kb(kb_root)
    try:
        for key in ("cun1989", "an2019"):
            pages = tmp_path / f"{key}.json"
            pages.write_text(json.dumps(["Title page", f"Intro.\nWe find that {_WORDS['dodge2022']}. More."]))
            load_text(kb, key, pages, extractor="test")
        _check(kb, tmp_path, [(text.format(_WORDS["dodge2022"]), want) for text, want in [
            ("Le Cun, Boser, and Denker (1989) write “{}” (p. 2).", "cun1989"),
            ("Le Cun and Smith (1989) write “{}” (p. 2).", None),
            ("Nguyen and Smith (2019) write “{}” (p. 2).", "an2019"),
            ("Nguyen and Jones (2019) write “{}” (p. 2).", None),
            ("Nguyen et al. (2019) write “{}” (p. 2).", "an2019")]])     # ('et al.' of its only paper: a slip)
    finally:
        kb.close()
