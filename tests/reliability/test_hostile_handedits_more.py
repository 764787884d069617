"""Hand edits of the truth files (references.bib, claims/*.toml, kb.toml) and hostile input to the
command line, each run against a knowledge base of one paper (a PDF, a verified quote, a verified
claim and a check of it): kb follows what it can, says in one line what it cannot (exit 2 for input
it refuses, 1 for checks that fail), never a traceback, and never deletes the cached source of a
paper anything could still claim.

Four classes failed before: a claims file whose name is not UTF-8 (claims/caf\\xe9.toml, saved on a
Latin-1 system) stopped every command with an internal error (its name reached SQLite), and stdin
holding nothing but a byte order mark and blank lines was taken as a text given: `kb claim add
KEY "280M nodes" -q -` stored the claim unverified, exit 0, where stdin of blank lines alone was
refused as empty; `kb claim add -q` of a quote over kb's limit of 20,000 characters, --force, wrote a
claims file kb then refused to read (kb quote add refuses such a quote); and --kb naming a folder whose
kb.toml is a link in a loop said "kb.toml is Too many levels of symbolic links"."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from kbcache import from_template
from kbrun import run_kb
from pdfgen import make_pdf

KEY = "curie2024energy"
QUOTE = "the energy used was 12 kWh in total"
PAGES = [["Energy use of model training", "We trained 12 models and the energy used was 12 kWh in total.",
          "Each model ran for 40 hours on one GPU."], ["The end of it."]]
CHECKS = f'[[check]]\nid = "total"\nstated = "12 kWh"\nexpr = "{KEY}.energy"\n'


def _build(root: Path) -> None:
    assert run_kb("init", str(root)).code == 0
    pdf = root.parent / "energy.pdf"
    pdf.write_bytes(make_pdf(PAGES, title="Energy of Models", author="Marie Curie"))
    r = run_kb("--kb", str(root), "add", "--offline", str(pdf))
    assert r.code == 0, r.err
    bib = root / "references.bib"
    old = bib.read_text().split("{", 1)[1].split(",", 1)[0]
    assert run_kb("--kb", str(root), "rename", old, KEY).code == 0
    bib.write_text(bib.read_text().replace("  author", "  year = {2024},\n  author")
                   + "\n@misc{other2020,\n  title = {Another Paper},\n  year = {2020},\n}\n")
    assert run_kb("--kb", str(root), "quote", "add", KEY, QUOTE, "--id", "q").code == 0
    r = run_kb("--kb", str(root), "claim", "add", KEY, "12 kWh", "-q", QUOTE, "--id", "energy")
    assert r.code == 0, r.err
    (root / "claims" / "checks.toml").write_text(CHECKS)
    assert run_kb("--kb", str(root), "check").code == 0


@pytest.fixture
def root(tmp_path):
    where = tmp_path / "kb"
    return from_template("hostile-handedits-more", where, lambda: _build(where))


def kb(root: Path, *args: str):
    r = run_kb("--kb", str(root), *args)
    assert "Traceback" not in r.err and "internal error" not in r.err, r.err
    assert r.code in (0, 1, 2), (r.code, r.err)
    if r.code == 2:
        assert r.err.startswith("kb: error: ") and r.err.count("\n") == 1, r.err
    return r


def sources(root: Path) -> list[str]:
    return sorted(p.name for p in (root / ".kb" / "cache" / "sources").iterdir())


def claims_file(root: Path) -> Path:
    return root / "claims" / f"{KEY}.toml"


def bib_entry_start(text: str) -> int:
    return text.index(f"@misc{{{KEY},")


def without_entry(text: str) -> str:
    """references.bib with KEY's entry cut out, the other paper's kept."""
    start = bib_entry_start(text)
    return text[:start] + text[text.index("@misc{other2020,"):]


# -- references.bib edited by hand: the cached source is kept while anything could claim it ------------

BIB_EDITS = {
    "key renamed": lambda t: t.replace(f"{{{KEY},", "{curie2024watts,"),
    "key's case changed": lambda t: t.replace(f"{{{KEY},", "{Curie2024Energy,"),
    "key renamed into another script": lambda t: t.replace(f"{{{KEY},", "{curié2024,"),
    "entry deleted": without_entry,
    "entry commented out with %": lambda t: without_entry(t) + "".join(
        f"% {line}\n" for line in t[bib_entry_start(t):t.index("@misc{other2020,")].splitlines()),
}


@pytest.mark.parametrize("edit", sorted(BIB_EDITS))
def test_a_bib_entry_edited_away_keeps_its_source_through_doctor_prune(root, edit):
    bib = root / "references.bib"
    bib.write_text(BIB_EDITS[edit](bib.read_text()))
    held = sources(root)
    r = kb(root, "doctor", "--prune")
    assert r.code == 1 and KEY in r.out, r.out
    assert sources(root) == held, (held, r.out)
    r = kb(root, "verify")
    assert r.code == 1 and "ok " not in r.out, r.out          # nothing of the paper's passes without its entry
    assert sources(root) == held


def test_a_renamed_key_with_its_claims_file_moved_too_verifies_under_the_new_key(root):
    bib = root / "references.bib"
    bib.write_text(bib.read_text().replace(f"{{{KEY},", "{curie2024watts,"))
    claims_file(root).rename(root / "claims" / "curie2024watts.toml")
    r = kb(root, "verify")
    assert r.code == 0 and "claim curie2024watts.energy" in r.out, r.out
    r = kb(root, "check")                  # the check still names the old key: said, with the new name
    assert r.code == 1 and "curie2024watts.energy" in r.out, r.out
    held = sources(root)
    assert kb(root, "doctor", "--prune").code == 1 and sources(root) == held


def test_two_entries_whose_keys_differ_in_case_alone_are_refused(root):
    bib = root / "references.bib"
    text = bib.read_text()
    entry = text[bib_entry_start(text):text.index("@misc{other2020,")]
    bib.write_text(text + "\n" + entry.replace(f"{{{KEY},", "{Curie2024energy,"))
    r = kb(root, "check")
    assert r.code == 2 and "duplicate citekey" in r.err, r.err
    assert kb(root, "doctor").code == 1


def test_an_entry_whose_braces_a_hand_edit_left_open_stops_prune(root):
    bib = root / "references.bib"
    bib.write_text(bib.read_text() + "\n@misc{broken,\n  title = {Never closed\n")
    held = sources(root)
    r = kb(root, "doctor", "--prune")
    assert r.code == 2 and "removes nothing while references.bib cannot be read" in r.err, r.err
    assert sources(root) == held


# -- claims files moved, renamed, copied ------------------------------------------------------------------

@pytest.mark.parametrize("name", ["sub/x.toml", "x.toml.bak", "x.TOML"])
def test_a_claims_file_moved_out_of_kbs_reach_is_said_and_its_source_kept(root, name):
    bib = root / "references.bib"
    bib.write_text(without_entry(bib.read_text()))        # its entry gone as well
    target = root / "claims" / name.replace("x", KEY, 1)
    target.parent.mkdir(exist_ok=True)
    held = sources(root)
    claims_file(root).rename(target)
    r = kb(root, "doctor", "--prune")
    assert r.code == 1 and f"claims/{name.replace('x', KEY, 1)}" in r.out, r.out
    assert sources(root) == held, (held, r.out)


def test_a_claims_file_copied_under_another_name_is_one_clear_refusal(root):
    shutil.copy(claims_file(root), root / "claims" / "copy.toml")
    for args in (["check"], ["verify"], ["quote", "ls"]):
        r = kb(root, *args)
        assert r.code == 2 and "quote id 'q' is also used in" in r.err, r.err
    assert kb(root, "doctor").code == 1


def test_a_claims_file_renamed_to_no_papers_name_is_a_problem(root):
    claims_file(root).rename(root / "claims" / "energy-notes.toml")
    r = kb(root, "doctor")
    assert r.code == 1 and "claims/energy-notes.toml is named for no paper" in r.out, r.out


@pytest.mark.parametrize("name", [b"caf\xe9.toml", b"\xff.toml"])
def test_a_claims_file_whose_name_is_not_utf8_is_said_not_an_internal_error(root, name):
    """(an internal error, UnicodeEncodeError from SQLite, stopped every command)"""
    moved = os.path.join(os.fsencode(root / "claims"), name)
    os.rename(claims_file(root), moved)
    r = kb(root, "check")
    assert r.code == 1 and "its name is not UTF-8" in r.err, r.err
    r = kb(root, "doctor")
    assert r.code == 1 and "its name is not UTF-8" in r.out and "holds quotes, claims or checks" in r.out, r.out
    assert kb(root, "quote", "ls").code == 0
    assert kb(root, "rebuild").code == 0
    assert os.path.exists(moved)                            # never rewritten nor removed
    os.rename(moved, claims_file(root))
    assert kb(root, "verify").code == 0


# -- kb.toml edited by hand -------------------------------------------------------------------------------

KB_TOML = {       # the edit, and what kb says (exit 2), or None: read as before
    "text": (("max_pages = 2000", 'max_pages = "2000"'), "is text, not a whole number"),
    "a boolean": (("max_pages = 2000", "max_pages = true"), "is true or false"),
    "a date": (("max_pages = 2000", "max_pages = 2024-01-01"), "is a date or time"),
    "a table": (("max_pages = 2000", "max_pages = {value = 2000}"), "is a table"),
    "a fraction": (("max_pages = 2000", "max_pages = 2000.5"), "is not a whole number"),
    "nan": (("max_extract_seconds = 120", "max_extract_seconds = nan"), "must be above 0"),
    "inf pages": (("max_pages = 2000", "max_pages = inf"), "is not a whole number"),
    "negative": (("max_pages = 2000", "max_pages = -1"), "must be above 0"),
    "zero": (("max_stream_mb = 75", "max_stream_mb = 0"), "must be above 0"),
    "written twice": (("max_pages = 2000", "max_pages = 2000\nmax_pages = 3000"), "is written twice"),
    "an array of tables": (("[limits]", "[[limits]]"), "must be a table"),
    "huge": (("max_pages = 2000", "max_pages = 99999999999999999999"), None),
    "tabs": (("max_pages = 2000", "\tmax_pages\t=\t2000"), None),
}


@pytest.mark.parametrize("edit", sorted(KB_TOML))
def test_kb_toml_edited_by_hand(root, edit):
    (old, new), said = KB_TOML[edit]
    marker = root / "kb.toml"
    marker.write_text(marker.read_text().replace(old, new))
    r = kb(root, "verify")
    if said is None:
        assert r.code == 0, r.err
        return
    assert r.code == 2 and r.err.startswith("kb: error: kb.toml:") and said in r.err, r.err
    r = kb(root, "doctor", "--quick")
    assert r.code == 1 and said in r.out, r.out


@pytest.mark.parametrize("how", ["bom", "crlf", "empty"])
def test_kb_toml_saved_otherwise_is_read(root, how):
    marker = root / "kb.toml"
    text = marker.read_text()
    marker.write_bytes({"bom": b"\xef\xbb\xbf" + text.encode(), "crlf": text.replace("\n", "\r\n").encode(),
                        "empty": b""}[how])
    assert kb(root, "verify").code == 0 and kb(root, "doctor", "--quick").code == 0


def test_kb_toml_unknown_key_is_said_and_not_read(root):
    marker = root / "kb.toml"
    marker.write_text(marker.read_text().replace("max_pages = 2000", "max_pagez = 2000"))
    r = kb(root, "verify")
    assert r.code == 0 and "unknown key `max_pagez` (did you mean `max_pages`?)" in r.err, r.err
    assert kb(root, "doctor", "--quick").code == 1


def test_kb_toml_not_utf8_is_refused(root):
    marker = root / "kb.toml"
    marker.write_bytes(b"# caf\xe9\n" + marker.read_bytes())
    r = kb(root, "ls")
    assert r.code == 2 and "kb.toml:1: is not UTF-8" in r.err, r.err


# -- claims files in shapes kb does not write ---------------------------------------------------------------

SHAPES = {         # old -> new in the claims file, and what kb says (exit 2)
    "text an array": ('text = "the energy used was 12 kWh in total"',
                      'text = ["the energy used was 12 kWh in total"]', "`text` must be a string"),
    "page a date": ("page = 1\npage_end", "page = 2024-01-01\npage_end", "not a date"),
    "page past 2**31": ("page = 1\npage_end", "page = 99999999999999999999\npage_end", "is out of range"),
    "page nan": ("page = 1\npage_end", "page = nan\npage_end", "not the TOML number nan"),
    "page inf": ("page = 1\npage_end", "page = inf\npage_end", "not the TOML number inf"),
    "value a number": ('value = "12 kWh"', "value = 12", "is the TOML number 12, not a string"),
    "value inf": ('value = "12 kWh"', "value = inf", "is the TOML number inf"),
    "id a number": ('id = "energy"', "id = 7", "`id` must be a string"),
    "status a boolean": ('status = "verified"\nmethod', 'status = true\nmethod', "`status` must be a string"),
    "status unknown": ('status = "verified"\nmethod', 'status = "great"\nmethod', "status must be 'verified'"),
    "text empty": ('text = "the energy used was 12 kWh in total"', 'text = ""', "`text` is empty"),
    "id unicode": ('id = "q"', 'id = "qα"', "must be letters, digits"),
    "a key of its own": ('id = "q"', 'id = "q"\ncolour = "red"', "unknown key `colour`"),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_claims_file_of_a_wrong_shape_is_one_line(root, shape):
    old, new, said = SHAPES[shape]
    path = claims_file(root)
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    before = path.read_bytes()
    for args in (["check"], ["verify"], ["quote", "add", KEY, "Each model ran for 40 hours on one GPU"]):
        r = kb(root, *args)
        assert r.code == 2 and said in r.err, r.err
    assert path.read_bytes() == before                  # nothing written into a file kb cannot read


def test_a_huge_number_in_spans_is_out_of_range(root):
    path = claims_file(root)
    text = path.read_text()
    start = text.split("start = ", 1)[1].split(",", 1)[0]
    path.write_text(text.replace(f"start = {start}", "start = 9223372036854775807", 1))
    r = kb(root, "verify")
    assert r.code == 2 and "`start` = 9223372036854775807 is out of range" in r.err, r.err


def test_nesting_thousands_deep_is_refused(root):
    path = claims_file(root)
    path.write_text(path.read_text() + "\nx_deep = " + "[" * 5000 + "]" * 5000 + "\n")
    r = kb(root, "check")
    assert r.code == 2 and "nests arrays or tables 5000 deep" in r.err, r.err


@pytest.mark.parametrize("value, said", [("1e400 kWh", "out of range"), ("9" * 5000 + " kWh", "characters long")])
def test_a_value_kb_cannot_read_fails_verify_and_its_check(root, value, said):
    path = claims_file(root)
    path.write_text(path.read_text().replace('value = "12 kWh"', f'value = "{value}"'))
    r = kb(root, "verify")
    assert r.code == 1 and "value-unreadable" in r.out and said in r.out, r.out
    r = kb(root, "check")
    assert r.code == 1 and "1 error" in r.out, r.out


def test_a_single_quote_table_is_read_and_kept_when_kb_writes(root):
    path = claims_file(root)
    path.write_text(path.read_text().replace("[[quote]]", "[quote]", 1))
    assert kb(root, "verify").code == 0
    r = kb(root, "quote", "add", KEY, "Each model ran for 40 hours on one GPU", "--id", "hours")
    assert r.code == 0, r.err
    text = path.read_text()
    assert 'id = "q"' in text and 'id = "hours"' in text and 'id = "energy"' in text
    assert kb(root, "verify").code == 0


@pytest.mark.parametrize("how", ["bom", "crlf", "tabs"])
def test_a_claims_file_saved_otherwise_verifies(root, how):
    path = claims_file(root)
    text = path.read_text()
    path.write_bytes({"bom": b"\xef\xbb\xbf" + text.encode(), "crlf": text.replace("\n", "\r\n").encode(),
                      "tabs": text.replace("id = ", "\tid\t=\t").encode()}[how])
    r = kb(root, "verify")
    assert r.code == 0 and "2 quotes" not in r.out and "1 claim: 1 ok" in r.out, r.out
    assert kb(root, "check").code == 0


# -- truth files that are no files ---------------------------------------------------------------------------

def _no_file(path: Path, kind: str) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "loop":
        os.symlink(path.name, path)
    elif kind == "dangling":
        os.symlink("gone/" + path.name, path)
    elif kind == "device":
        os.symlink(os.devnull, path)


@pytest.mark.parametrize("kind, said", [("folder", "a folder, not a file"), ("fifo", "a FIFO, not a file"),
                                        ("loop", "Too many levels of symbolic links"),
                                        ("dangling", "a link to a missing file"), ("device", "a device")])
def test_references_bib_that_is_no_file_stops_every_command_in_one_line(root, kind, said):
    _no_file(root / "references.bib", kind)
    held = sources(root)
    pdf = root.parent / "energy.pdf"
    pdf.write_bytes(make_pdf(PAGES, title="Energy of Models", author="Marie Curie"))
    for args in (["ls"], ["check"], ["verify"], ["add", "--offline", str(pdf)]):
        r = kb(root, *args)
        assert r.code == 2 and f"references.bib: cannot read ({said}" in r.err, r.err
    assert kb(root, "doctor", "--prune").code in (1, 2) and sources(root) == held


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_claims_file_that_is_no_file_stops_the_judging_commands(root, kind):
    path = root / "claims" / "other.toml"
    os.mkfifo(path) if kind == "fifo" else path.mkdir()
    for args in (["check"], ["verify"]):
        r = kb(root, *args)
        assert r.code == 2 and "cannot judge this one" in r.err, r.err
    r = kb(root, "ls")
    assert r.code == 0 and "claims/other.toml: cannot read" in r.err, r.err


def test_claims_that_is_a_file_stops_commands(root):
    shutil.rmtree(root / "claims")
    (root / "claims").write_text("x")
    r = kb(root, "check")
    assert r.code == 2 and "claims/: cannot read (a file, not a folder)" in r.err, r.err


@pytest.mark.parametrize("kind", ["folder", "loop"])
def test_kb_toml_that_is_no_file_is_refused(root, kind):
    _no_file(root / "kb.toml", kind)
    r = kb(root, "ls")
    assert r.code == 2 and "which is not a knowledge base kb can read (kb.toml cannot be read: " in r.err, r.err
    assert "kb.toml is " not in r.err      # (said 'kb.toml is Too many levels of symbolic links')


# -- stdin -----------------------------------------------------------------------------------------------------

def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


STDIN_ARGS = {
    "quote add": ["quote", "add", KEY, "-"],
    "claim add -q": ["claim", "add", KEY, "12 kWh", "-q", "-", "--id", "e2"],
    "claim add --note": ["claim", "add", KEY, "12 kWh", "-q", QUOTE, "--id", "e3", "--note", "-"],
    "import": ["import", "-"],
    "verify --note": ["verify", "--note", "-"],
    "audit --note": ["audit", "--note", "-"],
    "add": ["add", "--offline", "-"],
}


@pytest.mark.parametrize("command", sorted(STDIN_ARGS))
@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b"\xef\xbb\xbf\n \n", b"\xef\xbb\xbf\r\n\t\r\n"])
def test_stdin_of_a_byte_order_mark_and_blank_lines_is_empty(root, monkeypatch, command, data):
    """(`kb claim add KEY "12 kWh" -q -` stored the claim unverified, exit 0; `kb verify --note -` said
    0 quotes, exit 0)"""
    path = claims_file(root)
    before = path.read_bytes()
    _stdin(monkeypatch, data)
    r = kb(root, *STDIN_ARGS[command])
    assert r.code == 2 and "stdin was empty" in r.err, r.err
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", ["quote add", "claim add -q", "claim add --note"])
def test_stdin_not_utf8_is_refused(root, monkeypatch, command):
    _stdin(monkeypatch, b"the energy used \xff\xfe was 12 kWh\n")
    r = kb(root, *STDIN_ARGS[command])
    assert r.code == 2 and "stdin is not UTF-8 text" in r.err, r.err


@pytest.mark.parametrize("command", ["quote add", "claim add -q", "import", "verify --note", "add"])
def test_stdin_of_zeros_past_kbs_limit_is_refused(root, monkeypatch, command):
    monkeypatch.setenv("KB_MAX_INPUT_MB", "1")
    path = claims_file(root)
    before = path.read_bytes()
    _stdin(monkeypatch, b"\0" * (1024 * 1024 + 4096))
    r = kb(root, *STDIN_ARGS[command])
    assert r.code == 2, r.err
    assert path.read_bytes() == before


@pytest.mark.parametrize("force", [False, True])
def test_a_claims_quote_over_the_quote_limit_is_refused_and_nothing_written(root, monkeypatch, force):
    """(with --force, a quote of 25,000 characters was written into the claims file, which kb then refused
    to read: every command stopped, exit 2, until it was cut by hand; without, a quote of megabytes was
    matched against the paper for seconds, then 'not found')"""
    path = claims_file(root)
    before = path.read_bytes()
    _stdin(monkeypatch, b"energy used " * 2100)
    r = kb(root, *STDIN_ARGS["claim add -q"], *(["--force"] if force else []))
    assert r.code == 2 and "the claim's quote is 25,199 characters; quotes are limited to 20,000" in r.err, r.err
    assert path.read_bytes() == before
    assert kb(root, "verify").code == 0


def test_kb_writes_no_string_into_a_claims_file_longer_than_it_reads_back():
    from kb.errors import UsageError
    from kb.store import claimsfile

    with pytest.raises(UsageError, match="over kb's limit of 20,000 for one string of a claims file"):
        claimsfile.add_record("", "claim", {"id": "x", "value": "1 kWh", "quote": "w" * 20_001})
    with pytest.raises(UsageError, match="`topics` is 20,001 characters"):
        claimsfile.add_record("[[claim]]\nid = 'y'\nvalue = '1 kWh'\n", "claim",
                              {"id": "x", "value": "1 kWh", "topics": ["w" * 20_001]})
    assert "quote" in claimsfile.add_record("", "claim", {"id": "x", "value": "1 kWh", "quote": "w" * 20_000})


# -- two writers at once --------------------------------------------------------------------------------------

def test_two_kb_processes_writing_at_once_lose_nothing(root):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).resolve().parents[2]), env.get("PYTHONPATH", "")])
    procs = [subprocess.Popen([sys.executable, "-m", "kb", "--kb", str(root), *args], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for args in (["quote", "add", KEY, "Each model ran for 40 hours on one GPU", "--id", "hours"],
                          ["tag", KEY, "+energy"])]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0 and b"Traceback" not in err, err
    assert 'id = "hours"' in claims_file(root).read_text() and 'id = "q"' in claims_file(root).read_text()
    assert "energy" in (root / "references.bib").read_text()
    assert kb(root, "doctor").code == 0
