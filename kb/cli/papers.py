"""`kb init`, `kb where`, `kb add`, `kb import`, `kb ls`, `kb show`, `kb text load`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import List, Optional

import typer

from kb.atomic import shown
from kb.cli.common import (
    echo,
    emit_json,
    input_path,
    names_a_paper,
    names_a_path,
    names_an_input,
    names_something,
    none_listed,
    state,
    table,
    version_null,
    warn,
)
from kb.cli.library import complete_citekey, complete_tag
from kb.cli.opening import open_kb, open_kb_apart, say_apart
from kb.cli.progress import Progress
from kb.errors import KBError, NotFound, UsageError, shell_word
from kb.lazyimport import lazy_import
from kb.ops.bulk import default_jobs
from kb.ops.library import (
    SORTS,
    filter_papers,
    list_papers,
    page_text,
    pdf_path,
    show_paper,
    split_tags,
    undefined_strings,
)
from kb.store import paths
from kb.store.knowledgebase import init as do_init
from kb.text.display import NO_TITLE, counted, few_of, untitled_said
from kb.text.names import short_authors
from kb.text.versions import labelled

# What adds and imports papers: kb where, ls and show never load it.
paper_ops = lazy_import("kb.ops.papers")
pdf_text = lazy_import("kb.sources.pdf")
ids = lazy_import("kb.text.ids")

app = typer.Typer()


# -- knowledge base -----------------------------------------------------------------

@app.command()
def init(folder: Optional[str] = typer.Argument(
        None, callback=names_a_path, metavar="FOLDER",
        help="Folder to make a knowledge base (created if needed; default: the --kb folder, else KB_HOME, else this "
             "folder: the one later commands will use).")) -> None:
    """Make a folder a knowledge base: kb.toml, references.bib, claims/, .kb/.

    \b
    Example:
      kb init ~/papers/ai-energy && cd ~/papers/ai-energy
      kb add paper.pdf --offline
    """

    # With no folder, the one every other command would open (--kb, then KB_HOME), as they find it: `KB_HOME=~/kb
    # kb init` made this folder one, and the next command, reading KB_HOME, found none there.
    home = Path(os.environ["KB_HOME"]).expanduser() if os.environ.get("KB_HOME") else None
    given = folder if folder is not None else state["kb"] if state["kb"] is not None else home
    root, created = do_init(given if given is not None else Path("."))
    named = "" if folder is not None or given is None else " (--kb)" if state["kb"] is not None else " (KB_HOME)"
    echo(f"{'initialised' if created else 'already a knowledge base:'} {shown(root)}{named}")
    if folder is not None and state["kb"] is None and home is not None and home.resolve() != root.resolve():
        # a folder named while KB_HOME names another: the commands that follow open KB_HOME's, not this one
        warn(f"KB_HOME points to {shown(home)}: commands use that one, not {shown(root)}, while it is set "
             f"(kb --kb {shell_word(root)} ... for this one)")
        return
    outer = next((up for up in root.parents if (up / paths.MARKER).is_file()), None) if created else None
    if outer is not None and home is None and state["kb"] is None:
        # `kb init` run in a folder of a knowledge base (its notes/): made, as asked, but every command run
        # there, which found the outer one, now finds this one instead
        warn(f"{shown(root)} is inside the knowledge base {shown(outer)}: commands run in this folder now use "
             f"the new one (kb --kb {shell_word(outer)} ... for the other)")


@app.command()
def where(as_json: bool = typer.Option(False, "--json", help="Print JSON: {root, database, references, claims, "
                                                             "cache}.")) -> None:
    """Print the knowledge base root and its database path.

    \b
    Examples:
      kb where
      kb --kb ~/papers/ai-energy where --json
    """

    layout = paths.layout(state["kb"])
    info = {"root": str(layout.root), "database": str(layout.db), "references": str(layout.bib),
            "claims": str(layout.claims), "cache": str(layout.cache)}
    if as_json:
        emit_json(info)
    else:
        echo(f"root      {shown(info['root'])}\ndatabase  {shown(info['database'])}")


# -- papers ---------------------------------------------------------------------------

JOBS_HELP = (f"Processes extracting PDF text at once (default: every core, {default_jobs()} here; "
             "1: one at a time, in one process beside kb's own). Papers are still written one at a "
             "time, in the order given, whatever N is.")


def _jobs(jobs: int | None) -> int:
    """--jobs as given, else every core; below 1 is refused."""
    if jobs is not None and jobs < 1:
        raise UsageError(f"--jobs {jobs}: give 1 or more processes (1: one PDF at a time)")
    return default_jobs() if jobs is None else jobs


def _attach_to_key(key: str, identifiers: List[str], extractor: str | None, replace_text: bool,
                   as_json: bool) -> None:
    """`kb add FILE.pdf --key KEY`: one local PDF, attached to paper KEY."""
    if len(identifiers) != 1 or identifiers[0] == "-" \
            or not isinstance(parsed := ids.parse_identifier(identifiers[0]), ids.LocalFile):
        raise UsageError("--key attaches one PDF file to the paper KEY: kb add paper.pdf --key KEY")
    if extractor is not None:
        pdf_text.parse_plan(extractor)
    kb = open_kb()
    result = paper_ops.attach_file(kb, key, parsed.path, extractor=extractor, replace_text=replace_text)
    if as_json:
        emit_json([result.to_dict()])
        return
    detail = ", ".join(filter(None, [result.version, counted(result.pages, "page") if result.pages else ""]))
    echo(f"{result.action:9} {result.citekey}" + (f" {detail}" if detail else "") + f"  {result.title or NO_TITLE}")
    for note in result.notes:
        warn(f"{result.citekey}: {note}")


@app.command()
def add(identifiers: List[str] = typer.Argument(..., help="arxiv:2311.16863, 2311.16863v1, doi:10.…, "
                                                           "https://arxiv.org/abs/…, or a PDF file."),
        offline: bool = typer.Option(False, "--offline", help="Never touch the network: a PDF's metadata from the PDF itself; "
                                                                "an arXiv id or DOI from kb's cache (or an error saying it "
                                                                "is not cached)."),
        refresh: bool = typer.Option(False, "--refresh", help="Ask arXiv/doi.org again instead of the 24 h cache."),
        extractor: str = typer.Option(None, "--extractor", metavar="pdfium|pypdf|both",
                                      help="Who extracts the PDF's text: pdfium (fast; the default when "
                                           "pypdfium2 is installed), pypdf (the reference), or both (a quote "
                                           "verifies if found in either). Default: what the same PDF was "
                                           "added with before."),
        jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N", help=JOBS_HELP),
        keep_unreadable: bool = typer.Option(False, "--keep-unreadable",
                                             help="Keep a PDF no extractor can read (corrupt, cut short) as a "
                                                  "paper of metadata only, its title its file name; without "
                                                  "it such a PDF is refused."),
        replace_text: bool = typer.Option(False, "--replace-text",
                                          help="A PDF's text replaces the text its paper holds even where it "
                                               "lacks most of its words (an excerpt, a chapter); without it "
                                               "such a PDF is refused and the held text kept."),
        key: Optional[str] = typer.Option(None, "--key", metavar="KEY", callback=names_something,
                                          autocompletion=complete_citekey,
                                          help="The one PDF given is the PDF of the paper KEY already here "
                                               "(checked: its first pages must print the paper's title or its "
                                               "authors' names)."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON: a list, a paper each: {citekey, action, "
                                                           "title, version, pages, notes}.")) -> None:
    """Add papers from arXiv, a DOI or a local PDF (re-adding updates, never duplicates).
    A PDF right after an arXiv id or a DOI is that paper's PDF: `kb add doi:10.… paper.pdf`;
    a PDF of a paper already here (imported from BibTeX): `kb add paper.pdf --key KEY`.

    Many PDFs at once (`kb add *.pdf`) are extracted on every core (--jobs) and added
    one at a time, in the order given; one that fails is said and the others go on.

    \b
    Examples:
      kb add arxiv:2311.16863
      kb add paper.pdf --offline
      kb add - --offline < paper.pdf
    """

    jobs = _jobs(jobs)
    if extractor is not None:           # an unknown --extractor is refused before any file is read
        pdf_text.parse_plan(extractor)
    if key is not None:
        _attach_to_key(key, identifiers, extractor, replace_text, as_json)
        return
    if "-" in identifiers and identifiers != ["-"] and not (
            len(identifiers) == 2 and identifiers[0] != "-" and identifiers[1] == "-"
            and isinstance(ids.parse_identifier(identifiers[0]), (ids.ArxivId, ids.Doi))):
        raise UsageError("- (a PDF on stdin) is one paper: give it alone (kb add - < paper.pdf) or after its "
                         "arXiv id or DOI (kb add doi:10.… - < paper.pdf)")
    stdin = input_path(Path("-"), "the PDF", ".pdf") if "-" in identifiers else None
    parsed = [ids.LocalFile(stdin) if ident == "-" else ids.parse_identifier(ident)
              for ident in identifiers]       # every one checked before any work
    pdf_of: dict[int, Path] = {}
    i = 0
    while i < len(parsed) - 1:
        if isinstance(parsed[i], (ids.ArxivId, ids.Doi)) and isinstance(parsed[i + 1], ids.LocalFile):
            pdf_of[i] = parsed[i + 1].path
            i += 2
        else:
            i += 1
    attached = {i + 1 for i in pdf_of}
    if extractor is not None:
        pdf_text.parse_plan(extractor)
    kb = open_kb_apart()
    if offline:
        kb.client.settings.offline = True     # belt and braces: add_pdf(offline=True) asks nothing
    items = [(ident, pdf_of.get(n)) for n, ident in enumerate(identifiers) if n not in attached]
    options = dict(offline=offline, refresh=refresh, extractor=extractor, keep_unreadable=keep_unreadable,
                   replace_text=replace_text)
    if len(items) == 1:
        ident, pdf = items[0]           # one paper: its errors are the command's, its pages drawn
        outcomes = [(ident, paper_ops.add_with_pdf(kb, ident, pdf, **options) if pdf
                     else paper_ops.add_file(kb, stdin, offline=offline, extractor=extractor,
                                             keep_unreadable=keep_unreadable, replace_text=replace_text)
                     if ident == "-"
                     else paper_ops.add(kb, ident, **options))]
    else:
        outcomes = paper_ops.add_many(kb, items, jobs=jobs, apart=True, **options)
    clear = getattr(kb.progress, "clear", None) or (lambda: None)
    results, failed = [], 0
    for ident, result in outcomes:
        clear()                         # the progress line, so what is printed stands alone
        if isinstance(result, KBError):
            failed = max(failed, result.exit_code)
            warn(f"{ident}: {result}")
            continue
        results.append(result)
        if not as_json:
            detail = ", ".join(filter(None, [result.version, counted(result.pages, "page") if result.pages else ""]))
            echo(f"{result.action:9} {result.citekey}" + (f" {detail}" if detail else "") + f"  {result.title or NO_TITLE}")
        for note in result.notes:
            warn(f"{result.citekey}: {note}")
    say_apart(kb)
    if as_json:
        emit_json([r.to_dict() for r in results])
    if failed:
        raise typer.Exit(failed)


@app.command("import")
def import_(file: List[str] = typer.Argument(..., callback=names_an_input,
                                             help="BibTeX files (Zotero, JabRef, any), imported in the order given; "
                                             "- reads stdin."),
            normalise: bool = typer.Option(False, "--normalise", "--normalize",
                                           help="Write new entries in kb's own style (macros resolved, "
                                           "fields in kb's order) instead of byte for byte as the file "
                                           "holds them."),
            fill: bool = typer.Option(False, "--fill",
                                      help="When an entry is a paper references.bib holds already in an "
                                      "entry you wrote, add the fields it lacks (journal, DOI, ...) to "
                                      "that entry; without it kb only records the imported key in ids."),
            jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N", help=JOBS_HELP),
            as_json: bool = typer.Option(False, "--json", help="Print JSON: {added, updated, unchanged, warnings, "
                                                               "aliases, renamed, replaced, attached, data, gone}; "
                                                               "several files: a list of them.")) -> None:
    """Import many BibTeX entries at once (all or nothing), keeping each entry and its key
    exactly as written; PDFs named in Zotero/JabRef `file` fields are attached.

    An entry for a paper kb added from its PDF alone (an entry kb guessed) replaces
    kb's entry, and the paper takes the entry's key (the guessed key stays in ids).

    The PDFs' text is extracted on every core (--jobs) and each PDF attached in its
    turn: one that cannot be read is said and the others go on; a second run attaches
    whatever an interrupted one had not.

    Several files are imported one after the other, each all or nothing: a file refused
    leaves the files before it imported, and says so.

    \b
    Examples:
      kb import ~/Zotero/library.bib
      kb import dblp.bib crossref.bib
      cat library.bib | kb import -
    """

    if sum(str(f) == "-" for f in file) > 1:
        raise UsageError("- (stdin) may be given once")
    jobs = _jobs(jobs)
    kb = open_kb()
    done: list[str] = []
    reports: list[dict] = []
    for path in file:
        bar = Progress(f"importing {shown(path.name)}", unit="entries")
        try:
            result = paper_ops.import_bib(kb, input_path(path, "BibTeX"), progress=bar.update if bar.on else None,
                                          normalise=normalise, fill=fill, jobs=jobs, apart=True)
        except KBError as exc:
            if done:        # the files before it are in references.bib: said, as the refusal is
                exc.hint = "; ".join(filter(None, [exc.hint, f"imported before it: {few_of([shown(d) for d in done])}"]))
            raise
        finally:
            bar.done()
        done.append(str(path))
        for w in result.warnings:
            warn(w if len(file) == 1 else f"{shown(path)}: {w}")
        if as_json:
            reports.append({"file": str(path), **result.__dict__} if len(file) > 1 else result.__dict__)
            continue
        lead = f"{shown(path)}: " if len(file) > 1 else ""
        for what, keys in (("added", result.added), ("updated", result.updated)):
            if keys:
                echo(f"{lead}{what}: {few_of([shown(k) for k in keys])}")
        echo(f"{lead}{len(result.added)} added, {len(result.updated)} updated, "
             f"{len(result.unchanged)} already present"
             + (f", {counted(len(result.aliases), 'key')} kept as aliases" if result.aliases else "")
             + (f", {counted(len(result.attached), 'PDF')} attached" if result.attached else "")
             + (f", {counted(len(result.data), '@xdata/@set entry')} kept"
                if result.data else ""))
    if as_json:     # one file: its report, as before; several: one report a file, in order
        emit_json(reports[0] if len(file) == 1 else reports)


@app.command("ls")
def ls(tag: List[str] = typer.Option([], "--tag", "-t", callback=names_something, help="Only papers with this tag (repeatable: all of them).",
                                     autocompletion=complete_tag),
       year: Optional[str] = typer.Option(None, "--year", callback=names_something, help="Only papers of this year (2019) or range (2018-2020)."),
       author: Optional[str] = typer.Option(None, "--author", callback=names_something, help="Only papers with an author whose name holds this."),
       sort: str = typer.Option("bib", "--sort", help="Order: " + ", ".join(SORTS) + " (bib: as references.bib holds them; added: when its text was, papers without text last)."),
       as_json: bool = typer.Option(False, "--json", help="Print JSON: a list, a paper each: {citekey, title, "
                                                          "authors, year, arxiv_id, doi, version, versions, pages, "
                                                          "quotes, claims, tags, added, ...}.")) -> None:
    """List the papers (filtered by tag, year, author; sorted).

    \b
    Examples:
      kb ls --tag energy --year 2019-2023 --sort year
      kb ls --author Strubell --json
    """

    kb = open_kb(papers_only=True)
    papers = filter_papers(kb, list_papers(kb), tags=tag, year=year, author=author, sort=sort)
    as_written, undefined = undefined_strings(kb, [p["citekey"] for p in papers])
    if undefined:
        warn(undefined)
    if as_json:
        emit_json(papers)
        return
    if not papers:
        none_listed("no papers match" if (tag or year or author) else "no papers yet: kb add arxiv:2311.16863")
        return
    rows = [[p["citekey"], p["year"] or "", short_authors(p["authors"], p["first_author"]), p["pages"] or "-",
             p["quotes"], as_written.get(p["citekey"], p["title"]) or NO_TITLE] for p in papers]
    table(rows, ["citekey", "year", "authors", "pages", "quotes", "title"])
    untitled = [p["citekey"] for p in papers if not (p["title"] or "").strip()]
    if untitled:
        warn(untitled_said(untitled))


@app.command()
def show(citekey: str = typer.Argument(..., help="The paper's citekey.", callback=names_a_paper, autocompletion=complete_citekey),
         as_json: bool = typer.Option(False, "--json", help="Print JSON: {citekey, title, authors, year, version, "
                                                            "versions, quotes, claims, stale_in, problems, fields, "
                                                            "pdf, ...}.")) -> None:
    """One paper: metadata, versions, pages, sha256 of each PDF, where it came from.

    \b
    Examples:
      kb show strubell2019energy
      kb show strubell2019energy --json
    """

    kb = open_kb(papers_only=True)
    info = show_paper(kb, citekey)
    if info.get("data"):            # an @xdata or @set entry of references.bib: no paper
        if as_json:
            emit_json(info)
            return
        echo(f"{info['citekey']}: {info['what']}")
        label = "members" if info["entry_type"].lower() == "set" else "used by"
        echo(f"  {label:9} {', '.join(info['papers']) or '(no paper here)'}")
        for key in info["missing"]:
            echo(f"  ! {key}: named by it, but no entry of references.bib")
        echo(f"  entry     references.bib:{info['line']}")
        for line in info["entry"].strip("\n").splitlines():
            echo(f"    {line}")
        return
    as_written, undefined = undefined_strings(kb, [info["citekey"]])
    if undefined:
        warn(undefined)
    try:
        info["pdf"] = str(pdf_path(kb, info["citekey"])[2])
    except NotFound:
        info["pdf"] = None
    if as_json:
        emit_json(info)
        return
    echo(f"{info['citekey']}: {as_written.get(info['citekey'], info['title']) or NO_TITLE}")
    named = [a for a in info["authors"] if a.strip().lower() != "others"]    # BibTeX's 'and others': et al.
    edited = named and not info["fields"].get("author") and info["fields"].get("editor")   # DBLP's @proceedings
    echo(f"  {'editors' if edited else 'authors'}   {'; '.join(named + ['et al.'] * (len(named) < len(info['authors'])))}")
    echo(f"  year      {info['year'] or '?'}")
    for label, key in (("arXiv", "arxiv_id"), ("DOI", "doi"), ("venue", "venue"), ("url", "url")):
        if info[key]:
            echo(f"  {label:9} {info[key]}")
    echo(f"  origin    {info['origin']} (metadata {info['metadata_status']})")
    for v in info["versions"]:
        echo(f"  version {v['version'] or '-':4} {counted(v['page_count'] or 0, 'page')}, text {v['text_status']}"
              f", {v['extractor'] or 'no extractor'}"
              + (f", and {v['second_extractor']} (second extraction)" if v.get("second_extractor") else ""))
        echo(f"      sha256 {v['sha256'] or '-'}")
        echo(f"      from   {shown(v['source_url']) if v['source_url'] else '-'}"
             + (" (no longer there: deleted or moved by hand)" if v.get("source_gone") else ""))
    if info["pdf"]:
        echo(f"  pdf       {shown(info['pdf'])}")
    tags = split_tags(info["fields"].get("keywords"))
    if tags:
        echo(f"  tags      {', '.join(tags)}")
    echo(f"  quotes    {info['quotes']}   claims {info['claims']}")
    if info.get("stale_in"):
        said = [counted(len(info[f"stale_{t}s"]), t) for t in ("quote", "claim") if info[f"stale_{t}s"]]
        echo(f"  ! {' and '.join(said)} of it stale: {info['stale_in']} no longer prints "
             f"{'it' if len(info['stale_quotes']) + len(info['stale_claims']) == 1 else 'them'} "
             f"(kb verify says what changed)")
    for problem in info["problems"]:
        echo(f"  ! {problem}")


text_app = typer.Typer(help="Page text: as kb holds it (show), extracted elsewhere (load), or again by another "
                            "extractor (extract).",
                       no_args_is_help=True)
app.add_typer(text_app, name="text")


@text_app.command("load")
def text_load(citekey: str = typer.Argument(..., help="The paper's citekey.", callback=names_a_paper,
                                            autocompletion=complete_citekey),
              file: str = typer.Argument(..., callback=names_an_input, metavar="FILE", help="JSON list of pages, {'pages': [...]}, WattBot JSON, "
                                                    "or text with form feeds between pages; - reads stdin."),
              version: str = typer.Option("", "--version", help="arXiv version the text is of, e.g. v3."),
              extractor: str = typer.Option("unknown", "--extractor",
                                            help="Who extracted it, e.g. 'pypdf 4.x (WattBot)'."),
              replace: bool = typer.Option(False, "--replace",
                                           help="Replace the text kb extracted from the version's PDF "
                                                "(refused without it; the PDF stays held).")) -> None:
    """Attach page text extracted elsewhere to a paper (when its PDF is not at hand).

    \b
    Examples:
      kb text load strubell2019energy pages.json
      kb text load strubell2019energy - < pages.txt     (pages split by form feeds)
    """

    result = paper_ops.load_text(open_kb(), citekey, input_path(file, "page text"), version=version,
                                 extractor=extractor, replace=replace)
    if result.action == "unchanged":
        echo(f"unchanged {labelled(result.citekey, result.version)}: its text is these {counted(result.pages, 'page')} "
             "already")
        return
    echo(f"loaded {counted(result.pages, 'page')} into {result.citekey} {result.version or ''}".rstrip())
    for note in result.notes:
        warn(note)



@text_app.command("show")
def text_show(citekey: str = typer.Argument(..., help="The paper's citekey (or one in its ids).", callback=names_a_paper,
                                            autocompletion=complete_citekey),
              page: str = typer.Option(None, "--page", "-p", help="Pages: 3, 3-5 or 2,7 (default: all)."),
              version: str = typer.Option(None, "--version", help="The version (default: the newest with text)."),
              second: bool = typer.Option(False, "--second",
                                          help="The second extraction (kept by --extractor both)."),
              as_json: bool = typer.Option(False, "--json", help="Print JSON: {citekey, version, extractor, "
                                                                 "page_count, pages: [{page, text}]}.")) -> None:
    """The page text kb holds of a paper, as quotes are matched against it: to see why a
    quote is not found, or to copy a passage as kb reads it.

    \b
    Examples:
      kb text show strubell2019energy --page 3
      kb text show strubell2019energy -p 2-4 --json
    """

    result = page_text(open_kb(papers_only=True), citekey, version=version, pages=page, second=second)
    if as_json:
        emit_json(version_null(result))
        return
    label = f"{result['citekey']} {result['version']}".rstrip()
    for p in result["pages"]:
        echo(f"--- {label}, page {p['page']} of {result['page_count']} ({result['extractor']}) ---")
        echo(p["text"].rstrip("\n"))


@text_app.command("extract")
def text_extract(citekey: str = typer.Argument(..., help="The paper's citekey.", callback=names_a_paper,
                                               autocompletion=complete_citekey),
                 extractor: str = typer.Option("both", "--extractor", metavar="pdfium|pypdf|both",
                                               help="The extractor whose text to keep beside the stored one "
                                                    "(both: whichever of pdfium and pypdf made none of it)."),
                 version: str = typer.Option(None, "--version", help="The version whose PDF to read (default: "
                                                                      "the newest held)."),
                 as_json: bool = typer.Option(False, "--json", help="Print JSON: {citekey, version, first, second, "
                                                                    "pages, plan, notes}.")) -> None:
    """Extract a held PDF again with another extractor and keep both texts: a quote then
    verifies if it is found in either (kb quote add, kb verify say which).

    \b
    Examples:
      kb text extract strubell2019energy
      kb text extract strubell2019energy --extractor pypdf
    """

    pdf_text.parse_plan(extractor)
    result = paper_ops.extract_again(open_kb(), citekey, extractor, version=version)
    for note in result["notes"]:
        warn(f"{result['citekey']}: {note}")
    # run again: the texts it holds are these already (the same words as the first run's line, "unchanged" first)
    done = "unchanged " if result.pop("unchanged", False) else ""
    if as_json:
        emit_json(version_null(result))
        return
    where = done + f"{result['citekey']} {result['version']}".rstrip()
    if result["second"]:
        echo(f"{where}: {counted(result['pages'], 'page')} by {result['first']}, and again by {result['second']}")
    else:
        echo(f"{where}: {counted(result['pages'], 'page')} by {result['first']} (no second extraction)")
