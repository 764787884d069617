"""Reference entries and citekeys, round 13: a firm's name and its lab's acronym as one author; a body's acronym
before Springer's colon; a family name of two words and its initials without stops; a title in title case after
one name and its initials. Each case holds a reading kb gave wrong before and one it must keep."""

from __future__ import annotations

import pytest

from kb.sources.citekey import base_key
from kb.text.names import first_author_key, to_bibtex_names
from kb.text.refs import PaperIndex, PaperInfo, parse_entry


@pytest.mark.parametrize("authors, key, bibtex", [
    # a firm's name and its lab's or team's acronym, a work's one author: keyed and written whole
    (["Meta FAIR"], "metafair", ["{Meta FAIR}"]),
    (["Meta GenAI"], "metagenai", ["{Meta GenAI}"]),
    (["Samsung SAIT"], "samsungsait", ["{Samsung SAIT}"]),
    # ... and a body's name and an acronym of four capitals with no vowel, as no family name is
    (["Stanford CRFM"], "stanfordcrfm", ["{Stanford CRFM}"]),
])
def test_a_firms_name_and_its_labs_acronym_is_one_author(authors: list, key: str, bibtex: list) -> None:
    assert (first_author_key(authors), to_bibtex_names(authors), base_key(authors, 2023, "Llama 2")) \
        == (key, bibtex, f"{key}2023llama")
    # ... not a person so named, nor a family name and its initials, nor one name among others
    assert [first_author_key(a) for a in (["Meta Golding"], ["Apple RW"], authors + ["others"])] \
        == ["golding", "rw", name_of_last(authors[0])]


def name_of_last(name: str) -> str:
    return name.split()[-1].lower()


@pytest.mark.parametrize("text, author, title", [
    # reference lists agree with references.bib
    ("Meta GenAI. 2024. The Llama 3 herd of models. arXiv preprint arXiv:2407.21783.", "metagenai",
     "The Llama 3 herd of models"),
    ("Meta FAIR. 2023. Seamless: Multilingual expressive speech translation. In Proceedings of ACL.", "metafair",
     "Seamless: Multilingual expressive speech translation"),
    # Springer's colon after a body's name closed by its acronym: the rest names the body again, or its web host
    ("Stanford HAI: Artificial Intelligence Index Report. Tech. rep., Stanford University (2023)", "stanfordhai",
     "Artificial Intelligence Index Report"),
    ("Stanford HAI: AI Index Report 2024 (2024), https://aiindex.stanford.edu/report/", "stanfordhai",
     "AI Index Report 2024"),
    ("Stanford CRFM: Holistic evaluation of language models. Tech. rep., Stanford University (2022)",
     "stanfordcrfm", "Holistic evaluation of language models"),
    ("Paris IEA: World Energy Outlook 2022. Tech. rep., Paris Energy Agency (2022)", "parisiea",
     "World Energy Outlook 2022"),
    ("Amazon AGI: The Amazon Nova family of models. Tech. rep. (2024)", "amazonagi",
     "The Amazon Nova family of models"),
    # a family name of two words, its initials in capitals without stops after the comma
    ("Ortiz Suárez, PJ: Asynchronous pipelines for processing huge corpora. In: CMLC-7 (2019)", "ortizsuarez",
     "Asynchronous pipelines for processing huge corpora"),
    ("García Márquez, GJ, Smith, J: A study of things. In: Proc. ACL (2019)", "garciamarquez", "A study of things"),
    # a title in title case after one name and its initials, its small words a name's particles
    ("Dupont J. Les Réseaux des Neurones Artificiels. Paris: Dunod; 2019.", "dupont",
     "Les Réseaux des Neurones Artificiels"),
    ("Martin P. Le Traitement du Langage Naturel. Paris: Hermès; 2018.", "martin", "Le Traitement du Langage Naturel"),
    ("Dupont J. Deep Learning Things. Paris: Dunod; 2019.", "dupont", "Deep Learning Things"),
])
def test_bodies_compound_names_and_titles_after_initials(text: str, author: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)
    # ... and what it must keep: a title's words before its colon, a name given first after a middle initial
    kept = [parse_entry(t) for t in ("Neural ODE: neural ordinary differential equations. In: Advances in Neural "
                                     "Information Processing Systems (2019)",
                                     "PyTorch FSDP: Experiences on scaling. https://pytorch.org/blog/fsdp (2023)",
                                     "Emma A. Strubell. Energy and policy considerations. In ACL, 2019.",
                                     "Meta LEE, Jian LIU. 2019. A study of things. In Proceedings of ACL.")]
    assert [(e.first_author, e.title) for e in kept] == [
        (None, "Neural ODE: neural ordinary differential equations"), (None, "PyTorch FSDP: Experiences on scaling"),
        ("strubell", "Energy and policy considerations"), ("lee", "A study of things")]


@pytest.mark.parametrize("raw, linked", [
    # an author-year citation naming no title: the author's one paper of that year, its title numbered or not
    ("Doe. 2023.", "doe2023llama"),
    ("Roe, J. (2019).", "roe2019trec"),
    # ... not when it names a title numbering another work
    ("Doe, J. 2023. Llama 3: the herd of models. arXiv.", None),
])
def test_an_author_year_citation_naming_no_title_links_a_numbered_title(raw: str, linked: str | None) -> None:
    index = PaperIndex([PaperInfo("doe2023llama", title="Llama 2: Open foundation models", year=2023,
                                  first_author="doe"),
                        PaperInfo("roe2019trec", title="Overview of the TREC 2019 deep learning track", year=2019,
                                  first_author="roe")])
    found = index.explain(parse_entry(raw), loose=True).resolution
    assert (found.citekey if found else None) == linked
    assert index.explain(parse_entry("Doe, J. 2023."), loose=True).resolution.citekey == "doe2023llama"
