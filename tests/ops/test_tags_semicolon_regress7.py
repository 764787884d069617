"""A keywords field parted by ',' keeps a ';' inside its tags, as it was read before ';' parted Zotero's fields:
'energy, carbon;footprint' is two tags, and a tag added writes both back as they were."""

from __future__ import annotations

import pytest

from kb.ops.library import split_tags, tag_separator


@pytest.mark.parametrize("written, tags", [
    ("energy, carbon;footprint", ["energy", "carbon;footprint"]),
    ("C;C++,energy", ["C;C++", "energy"]),
    ("a;b, c", ["a;b", "c"]),
])
def test_a_semicolon_inside_a_comma_parted_tag_stays_in_it(written, tags):
    assert split_tags(written) == tags
    assert split_tags(tag_separator(written).join(split_tags(written) + ["ml"])) == tags + ["ml"]
