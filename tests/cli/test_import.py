"""kb import: many BibTeX entries at once, all or nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus import corpus_path
from kbrun import run_kb


def test_import_real_bibtex_files(kb_root, tmp_path):
    parts = [corpus_path("bibtex", name).read_text("utf-8") for name in (
        "acl-anthology-2021.naacl-main.208.bib", "acl-anthology-N04-1001.bib", "dblp-series-sci-2023-1062.bib",
        "turing1950.bib", "pagerank.bib", "crossref-doi-10.1007_BF01700692.bib",
        "luccioni2023co2ml.authors-readme.bib")]
    lib = tmp_path / "library.bib"
    lib.write_text("\n\n".join(parts))
    r = run_kb("import", lib, "--json")
    assert r.code == 0, r.err
    added = r.json["added"]
    assert len(added) == 7
    papers = {p["citekey"]: p for p in run_kb("ls", "--json").json}
    assert "le-scao-rush-2021-many" in papers            # the entry's own key is kept
    assert papers["Page99"]["title"].startswith("The PageRank Citation Ranking")
    godel = [p for p in papers.values() if p["year"] == 1931][0]
    assert godel["title"].startswith("Über formal unentscheidbare Sätze")
    # The authors' own entry for Counting Carbon names its arXiv id in `journal`.
    counting = [p for p in papers.values() if p["title"].startswith("Counting Carbon")][0]
    assert counting["arxiv_id"] == "2302.08476"
    # Idempotent: a second import changes nothing.
    before = (kb_root / "references.bib").read_text()
    r = run_kb("import", lib, "--json")
    assert r.code == 0 and r.json["added"] == [] and len(r.json["unchanged"]) == 7
    assert (kb_root / "references.bib").read_text() == before


def test_import_matches_existing_papers_by_doi_and_title(kb_root, tmp_path):
    (tmp_path / "a.bib").write_text("@article{one, title={Optimal isn't good enough}, author={Gerald E. Loeb}, "
                                    "year=2012, doi={10.1007/S00422-012-0514-6}}\n")
    assert run_kb("import", tmp_path / "a.bib").code == 0
    (tmp_path / "b.bib").write_text("@article{Loeb_2012, title={Optimal Isn't Good Enough}, "
                                    "author={Loeb, Gerald E.}, year=2012, journal={Biological Cybernetics}}\n")
    r = run_kb("import", tmp_path / "b.bib", "--json")
    assert r.json["added"] == [] and r.json["updated"] == ["one"]
    text = (kb_root / "references.bib").read_text()
    # The entry is the user's: kb records the imported key as an alias and writes no other field.
    assert text.count("@article") == 1 and "ids = {Loeb_2012}" in text and "journal" not in text
    assert "did not write journal (kb import --fill adds them)" in r.err
    assert run_kb("show", "Loeb_2012", "--json").json["citekey"] == "one"
    # Asked to, kb fills in what the entry lacks; a second run has nothing left to do.
    r = run_kb("import", tmp_path / "b.bib", "--fill", "--json")
    assert r.json["updated"] == ["one"] and "journal = {Biological Cybernetics}" in (
        kb_root / "references.bib").read_text()
    r = run_kb("import", tmp_path / "b.bib", "--fill", "--json")
    assert r.json["updated"] == [] and r.json["unchanged"] == ["one"]


def test_reimporting_a_file_finds_its_own_entries_whatever_their_titles(kb_root, tmp_path):
    # A short title ("A Login Page") is never matched across keys, but the same key with the
    # same title is the same entry: a second import of the same file adds nothing, renames nothing.
    (tmp_path / "a.bib").write_text("@article{smith2020short,\n  title = {A Login Page},\n"
                                    "  author = {Smith, Ann},\n  year = {2020}\n}\n")
    assert run_kb("import", tmp_path / "a.bib").code == 0
    before = (kb_root / "references.bib").read_text()
    r = run_kb("import", tmp_path / "a.bib", "--json")
    assert r.code == 0 and r.json["added"] == [] and r.json["unchanged"] == ["smith2020short"], r.err
    assert (kb_root / "references.bib").read_text() == before and "taken" not in r.err
    # Another paper under the same key is still not merged into it.
    (tmp_path / "c.bib").write_text("@article{smith2020short,\n  title = {Another Paper Entirely},\n"
                                    "  author = {Smith, Ann},\n  year = {2020}\n}\n")
    r = run_kb("import", tmp_path / "c.bib", "--json")
    assert len(r.json["added"]) == 1 and "is taken by another paper" in r.err


def test_import_resolves_strings_and_accents(kb_root, tmp_path):
    (tmp_path / "s.bib").write_text('@string{acl = "Proceedings of ACL"}\n'
                                    '@inproceedings{x, title={G{\\"o}del and {\\\'E}cole}, author={M{\\"u}ller, J.},'
                                    ' booktitle = acl # " 2019", year = 2019, month = jul}\n')
    assert run_kb("import", tmp_path / "s.bib").code == 0
    paper = run_kb("show", "x", "--json").json
    assert paper["venue"] == "Proceedings of ACL 2019"
    assert paper["title"] == "Gödel and École"
    assert paper["authors"] == ["Müller, J."]
    # Kept as written: the @string it uses comes along, the macro stays a macro.
    assert (kb_root / "references.bib").read_text() == (tmp_path / "s.bib").read_text().replace("}\n@", "}\n\n@")


def test_import_normalise_renders_in_kbs_style(kb_root, tmp_path):
    (tmp_path / "s.bib").write_text('@string{acl = "Proceedings of ACL"}\n'
                                    '@inproceedings{x, booktitle = acl # " 2019", title="A Title", year = 2019, '
                                    'month = jul}\n')
    assert run_kb("import", "--normalise", tmp_path / "s.bib").code == 0
    text = (kb_root / "references.bib").read_text()
    assert "booktitle = {Proceedings of ACL 2019}" in text and "month = jul," in text
    assert text.index("title =") < text.index("booktitle =") and "@string" not in text


def test_import_key_clash_gets_new_key(kb_root, tmp_path):
    (tmp_path / "a.bib").write_text("@article{smith2020, title={First Paper on Graphs}, author={Smith, A.}, year=2020}\n")
    (tmp_path / "b.bib").write_text("@article{smith2020, title={Another Paper on Trees}, author={Smith, B.}, year=2020}\n")
    run_kb("import", tmp_path / "a.bib")
    r = run_kb("import", tmp_path / "b.bib", "--json")
    assert r.json["added"] == ["smith2020another"]
    assert "key 'smith2020' is taken" in r.err


def test_a_name_in_another_script_keys_a_made_citekey_a_users_own_key_is_kept(kb_root, tmp_path):
    entry = "@article{{{key}, title={{深度学习模型的能耗研究}}, author={{王小明 and 李华}}, year=2021}}\n"
    (tmp_path / "a.bib").write_text(entry.format(key="wang2021") + entry.format(key="王小明2021").replace("能耗", "效率"))
    (tmp_path / "b.bib").write_text(entry.format(key="wang2021").replace("能耗", "数据"))
    assert run_kb("import", tmp_path / "a.bib").code == 0
    r = run_kb("import", tmp_path / "b.bib", "--json")
    assert r.json["added"] == ["yeto6u69k2021"] and "filed as yeto6u69k2021" in r.err
    keys = re.findall(r"^@\w+\{([^,]+),", (kb_root / "references.bib").read_text(), re.M)
    assert keys == ["wang2021", "王小明2021", "yeto6u69k2021"]


def test_a_cyrillic_name_keys_a_made_citekey_in_latin_letters_a_stored_key_is_kept(kb_root, tmp_path):
    entry = "@article{{{key}, title={{{title}}}, author={{Иванов, Иван and Петров, Пётр}}, year=2020}}\n"
    # a key kb made before, in Punycode, stays as references.bib holds it
    (tmp_path / "a.bib").write_text(entry.format(key="ivanov2020", title="Глубокое обучение")
                                    + entry.format(key="80adbv1ag2020", title="Нейронные сети"))
    (tmp_path / "b.bib").write_text(entry.format(key="ivanov2020", title="Машинное обучение"))
    assert run_kb("import", tmp_path / "a.bib").code == 0
    r = run_kb("import", tmp_path / "b.bib", "--json")
    assert r.json["added"] == ["ivanov2020mashinnoe"] and "filed as ivanov2020mashinnoe" in r.err
    keys = re.findall(r"^@\w+\{([^,]+),", (kb_root / "references.bib").read_text(), re.M)
    assert keys == ["ivanov2020", "80adbv1ag2020", "ivanov2020mashinnoe"]


@pytest.mark.parametrize("text, message, line", [
    ("@article{a, title={ok}}\n@article{b, title={Unbalanced {brace}, year=2000}\n@article{c, title={x}}\n",
     "BibTeX syntax error", 2),
    ("@article{a, title={x}}\n\n@article{a, title={y}}\n", "duplicate citekey 'a'", 3),
    ("@article{a title={x}}\n", "BibTeX syntax error", 1),
])
def test_bad_bibtex_names_file_and_line_and_imports_nothing(kb_root, tmp_path, text, message, line):
    path = tmp_path / "bad.bib"
    path.write_text(text)
    r = run_kb("import", path)
    assert r.code == 2
    assert f"{path}:{line}: " in r.err and message in r.err
    assert "Traceback" not in r.err
    assert (kb_root / "references.bib").read_text() == ""


def test_latin1_bibtex_is_read_with_a_warning(kb_root, tmp_path):
    path = tmp_path / "latin.bib"
    path.write_bytes("@article{m, title={Mélange of things}, author={Griggs, T.}, year=2024}\n".encode("latin-1"))
    r = run_kb("import", path)
    assert r.code == 0
    assert "not UTF-8" in r.err
    assert run_kb("show", "m", "--json").json["title"] == "Mélange of things"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_utf16_bibtex_file_is_read_as_utf16_and_a_utf16_references_bib_too(kb_root, tmp_path, encoding):
    """Windows tools write UTF-16 (with a byte-order mark or not): read as such, with a
    warning; never as Latin-1 with a NUL byte between every two letters."""
    path = tmp_path / "wide.bib"
    path.write_bytes("@article{m, title={Über Mélange}, author={Müller, Ann}, year=2024}\n".encode(encoding))
    r = run_kb("import", path)
    assert r.code == 0, r.err
    assert f"{path} is UTF-" in r.err and "read it as such" in r.err
    assert run_kb("show", "m", "--json").json["title"] == "Über Mélange"
    # references.bib saved so by an editor is read as such and written back so, as claims files and kb.toml are
    bib = kb_root / "references.bib"
    bib.write_bytes(bib.read_text().encode(encoding))
    head = bib.read_bytes()[:4]
    r = run_kb("ls")
    assert r.code == 0 and "Mélange" in r.out, r.err
    assert run_kb("tag", "m", "energy").code == 0
    assert bib.read_bytes()[:4] == head and "keywords = {energy}" in bib.read_bytes().decode(encoding)


def test_empty_and_missing_files(kb_root, tmp_path):
    (tmp_path / "empty.bib").write_text("% nothing here\n")
    r = run_kb("import", tmp_path / "empty.bib")
    assert r.code == 2 and "holds no BibTeX entries" in r.err
    r = run_kb("import", tmp_path / "nope.bib")
    assert r.code == 2 and "cannot read" in r.err


def test_hand_edited_references_bib_is_reindexed(kb_root):
    (kb_root / "references.bib").write_text("@book{knuth1984, title={The TeXbook}, author={Knuth, Donald}, year=1984}\n")
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["knuth1984"]
    (kb_root / "references.bib").write_text("@book{knuth1986, title={The METAFONTbook}, author={Knuth, Donald}, year=1986}\n")
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["knuth1986"]
    (kb_root / "references.bib").write_text("@book{broken, title={The METAFONTbook}\n")
    r = run_kb("ls")
    assert r.code == 2 and "references.bib:1:" in r.err


@pytest.mark.corpus
def test_checks_name_claims_of_papers_with_any_key(kb_root):
    """ACL's and DBLP's keys, kept as given, reachable from a check expression."""
    for name in ("acl-anthology-2021.naacl-main.208.bib", "dblp-series-sci-2023-1062.bib"):
        assert run_kb("import", corpus_path("bibtex", name)).code == 0
    keys = [p["citekey"] for p in run_kb("ls", "--json").json]
    assert keys == ["le-scao-rush-2021-many", "DBLP:series/sci/2023-1062"]
    claims = kb_root / "claims"
    (claims / "le-scao-rush-2021-many.toml").write_text('[[claim]]\nid = "points"\nvalue = "100 kWh"\n')
    (claims / "DBLP%3Aseries%2Fsci%2F2023-1062.toml").write_text('[[claim]]\nid = "half"\nvalue = "50 kWh"\n')
    (claims / "checks.toml").write_text(
        '[[check]]\nid = "quoted"\nstated = "2"\nexpr = "`le-scao-rush-2021-many`.points / '
        '`DBLP:series/sci/2023-1062`.half"\n'
        '[[check]]\nid = "underscored"\nstated = "2"\nexpr = "le_scao_rush_2021_many.points / '
        '`DBLP:series/sci/2023-1062`.half"\n')
    r = run_kb("check", "--json")
    assert r.code == 0, (r.out, r.err)
    assert [c["verdict"] for c in r.json] == ["pass", "pass"]
    # Unquoted, '-' is a minus sign: the error says how to write the key.
    (claims / "checks.toml").write_text('[[check]]\nid = "bare"\nstated = "2"\n'
                                        'expr = "le-scao-rush-2021-many.points"\n')
    r = run_kb("check")
    assert r.code == 1 and "names 'le', which is no claim kb holds" in r.out and "`le-scao-rush-2021-many`.claim" in r.out


def test_control_characters_in_an_imported_entry_are_removed(kb_root, tmp_path):
    (tmp_path / "c.bib").write_text("@misc{esc, title = {Evil \x1b[2J\x1b]0;owned\x07 title}, year = 2020}\n")
    r = run_kb("import", tmp_path / "c.bib")
    assert r.code == 0 and "control characters removed from entry 'esc'" in r.err
    text = (kb_root / "references.bib").read_text()
    assert "\x1b" not in text and "\x07" not in text and "@misc{esc, title = {Evil [2J]0;owned title}" in text
    (tmp_path / "n.bib").write_text("@misc{nul, title = {A \x00 b}}\n")
    r = run_kb("import", tmp_path / "n.bib")
    assert r.code == 2 and "NUL byte" in r.err and r.err.count("\n") == 1


def test_injected_braces_stay_inside_the_value(kb_root, tmp_path):
    """A title holding `}, note = {x` is one title to BibTeX and to kb: no new field."""
    (tmp_path / "i.bib").write_text('@misc{inj, title = "Nice}, note = {injected", year = 2020}\n')
    r = run_kb("import", tmp_path / "i.bib")
    assert r.code == 2 and "BibTeX syntax error" in r.err       # '}' closing a brace never opened
    (tmp_path / "j.bib").write_text("@misc{inj, title = {Nice}, year = 2020}\n")
    assert run_kb("import", "--normalise", tmp_path / "j.bib").code == 0
    from kb.sources.bibtex import BibFile

    assert set(BibFile.load(kb_root / "references.bib").entries()[0].fields) == {"title", "year"}


def test_export_bib_copies_the_strings_an_entry_uses(kb_root, tmp_path):
    src = ('@preamble{"\\providecommand{\\noopsort}[1]{}"}\n'
           '@string{conf = {ACL}}\n@string{pub = "Proc. of " # conf}\n@string{unused = {U}}\n'
           '@inproceedings{s1, title = {T}, booktitle = pub, year = 2020, month = jul}\n')
    (tmp_path / "s.bib").write_text(src.replace("@string{conf = {ACL}}\n", "") + "@string{conf = {ACL}}\n")
    r = run_kb("import", tmp_path / "s.bib")             # used before it is defined: refused
    assert r.code == 2 and ":2: @string pub uses 'conf', which is not defined before it" in r.err
    (tmp_path / "s.bib").write_text(src)
    assert run_kb("import", tmp_path / "s.bib").code == 0
    out = tmp_path / "out.bib"
    assert run_kb("export", "bib", "-o", out).code == 0
    text = out.read_text()
    assert '@string{pub = "Proc. of " # conf}' in text and "@string{conf = {ACL}}" in text
    assert "unused" not in text and "@preamble" in text
    assert text.index("@string{conf") < text.index("@string{pub") < text.index("@inproceedings")
    assert run_kb("show", "s1", "--json").json["venue"] == "Proc. of ACL"


# -- a library whose entries name PDFs: extracted on every core, attached in order ----------

LIBRARY_REAL = {"turing1950": ("turing-1950-computing-machinery-and-intelligence.pdf",
                               "Computing Machinery and Intelligence"),
                "lacoste2019": ("arxiv-1910.09700-missing.pdf",           # a file that is not there
                                "Quantifying the Carbon Emissions of Machine Learning"),
                # a page of tables cut from the paper: it prints neither its title nor its authors
                "scibert2019": ("scibert-1903.10676-single-table-page.pdf",
                                "SciBERT: A Pretrained Language Model for Scientific Text"),
                "acl2018": ("acl-N18-3011.pdf", "Construction of the Literature Graph in Semantic Scholar"),
                "page1999": ("pagerank-citation-ranking-1999.pdf",
                             "The PageRank Citation Ranking: Bringing Order to the Web")}


def _library(tmp_path) -> tuple[Path, int]:
    """A Zotero-style library: real PDFs (by absolute path), generated ones (relative to
    the .bib), a missing file, a corrupt PDF and an HTML page saved as .pdf."""
    from pdfgen import make_pdf

    files = tmp_path / "files"
    files.mkdir()
    entries = []
    for key, (name, title) in LIBRARY_REAL.items():
        path = corpus_path("pdf").resolve() / name
        entries.append((key, title, str(path).replace(":", "\\:")))
    for n in range(4):
        (files / f"gen{n}.pdf").write_bytes(make_pdf([f"Measured Energy of Model Family {n} in Use",
                                                      f"For inference, model {n} used {n}.5 kWh per query."]))
        entries.insert(2 * n, (f"gen{n}", f"Measured Energy of Model Family {n} in Use", f"files/gen{n}.pdf"))
    (files / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\n")
    (files / "login.pdf").write_bytes(b"<!doctype html><html>sign in to read</html>")
    entries.insert(3, ("corrupt2020", "A Corrupt File Cut Short in Transfer", "files/corrupt.pdf"))
    entries.insert(5, ("login2021", "A Login Page Saved Instead of the Paper", "files/login.pdf"))
    bib = tmp_path / "library.bib"
    bib.write_text("\n".join(f"@article{{{key}, title = {{{title}}}, author = {{Zed, Zoe}}, year = {{2020}},\n"
                             f"  file = {{Full Text PDF:{path}:application/pdf}}}}\n" for key, title, path in entries))
    return bib, len(entries)


def _reference_rows(root: Path) -> tuple[list, list]:
    import sqlite3

    conn = sqlite3.connect(root / ".kb" / "kb.sqlite")
    try:
        refs = conn.execute("select citekey, version, idx, raw, title, first_author, year, resolved from refs "
                            "where source = 'text' order by 1, 2, 3").fetchall()
        return refs, conn.execute("select citing, cited from citations order by 1, 2").fetchall()
    finally:
        conn.close()


def test_import_with_two_jobs_writes_exactly_what_one_job_writes(tmp_path, monkeypatch):
    from kbcompare import differences

    from kb.store.knowledgebase import init

    bib, count = _library(tmp_path)
    runs = {}
    for jobs in (1, 2):
        root, _ = init(tmp_path / f"kb{jobs}")
        monkeypatch.setenv("KB_HOME", str(root))
        runs[jobs] = (root, run_kb("import", bib, "--jobs", jobs, "--json"))
    (one_root, one), (two_root, two) = runs[1], runs[2]
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    assert differences(one_root, two_root) == []
    # The workers parsed each text's reference list; parsed again from the stored pages
    # (kb rebuild), every list and citation link comes out the same.
    before = _reference_rows(two_root)
    assert len({r[0] for r in before[0]}) >= 2          # real reference lists of two papers
    monkeypatch.setenv("KB_HOME", str(two_root))
    assert run_kb("rebuild").code == 0
    assert _reference_rows(two_root) == before
    # Every entry imported; each PDF that can be read attached, in the file's order; the
    # others each one line, the batch going on.
    assert two.code == 0 and len(two.json["added"]) == count
    assert [a.split(":")[0] for a in two.json["attached"]] == [
        "gen0", "turing1950", "gen1", "corrupt2020", "gen2", "gen3", "acl2018", "page1999"]
    assert "scibert2019: file" in two.err and "print neither the entry's title" in two.err
    assert "corrupt2020: corrupt.pdf: " in two.err and "kept with metadata only" in two.err
    assert "login2021: file" in two.err and "not attached: an HTML page, not a PDF" in two.err
    assert "lacoste2019: file" in two.err and "arxiv-1910.09700-missing.pdf" in two.err
    assert "Traceback" not in two.err
    turing = run_kb("show", "turing1950", "--json").json
    assert turing["versions"][0]["page_count"] == 21 and turing["versions"][0]["text_status"] == "ok"


def test_import_again_attaches_nothing_twice(kb_root, tmp_path):
    bib, _ = _library(tmp_path)
    first = run_kb("import", bib, "--json")
    assert first.code == 0
    before = (kb_root / "references.bib").read_text()
    again = run_kb("import", bib, "--json", "--jobs", "2")
    assert again.code == 0 and again.json["added"] == [] and again.json["attached"] == []
    assert (kb_root / "references.bib").read_text() == before


def test_files_that_are_no_pdf_are_said_once_and_odd_ones_each(kb_root, tmp_path):
    # Zotero's web snapshots are said in one line; a device, a folder or a symlink loop named
    # .pdf is one line each; nothing stops the import.
    (tmp_path / "snap").mkdir()
    (tmp_path / "dir.pdf").mkdir()
    (tmp_path / "zero.pdf").symlink_to("/dev/zero")
    (tmp_path / "l1.pdf").symlink_to(tmp_path / "l2.pdf")
    (tmp_path / "l2.pdf").symlink_to(tmp_path / "l1.pdf")
    named = {"s1": "Snapshot:snap/page.html:text/html", "s2": "Snapshot:snap/other.htm:text/html",
             "z": "Full Text PDF:zero.pdf:application/pdf", "d": ":dir.pdf:PDF", "l": "l1.pdf"}
    (tmp_path / "lib.bib").write_text("".join(
        f"@article{{{k}, title = {{The Paper Called {k} Here}}, author = {{Zed, Zoe}}, year = 2020, file = {{{v}}}}}\n"
        for k, v in named.items()))
    r = run_kb("import", tmp_path / "lib.bib", "--json")
    assert r.code == 0 and len(r.json["added"]) == 5 and r.json["attached"] == []
    lines = r.err.splitlines()
    assert "kb: 2 files named in file fields are not PDFs (by their name: 'page.html', 'other.htm'); " \
        "not attached" in lines
    assert any(line.startswith("kb: z: file") and "is a device" in line for line in lines), r.err
    assert any(line.startswith("kb: d: file") and "is a folder" in line for line in lines), r.err
    assert any(line.startswith("kb: l: file") and "symbolic links" in line for line in lines), r.err
    assert len(lines) == 4 and "Traceback" not in r.err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_pybtex_second_reading_refuses_in_this_process_or_another(kb_root, tmp_path, monkeypatch, jobs):
    # A large import reads the file a second time with pybtex on another core (here from the
    # first entry on); what it reads otherwise is refused before anything is written.
    import kb.ops.papers
    monkeypatch.setattr(kb.ops.papers, "BACKGROUND_READING", 1)
    good = "".join(f"@misc{{k{i}, title = {{The Title of Paper {i}}}, year = 2020, month = jun}}\n"
                   for i in range(5))
    (tmp_path / "bad.bib").write_text(good + "@misc{odd, 9title = {x}}\n")
    r = run_kb("import", tmp_path / "bad.bib", "--jobs", jobs)
    assert r.code == 2 and "pybtex reads it differently" in r.err and r.err.count("\n") == 1, r.err
    assert (kb_root / "references.bib").read_text() == ""
    (tmp_path / "good.bib").write_text(good)
    r = run_kb("import", tmp_path / "good.bib", "--jobs", jobs, "--json")
    assert r.code == 0 and len(r.json["added"]) == 5, r.err
    assert (kb_root / "references.bib").read_text() == good.replace("}\n@", "}\n\n@")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_large_import_reads_a_second_time_with_kbs_own_reading(kb_root, tmp_path, monkeypatch, jobs):
    # From BACKGROUND_READING entries on, kb's own second reading stands in for pybtex's
    # (here, or with --jobs 2 in another process); pybtex reads only a file it cannot vouch
    # for (a month macro in a note: pybtex spells it out, as the same month), and what pybtex
    # reads otherwise is refused as in a small file.
    import kb.ops.papers

    monkeypatch.setattr(kb.ops.papers, "BACKGROUND_READING", 1)
    asked = []
    real = kb.ops.papers.pybtex_reading
    monkeypatch.setattr(kb.ops.papers, "pybtex_reading", lambda text: asked.append(1) or real(text))
    good = "".join(f"@article{{k{i}, title = {{Measurements of $\\{{upOmega}}$ Number {i}}},\n"
                   f"  journal = {{The Astrophysical Journal}}, year = 1999, month = jun}}\n" for i in range(3))
    (tmp_path / "good.bib").write_text(good)
    r = run_kb("import", tmp_path / "good.bib", "--jobs", jobs, "--json")
    assert r.code == 0 and len(r.json["added"]) == 3 and asked == [], r.err
    assert run_kb("show", "k1", "--json").json["venue"] == "The Astrophysical Journal"
    (tmp_path / "note.bib").write_text("@misc{n1, title = {Noted}, note = jun # { 2020}}\n")
    r = run_kb("import", tmp_path / "note.bib", "--jobs", jobs)
    assert asked == [1] and r.code == 0, r.err     # pybtex's "June 2020" is kb's "Jun 2020"
    (tmp_path / "odd.bib").write_text("@misc{n2, title = {Odd}, 9note = {x}}\n")
    r = run_kb("import", tmp_path / "odd.bib", "--jobs", jobs)
    assert asked == [1, 1] and r.code == 2 and "pybtex reads it differently" in r.err and r.err.count("\n") == 1


def test_import_jobs_below_one_is_refused(kb_root, tmp_path):
    (tmp_path / "a.bib").write_text("@article{a, title={A Title}, year=2020}\n")
    r = run_kb("import", tmp_path / "a.bib", "--jobs", "0")
    assert r.code == 2 and r.err.startswith("kb: error: --jobs") and (kb_root / "references.bib").read_text() == ""


def test_a_persons_entry_replaces_the_one_kb_guessed_from_a_pdf_and_keeps_its_key(kb_root, tmp_path):
    """A PDF added offline gets an entry kb guessed (@misc, its own key). The person's
    entry for the paper then replaces it whole: type, fields and key; the quotes follow
    the key, the guessed key stays an alias, and nothing the person wrote is dropped."""
    from pdfgen import make_pdf

    title = "Measuring the Energy of Training Runs in Practice"
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(make_pdf(["Measuring the Energy of Training Runs in Practice",
                              "Ada Lovelace and Alan Turing",
                              "Training one model used 42 MWh of electricity in total."], title=title))
    r = run_kb("add", pdf, "--offline", "--json")
    assert r.code == 0, r.err
    guessed = r.json[0]["citekey"]
    assert run_kb("quote", "add", guessed, "Training one model used 42 MWh of electricity", "--id", "q").code == 0
    (tmp_path / "mine.bib").write_text(
        "@inproceedings{Lovelace:2024:Energy,\n  title = {Measuring the Energy of Training Runs in Practice},\n"
        "  author = {Lovelace, Ada and Turing, Alan},\n  booktitle = {Proceedings of Things},\n"
        "  pages = {1--9},\n  publisher = {ACM},\n  year = 2024,\n}\n")
    r = run_kb("import", tmp_path / "mine.bib", "--json")
    assert r.code == 0, r.err
    assert r.json["renamed"] == {guessed: "Lovelace:2024:Energy"}
    bib = (kb_root / "references.bib").read_text()
    assert bib.startswith("@inproceedings{Lovelace:2024:Energy,")
    for written in ("booktitle = {Proceedings of Things}", "pages = {1--9}", "publisher = {ACM}",
                    f"ids = {{{guessed}}}"):
        assert written in bib, written
    assert "kb-owned" not in bib and "\n\n\n" not in bib               # the person's entry now
    info = run_kb("show", guessed, "--json").json                       # the old key still finds it
    assert info["citekey"] == "Lovelace:2024:Energy" and info["quotes"] == 1
    assert run_kb("verify").code == 0 and run_kb("doctor").code == 0
    # Imported again: nothing to do; a person's entry is never replaced so.
    r = run_kb("import", tmp_path / "mine.bib", "--json")
    assert r.json["updated"] == [] and r.json["renamed"] == {}


@pytest.fixture
def guessed_paper(kb_root, tmp_path):
    """A paper added from its PDF offline: kb's guessed entry, and a quote of it."""
    from pdfgen import make_pdf

    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(make_pdf(["Carbon Accounting for Shared Clusters", "Ada Lovelace",
                              "The cluster emitted 310 tonnes of CO2 in one year."],
                             title="Carbon Accounting for Shared Clusters"))
    guessed = run_kb("add", pdf, "--offline", "--json").json[0]["citekey"]
    assert run_kb("quote", "add", guessed, "The cluster emitted 310 tonnes of CO2", "--id", "q").code == 0
    return guessed


#: A Zotero/JabRef-like entry: aligned fields, quotes and braces mixed, a bare month macro,
#: upper-case field names, a trailing comment line inside the file.
THEIRS = ("@InProceedings{lovelace_carbon_2023,\n"
          "      Title = \"Carbon Accounting for {Shared} Clusters\",\n"
          "     author = {Lovelace, Ada},\n"
          "  booktitle = {Proc. of the Green Computing Workshop},\n"
          "      month = jun,\n"
          "       year = {2023},\n"
          "      pages = \"12--19\"}")


def test_a_persons_entry_that_replaces_kbs_guess_is_written_as_their_file_holds_it(guessed_paper, kb_root, tmp_path):
    (tmp_path / "mine.bib").write_text(f"% exported\n{THEIRS}\n", "utf-8")
    r = run_kb("import", tmp_path / "mine.bib", "--json")
    assert r.code == 0, r.err
    assert r.json["renamed"] == {guessed_paper: "lovelace_carbon_2023"}
    bib = (kb_root / "references.bib").read_text("utf-8")
    # Their text, byte for byte, with only the guessed key kept as an alias.
    expected = THEIRS[:-1] + f",\n      ids = {{{guessed_paper}}}}}"    # indented as its first field
    assert bib.strip() == expected, bib
    info = run_kb("show", "lovelace_carbon_2023", "--json").json
    assert info["quotes"] == 1 and info["year"] == 2023 and info["metadata_status"] == "complete"
    assert run_kb("verify").code == 0 and run_kb("doctor").code == 0


@pytest.mark.parametrize("how", ["--normalise", "@string"])
def test_a_replacing_entry_is_rendered_by_kb_with_normalise_or_string_macros(guessed_paper, kb_root, tmp_path, how):
    if how == "@string":
        (tmp_path / "in.bib").write_text('@string{gcw = "Proc. of the Green Computing Workshop"}\n'
                                         + THEIRS.replace("{Proc. of the Green Computing Workshop}", "gcw") + "\n")
        r = run_kb("import", tmp_path / "in.bib")
    else:
        (tmp_path / "in.bib").write_text(THEIRS + "\n")
        r = run_kb("import", tmp_path / "in.bib", how)
    assert r.code == 0, r.err
    bib = (kb_root / "references.bib").read_text("utf-8")
    # A macro defined after the entry that uses it is no macro to BibTeX: the value is spelled out.
    assert "booktitle = {Proc. of the Green Computing Workshop}" in bib and "gcw" not in bib
    assert bib.startswith("@inproceedings{lovelace_carbon_2023,\n") and "  pages = {12--19}" in bib
    assert run_kb("show", "lovelace_carbon_2023", "--json").json["quotes"] == 1


def test_kbs_own_misc_entry_takes_the_imported_type_and_a_field_its_type_does_not_take_is_written(kb_root, tmp_path):
    (kb_root / "references.bib").write_text("@misc{a2020x,\n  title = {A Paper on Things},\n  author = {Doe, Jane},\n"
                                            "  year = {2020},\n}\n\n% kb-owned: a2020x\n")
    (tmp_path / "z.bib").write_text("@inproceedings{mine, title={A Paper on Things}, author={Doe, Jane}, year=2020, "
                                    "booktitle={Proc. X}, pages={1--2}}\n")
    r = run_kb("import", tmp_path / "z.bib")
    assert r.code == 0, r.err
    bib = (kb_root / "references.bib").read_text()
    assert bib.startswith("@inproceedings{a2020x,") and "booktitle = {Proc. X}" in bib and "pages = {1--2}" in bib
    # A person's @misc stays @misc: what it cannot take is written as a new entry's would be, never dropped.
    (kb_root / "references.bib").write_text("@misc{b2020y,\n  title = {Another Paper on Things},\n"
                                            "  author = {Roe, Jim},\n  year = {2020},\n}\n\n% kb-owned: b2020y\n")
    (tmp_path / "y.bib").write_text("@misc{theirs, title={Another Paper on Things}, author={Roe, Jim}, year=2020, "
                                    "booktitle={Proc. Y}}\n")
    r = run_kb("import", tmp_path / "y.bib")
    assert r.code == 0, r.err
    assert "booktitle = {Proc. Y}" in (kb_root / "references.bib").read_text() and "not written" not in r.err


def test_an_entry_under_kbs_own_guessed_key_replaces_the_guess_and_keeps_the_key(kb_root, tmp_path):
    from pdfgen import make_pdf

    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(make_pdf(["Water Use of Data Centres in Practice", "Mary Shelley and Percy Shelley",
                              "Cooling used 12 litres a kWh."], title="Water Use of Data Centres in Practice"))
    key = run_kb("add", pdf, "--offline", "--json").json[0]["citekey"]
    (tmp_path / "mine.bib").write_text(f"@article{{{key},\n  title = {{Water Use of Data Centres in Practice}},\n"
                                       "  author = {Shelley, Mary and Shelley, Percy},\n  journal = {J. Water},\n"
                                       "  year = 2021,\n}\n")
    r = run_kb("import", tmp_path / "mine.bib", "--json")
    assert r.code == 0, r.err
    assert r.json["renamed"] == {} and r.json["replaced"] == [key] and "kept its key" not in r.err
    bib = (kb_root / "references.bib").read_text()
    assert bib.startswith(f"@article{{{key},") and "journal = {J. Water}" in bib and "kb-owned" not in bib
    info = run_kb("show", key, "--json").json
    assert (info["metadata_status"], info["origin"]) == ("complete", "bibtex")


def test_an_imported_key_that_is_another_papers_key_is_never_made_an_alias(kb_root, tmp_path):
    (kb_root / "references.bib").write_text(
        "@article{page99,\n  title = {The PageRank Citation Ranking},\n  author = {Page, Lawrence},\n  year = {1999},\n}\n\n"
        "@article{cohan2020specter,\n  title = {SPECTER: Document-level Representation Learning},\n"
        "  author = {Cohan, Arman},\n  year = {2020},\n}\n")
    (tmp_path / "clash.bib").write_text("@inproceedings{page99x, title={SPECTER: Document-level Representation "
                                        "Learning}, author={Cohan, Arman}, year={2020}}\n"
                                        "@inproceedings{page99, title={SPECTER: Document-level Representation "
                                        "Learning}, author={Cohan, Arman}, year={2020}}\n")
    r = run_kb("import", tmp_path / "clash.bib")
    assert r.code == 0, r.err
    assert "'page99' is cohan2020specter here, but also a key of another paper: not recorded as an alias" in r.err
    bib = (kb_root / "references.bib").read_text()
    assert "ids = {page99x}" in bib and "page99}" not in bib.split("cohan2020specter")[1]
    assert run_kb("show", "page99", "--json").json["citekey"] == "page99"
    assert run_kb("doctor").code == 0


def test_several_files_are_imported_in_order_each_all_or_nothing(kb_root, tmp_path):
    """kb import a.bib b.bib: each file's report said with its name; a file refused leaves the files before it
    imported and says so, and those after it unread; --json gives one report a file."""
    a, b, bad, c = (tmp_path / n for n in ("a.bib", "b.bib", "bad.bib", "c.bib"))
    a.write_text("@article{doe2019, title={Wind power}, author={Doe, Jane}, year=2019}\n")
    b.write_text("@article{roe2020, title={Solar power}, author={Roe, Ann}, year=2020}\n"
                 "@article{doe2019, title={Wind power}, author={Doe, Jane}, year=2019}\n")
    bad.write_text("@article{x, title={Unbalanced {brace}, year=2000}\n")
    c.write_text("@article{poe2021, title={Tidal power}, author={Poe, Al}, year=2021}\n")
    r = run_kb("import", a, b)
    assert r.code == 0, r.err
    assert f"{a}: 1 added, 0 updated, 0 already present" in r.out
    assert f"{b}: 1 added, 0 updated, 1 already present" in r.out
    before = (kb_root / "references.bib").read_bytes()
    r = run_kb("import", c, bad, a)
    assert r.code == 2 and "Traceback" not in r.err
    assert f"{bad}:1: " in r.err and f"imported before it: {c}" in r.err, r.err
    bib = (kb_root / "references.bib").read_text()
    assert bib.startswith(before.decode()) and "poe2021" in bib and "{x," not in bib
    r = run_kb("import", a, c, "--json")
    assert r.code == 0 and [(f["file"], f["added"], f["unchanged"]) for f in r.json] == [
        (str(a), [], ["doe2019"]), (str(c), [], ["poe2021"])], r.out
    assert isinstance(run_kb("import", a, "--json").json, dict)         # one file: its report, as before
    r = run_kb("import", "-", "-")
    assert r.code == 2 and "- (stdin) may be given once" in r.err
    assert run_kb("import").code == 2
