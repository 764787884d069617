"""A quote setting another mark on a letter the page prints with TeX's spacing accent glued to it ("F¨arber", as
pypdf gives "Färber") is refused, as it is of the page's composed letter; the right mark, the letter as printed, a
quote copied with the page's own spacing accent and a name typed with no accent still verify."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

PAGES = [
    "Citation contexts (Saier and F¨arber, 2019) were released. We thank Mart´ın P´erez P´erez and "
    "Jos´e Antonio Baso L´opez for the data. Loïc Barrault and J¨org Sander helped, as did Sandra "
    "Mitrovi´c and Henning M¨uller. Alfonso Valencia and Anália Lourenc¸o wrote the guidelines. "
    "Radim ˇReh˚uˇrek wrote gensim. Paul Erd˝os and Gy˝ori wrote it; Paul Erdős did too. Its result is ˆP = 0.5 on the test set.",
]


@pytest.fixture(scope="module")
def doc():
    return Document(PAGES)


@pytest.mark.parametrize("quote", [
    "Saier and Färber, 2019",
    "Saier and F¨arber, 2019",          # copied as the extractor printed it
    "Saier and Farber, 2019",           # typed without the accent: no other mark asserted
    "We thank Martín Pérez Pérez",
    "Martin Perez Perez",
    "José Antonio Baso López",
    "Jörg Sander helped",
    "Sandra Mitrović and Henning Müller",
    "Anália Lourenço wrote the guidelines",
    "Radim Řehůřek wrote gensim",
    "Paul Erdős and Győri wrote it",
    "Paul Erdös and Györi wrote it",     # the double acute typed as its umlaut: one letter
    "Paul Erdös did too",
])
def test_right_quotes_verify(doc, quote):
    assert find_quote(doc, quote) is not None


@pytest.mark.parametrize("quote", [
    "Saier and Fárber, 2019",
    "Saier and Fàrber, 2019",
    "We thank Martìn Pérez Pérez",
    "We thank Martín Pèrez Pérez",
    "José Antonio Baso Lòpez",
    "Josè Antonio Baso López",
    "Jórg Sander helped",
    "Sandra Mitrović and Henning Múller",
    "Sandra Mitrovič and Henning Müller",
    "Anália Lourenčo wrote the guidelines",
    "Radim Řehúřek wrote gensim",
    "Paul Erdós and Győri wrote it",
    "Paul Erdős and Gyóri wrote it",
    "Paul Erdòs did too",
])
def test_another_mark_on_a_tex_accented_letter_is_refused(doc, quote):
    assert find_quote(doc, quote) is None
