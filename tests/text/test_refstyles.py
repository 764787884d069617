"""Reference entries in the styles and forms of names the corpus PDFs cover
little: organisations whose names hold 'and' or '&', family names printed
first, Vancouver and Springer Nature author lists, a work's publication state
printed with its title, words broken at a line end after a prefix. (The works
are real ones, from the corpus' BibTeX, printed as each style prints them.)"""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, author, year, title", [
    # an organisation's name with its conjunction is one name
    ("Research and Markets. 2020. Global data center market report 2020-2025. Technical report.",
     "researchandmarkets", 2020, "Global data center market report 2020-2025"),
    ("Ernst & Young. 2019. How artificial intelligence is transforming the energy sector. Report.",
     "ernstandyoung", 2019, "How artificial intelligence is transforming the energy sector"),
    ("Ernst & Young LLP (2021). Tax guide for the digital economy. London.",
     "ernstandyoung", 2021, "Tax guide for the digital economy"),       # (the firm's legal form left out: sweep 43)
    ("Bill & Melinda Gates Foundation. 2021. Annual report on global health. Seattle, WA.",
     "billandmelindagatesfoundation", 2021, "Annual report on global health"),
    ("Natural Sciences and Engineering Research Council of Canada. 2019. Discovery grants program. Ottawa.",
     "naturalsciencesandengineeringresearchcouncilofcanada", 2019, "Discovery grants program"),
    ('[3] Procter & Gamble, "Citizenship report: sustainability," Tech. Rep., 2022.',
     "procterandgamble", 2022, "Citizenship report: sustainability"),
    ("World Health Organization (2020). Coronavirus disease situation report. Geneva.",
     "worldhealthorganization", 2020, "Coronavirus disease situation report"),
    # ... and people joined by 'and' or '&' stay people
    ("Emma Strubell and Andrew McCallum. 2019. Energy and policy considerations for deep learning. In ACL.",
     "strubell", 2019, "Energy and policy considerations for deep learning"),
    ("Strubell, E., & McCallum, A. (2019). Energy and policy considerations for deep learning. In ACL.",
     "strubell", 2019, "Energy and policy considerations for deep learning"),
    ("Strubell and McCallum. 2019. Energy and policy considerations for deep learning. In ACL.",
     "strubell", 2019, "Energy and policy considerations for deep learning"),
    ("J-D Kim and Tomoko Ohta. 2003. Genia corpus. Bioinformatics, 19.", "kim", 2003, "Genia corpus"),
    # two family names joined by '&' as a note's own list writes them, no venue: two people, as with 'and'
    ("Lo & Beltagy (2019) SciBERT: A pretrained language model for scientific text.", "lo", 2019,
     "SciBERT: A pretrained language model for scientific text"),
    ("Strubell & McCallum (2019). Energy and policy considerations for deep learning.", "strubell", 2019,
     "Energy and policy considerations for deep learning"),
    ("Beltagy & Lo. 2019. SciBERT: A pretrained language model.", "beltagy", 2019, "SciBERT: A pretrained language model"),
    # ... and a firm's report stays the firm's name
    ("Ernst & Young (2019). How AI is transforming the energy sector: a report.", "ernstandyoung", 2019,
     "How AI is transforming the energy sector: a report"),
    ("Procter & Gamble. 2020. Annual white paper on sustainability.", "procterandgamble", 2020,
     "Annual white paper on sustainability"),
    # family names first: the style says so (the Chinese standard, Vancouver, capitals, commas)
    ("Nguyen Van An, Tran Thi Bich. Deep learning for Vietnamese text classification. Journal of Computer "
     "Science, 2020, 12(3): 1-10.", "nguyen", 2020, "Deep learning for Vietnamese text classification"),
    ("Wang Xiaoming, Li Hua, Zhang Wei. Energy consumption of deep learning models[J]. Journal of Software, "
     "2021, 32(4): 1021-1035.", "wang", 2021, "Energy consumption of deep learning models"),
    ("NGUYEN Van An, TRAN Thi Bich. 2020. Deep learning for Vietnamese text classification. Journal of AI.",
     "nguyen", 2020, "Deep learning for Vietnamese text classification"),
    ("NGUYEN Van An and TRAN Thi Bich. Deep learning for Vietnamese text classification. Journal of AI, 2020.",
     "nguyen", 2020, "Deep learning for Vietnamese text classification"),
    ("ZHANG Wei, LI Hua. Deep learning for Chinese word segmentation. Journal of Software, 2019.",
     "zhang", 2019, "Deep learning for Chinese word segmentation"),
    ("Tran Thi Bich, Smith J, Le VC (2020) Deep learning for Vietnamese text classification. J AI 3:1-10",
     "tran", 2020, "Deep learning for Vietnamese text classification"),
    ("Nguyen VA, Tran TB, Le VC. Deep learning for Vietnamese text classification. J AI. 2020;3:1-10.",
     "nguyen", 2020, "Deep learning for Vietnamese text classification"),
    ("Nguyen, Van An, Tran, Thi Bich, and Le, Van Cuong. 2020. Deep learning for Vietnamese text "
     "classification. In Proceedings of ACL.", "nguyen", 2020, "Deep learning for Vietnamese text classification"),
    ("Taro Yamada and Hanako Suzuki. 2018. Neural machine translation for Japanese. In Proceedings of COLING.",
     "yamada", 2018, "Neural machine translation for Japanese"),
    # Chinese, Japanese and Korean names: no capitals, no spaces; the Chinese standard's type closes the title
    # (a name of those scripts is keyed whole in its own script, family name first)
    ("王小明, 李华. 深度学习模型的能耗研究[J]. 软件学报, 2021, 32(4): 1021-1035.", "王小明", 2021, "深度学习模型的能耗研究"),
    ("王小明,李华.深度学习模型的能耗研究[J].软件学报,2021,32(4):1021-1035.", "王小明", 2021, "深度学习模型的能耗研究"),
    ("王小明. 深度学习模型的能耗研究[J]. 软件学报, 2021, 32(4): 1021-1035.", "王小明", 2021, "深度学习模型的能耗研究"),
    ("山田太郎, 鈴木花子. 日本語のニューラル機械翻訳[J]. 情報処理学会論文誌, 2018, 59(1): 1-10.", "山田太郎", 2018,
     "日本語のニューラル機械翻訳"),
    ("山田 太郎, 鈴木 花子. 2018. 日本語のニューラル機械翻訳. 情報処理学会論文誌.", "山田太郎", 2018,
     "日本語のニューラル機械翻訳"),
    ("김철수, 이영희. 2021. 딥러닝 모델의 에너지 소비. 한국정보과학회 논문지.", "김철수", 2021, "딥러닝 모델의 에너지 소비"),
    # ... and their 'et al.': 等, 他, 외
    ("王小明, 李华, 张伟, 等. 深度学习模型的能耗研究[J]. 软件学报, 2021, 32(4): 1021-1035.", "王小明", 2021, "深度学习模型的能耗研究"),
    ("王小明等. 深度学习模型的能耗研究[J]. 软件学报, 2021, 32(4): 1021-1035.", "王小明", 2021, "深度学习模型的能耗研究"),
    ("山田太郎, 他. 自然言語処理の研究. 情報処理学会論文誌, 2019.", "山田太郎", 2019, "自然言語処理の研究"),
    ("김철수 외. 2021. 딥러닝 모델의 에너지 소비. 한국정보과학회 논문지.", "김철수", 2021, "딥러닝 모델의 에너지 소비"),
    ("王小明. 深度学习等技术的能耗研究[J]. 软件学报, 2021, 32(4): 1021-1035.", "王小明", 2021, "深度学习等技术的能耗研究"),
    ("STRUBELL E, GANESH A, MCCALLUM A. Energy and policy considerations for deep learning in NLP[C]//"
     "Proceedings of ACL. 2019: 3645-3650.", "strubell", 2019, "Energy and policy considerations for deep learning in NLP"),
    ("Smith J. A study of things[J]. Journal of Stuff, 2021, 32(4): 1021-1035.", "smith", 2021, "A study of things"),
    # Vancouver and Springer Nature: initials in capitals without stops, the year in brackets with no stop
    ("Turing AM. Computing machinery and intelligence. Mind. 1950;59(236):433-60.",
     "turing", 1950, "Computing machinery and intelligence"),
    ("Kind AJH, Smith JR. Neighborhood disadvantage and readmission. Ann Intern Med. 2014;161(11):765-74.",
     "kind", 2014, "Neighborhood disadvantage and readmission"),
    ("Valero-Cuevas FJ, Santello M (2017) On neuromechanical approaches for the study of biological and robotic "
     "grasp and manipulation. J Neuroeng Rehabil 14:101", "valerocuevas", 2017,
     "On neuromechanical approaches for the study of biological and robotic grasp and manipulation"),
    ("Page L, Brin S, Motwani R, et al (1999) The PageRank citation ranking: bringing order to the web. "
     "Stanford InfoLab", "page", 1999, "The PageRank citation ranking: bringing order to the web"),
    # the work's state printed where the year goes or with the title is neither
    ("Smith, J., & Doe, J. (in press). A study of neural things. Journal of Neural Stuff.",
     "smith", None, "A study of neural things"),
    ("Smith, J. (n.d.). A study of neural things. Retrieved from https://example.org/things",
     "smith", None, "A study of neural things"),
    ("John Smith and Jane Doe. 2021. A study of neural things, to appear in Proceedings of ACL.",
     "smith", 2021, "A study of neural things"),
    ("J. Smith and J. Doe. A study of neural things (to appear). In ACL, 2021.",
     "smith", 2021, "A study of neural things"),
    ("Smith, J., & Doe, J. (2021). A study of neural things (in press). Journal of Neural Stuff.",
     "smith", 2021, "A study of neural things"),
    ("John Smith. 2021. A study of neural things, forthcoming. Journal of Neural Stuff.",
     "smith", 2021, "A study of neural things"),
    ("Smith J, Doe J. A study of neural things [in press]. J Neural Stuff. 2021.",
     "smith", 2021, "A study of neural things"),
    # ... but a title's own words stay
    ("John Smith. 2021. Waiting for the results to appear. Journal of Neural Stuff.",
     "smith", 2021, "Waiting for the results to appear"),
    ("John Smith. 2021. The forthcoming crisis in peer review. Journal of Neural Stuff.",
     "smith", 2021, "The forthcoming crisis in peer review"),
])
def test_styles_and_names_read_as_a_reader_reads_them(text: str, author: str, year: int | None,
                                                      title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("lines, document, title", [
    # a prefix and a word, printed nowhere else in the paper: the hyphen is the compound's
    (["Andrew M. Dai and Quoc V. Le. 2015. Semi-", "supervised sequence learning. In NeurIPS."],
     None, "Semi-supervised sequence learning"),
    (["Andrew M. Dai and Quoc V. Le. 2015. Semi-", "supervised sequence learning. In NeurIPS."],
     "semi-\nsupervised sequence learning", "Semi-supervised sequence learning"),
    (["A. Vaswani. 2017. Self-", "attention for multi-", "task learning. In NeurIPS."],
     "attention and a task", "Self-attention for multi-task learning"),
    (["A. Vaswani. 2017. Cross-", "lingual transfer. In NeurIPS."], "", "Cross-lingual transfer"),
    # ... a prefix the paper writes closed, or a piece that is no word of its own, joins
    (["J. Smith. 2019. Pre-", "trained models. In ACL."], "models were pretrained on", "Pretrained models"),
    (["J. Smith. 2019. A pre-", "diction of things. In ACL."], "a prediction", "A prediction of things"),
    (["J. Smith. 2019. Learning with multi-", "ple views. In ACL."], "views", "Learning with multiple views"),
    (["J. Smith. 2019. A semi-", "nar on things. In ACL."], None, "A seminar on things"),
    (["J. Smith. 2019. Learning em-", "beddings for words. In ACL."], "words", "Learning embeddings for words"),
])
def test_a_word_broken_after_a_prefix_keeps_its_hyphen_as_a_reader_would(lines: list[str], document: str | None,
                                                                         title: str) -> None:
    assert parse_entry(" ".join(lines), lines=lines, document=document).title == title


SPRINGER_NATURE = [
    "Strubell E, Ganesh A, McCallum A (2019) Energy and policy considerations for deep",
    "learning in NLP. In: Proceedings of the 57th Annual Meeting of the ACL, pp 3645–3650",
    "Turing AM (1950) Computing machinery and intelligence. Mind 59:433–460",
    "World Health Organization (2020) Coronavirus disease situation report.",
    "Geneva",
    "Valero-Cuevas FJ, Santello M (2017) On neuromechanical approaches for the study of",
    "biological and robotic grasp and manipulation. J Neuroeng Rehabil 14:101",
]
VANCOUVER = [
    "Turing AM. Computing machinery and intelligence. Mind. 1950;59(236):433-60.",
    "Kind AJH, Smith JR. Neighborhood disadvantage and readmission. Ann Intern Med.",
    "2014;161(11):765-74.",
    "Pedregosa F, Varoquaux G, Gramfort A, et al. Scikit-learn: machine learning in",
    "Python. J Mach Learn Res. 2011;12:2825-2830.",
]
ACL = [
    "Jeremy Howard and Sebastian Ruder. 2018. Universal Language Model Fine-tuning for",
    "Text Classification.",
    "In ACL.",
    "Noah Siegel and Waleed Ammar. 2018. Extracting scientific figures with distantly",
    "supervised neural networks. In JCDL.",
]


@pytest.mark.parametrize("lines, expected", [
    # entries that end without a full stop: the next opens with its names and the year in brackets
    (SPRINGER_NATURE, [("strubell", 2019), ("turing", 1950), ("worldhealthorganization", 2020),
                       ("valerocuevas", 2017)]),
    # one author with initials in capitals opens an entry
    (VANCOUVER, [("turing", 1950), ("kind", 2014), ("pedregosa", 2011)]),
    # ... a venue's line does not
    (ACL, [("howard", 2018), ("siegel", 2018)]),
])
def test_lists_in_these_styles_split_into_their_entries(lines: list[str], expected: list[tuple[str, int]]) -> None:
    from kb.text.refs import find_references
    entries = find_references(["Intro\nSome text.", "\n".join(["References", *lines])])
    assert [(e.first_author, e.year) for e in entries] == expected


@pytest.mark.parametrize("bib_author", ["王小明", "王, 小明", "王 小明", "{王小明}"])
def test_a_name_and_title_in_their_own_script_link_the_same_work(bib_author: str) -> None:
    # no transliteration: the work is known by its name and title as written, in any style
    from kb.text.names import first_author_key
    from kb.text.refs import PaperIndex, PaperInfo
    gbt = parse_entry("王小明, 李华. 深度学习模型的能耗研究[J]. 软件学报, 2021, 32(4): 1021-1035.")
    acl = parse_entry("王小明, 李华. 2021. 深度学习模型的能耗研究. 软件学报, 32(4):1021-1035.")
    other = parse_entry("张伟, 李华. 机器学习模型的能耗研究[J]. 软件学报, 2021, 32(4): 1-10.")
    assert gbt.work_key == acl.work_key != other.work_key
    index = PaperIndex([PaperInfo("wang2021", title="深度学习模型的能耗研究", year=2021,
                                  first_author=first_author_key([bib_author]))])
    assert index.resolve(gbt).citekey == index.resolve(acl).citekey == "wang2021"
    assert index.resolve(other) is None
    # ... nor by another person of that family name
    assert index.resolve(parse_entry("王伟. 深度学习模型的能耗研究[J]. 软件学报, 2021, 32(4): 1021-1035.")) is None


@pytest.mark.parametrize("name, key", [
    ("Hernández-García, Alex", "hernandezgarcia"), ("J¨org Sander", "sander"), ("M{\\\"u}ller, K.", "muller"),
    ("{Allen Institute for AI}", "alleninstituteforai"), ("Emma Strubell", "strubell"), ("Ng, A.", "ng"),
    ("Иванов, Иван", "иванов"), ("Παπαδόπουλος, Γ.", "παπαδοπουλοσ"), ("김철수", "김철수"), ("山田, 太郎", "山田太郎"),
])
def test_author_keys_in_every_script(name: str, key: str) -> None:
    from kb.text.names import first_author_key
    assert first_author_key([name]) == key


@pytest.mark.parametrize("text, author, year, title", [
    # an organisation's name spelled by the repository owner of its web address
    ("Hugging Face. 2023. Transformers documentation. https://github.com/huggingface/transformers.",
     "huggingface", 2023, "Transformers documentation"),
    ("Meta Llama. 2024. Llama 3 model card. https://github.com/meta-llama/llama3/blob/main/MODEL_CARD.md.",
     "metallama", 2024, "Llama 3 model card"),
    # ... a person's repository does not spell their whole name, and a name elsewhere in the address is not it
    ("Ross Wightman. 2019. PyTorch Image Models. https://github.com/rwightman/pytorch-image-models.",
     "wightman", 2019, "PyTorch Image Models"),
    ("Sylvain Gugger. 2023. Accelerate. https://pypi.org/project/accelerate/sylvaingugger", "gugger", 2023,
     "Accelerate"),
    # a program's or data set's one-word name, its address or version after it
    ("Andrej Karpathy. 2023. nanoGPT. https://github.com/karpathy/nanoGPT.", "karpathy", 2023, "nanoGPT"),
    ("Honnibal, M. (2017). spaCy [Computer software]. https://spacy.io.", "honnibal", 2017, "spaCy"),
    ("Kenneth Heafield. 2011. KenLM. Version 2.0. Edinburgh.", "heafield", 2011, "KenLM"),
    ("John Smith. 2020. Things. Journal of Stuff.", "smith", 2020, None),
    ("Jane Doe. 2020. Online. https://example.org", "doe", 2020, None),
    ("Ramesh Nallapati, Bowen Zhou, Cicero Nogueira dos santos, Caglar Gulcehre, and Bing Xiang. Abstractive Text Summarization Using Sequence-to-Sequence RNNs "
     "and Beyond. arXiv:1602.06023 [cs], August 2016. URL http://arxiv.org/abs/1602.06023.", "nallapati", 2016,
     "Abstractive Text Summarization Using Sequence-to-Sequence RNNs and Beyond"),
    # an acronym the PDF's text cut at a kerning, spelled by the name the entry prints or its host
    ("EP A. 2018. Emissions & Generation Resource Integrated Database (eGRID) . Technical report, U.S. "
     "Environmental Protection Agency.", "epa", 2018, "Emissions & Generation Resource Integrated Database (eGRID)"),
    ("EP A. 2023. Greenhouse gas equivalencies calculator. https://www.epa.gov/energy.", "epa", 2023,
     "Greenhouse gas equivalencies calculator"),
    ("DO E. 2021. Data center energy report. Technical report, Department of Energy.", "doe", 2021,
     "Data center energy report"),
    ("LI X. 2020. Deep learning for things. Journal of Things.", "li", 2020, "Deep learning for things"),
    ("EP A. 2018. Emissions database. Technical report.", "ep", 2018, "Emissions database"),
    # no author and no year: the reference opens with its title
    ("Apache-licensed Evolved Transformer open-source implementation in tensorflow/tensor2tensor GitHub "
     "repository. https://github.com/tensorflow/tensor2tensor/blob/master/evolved_transformer.py", None, None,
     "Apache-licensed Evolved Transformer open-source implementation in tensorflow/tensor2tensor GitHub repository"),
    ("Environmental Protection Agency. Greenhouse Gas Equivalencies Calculator. https://www.epa.gov/energy",
     "environmentalprotectionagency", None, "Greenhouse Gas Equivalencies Calculator"),
])
def test_software_web_pages_and_organisations(text: str, author: str | None, year: int | None,
                                              title: str | None) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author, year, title", [
    # the day a web page was read is not the year it was published
    ('[7] International Energy Agency, "Data centres and data transmission networks," 2023. [Online]. Available: '
     "https://www.iea.org/data-centres (accessed Jan. 5, 2024).", "internationalenergyagency", 2023,
     "Data centres and data transmission networks"),
    ("Google. Environmental report. https://www.example.com/reports/env.pdf. Accessed: 15 March 2023.", "google",
     None, "Environmental report"),
    ("EIA. Electricity data. Retrieved May 3, 2022, from https://www.eia.gov/electricity/data", "eia", None,
     "Electricity data"),
    ("Meta. Sustainability report. https://sustainability.fb.com (visited on 2022-03-05).", "meta", None,
     "Sustainability report"),
    ("J. Doe. A title of the page. Last accessed 2023. https://example.org", "doe", None, "A title of the page"),
    # ... a year the entry prints otherwise stays, in a title too
    ("Smith, J. (2019). Retrieved data sets in 2019: a survey. Journal of Data.", "smith", 2019,
     "Retrieved data sets in 2019: a survey"),
    ("Facebook. 2020. Sustainability Report. https://sustainability.fb.com/report. Last accessed 12 May 2022.",
     "facebook", 2020, "Sustainability Report"),
    # the kind of work APA prints after its title is not of it
    ("Smith, J. (2018). Energy-aware training of neural networks (Master's thesis). University of Toronto.",
     "smith", 2018, "Energy-aware training of neural networks"),
    ("Smith, J. (2018). Energy-aware training of neural networks (Doctoral dissertation, University of Toronto). "
     "ProQuest.", "smith", 2018, "Energy-aware training of neural networks"),
    ("Smith, J. (2018). Energy-aware training of neural networks (Report No. 12-3). National Lab.", "smith", 2018,
     "Energy-aware training of neural networks"),
    ("Smith, J. (2018). A report on things (the report). National Lab.", "smith", 2018,
     "A report on things (the report)"),
    # IEEE: an organisation, then its quoted title
    ('[4] Meta, "Sustainability report 2021," 2021. [Online]. Available: https://sustainability.fb.com', "meta", 2021,
     "Sustainability report 2021"),
])
def test_access_dates_and_kinds_of_work(text: str, author: str, year: int | None, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author, bib", [
    # a family name with its particle is keyed whole where the style marks it (before initials), as BibTeX keys it
    ("Le Scao T, Rush AM (2021) How many data points is a prompt worth? arXiv:2103.08493", "lescao",
     "Le Scao, Teven"),
    ("Le Scao, T., & Rush, A. M. (2021). How many data points is a prompt worth? In NAACL.", "lescao",
     "Le Scao, Teven"),
    ("van den Oord, A., Dieleman, S., Zen, H. (2016). WaveNet: A generative model for raw audio. arXiv.",
     "vandenoord", "van den Oord, Aaron"),
    ("Tachet des Combes R, Zhao H, Wang YX (2020) Domain adaptation with conditional distribution matching. "
     "NeurIPS.", "tachetdescombes", "Tachet des Combes, Remi"),
    ("De Vries, J., Smith, K. (2020). Title of a paper here. Journal.", "devries", "de Vries, Jan"),
    ("García Márquez, G., & Smith, J. (2019). A study of magical realism in corpora. Journal of Things.",
     "garciamarquez", "García Márquez, Gabriel"),
    ("Hernández García, A. S., Luccioni, A. S. (2023). Counting carbon again. arXiv.", "hernandezgarcia",
     "Hernández García, Alex"),
    # ... and given name first, from its particle in lower case on, as BibTeX reads 'First von Last'
    ("Leandro von Werra, Lewis Tunstall, and Abhishek Thakur. 2022. Evaluate and evaluation on the hub. arXiv.",
     "vonwerra", "Leandro von Werra"),
    ('A. van den Oord, S. Dieleman, and H. Zen, "WaveNet: A generative model for raw audio," arXiv, 2016.',
     "vandenoord", "A. van den Oord"),
    ("Cicero Nogueira dos Santos and Bing Xiang. 2016. Abstractive text summarization. arXiv.", "dossantos",
     "Cicero Nogueira dos Santos"),
    # ... inverted, a particle that no given name is, whatever follows
    ('Dos Santos, Cicero Nogueira, and Bing Xiang. 2016. "Abstractive Text Summarization." arXiv:1602.06023.',
     "dossantos", "Dos Santos, Cicero Nogueira"),
    # ... a family name and a given name are not one, nor is a given name before it
    ("Van Nguyen, Minh Tran, and Bo Chen. 2020. Deep learning for Vietnamese text. In ACL.", "nguyen", "Van Nguyen"),
    ("Smith, J., Doe, K. (2020). Title of a paper here. Journal.", "smith", "Smith, John"),
    # (a capitalised particle given name first is of the family name in a reference, which is no BibTeX: keyed as
    # its inverted form, 'Le Scao, T.', and as references.bib's 'Le Scao, Teven' or '{Le Scao}, Teven')
    ("Teven Le Scao and Alexander M. Rush. 2021. How many data points is a prompt worth? In NAACL.", "lescao",
     "Le Scao, Teven"),
    ("Nguyen VA, Tran TB. Deep learning for things. J AI. 2020;3:1-10.", "nguyen", "Nguyen, Van An"),
    ("Marco Valenzuela, Vu A. Ha, and Oren Etzioni. 2015. Identifying meaningful citations. In AAAI Workshop.",
     "valenzuela", "Marco Valenzuela"),
    ("Martin Luther King, Jr., and John Smith. 1963. Letter from Birmingham Jail. Essay.", "king",
     "King, Jr., Martin Luther"),
])
def test_a_family_name_with_its_particle(text: str, author: str, bib: str) -> None:
    from kb.text.names import first_author_key
    assert parse_entry(text).first_author == first_author_key([bib]) == author


_NAMES = [("Abe", "Kenji"), ("Ito", "Hiroshi"), ("Kato", "Akira"), ("Suzuki", "Hanako"), ("Tanaka", "Ichiro"),
          ("Yamada", "Taro")]


@pytest.mark.parametrize("family_first, order, keys", [
    # a list in alphabetical order of the first words: those are the family names
    (True, [0, 1, 2, 3, 4, 5], ["abe", "ito", "kato", "suzuki", "tanaka", "yamada"]),
    # ... of the last words, with the same names given first: those are
    (False, [0, 1, 2, 3, 4, 5], ["abe", "ito", "kato", "suzuki", "tanaka", "yamada"]),
    # a list in the order of citation says nothing, but the names' words do: Japanese family names, then given
    # names in Hepburn's spelling (sweep 51; the last word was the key)
    (True, [5, 0, 3, 1, 4, 2], ["yamada", "abe", "suzuki", "ito", "tanaka", "kato"]),
])
def test_family_names_first_told_by_the_lists_order(family_first: bool, order: list[int], keys: list[str]) -> None:
    from kb.text.refs import find_references
    lines = []
    for k in order:
        family, given = _NAMES[k]
        other_family, other_given = _NAMES[(k + 3) % len(_NAMES)]
        name, other = (f"{family} {given}", f"{other_family} {other_given}") if family_first \
            else (f"{given} {family}", f"{other_given} {other_family}")
        lines.append(f"{name}, {other}. 20{10 + k}. A study of Japanese text number {k}. In Proceedings of ACL.")
    entries = find_references(["Intro\nSome text.", "\n".join(["References", *lines])])
    assert [e.first_author for e in entries] == keys


@pytest.mark.parametrize("text, author, year, title", [
    # an organisation's name in capitals ends its sentence as a name in lower case does
    ("NVIDIA. NVIDIA A100 Tensor Core GPU Architecture. Whitepaper, 2020. https://images.nvidia.com/a100.pdf",
     "nvidia", 2020, "NVIDIA A100 Tensor Core GPU Architecture"),
    ("Microsoft. Azure sustainability calculator documentation. Online, 2021. https://learn.microsoft.com/",
     "microsoft", 2021, "Azure sustainability calculator documentation"),
    ("IEA. World Energy Outlook 2020. International Energy Agency, Paris, 2020.", "iea", 2020,
     "World Energy Outlook 2020"),
    ("Smith JR. Deep learning for things. J AI. 2020;3:1-10.", "smith", 2020, "Deep learning for things"),
])
def test_an_organisation_in_capitals_then_its_title(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author, year, title", [
    # 'and' in the language of the list
    ("Strubell, Emma, Ananya Ganesh und Andrew McCallum (2019): Energy and policy considerations for deep learning "
     "in NLP. In: Proceedings of ACL, S. 3645–3650.", "strubell", 2019,
     "Energy and policy considerations for deep learning in NLP"),
    ("Dupont, J. et Martin, P. (2018). Apprentissage profond pour le traitement du langage. Revue TAL, 59(2).",
     "dupont", 2018, "Apprentissage profond pour le traitement du langage"),
    ("Silva, J. e Souza, M. (2020). Aprendizado profundo para textos. Revista Brasileira de IA.", "silva", 2020,
     "Aprendizado profundo para textos"),
    # ... and a family name holding one
    ("Ortega y Gasset, J. (1930). La rebelión de las masas. Madrid: Revista de Occidente.", "ortegaygasset", 1930,
     "La rebelión de las masas"),
    # Harvard (AGPS): the year after the last initial, no stop, the title in single quotes
    ("Strubell, E, Ganesh, A & McCallum, A 2019, 'Energy and policy considerations for deep learning in NLP', in "
     "Proceedings of ACL, pp. 3645-3650.", "strubell", 2019, "Energy and policy considerations for deep learning in NLP"),
    # IEEE: an organisation, its quoted title, its publisher before the year (no crash on the empty rest)
    ('[5] Google, "Environmental report 2020," Google LLC, Mountain View, CA, USA, Tech. Rep., 2020. [Online]. '
     "Available: https://www.gstatic.com/gumdrop/sustainability/google-2020-environmental-report.pdf", "google", 2020,
     "Environmental report 2020"),
])
def test_lists_in_other_languages_and_harvard(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author, year, title", [
    # GOST: initials of another alphabet, the container after ' // ', the authors again after ' / '
    ("Иванов И. И., Петров П. П. Глубокое обучение для обработки текстов // Вестник МГУ. 2020. № 3. С. 10–20.",
     "иванов", 2020, "Глубокое обучение для обработки текстов"),
    ("Иванов И.И., Петров П.П. Глубокое обучение для обработки текстов // Вестник МГУ. – 2020. – № 3. – С. 10–20.",
     "иванов", 2020, "Глубокое обучение для обработки текстов"),
    ("Иванов, И. И. Глубокое обучение для обработки текстов / И. И. Иванов. – Москва : Наука, 2020. – 200 с.",
     "иванов", 2020, "Глубокое обучение для обработки текстов"),
    ("Ivanov I. I., Petrov P. P. Deep learning for text processing // Bulletin of MSU. 2020. No. 3. P. 10–20.",
     "ivanov", 2020, "Deep learning for text processing"),
    ("Παπαδόπουλος Γ., Νικολάου Κ. Βαθιά μάθηση για κείμενα. Περιοδικό Πληροφορικής, 2019.", "παπαδοπουλοσ", 2019,
     "Βαθιά μάθηση για κείμενα"),
    # ... a slash of a title's own stays
    ("Smith, J. (2020). Models of A / B testing at scale. Journal of Things.", "smith", 2020,
     "Models of A / B testing at scale"),
])
def test_gost_and_other_alphabets(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, arxiv, title", [
    # DBLP's journal for arXiv papers, as every style prints it
    ("Patterson D, et al. Carbon emissions and large neural network training. CoRR. 2021;abs/2104.10350.",
     "2104.10350", "Carbon emissions and large neural network training"),
    ("Ashish Vaswani, Noam Shazeer, and Niki Parmar. 2017. Attention is all you need. CoRR, abs/1706.03762.",
     "1706.03762", "Attention is all you need"),
    ("A. Vaswani et al., \"Attention is all you need,\" CoRR, vol. abs/1706.03762, 2017.", "1706.03762",
     "Attention is all you need"),
    ("Vaswani, A. et al. Attention is all you need. CoRR abs/1706.03762 (2017).", "1706.03762",
     "Attention is all you need"),
    # ... not another address's 'abs/'
    ("Vaswani, A. et al. Attention is all you need. CoRR 2017. https://example.org/abs/1706.03762", None,
     "Attention is all you need"),
    # a one-word name, where it is kept, its address
    ("Schmidt, V. et al. CodeCarbon. Zenodo https://zenodo.org/record/4658424 (2021).", None, "CodeCarbon"),
    ("John Smith. 2020. Things. Journal of Stuff https://example.org", None, None),
])
def test_corr_ids_and_software_kept_somewhere(text: str, arxiv: str | None, title: str | None) -> None:
    entry = parse_entry(text)
    assert (entry.arxiv_id, entry.title) == (arxiv, title)


@pytest.mark.parametrize("text, author, year, title", [
    # Chicago and MLA print the first author inverted, a given name after the comma: the words before it
    # are the family name, keyed whole as BibTeX keys it
    ('Le Scao, Teven, Angela Fan, Christopher Akiki, et al. 2022. "BLOOM: A 176B-Parameter Open-Access '
     'Multilingual Language Model." arXiv preprint arXiv:2211.05100.', "lescao", 2022,
     "BLOOM: A 176B-Parameter Open-Access Multilingual Language Model"),
    ('van der Walt, Stéfan, S. Chris Colbert, and Gaël Varoquaux. 2011. "The NumPy Array: A Structure for '
     'Efficient Numerical Computation." Computing in Science & Engineering 13 (2): 22–30.', "vanderwalt", 2011,
     "The NumPy Array: A Structure for Efficient Numerical Computation"),
    ('De Vries, Alex. 2023. "The Growing Energy Footprint of Artificial Intelligence." Joule 7 (10): 2191–94.',
     "devries", 2023, "The Growing Energy Footprint of Artificial Intelligence"),
    ('Le Scao, Teven, et al. "BLOOM: A 176B-Parameter Open-Access Multilingual Language Model." arXiv, 2022.',
     "lescao", 2022, "BLOOM: A 176B-Parameter Open-Access Multilingual Language Model"),
    ("O'Neil, Cathy. 2016. Weapons of Math Destruction. New York: Crown.", "oneil", 2016,
     "Weapons of Math Destruction"),
    ('Zhang-Li, Wei, and Bo Chen. 2020. "A Study of Neural Things." Journal of Stuff 3: 1–10.', "zhangli", 2020,
     "A Study of Neural Things"),
    # ... and APA's one author, the initial's stop taken by the year's bracket
    ("Mc Carthy, J. (1960). Recursive functions of symbolic expressions. Communications of the ACM, 3(4), 184–195.",
     "mccarthy", 1960, "Recursive functions of symbolic expressions"),
    # ... people in their order stay keyed on their family name (a capitalised particle's with it), an organisation
    # stays whole
    ("Teven Le Scao, Angela Fan, and Christopher Akiki. 2022. BLOOM: A multilingual model. arXiv.", "lescao", 2022,
     "BLOOM: A multilingual model"),
    ("Van Nguyen, Minh Tran, and Bo Chen. 2020. Deep learning for Vietnamese text. In ACL.", "nguyen", 2020,
     "Deep learning for Vietnamese text"),
    # APA's date of a news article or blog post after the year, and a title opening with a month's word
    ("Criddle, C. (2021, February 10). Bitcoin consumes more electricity than Argentina. BBC News. "
     "https://www.bbc.com/news/technology-56012952", "criddle", 2021, "Bitcoin consumes more electricity than Argentina"),
    ("Smith, J. (2019, November 3–5). Bias in NLP systems [Conference presentation]. ACL, Florence.", "smith", 2019,
     "Bias in NLP systems"),
    ("John Smith. 2019. May I help you? A study of dialogue. In ACL.", "smith", 2019,
     "May I help you? A study of dialogue"),
    ("Smith, J. (2019). March of the machines: automation and work. Journal of Work.", "smith", 2019,
     "March of the machines: automation and work"),
    ("Pham, H., Guan, M., 2018, July. Efficient neural architecture search. In ICML.", "pham", 2018,
     "Efficient neural architecture search"),
    # APA 7's kind of work in square brackets, a standard's number
    ("Strubell, E. (2021). Energy-efficient deep learning for natural language processing [Doctoral dissertation, "
     "University of Massachusetts Amherst]. ScholarWorks.", "strubell", 2021,
     "Energy-efficient deep learning for natural language processing"),
    ("International Organization for Standardization. (2018). Energy management systems — Requirements with guidance "
     "for use (ISO Standard No. 50001:2018).", "internationalorganizationforstandardization", 2018,
     "Energy management systems — Requirements with guidance for use"),
    ("IEEE. 2019. IEEE Standard for Floating-Point Arithmetic (IEEE Std 754-2019). IEEE, New York.", "ieee", 2019,
     "IEEE Standard for Floating-Point Arithmetic"),
    # Vancouver's date a web page was cited is not its year
    ("Strubell E, Ganesh A, McCallum A. Energy and policy considerations for deep learning in NLP [Internet]. arXiv; "
     "2019 [cited 2023 Mar 1]. Available from: http://arxiv.org/abs/1906.02243", "strubell", 2019,
     "Energy and policy considerations for deep learning in NLP"),
    # APA's ellipsis before the last of many authors
    ("Perlmutter, S., Aldering, G., Goldhaber, G., Knop, R. A., Nugent, P., Castro, P. G., . . . The Supernova "
     "Cosmology Project. (1999). Measurements of Omega and Lambda from 42 high-redshift supernovae. The "
     "Astrophysical Journal, 517(2), 565–586.", "perlmutter", 1999,
     "Measurements of Omega and Lambda from 42 high-redshift supernovae"),
])
def test_chicago_apa_and_vancouver_as_printed(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


_ACL_LIST = [
    "Rhonda Ascierto. 2018. Uptime Institute Global Data Center Survey. Technical report, Uptime Institute.",
    "Dzmitry Bahdanau, Kyunghyun Cho, and Yoshua Bengio. 2015. Neural machine translation by jointly learning to "
    "align and translate. In ICLR.",
    "EP A. 2018. Emissions & Generation Resource Integrated Database. Technical report.",
    "Marks and Spencer. 2019. Plan A report 2019. Report.",
    "Da Li, Xinbo Chen, Michela Becchi, and Ziliang Zong. 2016. Evaluating the energy efficiency of deep "
    "convolutional neural networks. In IEEE BDCloud.",
    "Thang Luong, Hieu Pham, and Christopher D. Manning. 2015. Effective approaches to attention-based neural "
    "machine translation. In EMNLP.",
    "LI X. 2020. Deep learning for things. Journal of Things.",
]
_CITATION_ORDER = [
    "[1] Yamada Taro, Suzuki Hanako. 2019. A study of Japanese parsing. In Proceedings of NLP.",
    "[2] Tanaka Ichiro, Abe Kenji. 2018. Neural machine translation for Japanese. In COLING.",
    "[3] Emma Strubell, Ananya Ganesh. 2019. Energy and policy considerations. In ACL.",
]


@pytest.mark.parametrize("body, lines, keys", [
    # an acronym cut at a kerning that the paper prints whole; a name joined by 'and' in a list that names
    # people with given names or initials ('LI X.' spells nothing the paper prints)
    ("The U.S. Environmental Protection Agency (EPA) provides numbers.", _ACL_LIST,
     ["ascierto", "bahdanau", "epa", "marksandspencer", "li", "luong", "li"]),
    ("Some text.", _ACL_LIST, ["ascierto", "bahdanau", "ep", "marksandspencer", "li", "luong", "li"]),
    # ... in a list of family names alone, 'and' joins two people
    ("Some text.", ["Strubell and McCallum. 2019. Energy and policy. In ACL.", "Ganesh and Smith. 2020. Other "
                    "things here. In ACL.", "Turing. 1950. Computing machinery. Mind."], ["strubell", "ganesh", "turing"]),
    # family names first in the order of citation: the paper cites them with 'et al.', or prints them given name
    # first in its byline; and the names' words say so, Japanese family names before given names in Hepburn's
    # spelling (sweep 51: 'taro', 'ichiro' before, with nothing else to say so)
    ("Yamada et al. [1] parse Japanese; Tanaka et al. [2] translate it.", _CITATION_ORDER,
     ["yamada", "tanaka", "strubell"]),
    ("Taro Yamada, Hanako Suzuki\nUniversity of Tokyo\nWe parse text [1, 2].", _CITATION_ORDER,
     ["yamada", "tanaka", "strubell"]),
    ("We parse text [1, 2]. Strubell et al. [3] count carbon.", _CITATION_ORDER, ["yamada", "tanaka", "strubell"]),
])
def test_names_the_rest_of_the_paper_tells(body: str, lines: list[str], keys: list[str]) -> None:
    from kb.text.refs import find_references
    entries = find_references([f"A paper\n{body}", "\n".join(["References", *lines])])
    assert [e.first_author for e in entries] == keys


@pytest.mark.parametrize("text, author, year, title", [
    # a book's editors at the head of its entry
    ("Jones K, editor. The book of neural things. London: Routledge; 2019.", "jones", 2019, "The book of neural things"),
    ("Jones, K. (ed.) (2019) The book of neural things. London: Routledge.", "jones", 2019,
     "The book of neural things"),
    ("Jones, K. and Li, H., eds. 2019. The book of neural things. London: Routledge.", "jones", 2019,
     "The book of neural things"),
    # ... an editor further on, or a given name 'Ed', is not
    ("Smith J (2019) A chapter on things. In: Jones K, Brown L (eds) The Book of Things. Springer, Cham, pp 1–20",
     "smith", 2019, "A chapter on things"),
    ("Ed Smith. 2019. A study of neural things. In ACL.", "smith", 2019, "A study of neural things"),
    # a report's number after its title; a name in brackets of the title's own stays
    ("U.S. Department of Energy. (2024). 2024 United States data center energy usage report (LBNL-2001637). "
     "Lawrence Berkeley National Laboratory.", "usdepartmentofenergy", 2024,
     "2024 United States data center energy usage report"),
    ("Reed, J. (2020). Clinical features of coronavirus disease 2019 (COVID-19). The Lancet.", "reed", 2020,
     "Clinical features of coronavirus disease 2019 (COVID-19)"),
    # the organisation again as its publisher after the title (the IEA's and the OECD's own style)
    ("IEA (2023), Electricity 2024, IEA, Paris https://www.iea.org/reports/electricity-2024", "iea", 2023,
     "Electricity 2024"),
    ("OECD (2019), Measuring the Digital Transformation: A Roadmap for the Future, OECD Publishing, Paris.", "oecd",
     2019, "Measuring the Digital Transformation: A Roadmap for the Future"),
    # (a word opening with the body's name is not the body again; the place after it is no part of the title, nor
    # the one word before that place, the address's building as a publisher's name would be)
    ("Google (2020), Environmental report, Googleplex, Mountain View.", "google", 2020,
     "Environmental report"),
    ("Google (2020), Environmental report, Googleplex.", "google", 2020, "Environmental report, Googleplex"),
    # IEEE's book in its series: the stop of 'vol.' is not the title's end
    ("[17] G. A. Anastassiou, Banach Space Valued Neural Network (Studies in Computational Intelligence), vol. 1062. "
     "Cham, Switzerland: Springer, 2023.", "anastassiou", 2023, "Banach Space Valued Neural Network"),
])
def test_editors_report_numbers_and_series(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("text, author, year, title", [
    # Elsevier's 'in:' after the title's comma
    ("E. Strubell, A. Ganesh, A. McCallum, Energy and policy considerations for deep learning in NLP, in: Proceedings "
     "of ACL, 2019, pp. 3645–3650.", "strubell", 2019, "Energy and policy considerations for deep learning in NLP"),
    # French guillemets, German names between slashes
    ("Dupont J., Martin P., « Apprentissage profond pour le traitement du langage », Revue TAL, vol. 59, n° 2, 2018, "
     "p. 1-20.", "dupont", 2018, "Apprentissage profond pour le traitement du langage"),
    ("Müller, Hans / Schmidt, Peter (2019): Tiefes Lernen für Sprache. In: Zeitschrift für Sprache 12, S. 1–20.",
     "muller", 2019, "Tiefes Lernen für Sprache"),
    ("Smith, J. (2020). Models of A / B testing at scale. Journal of Things.", "smith", 2020,
     "Models of A / B testing at scale"),
    # Vietnamese spelling writes the family name first; Croatian and Romanian do not, nor a list in English order
    ("Nguyễn Văn An, Trần Thị Bích (2020) Học sâu cho phân loại văn bản tiếng Việt. Tạp chí Tin học 3:1–10", "nguyen",
     2020, "Học sâu cho phân loại văn bản tiếng Việt"),
    ("An Văn Nguyễn and Bich Tran. 2020. Vietnamese parsing with neural networks. In ACL.", "nguyen", 2020,
     "Vietnamese parsing with neural networks"),
    ("Novak Đoković, Ana Ivanović. 2020. Tennis analytics with deep learning. In ACL.", "dokovic", 2020,
     "Tennis analytics with deep learning"),
    ("Ioana Bădescu and Mihai Popescu. 2019. Romanian text processing at scale. In LREC.", "badescu", 2019,
     "Romanian text processing at scale"),
])
def test_elsevier_and_other_languages(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)


@pytest.mark.parametrize("lines, expected", [
    # the authors of the entry before, as a dash: Chicago's '———.', MLA's '---.', IEEE's '——,'
    (['Turing, Alan M. 1950. "Computing Machinery and Intelligence." Mind 59 (236): 433–60.',
      '———. 1952. "The Chemical Basis of Morphogenesis." Philosophical Transactions B 237: 37–72.',
      'Strubell, Emma. 2019. "Energy and Policy Considerations." In ACL.',
      '---. 2020. "More Energy Things Here." In EMNLP.',
      'Zhang, Wei. 2021. "Artificial Intelligence',
      '— A Survey of Surveys." Journal of Things 3: 1–10.'],
     [("turing", 1950, "Computing Machinery and Intelligence"), ("turing", 1952, "The Chemical Basis of Morphogenesis"),
      ("strubell", 2019, "Energy and Policy Considerations"), ("strubell", 2020, "More Energy Things Here"),
      ("zhang", 2021, "Artificial Intelligence — A Survey of Surveys")]),
    (['[1] A. M. Turing, "Computing machinery and intelligence," Mind, vol. 59, pp. 433–460, 1950.',
      '[2] ——, "The chemical basis of morphogenesis," Phil. Trans. R. Soc. B, vol. 237, pp. 37–72, 1952.',
      '[3] Hugging Face, Inc. 2023. Transformers documentation. https://huggingface.co/docs'],
     [("turing", 1950, "Computing machinery and intelligence"), ("turing", 1952, "The chemical basis of morphogenesis"),
      ("huggingface", 2023, "Transformers documentation")]),
])
def test_the_same_authors_as_a_dash(lines: list[str], expected: list[tuple[str, int, str]]) -> None:
    from kb.text.refs import find_references
    entries = find_references(["Intro\nSome text.", "\n".join(["References", *lines])])
    assert [(e.first_author, e.year, e.title) for e in entries] == expected


@pytest.mark.parametrize("text, author, year, title", [
    # a standard by its number: its body the author, the sentence after the number its title
    ("ISO/IEC 42001:2023. Information technology — Artificial intelligence — Management system. Geneva: ISO; 2023.",
     "isoiec", 2023, "Information technology — Artificial intelligence — Management system"),
    ("IEEE Std 754-2019. IEEE Standard for Floating-Point Arithmetic. IEEE; 2019.", "ieee", 2019,
     "IEEE Standard for Floating-Point Arithmetic"),
    ("NIST SP 800-53 Rev. 5. Security and privacy controls for information systems. NIST, 2020.", "nist", 2020,
     "Security and privacy controls for information systems"),
    # ... the body as the author, the number in the title, stays
    ("ISO. 2018. ISO 50001:2018 Energy management systems. Geneva.", "iso", 2018,
     "ISO 50001:2018 Energy management systems"),
])
def test_standards_by_their_number(text: str, author: str, year: int, title: str) -> None:
    entry = parse_entry(text)
    assert (entry.first_author, entry.year, entry.title) == (author, year, title)
