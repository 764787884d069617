"""A family name opening with particles ("van der Berg", "de la Cruz", "Le Cun", "Di Luca") names its paper
whichever way a note writes it, capitalised or not, in an attribution or MLA's names, and never the paper of an
author whose name is the part after the particles ('Berg, Tom'), which a reading of the citation keyed it by."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb
from kb.text.names import author_key
from kb.text.notes import parse_note, particled_family_key
from kb.text.refs import PaperIndex, PaperInfo, parse_entry


@pytest.mark.parametrize("attribution, key", [
    ("Van der Berg 2019, p. 2", "vanderberg"),
    ("van der Berg et al.", "vanderberg"),
    ("de la Cruz and Roe 2020: 4", "delacruz"),
])
def test_an_attribution_or_mla_names_key_the_name_whole(attribution: str, key: str) -> None:
    assert particled_family_key(attribution) == key


@pytest.mark.parametrize("cited, written, found", [
    ("van der Berg. 2019.", "Berg, Tom", False),            # another author: the part after the particles
    ("de la Cruz. 2019.", "Cruz, Ana", False),
    ("van der Berg. 2019.", "Anna Van Der Berg", True),     # BibTeX's reading, keyed berg, writes the particles
    ("de la Cruz. 2019.", "Maria De La Cruz", True),
])
def test_a_name_after_particles_is_the_cited_name_only_where_the_paper_writes_them(cited: str, written: str,
                                                                                      found: bool) -> None:
    paper = PaperInfo("p2019", title="Energy and Policy Considerations", year=2019, first_author=author_key(written),
                      author_name=json.dumps([written]))
    got = PaperIndex([paper]).explain(parse_entry(cited), loose=True).resolution
    assert (got is not None and got.citekey == "p2019") is found


_Q = "We analyze four models, the computational requirements of which we describe below"


def test_verify_a_particled_name_written_any_way_checks_its_paper_never_anothers(kb_root, tmp_path) -> None:
    (kb_root / "references.bib").write_text(
        "@inproceedings{vdb2019,\n  title = {Energy and Policy Considerations for Deep Learning in NLP},\n"
        "  author = {van der Berg, Anna and Ganesh, Ananya},\n  year = {2019}\n}\n"
        "@article{berg2019,\n  title = {Something Else Entirely About Cats},\n  author = {Berg, Tom},\n"
        "  year = {2019}\n}\n"
        "@article{cruz2019,\n  title = {Dogs Only},\n  author = {Cruz, Ana},\n  year = {2019}\n}\n")
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(["Energy and Policy", f"2.1 Models\n{_Q}. All models"]))
    note = tmp_path / "n.md"
    note.write_text("# Note\n\n"
                    f'As Van Der Berg (2019) argues, "{_Q}" (p. 2).\n\n'
                    f'"{_Q}" (van der Berg, 2019, p. 2).\n\n'
                    f'"{_Q}" (van der Berg et al. 2)\n\n'
                    f"> [!quote] Van der Berg 2019, p. 2\n> {_Q}\n\n"
                    f'"{_Q}" (de la Cruz, 2019, p. 2).\n')
    kb = open_kb(kb_root)
    try:
        load_text(kb, "vdb2019", pages, extractor="test")
        load_text(kb, "cruz2019", pages, extractor="test")        # Ana Cruz's text holds the quote too
        results, problems = verify_note(kb, note)
    finally:
        kb.close()
    assert not problems
    assert [r.status for r in results] == ["ok", "ok", "ok", "ok", "no-source"], [r.message for r in results]


@pytest.mark.parametrize("lead, cited", [
    ("As al-Farabi (2019) argues,", "al-Farabi. 2019."),
    ("al-Farabi (2019) argues that", "al-Farabi. 2019."),
    ("As el-Sayed et al. (2019) note,", "el-Sayed et al. 2019."),
])
def test_a_name_opening_with_arabics_article_is_a_name(lead: str, cited: str) -> None:
    [q] = parse_note(f'{lead} "{_Q}" (p. 1).\n').quotes
    assert (q.attribution, q.page) == (cited, "1")
