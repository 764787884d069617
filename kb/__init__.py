"""kb: a literature-and-claims knowledge base.

Quotes are verified against the paper's own text, numbers are recomputed with
units, and a note's quotes can be linted against their sources.

The library's public surface is below (`__all__`); the `kb` command is a thin
layer over it (kb.cli). A script opens a knowledge base and calls operations:

    import kb
    base = kb.open_kb("notes/")
    kb.add(base, "arxiv:2311.16863")
    kb.add_quote(base, "luccioni2023power", "Generative tasks are more energy- and carbon-intensive ...")
    for outcome in kb.run_checks(base):
        print(outcome.line)

Layers, bottom to top (a module imports only from its own layer or below):
errors/atomic/version; text, quantities; sources; store; graph; ops; cli.
"""

from kb.errors import (
    FileFormatError,
    KBError,
    LimitExceeded,
    LockTimeout,
    NetworkError,
    NotFound,
    PDFError,
    UsageError,
)
from kb.version import VERSION as __version__

#: Where each name of the public surface lives. The package loads a module when one of
#: its names is first used (PEP 562), so importing any part of kb (the `kb` command,
#: kb.text alone) does not load all of it; every module's own imports stay at module level.
_SURFACE = {
    "KB": "kb.store.knowledgebase", "init": "kb.store.knowledgebase", "open_kb": "kb.ops.session",
    "add": "kb.ops.papers", "import_bib": "kb.ops.papers", "load_text": "kb.ops.papers",
    "list_papers": "kb.ops.library", "show_paper": "kb.ops.library",
    "add_quote": "kb.ops.quotes", "list_quotes": "kb.ops.quotes", "remove_quote": "kb.ops.quotes",
    "verify_all": "kb.ops.quotes", "verify_note": "kb.ops.quotes",
    "add_claim": "kb.ops.claims", "list_claims": "kb.ops.claims", "extract": "kb.ops.claims",
    "run_checks": "kb.ops.claims",
    "search": "kb.ops.search", "export_note": "kb.ops.export", "bib_text": "kb.ops.export",
    "csl_json": "kb.ops.export", "audit": "kb.ops.audit", "audit_note": "kb.ops.audit",
    "diagnose": "kb.ops.doctor", "rebuild": "kb.ops.rebuild",
}


def __getattr__(name: str):
    module = _SURFACE.get(name)
    if module is None:
        raise AttributeError(f"module 'kb' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "__version__",
    # errors
    "KBError", "UsageError", "NotFound", "FileFormatError", "NetworkError", "PDFError", "LimitExceeded",
    "LockTimeout",
    # a knowledge base
    "KB", "init", "open_kb",
    # papers
    "add", "import_bib", "load_text", "list_papers", "show_paper",
    # quotes and claims
    "add_quote", "list_quotes", "remove_quote", "verify_all", "verify_note",
    "add_claim", "list_claims", "extract", "run_checks",
    # finding and exporting
    "search", "export_note", "bib_text", "csl_json",
    # restatements of one paper's figures by another
    "audit", "audit_note",
    # keeping it sound
    "diagnose", "rebuild",
]
