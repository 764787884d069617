"""`kb doctor` and `kb rebuild`."""

from __future__ import annotations

import typer

from kb.atomic import shown
from kb.cli.common import echo, emit_json, err, state, warn
from kb.cli.progress import Progress, busy, reporter
from kb.ops.doctor import diagnose
from kb.ops.rebuild import rebuild as do_rebuild
from kb.text.display import counted

#: Problems of one kind shown before the rest are counted (--json lists all).
SHOW_PER_CHECK = 25


app = typer.Typer()


@app.command()
def doctor(prune: bool = typer.Option(False, "--prune",
                                      help="Remove cached sources that belong to no paper, and "
                                           "corrupted ones (to be fetched again)."),
           quick: bool = typer.Option(False, "--quick",
                                      help="Only the files against the index, SQLite's quick check and "
                                           ".kb/tmp: seconds even for 10,000 papers. Skips re-verifying "
                                           "quotes and claims against the text and hashing cached PDFs "
                                           "(a missing one is still reported)."),
           as_json: bool = typer.Option(False, "--json", help="Print JSON: {root, ok, problems, info, counts, "
                                                              "notices}.")) -> None:
    """Check that the files and the index agree, the cache is intact and every verified
    quote still verifies; say how to repair each problem. Exit 1 if anything needs repair.

    \b
    Examples:
      kb doctor
      kb doctor --quick
      kb doctor --prune
    """

    bar = Progress("re-verifying quotes and claims", unit="papers")
    report = diagnose(state["kb"], prune=prune, quick=quick, on_busy=busy(), jobs=None,
                      progress=(lambda _label, done, total: bar.update(done, total)) if bar.on else None)
    bar.done()
    for line in report.notices:
        warn(line)
    if as_json:
        emit_json(report.to_dict())
    else:
        shown: dict[str, int] = {}
        hidden: dict[str, int] = {}
        for p in report.problems:
            shown[p.check] = shown.get(p.check, 0) + 1
            if shown[p.check] > SHOW_PER_CHECK:
                hidden[p.check] = hidden.get(p.check, 0) + 1
                continue
            echo(f"problem: {p.line()}")
        for check, n in hidden.items():
            echo(f"problem: ... and {n} more {check} {'problem' if n == 1 else 'problems'} "
                 "(kb doctor --json lists them all)")
        for line in report.info:
            echo(f"info: {line}")
        c = report.counts
        checked = ", ".join(counted(c[k], k[:-1]) for k in ("papers", "quotes", "claims", "sources") if k in c)
        if quick and checked:
            checked += " checked; quick: quotes and claims not re-verified, sources not hashed"
        elif checked:
            checked += " checked"
        if report.ok:
            echo(f"nothing to repair ({checked})" if checked else "nothing to repair")
        else:
            n = len(report.problems)
            echo(f"{n} problem{'s' if n != 1 else ''} to repair" + (f" ({checked})" if checked else ""))
    if not report.ok:
        raise typer.Exit(1)

@app.command()
def rebuild(as_json: bool = typer.Option(False, "--json", help="Print JSON: {database, moved_aside, previous, papers, "
                                                               "versions, pages, quotes, claims, warnings, problems, "
                                                               "...}.")) -> None:
    """Make a new index from references.bib, claims/ and the source cache (for a database
    deleted, damaged or out of step); a damaged one is kept aside as kb.sqlite.corrupt-TIME.

    \b
    Example:
      kb rebuild
    """

    result = do_rebuild(state["kb"], progress=reporter(), on_busy=busy(), jobs=None)
    if as_json:
        emit_json(result.to_dict())
    else:
        if result.moved_aside:
            err(f"kb: the damaged index was moved to {shown(result.moved_aside)}\n")
        echo(f"rebuilt {shown(result.database)} in {result.seconds:.1f} s: {counted(result.papers, 'paper')}, "
              f"{counted(result.versions, 'version')} with {counted(result.pages, 'page')} of text, "
              f"{counted(result.quotes, 'quote')}, "
              f"{counted(result.claims, 'claim')}"
              + (f", Semantic Scholar data of {counted(result.semantic_scholar, 'paper')}"
                                           if result.semantic_scholar else ""))
        for line in result.salvaged:
            echo(f"kept from the old index: {line}")
        for line in result.warnings + result.problems:
            err(f"kb: {line}\n")
    if result.problems:
        raise typer.Exit(1)
