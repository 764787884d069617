"""Opening a knowledge base for work: the store with its derive step.

Every command (and any script using kb as a library) opens a knowledge base
through `open_kb`, so the index it reads is brought up to date with the files,
derived data included.
"""

from __future__ import annotations

import os

from kb.ops import derive
from kb.store.index import Progress
from kb.store.knowledgebase import KB


def open_kb(explicit: str | os.PathLike | None = None, *, sync: bool = True,
            progress: Progress | None = None) -> KB:
    """The knowledge base at `explicit` (else KB_HOME, else the nearest kb.toml),
    its index brought up to date unless `sync` is false."""
    return KB.open(explicit, sync=sync, derive=derive.apply, progress=progress)
