"""kb add / import / ls / show / where, end to end through the CLI, against a
local server that plays arXiv, doi.org and Crossref."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from corpus import corpus_path
from fakearxiv import FakeArxiv
from httpserver import Reply
from kbrun import run_kb
from pdfgen import make_image_only_pdf, make_pdf

PHP_V1 = make_pdf(["Power Hungry Processing: Watts Driving the Cost of AI Deployment?",
                   "charging the average smartphone requires 0.012 kWh of energy"],
                  title="Power Hungry Processing")
PHP_V3 = make_pdf(["Power Hungry Processing: Watts Driving the Cost of AI Deployment?",
                   "charging the average smartphone requires 0.022 kWh of energy", "page three"],
                  title="Power Hungry Processing")
PHP_TITLE = "Power Hungry Processing: Watts Driving the Cost of AI Deployment?"
PHP_AUTHORS = ["Alexandra Sasha Luccioni", "Yacine Jernite", "Emma Strubell"]


@pytest.fixture
def arxiv(server):
    fake = FakeArxiv(server)
    fake.add("2311.16863", {1: PHP_V1, 3: PHP_V3}, PHP_TITLE, PHP_AUTHORS, published="2023-11-28")
    return fake


def bib(root: Path) -> str:
    return (root / "references.bib").read_text()


def test_add_arxiv_files_bibtex_and_page_text(kb_root, arxiv):
    r = run_kb("add", "arxiv:2311.16863")
    assert r.code == 0, r.err
    assert r.out.startswith("added     luccioni2023power v3, 3 pages")
    text = bib(kb_root)
    assert "@misc{luccioni2023power," in text
    assert "title = {Power Hungry Processing: Watts Driving the Cost of {AI} Deployment?}" in text
    assert "author = {Luccioni, Alexandra Sasha and Jernite, Yacine and Strubell, Emma}" in text
    for line in ("year = {2023}", "eprint = {2311.16863}", "archiveprefix = {arXiv}",
                 "primaryclass = {cs.LG}", "version = {3}", "url = {https://arxiv.org/abs/2311.16863}"):
        assert line in text
    info = run_kb("show", "luccioni2023power", "--json").json
    assert info["versions"][0]["version"] == "v3"
    assert info["versions"][0]["page_count"] == 3
    assert info["versions"][0]["extractor"].startswith(("pypdf ", "pypdfium2 "))
    import hashlib
    assert info["versions"][0]["sha256"] == hashlib.sha256(PHP_V3).hexdigest()
    # The request carried kb's User-Agent and asked for this id.
    api = [s for s in arxiv.server.requests if s.path == "/api/query"][0]
    assert api.headers["user-agent"].startswith("kb/")
    assert api.query["id_list"] == ["2311.16863"]


def test_second_add_makes_no_request(kb_root, arxiv):
    assert run_kb("add", "arxiv:2311.16863").code == 0
    before = len(arxiv.server.requests)
    r = run_kb("add", "arxiv:2311.16863")
    assert r.code == 0
    assert r.out.startswith("unchanged luccioni2023power")
    assert len(arxiv.server.requests) == before
    r = run_kb("add", "arxiv:2311.16863v3")
    assert r.out.startswith("unchanged")
    assert len(arxiv.server.requests) == before
    assert bib(kb_root).count("@misc{") == 1


def test_every_pasted_form_is_the_same_paper(kb_root, arxiv):
    forms = ["arxiv:2311.16863", "2311.16863v3", "arXiv:2311.16863", "https://arxiv.org/abs/2311.16863",
             "https://arxiv.org/pdf/2311.16863v3.pdf", "arxiv.org/abs/2311.16863v3"]
    for form in forms:
        r = run_kb("add", form)
        assert r.code == 0, (form, r.err)
    assert bib(kb_root).count("@misc{") == 1
    assert len(run_kb("ls", "--json").json) == 1


def test_older_then_newer_version_adds_a_version_and_keeps_old_text(kb_root, arxiv):
    r = run_kb("add", "arxiv:2311.16863v1")
    assert r.code == 0 and "v1, 2 pages" in r.out
    assert "version = {1}" in bib(kb_root)
    r = run_kb("add", "arxiv:2311.16863")
    assert r.code == 0
    assert r.out.startswith("updated   luccioni2023power v3")
    assert "new version v3 (had v1)" in r.err
    assert "version = {3}" in bib(kb_root) and "version = {1}" not in bib(kb_root)
    info = run_kb("show", "luccioni2023power", "--json").json
    assert [(v["version"], v["page_count"]) for v in info["versions"]] == [("v1", 2), ("v3", 3)]


def test_citekey_clash_gets_letter_suffix_and_keys_never_change(kb_root, arxiv):
    arxiv.add("2401.00001", {1: make_pdf(["Power Grids"])}, "Power Grids for AI", ["Alexandra Luccioni"],
              published="2023-01-05")
    assert run_kb("add", "2311.16863").code == 0
    r = run_kb("add", "2401.00001")
    assert r.out.split()[1] == "luccioni2023powerb"
    # Re-adding the first one (even after the second exists) keeps its key.
    assert run_kb("add", "2311.16863v1").out.split()[1] == "luccioni2023power"


@pytest.mark.parametrize("bad", ["arxiv:notanid", "hello world", "doi:11.1/x", "https://example.com/paper",
                                 "2311.1686", "missing.pdf", ""])
def test_bad_identifier_is_one_clear_line_exit_2(kb_root, bad):
    r = run_kb("add", bad)
    assert r.code == 2
    assert r.err.count("\n") == 1 and "Traceback" not in r.err
    assert "accepted forms" in r.err or "no such file" in r.err
    if bad:
        assert repr(bad) in r.err or bad in r.err


def test_unknown_id_empty_feed_nothing_written(kb_root, arxiv):
    r = run_kb("add", "arxiv:2312.99999")
    assert r.code == 2
    assert "arXiv has no paper 2312.99999" in r.err
    assert bib(kb_root) == ""


def test_http_400_from_arxiv_is_clear(kb_root, arxiv):
    body = corpus_path("arxiv-api", "arxiv-api.abc-bad-id-http400.2026.atom.xml").read_bytes()
    arxiv.feed("2312.00001", 400, body)
    r = run_kb("add", "2312.00001")
    assert r.code == 2
    assert "arXiv: incorrect id format for abc" in r.err
    assert bib(kb_root) == ""


def test_real_recorded_feed_legacy_and_new_format(kb_root, arxiv):
    legacy = corpus_path("arxiv-api", "arxiv-api.1312.2021.legacy.atom.xml").read_bytes()
    arxiv.feed("1312.2021", 200, legacy)
    arxiv.papers["1312.2021"] = dict(versions={1: make_pdf(["Living with the Wrong Sign"])})
    r = run_kb("add", "1312.2021")
    assert r.code == 0, r.err
    assert r.out.split()[1] == "cooper2013living"
    text = bib(kb_root)
    assert "doi = {10.1103/invaliddoi.89.084044}" in text
    assert "primaryclass = {hep-th}" in text
    new = corpus_path("arxiv-api", "arxiv-api.quant-ph_0201082v1.2026.atom.xml").read_bytes()
    arxiv.feed("quant-ph/0201082v1", 200, new)
    arxiv.papers["quant-ph/0201082"] = dict(versions={1: make_pdf(["Quantum Computers"])})
    r = run_kb("add", "quant-ph/0201082v1")
    assert r.code == 0, r.err
    assert "eprint = {quant-ph/0201082}" in bib(kb_root)


def test_html_instead_of_pdf_nothing_written(kb_root, arxiv):
    arxiv.papers["2311.16863"]["versions"][3] = b"<!DOCTYPE html><html><body>Error 503</body></html>"
    r = run_kb("add", "2311.16863")
    assert r.code == 2
    assert "instead of a PDF" in r.err
    assert bib(kb_root) == ""
    assert run_kb("ls", "--json").json == []


def test_truncated_pdf_download_nothing_written(kb_root, server):
    fake = FakeArxiv(server)
    fake.add("2311.16863", {3: PHP_V3}, PHP_TITLE, PHP_AUTHORS)
    inner = server.routes["*"]
    server.routes["*"] = lambda seen: (Reply(200, PHP_V3, {"Content-Type": "application/pdf"},
                                             truncate=len(PHP_V3) // 2)
                                       if seen.path.startswith("/pdf/") else inner(seen))
    r = run_kb("add", "2311.16863")
    assert r.code == 2
    assert "cut off" in r.err and "truncated" in r.err
    assert bib(kb_root) == ""


def test_unreachable_network_names_host(kb_root, monkeypatch):
    monkeypatch.setenv("KB_ARXIV_API_URL", "http://127.0.0.1:9/api/query")
    r = run_kb("add", "2311.16863")
    assert r.code == 2
    assert "127.0.0.1:9" in r.err and "connection refused" in r.err


def test_local_pdf_offline_keeps_what_the_pdf_says(kb_root, server):
    pdf = make_pdf([["Energy Costs of Inference at Scale", "Jane Doe, John Roe",
                     "arXiv:2402.01234v2 [cs.LG] 3 Feb 2024", "Some text here about energy."]])
    path = kb_root.parent / "paper.pdf"
    path.write_bytes(pdf)
    r = run_kb("add", "--offline", path)
    assert r.code == 0, r.err
    assert not server.requests          # never touched the network
    key = r.out.split()[1]
    assert key == "doe2024energy"
    info = run_kb("show", key, "--json").json
    assert info["metadata_status"] == "incomplete"
    assert info["arxiv_id"] == "2402.01234"
    assert any("metadata incomplete" in p for p in info["problems"])
    assert "metadata incomplete" in run_kb("show", key).out


@pytest.mark.parametrize("author, key, field", [
    ("Jesse Dodge, Taylor Prewitt, Remi Tachet des Combes, Erika Odmark", "dodge2022measuring",
     "author = {Dodge, Jesse and Prewitt, Taylor and des Combes, Remi Tachet and Odmark, Erika}"),
    ("Jesse Dodge; Taylor Prewitt", "dodge2022measuring", "author = {Dodge, Jesse and Prewitt, Taylor}"),
    ("Dodge, Jesse", "dodge2022measuring", "author = {Dodge, Jesse}"),
])
def test_local_pdf_author_string_is_split_into_names(kb_root, server, author, key, field):
    pdf = make_pdf([["Measuring the Carbon Intensity of AI in Cloud Instances", "Some text."]],
                   title="Measuring the Carbon Intensity of AI in Cloud Instances", author=author)
    path = kb_root.parent / "dodge.pdf"
    path.write_bytes(pdf.replace(b"/Author", b"/Producer (pdfTeX-1.40.21) /CreationDate (D:20220610120000Z) /Author"))
    r = run_kb("add", "--offline", path)
    assert r.code == 0, r.err
    assert not server.requests
    assert r.out.split()[1] == key
    assert field in " ".join(bib(kb_root).split())
    assert run_kb("show", key, "--json").json["authors"][0] == "Dodge, Jesse"


def test_local_pdf_fetches_metadata_when_it_names_an_arxiv_id(kb_root, arxiv):
    pdf = make_pdf([["Power Hungry Processing", "arXiv:2311.16863v3 [cs.LG] 15 Oct 2024", "Text."]])
    path = kb_root.parent / "php.pdf"
    path.write_bytes(pdf)
    r = run_kb("add", path)
    assert r.code == 0, r.err
    assert r.out.split()[1] == "luccioni2023power"
    info = run_kb("show", "luccioni2023power", "--json").json
    assert info["metadata_status"] == "complete"
    assert info["authors"][0] == "Luccioni, Alexandra Sasha"
    # Then arXiv's own copy of the same version: no duplicate entry.
    assert run_kb("add", "2311.16863v3").code == 0
    assert bib(kb_root).count("@misc{") == 1


@pytest.mark.parametrize("name", ["2311.16863v3.pdf", "arxiv-2311.16863v3-page-2.pdf", "2311.16863v3 (1).PDF"])
def test_a_pdf_printing_no_arxiv_id_is_the_paper_its_file_name_names(kb_root, arxiv, name):
    """arXiv names its downloads by id: a PDF without the arXiv stamp (an excerpt, a
    PDF-only submission) is that paper when it prints the paper's title."""
    path = kb_root.parent / name
    path.write_bytes(make_pdf(["Power Hungry Processing: Watts Driving the Cost of AI Deployment?",
                               "charging the average smartphone requires 0.022 kWh of energy"]))
    r = run_kb("add", path)
    assert r.code == 0, r.err
    assert r.out.split()[1] == "luccioni2023power"
    assert "arXiv 2311.16863v3 from the file's name (the PDF prints no arXiv id)" in r.err
    info = run_kb("show", "luccioni2023power", "--json").json
    assert (info["metadata_status"], info["arxiv_id"], info["versions"][0]["version"]) == ("complete", "2311.16863", "v3")


def test_a_file_name_naming_another_paper_is_not_taken(kb_root, arxiv):
    path = kb_root.parent / "2311.16863v3.pdf"
    path.write_bytes(make_pdf(["Water Use of Data Centres in Practice", "Mary Shelley",
                               "Cooling used 12 litres of water a kWh."], title="Water Use of Data Centres in Practice"))
    r = run_kb("add", path)
    assert r.code == 0, r.err
    assert ("its file name says arXiv 2311.16863v3, but the PDF does not print that paper's title "
            "('Power Hungry Processing: Watts Driving the Cost of AI Deployment?')") in r.err
    key = r.out.split()[1]
    info = run_kb("show", key, "--json").json
    assert key != "luccioni2023power" and info["arxiv_id"] is None and info["metadata_status"] == "incomplete"


@pytest.mark.parametrize("name, named", [
    ("2305.03393v1.pdf", "2305.03393v1"), ("0704.0001.pdf", "0704.0001"), ("report-2301.00001.pdf", "2301.00001"),
    ("report-2023.12345.pdf", None), ("10.1145_3442188.3445922.pdf", None),
    ("2305.03393-and-2306.00001.pdf", None), ("1412.12345.pdf", None)])
def test_offline_the_file_name_gives_no_arxiv_id_nor_year(kb_root, server, name, named):
    """A file name is a hint, never provenance: offline nothing checks it against arXiv's
    record (Turing's 1950 paper saved as '2305.12345v2.pdf' was filed as arXiv 2305.12345v2
    of 2023). The id is said, and not recorded."""
    path = kb_root.parent / name
    pdf = make_pdf(["Table Tokens for Structure Recognition", "Some text on tables."],
                   title="Table Tokens for Structure Recognition")
    path.write_bytes(pdf.replace(b"/Title", b"/Producer (pdfTeX-1.40.21) /CreationDate (D:20210610120000Z) /Title"))
    r = run_kb("add", "--offline", path)
    assert r.code == 0, r.err
    assert not server.requests
    info = run_kb("show", r.out.split()[1], "--json").json
    assert (info["arxiv_id"], info["year"], info["versions"][0]["version"]) == (None, 2021, None)
    assert ("which the PDF does not print: not recorded" in r.err) == (named is not None), r.err
    assert "from the file's name" not in r.err and (named is None or f"arXiv {named}," in r.err)


def test_local_pdf_network_down_keeps_pdf_metadata(kb_root, monkeypatch):
    pdf = make_pdf([["Power Hungry Processing", "arXiv:2311.16863v3 [cs.LG] 15 Oct 2024", "Text."]])
    path = kb_root.parent / "php.pdf"
    path.write_bytes(pdf)
    r = run_kb("add", path)
    assert r.code == 0
    assert "127.0.0.1:9" in r.err and "metadata taken from the PDF itself" in r.err
    key = r.out.split()[1]
    assert run_kb("show", key, "--json").json["metadata_status"] == "incomplete"


def test_image_only_pdf_kept_with_metadata_only(kb_root):
    path = kb_root.parent / "scan.pdf"
    path.write_bytes(make_image_only_pdf())
    r = run_kb("add", "--offline", path)
    assert r.code == 0
    assert "no text layer" in r.err
    key = r.out.split()[1]
    out = run_kb("show", key).out
    assert "image-only" in out


def test_encrypted_pdf_kept_with_metadata_only(kb_root):
    path = kb_root.parent / "locked.pdf"
    path.write_bytes(make_pdf(["secret"], encrypt=True, title="Locked Paper About Things"))
    r = run_kb("add", "--offline", path)
    assert r.code == 0
    assert "encrypted" in r.err
    key = r.out.split()[1]
    assert "no text (encrypted)" in run_kb("show", key).out


def test_not_a_pdf_local_file(kb_root):
    path = kb_root.parent / "fake.pdf"
    path.write_bytes(b"<html>nope</html>")
    r = run_kb("add", "--offline", path)
    assert r.code == 2
    assert "fake.pdf is an HTML page" in r.err
    assert bib(kb_root) == ""


def test_doi_by_content_negotiation(kb_root, server):
    body = corpus_path("bibtex", "crossref-doi-10.1007_s00422-012-0514-6.bib").read_bytes()
    server.routes["/doi/10.1007/s00422-012-0514-6"] = lambda seen: (
        Reply(200, body, {"Content-Type": "application/x-bibtex"})
        if seen.headers.get("accept") == "application/x-bibtex" else Reply(406))
    r = run_kb("add", "doi:10.1007/s00422-012-0514-6")
    assert r.code == 0, r.err
    assert r.out.split()[1] == "loeb2012optimal"
    assert "metadata only" in r.err
    text = bib(kb_root)
    assert "@article{loeb2012optimal," in text and "journal = {Biological Cybernetics}" in text
    assert "author = {Gerald E. Loeb}" in text and "pages = {757--765}" in text
    # The same DOI in another form: the same paper.
    assert run_kb("add", "https://doi.org/10.1007/S00422-012-0514-6").out.startswith("unchanged")


def test_doi_falls_back_to_crossref_json(kb_root, server):
    body = corpus_path("crossref", "crossref-api-work-conference-paper.json").read_bytes()
    server.routes["/doi/10.1145/3184558.3186235"] = Reply(200, b"<html>landing page</html>",
                                                          {"Content-Type": "text/html"})
    server.routes["/crossref/works/10.1145/3184558.3186235"] = Reply(200, body, {"Content-Type": "application/json"})
    r = run_kb("add", "doi:10.1145/3184558.3186235")
    assert r.code == 0, r.err
    assert r.out.split()[1] == "buhmann2018dl"
    assert "@inproceedings{buhmann2018dl," in bib(kb_root)


def test_doi_that_does_not_resolve(kb_root, server):
    body = corpus_path("bibtex", "crossref-doi-999999.html").read_bytes()
    server.routes["*"] = Reply(404, body, {"Content-Type": "text/html"})
    r = run_kb("add", "doi:10.9999/nothing.here")
    assert r.code == 2
    assert "the DOI 10.9999/nothing.here does not resolve" in r.err
    assert bib(kb_root) == ""


def test_preprint_and_published_version_are_one_entry(kb_root, arxiv, server):
    arxiv.papers["2311.16863"]["doi"] = "10.1145/3630106.3658542"
    assert run_kb("add", "2311.16863").code == 0
    server.routes["/doi/10.1145/3630106.3658542"] = Reply(200, (
        "@inproceedings{Luccioni_2024, title={Power Hungry Processing: Watts Driving the Cost of AI Deployment?},"
        " author={Luccioni, Sasha and Jernite, Yacine and Strubell, Emma}, year={2024},"
        " booktitle={FAccT '24}, doi={10.1145/3630106.3658542}}").encode())
    r = run_kb("add", "doi:10.1145/3630106.3658542")
    assert r.code == 0
    assert r.out.split()[1] == "luccioni2023power"
    assert bib(kb_root).count("@") == 1


def test_hand_entries_and_comments_survive_every_write(kb_root, arxiv):
    hand = ("% My reading list. Do not reorder.\n\n@book{knuth1984,\n    author={Donald Knuth},\n"
            "    title={The {\\TeX}book},  year=1984\n}\n\n@string{acl = \"ACL\"}\n\n"
            "% keep this comment\n@inproceedings{mine, title = {Mine}, booktitle = acl # \" 2019\"}\n")
    (kb_root / "references.bib").write_text(hand)
    assert run_kb("add", "2311.16863v1").code == 0
    assert run_kb("add", "2311.16863").code == 0        # an update in place
    text = bib(kb_root)
    assert text.startswith(hand)
    assert "@misc{luccioni2023power," in text[len(hand):]
    keys = [p["citekey"] for p in run_kb("ls", "--json").json]
    assert keys == ["knuth1984", "mine", "luccioni2023power"]


def test_bibtexparser_and_pandoc_style_readers_can_read_the_file(kb_root, arxiv):
    import bibtexparser

    assert run_kb("add", "2311.16863").code == 0
    lib = bibtexparser.parse_string(bib(kb_root))
    assert not lib.failed_blocks
    assert lib.entries[0].key == "luccioni2023power"


def test_kbs_own_entries_pass_biber_validation(kb_root, arxiv, server, tmp_path):
    """arXiv and DOI (Crossref's BibTeX: month = {aug}, publisher on @article) entries as kb writes them."""
    import shutil
    import subprocess

    body = corpus_path("bibtex", "crossref-doi-10.1007_s00422-012-0514-6.bib").read_bytes()
    server.routes["/doi/10.1007/s00422-012-0514-6"] = lambda seen: Reply(
        200, body, {"Content-Type": "application/x-bibtex"})
    a = run_kb("add", "2311.16863")
    assert a.code == 0 and "left out" not in a.err
    r = run_kb("add", "doi:10.1007/s00422-012-0514-6")
    assert r.code == 0
    text = bib(kb_root)
    assert "month = aug," in text and "{aug}" not in text
    # the publisher @article takes no field for is left out, and said once, as the entry is written
    assert "publisher" not in text
    assert "left out of its @article entry (no field of biber's data model for it): publisher " \
           "'Springer Nature'" in r.err
    assert "left out" not in (o := run_kb("add", "doi:10.1007/s00422-012-0514-6")).out + o.err   # once
    if not shutil.which("biber"):
        pytest.skip("biber is not on PATH")
    (tmp_path / "refs.bib").write_text(text)
    r = subprocess.run(["biber", "--tool", "--validate-datamodel", "--output-file", str(tmp_path / "o.bib"),
                        str(tmp_path / "refs.bib")], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert "WARN" not in r.stdout and "ERROR" not in r.stdout, r.stdout


def test_ls_and_show_json_and_table(kb_root, arxiv):
    assert run_kb("add", "2311.16863").code == 0
    rows = run_kb("ls", "--json").json
    assert rows[0]["citekey"] == "luccioni2023power" and rows[0]["pages"] == 3
    table = run_kb("ls").out.splitlines()
    assert table[0].split() == ["citekey", "year", "authors", "pages", "quotes", "title"]
    assert table[1].startswith("luccioni2023power  2023  Luccioni et al.  3")
    r = run_kb("show", "nosuchkey")
    assert r.code == 2 and "no paper 'nosuchkey'" in r.err


def test_where(kb_root):
    r = run_kb("where", "--json")
    assert r.json["root"] == str(kb_root)
    assert r.json["database"] == str(kb_root / ".kb" / "kb.sqlite")
    plain = run_kb("where").out
    assert str(kb_root) in plain


def test_no_knowledge_base(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run_kb("ls")
    assert r.code == 2
    assert "no knowledge base here" in r.err and "kb init" in r.err


def test_init_is_idempotent_and_walks_up(tmp_path, monkeypatch):
    assert run_kb("init", tmp_path / "notes").code == 0
    r = run_kb("init", tmp_path / "notes")
    assert r.code == 0 and "already a knowledge base" in r.out
    (tmp_path / "notes" / "sub" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "notes" / "sub" / "deeper")
    assert run_kb("where", "--json").json["root"] == str(tmp_path / "notes")
    assert ".kb/" in (tmp_path / "notes" / ".gitignore").read_text()


def test_two_adds_in_parallel_lose_nothing(kb_root, arxiv):
    arxiv.add("2104.10350", {1: make_pdf(["Carbon"])}, "Carbon Emissions and Large Neural Network Training",
              ["David Patterson"], published="2021-04-21")
    results = {}

    def go(ident):
        results[ident] = run_kb_subprocess("add", ident)

    threads = [threading.Thread(target=go, args=(i,)) for i in ("2311.16863", "2104.10350")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.returncode == 0 for r in results.values()), {k: v.stderr for k, v in results.items()}
    keys = sorted(p["citekey"] for p in run_kb("ls", "--json").json)
    assert keys == ["luccioni2023power", "patterson2021carbon"]


def run_kb_subprocess(*args):
    import os
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "kb", *args], capture_output=True, text=True,
                          env=os.environ.copy(), timeout=60)


def test_real_corpus_pdfs_offline_page_counts(kb_root):
    expected = {"acl-2020.acl-main.207.pdf": 13, "acl-2020.acl-main.447.pdf": 15, "acl-N18-3011.pdf": 8,
                "arxiv-1708.05894v1.pdf": 12, "arxiv-2103.15348v2-first-2-pages.pdf": 2,
                "arxiv-2203.00130v1.pdf": 39, "arxiv-2206.10883v3.pdf": 37, "arxiv-2302.07302v1.pdf": 15,
                "arxiv-2304.02623v1.pdf": 4, "arxiv-2305.03393v1-page-9.pdf": 1,
                "pagerank-citation-ranking-1999.pdf": 17, "scibert-1903.10676-single-table-page.pdf": 1,
                "turing-1950-computing-machinery-and-intelligence.pdf": 21}
    folder = corpus_path("pdf")
    for name, pages in expected.items():
        r = run_kb("add", "--offline", folder / name)
        assert r.code == 0, (name, r.err)
        key = r.out.split()[1]
        info = run_kb("show", key, "--json").json
        assert info["versions"][-1]["page_count"] == pages, name
    assert len(run_kb("ls", "--json").json) == len(expected)


# -- an identifier with its PDF; --offline for every identifier ------------------------------

def _loeb(server) -> None:
    body = corpus_path("bibtex", "crossref-doi-10.1007_s00422-012-0514-6.bib").read_bytes()
    server.routes["/doi/10.1007/s00422-012-0514-6"] = Reply(200, body, {"Content-Type": "application/x-bibtex"})


def test_doi_with_its_pdf_is_one_paper(kb_root, server, tmp_path):
    _loeb(server)
    pdf = tmp_path / "loeb.pdf"
    pdf.write_bytes(make_pdf(["Optimal isn't good enough", "Biological cybernetics page two"],
                             title="Something Else Entirely"))
    r = run_kb("add", "doi:10.1007/s00422-012-0514-6", pdf, "--json")
    assert r.code == 0, r.err
    assert [(p["citekey"], p["pages"]) for p in r.json] == [("loeb2012optimal", 2)]
    assert "loeb.pdf attached as its PDF" in r.err and "metadata only" not in r.err
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["loeb2012optimal"]
    assert run_kb("open", "loeb2012optimal", "--print").out.strip().endswith(".pdf")


def test_ls_shows_an_organisation_braced_whole_as_one_name(kb_root):
    """`author = {{Common Crawl}}`: the index holds the name unbraced; kb ls showed 'Crawl'."""
    (kb_root / "references.bib").write_text(
        "@misc{cc2023, author = {{Common Crawl}}, title = {Common Crawl corpus}, year = {2023}}\n"
        "@misc{ab2021, author = {{Hugging Face} and Crawl, Common}, title = {A Pair}, year = {2021}}\n"
        "@misc{pc2020, author = {Common Crawl}, title = {A Person}, year = {2020}}\n")
    rows = {line.split()[0]: line for line in run_kb("ls").out.splitlines()[1:]}
    assert "  Common Crawl  " in rows["cc2023"] and "  Hugging Face & Crawl  " in rows["ab2021"]
    assert "  Crawl  " in rows["pc2020"] and "Common" not in rows["pc2020"].split("A Person")[0]
    assert {p["citekey"]: p["first_author"] for p in run_kb("ls", "--json").json} == \
        {"cc2023": "commoncrawl", "ab2021": "huggingface", "pc2020": "crawl"}


def test_doi_that_fails_files_no_pdf_either(kb_root, server, tmp_path):
    server.routes["*"] = Reply(404, b"<html>no</html>", {"Content-Type": "text/html"})
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(make_pdf(["A paper of its own title here", "text"], title="A Paper Of Its Own"))
    r = run_kb("add", "doi:10.9999/nothing.here", pdf)
    assert r.code == 2 and r.err.count("\n") == 1 and "does not resolve" in r.err
    assert bib(kb_root) == "" and run_kb("ls", "--json").json == []
    assert not list((kb_root / ".kb" / "cache" / "sources").glob("*.json"))


def test_identifier_with_a_file_that_is_not_a_pdf(kb_root, server, tmp_path):
    _loeb(server)
    notpdf = tmp_path / "notes.pdf"
    notpdf.write_text("hello")
    r = run_kb("add", "doi:10.1007/s00422-012-0514-6", notpdf)
    assert r.code == 2 and "is not a PDF; nothing added" in r.err
    assert bib(kb_root) == ""


def test_offline_arxiv_from_the_cache_or_a_clear_error(kb_root, arxiv):
    r = run_kb("add", "--offline", "arxiv:2311.16863")
    assert r.code == 2 and r.err.count("\n") == 1
    assert "2311.16863 is not in kb's cache, and --offline fetches nothing" in r.err
    assert bib(kb_root) == ""
    assert run_kb("add", "arxiv:2311.16863").code == 0
    assert run_kb("rm", "luccioni2023power").code == 0
    before = len(arxiv.server.requests)
    r = run_kb("add", "--offline", "arxiv:2311.16863")
    assert r.code == 0, r.err
    assert r.out.startswith("added     luccioni2023power v3, 3 pages")
    assert len(arxiv.server.requests) == before


ANON_PDF = make_pdf([[PHP_TITLE, "arXiv:2311.16863v3 [cs.LG] 28 Nov 2023"], "page two", "page three"])


def test_offline_an_unversioned_arxiv_id_is_the_latest_version_kb_holds(kb_root, arxiv, tmp_path):
    """`kb add --offline arxiv:ID` of a paper whose v3 kb holds (from its PDF, arXiv never asked) said it was not in
    kb's cache: arXiv's latest version is not known offline, the latest kb holds is, so that one is added (said).
    A version kb does not hold is still refused, naming the one it holds; nothing is asked of arXiv."""
    pdf = tmp_path / "php.pdf"
    pdf.write_bytes(ANON_PDF)
    assert run_kb("add", "--offline", pdf).code == 0
    bib_before, requests = bib(kb_root), len(arxiv.server.requests)
    r = run_kb("add", "--offline", "arxiv:2311.16863")
    assert r.code == 0 and r.out.startswith("unchanged anon2023power v3"), r.out + r.err
    assert "--offline: v3 is the latest version of arXiv 2311.16863 kb holds; arXiv may have a later one" in r.err
    r = run_kb("add", "--offline", "arxiv:2311.16863v2")
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert "arxiv:2311.16863v2 is not in kb's cache, and --offline fetches nothing (kb holds v3 of it: " \
           "kb add --offline arxiv:2311.16863v3)" in r.err
    r = run_kb("add", "--offline", "arxiv:2311.16864")
    assert r.code == 2 and "kb holds" not in r.err and "not in kb's cache" in r.err, r.err
    assert bib(kb_root) == bib_before and len(arxiv.server.requests) == requests


def test_anon_key_is_renamed_once_when_the_metadata_arrives(kb_root, arxiv, tmp_path):
    pdf = tmp_path / "php.pdf"
    pdf.write_bytes(ANON_PDF)
    r = run_kb("add", "--offline", pdf)
    assert r.code == 0 and r.out.split()[1] == "anon2023power", r.out
    r = run_kb("add", pdf)
    assert r.code == 0, r.err
    assert r.out.split()[1] == "luccioni2023power"
    assert "renamed anon2023power -> luccioni2023power now that its metadata is known" in r.err
    assert "@misc{luccioni2023power," in bib(kb_root) and "ids = {anon2023power}" in bib(kb_root)
    assert run_kb("show", "anon2023power", "--json").json["citekey"] == "luccioni2023power"
    # once: the key is its own now
    r = run_kb("add", "arxiv:2311.16863")
    assert r.code == 0 and r.out.split()[1] == "luccioni2023power" and "renamed" not in r.err


def test_anon_key_that_is_cited_is_kept_and_a_rename_suggested(kb_root, arxiv, tmp_path):
    pdf = tmp_path / "php.pdf"
    pdf.write_bytes(ANON_PDF)
    assert run_kb("add", "--offline", pdf).code == 0
    assert run_kb("claim", "add", "anon2023power", "0.5 kWh", "--id", "x").code == 0
    r = run_kb("add", "arxiv:2311.16863")
    assert r.code == 0 and r.out.split()[1] == "anon2023power"
    assert "`kb rename anon2023power luccioni2023power` renames it" in r.err
    assert "@misc{anon2023power," in bib(kb_root)


def test_arxiv_with_a_pdf_is_one_paper(kb_root, arxiv, tmp_path):
    pdf = tmp_path / "mine.pdf"
    pdf.write_bytes(make_pdf(["My own copy of Power Hungry Processing", "with notes in the margin"]))
    r = run_kb("add", "arxiv:2311.16863", pdf, "--json")
    assert r.code == 0, r.err
    assert [p["citekey"] for p in r.json] == ["luccioni2023power"] and "mine.pdf attached as its PDF" in r.err
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["luccioni2023power"]
    import hashlib
    shas = {v["sha256"] for v in run_kb("show", "luccioni2023power", "--json").json["versions"]}
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() in shas


# -- many PDFs at once: extracted on every core, written in order ----------------------------

BULK_REAL = ["turing-1950-computing-machinery-and-intelligence.pdf", "acl-N18-3011.pdf",
             "arxiv-2305.03393v1-page-9.pdf", "scibert-1903.10676-single-table-page.pdf",
             "pagerank-citation-ranking-1999.pdf"]


def _bulk_files(tmp_path: Path) -> list[Path]:
    """Real PDFs, generated ones, a corrupt PDF and an HTML page named .pdf, mixed."""
    folder = tmp_path / "pdfs"
    folder.mkdir()
    files = [corpus_path("pdf", name) for name in BULK_REAL]
    for n in range(4):
        path = folder / f"generated{n}.pdf"
        path.write_bytes(make_pdf([f"Measured Energy of Model Family {n} in Use", f"page two of paper {n}",
                                   f"For inference, model {n} used {n}.5 kWh per 1000 queries."],
                                  title=f"Measured Energy of Model Family {n} in Use",
                                  author=f"Ada Lovelace{n}, Alan Turing"))
        files.insert(2 * n, path)
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\n")
    (folder / "page.pdf").write_bytes(b"<!doctype html><html>a login page</html>")
    files.insert(3, folder / "corrupt.pdf")
    files.insert(6, folder / "page.pdf")
    return files


def test_bulk_add_with_two_jobs_writes_exactly_what_one_job_writes(tmp_path, monkeypatch):
    from kbcompare import differences

    from kb.store.knowledgebase import init

    files = _bulk_files(tmp_path)
    runs = {}
    for jobs in (1, 2):
        root, _ = init(tmp_path / f"kb{jobs}")
        monkeypatch.setenv("KB_HOME", str(root))
        runs[jobs] = (root, run_kb("add", "--offline", "--jobs", jobs, *files))
    (one_root, one), (two_root, two) = runs[1], runs[2]
    assert (two.code, two.out, two.err) == (one.code, one.out, one.err)
    assert differences(one_root, two_root) == []
    # The HTML page and the corrupt PDF (no readable PDF: kb would know it by its name only)
    # each fail alone (exit 2, one line).
    assert two.code == 2
    assert two.err.count("page.pdf is an HTML page") == 1 and "Traceback" not in two.err
    assert "corrupt.pdf is corrupt" in two.err and "not a readable PDF" in two.err
    lines = two.out.splitlines()
    assert len(lines) == len(files) - 2 and all(line.startswith("added") for line in lines)
    assert "21 pages" in lines[1] and "Computing Machinery" in lines[1]       # Turing, in its place
    papers = run_kb("ls", "--json").json
    assert len(papers) == len(files) - 2 and all(p["pages"] for p in papers)


def test_bulk_add_again_changes_nothing(kb_root, tmp_path):
    files = [f for f in _bulk_files(tmp_path) if f.name not in ("page.pdf", "corrupt.pdf")]
    assert run_kb("add", "--offline", "--jobs", "2", *files).code == 0
    before = bib(kb_root)
    again = run_kb("add", "--offline", "--jobs", "2", *files)
    assert again.code == 0 and bib(kb_root) == before
    assert {line.split()[0] for line in again.out.splitlines()} == {"unchanged"}


def test_bulk_add_progress_says_papers_per_second_and_eta(kb_root, tmp_path, monkeypatch):
    import itertools

    import kb.cli.progress as progress

    clock = itertools.count(1000.0, 0.5)           # every reading half a second after the last
    monkeypatch.setattr(progress.time, "monotonic", lambda: next(clock))
    monkeypatch.setenv("KB_PROGRESS", "1")
    files = []
    for n in range(4):
        files.append(tmp_path / f"p{n}.pdf")
        files[-1].write_bytes(make_pdf([f"A Study of Energy Number {n} Here", "text"], title=f"Energy Study {n} Of Models"))
    r = run_kb("add", "--offline", "--jobs", "1", *files)
    assert r.code == 0, r.err
    assert "adding 4 papers: 1/4 papers, " in r.err and " papers/s, ETA " in r.err
    assert "adding 4 papers: 4/4 papers, " in r.err
    # The bar is erased before each paper's line (stderr), so the printed lines stand alone.
    assert r.out.count("added") == 4


@pytest.mark.parametrize("jobs", ["0", "-2"])
def test_jobs_below_one_is_refused(kb_root, tmp_path, jobs):
    for name in ("a.pdf", "b.pdf"):
        (tmp_path / name).write_bytes(make_pdf([f"The paper {name} here", "text"]))
    r = run_kb("add", "--offline", "--jobs", jobs, tmp_path / "a.pdf", tmp_path / "b.pdf")
    assert r.code == 2 and r.err.startswith("kb: error: --jobs") and r.err.count("\n") == 1
    assert bib(kb_root) == ""


SAVED_WITH = {"http-header": b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n", "bom": b"\xef\xbb\xbf"}


@pytest.mark.parametrize("prefix", sorted(SAVED_WITH))
def test_a_pdf_saved_with_bytes_before_its_header_is_added_as_given(kb_root, server, tmp_path, prefix):
    """As PDF readers read it (its header in its first 1024 bytes), by both extractors, every
    way a PDF comes in: kb add FILE (one, and many), kb add doi:X FILE, kb import's file field;
    the cached source is the file as given."""
    import hashlib

    saved = []
    for n in range(3):
        path = tmp_path / f"saved{n}.pdf"
        path.write_bytes(SAVED_WITH[prefix] + make_pdf(
            [f"Measured Energy of Model Family {n} in Use", f"Model {n} used {n}.5 kWh per query."],
            title=f"Measured Energy of Model Family {n} in Use"))
        saved.append(path)
    r = run_kb("add", "--offline", "--extractor", "both", saved[0])
    assert r.code == 0, r.err
    key = r.out.split()[1]
    cached = kb_root / ".kb" / "cache" / "sources" / (hashlib.sha256(saved[0].read_bytes()).hexdigest() + ".pdf")
    assert cached.read_bytes() == saved[0].read_bytes()
    assert run_kb("quote", "add", key, "Model 0 used 0.5 kWh per query").code == 0
    assert "pypdf" in run_kb("text", "show", key, "--page", "2", "--second").out
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(make_pdf(["A Plain Paper Saved As It Was Written", "text"]))
    r = run_kb("add", "--offline", "--jobs", "1", saved[1], plain)
    assert r.code == 0 and r.out.count("added") == 2, r.out + r.err
    bib = tmp_path / "library.bib"
    bib.write_text("@article{zed2020measured, title = {Measured Energy of Model Family 2 in Use}, author = {Zed, Zoe},"
                   f" year = {{2020}}, file = {{Full Text PDF:{saved[2]}:application/pdf}}}}\n")
    r = run_kb("import", bib)
    assert r.code == 0 and "saved2" not in r.err, r.err
    assert run_kb("show", "zed2020measured", "--json").json["versions"][0]["text_status"] == "ok"
    _loeb(server)
    loeb = tmp_path / "loeb.pdf"
    loeb.write_bytes(SAVED_WITH[prefix] + make_pdf(["Optimal isn't good enough", "page two"]))
    r = run_kb("add", "doi:10.1007/s00422-012-0514-6", loeb)
    assert r.code == 0 and "loeb.pdf attached as its PDF" in r.err, r.err
    assert run_kb("rebuild").code == 0
    r = run_kb("doctor")
    assert r.code == 0 and "nothing to repair" in r.out, r.out + r.err


def test_a_pdf_header_past_the_first_1024_bytes_is_not_a_pdf(kb_root, tmp_path):
    path = tmp_path / "late.pdf"
    path.write_bytes(b"\n" * 1024 + make_pdf(["A paper of its own title here", "text"]))
    r = run_kb("add", "--offline", path)
    assert r.code == 2 and r.err.count("\n") == 1 and "no %PDF- header in its first 1024 bytes" in r.err, r.err
    assert bib(kb_root) == ""


def test_doi_with_its_pdf_on_stdin_is_one_paper(kb_root, server, monkeypatch):
    import io
    import sys

    _loeb(server)
    data = make_pdf(["Optimal isn't good enough", "Biological cybernetics page two"])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    r = run_kb("add", "doi:10.1007/s00422-012-0514-6", "-", "--json")
    assert r.code == 0, r.err
    assert [(p["citekey"], p["pages"]) for p in r.json] == [("loeb2012optimal", 2)]
    assert "attached as its PDF" in r.err


def test_a_full_disk_while_the_pdf_is_cached_is_one_line_and_nothing_is_filed(kb_root, tmp_path, monkeypatch):
    """The PDF's bytes go to the source cache while its text is extracted (in a thread):
    a write that fails there is the command's one line, and nothing is filed."""
    import errno

    import kb.atomic

    path = tmp_path / "paper.pdf"
    path.write_bytes(make_pdf(["A Paper About Measured Power and the energy of things",
                               "the second page holds enough text to be a text layer"], title="A Paper About Power"))

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    with monkeypatch.context() as m:
        m.setattr(kb.atomic.os, "fsync", full)
        r = run_kb("add", "--offline", path)
    assert r.code == 2 and r.err.startswith("kb: error: cannot write") and "no space left" in r.err, r.err
    assert r.err.count("\n") == 1
    assert bib(kb_root) == ""
    assert not [p for p in (kb_root / ".kb").rglob("*") if p.is_file() and p.suffix in (".pdf", ".tmp")]
    r = run_kb("add", "--offline", path)          # with room again, the same add files it
    assert r.code == 0 and r.out.startswith("added"), r.err
    assert len(list((kb_root / ".kb").rglob("*.pdf"))) == 1


def test_a_key_made_of_nothing_is_said_with_the_key_its_metadata_gives(kb_root, monkeypatch):
    """A PDF added offline whose text kb could not read (over a limit) is keyed of nothing ('anonnd...');
    added again once readable, its authors and year arrive and the key stays, as every key does, but
    the command that gives it their key is said; an entry that had an author is never told so."""
    pdf = corpus_path("pdf", "arxiv-2302.07302v1.pdf")
    monkeypatch.setenv("KB_MAX_PAGES", "2")
    first = run_kb("add", "--offline", pdf)
    assert first.code == 0 and "kept with metadata only" in first.err
    key = first.out.split()[1]
    assert key.startswith("anonnd"), first.out
    monkeypatch.delenv("KB_MAX_PAGES")
    again = run_kb("add", "--offline", pdf)
    assert again.code == 0, again.err
    assert f"`kb rename {key} chang2023citesee`" in again.err, again.err
    assert f"@misc{{{key}," in (kb_root / "references.bib").read_text()        # the key itself unchanged
    assert run_kb("rename", key, "chang2023citesee").code == 0
    third = run_kb("add", "--offline", pdf)
    assert third.code == 0 and "kb rename" not in third.err, third.err
