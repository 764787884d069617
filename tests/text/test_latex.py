"""kb.text.latex: LaTeX in BibTeX values to readable text (pylatexenc)."""

from __future__ import annotations

import pytest

from kb.text.latex import latex_to_text


@pytest.mark.parametrize("value, text", [
    (r"See \url{https://x.org/a_b}", "See https://x.org/a_b"),
    (r"The $\upOmega$ and $\upLambda$ of it", "The Ω and Λ of it"),
    (r"As shown by \cite{smith2020}", "As shown by [smith2020]"),
    (r"Fields $\vec{E}$", "Fields E⃗"),
    (r"{\rm Mixed} roman", "Mixed roman"),
    (r"Splitting \ce{H2O} fast", "Splitting H2O fast"),
    (r"G{\"o}del and {\'E}cole {\ss} {\o}", "Gödel and École ß ø"),
    (r"Garc{\'\i}a", "García"),
    (r"pages 10--20 \& more", "pages 10–20 & more"),
    (r"A \textbraceright{} b", "A } b"),
    ("Plain  title", "Plain title"),
    (r"Measurements of $\{upOmega}$ and $\{upLambda}$ from 42 High-Redshift Supernovae",   # Crossref's escaping
     "Measurements of Ω and Λ from 42 High-Redshift Supernovae"),
    (r"A set \{x\} stays", "A set {x} stays"),
    (r"Unbalanced { brace", "Unbalanced brace"),
])
def test_latex_to_text(value, text):
    assert latex_to_text(value) == text


def test_empty():
    assert latex_to_text(None) == "" and latex_to_text("") == ""


def _pylatexenc(value: str) -> str:
    from pylatexenc.latexwalker import LatexWalker

    from kb.text import latex
    converter, parse_db = latex._converter()
    nodes = LatexWalker(value, latex_context=parse_db, tolerant_parsing=True).get_latex_nodes()[0]
    return " ".join(converter.nodelist_to_text(nodes).split())


def test_values_without_commands_read_as_pylatexenc_reads_them():
    # latex_to_text skips the parser when a value has no command, math or comment: braces,
    # dashes and ties must then come out exactly as pylatexenc makes them.
    from pathlib import Path

    from corpus import CORPUS

    from kb.sources.bibtex import BibFile
    values = ["{SPECTER}: Document-level", "2627--2636", "a---b", "Über~alles", "{{AI}} and {NLP}",
              "one -- two --- three", "{a}--{b}~c", "}{", "a-b", "----", "x~~y", "{ }"]
    for path in sorted((CORPUS / "bibtex").glob("*.bib")) + [Path(__file__).parents[2] / "references.bib"]:
        for entry in BibFile(path.read_text("utf-8"), str(path)).entries():
            values += list(entry.fields.values())
    plain = [v for v in values if "\\" not in v and "$" not in v and "%" not in v]
    assert len(plain) > 12
    for value in plain:
        assert latex_to_text(value) == _pylatexenc(value), value
