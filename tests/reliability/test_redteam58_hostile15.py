"""Red-team sweep 58, hand edits and hostile input: kb doctor says a cached source kb rm left
behind is that removed paper's, never debris of a kb add that did not finish; a field of doi.org's
BibTeX answer resting on a @string it never defines is nothing, never the macro's name."""

from __future__ import annotations

import json
import os
import time

import pytest
from httpserver import Reply
from kbproc import paper_pages
from kbrun import run_kb
from pdfgen import make_pdf


def _add(kb_root, tmp_path, n: int) -> str:
    pdf = tmp_path / f"paper {n}.pdf"
    pdf.write_bytes(make_pdf(paper_pages(n, pages=1)))
    r = run_kb("add", "--offline", str(pdf), "--json")
    assert r.code == 0, r.err
    return r.json[0]["citekey"] if isinstance(r.json, list) else r.json["citekey"]


def _age(kb_root, seconds: float) -> None:
    """Every cached file made `seconds` older, as a prune days after kb rm finds them."""
    then = time.time() - seconds
    for p in (kb_root / ".kb" / "cache" / "sources").iterdir():
        os.utime(p, (then, then))


def test_a_source_kb_rm_left_is_said_to_be_the_removed_papers_and_pruned(kb_root, tmp_path):
    """After `kb rm KEY` (its source 'kept until kb doctor --prune'), kb doctor said '1 cached
    source belongs to no paper (a kb add that did not finish)': a cause that never happened."""
    gone, kept = _add(kb_root, tmp_path, 71), _add(kb_root, tmp_path, 72)
    r = run_kb("rm", gone)
    assert r.code == 0 and "kept until `kb doctor --prune`" in r.out, r.err
    r = run_kb("doctor")
    assert r.code == 0 and "Traceback" not in r.err, r.err
    said = [line for line in r.out.splitlines() if "cached source" in line]
    assert said == [f"info: 1 cached source of {gone}, which kb rm removed, is kept in the cache; "
                    "kb doctor --prune removes it"], r.out
    assert "did not finish" not in r.out
    _age(kb_root, 3600)
    r = run_kb("doctor", "--prune")
    assert r.code == 0 and "removed 1 cached source" in r.out, r.out + r.err
    # the paper still in references.bib keeps its PDF and text
    manifests = [json.loads(p.read_text()) for p in (kb_root / ".kb" / "cache" / "sources").glob("*.json")]
    assert [m["citekeys"] for m in manifests] == [[kept]]
    assert run_kb("text", "show", kept, "--page", "1").code == 0


def test_a_source_of_no_paper_kb_rm_never_named_is_still_an_add_that_did_not_finish(kb_root, tmp_path):
    """The other cause stays said alike when a removed paper's source is beside it."""
    from kb.store.cache import SourceCache

    gone = _add(kb_root, tmp_path, 73)
    assert run_kb("rm", gone).code == 0
    cache = SourceCache(kb_root / ".kb" / "cache" / "sources", kb_root / ".kb" / "tmp")
    cache.store(make_pdf(paper_pages(74, pages=1)), "pdf")     # bytes cached, never filed (a killed add)
    r = run_kb("doctor")
    said = [line for line in r.out.splitlines() if "cached source" in line]
    assert said == [f"info: 2 cached sources belong to no paper (a kb add that did not finish, or {gone}, which "
                    "kb rm removed); kb doctor --prune removes them"], r.out


# -- doi.org's BibTeX answer naming a @string it never defines -------------------------------------------------------

def _work_json(title: str) -> bytes:
    return json.dumps({"message": {"DOI": "10.5555/asked.2", "title": [title], "type": "journal-article",
                                   "author": [{"family": "Doe", "given": "Jane"}],
                                   "issued": {"date-parts": [[2020]]}}}).encode()


@pytest.mark.parametrize("title_field", [
    "title = a",                                            # a = b, b = a: a loop
    "title = nosuchmacro",                                  # never defined
    "title = a # { Power}",                                 # the loop, joined to text
])
def test_a_doi_answers_title_resting_on_an_undefined_string_is_never_filed_as_its_name(kb_root, server, title_field):
    """doi.org's '@string{a = b} @string{b = a} @article{x, title = a, ...}' was filed as a paper titled 'b'
    (BibTeX prints nothing for it): the title is Crossref's, as for an answer of no title."""
    bib = ("@string{a = b}\n@string{b = a}\n"
           f"@article{{x,\n  {title_field},\n  author = {{Doe, Jane}},\n  year = {{2020}},\n  month = jan,\n"
           "  doi = {10.5555/asked.2},\n}\n").encode()
    server.routes["/doi/10.5555/asked.2"] = Reply(200, bib, {"Content-Type": "application/x-bibtex"})
    server.routes["/crossref/works/10.5555/asked.2"] = Reply(200, _work_json("Wind Power"),
                                                             {"Content-Type": "application/json"})
    r = run_kb("add", "doi:10.5555/asked.2")
    assert r.code == 0 and "Traceback" not in r.err, r.err
    [paper] = run_kb("ls", "--json").json
    assert paper["title"] == "Wind Power", paper


def test_a_doi_answer_of_defined_strings_and_month_macros_is_read_as_it_was(kb_root, server):
    """The same answer with its @string defined keeps doi.org's title and its macro's journal."""
    bib = ("@string{jeps = {Journal of Energy}}\n@article{x,\n  title = {Solar Power},\n  journal = jeps,\n"
           "  author = {Doe, Jane},\n  year = {2020},\n  month = jan,\n  doi = {10.5555/asked.2},\n}\n").encode()
    server.routes["/doi/10.5555/asked.2"] = Reply(200, bib, {"Content-Type": "application/x-bibtex"})
    r = run_kb("add", "doi:10.5555/asked.2")
    assert r.code == 0, r.err
    [paper] = run_kb("ls", "--json").json
    assert paper["title"] == "Solar Power"
    assert "journal = {Journal of Energy}" in (kb_root / "references.bib").read_text()
