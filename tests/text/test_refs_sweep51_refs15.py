"""Reference strings: firms named after their founders, Japanese names family name first, suffixes in Roman
numerals, a firm's legal form after a name joined by '&'; sweep 51."""

import pytest

from kb.text.names import author_key, is_organisation
from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, key", [
    # a firm named after its founders, its name a person's in form and no person's: keyed whole
    ("Goldman Sachs. 2023. Generative AI could raise global GDP by 7%. Global Economics Analyst.", "goldmansachs"),
    ("Goldman Sachs (2023). The potentially large effects of artificial intelligence on economic growth.",
     "goldmansachs"),
    ("Morgan Stanley. 2023. Generative AI: The next frontier of productivity.", "morganstanley"),
    ("Booz Allen Hamilton. 2015. The Field Guide to Data Science. McLean, VA.", "boozallenhamilton"),
    ("Merrill Lynch. 2019. Thematic investing: Robot revolution. Bank of America.", "merrilllynch"),
    ("Wells Fargo. 2020. Annual Report.", "wellsfargo"),
    ("Lehman Brothers. 2007. Global equity research.", "lehmanbrothers"),
    ("Goldman Sachs Group. 2020. Annual report.", "goldmansachsgroup"),
    # ... never a person of one of its names, inverted or given name first, nor two people
    ("Sachs, G. (2023). The potentially large effects. Economics.", "sachs"),
    ("Jeffrey Sachs and Ann Goldman. 2020. Development economics. Journal of Things.", "sachs"),
    ("Goldman, S., Sachs, J.: A joint paper. In: ACL (2020)", "goldman"),
    ("Ann Goldman. 2020. Development economics. Journal of Things.", "goldman"),
    ("Morgan Stanley Smith. 2020. A paper of a person. Journal of Things.", "smith"),
])
def test_firm_named_after_its_founders_is_keyed_whole(text, key):
    assert parse_entry(text).first_author == key


@pytest.mark.parametrize("name, key", [
    ("Goldman Sachs", "goldmansachs"), ("Booz Allen Hamilton", "boozallenhamilton"),
    # (BibTeX's reading of a person's name stays: a comma, or another name)
    ("Sachs, Goldman", "sachs"), ("Morgan Stanley Smith", "smith"), ("Stanley Morgan", "morgan"),
])
def test_firm_named_after_its_founders_in_references_bib(name, key):
    assert author_key(name) == key
    assert is_organisation(name) == (key == name.replace(" ", "").lower())


@pytest.mark.parametrize("text, key", [
    # a suffix in Roman numerals is no acronym of a body's, nor a family name in capitals, nor Vancouver's initials
    ("Hal Daumé III and Daniel Marcu. 2006. Domain adaptation for statistical classifiers. JAIR, 26:101–126.", "daume"),
    ("Hal Daume III. 2007. Frustratingly easy domain adaptation. In Proceedings of ACL, pages 256–263.", "daume"),
    ("Hal Daumé III, John Langford, and Daniel Marcu. 2009. Search-based structured prediction. Machine Learning.",
     "daume"),
    ("Daniel Marcu and Hal Daumé III. 2006. Domain adaptation. Journal of AI Research.", "marcu"),
    ("Robert Smith III and Ann Lee. 2010. A title of a paper. In Proceedings of ACL.", "smith"),
    ("Ann Lee, Henry Ford II, and Bob Smith. 1990. Memoirs of a title. Random House.", "lee"),
    ("Daumé H III, Marcu D. Domain adaptation for statistical classifiers. J Artif Intell Res. 2006;26:101-26.",
     "daume"),
    # ... and an acronym or initials in capitals are read as before
    ("Stanford HAI. 2023. AI Index Report.", "stanfordhai"),
    ("Smith J, Jones AB, Lee III. Title of paper. BMJ 2020;1:2.", "smith"),
    ("Kenton LEE. 2019. A study of things. In ACL.", "lee"),
    ("Jian LIU, Wei XIE. 2020. A study of things. In ACL.", "liu"),
])
def test_suffix_in_roman_numerals_is_of_the_name(text, key):
    assert parse_entry(text).first_author == key


@pytest.mark.parametrize("text, key", [
    # a firm's name joined by '&' or 'and', then its legal form: the firm, keyed without the form
    ("Marks & Spencer Group plc. 2021. Plan A Report 2021. London: Marks & Spencer.", "marksandspencergroup"),
    ("Johnson & Johnson Services, Inc. 2022. Health for Humanity Report.", "johnsonandjohnsonservices"),
    ("Procter & Gamble Co. 2021. Citizenship Report.", "procterandgamble"),
    ("Ernst & Young LLP (2021). Tax guide for the digital economy. London.", "ernstandyoung"),
    ("Smith & Jones Ltd. 2020. Annual report 2020.", "smithandjones"),
    # ... two people joined by '&' stay two people
    ("Smith, J. & Jones, K. (2020). A title of a paper. Journal of Things, 1, 2.", "smith"),
    ("Emma Strubell & Andrew McCallum. 2019. Energy and policy considerations. In ACL.", "strubell"),
])
def test_firm_joined_by_ampersand_before_its_legal_form(text, key):
    assert parse_entry(text).first_author == key


@pytest.mark.parametrize("text, key", [
    # a list of Japanese names, each a family name first and a given name in Hepburn's spelling after it
    ("Tanaka Hiroshi and Suzuki Kenji. 2018. Japanese dependency parsing revisited. In Proceedings of COLING.",
     "tanaka"),
    ("Tanaka Hiroshi, Yamamoto Kenji. 2019. Neural morphological analysis. Journal of NLP 26(2): 321–340.", "tanaka"),
    ("Sato Yuki and Suzuki Taro. 2020. Subword tokenisation for Japanese. In Proceedings of NLP.", "sato"),
    ("Kato Shin'ichi, Ito Ryouta. 2017. A study of parsing. In Proc. NLP.", "kato"),
    ("Abe Kenji, Mori Yuka, Ohno Daisuke. 2022. A study of parsing. In Proc. NLP.", "abe"),
    ("Wang Xiaoming, Li Hua. 2020. A survey of graph networks. Journal 43(5): 755–780.", "wang"),
    # ... not given names first, nor where a word is no Japanese given name or both words are family names, nor
    # one name alone (which may be either)
    ("Hiroshi Tanaka and Kenji Suzuki. 2018. Japanese dependency parsing revisited. In Proceedings of COLING.",
     "tanaka"),
    ("Kenji Mori, Yuki Sato. 2018. Japanese dependency parsing. In Proceedings of COLING.", "mori"),
    ("Tanaka Hiroshi, Smith John. 2017. A study of parsing. In Proc. NLP.", "hiroshi"),
    ("Mori Ueda and Ito Sato. 2017. A study of parsing. In Proc. NLP.", "ueda"),
    ("Abe Smith and Kato Jones. 2017. A study of parsing. In Proc. NLP.", "smith"),
    ("Tanaka Hiroshi. 2019. One author's study. In Proc NLP.", "hiroshi"),
])
def test_japanese_names_family_name_first(text, key):
    assert parse_entry(text).first_author == key


@pytest.mark.parametrize("text, title", [
    # Chicago's and MLA's names after the first, given first with a middle initial: names, not the title
    ("Maas, Andrew L., Raymond E. Daly, Peter T. Pham, Dan Huang, Andrew Y. Ng, and Christopher Potts. 2011. "
     "“Learning Word Vectors for Sentiment Analysis.” In Proceedings of ACL, 142–50.",
     "Learning Word Vectors for Sentiment Analysis"),
    ("Maas, Andrew L., Raymond E. Daly, and Christopher Potts. 2011. “Learning Word Vectors for Sentiment "
     "Analysis.” In Proceedings of ACL.", "Learning Word Vectors for Sentiment Analysis"),
    ("Maas, Andrew L., and Raymond E. Daly. 2011. “Learning Word Vectors for Sentiment Analysis.” In ACL.",
     "Learning Word Vectors for Sentiment Analysis"),
    ("Maas, Andrew L., Raymond E. Daly, Peter T. Pham, and Christopher Potts. “Learning Word Vectors for Sentiment "
     "Analysis.” ACL, 2011.", "Learning Word Vectors for Sentiment Analysis"),
    ("Brown, Tom B., Benjamin F. Mann, Nick Ryder, and Dario Amodei. 2020. “Language Models Are Few-Shot "
     "Learners.” In Advances in Neural Information Processing Systems 33.", "Language Models Are Few-Shot Learners"),
    ("Hastie, Trevor, Robert Tibshirani, and Jerome H. Friedman. 2009. The Elements of Statistical Learning. 2nd ed. "
     "New York: Springer.", "The Elements of Statistical Learning"),
    ("Radford, Alec, Jeffrey Wu, Rewon Child, David Luan, Dario Amodei, and Ilya Sutskever. 2019. “Language Models "
     "Are Unsupervised Multitask Learners.” OpenAI.", "Language Models Are Unsupervised Multitask Learners"),
    # ... a title after a name its initials close stays the title
    ("Courville, A. Deep Learning. MIT Press, 2016.", "Deep Learning"),
    ("Goodfellow, Ian, Yoshua Bengio, and Aaron C. Courville. Deep Learning. MIT Press, 2016.", "Deep Learning"),
    ("Courville, A., Bengio, Y. Deep Learning, Revisited. MIT Press, 2016.", "Deep Learning, Revisited"),
])
def test_names_given_first_with_a_middle_initial_after_an_inverted_first(text, title):
    e = parse_entry(text)
    assert e.title == title
    assert e.first_author == text.split(",")[0].lower()


_TRUST = "Explaining the predictions of any classifier"
_CASCADES = "Data cascades in high-stakes AI"


@pytest.mark.parametrize("text, title", [
    # a title opening with a quotation, its subtitle after the colon that follows the closing quote
    ("Ribeiro, M. T., Singh, S., & Guestrin, C. (2016). “Why should I trust you?”: " + _TRUST + ". In Proceedings "
     "of the 22nd ACM SIGKDD (pp. 1135–1144).", '"Why should I trust you?": ' + _TRUST),
    ("Marco Tulio Ribeiro, Sameer Singh, and Carlos Guestrin. 2016. \"Why should I trust you?\": " + _TRUST + ". In "
     "Proceedings of KDD, pages 1135–1144.", '"Why should I trust you?": ' + _TRUST),
    ("Ribeiro, M.T., Singh, S., Guestrin, C.: “Why should I trust you?”: " + _TRUST + ". In: KDD, pp. 1135–1144 "
     "(2016)", '"Why should I trust you?": ' + _TRUST),
    ("Sambasivan, N., Kapania, S., & Aroyo, L. M. (2021). \"Everyone wants to do the model work, not the data "
     "work\": " + _CASCADES + ". In Proceedings of CHI '21 (pp. 1–15).",
     '"Everyone wants to do the model work, not the data work": ' + _CASCADES),
    ("Sambasivan N, Kapania S, Highfill H, et al. \"Everyone wants to do the model work, not the data work\": "
     + _CASCADES + ". In: Proceedings of CHI '21. ACM; 2021:1-15.",
     '"Everyone wants to do the model work, not the data work": ' + _CASCADES),
    ("M. T. Ribeiro, S. Singh, and C. Guestrin, \"'Why should I trust you?': " + _TRUST + ",\" in Proc. KDD, 2016.",
     "'Why should I trust you?': " + _TRUST),
    # ... a quoted title closed by its stop or comma, or a venue after the colon, is the quotation alone
    ("E. Strubell, A. Ganesh, and A. McCallum, \"Energy and policy considerations for deep learning in NLP,\" in "
     "Proc. ACL, 2019.", "Energy and policy considerations for deep learning in NLP"),
    ("Strubell, Emma. “Energy and Policy.” Proceedings of ACL: Long Papers, 2019.", "Energy and Policy"),
    ("Smith, J. “Deep learning”: Nature 521, 2015.", "Deep learning"),
    ("Smith, J. (2020). “Deep learning”: Proceedings of the ACL, 1–2.", "Deep learning"),
    ("Smith, J. (2020). “Deep learning”. Journal of Things, 1(2), 3–4.", "Deep learning"),
])
def test_title_opening_with_a_quotation_and_its_subtitle(text, title):
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text, key, title", [
    # a suffix and its stop closing a name inverted, then the title, no year between: the list ends at the suffix
    ("Steele, G. L., Jr. Common Lisp: The Language. Digital Press, 1990.", "steele", "Common Lisp: The Language"),
    ("Brooks, F. P., Jr. The Mythical Man-Month: Essays on Software Engineering. Addison-Wesley, 1975.", "brooks",
     "The Mythical Man-Month: Essays on Software Engineering"),
    ("Brooks, Frederick P., Jr. The Mythical Man-Month: Essays on Software Engineering. Reading, MA: Addison-Wesley, "
     "1975.", "brooks", "The Mythical Man-Month: Essays on Software Engineering"),
    ("King, Martin Luther, Jr. Why We Can't Wait. New York: Harper & Row, 1964.", "king", "Why We Can't Wait"),
    ("Brooks, F. P., Jr. No Silver Bullet. Computer 20, 4 (1987), 10–19.", "brooks", "No Silver Bullet"),
    ("Davis, Sammy, Sr. Yes I Can: The Story of Sammy Davis. Farrar, 1965.", "davis",
     "Yes I Can: The Story of Sammy Davis"),
    # ... a year, a bracket, another name or its conjunction after the suffix: as before
    ("King, M. L., Jr. (1963). Letter from Birmingham Jail. Essay.", "king", "Letter from Birmingham Jail"),
    ("Brooks, F. P., Jr. 1975. The Mythical Man-Month. Addison-Wesley.", "brooks", "The Mythical Man-Month"),
    ("King, Martin Luther, Jr., and Coretta Scott King. Strength to Love. Harper, 1963.", "king", "Strength to Love"),
    ("Knuth, D.E., Morris Jr., J.H., Pratt, V.R.: Fast pattern matching in strings. SIAM J. Comput. 6(2), 323–350 "
     "(1977)", "knuth", "Fast pattern matching in strings"),
    ("Steele, G. L., Jr., Sussman, G. J.: Lambda: The Ultimate Imperative. AI Memo 353, MIT (1976)", "steele",
     "Lambda: The Ultimate Imperative"),
])
def test_suffix_closing_an_inverted_name_before_the_title(text, key, title):
    e = parse_entry(text)
    assert (e.first_author, e.title) == (key, title)


@pytest.mark.parametrize("text, title", [
    # one author, initials first, then IEEE's or the AMS's comma and a title with no quotes: the title ends at the
    # comma before its series, venue or publisher
    ("J.-P. Serre, A Course in Arithmetic, Graduate Texts in Mathematics 7, Springer, New York, 1973.",
     "A Course in Arithmetic"),
    ("R. Hartshorne, Algebraic Geometry, Graduate Texts in Mathematics, No. 52, Springer-Verlag, New York, 1977.",
     "Algebraic Geometry"),
    ("J. Smith, Parsing things, Lecture Notes in Computer Science 1234, Springer, Berlin, 2001, pp. 1–10.",
     "Parsing things"),
    ("[3] J. Smith, 1776 and all that, Journal of History, 2019.", "1776 and all that"),
    ("D. E. Knuth, The Art of Computer Programming, Vol. 1, Addison-Wesley, Reading, MA, 1997.",
     "The Art of Computer Programming"),
    # ... a title's own commas stay in it; a stop after the name reads as before
    ("Y. LeCun, Deep learning, hierarchies, and you, Nature, vol. 521, pp. 436-444, 2015.",
     "Deep learning, hierarchies, and you"),
    ("W. Rudin, Real and Complex Analysis, 3rd ed., McGraw-Hill, New York, 1987.", "Real and Complex Analysis"),
    ("J. Smith. Parsing, tagging and chunking. Journal of Things, 5, 1-10, 2019.", "Parsing, tagging and chunking"),
])
def test_one_name_initials_first_then_a_title_in_commas(text, title):
    assert parse_entry(text).title == title


_NATURE_NO_TITLE = [
    "Paszke, A. et al. in Advances in Neural Information Processing Systems 32 (eds Wallach, H. et al.) 8024–8035 "
    "(Curran Associates, 2019).",
    "Krizhevsky, A., Sutskever, I. & Hinton, G. E. in Advances in Neural Information Processing Systems 25 (eds "
    "Pereira, F. et al.) 1097–1105 (Curran Associates, 2012).",
    "Devlin, J., Chang, M.-W., Lee, K. & Toutanova, K. in Proc. 2019 Conference of the North American Chapter of "
    "the Association for Computational Linguistics 4171–4186 (ACL, 2019).",
    "He, K., Zhang, X., Ren, S. & Sun, J. in Proc. IEEE Conference on Computer Vision and Pattern Recognition "
    "770–778 (IEEE, 2016).",
    "Kingma, D. P. & Ba, J. in International Conference on Learning Representations (2015).",
    "Smith, J. in 3rd Annual Workshop on Parsing 1–10 (ACL, 2019).",
]


@pytest.mark.parametrize("text", _NATURE_NO_TITLE)
def test_nature_container_after_in_is_no_title(text):
    e = parse_entry(text)
    assert e.title is None and e.first_author == text.split(",")[0].lower() and e.year
    # ... so links to no volume of the proceedings it names
    from kb.text.refs import PaperIndex, PaperInfo
    volume = text.split(" in ", 1)[1].split(" (")[0].rstrip("0123456789–- ")
    index = PaperIndex([PaperInfo("volume", title=volume, year=e.year, first_author="Editor")])
    assert index.explain(e, loose=True).resolution is None


@pytest.mark.parametrize("text, title", [
    # a title after the names stays one, its own words 'in' or 'Conference' first
    ("Vaswani, A. et al. Attention is all you need. In Proc. 31st International Conference on Neural Information "
     "Processing Systems 6000–6010 (2017).", "Attention is all you need"),
    ("Smith, J. (2020). in silico screening of drug candidates. Journal of Things, 1, 2.",
     "in silico screening of drug candidates"),
    ("Smith, J. (2020). In Conference of the Birds: A study of Attar. Journal of Things, 1, 2.",
     "In Conference of the Birds: A study of Attar"),
])
def test_title_opening_with_in_stays_a_title(text, title):
    assert parse_entry(text).title == title


def test_nature_entry_links_its_own_paper_not_the_volume():
    from kb.text.refs import PaperIndex, PaperInfo
    volume = PaperInfo("wallach2019", title="Advances in Neural Information Processing Systems 32", year=2019,
                       first_author="Wallach")
    own = PaperInfo("paszke2019", title="PyTorch: An imperative style, high-performance deep learning library",
                    year=2019, first_author="Paszke")
    index = PaperIndex([volume, own])
    got = index.explain(parse_entry(_NATURE_NO_TITLE[0]), loose=True).resolution
    assert got is not None and got.citekey == "paszke2019"
    # ... and the volume where its editor is cited for it
    got = PaperIndex([volume]).explain(parse_entry(
        "Wallach, H. et al. (eds) Advances in Neural Information Processing Systems 32 (Curran Associates, 2019)."),
        loose=True).resolution
    assert got is not None and got.citekey == "wallach2019"
