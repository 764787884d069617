"""Reference entries, names and keys, round 11: a title with no quotes after names printing their
initials first, the year right after it; a report's kind cut into its title; ... The works are real
ones, printed as each style prints them."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, author, year, title", [
    # a title after the names, each with its initials first, and the year closing the entry: with no title the
    # entry would be none, so the words are the title and not a name given in full
    ("I. Goodfellow, Y. Bengio, A. Courville, Deep Learning, 2016.", "goodfellow", 2016, "Deep Learning"),
    ("I. Goodfellow, Y. Bengio, A. Courville, Deep Learning. 2016.", "goodfellow", 2016, "Deep Learning"),
    ("A. Vaswani, N. Shazeer, Attention Is All You Need, 2017.", "vaswani", 2017, "Attention Is All You Need"),
    # ... or more after the year, the list closed with its conjunction before its last name
    ("I. Goodfellow, Y. Bengio, and A. Courville, Deep Learning, 2016. MIT Press.", "goodfellow", 2016,
     "Deep Learning"),
    # (as before: a publisher after the title, a journal)
    ("I. Goodfellow, Y. Bengio, A. Courville, Deep Learning, MIT Press, 2016.", "goodfellow", 2016, "Deep Learning"),
    ("Y. LeCun, Y. Bengio, G. Hinton, Deep learning, Nature 521 (2015) 436-444.", "lecun", 2015, "Deep learning"),
    # a name given in full among initials, the year after it and more after the year, stays a name
    ("A. Vaswani, Noam Shazeer, 2017. Attention is all you need. In NeurIPS.", "vaswani", 2017,
     "Attention is all you need"),
    ("I. Goodfellow and Y. Bengio, A. Courville, 2016. Deep learning. MIT Press.", "goodfellow", 2016,
     "Deep learning"),
])
def test_a_title_after_initials_first_names_then_the_year(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, title", [
    # a report's kind after the title, the stop of its abbreviation read as the title's end
    ("J. Smith, Energy use of data centres, Tech. Rep. TR-2020-01, MIT, 2020.", "Energy use of data centres"),
    ("J. Smith, Energy use of data centres, Tech. rep., Stanford University, 2020.", "Energy use of data centres"),
    ("J. Smith, Energy use of data centres, tech. rep., MIT, 2020.", "Energy use of data centres"),
    ("J. Smith, Energy use of data centres, Rep. No. 17, MIT, 2020.", "Energy use of data centres"),
    ("J. Smith, Energy use of data centres, NBER Working Paper No. 123, 2020.", "Energy use of data centres"),
    ("J. Smith, Energy use of data centres, Technical Report No. 5, MIT, 2020.", "Energy use of data centres"),
    ("Smith, J. 2020. Energy use of data centres, Tech. Rep. 17. MIT.", "Energy use of data centres"),
    ("Smith, J. (2020). Energy use of data centres (Tech. Rep. No. 17). MIT.", "Energy use of data centres"),
    # (as before)
    ("Smith, J. (2020). Energy use of data centres (Working Paper No. 17). NBER.", "Energy use of data centres"),
    ("J. Smith and K. Lee, Energy use of data centres, Technical Report, Stanford University, 2020.",
     "Energy use of data centres"),
    # a title's own last word before a stop, no report's kind after it, stays
    ("Smith, J. 2020. Women in science, tech. In Proc. of Things.", "Women in science, tech"),
    ("Google. 2020. Environmental Report. Tech. rep., Google LLC.", "Environmental Report"),
    ("Smith, J. 2020. The state of the art, Rep. Nature Energy 5, 1-10.", "The state of the art, Rep"),
])
def test_a_reports_kind_is_no_part_of_its_title(text: str, title: str) -> None:
    assert parse_entry(text).title == title
