"""claims/*.toml: the truth for quotes, claims, units and checks.

A file is read with tomllib (fast, strict) and written with tomlkit, so a
person's comments and layout survive every kb write. `claims/<citekey>.toml`
holds one paper's quotes and claims; checks, units and constants may live in
any file of claims/.

    [[quote]]      id, text, topics, version, status, page, page_end, spans, prefix, suffix, method, extractor, note
    [[claim]]      id, value ("11.49 kWh"), per, quote, page, version, topics, status
    [units]        name = "0.012 kWh"  or  name = "citekey.claim_id"
    [[check]]      id, stated, expr, tolerance, note
    [[restatement]] id, cited, page, figure, verdict, note   (a restatement judged by a person: kb audit --accept)
"""

from __future__ import annotations

import bisect
import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kb.atomic import (
    Identity,
    decode_utf8,
    decode_wide,
    identity,
    line_number,
    read_input,
    refuse_conflict,
    said,
    undecodable_at,
    wide_encoding,
)
from kb.errors import FileFormatError, UsageError
from kb.text.lazyre import lazy
from kb.text.versions import normalise_version

ID_RE = lazy(r"^[A-Za-z0-9][A-Za-z0-9_\-.]*$")     # written by kb: at most 100 (kb.text.typed)
NAME_RE = lazy(r"^[A-Za-z_][A-Za-z0-9_]{0,99}$")
MAX_FILE_BYTES = 50 * 1024 * 1024
#: The longest string a claims file's record may hold, in characters: a quote (kb quote add takes at
#: most as many), a claim's quote, a value, a note. A longer one (a paste gone wrong, a file pasted
#: whole) is refused as the file's error before any of it is matched: verifying a quote of 10 MB
#: took minutes.
MAX_STRING = 20_000
#: The largest page number or character offset a claims file may hold (a 32-bit integer).
MAX_INT = 2**31 - 1


def _shown(value: int) -> str:
    text = str(value) if abs(value) < 10**30 else f"{str(value)[:12]}... ({len(str(abs(value)))} digits)"
    return text


@dataclass
class QuoteRec:
    id: str
    text: str
    citekey: str
    version: str | None = None
    topics: list[str] = field(default_factory=list)
    status: str = "verified"
    method: str | None = None
    page: int | None = None
    page_end: int | None = None
    spans: list[dict] = field(default_factory=list)
    prefix: str | None = None
    suffix: str | None = None
    extractor: str | None = None
    note: str | None = None
    line: int | None = None


@dataclass
class ClaimRec:
    id: str
    value: str
    citekey: str | None
    per: str | None = None
    quote: str | None = None
    quote_id: str | None = None
    page: int | None = None
    version: str | None = None
    topics: list[str] = field(default_factory=list)
    status: str | None = None
    note: str | None = None
    line: int | None = None


@dataclass
class UnitRec:
    name: str
    definition: str
    citekey: str | None
    line: int | None = None


@dataclass
class CheckRec:
    id: str
    stated: str
    expr: str
    tolerance: str | None = None
    note: str | None = None
    line: int | None = None


@dataclass
class RestatementRec:
    """A figure this paper attributes to another paper, judged by a person."""

    id: str
    citekey: str                 # the citing paper
    verdict: str                 # confirmed | differs | not-in-source
    cited: str | None = None
    page: int | None = None
    figure: str | None = None
    note: str | None = None
    line: int | None = None


RESTATEMENT_VERDICTS = ("confirmed", "differs", "not-in-source")


@dataclass
class DismissedRec:
    """A candidate claim a person dismissed (kb claims dismiss): kept in the paper's
    claims file so the decision outlives any index, and re-applied when the paper's
    numbers are extracted again."""

    citekey: str
    version: str
    page: int
    start: int
    number: str
    line: int | None = None


@dataclass
class ClaimsDoc:
    path: str
    citekey: str | None
    quotes: list[QuoteRec] = field(default_factory=list)
    claims: list[ClaimRec] = field(default_factory=list)
    units: list[UnitRec] = field(default_factory=list)
    checks: list[CheckRec] = field(default_factory=list)
    #: [paper] settings for exports, e.g. anchor = "my-anchor" for the note's references list.
    paper: dict[str, str] = field(default_factory=dict)
    restatements: list[RestatementRec] = field(default_factory=list)
    dismissed: list[DismissedRec] = field(default_factory=list)


# A multi-line string of TOML ("""...""" or '''...'''), found past the comments and one-line strings
# before it: a line inside one reading as a table header ("[[claim]]" pasted into a note) or as
# a key is no header nor key of the file's.
_TOKENS = lazy(r'"""(?:\\.|[^\\])*?"""(?:""?(?!"))?|\'\'\'.*?\'\'\'(?:\'\'?(?!\'))?'
               r'|"(?:\\.|[^"\\\n])*"|\'[^\'\n]*\'|#[^\n]*', re.S)


def _in_strings(text: str) -> list[tuple[int, int]]:
    """(start, end) of each multi-line string of `text`, in order; none without one (most files:
    one scan for the delimiters)."""
    global _SPANS
    if '"""' not in text and "'''" not in text:
        return []
    if _SPANS[0] is not text:           # one scan for the five headers and the keys of one file read
        _SPANS = (text, [m.span() for m in _TOKENS.finditer(text) if m.group()[:3] in ('"""', "'''")])
    return _SPANS[1]


_SPANS: tuple[str | None, list[tuple[int, int]]] = (None, [])


def _outside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether offset `at` is in none of `spans` (`_in_strings`)."""
    if not spans:
        return True
    i = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return i < 0 or not spans[i][0] <= at < spans[i][1]


def _lines_of(text: str, header: str) -> list[int]:
    """The line of each `[[header]]` of `text` (none inside a multi-line string), counted on from
    the one before: counted from the file's start each, a claims file of 24,000 claims took 18 s
    (quadratic) to read."""
    pattern = re.compile(r"^[ \t]*\[\[[ \t]*" + re.escape(header) + r"[ \t]*\]\]", re.MULTILINE)
    spans = _in_strings(text)
    lines, line, at = [], 1, 0
    for m in pattern.finditer(text):
        if not _outside(spans, m.start()):
            continue
        line += text.count("\n", at, m.start())
        at = m.start()
        lines.append(line)
    return lines


def _key_line(text: str, key: str, after: int | None = None) -> int | None:
    """The first line of `text` past line `after` setting `key` (none inside a multi-line string)."""
    spans = _in_strings(text)
    for m in re.finditer(r"^[ \t]*" + re.escape(key) + r"[ \t]*=", text, re.MULTILINE):
        line = text.count("\n", 0, m.start()) + 1
        if _outside(spans, m.start()) and (after is None or line > after):
            return line
    return None


def _table_line(text: str, key: str) -> int | None:
    """The line of the `[key]` table header of `text` (none inside a multi-line string)."""
    spans = _in_strings(text)
    for m in re.finditer(r"^[ \t]*\[[ \t]*" + re.escape(key) + r"[ \t]*\]", text, re.MULTILINE):
        if _outside(spans, m.start()):
            return text.count("\n", 0, m.start()) + 1
    return None


class _Reader:
    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text

    def fail(self, message: str, line: int | None):
        raise FileFormatError(message, path=self.path, line=line)

    def string(self, table: dict, key: str, line: int | None, required: bool = False,
               what: str = "entry") -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.fail(f"{what} has no `{key}`", line)
            return None
        if not isinstance(value, str):
            self.fail(f"{what}: `{key}` must be a string, not {type(value).__name__}", line)
        self.bounded(value, key, line, what)
        return value

    def bounded(self, value: str, key: str, line: int | None, what: str) -> None:
        """`value` is at most MAX_STRING characters, or the file's error."""
        if len(value) > MAX_STRING:
            self.fail(f"{what}: `{key}` is {len(value):,} characters, over kb's limit of {MAX_STRING:,} for one "
                      "string of a claims file (a quote is at most that long)", line)

    def version(self, table: dict, line: int | None, what: str) -> str | None:
        """A record's `version` as kb writes it ("v3" for "3", "V3"); one that is no
        version at all is an error of the file, not a version kb merely lacks."""
        value = self.string(table, "version", line, False, what)
        if value is None:
            return None
        try:
            return normalise_version(value)
        except UsageError:
            self.fail(f"{what}: `version` = {value[:40]!r} is not a version (v1, v2, ...; \"\" for "
                      "an unversioned text)", line)

    def integer(self, table: dict, key: str, line: int | None, what: str, low: int = 1) -> int | None:
        """An integer from `low` (1: a page; 0: a character offset) to MAX_INT, which SQLite
        and every page count hold: 99999999999999999999 is the file's error, not a crash."""
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            # "3" or 3.0 (typed by hand, or written by a script): said as written, with the way to write it
            whole = value.strip() if isinstance(value, str) and value.strip().isdigit() and value.isascii() else \
                str(int(value)) if isinstance(value, float) and value.is_integer() else None
            shown_as = f"the string {value[:40]!r}" if isinstance(value, str) else \
                f"the TOML number {value!r}" if isinstance(value, float) else f"a {type(value).__name__}"
            self.fail(f"{what}: `{key}` must be an integer, not {shown_as}"
                      + (f": write it {key} = {whole}, without quotes or a decimal point" if whole else ""), line)
        if not low <= value <= MAX_INT:
            self.fail(f"{what}: `{key}` = {_shown(value)} is out of range: it must be from {low} to {MAX_INT:,}"
                      + (" (pages are numbered from 1)" if low == 1 else ""), line)
        return value

    def strings(self, table: dict, key: str, line: int | None, what: str) -> list[str]:
        value = table.get(key, [])
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{what}: `{key}` must be a list of strings", line)
        return list(value)

    def ident(self, value: str, line: int | None, what: str) -> str:
        if not ID_RE.match(value):
            self.fail(f"{what}: id {said(value)} must be letters, digits, '-', '_' or '.', "
                      "starting with a letter or digit", line)
        return value

    def keys(self, table: dict, known: frozenset[str], line: int | None, what: str) -> None:
        """A key kb does not know is a misspelling until shown otherwise (`topic` for
        `topics`, `tolerence`): said with the closest known key. A person's own keys
        are welcome with an `x_` or `x-` prefix."""
        for key in table:
            if key in known or key.startswith(("x_", "x-")):
                continue
            close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
            self.fail(f"{what}: unknown key `{key}`" + (f" (did you mean `{close[0]}`?)" if close else "")
                      + f"; known: {', '.join(sorted(known))} (or your own, prefixed x_)", line)

    def array(self, data: dict, key: str) -> list[dict]:
        value = data.get(key, [])
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(f"`{key}` must be an array of tables ([[{key}]])", _key_line(self.text, key))
        return value


#: The keys of each record kb reads and writes.
QUOTE_KEYS = frozenset({"id", "text", "topics", "version", "status", "method", "page", "page_end", "spans",
                        "prefix", "suffix", "extractor", "note"})
CLAIM_KEYS = frozenset({"id", "value", "paper", "per", "quote", "quote_id", "page", "version", "topics",
                        "status", "note"})
CHECK_KEYS = frozenset({"id", "stated", "expr", "tolerance", "note"})
RESTATEMENT_KEYS = frozenset({"id", "verdict", "cited", "page", "figure", "note"})
DISMISSED_KEYS = frozenset({"version", "page", "start", "number", "unit", "sentence"})
MAX_NESTING = 50


_STRING_END = {'"': lazy(r'[\\"]'), "'": lazy("'")}


def _nesting(text: str, path: str = "") -> int:
    """How deep tables nest outside strings and comments, roughly but cheaply: each `[` and
    `{` is a level, and so is each dot of a dotted key (`a.b.c = 1` is three tables). tomllib
    recurses per bracket and would end in RecursionError (a file nesting 2,000 deep), and a
    dotted key costs it time and memory growing with the square of its length (a key of
    100,000 parts: gigabytes). Dots are counted from the last `=`, `,`, bracket or line end,
    so a number's decimal point counts once and a string's dots not at all. A string is passed
    over at once (a search for its end), and one longer than MAX_LINE is the file's error, said
    with the line it opens on: tomllib reads a string a character at a time, and a string of
    10 MB over many lines took seconds and a gigabyte before it could be refused."""
    depth = deepest = dots = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "\"'":
            start, end = i, _STRING_END[ch]
            i += 1
            while True:
                m = end.search(text, i)
                if m is None:
                    i = n
                    break
                if m.group() == "\\":
                    i = m.end() + 1
                    continue
                i = m.end()
                break
            if i - start > MAX_LINE:
                raise FileFormatError(f"holds a string of over {MAX_LINE:,} characters; a string of a claims "
                                      f"file is at most {MAX_STRING:,}", path=path,
                                      line=text.count("\n", 0, start) + 1)
            continue
        if ch == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if ch == ".":
            dots += 1
            deepest = max(deepest, depth + dots)
        elif ch in "[{":
            depth += 1
            dots = 0
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
            dots = 0
        elif ch in "=,\n":
            dots = 0
        i += 1
    return deepest


#: The last texts read as TOML and what they read as: one `kb claim add` into a claims file
#: reads the file to merge with the stored claim, to append to it and to index it, and reads
#: the file it wrote to check it and to index it (about 0.35 s a read at 4,000 claims). The same
#: dict is given for the same text: no caller changes what it is given.
_READ: dict[str, dict] = {}        # read by load_toml, whose checks it passed
_PARSED: dict[str, dict] = {}      # read by tomllib alone (_appended)
_KEPT = 2


def _keep(held: dict[str, dict], text: str, data: dict) -> dict:
    held.pop(text, None)
    held[text] = data
    while len(held) > _KEPT:
        del held[next(iter(held))]
    return data


def _toml(text: str) -> dict:
    """tomllib.loads of `text`, from the last texts read where it is one of them."""
    data = _READ.get(text)
    if data is None:
        data = _PARSED.get(text)
    return data if data is not None else _keep(_PARSED, text, tomllib.loads(text))


#: The longest line a claims file or kb.toml may hold: a string of MAX_STRING characters each written
#: as an escape, with its key. Checked before the file is read as TOML, which reads a string a character
#: at a time (a line of 10 MB took seconds before a string of it could be refused).
MAX_LINE = 10 * MAX_STRING + 1_000


def _refuse_long_line(text: str, path: str) -> None:
    """FileFormatError naming the first line of `text` longer than MAX_LINE, if one is."""
    start = 0
    for line in text.split("\n"):
        if len(line) > MAX_LINE:
            raise FileFormatError(f"a line of {len(line):,} characters, over kb's limit of {MAX_LINE:,} for one "
                                  f"line (a string of a claims file is at most {MAX_STRING:,} characters)",
                                  path=path, line=text.count("\n", 0, start) + 1)
        start += len(line) + 1


def load_toml(text: str, path: str) -> dict:
    """`tomllib.loads` of a file a person edits (a claims file, kb.toml), refused in one line
    naming the file (and the line, where tomllib says it) when it is not TOML or nests tables
    deeper than any of kb's files need: never a RecursionError, nor minutes and gigabytes."""
    held = _READ.get(text)
    if held is not None:
        return held
    refuse_conflict(text, path)
    if len(text) > MAX_LINE and max(map(len, text.split("\n"))) > MAX_LINE:
        _refuse_long_line(text, path)
    depth = _nesting(text, path)
    if depth > MAX_NESTING:
        raise FileFormatError(f"nests arrays or tables {depth} deep; kb reads at most {MAX_NESTING}",
                              path=path)
    try:
        data = _PARSED.pop(text, None)
        return _keep(_READ, text, tomllib.loads(text) if data is None else data)
    except RecursionError:
        raise FileFormatError("nests arrays or tables too deep to read", path=path) from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+), column (\d+)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line, column = (int(m.group(1)), int(m.group(2))) if m else (None, None)
        hint = None
        at = _offset(text, line, column) if "\r" in text and line else -1
        if text[at:at + 1] == "\r" and text[at + 1:at + 2] != "\n":
            # A line ending in \r alone (classic Mac OS; a merge or a paste from such a file leaves one
            # among \n or \r\n): TOML's lines end in \n or \r\n. Named where an editor shows it.
            line = line_number(text, at)
            column = at - max(text.rfind("\n", 0, at), text.rfind("\r", 0, at))
            hint = ("its lines end in \\r alone, as classic Mac OS ended them; TOML's end in \\n: "
                    "save it with Unix line endings" if "\n" not in text else
                    "this line ends in \\r alone, as classic Mac OS ended lines; TOML's end in \\n or \\r\\n: "
                    "save it with Unix or Windows line endings")
        twice = _written_twice(text, line) if message.startswith("Cannot overwrite a value") and line else None
        if twice:
            raise FileFormatError(twice, path=path, line=line) from None
        raise FileFormatError(f"is not valid TOML: {message}", path=path, line=line, column=column,
                              hint=hint) from None


_KEY = re.compile(r"""[ \t]*((?:[A-Za-z0-9_-]+|"(?:\\.|[^"\\])*"|'[^']*')(?:[ \t]*\.[ \t]*"""
                  r"""(?:[A-Za-z0-9_-]+|"(?:\\.|[^"\\])*"|'[^']*'))*)[ \t]*=""")


def _written_twice(text: str, line: int) -> str | None:
    """What tomllib's "Cannot overwrite a value" at `line` is, in a person's words: a key written
    twice in one table (as git's union merge or a paste leaves it), naming the record, both lines
    and what to do; None where the line is not a key written before in its table."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    m = _KEY.match(lines[line - 1])
    if not m:
        return None
    key = re.sub(r"[ \t]*\.[ \t]*", ".", m.group(1))
    first = header = None
    record_id = None
    for i in range(line - 2, -1, -1):
        row = lines[i].strip()
        if row.startswith("["):
            header = (i + 1, row.split("#")[0].strip())
            break
        k = _KEY.match(lines[i])
        if k and re.sub(r"[ \t]*\.[ \t]*", ".", k.group(1)) == key:
            first = i + 1
        if k and k.group(1) == "id":
            got = re.match(r'[ \t]*id[ \t]*=[ \t]*"([^"\\]*)"', lines[i])
            record_id = got.group(1) if got else record_id
    if first is None:
        return None
    if header is None:
        where = "at the top of the file"
    else:
        kind = header[1].strip("[] \t")
        where = f"in the {kind} {record_id!r}" if record_id and kind in ("quote", "claim", "check") \
            else f"in {header[1]} (line {header[0]})"
    return (f"{key!r} is written twice {where}, at lines {first} and {line} (as a merge can leave it): "
            f"keep the one meant and delete the other")


def _offset(text: str, line: int, column: int) -> int:
    """The offset of TOML's `line` and `column` (from 1, lines ending in \n) in `text`."""
    at = 0
    for _ in range(line - 1):
        at = text.find("\n", at) + 1
        if not at:
            return -1
    return at + column - 1


#: What a claims file holds at its top: its records' tables and [paper] (kb.toml holds none of them).
SECTIONS = frozenset({"quote", "claim", "units", "check", "paper", "restatement", "dismissed"})


def parse(text: str, path: str, citekey: str | None) -> ClaimsDoc:
    """Parse and validate one claims file; FileFormatError names file and line."""
    data = load_toml(text, path)
    r = _Reader(path, text)
    doc = ClaimsDoc(path=path, citekey=citekey)
    known = SECTIONS
    for key in data:
        if key not in known:
            close = difflib.get_close_matches(key.lower(), sorted(known), n=1, cutoff=0.75)
            written = f"[[{close[0]}]]" if close and isinstance(data[key], list) else f"[{close[0]}]" if close else ""
            mean = f" (did you mean {written}?)" if close else ""
            headers = _lines_of(text, key)
            r.fail(f"unknown section `{key}`{mean} (expected {', '.join(sorted(known))})",
                   _key_line(text, key) or (headers[0] if headers else _table_line(text, key)))
    paper = data.get("paper", {})
    if not isinstance(paper, dict) or not all(isinstance(v, str) for v in paper.values()):
        r.fail("`[paper]` must be a table of strings (anchor = \"...\")", _key_line(text, "paper"))
    unknown = set(paper) - {"anchor"}
    if unknown:
        r.fail(f"`[paper]`: unknown setting {sorted(unknown)[0]!r} (known: anchor)", _key_line(text, sorted(unknown)[0]))
    if paper and citekey is None:
        r.fail("`[paper]` belongs in claims/<citekey>.toml of that paper", _key_line(text, "paper"))
    if "anchor" in paper and not re.fullmatch(r"[A-Za-z][\w\-:.]{0,199}", paper["anchor"]):
        r.fail(f"[paper] anchor {paper['anchor']!r} must be a letter then letters, digits, '-', '_', ':' or '.'",
               _key_line(text, "anchor"))
    doc.paper = dict(paper)
    quote_lines = _lines_of(text, "quote")
    for i, q in enumerate(r.array(data, "quote")):
        line = quote_lines[i] if i < len(quote_lines) else None
        if citekey is None:
            r.fail("quotes must live in claims/<citekey>.toml of their paper", line)
        qid = r.ident(r.string(q, "id", line, True, "quote"), line, "quote")
        r.keys(q, QUOTE_KEYS, line, f"quote {qid}")
        spans = q.get("spans", [])
        if not isinstance(spans, list) or not all(
                isinstance(s, dict) and all(isinstance(s.get(k), int) and not isinstance(s.get(k), bool)
                                            for k in ("page", "start", "end"))
                for s in spans):
            r.fail(f"quote {qid}: `spans` must be a list of {{page, start, end}} integers", line)
        for s in spans:
            for k in ("page", "start", "end"):
                r.integer(s, k, line, f"quote {qid}: spans", low=1 if k == "page" else 0)
        status = r.string(q, "status", line, False, f"quote {qid}") or "verified"
        if status not in ("verified", "unverified"):
            r.fail(f"quote {qid}: status must be 'verified' or 'unverified', not {status!r}", line)
        text_value = r.string(q, "text", line, True, f"quote {qid}")
        if not text_value.strip():
            r.fail(f"quote {qid}: `text` is empty", line)
        page, page_end = r.integer(q, "page", line, f"quote {qid}"), r.integer(q, "page_end", line, f"quote {qid}")
        doc.quotes.append(QuoteRec(
            id=qid, text=text_value, citekey=citekey,
            version=r.version(q, line, f"quote {qid}"),
            topics=r.strings(q, "topics", line, f"quote {qid}"), status=status,
            method=r.string(q, "method", line, False, f"quote {qid}"),
            page=page, page_end=page_end,
            spans=[dict(s) for s in spans],
            prefix=r.string(q, "prefix", line, False, f"quote {qid}"),
            suffix=r.string(q, "suffix", line, False, f"quote {qid}"),
            extractor=r.string(q, "extractor", line, False, f"quote {qid}"),
            note=r.string(q, "note", line, False, f"quote {qid}"), line=line))
    claim_lines = _lines_of(text, "claim")
    for i, c in enumerate(r.array(data, "claim")):
        line = claim_lines[i] if i < len(claim_lines) else None
        cid = r.ident(r.string(c, "id", line, True, "claim"), line, "claim")
        r.keys(c, CLAIM_KEYS, line, f"claim {cid}")
        value = c.get("value")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            # TOML keeps no number's text: `value = nan` stood as the claim "nan", 1.50 as 1.5,
            # 1e308 as 1e+308; a value is what the quote prints, written as a string
            r.fail(f"claim {cid}: `value` is the TOML number {value!r}, not a string: write it as the quote "
                   "prints it, with its unit, such as value = \"11.49 kWh\"", line)
        if not isinstance(value, str) or not value.strip():
            r.fail(f"claim {cid}: `value` must be a string such as \"11.49 kWh\"", line)
        r.bounded(value, "value", line, f"claim {cid}")
        # as a quote's: kb verify checks a claim marked anything but "unverified", so a
        # misspelt status ("verifed") is the file's error, not a claim listed one way and
        # verified another. A claim written with neither status nor quote is marked nothing: it is
        # unverified, as kb claims lists it, never "marked verified" for kb verify to fail
        quote = r.string(c, "quote", line, False, f"claim {cid}")
        quote_id = r.string(c, "quote_id", line, False, f"claim {cid}")
        status = r.string(c, "status", line, False, f"claim {cid}") or ("verified" if quote or quote_id
                                                                        else "unverified")
        if status not in ("verified", "unverified"):
            r.fail(f"claim {cid}: status must be 'verified' or 'unverified', not {status[:40]!r}", line)
        doc.claims.append(ClaimRec(
            id=cid, value=value, citekey=r.string(c, "paper", line, False, f"claim {cid}") or citekey,
            per=r.string(c, "per", line, False, f"claim {cid}"),
            quote=quote, quote_id=quote_id,
            page=r.integer(c, "page", line, f"claim {cid}"),
            version=r.version(c, line, f"claim {cid}"),
            topics=r.strings(c, "topics", line, f"claim {cid}"),
            status=status,
            note=r.string(c, "note", line, False, f"claim {cid}"), line=line))
    _quotes_by_id(doc, r)
    units = data.get("units", {})
    if not isinstance(units, dict):
        r.fail("`units` must be a table of name = \"definition\"", _key_line(text, "units"))
    header = _table_line(text, "units") if units else None
    for name, definition in units.items():
        # the line of its name in [units]: a unit named as a key a record above holds (page) was said there
        line = (_key_line(text, name, header) if header else None) or _key_line(text, name) \
            or _key_line(text, f"units.{name}") or _key_line(text, "units")
        if not NAME_RE.match(name):
            r.fail(f"unit name {name!r} must be a letter or '_' followed by letters, digits or '_'", line)
        if not isinstance(definition, str) or not definition.strip():
            r.fail(f"unit {name}: definition must be a string such as \"0.012 kWh\"", line)
        doc.units.append(UnitRec(name, definition, citekey, line))
    check_lines = _lines_of(text, "check")
    for i, c in enumerate(r.array(data, "check")):
        line = check_lines[i] if i < len(check_lines) else None
        chid = r.ident(r.string(c, "id", line, True, "check"), line, "check")
        r.keys(c, CHECK_KEYS, line, f"check {chid}")
        tolerance = c.get("tolerance")
        if isinstance(tolerance, (int, float)) and not isinstance(tolerance, bool):
            tolerance = repr(tolerance)
        elif tolerance is not None and not isinstance(tolerance, str):
            # Dropped, the check would be judged without it: a pass or fail the person never asked for.
            r.fail(f"check {chid}: `tolerance` must be a string such as \"5%\" or \"0.1 kWh\", not "
                   f"{type(tolerance).__name__}", line)
        doc.checks.append(CheckRec(
            id=chid, stated=r.string(c, "stated", line, True, f"check {chid}"),
            expr=r.string(c, "expr", line, True, f"check {chid}"),
            tolerance=tolerance if isinstance(tolerance, str) else None,
            note=r.string(c, "note", line, False, f"check {chid}"), line=line))
    restatement_lines = _lines_of(text, "restatement")
    for i, c in enumerate(r.array(data, "restatement")):
        line = restatement_lines[i] if i < len(restatement_lines) else None
        if citekey is None:
            r.fail("restatements must live in claims/<citekey>.toml of the citing paper", line)
        rid = r.ident(r.string(c, "id", line, True, "restatement"), line, "restatement")
        r.keys(c, RESTATEMENT_KEYS, line, f"restatement {rid}")
        verdict = r.string(c, "verdict", line, True, f"restatement {rid}")
        if verdict not in RESTATEMENT_VERDICTS:
            r.fail(f"restatement {rid}: verdict must be one of {', '.join(RESTATEMENT_VERDICTS)}, "
                   f"not {verdict!r}", line)
        doc.restatements.append(RestatementRec(
            id=rid, citekey=citekey, verdict=verdict,
            cited=r.string(c, "cited", line, False, f"restatement {rid}"),
            page=r.integer(c, "page", line, f"restatement {rid}"),
            figure=r.string(c, "figure", line, False, f"restatement {rid}"),
            note=r.string(c, "note", line, False, f"restatement {rid}"), line=line))
    dismissed_lines = _lines_of(text, "dismissed")
    for i, c in enumerate(r.array(data, "dismissed")):
        line = dismissed_lines[i] if i < len(dismissed_lines) else None
        if citekey is None:
            r.fail("dismissed candidates must live in claims/<citekey>.toml of their paper", line)
        r.keys(c, DISMISSED_KEYS, line, "dismissed candidate")
        page, start = r.integer(c, "page", line, "dismissed candidate"), r.integer(c, "start", line,
                                                                                  "dismissed candidate", low=0)
        number = r.string(c, "number", line, True, "dismissed candidate")
        if page is None or start is None:
            r.fail("dismissed candidate: needs `page` and `start` (where its number is in the text)", line)
        doc.dismissed.append(DismissedRec(citekey, r.string(c, "version", line, False, "dismissed candidate") or "",
                                          page, start, number, line))
    return doc


@dataclass
class Edited:
    """A claims file's text as kb edits it (no byte-order mark, lines ending in \\n), and
    how the person saved it: `written` gives an edit back with their mark and line endings."""
    text: str
    bom: str = ""
    newline: str = "\n"
    read_as: Identity | None = None     # the file's identity when it was read (kb.atomic.write_bytes)
    #: a file of lines ending in both \n and \r\n keeps each of its lines as read: only what kb adds ends
    #: as most of its lines do (\r\n here), as references.bib's lines kb adds do
    mixed: bool = False

    def written(self, text: str) -> str:
        if self.mixed:
            text = _new_lines_ending(self.text, text, self.newline)
        elif self.newline != "\n":
            text = text.replace("\r\n", "\n").replace("\n", self.newline)
        return self.bom + text


_LONE_LF_RE = lazy(r"(?<!\r)\n")


def _new_lines_ending(read: str, text: str, newline: str) -> str:
    """`text`, an edit of `read`, with the lines it adds ending in `newline`: what lies between the
    two texts' common start and end is kb's, every line end the person wrote is kept as it was."""
    if newline == "\n" or text == read:
        return text
    n = min(len(read), len(text))
    start = 0
    while start < n and read[start] == text[start]:
        start += 1
    end = 0
    while end < n - start and read[-1 - end] == text[-1 - end]:
        end += 1
    middle = text[start:len(text) - end]
    if "\n" not in middle:
        return text
    # (a \n after the \r before the middle ends the person's line)
    kept = 1 if middle[0] == "\n" and text[start - 1:start] == "\r" else 0
    return text[:start] + middle[:kept] + _LONE_LF_RE.sub(newline, middle[kept:]) + text[len(text) - end:]


def read_for_edit(path: Path) -> Edited:
    """The claims file at `path` to edit ("" when there is none): a byte-order mark and
    Windows line endings an editor put there are taken off, and put back by `written`
    (TOML parsers refuse the mark; kb writes only what it adds)."""
    try:
        path.stat()
    except FileNotFoundError:           # (none, or a link to none: writing it says which)
        return Edited("")
    except OSError:
        pass                            # (a link in a loop: said by read_input)
    read_as = identity(path)
    # bounded, and refused in one line where it is no file (a folder, a FIFO, a link to /dev/zero or in a
    # loop): `kb claim add` hung reading /dev/zero or a FIFO, and a folder was an internal error
    data = read_input(path, "the claims file", MAX_FILE_BYTES)
    text = decode_wide(data)        # UTF-16 or UTF-32, as an editor saved it (written back so)
    text = data.decode("utf-8") if text is None else text
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text[len(bom):]
    crlf = text.count("\r\n")
    if crlf and crlf == text.count("\n"):
        return Edited(text.replace("\r\n", "\n"), bom, "\r\n", read_as)
    # lines of both endings: kb's lines end as most do (TOML's lines end in \n or \r\n)
    mixed = 0 < crlf
    return Edited(text, bom, "\r\n" if mixed and crlf > text.count("\n") - crlf else "\n", read_as, mixed)


def _quotes_by_id(doc: ClaimsDoc, r: _Reader) -> None:
    """A claim written by hand naming its quote by `quote_id` alone takes that quote's text,
    and its page and version where the claim gives none: as read here, the claim is the same to
    every command (kb verify called it verified with no quote, kb claims listed it unquoted).
    The quote must be its paper's, in this file: what a file says depends on that file alone."""
    quotes = {q.id: q for q in doc.quotes}
    for c in doc.claims:
        if c.quote is not None or c.quote_id is None:
            continue
        quote = quotes.get(c.quote_id)
        if quote is None or quote.citekey != c.citekey:
            r.fail(f"claim {c.id}: quote_id {c.quote_id!r} names no quote of {c.citekey} in this file, and the "
                   "claim has no `quote`: write the words it rests on as quote = \"...\"", c.line)
        c.quote = quote.text
        c.page = quote.page if c.page is None else c.page
        c.version = quote.version if c.version is None else c.version


def load(path: Path, citekey: str | None, rel: str | None = None) -> ClaimsDoc:
    rel = rel or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileFormatError(f"is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a claims file",
                                  path=rel)
        data = read_input(path, "the claims file", MAX_FILE_BYTES)
    except OSError as exc:
        raise FileFormatError(f"cannot be read ({exc.strerror})", path=rel) from None
    return parse(decode_toml(data, rel), rel, citekey)


def decode_toml(data: bytes, rel: str) -> str:
    """The text of a TOML file a person edits (a claims file, kb.toml): UTF-8, as TOML is, a
    byte-order mark an editor put there dropped. One an editor saved as UTF-16 or UTF-32 is
    read as such (with or without its byte-order mark: its NUL bytes say which), and one that
    does not decode as it is said so (its NUL bytes are valid UTF-8, and TOML would refuse
    them as a character it cannot name)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:200]:
        wide = wide_encoding(data)
        if wide is not None:
            text = decode_wide(data)
            if text is None:
                raise FileFormatError(f"is {wide} kb cannot decode (a byte is missing or out of place), "
                                      "not UTF-8", path=rel, hint="save it as UTF-8")
            return text.removeprefix("\ufeff")
    try:
        return decode_utf8(data)
    except UnicodeDecodeError as exc:
        line, byte = undecodable_at(data, exc)
        raise FileFormatError(f"is not UTF-8 ({byte})", path=rel, line=line, hint="save it as UTF-8") from None


# -- writing -------------------------------------------------------------------

def _clean(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v not in (None, [], "")}


_NOT_IN_COMMENT = lazy(r"[\x00-\x08\x0a-\x1f\x7f]")


def comment_safe(line: str) -> str:
    """`line` as a TOML comment may hold it: without the control characters TOML refuses there
    (an ESC in a key or title made the whole claims file unreadable, every command refused)."""
    return _NOT_IN_COMMENT.sub("", line)


#: The comment lines kb writes at the top of a claims file it makes (kb.ops.records.write_record).
_KB_COMMENTS = ("# Quotes and claims from ", "# The truth for kb: ")
#: What a claims file holds besides its quotes and claims, as `kb rm` names it.
_HELD = {"units": "unit definition", "check": "check", "restatement": "judged restatement",
         "dismissed": "dismissed candidate", "paper": "paper setting"}


def also_held(text: str, path: str) -> list[str]:
    """What a claims file holds besides quotes and claims, in words ("1 check", "2 unit
    definitions", "3 comment lines"): what a person wrote there that removing the file
    would lose, though no quote or claim of it is counted. (A section kb does not know
    is refused when the file is indexed, before anything is removed.)"""
    out = []
    for name, value in load_toml(text, path).items():
        if name in _HELD:
            n = len(value) if isinstance(value, (list, dict)) else 1
            out.append(f"{n} {_HELD[name]}{'s' if n != 1 else ''}")
    comments = sum(1 for line in text.splitlines()
                   if line.lstrip().startswith("#") and not line.lstrip().startswith(_KB_COMMENTS))
    if comments:
        out.append(f"{comments} comment line{'s' if comments != 1 else ''}")
    return out


def _table(record: dict[str, Any]):
    """`record` as a tomlkit table, its spans as inline tables (one line each)."""
    import tomlkit

    table = tomlkit.table()
    for key, value in _clean(record).items():
        if key == "spans":
            arr = tomlkit.array()
            for span in value:
                inline = tomlkit.inline_table()
                inline.update(span)
                arr.append(inline)
            table.add(key, arr)
        else:
            table.add(key, value)
    return table


def _appended(text: str, section: str, record: dict[str, Any]) -> str | None:
    """`text` with the record written after its end as one more [[section]] table, where that
    reads as the file with the record appended to its [[section]] array: read back (tomllib,
    many times faster than tomlkit, which would parse and re-render the whole file: seconds
    for a file of thousands of claims), the array ends with the record and holds one more.
    None where it does not (the name is a table or a static array there, the file is not TOML):
    the caller edits the parsed document instead, as kb always has."""
    import tomlkit

    doc = tomlkit.document()
    doc.add(section, tomlkit.aot())
    doc[section].append(_table(record))
    fragment = tomlkit.dumps(doc)
    base = text if text.endswith("\n") else text + "\n"
    new = base + ("" if base.endswith("\n\n") else "\n") + fragment
    try:
        before, after = _toml(text), _toml(new)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None
    held, written = before.get(section, []), after.get(section)
    if not isinstance(held, list) or not isinstance(written, list) or written[:-1] != held \
            or [written[-1]] != tomllib.loads(fragment)[section] \
            or {k: v for k, v in after.items() if k != section} != {k: v for k, v in before.items() if k != section}:
        return None
    return new


def add_record(text: str, section: str, record: dict[str, Any], header_comment: str | None = None,
               replace_id: str | None = None, path: str = "the claims file") -> str:
    """Return `text` with one [[section]] table appended (or the one whose id is
    `replace_id` replaced), keeping everything else as it was. FileFormatError (naming
    `path`) where the file does not hold its records as kb can add to them; UsageError for a
    record holding a string longer than kb reads back (MAX_STRING), before anything is written."""
    import tomlkit

    _writable(record)
    if replace_id is None and text.strip():
        appended = _appended(text, section, record)
        if appended is not None:
            return appended
    doc = tomlkit.parse(text) if text.strip() else tomlkit.document()
    if not text.strip() and header_comment:
        for line in header_comment.splitlines():
            doc.add(tomlkit.comment(comment_safe(line)))
        doc.add(tomlkit.nl())
    records = _records(doc, section, path)
    item = _table(record) if isinstance(records, tomlkit.items.AoT) else _inline(record)
    for i, existing in enumerate(records if replace_id is not None else ()):
        if isinstance(existing, dict) and existing.get("id") == replace_id:
            if isinstance(existing, tomlkit.items.Table) and isinstance(item, tomlkit.items.Table):
                _update_in_place(existing, item)    # a person's comments inside it are kept
            else:
                records[i] = item
            break
    else:
        records.append(item)
        if text.strip() and isinstance(item, tomlkit.items.Table):
            return _read_back(_spaced_last(tomlkit.dumps(doc), section), path)
    out = tomlkit.dumps(doc)
    # the file's own layout kept byte for byte: a file kb starts is spaced, a file a person wrote is not
    # (a comment written right above a record's header was parted from it by a blank line)
    return _read_back(out if text.strip() else _spaced(out), path)


def _writable(record: dict[str, Any]) -> None:
    """UsageError when a string of `record` is longer than a claims file may hold (`_Reader.bounded`):
    written, the file was one kb refuses to read, and every command stopped on it."""
    for key, value in record.items():
        for one in value if isinstance(value, list) else [value]:
            if isinstance(one, str) and len(one) > MAX_STRING:
                raise UsageError(f"`{key}` is {len(one):,} characters, over kb's limit of {MAX_STRING:,} for one "
                                 "string of a claims file; nothing written")


def _spaced_last(text: str, section: str) -> str:
    """`text` with a blank line above its last [[section]] header, the record kb appended, alone."""
    lines = _lines_of(text, section)
    if not lines:
        return text
    at = _offset(text, lines[-1], 1)
    if at <= 0:
        return text
    spans = _in_strings(text)
    body = text.find("\n", at) + 1
    after = next((body + m.start() for m in re.finditer(r"^[ \t]*\[", text[body:], re.MULTILINE)
                  if _outside(spans, body + m.start())), None) if body else None
    if after is not None and not text[:after].endswith(("\n\n", "\n\r\n")):   # the header under it: kept apart
        text = text[:after] + "\n" + text[after:]
    return text if text[:at].endswith("\n\n") else text[:at] + "\n" + text[at:]


def _update_in_place(held, table) -> None:
    """The record `held` (a table of the parsed file) made `table`, key by key: a comment a person wrote inside
    it, on a line of its own or after a value, is kept (replacing the table dropped them); a value kb writes as
    it was is left as written."""
    for key in [k for k in held if k not in table]:
        del held[key]
    body = held.value.body
    last = max((n for n, (key, _) in enumerate(body) if key is not None), default=-1)
    after = [item for _, item in body[last + 1:]] if any(k not in held for k in table) else []
    del body[len(body) - len(after):]       # the comments after its last value: kept after any value added
    for key, value in table.items():
        if key not in held or held[key].unwrap() != value.unwrap():
            held[key] = value
    for item in after:
        held.value.append(None, item)


def _inline(record: dict[str, Any]):
    """`record` as an inline table, for a file that lists its records as `claim = [{...}, ...]`."""
    import tomlkit

    inline = tomlkit.inline_table()
    inline.update(_clean(record))
    return inline


def _records(doc, section: str, path: str):
    """The records of `section` in a parsed claims file, as a list tomlkit edits in place,
    made where the file has none. A file may hold them as [[section]] tables, as one
    [section] table or `section = {...}` (kb reads either as one record: it becomes
    [[section]] tables holding it, to hold two), or as an array of inline tables
    (`section = [{...}]`, edited as it is: appending a table to it wrote a file TOML
    refuses). FileFormatError where `section` names something else."""
    import tomlkit
    from tomlkit.items import AbstractTable, AoT, Array, Table

    if section not in doc:
        doc.add(section, tomlkit.aot())
    held = doc[section]
    if isinstance(held, (AoT, Array)):
        return held
    if isinstance(held, AbstractTable):
        aot = tomlkit.aot()
        if isinstance(held, Table):
            aot.append(held)
        else:
            table = tomlkit.table()
            table.update(held.unwrap())
            aot.append(table)
        doc[section] = aot
        return doc[section]
    raise FileFormatError(f"`{section}` is {type(held.unwrap()).__name__} {said(held.as_string().strip())}, "
                          f"not a list of {section}s: kb cannot add to it or remove from it",
                          path=path, hint=f"write each {section} as a [[{section}]] table")


def _read_back(text: str, path: str) -> str:
    """`text`, after reading it as kb reads the file (load_toml): kb never writes a claims
    file it cannot read (FileFormatError instead, the file left as it was)."""
    load_toml(text, path)
    return text


_HEADER_RE = lazy(r"(?<=[^\n])\n(?=\[\[(?:quote|claim|check|restatement|dismissed)\]\]\n)")


def _spaced(text: str) -> str:
    """A blank line before each [[quote]]/[[claim]]/[[check]], for readable diffs (none inside a
    multi-line string: a person's note holding such a line is kept as written)."""
    spans = _in_strings(text)
    return _HEADER_RE.sub(lambda m: "\n\n" if _outside(spans, m.start()) else m.group(), text)


def remove_record(text: str, section: str, record_id: str, path: str = "the claims file") -> str:
    """`text` without the record of `section` whose id is `record_id` (as it was when there is none)."""
    import tomlkit

    doc = tomlkit.parse(text)
    if section not in doc:
        return text
    records = _records(doc, section, path)
    at = [i for i, r in enumerate(records) if isinstance(r, dict) and r.get("id") == record_id]
    if not at:
        return text
    above: list = []        # the comments after the first record's last value, kept above what follows it
    for i in reversed(at):
        tail = _after_values(records[i])
        del records[i]
        if tail and i > 0 and isinstance(records[i - 1], tomlkit.items.Table):
            for item in tail:
                records[i - 1].value.append(None, item)
        else:
            above = tail + above
    if not len(records):
        del doc[section]
    out = tomlkit.dumps(doc)
    if above:
        kept = "".join(item.as_string() for item in above).lstrip("\r\n")
        headers = _lines_of(out, section) if section in doc else []
        if headers:
            cut = _offset(out, headers[0], 1)
            out = out[:cut] + kept + out[cut:]
        else:
            out = out + ("\n" if out and not out.endswith("\n") else "") + kept
    return _read_back(out, path)


def _after_values(table) -> list:
    """The comments (and the blank lines between them) a table of the parsed file holds after its last value,
    past a blank line: written above the next record, or at the file's end, they are no part of this one, and
    are kept when it is removed (they were dropped with it). [] where there is no such comment."""
    import tomlkit

    if not isinstance(table, tomlkit.items.Table):
        return []
    body = table.value.body
    last = max((n for n, (key, _) in enumerate(body) if key is not None), default=-1)
    tail = [item for _, item in body[last + 1:]]
    if not any(isinstance(item, tomlkit.items.Comment) for item in tail) \
            or not all(isinstance(item, (tomlkit.items.Comment, tomlkit.items.Whitespace)) for item in tail):
        return []
    gap = next((n for n, item in enumerate(tail) if isinstance(item, tomlkit.items.Whitespace)), None)
    if gap is not None:     # a comment right under its last value is the record's own, removed with it
        tail = tail[gap:]
    return tail if any(isinstance(item, tomlkit.items.Comment) for item in tail) else []
