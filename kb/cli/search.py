"""`kb search`: a family of its own, so a search loads what it reads with and no more."""

from __future__ import annotations

from typing import List, Optional

import typer

from kb.cli.common import complete_citekey, echo, emit_json, names_something, none_listed, warn
from kb.cli.opening import read_kb
from kb.errors import UsageError
from kb.ops.search import search as do_search
from kb.store.fts import match_terms
from kb.text.display import pages_said

app = typer.Typer()


@app.command()
def search(query: List[str] = typer.Argument(..., help="Words to find; \"a phrase\" in double quotes; "
                                                       "energ* for a prefix. Case and accents are ignored."),
           paper: Optional[str] = typer.Option(None, "--paper", "-p", callback=names_something,
                                               autocompletion=complete_citekey,
                                               help="Only this paper."),
           limit: int = typer.Option(10, "--limit", "-n", help="How many results."),
           all_versions: bool = typer.Option(False, "--all-versions",
                                             help="Also search older versions' page text."),
           as_json: bool = typer.Option(False, "--json", help="Print JSON: a list, best first: {kind, citekey, "
                                                              "version, page, id, title, snippet, score, "
                                                              "...}.")) -> None:
    """Search page text, quotes and claims: best matches first, with a snippet and page.

    \b
    Examples:
      kb search "carbon footprint"
      kb search "energ*" --paper strubell2019energy -n 5
    """

    text = " ".join(query)
    if not match_terms(text):           # empty, blanks, punctuation: nothing a search could look for
        raise UsageError(f"nothing to search for in {text!r}: give a word (letters or digits) to find")
    hits = read_kb(lambda kb: do_search(kb, text, paper=paper, limit=limit, all_versions=all_versions),
                   papers_only=True)
    if as_json:
        emit_json([h.to_dict() for h in hits])
        return
    if not hits:
        none_listed("no matches")
        return
    if hits[0].matched == "any":
        warn("nothing holds all the words; showing results with any of them")
    for h in hits:
        pages = ""
        if h.page:
            pages = f"p. {pages_said(h.page, h.page_end)}"
            if h.moved_in:          # where the newest version kb holds prints it
                pages += f" ({h.moved_in}: p. {h.moved_to})"
        where = " ".join(filter(None, [h.citekey, h.version, pages]))
        what = h.kind if h.kind == "page" else f"{h.kind} {h.id}"
        extra = "".join([f"  {h.value}" if h.value else "",
                         {"unverified": "  [UNVERIFIED]", "no-text": "  [NO TEXT]",
                          "stale": f"  [STALE: not in {h.stale_in}]"}.get(h.status or "", "")])
        title = h.title or ""
        if len(title) > 60:
            title = title[:59] + "…"
        echo(f"{where}  ({what}){extra}  {title}".rstrip())
        echo(f"    {h.snippet}")
