"""Reference entries, round 7: references as Google Scholar's "Cite" pastes them (APA's '... &' before the
last author, Vancouver's last initial and its stop before a title opening 'Word:'), works older than 1900,
Irish and Scottish family names with their prefixes ('Ó Séaghdha', 'Mac Aodha'), and organisations that put
their names to papers ('Google DeepMind', 'Hugging Face', 'Johnson & Johnson'). The works are real ones,
printed as each style prints them."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, author, year, title", [
    # Google Scholar's APA: the first six authors, an ellipsis, '&' and the last
    ("Brown, T., Mann, B., Ryder, N., Subbiah, M., Kaplan, J. D., Dhariwal, P., ... & Amodei, D. (2020). Language "
     "models are few-shot learners. Advances in neural information processing systems, 33, 1877-1901.",
     "brown", 2020, "Language models are few-shot learners"),
    ("Touvron, H., Lavril, T., Izacard, G., Martinet, X., Lachaux, M. A., Lacroix, T., ... & Lample, G. (2023). "
     "Llama: Open and efficient foundation language models. arXiv preprint arXiv:2302.13971.", "touvron", 2023,
     "Llama: Open and efficient foundation language models"),
    ("Vaswani, A., Shazeer, N., Parmar, N., Uszkoreit, J., Jones, L., Gomez, A. N., … & Polosukhin, I. (2017). "
     "Attention is all you need. Advances in neural information processing systems, 30.", "vaswani", 2017,
     "Attention is all you need"),
    # ... its Vancouver: the last author's one initial closed by a stop, then a title whose first word ends in ':'
    ("Devlin J, Chang MW, Lee K, Toutanova K. Bert: Pre-training of deep bidirectional transformers for language "
     "understanding. InProceedings of the 2019 conference of the North American chapter of the association for "
     "computational linguistics: human language technologies, volume 1 (long and short papers) 2019 Jun "
     "(pp. 4171-4186).", "devlin", 2019,
     "Bert: Pre-training of deep bidirectional transformers for language understanding"),
    ("Touvron H, Lavril T, Izacard G, Martinet X, Lachaux MA, Lacroix T, Rozière B, Goyal N, Hambro E, Azhar F, "
     "Rodriguez A. Llama: Open and efficient foundation language models. arXiv preprint arXiv:2302.13971. "
     "2023 Feb 27.", "touvron", 2023, "Llama: Open and efficient foundation language models"),
    # (Springer's colon after the names still ends them, after initials or a family name)
    ("Strubell, E., Ganesh, A., McCallum, A.: Energy and policy considerations for deep learning in NLP. In: ACL "
     "(2019)", "strubell", 2019, "Energy and policy considerations for deep learning in NLP"),
    ("E. Strubell, A. Ganesh, A. McCallum: Energy and policy considerations for deep learning in NLP. In: ACL (2019)",
     "strubell", 2019, "Energy and policy considerations for deep learning in NLP"),
    ("Ashish Vaswani, Noam Shazeer, Niki Parmar: Attention is All you Need. NIPS 2017: 5998-6008", "vaswani", 2017,
     "Attention is All you Need"),
])
def test_references_as_google_scholar_pastes_them(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author, year, title", [
    # the year where author-year styles print it, from 1600 on
    ("Maxwell, J. C. (1865). A dynamical theory of the electromagnetic field. Philosophical Transactions of the "
     "Royal Society of London, 155, 459-512.", "maxwell", 1865, "A dynamical theory of the electromagnetic field"),
    ("Darwin, C. 1859. On the Origin of Species. London: John Murray.", "darwin", 1859, "On the Origin of Species"),
    ("Darwin, Charles. 1859. On the Origin of Species. London: John Murray.", "darwin", 1859,
     "On the Origin of Species"),
    ("Laplace, P. S., 1812. Théorie analytique des probabilités. Paris: Courcier.", "laplace", 1812,
     "Théorie analytique des probabilités"),
    ("Boole, G. (1854). An investigation of the laws of thought. London: Walton and Maberly.", "boole", 1854,
     "An investigation of the laws of thought"),
    ("Darwin, C. (1859/2009). On the Origin of Species. Cambridge University Press.", "darwin", 1859,
     "On the Origin of Species"),
    ("———. 1871. The Descent of Man. London: John Murray.", None, 1871, "The Descent of Man"),
    # ... at the end after a comma, or before Vancouver's volume
    ('J. C. Maxwell, "A dynamical theory of the electromagnetic field," Philosophical Transactions of the Royal '
     "Society of London, vol. 155, pp. 459-512, 1865.", "maxwell", 1865,
     "A dynamical theory of the electromagnetic field"),
    ("Charles Darwin. On the Origin of Species by Means of Natural Selection. John Murray, London, 1859.", "darwin",
     1859, "On the Origin of Species by Means of Natural Selection"),
    ("Maxwell JC. A dynamical theory of the electromagnetic field. Philos Trans R Soc Lond. 1865;155:459-512.",
     "maxwell", 1865, "A dynamical theory of the electromagnetic field"),
    # ... or after Vancouver's publisher and its semicolon
    ("Darwin C. On the Origin of Species. London: John Murray; 1859.", "darwin", 1859, "On the Origin of Species"),
    ("Fisher RA. Statistical methods for research workers. Edinburgh: Oliver and Boyd; 1925.", "fisher", 1925,
     "Statistical methods for research workers"),
    # a number of four digits elsewhere is no year: pages, counts in a title
    ("Smith, J. Things in the world. Journal of Things, 12:1820-1850.", "smith", None, "Things in the world"),
    ("Smith J. Things in the world. J Things. 1998;5:1850-1860.", "smith", 1998, "Things in the world"),
    ("Smith, J. (2019). A study of 1850 things. Journal, 5, 1-10.", "smith", 2019, "A study of 1850 things"),
    ("Smith, J. A study of things. Journal of Things, 1850 pages, 2019.", "smith", 2019, "A study of things"),
    # ... nor a title's first word after the names, closed by no stop or bracket as a year is
    ("Smith, J. 1750 ways to parse a sentence. Journal of Things, 5, 1-10, 2019.", "smith", 2019,
     "1750 ways to parse a sentence"),
    # (the entry's date is no title's; the title, after IEEE's comma, ends at the comma before its venue: sweep 51)
    ("[3] J. Smith, 1776 and all that, Journal of History, 2019.", "smith", 2019, "1776 and all that"),
    ("Darwin C (1859) On the Origin of Species. John Murray, London", "darwin", 1859, "On the Origin of Species"),
    ("Darwin, C. [1859] 2009. On the Origin of Species. Cambridge University Press.", "darwin", 1859,
     "On the Origin of Species"),
])
def test_works_older_than_1900_keep_their_years(text: str, author: str | None, year: int | None,
                                                title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author", [
    ("Ó Séaghdha, D. (2010). Latent variable models of selectional preference. In Proceedings of ACL, 435-444.",
     "oseaghdha"),
    ("Ó Séaghdha, Diarmuid. 2010. Latent variable models of selectional preference. In Proceedings of ACL.",
     "oseaghdha"),
    ("Diarmuid Ó Séaghdha and Anna Korhonen. 2014. Probabilistic distributional semantics with latent variable "
     "models. Computational Linguistics, 40(3):587–631.", "oseaghdha"),
    ("Ó Séaghdha D, Korhonen A. Probabilistic distributional semantics. Comput Linguist. 2014;40(3):587-631.",
     "oseaghdha"),
    ('D. Ó Séaghdha and A. Korhonen, "Probabilistic distributional semantics," Computational Linguistics, vol. 40, '
     "2014.", "oseaghdha"),
    ("Oisin Mac Aodha, Elijah Cole, and Pietro Perona. 2019. Presence-only geographical priors. In ICCV.", "macaodha"),
    ('O. Mac Aodha, E. Cole, and P. Perona, "Presence-only geographical priors," in ICCV, 2019.', "macaodha"),
    ("Mac Aodha O, Cole E, Perona P. Presence-only geographical priors. In: ICCV. 2019.", "macaodha"),
    ("Mac Aodha, O., Cole, E., & Perona, P. (2019). Presence-only geographical priors. In ICCV.", "macaodha"),
    ("Sinéad Ní Bhriain. 2018. A study of Irish. Journal of Things.", "nibhriain"),
    ("Ní Bhriain, S. (2018). A study of Irish. Journal of Things, 5, 1-10.", "nibhriain"),
    ("Ryan Mc Donald. 2005. Online large-margin training. In ACL.", "mcdonald"),
    ("John O'Neill. 2015. A study of things. Journal of Things.", "oneill"),
    # (a middle initial 'O' printed without its stop is no prefix: 'Kim O Smith')
    ("Kim O Smith and Aidan N Gomez. 2017. Attention is all you need. In NeurIPS.", "smith"),
])
def test_irish_and_scottish_prefixes_are_of_the_family_name(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author


@pytest.mark.parametrize("name, bib, key", [
    # a name as arXiv and Semantic Scholar give it, given name first, to references.bib and its citekey
    ("Oisin Mac Aodha", "Mac Aodha, Oisin", "macaodha2019presence"),
    ("Diarmuid Ó Séaghdha", "Ó Séaghdha, Diarmuid", "oseaghdha2019presence"),
    ("Sinéad Ní Bhriain", "Ní Bhriain, Sinéad", "nibhriain2019presence"),
    ("Kim O Smith", "Smith, Kim O", "smith2019presence"),
    ("Mac Smith", "Smith, Mac", "smith2019presence"),
    # an organisation is braced whole and keyed whole
    ("Google DeepMind", "{Google DeepMind}", "googledeepmind2019presence"),
    ("Hugging Face", "{Hugging Face}", "huggingface2019presence"),
    ("Microsoft Azure", "{Microsoft Azure}", "microsoftazure2019presence"),
    # ... a workshop or a community named as the author, a phrase's small word between capitals
    ("BigScience Workshop", "{BigScience Workshop}", "bigscienceworkshop2019presence"),
    ("PyTorch Contributors", "{PyTorch Contributors}", "pytorchcontributors2019presence"),
    ("National Center for Biotechnology Information", "{National Center for Biotechnology Information}",
     "nationalcenterforbiotechnologyinformation2019presence"),
    ("Papers with Code", "{Papers with Code}", "paperswithcode2019presence"),
    # (never a person's particles, nor a family name a word of organisations' names may be)
    ("Jean de la Fontaine", "de la Fontaine, Jean", "delafontaine2019presence"),
    ("Sophie in 't Veld", "in 't Veld, Sophie", "intveld2019presence"),
    ("Fernando de la Torre y Sánchez", "de la Torre y Sánchez, Fernando", "delatorreysanchez2019presence"),
    ("Julia Center", "Center, Julia", "center2019presence"),
    ("Emma Strubell", "Strubell, Emma", "strubell2019presence"),
])
def test_names_written_to_references_bib_and_their_keys(name: str, bib: str, key: str) -> None:
    from kb.sources.citekey import base_key
    from kb.text.names import to_bibtex_name
    assert to_bibtex_name(name) == bib
    assert base_key([name], 2019, "Presence-only priors") == key
    assert base_key([bib], 2019, "Presence-only priors") == key


@pytest.mark.parametrize("text, author", [
    ("Google DeepMind. 2023. Gemini: A family of highly capable multimodal models. arXiv preprint arXiv:2312.11805.",
     "googledeepmind"),
    ("Google DeepMind (2024). Gemini 1.5: Unlocking multimodal understanding. arXiv:2403.05530.", "googledeepmind"),
    ('[3] Google DeepMind, "Gemini: A family of highly capable multimodal models," arXiv:2312.11805, 2023.',
     "googledeepmind"),
    ("Hugging Face. 2023. Open LLM leaderboard.", "huggingface"),
    ("Google Brain. 2017. Tensor2Tensor library. GitHub repository.", "googlebrain"),
    ("Gemini Team, Google DeepMind. 2023. Gemini: A family of highly capable multimodal models. arXiv:2312.11805.",
     "geminiteam"),
    # one family name twice is a firm's, whatever the work is in
    ("Johnson & Johnson. 2020. Health for humanity report. Journal of Corporate Citizenship, 5(2), 1-10.",
     "johnsonandjohnson"),
    ("Johnson and Johnson (2020) Health for humanity report. J Corp Citizensh 5(2):1-10", "johnsonandjohnson"),
    # (two people of one family name have their initials; two names in a journal stay two people)
    ("Johnson, A. and Johnson, B. 2020. Health for humanity report. Journal of Corporate Citizenship, 5(2), 1-10.",
     "johnson"),
    ("Bender and Koller. 2020. Climbing towards NLU. In ACL.", "bender"),
])
def test_organisations_keyed_whole(text: str, author: str) -> None:
    assert parse_entry(text).first_author == author


_SHORT_PAPER = [
    "Beyond Summarization: Writing Tasks\nWe study writing.",
    "Shen, et al.\nSeveral studies have shown things (Head et al., 2020), as in\narXiv preprint arXiv:1706.03761.",
    "Beyond Summarization: Writing Tasks\nREFERENCES\n"
    "[1] Emma Strubell, Ananya Ganesh, and Andrew McCallum. 2019. Energy and policy considerations for deep\n"
    "learning in NLP. In Proceedings of ACL. arXiv preprint arXiv:1906.02243.\n"
    "[2] Andrew Head, Kyle Lo, Dongyeop Kang, Raymond Fok, Sam Skjonsberg, Daniel S.\n"
    "Weld, and Marti A. Hearst. 2020. Augmenting Scientific Papers with Just-in-Time,",
    "Shen, et al.\nPosition-Sensitive Definitions of Terms and Symbols. Proceedings of the 2021 CHI Conference on\n"
    "Human Factors in Computing Systems (2020).\n"
    "[3] Ashish Vaswani and Noam Shazeer. 2017. Attention is all you need. In NeurIPS.\n"
    "arXiv preprint arXiv:1706.03762.",
]


def test_a_header_on_every_other_page_of_a_short_paper_leaves_the_entry_it_splits() -> None:
    # (the corpus' arxiv-2304.02623v1: 'Shen, et al.' atop its second and fourth pages of four)
    from kb.text.refs import find_references
    entries = find_references(_SHORT_PAPER)
    assert [e.title for e in entries] == [
        "Energy and policy considerations for deep learning in NLP",
        "Augmenting Scientific Papers with Just-in-Time, Position-Sensitive Definitions of Terms and Symbols",
        "Attention is all you need"]
    # a reference's line at the edge of a page is kept when another page's edge differs from it in a digit
    assert [e.arxiv_id for e in entries] == ["1906.02243", None, "1706.03762"]



@pytest.mark.parametrize("text, author, year, title", [
    # a book's edition after a comma is not of its title, as APA's '(2nd ed.)' is not
    ("Daniel Jurafsky and James H. Martin. 2009. Speech and Language Processing, 2nd edition. Prentice Hall.",
     "jurafsky", 2009, "Speech and Language Processing"),
    ("Christopher M. Bishop. 2006. Pattern Recognition and Machine Learning, 2nd ed. Springer.", "bishop", 2006,
     "Pattern Recognition and Machine Learning"),
    ("Russell, S., & Norvig, P. (2010). Artificial intelligence: A modern approach, third edition. Prentice Hall.",
     "russell", 2010, "Artificial intelligence: A modern approach"),
    ("D. Jurafsky and J. H. Martin, Speech and Language Processing, 3rd ed. draft, 2023.", "jurafsky", 2023,
     "Speech and Language Processing"),
    ("Jurafsky, D., & Martin, J. H. (2009). Speech and language processing (2nd ed.). Prentice Hall.", "jurafsky",
     2009, "Speech and language processing"),
    # (a title about editions keeps its words)
    ("Smith, J. (2019). The second edition of things. Journal of Things, 5, 1-10.", "smith", 2019,
     "The second edition of things"),
    ("Smith, J. (2019). Notes on the revised edition. Journal of Things, 5, 1-10.", "smith", 2019,
     "Notes on the revised edition"),
])
def test_a_books_edition_after_its_title(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


_NUMBERED_WORKS = [
    ("craswell2020overview", "Overview of the TREC 2019 deep learning track", 2020, "Craswell"),
    ("smith1990neural", "Neural networks, part I", 1990, "Smith"),
    ("touvron2023llama", "Llama 2: Open Foundation and Fine-Tuned Chat Models", 2023, "Touvron"),
    ("openai2020gpt", "GPT-3 technical report on language models", 2020, "OpenAI"),
    ("strubell2019energy", "Energy and policy considerations for deep learning in NLP", 2019, "Strubell"),
]


@pytest.mark.parametrize("text, linked", [
    # a title that reads as one here but numbers another work links to nothing: another year's track,
    # another part, another version of a model
    ("Craswell, N., Mitra, B., Yilmaz, E., & Campos, D. (2021). Overview of the TREC 2020 deep learning track. "
     "arXiv preprint.", None),
    ("Smith, J. 1991. Neural networks, part II. IEEE Transactions on Neural Networks 2(1):4-27.", None),
    ("Touvron, H., et al. (2023). Llama 3: Open Foundation and Fine-Tuned Chat Models. Report.", None),
    ("OpenAI (2021). GPT-4 technical report on language models. Report.", None),
    ("Strubell, E. (2020). Energy and policy considerations for deep learning in NLP, part 2. In ACL.", None),
    # ... the work it numbers does, and a year the list read into the title is no number of the work
    ("Craswell, N., Mitra, B., Yilmaz, E., & Campos, D. (2020). Overview of the TREC 2019 deep-learning track. "
     "arXiv preprint.", "craswell2020overview"),
    ("Smith, J. 1990. Neural networks, part I. IEEE Transactions on Neural Networks 1(1):4-27.", "smith1990neural"),
    ("Touvron, H., et al. (2023). Llama 2: Open foundation and fine-tuned chat models. Report.", "touvron2023llama"),
    ("Strubell, E., Ganesh, A., & McCallum, A. 2019. Energy and policy considerations for deep learning in NLP "
     "2019. In ACL.", "strubell2019energy"),
])
def test_a_title_numbering_another_work_links_to_nothing(text: str, linked: str | None) -> None:
    from kb.text.refs import PaperIndex, PaperInfo
    index = PaperIndex([PaperInfo(k, title=t, year=y, first_author=a) for k, t, y, a in _NUMBERED_WORKS])
    entry = parse_entry(text)
    for loose in (False, True):         # a PDF's list, and a note's references
        found = index.explain(entry, loose=loose).resolution
        assert (found.citekey if found else None) == linked


def test_each_of_two_numbered_works_links_to_its_own():
    # where both are here, each reference still links to its own
    from kb.text.refs import PaperIndex, PaperInfo
    index = PaperIndex([PaperInfo(k, title=t, year=y, first_author=a) for k, t, y, a in _NUMBERED_WORKS]
                       + [PaperInfo("craswell2021overview", title="Overview of the TREC 2020 deep learning track",
                                    year=2021, first_author="Craswell")])
    for year, key in ((2020, "craswell2020overview"), (2021, "craswell2021overview")):
        entry = parse_entry(f"Craswell, N., & Mitra, B. ({year}). Overview of the TREC {year - 1} deep learning track.")
        assert index.resolve(entry).citekey == key


@pytest.mark.parametrize("a, b, years, agree", [
    ("Overview of the TREC 2020 deep learning track", "Overview of the TREC 2019 deep learning track", (2021, 2020),
     False),
    ("Neural networks, part II", "Neural networks, part I", (1991, 1990), False),
    ("GPT-4 technical report", "GPT-3 technical report", (2023, 2020), False),
    ("Report 2019", "Report 2020", (2019, 2020), False),
    ("Energy, part 2", "Energy", (2020, 2019), False),
    ("Attention is all you need 2017", "Attention is all you need", (2017, 2017), True),
    ("S2ORC: the corpus", "S2ORC: The Corpus", (2020, 2020), True),
    ("What I learned from BERT", "What I learned from BERT", (2020, 2020), True),
    ("II: The sequel", "III: The sequel", (2020, 2020), False),
])
def test_numbers_agree(a: str, b: str, years: tuple[int, int], agree: bool) -> None:
    from kb.text.titles import normalise_title, numbers_agree
    assert numbers_agree(normalise_title(a), normalise_title(b), *years) is agree


@pytest.mark.parametrize("text, title", [
    # the language a title is printed in, after it or its translation, is not of it
    ("Ivanov, I. (2020). Glubokoe obuchenie [Deep learning] (in Russian). Moscow: Nauka.", "Glubokoe obuchenie"),
    ("Wang, X. (2019). Research on energy consumption of deep learning (in Chinese). Journal of Software, 30(5), "
     "1-10.", "Research on energy consumption of deep learning"),
    ("Ivanov II. Glubokoe obuchenie [Deep learning] (In Russ.). Vestnik. 2020;5:1-10.", "Glubokoe obuchenie"),
    ("Müller, H. (2018). Maschinelles Lernen in der Praxis [Machine learning in practice]. Berlin: Springer.",
     "Maschinelles Lernen in der Praxis"),
    # (a title's own words in brackets stay)
    ("Smith, J. (2019). Machine learning (in Python). Journal of Things, 5, 1-10.", "Machine learning (in Python)"),
    ("Smith, J. (2019). Writing (in English) for scientists. Journal of Things, 5, 1-10.",
     "Writing (in English) for scientists"),
])
def test_the_language_of_a_title_is_not_of_it(text: str, title: str) -> None:
    assert parse_entry(text).title == title


@pytest.mark.parametrize("a, b", [
    # a number printed apart from its word or joined to it is one number
    ("Llama 2: Open foundation and fine-tuned chat models", "Llama2: Open Foundation and Fine-Tuned Chat Models"),
    ("Language models are few-shot learners (GPT 3)", "Language Models are Few-Shot Learners (GPT-3)"),
    ("Estimating the carbon footprint of BLOOM, a 176 B parameter language model",
     "Estimating the Carbon Footprint of BLOOM, a 176B Parameter Language Model"),
])
def test_numbers_agree_however_printed(a: str, b: str) -> None:
    from kb.text.titles import normalise_title, numbers_agree
    assert numbers_agree(normalise_title(a), normalise_title(b), 2023, 2023)
