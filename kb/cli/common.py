"""What every command family shares: the --kb folder, opening the knowledge base, output helpers.

Output goes through per-call streams, never straight to sys.stdout/sys.stderr:
`kb.cli.app.main(argv, stdout=..., stderr=...)` binds them for the call (in a
context variable, so a caller running kb in-process captures exactly kb's own
output and nothing another thread writes to the process-wide sys.stderr), and
commands write with `out()`, `echo()`, `warn()` and `err()`. Without a binding
they fall back to sys.stdout/sys.stderr as they are at the time of the write.
Exception: typer/click's own --help text still goes to sys.stdout."""

from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterable, Iterator, TextIO

from kb.text.names import last_name

#: The folder given with `kb --kb PATH` (None: KB_HOME or the nearest kb.toml).
state: dict = {"kb": None}



# -- per-call output ----------------------------------------------------------------------

_streams: ContextVar[tuple[TextIO, TextIO] | None] = ContextVar("kb_cli_streams", default=None)


@contextmanager
def output_to(stdout: TextIO | None = None, stderr: TextIO | None = None) -> Iterator[None]:
    """Send kb's output in this context to these streams (None: sys.stdout/sys.stderr,
    looked up now)."""
    token = _streams.set((stdout if stdout is not None else sys.stdout,
                          stderr if stderr is not None else sys.stderr))
    try:
        yield
    finally:
        _streams.reset(token)


def stdout() -> TextIO:
    """The stream for this call's normal output."""
    bound = _streams.get()
    return bound[0] if bound is not None else sys.stdout


def stderr() -> TextIO:
    """The stream for this call's messages and errors."""
    bound = _streams.get()
    return bound[1] if bound is not None else sys.stderr


#: Control characters other than newline and tab: a title or a server's message holding
#: ESC sequences must not clear the screen, retitle the window or hide text when printed.
_CONTROL = {c: None for c in [*range(0x00, 0x09), *range(0x0b, 0x20), 0x7f, *range(0x80, 0xa0)]}


def printable(text: str) -> str:
    """`text` without terminal control characters (newlines and tabs kept)."""
    return text.translate(_CONTROL)


def out(text: str) -> None:
    """Write `text` to this call's stdout (control characters removed; JSON has none)."""
    stdout().write(printable(text))


def data(text: str) -> None:
    """Write an export (BibTeX, a note, CSL-JSON, a graph) to this call's stdout exactly
    as it would go to a file (`-o -`)."""
    stdout().write(text)


def echo(*parts: object, sep: str = " ", end: str = "\n") -> None:
    """print() to this call's stdout."""
    out(sep.join(map(str, parts)) + end)


def err(text: str) -> None:
    """Write `text` to this call's stderr (control characters removed)."""
    stderr().write(printable(text))


def emit_json(obj) -> None:
    out(json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n")


def emit_json_items(items: Iterable) -> None:
    """`emit_json(list(items))`, byte for byte, written item by item as they come (a long
    listing is neither held whole nor waited for)."""
    first = True
    for item in items:
        text = json.dumps(item, indent=2, ensure_ascii=False, default=str).replace("\n", "\n  ")
        out(("[\n  " if first else ",\n  ") + text)
        first = False
    out("[]\n" if first else "\n]\n")


def warn(message: str) -> None:
    err(f"kb: {message}\n")


def table(rows: list[list[str]], headers: list[str], max_width: int | None = None) -> None:
    """A plain aligned table; on a terminal the last column is cut to fit."""
    if not rows:
        return
    cells = [headers] + [row if all(type(c) is str for c in row) else ["" if c is None else str(c) for c in row]
                         for row in rows]
    widths = [max(map(len, column)) for column in zip(*cells)]
    last = widths[-1]
    if stdout().isatty():
        try:
            width = max_width or os.get_terminal_size().columns
        except OSError:
            width = max_width or 120
        last = max(10, min(last, width - sum(widths[:-1]) - 2 * (len(widths) - 1)))
    lines = []
    for row in cells:
        *head, tail = row
        if len(tail) > last:
            tail = tail[: last - 1] + "…"
        lines.append("  ".join([cell.ljust(w) for cell, w in zip(head, widths)] + [tail]).rstrip())
    out("\n".join(lines) + "\n")


def short_authors(authors: list[str]) -> str:
    """'Luccioni', 'Luccioni & Strubell' or 'Luccioni et al.' (also for a list
    ending in BibTeX's 'others')."""
    names = [a for a in authors if a.strip().lower() != "others"]
    if not names:
        return ""
    first = last_name(names[0])
    if len(names) < len(authors) or len(names) > 2:
        return f"{first} et al."
    if len(names) == 2:
        return f"{first} & {last_name(names[1])}"
    return first

