"""Round fifteen: a PDF of part of a paper whose whole text kb holds (an excerpt, a chapter, the first
page), matched by its arXiv id or by its title; each refused in one line with the held text kept, or
taken when asked, nothing lost.
"""

from __future__ import annotations

import pytest
from kbrun import run_kb
from pdfgen import make_pdf

TITLE = ["Measuring Water Use of Data Centres", "Jane Roe"]
PAGES = [TITLE + ["We introduce a survey of cooling towers across many regions."],
         ["Evaporation dominates consumption in summer months everywhere, while winter brings rain."],
         ["We measured twelve litres of water for each training run overall."]]


@pytest.mark.parametrize("stamp, kept", [("", 2), ("arXiv:2311.16863v1 [cs.LG] 28 Nov 2023", 1)])
def test_a_pdf_of_a_few_pages_of_a_paper_kb_holds_whole_keeps_the_held_text(kb_root, stamp, kept):
    """The first pages of a paper kb held whole, matched by its title or its arXiv stamp, became its
    text: the quote verified on page 3 lost its text. Refused, saying how to force it; the whole
    paper replacing an excerpt is still taken."""
    pages = [[stamp] + p if stamp and n == 0 else p for n, p in enumerate(PAGES)]
    whole, first = kb_root.parent / "whole.pdf", kb_root.parent / "first.pdf"
    whole.write_bytes(make_pdf(pages))
    first.write_bytes(make_pdf(pages[:kept]))
    key = run_kb("add", "--offline", whole).out.split()[1]
    assert run_kb("quote", "add", key, "twelve litres of water").code == 0
    r = run_kb("add", "--offline", first)
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert f"first.pdf ({kept} page{'s' if kept != 1 else ''}) would replace the 3-page text kb holds of {key}" in r.err, r.err
    assert "kb add --replace-text first.pdf" in r.err
    if stamp:       # the same PDF on standard input: the hint names it as it was given, `-`
        import os
        import subprocess
        import sys
        p = subprocess.run([sys.executable, "-m", "kb", "add", "--offline", "-"], input=first.read_bytes(),
                           capture_output=True, env=dict(os.environ, KB_HOME=str(kb_root)))
        assert p.returncode == 2 and b"kb add --replace-text - makes it" in p.stderr, p.stderr
    assert run_kb("verify").code == 0
    doctor = run_kb("doctor")
    assert not any(w in doctor.out + doctor.err for w in ("belong to no paper", "belongs to no paper"))
    assert run_kb("add", "--offline", "--replace-text", first).out.split()[:2] == ["updated", key]
    assert run_kb("add", "--offline", whole).out.split()[:2] == ["updated", key]
    assert run_kb("verify").code == 0


def test_a_pdf_given_with_its_papers_id_or_named_by_an_import_keeps_the_held_text_too(kb_root):
    """`kb import` of an entry whose file field names the first page attached it as the text of
    the paper kb held whole: a warning now, the text kept, the cache left with nothing of it."""
    whole, first = kb_root.parent / "whole.pdf", kb_root.parent / "first.pdf"
    whole.write_bytes(make_pdf(PAGES))
    first.write_bytes(make_pdf(PAGES[:1]))
    key = run_kb("add", "--offline", whole).out.split()[1]
    bib = kb_root.parent / "mine.bib"
    bib.write_text(f"@article{{{key},\n  title = {{{TITLE[0]}}},\n  author = {{Roe, Jane}},\n  file = {{{first}}},\n}}\n")
    r = run_kb("import", bib)
    assert r.code == 0 and f"{key}: file {str(first)!r} not attached: first.pdf (1 page) would replace" in r.err
    assert run_kb("show", key, "--json").json["versions"][0]["page_count"] == 3
    doctor = run_kb("doctor")
    assert not any(w in doctor.out + doctor.err for w in ("belong to no paper", "belongs to no paper"))


# -- a claim's value written as a TOML number -----------------------------------------------------------------------

@pytest.mark.parametrize("written", ["nan", "-inf", "1e308", "12", "1.50", "0x1F"])
def test_a_claims_value_written_as_a_toml_number_is_the_files_error_naming_its_line(written):
    """`value = nan` stood as the claim "nan", 1.50 as 1.5, 1e308 as 1e+308 (TOML keeps no number's
    text), while `value = [1, 2]` was refused: a value is what its quote prints, a string."""
    from kb.errors import FileFormatError
    from kb.store.claimsfile import parse

    text = f'[[claim]]\nid = "c1"\nvalue = {written}\nquote = "We used 12 kWh."\n'
    with pytest.raises(FileFormatError) as caught:
        parse(text, "claims/p.toml", "p")
    assert caught.value.line == 1 and "`value` is the TOML number" in caught.value.message
    assert len(parse(text.replace(f"value = {written}", 'value = "12 kWh"'), "claims/p.toml", "p").claims) == 1


# -- a claim naming its quote by quote_id alone ---------------------------------------------------------------------

QUOTED = ('[[quote]]\nid = "q1"\ntext = "We used 12 kWh per run."\nstatus = "verified"\npage = 3\nversion = "v2"\n\n'
          '[[claim]]\nid = "c1"\nvalue = "12 kWh"\nquote_id = "{qid}"\n{more}')


@pytest.mark.parametrize("more, page, version", [("", 3, "v2"), ("page = 4\n", 4, "v2"), ('version = "v1"\n', 3, "v1")])
def test_a_claim_naming_its_quote_by_quote_id_alone_reads_that_quotes_text_and_page(more, page, version):
    """kb verify called such a claim 'marked verified but has no quote', kb claims listed it with none."""
    from kb.store.claimsfile import parse

    claim = parse(QUOTED.format(qid="q1", more=more), "claims/p.toml", "p").claims[0]
    assert (claim.quote, claim.page, claim.version) == ("We used 12 kWh per run.", page, version)


@pytest.mark.parametrize("qid, more", [("q2", ""), ("q1", 'paper = "other"\n')])
def test_a_claim_whose_quote_id_names_no_quote_of_its_paper_here_and_no_quote_is_the_files_error(qid, more):
    from kb.errors import FileFormatError
    from kb.store.claimsfile import parse

    with pytest.raises(FileFormatError) as caught:
        parse(QUOTED.format(qid=qid, more=more), "claims/p.toml", "p")
    assert caught.value.line == 8 and f"quote_id {qid!r} names no quote of" in caught.value.message


# -- messages ---------------------------------------------------------------------------------------------------------

def test_an_input_over_a_limit_under_a_megabyte_says_its_unit(tmp_path, monkeypatch):
    """KB_MAX_INPUT_MB=0.000001 said 'over the limit of 1' (and 'over 0 MB' on standard input)."""
    import io

    from kb.atomic import read_input
    from kb.errors import LimitExceeded

    monkeypatch.setenv("KB_MAX_INPUT_MB", "0.000001")
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(LimitExceeded, match=r"is 8 bytes, over the limit of 1 byte(?!s)"):
        read_input(path, "the PDF")

    class Stdin:
        def read_bytes(self):
            return io.BytesIO(b"%PDF-1.4").read()

    with pytest.raises(LimitExceeded, match=r"on stdin is over the limit of 1 byte(?!s)"):
        read_input(Stdin(), "the PDF")


@pytest.mark.parametrize("body, said", [
    (b"<html><body>Handle redirect</body></html>", "doi.org sent an HTML page, not BibTeX"),
    (b"", "doi.org sent an empty answer"),
    (b"@article{x,\x00\x00", "doi.org sent bytes that are no text (NUL bytes)"),
    (b"@article{x, title = {Open", "doi.org sent BibTeX kb cannot read (unbalanced braces"),
    (b"@article{x, title = { }}", "doi.org sent BibTeX with no title"),
])
def test_a_doi_that_resolves_to_no_bibtex_crossref_does_not_know_says_what_came_back(tmp_path, server, body, said):
    """Each was 'unknown to Crossref and does not resolve', of a DOI doi.org had answered."""
    from httpserver import Reply

    from kb.errors import NotFound
    from kb.sources import doi
    from kb.sources.net import Client, Settings

    server.routes["/doi/10.5555/odd"] = Reply(200, body, {"Content-Type": "application/x-bibtex"})
    client = Client(tmp_path / "http", tmp_path / "tmp", Settings.from_env())
    with pytest.raises(NotFound) as caught:
        doi.fetch(client, "10.5555/odd")
    assert caught.value.message.startswith(f"the DOI 10.5555/odd is unknown to Crossref, and {said}")


def test_an_imported_key_taken_in_another_case_names_the_paper_holding_it(kb_root):
    """'smith2020' of an import, taken by 'Smith2020', said 'taken by another paper' naming none."""
    first, second = kb_root.parent / "a.bib", kb_root.parent / "b.bib"
    first.write_text("@article{Smith2020,\n  title = {One Paper},\n  author = {Smith, J},\n  year = {2020},\n}\n")
    second.write_text("@article{smith2020,\n  title = {Another Paper},\n  author = {Smith, K},\n  year = {2020},\n}\n")
    assert run_kb("import", first).code == 0
    r = run_kb("import", second)
    assert r.code == 0 and "key 'smith2020' is taken by another paper (Smith2020); filed as smith2020another" in r.err


def test_an_import_renaming_a_guessed_paper_attaches_its_file_under_the_new_key(kb_root):
    """The entry replacing kb's guess renamed the paper, then its file field's PDF was attached under
    the old key: 'the index is damaged: FOREIGN KEY constraint failed', the import's end lost."""
    whole = kb_root.parent / "whole.pdf"
    whole.write_bytes(make_pdf(PAGES))
    key = run_kb("add", "--offline", whole).out.split()[1]
    bib = kb_root.parent / "mine.bib"
    bib.write_text(f"@article{{roe2023water,\n  title = {{{TITLE[0]}}},\n  author = {{Roe, Jane}},\n"
                   f"  year = {{2023}},\n  file = {{{whole}}},\n}}\n")
    r = run_kb("import", bib)
    assert r.code == 0 and f"{key} renamed roe2023water" in r.err, r.err
    assert run_kb("show", "roe2023water", "--json").json["versions"][0]["page_count"] == 3
