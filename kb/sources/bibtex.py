"""references.bib: read as BibTeX reads it, rewritten without disturbing a person's work.

The reader is kb's own and counts braces exactly as BibTeX does (a backslash
does not escape a brace: Crossref's `$\\{upOmega}$` is one value, not a value
cut short), so what kb reads is what bibtex, biber and pybtex read. Every
block keeps its position in the text: kb only ever re-renders the entries it
adds or updates, and inserts or replaces single field values in entries it
merges into; everything else (entries added by hand or imported, comments,
@string and @preamble, blank lines, their order, quoting, macros) is written
back byte for byte. The file is replaced atomically.

`cross_check` reads the same text a second time with pybtex and names the
file, line and field where the two readings differ. `screen_reading` is kb's
own second reading, a tenth of pybtex's cost, for large imports: each block
read again with pybtex's grammar and its braces counted on their own; where it
cannot vouch for a block, pybtex still reads the file.
"""

from __future__ import annotations

import os
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from kb.atomic import (
    Identity,
    decode_utf8,
    decode_wide,
    identity,
    line_number,
    read_input,
    refuse_conflict,
    undecodable_at,
    utf8_else_cp1252,
    wide_encoding,
)
from kb.errors import FileFormatError
from kb.sources.bibmodel import (
    LEGACY_FIELDS,
    TYPE_FALLBACKS,
    any_type_takes,
    biblatex_type,
    is_work,
    known_type,
    missing_mandatory,
    valid_datum,
    valid_field,
)
from kb.sources.citekey import aliases, escaped, field_key, fold_key, invisible, key_list
from kb.text.ids import doi_of_field, parse_arxiv
from kb.text.latex import crossref_greek_as_latex, known_command, latex_to_text, markup_as_latex
from kb.text.lazyre import lazy
from kb.text.names import parse_names

MONTHS = {m: m.capitalize() for m in
          ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")}
FIELD_ORDER = ["title", "author", "editor", "year", "month", "journal", "booktitle", "volume",
               "number", "pages", "publisher", "address", "eprint", "archiveprefix",
               "primaryclass", "version", "doi", "url"]
MAX_VALUE = 1_000_000     # characters one value or @string may expand to (@string doubling chains)

_IDENT = lazy(r"[^\s\"#%'(),={}]+")
_KEY = lazy(r"[^\s,{}]+")
_BRACES = lazy(r"[{}]")
#: a field's head at a line's start inside a value: a field the value of a field before it took in
_TAKEN_FIELD = lazy(r"[\r\n][ \t]*,?[ \t]*([A-Za-z][\w-]*)[ \t]*=[ \t]*[{\"\w]")
_QUOTE_OR_BRACE = lazy(r'["{}]')
_WS = lazy(r"\s*")
_GAP = lazy(r"\s*(?:%[^\r\n]*\s*)*")    # white space and '%' comments to the line's end (\n, \r\n or \r): inside an entry
#: A field's name and its '=' (where a ',' was expected: the comma before it is missing).
_NEXT_FIELD = lazy(r"([^\s\"#%'(),={}]+)[ \t]*(?:\r?\n[ \t]*)?=")
_FIELD_HEAD = lazy(r"\s*,\s*([^\s\"#%'(),={}]+)\s*=\s*")     # `, name = `: _IDENT between
_PLAIN_FIELD = lazy(r"\s*,\s*([^\s\"#%'(),={}]+)\s*=\s*"             # the same, and a value with
                    r'(\{[^{}]*\}|"[^"{}]*")\s*')                     # no braces inside
#: fields after an entry's closing brace: `}, year = {`, `}b, title = "` (a brace in the key), a line `year = 2020`
_FIELDS_AFTER = lazy(r"\s*(?:,\s*|[^\s\"#%'(),={}@]+[ \t]*,\s*)?[^\s\"#%'(),={}@]+\s*=\s*[{\"0-9]")
_COMMENTED_HEAD = lazy(r"@\s*([^\s\"#%'(),={}]+)\s*[{(]\s*[^\s,{}()]*")    # `@type{key`, after a '%'
_JABREF_META = lazy(r"@\s*comment\s*\{\s*jabref-(?:meta|entrytype):", re.IGNORECASE)
_OWNED = lazy(r"(?m)(?:^|(?<=\r))[ \t]*% kb-owned:[^\r\n]*")   # a line: after \n, \r\n or \r alone
CONTROL_CHARS = lazy(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\u2028\u2029]")


def split_concat(value: str) -> list[str]:
    """Split a raw BibTeX value on top-level '#'."""
    if "#" not in value:
        return [value.strip()]
    parts, depth, quoted, start = [], 0, False, 0
    for i, ch in enumerate(value):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == '"' and depth == 0:
            quoted = not quoted
        elif ch == "#" and depth == 0 and not quoted:
            parts.append(value[start:i])
            start = i + 1
    parts.append(value[start:])
    return [p.strip() for p in parts]


def macros_in(raw: str) -> list[str]:
    """The @string names (lower case) a raw value uses."""
    if "#" not in raw and raw.lstrip()[:1] in ("{", '"'):
        return []                                    # one braced or quoted piece
    return [p.lower() for p in split_concat(raw.strip())
            if p and p[0] not in '{"' and not p.isdigit()]


def resolve_value(raw: str, strings: dict[str, str], undefined: list[str] | None = None) -> str:
    """A raw field value with enclosing braces/quotes removed and @string macros
    and '#' concatenation resolved. Undefined macros stay as written (and are
    listed in `undefined`); a value that expands past MAX_VALUE characters and
    past its own length as written is refused (a chain of @string definitions
    doubling each other): one written that long (a 5 MB abstract pasted by hand)
    is read as it is."""
    out, size, limit = [], 0, max(MAX_VALUE, len(raw))
    for part in split_concat(raw.strip()):
        if len(part) >= 2 and ((part[0] == "{" and part[-1] == "}") or (part[0] == '"' and part[-1] == '"')):
            piece = part[1:-1]
        elif part.isdigit():
            piece = part
        else:
            key = part.lower()
            if key in strings:
                piece = strings[key]
            elif key in MONTHS:
                piece = MONTHS[key]
            else:
                piece = part
                if undefined is not None:
                    undefined.append(part)
        size += len(piece)
        if size > limit:
            raise ValueError(f"expands to more than {limit:,} characters")
        out.append(piece)
    return "".join(out)


@dataclass
class BibEntry:
    key: str
    entry_type: str
    fields: dict[str, str]          # lower-case names -> values without enclosing braces
    line: int                       # 1-based line in the file
    raw_fields: dict[str, str] = field(default_factory=dict)        # as written, delimiters kept
    field_lines: dict[str, int] = field(default_factory=dict)
    undefined: dict[str, list[str]] = field(default_factory=dict)    # field -> undefined macros
    #: field -> (macro, the undefined macro its definition uses, that definition's line): a macro
    #: defined through one not defined before it (`@string{a = a}`), which BibTeX reads as nothing
    through_undefined: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # raw value, offsets in its text
    names: dict[str, tuple[int, int]] = field(default_factory=dict)  # field name as written, offsets
    comments: list[tuple[int, int]] = field(default_factory=list)     # '%' comments in it (biber's), offsets


@dataclass
class _Block:
    start: int                      # char offsets in the original text
    end: int
    kind: str = "entry"             # entry | string | preamble | comment
    entry: BibEntry | None = None
    name: str = ""                  # of an @string
    replacement: str | None = None  # new text, when kb changed it


def _in_comment_line(text: str, at: int, floor: int = 0) -> bool:
    """Whether offset `at`, outside any entry, follows a '%' on its line (after `floor`, where
    the last block ended): a comment to the line's end, as biber reads it, at the line's start
    ('% @misc{old, ...') or after an entry ('} % was: @misc{...'). A line ends at \n, \r\n or a
    classic Mac \r alone ('% kb-owned: x\r\r@misc{y,' holds no entry after its '%')."""
    return "%" in text[_line_start(text, at, floor):at]


def _line_start(text: str, at: int, floor: int = 0) -> int:
    """Where the line holding offset `at` begins (not before `floor`): after the last \n, \r\n
    or classic Mac \r alone before it."""
    return max(text.rfind("\n", floor, at) + 1, text.rfind("\r", floor, at) + 1, floor)


def _line_at(text: str, at: int) -> int:
    """The line (from 1) of offset `at`, its lines ending in \n, \r\n or \r alone, or a mix of them."""
    return line_number(text, at)


class _Scanner:
    """BibTeX's grammar, with BibTeX's brace counting; offsets kept."""

    def __init__(self, text: str, path: str, line_base: int = 0):
        self.text, self.path, self.line_base = text, path, line_base
        self.line_starts = [0] + [m.end() for m in re.finditer("\r\n?|\n" if "\r" in text else "\n", text)]
        self.comments: list[tuple[int, int]] = []      # '%' comments inside entries: (start, end)
        self.commented: list[tuple[int, str]] = []     # (line, '@type{key') of an entry after a '%' on its line

    def raw(self, start: int, end: int) -> str:
        """The value text[start:end] as written, a '%' comment between its pieces blanked."""
        text = self.text[start:end]
        if self.comments and self.comments[-1][0] > start:
            for s, e in self.comments:
                if start <= s < end:
                    text = text[:s - start] + " " * (e - s) + text[e - start:]
        return text

    def gap(self, i: int) -> int:
        """Offset after white space and '%' comments from i: inside an entry, as biber reads it
        (Zotero's and JabRef's `  % note = {x},` line is a comment there, no field)."""
        end = _GAP.match(self.text, i).end()
        if end > i and "%" in self.text[i:end]:
            last = self.comments[-1][0] if self.comments else -1
            self.comments += [(i + m.start(), i + m.end()) for m in re.finditer(r"%[^\r\n]*", self.text[i:end])
                              if i + m.start() > last]      # (a gap read twice: its comments once)
        return end

    def line(self, pos: int) -> int:
        return bisect_right(self.line_starts, pos) + self.line_base

    def fail(self, at: int, what: str, line: int | None = None) -> FileFormatError:
        return FileFormatError(f"BibTeX syntax error: {what}", path=self.path,
                               line=line if line is not None else self.line(at),
                               hint="check for unbalanced braces or a missing comma")

    def ws(self, i: int) -> int:
        return _WS.match(self.text, i).end()

    def found(self, i: int) -> str:
        if i >= len(self.text):
            return "the end of the file"
        return f"{self.text[i]!r} on line {self.line(i)}"

    def braced(self, i: int, ctx: str, line: int) -> int:
        """Offset just after the '}' matching the '{' at i."""
        depth = 0
        for m in _BRACES.finditer(self.text, i):
            depth += 1 if m.group() == "{" else -1
            if depth == 0:
                return m.end()
        # said where the brace opens (a field's value), not at its entry's first line
        raise self.fail(i, f"{ctx}: its '{{' on line {self.line(i)} is never closed")

    def quoted(self, i: int, ctx: str, line: int) -> int:
        depth = 0
        for m in _QUOTE_OR_BRACE.finditer(self.text, i + 1):
            c = m.group()
            if c == '"' and depth == 0:
                return m.end()
            depth += 1 if c == "{" else -1 if c == "}" else 0
            if depth < 0:
                raise self.fail(m.start(), f"{ctx}: a '}}' on line {self.line(m.start())} closes "
                                "a brace the quoted value never opened", line)
        raise self.fail(i, f"{ctx}: its '\"' on line {self.line(i)} is never closed")

    def value(self, i: int, ctx: str, line: int) -> int:
        """Offset after a value: pieces joined by '#'."""
        text = self.text
        while True:
            c = text[i] if i < len(text) else ""
            if c == "{":
                i = self.braced(i, ctx, line)
            elif c == '"':
                i = self.quoted(i, ctx, line)
            else:
                m = _IDENT.match(text, i)
                if not m:
                    raise self.fail(i, f"{ctx}: expected a value, found {self.found(i)}", line)
                i = m.end()
            j = self.gap(i)
            if j < len(text) and text[j] == "#":
                i = self.gap(j + 1)
                continue
            return i

    def blocks(self) -> list[_Block]:
        text, out, pos = self.text, [], 0
        while True:
            at = text.find("@", pos)
            if at < 0:
                return out
            if _in_comment_line(text, at, pos):       # "% mail me@example.org": a comment, as biber reads it
                head = _COMMENTED_HEAD.match(text, at)
                if head is not None and head.group(1).lower() != "comment":
                    # BibTeX, pybtex and bibtexparser read an entry there: said (BibFile.commented)
                    self.commented.append((self.line(at), head.group().rstrip()))
                pos = at + 1
                continue
            line = self.line(at)
            m = _IDENT.match(text, self.ws(at + 1))
            if not m:
                raise self.fail(at, f"'@' must start an entry, found {self.found(self.ws(at + 1))} after it")
            kind = m.group().lower()
            if kind[0].isdigit():
                raise self.fail(at, f"@{m.group()}: an entry type starts with a letter")
            i = self.ws(m.end())
            if kind == "comment":
                # BibTeX skips the word; a braced body, as bibtexparser and biber read it, goes too.
                end = self.braced(i, "@comment", line) if text.startswith("{", i) else m.end()
                out.append(_Block(at, end, "comment"))
                pos = end
                continue
            if i >= len(text) or text[i] not in "{(":
                raise self.fail(i, f"expected '{{' or '(' after @{m.group()}, found {self.found(i)}", line)
            close = "}" if text[i] == "{" else ")"
            i = self.ws(i + 1)
            if kind == "preamble":
                i = self.gap(self.value(self.gap(i), "@preamble", line))
                block = _Block(at, 0, "preamble")
            elif kind == "string":          # a '%' comment inside is one too, as biber reads it
                name = _IDENT.match(text, self.gap(i))
                if not name:
                    raise self.fail(i, f"@string needs a name, found {self.found(self.gap(i))}", line)
                i = self.gap(name.end())
                if not text.startswith("=", i):
                    raise self.fail(i, f"@string {name.group()}: expected '=', found {self.found(i)}", line)
                start = self.gap(i + 1)
                i = self.value(start, f"@string {name.group()}", line)
                block = _Block(at, 0, "string", name=name.group().lower())
                block.entry = BibEntry(name.group(), "string", {}, line, {"": self.raw(start, i)})
                i = self.gap(i)
            else:
                before = len(self.comments)
                block, i = self.entry(at, self.gap(i), m.group().lower(), close, line)
                block.entry.comments = self.comments[before:]
            if i >= len(text) or text[i] != close:
                raise self.fail(i, f"expected {close!r} to end the block, found {self.found(i)}", line)
            if block.kind == "entry" and (after := _FIELDS_AFTER.match(text, i + 1)) is not None:
                # `title={One}}, year=...`, `@article{a}b, title=...`: BibTeX reads the fields after the
                # entry's end as text between entries, the entry without them; kb would keep it so, said by none
                shown = " ".join(after.group().split())
                raise self.fail(i, f"entry {block.entry.key!r} ends at its {close!r} on line {self.line(i)}, and "
                                f"fields follow it on line {self.line(after.end() - 1)}: {shown!r}... (BibTeX reads them as no entry's: a {close!r} "
                                "too many, or one in the key, ends the entry early)", line)
            block.end = i + 1
            out.append(block)
            pos = i + 1

    def entry(self, at: int, i: int, kind: str, close: str, line: int) -> tuple[_Block, int]:
        text = self.text
        m = _KEY.match(text, i)
        key = m.group() if m else ""
        if close == ")" and key.endswith(")"):
            key = key[:-1]
        if not key:
            raise self.fail(i, f"@{kind} has no citekey, found {self.found(i)}", line)
        i = self.gap(i + len(key))
        entry = BibEntry(key, kind, {}, line)
        raw_fields, field_lines, spans, names = entry.raw_fields, entry.field_lines, entry.spans, entry.names
        line_starts, line_base = self.line_starts, self.line_base
        plain_field, field_head, n = _PLAIN_FIELD.match, _FIELD_HEAD.match, len(text)
        while True:
            # The common field, `, name = {text without braces}` (or quoted), in one match;
            # then one whose value has braces or '#'; anything else (the end, an error) below.
            m = plain_field(text, i)
            if m is not None and (m.end() == n or text[m.end()] != "#"):
                start, end, i = m.start(2), m.end(2), m.end()
            elif (m := field_head(text, i)) is not None:
                start = self.gap(m.end())
                end = self.value(start, f"in entry {key!r}, field {m.group(1)!r}", line)
                i = self.gap(end)
            if m is not None:
                fname = m.group(1).lower()
                if fname in raw_fields:
                    self._field(entry, m.group(1), m.start(1), m.end(1), start, end)     # says so
                raw_fields[fname] = self.raw(start, end)
                field_lines[fname] = bisect_right(line_starts, m.start(1)) + line_base
                spans[fname] = (start, end)
                names[fname] = m.span(1)
                continue
            i = self.gap(i)
            if i < n and text[i] == close:
                return _Block(at, 0, "entry", entry=entry), i
            if i >= n or text[i] != ",":
                if raw_fields:
                    self._swallowed(entry, close, i)
                    self._comma_missing(entry, key, i)
                after = f", after field {list(raw_fields)[-1]!r}" if raw_fields else ""
                raise self.fail(i, f"in entry {key!r}{after}: expected ',' or {close!r}, "
                                f"found {self.found(i)}", line)
            i = self.gap(i + 1)
            if i < n and text[i] == close:
                continue
            name = _IDENT.match(text, i)
            if not name:
                raise self.fail(i, f"in entry {key!r}: expected a field name, found {self.found(i)}", line)
            i = self.gap(name.end())
            if not text.startswith("=", i):
                raise self.fail(i, f"in entry {key!r}, field {name.group()!r}: expected '=', "
                                f"found {self.found(i)}", line)
            start = self.gap(i + 1)
            end = self.value(start, f"in entry {key!r}, field {name.group()!r}", line)
            self._field(entry, name.group(), name.start(), name.end(), start, end)
            i = self.gap(end)

    def _comma_missing(self, entry: BibEntry, key: str, at: int) -> None:
        """A field written where a ',' or the entry's end should be (`title = {Beta}` then
        `author = {Bob}` on the next line): a comma missing, said at the end of the field before,
        where it goes, naming both fields, not at the entry's first line."""
        m = _NEXT_FIELD.match(self.text, at)
        if m is None:
            return
        fname = list(entry.raw_fields)[-1]
        where = self.line(entry.spans[fname][1] - 1)
        raise self.fail(at, f"in entry {key!r}: a ',' is missing after field {fname!r} (line {where}), "
                        f"before field {m.group(1)!r} on line {self.line(at)}: expected ',' between them", where)

    def _swallowed(self, entry: BibEntry, close: str, at: int) -> None:
        """An entry that does not end where it should (`at`), its last field's value a brace
        group running over lines that took in the fields after it or the entry's own close (a
        '{' opened and never closed in that field, `title = {Beta {models},`): said at that
        field's line, naming it and what it took in, not at the entry's first line."""
        fname = list(entry.raw_fields)[-1]
        start, end = entry.spans[fname]
        value = self.text[start:end]
        if not value.startswith("{") or "\n" not in value and "\r" not in value:
            return
        taken = [m.group(1) for m in _TAKEN_FIELD.finditer(value)]
        if not taken and not re.search(r"[\r\n]\s*" + re.escape(close) + r"\Z", value):
            return
        what = (f"the field{'s' * (len(taken) > 1)} {', '.join(repr(t) for t in taken)} after it" if taken
                else f"the {close!r} ending the entry")
        raise self.fail(start, f"in entry {entry.key!r}, field {fname!r}: a '{{' in its value on line "
                        f"{self.line(start)} is never closed where it should be, so the value runs on to line "
                        f"{self.line(end - 1)}, taking in {what} (then found {self.found(at)})")

    def _field(self, entry: BibEntry, name: str, name_start: int, name_end: int, start: int, end: int) -> None:
        fname = name.lower()
        if fname in entry.raw_fields:
            raise FileFormatError(f"entry {entry.key!r} has field {name!r} twice "
                                  f"(lines {entry.field_lines[fname]} and {self.line(name_start)})",
                                  path=self.path, line=self.line(name_start),
                                  hint="BibTeX keeps the first and biber warns; keep one")
        entry.raw_fields[fname] = self.raw(start, end)
        entry.field_lines[fname] = self.line(name_start)
        entry.spans[fname] = (start, end)
        entry.names[fname] = (name_start, name_end)


def entry_named(entries: list[BibEntry]):
    """How BibTeX and biber find the entry a `crossref` or `xref` names among `entries`: a
    function of the key (as citekey.field_key reads the field) giving that entry or None. The
    key as written first; then in another case (BibTeX does not tell them apart); then a key
    kept in an entry's `ids` (biber's aliases: a parent's key before kb rename)."""
    exact = {e.key: e for e in entries}
    folded: dict[str, BibEntry] = {}
    for e in entries:
        folded.setdefault(e.key.casefold(), e)
    for e in entries:
        for alias in aliases(e.fields):
            folded.setdefault(alias.casefold(), e)
    return lambda key: exact.get(key) or folded.get(key.casefold())


def parents_missing(naming: list[tuple[object, dict]], entries) -> list[tuple[object, str, str]]:
    """(who, field, key) of each crossref, xref or xdata of `naming` ((who, its fields) each) that names no entry of
    `entries()` as BibTeX and biber find it (entry_named): the entry is lent nothing, and both warn of it. `entries`
    is called only where a field names a parent."""
    named = [(who, name, key) for who, fields in naming for name in ("crossref", "xref", "xdata")
             for key in key_list(fields.get(name))]
    if not named:
        return []
    find = entry_named(entries())
    return [(who, name, key) for who, name, key in named if find(key) is None]


#: The most fields one entry may hold: biber's data model knows about a hundred, and a library's own add a few.
#: One bound for every .bib kb reads, references.bib as a file kb import reads: an entry of 100,000 fields
#: written into references.bib by hand (a script gone wrong) was read whole, where kb import refused it.
MAX_FIELDS = 1000


def too_many_fields(entry: "BibEntry", path: str, bound: int = MAX_FIELDS) -> FileFormatError:
    """The one refusal of an entry of more fields than `bound`, whichever file holds it."""
    return FileFormatError(f"entry {escaped(entry.key)} has {len(entry.raw_fields):,} fields, more than any entry holds "
                           f"(kb reads at most {bound:,})", path=path, line=entry.line,
                           hint="take out the fields no entry needs (a script gone wrong may have written them)")


class BibFile:
    """One .bib file: its entries, and the means to change a few of them."""

    def __init__(self, text: str = "", path: str = "references.bib"):
        self.path = path
        self.text = text
        self.blocks: list[_Block] = []
        self.by_key: dict[str, _Block] = {}
        self.strings: dict[str, str] = {}
        self.string_blocks: dict[str, str] = {}          # name -> the @string's text
        self.string_raw: dict[str, str] = {}             # name -> its value as written
        #: name -> (where in the text, value, value as written) of each of its definitions, in order: a file may
        #: define a macro again, and BibTeX gives an entry the definition read last before it
        self.string_defs: dict[str, list[tuple[int, str, str]]] = {}
        self.string_undefined: list[BibEntry] = []       # @strings using a macro not defined before them
        #: name -> (the undefined macro it rests on, the line of the @string using it): those
        #: @strings, and any defined through one of them
        self.string_broken: dict[str, tuple[str, int]] = {}
        self._appended: list[tuple[str, str]] = []       # (key or "", text) added at the end
        self.read_as: Identity | None = None             # the file's identity when load read it
        self._appended_entries: dict[str, BibEntry] = {}
        self._owned_text: str | None = None              # the kb-owned lines, when kb changed them
        self._starts: list[int] | None = None            # where each block starts (comments_above)
        self.comments: list[tuple[int, int]] = []        # '%' comments inside entries, as biber reads them
        #: (line, '@type{key') of each entry written after a '%' on its line outside entries: a comment
        #: to biber, as kb reads it, an entry to BibTeX, pybtex and bibtexparser (kb import says so)
        self.commented: list[tuple[int, str]] = []
        #: the line end most of the file's lines end with: the lines kb writes into it end so too
        self.newline = line_end_of(text)
        if text.strip():
            self._parse()

    @classmethod
    def load(cls, path: Path, *, lenient_encoding: bool = False) -> "BibFile":
        """The file at `path`, with `read_as`, its identity before it was read: a write of
        what is made from it is refused if a person saved it since (kb.atomic.write_bytes)."""
        if not path.exists():
            return cls("", str(path))
        read_as = identity(path)
        data = read_input(path, "the BibTeX file")
        bibfile = cls(decode(data, str(path), lenient=lenient_encoding), str(path))
        bibfile.read_as = read_as
        return bibfile

    # -- reading ----------------------------------------------------------
    def _parse(self) -> None:
        if "\0" in self.text:
            line = _line_at(self.text, self.text.index("\0"))
            raise FileFormatError("contains a NUL byte; is it really a BibTeX file?",
                                  path=self.path, line=line)
        refuse_conflict(self.text, self.path)
        seen: dict[str, int] = {}
        written: dict[str, str] = {}
        scanner = _Scanner(self.text, self.path)
        for block in scanner.blocks():
            if block.kind == "string":
                self._define(block.name, block.entry, self.text[block.start:block.end], block.start)
            elif block.kind == "entry":
                entry = block.entry
                if len(entry.raw_fields) > MAX_FIELDS:
                    raise too_many_fields(entry, self.path, MAX_FIELDS)
                folded = fold_key(entry.key)
                if folded in seen and written[folded] == entry.key:
                    raise FileFormatError(f"duplicate citekey {entry.key!r}", path=self.path, line=entry.line,
                                          hint=f"line {seen[folded]} has it already; each entry needs its own key: "
                                               "keep one if both are the same paper")
                if folded in seen:
                    raise FileFormatError(f"duplicate citekey {entry.key!r}", path=self.path, line=entry.line,
                                          hint=f"line {seen[folded]} has {written[folded]!r} (BibTeX does not tell "
                                          "upper from lower case in keys, nor an accented letter from the same "
                                          "letter written as two Unicode characters"
                                          + (f", and kb not a key from one holding a character nobody sees "
                                             f"({invisible(entry.key)})" if invisible(entry.key) else "")
                                          + "); each entry needs its own key")
                seen[folded] = entry.line
                written[folded] = entry.key
                self._resolve(entry)
                self.by_key[entry.key] = block
            self.blocks.append(block)
        self.comments = scanner.comments
        self.commented = scanner.commented

    def _define(self, name: str, entry: BibEntry, text: str, at: int = -1) -> None:
        undefined: list[str] = []
        try:
            self.strings[name] = resolve_value(entry.raw_fields[""], self.strings, undefined)
        except ValueError as exc:
            raise FileFormatError(f"@string {entry.key} {exc}", path=self.path, line=entry.line,
                                  hint="a chain of @string definitions doubling each other?") from None
        self.string_blocks[name] = text
        self.string_raw[name] = entry.raw_fields[""]
        if at >= 0:
            self.string_defs.setdefault(name, []).append((at, self.strings[name], entry.raw_fields[""]))
        self.string_broken.pop(name, None)          # defined again: as the new definition says
        if undefined:
            entry.undefined[""] = undefined
            self.string_undefined.append(entry)
            self.string_broken[name] = (undefined[0], entry.line)
        else:
            rests = next((self.string_broken[m] for m in macros_in(entry.raw_fields[""]) if m in self.string_broken),
                         None)
            if rests is not None:
                self.string_broken[name] = rests

    def _resolve(self, entry: BibEntry) -> None:
        for name, raw in entry.raw_fields.items():
            if "#" not in raw and raw[:1] in ("{", '"') and raw[-1:] == \
                    ("}" if raw[0] == "{" else '"') and len(raw) >= 2:
                entry.fields[name] = raw[1:-1]         # one braced or quoted piece: its text
                continue
            undefined: list[str] = []
            try:
                entry.fields[name] = resolve_value(raw, self.strings, undefined)
            except ValueError as exc:
                raise FileFormatError(f"field {name!r} of entry {entry.key!r} {exc}", path=self.path,
                                      line=entry.field_lines.get(name, entry.line)) from None
            if undefined:
                entry.undefined[name] = undefined
            elif self.string_broken:
                broken = next((m for m in macros_in(raw) if m in self.string_broken), None)
                if broken is not None:
                    entry.through_undefined[name] = (broken, *self.string_broken[broken])

    def _read_one(self, text: str, line: int = 0) -> BibEntry:
        blocks = [b for b in _Scanner(text, self.path, line).blocks() if b.kind == "entry"]
        entry = blocks[0].entry
        self._resolve(entry)
        return entry

    def entries(self) -> list[BibEntry]:
        return [b.entry for b in self.blocks if b.kind == "entry"]

    def entry(self, key: str) -> BibEntry | None:
        """The entry of `key` as render() will write it: in the file (updated), or added since."""
        block = self.by_key.get(key)
        return block.entry if block is not None else self._appended_entries.get(key)

    def keys(self) -> set[str]:
        return set(self.by_key) | set(self._appended_entries)

    def entry_text(self, key: str) -> str:
        """One entry's text as the file holds it (or as render() will write it),
        for exports that copy entries without re-rendering them."""
        block = self.by_key.get(key)
        if block is not None:
            return block.replacement if block.replacement is not None else self.text[block.start:block.end]
        for k, text in self._appended:
            if k == key:
                return text
        raise KeyError(key)

    def comments_above(self, key: str) -> str:
        """The person's '%' lines right above the entry of `key` (no blank line between, none kb's own
        `% kb-owned:`), as the file holds them, for an export that copies entries as written: a comment on
        an entry goes with it. Empty when there are none, or for an entry added since the file was read."""
        block = self.by_key.get(key)
        if block is None:
            return ""
        if self._starts is None:
            self._starts = [b.start for b in self.blocks]
        n = bisect_right(self._starts, block.start) - 1
        floor = self.blocks[n - 1].end if n > 0 else 0
        return self.text[_leading_comments(self.text, block.start, floor):block.start]

    def as_written(self) -> str:
        """The file's text as read, without kb's own `% kb-owned:` lines: every entry, @string, @preamble,
        @comment and '%' line of the person's where they wrote it (an export of the whole file as stored)."""
        out, pos = [], 0
        for start, end in self._owned_lines():
            out.append(self.text[pos:start])
            pos = _with_line_end(self.text, end)
        return "".join(out) + self.text[pos:]

    def named(self, key: str) -> BibEntry | None:
        """The entry a crossref or xref naming `key` names (entry_named): its own key at once,
        the file read for another case or an alias."""
        block = self.by_key.get(key)
        if block is not None:
            return block.entry
        return entry_named(self.all_entries())(key) if key else None

    def data_entry(self, key: str) -> BibEntry | None:
        """The @xdata or @set entry (bibmodel.DATA_TYPES: data for papers, no paper) of `key`,
        as written or in another case (BibTeX does not tell them apart); None if it is none."""
        entry = self.entry(key)
        if entry is None:
            entry = next((e for e in self.all_entries() if e.key.casefold() == key.casefold()), None)
        return entry if entry is not None and not is_work(entry.entry_type) else None

    def xdata_of(self, entry: BibEntry) -> list[BibEntry]:
        """The @xdata entries whose fields biblatex gives `entry`: those its xdata names, then
        those they name (xdata = {a, b}; an @xdata naming another), each once, in that order."""
        found: list[BibEntry] = []
        todo = list(key_list(entry.fields.get("xdata")))
        while todo and len(found) < 64:
            x = self.data_entry(todo.pop(0))
            if x is None or x.entry_type.lower() != "xdata" or any(x.key == f.key for f in found):
                continue
            found.append(x)
            todo.extend(key_list(x.fields.get("xdata")))
        return found

    def lent_by_xdata(self, entry: BibEntry) -> dict[str, str]:
        """The fields biblatex gives `entry` through its @xdata entries (xdata = {jdata}: their
        journaltitle, publisher, location, ...), those it has of its own left out, the first
        @xdata's first (xdata_of); for reading it: its text is never changed."""
        if not entry.fields.get("xdata"):
            return {}
        own = {k.lower() for k, v in entry.fields.items() if v and v.strip()}
        lent: dict[str, str] = {}
        for data in self.xdata_of(entry):
            for name, value in data.fields.items():
                name = name.lower()
                if name not in own and name not in lent and name not in ("xdata", "ids") and value and value.strip():
                    lent[name] = value
        return lent

    def data_users(self, key: str) -> list[str]:
        """The keys of the papers a data entry stands for, in the file's order: a @set's members
        (its entryset), an @xdata's users (entries naming it in their xdata, or naming an @xdata
        that names it); keys of no entry here left out."""
        entries = self.all_entries()
        found = entry_named(entries)
        data = self.data_entry(key)
        if data is None:
            return []
        if "entryset" in data.fields:
            named = [found(k) for k in key_list(data.fields["entryset"])]
            members = {e.key for e in named if e is not None and is_work(e.entry_type)}
            return [e.key for e in entries if e.key in members]
        wanted, users = {data.key}, []
        for _ in range(len(entries)):          # through @xdata naming @xdata, whatever their order
            more = {e.key for e in entries if e.key not in wanted and not is_work(e.entry_type)
                    and any((f := found(k)) is not None and f.key in wanted for k in key_list(e.fields.get("xdata")))}
            if not more:
                break
            wanted |= more
        for e in entries:
            if is_work(e.entry_type) and any((f := found(k)) is not None and f.key in wanted
                                             for k in key_list(e.fields.get("xdata"))):
                users.append(e.key)
        return users

    def string_as_read(self, name: str, key: str) -> tuple[str, str] | None:
        """The value of @string `name`, and its text as written, where the entry `key` stands in the file: the
        definition read last before it (a macro defined again further on means something else after), or None
        where none is."""
        block = self.by_key.get(key)
        defs = self.string_defs.get(name, ())
        if block is None or not defs:
            return None
        before = [(value, raw) for at, value, raw in defs if at < block.start]
        return before[-1] if before else None

    def strings_read_otherwise(self, key: str) -> dict[str, str]:
        """The @string macros entry `key` uses whose value where it stands (string_as_read) is not what the
        file's last definitions give it (one defined again further on, or resting on one defined again between):
        name -> the value BibTeX gives the entry. A copy of the entry after the last @strings (kb import, kb export
        bib) reads these otherwise."""
        if not self.string_defs or key not in self.by_key:
            return {}
        macros = self.macros_used(key)
        read = {name: self.string_as_read(name, key) for name in macros}
        values = {name: got[0] for name, got in read.items() if got is not None}
        return {name: got[0] for name, got in read.items()
                if got is not None and (got[0] != self.strings[name]
                                        or resolve_value(self.string_raw[name], values) != got[0])}

    def spelled_out(self, key: str, text: str) -> str:
        """`text`, the entry `key` as stored or shaped, with each field using a macro strings_read_otherwise names
        written as its value there, braced: what it means where it stands, wherever the copy goes."""
        otherwise = self.strings_read_otherwise(key)
        if not otherwise:
            return text
        block = self.by_key[key]
        entry = self._read_one(text, block.entry.line - 1)
        read = {name: got[0] for name in self.macros_used(key) if (got := self.string_as_read(name, key))}
        edits = [(*entry.spans[name], "{" + resolve_value(raw, read) + "}") for name, raw in entry.raw_fields.items()
                 if name in entry.spans and set(macros_in(raw)) & set(otherwise)]
        for start, end, new in sorted(edits, reverse=True):
            text = text[:start] + new + text[end:]
        return text

    def macros_used(self, key: str) -> list[str]:
        """@string names an entry uses that this file defines, each after those it depends on."""
        if not self.string_blocks:
            return []
        entry = self.by_key[key].entry
        out: list[str] = []

        def need(name: str, depth: int = 0) -> None:
            if name in out or name not in self.string_blocks or depth > 100:
                return
            for inner in macros_in(self.string_raw[name]):
                if inner != name:
                    need(inner, depth + 1)
            out.append(name)

        for raw in entry.raw_fields.values():
            for name in macros_in(raw):
                need(name)
        return out

    def shaped_text(self, key: str) -> tuple[str, list[tuple[str, str]]]:
        """One entry shaped to biber's data model, for exports (`kb export bib`), and
        what was changed, as (kind, detail): ("publisher dropped", "publisher dropped
        (not a field of @article)"); an entry that needs nothing is its text as the
        file holds it, byte for byte.

        An unknown type becomes @misc; a type whose mandatory fields are missing
        becomes the first of its TYPE_FALLBACKS that has them (an edited @book
        without author: @collection) when that loses no field; fields the type does
        not take are dropped (a `publisher` becomes the report's `institution`, the
        @misc's `howpublished` or the @online's `organization` when it has none; an
        arXiv `version` joins `eprint`, 1906.02243v1, as in kb's own entries);
        a month that is not a month macro (`{jun}`, `{June}`, `{6}`, `may # " 2 - "
        # may # " 7"`) becomes the macro of the month it names; a number in braces
        (`{{62}}`) loses them; a date biber cannot read becomes ISO 8601 when it names
        one year; of several ISBNs/ISSNs the first is kept; a volume, year or date
        that is still unreadable, or an ISBN/ISSN whose checksum fails, goes to `note`;
        Crossref's `$\\{upOmega}$` in math becomes `$\\Omega$` (kb.text.latex.crossref_greek_as_latex).
        A crossref parent in the file lends the child what biber --tool (which
        inherits nothing) finds missing; a crossref to no entry is dropped. The
        fields kept keep their text as written (quoting, macros, layout)."""
        text = self.entry_text(key)
        block = self.by_key.get(key)
        entry = self._read_one(text, block.entry.line - 1 if block is not None else 0)
        if entry.comments:
            # `  % note = {x},` (Zotero, JabRef): a comment to biber, a field to bibtexparser, an
            # error to BibTeX and pybtex; the export leaves it out, references.bib keeps it
            text = _without_comments(text, entry.comments)
            entry = self._read_one(text, block.entry.line - 1 if block is not None else 0)
        comments = [("comments dropped", "'%' comments inside the entry dropped (BibTeX and pybtex refuse them, "
                     "bibtexparser reads them as fields)")] if text != self.entry_text(key) else []
        if not is_work(entry.entry_type):
            # an @xdata's fields biblatex gives the entries naming it (xdata = {springer}), whatever
            # their types take; biber checks none of them here: as @misc it named no @xdata and they
            # lost them. A @set holds its entryset alone: biber asks it for no year.
            return text, comments
        names = set(entry.fields)
        if "publisher" in names and not names & {"institution", "school"} and \
                biblatex_type(entry.entry_type) in ("report", "thesis"):
            names.add("institution")        # a report's or thesis's publisher becomes its institution (below)
        changes: list[tuple[str, str]] = comments
        etype = entry.entry_type.lower()
        new_type = etype
        if not known_type(etype):
            new_type = "misc"
            changes.append((f"@{etype} as @misc", f"@{entry.entry_type} is no type of biber's: @misc"))
        edits: list[tuple[int, int, str]] = []       # (start, end, new text) in `text`
        parent_key = field_key(entry.fields.get("crossref"))
        parent = self.named(parent_key)
        parent = parent if parent is not None and parent.key != entry.key else None
        if parent is not None:
            # biber --tool inherits nothing: what BibTeX and biber take from the parent is written in
            last = max(e for _, e in entry.spans.values())
            for need in missing_mandatory(new_type, names):
                for name in need.split("|"):
                    value = parent.fields.get(name) or (parent.fields.get("title") if name == "booktitle" else None) \
                        or (parent.fields.get("journal") if name == "journaltitle" else None)
                    if value:
                        edits.append((last, last, f",\n  {name} = {{{balance_braces(latex_specials(value)[0])}}}"))
                        names.add(name)
                        changes.append((f"{name} from crossref", f"{name} from its crossref {parent_key}"))
                        break
        lenders = self.xdata_of(entry)
        if lenders:
            # biblatex gives an entry its @xdata's fields (xdata = {jdata}); biber --tool inherits
            # nothing: a mandatory field the entry has only so is written in, as a crossref's is
            last = max(e for _, e in entry.spans.values())
            for need in missing_mandatory(new_type, names):
                for name in need.split("|"):
                    alias = {"journaltitle": "journal", "journal": "journaltitle"}.get(name)
                    value, source = next(((x.fields.get(name) or (x.fields.get(alias) if alias else None), x.key)
                                          for x in lenders if x.fields.get(name) or (alias and x.fields.get(alias))),
                                         (None, None))
                    if value:
                        edits.append((last, last, f",\n  {name} = {{{balance_braces(latex_specials(value)[0])}}}"))
                        names.add(name)
                        changes.append((f"{name} from xdata", f"{name} from its xdata {source}"))
                        break
        missing = [m for m in missing_mandatory(new_type, names) if m != "year|date"]
        if missing:
            # A type that has what this one lacks, and takes every field it takes: nothing lost.
            kept = {n for n in names if valid_field(new_type, n)}
            for other in TYPE_FALLBACKS.get(biblatex_type(new_type), ()):
                if not [m for m in missing_mandatory(other, names) if m != "year|date"] \
                        and all(valid_field(other, n) for n in kept):
                    changes.append((f"@{etype} as @{other}", f"@{entry.entry_type} lacks {', '.join(missing)}: @{other}"))
                    new_type = other
                    break
            else:
                changes.append((f"@{etype} lacks {', '.join(missing)} (biber warns)",
                                f"@{entry.entry_type} lacks {', '.join(missing)}: biber warns (no type that has "
                                "them takes all its fields)"))
        notes: list[str] = []
        if new_type != etype:
            m = re.match(r"\s*@\s*([^\s{(]+)", text)
            edits.append((m.start(1), m.end(1), new_type))

        gone: set[str] = set()

        def drop(name: str) -> None:
            gone.add(name)
            comma = text.rfind(",", 0, entry.names[name][0])
            edits.append((comma, entry.spans[name][1], ""))

        # the date as the export writes it: 'May 2023' becomes 2023-05 (below), which biber reads over a year
        written = entry.fields.get("date", "")
        if "date" in names and not valid_datum("date", written):     # made ISO 8601 below, or moved to note
            written = _iso_of(written) if len(re.findall(r"\d{4}", written)) == 1 else ""
        overruled = {name: date for name, _, date in date_disagrees({**entry.fields, "date": written})} \
            if "date" in names else {}
        for name in entry.raw_fields:
            value = entry.fields[name]
            if name in overruled:
                # year = {2022} beside date = {2023-01-15}: biber drops the year for the date, warning; the
                # year is the person's, kept in note
                drop(name)
                notes.append(f"{name} {value}")
                changes.append((f"{name} beside another date, in note", f"{name} {entry.raw_fields[name].strip()} "
                                f"moved to note (biber reads the date {overruled[name]} over it)"))
                continue
            target = LEGACY_FIELDS.get(name)
            if name == "address" and target in entry.raw_fields and valid_field(new_type, "venue") \
                    and "venue" not in entry.raw_fields and _plainly(value) != _plainly(entry.fields[target]):
                # ACM's address (the publisher's place) beside its location (the conference's): the location
                # is biblatex's venue, and the address biber's location; biber kept the location alone
                edits.append((*entry.names[target], "venue"))
                changes.append(("location as venue", f"location as venue (the event's place; address "
                                                     f"{value!r} is biber's location, the publisher's)"))
                continue
            if target is not None and target in entry.raw_fields:
                # BibTeX's name beside biblatex's (Zotero's archiveprefix and eprinttype, journal and
                # journaltitle): biber maps it onto a field the entry has, warns, and reads the other
                drop(name)
                changes.append((f"{name} dropped", f"{name} dropped (biber reads its {target})"))
                continue
            if not valid_field(new_type, name):
                eprint = entry.fields.get("eprint", "").strip()
                if name == "version" and value.strip().lstrip("v").isdigit() and eprint \
                        and not re.search(r"v\d+$", eprint) and "eprint" in entry.spans:
                    # arXiv's version where the type has no field for it: 1906.02243v1, as kb writes its own
                    drop(name)
                    edits.append((*entry.spans["eprint"], "{" + f"{eprint}v{value.strip().lstrip('v')}" + "}"))
                    changes.append(("version into eprint", f"version {value} into eprint ({eprint}v"
                                                           f"{value.strip().lstrip('v')})"))
                    continue
                # a publisher is a report's institution, a @misc's howpublished, an @online's organization;
                # ACM's numpages a book's or report's pagetotal, its articleno biblatex's eid
                instead = next((other for other in _INSTEAD.get(name, ())
                                if valid_field(new_type, other)
                                and not ({other, "school"} if other == "institution" else {other}) & set(entry.fields)),
                               None)
                if instead:
                    edits.append((*entry.names[name], instead))
                    changes.append((f"{name} as {instead}", f"{name} as {instead} (@{new_type} has no {name})"))
                else:
                    drop(name)
                    changes.append((f"{name} dropped", f"{name} dropped (not a field of @{new_type})"))
                continue
            if name in ("crossref", "xref"):
                named = self.named(field_key(value))
                if named is None or named.key == entry.key:
                    drop(name)          # biber warns of a parent it cannot find (kb export bib adds those it has)
                    changes.append((f"{name} dropped", f"{name} {value} dropped: no such entry"))
                elif named.key != field_key(value):
                    # in another case, or a key its parent had: BibTeX's match, not biber's (keys as written)
                    edits.append((*entry.spans[name], "{" + named.key + "}"))
                    changes.append((f"{name} as its parent's key", f"{name} {value} as {named.key}, the key "
                                                                   "of the entry it names"))
                continue
            if name == "url" and (address := url_of_field(value)) != value.strip() and "{" not in address \
                    and "}" not in address and not re.search(r"\s", address):
                # Mendeley's 'url = {https://x.org/a\\_b.pdf}': biber and BibTeX's url package read the field
                # verbatim and print the backslash, which no address holds; the address it means
                edits.append((*entry.spans[name], "{" + address + "}"))
                changes.append(("url's LaTeX escapes as the characters", f"url {value.strip()} as {address}"))
                continue
            if name == "month":
                raw = entry.raw_fields[name].strip()
                if raw.lower() in MONTHS and raw.lower() not in self.strings:
                    continue                        # a month macro: what biber and BibTeX want
                found = re.search(r"[A-Za-z]+|\d+", value)
                word = found.group().lower().rstrip(".") if found else ""
                month = _MONTH_NAMES.get(word)
                if month and month in self.strings:
                    # the file defines that macro itself (@string{jan = "janvier"}): written so, the month
                    # would read as its definition, which biber reads as no month; its number means it to both
                    month = "{" + str(list(MONTHS).index(month) + 1) + "}"
                if month:
                    edits.append((*entry.spans[name], month))
                    if re.fullmatch(r"\s*(?:[A-Za-z]+\.?|\d{1,2})\s*", value):
                        changes.append(("month as a macro" if month[0] != "{" else "month as its number",
                                        f"month {raw} as {month}"))
                    else:           # "may # " 2 - " # may # " 7"": the days are kept in note
                        notes.append(f"month {value}")
                        changes.append(("month as a macro, the rest in note",
                                        f"month {raw} as {month}, the text in note"))
                else:
                    drop(name)
                    notes.append(f"month {value}")
                    changes.append(("month moved to note", f"month {raw} moved to note (not a month biber reads)"))
                continue
            if not valid_datum(name, value):
                plain = value.replace("{", "").replace("}", "").strip()
                if plain != value and valid_datum(name, plain):
                    # volume = {{62}} (Better BibTeX): biber reads "{62}", no number
                    edits.append((*entry.spans[name], "{" + plain + "}"))
                    changes.append((f"{name} without braces", f"{name} {entry.raw_fields[name].strip()} as {plain}"))
                    continue
                one = _ONE_NUMBER_RANGE.fullmatch(plain)
                if name == "volume" and one and int(one.group(1)) == int(one.group(2)):
                    # Crossref's volume = {38-38}: the volume 38 (in note BibTeX's styles warned of a number
                    # and no volume)
                    edits.append((*entry.spans[name], "{" + one.group(1) + "}"))
                    changes.append(("volume of one number as it", f"volume {entry.raw_fields[name].strip()} as "
                                                                  f"{one.group(1)}"))
                    continue
                several = [v for v in re.split(r"[,;]\s*|\s+", plain) if v]
                if name in ("isbn", "issn") and len(several) > 1 and valid_datum(name, several[0]):
                    # Zotero's 'issn = {0016-6731, 1943-2631}': the first kept, the others in note
                    edits.append((*entry.spans[name], "{" + several[0] + "}"))
                    notes.append(f"{name.upper()} {', '.join(several[1:])}")
                    changes.append((f"{name} as the first of several", f"{name} {value}: {several[0]} kept, "
                                                                      "the others in note"))
                    continue
                if name == "year" and len(re.findall(r"\d{4}", value)) == 1:
                    year = re.search(r"\d{4}", value).group()
                    edits.append((*entry.spans[name], "{" + year + "}"))
                    notes.append(f"year {value}")
                    changes.append(("year as a number", f"year {entry.raw_fields[name].strip()} as {year}, the rest in note"))
                    continue
                if name == "date" and len(re.findall(r"\d{4}", value)) == 1:
                    # "May 2020" -> 2020-05: what biber reads; the text as written goes to note
                    iso = _iso_of(value)
                    edits.append((*entry.spans[name], "{" + iso + "}"))
                    notes.append(f"date {value}")
                    changes.append(("date as ISO 8601", f"date {entry.raw_fields[name].strip()} as {iso}, "
                                                        "the text in note"))
                    continue
                drop(name)
                notes.append(f"{name} {value}")
                wanted = {"isbn": "a valid ISBN", "issn": "a valid ISSN"}.get(
                    name, "an ISO 8601 date" if name.endswith("date") else "a number")
                changes.append((f"{name} moved to note", f"{name} {entry.raw_fields[name].strip()} moved to note "
                                f"(biber takes {wanted})"))
                continue
            raw = entry.raw_fields[name]
            latex = raw if name in _VERBATIM or name in KEY_FIELDS else markup_as_latex(raw)
            if latex != raw:        # Crossref's <i>in vitro</i>, CO<sub>2</sub>: LaTeX prints the tags as text
                changes.append((f"{name} with LaTeX for HTML or MathML markup", f"{name}: the record's HTML, JATS "
                                "or MathML markup as LaTeX (BibTeX and biber print the tags as text)"))
            greek = crossref_greek_as_latex(latex)
            if greek != latex:      # Crossref's $\{upOmega}$: pandoc refuses the whole file over it
                changes.append((f"{name} with LaTeX's Greek letters", f"{name}: Crossref's \\{{up…}} as LaTeX's "
                                "Greek letters (pandoc cannot read the escaped brace)"))
            # a person's bare '&' (Energy & Policy): BibTeX copies it into the .bbl, where LaTeX stops at it
            safe, found = field_specials(name, greek)
            if safe != greek:
                changes.append(("LaTeX's specials escaped", f"{name}: "
                                f"{specials_said([f for f in found if 'unpaired' not in f])} escaped for LaTeX"))
            if "an unpaired '$'" in found:
                changes.append(("an unpaired '$' kept (LaTeX may stop)", f"{name}: an odd number of '$' kept as "
                                "written (which one is math is not clear)"))
            elif name not in _VERBATIM and name not in KEY_FIELDS and _single_literal(greek) is None \
                    and (held := latex_specials(value)[1]):
                # an @string's or a concatenation's: the @string is copied as written
                changes.append(("LaTeX's specials kept in an @string", f"{name}: {specials_said(held)} kept as "
                                "its @string or concatenation writes it"))
            if safe != raw:
                edits.append((*entry.spans[name], safe))
        if notes:
            if not valid_field(new_type, "note"):
                changes.append(("dropped (no note field)", f"{'; '.join(notes)} dropped (@{new_type} has no note)"))
            elif "note" in entry.raw_fields:
                edits[:] = [e for e in edits if (e[0], e[1]) != entry.spans["note"]]    # its escapes: below
                edits.append((*entry.spans["note"], "{" + balance_braces(latex_specials(
                    "; ".join([entry.fields["note"].rstrip(" .;")] + notes))[0]) + "}"))
            else:
                last = max(e for _, e in entry.spans.values())
                edits.append((last, last, ",\n  note = {" + balance_braces(latex_specials("; ".join(notes))[0])
                               + "}"))
        if "year|date" in missing_mandatory(new_type, names - gone):
            changes.append(("no year or date (biber warns)", "no year or date: biber warns (kb has none to give it)"))
        if not edits:
            return text, changes
        for start, end, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
            text = text[:start] + new + text[end:]
        return text, changes

    def latex_specials(self, key: str) -> list[tuple[str, int, list[str]]]:
        """The fields of entry `key` BibTeX or biber hand to LaTeX (of biber's data model, not verbatim) that
        hold what LaTeX reads as markup where the text means the character (latex_specials: a bare '&',
        '%', '#', a lone '$', '_' or '^' outside math), as (field, its line, what): LaTeX stops at them
        when the .bbl is typeset (`title = {Energy & Policy}`: Misplaced alignment tab)."""
        entry = self.named(key)
        if entry is None:
            return []
        return [(name, entry.field_lines.get(name, entry.line), found) for name, value in entry.fields.items()
                if name not in _VERBATIM and name not in KEY_FIELDS and any_type_takes(name)
                and (found := latex_specials(value)[1])]

    def preambles(self) -> list[str]:
        return [self.text[b.start:b.end] for b in self.blocks if b.kind == "preamble"]

    # -- changing ---------------------------------------------------------
    def set_entry(self, key: str, entry_type: str, fields: dict[str, str], *, fit: bool = True) -> None:
        """Add the entry (rendered by kb), or update an existing one in place: the
        values of `fields` replace or are inserted, the rest of its text is kept (an entry
        added at the end since the file was read, an import's, too: kb rendered it anew).
        kb's own values are fitted to the type (`fit`, fit_model); a person's, an imported
        entry's, are written as they are, as an import writes a new entry's (`fit` off)."""
        block = self.by_key.get(key)
        if block is None and key not in self._appended_entries:
            self.append_raw(render_entry(key, entry_type, fields, fit=fit), key)
            return
        base = self.entry_text(key)
        entry = self._read_one(base, block.entry.line - 1 if block is not None else 0)
        if fit:
            fitted = fit_model(entry.entry_type, {**entry.fields, **fields})
            # a month's days kb moved (fit_model: 'May 2 - May 7') go where it put them, as the eprint's version
            moved = ("eprint",) + (("eventdate", "note") if "month" in fields else ())
            fields = {k: v for k, v in fitted.items()
                      if k in fields or (k in moved and v != entry.fields.get(k))}
        edits: list[tuple[int, int, str]] = []
        last_end = max((e for _, e in entry.spans.values()), default=None)
        indent = "  "
        if entry.field_lines:
            first = min(entry.spans.values())[0]
            line_start = _line_start(base, first)
            name_at = re.search(r"\S", base[line_start:]).start() + line_start
            indent = base[line_start:name_at] if base[line_start:name_at].strip() == "" else "  "
        inserts = []
        for name, value in fields.items():
            if not value:
                continue
            if name in entry.raw_fields:
                if entry.fields.get(name) != value:
                    s, e = entry.spans[name]
                    edits.append((s, e, _delimited_as(base[s:e], bib_value(name, value))))
            else:
                inserts.append(f",{self.newline}{indent}{name} = {bib_value(name, value)}")
        if inserts:
            if last_end is None:
                m = re.match(r"@\s*\w+\s*[{(]\s*[^\s,{}]+", base)
                last_end = m.end()
            edits.append((last_end, last_end, "".join(inserts)))
        if not edits:
            return
        for s, e, new in sorted(edits, reverse=True):
            base = base[:s] + new + base[e:]
        if block is None:
            self._replace_appended(key, base)
            return
        block.replacement = base
        block.entry = self._read_one(base, block.entry.line - 1)

    # -- which entries kb wrote ----------------------------------------------------------
    def _owned_lines(self) -> list[tuple[int, int]]:
        """Spans of the `% kb-owned: ...` lines, outside every entry."""
        if "kb-owned:" not in self.text:
            return []
        starts = [b.start for b in self.blocks]
        out = []
        for m in _OWNED.finditer(self.text):
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or self.blocks[i].end <= m.start():
                out.append((m.start(), m.end()))
        return out

    def owned_keys(self) -> set[str]:
        """The keys of the entries kb wrote itself (papers `kb add` brought in), as the
        file's `% kb-owned: key, key` lines list them (a comment: BibTeX, biber,
        pybtex and bibtexparser read no text between entries). kb adds fields only
        to these entries; every other entry is the user's, kept byte for byte."""
        if self._owned_text is not None:
            lines = self._owned_text.splitlines()
        else:
            lines = [self.text[s:e] for s, e in self._owned_lines()]
        return keys_listed(lines)

    def owned_spans(self) -> list[tuple[int, int]]:
        """Where the `% kb-owned:` lines are in the text as read (outside every entry)."""
        return self._owned_lines()

    def owned(self, key: str) -> bool:
        """Whether kb wrote the entry of `key`: its key, or one it had before (its `ids`:
        kb rename keeps the old key there), is listed as kb's."""
        listed = self.owned_keys()
        if key in listed:
            return True
        entry = self._appended_entries.get(key) or (self.by_key[key].entry if key in self.by_key else None)
        return entry is not None and any(k in listed for k in aliases(entry.fields))

    def mark_owned(self, key: str | None) -> None:
        """List `key` as kb's (the lines go at the end the first time); keys that name
        no entry any more (neither a key nor an alias in `ids`) leave the list, so a
        user's entry filed later under a removed key is not taken for kb's. None: only
        that (after `kb rm`); a list left empty goes."""
        known = set(self.keys())
        for entry in self.all_entries():
            known |= set(aliases(entry.fields))
        keys = sorted((self.owned_keys() | ({key} if key else set())) & known)
        if not keys:
            self._owned_text = "" if self._owned_lines() else None
            return
        self._owned_text = owned_lines(keys)

    def disown(self, key: str) -> None:
        """`key` is a person's entry now: no longer listed as kb's (a list left empty goes)."""
        if key not in self.owned_keys():
            return
        keys = sorted(self.owned_keys() - {key})
        self._owned_text = owned_lines(keys) if keys else ("" if self._owned_lines() else None)

    def replace_entry(self, key: str, text: str) -> None:
        """The entry of `key` replaced, where it stands, by `text` (one entry with that key)."""
        text = _lf(text).strip("\n")
        block = self.by_key.get(key)
        if block is None:
            self._replace_appended(key, text)
            return
        block.replacement = _ending_in(self.newline)(text)
        block.entry = self._read_one(block.replacement, block.entry.line - 1)

    def replace_value(self, key: str, name: str, value: str) -> None:
        """Field `name` of entry `key` written `value` (bib_value), the rest of its text as it is."""
        text = self.entry_text(key)
        entry = self._read_one(text)
        start, end = entry.spans[name]
        self.replace_entry(key, text[:start] + bib_value(name, value) + text[end:])

    def append_raw(self, text: str, key: str = "", entry: BibEntry | None = None) -> None:
        """Text added at the end as it is: an entry (with its key), an @string or @preamble.
        `entry`: the entry this text was read as already (an import copying it byte for byte
        with @strings of the same meaning), so it is not read again."""
        text = _lf(text).strip("\n")
        if key:
            self._appended_entries[key] = entry if entry is not None and entry.key == key \
                else self._read_one(text)
        elif text.lstrip()[:7].lower() == "@string":
            for b in _Scanner(text, self.path).blocks():
                if b.kind == "string":
                    self._define(b.name, b.entry, text)
        self._appended.append((key, text))

    def _replace_appended(self, key: str, text: str) -> None:
        self._appended = [(k, text if k == key else t) for k, t in self._appended]
        self._appended_entries[key] = self._read_one(text)

    def all_entries(self) -> list[BibEntry]:
        """Entries as they will be after render(), in its order: existing ones (updated), and new
        ones at the end, a child before the entry it names (`_placed`)."""
        before, end = self._placed()
        out = []
        for n, b in enumerate(self.blocks):
            out += [self._appended_entries[k] for k, _ in before.get(n, ()) if k]
            if b.kind == "entry":
                out.append(b.entry)
        return out + [self._appended_entries[k] for k, _ in end if k]

    def _placed(self) -> tuple[dict[int, list[tuple[str, str]]], list[tuple[str, str]]]:
        """Where the texts appended go: ({index of a block of the file: the texts written just
        before it}, the texts at the end). Classic BibTeX reads a crossref's parent only after its
        child, so a new entry naming an entry of the file (crossref, xref, xdata, as kb export bib
        orders them) goes just before it, the @strings added with it before that, and a new entry
        naming another new one before it; the file's own entries stay where they are. Where a
        macro it uses is defined after that entry, it stays at the end."""
        appended = self._appended
        naming = {k: names for k, _ in appended if k and (names := _named_keys(self._appended_entries[k].fields))}
        if not naming:
            return {}, list(appended)
        entries = [b.entry for b in self.blocks if b.kind == "entry"] + list(self._appended_entries.values())
        found = entry_named(entries)
        index = {id(b.entry): n for n, b in enumerate(self.blocks) if b.kind == "entry"}
        new = self._appended_entries
        strings_at = {}                     # @string name -> index of its last block in the file
        for n, b in enumerate(self.blocks):
            if b.kind == "string":
                strings_at[b.name] = n
        added_strings = {b.name for t in (t for k, t in appended if not k and "@" in t)
                         for b in _Scanner(t, self.path).blocks() if b.kind == "string"}
        floor = max((strings_at[m] for k, t in appended if not k or k in naming
                     for m in macros_in_text(t) if m in strings_at and m not in added_strings),
                    default=-1) if strings_at else -1
        anchors: dict[str, int | None] = {}

        def anchor(key: str, seen: frozenset = frozenset()) -> int | None:
            if key in anchors:
                return anchors[key]
            at = None
            for name in naming.get(key, ()):
                other = found(name)
                if other is None or other.key == key:
                    continue
                there = index.get(id(other)) if other.key not in new else \
                    (anchor(other.key, seen | {key}) if other.key not in seen else None)
                if there is not None and there > floor and (at is None or there < at):
                    at = there
            anchors[key] = at
            return at

        before: dict[int, list[tuple[str, str]]] = {}
        end: list[tuple[str, str]] = []
        for k, t in appended:
            at = anchor(k) if k else None
            (before.setdefault(at, []) if at is not None else end).append((k, t))
        if before:      # the @strings added go before the first entry moved up, which may use them
            first = min(before)
            strings = [(k, t) for k, t in end if not k and t.lstrip()[:7].lower() == "@string"]
            end = [item for item in end if item not in strings]
            before[first] = strings + before[first]
        for group in [*before.values(), end]:
            _children_first(group, naming, found)
        return before, end

    def _meta_tail(self) -> int | None:
        """The index of the first of the @Comment{jabref-meta: ...} (and jabref-entrytype) blocks
        that end the file (JabRef's settings and custom types, which it expects last), or None."""
        n = len(self.blocks)
        while n and self.blocks[n - 1].kind == "comment" and _JABREF_META.match(self.text, self.blocks[n - 1].start):
            n -= 1
        return n if n < len(self.blocks) else None

    def render(self) -> str:
        return self.render_with_owned()[0]

    def render_with_owned(self) -> tuple[str, list[tuple[int, int]] | None]:
        """The text to write, and where its `% kb-owned:` lines are in it: what
        BibFile(text).owned_spans() gives, found without reading the text's entries again
        (so the next `kb add` can append to it unread). None where that is not certain:
        an appended text holding such a line."""
        nl = self.newline       # kb's lines end as most of the file's do (a file of \r\n with a few \n)
        ours = _ending_in(nl)
        # (start, end, new text, the length of the kb-owned lines it begins with)
        edits = [(b.start, b.end, b.replacement, 0) for b in self.blocks if b.replacement is not None]
        before, end = self._placed()
        appended = [(ours(t), False) for _, t in end]
        for n, group in before.items():      # just before that block, and the comment lines leading to it
            at = _leading_comments(self.text, self.blocks[n].start, self.blocks[n - 1].end if n else 0)
            edits.append((at, at, ours("\n\n".join(t for _, t in group) + "\n\n"), 0))
        kept = self._owned_lines()                   # outside every entry, as read
        owned_at: list[tuple[int, int]] = []        # (start, end) in the output, for the plain text
        owned_text = ours(self._owned_text) if self._owned_text is not None else None
        if owned_text is not None:
            if kept:         # rewritten where they are
                # the first line becomes the whole list; the others go with their line ends
                edits += [(s, e, owned_text, len(owned_text)) if n == 0 and owned_text
                          else (s, _with_line_end(self.text, e), "", 0) for n, (s, e) in enumerate(kept)]
                kept = []
            else:
                appended.append((owned_text, True))
        if appended and any("kb-owned:" in t for t, owned in appended if not owned):
            owned_at = None
        tail = self._meta_tail() if appended else None
        if tail is not None:        # JabRef's @Comment{jabref-meta: ...} blocks stay last, as JabRef wants them
            at = _leading_comments(self.text, self.blocks[tail].start, self.blocks[tail - 1].end if tail else 0)
            gap = self.text[:at].rstrip(" \t")       # a blank line before the first (of any line ends)
            line = gap[:-2] if gap.endswith("\r\n") else gap[:-1] if gap.endswith(("\n", "\r")) else None
            if gap and (line is None or not line.rstrip(" \t").endswith(("\n", "\r"))):
                edits.append((at, at, nl + nl if line is None else nl, 0))
            edits += [(at, at, t + nl + nl, len(t) if owned else 0) for t, owned in appended]
            appended = []
        out = []
        size = pos = 0
        inserted: list[tuple[int, int]] = []         # output ranges of a new owned text
        spans = iter(kept)
        span = next(spans, None)
        for start, end, replacement, owned in sorted(edits, key=lambda e: (e[0], e[1])):
            while span is not None and span[0] < start:
                if owned_at is not None:
                    owned_at.append((size + span[0] - pos, size + span[1] - pos))
                span = next(spans, None)
            out.append(self.text[pos:start])
            size += start - pos
            if owned:
                inserted.append((size, size + owned))
            out.append(replacement)
            size += len(replacement)
            pos = end
        while span is not None:
            if owned_at is not None:
                owned_at.append((size + span[0] - pos, size + span[1] - pos))
            span = next(spans, None)
        out.append(self.text[pos:])
        text = "".join(out)
        if appended:
            if text and not text.endswith(("\n", "\r")):
                text += nl
            if text.strip():
                text += nl
            size = len(text)
            pieces = [text]
            for n, (t, owned) in enumerate(appended):
                if owned:
                    inserted.append((size, size + len(t)))
                pieces.append(t)
                pieces.append(nl + nl if n < len(appended) - 1 else nl)
                size += len(t) + len(pieces[-1])
            text = "".join(pieces)
        if owned_at is None:
            return text, None
        for lo, hi in inserted:
            owned_at += [m.span() for m in _OWNED.finditer(text, lo, hi)]
        # Each one a whole line as the file's reader finds it, or none are trusted.
        for start, end in owned_at:
            m = _OWNED.match(text, start)
            if m is None or m.end() != end or (start and text[start - 1] not in "\r\n"):
                return text, None
        return text, sorted(owned_at)


def line_end_of(text: str) -> str:
    """The line end most lines of `text` end with: \\n (also where none do, or as many end otherwise),
    \\r\\n or \\r alone."""
    if "\r" not in text:
        return "\n"
    crlf = text.count("\r\n")
    lf, cr = text.count("\n") - crlf, text.count("\r") - crlf
    return max((lf, 2, "\n"), (crlf, 1, "\r\n"), (cr, 0, "\r"))[2]


def _ending_in(nl: str):
    """Text kb made (its lines ending in \\n) with its lines ending in `nl`: a line ending
    otherwise already (of a person's entry kb changed) is kept."""
    if nl == "\n":
        return lambda text: text
    return lambda text: _BARE_LF.sub(nl, text)


_BARE_LF = lazy(r"(?<!\r)\n")


def _leading_comments(text: str, start: int, floor: int) -> int:
    """Where the '%' lines right above offset `start` (no blank line between, none a kb-owned
    line) begin: a person's comment on an entry stays with it; `start` when there are none."""
    line = _line_start(text, start, floor)
    if text[line:start].strip():
        return start                    # the block does not begin its line
    at = line
    while at > floor:
        end = at - 2 if text[at - 2:at] == "\r\n" else at - 1      # the line end above
        prev = _line_start(text, end, floor)
        above = text[prev:at].strip()
        if not above.startswith("%") or above.startswith("% kb-owned:") or (prev and text[prev - 1] not in "\r\n"):
            break                       # (a comment after the last block's end, on its line, stays with it)
        at = prev
    return at


def _named_keys(fields: dict[str, str]) -> list[str]:
    """The keys an entry names as entries whose fields it reads: crossref, xref, xdata."""
    return [k for k in [field_key(fields.get("crossref")), field_key(fields.get("xref"))] +
            key_list(fields.get("xdata")) if k]


def macros_in_text(text: str) -> list[str]:
    """The @string names the values of an entry's (or an @string's) text use."""
    out: list[str] = []
    for b in _Scanner(text, "").blocks() if "@" in text else []:
        if b.entry is not None:
            for raw in b.entry.raw_fields.values():
                out += macros_in(raw)
    return out


def _children_first(group: list[tuple[str, str]], naming: dict[str, list[str]], found) -> None:
    """`group` (keys and texts) reordered in place: an entry naming others of them goes just
    before the first of them (its child before it in turn), the others where they were."""
    where = {k: n for n, (k, _) in enumerate(group) if k}
    if not any(k in naming for k in where):
        return
    placed: dict[str, tuple[int, int]] = {}         # key -> (where its eldest in the group is, depth)

    def place(key: str, seen: frozenset = frozenset()) -> tuple[int, int]:
        if key in placed:
            return placed[key]
        best = (where[key], 0)
        for name in naming.get(key, ()):
            parent = found(name)
            if parent is not None and parent.key != key and parent.key in where and parent.key not in seen:
                at, depth = place(parent.key, seen | {key})
                if at < best[0]:
                    best = (at, depth + 1)
        placed[key] = best
        return best

    def position(n: int) -> tuple[int, int, int]:
        at, depth = place(group[n][0]) if group[n][0] else (n, 0)
        return at, -depth, n

    group[:] = [group[n] for n in sorted(range(len(group)), key=position)]


def keys_listed(lines: list[str]) -> set[str]:
    """The keys `% kb-owned: key, key` lines list."""
    return {k for line in lines for k in re.split(r"[\s,]+", line.split("kb-owned:", 1)[-1]) if k}


def owned_lines(keys: list[str]) -> str:
    """`% kb-owned:` lines listing `keys` in order, each line short."""
    lines, line = [], "% kb-owned:"
    for k in keys:
        if len(line) + len(k) > 78:
            lines.append(line.rstrip(","))
            line = "% kb-owned:"
        line += f" {k},"
    return "\n".join(lines + [line.rstrip(",")])


def _with_line_end(text: str, end: int) -> int:
    """`end` past the line end that follows it, if one does: a line taken out leaves no blank line."""
    return end + _line_end(text, end)


def _line_end(text: str, at: int) -> int:
    """The length of the line end at `at`: \r\n 2, \n or \r alone 1, none 0."""
    return 2 if text.startswith("\r\n", at) else 1 if text[at:at + 1] in ("\n", "\r") else 0


def _lf(text: str) -> str:
    """Text copied from another file (an import) with its lines ending in \\n, as kb writes
    its own: written out, they end as most of references.bib's lines do (BibFile.newline), where an
    entry from a file saved with \\r or \\r\\n kept those inside a file of \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def append_owned(text: str, spans: list[tuple[int, int]], entry: str,
                 owned: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A .bib text with one entry kb wrote added at the end and `owned` listed as kb's, without
    reading its entries: the text BibFile(text) gives after set_entry of a new key, mark_owned
    and render (kb add of a new paper to a file of thousands of entries). `spans`: where
    the text's `% kb-owned:` lines are (BibFile.owned_spans of this text); `owned`: the keys
    to list now, the new one among them. Returns the new text and where its lines are
    (as owned_spans of it gives them: one span a line)."""
    nl = line_end_of(text)
    block = owned_lines(sorted(owned)).replace("\n", nl)
    out, pos = [], 0
    for n, (start, end) in enumerate(spans):       # rewritten where they are, as render() does
        out += [text[pos:start], block if n == 0 else ""]
        pos = end if n == 0 else _with_line_end(text, end)
    out.append(text[pos:])
    new = "".join(out)
    appended = [_ending_in(nl)(entry.strip("\n"))] + ([] if spans else [block])
    if new and not new.endswith(("\n", "\r")):
        new += nl
    if new.strip():
        new += nl
    new += (nl + nl).join(appended) + nl
    at = spans[0][0] if spans else len(new) - len(nl) - len(block)
    lines = []
    for line in block.split(nl):
        lines.append((at, at + len(line)))
        at += len(line) + len(nl)
    return new, lines


def decode(data: bytes, path: str, lenient: bool = False) -> str:
    """UTF-8 (with or without BOM), or UTF-16 or UTF-32 as an editor saved it (with or without its
    byte-order mark: its NUL bytes say which), read as such and written back so (atomic.write_text),
    as a claims file and kb.toml are (claimsfile.decode_toml): one rule for every truth file, where
    references.bib alone was refused; one that does not decode as it is said so. With `lenient`,
    Latin-1 as a fallback for what is not UTF-8."""
    wide = wide_encoding(data) if b"\x00" in data[:200] or data[:2] in (b"\xff\xfe", b"\xfe\xff") else None
    if wide:
        text = decode_wide(data)
        if text is None:
            raise FileFormatError(f"is {wide} kb cannot decode (a byte is missing or out of place), not UTF-8",
                                  path=path, hint="save it as UTF-8")
        return text.removeprefix("\ufeff")
    try:
        return decode_utf8(data)
    except UnicodeDecodeError as exc:
        if lenient:
            return utf8_else_cp1252(data)
        line, byte = undecodable_at(data, exc)
        raise FileFormatError(f"is not UTF-8 ({byte})", path=path, line=line,
                              hint="save it as UTF-8") from None


# -- writing values -----------------------------------------------------------------------

#: a word a title-case style would lowercase and must not: an acronym or a word of inner capitals ('GANs',
#: 'ImageNet'), outside any group and no command's name
_PROTECT_WORD = lazy(r"[A-Za-z]*[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9]*")
#: a word, or words joined by '&' escaped or not ('AT\&T', 'R&D'), outside any group and no command's name
_PROTECT_RE = lazy(r"(?<![{\\\w])([A-Za-z0-9]+(?:\\?&[A-Za-z0-9]+)*)(?![}\w])")


def _protected(m) -> str:
    """A word of _PROTECT_RE braced where BibTeX's title case would change it: an acronym joined by '&' braced
    whole, its '&' inside the braces ('{AT\\&T}', '{R\\&D}', '{Q\\&A}': 'AT&T' was written '{AT}\\&T', which
    plain.bst printed 'AT\\&t', 'R\\&D' 'r\\&d'); else a word of _PROTECT_WORD."""
    word = m.group(1)
    if "&" in word:
        protect = sum(c.isupper() for c in word) >= 2
    else:
        protect = _PROTECT_WORD.fullmatch(word) is not None
    return "{" + word + "}" if protect else word


_MONTH_NAMES = {**{m: m for m in MONTHS}, **{full: full[:3] for full in (
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december")}, **{str(i): m for i, m in enumerate(MONTHS, 1)},
    **{f"{i:02d}": m for i, m in enumerate(MONTHS, 1)}, "sept": "sep"}


def _iso_of(value: str) -> str:
    """A date written as text of one year ('May 2020', 'Spring 2021') as the ISO 8601 biber reads: 2020-05,
    2021 (kb export bib writes it so, the text in note)."""
    year = re.search(r"\d{4}", value).group()
    word = next((_MONTH_NAMES[w.lower().rstrip(".")] for w in re.findall(r"[A-Za-z]+\.?", value)
                 if w.lower().rstrip(".") in _MONTH_NAMES), None)
    return f"{year}-{list(MONTHS).index(word) + 1:02d}" if word else year


def date_disagrees(fields: dict[str, str]) -> list[tuple[str, str, str]]:
    """The year and month an entry writes that say otherwise than its biblatex `date`, as (field, its
    value, the date's): biber reads the date and drops them ('Overwriting field 'year' with year value
    from field 'date''), BibTeX reads them and not the date. Only a date that starts as ISO 8601 does
    (2023, 2023-01, 2023-01-15, a range, an EDTF 2023?), a year of four digits alone and a month that
    names one month are compared (a date biber cannot read it drops with a warning); none: nothing said."""
    date = (fields.get("date") or "").strip()
    m = re.match(r"(\d{4})(?:-(\d{2})(?!\d))?", date)
    if not m or not valid_datum("date", date):      # a date biber cannot read it drops, reading the year
        return []
    out = []
    year = (fields.get("year") or "").strip()
    if re.fullmatch(r"\d{4}", year) and year != m.group(1):
        out.append(("year", year, date))
    month = (fields.get("month") or "").strip()
    macro = _MONTH_NAMES.get(month.lower().rstrip("."))
    if m.group(2) and macro and 1 <= int(m.group(2)) <= 12 and list(MONTHS).index(macro) + 1 != int(m.group(2)):
        out.append(("month", month, date))
    return out


def strip_control(value: str) -> str:
    """Control characters (NUL, terminal escapes, ...) removed; tabs and newlines become spaces."""
    return CONTROL_CHARS.sub("", str(value).replace("\t", " ").replace("\r", " ").replace("\n", " "))


def balance_braces(value: str) -> str:
    """Braces as BibTeX counts them (a backslash escapes nothing): a '}' that closes
    nothing, or a '{' never closed, is written as \\textbraceright{} or
    \\textbraceleft{}, so a value can never end early or swallow what follows; LaTeX's
    escaped one (\\{ never closed) with its backslash, which before the command was a
    line break (\\\\textbraceleft{})."""
    if "{" not in value and "}" not in value:
        return value
    depth, out, opened = 0, [], []
    for ch in value:
        if ch == "{":
            opened.append(len(out))
            depth += 1
            out.append(ch)
        elif ch == "}":
            if depth == 0:
                _unescape(out, len(out))
                out.append("\\textbraceright{}")
            else:
                depth -= 1
                opened.pop()
                out.append(ch)
        else:
            out.append(ch)
    for i in opened:
        _unescape(out, i)
        out[i] = "\\textbraceleft{}"
    return "".join(out)


def _unescape(out: list[str], i: int) -> None:
    """The backslash escaping out[i] (an odd run of them before it) dropped."""
    j = i
    while j > 0 and out[j - 1] == "\\":
        j -= 1
    if (i - j) % 2:
        out[i - 1] = ""


#: Fields biber reads verbatim, and fields of citekeys (biber's entrykey lists): no LaTeX
#: escape is written in them. A key may hold '&' (smith&jones2020): kept in `ids` by kb rename
#: as 'smith\&jones2020', it named no paper, and the old key was lost as an alias.
_VERBATIM = ("url", "doi", "eprint", "file", "pdf", "verba", "verbb", "verbc")
#: a field biber's data model lacks for a type, written as the field of the type that means it
_INSTEAD = {"publisher": ("institution", "howpublished", "organization"), "numpages": ("pagetotal",),
            "articleno": ("eid",)}
KEY_FIELDS = ("ids", "crossref", "xref", "xdata", "entryset", "related")


#: '&', '%' or '#' no backslash escapes: after none, or after an even run of them (\\\\ is a line break, and
#: a '%' after it a comment eating the value's closing brace in LaTeX)
_SPECIAL_RE = lazy(r"(?<!\\)((?:\\\\)*)([&%#])")
#: a command whose argument LaTeX reads verbatim, as a URL: '\\%' in it is a backslash and a '%'
#: (\\href's first argument; its second is text)
_URL_COMMAND_RE = lazy(r"\\(?:url|nolinkurl|path|href|doi)\s*\{")


def _escape_specials(value: str) -> str:
    """'&', '%' and '#' escaped, except in the argument of \\url, \\href (its URL), \\path, \\nolinkurl
    or \\doi, which LaTeX reads verbatim: an escape there would be part of the address."""
    if "\\" not in value or not _URL_COMMAND_RE.search(value):
        return _SPECIAL_RE.sub(r"\1\\\2", value)
    out, pos = [], 0
    for m in _URL_COMMAND_RE.finditer(value):
        if m.start() < pos:
            continue
        depth, end = 1, m.end()
        while end < len(value) and depth:
            depth += {"{": 1, "}": -1}.get(value[end], 0)
            end += 1
        if depth:
            break                       # never closed: the rest is text
        out += [_SPECIAL_RE.sub(r"\1\\\2", value[pos:m.start()]), value[m.start():end]]
        pos = end
    out.append(_SPECIAL_RE.sub(r"\1\\\2", value[pos:]))
    return "".join(out)


def escape_value(name: str, value: str) -> str:
    """Make a plain-text value safe inside {...}: no control characters, LaTeX
    specials escaped, braces balanced as BibTeX counts them, acronyms in titles
    protected from case changes."""
    value = " ".join(strip_control(value).split())
    if name not in _VERBATIM and name not in KEY_FIELDS:
        value = _escape_specials(value)
    value = balance_braces(value)
    if value.endswith("\\"):
        # a backslash closing the value escapes its closing brace for bibtexparser 2 (the file unreadable past
        # it): in an address its %-escape, in text a space after it (LaTeX's control space, a line break's end)
        value = value[:-1] + "%5C" if name in _ADDRESSES else value + " "
    if name == "title" and "{" not in value:
        value = _PROTECT_RE.sub(_protected, value)
    return value


#: a command whose argument LaTeX reads verbatim (an address) or as a key: a '_', '%' or '#' in it is the
#: address's or the key's own, never escaped
_LITERAL_ARG_RE = lazy(r"\\(?:url|nolinkurl|path|href|doi|cite[A-Za-z]*|ref|eqref|autoref|label)\s*\{")
#: what each special does to LaTeX when a .bbl holds it bare
_SPECIAL_HARM = {"&": "Misplaced alignment tab", "%": "a comment to the line's end", "#": "a macro parameter",
                 "_": "Missing $ inserted", "^": "Missing $ inserted", "$": "math to the next '$'"}


def _literal_args(value: str) -> list[tuple[int, int]]:
    """The (start, end) of each argument of _LITERAL_ARG_RE's commands in `value`, braces included."""
    out, pos = [], 0
    for m in _LITERAL_ARG_RE.finditer(value):
        if m.start() < pos:
            continue
        depth, end = 1, m.end()
        while end < len(value) and depth:
            if value[end] == "\\":
                end += 2
                continue
            depth += {"{": 1, "}": -1}.get(value[end], 0)
            end += 1
        if depth:
            break                       # never closed: the rest is text
        out.append((m.end() - 1, end))
        pos = end
    return out


def latex_specials(value: str) -> tuple[str, list[str]]:
    """A field's text as BibTeX holds it (within its delimiters) with each character LaTeX would read as markup
    where the text can only mean the character escaped, as the .bbl needs it: a bare '&' (LaTeX: Misplaced
    alignment tab), '%' (a comment eating the rest of the line and its closing braces) and '#' anywhere; a
    lone '$' (\\$); '_' and '^' outside math ('$...$' when the dollars pair, '\\(...\\)'); nothing in a
    \\url, \\href, \\path, \\doi, \\cite or \\ref argument, nothing after a backslash. Also what it found, in
    the order met ("'&'", "an unpaired '$'"): three or more dollars of an odd count are said and left as
    written (which one is math is not clear), and so are '_' and '^' beside them."""
    if not any(c in value for c in "&%#$_^"):
        return value, []
    literal = _literal_args(value)
    dollars = []
    i = 0
    while i < len(value):
        if value[i] == "\\":
            i += 2
            continue
        if value[i] == "$" and not any(s <= i < e for s, e in literal):
            dollars.append(i)
        i += 1
    pairing = len(dollars) % 2 == 0
    unsure = len(dollars) % 2 == 1 and len(dollars) > 1
    out: list[str] = []
    found: list[str] = []
    math, i = False, 0
    spans = iter(sorted(literal))
    span = next(spans, None)
    while i < len(value):
        if span is not None and i == span[0]:
            out.append(value[span[0]:span[1]])
            i = span[1]
            span = next(spans, None)
            continue
        ch = value[i]
        if ch == "\\":
            nxt = value[i + 1:i + 2]
            if nxt in ("(", "["):
                math = True
            elif nxt in (")", "]"):
                math = False
            m = _COMMAND_NAME.match(value, i + 1)
            end = m.end() if m else i + 2
            out.append(value[i:end])
            i = end
            continue
        what = None
        if ch in "&%#":
            what = f"'{ch}'"
            out.append("\\" + ch)
        elif ch == "$":
            if pairing:
                math = not math
                out.append(ch)
            elif unsure:
                what = "an unpaired '$'"
                out.append(ch)
            else:
                what = "a lone '$'"
                out.append("\\$")
        elif ch in "_^" and not math and not unsure:
            what = f"'{ch}' outside math"
            out.append("\\_" if ch == "_" else "\\textasciicircum{}")
        else:
            out.append(ch)
        if what and what not in found:
            found.append(what)
        i += 1
    return "".join(out), found


def _single_literal(raw: str) -> tuple[int, int] | None:
    """The (start, end) of the text inside `raw`'s delimiters where it is one braced or quoted value (no
    macro, number or '#' concatenation); None otherwise."""
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip()
    if len(body) < 2 or body[0] not in "{\"":
        return None
    depth, i = 0, 0
    close = "}" if body[0] == "{" else "\""
    i = 1
    if close == "}":
        depth = 1
        while i < len(body) and depth:
            if body[i] == "\\":
                i += 2
                continue
            depth += {"{": 1, "}": -1}.get(body[i], 0)
            i += 1
        end = i - 1
    else:
        while i < len(body) and not (body[i] == "\"" and depth == 0):
            if body[i] == "\\":
                i += 2
                continue
            depth += {"{": 1, "}": -1}.get(body[i], 0)
            i += 1
        end = i
    if end != len(body) - 1:
        return None
    return lead + 1, lead + end


def field_specials(name: str, raw: str) -> tuple[str, list[str]]:
    """`raw` (a field as written, delimiters kept) with latex_specials' escapes inside its one braced or quoted
    value, and what they were; a verbatim field (url, doi, file), a key field, a macro or a concatenation
    as written, with nothing found."""
    if name in _VERBATIM or name in KEY_FIELDS:
        return raw, []
    inner = _single_literal(raw)
    if inner is None:
        return raw, []
    escaped, found = latex_specials(raw[inner[0]:inner[1]])
    return raw[:inner[0]] + escaped + raw[inner[1]:], found


def specials_said(found: list[str]) -> str:
    """What latex_specials found, in words: "a bare '&' (LaTeX: Misplaced alignment tab)"."""
    parts = []
    for what in found:
        ch = what.split("'")[1]
        bare = "a bare " + what if what.startswith("'") and "outside" not in what else what
        parts.append(f"{bare} ({_SPECIAL_HARM[ch]})" if ch in _SPECIAL_HARM else bare)
    return ", ".join(parts)

def protect_title(value: str) -> str:
    """A title kb writes from a record (LaTeX, its braces balanced) with what BibTeX's styles would lowercase
    and must not braced: an acronym or a word of inner capitals outside any group ('{GANs}', '{ImageNet}',
    '{CO}\\textsubscript{2}'), as escape_value braces them in a title of no brace, and math holding a capital
    ('{$O(N^2)$}', '{$\\Omega(n)$}': plain.bst wrote '$o(n^2)$'). What is in a group (a command's argument,
    '{Q}') is left as it is: BibTeX changes no case there."""
    if "{" not in value and "$" not in value:
        return _PROTECT_RE.sub(_protected, value)
    out: list[str] = []
    run: list[str] = []
    depth, i, n = 0, 0, len(value)

    def flush() -> None:
        if run:
            out.append(_PROTECT_RE.sub(_protected, "".join(run)))
            run.clear()

    while i < n:
        ch = value[i]
        if ch == "\\":
            m = _COMMAND_NAME.match(value, i + 1)
            end = m.end() if m else min(i + 2, n)
            (run if depth == 0 else out).append(value[i:end])
            i = end
        elif ch == "{" or ch == "}":
            if depth == 0:
                flush()
            depth = max(0, depth + (1 if ch == "{" else -1))
            out.append(ch)
            i += 1
        elif ch == "$" and depth == 0:
            end = i + 1
            while end < n and value[end] != "$":
                end += 2 if value[end] == "\\" else 1
            if end >= n:                # a '$' of no pair (record_text escapes them): the rest as it is
                flush()
                out.append(value[i:])
                break
            flush()
            math = value[i:end + 1]
            out.append("{" + math + "}" if re.search(r"[A-Z]", math) else math)
            i = end + 1
        elif depth == 0:
            run.append(ch)
            i += 1
        else:
            out.append(ch)
            i += 1
    flush()
    return "".join(out)


_ADDRESSES = ("url", "pdf", "doi", "eprint")


def _delimited_as(held: str, written: str) -> str:
    """A braced value kb writes in place of `held`, delimited as the person wrote that: in quotes
    where `held` was and no '"' stands outside braces in it (ids = "old2,old3" became {old2, old3, b2020}),
    bare where `held` was a bare number and it is one (year = 2021)."""
    if not (written.startswith("{") and written.endswith("}")):
        return written          # a month macro
    inner = written[1:-1]
    if held.isdigit() and inner.isdigit():
        return inner
    if held.startswith('"') and held.endswith('"') and len(held) > 1:
        depth = 0
        for c in inner:
            depth += (c == "{") - (c == "}")
            if c == '"' and depth == 0:
                return written
        return '"' + inner + '"'
    return written


def bib_value(name: str, value: str) -> str:
    """A value as written after `name =`: a month as BibTeX's macro (`jul`), else braced."""
    if name == "month":
        month = _MONTH_NAMES.get(strip_control(value).strip().lower().rstrip("."))
        if month:
            return month
    return "{" + escape_value(name, value) + "}"


#: Commands a record's text may keep (arXiv's TeX, Crossref's `$\alpha$`): accents, letters, fonts and
#: math that print text. Any other (\input, \write18, \csname, \def, \@...) is the record's text, never a
#: command: written \textbackslash{} and its name, so LaTeX prints it and kb shows it as the record has it.
RECORD_COMMANDS = frozenset((
    "u v H c d b t r k ss o O ae AE oe OE aa AA l L i j dag ddag S P copyright pounds "
    "textbf textit textsl textsc textrm textsf texttt textup textmd textnormal emph em it bf rm sc sf tt sl "
    "mathrm mathbf mathit mathcal mathbb mathsf mathtt mathfrak boldsymbol bm operatorname text mbox "
    "ensuremath textsuperscript textsubscript cdot times pm mp div le leq ge geq ne neq approx sim simeq "
    "equiv propto infty partial nabla sum prod int oint ell hbar Re Im aleph forall exists in notin subset "
    "subseteq supset supseteq cup cap emptyset wedge vee neg to rightarrow leftarrow Rightarrow Leftarrow "
    "leftrightarrow mapsto gets uparrow downarrow ldots dots cdots vdots ast star circ bullet prime mid vert "
    "langle rangle lfloor rfloor lceil rceil log ln exp sin cos tan sinh cosh tanh min max lim sup inf det "
    "arg deg dim ker gcd Pr sqrt frac dfrac tfrac binom overline underline hat bar tilde vec dot ddot "
    "widehat widetilde left right big Big quad qquad textbackslash textbraceleft textbraceright "
    "textasciitilde textasciicircum textunderscore textendash textemdash textquoteleft textquoteright "
    "textquotedblleft textquotedblright textdegree textregistered texttrademark textcopyright textellipsis "
    "textgreater textless textbar LaTeX TeX BibTeX ce "
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi "
    "rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma "
    "Upsilon Phi Psi Omega").split())
#: control symbols a record's text may keep: accents, escaped specials, math spacing, a discretionary hyphen
_RECORD_SYMBOLS = frozenset("'`^\"~=.&%#$_,;:!-/")
#: invisible characters that change how the text around them shows (a byte order mark, bidirectional
#: embeddings, overrides and isolates: an override left open turns the rest of a terminal's line), and
#: lone surrogates (no character at all)
_RECORD_INVISIBLE = lazy("[\ufeff\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _record_dollars(value: str) -> bool:
    """Whether the unescaped '$' of `value` pair up as math (`$\\alpha$-stable`): an even count and no '$$'."""
    count, i = 0, 0
    while i < len(value):
        if value[i] == "\\":
            i += 2
            continue
        if value[i] == "$":
            if value.startswith("$$", i):
                return False
            count += 1
        i += 1
    return count % 2 == 0


def _groups_after(value: str, i: int) -> set[int]:
    """The positions of the braces of the groups right after `i` (a number first: \\write18{...}),
    as BibTeX counts them."""
    out: set[int] = set()
    while i < len(value) and value[i].isdigit():
        i += 1
    while value[i:i + 1] == "{":
        depth = 0
        for j in range(i, len(value)):
            depth += {"{": 1, "}": -1}.get(value[j], 0)
            if not depth:
                out |= {i, j}
                break
        else:
            return out
        i = j + 1
    return out


def record_text(value: str, *, tex: bool = False, plain_braces: bool = False) -> str:
    """A text value from a network record (an arXiv or Crossref title, name, journal) as BibTeX that every
    reader reads as that text and LaTeX prints without running it: a backslash that begins no command kb
    reads as text (RECORD_COMMANDS, latex.known_command: a trailing or lone one, \\input, \\write18,
    \\csname) is \\textbackslash{} and the groups after it braces; an escaped brace \\textbraceleft{} or
    \\textbraceright{}; a '$' that pairs with none \\$; '_', '^' and '~' outside math the characters they
    are (a '^^' inside it, TeX's way to spell any character, split); invisible formatting dropped. '&', '%',
    '#' and unbalanced braces are escape_value's, as for every value.
    `tex`: the value is BibTeX already (doi.org's answer, read by kb's reader): only its commands are
    judged, and a backslash closing it; its braces, math, '_' and '~' are LaTeX's.
    `plain_braces`: a brace outside math and a command's arguments is the character (Crossref's JSON: its
    '{0,1}-matrices' was shown '0,1-matrices')."""
    # control characters first: one left between letters would join them into a command once removed
    value = " ".join(_RECORD_INVISIBLE.sub("", strip_control(value.replace("\u2028", " ").replace("\u2029", " ")))
                     .split())
    if tex and "^^" in value:
        value = _CARETS.sub("^{}", value)      # TeX reads ^^5c as a backslash: \\input spelt so
    if not any(c in value for c in ("\\" if tex else "\\$_^~{}" if plain_braces else "\\$_^~")):
        return value
    math_ok = not tex and "$" in value and _record_dollars(value)
    out, i, math, literal, grouping = [], 0, False, set(), set()
    while i < len(value):
        ch = value[i]
        if ch == "\\":
            m = _COMMAND_NAME.match(value, i + 1)
            nxt = value[i + 1:i + 2]
            if m and (m.group(0) in RECORD_COMMANDS or known_command(m.group(0))):
                out.append("\\" + m.group(0))
                i = m.end()
                if plain_braces and not math:
                    grouping |= _groups_after(value, i)
            elif m:             # a command kept as text: so is the group after it (\input{x} shown as that)
                out.append("\\textbackslash{}" + m.group(0))
                i = m.end()
                literal |= _groups_after(value, i)
            elif nxt and tex:   # LaTeX's control symbols: \{, \\, \' ...
                out.append("\\" + nxt)
                i += 2
            elif nxt == "\\":    # two, as _record_dollars counts them: a '$' after them is no escaped one
                out.append("\\textbackslash{}\\textbackslash{}")
                i += 2
            elif nxt in ("{", "}"):     # math's own (balance_braces judges it), else the character
                out.append("\\" + nxt if math else "\\textbraceleft{}" if nxt == "{" else "\\textbraceright{}")
                i += 2
            elif nxt and nxt in _RECORD_SYMBOLS:
                out.append("\\" + nxt)
                i += 2
            else:
                out.append("\\textbackslash{}")
                i += 1
            continue
        if i in literal or (plain_braces and ch in "{}" and not math and i not in grouping):
            out.append("\\textbraceleft{}" if ch == "{" else "\\textbraceright{}")
        elif tex:
            out.append(ch)
        elif ch == "$":
            if math_ok:
                math = not math
                out.append(ch)
            else:
                out.append("\\$")
        elif math:
            out.append("^{}" if value.startswith("^^", i) else ch)
        elif ch == "_":
            out.append("\\_")
        elif ch == "^":
            out.append("\\textasciicircum{}")
        elif ch == "~":
            out.append("\\textasciitilde{}")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


_COMMAND_NAME = lazy(r"[A-Za-z]+")
_CARETS = lazy(r"\^(?=\^)")


#: TeX's commands that run a program, read or write a file, or remake what TeX reads: \write18 runs a shell
#: (under --shell-escape), \input{/etc/passwd} prints a file, \csname makes any command of a name, \def and
#: \catcode remake the rest. No work's text is one; a person's own macros (\ours, \SI) are not among them.
TEX_HAZARDS = frozenset((
    "input include InputIfFileExists IfFileExists endinput write immediate openin openout read readline closein "
    "closeout csname endcsname def edef gdef xdef let futurelet catcode lccode uccode expandafter noexpand "
    "newcommand renewcommand providecommand DeclareRobustCommand newenvironment renewenvironment makeatletter "
    "scantokens everyeof special directlua latelua pdfshellescape usepackage RequirePackage documentclass "
    "verbatiminput lstinputlisting includegraphics").split())
#: a command's name after its backslash, a control symbol (an escaped backslash, '\\input', is none), or TeX's
#: '^^' (its spelling of any character: '^^5cinput' is \input)
_HAZARD_RE = lazy(r"\\(?:([A-Za-z@]+)|.)|\^\^")


def tex_hazard(value: str) -> str | None:
    """The first of TEX_HAZARDS `value` holds ('\\write18'), or '^^'; None where it holds none."""
    if "\\" not in value and "^^" not in value:
        return None
    for m in _HAZARD_RE.finditer(value):
        if m.group(0) == "^^":
            return "^^"
        if m.group(1) in TEX_HAZARDS:
            return "\\" + m.group(1)
    return None


def defused(value: str) -> str:
    """`value` with each of TEX_HAZARDS written as the text it is (\\textbackslash{} and its name: LaTeX prints
    '\\input', runs nothing) and TeX's '^^' split ('^{}^'); anything else as written."""
    def one(m: re.Match) -> str:
        if m.group(0) == "^^":
            return "^{}^"
        return "\\textbackslash{}" + m.group(1) if m.group(1) in TEX_HAZARDS else m.group(0)
    return _HAZARD_RE.sub(one, value)


def _ordered(fields: dict[str, str]) -> list[tuple[str, str]]:
    rank = {name: i for i, name in enumerate(FIELD_ORDER)}
    return sorted(fields.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))


#: a range of one number (Crossref's volume '38-38', issue '3--3')
_ONE_NUMBER_RANGE = lazy(r"\s*(\d+)\s*(?:-+|\u2013|\u2014)\s*(\d+)\s*")
#: a month with its days (ACL's 'May 2 - May 7', 'June 6-11', 'Nov. 16--20', 'July 28 - August 2')
_MONTH_DAYS = lazy(r"\s*([A-Za-z]+)\.?\s+(\d{1,2})(?:\s*(?:-+|\u2013|\u2014|to)\s*(?:([A-Za-z]+)\.?\s+)?(\d{1,2}))?"
                   r"\s*")


def _numbers_and_month(entry_type: str, fields: dict[str, str]) -> dict[str, str]:
    """kb's own volume and number of one number written as it (Crossref's '38-38': biber reads no integer), and
    a month with days as its month, the days in an @inproceedings' eventdate (2004-05-02/2004-05-07, as
    biblatex has a conference's dates) or in note ('May 2 - May 7': no month biber or BibTeX reads); a month
    naming none left as it is. A real range ('38-39') as written."""
    out = dict(fields)
    for name in ("volume", "number"):
        m = _ONE_NUMBER_RANGE.fullmatch(str(out.get(name) or ""))
        if m and int(m.group(1)) == int(m.group(2)):
            out[name] = m.group(1)
    month = " ".join(str(out.get("month") or "").split())
    if not month or _MONTH_NAMES.get(month.lower().rstrip(".")):
        return out
    m = _MONTH_DAYS.fullmatch(month)
    first = _MONTH_NAMES.get(m.group(1).lower()) if m else None
    last = _MONTH_NAMES.get((m.group(3) or m.group(1)).lower()) if m else None
    if not (first and last and first.isalpha() and last.isalpha()):
        return out
    out["month"] = first
    year = str(out.get("year") or "").strip()
    months = list(MONTHS)
    start = (months.index(first) + 1, int(m.group(2)))
    end = (months.index(last) + 1, int(m.group(4) or m.group(2)))
    if re.fullmatch(r"\d{4}", year) and valid_field(entry_type, "eventdate") and not out.get("eventdate") \
            and all(1 <= day <= 31 for _, day in (start, end)) and start <= end:
        out["eventdate"] = f"{year}-{start[0]:02d}-{start[1]:02d}" + (
            f"/{year}-{end[0]:02d}-{end[1]:02d}" if end != start else "")
    else:
        note = str(out.get("note") or "").rstrip()      # a person's note as written, the days after it
        out["note"] = (note + (" " if note.endswith((".", ";", ",")) else "; ") if note else "") + month
    return out


def fit_model(entry_type: str, fields: dict[str, str]) -> dict[str, str]:
    """kb's own fields made valid for the entry type in biber's data model: an arXiv
    version that the type has no field for goes into `eprint` (2104.10350v3),
    arXiv's journal reference into `note`, a publisher into the field the type has for it (a
    report's institution, a @misc's howpublished: _INSTEAD, as kb export bib shapes an entry); other
    fields the type does not take are left out."""
    out = {}
    fields = _numbers_and_month(entry_type, {name.lower(): value for name, value in fields.items()})
    given = {name.lower() for name, value in fields.items() if value}
    for name, value in fields.items():
        name = name.lower()
        if valid_field(entry_type, name):
            out[name] = value
        elif name == "journal-ref" and not fields.get("note"):
            out["note"] = value
        elif (instead := next((other for other in _INSTEAD.get(name, ()) if valid_field(entry_type, other)
                               and not ({other, "school"} if other == "institution" else {other}) & given), None)):
            # (Crossref's publisher of a report was dropped: the report written with no institution)
            out[instead] = value
    version = str(fields.get("version") or "").strip().lstrip("v")
    if "version" not in out and version.isdigit() and out.get("eprint") \
            and not re.search(r"v\d+$", out["eprint"]):
        out["eprint"] = f"{out['eprint']}v{version}"
    return out


def render_entry(key: str, entry_type: str, fields: dict[str, str], *, fit: bool = True,
                 empty: bool = False) -> str:
    """A new entry kb writes: fields in kb's order (valid for its type in biber's
    data model unless `fit` is off), values escaped, months as macros; with `empty`, a field of
    no value too (a person's entry kb writes again: `note = {}` is theirs)."""
    if fit:
        fields = fit_model(entry_type, fields)
    lines = [f"@{entry_type}{{{key},"]
    for name, value in _ordered({k: v for k, v in fields.items() if v or empty}):
        lines.append(f"  {name} = {bib_value(name, value)},")
    return "\n".join(lines) + "\n}\n"


_ENTRY_HEAD = lazy(r"@\s*[^\s\"#%'(),={}]+\s*[{(]\s*")       # `@type{`: _IDENT, as the scanner reads it


def rekeyed(text: str, old: str, new: str) -> str:
    """An entry's text with its key `old` written `new`: the key where BibTeX reads it, after
    `@type{`, never the first place the text holds those letters (the key 'a' is in '@article',
    'in' in a title: an import filing an entry under a key of its own wrote the new key into
    its title, and left the taken key, twice in references.bib)."""
    for m in _ENTRY_HEAD.finditer(text):
        if _in_comment_line(text, m.start()):
            continue
        after = text[m.end():m.end() + len(old) + 1]
        if after[:len(old)] == old and (len(after) == len(old) or after[-1] in " \t\r\n,{}()"):
            return text[:m.end()] + new + text[m.end() + len(old):]
    raise ValueError(f"no entry keyed {old!r} in the text")


def parse_entries(text: str, source: str = "<bibtex>") -> list[tuple[str, str, dict[str, str]]]:
    """(entry_type, key, fields) of every entry in a BibTeX string."""
    return [(e.entry_type, e.key, e.fields) for e in BibFile(text, source).entries()]


# -- Zotero and JabRef file fields ----------------------------------------------------------

def _split_unescaped(value: str, sep: str) -> list[str]:
    """Split on `sep` where no backslash escapes it; escapes are kept."""
    parts, cur, i = [], [], 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            cur.append(value[i:i + 2])
            i += 2
            continue
        if c == sep:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    parts.append("".join(cur))
    return parts


#: A path on a Windows drive ('C:/Users/me/x.pdf', 'C:\\Users\\...'), as Zotero and Mendeley on Windows write it.
WINDOWS_PATH = lazy(r"[A-Za-z]:[\\/]")


#: JabRef's folder of a library's files, `@Comment{jabref-meta: fileDirectory:pdfs;}` (or its
#: user's, `fileDirectory-me-host:`), `\:` and `\\` escaped: its file fields' paths are relative to it.
_JABREF_FILE_DIRECTORY = lazy(r"@\s*comment\s*\{\s*jabref-meta:\s*fileDirectory(?:-[^:\s]*)?:((?:[^;\\}]|\\.)*);",
                              re.IGNORECASE)


def file_directories(text: str, base: Path) -> list[Path]:
    """The folders JabRef's settings at the end of a .bib file (`text`, in folder `base`) name
    for its files, relative to `base` where not absolute; a Windows drive's elsewhere is none."""
    if "jabref-meta" not in text:
        return []
    out = []
    for m in _JABREF_FILE_DIRECTORY.finditer(text):
        name = re.sub(r"\\(.)", r"\1", m.group(1)).strip()
        if name and not (os.name != "nt" and WINDOWS_PATH.match(name)):
            path = Path(name).expanduser()
            out.append(path if path.is_absolute() else base / path)
    return out


class FileName(NamedTuple):
    """One file a `file` field names: the path kb reads (`path`), the name as the field writes it
    (`written`), and every place kb looked for it (`looked`; `path` is one of them)."""
    path: Path
    written: str
    looked: tuple[Path, ...]


#: LaTeX's accents as Mendeley writes them in a file field's name ('T{\"{u}}ring', 'Na{\"{i}}ve', '{\'{e}}'),
#: each as its combining mark; those of one letter take a braced letter or one after a space.
_ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
            "r": "\u030a", "d": "\u0323", "b": "\u0331"}
#: LaTeX's letters a file field's name may write ('{\o}', '{\ss}', '\i' under an accent).
_LETTERS = {"o": "ø", "O": "Ø", "ss": "ß", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
            "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ",
            "NG": "Ŋ", "dj": "đ", "DJ": "Đ", "textasciitilde": "~", "textunderscore": "_"}
_ACCENTED = lazy(r"\s*\{\s*(\\[ij]|[A-Za-z])\s*\}|\s*([A-Za-z])")
_ACCENTED_WORD = lazy(r"\s*\{\s*(\\[ij]|[A-Za-z])\s*\}|\s+([A-Za-z])")


def _latex_file_name(name: str) -> str | None:
    """A file field's name with the LaTeX Mendeley writes in it read as the characters it stands for
    (accents, '{\\o}', '\\_', '\\&', '\\%', braces dropped), or None where it writes what names no file
    kb could say (another command, an accent on nothing): the name as written is then the only one.
    '\\i' under an accent is 'i' ('{\\"{\\i}}' is 'ï')."""
    out, i, n = [], 0, len(name)
    while i < n:
        c = name[i]
        if c in "{}":
            i += 1
            continue
        if c != "\\" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        m = re.match(r"[A-Za-z]+", name[i + 1:])
        command = m.group() if m else name[i + 1]
        j = i + 1 + len(command)
        if command in _ACCENTS:
            rest = (_ACCENTED_WORD if m else _ACCENTED).match(name, j)
            if rest is None:
                return None
            letter = next(g for g in rest.groups() if g)
            out.append(unicodedata.normalize("NFC", letter.lstrip("\\") + _ACCENTS[command]))
            i = rest.end()
        elif m and command in _LETTERS:
            out.append(_LETTERS[command])
            i = j + (2 if name[j:j + 2] == "{}" else 1 if name[j:j + 1] == " " else 0)
        elif not m and not command.isalnum() and not command.isspace():
            out.append(command)         # '\_', '\&', '\%', '\$', '\#', '\{', '\\'
            i = j
        else:
            return None
    return "".join(out)


#: A file's address (RFC 8089: 'file:///home/me/My%20Paper.pdf', 'file://localhost/...', 'file:/x.pdf',
#: 'file:///C:/Users/me/x.pdf'): its path.
_FILE_URI = lazy(r"(?i)file:(?://(?:localhost)?(?=/))?(/[^?#]*)$")


def _uri_path(name: str) -> str | None:
    """The path a file's address names, each %XX read as the UTF-8 byte it escapes, or None where `name`
    is no file address or escapes what is no UTF-8."""
    m = _FILE_URI.match(name)
    if m is None:
        return None
    from urllib.parse import unquote

    try:
        path = unquote(m.group(1), errors="strict")
    except UnicodeDecodeError:
        return None
    if "\0" in path:
        return None
    return path[1:] if re.match(r"/[A-Za-z]:[\\/]", path) else path


def _spellings(names: list[str]) -> list[str]:
    """The names a file field's name may be read as, in order: each as read, then in Unicode's composed and
    decomposed forms (a macOS file's name is decomposed, 'Müller' as 'u' and U+0308; a library's export
    composes it, or the other way)."""
    out = list(names)
    if not all(x.isascii() for x in names):
        out += [unicodedata.normalize(form, x) for x in names for form in ("NFC", "NFD")]
    return list(dict.fromkeys(out))


def file_paths(value: str, base: Path, folders: list[Path] | tuple = ()) -> list[Path]:
    """The files a `file` field names (file_names), each as the path kb reads."""
    return [f.path for f in file_names(value, base, folders)]


def file_names(value: str, base: Path, folders: list[Path] | tuple = ()) -> list[FileName]:
    """The files a `file` field names, relative to the .bib file's folder: Zotero's
    and JabRef's `Description:path:type;...` (`\\:` and `\\;` escaped) or a plain path.
    Mendeley writes the backslash of an escaped colon as LaTeX's `$\\backslash$`
    (`:C$\\backslash$:/Users/me/x.pdf:pdf` is C:/Users/me/x.pdf) and an absolute path
    without its leading '/' (`:home/me/x.pdf:pdf`): such a name is taken from the root
    where the .bib file's folder holds no file of it. A path on a Windows drive is kept as
    written (WINDOWS_PATH), elsewhere than on Windows: it names no file here. A relative name
    the .bib file's folder holds no file of is looked for in `folders` (file_directories).
    Each with the name as written and the places looked (a missing file is said so: the .bib
    file's folder, JabRef's folders and the root, not the first alone). A name is looked for as
    written first, then as else spelled (_spellings): with Mendeley's LaTeX read ('T{\\"{u}}ring -
    1950.pdf' is 'Türing - 1950.pdf', '\\_' is '_'), composed or decomposed; a file's address
    ('file:///home/me/My%20Paper.pdf') as the path it names."""
    if not value:
        return []
    value = value.replace("$\\backslash$", "\\")
    out = []
    for item in _split_unescaped(value, ";"):
        item = item.strip()
        parts = _split_unescaped(item, ":")
        raw = item if _FILE_URI.match(item) or len(parts) < 3 else ":".join(parts[1:-1]).strip()
        name = re.sub(r"\\(.)", r"\1", raw).strip()
        if not name:
            continue
        decoded = (_latex_file_name(raw) or "").strip() if "\\" in raw else None     # Mendeley's LaTeX
        written = raw if decoded and decoded != name else name     # said as the field writes it
        forms = [name, decoded] if decoded else [name]
        uri = [path for path in map(_uri_path, forms) if path is not None]
        if uri:         # 'file:///home/me/My%20Paper.pdf': the path it names, nothing else
            forms = uri[:1]
        said = forms[-1]        # the name as a person reads it, in what kb says
        spellings = _spellings(forms)
        if os.name != "nt" and WINDOWS_PATH.match(said):
            windows = Path(said.replace("\\", "/"))     # a Windows library's: kb import says so
            out.append(FileName(windows, written, (windows,)))
            continue
        paths = [Path(x).expanduser() for x in spellings]
        said = Path(said).expanduser()
        if paths[0].is_absolute():
            held = next((p for p in paths if p.is_absolute() and os.path.lexists(p)), said)
            out.append(FileName(held, written, (said,)))
            continue
        looked = (base / said, *(folder / said for folder in folders), Path("/") / said)
        if (base / paths[0]).exists():
            out.append(FileName(base / paths[0], written, looked))
            continue
        # the name as written beside the .bib file, then as else spelled there, in JabRef's folders, from the root
        wheres = [base / p for p in paths[1:]] + [folder / p for folder in folders for p in paths] + \
            [Path("/") / p for p in paths]
        held = next((where for where in wheres if where.is_file()), None)
        out.append(FileName(held if held is not None else base / said, written, looked))
    return out


# -- the second reading ---------------------------------------------------------------------

#: A month macro as pybtex spells it out (BibTeX's styles too: `jun` is "June"), where kb's
#: reading writes its three letters ("Jun"): `month = jun # "~25--29"`, `note = "Accepted " # jun`.
_MONTH_SPELLED = lazy(r"\b(?:January|February|March|April|June|July|August|September|October|November|December)\b")


def _comparable(name: str, value: str) -> str:
    """A value as the two readings are compared: white space collapsed, a month macro as its
    three letters wherever it was expanded (the readings spell it out differently)."""
    value = " ".join(value.split())
    if name == "month":
        month = _MONTH_NAMES.get(value.lower().rstrip("."))
        if month is not None:
            return month
    value = _MONTH_SPELLED.sub(lambda m: m.group()[:3], value)
    return value.lower() if name == "month" else value


# -- two entries of one paper -------------------------------------------------------------------

#: Fields holding BibTeX name lists: 'Vaswani, Ashish' and 'Ashish Vaswani' are one name.
_NAME_LISTS = frozenset("author editor editora editorb editorc translator bookauthor annotator commentator "
                        "introduction foreword afterword holder".split())
_DASHES = lazy(r"\s*[-\u2010-\u2015]+\s*")


#: Fields an exporter writes about its own record of the work, never about the work: when it was added
#: or changed (JabRef's timestamp, creationdate; DBLP's timestamp; BibDesk's date-added), where the record
#: is (DBLP's biburl, bibsource; BibSonomy's hashes), who keeps it (JabRef's owner). Two libraries' records
#: of one paper hold each its own: nothing an import of one says against references.bib.
BOOKKEEPING = frozenset("timestamp biburl bibsource owner creationdate modificationdate date-added date-modified "
                        "added-at interhash intrahash".split())
#: A character an address may hold that LaTeX must escape ('\\_', '{\\_}', '\\%', '\\&', '\\#', '\\~', '\\$'), as
#: Mendeley and hand-written files escape them in a url field: an address holds no backslash (RFC 3986), so each is
#: the character
_URL_ESCAPE = lazy(r"\{\\([_%&#~$])\}|\\([_%&#~$])(?:\{\})?")
_URL_WRAPPED = lazy(r"\\url\{([^{}\s]*)\}")


def url_of_field(value: str) -> str:
    """A url field's address as a reader follows it: LaTeX's escapes of the characters an address holds read as
    those characters ('https://a.org/x\\_y\\%20z' is 'https://a.org/x_y%20z'), a field written as
    '\\url{...}' its argument, the address trimmed."""
    text = value.strip()
    wrapped = _URL_WRAPPED.fullmatch(text)
    text = wrapped.group(1) if wrapped else text
    return _URL_ESCAPE.sub(lambda m: m.group(1) or m.group(2), text)


#: Fields holding a web address.
_ADDRESSES = frozenset("url".split())


def _address(value: str) -> str:
    """A web address as the server reads it: each %XX escape of a character an address may
    hold as it is read as that character (Crossref's 'https://doi.org/10.1007%2Fs00422...' is
    'https://doi.org/10.1007/s00422...'), the scheme and host in any case, http as https."""
    value = _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)) if chr(int(m.group(1), 16)) in _SAFE_ESCAPED
                         else m.group().upper(), value.strip())
    m = re.match(r"(?i)https?://([^/?#]*)", value)
    return "https://" + m.group(1).lower() + value[m.end():] if m else value


_ESCAPED = lazy(r"%([0-9A-Fa-f]{2})")
#: Characters an address means alike escaped or not (RFC 3986's unreserved, and '/' and ':' that DOI
#: resolvers read in a DOI either way).
_SAFE_ESCAPED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/:")


def _meaning(name: str, value: str):
    """What a value says, as a person reads it: names in any order and spelling of their
    braces, a DOI as a DOI, a month as its macro, text without LaTeX, case or kind of dash."""
    if name in _NAME_LISTS:
        names, others = parse_names(value)
        return [(n.literal or n.family).casefold() + "|" + re.sub(r"[\W_]", "", n.given.casefold())
                for n in names], others
    if name == "doi" and doi_of_field(value):
        return doi_of_field(value)
    if name in _ADDRESSES:
        return _address(value)
    if name == "month":
        return _comparable(name, latex_to_text(value))
    return _DASHES.sub("-", latex_to_text(value)).casefold()


def _names_less(ours: str, theirs: str) -> bool:
    """Whether name list `theirs` names the people of `ours` with less, as another exporter
    writes them: a given name by its initials or without its middle names (ACL's 'Traum, David'
    of DBLP's 'David R. Traum', IEEE's 'A. Smith' of 'Smith, Alice'), 'and others' for the names
    `ours` goes on with (Google Scholar's 'Patterson, David and ... and others'). Nothing there to
    take; `ours` saying less is said (their 'Smith, John' is more than our 'Smith, J.')."""
    def keyed(value: str):
        names, others = parse_names(value)
        return [((n.literal or n.family).casefold(), re.findall(r"[^\W\d_]+", n.given.casefold()))
                for n in names], others

    (a, a_more), (b, b_more) = keyed(ours), keyed(theirs)
    if len(b) < len(a) and b_more:
        a = a[:len(b)]
    elif len(a) != len(b) or a_more != b_more:
        return False
    return bool(a) and all(fa == fb and len(gb) <= len(ga) and all(y == x or len(y) == 1 and x[0] == y
                                                                   for x, y in zip(ga, gb))
                           for (fa, ga), (fb, gb) in zip(a, b))


def _plainly(value: str) -> str:
    """A value without braces, case, kind of dash or runs of white space: most values two
    exporters write otherwise read alike so, without reading their LaTeX."""
    return _DASHES.sub("-", " ".join(value.replace("{", "").replace("}", "").split())).casefold()


def same_value(name: str, ours: str, theirs: str) -> bool:
    """Whether two values of field `name` (macros resolved) say the same: an entry imported
    again for a paper kb holds is compared so, and where they differ kb says so, never
    taking either in silence ('{BERT}: {Pre}-training' is DBLP's '{BERT:} Pre-training',
    '4171--4186' is '4171-4186'; '4171--4187' is not). Names `theirs` writes with less (initials,
    'and others' for names `ours` lists) are ours: nothing to take (_names_less)."""
    if ours == theirs or (name not in _NAME_LISTS and _plainly(ours) == _plainly(theirs)):
        return True
    if name == "eprint" and _unversioned_of(ours, theirs):
        return True
    if name not in _NAME_LISTS and len(ours) + len(theirs) > 4000:
        return False        # an abstract: its LaTeX read only to compare would cost more than the import
    return _meaning(name, ours) == _meaning(name, theirs) or name in _NAME_LISTS and _names_less(ours, theirs)


def _unversioned_of(ours: str, theirs: str) -> bool:
    """Whether eprint `theirs` names the arXiv paper `ours` names, without its version: it says less, nothing
    else ('2206.10883' of references.bib's '2206.10883v3', which every re-import of a library exported before kb
    filed v3 was said to differ from; '2206.10883v2', or another paper, still differs)."""
    a, b = (parse_arxiv(v.strip().removeprefix("arXiv:").removeprefix("arxiv:")) for v in (ours, theirs))
    return a is not None and b is not None and a.id == b.id and b.version is None


#: Fields whose letter case readers print as written (biblatex, and BibTeX styles that keep a title's case):
#: two values of one of them that same_value reads alike but in case differ all the same.
_CASED = frozenset("title subtitle titleaddon shorttitle booktitle booksubtitle booktitleaddon maintitle "
                   "mainsubtitle journal journaltitle journalsubtitle issuetitle eventtitle series".split())


def case_apart(name: str, ours: str, theirs: str) -> bool:
    """Whether two values of field `name` that same_value reads as one differ in letter case,
    in a field whose case is printed ('Energy and policy' and 'Energy and Policy': a re-import
    of an entry whose title was recased in Zotero, or in references.bib by hand). Braces kept
    or moved ('{BERT}: {Pre}-training', '{BERT:} Pre-training') are no difference."""
    if name not in _CASED or ours == theirs:
        return False
    a, b = (_DASHES.sub("-", " ".join(v.replace("{", "").replace("}", "").split())) for v in (ours, theirs))
    if a == b:
        return False
    if "\\" in ours + theirs or "$" in ours + theirs:
        a, b = (_DASHES.sub("-", latex_to_text(v)) for v in (ours, theirs))
    return a != b and a.casefold() == b.casefold()


def cross_check(bib: BibFile) -> None:
    """Read the text again with pybtex, a second BibTeX implementation, and raise
    FileFormatError naming the file, line and field where it reads an entry
    differently from kb's reader (a value cut short, a field lost)."""
    if bib.by_key:
        compare_reading(bib, pybtex_reading(second_reading_text(bib)))


def second_reading_text(bib: BibFile) -> str:
    """The text pybtex reads: '%' comments between entries blanked to their line's end (pybtex
    would take an '@' in them for an entry), every offset and line kept."""
    text, pieces, pos = bib.text, [], 0
    if "%" in text:
        for block in bib.blocks:
            pieces += [re.sub(r"%[^\r\n]*", lambda m: " " * len(m.group()), text[pos:block.start]),
                       text[block.start:block.end]]
            pos = block.end
        text = "".join(pieces) + re.sub(r"%[^\r\n]*", lambda m: " " * len(m.group()), text[pos:])
    if bib.comments:        # inside an entry, read as biber reads them: pybtex refuses them
        pieces, pos = [], 0
        for start, end in bib.comments:
            pieces += [text[pos:start], " " * (end - start)]
            pos = end
        text = "".join(pieces) + text[pos:]
    return text


def pybtex_reading(text: str) -> dict:
    """pybtex's reading of `text`, as plain data (it may be made in another process):
    {"error": (message, line)} or {"entries": {key (lower case): {field (lower case): value}}}.
    Names are read as plain fields: compared as text, and without pybtex's name
    parsing, which costs as much as the rest of its reading."""
    from pybtex.database.input.bibtex import Parser
    from pybtex.errors import capture
    from pybtex.exceptions import PybtexError

    try:
        with capture() as errors:      # pybtex collects its errors instead of printing them
            data = Parser(person_fields=()).parse_string(text)
    except PybtexError as exc:
        errors = [exc]
    errors = [e for e in errors if type(e).__name__ != "UndefinedMacro"]   # kb names those itself
    if errors:
        line = getattr(errors[0], "lineno", None)
        if not isinstance(line, int):
            m = re.search(r"line (\d+)", str(errors[0]))
            line = int(m.group(1)) if m else None
        return {"error": (str(errors[0]), line)}
    return {"entries": {k.lower(): {n.lower(): str(v) for n, v in e.fields.items()}
                        for k, e in data.entries.items()}}


# pybtex's grammar (pybtex.database.input.bibtex): names of types, fields, @strings and
# macros start with a letter or one of these marks, digits may follow; numbers are digits.
_NAME_CHARS = "A-Za-z@!$&*+\\-./:;<>?\\[\\\\\\]^_`|~\x7f"
_PB_NAME = lazy(f"[{_NAME_CHARS}][{_NAME_CHARS}0-9]*")
_PB_HEAD = lazy(rf"@\s*([{_NAME_CHARS}][{_NAME_CHARS}0-9]*)\s*\{{\s*[^\s,}}]+\s*")
_PB_FIELD = lazy(rf"\s*,\s*([{_NAME_CHARS}][{_NAME_CHARS}0-9]*)\s*=\s*")
_PB_END = lazy(r"\s*(?:,\s*)?\}")
_PB_HASH = lazy(r"\s*#\s*")
_PB_PLAIN = lazy(r"\{[^{}]*\}")
_PB_NUMBER = lazy(r"[0-9]+")
_PB_STRING = lazy(rf"@\s*[A-Za-z]+\s*\{{\s*([{_NAME_CHARS}][{_NAME_CHARS}0-9]*)\s*=\s*")
_PB_PREAMBLE = lazy(r"@\s*[A-Za-z]+\s*\{\s*")
_PB_CLOSE = lazy(r"\s*\}")
_BRACE_OR_QUOTE = lazy(r'[{}"]')
_MAX_DEPTH = 100            # pybtex refuses deeper nesting


def _pb_value(text: str, i: int, end: int, field: str, strings: dict[str, str]) -> str | None:
    """Why pybtex might read the value text[i:end] otherwise than as one value ending
    exactly at `end` (None: it reads the same). Braces are counted here on their own,
    as BibTeX counts them (a backslash escapes nothing)."""
    while True:
        c = text[i] if i < end else ""
        if c in ('{', '"'):
            depth, quoted = 0, c == '"'
            close = None
            for m in _BRACE_OR_QUOTE.finditer(text, i + quoted, end):
                ch = m.group()
                if ch == '"':
                    if quoted and depth == 0:
                        close = m.end()
                        break
                    continue
                depth += 1 if ch == "{" else -1
                if depth > _MAX_DEPTH:
                    return "braces nested too deep"
                if depth < 0 or (depth == 0 and not quoted):
                    if depth < 0:
                        return "a '}' closes nothing"
                    close = m.end()
                    break
            if close is None:
                return "a value does not end where kb ends it"
            i = close
        else:
            number = _PB_NUMBER.match(text, i, end)
            m = number or _PB_NAME.match(text, i, end)
            if m is None:
                return "a value piece that is neither braced, quoted, a number nor a name"
            word = m.group().lower()
            if not number and word in MONTHS and word not in strings and field != "month":
                return "a month macro outside month (pybtex spells it out)"
            i = m.end()
        if i == end:
            return None
        m = _PB_HASH.match(text, i, end)
        if m is None or m.end() == i or m.end() >= end:
            return "the value goes on after a piece"
        i = m.end()


def screen_reading(bib: BibFile) -> tuple[int, str] | None:
    """A second reading of `bib`, kb's own and cheap: each block read again from its
    text with pybtex's grammar (names, numbers, separators) and braces counted on
    their own, and checked against what kb's reader made of it: every field where
    kb has it, each value ending exactly where kb ends it (a value cut short at an
    escaped brace, `\\{`, leaves text this reading refuses), nothing else in the entry.
    (line, why) of the first block where pybtex might read otherwise, else None: the
    cases this reading cannot vouch for (entries delimited by parentheses, a month
    macro pybtex spells out, an '@' in a @comment, ...) are left to pybtex."""
    text, strings = (second_reading_text(bib) if bib.comments else bib.text), bib.strings
    field, plain = _PB_FIELD.match, _PB_PLAIN.fullmatch
    for block in bib.blocks:
        s, e = block.start, block.end
        if block.kind == "comment":
            # pybtex skips '@comment{' only, and reads on to the next '@'
            m = _PB_PREAMBLE.match(text, s, e)
            if m is None or "@" in text[m.end():e]:
                return _line_at(text, s), "a @comment pybtex reads otherwise"
            continue
        entry = block.entry
        if block.kind == "string":
            m = _PB_STRING.match(text, s, e)
            why = "an @string name pybtex does not take" if m is None or m.group(1).lower() != block.name \
                else _pb_value(text, m.end(), m.end() + len(entry.raw_fields[""]), "", strings)
            close = m and _PB_CLOSE.match(text, m.end() + len(entry.raw_fields[""]), e)
            if why is None and (close is None or close.end() != e):
                why = "the @string goes on after its value"
            if why:
                return entry.line, why
            continue
        if block.kind == "preamble":
            m = _PB_PREAMBLE.match(text, s, e)
            close = text.rfind("}", s, e)
            end = len(text[s:close].rstrip()) + s if m else s
            why = "a @preamble pybtex reads otherwise" if m is None or text[e - 1] != "}" \
                else _pb_value(text, m.end(), end, "", strings)
            if why:
                return _line_at(text, s), why
            continue
        m = _PB_HEAD.match(text, s, e)
        if m is None or m.group(1).lower() != entry.entry_type:
            return entry.line, "an entry head pybtex reads otherwise (a type it does not take, or '(')"
        i = m.end()
        for name, (vs, ve) in entry.spans.items():
            f = field(text, i, e)
            if f is None or f.end() != vs or f.group(1).lower() != name:
                return entry.field_lines.get(name, entry.line), f"field {name!r} is not where kb read it"
            if plain(text, vs, ve) is None:
                why = _pb_value(text, vs, ve, name, strings)
                if why:
                    return entry.field_lines.get(name, entry.line), f"field {name!r}: {why}"
            i = ve
        end = _PB_END.match(text, i, e)
        if end is None or end.end() != e:
            return entry.line, f"entry {entry.key!r} goes on after its last field"
    return None


def screen_text(text: str, path: str) -> tuple[int, str] | None:
    """screen_reading of `text` as kb reads it: plain data in and out, so it may run in
    another process (kb import reads the file there meanwhile)."""
    return screen_reading(BibFile(text, path))


def without_comments(text: str) -> str:
    """BibTeX text (an @string, an entry) without the '%' comments inside its blocks (biber's,
    which BibTeX and pybtex refuse), for exports; the text as it is when it holds none."""
    if "%" not in text:
        return text
    scanner = _Scanner(text, "")
    scanner.blocks()
    return _without_comments(text, scanner.comments) if scanner.comments else text


def _without_comments(text: str, comments: list[tuple[int, int]]) -> str:
    """`text` without its '%' comments (offsets in it): a line holding nothing else goes whole."""
    for start, end in reversed(comments):
        line_start = _line_start(text, start)
        if not text[line_start:start].strip() and _line_end(text, end):
            start, end = line_start, end + _line_end(text, end)
        else:
            while start and text[start - 1] in " \t":
                start -= 1
        text = text[:start] + text[end:]
    return text


def compare_reading(bib: BibFile, reading: dict) -> None:
    """Raise FileFormatError (file, line, field) where `reading` (`pybtex_reading`) reads
    an entry of `bib` otherwise than kb's reader did."""
    if "error" in reading:
        message, line = reading["error"]
        raise FileFormatError(f"pybtex reads it differently: {message}", path=bib.path, line=line,
                              hint="kb reads BibTeX as pybtex and biber do; fix the entry it names") from None
    theirs = reading["entries"]
    for key, block in bib.by_key.items():
        entry = block.entry
        other = theirs.get(key.lower())
        if other is None:
            raise FileFormatError(f"entry {key!r}: pybtex does not read this entry", path=bib.path,
                                  line=entry.line)
        for name in entry.fields:
            if name not in other:
                raise FileFormatError(f"entry {key!r}, field {name!r}: pybtex does not read this field",
                                      path=bib.path, line=entry.field_lines.get(name, entry.line))
        for name in set(other) - set(entry.fields):
            raise FileFormatError(f"entry {key!r}, field {name!r}: pybtex reads a field kb does not",
                                  path=bib.path, line=entry.line)
        for name, value in other.items():
            ours = entry.fields[name]
            if name in entry.undefined:
                continue
            if _comparable(name, ours) != _comparable(name, value):
                raise FileFormatError(f"entry {key!r}, field {name!r}: read two ways "
                                      f"({ours[:40]!r} by kb, {value[:40]!r} by pybtex)",
                                      path=bib.path, line=entry.field_lines.get(name, entry.line))
