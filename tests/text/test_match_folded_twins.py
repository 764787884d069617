"""Twins that differ only in what matching folds away: a harmless variant verifies, a twin that says something else
is refused, and the refusal names what differs."""

from __future__ import annotations

import pytest

from kb.text.match import closest_passage, find_quote
from kb.text.normalise import Document

SENTENCE = "In the trial the samples were kept for {} before each of the two measurements was taken."

RIGHT = [
    ("−5 °C", "−5 °C"),
    ("2″ at most", "2\" at most"),           # a double prime typed as a straight double quote
    ("2′ at most", "2' at most"),           # a prime typed as an apostrophe
    ("1½ hours", "1½ hours"),
    ("½ hour", "1/2 hour"),
    ("ﬁve hours", "five hours"),            # a ligature
    ("in\u00adternal hours", "internal hours"),  # a soft hyphen
    ("“two” hours", "\"two\" hours"),       # curly and straight quotes
    ("5 µg doses", "5 μg doses"),           # the micro sign and the Greek mu: one letter
    ("5 Å gaps", "5 Å gaps"),               # the angstrom sign and the A with a ring
    ("Möller's hours", "Moller's hours"),   # a name's accent
    ("5 ˚A gaps", "5 Å gaps"),              # an extractor's spacing ring before the letter
    ("US hours", "US hours"),
    ("THE US HOURS", "the us hours"),       # a heading's capitals
    ("5 ㎾ heaters", "5 kW heaters"),         # a squared unit and its letters
    ("a mean x̄ of 3 hours", "a mean x̄ of 3 hours"),
    ("José's hours", "José's hours"),      # an accent the page sets as a combining mark
    ("Jose\u0301's hours", "Jose's hours"),
    ("2ⁿ hours", "2ⁿ hours"),
    ("2ⁿ hours", "2^n hours"),              # a power typed with a caret
    ("the 5ᵗʰ of 3 hours", "the 5th of 3 hours"),   # a raised ordinal's letters
    ("the 2ⁿᵈ of 3 hours", "the 2nd of 3 hours"),
    ("trial No. 5 hours", "Trial no. 5 hours"),
    ("no 5 hours", "no 5 hours"),
]

WRONG = [
    ("−5 °C", "5 °C", None),
    ("1,000 hours", "1.000 hours", None),
    ("½ hour", "12 hour", None),
    ("2″ at most", "2' at most", ("2'", "2″")),     # seconds (or inches) quoted as minutes (or feet)
    ("2′ at most", "2\" at most", ('2"', "2′")),
    ("2′ at most", "2″ at most", ("2″", "2′")),
    ("1½ hours", "11/2 hours", ("11/2", "1½")),     # one and a half quoted as eleven halves
    ("3¼ hours", "31/4 hours", ("31/4", "3¼")),
    ("5 Å gaps", "5 A gaps", ("A", "Å")),         # an angstrom quoted as an ampere
    ("5 A gaps", "5 Å gaps", ("Å", "A")),
    ("2 mÅ gaps", "2 mA gaps", ("mA", "mÅ")),
    ("the US hours", "the us hours", ("us", "US")),   # an acronym quoted as another word
    ("the WHO hours", "the who hours", ("who", "WHO")),
    ("5 ㎾ heaters", "5 kw heaters", ("kw", "kW")),    # a squared unit quoted in another case
    ("5 ㏈ losses", "5 db losses", ("db", "dB")),
    ("a mean x̄ of 3 hours", "a mean x of 3 hours", ("x", "x̄")),    # a mean quoted as the variable
    ("an estimate p̂ = 0.5 of hours", "an estimate p = 0.5 of hours", ("p", "p̂")),
    ("a rate ẋ of 3 hours", "a rate x of 3 hours", ("x", "ẋ")),     # a derivative
    ("2ⁿ hours", "2n hours", ("2n", "2ⁿ")),       # two to the n quoted as twice n
    ("a weight xᵢ of hours", "a weight xi of hours", ("xi", "xᵢ")),
    ("trial No. 5 hours", "trial no 5 hours", ("no 5", "No. 5")),   # the numero quoted as a negation
    ("no 5 hours", "No. 5 hours", ("No. 5", "no 5")),
]


@pytest.mark.parametrize(("printed", "quoted"), RIGHT)
def test_harmless_variant_verifies(printed: str, quoted: str) -> None:
    assert find_quote(Document([SENTENCE.format(printed)]), SENTENCE.format(quoted)) is not None


@pytest.mark.parametrize(("printed", "quoted", "named"), WRONG)
def test_meaning_changing_twin_refused(printed: str, quoted: str, named: tuple[str, str] | None) -> None:
    doc = Document([SENTENCE.format(printed)])
    assert find_quote(doc, SENTENCE.format(quoted)) is None
    near = closest_passage(doc, SENTENCE.format(quoted))
    assert near is not None and near.differences
    if named is not None:
        assert near.differences == [named]
