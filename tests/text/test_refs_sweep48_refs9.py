"""Reference lists: a name printed family name first told by the list's other entries; held-out kinds."""

import pytest

from kb.text.refs import find_references

_PEOPLE = ["Tom Brown and Ben Mann. 2020. Language models are few-shot learners. In NeurIPS.",
           "Jacob Devlin and Ming-Wei Chang. 2019. BERT: pre-training of transformers. In NAACL.",
           "Ashish Vaswani and Noam Shazeer. 2017. Attention is all you need. In NeurIPS."]


def _keys(*entries):
    page = "Some text.\nReferences\n" + "\n".join(_PEOPLE + list(entries))
    return [e.first_author for e in find_references([page])][len(_PEOPLE):]


@pytest.mark.parametrize("other, key", [
    # the same person, inverted with a comma, or in Vancouver's order: the family name first
    ("Tanaka, Hiroshi. 2021. Another study of parsing. In EMNLP.", "tanaka"),
    ("Mori S, Tanaka H. 2021. Another study of parsing. In EMNLP.", "tanaka"),
    # a co-author of the entry, printed so elsewhere: the entry's names are in that order
    ("Suzuki, Ichiro. 2021. Another study of parsing. In EMNLP.", "tanaka"),
    ("I. Suzuki and K. Mori. 2021. Another study of parsing. In EMNLP.", "tanaka"),
    # nothing said, or the list printing the name again as this entry does: the last word, as before
    ("Kenji Mori. 2021. Another study of parsing. In EMNLP.", "hiroshi"),
    ("Tanaka Hiroshi. 2021. Another study of parsing. In EMNLP.", "hiroshi"),
    # a co-author printed given name first elsewhere: the entry is in that order
    ("Ichiro, S. 2021. Another study of parsing. In EMNLP.", "hiroshi"),
])
def test_family_name_first_told_by_the_list(other, key):
    entry = "Tanaka Hiroshi, Suzuki Ichiro. 2019. Deep learning for Japanese parsing. In ACL."
    assert _keys(entry, other)[0] == key
    # the same names given first stay keyed by their last word where the list says Tanaka and Suzuki are family names
    if key == "tanaka":
        assert _keys("Hiroshi Tanaka, Ichiro Suzuki. 2019. Deep learning for parsing. In ACL.", other)[0] == "tanaka"
