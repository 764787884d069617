"""Folding text for matching: every PDF artefact kb must see through, and what it must not."""

from __future__ import annotations

import pytest
from budgets import budget
from corpus import wattbot_pages
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.text.normalise import (
    Document,
    fold,
    fold_char,
    footnote_markers,
    is_table_line,
    is_word_internal_gap,
    normalise,
    table_lines_before,
)

# --- synthetic: one rule at a time ------------------------------------------------


@pytest.mark.parametrize("pdf, typed", [
    ("ﬁnancially", "financially"),
    ("ﬂight", "flight"),
    ("ﬀ ﬃ ﬄ ﬅ ﬆ", "ff ffi ffl st st"),
    ("compu-\ntation", "computation"),
    ("compu‐\n  tation", "computation"),          # U+2010 hyphen at a line end
    ("multi-\npurpose", "multi-purpose"),
    ("Energy   Consumption", "Energy Consumption"),
    ("Energy\u00a0Consumption", "Energy Consumption"),
    ("“generality”", '"generality"'),
    ("‘general-purpose’", "'general-purpose'"),
    ("FAccT ´24", "FAccT '24"),
    ("`quoted'", "'quoted'"),
    ("3–6", "3-6"),
    ("3—6", "3-6"),
    ("10−5", "10-5"),
    ("3‑6", "3-6"),
    ("co\u00adoperation", "cooperation"),
    ("co\u200boperation", "cooperation"),
    ("\ufeffword", "word"),
    ("𝐶𝑂2𝑒𝑞", "CO2eq"),
    ("𝐶𝑂 2𝑒𝑞", "CO2eq"),
    ("0 .954", "0.954"),
    ("$3,20 1,722", "$3,201,722"),
    ("CO 2", "CO2"),
    ("CARBON Emissions", "carbon emissions"),
    ("Rémi", "Remi"),
])
def test_folds_pdf_artefacts_to_what_a_person_types(pdf: str, typed: str) -> None:
    assert normalise(pdf) == normalise(typed)


@pytest.mark.parametrize("a, b", [
    ("0.954", "0.945"),       # digits are never changed
    ("0.954", "0.95"),        # nor dropped
    ("-5", "5"),              # a minus sign is kept
    ("−5", "5"),              # whatever dash the PDF used for it
    ("10−5", "105"),          # 10^-5 is not 105
    ("e−|t−t′|/l", "e|t−t′|/l"),   # a minus sign U+2212 before a bar or a letter: arxiv-1708.05894v1 p.4
    ("αe−βt", "αeβt"),
    ("x − y", "x y"),
    ("0.06-2.9", "0.062.9"),
    ("not", ""),
    ("is not costly", "is costly"),
    ("CO2", "CO"),
    ("“generality”", "generality"),   # quote marks are text
])
def test_does_not_fold_away_meaning(a: str, b: str) -> None:
    assert normalise(a) != normalise(b)


def test_folding_of_single_characters() -> None:
    assert fold_char("\u00ad") == ""
    assert fold_char("\u00a0") == " "
    assert fold_char("ﬃ") == "ffi"
    assert fold_char("’") == "'"
    assert fold_char("—") == "-"
    assert fold_char("𝟗") == "9"
    assert fold_char("Ⅸ".lower()) != ""


def test_offsets_point_at_the_original_characters() -> None:
    s = "The ﬁrst  compu-\ntation: 0 .954 𝐶𝑂2"
    f = fold(s)
    assert f.text == "thefirstcomputation:0.954co2"
    assert len(f.origin) == len(f.text)
    # both halves of the ligature point at it
    i = f.text.index("fi")
    assert f.origin[i] == f.origin[i + 1] == s.index("ﬁ")
    assert f.original(f.text.index("computation"), f.text.index(":")) == "compu-\ntation"
    assert f.original(f.text.index("0.954"), f.text.index("0.954") + 5) == "0 .954"
    assert f.original(len(f.text) - 3, len(f.text)) == "𝐶𝑂2"


@settings(max_examples=budget(150, 600), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 -\n.,\u00adﬁ𝐶’–\u00a0\u200bÉ")), max_size=60))
def test_offset_map_is_monotonic_and_each_char_comes_from_its_origin(s: str) -> None:
    f = fold(s)
    assert len(f.origin) == len(f.text)
    assert list(f.origin) == sorted(f.origin)
    for k, ch in enumerate(f.text):
        assert 0 <= f.origin[k] < len(s)
        assert ch in fold_char(s[f.origin[k]])
    # folding is idempotent on its own output
    assert normalise(f.text) == f.text


@settings(max_examples=budget(150, 600), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 -\n.,+±/\\{}\u00adﬁ…𝐶’–\u00a0\u200b\x00É\u2212")), max_size=80))
def test_normalise_is_the_text_fold_gives(s: str) -> None:
    """normalise folds without keeping offsets: the same text, glyph names, OT1 marks,
    plus-minus signs and characters that fold to several (ligatures, "…") included."""
    assert normalise(s) == fold(s).text


def test_normalise_is_the_text_fold_gives_on_real_pages() -> None:
    for name in ("strubell2019", "patterson2021", "dodge2022", "luccioni2023", "luccioni2024"):
        for page in wattbot_pages(name):
            assert normalise(page) == fold(page).text
    glyphs = "/1/./7 /#5C/, /. /, /. and /#0C (\\'e) {\\\"o} +/- 5 … ﬁﬂ"
    assert normalise(glyphs) == fold(glyphs).text


def test_word_internal_gaps() -> None:
    assert is_word_internal_gap("")
    assert is_word_internal_gap("\u00ad")
    assert is_word_internal_gap("-\n")
    assert is_word_internal_gap("‐  \n ")
    assert not is_word_internal_gap(" ")
    assert not is_word_internal_gap("\n")
    assert not is_word_internal_gap("-")            # multi-purpose: two words
    assert not is_word_internal_gap("   ")


def test_build_on_a_large_synthetic_paper() -> None:
    page = ("Energy   consumption of ﬁne-tuning was 0 .954 kWh per 1,000 infer-\n"
            "ences, or 𝐶𝑂2𝑒𝑞 “per” query.\n") * 40
    pages = [f"Header of the paper {i}\n{page}{i}" for i in range(1, 41)]
    doc = Document(pages)       # benchmarks/hostile.py times it
    assert len(doc.stream) > 100_000


# --- page edges: headers, footers, page numbers, stamps --------------------------

BODIES = ["the quick brown fox jumps over the", "lazy dog while seven wizards quietly",
          "judge boxing matches near the old", "harbour where many ships anchor for",
          "winter storms and long dark nights"]


def test_synthetic_running_header_and_page_numbers_are_skipped_at_edges() -> None:
    pages = [f"Journal of Things, vol. {i}\n{body}\n{i}" for i, body in enumerate(BODIES, 1)]
    doc = Document(pages)
    for page, body, (lo, hi) in zip(pages, BODIES, doc.content):
        assert page[lo:hi].strip() == body
    assert normalise("jumps over the lazy dog while") in doc.stream.text


def test_numbers_that_do_not_follow_the_page_numbering_are_kept() -> None:
    # Table cells at the page bottom: 17, 4, 99 on pages 1-3 are not page numbers.
    pages = [f"{body}\n{n}" for body, n in zip(BODIES, (17, 4, 99))]
    doc = Document(pages)
    assert [hi for _, hi in doc.content] == [len(p) for p in pages]
    # but when they are page numbers, they go
    pages = [f"{body}\n{n}" for body, n in zip(BODIES, (1, 2, 3))]
    doc = Document(pages)
    assert [p[hi:].strip() for p, (_, hi) in zip(pages, doc.content)] == ["1", "2", "3"]


def test_repeated_body_lines_are_not_mistaken_for_headers_when_rare() -> None:
    # dodge2022 repeats a table header at the top of pages 7 and 25 only.
    pages = wattbot_pages("dodge2022")
    doc = Document(pages)
    assert pages[6][doc.content[6][0]:].lstrip().startswith("Model BERT BERT 6B")


def test_a_line_on_one_page_only_is_not_a_header() -> None:
    pages = ["Introduction to the topic\nwords", "Something else\nwords", "Third page\nwords"]
    doc = Document(pages)
    assert all(lo == 0 for lo, _ in doc.content)


def test_luccioni2023_header_footer_and_stamp_are_found() -> None:
    pages = wattbot_pages("luccioni2023")
    doc = Document(pages)
    lo, hi = doc.content[2]   # page 3
    assert pages[2][:lo].strip().startswith("Counting Carbon: A Survey of Factors")
    assert pages[2][hi:].strip() == "Manuscript pending review"
    assert pages[2][lo:].lstrip().startswith("has yet to be a central consideration")
    lo, hi = doc.content[0]
    assert pages[0][hi:].split() == ["1", "arXiv:2302.08476v1", "[cs.LG]", "16", "Feb", "2023"]
    # the alternating even-page header, with its page number, is found too
    lo, _ = doc.content[1]
    assert pages[1][:lo].strip() == "2 Alexandra Sasha Luccioni and Alex Hernandez-Garcia"


def test_luccioni2024_alternating_headers_and_page_numbers() -> None:
    pages = wattbot_pages("luccioni2024")
    doc = Document(pages)
    for i, (page, (lo, hi)) in enumerate(zip(pages, doc.content)):
        if i == 0:
            assert lo == 0       # the title page has no running header
            continue
        assert "ACM FAccT ’24, June 3–6, 2024, Rio de Janeiro, Brazil" in page[:lo]
        assert page[hi:].strip() == str(i + 1)
        # nothing of the body is cut: the next line is kept
        assert page[lo:hi].strip()


def test_strubell_stamp_at_the_top_of_page_one_only() -> None:
    pages = wattbot_pages("strubell2019")
    doc = Document(pages)
    assert pages[0][:doc.content[0][0]].strip() == "arXiv:1906.02243v1  [cs.CL]  5 Jun 2019"
    # strubell has no running headers or page numbers in its text: nothing else is cut
    assert all(lo == 0 and hi == len(p) for p, (lo, hi) in zip(pages[1:], doc.content[1:]))


def test_patterson_page_numbers_at_top_and_bottom() -> None:
    pages = wattbot_pages("patterson2021")
    doc = Document(pages)
    assert pages[0][doc.content[0][1]:].strip() == "1"
    assert pages[16][:doc.content[16][0]].strip() == "17"
    # page 16 starts "References\n16": the number is not at the edge, so it stays
    assert doc.content[15][0] == 0


# How fast real documents build: benchmarks/quotes.py.


def test_stream_spans_map_back_to_pages() -> None:
    pages = wattbot_pages("luccioni2024")
    doc = Document(pages)
    s = doc.stream
    i = s.text.index(normalise("the difference between multi-purpose models"))
    j = i + len(normalise("the difference between multi-purpose models"))
    spans = s.spans(i, j)
    assert [p for p, _, _ in spans] == [13, 14]
    assert pages[12][spans[0][1]:spans[0][2]] == "the difference"
    assert pages[13][spans[1][1]:spans[1][2]] == "between multi-purpose models"


def test_footnote_markers_only_when_the_footnote_is_on_the_page() -> None:
    pages = wattbot_pages("luccioni2024")
    page5 = pages[4]
    marks = [page5[a:b] for a, b in footnote_markers(page5)]
    at = page5.index("per kWh4,") + len("per kWh")
    assert (at, at + 1) in footnote_markers(page5)
    assert "4" in marks
    # "CO2" and ordinary numbers are never markers
    text = "4The footnote.\nwe emit CO2, and 4 models used 4.5 kWh4, fine"
    found = [text[a:b] for a, b in footnote_markers(text)]
    assert found == ["4"] and text[footnote_markers(text)[0][0] - 3:].startswith("kWh4")
    assert footnote_markers("no footnotes here: kWh4, done") == []


def test_lenient_stream_drops_citations_and_markers_only() -> None:
    doc = Document(wattbot_pages("luccioni2024"))
    strict, lenient = doc.stream.text, doc.lenient.text
    assert normalise("energy [51], which means") in strict
    assert normalise("energy, which means") in lenient
    assert normalise("per kWh, this means") in lenient
    # digits of real numbers survive in the lenient stream
    assert normalise("0.022 kWh") in lenient
    assert len(strict) - len(lenient) < 0.05 * len(strict)


# --- issue 11: characters that print the same, and dashes that are not signs ------------------

@pytest.mark.parametrize("printed, typed", [
    ("(60/8) ∗ 13.8", "(60/8) * 13.8"),        # U+2217 asterisk operator (dodge2022 p.7)
    ("10−6", "10-6"),                          # U+2212 minus sign
    ("energy‐ and carbon‑intensive", "energy- and carbon-intensive"),   # U+2010, U+2011
    ("t′", "t'"), ("1⁄2", "1/2"), ("７５４.６６", "754.66"),
    ("626\u2009155\u00a0lb", "626 155 lb"),
])
def test_characters_that_print_the_same_fold_the_same(printed: str, typed: str) -> None:
    assert normalise(printed) == normalise(typed)


def test_dashes_are_punctuation_unless_a_minus_sign_or_a_range() -> None:
    # patterson2021 p.6 "models—1500B parameters", p.15 "tCO 2 e —3.5 passenger"
    assert normalise("models—1500B parameters") == normalise("models 1500B parameters")
    assert normalise("tCO 2 e —3.5 passenger") == normalise("tCO2e 3.5 passenger")
    assert normalise("fell to −5 °C") != normalise("fell to 5 °C")        # attached: a sign
    assert normalise("0.06–2.9 kWh") == normalise("0.06-2.9 kWh")          # a range
    assert normalise("10 – 20") == normalise("10-20")
    assert normalise("x - 5") != normalise("x 5")                          # a lone variable's: a sign set apart
    assert normalise("models - 40B") == normalise("models 40B")            # after a word: a dash
    # a minus sign spaced from its digits: an exponent's ("p = 5.8e − 3", pypdf's "3.3e− 22")
    # and U+2212 itself ("𝛽 = − 0.43"); a unit's "e" takes no exponent ("tCO2e - 3.5")
    assert normalise("p = 5.8e − 3") == normalise("p = 5.8e-3") != normalise("p = 5.8e3")
    assert normalise("3.3e− 22") == normalise("3.3e-22") != normalise("3.3e22")
    assert normalise("1E - 5") == normalise("1e-5")
    assert normalise("𝛽 = − 0.43") == normalise("β = -0.43") != normalise("β = 0.43")
    assert normalise("tCO2e - 3.5 passenger") == normalise("tCO2e 3.5 passenger")


# --- a table's or a figure's own lines, printed with its caption -------------------------

@pytest.mark.parametrize("line", [
    "CS Bio", "Baseline 84.2 54.2", "Neural 84.6 85.8",                      # acl-N18-3011 p.6, Table 4
    "𝑃𝑃 − 𝑄𝐴 𝑝 𝑃𝑃 − 𝑆𝐷 𝑝 𝑃𝑃 − 𝑃𝐷𝐹 𝑝",                                       # arxiv-2203.00130v1 p.24
    "Reading Difficulty (1–5) -0.344 0.7481 -1.485 0.0011 -1.983 <.0001",
    "dataset input output output output output output output output output",  # luccioni2024 p.11
    "BLOOMz", "560M", "Flan-T5",
])
def test_table_rows_column_heads_and_figure_labels_are_table_lines(line) -> None:
    assert is_table_line(line)


@pytest.mark.parametrize("line", [
    "on the statistics collected in the index described",                    # prose around the table
    "estimate the conﬁdence of a candidate entity based",
    "In this section, we discuss how we con-",                               # broken by a hyphen
    "baseline and our neural model described above.",                        # ends a sentence
    "energy usage, which can be attributed to different factors,",           # ends a clause
    "lower (𝑥˜ = 2.00, 𝜎 = 1.06, with 5.00 being hardest) compared to participants who had the",
    "Table 4. On average, LATEX parses contain many",                        # acl-2020.acl-main.447 p.5
    "11Our evaluations suggest SCIENCEPARSE outperforms",                    # its footnote 11 (p.3)
])
def test_prose_lines_are_not_table_lines(line) -> None:
    assert not is_table_line(line)


def test_a_table_printed_before_its_caption_starts_an_aside() -> None:
    page = ("on the statistics collected in the index described\nCS Bio\nBaseline 84.2 54.2\n"
            "Neural 84.6 85.8\nTable 4: The Bag of Concepts F1 score of the base-\n"
            "line and neural model on the two curated datasets.\nearlier. We compute two scores")
    caption = page.index("Table 4:")
    assert table_lines_before(page, caption) == page.index("CS Bio")
    assert table_lines_before(page, caption, lo=page.index("Neural")) == page.index("Neural")
    d = Document([page])
    starts = d.aside_starts(d.stream)
    assert [d.stream.origin[i] for i in starts] == [page.index("CS Bio"), caption]
    # No table above a caption: only the caption starts one.
    plain = "we describe it below\nTable 4: The Bag of Concepts F1 score.\nearlier."
    assert table_lines_before(plain, plain.index("Table")) == plain.index("Table")
