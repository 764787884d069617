"""Reference entries, names and keys, round 11: a title with no quotes after names printing their
initials first, the year right after it; a report's kind cut into its title; ... The works are real
ones, printed as each style prints them."""

from __future__ import annotations

import pytest

from kb.sources.citekey import base_key
from kb.text.citecontext import Ref, find_contexts
from kb.text.names import author_key, cited_keys, to_bibtex_name
from kb.text.notes import parse_note
from kb.text.refs import PaperIndex, PaperInfo, find_references, parse_entry


@pytest.mark.parametrize("text, author, year, title", [
    # a title after the names, each with its initials first, and the year closing the entry: with no title the
    # entry would be none, so the words are the title and not a name given in full
    ("I. Goodfellow, Y. Bengio, A. Courville, Deep Learning, 2016.", "goodfellow", 2016, "Deep Learning"),
    ("I. Goodfellow, Y. Bengio, A. Courville, Deep Learning. 2016.", "goodfellow", 2016, "Deep Learning"),
    ("A. Vaswani, N. Shazeer, Attention Is All You Need, 2017.", "vaswani", 2017, "Attention Is All You Need"),
    # ... or more after the year, the list closed with its conjunction before its last name
    ("I. Goodfellow, Y. Bengio, and A. Courville, Deep Learning, 2016. MIT Press.", "goodfellow", 2016,
     "Deep Learning"),
    # ... or a venue or publisher after the year, where a title would be
    ("I. Goodfellow and Y. Bengio, A. Courville, Deep Learning, 2016. MIT Press.", "goodfellow", 2016,
     "Deep Learning"),
    ("I. Goodfellow, Y. Bengio, A. Courville, Deep Learning, 2016. In Proceedings of Things.", "goodfellow", 2016,
     "Deep Learning"),
    ("A. Vaswani, Noam Shazeer, 2017. Attention Press: a study. In NeurIPS.", "vaswani", 2017,
     "Attention Press: a study"),
    # (as before: a publisher after the title, a journal)
    ("I. Goodfellow, Y. Bengio, A. Courville, Deep Learning, MIT Press, 2016.", "goodfellow", 2016, "Deep Learning"),
    ("Y. LeCun, Y. Bengio, G. Hinton, Deep learning, Nature 521 (2015) 436-444.", "lecun", 2015, "Deep learning"),
    # a name given in full among initials, the year after it and more after the year, stays a name
    ("A. Vaswani, Noam Shazeer, 2017. Attention is all you need. In NeurIPS.", "vaswani", 2017,
     "Attention is all you need"),
    ("I. Goodfellow and Y. Bengio, A. Courville, 2016. Deep learning. MIT Press.", "goodfellow", 2016,
     "Deep learning"),
])
def test_a_title_after_initials_first_names_then_the_year(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, title", [
    # a report's kind after the title, the stop of its abbreviation read as the title's end
    ("J. Smith, Energy use of data centres, Tech. Rep. TR-2020-01, MIT, 2020.", "Energy use of data centres"),
    ("J. Smith, Energy use of data centres, Tech. rep., Stanford University, 2020.", "Energy use of data centres"),
    ("J. Smith, Energy use of data centres, tech. rep., MIT, 2020.", "Energy use of data centres"),
    ("J. Smith, Energy use of data centres, Rep. No. 17, MIT, 2020.", "Energy use of data centres"),
    ("J. Smith, Energy use of data centres, NBER Working Paper No. 123, 2020.", "Energy use of data centres"),
    ("J. Smith, Energy use of data centres, Technical Report No. 5, MIT, 2020.", "Energy use of data centres"),
    ("Smith, J. 2020. Energy use of data centres, Tech. Rep. 17. MIT.", "Energy use of data centres"),
    ("Smith, J. (2020). Energy use of data centres (Tech. Rep. No. 17). MIT.", "Energy use of data centres"),
    # (as before)
    ("Smith, J. (2020). Energy use of data centres (Working Paper No. 17). NBER.", "Energy use of data centres"),
    ("J. Smith and K. Lee, Energy use of data centres, Technical Report, Stanford University, 2020.",
     "Energy use of data centres"),
    # a title's own last word before a stop, no report's kind after it, stays
    ("Smith, J. 2020. Women in science, tech. In Proc. of Things.", "Women in science, tech"),
    ("Google. 2020. Environmental Report. Tech. rep., Google LLC.", "Environmental Report"),
    ("Smith, J. 2020. The state of the art, Rep. Nature Energy 5, 1-10.", "The state of the art, Rep"),
])
def test_a_reports_kind_is_no_part_of_its_title(text: str, title: str) -> None:
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text, author", [
    # a body's name whose words hold no word only bodies' names hold, told by its initialism as the web address's
    # domain: one name, keyed whole, where its last word was keyed as a person's family name
    ("Internal Revenue Service. 2020. Statistics of income. https://www.irs.gov/statistics", "internalrevenueservice"),
    ("Internal Revenue Service (2020). Statistics of income. Retrieved from https://www.irs.gov/statistics",
     "internalrevenueservice"),
    ("Her Majesty's Treasury. 2021. The green book. https://www.hmt.gov.uk/greenbook", "hermajestystreasury"),
    # a person's name, and a web address that is no domain of its initials
    ("Robert William Service. 2020. Songs of a sourdough. https://www.poetry.org/service", "service"),
    ("Robert William Service. 2020. Songs of a sourdough. https://rws.example.com/service", "service"),
    ("Internal Revenue Service. 2020. Statistics of income. Washington, DC.", "service"),
    # two single words joined by 'and' before a firm's report are the firm's name, as with '&'
    ("Procter and Gamble. 2019. Annual report on sustainability. Cincinnati, OH.", "procterandgamble"),
    ("Procter and Gamble (2019). Annual report on sustainability. Cincinnati, OH.", "procterandgamble"),
    ('Procter and Gamble, "Citizenship report," Tech. Rep., 2022.', "procterandgamble"),
    ("Ernst and Young. 2019. Global survey results. London.", "ernstandyoung"),
    # ... and two people before a scholarly work, or a work that is no report
    ("Smith and Jones. 2019. A study of deep learning. In Proc. of ACL.", "smith"),
    ("Strubell and McCallum (2019). Energy and policy considerations for deep learning in NLP.", "strubell"),
    ("Strubell and McCallum. 2019. Energy report. Journal of Energy 5(2):1-10.", "strubell"),
    # a Vietnamese name, its family name first, whose first words are particles elsewhere ('le', 'van')
    ("Le Van Hung and Hoang Thi Lan. 2020. Another study. In Proc. of ACL.", "le"),
    ("Le Van Hung, Hoang Thi Lan. 2020. Another study. In Proc. of ACL.", "le"),
    ("Van der Walt, S. C., and Smith, J. 2020. Another study. In Proc. of ACL.", "vanderwalt"),
    ("De La Cruz, Maria, and John Smith. 2020. Another study. In Proc. of ACL.", "delacruz"),
])
def test_an_organisations_name_is_keyed_whole(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author


_ACL = ["Emma Strubell, Ananya Ganesh, and Andrew McCallum. 2019. Energy and policy considerations for deep learning "
        "in NLP. In Proceedings of ACL.",
        "Alan Turing. 1950. Computing machinery and intelligence. Mind.",
        "John Smith and Kate Lee. 2019. A study of things. In Proceedings of ACL.",
        "Jane Doe. 2020. Another study. In Proceedings of EMNLP.",
        "Kate Roe. 2021. Yet another study. In Proceedings of NAACL."]


@pytest.mark.parametrize("body, entry, author", [
    # the paper's brackets cite the body whole, as no citation cites a person's given names
    ("Data come from the IRS (Internal Revenue Service, 2020).",
     "Internal Revenue Service. 2020. Statistics of income. Washington, DC.", "internalrevenueservice"),
    ("Data come from Service (2020) and (Service, 2020).",
     "Robert William Service. 2020. Songs of a sourdough. Toronto.", "service"),
    ("As (García Márquez, 1967) wrote.",
     "Gabriel García Márquez. 1967. Cien años de soledad. Editorial Sudamericana.", "garciamarquez"),
    # a firm's report by two words joined by 'and', the list naming them as people elsewhere: two people
    ("As Strubell et al. (2019) show.", "Strubell and Ganesh. 2020. Energy report on training. Technical report, "
     "UMass.", "strubell"),
    ("As Strubell et al. (2019) show.", "Procter and Gamble. 2019. Annual report on sustainability. Cincinnati, OH.",
     "procterandgamble"),
    ("As Strubell et al. (2019) show.", "Johnson and Johnson. 2020. Annual report. New Brunswick, NJ.",
     "johnsonandjohnson"),
])
def test_what_the_paper_tells_of_an_organisations_name(body: str, entry: str, author: str) -> None:
    entries = find_references([f"Introduction\n{body}\n", "References\n" + "\n".join([entry, *_ACL]) + "\n"])
    assert [e.first_author for e in entries if e.raw == entry] == [author]


@pytest.mark.parametrize("author, key, citekey", [
    # keyed as BibTeX reads references.bib's names (kb.text.names.author_key): the family name after a comma,
    # else the last word and the lower-case particles before it
    ("Le Cun, Yann", "lecun", "lecun1998gradient"),
    ("Yann LeCun", "lecun", "lecun1998gradient"),
    ("Yann {Le Cun}", "lecun", "lecun1998gradient"),
    ("Yann Le Cun", "cun", "cun1998gradient"),
    ("Nguyen Van An", "an", "an1998gradient"),
    ("Nguyen, Van An", "nguyen", "nguyen1998gradient"),
    ("Pham Minh Chinh", "chinh", "chinh1998gradient"),
    # an organisation braced whole is one name, keyed whole; unbraced, by its words
    ("{Internal Revenue Service}", "internalrevenueservice", "internalrevenueservice1998gradient"),
    ("Internal Revenue Service", "service", "service1998gradient"),
    ("{Procter and Gamble}", "procterandgamble", "procterandgamble1998gradient"),
    ("International Energy Agency", "internationalenergyagency", "internationalenergyagency1998gradient"),
])
def test_names_are_keyed_as_bibtex_reads_them(author: str, key: str, citekey: str) -> None:
    assert author_key(author) == key
    assert base_key([author], 1998, "Gradient-based learning") == citekey


@pytest.mark.parametrize("name, written", [
    # a name from metadata (arXiv, Semantic Scholar) is written for BibTeX: a Vietnamese name family name first
    # where its marks or middle name say so, else as given
    ("Nguyen Van An", "Nguyen, Van An"),
    ("Tran Thi Mai", "Tran, Thi Mai"),
    ("Nguyễn Minh Châu", "Nguyễn, Minh Châu"),
    ("Dat Quoc Nguyen", "Nguyen, Dat Quoc"),
    ("Pham Minh Chinh", "Chinh, Pham Minh"),
    ("Do Young Kim", "Kim, Do Young"),
    ("Yann Le Cun", "Cun, Yann Le"),
])
def test_names_from_metadata_are_written_for_bibtex(name: str, written: str) -> None:
    assert to_bibtex_name(name) == written


@pytest.mark.parametrize("text, author, year, title", [
    # a title's translation in square brackets after it, inside IEEE's quotes or longer than a descriptor
    ('[5] I. Ivanov, "Metody mashinnogo obucheniya [Methods of machine learning]," Vestnik MGU, vol. 3, pp. 1–10, '
     "2019.", "ivanov", 2019, "Metody mashinnogo obucheniya"),
    ("Müller, H. (2019). Eine sehr lange Studie über Dinge [A very long study of many things and their many uses]. "
     "Zeitschrift für Dinge, 5(2), 1–10.", "muller", 2019, "Eine sehr lange Studie über Dinge"),
    ("[6] H. Müller, Eine Studie über Dinge [A study of things], Zeitschrift für Dinge 5 (2019) 1–10.", "muller", 2019,
     "Eine Studie über Dinge"),
    # (a title that is all in brackets, or brackets of its own words, stays)
    ("Smith, J. (2020). [Review of the book A study of things]. Journal of Things, 5, 1–10.", "smith", 2020,
     "[Review of the book A study of things]"),
    ('Smith, J. 2020. "A study of [things]." Journal of Things.', "smith", 2020, "A study of [things]"),
    # a body as Springer's LNCS prints it, its name and a colon before the title
    ("OpenAI: GPT-4 technical report. arXiv preprint arXiv:2303.08774 (2023)", "openai", 2023,
     "GPT-4 technical report"),
    ("Google: Environmental report 2020. Tech. rep., Google LLC (2021)", "google", 2021, "Environmental report 2020"),
    ("International Energy Agency: Electricity 2024. Tech. rep. (2024)", "internationalenergyagency", 2024,
     "Electricity 2024"),
    # ... not a title's words before its colon
    ("BERT: Pre-training of deep bidirectional transformers. arXiv preprint arXiv:1810.04805 (2018)", None, 2018,
     "BERT: Pre-training of deep bidirectional transformers"),
    # styles read as before: APA 7 with its DOI as a web address, LNCS with editors, Elsevier's, arXiv's alone
    ("Strubell, E., Ganesh, A., & McCallum, A. (2019). Energy and policy considerations for deep learning in NLP. In "
     "Proceedings of the 57th Annual Meeting of the ACL (pp. 3645–3650). https://doi.org/10.18653/v1/P19-1355",
     "strubell", 2019, "Energy and policy considerations for deep learning in NLP"),
    ("Smith, J.: A study of things. In: Doe, J., Roe, K. (eds.) ECCV 2020. LNCS, vol. 12345, pp. 1–17. Springer, "
     "Cham (2020). https://doi.org/10.1007/978-3-030-58452-8_1", "smith", 2020, "A study of things"),
    ("[4] J. Smith, K. Lee, Deep learning for things, in: J. Doe, K. Roe (Eds.), Handbook of Things, Springer, "
     "Berlin, 2020, pp. 1–20.", "smith", 2020, "Deep learning for things"),
    ("Smith, J., & Lee, K. (Eds.). (2020). Handbook of things. Springer.", "smith", 2020, "Handbook of things"),
    ("Doe, J. (2023). A study of things. arXiv:2301.00001.", "doe", 2023, "A study of things"),
    ("Touvron, H., et al. (2023). LLaMA: Open and efficient foundation language models. arXiv preprint "
     "arXiv:2302.13971.", "touvron", 2023, "LLaMA: Open and efficient foundation language models"),
])
def test_reference_styles_round11(text: str, author: str | None, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


_Q = '"the resulting graph consists of more than many nodes"'


@pytest.mark.parametrize("text, attribution, page", [
    # a page and the pages after it
    (f"Doe (2020, p. 3ff.) writes {_Q}.", "Doe. 2020.", "3ff"),
    (f"Doe (2020, pp. 3 ff.) writes {_Q}.", "Doe. 2020.", "3ff"),
    (f"Doe (2020, p. 3f.) writes {_Q}.", "Doe. 2020.", "3f"),
    (f"As shown, {_Q} (Doe, 2020, p. 3ff.).", "Doe. 2020.", "3ff"),
    # two words before the names: 'see, e.g.,', 'see e.g.', 'cf. also'
    (f"As shown, {_Q} (see, e.g., Doe et al., 2020).", "Doe et al. 2020.", None),
    (f"As shown, {_Q} (see e.g. Doe et al., 2020, p. 4).", "Doe et al. 2020.", "4"),
    (f"As shown, {_Q} (cf. also Doe, 2020).", "Doe. 2020.", None),
    # a comma after 'et al.' before the year in brackets
    (f"Doe et al., (2020) write {_Q}.", "Doe et al. 2020.", None),
    # no date, or the work's state, where the year goes: read as no year, as the reference reader reads it
    (f"As shown, {_Q} (Doe, n.d.).", "Doe. (n.d.).", None),
    (f"As shown, {_Q} (Doe and Roe, n.d.-b, p. 4).", "Doe and Roe. (n.d.-b).", "4"),
    (f"As shown, {_Q} (Doe, in press).", "Doe. (in press).", None),
    # (as before)
    (f"As shown, {_Q} (Doe, 2020a, p. 3).", "Doe. 2020a.", "3"),
    (f"Doe (2020, pp. 3-5) writes {_Q}.", "Doe. 2020.", "3-5"),
    (f"As shown, {_Q} (Doe, 2020, p. 3. Other text).", None, None),
])
def test_author_year_citations_round11(text: str, attribution: str | None, page: str | None) -> None:
    quotes = parse_note(text + "\n").quotes
    assert [(q.attribution, q.page) for q in quotes] == ([(attribution, page)] if attribution else [])
    if attribution:
        entry = parse_entry(attribution)
        assert (entry.first_author, entry.title) == ("doe", None)
        assert entry.year == (2020 if "20" in attribution else None)


@pytest.mark.parametrize("footnote, title, page", [
    # 'op. cit.' and 'loc. cit.': the work of that author the note cited before
    ("Doe, op. cit., p. 5.", "Energy of Twelve Models", "5"),
    ("Doe, op. cit., 5.", "Energy of Twelve Models", "5"),
    ("Doe, loc. cit.", "Energy of Twelve Models", None),
    ("Doe, *Energy*, 5.", "Energy of Twelve Models", "5"),
    # ... of an author the note cited nothing of before: no work
    ("Roe, op. cit., 5.", None, "5"),
])
def test_op_cit_names_the_authors_work_before(footnote: str, title: str | None, page: str | None) -> None:
    q = "the resulting graph consists of more than many nodes of twelve"
    note = parse_note(f'"{q}."[^1] Then "{q}."[^2]\n\n[^1]: Jane Doe, "Energy of Twelve Models," in *Proceedings '
                      f'of Things* (2020), 33–35.\n[^2]: {footnote}\n')
    ref = note.reference_for(note.quotes[1])
    assert (ref.entry.title, note.quotes[1].page) == (title, page)


@pytest.mark.parametrize("author, keys", [
    # the keys a citation may give a name references.bib writes without a comma: BibTeX's, and the family
    # name a reader sees where BibTeX leaves part of it with the given names
    ("Yann Le Cun", {"cun", "lecun"}),
    ("Jan Van Dijk", {"dijk", "vandijk"}),
    ("Nguyen Van An", {"an", "nguyen"}),
    ("Tran Thi Mai", {"mai", "tran"}),
    # ... and BibTeX's alone where it reads the name whole
    ("Yann LeCun", {"lecun"}),
    ("Le Cun, Yann", {"lecun"}),
    ("Pham Minh Chinh", {"chinh"}),
    ("Emma Strubell", {"strubell"}),
    ("{Internal Revenue Service}", {"internalrevenueservice"}),
    ("Procter and Gamble", {"procterandgamble"}),
    ("Ludwig van Beethoven", {"vanbeethoven"}),
])
def test_the_keys_a_citation_may_give_a_name(author: str, keys: set[str]) -> None:
    assert cited_keys(author) == keys


@pytest.mark.parametrize("text, author, title", [
    # a book's editors, Elsevier's comma after their mark, or the mark in French, Spanish or German
    ("K. Lee (Ed.), Handbook of Things, Springer, Berlin, 2020.", "lee", "Handbook of Things"),
    ("K. Lee, M. Roe (Eds.), Handbook of Things, 2020.", "lee", "Handbook of Things"),
    ("Lee, K. (éd.) (2020). Manuel des choses. Paris : Springer.", "lee", "Manuel des choses"),
    ("Lee, K. (dir.) (2020). Manuel des choses. Paris : Springer.", "lee", "Manuel des choses"),
    ("Lee, K. (coord.) (2020). Manual de cosas. Madrid: Springer.", "lee", "Manual de cosas"),
    ("Lee, K. (Hrsg.) (2020): Handbuch der Dinge. Berlin: Springer.", "lee", "Handbuch der Dinge"),
    # (as before: editors of the book a chapter is in, a family name 'Dir')
    ("[4] J. Smith, K. Lee, Deep learning for things, in: J. Doe, K. Roe (Eds.), Handbook of Things, Springer, "
     "Berlin, 2020, pp. 1–20.", "smith", "Deep learning for things"),
    ("Lee, K., Roe, M. (eds.): Handbook of Things. Springer, Heidelberg (2020)", "lee", "Handbook of Things"),
    ("Edwards, K., Dir, M. (2020). Handbook of things. Springer.", "edwards", "Handbook of things"),
])
def test_editors_marks(text: str, author: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, 2020, title)


@pytest.mark.parametrize("author, key, written", [
    # a name opening with 'The' is an organisation's, keyed whole as a reference list's entry keys it
    ("The World Bank", "theworldbank", "{The World Bank}"),
    ("The Royal Society", "theroyalsociety", "{The Royal Society}"),
    # ... not a Vietnamese given name without its marks ('Thế'), nor a name opening with the letters
    ("The Anh Nguyen", "nguyen", "Nguyen, The Anh"),
    ("Theodore Smith", "smith", "Smith, Theodore"),
])
def test_a_name_opening_with_the_article(author: str, key: str, written: str) -> None:
    assert (author_key(author), to_bibtex_name(author)) == (key, written)
    assert parse_entry(f"{author}. 2020. World development report. Washington, DC.").first_author == key


@pytest.mark.parametrize("text, cited", [
    # works of one author by their years: each a work, the quote in one of them, where the second year was read as
    # the first's page
    (f"As shown, {_Q} (Doe, 2020, 2021).", [("Doe. 2020.", None), ("Doe. 2021.", None)]),
    (f"As shown, {_Q} (Doe, 2020a, 2020b).", [("Doe. 2020a.", None), ("Doe. 2020b.", None)]),
    (f"As shown, {_Q} (see Doe et al., 2019, 2020).", [("Doe et al. 2019.", None), ("Doe et al. 2020.", None)]),
    (f"As shown, {_Q} (Doe, 2020; Roe, 2019, 2021).", [("Doe. 2020.", None), ("Roe. 2019.", None),
                                                      ("Roe. 2021.", None)]),
    # a page printed bare or with its mark stays a page
    (f"As shown, {_Q} (Doe, 2020, 45).", [("Doe. 2020.", "45")]),
    (f"As shown, {_Q} (Doe, 2020, p. 2021).", [("Doe. 2020.", "2021")]),
    (f"As shown, {_Q} (Doe, 2020, p. 4; Roe, 2019).", [("Doe. 2020.", "4"), ("Roe. 2019.", None)]),
])
def test_works_of_one_author_by_their_years(text: str, cited: list) -> None:
    [q] = parse_note(text + "\n").quotes
    assert [(q.attribution, q.page)] + [(a.attribution, a.page) for a in q.also] == cited


@pytest.mark.parametrize("place", ["para. 4", "paras. 4-5", "¶ 4", "ch. 3", "Chapter 3", "sec. 2.1", "§ 4.2",
                                   "Table 2", "Figure 3", "fig. 3", "p. iv", "n. 12", "line 5"])
def test_a_place_that_is_no_page_number(place: str) -> None:
    # the work is read and its page left unchecked, where the quote was not checked at all
    assert [(q.attribution, q.page) for q in parse_note(f"As shown, {_Q} (Doe, 2020, {place}).\n").quotes] \
        == [("Doe. 2020.", None)]
    assert parse_note(f"As shown, {_Q} (Doe, 2020, tables and more).\n").quotes == []


@pytest.mark.parametrize("text, attribution, author", [
    # a narrative citation's possessive is no part of the name, where it keyed 'does' or the quote was not checked
    (f"Doe's (2020) study says {_Q}.", "Doe. 2020.", "doe"),
    (f"Jones’ (2019) study says {_Q}.", "Jones. 2019.", "jones"),
    (f"Strubell et al.'s (2019) study says {_Q}.", "Strubell et al. 2019.", "strubell"),
    (f"Strubell and McCallum's (2019) study says {_Q}.", "Strubell and McCallum. 2019.", "strubell"),
    # (a name's own apostrophe stays)
    (f"O'Neil (2016) says {_Q}.", "O'Neil. 2016.", "oneil"),
])
def test_a_possessive_narrative_citation(text: str, attribution: str, author: str) -> None:
    assert [q.attribution for q in parse_note(text + "\n").quotes] == [attribution]
    assert parse_entry(attribution).first_author == author


@pytest.mark.parametrize("text, title", [
    # a work on arXiv by CoRR's name after a comma, and Springer's date closing the entry after the title
    ("J. Doe, A study of things, CoRR abs/2301.00001 (2023).", "A study of things"),
    ("Doe, J.: A study of things (2023). https://arxiv.org/abs/2301.00001", "A study of things"),
    # (as before)
    ("Doe, J.: A study of things. CoRR abs/2301.00001 (2023)", "A study of things"),
    ("Jane Doe. 2023. A study of things. CoRR, abs/2301.00001.", "A study of things"),
    ("Doe, J. (2023). A study of things. arXiv:2301.00001 [cs.CL].", "A study of things"),
    ("Doe, Jane. \"A study of things.\" arXiv, 2 Jan. 2023, arxiv.org/abs/2301.00001.", "A study of things"),
    # (a one-word title keeps its date: too little is left to tell)
    ("Doe, J.: Things (2023). https://example.org", "Things (2023)"),
])
def test_arxiv_only_entries(text: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == ("doe", 2023, title)


@pytest.mark.parametrize("text, cited", [
    # a work republished, by its first year and its edition's: either may be the paper here, its page not checked
    (f"As shown, {_Q} (Doe, 1950/2020, p. 4).", [("Doe. 2020.", None), ("Doe. 1950.", None)]),
    (f"As shown, {_Q} (Doe, 1950/2020).", [("Doe. 2020.", None), ("Doe. 1950.", None)]),
    (f"As shown, {_Q} (Doe, [1950] 2020).", [("Doe. 2020.", None), ("Doe. 1950.", None)]),
    (f"As shown, {_Q} (Doe, 2020; Roe, 1950/2019).", [("Doe. 2020.", None), ("Roe. 2019.", None),
                                                     ("Roe. 1950.", None)]),
])
def test_a_republished_work_by_its_two_years(text: str, cited: list) -> None:
    [q] = parse_note(text + "\n").quotes
    assert [(q.attribution, q.page)] + [(a.attribution, a.page) for a in q.also] == cited


@pytest.mark.parametrize("author, citekey", [
    # a key kb makes keys the first author as author_key does: an organisation's acronym after its name is not of it
    ("{International Energy Agency (IEA)}", "internationalenergyagency2023electricity"),
    ("{World Health Organization [WHO]}", "worldhealthorganization2023electricity"),
    ("International Energy Agency (IEA)", "internationalenergyagency2023electricity"),
    ("Luccioni, Alexandra Sasha", "luccioni2023electricity"),
    ("Smith (Jr.), John", "smithjr2023electricity"),
])
def test_a_made_key_keys_an_organisation_without_its_acronym(author: str, citekey: str) -> None:
    assert base_key([author], 2023, "Electricity 2024") == citekey


def test_citation_contexts_of_one_authors_works_and_possessives() -> None:
    # '(Doe, 2020, 2021)' cites both works of Doe; a narrative citation's possessive is no part of the name
    refs = [Ref(1, None, "doe", 2020, 2), Ref(2, None, "doe", 2021, 2), Ref(3, None, "jones", 2019, 2),
            Ref(4, None, "roe", 2018, 2)]
    page = ("Energy is large (Doe, 2020, 2021). Doe's (2020) study says so. Jones’ (2019) estimate is high (see "
            "Roe, 2018; Doe, 2021). Does (2020) is none of them.\n")
    assert [(c.marker, c.idx) for c in find_contexts([page, "References\n"], refs)] == [
        ("(Doe, 2020, 2021)", 1), ("(Doe, 2020, 2021)", 2), ("Doe's (2020)", 1), ("Jones’ (2019)", 3),
        ("(see Roe, 2018; Doe, 2021)", 4), ("(see Roe, 2018; Doe, 2021)", 2)]


@pytest.mark.parametrize("first_author", ["procter", "procterandgamble"])
def test_a_firms_name_joined_by_and_links_to_either_reading_of_references_bib(first_author: str) -> None:
    # '{Procter and Gamble}' keyed whole, or unbraced, as BibTeX reads it, two people ('procter'): the reference
    # keyed whole links to either by its title and year
    index = PaperIndex([PaperInfo("pg2019", title="Annual Report on Sustainability", year=2019,
                                  first_author=first_author),
                        PaperInfo("ms2019", title="Plan A report", year=2019, first_author="marks")])
    for text, key in (("Procter and Gamble. 2019. Annual report on sustainability. Cincinnati, OH.", "pg2019"),
                      ("Marks and Spencer. 2019. Plan A report. London.", "ms2019"),
                      ("Procter and Gamble. 2019. Plan A report. London.", None)):
        found = index.resolve(parse_entry(text))
        assert (found.citekey if found else None) == key
