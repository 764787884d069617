"""Reference entries and notes' citations, round 10: a family name that is a month's name, a sentence's first
word before a narrative citation, ... The works are real ones, printed as each style prints them."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note
from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, author, year, title", [
    # a family name that is a month's name closing the names, its stop before the year (ACL): no date
    ("Zejiang Shen and Tal August. 2023. Beyond summarization: Designing AI support for real-world expository "
     "writing tasks. arXiv.", "shen", 2023, "Beyond summarization: Designing AI support for real-world expository "
     "writing tasks"),
    ("Tal August. 2022. Writing for the public. PhD thesis, University of Washington.", "august", 2022,
     "Writing for the public"),
    ("Jane Doe and Rob May. 2020. A study of things. Journal of Things.", "doe", 2020, "A study of things"),
    # ... where a date's month keeps its short form's stop, or none
    ("J. Doe. A study of things. Tech. rep., Aug. 2020.", "doe", 2020, "A study of things"),
    ("J. Doe. A study of things. Tech. rep., August 2020.", "doe", 2020, "A study of things"),
    ('J. Doe, "A study of things," Blog, Mar. 5, 2020.', "doe", 2020, "A study of things"),
    ("Doe, J. (2020, August). A study of things. Blog.", "doe", 2020, "A study of things"),
    ("[2] Y. LeCun, Y. Bengio, and G. Hinton, \"Deep learning,\" Nature, vol. 521, pp. 436–444, May 2015.", "lecun",
     2015, "Deep learning"),
    ("EIA. Electricity data. Retrieved May 3, 2022, from https://www.eia.gov/electricity/data", "eia", None,
     "Electricity data"),
    # ... and a title's month and year stay the title's, where the month was cut out of it
    ('[3] Office for National Statistics, "Labour market overview, UK: May 2023," 2023.',
     "officefornationalstatistics", 2023, "Labour market overview, UK: May 2023"),
    ("Smith, J. 2021. The March 2020 lockdown and energy use. Energy Policy.", "smith", 2021,
     "The March 2020 lockdown and energy use"),
])
def test_a_family_name_that_is_a_month(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


_Q = '"the resulting graph consists of more than many nodes"'


@pytest.mark.parametrize("text, attribution, author", [
    # the word opening the sentence is no name of the citation
    (f"As Doe and Roe (2020) show, {_Q}.", "Doe and Roe. 2020.", "doe"),
    (f"As Doe (2020) shows, {_Q}.", "Doe. 2020.", "doe"),
    (f"Unlike Shen and August (2023), we read {_Q}.", "Shen and August. 2023.", "shen"),
    (f"Thus Doe et al. (2020) write {_Q}.", "Doe et al. 2020.", "doe"),
    (f"Since Doe and Roe [2020] found {_Q}.", "Doe and Roe. 2020.", "doe"),
    (f"Doe and Roe (2020) show {_Q}.", "Doe and Roe. 2020.", "doe"),
])
def test_a_sentence_opening_word_before_a_narrative_citation(text: str, attribution: str, author: str) -> None:
    assert [q.attribution for q in parse_note(text).quotes] == [attribution]
    assert parse_entry(attribution).first_author == author


@pytest.mark.parametrize("text, attribution", [
    # a family name's capitalised particle is no word opening the sentence
    (f"Le Cun et al. (1998) show {_Q}.", "Le Cun et al. 1998."),
    (f"Van Dijk (2020) shows {_Q}.", "Van Dijk. 2020."),
    (f"De Vries and Roe (2020) show {_Q}.", "De Vries and Roe. 2020."),
])
def test_a_particle_opening_a_narrative_citation_stays(text: str, attribution: str) -> None:
    assert [q.attribution for q in parse_note(text).quotes] == [attribution]


_LENET = "Gradient-based learning applied to document recognition"


@pytest.mark.parametrize("reference, bib_author, linked", [
    # a family name of three letters, its capitalised particle given first ('Yann Le Cun', which BibTeX reads
    # as the family name 'Cun'), and written whole ('LeCun', 'Le Cun, Yann'): one name where title and year agree
    (f"Yann Le Cun, Léon Bottou, Yoshua Bengio, and Patrick Haffner. 1998. {_LENET}. Proceedings of the IEEE.",
     "LeCun, Yann", True),
    (f"Y. Le Cun, L. Bottou, Y. Bengio, P. Haffner, {_LENET}, Proc. IEEE 86 (11) (1998) 2278-2324.",
     "Le Cun, Yann", True),
    (f"Y. LeCun, L. Bottou, Y. Bengio, and P. Haffner, \"{_LENET},\" Proc. IEEE, vol. 86, 1998.", "Yann Le Cun", True),
    (f"LeCun Y, Bottou L, Bengio Y, Haffner P. {_LENET}. Proc IEEE. 1998;86(11):2278-324.", "Yann Le Cun", True),
    (f"Yann le Cun and Léon Bottou. 1998. {_LENET}. Proceedings of the IEEE.", "LeCun, Yann", True),
    # ... not another title
    ("Yann Le Cun and Léon Bottou. 1998. Efficient backprop. In Neural Networks: Tricks of the Trade.",
     "LeCun, Yann", False),
])
def test_a_family_name_of_three_letters_behind_its_particle(reference: str, bib_author: str, linked: bool) -> None:
    from kb.text.names import first_author_key
    from kb.text.refs import PaperIndex, PaperInfo

    paper = PaperInfo("lecun1998gradient", None, None, _LENET, 1998, first_author_key([bib_author]))
    found = PaperIndex([paper]).resolve(parse_entry(reference))
    assert (found.citekey if found else None) == ("lecun1998gradient" if linked else None)


def test_a_name_and_year_alone_keep_three_letters_apart() -> None:
    from kb.text.refs import PaperIndex, PaperInfo

    # a note's 'Ong (2020)' with no title names no paper of Leong's ('Ong' is not 'Leong' nor 'Duong')
    papers = [PaperInfo("leong2020study", None, None, "A study of things", 2020, "leong")]
    ex = PaperIndex(papers).explain(parse_entry("Ong. 2020."), loose=True)
    assert ex.resolution is None


@pytest.mark.parametrize("text, author, title", [
    # a body's name ending in a word only bodies' names end in ('Survey', 'Fund', 'Board'; 'Service' after 'and',
    # 'of', 'for' or a country's initialism: 'Robert Service' is a person) is one name, with its 'and'
    ("U.S. Fish and Wildlife Service. 2020. Endangered species status review. Washington, DC.",
     "usfishandwildlifeservice", "Endangered species status review"),
    ("U.S. Fish and Wildlife Service (2020). Endangered species status review. Washington, DC.",
     "usfishandwildlifeservice", "Endangered species status review"),
    ("National Park Service. 2021. Visitor use statistics. Washington, DC.", "nationalparkservice",
     "Visitor use statistics"),
    ("U.S. Geological Survey (2019). Mineral commodity summaries 2019. Reston, VA.", "usgeologicalsurvey",
     "Mineral commodity summaries 2019"),
    ("International Monetary Fund. 2023. World economic outlook. Washington, DC.", "internationalmonetaryfund",
     "World economic outlook"),
    ("California Air Resources Board (2022). Scoping plan for achieving carbon neutrality. Sacramento.",
     "californiaairresourcesboard", "Scoping plan for achieving carbon neutrality"),
    ("Robert Service. 1907. The spell of the Yukon. New York: Barse & Hopkins.", "service", "The spell of the Yukon"),
    # IEEE's body with a small word of a phrase in its name, a comma, its quoted title
    ('[3] Office for National Statistics, "Labour market overview, UK," 2023.',
     "officefornationalstatistics", "Labour market overview, UK"),
    ('[4] Centers for Disease Control and Prevention, "Heat and health tracker." [Online]. Available: '
     "https://ephtracking.cdc.gov/Applications/HeatTracker/", "centersfordiseasecontrolandprevention",
     "Heat and health tracker"),
    ('[5] Intergovernmental Panel on Climate Change, "Climate change 2021: The physical science basis," '
     "Cambridge University Press, 2021.", "intergovernmentalpanelonclimatechange",
     "Climate change 2021: The physical science basis"),
    ('[6] E. Strubell, A. Ganesh, and A. McCallum, "Energy and policy considerations for deep learning in NLP," '
     "in Proc. ACL, 2019.", "strubell", "Energy and policy considerations for deep learning in NLP"),
])
def test_a_body_as_author(text: str, author: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)


@pytest.mark.parametrize("name, bib", [
    ("U.S. Fish and Wildlife Service", "{U.S. Fish and Wildlife Service}"),
    ("National Park Service", "{National Park Service}"),
    ("Environmental Defense Fund", "{Environmental Defense Fund}"),
    ("Robert Service", "Service, Robert"),
    ("Robert W. Service", "Service, Robert W."),
    ("Robert William Service", "Service, Robert William"),
    ("U.S. Forest Service", "{U.S. Forest Service}"),
])
def test_a_body_from_metadata_is_braced_whole(name: str, bib: str) -> None:
    from kb.text.names import to_bibtex_name
    assert to_bibtex_name(name) == bib


@pytest.mark.parametrize("text, author, year, title", [
    # GOST's one author, the family name first and the initials after it with their stops, the entry's areas set
    # off by ' // ' or ' — ': the title after the initials, where the list took it for more names
    ("Иванов И. И. Методы машинного обучения // Вестник МГУ. 2019. № 3. С. 10–20.", "иванов", 2019,
     "Методы машинного обучения"),
    ("Иванов И.И. Методы машинного обучения // Вестник МГУ. 2019. № 3. С. 10–20.", "иванов", 2019,
     "Методы машинного обучения"),
    ("Воронцов К. В. Машинное обучение: курс лекций. — М., 2019.", "воронцов", 2019,
     "Машинное обучение: курс лекций"),
    ("Иванов И. И. Методы машинного обучения. — М.: Наука, 2019. — 300 с.", "иванов", 2019,
     "Методы машинного обучения"),
    ("Goodfellow I. Deep Learning. — MIT Press, 2016. — 800 p.", "goodfellow", 2016, "Deep Learning"),
    ("Kingma D. P. Adam: A method for stochastic optimization // arXiv preprint arXiv:1412.6980. — 2014.", "kingma",
     2014, "Adam: A method for stochastic optimization"),
    ("Turing A. M. Computing machinery and intelligence // Mind. 1950. Vol. 59. P. 433–460.", "turing", 1950,
     "Computing machinery and intelligence"),
    # ... as GOST's lists of names were read
    ("Иванов И.И., Петров П.П. Методы машинного обучения // Вестник МГУ. 2019.", "иванов", 2019,
     "Методы машинного обучения"),
    ("Goodfellow I., Bengio Y., Courville A. Deep Learning. — MIT Press, 2016. — 800 p.", "goodfellow", 2016,
     "Deep Learning"),
])
def test_one_author_in_gost(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author", [
    # a Vietnamese name, family name first: its letters say it, or its middle name 'Van' or 'Thi' where they lost
    # their marks; among names in English order too
    ("Trần Thị Bình and John Smith. 2019. Vietnamese word segmentation. In Proceedings of VLSP.", "tran"),
    ("Nguyen Van An and John Smith. 2019. Vietnamese word segmentation. In Proceedings of VLSP.", "nguyen"),
    ("Pham Thi Mai Anh. 2021. A corpus of Vietnamese news. In Proceedings of VLSP.", "pham"),
    ("Nguyễn Văn An. 2019. Vietnamese word segmentation. In Proceedings of VLSP.", "nguyen"),
    # ... and in English order, or with no sign of its order, as before
    ("Dat Quoc Nguyen and Anh Tuan Nguyen. 2020. PhoBERT: Pre-trained language models for Vietnamese. In Findings "
     "of EMNLP.", "nguyen"),
    ("Thanh Van Le and John Smith. 2019. A study of things. In VLSP.", "le"),
    ("Hoang Anh Tuan and Bob Lee. 2019. A study of things. In VLSP.", "tuan"),
])
def test_a_vietnamese_name_family_name_first(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author


@pytest.mark.parametrize("name, bib", [
    ("Nguyễn Văn An", "Nguyễn, Văn An"),
    ("Nguyen Van An", "Nguyen, Van An"),
    ("Pham Thi Mai Anh", "Pham, Thi Mai Anh"),
    ("Dat Quoc Nguyen", "Nguyen, Dat Quoc"),
    ("An Văn Nguyễn", "Nguyễn, An Văn"),
    ("Kim Ji-hoon", "Kim, Ji-hoon"),
])
def test_a_vietnamese_name_from_metadata(name: str, bib: str) -> None:
    from kb.text.names import to_bibtex_name
    assert to_bibtex_name(name) == bib


@pytest.mark.parametrize("attribution, family, key", [
    # an author-year citation names family names: whole where one opens with a particle
    ("Le Cun et al. 1998.", "Le Cun", "lecun"),
    ("van Dijk. 2020.", "van Dijk", "vandijk"),
    ("Le Scao and Rush. 2021.", "Le Scao", "lescao"),
    ("Doe and Roe. 2020b.", "Doe", ""),
    # ... a name given in full, a whole reference: the reference's reading
    ("Emma Strubell. 2019.", "Emma Strubell", ""),
    ("Strubell, E., Ganesh, A. Energy and policy. 2019.", "", ""),
])
def test_the_family_name_an_author_year_citation_names(attribution: str, family: str, key: str) -> None:
    from kb.text.notes import cited_family, particled_family_key
    assert (cited_family(attribution), particled_family_key(attribution)) == (family, key)


@pytest.mark.parametrize("text, author, year, title", [
    # Nature's book in volumes, its volume after the title with no comma: the title ends before it
    ("Knuth, D. E. The Art of Computer Programming Vol. 1 3rd edn (Addison-Wesley, 1997).", "knuth", 1997,
     "The Art of Computer Programming"),
    ("Knuth, D. E. The Art of Computer Programming Vol. 2 (Addison-Wesley, 1969).", "knuth", 1969,
     "The Art of Computer Programming"),
    ("D. E. Knuth, The Art of Computer Programming, vol. 1, 3rd ed. Reading, MA, USA: Addison-Wesley, 1997.",
     "knuth", 1997, "The Art of Computer Programming"),
    # ... a title's last word 'Vol' with no volume after it stays
    ("Smith, J. A study of Vol. Journal of Things 5, 1-10 (2020).", "smith", 2020, "A study of Vol"),
])
def test_a_book_in_volumes(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author, year, title", [
    # the entry's date closing it after a title with no quotes, its comma read as the title's
    ("J. Doe, A study of things, 2020.", "doe", 2020, "A study of things"),
    ("J. Doe and R. Roe, A study of things, Sept. 2020.", "doe", 2020, "A study of things"),
    # ... a title's own year stays: quoted, or before more of the entry
    ('[3] Office for National Statistics, "Census of population, 2021," 2021.', "officefornationalstatistics", 2021,
     "Census of population, 2021"),
    ("Office for National Statistics. 2021. Census of population, 2021. London.", "officefornationalstatistics",
     2021, "Census of population, 2021"),
    ("J. Doe, Things of 2019, 2020.", "doe", 2020, "Things of 2019"),
])
def test_the_date_closing_an_entry_after_a_title_with_no_quotes(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author, title", [
    # Vancouver's body, its country in brackets after it
    ("Department of Health and Human Services (US). Healthy people 2030. Washington: HHS; 2020.",
     "departmentofhealthandhumanservices", "Healthy people 2030"),
    ("Office for National Statistics (UK). Census 2021. London: ONS; 2022.", "officefornationalstatistics",
     "Census 2021"),
    ("Centers for Disease Control and Prevention (US). Heat and health tracker [Internet]. Atlanta: CDC; 2023 [cited "
     "2024 Jan 5]. Available from: https://ephtracking.cdc.gov/", "centersfordiseasecontrolandprevention",
     "Heat and health tracker"),
    # a body's name holding a comma before its list's last word and more words after it
    ("United Nations Educational, Scientific and Cultural Organization. 2021. Recommendation on the ethics of "
     "artificial intelligence. Paris.", "unitednationseducationalscientificandculturalorganization",
     "Recommendation on the ethics of artificial intelligence"),
    ("National Academies of Sciences, Engineering, and Medicine. 2019. Reproducibility and Replicability in Science. "
     "The National Academies Press.", "nationalacademiesofsciencesengineeringandmedicine",
     "Reproducibility and Replicability in Science"),
    # ... a body before people stays one of several authors
    ("International Energy Agency, Smith, J., and Doe, K. 2020. A study of things. Paris.",
     "internationalenergyagency", "A study of things"),
])
def test_a_body_in_vancouver_and_with_a_comma(text: str, author: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)
