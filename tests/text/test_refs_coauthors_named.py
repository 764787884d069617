"""An entry of names and a year and no title links to the one paper of its first author and year here only where
every name it writes after the first author's is one of that paper's authors (or a word of its title): 'J. Smith and
P. Green, 2021.' names Smyth and Green's work, or another, never Smith and Brown's."""

from __future__ import annotations

import json

import pytest

from kb.text.refs import PaperIndex, PaperInfo, parse_reference

_PAPERS = [PaperInfo("smith2021", title="Grid Emissions and Model Training", year=2021, first_author="Smith",
                     author_name=json.dumps(["Smith, John", "Brown, Tom"])),
           PaperInfo("lee2019", title="Water Footprint of Data Centers", year=2019, first_author="Lee",
                     author_name=json.dumps(["Lee, K.", "Park, S."]))]


@pytest.mark.parametrize("text, found", [
    ("J. Smith and P. Green, 2021.", None),
    ("Smith, John, and Pat Green. 2021.", None),
    ("SMITH, J.; GREEN, P. 2021.", None),
    ("K. Lee and L. Chen, 2019.", None),
    ("J. Smith and T. Tanner, 2021.", None),          # Tom Brown's initial, another name
    ("Kim Lee and S. Park, 2019.", "lee2019"),
    ("Smith, J., & Brown, T. (2021).", "smith2021"),
    ("See Smith et al., 2021.", "smith2021"),         # 'et al.' of its only paper, one of two authors: a slip
    ("John Smith and Tom Brown (2021)", "smith2021"),
    ("Lee, Kim, and Su Park, 2019.", "lee2019"),       # given names the paper gives as initials
])
def test_a_co_author_the_one_paper_of_that_author_and_year_has_not_links_none(text, found) -> None:
    ref = parse_reference(text)
    ex = PaperIndex(_PAPERS).explain(ref.entry, titles=ref.titles, loose=True)
    assert (ex.resolution.citekey if ex.resolution else None) == found, ex.reason
