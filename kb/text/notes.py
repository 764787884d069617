"""Reading the quotes and references of a Markdown/MDX note.

A note holds quotes in two forms:

* ``<note-quote quote="..." sourceLink="#anchor" sourceText="[1]"></note-quote>``
  (attributes in any order, over any number of lines, HTML entities decoded;
  the quote may also be the element's content);
* a Markdown blockquote (``> text`` lines) followed by a pandoc citation
  ``[@citekey, p. 9]`` at the end of its last line or on the next line (an
  ``<a href="#anchor">[1]</a>`` link there is read the same way);
* an inline quote in italics, ``*"..."*``, attributed to the first citation
  (anchor link or pandoc) that follows it in the same paragraph. Inline
  quotes without a citation in their paragraph are not read;

and a references list of ``<span id="anchor">[n] [Title](url) - Authors. Year.</span>``.

Notes are written by hand and sometimes broken. A broken block (an unterminated
tag, a missing quote attribute, an unescaped quote mark) becomes a
``(line, message)`` problem, never an exception. Parsing is a hand-written
scanner using ``str.find`` and bisection, linear in the size of the note
whatever it contains: no regular expression ever runs over unbounded input.
"""

from __future__ import annotations

import bisect
import html
from dataclasses import dataclass, field

from kb.text.ids import ArxivId, Doi, from_url
from kb.text.lazyre import lazy

__all__ = ["NoteQuote", "NoteReference", "Note", "parse_note"]


@dataclass
class NoteQuote:
    quote: str
    source_link: str | None    # "#anchor" of the reference, as written
    source_text: str | None    # "[1]"
    citekey: str | None        # from a pandoc citation
    page: str | None           # locator: "9", "3-4"
    line: int                  # 1-based line where the block starts
    kind: str                  # "note-quote" | "blockquote" | "inline"
    offset: int = 0            # character offset of the block in the note


@dataclass
class NoteReference:
    anchor: str
    number: str | None
    title: str
    url: str | None
    arxiv_id: str | None
    doi: str | None
    authors: str
    year: int | None
    line: int


@dataclass
class Note:
    quotes: list[NoteQuote] = field(default_factory=list)
    references: list[NoteReference] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    path: str = "<note>"

    def reference_for(self, quote: NoteQuote) -> NoteReference | None:
        """The reference a note-quote's sourceLink points at, if the note has it."""
        if not quote.source_link:
            return None
        anchor = quote.source_link.lstrip("#")
        for ref in self.references:
            if ref.anchor == anchor:
                return ref
        return None


#: Problems reported per note; a hostile note could otherwise yield millions.
MAX_PROBLEMS = 100
_TAG = "<note-quote"
_CLOSE = "</note-quote"
# Anchored at one position with an explicit end: these run in C, linear time.
_SPACE = lazy(r"\s*")
_NAME = lazy(r"[A-Za-z_:][\w:.\-]*")
_BARE_VALUE = lazy(r"[^\s>/]*")
_YEAR = lazy(r"\b(1[89]\d\d|20\d\d)\b")
_LOCATOR = lazy(r"\b(?:pp?|pages?|pg)\.?\s*([0-9A-Za-z]+(?:\s*[-–]\s*[0-9A-Za-z]+)?)")
_CITEKEY = lazy(r"@\{?([A-Za-z0-9_][\w:.#$%&+?<>~/-]*)")


class _Lines:
    """Line numbers by bisection over newline offsets, computed once."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def _all(text: str, needle: str) -> list[int]:
    out = []
    pos = text.find(needle)
    while pos >= 0:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


def _fenced_ranges(text: str, lines: _Lines) -> list[tuple[int, int]]:
    """Offsets covered by fenced code blocks (``` or ~~~), where nothing is parsed."""
    ranges = []
    open_at: int | None = None
    fence = ""
    for start in lines.starts:
        end = text.find("\n", start)
        line = text[start:end if end >= 0 else len(text)].lstrip(" ")
        if open_at is None:
            if line.startswith("```") or line.startswith("~~~"):
                open_at, fence = start, line[:3]
        elif line.startswith(fence):
            ranges.append((open_at, end if end >= 0 else len(text)))
            open_at = None
    if open_at is not None:
        ranges.append((open_at, len(text)))
    return ranges


def _in_ranges(ranges: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(ranges, (pos, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


class _TagError(Exception):
    def __init__(self, offset: int, message: str) -> None:
        self.offset = offset
        self.message = message


def _parse_attributes(text: str, pos: int, limit: int) -> tuple[dict[str, str], int, bool]:
    """Attributes from ``pos`` up to the tag's ``>`` (before ``limit``).

    Returns (attributes, offset after '>', self-closing). Values may be quoted
    with " or ', or written as an MDX expression {"..."}.
    """
    attrs: dict[str, str] = {}
    n = limit
    while True:
        pos = _SPACE.match(text, pos, n).end()
        if pos >= n:
            raise _TagError(pos, "unterminated tag: no '>' closes it")
        ch = text[pos]
        if ch == ">":
            return attrs, pos + 1, False
        if text.startswith("/>", pos):
            return attrs, pos + 2, True
        start = pos
        m = _NAME.match(text, pos, n)
        if m is None:
            raise _TagError(pos, f"unexpected character {ch!r} in tag")
        name = m.group()
        pos = _SPACE.match(text, m.end(), n).end()
        if pos >= n or text[pos] != "=":
            attrs[name] = ""
            continue
        pos = _SPACE.match(text, pos + 1, n).end()
        if pos >= n:
            raise _TagError(pos, f"attribute {name} has no value")
        q = text[pos]
        if q == "{":
            inner = _SPACE.match(text, pos + 1, n).end()
            if inner < n and text[inner] in "\"'`":
                end = text.find(text[inner], inner + 1, n)
                close = _SPACE.match(text, end + 1, n).end() if end >= 0 else n
                if end < 0 or close >= n or text[close] != "}":
                    raise _TagError(start, f"unbalanced quotes in attribute {name}")
                value = text[inner + 1:end]
                pos = close + 1
            else:
                raise _TagError(start, f"attribute {name}: only string values are read")
        elif q in "\"'":
            end = text.find(q, pos + 1, n)
            if end < 0:
                raise _TagError(start, f"unbalanced quotes in attribute {name}: "
                                       f"no closing {q} before the next block")
            value = text[pos + 1:end]
            pos = end + 1
        else:
            end = _BARE_VALUE.match(text, pos, n).end()
            value = text[pos:end]
            pos = end
        if pos < n and not (text[pos].isspace() or text[pos] in ">/"):
            raise _TagError(start, f"unbalanced quotes in attribute {name} "
                                   "(an unescaped quote mark inside the value? write &quot;)")
        attrs[name] = html.unescape(value)


def _attr(attrs: dict[str, str], *names: str) -> str | None:
    lowered = {k.lower(): v for k, v in attrs.items()}
    for name in names:
        if name.lower() in lowered:
            return lowered[name.lower()]
    return None


def _parse_note_quotes(text: str, lines: _Lines, fenced: list[tuple[int, int]],
                       note: Note, blocks: list[tuple[int, int]]) -> None:
    opens = [p for p in _all(text, _TAG) if not _in_ranges(fenced, p)]
    closes = _all(text, _CLOSE)
    for k, start in enumerate(opens):
        after = start + len(_TAG)
        if after < len(text) and not (text[after].isspace() or text[after] in ">/"):
            continue  # <note-quotes> or another element
        next_open = opens[k + 1] if k + 1 < len(opens) else len(text)
        line = lines.line(start)
        try:
            attrs, body, self_closing = _parse_attributes(text, after, next_open)
        except _TagError as e:
            note.problems.append((line, f"<note-quote> at line {line}: {e.message}"))
            continue
        content = ""
        if not self_closing:
            ci = bisect.bisect_left(closes, body)
            if ci >= len(closes) or closes[ci] >= next_open:
                note.problems.append((line, f"<note-quote> at line {line} is never closed "
                                            "(no </note-quote> before the next block)"))
                continue
            content = text[body:closes[ci]].strip()
            blocks.append((start, closes[ci]))
        else:
            blocks.append((start, body))
        quote = _attr(attrs, "quote")
        if quote is None and content:
            quote = html.unescape(content)
        if quote is None or not quote.strip():
            note.problems.append((line, f"<note-quote> at line {line} has no quote attribute"
                                  if quote is None else
                                  f"<note-quote> at line {line} has an empty quote"))
            continue
        note.quotes.append(NoteQuote(
            quote=quote.strip(),
            source_link=_attr(attrs, "sourceLink", "source-link", "href"),
            source_text=_attr(attrs, "sourceText", "source-text"),
            citekey=(_attr(attrs, "citekey", "key") or None),
            page=_attr(attrs, "page", "locator"),
            line=line,
            kind="note-quote",
            offset=start,
        ))


def _citation(line: str) -> tuple[str, str | None, str | None, str] | None:
    """A pandoc citation or an anchor link ending ``line``.

    Returns (kind, key-or-anchor, locator-or-link-text, text before it).
    """
    s = line.rstrip()
    if s.endswith("]"):
        open_at = s.rfind("[", max(0, len(s) - 500))
        inner = s[open_at + 1:-1] if open_at >= 0 else ""
        if open_at >= 0 and "@" in inner:
            m = _CITEKEY.search(inner)
            if m:
                rest = inner[m.end():]
                loc = _LOCATOR.search(rest)
                page = loc.group(1).replace(" ", "") if loc else None
                if page is None:
                    bare = rest.strip(" ,;}")
                    page = bare if bare.isdigit() else None
                return "pandoc", m.group(1).rstrip("}"), page, s[:open_at]
    if s.endswith("</a>"):
        a = s.rfind("<a ", max(0, len(s) - 500))
        if a >= 0:
            tag_end = s.find(">", a)
            href_at = s.find("href=", a, tag_end)
            if tag_end > 0 and href_at > 0 and href_at + 5 < len(s):
                q = s[href_at + 5]
                end = s.find(q, href_at + 6, tag_end) if q in "\"'" else -1
                if end > 0:
                    href = html.unescape(s[href_at + 6:end])
                    label = s[tag_end + 1:-4].strip()
                    return "link", href, label or None, s[:a]
    return None


def _strip_quote_marker(line: str) -> str | None:
    """The text of a blockquote line ("> text"), or None if it is not one."""
    s = line
    i = 0
    while i < 3 and i < len(s) and s[i] == " ":
        i += 1
    if i < len(s) and s[i] == ">":
        s = s[i + 1:]
        return s[1:] if s.startswith(" ") else s
    return None


def _parse_blockquotes(text: str, lines: _Lines, fenced: list[tuple[int, int]],
                       note: Note) -> None:
    starts = lines.starts
    i = 0
    n = len(starts)

    def line_at(k: int) -> str:
        end = text.find("\n", starts[k])
        return text[starts[k]:end if end >= 0 else len(text)]

    while i < n:
        if _in_ranges(fenced, starts[i]):
            i += 1
            continue
        first = _strip_quote_marker(line_at(i))
        if first is None:
            i += 1
            continue
        block_start = i
        body = [first]
        i += 1
        while i < n:
            t = _strip_quote_marker(line_at(i))
            if t is None:
                break
            body.append(t)
            i += 1
        cite = _citation(body[-1])
        if cite is not None:
            body[-1] = cite[3]
        elif i < n:
            nxt = line_at(i).strip()
            c = _citation(nxt)
            if c is not None and not c[3].strip(" -—–"):
                cite = c
                i += 1
        if cite is None:
            continue  # a blockquote that cites nothing is not a quote of a paper
        quote = " ".join(part.strip() for part in body if part.strip())
        quote = quote.strip().rstrip("—–-").strip()
        if len(quote) >= 2 and quote[0] in "\"“" and quote[-1] in "\"”":
            quote = quote[1:-1].strip()
        if not quote:
            note.problems.append((block_start + 1, f"blockquote at line {block_start + 1} "
                                                   "has a citation but no text"))
            continue
        note.quotes.append(_cited_quote(quote, cite, block_start + 1, "blockquote", starts[block_start]))


def _cited_quote(quote: str, cite: tuple, line: int, kind: str, offset: int) -> NoteQuote:
    """A quote with the citation after it: an anchor link or a pandoc key."""
    cite_kind, key, extra, _ = cite
    return NoteQuote(quote=quote,
                     source_link=key if cite_kind == "link" else None,
                     source_text=extra if cite_kind == "link" else None,
                     citekey=key if cite_kind == "pandoc" else None,
                     page=extra if cite_kind == "pandoc" else None,
                     line=line, kind=kind, offset=offset)


_INLINE_OPEN = ('*"', '*“', '_"', '_“')
_INLINE_CLOSE = {'*"': ('"*',), '*“': ('”*', '"*'), '_"': ('"_',), '_“': ('”_', '"_')}


def _parse_inline(text: str, lines: _Lines, excluded: list[tuple[int, int]],
                  note: Note) -> None:
    """Italic inline quotes followed, in their paragraph, by a citation."""
    breaks = _all(text, "\n\n")
    closers = {c: _all(text, c) for cs in _INLINE_CLOSE.values() for c in cs}
    cites = sorted(_all(text, "<a ") + _all(text, "[@"))
    for opener in _INLINE_OPEN:
        for start in _all(text, opener):
            if _in_ranges(excluded, start):
                continue
            para_end = breaks[bisect.bisect_left(breaks, start)] \
                if bisect.bisect_left(breaks, start) < len(breaks) else len(text)
            close = None
            for c in _INLINE_CLOSE[opener]:
                lst = closers[c]
                k = bisect.bisect_left(lst, start + 2)
                if k < len(lst) and lst[k] < para_end and (close is None or lst[k] < close):
                    close = lst[k]
            if close is None:
                continue
            quote = " ".join(text[start + 2:close].split())
            k = bisect.bisect_left(cites, close)
            if not quote or k >= len(cites) or cites[k] >= para_end:
                continue
            line_end = text.find("\n", cites[k])
            line_end = para_end if line_end < 0 or line_end > para_end else line_end
            cite_text = text[cites[k]:min(line_end, cites[k] + 2000)]
            cite = None
            if cite_text.startswith("[@"):
                end = cite_text.find("]")
                cite = _citation(cite_text[:end + 1]) if end > 0 else None
            else:
                end = cite_text.find("</a>")
                cite = _citation(cite_text[:end + 4]) if end > 0 else None
            if cite is None:
                continue
            note.quotes.append(_cited_quote(quote, cite, lines.line(start), "inline", start))


def _parse_reference_body(body: str) -> tuple[str | None, str, str | None, str, int | None]:
    """(number, title, url, authors, year) of '[1] [Title](url) - Authors. Year.'"""
    s = " ".join(body.split())
    number = None
    if s.startswith("[") and not s.startswith("[["):
        close = s.find("]")
        if 0 < close <= 12 and s[1:close].strip().isdigit():
            number = s[1:close].strip()
            s = s[close + 1:].strip()
    title, url = "", None
    if s.startswith("["):
        # Title may itself hold brackets: find the "](" that ends it.
        end = s.find("](")
        close = s.find(")", end + 2) if end > 0 else -1
        if end > 0 and close > 0:
            title = s[1:end].strip()
            url = s[end + 2:close].strip() or None
            s = s[close + 1:].strip()
        else:
            end = s.find("]")
            title = s[1:end].strip() if end > 0 else s
            s = s[end + 1:].strip() if end > 0 else ""
    rest = s.lstrip("-–—: ").strip()
    year = None
    years = list(_YEAR.finditer(rest[-200:]))
    if years:
        last = years[-1]
        year = int(last.group(1))
        offset = len(rest) - len(rest[-200:])
        authors = rest[:offset + last.start()].strip().rstrip(".,;( ").strip()
    else:
        authors = rest.rstrip(". ").strip()
    if not title:
        title = authors
    return number, title, url, authors, year


def _parse_references(text: str, lines: _Lines, fenced: list[tuple[int, int]],
                      note: Note, blocks: list[tuple[int, int]]) -> None:
    opens = [p for p in _all(text, "<span") if not _in_ranges(fenced, p)]
    closes = _all(text, "</span>")
    for k, start in enumerate(opens):
        after = start + len("<span")
        if after < len(text) and not (text[after].isspace() or text[after] == ">"):
            continue
        next_open = opens[k + 1] if k + 1 < len(opens) else len(text)
        line = lines.line(start)
        try:
            attrs, body_at, self_closing = _parse_attributes(text, after, next_open)
        except _TagError as e:
            if 'id=' in text[after:min(next_open, after + 200)]:
                note.problems.append((line, f"<span> at line {line}: {e.message}"))
            continue
        anchor = _attr(attrs, "id")
        if not anchor or self_closing:
            continue
        ci = bisect.bisect_left(closes, body_at)
        if ci >= len(closes) or closes[ci] >= next_open:
            note.problems.append((line, f"<span id=\"{anchor}\"> at line {line} is never closed"))
            continue
        body = text[body_at:closes[ci]]
        blocks.append((start, closes[ci]))
        if len(body) > 20000 or ("[" not in body and "http" not in body):
            continue  # an anchor span, not a reference entry
        number, title, url, authors, year = _parse_reference_body(html.unescape(body))
        arxiv = doi = None
        if url and len(url) < 2000:

            ident = from_url(url.strip())
            arxiv = ident.id if isinstance(ident, ArxivId) else None
            doi = ident.doi if isinstance(ident, Doi) else None
        note.references.append(NoteReference(anchor=anchor, number=number, title=title,
                                             url=url, arxiv_id=arxiv, doi=doi,
                                             authors=authors, year=year, line=line))


def parse_note(text: str, path: str = "<note>") -> Note:
    """All quote blocks, references and problems of a note, in order of lines."""
    note = Note(path=path)
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = _Lines(text)
    fenced = _fenced_ranges(text, lines)
    blocks: list[tuple[int, int]] = []
    _parse_note_quotes(text, lines, fenced, note, blocks)
    _parse_blockquotes(text, lines, fenced, note)
    _parse_references(text, lines, fenced, note, blocks)
    _parse_inline(text, lines, sorted(fenced + blocks), note)
    note.quotes.sort(key=lambda q: q.offset)
    note.problems.sort()
    if len(note.problems) > MAX_PROBLEMS:
        extra = len(note.problems) - MAX_PROBLEMS
        note.problems = note.problems[:MAX_PROBLEMS]
        note.problems.append((note.problems[-1][0], f"... and {extra} more problems"))
    return note
