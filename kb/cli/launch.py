"""The `kb` command's entry point, light: it begins the check of the knowledge base's
truth files in another process (kb.store.stale.prefetch) before the command line
library and the command load (kb.cli.app, loaded on first use), so at 10,000 claims
files their stats run on another core while this one loads the command."""

from __future__ import annotations

import errno
import io
import os
import sys

from kb.atomic import env_flag
from kb.cli.commands import COMMANDS
from kb.errors import KBError
from kb.lazyimport import lazy_import
from kb.store import paths, stale

app = lazy_import("kb.cli.app")

#: Commands that never read a knowledge base's files: no check of them is begun.
NO_CHECK = {"init", "where"}


def prefetch(argv: list[str]) -> bool:
    """Begin the check of the truth files for a command that opens a knowledge base. argv
    is read as the root reads it (`--kb PATH` or `--kb=PATH`, then the command); help, a
    version, an unknown command or no knowledge base begin nothing. KB_PREFETCH=0 turns
    it off. Whether a check was begun. (`--version` after the command is the command's
    own option, `kb text load KEY FILE --version v2`: only the root's, before it, is kb's.)"""
    try:
        wanted = env_flag("KB_PREFETCH", True)
    except KBError:
        return False        # a value that is no yes or no: the command says so (kb.cli.app, SWITCHES)
    if not wanted or any(a in ("-h", "--help") for a in argv):
        return False
    explicit, args = None, iter(argv)
    for arg in args:
        if arg == "--kb":
            explicit = next(args, None)
        elif arg.startswith("--kb="):
            explicit = arg[len("--kb="):]
        elif arg.startswith("-"):
            return False        # an option the root does not have: the command says so
        else:
            if arg not in COMMANDS or arg in NO_CHECK:
                return False
            try:
                return stale.prefetch(paths.layout(explicit))
            except (KBError, OSError):
                return False    # no knowledge base there: the command says so itself
    return False


class ClosedOutput(io.TextIOWrapper):
    """Standard output the caller closed (`kb ls >&-`): its descriptor holds /dev/null, and
    the first thing kb writes to it is refused as a write to a closed descriptor is (EBADF),
    which the command says in one line and ends on (kb.cli.common.write), as `ls >&-` says
    'write error: Bad file descriptor': output lost in silence would read as nothing to show."""

    closed_by_caller = True

    def write(self, text: str) -> int:
        if text:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        return 0


def standard_streams() -> None:
    """Standard input, output or error closed by the caller (`kb ls >&-`, a daemon's child)
    is /dev/null, where kb died on sys.stdout being None, an internal error: standard input
    reads as empty, what is said on standard error goes nowhere, and standard output is a
    ClosedOutput, refused when written to. And its file descriptor is taken first: the first
    file kb opened (the index, a lock) got it, and anything written to standard output would
    have gone into it."""
    for fd, name, mode in ((0, "stdin", os.O_RDONLY), (1, "stdout", os.O_WRONLY), (2, "stderr", os.O_WRONLY)):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        null = os.open(os.devnull, mode)
        if null != fd:                  # a lower one was free too: taken in its own turn
            os.dup2(null, fd)
            os.close(null)
        if fd == 1:
            sys.stdout = ClosedOutput(open(fd, "wb", closefd=False), encoding="utf-8")
        elif getattr(sys, name) is None:
            setattr(sys, name, open(fd, "r" if fd == 0 else "w", encoding="utf-8", closefd=False))
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if isinstance(stream, io.TextIOWrapper) and isinstance(stream.buffer, io.RawIOBase):
            setattr(sys, name, buffered(stream))


def buffered(stream: io.TextIOWrapper) -> io.TextIOWrapper:
    """`stream` written through a buffer, as unbuffered as before (each write passed on at once).
    Python run unbuffered (PYTHONUNBUFFERED=1, `python -u`, as container images set it) gives
    standard output straight to its file, and a text stream keeps nothing of a write the file took
    in part: `kb ls | head -1` wrote 64 KB, the pipe's, of 180, dropped the rest unsaid and exited 0.
    A buffer writes the rest, and a reader gone is said (a broken pipe: kb.cli.common.reader_gone)."""
    raw = io.FileIO(stream.fileno(), "w", closefd=False)
    return _PassedOn(io.BufferedWriter(raw), encoding=stream.encoding, errors=stream.errors,
                     line_buffering=stream.line_buffering, write_through=True)


class _PassedOn(io.TextIOWrapper):
    """A text stream whose every write is flushed whole to its file: unbuffered, as the user
    asked for, where a buffer alone held each line until 8 KB or the end (a `kb verify` read
    as it goes, a progress line on standard error, showed nothing)."""

    def write(self, text: str) -> int:
        n = super().write(text)
        self.flush()
        return n


def entry() -> None:
    standard_streams()
    prefetch(sys.argv[1:])
    app.entry()
