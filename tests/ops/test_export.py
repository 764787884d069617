"""kb.ops.export: CSL-JSON items from BibTeX and biblatex entries, validated
against the CSL-JSON schema (tests/data/csl-data.schema.json, transcribed from
the Citation Style Language's official schema) and rendered by citeproc-py
when it is installed; the one -o check (output_path) on hostile targets."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from corpus import corpus_path
from kbrun import run_kb

from kb.ops.export import csl_date, csl_item
from kb.store.index import paper_row

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "csl-data.schema.json"


def validate(items: list[dict]) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")
    jsonschema.validate(items, json.loads(SCHEMA.read_text()))


def item(entry_type: str, key: str = "k", **fields: str) -> dict:
    row = paper_row(key, entry_type, fields, 0)
    row["fields"] = json.loads(row["fields"])
    out = csl_item(row)
    validate([out])
    return out


def test_biblatex_article_with_an_arxiv_eprint_is_a_journal_article_with_its_full_date():
    it = item("article", author="Dodge, Jesse and de la Vallée Poussin, Charles Jean", title="Measuring {CO2}",
              journaltitle="Journal of Made-up Learning", date="2022-06-21", eprinttype="arxiv",
              eprint="2206.05229", volume="3", number="2", pages="10--20", issn="1234-5678",
              abstract="We measure \\emph{things}.", note="Extended version")
    assert it["type"] == "article-journal"
    assert it["container-title"] == "Journal of Made-up Learning"
    assert it["issued"] == {"date-parts": [[2022, 6, 21]]}
    assert (it["volume"], it["issue"], it["page"], it["ISSN"]) == ("3", "2", "10-20", "1234-5678")
    assert it["abstract"] == "We measure things."
    assert it["note"] == "Extended version"
    assert (it["archive"], it["archive_location"]) == ("arXiv", "arXiv:2206.05229")
    assert "publisher" not in it and "number" not in it          # not a preprint
    assert it["author"][1] == {"family": "Vallée Poussin", "non-dropping-particle": "de la",
                               "given": "Charles Jean"}


def test_preprints_reports_theses_books_and_corporate_names():
    pre = item("misc", title="A preprint", author="Solo, Han", year="2021", eprint="2101.00001v2",
               archiveprefix="arXiv")
    assert (pre["type"], pre["number"], pre["publisher"], pre["version"]) == ("article", "2101.00001", "arXiv", "2")
    scholar = item("article", title="Counting Carbon", author="Alexandra Sasha Luccioni and Alex Hernandez-Garcia",
                   year="2023", journal="arXiv preprint arXiv: Arxiv-2302.08476")
    assert scholar["type"] == "article" and "container-title" not in scholar
    assert scholar["archive_location"] == "arXiv:2302.08476"
    rep = item("techreport", title="Some Report", author="{Agence de l'environnement} and Smith, John",
               institution="Institute", number="TR-7", year="2019", month="jun")
    assert (rep["type"], rep["genre"], rep["number"], rep["publisher"]) == \
        ("report", "Technical report", "TR-7", "Institute")
    assert rep["author"][0] == {"literal": "Agence de l'environnement"}
    assert rep["issued"] == {"date-parts": [[2019, 6]]}
    assert item("techreport", title="t", type="White paper")["genre"] == "White paper"
    thesis = item("phdthesis", title="t", school="MIT", year="2010")
    assert (thesis["type"], thesis["genre"], thesis["publisher"]) == ("thesis", "PhD thesis", "MIT")
    book = item("book", title="Banach Space", series="Studies in Computational Intelligence", volume="1062",
                publisher="Springer", isbn="978-3-031-16399-9", year="2023", address="Cham", edition="2")
    assert (book["collection-title"], book["ISBN"], book["publisher-place"], book["edition"]) == \
        ("Studies in Computational Intelligence", "978-3-031-16399-9", "Cham", "2")
    chapter = item("incollection", title="c", booktitle="The Book", editor="Ed, Itor", pages="1-2")
    assert (chapter["type"], chapter["container-title"], chapter["editor"]) == \
        ("chapter", "The Book", [{"family": "Ed", "given": "Itor"}])
    conf = item("inproceedings", title="c", booktitle="Proc. of {ACL}", eventtitle="ACL 2019", venue="Florence",
                year="2019")
    assert (conf["type"], conf["container-title"], conf["event"], conf["event-place"]) == \
        ("paper-conference", "Proc. of ACL", "ACL 2019", "Florence")


@pytest.mark.parametrize("fields, issued", [
    ({"year": "2019", "month": "13"}, {"date-parts": [[2019]]}),
    ({"year": "2019", "month": "June"}, {"date-parts": [[2019, 6]]}),
    ({"year": "2019", "month": "{Jun}"}, {"date-parts": [[2019]]}),     # braces: not a month kb can read
    ({"year": "n.d."}, {"literal": "n.d."}),
    ({"date": "2019-14-02"}, {"literal": "2019-14-02"}),
    ({"date": "around 2019"}, {"literal": "around 2019"}),
    ({"date": "2019/2020"}, {"date-parts": [[2019], [2020]]}),
    ({"date": "2019-06-02/2019-06-05"}, {"date-parts": [[2019, 6, 2], [2019, 6, 5]]}),
])
def test_dates_never_guessed_and_always_valid(fields, issued):
    assert item("misc", title="t", **fields).get("issued") == issued


def test_malformed_fields_still_give_a_valid_item():
    it = item("weirdtype", title="{\\url{x}", author="and and , , {", pages=" -- ", number=" ",
              isbn="", year="", doi="not a doi", url="javascript:alert(1)")
    assert it["type"] == "article" and it["id"] == "k"
    assert csl_date("") is None and csl_date(None, None) is None


def test_citeproc_renders_the_items():
    pytest.importorskip("citeproc", reason="citeproc-py is in the test extra")
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    items = [item("article", "vallee1896", author="de la Vallée Poussin, Charles", title="Sur la fonction", journal="Annales",
                  year="1896", volume="20", pages="183--256"),
             item("techreport", "ademe2020", author="{Agence de l'environnement}", title="Bilan", institution="ADEME", year="2020")]
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = CitationStylesBibliography(style, source, formatter.plain)
    for it in items:
        bib.register(Citation([CitationItem(it["id"])]))
    text = "\n".join(str(entry) for entry in bib.bibliography())
    assert "Vallée Poussin" in text and "Annales" in text and "Agence de l'environnement" in text


@pytest.mark.corpus
def test_real_bibtex_files_export_valid_csl(tmp_path):
    bibs = sorted(corpus_path("bibtex").glob("*.bib"))
    assert run_kb("init", tmp_path / "kb").code == 0
    imported = 0
    for bib in bibs:
        r = run_kb("--kb", tmp_path / "kb", "import", bib)
        imported += r.code == 0
    assert imported, "no real .bib file imported"
    r = run_kb("--kb", tmp_path / "kb", "export", "csl-json")
    assert r.code == 0, r.err
    validate(r.json)
    by_title = {i["title"]: i for i in r.json}
    book = next(i for t, i in by_title.items() if t.startswith("Banach Space"))
    assert (book["type"], book["ISBN"], book["publisher"], book["collection-title"]) == \
        ("book", "978-3-031-16399-9", "Springer", "Studies in Computational Intelligence")


# -- where -o writes ------------------------------------------------------------------------------

@pytest.fixture
def kb_dir(tmp_path):
    root = tmp_path / "kb"
    assert run_kb("init", root).code == 0
    (root / "references.bib").write_text("@misc{a2020x,\n  title = {X},\n  year = {2020}\n}\n")
    return root


def test_output_refuses_symlinks_special_files_and_truth_files(kb_dir, tmp_path):
    target = tmp_path / "elsewhere.json"
    target.write_text("keep me")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    r = run_kb("--kb", kb_dir, "export", "csl-json", "-o", link)
    assert r.code == 2 and "symbolic link" in r.err and "Traceback" not in r.err
    assert target.read_text() == "keep me" and link.is_symlink()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    r = run_kb("--kb", kb_dir, "export", "bib", "-o", fifo)
    assert r.code == 2 and "not a regular file" in r.err
    for truth in ("references.bib", "kb.toml", "claims/a2020x.toml", "claims"):
        r = run_kb("--kb", kb_dir, "export", "csl-json", "-o", kb_dir / truth)
        assert r.code == 2 and "Traceback" not in r.err, (truth, r.err)
    # a symlink to a truth file, by a relative name from inside the knowledge base
    (tmp_path / "bib-link").symlink_to(kb_dir / "references.bib")
    r = run_kb("--kb", kb_dir, "export", "bib", "-o", tmp_path / "bib-link")
    assert r.code == 2
    assert (kb_dir / "references.bib").read_text().startswith("@misc{a2020x")


def test_output_dash_is_stdout(kb_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run_kb("--kb", kb_dir, "export", "csl-json", "-o", "-")
    assert r.code == 0 and r.json[0]["id"] == "a2020x"
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("title, csl", [
    ("{CO$_2$} capture with H$_2$O", '<span class="nocase">CO₂</span> capture with <span class="nocase">H₂O</span>'),
    (r"$\alpha$-helix folding", '<span class="nocase">α-helix</span> folding'),
    ("An $O(n^2)$ bound", 'An <span class="nocase">O(n²)</span> bound'),
    (r"Costs of \$5 and $\geq$ 3 ms", r'Costs of $5 and <span class="nocase">≥</span> 3 ms'),
    ("No math here", "No math here"),
])
def test_a_title_word_holding_math_keeps_its_case_under_citeprocs_title_case(title, csl):
    assert item("article", title=title, author="Roe, Rita", year="2020")["title"] == csl


@pytest.mark.parametrize("title, csl", [
    ("Measuring {CO2} of {Deep Learning Models}", 'Measuring <span class="nocase">CO2</span> of '
                                                 '<span class="nocase">Deep Learning Models</span>'),
    ("{BERT}: Pre-training of {T}ransformers", '<span class="nocase">BERT:</span> Pre-training of '
                                              '<span class="nocase">Transformers</span>'),
    (r"Data at \url{https://example.org/Data_Set}", 'Data at <span class="nocase">https://example.org/Data_Set</span>'),
    (r"{\"O}konomische \emph{Effekte} and \href{https://x.org}{the Site}", "Ökonomische Effekte and the Site"),
    (r"{T}ips \& {T}ricks of {AT\&T}", '<span class="nocase">Tips</span> & <span class="nocase">Tricks</span> of '
                                     '<span class="nocase">AT&T</span>'),
])
def test_a_title_word_in_braces_keeps_its_case_under_citeprocs_title_case(title, csl):
    assert item("article", title=title, author="Roe, Rita", year="2020")["title"] == csl
