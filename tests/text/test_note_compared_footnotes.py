"""A footnote opening with a comparison signal ('See also', 'Cf.', 'Compare', 'But see', 'Vgl.') sets a work beside
its mark's sentence: never an entry of the note's list of works, nor the source of a quote in that sentence. (A
sentence of Dodge et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"


@pytest.mark.parametrize("footnote", [
    "See also Strubell et al. (2019).",
    "Cf. Strubell, E., Ganesh, A. and McCallum, A. (2019). Energy and policy considerations for deep learning in NLP.",
    "Compare Strubell, E. et al. 2019. *Energy and Policy Considerations*. ACL.",
    "But see Strubell et al., 2019, p. 7.",
    "vgl. Strubell u. a. (2019), S. 2.",
])
def test_a_compared_footnote_is_no_reference_nor_a_quotes_source(footnote: str) -> None:
    named = parse_note(f'Dodge et al. (2022) write "{_Q}" (p. 3).[^1]\n\n[^1]: {footnote}\n')
    bare = parse_note(f'Cloud firms say "{_Q}."[^7]\n\n[^7]: {footnote}\n')
    kept = parse_note(f'Cloud firms say "{_Q}" (p. 3).[^1]\n\n[^1]: Dodge et al. 2022, p. 3. {footnote}\n')
    assert ([q.source_text for q in kept.quotes], [(r.number, r.year) for r in kept.references]) == \
        (["[^1]"], [("^1", 2022)])    # (its own work first: its reference, the work beside it no source)
    assert [(q.attribution, q.page, q.source_text) for q in named.quotes] == [("Dodge et al. 2022.", "3", None)]
    assert (named.references, bare.quotes, bare.references, [line for line, _ in bare.unchecked]) == \
        ([], [], [], [1])

