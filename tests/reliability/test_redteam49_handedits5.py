"""Red-team sweep 49, hand edits: a claim's value edited to a range with its unit at both ends joined
by a hyphen, and the hand edits of a held-out sweep, and what every command then says."""

from __future__ import annotations

import pytest

# -- a claim's value edited to a range whose unit is written at both ends, joined by a hyphen ------


@pytest.mark.parametrize("written, read", [
    ("10 kWh-14 kWh", (10, 14, "kilowatt_hour")),
    ("10kWh-14kWh", (10, 14, "kilowatt_hour")),
    ("5 GPU-hours-7 GPU-hours", (5, 7, "gpu_hour")),
    ("10 kg CO2e-14 kg CO2e", (10, 14, "kilogram_co2e")), ("10 °C–14 °C", (10, 14, "degree_Celsius")),   # a digit, a sign
    ("10 MWh-14 kWh", "two units, 'MWh' and 'kWh'"),        # never guessed
    ("10 kWh–14 MWh", "two units, 'kWh' and 'MWh'"),
    ("10 kWh-4 kWh", "runs backwards"),
])
def test_a_range_with_its_unit_at_both_ends_joined_by_a_hyphen_is_the_range(written, read):
    """value = "10 kWh-14 kWh" was refused, 'unknown unit 'kWh-14 kWh': a number is not a unit' (an en
    dash or 'to' between them was read); two units at the ends were said as an unknown unit."""
    from kb.errors import UsageError
    from kb.quantities.interval import Interval

    if isinstance(read, str):
        with pytest.raises(UsageError) as exc:
            Interval.from_written(written)
        assert read in exc.value.message, exc.value.message
        return
    iv = Interval.from_written(written)
    assert (iv.nominal, str(iv.unit)) == ((read[0] + read[1]) / 2, read[2]) and iv.hi >= read[1], iv


# -- a claim's unit edited by hand to a unit kb does not know --------------------------------------

BIB = "@article{p0,\n  title = {Energy of p0},\n  author = {Curie, Marie},\n  year = {2024}\n}\n"


@pytest.mark.parametrize("value, word", [
    ("12 zorbs", "zorbs"), ("12 kWh per zorb", "zorb"), ("12 blorps per day", "blorps"),
    ("12 models", None),                    # a count kb knows: no unit to define
    ("12 kwhh", None),                      # a misspelt unit: no count, said as it was
])
def test_a_claims_unit_kb_does_not_know_is_said_so_with_how_to_define_it(tmp_path, value, word):
    """value = "12 zorbs" edited by hand: kb check said 'the expression gives a count (item)' and kb verify
    'not among its quote's numbers', never that 'zorbs' is no unit kb knows, nor where to define it."""
    from kb.ops.quotes import verify_papers
    from kb.ops.session import open_kb
    from kb.quantities.checks import run_check
    from kb.store.knowledgebase import init

    root, _ = init(tmp_path / "kb")
    (root / "references.bib").write_text(BIB)
    (root / "claims" / "p0.toml").write_text(f'[[claim]]\nid = "energy"\nvalue = "{value}"\n'
                                             'quote = "the energy used was 12 kWh in total"\nstatus = "verified"\n')
    kb = open_kb(root)
    try:
        (v,) = [v for v in verify_papers(kb) if v.kind == "claim"]
    finally:
        kb.close()
    said = f"{word!r} is no unit kb knows"
    if word is None:
        assert "is no unit kb knows" not in v.message, v.message
        return
    assert v.status == "value-mismatch" and said in v.message and "[units] table of claims/checks.toml" in v.message, v
    o = run_check("twelve", "12 kWh", "p0.energy", lambda name: value)
    assert o.verdict == "error" and f"p0.energy is written {value!r}" in o.message and said in o.message, o.message


# -- a comment a person wrote inside a record, kept when kb rewrites the record ---------------------

RECORDS = ('[[quote]]\nid = "q"\n{quote_above}text = "the energy used"{quote_after}\nstatus = "verified"\n\n'
           '[[claim]]\nid = "energy"\n{claim_above}value = "12 kWh"{claim_after}\nstatus = "verified"\n{tail}')


@pytest.mark.parametrize("section, above, after, tail", [
    ("claim", "# checked by hand on 2024-05-01\n", "", ""),
    ("claim", "", "  # from table 2", ""),
    ("claim", "", "", "\n# to do: ask the authors about table 3\n"),        # after the file's last record
    ("quote", "# checked by hand\n", "  # page 2, left column", ""),
])
def test_a_comment_inside_a_record_is_kept_when_kb_rewrites_the_record(section, above, after, tail):
    """kb claim add --id energy (a merge: a topic added) or --replace rewrote the record whole, dropping the
    comments a person wrote inside it, and the file's closing comments after its last record."""
    import tomllib

    from kb.store.claimsfile import add_record

    other = "claim" if section == "quote" else "quote"
    text = RECORDS.format(**{f"{section}_above": above, f"{section}_after": after, f"{other}_above": "",
                             f"{other}_after": "", "tail": tail})
    rid, key, value = ("q", "text", "the energy used") if section == "quote" else ("energy", "value", "12 kWh")
    record = {"id": rid, key: value, "status": "verified", "topics": ["energy"]}
    written = add_record(text, section, record, replace_id=rid)
    for comment in (above, after, tail):
        assert comment.strip() in written, written
    (held,) = [r for r in tomllib.loads(written)[section] if r["id"] == rid]
    assert held == record, held


# -- a record's table header misspelt by hand ------------------------------------------------------

@pytest.mark.parametrize("header, mean", [
    ("[[qoute]]", "[[quote]]"), ("[[cliam]]", "[[claim]]"), ("[[Claims]]", "[[claim]]"), ("[unit]", "[units]"),
    ("[[notes]]", None),                        # close to nothing kb reads: no guess
])
def test_a_misspelt_table_header_says_the_one_it_is_close_to(header, mean):
    """[[qoute]] typed for [[quote]]: 'unknown section `qoute` (expected check, claim, ...)', the list of seven to
    read through for the one meant."""
    from kb.errors import FileFormatError
    from kb.store.claimsfile import parse

    with pytest.raises(FileFormatError) as exc:
        parse(f'{header}\nid = "q"\ntext = "the energy used"\n', "claims/p0.toml", "p0")
    assert exc.value.line == 1, exc.value
    assert (f"(did you mean {mean}?)" in exc.value.message) if mean else "did you mean" not in exc.value.message, \
        exc.value.message


# -- a quote's text edited by hand, to an elided form or other words ------------------------------

@pytest.fixture(scope="module")
def quoted_kb(tmp_path_factory):
    """A knowledge base holding p0's page text and one quote of it, verified: copied by each test."""
    import json

    from kb.ops.papers import load_text
    from kb.ops.quotes import add_quote
    from kb.ops.session import open_kb
    from kb.store.knowledgebase import init

    root, _ = init(tmp_path_factory.mktemp("quoted") / "kb")
    (root / "references.bib").write_text(BIB)
    given = root.parent / "pages.json"
    given.write_text(json.dumps(["Intro.", "We trained 12 models, and the energy used was 12 kWh in total. The run",
                                 "drew between 10 and 14 kWh per day."]))
    kb = open_kb(root)
    try:
        load_text(kb, "p0", given, version="v1", extractor="test")
        add_quote(kb, "p0", "the energy used was 12 kWh in total", quote_id="q")
        add_quote(kb, "p0", "The run drew between 10 and 14 kWh", quote_id="across")      # across a page's end
    finally:
        kb.close()
    return root


@pytest.mark.parametrize("edited, status, read", [
    ("… the energy …", "ok", "'the energy'"),
    ("the energy used … in total", "ok", "'the energy used' … 'in total'"),
    ("the energy used was … 14 kWh", "not-found", "'the energy used was' … '14 kWh'"),
    ("the energy used was 13 kWh in total", "not-found", None),          # other words, no elision
    ("… the energy used was 12 kWh in total …", "ok", "unedited"),      # the same words, marked as cut
])
def test_a_quote_edited_by_hand_says_it_differs_from_what_was_verified_and_how_it_was_read(quoted_kb, tmp_path,
                                                                                          edited, status, read):
    """A [[quote]]'s text edited to "… the energy …" was 'found at a different place than recorded', and one
    edited to words the page does not hold 'no longer found': never that it was edited, nor how it was read."""
    import shutil

    from kb.ops.quotes import verify_papers
    from kb.ops.session import open_kb

    root = tmp_path / "kb"
    shutil.copytree(quoted_kb, root)
    path = root / "claims" / "p0.toml"
    path.write_text(path.read_text().replace('text = "the energy used was 12 kWh in total"', f'text = "{edited}"'))
    kb = open_kb(root)
    try:
        (v, across) = sorted((v for v in verify_papers(kb) if v.kind == "quote"), key=lambda v: v.id != "q")
    finally:
        kb.close()
    assert across.status == "ok" and "edited" not in across.message, across       # never edited: never said so
    assert v.status == status, v
    if read == "unedited":
        assert "edited" not in v.message, v.message
        return
    assert "its text was edited since it was verified (the words verified on page 2 are 'the energy used was 12 " \
        "kWh in total')" in v.message, v.message
    assert (f"read as an elided quote of the words {read}" in v.message) if read else "elided" not in v.message, v


# -- a claims file copied, or renamed by hand, beside the paper's own: one quote id in both --------

@pytest.mark.parametrize("copy, header", [
    ("p0 (copy).toml", True),
    ("p0-old.toml", True),                      # indexed before claims/p0.toml: the clash is said there
    ("notes.toml", False),                      # its first line names no paper: nothing to say of a copy
])
def test_a_claims_files_copy_beside_the_papers_own_says_which_to_keep(tmp_path, copy, header):
    """claims/p0.toml copied to claims/P0.toml: every command stopped on 'quote id 'q' is also used in
    claims/p0.toml (quote ids must be unique in the knowledge base)', and kb doctor's fix was 'correct the
    file by hand', never that one is a copy of the other, nor which is the paper's own."""
    from kb.errors import FileFormatError
    from kb.store.knowledgebase import KB, init

    root, _ = init(tmp_path / "kb")
    (root / "references.bib").write_text(BIB)
    text = '[[quote]]\nid = "q"\ntext = "the energy used"\nstatus = "unverified"\n'
    (root / "claims" / "p0.toml").write_text("# Quotes and claims from p0: Energy of p0\n\n" + text)
    (root / "claims" / copy).write_text(("# Quotes and claims from p0: Energy of p0\n\n" if header else "") + text)
    with pytest.raises(FileFormatError) as exc:
        KB.open(root).close()
    said = f"{exc.value.message} ({exc.value.hint})"
    assert "quote id 'q' is also used" in said, said
    if header:
        assert f"claims/{copy} says it holds the quotes and claims of p0, whose own file is claims/p0.toml: a " \
            f"copy? delete claims/{copy}" in said, said
    else:
        assert "quote ids must be unique" in said, said


# -- a comment above the next record, kept when kb removes the record before it -------------------

CLAIMS3 = ('[[quote]]\nid = "q"\ntext = "t"\n\n'
           '[[claim]]\nid = "a"\nvalue = "1 kWh"\n# a: set by hand\n\n'
           '# b: from table 3\n[[claim]]\nid = "b"\nvalue = "2 kWh"\n\n'
           '# c: to check\n[[claim]]\nid = "c"\nvalue = "3 kWh"\n\n# the file\'s closing note\n')


@pytest.mark.parametrize("removed, kept, gone", [
    ("a", ["# b: from table 3", "# c: to check", "# the file's closing note"], "# a: set by hand"),
    ("b", ["# a: set by hand", "# c: to check", "# the file's closing note"], None),
    ("c", ["# a: set by hand", "# b: from table 3", "# the file's closing note"], None),
])
def test_a_comment_above_the_next_record_is_kept_when_the_record_before_it_is_removed(removed, kept, gone):
    """kb claim rm p0.a dropped '# b: from table 3', written above claim b, which stays: a comment after a
    record's last value was removed with it."""
    import tomllib

    from kb.store.claimsfile import remove_record

    written = remove_record(CLAIMS3, "claim", removed)
    for comment in kept:
        assert comment in written, written
    assert gone is None or gone not in written, written
    held = tomllib.loads(written)
    assert [r["id"] for r in held.get("claim", [])] == [i for i in "abc" if i != removed], written
    assert written.index("# b: from table 3") < written.index('id = "b"') if removed != "b" else True


def test_a_value_added_to_a_record_goes_above_the_comment_written_over_the_next_record():
    """kb claim add --id a -t x wrote its topics under '# b: from table 3', the comment over claim b: the
    comment then sat inside claim a."""
    from kb.store.claimsfile import add_record

    text = '[[claim]]\nid = "a"\nvalue = "1 kWh"\n\n# b: from table 3\n[[claim]]\nid = "b"\nvalue = "2 kWh"\n'
    written = add_record(text, "claim", {"id": "a", "value": "1 kWh", "topics": ["x"]}, replace_id="a")
    assert written.index("topics") < written.index("# b: from table 3") < written.index('id = "b"'), written
