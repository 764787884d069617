"""kb.cli.common: what every command prints goes through these."""

from __future__ import annotations

import io

import pytest

from kb.cli.common import emit_json, emit_json_items, output_to


@pytest.mark.parametrize("items", [[], [{}], [1, "two", None], [{"a": 1, "b": [1, 2, {"c": "x\ny", "é": "ü"}]}, {"d": []}]])
def test_json_written_item_by_item_is_byte_for_byte_the_json_of_the_whole_list(items):
    whole, streamed = io.StringIO(), io.StringIO()
    with output_to(whole):
        emit_json(items)
    with output_to(streamed):
        emit_json_items(iter(items))
    assert streamed.getvalue() == whole.getvalue()


def test_json_items_are_written_before_the_listing_ends():
    """A long listing shows its first items while the rest are still being found."""
    stream = io.StringIO()
    seen = []

    def items():
        yield {"n": 1}
        seen.append(stream.getvalue())
        yield {"n": 2}

    with output_to(stream):
        emit_json_items(items())
    assert '"n": 1' in seen[0] and '"n": 2' not in seen[0]
