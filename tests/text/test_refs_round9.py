"""Reference entries, round 9: IEEE's and Elsevier's titles with no quotes after names each opening with
initials, ... The works are real ones, printed as each style prints them."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, author, year, title", [
    # a title with no quotes after the last name of a list printing initials first: the words after the comma
    # hold no initial, and no name, 'and' or year follows them
    ("I. Goodfellow, Y. Bengio, A. C. Courville, Deep Learning. MIT Press, 2016.", "goodfellow", 2016,
     "Deep Learning"),
    ("I. Goodfellow, Y. Bengio, and A. Courville, Deep Learning. MIT Press, 2016.", "goodfellow", 2016,
     "Deep Learning"),
    # ... closed by a comma: the title ends before its publisher or venue and the year or volume
    ("I. Goodfellow, Y. Bengio, and A. Courville, Deep Learning, MIT Press, 2016.", "goodfellow", 2016,
     "Deep Learning"),
    ("I. Goodfellow, Y. Bengio, A. Courville, Deep Learning, MIT Press, Cambridge, MA, 2016.", "goodfellow", 2016,
     "Deep Learning"),
    ("C. M. Bishop, Pattern Recognition and Machine Learning, Springer, 2006.", "bishop", 2006,
     "Pattern Recognition and Machine Learning"),
    ("C. M. Bishop, Pattern Recognition and Machine Learning. Springer, 2006.", "bishop", 2006,
     "Pattern Recognition and Machine Learning"),
    ("Y. LeCun, Y. Bengio, G. Hinton, Deep learning, Nature, vol. 521, pp. 436-444, 2015.", "lecun", 2015,
     "Deep learning"),
    ("R. S. Sutton and A. G. Barto, Reinforcement Learning: An Introduction, 2nd ed. MIT Press, 2018.", "sutton",
     2018, "Reinforcement Learning: An Introduction"),
    ("J. Smith, Cats, Dogs, and Mice, Springer, 2019.", "smith", 2019, "Cats, Dogs, and Mice"),
    ("Y. Bengio, T. Le Scao, A study of things, Journal of Things 5 (2) (2019) 1-10.", "bengio", 2019,
     "A study of things"),
    # ... a book's publisher and year in brackets after it, as Nature prints them
    ("I. Goodfellow, Y. Bengio, A. Courville, Deep Learning (MIT Press, 2016).", "goodfellow", 2016, "Deep Learning"),
    # ... names inverted, each closed by its initials: no initials after the words, they are no family name
    ("Goodfellow, I., Bengio, Y., Courville, A., Deep Learning, MIT Press, 2016.", "goodfellow", 2016,
     "Deep Learning"),
    ("Goodfellow, I., Bengio, Y., and Courville, A., Deep Learning. MIT Press, 2016.", "goodfellow", 2016,
     "Deep Learning"),
    ("Bengio, Y., Le Scao, T., Smith, J., A study, Journal of Things 5 (2019).", "bengio", 2019, "A study"),
    ("Bengio, Y., van der Walt, S., A study of things, Journal of Things 5 (2019) 1-10.", "bengio", 2019,
     "A study of things"),
    ("12. Olsen, K., Berg, T.: Compact language models. In: Proc. LREC, pp. 1-8 (2018)", "olsen", 2018,
     "Compact language models"),
    ("Doe, J., Roe, R. (eds.): The Handbook of Artificial Intelligence. MIT Press, Cambridge (2020)", "doe", 2020,
     "The Handbook of Artificial Intelligence"),
    # ... after GOST's names, initials with their stops after the family name and a comma after them
    ("Goodfellow I., Bengio Y., Courville A. Deep Learning. — MIT Press, 2016. — 800 p.", "goodfellow", 2016,
     "Deep Learning"),
    ("Kingma D.P., Ba J. Adam: A method for stochastic optimization // arXiv preprint arXiv:1412.6980. — 2014.",
     "kingma", 2014, "Adam: A method for stochastic optimization"),
    # (a name given in full among initials stays a name: 'and', initials or the year follow it)
    ("A. Vaswani, Noam Shazeer, and N. Parmar. Attention is all you need. In NeurIPS, 2017.", "vaswani", 2017,
     "Attention is all you need"),
    ("A. Vaswani, Noam Shazeer. 2017. Attention is all you need. In NeurIPS.", "vaswani", 2017,
     "Attention is all you need"),
    ("A. Vaswani, Noam Shazeer, N. Parmar, Attention is all you need, in: NeurIPS, 2017.", "vaswani", 2017,
     "Attention is all you need"),
    ("A. Vaswani, Noam Shazeer. Attention is all you need. In NeurIPS, 2017.", "vaswani", 2017,
     "Attention is all you need"),
    # (... as the venue after them does not: names given in full after the first's initials, as August et al.'s
    # list and Patterson et al.'s print some)
    ("A. R. Fabbri, Wojciech Kryscinski, Bryan McCann, Richard Socher, and Dragomir Radev. 2021. SummEval: "
     "Re-evaluating Summarization Evaluation. Transactions of the ACL 9 (2021), 391–409.", "fabbri", 2021,
     "SummEval: Re-evaluating Summarization Evaluation"),
    ("A. R. Fabbri, Wojciech Kryscinski, Bryan McCann. SummEval: Re-evaluating summarization evaluation. TACL, "
     "2021.", "fabbri", 2021, "SummEval: Re-evaluating summarization evaluation"),
    ("Jouppi, N., Yoon, D-H, Jablin, T., Kurian, G., and Patterson, D., May 2021. Ten Lessons From Three "
     "Generations Shaped Google's TPUv4i, to appear, the 48th International Symposium on Computer Architecture.",
     "jouppi", 2021, "Ten Lessons From Three Generations Shaped Google's TPUv4i"),
    ("K. Bretonnel Cohen, Helen L. Johnson, and Lawrence Hunter. The structural and content aspects of abstracts. "
     "BMC Bioinformatics, 11(1):492, 2010.", "cohen", 2010, "The structural and content aspects of abstracts"),
    ("J. Doe and R. Roe, Eds., The Handbook of Artificial Intelligence. Cambridge, MA, USA: MIT Press, 2020.",
     "doe", 2020, "The Handbook of Artificial Intelligence"),
])
def test_a_title_with_no_quotes_after_names_of_initials_first(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author", [
    # a country's or union's initialism before a body's name, which the entry's web address spells whole
    ("U.S. Courts. Civil cases. https://www.uscourts.gov/about-federal-courts/types-cases/civil-cases.", "uscourts"),
    ("U.S. Courts. 2020. Judicial caseload statistics. https://www.uscourts.gov/statistics.", "uscourts"),
    ("U.N. Women. 2020. Gender equality: Women's rights in review. https://www.unwomen.org/en/digital-library.",
     "unwomen"),
    # ... or before an organisation's name holding 'and'
    ("U.S. Food and Drug Administration. Artificial intelligence and machine learning in software as a medical "
     "device. Silver Spring: FDA; 2021.", "usfoodanddrugadministration"),
    ("U.S. Food and Drug Administration (2021). Artificial intelligence in medical devices. Silver Spring, MD.",
     "usfoodanddrugadministration"),
    ("U.S. Grant and R. E. Lee. 1865. Terms of surrender. Appomattox.", "grant"),
    # (initials and a name the address does not spell, or no address: a person's)
    ("U.S. Courts (2020). Judicial caseload statistics. Washington, DC.", "courts"),
    ("U.S. Grant. 2019. A page on the memoirs. https://www.nps.gov/ulsg.", "grant"),
    ("U.S. Grant. 1885. Personal Memoirs of U.S. Grant. New York: Charles L. Webster.", "grant"),
    ("J. Smith. 2019. My blog post. https://jsmith.net/post.", "smith"),
    ("U. S. Grant. 2019. Notes. https://usgrant.example.org.", "grant"),
    # (one the name's words say is an organisation's, as before)
    ("U.S. Department of Energy. 2021. Data center energy report. Washington, DC.", "usdepartmentofenergy"),
    ("U.K. Government (2020). National AI strategy. London.", "ukgovernment"),
])
def test_an_initialism_before_a_bodys_name_its_web_address_spells(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author


_HARVARD = [
    "Strubell, E., Ganesh, A., & McCallum, A. (2019). Energy and policy considerations for deep learning in NLP. "
    "In ACL.",
    "U.S. Courts (2020). Judicial caseload statistics. Washington, DC.",
    "U.S. Grant (1885). Personal memoirs. New York: Charles L. Webster.",
    "Vaswani, A., & Shazeer, N. (2017). Attention is all you need. In NeurIPS.",
]


@pytest.mark.parametrize("body, keys", [
    # the paper cites the initialism and the name whole, as author-year citations cite family names
    ("Cases rise (U.S. Courts, 2020), as memoirs say (Grant, 1885).", ["strubell", "uscourts", "grant", "vaswani"]),
    ("As U.S. Courts (2020) report.", ["strubell", "uscourts", "grant", "vaswani"]),
    # (cited by the last word, or not at all: the list's own 'U.S. Courts (2020).' is no citation)
    ("Cases rise (Courts, 2020).", ["strubell", "courts", "grant", "vaswani"]),
    ("Some text.", ["strubell", "courts", "grant", "vaswani"]),
])
def test_an_initialism_before_a_name_the_paper_cites_whole(body: str, keys: list[str]) -> None:
    from kb.text.refs import find_references
    entries = find_references([f"A paper\n{body}", "\n".join(["References", *_HARVARD])])
    assert [e.first_author for e in entries] == keys


@pytest.mark.parametrize("text, author", [
    # one author inverted, a Spanish family name's two words before the comma, two given names after it and the
    # list's end: the words before the comma are the family name
    ("Ortiz Suárez, Pedro Javier. 2020. A monolingual approach to contextualized word embeddings. In ACL.",
     "ortizsuarez"),
    ("Ortiz Suarez, Pedro Javier. 2020. A monolingual approach to contextualized word embeddings. In ACL.",
     "ortizsuarez"),
    ("Ortiz Suárez, Pedro Javier (2020). A monolingual approach. In ACL.", "ortizsuarez"),
    ("García Márquez, Gabriel José. 1967. Cien años de soledad. Buenos Aires: Sudamericana.", "garciamarquez"),
    ("Hernández García, Ana María. 2019. Corpus de referencia del español. Madrid.", "hernandezgarcia"),
    # (names romanised from Chinese or Japanese, each first word a family name and a second one no family name,
    # print the family name first: sweep 43, sweep 51)
    ("Yamada Taro, Suzuki Hanako. 2019. A study of Japanese parsing. In Proceedings of NLP.", "yamada"),
    ("Wang Xiaoming, Li Hua. 2019. A study of parsing. In ACL.", "wang"),
    ("Novak Đoković, Ana Ivanović. 2020. Tennis analytics with deep learning. In ACL.", "dokovic"),
    ("Carlos Gómez, Ana López. 2019. Corpus de referencia del español. Madrid.", "gomez"),
    ("Lewis Tunstall, Edward Beeching, and others. 2023. Zephyr: Direct distillation of LM alignment.", "tunstall"),
    ("Andrew Rosenberg and Julia Hirschberg. 2007. V-measure: A conditional entropy-based measure. In EMNLP.",
     "rosenberg"),
])
def test_one_author_inverted_with_two_family_names_and_two_given_names(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author


def test_a_running_header_with_its_page_number_at_the_outer_edge() -> None:
    """A journal prints its page number before the running header on even pages and after it on odd ones: one
    header, taken out of the entry a page break splits, where it was read into it."""
    from kb.text.refs import find_references
    pages = ["JOURNAL OF THINGS 13\nIntro.",
             "Body.\nReferences\n"
             "Strubell, E., Ganesh, A., & McCallum, A. (2019). Energy and policy considerations for deep learning in "
             "NLP. In\nProceedings of ACL (pp. 3645–3650).\n"
             "Vaswani, A., Shazeer, N., Parmar, N., & Polosukhin, I. (2017).\nAttention is all you need. In Advances "
             "in Neural Information\n14 JOURNAL OF THINGS",
             "JOURNAL OF THINGS 15\nProcessing Systems (pp. 5998–6008).\n"
             "Wolf, T., Debut, L., Sanh, V., & Chaumond, J. (2020). Transformers: State-of-the-art natural language "
             "processing.\nIn Proceedings of EMNLP (pp. 38–45)."]
    entries = find_references(pages)
    assert [(e.first_author, e.year) for e in entries] == [("strubell", 2019), ("vaswani", 2017), ("wolf", 2020)]
    assert entries[1].raw.endswith("In Advances in Neural Information Processing Systems (pp. 5998–6008).")
    assert not any("JOURNAL" in e.raw for e in entries)


@pytest.mark.parametrize("text, author", [
    # a romanised name printed family name first, its given name of two syllables hyphenated, the second in lower
    # case, as no Western name writes one
    ("Kim Ji-hoon, Park Seo-yeon. 2019. Korean morphological analysis. In EMNLP.", "kim"),
    ("Kim Ji-hoon and Park Seo-yeon. 2019. Korean morphological analysis. In EMNLP.", "kim"),
    ("Mao Tse-tung. 1937. On practice. Yan'an.", "mao"),
    ("Wang Xiao-ming, Li Hua. 2019. Chinese word segmentation. In ACL.", "wang"),
    # (given name first, or a family name of two capitalised parts, as before)
    ("Ji-hoon Kim and Seo-yeon Park. 2019. Korean morphological analysis. In EMNLP.", "kim"),
    ("Xiao-Ming Wang and Hua Li. 2020. Chinese word segmentation. In ACL.", "wang"),
    ("Mary Smith-Jones and Tom Brown. 2019. A study of double-barrelled names. In ACL.", "smithjones"),
])
def test_a_romanised_name_family_name_first_told_by_its_given_name(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author


@pytest.mark.parametrize("name, bib, key", [
    ("Kim Ji-hoon", "Kim, Ji-hoon", "kim2019presence"),
    ("Mao Tse-tung", "Mao, Tse-tung", "mao2019presence"),
    ("Ji-hoon Kim", "Kim, Ji-hoon", "kim2019presence"),
    ("Mary Smith-Jones", "Smith-Jones, Mary", "smithjones2019presence"),
    # a suffix after a comma, the name given first: BibTeX read the whole name as the family name
    ("Martin Luther King, Jr.", "King, Jr., Martin Luther", "king2019presence"),
    ("Guy L. Steele, Jr.", "Steele, Jr., Guy L.", "steele2019presence"),
    ("Henry Louis Gates, III", "Gates, III, Henry Louis", "gates2019presence"),
    # (BibTeX's own forms, and a company's legal form, are kept)
    ("King, Jr., Martin Luther", "King, Jr., Martin Luther", "king2019presence"),
    ("King, Jr.", "King, Jr.", "king2019presence"),
    ("Smith, John", "Smith, John", "smith2019presence"),
])
def test_names_from_metadata_family_first_or_with_a_suffix(name: str, bib: str, key: str) -> None:
    from kb.sources.citekey import base_key
    from kb.text.names import to_bibtex_name
    assert to_bibtex_name(name) == bib
    assert base_key([bib], 2019, "Presence-only priors") == key


@pytest.mark.parametrize("text, author, title", [
    # no date where the year goes, as ACM prints it ('[n. d.]') and APA its second such work ('(n.d.-b)')
    ("OpenAI. [n. d.]. ChatGPT. https://chat.openai.com.", "openai", "ChatGPT"),
    ("Emma Strubell. [n. d.]. Energy in NLP. Unpublished manuscript.", "strubell", "Energy in NLP"),
    ("Hugging Face. [n.d.]. The Hugging Face Hub. https://huggingface.co/docs/hub.", "huggingface",
     "The Hugging Face Hub"),
    ("Emma Strubell and Ananya Ganesh. [n. d.]. Energy in NLP. Unpublished manuscript.", "strubell", "Energy in NLP"),
    ("Smith, J. (n.d.-b). A study of things. Online.", "smith", "A study of things"),
    # German's 'u. a.' closing the names, as 'et al.' does
    ("Müller, H. u. a. (2019): Eine Studie über Dinge. Berlin: Springer.", "muller", "Eine Studie über Dinge"),
    ("Müller, H.; Schmidt, P. u. a. (2019): Eine Studie über Dinge. Berlin: Springer.", "muller",
     "Eine Studie über Dinge"),
    ("MÜLLER, H. u. a.: Eine Studie über Dinge. Berlin: Springer, 2019.", "muller", "Eine Studie über Dinge"),
])
def test_no_date_as_acm_prints_it_and_germans_et_al(text: str, author: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)
    assert entry.year is None or "2019" in text


@pytest.mark.parametrize("text, author, title", [
    # Arabic's article joined to the family name by a hyphen, in lower case, given name first: of the name
    ("Muhammad al-Khwarizmi. 2010. The algebra. Cambridge University Press.", "alkhwarizmi", "The algebra"),
    ("Muhammad al-Khwarizmi and John Smith. 2010. The algebra. Cambridge University Press.", "alkhwarizmi",
     "The algebra"),
    ("M. al-Khwarizmi, The algebra. Cambridge University Press, 2010.", "alkhwarizmi", "The algebra"),
    ('M. al-Khwarizmi and J. Smith, "The algebra," in Proc. of Things, 2010.', "alkhwarizmi", "The algebra"),
    ("Ali al-Sayed, Omar al-Farsi, and John Smith. 2019. Arabic named entities. In ACL.", "alsayed",
     "Arabic named entities"),
    ("Ahmed el-Sayed. 2019. Arabic named entities. In ACL.", "elsayed", "Arabic named entities"),
    # (inverted, as before; a title's own 'as-is' is no name)
    ("al-Sayed, A., al-Farsi, O., & Smith, J. (2019). Arabic named entities. In ACL.", "alsayed",
     "Arabic named entities"),
    ("Smith, J. (2019). Data as-is in practice. Journal of Things.", "smith", "Data as-is in practice"),
])
def test_arabic_article_before_a_family_name(text: str, author: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)


@pytest.mark.parametrize("author, key", [
    # a note's bibliography entry keys its first author as the papers' rows key theirs (kb.text.names.author_key)
    ("International Energy Agency", "internationalenergyagency"),
    ("{Common Crawl}", "commoncrawl"),
    ("王, 小明 and 李, 华", "王小明"),
    ("Strubell, Emma and Ganesh, Ananya", "strubell"),
    ("Emma Strubell", "strubell"),
])
def test_a_notes_bibliography_entry_keys_its_first_author_as_papers_are(author: str, key: str) -> None:
    from kb.ops.quotes import _bib_entry
    from kb.text.names import first_author_key, split_names
    entry = _bib_entry({"author": author, "title": "A study of things", "year": "2023"}, "k")
    assert entry.first_author == key == first_author_key(split_names(author))


def test_a_works_state_a_sentence_of_its_own_after_the_names() -> None:
    """'Karen Jones. In press.' (ACL's and Chicago's lists print a work's state where its year goes) closes the names
    and opens an entry, where the entry was read into the one before it."""
    from kb.text.refs import find_references
    lines = ["References",
             "Kate Crawford. 2021. Atlas of AI. Yale University Press.",
             "Hugging Face. n.d. The Hugging Face Hub documentation. https://huggingface.co/docs/hub.",
             "Karen Jones. In press. A study of things to come. Journal of Things.",
             "OpenAI. [n. d.]. ChatGPT. https://chat.openai.com.",
             "John Smith and Kate Lee. Forthcoming. Another study of things. Journal of Things.",
             "Emma Strubell, Ananya Ganesh, and Andrew McCallum. 2019. Energy and policy considerations for deep "
             "learning in\nNLP. In Proceedings of ACL, pages 3645–3650."]
    entries = find_references(["A paper", "\n".join(lines)])
    assert [(e.first_author, e.year, e.title) for e in entries] == [
        ("crawford", 2021, "Atlas of AI"), ("huggingface", None, "The Hugging Face Hub documentation"),
        ("jones", None, "A study of things to come"), ("openai", None, "ChatGPT"),
        ("smith", None, "Another study of things"),
        ("strubell", 2019, "Energy and policy considerations for deep learning in NLP")]
    # (a title opening with the word, not closed by a stop, is the title)
    assert parse_entry("Karen Jones. Forthcoming changes in the climate. Journal of Things, 2019.").title == \
        "Forthcoming changes in the climate"


@pytest.mark.parametrize("text, author, title", [
    # IEEE's report of a body: its name, a comma, the title with no quotes, a comma and the year
    ("International Energy Agency, Electricity Market Report, 2023. [Online]. Available: "
     "https://www.iea.org/reports/electricity-market-report-2023", "internationalenergyagency",
     "Electricity Market Report"),
    ("[7] U.S. Energy Information Administration, Electric Power Monthly, 2023. [Online]. Available: "
     "https://www.eia.gov/electricity/monthly/", "usenergyinformationadministration", "Electric Power Monthly"),
    ("European Commission, Ethics Guidelines for Trustworthy AI, 2019.", "europeancommission",
     "Ethics Guidelines for Trustworthy AI"),
    # (two bodies, or two people, are no title)
    ("Google Research, Brain Team, 2019.", "googleresearch", None),
    ("Emma Strubell, Ananya Ganesh, 2019.", "strubell", None),
])
def test_a_bodys_report_as_ieee_prints_it(text: str, author: str, title: str | None) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)
