"""A footnote citing several works, each its own between semicolons by its authors and a title set off ('[^1]:
Strubell et al., "Energy ...," 5; Dodge et al., "Measuring ...," 4.'), is no one reference: a quote it marks, or an
'Ibid.' after it marks, is not checked, and kb says why, where it was checked in one of them at another's page. A
work set beside the first ('; see also'), authors between semicolons, or a title holding one, are one work's."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Limiting this style of research to industry labs hurts the NLP research community in many ways."


@pytest.mark.parametrize("footnote, works", [
    ('Strubell et al., "Energy and Policy Considerations," 5; Dodge et al., "Measuring the Carbon," 4.', 2),
    ("Strubell, *Energy Policy*, 5; Dodge, *Measuring*, 4; Patterson, *Carbon Emissions*, 2.", 3),
    ("STRUBELL, E.; GANESH, A. *Energy and policy considerations*. ACL, 2019.", 1),
    ('Strubell et al., "Energy; Policy," 5.', 1),
    ('Dodge et al., "Measuring," 3; 5.', 1),
])
def test_a_footnote_citing_several_works_checks_no_quote_it_marks(footnote: str, works: int) -> None:
    note = parse_note(f'# N\n\nThey warn "{_Q}"[^1] and "{_Q} again"[^2]\n\n[^1]: {footnote}\n[^2]: Ibid., 4.\n')
    if works == 1:
        assert [q.source_text for q in note.quotes] == ["[^1]", "[^2]"] and note.unchecked == []
    else:
        assert note.quotes == [] and len(note.unchecked) == 2
        assert all(f"cites {works} works" in why for why in note.unchecked_why.values())
