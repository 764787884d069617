"""Citations by authors' names a note writes as writers do: a footnote quoting by the names alone, an attribution
after a block quote with its page in the year's brackets or with no dash, and a narrative citation after a
phrase its comma sets off. (Sentences of Dodge et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"
_LIST = "\n\n## References\n\n- Dodge, J., Prewitt, T., et al. (2022). Measuring the carbon intensity of AI in cloud instances.\n"


@pytest.mark.parametrize("footnote, cited", [
    (f'Dodge et al. write that "{_Q}" (p. 3).', ("Dodge et al", "3")),
    (f'As Dodge et al. put it, “{_Q}” (3).', ("Dodge et al", "3")),
    (f'According to Dodge and Prewitt, "{_Q}" (pp. 3–4).', ("Dodge and Prewitt", "3–4")),
    (f'Dodge et al. note that "{_Q}".', ("Dodge et al", None)),
    (f'See Dodge et al., who argue that "{_Q}" (p. 3).', ("Dodge et al", "3")),
])
@pytest.mark.parametrize("listed", [True, False])
def test_a_footnote_quoting_by_the_authors_names_alone(footnote: str, cited: tuple, listed: bool) -> None:
    # the names cite the work of that author the note lists, or, in a note listing none, the knowledge base holds
    note = parse_note(f"It was measured.[^1]\n\n[^1]: {footnote}" + (_LIST if listed else "\n"))
    assert [(q.quote, q.attribution.rstrip("."), q.page) for q in note.quotes] == [(_Q,) + cited]
    assert [r.number for r in note.references] == (["1"] if listed else [])


def test_a_footnotes_quote_is_cited_in_it_not_by_the_next_footnote() -> None:
    # footnotes on lines one after another: the next one's label and entry cite nothing of this one's quote
    note = parse_note(f'It was measured.[^1] See also.[^2]\n\n[^1]: Strubell et al. (2019) write that "{_Q}" (p. 3).\n'
                      "[^2]: Dodge, J., Prewitt, T., Tachet des Combes, R., et al. (2022). Measuring the carbon "
                      "intensity of AI in cloud instances.\n")
    assert [(q.attribution, q.source_text, q.page) for q in note.quotes] == [("Strubell et al. 2019.", None, "3")]


@pytest.mark.parametrize("said", ["Dodge et al. note that", "Dodge et al. (2022) note that"])
def test_a_footnote_that_is_a_reference_first_stays_one(said: str) -> None:
    # a full note, its title quoted, and a remark quoting the work after it: the text's quote cites it by its mark
    note = parse_note(f'"{_Q}."[^3]\n\n[^3]: Jesse Dodge et al., "Measuring the Carbon Intensity of AI in Cloud '
                      f'Instances," *FAccT* (2022), 3. {said} "the time of day has meaningful impact".\n')
    assert [r.number for r in note.references] == ["^3"]
    assert [(q.quote, q.source_text) for q in note.quotes] == [(_Q + ".", "[^3]")]


@pytest.mark.parametrize("attribution, page, inside", [
    ("— Dodge et al. (2022: 3)", "3", True),
    ("— *Dodge et al. (2022:3)*", "3", False),
    ("(Dodge et al. 2022: 3)", "3", False),         # (inside the quote, its closing brackets, as before)
    ("(Dodge et al., 2022, p. 3)", "3", False),
    ("Dodge et al. (2022, pp. 3–4)", "3–4", True),
    ("Dodge et al. (2022, pp. 3–4)", "3–4", False),
    ("Dodge et al. (2022), p. 3", "3", False),
    ("Dodge et al. (2022)", None, True),
])
def test_an_attribution_after_a_block_quote_gives_its_page(attribution: str, page: str | None, inside: bool) -> None:
    note = parse_note(f"> {_Q}\n" + (f">\n> {attribution}\n" if inside else f"\n{attribution}\n"))
    assert [(q.quote, q.page) for q in note.quotes] == [(_Q, page)]
    assert "2022" in (q := note.quotes[0]).attribution and q.attribution.lstrip("(*— ").startswith("Dodge")


@pytest.mark.parametrize("sentence, cited", [
    (f'In Europe, Dodge et al. (2022) find that "{_Q}" (p. 3).', ("Dodge et al. 2022.", "3")),
    (f'In the United States, Dodge et al. (2022: 3) find that "{_Q}".', ("Dodge et al. 2022.", "3")),
    (f'In Europe, Dodge (2022) finds that "{_Q}" (p. 3).', ("Dodge. 2022.", "3")),
    (f'Recently, Dodge and Prewitt (2022) wrote, "{_Q}" (p. 3).', ("Dodge and Prewitt. 2022.", "3")),
    (f'According to Dodge and colleagues (2022), "{_Q}" (p. 3).', ("Dodge et al. 2022.", "3")),
    (f'Later, Luccioni, Jernite, and Strubell (2023) argue that "{_Q}" (p. 3).',
     ("Luccioni, Jernite, and Strubell. 2023.", "3")),
    (f'Cf. Luccioni and Hernandez-Garcia, who observe that "{_Q}" (3).', ("Luccioni and Hernandez-Garcia.", "3")),
])
def test_a_narrative_citation_after_a_leading_phrase(sentence: str, cited: tuple) -> None:
    assert [(q.attribution, q.page) for q in parse_note(sentence + "\n").quotes] == [cited]


@pytest.mark.parametrize("sentence, cited", [
    # Harvard's three names, no comma before "and", after a word and its comma: a list, never two of its names
    (f'In Garcia, Smith and Jones (2020) we read that "{_Q}" (p. 3).', ("Garcia, Smith and Jones. 2020.", "3")),
])
def test_names_after_a_word_and_its_comma_may_be_a_list(sentence: str, cited: tuple) -> None:
    assert [(q.attribution, q.page) for q in parse_note(sentence + "\n").quotes] == [cited]


@pytest.mark.parametrize("after", [", but Roe et al. (2020) disagree.", " (p. 3), unlike Roe and Poe (2020).",
                                   " (p. 3), but Roe (2020) says otherwise."])
def test_a_quote_said_by_the_citation_before_it_is_never_the_next_clauses_work(after: str) -> None:
    note = parse_note(f'Dodge et al. (2022) write that "{_Q}"{after}\n')
    assert [q.attribution for q in note.quotes] == ["Dodge et al. 2022."]


@pytest.mark.parametrize("note, cited", [
    # a second quote of the clause saying the first: the same work, at its own page
    (f'Dodge et al. (2022) write that "{_Q}" (p. 3), and that "{_Q} too" (p. 4).', "Dodge et al. 2022."),
    (f'Text.[^1]\n\n[^1]: Dodge et al. write that "{_Q}" (p. 3), and add that "{_Q} too" (p. 4).', "Dodge et al."),
])
def test_a_second_quote_of_the_clause_is_at_its_own_page(note: str, cited: str) -> None:
    assert [(q.attribution, q.page) for q in parse_note(note + "\n").quotes] == [(cited, "3"), (cited, "4")]


def test_a_quote_of_the_work_its_paragraph_cites_is_at_its_own_page() -> None:
    note = parse_note(f'Dodge et al. (2022) measured it. "{_Q}" (p. 5).\n')
    assert [(q.attribution, q.page) for q in note.quotes] == [("Dodge et al. 2022.", "5")]


@pytest.mark.parametrize("note, cited", [
    (f'@dodge2022 [p. 3] observes that "{_Q}", but @roe2020 disagrees.', (None, "dodge2022", "3")),
    (f'As [1] notes, "{_Q}" (p. 3), but Strubell et al. (2019) differ.\n\n## References\n\n[1] J. Dodge et al., '
     '"Measuring the carbon intensity of AI in cloud instances," 2022.', ("[1]", None, "3")),
])
def test_a_quote_said_by_a_key_or_number_before_it_is_never_the_next_clauses_work(note: str, cited: tuple) -> None:
    assert [(q.source_text, q.citekey, q.page) for q in parse_note(note + "\n").quotes] == [cited]
