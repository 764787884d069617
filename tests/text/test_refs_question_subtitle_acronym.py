"""A subtitle in sentence case after a title's question keeps an acronym among its words ('How hungry is AI?
Benchmarking energy, water, and carbon footprint of LLM inference.'), also before APA's preprint number in brackets;
a journal after the question, its words capitalised or a venue's, still ends the title there."""

import pytest

from kb.text.refs import parse_entry

WHOLE = [
    ("Jegham, N., Abdelatti, M., Elmoubarki, L., & Hendawi, A. (2025). How hungry is AI? Benchmarking energy, water, "
     "and carbon footprint of LLM inference. arXiv. https://doi.org/10.48550/arXiv.2505.09598",
     "How hungry is AI? Benchmarking energy, water, and carbon footprint of LLM inference"),
    ("Jegham, N., Abdelatti, M., Elmoubarki, L., & Hendawi, A. (2025). How hungry is AI? Benchmarking energy, water, "
     "and carbon footprint of LLM inference (arXiv:2505.09598). arXiv.",
     "How hungry is AI? Benchmarking energy, water, and carbon footprint of LLM inference"),
    ("Doe, J. (2020). Does it work? Evidence from NLP systems. Journal of AI, 4(2), 1-9.",
     "Does it work? Evidence from NLP systems"),
]

CUT = [
    "Doe, J. (2020). Does it work? Nature Climate Change, 4(2), 1-9.",
    "Doe, J. (2020). Does it work? IEEE Trans Neural Netw, 4(2), 1-9.",
    "Doe, J. 2020. Is it green? Findings of ACL. 1-9.",
    "Doe, J. (2020). Is it green? ACM SIGEnergy energy informatics review, 4(2), 1-9.",
]


@pytest.mark.parametrize("text,title", WHOLE)
def test_sentence_case_subtitle_with_an_acronym(text, title):
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text", CUT)
def test_journal_after_the_question_ends_the_title(text):
    assert parse_entry(text).title.endswith("?")
