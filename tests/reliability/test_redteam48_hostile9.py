"""Red-team round 48, hostile input (second pass): what kb prints of a key, a path or a title
written by hand with a control character in it, and what kb says of input it refuses."""

from __future__ import annotations

import io

import pytest

# -- keys, paths and titles holding control characters, as kb prints them ---------------------

@pytest.mark.parametrize("key, shown", [
    ("alpha2020\x1b[31menergy", "alpha2020\\x1b[31menergy"),     # a terminal escape: seen, harmless
    ("beta\x07x", "beta\\x07x"),
    ("a\x9bb", "a\\x9bb"),                                       # a C1 control (CSI)
    ("del\x7fx", "del\\x7fx"),
])
def test_a_control_character_is_printed_as_its_escape_never_dropped_or_raw(key: str, shown: str) -> None:
    from kb.cli.common import err, out, output_to
    stdout, stderr = io.StringIO(), io.StringIO()
    with output_to(stdout, stderr):
        out(f"{key}\n")
        err(f"kb: error: no paper {key}\n")
    assert stdout.getvalue() == f"{shown}\n" and stderr.getvalue() == f"kb: error: no paper {shown}\n"


@pytest.mark.parametrize("key", ["a\nb", "a\rb", "a\tb", "a\u2028b", "e\x1b[2Jx"])
def test_a_listings_cell_holding_a_line_break_is_one_row(key: str) -> None:
    from kb.cli.common import output_to, table
    stdout = io.StringIO()
    with output_to(stdout, io.StringIO()):
        table([[key, "2020", "Title"], ["other", "2021", "Other"]], ["citekey", "year", "title"])
    lines = stdout.getvalue().splitlines()
    assert len(lines) == 3 and not {"\x1b", "\t"} & set(stdout.getvalue()), lines
    assert lines[1].index("2020") == lines[2].index("2021") == lines[0].index("year"), lines


# -- a character that shows nothing inside a BibTeX title or author --------------------------

@pytest.mark.parametrize("written, printed", [
    ("Pre\u00adtraining of Deep Transformers", "Pre-training of Deep Transformers"),   # soft hyphen
    ("Energy\u200bUse of Deep Learning", "EnergyUse of Deep Learning"),                 # zero-width space
    ("\ufeffCarbon in\u2060practice", "Carbon inpractice"),                             # BOM, word joiner
    ("Green\u200dAI\u200c now", "GreenAI now"),
])
def test_a_titles_unseen_character_joins_its_words_as_a_reference_list_prints_them(written, printed) -> None:
    from kb.text.titles import normalise_title
    assert normalise_title(written) == normalise_title(printed)


@pytest.mark.parametrize("author, typed", [("Smi\u200bth, Jane", "Smith"), ("\ufeffDo\u2060e, John", "doe"),
                                           ("Mül\u00adler, Ann", "Müller"), ("Smith, Jane", "Smi\u200bth")])
def test_ls_by_author_finds_a_name_holding_a_character_that_shows_nothing(kb_root, author, typed) -> None:
    from kbrun import run_kb
    (kb_root / "references.bib").write_text(f"@misc{{a2020, title={{One}}, author={{{author}}}, year={{2020}}}}\n",
                                            encoding="utf-8")
    r = run_kb("ls", "--author", typed, "--json")
    assert r.code == 0 and [p["citekey"] for p in r.json] == ["a2020"], (r.out, r.err)
    assert author in (kb_root / "references.bib").read_text(encoding="utf-8")


# -- a PDF kb holds, added again under a lowered limit ------------------------------------------

@pytest.mark.parametrize("how", ["env", "kb.toml"])
def test_a_held_pdf_added_again_over_a_lowered_limit_says_its_text_is_kept(kb_root, tmp_path, monkeypatch, how):
    from kbrun import run_kb
    from pdfgen import make_pdf
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(make_pdf(["Measuring Energy of Models\nJane Doe\nWe trained twelve models.",
                              "Results\nThe twelve models used 40 kWh."], title="Measuring Energy of Models"))
    first = run_kb("add", "--offline", pdf, "--json")
    assert first.code == 0, first.err
    key = first.json[0]["citekey"]
    bib = (kb_root / "references.bib").read_bytes()
    if how == "env":
        monkeypatch.setenv("KB_MAX_PAGES", "1")
    else:
        marker = kb_root / "kb.toml"
        marker.write_text(marker.read_text().replace("max_pages = 2000", "max_pages = 1"))
    r = run_kb("add", "--offline", pdf)
    assert r.code == 0 and "kept with metadata only" not in r.err, r.err
    assert f"the PDF whose text kb holds as {key} (2 pages), which is kept: nothing changed" in r.err, r.err
    assert r.out.startswith(f"unchanged {key}") and "Measuring Energy of Models" in r.out, r.out
    assert (kb_root / "references.bib").read_bytes() == bib
    shown = run_kb("show", key, "--json").json
    assert [(v["version"], v["text_status"]) for v in shown["versions"]] == [(None, "ok")], shown["versions"]


# -- an address where nothing listens, with no backoff ----------------------------------------

@pytest.mark.parametrize("backoff", [0.0, 1e-300])
def test_a_refused_address_with_no_backoff_is_asked_a_bounded_number_of_times(tmp_path, monkeypatch, backoff):
    """KB_BACKOFF=0 and a redirect to a closed port: kb asked again at once, thousands of times, until the
    doubled wait (2 ** 1024) overflowed, an internal error; now it pauses between attempts and says so."""
    from kb.errors import NetworkError
    from kb.sources import net
    clock = [0.0]
    monkeypatch.setattr(net.time, "monotonic", lambda: clock[0] + 0.0)
    monkeypatch.setattr(net.time, "sleep", lambda s: clock.__setitem__(0, clock[0] + s))
    asked = []

    def refused(self, url, *args, **kwargs):
        asked.append(url)
        clock[0] += 0.0005
        raise net._Refused("connection refused")
    monkeypatch.setattr(net.Client, "_fetch_watched", refused)
    client = net.Client(tmp_path / "http", tmp_path / "tmp", net.Settings(backoff=backoff, refused_timeout=5.0))
    with pytest.raises(NetworkError) as err:
        client.get("http://127.0.0.1:1/x")
    assert "connection refused" in str(err.value) and len(asked) <= 5.0 / net.REFUSED_PAUSE + 2, len(asked)


# -- a Semantic Scholar page holding more papers than asked for --------------------------------

@pytest.mark.parametrize("offered, more", [(60, False), (25, True)])
def test_a_page_of_more_papers_than_asked_for_is_read_to_what_was_asked(server, tmp_path, monkeypatch, offered, more):
    """One answer of 100,000 references (asked for 100) was read whole: 30 s and 380 MB to link; now what was
    asked for, the rest said as cut."""
    import json

    from httpserver import Reply

    from kb.sources import s2
    from kb.sources.net import Client, Settings
    monkeypatch.setattr(s2, "PAGE", 10)
    page = {"data": [{"citedPaper": {"paperId": f"p{i}", "title": f"Paper {i}"}} for i in range(offered)]}
    if more:
        page["next"] = 100
    server.routes["/s2/graph/v1/paper/ARXIV:2001.00001/references"] = Reply(200, json.dumps(page).encode())
    server.routes["/s2/graph/v1/paper/ARXIV:2001.00001/citations"] = Reply(200, b'{"data": []}')
    got = s2.fetch(Client(tmp_path / "http", tmp_path / "tmp", Settings(spacing={"s2": 0.0})), "2001.00001", None)
    assert len(got["references"]) == 10 and got["cut"] == {"references": 10}, (len(got["references"]), got["cut"])


# -- an export whose output cannot be written ----------------------------------------------------

class _Closed(io.StringIO):
    """Standard output closed by the caller (`kb export bib >&-`)."""

    def write(self, text):
        import errno
        raise OSError(errno.EBADF, "Bad file descriptor")


@pytest.mark.parametrize("argv", [("export", "bib"), ("export", "bib", "-o", "-")])
def test_an_export_to_a_closed_stdout_is_refused_in_one_line(kb_root, argv) -> None:
    from kb.cli.app import main
    (kb_root / "references.bib").write_text("@article{doe2020, title={One}, author={Doe, Jane}, year={2020}}\n")
    bib = (kb_root / "references.bib").read_bytes()
    stderr = io.StringIO()
    code = main(list(argv), stdout=_Closed(), stderr=stderr)
    assert code == 2 and stderr.getvalue().count("\n") == 1 and "standard output): it is closed" in stderr.getvalue()
    assert (kb_root / "references.bib").read_bytes() == bib


# -- `-` given where standard input is a terminal ------------------------------------------------

class _Terminal(io.TextIOWrapper):
    """Standard input left at the terminal: what it holds is what a person would still type."""

    def __init__(self):
        super().__init__(io.BytesIO(b"@misc{typed, title={Typed at the terminal}, year={2020}}\n"))

    def isatty(self):
        return True


@pytest.mark.parametrize("argv", [("import", "-"), ("add", "-")])
def test_dash_for_a_file_from_a_terminal_is_refused_not_waited_for(kb_root, monkeypatch, argv) -> None:
    import sys

    from kbrun import run_kb
    monkeypatch.setattr(sys, "stdin", _Terminal())
    bib = (kb_root / "references.bib").read_bytes()
    r = run_kb(*argv)
    assert r.code == 2 and "stdin is a terminal: nothing was piped in" in r.err and r.err.count("\n") == 1, r.err
    assert (kb_root / "references.bib").read_bytes() == bib


def test_a_claims_files_key_holding_a_line_break_is_one_line_in_every_message(kb_root) -> None:
    """A claims file named with a raw line break was said over two lines: 'quote q1 cites a' and 'b, which is
    not in references.bib' (kb doctor, kb quote ls), 'is also used in claims/a' and 'b.toml'."""
    from kbrun import run_kb
    (kb_root / "references.bib").write_text("@misc{good2020, title={Good}, year={2020}}\n")
    for file in ("a\nb", "other"):
        (kb_root / "claims" / f"{file}.toml").write_text('[[quote]]\nid = "q1"\ntext = "some words"\npage = 1\n')
    r = run_kb("quote", "ls")
    assert r.code == 2 and r.err.count("\n") == 1 and "is also used in 'claims/a\\nb.toml'" in r.err, r.err
    (kb_root / "claims" / "other.toml").unlink()
    for argv in (("doctor",), ("quote", "ls")):
        r = run_kb(*argv)
        lines = [line for line in (r.out + r.err).splitlines() if "references.bib" in line]
        assert lines and all("'a\\nb'" in line for line in lines), (r.out, r.err)
