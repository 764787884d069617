"""What a new user meets at the command line: one line for a refusal, counts said as a person
would, a search that finds nothing said as an answer."""

from __future__ import annotations

import pytest
from kbrun import run_kb

BIB = """@article{doe2019wind,
  title = {Wind power at scale},
  author = {Doe, Jane},
  year = {2019}
}

@article{roe2020sun,
  title = {Sun power over the years},
  author = {Roe, Rick},
  year = {2020}
}
"""


@pytest.fixture
def two(kb_root):
    (kb_root / "references.bib").write_text(BIB)
    return kb_root


@pytest.mark.parametrize("a, b", [("doe2019wind", "roe2020sun"), ("roe2020sun", "doe2019wind")])
def test_no_citation_path_is_an_answer_not_a_failed_check(two, a, b):
    r = run_kb("graph", "path", a, b)
    assert (r.code, r.out, r.err) == (0, "", f"kb: no citation path between {a} and {b}\n")
    r = run_kb("graph", "path", a, b, "--json")
    assert r.code == 0 and r.json["path"] is None


PAGES = ["We find that the turbine rated power is 3.5 MW at hub height. Training used 25 kWh per run.",
         "Second page says energy use grew by 40 percent in 2019."]


@pytest.fixture
def wind(two, tmp_path):
    import json

    (tmp_path / "p.json").write_text(json.dumps(PAGES))
    assert run_kb("text", "load", "doe2019wind", tmp_path / "p.json").code == 0
    return two


def _stdin(monkeypatch, text: str) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8"))


@pytest.mark.parametrize("args, piped, stored", [
    (("quote", "add", "doe2019wind", "-"), "the turbine rated power is 3.5 MW\n", "the turbine rated power is 3.5 MW"),
    (("claim", "add", "doe2019wind", "25 kWh", "--per", "run", "--quote", "-"), "Training used 25 kWh per run.\n",
     "Training used 25 kWh per run."),
])
def test_a_dash_given_for_a_text_reads_it_from_stdin(wind, monkeypatch, args, piped, stored):
    _stdin(monkeypatch, piped)
    r = run_kb(*args)
    assert r.code == 0, r.err
    assert f'"{stored}"' in (wind / "claims" / "doe2019wind.toml").read_text()


def test_stdin_is_read_once_for_one_text(wind, monkeypatch):
    _stdin(monkeypatch, "the turbine rated power is 3.5 MW\n")
    r = run_kb("quote", "add", "doe2019wind", "-", "--note", "-")
    assert r.code == 2 and r.err.count("\n") == 1 and "only one of the quote and the --note" in r.err, r.err


@pytest.mark.parametrize("typed, kept", [
    ('"the turbine rated power is 3.5 MW"', "the turbine rated power is 3.5 MW"),
    ("\u201cWe find that the turbine\u201d", "We find that the turbine"),
    ("\u00abthe turbine rated power\u00bb", "the turbine rated power"),
])
def test_a_quote_typed_between_quote_marks_is_stored_without_them(wind, typed, kept):
    r = run_kb("quote", "add", "doe2019wind", typed, "--json")
    assert r.code == 0 and r.json["text"] == kept, (r.out, r.err)
    assert "left out the " in r.err and r.err.count("\n") == 1


def test_a_claims_quote_typed_between_quote_marks_is_stored_without_them(wind):
    r = run_kb("claim", "add", "doe2019wind", "25 kWh", "--per", "run", "-q", "'Training used 25 kWh per run.'",
               "--json")
    assert r.code == 0 and r.json["quote"] == "Training used 25 kWh per run.", (r.out, r.err)


@pytest.mark.parametrize("typed", ['"a" and "b"', "'the models' power'", '"x." said he', "plain \"inner\" marks"])
def test_quote_marks_that_enclose_no_whole_text_are_kept(typed):
    from kb.text.typed import enclosing_marks

    assert enclosing_marks(typed) == (typed, "")


def test_a_count_of_one_is_said_in_the_singular(two, tmp_path):
    import json

    (tmp_path / "one.json").write_text(json.dumps(PAGES[:1]))
    r = run_kb("text", "load", "doe2019wind", tmp_path / "one.json")
    assert r.code == 0 and r.out.strip() == "loaded 1 page into doe2019wind", r.out
    assert run_kb("quote", "add", "doe2019wind", "the turbine rated power is 3.5 MW").code == 0
    r = run_kb("verify")
    assert r.code == 0 and "\n1 quote: 1 ok" in "\n" + r.out, r.out
    r = run_kb("export", "bib", "--paper", "doe2019wind", "-o", tmp_path / "out.bib")
    assert r.code == 0 and r.err.endswith(": 1 entry\n"), r.err


@pytest.mark.parametrize("n, noun, said", [(1, "entry", "1 entry"), (2, "entry", "2 entries"), (0, "quote", "0 quotes"),
                                           (1, "key", "1 key"), (3, "key", "3 keys"), (2, "match", "2 matches"),
                                           (2, "cached source", "2 cached sources"), (2, "PDF", "2 PDFs")])
def test_counted_nouns(n, noun, said):
    from kb.text.display import counted

    assert counted(n, noun) == said


@pytest.mark.parametrize("n", [1, 12])
def test_import_names_the_keys_it_added_and_json_gives_all(kb_root, tmp_path, n):
    bib = "".join(f"@misc{{k{i:02d}x2020,\n  title = {{Work number {i}}},\n  year = {{2020}}\n}}\n\n" for i in range(n))
    (tmp_path / "in.bib").write_text(bib)
    r = run_kb("import", tmp_path / "in.bib")
    assert r.code == 0, r.err
    named = ", ".join(f"k{i:02d}x2020" for i in range(min(n, 10)))
    assert r.out.splitlines()[0] == "added: " + named + (f", and {n - 10} more" if n > 10 else ""), r.out
    assert r.out.splitlines()[-1].startswith(f"{n} added, 0 updated")
    (tmp_path / "in.bib").write_text(bib.replace("Work number 0}", "Work number 0},\n  note = {x}"))
    r = run_kb("import", tmp_path / "in.bib", "--fill", "--json")
    assert r.code == 0 and r.json["updated"] == ["k00x2020"] and len(r.json["unchanged"]) == n - 1, r.out


@pytest.mark.parametrize("args", [("quote", "add", "doe2019wind", "the turbine rated power is 4.5 MW"),
                                  ("claim", "add", "doe2019wind", "4.5 MW", "-q", "the turbine rated power is 4.5 MW")])
def test_a_quote_not_found_is_one_line_and_its_details_asked_for(wind, args):
    r = run_kb(*args)
    assert r.code == 2 and r.err.count("\n") == 1 and r.out == "", r.err
    assert "not found in doe2019wind: closest on page 1, differs: 4.5 -> 3.5" in r.err, r.err
    r = run_kb(*args, "--verbose")
    assert r.code == 2 and r.err.splitlines()[1:] == ['  closest, page 1: "the turbine rated power is 3.5 MW"'], r.err
    r = run_kb(*args, "--json")
    assert r.code == 2 and r.err.count("\n") == 1
    assert r.json["closest"] == {"page": 1, "passage": "the turbine rated power is 3.5 MW",
                                 "differs": "differs: 4.5 -> 3.5"}
    assert not (wind / "claims" / "doe2019wind.toml").exists()


@pytest.mark.parametrize("expr", ["doe2019wind.run_energy * 3 widgets", "doe2019wind.run_energy / frobnitz"])
def test_an_unknown_unit_in_a_checks_expression_says_where_units_are_defined(wind, expr):
    assert run_kb("claim", "add", "doe2019wind", "25 kWh", "--per", "run", "--id", "run_energy",
                  "-q", "Training used 25 kWh per run.").code == 0
    (wind / "claims" / "checks.toml").write_text(f'[[check]]\nid = "c"\nexpr = "{expr}"\nstated = "75 kWh"\n')
    r = run_kb("check")
    word = expr.split()[-1]
    assert r.code == 1 and f"if {word} is a unit, define it in the [units] table of claims/checks.toml" in r.out, r.out
    # a claim's name misspelt is still said as one, with the names it may mean
    (wind / "claims" / "checks.toml").write_text('[[check]]\nid = "c"\nexpr = "doe2019wind.run_enrgy"\n'
                                                 'stated = "25 kWh"\n')
    r = run_kb("check")
    assert "did you mean doe2019wind.run_energy?" in r.out and "[units]" not in r.out, r.out
