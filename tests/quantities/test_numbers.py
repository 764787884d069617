"""Numbers with units in page text, on made-up lines and on the five papers' pypdf text."""

from __future__ import annotations

import functools
import re

import pytest
from corpus import wattbot_pages

from kb.quantities.interval import Interval
from kb.quantities.numbers import Candidate, extract_candidates
from kb.quantities.quoted import value_in_quote
from kb.quantities.units import parse_unit

PAPERS = ["strubell2019", "patterson2021", "dodge2022", "luccioni2023", "luccioni2024"]


def one(text: str, **kw) -> Candidate:
    found = extract_candidates([text], **kw)
    assert len(found) == 1, found
    return found[0]


def brief(c: Candidate, page: str) -> tuple:
    return (page[c.start:c.end], c.value, c.unit)


@pytest.mark.parametrize("text, number, value, unit", [
    ("used 1,287 MWh in total", "1,287", 1287.0, "MWh"),
    ("requires 0.022\nkWh of energy", "0.022", 0.022, "kWh"),
    ("text generation (0.042 KwH) requiring", "0.042", 0.042, "kWh"),
    ("as much energy as 9% of a", "9", 9.0, "%"),
    ("a share of 16 % of it", "16", 16.0, "%"),
    ("Total 3.14E+23 FLOPs of compute", "3.14E+23", 3.14e23, "FLOP"),
    ("about 10^3 inferences a day", "10^3", 1000.0, "inference"),
    ("some 2.5×10^4 GPU hours", "2.5×10^4", 25000.0, "GPU_hour"),
    ("to 1.0 × 10−4 kWh for the biggest", "1.0 × 10−4", 1.0e-4, "kWh"),
    ("cost $3,201,722 in all", "3,201,722", 3201722.0, "USD"),
    ("for $3,20 1,722 too", "3,20 1,722", 3201722.0, "USD"),
    ("produced 96   tCO 2 e.", "96", 96.0, "tCO2e"),
    ("emitted 178.97 kg\nof 𝐶𝑂2𝑒𝑞. In", "178.97", 178.97, "kgCO2e"),
    ("intensity of 297.6 grams of 𝐶𝑂2𝑒𝑞 per kWh4, this", "297.6", 297.6, "gCO2e/kWh"),
    ("626,155 lbs of CO2e", "626,155", 626155.0, "lbCO2e"),
    ("in 2.9kWh. This", "2.9", 2.9, "kWh"),
    ("ended up 18.7X too high", "18.7", 18.7, "dimensionless"),
    ("uses 15 times more energy", "15", 15.0, "dimensionless"),
    ("costs $0.12/kWh on average", "0.12", 0.12, "USD/kWh"),
    ("trained for 300k\nsteps on", "300k", 300000.0, "step"),
    ("has 11B   parameters, and", "11B", 1.1e10, "parameter"),
    ("training of a 6.1 billion\nparameter Transformer", "6.1 billion", 6.1e9, "parameter"),
    ("takes 9998 days in all", "9998", 9998.0, "day"),
    ("as 0.0006 miles driven", "0.0006", 0.0006, "mile"),
    ("which gets 22.5 miles per gallon of gasoline", "22.5", 22.5, "mile/gal"),
])
def test_single_figures(text, number, value, unit):
    c = one(text)
    assert (c.number, c.value, c.unit, c.kind) == (number, value, unit, "quantity")
    assert text[c.start:c.end].lstrip("$").startswith(c.number)


@pytest.mark.parametrize("text, number, unit_text", [
    ("trained on 8 NVIDIA P100 GPUs for", "8", "NVIDIA P100 GPUs"),
    ("on 3 NVIDIA GTX\n1080 GPUs for", "3", "NVIDIA GTX\n1080 GPUs"),
    ("totaling 64 Tesla\nV100 GPUs (Forster", "64", "Tesla\nV100 GPUs"),
    ("training on 32 TPUv3 chips.", "32", "TPUv3 chips"),
    ("on 16\nTPU chips for", "16", "TPU chips"),
    ("on 3 NVIDIA\nGTX 1080 Ti GPUs. While", "3", "NVIDIA\nGTX 1080 Ti GPUs"),
    ("containing 8 NVIDIA 1080 Ti GPUs and", "8", "NVIDIA 1080 Ti GPUs"),
    ("training on 32 TPU v3 chips.", "32", "TPU v3 chips"),
])
def test_accelerators_with_their_model_names(text, number, unit_text):
    c = one(text)
    assert (c.number, c.unit_text) == (number, unit_text)
    assert c.unit in ("GPU", "TPU", "accelerator")


def test_two_figures_on_one_line_keep_their_own_offsets():
    text = "$942,973 and $3,20 1,722 too"
    found = extract_candidates([text])
    assert [(text[c.start:c.end], c.number, c.value) for c in found] == [
        ("$942,973", "942,973", 942973.0), ("$3,20 1,722", "3,20 1,722", 3201722.0)]


@pytest.mark.parametrize("text, number, low, high, value, unit", [
    ("between 21 to 78 metric tons of", "21 to 78", 20.5, 78.5, 49.5, "t"),
    ("an improvement of 80-90% in", "80-90", 75.0, 95.0, 85.0, "%"),
    ("from 0.5–1.5 kWh per run", "0.5–1.5", 0.45, 1.55, 1.0, "kWh per run"),     # a rate, never an amount
    ("spectrum (0.06-2.9 kWh for 1,000", "0.06-2.9", 0.055, 2.95, 1.48, "kWh"),
    ("ranging between 0.002 and 0.007 kWh for", "0.002 and 0.007", 0.0015, 0.0075, 0.0045, "kWh"),
    ("priced at $0.43–$0.74/hr, upper", "0.43–0.74", 0.425, 0.745, 0.585, "USD/h"),
    ("use ($1.46/hr–$2.40/ hr)\nand", "1.46–2.40", 1.455, 2.405, 1.93, "USD/h"),
    ("priced at $1.46–\n$2.48/hr. We", "1.46–2.48", 1.455, 2.485, 1.97, "USD/h"),
    ("consuming 250W-350W, compared", "250-350", 245.0, 355.0, 300.0, "W"),
    ("from 180 W to 300 W each", "180 to 300", 175.0, 350.0, 240.0, "W"),
    ("speedups of 5X-10X over", "5-10", 4.5, 15.0, 7.5, "dimensionless"),
    ("and ~37M–58M tCO 2 e [Cri21", "37M–58M", 36.5e6, 58.5e6, 47.5e6, "tCO2e"),
    ("HVAC (25%–40%)", "25–40", 24.5, 45.0, 32.5, "%"),
    ("generate 4-10g of 𝐶𝑂2𝑒𝑞 for", "4-10", 3.5, 15.0, 7.0, "gCO2e"),
])
def test_ranges(text, number, low, high, value, unit):
    c = one(text)
    assert (c.kind, c.number, f"{c.unit} per {c.per}" if c.per else c.unit) == ("range", number, unit)
    assert (c.low, c.high, c.value) == (pytest.approx(low), pytest.approx(high),
                                        pytest.approx(value))


def test_coefficient_of_an_equation_with_the_pypdf_space():
    c = one("to estimated CO2 emissions:\nCO2e = 0 .954pt (2)\nThis conversion")
    assert (c.number, c.value, c.unit, c.kind) == ("0 .954", 0.954, "dimensionless", "coefficient")
    assert Interval.from_written(c.written).hi == 0.9545


def test_user_units_are_found_when_named():
    text = "as much energy as\n522 smartphone charges (11.49 kWh), or"
    # without the user unit: a count of things kb has no unit for
    assert [brief(c, text) for c in extract_candidates([text])] == [
        ("522 smartphone charges", 522.0, "item"), ("11.49 kWh", 11.49, "kWh")]
    found = extract_candidates([text], user_units=["smartphone_charge"])
    assert [brief(c, text) for c in found] == [
        ("522 smartphone charges", 522.0, "smartphone_charge"), ("11.49 kWh", 11.49, "kWh")]


@pytest.mark.parametrize("text", [
    "In 2019, we trained them 950",  # a year, a bare number
    "charging requires 0.022 kWh of energy [51], which",  # [51]: only 0.022 kWh
    "as shown in Table 3 and Fig. 2 and Section 4.1",
    "Energy and Policy Considerations\n6",  # a page number
    "GPT-3 and BLOOMz-560M on P100x8 and V100x64",
    "trained on a GTX\n1080 GPU",  # 1080 is a model number
    "the 2018 global average, Dec 2018 Sep 2019",
    "7GPU lower bound computed using",  # footnote mark glued to a word
    "pt = 1.58t(pc + pr + gpg)",  # t is a variable here; 1.58 is a coefficient
])
def test_non_candidates(text):
    found = extract_candidates([text])
    numbers = {c.number for c in found if c.kind != "coefficient"}
    assert not numbers & {"2019", "51", "3", "2", "4.1", "6", "560M", "100", "1080", "2018",
                          "950", "7", "1.58"}, found


def test_table_row_after_a_label_with_its_unit():
    text = ("Measured System Average Power per Accelerator,\n"
            "including memory, network interface, fans, host CPU (W)  208  310  289\n"
            "Number   of   Chips   200  512  1024\n"
            "Energy   Consumption   (MWh)   7.5  85.7  1,287  \n"
            "Fraction   of   NAS   Estimate   in   [Str19]   (284   tCO2e)   0.011  0.164\n"
            "text classification 0.002 0.001\n"
            "token classification 0.004 0.002\n")
    found = extract_candidates([text])
    assert [(c.number, c.unit, c.kind) for c in found] == [
        ("208", "W", "table"), ("310", "W", "table"), ("289", "W", "table"),
        ("200", "accelerator", "table"), ("512", "accelerator", "table"),
        ("1024", "accelerator", "table"),
        ("7.5", "MWh", "table"), ("85.7", "MWh", "table"), ("1,287", "MWh", "table"),
        ("284", "tCO2e", "quantity"),
    ]
    assert found[8].sentence == "Energy Consumption (MWh) 7.5 85.7 1,287"


def test_context_is_sixty_characters_either_side():
    text = "a" * 100 + " uses 1.35 kWh for " + "b" * 100
    c = one(text)
    assert c.context == "a" * 54 + " uses 1.35 kWh for " + "b" * 55


def test_cells_under_a_header_line_that_names_their_unit():
    text = ("Consumption CO 2e (lbs)\n"
            "Air travel, 1 passenger, NY ↔SF 1984\n"
            "Human life, avg, 1 year 11,023\n"
            "Training one model (GPU)\n"
            "w/ neural architecture search 626,155\n"
            "Table 1: Estimated CO 2 emissions from training com-\n"
            "mon NLP models, compared to familiar consumption. 1\n"
            "energy\n(kWh)\n"
            "Flan-T5-base 222M 3.67 0.026\n")
    found = extract_candidates([text])
    assert [(c.number, c.unit, c.kind) for c in found] == [
        ("1", "passenger", "quantity"), ("1984", "lbCO2e", "table"), ("1", "year", "quantity"),
        ("11,023", "lbCO2e", "table"), ("626,155", "lbCO2e", "table")]


def test_sentence_and_context():
    text = ("Before it. The average smartphone requires 0.022\nkWh of energy [51], which "
            "means a lot, e.g. more. Next sentence.")
    c = one(text)
    assert c.sentence == ("The average smartphone requires 0.022 kWh of energy [51], which "
                          "means a lot, e.g. more.")
    assert c.context == ("Before it. The average smartphone requires 0.022 kWh of energy [51], "
                         "which means a lot, e.g. more. Next sentence")


# ------------------------------------------------------------------ the real pages

@pytest.mark.corpus
def test_luccioni2024_v3_page_6():
    page = wattbot_pages("luccioni2024")[5]
    found = extract_candidates([page], user_units=["smartphone_charge"])
    assert [brief(c, page) for c in found] == [
        ("10 times", 10.0, "dimensionless"),
        ("0.05 kWh", 0.05, "kWh"),
        ("1,000 inferences", 1000.0, "inference"),
        ("0.06-2.9 kWh", 1.48, "kWh"),
        ("1,000 inferences", 1000.0, "inference"),
        ("0.0068 kWh", 0.0068, "kWh"),
        ("1,000 inferences", 1000.0, "inference"),
        ("1.35 kWh", 1.35, "kWh"),
        ("0.042 KwH", 0.042, "kWh"),
        ("0.0023 kWh", 0.0023, "kWh"),
        ("0.022\nkWh", 0.022, "kWh"),
        ("9%", 9.0, "%"),
        ("1,000 inferences", 1000.0, "inference"),
        ("522 smartphone charges", 522.0, "smartphone_charge"),
        ("11.49 kWh", 11.49, "kWh"),
        # Table 2, under its header line "inference energy (kWh)": mean and std per task
        ("0.002", 0.002, "kWh"), ("0.001", 0.001, "kWh"),  # text classification
        ("0.003", 0.003, "kWh"), ("0.001", 0.001, "kWh"),  # extractive QA
        ("0.003", 0.003, "kWh"), ("0.001", 0.001, "kWh"),  # masked language modeling
        ("0.004", 0.004, "kWh"), ("0.002", 0.002, "kWh"),  # token classification
        ("0.007", 0.007, "kWh"), ("0.001", 0.001, "kWh"),  # image classification
        ("0.038", 0.038, "kWh"), ("0.02", 0.02, "kWh"),  # object detection
        ("0.047", 0.047, "kWh"), ("0.03", 0.03, "kWh"),  # text generation
        ("0.049", 0.049, "kWh"), ("0.01", 0.01, "kWh"),  # summarization
        ("0.063", 0.063, "kWh"), ("0.02", 0.02, "kWh"),  # image captioning
        ("2.907", 2.907, "kWh"), ("3.31", 3.31, "kWh"),  # image generation
        ("1,000 queries", 1000.0, "query"),
        ("ten tasks", 10.0, "task"),
        ("0.002 KwH", 0.002, "kWh"),
        ("1,000 inferences", 1000.0, "inference"),
        ("2.9kWh", 2.9, "kWh"),
        ("1450", 1450.0, "dimensionless"),  # "by a factor of over 1450"
        ("15 times", 15.0, "dimensionless"),
        ("10 new tokens", 10.0, "token"),
        ("3 times", 3.0, "dimensionless"),
        ("0.007", 0.007, "kWh"),  # "(0.007 vs. 0.002 kWh)": the unit written once
        ("0.002 kWh", 0.002, "kWh"),
        ("60 times", 60.0, "dimensionless"),
        ("0.047", 0.047, "kWh"),  # "(0.047 vs. 2.9 kWh)"
        ("2.9 kWh", 2.9, "kWh"),
        ("0.012 kWh", 0.012, "kWh"),  # footnote 5: the v1 figure
    ]
    assert {c.kind for c in found[15:35]} == {"table"}
    assert found[42].unit_text == "tokens per text"  # "10 new tokens for each input text": the modifier is no unit
    assert found[15].sentence == "text classification 0.002 0.001"
    charge = found[10]
    assert charge.sentence.startswith("For comparison, charging the average smartphone "
                                      "requires 0.022 kWh of energy [51], which means")


@pytest.mark.corpus
def test_strubell2019_equation_and_table():
    pages = wattbot_pages("strubell2019")
    eq = [c for c in extract_candidates([pages[1]]) if c.kind == "coefficient"]
    assert [(c.number, c.value, pages[1][c.start:c.end]) for c in eq] == [
        ("1.58", 1.58, "1.58"), ("0 .954", 0.954, "0 .954")]
    costs = [c for c in extract_candidates([pages[3]]) if c.unit == "USD"]
    nas = [c for c in costs if c.number == "942,973–3,20 1,722"]
    assert len(nas) == 1
    assert (nas[0].low, nas[0].high) == (942972.5, 3201722.5)


@pytest.mark.corpus
def test_patterson2021_gpt3_energy_in_table_and_text():
    pages = wattbot_pages("patterson2021")
    found = extract_candidates(pages)
    energy = [(c.page, c.number, c.unit, c.kind) for c in found
              if c.unit == "MWh" and c.value == 1287.0]
    assert energy == [(6, "1,287", "MWh", "table"), (7, "1287", "MWh", "quantity")]
    net = [c.value for c in found if c.page == 6 and c.unit == "tCO2e" and c.kind == "table"]
    assert net == [3.2, 46.7, 96.4, 4.8, 72.2, 552.1, 3.2, 46.7, 96.4, 4.3, 59.1, 552.1, 48.5]
    restated = [c for c in found if c.page == 6 and c.number == "284"]
    assert [(c.unit, c.kind) for c in restated] == [("tCO2e", "quantity")]


@pytest.mark.corpus
@pytest.mark.parametrize("paper", PAPERS)
def test_every_candidate_is_consistent(paper):
    pages = wattbot_pages(paper)
    found = extract_candidates(pages)
    assert found
    for c in found:
        page = pages[c.page - 1]
        span = page[c.start:c.end]
        digits = re.sub(r"\D", "", c.number)
        if c.kind == "words":  # "ten tasks": the number in digits, the span in words
            assert span.split()[0].isalpha() and c.number == str(int(c.value)), (c, span)
        else:
            assert re.sub(r"\D", "", span).startswith(digits[:3]), (c, span)
        parse_unit("" if c.unit == "dimensionless" else c.unit)  # canonical units read back
        written = Interval.from_written(c.written)
        assert written.nominal == pytest.approx(c.value), c
        # never a year standing alone, never a citation number
        assert not (re.fullmatch(r"(19|20)\d\d", c.number) and c.unit in ("h", "day", "year",
                                                                        "dimensionless")), c
        assert not page[max(0, c.start - 1):c.start] == "[", c


# How fast extraction is per page: benchmarks/claims.py (about 1.5 ms), never asserted here.


# ------------------------------------------------------------------ what readers ask about
# Each rule and each exclusion on real page text (tests skip when the corpus is absent).

@functools.lru_cache(maxsize=None)
def _pdf_pages(name: str) -> list[str]:
    from realpdf import extracted

    return extracted(name).pages


def _found(page: str, **kw) -> list[tuple]:
    return [brief(c, page) for c in extract_candidates([page], **kw)]


def _figure(page: str, text: str, **kw) -> tuple:
    """The candidate covering the first occurrence of `text` on the page."""
    at = page.index(text)
    cover = [c for c in extract_candidates([page], **kw) if c.start <= at < c.end or at <= c.start < at + len(text)]
    assert cover, f"no candidate for {text!r}"
    return brief(cover[0], page)


@pytest.mark.corpus
@pytest.mark.parametrize("paper, page_no, text, figure", [
    ("luccioni2023", 3, "500 papers", ("500 papers", 500.0, "paper")),
    ("luccioni2023", 3, "95 models", ("95 models", 95.0, "model")),
    ("strubell2019", 4, "4789 jobs", ("4789 jobs", 4789.0, "job")),
    ("strubell2019", 3, "6 stacked layers", ("6 stacked layers", 6.0, "layer")),
    ("dodge2022", 6, "11 different models", ("11 different models", 11.0, "model")),
    ("dodge2022", 8, "16 different regions", ("16 different regions", 16.0, "region")),
    ("patterson2021", 13, "70M", ("70M   people", 7e7, "person")),
])
def test_counts_with_their_noun(paper, page_no, text, figure):
    assert _figure(wattbot_pages(paper)[page_no - 1], text) == figure


@pytest.mark.corpus
def test_counts_in_other_papers_pdfs():
    s2orc = _pdf_pages("acl-2020.acl-main.447.pdf")
    assert _figure(s2orc[0], "81.1M") == ("81.1M English-language academic papers", 8.11e7, "paper")
    assert _figure(s2orc[4], "27.6M of") == ("27.6M", 2.76e7, "item")  # "of the 28.9M PDFs"
    assert _figure(s2orc[4], "28.9M (") == ("28.9M", 2.89e7, "paper")  # row "Papers w/ PDF"
    sepsis = _pdf_pages("arxiv-1708.05894v1.pdf")[6]
    assert _figure(sepsis, "6 are vitals") == ("6 are vitals", 6.0, "item")
    assert _figure(sepsis, "100\nencounters") == ("100\nencounters", 100.0, "item")
    citesee = _pdf_pages("arxiv-2302.07302v1.pdf")[8]
    assert _figure(citesee, "35 were") == ("35", 35.0, "citation")  # "Of the 126 citations, 35 were"
    assert _figure(citesee, "12 to 20") == ("12", 12.0, "citation")


@pytest.mark.corpus
@pytest.mark.parametrize("paper, page_no, text, figure", [
    ("luccioni2024", 6, "1450", ("1450", 1450.0, "dimensionless")),  # "a factor of over 1450"
    ("luccioni2023", 8, "100 (two", ("100", 100.0, "dimensionless")),  # "a factor of about 100"
    ("luccioni2023", 5, "60 times", ("60 times", 60.0, "dimensionless")),
    ("dodge2022", 7, "2800 times", ("2800 times", 2800.0, "dimensionless")),
    ("patterson2021", 11, "10,000", ("10,000   times", 10000.0, "dimensionless")),
    ("patterson2021", 6, "7x", ("7x", 7.0, "dimensionless")),
    ("patterson2021", 9, "1.3X   faster", ("1.3X", 1.3, "dimensionless")),
    ("patterson2021", 6, "15:1", ("15:1", 15.0, "dimensionless")),
])
def test_ratios(paper, page_no, text, figure):
    assert _figure(wattbot_pages(paper)[page_no - 1], text) == figure


@pytest.mark.corpus
def test_named_plain_numbers():
    dodge = wattbot_pages("dodge2022")[5]
    assert _figure(dodge, "1.10 across") == ("1.10", 1.1, "PUE")  # "a PUE of 1.10"
    assert _figure(dodge, "1.59 [2]") == ("1.59", 1.59, "PUE")  # "an average global PUE of 1.59"
    row = [f for f in _found(wattbot_pages("patterson2021")[5]) if f[2] == "PUE"]
    assert [f[1] for f in row] == [1.10, 1.12, 1.09, 1.09, 1.10, 1.10]  # "Datacenter PUE (...)" row
    strubell = wattbot_pages("strubell2019")[3]
    assert _figure(strubell, "29.7") == ("29.7", 29.7, "dimensionless")  # "a BLEU score of 29.7"
    assert _figure(strubell, "0.1\nBLEU") == ("0.1\nBLEU", 0.1, "dimensionless")
    assert parse_unit("PUE") is not None
    # "We use a PUE coefﬁcient of 1.58" (a ligature in the word); "( PUE ) would be 1.50.
    # The US national datacenter average in 2018 was 1.58, ... In 2020, it was 1.59"
    assert _figure(wattbot_pages("strubell2019")[1], "1.58, the") == ("1.58", 1.58, "PUE")
    p4 = wattbot_pages("patterson2021")[3]
    assert [f[1] for f in _found(p4) if f[2] == "PUE"] == [1.50, 1.58, 1.59, 1.11]
    p5 = wattbot_pages("patterson2021")[4]
    assert not [f for f in _found(p5) if f[2] == "PUE"]  # footnote "9  PUE and kg CO 2 e per KWh"


@pytest.mark.corpus
def test_table_cells_with_units_from_a_header_row_and_the_caption():
    page = wattbot_pages("strubell2019")[3]
    # "Model Hardware Power (W) Hours kWh ·PUE CO 2e Cloud compute cost" above the rows;
    # "CO 2 emissions (lbs)" only in the caption below them.
    nas = page.index("NAS P100x8")
    row = [(page[c.start:c.end], c.unit) for c in extract_candidates([page])
           if nas <= c.start < page.index("\n", nas)]
    assert row == [("8", "GPU"), ("1515.43", "W"), ("274,120", "h"), ("656,347", "kWh"),
                   ("626,155", "lbCO2e"), ("$942,973–$3,20 1,722", "USD")]
    # Table 4: "Models Hours Cloud compute Electricity", rows without a label
    last = page.index("4789 239,942")
    assert [(page[c.start:c.end], c.unit) for c in extract_candidates([page])
            if last <= c.start < last + 12] == [("4789", "model"), ("239,942", "h")]
    # a table whose only numeric column is headed "Number of Models"
    counts = [f for f in _found(wattbot_pages("luccioni2023")[2]) if f[2] == "model"]
    assert [f[1] for f in counts] == [95.0, 35.0, 30.0, 11.0, 10.0, 9.0]


@pytest.mark.parametrize("text, figure", [
    ("training took12days on", ("12days", 12.0, "day")),
    ("reduces emissions by upto75% in", ("75%", 75.0, "%")),
    ("the model emitted10.5kg of CO2", ("10.5kg of CO2", 10.5, "kgCO2e")),
    ("it used1,287 MWh in all", ("1,287 MWh", 1287.0, "MWh")),
])
def test_numbers_glued_to_the_word_before(text, figure):
    assert _found(text) == [figure]


@pytest.mark.corpus
def test_glued_names_are_not_figures():
    # real names from the five papers: a digit inside a word is not a glued number
    page = "\n".join(wattbot_pages("luccioni2024")[13:18])
    for name in ("seq2seq", "timpal0l", "ml6team", "cd45rb", "mdeberta-v3-base"):
        if name in page:
            at = page.index(name)
            assert not [c for c in extract_candidates([page]) if at <= c.start < at + len(name)], name


@pytest.mark.corpus
def test_no_figures_in_urls_dois_arxiv_ids_and_reference_lists():
    strubell = wattbot_pages("strubell2019")
    url = strubell[0].index("https://bit.ly/2Hw0xWc")
    assert not [c for c in extract_candidates([strubell[0]]) if url <= c.start < url + 40]
    dodge = wattbot_pages("dodge2022")
    first = dodge[0]
    for ident in ("https://doi.org/10.1145/3531146.3533234", "arXiv:2206.05229v1"):
        at = first.index(ident)
        assert not [c for c in extract_candidates([first]) if at <= c.start < at + len(ident)], ident
    refs = next(p for p in dodge if "REFERENCES" in p)
    head = refs.index("REFERENCES")
    assert not [c for c in extract_candidates([refs]) if c.start > head]
    assert _found("as shown in [12, 15–17] it used 3 kWh") == [("3 kWh", 3.0, "kWh")]
    assert _found("see arXiv:2302.08476 and doi:10.18653/v1/P19-1355 for 12 models") == [
        ("12 models", 12.0, "model")]


@pytest.mark.corpus
def test_section_numbers_and_headings_are_not_counts():
    page = wattbot_pages("strubell2019")[3]
    for heading in ("4 Experimental results", "4.1 Cost of training", "5 Conclusions"):
        at = page.index(heading)
        assert not [c for c in extract_candidates([page]) if c.start == at], heading
    assert _found("the Scope 2 emissions of it, and Tier 3 datacenters") == []


@pytest.mark.corpus
@pytest.mark.parametrize("paper", PAPERS)
def test_plain_numbers_are_named(paper):
    """No bare dimensionless number: each is a ratio, a named quantity or an equation's coefficient."""
    pages = wattbot_pages(paper)
    for c in extract_candidates(pages):
        if c.unit == "dimensionless" and c.kind != "coefficient":
            assert c.unit_text, c


# ------------------------------------------------------------------ classes of misses, fixed

@pytest.mark.parametrize("text, figures", [
    # accelerators: maker and model words before the device, the version after it
    ("containing 8 NVIDIA 1080 Ti GPUs and", [("8 NVIDIA 1080 Ti GPUs", 8.0, "GPU")]),
    ("the search takes 32,633 TPU v2 hours instead",
     [("32,633 TPU v2 hours", 32633.0, "TPU_hour")]),
    ("process   takes   32,633   TPU   v2   hours   instead",  # pypdf's triple spaces
     [("32,633   TPU   v2   hours", 32633.0, "TPU_hour")]),
    ("on 32 TPU v3 chips.", [("32 TPU v3 chips", 32.0, "TPU")]),
    # a scale word after pypdf's run of spaces
    ("in   more   than   $7   billion   in   new", [("$7   billion", 7e9, "USD")]),
    # a count written as a product with a size: 16 DIMMs of 16 GB
    ("and 256GB RAM (16x16GB DIMMs) to", [("256GB", 256.0, "GB"), ("16", 16.0, "item"),
                                          ("16GB", 16.0, "GB")]),
    ("a 16x speedup", [("16x", 16.0, "dimensionless")]),
    # a unit named before its number, and a list that carries it on
    ("The peak TeraFLOPS/second is 46 for TPU v2, 123 for TPU v3, and 125 for V100.",
     [("46", 46.0, "TFLOP/s"), ("123", 123.0, "TFLOP/s"), ("125", 125.0, "TFLOP/s")]),
    ("we find kWh per GPU hour to range from 0.07 to 0.28, compared",
     [("0.07 to 0.28", 0.175, "kWh/GPU_hour")]),
    ("the number of GPUs is 8 here", [("8", 8.0, "GPU")]),
    ("1 kWh is 3.6 MJ", [("1 kWh", 1.0, "kWh"), ("3.6 MJ", 3.6, "MJ")]),
    ("The energy is 5 for all of them", []),
    ("it was 46 for TPU v2, 123 for TPU v3", []),
])
def test_classes_of_former_misses(text, figures):
    assert _found(text) == figures


def test_a_row_label_that_wraps_onto_the_next_line():
    text = ("Datacenter   Gross   CO 2 e/KWh   (kg/KWh)   2020   \n"
            "(Section   2.4   and   Appendix   D)   0.429   0.478   \n"
            "Gross   CO 2 e   for   Model   Training   (metric   ton)   (Section  \n"
            "2.4   and   Appendix   D)   0.1357   0.1055\n"
            "Number   of   Chips   8   \n"
            "Training   time   to   accuracy   goal   (days)   3.5   3.2\n"
            "Number   of   Parameters   (B)   0.064   per  \n"
            "model  11  2.6  619\n")
    assert [(c.number, c.value, c.unit) for c in extract_candidates([text])] == [
        ("0.429", 0.429, "kgCO2e/kWh"), ("0.478", 0.478, "kgCO2e/kWh"),
        ("0.1357", 0.1357, "tCO2e"), ("0.1055", 0.1055, "tCO2e"),
        ("8", 8.0, "accelerator"),  # one cell, next to rows of two
        ("3.5", 3.5, "day"), ("3.2", 3.2, "day"),
        ("11B", 1.1e10, "parameter"), ("2.6B", 2.6e9, "parameter"), ("619B", 6.19e11, "parameter")]
    # a label of its own (capitalised) never takes the unit of the line above it
    assert extract_candidates(["energy\n(kWh)\nFlan-T5-base 222M 3.67 0.026\n"]) == []
    # a lone cell with no row beside it is not a table
    assert extract_candidates(["Number of Chips 8\nsome text follows here.\n"]) == []
    # a header line above is not the start of a label: "6 6 OTSL" is a label of its own
    assert extract_candidates(["Language TEDs mAP Inference time (secs)simple complex all\n"
                               "6 6 OTSL 0.965 0.934 0.955 0.88 2.73\n"]) == []


@pytest.mark.parametrize("text, figures", [
    # one of a thing, and counts of people by gender
    ("(8 male and 2 female; 8\nPhD students, 1 postdoc, and 1 industry research scientist).",
     [("8 male", 8.0, "person"), ("2 female", 2.0, "person"), ("8\nPhD students", 8.0, "item"),
      ("1 postdoc", 1.0, "item"), ("1 industry research scientist", 1.0, "item")]),
    ("Air travel, 1 passenger, NY", [("1 passenger", 1.0, "passenger")]),
    ("as Table 1 shows, step 1 is the first, the 1 st place and only 1 of them", []),
    # an age is in years; its spread after it is no figure of its own
    ("(mean age: 28.3; SD:4.1; all adults)", [("28.3", 28.3, "year")]),
    ("participants aged 34 on average", [("34", 34.0, "year")]),
    ("a PUE of 1.1; SD 0.2", [("1.1", 1.1, "PUE")]),
    # the points of a rating scale
    ("using\na 5-point Likert scale for", [("5-point Likert scale", 5.0, "item")]),
])
def test_singular_counts_ages_and_scales(text, figures):
    assert _found(text) == figures


@pytest.mark.corpus
@pytest.mark.parametrize("paper, page_no, text, figure", [
    # "GPU 4·V100 8·V100 256·A100": how many of which accelerator
    ("dodge2022", 7, "256·A100", ("256", 256.0, "GPU")),
    ("dodge2022", 7, "8·V100", ("8", 8.0, "GPU")),
    # a header printed a word or two per line, a row holding two models
    ("luccioni2024", 10, "222M 3.67", ("222M", 2.22e8, "parameter")),
    ("luccioni2024", 10, "3.67 0.026", ("3.67", 3.67, "gCO2e")),
    ("luccioni2024", 10, "0.104\n", ("0.104", 0.104, "kWh")),
    ("luccioni2024", 10, "14.46", ("14.46", 14.46, "gCO2e")),
    ("luccioni2024", 10, "7B 14.46", ("7B", 7e9, "parameter")),
    # cells printed "1.0 × 10−4"; a label "(# inferences)"
    ("luccioni2024", 12, "5.4 × 10−5\nCost", ("5.4 × 10−5", 5.4e-5, "kWh")),
    ("luccioni2024", 12, "592,570,000", ("592,570,000", 592570000.0, "inference")),
    # a header whose last column's unit wrapped onto its own line; Yes/No cells between
    ("luccioni2023", 5, "38 No", ("38", 38.0, "model")),
    ("luccioni2023", 5, "512.3", ("512.3", 512.3, "gCO2e/kWh")),
    ("luccioni2023", 5, "147.2", ("147.2", 147.2, "gCO2e/kWh")),
])
def test_tables_readers_ask_about(paper, page_no, text, figure):
    assert _figure(wattbot_pages(paper)[page_no - 1], text) == figure


def test_stacked_header_needs_rows_of_its_width():
    text = ("model\nname\nnumber of\nparameters\nemissions\n(g CO2e)\nenergy\n(kWh)\n"
            "Flan-T5-base 222M 3.67 0.026\nFlan-T5-large 750M 7.68\n")
    assert [(c.number, c.unit) for c in extract_candidates([text])] == [
        ("222M", "parameter"), ("3.67", "gCO2e"), ("0.026", "kWh")]


@pytest.mark.parametrize("text, figures", [
    ("across 9 other countries, with", [("9 other countries", 9.0, "country")]),
    ("quality +13.5 BLEU, 7.4 higher", [("13.5 BLEU", 13.5, "dimensionless")]),
    ("b) CO 2 grams per GPU hour, and c) CO 2 grams per kWh", []),  # the 2 of CO2
    ("than the   600B   sparse   MoE   model,", [("600B", 6e11, "parameter")]),
    ("than the 2.3B dense\nmodel.", [("2.3B", 2.3e9, "parameter")]),
    ("had upward of 10 million users per day [36]",
     [("10 million users per day", 1e7, "user/day")]),
    ("the majority of models (61) from our sample", [("61", 61.0, "model")]),
    ("in the United States (48), in Equations (3), the papers (2019)", []),
])
def test_more_counts_and_gains(text, figures):
    assert _found(text) == figures


@pytest.mark.corpus
def test_a_table_whose_rows_end_in_a_text_column():
    page = wattbot_pages("patterson2021")[4]  # Table 3: "Processor Average (Watts) StDev % DNNs ..."
    watts = [f for f in _found(page) if f[2] == "W"]
    assert [f[1] for f in watts] == [221.0, 283.0, 271.0, 325.0]


@pytest.mark.parametrize("text, figures", [
    ("We analyze four models, the computational", [("four models", 4.0, "model")]),
    ("each of the ten tasks that we analyzed", [("ten tasks", 10.0, "task")]),
    ("We consider sixteen regions where", [("sixteen regions", 16.0, "region")]),
    ("Four of\nthe participants chose Topic 1", [("Four of\nthe participants", 4.0, "participant")]),
    ("repeating each experiment\nten times to measure", [("ten times", 10.0, "dimensionless")]),
    ("over the past seven\nyears Google", [("seven\nyears", 7.0, "year")]),
    ("a server with two Intel Xeon E5-2630 v3 CPUs", [("two Intel Xeon E5-2630 v3 CPUs", 2.0, "item")]),
    ("twenty-five experiments", [("twenty-five experiments", 25.0, "experiment")]),
    # not counts: orders of magnitude, time ago, a verb, one, names
    ("nearly two orders of magnitude, five years ago, one of them, it runs two, The Two Systems",
     []),
])
def test_numbers_written_in_words(text, figures):
    found = extract_candidates([text])
    assert [brief(c, text) for c in found] == figures
    assert all(c.kind == "words" and Interval.from_written(c.written).nominal == c.value
               for c in found)


def test_a_caption_naming_one_unit_gives_the_cells_above_it():
    rows = ("input output output\nIMDB 58.73 1.64 2.61\nRotten\nTomatoes 30.08 1.00 0.99\n")
    one_unit = "Table 4. Average input and output length (in number of tokens) for the models.\n"
    found = extract_candidates([rows + one_unit])
    assert [(c.number, c.unit) for c in found] == [
        ("58.73", "token"), ("1.64", "token"), ("2.61", "token"),
        ("30.08", "token"), ("1.00", "token"), ("0.99", "token")]
    two_units = "Table 3. Emissions (in g of CO2eq) and energy (in kWh) for 1,000 inferences.\n"
    assert [c.number for c in extract_candidates([rows + two_units])] == ["1,000"]


@pytest.mark.parametrize("text, figures", [
    # "N of which": the count before names what they are
    ("we\nresolve a total 380.5M citation links between pa-\npers (§2.6), 156.5M of which can be",
     [("380.5M citation links", 3.805e8, "item"), ("156.5M", 1.565e8, "item")]),
    ("We have 12 models. 3 of which are new", [("12 models", 12.0, "model")]),
    # "of which 6 are vitals ..., and 28 are laboratory values"
    ("of which 6 are vitals (e.g blood pressure), and 28 are laboratory values (e.g.\nlactate).",
     [("6 are vitals", 6.0, "item"), ("28 are laboratory values", 28.0, "item")]),
])
def test_counts_that_name_their_noun_elsewhere(text, figures):
    assert _found(text) == figures


def test_a_column_headed_by_a_counted_noun():
    text = ("Corpus Papers w/ body text Citation contexts Linked to graph\n"
            "S2ORC (PDF-parse) 8.1M full text yes S2ORC (full) multi\n"
            "AAN (Radev et al., 2009) 25k full text no ACL Anthology comp ling\n"
            "Table 1: A comparison.\n")
    assert [(c.number, c.value, c.unit) for c in extract_candidates([text])] == [
        ("8.1M", 8.1e6, "paper"), ("25k", 25000.0, "paper")]
    # one row is not a column
    assert extract_candidates(["Corpus Papers w/ body text\nS2ORC 8.1M full text\nSome prose.\n"]) == []


def test_a_sentence_that_names_its_unit_first():
    text = ("Across our experiments, we find kWh per GPU hour to range from 0.07 to 0.28, compared to "
            "Patterson et al. [34]\nwith 0.22 to 0.47, and Patterson et al. [33] with 0.36. We find CO2 "
            "(grams) per GPU hour in the most efficient region to\naverage 34, and in the least efficient "
            "region to average 128, where Patterson et al. [34] found a range of 63 to 202. The "
            "estimates range between 427 and 545.")
    assert [(c.number, c.unit) for c in extract_candidates([text])] == [
        ("0.07 to 0.28", "kWh/GPU_hour"), ("0.22 to 0.47", "kWh/GPU_hour"), ("0.36", "kWh/GPU_hour"),
        ("34", "gCO2e/GPU_hour"), ("128", "gCO2e/GPU_hour"), ("63 to 202", "gCO2e/GPU_hour")]
    # an age carries its unit to its spread only, never on through the sentence
    assert [(c.number, c.unit) for c in extract_candidates(["(mean age: 28.3, 12 of them)"])] == [
        ("28.3", "year")]


@pytest.mark.parametrize("text, figures", [
    ("they   differ   by   factors   of   0.53–1.64   and   0.91–2.42   with   geometric    \n"
     "means   of   0.92   and   1.48,   respectively 18 .    The",
     [("0.53–1.64", 1.085, "dimensionless"), ("0.91–2.42", 1.665, "dimensionless"),
      ("0.92", 0.92, "dimensionless"), ("1.48", 1.48, "dimensionless")]),  # not the footnote 18
    ("Red   arrows   are   at   131M   and   210M   parameters   and",
     [("131M", 1.31e8, "parameter"), ("210M   parameters", 2.1e8, "parameter")]),
    ("by a factor of 2 since 2019 and", [("2", 2.0, "dimensionless")]),
])
def test_factors_and_shared_nouns(text, figures):
    assert [(f[0], pytest.approx(f[1]), f[2]) for f in _found(text)] == figures


@pytest.mark.parametrize("text, figures", [
    ("from the level 1 topics, where P 1 cite−−→P 2", []),  # a name, a label
    ("next to section headers (4), and definitions (5).", []),  # callouts to a figure
    ("79% of participants (19) had taken", [("79%", 79.0, "%"), ("19", 19.0, "participant")]),
    ("the inline citation contributes 1 point.", [("1 point", 1.0, "item")]),
])
def test_one_and_parenthesised_counts_need_their_context(text, figures):
    assert _found(text) == figures


def test_a_sentence_holds_no_soft_hyphen_of_a_line_break():
    """pdfium keeps a hyphen set at a line break as U+00AD inside the word: the candidate's
    sentence (shown, and stored as the quote of a promoted claim) reads 'papers'."""
    page = "The graph consists of more than 280M nodes, representing pa\u00adpers, authors and entities."
    (c,) = [c for c in extract_candidates([page]) if c.number.startswith("280")]
    assert "\u00ad" not in c.sentence and "representing papers, authors" in c.sentence


@pytest.mark.parametrize("page, found", [
    ("It uses 0,5 kWh per query.", [("0.5", 0.5, "kWh/query")]),
    ("A share of 3,2 % of energy.", [("3.2", 3.2, "%")]),
    ("It consumed 1.234,5 MWh.", [("1,234.5", 1234.5, "MWh")]),
    ("It consumed 1,000 kWh.", [("1,000", 1000.0, "kWh")]),
])
def test_decimal_commas_are_extracted(page, found):
    assert [(c.number, c.value, c.unit) for c in extract_candidates([page])] == found


@pytest.mark.parametrize("page, found", [
    ("Cooling used 3 liters of water per run.", [(3.0, "l", "run")]),
    ("It takes 3 litres per query.", [(3.0, "l/query", "")]),
    ("We added 3 mL of water.", [(3.0, "ml", "")]),
    ("The cable is 5 metres long.", [(5.0, "m", "")]),
    ("Latency was 20 ms per request.", [(20.0, "ms/request", "")]),
    ("Each dose holds 4 milligrams.", [(4.0, "mg", "dose")]),
    ("It drank 3 litres, wrote 10 lines and used 8 GPUs.",    # a count noun kb could read as a length stays a count
     [(3.0, "l", ""), (10.0, "item", ""), (8.0, "GPU", "")]),
])
def test_a_unit_spelled_out_or_abbreviated_is_read_as_that_unit_with_its_per(page, found):
    """A unit of volume, length, mass or time in words ("litres", "metres") or abbreviated ("mL", "ms") is
    that unit, as "kWh" is, with its per; never a count of things ("3 item"), never left out."""
    assert [(c.value, c.unit, c.per) for c in extract_candidates([page])] == found


@pytest.mark.parametrize("page, value", [
    ("1 in 5 patients had it.", "5 patients"), ("About 1 in 20 GPUs failed.", "20 GPUs"),
    ("One in five patients had it.", "5 patients"), ("one in every ten GPUs failed.", "10 GPUs"),
])
def test_a_share_n_in_m_is_no_count_of_m_things(page, value):
    """"1 in 5 patients" is one figure, a share: no count of 5 patients on the page, nor verified from a quote."""
    assert extract_candidates([page]) == []
    assert not value_in_quote(value, page).ok


def test_a_sentence_going_on_from_the_page_before_starts_after_the_running_header():
    """The sentence of a figure near a page's top, going on from the page before, began with the page's running
    header ("ACM FAccT '24, June 3-6, 2024, Rio de Janeiro, Brazil Luccioni et al generative tasks use ...", p. 6
    of Power Hungry Processing): `kb claims promote` stored it as a quote and was refused, the header being no
    part of the text quotes are matched against. Nor is a page's footer part of its last sentence."""
    head = "ACM Conf '24, June 3-6, 2024, Rio, Brazil Doe et al"
    pages = [f"{head}\nText of page {n} runs on and on about energy, and\n"
             f"it ends here with 0.0{n} kWh per query of\nPreprint under review\n{n}" for n in range(1, 6)]
    pages[2] = (f"{head}\ngenerative tasks use around 0.05 kWh for 1,000 inferences. Another sentence prints 3 GPUs"
                f"\nPreprint under review\n3")
    found = {c.number: c.sentence for c in extract_candidates(pages) if c.page == 3}
    assert found["0.05"] == "generative tasks use around 0.05 kWh for 1,000 inferences."
    assert found["3"] == "Another sentence prints 3 GPUs"
    one = extract_candidates(pages[2:3])              # a page alone: no header known, its sentence as printed
    assert [c.sentence for c in one if c.number == "0.05"] == [
        f"{head} generative tasks use around 0.05 kWh for 1,000 inferences."]


@pytest.mark.parametrize("line", [
    "Rio de Janeiro, Brazil.\nACM, New York, NY, USA, 21 pages. https://doi.org/10.1145/3630106.3658542\nPermission",
    "Seoul, Republic of Korea. ACM, New York, NY, USA, 25 pages.\nhttps://doi.org/10.1145/3531146.3533234\n",
    "NY, USA, 12 pages. DOI: 10.1145/1234567.7654321",
])
def test_a_papers_own_page_count_in_its_reference_format_is_no_candidate(line):
    """The page count the ACM reference format prints before the paper's DOI is no figure of the paper ('21 pages'
    was a candidate, promoted as the claim '21 item'); a count of pages a sentence states stays one."""
    assert extract_candidates([line]) == []
    said = extract_candidates(["The annotators read 21 pages of text per case."])
    assert [c.value for c in said] == [21.0]
