"""Red-team sweep 47, hand edits (second round): what git's merges, a renamed file and a hand-edited
eprint leave in the truth files, and what kb says of them."""

from __future__ import annotations

import pytest

from kb.errors import FileFormatError
from kb.ops.doctor import diagnose
from kb.store.claimsfile import load_toml
from kb.store.knowledgebase import KB, init

BIB = "@article{p0,\n  title = {Energy of p0},\n  author = {Curie, Marie},\n  year = {2024}\n}\n"
CLAIMS = ('[[quote]]\nid = "trained"\ntext = "We trained 12 models"\nstatus = "unverified"\n\n'
          '[[claim]]\nid = "models"\nvalue = "12"\nquote = "We trained 12 models"\nstatus = "unverified"\n')


def _kb(tmp_path):
    root, _ = init(tmp_path / "kb")
    (root / "references.bib").write_text(BIB)
    (root / "claims" / "p0.toml").write_text(CLAIMS)
    KB.open(root).close()            # indexed
    return root


@pytest.mark.parametrize("text, said", [
    (CLAIMS.replace('value = "12"\n', 'value = "12"\nvalue = "5 kWh"\n'),
     "'value' is written twice in the claim 'models', at lines 8 and 9"),
    (CLAIMS.replace('status = "unverified"\n\n', 'status = "unverified"\nid = "trained-2"\n\n'),
     "'id' is written twice in the quote 'trained', at lines 2 and 5"),
    ('[paper]\nanchor = "x"\nanchor = "y"\n', "'anchor' is written twice in [paper] (line 1), at lines 2 and 3"),
    ('version = "v1"\n version = "v2"\n', "'version' is written twice at the top of the file, at lines 1 and 2"),
])
def test_a_key_written_twice_names_its_record_and_both_lines(text, said):
    """A key written twice in one table (git's union merge leaves both sides' lines) said only
    tomllib's "Cannot overwrite a value": no record, no first line, nothing to do."""
    with pytest.raises(FileFormatError) as exc:
        load_toml(text, "claims/p0.toml")
    assert said in str(exc.value) and "keep the one meant" in str(exc.value), str(exc.value)


def test_two_claims_with_one_id_name_the_first_ones_line(tmp_path):
    root = _kb(tmp_path)
    (root / "claims" / "p0.toml").write_text(CLAIMS + "\n" + CLAIMS.split("\n\n")[1].replace('"12"', '"13"', 1))
    said = [p for p in diagnose(root).problems if p.where.startswith("claims/p0.toml")]
    assert len(said) == 1 and said[0].where == "claims/p0.toml:12", said
    assert "claim id 'models' is defined twice (also at line 6)" in said[0].what and "keep one" in said[0].what


@pytest.mark.parametrize("name, parked", [("p0.toml.disabled", True), ("p0.toml-OFF", True),
                                          ("p0.toml.bak", False), ("p0.toml~", False)])
def test_a_claims_file_parked_by_its_name_is_said_and_no_problem_while_a_tools_leftover_is(tmp_path, name, parked):
    """A claims file a person disabled by renaming it (p0.toml.disabled) was a kb doctor problem
    forever, with no way to say it was meant; a tool's leftover whose p0.toml is gone (p0.toml~)
    stays one, and its fix says how to park it."""
    root = _kb(tmp_path)
    (root / "claims" / "p0.toml").rename(root / "claims" / name)
    report = diagnose(root)
    said = [p for p in report.problems if p.where == f"claims/{name}"]
    assert (root / "claims" / name).read_text() == CLAIMS
    if parked:
        assert not said and report.ok, report.problems
        assert [i for i in report.info if i.startswith(f"claims/{name} is parked") and "mv claims/" in i], report.info
    else:
        assert len(said) == 1 and said[0].what.endswith("on purpose, name it claims/p0.toml.disabled)"), said
        assert not [i for i in report.info if "parked" in i]


ARXIV_BIB = ("@article{p0,\n  title = {Energy of Training Models},\n  author = {Curie, Marie},\n  year = {2024},\n"
             "  eprint = {2401.00001},\n  archiveprefix = {arXiv}\n}\n")


def test_an_eprint_edited_to_another_arxiv_id_is_said_to_disagree_with_its_text(tmp_path):
    """An entry's eprint edited by hand to another arXiv id, its title kept: kb kept the text it had
    downloaded as the old id's under the paper, and said nothing anywhere."""
    from pdfgen import make_pdf

    from kb.ops.library import entry_text, replace_entry
    from kb.store.cache import SourceCache

    root, _ = init(tmp_path / "kb")
    bib = root / "references.bib"
    bib.write_text(ARXIV_BIB)
    cache = SourceCache(root / ".kb" / "cache" / "sources", root / ".kb" / "tmp")
    pdf = make_pdf([["arXiv:2403.00003v1 [cs.LG] 2 Jan 2024", "Energy of Training Models", "We trained 12 models."]])
    m = cache.put(pdf, "pdf", "pdf", arxiv_id="2401.00001", version="v1", origin="arxiv")
    m.citekeys.append("p0")
    cache.save(m)

    def said():
        return [p for p in diagnose(root).problems if p.check == "text"]

    assert not said()
    bib.write_text(ARXIV_BIB.replace("2401.00001", "2402.00002"))     # by hand, the title kept
    found = said()
    assert len(found) == 1 and found[0].where == "p0", found
    assert "p0's eprint is arXiv 2402.00002 in references.bib, but the text kb holds under it was downloaded " \
           "as arXiv 2401.00001's" in found[0].what, found
    assert "kb add arxiv:2402.00002" in found[0].fix and "eprint back to 2401.00001" in found[0].fix
    bib.write_text(ARXIV_BIB.replace("2401.00001", "2403.00003"))     # the id the text's own stamp prints
    assert not said()
    bib.write_text(ARXIV_BIB)                                          # put back, then kb edit gives a new key
    kb = KB.open(root)
    try:
        key, before = entry_text(kb, "p0")
        assert replace_entry(kb, key, before, before.replace("{p0,", "{p1,")) == "p1"
    finally:
        kb.close()
    assert not said()


@pytest.mark.parametrize("page, said", [
    ('"3"', "`page` must be an integer, not the string '3': write it page = 3, without quotes or a decimal point"),
    ("3.0", "`page` must be an integer, not the TOML number 3.0: write it page = 3, without quotes"),
    ('"p. 3"', "`page` must be an integer, not the string 'p. 3'"),
    ("2.5", "`page` must be an integer, not the TOML number 2.5"),
])
def test_a_page_written_as_a_string_or_a_decimal_says_what_was_written_and_how_to_write_it(page, said):
    from kb.store.claimsfile import parse

    with pytest.raises(FileFormatError) as exc:
        parse(CLAIMS.replace('status = "unverified"\n\n', f'page = {page}\n\n'), "claims/p0.toml", "p0")
    assert said in str(exc.value) and exc.value.line == 1, str(exc.value)
    assert ("write it" in str(exc.value)) == (page in ('"3"', "3.0")), str(exc.value)
