"""kb export csl-json: 'others' in the middle of a name list stays where the list puts it."""

import json

import pytest

from kb.ops.export import csl_item
from kb.store.index import paper_row

_OTHERS = {"literal": "others"}


@pytest.mark.parametrize("role, value, names", [
    ("author", "Alpha, Ann and others and Beta, Bob",
     [{"family": "Alpha", "given": "Ann"}, _OTHERS, {"family": "Beta", "given": "Bob"}]),
    ("editor", "others and {World Health Organization}", [_OTHERS, {"literal": "World Health Organization"}]),
    ("author", "Alpha, Ann and Others and Beta, Bob and others",
     [{"family": "Alpha", "given": "Ann"}, _OTHERS, {"family": "Beta", "given": "Bob"}, _OTHERS]),
])
def test_others_mid_list_keeps_its_place(role, value, names):
    row = paper_row("k", "article", {role: value, "title": "T", "journal": "J", "year": "2019"}, 0)
    row["fields"] = json.loads(row["fields"])
    assert csl_item(row)[role] == names
