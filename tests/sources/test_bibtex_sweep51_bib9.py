"""What kb writes into references.bib from a record (Crossref's JSON, doi.org's BibTeX, arXiv's Atom): the
record's markup as LaTeX, its text as text, capitals BibTeX's styles would lowercase braced; and what the
written entry reads back as (kb's reader, pybtex, bibtexparser 2, classic BibTeX's change.case$)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from bibtools import bibtexparser2_fields, pybtex_fields

from kb.sources.arxiv import ArxivRecord
from kb.sources.bibtex import parse_entries, protect_title, render_entry
from kb.sources.doi import _bibtex_meta
from kb.sources.metadata import from_arxiv, from_crossref
from kb.text.latex import latex_to_text, marked_latex, markup_marked
from kb.text.names import split_names

#: Crossref titles as its JSON gives them -> (what kb writes, the text read back)
CROSSREF_TITLES = [
    ("Effects of <i>in vitro</i> culture", "Effects of \\textit{in vitro} culture", "Effects of in vitro culture"),
    ("CO<sub>2</sub> and CH<sub>4</sub> fluxes", "{CO}\\textsubscript{2} and {CH}\\textsubscript{4} fluxes",
     "CO₂ and CH₄ fluxes"),
    ("<scp>BERT</scp> for clinical notes", "\\textsc{BERT} for clinical notes", "BERT for clinical notes"),
    ("Energy &amp; Policy in NLP", "Energy \\& Policy in {NLP}", "Energy & Policy in NLP"),
    ("Storing <mml:math xmlns:mml=\"http://www.w3.org/1998/Math/MathML\"><mml:msub><mml:mi>H</mml:mi>"
     "<mml:mn>2</mml:mn></mml:msub></mml:math> underground", "Storing H\\textsubscript{2} underground",
     "Storing H₂ underground"),
    ("<jats:italic>Arabidopsis</jats:italic> roots", "\\textit{Arabidopsis} roots", "Arabidopsis roots"),
    ("The x<sup>2</sup> &lt; y bound", "The x\\textsuperscript{2} \\textless{} y bound", "The x² < y bound"),
    ("Using <b><i>ImageNet</i></b> with GPUs", "Using \\textbf{\\textit{ImageNet}} with {GPUs}",
     "Using ImageNet with GPUs"),
    ("Tags &lt;i&gt;as text&lt;/i&gt; here", "Tags \\textless{}i\\textgreater{}as text\\textless{}/i\\textgreater{} here",
     "Tags <i>as text</i> here"),
    ("A 50% cut in #tags_and $costs", "A 50\\% cut in \\#tags\\_and \\$costs", "A 50% cut in #tags_and $costs"),
    ("Bounds for {0,1}-matrices", "Bounds for \\textbraceleft{}0,1\\textbraceright{}-matrices",
     "Bounds for {0,1}-matrices"),
    ("Braces &#x7B;named&#125; so", "Braces \\textbraceleft{}named\\textbraceright{} so", "Braces {named} so"),
    ("A dollar &#36;5 and a &#37; sign", "A dollar \\$5 and a \\% sign", "A dollar $5 and a % sign"),
    ("\\input{/etc/passwd} in a title", "\\textbackslash{}input\\textbraceleft{}/etc/passwd\\textbraceright{} in a "
     "title", "\\input{/etc/passwd} in a title"),
    ("An <b>unclosed tag", "An <b>unclosed tag", "An <b>unclosed tag"),
    ("A <foo>tag</foo> kb knows not", "A <foo>tag</foo> kb knows not", "A <foo>tag</foo> kb knows not"),
    ("Caf\u00e9s of \u0141\u00f3d\u017a and M\u00fcnchen", "Caf\u00e9s of \u0141\u00f3d\u017a and M\u00fcnchen",
     "Caf\u00e9s of \u0141\u00f3d\u017a and M\u00fcnchen"),
    ("Marks \U000f0001and\U000f0003 none", "Marks and none", "Marks and none"),
    ("Greek <mml:math><mml:mi>\u03b1</mml:mi></mml:math>-helices", "Greek \u03b1-helices", "Greek \u03b1-helices"),
    ("AT&amp;T's <i>network</i>", "{AT\\&T}'s \\textit{network}", "AT&T's network"),
]


def _crossref(title: str, **more) -> dict:
    return {"title": [title], "author": [{"family": "Doe", "given": "Jane"}], "DOI": "10.5555/b9",
            "type": "journal-article", "issued": {"date-parts": [[2020]]}, **more}


def _written(meta) -> tuple[str, dict[str, str]]:
    text = render_entry("k", meta.entry_type, meta.bib_fields())
    return text, parse_entries(text)[0][2]


@pytest.mark.parametrize("record, written, read", CROSSREF_TITLES)
def test_a_crossref_title_is_written_as_latex_and_read_back_as_its_text(record, written, read):
    """'<i>in vitro</i>' was written into references.bib as the tags, '&amp;' as '\\&amp;' (read back so)."""
    text, fields = _written(from_crossref(_crossref(record)))
    assert fields["title"] == written
    assert latex_to_text(fields["title"]) == read
    assert pybtex_fields(text)["k"]["title"] == bibtexparser2_fields(text)["k"]["title"] == written


@pytest.mark.parametrize("family, given, read", [
    ("O&apos;Brien", "Se&#225;n", ["O'Brien, Seán"]),
    ("van der Berg", "Jan", ["van der Berg, Jan"]),
    ("Smith &amp; Jones", "A.", ["Smith \\& Jones, A."]),
    ("Doe and Roe", "J.", ["{Doe and Roe}, J."]),
    ("\u738b", "\u5c0f\u660e", ["\u738b, \u5c0f\u660e"]),
    ("<i>Lee</i>", "Kim", ["\\textit{Lee}, Kim"]),
])
def test_a_crossref_name_keeps_its_text_and_stays_one_name(family, given, read):
    meta = from_crossref({**_crossref("A title"), "author": [{"family": family, "given": given}]})
    text, fields = _written(meta)
    assert split_names(fields["author"]) == read
    assert pybtex_fields(text)["k"]["author"] == "1 names"


def test_a_crossref_organisation_and_venue_hold_no_tags():
    meta = from_crossref(_crossref("A title", **{"container-title": ["Journal of <i>Physics</i> &amp; Chemistry"],
                                                 "publisher": "Wiley &amp; Sons",
                                                 "author": [{"name": "M&amp;M <b>Group</b>"}]}))
    fields = meta.bib_fields()
    assert fields["journal"] == "Journal of \\textit{Physics} \\& Chemistry"
    assert fields["publisher"] == "Wiley \\& Sons"
    assert split_names(fields["author"]) == ["{M\\&M \\textbf{Group}}"]


@pytest.mark.parametrize("value", ["plain", "a\U000f0000b", "\U000f0005x\U000f0000", "\U0010fffd"])
def test_private_use_characters_of_a_record_never_become_latex(value):
    assert "\\" not in marked_latex(markup_marked(value))
    assert marked_latex(markup_marked(value)) == value.replace("\U000f0000", "").replace("\U000f0005", "") \
        .replace("\U0010fffd", "")


#: protect_title: acronyms and capitals inside words outside groups braced, math holding a capital braced
@pytest.mark.parametrize("title, protected", [
    ("Deep Learning with GPUs on ImageNet", "Deep Learning with {GPUs} on {ImageNet}"),
    ("Reaching $O(N^2)$ bounds", "Reaching {$O(N^2)$} bounds"),
    ("Solving $\\Omega(n)$ problems with GPT-4", "Solving {$\\Omega(n)$} problems with {GPT}-4"),
    ("$\\alpha$-stable laws", "$\\alpha$-stable laws"),
    ("The \\textbf{DNA} of LLMs", "The \\textbf{DNA} of {LLMs}"),
    ("Learning {Q}-functions in RL", "Learning {Q}-functions in {RL}"),
    ("{Whole Title With NLP}", "{Whole Title With NLP}"),
    ("A \\$5 model of CNNs", "A \\$5 model of {CNNs}"),
    ("Caf\\'e and na\\\"{\\i}ve ideas", "Caf\\'e and na\\\"{\\i}ve ideas"),
    ("an unpaired $ in BERT", "an unpaired $ in BERT"),
    ("Measurements of $\\Omega$ and $\\Lambda$", "Measurements of {$\\Omega$} and {$\\Lambda$}"),
    ("in $\\mathbb{R}^n$ and $x^2$", "in {$\\mathbb{R}^n$} and $x^2$"),
])
def test_protect_title(title, protected):
    assert protect_title(title) == protected
    assert latex_to_text(protect_title(title)) == latex_to_text(title)


ARXIV_TITLES = [
    ("$O(N^2)$ Attention in GANs", "{$O(N^2)$} Attention in {GANs}", "O(N²) Attention in GANs"),
    ("\\emph{BERT} and 100% of it", "\\emph{BERT} and 100\\% of it", "BERT and 100% of it"),
    ("An unbalanced { brace in CNNs", "An unbalanced \\textbraceleft{} brace in {CNNs}",
     "An unbalanced { brace in CNNs"),
    ("The $ABC$ conjecture", "The {$ABC$} conjecture", "The ABC conjecture"),
    ("A_b, c^d and x~y", "A\\_b, c\\textasciicircum{}d and x\\textasciitilde{}y", "A_b, c^d and x~y"),
    ("The \\textbf{DNA} of LLMs", "The \\textbf{DNA} of {LLMs}", "The DNA of LLMs"),
]


@pytest.mark.parametrize("record, written, read", ARXIV_TITLES)
def test_an_arxiv_title_is_written_protected_and_read_back_as_its_text(record, written, read):
    rec = ArxivRecord(id="2001.00001", version=1, title=record, authors=["Jane Doe"], summary="",
                      published="2020-01-01", updated="", year=2020)
    text, fields = _written(from_arxiv(rec))
    assert fields["title"] == written
    assert latex_to_text(fields["title"]) == read
    assert bibtexparser2_fields(text)["k"]["title"] == written


@pytest.mark.parametrize("authors, read", [
    (["Ludwig van Beethoven"], ["van Beethoven, Ludwig"]),
    (["Jean-Paul de la Fontaine"], ["de la Fontaine, Jean-Paul"]),
    (["Martin Luther King, Jr."], ["King, Jr., Martin Luther"]),
    (["J. R. R. Tolkien"], ["Tolkien, J. R. R."]),
    (["\u041f\u0451\u0442\u0440 \u0427\u0430\u0439\u043a\u043e\u0432\u0441\u043a\u0438\u0439"],
     ["\u0427\u0430\u0439\u043a\u043e\u0432\u0441\u043a\u0438\u0439, \u041f\u0451\u0442\u0440"]),
    (["Mar\u00eda Jos\u00e9 Garc\u00eda-M\u00e1rquez"], ["Garc\u00eda-M\u00e1rquez, Mar\u00eda Jos\u00e9"]),
])
def test_an_arxiv_name_reads_back_as_written(authors, read):
    rec = ArxivRecord(id="2001.00001", version=1, title="A title", authors=authors, summary="",
                      published="2020-01-01", updated="", year=2020)
    text, fields = _written(from_arxiv(rec))
    assert split_names(fields["author"]) == read
    assert pybtex_fields(text)["k"]["author"] == f"{len(read)} names"


@pytest.mark.parametrize("title, written", [
    ("Effects of <i>in vitro</i> culture on {NLP}", "Effects of \\textit{in vitro} culture on {NLP}"),
    ("Measurements of $\\{upOmega}$ and $\\{upLambda}$ from 42 Supernovae",
     "Measurements of {$\\Omega$} and {$\\Lambda$} from 42 Supernovae"),
    ("{CO}$_2$ and NLP via <scp>BERT</scp>", "{CO}$_2$ and {NLP} via \\textsc{BERT}"),
    ("Tom &amp; Jerry", "Tom \\& Jerry"),
    ("{{Whole Title With NLP}}", "{{Whole Title With NLP}}"),
    ("An $x<y$ bound", "An $x<y$ bound"),
])
def test_a_doi_org_title_holds_no_tags(title, written):
    """doi.org's BibTeX keeps Crossref's markup ('<i>in vitro</i>'), which kb wrote as it came."""
    meta = _bibtex_meta("@article{a, title = {%s}, doi = {10.5555/b9}, author = {Doe, J.}, year = {2020}}" % title,
                        "u", "10.5555/b9")
    assert _written(meta)[1]["title"] == written


_CASE_BST = """ENTRY { title } {} {}
FUNCTION {default.type} { "@@" cite$ * write$ newline$ title "t" change.case$ write$ newline$ }
READ
ITERATE {call.type$}
"""


def test_classic_bibtex_keeps_the_capitals_kb_protects(tmp_path):
    """plain.bst's change.case$ lowercased '$O(N^2)$' to '$o(n^2)$' and 'LLMs' to 'llms' in a title holding a brace."""
    if not shutil.which("bibtex"):
        pytest.skip("classic BibTeX (bibtex) is not on PATH")
    cases = {"a": ("crossref", "CO<sub>2</sub> emissions of <i>BERT</i> and NLP", "CO₂ emissions of BERT and NLP"),
             "b": ("arxiv", "$O(N^2)$ Attention for LLMs", "O(N²) attention for LLMs"),
             "c": ("arxiv", "The \\textbf{DNA} of LLMs", "The DNA of LLMs"),
             "d": ("crossref", "Solving <i>Quantum</i> Problems with GPUs", "Solving Quantum problems with GPUs")}
    # (an acronym is braced, and so kept; a word of one capital is lowercased, as BibTeX does)
    bib = []
    for key, (origin, title, _) in cases.items():
        meta = from_crossref(_crossref(title)) if origin == "crossref" else from_arxiv(ArxivRecord(
            id="2001.00001", version=1, title=title, authors=["Jane Doe"], summary="", published="2020-01-01",
            updated="", year=2020))
        bib.append(render_entry(key, "misc", meta.bib_fields()))
    (tmp_path / "r.bib").write_text("".join(bib), "utf-8")
    (tmp_path / "case.bst").write_text(_CASE_BST)
    (tmp_path / "t.aux").write_text("\\citation{*}\n\\bibdata{r}\n\\bibstyle{case}\n")
    r = subprocess.run(["bibtex", "t"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "error message" not in r.stdout, r.stdout
    lines = (tmp_path / "t.bbl").read_text("utf-8").splitlines()
    got = {lines[i][2:]: " ".join(lines[i + 1].split()) for i in range(len(lines)) if lines[i].startswith("@@")}
    assert {k: latex_to_text(v) for k, v in got.items()} == {k: v[2] for k, v in cases.items()}
