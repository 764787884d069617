"""Reference entries, names and citations, round 12: an organisation's acronym after its name, told from a
person's initials; a narrative citation of a work republished; a surname-only citation two readings of names
answer; a title's head word and colon after names given in full. The works are real ones, printed as each
style prints them."""

from __future__ import annotations

import pytest

from kb.text.names import author_key, to_bibtex_name
from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, author", [
    # an acronym after the name of a body, three capitals holding two vowels, as initials rarely do: the whole name
    ("Stanford HAI. 2023. AI Index Report. Stanford University.", "stanfordhai"),
    ("Stanford HAI (2023). Artificial intelligence index report 2023. Stanford University.", "stanfordhai"),
    ("Paris IEA. 2021. A study of energy. Paris.", "parisiea"),
    # a family name and its initials, as Vancouver prints them, with or without more names after it
    ("Ioannidis JPA. 2005. Why most published research findings are false. PLoS Med 2(8):e124.", "ioannidis"),
    ("Ioannidis JPA. Why most published research findings are false. PLoS Med. 2005;2(8):e124.", "ioannidis"),
    ("Akl EA. 2020. Living systematic reviews. BMJ 368:m1234.", "akl"),
    ("Higgins JPT, Thompson SG. Quantifying heterogeneity in a meta-analysis. Stat Med. 2002;21:1539-58.",
     "higgins"),
    ("Page MJ, McKenzie JE, Bossuyt PM. The PRISMA 2020 statement. BMJ. 2021;372:n71.", "page"),
])
def test_an_acronym_after_a_bodys_name_is_no_persons_initials(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author


@pytest.mark.parametrize("name, key, bibtex", [
    # references.bib's unbraced name keyed as the reference list keys it, and written braced as one name
    ("Stanford HAI", "stanfordhai", "{Stanford HAI}"),
    ("Stanford University HAI", "stanforduniversityhai", "{Stanford University HAI}"),
    # (as before: BibTeX's reading of a person's name, and of one whose last word is initials)
    ("Kristina Toutanova", "toutanova", "Toutanova, Kristina"),
    ("Ioannidis JPA", "jpa", "JPA, Ioannidis"),
    ("Stanford AI", "stanfordai", "{Stanford AI}"),
])
def test_an_acronym_after_a_bodys_name_in_references_bib(name: str, key: str, bibtex: str) -> None:
    assert (author_key(name), to_bibtex_name(name)) == (key, bibtex)
