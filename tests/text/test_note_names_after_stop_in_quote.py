"""A quote whose full stop is inside its marks, then the cited work's names and their citation alone, ending where a
sentence ends, is that work's quote ('"... emissions." Patterson et al. (2021).'); names opening a sentence that goes
on after their citation ('"..." Strubell et al. (2019) argue otherwise.') are the next sentence's subject, never the
quote's."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

Q = "Every word of this sentence is quoted from the paper."


@pytest.mark.parametrize("after, attribution, link, named, page", [
    ("Patterson et al. (2021).", "Patterson et al. 2021.", None, None, None),
    ("Patterson et al. (2021)", "Patterson et al. 2021.", None, None, None),
    ("Patterson et al. (2021, p. 4).", "Patterson et al. 2021.", None, None, "4"),
    ("Patterson et al. (2021: 4).", "Patterson et al. 2021.", None, None, "4"),
    ("Patterson and Gonzalez (2021).", "Patterson and Gonzalez. 2021.", None, None, None),
    ("Patterson et al. (2021). They go on.", "Patterson et al. 2021.", None, None, None),
    ("Patterson et al. (2021);", "Patterson et al. 2021.", None, None, None),
    ("Patterson et al. [arxiv.org/abs/2104.10350].", None, "https://arxiv.org/abs/2104.10350", "Patterson et al.",
     None),
    ("Patterson et al. [https://arxiv.org/abs/2104.10350]", None, "https://arxiv.org/abs/2104.10350",
     "Patterson et al.", None),
    ("Patterson et al. (doi.org/10.48550/arXiv.2104.10350).", None, "https://doi.org/10.48550/arXiv.2104.10350",
     "Patterson et al.", None),
])
def test_names_closing_the_quote_are_its_attribution(after, attribution, link, named, page) -> None:
    [q] = parse_note(f'# N\n\nThey write that "{Q}" {after}\n\nNext paragraph.\n').quotes
    if attribution is not None:
        assert q.attribution == attribution
    else:
        assert (q.source_link, q.named) == (link, named)
    assert q.page == page


@pytest.mark.parametrize("after", [
    "Strubell et al. (2019) argue otherwise.",
    "Patterson et al. (2021) go on to say more.",
    "Strubell et al. [arxiv.org/abs/1906.02243] argue otherwise.",
    "Strubell et al. (2019) and Dodge et al. (2022) agree.",
    "Strubell et al. (2019), however, disagree.",
    "They (2019) say so.",
    "See Strubell et al. (2019).",
    "In 2019, Strubell et al. wrote more.",
])
def test_names_opening_a_sentence_that_goes_on_are_not_the_quotes(after) -> None:
    note = parse_note(f'# N\n\nThey write that "{Q}" {after}\n')
    assert not note.quotes and [u[1] for u in note.unchecked] == [Q]
