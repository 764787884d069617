"""Red-team sweep 58, hand edits of a verified quote's provenance: its spans (the characters of the page it was
verified at) edited by hand stood 'ok (found at a different place than recorded)' in kb verify and verified in
kb quote ls and kb search, as if the record said where the quote is."""

from __future__ import annotations

import json
import re
import shutil

import pytest

BIB = "@article{p0,\n  title = {Energy of p0},\n  author = {Curie, Marie},\n  year = {2024}\n}\n"
PAGES = ["Intro.", "We trained 12 models, and the energy used was 12 kWh in total. The run was long. We trained "
                   "12 models, and the energy used was 12 kWh in total.", "The end."]


@pytest.fixture(scope="module")
def spanned_kb(tmp_path_factory):
    """p0's page text (extractor 'test'), a quote of one sentence and an elided quote of two, both verified."""
    from kb.ops.papers import load_text
    from kb.ops.quotes import add_quote
    from kb.ops.session import open_kb
    from kb.store.knowledgebase import init

    root, _ = init(tmp_path_factory.mktemp("spanned") / "kb")
    (root / "references.bib").write_text(BIB)
    given = root.parent / "pages.json"
    given.write_text(json.dumps(PAGES))
    kb = open_kb(root)
    try:
        load_text(kb, "p0", given, version="v1", extractor="test")
        add_quote(kb, "p0", "the energy used was 12 kWh in total", quote_id="q")
        add_quote(kb, "p0", "We trained 12 models [...] The run was long.", quote_id="cut")
    finally:
        kb.close()
    text = (root / "claims" / "p0.toml").read_text()
    assert "spans = [{page = 2, start = 26, end = 61}]" in text, text      # the first printing: as edited below
    assert "spans = [{page = 2, start = 0, end = 20}, {page = 2, start = 63, end = 79}]" in text, text
    return root


def _verdicts(root):
    from kb.ops.quotes import list_quotes, verify_papers
    from kb.ops.session import open_kb

    kb = open_kb(root)
    try:
        verdicts = {v.id: v for v in verify_papers(kb) if v.kind == "quote"}
        listed = {q["id"]: q for q in list_quotes(kb)}
    finally:
        kb.close()
    return verdicts, listed


EDITS = {   # the spans written by hand in place of the ones kb wrote, and whether they are wrong
    "start one on": ("q", "{page = 2, start = 27, end = 61}", True),
    "end cut short": ("q", "{page = 2, start = 26, end = 55}", True),
    "widened": ("q", "{page = 2, start = 20, end = 61}", True),
    "other words": ("q", "{page = 2, start = 0, end = 35}", True),
    "another page": ("q", "{page = 3, start = 0, end = 8}", True),
    "past the page": ("q", "{page = 2, start = 500, end = 535}", True),
    "an elision's part": ("cut", "{page = 2, start = 0, end = 20}, {page = 2, start = 64, end = 79}", True),
    "the second printing": ("q", "{page = 2, start = 107, end = 142}", False),    # the same words, printed again
    "an elision's part printed again": ("cut", "{page = 2, start = 81, end = 101}, {page = 2, start = 63, end = 79}",
                                        False),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_quotes_spans_edited_by_hand_fail_it_where_they_are_not_its_words(spanned_kb, tmp_path, edit):
    quote_id, spans, wrong = EDITS[edit]
    root = tmp_path / "kb"
    shutil.copytree(spanned_kb, root)
    path = root / "claims" / "p0.toml"
    text = path.read_text()
    was = {"q": "{page = 2, start = 26, end = 61}",
           "cut": "{page = 2, start = 0, end = 20}, {page = 2, start = 63, end = 79}"}[quote_id]
    path.write_text(text.replace(f"spans = [{was}]", f"spans = [{spans}]"))
    verdicts, listed = _verdicts(root)
    v, other = verdicts[quote_id], verdicts[{"q": "cut", "cut": "q"}[quote_id]]
    assert other.status == "ok" and not other.failed, other
    if not wrong:
        assert v.status == "ok" and not v.failed and listed[quote_id]["status"] == "verified", v
        return
    assert v.status == "wrong-span" and v.failed, v
    stored = ", ".join(f"page {p} characters {a}-{b}" for p, a, b in
                       re.findall(r"page = (\d+), start = (\d+), end = (\d+)", spans))
    assert v.message.startswith(f"its stored spans ({stored}) are not where the quote is in v1, the text it was "
                                "verified in: it is at page 2 characters "), v.message
    assert listed[quote_id]["status"] == "unverified" and listed[quote_id]["reason"] == v.message, listed[quote_id]


def test_spans_of_a_text_extracted_again_are_no_hand_edit_and_kb_verify_fails_an_edited_one_with_exit_1(
        spanned_kb, tmp_path):
    """The text loaded again by another extractor, the quote a few characters on: the spans name the old text
    (ok, found at a different place); kb verify, kb search and kb doctor say a hand-edited span, exit 1."""
    from kbrun import run_kb

    root = tmp_path / "kb"
    shutil.copytree(spanned_kb, root)
    given = tmp_path / "again.json"
    given.write_text(json.dumps([PAGES[0], "Header. " + PAGES[1], PAGES[2]]))
    assert run_kb("--kb", root, "text", "load", "p0", given, "--version", "v1", "--extractor", "other",
                  "--replace").code == 0
    r = run_kb("--kb", root, "verify")
    assert r.code == 0 and "ok         q  p0 v1  page 2 (found at a different place than recorded)" in r.out, r.out
    path = root / "claims" / "p0.toml"
    path.write_text(path.read_text().replace('extractor = "test"', 'extractor = "other"', 1)
                    .replace("start = 26, end = 61", "start = 30, end = 61"))
    r = run_kb("--kb", root, "verify")
    assert r.code == 1 and "wrong-span q  p0 v1  its stored spans (page 2 characters 30-61)" in r.out, r.out
    r = run_kb("--kb", root, "search", "energy used", "--json")
    assert [h["status"] for h in json.loads(r.out) if h["kind"] == "quote"] == ["unverified"], r.out
    r = run_kb("--kb", root, "doctor")
    assert r.code == 1 and "quote q of p0: its stored spans (page 2 characters 30-61)" in r.out, r.out
