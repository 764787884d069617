"""A numbered list's item or a block quote that cites a work by names, year, title in quote marks, page and a colon
before quoting it (Chicago author-date as notes write it) is the work's quote at that page, as running text's is.
(A sentence of Dodge et al. 2022, page 4.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_T = "Measuring the Carbon Intensity of AI in Cloud Instances"
_Q = "Data centers have a number of electricity uses that are important, but will not be covered by our tool."


@pytest.mark.parametrize("note", [
    f'# N\n\n1. Dodge et al. (2022), "{_T}," 4: "{_Q}"\n2. Another point.\n',
    f'# N\n\n3. Dodge et al. (2022). "{_T}" 4: "{_Q}"\n',
    f'# N\n\n> Dodge et al. (2022), "{_T}," 4: "{_Q}"\n',
    f"# N\n\n> Dodge et al. 2022, “{_T},” p. 4: “{_Q}”\n",
])
def test_a_list_item_or_block_quoting_a_work_after_its_title_and_page(note: str) -> None:
    parsed = parse_note(note)
    assert [(q.quote, q.page, q.attribution) for q in parsed.quotes] == [
        (_Q, "4", f"Dodge et al. 2022. “{_T}”.")] and parsed.unchecked == []

