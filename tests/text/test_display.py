"""Text as printed for a person: soft hyphens and zero-width characters left out."""

from __future__ import annotations

import pytest

from kb.text.display import Vocabulary, readable, unbroken
from kb.text.normalise import normalise


@pytest.mark.parametrize("stored, shown", [
    ("a critical ingre\u00addient for", "a critical ingredient for"),
    ("language mod\u00ad\nels like BERT", "language models like BERT"),
    ("sys\u00ad tems", "systems"),
    ("zero\u200bwidth\ufeff", "zerowidth"),
    ("well-known multi-\npurpose", "well-known multi-\npurpose"),     # a printed hyphen stays
    ("no soft hyphen here\n", "no soft hyphen here\n"),
])
def test_readable_joins_a_word_broken_by_a_soft_hyphen(stored, shown):
    assert readable(stored) == shown
    assert normalise(readable(stored)) == normalise(stored)      # matching reads both the same


_PAPER = ["The environmental impact of state-of-the-art, energy-efficient models on the Environment is signiﬁcant."]


@pytest.mark.parametrize("stored, shown", [
    ("the environmen-\ntal cost", "the environmental cost"),          # the paper writes it whole
    ("the Environ-\n  ment", "the Environment"),
    ("is signifi-\ncant", "is significant"),                           # a ligature of the paper's is its letters
    ("a state-of-the-\nart model", "a state-of-the-art model"),        # its own hyphen, as the paper writes it
    ("energy-\nefficient", "energy-efficient"),
    ("more energy-\nand carbon-intensive", "more energy-\nand carbon-intensive"),     # never a word of the paper
    ("distilla-\ntion", "distilla-\ntion"),
    ("environmen- tal", "environmen- tal"),                            # no line break: as it is
    ("CO2-\nemissions", "CO2-\nemissions"),
])
def test_a_word_a_line_end_hyphen_broke_is_shown_as_the_paper_writes_it(stored, shown):
    assert unbroken(stored, Vocabulary(_PAPER)) == shown


def test_an_unknown_choice_names_every_valid_one_and_the_close_one_only():
    from kb.text.display import choice_said

    assert choice_said("--format", "grapml", ("graphml", "gexf", "dot", "json")) == \
        "--format 'grapml': choose one of graphml, gexf, dot, json; did you mean graphml?"
    assert choice_said("--format", "pdf", ("graphml", "gexf", "dot", "json")) == \
        "--format 'pdf': choose one of graphml, gexf, dot, json"
    assert choice_said("--anchor", "SLUG", ("citekey", "slug")).endswith("; did you mean slug?")
    long = choice_said("--sort", "year " * 5000, ("year",))
    assert len(long) < 200 and "(25,000 characters)" in long and "did you mean" not in long
