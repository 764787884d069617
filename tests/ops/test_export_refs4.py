"""kb export csl-json: a name list BibTeX closes with 'and others' keeps its et al."""

import json

import pytest

from kb.ops.export import csl_item
from kb.store.index import paper_row


@pytest.mark.parametrize("role, csl, value, names", [
    ("author", "author", "Alpha, Ann and Beta, Bob and others", [{"family": "Alpha", "given": "Ann"},
                                                                 {"family": "Beta", "given": "Bob"}]),
    ("author", "author", "{International Energy Agency (IEA)} and others",
     [{"literal": "International Energy Agency (IEA)"}]),
    ("editor", "editor", "van der Maaten, Laurens and others",
     [{"family": "Maaten", "given": "Laurens", "non-dropping-particle": "van der"}]),
])
def test_and_others_is_pandocs_literal_others(role, csl, value, names):
    row = paper_row("k", "article", {role: value, "title": "T", "journal": "J", "year": "2019"}, 0)
    row["fields"] = json.loads(row["fields"])
    assert csl_item(row)[csl] == names + [{"literal": "others"}]
