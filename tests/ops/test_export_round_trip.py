"""kb export note, as a writer uses it: every exported block pasted into a note comes back ok from kb verify --note,
in every style kb exports, for quotes holding Markdown, LaTeX and HTML specials, several paragraphs, non-ASCII."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kb.ops.export import export_note, md_escaped
from kb.ops.papers import load_text
from kb.ops.quotes import add_quote, verify_note
from kb.ops.session import open_kb

BIB = "@misc{doe2024, title = {Specials}, author = {Doe, Jane}, year = {2024}}\n"
QUOTES = [
    "Backslashes \\ and \\n and \\cite{x} occur in LaTeX sources.",
    "LaTeX's \\emph{words} and 90\\% of \\textbf{them} are kept as typed.",
    "We write *emphasis* and _underscores_ in names such as max_batch_size and __init__ here.",
    "# of GPUs is 8, and C# is the language used.",
    "We found a < b && c > d, with x<y and <div> tags and entities like &amp; too.",
    "> A leading greater-than sign starts this line.",
    "| Model | Energy (kWh) |",
    "Use ~approx~ and ^sup^ and `code` with [brackets](link) and [@fake] too.",
    "1. Numbered start of a sentence here.",
    "+ plus start of a sentence here.",
    "* star start of a sentence here.",
    "The cost was $5 and $10 per run, that is 50% of the budget.",
    "Noémie Müller – naïve ≥ 5 µs, 10–20 GPU·h, “curly” and ‘single’ quotes.",
    "Text with &nbsp; and &#42; entity-looking words.",
    "First paragraph of a quote over several.\n\nSecond paragraph of the same quote.",
    "H~2~O and x^2^ and ~~struck~~ and ~8 GPUs, with a -- dash and ... dots.",
    "- dash start of a sentence here.",
    "I. A roman numeral starts this, as (a) would.",
    "    An indented line, no code block.",
    "Outputs are wrapped in <answer> tags, as <br> and <sup>1</sup> are written.",
]
STYLES = [("note", True), ("note", False), ("markdown", True), ("markdown", False)]


@pytest.fixture
def specials(kb_root, tmp_path):
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    (tmp_path / "v.txt").write_text("\n\n".join(QUOTES) + "\fA second page.\n", "utf-8")
    load_text(kb, "doe2024", tmp_path / "v.txt", extractor="pypdf")
    for n, quote in enumerate(QUOTES):
        add_quote(kb, "doe2024", quote, quote_id=f"s{n}")
    return kb_root


@pytest.mark.parametrize("fmt, pages", STYLES)
def test_every_exported_block_verifies_in_a_note(specials, tmp_path, fmt, pages):
    note = tmp_path / "note.md"
    note.write_text("# Draft\n\n" + export_note(open_kb(specials), fmt=fmt, pages=pages).text, "utf-8")
    verdicts, problems = verify_note(open_kb(specials), note)
    assert [(v.quote, v.status, v.message) for v in verdicts if v.status != "ok"] == [] and not problems
    assert len(verdicts) == len(QUOTES)


def test_a_backslash_is_a_character_reference_in_a_note_quote(specials):
    text = export_note(open_kb(specials), ids=["s0"], pages=False).text
    assert 'quote="Backslashes &#92; and &#92;n and &#92;cite{x} occur in LaTeX sources."' in text
    assert "\\" not in text


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_renders_every_exported_markdown_quote_as_its_characters(specials):
    """pandoc's plain text of the Markdown export holds each quote as typed: no emphasis, heading, list, table, tag,
    math, subscript, link or citation made of its characters ('*emphasis*' was 'emphasis', '# of GPUs' a heading)."""
    text = export_note(open_kb(specials), fmt="markdown", pages=False).text
    plain = subprocess.run(["pandoc", "-f", "markdown", "-t", "plain", "--wrap=none"], input=text,
                           capture_output=True, text=True, check=True).stdout
    blocks = [" ".join(b.split()) for b in plain.split("[@doe2024]")]
    assert len(blocks) == len(QUOTES) + 1
    assert [" ".join(q.split()) for q in QUOTES] == blocks[:-1]


@pytest.mark.parametrize("line, escaped", [
    ("a *b* max_batch_size __init__", "a \\*b\\* max_batch_size \\_\\_init\\_\\_"),
    ("# of GPUs, C# too", "\\# of GPUs, C# too"),
    ("1. One", "1\\. One"),
    ("2019. A year", "2019\\. A year"),
    ("a@b.org and @key [@k] [17]", "a@b.org and \\@key \\[\\@k\\] \\[17\\]"),
    ("P&R &amp; 5% {x}", "P&R \\&amp; 5% {x}"),
    ("\\emph{x} 90\\%", "&#92;emph{x} 90&#92;%"),
    ("~8 GPUs, e.g. This. Is", "~8 GPUs, e.g. This. Is"),
])
def test_markdown_escapes_only_what_markdown_reads(line, escaped):
    assert md_escaped(line) == escaped
