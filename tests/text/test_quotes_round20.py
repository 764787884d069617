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
