"""What every command family shares: the --kb folder, output helpers, `-` for standard input, a
quote as listed.

Output goes through per-call streams, never straight to sys.stdout/sys.stderr:
`kb.cli.app.main(argv, stdout=..., stderr=...)` binds them for the call (in a
context variable, so a caller running kb in-process captures exactly kb's own
output and nothing another thread writes to the process-wide sys.stderr), and
commands write with `out()`, `echo()`, `warn()` and `err()`. Without a binding
they fall back to sys.stdout/sys.stderr as they are at the time of the write.
Exception: typer/click's own --help text still goes to sys.stdout."""

from __future__ import annotations

import errno
import json
import os
import sys
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from kb.atomic import STDIN_NAME, max_input_bytes
from kb.errors import UsageError, WriteError, shell_word, shown
from kb.lazyimport import lazy_import
from kb.text.display import pages_said, readable
from kb.text.lazyre import lazy

citekeys = lazy_import("kb.sources.citekey")
paths = lazy_import("kb.store.paths")      # completion only: kb --help loads no store

#: The folder given with `kb --kb PATH` (None: KB_HOME or the nearest kb.toml).
state: dict = {"kb": None}



# -- per-call output ----------------------------------------------------------------------

_streams: ContextVar[tuple[TextIO, TextIO] | None] = ContextVar("kb_cli_streams", default=None)
#: The streams of this call whose reader went away (reader_gone): what kb wrote there was lost.
_lost: ContextVar[list | None] = ContextVar("kb_cli_lost", default=None)

#: The exit code of a command whose output a reader closed before it was all read (`kb ls | head -1`),
#: where the command itself succeeded: a process killed by SIGPIPE, as a shell reports it (128 + 13),
#: which is what `ls | head -1` or `git log | head -1` exit with; nothing is said of it.
READER_GONE = 141


@contextmanager
def output_to(stdout: TextIO | None = None, stderr: TextIO | None = None) -> Iterator[None]:
    """Send kb's output in this context to these streams (None: sys.stdout/sys.stderr,
    looked up now)."""
    token = _streams.set((stdout if stdout is not None else sys.stdout,
                          stderr if stderr is not None else sys.stderr))
    lost = _lost.set([])
    try:
        yield
    finally:
        _lost.reset(lost)
        _streams.reset(token)


def output_lost() -> bool:
    """Whether a reader of this call's output went away before kb had written it all."""
    return bool(_lost.get())


def stdout() -> TextIO:
    """The stream for this call's normal output."""
    bound = _streams.get()
    return bound[0] if bound is not None else sys.stdout


def stderr() -> TextIO:
    """The stream for this call's messages and errors."""
    bound = _streams.get()
    return bound[1] if bound is not None else sys.stderr


#: Control characters other than newline and tab: a key, a path or a title holding ESC sequences
#: (written by hand in references.bib, a claims file's name) must not clear the screen, retitle the
#: window or hide text when printed, nor be left out unseen (a key printed without its ESC is a key
#: nobody can type back): each is printed as its escape, `\x1b`, as a message names it.
#: The bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are left out:
#: a title holding one shows the rest of the line reversed, the words after it out of place.
#: Right-to-left text itself (Arabic, Hebrew), its marks (U+200E, U+200F) and combining
#: characters are kept.
_CONTROL: dict[int, str | None] = {
    **{c: f"\\x{c:02x}" for c in [*range(0x00, 0x09), *range(0x0b, 0x20), 0x7f, *range(0x80, 0xa0)]},
    0x0d: None,             # a carriage return (a CRLF file shown on a terminal): left out, as before
    **{c: None for c in [*range(0x202a, 0x202f), *range(0x2066, 0x206a)]}}
#: ... and in one cell of a listing, which is one line, its line breaks and tabs too.
_IN_A_CELL: dict[int, str | None] = {**_CONTROL, 0x09: "\\t", 0x0a: "\\n", 0x0d: "\\r", 0x2028: "\\u2028",
                                      0x2029: "\\u2029"}


def printable(text: str) -> str:
    """`text` with each terminal control character as its escape (newlines and tabs kept)."""
    return text.translate(_CONTROL)


def one_cell(text: str) -> str:
    """`text` as one cell of a listing shows it: `printable`, its line breaks and tabs escaped too
    (a claims file named with a newline is one row)."""
    return text if text.isprintable() else text.translate(_IN_A_CELL)


def out(text: str) -> None:
    """Write `text` to this call's stdout (control characters removed; JSON has none)."""
    write(stdout(), printable(text))


def write(stream: TextIO, text: str, unencodable: Callable[[TextIO, str], None] | None = None) -> None:
    """`stream.write(text)`; a reader that went away (`kb verify | head -1`) is `reader_gone`.
    A character the stream's encoding cannot hold (PYTHONIOENCODING=ascii, a title in Greek)
    is written as its escape, `\\u03b1`, not the end of the command; or, for output a program
    reads, as `unencodable(stream, text)` writes the whole text."""
    try:
        try:
            stream.write(text)
        except UnicodeEncodeError:
            (unencodable or _escaped)(stream, text)
    except BrokenPipeError:
        reader_gone(stream)
    except OSError as exc:
        # the command's output redirected to a full disk (> /dev/full, a quota): said as its output, where it
        # was 'cannot write: no space left on device; ... brings the index up to date', of a knowledge base
        # kb had not written to; or closed by the caller (`kb ls >&-`): said, never lost in silence
        if stream is not stdout() or exc.errno not in _FULL:
            raise
        if exc.errno != errno.EBADF:
            to_nowhere(stream)      # what its buffer holds would fail again at exit, with a traceback
        raise output_failed(exc) from None


_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF}


def output_failed(exc: OSError) -> WriteError:
    """The command's output could not be written (a full disk, a closed stream): said as its output."""
    why = "it is closed" if exc.errno == errno.EBADF else os.strerror(exc.errno).lower()
    return WriteError(f"cannot write the command's output (standard output): {why}; "
                      "what it wrote to the knowledge base, if anything, is kept")


def _escaped(stream: TextIO, text: str) -> None:
    """`text` with each character the stream's encoding cannot hold as Python's escape."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(text.encode(encoding, "backslashreplace").decode(encoding))


def _as_utf8(stream: TextIO, text: str) -> None:
    """An export as UTF-8 whatever the stream's encoding (LC_ALL=C with PYTHONUTF8=0,
    PYTHONIOENCODING=ascii): the bytes `-o FILE` writes. Python's escapes (`m\\xfcller2020`)
    made another citekey of references.bib's in a .bib piped to a file."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:          # a stream of text only: nothing but its encoding can reach it
        _escaped(stream, text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _ascii_json(stream: TextIO, text: str) -> None:
    """JSON whose text the stream's encoding cannot hold, with every character past ASCII as
    its JSON escape (`\\u00fc`, a pair for one past U+FFFF), as json.dumps' ensure_ascii writes
    it: valid JSON in any encoding, each value exact. Python's escape (`\\xfc`) is no JSON."""
    stream.write("".join(c if c.isascii() else "".join(f"\\u{u:04x}" for u in _utf16(c)) for c in text))


def _utf16(c: str) -> list[int]:
    """The UTF-16 code units of one character (JSON escapes a character past U+FFFF as two)."""
    data = c.encode("utf-16-be", "surrogatepass")
    return [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]


def reader_gone(stream: TextIO) -> None:
    """The program reading `stream` closed it (`kb ls --json | head -c1`): what kb writes there
    from now on goes nowhere, and the command runs to its end, nothing said of the pipe: the
    stream's file is /dev/null from here (what its buffer holds too). Its exit code is its own
    where that is a failure (a kb verify that fails exits 1), else READER_GONE: output was lost
    (output_lost). A stream that is no file is left as it is."""
    lost = _lost.get()
    if lost is not None:
        lost.append(stream)
    to_nowhere(stream)


def to_nowhere(stream: TextIO) -> None:
    """Point `stream`'s file at /dev/null: what it still buffers, and every later write (the
    interpreter's own flush at exit too), goes nowhere, where each would fail again as the first
    did (a reader gone, a full disk: a traceback at exit). A stream that is no file is left as it is."""
    try:
        fd = stream.fileno()
    except (AttributeError, ValueError, OSError):
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, fd)
        finally:
            os.close(null)
    except OSError:
        pass


def data(text: str) -> None:
    """Write an export (BibTeX, a note, CSL-JSON, a graph) to this call's stdout exactly
    as it would go to a file (`-o -`): byte for byte into a pipe or a file. Shown on a
    terminal, control characters a hand-edited entry may hold (ESC sequences in a title)
    are left out, as everywhere kb prints: they must not clear the screen or retitle it."""
    stream = stdout()
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError, OSError):
        terminal = False
    if terminal:
        write(stream, printable(text))
    else:
        write(stream, text, _as_utf8)


def echo(*parts: object, sep: str = " ", end: str = "\n") -> None:
    """print() to this call's stdout, for a person: words PDFium broke with a soft hyphen
    joined (`kb.text.display.readable`); JSON keeps the text as stored."""
    out(readable(sep.join(map(str, parts)) + end))


def err(text: str) -> None:
    """Write `text` to this call's stderr (control characters removed, soft hyphens too)."""
    write(stderr(), printable(readable(text)))


def _json(obj) -> str:
    """`obj` as JSON, non-ASCII text as itself, except what `printable` would take out of
    it (DEL, C1 controls, bidirectional overrides) and a path's bytes that are not UTF-8
    (lone surrogates, os.fsdecode's): those are written as JSON escapes, `\\u202e`,
    `\\udcff`, so a JSON reader gets every value exactly (a path's bytes back through
    os.fsencode), nothing is dropped on the way out, and no stream has to encode what
    UTF-8 cannot hold."""
    text = json.dumps(obj, indent=2, ensure_ascii=False, default=str)
    if not text.isascii() and _ESCAPED_IN_JSON.search(text):
        text = _ESCAPED_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


_ESCAPED_IN_JSON = lazy(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def emit_json(obj) -> None:
    write(stdout(), printable(_json(obj) + "\n"), _ascii_json)


def version_null(record: dict) -> dict:
    """A record as --json prints it: the version of a paper that has none (a PDF of no arXiv id, a DOI's paper)
    is null, as kb ls, kb show, kb quote ls, kb verify and every other listing give it (kb keeps '' inside)."""
    return {**record, "version": record["version"] or None} if "version" in record else record


def emit_json_items(items: Iterable) -> None:
    """`emit_json(list(items))`, byte for byte, written item by item as they come (a long
    listing is neither held whole nor waited for)."""
    first = True
    for item in items:
        text = _json(item).replace("\n", "\n  ")
        write(stdout(), printable(("[\n  " if first else ",\n  ") + text), _ascii_json)
        first = False
    write(stdout(), "[]\n" if first else "\n]\n")


def warn(message: str) -> None:
    err(f"kb: {message}\n")


def none_listed(message: str) -> None:
    """An empty listing or report said ('no papers yet: kb add ...', 'no claims match'): one line on
    stderr, exit 0, as every other message; its standard output stays empty, so a script reading the
    listing (`kb ls | wc -l`, `kb claims | while read`) reads no row that is none (--json prints [])."""
    warn(message)


#: warnings said when the command ends (kb.cli.app): one a refusal says already is not said again
_held: ContextVar[list[str] | None] = ContextVar("kb_cli_held", default=None)


def warn_later(message: str) -> None:
    """`message` said when the command ends (say_held), where it is no repeat of its refusal: a read-only
    knowledge base whose files changed warns a reader that what it shows may be out of date, and a writer
    is refused in one line saying the knowledge base is read-only, never both."""
    held = _held.get()
    if held is None:
        warn(message)
    elif message not in held:
        held.append(message)


def say_held(*, drop: bool = False) -> None:
    """The warnings held (warn_later) said, or dropped where the command's refusal says them already."""
    held = _held.get()
    for message in () if drop or not held else held:
        warn(message)
    if held:
        held.clear()


@contextmanager
def holding() -> Iterator[None]:
    """Warnings given to warn_later in this context held until say_held."""
    token = _held.set([])
    try:
        yield
    finally:
        _held.reset(token)


def table(rows: list[list[str]], headers: list[str], max_width: int | None = None,
          keep: list[str | None] | None = None) -> None:
    """A plain aligned table; on a terminal the last column is cut to fit, around a row's `keep` (the
    figure a candidate's sentence prints) where cutting its end would leave that out."""
    if not rows:
        return
    # each cell as `echo` prints words: zero-width characters and byte-order marks left out, where kb ls printed
    # them raw in a title or an author's name (and counted each a column wide, the columns after it out of line)
    cells = [headers] + [[one_cell(readable("" if c is None else c if type(c) is str else str(c))) for c in row]
                         for row in rows]
    widths = [max(map(shown_width, column)) for column in zip(*cells)]
    last = widths[-1]
    if stdout().isatty():
        try:
            width = max_width or os.get_terminal_size().columns
        except OSError:
            width = max_width or 120
        last = max(10, min(last, width - sum(widths[:-1]) - 2 * (len(widths) - 1)))
    lines = []
    for i, row in enumerate(cells):
        *head, tail = row
        if len(tail) > last:
            tail = cut_around(tail, last, keep[i - 1] if keep and i else None)
        lines.append("  ".join([cell + " " * (w - shown_width(cell)) for cell, w in zip(head, widths)]
                               + [tail]).rstrip())
    out("\n".join(lines) + "\n")


def cut_around(text: str, width: int, keep: str | None = None) -> str:
    """`text` cut to `width` characters, "…" where it was cut: its end, or both ends where its end
    alone would cut out `keep` (a sentence of 300 characters whose figure is near its end showed
    its first words only, as if it did not print the figure)."""
    keep = " ".join((keep or "").split())
    at = text.find(keep) if keep else -1
    if at < 0 or at + len(keep) <= width - 1:
        return text[: width - 1] + "…"
    room = width - 2                                       # a "…" before and one after
    start = max(1, at - max(0, room - len(keep)) // 2)
    if start + room >= len(text):                          # the window reaches the end: one "…" only
        start = len(text) - (width - 1)
        return "…" + text[start:]
    return "…" + text[start:start + room] + "…"


def shown_width(text: str) -> int:
    """How many columns a terminal gives `text`: a combining accent (a key saved in NFD,
    "mu\u0308ller") none, a wide CJK letter two."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) == "Cf" else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# -- what a writing command did ---------------------------------------------------------------
#
# A command run again that changes nothing says so, in the words and on the stream of its first run's
# report: "unchanged ...", exit 0, and never that it wrote (`kb quote add` said "stored" on stdout and
# "stored already: unchanged" on stderr; `kb export note -o FILE` "wrote FILE" of a file it had replaced
# by the same bytes).

def files_said(done: Iterable[tuple[object, bool]]) -> str:
    """The files an export wrote, each (path, written): 'wrote a.md, a.bib', 'unchanged a.md' (it held
    these bytes already, and was left as it was), or 'wrote a.md; unchanged a.bib'."""
    done = list(done)
    wrote = [shown(path) for path, written in done if written]
    same = [shown(path) for path, written in done if not written]
    return "; ".join(f"{verb} {', '.join(names)}" for verb, names in (("wrote", wrote), ("unchanged", same))
                     if names)


def merge_said(subject: str, merged: list[str] | None) -> None:
    """Warn what re-adding a stored quote or claim merged (kept what it holds, added topics); one that
    merged nothing is said by the command's own line, 'unchanged ...', and not again here."""
    if merged and merged != ["unchanged"]:
        warn(f"{subject} was stored already: " + "; ".join(merged))


# -- inputs and quotes shared by several command families -----------------------------------

class StdinInput:
    """`-` given for an input file: standard input, read once, whole. It stands in
    for the Path the library reads (read_bytes, a name for messages, a parent
    folder for paths inside it: the current folder)."""

    name = STDIN_NAME
    stem = "stdin"

    def __init__(self, what: str, suffix: str = ""):
        self.what = what
        self.suffix = suffix            # ".pdf": read as a file of that kind would be
        self._data: bytes | None = None

    def read_bytes(self) -> bytes:
        if self._data is None:
            stream = sys.stdin
            if stream is None:
                raise UsageError(f"- means {self.what} from stdin, but there is no stdin")
            try:
                terminal = stream.isatty()
            except (AttributeError, ValueError, OSError):
                terminal = False
            if terminal:
                # nothing piped in: kb waited without a word for what a person would type
                raise UsageError(f"- means {self.what} from stdin, but stdin is a terminal: nothing was piped in",
                                 hint=f"pipe {self.what} in, e.g. `cat FILE | kb ... -`")
            limit = max_input_bytes() + 1           # `kb import - < /dev/zero` must not fill memory
            data = stream.buffer.read(limit) if hasattr(stream, "buffer") else stream.read(limit).encode("utf-8")
            if not data.removeprefix(b"\xef\xbb\xbf").strip():      # a byte order mark alone is no text either
                raise UsageError(f"- means {self.what} from stdin, but stdin was empty",
                                 hint=f"pipe {self.what} in, e.g. `cat FILE | kb ... -`")
            self._data = data
        return self._data

    @property
    def parent(self) -> Path:
        return Path.cwd()

    def resolve(self) -> "StdinInput":
        return self

    def __str__(self) -> str:
        return self.name


def input_path(given: Path, what: str, suffix: str = "") -> "Path | StdinInput":
    """The file an input argument names; `-` is standard input."""
    return StdinInput(what, suffix) if str(given) == "-" else given


def not_found(exc, *, verbose: bool = False, as_json: bool = False):
    """A quote not found (kb.ops.quotes.QuoteNotFound), said as every refusal is, in one line; with
    --verbose its details (the closest passage, the version it may be from) on the lines after it,
    with --json all of it on stdout. Raises: nothing was stored."""
    if as_json:
        emit_json(version_null(exc.to_dict()))
    if not (verbose or as_json):
        raise exc
    exc.hint = None
    err(f"kb: error: {exc}\n")
    for line in exc.details if verbose else ():
        err(f"  {line}\n")
    import typer

    raise typer.Exit(exc.exit_code)


def texts_or_stdin(*given: tuple[str | None, str]) -> list[str | None]:
    """Each (text, what) of a command's text arguments through `text_or_stdin`; standard input
    is read once, so two of them given as `-` are refused in one line naming both."""
    dashes = [what for text, what in given if text == "-"]
    if len(dashes) > 1:
        raise UsageError(f"- means stdin, read once: give only one of {' and '.join(dashes)} as -")
    return [text_or_stdin(text, what) for text, what in given]


def text_or_stdin(given: str | None, what: str) -> str | None:
    """A text argument as given; `-` alone is standard input, read whole as UTF-8 text, its
    enclosing blank lines and the newline that ends it left out (`pdftotext -f 4 -l 4 p.pdf - |
    kb quote add KEY -`): the CLI's `-` for an input, where the input is a text."""
    if given is None or given != "-":
        return given
    data = StdinInput(what).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"- means {what} from stdin, but stdin is not UTF-8 text (byte {exc.start + 1})") from None
    return text.strip()


def print_quote(q: dict) -> None:
    pages = f"p. {pages_said(q['page'], q.get('page_end'))}" if q.get("page") else "p. ?"
    if q.get("moved_in") and q["status"] == "verified":     # where the newest version kb holds prints it
        pages += f" ({q['moved_in']}: p. {q['moved_to']})"
    flag = {"verified": "", "no-text": "  [NO TEXT]",
            "stale": f"  [STALE: not in {q.get('stale_in')}]"}.get(q["status"], "  [UNVERIFIED]")
    topics = f"  ({', '.join(q['topics'])})" if q.get("topics") else ""
    echo(one_cell(f"{q['id']}  {q['citekey']} {q.get('version') or ''} {pages}{flag}{topics}"))
    echo(f"    \"{q['text']}\"")
    if q.get("reason"):
        echo(f"    not verified: {q['reason']}")
    elif q.get("stale"):        # as kb verify says it
        echo(f"    stale: {q['stale']}")


_NAMES = {"--paper": "give a paper's citekey", "--cite": "give citekeys, comma-separated",
          "--quotes": "give quote ids, comma-separated", "--unit": "give a unit, e.g. kWh",
          "--topic": "give a topic", "--tag": "give a tag", "--text": "give words to look for",
          "--author": "give part of an author's name", "--year": "give a year (2019) or a range (2018-2020)",
          "--min": "give a figure with its unit, e.g. \"1 kWh\"", "--max": "give a figure with its unit, e.g. \"1 kWh\"",
          "--only": "give verdicts, comma-separated"}


def complete_from_index(query: str, incomplete: str) -> list[str]:
    """The first column of `query` (one ? for a LIKE pattern: what was typed, then anything), read from the
    index with the standard library's sqlite3 alone: completing must stay fast, and never fail loudly."""
    import sqlite3  # (the standard library's: only a completing shell needs it here)

    try:
        db = paths.layout(os.environ.get("KB_HOME") or None).db
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return [r[0] for r in conn.execute(query, [incomplete.replace("%", "") + "%"])][:200]
        finally:
            conn.close()
    except Exception:        # completing must never fail loudly
        return []


def complete_citekey(incomplete: str) -> list[str]:
    """Citekeys starting with what was typed (shell completion): of every argument naming a paper."""
    return complete_from_index("select citekey from papers where citekey like ? order by citekey", incomplete)


def names_a_paper(ctx, param, value):
    """Callback of an argument naming papers by citekey: a key holding a character nobody
    sees (a zero-width space or joiner, a soft hyphen, a bidi override, pasted from a web
    page or a PDF) is refused: a person never means one, and the key typed without it finds
    the paper whose key in references.bib holds one (queries.same_key)."""
    for given in value if isinstance(value, (list, tuple)) else [value]:
        if isinstance(given, str) and not param.required:
            _note_given_as_a_key(ctx, given)
        if not isinstance(given, str) or given.isascii() and given.isprintable():
            continue                    # (the common case, without loading kb.sources.citekey)
        hidden = citekeys.invisible(given)
        if hidden:
            name = param.opts[0] if param.param_type_name == "option" else "the citekey"
            raise UsageError(f"{name} {citekeys.escaped(given)} holds {hidden}, a character nobody sees",
                             hint="type the key without it")
    return value


#: What a note's file name ends with (kb verify --note, kb audit --note read these).
NOTE_SUFFIXES = (".md", ".mdx", ".markdown", ".qmd", ".rmd", ".tex", ".org", ".txt", ".html", ".htm",
                 ".adoc", ".rst", ".typ")


def _note_given_as_a_key(ctx, given: str) -> None:
    """`kb audit draft.md`: a note's file given where the command takes citekeys, and takes a note with
    --note, is refused saying so (it said "no paper 'draft.md'"), with the command to type."""
    if not given.lower().endswith(NOTE_SUFFIXES) or not os.path.isfile(given):
        return
    if not any("--note" in p.opts for p in ctx.command.params):
        return
    raise UsageError(f"{shown(given)} is a file, not a citekey: a note is given with --note",
                     hint=f"{ctx.command_path} --note {shell_word(given)}")


def names_something(ctx, param, value):
    """Callback of an option that names papers, quotes or a unit (--paper, --cite, --quotes,
    --unit), or filters a listing (--topic, --tag, --text, --author, --year, --min, --max,
    --only): given as "" (an unset shell variable, say) it names nothing, and is refused,
    not read as no filter at all (which selected everything) nor as one nothing matches."""
    for given in value if isinstance(value, (list, tuple)) else [value]:
        if given is not None and not str(given).replace(",", " ").strip():
            option = param.opts[0]
            raise UsageError(f"{option} {given!r} names nothing",
                             hint=_NAMES.get(option, "give a value") + ", or leave the option out")
    if param.opts[0] in ("--paper", "--cite"):
        names_a_paper(ctx, param, value)
    return value


_FILES = {"--note": "give the note's path, or - for stdin", "--kb": "give the folder holding kb.toml, or leave "
          "--kb out", "FOLDER": "give a folder; . is this one", "FILE": "give a file's path, or - for stdin"}


def names_a_path(ctx, param, value):
    """Callback of an argument or option that names a file or folder (a str parameter:
    typer would read "" as Path("."), this folder): "" (an unset shell variable, `kb init
    "$DIR"`) is refused, named as empty, never taken for the current folder; the rest
    become Paths (`-` too: input_path reads it as stdin)."""
    if value is None:
        return None
    name = param.opts[0] if param.param_type_name == "option" else said_name(param)
    if isinstance(value, (list, tuple)):
        return [a_path(v, name) for v in value]
    return a_path(value, name)


def said_name(param) -> str:
    """An argument as a message names it: its metavar (FILE, FOLDER), or, for one taking several values
    without one (its usage line then says `{file}...`), its name in capitals, as a metavar is written."""
    if param.metavar is None and param.nargs != 1:
        return param.name.upper()
    return param.human_readable_name


def names_an_input(ctx, param, value):
    """Callback of an argument or option naming a file kb reads (a note, a BibTeX file, page text):
    as names_a_path, and a relative path that names no file in the current folder but one in the
    knowledge base's (`kb --kb ~/notes verify --note drafts/a.md` run from elsewhere; `notes/a.md`
    given in a folder of the knowledge base below its root) is refused saying which file that is."""
    value = names_a_path(ctx, param, value)
    name = param.opts[0] if param.param_type_name == "option" else said_name(param)
    for path in value if isinstance(value, list) else [value]:
        if path is not None:
            read_here(path, name)
    return value


def read_here(path: Path, name: str) -> None:
    """Refuse a relative `path` given as `name` that is no file here but is one of the knowledge
    base's root (names_an_input). Said only where the knowledge base is found; otherwise the
    command says the file is missing, as it would."""
    if str(path) == "-" or path.is_absolute() or os.path.lexists(path):
        return
    try:
        root = paths.find_root(state["kb"])
        there = root / path
        elsewhere = there.is_file() and Path.cwd().resolve() != root.resolve()
    except Exception:       # no knowledge base (yet), no current folder: the command says what it meets
        return
    if elsewhere:
        raise UsageError(f"{name} {shown(path)}: no such file in the current folder ({shown(Path.cwd())}); a "
                         "relative path is read from there",
                         hint=f"the knowledge base's is {shell_word(there)}: give that path")


def a_path(value: str, name: str) -> Path:
    """The path `value` given as `name` (--note, FILE); "" is refused (names_a_path)."""
    if str(value) == "":
        raise UsageError(f"{name} '' is an empty path, which names no file or folder",
                         hint=_FILES.get(name, "give a path"))
    return Path(value)
