"""A count's noun after a singular ending in "-sis", "-us" or "-ss" ("4 non-sepsis encounters", "9 analysis scripts") is
what the figure counts, and a word the quote joins by hyphens is claimed whole or left out whole: its first part turns
what the rest says ("4 sepsis encounters" of "4 non-sepsis encounters" is refused, naming "non")."""

from __future__ import annotations

import pytest

from kb.quantities.quoted import value_in_quote

QUOTES = {
    "sepsis": "We found 4 non-sepsis encounters among the 30 records.",
    "cohort": "The cohort held 12 sepsis encounters and 4 non-sepsis encounters.",
    "task": "We trained 3 task-specific models on the data.",
    "semi": "We use 12 semi-supervised classifiers.",
    "a100": "The cluster holds 8 NVIDIA A100-SXM4 GPUs.",
    "bert": "We fine-tune 6 BERT-Large models.",
    "langs": "The dataset lists 25 low-resource languages and 40 high-resource languages.",
    "tests": "Of these, 17 hypothesis tests were significant.",
    "scripts": "The corpus has 9 analysis scripts.",
    "english": "There were 14 non-English papers in the sample.",
    "status": "We logged 21 status updates.",
}


@pytest.mark.parametrize("key, value", [
    ("sepsis", "4 non-sepsis encounters"), ("sepsis", "4 encounters"), ("cohort", "4 non-sepsis encounters"),
    ("cohort", "12 sepsis encounters"), ("task", "3 task-specific models"), ("task", "3 models"),
    ("semi", "12 semi-supervised classifiers"), ("semi", "12 classifiers"), ("a100", "8 A100 GPUs"),
    ("bert", "6 BERT models"), ("bert", "6 BERT-Large models"), ("langs", "25 low-resource languages"),
    ("langs", "40 high-resource languages"), ("langs", "25 languages"), ("tests", "17 hypothesis tests"),
    ("scripts", "9 analysis scripts"), ("english", "14 non-English papers"), ("english", "14 papers"),
    ("status", "21 status updates"),
])
def test_a_count_the_quote_prints_is_verified(key, value):
    got = value_in_quote(value, QUOTES[key], None, QUOTES[key], "")
    assert got.ok, got.problem


@pytest.mark.parametrize("key, value, cut", [
    ("sepsis", "4 sepsis encounters", "non"), ("cohort", "4 sepsis encounters", "non"), ("task", "3 specific models", "task"),
    ("semi", "12 supervised classifiers", "semi"), ("langs", "25 resource languages", "low"),
    ("langs", "40 resource languages", "high"), ("english", "14 English papers", "non"), ("bert", "6 Large models", "BERT"),
])
def test_a_hyphened_words_first_part_left_out_is_refused_naming_it(key, value, cut):
    got = value_in_quote(value, QUOTES[key], None, QUOTES[key], "")
    assert not got.ok and f"leaves {cut!r} out" in got.problem


@pytest.mark.parametrize("key, value", [
    ("sepsis", "5 non-sepsis encounters"), ("sepsis", "4 non-sepsis records"), ("cohort", "12 non-sepsis encounters"),
    ("cohort", "4 sepsis encounters"), ("langs", "25 high-resource languages"), ("a100", "8 V100 GPUs"),
    ("scripts", "9 analysis runs"), ("tests", "71 hypothesis tests"), ("status", "21 status reports"),
])
def test_a_wrong_twin_is_refused(key, value):
    assert not value_in_quote(value, QUOTES[key], None, QUOTES[key], "").ok
