"""What LaTeX reads as markup in a person's BibTeX value ('&', '%', '#', a lone '$', '_' and '^' outside math):
BibTeX and biber copy it into the .bbl, where LaTeX stops at it ('Energy & Policy': Misplaced alignment tab).
kb export bib escapes it and says so; --as-stored keeps it and says so, one line a field; kb doctor says it at
its line. Math, escaped specials, addresses and keys are left as written."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kb.sources.bibtex import (
    BibFile,
    field_specials,
    fit_model,
    latex_specials,
    parse_entries,
    render_entry,
    specials_said,
)
from kb.text.latex import latex_to_text

CASES = [
    # (value as written, as the export writes it, what was found)
    ("Energy & Policy", "Energy \\& Policy", ["'&'"]),
    ("AT&T Labs", "AT\\&T Labs", ["'&'"]),
    ("Savings of 50% in 2020", "Savings of 50\\% in 2020", ["'%'"]),
    ("Issue #3 of the series", "Issue \\#3 of the series", ["'#'"]),
    ("in_place updates", "in\\_place updates", ["'_' outside math"]),
    ("E=mc^2 revisited", "E=mc\\textasciicircum{}2 revisited", ["'^' outside math"]),
    ("It costs $5 a day", "It costs \\$5 a day", ["a lone '$'"]),
    ("R&D: 40% #1", "R\\&D: 40\\% \\#1", ["'&'", "'%'", "'#'"]),
    ("see https://x.org/a_b%20c", "see https://x.org/a\\_b\\%20c", ["'_' outside math", "'%'"]),
    ("$x_1$ and y_2", "$x_1$ and y\\_2", ["'_' outside math"]),
    ("\\(x_1\\) and y^2", "\\(x_1\\) and y\\textasciicircum{}2", ["'^' outside math"]),
    ("a line\\\\& after", "a line\\\\\\& after", ["'&'"]),           # '\\' is a line break: the '&' is bare
    ("$a & b$", "$a \\& b$", ["'&'"]),                                 # in math too
    ("see \\href{http://x.org/a_b%2F}{a_b}", "see \\href{http://x.org/a_b%2F}{a\\_b}", ["'_' outside math"]),
]

KEPT = [
    "Energy \\& Policy",                    # escaped already
    "50\\% of \\#1 in\\_place, \\$5",
    "$O(n^2)$ and $\\alpha_i$ bounds",       # math
    "\\url{http://x.org/a_b%20c#frag}",      # an address
    "as \\cite{doe_2020} and \\ref{sec:a_b} show",
    "Caf\\'e \\^{o} \\~n",                   # accents
    "A plain title",
    "",
]


@pytest.mark.parametrize("value, written, found", CASES)
def test_a_bare_special_is_escaped_and_said(value, written, found):
    assert latex_specials(value) == (written, found)
    assert latex_specials(written) == (written, [])                  # once: escaping it again changes nothing
    if "$" not in value:
        assert latex_to_text(written) == latex_to_text(value)        # kb reads the same text


@pytest.mark.parametrize("value", KEPT)
def test_math_escapes_addresses_and_keys_are_kept(value):
    assert latex_specials(value) == (value, [])


@pytest.mark.parametrize("value", ["$a$ costs $5", "$x$, $y$ and $"])
def test_dollars_of_an_odd_count_are_said_and_kept(value):
    """Three '$': which one is math is not clear; nothing changed, '_' beside them neither."""
    written, found = latex_specials(value + " a_b")
    assert written == value + " a_b" and found == ["an unpaired '$'"]


@pytest.mark.parametrize("name, raw, written", [
    ("title", "{Energy & Policy}", "{Energy \\& Policy}"),
    ("title", '"Energy & {Policy}"', '"Energy \\& {Policy}"'),
    ("journal", "  {A & B}", "  {A \\& B}"),
    ("title", "{A} # {&}", "{A} # {&}"),               # a concatenation: as written
    ("journal", "ieeetpami", "ieeetpami"),             # a macro: its @string as written
    ("url", "{https://x.org/a_b&c=1%20}", "{https://x.org/a_b&c=1%20}"),
    ("doi", "{10.1002/(SICI)1097-0258(199603)15:6<613::AID-SIM191>3.0.CO;2-#}",
     "{10.1002/(SICI)1097-0258(199603)15:6<613::AID-SIM191>3.0.CO;2-#}"),
    ("crossref", "{conf_2020}", "{conf_2020}"),
    ("file", "{:C\\:/papers/a_b.pdf:PDF}", "{:C\\:/papers/a_b.pdf:PDF}"),
])
def test_a_field_is_escaped_inside_its_one_value(name, raw, written):
    assert field_specials(name, raw)[0] == written


def _shaped(body: str, extra: str = "") -> tuple[str, list[tuple[str, str]]]:
    bib = BibFile(extra + "@article{k,\n  author = {Doe, Jo},\n  journal = {J},\n  year = {2020},\n" + body + "}\n",
                  "x.bib")
    return bib.shaped_text("k")


def test_the_export_escapes_a_persons_specials_and_says_each_field():
    text, changes = _shaped("  title = {Energy & Policy: 50% in_place},\n  note = {see #3},\n"
                            "  url = {https://x.org/a_b%20c},\n")
    assert "title = {Energy \\& Policy: 50\\% in\\_place}," in text and "note = {see \\#3}," in text
    assert "url = {https://x.org/a_b%20c}," in text
    said = [d for k, d in changes if k == "LaTeX's specials escaped"]
    assert said == ["title: a bare '&' (Misplaced alignment tab), a bare '%' (a comment to the line's end), "
                    "'_' outside math (Missing $ inserted) escaped for LaTeX",
                    "note: a bare '#' (a macro parameter) escaped for LaTeX"]


def test_an_entry_escaped_already_is_copied_byte_for_byte():
    body = "  title = {Energy \\& Policy of $O(n^2)$},\n  url = {https://x.org/a_b},\n"
    text, changes = _shaped(body)
    assert text.endswith(body + "}") and changes == []


def test_a_note_kb_adds_to_is_escaped_once():
    """A volume biber cannot read goes to note: the person's note and the volume are written escaped, once."""
    text, changes = _shaped("  title = {T},\n  volume = {38 & 39},\n  note = {50% off},\n")
    assert "note = {50\\% off; volume 38 \\& 39}" in text
    assert "volume =" not in text


def test_an_at_string_holding_a_special_is_said_and_kept():
    text, changes = _shaped("  title = {T},\n  series = ieee,\n",
                            extra="@string{ieee = {IEEE Trans. Pattern Anal. & Mach. Intell.}}\n")
    assert "series = ieee," in text
    assert ("LaTeX's specials kept in an @string", "series: a bare '&' (Misplaced alignment tab) kept as its "
            "@string or concatenation writes it") in changes
    assert "LaTeX's specials escaped" not in [k for k, _ in changes]


def test_the_fields_latex_is_handed_are_listed_at_their_lines():
    bib = BibFile("@article{k,\n  title = {Energy & Policy},\n  author = {Doe, Jo},\n  journal = {J},\n"
                  "  year = {2020},\n  url = {https://x.org/a_b},\n  mendeley-tags = {a_b},\n"
                  "  abstract = {A 50% cut},\n}\n", "x.bib")
    assert bib.latex_specials("k") == [("title", 2, ["'&'"]), ("abstract", 8, ["'%'"])]
    assert bib.latex_specials("nothing") == []
    assert specials_said(["'&'", "a lone '$'"]) == "a bare '&' (Misplaced alignment tab), a lone '$' (math to the " \
                                                   "next '$')"


@pytest.mark.skipif(not (shutil.which("bibtex") and shutil.which("pdflatex")), reason="no bibtex or pdflatex")
def test_latex_typesets_the_export_where_it_stops_at_the_stored(tmp_path):
    """The check the escapes are for: BibTeX's plain style, then LaTeX, over the stored and the shaped entry."""
    entry = ("@article{k,\n  title = {Energy & Policy: 50% of #3 in_place},\n  author = {Doe, Jo},\n"
             "  journal = {A & B},\n  year = {2020},\n}\n")
    shaped, _ = BibFile(entry, "x.bib").shaped_text("k")

    def errors(bib: str) -> list[str]:
        (tmp_path / "r.bib").write_text(bib)
        (tmp_path / "t.tex").write_text("\\documentclass{article}\\begin{document}\\nocite{*}"
                                        "\\bibliographystyle{plain}\\bibliography{r}\\end{document}\n")
        run = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "t"]
        subprocess.run(run, cwd=tmp_path, capture_output=True, timeout=120)
        subprocess.run(["bibtex", "t"], cwd=tmp_path, capture_output=True, timeout=120)
        out = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, errors="replace", timeout=120)
        return [line for line in out.stdout.splitlines() if line.startswith("!")]

    assert errors(entry)                  # the stored entry: LaTeX stops
    assert errors(shaped) == []


# -- kb's own volume, number and month, as biber reads them -------------------------------------------------

@pytest.mark.parametrize("volume, written", [
    ("38-38", "38"), ("38--38", "38"), ("38 \u2013 38", "38"), ("007-7", "007"),
    ("38-39", "38-39"), ("38", "38"), ("Suppl 1", "Suppl 1"), ("1-2-3", "1-2-3"),
])
def test_kbs_own_volume_of_one_number_is_that_number(volume, written):
    fields = fit_model("article", {"title": "T", "volume": volume, "number": volume, "year": "2020"})
    assert fields["volume"] == written and fields["number"] == written


@pytest.mark.parametrize("entry_type, month, macro, eventdate, note", [
    ("inproceedings", "May 2 - May 7", "may", "2004-05-02/2004-05-07", None),
    ("inproceedings", "June 6-11", "jun", "2004-06-06/2004-06-11", None),
    ("inproceedings", "Nov. 16--20", "nov", "2004-11-16/2004-11-20", None),
    ("inproceedings", "July 28 - August 2", "jul", "2004-07-28/2004-08-02", None),
    ("inproceedings", "September 9", "sep", "2004-09-09", None),
    ("inproceedings", "May 32", "may", None, "May 32"),                  # no day: the text in note
    ("inproceedings", "August 2 - July 28", "aug", None, "August 2 - July 28"),
    ("article", "May 2 - May 7", "may", None, "May 2 - May 7"),         # no eventdate in an @article
    ("proceedings", "June 6-11", "jun", "2004-06-06/2004-06-11", None),
])
def test_kbs_own_month_with_days_is_its_month_the_days_kept(entry_type, month, macro, eventdate, note):
    text = render_entry("k", entry_type, {"title": "T", "author": "Doe, J", "booktitle": "P", "journal": "J",
                                          "year": "2004", "month": month})
    fields = parse_entries(text)[0][2]
    assert f"month = {macro}," in text
    assert fields.get("eventdate") == eventdate and fields.get("note") == note


@pytest.mark.parametrize("month", ["Spring", "Summer 2004", "may", "5", "May"])
def test_a_month_naming_no_days_is_left_to_the_macro_or_as_written(month):
    fields = fit_model("inproceedings", {"title": "T", "year": "2004", "month": month})
    assert fields["month"] == month and "eventdate" not in fields and "note" not in fields


def test_a_persons_note_keeps_its_text_when_kb_adds_the_days():
    bib = BibFile("@article{k,\n  title = {T},\n  note = {Oral.},\n  year = {2004},\n}\n", "x.bib")
    bib.set_entry("k", "article", {"month": "May 2 - May 7"})
    assert "note = {Oral. May 2 - May 7}," in bib.render() and "month = may," in bib.render()
    bib = BibFile("@inproceedings{k,\n  title = {T},\n  year = {2004},\n}\n", "x.bib")
    bib.set_entry("k", "inproceedings", {"month": "June 6-11"})
    assert "eventdate = {2004-06-06/2004-06-11}" in bib.render()


@pytest.mark.skipif(not shutil.which("biber"), reason="biber is not on PATH")
def test_biber_reads_kbs_own_volume_and_month_without_a_warning(tmp_path):
    text = (render_entry("a", "inproceedings", {"title": "T", "author": "Doe, J", "booktitle": "P", "year": "2004",
                                                "month": "May 2 - May 7", "volume": "3-3"})
            + render_entry("b", "article", {"title": "T", "author": "Doe, J", "journal": "J", "year": "2020",
                                            "volume": "38-38", "month": "June 6-11"}))
    (tmp_path / "k.bib").write_text(text)
    out = subprocess.run(["biber", "--tool", "--validate-datamodel", "--output-file", str(tmp_path / "o.bib"),
                          str(tmp_path / "k.bib")], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert "WARN" not in out.stdout and "ERROR" not in out.stdout, out.stdout


@pytest.mark.parametrize("volume, written, kind", [
    ("{38-38}", "volume = {38},", "volume of one number as it"),
    ("{38--38}", "volume = {38},", "volume of one number as it"),
    ('"12 - 12"', "volume = {12},", "volume of one number as it"),
    ("{38-39}", "note = {volume 38-39}", "volume moved to note"),       # a range: no number biber reads
    ("{IV}", "note = {volume IV}", "volume moved to note"),
])
def test_the_export_writes_a_volume_of_one_number_as_it(volume, written, kind):
    text, changes = _shaped(f"  title = {{T}},\n  volume = {volume},\n")
    assert written in text and kind in [k for k, _ in changes]
