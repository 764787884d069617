"""Real BibTeX in and out (sweep 51): a person's references.bib exported as stored keeps its '%' lines,
@comment blocks and order (the comments between entries were dropped)."""

from __future__ import annotations

import pytest

from kb.ops.export import bib_export, cited_citekeys
from kb.ops.session import open_kb
from kb.sources.bibtex import BibFile

A = "@article{a,\n  author = {Ames, Ann},\n  title = {Alpha},\n  journal = {J},\n  year = {2020},\n}\n"
B = "@book{b,\n  author = {Bell, Bo},\n  title = {Beta},\n  publisher = {P},\n  year = {2021},\n}\n"


def _whole(root):
    base = open_kb(root)
    return bib_export(base, cited_citekeys(base), as_stored=True, whole=True)


@pytest.mark.parametrize("text", [
    "% my library, by hand\n\n" + A + "\n" + B,                                  # a header apart from the entries
    A + "\n% on b: read twice\n" + B,                                             # a comment right above an entry
    A + "\n% between, apart\n%  its second line\n\n" + B,                          # apart from both
    A + "\n" + B + "\n% the end of the file\n",                                   # trailing
    "@comment{jabref-meta: databaseType:bibtex;}\n\n" + A + "\n" + B,             # JabRef's @comment block
    "@preamble{\"\\newcommand{\\noop}[1]{}\"}\n% after the preamble\n" + A + "\n" + B,
    (A + "\n% crlf comment\n" + B).replace("\n", "\r\n"),                          # Windows line ends
    A + "% hugging the entry above\n\n" + B,
    "%%% a banner %%%\n%%%%%%%%%%%%%%%%\n" + A + "\n\n\n% spaced\n\n\n" + B,
])
def test_the_whole_file_exported_as_stored_is_the_persons_file_byte_for_byte(kb_root, text):
    (kb_root / "references.bib").write_bytes(text.encode())
    assert _whole(kb_root).text == text


def test_kbs_own_lines_are_left_out_of_the_file_exported_as_stored(kb_root):
    text = "% mine\n" + A + "\n" + B + "\n% kb-owned: b\n% after kb's line\n"
    (kb_root / "references.bib").write_text(text)
    out = _whole(kb_root).text
    assert "kb-owned" not in out
    assert out == "% mine\n" + A + "\n" + B + "\n% after kb's line\n"


@pytest.mark.parametrize("text, key, comment", [
    (A + "\n% on b\n" + B, "b", "% on b\n"),
    (A + "\n% on b\n%   and more\n" + B, "b", "% on b\n%   and more\n"),
    (A + "\n% apart from b\n\n" + B, "b", ""),                  # a blank line between: not b's
    ("% on a\n" + A + "\n" + B, "a", "% on a\n"),
    (A + "\n% kb-owned: b\n" + B, "b", ""),                     # kb's own line is no comment of the person's
    (A + "\n  % indented, on b\n" + B, "b", "  % indented, on b\n"),
    (A.replace("}\n", "} % after a's end\n")[:-1] + "\n" + B, "b", ""),   # after a's closing brace, on its line
])
def test_the_comment_lines_right_above_an_entry_go_with_it(text, key, comment):
    assert BibFile(text, "x.bib").comments_above(key) == comment


def test_one_entry_exported_as_stored_takes_its_comment_never_anothers(kb_root):
    (kb_root / "references.bib").write_text("% on a\n" + A + "\n% on b\n" + B)
    base = open_kb(kb_root)
    assert bib_export(base, ["b"], as_stored=True).text == "% on b\n" + B
    assert bib_export(base, ["a"], as_stored=True).text == "% on a\n" + A
    assert "% on" not in bib_export(base, ["a", "b"]).text      # shaped for biber: no comments


# -- a record's HTML, JATS and MathML markup (Crossref's titles) ------------------------------------------------

MML = 'xmlns:mml="http://www.w3.org/1998/Math/MathML"'


@pytest.mark.parametrize("value, text", [
    ("Effects of <i>in vitro</i> culture", "Effects of in vitro culture"),
    ("Rising CO<sub>2</sub> and <sup>14</sup>C", "Rising CO₂ and ¹⁴C"),
    ("Distilling <scp>BERT</scp> for <scp>NLP</scp>", "Distilling BERT for NLP"),
    ("<jats:italic>E. coli</jats:italic> under <jats:bold>stress</jats:bold>", "E. coli under stress"),
    (f"The <mml:math {MML}><mml:msub><mml:mi>H</mml:mi><mml:mn>2</mml:mn></mml:msub></mml:math> economy",
     "The H₂ economy"),
    (f"Spin <mml:math {MML}><mml:mrow><mml:mi>α</mml:mi><mml:mo>+</mml:mo><mml:mi>β</mml:mi></mml:mrow></mml:math>",
     "Spin α+β"),
    ('<span class="a">Bold</span> <b><i>claims</i></b>', "Bold claims"),
    ("Wind &amp; solar &lt;1 cent &#8211; a review", "Wind & solar <1 cent – a review"),
    ("T<sub>c</sub> of cuprates", "Tc of cuprates"),                   # no Unicode subscript c: its letter
    (f"A<mml:mspace {MML.replace('xmlns:mml', 'width')}/>B", "AB"),
    ("<mml:math><mml:semantics><mml:mi>x</mml:mi><mml:annotation encoding=\"TeX\">x</mml:annotation>"
     "</mml:semantics></mml:math> once", "x once"),                   # the annotation is the formula again
])
def test_a_records_markup_is_read_as_its_text(value, text):
    from kb.text.latex import latex_to_text
    from kb.text.titles import normalise_title

    assert latex_to_text(value) == text
    assert normalise_title(value) == normalise_title(text)          # found by its words, as the note cites it


@pytest.mark.parametrize("value", [
    "x < y and y > z",                      # a comparison, no tag
    "The <i> tag considered harmful",       # a tag alone: a word of the title
    "Parsing <html> with regular expressions",
    "A <foo>bar</foo> construct",           # no markup kb knows: as written
    "AT\\&amp; escaped by hand",            # the person's '\\&': no entity
    "Tom &amp Jerry",                       # no ';': no entity
])
def test_text_that_looks_like_markup_is_kept(value):
    from kb.text.latex import latex_to_text, markup_as_latex

    assert markup_as_latex(value) == value
    assert "<" not in value or "<" in latex_to_text(value)


@pytest.mark.parametrize("title, latex", [
    ("Effects of <i>in vitro</i> culture", "Effects of \\textit{in vitro} culture"),
    ("CO<sub>2</sub> and <scp>BERT</scp>", "CO\\textsubscript{2} and \\textsc{BERT}"),
    (f"<mml:math {MML}><mml:msup><mml:mi>x</mml:mi><mml:mn>2</mml:mn></mml:msup></mml:math> laws",
     "x\\textsuperscript{2} laws"),
    ("Wind &amp; solar &quot;cheap&quot;", 'Wind \\& solar {\\textquotedbl}cheap{\\textquotedbl}'),
    ("100&#37; of &#x23;1", "100\\% of \\#1"),
])
def test_the_export_writes_a_records_markup_as_latex(title, latex):
    from kb.text.latex import latex_to_text

    for delimited in ["{" + title + "}"] + (['"' + title + '"'] if '"' not in title else []):
        bib = BibFile("@article{k,\n  author = {Doe, Jo},\n  title = " + delimited + ",\n  journal = {J},\n"
                      "  year = {2020},\n  url = {https://x.org/a?b=<i>&amp;c}\n}\n", "x.bib")
        text, changes = bib.shaped_text("k")
        assert "title = " + delimited[0] + latex + delimited[-1] + "," in text
        assert "url = {https://x.org/a?b=<i>&amp;c}" in text          # an address is never rewritten
        assert [kind for kind, _ in changes] == ["title with LaTeX for HTML or MathML markup"]
        read = BibFile(text, "y.bib").entry("k").fields["title"]
        assert read == latex and latex_to_text(read) == latex_to_text(title)    # the same text, set as LaTeX sets it


def test_a_title_without_markup_is_exported_as_written():
    bib = BibFile("@article{k,\n  author = {Doe, Jo},\n  title = {x < y in {BERT}},\n  journal = {J},\n"
                  "  year = {2020},\n}\n", "x.bib")
    assert bib.shaped_text("k") == (bib.entry_text("k"), [])


# -- names as CSL: the von part as BibTeX reads the name written -----------------------------------------------

@pytest.mark.parametrize("raw, csl", [
    ("{van der Berg}, Jan", {"family": "van der Berg", "given": "Jan"}),        # braced whole: one family name
    ("van der Berg, Anna", {"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"}),
    ("Anna van der Berg", {"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"}),
    ("van~der Berg, Anna", {"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"}),
    ("{de la Fontaine}, Jean", {"family": "de la Fontaine", "given": "Jean"}),
    ("{de} la Fontaine, Jean", {"family": "de la Fontaine", "given": "Jean"}),     # braced: no case
    ("Tachet des Combes, Remi", {"family": "Tachet des Combes", "given": "Remi"}),
    ("D'Angelo, Maria", {"family": "D'Angelo", "given": "Maria"}),
    ("O'Neil, Cathy", {"family": "O'Neil", "given": "Cathy"}),
    ("O{'}Brien, Pat", {"family": "O'Brien", "given": "Pat"}),
    ("d'Alembert, Jean", {"family": "d'Alembert", "given": "Jean"}),         # one word: the family name
    ("{Kim}'s, Lab", {"family": "Kim's", "given": "Lab"}),
    ("{Kim's Lab}", {"literal": "Kim's Lab"}),
    ("{\\'E}mile Zola", {"family": "Zola", "given": "Émile"}),
    ("{\\'e}tienne, Jean", {"family": "étienne", "given": "Jean"}),
    ("Ludwig van Beethoven", {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}),
    ("De Vries, Jan", {"family": "De Vries", "given": "Jan"}),                 # capitalised: no particle
    ("van den Oord, Jr, Aaron", {"family": "Oord", "given": "Aaron", "suffix": "Jr",
                                 "non-dropping-particle": "van den"}),
])
def test_a_names_particle_in_csl_is_bibtexs_von_part_as_written(raw, csl):
    from kb.ops.export import csl_name
    from kb.text.names import parse_name

    assert csl_name(parse_name(raw)) == csl
