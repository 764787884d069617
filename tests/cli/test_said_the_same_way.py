"""The CLI says what it did the same way every time: an empty listing is one 'kb: no ...' line on stderr, exit 0,
nothing on stdout ([] with --json); a claim is named by one name, KEY.ID with '-' as '_', the name `kb claims`
lists, a check's expr uses and `kb claim rm` takes, on stdout and stderr alike."""

from __future__ import annotations

import json
import re

import pytest
from kbcache import from_template
from kbrun import run_kb

BIB = """@article{doe2019wind,
  title = {Wind Power at Scale},
  author = {Doe, Jane},
  year = {2019},
}
@article{roe2020sun,
  title = {Sun},
  author = {Roe, Ann},
  year = {2020},
}
"""

PAGES = ["Wind Power at Scale. Jane Doe.",
         "Training the model took 120 hours on 8 GPUs. The farm produced 5 MWh per day in winter."]


@pytest.fixture
def one(kb_root, tmp_path):
    def build():
        (kb_root / "references.bib").write_text(BIB)
        source = tmp_path / "pages.json"
        source.write_text(json.dumps(PAGES))
        r = run_kb("text", "load", "doe2019wind", str(source))
        assert r.code == 0, r.err
        source.write_text(json.dumps(["Sun. Ann Roe.", "The sun is bright and warm."]))       # no figure
        assert run_kb("text", "load", "roe2020sun", str(source)).code == 0
    return from_template("said-the-same-way", kb_root, build)


#: Listings and reports with nothing to list, in a knowledge base holding one paper and no quote, claim or check.
EMPTY = [
    (("quote", "ls"), "no quotes stored"),
    (("quote", "ls", "-t", "energy"), "no quotes match"),
    (("claims",), "no claims yet"),
    (("claims", "--paper", "doe2019wind"), "no claims match"),
    (("claims", "--unit", "kWh"), "no claims match"),
    (("claims", "--unreviewed"), "no candidates awaiting review: kb claims extract CITEKEY"),
    (("ls", "--tag", "energy"), "no papers match"),
    (("ls", "--year", "1990"), "no papers match"),
    (("search", "zebrafish"), "no matches"),
    (("check",), "no checks: add [[check]] tables (stated, expr) to claims/*.toml"),
    (("verify",), "no quotes or claims stored: nothing to verify"),
    (("graph", "missing"), "no references to works outside the knowledge base"),
    (("audit",), "no restatements: no paper attributes a figure to another paper here (--judged lists those judged "
                 "already)"),
    (("audit", "--judged"), "no restatements: no paper attributes a figure to another paper here"),
    (("claims", "extract", "roe2020sun"), "no candidates in roe2020sun awaiting review: its text holds no number "
                                          "with a unit that is not a claim or dismissed already"),
]


@pytest.mark.parametrize("args, said", EMPTY, ids=[" ".join(a) for a, _ in EMPTY])
def test_an_empty_listing_is_one_line_on_stderr_and_nothing_on_stdout(one, args, said):
    r = run_kb(*args)
    assert (r.code, r.out, r.err) == (0, "", f"kb: {said}\n")
    if args[0] == "graph":
        return
    r = run_kb(*args, "--json")
    assert (r.code, r.json, r.err) == (0, [], "")


def test_extract_run_again_after_every_candidate_is_dismissed_says_none_await(one):
    r = run_kb("claims", "extract", "doe2019wind", "--json")
    assert r.code == 0 and len(r.json) >= 2
    assert run_kb("claims", "dismiss", *[str(c["id"]) for c in r.json]).code == 0
    r = run_kb("claims", "extract", "doe2019wind")
    assert (r.code, r.out) == (0, "") and r.err.startswith("kb: no candidates in doe2019wind awaiting review")
    r = run_kb("claims", "--unreviewed")
    assert (r.code, r.out) == (0, "") and r.err.startswith("kb: no candidates awaiting review")


@pytest.mark.parametrize("args, word, meant", [
    (("claim", "remove", "x"), "remove", "rm"), (("claim", "delete", "x"), "delete", "rm"),
    (("quote", "del", "x"), "del", "rm"), (("quote", "list"), "list", "ls"), (("list",), "list", "ls"),
    (("remove", "x"), "remove", "rm"), (("find", "wind"), "find", "search"), (("info", "k"), "info", "show"),
    (("quote", "new", "x"), "new", "add"), (("claim", "create", "x"), "create", "add"), (("quote", "lst"), "lst", "ls")])
def test_a_word_for_a_command_is_refused_naming_the_command(kb_root, args, word, meant):
    r = run_kb(*args)
    assert r.code == 2 and r.out == "" and f"No such command '{word}'; did you mean '{meant}'?" in r.err, r.err
    assert r.err.count("\n") == 1


@pytest.mark.parametrize("args", [("graph", "list"), ("claims", "remove", "3"), ("quote", "zzz")])
def test_a_word_naming_no_command_of_the_group_suggests_none_of_another(kb_root, args):
    r = run_kb(*args)
    assert r.code == 2 and r.out == "" and "did you mean" not in r.err and "its commands: " in r.err


def test_no_papers_yet_names_what_to_type_next(kb_root):
    r = run_kb("ls")
    assert (r.code, r.out) == (0, "") and r.err.startswith("kb: no papers yet: kb add ")
    assert run_kb("ls", "--json").json == []


def test_a_listing_with_rows_says_nothing_on_stderr(one):
    assert run_kb("claim", "add", "doe2019wind", "120 hours", "-q", "Training the model took 120 hours on 8 GPUs.",
                  "--id", "train-time").code == 0
    for args in (("claims",), ("ls",), ("search", "wind")):
        r = run_kb(*args)
        assert r.code == 0 and r.out and r.err == "", (args, r.out, r.err)


@pytest.mark.parametrize("claim_id, name", [("train-time", "train_time"), ("gpu-hours-total", "gpu_hours_total"),
                                            ("a_b-c", "a_b_c")])
def test_a_claim_is_named_one_way_by_every_command(one, claim_id, name):
    quote = "Training the model took 120 hours on 8 GPUs."
    full = f"doe2019wind.{name}"
    r = run_kb("claim", "add", "doe2019wind", "120 hours", "-q", quote, "--id", claim_id)
    assert r.code == 0 and r.out.startswith(f"stored {full} = 120 hours"), r.out + r.err
    r = run_kb("claim", "add", "doe2019wind", "120 hours", "-q", quote, "--id", claim_id, "-t", "compute")
    assert r.code == 0 and r.out.split()[1:3] == [full, "="], r.out
    assert r.err == f"kb: {full} was stored already: added topic compute\n"
    assert run_kb("claims").out.split()[0:2] == ["claim", "figure"]
    assert full in run_kb("claims").out.splitlines()[1].split()
    r = run_kb("verify")
    assert r.code == 0 and f"ok         claim {full}  " in r.out, r.out
    assert run_kb("verify", "--json").json[0]["id"] == claim_id      # the JSON keeps the id as stored
    # another figure under its id: refused naming the claim as it is listed
    r = run_kb("claim", "add", "doe2019wind", "8 GPUs", "-q", quote, "--id", claim_id)
    assert r.code == 2 and r.out == "" and r.err.startswith(f"kb: error: claim {full} is stored with another "), r.err
    r = run_kb("claim", "rm", full)
    assert (r.code, r.out, r.err) == (0, f"removed {full}\n", "")
    assert run_kb("claims", "--json").json == []


def test_a_claim_removed_by_its_id_as_the_file_writes_it_is_said_by_its_listed_name(one):
    assert run_kb("claim", "add", "doe2019wind", "5 MWh", "-q", "The farm produced 5 MWh per day in winter.",
                  "--per", "day", "--id", "winter-output").code == 0
    r = run_kb("claim", "rm", "winter-output")
    assert (r.code, r.out, r.err) == (0, "removed doe2019wind.winter_output\n", "")


def test_a_mistyped_claim_is_refused_naming_the_near_miss(one):
    assert run_kb("claim", "add", "doe2019wind", "120 hours", "-q", "Training the model took 120 hours on 8 GPUs.",
                  "--id", "train-time").code == 0
    r = run_kb("claim", "rm", "doe2019wind.train_tme")
    assert r.code == 2 and r.out == "" and "doe2019wind.train" in r.err and "did you mean" in r.err
    assert r.err.count("\n") == 1 and "Traceback" not in r.err
    assert run_kb("claims", "--json").json[0]["id"] == "train-time"      # nothing removed


#: An option taking one of a few words, given another: one line naming every valid word, and the close one.
CHOICES = [
    (("ls", "--sort", "yeer"), "--sort 'yeer': choose one of bib, year, added, title, citekey; did you mean year?"),
    (("graph", "export", "-f", "grapml", "-o", "-"),
     "--format 'grapml': choose one of graphml, gexf, dot, json; did you mean graphml?"),
    (("export", "note", "-f", "mardown"), "--format 'mardown': choose one of note, markdown, json; did you mean markdown?"),
    (("export", "note", "--anchor", "Slug"), "--anchor 'Slug': choose one of citekey, slug; did you mean slug?"),
    (("text", "extract", "doe2019wind", "--extractor", "pdfum"),
     "--extractor 'pdfum': choose one of pdfium, pypdf, both; did you mean pdfium?"),
    (("add", "nosuch.pdf", "--offline", "--extractor", "tesseract"),
     "--extractor 'tesseract': choose one of pdfium, pypdf, both"),
    (("audit", "--accept", "x", "--verdict", "confrimed"),
     "--verdict 'confrimed': choose one of confirmed, differs, not-in-source; did you mean confirmed?"),
    (("audit", "--only", "differs,diffaccording"), "--only 'diffaccording': choose one of confirmed, differs, "
                                                     "not-in-source"),
    (("ls", "--sort", "newest"), "--sort 'newest': choose one of bib, year, added, title, citekey"),
]


@pytest.mark.parametrize("args, said", CHOICES, ids=[" ".join(a) for a, _ in CHOICES])
def test_an_unknown_choice_is_refused_in_one_line_naming_the_valid_ones(kb_root, args, said):
    r = run_kb(*args)
    assert (r.code, r.out, r.err) == (2, "", f"kb: error: {said}\n")


def test_a_valid_choice_is_taken(one):
    assert run_kb("ls", "--sort", "year", "--json").code == 0
    assert run_kb("graph", "export", "-f", "json", "-o", "-").code == 0


def _versions(obj) -> list:
    """Every value of a "version" key in a JSON document."""
    if isinstance(obj, dict):
        return [v for k, v in obj.items() if k == "version"] + [x for v in obj.values() for x in _versions(v)]
    if isinstance(obj, list):
        return [x for v in obj for x in _versions(v)]
    return []


def test_a_paper_of_no_version_has_version_null_in_every_json(one, tmp_path):
    """Its text loaded with no --version: kb ls said null, kb quote add, kb text show, kb claims extract ''."""
    quote = "Training the model took 120 hours on 8 GPUs."
    outputs = [run_kb("quote", "add", "doe2019wind", quote, "--page", "2", "--json"),
               run_kb("quote", "add", "doe2019wind", "Training the model took 121 hours on 8 GPUs.", "--json"),
               run_kb("claim", "add", "doe2019wind", "120 hours", "-q", quote, "--id", "hours", "--json"),
               run_kb("text", "show", "doe2019wind", "--json"),
               run_kb("claims", "extract", "doe2019wind", "--json"),
               run_kb("claims", "--unreviewed", "--json"),
               run_kb("ls", "--json"), run_kb("show", "doe2019wind", "--json"), run_kb("quote", "ls", "--json"),
               run_kb("claims", "--json"), run_kb("verify", "--json"), run_kb("export", "note", "-f", "json")]
    assert [r.code for r in outputs] == [0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [r.err for r in outputs]
    for r in outputs:
        assert r.json is not None and "" not in _versions(r.json), r.out
    assert outputs[0].json["version"] is None and outputs[1].json["closest"]["page"] == 2
    assert outputs[3].json["version"] is None and {c["version"] for c in outputs[4].json} == {None}
    assert outputs[6].json[0]["version"] is None


def test_an_added_paper_of_no_version_is_said_with_version_null():
    from kb.ops.papers import AddResult

    assert AddResult("doe2019wind", "added", version="").to_dict()["version"] is None
    assert AddResult("doe2019wind", "added", version="v2").to_dict()["version"] == "v2"


def _json_options() -> dict[str, str]:
    """Every command's --json help, by its words ('quote ls'), as --help prints it."""
    from kb.cli.app import COMMANDS, family_command

    found = {}

    def walk(command, words):
        for sub, c in (getattr(command, "commands", None) or {}).items():
            walk(c, words + [sub])
        for p in command.params:
            if "--json" in getattr(p, "opts", []):
                found[" ".join(words)] = " ".join(p.help.split())

    for name in COMMANDS:
        walk(family_command(name), [name])
    return found


def _keys_said(help_text: str) -> tuple[list[str], bool]:
    """The keys the first {...} of a --json help names, and whether it names them all (no '...')."""
    import re

    named = re.search(r"\{([^{}]*?)(?:[:{][^}]*\}?)?\}", help_text).group(1)
    keys = [k.strip() for k in named.split(",")]
    return [k for k in keys if k != "..."], "..." not in keys


def test_every_json_option_says_its_shape():
    options = _json_options()
    assert {"ls", "show", "quote ls", "claims", "verify", "search", "where", "graph", "doctor"} <= set(options)
    for words, text in options.items():
        assert "{" in text and "}" in text, f"kb {words} --json: {text}"
        keys, _ = _keys_said(text)
        assert keys and all(re.fullmatch(r"[a-z0-9_]+", k) for k in keys), (words, keys)


@pytest.mark.parametrize("args", [("where",), ("ls",), ("show", "doe2019wind"), ("text", "show", "doe2019wind"),
                                  ("quote", "ls"), ("claims",), ("claims", "extract", "doe2019wind"), ("verify",),
                                  ("search", "wind"), ("graph",), ("graph", "show", "doe2019wind"),
                                  ("graph", "path", "doe2019wind", "roe2020sun"), ("doctor",), ("tag", "doe2019wind", "+x"),
                                  ("rm", "roe2020sun", "--dry-run")],
                         ids=lambda a: " ".join(a))
def test_the_keys_a_json_help_names_are_those_printed(one, args):
    assert run_kb("quote", "add", "doe2019wind", "Training the model took 120 hours on 8 GPUs.").code == 0
    assert run_kb("claim", "add", "doe2019wind", "5 MWh", "-q", "The farm produced 5 MWh per day in winter.",
                  "--per", "day", "--id", "winter").code == 0
    words = " ".join(a for a in args if a not in ("doe2019wind", "roe2020sun", "wind", "+x", "--dry-run"))
    keys, whole = _keys_said(_json_options()[words])
    r = run_kb(*args, "--json")
    assert r.code in (0, 1) and r.json, (r.code, r.err)
    printed = r.json[0] if isinstance(r.json, list) else r.json
    assert set(keys) <= set(printed), set(keys) - set(printed)
    if whole:
        assert set(keys) == set(printed), set(printed) - set(keys)


@pytest.mark.parametrize("unit, meant", [("kwhh", "kWh"), ("tco2ee", "tCO2e"), ("gco2", "gCO2e")])
def test_an_unknown_unit_in_another_case_is_offered_its_spelling(kb_root, unit, meant):
    r = run_kb("claims", "--unit", unit)
    assert r.code == 2 and r.out == "" and r.err.count("\n") == 1 and f"(did you mean {meant}" in r.err, r.err


def test_a_unit_near_no_spelling_is_offered_a_user_unit(kb_root):
    r = run_kb("claims", "--unit", "zqj/kWh")
    assert r.code == 2 and "did you mean" not in r.err and "define it as a user unit" in r.err, r.err
