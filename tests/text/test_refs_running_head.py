"""A page's running head a page break printed between two lines of one entry is no word of it: the page number
beside the authors' short name ('24 A. S. Luccioni et al.'), or ACM's conference line ('FAccT ’24, June 3–6, 2024,
Rio de Janeiro, Brazil Luccioni et al.'); a line of names and a year, or the conference named in the entry, stays."""

import pytest

from kb.text.refs import parse_entry

DROPPED = [
    ("Luccioni, A. S., Pistilli, G., Sefala, R., & Moorosi, N. (2025). Bridging the gap: Integrating\n"
     "24 A. S. Luccioni et al.\n"
     "ethics and environmental sustainability in AI research and practice. arXiv:2504.00797.",
     "Bridging the gap: Integrating ethics and environmental sustainability in AI research and practice"),
    ("[40] Alexandra Sasha Luccioni, Yacine Jernite, and Emma Strubell. 2024. Power Hungry Processing: Watts Driving\n"
     "FAccT ’24, June 3–6, 2024, Rio de Janeiro, Brazil Luccioni et al.\n"
     "the Cost of AI Deployment?. In Proceedings of the 2024 ACM Conference on Fairness, Accountability, and "
     "Transparency. 85–99.",
     "Power Hungry Processing: Watts Driving the Cost of AI Deployment?"),
    ("Doe, J., & Roe, R. (2021). Counting the carbon of\n"
     "Doe et al. 13\n"
     "machine learning systems. Journal of Things, 4(2), 1–9.",
     "Counting the carbon of machine learning systems"),
]

KEPT = [
    ("J. Doe and R. Roe. 2021. Counting carbon. In Proceedings of the ACM Conference on Fairness, Accountability, and\n"
     "Transparency (FAccT ’21), March 3–10, 2021, Virtual Event, Canada\n"
     "ACM, 1–9.", "FAccT ’21"),
    ("J. Doe and R. Roe. 2021. Counting carbon. In Proceedings of the ACM Conference on Fairness and\n"
     "FAccT ’21, March 3–10, 2021, Virtual Event, Canada. ACM, New York, NY, USA,\n"
     "1–9.", "Virtual Event, Canada. ACM"),
    ("J. Doe and R. Roe. 2021. Counting carbon, as read in\n"
     "Smith et al. 2020\n"
     "and elsewhere. Journal of Things.", "Smith et al. 2020"),
]


@pytest.mark.parametrize("text,title", DROPPED)
def test_running_head_inside_an_entry_is_dropped(text, title):
    assert parse_entry(text).title == title


@pytest.mark.parametrize("text,kept", KEPT)
def test_lines_of_the_entry_stay(text, kept):
    assert kept in parse_entry(text).raw
