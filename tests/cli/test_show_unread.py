"""`kb show` names the pages of a paper kb could not read (lost by the extractor, reached again by its page tree,
content streams not in the file, mostly U+FFFD from a broken ToUnicode map), as kb add's warning did, from what
the index keeps; a page that is blank, or a paper read whole, is named by nothing. A version stored by an older kb
(no list kept) has only its U+FFFD pages named: its empty pages are not told from blank ones."""

from __future__ import annotations

import sqlite3

import pytest
from kbrun import run_kb
from pdfgen import make_broken_tounicode_pdf, make_looping_tree_pdf, make_missing_contents_pdf, make_pdf

LINES = ["Energy use of training is measured in kilowatt hours per model run here, and reported.",
         "A second sentence of this page says the same thing again, in other words, for the count."]
PAGES = [LINES, LINES + ["the second page"], LINES + ["the third page"], LINES + ["the fourth page"]]

# (a PDF, {page: a word of why}) for each way a page is not read; {} where every page is read
CASES = {
    "twice": (lambda: make_looping_tree_pdf(PAGES[:3], loop="twice"), {4: "page 1 again"}),
    "self": (lambda: make_looping_tree_pdf(PAGES[:3], loop="self"), {4: ""}),     # each extractor says its why
    "missing one": (lambda: make_missing_contents_pdf(PAGES[:3], {1: b"99 0 R"}), {2: "not in the file"}),
    "missing two": (lambda: make_missing_contents_pdf(PAGES, {0: b"98 0 R", 2: b"[99 0 R]"}),
                    {1: "not in the file", 3: "not in the file"}),
    "fffd one": (lambda: make_broken_tounicode_pdf(PAGES[:3], {2}), {3: "U+FFFD"}),
    "fffd two": (lambda: make_broken_tounicode_pdf(PAGES, {1, 3}), {2: "U+FFFD", 4: "U+FFFD"}),
    "garbage map": (lambda: make_broken_tounicode_pdf(PAGES[:2], {1}, cmap="garbage"), None),
    "whole": (lambda: make_pdf([LINES, LINES + ["two"]], title="Energy use of training runs"), {}),
    "blank page": (lambda: make_pdf([LINES, [], LINES + ["three"]], title="Energy use of training runs"), {}),
}


def _add(tmp_path, data: bytes, *args: str) -> str:
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(data)
    r = run_kb("add", str(pdf), "--offline", *args)
    assert r.code == 0, r.err
    return run_kb("ls", "--json").json[-1]["citekey"]


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("extractor", ["pdfium", "pypdf"])
def test_show_names_the_pages_kb_could_not_read(kb_root, tmp_path, case, extractor):
    make, expected = CASES[case]
    key = _add(tmp_path, make(), "--extractor", extractor)
    shown = run_kb("show", key, "--json")
    assert shown.code == 0, shown.err
    version = shown.json["versions"][0]
    got = {u["page"]: u["why"] for u in version["unread_pages"]}
    text = run_kb("show", key).out
    if expected is None:            # an extractor's own reading of a map it cannot use: whatever it gives, said alike
        assert (" could not be read (" in text) == bool(got)
        return
    assert sorted(got) == sorted(expected)
    for page, word in expected.items():
        assert word in got[page]
    said = [line for line in text.splitlines() if " could not be read (" in line]
    if expected:
        pages = ", ".join(map(str, sorted(expected)))
        assert len(said) == 1 and f"{pages} of {version['page_count']} could not be read" in said[0]
    else:
        assert said == []


def test_show_keeps_the_list_through_a_rebuild(kb_root, tmp_path):
    key = _add(tmp_path, make_missing_contents_pdf(PAGES[:3], {1: b"99 0 R"}))
    before = run_kb("show", key, "--json").json["versions"][0]["unread_pages"]
    assert [u["page"] for u in before] == [2]
    assert run_kb("rebuild").code == 0
    assert run_kb("show", key, "--json").json["versions"][0]["unread_pages"] == before


@pytest.mark.parametrize("stored", [None, "not json", "[2]", '{"x": 1}'])
def test_a_version_of_an_older_kb_names_only_what_its_text_shows(kb_root, tmp_path, stored):
    """No list kept (an older kb's version, or one edited by hand): its empty pages are not guessed unread, its
    U+FFFD pages still are."""
    key = _add(tmp_path, make_broken_tounicode_pdf([LINES, [], LINES + ["three"]], {2}))
    with sqlite3.connect(kb_root / ".kb" / "kb.sqlite") as conn:
        conn.execute("update versions set unread = ?", [stored])
    r = run_kb("show", key, "--json")
    assert r.code == 0 and r.err == ""
    assert [u["page"] for u in r.json["versions"][0]["unread_pages"]] == [3]
    key2 = _add(tmp_path, make_looping_tree_pdf(PAGES[:3], loop="twice"))
    with sqlite3.connect(kb_root / ".kb" / "kb.sqlite") as conn:
        conn.execute("update versions set unread = null where citekey = ?", [key2])
    r = run_kb("show", key2)
    assert r.code == 0 and " could not be read" not in r.out


def test_a_page_text_loaded_names_no_page(kb_root, tmp_path):
    key = _add(tmp_path, make_looping_tree_pdf(PAGES[:3], loop="twice"))
    text = tmp_path / "pages.txt"
    text.write_text("\f".join(" ".join(p) for p in PAGES), "utf-8")
    r = run_kb("text", "load", key, str(text), "--replace")
    assert r.code == 0, r.err
    assert run_kb("show", key, "--json").json["versions"][0]["unread_pages"] == []


GARBLED = [["We trained the models on the data of the task and we report the energy of each run.",
            "The energy was not less than it was for the base model in this study of the task.",
            "It is the sum of the energy of all the runs that we made on the cluster for this work."] * 2] * 3


@pytest.mark.parametrize("cmap", ["shift1", "pua", "cjk"])
def test_a_quote_of_garbage_a_broken_font_gave_is_refused_and_the_page_named(tmp_path, kb_root, cmap):
    from kb.text.garbled import garbled
    key = _add(tmp_path, make_broken_tounicode_pdf(GARBLED, {1}, cmap=cmap))
    page = sqlite3.connect(kb_root / ".kb" / "kb.sqlite").execute(
        "select text from pages where page = 2").fetchone()[0]
    assert garbled(page) is not None
    words = " ".join(page.split()[:6])
    r = run_kb("quote", "add", key, words)
    # private-use characters are no word at all: refused before they are looked for
    said = "no word or number to look for" if cmap == "pua" else "not readable text"
    assert r.code == 2 and said in r.err and "Traceback" not in r.err, (r.code, r.err)
    assert run_kb("quote", "add", key, "we report the energy of each run").code == 0    # page 1 still read
    shown = run_kb("show", key)
    assert "page 2" in shown.out and "broken" in shown.out, shown.out



#: As GARBLED, with figures: a +1 shift gives "23" for "12", so a claim of the garbage's figure is what it quotes.
GARBLED_FIGURES = [["We made 12 runs of the models on the data of the task and we report the energy of each run.",
                    "The energy was not less than it was for the base model in this study of the task.",
                    "It is the sum of the energy of all the runs that we made on the cluster for this work."] * 2] * 3


def test_a_claim_whose_quote_is_garbage_a_broken_font_gave_is_refused_and_failed(tmp_path, kb_root):
    """As a quote's: a claim's quote matched on such a page verifies nothing, at kb claim add and at kb verify
    (a claims file written by hand, or by an older kb, saying it verified); a good page's claim still does."""
    key = _add(tmp_path, make_broken_tounicode_pdf(GARBLED_FIGURES, {1}, cmap="shift1"))
    page = sqlite3.connect(kb_root / ".kb" / "kb.sqlite").execute(
        "select text from pages where page = 2").fetchone()[0]
    words = " ".join(page.split()[:5])
    figure = next(w for w in words.split() if w.isdigit())
    r = run_kb("claim", "add", key, figure, "--quote", words)
    assert r.code == 2 and "not readable text" in r.err and "Traceback" not in r.err, (r.code, r.err)
    assert run_kb("claim", "add", key, "12", "--quote", "We made 12 runs of the models", "--id", "good").code == 0
    r = run_kb("claim", "add", key, figure, "--quote", words, "--id", "g", "--force")
    assert r.code == 0, r.err
    path = kb_root / "claims" / f"{key}.toml"
    text = path.read_text()
    assert text.count('status = "unverified"') == 1
    path.write_text(text.replace('status = "unverified"', 'status = "verified"'))
    r = run_kb("verify", "--json")
    verdicts = {v["id"]: v for v in r.json}
    assert verdicts["g"]["status"] == "unreadable-text" and "page 2" in verdicts["g"]["message"], verdicts["g"]
    assert verdicts["good"]["status"] == "ok" and r.code == 1
