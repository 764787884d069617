"""Reference entries, round refs24: a numbered entry whose first name opens with a particle in lower case; APA's
body of no date; a year before 1950 closing the entry but for its DOI or link;
APA's translator or editor named after the title; a standard's title opening with its body's name; a web page's title of one word before its site's body; a family name of a particle and two words
inverted before a given name and its initial."""

from __future__ import annotations

import pytest

from kb.text.refs import find_references, parse_entry


@pytest.mark.parametrize("text, label, author, title", [
    ("7. van Rossum G, Drake FL. Python 3 reference manual. Scotts Valley (CA): CreateSpace; 2009.", "7.",
     "vanrossum", "Python 3 reference manual"),
    ("9. van der Walt, S., Colbert, S. C. & Varoquaux, G. The NumPy array: a structure for efficient numerical "
     "computation. Comput. Sci. Eng. 13, 22–30 (2011).", "9.", "vanderwalt",
     "The NumPy array: a structure for efficient numerical computation"),
    ("12. de la Cruz M, Smith J. Word embeddings for Dutch. Lingua. 2019;2:1-9.", "12.", "delacruz",
     "Word embeddings for Dutch"),
    ("3. al-Khalifa H. Arabic sentiment analysis. ACM TALLIP. 2016;15(3):1-20.", "3.", "alkhalifa",
     "Arabic sentiment analysis"),
    # a number before a word in lower case that is no particle is no label
    ("4. see also Smith J. Parsing. 2019.", None, None, None),
])
def test_a_numbered_entry_whose_name_opens_with_a_particle_in_lower_case(text, label, author, title) -> None:
    e = parse_entry(text)
    assert (e.label, e.first_author) == (label, author)
    if title:
        assert e.title == title


def test_a_numbered_list_goes_on_past_an_entry_whose_name_opens_with_a_particle() -> None:
    page = ("References\n"
            "1. Topol EJ. High-performance medicine: the convergence of human and artificial intelligence. Nat Med.\n"
            "2019;25(1):44-56.\n"
            "2. van Rossum G, Drake FL. Python 3 reference manual. Scotts Valley (CA): CreateSpace; 2009.\n"
            "3. Beam AL, Kohane IS. Big data and machine learning in health care. JAMA. 2018;319(13):1317-1318.\n"
            "4. Wiens J, Saria S. Do no harm: a roadmap for machine learning for health care. Nat Med. 2019;25:1337-40.\n")
    entries = find_references([page])
    assert [(e.label, e.first_author) for e in entries] == [
        ("1.", "topol"), ("2.", "vanrossum"), ("3.", "beam"), ("4.", "wiens")]


@pytest.mark.parametrize("text, author, title", [
    ("Centers for Disease Control and Prevention. (n.d.). About sleep. Retrieved June 12, 2024, from "
     "https://www.cdc.gov/sleep/about/index.html", "centersfordiseasecontrolandprevention", "About sleep"),
    ("National Institute of Mental Health. (n.d.-b). Anxiety disorders. https://www.nimh.nih.gov/health",
     "nationalinstituteofmentalhealth", "Anxiety disorders"),
    ("World Wide Web Consortium. (n.d.). Web accessibility. https://www.w3.org/WAI/", "worldwidewebconsortium",
     "Web accessibility"),
    # a title's words in lower case before '(n.d.)' are no body's name: a work of no author, titled first
    ("Sleep in the modern world. (n.d.). Retrieved from https://www.cdc.gov/sleep", None,
     "Sleep in the modern world"),
])
def test_a_body_of_no_date_is_the_author_and_the_sentence_after_the_title(text, author, title) -> None:
    e = parse_entry(text)
    assert (e.first_author, e.year, e.title) == (author, None, title)


@pytest.mark.parametrize("text, year", [
    ('[15] C. E. Shannon, "A mathematical theory of communication," Bell Syst. Tech. J., vol. 27, no. 3, '
     'pp. 379–423, Jul. 1948, doi: 10.1002/j.1538-7305.1948.tb01338.x.', 1948),
    ("[2] A. M. Turing, “On computable numbers, with an application to the Entscheidungsproblem,” Proc. London "
     "Math. Soc., vol. s2-42, no. 1, pp. 230–265, 1937. [Online]. Available: https://doi.org/10.1112/plms/s2-42.1.230",
     1937),
    ("Smith, A. A study of things. J. Old Things, vol. 7, pp. 1–9, 1921, DOI 10.1000/xyz123.", 1921),
    # no year printed: the DOI's digits are none
    ('[3] A. Smith, "A title of some length," J. X, vol. 27, pp. 1–3, doi: 10.1002/j.1538-7305.1948.tb01338.x.',
     None),
])
def test_a_year_before_1950_before_the_entrys_doi_or_link_is_its_year(text, year) -> None:
    assert parse_entry(text).year == year


@pytest.mark.parametrize("text, title", [
    ("al-Khwarizmi, M. ibn M. (2009). The algebra of Mohammed ben Musa (F. Rosen, Trans.). Cambridge University "
     "Press.", "The algebra of Mohammed ben Musa"),
    ("Piaget, J. (1952). The origins of intelligence in children (M. Cook, Trans.). International Universities Press.",
     "The origins of intelligence in children"),
    ("Freud, S. (1961). Civilization and its discontents (J. Strachey, Ed. & Trans.). Norton.",
     "Civilization and its discontents"),
    ("Lee, A. (2019). Handbook of parsing (A. Lee & B. Kim, Eds.). Springer.", "Handbook of parsing"),
    # a bracket of the title's own, or no role in it, stays
    ("Smith, J. (2019). A study of things (J. Doe, personal communication). Springer.",
     "A study of things (J. Doe, personal communication)"),
    ("Smith, J. (2020). Protein folding (AlphaFold, Trans). Nature, 5, 1–9.", "Protein folding (AlphaFold, Trans)"),
])
def test_a_translator_or_editor_named_after_the_title_is_no_part_of_it(text, title) -> None:
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text, author, title", [
    ("[14] IEEE Standard for Floating-Point Arithmetic, IEEE Std 754-2019, Jul. 2019.", None,
     "IEEE Standard for Floating-Point Arithmetic"),
    ("IEEE Recommended Practice for Software Requirements Specifications, IEEE Std 830-1998, 1998.", None,
     "IEEE Recommended Practice for Software Requirements Specifications"),
    # a body's name before the title and number is the author still
    ("IEEE Standards Association. Ethically aligned design, IEEE Std 7000-2021, 2021.", "ieeestandardsassociation",
     "Ethically aligned design"),
])
def test_a_standards_title_opening_with_its_bodys_name_is_its_title(text, author, title) -> None:
    e = parse_entry(text)
    assert (e.first_author, e.title) == (author, title)


@pytest.mark.parametrize("text, title", [
    ("National Institute of Mental Health. (n.d.). Depression. U.S. Department of Health and Human Services. "
     "Retrieved March 3, 2024, from https://www.nimh.nih.gov/health/topics/depression", "Depression"),
    ("Smith, J. (2020). Asthma. National Health Service. https://www.nhs.uk/conditions/asthma/", "Asthma"),
    # a link's word is no title; a sentence no body's name before the link says nothing of the word before it
    ("Smith, J. (2020). Online. National Health Service. https://www.nhs.uk/conditions/asthma/", None),
    ("Smith, J. (2020). Asthma. Read this now. https://www.nhs.uk/conditions/asthma/", None),
])
def test_a_web_pages_title_of_one_word_before_its_sites_body_is_its_title(text, title) -> None:
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text, author", [
    ("de Solla Price, Derek J. 1965. “Networks of Scientific Papers.” Science 149 (3683): 510–15.", "desollaprice"),
    ("de Solla Price, Derek J., and Jane Doe. 1965. “Networks of Scientific Papers.” Science 149: 510–15.",
     "desollaprice"),
    ("van den Heuvel Smit, Anna K. 2018. “Sleep in Teenagers.” Sleep 41 (2): 1–9.", "vandenheuvelsmit"),
    # a family name given first, then a given name, no particle: the first word (GB/T 7714)
    ("Wang Xiaoming, Li Hua. 基于深度学习的方法[J]. 中文信息学报, 2020, 34(5): 1-9.", "wang"),
])
def test_a_family_name_opening_with_a_particle_before_a_given_name_and_initial_is_whole(text, author) -> None:
    assert parse_entry(text).first_author == author
