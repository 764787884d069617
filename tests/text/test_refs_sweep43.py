"""Sweep 43 of kb.text.refs: a book by one author cited as 'Family, Title'."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, author, title, year", [
    ("Bishop, Pattern Recognition and Machine Learning. Springer, 2006.", "bishop",
     "Pattern Recognition and Machine Learning", 2006),
    ("Bishop, Christopher M., Pattern Recognition and Machine Learning. Springer, 2006.", "bishop",
     "Pattern Recognition and Machine Learning", 2006),
    ("Bishop, Pattern Recognition and Machine Learning (Springer, 2006).", "bishop",
     "Pattern Recognition and Machine Learning", 2006),
    ("Jurafsky, Speech and Language Processing. Prentice Hall, 2009.", "jurafsky", "Speech and Language Processing",
     2009),
    ("Boyd, Convex Optimization. Cambridge University Press, 2004.", "boyd", "Convex Optimization", 2004),
    ("Murphy, Machine Learning: A Probabilistic Perspective. MIT Press, 2012.", "murphy",
     "Machine Learning: A Probabilistic Perspective", 2012),
    ("Strang, Linear Algebra and Its Applications. Thomson, 2006.", "strang", "Linear Algebra and Its Applications",
     2006),
    ("Goodfellow, Deep Learning (MIT Press, 2016).", "goodfellow", "Deep Learning", 2016),
])
def test_one_authors_book_as_family_comma_title(text, author, title, year):
    e = parse_entry(text)
    assert (e.first_author, e.title, e.year) == (author, title, year)


def test_names_after_a_family_comma_stay_names():
    # a given name ending as a title's word, a Chinese given name, a family name ending in -ing
    for text in ("Smith, Sterling and Jane Doe. 2019. A study of things. Journal of Things.",
                 "Wang, Xiaoming and Li, Jianping. 2019. A study of things. Journal of Things.",
                 "Smith, John and Jane Manning. 2019. A study of things. Journal of Things.",
                 "Smith, Trinity and Kate Nation. 2019. A study of things. Journal of Things.",
                 "Lawrence, Clement and Florence Nightingale. 2019. A study of things. Journal of Things."):
        assert parse_entry(text).title == "A study of things", text
    assert parse_entry("Mitchell, Machine Learning. McGraw-Hill, 1997.").title == "Machine Learning"


@pytest.mark.parametrize("text, author, title", [
    ("Scikit-learn developers. Scikit-learn user guide. 2023.", "scikitlearndevelopers", "Scikit-learn user guide"),
    ("The PyTorch team. PyTorch documentation. 2021.", "thepytorchteam", "PyTorch documentation"),
    ("The pandas development team. pandas-dev/pandas: Pandas, 2020.", "thepandasdevelopmentteam",
     "pandas-dev/pandas: Pandas"),
    ("Wikipedia contributors. Plagiarism — Wikipedia, the free encyclopedia, 2004.", "wikipediacontributors",
     "Plagiarism — Wikipedia, the free encyclopedia"),
    ("[4] Scikit-learn developers, “Scikit-learn user guide,” 2023.", "scikitlearndevelopers",
     "Scikit-learn user guide"),
    ("Scikit-learn developers, Scikit-learn user guide, 2023.", "scikitlearndevelopers", "Scikit-learn user guide"),
])
def test_makers_named_in_lower_case_are_the_author(text, author, title):
    e = parse_entry(text)
    assert (e.first_author, e.title) == (author, title)


@pytest.mark.parametrize("text, author", [
    ("Zhang Wei, Li Ming. 2020. A study of things. Journal of Stuff.", "zhang"),
    ("Zhang Wei and Li Ming. 2020. A study of things. Journal of Stuff.", "zhang"),
    ("Chen Hao, Liu Yang, Zhou Jianping. A study of things. Journal of Stuff, 2020.", "chen"),
])
def test_pinyin_names_printed_family_name_first(text, author):
    assert parse_entry(text).first_author == author


def test_pinyin_names_printed_given_name_first_stay_so():
    for text, author in (("Wei Zhang, Ming Li. 2020. A study of things. J.", "zhang"),
                         ("Wei Zhang, Li Wang. 2020. A study of things. J.", "zhang"),
                         ("He Wang, Lin Chen. 2020. A study of things. J.", "wang")):
        assert parse_entry(text).first_author == author, text
    assert parse_entry("Li Hua, Wang Xiaoming. 2020. A study of things. J.").first_author == "li"


@pytest.mark.parametrize("text, author", [
    ("Maaten, L. v. d., & Hinton, G. (2008). Visualizing data using t-SNE. Journal of Machine Learning Research, 9.",
     "maaten"),
    ("Hinton, G., and Maaten, L. v. d. 2008. Visualizing data using t-SNE. JMLR.", "hinton"),
    ("Oord, A. v. d., Dieleman, S., et al. (2016). WaveNet: A generative model for raw audio. arXiv:1609.03499.",
     "oord"),
])
def test_particles_cut_to_initials_after_the_given_names(text, author):
    e = parse_entry(text)
    assert e.first_author == author and e.title.split(":")[0] in ("Visualizing data using t-SNE", "WaveNet")


@pytest.mark.parametrize("text, author, year, title", [
    ("Reimers, N. & Gurevych, I. Sentence-BERT: Sentence embeddings using Siamese BERT-networks. EMNLP 12, 1–10 "
     "(2019).", "reimers", 2019, "Sentence-BERT: Sentence embeddings using Siamese BERT-networks"),
    ("Devlin, J., Chang, M.-W., Lee, K. & Toutanova, K. BERT: Pre-training of deep bidirectional transformers. "
     "NAACL 1, 4171–4186 (2019).", "devlin", 2019, "BERT: Pre-training of deep bidirectional transformers"),
    ("Lo, K., Wang, L. L., Neumann, M., Kinney, R. & Weld, D. S. S2ORC: The semantic scholar open research corpus. "
     "ACL 12, 4969–4983 (2020).", "lo", 2020, "S2ORC: The semantic scholar open research corpus"),
])
def test_nature_lists_a_titles_head_and_colon_after_the_last_initials(text, author, year, title):
    e = parse_entry(text)
    assert (e.first_author, e.year, e.title) == (author, year, title)


@pytest.mark.parametrize("text, bib_author, key", [
    ("IEA (International Energy Agency). 2022. World Energy Outlook 2022. Paris.", "{International Energy Agency}",
     "internationalenergyagency"),
    ("WHO (World Health Organization). 2018. Global status report on road safety. Geneva.",
     "{World Health Organization (WHO)}", "worldhealthorganization"),
    ("International Energy Agency. 2022. World Energy Outlook 2022. Paris.", "{IEA (International Energy Agency)}",
     "internationalenergyagency"),
    ("EIA (U.S. Energy Information Administration). 2023. Annual Energy Outlook 2023. Washington, DC.",
     "{U.S. Energy Information Administration}", "usenergyinformationadministration"),
])
def test_an_acronym_before_its_body_in_brackets_is_keyed_as_the_body(text, bib_author, key):
    from kb.text.names import first_author_key, split_names
    from kb.text.refs import PaperIndex, PaperInfo

    e = parse_entry(text)
    assert e.first_author == key == first_author_key(split_names(bib_author))
    paper = PaperInfo("body", title=e.title, year=e.year, first_author=first_author_key(split_names(bib_author)))
    assert PaperIndex([paper]).resolve(e).citekey == "body"


@pytest.mark.parametrize("text, author, title", [
    ("Goodfellow, Bengio and Courville, Deep Learning. MIT Press, 2016.", "goodfellow", "Deep Learning"),
    ("Hastie, Tibshirani, and Friedman, The Elements of Statistical Learning. Springer, 2009.", "hastie",
     "The Elements of Statistical Learning"),
    ("Smith, John and Jane Doe, A study of things. Journal of Things, 2019.", "smith", "A study of things"),
])
def test_family_names_alone_then_a_title_after_a_comma(text, author, title):
    e = parse_entry(text)
    assert (e.first_author, e.title) == (author, title)


@pytest.mark.parametrize("text, bib_author", [
    ("Google LLC. 2023. Environmental report. Technical report.", "{Google}"),
    ("Google. 2023. Environmental report. Technical report.", "{Google LLC}"),
    ("Hugging Face. 2023. Environmental report. Technical report.", "{Hugging Face, Inc.}"),
    ("Ernst & Young LLP (2023). Environmental report. London.", "{Ernst \\& Young}"),
])
def test_a_firms_legal_form_is_no_part_of_its_key(text, bib_author):
    from kb.text.names import first_author_key, split_names
    from kb.text.refs import PaperIndex, PaperInfo

    e = parse_entry(text)
    paper = PaperInfo("firm", title="Environmental Report", year=2023,
                      first_author=first_author_key(split_names(bib_author)))
    assert PaperIndex([paper]).resolve(e).citekey == "firm"
