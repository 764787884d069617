"""references.bib: read with bibtexparser, rewritten without disturbing a person's work.

kb only ever re-renders the entries it adds or updates. Every other block of
the file (entries added by hand, comments, @string and @preamble, blank lines,
their order) is written back byte for byte, taken from the original text by
position. The file is replaced atomically.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import FileFormatError
from kb.text.lazyre import lazy

MONTHS = {m: m.capitalize() for m in
          ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")}
FIELD_ORDER = ["title", "author", "editor", "year", "month", "journal", "booktitle", "volume",
               "number", "pages", "publisher", "address", "eprint", "archiveprefix",
               "primaryclass", "version", "doi", "url"]


def _quiet_bibtexparser() -> None:
    # bibtexparser logs syntax problems itself; kb reports them as one clear line.
    import logging          # loaded with bibtexparser anyway; not at start-up

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)


def split_concat(value: str) -> list[str]:
    """Split a raw BibTeX value on top-level '#'."""
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


def resolve_value(raw: str, strings: dict[str, str]) -> str:
    """A raw field value with enclosing braces/quotes removed and @string macros
    and '#' concatenation resolved."""
    out = []
    for part in split_concat(raw.strip()):
        if len(part) >= 2 and ((part[0] == "{" and part[-1] == "}") or (part[0] == '"' and part[-1] == '"')):
            out.append(part[1:-1])
        elif part.isdigit():
            out.append(part)
        else:
            key = part.lower()
            if key in strings:
                out.append(strings[key])
            elif key in MONTHS:
                out.append(MONTHS[key])
            else:
                out.append(part)
    return "".join(out)


@dataclass
class BibEntry:
    key: str
    entry_type: str
    fields: dict[str, str]          # lower-case names -> values without enclosing braces
    line: int                       # 1-based line in the file
    raw_fields: dict[str, str] = field(default_factory=dict)


@dataclass
class _Block:
    start: int                      # char offsets in the original text
    end: int
    entry: BibEntry | None = None
    replacement: str | None = None  # new text, when kb re-rendered it


class BibFile:
    """One .bib file: its entries, and the means to change a few of them."""

    def __init__(self, text: str = "", path: str = "references.bib"):
        self.path = path
        self.text = text
        self.blocks: list[_Block] = []
        self.by_key: dict[str, _Block] = {}
        self._appended: list[tuple[str, str]] = []   # (key, rendered) of new entries
        self._appended_index: dict[str, int] = {}
        self._appended_entries: list[BibEntry] = []
        self.strings: dict[str, str] = {}
        if text.strip():
            self._parse()

    @classmethod
    def load(cls, path: Path, *, lenient_encoding: bool = False) -> "BibFile":
        if not path.exists():
            return cls("", str(path))
        data = path.read_bytes()
        return cls(decode(data, str(path), lenient=lenient_encoding), str(path))

    # -- reading ----------------------------------------------------------
    def _parse(self) -> None:
        import bibtexparser
        from bibtexparser.model import Entry, String

        _quiet_bibtexparser()
        if "\0" in self.text:
            line = self.text[: self.text.index("\0")].count("\n") + 1
            raise FileFormatError("contains a NUL byte; is it really a BibTeX file?",
                                  path=self.path, line=line)
        try:
            # Values stay raw (enclosing kept) so '#' and macros resolve our way.
            library = bibtexparser.parse_string(self.text, parse_stack=[])
        except Exception as exc:  # the parser's own failure, not ours
            raise FileFormatError(f"cannot be parsed as BibTeX ({exc})", path=self.path) from None
        line_starts = [0]
        for m in re.finditer("\n", self.text):
            line_starts.append(m.end())
        for block in library.failed_blocks:
            line = block.start_line + 1
            error = str(getattr(block, "error", "") or "").strip()
            if type(block).__name__ == "DuplicateBlockKeyBlock":
                raise FileFormatError(f"duplicate citekey {block.key!r}", path=self.path, line=line,
                                      hint="each entry needs its own key")
            snippet = " ".join((block.raw or "").split())[:60]
            reason = error.splitlines()[-1].strip() if error else "syntax error"
            raise FileFormatError(f"BibTeX syntax error in `{snippet}`: {reason}"
                                  if snippet else f"BibTeX syntax error: {reason}",
                                  path=self.path, line=line,
                                  hint="check for unbalanced braces or a missing comma")
        for block in library.blocks:
            if isinstance(block, String):
                self.strings[block.key.lower()] = resolve_value(str(block.value), self.strings)
        pos = 0
        for block in library.blocks:
            raw = block.raw or ""
            line_start = line_starts[min(block.start_line, len(line_starts) - 1)]
            start = self.text.find(raw, max(pos, line_start)) if raw else -1
            if start < 0:
                start = self.text.find(raw, pos) if raw else -1
            if start < 0:
                raise FileFormatError("could not locate a block while reading",
                                      path=self.path, line=block.start_line + 1)
            end = start + len(raw)
            pos = end
            b = _Block(start, end)
            if isinstance(block, Entry):
                raw_fields = {f.key.lower(): str(f.value) for f in block.fields}
                fields = {k: resolve_value(v, self.strings) for k, v in raw_fields.items()}
                b.entry = BibEntry(block.key, block.entry_type.lower(), fields,
                                   block.start_line + 1, raw_fields)
                if block.key in self.by_key:
                    raise FileFormatError(f"duplicate citekey {block.key!r}", path=self.path,
                                          line=block.start_line + 1)
                self.by_key[block.key] = b
            self.blocks.append(b)

    def entries(self) -> list[BibEntry]:
        out = [b.entry for b in self.blocks if b.entry]
        return out

    def keys(self) -> set[str]:
        return set(self.by_key) | {k for k, _ in self._appended}

    def entry_text(self, key: str) -> str:
        """One entry's text as the file holds it (or as render() will write it),
        for exports that copy entries without re-rendering them."""
        block = self.by_key.get(key)
        if block is not None:
            return block.replacement if block.replacement is not None else self.text[block.start:block.end]
        if key in self._appended_index:
            return self._appended[self._appended_index[key]][1]
        raise KeyError(key)

    # -- changing ---------------------------------------------------------
    def set_entry(self, key: str, entry_type: str, fields: dict[str, str]) -> None:
        """Add the entry, or update an existing one in place (its other fields,
        set by a person, are kept)."""
        block = self.by_key.get(key)
        if block is None:
            if key in self._appended_index:
                i = self._appended_index[key]
                entry = self._appended_entries[i]
                entry.fields.update(fields)
                self._appended[i] = (key, render_entry(key, entry.entry_type, entry.fields))
                return
            self._appended_index[key] = len(self._appended)
            self._appended.append((key, render_entry(key, entry_type, fields)))
            self._appended_entries.append(BibEntry(key, entry_type.lower(), dict(fields), 0))
            return
        entry = block.entry
        merged_raw = dict(entry.raw_fields)
        for name, value in fields.items():
            if entry.fields.get(name) != value:
                merged_raw[name] = "{" + escape_value(name, value) + "}"
        if merged_raw == entry.raw_fields:
            return
        block.replacement = render_raw(key, entry.entry_type, merged_raw, keep_order=True).rstrip("\n")
        entry.fields.update(fields)
        entry.raw_fields = merged_raw

    def all_entries(self) -> list[BibEntry]:
        """Entries as they will be after render(): existing ones (updated), then new ones."""
        return self.entries() + self._appended_entries

    def render(self) -> str:
        out = []
        pos = 0
        for block in self.blocks:
            if block.replacement is not None:
                out.append(self.text[pos:block.start])
                out.append(block.replacement)
                pos = block.end
        out.append(self.text[pos:])
        text = "".join(out)
        appended = self._appended
        if appended:
            if text and not text.endswith("\n"):
                text += "\n"
            if text.strip():
                text += "\n"
            text += "\n".join(rendered for _, rendered in appended)
        return text


def decode(data: bytes, path: str, lenient: bool = False) -> str:
    """UTF-8 (with or without BOM); with `lenient`, Latin-1 as a fallback."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if lenient:
            return data.decode("cp1252", errors="replace")
        raise FileFormatError(f"is not UTF-8 (byte 0x{data[exc.start]:02x})", path=path, line=line,
                              hint="save it as UTF-8") from None


_PROTECT_RE = lazy(r"(?<![{\\\w])([A-Za-z]*[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9]*)(?![}\w])")


def escape_value(name: str, value: str) -> str:
    """Make a plain-text value safe inside {...}: escape LaTeX specials,
    balance braces, and protect acronyms in titles from case changes."""
    value = " ".join(str(value).split())
    if name not in ("url", "doi", "eprint", "file"):
        value = re.sub(r"(?<!\\)([&%#])", r"\\\1", value)
    depth = 0
    ok = True
    for ch in value:
        depth += ch == "{"
        depth -= ch == "}"
        if depth < 0:
            ok = False
            break
    if not ok or depth != 0:
        value = value.replace("{", r"\{").replace("}", r"\}")
    if name == "title" and "{" not in value:
        value = _PROTECT_RE.sub(r"{\1}", value)
    return value


def _ordered(fields: dict[str, str]) -> list[tuple[str, str]]:
    rank = {name: i for i, name in enumerate(FIELD_ORDER)}
    return sorted(fields.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))


def render_entry(key: str, entry_type: str, fields: dict[str, str]) -> str:
    """A new entry, written with bibtexparser."""
    raw = {name: "{" + escape_value(name, value) + "}" for name, value in fields.items() if value}
    return render_raw(key, entry_type, raw)


def render_raw(key: str, entry_type: str, raw_fields: dict[str, str], keep_order: bool = False) -> str:
    import bibtexparser
    from bibtexparser.model import Entry, Field

    _quiet_bibtexparser()
    items = list(raw_fields.items()) if keep_order else _ordered(raw_fields)
    entry = Entry(entry_type, key, [Field(name, value) for name, value in items])
    library = bibtexparser.Library([entry])
    fmt = bibtexparser.BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n"
    fmt.trailing_comma = True
    text = bibtexparser.write_string(library, unparse_stack=[], bibtex_format=fmt)
    return text.strip() + "\n"


def parse_entries(text: str, source: str = "<bibtex>") -> list[tuple[str, str, dict[str, str]]]:
    """(entry_type, key, fields) of every entry in a BibTeX string."""
    return [(e.entry_type, e.key, e.fields) for e in BibFile(text, source).entries()]
