"""What each of a subject holds, listed after its verb: every item is per that thing, not only the first ("1 TB" per
node of "each of the 16 nodes holds 8 GPUs and 1 TB of RAM"), never a total nor a product the quote never prints; what
each of the things counted holds after "with" is per one of those ("80 GB" per GPU of "each node has 8 GPUs with 80 GB
of memory"); and a per printed before a preposition is its noun ("30 MW per site across three sites": per site)."""

from __future__ import annotations

import pytest

from kb.quantities.numbers import extract_candidates
from kb.quantities.quoted import value_in_quote

RIGHT = [
    ("Each of the 16 nodes holds 8 GPUs and 1 TB of RAM.", "1 TB", "node"),
    ("Each of the 16 nodes holds 8 GPUs and 1 TB of RAM.", "8 GPUs", "node"),
    ("Each node holds 8 GPUs and 1 TB of RAM.", "1 TB", "node"),
    ("Each of the 16 nodes holds 8 GPUs, 1 TB of RAM and 2 CPUs.", "2 CPUs", "node"),
    ("Each of the 16 nodes holds 8 GPUs, 1 TB of RAM and 2 CPUs.", "1 TB", "node"),
    ("Each server has 2 CPUs, 512 GB of RAM, and 4 GPUs.", "4 GPUs", "server"),
    ("Each server has 2 CPUs, 512 GB of RAM, and 4 GPUs.", "512 GB", "server"),
    ("Every rack contains 40 servers and 2 switches.", "2 switches", "rack"),
    ("Each node has 8 GPUs with 80 GB of memory.", "80 GB", "GPU"),
    ("Each of the 16 nodes has 8 GPUs with 80 GB of memory.", "80 GB", "GPU"),
    ("Each node has 4 TPU v3 chips with 16 GB of HBM.", "16 GB", "chip"),
    ("The load is 30 MW per site across three sites.", "30 MW", "site"),
    ("The load is 30 MW per site across 3 sites.", "30 MW", "site"),
    ("The campus has three sites of 30 MW each.", "30 MW", "site"),
    ("The campus has three sites and each site draws 30 MW.", "30 MW", "site"),
]
WRONG = [
    ("Each of the 16 nodes holds 8 GPUs and 1 TB of RAM.", "1 TB", None),
    ("Each of the 16 nodes holds 8 GPUs and 1 TB of RAM.", "16 TB", None),
    ("Each of the 16 nodes holds 8 GPUs and 1 TB of RAM.", "16 TB", "node"),
    ("Each of the 16 nodes holds 8 GPUs and 1 TB of RAM.", "1 TB", "GPU"),
    ("Each of the 16 nodes holds 8 GPUs and 1 TB of RAM.", "128 GPUs", None),
    ("Each node holds 8 GPUs and 1 TB of RAM.", "1 TB", None),
    ("Each of the 16 nodes holds 8 GPUs, 1 TB of RAM and 2 CPUs.", "32 CPUs", None),
    ("Each of the 16 nodes holds 8 GPUs, 1 TB of RAM and 2 CPUs.", "2 CPUs", None),
    ("Each server has 2 CPUs, 512 GB of RAM, and 4 GPUs.", "512 GB", None),
    ("Each server has 2 CPUs, 512 GB of RAM, and 4 GPUs.", "4 GPUs", "rack"),
    ("Each node has 8 GPUs with 80 GB of memory.", "80 GB", "node"),
    ("Each node has 8 GPUs with 80 GB of memory.", "80 GB", None),
    ("Each node has 8 GPUs with 80 GB of memory.", "640 GB", "node"),
    ("Each node has 4 TPU v3 chips with 16 GB of HBM.", "16 GB", "node"),
    ("Each node has 4 TPU v3 chips with 16 GB of HBM.", "16 GB", None),
    ("The load is 30 MW per site across three sites.", "30 MW", None),
    ("The load is 30 MW per site across three sites.", "90 MW", None),
    ("The load is 30 MW per site across three sites.", "30 MW", "node"),
    ("The campus has three sites of 30 MW each.", "90 MW", None),
    ("The campus has three sites of 30 MW each.", "90 MW", "site"),
    ("The campus has three sites and each site draws 30 MW.", "90 MW", None),
]
#: Items of something else than each subject holds: their own figures, as before.
PLAIN = [
    ("Each node has 8 GPUs and the cluster has 1 TB of storage.", "1 TB"),
    ("The cluster has 8 GPUs and 1 TB of RAM.", "1 TB"),
    ("Each site draws 30 MW, 90 MW in total.", "90 MW"),
]


@pytest.mark.parametrize("quote, value, per", RIGHT)
def test_each_item_is_per_the_thing_holding_it(quote, value, per):
    assert value_in_quote(value, quote, per).ok


@pytest.mark.parametrize("quote, value, per", WRONG)
def test_a_total_a_product_or_another_per_is_refused(quote, value, per):
    assert not value_in_quote(value, quote, per).ok


@pytest.mark.parametrize("quote, value", PLAIN)
def test_a_figure_no_each_holds_stays_a_figure(quote, value):
    assert value_in_quote(value, quote).ok


@pytest.mark.parametrize("text, per", [
    ("The load is 30 MW per site across three sites.", "site"),
    ("It used 5 kWh per run across ten runs.", "run"),
    ("It used 5 kWh per run throughout the year.", "run"),
    ("Seats cost $300 per seat among 40 buyers.", "seat"),
])
def test_the_page_reads_a_per_before_a_preposition_as_its_noun(text, per):
    assert [c.per for c in extract_candidates([text]) if c.unit_text and " per " in f" {c.unit_text}"] == [per]
