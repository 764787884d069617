"""An HTML note's <ol> of references under its heading whose entries have ids ('<li id="ref-2">') numbers them by
their position as well, so a bare '[2]' cites the second; a note's own footnotes ('<li id="fn2">') are never so."""

import pytest

from kb.text.notes import parse_note

QUOTE = "Alas, there will be no way to verify the claims in papers of preliminary training development."


@pytest.mark.parametrize("ids", [("ref-1", "ref-2"), ("r1", "r2"), ("bib-strubell", "bib-patterson")])
def test_anchored_entries_are_numbered(ids):
    note = parse_note(f"<p>“{QUOTE}” [2]</p>\n<h2>References</h2>\n<ol>\n"
                      f'<li id="{ids[0]}">Strubell, E. et al. Energy and policy considerations for deep learning '
                      "in NLP. In Proc. ACL (2019).</li>\n"
                      f'<li id="{ids[1]}">Patterson, D. et al. Carbon emissions and large neural network training. '
                      "Preprint (2021).</li>\n</ol>\n")
    [q] = note.quotes
    assert note.reference_for(q).title.startswith("Carbon emissions and large neural network training")
