"""Opening the SQLite index without importing sqlite-utils.

Commands read through a plain connection and write through `Database`, a few calls
on the same connection, in `transaction`s; sqlite-utils and the migrations are
imported only when the schema is behind. `PRAGMA user_version` holds the number of migrations applied
(kb/store/db.py keeps it in step).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
import stat
from pathlib import Path
from typing import Callable, Iterator

from kb.atomic import make_folder, shown, why_full
from kb.errors import KBError
from kb.store.fts import register as register_functions

#: The number of migrations in kb/store/db.py; a test keeps the two in step.
SCHEMA_VERSION = 25
BUSY_TIMEOUT_MS = 60_000
#: How long kb waits for another program's lock on the index before it says so.
NOTICE_AFTER_MS = 1_000
#: What a wait for the index's lock names it (kb's own writers queue on .kb/lock first, so
#: the one holding it is a program that is not kb).
LOCKED_BY = ("the index .kb/kb.sqlite is locked by another program (a sqlite3 shell or a database browser "
             "holding a transaction open)")


#: The longest path of a database SQLite opens: its Unix file layer holds a path in 512 bytes,
#: and makes the journal's path of it, 8 bytes longer ("-journal").
LONGEST_PATH = 504


def path_too_long(path: Path) -> KBError | None:
    """Why SQLite cannot open a database at `path`, or None: its path, as the file system takes
    it, is over LONGEST_PATH bytes (a knowledge base deep in a tree of long folder names; the
    index `kb rebuild` makes aside in .kb/tmp/ has a longer name than the index). SQLite said
    only 'unable to open database file', and kb's hint to run `kb rebuild` failed the same way."""
    size = len(os.fsencode(os.path.abspath(path)))
    if size <= LONGEST_PATH:
        return None
    return KBError(f"SQLite cannot open the index {shown(path.name)} in {shown(path.parent)[:40]}...: its path is "
                   f"{size:,} bytes long, and SQLite opens no database whose path is over {LONGEST_PATH} bytes",
                   hint="move the knowledge base to a folder of a shorter path (its index and the one `kb rebuild` "
                        "makes beside it need about 60 bytes more than the folder's)")


def read_only(path: Path) -> bool:
    """Whether the index exists but its folder cannot be written (a read-only mount, a
    shared copy): kb then reads it as it is, and refuses to write in one clear line."""
    return path.exists() and not os.access(path.parent, os.W_OK)


def connect(path: Path, on_wait: Callable[[str | None], None] | None = None) -> sqlite3.Connection:
    """WAL mode, a long busy timeout, autocommit (kb opens its own transactions).
    An index in a folder kb cannot write is opened read-only (`read_only`). A wait for
    another program's lock is told to `on_wait` (`waiting`): one holding the index in
    exclusive locking mode keeps even readers out."""
    too_long = path_too_long(path)
    if too_long is not None:
        raise too_long
    if read_only(path):
        # Read-only, with its write-ahead log when SQLite can read it (what a writer left
        # uncheckpointed); else the file as it is (immutable: no lock, no log, no -shm).
        error: sqlite3.DatabaseError | None = None
        for query in ("mode=ro", "mode=ro&immutable=1"):
            try:
                conn = sqlite3.connect(f"file:{path}?{query}", uri=True, isolation_level=None,
                                       check_same_thread=False)
                register_functions(conn)
                conn.execute("select count(*) from papers").fetchone()
                return conn
            except sqlite3.DatabaseError as exc:
                error = exc
        raise KBError(f"the index {shown(path)} cannot be read: {error}",
                      hint="the knowledge base is read-only here, so kb cannot rebuild it")
    make_folder(path.parent)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000,
                               isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if waiting(conn, "PRAGMA journal_mode", on_wait).fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        register_functions(conn)          # the full-text triggers fold text with kb_search_text()
    except sqlite3.DatabaseError as exc:
        raise _not_a_file(path) or cannot_grow(exc, path) or KBError(
            f"the index {shown(path)} cannot be opened: {exc}",
            hint="run `kb rebuild` to rebuild it from references.bib, claims/ and the source cache") from None
    return conn


def _not_a_file(path: Path) -> KBError | None:
    """The error for an index that is no file (a link to /dev/null, a FIFO, a folder), asked once
    SQLite failed on it: its write failed as on a full disk, and kb said to free space."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    what = ("a folder" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    what = f"a link to {what}" if os.path.islink(path) else what
    return KBError(f"the index {shown(path)} is {what}, not a file: kb cannot open it",
                   hint="run `kb rebuild`: it moves it aside and makes the index again from references.bib, "
                        "claims/ and the source cache")


def cannot_grow(exc: sqlite3.DatabaseError, path: Path) -> KBError | None:
    """The error to raise where SQLite could not write the index `path` (SQLITE_FULL, or SQLITE_IOERR
    writing its log or shared memory: a full disk, a file-size limit, `ulimit -f`, which SQLite words
    as either) as it opened or migrated it: the machine's state, said as such (`why_full`), never a
    damaged index to rebuild, which a rebuild under the same limit could not write either. None for
    another error."""
    text = str(exc).lower()
    if "disk is full" not in text and "disk i/o error" not in text:
        return None
    odd = _not_a_file(path)         # a link to /dev/null fails as a full disk does
    if odd is not None:
        return odd
    why, then = why_full(Path(path).parent)
    return KBError(f"cannot write the index .kb/kb.sqlite: {why}; nothing was changed, and the files are "
                   f"as they were", hint=then)


def is_current(conn: sqlite3.Connection, path: Path | None = None) -> bool:
    """Whether the index's schema is this kb's; False when behind (to migrate). An index a
    newer kb made (more migrations than this kb knows) is refused: its tables may mean
    what this kb cannot read, and migrating set its count back to this kb's, so the newer
    kb would apply its own migrations to it again."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise (path and cannot_grow(exc, path)) or KBError(f"the index is damaged: {exc}",
                                                           hint="run `kb rebuild`") from None
    if version > SCHEMA_VERSION:
        raise KBError(f"the index was made by a newer kb (its schema is version {version}, this kb's "
                      f"{SCHEMA_VERSION}); nothing read or written",
                      hint="use the newer kb, or `kb rebuild` makes an index of this kb's from the files")
    return version == SCHEMA_VERSION


class Database:
    """The index for writing: the four calls kb makes on it (execute, executescript, query,
    atomic), on a plain connection. They mean what they mean on sqlite-utils' Database,
    which runs the migrations (kb/store/db.py) and is imported only then: every write
    command would otherwise load it, about 55 ms, to pass statements through."""

    __slots__ = ("conn", "on_wait")

    def __init__(self, conn: sqlite3.Connection, on_wait: Callable[[str | None], None] | None = None):
        self.conn = conn
        self.on_wait = on_wait          # hears of a wait for another program's lock (`begin`)

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def executescript(self, sql: str) -> sqlite3.Cursor:
        return self.conn.executescript(sql)

    def query(self, sql: str, parameters=None) -> Iterator[dict]:
        """Rows as dictionaries, read as they are iterated."""
        cursor = self.execute(sql, parameters)
        if cursor.description is None:
            raise ValueError("query() is for statements that return rows")
        keys = [d[0] for d in cursor.description]
        return (dict(zip(keys, row)) for row in cursor)

    @contextlib.contextmanager
    def atomic(self) -> Iterator["Database"]:
        """A transaction (`transaction`), or a savepoint inside one."""
        conn = self.conn
        if not conn.in_transaction:
            with transaction(self):
                yield self
            return
        name = f"kb_{next(_SAVEPOINTS)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield self
        except BaseException:
            if conn.in_transaction:        # a RAISE(ROLLBACK) may have ended it already
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {name}")


_SAVEPOINTS = itertools.count()


def waiting(conn: sqlite3.Connection, sql: str, on_wait: Callable[[str | None], None] | None = None):
    """`conn.execute(sql)`, waiting at most BUSY_TIMEOUT_MS for a lock another program holds.
    A wait past NOTICE_AFTER_MS is told to `on_wait` (what waits and for how long at most),
    and `on_wait(None)` when it is over: behind a sqlite3 shell in a transaction, a command
    said nothing for a minute before its error."""
    first = min(NOTICE_AFTER_MS, BUSY_TIMEOUT_MS)
    if on_wait is None or first >= BUSY_TIMEOUT_MS:
        return conn.execute(sql)
    conn.execute(f"PRAGMA busy_timeout = {first}")
    try:
        return conn.execute(sql)
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc).lower():
            raise
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    on_wait(f"{LOCKED_BY}; waiting for it to let go (at most {BUSY_TIMEOUT_MS / 1000:g} s)")
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS - first}")
        return conn.execute(sql)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        on_wait(None)


@contextlib.contextmanager
def transaction(db):
    """One write transaction on `db` (a Database, or sqlite-utils' in the migrations),
    taken IMMEDIATE so concurrent writers queue on the busy timeout instead of failing
    with 'database is locked' mid-way; inside one already, a savepoint (db.atomic)."""
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    waiting(conn, "BEGIN IMMEDIATE", getattr(db, "on_wait", None))
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
