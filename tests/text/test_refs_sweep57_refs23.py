"""Reference entries, round refs23: Nature's book whose publisher's name holds a stop or whose edition comes
before the brackets, and Vancouver's question titles, with and without a subtitle before the journal."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, author, year, title", [
    # Nature's book: a stop in the publisher's name ('Univ.') ended the title inside the brackets
    ("MacKay, D. J. C. Information Theory, Inference and Learning Algorithms (Cambridge Univ. Press, 2003).",
     "mackay", 2003, "Information Theory, Inference and Learning Algorithms"),
    ("Jaynes, E. T. Probability Theory: The Logic of Science (Cambridge Univ. Press, 2003).", "jaynes", 2003,
     "Probability Theory: The Logic of Science"),
    ("Smith, J. Deep Learning (Oxford Univ. Press, 2016). Available at https://example.org/book", "smith", 2016,
     "Deep Learning"),
    ("Ross, S. M. Stochastic Processes (John Wiley & Sons, Inc., 1996).", "ross", 1996, "Stochastic Processes"),
    # ... and its edition before the brackets, no comma before it
    ("Pearl, J. Causality: Models, Reasoning and Inference 2nd edn (Cambridge Univ. Press, 2009).", "pearl", 2009,
     "Causality: Models, Reasoning and Inference"),
    ("Kandel, E. R. et al. Principles of Neural Science 5th edn (McGraw-Hill, 2013).", "kandel", 2013,
     "Principles of Neural Science"),
    ("Cover, T. M. & Thomas, J. A. Elements of Information Theory 2nd edn (Wiley, 2006).", "cover", 2006,
     "Elements of Information Theory"),
    ("Press, W. H. et al. Numerical Recipes 3rd edn (Cambridge Univ. Press, 2007).", "press", 2007,
     "Numerical Recipes"),
    ("Knuth, D. E. The Art of Computer Programming Vol. 1 3rd edn (Addison-Wesley, 1997).", "knuth", 1997,
     "The Art of Computer Programming"),
    # ... no publisher and year in the brackets: they stay the title's, or its end is not moved
    ("Smith, J. Learning (in the wild) and forgetting. Nature 5, 1-2 (2020).", "smith", 2020,
     "Learning (in the wild) and forgetting"),
    ("Hastie, T., Tibshirani, R. & Friedman, J. The Elements of Statistical Learning (Springer, 2009).", "hastie",
     2009, "The Elements of Statistical Learning"),
])
def test_natures_book(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, title", [
    # Vancouver: the journal's abbreviation after a title's question, its year and volume after it: no subtitle
    ("Wong K, Chan L. Does it work? Am J Public Health. 2015;105(2):e1-e5.", "Does it work?"),
    ("Ho T. What now? Ann Intern Med. 2012;156:1.", "What now?"),
    ("Ray K. Is it safe? Drug Saf. 2014 Jun;37(6):1-9.", "Is it safe?"),
    ("Patel R. Should we screen? BMJ. 2016;352:i1.", "Should we screen?"),
    ("Nguyen TT, Park S-Y, Kim J. Does screen time predict myopia? JAMA Ophthalmol. 2021 Mar;139(3):300-7.",
     "Does screen time predict myopia?"),
    ("Diaz M. Who Pays for Care? N Engl J Med. 2019 Jan 3;380(1):1-3.", "Who Pays for Care?"),
    # ... a sentence of words in lower case before the journal is the subtitle, a venue's word in it no matter
    ("Lee S-H, Kim D, Park J. Can machines read clinical notes? A systematic review. J Am Med Inform Assoc. "
     "2023 Jan 18;30(2):340-352.", "Can machines read clinical notes? A systematic review"),
    ("Brown A, Li B. Is bigger better? Sample size in psychology. Psychol Sci. 2019;30(4):1-10.",
     "Is bigger better? Sample size in psychology"),
    ("Smith J. Why do trials fail? Lessons from oncology. Nat Rev Drug Discov. 2018;17:1-2.",
     "Why do trials fail? Lessons from oncology"),
    ("Lim S. Mind the gap? Gaps in care. Public Health Rev. 2020;41:3.", "Mind the gap? Gaps in care"),
    ("Ho T. What now? Reflections on a decade of reform. Health Aff (Millwood). 2012;31(1):1-8.",
     "What now? Reflections on a decade of reform"),
    # ... but not a sentence followed by no journal and date
    ("Fox M. Where next? Notes on Genomics Research. 2019.", "Where next?"),
])
def test_vancouver_question_title(text: str, title: str) -> None:
    assert parse_entry(text).title == title
