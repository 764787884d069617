"""A quoted title holding a word in double quotes of its own, as IEEE entries print it ('"Making AI less "thirsty":
Uncovering ...,"'), is read whole; a quote closed before another quoted piece, or never closed, is read as before."""

import pytest

from kb.text.refs import parse_entry

CASES = [
    ("[15] P. Li, J. Yang, M. A. Islam, and S. Ren, “Making AI less “thirsty”: Uncovering and addressing the secret "
     "water footprint of AI models,” 2023, arXiv:2304.03271.",
     'Making AI less "thirsty": Uncovering and addressing the secret water footprint of AI models'),
    ('[1] A. Doe, "On "fair" ranking," in Proc. SIGIR, 2020.', 'On "fair" ranking'),
    ("[2] A. Doe, “Why “AI” fails: A study,” Nature, 2020.", 'Why "AI" fails: A study'),
    ("[3] A. Doe, “Title one,” “Other thing,” 2020.", "Title one"),
]


@pytest.mark.parametrize("text,title", CASES)
def test_nested_quotes_in_a_quoted_title(text, title):
    assert parse_entry(text).title == title
