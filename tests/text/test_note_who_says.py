"""Who says a quote where a sentence names works otherwise than by one citation: 'Neither X nor Y says that "..."'
and 'Like X, Y writes "..."' ask each work (the subject's first); a work whose claim the quote is ('The claim in [3]
that "..." is disputed by [2]', '[3]'s claim that "..." is wrong, as [2] shows') is the quote's, never the work the
sentence goes on to after it; a marker right after the quote, with no words of the sentence between, is still its own."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "firms are committed to this"
_LIST = "\n\n[1] A. Roe, \"Costs,\" 2020.\n[2] B. Doe, \"Firms,\" 2019.\n[3] C. Lee, \"More,\" 2021.\n"


def _who(q) -> str:
    return q.attribution or q.citekey or q.source_text


@pytest.mark.parametrize("before, first, others", [
    ("Neither Doe (2019) nor Roe (2022) claims that", "Doe. 2019.", ["Roe. 2022."]),
    ("Neither Dodge et al. (2022) nor Strubell et al. (2019) says", "Dodge et al. 2022.", ["Strubell et al. 2019."]),
    ("Neither [@doe2019] nor [@roe2022] writes that", "doe2019", ["roe2022"]),
    ("Neither @doe2019 nor @roe2022 hide that", "doe2019", ["roe2022"]),
    ("Like Roe (2020), Dodge et al. (2022) write that", "Dodge et al. 2022.", ["Roe. 2020."]),
    ("Like \\textcite{roe2020}, \\textcite{doe2019} writes", "doe2019", ["roe2020"]),
    # a work set apart otherwise is none of those saying it, as before
    ("Unlike Roe (2020), Doe (2019) says", "Doe. 2019.", []),
    ("Contrary to Roe (2020), Doe (2019) reports that", "Doe. 2019.", []),
    ("As in Roe (2020), Dodge et al. (2022) write", "Dodge et al. 2022.", []),
    ("Building on Roe (2020), Doe (2019) notes", "Doe. 2019.", []),
    ("Compared to Roe (2020), Doe (2019) says", "Doe. 2019.", []),
    ("Differently from Roe (2020), Doe (2019) says", "Doe. 2019.", []),
    # words saying the two works alike besides 'Like'
    ("Just like Roe (2020), Doe (2019) says", "Doe. 2019.", ["Roe. 2020."]),
    ("Much like Roe (2020), Dodge et al. (2022) write that", "Dodge et al. 2022.", ["Roe. 2020."]),
    ("As with @roe2020, @doe2019 says", "doe2019", ["roe2020"]),
    ("As with [@roe2020], [@doe2019] finds that", "doe2019", ["roe2020"]),
    ("Similarly to Roe (2020), Doe (2019) finds", "Doe. 2019.", ["Roe. 2020."]),
    ("In line with \\textcite{roe2020}, \\textcite{doe2019} reports", "doe2019", ["roe2020"]),
    # works joined by 'and' and a word of time: each asked
    ("Doe (2019), and later Roe (2022), write that", "Doe. 2019.", ["Roe. 2022."]),
    ("Doe (2019) and then Roe (2022) note", "Doe. 2019.", ["Roe. 2022."]),
    ("@doe2019, and more recently @roe2022, find", "doe2019", ["roe2022"]),
    # ... never a work the sentence's later clause names alone
    ("Doe (2019) wrote it, and later Roe (2022) wrote that", "Roe. 2022.", []),
    ("Roe (2020) is unlike Doe (2019), who says", "Doe. 2019.", []),
])
def test_works_a_sentence_says_alike_are_each_asked(before: str, first: str, others: list[str]) -> None:
    note = parse_note(f'{before} "{_Q}" (p. 3).\n')
    assert [(_who(q), q.page, [_who(a) for a in q.also]) for q in note.quotes] == [(first, "3", others)]


@pytest.mark.parametrize("before", [
    "Just like Roe (2020) and Lee (2021), Doe (2019) says",    # (two works alike and the subject: not said which)
    "Doe (2019), and later [2], write",               # (two kinds of citation, never read as works named together)
    "Neither Doe (2019) nor [3] claims that",         # (two kinds of citation, never read as works named together)
])
def test_works_said_alike_otherwise_are_not_checked(before: str) -> None:
    note = parse_note(f'{before} "{_Q}" (p. 3).{_LIST}')
    assert note.quotes == [] and [q for _, q in note.unchecked] == [_Q] and note.unchecked_why[_Q]


@pytest.mark.parametrize("before, first, others", [
    ("Neither [1] nor [3] denies that", "[1]", ["[3]"]),
    ("Like [1], [2] writes that", "[2]", ["[1]"]),
    ("Unlike [1], [2] writes that", "[2]", []),
    ("Similar to [1], [3] shows that", "[3]", ["[1]"]),
    ("Consistent with [1], [2] finds", "[2]", ["[1]"]),
    ("Just like [3], [1] reports", "[1]", ["[3]"]),
    ("[1], and later [3], write", "[1]", ["[3]"]),
    ("Dissimilar to [1], [2] writes", "[2]", []),
    ("Contradicting [3], [2] writes that", "[2]", []),
    ("Refuting [1], [3] argues that", "[3]", []),
])
def test_numbers_said_alike_are_each_asked(before: str, first: str, others: list[str]) -> None:
    note = parse_note(f'{before} "{_Q}" (p. 3).{_LIST}')
    assert [(q.source_text, [a.source_text for a in q.also]) for q in note.quotes] == [(first, others)]


@pytest.mark.parametrize("sentence, cited", [
    (f'The claim in [3] that "{_Q}" is disputed by [2].', "[3]"),
    (f'[3]\'s claim that "{_Q}" is wrong, as [2] shows.', "[3]"),
    (f'The argument of [1] that "{_Q}" is refuted in [2].', "[1]"),
    (f'The view in [1] that "{_Q}" does not hold [2].', "[1]"),
    (f'As [3] notes, "{_Q}", which [2] disputes.', "[3]"),
    (f'Lee et al. (2021) claim that "{_Q}", though this is refuted by [2].', "Lee et al. 2021."),
    # no work before the quote says it, or the marker is the quote's own: the marker after it
    (f'The claim in [3] that "{_Q}" [2].', "[2]"),
    (f'In [3], costs rose; "{_Q}" is shown in [2].', "[2]"),
    (f'[3] measured energy, and "{_Q}" is confirmed by [2].', "[2]"),
    (f'The data say "{_Q}", as shown in [2].', "[2]"),
    (f'The claim that "{_Q}" is disputed by [2].', "[2]"),
])
def test_a_quote_a_work_before_it_claims_is_that_works(sentence: str, cited: str) -> None:
    note = parse_note(sentence + _LIST)
    assert [q.source_text or q.attribution for q in note.quotes] == [cited]
