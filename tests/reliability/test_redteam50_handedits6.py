"""Hand edits of the truth files, round six: what people's own tools write into
references.bib, and files kb points at that a person moved or deleted."""

from __future__ import annotations

import pytest
from kbrun import run_kb

from kb.ops.library import split_tags, tag_separator


@pytest.mark.parametrize("written, tags, sep", [
    ("energy; carbon", ["energy", "carbon"], "; "),          # Zotero, JabRef
    ("energy;carbon", ["energy", "carbon"], ";"),
    ("energy, carbon", ["energy", "carbon"], ", "),          # biblatex
    ("energy", ["energy"], ", "),
    ("a\\%b;\n  c", ["a%b", "c"], ";"),
])
def test_a_keywords_field_parted_by_semicolons_is_its_tags_and_kept_so(written, tags, sep):
    assert split_tags(written) == tags
    assert tag_separator(written) == sep


def test_a_tag_added_to_a_zotero_keywords_field_is_written_as_its_tags_are(kb_root, tmp_path):
    bib = tmp_path / "z.bib"
    bib.write_text("@article{zot2020,\n  title = {Z},\n  author = {Zed, Ann},\n  year = {2020},\n"
                   "  keywords = {energy; carbon}\n}\n")
    assert run_kb("import", bib).code == 0
    assert "zot2020" in run_kb("ls", "--tag", "carbon").out
    r = run_kb("tag", "zot2020", "+ml", "-carbon")
    assert r.code == 0, r.err
    assert "keywords = {energy; ml}" in (kb_root / "references.bib").read_text()
    assert run_kb("tag", "zot2020", "+a;b").code == 2


def test_a_pdf_deleted_from_the_cache_is_said_by_verify_as_what_its_quotes_were_checked_against(kb_root, tmp_path):
    """The PDF deleted by hand: its quotes still pass, against the text kb extracted from it and
    keeps in the index, where kb verify said nothing; now it says so, and kb doctor names it."""
    from pdfgen import make_pdf

    (kb_root / "references.bib").write_text(
        "@article{gone2021,\n  title = {Energy of Gone Models},\n  author = {Gone, Gil},\n  year = {2021}\n}\n")
    pdf = tmp_path / "gone.pdf"
    pdf.write_bytes(make_pdf([["Energy of Gone Models", "Gil Gone", "We trained 12 models on 64 GPUs."]]))
    r = run_kb("add", pdf, "--key", "gone2021", "--offline", "--jobs", "1")
    assert r.code == 0, r.err
    assert run_kb("quote", "add", "gone2021", "We trained 12 models on 64 GPUs.", "--id", "q").code == 0
    assert "missing from the cache" not in run_kb("verify").err
    (cached,) = (kb_root / ".kb" / "cache" / "sources").glob("*.pdf")
    cached.unlink()
    r = run_kb("verify")
    assert r.code == 0 and "ok" in r.out, r.out + r.err
    assert r.err == (f"kb: gone2021: its PDF {cached.name} is missing from the cache: its quotes and claims were "
                     "checked against the text kb extracted from it before, kept in the index (the PDF was not "
                     "read again); kb doctor says how to repair it\n"), r.err
    r = run_kb("doctor")
    assert r.code == 1 and f"{cached.name} is missing (a source of gone2021)" in r.out, r.out


@pytest.mark.parametrize("page, quote, value", [
    ("Table 2: Energy (kWh) of each run\nModel Energy\nGPU run 1,287\nCPU run 12", "GPU run 1,287", "1,287 kWh"),
    ("Table 1: Emissions, CO2e (lbs)\nAir travel 1984\nHuman life, 1 year 11,023", "Human life, 1 year 11,023",
     "11,023 lbCO2e"),
])
def test_a_claim_moved_into_another_papers_file_whose_unit_its_page_gave_says_whose_words_it_quotes(
        kb_root, tmp_path, page, quote, value):
    """A claim whose quote leaves its unit to its page (a table's header), cut from claims/p0.toml and
    pasted into claims/p1.toml: 'the quote prints 1,287 with no unit, and kb found none for it', where
    its quote is nowhere in p1's text and the words are p0's; now not-found, naming p0."""
    import json

    from kb.ops.papers import load_text
    from kb.ops.quotes import verify_papers
    from kb.ops.session import open_kb

    root = kb_root
    bib = "@article{p0,\n  title = {Energy of p0},\n  author = {Curie, Marie},\n  year = {2024}\n}\n"
    (root / "references.bib").write_text(bib + bib.replace("p0", "p1"))
    for key, words in (("p0", page), ("p1", "Inference used 3 kWh per query.")):
        given = tmp_path / f"{key}.json"
        given.write_text(json.dumps(["Intro.", words]))
        kb = open_kb(root)
        try:
            load_text(kb, key, given, version="v1", extractor="test")
        finally:
            kb.close()
    record = f'[[claim]]\nid = "moved"\nvalue = "{value}"\nquote = "{quote}"\nversion = "v1"\npage = 2\n'
    verdicts = {}
    for key in ("p0", "p1"):
        (root / "claims" / f"{key}.toml").write_text(record)
        kb = open_kb(root)
        try:
            (verdicts[key],) = list(verify_papers(kb))
        finally:
            kb.close()
        (root / "claims" / f"{key}.toml").unlink()
    assert verdicts["p0"].status == "ok", verdicts["p0"]
    v = verdicts["p1"]
    assert v.status == "not-found" and v.failed, v
    assert "its words are in the text of p0 v1, page 2: if it was moved here from claims/p0.toml" in v.message, v


@pytest.mark.parametrize("added, said", [
    ('colour = "blue"\n', "kb.toml:1: unknown key `colour`"),
    ("\n[limitz]\nmax_pages = 10\n", "kb.toml:11: unknown key `limitz` (did you mean `limits`?)"),
    ("max_pagez = 10\n", "kb.toml:10: [limits] unknown key `max_pagez` (did you mean `max_pages`?)"),
    ('\n[[check]]\nid = "c"\n', "kb.toml:11: [[check]] is not read here"),
])
def test_a_kb_toml_key_kb_does_not_know_is_said_at_its_line(kb_root, added, said):
    """An unknown key of kb.toml was said 'kb.toml: unknown key `colour`', naming no line where a
    limit of the wrong type names its own."""
    from kb.store.knowledgebase import KB

    root = kb_root
    marker = root / "kb.toml"
    text = marker.read_text()
    marker.write_text(added + text if added.startswith("colour") else text + added)
    kb = KB.open(root)
    try:
        (line,) = kb.unknown_settings()
    finally:
        kb.close()
    assert line.startswith(said), line


@pytest.mark.parametrize("kind, record, said", [
    ("claim", '[[claim]]\nid = "energy"\npaper = "p0"\nvalue = "12 kWh"\nstatus = "unverified"\n',
     "claim id 'energy' is defined twice (also in claims/p0.toml:6)"),
    ("check", '[[check]]\nid = "twelve"\nstated = "12 kWh"\nexpr = "p0.energy"\n',
     "check id 'twelve' is defined twice (also in claims/p0.toml:11)"),
    ("quote", '[[quote]]\nid = "trained"\ntext = "We trained 12 models."\nstatus = "unverified"\n',
     "quote id 'trained' is also used in claims/p0.toml:1 "),
])
def test_a_record_id_two_claims_files_hold_names_the_first_ones_file_and_line(kb_root, kind, record, said):
    """The same id in claims/p0.toml and claims/checks.toml: 'also in claims/p0.toml' named the first
    file without its line, where the second was named at its own."""
    (kb_root / "references.bib").write_text(
        "@article{p0,\n  title = {Energy of p0},\n  author = {Curie, Marie},\n  year = {2024}\n}\n")
    (kb_root / "claims" / "p0.toml").write_text(
        '[[quote]]\nid = "trained"\ntext = "We trained 12 models."\nstatus = "unverified"\n\n'
        '[[claim]]\nid = "energy"\nvalue = "12 kWh"\nstatus = "unverified"\n\n'
        '[[check]]\nid = "twelve"\nstated = "12 kWh"\nexpr = "p0.energy"\n')
    assert run_kb("claims").code == 0
    (kb_root / "claims" / "zz.toml").write_text(record)
    r = run_kb("claims")
    assert r.code == 2 and r.err.startswith("kb: error: claims/zz.toml:1:") and said in r.err, r.err
