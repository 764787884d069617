"""Round 24 (held-out set: benchmarks/data/quotes-labels-round24.json): a quote mixing a number's word and digit forms,
a unit's power typed flat, a footnote mark left out, citations partly kept, math typed in dollars."""

from __future__ import annotations

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document


def found(page: str, quote: str) -> bool:
    return find_quote(Document([page]), quote) is not None


# A quote mixing a small number's word and digit forms reads each number as the page prints it there ("3 percent in
# 2 runs" of "three percent in 2 runs"), never as another number ("4 percent", "20 runs").
@pytest.mark.parametrize("page, same, other", [
    ("We saw three percent in 2 runs overall.", "3 percent in 2 runs", "3 percent in 20 runs"),
    ("We saw 3 percent in two runs overall.", "three percent in 2 runs", "four percent in 2 runs"),
    ("we use 2 hard negatives and three easy ones.", "we use two hard negatives and 3 easy ones",
     "we use two hard negatives and 4 easy ones"),
])
def test_a_quote_mixing_word_and_digit_forms_reads_each_number_as_printed(page, same, other) -> None:
    assert found(page, same)
    assert not found(page, other)


# A unit's inverse power printed raised after a number or a unit is typed flat with its sign ("s-1", "kWh-1" of
# "s⁻¹", "kWh⁻¹"), never without it ("s1"), nor another power ("s-2").
@pytest.mark.parametrize("page, same, other", [
    ("The decay rate was 0.5 s⁻¹ in all runs.", "decay rate was 0.5 s-1 in all", "decay rate was 0.5 s1 in all"),
    ("The decay rate was 0.5 s⁻¹ in all runs.", "decay rate was 0.5 s−1 in all", "decay rate was 0.5 s-2 in all"),
    ("The wind was 3 m s⁻¹ in all runs.", "wind was 3 m s-1 in all", "wind was 3 m s1 in all"),
    ("an intensity of 429 gCO2eq kWh⁻¹ on average", "429 gCO2eq kWh-1 on", "429 gCO2eq kWh1 on"),
])
def test_a_units_inverse_power_typed_flat_keeps_its_sign(page, same, other) -> None:
    assert found(page, same)
    assert not found(page, other)


# A footnote's marker printed raised after a word may be left out ("use" of "use²"), never typed as another
# ("use3"); a unit's or a symbol's power is no marker ("km" of "km²", "σ" of "σ²").
@pytest.mark.parametrize("page, same, other", [
    ("We report that their energy use² was large in every region.\n2See the appendix.",
     "their energy use was large in every region", "their energy use3 was large in every region"),
    ("We report that their energy¹ was large in every region.", "their energy was large in every region",
     "their energy2 was large in every region"),
])
def test_a_raised_footnote_mark_after_a_word_may_be_left_out(page, same, other) -> None:
    assert found(page, same)
    assert not found(page, other)
    page = page.replace(" in every region", " in every region over 5 km² of σ² spread")
    assert found(page, "over 5 km2 of σ^2 spread") and not found(page, "over 5 km of σ spread")


# A name's number printed twice on the page is the name's, never a footnote's marker, even with that footnote on
# the page ("Llama" of "Llama2 ... Llama2" with footnote 2).
def test_a_names_number_printed_twice_is_no_footnote_marker() -> None:
    page = "We trained GPT3 and Llama2 models on the data, and Llama2 won.\n2See the appendix for the data."
    assert found(page, "We trained GPT3 and Llama2 models")
    assert not found(page, "We trained GPT3 and Llama models")


# A quote keeping some of the paper's author-year citations and leaving out others verifies where each one it keeps
# is printed right after the word it follows, never one moved, another author's or another year.
CITED = ("Two instances are trained on the BC5CDR (Li et al., 2016) and the CHEMDNER datasets (Krallinger et al.,\n"
         "2015) to extract key entity mentions in the biomedical domain.")


@pytest.mark.parametrize("same, other", [
    ("on the BC5CDR and the CHEMDNER datasets (Krallinger et al., 2015) to extract key entity mentions",
     "on the BC5CDR and the CHEMDNER datasets (Krallinger et al., 2016) to extract key entity mentions"),
    ("on the BC5CDR (Li et al., 2016) and the CHEMDNER datasets to extract key entity mentions",
     "on the BC5CDR (Krallinger et al., 2015) and the CHEMDNER datasets to extract key entity mentions"),
    ("on the BC5CDR and the CHEMDNER datasets (Krallinger et al., 2015) to extract key entity mentions",
     "on the BC5CDR and the CHEMDNER datasets (Li et al., 2016) to extract key entity mentions"),
])
def test_a_quote_keeping_some_author_year_citations_verifies_where_each_is_printed(same, other) -> None:
    assert found(CITED, same)
    assert not found(CITED, other)


# "et al" typed without its full stop is the paper's "et al.", with an ellipsis in the quote too; the year stays.
@pytest.mark.parametrize("same, other", [
    ("This is similar to the … entity linking systems (e.g., Bhagavatula et al, 2015) to estimate",
     "This is similar to the … entity linking systems (e.g., Bhagavatula et al, 2016) to estimate"),
    ("as Bhagavatula et al (2015) … used in previous entity linking", "as Bhagavatula et al (2016) … used in previous"),
])
def test_et_al_typed_without_its_full_stop_is_the_papers(same, other) -> None:
    page = ("This is similar to the index used in previous entity linking systems (e.g., Bhagavatula et al., 2015)\n"
            "to estimate the probability, as Bhagavatula et al. (2015) did with the index used in previous entity linking.")
    assert found(page, same)
    assert not found(page, other)


# Math a writer types in dollars is read as TeX ("$P^Q$", "$d$", "$O(n)$"), with or without a command, never a
# price ("$5 and $6" stays as typed), and never as other letters or powers.
@pytest.mark.parametrize("same, other", [
    ("a query paper $P^Q$, a positive paper $P^+$ and", "a query paper $P^Q$, a positive paper $P^-$ and"),
    ("where $d$ is a distance function and $m$ is the margin", "where $m$ is a distance function and $d$ is the"),
    ("runs in $O(n)$ time for $k$ tasks", "runs in $O(n^2)$ time for $k$ tasks"),
])
def test_math_typed_in_dollars_is_read_as_tex(same, other) -> None:
    page = ("Each instance is a query paper P^Q, a positive paper P^+ and a negative one, where d is a distance function\n"
            "and m is the margin. It runs in O(n) time for k tasks and costs $5 and $6 in all.")
    assert found(page, same)
    assert not found(page, other)
    assert found(page, "costs $5 and $6 in all") and not found(page, "costs $5 and $7 in all")


# A sign alone raised after a symbol, typed "^-" or "^{+}" ("P^-" of "P⁻"), is that sign, kept where the extractor
# prints it flat ("P−", "P\n−"), never the other sign nor none ("P^+", "P" of "P−").
@pytest.mark.parametrize("printed", ["P⁻", "P−", "P\n−"])
def test_a_sign_raised_alone_is_kept_as_that_sign(printed) -> None:
    page = f"The choice of negative example papers {printed} is important when training the model."
    for same in ("papers $P^-$ is important", "papers P^{-} is important", "papers P⁻ is important"):
        assert found(page, same)
    for other in ("papers $P^+$ is important", "papers P is important"):
        assert not found(page, other)
