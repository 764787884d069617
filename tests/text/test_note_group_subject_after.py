"""The last of markers cited together after a quote ('"..." [1] and [4]', '[1] [4]', '[@a] and [@b]') is the subject
of the words after it, never a work the quote is checked in, where a verb and a figure follow it ('[1] and [4]
reports 5 kWh'), a possessive ('[4]'s estimate is lower') or words going on after a hard-wrapped line's break ('[1]
and [4]\\nshow the reverse'): the quote was checked in [4] too, and said found where [4] alone holds it. A locator
after it ('[4] page 5'), a stop, a blank line or the text's end leave the group whole. So with a comma and a word of
contrast, or of a part of its own, between it and the words going on ('"..." [1] and [4], by contrast, say so',
'[4], however, disagree', '[4], for its part, finds'); a comma before a relative clause, an apposition or a locator
leaves the group whole."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Cloud companies strive for energy efficient datacenters since it saves money and lowers emissions."
_LIST = ("\n\n## References\n\n1. Strubell E, Ganesh A. Energy and Policy Considerations for Deep Learning in NLP. "
         "ACL. 2019.\n2. Patterson D, Le Q. Carbon Emissions and Large Neural Network Training. arXiv. 2021.\n"
         "3. Dodge J, Prewitt T. Measuring the Carbon Intensity of AI in Cloud Instances. FAccT. 2022.\n"
         "4. Luccioni AS, Hernandez-Garcia A. Counting Carbon. arXiv. 2023.\n")


def _works(note) -> list[str]:
    q = note.quotes[0]
    return [x.citekey or x.source_text for x in [q] + list(q.also)]


@pytest.mark.parametrize("after, first", [
    (" [1] and [4] reports 5 kWh.", ["[1]"]),
    (" [1] and [4] measured 3.2 kWh per run.", ["[1]"]),
    (" [1] or [4] found 40% less.", ["[1]"]),
    (" [1], [2] and [4] estimate 626,155 lbs.", ["[1]", "[2]"]),
    (" [1] [4] reports 5 kWh.", ["[1]"]),
    (" [1] and [4]'s estimate is lower.", ["[1]"]),
    (" [1] and [4]’s estimate is lower.", ["[1]"]),
    (" [1] and [4]\nshow the reverse.", ["[1]"]),
    (" [1] and [4]\n  report lower figures.", ["[1]"]),
    (" [@strubell2019] and [@patterson2021] report 5 kWh.", ["strubell2019"]),
    (" [@strubell2019] and [@patterson2021]\nreport the reverse.", ["strubell2019"]),
    (" [@strubell2019] and [@patterson2021]'s figures differ.", ["strubell2019"]),
])
def test_the_last_marker_the_words_after_go_on_from_is_their_subject(after: str, first: list[str]) -> None:
    note = parse_note(f"# Note\n\nThey write “{_Q}”{after}{_LIST}")
    assert _works(note) == first


@pytest.mark.parametrize("after, works", [
    (" [1] and [4].", ["[1]", "[4]"]),
    (" [1] and [4]\n\nThey go on.", ["[1]", "[4]"]),
    (" [1] and [4]; later work agrees.", ["[1]", "[4]"]),
    (" [1] and [4] page 5.", ["[1]", "[4]"]),
    (" [1] and [4], Table 2.", ["[1]", "[4]"]),
    (" [1] [4]\nThey go on.", ["[1]", "[4]"]),
    (" [@strubell2019] and [@patterson2021].", ["strubell2019", "patterson2021"]),
])
def test_markers_cited_together_before_a_stop_or_a_locator_stay_together(after: str, works: list[str]) -> None:
    note = parse_note(f"# Note\n\nThey write “{_Q}”{after}{_LIST}")
    assert _works(note) == works


@pytest.mark.parametrize("after, first", [
    (" [1] and [4], by contrast, say so.", ["[1]"]),
    (" [1] and [4], in contrast, argue otherwise.", ["[1]"]),
    (" [1] and [4], however, disagree.", ["[1]"]),
    (" [1] and [4], However, disagree.", ["[1]"]),
    (" [1], and [4], for its part, says the reverse.", ["[1]"]),
    (" [1], [2] and [4], on the other hand, find less.", ["[1]", "[2]"]),
    (" [1] [4], conversely, report more.", ["[1]"]),
    (" [1] and [4], in turn, extend it.", ["[1]"]),
    (" [1] or [4], by comparison, measure less.", ["[1]"]),
    (" [@strubell2019] and [@patterson2021], by contrast, doubt it.", ["strubell2019"]),
    (" [@strubell2019] and [@patterson2021], for their part, found less.", ["strubell2019"]),
])
def test_the_last_marker_after_a_word_of_contrast_is_the_next_clauses_subject(after: str, first: list[str]) -> None:
    note = parse_note(f"# Note\n\nThey write “{_Q}”{after}{_LIST}")
    assert _works(note) == first


@pytest.mark.parametrize("after, works", [
    (" [1] and [4], which say so.", ["[1]", "[4]"]),
    (" [1] and [4], both surveys of the field.", ["[1]", "[4]"]),
    (" [1] and [4], Table 2.", ["[1]", "[4]"]),
    (" [1] and [4], however.", ["[1]", "[4]"]),
    (" [1] and [4], by contrast.", ["[1]", "[4]"]),
    (" [@strubell2019] and [@patterson2021], among others.", ["strubell2019", "patterson2021"]),
])
def test_a_comma_before_no_new_clause_leaves_the_group_whole(after: str, works: list[str]) -> None:
    note = parse_note(f"# Note\n\nThey write “{_Q}”{after}{_LIST}")
    assert _works(note) == works
