"""Sweep 42 of kb.text.refs: a book's edition ends its title in comma style, with the publisher and place
after it; an organisation's title opening with a program's name in lower case and a colon is read; a body's
name of three words or more whose web address is its last word is keyed whole."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, author, title", [
    ("Anna Weber, Statistical Signal Analysis, 2nd edn, Wiley, Hoboken, 2011.", "weber", "Statistical Signal Analysis"),
    ("Anna Weber, Statistical Signal Analysis, Third Edition, Wiley, Hoboken, 2011.", "weber",
     "Statistical Signal Analysis"),
    ("Anna Weber, Karl Brandt, Statistical Signal Analysis, 4th ed., Wiley, 2011.", "weber",
     "Statistical Signal Analysis"),
    ("Anna Weber and Karl Brandt, Statistical Signal Analysis, 2nd edition, Wiley, Hoboken, 2011.", "weber",
     "Statistical Signal Analysis"),
    ("Weber, A. Statistical Signal Analysis, 2nd edn, Wiley, Hoboken, 2011.", "weber", "Statistical Signal Analysis"),
    ("Weber, A.: Statistical Signal Analysis, 2nd edn., Lecture Notes in Statistics, vol. 12. Wiley, Hoboken (2011)",
     "weber", "Statistical Signal Analysis"),
])
def test_an_edition_ends_a_books_title_in_comma_style(text, author, title):
    e = parse_entry(text)
    assert (e.first_author, e.title, e.year) == (author, title, 2011)


@pytest.mark.parametrize("text, author, title", [
    ("AMD, rocBLAS: Basic Linear Algebra on ROCm, 2022.", "amd", "rocBLAS: Basic Linear Algebra on ROCm"),
    ("Intel Corporation, oneDNN: a performance library for deep learning, https://github.com/oneapi-src/oneDNN, "
     "2021.", "intel", "oneDNN: a performance library for deep learning"),
    ("Apple. iOS Security: Platform Guide. 2020.", "apple", "iOS Security: Platform Guide"),
])
def test_an_organisations_title_opening_with_a_programs_name_and_a_colon(text, author, title):
    e = parse_entry(text)
    assert (e.first_author, e.title) == (author, title)


@pytest.mark.parametrize("text, key", [
    ("Voter Turnout Tracker. Turnout by county. https://www.tracker.org/turnout, 2021. Last accessed May 2, 2022.",
     "voterturnouttracker"),
    ("Open Legal Data Exchange. 2021. Case records. https://www.exchange.org/records", "openlegaldataexchange"),
])
def test_a_bodys_name_whose_web_address_is_its_last_word_is_keyed_whole(text, key):
    assert parse_entry(text).first_author == key


@pytest.mark.parametrize("text, document, title", [
    ("Ann Lee. 2021. Retrieval for Knowledge-\nguided Summarization. In Proc. ACL.",
     "the knowledge we hold is guided by a retriever", "Retrieval for Knowledge-guided Summarization"),
    ("Ann Lee. 2021. Sentence embeddings using siamese bert-\nnetworks. In Proc. EMNLP.",
     "bert and its networks", "Sentence embeddings using siamese bert-networks"),
])
def test_a_break_between_two_words_the_paper_prints_alone_keeps_its_hyphen(text, document, title):
    assert parse_entry(text, document=document).title == title


@pytest.mark.parametrize("text, document, title", [
    ("Ann Lee. 2021. Models of Citation-\ninformed Reading. In Proc. ACL.", "a citation-based index of papers",
     "Models of Citation-informed Reading"),
    ("Ann Lee. 2021. Context-\nenhanced retrieval. In Proc. ACL.", "context-aware models", "Context-enhanced retrieval"),
])
def test_a_break_after_a_word_the_paper_compounds_elsewhere_keeps_its_hyphen(text, document, title):
    assert parse_entry(text, document=document).title == title


@pytest.mark.parametrize("text, author, title", [
    ("IBM, Watson Studio: Build and train AI models at scale, 2021.", "ibm",
     "Watson Studio: Build and train AI models at scale"),
    ("Google, gemma.cpp: a lightweight standalone inference engine, https://github.com/google/gemma.cpp, 2024.",
     "google", "gemma.cpp: a lightweight standalone inference engine"),
])
def test_an_organisations_title_of_words_before_its_colon(text, author, title):
    e = parse_entry(text)
    assert (e.first_author, e.title) == (author, title)


@pytest.mark.parametrize("text, author, title", [
    ("Hinrich Schütze and Christopher D. Manning, Foundations of Statistical Natural Language Processing, MIT Press, "
     "1999.", "schutze", "Foundations of Statistical Natural Language Processing"),
    ("Kevin P. Murphy and Anna Lee, Speech and Sound Processing, Prentice Hall, Upper Saddle River, 2012.", "murphy",
     "Speech and Sound Processing"),
    ("Kevin P. Murphy, Anna Lee and Karl Brandt, Introduction to Signal Retrieval, Cambridge University Press, 2008.",
     "murphy", "Introduction to Signal Retrieval"),
])
def test_a_books_title_after_names_in_full_with_middle_initials(text, author, title):
    e = parse_entry(text)
    assert (e.first_author, e.title) == (author, title)


@pytest.mark.parametrize("text, title", [
    ("P. Flach and K. Lee, Machine Learning: A Practical Guide, 2nd ed. Cambridge, U.K.: Cambridge Univ. Press, 2012.",
     "Machine Learning: A Practical Guide"),
    ("T. Hastie, Statistical Learning: Sparse Models, Chapman and Hall, London, 2015.", "Statistical Learning: Sparse Models"),
])
def test_a_title_and_subtitle_after_names_of_initials_first_ends_at_its_publisher(text, title):
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text, title", [
    ("Peter Flach and Kim Lee, Machine Learning: The Art and Science of Algorithms, Cambridge University Press, 2012.",
     "Machine Learning: The Art and Science of Algorithms"),
    ("Ian Goodfellow, Yoshua Bengio and Aaron Courville, Deep Learning Theory: Notes, MIT Press, 2016.",
     "Deep Learning Theory: Notes"),
])
def test_a_title_head_of_words_and_its_colon_after_names_closed_by_and(text, title):
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text, title", [
    ("AMD, AMD CDNA 3 Architecture, White paper, 2023.", "AMD CDNA 3 Architecture"),
    ("Microsoft, Datacenter Sustainability 2022, Technical Report, 2022.", "Datacenter Sustainability 2022"),
    ("International Energy Agency, Data Centres and Networks, Working Paper, IEA, Paris, 2023.",
     "Data Centres and Networks"),
])
def test_a_reports_kind_after_its_title_in_comma_style_ends_the_title(text, title):
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text, title", [
    ("World Resources Institute, Water Stress by Country, Technical Note No. 7, WRI, Washington, 2021.",
     "Water Stress by Country"),
    ("Jane Smith, Cooling Towers and Chillers, Report No. 3, LBNL, Berkeley, 2022.", "Cooling Towers and Chillers"),
])
def test_a_reports_number_after_its_title_is_no_name_closing_the_authors(text, title):
    assert parse_entry(text).title == title


def test_a_works_volume_in_apa_leaves_no_colon_on_its_title():
    e = parse_entry("Smith, J. (2020). Handbook of data centres: Vol. 2. Cooling (2nd ed.). Springer.")
    assert e.title == "Handbook of data centres"


def test_a_persons_site_named_by_the_family_name_keeps_the_family_name():
    assert parse_entry("Mary Ann Smith. 2020. My notes on cooling. https://smith.com/notes").first_author == "smith"
