"""Red-team sweep 44: what a network record (Crossref's JSON, arXiv's Atom) can make kb write into
references.bib: its text as text, never a brace, a comment or a command."""

from __future__ import annotations

import json
import re

import pytest
from bibtools import bibtexparser2_fields, pybtex_fields
from kbrun import run_kb

HOSTILE = ["Smith\\", "a \\ b", "a\\\\", "x} , note = {y", "x}\n}\n@misc{evil,\n title = {pwn", "a \\{ b",
           "\\input{/etc/passwd}", "\\immediate\\write18{rm -rf x}", "\\csname foo\\endcsname", "$5 cost", "x $ y",
           "snake_case", "x^2", "a~b", "40% of C# @misc{q,", "\ufeffa\u202eb\u2066c", "a\u2028b", "Doe and Roe",
           "Doe, Jr", "\\in\x00put{/etc/passwd}"]


def _shown(value: str) -> str:
    """The record's text as kb shows it: an escaped brace (arXiv's TeX) is the brace; invisible formatting none."""
    return " ".join(value.replace("\\{", "{").replace("\ufeff", "").replace("\u202e", "").replace("\u2066", "")
                    .replace("\x00", "").split())


def _readings(meta):
    from kb.sources.bibtex import render_entry
    from kb.text.latex import latex_to_text

    text = "@misc{keep,\n  title = {Keep}\n}\n" + render_entry("k", meta.entry_type, meta.bib_fields())
    fields = bibtexparser2_fields(text)
    assert pybtex_fields(text)["keep"] == fields["keep"] == {"title": "Keep"}
    assert {k: v for k, v in pybtex_fields(text)["k"].items() if k != "author"} == \
        {k: v for k, v in fields["k"].items() if k != "author"}
    return {k: latex_to_text(v) for k, v in fields["k"].items()}


@pytest.mark.parametrize("value", HOSTILE)
def test_a_crossref_records_text_is_written_as_that_text(value):
    """'Smith\\' was written {Smith\\}, which escapes its closing brace for bibtexparser 2 (the file
    unreadable), \\input{...} a command LaTeX ran and kb showed as nothing, '$5' the start of math."""
    from kb.sources.metadata import from_crossref
    from kb.text.names import split_names

    meta = from_crossref({"title": [value], "type": "journal-article", "container-title": [value],
                          "author": [{"family": value, "given": "Jane"}, {"name": value}],
                          "URL": "https://x.org/a\\" if "\\" in value else None})
    read = _readings(meta)
    assert read["title"] == read["journal"] == _shown(value)
    assert not re.search(r"(?<!\\)[_^]|~", meta.bib_fields()["title"])       # LaTeX prints them as text
    from kb.text.latex import latex_to_text
    assert [latex_to_text(n) for n in split_names(meta.bib_fields()["author"])] == \
        [f"{_shown(value)}, Jane", _shown(value)]
    assert "url" not in read


@pytest.mark.parametrize("value", ["Smith\\", "a \\ b", "a \\{ b", "\\input{/etc/passwd}", "\\csname foo\\endcsname",
                                   "a~b", "snake_case"])
def test_an_arxiv_records_text_is_written_as_that_text_and_its_math_and_accents_kept(value):
    from fakearxiv import atom_entry, atom_feed

    from kb.sources.arxiv import parse_feed
    from kb.sources.metadata import from_arxiv

    tex = " $\\alpha$-stable \\\"{o} $x_1^2$ \\emph{a}"
    record = parse_feed(atom_feed([atom_entry("2301.00001", 1, value + tex, ["Jane " + value])]))[0]
    meta = from_arxiv(record)
    read = _readings(meta)
    assert read["title"] == _shown(value) + " α-stable ö x₁² a"
    assert meta.bib_fields()["title"].endswith(tex)


def test_kb_add_of_a_hostile_crossref_record_keeps_references_bib_readable(kb_root, server):
    from httpserver import Reply

    keep = "@misc{keep2019,\n  title = {Keep Me},\n  year = {2019}\n}\n"
    (kb_root / "references.bib").write_text(keep)
    server.routes["/doi/10.5555/h.1"] = Reply(406, b"no")
    server.routes["/crossref/works/10.5555/h.1"] = Reply(200, json.dumps({"message": {
        "DOI": "10.5555/h.1", "title": ["\\input{/etc/passwd} x}\n@misc{evil,"], "type": "journal-article",
        "author": [{"family": "Smith\\", "given": "Jane"}], "issued": {"date-parts": [[2020]]}}}).encode(),
        {"Content-Type": "application/json"})
    r = run_kb("add", "doi:10.5555/h.1")
    assert r.code == 0, r.err
    text = (kb_root / "references.bib").read_text()
    assert text.startswith(keep) and set(bibtexparser2_fields(text)) == set(pybtex_fields(text)) == \
        {"keep2019", "smith2020x"}
    shown = run_kb("show", "--json", "smith2020x").json
    assert shown["title"] == "\\input{/etc/passwd} x} @misc{evil," and shown["authors"] == ["Smith\\, Jane"]


# -- a read-only knowledge base whose files changed: a write is refused in one line ----------------------------

@pytest.mark.parametrize("args", [("tag", "alpha2020", "x"), ("rm", "alpha2020"),
                                  ("quote", "add", "alpha2020", "Wind", "--force")])
def test_a_write_to_a_read_only_knowledge_base_whose_files_changed_is_refused_in_one_line(tmp_path, monkeypatch,
                                                                                         args):
    """It said 'the knowledge base is read-only here and its files changed ...: what kb shows may be out of
    date' and then the refusal: two lines, where a script reads one. A reader still hears the warning."""
    import subprocess

    src, view = tmp_path / "src", tmp_path / "view"
    src.mkdir()
    view.mkdir()
    if subprocess.run(["mount", "--bind", str(src), str(view)], capture_output=True).returncode != 0:
        pytest.skip("cannot bind-mount here (needs root and mount rights) to make a read-only knowledge base")
    try:
        root = src / "kb"
        assert run_kb("init", root).code == 0
        (root / "references.bib").write_text("@misc{alpha2020,\n  title = {Wind},\n  year = {2020}\n}\n")
        monkeypatch.setenv("KB_HOME", str(root))
        assert run_kb("ls").code == 0
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], capture_output=True).returncode != 0:
            pytest.skip("cannot remount read-only here")
        (root / "references.bib").write_text("@misc{alpha2020,\n  title = {Wind Power},\n  year = {2020}\n}\n")
        monkeypatch.setenv("KB_HOME", str(view / "kb"))
        r = run_kb(*args)
        assert r.code == 2 and r.err.count("\n") == 1 and "read-only here" in r.err, r.err
        r = run_kb("ls")
        assert r.code == 0 and "what kb shows may be out of date" in r.err and r.err.count("\n") == 1
    finally:
        if subprocess.run(["umount", str(view)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(view)], capture_output=True)


# -- a kb.toml limit that is none: every command opening the knowledge base refuses, naming its line -----------

@pytest.mark.parametrize("value, said", [("'ten'", 'kb.toml:6: limit max_pages = "ten" is text, not a whole number'),
                                         ("true", "kb.toml:6: limit max_pages = true is true or false, not a "
                                                  "whole number"),
                                         ("-1", "kb.toml:6: limit max_pages = -1 must be above 0"),
                                         ("2.5", "kb.toml:6: limit max_pages = 2.5 is not a whole number")])
def test_a_kb_toml_limit_that_is_no_limit_stops_every_command_opening_the_knowledge_base(kb_root, value, said):
    """It was said only by a command indexing a PDF: kb ls, search, check and rebuild went on silently."""
    toml = kb_root / "kb.toml"
    toml.write_text(toml.read_text().replace("max_pages = 2000", f"max_pages = {value}"))
    for args in [("ls",), ("search", "x"), ("check",), ("rebuild",)]:
        r = run_kb(*args)
        assert r.code == 2 and r.err == f"kb: error: {said}\n", (args, r.err)
    text = toml.read_text().replace(f"max_pages = {value}", "max_pages = 2000")
    toml.write_text(text.replace("max_stream_mb = 75", "max_stream_mb = -1"))
    assert run_kb("ls").err == "kb: error: kb.toml:7: limit max_stream_mb = -1 must be above 0\n"


# -- doi.org's BibTeX, and any value kb writes: a backslash closing it, an escaped brace never closed -----------

@pytest.mark.parametrize("title, shown", [("{Smith\\}", "Smith\\"), ('"Smith\\\\"', "Smith"),
                                          ("{\\input{/etc/passwd} \\csname x\\endcsname}",
                                           "\\input{/etc/passwd} \\csname x\\endcsname"),
                                          ("{\\write18{rm -rf x} {\\\"o}ber $\\alpha$}",
                                           "\\write18{rm -rf x} öber α")])
def test_doi_orgs_bibtex_is_written_readable_and_its_unknown_commands_as_text(kb_root, server, title, shown):
    """A title ending in a backslash was written {Smith\\}: bibtexparser 2 read nothing of references.bib past
    it; \\input{...} and \\write18 were written as commands LaTeX runs, and kb showed them as nothing."""
    from httpserver import Reply

    keep = "@misc{keep2019,\n  title = {Keep Me},\n  year = {2019}\n}\n"
    (kb_root / "references.bib").write_text(keep)
    server.routes["/doi/10.5555/t.1"] = Reply(200, f"@article{{x, title = {title}, author = {{Doe, Jane}}, "
                                                   "journal = {J\\}, year = {2020}, doi = {10.5555/t.1}}".encode(),
                                              {"Content-Type": "application/x-bibtex"})
    r = run_kb("add", "doi:10.5555/t.1")
    assert r.code == 0, r.err
    text = (kb_root / "references.bib").read_text()
    read = bibtexparser2_fields(text)
    assert read.keys() == pybtex_fields(text).keys() and len(read) == 2
    key = next(k for k in read if k != "keep2019")
    got = run_kb("show", "--json", key).json
    assert (got["title"], got["venue"]) == (shown, "J\\")


@pytest.mark.parametrize("name, value, written", [("title", "Smith\\", "Smith\\ "), ("note", "a\\\\", "a\\\\ "),
                                                  ("title", "a \\{ b", "a \\textbraceleft{} b"),
                                                  ("note", "a } \\} b", "a \\textbraceright{} \\textbraceright{} b"),
                                                  ("url", "https://x.org/a\\", "https://x.org/a%5C"),
                                                  ("title", "a\\\\%b", "a\\\\\\%b")])
def test_a_value_kb_writes_never_escapes_its_own_closing_brace(name, value, written):
    from kb.sources.bibtex import escape_value

    assert escape_value(name, value) == written
    text = f"@misc{{k,\n  {name} = {{{written}}}\n}}\n@misc{{j,\n  title = {{J}}\n}}\n"
    assert bibtexparser2_fields(text)["j"] == pybtex_fields(text)["j"] == {"title": "J"}


@pytest.mark.parametrize("doi", ["10.5555/x}", "10.5555/x{y", "10.5555/x\\"])
def test_a_doi_references_bib_cannot_hold_as_written_is_never_filed_as_another(kb_root, server, doi):
    """kb add doi:10.5555/x} filed doi = {10.5555/x\\textbraceright{}}, and kb ls showed that DOI."""
    from urllib.parse import quote

    from fakearxiv import atom_entry, atom_feed
    from httpserver import Reply

    from kb.sources.arxiv import parse_feed
    from kb.sources.metadata import from_arxiv

    server.routes[f"/doi/{quote(doi)}"] = Reply(406, b"no")
    server.routes[f"/crossref/works/{quote(doi)}"] = Reply(200, json.dumps({"message": {
        "DOI": doi, "title": ["T"], "type": "journal-article", "issued": {"date-parts": [[2020]]}}}).encode(),
        {"Content-Type": "application/json"})
    r = run_kb("add", f"doi:{doi}")
    assert r.code == 2 and "references.bib cannot hold it as that DOI" in r.err and r.err.count("\n") == 1, r.err
    assert (kb_root / "references.bib").read_text() == ""
    record = parse_feed(atom_feed([atom_entry("2301.00001", 1, "T", ["Jane Doe"], doi=doi)]))[0]
    assert "doi" not in from_arxiv(record).bib_fields()


@pytest.mark.parametrize("title, shown", [("{0,1}-matrices", "{0,1}-matrices"), ("The {RNA} world", "The {RNA} world"),
                                          ("{0,1} and $\\{0,1\\}^n$ \\emph{x}", "{0,1} and {0,1}ⁿ x")])
def test_a_crossref_titles_braces_are_its_characters(title, shown):
    """Crossref's JSON is text: '{0,1}-matrices' was written as BibTeX's group and shown '0,1-matrices'."""
    from kb.sources.metadata import from_crossref

    assert _readings(from_crossref({"title": [title], "type": "journal-article"}))["title"] == shown


@pytest.mark.parametrize("title", ["^^5cinput{/etc/passwd}", "$^^5c$input", "\\in\x07put{/etc/passwd}"])
def test_a_command_spelt_otherwise_in_doi_orgs_bibtex_is_no_command(title):
    """TeX reads ^^5c as a backslash (^^5cinput is \\input), and a control character kb removes after judging
    the commands joined \\in and put into \\input."""
    from kb.sources.bibtex import render_entry
    from kb.sources.metadata import from_bib_fields

    meta = from_bib_fields("article", {"title": title, "doi": "10.5555/t.1"}, origin="doi")
    written = render_entry("k", "article", meta.bib_fields())
    assert "^^" not in written and "\\input" not in written, written


@pytest.mark.parametrize("name", ["x and", "Doe, Jane, Jr, X", "Ann Lee and"])
def test_an_arxiv_author_is_one_name_however_it_is_written(name):
    """arXiv's author 'x and' was written 'x and and Zed, Z' (BibTeX's names split wrong), and
    'Doe, Jane, Jr, X' a name BibTeX refuses (too many commas)."""
    from fakearxiv import atom_entry, atom_feed

    from kb.sources.arxiv import parse_feed
    from kb.sources.bibtex import render_entry
    from kb.sources.metadata import from_arxiv
    from kb.text.latex import latex_to_text
    from kb.text.names import split_names

    meta = from_arxiv(parse_feed(atom_feed([atom_entry("2301.00001", 1, "T", [name, "Z Zed"])]))[0])
    text = render_entry("k", "misc", meta.bib_fields())
    assert pybtex_fields(text)["k"]["author"] == "2 names"
    assert [latex_to_text(n) for n in split_names(meta.bib_fields()["author"])] == [name, "Zed, Z"]


@pytest.mark.parametrize("term", ["\\input{/etc/passwd}", "cs.LG}, note = {x", "cs.LG \\write18{x}"])
def test_an_arxiv_category_that_is_none_is_never_filed(term):
    """arXiv's primary category was written as given into primaryclass, which biblatex prints: a command there ran."""
    from fakearxiv import atom_entry, atom_feed

    from kb.sources.arxiv import parse_feed
    from kb.sources.metadata import from_arxiv

    good = from_arxiv(parse_feed(atom_feed([atom_entry("2301.00001", 1, "T", ["A B"], primary="astro-ph.CO")]))[0])
    assert good.bib_fields()["primaryclass"] == "astro-ph.CO"
    meta = from_arxiv(parse_feed(atom_feed([atom_entry("2301.00001", 1, "T", ["A B"], primary=term)]))[0])
    assert "primaryclass" not in meta.bib_fields()


@pytest.mark.parametrize("title", ["a\\\\$b$", "\\\\$5 and $6"])
def test_a_records_math_is_opened_and_closed_in_pairs(title):
    """'a\\\\$b$' was written a\\textbackslash{}\\$b$: math opened and never closed, which LaTeX refuses."""
    from kb.sources.metadata import from_crossref

    written = from_crossref({"title": [title], "type": "journal-article"}).bib_fields()["title"]
    assert len(re.findall(r"(?<!\\)(?:\\\\)*\$", written.replace("\\textbackslash{}", ""))) % 2 == 0, written


@pytest.mark.parametrize("kind", ["\\input", "xdata", "x@misc"])
def test_doi_orgs_entry_of_a_type_that_is_no_works_is_written_as_misc(server, tmp_path, kind):
    """doi.org's '@\\input{x, title = {T}, ...}' was written '@\\input{doe2020t,' without its title and author."""
    from httpserver import Reply

    from kb.sources import doi
    from kb.sources.bibtex import render_entry
    from kb.sources.net import Client, Settings

    body = f"@{kind}{{x, title = {{T}}, author = {{Doe, J}}, year = {{2020}}, doi = {{10.5555/a.1}}}}"
    server.routes["/doi/10.5555/a.1"] = Reply(200, body.encode(), {"Content-Type": "application/x-bibtex"})
    meta = doi.fetch(Client(tmp_path / "cache", tmp_path / "tmp", Settings.from_env()), "10.5555/a.1")
    text = render_entry("k", meta.entry_type, meta.bib_fields())
    assert text.startswith("@misc{k,") and bibtexparser2_fields(text)["k"]["title"] == "T"


@pytest.mark.parametrize("field", ["ids = {keep2019}", "crossref = {keep2019}", "xdata = {keep2019}",
                                   "related = {keep2019}", "file = {:/etc/passwd:PDF}"])
def test_doi_orgs_bibtex_never_names_another_entry_or_a_file_here(field):
    """'ids = {keep2019}' was written, so the new paper took keep2019 as its alias; 'crossref = {keep2019}' lent it
    keep2019's journal; 'file = {:/etc/passwd:PDF}' named a file on this machine as its PDF."""
    from kb.sources.metadata import from_bib_fields

    name = field.split(" ")[0]
    meta = from_bib_fields("article", {"title": "T", "doi": "10.5555/a.1", name: field.split("{", 1)[1][:-1]},
                           origin="doi")
    assert name not in meta.bib_fields() and meta.bib_fields()["title"] == "T"


@pytest.mark.parametrize("url, kept", [("\ufeffhttps://x.org/a", False), ("https://x.org/a\u202eb", False),
                                       ("javascript:alert(1)", False), ("Title", False),
                                       ("https://doi.org/10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0",
                                        True)])
def test_a_crossref_url_is_filed_only_as_a_web_address_references_bib_holds(url, kept):
    """A record's URL of invisible characters, or no address at all, was filed and shown as its url."""
    from kb.sources.metadata import from_crossref

    fields = from_crossref({"title": ["T"], "type": "journal-article", "URL": url}).bib_fields()
    assert fields.get("url") == (url if kept else None)
