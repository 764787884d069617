"""Reference strings and names of sweep 53 (refs18): a line break after a compound's small word keeps the
compound's hyphen ('State-of-the-' 'art'), and the stored string reads as the title does, a word a line break split
joined ('Energy-ef-' 'ficient' -> 'Energy-efficient')."""

import pytest

from kb.text.refs import find_references, parse_entry


def _entry(lines: list[str], document: str | None = None):
    return parse_entry(" ".join(lines), lines=lines, document=document)


# (first line's end, next line's start, the words as read)
@pytest.mark.parametrize("end, start, read", [
    ("State-of-the-", "art methods", "State-of-the-art methods"),
    ("End-to-", "end speech recognition", "End-to-end speech recognition"),
    ("Sequence-to-", "sequence learning", "Sequence-to-sequence learning"),
    ("Text-to-", "speech synthesis", "Text-to-speech synthesis"),
    ("Step-by-", "step reasoning", "Step-by-step reasoning"),
    ("Word-by-", "word attention", "Word-by-word attention"),
    ("Plug-and-", "play language models", "Plug-and-play language models"),
    ("Mixture-of-", "experts layers", "Mixture-of-experts layers"),
    ("Bag-of-", "words models", "Bag-of-words models"),
    ("Out-of-", "distribution detection", "Out-of-distribution detection"),
    ("Off-the-", "shelf features", "Off-the-shelf features"),
    ("Human-in-", "the-loop annotation", "Human-in-the-loop annotation"),
    ("Out-", "of-distribution detection", "Out-of-distribution detection"),
    ("Chain-of-", "thought prompting", "Chain-of-thought prompting"),
    ("Learning long-", "term dependencies", "Learning long-term dependencies"),
    # a word a line break cut: joined, its own hyphen kept
    ("Energy-ef-", "ficient training", "Energy-efficient training"),
    ("Multi-task learn-", "ing for parsing", "Multi-task learning for parsing"),
    ("Feed-for-", "ward networks", "Feed-forward networks"),
    ("High-per-", "formance computing", "High-performance computing"),
    ("Higher-or-", "der logic", "Higher-order logic"),
    ("Scale-in-", "variant features", "Scale-invariant features"),
    ("Graph-the-", "oretic methods", "Graph-theoretic methods"),
    ("Sub-to-", "ken models", "Sub-token models"),
    ("em-", "beddings of words", "embeddings of words"),
])
def test_a_line_break_in_a_title_reads_as_the_title_is_written(end, start, read):
    lines = [f"A. Smith and B. Jones. 2019. {end}", f"{start}. In Proceedings of ACL."]
    e = _entry(lines)
    assert e.title == read
    assert f"2019. {read}. In Proceedings" in e.raw
    assert "- " not in e.raw


@pytest.mark.parametrize("lines, kept, lost", [
    (["Nils Reimers and Iryna Gurevych. 2019. Sentence-", "BERT: Sentence embeddings. In EMNLP."],
     "Sentence-BERT:", "SentenceBERT"),
    (["Iz Beltagy, Kyle Lo, and Arman Cohan. 2019. SciB-", "ERT: A pretrained language model. In EMNLP."],
     "SciBERT:", "SciB-ERT"),
    (["Marco Valenzuela-", "Escarcega and Mihai Surdeanu. 2015. Identifying meaningful citations. In AAAI."],
     "Valenzuela-Escarcega", "ValenzuelaEscarcega"),
    (["Chandra Bhagavat-", "ula and Waleed Ammar. 2018. Content-based citation recommendation. In NAACL."],
     "Bhagavatula", "Bhagavat-ula"),
    (["Daniel A. Mc-", "Farland and Dan Jurafsky. 2013. Differentiating language usage. Poetics."],
     "McFarland", "Mc-Farland"),
    (["A. Smith. 2020. A study. https://doi.org/10.18653/v1/2020.acl-", "main.207"],
     "2020.acl-main.207", "aclmain"),
    (["Hal Daum\u00e9 III. 2007. Frustratingly easy domain adapta\u00ad", "tion. In ACL."],
     "adaptation.", "\u00ad"),
])
def test_the_stored_string_joins_a_split_word_and_keeps_a_real_hyphen(lines, kept, lost):
    raw = _entry(lines).raw
    assert kept in raw and lost not in raw


def test_the_paper_s_own_writing_decides_the_stored_string_as_the_title():
    lines = ["T. Chen. 2019. Semi-", "supervised parsing. In ACL."]
    # the paper writes 'semi-supervised' elsewhere: the hyphen stays in both
    e = _entry(lines, document="we train a semi-supervised parser")
    assert e.title == "Semi-supervised parsing" and "Semi-supervised parsing" in e.raw
    lines = ["A. Smith. 2019. Citation-", "informed transformers. In ACL."]
    e = _entry(lines, document="")
    assert e.title == "Citation-informed transformers" and "Citation-informed" in e.raw
    lines = ["A. Smith. 2019. Deep trans-", "formers. In ACL."]
    e = _entry(lines, document="transformers are models")
    assert e.title == "Deep transformers" and "Deep transformers" in e.raw


def test_a_paper_s_reference_list_stores_its_entries_joined():
    page = ("Introduction text.\nReferences\n"
            "C. Brown and D. White. 2020. State-of-the-\nart methods in dependency parsing. In Proceedings of ACL.\n"
            "E. Green. 2018. Energy-ef-\nficient training of deep networks. In Proceedings of EMNLP.\n"
            "F. Black. 2017. Learning to rank with in-\nterventions. In Proceedings of SIGIR.\n")
    entries = find_references([page])
    assert [e.raw for e in entries] == [
        "C. Brown and D. White. 2020. State-of-the-art methods in dependency parsing. In Proceedings of ACL.",
        "E. Green. 2018. Energy-efficient training of deep networks. In Proceedings of EMNLP.",
        "F. Black. 2017. Learning to rank with interventions. In Proceedings of SIGIR.",
    ]
    assert [e.title for e in entries] == ["State-of-the-art methods in dependency parsing",
                                          "Energy-efficient training of deep networks",
                                          "Learning to rank with interventions"]


# initials in capitals without stops glued before a family name, the list's other names printed alike
@pytest.mark.parametrize("text, key", [
    ("JD Smith, RT Jones, and K Lee. 2019. A study of graph neural networks. In Proceedings of ICML.", "smith"),
    ("JD Smith and RT Jones. Deep learning for cats. arXiv preprint arXiv:1901.00001, 2019.", "smith"),
    ("JR Tolkien and CS Lewis. 1954. Letters on myth. Allen & Unwin, London.", "tolkien"),
    ("JRR Tolkien, CS Lewis. 1954. Letters on myth. Allen & Unwin.", "tolkien"),
    ("DP Kingma and J Ba. 2015. Adam: A method for stochastic optimization. In ICLR.", "kingma"),
    ("DP Kingma, J Ba. Adam: A method for stochastic optimization. ICLR 2015.", "kingma"),
    ("JB Tenenbaum, V De Silva, JC Langford. A global geometric framework. Science 290 (2000) 2319-2323.",
     "tenenbaum"),
    ("RS Sutton and AG Barto. 2018. Reinforcement learning: An introduction. MIT Press.", "sutton"),
    ("SJ Pan and Q Yang. 2010. A survey on transfer learning. IEEE TKDE.", "pan"),
    ("HL Wang, K Lee. 2019. A study of parsing. In ACL.", "wang"),
    ("RT van der Berg, K Lee. 2019. A study of parsing. In ACL.", "vanderberg"),
    # initials that might be a family name in capitals ('MA', 'GE', 'EM'): the other names tell
    ("MA Hearst, ST Dumais, E Osuna, J Platt, and B Scholkopf. 1998. Support vector machines. IEEE Intell. Syst.",
     "hearst"),
    ("GE Hinton, S Osindero, YW Teh. A fast learning algorithm for deep belief nets. Neural Comput. 2006.", "hinton"),
    ("EM Bender, T Gebru, A McMillan-Major, S Shmitchell. On the dangers of stochastic parrots. FAccT 2021.",
     "bender"),
    ("AK Jain, MN Murty, PJ Flynn. 1999. Data clustering: a review. ACM Computing Surveys.", "jain"),
    # a family name in capitals before given names: kept
    ("LI Wei, ZHANG San. 2019. A study of graph networks. Journal of Software, 2019, 30(2): 1-10.", "li"),
    ("MA Long, LI Wei. 2019. A study of graph networks. In Proceedings of ACL.", "ma"),
    ("GE Rong, S Li. 2019. A study of graph networks. In Proceedings of ACL.", "ge"),
    ("OH Minjun, K Lee. 2020. A study of speech. In Interspeech.", "oh"),
    ("HAN Seo-yeon, B Park. 2020. Korean parsing. In Proceedings of ACL.", "han"),
    ("ITO Kenji, J Smith. 2020. A study of speech. In Interspeech.", "ito"),
    ("WU Yonghui, M Schuster. 2016. Neural machine translation. arXiv preprint arXiv:1609.08144.", "wu"),
    ("NG Andrew, K Lee. 2020. A study of speech. In Interspeech.", "ng"),
    ("NGUYEN Van An, TRAN Thi Bich. 2020. A study of rice. In Proceedings of ACL.", "nguyen"),
    # a body's acronym and a word of bodies' names: the body
    ("IBM Research. 2019. Project debater. Technical report.", "ibmresearch"),
    ("HP Labs. 2005. A technical report on printing. Technical report.", "hplabs"),
])
def test_initials_glued_before_a_family_name(text, key):
    assert parse_entry(text).first_author == key


def test_a_list_of_names_with_glued_initials_keys_each_first_author():
    page = ("Intro.\nReferences\n"
            "DP Kingma and J Ba. 2015. Adam: A method for stochastic optimization. In ICLR.\n"
            "GE Hinton, S Osindero, and YW Teh. 2006. A fast learning algorithm for deep belief nets. Neural Comput.\n"
            "JD Smith, RT Jones, and K Lee. 2019. A study of graph neural networks. In Proceedings of ICML.\n"
            "MA Hearst, ST Dumais, E Osuna, J Platt, and B Scholkopf. 1998. Support vector machines. IEEE Intell.\n"
            "RS Sutton and AG Barto. 2018. Reinforcement learning: An introduction. MIT Press.\n")
    assert [e.first_author for e in find_references([page])] == ["kingma", "hinton", "smith", "hearst", "sutton"]


# a Chinese name printed family name first in a list whose other names are given first
@pytest.mark.parametrize("text, key", [
    ("Wang Xiaoming, Alice Brown. 2021. Graph attention networks revisited. In NeurIPS.", "wang"),
    ("Ding Liren and John Smith. 2020. Chess engines. In AAAI.", "ding"),
    ("Zhang Yonghui, Alice Brown, and Bob White. 2019. A study of things. In ACL.", "zhang"),
    ("Hu Jintao, Alice Brown. 2019. A study of policy. In ACL.", "hu"),
    ("Chen Danqi, Adam Fisch, Jason Weston, and Antoine Bordes. 2017. Reading Wikipedia. In ACL.", "chen"),
    ("Tian Yuandong, John Smith. 2019. A study of games. In ACL.", "tian"),
    # given name first, or either way: the list's order kept
    ("Xiaoming Wang, Alice Brown. 2021. Graph attention networks revisited. In NeurIPS.", "wang"),
    ("Yang Liu and Mirella Lapata. 2019. Text summarization with pretrained encoders. In EMNLP.", "liu"),
    ("Jiang Bian, John Smith. 2019. A study of health records. In ACL.", "bian"),
    ("Wei Zhang, John Smith. 2019. A study of graphs. In ACL.", "zhang"),
    ("Song Han, Huizi Mao, and William J Dally. 2016. Deep compression. In ICLR.", "han"),
    ("Li Na and John Smith. 2019. A study of tennis. In ACL.", "na"),
    ("Lin Manuel, Alice Brown. 2019. A study of song. In ACL.", "manuel"),
    ("Su Anderson and Alice Brown. 2019. A study of things. In ACL.", "anderson"),
    ("Han Solo and Luke Skywalker. 1977. A new hope. Lucasfilm.", "solo"),
    ("Lu Taylor and Alice Brown. 2019. A study of things. In ACL.", "taylor"),
    # a Korean name: 'Kim' is an English given name too, and the order is nowhere shown
    ("Kim Minjun, John Smith, and Mary Jones. 2020. Learning to rank documents. In ACL.", "minjun"),
])
def test_a_chinese_name_family_first_among_names_given_first(text, key):
    assert parse_entry(text).first_author == key


# names parted by an ideographic, no-break or thin space, keyed as when a space parts them
@pytest.mark.parametrize("spaced, plain", [
    ("李\u3000明", "李 明"),
    ("李\u00a0明", "李 明"),
    ("王\u3000小明", "王 小明"),
    ("司马\u3000迁", "司马 迁"),
    ("山田\u3000太郎", "山田 太郎"),
    ("山田\u2009太郎", "山田 太郎"),
    ("김\u3000민준", "김 민준"),
    ("김\u202f민준", "김 민준"),
    ("李\u3000明, 王\u3000伟", "李 明, 王 伟"),
    ("John\u00a0Smith", "John Smith"),
    ("Smith,\u00a0John", "Smith, John"),
    ("Jan van\u00a0der Berg", "Jan van der Berg"),
])
def test_a_name_parted_by_another_space_keys_as_by_a_space(spaced, plain):
    from kb.text.names import author_key, first_author_key

    assert author_key(spaced) == author_key(plain) != ""
    assert first_author_key([spaced]) == first_author_key([plain])


@pytest.mark.parametrize("text, key", [
    ("李\u3000明, 王\u3000伟. 2019. 深度学习研究. 计算机学报, 2019, 42(1): 1-10.", "李明"),
    ("山田\u3000太郎, 鈴木\u3000花子. 2019. 自然言語処理. 情報処理学会論文誌.", "山田太郎"),
    ("김\u3000민준, 이\u3000서연. 2020. 한국어 처리. 정보과학회논문지.", "김민준"),
    ("John\u00a0Smith and Mary\u00a0Jones. 2019. A study of cats. In Proceedings of ACL.", "smith"),
    ("Smith,\u00a0J. and Jones,\u00a0M. (2019). A study of cats. Journal of Cats, 3, 1-10.", "smith"),
])
def test_a_reference_s_names_parted_by_another_space(text, key):
    assert parse_entry(text).first_author == key


# an organisation as the one author, its place after a comma: keyed as without it
@pytest.mark.parametrize("text, key, title", [
    ("National Institute of Standards and Technology, Gaithersburg, MD. 2023. AI risk management framework. "
     "NIST AI 100-1.", "nationalinstituteofstandardsandtechnology", "AI risk management framework"),
    ("National Institute of Standards and Technology. 2023. AI risk management framework. NIST AI 100-1.",
     "nationalinstituteofstandardsandtechnology", "AI risk management framework"),
    ("National Academies of Sciences, Engineering, and Medicine, Washington, DC. 2019. Reproducibility and "
     "replicability in science. National Academies Press.", "nationalacademiesofsciencesengineeringandmedicine",
     "Reproducibility and replicability in science"),
    ("OpenAI, San Francisco. 2023. GPT-4 technical report. arXiv preprint arXiv:2303.08774.", "openai",
     "GPT-4 technical report"),
    ("OpenAI, San Francisco, CA. 2023. GPT-4 technical report. arXiv preprint arXiv:2303.08774.", "openai",
     "GPT-4 technical report"),
    ("NASA, Ames Research Center. 2010. Flight test report on rotorcraft noise. Technical report.", "nasa",
     "Flight test report on rotorcraft noise"),
    ("Microsoft Research, Redmond, WA. 2019. Project InnerEye. Technical report.", "microsoftresearch",
     "Project InnerEye"),
    ("Allen Institute for AI, Seattle, WA. 2020. CORD-19 dataset. Technical report.", "alleninstituteforai",
     "CORD-19 dataset"),
    ("World Health Organization, Geneva. 2020. Ethics and governance of AI for health. WHO report.",
     "worldhealthorganization", "Ethics and governance of AI for health"),
    ("Jet Propulsion Laboratory, Pasadena, CA. 2012. Mars rover report. Technical report.",
     "jetpropulsionlaboratory", "Mars rover report"),
    ("Bill & Melinda Gates Foundation, Seattle, WA. 2020. Annual letter. Technical report.",
     "billandmelindagatesfoundation", "Annual letter"),
    ("European Commission, Brussels. 2021. Proposal for an AI act. COM(2021) 206.", "europeancommission",
     "Proposal for an AI act"),
    # a person's name and a place's: the person
    ("Smith, Georgia. 2019. A study of peaches. Journal of Fruit.", "smith", "A study of peaches"),
    ("Austin, Texas. 2019. A study of peaches. Journal of Fruit.", "austin", "A study of peaches"),
    ("Smith & Jones, London. 2019. A study of cities. Journal of Things.", "smith", "A study of cities"),
])
def test_an_organisation_and_its_place(text, key, title):
    e = parse_entry(text)
    assert (e.first_author, e.title) == (key, title)


@pytest.mark.parametrize("text, key, title", [
    ("李 明, 王 伟. 深度学习在自然语言处理中的应用[J]. 计算机学报, 2019, 42(1): 1-10.", "李明", "深度学习在自然语言处理中的应用"),
    ("李\u3000明, 王\u3000伟. 深度学习在自然语言处理中的应用[J]. 计算机学报, 2019, 42(1): 1-10.", "李明",
     "深度学习在自然语言处理中的应用"),
    ("李 明, 王 伟, 张 三. 深度学习[J]. 软件学报, 2020, 31(2): 1-9.", "李明", "深度学习"),
    ("山田 太郎, 鈴木 花子. 2019. 自然言語処理の研究. 情報処理学会論文誌.", "山田太郎", "自然言語処理の研究"),
    ("김 민준, 이 서연. 2020. 한국어 처리 연구. 정보과학회논문지.", "김민준", "한국어 처리 연구"),
    ("李明, 王伟. 深度学习研究[J]. 计算机学报, 2019, 42(1): 1-10.", "李明", "深度学习研究"),
    # a title's own spaces are not a name's
    ("李 明. 深度 学习 研究[J]. 计算机学报, 2019, 42(1): 1-10.", "李明", "深度 学习 研究"),
])
def test_names_of_han_kana_hangul_parted_by_a_space_in_a_reference(text, key, title):
    e = parse_entry(text)
    assert (e.first_author, e.title) == (key, title)
