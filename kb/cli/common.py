"""What every command family shares: the --kb folder, opening the knowledge base, output helpers."""

from __future__ import annotations

import json
import os
import sys

from kb.sources.citekey import last_name
from kb.store.knowledgebase import KB

#: The folder given with `kb --kb PATH` (None: KB_HOME or the nearest kb.toml).
state: dict = {"kb": None}

def open_kb():

    return KB.open(state["kb"])


def emit_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n")


def warn(message: str) -> None:
    sys.stderr.write(f"kb: {message}\n")


def table(rows: list[list[str]], headers: list[str], max_width: int | None = None) -> None:
    """A plain aligned table; on a terminal the last column is cut to fit."""
    if not rows:
        return
    cells = [headers] + [row if all(type(c) is str for c in row) else ["" if c is None else str(c) for c in row]
                         for row in rows]
    widths = [max(map(len, column)) for column in zip(*cells)]
    last = widths[-1]
    if sys.stdout.isatty():
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
    sys.stdout.write("\n".join(lines) + "\n")


def short_authors(authors: list[str]) -> str:

    if not authors:
        return ""
    first = last_name(authors[0])
    if len(authors) == 1:
        return first
    if len(authors) == 2:
        return f"{first} & {last_name(authors[1])}"
    return f"{first} et al."

