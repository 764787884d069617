"""The `kb` command: parses arguments, calls kb's library, prints results.

Only typer and the standard library are imported here at start-up; each
command imports what it needs, so `kb --help` stays fast. Known errors
(kb.errors.KBError) become one line on stderr and their exit code: 2 for bad
input, 1 for failed checks.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(
    name="kb",
    help="kb: a literature-and-claims knowledge base. Every quote verified against its "
         "paper, every figure recomputed with units.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state: dict = {"kb": None}


@app.callback()
def _root(kb_path: Optional[Path] = typer.Option(
        None, "--kb", help="Knowledge base folder (default: KB_HOME, or the nearest folder "
                           "holding kb.toml).", envvar=None)) -> None:
    _state["kb"] = kb_path


# -- helpers ------------------------------------------------------------------------

def open_kb():
    from .store import KB

    return KB.open(_state["kb"])


def emit_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, indent=2, ensure_ascii=False, default=str) + "\n")


def warn(message: str) -> None:
    sys.stderr.write(f"kb: {message}\n")


def table(rows: list[list[str]], headers: list[str], max_width: int | None = None) -> None:
    """A plain aligned table; on a terminal the last column is cut to fit."""
    if not rows:
        return
    cells = [headers] + [row if all(type(c) is str for c in row) else ["" if c is None else str(c) for c in row]
                         for row in rows]
    widths = [max(map(len, column)) for column in zip(*cells)]
    last = widths[-1]
    if sys.stdout.isatty():
        try:
            width = max_width or os.get_terminal_size().columns
        except OSError:
            width = max_width or 120
        last = max(10, min(last, width - sum(widths[:-1]) - 2 * (len(widths) - 1)))
    lines = []
    for row in cells:
        *head, tail = row
        if len(tail) > last:
            tail = tail[: last - 1] + "…"
        lines.append("  ".join([cell.ljust(w) for cell, w in zip(head, widths)] + [tail]).rstrip())
    sys.stdout.write("\n".join(lines) + "\n")


def short_authors(authors: list[str]) -> str:
    from .citekey import last_name

    if not authors:
        return ""
    first = last_name(authors[0])
    if len(authors) == 1:
        return first
    if len(authors) == 2:
        return f"{first} & {last_name(authors[1])}"
    return f"{first} et al."


# -- knowledge base -----------------------------------------------------------------

@app.command()
def init(folder: Path = typer.Argument(Path("."), help="Folder to make a knowledge base (created if needed).")) -> None:
    """Make a folder a knowledge base: kb.toml, references.bib, claims/, .kb/."""
    from .store import init as do_init

    root, created = do_init(folder)
    print(f"{'initialised' if created else 'already a knowledge base:'} {root}")


@app.command()
def where(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Print the knowledge base root and its database path."""
    from . import paths

    layout = paths.layout(_state["kb"])
    info = {"root": str(layout.root), "database": str(layout.db), "references": str(layout.bib),
            "claims": str(layout.claims), "cache": str(layout.cache)}
    if as_json:
        emit_json(info)
    else:
        print(f"root      {info['root']}\ndatabase  {info['database']}")


# -- papers ---------------------------------------------------------------------------

@app.command()
def add(identifiers: List[str] = typer.Argument(..., help="arxiv:2311.16863, 2311.16863v1, doi:10.…, "
                                                           "https://arxiv.org/abs/…, or a PDF file."),
        offline: bool = typer.Option(False, "--offline", help="Never touch the network: metadata from the PDF itself."),
        refresh: bool = typer.Option(False, "--refresh", help="Ask arXiv/doi.org again instead of the 24 h cache."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Add papers from arXiv, a DOI or a local PDF (re-adding updates, never duplicates)."""
    from .errors import KBError
    from .ids import parse_identifier
    from .papers import add as do_add

    for ident in identifiers:       # every identifier is checked before any work
        parse_identifier(ident)
    kb = open_kb()
    if offline:
        kb.client.settings.offline = True     # belt and braces: add_pdf(offline=True) asks nothing
    results, failed = [], 0
    for ident in identifiers:
        try:
            result = do_add(kb, ident, offline=offline, refresh=refresh)
        except KBError as exc:
            if len(identifiers) == 1:
                raise
            failed = max(failed, exc.exit_code)
            warn(f"{ident}: {exc}")
            continue
        results.append(result)
        if not as_json:
            detail = ", ".join(filter(None, [result.version, f"{result.pages} pages" if result.pages else ""]))
            print(f"{result.action:9} {result.citekey}" + (f" {detail}" if detail else "") + f"  {result.title}")
        for note in result.notes:
            warn(f"{result.citekey}: {note}")
    if as_json:
        emit_json([r.to_dict() for r in results])
    if failed:
        raise typer.Exit(failed)


@app.command("import")
def import_(file: Path = typer.Argument(..., help="A BibTeX file (Zotero, JabRef, any)."),
            as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Import many BibTeX entries at once (all or nothing)."""
    from .papers import import_bib
    from .progress import Progress

    kb = open_kb()
    bar = Progress(f"importing {file.name}", unit="entries")
    result = import_bib(kb, file, progress=bar.update if bar.on else None)
    bar.done()
    for w in result.warnings:
        warn(w)
    if as_json:
        emit_json(result.__dict__)
    else:
        print(f"{len(result.added)} added, {len(result.updated)} updated, "
              f"{len(result.unchanged)} already present")


@app.command("ls")
def ls(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List the papers."""
    from .papers import list_papers

    papers = list_papers(open_kb())
    if as_json:
        emit_json(papers)
        return
    if not papers:
        print("no papers yet: kb add arxiv:2311.16863")
        return
    rows = [[p["citekey"], p["year"] or "", short_authors(p["authors"]), p["pages"] or "-",
             p["quotes"], p["title"]] for p in papers]
    table(rows, ["citekey", "year", "authors", "pages", "quotes", "title"])


@app.command()
def show(citekey: str = typer.Argument(..., help="The paper's citekey."),
         as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """One paper: metadata, versions, pages, sha256 of each PDF, where it came from."""
    from .papers import show_paper

    info = show_paper(open_kb(), citekey)
    if as_json:
        emit_json(info)
        return
    print(f"{info['citekey']}: {info['title']}")
    print(f"  authors   {'; '.join(info['authors'])}")
    print(f"  year      {info['year'] or '?'}")
    for label, key in (("arXiv", "arxiv_id"), ("DOI", "doi"), ("venue", "venue"), ("url", "url")):
        if info[key]:
            print(f"  {label:9} {info[key]}")
    print(f"  origin    {info['origin']} (metadata {info['metadata_status']})")
    for v in info["versions"]:
        print(f"  version {v['version'] or '-':4} {v['page_count'] or 0} pages, text {v['text_status']}"
              f", {v['extractor'] or 'no extractor'}")
        print(f"      sha256 {v['sha256'] or '-'}")
        print(f"      from   {v['source_url'] or '-'}")
    print(f"  quotes    {info['quotes']}   claims {info['claims']}")
    for problem in info["problems"]:
        print(f"  ! {problem}")


text_app = typer.Typer(help="Page text extracted elsewhere.", no_args_is_help=True)
app.add_typer(text_app, name="text")


@text_app.command("load")
def text_load(citekey: str = typer.Argument(..., help="The paper's citekey."),
              file: Path = typer.Argument(..., help="JSON list of pages, {'pages': [...]}, WattBot JSON, "
                                                    "or text with form feeds between pages."),
              version: str = typer.Option("", "--version", help="arXiv version the text is of, e.g. v3."),
              extractor: str = typer.Option("unknown", "--extractor",
                                            help="Who extracted it, e.g. 'pypdf 4.x (WattBot)'.")) -> None:
    """Attach page text extracted elsewhere to a paper (when its PDF is not at hand)."""
    from .papers import load_text

    result = load_text(open_kb(), citekey, file, version=version, extractor=extractor)
    print(f"loaded {result.pages} pages into {result.citekey} {result.version or ''}".rstrip())


# -- quotes ----------------------------------------------------------------------------

quote_app = typer.Typer(help="Verbatim quotes, verified against the paper's own text.", no_args_is_help=True)
app.add_typer(quote_app, name="quote")


def _print_quote(q: dict) -> None:
    pages = f"p. {q['page']}" + (f"-{q['page_end']}" if q.get("page_end") and q["page_end"] != q["page"] else "") \
        if q.get("page") else "p. ?"
    flag = "" if q["status"] == "verified" else "  [UNVERIFIED]"
    topics = f"  ({', '.join(q['topics'])})" if q.get("topics") else ""
    print(f"{q['id']}  {q['citekey']} {q.get('version') or ''} {pages}{flag}{topics}")
    print(f"    \"{q['text']}\"")


@quote_app.command("add")
def quote_add(citekey: str = typer.Argument(..., help="The paper's citekey."),
              text: str = typer.Argument(..., help="The quote, word for word; [...] marks an elision."),
              topic: List[str] = typer.Option([], "--topic", "-t", help="A topic (repeatable)."),
              version: Optional[str] = typer.Option(None, "--version",
                                                    help="Verify against this arXiv version (default: latest held)."),
              quote_id: Optional[str] = typer.Option(None, "--id", help="An id for the quote (default: from its words)."),
              force: bool = typer.Option(False, "--force", help="Store it even if not found, flagged unverified."),
              note: Optional[str] = typer.Option(None, "--note", help="A remark stored with the quote."),
              as_json: bool = typer.Option(False, "--json", help="Print the stored quote with its provenance.")) -> None:
    """Verify a quote against the paper and store it with its provenance."""
    from .quotes import add_quote

    stored = add_quote(open_kb(), citekey, text, topics=topic, version=version, quote_id=quote_id,
                       force=force, note=note)
    if as_json:
        emit_json(stored)
        return
    if stored["status"] == "verified":
        pages = f"page {stored['page']}" + (f"-{stored['page_end']}" if stored["page_end"] != stored["page"] else "")
        print(f"stored {stored['id']}: found in {citekey} {stored['version']}, {pages} ({stored['method']})")
    else:
        print(f"stored {stored['id']} UNVERIFIED: {stored.get('note', '')}")


@quote_app.command("ls")
def quote_ls(topic: List[str] = typer.Option([], "--topic", "-t", help="Only quotes on this topic (repeatable: all must match)."),
             paper: Optional[str] = typer.Option(None, "--paper", "-p", help="Only quotes from this paper."),
             as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List stored quotes."""
    from .quotes import list_quotes

    quotes = list_quotes(open_kb(), topic, paper)
    if as_json:
        emit_json(quotes)
        return
    for q in quotes:
        _print_quote(q)
    if not quotes:
        print("no quotes" + (" on that topic" if topic else ""))


@quote_app.command("rm")
def quote_rm(quote_id: str = typer.Argument(..., help="The quote's id.")) -> None:
    """Remove a stored quote."""
    from .quotes import remove_quote

    citekey = remove_quote(open_kb(), quote_id)
    print(f"removed {quote_id} from claims/{citekey}.toml")


@app.command()
def verify(note: Optional[Path] = typer.Option(None, "--note", help="Check every quote block of this note instead."),
           strict: bool = typer.Option(False, "--strict", help="Also fail on unverified, stale and unchecked quotes."),
           as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Re-verify every stored quote (or a note's quotes) against the papers' text; exit 1 if any fails."""
    from .progress import Progress
    from .quotes import verify_all, verify_note

    kb = open_kb()
    if note is not None:
        results, problems = verify_note(kb, note)
        if as_json:
            emit_json({"quotes": [r.to_dict() for r in results],
                       "problems": [{"line": line, "message": m} for line, m in problems]})
        else:
            for line, message in problems:
                print(f"{note}:{line}: problem: {message}")
            for r in results:
                short = r.quote if len(r.quote) <= 70 else r.quote[:67] + "..."
                where = f"{r.citekey} {r.version or ''}".strip() if r.citekey else (r.source or "?")
                print(f"{note}:{r.line}: {r.status:10} {where}: \"{short}\"")
                if r.status != "ok":
                    print(f"    {r.message}")
            failed = sum(r.failed for r in results)
            print(f"{len(results)} quotes: {sum(r.status == 'ok' for r in results)} ok, {failed} failed"
                  + (f", {len(problems)} broken blocks" if problems else ""))
        bad = any(r.failed for r in results) or bool(problems) or (
            strict and any(r.status != "ok" for r in results))
        if bad:
            raise typer.Exit(1)
        return
    bar = Progress("verifying", unit="quotes")
    results = verify_all(kb, progress=bar.update if bar.on else None)
    bar.done()
    if as_json:
        emit_json([r.to_dict() for r in results])
    else:
        for r in results:
            print(f"{r.status:10} {r.id}  {r.citekey} {r.version or ''}  {r.message}".rstrip())
        counts: dict = {}
        for r in results:
            counts[r.status] = counts.get(r.status, 0) + 1
        print(f"{len(results)} quotes: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
              if results else "no quotes stored")
    if any(r.failed for r in results) or (strict and any(r.status != "ok" for r in results)):
        raise typer.Exit(1)


# -- claims and checks --------------------------------------------------------------------------

claim_app = typer.Typer(help="A numeric claim with its unit, quote and provenance.", no_args_is_help=True)
app.add_typer(claim_app, name="claim")


@claim_app.command("add")
def claim_add(citekey: str = typer.Argument(..., help="The paper's citekey."),
              value: str = typer.Argument(..., help="The figure as written, with its unit: \"11.49 kWh\"."),
              quote: Optional[str] = typer.Option(None, "--quote", "-q", help="The sentence it comes from (verified)."),
              per: Optional[str] = typer.Option(None, "--per", help="What it is per: \"1000 inferences\", \"year\"."),
              topic: List[str] = typer.Option([], "--topic", "-t", help="A topic (repeatable)."),
              claim_id: Optional[str] = typer.Option(None, "--id", help="Its name; expressions write '-' as '_'."),
              version: Optional[str] = typer.Option(None, "--version", help="arXiv version (default: latest held)."),
              force: bool = typer.Option(False, "--force", help="Store it even if the quote is not found (unverified)."),
              note: Optional[str] = typer.Option(None, "--note", help="A remark stored with the claim."),
              as_json: bool = typer.Option(False, "--json", help="Print the stored claim.")) -> None:
    """Store a number with its unit, verified against its quote."""
    from .claims import add_claim

    stored = add_claim(open_kb(), citekey, value, quote=quote, per=per, topics=topic, claim_id=claim_id,
                       version=version, force=force, note=note)
    for w in stored.pop("warnings", []):
        warn(w)
    if as_json:
        emit_json(stored)
        return
    where = (f"page {stored['page']} of {stored.get('version') or 'the text'}" if stored.get("status") == "verified"
             else "UNVERIFIED")
    print(f"stored {stored['expression_name']} = {stored['written']}"
          + (f" per {stored['per']}" if stored.get("per") else "") + f"  ({where})")


claims_app = typer.Typer(help="List claims; extract candidates from a paper; promote or dismiss them.",
                         invoke_without_command=True)
app.add_typer(claims_app, name="claims")


@claims_app.callback()
def claims_list(ctx: typer.Context,
                topic: List[str] = typer.Option([], "--topic", "-t", help="On this topic (repeatable: all must match)."),
                paper: Optional[str] = typer.Option(None, "--paper", "-p", help="From this paper."),
                unit: Optional[str] = typer.Option(None, "--unit", help="Of this kind of unit (kWh matches MWh too)."),
                minimum: Optional[str] = typer.Option(None, "--min", help="At least this, with its unit: \"1 kWh\"."),
                maximum: Optional[str] = typer.Option(None, "--max", help="At most this, with its unit."),
                unreviewed: bool = typer.Option(False, "--unreviewed", help="List extracted candidates awaiting review."),
                as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Claims (and, with --topic, quotes) with their values and pages."""
    if ctx.invoked_subcommand is not None:
        return
    from .claims import claim_lines, list_candidates, list_claims
    from .quotes import list_quotes

    kb = open_kb()
    if unreviewed:
        rows = list_candidates(kb, citekey=paper)
        if as_json:
            emit_json(rows)
            return
        table([[r["id"], r["citekey"], f"{r['version'] or '-'} p.{r['page']}",
                f"{r['number']} {r['unit'] or ''}".strip(), r["sentence"]] for r in rows],
              ["candidate", "paper", "where", "figure", "sentence"])
        if not rows:
            print("no candidates awaiting review: kb claims extract CITEKEY")
        return
    filters = dict(topics=topic, paper=paper, unit=unit, minimum=minimum, maximum=maximum)
    quotes = list_quotes(kb, topic, paper) if topic and not (unit or minimum or maximum) else []
    if as_json:
        rows = list_claims(kb, **filters)
        emit_json({"claims": rows, "quotes": quotes} if topic else rows)
        return
    rows = claim_lines(kb, **filters)
    table(rows, ["claim", "figure", "per", "where", "", "quote"])
    if not rows:
        print("no claims" + (" match" if (topic or paper or unit or minimum or maximum) else " yet"))
    for q in quotes:
        if q is quotes[0]:
            print("\nquotes:")
        _print_quote(q)


@claims_app.command("extract")
def claims_extract(citekey: str = typer.Argument(..., help="The paper's citekey."),
                   version: Optional[str] = typer.Option(None, "--version", help="Version (default: latest held)."),
                   as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Propose every number with a unit in a paper as a candidate claim, with page and sentence."""
    from .claims import extract

    rows = extract(open_kb(), citekey, version)
    if as_json:
        emit_json(rows)
        return
    table([[r["id"], f"p.{r['page']}", f"{r['number']} {r['unit'] or ''}".strip(), r["sentence"]] for r in rows],
          ["candidate", "page", "figure", "sentence"])
    print(f"{len(rows)} candidates awaiting review: kb claims promote ID --id NAME, or kb claims dismiss ID")


@claims_app.command("promote")
def claims_promote(candidate: int = typer.Argument(..., help="The candidate's number (kb claims --unreviewed)."),
                   claim_id: Optional[str] = typer.Option(None, "--id", help="The claim's name."),
                   per: Optional[str] = typer.Option(None, "--per", help="What it is per."),
                   topic: List[str] = typer.Option([], "--topic", "-t", help="A topic (repeatable)."),
                   as_json: bool = typer.Option(False, "--json", help="Print the stored claim.")) -> None:
    """Make a candidate a claim; its sentence becomes the verified quote."""
    from .claims import promote

    stored = promote(open_kb(), candidate, claim_id=claim_id, per=per, topics=topic)
    for w in stored.pop("warnings", []):
        warn(w)
    if as_json:
        emit_json(stored)
    else:
        print(f"stored {stored['expression_name']} = {stored['written']} (page {stored.get('page')})")


@claims_app.command("dismiss")
def claims_dismiss(candidates: List[int] = typer.Argument(..., help="Candidate numbers.")) -> None:
    """Mark candidates as not worth a claim."""
    from .claims import dismiss

    print(f"dismissed {dismiss(open_kb(), candidates)} candidates")


@app.command()
def check(explain_id: Optional[str] = typer.Option(None, "--explain", help="Show every step of one check."),
          as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Recompute every check in claims/ from the figures it rests on; exit 1 if any fails."""
    from .claims import run_checks

    results = run_checks(open_kb(), only=explain_id)
    if as_json:
        emit_json([r.to_dict() for r in results])
    elif explain_id:
        r = results[0]
        print(f"{r.id}  ({r.file})" + (f"\n  note: {r.note}" if r.note else ""))
        print(f"  stated {r.stated}\n  expr   {r.expr}")
        for line in r.explanation:
            print(f"  {line}")
        print(f"  verdict: {r.verdict}")
    else:
        for r in results:
            print(r.line)
        if not results:
            print("no checks: add [[check]] tables (stated, expr) to claims/*.toml")
        else:
            counts = {v: sum(r.verdict == v for r in results) for v in ("pass", "fail", "error")}
            print(f"{len(results)} checks: {counts['pass']} pass, {counts['fail']} fail, {counts['error']} error")
    if any(r.verdict != "pass" for r in results):
        raise typer.Exit(1)


from .cli_export import register as _register_export; _register_export(app)  # noqa: E402,E702


# -- the citation graph -------------------------------------------------------------------------

@app.command()
def refs(citekey: str = typer.Argument(..., help="The paper's citekey."),
         as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """A paper's parsed reference list: each entry and the paper it resolves to (or none)."""
    from .citations import references

    rows = references(open_kb(), citekey)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        print(f"no references parsed for {citekey} (kb holds no text of it, or no references section was found)")
        return
    for r in rows:
        label = r["label"] or f"{r['idx']}."
        target = f"-> {r['resolved']} ({r['method']})" if r["resolved"] else "-> not in the knowledge base"
        ids = ", ".join(x for x in (f"arXiv:{r['arxiv_id']}" if r["arxiv_id"] else "",
                                    f"doi:{r['doi']}" if r["doi"] else "") if x)
        source = "" if r["source"] == "text" else " [Semantic Scholar]"
        print(f"{label} {r['raw'][:160]}{'…' if len(r['raw']) > 160 else ''}{source}")
        print(f"    {target}" + (f"  {ids}" if ids else ""))


graph_app = typer.Typer(help="Who cites whom, from the papers' own reference lists.", invoke_without_command=True)
app.add_typer(graph_app, name="graph")


@graph_app.callback()
def graph_summary(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Summary: papers, citation links, references to papers not in the knowledge base."""
    if ctx.invoked_subcommand is not None:
        return
    from . import graph

    info = graph.summary(open_kb().db)
    if as_json:
        emit_json(info)
        return
    print(f"{info['papers']} papers, {info['citation_links']} citation links among them")
    print(f"{info['references']} references parsed, {info['resolved']} resolved to papers here, "
          f"{info['unresolved']} to {info['external_works']} works not in the knowledge base")
    if info.get("s2_references") or info.get("s2_citing"):
        print(f"Semantic Scholar: {info['s2_references']} references, {info['s2_citing']} citing papers")
    print("next: kb graph missing --top 10")


@graph_app.command("show")
def graph_show(citekey: str = typer.Argument(..., help="The paper's citekey."),
               as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """What a paper cites and what cites it, inside the knowledge base."""
    from . import graph

    info = graph.show(open_kb().db, citekey)
    if as_json:
        emit_json(info)
        return
    print(f"{info['citekey']}: {info['title']} ({info['year']})")
    for label, key in (("cites", "cites"), ("cited by", "cited_by")):
        print(f"  {label}:" + ("" if info[key] else " nothing here"))
        for link in info[key]:
            print(f"    {link['citekey']} ({link['year']})  via {', '.join(link['methods'])}")


@graph_app.command("path")
def graph_path(source: str = typer.Argument(..., help="Citekey to start from."),
               target: str = typer.Argument(..., help="Citekey to reach."),
               as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """The shortest chain of citations from one paper to another."""
    from . import graph

    found = graph.path(open_kb().db, source, target)
    if as_json:
        emit_json({"path": list(found) if found else None, "directed": getattr(found, "directed", None)})
    elif found is None:
        print(f"no citation path between {source} and {target}")
    else:
        arrow = " -> " if found.directed else " -- "
        print(arrow.join(found))
        if not found.directed:
            print("(no path follows citations in that direction; this one ignores direction)")
    if found is None:
        raise typer.Exit(1)


@graph_app.command("missing")
def graph_missing(top: int = typer.Option(10, "--top", help="How many works to list."),
                  as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Works cited by most papers here but not yet added: what to read next."""
    from . import graph

    rows = graph.missing(open_kb().db, top=top)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        print("no references to works outside the knowledge base")
    for r in rows:
        ident = f"arxiv:{r['arxiv_id']}" if r.get("arxiv_id") else (f"doi:{r['doi']}" if r.get("doi") else "")
        print(f"{r['count']:3}  {r.get('title') or '?'} ({r.get('year') or '?'})" + (f"  {ident}" if ident else ""))
        print(f"     cited by {', '.join(r.get('cited_by', []))}")


@graph_app.command("export")
def graph_export(fmt: str = typer.Option("graphml", "--format", "-f", help="graphml, gexf, dot or json."),
                 output: Optional[Path] = typer.Option(None, "--output", "-o",
                                                       help="File to write (default: exports/citations.FORMAT).")) -> None:
    """Write the graph for Gephi/yEd (GraphML, GEXF), Graphviz (DOT) or scripts (JSON)."""
    from . import graph
    from .errors import UsageError

    kb = open_kb()
    if fmt not in graph.FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(graph.FORMATS)}")
    target = output or kb.layout.exports / f"citations.{fmt}"
    if target.resolve().is_relative_to(kb.layout.state.resolve()):
        raise UsageError(f"will not write into {kb.layout.state}: that folder is kb's index")
    if target.is_dir():
        raise UsageError(f"{target} is a folder; give a file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    written = graph.export(kb.db, fmt, target)
    print(f"wrote {written}")


cite_app = typer.Typer(help="Citations from Semantic Scholar.", no_args_is_help=True)
app.add_typer(cite_app, name="cite")


@cite_app.command("fetch")
def cite_fetch(citekey: str = typer.Argument(..., help="The paper's citekey."),
               as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Fetch a paper's references and citations from the Semantic Scholar Graph API and merge them in."""
    from .citations import fetch
    from .progress import Progress

    bar = Progress("Semantic Scholar", unit="papers")
    result = fetch(open_kb(), citekey, progress=bar.update if bar.on else None)
    bar.done()
    if as_json:
        emit_json(result)
        return
    print(f"{result['paper']}: {result['references']} references, {result['citations']} citing papers")
    print(f"links inside the knowledge base: cites {len(result['cites'])}, cited by {len(result['cited_by'])}")


from .cli_doctor import register as _register_doctor; _register_doctor(app)  # noqa: E402,E702


# -- entry point --------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    """Run kb; return the exit code. Known errors print one line, never a traceback."""
    try:  # typer >= 0.27 vendors click
        from typer._click import exceptions as click_exc
    except ImportError:
        from click import exceptions as click_exc
    from typer.main import get_command

    from .errors import KBError

    argv = list(sys.argv[1:] if argv is None else argv)
    command = get_command(app)
    try:
        result = command.main(args=argv, prog_name="kb", standalone_mode=False)
    except KBError as exc:
        sys.stderr.write(f"kb: error: {exc}\n")
        return exc.exit_code
    except click_exc.ClickException as exc:
        exc.show()
        return exc.exit_code
    except typer.Abort:
        sys.stderr.write("kb: aborted\n")
        return 130
    except typer.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("kb: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug in kb: say so in one line, keep the traceback in a file
        if _damaged_index(exc):
            reason = ("a text column holds bytes that are not UTF-8" if "decode" in str(exc)
                      else " ".join(str(exc).split())[:100])
            sys.stderr.write(f"kb: error: the index .kb/kb.sqlite is damaged: {reason} "
                             "(run `kb rebuild` to rebuild it from references.bib, claims/ and the caches)\n")
            return 2
        return _internal_error(exc)
    return result if isinstance(result, int) else 0


def _damaged_index(exc: BaseException) -> bool:
    """SQLite found the database file corrupt: at any query, not only when it was opened."""
    import sqlite3

    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    if not isinstance(exc, sqlite3.OperationalError):
        return True         # SQLITE_CORRUPT, SQLITE_NOTADB
    text = str(exc).lower()
    return any(s in text for s in ("malformed", "not a database", "could not decode", "corrupt"))


def _internal_error(exc: BaseException) -> int:
    import tempfile
    import traceback

    log = Path(tempfile.gettempdir()) / "kb-last-error.log"
    try:
        log.write_text("".join(traceback.format_exception(exc)), "utf-8")
        where = f"; details in {log}"
    except OSError:
        where = ""
    sys.stderr.write(f"kb: internal error: {type(exc).__name__}: {exc}{where} (please report it)\n")
    if os.environ.get("KB_DEBUG"):
        traceback.print_exception(exc)
    return 1


def entry() -> None:
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass
    sys.exit(code)
