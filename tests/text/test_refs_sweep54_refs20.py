"""kb.text.refs.parse_entry on entries whose work's own title is not printed, the book or proceedings it is in and its
editors where the title would be ('Smith, A. (2019). In K. Lee (Ed.), Handbook of parsing (pp. 1-10).', 'In: Lee, K.
(eds.) Handbook ...', 'In Handbook, edited by K. Lee', 'In J. Smith (Hrsg.), Handbuch', '(Ed-' 's.)' and '(Eds.' ')'
broken at a line's end): no title, never the editors' names nor their book as the work's; a title that opens with
'In' and an editors' container after it keeps its title."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text", [
    "Smith, A. (2019). In K. Lee (Ed.), Handbook of parsing (pp. 1-10). Springer.",
    "Smith, A. (2019). In K. Lee & M. Park (Eds.), Handbook of parsing (pp. 1-10). Springer.",
    "Smith, A. (2019). In K. Lee & M. Park (Eds.\n), Handbook of parsing (pp. 1-10). Springer.",
    "Smith, A. (2019). In K. Lee & M. Park (Ed-\ns.), Handbook of parsing (pp. 1-10). Springer.",
    "Smith, A. 2019. In K. Lee and M. Park, editors, Handbook of Parsing, pages 1-10. Springer.",
    "Smith, A. 2019. In Handbook of Parsing, edited by K. Lee, 1-10. Springer.",
    "Smith, A. (2019). In J. Schmidt (Hrsg.), Handbuch der Linguistik (S. 1-10). Springer.",
    "Smith, A.: In: Lee, K. (ed.) Handbook of Parsing, pp. 1-10. Springer (2019)",
    "Smith, A.: In: Lee, K., Park, M. (eds.) Handbook of Parsing. LNCS, vol. 1234, pp. 1-10. Springer (2019)",
    "Smith, A. (2019). In: Proceedings of ACL, pp. 1-10.",
    "Smith, A. 2019. In Y. Chiaramella, ed., Proceedings of SIGIR, pp. 13-29.",
    "Doe, J. (2021). In R. Roe (Editor), Advances in Parsing, 3-9. MIT Press.",
])
def test_editors_and_their_book_in_the_title_s_place_are_no_title(text):
    entry = parse_entry(text)
    assert entry.title is None, entry.title
    assert entry.year in (2019, 2021) and entry.first_author in ("smith", "doe")


@pytest.mark.parametrize("text, title", [
    ("Smith, A. (2019). In defense of parsing. In K. Lee (Ed.), Handbook of parsing (pp. 1-10). Springer.",
     "In defense of parsing"),
    ("Smith, A. 2019. In search of meaning. In K. Lee and M. Park, editors, Handbook of Parsing, pages 1-10.",
     "In search of meaning"),
    ("Smith, A. 2019. In vivo parsing? In: Lee, K. (ed.) Handbook of Parsing, pp. 1-10. Springer.", "In vivo parsing?"),
    ("Smith, A. 2019. In praise of editors, a history. Journal of Publishing 3: 1-10.",
     "In praise of editors, a history"),
    ("Smith, A. 2019. In the wild: Parsing edited by machines. Journal of Publishing 3: 1-10.",
     "In the wild: Parsing edited by machines"),
    ("Smith, A. (2019). Inference in graphs. In K. Lee (Ed.), Handbook of parsing (pp. 1-10). Springer.",
     "Inference in graphs"),
    ("Garcia, P. (2017). Neural methods for text. In: R. Jones (Ed.), Advances in NLP, pp. 100-120. MIT Press.",
     "Neural methods for text"),
    ("Miller, G. A. 1995. WordNet: a lexical database. In Speech and Language, edited by C. Fellbaum, 11-20.",
     "WordNet: a lexical database"),
    ("Fellbaum, C. (Ed.). (1998). WordNet: An electronic lexical database. MIT Press.",
     "WordNet: An electronic lexical database"),
])
def test_a_title_before_its_editors_container_is_kept(text, title):
    assert parse_entry(text).title == title


# Harvard's title with no quotes, then its publisher or periodical after a comma, then the place or the day of the month
@pytest.mark.parametrize("text, title", [
    ("Smith, J. (2020) Global IT Outlook, Ernst & Young, London.", "Global IT Outlook"),
    ("Smith, J. (2020) Global IT Outlook, McKinsey & Company, London.", "Global IT Outlook"),
    ("Smith, J. (2020) Global IT Outlook, Deloitte, London.", "Global IT Outlook"),
    ("Smith, J. (2020) Global IT Outlook, Oxford University Press, Oxford.", "Global IT Outlook"),
    ("Smith, J. (2020) Global IT Outlook, Ernst & Young, Santa Clara, CA.", "Global IT Outlook"),
    ("Brown, A. and Green, B. (2020) Making sense of it, Ernst & Young, London.", "Making sense of it"),
    ("Smith, J. (2019) Learning, Memory and Cognition, Wiley, London.", "Learning, Memory and Cognition"),
    ("Smith, J. (2019) Why AI needs ethics, Fast Company, 3 March.", "Why AI needs ethics"),
    ("Smith, J. (2019) Why AI needs ethics, The Guardian, 3rd March.", "Why AI needs ethics"),
    ("Smith, J. (2019) Why AI needs ethics, Forbes, March 3.", "Why AI needs ethics"),
    # a title's own last words before the place, or before a date no name precedes, stay
    ("Smith, J. (2019) Learning, Memory and Cognition, London.", "Learning, Memory and Cognition"),
    ("Smith, J. (2019) Deep Learning for Vision, Memory and Cognition, London.",
     "Deep Learning for Vision, Memory and Cognition"),
    ("Smith, J. (2019) A walk in Soho, London.", "A walk in Soho"),
    ("Smith, J. (2019) Remember, remember, 5 November.", "Remember, remember, 5 November"),
    ("Smith, J. (2019) Why AI needs ethics, the untold story, 3 March.", "Why AI needs ethics, the untold story, 3 March"),
    # ... and a publisher after the title's full stop was never in it
    ("Smith, J. (2020) Global IT Outlook. Ernst & Young, London.", "Global IT Outlook"),
    ("[7] J. Smith, Global IT outlook, Ernst & Young, London, 2020.", "Global IT outlook"),
])
def test_a_publisher_or_periodical_before_the_place_or_day_is_no_part_of_the_title(text, title):
    assert parse_entry(text).title == title


# the ACL Anthology's DOIs (10.18653/v1/<id>) are of the events ACL publishes; the papers it hosts of events another
# publisher publishes have none of them (LREC's are ELRA's, RANLP's are 10.26615/...)
@pytest.mark.parametrize("acl_id, doi", [
    ("2020.lrec-1.155", None),
    ("2022.lrec-1.1", None),
    ("2021.ranlp-1.3", None),
    ("2020.paclic-1.2", None),
    ("2021.rocling-1.4", None),
    ("2020.jeptalnrecital-taln.1", None),
    ("L18-1001", None),
    ("R19-1001", None),
    ("Y18-1001", None),
    ("P02-1040", None),
    ("2020.acl-main.207", "10.18653/v1/2020.acl-main.207"),
    ("2020.coling-main.86", "10.18653/v1/2020.coling-main.86"),
    ("2020.findings-emnlp.261", "10.18653/v1/2020.findings-emnlp.261"),
    ("P19-1355", "10.18653/v1/p19-1355"),
    ("N18-2097", "10.18653/v1/n18-2097"),
    ("W18-5401", "10.18653/v1/w18-5401"),
])
def test_the_anthology_s_doi_only_of_the_events_acl_publishes(acl_id, doi):
    from kb.text.ids import acl_doi

    assert acl_doi(acl_id) == doi


@pytest.mark.parametrize("text, doi", [
    ("Don Tuggener, Pius von Däniken, Thomas Peetz, and Mark Cieliebak. LEDGAR: A large-scale multi-label corpus. In "
     "Proceedings of LREC, pages 1235-1241, May 2020. URL https://aclanthology.org/2020.lrec-1.155.", None),
    ("Jane Doe. 2018. A corpus of things. In Proceedings of LREC 2018. http://www.aclweb.org/anthology/L18-1001", None),
    ("Jane Doe. 2020. A study of things. In Proceedings of ACL. https://aclanthology.org/2020.acl-main.207.",
     "10.18653/v1/2020.acl-main.207"),
])
def test_an_entry_s_anthology_link_gives_only_a_doi_the_anthology_registers(text, doi):
    assert parse_entry(text).doi == doi


# a work with no author as natbib's author-year styles print it, its title before the year and its publisher,
# periodical or address after: no author, the title the first sentence (never the publisher's name as the title)
@pytest.mark.parametrize("text, title", [
    ("Why AI needs ethics. 2019. Fast Company.", "Why AI needs ethics"),
    ("Energy use in data centres. 2020. The Guardian.", "Energy use in data centres"),
    ("Global AI adoption index. 2022. IBM Corporation.", "Global AI adoption index"),
    ("The state of AI ethics report. 2020. Montreal AI Ethics Institute.", "The state of AI ethics report"),
    ("Measuring the carbon footprint of machine learning models. 2021. Technical report, Google.",
     "Measuring the carbon footprint of machine learning models"),
    ("Llama 2 model card. 2023. https://github.com/facebookresearch/llama.", "Llama 2 model card"),
])
def test_a_title_before_the_year_with_no_author_is_the_title(text, title):
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (None, title)


@pytest.mark.parametrize("text, key, title", [
    ("Anyone at all. 2020. A study of things. Journal of Stuff.", "anyoneatall", "A study of things"),
    ("Ludwig van der Maaten and Geoffrey Hinton. 2008. Visualizing data using t-SNE. JMLR.", "vandermaaten",
     "Visualizing data using t-SNE"),
    ("Our World in Data. 2023. Energy production and consumption. https://ourworldindata.org/energy.",
     "ourworldindata", "Energy production and consumption"),
    ("HSBC Holdings plc (2022). Annual report and accounts 2022. London.", "hsbcholdings",
     "Annual report and accounts 2022"),
    ("Scikit-learn developers. 2023. Scikit-learn user guide.", "scikitlearndevelopers", "Scikit-learn user guide"),
    ("OpenAI. 2023. GPT-4 technical report. arXiv preprint arXiv:2303.08774.", "openai", "GPT-4 technical report"),
    ("Jane Doe. 2019. Energy of models. Fast Company.", "doe", "Energy of models"),
])
def test_names_before_the_year_stay_names(text, key, title):
    entry = parse_entry(text)
    assert (entry.first_author, entry.title) == (key, title)
