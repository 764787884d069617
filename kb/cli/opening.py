"""Opening the knowledge base a command works on (kept apart from kb.cli.common, so
`kb --help`, which needs only the output helpers, loads no knowledge base code)."""

from __future__ import annotations

from typing import Callable, TypeVar

from kb.cli.common import state, warn
from kb.cli.progress import busy, reporter
from kb.ops import session
from kb.store.knowledgebase import KB

T = TypeVar("T")


def open_kb() -> KB:
    """The knowledge base of this command (--kb, KB_HOME or the nearest kb.toml), in step
    with its files; long work is drawn on stderr when it is a terminal."""

    kb = session.open_kb(state["kb"], progress=reporter(), on_busy=busy())
    for message in kb.warnings:
        warn(message)
    kb.on_warning = warn        # what a later re-index notices is said as it is noticed
    return kb


def read_kb(fn: Callable[[KB], T]) -> T:
    """fn(the knowledge base of this command), a read, made while its files are checked
    (KB.read): what fn gives once the index is in step with them."""

    kb = session.open_kb(state["kb"], sync=False, progress=reporter(), on_busy=busy())
    try:
        out = kb.read(fn)
    finally:
        for message in kb.warnings:
            warn(message)
    return out
