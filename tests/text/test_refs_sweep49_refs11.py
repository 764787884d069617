"""Reference lists: one name printed both ways in one list; a web page's title of one word before the site it is
published on; a standard's number its title where none is printed; held-out kinds."""

import pytest

from kb.text.names import to_bibtex_name
from kb.text.refs import find_references, parse_entry

_PEOPLE = ["Tom Brown and Ben Mann. 2020. Language models are few-shot learners. In NeurIPS.",
           "Ashish Vaswani and Noam Shazeer. 2017. Attention is all you need. In NeurIPS."]


@pytest.mark.parametrize("given, family, said, extra", [
    # the same person printed 'Given Family' and 'Family Given' as two entries' first author: keyed alike on the
    # word the paper says is the family name, cited with a year or 'et al.', or printed with an initial elsewhere
    ("Hiroshi", "Tanaka", "as shown (Tanaka, 2021).", ""),
    ("Minjun", "Kim", "Kim et al. [2] show it.", ""),
    ("Zoltan", "Nagy", "", "Kiss P, Nagy Z. 2020. A third study. In ACL."),
    ("Wei", "Zhang", "", "P. Kiss and W. Zhang. 2020. A third study. In ACL."),
])
def test_one_name_printed_both_ways_keyed_alike(given, family, said, extra):
    both = [f"{given} {family} and Kenji Mori. 2019. Deep learning for parsing. In ACL.",
            f"{family} {given}. 2021. Another study of parsing. In EMNLP."]
    for entries in (both, both[::-1]):
        page = f"Some text {said}\nReferences\n" + "\n".join(_PEOPLE + entries + [extra])
        keys = [e.first_author for e in find_references([page])][2:4]
        assert keys == [family.lower()] * 2


@pytest.mark.parametrize("text, key, year, title", [
    # a web page's one-word title, then the site it is published on, named by its host or its address
    ("Our World in Data. 2020. Energy. Published online at OurWorldInData.org.", "ourworldindata", 2020, "Energy"),
    ("Our World in Data. Energy. Published online at OurWorldInData.org.", "ourworldindata", None, "Energy"),
    ("Hannah Ritchie and Max Roser. 2021. Tourism. Published online at OurWorldInData.org.", "ritchie", 2021,
     "Tourism"),
])
def test_one_word_title_before_its_site(text, key, year, title):
    e = parse_entry(text)
    assert (e.first_author, e.year, e.title) == (key, year, title)
    # ... never a word that opens a web address
    assert parse_entry(text.replace(title, "Online")).title is None


@pytest.mark.parametrize("text, key, year, title", [
    # a standard's number followed only by its publisher, where and when (and its web address): the number its title
    ("ISO 9001:2015. ISO, 2015.", "iso", 2015, "ISO 9001:2015"),
    ("ISO/IEC 27001:2013. Geneva: ISO, 2013.", "isoiec", 2013, "ISO/IEC 27001:2013"),
    ("IEC 61508:2010. IEC, Geneva, Switzerland, 2010.", "iec", 2010, "IEC 61508:2010"),
    ("ISO 8601:2004. International Organization for Standardization, 2004. https://www.iso.org/standard/40874.html",
     "iso", 2004, "ISO 8601:2004"),
    ("IEEE Std 802.11-2020. IEEE (2021).", "ieee", 2021, "IEEE Std 802.11-2020"),
])
def test_standard_number_its_title_where_none_printed(text, key, year, title):
    e = parse_entry(text)
    assert (e.first_author, e.year, e.title) == (key, year, title)
    # ... and a title printed after it stays its title, words of a name or not
    named = text.replace(". ", ". Quality Management Systems. ", 1)
    assert parse_entry(named).title == "Quality Management Systems"


@pytest.mark.parametrize("text, title", [
    # a conference's place in brackets after its proceedings' title
    ("2019. CHI '19: Proceedings of the 2019 CHI Conference on Human Factors in Computing Systems (Glasgow, "
     "Scotland Uk). Association for Computing Machinery, New York, NY, USA.",
     "CHI '19: Proceedings of the 2019 CHI Conference on Human Factors in Computing Systems"),
    ("2020. KDD '20: Proceedings of the 26th ACM SIGKDD International Conference on Knowledge Discovery & Data "
     "Mining (Virtual Event, CA, USA). Association for Computing Machinery, New York, NY, USA.",
     "KDD '20: Proceedings of the 26th ACM SIGKDD International Conference on Knowledge Discovery & Data Mining"),
])
def test_a_conferences_place_after_its_proceedings_title_no_part_of_it(text, title):
    assert parse_entry(text).title == title


def test_a_standard_by_its_number_opens_an_entry_of_its_own():
    # a line opening with a standard's number after a complete entry opens one, keyed by its body, over lines too
    lines = ["Tom Brown and Ben Mann. 2020. Language models are few-shot learners. In NeurIPS.",
             "ISO 9001:2015. ISO, 2015.",
             "Jacob Devlin and Ming-Wei Chang. 2019. BERT: pre-training of transformers. In NAACL.",
             "IEEE Std 754-2019. IEEE Standard for Floating-Point", "Arithmetic. IEEE, 2019.",
             "Emma Strubell and Andrew McCallum. 2019. Energy and policy considerations. In",
             "ISO 26262 workshop. ACL."]
    entries = find_references(["Some text.\nReferences\n" + "\n".join(lines)])
    assert [(e.first_author, e.year, e.title) for e in entries] == [
        ("brown", 2020, "Language models are few-shot learners"), ("iso", 2015, "ISO 9001:2015"),
        ("devlin", 2019, "BERT: pre-training of transformers"),
        ("ieee", 2019, "IEEE Standard for Floating-Point Arithmetic"),
        ("strubell", 2019, "Energy and policy considerations")]


@pytest.mark.parametrize("text, title", [
    # a word and a compound adjective's second word broken at a line end keep their hyphen, with no paper to ask
    ("Matthew Honnibal and Ines Montani. spaCy: Industrial- strength Natural Language Processing in Python. 2020.",
     "spaCy: Industrial-strength Natural Language Processing in Python"),
    # ... not a prefix that starts longer words, nor a word's piece ('Inter- dependent', 'pro- cessing')
    ("Jane Doe. 2019. Knowledge- driven and context- aware pro- cessing of inter- dependent texts. In ACL.",
     "Knowledge-driven and context-aware processing of interdependent texts"),
])
def test_a_compound_adjectives_hyphen_at_a_line_break(text, title):
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text, key", [
    # a public body named by its field and its country: an organisation, keyed whole, braced whole in BibTeX
    ("Statistics Canada. 2020. Labour Force Survey.", "statisticscanada"),
    ("Health Canada (2019). Canada's Food Guide.", "healthcanada"),
    ("Innovate UK. 2021. Annual report.", "innovateuk"),
    ("Statistics Netherlands. 2022. Energy balance sheet.", "statisticsnetherlands"),
])
def test_a_body_named_by_its_field_and_country(text, key):
    assert parse_entry(text).first_author == key
    name = text.split(".")[0].split(" (")[0]
    assert to_bibtex_name(name) == "{" + name + "}"
    # ... a person's name closing with a country's stays a person's
    assert parse_entry(text.replace(name, "Jane Canada")).first_author == "canada"
    # ... and so does one whose family name ends as a field's word does, a given name before it
    assert parse_entry(text.replace(name, "Charles Davies Canada")).first_author == "canada"


_SORTED = ["Tom Brown and Ben Mann. 2020. Language models are few-shot learners. In NeurIPS.",
           "Jacob Devlin and Ming-Wei Chang. 2019. BERT: pre-training of transformers. In NAACL.",
           "Emma Strubell and Andrew McCallum. 2019. Energy and policy considerations. In ACL.",
           "Ilya Sutskever and Oriol Vinyals. 2014. Sequence to sequence learning. In NeurIPS.",
           "Ashish Vaswani and Noam Shazeer. 2017. Attention is all you need. In NeurIPS.",
           "Thomas Wolf and Lysandre Debut. 2020. Transformers: state-of-the-art NLP. In EMNLP."]


@pytest.mark.parametrize("given, family, at", [
    # in a list in alphabetical order, one name printed both ways is keyed on the word the entries' places sort by
    ("Hiroshi", "Tanaka", 4),
    ("Wei", "Chen", 1),
    ("Zoltan", "Nagy", 2),
])
def test_one_name_printed_both_ways_in_an_ordered_list(given, family, at):
    both = [f"{given} {family} and Kenji Mori. 2019. Deep learning for parsing. In ACL.",
            f"{family} {given}. 2021. Another study of parsing. In EMNLP."]
    for pair in (both, both[::-1]):
        page = "Some text.\nReferences\n" + "\n".join(_SORTED[:at] + pair + _SORTED[at:])
        keys = [e.first_author for e in find_references([page])]
        assert keys[at:at + 2] == [family.lower()] * 2
    # ... and on neither where both words sort there ('Minjun Kim' between devlin and strubell: each its last word)
    page = "Some text.\nReferences\n" + "\n".join(_SORTED[:2] + ["Minjun Kim. 2019. A study. In ACL.",
                                                                  "Kim Minjun. 2021. Another. In ACL."] + _SORTED[2:])
    assert [e.first_author for e in find_references([page])][2:4] == ["kim", "minjun"]
