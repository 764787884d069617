"""Hand edits of the truth files: claims/*.toml, references.bib and kb.toml changed by a
person in an editor, as kb's README invites. kb must follow them, or say in one line
what it cannot follow; a record pointing at text kb does not hold is never verified.
"""

from __future__ import annotations

import re

import pytest
from alphakb import make_alpha
from kbrun import run_kb

QUOTE = "which used 1,287 MWh of energy"


@pytest.fixture
def alpha(kb_root, tmp_path):
    """The alpha paper (v1 text, two pages) with one quote and one claim on page 1, and a
    check resting on the claim."""
    make_alpha(kb_root, tmp_path)
    assert run_kb("quote", "add", "alpha2020energy", QUOTE, "--id", "used").code == 0
    r = run_kb("claim", "add", "alpha2020energy", "1,287 MWh", "--quote", QUOTE, "--id", "energy")
    assert r.code == 0, r.err
    (kb_root / "claims" / "checks.toml").write_text(
        '[[check]]\nid = "energy-check"\nstated = "1.287 GWh"\nexpr = "alpha2020energy.energy"\n')
    return kb_root


def _edit(root, pattern: str, replacement: str, count: int = 0) -> None:
    path = root / "claims" / "alpha2020energy.toml"
    text, n = re.subn(pattern, replacement, path.read_text(), count=count, flags=re.M)
    assert n, f"{pattern!r} not in {path.name}"
    path.write_text(text)


# -- a record pointing at text kb does not hold ---------------------------------------------------

@pytest.mark.parametrize("edit, said", [
    ((r'^version = "v1"$', 'version = "v9"'), "kb holds no text of alpha2020energy v9: it holds v1"),
    ((r'^version = "v1"$', 'version = ""'), "kb holds no text of alpha2020energy (unversioned): it holds v1"),
    ((r'^page = 1$', "page = 3"), "its page 3 is past the last page of alpha2020energy v1 (2 pages)"),
    ((r'^page_end = 1$', "page_end = 7"), None),          # the quote's last page: the claim is untouched
])
def test_a_record_naming_text_kb_does_not_hold_is_not_verified(alpha, edit, said):
    assert run_kb("verify").code == 0
    assert "UNVERIFIED" not in run_kb("check").out          # held by kb check's cache: must not survive the edit
    _edit(alpha, *edit)
    r = run_kb("verify")
    assert r.code == 1, r.out + r.err
    failed = [line for line in r.out.splitlines() if line.startswith(("wrong-version", "wrong-page"))]
    assert failed and all("alpha2020energy" in line for line in failed), r.out
    if said and "version" in edit[1]:
        assert all(said in line for line in failed) and len(failed) == 2, r.out
    r = run_kb("doctor")
    assert r.code == 1 and "problem" in r.out, r.out
    if "page_end" in edit[1]:
        return
    assert (said if "version" in edit[1] else "past the last page") in run_kb("doctor").out
    # every listing says so, as kb verify does
    line = [row for row in run_kb("claims").out.splitlines() if row.startswith("alpha2020energy.energy")][0]
    assert "UNVERIFIED" in line
    claim = run_kb("claims", "--json").json[0]
    assert claim["status"] == "unverified" and said in claim["reason"]
    quote = run_kb("quote", "ls", "--json").json[0]
    assert quote["status"] == "unverified" and said in quote["reason"]
    r = run_kb("quote", "ls")
    assert "[UNVERIFIED]" in r.out and said in r.out
    assert "UNVERIFIED input: alpha2020energy.energy" in run_kb("check").out


def test_a_version_written_as_a_person_types_it_is_the_version(alpha):
    _edit(alpha, r'^version = "v1"$', 'version = "V1"')
    r = run_kb("verify")
    assert r.code == 0 and "2 " not in r.out.split("quotes:")[0], r.out
    assert run_kb("claims", "--json").json[0]["status"] == "verified"
    assert run_kb("quote", "ls", "--json").json[0]["reason"] is None


@pytest.mark.parametrize("value", ['"nine"', '"v1.2"', "9"])
def test_a_version_that_is_no_version_is_one_line_naming_the_file(alpha, value):
    _edit(alpha, r'^version = "v1"$', f"version = {value}", count=1)
    r = run_kb("verify")
    assert r.code == 2 and r.err.startswith("kb: error: claims/alpha2020energy.toml:") and r.err.count("\n") == 1
    assert "version" in r.err and "Traceback" not in r.err


def test_a_record_of_a_paper_kb_holds_no_text_of_is_not_refuted(kb_root, tmp_path):
    """No text at all (a fresh clone: page text is not in git) is 'not re-checked', as before."""
    from alphakb import BIB

    (kb_root / "references.bib").write_text(BIB)
    (kb_root / "claims" / "alpha2020energy.toml").write_text(
        f'[[quote]]\nid = "used"\ntext = "{QUOTE}"\nversion = "v9"\npage = 40\n')
    r = run_kb("verify")
    assert r.code == 0 and r.out.startswith("no-text"), r.out
    assert run_kb("quote", "ls", "--json").json[0]["status"] == "verified"


def test_an_unverified_record_of_another_version_stays_unverified_not_failed(alpha):
    _edit(alpha, r'^version = "v1"$', 'version = "v9"')
    _edit(alpha, r'^status = "verified"$', 'status = "unverified"')
    r = run_kb("verify")
    assert r.code == 0 and "wrong-version" not in r.out, r.out


# -- a key renamed in references.bib and claims/ at once --------------------------------------

def test_a_key_renamed_in_both_files_at_once_loses_nothing_and_says_nothing_was_lost(alpha):
    import os

    bib = alpha / "references.bib"
    bib.write_text(bib.read_text().replace("{alpha2020energy,", "{ada2020alpha,"))
    os.replace(alpha / "claims" / "alpha2020energy.toml", alpha / "claims" / "ada2020alpha.toml")
    checks = alpha / "claims" / "checks.toml"
    checks.write_text(checks.read_text().replace("alpha2020energy.energy", "ada2020alpha.energy"))
    r = run_kb("verify")
    assert r.code == 0, r.out + r.err
    assert "deleted" not in r.err and "no longer" not in r.err, r.err
    assert [(c["citekey"], c["id"]) for c in run_kb("claims", "--json").json] == [("ada2020alpha", "energy")]
    assert "pass" in run_kb("check").out
    r = run_kb("doctor")
    assert r.code == 0 and "nothing to repair" in r.out, r.out + r.err


def test_a_claims_file_deleted_while_its_key_is_renamed_still_says_what_it_took(alpha):
    bib = alpha / "references.bib"
    bib.write_text(bib.read_text().replace("{alpha2020energy,", "{ada2020alpha,"))
    (alpha / "claims" / "alpha2020energy.toml").unlink()
    r = run_kb("ls")
    assert "claims/alpha2020energy.toml was deleted: its 1 quote and 1 claim are no longer" in r.err, r.err
