"""`kb export note|bib|csl-json`."""

from __future__ import annotations

from typing import List, Optional

import typer

from kb.cli.common import complete_citekey, data, err, files_said, names_something, warn
from kb.cli.opening import open_kb
from kb.errors import UsageError
from kb.ops.export import (
    bib_export,
    cited_citekeys,
    csl_json,
    is_stdout,
    output_path,
    write_output,
)
from kb.ops.export import export_note as do_export
from kb.text.display import counted

_OUT_HELP = ("Write to this file (atomically) instead of stdout; - is stdout; a relative path is relative "
             "to the current folder. Never inside .kb/, never over references.bib, kb.toml or claims/, "
             "never in place of a symbolic link or a FIFO, never over a file kb did not write (or one changed "
             "since it did) unless --force.")
_FORCE_HELP = "Replace the -o file even if kb did not write it, or it was changed since."


def _split_ids(values: List[str]) -> List[str]:
    """--quotes a,b --quotes c -> [a, b, c]."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _emit(kb, text: str, output: Optional[str], force: bool, example: str) -> Optional[tuple[str, bool]]:
    """Write `text` to -o (atomically) or stdout; return the path and whether it was written (False:
    it held these bytes already, and was left as it was)."""

    if output is None or is_stdout(output):
        data(text)
        return None
    path = output_path(kb, output, force=force, example=example)
    return str(path), write_output(kb, path, text)


def _export_selected(render, noun: str, example: str, quotes: list[str], topic: list[str], paper: str | None,
                     cite: list[str], output: str | None, force: bool) -> None:
    """`kb export bib` / `csl-json`: the selected papers through `render(kb, keys)`
    (text, or a BibExport whose reshaping is said in one line on stderr). Selected by
    paper or none, the entries need no claims file."""

    kb = open_kb(papers_only=not quotes and not topic)
    if output is not None and not is_stdout(output):
        output_path(kb, output, force=force, example=example)
    keys = cited_citekeys(kb, ids=_split_ids(quotes) or None, topics=topic, paper=paper,
                          cite=_split_ids(cite))
    result = render(kb, keys)
    text = result if isinstance(result, str) else result.text
    summary = None if isinstance(result, str) else result.summary()
    written = _emit(kb, text, output, force, example)
    # said once the export is written: a write refused (stdout closed, a full disk) is said in its one line
    if summary:
        warn(summary + "; --as-stored writes them as references.bib holds them")
    for line in [] if isinstance(result, str) else result.specials:
        warn(line)
    if written:
        err(f"kb: {files_said([written])}: {counted(len(keys), noun)}\n")


app = typer.Typer()


export_app = typer.Typer(help="Notes, BibTeX and CSL-JSON made from the knowledge base.",
                         no_args_is_help=True)
app.add_typer(export_app, name="export")

@export_app.command("note")
def export_note(quotes: List[str] = typer.Option([], "--quotes", "-q", callback=names_something,
                                                 help="Quote ids, comma-separated, in the note's order."),
                topic: List[str] = typer.Option([], "--topic", "-t", callback=names_something,
                                                help="Quotes tagged with this topic (repeatable: all must "
                                                     "match). Tags only; see --text."),
                text: List[str] = typer.Option([], "--text", callback=names_something,
                                               help="Quotes holding these words (full-text, in the quote or "
                                                    "its tags; repeatable: all must match)."),
                paper: Optional[str] = typer.Option(None, "--paper", "-p", callback=names_something,
                                                    autocompletion=complete_citekey,
                                                    help="Quotes from this paper."),
                cite: List[str] = typer.Option([], "--cite", callback=names_something,
                                               help="Also list these papers (comma-separated) in the "
                                                    "references, after the quoted ones."),
                anchor: str = typer.Option("citekey", "--anchor",
                                           help="Reference anchors: citekey or slug (from the title); "
                                                "a paper's [paper] anchor in claims/ wins."),
                fmt: str = typer.Option("note", "--format", "-f",
                                        help="note (<note-quote> blocks), markdown (blockquotes with "
                                             "[@key, p. N] and a .bib beside -o), or json."),
                no_pages: bool = typer.Option(False, "--no-pages",
                                              help="Leave out each quote's page and version (the page=/version= "
                                                   "attributes, the locator in [@key, p. N] and the version "
                                                   "lines): blocks exactly as the note format writes them."),
                output: Optional[str] = typer.Option(None, "--output", "-o", help=_OUT_HELP),
                force: bool = typer.Option(False, "--force", help=_FORCE_HELP)) -> None:
    """Quotes as <note-quote> blocks with a numbered references list (or pandoc Markdown, JSON),
    each with the page (and the version, when not the newest) it was verified on.

    \b
    Examples:
      kb export note -t energy
      kb export note -q id1,id2 -f markdown -o exports/energy.md
    """

    kb = open_kb()
    example = "note.json" if fmt == "json" else "note.md"
    target = output_path(kb, output, force=force, example=example) \
        if output is not None and not is_stdout(output) else None
    bib_path = target.with_suffix(".bib") if target is not None and fmt == "markdown" else None
    if bib_path is not None:
        if bib_path == target:
            raise UsageError(f"-o {output}: a Markdown export cannot be a .bib file; its entries go "
                             "beside it, e.g. -o note.md writes note.bib")
        output_path(kb, bib_path, force=force)
    result = do_export(kb, ids=_split_ids(quotes) or None, topics=topic, paper=paper,
                       cite=_split_ids(cite), anchor=anchor, fmt=fmt,
                       bib_name=bib_path.name if bib_path else None, pages=not no_pages, text=text or None)
    for message in result.warnings:
        warn(message)
    if fmt == "markdown" and bib_path is None:
        warn("no .bib written with stdout output; use -o FILE.md to get FILE.bib beside it "
             "(or kb export bib)")
    if target is None:
        data(result.text)
        return
    done = []
    if bib_path is not None and result.bib is not None:
        if result.bib_summary:
            warn(f"{bib_path.name}: {result.bib_summary}")
        done.append((bib_path, write_output(kb, bib_path, result.bib)))
    done.insert(0, (target, write_output(kb, target, result.text)))
    err(f"kb: {files_said(done)}: {counted(len(result.quotes), 'quote')}, "
        f"{counted(len(result.references), 'reference')}\n")

@export_app.command("bib")
def export_bib(quotes: List[str] = typer.Option([], "--quotes", "-q", callback=names_something,
                                                help="Papers these quotes cite (ids, comma-separated)."),
               topic: List[str] = typer.Option([], "--topic", "-t", callback=names_something,
                                               help="Papers cited by quotes and claims tagged with this topic."),
               paper: Optional[str] = typer.Option(None, "--paper", "-p", callback=names_something,
                                                   autocompletion=complete_citekey, help="This paper."),
               cite: List[str] = typer.Option([], "--cite", callback=names_something,
                                              help="Also these papers (comma-separated; a key kept "
                                                                  "in a paper's ids field names that paper)."),
               as_stored: bool = typer.Option(False, "--as-stored",
                                              help="Each entry exactly as references.bib holds it, byte for "
                                                   "byte (imported entries keep fields biber's data model "
                                                   "does not take, e.g. Crossref's publisher on @article)."),
               output: Optional[str] = typer.Option(None, "--output", "-o", help=_OUT_HELP),
               force: bool = typer.Option(False, "--force", help=_FORCE_HELP)) -> None:
    """BibTeX of the papers the selected quotes and claims cite (no filter: every entry), from
    references.bib, shaped so `biber --validate-datamodel` has nothing to warn about: fields
    an entry's type does not take are dropped (DBLP's timestamp/biburl, publisher on @article;
    a @misc's publisher becomes its howpublished, a report's its institution, an arXiv version
    joins eprint), months become macros (month = jun), a date becomes ISO 8601, a volume or
    year that is no number and a bad ISBN/ISSN go to note, an unknown type becomes @misc (one
    missing mandatory fields another type when nothing is lost: an edited @book a @collection),
    crossref parents come along, and Crossref's escaped Greek letters ($\\{upOmega}$) are
    written as LaTeX's ($\\Omega$: pandoc refuses the whole file over the escaped brace).
    Entries that need none of this are copied byte for byte.
    stderr says what was reshaped; --as-stored changes nothing.

    --cite and --paper take a key a paper had before (its ids field).

    \b
    Examples:
      kb export bib -o references-clean.bib
      kb export bib -t energy -o exports/energy.bib
    """

    whole = not (quotes or topic or paper or cite)      # every entry: an @xdata no paper names too
    _export_selected(lambda kb, keys: bib_export(kb, keys, as_stored=as_stored, whole=whole), "entry", "refs.bib",
                     quotes, topic, paper, cite, output, force)

@export_app.command("csl-json")
def export_csl(quotes: List[str] = typer.Option([], "--quotes", "-q", callback=names_something,
                                                help="Papers these quotes cite (ids, comma-separated)."),
               topic: List[str] = typer.Option([], "--topic", "-t", callback=names_something,
                                               help="Papers cited by quotes and claims tagged with this topic."),
               paper: Optional[str] = typer.Option(None, "--paper", "-p", callback=names_something,
                                                   autocompletion=complete_citekey, help="This paper."),
               cite: List[str] = typer.Option([], "--cite", callback=names_something,
                                              help="Also these papers (comma-separated)."),
               output: Optional[str] = typer.Option(None, "--output", "-o", help=_OUT_HELP),
               force: bool = typer.Option(False, "--force", help=_FORCE_HELP)) -> None:
    """CSL-JSON (for pandoc, Zotero, citeproc) of the selected papers (no filter: all).

    \b
    Examples:
      kb export csl-json -o exports/references.json
      kb export csl-json -t energy
    """

    _export_selected(csl_json, "item", "refs.json", quotes, topic, paper, cite, output, force)
