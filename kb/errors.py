"""Errors a user can act on.

Every error kb expects (bad input, bad network, bad file) is a KBError: the CLI
prints its message as one line on stderr and exits with its code, never a
traceback. Exit codes: 2 for bad input, 1 for failed checks, 0 otherwise.
"""

from __future__ import annotations


class KBError(Exception):
    """A known failure, with a message written for the user."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None,
                 path: str | None = None, line: int | None = None):
        self.message = message
        self.hint = hint
        self.path = path
        self.line = line
        super().__init__(message)

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = where + self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


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


#: A merge conflict left in a file a person edits (kb.atomic.merge_conflict), and what to do.
CONFLICT = "holds a merge conflict left unresolved (<<<<<<< here, then two versions of the same lines)"
CONFLICT_HINT = "keep the version you want and delete the <<<<<<<, ======= and >>>>>>> lines"
