"""Reference entries, names and citations, round 12: an organisation's acronym after its name, told from a
person's initials; a narrative citation of a work republished; a surname-only citation two readings of names
answer; a title's head word and colon after names given in full. The works are real ones, printed as each
style prints them."""

from __future__ import annotations

import pytest

from kb.ops.papers import import_bib
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb
from kb.sources.citekey import base_key
from kb.text.citecontext import Ref, find_contexts
from kb.text.names import first_author_key, to_bibtex_names
from kb.text.notes import parse_note
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


@pytest.mark.parametrize("text, author", [
    # family names printed in capitals after given names, a list of them, are no bodies' acronyms
    ("Jian LIU, Wei XIE, A study of things, in: Proc. ACL, 2019.", "jianliu"),
    ("Hao LUO, Jacob DEVLIN. 2019. A study of things. In ACL.", "haoluo"),
])
def test_family_names_in_capitals_are_no_acronyms(text: str, author: str) -> None:
    entry = parse_entry(text)
    assert entry.title == "A study of things" and entry.first_author != author


@pytest.mark.parametrize("authors, key, bibtex, citekey", [
    # references.bib's unbraced name of one author keyed as the reference list keys it, and written braced
    (["Stanford HAI"], "stanfordhai", ["{Stanford HAI}"], "stanfordhai2023ai"),
    (["Stanford University HAI"], "stanforduniversityhai", ["{Stanford University HAI}"],
     "stanforduniversityhai2023ai"),
    # ... not a list of names printing their family names in capitals, nor initials, nor one name among others
    (["Jian LIU", "Wei XIE"], "liu", ["LIU, Jian", "XIE, Wei"], "liu2023ai"),
    (["Stanford HAI", "others"], "hai", ["HAI, Stanford", "others"], "hai2023ai"),
    (["Ioannidis JPA"], "jpa", ["JPA, Ioannidis"], "jpa2023ai"),
    # (as before)
    (["Kristina Toutanova"], "toutanova", ["Toutanova, Kristina"], "toutanova2023ai"),
])
def test_an_acronym_after_a_bodys_name_in_references_bib(authors: list, key: str, bibtex: list, citekey: str) -> None:
    assert (first_author_key(authors), to_bibtex_names(authors), base_key(authors, 2023, "AI Index Report")) \
        == (key, bibtex, citekey)


_Q = '"the resulting graph consists of more than many nodes"'


@pytest.mark.parametrize("text, cited", [
    # a narrative citation of a work republished, by its first year and its edition's: either may be the paper
    (f"Doe (1950/2020) writes {_Q}.", [("Doe. 2020.", None), ("Doe. 1950.", None)]),
    (f"Doe and Roe (1950/2020) write {_Q}.", [("Doe and Roe. 2020.", None), ("Doe and Roe. 1950.", None)]),
    (f"As Doe et al. ([1950] 2020, p. 4) write, {_Q}.", [("Doe et al. 2020.", None), ("Doe et al. 1950.", None)]),
    (f"Doe's (1950/2020a) book says {_Q}.", [("Doe. 2020a.", None), ("Doe. 1950.", None)]),
    (f"{_Q}, as Doe (1950/2020) writes.", [("Doe. 2020.", None), ("Doe. 1950.", None)]),
    # ... its page after a colon, as Harvard prints it, narrative or in brackets
    (f"Doe (1950/2020: 4-5) writes {_Q}.", [("Doe. 2020.", None), ("Doe. 1950.", None)]),
    (f"As shown, {_Q} (Doe, 1950/2020: 4).", [("Doe. 2020.", None), ("Doe. 1950.", None)]),
    # ... and of one author's works by their years, as '(Doe, 2020, 2021)' is read
    (f"Doe (2020, 2021) writes {_Q}.", [("Doe. 2020.", None), ("Doe. 2021.", None)]),
    # (as before)
    (f"Doe (2020a) writes {_Q}.", [("Doe. 2020a.", None)]),
    (f"Doe (2020, p. 3) writes {_Q}.", [("Doe. 2020.", "3")]),
])
def test_a_narrative_citation_of_a_republished_work(text: str, cited: list) -> None:
    [q] = parse_note(text + "\n").quotes
    assert [(q.attribution, q.page)] + [(a.attribution, a.page) for a in q.also] == cited


@pytest.mark.parametrize("text", [
    # a reference entry, its year republished, is no citation of the quote after it; nor a name and no year
    f"Doe, J. (1950/2020). {_Q}. Publisher.",
    f"Doe (1950-2020) writes {_Q}.",
    f"Doe (1950/20) writes {_Q}.",
])
def test_no_narrative_citation_of_a_republished_work(text: str) -> None:
    assert [q.attribution for q in parse_note(text + "\n").quotes if q.attribution] == []


def test_a_papers_markers_of_a_republished_work() -> None:
    # the page's marker names the entry by either year, narrative or in brackets
    page = ("Energy is large (Doe, 1950/2020). Doe (1950/2020) says so. Roe (1950/2019) agrees (see Roe, [1950] "
            "2019; Doe, 2020). Roe (1950/2018) is none.\n")
    refs = [Ref(1, None, "doe", 2020, 2), Ref(2, None, "roe", 1950, 2)]
    assert [(c.marker, c.idx) for c in find_contexts([page, "References\n"], refs)] == [
        ("(Doe, 1950/2020)", 1), ("Doe (1950/2020)", 1), ("Roe (1950/2019)", 2),
        ("(see Roe, [1950] 2019; Doe, 2020)", 2), ("(see Roe, [1950] 2019; Doe, 2020)", 1), ("Roe (1950/2018)", 2)]


_READINGS_BIB = """@article{an2019vietnamese, title = {A study of Vietnamese text},
  author = {Nguyen Van An and John Smith}, year = {2019}}
@article{nguyen2019things, title = {Another study of things}, author = {Tran Van Nguyen}, year = {2019}}
@article{hung2020third, title = {A third study}, author = {Le Van Hung}, year = {2020}}
@article{le2020fourth, title = {A fourth study}, author = {Pham Van Le}, year = {2020}}
@article{doe2021fifth, title = {A fifth study}, author = {Jane Doe}, year = {2021}}
@article{hai2023index, title = {AI Index Report}, author = {Stanford HAI}, year = {2023}}
"""


def test_a_surname_two_readings_of_names_answer_is_ambiguous(kb_root, tmp_path) -> None:
    # 'Nguyen (2019)' names BibTeX's family name of 'Tran Van Nguyen' and the family name a reader reads first in
    # 'Nguyen Van An' (keyed an): which is meant is not said, where the first was taken; one reading alone, or
    # a name only one paper of its year is read by, is the paper; so a key no paper has, of that name and year
    (tmp_path / "in.bib").write_text(_READINGS_BIB, "utf-8")
    kb = open_kb(kb_root)
    import_bib(kb, tmp_path / "in.bib")
    note = tmp_path / "note.md"
    note.write_text(f"Nguyen (2019) writes {_Q}.\n\nLe (2020) writes {_Q}.\n\nHung (2020) writes {_Q}.\n\n"
                    f"Doe (2021) writes {_Q}.\n\n{_Q} (Stanford HAI, 2023).\n\nTran (2019) writes {_Q}.\n\n"
                    f"{_Q} [@nguyen2019].\n\n{_Q} [@hung2020].\n", "utf-8")
    verdicts, _ = verify_note(kb, note)
    assert [(v.citekey, v.status) for v in verdicts] == [
        (None, "no-source"), (None, "no-source"), ("hung2020third", "no-text"), ("doe2021fifth", "no-text"),
        ("hai2023index", "no-text"), (None, "no-source"), (None, "no-source"), ("hung2020third", "no-text")]
    assert "an2019vietnamese, nguyen2019things" in verdicts[0].message and "ambiguous" in verdicts[0].message
    assert "hung2020third, le2020fourth" in verdicts[1].message
    assert "ambiguous" not in verdicts[5].message
    # ... as a key no paper has that writes the name and the year
    assert "an2019vietnamese, nguyen2019things" in verdicts[6].message


@pytest.mark.parametrize("text, author, title", [
    # a title's head word and its colon after names given in full, each closed by its comma: no name
    ("Jacob Devlin, Ming-Wei Chang, Kenton Lee, and Kristina Toutanova, BERT: Pre-training of deep bidirectional "
     "transformers for language understanding, in: Proceedings of NAACL, 2019, pp. 4171–4186.", "devlin",
     "BERT: Pre-training of deep bidirectional transformers for language understanding"),
    ("Jacob Devlin, Ming-Wei Chang, Kenton Lee, and Kristina Toutanova, BERT: Pre-training of deep bidirectional "
     "transformers for language understanding, NAACL 2019.", "devlin",
     "BERT: Pre-training of deep bidirectional transformers for language understanding"),
    ("Alex Wang, Amanpreet Singh, Julian Michael, GLUE: A multi-task benchmark and analysis platform for natural "
     "language understanding, in: ICLR, 2019.", "wang",
     "GLUE: A multi-task benchmark and analysis platform for natural language understanding"),
    ("Hugo Touvron, Thibaut Lavril, Gautier Izacard, LLaMA: Open and efficient foundation language models, arXiv "
     "preprint arXiv:2302.13971 (2023).", "touvron", "LLaMA: Open and efficient foundation language models"),
    ("Jacob Devlin and Kristina Toutanova, BERT: Pre-training of deep bidirectional transformers for language "
     "understanding, NAACL 2019.", "devlin",
     "BERT: Pre-training of deep bidirectional transformers for language understanding"),
    # ... a middle initial among them, with its stop or not
    ("Kevin Clark, Minh-Thang Luong, Quoc V. Le, Christopher D. Manning, ELECTRA: Pre-training text encoders as "
     "discriminators rather than generators, in: ICLR, 2020.", "clark",
     "ELECTRA: Pre-training text encoders as discriminators rather than generators"),
    ("Jacob Devlin, Kenton Lee, and Kristina N Toutanova, BERT: Pre-training of deep bidirectional transformers for "
     "language understanding, in: NAACL, 2019.", "devlin",
     "BERT: Pre-training of deep bidirectional transformers for language understanding"),
    # (as before: Springer's colon after a list inverted, DBLP's after names given first, ACL's year first)
    ("Strubell, Emma, Ganesh, Ananya: Energy and policy considerations for deep learning in NLP. In: ACL (2019)",
     "strubell", "Energy and policy considerations for deep learning in NLP"),
    ("Emma Strubell, Ananya Ganesh, Andrew McCallum: Energy and policy considerations for deep learning in NLP. "
     "ACL 2019: 3645-3650", "strubell", "Energy and policy considerations for deep learning in NLP"),
    ("Jacob Devlin, Ming-Wei Chang, Kenton Lee, and Kristina Toutanova. 2019. BERT: Pre-training of Deep "
     "Bidirectional Transformers for Language Understanding. In NAACL.", "devlin",
     "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"),
    ("Nguyen Van An, Tran Thi Mai, A study of Vietnamese text, in: Proc. VLSP, 2019.", "nguyen",
     "A study of Vietnamese text"),
])
def test_a_titles_head_and_colon_after_names_given_in_full(text: str, author: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)
