"""`kb claim add`, `kb claims` (list, extract, promote, dismiss) and `kb check`."""

from __future__ import annotations

import re
from typing import List, Optional

import typer
from typer.core import TyperCommand

from kb.cli.common import (
    complete_citekey,
    echo,
    emit_json,
    merge_said,
    names_a_paper,
    names_something,
    none_listed,
    not_found,
    print_quote,
    table,
    texts_or_stdin,
    version_null,
    warn,
)
from kb.cli.opening import open_kb
from kb.lazyimport import lazy_import
from kb.ops.claims import (
    add_claim,
    claim_lines,
    dismiss,
    extract,
    list_candidates,
    list_claims,
    promote,
    run_checks,
)
from kb.ops.quotes import QuoteNotFound, claims_unread, list_quotes
from kb.text.display import claim_name, counted
from kb.text.lazyre import lazy

library = lazy_import("kb.ops.library")       # kb claim rm only

app = typer.Typer()


# -- claims and checks --------------------------------------------------------------------------

claim_app = typer.Typer(help="A numeric claim with its unit, quote and provenance.", no_args_is_help=True)
app.add_typer(claim_app, name="claim")


#: A negative number as a person writes a value: "-0.5", "-5%", "-.5 kWh", "−12 kWh".
_NEGATIVE = lazy(r"[-−]\.?\d")


class NegativeValues(TyperCommand):
    """A command whose arguments may be negative numbers (`kb claim add KEY -0.5 --quote ...`), which
    click reads as options ("No such option: -0"): when an argument is one, the options (with their
    values) are given first and the arguments after "--", in their order. Any other word starting with
    '-' stays an option, so a misspelt one is still said as such ("No such option: --qoute")."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        valued = {name for p in self.params if p.param_type_name == "option" and not p.is_flag and not p.count
                  for name in p.opts}
        options: list[str] = []
        arguments: list[str] = []
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                arguments += args[i + 1:]
                break
            if arg in valued:
                options += args[i:i + 2]
                i += 2
                continue
            (options if arg.startswith("-") and len(arg) > 1 and not _NEGATIVE.match(arg) else arguments).append(arg)
            i += 1
        if any(_NEGATIVE.match(a) for a in arguments):
            args = options + ["--"] + arguments
        return super().parse_args(ctx, args)


@claim_app.command("add", cls=NegativeValues)
def claim_add(citekey: str = typer.Argument(..., help="The paper's citekey.", callback=names_a_paper,
                                            autocompletion=complete_citekey),
              value: str = typer.Argument(..., help="The figure as written, with its unit: \"11.49 kWh\"."),
              quote: Optional[str] = typer.Option(None, "--quote", "-q", help="The sentence it comes from (verified; "
                                                                             "- reads it from stdin)."),
              per: Optional[str] = typer.Option(None, "--per", help="What it is per: \"1000 inferences\", \"year\"."),
              page: Optional[int] = typer.Option(None, "--page", help="The page of its quote, counted in the PDF (1: its "
                                                                       "first page; not the number printed on it): kb "
                                                                       "still finds it, and refuses it when it is on "
                                                                       "another page."),
              topic: List[str] = typer.Option([], "--topic", "-t", callback=names_something,
                                             help="A topic (repeatable)."),
              claim_id: Optional[str] = typer.Option(None, "--id", help="Its name; expressions write '-' as '_'."),
              version: Optional[str] = typer.Option(None, "--version", help="arXiv version (default: latest held)."),
              force: bool = typer.Option(False, "--force", help="Store it even if the quote is not found (unverified)."),
              note: Optional[str] = typer.Option(None, "--note", help="A remark stored with the claim (- reads "
                                                                       "it from stdin)."),
              replace: bool = typer.Option(False, "--replace", help="Replace a stored claim of the same --id "
                                                                     "(default: merge; another value is refused)."),
              verbose: bool = typer.Option(False, "--verbose", "-v", help="When its quote is not found, also show "
                                                                       "the closest passage and the version it may "
                                                                       "be from."),
              as_json: bool = typer.Option(False, "--json", help="Print the stored claim: {id, citekey, value, unit, "
                                                                 "quote, page, status, written, interval, "
                                                                 "expression_name, ...}; its quote not found: {error, "
                                                                 "details, closest}.")) -> None:
    """Store a number with its unit, verified against its quote. Re-adding an --id, or the same
    value, quote and per, merges: topics are added, what is not given is kept.

    \b
    Example:
      kb claim add strubell2019energy "626,155 lbs CO2e" --page 4 --id nas_co2e \\
          -q "the sentence of page 4 that prints 626,155 lbs CO2e"
    """

    quote, note = texts_or_stdin((quote, "the --quote"), (note, "the --note"))
    try:
        stored = add_claim(open_kb(), citekey, value, quote=quote, per=per, topics=topic, claim_id=claim_id,
                           version=version, force=force, note=note, replace=replace, page=page)
    except QuoteNotFound as exc:
        not_found(exc, verbose=verbose, as_json=as_json)
    for w in stored.pop("warnings", []):
        warn(w)
    done = stored.pop("outcome", "stored")
    merge_said(stored["expression_name"], stored.get("merged"))     # the name it is listed and removed by
    if as_json:
        emit_json(version_null(stored))
        return
    where = (f"page {stored['page']} of {stored.get('version') or 'the text'}" if stored.get("status") == "verified"
             else "UNVERIFIED")
    echo(f"{done} {stored['expression_name']} = {stored['written']}"
          + (f" per {stored['per']}" if stored.get("per") else "") + f"  ({where})")


@claim_app.command("rm")
def claim_rm(name: str = typer.Argument(..., help="The claim: KEY.ID (as checks name it) or ID.")) -> None:
    """Remove a stored claim from its claims file.

    \b
    Example:
      kb claim rm strubell2019energy.nas_co2e
    """

    citekey, claim_id, users = library.remove_claim(open_kb(), name)
    echo(f"removed {claim_name(citekey, claim_id)}")
    if users:
        one = len(users) == 1
        warn(f"{'check' if one else 'checks'} {', '.join(users)} {'names' if one else 'name'} "
             f"{claim_name(citekey, claim_id)}, which is no claim kb holds now: "
             "`kb check` and `kb doctor` say so")     # in their words


claims_app = typer.Typer(help="List claims; extract candidates from a paper; promote or dismiss them.\n\n"
                              "\b\nExamples:\n"
                              "  kb claims --topic energy --unit kWh --min \"1 kWh\"\n"
                              "  kb claims --paper strubell2019energy --json\n"
                              "  kb claims extract strubell2019energy",
                         invoke_without_command=True)
app.add_typer(claims_app, name="claims")


@claims_app.callback()
def claims_list(ctx: typer.Context,
                topic: List[str] = typer.Option([], "--topic", "-t", callback=names_something,
                                                help="Tagged with this topic (repeatable: all must match); "
                                                     "tags only, see --text."),
                text: List[str] = typer.Option([], "--text", callback=names_something,
                                               help="Holding these words (full-text: quote, tags, name; "
                                                    "repeatable: all must match)."),
                paper: Optional[str] = typer.Option(None, "--paper", "-p", callback=names_something,
                                                    autocompletion=complete_citekey,
                                                    help="From this paper."),
                unit: Optional[str] = typer.Option(None, "--unit", callback=names_something,
                                                   help="Of this kind of unit (kWh matches MWh too)."),
                minimum: Optional[str] = typer.Option(None, "--min", callback=names_something, help="At least this, with its unit: \"1 kWh\"."),
                maximum: Optional[str] = typer.Option(None, "--max", callback=names_something, help="At most this, with its unit."),
                unreviewed: bool = typer.Option(False, "--unreviewed", help="List extracted candidates awaiting review."),
                as_json: bool = typer.Option(False, "--json", help="Print the claims as JSON: one list, whatever "
                                                                    "the filters (the quotes: kb quote ls --json), "
                                                                    "a claim each: {id, citekey, number, value, unit, "
                                                                    "per, quote, page, version, status, ...}; with "
                                                                    "--unreviewed the candidates, as kb claims "
                                                                    "extract gives them.")) -> None:
    """Claims (and, with --topic or --text, quotes) with their values and pages."""
    if ctx.invoked_subcommand is not None:
        return

    kb = open_kb()
    if unreviewed:
        rows = list_candidates(kb, citekey=paper)
        if as_json:
            emit_json([version_null(r) for r in rows])
            return
        table([[r["id"], r["citekey"], f"{r['version'] or '-'} p.{r['page']}", _figure(r), r["sentence"]]
               for r in rows],
              ["candidate", "paper", "where", "figure", "sentence"], keep=[r["printed"] for r in rows])
        if not rows:
            none_listed("no candidates awaiting review: kb claims extract CITEKEY")
        return
    filters = dict(topics=topic, paper=paper, unit=unit, minimum=minimum, maximum=maximum, text=text or None)
    if as_json:                  # one shape whatever the filters: a script reads the same list
        emit_json(list_claims(kb, **filters))
        return
    listed = bool(topic or text)
    quotes = list_quotes(kb, topic, paper, text=text or None) if listed and not (unit or minimum or maximum) else []
    rows = claim_lines(kb, **filters)
    table(rows, ["claim", "figure", "per", "where", "", "quote"])
    if not rows:
        none_listed("no claims" + (" match" if (topic or text or paper or unit or minimum or maximum) else " yet"))
    for q in quotes:
        if q is quotes[0]:
            echo("\nquotes:")
        print_quote(q)


def _figure(candidate: dict) -> str:
    """A candidate's figure as a person reads it: "25 kWh per run"; a count as the page
    prints it ("100 sheets", "100 times", where kb's unit is 'item' or none)."""
    if candidate["unit"] in ("item", "dimensionless") and candidate.get("printed"):
        figure = candidate["printed"]
        if _PRINTED_PER.search(figure):      # the per as printed: "1.4 false alarms per true alarm" (never "... per alarm")
            return figure
    else:
        figure = f"{candidate['number']} {candidate['unit'] or ''}".strip()
    return f"{figure} per {candidate['per']}" if candidate.get("per") else figure


#: A per a page prints inside a count's words: "per true alarm", "/ node", "for each paper".
_PRINTED_PER = re.compile(r"(?i)\bper\b|/|\b(?:each|every)\b")


@claims_app.command("extract")
def claims_extract(citekey: str = typer.Argument(..., help="The paper's citekey.", callback=names_a_paper,
                                                 autocompletion=complete_citekey),
                   version: Optional[str] = typer.Option(None, "--version", help="Version (default: latest held)."),
                   as_json: bool = typer.Option(False, "--json", help="Print JSON: a list, a candidate each: {id, "
                                                                      "citekey, version, page, number, value, unit, "
                                                                      "per, sentence, status, ...}.")) -> None:
    """Propose every number with a unit in a paper as a candidate claim, with page and sentence.

    \b
    Examples:
      kb claims extract strubell2019energy
      kb claims promote 3 --id nas_co2e   (or: kb claims dismiss 4 5)
    """

    rows = extract(open_kb(), citekey, version)
    if as_json:
        emit_json([version_null(r) for r in rows])
        return
    if not rows:            # was '0 candidates awaiting review: kb claims promote ID ...' on stdout
        none_listed(f"no candidates in {citekey} awaiting review: its text holds no number with a unit that is not "
                    "a claim or dismissed already")
        return
    table([[r["id"], f"p.{r['page']}", _figure(r), r["sentence"]] for r in rows],
          ["candidate", "page", "figure", "sentence"], keep=[r["printed"] for r in rows])
    echo(f"{counted(len(rows), 'candidate')} awaiting review: kb claims promote ID --id NAME, or kb claims dismiss ID")


@claims_app.command("promote")
def claims_promote(candidate: int = typer.Argument(..., help="The candidate's number (kb claims --unreviewed)."),
                   claim_id: Optional[str] = typer.Option(None, "--id", help="The claim's name."),
                   per: Optional[str] = typer.Option(None, "--per", help="What it is per."),
                   topic: List[str] = typer.Option([], "--topic", "-t", callback=names_something,
                                             help="A topic (repeatable)."),
                   verbose: bool = typer.Option(False, "--verbose", "-v", help="When its quote is not found, also show "
                                                                       "the closest passage and the version it may "
                                                                       "be from."),
              as_json: bool = typer.Option(False, "--json", help="Print the stored claim: {id, citekey, value, unit, "
                                                                 "quote, page, status, written, interval, "
                                                                 "expression_name, ...}; its quote not found: {error, "
                                                                 "details, closest}.")) -> None:
    """Make a candidate a claim; its sentence becomes the verified quote.

    \b
    Examples:
      kb claims --unreviewed
      kb claims promote 3 --id nas_co2e -t energy
    """

    stored = promote(open_kb(), candidate, claim_id=claim_id, per=per, topics=topic)
    for w in stored.pop("warnings", []):
        warn(w)
    done = stored.pop("outcome", "stored")
    # promoted before: said as kb claim add says a claim stored already
    merge_said(stored["expression_name"], stored.get("merged"))
    if as_json:
        emit_json(version_null(stored))
    else:
        echo(f"{done} {stored['expression_name']} = {stored['written']} (page {stored.get('page')})")


@claims_app.command("dismiss")
def claims_dismiss(candidates: List[int] = typer.Argument(..., help="Candidate numbers.")) -> None:
    """Mark candidates as not worth a claim.

    \b
    Example:
      kb claims dismiss 4 5 6
    """

    done = dismiss(open_kb(), candidates)
    # the others were dismissed already: dismiss refuses a number naming no candidate, and one made a claim
    already = len(set(candidates)) - done
    echo(f"dismissed {counted(done, 'candidate')}" + (f" ({already} dismissed already)" if already else ""))


@app.command()
def check(explain_id: Optional[str] = typer.Option(None, "--explain", help="Show every step of one check."),
          as_json: bool = typer.Option(False, "--json", help="Print JSON: a list, a check each: {id, stated, expr, "
                                                             "verdict, recomputed, low, high, unit, rel_diff, "
                                                             "message, ...}.")) -> None:
    """Recompute every check in claims/ from the figures it rests on; exit 1 if any fails.

    \b
    Example:
      In claims/checks.toml (any claims/*.toml may hold checks and units):
        [units]
        charge = "0.012 kWh"                  # a unit of your own
        [[check]]
        id = "950-charges"
        stated = "950 charge"                 # the figure as your text states it
        expr = "luccioni2023power.image_gen"  # claims as KEY.ID ('-' as '_'), units, + - * / ^
      then:
        kb check
        kb check --explain 950-charges
    """

    kb = open_kb(judging="kb check")
    results = run_checks(kb, only=explain_id)
    if as_json:
        emit_json([r.to_dict() for r in results])
    elif explain_id:
        r = results[0]
        echo(f"{r.id}  ({r.file})" + (f"\n  note: {r.note}" if r.note else ""))
        echo(f"  stated {r.stated}\n  expr   {r.expr}")
        for line in r.explanation:
            echo(f"  {line}")
        echo(f"  verdict: {r.verdict}")
    else:
        for r in results:
            echo(r.line)
        if not results:
            none_listed("no checks: add [[check]] tables (stated, expr) to claims/*.toml")
        else:
            counts = {v: sum(r.verdict == v for r in results) for v in ("pass", "fail", "error")}
            echo(f"{counted(len(results), 'check')}: {counts['pass']} pass, {counts['fail']} fail, {counts['error']} error")
    unread = [] if explain_id else claims_unread(kb)
    for where in unread:
        warn(f"{where}, where kb reads no quotes, claims or checks: kb check judged none it holds; kb doctor says "
             "how to repair it")
    if unread or any(r.verdict != "pass" for r in results):
        raise typer.Exit(1)

