"""A firm known by its initials before its trade's word ('GE Healthcare', 'LG Electronics', 'SK Telecom', 'SK
hynix') under a PDF's title is an affiliation, never an author read as a person's initials without dots and a family
name ('JD Smith', 'JRR Tolkien', 'RJ Ware' stay persons)."""

from __future__ import annotations

import pytest

from kb.sources.pdf import guess_authors, guess_title


@pytest.mark.parametrize("names, authors", [
    ("Ada Lovelace\nGE Healthcare", ["Ada Lovelace"]),
    ("Ada Lovelace\nLG Electronics", ["Ada Lovelace"]),
    ("Ada Lovelace\nSK Telecom", ["Ada Lovelace"]),
    ("Ada Lovelace\nSK hynix", ["Ada Lovelace"]),
    ("Ada Lovelace\nABB Robotics", ["Ada Lovelace"]),
    ("Ada Lovelace\nNXP Semiconductors", ["Ada Lovelace"]),
    ("Ada Lovelace\nST Microelectronics", ["Ada Lovelace"]),
    ("Ada Lovelace\nTCS Innovation", ["Ada Lovelace"]),
    ("Ada Lovelace\nHT Media", ["Ada Lovelace"]),
    ("Ada Lovelace, GE Healthcare", ["Ada Lovelace"]),
    # a person's initials before a family name: kept
    ("JD Smith, AJ Lee", ["JD Smith", "AJ Lee"]),
    ("RJ Ware and Mary Jones", ["RJ Ware", "Mary Jones"]),
    ("JJ O'Brien, AB McDonald", ["JJ O'Brien", "AB McDonald"]),
    ("GE Hinton, KT Ho", ["GE Hinton", "KT Ho"]),
])
def test_a_firm_s_initials_and_trade_are_no_author(names: str, authors: list[str]) -> None:
    page = f"Water Use of Language Models\n{names}\nAbstract\nWe measure the water used by models."
    assert guess_authors(page, guess_title(page)) == authors
