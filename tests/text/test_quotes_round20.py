"""Round 20: held-out sentences of the five papers' pypdf text and of corpus PDFs earlier rounds used
least, as a reader copies them, with wrong twins that lean on what the matcher forgives (punctuation,
an ellipsis, an editorial bracket): each twin says something the page does not and is refused, never
verified, nor verified "with a note"."""

from __future__ import annotations

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

# luccioni2023 p.4, as pypdf reads it
FORMULA = ("For instance, a model trained on a single GPU consuming 300 W for 100 hours on a grid that emits "
           "500 gCO2eq/kWh will\nemit 0.3 kW × 100 h × 500 g/kWh = 15000 g = 15 kg of CO2eq. The same model "
           "trained on a less carbon-intensive\n")


@pytest.fixture(scope="module")
def formula() -> Document:
    return Document([FORMULA])


@pytest.mark.parametrize("quote", [
    "will emit 0.3 kW × 100 h × 500 g/kWh ≠ 15000 g = 15 kg of CO2eq",
    "will emit 0.3 kW × 100 h × 500 g/kWh = 15000 g ≠ 15 kg of CO2eq",
])
def test_not_equal_for_equal_is_another_relation_never_punctuation(formula, quote) -> None:
    assert find_quote(formula, quote) is None


def test_the_formula_as_copied_verifies(formula) -> None:
    m = find_quote(formula, "will emit 0.3 kW × 100 h × 500 g/kWh = 15000 g = 15 kg of CO2eq.")
    assert m is not None and m.method != "punctuation"


# luccioni2023 p.9 and p.10, as pypdf reads them
PARETO = ("In other words, all the data points\nunder the Pareto lines correspond to models that obtained lower "
          "accuracy than other models in the sample despite\nproducing the same or more carbon emissions. The WMT "
          "English-French data set is almost 4 times larger\nthan the English-German one.\n")
DESPITE = ("Despite the lack of clear correlation between carbon intensity and model performance, there are some "
           "interesting\nobservations to be made based on Figure 4. We are also lacking\ninformation regarding "
           "the carbon impact of model development and inference.\n")


@pytest.fixture(scope="module")
def compared() -> Document:
    return Document([PARETO, DESPITE])


@pytest.mark.parametrize("quote", [
    "models that obtained … accuracy than other models in the sample",         # "lower" left out
    "the WMT English-French data set is almost 4 times … than the English-German one",     # "larger"
    "the WMT English-French data set is almost 4 times … the English-German one",
])
def test_an_ellipsis_never_leaves_out_a_comparative_whose_than_is_kept(compared, quote) -> None:
    assert find_quote(compared, quote) is None


@pytest.mark.parametrize("quote", [
    "Despite the … clear correlation between carbon intensity and model performance",     # "lack of"
    "We are also … information regarding the carbon impact of model development",         # "lacking"
])
def test_an_ellipsis_never_leaves_out_a_lack_of_what_it_keeps(compared, quote) -> None:
    assert find_quote(compared, quote) is None


@pytest.mark.parametrize("quote, page", [
    ("all the data points under the Pareto lines correspond to models that obtained lower accuracy than other "
     "models … despite producing the same or more carbon emissions", 1),
    ("Despite the lack of clear correlation between carbon intensity and model performance, there are some … "
     "observations", 2),
    ("the WMT English-French data set is almost 4 times larger than the English-German one", 1),
])
def test_those_sentences_elided_elsewhere_verify(compared, quote, page) -> None:
    m = find_quote(compared, quote)
    assert m is not None and m.page == page


# luccioni2023 p.6 and strubell2019 p.2, as pypdf reads them
COUNTRIES = ("On the other end, the countries with the lowest carbon intensity in our\nsample are Canada (which "
             "ranges between 1.30 and 52.89 gCO2eq/kWh, depending on the province) and Spain. First, we\ncan "
             "observe differences of several orders of magnitude in the energy used by models in our sample, "
             "ranging\nfrom just about 10 kWh to more than 10,000 kWh, which results in similar differences.\n")
ELMO = ("We train all models on\na single NVIDIA Titan X GPU, with the excep-\ntion of ELMo which was trained "
        "on 3 NVIDIA\nGTX 1080 Ti GPUs.\n")


@pytest.fixture(scope="module")
def ending() -> Document:
    return Document([COUNTRIES, ELMO])


@pytest.mark.parametrize("quote", [
    "the countries with the lowest carbon intensity in our sample are [the US]",
    "the countries with the lowest carbon intensity in our sample are [Spain]",
    "ranging from just about 10 kWh to more than 10,000 [MWh]",
    "with the exception of ELMo [and BERT]",
    "with the exception of ELMo [BERT]",
])
def test_a_bracket_ending_a_quote_never_says_what_the_sentence_goes_on_to(ending, quote) -> None:
    assert find_quote(ending, quote) is None


@pytest.mark.parametrize("quote, page", [
    ("the countries with the lowest carbon intensity in our sample are [Canada]", 1),
    ("ranging from just about 10 kWh to more than 10,000 [kWh]", 1),
    ("We train all models on a single NVIDIA Titan X GPU, with the exception of ELMo", 2),
])
def test_a_bracket_ending_a_quote_with_the_words_printed_there_verifies(ending, quote, page) -> None:
    m = find_quote(ending, quote)
    assert m is not None and m.page == page


# strubell2019 p.3-4 and luccioni2024 p.5-6, as pypdf reads them: a table at the top of the next page, and
# the page's body after its caption (strubell2019) or before it (luccioni2024)
TABLE_TOP = [
    "We estimate the cloud compute cost using on-demand\nand preemptible prices for TPU v2/3; cheaper bulk "
    "contracts are available.\n",
    "Model Hardware Power (W) Hours kWh ·PUE CO 2e Cloud compute cost\nTransformerbase P100x8 1415.78 12 27 26 "
    "$41–$140\nTransformerbig P100x8 1515.43 84 201 192 $289–$981\nTable 3: Estimated cost of training a model in "
    "terms of CO 2 emissions (lbs) and cloud compute cost (USD).\n7 Power\nand carbon footprint are omitted for "
    "TPUs due to lack of publi c information on power draw for this hardware.\n4 Experimental results\n4.1 Cost "
    "of training\nTable\n3 lists CO 2 emissions and estimated cost of\ntraining the models described in §2.1. Of "
    "note is\nthat TPUs are more cost-efﬁcient than GPUs on\nworkloads that make sense for that hardware (e.g.\n"
    "BERT). We also see that models emit substan-\ntial carbon emissions.\n",
    "For a more thorough analysis of how this is done, see Luccioni and Hernandez-Garcia [2023].\n",
    "Text-based tasks are, all things considered, more energy-efficient than image-based tasks, with image\n"
    "classification requiring less energy (median of 0.0068 kWh for 1,000 inferences) than image generation\n"
    "(1.35 kWh) and, conversely, text generation (0.042 KwH) requiring more than text classification (0.0023\n"
    "kWh), although there is also a large variation between image generation models, depending on the size of\n"
    "image that they generate.\ninference energy (kWh)\ntask mean std\ntext classification 0.002 0.001\n"
    "image generation 2.907 3.31\nTable 2. Mean and standard deviation of energy per 1,000 queries for the ten "
    "tasks.\nWe can also observe that there is a large variation in the amount of energy used.\n",
]


@pytest.fixture(scope="module")
def table_top() -> Document:
    return Document(TABLE_TOP)


@pytest.mark.parametrize("quote", [
    "cheaper bulk contracts are available. BERT). We also see that models emit substantial carbon emissions.",
    "see Luccioni and Hernandez-Garcia [2023]. We can also observe that there is a large variation",
])
def test_a_quote_spliced_from_two_pages_across_body_text_is_refused(table_top, quote) -> None:
    assert find_quote(table_top, quote) is None


@pytest.mark.parametrize("quote, page", [
    ("cheaper bulk contracts are available.", 1),
    ("Table 3 lists CO2 emissions and estimated cost of training the models described in §2.1.", 2),
    ("see Luccioni and Hernandez-Garcia [2023]. Text-based tasks are, all things considered, more "
     "energy-efficient than image-based tasks", 3),
])
def test_the_passages_of_those_pages_verify(table_top, quote, page) -> None:
    m = find_quote(table_top, quote)
    assert m is not None and m.page == page


# dodge2022 p.3, as pypdf reads it
SEMINAL = ("Attention was first drawn to the environmental impact of AI research by the seminal work of Strubell et "
           "al. [42], which\nquantified the emissions produced by training a Transformer model with Neural "
           "Architecture search, finding it to\nbe comparable to the lifetime carbon emissions of five cars.\n")


@pytest.mark.parametrize("quote, found", [
    ("finding it to be comparable to the lifetime carbon emissions of five [American] cars", False),
    ("Attention was first drawn to the environmental impact of [Google] AI research", False),
    ("the seminal work of [Strubell et al.], which quantified the emissions", True),
    ("produced by training a [Transformer] model with Neural Architecture search", True),
])
def test_a_name_in_brackets_standing_for_nothing_is_one_the_page_prints(quote, found) -> None:
    assert (find_quote(Document([SEMINAL]), quote) is not None) is found


# scibert-1903.10676 p.1, as pypdf reads it
SMALLER = ("BC5CDR and ChemProt, and performs similarly\non JNLPBA despite being trained on a substan-\ntially smaller "
           "biomedical corpus.\n")


@pytest.mark.parametrize("quote, found", [
    ("performs similarly on JNLPBA despite being trained on a substantially … biomedical corpus.", False),
    ("performs similarly on JNLPBA despite being trained on a … smaller biomedical corpus.", True),
])
def test_an_ellipsis_never_leaves_out_a_comparative_before_a_noun(quote, found) -> None:
    assert (find_quote(Document([SMALLER]), quote) is not None) is found


# dodge2022 p.3, as pypdf reads it (the last sentence made up)
APOSTROPHE = ("EnergyVis [41] is an interactive tool for visualizing and comparing energy consumption of ML\nmodels "
              "as a function of hardware and physical location (U.S. state), given metadata about a model’s energy "
              "use per\nepoch. We compare it with the authors’ own estimates.\n")


@pytest.mark.parametrize("quote", [
    "given metadata about a models’ energy use per epoch",     # one model's, not several models'
    "We compare it with the author’s own estimates.",         # several authors', not one author's
])
def test_an_apostrophe_moved_in_a_word_is_another_word_never_punctuation(quote) -> None:
    assert find_quote(Document([APOSTROPHE]), quote) is None


def test_the_possessive_as_printed_verifies() -> None:
    m = find_quote(Document([APOSTROPHE]), "given metadata about a model's energy use per epoch.")
    assert m is not None and m.method != "punctuation"


# luccioni2023 p.3, as pypdf reads it
THEY = ("The models in our sample cover a diversity of tasks spanning nine years of research in the field and a "
        "variety of\nconferences and journals. They all represent novel architectures at the time of publication.\n")


@pytest.mark.parametrize("quote, found", [
    ("[The other models] all represent novel architectures at the time of publication", False),
    ("[The remaining models] all represent novel architectures at the time of publication", False),
    ("[The rest] all represent novel architectures at the time of publication", False),
    ("[The models] all represent novel architectures at the time of publication", True),
])
def test_a_bracket_for_they_never_names_a_part_of_what_they_are(quote, found) -> None:
    assert (find_quote(Document([THEY]), quote) is not None) is found


# luccioni2024 p.4, as pypdf reads it
MOST = ("Task-specific Models. For all of the tasks listed above, we selected the 8 most popular models from the "
        "HuggingFace\nHub (by number of downloads) 2 - we present the full list of model identifiers in Table 6.\n")


@pytest.mark.parametrize("quote, found", [
    ("we selected the 8 … popular models from the HuggingFace Hub", False),      # "most" left out
    ("we selected the 8 most popular models … (by number of downloads)", True),
])
def test_an_ellipsis_never_leaves_out_a_superlative(quote, found) -> None:
    assert (find_quote(Document([MOST]), quote) is not None) is found


# arxiv-2304.02623v1 p.3, as pypdf reads it
MERELY = ("More importantly, Ziegler et al.\n[35] shows that recent instruction-tuned models are merely “smart\n"
          "copiers” when performing summarization, and overly trusting the\nmodel outputs risks biasing authors’ "
          "views.\n")


@pytest.mark.parametrize("quote, found", [
    ("recent instruction-tuned models are … “smart copiers” when performing summarization", False),   # "merely"
    ("recent instruction-tuned models are merely “smart copiers” … and overly trusting the model outputs", True),
])
def test_an_ellipsis_never_leaves_out_a_qualifier_before_a_quotation_mark(quote, found) -> None:
    assert (find_quote(Document([MERELY]), quote) is not None) is found


# patterson2021 p.2, as pypdf reads it (its wide spacing)
CONDITION = ("If   the   total   ML   energy   is   split   10%   on   training   and   90%   on   serving,   then   even  "
             " if   a   given   ML   \nmodel   required   double   the   energy   cost   of   training,   it   could   "
             "reduce   overall   total   carbon   emissions   if   that   model   \nalso   cut   serving   energy   by   "
             "20%.   \n")


@pytest.mark.parametrize("quote, found", [
    ("the total ML energy is split 10% on training and 90% on serving", False),       # "If" left out
    ("a given ML model required double the energy cost of training", False),           # "even if"
    ("that model also cut serving energy by 20%.", False),
    ("If the total ML energy is split 10% on training and 90% on serving", True),
    # what the sentence's opening "If ... 90% on serving, then" says follows, the split left out (verified only while
    # a line break hid that condition)
    ("it could reduce overall total carbon emissions if that model also cut serving energy by 20%.", False),
    ("then even if a given ML model required double the energy cost of training, it could reduce overall total carbon "
     "emissions if that model also cut serving energy by 20%.", True),
])
def test_a_quote_never_starts_inside_a_condition_it_leaves_out(quote, found) -> None:
    assert (find_quote(Document([CONDITION]), quote) is not None) is found


# luccioni2023 p.3, as pypdf reads it
COLLECTED = ("We were able to collect information for a total of 95 models from 77 papers (since\nsome of the papers "
             "trained more than one model), which represents an author response rate of 15.4 %.\n")


@pytest.mark.parametrize("quote, found", [
    ("We were able to collect information for a total of [~]95 models from 77 papers", False),
    ("We were able to collect information for a total of [>] 95 models from 77 papers", False),
    ("We were able to collect information for a total of [+/-] 95 models from 77 papers", False),
    ("[W]e were able to collect information for a total of 95 models from 77 papers", True),
])
def test_a_bracket_holding_a_sign_alone_is_never_an_insertion(quote, found) -> None:
    assert (find_quote(Document([COLLECTED]), quote) is not None) is found


def test_a_gloss_ending_a_quote_is_the_writers_marked_so() -> None:
    d = Document(["Recent Transformer language models like BERT learn powerful textual representations."])
    assert find_quote(d, "Recent Transformer language models like BERT [e.g., SciBERT]") is not None
    assert find_quote(d, "Recent Transformer language models like BERT [and SciBERT]") is None


# strubell2019 p.4, as pypdf reads it: a table, its caption, a footnote, headings and a paragraph, then the next
MID_PAGE = ("we find that\nNAS P100x8 1515.43 274,120 656,347 626,155 $942,973–$3,20 1,722\nGPT-2 TPUv3x32 — 168 — — "
            "$12,902–$43,008\nTable 3: Estimated cost of training a model in terms of CO 2 emissions (lbs) and cloud "
            "compute cost (USD).\n7 Power\nand carbon footprint are omitted for TPUs due to lack of publi c "
            "information on power draw for this hardware.\n4 Experimental results\n4.1 Cost of training\nTable\n3 "
            "lists CO 2 emissions and estimated cost of\ntraining the models described in §2.1. Of note is\nthat TPUs "
            "are more cost-efﬁcient than GPUs on\nworkloads that make sense for that hardware.\nSo et al. (2019) "
            "report that NAS achieves a new state-of-the-art.\n")


@pytest.mark.parametrize("quote, found", [
    ("GPT-2 TPUv3x32 — 168 — — $12,902–$43,008 So et al. (2019) report that NAS", False),
    ("Table 3 lists CO2 emissions and estimated cost of training the models described in §2.1.", True),
])
def test_an_aside_inside_a_page_is_skipped_without_the_body_text_after_it(quote, found) -> None:
    assert (find_quote(Document([MID_PAGE]), quote) is not None) is found


# A negated relation printed as one character ("∉", "⊄", "≮", "≉") is that character's symbol with the
# overlay U+0338: it must not fold to the symbol it negates, nor its overlay be dropped as a diacritic.
RELATIONS = "Then x ∉ S for every model, A ⊄ C and p ≮ q, while r ≉ s; and y =\u0338 z where the font lacks ≠."


@pytest.mark.parametrize("quote, found", [
    ("Then x ∉ S for every model", True),
    ("Then x ∈ S for every model", False),
    ("A ⊄ C and p ≮ q", True),
    ("A ⊂ C and p ≮ q", False),
    ("A ⊄ C and p < q", False),
    ("while r ≉ s", True),
    ("while r ≈ s", False),
    ("while r s", False),
    ("and y = z where", False),
])
def test_a_negated_relation_is_never_its_positive(quote, found) -> None:
    assert (find_quote(Document([RELATIONS]), quote) is not None) is found
