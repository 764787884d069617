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
