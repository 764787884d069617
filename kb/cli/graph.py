"""`kb refs`, `kb graph` (summary, show, path, missing, export) and `kb cite fetch`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kb.cli.common import complete_citekey, data, echo, emit_json, files_said, names_a_paper, none_listed, warn
from kb.cli.opening import open_kb
from kb.cli.progress import Progress
from kb.errors import UsageError
from kb.graph import views as graph
from kb.graph.tables import OLDER_READING, older_reading, references_waiting
from kb.lazyimport import lazy_import
from kb.store.knowledgebase import KB
from kb.text.display import choice_said, counted

# Loaded by the commands that use them: kb graph missing, show and path read the tables alone.
audit = lazy_import("kb.ops.audit")
citations = lazy_import("kb.ops.citations")
derive = lazy_import("kb.ops.derive")
export = lazy_import("kb.ops.export")

app = typer.Typer()


# -- the citation graph -------------------------------------------------------------------------

@app.command()
def refs(citekey: str = typer.Argument(..., help="The paper's citekey.", callback=names_a_paper,
                                       autocompletion=complete_citekey),
         as_json: bool = typer.Option(False, "--json", help="Print JSON: a list, an entry each: {idx, label, raw, "
                                                            "page, year, title, first_author, resolved, "
                                                            "...}.")) -> None:
    """A paper's parsed reference list: each entry and the paper it resolves to (or none).

    \b
    Examples:
      kb refs strubell2019energy
      kb refs strubell2019energy --json
    """

    kb = open_kb()
    rows = citations.references(kb, citekey)        # its reference list read first, if it waits
    _older_reading(kb.conn)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        none_listed(f"no references parsed for {citekey} (kb holds no text of it, or no references section was found)")
        return
    for r in rows:
        label = r["label"] or f"{r['idx']}."
        target = f"-> {r['resolved']} ({r['method']})" if r["resolved"] else \
            "-> this paper itself" if r["itself"] else "-> not in the knowledge base"
        ids = ", ".join(x for x in (f"arXiv:{r['arxiv_id']}" if r["arxiv_id"] else "",
                                    f"doi:{r['doi']}" if r["doi"] else "") if x)
        source = "" if r["source"] == "text" else " [Semantic Scholar]"
        echo(f"{label} {r['raw'][:160]}{'…' if len(r['raw']) > 160 else ''}{source}")
        echo(f"    {target}" + (f"  {ids}" if ids else ""))


def open_graph() -> KB:
    """The knowledge base of this command with every reference list read: those of papers
    `kb add` or `kb text load` stored since are read now (kb.ops.derive.ensure_references)."""
    kb = open_kb()
    if references_waiting(kb.conn):
        derive.ensure_references(kb)
    return kb


def _older_reading(conn) -> None:
    """Said on stderr by the commands that show parsed reference lists."""
    if older_reading(conn):
        warn(OLDER_READING)


graph_app = typer.Typer(help="Who cites whom, from the papers' own reference lists.\n\n"
                             "\b\nExamples:\n  kb graph\n  kb graph show strubell2019energy\n  kb graph missing --top 10",
                        invoke_without_command=True)
app.add_typer(graph_app, name="graph")


@graph_app.callback()
def graph_summary(ctx: typer.Context,
                  as_json: bool = typer.Option(False, "--json", help="Print JSON: {papers, papers_with_references, "
                                                                     "citation_links, references, resolved, "
                                                                     "unresolved, external_works, s2_references, "
                                                                     "s2_citing}.")) -> None:
    """Summary: papers, citation links, references to papers not in the knowledge base."""
    if ctx.invoked_subcommand is not None:
        return

    db = open_graph().db
    info = graph.summary(db)
    _older_reading(db.conn)
    if as_json:
        emit_json(info)
        return
    echo(f"{counted(info['papers'], 'paper')}, {counted(info['citation_links'], 'citation link')} among them")
    echo(f"{counted(info['references'], 'reference')} parsed, {info['resolved']} resolved to papers here, "
          f"{info['unresolved']} to {counted(info['external_works'], 'work')} not in the knowledge base")
    if info.get("s2_references") or info.get("s2_citing"):
        echo(f"Semantic Scholar: {counted(info['s2_references'], 'reference')}, {counted(info['s2_citing'], 'citing paper')}")
    if info["external_works"]:        # a next step only where it lists something
        echo("next: kb graph missing --top 10")


@graph_app.command("show")
def graph_show(citekey: str = typer.Argument(..., help="The paper's citekey.", callback=names_a_paper,
                                             autocompletion=complete_citekey),
               as_json: bool = typer.Option(False, "--json", help="Print JSON: {citekey, title, year, cites, "
                                                                  "cited_by, references, unresolved}.")) -> None:
    """What a paper cites and what cites it, inside the knowledge base.

    \b
    Example:
      kb graph show strubell2019energy
    """

    info = graph.show(open_graph().db, citekey)
    if as_json:
        emit_json(info)
        return
    echo(f"{info['citekey']}: {info['title']} ({info['year']})")
    for label, key in (("cites", "cites"), ("cited by", "cited_by")):
        echo(f"  {label}:" + ("" if info[key] else " nothing here"))
        for link in info[key]:
            echo(f"    {link['citekey']} ({link['year']})  via {', '.join(link['methods'])}")


@graph_app.command("path")
def graph_path(source: str = typer.Argument(..., help="Citekey to start from.", callback=names_a_paper,
                                            autocompletion=complete_citekey),
               target: str = typer.Argument(..., help="Citekey to reach.", callback=names_a_paper,
                                            autocompletion=complete_citekey),
               as_json: bool = typer.Option(False, "--json", help="Print JSON: {path, directed}; path null when there "
                                                                  "is none.")) -> None:
    """The shortest chain of citations from one paper to another. None found is an answer, not a
    failed check: it says so and exits 0.

    \b
    Example:
      kb graph path patterson2021carbon strubell2019energy
    """

    found = graph.path(open_graph().db, source, target)
    if as_json:
        emit_json({"path": list(found) if found else None, "directed": getattr(found, "directed", None)})
    elif found is None:
        none_listed(f"no citation path between {source} and {target}")
    else:
        arrow = " -> " if found.directed else " -- "
        echo(arrow.join(found))
        if not found.directed:
            echo("(no path follows citations in that direction; this one ignores direction)")


@graph_app.command("missing")
def graph_missing(top: int = typer.Option(10, "--top", help="How many works to list."),
                  as_json: bool = typer.Option(False, "--json", help="Print JSON: a list, a work each: {work_key, "
                                                                     "count, title, year, arxiv_id, doi, url, "
                                                                     "cited_by}.")) -> None:
    """Works cited by most papers here but not yet added: what to read next.

    \b
    Example:
      kb graph missing --top 10
    """

    db = open_graph().db
    rows = graph.missing(db, top=top)
    _older_reading(db.conn)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        none_listed("no references to works outside the knowledge base")
    for r in rows:
        ident = f"arxiv:{r['arxiv_id']}" if r.get("arxiv_id") else (f"doi:{r['doi']}" if r.get("doi") else "")
        echo(f"{r['count']:3}  {r.get('title') or '?'} ({r.get('year') or '?'})" + (f"  {ident}" if ident else ""))
        echo(f"     cited by {', '.join(r.get('cited_by', []))}")


#: What a file's name ending says it holds, as Gephi, yEd and Graphviz name them.
_SUFFIX_FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".dot": "dot", ".gv": "dot", ".json": "json"}


@graph_app.command("export")
def graph_export(fmt: Optional[str] = typer.Option(
                     None, "--format", "-f",
                     help="graphml, gexf, dot or json (default: as the -o file's name ends: .graphml, .gexf, "
                          ".dot or .gv, .json; else graphml)."),
                 output: Optional[str] = typer.Option(
                     None, "--output", "-o",
                     help="File to write, atomically (default: exports/citations.FORMAT); - is stdout; a relative "
                          "path is relative to the current folder. Never inside .kb/, never over the knowledge "
                          "base's own files, never in place of a symbolic link or a FIFO, never over a file kb did "
                          "not write (or one changed since it did) unless --force."),
                 force: bool = typer.Option(False, "--force", help="Replace the -o file even if kb did not "
                                                                   "write it, or it was changed since."),
                 restatements: bool = typer.Option(
                     False, "--restatements",
                     help="On each citation edge, how many figures the citing paper restates from the cited "
                          "one (restatements) and how many of them differ (restatements_differ), as kb audit "
                          "finds them.")) -> None:
    """Write the graph for Gephi/yEd (GraphML, GEXF), Graphviz (DOT) or scripts (JSON).

    \b
    Examples:
      kb graph export -f dot -o exports/citations.dot
      kb graph export -f json -o -
    """

    named = _SUFFIX_FORMATS.get(Path(output).suffix.lower()) if output and not export.is_stdout(output) else None
    if fmt is None:
        fmt = named or "graphml"
    if fmt not in graph.FORMATS:
        raise UsageError(choice_said("--format", fmt, graph.FORMATS))
    if named is not None and named != fmt:
        # `-o citations.json` wrote GraphML into a .json file in silence (the format was graphml unless -f said)
        raise UsageError(f"-o {output} names a {named} file, but --format is {fmt}; nothing written",
                         hint=f"give -o a name ending .{fmt}, or --format {named}")
    kb = open_graph()
    target = None if export.is_stdout(output) else \
        export.output_path(kb, output if output is not None else kb.layout.exports / f"citations.{fmt}", force=force,
                           example=f"citations.{fmt}")
    extra = audit.edge_counts(kb) if restatements else None
    if target is None:
        data(graph.render(kb.db, fmt, extra))
        return
    wrote = export.write_output(kb, target, graph.render(kb.db, fmt, extra))
    # said on stderr, as kb export bib, note and csl-json say what they wrote ("wrote PATH" was on stdout)
    counts = graph.summary(kb.db)
    warn(f"{files_said([(target, wrote)])}: {counted(counts['papers'], 'paper')}, "
         f"{counted(counts['citation_links'], 'citation link')}")


cite_app = typer.Typer(help="Citations from Semantic Scholar.", no_args_is_help=True)
app.add_typer(cite_app, name="cite")


@cite_app.command("fetch")
def cite_fetch(citekey: str = typer.Argument(..., help="The paper's citekey.", callback=names_a_paper,
                                             autocompletion=complete_citekey),
               as_json: bool = typer.Option(False, "--json", help="Print JSON: {paper, references, citations, unread, "
                                                                  "cut, merged, cites, cited_by}.")) -> None:
    """Fetch a paper's references and citations from the Semantic Scholar Graph API and merge them in.

    \b
    Example:
      kb cite fetch strubell2019energy
    """

    bar = Progress("Semantic Scholar", unit="papers")
    result = citations.fetch(open_graph(), citekey, progress=bar.update if bar.on else None)
    bar.done()
    for said in (result["unread"], result["cut"]):
        if said:
            warn(said)
    if as_json:
        emit_json(result)
        return
    echo(f"{result['paper']}: {counted(result['references'], 'reference')}, {counted(result['citations'], 'citing paper')}")
    echo(f"links inside the knowledge base: cites {len(result['cites'])}, cited by {len(result['cited_by'])}")


