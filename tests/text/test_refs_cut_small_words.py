"""An author-year entry whose line ends on a word that leads on to what follows ('Cited as', 'See also', 'versus',
'than') is never ended there by the rule that ends an entry cut at a column's foot where the other column's next
entry opens (its names, then its year): the names after it are the entry's own. An entry cut on a title's word is
still ended there."""

from __future__ import annotations

import pytest

from kb.text.refs import find_references

BODY = "Introduction. We measure energy [3] here and more text of the paper."
BEFORE = "Adams, J., 2016. An earlier study of things. Journal of Things 1, 1–2."
AFTER = "Fischer, A., 2017. Measuring power draw of accelerators. IEEE Micro 37, 10–19."


def _read(text: str) -> list[str]:
    return [e.raw for e in find_references([BODY, "References\n" + text])]


@pytest.mark.parametrize("entry", [
    "Chen, L., 2020. Cited as\nBrown, A., 2019. Handbook of Things. Springer.",
    "Chen, L., 2020. Carbon footprint. See also\nBrown, A., 2019. Handbook of Things. Springer.",
    "Chen, L., 2020. Dynamic voltage scaling versus\nLopez, P., 2019. Journal of Things 5, 1–2.",
    "Chen, L., 2020. An answer to the critique put forward in a letter by Smith as well as\nLopez, P., 2019. "
    "Journal of Things 5, 1–2.",
    "Chen, L., 2020. Carbon accounting revisited: a reanalysis of the data reported by others such as\n"
    "Lopez, P., 2019. Journal of Things 5, 1–2.",
    "Chen, L., 2020. Carbon accounting revisited: the figures of Smith set against\nLopez, P., 2019. Notes 5, 1–2.",
    "Chen, L., 2020. Carbon accounting revisited: a reanalysis of the data via\nLopez, P., 2019. Notes 5, 1–2.",
    "Chen, L., 2020. Lower emissions than\nLopez, P., 2019, reported. Journal of Things 5, 1–2.",
    "Chen, L., 2020. A comment, written after\nLopez, P., 2019. Journal of Things 5, 1–2.",
    "Chen, L., 2020. Why the figures differ between\nLopez, P., 2019 and Martin, Q., 2018. Notes 5, 1–2.",
])
def test_an_entry_whose_line_ends_on_a_leading_word_is_never_split_there(entry):
    assert _read("\n".join([BEFORE, entry, AFTER])) == [BEFORE, " ".join(entry.split("\n")), AFTER]


@pytest.mark.parametrize("cut", [
    "Chen, L., 2020. Carbon footprint of training deep networks on GPU",
    "Chen, L., 2020. Carbon footprint of training deep\nnetworks as measured",
    "Chen, L., 2020. Carbon footprint of training under load. Journal of Green",
    "Chen, L., 2020. Ask and tell: a survey",
])
def test_an_entry_cut_on_a_titles_word_still_ends_where_the_next_opens(cut):
    then = "Lopez, P., Martin, Q., 2021. Water use of data\ncentres in hot climates. Nature Climate 4, 1–9."
    got = _read("\n".join([BEFORE, cut, then, AFTER]))
    assert got == [BEFORE, " ".join(cut.split("\n")), " ".join(then.split("\n")), AFTER]
