"""`kb quote add|ls|rm` and `kb verify`."""

from __future__ import annotations

from typing import List, Optional

import typer

from kb.atomic import said, shown
from kb.cli.common import (
    complete_citekey,
    echo,
    emit_json,
    input_path,
    merge_said,
    names_a_paper,
    names_an_input,
    names_something,
    none_listed,
    not_found,
    print_quote,
    texts_or_stdin,
    version_null,
    warn,
)
from kb.cli.opening import open_kb
from kb.cli.progress import Progress
from kb.errors import shell_word
from kb.ops.quotes import (
    QuoteNotFound,
    add_quote,
    claims_unread,
    gone_sources,
    list_quotes,
    remove_quote,
    verify_note,
    verify_papers,
)
from kb.text.display import claim_name, counted
from kb.text.versions import labelled

app = typer.Typer()


# -- quotes ----------------------------------------------------------------------------

quote_app = typer.Typer(help="Verbatim quotes, verified against the paper's own text.", no_args_is_help=True)
app.add_typer(quote_app, name="quote")


@quote_app.command("add")
def quote_add(citekey: str = typer.Argument(..., help="The paper's citekey.", callback=names_a_paper,
                                            autocompletion=complete_citekey),
              text: str = typer.Argument(..., help="The quote, word for word; [...] marks an elision; - reads "
                                                   "it from stdin."),
              topic: List[str] = typer.Option([], "--topic", "-t", callback=names_something,
                                             help="A topic (repeatable)."),
              version: Optional[str] = typer.Option(None, "--version",
                                                    help="Verify against this arXiv version (default: latest held)."),
              quote_id: Optional[str] = typer.Option(None, "--id", help="An id for the quote (default: from its words)."),
              page: Optional[int] = typer.Option(None, "--page", help="The page it is on, counted in the PDF (1: its "
                                                                       "first page; not the number printed on it): kb "
                                                                       "still finds it, and refuses it when it is on "
                                                                       "another page."),
              force: bool = typer.Option(False, "--force", help="Store it even if not found, flagged unverified."),
              note: Optional[str] = typer.Option(None, "--note", help="A remark stored with the quote (- reads "
                                                                       "it from stdin)."),
              replace: bool = typer.Option(False, "--replace", help="Replace the quote stored under this --id "
                                                                     "(default: another quote there is refused)."),
              verbose: bool = typer.Option(False, "--verbose", "-v", help="When it is not found, also show the "
                                                                       "closest passage and the version it may be "
                                                                       "from."),
              as_json: bool = typer.Option(False, "--json", help="Print the stored quote with its provenance: "
                                                                 "{id, citekey, version, text, status, page, spans, "
                                                                 "...}; not found: {error, details, "
                                                                 "closest}.")) -> None:
    """Verify a quote against the paper and store it with its provenance. Re-adding a
    stored quote merges: new topics are added to its own.

    \b
    Examples:
      kb quote add strubell2019energy "a sentence of page 4, word for word" --page 4 -t energy
      kb quote add strubell2019energy "its first words [...] its last words" --page 4
      pbpaste | kb quote add strubell2019energy - --page 4
    """

    text, note = texts_or_stdin((text, "the quote"), (note, "the --note"))
    try:
        stored = add_quote(open_kb(), citekey, text, topics=topic, version=version, quote_id=quote_id,
                           force=force, note=note, replace=replace, page=page)
    except QuoteNotFound as exc:
        not_found(exc, verbose=verbose, as_json=as_json)
    for w in stored.pop("warnings", []):
        warn(w)
    done = stored.pop("outcome", "stored")
    if stored.get("restated"):
        warn(f"the quote is stored already as {stored['id']}, the same passage written {said(stored['text'], 60)}: "
             "its text kept; " + "; ".join(stored["merged"]))
    else:
        merge_said(stored["id"], stored.get("merged"))
    if stored.get("method") == "punctuation":
        for n in stored.get("notes", []):
            if n.startswith("punctuation only: "):
                warn(n)
    if as_json:
        emit_json(version_null(stored))
        return
    if stored["status"] == "verified":
        pages = f"page {stored['page']}" + (f"-{stored['page_end']}" if stored["page_end"] != stored["page"] else "")
        echo(f"{done} {stored['id']}: found in {labelled(citekey, stored['version'])}, {pages} ({stored['method']})")
        for n in stored.get("notes", []):
            if n.startswith(("found in the second extraction", "found in the first extraction")):
                echo(f"  {n}")
    else:
        given = f" (page {stored['page']} as given, not checked)" if stored.get("page") else ""
        echo(f"{done} {stored['id']} UNVERIFIED{given}: {stored.get('note', '')}")


@quote_app.command("ls")
def quote_ls(topic: List[str] = typer.Option([], "--topic", "-t", callback=names_something,
                                             help="Only quotes tagged with this topic (repeatable: all must "
                                                  "match). Tags only: a quote merely containing the word is not "
                                                  "listed (that is --text)."),
             text: List[str] = typer.Option([], "--text", callback=names_something,
                                            help="Only quotes holding these words (full-text, in the quote or its "
                                                 "tags; repeatable: all must match). kb search looks everywhere."),
             paper: Optional[str] = typer.Option(None, "--paper", "-p", callback=names_something,
                                                 autocompletion=complete_citekey,
                                                 help="Only quotes from this paper."),
             as_json: bool = typer.Option(False, "--json", help="Print JSON: a list, a quote each: {id, citekey, "
                                                                "version, text, topics, status, page, page_end, "
                                                                "stale_in, ...}.")) -> None:
    """List stored quotes.

    \b
    Examples:
      kb quote ls -t energy
      kb quote ls --paper strubell2019energy --json
    """

    quotes = list_quotes(open_kb(), topic, paper, text=text or None)
    if as_json:
        emit_json(quotes)
        return
    for q in quotes:
        print_quote(q)
    if not quotes:
        none_listed("no quotes" + (" match" if (topic or text or paper) else " stored"))


@quote_app.command("rm")
def quote_rm(quote_id: str = typer.Argument(..., help="The quote's id.")) -> None:
    """Remove a stored quote.

    \b
    Example:
      kb quote rm training-single-bert-base      (the ids: kb quote ls)
    """

    citekey = remove_quote(open_kb(), quote_id)
    echo(f"removed {quote_id} from claims/{citekey}.toml")


@app.command()
def verify(note: Optional[str] = typer.Option(None, "--note", callback=names_an_input,
                                              help="Lint this Markdown/MDX note instead: each quote's source "
                                                   "(how it was found, or the closest paper), the quote in "
                                                   "its text, and its page locator. - reads the note from stdin."),
           strict: bool = typer.Option(False, "--strict", help="Also fail on unverified, stale and unchecked quotes."),
           as_json: bool = typer.Option(False, "--json", help="Print JSON: a list, a quote or claim each: {id, "
                                                              "citekey, version, kind, status, message, page, failed, "
                                                              "stale_in, ...}; with --note: {quotes, "
                                                              "problems}.")) -> None:
    """Re-verify every stored quote (or a note's quotes) against the papers' text; exit 1 if any fails.

    \b
    Examples:
      kb verify
      kb verify --note draft.md --strict
    """

    kb = open_kb(judging="kb verify")
    if note is not None:
        results, problems = verify_note(kb, input_path(note, "the note"))
        if as_json:
            emit_json({"quotes": [r.to_dict() for r in results],
                       "problems": [{"line": line, "message": m} for line, m in problems]})
        else:
            for line, message in problems:
                echo(f"{shown(note)}:{line}: problem: {message}")
            for r in results:
                short = r.quote if len(r.quote) <= 70 else r.quote[:67] + "..."
                where = f"{r.citekey} {r.version or ''}".strip() if r.citekey else (r.source or "?")
                if r.method:
                    where += f" (by {r.method})"
                if r.status == "ok":
                    where += f", {r.message}"
                echo(f"{shown(note)}:{r.line}: {r.status:10} {where}: \"{short}\"")
                if r.status != "ok":
                    echo(f"    {r.message}")
            failed = sum(r.failed for r in results)
            unchecked = sum(r.status == "unchecked" for r in results)
            # the quotes neither ok nor failed (no-text, unverified) are counted too, as kb verify counts them
            others: dict = {}
            for r in results:
                if r.status not in ("ok", "unchecked") and not r.failed:
                    others[r.status] = others.get(r.status, 0) + 1
            echo(f"{counted(len(results) - unchecked, 'quote')}: {sum(r.status == 'ok' for r in results)} ok, {failed} failed"
                  + "".join(f", {n} {s}" for s, n in sorted(others.items()))
                  + (f", {counted(unchecked, 'quoted passage')} not checked" if unchecked else "")
                  + (f", {counted(len(problems), 'broken block')}" if problems else ""))
        bad = any(r.failed for r in results) or bool(problems) or (
            strict and any(r.status != "ok" for r in results))
        if bad:
            raise typer.Exit(1)
        return
    bar = Progress("verifying", unit="papers")
    results, claim_results = [], []
    for v in verify_papers(kb, progress=bar.update if bar.on else None):   # a paper's text at a time
        (claim_results if v.kind == "claim" else results).append(v)
    bar.done()
    if as_json:
        emit_json([r.to_dict() for r in results + claim_results])
    else:
        for r in results:
            echo(f"{r.status:10} {r.id}  {r.citekey} {r.version or ''}  {r.message}".rstrip())
        for r in claim_results:
            # as kb claims lists it and kb check and kb claim rm take it: 'key.nas_co2e', never 'key.nas-co2e'
            echo(f"{r.status:10} claim {claim_name(r.citekey, r.id)}  {r.version or ''}  {r.message}".rstrip())
        for what, rows in (("quote", results), ("claim", claim_results)):
            counts: dict = {}
            for r in rows:
                counts[r.status] = counts.get(r.status, 0) + 1
            if rows:
                echo(f"{counted(len(rows), what)}: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
            elif what == "quote" and claim_results:
                echo("no quotes stored")
        if not (results or claim_results):
            none_listed("no quotes or claims stored: nothing to verify")
        stale = next((r for r in results if r.status == "stale" and r.stale_in), None)
        if stale is not None:
            # a stale quote is still true of the version it cites; to cite the newer one, it is quoted again there
            echo(f"next: kb quote add {shell_word(stale.citekey)} \"<its words in {stale.stale_in}>\" --version "
                 f"{shell_word(stale.stale_in)} --id {shell_word(stale.id)} --replace  (quotes the newer version; "
                 f"a stale quote is still true of the version it cites)")
    results = results + claim_results
    for citekey, version, name in gone_sources(kb, ((r.citekey, r.version) for r in results if r.status == "ok")):
        warn(f"{labelled(citekey, version)}: its PDF {name} is missing from the cache: its quotes and claims were "
             f"checked against the text kb extracted from it before, kept in the index (the PDF was not read "
             f"again); kb doctor says how to repair it")
    unread = claims_unread(kb)
    for where in unread:
        warn(f"{where}, where kb reads no quotes, claims or checks: kb verify judged none it holds; kb doctor says "
             "how to repair it")
    if unread or any(r.failed for r in results) or (strict and any(r.status != "ok" for r in results)):
        raise typer.Exit(1)

