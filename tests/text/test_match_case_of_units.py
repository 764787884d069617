"""Matching folds case, as a sentence's start and a heading's small capitals need; a unit's or
a symbol's case is its meaning: "5 MW" (megawatts) of a page's "5 mW" (milliwatts) is a
figure nine powers of ten away, and was verified."""

from __future__ import annotations

import pytest

from kb.text.match import Document, closest_passage, find_quote

PAGE = ("The chip draws 5 mW at idle and the rack draws 3 MW in total. We measured 12 kWh per run, "
        "stored 4 GB of weights, sent 10 Gb over the link, and waited 2 ms. ENERGY AND POLICY "
        "CONSIDERATIONS were discussed by McCallum.")
DOC = Document([PAGE])


@pytest.mark.parametrize("quote, differs", [
    ("The chip draws 5 MW at idle", ("MW", "mW")),
    ("the rack draws 3 mW in total", ("mW", "MW")),
    ("We measured 12 KWh per run", ("KWh", "kWh")),
    ("We measured 12 kwh per run", ("kwh", "kWh")),
    ("stored 4 Gb of weights", ("Gb", "GB")),
    ("sent 10 GB over the link", ("GB", "Gb")),
    ("and waited 2 Ms.", ("Ms", "ms")),
    ("discussed by MCcallum", ("MCcallum", "McCallum")),
])
def test_a_unit_or_a_word_in_another_case_is_another_word(quote, differs):
    assert find_quote(DOC, quote) is None
    near = closest_passage(DOC, quote)
    assert near is not None and differs in near.differences, near.differences


@pytest.mark.parametrize("quote", [
    "the chip draws 5 mW at idle",                      # a sentence's start
    "THE CHIP DRAWS 5 mW AT IDLE",                      # a heading's capitals, the unit as printed
    "Energy and Policy Considerations were discussed",  # small capitals read as a title
    "energy and policy considerations",
    "We measured 12 kWh per run",
    "discussed by McCallum",
])
def test_a_sentence_or_heading_case_is_the_same_words(quote):
    assert find_quote(DOC, quote) is not None


def test_across_words_the_matcher_joins_the_unit_is_still_read():
    doc = Document(["The accelerator's peak draw was 40 mW per core, effi-\nciency aside."])
    assert find_quote(doc, "peak draw was 40 MW per core, efficiency aside") is None
    assert find_quote(doc, "peak draw was 40 mW per core, efficiency aside") is not None


@pytest.mark.parametrize("page, quote", [
    ("We release SCIBERT, trained on LATEX sources.", "We release SciBERT, trained on LaTeX sources."),
    ("We release SciBERT, trained on LaTeX sources.", "WE RELEASE SCIBERT, TRAINED ON LATEX SOURCES."),
])
def test_small_capitals_print_a_name_of_its_own_case_in_capitals(page, quote):
    assert find_quote(Document([page]), quote) is not None


@pytest.mark.parametrize("page, quote", [
    ("The link carried 10 GB in an hour.", "The link carried 10 Gb in an hour."),
    ("Measured in mW, the idle draw was small.", "Measured in MW, the idle draw was small."),
])
def test_a_short_word_of_its_own_case_is_read_as_printed(page, quote):
    assert find_quote(Document([page]), quote) is None
