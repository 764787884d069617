"""A page after a quote written with LaTeX's tie, "(p.~3)", is the quote's page, as "(p. 3)" is. (A sentence of
Dodge et al. 2022, page 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"


@pytest.mark.parametrize("lead, cited", [
    ("\\citeauthor{dodge2022} write that", "dodge2022"),
    ("Dodge et al. (2022) write that", "Dodge et al. 2022."),
    ("@dodge2022 observe that", "dodge2022"),
])
def test_a_page_after_a_quote_with_latexs_tie(lead: str, cited: str) -> None:
    [q] = parse_note(f"{lead} ``{_Q}'' (p.~3).\n").quotes
    assert (q.citekey or q.attribution, q.page) == (cited, "3")


@pytest.mark.parametrize("note", [
    f'"{_Q}" (Dodge et al., 2022, Section 3, para. 2).',
    f'Dodge et al. (2022, sect. 4, ¶ 1) write that "{_Q}".',
])
def test_apas_paragraph_in_its_section_cites_the_work_at_no_page(note: str) -> None:
    [q] = parse_note(note + "\n").quotes
    assert (q.attribution, q.page) == ("Dodge et al. 2022.", None)
