"""Opening the knowledge base a command works on (kept apart from kb.cli.common, so
`kb --help`, which needs only the output helpers, loads no knowledge base code)."""

from __future__ import annotations

from typing import Callable, TypeVar

from kb.cli.common import state, warn, warn_later
from kb.cli.progress import busy, reporter
from kb.errors import FileFormatError, UsageError, shell_word
from kb.ops import session
from kb.store.knowledgebase import KB, READ_ONLY_STALE
from kb.store.paths import BIB

T = TypeVar("T")


def open_kb(*, papers_only: bool = False, judging: str | None = None) -> KB:
    """The knowledge base of this command (--kb, KB_HOME or the nearest kb.toml), in step
    with its files; long work is drawn on stderr when it is a terminal.

    `papers_only`: the command shows papers, not quotes or claims (kb ls, kb show, kb export
    bib), so a claims file kb cannot read is said and passed over (`passed_over`), where
    every other command stops on it; references.bib kb cannot read still stops it.

    `judging`: the command's name, when its exit code is a verdict on every claims file (kb
    check, kb verify, kb audit): a claims file that is no file (a link to /dev/zero, a FIFO, a
    folder named x.toml) stops it in one line, exit 2, where others go on without it (an exit 0
    would vouch for what nobody read); references.bib and kb.toml that are no file stop every
    command."""

    kb = session.open_kb(state["kb"], sync=not (papers_only or judging), progress=reporter(), on_busy=busy(),
                         jobs=None)
    if papers_only:
        kb.sync(on_error=passed_over)
    elif judging:
        kb.sync(on_error=lambda rel, exc: refused_unread(judging, rel, exc))
    for message in kb.warnings:
        say(message)
    kb.on_warning = warn        # what a later re-index notices is said as it is noticed
    return kb


def open_kb_apart() -> KB:
    """The knowledge base of a command that writes no claims file but its papers' (kb add, kb rm):
    a claims file kb cannot read (a TOML error in another paper's file) is gone on without
    (KB.read_apart), said by say_apart once the command's work is done; a write to it is refused
    with one line."""

    kb = session.open_kb(state["kb"], sync=False, progress=reporter(), on_busy=busy(), jobs=None)
    kb.read_apart(lambda rel, exc: None)
    for message in kb.warnings:
        say(message)
    kb.on_warning = warn
    return kb


def say_apart(kb: KB) -> None:
    """The claims files a command went on without (open_kb_apart), each said on one line."""
    for rel, why in kb.unread.items():
        if " cannot read (" in why:
            warn(f"{why}; kb keeps what it indexed from it until it can (restore it: git checkout {shell_word(rel)})")
        else:
            warn(f"{why}; kb went on without it (its quotes and claims as kb last read them) and wrote nothing "
                 "to it")


def read_kb(fn: Callable[[KB], T], *, papers_only: bool = False) -> T:
    """fn(the knowledge base of this command), a read, made while its files are checked
    (KB.read): what fn gives once the index is in step with them; `papers_only` as for
    open_kb."""

    kb = session.open_kb(state["kb"], sync=False, progress=reporter(), on_busy=busy(), jobs=None)
    try:
        out = kb.read(fn, on_error=passed_over if papers_only else None)
    finally:
        for message in kb.warnings:
            say(message)
    return out


def say(message: str) -> None:
    """A warning of opening the knowledge base, said now; that it is read-only and out of date when the
    command ends, unless its refusal to write says it is read-only (kb.cli.app)."""
    (warn_later if message == READ_ONLY_STALE else warn)(message)


def refused_unread(command: str, rel: str, exc: FileFormatError) -> None:
    """A claims file a judging command cannot read (open_kb `judging`): one that is no file at all
    (a device, a FIFO, a folder) stops it; one that is a file kb cannot reach now (a link to a moved
    file, no permission) is said, what the index holds from it judged, as every command does."""
    if rel == BIB or rel == "claims/" or not exc.message.startswith("cannot read ("):
        raise exc
    if "not a file" in exc.message or "not a regular file" in exc.message:
        raise UsageError(f"{exc}: {command} judges every claims file and cannot judge this one "
                         f"(restore it: git checkout {shell_word(rel)}, or remove it)")
    warn(f"{exc}; kb keeps what it indexed from it until it can (restore it: git checkout {shell_word(rel)})")


def passed_over(rel: str, exc: FileFormatError) -> None:
    """A claims file kb cannot read, said by a command that shows papers: the papers are
    references.bib's, so the command goes on; what the index holds from the file stays
    until it is fixed (the file is read again by every command, and never rewritten)."""
    if rel == BIB or rel == "claims/":
        raise exc
    if exc.message.startswith("cannot read ("):
        # a file kb cannot open (kb.store.index.UnreadableFile): every command keeps its rows
        warn(f"{exc}; kb keeps what it indexed from it until it can (restore it: git checkout {shell_word(rel)})")
        return
    warn(f"{exc}; papers are shown without it, its quotes and claims as kb last read them "
         "(commands that read quotes and claims stop until it is fixed)")
