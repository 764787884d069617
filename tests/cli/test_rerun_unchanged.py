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
