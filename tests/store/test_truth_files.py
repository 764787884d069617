"""The truth files kb cannot read, or that a person removed: references.bib missing or empty,
a claims file deleted or replaced by a link to a moved file, numbers out of range in a
claims file. kb says so, keeps what it knows, and `kb doctor --prune` deletes nothing a
person may still need."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from kbcache import from_template
from kbrun import run_kb
from pdfgen import make_pdf

PAGES = {
    "solar": ["Solar Farms and Their Energy Yield",
              "Solar farms in the desert produced 4.2 GWh of energy in one year of operation.",
              "A third page about the maintenance of panels in dusty places."],
    "wind": ["Wind Turbines at Sea Measured Carefully",
             "Offshore turbines reached a capacity factor of 47 percent over the winter months."],
}
QUOTE = "Solar farms in the desert produced 4.2 GWh of energy in one year of operation."


def sources(root: Path) -> list[str]:
    return sorted(p.name for p in (root / ".kb" / "cache" / "sources").iterdir())


def age(root: Path) -> None:
    """Every cached source older than prune's grace period."""
    for p in (root / ".kb" / "cache" / "sources").iterdir():
        os.utime(p, (1_000_000_000, 1_000_000_000))


@pytest.fixture
def two(kb_root, tmp_path):
    """Two papers added from PDFs (offline), a quote and a claim of the first."""
    def build():
        for name, pages in PAGES.items():
            pdf = tmp_path / f"{name}.pdf"
            pdf.write_bytes(make_pdf(pages, title=pages[0], author="Ada Lovelace"))
            r = run_kb("add", "--offline", pdf)
            assert r.code == 0, r.err
        keys = [p["citekey"] for p in run_kb("ls", "--json").json]
        assert len(keys) == 2
        solar = next(k for k in keys if "solar" in k)
        assert run_kb("quote", "add", solar, QUOTE, "--id", "yield").code == 0
        r = run_kb("claim", "add", solar, "4.2 GWh", "--quote", QUOTE, "--id", "annual")
        assert r.code == 0, r.err
    from_template("two-pdfs", kb_root, build)
    run_kb("ls")                # the copy's files looked at once, as the built one's were
    age(kb_root)
    return kb_root


def solar_key(root: Path) -> str:
    return next(p.stem for p in (root / "claims").glob("*.toml"))


# -- references.bib missing, empty, malformed -------------------------------------------------

@pytest.mark.parametrize("how", ["deleted", "dangling link"])
def test_a_missing_references_bib_is_an_error_and_the_index_keeps_its_papers(two, how, tmp_path):
    bib = two / "references.bib"
    if how == "deleted":
        bib.unlink()
    else:
        shutil.move(bib, tmp_path / "moved.bib")
        bib.symlink_to(tmp_path / "gone.bib")
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(make_pdf(["A Third Paper About Tides", "Tides move water."], title="A Third Paper"))
    for args in (["ls"], ["verify"], ["quote", "ls"], ["add", "--offline", pdf]):
        r = run_kb(*args)
        assert r.code == 2, (args, r.out, r.err)
        assert r.err.count("\n") == 1 and "Traceback" not in r.err and "internal error" not in r.err
        if how == "deleted":
            assert r.err == ("kb: error: references.bib is missing: restore it (git checkout references.bib) "
                             "or kb init\n")
        else:
            assert "references.bib: cannot read (a link to a missing file)" in r.err
    r = run_kb("doctor")
    assert r.code == 1
    assert "problem: references.bib: " in r.out
    before = sources(two)
    r = run_kb("doctor", "--prune")
    assert r.code == 2 and r.err.count("\n") == 1
    assert "kb doctor --prune removes nothing while references.bib" in r.err
    assert sources(two) == before


def test_restoring_references_bib_brings_everything_back(two):
    bib = two / "references.bib"
    text = bib.read_text()
    bib.unlink()
    assert run_kb("ls").code == 2
    bib.write_text(text)
    r = run_kb("ls", "--json")
    assert r.code == 0 and len(r.json) == 2
    assert run_kb("verify").code == 0


@pytest.mark.parametrize("content", ["", "% nothing but a comment\n", "\n\n"])
def test_prune_refuses_while_references_bib_holds_no_entries_beside_sources_of_papers(two, content):
    (two / "references.bib").write_text(content)
    before = sources(two)
    r = run_kb("doctor", "--prune")
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert "references.bib holds no entries, but the source cache holds 2 sources of papers" in r.err
    assert sources(two) == before


@pytest.mark.parametrize("broken", ["@misc{x,\n", "@misc{a, title={A}}\n@misc{a, title={B}}\n", "\0"])
def test_prune_refuses_while_references_bib_does_not_parse(two, broken):
    (two / "references.bib").write_text(broken)
    before = sources(two)
    r = run_kb("doctor", "--prune")
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert "removes nothing while references.bib cannot be read" in r.err
    assert sources(two) == before


def test_prune_keeps_the_source_of_an_entry_deleted_or_renamed_by_hand(two):
    bib = two / "references.bib"
    text = bib.read_text()
    wind = next(p["citekey"] for p in run_kb("ls", "--json").json if "wind" in p["citekey"])
    start = text.index("@", text.index(wind) - 20)
    end = text.index("\n}", start) + 2
    # renamed by hand, its title corrected too: nothing ties the source to the new key
    renamed = text[start:end].replace(wind, "mykey2024").replace("Wind Turbines at Sea Measured Carefully",
                                                                 "Turbines Offshore")
    bib.write_text(text[:start] + renamed + text[end:])
    before = sources(two)
    r = run_kb("doctor", "--prune")
    assert r.code == 0, r.out + r.err
    assert f"is the source of {wind}, which references.bib no longer holds" in r.out
    assert sources(two) == before
    bib.write_text(text[:start] + text[end:])           # deleted by hand
    r = run_kb("doctor", "--prune")
    assert r.code == 0 and sources(two) == before


def test_prune_removes_the_source_of_a_paper_kb_rm_removed(two):
    wind = next(p["citekey"] for p in run_kb("ls", "--json").json if "wind" in p["citekey"])
    before = sources(two)
    assert run_kb("rm", wind).code == 0
    age(two)
    r = run_kb("doctor", "--prune")
    assert r.code == 0 and "removed 1 cached source" in r.out, r.out + r.err
    assert len(sources(two)) == len(before) - 2
    assert run_kb("verify").code == 0


# -- a claims file deleted, or a link to a missing file ----------------------------------------

def test_a_deleted_claims_file_is_said_once(two):
    key = solar_key(two)
    (two / "claims" / f"{key}.toml").unlink()
    r = run_kb("ls")
    assert r.code == 0
    assert r.err == (f"kb: claims/{key}.toml was deleted: its 1 quote and 1 claim are no longer in the "
                     f"knowledge base (git checkout claims/{key}.toml to restore)\n")
    r = run_kb("ls")
    assert r.code == 0 and r.err == ""
    assert run_kb("quote", "ls", "--json").json == []


def test_a_deleted_claims_file_is_said_by_doctor_when_it_notices(two):
    key = solar_key(two)
    (two / "claims" / f"{key}.toml").unlink()
    r = run_kb("doctor", "--json")
    assert f"claims/{key}.toml was deleted: its 1 quote and 1 claim" in r.err
    assert r.json["notices"] and "was deleted" in r.json["notices"][0]
    assert "was deleted" not in run_kb("doctor").err


def quote_ids() -> set[str]:
    return {q["id"] for q in run_kb("quote", "ls", "--json").json}


def wind_file(root: Path) -> Path:
    wind = next(p["citekey"] for p in run_kb("ls", "--json").json if "wind" in p["citekey"])
    return root / "claims" / f"{wind}.toml"


QUOTE_TOML = '[[quote]]\nid = "{id}"\ntext = "{text}"\nstatus = "unverified"\n'


@pytest.mark.parametrize("command", [["ls"], ["doctor"]])
def test_a_malformed_file_beside_a_deleted_one_loses_neither_the_notice_nor_its_rows(two, command):
    """A sync stopped (kb ls) or reported (kb doctor) by one malformed claims file: once
    the file is restored as it was, what it holds is indexed, and the deletion beside it
    is said, with what it took."""
    key = solar_key(two)
    other = wind_file(two)
    other.write_text(QUOTE_TOML.format(id="winter", text="capacity factor of 47 percent"), "utf-8")
    r = run_kb("ls")
    assert r.code == 0, r.err
    assert quote_ids() == {"yield", "winter"}
    text = other.read_text("utf-8")
    (two / "claims" / f"{key}.toml").unlink()
    other.write_text(text + "bad = [\n", "utf-8")
    stopped = run_kb(*command)          # kb ls shows the papers past it, saying it
    assert stopped.code == (0 if command == ["ls"] else 1) and other.name in stopped.err + stopped.out
    assert "Traceback" not in stopped.err
    other.write_text(text, "utf-8")                  # restored, byte for byte
    r = run_kb("ls")
    assert r.code == 0
    said = f"claims/{key}.toml was deleted: its 1 quote and 1 claim are no longer in the knowledge base"
    assert (stopped.err + r.err).count(said) == 1, stopped.err + r.err    # said once, when it was noticed
    assert quote_ids() == {"winter"}
    assert run_kb("doctor").code == 0


def test_a_clash_fixed_in_the_other_file_indexes_both(two):
    """Two files changed at once with one quote id: the second is refused; renaming the id in
    the first (the second left as it is) indexes both."""
    first, second = two / "claims" / f"{solar_key(two)}.toml", wind_file(two)
    kept = first.read_text("utf-8")
    first.write_text(kept + "\n" + QUOTE_TOML.format(id="same", text="one quoted passage"), "utf-8")
    second.write_text(QUOTE_TOML.format(id="same", text="another quoted passage"), "utf-8")
    r = run_kb("quote", "ls")
    assert r.code == 2 and "quote id 'same' is also used" in r.err, r.err
    first.write_text(kept + "\n" + QUOTE_TOML.format(id="first", text="one quoted passage"), "utf-8")
    r = run_kb("ls")
    assert r.code == 0, r.err
    assert quote_ids() == {"yield", "first", "same"}
    assert run_kb("doctor").code == 0


def test_a_claims_file_renamed_loses_nothing_and_says_nothing(two):
    path = two / "claims" / "checks.toml"
    path.write_text('[units]\nday_energy = "12 kWh"\n\n[[check]]\nid = "c1"\nstated = "2 kWh"\nexpr = "1 kWh * 2"\n')
    assert run_kb("check").code == 0
    os.replace(path, two / "claims" / "renamed.toml")
    r = run_kb("check")
    assert r.code == 0 and r.err == ""


def test_a_deleted_file_of_checks_and_units_is_said(two):
    path = two / "claims" / "checks.toml"
    path.write_text('[units]\nday_energy = "12 kWh"\n\n[[check]]\nid = "c1"\nstated = "2 kWh"\nexpr = "1 kWh * 2"\n'
                    '\n[[check]]\nid = "c2"\nstated = "3 kWh"\nexpr = "1 kWh * 3"\n')
    assert run_kb("check").code == 0
    path.unlink()
    r = run_kb("claims")
    assert ("kb: claims/checks.toml was deleted: its 2 checks and 1 unit are no longer in the knowledge base "
            "(git checkout claims/checks.toml to restore)") in r.err


@pytest.mark.parametrize("command", [["verify"], ["ls"], ["quote", "ls"], ["claims"]])
def test_a_claims_file_that_links_to_a_missing_file_is_said_and_its_quotes_kept(two, tmp_path, command):
    key = solar_key(two)
    path = two / "claims" / f"{key}.toml"
    shutil.move(path, tmp_path / "moved.toml")
    path.symlink_to(tmp_path / "not-there.toml")
    for _ in range(2):              # said every time, until the file can be read
        r = run_kb(*command)
        assert r.code == 0, r.err
        assert f"kb: claims/{key}.toml: cannot read (a link to a missing file)" in r.err
        assert "Traceback" not in r.err
    r = run_kb("verify")
    assert "1 quote: 1 ok" in r.out and "No quotes stored" not in r.out
    assert [q["id"] for q in run_kb("quote", "ls", "--json").json] == ["yield"]
    r = run_kb("doctor")
    assert r.code == 1
    assert f"problem: claims/{key}.toml: cannot read (a link to a missing file)" in r.out
    path.unlink()
    path.symlink_to(tmp_path / "moved.toml")            # the link put right
    r = run_kb("verify")
    assert r.code == 0 and r.err == ""
    assert run_kb("doctor").code == 0


def test_a_write_to_a_claims_link_to_a_missing_file_is_refused_and_makes_nothing_where_it_points(two, tmp_path):
    key = solar_key(two)
    path = two / "claims" / f"{key}.toml"
    kept = path.read_text()
    path.unlink()
    target = tmp_path / "nowhere" / "deeper" / "x.toml"
    path.symlink_to(target)
    r = run_kb("claim", "add", key, "5 kWh", "--id", "new", "--force")      # stored unverified: a write
    assert r.code == 2, (r.out, r.err)
    assert "cannot write" in r.err and "it is a link to a missing file" in r.err and "Traceback" not in r.err
    assert not (tmp_path / "nowhere").exists() and path.is_symlink()
    path.unlink()
    path.write_text(kept)
    assert run_kb("verify").code == 0


def test_a_new_claims_link_to_a_missing_file_is_said(two, tmp_path):
    (two / "claims" / "new.toml").symlink_to(tmp_path / "nowhere.toml")
    r = run_kb("ls")
    assert r.code == 0 and "kb: claims/new.toml: cannot read (a link to a missing file)" in r.err
    assert run_kb("doctor").code == 1


def test_a_folder_named_like_a_claims_file_is_said(two):
    (two / "claims" / "folder.toml").mkdir()
    r = run_kb("ls")
    assert r.code == 0 and "claims/folder.toml: cannot read (a folder, not a file)" in r.err
    r = run_kb("doctor")
    assert r.code == 1 and "problem: claims/folder.toml: cannot read (a folder, not a file)" in r.out


# -- integers out of range in a claims file ----------------------------------------------------

@pytest.mark.parametrize("field", ["page", "page_end"])
@pytest.mark.parametrize("value", ["99999999999999999999", "-99999999999999999999", "0", "-5",
                                   "9223372036854775808"])
def test_an_out_of_range_page_of_a_quote_is_the_files_error(two, field, value):
    key = solar_key(two)
    path = two / "claims" / f"{key}.toml"
    text = path.read_text()
    path.write_text(text.replace("page = 2\n", f"page = 2\n{field} = {value}\n" if field == "page_end"
                                 else f"page = {value}\n", 1).replace("page_end = 2\n", "", 1 if
                                                                      field == "page_end" else 0))
    for command in (["quote", "ls"], ["verify"], ["claims"]):
        r = run_kb(*command)
        assert r.code == 2 and r.err.count("\n") == 1, (command, r.err)
        assert r.err.startswith(f"kb: error: claims/{key}.toml:") and "out of range" in r.err
        assert "internal error" not in r.err and "OverflowError" not in r.err
    r = run_kb("doctor")
    assert r.code == 1 and f"problem: claims/{key}.toml:" in r.out and "out of range" in r.out
    assert run_kb("rebuild").code == 1


@pytest.mark.parametrize("table, line", [
    ("claim", 'id = "c9"\nvalue = "4.2 GWh"\npage = 99999999999999999999'),
    ("restatement", 'id = "r9"\nverdict = "confirmed"\npage = 99999999999999999999'),
    ("dismissed", 'version = ""\npage = 1\nstart = 99999999999999999999\nnumber = "4.2"'),
    ("dismissed", 'version = ""\npage = 1\nstart = -1\nnumber = "4.2"'),
    ("quote", 'id = "q9"\ntext = "Solar farms"\nspans = [{page = 1, start = 0, end = 99999999999999999999}]'),
    ("quote", 'id = "q9"\ntext = "Solar farms"\nspans = [{page = -1, start = 0, end = 5}]'),
])
def test_out_of_range_integers_in_any_table_are_the_files_error(two, table, line):
    key = solar_key(two)
    path = two / "claims" / f"{key}.toml"
    path.write_text(path.read_text() + f"\n[[{table}]]\n{line}\n")
    r = run_kb("claims")
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert f"claims/{key}.toml:" in r.err and "out of range" in r.err
    r = run_kb("doctor")
    assert r.code == 1 and "out of range" in r.out


def test_a_big_page_in_range_is_not_an_error_of_the_file(two):
    key = solar_key(two)
    path = two / "claims" / f"{key}.toml"
    path.write_text(path.read_text().replace("page = 2\n", "page = 2147483647\n", 1))
    assert run_kb("ls").code == 0


# -- writing into a claims file a person shaped -----------------------------------------------

RECORD = {"id": "b", "value": "2 kWh", "quote": "it used 2 kWh", "topics": ["energy"],
          "spans": [{"page": 1, "start": 3, "end": 9}]}
WRITTEN = {"id": "b", "value": "2 kWh", "quote": "it used 2 kWh", "topics": ["energy"],
           "spans": [{"page": 1, "start": 3, "end": 9}]}


@pytest.mark.parametrize("text", [
    '# my claims\n[[claim]]\nid = "a"   # first\nvalue = "1 kWh"\n[[claim]]\nid = "c"\nvalue = "3 kWh"',
    '[[quote]]\nid = "q"\ntext = "a quote"\n\n[[claim]]\nid = "a"\nvalue = "1 kWh"\n\n[[quote]]\nid = "r"\ntext = "x"\n',
    '[paper]\nanchor = "Intro"\n',
])
def test_a_record_is_appended_after_the_file_left_byte_for_byte(text):
    """A new claim is written after the file as the person left it (their comments, spacing
    and order untouched), and reads back as the file's claims with it last."""
    import tomllib

    from kb.store.claimsfile import add_record

    new = add_record(text, "claim", RECORD)
    assert new.startswith(text)
    before, after = tomllib.loads(text), tomllib.loads(new)
    assert after["claim"] == before.get("claim", []) + [WRITTEN]
    assert {k: v for k, v in after.items() if k != "claim"} == {k: v for k, v in before.items() if k != "claim"}


@pytest.mark.parametrize("text", [
    'claim = [{id = "a", value = "1 kWh"}]\n',                 # an array of inline tables
    '[claim]\nid = "a"\nvalue = "1 kWh"\n',                     # one claim as a table
    'claim = {id = "a", value = "1 kWh"}\n',                    # one claim as an inline table
    '[[claim]]\nid = "a"\nvalue = "1 kWh"\n',
])
def test_records_are_added_replaced_and_removed_however_the_file_lists_them(text):
    """kb reads a file's claims as [[claim]] tables, one [claim] table or an array of inline
    tables; it adds to, replaces in and removes from each, and writes TOML it reads back
    (appending to an array of inline tables wrote a file TOML refuses; a [claim] table
    was an internal error)."""
    import tomllib

    from kb.store.claimsfile import add_record, remove_record

    added = tomllib.loads(add_record(text, "claim", RECORD))["claim"]
    assert added == [{"id": "a", "value": "1 kWh"}, WRITTEN]
    replaced = tomllib.loads(add_record(text, "claim", RECORD, replace_id="a"))["claim"]
    assert replaced == [WRITTEN]
    both = add_record(text, "claim", RECORD)
    assert tomllib.loads(remove_record(both, "claim", "a"))["claim"] == [WRITTEN]
    assert "claim" not in tomllib.loads(remove_record(text, "claim", "a"))
    assert remove_record(text, "claim", "nothere") == text


def test_a_text_read_before_is_read_again_with_every_check():
    """kb keeps its last reads of claims files (one `kb claim add` reads a file five times); a
    text first read without load_toml's checks (to append to it) is still refused by them, and
    a record taken from a kept read and changed changes no later read."""
    from kb.errors import FileFormatError
    from kb.store.claimsfile import _appended, load_toml

    deep = "x = " + "[" * 60 + "]" * 60 + "\n"
    assert _appended(deep, "claim", RECORD) is not None            # tomllib reads it, to append
    with pytest.raises(FileFormatError, match="nests arrays or tables 60 deep"):
        load_toml(deep, "claims/x.toml")
    with pytest.raises(FileFormatError, match="nests arrays or tables 60 deep"):
        load_toml(deep + '\n[[claim]]\nid = "a"\nvalue = "1 kWh"\n', "claims/x.toml")
    text = '[[claim]]\nid = "a"\nvalue = "1 kWh"\ntopics = ["energy"]\n'
    first = load_toml(text, "claims/x.toml")
    assert load_toml(text, "claims/x.toml") is first                # kept: read once
    assert load_toml(text + "\n", "claims/x.toml") == first         # another text, read again


def test_a_record_merged_with_is_a_copy_of_the_kept_read(two):
    from kb.ops import records
    from kb.store.claimsfile import load_toml
    from kb.store.knowledgebase import KB

    key = solar_key(two)
    path = two / "claims" / f"{key}.toml"
    path.write_text('[[claim]]\nid = "a"\nvalue = "1 kWh"\ntopics = ["energy"]\nstatus = "unverified"\n')
    kb = KB.open(two)
    try:
        held = records.stored_record(kb, key, "claim", "a")
        held["topics"].append("changed")
        held["value"] = "2 kWh"
        again = load_toml(path.read_text(), f"claims/{path.name}")["claim"][0]
        assert again == {"id": "a", "value": "1 kWh", "topics": ["energy"], "status": "unverified"}
    finally:
        kb.close()


@pytest.mark.parametrize("text", ['claim = 3\n', 'claim = "a"\n'])
def test_a_name_that_holds_no_records_is_the_files_error_and_nothing_is_written(text):
    from kb.errors import FileFormatError
    from kb.store.claimsfile import add_record, remove_record

    for edit in (lambda: add_record(text, "claim", RECORD, path="claims/x.toml"),
                 lambda: remove_record(text, "claim", "a", path="claims/x.toml")):
        with pytest.raises(FileFormatError) as caught:
            edit()
        assert "claims/x.toml" in str(caught.value) and "not a list of claims" in str(caught.value)


def test_kb_claim_add_to_a_hand_written_array_of_inline_tables_keeps_both(two):
    key = solar_key(two)
    path = two / "claims" / f"{key}.toml"
    path.write_text('claim = [{id = "mine", value = "4.2 GWh"}]\n')
    r = run_kb("claim", "add", key, "7 kWh", "--force", "--id", "more")
    assert r.code == 0, r.err
    import tomllib
    assert [c["id"] for c in tomllib.loads(path.read_text())["claim"]] == ["mine", "more"]
    listed = {c["id"] for c in run_kb("claims", "--json").json}
    assert {"mine", "more"} <= listed
