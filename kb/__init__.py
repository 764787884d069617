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
from kb.ops.claims import add_claim, extract, list_claims, run_checks
from kb.ops.audit import audit, audit_note
from kb.ops.doctor import diagnose
from kb.ops.export import bib_text, csl_json, export_note
from kb.ops.papers import add, import_bib, list_papers, load_text, show_paper
from kb.ops.quotes import add_quote, list_quotes, remove_quote, verify_all, verify_note
from kb.ops.rebuild import rebuild
from kb.ops.search import search
from kb.ops.session import open_kb
from kb.store.knowledgebase import KB, init
from kb.version import VERSION as __version__

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
