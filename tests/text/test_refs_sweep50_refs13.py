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
    ("Ernst & Young. Global AI Survey. 2022.", "ernstandyoung"),
    ("Deloitte & Touche. 2021. Global Human Capital Trends Survey.", "deloitteandtouche"),
    ("Marsh & McLennan. 2020. Global Cyber Risk Index.", "marshandmclennan"),
])
def test_firm_named_before_its_publication_by_kind_is_keyed_whole(text, key):
    assert parse_entry(text).first_author == key
    # ... never two people's names, nor two before a paper's title
    assert parse_entry("Young, E. & Ernst, B. (2021). Global AI Survey.").first_author == "young"
    assert parse_entry("Smith & Jones. 2020. A Comprehensive Survey.").first_author == "smith"


@pytest.mark.parametrize("one, other", [
    # a standard's or an RFC's number keys its work, whatever order the entry prints it in
    ("RFC 9110. HTTP Semantics. R. Fielding, M. Nottingham, and J. Reschke. IETF, 2022.",
     'R. Fielding, M. Nottingham, and J. Reschke, "HTTP Semantics," RFC9110, Jun. 2022.'),
    ("ISO 14064-1:2018. Greenhouse gases — Part 1. ISO, 2018.",
     "International Organization for Standardization. 2018. Greenhouse gases — Part 1: Specification. "
     "BS EN ISO 14064-1:2018."),
    ("IEEE Std 754-2019. IEEE Standard for Floating-Point Arithmetic. IEEE, 2019.",
     "IEEE. 2019. IEEE standard for floating-point arithmetic (IEEE Std 754-2019)."),
    # ... its DOI the RFC Editor's, its edition's year in brackets, 'Standard No.', the year after IEEE's hyphen
    ("IETF. 2022. RFC 9110: HTTP Semantics.",
     "Fielding, R., & Reschke, J. (2022). HTTP semantics. RFC Editor. https://doi.org/10.17487/RFC9110"),
    ("ISO 14064-1 (2018). Greenhouse gases — Part 1. Geneva: ISO.",
     "International Organization for Standardization. (2018). Greenhouse gases — Part 1 (ISO Standard No. "
     "14064-1:2018)."),
    ("IEEE 754-2019. IEEE Standard for Floating-Point Arithmetic.",
     "IEEE Computer Society. 2019. IEEE Standard for Floating-Point Arithmetic. IEEE Std 754-2019 (Revision of IEEE "
     "754-2008)."),
])
def test_standard_keyed_by_its_number_in_any_order(one, other):
    from kb.text.refs import work_key
    a, b = work_key(parse_entry(one)), work_key(parse_entry(other))
    assert a == b and a.startswith("std:")
    # ... another edition or number is another work, and a journal's volume no standard's number
    assert work_key(parse_entry(one.replace("2018", "2006").replace("9110", "7231").replace("2019", "2008"))) != a
    assert not work_key(parse_entry("Y. LeCun. 1998. Gradient-based learning. Proc. IEEE 86, 11 (1998).")) \
        .startswith("std:")


@pytest.mark.parametrize("cited, paper", [
    # a title alike of another standard's number links to neither: by title, nor by its author and year
    ("R. Fielding and J. Reschke. 2014. Hypertext Transfer Protocol (HTTP/1.1): Semantics and Content. RFC 7230.",
     dict(title="Hypertext Transfer Protocol (HTTP/1.1): Semantics and Content", doi="10.17487/RFC7231")),
    ("Roy Fielding. 2014. Hypertext Transfer Protocol (HTTP/1.1): Semantics and Content. RFC 7230.",
     dict(title="Hypertext Transfer Protocol (HTTP/1.1): Semantics and Content (RFC 7231)")),
])
def test_another_standards_number_links_nothing(cited, paper):
    from kb.text.refs import PaperIndex, PaperInfo
    index = PaperIndex([PaperInfo("fielding2014", year=2014, first_author="Fielding", **paper)])
    assert index.explain(parse_entry(cited), loose=True).resolution is None
    # ... its own number links
    own = index.explain(parse_entry(cited.replace("7230", "7231")), loose=True).resolution
    assert own is not None and own.citekey == "fielding2014"


@pytest.mark.parametrize("text, title", [
    # a series' number after a title's colon is no sentence's end: its part's title follows
    ("Guyatt GH, Oxman AD, Akl EA, et al. GRADE guidelines: 1. Introduction—GRADE evidence profiles and summary of "
     "findings tables. J Clin Epidemiol 2011;64:383-94.",
     "GRADE guidelines: 1. Introduction—GRADE evidence profiles and summary of findings tables"),
    ("Balshem, H., Helfand, M., et al. (2011). GRADE guidelines: 3. Rating the quality of evidence. Journal of "
     "Clinical Epidemiology, 64(4), 401–406.", "GRADE guidelines: 3. Rating the quality of evidence"),
    ("Ann Smith. 2019. Lessons from the field: 12. Parsing revisited. In ACL.",
     "Lessons from the field: 12. Parsing revisited"),
])
def test_series_number_after_a_colon_continues_the_title(text, title):
    assert parse_entry(text).title == title
    # ... a venue after it still ends the title
    assert parse_entry("Ann Smith. 2020. Deep learning: 2. In ACL.").title == "Deep learning: 2"


@pytest.mark.parametrize("text, key", [
    # a firm named with its trade, which no family name is: keyed whole
    ("Deloitte Insights. 2020. State of AI in the enterprise.", "deloitteinsights"),
    ("Gartner Consulting (2021). Hype cycle for artificial intelligence.", "gartnerconsulting"),
    ("McKinsey Analytics. 2019. Global AI Survey: AI proves its worth, but few scale impact.", "mckinseyanalytics"),
])
def test_firm_named_with_its_trade_is_keyed_whole(text, key):
    from kb.text.names import author_key
    assert parse_entry(text).first_author == key
    assert author_key(text.split(".")[0].split(" (")[0]) == key


@pytest.mark.parametrize("text, title", [
    # a standard's title, then its number, its publisher and date only: no author, the words its title
    ("HTTP Semantics. RFC 9110, June 2022.", "HTTP Semantics"),
    ("[7] HTTP Caching, RFC 9111, Jun. 2022.", "HTTP Caching"),
])
def test_title_before_a_standards_number_is_no_author(text, title):
    e = parse_entry(text)
    assert (e.first_author, e.title) == (None, title)
    # ... a person's name before it stays an author
    assert parse_entry("John Smith. RFC 9110, June 2022.").first_author == "smith"
