"""Opening a knowledge base for work: the store with its derive step.

Every command (and any script using kb as a library) opens a knowledge base
through `open_kb`, so the index it reads is brought up to date with the files,
derived data included.
"""

from __future__ import annotations

import os
from typing import Callable

from kb.lazyimport import lazy_import
from kb.store.knowledgebase import KB

# The derive step runs only when something was indexed: a command reading an index in
# step with its files never loads it (nor the citation graph and units it uses), nor
# the indexer.
derive = lazy_import("kb.ops.derive")
index = lazy_import("kb.store.index")


def open_kb(explicit: str | os.PathLike | None = None, *, sync: bool = True,
            progress: index.Progress | None = None, on_busy: Callable[[str | None], None] | None = None,
            jobs: int | None = 1, settings: bool = True) -> KB:
    """The knowledge base at `explicit` (else KB_HOME, else the nearest kb.toml),
    its index brought up to date unless `sync` is false; `on_busy` hears of a wait
    for another command's writer lock, `jobs` as KB's.

    A kb.toml that is not TOML (a merge conflict left in it, a syntax error) is refused here,
    in one line naming it and the line, before anything is read or written: it marks the root
    and holds the limits every indexing reads, and was said only by the commands that index a
    PDF. A limit there that is none (`max_pages = 'ten'`, `max_stream_mb = -1`) alike. kb.toml is parsed once a
    command anyway (`unknown_settings`). `settings=False` (kb doctor,
    which names it as a problem) opens it all the same."""
    kb = KB.open(explicit, sync=False, derive=apply_derive, progress=progress, on_busy=on_busy, jobs=jobs)
    if settings:
        _ = kb.settings             # FileFormatError: kb.toml:LINE: ...
        kb.check_limits()           # ... and of a limit that is none (max_pages = 'ten'): kb.toml:LINE: limit ...
    if sync:
        kb.sync()
    kb.warnings += kb.unread_settings() + kb.unknown_settings()      # said once by every command that opens it
    return kb


def apply_derive(kb: KB, changes: index.Changes) -> None:
    """kb.ops.derive.apply, loaded when first called."""
    derive.apply(kb, changes)
