"""A note's mark the writer put inside a quote at its end, where no citation follows the quote ('“... carefully.²”',
'“... carefully[^1]”', '“... carefully.<sup>2</sup>”'), cites the quote; a unit's exponent ('km²') never."""

import pytest

from kb.text.notes import parse_note

QUOTE = "To decrease the footprint of training, an ML researcher should pick the DNN model carefully"
LIST = ("\n\n## References\n\n1. Luccioni, A. S. et al. Power hungry processing. Preprint (2023).\n"
        "2. Patterson, D. et al. Carbon emissions and large neural network training. Preprint (2021).\n")


@pytest.mark.parametrize("inside, after, label", [
    (".²", LIST, "[2]"),
    ("²", LIST, "[2]"),
    (".<sup>2</sup>", LIST, "[2]"),
    ("[^1]", '\n\n[^1]: Patterson et al., "Carbon Emissions," 5.\n', "[^1]"),
])
def test_mark_inside_the_quote_cites_it(inside, after, label):
    [q] = parse_note(f"# N\n\nThey advise “{QUOTE}{inside}”{after}").quotes
    assert q.source_text == label and q.quote.startswith(QUOTE)
