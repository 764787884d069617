"""`kb audit`: the figures papers attribute to other papers of the knowledge base, checked."""

from __future__ import annotations

from typing import List, Optional

import typer

from kb.atomic import shown
from kb.cli.common import (
    a_path,
    complete_citekey,
    echo,
    emit_json,
    emit_json_items,
    input_path,
    names_a_paper,
    names_something,
    none_listed,
    read_here,
    warn,
)
from kb.cli.opening import open_kb
from kb.errors import UsageError
from kb.ops.audit import Restatement, accept, audit_note, iter_audit
from kb.text.display import counted

app = typer.Typer()


def _line(r: Restatement, in_note: bool = False) -> str:
    where = "line" if in_note else "page"
    src = f"{r.cited} p{r.cited_page}" if r.cited_page else r.cited
    text = f"{shown(r.citing) if in_note else r.citing} {where} {r.citing_page}  \"{r.figure}\"  -> {src}  {r.verdict}"
    if r.verdict == "differs" and r.difference is not None:
        pct = r.difference * 100
        # a figure off by less than a tenth of a percent is not shown as "-0.0 %"
        off = f"{pct:+.1f} %" if abs(pct) >= 0.1 or not pct else f"{pct:+.2g} %"
        # a range that differs from the paper's range: which of its ends
        text += f"  {r.cited_figure} there ({r.end} end {off})" if r.end else f"  {r.cited_figure} there ({off})"
    elif r.verdict == "not-checked" and r.reason:
        text += f": {r.reason}"
    elif r.verdict == "confirmed" and r.cited_figure:
        text += f"  as {r.cited_figure}"
    if r.judged:
        text += f"  [judged {r.judged}" + (f": {r.note}" if r.note else "") + "]"
    return text + f"  [{r.id}]"


@app.command("audit")
def audit_cmd(keys: List[str] = typer.Argument(None, help="Citing papers to audit (default: every paper).", callback=names_a_paper,
                                               autocompletion=complete_citekey),
              only: Optional[str] = typer.Option(None, "--only", callback=names_something,
                                                 help="Verdicts to list, comma-separated: "
                                                      "confirmed, differs, not-in-source (a note's: not-checked)."),
              note: Optional[str] = typer.Option(None, "--note",
                                                 help="A Markdown note: audit the figures of its prose and "
                                                      "quotes against the papers it cites. With --accept: "
                                                      "the remark to record with the judgement."),
              accept_id: Optional[str] = typer.Option(None, "--accept",
                                                      help="Record a person's judgement of the restatement with "
                                                           "this id in the citing paper's claims file; "
                                                           "kb audit reports it no more."),
              verdict: Optional[str] = typer.Option(None, "--verdict",
                                                    help="With --accept: the verdict to record (default: kb's)."),
              judged: bool = typer.Option(False, "--judged", help="Also list restatements already judged."),
              as_json: bool = typer.Option(False, "--json", help="Print the restatements as JSON: a list, one each: "
                                                              "{id, citing, citing_page, figure, cited, cited_page, "
                                                              "verdict, difference, ...}.")) -> None:
    """Check every figure a paper attributes to another paper here against that paper.

    One line each: citing paper and page, the figure as written, cited paper and page, the
    verdict (confirmed, differs, not-in-source) and the difference. Exit 1 when one differs.

    \b
    Examples:
      kb audit
      kb audit patterson2021carbon --only differs
      kb audit --note draft.md
    """
    kb = open_kb(judging=None if accept_id else "kb audit")
    wanted = [v.strip() for v in only.split(",") if v.strip()] if only else None
    if accept_id:
        if keys:
            raise UsageError("--accept takes one restatement id, without papers")
        r = accept(kb, accept_id, verdict=verdict, note=note)
        if r.replaced:          # judged before: what the new judgement changed, as kb claim add says a merge
            warn(f"{r.id} was judged already: replaced " + "; ".join(r.replaced))
        if as_json:
            emit_json(r.to_dict())
        elif r.replaced == []:      # judged so already: said as the first run's line, never as written again
            echo(f"unchanged {r.id}: recorded as {r.judged} in claims/{r.citing}.toml already")
        else:
            echo(f"recorded {r.id} as {r.judged} in claims/{r.citing}.toml")
        return
    if verdict:
        raise UsageError("--verdict goes with --accept ID")
    if note is not None:
        if keys:
            raise UsageError("--note audits a note; give papers or --note, not both")
        note = a_path(note, "--note")
        read_here(note, "--note")
        rows = iter(audit_note(kb, input_path(note, "the note"), only=wanted))
    else:
        rows = iter_audit(kb, keys or None, only=wanted, include_judged=judged)
    counts = {"confirmed": 0, "differs": 0, "not-in-source": 0}
    differ = False

    def tallied(rows):           # printed as they come: a large audit is never held whole
        nonlocal differ
        for r in rows:
            counts[r.verdict] = counts.get(r.verdict, 0) + 1
            differ = differ or (r.verdict == "differs" and not r.judged)
            yield r

    if as_json:
        emit_json_items(r.to_dict() for r in tallied(rows))
    else:
        for r in tallied(rows):
            echo(_line(r, note is not None))
        if not sum(counts.values()):     # nothing to list: said in words on stderr, as every empty listing
            none_listed("no restatements: " + ("the note attributes no figure to a paper here" if note is not None
                                               else "no paper attributes a figure to another paper here"
                                               + ("" if judged else " (--judged lists those judged already)")))
            return
        echo(f"{counted(sum(counts.values()), 'restatement')}: {counts['confirmed']} confirmed, {counts['differs']} "
             f"{'differs' if counts['differs'] == 1 else 'differ'}, "
             f"{counts['not-in-source']} not in the source"
             + (f", {counts['not-checked']} not checked" if counts.get("not-checked") else ""))
    if differ:
        raise typer.Exit(1)
