"""Sweep 50, consistency: one fact said alike by every command that reads it."""

from __future__ import annotations

import json

import pytest

from kb.errors import NotFound
from kb.graph import views
from kb.ops.audit import iter_audit
from kb.ops.citations import references
from kb.ops.claims import add_claim, run_checks
from kb.ops.doctor import diagnose
from kb.ops.library import remove_claim, show_paper
from kb.ops.papers import load_text
from kb.ops.quotes import add_quote, no_quote, verify_papers
from kb.ops.search import search
from kb.ops.session import open_kb
from kb.store.knowledgebase import init
from tests.kbcache import from_template

BIB = "@article{p0,\n  title = {Energy of p0},\n  author = {Curie, Marie},\n  year = {2024}\n}\n"
PAGES = ["We trained 12 models using 12 kWh of energy.", "A second page of no figure.",
         "References\n[1] Marie Curie. 2020. Radium and its energy. arXiv:2001.00001.\n"
         "[2] Pierre Curie. 2019. Piezoelectricity at scale. arXiv:1901.00002.\n"]


def _build(tmp_path):
    root, _ = init(tmp_path / "kb")
    (root / "references.bib").write_text(BIB)
    given = tmp_path / "pages.json"
    given.write_text(json.dumps(PAGES))
    kb = open_kb(root)
    try:
        load_text(kb, "p0", given, extractor="test")
        add_quote(kb, "p0", "We trained 12 models", quote_id="q")
        add_claim(kb, "p0", "12 kWh", quote="using 12 kWh of energy", claim_id="c")
    finally:
        kb.close()


@pytest.fixture
def kb_root(tmp_path):
    """p0 holds page text of no version (a PDF of no arXiv id, a text loaded without --version)."""
    return from_template("consist50", tmp_path / "kb", lambda: _build(tmp_path))


def test_a_text_of_no_version_is_null_in_every_json(kb_root):
    """kb verify --json said a quote's version "" and a claim's of the same text null, kb show --json its
    version "" beside the paper's null; kb quote ls, claims and search --json say null."""
    kb = open_kb(kb_root)
    try:
        said = {v.kind: v.to_dict()["version"] for v in verify_papers(kb, jobs=1)}
        shown = show_paper(kb, "p0")
    finally:
        kb.close()
    assert said == {"quote": None, "claim": None}, said
    assert shown["version"] is None and [v["version"] for v in shown["versions"]] == [None], shown["versions"]


@pytest.mark.parametrize("quotes, claims, said", [
    (1, 0, "1 quote stored unverified"),
    (2, 1, "2 quotes and 1 claim stored unverified"),
])
def test_doctor_counts_the_quotes_stored_unverified_as_kb_verify_does(kb_root, quotes, claims, said):
    """kb verify said '2 quotes: 1 ok, 1 unverified'; kb doctor counted the claims stored unverified only."""
    kb = open_kb(kb_root)
    try:
        for n in range(quotes):
            add_quote(kb, "p0", f"words no page holds, number {n}", quote_id=f"u{n}", force=True)
        for n in range(claims):
            add_claim(kb, "p0", f"{n + 3} kWh", claim_id=f"u{n}", force=True)
    finally:
        kb.close()
    info = [line for line in diagnose(kb_root).info if "stored unverified" in line]
    assert info == [f"{said} (kb verify lists them with the reason)"], info


@pytest.mark.parametrize("find, given, meant", [
    (lambda kb, name: (_ for _ in ()).throw(no_quote(kb.conn, name)), "TRAINED", "trained"),
    (lambda kb, name: run_checks(kb, only=name), "TWELVE-KWH", "twelve-kwh"),
    (remove_claim, "P0.ENERGY-USED", "p0.energy-used"),
])
def test_an_id_typed_in_another_case_is_offered_as_a_citekey_is(kb_root, find, given, meant):
    """'kb show STRUBELL2019ENERGY' offered strubell2019energy; 'kb quote rm SURGE', 'kb check --explain
    522-CHARGES' and 'kb claim rm LUCCIONI2023POWER.CHARGES522' offered nothing ('Surge' was offered surge)."""
    (kb_root / "claims" / "checks.toml").write_text('[[check]]\nid = "twelve-kwh"\nstated = "12 kWh"\nexpr = "p0.c"\n')
    kb = open_kb(kb_root)
    try:
        add_quote(kb, "p0", "We trained 12 models", quote_id="trained")
        add_claim(kb, "p0", "12 kWh", quote="using 12 kWh of energy", claim_id="energy-used")
        with pytest.raises(NotFound) as exc:
            find(kb, given)
    finally:
        kb.close()
    assert exc.value.hint == f"did you mean {meant}?", exc.value.hint


def test_a_last_page_before_the_first_is_said_as_kb_verify_says_it(kb_root, capsys):
    """page = 14 written by hand over page_end = 13: kb verify and doctor said 'its stored page 14 (page_end 13)',
    kb quote ls and kb search the range 'p. 14-13'."""
    from kb.cli.common import print_quote
    from kb.ops.quotes import list_quotes

    path = kb_root / "claims" / "p0.toml"
    path.write_text(path.read_text().replace("page = 1\n", "page = 2\n", 1))
    kb = open_kb(kb_root)
    try:
        [verdict] = [v for v in verify_papers(kb, jobs=1) if v.kind == "quote"]
        [quote] = list_quotes(kb)
    finally:
        kb.close()
    print_quote(quote)
    shown = capsys.readouterr().out
    assert "its stored page 2 (page_end 1) is not where" in verdict.message, verdict.message
    assert "p0  p. 2 (page_end 1)  [UNVERIFIED]" in shown, shown


def test_doctor_counts_the_claims_of_no_text_as_kb_verify_does(kb_root):
    """kb verify said 'no-text' of a verified quote and of a claim of a paper kb holds no text of; kb doctor
    counted the quote alone ('1 verified quote could not be re-checked')."""
    bib = kb_root / "references.bib"
    bib.write_text(bib.read_text() + BIB.replace("{p0,", "{p1,"))
    (kb_root / "claims" / "p1.toml").write_text(
        '[[quote]]\nid = "w"\ntext = "some words"\nstatus = "verified"\npage = 1\n\n'
        '[[claim]]\nid = "e"\nvalue = "3 kWh"\nquote = "used 3 kWh"\nstatus = "verified"\npage = 1\n')
    info = [line for line in diagnose(kb_root).info if "could not be re-checked" in line]
    assert info == ["1 verified quote and 1 claim could not be re-checked: kb holds no text of their version"], info


@pytest.mark.parametrize("read", [
    lambda kb: [h.citekey for h in search(kb, "trained", paper="old0")],
    lambda kb: [views.show(kb.db, "old0")["citekey"]],
    lambda kb: [views.path(kb.db, "old0", "p0")[0]],
    lambda kb: [r["idx"] for r in references(kb, "old0")],
    lambda kb: [r.citekey for r in iter_audit(kb, ["old0"])] or ["p0"],
], ids=["search", "graph show", "graph path", "refs", "audit"])
def test_a_key_kept_in_ids_names_its_paper_in_every_command(kb_root, read):
    """kb show, kb claims -p and kb quote ls -p took 'old0' of p0's ids field (kb rename, a merged import) as p0;
    kb search -p, kb graph show and path, kb audit said 'no paper old0', kb refs 'no references parsed'."""
    bib = kb_root / "references.bib"
    bib.write_text(bib.read_text().replace("year = {2024}", "year = {2024},\n  ids = {old0}"))
    kb = open_kb(kb_root)
    try:
        got = read(kb)
    finally:
        kb.close()
    assert got and set(got) <= {"p0", 1, 2}, got


@pytest.mark.parametrize("field, said", [
    ("10.18653/v1/P19-1355", "10.18653/v1/P19-1355"),
    ("https://doi.org/10.1007/BF01700692", "10.1007/BF01700692"),
])
def test_a_doi_is_said_by_ls_and_show_as_references_bib_and_the_exports_write_it(kb_root, field, said):
    """kb ls --json and kb show said '10.18653/v1/p19-1355' (the index's key, lower-cased) where references.bib,
    kb export bib and csl-json say '10.18653/v1/P19-1355'."""
    from kb.ops.library import list_papers

    bib = kb_root / "references.bib"
    bib.write_text(bib.read_text().replace("year = {2024}", "year = {2024},\n  doi = {" + field + "}"))
    kb = open_kb(kb_root)
    try:
        listed = [p["doi"] for p in list_papers(kb)]
        shown = show_paper(kb, "p0")["doi"]
    finally:
        kb.close()
    assert listed == [said] and shown == said, (listed, shown)
