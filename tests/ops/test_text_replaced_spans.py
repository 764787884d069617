"""A verified quote whose version's text `kb text load` replaced since, under the same extractor's name: its stored
spans name the text it was verified in, where they hold the quote; the quote, still verbatim in the new text a few
characters on, is found again there (ok, found at a different place), not failed as spans edited by hand. Spans
edited by hand still fail, in the text unchanged or replaced since."""

from __future__ import annotations

import json
import shutil

import pytest

BIB = "@article{p0,\n  title = {Energy of p0},\n  author = {Curie, Marie},\n  year = {2024}\n}\n"
PAGES = ["Intro.", "We trained 12 models, and the energy used was 12 kWh in total. The run was long.", "The end."]


@pytest.fixture(scope="module")
def quoted_kb(tmp_path_factory):
    """p0's page text (extractor 'test'), a quote of it verified."""
    from kb.ops.papers import load_text
    from kb.ops.quotes import add_quote
    from kb.ops.session import open_kb
    from kb.store.knowledgebase import init

    root, _ = init(tmp_path_factory.mktemp("quoted") / "kb")
    (root / "references.bib").write_text(BIB)
    given = root.parent / "pages.json"
    given.write_text(json.dumps(PAGES))
    kb = open_kb(root)
    try:
        load_text(kb, "p0", given, version="v1", extractor="test")
        add_quote(kb, "p0", "the energy used was 12 kWh in total", quote_id="q")
    finally:
        kb.close()
    assert "spans = [{page = 2, start = 26, end = 61}]" in (root / "claims" / "p0.toml").read_text()
    return root


def _replaced(quoted_kb, tmp_path, pages):
    from kbrun import run_kb

    root = tmp_path / "kb"
    shutil.copytree(quoted_kb, root)
    given = tmp_path / "again.json"
    given.write_text(json.dumps(pages))
    r = run_kb("--kb", root, "text", "load", "p0", given, "--version", "v1", "--extractor", "test")
    assert r.code == 0, r.err
    return root


def test_spans_of_the_replaced_text_are_found_again(quoted_kb, tmp_path):
    from kbrun import run_kb

    root = _replaced(quoted_kb, tmp_path, [PAGES[0], "Header of the page. " + PAGES[1], PAGES[2]])
    r = run_kb("--kb", root, "verify")
    assert r.code == 0 and "ok         q  p0 v1  page 2 (found at a different place than recorded" in r.out, r.out
    r = run_kb("--kb", root, "quote", "ls", "--json")
    assert [q["status"] for q in json.loads(r.out)] == ["verified"], r.out


def test_spans_edited_by_hand_still_fail(quoted_kb, tmp_path):
    from kbrun import run_kb

    root = _replaced(quoted_kb, tmp_path, [PAGES[0], "Header of the page. " + PAGES[1], PAGES[2]])
    path = root / "claims" / "p0.toml"
    path.write_text(path.read_text().replace("start = 26, end = 61", "start = 30, end = 61"))
    r = run_kb("--kb", root, "verify")
    assert r.code == 1 and "wrong-span q  p0 v1  its stored spans (page 2 characters 30-61)" in r.out, r.out


def test_quote_gone_from_the_replaced_text_is_not_found(quoted_kb, tmp_path):
    from kbrun import run_kb

    root = _replaced(quoted_kb, tmp_path, [PAGES[0], PAGES[1].replace("12 kWh", "13 kWh"), PAGES[2]])
    r = run_kb("--kb", root, "verify")
    assert r.code == 1 and "not-found  q" in r.out, r.out
