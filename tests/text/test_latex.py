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
