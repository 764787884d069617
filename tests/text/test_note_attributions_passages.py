"""A quote's attribution after a phrase or naming several works, a footnote quoting a passage where a short form has
its title, MLA's author and page after a quote, and a footnote naming authors the note does not list. (Sentences of
Dodge et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"


@pytest.mark.parametrize("note, cited", [
    (f"> {_Q}\n\n— In Europe, Dodge et al. (2022: 5)\n", "Dodge et al. (2022: 5)"),
    (f"> {_Q}\n>\n> — *In the United States, Dodge et al. (2022: 5)*\n", "Dodge et al. (2022: 5)"),
    (f"> {_Q}\n\n— Recently, Dodge et al. (2022, p. 5)\n", "Dodge et al. (2022, p. 5)"),
    (f'"{_Q}" — In Europe, Dodge et al. (2022: 5)\n', "Dodge et al. (2022: 5)"),
    # ... or after words opening it that are no names
    (f"> {_Q}\n\n— According to Dodge et al. (2022: 5)\n", "Dodge et al. (2022: 5)"),
    (f"> {_Q}\n\n— As noted by Dodge et al. (2022, p. 5)\n", "Dodge et al. (2022, p. 5)"),
])
def test_an_attribution_after_a_leading_phrase_names_the_work_after_it(note: str, cited: str) -> None:
    assert [(q.attribution, q.page) for q in parse_note(note).quotes] == [(cited, "5")]


@pytest.mark.parametrize("note", [
    f"> {_Q}\n\n— Dodge et al. 2022; Strubell et al. 2019\n",
    f"> {_Q}\n>\n> — Dodge et al. (2022, p. 3); Strubell et al. (2019)\n",
    f'"{_Q}" — Dodge et al. 2022; Strubell et al. 2019\n',
    f"> [!quote] Luccioni & Hernandez-Garcia 2023; Dodge et al. 2022\n> {_Q}\n",     # a quote callout's title
])
def test_an_attribution_naming_two_works_is_told_never_checked_against_one(note: str) -> None:
    parsed = parse_note(note)
    assert parsed.quotes == [] and parsed.problems == [] and [line for line, _ in parsed.unchecked] == [1]
    assert [why.split(" (")[0] for why in parsed.unchecked_why.values()] == ["it is attributed to 2 works"]


@pytest.mark.parametrize("note, cited", [
    # MLA's author and page: on the line after a block quote, one name alone, and in the sentence saying the quote
    (f"> {_Q}\n\n(Dodge et al. 3)\n", ("Dodge et al.", "3")),
    (f"> {_Q}\n\n(Dodge 3).\n", ("Dodge.", "3")),
    (f'"{_Q}" (Dodge 3).\n', ("Dodge.", "3")),
    (f'Dodge et al. (p. 3) write that "{_Q}".\n', ("Dodge et al.", "3")),
    (f'As Dodge and Prewitt (pp. 3–4) put it, "{_Q}".\n', ("Dodge and Prewitt.", "3–4")),
    # ... never a place in a work nor a word before a page
    (f'"{_Q}" (Table 3).\n\n> {_Q}\n\n(Fig. 3)\n\n"{_Q}" (Dodge 4).\n', ("Dodge.", "4")),
    (f'The results (p. 3) show that "{_Q}". Dodge (p. 4) notes that "{_Q}".\n', ("Dodge.", "4")),
])
def test_mla_author_and_page_after_a_quote_or_before_it(note: str, cited: tuple) -> None:
    assert [(q.attribution, q.page) for q in parse_note(note).quotes] == [cited]


def test_one_name_and_a_page_cites_the_one_paper_of_that_first_author_else_is_not_checked(kb_root, tmp_path) -> None:
    from kb.ops.papers import import_bib
    from kb.ops.quotes import verify_note
    from kb.ops.session import open_kb

    (tmp_path / "in.bib").write_text("@misc{dodge2022measuring, title = {Measuring the Carbon Intensity of {AI} in "
                                     "Cloud Instances}, author = {Dodge, Jesse and Prewitt, Taylor}, year = {2022}}\n")
    kb = open_kb(kb_root)
    import_bib(kb, tmp_path / "in.bib")
    (tmp_path / "note.md").write_text(f'"{_Q}" (Dodge 3).\n\n"{_Q}" (Llama 2).\n', "utf-8")
    verdicts, _ = verify_note(kb, tmp_path / "note.md")
    assert [(v.citekey, v.status, v.failed) for v in verdicts] == [("dodge2022measuring", "no-text", False),
                                                                  (None, "unchecked", False)]


@pytest.mark.parametrize("passage, cited", [
    # a passage of the work where a short form has its title: a quote of that work at the page after it
    (f'Dodge et al., "{_Q}," 3.', ("Dodge et al.", "3")),
    (f'Dodge and Prewitt, “{_Q}.” p. 3.', ("Dodge and Prewitt.", "3")),
    (f'Dodge et al. (2022), "{_Q}," 3.', ("Dodge et al. 2022.", "3")),
    # ... its terms capitalised, or longer than a title, no word of a clause in it
    ('Dodge, "Specifically, we focus on energy consumption of Graphical Processing Units, or GPUs," 4.', ("Dodge.", "4")),
    ('Dodge et al., "The tool calculates operational carbon emissions by using location-based and time-specific '
     'marginal emissions data per energy unit," 2.', ("Dodge et al.", "2")),
])
@pytest.mark.parametrize("title", [
    # ... never a title, capitalised as one, or a title's words with no clause, or the title of a work it lists
    'Dodge et al., "Measuring the Carbon Intensity of AI in Cloud Instances and Other Places," 3.',
    'Dodge et al., "Measuring the carbon intensity of artificial intelligence in cloud instances," 3.',
    'Doe, "What is the carbon footprint of machine learning in practice," 3.\n\n## References\n\n'
    "- Doe, J. (2020). What is the carbon footprint of machine learning in practice. Venue.",
])
def test_a_footnote_quoting_a_passage_in_its_titles_place(passage: str, cited: tuple, title: str) -> None:
    note = parse_note(f"It was measured.[^2] And cited.[^3]\n\n[^3]: {passage}\n[^2]: {title}\n")
    assert [(q.attribution, q.page) for q in note.quotes] == [cited]
    assert [r.number for r in note.references if r.number and r.number.startswith("^")] == ["^2"]


def test_a_footnotes_names_its_list_holds_no_work_of_cite_the_one_paper_here_of_theirs(kb_root, tmp_path) -> None:
    from kb.ops.papers import import_bib
    from kb.ops.quotes import verify_note
    from kb.ops.session import open_kb

    (tmp_path / "in.bib").write_text("@misc{dodge2022measuring, title = {Measuring the Carbon Intensity of {AI} in "
                                     "Cloud Instances}, author = {Dodge, Jesse and Prewitt, Taylor}, year = {2022}}\n")
    kb = open_kb(kb_root)
    import_bib(kb, tmp_path / "in.bib")
    (tmp_path / "note.md").write_text(
        f'It was measured.[^1] Again.[^2] Not here.[^3]\n\n[^1]: Dodge et al. write that "{_Q}" (p. 3).\n'
        f'[^2]: Dodge and Prewitt, "{_Q}," 4.\n[^3]: Roe et al. write that "{_Q}" (p. 3).\n\n'
        "## References\n\n- Strubell, E., Ganesh, A. (2019). Energy and policy considerations for deep learning.\n",
        "utf-8")
    verdicts, _ = verify_note(kb, tmp_path / "note.md")
    assert [(v.citekey, v.status, v.cited_page) for v in verdicts] == [
        ("dodge2022measuring", "no-text", "3"), ("dodge2022measuring", "no-text", "4"), (None, "no-source", "3")]
    assert "no paper here has its first author 'roe'" in verdicts[2].message


@pytest.mark.parametrize("note", [
    # the same in a list of endnotes, and in an exported document's notes (its link back to the mark no citation)
    f"Text.¹\n\n## Notes\n\n1. Dodge et al., “{_Q},” 3.\n",
    # (its words in a block quote of the note as well: a passage still, never a title written twice)
    f"> {_Q}\n\nText.¹\n\n## Notes\n\n1. Dodge et al., “{_Q},” 3.\n",
    f'<html><body><p>Text.<sup><a href="#fn1" id="fnref1">1</a></sup></p><section class="footnotes"><ol>'
    f'<li id="fn1"><p>Dodge et al., “{_Q},” 3. <a href="#fnref1">↩︎</a></p></li></ol></section></body></html>\n',
])
def test_an_endnote_quoting_a_passage_in_its_titles_place(note: str) -> None:
    parsed = parse_note(note)
    assert [(q.attribution, q.page) for q in parsed.quotes if q.kind == "inline"] == [("Dodge et al.", "3")]
    assert parsed.references == []
