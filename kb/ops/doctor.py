"""`kb doctor`: is the index a faithful copy of the files? (`kb rebuild`, in
kb.ops.rebuild, makes a new one when it is not.)

The truth is references.bib, claims/*.toml and the source cache (.kb/cache/);
SQLite is an index of them. `diagnose` first does what every kb command does
after a crash (re-index files that changed, remove temporary files of dead
processes), then checks what that recovery cannot see: every entry and record
indexed with the same fields, every cached source intact and its text
indexed, every verified quote still found, SQLite's own integrity checks. Each
problem comes with where it is and the command that repairs it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from kb.atomic import clean_stale_tmp, is_or_inside, pid_alive, shown
from kb.errors import CONFLICT, CONFLICT_LEFT, FileFormatError, KBError, UsageError, shell_word
from kb.graph.tables import OLDER_READING, older_reading
from kb.ops.claims import namespace, run_checks
from kb.ops.quotes import MOVE_BACK, another_work, renamed_to, verify_papers
from kb.ops.session import open_kb
from kb.sources import citekey as citekeys
from kb.sources.bibmodel import is_work
from kb.sources.bibtex import WINDOWS_PATH, BibFile, file_directories, file_names, parents_missing, specials_said
from kb.store import claimsfile, index, paths
from kb.store.fts import check as fts_check
from kb.store.index import manifest_from_index, sources_of_papers
from kb.store.knowledgebase import KB, UNREAD_TABLE
from kb.store.queries import arxiv_stamped, lookalike, rename_hint, unchecked_dois
from kb.store.stale import truth_files
from kb.text.display import agreeing, counted, untitled_said
from kb.text.ids import bare_arxiv_id

REBUILD = "kb rebuild"
PRUNE = "kb doctor --prune"
EDIT = "correct the file by hand (any kb command then re-indexes it)"
#: ... and for one holding a merge conflict left unresolved: "correct" said nothing of which lines.
RESOLVE = "resolve the conflict (git mergetool, or by hand: any kb command then re-indexes it)"


def fix_of(exc: KBError) -> str:
    """The fix for a truth file kb cannot read, as `exc` says why."""
    return RESOLVE if exc.message in (CONFLICT, CONFLICT_LEFT) else EDIT
#: A cached source younger than this may belong to a `kb add` still running.
PRUNE_GRACE_SECONDS = 120.0
#: papers columns that follow from references.bib alone (origin and metadata
#: status also depend on how the paper came in).
PAPER_COLUMNS = ("entry_type", "title", "authors", "year", "arxiv_id", "doi", "url", "venue",
                 "primary_class", "version", "title_norm", "first_author", "fields", "position")
_FTS_TABLES = ("pages_fts", "quotes_fts", "claims_fts")


@dataclass
class Problem:
    check: str          # database | files | cache | text | quotes | claims | tmp
    where: str          # references.bib:12, claims/x.toml:4, .kb/kb.sqlite, ...
    what: str
    fix: str            # the command (or action) that repairs it

    def line(self) -> str:
        return f"{shown(self.where)}: {self.what}; fix: {self.fix}"

    def to_dict(self) -> dict:
        return self.__dict__.copy()


@dataclass
class Report:
    root: str = ""
    problems: list[Problem] = field(default_factory=list)
    info: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    #: What the re-index noticed, said once as every command says it (a claims file deleted)
    notices: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def problem(self, check: str, where: str, what: str, fix: str) -> None:
        p = Problem(check, where, what, fix)
        if p not in self.problems:
            self.problems.append(p)

    def to_dict(self) -> dict:
        return {"root": self.root, "ok": self.ok, "problems": [p.to_dict() for p in self.problems],
                "info": list(self.info), "counts": dict(self.counts), "notices": list(self.notices)}


def _sha_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def where_of(exc: KBError) -> str:
    if exc.path:
        return f"{exc.path}{exc.at()}"
    return paths.BIB


def what_of(exc: KBError) -> str:
    return exc.message + (f" ({exc.hint})" if exc.hint else "")


def _damaged(report: Report, layout: paths.Layout, exc: BaseException) -> None:
    reason = exc.message if isinstance(exc, KBError) else " ".join(str(exc).split())[:200]
    reason = reason.replace(f"the index {layout.db} cannot be opened: ", "").replace("the index is damaged: ", "")
    report.problem("database", layout.relative(layout.db), f"the index cannot be read: {reason}", REBUILD)


# -- kb doctor -----------------------------------------------------------------------------

def diagnose(explicit: str | os.PathLike | None = None, *, prune: bool = False, quick: bool = False,
             progress=None, on_busy=None, jobs: int | None = 1) -> Report:
    """Check the knowledge base; with `prune`, also remove cached sources that
    belong to no paper (and corrupted ones, which must be fetched again). `quick`
    checks the files against the index, SQLite (PRAGMA quick_check) and .kb/tmp only:
    no quote or claim is re-verified against the text, no cached source hashed.
    `progress(label, done, total)` hears of the re-verification, paper by paper; `on_busy`
    of a wait for another command's writer lock; `jobs`: the processes re-verifying
    (kb.ops.quotes.verify_papers; None: every core, as the kb doctor command asks)."""

    kb = open_kb(explicit, sync=False, on_busy=on_busy, jobs=jobs, settings=False)
    layout = kb.layout
    report = Report(root=str(layout.root))
    # Writers wait while doctor looks: what it compares cannot change under it.
    with kb.locked(), contextlib.closing(kb):
        _check_tmp(layout, report)
        _check_settings(kb, report)
        db_ok, broken = _open_and_sync(kb, report)
        papers: dict[str, dict] = {}
        if db_ok:
            try:
                db_ok = _check_sqlite(kb, report, quick=quick)
                if db_ok:
                    papers = {r[0]: {"citekey": r[0], "arxiv_id": r[1], "doi": r[2], "title_norm": r[3]}
                              for r in kb.conn.execute("select citekey, arxiv_id, doi, title_norm from papers")}
                    lines = _check_files(kb, report, broken, quick=quick)
                    if not quick:
                        _check_records(kb, report, lines, progress)
                        _check_units(kb, report)
                        _check_checks(kb, report)
                    if older_reading(kb.conn):
                        report.info.append(OLDER_READING)
                    _untitled(kb, report)
            except sqlite3.DatabaseError as exc:
                _damaged(report, layout, exc)
                db_ok = False
        if prune:
            _refuse_unsafe_prune(kb, report, broken, papers if db_ok else None)
        here = _check_cache_folder(layout, report)
        if here is not None:
            _check_cache(kb, report, papers if db_ok else None, prune=prune and here, quick=quick,
                         outside=not here)
    return report


def _eprint_moved(kb: KB, m, citekey: str, paper: dict, have: dict) -> str | None:
    """The arXiv id a text kb downloaded from arXiv was filed as, when the paper's entry now holds
    another (its eprint edited by hand, its title kept: kb keeps the text as the paper's, as it does
    for a title corrected by hand) and the text's own arXiv stamp is not of the new id; else None."""
    filed = m.filed_as(citekey)
    if m.origin != "arxiv" or not filed.arxiv_id or not paper.get("arxiv_id"):
        return None
    was, now = bare_arxiv_id(filed.arxiv_id), bare_arxiv_id(paper["arxiv_id"])
    if not was or not now or was == now or have.get((citekey, filed.version), ("",))[0] != "ok":
        return None
    return None if arxiv_stamped(kb.conn, citekey, now) else was


def _check_cache_folder(layout: paths.Layout, report: Report) -> bool | None:
    """Whether the source cache (.kb/cache/sources) can be checked: None when it, or .kb/cache,
    is there but is no folder kb can read (a file, a link leading nowhere, a folder its owner may
    not read), said as a problem, where kb doctor found no source and said nothing to repair
    beside papers whose PDFs it could not reach; True when it is a folder in the knowledge base,
    False when a link takes it elsewhere (kept, said: `--prune` removes nothing there, since
    another knowledge base may share it and its sources would look like no paper's here)."""
    inside = True
    for folder in (layout.cache, layout.sources):
        rel = layout.relative(folder)
        if not os.path.lexists(folder):
            return inside           # not made yet: kb makes it on its first source
        if folder.is_symlink():
            target = os.readlink(folder)
            if not folder.exists():
                report.problem("cache", rel, f"is a link to {shown(target)}, which does not exist: kb's cached "
                               "sources (the papers' PDFs and texts) are not there",
                               f"restore {shown(target)}, or remove the link (kb makes the folder again)")
                return None
            if not layout.root.resolve() in folder.resolve().parents:
                report.info.append(f"{rel} is a link to {shown(target)}, outside the knowledge base: its sources "
                                   f"are checked there, and {PRUNE} removes none there (another knowledge base "
                                   "may share it)")
                inside = False
        if not folder.is_dir():
            report.problem("cache", rel, "is a file, not a folder: kb keeps its cached sources (the papers' PDFs "
                           "and texts) under .kb/cache/sources, and cannot reach or check them",
                           f"move {rel} aside (kb makes the folder again), then add the papers' PDFs again")
            return None
        if not os.access(folder, os.R_OK | os.X_OK):
            report.problem("cache", rel, "cannot be read (permission denied): kb cannot reach or check the "
                           "cached sources under it", f"chmod u+rwx {rel}")
            return None
    return inside


def _refuse_unsafe_prune(kb, report: Report, broken: set[str], papers: dict | None) -> None:
    """`kb doctor --prune` deletes nothing while references.bib, which says whose sources
    the cache holds, is missing, unreadable, malformed, or empty beside sources filed
    under papers: each source would look like no paper's and be lost."""
    if index.BIB_REL in broken:
        said = next((p for p in report.problems if p.where.split(":")[0] == index.BIB_REL), None)
        why = f"references.bib {said.what}" if said and said.what.startswith("is ") else \
            f"references.bib cannot be read ({said.what})" if said else "references.bib cannot be read"
        first = "resolve the conflict in references.bib" if "merge conflict" in why else \
            "restore references.bib (git checkout references.bib)"
        raise UsageError(f"{PRUNE} removes nothing while {why}: every cached source would look like no "
                         "paper's", hint=f"{first}, then {PRUNE}")
    if papers is None or papers:
        return
    filed = [m for m in kb.sources.all() if m.citekeys]
    if filed:
        keys = sorted({c for m in filed for c in m.citekeys})
        named = ", ".join(keys[:3]) + (f" and {len(keys) - 3} more" if len(keys) > 3 else "")
        raise UsageError(f"{PRUNE} removes nothing: references.bib holds no entries, but the source cache "
                         f"holds {counted(len(filed), 'source')} of papers ({named})",
                         hint="restore references.bib (git checkout references.bib); to drop the papers, "
                              "kb rm them first")


def _check_settings(kb: KB, report: Report) -> None:
    """kb.toml is read as kb add reads it: invalid TOML or a limit that is no number is a
    problem here, not first a refusal of the next kb add."""
    for message in kb.unread_settings():
        report.problem("files", paths.MARKER, message.removeprefix(f"{paths.MARKER}: "),
                       f"import what it names, then remove [{UNREAD_TABLE}] from kb.toml")
    for message in kb.unknown_settings():
        where, _, what = message.partition(" ")
        report.problem("files", where.removesuffix(":"), what, "correct kb.toml by hand")
    try:
        kb.limits()
    except KBError as exc:
        where = exc.path or (paths.MARKER if paths.MARKER in exc.message else "environment")
        where += exc.at()
        report.problem("files", where, what_of(exc), f"correct {'kb.toml' if where != 'environment' else 'it'} "
                       "by hand")


def _check_tmp(layout: paths.Layout, report: Report) -> None:
    """Temporary files of processes that died mid-write are removed (as any kb
    command that writes does); anything else in .kb/tmp is reported."""
    for kept in sorted(layout.state.glob(layout.db.name + ".corrupt-*")):
        if not kept.name.endswith(("-wal", "-shm", "-journal")):
            report.info.append(f"a damaged index was kept at {layout.relative(kept)} by kb rebuild; "
                               "delete it when you no longer need it")
    removed = clean_stale_tmp(layout.tmp)
    if removed:
        report.info.append(f"removed {counted(len(removed), 'temporary file')} left in .kb/tmp by interrupted kb commands")
    if not layout.tmp.is_dir():
        return
    for path in sorted(layout.tmp.iterdir()):
        parts = path.name.rsplit(".", 3)
        if len(parts) == 4 and parts[1].isdigit():
            continue        # belongs to a kb process that is still running
        report.problem("tmp", layout.relative(path), "is not a temporary file kb made",
                       f"remove it if no kb command is running: "
                       f"rm {'-r ' if path.is_dir() and not path.is_symlink() else ''}{shell_word(path)}")


def _open_and_sync(kb: KB, report: Report) -> tuple[bool, set[str]]:
    """Open the index and re-index changed truth files one by one, so one
    malformed file is reported without hiding the others. (True, broken files)
    when the index can be read."""
    layout = kb.layout
    broken: set[str] = set()
    try:
        kb.db.execute("select count(*) from sqlite_master").fetchone()
    except (KBError, sqlite3.DatabaseError) as exc:
        _damaged(report, layout, exc)
        return False, broken

    def malformed(rel: str, exc: FileFormatError) -> None:
        broken.add(rel)
        if exc.message == index.BIB_MISSING:
            report.problem("files", index.BIB_REL, "is missing (kb reads no papers without it)",
                           "restore it (git checkout references.bib) or kb init")
        elif rel == "claims/":
            # What the index holds from the claims files is kept: they are not "gone".
            broken.add(rel)
            broken.update(r[0] for r in kb.conn.execute("select path from files where path like 'claims/%'"))
            report.problem("files", rel, exc.message, exc.hint or EDIT)
        elif isinstance(exc, index.UnreadableFile):
            report.problem("files", rel, exc.message, f"restore it (git checkout {shell_word(rel)}), or make it a file kb "
                           "can read (a link must point at an existing file)")
        else:
            report.problem("files", where_of(exc), what_of(exc), fix_of(exc))

    try:
        try:
            kb.on_warning = report.notices.append
            kb.sync(on_error=malformed)
        except FileFormatError as exc:      # a cached source, read while attaching it
            report.problem("cache", where_of(exc), "a cached text source cannot be read: " + what_of(exc),
                           f"{PRUNE}, then kb text load CITEKEY FILE")
    except sqlite3.DatabaseError as exc:
        _damaged(report, layout, exc)
        return False, broken
    return True, broken


def _undefined_strings(bibfile: BibFile, report: Report) -> None:
    """An @string macro references.bib uses but never defines (or defines only after its use,
    or in a loop): kb reads the macro's name as the text, BibTeX nothing; `kb import` refuses
    such a file, and a hand edit that makes one is said here."""
    for string in bibfile.string_undefined:
        macro = string.undefined[""][0]
        report.problem("files", f"{index.BIB_REL}:{string.line}",
                       f"@string {string.key} uses {macro!r}, which is not defined before it (BibTeX reads "
                       "@string definitions in order)", "define it first, or spell the value out")
    for e in bibfile.entries():
        for name, macros in e.undefined.items():
            report.problem("files", f"{index.BIB_REL}:{e.field_lines.get(name, e.line)}",
                           f"entry {e.key}, field {name} uses @string {macros[0]!r}, which references.bib never "
                           f"defines (kb reads it as the text {macros[0]!r}, BibTeX as nothing)",
                           f"define it (@string{{{macros[0]} = {{...}}}}) or brace the value")


def _untitled(kb, report: Report) -> None:
    """The papers whose entry holds no title (a PDF added offline whose first page prints none kb can tell, a cut
    page of a paper's middle: kb files no file name for one), with how to give each one."""
    keys = [r[0] for r in kb.conn.execute("select citekey from papers where trim(coalesce(title, '')) = '' "
                                          "order by position")]
    if keys:
        report.info.append(untitled_said(keys))


#: fields holding LaTeX's specials said one a line; the rest in one line of how many
SPECIALS_SAID = 20


def _latex_specials(bibfile: BibFile, report: Report) -> None:
    """A field of references.bib BibTeX or biber hand to LaTeX holding what LaTeX reads as markup where the text
    means the character (`title = {Energy & Policy}`: Misplaced alignment tab when the .bbl is typeset), at its
    line: the file is the person's, kb export bib escapes them, --as-stored and BibTeX do not."""
    found = [(e.key, name, line, what) for e in bibfile.entries() for name, line, what in bibfile.latex_specials(e.key)]
    for key, name, line, what in found[:SPECIALS_SAID]:
        report.info.append(f"{index.BIB_REL}:{line}: entry {key}, field {name} holds {specials_said(what)}: LaTeX "
                           "stops at it when BibTeX's or biber's .bbl is typeset; write it escaped ('\\&', '\\%', "
                           "'\\_') or in math (kb export bib escapes it)")
    if len(found) > SPECIALS_SAID:
        report.info.append(f"{index.BIB_REL}: {counted(len(found) - SPECIALS_SAID, 'more field')} hold LaTeX's "
                           "specials bare (kb export bib --as-stored says each)")


def _unresolved_parents(bibfile: BibFile, report: Report) -> None:
    """An entry of references.bib whose crossref, xref or xdata names a key it does not hold (in any case, nor in
    an entry's ids, as BibTeX and biber find it), at its line: the entry is lent nothing, BibTeX warns of a bad
    cross reference and biber of a missing entry (written by hand, or its parent taken out since)."""
    entries = bibfile.entries()
    for e, name, named in parents_missing([(e, e.fields) for e in entries], lambda: entries):
        report.info.append(f"{index.BIB_REL}:{e.line}: entry {e.key}'s {name} names {named!r}, which "
                           "references.bib does not hold: it is lent nothing (BibTeX and biber warn of it); "
                           f"add that entry, or take the field out (kb edit {e.key})")


def _aliases_of_others(bibfile: BibFile, report: Report) -> None:
    """A key an entry's `ids` lists (its key before kb rename, one an import merged, or pasted from
    another file) that is another entry's key (to BibTeX: in any case), written there by hand: a
    citation of it names that other entry, to kb (a key wins over an alias) as to BibTeX, and biber
    skips the alias ('is also a real entry key'), where the person may mean the paper that keeps it."""
    entries = bibfile.entries()
    if not any("ids" in e.fields for e in entries):
        return
    keys = {citekeys.fold_key(e.key): e for e in entries}
    for e in entries:
        for alias in citekeys.aliases(e.fields):
            other = keys.get(citekeys.fold_key(alias))
            if other is None or other is e:
                continue
            whose = (f"{alias} is the key of the entry on line {other.line}" if alias == other.key else
                     f"BibTeX reads {alias} as {other.key}, the key of the entry on line {other.line}")
            report.problem("files", f"{index.BIB_REL}:{e.field_lines.get('ids', e.line)}",
                           f"entry {e.key} lists {alias} in its ids, but {whose}: a citation of {alias} names "
                           f"{other.key}, never {e.key}, and biber skips the alias",
                           f"take {alias} out of {e.key}'s ids, or, if it still names {e.key}, give the entry on "
                           f"line {other.line} another key (kb rename {shell_word(other.key)} NEW)")


def _unchecked(kb, bibfile: BibFile, report: Report) -> None:
    """A DOI in an entry kb guessed from its PDF (queries.CHECKED_DOI): never checked against that
    work's record. An older kb recorded the DOI the PDF's first page prints, offline, which is as
    often a work the PDF cites; kb now records none unchecked, and matches no paper or reference by
    such a one. kb cannot tell which it is: said, with how to settle it, never guessed."""
    for key, doi in unchecked_dois(kb.conn):
        e = bibfile.by_key[key].entry if key in bibfile.by_key else None
        where = f"{index.BIB_REL}:{e.field_lines.get('doi', e.line)}" if e is not None else index.BIB_REL
        pdfs = [Path(m.source_url) for m in kb.sources.find(citekey=key)
                if m.kind == "pdf" and m.source_url and Path(m.source_url).is_file()]
        check = (f"`kb add {shell_word(pdfs[0])}` with the network checks it (kept when that work's "
                 "title is the PDF's), or " if pdfs else "")
        report.problem("files", where,
                       f"{key}'s DOI {doi} was never checked against that work: kb guessed the entry from its PDF, "
                       "whose first page may print the DOI of a work it cites; kb matches no paper or reference "
                       "by it", check + f"take the doi out (kb edit {key}) if it is not this paper's")
    # An arXiv id in kb's guess is arXiv's when the text carries arXiv's stamp of it; an older kb also took
    # one the first page printed otherwise ('BERT (arXiv:1810.04805)') or the file's name gave, unchecked.
    for key, arxiv_id in kb.conn.execute(
            "select citekey, arxiv_id from papers where metadata_status = 'incomplete' and arxiv_id is not null "
            "and arxiv_id != '' order by position").fetchall():
        if arxiv_stamped(kb.conn, key, arxiv_id):
            continue
        e = bibfile.by_key[key].entry if key in bibfile.by_key else None
        where = f"{index.BIB_REL}:{e.field_lines.get('eprint', e.line)}" if e is not None else index.BIB_REL
        report.problem("files", where,
                       f"{key}'s arXiv id {arxiv_id} was never checked: its text carries no arXiv stamp of it, and "
                       "kb guessed the entry from its PDF (an older kb took an id the first page printed, as often a "
                       "work it cites, or the file's name); kb links no reference by it, and takes no record of that "
                       "id for this paper unless its text prints the record's title",
                       f"`kb add arxiv:{bare_arxiv_id(arxiv_id)}` with the network checks it (a paper of its own if "
                       f"it is another work), or take the eprint out (kb edit {key})")


def _one_paper_twice(kb, bibfile: BibFile, report: Report) -> None:
    """Two entries of references.bib with one arXiv id or DOI (kb's checked ones): one paper twice,
    as a git merge keeping both sides' entries of a paper each added under its own key leaves it.
    kb files quotes and text under either, and a reference citing the paper links to neither."""
    seen: dict[tuple[str, str], str] = {}
    for key, ax, doi, status in kb.conn.execute(
            "select citekey, arxiv_id, doi, metadata_status from papers where (arxiv_id is not null and "
            "arxiv_id != '') or (doi is not null and doi != '') order by position"):
        ids = [("arXiv id", bare_arxiv_id(ax))] if ax and (status != "incomplete" or arxiv_stamped(kb.conn, key, ax)) \
            else []
        ids += [("DOI", doi.lower())] if doi and status != "incomplete" else []
        for kind, value in ids:
            first = seen.setdefault((kind, value), key)
            if first == key:
                continue
            e, f = bibfile.entry(key), bibfile.entry(first)
            where = f"{index.BIB_REL}:{e.line}" if e is not None else index.BIB_REL
            on = f" (line {f.line})" if f is not None else ""
            report.problem("files", where,
                           f"{key} has the {kind} {value} of {first}{on}: one paper twice (as a merge keeping both "
                           f"sides' entries leaves it); kb files its quotes and text under either, and a reference "
                           f"citing it links to neither",
                           f"if they are one paper, move any quotes and claims of claims/{key}.toml into "
                           f"claims/{first}.toml, then `kb rm {shell_word(key)}`; if not, correct the {kind} of one")
            break


def _missing_files(kb, bibfile: BibFile, report: Report) -> None:
    """A `file` field of references.bib naming a PDF that is not there (moved or deleted by hand, a
    library's path on another machine): kb import says it and attaches nothing; kb check, verify and
    doctor read no `file` field, and said nothing. One line per entry, with the name as written and the
    places kb looked for it, as kb import says it: beside references.bib, in JabRef's folders, and beside
    each .bib file kb imported (a field an import kept names its file from there). A PDF kb attached
    from a file of that name is the field's, wherever it is now."""
    if "file" not in bibfile.text.lower():
        return
    root = kb.layout.root
    folders: list[Path] | None = None
    found: dict[str, Path] | None = None
    for e in bibfile.entries():
        value = e.fields.get("file")
        if not value:
            continue
        if folders is None:
            folders = file_directories(bibfile.text, root) + list(dict.fromkeys(
                Path(k[len("imported:"):]).parent for (k,) in kb.conn.execute(
                    "select key from meta where key like 'imported:%' order by key")))
        gone = [f for f in file_names(value, root, folders) if f.path.suffix.lower() == ".pdf"
                and not os.path.lexists(f.path) and not (os.name != "nt" and WINDOWS_PATH.match(str(f.path)))]
        if not gone:
            continue
        # A PDF kb attached from the file (its bytes cached): moved or renamed by hand since, looked for by its
        # sha256 in the knowledge base's folder. Said either way: the field names a file that is not there.
        attached = {Path(m.source_url).name: m for m in kb.sources.find(citekey=e.key)
                    if m.source_url and m.kind == "pdf"}
        said, moved = [], []
        for f in gone:
            looked = list(dict.fromkeys(map(str, f.looked)))     # a .bib imported from the root: its folder once
            line = f"{f.written!r} (looked for " + (looked[0] if len(looked) == 1 else
                                                    ", ".join(looked[:-1]) + " or " + looked[-1]) + ")"
            m = attached.get(f.path.name)
            if m is not None:
                if found is None:
                    found = _pdfs_by_sha(kb)
                now = found.get(m.sha256)
                line += ", which kb attached as " + m.sha256[:12] + " (its text is held)"
                if now is not None:
                    line += f": the same PDF is at {kb.layout.relative(now)}"
                    moved.append(kb.layout.relative(now))
            said.append(line)
        fix = (f"write {'its path' if len(moved) == 1 else 'their paths'} ({', '.join(moved)}) in its file field "
               f"(kb edit {shell_word(e.key)}); nothing was deleted" if moved and len(moved) == len(gone) else
               f"correct the path in its file field, or take the field out (kb edit {shell_word(e.key)})")
        report.problem("files", f"{index.BIB_REL}:{e.field_lines.get('file', e.line)}",
                       f"entry {e.key}'s file field names {'a PDF' if len(gone) == 1 else 'PDFs'} that "
                       f"{'is' if len(gone) == 1 else 'are'} not there: {'; '.join(said)}", fix)


#: How many entries of the knowledge base's folder kb doctor looks through for a PDF moved by hand.
LOOK_AT_MOST = 20_000
#: How many bytes of PDFs it hashes at most in that search (a folder of large PDFs is not read for long).
HASH_AT_MOST = 1 << 30


def _pdfs_by_sha(kb) -> dict[str, Path]:
    """The sha256 of each PDF in the knowledge base's folder (its .kb, hidden folders and links to folders
    left out, a link never followed: no loop; at most LOOK_AT_MOST entries, files and folders, and HASH_AT_MOST
    bytes hashed), hashed only where its size is that of a PDF kb holds in its cache, so that a PDF moved by hand
    is found where a person put it. Only a regular file is read: a named pipe or a device called '….pdf' would
    block kb doctor for ever."""
    sizes, unknown = set(), False          # a cached PDF deleted too: every PDF is hashed
    for m in kb.sources.all():
        if m.kind == "pdf":
            try:
                sizes.add(kb.sources.path(m).stat().st_size)
            except OSError:
                unknown = True
    out: dict[str, Path] = {}
    seen = hashed = 0
    for folder, dirs, files in os.walk(kb.layout.root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        seen += len(dirs)
        for name in sorted(files):
            seen += 1
            if seen > LOOK_AT_MOST:
                return out
            path = Path(folder) / name
            if not name.lower().endswith(".pdf"):
                continue
            with contextlib.suppress(OSError):
                st = path.lstat()
                if not stat.S_ISREG(st.st_mode) or not unknown and st.st_size not in sizes:
                    continue                # a link, a pipe, a device, or a size no cached PDF has
                hashed += st.st_size
                if hashed > HASH_AT_MOST:
                    return out
                out.setdefault(_sha_file(path), path)
    return out


def _odd_keys(bibfile: BibFile, report: Report) -> None:
    """A key of references.bib holding a character nobody sees, or looking like another
    key: kb indexes the entry as written (it is the person's file, and a key typed as it
    looks finds it, or is refused naming it), and warns here every time, as the first
    command after the edit did once: a LaTeX \\cite of the key as it looks finds no entry."""
    lines = {e.key: e.line for e in bibfile.entries()}
    for key, what in citekeys.odd_keys(lines):
        notice = index.odd_key_notice(lines[key], key, what)
        if notice not in report.notices:        # said already by the re-index doctor made
            report.notices.append(notice)


def _check_sqlite(kb, report: Report, quick: bool = False) -> bool:
    """PRAGMA integrity_check (quick_check when `quick`: no index compared with its
    table) and foreign_key_check; the full-text indexes against the tables they index."""
    layout = kb.layout
    where = layout.relative(layout.db)
    db = kb.db
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in db.execute(f"PRAGMA {pragma}(20)").fetchall()]
    if rows != ["ok"]:
        lines = [line.strip() for row in rows for line in str(row).splitlines()
                 if line.strip() and not line.startswith("***")]
        more = f" (and {len(lines) - 2} more)" if len(lines) > 2 else ""
        report.problem("database", where, "fails SQLite's integrity check: " + "; ".join(lines[:2]) + more,
                       REBUILD)
        return False
    fk = db.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        tables = sorted({r[0] for r in fk})
        report.problem("database", where, f"{counted(len(fk), 'row')} of {', '.join(tables)} {agreeing(len(fk), 'points', 'point')} at rows that do "
                       "not exist (PRAGMA foreign_key_check)", REBUILD)
    for fts in _FTS_TABLES:
        try:
            if quick:       # one entry per row, without reading the index through
                indexed = db.execute(f"SELECT count(*) FROM {fts}_docsize").fetchone()[0]
                rows = db.execute(f"SELECT count(*) FROM {fts.removesuffix('_fts')}").fetchone()[0]
                if indexed != rows:
                    raise sqlite3.DatabaseError(f"{indexed} entries for {rows} rows of {fts.removesuffix('_fts')}")
                continue
            fts_check(db, fts, fts.removesuffix("_fts"))
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                continue
            report.problem("database", where, f"full-text index {fts} is out of step: {exc}", REBUILD)
        except sqlite3.DatabaseError as exc:
            report.problem("database", where, f"full-text index {fts} is out of step with its table ({exc})",
                           REBUILD)
    return True


def _check_files(kb, report: Report, broken: set[str], quick: bool = False) -> dict:
    """references.bib and claims/*.toml against the rows indexed from them.
    Returns where each quote and claim is written: {("quote", id) or ("claim",
    citekey, id): "claims/x.toml:12"} (the parsed files themselves are not kept).
    With `quick`, only that each file is indexed with its current sha256 and no rows
    come from a file that is gone (no file parsed, no row compared field by field)."""

    db = kb.db
    layout = kb.layout
    current = truth_files(kb.layout)
    recorded = {r["path"]: r["sha256"] for r in db.query("select path, sha256 from files")}
    for rel, path in current.items():
        if rel in broken or not path.exists():
            continue
        if rel not in recorded:
            report.problem("files", rel, "is not in the index", REBUILD)
        elif recorded[rel] != _sha_file(path):
            report.problem("files", rel, "changed since it was indexed, and the index did not notice "
                           "(same size and modification time)", REBUILD)
    for rel in recorded:
        if rel not in current and rel not in broken:
            report.problem("files", rel, "is gone, but the index still records it", REBUILD)
    for path, base in index.claims_misnamed(layout):
        rel = layout.relative(path)
        back = f"mv {shell_word(rel)} {shell_word('claims/' + base)}"
        if index.parked(path.name):         # a person's choice: said, not a problem to repair
            report.info.append(f"{rel} is parked: its quotes, claims and checks are not in the knowledge base "
                               f"({back} to use them again)")
            continue
        report.problem("files", rel, f"holds quotes, claims or checks, but kb reads it as no claims file "
                       f"({index.misnamed_why(path)}; to keep it out of the knowledge base on purpose, name it "
                       f"{shell_word('claims/' + base + index.PARKED_SUFFIX)})", f"rename it: {back}")
    for path, base, what in index.sync_copies_differing(layout):
        rel = layout.relative(path)
        shown_what = ", ".join(what[:5]) + (f" and {len(what) - 5} more" if len(what) > 5 else "")
        report.problem("files", rel, f"is a copy a sync service left beside {base}, holding {shown_what} "
                       f"that {base} does not hold so; kb reads {base} alone",
                       f"move what you want of it into {base} by hand, then delete {shell_word(rel)}")
    named: dict[str, list[str]] = {}
    for rel, path in current.items():
        if rel != index.BIB_REL:
            named.setdefault(paths.Layout.citekey_of(path), []).append(rel)
    for key, rels in named.items():
        if len(rels) > 1:       # claims/müller2020.toml made by hand beside kb's claims/m%C3%BCller2020.toml
            kept = layout.relative(layout.claims_file(key))
            for rel in rels:
                if rel != kept:
                    report.problem("files", rel, f"is {key}'s claims file as {kept} is (one named as kb writes "
                                   "it, one as the key is written): kb rename and kb rm refuse the paper",
                                   f"move what {rel} holds into {kept}, then delete {rel}")
    for path in index.claims_out_of_reach(layout):
        rel = layout.relative(path)
        # a knowledge base of its own inside claims/ (a checkout, a submodule): said once, as itself;
        # its claims files moved into claims/ would be this knowledge base's, or write over its own
        other = next((f for f in path.parents if f != layout.claims and is_or_inside(f, layout.claims)
                      and (f / paths.MARKER).is_file()), None)
        if other is not None:
            there = layout.relative(other)
            report.problem("files", there, f"is a knowledge base of its own (it holds {paths.MARKER}) inside claims/, "
                           "where kb reads none of its files",
                           f"move it out of claims/ (mv {shell_word(there)} {shell_word(other.name)}); to take some of "
                           f"its claims into this knowledge base, copy them into claims/ by hand")
            continue
        mine = layout.claims / path.name
        if os.path.lexists(mine):       # 'mv it into claims/' would write over claims/<name>: data lost
            report.problem("files", rel, f"is in a subfolder of claims/, where kb reads no claims file; "
                           f"claims/{path.name} is there too",
                           f"move what you want of it into claims/{path.name} by hand, then delete {shell_word(rel)} "
                           "(mv would write over claims/" + path.name + ")")
            continue
        report.problem("files", rel, "is in a subfolder of claims/, where kb reads no claims file",
                       f"move it into claims/ (mv {shell_word(rel)} claims/), or out of claims/ if it is no claims file")
    if quick:
        report.counts["papers"] = db.execute("select count(*) from papers").fetchone()[0]
        for table in ("quotes", "claims"):
            report.counts[table] = db.execute(
                f"select count(*) from {table}" + (" where kind = 'claim'" if table == "claims" else "")
            ).fetchone()[0]
        _rows_of_no_file(db, report, {rel for rel in current if rel in recorded} | broken)
        return {}

    entry_keys: set[str] = set()
    if index.BIB_REL not in broken:
        try:
            bibfile = BibFile.load(layout.bib)
        except FileFormatError as exc:
            report.problem("files", where_of(exc), what_of(exc), fix_of(exc))
            broken.add(index.BIB_REL)
        else:
            rows = {r["citekey"]: dict(r) for r in db.query(
                f"select citekey, {', '.join(PAPER_COLUMNS)} from papers")}
            _undefined_strings(bibfile, report)
            _odd_keys(bibfile, report)
            _aliases_of_others(bibfile, report)
            _missing_files(kb, bibfile, report)
            _latex_specials(bibfile, report)
            _unresolved_parents(bibfile, report)
            for line, head in bibfile.commented:    # a comment to biber and kb, an entry to BibTeX
                report.info.append(f"{index.BIB_REL}:{line}: {head!r} follows a '%' on its line: a comment to "
                                   "biber, as kb reads it, but an entry to BibTeX, pybtex and bibtexparser")
            _unchecked(kb, bibfile, report)
            _one_paper_twice(kb, bibfile, report)
            # as the index renders an entry: with what its @xdata gives and its crossref parent lends it
            parents = index.crossref_parents(bibfile.entries())
            for i, e in enumerate(bibfile.entries()):
                if not is_work(e.entry_type):       # @xdata, @set: data for papers, indexed as none
                    continue
                entry_keys.add(e.key)
                where = f"{index.BIB_REL}:{e.line}"
                row = rows.pop(e.key, None)
                if row is None:
                    report.problem("files", where, f"entry {e.key} is not in the index", REBUILD)
                    continue
                lent = index.lent_to(bibfile, e, parents)
                expected = index.paper_row(e.key, e.entry_type, e.fields, i, lent=lent)
                # Fields compared as a mapping: their order in the file is the file's business.
                differ = [c for c in PAPER_COLUMNS if expected[c] != row[c] and not (
                    c == "fields" and json.loads(expected[c]) == json.loads(row[c] or "{}"))]
                if differ:
                    report.problem("files", where, f"entry {e.key} differs from the index "
                                   f"({', '.join(differ)})", REBUILD)
            for key in rows:
                report.problem("files", index.BIB_REL, f"the index has a paper {key} that "
                               "references.bib does not hold", REBUILD)
    if index.BIB_REL in broken:
        entry_keys = {r[0] for r in db.execute("select citekey from papers")}
    report.counts["papers"] = len(entry_keys)

    # Derived rows of papers that are gone.
    for table in ("versions", "pages"):
        n = db.execute(f"select count(*) from {table} where citekey not in (select citekey from papers)"
                       ).fetchone()[0]
        if n:
            report.problem("files", layout.relative(layout.db), f"{counted(n, 'row')} of {table} {agreeing(n, 'belongs', 'belong')} to papers "
                           "that are not in references.bib", REBUILD)

    lines: dict[tuple, str] = {}
    parsed: set[str] = set()
    counts = {"quotes": 0, "claims": 0, "units": 0, "checks": 0}
    for rel, path in current.items():
        if rel == index.BIB_REL or rel in broken or not path.exists():
            continue
        stem = paths.Layout.citekey_of(path)       # the key, unescaped (Layout.claims_file)
        try:
            doc = claimsfile.load(path, stem, rel)
        except FileFormatError as exc:
            report.problem("files", where_of(exc), what_of(exc), fix_of(exc))
            broken.add(rel)
            continue
        parsed.add(rel)
        _compare_claims(db, report, rel, doc, counts)
        for q in doc.quotes:
            lines[("quote", q.id)] = f"{rel}:{q.line}" if q.line else rel
        for c in doc.claims:
            lines[("claim", c.citekey or doc.citekey, c.id)] = f"{rel}:{c.line}" if c.line else rel
    report.counts.update(counts)
    _rows_of_no_file(db, report, parsed | broken)
    return lines


def _rows_of_no_file(db, report: Report, known: set[str]) -> None:
    for table in ("quotes", "claims", "units", "checks", "paper_settings"):
        for (rel,) in db.execute(f"select distinct file from {table}"):
            if rel not in known:
                report.problem("files", rel, f"the index holds {table} from this file, which is gone "
                               "or not a claims file", REBUILD)


def _compare_claims(db, report: Report, rel: str, doc, counts: dict) -> None:
    def check(kind: str, records: list, rows: dict, key, values, label) -> None:
        for rec in records:
            k = key(rec)
            row = rows.pop(k, None)
            where = f"{rel}:{rec.line}" if getattr(rec, "line", None) else rel
            if row is None:
                report.problem("files", where, f"{kind} {label(rec)} is not in the index", REBUILD)
            elif values(rec) != tuple(row[1:]):
                report.problem("files", where, f"{kind} {label(rec)} differs from the index", REBUILD)
        for k in rows:
            report.problem("files", rel, f"the index has a {kind} {k if isinstance(k, str) else k[1]} "
                           "that the file does not hold", REBUILD)

    quotes = {r[0]: r for r in db.execute(
        "select id, citekey, text, version, status, page from quotes where file = ?", [rel])}
    check("quote", doc.quotes, quotes, lambda q: q.id,
          lambda q: (q.citekey, q.text, q.version, q.status, q.page), lambda q: q.id)
    claims = {(r[0], r[1]): (r[1],) + tuple(r[2:]) for r in db.execute(
        "select citekey, id, quote, version, page, per from claims where file = ?", [rel])}
    check("claim", doc.claims, claims, lambda c: (c.citekey, c.id),
          lambda c: (c.quote, c.version, c.page, c.per), lambda c: c.id)
    units = {r[0]: r for r in db.execute("select name, definition from units where file = ?", [rel])}
    check("unit", doc.units, units, lambda u: u.name, lambda u: (u.definition,), lambda u: u.name)
    checks = {r[0]: r for r in db.execute("select id, stated, expr from checks where file = ?", [rel])}
    check("check", doc.checks, checks, lambda c: c.id, lambda c: (c.stated, c.expr), lambda c: c.id)
    counts["quotes"] += len(doc.quotes)
    counts["claims"] += len(doc.claims)
    counts["units"] += len(doc.units)
    counts["checks"] += len(doc.checks)


def _check_records(kb, report: Report, lines: dict, progress=None) -> None:
    """Every verified quote is still found in the text of its version; every claim's
    value is among its quote's numbers, and its quote is still found. Paper by paper
    (kb.ops.quotes.verify_papers, on the processes `kb` was opened with): one paper's text
    in memory at a time."""

    stale = no_text = no_text_claims = unverified = unverified_quotes = 0
    renamed: dict[str, str] = {}
    tick = (lambda done, total: progress("re-verifying", done, total)) if progress else None
    for v in verify_papers(kb, progress=tick):
        if v.kind == "claim":
            unverified += _claim_problem(report, v, lines, _renamed_hint(kb, v.citekey, renamed)
                                         if v.status == "no-paper" else "")
            no_text_claims += v.status == "no-text"
            continue
        where = lines.get(("quote", v.id), f"claims/{v.citekey}.toml")
        if v.status == "not-found" and MOVE_BACK in v.message:
            # moved by hand into another paper's claims file: said in kb verify's and kb quote ls's words
            report.problem("quotes", where, f"quote {v.id}: {v.message}",
                           f"move it back to the claims file of the paper whose text holds it, or kb quote rm "
                           f"{shell_word(v.id)}")
        elif v.status == "not-found":
            report.problem("quotes", where, f"quote {v.id} is marked verified but is not found in "     # its words as
                           f"{v.citekey}{' ' + v.version if v.version else ''}: {v.message}",       # kb verify's
                           f"correct its text in {where.split(':')[0]} (kb verify shows the closest "
                           f"passage), or kb quote rm {shell_word(v.id)}")
        elif v.status == "wrong-page":
            report.problem("quotes", where, f"quote {v.id} of {v.citekey}: {v.message}",
                           f"correct its page in {where.split(':')[0]} (or kb quote rm {shell_word(v.id)} and add it again)")
        elif v.status == "wrong-span":
            report.problem("quotes", where, f"quote {v.id} of {v.citekey}: {v.message.rpartition('; ')[0]}",
                           f"write its spans back in {where.split(':')[0]}, or kb quote rm {shell_word(v.id)} and "
                           "add it again")
        elif v.status == "wrong-version":
            report.problem("quotes", where, f"quote {v.id}: {v.message.partition('; ')[0]}",
                           f"correct its version in {where.split(':')[0]} (kb show {v.citekey} lists the "
                           f"versions), or add that version's text")
        elif v.status == "no-paper" and _file_names_it(v.message):
            report.problem("quotes", where, f"quote {v.id}: {v.message.rpartition('; ')[0]}",
                           v.message.rpartition("; ")[2])
        elif v.status == "no-paper":
            report.problem("quotes", where, f"quote {v.id} cites {shown(v.citekey)}, which is not in references.bib",
                           _renamed_hint(kb, v.citekey, renamed) +
                           f"restore the entry in references.bib, or kb quote rm {shell_word(v.id)}")
        elif v.status == "another-work":
            report.problem("quotes", where, f"quote {v.id}: {v.message.rpartition(': ')[0]}", _ANOTHER_WORK_FIX)
        elif v.status == "unshown":         # kb verify fails it: a control character written by hand
            report.problem("quotes", where, f"quote {v.id} of {v.citekey} {v.message.partition('; ')[0]}",
                           f"write the quote without it in {where}")
        elif v.status == "stale":
            stale += 1
        elif v.status == "no-text":
            no_text += 1
        elif v.status == "unverified":
            unverified_quotes += 1
    if stale:
        report.info.append(f"{counted(stale, 'quote')} verified in an older version {agreeing(stale, 'is', 'are')} not in the latest one "
                           "(kb verify lists them)")
    if no_text or no_text_claims:       # the claims too: kb verify says each 'no-text'
        held = " and ".join(counted(n, noun) for n, noun in ((no_text, "verified quote"), (no_text_claims, "claim"))
                            if n)
        report.info.append(f"{held} could not be re-checked: kb holds no text of their version")
    if unverified or unverified_quotes:     # the quotes too: kb verify's count of each ('2 unverified')
        stored = " and ".join(counted(n, noun) for n, noun in ((unverified_quotes, "quote"), (unverified, "claim")) if n)
        report.info.append(f"{stored} stored unverified (kb verify lists them with the reason)")


def _check_units(kb, report: Report) -> None:
    """Each [units] line naming a claim names one kb holds (a claim removed or renamed by
    hand leaves the unit undefined: every check using it fails, and a check added later)."""
    if not kb.conn.execute("select 1 from units limit 1").fetchone():
        return
    try:
        ns = namespace(kb)
    except KBError as exc:
        report.problem("claims", "claims/", what_of(exc), "correct the [units] line by hand")
        return
    for _name, why in sorted(ns.broken.items()):
        where, _, what = why.partition(": ")
        report.problem("claims", where, what, "name a claim kb holds in it (kb claims), or remove the line")


def _check_checks(kb, report: Report) -> None:
    """Each check names claims kb holds: a check whose claim was renamed or removed by hand (in
    its claims file, or with the file) fails as 'undefined name' in kb check, and doctor said
    nothing. Run as kb check runs them (its outcomes held in .kb/cache/checks.json: pint is
    loaded only when they are not); a [units] line naming no claim is said by _check_units."""
    if not kb.conn.execute("select 1 from checks limit 1").fetchone():
        return
    try:
        outcomes = run_checks(kb)
    except KBError:
        return                  # a [units] table kb cannot read: said by _check_units
    for o in outcomes:
        if o.verdict != "error":
            continue
        rel = o.file.split(':')[0]
        if o.message.startswith("names ") and ", which is no claim kb holds" in o.message:
            report.problem("claims", o.file, f"check {o.id} {o.message}",     # kb check's own words
                           f"write in {rel} the name kb claims lists, or remove the check {o.id}")
        elif " is ambiguous: write " in o.message or "' names two claims, " in o.message:
            # a claim of the same id added to another paper's file (or a file of no paper): kb check's error
            report.problem("claims", o.file, f"check {o.id}: {o.message}", f"write in {rel} the one it means")


def _file_names_it(message: str) -> bool:
    """Whether a no-paper verdict says which paper its claims file is about (queries.missing_paper:
    the file's name writes the key in other Unicode characters, or the file was renamed and its
    first line names the paper): then its fix is that, never "restore the entry"."""
    return ("as its claims file writes it" in message or "is named for no paper, and it says" in message
            or "kept in its ids field; kb rename" in message or "and its work is under" in message
            or "kept in its ids field; write paper =" in message)


def _renamed_hint(kb, old: str, seen: dict[str, str]) -> str:
    """'kb rename OLD NEW, if ...; ' when the paper kb knew as `old` is in references.bib
    under another key (renamed there by hand): the text of the sources cached for `old`
    is the text of one paper now; else the key that looks like `old` (queries.lookalike).
    '' when kb cannot tell which."""
    if old not in seen:
        now = renamed_to(kb, old)
        alike = lookalike(kb.conn, old) if now is None else None
        own = _claims_file_of(kb, now) if now else None
        if own is not None and os.path.lexists(own):       # kb rename refuses to write over it: merged by hand
            mine = _claims_file_of(kb, old)
            mine = kb.layout.relative(mine) if mine is not None else f"the claims file of {old}"
            seen[old] = (f"its work is under {now} now, whose own {kb.layout.relative(own)} is there too: move "
                         f"what {mine} holds into it, then delete {mine}; else ")
        else:
            seen[old] = (f"{rename_hint(old, now)}; else " if now else f"{alike}; else " if alike else "")
    return seen[old]


def _claims_file_of(kb, key: str) -> Path | None:
    """claims/<key>.toml, or None for a key no file can be named for (over 200 characters)."""
    try:
        return kb.layout.claims_file(key)
    except UsageError:
        return None


#: What a person does about a key of references.bib that now names another work than the text and
#: quotes kb keeps under it (keys swapped, or given to another work, by hand: quotes.another_work).
_ANOTHER_WORK_FIX = ("put the keys back in references.bib as they were; or, if the entries are right now, move each "
                     "claims file to the key of the work it quotes and run kb rebuild (it files each text under "
                     "the key of its work)")


def _claim_problem(report: Report, v, lines: dict, renamed: str = "") -> int:
    """A claim's verdict as a problem; 1 when it is stored unverified (counted, not a problem)."""
    where = lines.get(("claim", v.citekey, v.id), f"claims/{v.citekey}.toml")
    fix = (f"correct the claim in {where.split(':')[0]}, or mark it status = \"unverified\" "
           "with a note saying why")
    if v.status == "wrong-version":
        report.problem("claims", where, f"claim {v.citekey}.{v.id}: {v.message.partition('; ')[0]}",
                       f"correct its version in {where.split(':')[0]} (kb show {v.citekey} lists the versions), "
                       "or add that version's text")
    elif v.status in ("value-mismatch", "value-unreadable", "not-found", "wrong-page"):
        report.problem("claims", where, f"claim {v.citekey}.{v.id}: {v.message}", fix)
    elif v.status == "another-work":
        report.problem("claims", where, f"claim {v.citekey}.{v.id}: {v.message.rpartition(': ')[0]}",
                       _ANOTHER_WORK_FIX)
    elif v.status == "unshown":             # kb verify fails it: a control character written by hand
        report.problem("claims", where, f"claim {v.citekey}.{v.id}: {v.message.partition('; ')[0]}",
                       f"write the quote without it in {where}")
    elif v.status == "no-paper" and _file_names_it(v.message):
        report.problem("claims", where, f"claim {v.id}: {v.message.rpartition('; ')[0]}",
                       v.message.rpartition("; ")[2])
    elif v.status == "no-paper":
        report.problem("claims", where, f"claim {v.id} cites {shown(v.citekey)}, which is not in references.bib",
                       renamed + "restore the entry in references.bib, or remove the claim")
    return int(v.status == "unverified")


def _refetch(manifest, citekey: str) -> str:
    if manifest.kind == "text":
        version = f" --version {manifest.version}" if manifest.version else ""
        return f"kb text load {shell_word(citekey)} {shell_word(manifest.source_url or 'FILE')}{version}"
    if manifest.arxiv_id and manifest.origin == "arxiv":     # --refresh: the text is held, the file is not
        return f"kb add arxiv:{manifest.arxiv_id}{manifest.version} --refresh"
    return f"kb add {shell_word(manifest.source_url or 'paper.pdf')}"


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _check_cache(kb, report: Report, papers: dict[str, dict] | None, *, prune: bool,
                 quick: bool = False, outside: bool = False) -> None:
    """Every cached source matches its sha256 (with `quick`: is there, unhashed); every
    source of a paper has its text in the index; sources of no paper are reported (and pruned,
    unless the cache is `outside` the knowledge base: _check_cache_folder)."""

    cache = kb.sources
    layout = kb.layout
    folder = cache.folder
    sources = 0
    orphans: list[tuple[Path, ...]] = []
    removed_keys: set[str] = set()      # the papers kb rm removed whose sources are orphans
    by_rm = 0                           # orphans whose papers kb rm removed
    removed = 0
    have = set()
    indexed: set[tuple[str, str]] = set()       # (sha256, citekey): the index holds the source as that paper's text
    if papers is not None:
        rows = kb.db.execute("select v.citekey, v.version, v.text_status, (select count(*) from pages p "
                             "where p.version_id = v.id), v.sha256 from versions v").fetchall()
        have = {(r[0], r[1]): (r[2], r[3]) for r in rows}
        indexed = {(r[4], r[0]) for r in rows if r[4]}
    quoted = set()
    if papers is not None:
        quoted = {r[0] for r in kb.db.execute("select citekey from quotes union select citekey from claims")
                  if r[0]}
    manifest_shas = set()
    said_other: set[str] = set()
    # page texts kb rebuild kept of PDFs deleted by hand, which are back: a cache outside the knowledge base
    # may be another's, whose index names them
    outlived = {m.sha256 for m in cache.outlived({r[0] for r in kb.db.execute(
        "select sha256 from versions where sha256 is not null")})} if papers is not None and not outside \
        and folder.is_dir() else set()
    for mpath in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        m = cache.sound(mpath.stem)
        if m is None:
            held = cache.held(mpath.stem)
            m = manifest_from_index(kb.conn, mpath.stem, held.name) if held and papers is not None else None
            if m is not None:
                cache.save(m)
                report.info.append(f"{layout.relative(mpath)} was not a readable manifest: made again from the "
                                   f"index, {m.filename} filed under {', '.join(m.citekeys)} as it was")
            elif held:
                # Its bytes may be a paper's whose index is gone (kb rebuild reads the cache to
                # know): never pruned as a source of no paper, which --prune would delete.
                manifest_shas.add(mpath.stem)
                report.problem("cache", layout.relative(mpath), "is not a readable manifest of kb's source cache; "
                               f"its source {held.name} is kept (kb cannot tell whose it is)",
                               f"delete both if no paper needs {held.name}, or kb add it again")
                continue
            else:
                report.problem("cache", layout.relative(mpath), "is not a readable manifest of kb's source cache",
                               PRUNE)
                if prune:
                    mpath.unlink(missing_ok=True)
                    removed += 1
                continue
        manifest_shas.add(m.sha256)
        sources += 1
        source = cache.path(m)
        wrong = cache.verify(m) if not quick else (None if source.is_file() else f"{source.name} is missing")
        targets = sources_of_papers(m, papers) if papers is not None else list(m.citekeys)
        if not targets and papers is not None:
            # filed under a paper whose entry was edited by hand since, as the index still holds it
            targets = [c for c in m.citekeys if c in papers and (m.sha256, c) in indexed]
        if wrong:
            who = targets[0] if targets else (m.citekeys[0] if m.citekeys else "CITEKEY")
            # a file gone whose text the index holds: kb rebuild keeps that text (rebuild._remake_sources),
            # which pruning its manifest would lose with the next rebuild
            kept = not source.exists() and papers is not None and kb.conn.execute(
                "select 1 from versions where sha256 = ? and text_status = 'ok' limit 1", [m.sha256]).fetchone()
            report.problem("cache", layout.relative(source), wrong + (f" (a source of {', '.join(targets)})"
                                                                      if targets else ""),
                           f"{REBUILD}: it keeps the text the index holds of it as a cached page text"
                           + (" (the PDF itself is gone: kb add it again to have it)" if m.kind == "pdf" else "")
                           if kept else f"{PRUNE}, then {_refetch(m, who)}")
            if prune and not kept:
                source.unlink(missing_ok=True)
                mpath.unlink(missing_ok=True)
                removed += 1
            continue
        if papers is None:
            continue
        if m.sha256 in outlived:
            # kept by kb rebuild while its PDF was gone; the PDF is back (kb add) and no version reads it
            if prune:
                source.unlink(missing_ok=True)
                mpath.unlink(missing_ok=True)
                removed += 1
            else:
                report.info.append(f"{m.filename} is the page text kb rebuild kept of {m.pdf_gone} while that PDF was "
                                   f"gone; the PDF is back and no version reads it: {PRUNE} removes it")
            continue
        if said := m.gone_said():
            # the text kb rebuild kept of a PDF deleted by hand: nothing to repair, but said as kb show says it
            report.info.extend(f"{c} {v}".rstrip() + f": {said}" for c in targets for v in m.filed_versions(c)
                               if (m.sha256, c) in indexed)
        for c in m.citekeys:
            # a key whose entry now names another work (keys swapped, or given to another work, by hand):
            # its text is said, quoted or not, once (kb ls, kb search, kb text show show it under that title)
            if c in papers and c not in said_other and have.get((c, m.filed_as(c).version), ("",))[0] == "ok" \
                    and (why := another_work(kb, c, m.filed_as(c).version, manifest=m)) is not None:
                said_other.add(c)
                report.problem("text", c, why.rpartition(": ")[0], _ANOTHER_WORK_FIX)
            elif c in papers and c not in said_other and (was := _eprint_moved(kb, m, c, papers[c], have)):
                said_other.add(c)
                now = bare_arxiv_id(papers[c]["arxiv_id"])
                report.problem("text", c, f"{c}'s eprint is arXiv {now} in references.bib, but the text kb holds "
                               f"under it was downloaded as arXiv {was}'s (its quotes were checked against that "
                               "text): the entry and its text disagree",
                               f"if {c} is arXiv {now}, `kb add arxiv:{now}` fetches its text; if not, put the "
                               f"eprint back to {was} (kb edit {shell_word(c)})")
        if not targets:
            if any(c in said_other for c in m.citekeys):
                continue                # kept: the text of a work whose key another entry took, said above
            if m.writer_pid and pid_alive(m.writer_pid):
                report.info.append(f"{m.filename} is being added by a running kb command (pid {m.writer_pid}); kept")
            elif any(c in quoted for c in m.citekeys):
                report.info.append(f"{m.filename} is the source of {', '.join(c for c in m.citekeys if c in quoted)}, "
                                   "which claims/ still quotes (its entry is gone from references.bib); kept")
            elif m.citekeys:
                # Filed under a paper that kb rm did not remove (kb rm un-files its sources):
                # its entry deleted, or its key renamed, by hand. Kept: a person may want it back.
                report.info.append(f"{m.filename} is the source of {', '.join(m.citekeys)}, which references.bib "
                                   "no longer holds (deleted or renamed by hand, not by kb rm); kept: restore the "
                                   f"entry, or delete {layout.relative(source)} and its .json if you no longer "
                                   "need it")
            else:
                orphans.append((source, mpath))
                if isinstance(m.removed_from, list):
                    removed_keys.update(k for k in m.removed_from if isinstance(k, str))
                    by_rm += bool(m.removed_from)
            continue
        for citekey, version in [(c, v) for c in targets for v in m.filed_versions(c)]:
            row = have.get((citekey, version))
            label = f"{citekey} {version}".rstrip()
            if row is None and not quick and not wrong:
                # Filed under its paper by a command stopped before its commit (a kill, a
                # power cut): the index is kb's to complete, as a sync re-indexes a file.
                kb.indexer.attach_source(m, citekey, derive=lambda changes: kb.derive(kb, changes)
                                         if kb.derive is not None else None, version=version)
                report.info.append(f"indexed the text of {label} from its cached source {m.filename} "
                                   "(a kb command was stopped before it could)")
            elif row is None:
                report.problem("text", label, f"its cached source {m.filename} is not in the index", REBUILD)
            elif row[0] == "ok" and not row[1]:
                report.problem("text", label, "its text is marked extracted but no page is indexed", REBUILD)
    if papers is not None:
        # Text the index holds of a source the cache no longer has (deleted by hand, a disk
        # cleaner): said nothing, and the next kb rebuild lost it.
        for citekey, version, sha in kb.db.execute("select citekey, version, sha256 from versions where "
                                                   "text_status = 'ok' and sha256 is not null order by citekey"):
            if sha not in manifest_shas:
                report.problem("text", f"{citekey} {version}".rstrip(),
                               f"its cached source {sha[:12]} is gone from {layout.relative(folder)}: only the index "
                               "holds its text now",
                               f"{REBUILD}: it keeps that text as a cached page text (or kb add its PDF again)")
    if folder.is_dir() and papers is not None:
        for path in sorted(folder.iterdir()):
            if path.suffix != ".json" and path.name.split(".")[0] not in manifest_shas:
                orphans.append((path,))
    report.counts["sources"] = sources
    if orphans:
        if prune:
            kept = 0
            for group in orphans:
                if any(_age(p) < PRUNE_GRACE_SECONDS for p in group):
                    kept += 1
                    continue
                for p in group:
                    p.unlink(missing_ok=True)
                removed += 1
            if kept:
                report.info.append(f"{counted(kept, 'cached source')} of no paper {agreeing(kept, 'is', 'are')} less than "
                                   f"{PRUNE_GRACE_SECONDS:.0f} s old (a kb add may still be running); kept")
        elif outside:
            report.info.append(f"{counted(len(orphans), 'cached source')} {agreeing(len(orphans), 'belongs', 'belong')} to no paper here (another knowledge base "
                               f"sharing the cache, or a kb add that did not finish); {PRUNE} removes none "
                               "outside the knowledge base: delete them by hand if nothing else uses them")
        elif by_rm == len(orphans):
            report.info.append(f"{counted(len(orphans), 'cached source')} of {', '.join(sorted(removed_keys))}, which kb rm "
                               f"removed, {agreeing(len(orphans), 'is', 'are')} kept in the cache; {PRUNE} removes "
                               f"{agreeing(len(orphans), 'it', 'them')}")
        else:
            why = (f"a kb add that did not finish, or {', '.join(sorted(removed_keys))}, which kb rm removed"
                   if by_rm else "a kb add that did not finish")
            report.info.append(f"{counted(len(orphans), 'cached source')} {agreeing(len(orphans), 'belongs', 'belong')} to no paper ({why}); "
                               f"{PRUNE} removes them")
    if removed:
        report.info.append(f"removed {counted(removed, 'cached source')}")
