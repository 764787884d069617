"""Hand edits of the truth files: claims/*.toml, references.bib and kb.toml changed by a
person in an editor, as kb's README invites. kb must follow them, or say in one line
what it cannot follow; a record pointing at text kb does not hold is never verified.
"""

from __future__ import annotations

import re

import pytest
from alphakb import make_alpha
from kbcache import from_template
from kbrun import run_kb

QUOTE = "which used 1,287 MWh of energy"


@pytest.fixture
def alpha(kb_root, tmp_path):
    """The alpha paper (v1 text, two pages) with one quote and one claim on page 1, and a
    check resting on the claim."""
    def build():
        make_alpha(kb_root, tmp_path)
        assert run_kb("quote", "add", "alpha2020energy", QUOTE, "--id", "used").code == 0
        r = run_kb("claim", "add", "alpha2020energy", "1,287 MWh", "--quote", QUOTE, "--id", "energy")
        assert r.code == 0, r.err
        (kb_root / "claims" / "checks.toml").write_text(
            '[[check]]\nid = "energy-check"\nstated = "1.287 GWh"\nexpr = "alpha2020energy.energy"\n')
    return from_template("alpha-quote-claim-check", kb_root, build)


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
    assert run_kb("quote", "ls", "--json").json[0]["status"] == "no-text"


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


# -- one key in two Unicode forms (NFC as typed in a terminal, NFD as macOS or a tool saves it) -----

NFC = "m\u00fcller2020\u00e9nergie"
NFD = "mu\u0308ller2020e\u0301nergie"
ENTRY = "@article{{{key},\n  title = {{{title}}},\n  author = {{M\u00fcller, Hans}},\n  year = {{2020}},\n}}\n"


@pytest.fixture
def nfd(kb_root, tmp_path):
    """A paper whose key references.bib writes in NFD, and its text."""
    import json

    (kb_root / "references.bib").write_text(ENTRY.format(key=NFD, title="Energie im Rechenzentrum"))
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(["Wir haben 12 Modelle trainiert, die 1,287 MWh verbrauchten.", "Seite zwei."]))
    return pages


@pytest.mark.parametrize("typed", [NFC, NFD])
def test_a_key_typed_in_either_unicode_form_is_the_paper(nfd, kb_root, typed):
    assert run_kb("text", "load", typed, nfd).code == 0
    assert run_kb("show", typed, "--json").json["citekey"] == NFD
    r = run_kb("quote", "add", typed, "12 Modelle trainiert", "--id", "trained")
    assert r.code == 0, r.err
    r = run_kb("claim", "add", typed, "1,287 MWh", "--quote", "die 1,287 MWh verbrauchten", "--id", "used")
    assert r.code == 0, r.err
    assert [q["citekey"] for q in run_kb("quote", "ls", "--paper", typed, "--json").json] == [NFD]
    assert [c["citekey"] for c in run_kb("claims", "--paper", typed, "--json").json] == [NFD]
    assert sorted(p.name for p in (kb_root / "claims").iterdir()) == ["mu%CC%88ller2020e%CC%81nergie.toml"]
    assert run_kb("text", "show", typed, "--page", "2").code == 0
    assert run_kb("claims", "extract", typed).code == 0
    assert "@article{" + NFD in run_kb("export", "bib", "--cite", typed, "--as-stored", "-o", "-").out
    assert run_kb("verify").code == 0
    r = run_kb("doctor")
    assert r.code == 0 and "nothing to repair" in r.out, r.out


def test_two_entries_whose_keys_differ_only_in_unicode_form_are_one_key_twice(nfd, kb_root):
    bib = kb_root / "references.bib"
    bib.write_text(bib.read_text() + "\n" + ENTRY.format(key=NFC, title="Another Paper"))
    r = run_kb("ls")
    assert r.code == 2 and r.err.count("\n") == 1 and "duplicate citekey" in r.err and "Unicode" in r.err, r.err


def test_an_imported_key_in_the_other_unicode_form_is_taken(nfd, kb_root, tmp_path):
    assert run_kb("ls").code == 0
    other = tmp_path / "other.bib"
    other.write_text(ENTRY.format(key=NFC, title="Ein Ganz Anderer Aufsatz"))
    r = run_kb("import", other)
    assert r.code == 0 and "is taken by another paper" in r.err, r.err
    bib = (kb_root / "references.bib").read_text()
    assert NFC not in bib and bib.count("@article{") == 2
    assert run_kb("rebuild").code == 0 and len(run_kb("ls", "--json").json) == 2
    filed = [p["citekey"] for p in run_kb("ls", "--json").json if p["citekey"] != NFD]
    r = run_kb("rename", filed[0], NFC)
    assert r.code == 2 and "already a citekey" in r.err, r.err


def test_a_claims_file_named_in_the_other_unicode_form_says_so(nfd, kb_root):
    assert run_kb("text", "load", NFD, nfd).code == 0
    assert run_kb("quote", "add", NFD, "12 Modelle trainiert", "--id", "trained").code == 0
    (kb_root / "claims" / "mu%CC%88ller2020e%CC%81nergie.toml").rename(kb_root / "claims" / f"{NFC}.toml")
    r = run_kb("verify")
    assert r.code == 1 and "other Unicode characters" in r.out and "rename the file claims/mu%CC%88ller" in r.out
    r = run_kb("doctor")
    assert r.code == 1 and "rename the file claims/mu%CC%88ller2020e%CC%81nergie.toml" in r.out, r.out


def test_a_key_kept_in_ids_after_a_rename_adds_quotes_and_claims_to_its_paper(alpha):
    assert run_kb("rename", "alpha2020energy", "ada2020alpha").code == 0
    r = run_kb("quote", "add", "alpha2020energy", "We trained 12 models on 64 GPUs", "--id", "trained")
    assert r.code == 0, r.err
    r = run_kb("claim", "add", "alpha2020energy", "64 GPUs", "--quote", "We trained 12 models on 64 GPUs")
    assert r.code == 0, r.err
    assert sorted(p.name for p in (alpha / "claims").iterdir()) == ["ada2020alpha.toml", "checks.toml"]
    assert {q["citekey"] for q in run_kb("quote", "ls", "--json").json} == {"ada2020alpha"}


# -- a claim's status written by hand -----------------------------------------------------------

@pytest.mark.parametrize("status", ['"verifed"', '"Verified"', '"yes"', "true"])
def test_a_claim_status_kb_does_not_know_is_one_line_not_verified_one_way_and_listed_another(alpha, status):
    path = alpha / "claims" / "alpha2020energy.toml"
    head, claim = path.read_text().split("[[claim]]")
    path.write_text(head + "[[claim]]" + claim.replace('status = "verified"', f"status = {status}"))
    r = run_kb("verify")
    assert r.code == 2 and r.err.startswith("kb: error: claims/alpha2020energy.toml:") and r.err.count("\n") == 1
    assert "claim energy" in r.err and "status" in r.err, r.err


@pytest.mark.parametrize("status", ['status = ""', ""])
def test_a_claim_with_no_status_is_verified_by_every_command_alike(alpha, status):
    path = alpha / "claims" / "alpha2020energy.toml"
    head, claim = path.read_text().split("[[claim]]")
    path.write_text(head + "[[claim]]" + claim.replace('status = "verified"', status))
    assert run_kb("verify").code == 0
    assert run_kb("claims", "--json").json[0]["status"] == "verified"
    assert "UNVERIFIED" not in run_kb("claims").out
    _edit(alpha, r'^value = "1,287 MWh"$', 'value = "1,278 MWh"')
    assert run_kb("verify").code == 1
    assert run_kb("claims", "--json").json[0]["status"] == "unverified"


# -- kb.toml --------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["true", "2.5", "1e400", '"many"', "-3", "[2000]"])
def test_a_kb_toml_limit_of_the_wrong_type_is_one_line_not_a_silent_limit(alpha, tmp_path, value):
    from pdfgen import make_pdf

    toml = alpha / "kb.toml"
    toml.write_text(re.sub(r"^max_pages = .*$", f"max_pages = {value}", toml.read_text(), flags=re.M))
    assert f"max_pages = {value}" in toml.read_text()
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(make_pdf(["A page about energy, long enough to be text and not an image."] * 3))
    r = run_kb("add", "--offline", pdf)
    assert r.code == 2 and r.err.startswith("kb: error: ") and r.err.count("\n") == 1, r.err
    assert "max_pages" in r.err and "kb.toml" in r.err
    assert run_kb("ls").err == r.err                        # every command refuses it alike
    toml.write_text(toml.read_text().replace(f"max_pages = {value}", "max_pages = 2000"))
    assert len(run_kb("ls", "--json").json) == 1           # nothing added


# -- references.bib -------------------------------------------------------------------------------

@pytest.mark.parametrize("year, read", [("{99999999999999999999}", None), ("{12345}", None), ("{2020/2021}", 2020),
                                        ("{c. 2019}", 2019), ("{twenty}", None), ("2018", 2018)])
def test_a_year_written_by_hand_is_a_year_or_none(kb_root, year, read):
    (kb_root / "references.bib").write_text(f"@article{{a1, title = {{Paper One}}, author = {{Doe, Jane}}, "
                                            f"year = {year}}}\n")
    r = run_kb("ls", "--json")
    assert r.code == 0, r.err
    assert r.json[0]["year"] == read


def test_a_claim_indexed_without_a_status_is_listed_as_kb_verify_checks_it(alpha):
    """An index made before a claim's status was read as 'verified' when none is written."""
    import sqlite3

    conn = sqlite3.connect(alpha / ".kb" / "kb.sqlite")
    with conn:
        conn.execute("update claims set status = null")
    conn.close()
    assert run_kb("claims", "--json").json[0]["status"] == "verified"
    assert "UNVERIFIED" not in run_kb("claims").out


def test_a_very_long_value_written_by_hand_is_said_shortly_and_never_verified(alpha):
    _edit(alpha, r'^value = "1,287 MWh"$', 'value = "' + "1" * 5000 + ' MWh"')
    r = run_kb("verify")
    assert r.code == 1 and "5,004 characters long" in r.out, r.out
    assert max(map(len, r.out.splitlines())) < 400
    r = run_kb("doctor")
    assert r.code == 1 and max(map(len, r.out.splitlines())) < 600, r.out
    assert run_kb("claims", "--json").json[0]["status"] == "unverified"
    r = run_kb("claim", "add", "alpha2020energy", "2" * 300 + " MWh", "--quote", QUOTE, "--id", "other")
    assert r.code == 2 and r.err.count("\n") == 1 and len(r.err) < 300, r.err
