"""Reference lists: a word broken at a line end that closes a compound elsewhere in its entry; held-out kinds."""

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, title", [
    # the word before the break closes a compound elsewhere in the entry: a word of its own, the hyphen a compound's
    ("Nils Reimers and Iryna Gurevych. Sentence-bert: Sentence embeddings using siamese bert- networks. In EMNLP, "
     "2019.", "Sentence-bert: Sentence embeddings using siamese bert-networks"),
    ("Ana Lopez. 2021. Doc-llama: tuning llama- adapters for retrieval. In ACL.",
     "Doc-llama: tuning llama-adapters for retrieval"),
])
def test_break_after_a_compounds_word_keeps_its_hyphen(text, title):
    assert parse_entry(text).title == title
    # ... a word a line break cut keeps no hyphen
    assert parse_entry("Ana Lopez. 2021. Sentence-level em- beddings for retrieval. In ACL.").title == \
        "Sentence-level embeddings for retrieval"


@pytest.mark.parametrize("text, title", [
    # a journal named in another language's letters, after a title closing with a part's Roman numeral
    ("Smith, J. (2020). Studies of things I. Zeitschrift für Physik, 38(1), 173–198.", "Studies of things I"),
    ("Smith, J. (2020). Études des choses V. Österreichische Zeitschrift für Soziologie, 38(1), 173–198.",
     "Études des choses V"),
])
def test_journal_in_any_latin_letters_closes_a_roman_numerals_title(text, title):
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text", [
    # Harvard's chapter before ', in' and its book: an edited book's, or one with the chapter's pages
    "Smith, J. and Jones, K. (2004) Learning to rank, in Brown, T. (ed.) The Handbook of Ranking. Oxford: OUP.",
    "Smith, J. and Jones, K. (2004) Learning to rank, in The Handbook of Ranking. Oxford: OUP, pp. 3-9.",
])
def test_harvard_chapter_title_ends_before_in_and_its_book(text):
    assert parse_entry(text).title == "Learning to rank"
    # ... a title holding ', in' with neither stays whole
    assert parse_entry("Smith, J. (2004) Statistics, in Plain English. London: Routledge.").title == \
        "Statistics, in Plain English"


@pytest.mark.parametrize("text, key", [
    # two single words joined by '&' before a firm's publication named by its kind: the firm's name, keyed whole
    ("Ernst & Young. Global AI Survey. 2022.", "ernstyoung"),
    ("Deloitte & Touche. 2021. Global Human Capital Trends Survey.", "deloittetouche"),
    ("Marsh & McLennan. 2020. Global Cyber Risk Index.", "marshmclennan"),
])
def test_firm_named_before_its_publication_by_kind_is_keyed_whole(text, key):
    assert parse_entry(text).first_author == key
    # ... never two people's names, nor two before a paper's title
    assert parse_entry("Young, E. & Ernst, B. (2021). Global AI Survey.").first_author == "young"
    assert parse_entry("Smith & Jones. 2020. A Comprehensive Survey.").first_author == "smith"
