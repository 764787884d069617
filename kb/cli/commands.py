"""The `kb` command's table of commands: each top-level command or group, the family
module in kb/cli/ that defines it, and its one-line help. The root (kb.cli.app) lists
them and loads a family when one of its commands runs; the entry point (kb.cli.launch)
reads it before anything else loads."""

from __future__ import annotations

#: Every top-level command or group: (its family module in kb/cli/, its one-line help).
COMMANDS: dict[str, tuple[str, str]] = {
    'init': ('papers', 'Make a folder a knowledge base: kb.toml, references.bib, claims/, .kb/.'),
    'where': ('papers', 'Print the knowledge base root and its database path.'),
    'add': ('papers', 'Add papers from arXiv, a DOI or a local PDF (re-adding updates, never duplicates).'),
    'import': ('papers', 'Import many BibTeX entries at once (all or nothing), keeping each entry and its key exactly as written; PDFs named in Zotero/JabRef `file` fields are attached.'),
    'ls': ('papers', 'List the papers (filtered by tag, year, author; sorted).'),
    'show': ('papers', 'One paper: metadata, versions, pages, sha256 of each PDF, where it came from.'),
    'text': ('papers', 'Page text: as kb holds it (show), extracted elsewhere (load), or again by another extractor (extract).'),
    'verify': ('quotes', "Re-verify every stored quote (or a note's quotes) against the papers' text; exit 1 if any fails."),
    'quote': ('quotes', "Verbatim quotes, verified against the paper's own text."),
    'check': ('claims', 'Recompute every check in claims/ from the figures it rests on; exit 1 if any fails.'),
    'claim': ('claims', 'A numeric claim with its unit, quote and provenance.'),
    'claims': ('claims', 'List claims; extract candidates from a paper; promote or dismiss them.'),
    'search': ('search', 'Search page text, quotes and claims: best matches first, with a snippet and page.'),
    'export': ('export', 'Notes, BibTeX and CSL-JSON made from the knowledge base.'),
    'refs': ('graph', "A paper's parsed reference list: each entry and the paper it resolves to (or none)."),
    'graph': ('graph', "Who cites whom, from the papers' own reference lists."),
    'cite': ('graph', 'Citations from Semantic Scholar.'),
    'doctor': ('doctor', 'Check that the files and the index agree, the cache is intact and every verified quote still verifies; say how to repair each problem.'),
    'rebuild': ('doctor', 'Make a new index from references.bib, claims/ and the source cache (for a database deleted, damaged or out of step); a damaged one is kept aside as kb.sqlite.corrupt-TIME.'),
    'audit': ('audit', 'Check every figure a paper attributes to another paper here against that paper.'),
    'rm': ('library', 'Remove papers: their references.bib entries, claims files and index rows.'),
    'rename': ('library', 'Change a citekey everywhere kb keeps it; the old key stays as an alias (`ids`).'),
    'tag': ('library', 'Tag a paper: `kb tag KEY +energy -draft` (stored in references.bib as `keywords`).'),
    'open': ('library', "Open the newest version's PDF with the system's viewer (xdg-open, open)."),
    'edit': ('library', 'Edit one entry of references.bib in $EDITOR; it is checked before it is written back (one valid entry; the key unchanged, or a free key, which renames the paper).'),
}

FAMILIES = tuple(dict.fromkeys(family for family, _ in COMMANDS.values()))
