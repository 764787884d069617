"""kb.ops.derive.stale_marks: a quote or claim a newer version kb holds prints on another page than the one stored
(m024: moved_in, moved_to) is said so by every listing, as kb verify says "(in v2, page 4)"."""

from __future__ import annotations

import sqlite3

import pytest

from kb.ops.claims import add_claim
from kb.ops.papers import load_text
from kb.ops.quotes import add_quote, verify_papers
from kb.ops.session import open_kb

BIB = "@misc{luccioni2023power, title = {Power Hungry Processing}, author = {Luccioni, Sasha}, year = {2023}}\n"
QUOTE = "Training the model took 12 days on eight GPUs."
V1 = f"An introduction.\fResults. {QUOTE} More results follow.\fA third page."      # the quote on page 2


def _load(kb, tmp_path, version: str, text: str) -> None:
    (tmp_path / f"{version}.txt").write_text(text, "utf-8")
    load_text(kb, "luccioni2023power", tmp_path / f"{version}.txt", version=version, extractor="pypdf")


def _store(kb) -> None:
    add_quote(kb, "luccioni2023power", QUOTE, version="v1", quote_id="q")
    add_claim(kb, "luccioni2023power", "12 days", quote=QUOTE, version="v1", claim_id="days")


def _listed(kb) -> dict:
    """(status, moved_in, moved_to) of the quote and the claim as each listing says them, and claim_lines' cell."""
    from kb.ops.claims import claim_lines, list_claims
    from kb.ops.quotes import list_quotes
    from kb.ops.search import search

    (q,), (c,) = list_quotes(kb), list_claims(kb)
    hits = {h.kind: h for h in search(kb, "eight GPUs", kinds=("quote", "claim"))}
    return {"quote": (q["status"], q["moved_in"], q["moved_to"]), "claim": (c["status"], c["moved_in"], c["moved_to"]),
            "search": {(h.status, h.moved_in, h.moved_to) for h in hits.values()}, "where": claim_lines(kb)[0][3]}


def _marks(root) -> list[tuple]:
    conn = sqlite3.connect(root / ".kb" / "kb.sqlite")
    try:
        return [tuple(r) for t in ("quotes", "claims") for r in conn.execute(
            f"select '{t}', id, stale_in, stale, moved_in, moved_to from {t} order by id")]
    finally:
        conn.close()


@pytest.mark.parametrize("v2, moved", [
    ("A new first page.\f" + V1, "3"),                                      # a page added before it
    (V1.replace("An introduction.\f", ""), "1"),                            # a page dropped before it
    (V1.replace("Results. ", "Results.\fA page inserted.\fTwo pages inserted.\f"), "5"),
    (V1.replace("Results. ", "Results.\f").replace("took 12", "took\f12"), "3-4"),     # moved across a page break
    (V1.replace("An introduction.\f", "An introduction.\fMore of it.\f").replace("eight GPUs", "eight\fGPUs"), "3-4"),
    (V1, None),                                                             # the same page
    (V1 + "\fA page added after it.", None),
    (V1.replace("Results. ", "Results of the second version, longer now. "), None),   # the text around it
    (V1.replace("took 12", "took\f12"), None),          # from the same page across its break: where kb verify is quiet
    ("A new first page.\f" + V1.replace("12 days", "13 days"), None),       # stale: never said moved
    ("A new first page.\f" + V1.replace(QUOTE, "We thank the reviewers."), None),
])
@pytest.mark.parametrize("v2_first", [False, True])
def test_a_quote_a_newer_version_prints_on_another_page_is_listed_with_that_page(kb_root, tmp_path, v2, moved,
                                                                                   v2_first):
    """Every listing says the newer version's page where kb verify does, whether v2 came before the quote or after."""
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    for version, text in ([("v2", v2), ("v1", V1)] if v2_first else [("v1", V1), ("v2", v2)]):
        _load(kb, tmp_path, version, text)
        if version == "v1":
            _store(kb)
    verdicts = {v.kind: v for v in verify_papers(kb, jobs=1)}
    stale = "13 days" in v2 or "reviewers" in v2
    listed = _listed(open_kb(kb_root))
    if moved:
        for kind in ("quote", "claim"):         # as kb verify says it
            assert verdicts[kind].status == "ok" and verdicts[kind].message.endswith(f" (in v2, page {moved})"), \
                verdicts[kind]
            # kb verify --json says it as fields, as kb quote ls --json and kb claims --json do
            assert (verdicts[kind].to_dict()["moved_in"], verdicts[kind].to_dict()["moved_to"],
                    verdicts[kind].to_dict()["stale_in"]) == ("v2", moved, None), verdicts[kind]
        assert listed["quote"] == listed["claim"] == ("verified", "v2", moved), listed
        assert listed["search"] == {("verified", "v2", moved)} and listed["where"] == f"v1 p.2 (v2: p.{moved})", listed
    else:
        assert {v.status for v in verdicts.values()} == {"stale" if stale else "ok"}, verdicts
        assert all("(in v2, page" not in v.message for v in verdicts.values()), verdicts
        assert all((v.stale_in, v.moved_in, v.moved_to) == ("v2" if stale else None, None, None)
                   for v in verdicts.values()), verdicts
        status = "stale" if stale else "verified"
        assert listed["quote"] == listed["claim"] == (status, None, None), listed
        assert listed["search"] == {(status, None, None)} and listed["where"] == "v1 p.2", listed


def test_the_mark_follows_the_newest_text_and_a_version_kb_holds_no_text_of_says_nothing(kb_root, tmp_path):
    """v2 kb holds no text of (a scan) is no version to say a page of; v3 moving it is; a v4 printing it on its page
    again lifts the mark, and one no longer printing it makes it stale, never moved."""
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    _load(kb, tmp_path, "v1", V1)
    _store(kb)
    with kb.writing():
        kb.indexer.store_version("luccioni2023power", "v2", pages=None, extractor=None, text_status="image-only")
    assert _listed(open_kb(kb_root))["quote"] == ("verified", None, None)
    _load(kb, tmp_path, "v3", "A new first page.\f" + V1)
    assert _listed(open_kb(kb_root))["claim"] == ("verified", "v3", "3")
    _load(kb, tmp_path, "v4", V1)
    assert _listed(open_kb(kb_root))["claim"] == ("verified", None, None)
    _load(kb, tmp_path, "v5", "A new first page.\f" + V1.replace("eight GPUs", "four GPUs"))
    listed = _listed(open_kb(kb_root))
    assert listed["quote"] == listed["claim"] == ("stale", None, None), listed


@pytest.mark.parametrize("edit, page, listed", [
    ("Results.", 2, ("verified", None, None)),              # another sentence, on its page in both versions
    ("More results follow.", 2, ("verified", "v2", "3")),   # another, moved a page as the quote was: said of it
    ("A third page.", 3, ("verified", "v2", "4")),
    ("Training the model took 15 days on eight GPUs.", 2, ("unverified", None, None)),  # found in no version
    ("Training the model never took 12 days on eight GPUs.", 2, ("unverified", None, None)),
    ("Training the model took 12 days on eight GPUs. More", 2, ("verified", "v2", "3")),   # longer, moved with it
    ("Results. Training the model took 12 days", 2, ("verified", None, None)),  # across v2's break from its page
])
def test_a_hand_edit_of_the_quote_in_its_claims_file_decides_the_mark_again(kb_root, tmp_path, edit, page, listed):
    """v2 moves the quote to page 3 with a page break before it; the quote and its claim edited by hand in their
    claims file keep no mark of the text they held: the listings say what the new text is, as a rebuild does."""
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    _load(kb, tmp_path, "v1", V1)
    _store(kb)
    _load(kb, tmp_path, "v2", V1.replace("Results. ", "Results.\f"))
    assert _listed(open_kb(kb_root))["quote"] == ("verified", "v2", "3")
    path = kb_root / "claims" / "luccioni2023power.toml"
    old = path.read_text("utf-8")
    assert old.count(QUOTE) == 2 and old.count("page = 2\n") == 2 and "page_end = 2\n" in old, old
    path.write_text(old.replace(QUOTE, edit).replace("page = 2\n", f"page = {page}\n")
                    .replace("page_end = 2\n", f"page_end = {page}\n"), "utf-8")
    now = _listed(open_kb(kb_root))
    assert now["quote"] == listed, now
    assert now["claim"] == (listed if "12 days" in edit and listed[0] == "verified" else ("unverified", None, None)), now
    assert _marks(kb_root) == _rebuilt(kb_root)


def _rebuilt(root) -> list[tuple]:
    from kb.ops.rebuild import rebuild

    rebuild(root)
    return _marks(root)


@pytest.mark.parametrize("v2", ["A new first page.\f" + V1, V1.replace("Results. ", "Results.\f"),
                                "A new first page.\f" + V1.replace("12 days", "13 days"), V1])
def test_a_rebuild_stores_the_marks_incremental_updates_stored(kb_root, tmp_path, v2):
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    _load(kb, tmp_path, "v1", V1)
    _store(kb)
    _load(kb, tmp_path, "v2", v2)
    before = _marks(kb_root)
    assert len(before) == 2 and len({r[2:] for r in before}) == 1, before
    assert _rebuilt(kb_root) == before


def test_an_index_of_an_older_kb_gains_the_marks_on_first_use(kb_root, tmp_path):
    """An index made before m024 (no moved columns, decided by CLAIM_READING 61) is migrated and decided again."""
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    _load(kb, tmp_path, "v1", V1)
    _store(kb)
    _load(kb, tmp_path, "v2", "A new first page.\f" + V1)
    kb.close()
    conn = sqlite3.connect(kb_root / ".kb" / "kb.sqlite")
    with conn:
        for table in ("quotes", "claims"):
            conn.execute(f"alter table {table} drop column moved_in")
            conn.execute(f"alter table {table} drop column moved_to")
        conn.execute("update meta set value = '61' where key = 'claim_reading'")
        conn.execute("delete from _sqlite_migrations where name = 'm024_moved'")
        conn.execute("pragma user_version = 23")
    conn.close()
    listed = _listed(open_kb(kb_root))
    assert listed["quote"] == listed["claim"] == ("verified", "v2", "3"), listed


@pytest.mark.parametrize("prov, line", [
    (dict(page="2", version="v1", newest="v2", moved_to="3"), "*Quoted from arXiv:1 v1, p. 2 (v2 also has it, p. 3).*"),
    (dict(page="2", version="v1", newest="v2", moved_to="3-4"),
     "*Quoted from arXiv:1 v1, p. 2 (v2 also has it, pp. 3-4).*"),
    (dict(page="2-3", version="v1", newest="v3", moved_to="5"),
     "*Quoted from arXiv:1 v1, pp. 2-3 (v3 also has it, p. 5).*"),
    (dict(page="2", version="v1", newest="v2"), "*Quoted from arXiv:1 v1, p. 2 (v2 also has it).*"),
    (dict(page=None, version="v1", newest="v2", moved_to="3"), "*Quoted from arXiv:1 v1 (v2 also has it).*"),
    (dict(page="2", version="v1", newest="v2", only_in="v1"),
     "*Quoted from arXiv:1 v1, p. 2; stale: verified in v1 only: v2, the newest version kb holds, does not have it.*"),
])
def test_an_exports_version_line_says_the_newest_versions_page(prov, line):
    from kb.ops.export import Provenance, version_line

    assert version_line("arXiv:1 v1", Provenance(**prov)) == line


def test_kb_quote_ls_claims_search_and_export_say_the_newer_page(kb_root, tmp_path):
    from kbrun import run_kb

    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    _load(kb, tmp_path, "v1", V1)
    _store(kb)
    _load(kb, tmp_path, "v2", "A new first page.\f" + V1.replace("took 12", "took\f12"))
    assert "q  luccioni2023power v1 p. 2 (v2: p. 3-4)\n" in run_kb("quote", "ls").out
    assert "v1 p.2 (v2: p.3-4)" in run_kb("claims").out
    assert {(h["moved_in"], h["moved_to"]) for h in run_kb("claims", "--json").json} == {("v2", "3-4")}
    hits = run_kb("search", "eight GPUs")
    assert hits.out.count("luccioni2023power v1 p. 2 (v2: p. 3-4)  (") == 2, hits.out
    assert "*Quoted from luccioni2023power v1, p. 2 (v2 also has it, pp. 3-4).*" in run_kb("export", "note").out
    (item,) = run_kb("export", "note", "--format", "json").json["quotes"]
    assert (item["moved_in"], item["moved_to"]) == ("v2", "3-4"), item


@pytest.mark.parametrize("v2, moved", [
    ("A new first page.\f" + V1.replace("the model took", "the model\u2020 took")
     .replace("\fA third", "\n\u2020On a cluster.\fA third"), "3"),      # a footnote's mark added, a page before
    (V1.replace("the model took", "the model\u2020 took").replace("\fA third", "\n\u2020On a cluster.\fA third"), None),
])
def test_a_quote_only_a_footnotes_mark_changed_in_is_said_moved_as_kb_verify_gives_its_page(kb_root, tmp_path, v2,
                                                                                              moved):
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    _load(kb, tmp_path, "v1", V1)
    _store(kb)
    _load(kb, tmp_path, "v2", v2)
    verdicts = {v.kind: v for v in verify_papers(kb, jobs=1)}
    assert all(v.status == "ok" and f"(in v2, page {moved or 2}, only a footnote's mark differs" in v.message
               for v in verdicts.values()), verdicts
    listed = _listed(open_kb(kb_root))
    assert listed["quote"] == listed["claim"] == ("verified", "v2" if moved else None, moved), listed


_TWICE = f"An introduction.\f{QUOTE} In short.\fA middle page.\fIn conclusion. {QUOTE}\fThe end."   # pages 2 and 4


@pytest.mark.parametrize("v2, moved", [
    (_TWICE + "\fAn appendix.", {2: None, 4: None}),                            # both where they were
    (_TWICE.replace(f"{QUOTE} In short.", "In short."), {2: "4", 4: None}),     # the one on page 2 dropped
    (_TWICE.replace("A middle page.", "A middle page.\fAnother."), {2: None, 4: "5"}),    # the one of page 4 moved
    (_TWICE.replace(f"In conclusion. {QUOTE}", "In conclusion.\fAgain: " + QUOTE), {2: None, 4: "5"}),
    ("A new first page.\f" + _TWICE, {2: "3", 4: "5"}),                          # both moved
    (_TWICE.replace("An introduction.\f", ""), {2: "1", 4: "3"}),
    ("A new first page.\f" + _TWICE.replace(f"{QUOTE} In short.", "In short."), {2: "5", 4: "5"}),   # one, moved
    # a printing added: which is which kb cannot tell, so where the one stored is not on its page, the first is said
    ("A new first page.\f" + QUOTE + " Added.\f" + _TWICE.replace("An introduction.\f", ""), {2: None, 4: "2"}),
])
@pytest.mark.parametrize("page", [2, 4])
def test_a_quote_printed_twice_is_read_in_the_newer_version_on_its_stored_page_first(kb_root, tmp_path, v2, moved,
                                                                                      page):
    """A quote stored on one of two pages printing it is on that page of v2 when v2 prints it there too (it was said
    moved to the other's page), and where v2 prints it on neither, on the page of v2's printing of the same rank (the
    second of two was said moved to the first's page)."""
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    _load(kb, tmp_path, "v1", _TWICE)
    add_quote(kb, "luccioni2023power", QUOTE, version="v1", quote_id="q", page=page)
    add_claim(kb, "luccioni2023power", "12 days", quote=QUOTE, version="v1", claim_id="days", page=page)
    _load(kb, tmp_path, "v2", v2)
    assert {v.status for v in verify_papers(kb, jobs=1)} == {"ok"}
    listed = _listed(open_kb(kb_root))
    assert listed["quote"] == listed["claim"] == ("verified", moved[page] and "v2", moved[page]), listed


@pytest.mark.parametrize("second, listed", [
    ("A new first page.\f" + V1, ("verified", "v2", "3")),     # the second extraction prints it, a page on
    (V1, ("verified", None, None)),                              # on its page
    ("A new first page.\f" + V1.replace("12 days", "13 days"), ("stale", None, None)),   # neither prints it
])
def test_a_second_extraction_of_the_newest_version_decides_the_marks_again(kb_root, tmp_path, monkeypatch, second,
                                                                           listed):
    """v2's first extraction misreads the quote (a Greek omicron in "took"): it was listed stale. `kb text extract`
    keeps a second extraction of v2 beside it, which kb verify reads too: the listings say what kb verify says then,
    where they kept the mark of the first extraction alone."""
    from pdfgen import make_pdf

    import kb.ops.papers as papers
    from kb.sources.pdf import Extracted

    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    _load(kb, tmp_path, "v1", V1)
    _store(kb)
    first = "A new first page.\f" + V1.replace("took", "t\u03bfok")
    _load(kb, tmp_path, "v2", first)
    assert _listed(open_kb(kb_root))["quote"] == ("stale", None, None)
    held = kb.sources.put(make_pdf(["A page."]), "pdf", "pdf", citekeys=["luccioni2023power"], version="v2")
    with kb.db.conn:
        kb.db.conn.execute("update versions set source_kind = 'pdf', sha256 = ? where version = 'v2'", [held.sha256])
    extractor = kb.db.execute("select extractor from versions where version = 'v2'").fetchone()[0]
    monkeypatch.setattr(papers, "extract_plan", lambda *a, **k: Extracted(
        first.split("\f"), extractor, plan="pypdf+pdfium", second=Extracted(second.split("\f"), "pdfium")))
    papers.extract_again(kb, "luccioni2023power", "pdfium", version="v2")
    verdicts = {v.kind: v for v in verify_papers(kb, jobs=1)}
    now = _listed(open_kb(kb_root))
    assert verdicts["quote"].status == ("stale" if listed[0] == "stale" else "ok"), verdicts["quote"]
    assert now["quote"] == now["claim"] == listed, now
