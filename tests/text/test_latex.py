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


TOKENS = ["word", "Word", " ", "  ", "\n", "-", "--", "---", "~", "{", "}", "{X}", "$", "$x$", "$x^2$", "$\\alpha$",
          "$\\{upOmega}$", "$ \\mathrm{H}_2 $", "$a b$", "$\\,$", "$\\{x\\}$", "$\\vec{E}$", "\\'e", "{\\\"o}", "\\&",
          "``", "''", "!`", "?`", "&", "%", "\\url{x}", "$}$", "${$", "'", '"', "é", "42", "}-", "-{"]


@pytest.mark.parametrize("seed", range(4))
def test_values_with_math_read_as_pylatexenc_reads_them_whole(seed, monkeypatch):
    # A value whose only LaTeX is in $...$ has only those parsed, and the rest read as
    # values without commands are (and those with pylatexenc's other specials go to it):
    # the same text as pylatexenc makes of the whole value, on every mix of these tokens.
    import random

    from kb.text import latex
    rng = random.Random(seed)
    values = ["".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 9))) for _ in range(1500)]
    fast = [latex.latex_to_text(v) for v in values]
    assert sum(latex._math_islands(v) is not None for v in values) > 40
    latex._decoded.cache_clear()
    monkeypatch.setattr(latex, "_math_islands", lambda value: None)
    whole = [latex._decoded.__wrapped__(v) for v in values]
    for value, a, b in zip(values, fast, whole):
        assert a == b, value


def test_pylatexenc_specials_are_read_by_it():
    assert latex_to_text("``Why Should I Trust You?''") == "“Why Should I Trust You?”"
    assert latex_to_text("AT&T and !`Hola!") == _pylatexenc("AT\\&T and !`Hola!") == "AT&T and ¡Hola!"
    assert latex_to_text("A--B ``q''") == "A–B “q”"


@pytest.mark.parametrize("value, text", [
    ("Reducing 40% of Energy Use in Data Centres", "Reducing 40% of Energy Use in Data Centres"),
    ("Reducing 40\\% of Energy Use", "Reducing 40% of Energy Use"),
    ("{GPT-3}: 90% of the Cost, $\\alpha$ of the Energy", "GPT-3: 90% of the Cost, α of the Energy"),
    ("{\\\"U}ber 5%\nof {AI}", "Über 5% of AI"),
    ("100%", "100%"),
])
def test_a_percent_sign_in_a_value_is_one_never_a_comment(value, text):
    # In LaTeX an unescaped % begins a comment: read so, "40% of Energy..." lost all after
    # "40". Titles from PDFs, arXiv, Crossref and Semantic Scholar are not LaTeX, and
    # nobody writes a comment inside a BibTeX value.
    from kb.text.titles import normalise_title

    assert latex_to_text(value) == text
    assert normalise_title(value).split()[-1] == normalise_title(text).split()[-1] != "40"


@pytest.mark.parametrize("value, written", [
    (r"{Measurements of $\{upOmega}$ and $\{upLambda}$ from 42}", r"{Measurements of $\Omega$ and $\Lambda$ from 42}"),
    (r"$\{upalpha}x$ and $\{beta}$", r"$\alpha{}x$ and $\beta$"),      # a letter after: the command ends
    (r"$\{upsilon}$, $\{upupsilon}$", r"$\upsilon$, $\upsilon$"),       # upsilon is a letter, not up + silon
    (r"\{upOmega} outside math", r"\{upOmega} outside math"),           # \Omega there would not compile
    (r"a \$ sign, then $\{upmu}$", r"a \$ sign, then $\mu$"),           # an escaped dollar opens no math
    (r"$\{x\}$ and $\{upfoo}$", r"$\{x\}$ and $\{upfoo}$"),            # a set, and no Greek letter: as written
    ("no LaTeX at all", "no LaTeX at all"),
])
def test_crossrefs_escaped_greek_letters_are_written_as_latexs_own(value, written):
    from kb.text.latex import crossref_greek_as_latex

    assert crossref_greek_as_latex(value) == written
    assert latex_to_text(written) == latex_to_text(value) or "outside" in value or "upsilon" in value


@pytest.mark.parametrize("value", ["AT&T", "R&D in AI: Q&A systems", "{R&D} -- a & b", "A&&B", "Research & Markets~2020"])
def test_an_ampersand_is_read_without_pylatexenc_as_it_reads_it(value):
    # a title from a PDF with '&' ('R&D', 'Q&A') costs no start of pylatexenc in `kb add`, and reads as pylatexenc
    # reads it escaped: the '&' its writer meant, not LaTeX's alignment tab (a space)
    from kb.text import latex
    latex._decoded.cache_clear()
    assert latex_to_text(value) == " ".join(_pylatexenc(value.replace("&", "\\&")).split())
    assert latex_to_text(value).count("&") == value.count("&")
    assert latex._decoded.cache_info().misses == 0


@pytest.mark.parametrize("value, text", [
    ("{CO$_2$} emissions", "CO₂ emissions"),
    (r"$\mathrm{CO}_2$ capture", "CO₂ capture"),
    (r"$\text{NO}_x$ and H$_2$SO$_4$", "NOₓ and H₂SO₄"),
    (r"$\mathrm{H_{2}O}$", "H₂O"),
    ("An $O(n^2)$ algorithm", "An O(n²) algorithm"),
    ("$^{14}$C at 25$^\\circ$C", "¹⁴C at 25°C"),
    ("Na$^+$, Ca$^{2+}$ at 10$^{-3}$ M", "Na⁺, Ca²⁺ at 10⁻³ M"),
    (r"H\textsubscript{2}O", "H₂O"),
    (r"$\alpha$-helix", "α-helix"),
    ("$T_c$ and $x_{i,j}$", "T_c and x_i,j"),         # no Unicode subscript c, nor comma: as before
    (r"$a\_2$", "a_2"),                                # an escaped underscore is no subscript
])
def test_sub_and_superscripts_read_as_the_characters_a_reader_sees(value, text):
    from kb.text.titles import normalise_title

    assert latex_to_text(value) == text
    if "CO" in value:      # a PDF's 'CO2' is the same title's word
        assert "co2" in normalise_title(value).split()


@pytest.mark.parametrize("value, text", [
    (r"Surface gravity $\log g$ of dwarfs", "Surface gravity log g of dwarfs"),
    (r"An $O(n \log n)$ sort and $\mathcal{O}(\log n)$ regret", "An O(n log n) sort and 𝒪(log n) regret"),
    (r"$\sin x$, $\exp(x)$ and $\max \alpha$", "sin x, exp(x) and max α"),
    (r"$\beta_i$ and $\alpha^n$", "βᵢ and αⁿ"),           # a script right after a command's name
    (r"$\lim_n$ and $\log_2 n$", "limₙ and log₂ n"),
])
def test_math_operators_and_scripts_after_a_command_read_as_printed(value, text):
    assert latex_to_text(value) == text


@pytest.mark.parametrize("value, text", [
    (r"Snake\textunderscore case names", "Snake_case names"),
    (r"\S 3 and \P 2 of the act", "§3 and ¶2 of the act"),
    (r"Costs in \euro{} and \pounds", "Costs in € and £"),
    (r"Ar\-chi\-tec\-ture and/or and\slash or", "Architecture and/or and/or"),
    (r"Stra\ss e, STRA\SS E", "Straße, STRASSE"),
])
def test_latexs_text_symbols_read_as_the_characters_printed(value, text):
    assert latex_to_text(value) == text


@pytest.mark.parametrize("value, text", [
    (r"$T_{\rm eff} \approx 5800$~K stars", "T_eff ≈ 5800 K stars"),
    (r"When $x \sim N(0,1)$ and $n \to \infty$", "When x ∼ N(0,1) and n → ∞"),
    (r"A $3 \times 4$ grid, $a\leq b$", "A 3 × 4 grid, a≤b"),        # spaced as written, on both sides or none
    (r"$\sim$5 and $\sim 5$ runs", "∼5 and ∼5 runs"),                 # nothing before: no space
])
def test_a_math_relation_is_spaced_on_both_sides_as_written(value, text):
    assert latex_to_text(value) == text


@pytest.mark.parametrize("value, text", [
    (r"\MakeUppercase{bert}: Pre-training", "BERT: Pre-training"),
    (r"{\MakeUppercase{gpt}}-3 and \MakeTextUppercase{t5}", "GPT-3 and T5"),
    (r"\MakeLowercase{DEEP} Learning, \lowercase{ABC} \uppercase{xyz}", "deep Learning, abc XYZ"),
    (r"\MakeUppercase{\"o}l and \MakeUppercase{\emph{a}b}", "Öl and AB"),      # what the argument prints
    (r"\MakeUppercase{} x", "x"),
])
def test_latexs_case_commands_print_their_argument_in_that_case(value, text):
    assert latex_to_text(value) == text
