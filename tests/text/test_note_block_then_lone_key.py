"""A paragraph that is one key's citation alone after an Org or LaTeX quote block, a blank line between, cites the
block at its page, as one after a Markdown blockquote does; a citation of two keys, or one opening a sentence, does
not."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Recent advances in available compute come at a high price not attainable to all who desire access."


@pytest.mark.parametrize("block, cite", [
    (f"#+begin_quote\n{_Q}\n#+end_quote", "[cite:@strubell2019 p. 5]"),
    (f"#+BEGIN_QUOTE\n{_Q}\n#+END_QUOTE\n", "[cite/t:@strubell2019 p. 5]"),
    (f"\\begin{{quote}}\n{_Q}\n\\end{{quote}}", "\\cite[p.~5]{strubell2019}"),
])
def test_a_lone_key_citation_after_a_quote_block_cites_it(block: str, cite: str) -> None:
    note = parse_note(f"# R\n\n{block}\n\n{cite}\n\nLater [cite:@dodge2022].\n\n{block}\n\n[cite:@dodge2022; "
                      f"@strubell2019]\n")
    assert [(q.citekey, q.page, q.line) for q in note.quotes] == [("strubell2019", "5", 3)]
    assert len(note.unchecked) == 1
