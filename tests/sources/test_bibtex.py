"""kb's BibTeX reader and writer: read as BibTeX reads it, keep what it does not own."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from budgets import budget
from corpus import corpus_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kbrun import run_kb

from kb.errors import FileFormatError
from kb.sources.bibtex import BibFile, append_owned, cross_check, render_entry

CORPUS_BIBS = ["acl-anthology-2021.naacl-main.208.bib", "acl-anthology-N04-1001.bib",
               "crossref-doi-10.1007_BF01700692.bib", "crossref-doi-10.1007_s00422-012-0514-6.bib",
               "crossref-doi-10.1086_307221.bib", "crossref-doi-10.1186_s12984-017-0305-3.bib",
               "dblp-series-sci-2023-1062.bib", "luccioni2023co2ml.authors-readme.bib", "pagerank.bib",
               "turing1950.bib"]


def _pybtex(text: str) -> dict:
    from pybtex.database.input.bibtex import Parser

    data = Parser().parse_string(text)
    return {k: ({n.lower(): " ".join(str(v).split()) for n, v in e.fields.items()},
                {r: len(p) for r, p in e.persons.items()}) for k, e in data.entries.items()}


def _bibtexparser(text: str) -> dict:
    import bibtexparser

    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks, [b.error for b in lib.failed_blocks]
    return {e.key: {f.key.lower() for f in e.fields} for e in lib.entries}


def test_perlmutter_keeps_title_and_journal():
    text = corpus_path("bibtex", "crossref-doi-10.1086_307221.bib").read_text("utf-8")
    entry = BibFile(text).entries()[0]
    assert entry.fields["title"] == r"Measurements of $\{upOmega}$ and $\{upLambda}$ from 42 High-Redshift Supernovae"
    assert entry.fields["journal"] == "The Astrophysical Journal"


@pytest.mark.corpus
def test_every_corpus_file_imported_and_exported_reads_back_the_same(kb_root, tmp_path):
    originals = {}
    for name in CORPUS_BIBS:
        text = corpus_path("bibtex", name).read_text("utf-8")
        originals.update(_pybtex(text))
        r = run_kb("import", corpus_path("bibtex", name))
        assert r.code == 0, r.err
    bib = (kb_root / "references.bib").read_text("utf-8")
    assert _pybtex(bib) == originals                              # keys kept, every field the same
    for name in CORPUS_BIBS:                                      # byte for byte
        assert corpus_path("bibtex", name).read_text("utf-8").strip() in bib
    out = tmp_path / "all.bib"
    assert run_kb("export", "bib", "--as-stored", "-o", out).code == 0      # the shaped export: test_export_tools
    exported = out.read_text("utf-8")
    assert _pybtex(exported) == originals
    keys = _bibtexparser(exported)
    assert set(keys) == set(originals)
    assert "DBLP:series/sci/2023-1062" in keys
    assert run_kb("doctor").code == 0
    assert "differs from the index" not in run_kb("doctor").out


@pytest.mark.corpus
@pytest.mark.skipif(not shutil.which("bibtex"), reason="classic BibTeX (texlive-binaries) is not on PATH")
def test_classic_bibtex_reads_the_export(kb_root, tmp_path):
    for name in CORPUS_BIBS:
        assert run_kb("import", corpus_path("bibtex", name)).code == 0
    (tmp_path / "refs.bib").write_text((kb_root / "references.bib").read_text("utf-8"))
    (tmp_path / "t.aux").write_text("\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n")
    r = subprocess.run(["bibtex", "t"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "error message" not in r.stdout, r.stdout
    bbl = (tmp_path / "t.bbl").read_text(errors="replace")
    assert bbl.count("\\bibitem") == len(CORPUS_BIBS)
    assert "The Astrophysical Journal" in bbl


def test_kbs_own_entries_pass_biber_datamodel(tmp_path):
    text = render_entry("k2021x", "inproceedings", {
        "title": "A } b \x1b[31m {x", "author": "Smith, J.", "year": "2021", "month": "July",
        "booktitle": "Proc", "version": "3", "eprint": "2101.00001", "archiveprefix": "arXiv",
        "journal-ref": "J 1", "doi": "10.1/x"})
    assert "month = jul," in text and "version" not in text and "eprint = {2101.00001v3}" in text
    assert "\x1b" not in text
    entry = BibFile(text).entries()[0]
    assert set(entry.fields) == {"title", "author", "year", "month", "booktitle", "eprint", "archiveprefix",
                                 "note", "doi"}                # the '}' injected nothing
    cross_check(BibFile(text, "k.bib"))
    if not shutil.which("biber"):
        pytest.skip("biber is not on PATH")
    (tmp_path / "k.bib").write_text(text)
    r = subprocess.run(["biber", "--tool", "--validate-datamodel", "--output-file", str(tmp_path / "o.bib"),
                        str(tmp_path / "k.bib")], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert "WARN" not in r.stdout and "ERROR" not in r.stdout, r.stdout


@pytest.mark.parametrize("text, message", [
    ("@misc{a, title = {x}, Title = {y}}", "field 'Title' twice"),
    ("@misc{a, journal = nomacro}", None),
    ("@string{a = {xxxxxxxxxx}}\n" + "".join(f"@string{{s{i} = {'a' if i == 0 else f's{i-1}'} # "
                                              f"{'a' if i == 0 else f's{i-1}'}}}\n" for i in range(40)),
     "expands to more than"),
    ("@misc{a, title = {Open {brace}, year = 2020}\n@misc{b, title={x}}", "BibTeX syntax error"),
])
def test_hostile_bibtex_is_refused_with_one_line(text, message):
    if message is None:
        assert BibFile(text).entries()[0].undefined == {"journal": ["nomacro"]}
        return
    with pytest.raises(FileFormatError) as exc:
        BibFile(text, "h.bib")
    assert message in str(exc.value) and "\n" not in str(exc.value)


def test_undefined_macro_on_import_names_file_line_and_field(kb_root, tmp_path):
    (tmp_path / "u.bib").write_text("@misc{a,\n  title = {T},\n  journal = nomacro}\n")
    r = run_kb("import", tmp_path / "u.bib")
    assert r.code == 2 and f"{tmp_path / 'u.bib'}:3: " in r.err and "'journal'" in r.err and "nomacro" in r.err


def test_merge_keeps_the_users_key_and_records_an_alias(kb_root, tmp_path):
    (tmp_path / "a.bib").write_text("@article{mine, title={Optimal isn't good enough}, author={Loeb, G.}, "
                                    "year=2012, doi={10.1007/s00422-012-0514-6}}\n")
    (tmp_path / "b.bib").write_text("@article{Loeb_2012, title={Optimal isn't good enough}, author={Loeb, G.}, "
                                    "year=2012, doi={10.1007/s00422-012-0514-6}, volume = {106}}\n")
    run_kb("import", tmp_path / "a.bib")
    r = run_kb("import", tmp_path / "b.bib", "--json")
    assert r.json["aliases"] == {"Loeb_2012": "mine"} and "kept mine" in r.err
    text = (kb_root / "references.bib").read_text()
    assert "ids = {Loeb_2012}" in text and "@article{mine," in text and "Loeb_2012," not in text
    assert run_kb("show", "Loeb_2012", "--json").json["citekey"] == "mine"


def test_zotero_file_fields_attach_pdfs(kb_root, tmp_path):
    from pdfgen import make_pdf

    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "paper.pdf").write_bytes(make_pdf(["First page of the attached paper text."]))
    (tmp_path / "z.bib").write_text("@article{zot2020, title={Attached Paper}, author={Zed, Z.}, year=2020,\n"
                                    "  file = {Full Text PDF:files/paper.pdf:application/pdf;"
                                    "Gone:files/missing.pdf:application/pdf}}\n")
    r = run_kb("import", tmp_path / "z.bib", "--json")
    assert r.code == 0 and r.json["attached"] == ["zot2020: paper.pdf"]
    assert "missing.pdf" in r.err and "not attached" in r.err
    paper = run_kb("show", "zot2020", "--json").json
    assert paper["versions"] and paper["versions"][0]["text_status"] == "ok"


def test_comment_lines_may_hold_an_at_sign():
    text = "% Encoding: UTF-8\n% mail me@example.org\n@misc{a, title={x}, abstract = {first\n% of lines}}\n"
    bib = BibFile(text, "c.bib")
    cross_check(bib)
    assert bib.entries()[0].fields["abstract"] == "first\n% of lines"


def test_file_fields_of_zotero_jabref_and_plain_paths(tmp_path):
    from kb.sources.bibtex import file_paths

    assert file_paths("Full Text PDF:files/12/Smith - 2020.pdf:application/pdf;"
                      "Snapshot:files/13/page.html:text/html", tmp_path) == [
        tmp_path / "files/12/Smith - 2020.pdf", tmp_path / "files/13/page.html"]
    assert file_paths(":papers/a b.pdf:PDF", tmp_path) == [tmp_path / "papers/a b.pdf"]
    assert file_paths("/abs/x.pdf", tmp_path) == [Path("/abs/x.pdf")]
    assert file_paths(r"Scan:dir/semi\;colon\:name.pdf:PDF", tmp_path) == [tmp_path / "dir/semi;colon:name.pdf"]
    assert file_paths("", tmp_path) == []


def test_merging_fields_keeps_the_rest_of_the_entry_byte_for_byte():
    text = '@string{j = "J"}\n\n@article{k,\n    title = "Kept",\n    journal = j,\n    month = jun,\n}\n'
    bib = BibFile(text)
    bib.set_entry("k", "article", {"volume": "3", "title": "Kept"})
    out = bib.render()
    assert out == text.replace("month = jun,", "month = jun,\n    volume = {3},")


# -- kb's own second reading (screen_reading): where it vouches, pybtex agrees ---------------

SCREEN_CASES = {
    "a field name pybtex does not take": "@misc{odd, 9title = {x}}\n",
    "a non-ASCII field name": "@misc{a, t\u00eftle = {x}}\n",
    "a non-ASCII type": "@m\u00efsc{a, title = {x}}\n",
    "an entry in parentheses": "@misc(a, title = {x})\n",
    "a month macro in a note": "@misc{a, note = jun # { 2020}}\n",
    "an '@' in a @comment": "@comment{ mail a@b }\n@misc{a, title={x}}\n",
    "a @comment without braces": "@comment hello\n@misc{a, title={x}}\n",
    "an @string name starting with a digit": "@string{2x = {y}}\n@misc{a, title = {x}}\n",
    "braces nested deeper than pybtex takes": "@misc{a, title = {" + "{" * 101 + "}" * 101 + "}}\n",
}
SCREEN_VOUCHES = {
    "Crossref's escaped brace": "@article{p, title = {Measurements of $\\{upOmega}$ and}, journal = {J}}\n",
    "a month macro": "@misc{a, month = jun}\n",
    "concatenation": '@string{foo = "Foo"}\n@misc{a, title = foo # " and " # {bar}, year = 2020,}\n',
    "a preamble": '@preamble{ "\\newcommand{\\x}{y}" # {z} }\n@misc{a, title={x}}\n',
    "braces in quotes": '@misc{a, title = "a {b "c"} d"}\n',
    "an '@' on a comment line": "% mail me@x\n@misc{a, title={x}}\n",
    "no fields": "@misc{a}\n@misc{b,}\n",
}


@pytest.mark.parametrize("name", SCREEN_CASES)
def test_own_second_reading_leaves_to_pybtex_what_it_cannot_vouch_for(name):
    from kb.sources.bibtex import screen_reading

    bib = BibFile(SCREEN_CASES[name], "c.bib")
    line, why = screen_reading(bib)
    assert line == 1 and why


@pytest.mark.parametrize("name", SCREEN_VOUCHES)
def test_own_second_reading_vouches_where_pybtex_reads_the_same(name):
    from kb.sources.bibtex import screen_reading

    bib = BibFile(SCREEN_VOUCHES[name], "c.bib")
    assert screen_reading(bib) is None
    cross_check(bib)


@pytest.mark.corpus
def test_own_second_reading_vouches_for_every_corpus_file():
    from kb.sources.bibtex import screen_reading

    for name in CORPUS_BIBS:
        bib = BibFile(corpus_path("bibtex", name).read_text("utf-8"), name)
        assert screen_reading(bib) is None, name
        cross_check(bib)


@pytest.mark.corpus
@pytest.mark.parametrize("cut", ["short", "long"])
def test_own_second_reading_catches_a_value_read_wrong(cut):
    # A reader that ends Crossref's title at its escaped brace (as bibtexparser 2 does), or
    # runs a value on into the next field, leaves text the second reading refuses.
    from kb.sources.bibtex import screen_reading

    text = corpus_path("bibtex", "crossref-doi-10.1086_307221.bib").read_text("utf-8")
    bib = BibFile(text, "p.bib")
    entry = bib.entries()[0]
    start, end = entry.spans["title"]
    if cut == "short":
        entry.spans["title"] = (start, text.index("\\{", start) + 2)
    else:
        entry.spans["title"] = (start, entry.spans["journal"][1])
        del entry.spans["journal"]
    line, why = screen_reading(bib)
    assert line == entry.field_lines["title"] and "'title'" in why


OK_PIECES = ["{x}", "{A {B} c}", "{\\{up}}", "{a\\}", '"q"', '"a {"} b"', '""', "{}", "2020", "jun", "foo",
             "{%}", "{@}", "{\u00e9}", "x9", '{"}', "{,}", "{=}", "{#}", "{ a\n b }", "{$\\{upOmega}$}"]
BAD_PIECES = ["9x", "\u00e9", "{", "}", '"', "@", "x y", "{{", "}}", "{}}"]
NAMES = ["title", "note", "month", "Year", "a-b", "x.y", "_", "@x", "9t", "t\u00e9", ""]


@st.composite
def bib_texts(draw):
    """BibTeX made mostly of what both readers take, now and then something only one does."""
    pieces = st.one_of(st.sampled_from(OK_PIECES), st.sampled_from(OK_PIECES), st.sampled_from(OK_PIECES),
                       st.sampled_from(BAD_PIECES))
    out = []
    if draw(st.booleans()):
        out.append(draw(st.sampled_from(['@string{foo = "Foo"}\n', "@string{jun = {Juni}}\n",
                                         '@preamble{"x" # {y}}\n', "@string(foo = {F})\n"])))
    for i in range(draw(st.integers(1, 3))):
        head = draw(st.sampled_from(["@misc{k%d" % i] * 4 + ["@misc(k%d" % i, "@ Misc { k%d" % i, "@9x{k%d" % i,
                                     "@comment{c}@misc{k%d" % i, "@comment{a@b}@misc{k%d" % i,
                                     "%% @x\n@misc{k%d" % i]))
        fields = []
        for n in range(draw(st.integers(0, 3))):
            value = draw(st.sampled_from([" # ", "#", " #\n"])).join(draw(st.lists(pieces, min_size=1, max_size=3)))
            name = draw(st.sampled_from(NAMES[:6] * 3 + NAMES))
            fields.append(f"{name}{n} = {value}" if name else f" = {value}")
        sep = draw(st.sampled_from([", ", ",\n  ", " , "]))
        tail = draw(st.sampled_from(["}"] * 6 + [")", ",}", " ,\n}", "}}", ""]))
        out.append(head + "".join(sep + f for f in fields) + tail + "\n")
    return "".join(out)


@settings(deadline=None, derandomize=True, database=None, max_examples=budget(200, 800),
          suppress_health_check=list(HealthCheck))
@given(bib_texts())
def test_where_the_own_reading_vouches_pybtex_reads_the_same(text):
    from kb.sources.bibtex import screen_reading

    try:
        bib = BibFile(text, "f.bib")
    except FileFormatError:
        return
    if screen_reading(bib) is None:
        cross_check(bib)          # raises FileFormatError if pybtex read it otherwise


@pytest.mark.parametrize("text", [
    "",
    "@misc{a, title={A}}",                                             # no newline at the end
    "@misc{a, title={A}}\n\n% kb-owned: a\n",
    "@misc{a, title={A}}\n% kb-owned: a, gone\n@misc{b, title={B}}\n% kb-owned: b\n\n\n",
    "% kb-owned: a\n@misc{a, note={\n% kb-owned: x\n}}\n",              # a list inside an entry is text
    "".join(f"@misc{{key{i:03d}, title={{T}}}}\n" for i in range(40)) + "% kb-owned: "
    + ", ".join(f"key{i:03d}" for i in range(0, 40, 2)) + "\n",
])
def test_append_owned_writes_what_reading_the_whole_file_writes(text):
    """kb add of a new paper appends its entry and lists it as kb's without reading the
    file's entries: the same text as BibFile's set_entry, mark_owned and render."""
    entry = render_entry("new2024paper", "misc", {"title": "A New Paper", "year": "2024", "month": "6"})
    whole = BibFile(text)
    spans = whole.owned_spans()
    whole.set_entry("new2024paper", "misc", {"title": "A New Paper", "year": "2024", "month": "6"})
    whole.mark_owned("new2024paper")
    want = whole.render()
    got, lines = append_owned(text, spans, entry, sorted(whole.owned_keys()))
    assert got == want
    assert BibFile(got).owned_spans() == lines


def test_adding_paper_after_paper_leaves_one_blank_line_between_blocks():
    """The list of kb's keys grows a line every three keys: a line taken out of it takes its
    line end with it, so blank lines do not pile up (18 of them after 13 papers)."""
    text, spans, keys = "", [], []
    for i in range(13):
        key = f"paper{i:02d}"
        keys.append(key)
        text, spans = append_owned(text, spans, render_entry(key, "misc", {"title": f"T {i}"}), keys)
        assert BibFile(text).owned_spans() == spans
    assert "\n\n\n" not in text
    assert text.count("\n\n") == 13                 # one between each two of 13 entries and the list
    # BibFile's own rewriting (kb import, kb rm) the same
    whole = BibFile(text)
    whole.set_entry("paper99", "misc", {"title": "T 99"})
    whole.mark_owned("paper99")
    again = whole.render()
    assert "\n\n\n" not in again and BibFile(again).owned_keys() == set(keys) | {"paper99"}


# -- where the kb-owned lines land when kb writes the file -----------------------------------

_PART = st.one_of(
    st.builds(lambda k, t, pad: f"@article{{{k},\n  title = {{{t}}},\n  year = {{2020}},\n}}" + pad,
              st.sampled_from(["a1", "b2", "c3", "d4", "e5"]), st.text("abc xyz{}", max_size=30)
              .filter(lambda t: t.count("{") == t.count("}") and "}{" not in t),
              st.sampled_from(["", "\n", "  "])),
    st.builds(lambda ks, lead: f"{lead}% kb-owned: {', '.join(ks)}",
              st.lists(st.sampled_from(["a1", "b2", "c3", "new1", "gone"]), min_size=1, max_size=3),
              st.sampled_from(["", "", "  ", "\t"])),
    st.sampled_from(["% a comment", "", "@string{x = {X}}", "junk text"]),
)
_EDIT = st.one_of(
    st.tuples(st.just("set"), st.sampled_from(["a1", "b2", "c3", "new1", "new2"]), st.text("pq ", max_size=40)),
    st.tuples(st.just("own"), st.sampled_from(["a1", "new1", "new2", None]), st.just("")),
    st.tuples(st.just("raw"), st.sampled_from(["r1", "r2"]), st.sampled_from(["", "% kb-owned: r1"])),
)


@settings(max_examples=budget(150, 600), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PART, max_size=8), st.lists(_EDIT, max_size=5), st.sampled_from(["\n", "\n\n"]))
def test_where_the_owned_lines_land_is_what_reading_the_written_file_finds(parts, edits, sep):
    """render_with_owned says where the `% kb-owned:` lines are in the text it renders, so
    the next kb add appends to the file unread: exactly what reading that text finds, or
    None (never a wrong place), whatever the file and the edits."""
    try:
        bib = BibFile(sep.join(parts), "t.bib")
    except FileFormatError:
        return
    for kind, key, value in edits:
        try:
            if kind == "set":
                bib.set_entry(key, "misc", {"title": value or "T", "year": "2021"})
            elif kind == "own":
                bib.mark_owned(key)
            elif key not in bib.keys():
                bib.append_raw(f"@misc{{{key}, title = {{R}}}}\n{value}".strip(), key)
        except FileFormatError:
            return
    text, spans = bib.render_with_owned()
    assert text == bib.render()
    if spans is not None:
        assert spans == BibFile(text, "t.bib").owned_spans()

