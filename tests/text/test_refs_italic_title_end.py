"""A reference's title set in italics ends at its closing italics, never read on into the year, place or page after
it (a note's footnote: "*Title* (2022), 4")."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_reference

_T = "Measuring the Carbon Intensity of AI in Cloud Instances"


@pytest.mark.parametrize("footnote", [
    f"[^1]: Dodge et al., *{_T}* (2022), 4.",
    f"[^2]: Jesse Dodge et al., _{_T}_ (New York: ACM, 2022), 4.",
    f"[^3]: Dodge, *{_T}*, 4.",
    f"[^4]: Dodge et al., <i>{_T}</i> (2022), 4.",
    f"[^5]: Dodge et al., *{_T}*; see also ibid.",
])
def test_an_italic_title_ends_at_its_closing_italics(footnote: str) -> None:
    assert parse_reference(footnote).entry.title == _T

