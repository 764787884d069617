"""A title of two sentences whose second opens with an article in sentence case is read whole
('Evidence-based medicine. A new approach to teaching the practice of medicine. Journal of ...'); a second
sentence that is a container, a kind of work, or is not followed by a capitalised container still ends the title."""

import pytest

from kb.text.refs import parse_entry

WHOLE = [
    ("Gordon H. Guyatt, John A. Cairns, and Peter Tugwell. 1992. Evidence-based medicine. A new approach\nto teaching "
     "the practice of medicine. Journal of the American Medical Association 268 17 (1992), 2420–5.",
     "Evidence-based medicine. A new approach to teaching the practice of medicine"),
    ("Doe J, Roe R. Evidence-based medicine. A new approach to teaching the practice of medicine. JAMA. "
     "1992;268(17):2420-5.", "Evidence-based medicine. A new approach to teaching the practice of medicine"),
    ("Smith, J. (2010). Deep learning. A practical guide for the working programmer. Journal of Machine Learning, "
     "3(2), 1–10.", "Deep learning. A practical guide for the working programmer"),
    ("J. Doe. 2015. Sepsis revisited. The case for early antibiotics in the emergency department. Critical Care "
     "Medicine 43, 5 (2015), 1–9.", "Sepsis revisited. The case for early antibiotics in the emergency department"),
    ("A. Lee and B. Kim. 2019. Graph networks. An overview of methods and applications. AI Open 1 (2019), 57–81.",
     "Graph networks. An overview of methods and applications"),
    ("J. Doe. 2015. Sepsis revisited. The case for early care. In Proceedings of the ACM Conference. 1–9.",
     "Sepsis revisited. The case for early care"),
]

CUT = [
    "J. Doe. 2015. Sepsis revisited. The Lancet 385 (2015), 1–9.",                       # a journal, capitalised
    "J. Doe. 2015. Sepsis revisited. The journal of critical care 43 (2015), 1–9.",      # a journal in lower case
    "J. Doe. 2015. Sepsis revisited. The annual review of medicine 66 (2015), 1–9.",     # its volume inside
    "J. Doe. 2015. Sepsis revisited. The new england journal of medicine. Boston.",
    "J. Doe. 2015. Sepsis revisited. An unpublished manuscript of the author. Cambridge, MA.",   # a kind of work
    "J. Doe. 2015. Sepsis revisited. A talk given at the annual meeting. Boston, MA.",
    "J. Doe. 2015. Sepsis revisited. A report of the national commission. Washington, DC.",
    "J. Doe. 2015. Sepsis revisited. A new approach to care. https://example.org/sepsis",  # no container after
    "J. Doe. 2015. Sepsis revisited. The case for early care. arXiv preprint arXiv:1501.00001.",
    "J. Doe. 2015. Sepsis revisited. The case. Nature 5 (2015), 1–9.",                   # too short to tell
    "J. Doe. 2015. Sepsis revisited. The free press of the valley. New York.",            # a publisher
    "J. Doe. 2015. Sepsis revisited. A series on care at the Mayo Clinic. Rochester.",   # a capitalised name inside
]


@pytest.mark.parametrize("text,title", WHOLE)
def test_second_sentence_opening_with_an_article_is_the_titles(text, title):
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text", CUT)
def test_a_container_or_kind_of_work_after_the_title_is_not_its_second_sentence(text):
    assert parse_entry(text).title == "Sepsis revisited"
