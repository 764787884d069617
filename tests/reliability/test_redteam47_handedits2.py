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


@pytest.mark.parametrize("name, parked", [("p0.toml.disabled", True), ("p0.toml-OFF", True), ("p0.toml_parked", True),
                                          ("p0.toml.bak", False), ("p0.toml~", False), ("p0.toml.orig", False)])
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
