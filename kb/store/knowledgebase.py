"""An open knowledge base: its paths, its index, its writer lock, its HTTP client."""

from __future__ import annotations

import contextlib
import os
import tomllib
from pathlib import Path
from typing import Iterator

from kb.atomic import clean_stale_tmp, file_lock, write_text
from kb.cli.progress import download_progress
from kb.errors import FileFormatError, UsageError
from kb.sources.net import Client
from kb.sources.pdf import Limits
from kb.store import db as dbmod
from kb.store import index, paths
from kb.store.cache import SourceCache
from kb.store.sqlite import connect, is_current

KB_TOML = """\
# This folder is a kb knowledge base (https://github.com/kb-tools/kb).
# references.bib and claims/*.toml are the truth; .kb/ is an index kb rebuilds.

[limits]
# Raise these for trustworthy but unusual PDFs.
max_pages = 2000
max_stream_mb = 75
"""

GITIGNORE_LINE = ".kb/"


class KB:
    def __init__(self, layout: paths.Layout):
        self.layout = layout
        self._db = None
        self._conn = None
        self._client = None
        self._settings: dict | None = None
        self.warnings: list[str] = []

    # -- opening ---------------------------------------------------------------
    @classmethod
    def open(cls, explicit: str | os.PathLike | None = None, *, sync: bool = True) -> "KB":
        kb = cls(paths.layout(explicit))
        if sync:
            kb.sync()
        return kb

    @property
    def root(self) -> Path:
        return self.layout.root

    @property
    def settings(self) -> dict:
        if self._settings is None:
            try:
                self._settings = tomllib.loads(self.layout.marker.read_text("utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise FileFormatError(f"is not valid TOML: {exc}", path=paths.MARKER) from None
            except OSError as exc:
                raise FileFormatError(f"cannot be read: {exc.strerror}", path=paths.MARKER) from None
        return self._settings

    @property
    def conn(self):
        """A plain sqlite3 connection to the index, migrated; enough for reading."""
        if self._conn is None:

            conn = connect(self.layout.db)
            self._conn = conn
            if not is_current(conn):
                _ = self.db                 # brings the schema up to date
        return self._conn

    @property
    def db(self):
        """The index as a sqlite-utils Database (for writing)."""
        if self._db is None:

            self._db = dbmod.wrap(self.conn if self._conn is not None else self._open_raw())
            if dbmod.needs_migration(self._db) or not self._version_current():
                with file_lock(self.layout.lock):
                    dbmod.migrate(self._db)
        return self._db

    def _open_raw(self):

        self._conn = connect(self.layout.db)
        return self._conn

    def _version_current(self) -> bool:

        return is_current(self._conn)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._db = None

    @property
    def client(self):
        if self._client is None:

            self._client = Client(self.layout.state, progress=download_progress())
        return self._client

    @property
    def sources(self):

        return SourceCache(self.layout.cache / "sources", self.layout.tmp)

    def limits(self):

        return Limits.from_env(self.settings.get("limits", {}))

    # -- keeping the index in step with the files --------------------------------
    def sync(self) -> None:
        """Re-index any truth file that changed since it was last indexed
        (an edit by hand, or a command that died between file and index)."""

        if index.stale_files(self):
            with file_lock(self.layout.lock):
                index.sync(self)

    @contextlib.contextmanager
    def writing(self) -> Iterator["KB"]:
        """Hold the writer lock; the index is brought up to date first."""

        with file_lock(self.layout.lock):
            clean_stale_tmp(self.layout.tmp)
            index.sync(self)
            yield self

    def write_file(self, path: Path, text: str) -> None:
        write_text(path, text, self.layout.tmp)


def init(folder: Path) -> tuple[Path, bool]:
    """Make `folder` a knowledge base; returns (root, created). Idempotent."""
    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} exists and is not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    layout = paths.Layout(folder.resolve())
    created = not layout.marker.exists()
    if created:
        write_text(layout.marker, KB_TOML, layout.tmp)
    if not layout.bib.exists():
        write_text(layout.bib, "", layout.tmp)
    layout.claims.mkdir(exist_ok=True)
    layout.state.mkdir(exist_ok=True)
    gitignore = layout.root / ".gitignore"
    existing = gitignore.read_text("utf-8") if gitignore.exists() else ""
    if GITIGNORE_LINE not in existing.split():
        text = existing + ("" if existing.endswith("\n") or not existing else "\n") + GITIGNORE_LINE + "\n"
        write_text(gitignore, text, layout.tmp)
    kb = KB(layout)
    kb.sync()
    _ = kb.db
    kb.close()
    return layout.root, created
