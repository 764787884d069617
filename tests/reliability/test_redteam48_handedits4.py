"""Red-team sweep 48, hand edits (4): a key renamed or split in two by hand in references.bib, as
kb check, its notice and kb doctor say it; and what references.bib's hand edits are said as."""

from __future__ import annotations

import json

import pytest

from kb.ops.claims import run_checks
from kb.ops.doctor import diagnose
from kb.ops.papers import load_text
from kb.ops.session import open_kb
from kb.store.knowledgebase import KB, init

ENTRY = "@article{KEY,\n  title = {TITLE},\n  author = {Curie, Marie},\n  year = {2024}EXTRA\n}\n"


def _entry(key, title="Energy of p0", extra=""):
    return ENTRY.replace("KEY", key).replace("TITLE", title).replace("EXTRA", extra)


def _kb(tmp_path):
    root, _ = init(tmp_path / "kb")
    (root / "references.bib").write_text(_entry("p0"))
    given = tmp_path / "pages.json"
    given.write_text(json.dumps(["Intro.", "We trained 12 models using 12 kWh."]))
    kb = open_kb(root)
    try:
        load_text(kb, "p0", given, version="v1", extractor="test")
    finally:
        kb.close()
    (root / "claims" / "p0.toml").write_text('[[claim]]\nid = "energy"\nvalue = "12 kWh"\nquote = "using 12 kWh"\n'
                                            'version = "v1"\npage = 2\nstatus = "verified"\n')
    (root / "claims" / "checks.toml").write_text('[[check]]\nid = "twelve"\nstated = "12 kWh"\nexpr = "p0.energy"\n')
    KB.open(root).close()
    return root


HINT = "if you renamed it {new} in references.bib, kb rename p0 {new} moves the rest"


@pytest.mark.parametrize("bib, new", [
    (_entry("curie2024"), "curie2024"),                                                       # renamed
    (_entry("curie2024a", extra=",\n  ids = {p0}") + _entry("curie2024b"), "curie2024a"),   # split, ids kept
])
def test_a_key_renamed_or_split_by_hand_is_named_by_kb_check_as_kb_doctor_names_it(tmp_path, bib, new):
    """A key renamed (or split in two, one entry keeping the old key in its ids) by hand in
    references.bib: kb check's line said '[UNVERIFIED input: p0.energy]' and exit 0, naming no
    rename, and its notice after a split said 'restore the entry' where kb doctor said kb rename."""
    root = _kb(tmp_path)
    (root / "references.bib").write_text(bib)
    kb = KB.open(root)
    try:
        notices = [w for w in kb.warnings if w.startswith("p0 is no longer")]
        (o,) = run_checks(kb)
    finally:
        kb.close()
    hint = HINT.format(new=new)
    assert len(notices) == 1 and hint in notices[0], kb.warnings
    assert "UNVERIFIED input: p0.energy" in o.line and hint in o.line and o.line.endswith("  pass"), o.line
    said = [p for p in diagnose(root).problems if p.where.startswith("claims/p0.toml")]
    assert len(said) == 1 and f"kb rename p0 {new}" in said[0].fix, said
    # and kb verify, in the same words: its no-paper line said only 'p0 is not in references.bib'
    from kb.ops.quotes import verify_claims

    kb = KB.open(root)
    try:
        (v,) = verify_claims(kb)
    finally:
        kb.close()
    assert v.status == "no-paper" and v.message.startswith("p0 is not in references.bib") \
        and f"kb rename p0 {new}" in v.message, v.message


# -- a comma missing between two fields of references.bib, said where it goes --------------------

@pytest.mark.parametrize("fields, before, after, line", [
    ("  title = {Beta}\n  author = {Bob},\n  year = 2021,\n", "title", "author", 6),     # braced
    ('  title = "Beta"\n  author = {Bob}\n', "title", "author", 6),                      # quoted
    ("  note = {x},\n  year = 2021\n  author = {Bob},\n", "year", "author", 7),           # a bare number
    ("  title = {Beta} # {x}\n\n  Author = {Bob}\n", "title", "Author", 6),              # joined, a blank line
    ("  title = {Beta}, author = {Bob} year = 2021\n", "author", "year", 6),             # one line
])
def test_a_comma_missing_between_two_fields_is_said_where_it_goes_naming_both(fields, before, after, line):
    """A ',' missing between two fields was said at the entry's first line ('references.bib:5: in
    entry 'b', after field 'title': expected ',' or '}', found 'a' on line 7)."""
    from kb.errors import FileFormatError
    from kb.sources.bibtex import BibFile

    with pytest.raises(FileFormatError) as exc:
        BibFile("@misc{a,\n  title = {A},\n}\n\n@article{b,\n" + fields.replace("\n", "\r\n" if line == 7 else "\n")
                + "}\n")
    assert exc.value.line == line, exc.value.line
    assert f"a ',' is missing after field {before!r} (line {line}), before field {after!r}" in exc.value.message, \
        exc.value.message


# -- a [units] name that is a claim's id too ------------------------------------------------------

@pytest.mark.parametrize("defined, expr, verdict", [
    ('"100 kWh"', "energy", "error"),             # the claim or the unit: said, never one taken silently
    ('"100 kWh"', "p0.energy", "pass"),           # written in full: the claim
    ('"p0.energy"', "energy", "pass"),            # the unit is the claim: one figure
])
def test_a_units_name_shadowing_a_claims_id_is_said_ambiguous(tmp_path, defined, expr, verdict):
    """[units] energy = "100 kWh" beside the claim p0.energy: a check writing `energy` took the
    claim's 12 kWh and passed, saying nothing of the unit."""
    root = _kb(tmp_path)
    (root / "claims" / "checks.toml").write_text(f'[[check]]\nid = "twelve"\nstated = "12 kWh"\nexpr = "{expr}"\n'
                                                 f'\n[units]\nenergy = {defined}\n')
    kb = KB.open(root)
    try:
        (o,) = run_checks(kb)
    finally:
        kb.close()
    assert o.verdict == verdict, o.line
    if verdict == "error":
        assert "'energy' is ambiguous: write p0.energy or 1 energy (the unit of [units] in claims/checks.toml)" \
            in o.message, o.message


# -- a check's stated figure edited to a range whose unit is written at both ends -----------------

@pytest.mark.parametrize("stated, verdict", [
    ("10 kWh–14 kWh", "pass"), ("10 kWh to 14 kWh", "pass"),
    ("13 kWh–14 kWh", "fail"),                   # read as 13–14 kWh: 12 is outside
    ("10 kWh–14 MWh", "error"),                  # two units: never guessed
])
def test_a_stated_range_with_its_unit_at_both_ends_is_read_as_the_range(tmp_path, stated, verdict):
    """stated = "10 kWh–14 kWh" was an error, 'unknown unit 'kWh–14 kWh' (define it as a user unit)'."""
    from kb.quantities.interval import split_figure

    root = _kb(tmp_path)
    (root / "claims" / "checks.toml").write_text(f'[[check]]\nid = "twelve"\nstated = "{stated}"\nexpr = "p0.energy"\n')
    kb = KB.open(root)
    try:
        (o,) = run_checks(kb)
    finally:
        kb.close()
    assert o.verdict == verdict, o.line
    if verdict != "error":
        assert split_figure(stated)[1:] == ((10 + 14) / 2 if stated[1] == "0" else 13.5, "kWh")


# -- two claims files named for one key, in NFC and in NFD ----------------------------------------

@pytest.mark.parametrize("own", ["NFC", "escaped"])
def test_a_claims_file_in_another_normal_form_beside_the_papers_own_is_merged_not_renamed(tmp_path, own):
    """claims/müller2024.toml in NFD beside the paper's own (in NFC, or as kb writes it): kb doctor's
    fix 'rename the file claims/m%C3%BCller2024.toml' made the paper's two files, which kb rename
    and kb rm refuse (a second repair), or wrote over the file it has."""
    import unicodedata

    from kb.atomic import escape_key

    root = _kb(tmp_path)
    key = unicodedata.normalize("NFC", "müller2024")
    with open(root / "references.bib", "a") as fh:
        fh.write(_entry(key, "Other"))
    mine = key if own == "NFC" else escape_key(key)
    (root / "claims" / f"{mine}.toml").write_text('[[claim]]\nid = "a"\nvalue = "5 kWh"\nstatus = "unverified"\n')
    nfd = f"claims/{unicodedata.normalize('NFD', key)}.toml"
    (root / nfd).write_text('[[claim]]\nid = "b"\nvalue = "7 kWh"\nstatus = "unverified"\n')
    (said,) = [p for p in diagnose(root).problems if p.where.startswith(nfd)]
    assert f"its own claims/{mine}.toml" in said.fix and f"move what this file, {nfd} (its name in NFD), holds " \
        "into it, then delete this file" in said.fix and "rename" not in said.fix, said
