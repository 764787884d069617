"""Sweep 42 of kb.text.refs, names and titles: a title's own second sentence (opening in lower case, or in
sentence case with a word no container's name opens with) and a subtitle in brackets after its question stay
in the title; a capitalised particle before a family name given first is of the family name, as the name
inverted keys it. Each fixed reading has one kb must keep beside it."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, title", [
    # the title's next sentence opening in lower case
    ("Grover, C., Hachey, B. (2004). The HOLJ corpus. supporting summarisation of legal texts. In Proceedings of "
     "LINC, pages 47-54.", "The HOLJ corpus. supporting summarisation of legal texts"),
    ("Bone RC, Fisher CJ. Sepsis syndrome: a valid clinical entity. methylprednisolone severe sepsis study group. "
     "Crit Care Med. 1989;17(5):389-93.",
     "Sepsis syndrome: a valid clinical entity. methylprednisolone severe sepsis study group"),
    # ... in sentence case, opening with a word that opens a sentence
    ("Jane Doe. 2021. Benchmarks are broken. We keep using them. In Proceedings of ACL.",
     "Benchmarks are broken. We keep using them"),
    ("Smith, J. (2020). Leaderboards are everywhere. That is a problem. In ACL.",
     "Leaderboards are everywhere. That is a problem"),
    # a subtitle in brackets after the title's question
    ("Doe, J. (2019). Is attention all you need? (A Critical Look at Transformers). Blog post.",
     "Is attention all you need? (A Critical Look at Transformers)"),
    # kept: what follows a title, in lower case or capitalised
    ("Doe, J. (2019). Title of the work. arXiv preprint arXiv:1234.5678.", "Title of the work"),
    ("Doe, J. (2019). Title of the work. unpublished manuscript, MIT.", "Title of the work"),
    ("Doe, J. (2019). Title of the work. bioRxiv. Cold Spring Harbor.", "Title of the work"),
    ("Doe, J. (2019). Title of the work. mimeo. Harvard University.", "Title of the work"),
    ("Doe, J. (2019). Title of the work. This American Life. Chicago Public Media.", "Title of the work"),
    ("doe, j. 2010. researchers use journals. journal of information science 36 (2010), 494-516.",
     "researchers use journals"),
    # ... and the kind of work or its version in brackets after a question
    ("Doe, J. (2019). Why does it fail? (Doctoral dissertation, MIT).", "Why does it fail?"),
    ("Doe, J. (2019). Does it work? (Version 2). Zenodo.", "Does it work?"),
])
def test_a_titles_second_sentence_and_bracketed_subtitle(text: str, title: str) -> None:
    assert parse_entry(text).title == title
