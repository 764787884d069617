"""Reference strings of round 44: places of publication after a title, names cut short or given whole."""

import json

import pytest

from kb.text.names import first_author_key
from kb.text.refs import PaperIndex, PaperInfo, parse_entry


@pytest.mark.parametrize("text, author, year, title", [
    # a city, a city and its country or US state, either before its publisher: no part of a title with no quotes
    ("UNEP, Emissions Gap Report 2022, Nairobi, Kenya, 2022.", "unep", 2022, "Emissions Gap Report 2022"),
    ("FAO, The state of food and agriculture, Rome, Italy, 2021.", "fao", 2021, "The state of food and agriculture"),
    ("OECD, Digital Economy Outlook 2020, Paris, 2020.", "oecd", 2020, "Digital Economy Outlook 2020"),
    ("World Health Organization, Global status report on road safety, Geneva: WHO, 2018.",
     "worldhealthorganization", 2018, "Global status report on road safety"),
    ("Ministry of Environment, Climate report, Seoul, Republic of Korea, 2021.", "ministryofenvironment", 2021,
     "Climate report"),
    # ... where the body's name and the title before it are all read as names, up to the year
    ("International Energy Agency, Electricity Market Report, Paris, France, 2023.", "internationalenergyagency", 2023,
     "Electricity Market Report"),
    ("International Renewable Energy Agency, Renewable Capacity Statistics, Abu Dhabi, 2023.",
     "internationalrenewableenergyagency", 2023, "Renewable Capacity Statistics"),
    # ... nor is one after the year, the title before it
    ("NVIDIA Corporation. NVIDIA H100 Tensor Core GPU datasheet, 2023. Santa Clara, CA.", "nvidia", 2023,
     "NVIDIA H100 Tensor Core GPU datasheet"),
    ("Intel. Intel Xeon processor energy guide, 2021. Santa Clara, CA: Intel Corporation.", "intel", 2021,
     "Intel Xeon processor energy guide"),
    ("Google. Environmental report, 2022. Mountain View, California.", "google", 2022, "Environmental report"),
    # a standard's body again after its title, as its publisher
    ("IEEE Std 754-2019, IEEE Standard for Floating-Point Arithmetic, IEEE, 2019.", "ieee", 2019,
     "IEEE Standard for Floating-Point Arithmetic"),
    ("ISO/IEC 27001:2022, Information security, cybersecurity and privacy protection, ISO, Geneva, 2022.", "isoiec",
     2022, "Information security, cybersecurity and privacy protection"),
])
def test_place_after_title(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


def _paper(citekey: str, year: int, names: list[str], title: str = "A report of the year") -> PaperInfo:
    return PaperInfo(citekey, title=title, year=year, first_author=first_author_key(names),
                     author_name=json.dumps(names))


@pytest.mark.parametrize("papers, entries", [
    # a name cut to the first words of the paper's first author's links; its first letters do not
    ([_paper("dm", 2023, ["DeepMind Technologies Ltd"]), _paper("mc", 2022, ["Metaculus"])],
     {"DeepMind. 2023.": "dm", "Meta. 2022.": None}),
    ([_paper("hg", 2019, ["Hernández-García, Juan"]), _paper("sn", 2020, ["Smithson, John"])],
     {"Hernández, J. (2019).": "hg", "Smith, J. (2020).": None}),
    # ... the other way round, the paper's name the reference's first words
    ([_paper("g", 2021, ["Google"]), _paper("gm", 2020, ["Gemini"])],
     {"Google Research. 2021.": "g", "Geminids Institute. 2020.": None}),
    # ... and neither where another name here opens with the same words
    ([_paper("dm", 2023, ["DeepMind Technologies Ltd"]), _paper("dh", 2021, ["DeepMind Health"])],
     {"DeepMind. 2023.": None}),
])
def test_name_cut_short_links_only_its_head(papers: list[PaperInfo], entries: dict) -> None:
    index = PaperIndex(papers)
    found = {}
    for text, _ in entries.items():
        resolution = index.explain(parse_entry(text), loose=True).resolution
        found[text] = resolution.citekey if resolution else None
    assert found == entries


@pytest.mark.parametrize("paper, text", [
    # the same author's other work of the year, many words alike, each title holding words the other lacks
    (_paper("p", 2022, ["Patterson, David"], "The Carbon Footprint of Machine Learning Training Will Plateau, Then Shrink"),
     "Patterson, D. (2022, February 15). Good news about the carbon footprint of machine learning training. Google "
     "Research Blog."),
    (_paper("k", 2020, ["Kelly, Jack"], "Deep learning for energy disaggregation in smart homes"),
     "Kelly, J. 2020. Deep learning for energy forecasting in smart grids."),
    # ... the book a chapter of another author is in, its title inside the entry
    (_paper("h", 2019, ["Smith, A. B."], "Handbook of Green Computing"),
     "Jones, K. 2019. Energy in computation. In: Smith, A. B. (ed.) Handbook of Green Computing, pp. 12–30. Springer."),
    (_paper("n", 2020, ["Brown, Carol"], "Proceedings of the Workshop on Efficient Models"),
     "Lopez, M. (2020). Energy use of neural networks. In C. Brown (Ed.), Proceedings of the Workshop on Efficient "
     "Models (pp. 1–9)."),
])
def test_other_work_of_like_words_not_linked(paper: PaperInfo, text: str) -> None:
    assert PaperIndex([paper]).explain(parse_entry(text), loose=True).resolution is None


@pytest.mark.parametrize("text, author, year, title", [
    # a standard's number: its body the author (never a person's initial), the year of its edition
    ("ITU-T L.1801 (2021). Guidance for assessing the environmental impact of ICT.", "itut", 2021,
     "Guidance for assessing the environmental impact of ICT"),
    ("ISO 14064-1:2018. Greenhouse gases — Part 1: Specification. ISO, Geneva, Switzerland.", "iso", 2018,
     "Greenhouse gases — Part 1: Specification"),
    ("IEEE Std 1680.1-2018. IEEE Standard for Environmental Assessment of Personal Computer Products.", "ieee", 2018,
     "IEEE Standard for Environmental Assessment of Personal Computer Products"),
])
def test_standard_by_its_number(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, title", [
    # a thesis's kind in its own language after its title (and the translation before it)
    ("Garcia, M. (2017). Aprendizaje profundo eficiente [Efficient deep learning] (Tesis doctoral). Universidad de "
     "Granada.", "Aprendizaje profundo eficiente"),
    ("Martin, P. (2019). Apprentissage frugal (Thèse de doctorat, Université Paris-Saclay).", "Apprentissage frugal"),
    ("Schulz, K. (2020). Energieeffizientes Lernen (Doktorarbeit). TU München.", "Energieeffizientes Lernen"),
    ("Berg, J. (2016). Efficient models (Dissertation). ETH Zurich.", "Efficient models"),
])
def test_thesis_kind_in_its_language(text: str, title: str) -> None:
    assert parse_entry(text).title == title


@pytest.mark.parametrize("papers, entries", [
    # a body's name read as a person's, keyed by its last word, is not another body's name ending alike
    ([_paper("ecb", 2021, ["{European Central Bank}"]), _paper("wb", 2020, ["{World Bank}"])],
     {"World Bank (2021)": None, "World Bank (2020)": "wb"}),
    ([_paper("hg", 2019, ["Hernández García, Juan"]), _paper("vw", 2020, ["von Werra, Leandro"])],
     {"García, J. (2019).": None, "Werra, L. (2020).": "vw"}),
])
def test_name_ending_another_links_only_after_a_particle(papers: list[PaperInfo], entries: dict) -> None:
    index = PaperIndex(papers)
    found = {}
    for text in entries:
        resolution = index.explain(parse_entry(text), loose=True).resolution
        found[text] = resolution.citekey if resolution else None
    assert found == entries


@pytest.mark.parametrize("text, author, title", [
    # a program's makers named by the program's name in lower case
    ("scikit-learn developers. scikit-learn 1.3.0 documentation. 2023.", "scikitlearndevelopers",
     "scikit-learn 1.3.0 documentation"),
    ('scikit-learn developers, "scikit-learn user guide," 2023.', "scikitlearndevelopers", "scikit-learn user guide"),
    ("pandas-dev team. pandas: powerful Python data analysis toolkit. 2023.", "pandasdevteam",
     "pandas: powerful Python data analysis toolkit"),
])
def test_makers_named_in_lower_case(text: str, author: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)


@pytest.mark.parametrize("text, title", [
    # a program's one-word name, its version after it
    ("Chollet, F. et al. Keras (version 2.4). 2015. https://keras.io", "Keras"),
    ("Courty, B. et al. (2023). CodeCarbon (v2.2.3). Zenodo.", "CodeCarbon"),
    ("Doe, J. (2019). Enerpy (Version 2.0) [Computer software]. GitHub.", "Enerpy"),
])
def test_program_named_before_its_version(text: str, title: str) -> None:
    assert parse_entry(text).title == title
