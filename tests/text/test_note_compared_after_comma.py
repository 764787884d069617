"""A work one bracket sets beside the quote's after a comma ('cf.', 'see also', 'vgl.') is read as after a semicolon:
the work before the signal is the quote's source, at its page, the works from the signal on set beside it, none of its
sources. (A sentence of Dodge et al. 2022, p. 3.)"""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"


@pytest.mark.parametrize("cite, cited, page, beside", [
    ("(Strubell et al., 2019, p. 1, cf. Dodge et al., 2022)", "Strubell et al. 2019.", "1", ["Dodge et al. 2022."]),
    ("(Roe & Lee, 2020, see also Dodge et al., 2022, p. 4)", "Roe and Lee. 2020.", None, ["Dodge et al. 2022."]),
    ("(Roe, 2020, pp. 3-4, vgl. Doe, 2019; Lee, 2018)", "Roe. 2020.", "3-4", ["Doe. 2019.", "Lee. 2018."]),
])
def test_the_work_before_a_comparison_after_a_comma_is_the_quotes(cite: str, cited: str, page: str | None,
                                                                   beside: list[str]) -> None:
    note = parse_note(f'As they show, "{_Q}" {cite}.\n')
    assert [(q.attribution, q.page, q.also, [a.attribution for a in q.set_beside]) for q in note.quotes] \
        == [(cited, page, [], beside)]
