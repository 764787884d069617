"""Sweep 42 of kb.text.refs, names and titles: a title's own second sentence (opening in lower case, or in
sentence case with a word no container's name opens with) and a subtitle in brackets after its question stay
in the title; a capitalised particle before a family name given first is of the family name, as the name
inverted keys it. Each fixed reading has one kb must keep beside it."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, title", [
    # the title's next sentence opening in lower case
    ("Grover, C., Hachey, B. (2004). The HOLJ corpus. supporting summarisation of legal texts. In Proceedings of "
     "LINC, pages 47-54.", "The HOLJ corpus. supporting summarisation of legal texts"),
    ("Bone RC, Fisher CJ. Sepsis syndrome: a valid clinical entity. methylprednisolone severe sepsis study group. "
     "Crit Care Med. 1989;17(5):389-93.",
     "Sepsis syndrome: a valid clinical entity. methylprednisolone severe sepsis study group"),
    # ... in sentence case, opening with a word that opens a sentence
    ("Jane Doe. 2021. Benchmarks are broken. We keep using them. In Proceedings of ACL.",
     "Benchmarks are broken. We keep using them"),
    ("Smith, J. (2020). Leaderboards are everywhere. That is a problem. In ACL.",
     "Leaderboards are everywhere. That is a problem"),
    # a subtitle in brackets after the title's question
    ("Doe, J. (2019). Is attention all you need? (A Critical Look at Transformers). Blog post.",
     "Is attention all you need? (A Critical Look at Transformers)"),
    # kept: what follows a title, in lower case or capitalised
    ("Doe, J. (2019). Title of the work. arXiv preprint arXiv:1234.5678.", "Title of the work"),
    ("Doe, J. (2019). Title of the work. unpublished manuscript, MIT.", "Title of the work"),
    ("Doe, J. (2019). Title of the work. bioRxiv. Cold Spring Harbor.", "Title of the work"),
    ("Doe, J. (2019). Title of the work. mimeo. Harvard University.", "Title of the work"),
    ("Doe, J. (2019). Title of the work. interview. The Guardian.", "Title of the work"),
    ("Doe, J. (2019). Title of the work. This American Life. Chicago Public Media.", "Title of the work"),
    ("doe, j. 2010. researchers use journals. journal of information science 36 (2010), 494-516.",
     "researchers use journals"),
    # ... and the kind of work or its version in brackets after a question
    ("Doe, J. (2019). Why does it fail? (Doctoral dissertation, MIT).", "Why does it fail?"),
    ("Doe, J. (2019). Does it work? (Version 2). Zenodo.", "Does it work?"),
])
def test_a_titles_second_sentence_and_bracketed_subtitle(text: str, title: str) -> None:
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text, bib", [
    # a capitalised particle before the family name given first: keyed, and linked, as the name inverted
    ("Munmun De Choudhury, Michael Gamon, and Scott Counts. 2013. Predicting depression via social media. In ICWSM.",
     "De Choudhury, Munmun"),
    ("M. De Choudhury, M. Gamon, and S. Counts, \"Predicting depression via social media,\" in Proc. ICWSM, 2013.",
     "{De Choudhury}, Munmun"),
    ("DE CHOUDHURY, M.; GAMON, M. Predicting depression via social media. In: ICWSM, 2013.", "De Choudhury, Munmun"),
    ("Christophe Van Gysel and Maarten de Rijke. 2016. Learning latent vector spaces for product search. In CIKM.",
     "Van Gysel, Christophe"),
    ("Luciano Del Corro and Rainer Gemulla. 2013. ClausIE: clause-based open information extraction. In WWW.",
     "{Del Corro}, Luciano"),
    ("Laurens Van Der Maaten and Geoffrey Hinton. 2008. Visualizing data using t-SNE. JMLR.", "van der Maaten, Laurens"),
    ("VAN DER MAATEN, L.; HINTON, G. Visualizing data using t-SNE. JMLR, 2008.", "van der Maaten, Laurens"),
    ("Fernando De la Torre and Jeffrey F. Cohn. 2015. Facial action unit detection. In CVPR.",
     "De la Torre, Fernando"),
    ("Y. Le Cun, L. Bottou, Y. Bengio, and P. Haffner, \"Gradient-based learning applied to document recognition,\" "
     "Proc. IEEE, 1998.", "LeCun, Yann"),
])
def test_a_capitalised_particle_given_name_first_keys_and_links_as_inverted(text: str, bib: str) -> None:
    from kb.text.names import first_author_key
    from kb.text.refs import PaperIndex, PaperInfo
    entry = parse_entry(text)
    assert entry.first_author == first_author_key([bib])
    paper = PaperInfo("p", title=entry.title, year=entry.year, first_author=first_author_key([bib]))
    assert PaperIndex([paper]).resolve(entry) is not None


@pytest.mark.parametrize("text, author", [
    # kept: a Vietnamese middle name, a Chinese given name's syllable, a particle that is the given name or the
    # family name itself
    ("Anh Van Nguyen and John Smith. 2019. Parsing with neural nets. In ACL.", "nguyen"),
    ("Wei Di Li and John Smith. 2019. Parsing with neural nets. In ACL.", "li"),
    ("Di Wu and Yang Li. 2019. Parsing with neural nets. In KDD.", "wu"),
    ("Quoc V. Le and Tomas Mikolov. 2014. Distributed representations of sentences. In ICML.", "le"),
    ("Van Nguyen, Minh Tran, and Bo Chen. 2020. Deep learning for Vietnamese text. In ACL.", "nguyen"),
    ("LE, Q.; MIKOLOV, T. Distributed representations of sentences. In: ICML, 2014.", "le"),
])
def test_a_capitalised_particle_kept_apart_where_it_is_no_family_names(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author


@pytest.mark.parametrize("text, author, title", [
    # a Russian given name's initial transliterated in two letters is an initial, closing its name
    ("Kuratov, Yu., Arkhipov, M. (2019). Adaptation of deep bidirectional multilingual transformers for Russian "
     "language. arXiv preprint.", "kuratov",
     "Adaptation of deep bidirectional multilingual transformers for Russian language"),
    ("Zhukov, Zh. I., Ivanov, Kh. A. Title of the paper here. Journal of Things, 2019, 3(1): 1-10.", "zhukov",
     "Title of the paper here"),
    # kept: a chapter after the title
    ("Smith, J. (2019). Deep learning methods. In Handbook of AI, Ch. 5. Springer.", "smith", "Deep learning methods"),
])
def test_an_initial_transliterated_in_two_letters(text: str, author: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)


@pytest.mark.parametrize("text, bib", [
    # an organisation's body word misspelt by one letter: keyed, and linked, as the body's name
    ("US Environmental Protection Agencyy. 2021. Greenhouse gas equivalencies calculator. "
     "https://www.epa.gov/energy/greenhouse-gas-equivalencies-calculator.", "{US Environmental Protection Agency}"),
    ("World Health Organizaton. 2020. Coronavirus disease situation report. Geneva.", "{World Health Organization}"),
    ("National Institue of Standards and Technology. 2019. Guide to data centre metering. Gaithersburg.",
     "{National Institute of Standards and Technology}"),
])
def test_a_misspelt_body_word_keys_and_links_as_the_body(text: str, bib: str) -> None:
    from kb.text.names import first_author_key
    from kb.text.refs import PaperIndex, PaperInfo
    entry = parse_entry(text)
    assert entry.first_author == first_author_key([bib])
    paper = PaperInfo("p", title=entry.title, year=entry.year, first_author=first_author_key([bib]))
    assert PaperIndex([paper]).resolve(entry) is not None


@pytest.mark.parametrize("text, author", [
    # kept: people whose family name is a body word's near spelling, a body's plural
    ("Isaac Councill, C. Lee Giles, and Min-Yen Kan. 2008. ParsCit: an open-source CRF reference string parsing "
     "package. In LREC.", "councill"),
    ("Mary Ann Councill. 2008. Reference strings and their parsing. In LREC.", "councill"),
    ("John Officer and Jane Doe. 2020. Title of the work here. In ACL.", "officer"),
    ("Kate Nation and John Smith. 2019. Reading and language. In ACL.", "nation"),
    ("National Institutes of Health et al. 2005. Policy on enhancing public access. Bethesda.",
     "nationalinstitutesofhealth"),
])
def test_a_name_near_a_body_word_kept(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author
