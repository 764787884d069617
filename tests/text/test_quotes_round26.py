"""Round 26 (held-out set: benchmarks/data/quotes-labels-round26.json): sentences of the five papers' text as
writers quote them in notes, and why kb says a quote is refused, in words a writer acts on."""

from __future__ import annotations

import pytest

from kb.text.match import closest_passage, find_quote
from kb.text.normalise import Document


def why(page: str, quote: str) -> str:
    doc = Document([page])
    assert find_quote(doc, quote) is None
    return closest_passage(doc, quote).describe()


# A refused quote whose words are alike to a reader says why kb does not take them as the page's: a name's number
# it may not leave out as a footnote's mark, a number's digits grouped otherwise or pointed, a spelling.
@pytest.mark.parametrize("printed, quoted, said", [
    ("We trained Llama2 models", "We trained Llama models", "footnote 2 names Llama"),
    ("We trained Llama models", "We trained Llama2 models", "a number the quote adds"),
    ("It used 1,287 MWh of energy", "It used 12,87 MWh of energy", "grouped otherwise"),
    ("It used 1,287 MWh of energy", "It used 1.287 MWh of energy", "a decimal point where the page has"),
    ("the modelling of the energy use", "the modeling of the energy use", "spelling changed:"),
    ("the colour of the energy use", "the color of the energy use", "spelling changed:"),
    ("the data center-wide energy use", "the data centre-wide energy use", "spelling changed:"),
    ("XSUM 226,677 1 454.5 31.7 24.0 1.0", "XSUM 226,677 1454.5 31.7 24.0", "1454.5 -> 1 454.5"),
    ("XSUM 226,677 1 454.5 31.7 24.0 1.0", "XSUM 226,677 1 454.5 31.724.0", "31.724.0 -> 31.7 24.0"),
])
def test_words_alike_to_a_reader_say_why_they_are_refused(printed, quoted, said) -> None:
    assert said in why(f"In 2021, {printed} for the largest runs.", quoted)


# A quote whose words are all the page's, refused for the words around it or the ones its ellipsis leaves out,
# names them ("not" after its last word, "If" or "up to" before its first), never "no word differs: check punctuation".
@pytest.mark.parametrize("quote, said", [
    ("our model does … require any citation information", "(nothing) -> not"),
    ("our model does … require any citation data", "(nothing) -> not"),
    ("from 10 kWh to … 10000 kWh", "(nothing) -> more than"),     # said after a condition opening its sentence too
    ("the total energy is split 10% on training", 'only under a condition, "If ..."'),
    ("8% in the region", '"up to" right before'),
])
def test_a_quote_refused_for_the_words_around_it_names_them(quote, said) -> None:
    page = ("Unlike prior works, our model does not require any citation information. If the total energy is split"
            " 10% on training, it grows by up to 8% in the region, from 10 kWh to more than 10,000 kWh.")
    assert said in why(page, quote)


# An elided or bracketed quote's whole number typed with or without the page's thousands commas is the page's, as an
# unelided quote's is; another number, or digits grouped otherwise, never.
PAGE = "We observe differences in the energy used by the models, from 10 kWh to more than 10,000 kWh on 2880 GPUs."


@pytest.mark.parametrize("quote, wrong", [
    ("differences in the energy […] from 10 kWh to more than 10000 kWh", ["10001 kWh", "1000 kWh", "10000 MWh"]),
    ("[d]ifferences in the energy used by the models, from 10 kWh to more than 10000 kWh", ["100000 kWh"]),
    ("the energy […] on 2,880 GPUs", ["28,80 GPUs", "2,880 TPUs", "2,890 GPUs"]),
])
def test_an_elided_quotes_whole_number_may_drop_or_add_the_pages_thousands_commas(quote, wrong) -> None:
    doc = Document([PAGE])
    assert find_quote(doc, quote) is not None
    head = quote.rsplit(" ", 2)[0]
    assert all(find_quote(doc, f"{head} {w}") is None for w in wrong)


def test_a_refusal_names_what_the_ellipsis_leaves_out_and_not_a_number_it_takes() -> None:
    page = "While packages do exist, they are rarely employed in practice for 10,000 models."
    said = why(page, "they … employed in practice")
    assert "are rarely" in said and "ellipsis" in said
    said = why(page, "they … employed in practice for 10000 modules")
    assert "modules -> models" in said and "10000" not in said


# A quote refused where no word differs says what it cuts: a sentence the page goes on with, a number it starts inside.
@pytest.mark.parametrize("quote, said", [
    ("whether patients regretted the surgery.", 'ends its sentence where the page goes on "or would"'),
    ("22 < 0.001 in the study", 'starts inside the number the page prints as "3.3e− 22"'),
])
def test_a_quote_cut_inside_a_sentence_or_a_number_says_so(quote, said) -> None:
    page = "They asked whether patients regretted the surgery or would recommend it, p = 3.3e− 22 < 0.001 in the study."
    assert said in why(page, quote)


# A bracket the page prints itself, a word in it changed, is named word for word, not as the words before it.
def test_a_changed_word_in_the_pages_own_bracket_is_named() -> None:
    page = "In the words of one patient: I had been studying CLL [Chronic Lymphocytic Leukemia] through free articles."
    said = why(page, "I had been studying CLL [Chronic Myeloid Leukemia] through free articles")
    assert said == "differs: Myeloid -> Lymphocytic"
