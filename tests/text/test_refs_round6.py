"""Reference entries, round 6: a title closing on a one-letter word before its journal, family
names of two words (Spanish, Portuguese, Catalan) written first, a pair of family names joined by
'and', and styles not met before (APA 7, Chicago, IEEE, Vancouver, Nature, ACM, arXiv-only entries,
organisations, editors, book chapters). The works are real ones, printed as each style prints them."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, author, year, title", [
    # a Roman numeral or a letter closes the title, the journal and its volume follow
    ("Turing, A. M. (1950). Computing Machinery and Intelligence I. Mind, 59(236), 433-460.",
     "turing", 1950, "Computing Machinery and Intelligence I"),
    ("Smith, J. 1990. Neural networks, part I. IEEE Transactions on Neural Networks 1(1):4-27.",
     "smith", 1990, "Neural networks, part I"),
    ("Smith J. Neural networks, part V. IEEE Trans. Neural Netw. 1990;1(1):4-27.", "smith", 1990,
     "Neural networks, part V"),
    ("Hodgkin, A. L., & Huxley, A. F. (1952). Currents carried by sodium and potassium ions through the "
     "membrane of the giant axon of Loligo I. The Journal of Physiology, 116(4), 449-472.", "hodgkin", 1952,
     "Currents carried by sodium and potassium ions through the membrane of the giant axon of Loligo I"),
    ("Shannon, C. E. (1948). A mathematical theory of communication I. Bell System Technical Journal, "
     "27(3), 379-423.", "shannon", 1948, "A mathematical theory of communication I"),
    ("Smith, J. (2020). Studies of Vitamin C. Nutrition Reviews, 5, 1-10.", "smith", 2020, "Studies of Vitamin C"),
    ("Alan Smith. 2020. Neural networks, part X. Neural Computation, 5(2):1-10.", "smith", 2020,
     "Neural networks, part X"),
    # ... or a book's publisher
    ("Smith, J. (2020). Plan B. MIT Press.", "smith", 2020, "Plan B"),
    ("John Smith. 2020. Neural networks, Part I. Oxford University Press, Oxford.", "smith", 2020,
     "Neural networks, Part I"),
    ("Smith, J. (2020). Neural networks, Part II. Springer-Verlag, Berlin.", "smith", 2020, "Neural networks, Part II"),
    # ... an initial of a name inside a title does not: its family name follows, then the title goes on
    ("Smith, J. (2020). Letters of John F. Kennedy. Oxford University Press.", "smith", 2020,
     "Letters of John F. Kennedy"),
    ("Smith, J. (2020). On the A. Press theorem. Journal of Things.", "smith", 2020, "On the A. Press theorem"),
    ("Smith, J. (2020). Letters of John F. Kennedy and Robert F. Kennedy. Journal of History, 5(2), 1-10.",
     "smith", 2020, "Letters of John F. Kennedy and Robert F. Kennedy"),
    ("Smith, J. (2020). On the work of A. M. Turing. Journal of History, 5(2), 1-10.", "smith", 2020,
     "On the work of A. M. Turing"),
    ("Smith, J. (2020). The life of John F. Kennedy. Journal of History, 5(2), 1-10.", "smith", 2020,
     "The life of John F. Kennedy"),
    ("Smith, J. (2020). The legacy of John F. Kennedy in 1963 politics. Journal of History, 5, 1-10.", "smith",
     2020, "The legacy of John F. Kennedy in 1963 politics"),
])
def test_a_title_closing_on_one_letter_before_its_journal(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, bib", [
    # Vancouver prints the family name whole before its initials, whatever its words
    ("Ortiz Suárez PJ, Sagot B, Romary L. Asynchronous pipeline for processing huge corpora. CMLC-7. 2019.",
     "Ortiz Suárez, Pedro Javier"),
    ("García Márquez G, Smith J. A study of magical realism in corpora. J Things. 2019;5:1-10.",
     "García Márquez, Gabriel"),
    ("dos Santos Silva A, Pereira C. Deep learning for Portuguese named entity recognition. PROPOR. 2018.",
     "dos Santos Silva, Ana"),
    ("Van Nguyen MT, Le H. A Vietnamese dataset for question answering. J AI. 2021;3:1-10.", "Van Nguyen, Minh Tran"),
    # ... and inverted with a given name of one word or initials
    ("García Márquez, Gabriel. 1967. Cien años de soledad. Buenos Aires: Sudamericana.", "García Márquez, Gabriel"),
    ("Sánchez-Vicario, Arantxa, and John Smith. 2005. The tennis book of doubles. London: Penguin.",
     "Sánchez-Vicario, Arantxa"),
    ("dos Santos Silva, Ana, and Carlos Pereira. 2018. Deep learning for Portuguese named entity recognition. "
     "In PROPOR.", "dos Santos Silva, Ana"),
    ("Ortiz Suárez, P. J., Sagot, B., & Romary, L. (2019). Asynchronous pipeline for processing huge corpora. "
     "In CMLC-7.", "Ortiz Suárez, Pedro Javier"),
    # ... in capitals before a comma (ABNT and other European lists), the particle after the given name or not
    ("ORTIZ SUÁREZ, Pedro Javier; SAGOT, Benoît; ROMARY, Laurent. Asynchronous pipeline for processing huge "
     "corpora. In: Proceedings of CMLC-7. 2019. p. 9-16.", "Ortiz Suárez, Pedro Javier"),
    ("VAN DER WALT, Stéfan; COLBERT, S. Chris. The NumPy array. Computing in Science & Engineering, v. 13, n. 2, "
     "p. 22-30, 2011.", "van der Walt, Stéfan"),
    ("SANTOS, Ana dos; SILVA, Carlos. Deep learning em português. Revista Brasileira, v. 5, p. 1-10, 2018.",
     "Santos, Ana dos"),
    ("NGUYEN Van An, TRAN Thi Bich. 2020. Deep learning for Vietnamese text classification. Journal of AI.",
     "Nguyen, Van An"),
    # ... a list given name first with 'et al.' is as ambiguous as without ('Emma Strubell, Ananya Ganesh, et al.')
    ("Emma Strubell, Ananya Ganesh, et al. 2019. Energy and policy considerations for deep learning in NLP. In ACL.",
     "Emma Strubell"),
    # (not the initials or a given name after them: 'Kind AJH', 'Amy JH Kind')
    ("Amy JH Kind, Smith JR. Neighborhood disadvantage and readmission. Ann Intern Med. 2014;161(11):765-74.",
     "Amy J. H. Kind"),
])
def test_a_family_name_of_more_words_before_its_given_names(text: str, bib: str) -> None:
    from kb.text.names import first_author_key
    assert parse_entry(text).first_author == first_author_key([bib])


_CHICAGO = [
    "Ortiz Suárez, Pedro Javier, Benoît Sagot, and Laurent Romary. 2019. Asynchronous pipeline for processing "
    "huge corpora on medium to low resource infrastructures. In Proceedings of CMLC-7, 9-16.",
    "Strubell, Emma, Ananya Ganesh, and Andrew McCallum. 2019. Energy and policy considerations for deep "
    "learning in NLP. In Proceedings of ACL, 3645-3650.",
    "Turing, Alan M. 1950. Computing machinery and intelligence. Mind 59 (236): 433-460.",
    "Van Nguyen, Minh Tran, and Bo Chen. 2020. Deep learning for Vietnamese text. In Proceedings of ACL.",
    "Vaswani, Ashish, Noam Shazeer, and Niki Parmar. 2017. Attention is all you need. In Advances in NeurIPS.",
]
_ACL = [
    "Ortiz Suárez, Pedro Javier, Benoît Sagot, and Laurent Romary. 2019. Asynchronous pipeline for processing "
    "huge corpora on medium to low resource infrastructures. In Proceedings of CMLC-7, 9-16.",
    "Emma Strubell, Ananya Ganesh, and Andrew McCallum. 2019. Energy and policy considerations for deep learning "
    "in NLP. In Proceedings of ACL, 3645-3650.",
    "Alan M. Turing. 1950. Computing machinery and intelligence. Mind 59 (236): 433-460.",
    "Van Nguyen, Minh Tran, and Bo Chen. 2020. Deep learning for Vietnamese text. In Proceedings of ACL.",
    "Ashish Vaswani and Noam Shazeer. 2017. Attention is all you need. In Advances in NeurIPS.",
]


@pytest.mark.parametrize("body, lines, keys", [
    # a list that inverts its first authors: the words before the comma are the family name
    ("Some text.", _CHICAGO, ["ortizsuarez", "strubell", "turing", "vannguyen", "vaswani"]),
    # ... an organisation or two among them ('World Bank. 2020.' reads as a name given name first)
    ("Some text.", [*_CHICAGO, "World Bank. 2020. World Development Report 2020. Washington, DC: World Bank.",
                    "Wolf, Thomas, Lysandre Debut, and Victor Sanh. 2020. Transformers. In Proceedings of EMNLP."],
     ["ortizsuarez", "strubell", "turing", "vannguyen", "vaswani", "worldbank", "wolf"]),
    # a list that names them given name first says nothing of it ...
    ("Some text.", _ACL, ["suarez", "strubell", "turing", "nguyen", "vaswani"]),
    # ... but the paper's citation of them does, of each name it cites so
    ("As Ortiz Suárez et al. (2019) and Van Nguyen (2020) show.", _ACL,
     ["ortizsuarez", "strubell", "turing", "vannguyen", "vaswani"]),
    ("Corpora are large (Ortiz Suárez, 2019).", _ACL, ["ortizsuarez", "strubell", "turing", "nguyen", "vaswani"]),
    ("As Suárez et al. and Nguyen et al. show.", _ACL, ["suarez", "strubell", "turing", "nguyen", "vaswani"]),
    # (a list's name before its year is no citation: 'Benoît Sagot and Pedro Javier Ortiz Suárez, 2020.')
    ("Some text.", [*_ACL, "Benoît Sagot and Pedro Javier Ortiz Suárez, 2020. Another corpus. In LREC."],
     ["suarez", "strubell", "turing", "nguyen", "vaswani", "sagot"]),
])
def test_a_family_name_of_more_words_told_by_the_list_or_the_paper(body: str, lines: list[str],
                                                                  keys: list[str]) -> None:
    from kb.text.refs import find_references
    entries = find_references([f"A paper\n{body}", "\n".join(["References", *lines])])
    assert [e.first_author for e in entries] == keys


_GIVEN_NAMES = [
    "Rhonda Ascierto. 2018. Uptime Institute Global Data Center Survey. Technical report, Uptime Institute.",
    "Dzmitry Bahdanau, Kyunghyun Cho, and Yoshua Bengio. 2015. Neural machine translation by jointly learning to "
    "align and translate. In ICLR.",
    "Bender and Koller. 2020. Climbing towards NLU: On meaning, form, and understanding in the age of data. Report.",
    "Marks and Spencer. 2019. Plan A report 2019. Report.",
    "Thang Luong, Hieu Pham, and Christopher D. Manning. 2015. Effective approaches to attention-based neural "
    "machine translation. In EMNLP.",
    "Ashish Vaswani and Noam Shazeer. 2017. Attention is all you need. In NeurIPS.",
]
_BENDER = "Emily M. Bender, Timnit Gebru, and Angelina McMillan-Major. 2021. On the dangers of stochastic parrots. In FAccT."
_KEYED = ["[Asc18] " + _GIVEN_NAMES[0], "[BCB15] " + _GIVEN_NAMES[1], "[BK20] " + _GIVEN_NAMES[2],
          "[Mar19] " + _GIVEN_NAMES[3], "[LPM15] " + _GIVEN_NAMES[4], "[VS17] " + _GIVEN_NAMES[5]]


@pytest.mark.parametrize("body, lines, keys", [
    # two family names joined by 'and', in a list that names people with given names: one name, nothing said ...
    ("Some text.", _GIVEN_NAMES, ["ascierto", "bahdanau", "benderandkoller", "marksandspencer", "luong", "vaswani"]),
    # ... two people where the list names either with a given name or initials, or the paper cites either
    # with 'et al.' ('Marks and Spencer' stays one name)
    ("Some text.", [*_GIVEN_NAMES[:3], _BENDER, *_GIVEN_NAMES[3:]],
     ["ascierto", "bahdanau", "bender", "bender", "marksandspencer", "luong", "vaswani"]),
    ("Some text.", [*_GIVEN_NAMES, "Koller, D. 2009. Probabilistic graphical models. MIT Press."],
     ["ascierto", "bahdanau", "bender", "marksandspencer", "luong", "vaswani", "koller"]),
    ("As Bender et al. (2021) warn.", _GIVEN_NAMES, ["ascierto", "bahdanau", "bender", "marksandspencer", "luong",
                                                     "vaswani"]),
    # ... or the list's key label spells the two ('[BK20]'; one name gives '[Mar19]')
    ("Some text.", _KEYED, ["ascierto", "bahdanau", "bender", "marksandspencer", "luong", "vaswani"]),
    ("Some text.", [k.replace("[BK20]", "[Ben20]") for k in _KEYED],
     ["ascierto", "bahdanau", "benderandkoller", "marksandspencer", "luong", "vaswani"]),
    # ... or the work is in proceedings, a journal or on arXiv: a firm puts its name to reports, not papers
    ("Some text.", [ln.replace(". Report.", ". In ACL.") if ln.startswith("Bender") else ln for ln in _GIVEN_NAMES],
     ["ascierto", "bahdanau", "bender", "marksandspencer", "luong", "vaswani"]),
    ("Some text.", [*_GIVEN_NAMES, "Patterson and Gonzalez. 2021. Carbon emissions and large neural network "
                    "training. arXiv:2104.10350."],
     ["ascierto", "bahdanau", "benderandkoller", "marksandspencer", "luong", "vaswani", "patterson"]),
    # (a title's 'The Spencer Foundation' names no person)
    ("Some text.", [*_GIVEN_NAMES, "The Spencer Foundation. 2019. Annual report on education grants. Chicago."],
     ["ascierto", "bahdanau", "benderandkoller", "marksandspencer", "luong", "vaswani", "thespencerfoundation"]),
])
def test_two_family_names_joined_by_and_read_by_the_rest_of_the_paper(body: str, lines: list[str],
                                                                     keys: list[str]) -> None:
    from kb.text.refs import find_references
    entries = find_references([f"A paper\n{body}", "\n".join(["References", *lines])])
    assert [e.first_author for e in entries] == keys


_FAMILY_FIRST = [
    "[1] Yamada Taro, Suzuki Hanako. 2019. A study of Japanese parsing. In Proceedings of NLP.",
    "[2] Tanaka Ichiro, Abe Kenji. 2018. Neural machine translation for Japanese. In COLING.",
    "[3] Emma Strubell, Ananya Ganesh. 2019. Energy and policy considerations. In ACL.",
]
_EPA = [
    "Rhonda Ascierto. 2018. Uptime Institute Global Data Center Survey. Technical report, Uptime Institute.",
    "Dzmitry Bahdanau, Kyunghyun Cho, and Yoshua Bengio. 2015. Neural machine translation by jointly learning to "
    "align and translate. In ICLR.",
    "EP A. 2018. Emissions & Generation Resource Integrated Database. Technical report.",
    "EP A. 2023. Greenhouse gas equivalencies calculator. https://www.epa.gov/energy.",
    "Ashish Vaswani and Noam Shazeer. 2017. Attention is all you need. In NeurIPS.",
]


@pytest.mark.parametrize("lines, keys", [
    # a name printed family name first, its words a Japanese family name and a given name in Hepburn's spelling,
    # is keyed on its first word (sweep 51; was its last, 'taro', with nothing else to say so) ...
    (_FAMILY_FIRST, ["yamada", "tanaka", "strubell"]),
    # ... on its first where the list prints that word as a family name, after an initial or before one
    # (and 'Tanaka Ichiro, Abe Kenji' on its first too, its co-author printed 'K. Abe', 'Abe, K.': the entry's order)
    ([*_FAMILY_FIRST, "[4] T. Yamada and K. Abe. 2020. Parsing again. In ACL."],
     ["yamada", "tanaka", "strubell", "yamada"]),
    ([*_FAMILY_FIRST, "[4] Yamada, T., and Abe, K. 2020. Parsing again. In ACL."],
     ["yamada", "tanaka", "strubell", "yamada"]),
    # ... and where the list prints another person of that given name as a family name ('H. Taro')
    ([*_FAMILY_FIRST, "[4] H. Taro and K. Mori. 2020. Parsing again. In ACL."],
     ["yamada", "tanaka", "strubell", "taro"]),
    # an acronym cut at a kerning that one entry's web address spells is spelled so in every entry printed so
    (_EPA, ["ascierto", "bahdanau", "epa", "epa", "vaswani"]),
    ([ln for ln in _EPA if "epa.gov" not in ln], ["ascierto", "bahdanau", "ep", "vaswani"]),
])
def test_a_name_read_by_the_rest_of_the_list(lines: list[str], keys: list[str]) -> None:
    from kb.text.refs import find_references
    entries = find_references(["A paper\nSome text [1].", "\n".join(["References", *lines])])
    assert [e.first_author for e in entries] == keys


@pytest.mark.parametrize("text, author, year, title", [
    # a chapter of one word, its book after it: the word is the title, in any style
    ("Crawford, K. (2021). Earth. In Atlas of AI: Power, politics, and the planetary costs of artificial "
     "intelligence (pp. 23–51). Yale University Press.", "crawford", 2021, "Earth"),
    ('Crawford, Kate. 2021. "Earth." In Atlas of AI, 23–51. New Haven: Yale University Press.', "crawford", 2021,
     "Earth"),
    ('[3] K. Crawford, "Earth," in Atlas of AI. New Haven, CT, USA: Yale Univ. Press, 2021, pp. 23–51.',
     "crawford", 2021, "Earth"),
    ('Crawford, Kate. "Earth." Atlas of AI, Yale University Press, 2021, pp. 23–51.', "crawford", 2021, "Earth"),
    ("Smith, J. (2020). Attention. Nature, 5(2), 1-10.", "smith", 2020, "Attention"),
    # ... not a venue's word, nor a word no book or journal follows
    ("Smith, J. (2020). Proceedings. In ACL.", "smith", 2020, None),
    ("Smith, J. (2020). Attention. Technical report.", "smith", 2020, None),
    # APA's edition and volume after a book's title are not of it
    ("Whitehead, A. N., & Russell, B. (1910). Principia mathematica (Vol. 1). Cambridge University Press.",
     "whitehead", 1910, "Principia mathematica"),
    ("Bishop, C. M. (2006). Pattern recognition and machine learning (2nd ed.). Springer.", "bishop", 2006,
     "Pattern recognition and machine learning"),
    ("Jurafsky, D., & Martin, J. H. (2009). Speech and language processing (2nd ed., Vol. 2). Prentice Hall.",
     "jurafsky", 2009, "Speech and language processing"),
    ("Smith, J. (2009). Learning to learn from data (Rev. ed.). Prentice Hall.", "smith", 2009,
     "Learning to learn from data"),
    # ... a word of the title in brackets is
    ("Smith, J. (2009). The volume (vol) of data. Prentice Hall.", "smith", 2009, "The volume (vol) of data"),
    ("Smith, J. (2009). A review of reviews (Review). Journal of Things.", "smith", 2009,
     "A review of reviews (Review)"),
    # Springer's editors close their names with a colon
    ("Doe, J., Roe, R. (eds.): The Handbook of Artificial Intelligence. MIT Press, Cambridge (2020)", "doe", 2020,
     "The Handbook of Artificial Intelligence"),
    ("Smith, J.: Neural networks. In: Doe, J., Roe, R. (eds.) The Handbook of Artificial Intelligence, pp. 45–67. "
     "MIT Press, Cambridge (2020)", "smith", 2020, "Neural networks"),
    # the styles as they print chapters and edited books
    ("Floridi, L. (2019). Translating principles into practices of digital ethics. In L. Floridi (Ed.), The 2018 "
     "yearbook of the digital ethics lab (pp. 81–90). Springer.", "floridi", 2019,
     "Translating principles into practices of digital ethics"),
    ('Smith, John. 2020. "Neural Networks." In The Handbook of Artificial Intelligence, edited by Jane Doe and '
     "Richard Roe, 45–67. Cambridge, MA: MIT Press.", "smith", 2020, "Neural Networks"),
    ("Smith J. Neural networks. In: Doe J, Roe R, editors. The handbook of artificial intelligence. Cambridge (MA): "
     "MIT Press; 2020. p. 45-67.", "smith", 2020, "Neural networks"),
    ("Doe, Jane, and Richard Roe, eds. 2020. The Handbook of Artificial Intelligence. Cambridge, MA: MIT Press.",
     "doe", 2020, "The Handbook of Artificial Intelligence"),
    ("J. Doe and R. Roe, Eds., The Handbook of Artificial Intelligence. Cambridge, MA, USA: MIT Press, 2020.",
     "doe", 2020, "The Handbook of Artificial Intelligence"),
])
def test_chapters_and_edited_books(text: str, author: str, year: int, title: str | None) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author, year, title", [
    # APA 7: DOIs as addresses, the ellipsis after nineteen authors
    ("Luccioni, A. S., Jernite, Y., & Strubell, E. (2024). Power hungry processing: Watts driving the cost of AI "
     "deployment? In Proceedings of the 2024 ACM Conference on Fairness, Accountability, and Transparency (pp. "
     "85–99). https://doi.org/10.1145/3630106.3658542", "luccioni", 2024,
     "Power hungry processing: Watts driving the cost of AI deployment?"),
    ("Bommasani, R., Hudson, D. A., Adeli, E., Altman, R., Arora, S., von Arx, S., Bernstein, M. S., Bohg, J., "
     "Bosselut, A., Brunskill, E., Brynjolfsson, E., Buch, S., Card, D., Castellon, R., Chatterji, N., Chen, A., "
     "Creel, K., Davis, J. Q., Demszky, D., . . . Liang, P. (2021). On the opportunities and risks of foundation "
     "models. arXiv. https://doi.org/10.48550/arXiv.2108.07258", "bommasani", 2021,
     "On the opportunities and risks of foundation models"),
    # Chicago author-date, IEEE with 'et al.', Vancouver, Nature, ACM
    ('Page, Lawrence, Sergey Brin, Rajeev Motwani, and Terry Winograd. 1999. "The PageRank Citation Ranking: '
     'Bringing Order to the Web." Technical Report 1999-66. Stanford InfoLab.', "page", 1999,
     "The PageRank Citation Ranking: Bringing Order to the Web"),
    ('[2] D. Patterson et al., "Carbon emissions and large neural network training," 2021, arXiv:2104.10350.',
     "patterson", 2021, "Carbon emissions and large neural network training"),
    ("Lo K, Wang LL, Neumann M, Kinney R, Weld DS. S2ORC: The Semantic Scholar Open Research Corpus. In: "
     "Proceedings of ACL 2020. 2020. p. 4969-83.", "lo", 2020, "S2ORC: The Semantic Scholar Open Research Corpus"),
    ("Jumper, J. et al. Highly accurate protein structure prediction with AlphaFold. Nature 596, 583–589 (2021).",
     "jumper", 2021, "Highly accurate protein structure prediction with AlphaFold"),
    ("Alexandra Sasha Luccioni, Yacine Jernite, and Emma Strubell. 2024. Power Hungry Processing: Watts Driving the "
     "Cost of AI Deployment?. In Proceedings of the 2024 ACM Conference on Fairness, Accountability, and "
     "Transparency (Rio de Janeiro, Brazil) (FAccT '24). Association for Computing Machinery, New York, NY, USA, "
     "85–99.", "luccioni", 2024, "Power Hungry Processing: Watts Driving the Cost of AI Deployment?"),
    # arXiv alone, its category after the id; organisations; web pages read on a day
    ("A. S. Luccioni, Y. Jernite, and E. Strubell. Power hungry processing: Watts driving the cost of AI "
     "deployment? arXiv:2311.16863 [cs.LG]", "luccioni", 2023,
     "Power hungry processing: Watts driving the cost of AI deployment?"),
    ("OpenAI. 2023. GPT-4 technical report. arXiv:2303.08774 [cs.CL].", "openai", 2023, "GPT-4 technical report"),
    ("Gemini Team, Google DeepMind. 2023. Gemini: A family of highly capable multimodal models. arXiv preprint "
     "arXiv:2312.11805.", "geminiteam", 2023, "Gemini: A family of highly capable multimodal models"),
    ("International Energy Agency (IEA). 2023. Electricity 2024: Analysis and forecast to 2026. IEA, Paris. "
     "https://www.iea.org/reports/electricity-2024. Accessed 10 March 2024.", "internationalenergyagency", 2023,
     "Electricity 2024: Analysis and forecast to 2026"),
    ("Google. (2023). Environmental report 2023. Retrieved May 1, 2024, from https://sustainability.google/reports/",
     "google", 2023, "Environmental report 2023"),
    ("Meta AI. 2023. Llama 2: Open foundation and fine-tuned chat models. https://ai.meta.com/llama/. Accessed: "
     "2023-09-01.", "metaai", 2023, "Llama 2: Open foundation and fine-tuned chat models"),
    # an organisation, then its title unquoted between commas: a word with a digit is no name's
    ("[12] OpenAI, GPT-4 Technical Report, 2023. URL: https://arxiv.org/abs/2303.08774. arXiv:2303.08774 [cs.CL].",
     "openai", 2023, "GPT-4 Technical Report"),
    ("[13] Google, Environmental Report 2020, 2021. https://sustainability.google/reports", "google", 2021,
     "Environmental Report 2020"),
    ("[14] Smith, John Wesley, 2022. A book of things. Publisher.", "smith", 2022, "A book of things"),
    # APA 7's number of a preprint after its title
    ("Touvron, H., Lavril, T., Izacard, G., & Lample, G. (2023). LLaMA: Open and efficient foundation language "
     "models (arXiv:2302.13971). arXiv. https://doi.org/10.48550/arXiv.2302.13971", "touvron", 2023,
     "LLaMA: Open and efficient foundation language models"),
    # an organisation's name holding commas, its words one by one and the last after 'and'
    ("National Academies of Sciences, Engineering, and Medicine. (2019). Reproducibility and replicability in "
     "science. The National Academies Press. https://doi.org/10.17226/25303",
     "nationalacademiesofsciencesengineeringandmedicine", 2019, "Reproducibility and replicability in science"),
    ("U.S. Department of Health, Education, and Welfare. 1979. The Belmont report. Washington, DC.",
     "usdepartmentofhealtheducationandwelfare", 1979, "The Belmont report"),
    # ... not organisations one after another, nor the place after one
    ("Google Research, Brain Team, and DeepMind. 2020. A report on things. Report.", "googleresearch", 2020,
     "A report on things"),
    ("International Energy Agency, Paris. 2020. Something big here. Report.", "internationalenergyagency", 2020,
     "Something big here"),
    # the AMS's year closed by a colon, after one name as after several
    ("IPCC, 2021: Climate Change 2021: The Physical Science Basis. Cambridge University Press.", "ipcc", 2021,
     "Climate Change 2021: The Physical Science Basis"),
    ("Lorenz, E. N., 1963: Deterministic nonperiodic flow. J. Atmos. Sci., 20, 130–141.", "lorenz", 1963,
     "Deterministic nonperiodic flow"),
    # a work's two years, the original's and the reprint's, or a range: the first is the work's
    ("Turing, A. M. (1950/2009). Computing machinery and intelligence. In Parsing the Turing test (pp. 23–65). "
     "Springer.", "turing", 1950, "Computing machinery and intelligence"),
    ("Turing, A. M. [1950] 2004. Computing machinery and intelligence. In The Essential Turing. Oxford University "
     "Press.", "turing", 1950, "Computing machinery and intelligence"),
    ('Turing, Alan M. (1950) 2009. "Computing Machinery and Intelligence." In Parsing the Turing Test, 23–65. '
     "Dordrecht: Springer.", "turing", 1950, "Computing Machinery and Intelligence"),
    ("Smith, J. 2019–2020. A study over two years. Journal of Things.", "smith", 2019, "A study over two years"),
    # two family names joined by '&', a work in proceedings or a journal: two people; a report: a firm
    ("Bender & Koller. 2020. Climbing towards NLU: On meaning, form, and understanding. In ACL.", "bender", 2020,
     "Climbing towards NLU: On meaning, form, and understanding"),
    ("Bender & Koller (2020) Climbing towards NLU. Comput Linguist 46(2):1-10", "bender", 2020,
     "Climbing towards NLU"),
    ("Ernst & Young. 2019. How artificial intelligence is transforming the energy sector. Report.", "ernstandyoung", 2019,
     "How artificial intelligence is transforming the energy sector"),
])
def test_styles_swept_this_round(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author, title", [
    # no date where the year goes, in brackets or not, after a person or an organisation
    ("Smith J (n.d.) A title of a work. Publisher", "smith", "A title of a work"),
    ("Google. (n.d.). Carbon-free energy. https://sustainability.google/", "google", "Carbon-free energy"),
    ("Google (n.d.) Carbon-free energy. Available at: https://sustainability.google/ (Accessed: 1 May 2024).",
     "google", "Carbon-free energy"),
    ('Google. n.d. "Carbon-Free Energy." Accessed May 1, 2024. https://sustainability.google/.', "google",
     "Carbon-Free Energy"),
    ("Smith, J., & Jones, K. (forthcoming). Work to come. Journal of Things.", "smith", "Work to come"),
    # ... a program's name as its title, its kind and its version by date after it
    ("OpenAI (n.d.) ChatGPT. Available at: https://chat.openai.com (Accessed: 12 December 2023).", "openai",
     "ChatGPT"),
    ("OpenAI. (n.d.). ChatGPT [Large language model]. https://chat.openai.com/chat", "openai", "ChatGPT"),
    # (an organisation's acronym in brackets is no date; a sentence after an organisation no title of it)
    ("International Energy Agency (IEA). 2023. Electricity 2024. Paris.", "internationalenergyagency",
     "Electricity 2024"),
])
def test_no_date_where_the_year_goes(text: str, author: str, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (author, title)
    assert entry.year == (2023 if "2023." in text else None)


def test_a_programs_version_by_date_is_not_of_its_title():
    entry = parse_entry("OpenAI. (2023). ChatGPT (Mar 14 version) [Large language model]. https://chat.openai.com/chat")
    assert (entry.first_author, entry.year, entry.title) == ("openai", 2023, "ChatGPT")


def test_a_harvard_list_with_undated_entries_splits_into_them():
    from kb.text.refs import find_references
    lines = ["Google (n.d.) Carbon-free energy. Available at: https://sustainability.google/ (Accessed: 1 May 2024).",
             "Luccioni, A.S., Jernite, Y. and Strubell, E. (2024) 'Power hungry processing: Watts driving the cost of AI",
             "deployment?', in Proceedings of FAccT. New York: ACM, pp. 85-99.",
             "OpenAI (n.d.) ChatGPT. Available at: https://chat.openai.com (Accessed: 12 December 2023).",
             "Strubell, E., Ganesh, A. and McCallum, A. (2019) 'Energy and policy considerations for deep learning in",
             "NLP', in Proceedings of ACL. Florence: ACL, pp. 3645-3650."]
    entries = find_references(["A paper\nSome text.", "\n".join(["References", *lines])])
    assert [(e.first_author, e.year, e.title) for e in entries] == [
        ("google", None, "Carbon-free energy"),
        ("luccioni", 2024, "Power hungry processing: Watts driving the cost of AI deployment?"),
        ("openai", None, "ChatGPT"),
        ("strubell", 2019, "Energy and policy considerations for deep learning in NLP")]


@pytest.mark.parametrize("text, author, year, title", [
    # a title's abbreviations do not end it: 'vs.', 'v.', 'e.g.' (the corpus' Tkaczyk et al. 2018, as pypdf reads it)
    ("Dominika Tkaczyk, Andrew Collins, Paraic Sheridan, and Joeran Beel. 2018. Machine learning vs. rules and "
     "out-of-the-box vs. retrained: An evaluation of open-source bibliographic reference and citation parsers. "
     "In JCDL.", "tkaczyk", 2018, "Machine learning vs. rules and out-of-the-box vs. retrained: An evaluation of "
     "open-source bibliographic reference and citation parsers"),
    ("Ng AY, Jordan MI. On discriminative vs. generative classifiers. Adv Neural Inf Process Syst. 2002;14:841-8.",
     "ng", 2002, "On discriminative vs. generative classifiers"),
    ("Smith, J. (2019). Brown v. Board of Education revisited. Law Review, 5, 1-10.", "smith", 2019,
     "Brown v. Board of Education revisited"),
    ("Smith, J. (2019). Learning from weak signals, e.g. clicks. In ACL.", "smith", 2019,
     "Learning from weak signals, e.g. clicks"),
    ("Smith, J. (2019). Dr. Strangelove and the bomb. Film Quarterly, 5, 1-10.", "smith", 2019,
     "Dr. Strangelove and the bomb"),
    ("Smith, J. (2019). How Mr. Smith learned to parse. In ACL.", "smith", 2019, "How Mr. Smith learned to parse"),
    # ... 'etc.' may
    ("Smith, J. (2019). Cats, dogs, etc. In ACL.", "smith", 2019, "Cats, dogs, etc"),
    # 'St.' opens a family name, with its stop
    ("St. John M, Smith J. A study of things. J Things. 2019;5:1-10.", "stjohn", 2019, "A study of things"),
    ("St. John, M., & Smith, J. (2019). A study of things. Journal of Things, 5, 1-10.", "stjohn", 2019,
     "A study of things"),
])
def test_abbreviations_inside_titles_and_names(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author, year, title", [
    # IEEE's book: initials, a family name of more words, its comma, the title unquoted
    ("[2] G. García Márquez, Cien años de soledad. Buenos Aires, Argentina: Sudamericana, 1967.", "marquez", 1967,
     "Cien años de soledad"),
    ("[2] A. van den Oord, WaveNet: a generative model for raw audio. arXiv, 2016.", "vandenoord", 2016,
     "WaveNet: a generative model for raw audio"),
    ("[5] Y. LeCun, Y. Bengio, and G. Hinton, Deep learning, Nature 521 (2015) 436-444.", "lecun", 2015,
     "Deep learning"),
    # ... and Springer's colon after the names still ends them
    ("E. Strubell, A. Ganesh, A. McCallum: Energy and policy considerations for deep learning in NLP. In: ACL (2019)",
     "strubell", 2019, "Energy and policy considerations for deep learning in NLP"),
])
def test_ieee_books_after_initials(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


_ACM = """References
[1] Pedro Javier Ortiz Suárez, Benoît Sagot, and Laurent Romary. 2019. Asynchronous pipeline for processing huge
corpora on medium to low resource infrastructures. In Proceedings of CMLC-7. 9–16.
[2] Gabriel García Márquez. 1967. Cien años de soledad. Sudamericana, Buenos Aires.
[3] Alan M. Turing. 1950. Computing machinery and intelligence I. Mind 59, 236 (1950), 433–460.
[4] Emma Strubell, Ananya Ganesh, and Andrew McCallum. 2019. Energy and policy considerations. In ACL.
[5] P. J. Ortiz Suárez and B. Sagot. 2020. Another corpus. In LREC."""


@pytest.mark.parametrize("body, keys", [
    # given name first, a family name of more words is keyed on its last word, as BibTeX keys 'Gabriel García Márquez'
    ("Some text.", ["suarez", "marquez", "turing", "strubell", "suarez"]),
    # ... whole where the paper cites it so
    ("As Ortiz Suárez et al. (2019) and García Márquez (1967) say.",
     ["ortizsuarez", "garciamarquez", "turing", "strubell", "ortizsuarez"]),
    # (a given name and an initial are never of the family name: 'Alan M. Turing', 'M. Turing (1950)')
    ("Turing (1950) and M. Turing (1950) say.", ["suarez", "marquez", "turing", "strubell", "suarez"]),
])
def test_a_family_name_of_more_words_given_name_first_told_by_the_papers_citation(body: str, keys: list[str]) -> None:
    from kb.text.refs import find_references
    assert [e.first_author for e in find_references([f"A paper\n{body}", _ACM])] == keys
