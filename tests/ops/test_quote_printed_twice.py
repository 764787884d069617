"""kb verify of a quote a paper prints more than once (an abstract's sentence the conclusion repeats, a caption
printed under two tables): the printing on the page stored is the one verified, and said, not the first kb finds."""

from __future__ import annotations

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import add_quote, verify_papers
from kb.ops.session import open_kb

BIB = "@misc{dodge2022, title = {Measuring the Carbon Intensity of AI}, author = {Dodge, Jesse}, year = {2022}}\n"
QUOTE = "The last line represents the average number of pauses per hour performed by the optimization."
_BROKEN = QUOTE.replace("number of", "number\nof")      # a line's break inside it
PAGES = ["An introduction.", f"Table 2. {QUOTE}", "Methods, without it.", f"Table 5. {QUOTE}",
         f"Table 7 of the appendix.\n{_BROKEN}", "A last page."]


def _verdict(kb_root, tmp_path, pages: list[str], page: int, written: int | None = None):
    """kb verify's verdict of QUOTE stored (kb quote add --page `page`), its page then edited to `written`."""
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    (tmp_path / "v.txt").write_text("\f".join(pages), "utf-8")
    load_text(kb, "dodge2022", tmp_path / "v.txt", extractor="pypdf")
    add_quote(kb, "dodge2022", QUOTE, quote_id="q", page=page)
    if written is not None:
        claims = kb_root / "claims" / "dodge2022.toml"
        text = claims.read_text("utf-8")
        claims.write_text(text.replace(f"page = {page}\npage_end = {page}", f"page = {written}\npage_end = {written}"),
                          "utf-8")
    (verdict,) = verify_papers(open_kb(kb_root), jobs=1)
    return verdict


@pytest.mark.parametrize("page", [2, 4, 5])
def test_a_quote_printed_more_than_once_is_verified_on_the_page_stored(kb_root, tmp_path, page):
    verdict = _verdict(kb_root, tmp_path, PAGES, page)
    assert verdict.status == "ok" and verdict.page == page, verdict
    assert verdict.message == f"page {page}", verdict       # never "(found at a different place than recorded)"


@pytest.mark.parametrize("page, written", [(4, 2), (2, 5), (5, 4)])
def test_a_page_edited_to_another_printing_is_verified_there(kb_root, tmp_path, page, written):
    verdict = _verdict(kb_root, tmp_path, PAGES, page, written)
    assert verdict.status == "ok" and verdict.page == written, verdict


@pytest.mark.parametrize("page, written", [(4, 3), (2, 1), (5, 6)])
def test_a_page_edited_to_one_without_it_fails_naming_the_first_printing(kb_root, tmp_path, page, written):
    verdict = _verdict(kb_root, tmp_path, PAGES, page, written)
    assert verdict.status == "wrong-page" and verdict.failed, verdict
    assert verdict.message == f"its stored page {written} is not where the quote is: it is on page 2", verdict


def test_a_page_holding_another_wording_is_no_printing_of_it(kb_root, tmp_path):
    """The second printing changed ('pauses per day'): the quote stored on page 2 is verified there; edited to page 4,
    it is refused there, never verified on page 2 under page 4's name."""
    pages = [*PAGES[:3], PAGES[3].replace("per hour", "per day"), *PAGES[4:]]
    assert _verdict(kb_root, tmp_path, pages, 2).message == "page 2"
    verdict = _verdict(kb_root, tmp_path, pages, 2, 4)
    assert verdict.status == "wrong-page", verdict


def _note_verdict(kb_root, tmp_path, cited: str, quote: str = QUOTE):
    """kb verify --note's verdict of `quote` in a note citing dodge2022 at `cited`."""
    from kb.ops.quotes import verify_note

    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    (tmp_path / "v.txt").write_text("\f".join(PAGES), "utf-8")
    load_text(kb, "dodge2022", tmp_path / "v.txt", extractor="pypdf")
    note = tmp_path / "note.md"
    note.write_text(f"> {quote}\n[@dodge2022, {cited}]\n", "utf-8")
    (verdict,), _ = verify_note(open_kb(kb_root), note)
    return verdict


@pytest.mark.parametrize("cited, page", [("p. 2", 2), ("p. 4", 4), ("p. 5", 5), ("pp. 4-5", 4), ("pp. 1, 5", 5)])
def test_a_note_citing_any_printing_of_a_quote_is_ok_there(kb_root, tmp_path, cited, page):
    """A note exported by kb export note cites the page the quote was stored on, maybe a later printing
    ('the note cites p. 25, but the quote is on page 13' was said of a sentence printed on pages 13, 24, 25)."""
    verdict = _note_verdict(kb_root, tmp_path, cited)
    assert verdict.status == "ok" and verdict.page == page, verdict
    assert verdict.message == f"page {page}", verdict


@pytest.mark.parametrize("cited", ["p. 3", "p. 1", "p. 6", "pp. 1, 3"])
def test_a_note_citing_a_page_without_any_printing_fails_naming_the_first(kb_root, tmp_path, cited):
    verdict = _note_verdict(kb_root, tmp_path, cited)
    assert verdict.status == "wrong-page" and verdict.failed and verdict.page == 2, verdict


def test_a_page_holding_another_wording_is_no_printing_for_a_note(kb_root, tmp_path):
    verdict = _note_verdict(kb_root, tmp_path, "p. 4", QUOTE.replace("per hour", "per day"))
    assert verdict.status == "not-found", verdict
