"""Reference entries, round 6: a title closing on a one-letter word before its journal, family
names of two words (Spanish, Portuguese, Catalan) written first, a pair of family names joined by
'and', and styles not met before (APA 7, Chicago, IEEE, Vancouver, Nature, ACM, arXiv-only entries,
organisations, editors, book chapters). The works are real ones, printed as each style prints them."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, author, year, title", [
    # a Roman numeral or a letter closes the title, the journal and its volume follow
    ("Turing, A. M. (1950). Computing Machinery and Intelligence I. Mind, 59(236), 433-460.",
     "turing", 1950, "Computing Machinery and Intelligence I"),
    ("Smith, J. 1990. Neural networks, part I. IEEE Transactions on Neural Networks 1(1):4-27.",
     "smith", 1990, "Neural networks, part I"),
    ("Smith J. Neural networks, part V. IEEE Trans. Neural Netw. 1990;1(1):4-27.", "smith", 1990,
     "Neural networks, part V"),
    ("Hodgkin, A. L., & Huxley, A. F. (1952). Currents carried by sodium and potassium ions through the "
     "membrane of the giant axon of Loligo I. The Journal of Physiology, 116(4), 449-472.", "hodgkin", 1952,
     "Currents carried by sodium and potassium ions through the membrane of the giant axon of Loligo I"),
    ("Shannon, C. E. (1948). A mathematical theory of communication I. Bell System Technical Journal, "
     "27(3), 379-423.", "shannon", 1948, "A mathematical theory of communication I"),
    ("Smith, J. (2020). Studies of Vitamin C. Nutrition Reviews, 5, 1-10.", "smith", 2020, "Studies of Vitamin C"),
    ("Alan Smith. 2020. Neural networks, part X. Neural Computation, 5(2):1-10.", "smith", 2020,
     "Neural networks, part X"),
    # ... an initial of a name inside a title does not: its family name follows, then the title goes on
    ("Smith, J. (2020). Letters of John F. Kennedy and Robert F. Kennedy. Journal of History, 5(2), 1-10.",
     "smith", 2020, "Letters of John F. Kennedy and Robert F. Kennedy"),
    ("Smith, J. (2020). On the work of A. M. Turing. Journal of History, 5(2), 1-10.", "smith", 2020,
     "On the work of A. M. Turing"),
    ("Smith, J. (2020). The life of John F. Kennedy. Journal of History, 5(2), 1-10.", "smith", 2020,
     "The life of John F. Kennedy"),
    ("Smith, J. (2020). The legacy of John F. Kennedy in 1963 politics. Journal of History, 5, 1-10.", "smith",
     2020, "The legacy of John F. Kennedy in 1963 politics"),
])
def test_a_title_closing_on_one_letter_before_its_journal(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)
