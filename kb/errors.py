"""Errors a user can act on.

Every error kb expects (bad input, bad network, bad file) is a KBError: the CLI
prints its message as one line on stderr and exits with its code, never a
traceback. Exit codes: 2 for bad input, 1 for failed checks, 0 otherwise.
"""

from __future__ import annotations

import os
import shlex


class KBError(Exception):
    """A known failure, with a message written for the user."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None,
                 path: str | None = None, line: int | None = None, column: int | None = None):
        self.message = message
        self.hint = hint
        self.path = path
        self.line = line
        self.column = column        # with a line: FILE:LINE:COLUMN:, as compilers write it, which editors follow
        super().__init__(message)

    def at(self) -> str:
        """Where in its file the error is, after the file's name: ":LINE:COLUMN", ":LINE" or ""."""
        if not self.line:
            return ""
        return f":{self.line}:{self.column}" if self.column else f":{self.line}"

    def __str__(self) -> str:
        where = f"{shown(self.path)}{self.at()}: " if self.path else ""
        text = where + self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


def shown(path) -> str:
    """A path as kb prints it, on stdout or in a message: as it is (non-ASCII letters
    too), or, as `ls` and git quote such names, in quotes with escapes when it holds a
    character a terminal would not show as itself (a newline, a tab, ESC, a bidirectional
    override, a soft hyphen, a no-break space) or a byte that is not UTF-8 (written `\\xff`):
    a script reading the line gets one line, and the name exact. Shown twice, it is as
    shown once. JSON carries the path itself."""
    text = os.fspath(path) if isinstance(path, os.PathLike) else str(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    if text.isprintable():
        return text
    return "'" + "".join(_ESCAPED.get(c) or (c if c.isprintable() else _escaped(c)) for c in text) + "'"


_ESCAPED = {"'": "\\'", "\\": "\\\\"}


def shell_word(path) -> str:
    """A path (or a citekey, an id) as one word of a command kb tells a person to run (mv, rm,
    git checkout, kb rename), pasted into a shell as it is printed: quoted as the shell reads
    quotes (shlex.quote) where it holds a space, a quote, a $ or any character a shell reads;
    one holding a character a terminal would not show as itself (a newline) is written $'...',
    as bash and zsh read escapes, so the command stays one line."""
    text = os.fspath(path) if isinstance(path, os.PathLike) else str(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    if text.isprintable():
        return shlex.quote(text)
    return "$'" + "".join(_ESCAPED.get(c) or (c if c.isprintable() else _escaped(c)) for c in text) + "'"


def _escaped(c: str) -> str:
    """One character no terminal shows as itself, as Python writes it in a string (`\\n`,
    `\\x1b`, `\\u202e`); a byte os.fsdecode could not read as its byte, `\\xff`."""
    return f"\\x{ord(c) - 0xdc00:02x}" if "\udc80" <= c <= "\udcff" else repr(c)[1:-1]


class UsageError(KBError):
    """The user's input cannot be understood: an identifier, an expression, an option."""


class NotFound(KBError):
    """Something named by the user does not exist: a paper, a quote, a claim."""


class FileFormatError(KBError):
    """A file kb reads (references.bib, claims/*.toml, a note, a PDF) is malformed."""


class NetworkError(KBError):
    """A remote service could not be reached or answered badly."""


class PDFError(KBError):
    """A PDF is encrypted, corrupt, image-only or over a limit."""


class LimitExceeded(KBError):
    """Input over a safety limit the user can raise."""


class WriteError(KBError):
    """A file could not be written (disk full, read-only, permission); nothing was changed."""


class LockTimeout(KBError):
    """Another kb process held the knowledge base for too long."""

    holder: int | None = None       # the process holding the lock, where it wrote itself into it
    waited: float = 0.0             # the seconds kb waited


#: A merge conflict left in a file a person edits (kb.atomic.merge_conflict), and what to do.
CONFLICT = "holds a merge conflict left unresolved (<<<<<<< here, then two versions of the same lines)"
CONFLICT_HINT = "keep the version you want and delete the <<<<<<<, ======= and >>>>>>> lines"
#: ... and one a person resolved in part: a marker line left (the <<<<<<< line deleted, the others not).
CONFLICT_LEFT = "holds a merge conflict's marker left behind (a <<<<<<<, ======= or >>>>>>> line here): the lines " \
    "about it may be both versions"
