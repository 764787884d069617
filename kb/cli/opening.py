"""Opening the knowledge base a command works on (kept apart from kb.cli.common, so
`kb --help`, which needs only the output helpers, loads no knowledge base code)."""

from __future__ import annotations

from kb.cli.common import state, warn
from kb.cli.progress import reporter
from kb.ops import session
from kb.store.knowledgebase import KB


def open_kb() -> KB:
    """The knowledge base of this command (--kb, KB_HOME or the nearest kb.toml), in step
    with its files; long work is drawn on stderr when it is a terminal."""

    kb = session.open_kb(state["kb"], progress=reporter())
    for message in kb.warnings:
        warn(message)
    return kb
