"""A work a sentence's subject sets apart in an aside between commas ('following', 'as in', 'after', 'building on',
'unlike') is not the quote's: the subject's work is; where the subject is no one work, or the aside does not close
before what it says, no work is. A work set apart opening the sentence ('Like', 'As in', 'After') is not the quote's
either. (A sentence of Dodge et al. 2022, p. 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"


@pytest.mark.parametrize("before, cited", [
    ("Dodge (2022), following Roe (2020), write", "Dodge. 2022."),
    ("In short, Dodge et al. (2022), as in Roe and Lee (2020), note that", "Dodge et al. 2022."),
    ("Dodge et al. (2022), building on Roe (2020), write", "Dodge et al. 2022."),
    ("As in Roe (2020), Dodge et al. (2022) write", "Dodge et al. 2022."),
    ("After Roe (2020), Dodge et al. (2022) say", "Dodge et al. 2022."),
    ("Doe (2019) and Lee (2020), following Roe (2022), say", None),
    ("Costs rose (Doe, 2019), as in Roe (2020), and", None),
    ("Dodge (2022), after Roe (2020) closely write", None),
])
def test_the_subject_not_the_aside_is_the_quotes_work(before: str, cited: str | None) -> None:
    note = parse_note(f'{before} "{_Q}" (p. 3).\n')
    assert [(q.attribution, q.page) for q in note.quotes] == ([(cited, "3")] if cited else [])
    assert len(note.unchecked) == (0 if cited else 1)


@pytest.mark.parametrize("before, cited", [
    ("Dodge et al. (2022) write, following Roe (2020), that", "Dodge et al. 2022."),
    ("Dodge (2022) notes at length, as in Roe and Lee (2020),", "Dodge. 2022."),
    ("Dodge et al. (2022) argue, unlike Roe (2020), that", "Dodge et al. 2022."),
    ("Dodge et al. (2022) and Lee (2021) write, following Roe (2020), that", None),
    ("Dodge et al. (2022) write, following Roe (2020), who said", None),      # the aside's work says it
    ("Dodge et al. (2022), following Roe (2020), whose words are", None),
    ("Costs rose (Dodge et al., 2022) and, following Roe (2020),", None),
])
def test_an_aside_after_the_subjects_verb_is_not_the_quotes_work(before: str, cited: str | None) -> None:
    note = parse_note(f'{before} "{_Q}" (p. 3).\n')
    assert [(q.attribution, q.page) for q in note.quotes] == ([(cited, "3")] if cited else [])
    assert len(note.unchecked) == (0 if cited else 1)


@pytest.mark.parametrize("before, why", [
    # (works of two kinds of citation named together: never read as works cited together)
    ("Like Roe (2020), Dodge et al. (2022) and [@strubell2019] say",
     "said by 2 works named together before it (Dodge et al. (2022); [@strubell2019])"),
    ("Doe (2019), Lee (2021) and @roe2022 say", "said by 3 works named together before it"),
    # (joined by a comma alone, or after words setting the first apart: never read as works cited together)
    ("Rather than Roe (2020), Doe (2019) writes", "said by 2 works named together before it"),
    ("Besides [1], [2] writes", "said by 2 works named together before it ([1]; [2])"),
    ("Beyond @roe2020 and @lee2021, @doe2019 notes", "said by 3 works named together before it"),
    ("Doe (2019), Roe (2022) write", "said by 2 works named together before it"),
    ("Dodge et al. (2022) and Lee (2021) write, following Roe (2020), that", "Roe (2020), is set apart"),
])
def test_a_quote_said_by_no_one_work_named_before_it_is_unchecked_saying_why(before: str, why: str) -> None:
    note = parse_note(f'{before} "firms are committed to this" (p. 3).\n')
    assert note.quotes == [] and [q for _, q in note.unchecked] == ["firms are committed to this"]
    assert why in note.unchecked_why["firms are committed to this"]


@pytest.mark.parametrize("before, first, others", [
    ("Like Roe (2020), Dodge et al. (2022) and Strubell et al. (2019) say", "Dodge et al. 2022.",
     ["Strubell et al. 2019."]),
    ("Doe (2019), Lee (2021) and Roe (2022) say", "Doe. 2019.", ["Lee. 2021.", "Roe. 2022."]),
    ("Both Doe (2019) and Roe (2022) note", "Doe. 2019.", ["Roe. 2022."]),
    ("Doe (2019) or Roe (2022) writes", "Doe. 2019.", ["Roe. 2022."]),
    ("Doe (2019) as well as Roe (2022) write", "Doe. 2019.", ["Roe. 2022."]),
    ("[@doe2019] and [@roe2022] write that", "doe2019", ["roe2022"]),
    ("@doe2019, @lee2021 and @roe2022 say", "doe2019", ["lee2021", "roe2022"]),
    ("\\textcite{doe2019} and \\textcite{roe2022} write", "doe2019", ["roe2022"]),
    # the work set apart, or set against the next, is none of those saying it
    ("Doe (2019), following Roe (2022), says", "Doe. 2019.", []),
    ("Doe (2019) and, by contrast, Roe (2022) write", "Roe. 2022.", []),
])
def test_works_named_together_saying_a_quote_are_each_asked(before: str, first: str, others: list[str]) -> None:
    note = parse_note(f'{before} "firms are committed to this" (p. 3).\n')
    assert [(q.attribution or q.citekey, q.page, [a.attribution or a.citekey for a in q.also]) for q in note.quotes] \
        == [(first, "3", others)] and note.unchecked == []


@pytest.mark.parametrize("before, cited", [
    ("\\textcite{dodge2022} write, following \\textcite{strubell2019}, that", "dodge2022"),
    ("\\citet{dodge2022}, following \\citet{roe2020}, write", "dodge2022"),
    ("Costs rose \\citep{dodge2022} and, following \\textcite{roe2020},", None),
    ("\\textcite{dodge2022} and \\textcite{lee2021} write, following \\textcite{roe2020}, that", None),
])
def test_a_key_cited_as_the_subject_not_the_aside_is_the_quotes_work(before: str, cited: str | None) -> None:
    note = parse_note(f'{before} "{_Q}" (p. 3).\n')
    assert [(q.citekey, q.page) for q in note.quotes] == ([(cited, "3")] if cited else [])


_LIST = "\n\n[1] A. Roe, \"Costs,\" 2020.\n[2] B. Doe, \"Firms,\" 2019.\n[3] C. Lee, \"More,\" 2021.\n"


@pytest.mark.parametrize("before, first, others", [
    ("Unlike [1], [2] writes that", "[2]", []),
    ("Contrary to [1], [2] says", "[2]", []),
    ("Compared with [1], [2] notes", "[2]", []),
    ("Building on [1], [2] writes", "[2]", []),
    ("In contrast to [3]; [2] writes", "[2]", []),
    # a list of numbers the sentence sets nothing apart in: the works cited together, as before
    ("[1], [2] write that", "[1]", ["[2]"]),
    ("[1]-[3] write that", "[1]", ["[2]", "[3]"]),
    ("As [1], [2] write,", "[1]", ["[2]"]),
])
def test_numbers_set_apart_before_the_subjects_are_none_of_its_works(before: str, first: str,
                                                                      others: list[str]) -> None:
    note = parse_note(f'{before} "firms are committed to this" (p. 3).{_LIST}')
    assert [(q.source_text, [a.source_text for a in q.also]) for q in note.quotes] == [(first, others)]
