"""Red-team sweep 42, settings: KB_* environment variables read by one reader each for switches and
numbers, the writer lock's wait as a script sees it, and a DOI record naming another DOI."""

from __future__ import annotations

import json

import pytest
from alphakb import one_error
from httpserver import Reply
from kbrun import run_kb

from kb.atomic import env_flag, lock_timeout
from kb.errors import UsageError
from kb.sources.net import Settings


@pytest.mark.parametrize("value", ["no", "OFF", " False ", "0"])
def test_a_switch_reads_yes_and_no_words_in_any_case(monkeypatch, value):
    """KB_OFFLINE=no turned offline mode on: any text but "0" was yes."""
    monkeypatch.setenv("KB_OFFLINE", value)
    assert Settings.from_env().offline is False
    assert env_flag("KB_OFFLINE") is False
    monkeypatch.setenv("KB_OFFLINE", value.replace("no", "yes").replace("OFF", "ON").replace("False", "TRUE")
                       .replace("0", "1"))
    assert Settings.from_env().offline is True


@pytest.mark.parametrize("name, value", [("KB_PROGRESS", "maybe"), ("KB_PREFETCH", "nah"), ("KB_OFFLINE", "2"),
                                         ("KB_DEBUG", "verbose")])
def test_a_switch_that_is_neither_yes_nor_no_is_refused_by_every_command_in_one_line(kb_root, monkeypatch,
                                                                                     name, value):
    """KB_PROGRESS=maybe, KB_PREFETCH=nah were ignored, KB_OFFLINE=2 was taken as yes, silently."""
    monkeypatch.setenv(name, value)
    one_error(run_kb("ls"), f"{name}={value!r} is neither yes nor no")


@pytest.mark.parametrize("name, value, said", [
    ("KB_ARXIV_DELAY", "9e8", "longer than kb ever waits on a server (at most 3,600 s)"),
    ("KB_MAX_RETRY_AFTER", "86400", "longer than kb ever waits on a server"),
    ("KB_TOTAL_TIMEOUT", "5e5", "longer than kb ever waits on a server"),
    ("KB_RETRIES", "2.5", "is not a whole number"),
    ("KB_RETRIES", "1e6", "more retries than kb makes (at most 20)"),
])
def test_a_wait_or_count_past_what_kb_ever_does_is_refused_in_one_line(monkeypatch, name, value, said):
    """KB_ARXIV_DELAY=9e8 made kb wait 28 years between two requests; KB_RETRIES=2.5 was 2, silently."""
    monkeypatch.setenv(name, value)
    with pytest.raises(UsageError) as err:
        Settings.from_env()
    assert err.value.message.startswith(f"{name}={value!r} ") and said in err.value.message


def test_a_lock_wait_of_years_is_refused_naming_the_longest(monkeypatch):
    monkeypatch.setenv("KB_LOCK_TIMEOUT", "9e8")
    with pytest.raises(UsageError) as err:
        lock_timeout()
    assert "longer than kb waits for the lock (at most 86,400 s, a day)" in err.value.message
    monkeypatch.setenv("KB_LOCK_TIMEOUT", "86400")
    assert lock_timeout() == 86400


# -- a record of another DOI than the one asked ---------------------------------------------------------------------

def _bib(doi_field: str) -> bytes:
    return (f"@article{{x,\n  title = {{Wind Power}},\n  author = {{Doe, Jane}},\n  year = {{2020}},\n"
            f"  {doi_field}\n}}\n").encode()


def _work(doi_given: str, **more) -> bytes:
    return json.dumps({"message": {"DOI": doi_given, "title": ["Wind Power"], "type": "journal-article",
                                   "author": [{"family": "Doe", "given": "Jane"}],
                                   "issued": {"date-parts": [[2020]]}, **more}}).encode()


@pytest.mark.parametrize("bibtex, crossref", [
    (_bib("doi = {10.5555/OTHER.1}"), None),                        # doi.org's BibTeX, Crossref knows none
    (_bib("url = {https://doi.org/10.5555/other.1}"), None),        # the other DOI as its link
    (None, _work("10.5555/other.1")),                               # Crossref's record, no BibTeX
    (_bib("doi = {10.5555/other.1}"), _work("10.5555/other.1", relation={
        "is-identical-to": [{"id-type": "doi", "id": "10.5555/third", "asserted-by": "subject"}]})),
])
def test_a_record_of_another_doi_is_refused_naming_both_unless_it_declares_the_one_asked_its_alias(
        kb_root, server, bibtex, crossref):
    """Asked for 10.5555/asked.1, a record doi.org or Crossref gave of 10.5555/other.1 was filed as
    the paper of the DOI asked: another work's title and authors, under the DOI the person gave."""
    server.routes["/doi/10.5555/asked.1"] = Reply(200, bibtex, {"Content-Type": "application/x-bibtex"}) \
        if bibtex else Reply(406, b"no BibTeX here")
    server.routes["/crossref/works/10.5555/asked.1"] = Reply(200, crossref, {"Content-Type": "application/json"}) \
        if crossref else Reply(404, b"Resource not found.")
    r = run_kb("add", "doi:10.5555/asked.1")
    assert r.code == 2 and r.err.count("\n") == 1 and "Traceback" not in r.err, r.err
    assert "10.5555/asked.1" in r.err and "10.5555/other.1" in r.err, r.err
    assert run_kb("ls", "--json").json == []
    if bibtex is not None:
        return
    # declared by Crossref the same work as the DOI asked (an alias), the record is the one asked for
    server.routes["/crossref/works/10.5555/asked.1"] = Reply(200, _work("10.5555/other.1", relation={
        "is-identical-to": [{"id-type": "doi", "id": "10.5555/ASKED.1", "asserted-by": "subject"}]}),
        {"Content-Type": "application/json"})
    r = run_kb("add", "doi:10.5555/asked.1", "--refresh")
    assert r.code == 0, r.err
    (paper,) = run_kb("ls", "--json").json
    assert paper["doi"] == "10.5555/other.1", paper


# -- kb.toml keys kb does not know: said once by every command, the rest read -----------------------------------------

@pytest.mark.parametrize("added, named", [
    ("foo = 1\n", "1: unknown key `foo`, not read"),
    ("[limit]\nmax_pages = 5\n", "1: unknown key `limit` (did you mean `limits`?), not read"),
    ("[limits]\nmax_extract_mbs = 5\n", "2: [limits] unknown key `max_extract_mbs` (did you mean `max_extract_mb`?)"),
])
def test_a_kb_toml_key_kb_does_not_know_is_said_once_by_every_command(kb_root, added, named):
    """kb ls, kb search, kb verify said nothing of `foo = 1` in kb.toml; kb add of a PDF refused the whole file."""
    from kb.store.knowledgebase import LIMIT_KEYS

    marker = kb_root / "kb.toml"
    marker.write_text(added + marker.read_text().replace("[limits]\n", "" if "[limits]" in added else "[limits]\n"))
    for argv in (("ls",), ("claims",)):
        r = run_kb(*argv)
        said = [line for line in r.err.splitlines() if "unknown key" in line]
        assert r.code == 0 and len(said) == 1 and said[0].startswith(f"kb: kb.toml:{named}"), r.err
    from dataclasses import fields

    from kb.sources.pdf import Limits
    assert LIMIT_KEYS == {f.name for f in fields(Limits)}


@pytest.mark.parametrize("around", [" {}", "{}\n", "{} "])
def test_a_knowledge_base_path_given_with_white_space_around_says_so(kb_root, monkeypatch, around):
    """KB_HOME=' /path/kb' (pasted) said 'points to  /path/kb, which is not a knowledge base (run: kb init
    /path/kb)': the space unseen, and a knowledge base to be made where there is one."""
    from kb.store.paths import NoKnowledgeBase, find_root

    given = around.format(kb_root)
    with pytest.raises(NoKnowledgeBase) as err:
        find_root(given)
    assert err.value.message == (f"--kb {given!r} begins or ends with white space, so names no folder; {kb_root} "
                                 "is a knowledge base")
    monkeypatch.setenv("KB_HOME", given)
    one_error(run_kb("ls"), f"KB_HOME {given!r} begins or ends", f"KB_HOME={kb_root})")


@pytest.mark.parametrize("name, meant", [("KB_OFLINE", "KB_OFFLINE"), ("KB_MAX_PAGE", "KB_MAX_PAGES")])
def test_a_misspelt_kb_variable_is_said_once_and_an_unrelated_one_left_alone(kb_root, monkeypatch, name, meant):
    """KB_OFLINE=1 left kb online without a word."""
    import re
    from pathlib import Path

    import kb
    from kb.atomic import SETTINGS
    from kb.sources.pdf import Limits

    monkeypatch.setenv(name, "1")
    monkeypatch.setenv("KB_SOMETHING_ELSE", "1")
    r = run_kb("ls")
    assert r.code == 0 and r.err == f"kb: {name} is not a setting kb reads (did you mean {meant}?); it is ignored\n" \
        "kb: no papers yet: kb add arxiv:2311.16863\n"
    if name != "KB_OFLINE":
        return
    read = {m for f in Path(kb.__file__).parent.rglob("*.py") for m in re.findall(r'"(KB_[A-Z0-9_]+)"', f.read_text())}
    assert read | {"KB_" + f.upper() for f in Limits.__dataclass_fields__} == SETTINGS
