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


@pytest.mark.parametrize("text, key, year, title", [
    # a body's number adopted by others, their initials after a space: keyed by the first body
    ("DIN EN 50600-1:2019. Information technology — Data centre facilities and infrastructures — Part 1: General "
     "concepts. Beuth Verlag, Berlin, 2019.", "din", 2019, "Information technology — Data centre facilities and "
     "infrastructures — Part 1: General concepts"),
    ("BS EN ISO 14001:2015. Environmental management systems. BSI, 2015.", "bs", 2015,
     "Environmental management systems"),
    ("DIN EN 50600-1:2019. DIN, 2019.", "din", 2019, "DIN EN 50600-1:2019"),
    # ... a body's kind of document spelt out, a body of more letters after the slash, a number after a hyphen
    ("NIST Special Publication 800-145. The NIST Definition of Cloud Computing. 2011.", "nist", 2011,
     "The NIST Definition of Cloud Computing"),
    ("ANSI/ASHRAE Standard 90.4-2019. Energy Standard for Data Centers. ASHRAE, 2019.", "ansiashrae", 2019,
     "Energy Standard for Data Centers"),
    ("ANSI/TIA-942-B. Telecommunications Infrastructure Standard for Data Centers. TIA, 2017.", "ansitia", 2017,
     "Telecommunications Infrastructure Standard for Data Centers"),
    # ... a number of groups and its version
    ("ETSI EN 303 645 V2.1.1. Cyber Security for Consumer Internet of Things. ETSI, 2020.", "etsi", 2020,
     "Cyber Security for Consumer Internet of Things"),
])
def test_standards_of_every_body_keyed_by_the_body(text, key, year, title):
    from kb.text.refs import parse_entry
    e = parse_entry(text)
    assert (e.first_author, e.year, e.title) == (key, year, title)


_PEOPLE = ["Tom Brown and Ben Mann. 2020. Language models are few-shot learners. In NeurIPS."]
_AFTER = ["Ashish Vaswani and Noam Shazeer. 2017. Attention is all you need. In NeurIPS."]


@pytest.mark.parametrize("lines, key, title", [
    # a line opening with a standard's number opens an entry, of any body; an RFC's where its title follows
    (["RFC 7540. HTTP/2. IETF, 2015."], None, "HTTP/2"),
    (["RFC 8259: The JavaScript Object Notation (JSON)", "Data Interchange Format. IETF, 2017."], None,
     "The JavaScript Object Notation (JSON) Data Interchange Format"),
    (["DIN EN 50600-1:2019. Information technology — Data", "centre facilities. Beuth, 2019."], "din",
     "Information technology — Data centre facilities"),
    (["NIST Special Publication 800-145. The NIST Definition", "of Cloud Computing. 2011."], "nist",
     "The NIST Definition of Cloud Computing"),
])
def test_a_standards_number_opens_an_entry(lines, key, title):
    page = "References\n" + "\n".join(_PEOPLE + lines + _AFTER)
    assert [(e.first_author, e.title) for e in find_references([page])][1:] == [(key, title), ("vaswani",
                                                                                             "Attention is all you need")]
    # ... not an RFC's number closing the entry whose title it numbers: its publisher, its series or nothing after it
    for closing in ("RFC 2119. IETF.", "RFC 2119. RFC Editor. https://doi.org/10.17487/RFC2119",
                    "RFC 2119. Internet Engineering Task Force.", "RFC 2119."):
        page = "References\n" + "\n".join(_PEOPLE + ["Scott Bradner. 1997. Key words for use in RFCs to Indicate",
                                                     "Requirement Levels.", closing] + _AFTER)
        assert [e.first_author for e in find_references([page])] == ["brown", "bradner", "vaswani"]


@pytest.mark.parametrize("lines, title", [
    # a word with a slash closing a title's sentence at a line's end: the next line's capitals are no URL's
    (["Mike Belshe and Martin Thomson. 2015. Hypertext Transfer Protocol Version 2 (HTTP/2).",
      "RFC 7540. RFC Editor."], "Hypertext Transfer Protocol Version 2 (HTTP/2)"),
    (["Vint Cerf and Bob Kahn. 1974. A protocol for packet network intercommunication over TCP/IP.",
      "IEEE Transactions on Communications, 22(5):637–648."],
     "A protocol for packet network intercommunication over TCP/IP"),
])
def test_a_slashed_word_ending_a_line_joins_no_url(lines, title):
    page = "References\n" + "\n".join(_PEOPLE + lines + _AFTER)
    assert [e.title for e in find_references([page])][1] == title


@pytest.mark.parametrize("firm", [
    # two words joined by '&' or 'and', a firm's name by another entry of the list: its legal form, its site
    "Ernst & Young LLP. 2021. Another report on audit.",
    "Ernst & Young. 2021. EY Global Survey. https://www.ey.com/en_gl/survey",
    "Procter and Gamble Inc. 2021. Annual report.",
])
def test_a_pair_of_words_a_firm_by_another_entry(firm):
    bare = firm.split(" ", 3)
    bare = f"{bare[0]} {bare[1]} {bare[2].rstrip('.')}. 2020. How AI will change accounting."
    page = "References\n" + "\n".join(_PEOPLE + [bare, firm])
    keys = [e.first_author for e in find_references([page])]
    assert keys[1] == keys[2] and keys[1] in ("ernstandyoung", "procterandgamble")
    # ... alone, it stays as it was: nothing says whether it is a firm's or two people's
    assert [e.first_author for e in find_references(["References\n" + "\n".join(_PEOPLE + [bare])])][1] != keys[1]


@pytest.mark.parametrize("text, arxiv_id", [
    # an arXiv address broken by a space at a line's end names its id, once put together again
    ("Nils Reimers and Iryna Gurevych. Sentence-bert: Sentence embeddings using siamese bert- networks. In EMNLP, "
     "11 2019. URL https://arxiv.org/ abs/1908.10084.", "1908.10084"),
    ("Jane Doe. 2020. A study of things. https://arxiv.org/ pdf/2005.14165v2.pdf", "2005.14165"),
])
def test_an_arxiv_address_broken_at_a_line_end(text, arxiv_id):
    from kb.text.refs import parse_entry
    assert parse_entry(text).arxiv_id == arxiv_id
    # ... and none where no id follows the break
    assert parse_entry("Jane Doe. 2020. A study of things. https://arxiv.org/ abs/ in 2020.").arxiv_id is None


@pytest.mark.parametrize("text, title", [
    # a space before a colon or a question mark in a title of no French words: no word's
    ("Amazon Web Services. 2021. Delivering Progress Every Day : Amazon’s 2021 Sustainability Report. "
     "https://sustainability.aboutamazon.com/2021- sustainability-report.pdf",
     "Delivering Progress Every Day: Amazon's 2021 Sustainability Report"),
    ("Jane Doe. 2022. DeScipher : A Text Simplification Tool for Science Journalism. In ACL.",
     "DeScipher: A Text Simplification Tool for Science Journalism"),
])
def test_a_space_before_a_colon_in_an_english_title(text, title):
    from kb.text.refs import parse_entry
    assert parse_entry(text).title == title
    # ... French sets one there
    assert parse_entry("Jean Dupont. 2021. Réseaux de neurones : étude. In TALN.").title == \
        "Réseaux de neurones : étude"
