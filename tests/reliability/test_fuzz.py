"""Bad input, fuzzed with hypothesis: identifiers, BibTeX for `kb import`,
claims files, notes, check expressions and search queries.

For each, every input ends in a result or a KBError with a message naming what
was wrong (exit 2, or 0/1 where the command judges), never a traceback, and
nothing a failed command touched is changed. How many inputs each target got
is printed at the end of the module and written to fuzz.json in pytest's base
tmp folder.

Budgets: each target has a CI size (the default, which keeps this module
around 15 s on 2 cores) and a long size (KB_TEST_LONG=1); KB_FUZZ_SCALE
multiplies either, and KB_FUZZ_RANDOM=1 draws new inputs instead of the same
ones every run.
"""

from __future__ import annotations

import builtins
import json
import os
import re
from collections import Counter

import pytest
from budgets import budget
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from kbproc import dump, paper_pages, quote_of
from kbrun import run_kb

from kb.errors import KBError, UsageError

TRIED: Counter = Counter()
# The same inputs every run (CI stays deterministic); KB_FUZZ_RANDOM=1 and
# KB_TEST_LONG=1 or KB_FUZZ_SCALE=10 hunt for new failures.
SCALE = float(os.environ.get("KB_FUZZ_SCALE", "1"))
FAST = settings(deadline=None, suppress_health_check=list(HealthCheck),
                derandomize=not os.environ.get("KB_FUZZ_RANDOM"), database=None)


def examples(ci: int, long: int) -> int:
    """Inputs per target: `ci` by default, `long` under KB_TEST_LONG=1, times KB_FUZZ_SCALE."""
    return max(1, int(budget(ci, long) * SCALE))


@pytest.fixture(scope="module", autouse=True)
def report(tmp_path_factory):
    yield
    path = tmp_path_factory.getbasetemp() / "fuzz.json"
    dump(dict(TRIED), path)
    print("\nfuzzed inputs per target: " + ", ".join(f"{k} {v}" for k, v in sorted(TRIED.items()))
          + f" ({path})")


def no_traceback(r) -> None:
    assert "Traceback" not in r.err and "internal error" not in r.err, r.err
    assert "Traceback" not in r.out


# -- identifiers --------------------------------------------------------------------------

ID_PARTS = ["arxiv:", "arXiv:", "ARXIV:", "doi:", "DOI:", "https://arxiv.org/abs/", "http://arxiv.org/pdf/",
            "arxiv.org/abs/", "export.arxiv.org/abs/", "https://doi.org/", "dx.doi.org/", "https://example.org/",
            "2311.16863", "1501.00001", "0704.0001", "1412.9999", "9912.12345", "1313.0001", "0000.0000",
            "hep-th/9901001", "Hep-Th/9901001", "math.GT/0309136", "v", "v0", "v2", "v999", "v1000",
            "10.", "10.18653/v1/P19-1355", "10.1000/", "/", "//", "..", ".", ".pdf", ".PDF", "~", "~nosuchuser/",
            "%2F", "%00", "%", "?", "#", " ", "\t", "\n", "-", "--", "a" * 300, "é", "\u202e", "\x00", ":", "@",
            "1234", "\\", "file://", "/etc/passwd", "../../"]
identifiers = st.lists(st.one_of(st.sampled_from(ID_PARTS), st.text(max_size=6)), max_size=6).map("".join)


@settings(FAST, max_examples=examples(300, 600))
@given(identifiers)
@example("a" * 300)                 # a name too long for the filesystem
@example("~nosuchuser/paper.pdf")   # a home folder that does not exist
def test_parse_identifier_parses_or_says_why(text):
    from kb.text.ids import ArxivId, Doi, LocalFile, parse_identifier

    TRIED["identifier: kb.ids.parse_identifier"] += 1
    try:
        ident = parse_identifier(text)
    except UsageError as exc:
        assert exc.message
        return
    assert isinstance(ident, (ArxivId, Doi, LocalFile))


@settings(FAST, max_examples=examples(60, 250))
@given(identifiers)
@example("a" * 300)
@example("~nosuchuser/paper.pdf")
def test_kb_add_parses_or_exits_2(text):
    TRIED["identifier: kb add"] += 1
    r = run_kb("add", "--", text)
    no_traceback(r)
    # Parsed ids reach the (dead) network and fail there: exit 2 either way.
    assert r.code == 2, (text, r.code, r.err)
    assert r.err.startswith(("kb: error: ", "Usage:", "Error:")), r.err


# -- BibTeX for kb import ---------------------------------------------------------------------

GOOD_ENTRY = """@article{{{key},
  title = {{{title}}},
  author = {{{author}}},
  year = {{{year}}},
  journal = jt,
}}
"""
BIB_PARTS = [
    "@string{jt = \"Journal of Tests\"}\n",
    "@string{jt = {Journal} # \" of \" # {Tests}}\n",
    "@preamble{\"\\newcommand{\\noop}[1]{}\"}\n",
    "@comment{kb should keep this}\n",
    "% a comment line\n",
    "@misc{dup, title = {First}, year = 2020}\n@misc{dup, title = {Second}, year = 2021}\n",
    "@misc{unbalanced, title = {Open {brace}, year = 2020}\n",
    "@misc{closing, title = {Close}}}, year = 2020}\n",
    "@misc{nocomma title = {X}}\n",
    "@misc{, title = {No key}}\n",
    "@misc{quotes, title = \"Unbalanced {quote\", year = 1999}\n",
    "@123{numeric, title = {Numeric type}}\n",
    "@misc{accents, title = {{\\\"U}ber {\\'e}t{\\'e} \\c{c}a and \\ss{} and {\\o}}, author = {G{\\\"o}del, Kurt}}\n",
    "@misc{field, title}\n",
    "@misc{macro, journal = undefinedmacro, title = {Uses an undefined macro}}\n",
    "@misc{month, month = jan, title = {Has a month macro}, year = {2001}}\n",
    "@misc{../../evil, title = {A key that is a path}}\n",
    "@misc{huge, title = {" + "Huge " * 60_000 + "}}\n",
    "@misc{nul, title = {NUL \x00 byte}}\n",
    "\x00",
    "}}}}",
    "{{{{",
    "@",
    "@misc{",
    "\n",
]


@st.composite
def bibtex_files(draw) -> bytes:
    parts: list[bytes] = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["good", "part", "part", "bytes", "latin1"]))
        if kind == "good":
            n = draw(st.integers(0, 10_000))
            parts.append(GOOD_ENTRY.format(key=f"k{n}", title=f"On Test Number {n}",
                                           author=draw(st.sampled_from(["Smith, J.", "M{\\\"u}ller, A. and Lee, B.",
                                                                       "", "and", "{Org} and Others"])),
                                           year=draw(st.sampled_from(["2020", "", "20x0", "-5", "99999"])))
                         .encode())
        elif kind == "part":
            parts.append(draw(st.sampled_from(BIB_PARTS)).encode())
        elif kind == "bytes":
            parts.append(draw(st.binary(max_size=40)))
        else:
            parts.append("@misc{lat%d, title = {Caf\u00e9 na\u00efve}, author = {M\u00fcller, J.}}\n"
                         .encode("latin-1") % draw(st.integers(0, 99)))
    return b"".join(parts)


BASE_BIB = "% by hand\n@misc{kept2020, title = {Kept Entry}, author = {Keeper, K.}, year = {2020}}\n"


@settings(FAST, max_examples=examples(40, 200))
@given(bibtex_files())
def test_kb_import_valid_or_exit_2_naming_the_file(kb_root, tmp_path, data):
    TRIED["bibtex: kb import"] += 1
    bib = kb_root / "references.bib"
    bib.write_text(BASE_BIB)
    before = bib.read_bytes()
    src = tmp_path / "in.bib"
    src.write_bytes(data)
    r = run_kb("import", src)
    no_traceback(r)
    assert r.code in (0, 2), (r.code, r.err)
    if r.code == 2:
        assert str(src) in r.err, r.err
        assert r.err.count("\n") == 1, r.err
        if any(k in r.err for k in ("syntax error", "duplicate citekey", "NUL byte", "not UTF-8")):
            assert re.search(re.escape(str(src)) + r":\d+: ", r.err), r.err      # and the line
        assert bib.read_bytes() == before
    else:
        from kb.sources.bibtex import BibFile

        keys = {e.key for e in BibFile.load(bib).entries()}
        assert "kept2020" in keys
        # Keys are kept as written (even '../../evil'); their claims files stay inside claims/.
        from kb.store.paths import Layout

        layout = Layout(kb_root)
        assert all(layout.claims_file(k).parent == layout.claims for k in keys), keys
        assert bib.read_bytes().startswith(before.rstrip(b"\n"))
    assert run_kb("ls", "--json").code == 0


# -- claims files -------------------------------------------------------------------------------

CLAIMS_TOML = '''# Quotes and claims from paper2024text
[paper]
anchor = "paper-2024"

[[quote]]
id = "first-quote"
text = "For sentiment analysis, a small encoder used 1.00 kWh per 1000 queries in setting a0."
topics = ["energy", "inference"]
version = ""
status = "verified"
method = "exact"
page = 1
page_end = 1
spans = [{page = 1, start = 10, end = 90}]

[[claim]]
id = "first_claim"
value = "1.00 kWh"
per = "1000 queries"
quote = "For sentiment analysis, a small encoder used 1.00 kWh per 1000 queries in setting a0."
page = 1
status = "verified"

[units]
query_energy = "1.00 kWh"

[[check]]
id = "doubled"
stated = "2.00 kWh"
expr = "paper2024text.first_claim * 2"
'''
TOML_TOKENS = ["[[quote]]\n", "[[claim]]\n", "[[check]]\n", "[units]\n", "[paper]\n", "[[bogus]]\n", '"', "'", "=",
               "[", "]", "{", "}", "\n", "id = ", '"x"', '"first-quote"', "123", "-1", "true", "1e400", "\x00",
               '"""', "'''", "#", 'page = "3"', "spans = [{page = 1}]", 'status = "maybe"', 'id = "../x"',
               "text = 5", 'value = ""', "topics = [1, 2]", "anchor = 3", "é", "\\", "\\u0000", "nan", "inf",
               '[paper]\nother = "x"\n', "1979-05-27T07:32:00Z"]


@st.composite
def mutated_claims(draw) -> bytes:
    text = CLAIMS_TOML
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "insert", "duplicate", "swap", "truncate", "bytes"]))
        lines = text.split("\n")
        if op == "delete" and text:
            a = draw(st.integers(0, len(text) - 1))
            text = text[:a] + text[a + draw(st.integers(1, 20)):]
        elif op == "insert":
            a = draw(st.integers(0, len(text)))
            text = text[:a] + draw(st.sampled_from(TOML_TOKENS)) + text[a:]
        elif op == "duplicate":
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        elif op == "swap":
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif op == "truncate":
            text = text[:draw(st.integers(0, len(text)))]
        else:
            a = draw(st.integers(0, len(text)))
            raw = text.encode()
            return raw[:a] + draw(st.binary(min_size=1, max_size=8)) + raw[a:]
    return text.encode()


@pytest.fixture
def text_paper(kb_root, tmp_path):
    """paper2024text with generated page text loaded."""
    (kb_root / "references.bib").write_text(
        "@misc{paper2024text, title = {Energy Figures of a Paper}, author = {Curie, Marie}, year = {2024}}\n")
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(paper_pages(1, pages=4)))
    assert run_kb("text", "load", "paper2024text", pages).code == 0
    return kb_root


@settings(FAST, max_examples=examples(40, 200))
@given(mutated_claims())
def test_claims_file_mutations_exit_0_or_2_naming_file_and_line(text_paper, data):
    TRIED["claims toml: kb quote ls"] += 1
    path = text_paper / "claims" / "paper2024text.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    r = run_kb("quote", "ls", "--json")
    no_traceback(r)
    assert r.code in (0, 2), (r.code, r.err)
    if r.code == 2:
        assert "claims/paper2024text.toml:" in r.err, r.err
        assert path.read_bytes() == data           # never rewritten by a reader
    # The valid file brings everything back.
    path.write_text(CLAIMS_TOML)
    r = run_kb("quote", "ls", "--json")
    assert r.code == 0 and [q["id"] for q in r.json] == ["first-quote"], r.err


# -- notes ----------------------------------------------------------------------------------------

NOTE_PARTS = ["<note-quote", " quote=\"", "\"", "'", ">", "</note-quote>", "</note-quote", " sourceLink=\"#paper2024text\"",
              " sourceText=\"[1]\"", "&amp;", "&#x", "&#65;", "&quot;", "&", "> ", ">", "[@paper2024text, p. 3]",
              "[@", "@{", "```\n", "~~~\n", "*\"", "\"*", "<a href=\"#x\">[1]</a>",
              "<span id=\"x\">[1] [T](https://arxiv.org/abs/2311.16863) - A. Author. 2020.</span>",
              "<span id=\"y\">", "</span>", "\n", "\n\n", " ", "=", "<", "/>", quote_of(1, 0, 3), "\ufeff", "\r\n",
              "\x00", "\u2028"]
notes = st.lists(st.one_of(st.sampled_from(NOTE_PARTS), st.text(max_size=10)), max_size=40).map("".join)


@settings(FAST, max_examples=examples(200, 400))
@given(notes)
def test_parse_note_never_raises(text):
    from kb.text.notes import parse_note

    TRIED["note: kb.notes.parse_note"] += 1
    note = parse_note(text, "n.md")
    for q in note.quotes:
        assert isinstance(q.quote, str) and q.line >= 1
    for line, message in note.problems:
        assert isinstance(line, int) and line >= 1 and message


@settings(FAST, max_examples=examples(60, 120))
@given(st.one_of(notes.map(str.encode), st.binary(max_size=60)))
def test_kb_verify_note_exits_0_1_or_2_for_unreadable(text_paper, tmp_path, data):
    TRIED["note: kb verify --note"] += 1
    note = tmp_path / "note.md"
    note.write_bytes(data)
    r = run_kb("verify", "--note", note)
    no_traceback(r)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        assert r.code == 2 and f"{note}:" in r.err, r.err
        return
    if "\0" in text:       # a binary file, no note's text: refused naming where
        assert r.code == 2 and f"{note}:" in r.err and "NUL character" in r.err, r.err
    else:
        assert r.code in (0, 1), (r.code, r.err)


# -- check expressions ------------------------------------------------------------------------------

EXPR_PARTS = ["(", ")", "+", "-", "*", "/", "^", "**", "1", "2.5", "0", "e", "1e308", "1e-308", "kWh", "kg", "CO2e",
              "%", "a", "b", "x.y", "x", "_", "__import__", "('os')", ".system", "lambda", ":", ",", "[", "]", "{",
              "}", "\"", "'", "open", "/etc/passwd", "\\", " ", "±", "×", "·", "−", "0x10", "9" * 400, "(" * 60,
              ")" * 60, "h", "per", "in", "to", "°C", "µs", "m/s", "1/0", "0/0", "10^10^10", "nan", "inf"]
expressions = st.lists(st.one_of(st.sampled_from(EXPR_PARTS), st.text(max_size=4)), max_size=25).map("".join)


class no_eval:
    """Fail loudly if anything evaluates code while an expression is handled."""

    def __enter__(self):
        def refuse(*args, **kwargs):
            raise AssertionError("code was evaluated")
        self.saved = builtins.eval, builtins.exec
        builtins.eval = builtins.exec = refuse

    def __exit__(self, *exc):
        builtins.eval, builtins.exec = self.saved


@settings(FAST, max_examples=examples(250, 500))
@given(expressions, st.sampled_from(["2 kWh", "6 kWh", "10 %", "1e3 kg", "3", "x", "", "5 ± 1 kWh"]))
@example("__import__('os').system('touch /tmp/kb-pwned')", "0")
@example("open('/etc/passwd').read()", "0")
@example("10^10^10", "1")
@example("_", "2 kWh")       # found by hypothesis: pint's `in` raised AttributeError
@example("nan", "2 kWh")     # found by hypothesis: pint's `in` raised ValueError
@example("¹", "2 kWh")       # found by hypothesis: '¹'.isdigit() started a number no regex matched
@example("1 µǅ", "2 kWh")    # found by hypothesis: 'µ' before a letter that is no ASCII letter
def test_check_expressions_never_raise_or_run_code(expression, stated):
    from kb.quantities.checks import run_check
    from kb.quantities.expr import parse, resolver
    from kb.quantities.units import parse_unit

    parse_unit("kWh")        # modules and the unit registry load before eval/exec are refused
    TRIED["check expression: kb.expr.parse + kb.checks.run_check"] += 1
    resolve = resolver({"a": "2 kWh", "b": "3 h", "x.y": "5 kg", "x": "4"})
    with no_eval():
        try:
            parse(expression)
        except KBError:
            pass
        result = run_check("c", stated, expression, resolve, known=["a", "b", "x.y", "x"])
    assert result.verdict in ("pass", "fail", "error")
    assert not os.path.exists("/tmp/kb-pwned")


# -- search queries --------------------------------------------------------------------------------

SEARCH_PARTS = ["\"", "AND", "OR", "NOT", "NEAR(", ")", "(", "*", "^", ":", "text:", "-", "+", "energy", "kWh",
                "inference", "\x00", "é", "“", "”", " ", "''", "{", "}", "a" * 500, "1.10", "NEAR", ",", "\\"]
queries = st.lists(st.one_of(st.sampled_from(SEARCH_PARTS), st.text(max_size=5)), max_size=12).map("".join)


@settings(FAST, max_examples=examples(100, 250))
@given(queries)
def test_search_queries_never_fail(text_paper, query):
    try:
        from kb.ops.search import search
    except ImportError:
        pytest.skip("kb search is not there yet")
    from kb.store.knowledgebase import KB

    TRIED["search query: kb.search.search + kb search"] += 1
    kb = KB.open()
    try:
        try:
            hits = search(kb, query)
            assert all(h.citekey == "paper2024text" for h in hits)
        except KBError:
            pass
    finally:
        kb.close()
    r = run_kb("search", "--", query or " ")
    no_traceback(r)
    assert r.code in (0, 2), (r.code, r.err)
