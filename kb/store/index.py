"""Keeping SQLite in step with the files a person edits: files -> tables, nothing else.

The index records the size, mtime and sha256 of references.bib and each
claims/*.toml it has indexed. When a file differs (edited by hand, or written
by a command that died before updating the index), it is re-indexed; a paper
in references.bib whose text is missing from the index gets it back from the
source cache. So the index is always a function of the files and the cache.

What follows from the tables (the citation links of a changed paper, the
reference list of new page text, claim values in base units) is not made
here: the `Indexer` records it in `Changes`, and the knowledge base hands those
to its derive step (kb.ops.derive) inside the same transaction.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kb.atomic import read_input, shown
from kb.errors import FileFormatError, KBError, LimitExceeded, PDFError, UsageError, shell_word
from kb.quantities.interval import split_figure
from kb.sources import citekey as citekeys
from kb.sources.bibmodel import is_work
from kb.sources.bibtex import BibFile, entry_named
from kb.sources.metadata import from_bib_fields, lent_by_crossref
from kb.sources.pdf import Limits, extract_plan, unread_pages
from kb.sources.textfile import parse_text_source
from kb.store import claimsfile, stale
from kb.store.cache import Manifest, SourceCache
from kb.store.paths import Layout
from kb.store.queries import chunks, rename_hint, renamed_claims_file, same_paper, still_its_work
from kb.store.sqlite import transaction
from kb.store.stale import BIB_REL, PAPER_RENDERING, identity, is_claims_name, truth_files
from kb.text.latex import latex_to_text, venue_text
from kb.text.lazyre import lazy
from kb.text.names import first_author_key, split_names
from kb.text.titles import normalise_title

#: (label, done, total or None, unit): how the library reports long work; the CLI draws it.
Progress = Callable[[str, int, "int | None", str], None]


#: From this many papers on, their ids from sources are found in one read of `versions`.
IDS_IN_ONE_READ = 100

#: Claims files re-indexed in one transaction when many changed at once.
CLAIMS_BATCH = 500


def _no_progress(label: str, done: int, total: int | None, unit: str) -> None:
    return None


@dataclass
class Changes:
    """What re-indexing changed that derived data depends on."""

    papers: set[str] = field(default_factory=set)           # added, removed or edited entries
    texts: list[tuple[str, str]] = field(default_factory=list)   # (citekey, version) given page text
    claims_files: set[str] = field(default_factory=set)     # claims files re-indexed
    bib: bool = False                                       # references.bib re-indexed
    #: papers whose entry now names a work by another title, arXiv id or DOI than before (keys swapped,
    #: or given to another work, by hand): their quotes and claims are decided again against their text
    reidentified: set[str] = field(default_factory=set)
    #: (citekey, version) -> its reference list (kb.text.refs entries) when parsed already,
    #: from the very pages stored (a worker of kb import parsed it beside the extraction)
    references: dict[tuple[str, str], list] = field(default_factory=dict)
    #: (status, number, unit, quote, per, citekey, version, page) -> doubt of the claims a re-index
    #: removed, as the derive step decided them (against the page of that paper's text, a function of these):
    #: the same claim indexed again is not decided again, so adding one claim to a file of
    #: 8,000 decides one, where it decided 8,000 (31 s)
    decided: dict[tuple, str | None] = field(default_factory=dict)
    #: (value, unit, number) -> (base value, base unit) of those claims, as pint made them
    based: dict[tuple, tuple] = field(default_factory=dict)
    #: (citekey, version, text, page, page_end, spans, prefix, suffix, extractor) -> doubt of the verified quotes a re-index removed, as the
    #: derive step decided them (kb.ops.derive.quote_doubts): not looked for again
    quotes_decided: dict[tuple, str | None] = field(default_factory=dict)
    #: Every claims file decided again, its records unchanged, because this kb reads claims
    #: otherwise than the one that decided them (KB.reread_claims): the derive step may decide
    #: them on every core the KB allows (KB.jobs), before it writes.
    rereading: bool = False
    #: Every record and text the derive step decides from is committed already, in the index
    #: it writes (kb rebuild fills a new index aside, file by file, before its derive step): the
    #: derive step may decide them on every core the KB allows (KB.jobs), workers reading that
    #: index, and their decisions hold for the texts just stored too.
    committed: bool = False

    def __bool__(self) -> bool:
        return bool(self.papers or self.texts or self.claims_files or self.bib)


# -- which files changed: kb.store.stale ------------------------------------------------------

#: What kb says when references.bib is gone: every paper would be dropped from the index.
BIB_MISSING = "references.bib is missing: restore it (git checkout references.bib) or kb init"


def unreadable(path: Path) -> str | None:
    """Why a truth file cannot be read at all (a link to a missing file, a folder, a FIFO,
    no permission), or None when it can be opened; a malformed file is its reader's to say."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return "a link to a missing file" if path.is_symlink() else "it is missing"
    except OSError as exc:
        return exc.strerror or "it cannot be opened"
    if stat.S_ISDIR(st.st_mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(st.st_mode):
        return "a FIFO, not a file"
    if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
        return "a device, not a file"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    if not os.access(path, os.R_OK):
        return "no permission to read it"
    return None


def claims_folder_unreadable(layout: Layout) -> str | None:
    """Why the claims folder cannot be listed (a file or a link to a missing folder in its
    place, no permission), or None: it is a folder kb can list, or there is none at all
    (then there are no claims files). A claims folder kb cannot list never reads as empty:
    that would drop every quote and claim from the index."""
    path = layout.claims
    try:
        st = path.stat()
    except FileNotFoundError:
        return "a link to a missing folder" if path.is_symlink() else None
    except OSError as exc:
        return exc.strerror or "it cannot be opened"
    if not stat.S_ISDIR(st.st_mode):
        return "a file, not a folder" if stat.S_ISREG(st.st_mode) else "not a folder"
    if not os.access(path, os.R_OK | os.X_OK):
        return "no permission to list it"
    return None


def check_claims_folder(layout: Layout) -> None:
    """Raise (one line naming claims/) when the claims folder is there but cannot be listed."""
    why = claims_folder_unreadable(layout)
    if why is not None:
        raise UnreadableFile(f"cannot read ({why}); kb reads and writes quotes and claims in it",
                             path="claims/", hint="restore it (git checkout claims), or move what is in its "
                                                  "place aside and make claims/ a folder again")


def claims_out_of_reach(layout: Layout, name: str = "*.toml", limit: int = 100) -> list[Path]:
    """TOML files in subfolders of claims/ (kb reads claims/*.toml only): a claims file moved
    into one by hand reads as deleted, and should be said to be where it is."""
    found: list[Path] = []
    if claims_folder_unreadable(layout) is not None or not layout.claims.is_dir():
        return found
    try:
        for sub in sorted(p for p in layout.claims.iterdir() if p.is_dir() and not p.name.startswith(".")):
            for path in sorted(sub.rglob(name)):
                if path.is_file() and is_claims_name(path.name):
                    found.append(path)
                    if len(found) >= limit:
                        return found
    except OSError:
        pass
    return found


# a line of its own: ending in \n, \r\n or a classic Mac \r alone (a file saved so, misnamed, is said too)
_KB_TABLE = lazy(r"(?m)(?:^|(?<=\r))[ \t]*\[\[?[ \t]*(?:quote|claim|check|units|restatement|dismissed|paper)[ \t]*"
                 r"\]\]?[ \t]*(?:#[^\r\n]*)?(?=[\r\n]|\Z)")


def claims_misnamed(layout: Layout, limit: int = 100) -> list[tuple[Path, str]]:
    """Files in claims/ that hold kb's tables but that kb reads as no claims file, since their
    name does not end in `.toml` (claims/x.TOML, x.toml.txt, x.toml~ or x.toml.bak when there
    is no x.toml) or is a merge or sync tool's copy (x_BASE_1234.toml, `stale.copy_of`), each with
    the name it would have as a claims file: a claims file renamed
    so reads as deleted, and should be said to be where it is. A backup beside its claims
    file, and hidden files (an editor's), are no such file."""
    found: list[tuple[Path, str]] = []
    if claims_folder_unreadable(layout) is not None or not layout.claims.is_dir():
        return found
    try:
        names = sorted(os.listdir(layout.claims))
    except OSError:
        return found
    present = set(names)
    for name in names:
        if name.startswith(".") or is_claims_name(name):
            continue
        at = name.lower().find(".toml")
        base = stale.copy_of(name) or (name[:at] if at > 0 else name.rpartition(".")[0] or name) + ".toml"
        if not stale.utf8_name(base):   # its bytes read as Latin-1, as a name from such a system was meant
            base = os.fsencode(base).decode("latin-1")
        if base.startswith("#") and name.endswith("#"):         # Emacs's auto-save #x.toml# of x.toml
            base = base[1:]
        path = layout.claims / name
        if base in present or not is_claims_name(base):
            continue
        try:
            if not path.is_file() or path.is_symlink():
                continue
            with open(path, "rb") as fh:
                head = fh.read(65536).decode("utf-8", errors="replace")
        except OSError:
            continue
        if _KB_TABLE.search(head):
            found.append((path, base))
            if len(found) >= limit:
                break
    return found


# A copy a sync service leaves beside a file it could not merge: Dropbox's "x (Ada's conflicted copy
# 2024-01-02).toml", Syncthing's x.sync-conflict-20240102-030405-ABCDEFG.toml (the same for .bib).
_SYNC_COPY = lazy(r"(.+?)(?:" + stale.SYNC_COPY_MARK + r")(\.toml|\.bib)")
_COPY_MAX_BYTES = 64 << 20


def _records_of(path: Path) -> dict | None:
    """What a truth file holds, each thing by name: {(table, id): record} of a claims file's quotes,
    claims and checks, ("unit", name): value of its units; {("entry", key): (type, fields)} of a
    .bib file; {("setting", name): value} of kb.toml. None when it cannot be read so."""
    try:
        st = path.stat()
        if st.st_size > _COPY_MAX_BYTES or not stat.S_ISREG(st.st_mode):
            # (a truth file that is a link to /dev/zero, or a FIFO, is said by the command as such: read here,
            # beside a sync service's copy of it, `kb doctor` never finished)
            return None
        if path.suffix == ".bib":
            bib = BibFile.load(path)
            return {("entry", key): (b.entry.entry_type.lower(), b.entry.fields) for key, b in bib.by_key.items()
                    if b.entry is not None}
        data = claimsfile.load_toml(path.read_bytes().decode("utf-8-sig"), path.name)
    except (OSError, UnicodeDecodeError, KBError):
        return None
    if path.parent.name != "claims":
        return {("setting", name): value for name, value in data.items()}
    out: dict = {}
    for table in ("quote", "claim", "check", "restatement", "dismissed"):
        records = data.get(table)
        for i, record in enumerate(records if isinstance(records, list) else []):
            rid = record.get("id") if isinstance(record, dict) else None
            out[(table, rid if isinstance(rid, str) else f"#{i + 1}")] = record
    units = data.get("units")
    for name, value in (units.items() if isinstance(units, dict) else ()):
        out[("unit", name)] = value
    return out


def sync_copies_differing(layout: Layout, limit: int = 100) -> list[tuple[Path, str, list[str]]]:
    """Copies a sync service left beside a truth file (claims/x.toml, references.bib, kb.toml), which
    kb never reads, holding what the file does not hold as it is: the side of a conflict the service
    set aside, whose edits are in no file kb reads. Each with the file's path from the root and what
    differs ("claim new-id", "claim some-id (differs)", "entry key"); a copy whose every record the
    file holds alike is not listed, nor a copy of a file kb cannot read (that file is said itself)."""
    found: list[tuple[Path, str, list[str]]] = []
    folders = [(layout.root, ("references.bib", layout.marker.name))]
    if claims_folder_unreadable(layout) is None and layout.claims.is_dir():
        folders.append((layout.claims, None))
    for folder, bases in folders:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        present = set(names)
        for name in names:
            m = _SYNC_COPY.fullmatch(name) if " (" in name or ".sync-conflict-" in name else None
            base = m.group(1) + m.group(2) if m else None
            if base is None or base not in present or (bases is not None and base not in bases) \
                    or (bases is None and not is_claims_name(base)):
                continue
            path = folder / name
            if path.is_symlink() or not path.is_file():
                continue
            mine = _records_of(folder / base)
            if mine is None:
                continue
            theirs = _records_of(path)
            rel = layout.relative(folder / base)
            if theirs is None:
                try:
                    with open(path, "rb") as fh:
                        head = fh.read(65536).decode("utf-8", errors="replace")
                except OSError:
                    continue
                if bases is not None or _KB_TABLE.search(head):
                    kind = "BibTeX" if base.endswith(".bib") else "TOML"
                    found.append((path, rel, [f"what it holds (kb cannot read it as {kind} to say what)"]))
            else:
                what = [f"{t} {i}" + ("" if (t, i) not in mine else " (differs)")
                        for (t, i), record in theirs.items() if mine.get((t, i)) != record]
                if what:
                    found.append((path, rel, what))
            if len(found) >= limit:
                return found
    return found


def _emptied(path: Path) -> bool:
    """Whether a claims file holds nothing but white space now (a file kb never writes so): what it
    held is said as a deleted file's is."""
    try:
        size = path.stat().st_size
        if size > 4096:
            return False
        return size == 0 or not path.read_bytes().decode("utf-8-sig", errors="replace").strip()
    except OSError:
        return False


def misnamed_why(path: Path) -> str:
    """Why kb reads a file `claims_misnamed` found as no claims file, as said in parentheses."""
    return "its name is not UTF-8, which kb's index cannot hold" if not stale.utf8_name(path.name) else \
        "a copy a merge or sync tool left" if stale.copy_of(path.name) else \
        "parked by its name; a claims file's name ends in .toml" if parked(path.name) else \
        "a claims file's name ends in .toml"


#: A name a person gives a claims file to keep it out of the knowledge base on purpose (x.toml.disabled,
#: x.toml.off): no editor, merge or sync tool names a file so, as they do x.toml~, x.toml.bak, x.toml.orig.
_PARKED = lazy(r"(?i).+\.toml[._-](?:disabled?|off|parked|ignored?|inactive|skip(?:ped)?|unused)")

#: The name `kb doctor` suggests to park a claims file kb reads as none on purpose.
PARKED_SUFFIX = ".disabled"


def parked(name: str) -> bool:
    """Whether a file `claims_misnamed` found is a claims file a person parked by renaming it
    (x.toml.disabled): what it holds is out of the knowledge base as they meant, said as a note; a
    leftover of an editor or a tool (x.toml~, x.toml.bak, x.toml.orig) whose x.toml is gone is a
    problem until it is restored, deleted or parked."""
    return _PARKED.fullmatch(name) is not None


def manifest_from_index(conn, sha: str, filename: str) -> Manifest | None:
    """The manifest of a cached source whose own cannot be read (emptied, cut short, written by
    hand in another shape), made again from what the index holds of the source: the versions
    it is the text of, and their papers. Without it `kb rebuild` would not know the source,
    and `kb doctor --prune` would take its bytes for a source of no paper and delete them.
    None when no version in the index (`conn`: this index, or the one kb rebuild replaces)
    has these bytes."""
    rows = conn.execute("select v.citekey, v.version, v.source_kind, v.source_url, v.extractor, v.added_at, "
                        "p.arxiv_id, p.doi, p.title_norm, p.origin, p.metadata_status from versions v "
                        "join papers p on p.citekey = v.citekey where v.sha256 = ? order by v.added_at, v.id",
                        [sha]).fetchall()
    if not rows:
        return None
    first = rows[-1]                # the paper last filed, as the manifest's own fields are
    import calendar

    try:
        added = float(calendar.timegm(time.strptime(first[5], "%Y-%m-%dT%H:%M:%SZ")))
    except (TypeError, ValueError):
        added = time.time()
    kind = "text" if first[2] == "text" else "pdf"
    return Manifest(sha256=sha, kind=kind, filename=filename, citekeys=list(dict.fromkeys(r[0] for r in rows)),
                    arxiv_id=first[6], version=first[1] or "", doi=first[7], source_url=first[3],
                    origin=first[9] if first[9] in ("arxiv", "doi", "pdf", "text") else kind,
                    # a PDF's extractors are kb's choice again (the index names what read it, not the plan)
                    metadata_complete=first[10] != "incomplete", extractor=first[4] if kind == "text" else None,
                    title=first[8],
                    added_at=added,
                    also_versions=[r[1] or "" for r in rows if r[0] == first[0] and r[1] != first[1]])


class UnreadableFile(FileFormatError):
    """A truth file kb cannot open (a link to a missing file, a folder, no permission): what
    the index holds from it is kept, not dropped, until it can be read again."""


def load_bib(layout: Layout) -> BibFile:
    """references.bib, read as the truth of the papers table: a file that is missing or
    cannot be read is an error, never an empty file (that would drop every paper)."""
    path = layout.bib
    if not path.exists() and not path.is_symlink():
        raise FileFormatError(BIB_MISSING)
    why = unreadable(path)
    if why is not None:
        raise FileFormatError(f"cannot read ({why})", path=BIB_REL,
                              hint="restore it (git checkout references.bib)")
    try:
        return BibFile.load(path)
    except UsageError as exc:           # read_input's refusals (a file replaced while read)
        raise FileFormatError(f"cannot read ({exc.message})", path=BIB_REL) from None
    except FileFormatError as exc:      # named as the knowledge base names it, not by its full path
        if exc.path == str(path):
            exc.path = BIB_REL
        raise


def _holds_key(path: Path, key: str) -> bool:
    """Whether the .bib file `path` has an entry `key` (read as text: `@type{key,`)."""
    try:
        text = read_input(path, "the BibTeX file").decode("utf-8", errors="replace")
    except (OSError, UsageError, LimitExceeded):
        return False
    return re.search(r"@\s*\w+\s*[{(]\s*" + re.escape(key) + r"\s*,", text) is not None


def _sha(path: Path) -> str:
    return hashlib.sha256(read_input(path, "the truth file")).hexdigest()


def _made_elsewhere(inodes: dict[str, int], current: dict[str, Path], most: int = 50) -> bool:
    """Whether the index's `files` rows (their `inodes`) were recorded of other files than the truth
    files here, `current`: none of (at most `most` of) the files both name is the file the index
    recorded, as when a .kb/ is copied in from another checkout. A file saved by an editor, or
    rewritten by git, is a new file too, but never all of them at once. False when fewer than two
    files tell."""
    both = [rel for rel in inodes if rel in current][:most]
    for rel in both:
        try:
            if os.stat(current[rel]).st_ino == inodes[rel]:
                return False
        except OSError:
            continue
    return len(both) > 1       # one file saved by an editor since (references.bib alone) tells nothing


def record_file(db, rel: str, path: Path) -> None:
    """Remember what was indexed; call inside the transaction that indexed it."""
    st = identity(path)
    if st is None:
        db.execute("delete from files where path = ?", [rel])
        return
    db.execute("insert or replace into files (path, sha256, size, mtime_ns, ctime_ns, inode) "
               "values (?, ?, ?, ?, ?, ?)", [rel, _sha(path), *st])


# -- references.bib -> papers ----------------------------------------------------------------

# How paper_row renders an entry: kb.store.stale.PAPER_RENDERING (its history there).


#: Types of a work its editors make, when it names no author (an @inproceedings's editors are its volume's).
_EDITED = frozenset({"proceedings", "mvproceedings", "collection", "mvcollection", "book", "mvbook", "reference",
                     "mvreference", "periodical"})


#: Types that are a part of a container (a book, proceedings): one with no booktitle is shown in its series alone.
_PARTS = frozenset({"inproceedings", "conference", "incollection", "inbook", "inreference", "suppbook",
                    "suppcollection", "bookinbook"})
#: A whole value that is one web address: '\\url{https://...}' or the address bare (a trailing full stop is the
#: sentence's, as JabRef and hand-written notes end one).
_ONE_LINK = lazy(r"\s*(?:\\url\s*\{\s*(https?://[^\s{}\\]+?)\s*\}|(https?://[^\s{}\\]*[^\s{}\\.]))\s*\.?\s*")


def shown_venue(entry_type: str, fields: dict[str, str]) -> str | None:
    """Where an entry with no journal or booktitle appeared, as kb shows it: its eventtitle (biblatex's
    @inproceedings named by its conference alone, 'eventtitle = {ICML}'), else, for a part of a container, its
    series ('series = {Lecture Notes in Computer Science}' of an LNCS chapter); never its organization or
    publisher (who made it, not where it is)."""
    f = {k.lower(): v for k, v in fields.items()}
    if (f.get("eventtitle") or "").strip():
        return f["eventtitle"]
    if entry_type.lower() in _PARTS and (f.get("series") or "").strip():
        return f["series"]
    return None


def shown_url(fields: dict[str, str]) -> str | None:
    """An entry's web address where it has no url field but a howpublished (or note) that is one link and
    nothing else ('howpublished = {\\url{https://...}}', JabRef's and hand-written web pages): that link;
    a field saying more than the link ('Online; accessed 5 January 2022', 'Slides at \\url{...}') gives none."""
    f = {k.lower(): v for k, v in fields.items()}
    for name in ("howpublished", "note"):
        link = _ONE_LINK.fullmatch(f.get(name) or "")
        if link is not None:
            return link.group(1) or link.group(2)
    return None


def paper_row(key: str, entry_type: str, fields: dict[str, str], position: int,
              previous: dict | None = None, meta=None, lent: dict[str, str] | None = None,
              owned: bool = True) -> dict:
    """The papers row of one references.bib entry (`meta`: from_bib_fields of it, when
    the caller has read it already; `lent`: what its crossref parent lends it, read as
    its own, lent_by_crossref). The `fields` column keeps the entry's own fields. A new
    row's origin: "arxiv" for an entry kb wrote (`owned`) naming an arXiv id, "bibtex" for
    any other (a person's entry naming one was written by them, not fetched from arXiv)."""
    meta = meta or from_bib_fields(entry_type, {**lent, **fields} if lent else fields)
    previous = previous or {}
    # an edited work (DBLP's @proceedings, a @collection) is named by its editors, as biblatex labels it
    names = meta.authors or (split_names(fields.get("editor")) if entry_type.lower() in _EDITED else [])
    return {
        "citekey": key, "entry_type": entry_type,
        "title": latex_to_text(meta.title),
        "authors": json.dumps([latex_to_text(a) for a in names], ensure_ascii=False),
        "year": meta.year, "arxiv_id": meta.arxiv_id, "doi": meta.doi,
        "url": meta.url or shown_url({**(lent or {}), **fields}),
        "venue": venue_text(venue) if (venue := meta.venue or shown_venue(entry_type, {**(lent or {}), **fields})) \
        else None,
        "primary_class": meta.primary_class,
        "version": f"v{meta.version}" if meta.version else None,
        "origin": previous.get("origin") or ("arxiv" if meta.arxiv_id and owned else "bibtex"),
        "metadata_status": previous.get("metadata_status") or "complete",
        "title_norm": normalise_title(meta.title),
        "first_author": first_author_key(names),
        "fields": json.dumps(fields, ensure_ascii=False), "position": position,
    }


def lent_to(bibfile: BibFile, entry, parents: dict[str, dict[str, str]]) -> dict[str, str]:
    """What an entry is read with beside its own fields: what its @xdata entries give it
    (BibFile.lent_by_xdata, read as its own), then what its crossref parent lends it
    (`parents`: crossref_parents)."""
    given = bibfile.lent_by_xdata(entry) if "xdata" in entry.fields else {}
    lent = lent_by_crossref(entry.entry_type, {**given, **entry.fields} if given else entry.fields,
                            parents.get(entry.key))
    return {**lent, **given} if given else lent


def crossref_parents(entries: list) -> dict[str, dict[str, str]]:
    """key -> the fields of the entry its `crossref` names, for each entry that names one the
    file holds (BibTeX matches keys whatever their case; the exact key first; then a key
    kept in an entry's `ids`, as biber resolves it, after a rename)."""
    named = [(e, parent) for e in entries if (parent := citekeys.field_key(e.fields.get("crossref")))]
    if not named:
        return {}
    find = entry_named(entries)
    out = {}
    for e, parent in named:
        found = find(parent)
        if found is not None and found.fields is not e.fields:
            out[e.key] = found.fields
    return out


#: Entries of references.bib between two reports of progress while they are indexed.
_ENTRIES_A_REPORT = 2000


def _rendered_as_now(conn) -> bool:
    """Whether the papers rows were rendered as this kb renders entries (PAPER_RENDERING)."""
    row = conn.execute("select value from meta where key = 'paper_rendering'").fetchone()
    return row is not None and row[0] == PAPER_RENDERING


def _upsert_papers(conn, rows: list[dict], held) -> None:
    """papers rows inserted (those whose key `held` lacks), or updated in place (their
    other columns kept): one statement run for every row of each kind."""
    columns = list(rows[0])
    sql = f"insert into papers ({', '.join(columns)}) values ({', '.join('?' * len(columns))})"
    update = f" on conflict(citekey) do update set {', '.join(f'{c} = excluded.{c}' for c in columns[1:])}"
    conn.executemany(sql, [[row[c] for c in columns] for row in rows if row["citekey"] not in held])
    conn.executemany(sql + update, [[row[c] for c in columns] for row in rows if row["citekey"] in held])


def delete_paper_rows(db, citekey: str) -> None:
    db.execute("delete from pages where citekey = ?", [citekey])
    db.execute("delete from versions where citekey = ?", [citekey])
    db.execute("delete from refs where citekey = ?", [citekey])
    db.execute("delete from citations where citing = ? or cited = ?", [citekey, citekey])
    db.execute("delete from candidates where citekey = ?", [citekey])
    for table in ("text_numbers", "cite_contexts", "derive_later", "refs_later"):      # derived from its text
        db.execute(f"delete from {table} where citekey = ?", [citekey])
    db.execute("delete from papers where citekey = ?", [citekey])


def _where(other: str, rel: str) -> str:
    return "earlier in this file" if other == rel else f"in {shown(other)}"


def claim_numbers(value: str) -> tuple[str, float | None, str | None]:
    """(number as written, value, unit) of a claim's "11.49 kWh" ("30M" of "30M papers"
    is 3e7); a value kb cannot read is reported by `kb check` and `kb verify`, not here."""
    return split_figure(value)


def odd_key_notice(line: int, key: str, what: str) -> str:
    """The warning for a key of references.bib citekey.odd_keys finds, said by the command
    that indexes it and by every kb doctor."""
    return (f"{BIB_REL}:{line}: the key {citekeys.escaped(key)} {what}; write it in plain letters of one "
            "script (kb follows a key renamed in references.bib by hand)")


class Indexer:
    """Files and cached sources -> tables, for one open index.

    Every method that writes expects the caller to hold the writer lock and
    (except `sync`, which makes its own) to run a transaction. What changed is
    added to `pending`, for the knowledge base's derive step.
    """

    def __init__(self, db, layout: Layout, sources: SourceCache, limits: Callable[[], Limits],
                 progress: Progress = _no_progress):
        self.db = db
        self.layout = layout
        self.sources = sources
        self.limits = limits
        self.progress = progress
        self.pending = Changes()
        #: claims file -> the decisions on its claims, kept when its rows are forgotten before its re-index
        self._forgotten: dict[str, tuple[dict, dict, dict]] = {}
        #: What a person should hear of, said once (a claims file deleted, one that cannot
        #: be read): the knowledge base hands these on as warnings.
        self.notices: list[str] = []

    # -- the files ------------------------------------------------------------------------

    def sync(self, derive: Callable[[Changes], None] | None = None,
             on_error: Callable[[str, FileFormatError], None] | None = None) -> None:
        """Re-index every stale truth file, one transaction per file; `derive`
        runs inside each transaction with what that file changed. A malformed
        file raises FileFormatError, or with `on_error` is reported to it (with
        its relative path) and the other files are still indexed."""
        db = self.db
        changed_files = stale.stale_files(db.conn, self.layout)
        if not changed_files:
            return
        folder_broken = False
        try:
            check_claims_folder(self.layout)
        except UnreadableFile as exc:
            if on_error is None:
                raise
            on_error("claims/", exc)
            folder_broken = True
        rows = list(db.query("select path, sha256, inode from files"))
        recorded = {row["path"]: row["sha256"] for row in rows}
        inodes = {row["path"]: row["inode"] for row in rows if row["inode"]}      # before touched files are recorded
        current = truth_files(self.layout)
        if folder_broken:       # what the index holds from the claims files is kept, not dropped
            changed_files = [rel for rel in changed_files if rel == BIB_REL or rel in current]
        # references.bib first: whether claims/<stem>.toml belongs to a paper depends on it.
        changed_files.sort(key=lambda rel: rel != BIB_REL)
        changed = []
        for rel in changed_files:
            path = current.get(rel)
            if path is not None and rel in recorded and unreadable(path) is None and recorded[rel] == _sha(path):
                with transaction(db):
                    record_file(db, rel, path)   # touched, not changed
            else:
                changed.append(rel)
        # A claims file that cannot be read (a link to a moved file, a folder, no permission)
        # keeps what the index holds from it: said, never dropped in silence. Its `files` row
        # stays as it was, so every command says it until the file can be read again.
        cannot = {rel: why for rel in changed if rel != BIB_REL and rel in current
                  for why in [unreadable(current[rel])] if why is not None}
        for rel, why in cannot.items():
            exc = UnreadableFile(f"cannot read ({why})", path=rel)
            if on_error is not None:
                on_error(rel, exc)
            else:
                self.notices.append(f"{shown(rel)}: cannot read ({why}); kb keeps what it indexed from it "
                                    f"until it can (restore it: git checkout {shell_word(rel)})")
        # The rows of every changed claims file go first: a quote, claim or check moved
        # from one file to another (a file renamed, a table cut and pasted) is then not
        # "defined twice". Forgetting them commits with their re-indexing, never alone: a
        # malformed file that stops the sync leaves the index as it was (the rows of a file
        # deleted beside it still there, to say what its deletion took once the sync can end).
        claims_changed = [rel for rel in changed if rel != BIB_REL and rel not in cannot]
        deleted = {rel: self._held_by(rel) for rel in claims_changed if rel not in current or _emptied(current[rel])}
        with transaction(db) if len(claims_changed) > 1 else contextlib.nullcontext():
            self._forgotten = {}
            if len(claims_changed) > 1:
                for rel in claims_changed:
                    # what was decided of them is kept for their re-index: a git pull that changed a few
                    # claims of many files decides those few again, not every claim (each read on its page)
                    self._forgotten[rel] = self._decisions(rel)
                    self.forget_claims(rel)
            if BIB_REL in changed and self._reindex_one(BIB_REL, current, derive, on_error):
                self.attach_cached_sources(derive=derive)     # a changed references.bib may claim cached sources
            # Many claims files (a git pull, a bulk edit): each batch of files one savepoint,
            # each file in its own, so a malformed file still leaves the others indexed.
            for start in range(0, len(claims_changed), CLAIMS_BATCH):
                with transaction(db):
                    for rel in claims_changed[start:start + CLAIMS_BATCH]:
                        if not self._reindex_one(rel, current, derive, on_error):
                            # What it held may be gone (forgotten above): whatever it holds
                            # once fixed, even its old text, is read again.
                            db.execute("update files set sha256 = '' where path = ?", [rel])
        elsewhere = bool(deleted) and _made_elsewhere(inodes, current)
        for rel, held in deleted.items():
            self._notice_deleted(rel, held, elsewhere)

    #: What a claims file's rows are, for saying what its deletion took away.
    _HELD = (("quote", "select id from quotes where file = ?"),
             # a claim by what it is, not by its paper's key: a file renamed with its paper's
             # key (references.bib and claims/ edited at once) loses none of its claims
             ("claim", "select id, coalesce(number, ''), coalesce(unit, ''), coalesce(quote, '') from claims "
                       "where file = ? and kind = 'claim'"),
             ("check", "select id from checks where file = ?"),
             ("unit", "select name from units where file = ?"))

    def _held_by(self, rel: str) -> dict[str, set[tuple]]:
        return {kind: {tuple(r) for r in self.db.conn.execute(sql, [rel])} for kind, sql in self._HELD}

    def _notice_deleted(self, rel: str, held: dict[str, set[tuple]], elsewhere: bool = False) -> None:
        """Say what a claims file deleted by hand took out of the knowledge base: its rows
        that no other file now holds (a file renamed, or its tables moved, loses nothing)."""
        conn = self.db.conn
        lost = []
        for kind, sql in self._HELD:
            if not held[kind]:
                continue
            anywhere = {tuple(r) for r in conn.execute(sql.replace("file = ?", "1"))}
            n = len(held[kind] - anywhere)
            if n:
                lost.append(f"{n} {kind}{'s' if n != 1 else ''}")
        if not lost:
            return
        what = lost[0] if len(lost) == 1 else ", ".join(lost[:-1]) + " and " + lost[-1]
        verb = "is" if len(lost) == 1 and what.startswith("1 ") else "are"
        path = self.layout.root / rel
        if path.exists():           # emptied (an editor's crash, a full disk, a truncating tool): as deleted
            self.notices.append(f"{shown(rel)} is empty now: its {what} {verb} no longer in the knowledge base "
                                f"(git checkout {shell_word(rel)} to restore, if it was emptied by mistake)")
            return
        renamed = [path for path, base in claims_misnamed(self.layout) if f"claims/{base}" == rel]
        if renamed:
            there = self.layout.relative(renamed[0])
            self.notices.append(f"{shown(rel)} is gone, and {shown(there)} holds quotes, claims or checks under a name kb reads "
                                f"as no claims file's ({misnamed_why(renamed[0])}): its {what} {verb} no "
                                f"longer in the knowledge base (mv {shell_word(there)} {shell_word(rel)} to restore)")
            return
        moved = claims_out_of_reach(self.layout, rel.removeprefix("claims/"), limit=1)
        if moved:
            there = self.layout.relative(moved[0])
            self.notices.append(f"{shown(rel)} was moved to {shown(there)}, where kb reads no claims file: its {what} {verb} "
                                f"no longer in the knowledge base (mv {shell_word(there)} claims/ to restore)")
            return
        if elsewhere:       # the index of another copy (.kb/ copied in): this folder may never have held it
            self.notices.append(f"{shown(rel)} is not here: its {what} {verb} no longer in the knowledge base; the index "
                                "was made from another copy of these files (a .kb/ copied in?), which held it: if this "
                                f"knowledge base never did, nothing is lost (else git checkout {shell_word(rel)} restores it)")
            return
        self.notices.append(f"{shown(rel)} was deleted: its {what} {verb} no longer in the knowledge base "
                            f"(git checkout {shell_word(rel)} to restore)")

    def _reindex_one(self, rel: str, current: dict[str, Path], derive, on_error) -> bool:
        """Re-index one truth file in its own transaction (a savepoint inside a batch);
        False when it is malformed and `on_error` took the error."""
        path = current.get(rel)
        try:
            with transaction(self.db):
                if rel == BIB_REL:
                    self.reindex_bib(load_bib(self.layout), edited=True)
                else:
                    self.reindex_claims(rel, path if path is not None and path.exists() else None)
                self._derive(derive)
        except FileFormatError as exc:
            self.pending = Changes()
            if on_error is None:
                raise
            on_error(rel, exc)
            return False
        return True

    def _derive(self, derive: Callable[[Changes], None] | None) -> None:
        """Hand what is pending to `derive`; without one, it stays pending (kb rebuild
        derives once, after everything is indexed)."""
        if derive is None:
            return
        changes, self.pending = self.pending, Changes()
        if changes:
            derive(changes)

    def reindex_bib(self, bibfile: BibFile | None = None, metas: dict | None = None,
                    written: tuple[str, list[tuple[int, int]] | None] | None = None, edited: bool = False) -> None:
        """Make the papers table match references.bib. Only entries whose type or fields
        differ from what the index holds are rendered again (LaTeX to text, names, ids)
        and written; an entry that only moved gets its new position. So adding one paper
        to a references.bib of 10,000 renders one entry, not 10,000. `metas`: key ->
        (fields, from_bib_fields of them) a caller has read already (kb import), used for
        the entry whose fields are that very dict. `written`: bibfile.render_with_owned()
        when the caller rendered it to write the file (not rendered twice). `edited`: the
        file was changed by someone else than kb (a sync): an entry gone from it that
        quotes or claims still cite is said, once (`notices`)."""
        db = self.db
        bibfile = bibfile or load_bib(self.layout)
        previous = {row[0]: row for row in db.conn.execute(
            "select citekey, origin, metadata_status, fields, title_norm, first_author, entry_type, position, "
            "arxiv_id, doi from papers")}
        current = _rendered_as_now(db.conn)
        rows, moved, keys = [], [], set()
        entries = bibfile.all_entries()
        parents = crossref_parents(entries)
        owned = bibfile.owned_keys()
        for i, e in enumerate(entries):
            if i % _ENTRIES_A_REPORT == 0 and len(entries) > _ENTRIES_A_REPORT:
                # A references.bib written or pasted by hand of 200,000 entries takes a first
                # reading of minutes: said as it goes, where a command sat silent.
                self.progress("indexing references.bib", i, len(entries), "entries")
            if not is_work(e.entry_type):      # an @xdata or @set is data for papers, none itself
                continue
            keys.add(e.key)
            old = previous.get(e.key)
            # an entry with a crossref or xdata is rendered again each time: what it names may have changed
            # or gone; what its @xdata gives it is its own, before what its crossref parent lends
            lent = lent_to(bibfile, e, parents)
            if current and old is not None and old[6] == e.entry_type and "crossref" not in e.fields \
                    and "xdata" not in e.fields \
                    and old[3] == json.dumps(e.fields, ensure_ascii=False):
                if old[7] != i:
                    moved.append((i, e.key))
                continue
            read = metas.get(e.key) if metas and not lent else None
            rows.append(paper_row(e.key, e.entry_type, e.fields, i,
                                  {"origin": old[1], "metadata_status": old[2]} if old else None,
                                  meta=read[1] if read is not None and read[0] is e.fields else None, lent=lent,
                                  owned=old is not None or e.key in owned
                                  or any(a in owned for a in citekeys.aliases(e.fields))))
        if len(entries) > _ENTRIES_A_REPORT:
            self.progress("indexing references.bib", len(entries), len(entries), "entries")
        gone = [k for k in previous if k not in keys]
        if edited and gone and not entries and not bibfile.text.strip():
            # saved empty (an editor's crash, a full disk, a truncating tool): every paper gone, said by
            # none where no quote cited it ('no papers yet'), as an emptied claims file is said
            n = len(gone)
            self.notices.append(f"{self.layout.relative(self.layout.bib)} is empty now: its {n:,} "
                                f"paper{'s are' if n != 1 else ' is'} no longer in the knowledge base (git checkout "
                                f"{shell_word(self.layout.relative(self.layout.bib))} to restore, if it was emptied "
                                "by mistake)")
        if edited and gone:         # a key renamed by hand: a new entry with the title of the one gone
            # the entry whose ids field keeps the old key first (split in two by hand, one keeping it there)
            kept = {citekeys.key_form(a): e.key for e in entries for a in citekeys.aliases(e.fields)}
            renamed = {k: [kept[citekeys.key_form(k)]] if citekeys.key_form(k) in kept else
                       [r["citekey"] for r in rows if r["citekey"] not in previous
                        and r["title_norm"] and r["title_norm"] == previous[k][4]] for k in gone}
            self._say_gone(gone, renamed)
        for key in gone:
            delete_paper_rows(db, key)
        self._say_odd_keys([r["citekey"] for r in rows if r["citekey"] not in previous], entries)
        if moved:
            db.conn.executemany("update papers set position = ? where citekey = ?", moved)
        if rows:
            _upsert_papers(db.conn, rows, previous)
            # an entry now naming another work (two keys swapped by hand, an entry pasted over another's):
            # the texts filed under its key that are now another entry's work go to that entry
            self._unfile_texts_of_other_works([r["citekey"] for r in rows if r["citekey"] in previous and any(
                previous[r["citekey"]][n] != r[c] for n, c in ((4, "title_norm"), (8, "arxiv_id"), (9, "doi")))])
            self._ids_from_sources([r["citekey"] for r in rows if not r["arxiv_id"] or not r["doi"]])
        # Papers added, removed or edited may change who cites whom, both ways.
        # (A paper whose title or first author now normalises differently counts too.)
        self.pending.papers |= set(gone) | {
            r["citekey"] for r in rows
            if r["citekey"] not in previous
            or any(previous[r["citekey"]][n] != r[c] for n, c in ((3, "fields"), (4, "title_norm"),
                                                                  (5, "first_author")))}
        # an identifier or title given where there was one (one taken out, or lent from a source, is no other work)
        self.pending.reidentified |= {r["citekey"] for r in rows if r["citekey"] in previous
                                      and any(previous[r["citekey"]][n] and r[c] and previous[r["citekey"]][n] != r[c]
                                              for n, c in ((4, "title_norm"), (8, "arxiv_id"), (9, "doi")))}
        if not current:
            db.conn.execute("insert or replace into meta (key, value) values ('paper_rendering', ?)",
                            [PAPER_RENDERING])
        self.pending.bib = True
        self.record_undefined(bibfile)
        record_file(db, BIB_REL, self.layout.bib)
        # Where the kb-owned lines are in the text written (the caller wrote bibfile.render(),
        # or read the file as it is), so the next kb add appends to it unread. Any other
        # file on disk fails owned_spans' sha256 and is read.
        text, spans = written or bibfile.render_with_owned()
        if spans is not None:
            self.record_owned_spans(text, spans)

    def _say_odd_keys(self, new: list[str], entries: list) -> None:
        """A key just written into references.bib (by hand, or by kb import of a person's file)
        that holds a character nobody sees or looks like another key (citekey.odd_keys): the
        entry is indexed as written and this is said once, as kb doctor says it every time."""
        lines = {e.key: e.line for e in entries} if new else {}
        if all(k.isascii() and k.isprintable() for k in lines):
            return
        looks = {citekeys.skeleton(k) for k in new}
        for key, what in citekeys.odd_keys(lines):
            if key in new or citekeys.skeleton(key) in looks:
                self.notices.append(odd_key_notice(lines[key], key, what))

    def _say_gone(self, gone: list[str], renamed: dict[str, list[str]]) -> None:
        """Entries taken out of references.bib by hand whose quotes or claims stay in claims/:
        said once, with what they hold, where the entry is now when a .bib beside references.bib
        holds it (kb reads references.bib alone), or the key it was renamed to."""
        conn = self.db.conn
        for key in gone[:20]:
            quotes = conn.execute("select count(*) from quotes where citekey = ?", [key]).fetchone()[0]
            claims = conn.execute("select count(*) from claims where citekey = ?", [key]).fetchone()[0]
            if not quotes and not claims:
                continue
            held = " and ".join(f"{n} {kind}{'s' if n != 1 else ''}" for n, kind in ((quotes, "quote"),
                                                                                    (claims, "claim")) if n)
            # an entry of its title under a new key first: the file it was imported from, left
            # beside references.bib, holds the old key too, and moving that back made a duplicate
            where = [] if len(renamed.get(key, [])) == 1 else \
                [p.name for p in sorted(self.layout.root.glob("*.bib"))
                 if p.name != self.layout.bib.name and _holds_key(p, key)]
            if len(renamed.get(key, [])) == 1:
                new = renamed[key][0]
                try:
                    own = self.layout.claims_file(new)
                except UsageError:              # a key no file can be named for
                    own = None
                how = (f"its work is under {new} now, whose own {self.layout.relative(own)} is there too: move "
                       "what its old claims file holds into it, then delete that one; else restore the entry"
                       if own is not None and os.path.lexists(own) else
                       f"{rename_hint(key, new)}; else restore the entry")
            elif where:
                how = (f"{where[0]} holds it, but kb reads references.bib alone: move the entry back into "
                       "references.bib")
            else:
                files = [r[0] for r in conn.execute("select file from quotes where citekey = ? union "
                                                    "select file from claims where citekey = ? order by 1",
                                                    [key, key])]
                how = f"restore the entry, or remove them from {', '.join(files[:3])} if you no longer want them"
            verb = "cites" if quotes + claims == 1 else "cite"
            self.notices.append(f"{key} is no longer in references.bib, but its {held} still {verb} it "
                                f"(kb verify fails them): {how}")

    # -- one new entry kb appended to references.bib (kb add), without reading the file --------

    def bib_in_step(self) -> bool:
        """Whether the index holds references.bib as it is on disk (the identity recorded is
        the file's now) and rendered as this kb renders entries: an entry appended to the
        file can then be indexed alone (add_entry), the others read from the index."""
        row = self.db.conn.execute("select size, mtime_ns, ctime_ns, inode from files where path = ?",
                                   [BIB_REL]).fetchone()
        return row is not None and tuple(row) == identity(self.layout.bib) and _rendered_as_now(self.db.conn)

    def owned_spans(self, text: str) -> list[tuple[int, int]] | None:
        """Where the `% kb-owned:` lines of references.bib are, if the index knows it for
        exactly this text (recorded when kb last read or wrote the file); None if not."""
        row = self.db.conn.execute("select value from meta where key = 'bib_owned'").fetchone()
        if row is None:
            return None
        known = json.loads(row[0])
        if known.get("sha256") != hashlib.sha256(text.encode("utf-8")).hexdigest():
            return None
        return [(start, end) for start, end in known["spans"]]

    def record_undefined(self, bibfile: BibFile) -> None:
        """Remember the fields of references.bib that use an @string macro it never defines
        (kb reads the macro's name as the text, BibTeX as nothing), or one defined through such
        a macro (`@string{a = a}`), so listings flag them without reading the file: citekey ->
        [[field, macro, line, value as written], ...], each of the second kind followed by the
        undefined macro its definition uses and that definition's line. And the keys of its
        @xdata and @set entries, with their types (`bib_data`: queries.no_paper names them)."""
        found = {e.key: [[name, macros[0], e.field_lines.get(name, e.line), e.raw_fields.get(name, "")]
                         for name, macros in e.undefined.items() if name]
                 + [[name, macro, e.field_lines.get(name, e.line), e.raw_fields.get(name, ""), root, at]
                    for name, (macro, root, at) in e.through_undefined.items()]
                 for e in bibfile.all_entries() if any(e.undefined) or e.through_undefined}
        if found:
            self.db.conn.execute("insert or replace into meta (key, value) values ('bib_undefined', ?)",
                                 [json.dumps(found, ensure_ascii=False)])
        else:
            self.db.conn.execute("delete from meta where key = 'bib_undefined'")
        # the @xdata and @set entries (no papers), so a command given one's key says what it is
        data = {e.key: e.entry_type for e in bibfile.all_entries() if not is_work(e.entry_type)}
        if data:
            self.db.conn.execute("insert or replace into meta (key, value) values ('bib_data', ?)",
                                 [json.dumps(data, ensure_ascii=False)])
        else:
            self.db.conn.execute("delete from meta where key = 'bib_data'")
        self.db.conn.execute("insert or replace into meta (key, value) values ('bib_reading', ?)",
                             [stale.BIB_READING])

    def record_owned_spans(self, text: str, spans: list[tuple[int, int]]) -> None:
        """Remember where references.bib's `% kb-owned:` lines are in `text` (found by reading
        it: BibFile.owned_spans), so the next new entry is appended without reading it again."""
        value = json.dumps({"sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                            "spans": [list(span) for span in spans]})
        self.db.conn.execute("insert or replace into meta (key, value) values ('bib_owned', ?)", [value])

    def add_entry(self, entry, position: int) -> None:
        """Index one entry just appended to references.bib (a BibEntry at `position`, the
        last), as reindex_bib would, when the rest of the file is indexed already (bib_in_step)."""
        row = paper_row(entry.key, entry.entry_type, entry.fields, position)
        held = {r[0] for r in self.db.conn.execute("select citekey from papers where citekey = ?", [entry.key])}
        _upsert_papers(self.db.conn, [row], held)
        if not row["arxiv_id"] or not row["doi"]:
            self._ids_from_sources([entry.key])
        self.pending.papers.add(entry.key)
        self.pending.bib = True
        record_file(self.db, BIB_REL, self.layout.bib)

    def _unfile_texts_of_other_works(self, keys: list[str]) -> None:
        """The texts of papers in `keys` (their entries' title or identifiers just edited) taken off
        them where every text filed under the key is the work of another entry of references.bib now
        and none is still this entry's work (two keys swapped by hand: 'turing' now titles the paper
        'futoma' held, and the reverse): attach_cached_sources then files each under its work. A
        text that leads to no other entry stays (its title corrected or replaced by hand: kb doctor
        says a key naming another work than its text), nor does one of a key whose new work has no text."""
        if not keys:
            return
        db = self.db
        papers = None
        for key in keys:
            shas = [r[0] for r in db.conn.execute("select sha256 from versions where citekey = ? and text_status = 'ok'"
                                                  " and sha256 is not null", [key])]
            if not shas:
                continue
            if papers is None:
                papers = {row["citekey"]: row for row in db.query("select citekey, arxiv_id, doi, title_norm "
                                                                  "from papers")}
            manifests = [self.sources.get(sha) for sha in shas]
            if any(m is None or still_its_work(m.filed_as(key), papers[key]) for m in manifests):
                continue
            elsewhere = [sources_of_papers(m, papers) for m in manifests]
            if not all(targets and key not in targets for targets in elsewhere):
                continue
            # and only where the work its entry names now has a text to take their place (a key given to a work
            # kb holds no text of keeps the text it held: kb verify and kb doctor say it names another work)
            if not any(key in sources_of_papers(m, papers) for m in self.sources.all() if m.sha256 not in shas):
                continue
            db.execute("delete from second_pages where version_id in (select id from versions where citekey = ?)",
                       [key])
            for table in ("pages", "versions", "refs", "candidates", "text_numbers", "cite_contexts", "derive_later",
                          "refs_later"):
                db.execute(f"delete from {table} where citekey = ?", [key])
            db.execute("delete from citations where citing = ?", [key])
            self.pending.papers.add(key)

    def _ids_from_sources(self, citekeys: list[str]) -> None:
        """The arXiv id and DOI of papers whose entries name none, from the sources kb holds
        for them: `kb add arxiv:X` on an entry the user wrote keeps the entry as written, and
        the index still knows the paper as arXiv:X (references naming it link, `kb show`
        says it). Only the papers given, and only their versions' manifests are read."""
        db = self.db
        newest_first = "select citekey, sha256 from versions where sha256 is not null"
        if len(citekeys) > IDS_IN_ONE_READ:     # an import, a rebuild: one read of versions, not one a paper
            wanted, held = set(citekeys), {}
            for key, sha in db.conn.execute(newest_first + " order by id desc"):
                if key in wanted:
                    held.setdefault(key, []).append(sha)
            found = [(key, held[key]) for key in citekeys if key in held]
        else:
            found = [(key, [r[1] for r in db.conn.execute(newest_first + " and citekey = ? order by id desc",
                                                          [key])]) for key in citekeys]
        for key, shas in found:
            for sha in shas:
                m = self.sources.get(sha)
                if m is None:
                    continue
                before = db.conn.total_changes
                # never an id another entry holds (two keys swapped by hand: the text still filed under the
                # key was the other entry's work, and lent its id to this one)
                if m.arxiv_id:
                    db.execute("update papers set arxiv_id = ? where citekey = ? and arxiv_id is null and not exists "
                               "(select 1 from papers o where o.arxiv_id = ? and o.citekey != ?)",
                               [m.arxiv_id, key, m.arxiv_id, key])
                if m.doi and m.metadata_complete:       # (an older kb filed a PDF's page-1 DOI unchecked)
                    db.execute("update papers set doi = ? where citekey = ? and doi is null and not exists "
                               "(select 1 from papers o where o.doi = ? and o.citekey != ?)", [m.doi, key, m.doi, key])
                if db.conn.total_changes != before:
                    self.pending.papers.add(key)       # references naming the id may link now

    def forget_claims(self, rel: str) -> None:
        """Remove the rows indexed from one claims file (not its `files` record)."""
        # A dismissal taken out of the file by hand makes its candidate unreviewed again.
        self.db.execute("update candidates set status = 'unreviewed' where status = 'dismissed' and exists "
                        "(select 1 from dismissals d where d.file = ? and d.citekey = candidates.citekey and "
                        "d.version = candidates.version and d.page = candidates.page and d.start = candidates.start)",
                        [rel])
        for table in ("quotes", "claims", "units", "checks", "paper_settings", "restatements", "dismissals"):
            self.db.execute(f"delete from {table} where file = ?", [rel])

    def _decisions(self, rel: str) -> tuple[dict, dict, dict]:
        """The derive step's decisions on the claims and quotes indexed from `rel` (Changes.decided,
        .based, .quotes_decided)."""
        decided, based, quoted = {}, {}, {}
        for status, number, value, unit, quote, per, doubt, base_value, base_unit, citekey, version, page \
                in self.db.execute("select status, number, value, unit, quote, per, doubt, base_value, base_unit, "
                                   "citekey, version, page from claims where file = ? and kind = 'claim'",
                                   [rel]).fetchall():
            decided[(status, number, unit, quote, per, citekey, version, page)] = doubt
            if base_unit is not None:
                based[(value, unit, number)] = (base_value, base_unit)
        for citekey, version, text, page, page_end, spans, prefix, suffix, extractor, doubt in self.db.execute(
                "select citekey, version, text, page, page_end, spans, prefix, suffix, extractor, doubt from quotes "
                "where file = ? and status = 'verified'", [rel]).fetchall():
            quoted[(citekey, version, text, page, page_end, spans, prefix, suffix, extractor)] = doubt
        return decided, based, quoted

    def _used_ids(self, sql: str, ids: list[str], params: list | None = None) -> dict[tuple[str | None, str], str]:
        """{(citekey or None, id): file} of the rows `sql` (selecting id, citekey, file where
        id in ({}), after the `params` its other conditions take) finds for `ids`."""
        used: dict[tuple[str | None, str], str] = {}
        for chunk in chunks(list(dict.fromkeys(ids))):
            for ident, citekey, file in self.db.execute(sql.format(",".join("?" * len(chunk))),
                                                        [*(params or []), *chunk]):
                used.setdefault((citekey, ident), file)
        return used

    def _where_held(self, other: str, rel: str, record) -> str:
        """Where the record of `record`'s id (a unit's name) held by the claims file `other` is:
        'in claims/a.toml:9' ('in claims/a.toml' named no line where the second's line was named). The other file is read
        again only here, to say it: a file that no longer reads is named without a line."""
        if other == rel:
            return _where(other, rel)
        try:
            doc = claimsfile.load(self.layout.root / other, Layout.citekey_of(Path(other)), other)
        except (KBError, OSError):
            return _where(other, rel)
        if isinstance(record, claimsfile.UnitRec):
            same = [u.line for u in doc.units if u.name == record.name]
        else:
            same = [r.line for r in (doc.quotes if isinstance(record, claimsfile.QuoteRec) else doc.claims)
                    if r.id == record.id and (isinstance(record, claimsfile.QuoteRec) or r.citekey == record.citekey)]
        return f"in {shown(other)}:{same[0]}" if same and same[0] else _where(other, rel)

    def _copied(self, rel: str, clash: str) -> str:
        """The hint of a quote id two claims files hold: where one is a paper's own claims file and the other,
        named for no paper, says on its first line that it holds that paper's records (a copy, or a file
        renamed by hand beside the one kb writes), which to keep."""
        for mine, own in ((rel, clash), (clash, rel)):
            named = renamed_claims_file(self.db.conn, self.layout.root, mine, Layout.citekey_of(Path(mine)))
            if named is not None and own == self.layout.relative(self.layout.claims_file(named)):
                return (f"{mine} says it holds the quotes and claims of {named}, whose own file is {own}: "
                        f"a copy? delete {mine}, or move what it adds into {own}")
        return "quote ids must be unique in the knowledge base"

    def _insert_records(self, rel: str, quotes: list, quote_rows: list, claims: list, claim_rows: list,
                        before: list = ()) -> None:
        """Index quotes and claims of the claims file `rel` (records and their rows, in the
        file's order). Each id is checked against the rows held (one query per 500 ids) and
        the records before it, then all are inserted at once."""
        used = self._used_ids("select id, null, file from quotes where id in ({})", [q.id for q in quotes])
        for q in quotes:
            clash = used.get((None, q.id))
            if clash:
                raise FileFormatError(f"quote id {q.id!r} is also used " + self._where_held(clash, rel, q), path=rel,
                                      line=q.line, hint=self._copied(rel, clash))
            used[(None, q.id)] = rel
        self.db.conn.executemany(
            "insert into quotes (id, citekey, version, text, topics, status, method, page, page_end, "
            "spans, prefix, suffix, extractor, note, file) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", quote_rows)
        # A claim's id is its paper's (UNIQUE (citekey, id)): asked paper by paper, since the same
        # id in every paper ("energy") would otherwise bring every paper's row for each file.
        by_paper: dict[str | None, list[str]] = {}
        for c in claims:
            by_paper.setdefault(c.citekey, []).append(c.id)
        used = {}
        for citekey, ids in by_paper.items():
            used.update(self._used_ids("select id, citekey, file from claims where citekey is ? and id in ({})",
                                       ids, [citekey]))
        here: dict[tuple, int | None] = {}      # the line of each claim of this file, to name the first
        for c in claims:
            clash = used.get((c.citekey, c.id))
            if clash:
                first = (here.get((c.citekey, c.id)) or next((b.line for b in before if (b.citekey, b.id)
                                                             == (c.citekey, c.id)), None)) if clash == rel else None
                raise FileFormatError(f"claim id {c.id!r} is defined twice (also "
                                      + (f"at line {first}" if first else self._where_held(clash, rel, c)) + ")",
                                      path=rel, line=c.line,
                                      hint="two [[claim]] with one id, as a merge can leave them: keep one, "
                                           "or give the other a new id" if first else None)
            used[(c.citekey, c.id)] = rel
            here[(c.citekey, c.id)] = c.line
        self.db.conn.executemany(
            "insert into claims (id, citekey, kind, number, value, unit, per, "
            "quote, quote_id, page, version, topics, status, file) "
            "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", claim_rows)

    def _appended_to(self, rel: str, doc, quote_rows: list, claim_rows: list) -> tuple[int, int] | None:
        """(quotes, claims) indexed from `rel` when the file now holds them first, in the same
        order, then only more quotes and claims (the rest of the file as indexed: its units,
        checks and their lines, settings, judged restatements, dismissals); else None."""
        conn = self.db.conn
        held_quotes = conn.execute("select id, citekey, version, text, topics, status, method, page, page_end, "
                                   "spans, prefix, suffix, extractor, note, file from quotes where file = ? "
                                   "order by rowid", [rel]).fetchall()
        held_claims = conn.execute("select id, citekey, kind, number, value, unit, per, quote, quote_id, page, "
                                   "version, topics, status, file from claims where file = ? order by rowid",
                                   [rel]).fetchall()
        if not held_quotes and not held_claims:
            return None
        if quote_rows[:len(held_quotes)] != held_quotes or claim_rows[:len(held_claims)] != held_claims:
            return None
        rest = (
            ("select anchor from paper_settings where file = ?", [(doc.paper.get("anchor"),)] if doc.paper else []),
            ("select name, definition, citekey from units where file = ? order by rowid",
             [(u.name, u.definition, u.citekey) for u in doc.units]),
            ("select id, stated, expr, tolerance, note, line from checks where file = ? order by rowid",
             [(ch.id, ch.stated, ch.expr, ch.tolerance, ch.note, ch.line) for ch in doc.checks]),
            ("select id, citekey, cited, page, figure, verdict, note from restatements where file = ? order by rowid",
             [(r.id, r.citekey, r.cited, r.page, r.figure, r.verdict, r.note) for r in doc.restatements]),
            ("select citekey, version, page, start, number from dismissals where file = ? order by rowid",
             [(d.citekey, d.version, d.page, d.start, d.number) for d in doc.dismissed]),
        )
        if any(conn.execute(sql, [rel]).fetchall() != rows for sql, rows in rest):
            return None
        return len(held_quotes), len(held_claims)

    def reindex_claims(self, rel: str, path: Path | None) -> None:
        """Replace the rows indexed from one claims file."""
        db = self.db
        held = self._forgotten.pop(rel, None)
        if held is None and rel not in self.pending.claims_files:   # its rows were decided (not waiting to be)
            held = self._decisions(rel)
        if held is not None:
            self.pending.decided.update(held[0])
            self.pending.based.update(held[1])
            self.pending.quotes_decided.update(held[2])
        self.pending.claims_files.add(rel)
        if path is None:
            self.forget_claims(rel)
            db.execute("delete from files where path = ?", [rel])
            return
        # The key the file's name gives, whether or not references.bib has it now: what is
        # indexed from a claims file depends on that file alone, never on the order files
        # were indexed in (an entry deleted by hand leaves its quotes indexed under its key,
        # and kb verify / kb doctor say the paper is missing, instead of every command failing).
        stem = Layout.citekey_of(path)       # the key, unescaped (Layout.claims_file)
        doc = claimsfile.load(path, stem, rel)
        quote_rows = [(q.id, q.citekey, q.version, q.text, json.dumps(q.topics, ensure_ascii=False), q.status,
                       q.method, q.page, q.page_end, json.dumps(q.spans), q.prefix, q.suffix, q.extractor,
                       q.note, rel) for q in doc.quotes]
        claim_rows = [(c.id, c.citekey, "claim", *claim_numbers(c.value), c.per, c.quote, c.quote_id, c.page,
                       c.version, json.dumps(c.topics, ensure_ascii=False), c.status, rel) for c in doc.claims]
        kept = self._appended_to(rel, doc, quote_rows, claim_rows)
        if kept is not None:
            # The file as indexed with records after it (kb claim add, kb quote add): those alone
            # are indexed, its other rows kept as they are with what was decided of them.
            self._insert_records(rel, doc.quotes[kept[0]:], quote_rows[kept[0]:],
                                 doc.claims[kept[1]:], claim_rows[kept[1]:], doc.claims[:kept[1]])
            record_file(db, rel, path)
            return
        self.forget_claims(rel)
        if doc.paper:
            db.execute("insert or replace into paper_settings (citekey, anchor, file) values (?,?,?)",
                       [doc.citekey, doc.paper.get("anchor"), rel])
        self._insert_records(rel, doc.quotes, quote_rows, doc.claims, claim_rows)
        for u in doc.units:
            clash = db.execute("select file from units where name = ?", [u.name]).fetchone()
            if clash:
                raise FileFormatError(f"unit {u.name!r} is defined twice (also {self._where_held(clash[0], rel, u)})",
                                      path=rel, line=u.line)
            db.execute("insert into units (name, definition, citekey, file) values (?,?,?,?)",
                       [u.name, u.definition, u.citekey, rel])
        for ch in doc.checks:
            clash = db.execute("select file, line from checks where id = ?", [ch.id]).fetchone()
            if clash:
                first = (f"at line {clash[1]}" if clash[0] == rel else f"in {shown(clash[0])}:{clash[1]}") \
                    if clash[1] else _where(clash[0], rel)
                raise FileFormatError(f"check id {ch.id!r} is defined twice (also {first})",
                                      path=rel, line=ch.line)
            db.execute("insert into checks (id, stated, expr, tolerance, note, file, line) "
                       "values (?,?,?,?,?,?,?)", [ch.id, ch.stated, ch.expr, ch.tolerance, ch.note, rel, ch.line])
        for rs in doc.restatements:     # judged by a person (kb audit --accept); kb audit reports them no more
            db.execute("insert or replace into restatements (id, citekey, cited, page, figure, verdict, note, "
                       "file) values (?,?,?,?,?,?,?,?)",
                       [rs.id, rs.citekey, rs.cited, rs.page, rs.figure, rs.verdict, rs.note, rel])
        for d in doc.dismissed:
            db.execute("insert into dismissals (citekey, version, page, start, number, file) values (?,?,?,?,?,?)",
                       [d.citekey, d.version, d.page, d.start, d.number, rel])
            db.execute("update candidates set status = 'dismissed' where citekey = ? and version = ? and page = ? "
                       "and start = ? and status = 'unreviewed'", [d.citekey, d.version, d.page, d.start])
        record_file(db, rel, path)

    # -- versions and page text ---------------------------------------------------------------

    def store_version(self, citekey: str, version: str, *, manifest: Manifest | None = None,
                      pages: list[str] | None, extractor: str | None, text_status: str,
                      text_message: str | None = None, second=None, references: list | None = None,
                      unread: dict[int, str] | None = None) -> int:
        """Insert or replace one version of a paper with its page text (and `second`,
        a pdf.Extracted: the other extractor's pages, kept beside them; `references`,
        the reference list parsed from these very pages, for the derive step; `unread`,
        the pages kept empty as unread, {page: why} (pdf.unread_pages), None where not known)."""
        db = self.db
        old = db.execute("select id from versions where citekey = ? and version = ?",
                         [citekey, version]).fetchone()
        if old:
            db.execute("delete from pages where version_id = ?", [old[0]])
            db.execute("delete from versions where id = ?", [old[0]])
        cur = db.execute(
            "insert into versions (citekey, version, sha256, source_kind, source_url, page_count, "
            "extractor, text_status, text_message, added_at, unread) values (?,?,?,?,?,?,?,?,?,?,?)",
            [citekey, version, manifest.sha256 if manifest else None,
             manifest.kind if manifest else None, manifest.source_url if manifest else None,
             len(pages) if pages is not None else None, extractor, text_status, text_message,
             time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(manifest.added_at if manifest else time.time())),
             json.dumps({str(n): why for n, why in sorted(unread.items())}) if unread is not None and pages else None])
        version_id = cur.lastrowid
        if pages:
            db.conn.executemany(
                "insert into pages (version_id, citekey, version, page, text) values (?,?,?,?,?)",
                [(version_id, citekey, version, i + 1, text) for i, text in enumerate(pages)])
            self.pending.texts.append((citekey, version))
            if references is not None:
                self.pending.references[(citekey, version)] = references
            if second is not None and second.pages:
                db.conn.executemany(
                    "insert into second_pages (version_id, page, extractor, text) values (?,?,?,?)",
                    [(version_id, i + 1, second.extractor, text) for i, text in enumerate(second.pages)])
        if manifest is not None and (manifest.arxiv_id or manifest.doi):
            self._ids_from_sources([citekey])
        return version_id

    def load_source(self, manifest: Manifest) -> tuple[list[str] | None, str | None, str, str | None, object, dict | None]:
        """(pages, extractor, text_status, message, second, unread) for a cached source; `second`
        is a PDF's second extraction (pdf.Extracted) when its plan has one, else None; `unread`
        the pages kept empty as unread (pdf.unread_pages), none of a page text."""
        try:
            data = self.sources.read(manifest)
        except FileNotFoundError:       # deleted by hand: its version has no text (kb doctor names it)
            return None, None, "corrupt", f"its cached source {manifest.filename} is missing", None, None
        except FileFormatError as exc:  # replaced by hand: another file's text is never this version's
            return None, None, "corrupt", exc.message, None, None
        if manifest.kind == "text":
            try:
                pages = parse_text_source(data, manifest.filename)
            except FileFormatError as exc:    # a damaged cache entry must not stop every command
                return None, None, "corrupt", str(exc), None, None
            return pages, manifest.extractor or "unknown", "ok", None, None, {}
        label = manifest.source_url or manifest.filename
        try:
            # The plan the source was added with (pdf.extract_plan); none recorded: pypdf,
            # the one extractor kb had, so the offsets of quotes stay where they were.
            result = extract_plan(data, manifest.extractor or "pypdf", self.limits(), source=label,
                                  progress=lambda done, total: self.progress(label, done, total, "pages"))
        except PDFError as exc:
            status = "encrypted" if "encrypted" in exc.message else "corrupt"
            return None, None, status, exc.message, None, None
        except LimitExceeded as exc:
            return None, None, "over-limit", exc.message, None, None
        if result.status != "ok":
            return None, result.extractor, result.status, result.message, None, None
        return result.pages, result.extractor, "ok", None, result.second, unread_pages(result)

    def attach_cached_sources(self, citekeys: list[str] | None = None,
                              derive: Callable[[Changes], None] | None = None) -> int:
        """Give papers whose versions are missing from the index their cached text,
        one transaction per version."""
        db = self.db
        manifests = self.sources.all()
        if not manifests:
            return 0
        papers = {row["citekey"]: row for row in db.query("select citekey, arxiv_id, doi, title_norm from papers")}
        have = {(r["citekey"], r["version"]) for r in db.query("select citekey, version from versions")}
        attached = 0
        wanted = [(m, citekey, version) for m in manifests for citekey in sources_of_papers(m, papers)
                  for version in m.filed_versions(citekey)
                  if (citekeys is None or citekey in citekeys) and (citekey, version) not in have]
        # Two sources of one version (a PDF, and page text loaded over it with kb text load
        # --replace): the one filed last is the version's text, as it was when it was filed.
        newest: dict[tuple[str, str], Manifest] = {}
        for m, citekey, version in wanted:
            held = newest.get((citekey, version))
            if held is None or m.added_at > held.added_at:
                newest[(citekey, version)] = m
        for m, citekey, version in wanted:
            if (citekey, version) in have or newest[(citekey, version)] is not m:
                continue
            self.attach_source(m, citekey, derive, version=version)
            have.add((citekey, version))
            attached += 1
        return attached

    def attach_source(self, m: Manifest, citekey: str,
                      derive: Callable[[Changes], None] | None = None, *, version: str | None = None) -> None:
        """Index one cached source as `citekey`'s version `version` (by default `m.version`),
        in one transaction (its text extracted again as its manifest says), and file it
        under the paper."""
        db = self.db
        pages, extractor, status, message, second, unread = self.load_source(m)
        with transaction(db):
            self.store_version(citekey, m.version if version is None else version, manifest=m, pages=pages,
                               extractor=extractor, text_status=status, text_message=message, second=second,
                               unread=unread)
            if not m.metadata_complete:
                db.execute("update papers set metadata_status = 'incomplete', origin = 'pdf' "
                           "where citekey = ? and metadata_status = 'complete' and origin != 'arxiv'",
                           [citekey])
            self._derive(derive)
        if citekey not in m.citekeys:       # filed under a key renamed since: follow the paper
            m.citekeys.append(citekey)
            self.sources.save(m)


def sources_of_papers(manifest: Manifest, papers: dict[str, dict]) -> list[str]:
    """The papers a cached source belongs to: those it was filed under that are still
    the same paper; else (its key renamed by hand, or a command that died before
    filing it) the paper with its arXiv id, else its DOI, else its normalised title.
    A source follows its paper by what the paper is, not by its key."""
    targets = [c for c in manifest.citekeys if c in papers and same_paper(manifest.filed_as(c), papers[c])]
    if targets:
        return targets
    for filed in [manifest] + [manifest.filed_as(c) for c in manifest.identities]:
        for mine, theirs in (("arxiv_id", "arxiv_id"), ("doi", "doi"), ("title", "title_norm")):
            value = getattr(filed, mine)
            found = [c for c, p in papers.items() if p[theirs] == value and c not in targets] if value else []
            if found:
                targets += found
                break
    if not targets:     # its entry's title corrected by hand ('Computng'): still its paper
        targets = [c for c in manifest.citekeys if c in papers and still_its_work(manifest.filed_as(c), papers[c])]
    return targets
