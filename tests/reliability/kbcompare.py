"""Comparing two knowledge bases built by different routes (kb add --jobs 1 and
--jobs 2, say): their truth files byte for byte and every row of their index.

Only what must differ between two runs is left out: times (added_at,
applied_at) and the file-system identity of indexed files (mtime, ctime,
inode, and the fingerprint of them the index notes); the full-text tables are SQLite's own copies of rows compared already."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kbproc import truth_files

#: Columns that hold when or where on disk, never what: they differ between any two runs.
VOLATILE = {"added_at", "applied_at", "mtime_ns", "ctime_ns", "inode"}


def index_dump(root: Path) -> dict[str, list[tuple]]:
    """Every table of the index (full-text shadow tables aside) as sorted rows."""
    conn = sqlite3.connect(root / ".kb" / "kb.sqlite")
    try:
        tables = [r[0] for r in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like '%fts%' "
            "and name not like 'sqlite_%' and name != '_sqlite_migrations' order by name")]
        out = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f"pragma table_info({table})") if r[1] not in VOLATILE]
            listed = ", ".join(f'"{c}"' for c in columns)
            where = " where key != 'files_digest'" if table == "meta" else ""   # a digest of those identities
            out[table] = sorted(conn.execute(f'select {listed} from "{table}"{where}').fetchall(), key=repr)
        return out
    finally:
        conn.close()


def read_waiting_lists(root: Path) -> None:
    """Read the reference lists waiting for the graph's first reader (refs_later), as the next
    `kb graph` would: which command stored a text (a bulk import's worker, or the first command
    after a kill, attaching it from the source cache) decides only when its list is read."""
    conn = sqlite3.connect(root / ".kb" / "kb.sqlite")
    try:
        waiting = conn.execute("select 1 from refs_later limit 1").fetchone() is not None
    finally:
        conn.close()
    if waiting:
        from kb.ops.derive import ensure_references
        from kb.ops.session import open_kb

        kb = open_kb(root)
        try:
            ensure_references(kb)
        finally:
            kb.close()


def differences(a: Path, b: Path) -> list[str]:
    """What differs between two knowledge bases: files, then index tables (empty: the same),
    once each has read the reference lists waiting for it (read_waiting_lists)."""
    for root in (a, b):
        read_waiting_lists(root)
    out = []
    files_a, files_b = truth_files(a), truth_files(b)
    for rel in sorted(set(files_a) | set(files_b)):
        if files_a.get(rel) != files_b.get(rel):
            out.append(f"{rel} differs")
    index_a, index_b = index_dump(a), index_dump(b)
    for table in sorted(set(index_a) | set(index_b)):
        rows_a, rows_b = index_a.get(table, []), index_b.get(table, [])
        if rows_a != rows_b:
            only_a = [r for r in rows_a if r not in rows_b][:2]
            only_b = [r for r in rows_b if r not in rows_a][:2]
            out.append(f"table {table}: {len(rows_a)} vs {len(rows_b)} rows; e.g. {only_a!r:.300} / {only_b!r:.300}")
    return out
