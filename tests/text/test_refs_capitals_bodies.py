"""Reference entries: a family name printed in capitals after given names, told from a body's acronym after its
name; bodies' works in lists that close their fields with commas; a title's head word after one name given in full;
two names in full joined before a title and its comma. Citation markers naming bodies whole, by an acronym the paper
defines, or with a page, and names pypdf broke. A note's entry with no title naming every author."""

from __future__ import annotations

import pytest

from kb.ops.papers import import_bib
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb
from kb.text.citecontext import Ref, find_contexts
from kb.text.refs import find_references, parse_entry


@pytest.mark.parametrize("text, author", [
    # a family name in capitals after given names, as the list's next name prints it, or a paper's one author
    ("Yang LIU, Hao XIE. 2020. A study of things. In EMNLP.", "liu"),
    ("Hao LUO and Jacob DEVLIN. 2019. A study of things. In ACL.", "luo"),
    ("Pierre DUPONT, Ming-Wei CHANG, A study of things, in: Proc. TALN, 2019.", "dupont"),
    ("Kenton LEE. 2019. A study of things. In Proceedings of ACL.", "lee"),
    ("Jacob DEVLIN, A study of things, in: Proc. NAACL, 2019.", "devlin"),
    ("Jian XIE. 2018. A study of things. Journal of Things 5(2):1-10.", "xie"),
    # ... not a body's acronym after its name, where its work is a report (as before)
    ("Stanford HAI. 2023. AI Index Report. Stanford University.", "stanfordhai"),
    ("Paris IEA. 2021. A study of energy. Paris.", "parisiea"),
])
def test_a_family_name_in_capitals_after_given_names(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author


def test_a_lone_family_name_in_capitals_by_the_lists_style() -> None:
    page = ("References\n"
            "Kenton LEE. 2019. A study of things.\n"
            "Jian LIU, Wei XIE. 2020. Another study of things. In ACL.\n"
            "Yang LIU. 2021. A third study of things. In Proceedings of EMNLP.\n"
            "Stanford HAI. 2023. AI Index Report. Stanford University.\n")
    assert [e.first_author for e in find_references(["Intro.", page])] == ["lee", "liu", "liu", "stanfordhai"]


@pytest.mark.parametrize("text, author, title", [
    # a body's work in a list closing its fields with commas, its name again as the publisher: whole, by its
    # acronym, with a word after it, or as another body of its first word
    ("Stanford HAI, AI Index Report, Stanford University, 2023.", "stanfordhai", "AI Index Report"),
    ("IEA, Renewables 2022, International Energy Agency, Paris, 2022.", "iea", "Renewables 2022"),
    ("OECD, Recommendation of the council on artificial intelligence, OECD Publishing, Paris, 2019.", "oecd",
     "Recommendation of the council on artificial intelligence"),
    ("World Health Organization, World report on ageing and health, WHO, Geneva, 2015.",
     "worldhealthorganization", "World report on ageing and health"),
    ("Allen Institute for AI, Open language model evaluation, Allen Institute for AI, Seattle, 2024.",
     "alleninstituteforai", "Open language model evaluation"),
    # (as before: two bodies, no title)
    ("Google Research, Brain Team, 2023.", "googleresearch", None),
])
def test_a_bodys_work_between_commas(text: str, author: str, title: str | None) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)


_REFS = [Ref(1, None, "stanfordhai", 2023), Ref(2, None, "internationalenergyagency", 2022),
         Ref(3, None, "doe", 2020), Ref(4, None, "iea", 2023), Ref(5, None, "marksandspencer", 2019)]


@pytest.mark.parametrize("text, marker, idxs", [
    # a body's name of more words, cited whole, in brackets or as the sentence's subject
    ("AI grows fast (Stanford HAI, 2023). Next.", "(Stanford HAI, 2023)", [1]),
    ("Demand grew (see International Energy Agency, 2022; Doe, 2020). Next.",
     "(see International Energy Agency, 2022; Doe, 2020)", [2, 3]),
    ("As the International Energy Agency (2022) finds, demand grew.", "International Energy Agency (2022)", [2]),
    ("Sales fell (Marks and Spencer, 2019). Next.", "(Marks and Spencer, 2019)", [5]),
    # a page or part after the year
    ("Things hold (Doe, 2020, p. 4). Next.", "(Doe, 2020, p. 4)", [3]),
    ("Things hold (Doe 2020, pp. 4-5). Next.", "(Doe 2020, pp. 4-5)", [3]),
    ("Things hold (Doe, 2020: 12). Next.", "(Doe, 2020: 12)", [3]),
    # (as before: an acronym; a page inside a list of works; a name no entry has)
    ("Power grows (IEA, 2023, ch. 2; Doe, 2020). Next.", "(IEA, 2023, ch. 2; Doe, 2020)", [4, 3]),
    ("Power grows (IEA, 2023). Next.", "(IEA, 2023)", [4]),
    ("Power grows (Roe Agency, 2023). Next.", None, []),
])
def test_markers_naming_bodies_whole_or_a_page(text: str, marker: str | None, idxs: list) -> None:
    found = find_contexts([text], _REFS)
    assert [c.idx for c in found] == idxs and {c.marker for c in found} <= {marker}


_LUCCIONI_BIB = """@article{luccioni2023counting, title = {Counting Carbon: A Survey of Factors Influencing the Emissions of
  Machine Learning}, author = {Luccioni, Alexandra Sasha and Hernandez-Garcia, Alex}, year = {2023}}
@article{luccioni2023estimating, title = {Estimating the Carbon Footprint of BLOOM},
  author = {Luccioni, Alexandra Sasha and Viguier, Sylvain and Ligozat, Anne-Laure}, year = {2023}}
"""
_Q = '"the resulting graph consists of more than many nodes"'


def test_a_reference_with_no_title_naming_every_author(kb_root, tmp_path) -> None:
    # of two papers by the first author that year, the one whose authors the entry lists, all and no more; an
    # entry of other authors, or of some of them, names neither
    (tmp_path / "in.bib").write_text(_LUCCIONI_BIB, "utf-8")
    kb = open_kb(kb_root)
    import_bib(kb, tmp_path / "in.bib")
    note = tmp_path / "note.md"
    note.write_text(f"{_Q} [1].\n\n{_Q} [2].\n\n{_Q} [3].\n\n{_Q} [4].\n\n## References\n\n"
                    "[1] Luccioni, A. S., & Hernandez-Garcia, A. (2023).\n\n"
                    "[2] Luccioni, A. S., Viguier, S., & Ligozat, A.-L. (2023).\n\n"
                    "[3] Luccioni, A. S., & Smith, J. (2023).\n\n"
                    "[4] Luccioni, A. S., Viguier, S., Ligozat, A.-L., & Smith, J. (2023).\n", "utf-8")
    verdicts, _ = verify_note(kb, note)
    assert [v.citekey for v in verdicts] == ["luccioni2023counting", "luccioni2023estimating", None, None]


@pytest.mark.parametrize("text, author, title", [
    # one name given in full, then a title's head word printed as no name is (a capital or digit after its first
    # letter) and its colon: the title's
    ("Zhilin Yang, XLNet: Generalized autoregressive pretraining for language understanding, in: NeurIPS, 2019.",
     "yang", "XLNet: Generalized autoregressive pretraining for language understanding"),
    ("Pranav Rajpurkar, SQuAD: 100,000+ questions for machine comprehension of text, in: Proc. EMNLP, 2016.",
     "rajpurkar", "SQuAD: 100,000+ questions for machine comprehension of text"),
    ("Colin N. Raffel, T5X: Scaling up models and data, arXiv preprint arXiv:2203.17189 (2022).", "raffel",
     "T5X: Scaling up models and data"),
    # ... not one name inverted, a given name after a family name of two words (as before)
    ("García Márquez, Gabriel: Cien años de soledad. Sudamericana, 1967.", "garciamarquez", "Cien años de soledad"),
])
def test_a_titles_head_and_colon_after_one_name_given_in_full(text: str, author: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)


@pytest.mark.parametrize("text, idxs", [
    # a name in a marker as pypdf breaks it: its capital kerned apart, or hyphenated at a line's end
    ("Models ( T ouvron et al. , 2023). Next.", [1]),
    ("As W ang et al. (2019) show, models grow.", [2]),
    ("Parsers (Dozat and Man-\nning, 2017; Rad- ford et al., 2019). Next.", [3, 4]),
    # (as before: a name hyphenated whole; no name at all)
    ("Carbon (Hernandez-Garcia, 2023). Next.", [5]),
    ("A study (2023) is none. Next.", []),
])
def test_markers_naming_a_name_pypdf_broke(text: str, idxs: list) -> None:
    refs = [Ref(1, None, "touvron", 2023), Ref(2, None, "wang", 2019), Ref(3, None, "dozat", 2017),
            Ref(4, None, "radford", 2019), Ref(5, None, "hernandezgarcia", 2023)]
    assert [c.idx for c in find_contexts([text], refs)] == idxs


@pytest.mark.parametrize("text, author, title", [
    # two names given in full joined with no comma, then the title closed by its comma, as Elsevier prints them
    ("Ashish Vaswani and Noam Shazeer, Attention is all you need, in: Proc. NeurIPS, 2017.", "vaswani",
     "Attention is all you need"),
    ("Tomas Mikolov & Kai Chen, Efficient estimation of word representations, Springer, Berlin, 2013.", "mikolov",
     "Efficient estimation of word representations"),
    # (as before: a firm's name of two words joined)
    ("Marks and Spencer, Plan A report, Marks and Spencer Group plc, 2019.", "marksandspencer", "Plan A report"),
])
def test_two_names_given_in_full_joined_then_a_title_and_comma(text: str, author: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)


def test_an_acronym_a_paper_defines_at_a_bodys_first_citation() -> None:
    # APA's '(World Health Organization [WHO], 2018)' defines 'WHO' for the entry keyed by the whole name; an
    # acronym no citation defines names nothing
    refs = [Ref(1, None, "worldhealthorganization", 2018), Ref(2, None, "internationalenergyagency", 2022)]
    text = ("Roads kill (World Health Organization [WHO], 2018). Deaths rose (WHO, 2018, p. 4). As WHO (2018) "
            "notes, it is so. Power grew (IEA, 2022). Next.")
    assert [(c.marker, c.idx) for c in find_contexts([text], refs)] == [
        ("(World Health Organization [WHO], 2018)", 1), ("(WHO, 2018, p. 4)", 1), ("WHO (2018)", 1)]


@pytest.mark.parametrize("text, author", [
    # a body's acronym no family name is printed as, after its name, on a paper: no vowel, or the name's initial
    ("Stanford CRFM. 2021. On the opportunities and risks of foundation models. arXiv preprint arXiv:2108.07258.",
     "stanfordcrfm"),
    ("Berkeley BAIR. 2020. A study of robots. In Proceedings of ICRA.", "berkeleybair"),
])
def test_a_bodys_acronym_on_a_paper_is_no_family_name(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author
