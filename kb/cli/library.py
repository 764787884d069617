"""`kb rm`, `kb rename`, `kb tag`, `kb open`, `kb edit`: keeping a library day to day.

Also the completion of tags, which reads the index with the standard library's sqlite3
only (completing must stay fast; citekeys: kb.cli.common.complete_citekey)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import List

import typer

from kb.atomic import said, shown
from kb.cli.common import (
    complete_citekey,
    complete_from_index,
    data,
    echo,
    emit_json,
    err,
    input_path,
    names_a_paper,
    names_an_input,
)
from kb.cli.opening import open_kb, open_kb_apart, say_apart
from kb.errors import UsageError
from kb.ops.library import (
    entry_text,
    pdf_path,
    read_edited,
    remove_papers,
    rename_paper,
    replace_entry,
    set_tags,
    split_tags,
)
from kb.sources.citekey import fold_key
from kb.store import paths
from kb.text.display import counted

app = typer.Typer()


# -- completion ----------------------------------------------------------------------------

def complete_tag(incomplete: str) -> list[str]:
    """Tags of papers and topics of quotes and claims starting with what was typed."""
    import json

    words: set[str] = set()
    for query in ("select fields from papers where ? is not null",
                  "select topics from quotes where ? is not null",
                  "select topics from claims where ? is not null"):
        for value in complete_from_index(query, ""):
            try:
                data = json.loads(value)
            except ValueError:
                continue
            items = data if isinstance(data, list) else split_tags(data.get("keywords"))
            words.update(t for t in items if isinstance(t, str) and t)
    return sorted(w for w in words if w.startswith(incomplete))


def complete_tag_change(incomplete: str) -> list[str]:
    """kb tag's +TAG (and -TAG, where the shell hands it over): the tags starting with what follows the
    sign, the sign kept."""
    sign = incomplete[:1] if incomplete[:1] in ("+", "-") else ""
    return [sign + t for t in complete_tag(incomplete[len(sign):])]


# -- kb rm -----------------------------------------------------------------------------------

@app.command("rm")
def rm(citekeys: List[str] = typer.Argument(..., help="The papers' citekeys.", callback=names_a_paper, autocompletion=complete_citekey),
       force: bool = typer.Option(False, "--force", help="Remove papers that have quotes or claims too, or "
                                                         "whose claims files hold checks, units or comments, "
                                                         "or that other entries name as their crossref "
                                                         "(their claims files go with them)."),
       dry_run: bool = typer.Option(False, "--dry-run", "-n", help="List what would go; change nothing."),
       as_json: bool = typer.Option(False, "--json", help="Print JSON: a list, a paper each: {citekey, title, quotes, "
                                                          "claims, claims_file, sources, ...}.")) -> None:
    """Remove papers: their references.bib entries, claims files and index rows.
    Cached PDFs stay until `kb doctor --prune`.

    \b
    Examples:
      kb rm strubell2019energy --dry-run
      kb rm strubell2019energy --force
    """

    kb = open_kb_apart()
    plan = remove_papers(kb, citekeys, force=force, dry_run=dry_run)
    say_apart(kb)
    if as_json:
        emit_json([r.to_dict() for r in plan])
        return
    verb = "would remove" if dry_run else "removed"
    for r in plan:
        parts = [counted(r.quotes, "quote"), counted(r.claims, "claim")]
        if r.claims_file:
            parts.append(r.claims_file + (f" with {', '.join(r.also)}" if r.also else ""))
        if r.sources:
            parts.append(f"{counted(r.sources, 'cached source')} kept until `kb doctor --prune`")
        if r.lends_to:
            parts.append(f"the crossref of {', '.join(r.lends_to)}")
        if r.elsewhere:
            parts.append(f"{', '.join(r.elsewhere)} kept")
        if r.named_in:
            parts.append(f"its claims in {', '.join(r.named_in)} kept")
        echo(f"{verb} {r.citekey}: {r.title}  ({', '.join(parts)})")


# -- kb rename -------------------------------------------------------------------------------

@app.command("rename")
def rename(old: str = typer.Argument(..., help="The citekey now.", callback=names_a_paper, autocompletion=complete_citekey),
           new: str = typer.Argument(..., help="The citekey it should have."),
           note: List[str] = typer.Option([], "--note", callback=names_an_input, help="A Markdown/MDX note whose citations of OLD "
                                                              "([@OLD], sourceLink=\"#OLD\") become NEW "
                                                              "(repeatable)."),
           as_json: bool = typer.Option(False, "--json", help="Print JSON: {old, new, claims_file, checks, sources, "
                                                              "notes, crossrefs, ...}.")) -> None:
    """Change a citekey everywhere kb keeps it; the old key stays as an alias (`ids`).

    A key already renamed by hand in references.bib: `kb rename OLD NEW` moves what kb
    still keeps under OLD (its claims file, checks, cached sources) to NEW.

    \b
    Example:
      kb rename strubell2019energy strubell2019 --note draft.md
    """

    if sum(str(n) == "-" for n in note) > 1:
        raise UsageError("--note - (the note on stdin) can be given once")
    result = rename_paper(open_kb(), old, new, notes=[input_path(n, "the note") for n in note])
    if as_json:
        emit_json(result.to_dict())
        return
    done = (f"{result.old} names {result.new} already (a key kept in its ids field)"
            if result.already else None)
    if result.stdin_note is not None:
        # the note read from stdin goes to stdout, renamed; what was done is said on stderr
        data(result.stdin_note)
        err(f"kb: {done or f'renamed {result.old} -> {result.new}'}; the note on stdin: "
            f"{counted(result.notes.get('-', 0), 'citation')}, written to stdout\n")
        return
    kept = ("(the old key is kept in its ids field)" if result.aliased else
            "(an @xdata entry is cited by no one: no alias kept)" if result.data == "xdata" else
            "(the old key is this one in another case to BibTeX, so it is not kept in its ids field)")
    if done:
        echo(done + ("" if result.notes else ": nothing changed"))
    elif result.followed:
        echo(f"followed the rename of {result.old} -> {result.new} made in references.bib {kept}")
    else:
        echo(f"renamed {result.old} -> {result.new} {kept}")
    if result.claims_file:
        echo(f"  claims file   {shown(result.claims_file)}")
    for rel in result.checks:
        echo(f"  checks        {shown(rel)}")
    if result.crossrefs:
        echo(f"  named by      {', '.join(result.crossrefs)}" if result.data else
             f"  crossref of   {', '.join(result.crossrefs)}")
    if result.sources:
        echo(f"  cached        {counted(result.sources, 'source')}")
    for name, n in result.notes.items():
        echo(f"  note          {shown(name)}: {counted(n, 'citation')}")


# -- kb tag ----------------------------------------------------------------------------------

@app.command("tag", context_settings={"ignore_unknown_options": True, "allow_extra_args": False})
def tag(citekey: str = typer.Argument(..., help="The paper's citekey.", callback=names_a_paper, autocompletion=complete_citekey),
        changes: List[str] = typer.Argument(None, help="+TAG adds a tag, -TAG removes one (a bare TAG adds); "
                                                       "none lists the paper's tags.",
                                            autocompletion=complete_tag_change),
        as_json: bool = typer.Option(False, "--json", help="Print JSON: {citekey, tags}.")) -> None:
    """Tag a paper: `kb tag KEY +energy -draft` (stored in references.bib as `keywords`).

    \b
    Examples:
      kb tag strubell2019energy +energy +to-read
      kb tag strubell2019energy -to-read
    """

    add, remove = [], []
    for change in changes or []:
        if change.startswith("-"):
            remove.append(change[1:])
        else:
            add.append(change[1:] if change.startswith("+") else change)
    if any(not t for t in add + remove):
        raise UsageError("a tag change is +TAG or -TAG, with a tag after the sign")
    key, tags = set_tags(open_kb(), citekey, add, remove)
    if as_json:
        emit_json({"citekey": key, "tags": tags})
    else:
        echo(f"{key}: {', '.join(tags) if tags else '(no tags)'}")


# -- kb open ---------------------------------------------------------------------------------

def _command(name: str) -> list[str]:
    """The command the environment variable `name` names, split as a shell splits it ([] when
    it holds none): one a shell could not split (a quote left open) is refused naming it,
    where it was an internal error."""
    value = os.environ.get(name, "")
    try:
        return shlex.split(value)
    except ValueError as exc:
        raise UsageError(f"{name}={said(value, 80)} is no command a shell could run ({str(exc).lower()})",
                         hint=f"close the quote in {name}, or unset it") from None


def _opener() -> list[str] | None:
    chosen = _command("KB_OPENER")
    if chosen:
        return chosen
    for name in (("open",) if sys.platform == "darwin" else ("xdg-open", "gio")):
        found = shutil.which(name)
        if found:
            return [found, "open"] if name == "gio" else [found]
    return None


@app.command("open")
def open_(citekey: str = typer.Argument(..., help="The paper's citekey.", callback=names_a_paper, autocompletion=complete_citekey),
          print_path: bool = typer.Option(False, "--print", "-p", help="Print the PDF's path instead of opening it.")) -> None:
    """Open the newest version's PDF with the system's viewer (xdg-open, open).

    \b
    Example:
      kb open strubell2019energy
    """

    key, version, path = pdf_path(open_kb(), citekey)
    if print_path:
        echo(shown(path))
        return
    opener = _opener()
    if opener is None:
        raise UsageError(f"no program to open PDFs with (xdg-open, open); the PDF of {key} is {shown(path)}",
                         hint="set KB_OPENER, or use `kb open --print`")
    try:
        subprocess.Popen([*opener, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        raise UsageError(f"cannot run {shown(opener[0])}: {exc.strerror}; the PDF of {key} is {shown(path)}") from None
    echo(f"opened {key} {version or ''}".rstrip() + f": {shown(path)}")


# -- kb edit ---------------------------------------------------------------------------------

def _editor() -> list[str]:
    for name in ("VISUAL", "EDITOR"):
        chosen = _command(name)
        if chosen:
            return chosen
    for name in ("editor", "nano", "vi"):
        if shutil.which(name):
            return [name]
    raise UsageError("no editor: set EDITOR (e.g. EDITOR=nano)")


@app.command("edit")
def edit(citekey: str = typer.Argument(..., help="The paper's citekey.", callback=names_a_paper, autocompletion=complete_citekey)) -> None:
    """Edit one entry of references.bib in $EDITOR; it is checked before it is written back
    (one valid entry; the key unchanged, or a free key, which renames the paper).

    \b
    Example:
      kb edit strubell2019energy
    """

    kb = open_kb()
    key, before = entry_text(kb, citekey)
    folder = Path(tempfile.mkdtemp(prefix="kb-edit-"))
    try:
        path = folder / f"{paths.escape_key(key)}.bib"
        path.write_text(before + "\n", "utf-8")
        editor = _editor()
        try:
            code = subprocess.call([*editor, str(path)])
        except OSError as exc:
            raise UsageError(f"cannot run the editor {editor[0]!r}: {exc.strerror}") from None
        if code != 0:
            raise UsageError(f"the editor exited with status {code}; nothing written")
        edited, how = read_edited(path)
        if how is not None:
            err(f"kb: {how}\n")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    new_key = replace_entry(kb, key, before, edited)
    if new_key is None:
        echo(f"{key}: no changes")
    elif new_key != key:
        echo(f"{key}: entry written, and renamed to {new_key} " + ("(the old key kept in its ids field)"
             if fold_key(key) != fold_key(new_key) else "(the old key is this one in another case to BibTeX, so "
                                                         "it is not kept in its ids field)"))
    else:
        echo(f"{key}: entry written")
