"""Which truth files changed since they were indexed: stat only, never reading them.

Every command that opens a knowledge base asks this first (KB.sync): at 10,000 claims
files, 10,000 stats and a read of as many `files` rows. The stats are the floor (a file
edited in place changes nothing but its own identity); the rest is kept to one ordered
read and one comparison of two lists. (Asking it in a thread while the command's modules
load was tried and measured slower: the thread's loop and the imports contend for the
interpreter, and each stat waits for its turn.)
"""

from __future__ import annotations

import os
from pathlib import Path

from kb.store.paths import Layout

BIB_REL = "references.bib"

#: What decides whether a truth file changed since it was indexed, without reading it.
Identity = tuple[int, int, int, int]      # size, mtime_ns, ctime_ns, inode


def truth_files(layout: Layout) -> dict[str, Path]:
    files = {BIB_REL: layout.bib}
    if layout.claims.is_dir():
        for path in sorted(layout.claims.glob("*.toml")):
            files[f"claims/{path.name}"] = path
    return files


def identity(path: Path) -> Identity | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def scan(layout: Layout) -> list[tuple[str, int, int, int, int]]:
    """(relative path, *identity) of every truth file, as the `files` table holds them, in
    order of path: one scandir and one stat a file, no Path objects (a knowledge base may
    hold thousands of claims files, and this runs on every command: the stats are most of
    its cost)."""
    out = _claims_identities(layout)
    st = identity(layout.bib)
    if st is not None:
        out.append((BIB_REL, *st))
    out.sort()
    return out


def _claims_identities(layout: Layout) -> list[tuple[str, int, int, int, int]]:
    out: list[tuple[str, int, int, int, int]] = []
    # Listed through a descriptor of the folder where the platform allows it: each stat then
    # looks up one name, not the whole path.
    folder: int | None = None
    try:
        if os.scandir in os.supports_fd and hasattr(os, "O_DIRECTORY"):
            folder = os.open(layout.claims, os.O_RDONLY | os.O_DIRECTORY)
        with os.scandir(layout.claims if folder is None else folder) as entries:
            for entry in entries:
                name = entry.name
                if name.endswith(".toml"):
                    try:
                        if entry.is_file():
                            s = entry.stat()
                            out.append(("claims/" + name, s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino))
                    except OSError:
                        continue
    except OSError:             # no claims folder (or none kb may read): no claims files
        pass
    finally:
        if folder is not None:
            os.close(folder)
    return out


def glance(layout: Layout) -> tuple:
    """The identities of references.bib and of the claims folder (which changes when a file
    in it is added, removed, renamed or replaced, not when one is edited in place)."""
    return identity(layout.bib), identity(layout.claims)


def stale_files(conn, layout: Layout) -> list[str]:
    """Truth files whose size, mtime, ctime or inode differ from what was indexed, and
    indexed files that are gone (cheap: stat only). Both sides are in order of path, so
    the common answer, nothing changed, is one query and one comparison of two lists;
    only when they differ is each file looked up."""
    if not layout.db.exists():
        return list(truth_files(layout)) or [BIB_REL]
    return changed_since(conn, scan(layout))


def changed_since(conn, current: list[tuple[str, int, int, int, int]]) -> list[str]:
    """stale_files of a `scan` made already (in another thread, say)."""
    rows = conn.execute("select path, size, mtime_ns, ctime_ns, inode from files order by path").fetchall()
    if rows == current:
        return []
    recorded = {path: tuple(ident) for path, *ident in rows}
    now = {rel: tuple(ident) for rel, *ident in current}
    stale = [rel for rel, ident in now.items() if recorded.get(rel) != ident]
    stale += [rel for rel in recorded if rel not in now]
    return stale
