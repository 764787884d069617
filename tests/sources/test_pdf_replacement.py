"""Pages whose fonts give U+FFFD, the replacement character, for their letters (a broken ToUnicode map): said, never
taken for a title or an author, and no quote found in them."""

from __future__ import annotations

import pytest
from pdfgen import make_broken_tounicode_pdf

from kb.sources import pdf
from kb.text.match import find_quote
from kb.text.normalise import Document

PAGE = ["Energy Use of Large Models", "Jane Doe and John Roe", "We trained 12 models on 64 GPUs for 3 days.",
        "The energy was 11.49 kWh per run in total, and not less."]


@pytest.mark.parametrize("page, replaced", [
    ("\ufffd" * 40, True),
    ("\ufffd " * 40, True),
    ("Energy \ufffd\ufffd\ufffd " * 10, True),                  # 30 of 100 characters
    ("We trained " + "\ufffd" * 20 + " models" + " on the data" * 12, True),
    ("word " * 200 + "\ufffd" * 19, False),                     # fewer than 20
    ("word " * 400 + "\ufffd" * 25, False),                     # 25 of 1,625: a stray few
    ("We trained 12 models on 64 GPUs.", False),
    ("", False),
])
def test_a_page_of_replacement_characters_is_told(page, replaced):
    assert pdf._replaced(page) is replaced


@pytest.mark.parametrize("first_page", [
    "\ufffd" * 30 + "\nJane Doe and John Roe\nAbstract\nWe study things.",
    "Energy Use of \ufffd\ufffd\ufffd Models\nJane Doe and John Roe\nAbstract\nWe study things.",
    "\ufffd\ufffd\ufffd\ufffd \ufffd\ufffd\ufffd\nJane Doe\nAbstract\nWe study things.",
])
def test_no_title_of_replacement_characters(first_page):
    assert "\ufffd" not in pdf.guess_title(first_page)
    assert not any("\ufffd" in name for name in pdf.guess_authors(first_page, pdf.guess_title(first_page)))


def test_the_title_is_still_read_without_them():
    assert pdf.guess_title("Energy Use of Large Models\nJane Doe and John Roe\nAbstract\nWe study.") \
        == "Energy Use of Large Models"


@pytest.mark.parametrize("extractor", pdf.EXTRACTORS)
def test_every_page_broken_is_said_as_unreadable_text_not_a_scan(extractor):
    result = pdf.extract(make_broken_tounicode_pdf([PAGE, PAGE], {0, 1}), extractor=extractor)
    assert result.status == "image-only"
    assert "U+FFFD" in result.message and "pages 1, 2 of 2" in result.message
    assert "scanned" not in result.message
    assert "\ufffd" not in result.title_guess


@pytest.mark.parametrize("extractor", pdf.EXTRACTORS)
@pytest.mark.parametrize("broken", [{0}, {1, 3}, {0, 2}])
def test_some_pages_broken_are_named(extractor, broken):
    result = pdf.extract(make_broken_tounicode_pdf([PAGE] * 4, broken), extractor=extractor)
    assert result.status == "ok"
    said = [w for w in result.warnings if "U+FFFD" in w]
    assert len(said) == 1 and "could not read" in said[0]
    assert pdf.pages_named(sorted(i + 1 for i in broken), 4) in said[0]
    assert "\ufffd" not in result.title_guess
    for i, text in enumerate(result.pages):
        if i in broken:
            assert find_quote(Document([text]), "We trained 12 models on 64 GPUs") is None
        else:
            assert find_quote(Document([text]), "We trained 12 models on 64 GPUs") is not None


@pytest.mark.parametrize("extractor", pdf.EXTRACTORS)
def test_a_cmap_of_garbage_is_read_by_the_fonts_encoding_and_not_said(extractor):
    result = pdf.extract(make_broken_tounicode_pdf([PAGE] * 2, {0, 1}, cmap="garbage"), extractor=extractor)
    assert result.status == "ok" and not [w for w in result.warnings if "U+FFFD" in w]
    assert find_quote(Document(result.pages), "We trained 12 models on 64 GPUs") is not None


@pytest.mark.parametrize("quote", ["We trained 12 models", "The energy was 11.49 kWh", "and not less",
                                   "We trained 10 models", "and less"])
def test_no_quote_verifies_against_replacement_characters(quote):
    page = "We trained 1\ufffd models on \ufffd\ufffd GPUs. The energy was \ufffd1.49 kWh per run, and n\ufffdt less."
    assert find_quote(Document([page, "\ufffd" * 400]), quote) is None
