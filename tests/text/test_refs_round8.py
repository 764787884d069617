"""Reference entries, round 8: Vancouver's one author before a title opening 'Word:' (as Google Scholar's Cite
pastes it), a family name of two words inverted before initials whose last stop the list's end took, ...
The works are real ones, printed as each style prints them."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, author, year, title", [
    # Vancouver's one author, family name and initial with no comma between, then a title whose first word ends in
    # ':': the word is of the title where it is no family name (a digit, capitals) or the entry closes as Vancouver's
    ("Radford A. Gpt: Improving language understanding by generative pre-training. 2018.", "radford", 2018,
     "Gpt: Improving language understanding by generative pre-training"),
    ("Radford A. GPT-2: Language models are unsupervised multitask learners. OpenAI blog. 2019.", "radford", 2019,
     "GPT-2: Language models are unsupervised multitask learners"),
    ("Devlin J. Bert: Pre-training of deep bidirectional transformers for language understanding. In NAACL. 2019.",
     "devlin", 2019, "Bert: Pre-training of deep bidirectional transformers for language understanding"),
    ("Touvron H. LLaMA: Open and efficient foundation language models. arXiv. 2023 Feb 27.", "touvron", 2023,
     "LLaMA: Open and efficient foundation language models"),
    ("Kärcher B. Formation: a study of cirrus. J Atmos Sci. 2018;75:1-10.", "karcher", 2018,
     "Formation: a study of cirrus"),
    # (DBLP's one author, given name first, closes the names with the colon; so does Springer's)
    ("Emma A. Strubell: Energy and policy considerations for deep learning in NLP. ACL 2019: 3645-3650", "strubell",
     2019, "Energy and policy considerations for deep learning in NLP"),
    ("Emma A. Strubell: Energy and policy considerations. CoRR abs/1906.02243 (2019)", "strubell", 2019,
     "Energy and policy considerations"),
    ("Strubell E.: Energy and policy considerations for deep learning in NLP. In: ACL (2019)", "strubell", 2019,
     "Energy and policy considerations for deep learning in NLP"),
    ("Strubell, E.: Energy and policy considerations for deep learning in NLP. In: ACL (2019)", "strubell", 2019,
     "Energy and policy considerations for deep learning in NLP"),
])
def test_vancouvers_one_author_before_a_title_opening_word_colon(text: str, author: str, year: int,
                                                                 title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author", [
    # a family name of two words before initials: the initials' last stop closes the list, and is still theirs
    ("Ortiz Suárez, P. J. (2020). A monolingual approach to contextualized word embeddings. In ACL.", "ortizsuarez"),
    ("Ortiz Suárez, P. J. 2020. A monolingual approach to contextualized word embeddings. In ACL.", "ortizsuarez"),
    ("Ortiz Suárez, P.J. (2020). A monolingual approach to contextualized word embeddings. In ACL.", "ortizsuarez"),
    ("Ortiz Suárez, P.-J. (2020). A monolingual approach. In ACL.", "ortizsuarez"),
    ("García Márquez, G. G. (1967). Cien años de soledad. Buenos Aires: Sudamericana.", "garciamarquez"),
    ("Ortiz Suárez, Pedro. 2020. A monolingual approach to contextualized word embeddings. In ACL.", "ortizsuarez"),
    ("Sagot, B., & Ortiz Suárez, P. J. (2020). A monolingual approach. In ACL.", "sagot"),
    # (a family name first, then a Vancouver name or a full one, stays keyed on its first word)
    ("Wang Xiaoming, Li H. 2020. A study of parsing. J AI 3:1-10", "wang"),
    ("Tran Thi Bich, Smith J (2020) Deep learning for Vietnamese text classification. J AI 3:1-10", "tran"),
    ("Kim Jong, Park S. 2020. Parsing Korean. In ACL.", "kim"),
])
def test_a_family_name_of_two_words_before_initials_the_list_closes(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author


@pytest.mark.parametrize("name, bib, key", [
    # one author's name holding 'and' or '&' is a firm's or a body's, braced and keyed whole
    ("Marks and Spencer", "{Marks and Spencer}", "marksandspencer2019presence"),
    ("Procter & Gamble", "{Procter & Gamble}", "procterandgamble2019presence"),
    # (its legal form no part of the key: sweep 43)
    ("Ernst & Young LLP", "{Ernst & Young LLP}", "ernstandyoung2019presence"),
    # ... as is one closed by an organisation's word in lower case, as no person's name is closed
    ("Scikit-learn developers", "{Scikit-learn developers}", "scikitlearndevelopers2019presence"),
    ("PyTorch contributors", "{PyTorch contributors}", "pytorchcontributors2019presence"),
    # a family name before its initials, as Vancouver and PDFs' metadata print one, is the family name
    ("Radford A.", "Radford, A.", "radford2019presence"),
    ("Kind A.J.H.", "Kind, A.J.H.", "kind2019presence"),
    ("Turing A.-M.", "Turing, A.-M.", "turing2019presence"),
    ("Tolkien J. R. R.", "Tolkien, J. R. R.", "tolkien2019presence"),
    ("van den Oord A.", "van den Oord, A.", "vandenoord2019presence"),
    # a suffix after the name is no family name
    ("Martin Luther King Jr.", "King, Jr., Martin Luther", "king2019presence"),
    ("Henry Ford II", "Ford, II, Henry", "ford2019presence"),
    # (people given name first, with their initials and particles, stay people)
    ("A. M. Turing", "Turing, A. M.", "turing2019presence"),
    ("Alan M. Turing", "Turing, Alan M.", "turing2019presence"),
    ("J. Smith", "Smith, J.", "smith2019presence"),
    ("Jean de la Fontaine", "de la Fontaine, Jean", "delafontaine2019presence"),
    ("Sophie in 't Veld", "in 't Veld, Sophie", "intveld2019presence"),
    ("Emma Strubell", "Strubell, Emma", "strubell2019presence"),
])
def test_names_from_metadata_written_to_references_bib(name: str, bib: str, key: str) -> None:
    from kb.sources.citekey import base_key
    from kb.text.names import last_name, to_bibtex_name
    assert to_bibtex_name(name) == bib
    assert base_key([bib], 2019, "Presence-only priors") == key
    if bib.startswith("{"):
        assert last_name(name) == name          # whole, as written


_ACL = [
    "Rhonda Ascierto. 2018. Uptime Institute Global Data Center Survey. Technical report, Uptime Institute.",
    "Dzmitry Bahdanau, Kyunghyun Cho, and Yoshua Bengio. 2015. Neural machine translation by jointly learning to "
    "align and translate. In ICLR.",
    "Emily M. Bender and Alexander Koller. 2020. Climbing towards NLU. In ACL.",
    "Thang Luong, Hieu Pham, and Christopher D. Manning. 2015. Effective approaches to attention-based neural "
    "machine translation. In EMNLP.",
    "Ashish Vaswani and Noam Shazeer. 2017. Attention is all you need. In NeurIPS.",
]
_APA = [
    "Ascierto, R. (2018). Uptime Institute global data center survey. Uptime Institute.",
    "Bahdanau, D., Cho, K., & Bengio, Y. (2015). Neural machine translation by jointly learning to align and "
    "translate. In ICLR.",
    "Bender, E. M., & Koller, A. (2020). Climbing towards NLU. In ACL.",
    "Luong, T., Pham, H., & Manning, C. D. (2015). Effective approaches to attention-based neural machine "
    "translation. In EMNLP.",
    "Vaswani, A., & Shazeer, N. (2017). Attention is all you need. In NeurIPS.",
]


@pytest.mark.parametrize("body, lines, last", [
    # two capitalised words joined by the conjunction the list never joins its people with are one name,
    # in a journal too: '&' in a list printing 'and' ...
    ("Some text.", [*_ACL, "Procter & Gamble. 2020. Citizenship report. Journal of Corporate Citizenship, "
                           "5(2):1-10."], "procterandgamble"),
    ("Some text.", [*_ACL, "Ernst & Young. 2019. How AI changes audit. In Proceedings of the Audit Forum."],
     "ernstandyoung"),
    # ... 'and' in a list printing '&'
    ("Some text.", [*_APA, "Marks and Spencer (2019). Plan A report. Journal of Retail, 5(2), 1-10."],
     "marksandspencer"),
    # (two people where the list joins people so, or the paper cites the two joined as the list joins people)
    ("Some text.", [*_APA, "Bender & Koller (2020). Climbing towards NLU. In ACL."], "bender"),
    ("Some text.", [*_ACL, "Bender and Koller. 2020. Climbing towards NLU. In ACL."], "bender"),
    ("As Lo and Beltagy (2019) show.", [*_ACL, "Lo & Beltagy. 2019. SciBERT: A pretrained language model for "
                                               "scientific text. In EMNLP."], "lo"),
    ("Some text.", [*_ACL, "Lo & Beltagy. 2019. SciBERT: A pretrained language model for scientific text. In "
                           "EMNLP."], "loandbeltagy"),
])
def test_a_conjunction_the_list_never_joins_people_with_is_of_a_name(body: str, lines: list[str], last: str) -> None:
    from kb.text.refs import find_references
    entries = find_references([f"A paper\n{body}", "\n".join(["References", *lines])])
    assert [e.first_author for e in entries] == ["ascierto", "bahdanau", "bender", "luong", "vaswani", last]


@pytest.mark.parametrize("text, title", [
    # a title in italics as Markdown marks them (a list pasted or written in it) is the title without the marks
    ("Smith, J. (2019). *A study of things*. Journal of Things, 5, 1-10.", "A study of things"),
    ("Smith, J. (2019). _A study of things_. Journal of Things, 5, 1-10.", "A study of things"),
    ("Smith, J. (2019). **A study of things**. Journal of Things, 5, 1-10.", "A study of things"),
    ("Jurafsky, D., & Martin, J. H. (2009). *Speech and language processing* (2nd ed.). Prentice Hall.",
     "Speech and language processing"),
    ("Crawford, K. (2021). *Atlas of AI*. Yale University Press.", "Atlas of AI"),
    ("Smith, J. (2019). *Is it?* Journal of Things, 5, 1-10.", "Is it?"),
    ("Emma Strubell. 2019. *Energy and policy: a study*. In ACL.", "Energy and policy: a study"),
    # (a title's own stars and underscores stay)
    ("Smith, J. (2019). __init__ files considered harmful. Journal of Things, 5, 1-10.",
     "__init__ files considered harmful"),
    ("Smith, J. (2019). *args and **kwargs considered harmful. Journal of Things, 5, 1-10.",
     "*args and **kwargs considered harmful"),
    ("Smith, J. (2019). A study of *things* in the world. *Journal of Things*, 5, 1-10.",
     "A study of *things* in the world"),
])
def test_a_title_in_markdowns_italics(text: str, title: str) -> None:
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text, author, year, title", [
    # a quoted title is no name: IEEE's work with no author opens with its title ...
    ('"Data centres and data transmission networks," International Energy Agency, Paris, 2022. [Online]. '
     "Available: https://www.iea.org/reports/data-centres. [Accessed: Jan. 5, 2024].", None, 2022,
     "Data centres and data transmission networks"),
    ('"Attention is all you need." NeurIPS, 2017.', None, 2017, "Attention is all you need"),
    # ... and MLA's organisation is the sentence before it, its web address no title
    ('Google. "Environmental Report 2023." Google, 2023, sustainability.google/reports. Accessed 5 Jan. 2024.',
     "google", 2023, "Environmental Report 2023"),
    ('Apple. "Environmental Progress Report." Apple, 2023, www.apple.com/environment/. Accessed 1 May 2024.',
     "apple", 2023, "Environmental Progress Report"),
    ('World Health Organization. "Ethics and Governance of Artificial Intelligence for Health." WHO, 2021, '
     "www.who.int/publications/i/item/9789240029200.", "worldhealthorganization", 2021,
     "Ethics and Governance of Artificial Intelligence for Health"),
    ('Strubell, Emma. "Energy in NLP." Hugging Face Blog, 2021, huggingface.co/blog/energy.', "strubell", 2021,
     "Energy in NLP"),
    ('Google, "Environmental report 2020," Google LLC, Tech. Rep., 2020.', "google", 2020, "Environmental report 2020"),
])
def test_a_quoted_title_is_no_name(text: str, author: str | None, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author, linked", [
    # Google Scholar's Vancouver prints an organisation as a person, its last word first: that word is the family
    # name, and agrees with the organisation's whole name
    ("Workshop B, Scao TL, Fan A, Akiki C, Pavlick E, Ilić S, Hesslow D, Castagné R, Luccioni AS, Yvon F, Gallé M. "
     "Bloom: A 176b-parameter open-access multilingual language model. arXiv preprint arXiv:2211.05101. 2022 Nov 9.",
     "workshop", "bigscience2022bloom"),
    ("Team G, Anil R, Borgeaud S, et al. Gemini: a family of highly capable multimodal models. arXiv preprint. 2023.",
     "team", "gemini2023gemini"),
    # (an organisation printed whole, and people, as before)
    ("Meta AI, Smith J, Jones K. Llama 3 model card. 2024.", "metaai", None),
    ("Smith J, Jones K. A study of things. J Things. 2019;5:1-10.", "smith", None),
])
def test_an_organisation_google_scholar_prints_as_a_person(text: str, author: str, linked: str | None) -> None:
    from kb.text.refs import PaperIndex, PaperInfo
    entry = parse_entry(text)
    assert entry.first_author == author
    index = PaperIndex([
        PaperInfo("bigscience2022bloom", title="BLOOM: A 176B-Parameter Open-Access Multilingual Language Model",
                  year=2022, first_author="BigScience Workshop"),
        PaperInfo("gemini2023gemini", title="Gemini: A Family of Highly Capable Multimodal Models", year=2023,
                  first_author="Gemini Team")])
    found = index.resolve(entry)
    assert (found.citekey if found else None) == linked


@pytest.mark.parametrize("text, author, year, title", [
    # GOST: initials with their stops after the family name, no comma between; the container after ' // '
    ("Kingma D.P., Ba J. Adam: A method for stochastic optimization // arXiv preprint arXiv:1412.6980. 2014.",
     "kingma", 2014, "Adam: A method for stochastic optimization"),
    ("Kingma D.P., Ba J. Adam: A method for stochastic optimization // Proceedings of ICLR, 2015.", "kingma", 2015,
     "Adam: A method for stochastic optimization"),
    ("Devlin J., Chang M.-W., Lee K., Toutanova K. BERT: Pre-training of deep bidirectional transformers // "
     "Proceedings of NAACL-HLT, 2019. P. 4171-4186.", "devlin", 2019,
     "BERT: Pre-training of deep bidirectional transformers"),
    ("Ivanov I.I. Glubokoe obuchenie / I. I. Ivanov, P. P. Petrov // Vestnik MGU. 2020. No. 5. P. 1-10.", "ivanov",
     2020, "Glubokoe obuchenie"),
    # (Springer's colon after the names, initials after or before the family name)
    ("Strubell E., Ganesh A., McCallum A.: Energy and policy considerations for deep learning in NLP. In: ACL (2019)",
     "strubell", 2019, "Energy and policy considerations for deep learning in NLP"),
    ("E. Strubell, A. Ganesh, A. McCallum: Energy and policy considerations for deep learning in NLP. In: ACL (2019)",
     "strubell", 2019, "Energy and policy considerations for deep learning in NLP"),
    ("Smith J. Things and/or stuff. J Things. 2019;5:1-10.", "smith", 2019, "Things and/or stuff"),
])
def test_gost_initials_with_stops_and_its_container(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


_INVERTED = [
    "Ascierto, R. (2018). Uptime Institute global data center survey. Uptime Institute.",
    "Bahdanau, D., Cho, K., & Bengio, Y. (2015). Neural machine translation by jointly learning to align and "
    "translate. In ICLR.",
    "Bender, E. M., & Koller, A. (2020). Climbing towards NLU. In ACL.",
    "Luong, T., Pham, H., & Manning, C. D. (2015). Effective approaches to attention-based neural machine "
    "translation. In EMNLP.",
    "Vaswani, A., & Shazeer, N. (2017). Attention is all you need. In NeurIPS.",
]
_GIVEN_FIRST = [
    "Rhonda Ascierto. 2018. Uptime Institute Global Data Center Survey. Uptime Institute.",
    "Dzmitry Bahdanau, Kyunghyun Cho, and Yoshua Bengio. 2015. Neural machine translation. In ICLR.",
    "Emily M. Bender and Alexander Koller. 2020. Climbing towards NLU. In ACL.",
    "Thang Luong, Hieu Pham, and Christopher D. Manning. 2015. Effective approaches to attention-based NMT. In EMNLP.",
    "Ashish Vaswani and Noam Shazeer. 2017. Attention is all you need. In NeurIPS.",
]


@pytest.mark.parametrize("lines, entry, key", [
    # a name without a comma before its year, in a list that inverts its people's names, is an organisation's
    (_INVERTED, "Common Crawl (2023). Statistics of monthly archives. https://commoncrawl.github.io/", "commoncrawl"),
    (_INVERTED, "Semantic Scholar. (2023). The open data platform. Allen Institute for AI.", "semanticscholar"),
    (_INVERTED, "Internet Archive (2021). Wayback machine. https://web.archive.org", "internetarchive"),
    ([ln.replace("(2018). Uptime", "2018. Uptime") for ln in _INVERTED[:1]]
     + ["Bahdanau, Dzmitry, Kyunghyun Cho, and Yoshua Bengio. 2015. Neural machine translation. In ICLR.",
        "Bender, Emily M., and Alexander Koller. 2020. Climbing towards NLU. In ACL.",
        "Luong, Thang, Hieu Pham, and Christopher D. Manning. 2015. Effective approaches to NMT. In EMNLP.",
        "Vaswani, Ashish, and Noam Shazeer. 2017. Attention is all you need. In NeurIPS."],
     "Common Crawl. 2023. Statistics of monthly archives.", "commoncrawl"),
    # (a person's name with initials stays a person's; in a list printing given names first, so does any)
    (_INVERTED, "J. Smith (2019). A study of things. Journal of Things, 5, 1-10.", "smith"),
    (_INVERTED, "U.S. Courts. (2020). Federal judicial caseload statistics. Washington, DC.", "courts"),
    (_INVERTED, "Smith JR (2019). A study of things. Journal of Things, 5, 1-10.", "smith"),
    (_GIVEN_FIRST, "Common Crawl. 2023. Statistics of monthly archives.", "crawl"),
    (_GIVEN_FIRST, "Emma Strubell. 2019. Energy and policy considerations. In ACL.", "strubell"),
])
def test_a_name_uninverted_in_a_list_that_inverts_people(lines: list[str], entry: str, key: str) -> None:
    from kb.text.refs import find_references
    entries = find_references(["A paper\nSome text.", "\n".join(["References", *lines, entry])])
    assert len(entries) == len(lines) + 1
    assert entries[-1].first_author == key


@pytest.mark.parametrize("author, key", [
    # an organisation's acronym after its name is not of the name: keyed as references print it
    ("{International Energy Agency (IEA)}", "internationalenergyagency"),
    ("International Energy Agency (IEA)", "internationalenergyagency"),
    ("{World Health Organization (WHO)}", "worldhealthorganization"),
    ("{World Health Organization [WHO]}", "worldhealthorganization"),
    ("{National Institute of Standards and Technology (NIST)}", "nationalinstituteofstandardsandtechnology"),
    # (a person's bracketed words, and an acronym alone, stay as they were)
    ("Smith, John (Jack)", "smith"),
    ("{(IEA)}", "iea"),
    ("{OpenAI}", "openai"),
])
def test_an_organisations_acronym_is_not_of_its_key(author: str, key: str) -> None:
    from kb.text.names import first_author_key
    assert first_author_key([author]) == key


@pytest.mark.parametrize("text", [
    "International Energy Agency. 2024. Electricity 2024: Analysis and forecast to 2026. Paris.",
    "International Energy Agency (IEA). (2024). Electricity 2024: Analysis and forecast to 2026. Paris: IEA.",
    '[4] International Energy Agency, "Electricity 2024: Analysis and forecast to 2026," IEA, Paris, 2024.',
])
def test_a_reference_links_to_an_organisations_paper_keyed_with_its_acronym(text: str) -> None:
    from kb.text.names import first_author_key
    from kb.text.refs import PaperIndex, PaperInfo
    index = PaperIndex([PaperInfo("iea2024electricity", title="Electricity 2024: Analysis and forecast to 2026",
                                  year=2024, first_author=first_author_key(["{International Energy Agency (IEA)}"]))])
    found = index.resolve(parse_entry(text))
    assert found is not None and found.citekey == "iea2024electricity"


@pytest.mark.parametrize("text, author, year, title", [
    # Harvard's organisation, its year in brackets closing the name with no stop
    ("Department for Education (2019) Realising the potential of technology in education. London: DfE.",
     "departmentforeducation", 2019, "Realising the potential of technology in education"),
    ("Office for National Statistics (2021) Census 2021: first results. Newport: ONS.", "officefornationalstatistics",
     2021, "Census 2021: first results"),
    ("Intergovernmental Panel on Climate Change (2021) Climate Change 2021: The Physical Science Basis. Cambridge: "
     "Cambridge University Press.", "intergovernmentalpanelonclimatechange", 2021,
     "Climate Change 2021: The Physical Science Basis"),
    ("European Parliament and Council of the European Union (2024) Regulation (EU) 2024/1689 (Artificial "
     "Intelligence Act). Official Journal of the European Union, L 1689.",
     "europeanparliamentandcounciloftheeuropeanunion", 2024, "Regulation (EU) 2024/1689 (Artificial Intelligence Act)"),
    # (a title's words before a year in brackets are no name)
    ("Carbon emissions of things in the world (2019) Journal of Things 5(2): 1-10.", None, 2019,
     "Carbon emissions of things in the world (2019) Journal of Things 5(2): 1-10"),
])
def test_harvards_organisation_before_its_bracketed_year(text: str, author: str | None, year: int,
                                                         title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author", [
    # a name holding 'and' or '&' that the entry prints again, whole, as its publisher, is an organisation's
    ('[5] Marks and Spencer, "Plan A report," Marks and Spencer Group plc, London, U.K., 2019.', "marksandspencer"),
    ("Marks and Spencer. 2019. Plan A report. London: Marks and Spencer Group plc.", "marksandspencer"),
    # ... as one name with no year after it is told by its web address
    ("[7] Common Crawl. [Online]. Available: https://commoncrawl.org. Accessed: Jan. 5, 2024.", "commoncrawl"),
    # (two people's names are not printed again)
    ("Smith and Jones. 2019. A study of things. In ACL.", "smith"),
    ("Emma Smith. [Online]. Available: https://example.org.", "smith"),
])
def test_an_organisation_the_entry_names_again(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author


def _listed(lines: list[str]) -> list:
    """The entries kb finds in a paper whose last page is a reference list of these lines."""
    from kb.text.refs import find_references
    return find_references(["A paper\nSome text.", "\n".join(["References", *lines])])


_HARVARD = [
    "Ascierto, R. (2018) Uptime Institute global data center survey. Seattle: Uptime Institute.",
    "Bender, E.M. and Koller, A. (2020) 'Climbing towards NLU', in Proceedings of ACL. Online: ACL, pp. 5185-5198.",
    "Department for Education (2019) Realising the potential of technology in education. London: DfE.",
    "Luong, T., Pham, H. and Manning, C.D. (2015) 'Effective approaches to attention-based neural machine",
    "translation', in Proceedings of EMNLP. Lisbon: ACL, pp. 1412-1421.",
    "Office for National Statistics (2021) Census 2021: first results. Newport: ONS.",
    "Smith, J. (2017) A study of attention.",
    "Advances in Neural Information Processing Systems (2017), pp. 5998-6008.",
    "Vaswani, A. and Shazeer, N. (2017) 'Attention is all you need', in Advances in NeurIPS. Curran, pp. 5998-6008.",
]


def test_an_organisations_entry_opens_where_its_bracketed_year_follows_its_name() -> None:
    # (Harvard: the name holds words the author walk stops at, 'for', 'of'; a venue before its year opens none)
    entries = _listed(_HARVARD)
    assert [(e.first_author, e.year) for e in entries] == [
        ("ascierto", 2018), ("bender", 2020), ("departmentforeducation", 2019), ("luong", 2015),
        ("officefornationalstatistics", 2021), ("smith", 2017), ("vaswani", 2017)]
    assert entries[3].title == "Effective approaches to attention-based neural machine translation"


_ACL_ORGS = [
    "Rhonda Ascierto. 2018. Uptime Institute Global Data Center Survey. Uptime Institute.",
    "Emily M. Bender and Alexander Koller. 2020. Climbing towards NLU. In ACL.",
    "Department for Education. 2019. Realising the potential of technology in education. DfE.",
    "Thang Luong, Hieu Pham, and Christopher D. Manning. 2015. Effective approaches to NMT. In Proceedings of EMNLP.",
    "Association for Computational Linguistics, 2015.",
    "Our World in Data. 2023. Energy mix. https://ourworldindata.org/energy-mix.",
    "Ashish Vaswani and Noam Shazeer. 2017. Attention is all you need. In",
    "Advances in Neural Information Processing Systems. 2017.",
]


def test_an_organisations_entry_opens_where_its_year_follows_its_name_and_a_stop() -> None:
    # (a publisher before the year after a comma, and a venue, open none)
    entries = _listed(_ACL_ORGS)
    assert [(e.first_author, e.year) for e in entries] == [
        ("ascierto", 2018), ("bender", 2020), ("departmentforeducation", 2019), ("luong", 2015),
        ("ourworldindata", 2023), ("vaswani", 2017)]


@pytest.mark.parametrize("text, author, year, title", [
    # a title in title case after a name its initials close (its family name and comma before them, or
    # Vancouver's among Vancouver's names), the year at the end: the title, where the list took it for a name
    ("Goodfellow, I., Bengio, Y., Courville, A. Deep Learning. MIT Press, 2016.", "goodfellow", 2016,
     "Deep Learning"),
    ("GOODFELLOW, I.; BENGIO, Y.; COURVILLE, A. Deep Learning. Cambridge: MIT Press, 2016.", "goodfellow", 2016,
     "Deep Learning"),
    ("Goodfellow I, Bengio Y, Courville A. Deep Learning. MIT Press; 2016.", "goodfellow", 2016, "Deep Learning"),
    ("Bishop, C. M. Pattern Recognition and Machine Learning. Springer, 2006.", "bishop", 2006,
     "Pattern Recognition and Machine Learning"),
    ("MÜLLER, H.; SCHMIDT, P. Maschinelles Lernen. Berlin: Springer, 2019.", "muller", 2019, "Maschinelles Lernen"),
    ("van der Walt, S. C. Scientific Computing. Computing in Science, 2011.", "vanderwalt", 2011,
     "Scientific Computing"),
    ("Turing, Alan M. Computing Machinery and Intelligence. Mind, 1950.", "turing", 1950,
     "Computing Machinery and Intelligence"),
    # (initials before a family name, a list printing given names first, a name after a lost comma, a suffix)
    ("Ian Goodfellow, Yoshua Bengio, and Aaron C. Courville. Deep Learning. MIT Press, 2016.", "goodfellow", 2016,
     "Deep Learning"),
    ("Olga Russakovsky, Michael Bernstein, Alexander C. Berg, and Li Fei-Fei. ImageNet Large Scale Visual "
     "Recognition Challenge. IJCV, 2015.", "russakovsky", 2015, "ImageNet Large Scale Visual Recognition Challenge"),
    ("van der Walt, Stéfan, S. Chris Colbert, and Gaël Varoquaux. The NumPy Array. Computing in Science, 2011.",
     "vanderwalt", 2011, "The NumPy Array"),
    ("Bender, E., Gebru, T., McMillan-Major, A. Shmitchell, S. On the Dangers of Stochastic Parrots. FAccT 2021.",
     "bender", 2021, "On the Dangers of Stochastic Parrots"),
    ("Michael J. Bommarito II, Daniel Martin Katz, and Eric M. Detterman. LexNLP: Natural language processing. "
     "arXiv:1806.03688, June 2018.", "bommarito", 2018, "LexNLP: Natural language processing"),
])
def test_a_title_in_title_case_after_names_their_initials_close(text: str, author: str, year: int,
                                                                title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author, title", [
    # organisations named in other languages are one name; a title opening with an accented capital is read
    ("ORGANIZAÇÃO MUNDIAL DA SAÚDE. Ética e governança da inteligência artificial para a saúde. Genebra: OMS, 2021.",
     "organizacaomundialdasaude", "Ética e governança da inteligência artificial para a saúde"),
    ("Organización Mundial de la Salud. (2021). Ética y gobernanza de la inteligencia artificial para la salud. "
     "Ginebra: OMS.", "organizacionmundialdelasalud", "Ética y gobernanza de la inteligencia artificial para la salud"),
    ("Bundesministerium für Bildung und Forschung (2020) Strategie Künstliche Intelligenz. Berlin: BMBF.",
     "bundesministeriumfurbildungundforschung", "Strategie Künstliche Intelligenz"),
    ("Universidad de Chile. 2020. Informe anual de investigación. Santiago.", "universidaddechile",
     "Informe anual de investigación"),
])
def test_organisations_named_in_other_languages(text: str, author: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)


@pytest.mark.parametrize("name, bib", [
    ("Organización Mundial de la Salud", "{Organización Mundial de la Salud}"),
    ("Universidade de São Paulo", "{Universidade de São Paulo}"),
    ("Institut Pasteur", "{Institut Pasteur}"),
])
def test_organisations_in_other_languages_braced_whole(name: str, bib: str) -> None:
    from kb.text.names import to_bibtex_name
    assert to_bibtex_name(name) == bib


@pytest.mark.parametrize("text, title", [
    # Nature's book: its publisher and year in brackets after the title are not of it
    ("IEA. Data Centres and Data Transmission Networks (IEA, 2022).", "Data Centres and Data Transmission Networks"),
    ("Goodfellow, I., Bengio, Y. & Courville, A. Deep Learning (MIT Press, 2016).", "Deep Learning"),
    ("Bishop, C. M. Pattern Recognition and Machine Learning (Springer, 2006).",
     "Pattern Recognition and Machine Learning"),
    # (a title's own bracketed words with a year stay)
    ("Brown, T. (2020). A history of computing (Part 1, 1950). Journal of History, 5, 1-10.",
     "A history of computing (Part 1, 1950)"),
])
def test_natures_book_publisher_and_year_after_its_title(text: str, title: str) -> None:
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text, author, title", [
    # a hyphenated given name's initials keeping the second part's case ('W.-t.' for Wen-tau) are initials
    ("Yih, W.-t., Chang, M.-W., He, X., & Gao, J. (2015). Semantic parsing via staged query graph generation. In ACL.",
     "yih", "Semantic parsing via staged query graph generation"),
    ("Lewis, P., Perez, E., Piktus, A., Petroni, F., Karpukhin, V., Goyal, N., Küttler, H., Lewis, M., Yih, W.-t., "
     "Rocktäschel, T., Riedel, S., & Kiela, D. (2020). Retrieval-augmented generation for knowledge-intensive NLP "
     "tasks. In NeurIPS.", "lewis", "Retrieval-augmented generation for knowledge-intensive NLP tasks"),
    ('W.-t. Yih, M.-W. Chang, X. He, and J. Gao, "Semantic parsing via staged query graph generation," in Proc. ACL, '
     "2015.", "yih", "Semantic parsing via staged query graph generation"),
    ("Yih W-t, Chang M-W, He X, Gao J. Semantic parsing via staged query graph generation. In: ACL. 2015.", "yih",
     "Semantic parsing via staged query graph generation"),
    ("Kim J-D, Ohta T. Genia corpus. Bioinformatics. 2003;19.", "kim", "Genia corpus"),
])
def test_initials_of_a_hyphenated_given_name(text: str, author: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)


@pytest.mark.parametrize("text, author, year, title", [
    # a program's one-word name after its maker, then its web address
    ("OpenAI. ChatGPT. https://chat.openai.com. Accessed 2024-01-05.", "openai", None, "ChatGPT"),
    ("OpenAI. ChatGPT. https://chat.openai.com (accessed 5 January 2024).", "openai", None, "ChatGPT"),
    # Vancouver's dates of a web page inside its bracket, updated and cited, are not the work's year
    ("Smith J. Things in the world [Internet]. Boston: Publisher; 2019 [updated 2020 Mar 1; cited 2024 Jan 5]. "
     "Available from: https://example.org", "smith", 2019, "Things in the world"),
    ("Strubell E. Energy in NLP [Internet]. 2021 [cited 2024 Jan 5]. Available from: https://example.org/energy",
     "strubell", 2021, "Energy in NLP"),
    ("Smith, J. (2019). Updated estimates of things. Journal of Things, 5, 1-10.", "smith", 2019,
     "Updated estimates of things"),
])
def test_web_pages_their_programs_and_dates(text: str, author: str, year: int | None, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author", [
    # APA 7's group author with its abbreviation in square brackets; an organisation's 'and' before its acronym
    ("World Health Organization [WHO]. (2021). Ethics and governance of artificial intelligence for health. WHO.",
     "worldhealthorganization"),
    ("National Institute of Standards and Technology (NIST). (2023). AI risk management framework. U.S. Department "
     "of Commerce.", "nationalinstituteofstandardsandtechnology"),
    ("International Energy Agency (IEA). (2023). Electricity 2024. Paris: IEA.", "internationalenergyagency"),
])
def test_an_organisations_acronym_in_either_bracket(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author
