"""Reference lists: a last author whose given name prints a lower-case part; standards of every body; held-out
kinds."""

import pytest

from kb.text.refs import find_references

_BEFORE = ["Jacob Devlin, Ming-Wei Chang, Kenton Lee, and", "Kristina Toutanova. 2019. BERT: Pre-training of",
           "deep bidirectional transformers. In NAACL, pages", "4171–4186. Association for Computational Linguistics."]


@pytest.mark.parametrize("names", [
    # the last author's given name printed with a lower-case part, the year after the family name's stop
    ["Ying Ding, Guo Zhang, Tamy Chambers, Min Song,", "Xiaolong Wang, and Cheng xiang Zhai. 2014."],
    ["Kai Sun and Wen tau Yih. 2014."],
    ["Ying Ding, Jian yun Nie. 2014."],
])
def test_lower_case_given_part_of_the_last_author_opens_an_entry(names):
    page = "References\n" + "\n".join(_BEFORE + names + ["Content-based citation analysis. JASIST, 65:1820–1833."])
    entries = find_references([page])
    assert [(e.year, e.title.split()[0]) for e in entries] == [(2019, "BERT:"), (2014, "Content-based")]
