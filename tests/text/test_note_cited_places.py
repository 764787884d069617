"""A place that is no page closing the citation after an inline quote, in any style ('(Doe, 2022, para. 4)', '[3, Fig.
2]', APA 7's paragraph in a section named by its heading, '(Doe, 2022, Method section, para. 1)'), is the quote's
place: the work is checked at no page, and kb says why. (Dodge et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"
_REFS = '\n\n## References\n\n[3] J. Dodge et al., "Measuring the carbon intensity of AI in cloud instances," 2022.\n'


@pytest.mark.parametrize("citation, cited, page, place", [
    ("(Dodge et al., 2022, para. 4)", "Dodge et al. 2022.", None, "para. 4"),
    ("(Dodge et al., 2022, Method section, para. 1)", "Dodge et al. 2022.", None, "Method section, para. 1"),
    ("(Dodge et al., 2022, Discussion, ¶ 3)", "Dodge et al. 2022.", None, "Discussion, ¶ 3"),
    ("[3, Fig. 2]", "[3]", None, "Fig. 2"),
    ("(Dodge et al., 2022, Table 1)", "Dodge et al. 2022.", None, "Table 1"),
    ("[3, p. 3]", "[3]", "3", None),                                              # a page
    ("(Dodge et al., 2022). See also Roe (2019, fig. 3)", "Dodge et al. 2022.", None, None),   # another's place
])
def test_a_place_closing_the_citation_after_a_quote_is_its_place(citation, cited, page, place) -> None:
    [q] = parse_note(f'"{_Q}" {citation}.{_REFS}').quotes
    assert (q.attribution or q.source_text, q.page, q.place) == (cited, page, place)
