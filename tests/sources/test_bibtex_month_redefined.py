"""BibFile.shaped_text of a month written as text ('"jan"', '"January"') in a file that defines that month's macro
itself (@string{jan = "janvier"}, as a French or German library does): it was written as the macro `jan`, which
then reads as the file's definition, so BibTeX printed 'janvier' and biber warned of a month that is no number.
It is written as its number, which both read as that month; a file not defining the macro keeps the macro."""

from __future__ import annotations

import pytest

from kb.sources.bibtex import BibFile

REDEFINED = """@string{jan = "janvier"}
@article{martin2020, title = {Le Calcul}, author = {Martin, Luc}, journal = {Revue}, year = {2020}, month = "jan"}
@article{petit2021, title = {La Suite}, author = {Petit, Ana}, journal = {Revue}, year = {2021}, month = {January}}
"""
PLAIN = """@article{martin2020, title = {Le Calcul}, author = {Martin, Luc}, journal = {Revue}, year = {2020}, month = "jan"}
"""


@pytest.mark.parametrize("key", ["martin2020", "petit2021"])
def test_a_month_whose_macro_the_file_redefines_is_written_as_its_number(key):
    text, changes = BibFile(REDEFINED).shaped_text(key)
    assert "month = {1}" in text and "month = jan" not in text
    assert [what for what, _ in changes] == ["month as its number"]


def test_a_month_whose_macro_is_bibtex_s_own_is_written_as_the_macro():
    text, changes = BibFile(PLAIN).shaped_text("martin2020")
    assert text.endswith("month = jan}")
    assert [what for what, _ in changes] == ["month as a macro"]
