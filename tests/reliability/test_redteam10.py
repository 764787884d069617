"""Round ten: hostile and unusual input at every boundary: a page pypdf would read for a
quarter of an hour, PDFium left reading past its memory limit in a bulk worker, BibTeX
macros naming themselves, bytes that only begin as a PDF, a cache folder that is no
folder; each taken, or refused in one line with the right exit code, nothing lost.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from alphakb import alpha_with_claim
from bulkwork import STUCK_MARK, marked, stuck_on_mark
from corpus import corpus_path
from kbrun import run_kb
from pdfgen import make_many_characters_pdf, make_pdf, past_pdfiums_memory_and_good

from kb.errors import LimitExceeded, PDFError
from kb.ops import bulk
from kb.sources import pdf

needs_pdfium = pytest.mark.skipif(not pdf.pdfium_available(), reason="pypdfium2 is not installed")


@pytest.fixture
def alpha(kb_root, tmp_path):
    return alpha_with_claim(kb_root, tmp_path)

# -- pypdf's time limit holds inside one page ---------------------------------------------------------------

#: Three million characters shown from 11 KB of Flate: pypdf reads the one page in 17 s and more.
SLOW_PAGE = make_many_characters_pdf(3_000_000)
#: The same page in five layers of Flate, which kb does not bound for PDFium: pypdf's by fallback.
SLOW_PAGE_LAYERED = make_many_characters_pdf(3_000_000, layers=5)


def test_pypdf_is_stopped_inside_a_page_at_the_time_limit():
    """The limit was looked at between pages only: one page of millions of characters kept
    pypdf for a quarter of an hour. It is raised inside the page now."""
    with pytest.raises(LimitExceeded, match=r"took over 0\.3 s \(page 1 of 1 was still being read"):
        pdf.extract(SLOW_PAGE, pdf.Limits(max_extract_seconds=0.3), extractor="pypdf")
    # Nothing is left armed: the next file is read whole, and nothing is raised after it.
    again = pdf.extract(make_many_characters_pdf(3000), pdf.Limits(max_extract_seconds=60), extractor="pypdf")
    assert again.pages[0].startswith("a line before them")
    time.sleep(0.3)


def test_a_callers_own_alarm_is_put_back_after_pypdf_reads():
    rang: list = []
    previous = signal.signal(signal.SIGALRM, lambda *_: rang.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        pdf.extract(make_many_characters_pdf(3000), pdf.Limits(max_extract_seconds=20), extractor="pypdf")
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 30 and not rang
        signal.setitimer(signal.ITIMER_REAL, 0.01)
        time.sleep(0.3)
        assert rang
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_the_time_limit_raised_inside_a_weakref_callback_is_not_printed_and_raised_again(monkeypatch):
    """Python ignores an exception raised in a weakref callback, a __del__ or a gc callback,
    printing 'Exception ignored in ...' on stderr: the alarm's is said by nobody, and its next
    tick stops the reading."""
    import sys
    import weakref

    ignored: list = []
    monkeypatch.setattr(sys, "unraisablehook", ignored.append)

    def reading(*_):
        class Held:
            pass

        held = Held()

        def gone(_):
            end = time.monotonic() + 0.5        # ticks of the alarm land here, and are ignored
            while time.monotonic() < end:
                pass

        keep = weakref.ref(held, gone)
        del held
        while keep is not None:                 # then here, where the next one stops it
            pass

    monkeypatch.setattr(pdf, "_read_pypdf", reading)
    with pytest.raises(LimitExceeded, match="took over 0.1 s"):
        pdf.extract(make_pdf(["Energy use of training a model."]), pdf.Limits(max_extract_seconds=0.1),
                    extractor="pypdf")
    assert ignored == [] and sys.unraisablehook == ignored.append


def test_in_another_thread_pypdf_is_stopped_too():
    """Signals reach the main thread only: elsewhere a watcher thread raises the limit (between
    pages or inside one, whichever it reaches first)."""
    got: list = []

    def read():
        try:
            pdf.extract(make_pdf([f"Page {i} of a paper about energy, long enough to be text." for i in range(3)]),
                        pdf.Limits(max_extract_seconds=0.000001), extractor="pypdf")
        except LimitExceeded as exc:
            got.append(exc.message)

    thread = threading.Thread(target=read)
    thread.start()
    thread.join(60)
    assert got and "took over 1e-06 s (" in got[0]


@pytest.mark.parametrize("args, data", [(["--extractor", "pypdf"], SLOW_PAGE), ([], SLOW_PAGE_LAYERED)],
                         ids=["pypdf asked for", "pypdf by fallback"])
def test_kb_add_keeps_a_page_pypdf_cannot_read_in_time_with_metadata_only(kb_root, tmp_path, monkeypatch,
                                                                         args, data):
    slow = tmp_path / "slow.pdf"
    slow.write_bytes(data)
    monkeypatch.setenv("KB_MAX_EXTRACT_SECONDS", "0.3")
    r = run_kb("add", "--offline", *args, slow)
    assert r.code == 0, r.err
    assert r.err.count("\n") == 1 and "slow.pdf: extracting its text took over 0.3 s (page 1 of 1 was still " \
                                      "being read" in r.err and r.err.rstrip().endswith("kept with metadata only")
    [paper] = run_kb("ls", "--json").json
    assert (paper["title"], paper["citekey"], paper["pages"]) == ("", "anonndslow", None)   # a file name is no title


def test_bulk_workers_stop_pypdf_inside_a_page_and_go_on(kb_root, tmp_path, monkeypatch):
    files = []
    for name, data in [("slow", SLOW_PAGE_LAYERED), ("good", make_pdf(["Energy use of training a model, "
                                                                        "measured in megawatt hours."] * 2,
                                                                       title="Energy use of training a model"))]:
        files.append(tmp_path / f"{name}.pdf")
        files[-1].write_bytes(data)
    monkeypatch.setenv("KB_MAX_EXTRACT_SECONDS", "0.3")
    r = run_kb("add", "--offline", "--jobs", "2", *files)
    assert r.code == 0, r.err
    assert "slow.pdf: extracting its text took over 0.3 s (page 1 of 1" in r.err and r.err.count("\n") == 1
    pages = {p["title"][:6] or p["citekey"]: p["pages"] for p in run_kb("ls", "--json").json}
    assert pages == {"Energy": 2, "anonndslow": None}


# -- a bulk worker whose PDFium is left reading past a limit ends -------------------------------------------

def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def test_a_worker_left_reading_a_page_past_a_limit_is_ended_and_the_pool_goes_on():
    """PDFium cannot be stopped mid-page: a single kb add ends its process, but a worker went
    on with the next PDFs while the page it had left took memory until it ended (gigabytes).
    Its outcome is kept, the worker is ended, and the PDFs other workers held are read again."""
    good = make_pdf(["Energy use of training a model, measured in megawatt hours."] * 2, title="Energy use of training a model")
    items = [marked(good, STUCK_MARK)] + [marked(good, b"%%%d" % n) for n in range(4)]
    done = list(bulk.extract_in_order(items, lambda data: bulk.Task(data, "pypdf", "p.pdf"), pdf.Limits(), 2,
                                      extract=stuck_on_mark))
    assert all(d.outcome.result and d.outcome.result.pages[0].startswith("Energy use") for d in done)
    left = done[0].outcome.left_reading
    # (a loaded machine may let that worker take one more PDF before it is ended: read all the
    # same, by pypdf, since PDFium is busy there; no other worker is ever said to be left reading)
    assert left and left != os.getpid() and all(d.outcome.left_reading in (0, left) for d in done[1:])
    for _ in range(200):         # bounded: the worker sleeps a minute if nothing ends it
        if not _alive(left):
            break
        time.sleep(0.1)
    assert not _alive(left)


@needs_pdfium
def test_kb_add_of_many_keeps_a_page_past_pdfiums_memory_limit_with_metadata_only(kb_root, tmp_path, monkeypatch):
    files = past_pdfiums_memory_and_good(tmp_path)
    monkeypatch.setenv("KB_MAX_EXTRACT_MB", "10")
    r = run_kb("add", "--offline", "--jobs", "2", *files, files[1])
    assert r.code == 0, r.err
    assert "many.pdf: PDFium took over 10 MB of memory to read its text (page 1 of 1" in r.err
    assert r.err.rstrip().endswith("kept with metadata only")
    pages = {p["title"][:6] or p["citekey"]: p["pages"] for p in run_kb("ls", "--json").json}
    assert pages == {"Energy": 2, "anonndmany": None}     # its file name keys it, is no title


# -- an @string macro defined through itself, or through one not defined before it --------------------------

SELF_DEFINED = ("@string{a = a}\n@string{b = c # b}\n@string{d = b}\n"
                "@misc{x2020, title = {T}, author = {A, B}, year = {2020}, journal = a}\n"
                "@misc{y2020, title = d # { and more}, author = {A, B}, year = {2020}}\n"
                "@misc{z2020, title = {V}, author = {A, B}, year = {2020}}\n")


@pytest.mark.parametrize("args, said", [
    (("ls",), "references.bib:4: entry x2020, field journal uses @string 'a', whose definition rests on 'a', "
              "not defined before it (references.bib:1)"),
    (("show", "y2020"), "references.bib:5: entry y2020, field title uses @string 'd', whose definition rests on "
                        "'c', not defined before it (references.bib:2)"),
    (("ls", "--year", "2021"), None),
])
def test_a_macro_defined_through_one_not_defined_before_it_is_said_by_listings(kb_root, args, said):
    """`@string{a = a}` is read by BibTeX as nothing (its 'a' is not defined yet), by kb as the
    text 'a': kb ls showed it silently (kb doctor said it). Each paper is kept."""
    (kb_root / "references.bib").write_text(SELF_DEFINED)
    r = run_kb(*args)
    assert r.code == 0, r.err
    if said is None:
        assert r.err == "kb: no papers match\n"        # the empty listing's line alone
        return
    assert r.err.count("\n") == 1 and r.err.startswith("kb: warning: " + said), r.err
    assert len(run_kb("ls", "--json").json) == 3
    if args[0] == "show":
        assert "d # { and more}" in r.out           # the title as written, not as if 'c' were text


def test_a_macro_defined_again_properly_is_no_longer_said(kb_root):
    # each defined before the definition that uses it: BibTeX reads them all
    (kb_root / "references.bib").write_text("@string{a = {JMLR}}\n@string{b = {B}}\n@string{c = {C}}\n"
                                            + SELF_DEFINED)
    r = run_kb("ls")
    assert r.code == 0 and r.err == "", r.err


def test_kb_edit_refuses_an_entry_using_a_macro_defined_through_itself(kb_root, tmp_path, monkeypatch):
    (kb_root / "references.bib").write_text(SELF_DEFINED)
    script = tmp_path / "ed.py"
    script.write_text("#!/usr/bin/env python3\nimport sys\np = sys.argv[1]\ntext = open(p).read()\n"
                      "open(p, 'w').write(text.replace('title = {V}', 'title = a'))\n")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    r = run_kb("edit", "z2020")
    assert r.code == 2 and r.err.count("\n") == 1 and "field 'title' uses @string 'a', whose definition rests " \
                                                       "on 'a'" in r.err, r.err
    assert (kb_root / "references.bib").read_text() == SELF_DEFINED


# -- bytes that only begin as a PDF -------------------------------------------------------------------------

def _unreadable_pdfs() -> dict[str, bytes]:
    import random

    noise = random.Random(10).randbytes(20_000)
    real = corpus_path("pdf", "acl-N18-3011.pdf").read_bytes()
    made = {"noise": b"%PDF-1.4\n" + noise, "header only": b"%PDF-1.7\n"}
    made.update({f"cut at {pct}%": real[:len(real) * pct // 100] for pct in range(10, 100, 10)})
    return made


def test_a_pdf_cut_short_or_noise_after_its_header_is_no_readable_pdf_to_either_extractor():
    for name, data in _unreadable_pdfs().items():
        with pytest.raises(PDFError) as caught:
            pdf.extract_plan(data, None, pdf.Limits())
        assert "cannot be read" in caught.value.message and "PDFium cannot read it either" in caught.value.message
        if name != "header only":
            assert "a file cut short (a download that did not finish?)" in caught.value.message, name


@pytest.mark.parametrize("name", ["noise", "cut at 50%", "cut at 90%"])
def test_kb_add_refuses_a_pdf_no_extractor_can_read_unless_asked_to_keep_it(kb_root, tmp_path, name):
    """Such a file was kept as a paper titled by its file name, with no text and no metadata."""
    bad = tmp_path / "paper.pdf"
    bad.write_bytes(_unreadable_pdfs()[name])
    r = run_kb("add", "--offline", bad)
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert r.err.startswith("kb: error: ") and "not a readable PDF" in r.err and "nothing added" in r.err \
        and "--keep-unreadable" in r.err
    assert run_kb("ls", "--json").json == []
    assert not list((kb_root / ".kb" / "cache" / "sources").glob("*.pdf")), "the refused PDF left in the cache"
    assert run_kb("doctor").code == 0, "a refused add left something for kb doctor to report"
    r = run_kb("add", "--offline", "--keep-unreadable", bad)
    assert r.code == 0 and "kept with metadata only" in r.err, r.err
    assert [(p["title"], p["citekey"]) for p in run_kb("ls", "--json").json] == [("", "anonndpaper")]
    assert run_kb("add", "--offline", bad).code == 2                # refused again, while another paper keeps it
    assert len(list((kb_root / ".kb" / "cache" / "sources").glob("*.pdf"))) == 1


def test_kb_add_of_many_refuses_the_unreadable_one_and_adds_the_others(kb_root, tmp_path):
    bad, good = tmp_path / "bad.pdf", tmp_path / "good.pdf"
    bad.write_bytes(_unreadable_pdfs()["noise"])
    good.write_bytes(make_pdf(["Energy use of training a model, measured in megawatt hours."] * 2, title="Energy use of training a model"))
    r = run_kb("add", "--offline", "--jobs", "1", bad, good)
    assert r.code == 2 and r.err.count("\n") == 1 and "bad.pdf" in r.err and "not a readable PDF" in r.err
    assert [p["pages"] for p in run_kb("ls", "--json").json] == [2]
    r = run_kb("add", "--offline", "--jobs", "1", "--keep-unreadable", bad, good)
    assert r.code == 0 and len(run_kb("ls", "--json").json) == 2


# -- a source cache that is no folder kb can read -------------------------------------------------------------

@pytest.fixture
def added(kb_root, tmp_path):
    paper = tmp_path / "p.pdf"
    paper.write_bytes(make_pdf(["Energy use of training a model, measured in megawatt hours."] * 2, title="Energy use of training a model"))
    assert run_kb("add", "--offline", paper).code == 0
    return kb_root


@pytest.mark.parametrize("made, where, said", [
    ("file", ".kb/cache", "is a file, not a folder"),
    ("sources file", ".kb/cache/sources", "is a file, not a folder"),
    ("dangling link", ".kb/cache", "which does not exist"),
])
def test_doctor_names_a_source_cache_that_is_no_folder(added, tmp_path, made, where, said):
    """kb doctor said 'nothing to repair' beside papers whose PDFs it could not reach."""
    import shutil

    cache = added / where
    shutil.rmtree(cache)
    if made == "dangling link":
        cache.symlink_to(tmp_path / "gone")
    else:
        cache.write_text("x")
    r = run_kb("doctor")
    assert r.code == 1 and "Traceback" not in r.err, r.out + r.err
    [line] = [x for x in r.out.splitlines() if x.startswith("problem:")]
    assert line.startswith(f"problem: {where}: ") and said in line and "; fix: " in line
    assert cache.is_symlink() or cache.read_text() == "x"           # nothing removed, with --prune either
    assert run_kb("doctor", "--prune").code == 1 and (cache.is_symlink() or cache.read_text() == "x")


def test_doctor_checks_a_source_cache_linked_elsewhere_and_prunes_nothing_there(added, tmp_path):
    """A cache moved to a larger disk and linked is checked there; a source of no paper in it
    may be another knowledge base's (sharing it), so --prune removes none there."""
    import shutil

    elsewhere = tmp_path / "shared-cache"
    shutil.move(added / ".kb" / "cache", elsewhere)
    (added / ".kb" / "cache").symlink_to(elsewhere)
    other = elsewhere / "sources" / ("0" * 64 + ".pdf")
    other.write_bytes(b"%PDF-1.4 another knowledge base's source\n")
    os.utime(other, (time.time() - 3600, time.time() - 3600))
    r = run_kb("doctor", "--prune")
    assert r.code == 0, r.out + r.err
    assert "info: .kb/cache is a link to " in r.out and "--prune removes none there" in r.out
    assert "1 source checked" in r.out and other.exists()
    r = run_kb("doctor")        # what it says of them never promises what --prune will not do
    assert "belongs to no paper here" in r.out and "removes none outside the knowledge base" in r.out
    assert "--prune removes them" not in r.out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_doctor_names_a_source_cache_it_may_not_read(added):
    cache = added / ".kb" / "cache"
    cache.chmod(0)
    try:
        r = run_kb("doctor")
    finally:
        cache.chmod(0o755)
    assert r.code == 1 and "problem: .kb/cache: cannot be read (permission denied)" in r.out, r.out + r.err


# -- a references.bib of many thousands of entries written by hand --------------------------------------------

def test_a_first_reading_of_a_references_bib_of_thousands_of_entries_says_its_progress(kb_root, monkeypatch):
    """200,000 tiny entries took kb ls 40 s to index the first time, saying nothing."""
    (kb_root / "references.bib").write_text("".join(f"@misc{{k{i}, title = {{T{i}}}, year = {{2020}}}}\n"
                                                    for i in range(2500)))
    monkeypatch.setenv("KB_PROGRESS", "1")
    r = run_kb("ls", "--json")
    assert r.code == 0 and len(r.json) == 2500
    assert "indexing references.bib: 2,500/2,500 entries" in r.err
    assert "indexing references.bib" not in run_kb("ls", "--json").err       # read once: in step after


# -- a claims file of thousands of claims ----------------------------------------------------------------------

def _many_claims(n: int, quote: str = "we have {i} papers here") -> str:
    return "".join(f'[[claim]]\nid = "c{i}"\nvalue = "{i} papers"\nquote = "{quote.format(i=i)}"\npage = 1\n\n'
                   for i in range(n))


def test_a_claims_file_of_thousands_of_claims_names_the_line_of_its_last_one(alpha):
    """The line of each [[claim]] was counted from the file's start (quadratic: a file of
    24,000 claims took 18 s to read, 100,000 claims ten minutes); counted on, the same lines."""
    path = alpha / "claims" / "alpha2020energy.toml"
    path.write_text(path.read_text() + _many_claims(3000) + '[[claim]]\nvalue = "3 papers"\n')
    r = run_kb("claims")
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    line = path.read_text().count("\n") - 1
    assert f"claims/alpha2020energy.toml:{line}: " in r.err and "no `id`" in r.err, r.err


def test_adding_a_claim_to_a_file_of_many_decides_that_claim_alone(alpha, monkeypatch):
    """Every claim of a file was decided again (kb verify's decision, 2.7 ms each) when one was
    added: 31 s for a file of 8,000. The same claim indexed again keeps its decision; one whose
    quote or value changed, or that is new, is decided."""
    from kb.ops import derive

    path = alpha / "claims" / "alpha2020energy.toml"
    path.write_text(path.read_text() + _many_claims(200, "which used 1,287 MWh of energy"))
    first = run_kb("claims", "--json")
    assert first.code == 0 and len(first.json) == 201
    decided: list = []
    real = derive.claim_doubt
    monkeypatch.setattr(derive, "claim_doubt", lambda *a: decided.append(a) or real(*a))
    r = run_kb("claim", "add", "alpha2020energy", "64 GPUs", "--quote", "on 64 GPUs for 3 days", "--id", "gpus")
    assert r.code == 0, r.err
    assert [a[1] for a in decided] == ["64 GPUs"]
    # a value edited by hand is decided again: not among its quote's numbers, it stands unverified
    path.write_text(path.read_text().replace('value = "7 papers"', 'value = "8000 papers"'))
    decided.clear()
    claims = {c["id"]: c for c in run_kb("claims", "--json").json}
    assert [a[1] for a in decided] == ["8000 papers"]
    assert claims["c7"]["number"] == "8000" and claims["c7"]["status"] == "unverified"
    assert claims["gpus"]["status"] == claims["energy"]["status"] == "verified"


# -- a time limit of years ----------------------------------------------------------------------------------

def test_a_time_limit_of_years_is_no_limit_and_no_internal_error(kb_root, tmp_path, monkeypatch):
    """KB_MAX_EXTRACT_SECONDS=1e300 (a person's 'no limit') is past what an interval timer or a
    wait takes (OverflowError): pypdf's reading and a crashed worker's PDF read alone were
    internal errors."""
    from bulkwork import CRASH_MARK, crash_on_mark

    monkeypatch.setenv("KB_MAX_EXTRACT_SECONDS", "1e300")
    paper = tmp_path / "p.pdf"
    paper.write_bytes(make_pdf(["Energy use of training a model, measured in megawatt hours."] * 2, title="Energy use of training a model"))
    r = run_kb("add", "--offline", "--extractor", "pypdf", paper)
    assert r.code == 0 and r.err == "", r.err
    good = paper.read_bytes()
    items = [marked(good, CRASH_MARK), marked(good, b"%1"), marked(good, b"%2")]
    done = list(bulk.extract_in_order(items, lambda data: bulk.Task(data, "pypdf", "p.pdf"),
                                      pdf.Limits(max_extract_seconds=1e300), 2, extract=crash_on_mark))
    assert "died (SIGSEGV" in done[0].outcome.crashed and all(d.outcome.result for d in done[1:])


# -- a note saved in decomposed Unicode ------------------------------------------------------------------------

@pytest.mark.parametrize("cite", ["[@{key}, p. 1]", "\\cite{{{key}}}", "[[cite:&{key}]]"])
def test_a_note_saved_decomposed_cites_a_key_with_an_accent(kb_root, tmp_path, cite):
    """macOS and some editors save 'é' as 'e' and U+0301: the key stopped at the accent, and
    kb verify --note said "no paper 'cafe'" of a paper it holds."""
    import json
    import unicodedata

    (kb_root / "references.bib").write_text("@misc{café2020, title = {Energy of Coffee Machines}, "
                                            "author = {Smith, John}, year = {2020}}\n")
    pages = tmp_path / "p.json"
    pages.write_text(json.dumps(["Coffee machines used 3 kWh a day in the office we measured."]))
    assert run_kb("text", "load", "café2020", pages).code == 0
    note = tmp_path / "n.md"
    text = f'> "Coffee machines used 3 kWh a day" {cite.format(key="café2020")}\n'
    note.write_text(unicodedata.normalize("NFD", text))
    r = run_kb("verify", "--note", note)
    assert r.code == 0 and "1 ok" in r.out and "no paper" not in r.out, r.out + r.err
