"""kb.text.refs against held-out reference lists of the corpus (GROBID's reading of two papers, and
hand-labelled entries of the others)."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry


@pytest.mark.parametrize("text, author, year", [
    ("Luccioni, A., and Schmidt, V.. March 2021, Private Communication.", "luccioni", 2021),
    ("Sutskever, I. Personal Communication, February 4, 2021.", "sutskever", 2021),
    ("Jane Smith. 2020. Personal communication.", "smith", 2020),
    ("Smith, J. (2019). Personal communications.", "smith", 2019),
    ("J. Doe, private correspondence, 2018.", "doe", 2018),
])
def test_a_personal_communication_is_no_works_title(text, author, year):
    e = parse_entry(text)
    assert (e.first_author, e.year, e.title) == (author, year, None)
    # two people's, of one year, are never one work that both papers cite
    other = parse_entry(text.replace(text.split()[0].strip(","), "Brown,"))
    assert e.work_key != other.work_key
    # a title that opens with the words is a title
    assert parse_entry("Jane Smith. 2020. Personal communication devices in class. In CHI.").title == \
        "Personal communication devices in class"


@pytest.mark.parametrize("text, title", [
    ("Griffin Adams, Emily Alsentzer, and Noémie Elhadad. 2021. What’s in a Summary? Laying the Groundwork for "
     "Advances in Hospital-Course Summarization. In Proceedings of NAACL.",
     "What's in a Summary? Laying the Groundwork for Advances in Hospital-Course Summarization"),
    ("Jane Smith. 2020. Who pays? Cloud Costs of Research Computing in Practice. In: Proc. of the Workshop on X.",
     "Who pays? Cloud Costs of Research Computing in Practice"),
    ("Smith, J. and Doe, A. 2022. Green by default? Energy Studies of Society and Science. In Proceedings of FAccT.",
     "Green by default? Energy Studies of Society and Science"),
])
def test_a_subtitle_after_a_question_runs_to_the_container_after_it(text, title):
    assert parse_entry(text).title == title
    # a journal after the question, with no 'In' after it, is still no subtitle
    assert parse_entry("Jane Smith. 2020. Is attention all you need? Journal of Machine Learning Research. "
                       "In press.").title == "Is attention all you need?"


@pytest.mark.parametrize("text, author, title", [
    ("Schleier-Smith, J., Sreekanti, V., Khandelwal, A., and Patterson, D., 2021 What Serverless Computing Is and "
     "Should Become: The Next Phase of Cloud Computing, Communications of the ACM, 64(5) .", "schleiersmith",
     "What Serverless Computing Is and Should Become: The Next Phase of Cloud Computing"),
    ("Smith, J. and Doe, A., 2019. Deep learning for data centres, Nature Energy, 4(2), pp.12-20.", "smith",
     "Deep learning for data centres"),
    ("J. Smith and A. Doe, Cooling with less water, Journal of Cleaner Production, 181(3), 2018.", "smith",
     "Cooling with less water"),
])
def test_a_journals_volume_and_issue_after_a_title_in_comma_style(text, author, title):
    e = parse_entry(text)
    assert (e.first_author, e.title) == (author, title)


@pytest.mark.parametrize("text, title", [
    ("Pedro Javier Ortiz Suárez, Benoit Sagot, and Laurent Romary. 2019. Asynchronous pipelines for processing huge "
     "corpora (Proceedings of the Workshop on Challenges in the Management of Large Corpora (CMLC-7) 2019. Cardiff, "
     "22nd July 2019), Piotr Bański (Eds.). Leibniz-Institut, Mannheim, 9 – 16.",
     "Asynchronous pipelines for processing huge corpora"),
    ("Jane Smith. 2019. Learning to rank at scale (Proceedings of the Workshop on Ranking). ACL.",
     "Learning to rank at scale"),
    ("Smith, J. (2019). Learning to rank at scale (In Proc. of SIGIR 2019). ACM.", "Learning to rank at scale"),
])
def test_the_proceedings_in_brackets_after_a_title_end_it(text, title):
    assert parse_entry(text).title == title
    # a word opening with 'Proc' in brackets is the title's
    assert parse_entry("Smith, J. (2019). Procedural generation (Procgen) of levels. ACM.").title == \
        "Procedural generation (Procgen) of levels"


@pytest.mark.parametrize("text, title", [
    ("Masanet, E., March 24, 2021, Data Center Energy Analysis: Past, Present, and Future , lecture at UCSB.",
     "Data Center Energy Analysis: Past, Present, and Future"),
    ("Jane Smith, The future of computing, keynote at NeurIPS 2021, 2021.", "The future of computing"),
    ("Smith, J. (2019). Energy and AI, invited talk at the Alan Turing Institute.", "Energy and AI"),
])
def test_a_talks_kind_and_place_after_a_title_in_comma_style_end_it(text, title):
    assert parse_entry(text).title == title
    # 'at' in the title itself stays
    assert parse_entry("Smith, J. (2019). A tutorial at the end of the world. ACM.").title == \
        "A tutorial at the end of the world"
