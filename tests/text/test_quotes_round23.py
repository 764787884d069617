"""Round 23: what a writer types for a relation or a raised or lowered character, and an editorial bracket's refusal."""

from __future__ import annotations

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document


def found(page: str, quote: str) -> bool:
    return find_quote(Document([page]), quote) is not None


# A relation typed in ASCII is the same relation ("<<" of "≪", "+/-" of "±"), never a weaker or another one ("<" of
# "≪", "<<" of "<", "<=" of "≪"). (printed, typed the same, typed as another relation)
@pytest.mark.parametrize("printed, same, other", [
    ("≪", "<<", "<"), ("≫", ">>", ">"), ("<<", "≪", "<"), (">>", "≫", ">="),
])
def test_a_relation_typed_in_ascii_is_the_same_relation_never_another(printed, same, other) -> None:
    page = f"the latency a {printed} b holds on every device we measured"
    assert found(page, f"the latency a {same} b holds on every device")
    assert not found(page, f"the latency a {other} b holds on every device")
