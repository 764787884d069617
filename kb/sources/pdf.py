"""Page text from PDFs, within limits the user can raise.

Two extractors: pypdfium2 ("pdfium", Google's PDFium: 3-12 times faster on real
papers, the default when installed) and pypdf (pure Python: the reference, and
the fallback when pdfium is missing or cannot read a file). Each has its own
artefacts (glued or split words, moved subscripts, interleaved columns), so a
paper may keep both extractions (`plan` "pdfium+pypdf"): the first is the page
text every offset points into, the second is where a quote the first misses
may still be found.

The text of each page is kept exactly as the extractor returns it (pdfium's
CRLF line ends read as LF): every offset kb records points into it. Encrypted,
corrupt, image-only and oversized PDFs end in a PDFError saying which; callers
may still keep the paper's metadata. A PDF one extractor cannot read is read
by the other, with a note.
"""

from __future__ import annotations

import io
import os
import re
import sys
import time
import unicodedata
import warnings
from dataclasses import dataclass, field

from kb.atomic import shown, what_it_is
from kb.errors import LimitExceeded, PDFError, UsageError
from kb.lazyimport import lazy_import
from kb.text.display import choice_said
from kb.text.garbled import REPLACEMENT, garbled, replaced
from kb.text.ids import find_arxiv_in_text, find_arxiv_stamp, find_doi_in_text
from kb.text.lazyre import lazy
from kb.text.names import firm, is_organisation, to_bibtex_name
from kb.text.normalise import as_printed, joined_splits

_refs = lazy_import("kb.text.refs")      # (a place's names, for authors guessed only)

#: Generous bound on the entries of one page dictionary (Type, Parent, Resources,
#: MediaBox, Contents, Annots, ... and what it inherits), for pypdf's page-tree limit.
ENTRIES_PER_PAGE = 50


#: The largest size limit kb keeps (an exabyte, in MB): a larger one is as good as none, and
#: its bytes still fit the sizes zlib and the memory watch take.
LARGEST_MB = float(2 ** 40)


#: The shortest time limit kb takes (a microsecond): one shorter is no time at all, said back as '1e-300 s'.
SHORTEST_SECONDS = 1e-6


@dataclass
class Limits:
    max_pages: int = 2000
    max_stream_mb: float = 75.0      # decompressed size of any one stream
    max_extract_seconds: float = 120.0   # all pages; a PDF can be built so each page takes seconds
    max_extract_mb: float = 1024.0  # memory PDFium may take reading one file (a page of millions of characters)

    @classmethod
    def from_env(cls, overrides: dict | None = None, *, environ=None) -> "Limits":
        """The limits of kb.toml's [limits] (`overrides`), each KB_MAX_* variable set before it (`environ`:
        os.environ, or {} to read kb.toml's alone); UsageError for a value that is no limit."""
        limits = cls()
        environ = os.environ if environ is None else environ
        for name in ("max_pages", "max_stream_mb", "max_extract_seconds", "max_extract_mb"):
            raw = (overrides or {}).get(name)
            env = environ.get("KB_" + name.upper())
            value = env if env not in (None, "") else raw
            if value not in (None, ""):
                where = f"KB_{name.upper()}" if env not in (None, "") else "kb.toml [limits]"
                kind = type(getattr(limits, name))
                expected = "a whole number" if kind is int else "a number"
                shown = _as_toml(value) if where == "kb.toml [limits]" else repr(value)
                if where == "kb.toml [limits]" and (isinstance(value, bool) or not isinstance(value, (int, float))):
                    # `max_pages = "2000"`: TOML text, not the number kb.toml's other readers take it
                    # for; a date, a list, a table, true: no number at all
                    number = _unquoted(value) if isinstance(value, str) else None
                    fix = f": write it without quotes, {name} = {number}" if number is not None else ""
                    raise UsageError(f"limit {name} = {shown} is {_toml_kind(value)}, not {expected}{fix} "
                                     f"(set in {where})")
                try:
                    number = kind(value)
                    if kind is int and isinstance(value, float) and number != value:
                        raise ValueError(name)          # 2.5 pages is not 2
                except (TypeError, ValueError, OverflowError):
                    # A setting to correct, not a PDF over a limit (which would be kept without text).
                    raise UsageError(f"limit {name} = {shown} is not {expected} (set in {where})") from None
                if not number > 0:
                    raise UsageError(f"limit {name} = {shown} must be above 0 (set in {where})")
                if name.endswith("_seconds") and number < SHORTEST_SECONDS:
                    # 1e-300 passed 'above 0' and was said back as 'extracting its text took over 1e-300 s'
                    raise UsageError(f"limit {name} = {shown} is under a microsecond, shorter than any page takes "
                                     f"to read: it must be at least {SHORTEST_SECONDS:g} (set in {where})")
                if name.endswith("_mb"):
                    # A size of exabytes (KB_MAX_STREAM_MB=inf, 1e300: a person's 'no limit') is
                    # past what zlib and a byte count hold (OverflowError, an internal error)
                    number = min(number, LARGEST_MB)
                setattr(limits, name, number)
        return limits

    @property
    def stream_bytes(self) -> int:
        """max_stream_mb in bytes, at least one: a limit under a byte read as 0, which pypdf
        (as zlib) takes for no limit at all, and PDFium's check for no stream at all."""
        return max(1, int(self.max_stream_mb * 1024 * 1024))


def _unquoted(value: str) -> str | None:
    """The number the text `value` says, as TOML writes it ("2000" -> 2000), or None."""
    try:
        number = float(value.strip().replace("_", ""))
    except ValueError:
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)


def _toml_kind(value) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a date or time" if hasattr(value, "isoformat") else type(value).__name__


def _as_toml(value) -> str:
    """A kb.toml value as the person wrote it (near enough): "2000" in quotes, true, a date."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, list, dict)):
        try:
            text = json.dumps(value, ensure_ascii=False, default=str)
        except (TypeError, ValueError):
            text = repr(value)
        return text if len(text) <= 60 else text[:57] + "..."
    return value.isoformat() if hasattr(value, "isoformat") else repr(value)


@dataclass
class Extracted:
    pages: list[str]
    extractor: str
    status: str = "ok"                 # ok | image-only
    message: str = ""
    info_title: str = ""
    info_author: str = ""
    info_year: int | None = None        # the year of /CreationDate, where it may stand for the paper's
    #: what made the PDF, where its /CreationDate is not taken for the paper's year (creation_year_stands)
    remade_by: str = ""
    title_guess: str = ""
    author_guess: list[str] = field(default_factory=list)
    arxiv: object | None = None        # ids.ArxivId of the arXiv stamp on the first page
    #: an id the first pages print otherwise ('BERT (arXiv:1810.04805)'): a work cited as often
    #: as the paper itself, so a hint only (kb.ops.papers takes it where arXiv's title is printed)
    arxiv_hint: object | None = None
    #: arXiv's stamp on the second page: a merged file's next paper, never this one's
    stamp_later: object | None = None
    doi: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: pages the extractor could not read, kept empty so the others keep their numbers (a page
    #: tree naming itself among its /Kids: PDFium counts it a page and cannot load it)
    lost: list[int] = field(default_factory=list)
    #: pages a page tree reaches again ({page: the earlier page it is}), kept empty too: no
    #: extractor reads them better, so they give no other extractor its turn
    repeated: dict[int, int] = field(default_factory=dict)
    #: pages whose content streams the file does not hold (_contents_lost), lost too: the file's
    #: loss, not the extractor's, so they give no other extractor its turn either
    missing: list[int] = field(default_factory=list)
    plan: str = ""                     # what made it: "pdfium", "pypdf", "pdfium+pypdf" (kb.toml-free, per source)
    second: "Extracted | None" = None  # the other extractor's pages, when the plan asks for both

    @property
    def page_count(self) -> int:
        return len(self.pages)


#: The extractors kb knows, by the name a person gives (`kb add --extractor`).
EXTRACTORS = ("pdfium", "pypdf")


def pdfium_available() -> bool:
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


def default_extractor() -> str:
    """pdfium when pypdfium2 is installed, else pypdf."""
    return "pdfium" if pdfium_available() else "pypdf"


def extractor_name(which: str = "pypdf") -> str:
    """The extractor and its version, as recorded with each version's pages."""
    if which == "pdfium":
        import pypdfium2

        return f"pypdfium2 {pypdfium2.PYPDFIUM_INFO.version} (pdfium {pypdfium2.PDFIUM_INFO.build})"
    import pypdf

    return f"pypdf {pypdf.__version__}"


def parse_plan(choice: str | None) -> list[str]:
    """The extractors a choice names, first the one whose text offsets point into:
    None (the default), "pdfium", "pypdf", "both" (the default first, then the
    other) or a recorded plan "pdfium+pypdf"."""
    if choice in (None, ""):
        return [default_extractor()]
    if choice == "both":
        first = default_extractor()
        return [first] + [e for e in EXTRACTORS if e != first]
    names = choice.split("+")
    if not names or any(n not in EXTRACTORS for n in names) or len(set(names)) != len(names):
        raise UsageError(choice_said("--extractor", choice, EXTRACTORS + ("both",)))
    return names


def extract_plan(data: bytes, plan: str | None, limits: Limits | None = None, source: str = "the PDF",
                 progress=None) -> Extracted:
    """Extract with the extractors `plan` names (parse_plan). The first gives the
    pages; a second's pages are in `.second`. An extractor that cannot read the
    file (corrupt to it, or not installed) gives way to the other, with a note in
    `.warnings`; limits and encryption are the file's and stop both."""
    source = shown(source)          # a file's name as messages name it: one line, exact
    names = parse_plan(plan)
    limits = limits or Limits.from_env()
    notes: list[str] = []
    if "pdfium" in names and not pdfium_available():
        notes.append("pypdfium2 is not installed; its extraction is pypdf's")
        names = ["pypdf"]
    result = None
    failure: PDFError | None = None
    textless = None                        # an image-only reading, kept if no extractor finds text
    partial = None                         # a reading with pages lost, kept if no extractor reads them all
    unread: list[str] = []                 # why an extractor could not read the file at all
    order = names + [e for e in EXTRACTORS if e not in names]
    for i, name in enumerate(order):
        if name == "pdfium" and not pdfium_available():
            continue
        try:
            got = extract(data, limits, source, progress, extractor=name)
        except LimitExceeded:
            raise
        except PDFError as exc:
            if i + 1 < len(order) and ("over " in exc.message and "decompressed" in exc.message
                                       or "more pages than the limit" in exc.message):
                failure = failure or exc
                continue                   # a limit: pypdf's to enforce, as it always was
            if "encrypted" in exc.message or "no %PDF- header" in exc.message \
                    or exc.message.endswith(" is empty") or exc.message.startswith(f"{source} is cut off: "):
                raise                      # the file itself: the other extractor cannot do better
            if failure is not None and "PDFium" in failure.message + exc.message:
                # Neither can read it: pypdf, the reference, says what is wrong in its own terms.
                said = exc.message if name == "pypdf" else failure.message
                failure = PDFError(f"{said}; PDFium cannot read it either")
            failure = failure or exc
            notes.append(f"{name} could not read it ({exc.message})")
            unread.append(notes[-1])
            continue
        if got.status != "ok":             # no text to this extractor: the other may find some
            textless = textless or got
            notes.append(f"{name} could not read its text ({got.message})")
            continue
        if set(got.lost) - set(got.repeated) - set(got.missing) and i + 1 < len(order):
            if partial is None:
                partial = got
                own = [n for n in got.lost if n not in got.repeated and n not in got.missing]
                notes.append(f"{name} could not read {pages_named(own, got.page_count)}")
                partial_note = notes[-1]
            continue
        result = got
        if i:
            notes[-1] += f"; its text is {name}'s"
            names = names[i:] if i < len(names) else [name]
        break
    if result is None and partial is not None:
        result = partial                   # the pages one extractor read, the lost ones said (its warning)
        notes.remove(partial_note)
    if result is None and textless is not None:
        textless.plan = names[0]
        if unread:      # one extractor finds no text, the other cannot read the file: both are said
            if any(f"({source} is corrupt" in why for why in unread):
                # a file whose structure one reader cannot follow gives the other blank pages (PDFium makes a
                # page of its own where the page tree is an object stream naming itself): no scan is seen
                textless.message = textless.message.replace(_SCANNED, _BROKEN)
            textless.message = "; ".join([textless.message, *unread])
        return textless                    # image-only to every extractor: its message says so
    if result is None:
        raise failure or PDFError(f"{source} cannot be read")
    for name in names[1:]:
        try:
            other = extract(data, limits, source, progress, extractor=name)
        except (PDFError, LimitExceeded) as exc:
            notes.append(f"no second extraction by {name} ({exc})")
            continue
        if other.status == "ok":
            result.second = other
    result.plan = "+".join([names[0]] + ([names[1]] if result.second is not None else []))
    result.warnings = notes + result.warnings
    return result


def _open(data: bytes, limits: Limits, source: str):
    import pypdf
    from pypdf import errors as perr

    _check_header(data, source)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    except perr.EmptyFileError:
        raise PDFError(f"{source} is empty") from None
    except perr.LimitReachedError as exc:
        raise LimitExceeded(f"{source}: {exc}", hint="raise KB_MAX_STREAM_MB / KB_MAX_PAGES") from None
    except Exception as exc:
        raise PDFError(f"{source} is corrupt and cannot be read ({_pypdf_why(exc)})") from None
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except Exception as exc:  # missing crypto backend, unknown algorithm
            raise PDFError(f"{source} is encrypted and cannot be opened ({exc})") from None
        if not ok:
            raise PDFError(f"{source} is encrypted with a password; kb cannot read its text")
    return reader


def not_a_pdf(data: bytes) -> str:
    """"not a PDF", or what it is instead: "a ZIP archive, not a PDF"."""
    kind = what_it_is(data)
    return f"{kind}, not a PDF" if kind else "not a PDF"


#: PDF readers take a file whose %PDF- header begins in its first 1024 bytes (PDF Reference 1.7,
#: Appendix H: Acrobat does, and pdf.js and PDFium too): bytes before it are what a browser
#: or a mail client saved with the file (an HTTP header, a byte order mark).
HEADER_WITHIN = 1024


def pdf_start(data: bytes) -> int | None:
    """Where the %PDF- header begins: 0 for a PDF as written, further on for one saved
    with bytes before it; None when no header begins in the first 1024 bytes (not a PDF)."""
    at = data.find(b"%PDF-", 0, HEADER_WITHIN + 4)
    return at if at >= 0 else None


def is_pdf(data: bytes) -> bool:
    """Whether PDF readers take `data` for a PDF (its header in its first 1024 bytes)."""
    return pdf_start(data) is not None


def _check_header(data: bytes, source: str) -> None:
    if not is_pdf(data):
        raise PDFError(f"{source} is {what_it_is(data) or 'not a PDF'} (no %PDF- header in its first "
                       f"{HEADER_WITHIN} bytes)")


_LINEARIZED = lazy(rb"/Linearized\s")
_LINEARIZED_LENGTH = lazy(rb"/L\s+(\d{1,15})(?![\d.])")
_MAIN_XREF = lazy(rb"/T\s+(\d{1,15})(?![\d.])")


def cut_short(data: bytes) -> str | None:
    """Why a linearized PDF ("fast web view": a first page readable before the rest arrives) is cut short, or None.
    Its linearization dictionary, in its first bytes, gives the file's length (/L) and where its main cross-reference
    table begins (/T); the first page's own table and an %%EOF come before the other pages, so a download cut after
    them reads as a PDF whose pages past the first are missing (PDFium read page 1 and kept pages 2-8 of 8 empty;
    cut at that first %%EOF, it passed for a whole download). A file longer than /L was updated since (an
    incremental update appends): whole. One shorter whose main table still lies inside it and which ends on %%EOF
    is read, its /L taken for a writer's slip; shorter with its main table past its end, or no %%EOF at its end,
    it is cut off."""
    start = pdf_start(data) or 0
    found = _LINEARIZED.search(data, start, start + 2048)
    if found is None:
        return None
    opened = data.rfind(b"<<", start, found.start())
    closed = data.find(b">>", found.end(), found.end() + 1024)
    if opened < 0 or closed < 0:
        return None
    head = data[opened:closed]
    length = _LINEARIZED_LENGTH.search(head)
    if length is None or int(length.group(1)) <= len(data):
        return None
    main = _MAIN_XREF.search(head)
    ends = b"%%EOF" in data[-1024:]
    if ends and main is not None and int(main.group(1)) < len(data):
        return None
    said_length = f"its first bytes give its length as {int(length.group(1)):,} bytes and it holds {len(data):,}"
    if not ends:
        return said_length + ", with no end-of-file marker at its end"
    return said_length + ": its pages past the first are missing"


def extract(data: bytes, limits: Limits | None = None, source: str = "the PDF",
            progress=None, extractor: str | None = None) -> Extracted:
    """Extract every page's text with one extractor ("pdfium", "pypdf"; None: the
    default); PDFError/LimitExceeded when it cannot."""
    source = shown(source)
    limits = limits or Limits.from_env()
    extractor = extractor or default_extractor()
    _check_header(data, source)
    why = cut_short(data)
    if why is not None:
        raise PDFError(f"{source} is cut off: {why} (a download that did not finish?)")
    start = pdf_start(data)
    if start:
        data = data[start:]     # read from its header, as PDF readers do: offsets count from there
    if extractor == "pdfium":
        return _extract_pdfium(data, limits, source, progress)
    if extractor != "pypdf":
        raise UsageError(choice_said("--extractor", extractor, EXTRACTORS))
    return _extract_pypdf(data, limits, source, progress)


def _too_slow(limits: Limits, source: str, where: str) -> LimitExceeded:
    """Over the time limit (max_extract_seconds), `where` saying how far it got."""
    return LimitExceeded(f"{source}: extracting its text took over {limits.max_extract_seconds:g} s "
                         f"({where}; a PDF can be made so its pages are slow to read)",
                         hint="raise KB_MAX_EXTRACT_SECONDS (or max_extract_seconds in kb.toml "
                              "[limits]) if the file is trustworthy")


def _too_big(limits: Limits, source: str, where: str) -> LimitExceeded:
    """Over the memory limit (max_extract_mb), `where` saying how far it got."""
    return LimitExceeded(f"{source}: PDFium took over {limits.max_extract_mb:,g} MB of memory to read its text "
                         f"({where}; a PDF of a few kilobytes can hold a page of millions of characters)",
                         hint="raise KB_MAX_EXTRACT_MB (or max_extract_mb in kb.toml [limits]) if the file "
                              "is trustworthy")


#: How often kb looks at the memory PDFium's reading takes, in seconds.
_WATCH_EVERY = 0.05


def _reset_peak() -> bool:
    """Start this process's peak resident memory (Linux's VmHWM) again from what it holds
    now, so _peak says what a reading took at most; False where kb cannot."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _peak() -> int | None:
    """This process's peak resident memory in bytes since _reset_peak (None where kb cannot tell)."""
    try:
        with open("/proc/self/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _resident() -> int | None:
    """This process's resident memory in bytes (Linux's /proc), or None where kb cannot tell."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _deadline_passed(deadline: float, i: int, count: int, limits: Limits, source: str) -> None:
    if i and time.monotonic() > deadline:
        raise _too_slow(limits, source, f"{i} of {count:,} pages")


_PAGES_HINT = "raise KB_MAX_PAGES (or max_pages in kb.toml [limits])"


def _check_count(count: int, limits: Limits, source: str) -> None:
    if count > limits.max_pages:
        raise LimitExceeded(f"{source} has {count:,} pages, over the limit of {limits.max_pages:,}",
                            hint=_PAGES_HINT)
    if count == 0:
        raise PDFError(f"{source} has no pages")


def _over_pages(limits: Limits, source: str) -> LimitExceeded:
    """Over the page limit, the exact count unknown (not read to the end)."""
    return LimitExceeded(f"{source} has more than {limits.max_pages:,} pages", hint=_PAGES_HINT)


def _page_loads(doc, index: int) -> bool:
    try:
        doc[index].close()
    except Exception:
        return False
    return True


_RISKY_FILTER = lazy(rb"/(?:LZWDecode|RunLengthDecode|LZW|RL)\b")
_IMAGE = lazy(rb"/Subtype\s*/Image\b")
_INDIRECT_FILTER = lazy(rb"/Filter\s*\d+\s+\d+\s+R\b")
_LENGTH = lazy(rb"/Length\s+(\d+)(?:\s+(\d+)\s+R\b)?")
#: A stream's filters as its dictionary names them, in the order they were applied to read it.
_FILTERS = lazy(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_FILTER_NAME = lazy(rb"/([^\s/\[\]<>()]+)")
_OBJECT_ID = lazy(rb"(\d+)\s+(\d+)\s*\Z")
_STREAM = lazy(rb"stream")
#: Where PDFium reads a stream to get a page's text whatever its dictionary says it is: a
#: page's /Contents (one stream, or an array of them), a Type 3 font's glyph procedures (a
#: dictionary, or one kept as an object of its own), a font's program and its map to Unicode.
_AS_CONTENT = {b"/Contents": lazy(rb"/Contents\s*(\d+\s+\d+\s+R|\[[^\]]*\])"),
               b"/CharProcs": lazy(rb"/CharProcs\s*(<<[^>]*>>|\d+\s+\d+\s+R)"),
               b"/FontFile": lazy(rb"/FontFile[23]?\s*(\d+\s+\d+\s+R)"),
               b"/ToUnicode": lazy(rb"/ToUnicode\s*(\d+\s+\d+\s+R)")}
#: Any of _AS_CONTENT's names, found in one pass (none can begin inside another: each has one '/').
_AS_CONTENT_NAME = lazy(rb"/(?:Contents|CharProcs|FontFile|ToUnicode)")
_REF = lazy(rb"(\d+)\s+(\d+)\s+R")
_OBJECT_STREAM = lazy(rb"/Type\s*/ObjStm\b")
#: Streams whose dictionaries say they hold data PDFium does not read as content (an image,
#: a font's program, an object or cross-reference stream, metadata, a colour profile, a CMap,
#: an embedded file): not searched for inline images unless a page reads one as content.
_DATA_STREAM = lazy(rb"/Subtype\s*/(?:Image|Type1C|CIDFontType0C|OpenType|XML)\b|"
                    rb"/Type\s*/(?:ObjStm|XRef|Metadata|EmbeddedFile|CMap)\b|/Length[123]\b|/N\s+\d")
_FORM = lazy(rb"/Subtype\s*/Form\b")
_INLINE_FILTER = lazy(rb"/(?:F|Filter)\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_FLATE_NAMES = (b"FlateDecode", b"Fl")
_ASCII_HEX = (b"ASCIIHexDecode", b"AHx")
_ASCII_85 = (b"ASCII85Decode", b"A85")
_A85_TOKENS = tuple(b"/" + name for name in _ASCII_85)
#: The most Deflate can expand: 1,032 times (zlib's technical notes): a stream this
#: much smaller than the limit per layer of Flate cannot reach it, and is not decoded.
_DEFLATE_MOST = 1032
#: The most ASCII85 can expand: its 'z' is four zero bytes in one character (and Deflate's
#: output for a long run is mostly zero bytes). ASCIIHex only shrinks: two digits a byte.
_A85_MOST = 4
#: Layers of Flate kb decodes to bound a stream; a stream of more is pypdf's to read.
_MOST_LAYERS = 4


def _a85_most(head: bytes) -> int:
    """The most the ASCII85 filters a stream's dictionary names may expand it (_A85_MOST each;
    a name counted twice only makes kb decode a stream it could have skipped)."""
    return _A85_MOST ** (head.count(_A85_TOKENS[0]) + head.count(_A85_TOKENS[1]))


def _zlib_header(chunk) -> bool:
    """Whether `chunk` starts as zlib data (RFC 1950: method 8, and the two header bytes
    a multiple of 31); zlib.decompressobj() refuses anything else at once."""
    return len(chunk) >= 2 and chunk[0] & 0x0F == 8 and (chunk[0] << 8 | chunk[1]) % 31 == 0


def _streams(data: bytes) -> list[tuple[bytes, int, tuple[int, int] | None, int]]:
    """(dictionary, start, object, end) of each stream of `data`: its dictionary as far back
    as its object's " obj" (within 4 KB), where its bytes start, its object's (number,
    generation) when they precede " obj" (else None), and where the first `endstream` after
    its start is (else the file's end). Each `stream` keyword followed by an end of line is
    one, wherever it is (inside another stream's bytes too: kb does not trust a file's own
    account of where streams end); `endstream` is not. One pass over the file."""
    found: list[list] = []
    open_: list[list] = []          # streams whose first `endstream` is not found yet
    rfind, object_id, size = data.rfind, _OBJECT_ID.search, len(data)
    for keyword in _STREAM.finditer(data):
        at = keyword.start()
        nxt = at + 6
        if data[at - 3:at] == b"end":
            for stream in open_:
                stream[3] = at - 3
            open_.clear()
            continue
        after = data[nxt:nxt + 1]
        start = nxt + 1 if after == b"\n" else nxt + 2 if after == b"\r" and data[nxt + 1:nxt + 2] == b"\n" else -1
        if start >= 0:
            lo = at - 4096 if at > 4096 else 0
            obj = rfind(b" obj", lo, at)
            ident = object_id(data, obj - 24 if obj > 24 else 0, obj) if obj >= 0 else None
            stream = [data[obj + 1 if obj >= 0 else lo:at], start,
                      (int(ident.group(1)), int(ident.group(2))) if ident else None, size]
            found.append(stream)
            open_.append(stream)
    return [tuple(stream) for stream in found]


def _stored_size(head: bytes, start: int, end: int) -> int | None:
    """How many bytes a stream starting at `start` may hold as stored, by every account a
    reader could take: to the first `endstream` (`end`), and as long as its /Length says (a
    stream's first bytes may print "endstream": a Deflate block may store any bytes).
    None when its /Length is a reference to another object (which may itself be inside
    a compressed object stream): the stream is then decompressed to know."""
    size = end - start
    for length in _LENGTH.finditer(head):
        if length.group(2) is not None:
            return None
        size = max(size, int(length.group(1)))
    return size


def _stored(data: bytes, head: bytes, start: int, end: int) -> memoryview:
    """All the bytes a stream may hold as stored (_stored_size; to the file's end when its
    /Length is another object's), to decode it with a bound on what it decodes to, never on
    what is read of it: Deflate may open a stream with any number of empty blocks, which
    decode to nothing, so its first bytes say nothing of what the rest decodes to."""
    size = _stored_size(head, start, end)
    return memoryview(data)[start:start + size if size is not None else len(data)]


def _filters(head: bytes) -> list[bytes] | None:
    """The filters a stream's dictionary names, in order; None when it names them as
    another object or more than once (kb then decodes what the bytes look like)."""
    found = _FILTERS.findall(head)
    if len(found) != 1 or _INDIRECT_FILTER.search(head):
        return None
    return _FILTER_NAME.findall(found[0])


def _unhex(chunk) -> bytes | None:
    """ASCIIHexDecode: hex digits up to '>', white space ignored (an odd last digit is
    followed by 0); None when it is not hex."""
    raw = bytes(chunk)
    end = raw.find(b">")
    raw = (raw[:end] if end >= 0 else raw).translate(None, b" \t\r\n\f\x00")
    try:
        return bytes.fromhex((raw + b"0" if len(raw) % 2 else raw).decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None


def _un85(chunk, limit: int) -> bytes | None:
    """ASCII85Decode up to '~>', white space ignored, all of it (white space may fill any
    length of its start); None when it is not ASCII85. What it decodes to is counted first,
    each 'z' four zero bytes: past `limit`, _PastLimit, without decoding it."""
    import base64

    raw = bytes(chunk)
    end = raw.find(b"~>")
    raw = raw[:end] if end >= 0 else raw
    raw = raw.translate(None, b" \t\r\n\f\x00")
    raw = raw[2:] if raw.startswith(b"<~") else raw
    zeros = raw.count(b"z")
    grouped = len(raw) - zeros
    if 4 * zeros + grouped // 5 * 4 + max(0, grouped % 5 - 1) > limit:
        raise _PastLimit
    raw = raw[:-1] if grouped % 5 == 1 else raw         # one character alone decodes to nothing
    try:
        return base64.a85decode(raw)
    except ValueError:
        return None


class _PastLimit(Exception):
    """A stream decodes past the limit at one of its filters already."""


def _content_refs(data: bytes, streams: list, limit: int) -> set[tuple[int, int]] | None:
    """The streams PDFium may read as content whatever their dictionaries say (_AS_CONTENT),
    from the file and its object streams (a page's dictionary may be inside one). A page's
    /Contents may name an array of streams kept as an object of its own (`/Contents 12 0 R`,
    object 12 `[13 0 R 14 0 R]`), a Type 3 font its /CharProcs as one: such objects are
    followed (_object_bodies). None when a name leads to no stream kb can find: then any
    stream may be content."""
    import zlib

    texts = [data]
    held: list[tuple[bytes, bytes]] = []        # (dictionary, decompressed bytes) of each object stream
    for head, start, _, end in streams:
        if _OBJECT_STREAM.search(head) and _zlib_header(data[start:start + 2]):
            try:
                held.append((head, zlib.decompressobj().decompress(_stored(data, head, start, end), limit + 1)))
            except zlib.error:
                continue
            texts.append(held[-1][1])
    known = {ident for _, _, ident, _ in streams}
    refs: set[tuple[int, int]] = set()
    for text in texts:
        for name in _AS_CONTENT_NAME.finditer(text):
            m = _AS_CONTENT[name.group()].match(text, name.start())
            for r in _REF.finditer(m.group(1)) if m else ():
                refs.add((int(r.group(1)), int(r.group(2))))
    followed: set[tuple[int, int]] = set()
    for _ in range(_MOST_HOPS):          # an array naming an array: a few hops, never a loop
        wanted = refs - known - followed
        if not wanted:
            return refs - followed
        followed |= wanted
        found = _object_bodies(data, held, wanted)
        if len(found) < len(wanted):
            return None             # an object kb cannot find (a stream it could not place, say)
        for bodies in found.values():
            for body in bodies:
                if b"stream" in body:
                    return None     # a stream whose object _streams could not name
                refs.update((int(r.group(1)), int(r.group(2))) for r in _REF.finditer(body))
    return None


#: How many objects naming objects _content_refs follows from a page's /Contents to its streams.
_MOST_HOPS = 3
#: The most of an object's body _object_bodies reads (an array of a page's content streams
#: is a few bytes a stream).
_BODY_MOST = 1 << 16
_INTS = lazy(rb"\d+")
_FIRST = lazy(rb"/First\s+(\d+)")


def _object_bodies(data: bytes, held: list[tuple[bytes, bytes]],
                   wanted: set[tuple[int, int]]) -> dict[tuple[int, int], list[bytes]]:
    """The bodies of the objects `wanted`, each as the file writes it (`N G obj ... endobj`,
    every time it does: an update appends another) and as object streams (`held`) hold it:
    one pass over the file for its `obj` keywords, each checked against the few bytes
    before it, as _streams finds streams."""
    found: dict[tuple[int, int], list[bytes]] = {}
    at = data.find(b"obj")
    while at >= 0:
        if data[at - 3:at] != b"end":
            ident = _OBJECT_ID.search(data, max(0, at - 24), at)
            key = (int(ident.group(1)), int(ident.group(2))) if ident else None
            if key in wanted:
                end = data.find(b"endobj", at, at + _BODY_MOST)
                found.setdefault(key, []).append(data[at + 3:end if end >= 0 else at + _BODY_MOST])
        at = data.find(b"obj", at + 3)
    for head, text in held:
        first = _FIRST.search(head)
        if first is None:
            continue
        numbers = [int(n) for n in _INTS.findall(text, 0, int(first.group(1)))]
        offsets = numbers[1::2] + [len(text) - int(first.group(1))]
        for n, (number, offset) in enumerate(zip(numbers[::2], offsets)):
            if (number, 0) in wanted:       # an object stream holds objects of generation 0
                start = int(first.group(1)) + offset
                found.setdefault((number, 0), []).append(text[start:min(start + offsets[n + 1] - offset,
                                                                        start + _BODY_MOST)])
    return found


def _over(limits: Limits, source: str) -> PDFError:
    return PDFError(f"{source} holds a stream over {limits.max_stream_mb:g} MB decompressed; "
                    "pypdf reads it within the limit")


def _check_streams(data: bytes, limits: Limits, source: str) -> None:
    """PDFium has no setting bounding what a stream decompresses to, so before it
    reads a file kb decodes each stream that could pass the limit itself, stopping at
    the limit (max_stream_mb), through the filters its dictionary names (Flate, up to
    four layers, and the ASCII filters before it): a small file that would fill memory
    is refused as pypdf refuses it. A stream whose stored length (_stored_size) is too
    small to reach the limit is not decoded, nor an image (reading text does not decode
    one) unless PDFium would read it as content (_content_refs); LZW and RunLength
    streams are bounded by their length times the most those filters can expand; a
    file kb cannot bound so is pypdf's to read. Streams PDFium may read as content are
    decoded whatever their size, for the inline images they may hold (_check_inline_images)."""
    limit = limits.stream_bytes
    streams = _streams(data)
    content: list[set | None] = []

    def read_as_content(ident) -> bool:
        """Whether a page reads the stream as content (_content_refs, found once, when first
        asked; a stream kb cannot tell of is)."""
        if not content:
            content.append(_content_refs(data, streams, limit))
        return ident is None or content[0] is None or ident in content[0]

    def an_image(head: bytes, ident) -> bool:
        """Whether the stream is an image PDFium does not read as content."""
        return bool(_IMAGE.search(head)) and not read_as_content(ident)

    def content_like(head: bytes, ident) -> bool:
        """Whether PDFium may read the stream as content, where inline images are: a form
        whatever else its dictionary says, a stream it names as data only as content."""
        return bool(_FORM.search(head)) or not _DATA_STREAM.search(head) or read_as_content(ident)

    for head, start, ident, end in streams:
        size = _stored_size(head, start, end)
        risky = _RISKY_FILTER.search(head)
        if risky:
            # LZW turns 9 bits into at most 4,096 bytes (about 3,641 times), RunLength
            # 2 bytes into 128: bounded by the stream's own length, without decoding it.
            if (size is None or size * _risky_most(risky.group(0), head) > limit or b"Flate" in head
                    or b"/Fl" in head) and not an_image(head, ident):
                raise _over(limits, source)
            continue
        filters = _filters(head)
        layers = filters.count(_FLATE_NAMES[0]) + filters.count(_FLATE_NAMES[1]) if filters is not None else None
        inline = content_like(head, ident)
        if not inline and layers is not None and 1 <= layers <= _MOST_LAYERS and size is not None \
                and size * _DEFLATE_MOST ** layers * _a85_most(head) <= limit:
            continue            # too small to decompress past the limit, however it is made
        if filters == []:       # stored as it is read
            if inline and size is not None:
                _check_inline_images(data[start:start + size], limit, limits, source)
            continue
        if an_image(head, ident):
            continue            # images are not decoded to read text
        if layers is not None and layers > _MOST_LAYERS:
            raise _over(limits, source)
        chunk = _stored(data, head, start, end)
        if filters is None and _INDIRECT_FILTER.search(head) and not _zlib_header(chunk):
            # filters named in another object, the bytes no zlib data: ASCII, or anything
            raise PDFError(f"{source} names a stream's filters in another object, which kb does not follow "
                           "to bound what it decodes to; pypdf reads it within the limits")
        decoded = _decoded(chunk, filters, limit, limits, source)
        if inline and decoded is not None:
            if decoded is chunk:    # not zlib data, its filters unnamed: the stream as stored
                decoded = chunk[:size if size is not None else end - start]
            _check_inline_images(bytes(decoded), limit, limits, source)


def _risky_most(name: bytes, head: bytes) -> int:
    """The most a stream whose filters include LZW or RunLength (`name`) may expand: LZW
    turns 9 bits into at most 4,096 bytes (about 3,641 times), RunLength 2 bytes into 128."""
    return (64 if name in (b"/RunLengthDecode", b"/RL") else 3641) * _a85_most(head)


def _decoded(chunk, filters: list[bytes] | None, limit: int, limits: Limits, source: str):
    """`chunk` decoded through `filters` in order (None: as many layers of zlib as its bytes
    hold, up to eight), stopping at the limit and refusing the file past it; None when a
    filter is one kb does not decode (an image's codec) or the bytes are not what it says.
    (zlib refuses anything but zlib data at its first two bytes, as PDFium does.)"""
    import zlib

    for name in filters if filters is not None else [None] * (2 * _MOST_LAYERS):
        if name in _ASCII_HEX or name in _ASCII_85:
            try:
                chunk = _unhex(chunk) if name in _ASCII_HEX else _un85(chunk, limit)
            except _PastLimit:
                raise _over(limits, source) from None
            if chunk is not None and len(chunk) > limit:
                raise _over(limits, source)     # past the limit at this filter already
        elif (name in _FLATE_NAMES or name is None) and _zlib_header(chunk):
            try:
                chunk = zlib.decompressobj().decompress(chunk, limit + 1)
            except zlib.error:
                return None
            if len(chunk) > limit:
                raise _over(limits, source)
        elif name is None:
            return chunk        # no more zlib: the bytes as they are read
        else:
            return None
        if chunk is None:
            return None
    return chunk


#: Bytes that end a token in content (white space and PDF's delimiters), and may follow a BI.
_DELIMITERS = frozenset(b" \t\r\n\f\x00()<>[]{}/%")
_AFTER_BI = (b" ", b"\t", b"\r", b"\n", b"\f", b"\x00", b"/")


def _inline_data(content: bytes, begun: int) -> int | None:
    """Where the data of the inline image whose BI is at `begun` starts: after its
    dictionary's ID and the one white-space byte after it (None when there is none within
    4 KB, the most a dictionary of an inline image takes)."""
    at = content.find(b"ID", begun + 2, begun + 4096)
    while at >= 0:
        if content[at - 1] in _DELIMITERS and content[at - 1] != 0x2F and content[at + 2:at + 3].isspace():
            return at + 3
        at = content.find(b"ID", at + 2, begun + 4096)
    return None


def _check_inline_images(content: bytes, limit: int, limits: Limits, source: str) -> None:
    """PDFium decodes an inline image's data (BI … ID … EI in a page's content) to find
    where it ends, whatever size the image says it is: a content stream of a few kilobytes
    can hold Flate data that decompresses to gigabytes. Each is bounded as a stream is,
    its data being whatever follows its ID in the content; one whose Flate data runs past
    the end of its content stream (into the next one of the page) is pypdf's to read."""
    import zlib

    at = content.find(b"BI")
    while at >= 0:
        begun, at = at, content.find(b"BI", at + 2)
        if (begun and content[begun - 1] not in _DELIMITERS) or content[begun + 2:begun + 3] not in _AFTER_BI:
            continue
        data_at = _inline_data(content, begun)
        if data_at is None:
            continue
        named = _INLINE_FILTER.search(content, begun + 2, data_at)
        names = _FILTER_NAME.findall(named.group(1)) if named is not None else []
        if not names:
            continue            # its data as it is: as many bytes as the image says
        rest = memoryview(content)[data_at:]
        risky = _RISKY_FILTER.search(named.group(1))
        if risky is not None:
            if len(rest) * _risky_most(risky.group(0), named.group(1)) > limit:
                raise _over(limits, source)
            continue
        if names[0] in _FLATE_NAMES and _zlib_header(rest):
            inflate = zlib.decompressobj()
            try:
                out = inflate.decompress(rest, limit + 1)
            except zlib.error:
                continue
            if len(out) > limit:
                raise _over(limits, source)
            if not inflate.eof:
                raise PDFError(f"{source} has an inline image whose compressed data runs past the end of its "
                               "content stream, which kb does not follow to bound; pypdf reads it within the limits")
            _decoded(out, names[1:], limit, limits, source)
        else:
            _decoded(rest, names, limit, limits, source)


# TeX's OT1 fonts put the ligatures ff, fi, fl, ffi, ffl at codes 11-15; a PDF made with
# them and no ToUnicode map gives those codes as text: PDFium as the control characters,
# pypdf as the glyph names "/#0B".."/#0F". Read between letters, they are the letters.
_OT1 = {"\x0b": "ff", "\x0c": "fi", "\r": "fl", "\x0e": "ffi", "\x0f": "ffl"}
_OT1_CHAR = lazy(r"(?<=[^\W\d_])(?:[\x0b\x0c\x0e\x0f]|\r(?!\n))(?=[^\W\d_]|[\s\-\u00ad.,;:!?)]|$)"
                r"|(?<![^\s(\[“\"'‘\\])(?:[\x0b\x0c\x0e\x0f]|\r(?!\n))(?=[^\W\d_])")
_OT1_NAME = lazy(r"/#0([B-F])\s?")


def tex_ligatures(text: str) -> str:
    """Page text with the ligatures of TeX's OT1 fonts as their letters ("signi\x0ccant",
    "signi/#0Ccan t": "significant"); a control character elsewhere is left as it is."""
    if "/#0" in text:
        text = _OT1_NAME.sub(lambda m: _OT1[chr(int(m.group(1), 16))], text)
    if any(c in text for c in "\x0b\x0c\r\x0e\x0f"):
        text = _OT1_CHAR.sub(lambda m: _OT1[m.group()], text)
    return text


#: PDFium's load errors (FPDF_GetLastError) in words: "Success" is what it reports when it
#: found no document without an error of its own (a loop among object streams, for one).
_PDFIUM_ERRORS = {
    0: "PDFium finds no document in it: its cross-reference data leads nowhere (a loop among its "
       "object streams, or the objects it names missing)",
    1: "PDFium finds no document in it: its cross-reference data leads nowhere (a loop among its "
       "object streams, or the objects it names missing)",
    3: "PDFium finds no document in it: its cross-reference data or object streams are broken",
    6: "PDFium cannot read its pages",
}


#: FPDF_ERR_FILE: what PDFium reports for a path it cannot open, never for bytes in memory.
_PDFIUM_STALE = 2
_PDFIUM_PASSWORD = 4


def _forget_pdfium_error() -> None:
    """PDFium keeps its last error until another failure sets it, and some files fail without
    setting it (a page tree of nothing but itself): the reason read after them was the file
    before's ("incorrect password" after an encrypted PDF). Failing to open a path that does not
    exist sets it to one a document in memory never reports, read back as "no reason"."""
    import pypdfium2.raw as raw

    raw.FPDF_LoadDocument(b"\0", None)


def _pdfium_why(exc) -> str:
    code = getattr(exc, "err_code", None)
    if code == _PDFIUM_STALE:
        code = 0
    return _PDFIUM_ERRORS.get(code, f"PDFium cannot read it ({' '.join(str(exc).split()).rstrip('.')})")


def _pypdf_why(exc: Exception) -> str:
    """pypdf's reason, in words where it has a plain one."""
    text = " ".join(str(exc).split())
    m = re.search(r"Circular object-stream reference detected: ([\d >-]+)", text)
    if m:
        return f"its object streams contain each other in a loop (objects {m.group(1).strip()})"
    if isinstance(exc, AttributeError) and "indirect_reference" in text and "IndirectObject" in text:
        # pypdf's failure to resolve an object whose whole value is a reference ('2 0 obj 7 0 R endobj')
        return "an object of it is nothing but a reference to another object (of the form 'N 0 obj M 0 R endobj'), " \
               "references that name each other or the object stream they are in, which no PDF reader follows"
    if "Stream has ended unexpectedly" in text:
        return "its data ends where more must follow: a file cut short (a download that did not finish?), or " \
               "bytes that are no PDF after its header"
    return f"{type(exc).__name__}: {text}" if type(exc).__name__ != "PdfReadError" else text


#: Set when the last PDFium reading (_extract_pdfium) has returned: PDFium reads one document
#: at a time, so while one is still inside it (past the time limit, or left by a Ctrl-C)
#: every other file is pypdf's. (An event of its own, not Thread.is_alive: a Ctrl-C during
#: Thread.join marks the thread stopped in Python 3.11 while it still runs.)
_READ: list = []


def pdfium_stuck() -> bool:
    """Whether a PDFium reading is still going on in its thread: past the time limit, or
    left behind by an interrupt (the process must then end without tearing PDFium down)."""
    return bool(_READ) and not _READ[0].is_set()


def wait_for_pdfium(timeout: float | None = None) -> bool:
    """Wait for a PDFium reading still going on to return; whether none is left."""
    return not _READ or _READ[0].wait(timeout)


def _extract_pdfium(data: bytes, limits: Limits, source: str, progress) -> Extracted:
    """PDFium's text. A file over a limit, or one kb cannot bound before PDFium reads
    it (_check_streams), is a PDFError here: extract_plan then gives it to pypdf,
    which enforces the limits as it reads and says which one was reached.

    PDFium reads in a thread of its own, and the time limit (max_extract_seconds) holds
    inside a page too: one page can be made to take hours (forms drawing forms drawing
    forms, ten times each, a few levels deep), and PDFium cannot be stopped mid-page.
    So does a memory limit (max_extract_mb), watched as it reads: a page of millions of
    characters, a few kilobytes of Flate, takes PDFium about 300 bytes a character.
    Past the limit, kb says so and leaves the thread to finish or to end with the
    process; PDFium is not used again by this process until it has finished."""
    import threading

    _check_header(data, source)
    _check_streams(data, limits, source)
    if pdfium_stuck():
        raise PDFError(f"PDFium is still reading a page of another file past its limits, so {source} is "
                       "not given to it")
    deadline = time.monotonic() + limits.max_extract_seconds
    reading = [0, 0]                # the page being read, of how many
    out: dict = {}

    done = threading.Event()

    def read() -> None:
        try:
            out["result"] = _read_pdfium(data, limits, source, progress, deadline, reading)
        except BaseException as exc:        # raised again in the thread that waits
            out["error"] = exc
        finally:
            done.set()

    thread = threading.Thread(target=read, name="kb-pdfium", daemon=True)
    _READ[:] = [done]
    # Loading PDFium's library (7 MB resident, once a process) is not this PDF's reading: it is
    # loaded before the memory the reading takes is measured.
    import pypdfium2  # noqa: F401
    before = _resident()
    most = int(limits.max_extract_mb * 1024 * 1024)
    peaks = before is not None and _reset_peak()
    thread.start()
    # A Ctrl-C stops the wait, not PDFium. Past either limit, PDFium is left to finish or
    # to end with the process (kb.cli.app.entry ends it at once).
    while not done.wait(min(_WATCH_EVERY, max(0.0, deadline - time.monotonic()))):
        page, count = reading
        where = f"page {page} of {count:,} was still being read" if page else "PDFium was still opening it"
        if time.monotonic() >= deadline:
            raise _too_slow(limits, source, where)
        now = _resident() if before is not None else None
        if now is not None and now - before > most:
            raise _too_big(limits, source, where)
    if "error" in out:
        raise out["error"]
    # A page read between two looks (a busy machine runs the watcher late) may have passed the
    # limit all the same: the process's peak since the reading began says so, where Linux keeps it.
    peak = _peak() if peaks else None
    if peak is not None and peak - before > most:
        page, count = reading
        raise _too_big(limits, source, f"page {page} of {count:,} was read" if page else "PDFium opened it")
    result = out["result"]
    # Which objects a page names PDFium does not say: pypdf looks them up, here, past PDFium's
    # reading and the memory it was allowed (pypdf's own is no part of it), where a page PDFium
    # read came out blank: a page whose content is gone reads so. A file every page of which has
    # text is not opened a second time (pypdf's import and reading would double a small file's add).
    count, lost = len(result.pages), result.lost
    blank = any(not text.strip() for n, text in enumerate(result.pages, 1) if n not in lost)
    if blank and count - len(lost) <= _CONTENTS_CHECKED:
        whole, part = _pypdf_contents_lost(data, count, deadline)
        _say_contents_lost(result, {n: r for n, r in whole.items() if n not in lost},
                           {n: r for n, r in part.items() if n not in lost}, "PDFium")
    return _finish(result, source)


def pages_named(pages: list[int], count: int) -> str:
    """'page 3 of 3', 'pages 2, 5 of 9' (the first ten, then how many more)."""
    shown = ", ".join(map(str, pages[:10])) + (f" and {len(pages) - 10} more" if len(pages) > 10 else "")
    return f"page{'s' if len(pages) > 1 else ''} {shown} of {count:,}"


def _read_pdfium(data: bytes, limits: Limits, source: str, progress, deadline: float,
                 reading: list) -> Extracted:
    import pypdfium2 as pdfium

    _forget_pdfium_error()
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # An encrypted PDF names its /Encrypt dictionary in its trailer, which no stream
        # compresses: without one, a "password" is a stale error, not this file's.
        if getattr(exc, "err_code", None) == _PDFIUM_PASSWORD and b"/Encrypt" in data:
            raise PDFError(f"{source} is encrypted with a password; kb cannot read its text") from None
        raise PDFError(f"{source} is corrupt: {_pdfium_why(exc)}") from None
    try:
        count = len(doc)
        if count > limits.max_pages:
            # Over the limit, said at once when PDFium finds the page past it (pypdf would first
            # read the cross-reference table of every page: 4 s for 100,000), with the count
            # when it finds the last page too. A page tree whose count PDFium cannot find
            # pages for is pypdf's to read, as any file PDFium fails.
            if _page_loads(doc, count - 1):
                _check_count(count, limits, source)
            if _page_loads(doc, limits.max_pages):
                raise _over_pages(limits, source)
            raise PDFError(f"{source} has more pages than the limit of {limits.max_pages:,}")
        _check_count(count, limits, source)
        pages: list[str] = []
        lost: list[int] = []
        repeats: dict[int, int] = {}
        for i in range(count):
            _deadline_passed(deadline, i, count, limits, source)
            reading[:] = [i + 1, count]
            try:
                page = doc[i]
                earlier = _pdfium_seen(page, i)
                if earlier is not None:
                    page.close()
                    repeats[i + 1] = earlier + 1
                    lost.append(i + 1)
                    pages.append("")
                    continue
                textpage = page.get_textpage()
                text = textpage.get_text_range()
                textpage.close()
                page.close()
            except Exception as exc:
                # A page PDFium cannot load (a page tree holding itself, a page object
                # missing) is lost, not the document: kept empty, said, and the others read.
                if len(lost) + 1 == count:
                    raise PDFError(f"{source} is corrupt: PDFium can read none of its {count:,} page(s) "
                                   f"({type(exc).__name__})") from None
                lost.append(i + 1)
                pages.append("")
                continue
            # pdfium marks a hyphen the typesetter put at a line break as U+FFFE, a
            # noncharacter that prints as a box: it is a soft hyphen (U+00AD), which
            # matching and search drop and a terminal shows as a hyphen or not at all.
            pages.append(tex_ligatures(text.replace("\r\n", "\n").replace("\ufffe", "\u00ad")))
            if progress:
                progress(i + 1, count)
        result = Extracted(pages=pages, extractor=extractor_name("pdfium"), lost=lost, repeated=repeats)
        unread = [n for n in lost if n not in repeats]
        if unread:
            result.warnings.append(f"PDFium could not read {pages_named(unread, count)}: kept empty (no quote is "
                                   "found on them)")
        if repeats:
            result.warnings.append(_repeats_said(repeats, count))
        try:
            info = doc.get_metadata_dict()
            _set_info(result, info.get("Title"), info.get("Author"), info.get("CreationDate"),
                      info.get("Producer"), info.get("Creator"))
        except Exception:
            result.warnings.append("the PDF's document information could not be read")
    finally:
        doc.close()
    return result


#: The most pages whose content references PDFium's reading has pypdf look up (_contents_lost):
#: about 70 ms a thousand pages; a file of more is read as PDFium reads it.
_CONTENTS_CHECKED = 5_000


def _pypdf_contents_lost(data: bytes, count: int, deadline: float) -> tuple[dict[int, str], dict[int, str]]:
    """_contents_lost of the pages PDFium read: PDFium says nothing of which objects a page names.
    A file pypdf cannot open, or whose pages it counts otherwise, is not looked at."""
    import pypdf

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _silence_pypdf()
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted or len(reader.pages) != count:
                return {}, {}
            return _contents_lost(reader, count, deadline)
    except Exception:
        return {}, {}


#: The corner of the ArtBox _pdfium_seen marks page i with: far off any page a person
#: makes, and exact in the 32-bit floats PDFium keeps boxes in (integers below 2**24).
_MARK = -9_000_000.0


def _pdfium_seen(page, index: int) -> int | None:
    """The index of an earlier page whose page object `page` is, or None; `page` is then
    marked as page `index`. A page tree can reach one page object twice (a /Kids entry
    leading back to its parent, a node or a page listed twice): PDFium then reads that
    page again under a new number, and a quote would verify on a page the document does
    not have. PDFium shares one dictionary among all the places that reach it, and says
    nothing of which object a page is; so each page's dictionary is marked, in memory
    only, by an ArtBox (which no text reading uses) naming its index."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    box = [ctypes.c_float() for _ in range(4)]
    if pdfium_c.FPDFPage_GetArtBox(page.raw, *(ctypes.byref(b) for b in box)):
        left, bottom, right, top = (b.value for b in box)
        if left == bottom == _MARK and right == top and right <= _MARK + 2 ** 23:
            return int(right - _MARK) - 1
    pdfium_c.FPDFPage_SetArtBox(page.raw, _MARK, _MARK, _MARK + index + 1, _MARK + index + 1)
    return None


#: How a warning of pages the page tree reaches again begins (kb add says it, as pages lost).
REPEATED = "its page tree leads to a page twice"


def _repeats_said(repeats: dict[int, int], count: int) -> str:
    """Pages a page tree reaches again ('page 3 of 3 is page 1 again'): kept empty."""
    said = ", ".join(f"{n} is page {first}" for n, first in list(repeats.items())[:10])
    more = f" and {len(repeats) - 10} more" if len(repeats) > 10 else ""
    return (f"{REPEATED} (of {count:,} pages, page {said}{more} again): kept empty, "
            "so no quote is found on a page the document does not have")


class _OutOfTime(BaseException):
    """Raised in pypdf's reading when the time limit passes (_interrupted_after).
    A BaseException, as KeyboardInterrupt is: pypdf's own `except Exception` must not take it
    for a page it cannot read and go on."""


#: How often, once the time limit has passed, the alarm raises _OutOfTime again while pypdf
#: still reads (one raised inside a weakref callback or a __del__ is ignored by Python).
_TICK = 0.1
#: The longest wait kb sets a timer or a poll for: a week (a poll takes up to 24 days, an
#: interval timer 68 years); a time limit longer than that is as good as none.
LONGEST_WAIT = 7 * 24 * 3600.0


class _interrupted_after:
    """A context in which _OutOfTime is raised inside _read_pypdf once `seconds` pass: inside
    one page too. pypdf is pure Python, and one page can keep it for a quarter of an hour (a
    few kilobytes of Flate showing millions of characters), where the time limit was looked at
    between pages only. An interval timer (SIGALRM) runs a handler in this thread between two
    bytecodes, as a Ctrl-C is raised; it raises only while _read_pypdf is on the stack it
    interrupted, so an alarm arriving as the reading ends raises nothing, and it ticks again
    every _TICK seconds until the context ends. The handler and timer found are restored.
    Signals reach the main thread only: in another thread (a library caller's pool, a server),
    or where there is no interval timer (Windows) or SIGALRM is handled outside Python, a
    watcher thread raises it instead (_Watcher), where the limit held between pages only."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._found = None
        self._hook = None
        self._watcher: _Watcher | None = None

    def _unraisable(self, info) -> None:
        """One raised inside a weakref callback, a __del__ or a gc callback is ignored by Python,
        which prints it as 'Exception ignored in ...' on stderr: the alarm's are said by
        nobody (it raises again at its next tick); any other goes to the hook there was."""
        if info.exc_type is not _OutOfTime:
            self._hook(info)

    @staticmethod
    def _alarm(signum, frame) -> None:
        while frame is not None:
            if frame.f_code is _read_pypdf.__code__:
                raise _OutOfTime
            frame = frame.f_back

    def __enter__(self):
        import signal
        import threading

        # The watcher's exception, like the alarm's, may land in a gc callback or a __del__ too.
        self._hook, sys.unraisablehook = sys.unraisablehook, self._unraisable
        if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
            self._watcher = _Watcher(self.seconds)
            return self
        handler = signal.getsignal(signal.SIGALRM)
        if handler is None:             # set outside Python: it could not be put back
            self._watcher = _Watcher(self.seconds)
            return self
        signal.signal(signal.SIGALRM, self._alarm)
        # A limit of years (KB_MAX_EXTRACT_SECONDS=1e300: none, in effect) is past what the
        # timer holds (OverflowError)
        self._found = (handler, signal.setitimer(signal.ITIMER_REAL, min(self.seconds, LONGEST_WAIT), _TICK))
        return self

    def __exit__(self, *exc) -> bool:
        import signal

        try:
            if self._watcher is not None:
                self._watcher.stop()
        finally:
            # Put back unless another thread's reading put its own since (it then puts back this
            # one, which passes on all but the limit's exception to the hook it found).
            if sys.unraisablehook == self._unraisable:
                sys.unraisablehook = self._hook
        if self._found is not None:
            handler, (delay, interval) = self._found
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, handler)
            if delay or interval:       # a caller's own timer, set going again
                signal.setitimer(signal.ITIMER_REAL, delay or interval, interval)
        return False


class _Watcher:
    """_OutOfTime raised in a thread other than the main one, where no signal reaches: a
    thread of its own waits out the limit, then, every _TICK seconds while the reading
    thread still has _read_pypdf on its stack, sets _OutOfTime pending in it (CPython's
    PyThreadState_SetAsyncExc, raised between two bytecodes as a signal's exception is).
    It ends once the reading has ended after it fired, or when stopped, or when the thread's
    watcher is another (_WATCHED). A pending exception is never cleared (clearing leaves the
    interpreter's check for one set for good): one set just as the reading ended is raised
    at the latest inside stop(), in the `try` that takes it for the time limit."""

    def __init__(self, seconds: float):
        import threading

        self.thread = threading.get_ident()
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.fired = False
        _WATCHED[self.thread] = self
        threading.Thread(target=self._watch, args=(min(seconds, LONGEST_WAIT),), daemon=True,
                         name="kb-pypdf-time-limit").start()

    def _reading(self) -> bool:
        frame = sys._current_frames().get(self.thread)
        while frame is not None:
            if frame.f_code is _read_pypdf.__code__:
                return True
            frame = frame.f_back
        return False

    def _watch(self, seconds: float) -> None:
        import ctypes

        wait = seconds
        while not self.done.wait(wait):
            with self.lock:
                if self.done.is_set() or _WATCHED.get(self.thread) is not self:
                    return
                if self._reading():
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread),
                                                               ctypes.py_object(_OutOfTime))
                    self.fired = True
                elif self.fired:
                    return
            wait = _TICK

    def stop(self) -> None:
        with self.lock:
            if _WATCHED.get(self.thread) is self:
                del _WATCHED[self.thread]
            self.done.set()


#: The watcher of each thread reading with pypdf off the main thread (thread id -> _Watcher).
_WATCHED: dict[int, _Watcher] = {}


def _extract_pypdf(data: bytes, limits: Limits, source: str, progress) -> Extracted:
    import pypdf

    stream_limit = limits.stream_bytes
    config = dict(zlib_maximum_output_length=stream_limit,
                  lzw_maximum_output_length=stream_limit,
                  run_length_maximum_output_length=stream_limit,
                  array_based_stream_maximum_output_length=stream_limit,
                  maximum_declared_stream_length=stream_limit,
                  image_maximum_buffer_size=stream_limit,
                  # pypdf counts the dictionary entries of the flattened pages (several per
                  # page), not pages; the page count itself is checked below.
                  page_tree_maximum_page_entries=(limits.max_pages + 1) * ENTRIES_PER_PAGE)
    reading = [0, 0]                # the page being read, of how many
    with warnings.catch_warnings(), pypdf.apply_configuration(**config):
        warnings.simplefilter("ignore")
        _silence_pypdf()
        # The time limit is raised inside _read_pypdf only: never while these contexts restore what they set.
        try:
            with _interrupted_after(limits.max_extract_seconds):
                result = _read_pypdf(data, limits, source, progress, reading)
        except _OutOfTime:
            page, count = reading
            raise _too_slow(limits, source, f"page {page} of {count:,} was still being read" if page
                            else "pypdf was still opening it") from None
    return _finish(result, source)


def _read_pypdf(data: bytes, limits: Limits, source: str, progress, reading: list) -> Extracted:
    """pypdf's text of every page, `reading` saying which page it is at."""
    import pypdf

    reader = _open(data, limits, source)
    try:
        count = len(reader.pages)
    except pypdf.errors.LimitReachedError as exc:
        if "depth" in str(exc).lower():         # a page tree of one page may nest a thousand levels
            raise PDFError(f"{source} is corrupt: its page tree nests deeper than PDF readers go "
                           f"({exc})") from None
        if "page" in str(exc).lower():          # pypdf's count of the page tree's entries
            raise _over_pages(limits, source) from None
        # a stream read to find the pages (an object stream holding them) past the stream limit
        raise LimitExceeded(f"{source}: {exc}", hint="raise KB_MAX_STREAM_MB if the file is trustworthy") \
            from None
    except Exception as exc:
        raise PDFError(f"{source} is corrupt: its page tree cannot be read ({_pypdf_why(exc)})") from None
    _check_count(count, limits, source)
    missing = _pages_missing(reader, count)
    if missing is not None:
        raise PDFError(f"{source} is cut off or damaged: its page tree counts {missing[0]:,} pages, {missing[1]:,} "
                       f"of them objects the file does not hold (bytes of it missing?)")
    pages: list[str] = []
    lost: list[int] = []
    repeats: dict[int, int] = {}
    seen: dict[object, int] = {}                # a page object's reference -> the first page it was
    deadline = time.monotonic() + limits.max_extract_seconds
    for i in range(count):
        _deadline_passed(deadline, i, count, limits, source)
        reading[:] = [i + 1, count]
        try:
            page = reader.pages[i]
            ref = page.indirect_reference
            ref = (ref.idnum, ref.generation) if ref is not None else None
            if ref is not None and ref in seen:         # reached again (_pdfium_seen)
                repeats[i + 1] = seen[ref] + 1
                lost.append(i + 1)
                pages.append("")
                continue
            if ref is not None:
                seen[ref] = i
            text = page.extract_text() or ""
        except pypdf.errors.LimitReachedError as exc:
            raise LimitExceeded(f"{source}, page {i + 1}: {exc}",
                                hint="raise KB_MAX_STREAM_MB if the file is trustworthy") from None
        except Exception as exc:
            raise PDFError(f"{source} is corrupt: page {i + 1} cannot be read "
                           f"({type(exc).__name__})") from None
        pages.append(tex_ligatures(text))
        if progress:
            progress(i + 1, count)
    shadowed = _earlier_version_read(data, reader)
    if shadowed is not None:
        raise PDFError(f"{source} is corrupt: its cross-reference table is broken, and pypdf read an earlier "
                       f"version of object {shadowed} than the one the file writes last (an update of the file "
                       "replaced it), so its text may be what the document no longer says")
    result = Extracted(pages=pages, extractor=extractor_name("pypdf"), lost=lost, repeated=repeats)
    if repeats:
        result.warnings.append(_repeats_said(repeats, count))
    whole, part = _contents_lost(reader, count, deadline)
    _say_contents_lost(result, {n: r for n, r in whole.items() if n not in repeats}, part, "pypdf")
    _read_info(reader, result)
    return result


def _contents_lost(reader, count: int, deadline: float) -> tuple[dict[int, str], dict[int, str]]:
    """({page: its content references the file does not hold} of pages all of whose content is
    missing, the same of pages some of whose content is), pages numbered from 1. A page object
    that survives while the stream its /Contents names is gone (a file cut and mended, an
    object deleted by hand) is read as a blank page by both extractors: its text lost with
    no word said. Where pypdf cannot say (the page tree unreadable, time up), nothing is said."""
    whole: dict[int, str] = {}
    part: dict[int, str] = {}
    try:
        for i in range(count):
            if time.monotonic() > deadline:
                break
            page = reader.pages[i]
            raw = dict.get(page, "/Contents")
            if raw is None:
                continue                            # no content at all: a blank page, as PDF allows
            listed = raw.get_object() if type(raw).__name__ == "IndirectObject" else raw
            if type(listed).__name__ == "ArrayObject":
                refs = list(listed)
            elif type(raw).__name__ == "IndirectObject":
                refs = [raw]
            else:
                continue
            gone = []
            for ref in refs:
                if type(ref).__name__ != "IndirectObject":
                    continue
                got = ref.get_object()
                if got is None or type(got).__name__ == "NullObject":
                    gone.append(f"{ref.idnum} {ref.generation} R")
            if gone:
                (whole if len(gone) == len(refs) else part)[i + 1] = ", ".join(gone[:3]) + \
                    (f" and {len(gone) - 3} more" if len(gone) > 3 else "")
    except Exception:
        return {}, {}
    return whole, part


def _say_contents_lost(result: "Extracted", whole: dict[int, str], part: dict[int, str], name: str) -> None:
    """Pages whose content streams are missing (_contents_lost): lost (kept empty) and said, or,
    where some of a page's streams are left, said with the text that is left kept."""
    count = len(result.pages)
    for n in whole:
        result.pages[n - 1] = ""
        result.missing.append(n)
        if n not in result.lost:
            result.lost.append(n)
    result.lost.sort()
    if whole:
        refs = "; ".join(f"page {n}: {r}" for n, r in list(whole.items())[:10])
        result.warnings.append(f"{name} could not read {pages_named(list(whole), count)}: the content stream(s) they "
                               f"name are not in the file ({refs}): kept empty (no quote is found on them)")
    if part:
        refs = "; ".join(f"page {n}: {r}" for n, r in list(part.items())[:10])
        result.warnings.append(f"{name} could not read all of {pages_named(list(part), count)}: some content "
                               f"stream(s) they name are not in the file ({refs}): what is left of their text is "
                               "kept, and a quote of what was lost is not found")


def _pages_missing(reader, count: int) -> tuple[int, int] | None:
    """(pages the page tree counts, pages of it the file does not hold) where its /Count is more than the `count`
    pages pypdf found and some of its /Kids name no object the file holds; None otherwise. A file whose middle is
    missing (a resumed download that skipped bytes), its page tree and table at the end whole, was read as the
    pages that were left (2 of 5, no word said): pypdf passes over a page it cannot find."""
    try:
        root = reader.trailer["/Root"].get_object()["/Pages"].get_object()
        declared = root.get("/Count")
        declared = int(declared.get_object()) if declared is not None else 0
    except Exception:
        return None
    if declared <= count:
        return None
    missing, todo, visited = 0, [root], set()
    while todo and len(visited) < 4 * declared + 1000:
        node = todo.pop()
        try:
            kids = node.get("/Kids")
            kids = kids.get_object() if kids is not None else []
            for kid in list(kids or []):
                ref = (getattr(kid, "idnum", None), getattr(kid, "generation", None))
                if ref[0] is not None:
                    if ref in visited:
                        continue
                    visited.add(ref)
                got = kid.get_object()
                if got is None or type(got).__name__ == "NullObject":
                    missing += 1
                elif hasattr(got, "get") and got.get("/Type") == "/Pages":
                    todo.append(got)
        except Exception:
            return None
    return (declared, missing) if missing else None


def _earlier_version_read(data: bytes, reader) -> int | None:
    """An object pypdf read from an earlier place in the file than the last one the file
    writes it at, or None. An update appends the objects it changes, and the cross-reference
    table of the update points at them; where that table is broken, pypdf finds the object by
    looking for its first `N G obj`: the version the update replaced (a figure corrected, a
    page's text withdrawn), which kb would verify quotes against while PDFium shows nothing
    and a viewer repairing the file shows the last version."""
    used = {(idnum, gen): at for gen, entries in reader.xref.items() if gen != 65535
            for idnum, at in entries.items() if isinstance(at, int)}
    if not used:
        return None
    last: dict[tuple[int, int], int] = {}
    at = data.find(b"obj")
    while at >= 0:
        if data[at - 3:at] != b"end":
            ident = _OBJECT_ID.search(data, max(0, at - 24), at)
            if ident is not None:
                last[(int(ident.group(1)), int(ident.group(2)))] = ident.start()
        at = data.find(b"obj", at + 3)
    return next((key[0] for key, start in used.items() if last.get(key, -1) > start + 2), None)


#: Why a PDF of pages read has no text, and why where another reader finds it corrupt.
_SCANNED = "probably scanned images; kb keeps its metadata only"
_BROKEN = ("its structure is broken (as said next), so whether its pages are scanned images kb cannot tell; kb "
           "keeps its metadata only")


def _finish(result: Extracted, source: str) -> Extracted:
    """What every extractor's pages give: image-only or not, identifiers, guesses."""
    pages = result.pages
    count = len(pages) - len(result.lost)       # the pages read: a lost one is no page without text
    enough = 20 * max(1, min(count, 3))
    letters = 0
    for piece in (p[at:at + 2000] for p in pages for at in range(0, len(p), 2000)):
        letters += len(re.findall(r"\w", piece))
        if letters >= enough:   # counted only up to what makes a text layer
            break
    unreadable = [i for i, page in enumerate(pages, 1) if _replaced(page)]
    # other garbage a broken font gives (private-use characters, ideographs for letters, one glyph for all, letters
    # shifted by a constant): said apart, and a paper of nothing else kept as metadata only, as one of U+FFFD is
    garbage = {i: why for i, page in enumerate(pages, 1) if i not in unreadable and (why := garbled(page))}
    garbage_said = (f"{source} has text kb cannot read: {pages_named(sorted(garbage), len(pages))} "
                    f"{'is' if len(garbage) == 1 else 'are'} garbage a broken font gave (page {min(garbage)}: "
                    f"{garbage[min(garbage)]}); kb keeps its metadata only") if garbage else ""
    if garbage and letters >= enough and len(garbage) + len(unreadable) >= count:
        result.status, result.message = "image-only", garbage_said
    elif garbage and letters >= enough:
        result.warnings.append(f"could not read the text of {pages_named(sorted(garbage), len(pages))}: "
                               f"{'; '.join(f'page {n}: {why}' for n, why in list(garbage.items())[:3])}; "
                               "no quote is verified on them")
    if letters < enough:
        result.status = "image-only"
        result.message = garbage_said or f"{source} has no text layer ({count} page(s), {letters} letters): {_SCANNED}"
        if unreadable:
            result.message = (f"{source} has text kb cannot read: its fonts give the replacement character U+FFFD "
                              f"for the letters of {pages_named(unreadable, len(pages))} (a font whose ToUnicode "
                              "map is broken); kb keeps its metadata only")
    elif unreadable:
        result.warnings.append(f"could not read all the text of {pages_named(unreadable, len(pages))}: "
                               "their fonts give much of it as the replacement character U+FFFD (a broken ToUnicode "
                               "map); no quote is found in what those characters stand for")
    first = "\n".join(pages[:2])
    # only the first page's margin names the paper: a stamp on a later page is a merged file's or
    # a quoted paper's, an id the first pages print otherwise a hint (checked against arXiv's title)
    result.arxiv = find_arxiv_stamp(pages[0]) if pages else None
    result.arxiv_hint = None if result.arxiv else find_arxiv_in_text(first)
    result.stamp_later = find_arxiv_stamp(pages[1]) if result.arxiv_hint and len(pages) > 1 else None
    result.doi = find_doi_in_text(first)
    printed = as_printed(pages[0]) if pages else ""     # glyph names and kerned capitals read as printed
    if 1 in garbage:
        printed = ""        # garbage a broken font gave: no title nor author is read from it
    title = guess_title(printed, stamped=result.arxiv is not None)
    result.author_guess = guess_authors(printed, title)
    # a word the kerns split, its second piece in lower case ("com puting"): joined as the paper prints it
    result.title_guess = joined_splits(title, "\n".join(pages)) if title else title
    return result


def _silence_pypdf() -> None:
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)


def _read_info(reader, result: Extracted) -> None:
    try:
        info = reader.metadata or {}
        _set_info(result, info.get("/Title"), info.get("/Author"), info.get("/CreationDate"),
                  info.get("/Producer"), info.get("/Creator"))
    except Exception:
        result.warnings.append("the PDF's document information could not be read")


def _set_info(result: Extracted, title, author, created, producer=None, creator=None) -> None:
    result.info_title = " ".join(str(title or "").split())
    result.info_author = " ".join(str(author or "").split())
    m = re.search(r"(19|20)\d\d", str(created or ""))
    if m and creation_year_stands(producer, creator):
        result.info_year = int(m.group(0))
    elif m:
        result.remade_by = " ".join(str(producer or creator or "").split())[:120] or "an unnamed tool"


#: What made a PDF when its author typeset it: TeX's PDF engines (pdfTeX, LuaTeX, XeTeX and xdvipdfmx, dvipdfm),
#: a word processor's own export (Word's 'Microsoft® Word for Microsoft 365', LibreOffice's). (Apple's Pages writes
#: 'Quartz PDFContext', as every PDF a Mac prints or cuts does: none of these.)
_TYPESETTER = lazy(r"\b(?:pdf-?tex|lua-?(?:hb)?tex|xe-?tex|xdvipdfmx|dvipdfmx?|microsoft\W+word|libreoffice|"
                   r"openoffice)\b", re.I)
#: What makes a PDF again from another, printed or cut: macOS's Quartz, Windows' and browsers' printing, Ghostscript,
#: the tools that split, merge or compress files. Its creation date is that day's, not the paper's.
_REMAKER = lazy(r"quartz|pdfcontext|print\s*to\s*pdf|skia|chromium|chrome|mozilla|firefox|cairo|ghostscript|"
                r"gpl\b|distiller|ilovepdf|smallpdf|sejda|pdftk|qpdf|pypdf|pdfsharp|itext|pdfium|mupdf|pdf-?xchange|"
                r"nitro|foxit|acrobat|adobe\s*pdf\s*library|preview|wkhtmltopdf|scan|camscanner|pdf24|cutepdf|"
                r"primopdf|bullzip|novapdf|pdfcreator|macos|mac\s*os", re.I)


def creation_year_stands(producer, creator) -> bool:
    """Whether a PDF's /CreationDate may stand for its paper's year: the PDF was made by what typeset the paper
    (its /Producer pdfTeX, LuaTeX, XeTeX, Word's own export), and neither its /Producer nor its /Creator names a
    tool that makes PDFs again from others (a page printed or cut by macOS 'Quartz PDFContext', 'Microsoft: Print
    To PDF', a browser's 'Skia/PDF', Ghostscript, iLovePDF): that PDF's date is the day it was re-made (a SciBERT
    page cut in 2021 was filed 2019's paper as 2021's). A producer kb does not know gives no year either."""
    made = " ".join(str(producer or "").split())
    how = " ".join(str(creator or "").split())
    return bool(_TYPESETTER.search(made)) and not _REMAKER.search(made) and not _REMAKER.search(how)


# "Jr.", "III": a suffix of the name before it, not a name of its own.
_SUFFIX = lazy(r"(?i)^(?:jr|sr|ii|iii|iv)\.?$")
# Where an /Author string stops naming authors: "A. M. Turing. Adapted to LaTeX by ...".
_INFO_TAIL = lazy(r"(?<=[a-z]{2})\.\s+(?:adapted|edited|converted|typeset|prepared|translated)\b.*$"
                  r"|\s*\((?:eds?|editors?)\.?\)\s*$", re.IGNORECASE)


def split_info_authors(text: str) -> list[str]:
    """The names in a PDF's /Author string, each as written ("Jesse Dodge") or as
    "Last, First" when the string writes it so.

    Producers write the list many ways: "A ; B ; C" (ACL), "Jesse Dodge, Taylor
    Prewitt, ..." (one comma-separated string), "A, B, and C", "A and B", "A & B",
    or one "Dodge, Jesse". A comma splits names only when the pieces it makes look
    like whole names (two words or more); "Dodge, Jesse" and "Dodge, Jesse and
    Prewitt, Taylor" stay "Last, First" names, "King, Jr." keeps its suffix.
    """
    text = _INFO_TAIL.sub("", " ".join((text or "").split())).strip(" ,;")
    if not text:
        return []
    names: list[str] = []
    for part in re.split(r"\s*;\s*", text):
        part = part.strip(" ,")
        if part:
            names.extend(_split_comma_names(part))
    return [_capitalised(n) for n in names if any(ch.isalpha() for ch in n)][:500]


_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "la", "le", "ten", "ter",
              "bin", "ibn", "al", "el", "zu", "and"}


def _capitalised(name: str) -> str:
    """A name a PDF's metadata holds all in lower case ("oren etzioni" in ACL's) with its
    capitals, particles kept lower case ("ludwig van beethoven": "Ludwig van Beethoven"); a name with any capital
    stays as written. (Metadata losing capitals is common; a name without any, rare.)"""
    if any(c.isupper() for c in name) or len(name.split()) < 2:
        return name
    return " ".join(w if w in _PARTICLES else w[:1].upper() + w[1:] for w in name.split())


def _split_comma_names(part: str) -> list[str]:
    """One ';'-free piece of an /Author string split into names."""
    if "," not in part and is_organisation(part) \
            and any(len(side.split()) == 1 and not firm(side)
                    for side in re.split(r"\s+(?:and|&)\s+", part)):
        # one organisation's name holding its 'and' or '&', a side of it a single word, as no person's name is:
        # 'Ernst & Young LLP', 'Bill & Melinda Gates Foundation', 'Research and Markets Ltd' (not two
        # organisations: 'Google Research and DeepMind')
        return [part]
    pieces = [p.strip() for p in re.split(r",|\s+(?:and|&)\s+", part)]
    pieces = [re.sub(r"^(?:and|&)\s+", "", p) for p in pieces if p]
    merged: list[str] = []
    for p in pieces:
        if merged and _SUFFIX.match(p) and "," not in merged[-1]:
            # "Martin Luther King, Jr." is BibTeX's "King, Jr., Martin Luther" (kb.text.names.to_bibtex_name).
            merged[-1] = to_bibtex_name(f"{merged[-1]}, {p}")
        else:
            merged.append(p)
    whole = [p for p in pieces if not _SUFFIX.match(p)]
    if len(merged) > 1 and all(len(p.split()) >= 2 for p in whole):
        return merged                       # "Jesse Dodge, Taylor Prewitt, Remi Tachet"
    if len(pieces) >= 4 and len(pieces) % 2 == 0 and all(len(p.split()) == 1 for p in pieces):
        # "Dodge, J., Prewitt, T.": family and given names in turn.
        return [f"{pieces[i]}, {pieces[i + 1]}" for i in range(0, len(pieces), 2)]
    # "Dodge, Jesse" or "Dodge, Jesse and Prewitt, Taylor": names written "Last, First".
    out = []
    for chunk in re.split(r"\s+(?:and|&)\s+", part):
        chunk = chunk.strip(" ,")
        if chunk:
            out.append(chunk)
    return out


_SKIP_LINE = lazy(
    r"^(arXiv:|preprint|accepted|published|proceedings|copyright|©|\d+$|page \d+|"
    r"journal|vol\.|https?://|www\.|doi|manuscript|under review|draft)", re.IGNORECASE)


_NOT_TITLE = lazy(r"©|Association for Computational|Proceedings of|pages \d+\s*[–-]\s*\d+|"
                        r"\b(January|February|March|April|May|June|July|August|September|October|"
                        r"November|December)\s+\d", re.IGNORECASE)


_YEAR_LINE = lazy(r"^\(?(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
                  r"December)\s+(?:\d{1,2},?\s+)?)?((?:1[6-9]|20)\d\d)\)?\.?$", re.IGNORECASE)


def guess_year(first_page: str) -> int | None:
    """A year the first page prints on a line of its own among its title lines ("1950",
    "May 1950", "(1950)"), before the text begins; None when it prints none there."""
    for line in [" ".join(line.split()) for line in first_page.splitlines() if line.strip()][:10]:
        m = _YEAR_LINE.match(line)
        if m:
            return int(m.group(1))
        if _PROSE_LINE.match(line) or len(line) > 120:
            return None         # the text has begun: a year in it is not the paper's
    return None


#: A copyright line's year ('© 2023 Copyright held by the owner/author(s)', 'c©2020 Association for ...',
#: 'Copyright (c) 2019 IEEE'), its first four-digit number after the sign or the word.
_COPYRIGHT_YEAR = lazy(r"(?:©|\(c\)|\bcopyright\b)\s*(?:©|\(c\))?\s*((?:19|20)\d\d)\b", re.I)


def copyright_year(first_page: str) -> int | None:
    """The year a first page's copyright line prints, if it prints one ('© 2023 ...'); None otherwise."""
    m = _COPYRIGHT_YEAR.search(first_page or "")
    return int(m.group(1)) if m else None


#: A line of a page's body that no title is: a numbered heading ('3 Method', '3.2 Training Details', 'B.2
#: Hyperparameters', 'IV. EXPERIMENTS'), a caption or a labelled block ('Table 2:', 'Fig. 3.', 'Algorithm 1', 'Lemma
#: 2.'), a section's name alone ('Related Work', 'Acknowledgements', 'Appendix A'), a citation mark ('[12]', '[3,
#: 14]', '(Smith et al., 2020)').
_BODY_LINE = lazy(
    r"^(?:\d{1,2}(?:\.\d+)*\.?\s+\S|[A-Z]\.\d+(?:\.\d+)*\.?\s+\S|[IVX]{1,5}\.\s+[A-Z])"
    r"|^(?:table|figure|fig\.|algorithm|listing|lemma|theorem|definition|proposition|corollary|remark|equation|eq\.)"
    r"\s*(?:\d+|[A-Z](?:\.\d+)*\b|[IVX]{1,5}\b|\(\d+\))"
    r"|^(?:appendix(?:\s+[A-Z])?|appendices|abstract|introduction|related\s+work|background|preliminaries|"
    r"method(?:s|ology)?|approach|experiments?|experimental\s+(?:setup|results|settings?)|evaluation|"
    r"results?(?:\s+and\s+discussion)?|discussion|analysis|conclusions?(?:\s+and\s+future\s+work)?|future\s+work|"
    r"limitations|ethics\s+statement|ethical\s+considerations|broader\s+impacts?|acknowledge?ments?|references|"
    r"bibliography|supplementary\s+materials?)\s*:?$"
    r"|\[\d+(?:\s*[,–-]\s*\d+)*\]"
    r"|\([A-Z][\w'’\-]+(?:\s+et\s+al\.|\s+(?:and|&)\s+[A-Z][\w'’\-]+)?,?\s+(?:19|20)\d\d[a-z]?\)",
    re.IGNORECASE)
#: A sentence's line: one going on in lower case ('where x is the input and y the output', not a name's particle
#: 'van der Waals', nor 'mT5', 'word2vec', 'k-means++'), ending a sentence after a lower-case word ('... on the
#: same hardware.', a running header's 'Smith et al.', a reference's 'In ICLR.', 'Systems (2020).'), or a word broken
#: at its end ('the same hard-'; not a title's compound, 'Citation-'); a reference's names and year ('S. Hochreiter
#: and J. Schmidhuber. Long ...', '... Field Cady. 2019. Structural ...'); a running header's family names
#: ('Strubell, Ganesh and McCallum': so also a title of three single words so listed, refused).
_SENTENCE_LINE = lazy(r"^(?!(?:and|van|von|der|den|de|del|della|di|da|du|dos|la|le|bin|ibn|al|el|ten|ter|zu)\s)"
                      r"[a-z]+\s+[a-z]+\b|(?:\b[A-Za-z]{2,}|\))\.$|(?:^|\s)[a-z]+-$"
                      r"|^[A-Z]\.(?:\s?[A-Z]\.)*\s+[A-Z][a-z]|(?:^|\s)\(?(?:19|20)\d\d[a-z]?\)?\.(?:\s|$)"
                      r"|^[A-Z][\w'’\-]+(?:,\s+[A-Z][\w'’\-]+)+,?\s+(?:and|&)\s+[A-Z][\w'’\-]+$")


def body_line(line: str) -> bool:
    """Whether a page's first line is one of its body's, never a title: a heading, a caption, a section's name, a
    line citing, a sentence's (_BODY_LINE, _SENTENCE_LINE): 'Table 2: Results', '3 Method', 'Related Work', 'We
    train all models on the same hardware.', 'Energy grows with model size [12]'."""
    return bool(_BODY_LINE.search(line) or _SENTENCE_LINE.search(line)) or _names_over(line, [])


#: The replacement character U+FFFD, which an extractor gives for a glyph its font maps to no text (a broken ToUnicode
#: map): a page where it stands for much of the text is read as unreadable (kb.text.garbled.replaced).
_REPLACEMENT = REPLACEMENT


def unreadable_text(page: str) -> bool:
    """Whether a stored page's text is garbage a broken font gave (mostly U+FFFD, private-use characters, letters
    shifted by a constant: kb.text.garbled): what kb add said of it, said again from the page alone (kb show)."""
    return garbled(page) is not None


def unread_pages(result: "Extracted") -> dict[int, str]:
    """The pages of `result` kept empty as unread, {page: why} (its lost, repeated and missing pages), for the index
    to keep with the version so kb show names them after kb add's warning is gone."""
    name = "PDFium" if (result.extractor or "").startswith("pypdfium2") else "pypdf"
    why = {}
    for n in sorted(set(result.lost) | set(result.repeated) | set(result.missing)):
        if n in result.repeated:
            why[n] = f"page {result.repeated[n]} again: its page tree leads to a page twice"
        elif n in result.missing:
            why[n] = "the content stream(s) it names are not in the file"
        else:
            why[n] = f"{name} could not load it"
    return why


def _replaced(page: str) -> bool:
    """Whether `page` gives much of its text as U+FFFD (kb.text.garbled.replaced, as kb show reads it again)."""
    return replaced(page)


# a word of a title: letters and digits, joined by a hyphen, an apostrophe or a slash, in brackets or quotes, a
# punctuation mark after it ('Pre-training', "Don't", 'GPT-4', '(BERT)', 'Attention:'), a sign before it ('#1', '#MeToo',
# '@Scale', '$1', '≥7B', '~100'); a symbol alone ('&', '-')
_TITLE_WORD = lazy(r"[(\[\"'“‘]*[#@$€£¥~≈≥≤<>±]?[^\W_]+(?:[-'’/.+][^\W_]+)*[+]*[)\]\"'”’:,.;?!]*|[&+:–—-]")


def _reads_as_words(title: str) -> bool:
    """A title guess that reads as words: no control character (a broken ToUnicode map's shifted letters give some:
    'Tb\x1dqo^fkba'), and most of its words made of letters and digits."""
    if any(unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn") for ch in title):
        return False
    words = title.split()
    return 2 * sum(1 for w in words if _TITLE_WORD.fullmatch(w)) > len(words)


#: A control character (Unicode's Cc: U+0000-U+001F and U+007F-U+009F) but a tab, a form feed or an end of line.
_CONTROL = lazy(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _beside_control_characters(first_page: str, title: list[str]) -> bool:
    """A line of the title guessed printed on one line with control characters, which splitlines() cut it at
    ('Attention\x1dIs\x1dAll': U+001D is a line's end to Python, a shifted space to a broken ToUnicode map)."""
    head = first_page[:20_000]
    if not _CONTROL.search(head):
        return False                # a page of none (most): no line to look at
    for raw in re.split(r"\r\n|[\r\n]", head):
        if _CONTROL.search(raw) and {" ".join(piece.split()) for piece in raw.splitlines()} & set(title):
            return True
    return False


def guess_title(first_page: str, stamped: bool = False) -> str:
    """The first page's title: the first substantial line(s) before the authors, where the page is a title
    page (_a_title_page; `stamped`: arXiv's stamp in its margin says it is a paper's first page)."""
    lines = [" ".join(line.split()) for line in first_page.splitlines()]
    lines = [line for line in lines if line]
    title: list[str] = []
    for at, line in enumerate(lines[:15]):
        if _SKIP_LINE.match(line) or _NOT_TITLE.search(line) or len(line) < 4:
            if title:
                break
            continue
        if "@" in line or _AFFILIATION.search(line):
            break
        if not title and body_line(line):
            return ""   # a heading, a caption, a sentence: a page of a paper's body, whose first line is no title
        if title and _PROSE_LINE.match(line) and len(_LOWER_WORDS.findall(line)) >= 4 and len(line) >= 60:
            return ""   # a line of text right under it: a page's heading or header over its text, not a title
        if title and (_a_name_run(line, title[-1], lines[at + 1:at + 2]) or _names_over(line, lines[at + 1:at + 2])):
            break       # 'Emma Strubell Ananya Ganesh Andrew McCallum' over their affiliation
        if title and (_FRONT_MATTER.match(line) or _HEADING.match(line) and not _TITLE_GOES_ON.search(title[-1])):
            break  # the abstract's heading, the first section's: 'Energy of Inference' is no title's first line
        if title and _looks_like_name(line, title[-1]) and _then_names(line, lines[at + 1:at + 2]):
            return ""  # two names or a title's second line ('Language Models and Their Training'), over a name: unknown
        if title and (re.search(r"[†‡∗*]", line) or line.count(",") >= 2 or _looks_like_name(line, title[-1])):
            break  # the author line
        if title and _PROSE_LINE.match(line) and _PAGE_NUMBER_END.search(title[-1]):
            break  # a running header and its page number, then a sentence: a page cut out of a paper
        title.append(line)
        if len(" ".join(title)) > 60 or line.endswith((".", "?", "!")):
            break
        if len(title) == 2:
            break
    if len(title) == 1 and len(title[0]) > 60 and not title[0].endswith((".", "?", "!", ":")):
        # a long first line may go on: "... Approachable to Healthcare" / "Consumers with Natural
        # Language Processing" (in title case, and not an author, affiliation or header line)
        after = lines[lines.index(title[0]) + 1:][:1]
        nxt = after[0] if after else ""
        if nxt and _title_case(nxt) and not (_SKIP_LINE.match(nxt) or _NOT_TITLE.search(nxt) or "@" in nxt
                                             or _AFFILIATION.search(nxt) or re.search(r"[†‡∗*,\d]", nxt)
                                             or nxt.isupper() or _looks_like_name(nxt, title[0])
                                             or _NOT_TITLE_GOES_ON.match(nxt)):
            title.append(nxt)
    while title and len(title) < 3 and _TITLE_GOES_ON.search(title[-1]) and not title[-1].endswith(":"):
        # a title cut at a word that goes on ('... Learning using Citation-' over 'informed Transformers'): the
        # next line is more of it, unless it is no title's (an author, an affiliation, the abstract): then none
        after = lines[lines.index(title[-1]) + 1:][:2]
        nxt = after[0] if after else ""
        if not nxt or _names_over(nxt, after[1:]) or _SKIP_LINE.match(nxt) or _NOT_TITLE.search(nxt) or "@" in nxt or _AFFILIATION.search(nxt) \
                or _FRONT_MATTER.match(nxt) or _NOT_TITLE_GOES_ON.match(nxt) or re.search(r"[†‡∗*]", nxt) \
                or len(nxt) > 100 or (_PROSE_LINE.match(nxt) and len(_LOWER_WORDS.findall(nxt)) >= 4):
            return ""
        title.append(nxt)
    if title and not _a_title_page(title, lines[lines.index(title[-1]) + 1:], stamped):
        return ""
    if any(_REPLACEMENT in t for t in title):
        return ""       # a character its font maps to none: what the title says is not known
    if title and not _reads_as_words(" ".join(title)) or _beside_control_characters(first_page, title):
        return ""       # letters shifted by a broken ToUnicode map ('Tb\x1dqo^fkba'): no title is known
    # a compound broken after its hyphen is one word: 'Citation-' 'informed' is 'Citation-informed'
    return "".join(t + ("" if re.search(r"[A-Za-z]-$", t) and i + 1 < len(title) else " ")
                   for i, t in enumerate(title)).strip()[:300]


#: What follows a title on a title page and nowhere else: the abstract's or the keywords' heading, the
#: introduction's ('1 Introduction', 'I. INTRODUCTION'), an e-mail address, a date line ('January 29, 1998').
_FRONT_MATTER = lazy(r"^(?:abstract|a b s t r a c t|keywords|key words|index terms|ccs concepts|"
                     r"(?:(?:1|I)\.?\s+)?introduction)\b", re.I)
_EMAIL_IN = lazy(r"[\w.}\-]@[\w\-]+(?:\.[\w\-]+)+")
#: A figure's tick or a table's cell on a line of its own ('0.25', '512', '88.9%'): no title page's (a year,
#: an affiliation's marker '1' are).
_TICK_LINE = lazy(r"^[-+−]?(?:\d+[.,]\d+|\d{3,})\s*%?$")
#: A measure in a table's row ('88.857', '85.08', '72%'), not a date's day and year ('January 29, 1998').
_CELL_NUMBER = lazy(r"(?<![\w.])[-+−]?\d+(?:[.,]\d+%?|%)(?![\w.])")


def _a_title_page(title: list[str], after: list[str], stamped: bool = False) -> bool:
    """Whether the lines after `title` (a first page's lines guessed a title) may be a title page's: not a
    table's header rows over rows of measures ('Field Task Dataset SOTA BERT-Base SCIBERT' over '88.857 85.08'),
    a figure's labels over its ticks, a later page's running header and its page number ('Optimized Table
    Tokenization ... 9'): those are no title, whatever follows. Front matter (authors, an e-mail, a date, the
    abstract) before any row or tick, or text, leaves the title be (a page of body text under its first line is
    not told from a title over its abstract by these lines alone)."""
    if len(_CELL_NUMBER.findall(" ".join(title))) >= 2:
        return False            # a table's row
    if stamped:
        return True             # arXiv stamps a paper's first page only: a number ending its title is the title's
    if _PAGE_NUMBER_END.search(title[-1]) or after and re.fullmatch(r"[A-Za-z][\w'’\-]*\s\d{1,4}", after[0]):
        # a running header and its page number ('Emerging Properties of Llama 2' unstamped too), or its last word
        # and the number on the next line ('... with Natural Language' over 'Processing 9')
        return False
    named = False
    for line in after[:30]:
        bare = " ".join(w for w in line.split() if "@" not in w)
        if _FRONT_MATTER.match(line) or _EMAIL_IN.search(line) \
                or _YEAR_LINE.match(line) and (named or re.match(r"\(?[A-Za-z]", line)):
            return True         # (a year alone under a name, or a date: a table's cell '2019' is neither)
        if _TICK_LINE.match(line) or len(_CELL_NUMBER.findall(line)) >= 2:
            return False        # a figure's ticks, a table's rows before any front matter
        if (_PROSE_LINE.match(bare) and len(_LOWER_WORDS.findall(bare)) >= 4) or len(line) > 150:
            # text: a title over its first paragraph where names were read before it; else a page of text under its
            # first line ('Training Data Collection' over 'We collected ...'), a heading no title page's
            return named
        pieces = [p.strip() for p in re.split(r",|\band\b|;", _MARKERS.sub(",", line)) if p.strip()]
        if named and _AFFILIATION_LINE.search(line):
            return True         # an author's affiliation under their name
        people = [p for p in pieces if _NAME.match(p) and len(p.split()) <= 4]
        if len(people) >= 2 and len(people) == len(pieces):
            return True         # a line of names: 'Jane Doe, John Roe', 'Ada Lovelace and Alan Turing'
        named = named or bool(people)
        if named and _AFFILIATION_LINE.search(line):
            return True         # 'TAL AUGUST, University of Washington, USA'
    return True


#: A line after a title that is not more of it.
_NOT_TITLE_GOES_ON = lazy(r"^(?:technical report|extended abstract|preprint|draft|abstract|introduction|"
                          r"short paper|long paper|research article|original article)\b", re.I)


def _names_over(line: str, after: list[str]) -> bool:
    """Whether `line` is names ('Jane Roe, John Smith', 'Jane Roe' over 'University of Somewhere'): each piece a
    name's shape, two or more listed with commas, or any over an affiliation, an e-mail address or the abstract's
    heading."""
    pieces = [p.strip() for p in re.split(r",|\band\b|;", _MARKERS.sub(",", line)) if p.strip()]
    if not pieces or not all(_NAME.match(p) and len(p.split()) <= 4 for p in pieces) \
            or any(w.lower() in STOPWORDS_TITLE for p in pieces for w in p.split()):
        return False            # ('Results of the WMT19 Metrics': no name holds 'of the')
    # (two joined by 'and' alone may be a title's: 'Gamma Models and Their Energy')
    return len(pieces) >= 2 and "," in line or bool(after) and bool(
        _AFFILIATION_LINE.search(after[0]) or _EMAIL_IN.search(after[0]) or _FRONT_MATTER.match(after[0]))


def _then_names(line: str, after: list[str]) -> bool:
    """Whether `line`, two pieces of a name's shape joined by 'and' alone, has a name under it: 'Language Models
    and Their Training' over 'Jane Roe' is a title's second line, 'Ada Lovelace and Alan Turing' over 'Grace Hopper'
    names; the shapes alike, no title is told."""
    return "," not in line and bool(re.search(r"\band\b", line)) and bool(after) \
        and _one_name(after[0])


def _one_name(line: str) -> bool:
    """Whether `line` is one person's name alone ('Grace Hopper', 'A. M. Turing'): no affiliation, venue or place,
    no word a title joins others with."""
    bare = " ".join(_MARKERS.sub(" ", line).split())
    return bool(_NAME.match(bare)) and len(bare.split()) <= 4 and not _AFFILIATION_LINE.search(bare) \
        and not _VENUE_LINE.search(bare) and not any(w.lower() in STOPWORDS_TITLE for w in bare.split()) \
        and not _no_person(bare)


def _a_name_run(line: str, previous: str, after: list[str]) -> bool:
    """Whether `line`, after a complete title line, is names written one after another without commas (ACL's
    'Emma Strubell Ananya Ganesh Andrew McCallum'): capitalised words only, no word a title joins others with, and
    an affiliation, an e-mail address or the abstract's heading under it."""
    words = _MARKERS.sub(" ", line).split()
    return not _TITLE_GOES_ON.search(previous.strip()) and 4 <= len(words) <= 12 \
        and all(re.fullmatch(r"[A-Z][\w'’\-]*\.?|[A-Z]\.", w) for w in words) \
        and not any(w.lower() in STOPWORDS_TITLE for w in words) \
        and bool(after) and bool(_AFFILIATION_LINE.search(after[0]) or _EMAIL_IN.search(after[0])
                                 or _FRONT_MATTER.match(after[0]))


#: Words that join a title's others ('Energy and Policy Considerations for Deep Learning'), in no one's name.
STOPWORDS_TITLE = frozenset("a an and as at by for from in into of on or the to via with without towards using "
                            "is are".split())


def _title_case(line: str) -> bool:
    """A line in title case ("Consumers with Natural Language Processing"), of 80 characters
    at most: three words of four letters or more at least, and all but one capitalised."""
    long = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", line) if len(w) >= 4]
    return len(line) <= 80 and len(long) >= 3 and sum(not w[0].isupper() for w in long) <= 1


_NAME = lazy(r"^(?:[A-Z][\w'’\-]*\.?|[A-Z]\.)(?:\s+(?:[A-Z][\w'’\-]*\.?|[a-z]{1,3}|[A-Z]\.)){1,4}$")
_MARKERS = lazy(r"[†‡∗*♦♣□⋄§¶\x00-\x1f\x8e]|\(\s*\)|\d+")


#: An affiliation ("Inc." at a line's end too: no word boundary follows its full stop).
_AFFILIATION = lazy(r"\b(?:university|institute|department|school|labs?|college|inc\.)(?!\w)", re.I)
#: An affiliation line among the authors' (words a title may hold too, so only there).
_AFFILIATION_LINE = lazy(r"\b(?:university|universit[éàä]t?|institute|department|school|labs?|laboratory|"
                         r"college|inc\.|research|center|centre|corporation|foundation|hospital|academy|"
                         r"faculty)(?!\w)", re.I)
_PAGE_NUMBER_END = lazy(r"\s\d{1,4}$")
#: A title line ending in a word no title ends with: the next line is more of the title.
_TITLE_GOES_ON = lazy(r"(\b(with|without|for|of|and|or|the|a|an|in|into|on|onto|to|from|via|using|towards?|through|"
                      r"across|beyond|between|by|at|as|is|are|versus|vs\.?)|[:\-–])$", re.I)


def _looks_like_name(line: str, previous: str) -> bool:
    """'A. M. Turing' after a complete title line, not 'Learning Based Document ...'."""
    if _TITLE_GOES_ON.search(previous.strip()):
        return False
    parts = [p.strip() for p in re.split(r",|\band\b", _MARKERS.sub(",", line)) if p.strip()]
    if len(parts) >= 2:
        return all(_NAME.match(p) and len(p.split()) <= 4 for p in parts)
    words = line.split()
    return bool(_NAME.match(line)) and (bool(re.search(r"\b[A-Z]\.", line)) or 2 <= len(words) <= 3)


#: A line that goes on with a sentence: a lower-case word, not a particle of a name or "and".
_PROSE_LINE = lazy(r"^(?!(?:and|van|von|der|den|de|del|della|di|da|du|dos|la|le|bin|ibn|al|el|ten|ter|zu)\b)[a-z]")
_LOWER_WORDS = lazy(r"\b[a-z]{2,}\b")
#: Where the authors end: the abstract, keywords, a numbered heading ("1 Introduction").
_BLOCK_ENDS = lazy(r"^(?:abstract|introduction|keywords|index terms|ccs concepts)\b", re.I)
_HEADING = lazy(r"^\d{1,2}(?:\.\d+)*\.?\s+[A-Z][a-z]")
#: A line of markers only ("1", "(", "),", "∗"): part of the name line before it.
_MARKS_ONLY = lazy(r"^[\d\s(),*∗†‡§¶]+$")
#: A name's last word alone on a line ("Lee" after "Benjamin Charles Germain").
_ONE_NAME_WORD = lazy(r"^[A-Z][a-z'\-]+(?:\s*[\d,*∗†‡]+)?$")
#: An e-mail address or its user part ("ada@", "{ada, alan}@uni.edu"): not "CPU @2.45 GHz".
_EMAIL_WORD = lazy(r"^\S*[\w}]@")


def guess_authors(first_page: str, title: str) -> list[str]:
    """Author names from the lines after the title (None found: empty list): names with
    their markers ("Zejiang Shen1( ), Ruochen Zhang2"), each name over its e-mail and
    affiliation lines (ACM), "TAL AUGUST, University of Washington" (names in capitals);
    read until the abstract, a numbered heading or running text."""
    lines = [" ".join(line.split()) for line in first_page.splitlines() if line.strip()]
    flat_title = " ".join(title.split())
    start = None
    for i, line in enumerate(lines[:15]):
        if line and flat_title.endswith(line):
            start = i + 1
            break
    if start is None:
        return []
    block: list[str] = []
    for line in lines[start:start + 40]:
        bare = " ".join(w for w in line.split() if "@" not in w)        # e-mail addresses are no prose
        if (_PROSE_LINE.match(bare) and len(_LOWER_WORDS.findall(bare)) >= 4) or len(line) > 150 \
                or _BLOCK_ENDS.match(line) or (_HEADING.match(line) and not _AFFILIATION_LINE.search(line)):
            break       # the abstract, a section, running text (a page cut out of a paper)
        if block and (_MARKS_ONLY.match(line) or line[0] in ",)" or line.startswith("and ")
                      or (_ONE_NAME_WORD.match(line) and not block[-1].endswith(","))):
            block[-1] += " " + line        # "Zejiang Shen" "1" "(" ")," ... "Germain" "Lee": one line
        else:
            block.append(line)
    def a_place(line: str) -> bool:
        return any(_refs.names_a_place(p) for p in line.split(","))

    names: list[str] = []
    for i, line in enumerate(block):
        line = " ".join(w for w in line.split() if not _EMAIL_WORD.match(w))
        first = line.split(",")[0].strip()
        if "," in line and first.isupper() and len(first.split()) >= 2 and not _refs.names_a_place(first) \
                and not _AFFILIATION_LINE.search(first) and not is_organisation(first.title()):
            names.append(first.title())    # 'TAL AUGUST, University of Washington, USA'
            continue
        if not line or _AFFILIATION_LINE.search(line) or _NOT_TITLE_GOES_ON.match(line) or _VENUE_LINE.search(line) \
                or a_place(line):
            continue                       # an e-mail, an affiliation, a venue, an address: the next name may follow
        parts = [p.strip() for p in re.split(r",|\band\b|;", _MARKERS.sub(",", line))]
        parts = [p for p in parts if _NAME.match(p) and len(p.split()) <= 4]
        if names and len(parts) == 1 and not _MARKERS.search(line) and i + 1 < len(block) and a_place(block[i + 1]):
            continue                       # an affiliation over its city: 'Carnegie Mellon' over 'Pittsburgh, PA'
        names.extend(p for p in parts if not _no_person(p))
    return [n for n in names if _REPLACEMENT not in n][:50]     # a name of U+FFFD is not known


#: A venue's, a licence's or a notice's line among the authors' ('NeurIPS 2023 Workshop on ...', 'Published in
#: Transactions on ...', 'Preprint. Under review.', 'Open Access', 'Nature Climate Change').
_VENUE_LINE = lazy(r"\b(?:journal|nature|science|proceedings|transactions|letters|preprint|workshop|conference|"
                   r"symposium|volume|vol\.|issue|press|publishing|published|accepted|submitted|received|"
                   r"review|access|licen[cs]e|creative commons|copyright|editor|edited|corresponding|"
                   r"equal contribution|contributed equally)\b", re.I)


def _no_person(part: str) -> bool:
    """Whether a piece of an author line shaped as a name is none: an organisation ('Google DeepMind', 'Meta AI',
    'Amazon Web Services'), a place ('New York', 'United States'), or an institution's initials before a word of
    its name ('UC Berkeley', 'ETH Zürich'; a person's initials are 'A. M.' or the whole name in capitals)."""
    words = part.split()
    if is_organisation(part) or _refs.names_a_place(part) or len(words) >= 2 and words[0] in _INSTITUTION_INITIALS:
        return True             # ('MIT CSAIL', 'UC Irvine' as the institution's initials and a word)
    if re.fullmatch(r"[A-Z]{2,4}", words[0]) is None or all(w.isupper() for w in words[1:]):
        return False
    # a person's initials written without dots before a family name ('JD Smith', 'AJ Lee'): two or three capitals
    # no institution is known by, before one word that is no place ('UC Berkeley', 'TU Delft', 'UT Austin' are not)
    # ... a family name written as one ('Smith', never 'hynix', 'DOCOMO'), no word of a firm's trade ('GE Healthcare',
    # 'LG Electronics', 'SK Telecom', 'NXP Semiconductors' are firms)
    return not (len(words) == 2 and len(words[0]) <= 3 and words[0] not in _INSTITUTION_INITIALS
                and not _refs.names_a_place(words[1]) and re.fullmatch(r"[A-Z][a-z'’-]+(?:[A-Z][a-z]+)?", words[1])
                and _TRADE_WORD.search(words[1]) is None)


#: A word of a firm's trade closing its name after its initials ('GE Healthcare', 'LG Electronics', 'SK Telecom',
#: 'ST Microelectronics', 'ABB Robotics', 'TCS Innovation', 'NXP Semiconductors'): never a family name after a
#: person's initials
_TRADE_WORD = lazy(r"(?i)(?:(?<=[a-z])(?:ics|ware|care|tech|com|soft)|semiconductors?|ceuticals?|pharma|motors|systems|networks"
                   r"|energy|power|bank|banking|capital|foods|chemicals?|instruments|innovations?|industries"
                   r"|electric|health|medical|digital|mobile|media|biosciences?|therapeutics|aerospace|automotive"
                   r"|insurance|securities|telecommunications?|communications?|consulting|engineering|display|vision"
                   r"|photonics|devices|materials|logistics|airlines?|airways|motor|cloud|games|studios?|labs?)$")


#: Initials universities and institutes are known by before their place's name ('UC Irvine', 'TU Delft', 'KU
#: Leuven', 'ETH Zürich', 'NYU Shanghai'): never a person's.
_INSTITUTION_INITIALS = frozenset("""UC TU KU UT ETH EPFL MIT CMU NYU UCL KTH IIT UW UNC USC UCLA UCSD UBC HKU NUS NTU
KAIST LMU TUM RWTH UPF UPC UAB UCD TCD UvA VU KIT DTU NTNU IST UFRJ USP UNAM SUNY CUNY UIC UIUC UMD UVA UPenn GT
ASU OSU PSU MSU FSU LSU UMass JHU IBM AWS NEC SAP HP ETRI CNRS INRIA CSIRO RIKEN NII NICT MPI HKUST SJTU ZJU USTC
CAS BIT HIT""".split())
