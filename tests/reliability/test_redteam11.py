"""Round eleven: hostile and unusual input at every boundary: citekeys holding characters
nobody sees or letters of other scripts that look Latin, ...; each taken and said, or
refused in one line with the right exit code, nothing lost.
"""

from __future__ import annotations

import threading

import pytest
from kbrun import run_kb
from pdfgen import make_many_characters_pdf, make_pdf, past_pdfiums_memory_and_good

from kb.errors import LimitExceeded
from kb.ops.doctor import diagnose
from kb.sources import citekey, pdf

# -- citekeys that look like others ---------------------------------------------------------------------------

ZWJ, SOFT, RLO, CYR_A, GREEK_O = "\u200d", "\u00ad", "\u202e", "\u0430", "\u039f"


def entry(key: str, title: str) -> str:
    return f"@article{{{key},\n  title = {{{title}}},\n  author = {{Doe, Jane}},\n  year = {{2021}},\n}}\n\n"


@pytest.mark.parametrize("odd, plain", [
    (f"j{CYR_A}ne2021power", "jane2021power"),         # a Cyrillic letter from a Russian layout
    (f"d{GREEK_O}e2021", "DOE2021"),                   # a Greek capital, and another case
    ("\uff44oe2021", "doe2021"),                         # a fullwidth letter
])
def test_a_key_that_looks_like_another_is_said_of_both_never_one_paper(odd, plain):
    said = dict(citekey.odd_keys([plain, odd, "other2020"]))
    assert list(said) == [odd] and citekey.escaped(plain) in said[odd] and "U+" in said[odd]
    assert citekey.lookalike(odd, [plain]) == plain and citekey.lookalike(plain, ["plain2020"]) is None


@pytest.mark.parametrize("hidden", [ZWJ, "\u200b", "\u200c", SOFT, RLO, "\u2066"])
def test_a_key_holding_a_character_nobody_sees_is_said(hidden):
    key = f"smi{hidden}th2020"
    (what,) = dict(citekey.odd_keys([key, "other2020"])).values()
    assert "nobody sees" in what and f"U+{ord(hidden):04X}" in what
    assert "\\u" in citekey.escaped(key) or "\\x" in citekey.escaped(key)


def test_plain_keys_are_not_compared():
    assert list(citekey.odd_keys(["a2020", "A2020x", "müller2020"])) == []


def test_references_bib_keys_are_indexed_and_said_by_the_next_command_and_by_doctor(kb_root):
    bib = kb_root / "references.bib"
    bib.write_text(entry("jane2021power", "Power Latin") + entry(f"j{CYR_A}ne2021power", "Power Cyrillic")
                   + entry(f"lee{SOFT}2019", "Soft") + entry(f"bidi{RLO}2019", "Bidi"), encoding="utf-8")
    first = run_kb("ls")
    assert first.code == 0 and first.out.count("Power") == 2 and "Soft" in first.out and "Bidi" in first.out
    assert "references.bib:7: the key 'j\\u0430ne2021power' looks like the key 'jane2021power'" in first.err
    assert "references.bib:13: the key 'lee\\xad2019' holds a character nobody sees (U+00AD SOFT HYPHEN)" \
        in first.err and "U+202E RIGHT-TO-LEFT OVERRIDE" in first.err
    assert run_kb("ls").err == ""                   # said once, when the file changed
    report = diagnose()                             # and by every kb doctor, which finds nothing to repair
    assert report.ok and [n.split(": the key")[0] for n in report.notices] == [
        "references.bib:7", "references.bib:13", "references.bib:19"]
    assert run_kb("check").err.count("references.bib:") == 0


def test_kb_import_of_odd_keys_takes_them_and_says_each(kb_root, tmp_path):
    bib = tmp_path / "imp.bib"
    bib.write_text(entry("jane2021power", "Latin") + entry(f"j{CYR_A}ne2021power", "Cyr"), encoding="utf-8")
    r = run_kb("import", str(bib))
    assert r.code == 0 and "2 added" in r.out
    assert "the key 'j\\u0430ne2021power' looks like the key 'jane2021power'" in r.err
    # a key holding a character nobody sees is refused, nothing imported (round 49)
    bib.write_text(entry("zw\u200bj2020", "Z"), encoding="utf-8")
    r = run_kb("import", str(bib))
    assert r.code == 2 and "'zw\\u200bj2020': its key holds a character nobody sees (U+200B ZERO WIDTH SPACE)" in r.err


@pytest.mark.parametrize("new", [f"JANE2021p{CYR_A}wer".replace(CYR_A, "\u043e"), "ja\uff4ee2021power"])
def test_a_key_renamed_to_look_like_another_is_refused(kb_root, new):
    (kb_root / "references.bib").write_text(entry("jane2021power", "Power") + entry("bob2020", "B"), encoding="utf-8")
    r = run_kb("rename", "bob2020", new)
    assert r.code == 2 and r.err.count("\n") == 1 and "looks like the citekey 'jane2021power'" in r.err
    assert "nothing renamed" in r.err and "bob2020" in (kb_root / "references.bib").read_text(encoding="utf-8")


def test_a_typed_key_that_only_looks_like_a_papers_is_refused_naming_the_difference(kb_root):
    (kb_root / "references.bib").write_text(entry(f"j{CYR_A}ne2021power", "Power") + entry("smith2019", "S"),
                                            encoding="utf-8")
    latin = run_kb("claim", "add", "jane2021power", "5 kWh", "--quote", "5 kWh")
    assert latin.code == 2 and len(latin.err.strip().splitlines()) == 1 + latin.err.count("kb: references.bib")
    assert "no paper 'jane2021power'" in latin.err and "'j\\u0430ne2021power' looks the same" in latin.err
    assert "U+0430 CYRILLIC SMALL LETTER A" in latin.err
    assert "did you mean smith2019?" in run_kb("show", "SMITH2019").err


@pytest.mark.parametrize("args, hidden", [
    (("show", "smi{}th2019"), "\u200b"), (("claim", "add", "smi{}th2019", "5 kWh", "--quote", "x"), ZWJ),
    (("quote", "ls", "--paper", "smi{}th2019"), SOFT), (("rm", "smi{}th2019"), RLO)])
def test_a_typed_key_holding_a_character_nobody_sees_is_refused(kb_root, args, hidden):
    """Even the very key references.bib writes so: the key typed without it finds that paper."""
    (kb_root / "references.bib").write_text(entry(f"smi{hidden}th2019", "S"), encoding="utf-8")
    r = run_kb(*[a.format(hidden) for a in args])
    assert r.code == 2 and r.err.splitlines()[-1].startswith("kb: error: ") and "Traceback" not in r.err
    assert f"'smi{citekey.escaped(hidden)[1:-1]}th2019' holds U+{ord(hidden):04X}" in r.err
    assert "type the key without it" in r.err
    assert run_kb("show", "smith2019").code == 0
    assert "S" in (kb_root / "references.bib").read_text(encoding="utf-8")


def test_a_note_citing_a_lookalike_key_is_no_source_and_says_which(kb_root):
    (kb_root / "references.bib").write_text(entry(f"j{CYR_A}ne2021power", "Power"), encoding="utf-8")
    note = kb_root / "n.md"
    note.write_text('> "Power is a thing" [@jane2021power]\n', encoding="utf-8")
    r = run_kb("verify", "--note", str(note))
    assert r.code == 1 and "no-source" in r.out and "'j\\u0430ne2021power' looks the same" in r.out


# -- pypdf's time limit holds inside a page in any thread -----------------------------------------------------

#: One page of 300,000 characters from a few KB of Flate: pypdf reads it in a second and more.
SLOW_PAGE = make_many_characters_pdf(300_000)


def in_a_thread(fn):
    got: list = []

    def run():
        try:
            got.append(fn())
        except BaseException as exc:     # handed to the test's thread
            got.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(120)
    return got[0]


def test_pypdf_off_the_main_thread_is_stopped_inside_a_page():
    """No signal reaches a thread other than the main one: the limit held between pages only,
    so a single slow page was read whole whatever the limit (a quarter of an hour for some)."""
    exc = in_a_thread(lambda: pdf.extract(SLOW_PAGE, pdf.Limits(max_extract_seconds=0.05), extractor="pypdf"))
    assert isinstance(exc, LimitExceeded) and "took over 0.05 s (page 1 of 1 was still being read" in exc.message
    # nothing is left to go off: the next file in that thread is read whole
    again = in_a_thread(lambda: pdf.extract(make_pdf(["Energy use of training, in megawatt hours."]),
                                            pdf.Limits(max_extract_seconds=60), extractor="pypdf"))
    assert again.pages[0].startswith("Energy use") and not pdf._WATCHED


def test_kb_add_in_a_thread_keeps_a_slow_page_with_metadata_only(kb_root, tmp_path, monkeypatch):
    slow = tmp_path / "slow.pdf"
    slow.write_bytes(SLOW_PAGE)
    monkeypatch.setenv("KB_MAX_EXTRACT_SECONDS", "0.05")
    r = in_a_thread(lambda: run_kb("add", "--offline", "--extractor", "pypdf", str(slow)))
    assert r.code == 0 and r.err.count("\n") == 1, r.err
    assert "slow.pdf: extracting its text took over 0.05 s (page 1 of 1 was still being read" in r.err
    assert r.err.rstrip().endswith("kept with metadata only")
    [paper] = run_kb("ls", "--json").json
    assert (paper["title"], paper["citekey"], paper["pages"]) == ("", "anonndslow", None)   # a file name is no title


def test_the_limit_landing_in_a_gc_callback_off_the_main_thread_is_said_by_nobody():
    """The watcher's exception may land in a gc callback or a __del__ run while pypdf reads, where
    Python ignores it and prints 'Exception ignored in ...' on stderr: off the main thread as on it,
    that one is passed over (the watcher fires again) and any other goes to the hook found."""
    import sys
    import types

    seen = []
    found = sys.unraisablehook
    sys.unraisablehook = seen.append
    try:
        def inside():
            context = pdf._interrupted_after(60)
            with context:
                hook = sys.unraisablehook
                hook(types.SimpleNamespace(exc_type=pdf._OutOfTime))
                hook(types.SimpleNamespace(exc_type=ValueError))
            return hook == context._unraisable, sys.unraisablehook == seen.append

        assert in_a_thread(inside) == (True, True)
        assert [info.exc_type for info in seen] == [ValueError]
    finally:
        sys.unraisablehook = found


# -- standard output closed -----------------------------------------------------------------------------------

def test_a_command_whose_standard_output_is_closed_says_so(kb_root):
    """`kb export bib -o - >&-`: sys.stdout is None, an internal error and a traceback at exit;
    and the first file kb opened took the free descriptor 1, where stdout's writes would go. Then
    it exited 0 and said nothing, its output lost: now one line, exit 2, as `ls >&-` says it."""
    import subprocess

    from kbproc import kb_cmd, kb_env

    (kb_root / "references.bib").write_text(entry("alpha2020", "Alpha"), encoding="utf-8")
    r = subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", *kb_cmd("export", "bib", "--as-stored", "-o", "-")],
                       env=kb_env(kb_root), cwd=kb_root, capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 2 and r.stderr == ("kb: error: cannot write the command's output (standard output): "
                                              "it is closed; what it wrote to the knowledge base, if anything, is kept\n")
    assert (kb_root / "references.bib").read_text(encoding="utf-8") == entry("alpha2020", "Alpha")


# -- a size limit of 'no limit' --------------------------------------------------------------------------------

@pytest.mark.parametrize("extractor", ["pypdf", "pdfium"])
def test_a_size_limit_past_any_size_is_no_limit_and_no_internal_error(monkeypatch, extractor):
    """KB_MAX_STREAM_MB=inf or KB_MAX_EXTRACT_MB=1e300 (a person's 'no limit'): int(inf) and a
    zlib size past a C ssize_t were internal errors (OverflowError) at the first PDF read."""
    if extractor == "pdfium" and not pdf.pdfium_available():
        pytest.skip("pypdfium2 is not installed")
    monkeypatch.setenv("KB_MAX_STREAM_MB", "inf")
    monkeypatch.setenv("KB_MAX_EXTRACT_MB", "1e300")
    for limits in (pdf.Limits.from_env(), pdf.Limits.from_env({"max_extract_mb": 1e300})):
        got = pdf.extract(make_pdf(["Energy use of training, in megawatt hours."]), limits, extractor=extractor)
        assert got.pages[0].startswith("Energy use")
    monkeypatch.delenv("KB_MAX_STREAM_MB")
    limits = pdf.Limits.from_env({"max_stream_mb": 1e300})
    assert pdf.extract(make_pdf(["Energy use."]), limits, extractor=extractor).pages[0].startswith("Energy")


# -- kb add --jobs 1: PDFium left reading past a limit is not left in the writer ------------------------------

@pytest.mark.slow
@pytest.mark.skipif(not pdf.pdfium_available(), reason="pypdfium2 is not installed")
def test_kb_add_jobs_1_leaves_no_pdfium_reading_in_the_writer(kb_root, tmp_path, monkeypatch):
    """PDFium cannot be stopped mid-page: with --jobs 1 it read in kb's own process, which went
    on with the batch while the page took memory until it ended (gigabytes). It reads in one
    worker now, ended as a worker of --jobs N is: the writer (here, this test's process, as
    run_kb runs kb in it) holds no PDFium reading, and the batch goes on."""
    files = past_pdfiums_memory_and_good(tmp_path)
    monkeypatch.setenv("KB_MAX_EXTRACT_MB", "10")
    r = run_kb("add", "--offline", "--jobs", "1", *files)
    assert r.code == 0, r.err
    assert "many.pdf: PDFium took over 10 MB of memory to read its text (page 1 of 1" in r.err
    assert r.err.rstrip().endswith("kept with metadata only") and not pdf.pdfium_stuck()
    pages = {p["title"][:6] or p["citekey"]: p["pages"] for p in run_kb("ls", "--json").json}
    assert pages == {"Energy": 2, "anonndmany": None}     # its file name keys it, is no title


def test_a_note_citing_a_key_with_a_character_nobody_sees_names_it(kb_root):
    """[@smi\\u200bth2019] looks like [@smith2019] in an editor: the key stopped at the zero-width
    space, and kb said no paper 'smi'."""
    (kb_root / "references.bib").write_text(entry("smith2019", "S"), encoding="utf-8")
    note = kb_root / "n.md"
    note.write_text('> "S is a thing" [@smi\u200bth2019]\n\nAs @smi\u00adth2019 wrote, "S is a thing".\n',
                    encoding="utf-8")
    r = run_kb("verify", "--note", str(note))
    assert r.code == 1 and r.out.count("no-source") == 2 and "no paper 'smi'" not in r.out
    assert "no paper 'smi\\u200bth2019' here ('smith2019' looks the same, but the key given holds U+200B" in r.out
    assert "U+00AD SOFT HYPHEN" in r.out


# -- an arXiv entry whose title holds markup, or nothing ------------------------------------------------------

def _feed(title: bytes) -> bytes:
    from corpus import corpus_path

    atom = corpus_path("arxiv-api", "arxiv-api.1605.08386.2026.atom.xml").read_bytes()
    start = atom.index(b"<title>", atom.index(b"<entry>")) + len(b"<title>")
    return atom[:start] + title + atom[atom.index(b"</title>", start):]


@pytest.mark.parametrize("title, kept", [
    (b"Heat-bath <b>random</b> walks with " + b"<i>" * 5000 + b"Markov" + b"</i>" * 5000 + b" bases",
     "Heat-bath random walks with Markov bases"),
    (b"", None), (b"<a>" * 5000 + b"</a>" * 5000, None)])
def test_an_arxiv_title_is_all_its_text_and_none_is_refused(kb_root, server, title, kept):
    """A title holding an element was cut at it ('Heat-bath'), and one of no text filed a paper
    titled nothing, its key without a title word."""
    from httpserver import Reply

    server.routes["/api/query"] = Reply(200, _feed(title), {"Content-Type": "application/atom+xml"})
    server.routes["/pdf/1605.08386v1"] = Reply(200, make_pdf(["Heat-bath random walks, a paper about them."]),
                                               {"Content-Type": "application/pdf"})
    r = run_kb("add", "arxiv:1605.08386")
    if kept:
        assert r.code == 0 and run_kb("ls", "--json").json[0]["title"] == kept, r.err
    else:
        assert r.code == 2 and "arXiv's record of 1605.08386v1 has no title kb can read: nothing filed" in r.err
        assert (kb_root / "references.bib").read_text() == ""


# -- Semantic Scholar answering every offset with the same page -----------------------------------------------

def test_a_semantic_scholar_page_repeated_at_every_offset_is_one_list(server, tmp_path, monkeypatch):
    """Each page counted its papers again: 3 references read as 6 (and as many as MAX_PAGES
    pages hold from a server that never moves on)."""
    import json

    from httpserver import Reply

    from kb.sources import s2
    from kb.sources.net import Client, Settings

    monkeypatch.setenv("KB_RETRIES", "0")
    page = {"data": [{"citedPaper": {"paperId": f"p{n}", "title": f"T{n}"}} for n in range(3)]
            + [{"citedPaper": {"title": "No id"}}], "next": 4}
    for kind in ("references", "citations"):
        server.routes[f"/s2/graph/v1/paper/DOI:10.1234/abc/{kind}"] = Reply(
            200, json.dumps(page).encode(), {"Content-Type": "application/json"})
    client = Client(tmp_path / "cache", tmp_path / "tmp", Settings.from_env())
    got = s2.fetch(client, None, "10.1234/abc")
    assert [p["title"] for p in got["references"]] == ["T0", "T1", "T2", "No id"]


def test_a_quote_with_a_letter_of_another_script_is_refused_naming_it():
    """'differs: enеrgy -> energy' printed two words alike: the letter is named now."""
    from kb.text.match import closest_passage
    from kb.text.normalise import Document

    doc = Document(["We measured the energy use of training at 12 MWh in total."])
    miss = closest_passage(doc, "We measured the en\u0435rgy use of training")
    assert miss.describe() == "differs: en\u0435rgy -> energy (U+0435 CYRILLIC SMALL LETTER IE for 'e')"


# -- a base URL holding a space or a control character ----------------------------------------------------------

@pytest.mark.parametrize("url", ["http://a b/api", "http://x\n/api", "https://x/\tq"])
def test_a_base_url_with_a_space_or_control_character_is_refused_naming_its_variable(monkeypatch, url):
    from kb.errors import UsageError
    from kb.sources import net

    monkeypatch.setenv("KB_CROSSREF_URL", url)
    with pytest.raises(UsageError) as caught:
        net.endpoint("KB_CROSSREF_URL")
    assert caught.value.message.startswith("KB_CROSSREF_URL=") and "\n" not in caught.value.message


# -- an HTTP cache entry of valid JSON and another shape ---------------------------------------------------------

@pytest.mark.parametrize("shape", [{"headers": ["x"]}, {"headers": {"content-type": 5}}, {"url": 5}])
def test_an_http_cache_entry_of_another_shape_is_no_cached_answer(server, tmp_path, shape):
    import json

    from httpserver import Reply

    from kb.sources.net import Client, Settings

    server.routes["/x"] = Reply(200, b'{"a": 1}', {"Content-Type": "application/json"})
    client = Client(tmp_path / "http", tmp_path / "tmp", Settings.from_env())
    assert client.get(server.url + "/x", cache_ttl=1000).json() == {"a": 1}
    [cached] = [p for p in (tmp_path / "http").glob("*.json")]
    cached.write_text(json.dumps({**json.loads(cached.read_text()), **shape}))
    again = client.get(server.url + "/x", cache_ttl=1000)
    assert again.json() == {"a": 1} and not again.from_cache and len(server.requests) == 2
