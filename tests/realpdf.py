"""The corpus' real PDFs as kb's extractor reads them, extracted once per test run.

pypdf takes one to three seconds over a real paper, and several test files read
the same PDFs by the same extractor (the extractor's own tests, quote matching on
their artefacts). `extracted(name, extractor)` runs kb.sources.pdf.extract the
first time any test process of the run asks for that PDF and extractor, and keeps
the result: in the process, and in the folder the run's first process named in
KB_TEST_SHARED (tests/conftest.py), where the other test process finds it. Without
that folder (a test file run on its own by another runner) it keeps it in the
process only. What the tests assert on is what the extractor made, in this run.
"""

from __future__ import annotations

import os
import pickle
from functools import lru_cache
from pathlib import Path

from corpus import corpus_path

SHARED = "KB_TEST_SHARED"


@lru_cache(maxsize=None)
def extracted(name: str, extractor: str | None = None):
    """kb.sources.pdf.extract of the corpus PDF `name` (skips where the corpus is absent)."""
    from kb.sources.pdf import extract

    path = corpus_path("pdf", name)
    folder = os.environ.get(SHARED)
    kept = Path(folder) / f"{name}.{extractor or 'default'}.pickle" if folder else None
    if kept is not None and kept.exists():
        with kept.open("rb") as f:
            return pickle.load(f)
    result = extract(path.read_bytes(), extractor=extractor)
    if kept is not None:
        part = kept.with_name(f"{kept.name}.{os.getpid()}.part")
        part.write_bytes(pickle.dumps(result))
        os.replace(part, kept)          # whole or absent: the other process never reads half
    return result
