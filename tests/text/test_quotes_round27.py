"""Round 27: a number's power a quote raises where the page prints it flat, a footnote's mark after a unit's
formula, and what a refusal names."""

import pytest

from kb.text.match import closest_passage, find_quote
from kb.text.normalise import Document


def found(pages, quote: str) -> bool:
    return find_quote(Document([pages] if isinstance(pages, str) else pages), quote) is not None


# A page's flat "106" may be one hundred and six: a quote's "10⁶" of it verifies only where the page shows it is a
# power (a "×" before the base, a minus sign glued after "10", another "× 10" power printed flat on the page).
@pytest.mark.parametrize("page, quote", [
    ("The model has 106 parameters and was trained on 50 GPUs.", "The model has 10⁶ parameters"),
    ("The model has 106 parameters and was trained on 50 GPUs.", "The model has 10^6 parameters"),
    ("A budget of 23 units was set for each of the runs.", "A budget of 2³ units was set"),
    ("the rate was cut to 10-6 of the baseline in the runs.", "the rate was cut to 10⁻⁶ of the baseline"),
])
def test_a_power_the_page_prints_flat_with_nothing_raising_it_is_refused_saying_so(page, quote) -> None:
    assert not found(page, quote)
    said = closest_passage(Document([page]), quote).describe()
    assert "the page prints the digits flat" in said and "the quote raises them" in said and "\n" not in said


@pytest.mark.parametrize("shown, unshown, quote", [
    ("It is estimated to emit 8.22 × 10−6 metric tons.", "It is estimated to emit 8.22 and 10-6 metric tons.",
     "8.22 × 10^{-6} metric tons."),
    ("the rate was cut to 10−6 of the baseline in the runs.", "the rate was cut to 10-6 of the baseline in the runs.",
     "the rate was cut to 10⁻⁶ of the baseline"),
    ("(Note: it is 2 × 109) A storage capacity of 107, would be a very practicable possibility.",
     "(Note: it is 2 + 109) A storage capacity of 107, would be a very practicable possibility.",
     "A storage capacity of 10⁷, would be a very practicable possibility."),
])
def test_a_power_the_page_shows_is_one_verifies_where_it_does(shown, unshown, quote) -> None:
    assert found(shown, quote)
    assert not found(unshown, quote.replace("× ", "and ").replace("8.22 and 10^{-6}", "8.22 and 10^{-6}"))


# A footnote's mark glued after a unit whose formula lowers a digit ("tCO2e5", "tCO₂e⁵") is a mark as after a word;
# never a number's exponent ("5e5").
@pytest.mark.parametrize("mark", ["5", "⁵"])
def test_a_footnote_mark_after_a_units_formula_may_be_left_out(mark) -> None:
    page = (f"Training the model emitted 25 tCO2e{mark} in total, as we report.\nMore text follows.\n"
            "5Tonnes of carbon dioxide equivalent, see the appendix.")
    assert found(page, "Training the model emitted 25 tCO2e in total")
    assert found(page, "Training the model emitted 25 tCO₂e in total")
    assert not found(page, "Training the model emitted 26 tCO2e in total")
    assert not found(page.replace(f"tCO2e{mark}", "5e5"), "Training the model emitted 25 5e in total")


# A quote whose closing citation bracket changes a year the page prints names that number, never "no word differs".
@pytest.mark.parametrize("quote, said", [
    ("increased by making them reason step by step, either by fine-tuning [Rajani et al., 2019, Cobbe et al., 2020]",
     "2020 -> 2021"),
    ("increased by making them reason step by step, either by fine-tuning [Rajani et al., 2018, Cobbe et al., 2021].",
     "2018 -> 2019"),
])
def test_a_changed_year_in_a_closing_citation_bracket_is_named(quote, said) -> None:
    doc = Document(["Its ability can be substantially increased by making them reason step by step, either by fine-tuning"
                    " [Rajani et al., 2019, Cobbe et al., 2021] or few-shot prompting [Wei et al., 2022]."])
    assert find_quote(doc, quote) is None
    described = closest_passage(doc, quote).describe()
    assert described == f"differs: {said}"


# A refusal names what differs and nothing else: never the page's words before the quote's first word (a caption's
# label, a footnote's number glued to its first word, a table's cells), nor a TeX index the page prints flat.
@pytest.mark.parametrize("page, quote, said", [
    ("energy 2.907 3.31\nTable 2. Mean and standard deviation of energy per 1,000 queries for the ten tasks.",
     "Median and standard deviation of energy per 1,000 queries for the ten tasks.", "Median -> Mean"),
    ("Fig. 6. Carbon intensity and energy sources over the years.\nIn this section we look at the data.",
     "Energy intensity and energy sources over the years.", "Energy -> Carbon"),
    ("whether the resources are\n9Based on average U.S cost of electricity of $0.12/kWh.\nOther text follows here.",
     "Based on average U.S cost of electricity of $0.21/kWh.", "$0.21/kWh -> $0.12/kWh"),
    ("For the k-th token we compute the input representation ik by concatenating the numeric features of it.",
     "we compute the input representation $i_k$ by concatenating the numeric labels", "labels -> features"),
])
def test_a_refusal_names_only_the_words_that_differ(page, quote, said) -> None:
    doc = Document([page])
    assert find_quote(doc, quote) is None
    assert closest_passage(doc, quote).describe() == f"differs: {said}"


# ... and only after a formula's capital ("O2e"): an identifier of lower-case letters and digits ("a1b2", "e4m3",
# "a1b²") keeps its last digits, a footnote of that number on the page or not.
@pytest.mark.parametrize("word, quote_word", [("a1b2", "a1b"), ("e4m3", "e4m"), ("a1b²", "a1b"), ("x2y12", "x2y")])
def test_an_identifiers_last_digits_are_never_a_footnote_mark(word, quote_word) -> None:
    page = f"We use the {word} format in every run.\nMore text follows.\n2See the appendix.\n3See it.\n12See more."
    assert found(page, f"We use the {word} format in every run")
    assert not found(page, f"We use the {quote_word} format in every run")
