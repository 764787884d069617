"""A writing command run again that changes nothing says so: "unchanged ...", exit 0, on the stream its
first run reported on, and it leaves every file it would write as it was, bytes and mtime. `kb quote add`
said "stored" on stdout and "stored already: unchanged" on stderr, and rewrote the claims file; `kb export
note -o FILE` said "wrote FILE" of a file it had replaced by the same bytes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from corpus import PHP_BIB, wattbot_pages
from kbcache import from_template
from kbrun import run_kb

from kb.atomic import write_changed
from kb.cli.common import files_said
from kb.ops.records import merge_said, outcome

KEY = "luccioni2023power"
GENERATIVE = "Generative tasks are more energy- and carbon-intensive compared to discriminative tasks."
IMAGE_QUOTE = ("the least efficient image generation model uses as much energy as 522 smartphone charges "
               "(11.49 kWh)")
#: an mtime no write of this test could give a file: one that is still this was not written
OLD_NS = 1_000_000_000 * 10**9


@pytest.fixture
def php(kb_root, tmp_path):
    def build():
        (kb_root / "references.bib").write_text(PHP_BIB)
        source = tmp_path / "php-v3.json"
        source.write_text(json.dumps(wattbot_pages("luccioni2024")))
        assert run_kb("text", "load", KEY, source, "--version", "v3").code == 0
    return from_template("php-v3", kb_root, build)


def aged(paths: list[Path]) -> dict[Path, bytes]:
    """Each file's bytes, its mtime set to OLD_NS: a later write shows as another mtime."""
    for path in paths:
        os.utime(path, ns=(OLD_NS, OLD_NS))
    return {path: path.read_bytes() for path in paths}


def untouched(held: dict[Path, bytes]) -> bool:
    return all(path.read_bytes() == data and path.stat().st_mtime_ns == OLD_NS for path, data in held.items())


RECORDS = [
    ("quote", "add", KEY, GENERATIVE),
    ("quote", "add", KEY, GENERATIVE, "--id", "gen", "-t", "energy", "-t", "generative"),
    ("quote", "add", KEY, "Generative tasks [...] compared to discriminative tasks"),
    ("quote", "add", KEY, "words this paper never prints in this order at all", "--force"),
    ("claim", "add", KEY, "11.49 kWh", "--quote", IMAGE_QUOTE),
    ("claim", "add", KEY, "11.49 kWh", "--quote", IMAGE_QUOTE, "--per", "1000 inferences", "--id", "img",
     "-t", "energy"),
    ("claim", "add", KEY, "522", "--quote", IMAGE_QUOTE, "--id", "charges"),
    ("claim", "add", KEY, "11.49 kWh", "--force"),
]


@pytest.mark.parametrize("args", RECORDS, ids=lambda a: " ".join(a[:2] + a[4:5]))
def test_a_record_added_again_is_said_unchanged_on_stdout_and_its_file_left_as_it_was(php, args):
    first = run_kb(*args)
    assert first.code == 0 and first.out.startswith("stored "), first.out + first.err
    held = aged([php / "claims" / f"{KEY}.toml"])
    again = run_kb(*args)
    assert again.code == 0, again.err
    # the first run's line, its first word "unchanged": the same stream, the same words after it
    assert again.out == "unchanged " + first.out.removeprefix("stored "), (first.out, again.out)
    assert again.err == first.err and "stored already" not in again.err
    assert untouched(held)


@pytest.mark.parametrize("before, args", [((RECORDS[0], RECORDS[4]), RECORDS[2]), ((RECORDS[0], RECORDS[4]), RECORDS[3]),
                                          ((RECORDS[4], RECORDS[0]), RECORDS[6]), ((RECORDS[4], RECORDS[1]), RECORDS[7])],
                         ids=lambda a: " ".join(a[:2]) if isinstance(a[0], str) else "then".join(x[0] for x in a))
def test_a_record_appended_after_the_other_kind_added_again_is_left_where_it_is(php, before, args):
    """A quote appended after the file's claims (or a claim after its quotes) is written at the file's end; added
    again, it was 'updated' with no field named, the file rewritten: the same record, moved among the tables of
    its kind."""
    for earlier in before:           # a quote, then a claim (or a claim, then a quote): the new one goes at the end
        assert run_kb(*earlier).code == 0
    first = run_kb(*args)
    assert first.code == 0 and first.out.startswith("stored "), first.out + first.err
    held = aged([php / "claims" / f"{KEY}.toml"])
    again = run_kb(*args)
    assert again.code == 0 and again.out == "unchanged " + first.out.removeprefix("stored "), (first.out, again.out)
    assert untouched(held)


@pytest.mark.parametrize("args", [RECORDS[0], RECORDS[1], RECORDS[5], RECORDS[7]], ids=lambda a: " ".join(a[:2]))
def test_json_of_a_record_added_again_keeps_its_shape(php, args):
    first = run_kb(*args, "--json")
    assert first.code == 0, first.err
    held = aged([php / "claims" / f"{KEY}.toml"])
    again = run_kb(*args, "--json")
    assert again.code == 0 and untouched(held)
    assert "outcome" not in first.json and "outcome" not in again.json
    assert again.json == dict(first.json, merged=["unchanged"])


def test_a_record_added_again_with_more_is_said_updated_and_written(php):
    assert run_kb("quote", "add", KEY, GENERATIVE, "--id", "gen").code == 0
    held = aged([php / "claims" / f"{KEY}.toml"])
    r = run_kb("quote", "add", KEY, GENERATIVE, "-t", "energy")
    assert r.code == 0 and r.out.startswith("updated gen: found in luccioni2023power v3")
    assert r.err == "kb: gen was stored already: added topic energy\n"
    assert not untouched(held)
    # a claim re-added naming less than it holds keeps it, writes nothing, and says what it kept
    assert run_kb("claim", "add", KEY, "11.49 kWh", "--quote", IMAGE_QUOTE, "--id", "img").code == 0
    held = aged([php / "claims" / f"{KEY}.toml"])
    r = run_kb("claim", "add", KEY, "11.49 kWh", "--id", "img")
    assert r.code == 0 and r.out.startswith("unchanged luccioni2023power.img = 11.49 kWh  (page ")
    assert r.err == "kb: luccioni2023power.img was stored already: kept its quote\n"
    assert untouched(held)
    # --replace by the very same claim: nothing replaced, nothing written
    r = run_kb("claim", "add", KEY, "11.49 kWh", "--quote", IMAGE_QUOTE, "--id", "img", "--replace", "--json")
    assert r.code == 0 and r.json["merged"] == ["unchanged"] and r.err == "" and untouched(held)
    r = run_kb("claim", "add", KEY, "11.49 kWh", "--quote", IMAGE_QUOTE, "--id", "img", "--replace", "-t", "x")
    assert r.code == 0 and r.out.startswith("updated luccioni2023power.img") and not untouched(held)


@pytest.mark.parametrize("merged,wrote,held,record,said,verb", [
    ([], True, None, {"id": "a"}, [], "stored"),
    (["unchanged"], False, None, {"id": "a"}, ["unchanged"], "unchanged"),
    (["replaced the stored claim"], False, None, {"id": "a"}, ["unchanged"], "unchanged"),
    (["kept its quote"], False, None, {"id": "a"}, ["kept its quote"], "unchanged"),
    (["kept per 'run'", "added topic x"], False, None, {"id": "a"}, ["kept per 'run'"], "unchanged"),
    (["added topic x"], True, None, {"id": "a"}, ["added topic x"], "updated"),
    (["replaced the stored quote"], True, None, {"id": "a"}, ["replaced the stored quote"], "updated"),
    (["unchanged"], True, {"id": "a", "status": "unverified", "page": 3},
     {"id": "a", "status": "verified", "page": 3, "topics": []}, ["updated status"], "updated"),
    (["unchanged"], True, {"id": "a", "page": 3}, {"id": "a", "page": 4, "spans": [1]}, ["updated page, spans"],
     "updated"),
    (["unchanged"], True, {"id": "a"}, {"id": "a", "per": None}, ["updated"], "updated"),
])
def test_what_a_re_add_merged_is_what_it_did(merged, wrote, held, record, said, verb):
    assert merge_said(merged, wrote, held, record) == said
    assert outcome(said, wrote) == verb


def test_claims_extract_run_again_lists_each_candidate_under_its_number(php):
    first = run_kb("claims", "extract", KEY)
    rows = run_kb("claims", "extract", KEY, "--json").json
    assert first.code == 0 and len(rows) > 10
    again = run_kb("claims", "extract", KEY)
    assert again.code == 0 and again.out == first.out and again.err == first.err
    # the numbers read from the first listing name the same figures after any number of runs, and after
    # decisions on others: dismissed and promoted ones are left out, the rest keep their numbers
    dismissed, promoted = rows[0], rows[1]
    assert run_kb("claims", "dismiss", str(dismissed["id"])).code == 0
    assert run_kb("claims", "promote", str(promoted["id"]), "--id", "first_figure").code == 0
    later = run_kb("claims", "extract", KEY, "--json").json
    assert later == rows[2:]
    r = run_kb("claims", "promote", str(rows[5]["id"]), "--json")
    assert r.code == 0 and r.json["page"] == rows[5]["page"] and rows[5]["number"] in r.json["written"]
    # a candidate listed before is one no longer, or another figure, never under another's number
    assert {c["id"]: c["start"] for c in run_kb("claims", "--unreviewed", "--json").json} == \
        {c["id"]: c["start"] for c in rows[2:] if c["id"] != rows[5]["id"]}


# -- exports: an -o file that holds the very bytes is left as it is -------------------------------------------

EXPORTS = [
    (("export", "note", "-o", "{d}/n.md"), ["n.md"]),
    (("export", "note", "-f", "json", "-o", "{d}/n.json"), ["n.json"]),
    (("export", "note", "-f", "markdown", "-o", "{d}/m.md"), ["m.md", "m.bib"]),
    (("export", "note", "--no-pages", "-t", "energy", "-o", "{d}/sub/t.md"), ["sub/t.md"]),
    (("export", "bib", "-o", "{d}/r.bib"), ["r.bib"]),
    (("export", "bib", "--as-stored", "-p", KEY, "-o", "{d}/one.bib"), ["one.bib"]),
    (("export", "csl-json", "-o", "{d}/r.json"), ["r.json"]),
    (("graph", "export", "-f", "dot", "-o", "{d}/g.dot"), ["g.dot"]),
    (("graph", "export", "-f", "graphml", "-o", "{d}/g.graphml"), ["g.graphml"]),
]


@pytest.mark.parametrize("args,files", EXPORTS, ids=lambda a: " ".join(a[:3]) if isinstance(a, tuple) else None)
def test_an_export_run_again_says_unchanged_and_leaves_its_files_as_they_were(php, tmp_path, args, files):
    assert run_kb("quote", "add", KEY, GENERATIVE, "-t", "energy").code == 0
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)       # (a folder -o makes is said on the first run alone)
    args = [a.format(d=out) for a in args]
    first = run_kb(*args)
    assert first.code == 0 and first.out == "" and first.err.startswith("kb: wrote "), first.err
    held = aged([out / f for f in files])
    again = run_kb(*args)
    assert again.code == 0 and again.out == ""
    assert again.err == first.err.replace("kb: wrote ", "kb: unchanged ", 1), again.err
    assert "wrote" not in again.err and untouched(held)


def test_an_export_says_which_of_its_files_it_wrote(php, tmp_path):
    assert run_kb("quote", "add", KEY, GENERATIVE).code == 0
    note, bib = tmp_path / "m.md", tmp_path / "m.bib"
    assert run_kb("export", "note", "-f", "markdown", "-o", note).code == 0
    held = aged([note, bib])
    # another quote of the same paper: the note changes, its .bib (the same one entry) does not
    assert run_kb("claim", "add", KEY, "11.49 kWh", "--quote", IMAGE_QUOTE).code == 0
    assert run_kb("quote", "add", KEY, IMAGE_QUOTE).code == 0
    r = run_kb("export", "note", "-f", "markdown", "-o", note)
    assert r.code == 0 and r.err == f"kb: wrote {note}; unchanged {bib}: 2 quotes, 1 reference\n", r.err
    assert note.read_bytes() != held[note] and untouched({bib: held[bib]})
    # a file changed by hand is refused as before, never taken for kb's own unchanged export
    note.write_text(note.read_text() + "my own line\n")
    r = run_kb("export", "note", "-f", "markdown", "-o", note)
    assert r.code == 2 and "changed after kb wrote it" in r.err


@pytest.mark.parametrize("saved,text", [
    (b"a\nb\n", "a\nb\n"),
    (b"a\r\nb\r\n", "a\nb\n"),                      # CRLF kept: what write_text would write is what is there
    (b"a\rb\r", "a\nb\n"),
    (b"\xef\xbb\xbfa\nb\n", "a\nb\n"),              # a byte-order mark kept
    ("\ufeffa\nb\n".encode("utf-16-le"), "a\nb\n"),
    ("zoë\n".encode("utf-8"), "zoë\n"),
    (b"", ""),
])
def test_write_changed_leaves_a_file_holding_what_it_would_write(tmp_path, saved, text):
    path = tmp_path / "f.txt"
    path.write_bytes(saved)
    os.utime(path, ns=(OLD_NS, OLD_NS))
    assert write_changed(path, text) is False
    assert path.read_bytes() == saved and path.stat().st_mtime_ns == OLD_NS


@pytest.mark.parametrize("saved,text,after", [
    (b"a\nb\n", "a\nb", b"a\nb"),                     # one byte fewer
    (b"a\nb\n", "a\nc\n", b"a\nc\n"),                 # one byte other, the same size
    (b"a\r\nb\r\n", "a\nc\n", b"a\r\nc\r\n"),
    ("zoe\u0308\n".encode(), "zoë\n", "zoë\n".encode()),   # another Unicode form is other bytes
    (None, "new\n", b"new\n"),                        # no file yet
])
def test_write_changed_writes_what_differs(tmp_path, saved, text, after):
    path = tmp_path / "f.txt"
    if saved is not None:
        path.write_bytes(saved)
        os.utime(path, ns=(OLD_NS, OLD_NS))
    assert write_changed(path, text) is True
    assert path.read_bytes() == after and path.stat().st_mtime_ns != OLD_NS


@pytest.mark.parametrize("done,said", [
    ([("a.md", True)], "wrote a.md"),
    ([("a.md", False)], "unchanged a.md"),
    ([("a.md", True), ("a.bib", True)], "wrote a.md, a.bib"),
    ([("a.md", False), ("a.bib", False)], "unchanged a.md, a.bib"),
    ([("a.md", True), ("a.bib", False)], "wrote a.md; unchanged a.bib"),
    ([("a.md", False), ("a.bib", True)], "wrote a.bib; unchanged a.md"),
])
def test_files_said(done, said):
    assert files_said([(Path(p), w) for p, w in done]) == said
