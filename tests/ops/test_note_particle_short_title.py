"""MLA's one family name opening with particles before a short title and a page ('(van der Berg, *Short Title* 3)',
'(de la Cruz, "Title" 4)', '(Le Cun, *Deep Nets* 2)') cites the quote: the work of that author so titled, its particles
part of the name; a title of another author's work, or of none here, is no work of theirs, and a name that is none of
the titled work's authors ('(Doe, *Carbon Accounting* 2)') leaves the quote not checked."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb
from kb.text.notes import parse_note

_BIB = """@article{vanderberg2020, title = {Carbon Accounting for Language Models}, author = {van der Berg, Tom and Roe,
 Ann}, year = {2020}}
@article{delacruz2021, title = {Measuring Water Use in Data Centres}, author = {de la Cruz, Ana}, year = {2021}}
@article{lecun2015, title = {Deep Nets for Vision}, author = {Le Cun, Yann}, year = {2015}}
@article{berg2019, title = {Grid Carbon Intensity}, author = {Berg, Ana}, year = {2019}}
"""
_WORDS = {"vanderberg2020": "training emits carbon in proportion to the energy drawn from the grid",
          "delacruz2021": "cooling towers evaporate most of the water a data centre withdraws",
          "lecun2015": "deep networks learn features at several levels of abstraction",
          "berg2019": "the carbon intensity of a grid varies by the hour and by the season"}
_LIST = ("\n\n## Works Cited\n\nvan der Berg, Tom, and Ann Roe. *Carbon Accounting for Language Models*. 2020.\n\n"
         "de la Cruz, Ana. “Measuring Water Use in Data Centres.” 2021.\n")

_CASES = [
    ("(van der Berg, *Carbon Accounting* 2)", "vanderberg2020", ""),
    ("(Van der Berg, “Carbon Accounting” 2)", "vanderberg2020", ""),
    ("(de la Cruz, \"Measuring Water Use\" 2)", "delacruz2021", ""),
    ("(De la Cruz, *Measuring Water Use*, 2)", "delacruz2021", ""),
    ("(Le Cun, *Deep Nets* 2)", "lecun2015", ""),
    ("(van der Berg 2)", "vanderberg2020", ""),
    ("(van der Berg, *Carbon Accounting* 2)", "vanderberg2020", _LIST),
    ("(de la Cruz, “Measuring Water Use” 2)", "delacruz2021", _LIST),
    # the title of another author's work, of a work of a name it is a part of, of no work here: none of them
    ("(van der Berg, *Measuring Water Use* 2)", None, ""),
    ("(de la Cruz, *Carbon Accounting* 2)", None, ""),
    ("(van der Berg, *Grid Carbon* 2)", None, ""),
    ("(Cun, *Deep Nets* 2)", None, ""),
    ("(de la Cruz, *Carbon Accounting* 2)", None, _LIST),
    # a title naming one work, a name that is none of its authors (of no work here, or particled): not checked
    ("(Doe, *Carbon Accounting* 2)", None, ""),
    ("(Doe et al., *Measuring Water Use in Data Centres* 2)", None, ""),
    ("(van Dam, *Deep Nets for Vision* 2)", None, ""),
    ("(Doe, *Carbon Accounting* 2)", None, _LIST),
    ("(van der Berg, *Carbon Accounting for Language Models* 2)", "vanderberg2020", ""),
    ("(de la Cruz, *Measuring Water Use in Data Centres* 2)", "delacruz2021", ""),
]


def test_particle_names_before_a_short_title(kb_root, tmp_path):
    (kb_root / "references.bib").write_text(_BIB)
    kb = open_kb(kb_root)
    try:
        for key, words in _WORDS.items():
            pages = tmp_path / f"{key}.json"
            pages.write_text(json.dumps(["Title page", f"Intro.\nWe find that {words}. More."]))
            load_text(kb, key, pages, extractor="test")
        for i, (cite, want, tail) in enumerate(_CASES):
            note = tmp_path / f"n{i}.md"
            note.write_text(f"# N\n\nThey write that “{_WORDS[want or 'vanderberg2020']}” {cite}.{tail}\n")
            results, _ = verify_note(kb, note)
            got = [(r.citekey, r.status) for r in results]
            if want is None:
                assert len(got) == 1 and got[0][0] is None and got[0][1] != "ok", (cite, tail, results)
            else:
                assert got == [(want, "ok")], (cite, tail, [r.message for r in results])
    finally:
        kb.close()


@pytest.mark.parametrize("cite, who", [
    ("(van der Berg, *Short Title* 3)", "van der Berg"), ("(de la Cruz, \"Title\" 4)", "de la Cruz"),
    ("(Van der Berg, *Short Title* 3)", "Van der Berg"), ("(Le Cun, *Deep Nets* 2)", "Le Cun"),
    ("(d'Alembert, *Traité* 4)", "d'Alembert"), ("(von Werra, “Short” 5)", "von Werra"),
    ("(In *Nature* 4)", None), ("(La *Repubblica* 4)", None),
])
def test_particle_names_read_before_a_short_title(cite, who):
    note = parse_note(f"# N\n\nThey write “training emits carbon in proportion to the energy drawn” {cite}.\n")
    if who is None:
        assert not note.quotes
    else:
        assert [q.attribution.split(". “")[0] for q in note.quotes] == [who]
