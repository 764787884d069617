"""kb rm (papers) and kb claim rm, end to end."""

from __future__ import annotations

import tomllib

import pytest
from corpus import PHP_BIB, PHP_IMAGE_QUOTE, PHP_QUOTE, STRUBELL_STUB, php_with_a_quote
from kbrun import run_kb

QUOTE, IMAGE_QUOTE, OTHER = PHP_QUOTE, PHP_IMAGE_QUOTE, STRUBELL_STUB


@pytest.fixture
def php(kb_root, tmp_path):
    php_with_a_quote(kb_root, tmp_path)
    return kb_root


def test_rm_refuses_a_paper_with_quotes_then_forces(php):
    bib = (php / "references.bib").read_text()
    r = run_kb("rm", "luccioni2023power")
    assert r.code == 2 and r.err.count("\n") == 1
    assert "luccioni2023power has 1 quote and 0 claims; nothing removed" in r.err and "--force" in r.err
    assert (php / "references.bib").read_text() == bib
    r = run_kb("rm", "--dry-run", "luccioni2023power", "--json")
    assert r.code == 0 and r.json[0]["quotes"] == 1 and r.json[0]["claims_file"] == "claims/luccioni2023power.toml"
    assert r.json[0]["sources"] == 1
    assert (php / "references.bib").read_text() == bib
    r = run_kb("rm", "--force", "luccioni2023power")
    assert r.code == 0, r.err
    assert "removed luccioni2023power" in r.out and "kept until `kb doctor --prune`" in r.out
    assert (php / "references.bib").read_text() == OTHER
    assert not (php / "claims" / "luccioni2023power.toml").exists()
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["strubell2019energy"]
    assert run_kb("quote", "ls", "--json").json == []
    assert run_kb("search", "energy", "--json").code in (0, 1)
    # the cached text stays until kb doctor --prune
    assert list((php / ".kb" / "cache" / "sources").glob("*.json"))
    r = run_kb("doctor")
    assert r.code == 0 and "1 cached source of luccioni2023power, which kb rm removed, is kept" in r.out + r.err
    assert run_kb("rebuild").code == 0
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["strubell2019energy"]


def test_rm_several_and_bad_keys(php):
    r = run_kb("rm", "strubell2019energy", "nosuch")
    assert r.code == 2 and "no paper 'nosuch'" in r.err and r.err.count("\n") == 1
    assert "strubell2019energy" in (php / "references.bib").read_text()
    r = run_kb("rm", "strubell2019energy")
    assert r.code == 0 and "removed strubell2019energy: Energy and Policy Considerations" in r.out
    assert (php / "references.bib").read_text() == PHP_BIB + "\n"
    r = run_kb("rm", "strubell2019energy")
    assert r.code == 2 and "no paper 'strubell2019energy'" in r.err


def test_claim_rm(php):
    r = run_kb("claim", "add", "luccioni2023power", "11.49 kWh", "--quote", IMAGE_QUOTE, "--id", "image-gen")
    assert r.code == 0, r.err
    (php / "claims" / "checks.toml").write_text(
        '[[check]]\nid = "per_inference"\nstated = "11.49 Wh"\nexpr = "luccioni2023power.image_gen / 1000"\n')
    r = run_kb("claim", "rm", "nosuch")
    assert r.code == 2 and "no claim 'nosuch'" in r.err
    r = run_kb("claim", "rm", "luccioni2023power.image_gen")
    assert r.code == 0, r.err
    assert r.out == "removed luccioni2023power.image_gen\n"
    assert "per_inference" in r.err
    data = tomllib.loads((php / "claims" / "luccioni2023power.toml").read_text())
    assert "claim" not in data and data["quote"][0]["id"] == "generative"
    assert run_kb("claims", "--json").json == []


def test_claim_rm_by_bare_id_and_ambiguous(php):
    assert run_kb("claim", "add", "luccioni2023power", "11.49 kWh", "--id", "x").code == 0
    assert run_kb("claim", "add", "strubell2019energy", "5 kWh", "--id", "x").code == 0
    r = run_kb("claim", "rm", "x")
    assert r.code == 2 and "names 2 claims" in r.err and "luccioni2023power.x" in r.err
    assert len(run_kb("claims", "--json").json) == 2
    assert run_kb("claim", "rm", "strubell2019energy.x").code == 0
    assert run_kb("claim", "rm", "x").code == 0
    assert run_kb("claims", "--json").json == []


@pytest.mark.parametrize("held, said", [
    ('[units]\nphone_charge = "0.012 kWh"\n', "1 unit definition"),
    ('[[check]]\nid = "charges"\nstated = "950"\nexpr = "950"\n', "1 check"),
    ("# p. 12's figure looks off: read chapter 3 again\n", "1 comment line"),
])
def test_rm_keeps_a_claims_file_of_no_quote_that_holds_what_a_person_wrote(php, held, said):
    """A claims file with no quote or claim may hold unit definitions other files' checks
    use, checks, or a person's notes: `kb rm` deleted it with the paper, unasked."""
    path = php / "claims" / "strubell2019energy.toml"
    path.write_text("# Quotes and claims from strubell2019energy: Energy and Policy\n" + held)
    bib = (php / "references.bib").read_text()
    r = run_kb("rm", "strubell2019energy")
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert f"strubell2019energy has {said} in its claims file claims/strubell2019energy.toml; nothing removed" \
        in r.err and "--force" in r.err
    assert path.exists() and (php / "references.bib").read_text() == bib
    r = run_kb("rm", "--dry-run", "--json", "strubell2019energy")
    assert r.code == 0 and r.json[0]["also"] == [said]
    r = run_kb("rm", "--force", "strubell2019energy")
    assert r.code == 0 and f"with {said}" in r.out
    assert not path.exists()


def test_rm_removes_a_claims_file_left_with_kbs_header_alone(php):
    path = php / "claims" / "strubell2019energy.toml"
    path.write_text("# Quotes and claims from strubell2019energy: Energy\n"
                    "# The truth for kb: edit by hand if you like; kb re-indexes on its next run.\n\n")
    r = run_kb("rm", "strubell2019energy")
    assert r.code == 0, r.err
    assert not path.exists()


def test_rm_of_a_crossref_parent_is_refused_until_forced_and_the_child_reads_without_it(kb_root, tmp_path):
    bib = tmp_path / "x.bib"
    bib.write_text("@inproceedings{smith2020talk,\n  author = {Smith, Jane},\n  title = {A Talk on Energy},\n"
                   "  crossref = {conf2020},\n}\n\n@proceedings{conf2020,\n  title = {Proceedings of the Energy "
                   "Conference},\n  year = {2020},\n}\n")
    assert run_kb("import", bib).code == 0
    assert {p["citekey"]: p["year"] for p in run_kb("ls", "--json").json} == {"smith2020talk": 2020, "conf2020": 2020}
    r = run_kb("rm", "conf2020")
    assert r.code == 2 and r.err.count("\n") == 1
    assert "conf2020 is the crossref of smith2020talk, which reads its year and venue from it; nothing removed" in r.err
    assert run_kb("rm", "-n", "conf2020", "smith2020talk").code == 0      # both: nothing is left reading it
    r = run_kb("rm", "--force", "conf2020")
    assert r.code == 0 and "the crossref of smith2020talk" in r.out
    assert [(p["citekey"], p["year"]) for p in run_kb("ls", "--json").json] == [("smith2020talk", None)]
