"""Markers of one kind joined by 'and', 'or' or '&' after a quote ('"..." [1] and [2]', '[1] or [3]', '[1], [2], and
[4]', '[@a] and [@b]', '(Doe, 2019) and (Roe, 2020)', '<sup>1</sup> and <sup>2</sup>') cite the works together, as '[1],
[2]' does: the quote is each work's to check, never the nearer one's alone (it was checked in '[1]' only, and said not
found where '[2]' holds it); ending a blockquote too ('> ... [3] and [4]' had '[3] and' read as quoted words). Never
a marker after other words ('[2] but not [1]', '[2] and later [1]'), of another kind, or the subject of what follows
('[1] and [4] disagree'). LaTeX's raised note numbers ('\\textsuperscript{2}', '{1,3}', '{1--3}') are read as
'<sup>' ones are (the quote was not checked); a raised number glued to a unit or a number stays a power."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Cloud companies strive for energy efficient datacenters since it saves money and lowers emissions."
_LIST = ("\n\n## References\n\n1. Strubell E, Ganesh A. Energy and Policy Considerations for Deep Learning in NLP. "
         "ACL. 2019.\n2. Patterson D, Le Q. Carbon Emissions and Large Neural Network Training. arXiv. 2021.\n"
         "3. Dodge J, Prewitt T. Measuring the Carbon Intensity of AI in Cloud Instances. FAccT. 2022.\n"
         "4. Luccioni AS, Hernandez-Garcia A. Counting Carbon. arXiv. 2023.\n")


def _works(q) -> list[tuple]:
    """Each work a quote cites, as (its key or label or names, its page)."""
    def one(x):
        return (x.citekey or x.source_link or x.source_text or (x.attribution or "").rstrip("."), x.page)
    return [one(q)] + [one(o) for o in q.also]


@pytest.mark.parametrize("body, works", [
    (f"They write “{_Q}” [1] and [2].{_LIST}", [("[1]", None), ("[2]", None)]),
    (f"They write “{_Q}” [1] or [3].{_LIST}", [("[1]", None), ("[3]", None)]),
    (f"They write “{_Q}” [2] & [3].{_LIST}", [("[2]", None), ("[3]", None)]),
    (f"They write “{_Q}” [2] &amp; [3].{_LIST}", [("[2]", None), ("[3]", None)]),
    (f"They write “{_Q}” [1], and [3].{_LIST}", [("[1]", None), ("[3]", None)]),
    (f"They write “{_Q}” [1], [2], and [4].{_LIST}", [("[1]", None), ("[2]", None), ("[4]", None)]),
    (f"They write “{_Q}” [4] and [1]–[2].{_LIST}", [("[4]", None), ("[1]", None), ("[2]", None)]),
    (f"They write “{_Q}”<sup>1</sup> and <sup>3</sup>.{_LIST}", [("[1]", None), ("[3]", None)]),
    (f"They write “{_Q}” [@strubell2019] and [@patterson2021].", [("strubell2019", None), ("patterson2021", None)]),
    (f"They write “{_Q}” [@strubell2019, p. 3] or [@patterson2021, p. 7].",
     [("strubell2019", "3"), ("patterson2021", "7")]),
    (f"They write “{_Q}” (Strubell et al., 2019) and (Patterson et al., 2021).",
     [("Strubell et al. 2019", None), ("Patterson et al. 2021", None)]),
    # ending a blockquote: all of them, the joining word no quoted word
    (f"> {_Q} [3] and [4]{_LIST}", [("[3]", None), ("[4]", None)]),
    (f"> {_Q} [@dodge2022] and [@luccioni2023]", [("dodge2022", None), ("luccioni2023", None)]),
])
def test_markers_joined_by_a_word_cite_the_works_together(body: str, works: list[tuple]) -> None:
    note = parse_note(f"# Note\n\n{body}\n")
    assert len(note.quotes) == 1
    assert _works(note.quotes[0]) == works
    assert note.quotes[0].quote.rstrip(".") == _Q.rstrip(".")


@pytest.mark.parametrize("body, works", [
    # another word between: another clause's marker
    (f"They write “{_Q}” [2] but not [1].{_LIST}", [("[2]", None)]),
    (f"They write “{_Q}” [2] and later [1].{_LIST}", [("[2]", None)]),
    (f"They write “{_Q}” [2] and also see [1].{_LIST}", [("[2]", None)]),
    (f"They write “{_Q}” [2]and[1].{_LIST}", [("[2]", None)]),
    # the subject of the words after it
    (f"They write “{_Q}” [1] and [4] disagree.{_LIST}", [("[1]", None)]),
    (f"They write “{_Q}” [1], and [4] found otherwise.{_LIST}", [("[1]", None)]),
    (f"They write “{_Q}” [@patterson2021] and [@strubell2019] showed the opposite.", [("patterson2021", None)]),
    # of another kind, or set beside it
    (f"They write “{_Q}” [2] and (Strubell et al., 2019).{_LIST}", [("[2]", None)]),
    (f"They write “{_Q}” [2] and [see also 1].{_LIST}", [("[2]", None)]),
    (f"They write “{_Q}” [@patterson2021] and [see also @strubell2019].", [("patterson2021", None)]),
    # each quote its own marker
    (f"They write “{_Q}” [1] and “Another sentence altogether, quoted from elsewhere.” [2].{_LIST}", [("[1]", None)]),
])
def test_markers_joined_by_other_words_or_of_other_kinds_stay_apart(body: str, works: list[tuple]) -> None:
    note = parse_note(f"# Note\n\n{body}\n")
    assert _works(note.quotes[0]) == works


@pytest.mark.parametrize("mark, works", [
    ("\\textsuperscript{2}", [("[2]", None)]),
    ("\\textsuperscript{ 2 }", [("[2]", None)]),
    ("\\textsuperscript{1,3}", [("[1]", None), ("[3]", None)]),
    ("\\textsuperscript{1--3}", [("[1]", None), ("[2]", None), ("[3]", None)]),
    ("\\textsuperscript{2}\\textsuperscript{4}", [("[2]", None), ("[4]", None)]),
    ("\\textsuperscript{2} and \\textsuperscript{4}", [("[2]", None), ("[4]", None)]),
])
def test_latex_raised_note_numbers_cite_the_listed_works(mark: str, works: list[tuple]) -> None:
    for body in (f"They write ``{_Q}''{mark}.", f"They write “{_Q}”{mark}.", f"They write “{_Q}.”{mark}"):
        note = parse_note(f"# Note\n\n{body}{_LIST}")
        assert len(note.quotes) == 1, body
        assert _works(note.quotes[0]) == works, body
        assert note.quotes[0].quote.rstrip(".") == _Q.rstrip("."), body


@pytest.mark.parametrize("body", [
    # a power, never a note's mark: glued to a number or a unit
    f"They write “{_Q}”, some 10\\textsuperscript{{5}} kWh.",
    f"They write “{_Q}” per m\\textsuperscript{{2}}.",
    f"They write “{_Q}” over 5 km\\textsuperscript{{2}} of land.",
    # no number: nothing raised is a note's mark
    f"They write “{_Q}”\\textsuperscript{{a}}.",
    f"They write “{_Q}”\\textsuperscript{{}}.",
    f"They write “{_Q}”\\textsuperscript{{1234}}.",
])
def test_a_raised_number_that_is_no_note_mark_cites_nothing(body: str) -> None:
    note = parse_note(f"# Note\n\n{body}{_LIST}")
    assert [q for q in note.quotes if q.source_text or q.citekey or q.also] == []


def test_a_raised_mark_inside_a_quote_is_no_quoted_word() -> None:
    note = parse_note(f"# Note\n\nThey write “Cloud companies strive,\\textsuperscript{{2}} since it saves money and "
                      f"lowers emissions”\\textsuperscript{{2}}.{_LIST}")
    assert note.quotes[0].quote == "Cloud companies strive, since it saves money and lowers emissions"
    assert _works(note.quotes[0]) == [("[2]", None)]
