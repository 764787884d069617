"""A raised number glued to a unit or to 10 ('m<sup>2</sup>', 'km²', 'm^2^', '10<sup>3</sup>'), or to a word a
citation follows at once, is a power, never a note's mark: the citation after it is the quote's, and a power alone
cites nothing (never the note's reference of that number); a raised number after a word alone is a mark still."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

Q = "every word of this sentence is quoted from the paper"
LIST = "\n\n2. J. Dodge et al. Measuring the carbon intensity of AI in cloud instances. 2022.\n"


@pytest.mark.parametrize("after", [
    "per m<sup>2</sup> [@dodge2022].", "per m^2^ [@dodge2022].", "per m² [@dodge2022].", "in 10<sup>3</sup> [@dodge2022].",
    "per km<sup>2</sup>&nbsp;[@dodge2022].", "per cm<sup>3</sup> \\cite{dodge2022}.", "of energy<sup>2</sup> [@dodge2022]",
])
def test_a_citation_after_a_power_is_the_quotes(after) -> None:
    [q] = parse_note(f"# N\n\nThey write “{Q}” {after}\n").quotes
    assert (q.citekey, q.source_text) == ("dodge2022", None)


@pytest.mark.parametrize("body", [
    f"They write “{Q}” per m<sup>2</sup>.", f"They write “{Q}” per km².", f"They write “{Q}” in 10<sup>3</sup> s.",
    f"For 1 m<sup>2</sup> they write “{Q}”.", f"In 1 ft^2^ they write “{Q}”.",
])
def test_a_power_alone_cites_no_reference(body) -> None:
    note = parse_note(f"# N\n\n{body}{LIST}")
    assert not note.quotes and [u[1] for u in note.unchecked] == [Q]


@pytest.mark.parametrize("body", [
    f"They write “{Q}”<sup>2</sup>.", f"They write “{Q}” carefully<sup>2</sup>.", f"They write “{Q}” in 2019².",
    f"As Dodge notes<sup>2</sup>, “{Q}”.",
])
def test_a_raised_number_after_a_word_is_a_mark(body) -> None:
    [q] = parse_note(f"# N\n\n{body}{LIST}").quotes
    assert q.source_text == "[2]"
