"""Red-team round 48: hostile input of kinds the earlier rounds did not hold.

A line of thousands of quote marks in a note is read once per line, not once per quote on
it (a line of a million '"' took minutes); BibTeX text that continues an entry's fields
after its closing brace is refused, never dropped.
"""

from __future__ import annotations

from collections import Counter

import pytest

from kb.text import notes


@pytest.mark.parametrize("lead", ["", "1. ", "| ", "[^1]: "])
def test_a_line_of_many_quotes_is_read_once_per_line(monkeypatch, lead: str) -> None:
    reads: Counter = Counter()
    for name in ("_line_text", "_cell_cite", "_passage_line"):
        real = getattr(notes, name)

        def counted(*args, real=real, name=name):
            reads[name] += 1
            return real(*args)
        monkeypatch.setattr(notes, name, counted)
    text = "x\n\n" + lead + '"' * 800 + "\n"
    notes.parse_note(text)
    assert max(reads.values(), default=0) <= 20, reads


# -- BibTeX: fields after an entry's end -----------------------------------------------------

@pytest.mark.parametrize("text, line", [
    ("@article{k1, title={One}}, year={2020}, author={A, B}}\n", 1),         # a '}' too many
    ("@article{a}b, title={One}, year={2020}}\n", 1),                        # a brace in the key
    ("@article{k1, title={One}, author={A, B}}\r\nyear = 2021, note={x}}\r\n", 2),
    ("@misc(k1, title={One}), year={2020})\n", 1),
])
def test_fields_after_an_entrys_end_are_refused_not_dropped(text: str, line: int) -> None:
    from kb.errors import FileFormatError
    from kb.sources.bibtex import BibFile
    with pytest.raises(FileFormatError) as err:
        BibFile(text, "x.bib")
    assert f"fields follow it on line {line}" in str(err.value)


def test_text_between_entries_is_still_no_entrys() -> None:
    from kb.sources.bibtex import BibFile
    bib = BibFile("@article{k1, title={One}}\nSee: notes = later\n% year = {2020}\n@misc{k2, title={Two}}\n"
                  "} stray text\n", "x.bib")
    assert [e.key for e in bib.entries()] == ["k1", "k2"]


# -- page text from elsewhere: the limits a PDF is held to, and JSON said for a person ----------

def test_page_text_over_the_page_limit_is_refused_and_nothing_loaded(kb_root, monkeypatch) -> None:
    import json

    from kbrun import run_kb
    (kb_root / "references.bib").write_text("@misc{doe2020, title={A Paper}, author={Doe, Jane}, year={2020}}\n")
    (kb_root / "pages.json").write_text(json.dumps({"pages": ["a page"] * 6}))
    monkeypatch.setenv("KB_MAX_PAGES", "5")
    r = run_kb("text", "load", "doe2020", kb_root / "pages.json")
    assert r.code == 2 and "6 pages, over the limit of 5: nothing loaded" in r.err and r.err.count("\n") == 1, r.err
    assert "Traceback" not in r.err and not list((kb_root / ".kb" / "cache" / "sources").glob("*"))
    monkeypatch.setenv("KB_MAX_PAGES", "6")
    assert run_kb("text", "load", "doe2020", kb_root / "pages.json").code == 0


@pytest.mark.parametrize("data", [b'{"pages": [' + b"9" * 5_000 + b"]}", b"[1, -" + b"7" * 4_400 + b"]"])
def test_json_holding_a_number_of_thousands_of_digits_is_said_so(data: bytes) -> None:
    from kb.atomic import read_json
    from kb.errors import FileFormatError
    from kb.sources.textfile import parse_text_source
    with pytest.raises(FileFormatError) as err:
        parse_text_source(data, "p.json")
    with pytest.raises(ValueError) as plain:
        read_json(data.decode())
    for said in (str(err.value), str(plain.value)):
        assert "a number too long to read (over 4,300 digits)" in said and "sys." not in said, said


# -- arguments: an identifier's digits typed in another script -----------------------------------

@pytest.mark.parametrize("typed, meant", [
    ("arxiv:٢٣١١.١٦٨٦٣", "arxiv:2311.16863"),            # Arabic-Indic digits
    ("2311.１６８６３v２", "arxiv:2311.16863v2"),           # full-width digits, an IME's
    ("https://arxiv.org/abs/２３１１.１６８６３", "arxiv:2311.16863"),
    ("doi:10.１２３４/ABC", "doi:10.1234/abc"),
    ("10.١٢٣٤/x١", "doi:10.1234/x١"),                     # (a suffix is the registrant's: kept)
])
def test_an_identifiers_digits_of_another_script_are_its_ascii_digits(typed: str, meant: str) -> None:
    from kb.text.ids import parse_identifier
    assert str(parse_identifier(typed, must_exist=False)) == meant


# -- truth files saved empty ---------------------------------------------------------------------

@pytest.mark.parametrize("left", ["", "\n\n  \n"])
def test_references_bib_saved_empty_says_what_it_took_out(kb_root, left: str) -> None:
    from kbrun import run_kb
    bib = kb_root / "references.bib"
    bib.write_text("@misc{doe2020, title={A Paper}, author={Doe, Jane}, year={2020}}\n"
                   "@misc{roe2021, title={Another}, author={Roe, Ann}, year={2021}}\n")
    assert "doe2020" in run_kb("ls").out
    bib.write_text(left)
    r = run_kb("ls")
    assert r.code == 0 and "references.bib is empty now: its 2 papers are no longer in the knowledge base" in r.err, r
    assert "empty now" not in run_kb("ls").err          # said once


def test_a_pdf_given_as_a_broken_link_says_so(tmp_path) -> None:
    from kb.errors import UsageError
    from kb.text.ids import parse_identifier
    (tmp_path / "a.pdf").symlink_to(tmp_path / "b.pdf")
    (tmp_path / "b.pdf").symlink_to(tmp_path / "a.pdf")
    (tmp_path / "gone.pdf").symlink_to(tmp_path / "missing" / "x.pdf")
    for name, said in (("a.pdf", "a symbolic link in a loop"), ("gone.pdf", "a symbolic link to a missing file"),
                       ("never.pdf", "no such file")):
        with pytest.raises(UsageError) as err:
            parse_identifier(str(tmp_path / name))
        assert said in str(err.value), str(err.value)


# -- a PDF's metadata: plain text, read back as the viewer shows it --------------------------------

@pytest.mark.parametrize("title", ["The $100 problem", "Costs $5 to $10", "a ~ b", "x_1 and y^2", "A {brace} x}",
                                   "Energy % of Training # $ & _ ^ ~", "\ufeffEnergy of Training"])
def test_a_pdfs_metadata_is_written_as_the_text_it_is(title: str) -> None:
    from kb.sources.bibtex import BibFile, bib_value
    from kb.sources.metadata import PaperMeta
    from kb.text.latex import latex_to_text
    fields = PaperMeta(title=title, authors=["Lovelace, \ufeffAda"], origin="pdf").bib_fields()
    entry = BibFile("@misc{k, " + ", ".join(f"{k} = {bib_value(k, v)}" for k, v in fields.items()) + "}\n",
                    "x.bib").entry("k")
    assert latex_to_text(entry.fields["title"]) == title.replace("\ufeff", "")
    assert entry.fields["author"] == "Lovelace, Ada"


def test_kb_add_says_the_title_it_filed(kb_root, tmp_path) -> None:
    from kbrun import run_kb
    from pdfgen import make_pdf
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(make_pdf(["Training used 1,287 MWh of electricity."], title="The $100 problem ~ a", author="Ada Lovelace"))
    r = run_kb("add", "--offline", pdf)
    assert r.code == 0 and "The $100 problem ~ a" in r.out, r.out
    assert "The $100 problem ~ a" in run_kb("ls").out


@pytest.mark.parametrize("after, said", [("86400", "1 day,"), ("100000", "1 day,")])
def test_a_retry_after_of_days_is_said_in_days(server, tmp_path, after: str, said: str) -> None:
    from httpserver import Reply

    from kb.errors import NetworkError
    from kb.sources.net import Client, Settings
    server.routes["/x"] = Reply(429, b"slow down", {"Retry-After": after})
    with pytest.raises(NetworkError) as err:
        Client(tmp_path / "http", tmp_path / "tmp", Settings.from_env()).get(server.url + "/x")
    assert f"asks to retry after {said}" in str(err.value) + ",", str(err.value)
