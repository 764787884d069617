"""A writer's "--" or "---" glued to the word before it is a dash, as TeX and plain text type one: before a number
it is no minus sign ("models--1500B" of "models—1500B"); a single hyphen, a run set apart, or a page's own minus
sign still read as before."""
import pytest

from kb.text.match import Document, find_quote

PAGE = ("The authors show large sparse models—1500B parameters but only 0.1% activated per token—can deliver up to "
        "7x increases. Costs were high—5 GPUs a day. We saw it—2 times. The gain was -5 points here. A loss of "
        "x -3 dB at best. From 10–20 ms. The result (see above)—3 runs—held. Scores dropped “sharply”—12 points.")

RIGHT = [
    "large sparse models--1500B parameters but only 0.1% activated per token--can deliver",
    "Costs were high--5 GPUs a day",
    "We saw it--2 times",
    "We saw it---2 times",
    "The result (see above)--3 runs--held",
    "Scores dropped \u201csharply\u201d--12 points",
    "From 10--20 ms",
    "From 10---20 ms",
    "The gain was -5 points here",
]

WRONG = [
    "large sparse models-1500B parameters",        # one hyphen glued to a number: a minus sign or a name's part
    "We saw it-2 times",
    "We saw it----2 times",
    "A loss of x--3 dB",                           # the page prints a minus sign there
    "A loss of x 3 dB",
    "Costs were high--6 GPUs a day",
    "The gain was--5 points here",                 # the page's "-5" is negative; the writer's dash reads none
    "The gain was 5 points here",
    "From 10--21 ms",
]


@pytest.mark.parametrize("quote", RIGHT)
def test_a_typed_dash_verifies(quote: str) -> None:
    assert find_quote(Document([PAGE]), quote) is not None


@pytest.mark.parametrize("quote", WRONG)
def test_a_sign_or_figure_changed_is_refused(quote: str) -> None:
    assert find_quote(Document([PAGE]), quote) is None
