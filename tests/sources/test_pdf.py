"""What a PDF says about itself (the names in its /Author string), and its text by
either extractor: pdfium, pypdf, both, and the fallback from one to the other."""

from __future__ import annotations

import re

import pytest
from budgets import LONG
from corpus import CORPUS, corpus_path
from pdfgen import (
    make_bomb_pdf,
    make_font_bomb_pdf,
    make_image_only_pdf,
    make_inline_image_pdf,
    make_nested_forms_pdf,
    make_pdf,
    page_of_streams,
)
from realpdf import extracted

from kb.errors import LimitExceeded, PDFError, UsageError
from kb.sources import pdf
from kb.sources.pdf import extract, split_info_authors


@pytest.mark.parametrize("text, names", [
    # one comma-separated string, as the published PDF of Dodge et al. 2022 carries it
    ("Jesse Dodge, Taylor Prewitt, Remi Tachet Des Combes, Erika Odmark",
     ["Jesse Dodge", "Taylor Prewitt", "Remi Tachet Des Combes", "Erika Odmark"]),
    ("A. Smith, B. Jones, and C. Doe", ["A. Smith", "B. Jones", "C. Doe"]),
    ("Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("Yann LeCun & Yoshua Bengio", ["Yann LeCun", "Yoshua Bengio"]),
    # one name written "Last, First" is not two names
    ("Dodge, Jesse", ["Dodge, Jesse"]),
    ("Dodge, Jesse and Prewitt, Taylor", ["Dodge, Jesse", "Prewitt, Taylor"]),
    ("Dodge, J., Prewitt, T.", ["Dodge, J.", "Prewitt, T."]),
    ("Martin Luther King, Jr., Jane Doe", ["King, Jr., Martin Luther", "Jane Doe"]),
    ("Turing", ["Turing"]),
    # an organisation's name holding 'and' or '&', a side of it a single word, is one name; two are two
    ("Ernst & Young LLP", ["Ernst & Young LLP"]),
    ("Bill & Melinda Gates Foundation", ["Bill & Melinda Gates Foundation"]),
    ("Research and Markets Ltd", ["Research and Markets Ltd"]),
    ("Google Research and DeepMind", ["Google Research", "DeepMind"]),
    ("Jesse Dodge and Allen Institute for AI", ["Jesse Dodge", "Allen Institute for AI"]),
    ("Strubell & McCallum", ["Strubell", "McCallum"]),
    ("  ", []),
    (" ; , ", []),
])
def test_author_strings_split_into_names(text, names):
    assert split_info_authors(text) == names


def test_semicolon_lists_of_real_acl_pdfs():
    result = extract(corpus_path("pdf", "acl-N18-3011.pdf").read_bytes())
    names = split_info_authors(result.info_author)
    assert len(names) == 23
    assert names[0] == "Waleed Ammar" and names[-2:] == ["Madeleine van Zuylen", "Oren Etzioni"]   # metadata: "oren etzioni"


def test_a_note_after_the_name_is_not_an_author():
    result = extract(corpus_path("pdf", "turing-1950-computing-machinery-and-intelligence.pdf").read_bytes())
    assert result.info_author == "A. M. Turing. Adapted to LaTeX by Diogo Sousa"
    assert split_info_authors(result.info_author) == ["A. M. Turing"]



@pytest.mark.parametrize("first_page, title, authors", [
    # a title broken after a word no title ends with goes on; the names follow it
    ("Learning to Rank Papers using\nGraph-aware Language Models\nAda Lovelace† Alan Turing∗\nAnalytical Engines Inc.",
     "Learning to Rank Papers using Graph-aware Language Models", ["Ada Lovelace", "Alan Turing"]),
    ("Carbon Accounting Towards\nSustainable Training\nGrace Hopper, John von Neumann\nAbstract",
     "Carbon Accounting Towards Sustainable Training", ["Grace Hopper", "John von Neumann"]),
    # a sentence-case title goes on in lower case
    ("Energy and policy considerations for deep\nlearning in NLP\nEmma Strubell, Ananya Ganesh\nAbstract",
     "Energy and policy considerations for deep learning in NLP", ["Emma Strubell", "Ananya Ganesh"]),
    # a page cut out of a paper: its running header, then prose (a processor's clock speed is no name)
    ("Measuring Inference Energy at Scale 7\nthe runs were timed on one machine with an Intel Xeon 8380\n"
     "CPU @2.30 GHz.\n4.2 Results\nTable 3 lists the energy of each run.",
     "", []),                       # a running header is no title page's title
    ("Optimized Table Tokenization for Table Structure Recognition 9\norder to compute the TED score. Inference",
     "", []),                       # a long header alike
    # ACM: each name over its e-mail, affiliation and city lines, two names sharing a block
    ("CiteSee: Augmenting Citations\nJoseph Chee Chang\njosephc@allenai.org\nAllen Institute for AI\n"
     "Seattle, WA, USA\nAmy X. Zhang\naxz@cs.uw.edu\nUniversity of Washington\nSeattle, WA, USA\nKyle Lo\n"
     "Doug Downey\nkylel@allenai.org\ndougd@allenai.org\nGoogle Research\nABSTRACT\nWhen reading a paper",
     "CiteSee: Augmenting Citations", ["Joseph Chee Chang", "Amy X. Zhang", "Kyle Lo", "Doug Downey"]),
    # LNCS: markers on lines of their own, a name broken over two lines, affiliations numbered
    ("LayoutParser: A Unified Toolkit\nZejiang Shen\n1\n(\n), Ruochen Zhang\n2\n, Benjamin Charles Germain\n"
     "Lee\n4\n, and Weining Li\n5\n1 Allen Institute for AI\nshannons@allenai.org 2 Brown University\n"
     "ruochen zhang@brown.edu 3 Harvard University\nAbstract. Recent advances in document image analysis",
     "LayoutParser: A Unified Toolkit",
     ["Zejiang Shen", "Ruochen Zhang", "Benjamin Charles Germain Lee", "Weining Li"]),
    # names in capitals, each with its affiliation; a curly apostrophe in a name
    ("Paper Plain: Medical Papers\nTAL AUGUST, University of Washington, USA\nMARTI A. HEARST, University of "
     "California, Berkeley, USA\nCara O’Brien, Mark Sendak\nWhen seeking information not covered in pamphlets",
     "Paper Plain: Medical Papers", ["Tal August", "Marti A. Hearst", "Cara O’Brien", "Mark Sendak"]),
    # a long first line goes on in title case; an author line or a report's label after it does not
    ("Paper Plain: Making Medical Research Papers Approachable to Healthcare\nConsumers with Natural Language "
     "Processing\nTAL AUGUST, University of Washington, USA\nWhen seeking information",
     "Paper Plain: Making Medical Research Papers Approachable to Healthcare Consumers with Natural Language "
     "Processing", ["Tal August"]),
    ("Measuring the Energy Consumption of Large Language Model Inference at Scale\nTechnical Report Series "
     "Number Seven\nAbstract", "Measuring the Energy Consumption of Large Language Model Inference at Scale", []),
    ("Measuring the Energy Consumption of Large Language Model Inference at Scale\nJoseph Chee Chang\n"
     "Abstract", "Measuring the Energy Consumption of Large Language Model Inference at Scale", ["Joseph Chee Chang"]),
    # a numbered section after the names ends them
    ("Computing Machinery and Intelligence\nA. M. Turing\n1950\n1 The Imitation Game\nI propose to consider",
     "Computing Machinery and Intelligence", ["A. M. Turing"]),
    # e-mail addresses are dropped, the names beside them kept
    ("Water Footprint of Data Centres\nMary Shelley ada@example.org\nPercy Shelley\n{mary, percy}@uni.edu",
     "Water Footprint of Data Centres", ["Mary Shelley", "Percy Shelley"]),
])
def test_title_and_authors_guessed_from_a_first_page(first_page, title, authors):
    assert pdf.guess_title(first_page) == title
    assert pdf.guess_authors(first_page, title) == authors


@pytest.mark.parametrize("first_page, year", [
    ("Computing Machinery and Intelligence\nA. M. Turing\n1950\n1 The Imitation Game\nI propose to", 1950),
    ("The PageRank Citation Ranking\nLawrence Page\nJanuary 29, 1998\nAbstract\nThe importance of", 1998),
    ("A Title Here\nAda Lovelace\n(2019)\nAbstract", 2019),
    ("A Title Here\nAda Lovelace\nAbstract\nwe compare with results from\n2012\n", None),   # the text has begun
    ("A Title Here\nAda Lovelace\nIn 2012 we measured", None),                           # a year inside a line
    ("A Title Here\n12345\n", None),
])
def test_a_year_printed_among_the_title_lines(first_page, year):
    """Turing's 1950 paper, typeset in 2010, is dated by the year it prints, not its PDF's."""
    assert pdf.guess_year(first_page) == year

# -- two extractors: pdfium (the default when installed) and pypdf (the reference) ----------

GOOD = make_pdf(["Energy use of training is measured in kilowatt hours per model run here.",
                 "A second page says the same thing again, in other words, for the count."], compress=False)
# The same file made unreadable to one extractor: its cross-reference table replaced by
# garbage (pypdf gives up; PDFium rebuilds it), or its trailer without /Root (the reverse).
NO_XREF = GOOD[:GOOD.rfind(b"xref")] + b"garbage\n"
NO_ROOT = GOOD.replace(b"/Root 1 0 R", b"")

needs_pdfium = pytest.mark.skipif(not pdf.pdfium_available(), reason="pypdfium2 is not installed")


@needs_pdfium
def test_the_default_is_pdfium_and_both_keep_a_second_extraction():
    result = pdf.extract_plan(GOOD, None)
    assert result.plan == "pdfium" and result.extractor.startswith("pypdfium2 ") and result.second is None
    both = pdf.extract_plan(GOOD, "both")
    assert both.plan == "pdfium+pypdf" and both.second.extractor.startswith("pypdf ")
    assert both.pages[0].startswith("Energy use of training") and both.second.pages[0].startswith("Energy use")
    assert pdf.extract_plan(GOOD, "pypdf+pdfium").extractor.startswith("pypdf ")


def test_an_unknown_extractor_is_refused():
    for bad in ("mupdf", "pdfium+pdfium", "pypdf+", "both+pypdf"):
        with pytest.raises(UsageError, match="--extractor .*: choose one of pdfium, pypdf"):
            pdf.extract_plan(GOOD, bad)


@needs_pdfium
@pytest.mark.parametrize("data, plan, reader", [(NO_XREF, "pypdf", "pdfium"), (NO_ROOT, "pdfium", "pypdf")])
def test_a_pdf_one_extractor_cannot_read_falls_back_to_the_other(data, plan, reader):
    with pytest.raises(PDFError):
        pdf.extract(data, extractor=plan)
    result = pdf.extract_plan(data, plan)
    assert result.plan == reader and result.pages[0].startswith("Energy use of training")
    [note] = result.warnings
    assert note.startswith(f"{plan} could not read it (") and note.endswith(f"its text is {reader}'s")
    both = pdf.extract_plan(data, "both")             # no second extraction to keep: said so
    assert both.plan == reader and both.second is None


@needs_pdfium
def test_pypdf_without_text_gives_way_to_pdfium():
    # A page whose font resource is missing: pypdf reads no text, PDFium still does.
    data = GOOD.replace(b"/Resources << /Font << /F1 3 0 R >> >>", b"")
    assert pdf.extract(data, extractor="pypdf").status == "image-only"
    result = pdf.extract_plan(data, "pypdf")
    assert result.status == "ok" and result.plan == "pdfium" and "pypdf could not read its text" in result.warnings[0]


@needs_pdfium
def test_what_neither_can_read_is_one_error_and_limits_stop_both():
    with pytest.raises(PDFError, match="not a PDF"):
        pdf.extract_plan(b"hello", "both")
    with pytest.raises(PDFError, match="encrypted"):
        pdf.extract_plan(make_pdf(["secret text of a page"], encrypt=True), "pdfium")
    assert pdf.extract_plan(make_image_only_pdf(), "both").status == "image-only"
    # Over a limit: pypdf enforces it as it reads, with its own message; PDFium never reads the file.
    with pytest.raises(LimitExceeded, match="Limit reached while decompressing"):
        pdf.extract_plan(make_bomb_pdf(12, ["a line"]), "pdfium", pdf.Limits(max_stream_mb=5))
    with pytest.raises(LimitExceeded, match="over the limit of 1"):
        pdf.extract_plan(GOOD, "pdfium", pdf.Limits(max_pages=1))


@needs_pdfium
@pytest.mark.parametrize("made", [
    # Deflate may store any bytes: a bomb whose data starts by printing "endstream" looks a few
    # bytes long to a reader looking for the keyword, but PDFium reads it to its /Length.
    dict(early_end=True), dict(early_end=True, length_as_object=True),
    # Written in ASCII before it was compressed, or as Flate five times over: decoded in order.
    # ASCII85's 'z' is four zero bytes in one character: its 850 bytes stored hold this 3 MB,
    # more than 1,032 times their size (Deflate's most), so its length alone cannot bound it.
    dict(ascii="hex"), dict(ascii="85"), dict(layers=5), dict(ascii="hex", filters_as_object=True),
    # The page's content stream, whatever its dictionary says it is.
    dict(image="contents"),
])
def test_a_bomb_however_it_is_made_is_bounded_before_pdfium_reads_it(made):
    # Small (3 MB against a limit of 1 MB) for the suite's sake: the check's arithmetic is the same at any size.
    bomb = make_bomb_pdf(3, ["a line after the bomb"], **made)
    with pytest.raises(PDFError, match="over 1 MB decompressed|filters in another object, which kb does not follow"):
        pdf.extract(bomb, pdf.Limits(max_stream_mb=1), extractor="pdfium")
    # The same file within the limit: PDFium reads the whole stream, its text after the spaces
    # (five layers of Flate are more than kb decodes to bound a stream: pypdf's to read).
    within = pdf.extract_plan(bomb, "pdfium", pdf.Limits(max_stream_mb=4))
    assert "a line after the bomb" in within.pages[0]
    assert within.extractor.startswith("pypdf " if "layers" in made or "filters_as_object" in made
                                       else "pypdfium2 "), within.extractor


def _one_stream_pdf(filters: bytes, stored: bytes) -> bytes:
    """A page whose content stream is `stored` under `filters`, then a line of text."""
    text = b"BT /F1 10 Tf 50 760 Td (a line) Tj ET"
    return page_of_streams([b"<< /Length %d /Filter %s >>\nstream\n" % (len(stored), filters) + stored
                            + b"\nendstream", b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream"])


@pytest.mark.parametrize("filters, bounded", [
    # LZW and RunLength are not decoded: bounded by their length times the most each expands
    # (about 3,641 and 64 times). 200 bytes of LZW stay within 1 MB; under ASCII85, whose 'z'
    # is four zero bytes in one character, they may not, nor 5,000 bytes of RunLength.
    (b"/LZWDecode", True), (b"[/A85 /LZWDecode]", False), (b"[/ASCIIHexDecode /LZWDecode]", True),
    (b"/RunLengthDecode", True), (b"[/ASCII85Decode /RunLengthDecode]", False),
])
def test_a_stream_kb_does_not_decode_is_bounded_by_its_length_and_every_filter(filters, bounded):
    size = 5000 if b"RunLength" in filters else 200
    data = _one_stream_pdf(filters, b"z" * (size - 2) + b"~>")
    if bounded:
        pdf._check_streams(data, pdf.Limits(max_stream_mb=1), "the PDF")
    else:
        with pytest.raises(PDFError, match="over 1 MB decompressed"):
            pdf._check_streams(data, pdf.Limits(max_stream_mb=1), "the PDF")


@needs_pdfium
@pytest.mark.parametrize("made", [
    dict(filters="/Fl"), dict(filters="/Fl", content_filter=True), dict(filters="[/A85 /Fl]"),
    dict(filters="[/A85 /Fl]", content_filter=True), dict(filters="/LZW"),
    # in a form the page draws, whose dictionary also says it is a font program
    dict(filters="/Fl", in_form=True),
])
def test_an_inline_image_is_bounded_before_pdfium_reads_it(made):
    # PDFium decodes an inline image's data to find where it ends: 3 MB of zeros from 3 KB of
    # Flate in a content stream (itself compressed or not) would pass a limit of 1 MB.
    bomb = make_inline_image_pdf(3, ["a line after the image"], **made)
    with pytest.raises(PDFError, match="over 1 MB decompressed"):
        pdf.extract(bomb, pdf.Limits(max_stream_mb=1), extractor="pdfium")
    within = pdf.extract_plan(bomb, "pdfium", pdf.Limits(max_stream_mb=1))     # pypdf's, within the limit
    assert within.extractor.startswith("pypdf ") and "a line after the image" in within.pages[0]
    if made["filters"] != "/LZW":      # (not real LZW data: PDFium reads no page of it)
        under = pdf.extract(bomb, pdf.Limits(max_stream_mb=4), extractor="pdfium")
        assert under.extractor.startswith("pypdfium2 ") and "a line after the image" in under.pages[0]


@needs_pdfium
def test_small_inline_images_and_bi_in_text_are_read_by_pdfium():
    for made in (dict(filters="/Fl"), dict(filters="[/A85 /Fl]", content_filter=True), dict(filters="")):
        page = make_inline_image_pdf(0.01, ["BI ID EI: a BIG ID card", "(BI /F /Fl ID )"], **made)
        read = pdf.extract(page, pdf.Limits(max_stream_mb=1), extractor="pdfium")
        assert "a BIG ID card" in read.pages[0], made


@needs_pdfium
def test_an_inline_image_cut_between_two_content_streams_is_given_to_pypdf():
    cut = make_inline_image_pdf(0.5, ["a line after the image"], filters="/Fl", split=True)
    with pytest.raises(PDFError, match="inline image whose compressed data runs past the end of its content stream"):
        pdf.extract(cut, pdf.Limits(max_stream_mb=1), extractor="pdfium")
    assert pdf.extract_plan(cut, "pdfium", pdf.Limits(max_stream_mb=1)).extractor.startswith("pypdf ")


@needs_pdfium
def test_a_font_program_that_says_it_is_an_image_is_bounded_before_pdfium_reads_it():
    with pytest.raises(PDFError, match="over 5 MB decompressed"):
        pdf.extract(make_font_bomb_pdf(12, "a line in the font"), pdf.Limits(max_stream_mb=5), extractor="pdfium")


@needs_pdfium
def test_an_image_the_page_draws_is_not_decoded_to_read_its_text():
    # Reading text does not decode an image: one of 12 MB is no reason to refuse a 5 MB limit.
    drawn = make_bomb_pdf(12, ["a line beside the image"], image="xobject")
    assert "a line beside the image" in pdf.extract(drawn, pdf.Limits(max_stream_mb=5), extractor="pdfium").pages[0]


#: Reads a PDF of 150,000 characters from 1 KB of Flate (PDFium takes about 300 bytes of memory for
#: each) with max_extract_mb = 6, after a PDF within it, and prints what kb said. In a process of its
#: own: the limit is watched as the growth of the process's resident memory, which a test process that
#: has freed memory before (and so reuses it without growing) may not show.
_MEMORY_RUN = """
import sys
from kb.errors import LimitExceeded
from kb.sources import pdf
from pdfgen import make_many_characters_pdf, make_pdf
GOOD = make_pdf(["Energy use of training is measured in kilowatt hours per model run here."])
if sys.argv[1] == "never-looks":
    pdf._WATCH_EVERY = 3600.0   # the watcher never looks: only the peak once PDFium is done can tell
limits = pdf.Limits(max_extract_mb=6)   # PDFium's library, loaded by the first reading, is 7 MB: not the PDF's
print(pdf.extract(GOOD, limits, extractor="pdfium").pages[0][:22])
many = make_many_characters_pdf(150_000)
assert len(many) < 4000
try:
    pdf.extract(many, limits, extractor="pdfium")
    print("read")
except LimitExceeded as exc:
    print(exc.message)
assert pdf.wait_for_pdfium(60)
print("a line before them" in pdf.extract(many, extractor="pdfium").pages[0])
"""


def _memory_run(how: str) -> list[str]:
    import os
    import subprocess
    import sys
    from pathlib import Path

    tests = str(Path(__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([tests, os.environ.get("PYTHONPATH", "")]))
    r = subprocess.run([sys.executable, "-c", _MEMORY_RUN, how], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.splitlines()


@needs_pdfium
@pytest.mark.parametrize("how, where", [("watched", r"page 1 of 1 (was still being read|was read)"),
                                        ("never-looks", r"page 1 of 1 was read")])
def test_a_page_of_too_many_characters_is_stopped_at_the_memory_limit(how, where):
    # watched: as kb reads; never-looks: a page read between two of the watcher's looks (a busy
    # machine runs it late) is over the limit all the same, by the process's peak
    good, said, within_default = _memory_run(how)
    assert good == "Energy use of training"
    assert re.search(r"PDFium took over 6 MB of memory to read its text \(" + where, said), said
    assert within_default == "True"
    with pytest.raises(UsageError, match='limit max_extract_mb = "lots" is text, not a number'):
        pdf.Limits.from_env({"max_extract_mb": "lots"})


@needs_pdfium
def test_a_page_slow_to_read_is_stopped_at_the_time_limit():
    # Ten thousand drawings of a word from forms drawing forms: a fraction of a second here, and
    # hours a few levels deeper; PDFium cannot be stopped mid-page, so kb stops waiting for it.
    slow = make_nested_forms_pdf(5)
    with pytest.raises(LimitExceeded, match=r"took over 0\.01 s \(.*; a PDF can be made so its pages are slow"):
        pdf.extract(slow, pdf.Limits(max_extract_seconds=0.01), extractor="pdfium")
    try:
        assert pdf.pdfium_stuck()
        # PDFium reads one document at a time: until it is done, another file is pypdf's.
        with pytest.raises(PDFError, match="PDFium is still reading a page of another file"):
            pdf.extract(GOOD, extractor="pdfium")
        other = pdf.extract_plan(GOOD, "pdfium")
        assert other.extractor.startswith("pypdf ") and other.pages[0].startswith("Energy use of training")
    finally:
        assert pdf.wait_for_pdfium(60)
    assert not pdf.pdfium_stuck()
    assert pdf.extract(GOOD, extractor="pdfium").extractor.startswith("pypdfium2 ")


@needs_pdfium
def test_ctrl_c_while_pdfium_reads_a_slow_page_ends_the_command_at_once(kb_root, tmp_path):
    # PDFium cannot be stopped mid-page: a Ctrl-C ends the wait for it, and the command ends
    # without tearing PDFium down under its thread (that crashed the process at exit).
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    slow = tmp_path / "slow.pdf"
    slow.write_bytes(make_nested_forms_pdf(7))          # ten seconds and more of PDFium
    proc = subprocess.Popen([sys.executable, "-c", "from kb.cli.launch import entry; entry()", "add", "--offline",
                             str(slow)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    def cpu() -> float:
        """The child's CPU time so far (Linux's /proc; 0 elsewhere)."""
        try:
            fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    try:
        cached = kb_root / ".kb" / "cache" / "sources"
        deadline = time.monotonic() + 60
        while not list(cached.glob("*.pdf")) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)                            # the add caches the file as PDFium starts
        start = cpu()                                   # then half a second of CPU inside the page
        while cpu() < start + 0.5 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130, (proc.returncode, err.decode()[-2000:])
    assert err.decode().startswith("kb: interrupted") and "Fatal Python error" not in err.decode()
    assert "added" not in out.decode()


def test_the_zlib_header_precheck_never_skips_a_stream_zlib_would_read():
    # _check_streams asks zlib only of streams whose first two bytes zlib can take: every
    # two-byte start zlib does not refuse must pass the precheck (else a bomb goes unread).
    import zlib

    for first in range(256):
        for second in range(256):
            start = bytes([first, second])
            try:
                zlib.decompressobj().decompress(start)
            except zlib.error:
                continue
            assert pdf._zlib_header(start), start
    assert not pdf._zlib_header(b"x") and not pdf._zlib_header(b"BT /F1 12 Tf")


#: Every real PDF of the corpus, one test each (the folder may be absent: then one, skipped).
REAL_PDFS = sorted(p.name for p in (CORPUS / "pdf").glob("*.pdf")) or ["(no corpus)"]


@needs_pdfium
@pytest.mark.corpus
@pytest.mark.parametrize("name", REAL_PDFS)
def test_both_extractors_read_every_real_pdf(name):
    data = corpus_path("pdf", name).read_bytes()
    b = pdf.extract_plan(data, "pdfium")
    if b.page_count > 30 and not LONG:
        pytest.skip("pypdf takes seconds over a PDF of more than 30 pages: KB_TEST_LONG=1 reads it")
    a = extracted(name, "pypdf")            # read by other tests too: once in a run
    assert b.status == "ok" and b.page_count == a.page_count
    assert a.arxiv == b.arxiv and a.doi == b.doi
    assert b.plan == "pdfium" and not b.warnings
    # Many of the same words, give or take each extractor's artefacts (pypdf reads the 1999
    # PageRank report's Type 3 fonts as "/#0Cgure": 40% of the words in common).
    words_a = set(" ".join(a.pages).split())
    words_b = set(" ".join(b.pages).split())
    assert len(words_a & words_b) > 0.3 * min(len(words_a), len(words_b))


@needs_pdfium
@pytest.mark.corpus
def test_pdfium_hyphens_at_line_breaks_are_soft_hyphens_not_boxes():
    # pdfium marks "ingre-/dient" at a line break with U+FFFE, a noncharacter a terminal
    # prints as a box; kb stores it as U+00AD, which matching and search drop.
    from kb.text.normalise import normalise
    result = pdf.extract_plan(corpus_path("pdf", "acl-2020.acl-main.207.pdf").read_bytes(), "pdfium")
    text = "\n".join(result.pages)
    assert "\ufffe" not in text
    assert "ingre\u00addient" in text
    assert "acriticalingredientfornaturallanguage" in normalise(text)


@pytest.mark.parametrize("raw, text", [
    ("signi\x0ccant di\x0berences", "significant differences"),          # PDFium: the OT1 codes
    ("e\x0eciently in\rating the \rat e\x0bect", "efficiently inflating the flat effect"),
    ("justi\x0c-\ncation, su\x0f", "justifi-\ncation, suffl"),
    ("signi/#0Ccan t di/#0Berences", "significan t differences"),         # pypdf: their glyph names
    ("with value \x0b. And \x0e > \x0f", "with value \x0b. And \x0e > \x0f"),  # alone: math's Greek, kept
    ("line one\r\nline two", "line one\r\nline two"),
])
def test_tex_ligature_codes_are_read_as_their_letters(raw, text):
    assert pdf.tex_ligatures(raw) == text


@pytest.mark.corpus
@pytest.mark.parametrize("extractor", [
    "pypdf", pytest.param("pdfium", marks=pytest.mark.skipif(not pdf.pdfium_available(), reason="no pypdfium2"))])
def test_a_1998_tex_pdf_without_unicode_maps_gives_its_ligatures_as_letters(extractor):
    from kb.text.match import find_quote
    from kb.text.normalise import Document

    pages = extracted("pagerank-citation-ranking-1999.pdf", extractor).pages
    quote = "there are a number of significant differences between web pages and academic publications"
    assert find_quote(Document(pages), quote) is not None
    assert find_quote(Document(pages), quote.replace("significant", "insignificant")) is None
    assert "/#0C" not in "".join(pages) and "signi\x0ccant" not in "".join(pages)


# -- bytes before the header, as a browser or a mail client saves a PDF -------------------------

PREFIXES = {"http-header": b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: 9\r\n\r\n",
            "bom": b"\xef\xbb\xbf", "utf16-bom": b"\xff\xfe", "junk-1023": b"x" * 1019 + b"\r\n\r\n"}


@pytest.mark.parametrize("prefix", sorted(PREFIXES))
@pytest.mark.parametrize("extractor", ["pdfium", "pypdf"])
def test_a_pdf_with_bytes_before_its_header_is_read_as_pdf_readers_read_it(prefix, extractor):
    data = make_pdf(["Energy of alpha: 12 kWh per run.", "Second page, 3 GPUs."], title="Alpha")
    plain = extract(data, extractor=extractor)
    shifted = extract(PREFIXES[prefix] + data, extractor=extractor)
    assert shifted.pages == plain.pages and "12 kWh" in shifted.pages[0]
    assert pdf.is_pdf(PREFIXES[prefix] + data)


@pytest.mark.parametrize("data", [b"x" * 1024 + b"%PDF-1.4\n", b"\xef\xbb\xbf" + b" " * 1100 + b"%PDF-1.7",
                                  b"%PDF", b"PDF-1.4", b"%pdf-1.4\n", b""])
def test_no_header_in_the_first_1024_bytes_is_not_a_pdf(data):
    assert not pdf.is_pdf(data)
    for extractor in ("pdfium", "pypdf"):
        with pytest.raises(PDFError, match="no %PDF- header in its first 1024 bytes"):
            extract(data, extractor=extractor)
