"""Keeping a library day to day: `kb rm`, `kb rename`, `kb tag`, `kb open`, `kb edit`.

Each operation changes the truth files first (references.bib, claims/*.toml,
notes given with --note; cache manifests), each written atomically under the
writer lock, then brings the index in step in one transaction. A command that
dies in between leaves files the next command re-indexes.

A citekey is renamed here and nowhere else: its entry (the old key kept in the
entry's `ids` field, biblatex's aliases, which `resolve_alias` resolves), its
claims file, the checks naming `OLD.claim`, the cached sources filed under it,
its Semantic Scholar list, the index, and citations in notes."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kb.atomic import (
    changed_meanwhile,
    check_writable,
    decode_wide,
    identity,
    not_utf8,
    read_input,
    said,
    saved_encoding,
    undecodable_at,
    utf8_else_cp1252,
    write_bytes,
    write_text,
)
from kb.errors import FileFormatError, NotFound, UsageError, shell_word
from kb.lazyimport import lazy_import
from kb.store import claimsfile
from kb.store.knowledgebase import KB
from kb.store.queries import (
    alias_keys,
    data_entry,
    load_second_text,
    load_text,
    missing_paper,
    no_paper,
    paper_exists,
    rename_hint,
    renamed_claims_file,
    resolve_alias,
    rows_as_dicts,
    versions_with_text,
)
from kb.store.sqlite import transaction
from kb.store.stale import is_claims_name
from kb.text.ascii import unseen_dropped
from kb.text.display import choice_said, close_names, counted
from kb.text.garbled import garbled, replaced
from kb.text.ids import doi_of_field, doi_written
from kb.text.latex import latex_to_text
from kb.text.lazyre import lazy
from kb.text.typed import typed
from kb.text.versions import normalise_version, version_number

#: Characters BibTeX or biber do not accept in a citekey.
_BAD_KEY = lazy(r'[\s,{}()"#%\'=\\~]')
#: A tag kb writes: no spaces (a tag is one word in `kb ls --tag`), no commas (the separator),
#: no backslash (references.bib writes '%', '#', '&' as \%, \#, \&: split_tags reads them back).
_BAD_TAG = lazy(r"[\s,;{}\\\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
#: The LaTeX specials references.bib escapes in a field's text (kb.sources.bibtex.escape_value).
_ESCAPED_SPECIAL = lazy(r"\\([&%#])")
#: A name in a check expression that needs no backticks.
_PLAIN_NAME = lazy(r"[A-Za-z_][A-Za-z0-9_]*")

# Listing and showing papers need none of these: loaded when an entry is read or written.
records = lazy_import("kb.ops.records")
quoteops = lazy_import("kb.ops.quotes")
citekeys = lazy_import("kb.sources.citekey")
index = lazy_import("kb.store.index")
bibtex = lazy_import("kb.sources.bibtex")
pdfsource = lazy_import("kb.sources.pdf")
s2 = lazy_import("kb.sources.s2")
notes_text = lazy_import("kb.text.notes")


# -- finding a paper -----------------------------------------------------------------

def paper_key(kb: KB, key: str) -> str:
    """The citekey of the paper `key` names (its own key, or one in its `ids`)."""
    if kb.conn.execute("select 1 from papers where citekey = ?", [key]).fetchone():
        return key
    alias = resolve_alias(kb.conn, key)
    if alias is None:
        raise not_a_paper(kb, key)
    return alias


def not_a_paper(kb: KB, key: str) -> NotFound:
    """The error for a key no paper has (queries.no_paper); one whose entry was renamed by hand in
    references.bib (renamed_to) said as kb check, verify and doctor say it, where kb show said 'no paper
    cohan2020specter in the knowledge base' and they 'if you renamed it specter2020 ...'."""
    now = quoteops.renamed_to(kb, key)
    if now is not None:
        return NotFound(f"{said(key)} is not in references.bib", hint=rename_hint(key, now))
    held = kb.conn.execute("select file from claims where citekey = ? union all select file from quotes "
                           "where citekey = ? limit 1", [key, key]).fetchone()
    if held is not None:            # a claims file of no paper: what kb verify says of its records
        return NotFound(missing_paper(kb.conn, key, kb.layout.root, held[0]))
    return no_paper(kb.conn, key)


def entry_key(kb: KB, key: str) -> tuple[str, bool]:
    """(the key of references.bib's entry `key` names, whether it is an @xdata or @set entry):
    a paper's (paper_key), else the data entry's, whose key kb rename and kb edit take too."""
    if kb.conn.execute("select 1 from papers where citekey = ?", [key]).fetchone() is None \
            and resolve_alias(kb.conn, key) is None:
        data = data_entry(kb.conn, key)
        if data is not None:
            return data[0], True
    return paper_key(kb, key), False


def _entry_block(bibfile: bibtex.BibFile, key: str):
    block = bibfile.by_key.get(key)
    if block is None:
        raise NotFound(f"no entry {said(key)} in references.bib",
                       hint="the index is behind the file: run `kb rebuild`")
    return block


def _splice(text: str, start: int, end: int, new: str) -> str:
    """`text` with [start, end) replaced by `new`; a removed entry takes its blank line with it
    (lines ending in \n, \r\n or a classic Mac \r alone)."""
    def line_end(at: int) -> int:
        return 2 if text.startswith("\r\n", at) else 1 if text[at:at + 1] in ("\n", "\r") else 0

    if not new:
        while end < len(text) and text[end] in " \t":
            end += 1
        end += line_end(end)
        while line_end(end) and (start == 0 or text[start - 1] in "\r\n"):
            end += line_end(end)
    return text[:start] + new + text[end:]


# -- kb rm ------------------------------------------------------------------------------

@dataclass
class Removal:
    citekey: str
    title: str
    quotes: int
    claims: int
    claims_file: str | None         # relative to the root, when it exists
    sources: int                    # cached sources filed under it (kept until kb doctor --prune)
    also: list[str] = field(default_factory=list)   # what else its claims file holds (claimsfile.also_held)
    lends_to: list[str] = field(default_factory=list)   # entries whose crossref names it (they read fields of it)
    elsewhere: list[str] = field(default_factory=list)  # its claims files kb reads as none of its (kept_elsewhere)
    #: other files holding claims of it by their `paper` field (claims/checks.toml): kept, as what else they hold
    named_in: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def _crossref_children(kb: KB) -> dict[str, list[str]]:
    """parent key (case-folded, as BibTeX matches it) -> the keys of the entries whose
    `crossref` names it."""
    out: dict[str, list[str]] = {}
    for key, fields in kb.conn.execute("select citekey, fields from papers where fields like '%crossref%'"):
        parent = citekeys.field_key(json.loads(fields or "{}").get("crossref"))
        if parent:
            out.setdefault(parent.casefold(), []).append(key)
    return out


def _fields_of(kb: KB, key: str) -> dict[str, str]:
    row = kb.conn.execute("select fields from papers where citekey = ?", [key]).fetchone()
    return json.loads(row[0] or "{}") if row else {}


def kept_elsewhere(kb: KB, keys: set[str]) -> dict[str, list[str]]:
    """The claims files a person keeps for papers `keys` where kb reads none as theirs, by key: moved by
    hand into a subfolder of claims/ (claims/old/p2020.toml), renamed so its name no longer ends in .toml
    (p2020.toml.bak), renamed to a name of no paper whose first line, as kb wrote it, still names the
    paper (claims/notes.toml), or kept under an old key of the paper its `ids` lists (claims/p2019.toml,
    brought back by a merge or a checkout after kb rename). The index counts none of their quotes and claims as the paper's: `kb rm`
    removed such a paper without --force, and `kb doctor --prune` then its text."""
    layout, out = kb.layout, {}
    found = [(path, layout.citekey_of(path)) for path in index.claims_out_of_reach(layout)]
    found += [(path, layout.citekey_of(Path(base))) for path, base in index.claims_misnamed(layout)]
    papers = {r[0] for r in kb.conn.execute("select citekey from papers")}
    orphans = {r[0] for r in kb.conn.execute("select citekey from quotes union select citekey from claims")} - papers
    found += [(layout.claims_file(k), k) for k in sorted(orphans)]
    for path, named in found:
        rel = layout.relative(path)
        key = named if named in keys else (renamed_claims_file(kb.conn, kb.root, rel, named)
                                            or (resolve_alias(kb.conn, named) if named not in papers else None))
        if key in keys and path != layout.claims_file(key) and path.is_file():
            out.setdefault(key, []).append(rel)
    return out


def plan_removal(kb: KB, keys: list[str]) -> list[Removal]:
    """What `kb rm KEY...` would remove, paper by paper."""
    out: list[Removal] = []
    children = _crossref_children(kb)
    for given in dict.fromkeys(keys):
        key = paper_key(kb, given)
        if any(r.citekey == key for r in out):
            continue
        title = kb.conn.execute("select title from papers where citekey = ?", [key]).fetchone()[0]
        quotes = kb.conn.execute("select count(*) from quotes where citekey = ?", [key]).fetchone()[0]
        one_claims_file(kb, key, "nothing removed")
        path = kb.layout.claims_file(key)
        rel = kb.layout.relative(path) if path.exists() else None
        # the claims its claims file holds: one of another file naming it by its `paper` field is kept there
        by_file = dict(kb.conn.execute("select file, count(*) from claims where citekey = ? group by file", [key]))
        claims = by_file.pop(rel, 0) if rel else 0
        named_in = sorted(f for f in by_file if f)
        kb.refuse_unread(rel, f"remove {key} with", "nothing removed")
        also = claimsfile.also_held(claimsfile.read_for_edit(path).text, rel) if rel else []
        out.append(Removal(key, title or "", quotes, claims, rel, len(kb.sources.find(citekey=key)), also,
                           [c for name in dict.fromkeys([key, *citekeys.aliases(_fields_of(kb, key))])
                            for c in children.get(name.casefold(), []) if c != key], named_in=named_in))
    going = {r.citekey for r in out}
    elsewhere = kept_elsewhere(kb, going)
    for r in out:           # an entry removed with its parent reads nothing of it any more
        r.lends_to = [c for c in r.lends_to if c not in going]
        r.elsewhere = elsewhere.get(r.citekey, [])
    return out


def _held_by(r: Removal) -> list[str]:
    """Why `kb rm` keeps a paper unless forced, in words."""
    out = [f"has {counted(r.quotes, 'quote')} and {counted(r.claims, 'claim')}"] if r.quotes or r.claims else []
    if r.also:
        out.append(f"has {', '.join(r.also)} in its claims file {r.claims_file}")
    if r.lends_to:
        out.append(f"is the crossref of {', '.join(r.lends_to)}, which "
                   + ("reads its" if len(r.lends_to) == 1 else "read their") + " year and venue from it")
    if r.elsewhere:
        out.append(f"has quotes or claims in {', '.join(r.elsewhere)}, which kb reads as none of its (moved or "
                   "renamed by hand: `kb doctor` says how to put it back; `kb rm --force` keeps that file)")
    if r.named_in:
        out.append(f"is named by the paper field of claims in {', '.join(r.named_in)} (`kb rm --force` keeps "
                   "them, and kb verify then fails them: remove them there)")
    return out


def remove_papers(kb: KB, keys: list[str], *, force: bool = False, dry_run: bool = False) -> list[Removal]:
    """Remove papers: their references.bib entries, their claims files and their index
    rows. Refused (nothing removed) when one has quotes or claims, unless `force`.
    Cached sources stay until `kb doctor --prune`."""
    with kb.writing():
        plan = plan_removal(kb, keys)
        # A claims file of no quote or claim may still hold what a person wrote there: unit
        # definitions other files' checks use, checks, their comments. Removed only when asked.
        # ... and an entry other entries name as their crossref lends them their year and venue.
        held = [r for r in plan if r.quotes or r.claims or r.also or r.lends_to or r.elsewhere or r.named_in]
        if held and not force and not dry_run:
            what = "; ".join(f"{r.citekey} " + ", and ".join(_held_by(r)) for r in held)
            raise UsageError(f"{what}; nothing removed",
                             hint="`kb rm --force` removes them with the paper (`--dry-run` lists what goes)")
        if dry_run:
            return plan
        bibfile = bibtex.BibFile.load(kb.layout.bib)
        read_as, text = bibfile.read_as, bibfile.text
        for block in sorted((_entry_block(bibfile, r.citekey) for r in plan), key=lambda b: -b.start):
            text = _splice(text, block.start, block.end, "")
        bibfile = bibtex.BibFile(text, str(kb.layout.bib))
        if any(r.citekey in bibfile.owned_keys() for r in plan):
            bibfile.mark_owned(None)          # a removed key is no longer kb's to claim
            text = bibfile.render()
            bibfile = bibtex.BibFile(text, str(kb.layout.bib))
        kb.write_file(kb.layout.bib, text, read_as)
        for r in plan:
            if r.claims_file:
                (kb.root / r.claims_file).unlink(missing_ok=True)
            # Its cached sources are no longer filed under it: `kb doctor --prune` removes a
            # source only when no paper is named in its manifest (an entry deleted by hand
            # leaves it named, and its source kept).
            for m in kb.sources.find(citekey=r.citekey):
                m.citekeys = [c for c in m.citekeys if c != r.citekey]
                m.identities.pop(r.citekey, None)
                m.removed_from = sorted({*m.removed_from, r.citekey}) if isinstance(m.removed_from, list) \
                    else [r.citekey]
                kb.sources.save(m)
        with transaction(kb.db):
            kb.indexer.reindex_bib(bibfile)
            for r in plan:
                if r.claims_file:
                    kb.indexer.reindex_claims(r.claims_file, None)
            kb.derive_pending()
    return plan


# -- kb rename --------------------------------------------------------------------------

@dataclass
class RenameResult:
    old: str
    new: str
    claims_file: str | None = None
    checks: list[str] = field(default_factory=list)        # claims files whose checks (or restatements) were rewritten
    sources: int = 0
    notes: dict[str, int] = field(default_factory=dict)     # note -> citations rewritten
    followed: bool = False      # the entry was renamed by hand in references.bib: kb moved the rest
    crossrefs: list[str] = field(default_factory=list)      # entries whose crossref/xref/xdata now name NEW
    stdin_note: str | None = None   # a note read from standard input (--note -), renamed: for stdout
    aliased: bool = True        # the old key kept in the entry's ids (not when it is the new one in another case)
    data: str | None = None     # the type of an @xdata or @set entry renamed (no paper)
    already: bool = False       # OLD named the entry NEW already (an alias in its ids): only notes rewritten

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def _same_file(a: Path, b: Path) -> bool:
    """Whether `a` and `b` name one file (two names of it in another case, where the file system
    does not tell case apart)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _ids_separator(value: str | None) -> str:
    """The ',' an `ids` field holding two keys parts them with as written (',' or ', '): kb writes
    a key it adds so ('old2,old3' became 'old2, old3, b2020'); ', ' where it holds one key or none."""
    return tag_separator(value) if value and "," in value else ", "


def _other_keys(keys: list[str], key: str) -> list[str]:
    """`keys` for an entry's `ids` beside its key `key`, each once, without one that is `key` to
    BibTeX (citekey.fold_key: in another case or Unicode form): `kb rename p2020 P2020` kept
    p2020 as an alias of P2020, a second entry of that one key to biber."""
    same = citekeys.fold_key(key)
    return list(dict.fromkeys(k for k in keys if citekeys.fold_key(k) != same))


def check_new_key(kb: KB, bibfile: bibtex.BibFile, new: str, old: str) -> None:
    if not new or _BAD_KEY.search(new):
        raise UsageError(f"{said(new)} cannot be a citekey: no spaces, commas, braces, quotes, "
                         "'#', '%', '=', '~' or backslashes")
    if not_utf8(new):
        raise UsageError(f"{said(new)} cannot be a citekey: it holds {not_utf8(new)}, a byte that is not UTF-8; "
                         "nothing renamed", hint="type it in UTF-8 (check the terminal's or the script's encoding)")
    hidden = citekeys.invisible(new)
    if hidden:
        raise UsageError(f"{said(new)} cannot be a citekey: it holds a character nobody sees ({hidden}); "
                         "nothing renamed")
    clash = next((k for k in bibfile.keys() if citekeys.fold_key(k) == citekeys.fold_key(new) and k != old), None)
    if clash:
        raise UsageError(f"{said(new)} is already a citekey" + (f" ({clash})" if clash != new else "")
                         + "; nothing renamed",
                         hint="choose another key, or `kb rm` that paper first")
    twin = citekeys.lookalike(new, (k for k in bibfile.keys() if k != old))
    if twin is not None:
        raise UsageError(f"{citekeys.escaped(new)} looks like the citekey {citekeys.escaped(twin)} but is another "
                         f"({citekeys.unlike(new, twin)}); nothing renamed",
                         hint="write the key in the letters of one script, or choose one that does not look alike")
    holder = resolve_alias(kb.conn, new)
    if holder is not None and holder != old:
        raise UsageError(f"{said(new)} is already another key of {holder} (its ids field); nothing renamed")


def _expr_name(key: str) -> str:
    return key if _PLAIN_NAME.fullmatch(key) else f"`{key}`"


def rename_in_expr(expr: str, old: str, new: str) -> str:
    """`expr` with the figures of paper `old` (``old.x``, ```old`.x``, or `old` with '_'
    for '-') named as figures of `new`."""
    spellings = {f"`{old}`", old, old.replace("-", "_")}
    out = expr
    for spelling in sorted(spellings, key=len, reverse=True):
        pattern = re.compile(r"(?<![\w`.])" + re.escape(spelling) + r"(?=\.)")
        out = pattern.sub(lambda _m: _expr_name(new), out)
    return out


def rename_in_note(text: str, old: str, new: str) -> tuple[str, int]:
    """A note with its citations of `old` made citations of `new`: pandoc's ``[@old]``,
    ``@old``, ``@{old}``, anchors (sourceLink="#old", href="#old"), and the citations of
    AsciiDoc, reStructuredText, Sphinx and MyST (``<<old>>``, ``[old]_``, ``:cite:`old```);
    (text, count)."""
    read, text = text, notes_text.lf_lines(text)      # its lines as an editor shows them, \r alone too
    text, count = notes_text.rename_in_citations(text, old, new)
    k = re.escape(old)
    patterns = [
        (re.compile(r"(?<![\w@])@\{" + k + r"\}"), "@{" + new + "}"),
        (re.compile(r"(?<![\w@])@" + k + r"(?![\w]|[:.#$%&\-+?<>~/]\w)"), "@" + new),
        (re.compile(r'((?:sourceLink|href)\s*=\s*["\'{]*#)' + k + r'(?=["\'}])'), None),
    ]
    for pattern, replacement in patterns:
        text, n = pattern.subn((lambda m: m.group(1) + new) if replacement is None else
                               (lambda _m, r=replacement: r), text)
        count += n
    return notes_text.with_lines_as_read(text, read), count


def _renamed_by_hand(kb: KB, old: str, new: str) -> bool:
    """Whether `old` is a key renamed by hand in references.bib to `new`: no paper has it
    (as key, or as alias of another paper than `new`: a claims file of the key a paper had
    before kb renamed it, brought back by a merge, is followed too), `new` is a paper's key,
    and kb still keeps things under `old` (its claims file, cached sources). kb rename then
    moves those, as it would have."""
    if paper_exists(kb.conn, old) or resolve_alias(kb.conn, old) not in (None, new) or not paper_exists(kb.conn, new):
        return False
    path = _claims_file_or_none(kb, old)
    return (path is not None and path.exists()) or bool(kb.sources.find(citekey=old))


def one_claims_file(kb: KB, key: str, doing: str) -> None:
    """Refuse (UsageError, nothing done) to rename or remove a paper whose quotes and claims are in two
    files whose names both read as its key (`Layout.claims_files_of`: kb's escaped name and the key as
    written, made by hand): moving or deleting one of them left the other's records under a key no
    paper has, or removed them unsaid."""
    both = kb.layout.claims_files_of(key)
    if len(both) > 1:
        names = " and ".join(kb.layout.relative(p) for p in both)
        raise UsageError(f"{key}'s quotes and claims are in two files, {names}; {doing}",
                         hint="move what one holds into the other by hand, delete it, then run the command again")


def _claims_file_or_none(kb: KB, key: str) -> Path | None:
    """claims/<key>.toml, or None for a key that cannot name a file (over 200 characters,
    as BibTeX allows): such a paper has no claims file, and renaming it is the way out."""
    try:
        return kb.layout.claims_file(key)
    except UsageError:
        return None


def _note_text(note) -> str:
    """A note's text, as kb rename rewrites it (a byte-order mark kept; one saved as UTF-16 or
    UTF-32 read so, and written back so: _write_note); not UTF-8: one line."""
    data = read_input(note, "the note")
    try:
        return decode_wide(data) or data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, byte = undecodable_at(data, exc)
        where = note if isinstance(note, (str, os.PathLike)) else getattr(note, "name", "<stdin>")
        raise UsageError(f"{where}:{line}: the note is not UTF-8 ({byte}); nothing renamed",
                         hint="save it as UTF-8") from None


#: The fields by which one entry names another (biblatex: xdata, entryset and related are lists).
_NAMING_FIELDS = ("crossref", "xref", "xdata", "entryset", "related")
_NAMING_LISTS = ("xdata", "entryset", "related")


def _recrossref(bibfile, names: set[str], new: str) -> list[str]:
    """Entries whose crossref, xref, xdata, entryset or related names one of `names` (the old
    key and the entry's aliases, whatever their case, as BibTeX matches keys) name `new`
    instead: the keys of those changed. BibTeX follows no alias, so an entry left naming the
    old key would lose the year and venue it reads from it (a @set, its member)."""
    old = {n.casefold() for n in names if n}
    changed = []
    for e in bibfile.all_entries():
        edits = {}
        for name in _NAMING_FIELDS:
            value = e.fields.get(name)
            if not value:
                continue
            parts = citekeys.key_list(value) if name in _NAMING_LISTS else [citekeys.field_key(value)]
            if any(p.casefold() in old for p in parts):
                edits[name] = ", ".join(dict.fromkeys(new if p.casefold() in old else p for p in parts))
        if edits and e.key != new:
            bibfile.set_entry(e.key, e.entry_type, edits)
            changed.append(e.key)
    return changed


def rename_paper(kb: KB, old: str, new: str, *, notes: list[Path] | None = None) -> RenameResult:
    """Rename a citekey everywhere kb keeps it; the old key stays in the entry's `ids`."""
    import tomlkit

    notes = notes or []
    # each note's identity before it is read: one saved by its editor while the rename runs is
    # kept and the rename refused, where the note kb read was written back over the edit
    note_ids = {note: identity(Path(note)) for note in notes if isinstance(note, (str, os.PathLike))}
    note_texts = {note: _note_text(note) for note in notes}
    with kb.writing():
        following = _renamed_by_hand(kb, old, new)
        data = False            # an @xdata or @set entry: its key, and every entry naming it
        if not following:
            typed = old
            old, data = entry_key(kb, old)
            if new == old and typed != new:
                # run again: OLD is an alias of the entry NEW already (kept in its ids by the rename
                # that made it), which was refused as "NEW is already called NEW", exit 2; only the
                # notes given may still cite OLD
                result = RenameResult(typed, new, already=True)
                for path in (n for n, body in note_texts.items()
                             if isinstance(n, (str, os.PathLike)) and rename_in_note(body, typed, new)[1]):
                    check_writable(path)
                    if identity(Path(path)) != note_ids[path]:
                        raise changed_meanwhile(Path(path))
                _rename_notes(kb, result, note_texts, note_ids)
                return result
            if new == old:
                raise UsageError(f"{old} is already called {new}")
        bibfile = bibtex.BibFile.load(kb.layout.bib)
        read_as = bibfile.read_as
        if not following:
            check_new_key(kb, bibfile, new, old)
        one_claims_file(kb, old, "nothing renamed")
        old_path, new_path = _claims_file_or_none(kb, old), kb.layout.claims_file(new)
        old_held = old_path is not None and old_path.exists()
        # on a file system that does not tell case apart (macOS, Windows), claims/P2020.toml is
        # claims/p2020.toml: renaming p2020 to P2020 is no rename over another paper's file
        one_file = old_held and _same_file(old_path, new_path)
        if new_path.exists() and (old_held or not following) and not one_file:
            raise UsageError(f"{kb.layout.relative(new_path)} exists already; nothing renamed",
                             hint=f"merge {kb.layout.relative(old_path)} into it by hand" if following else
                             "move it away (it holds quotes of a paper kb does not know) and try again")
        result = RenameResult(old, new, followed=following)
        if following:
            # the entry is NEW already (renamed in references.bib by hand): OLD becomes its alias
            entry = _entry_block(bibfile, new).entry
            ids = _other_keys(citekeys.aliases(entry.fields) + [old], new)
            if ids and ids != citekeys.aliases(entry.fields):
                bibfile.set_entry(new, entry.entry_type, {"ids": _ids_separator(entry.fields.get("ids")).join(ids)})
        else:
            # references.bib: the key, and the old one kept as an alias
            block = _entry_block(bibfile, old)
            raw = bibtex.rekeyed(bibfile.entry_text(old), old, new)
            text = _splice(bibfile.text, block.start, block.end, raw)
            bibfile = bibtex.BibFile(text, str(kb.layout.bib))
            entry = bibfile.by_key[new].entry
            # an @xdata is cited by no one: the entries naming it name the new key, and it keeps no alias
            ids = _other_keys(citekeys.aliases(entry.fields) + ([] if entry.entry_type == "xdata" else [old]), new)
            if ids:
                bibfile.set_entry(new, entry.entry_type, {"ids": _ids_separator(entry.fields.get("ids")).join(ids)})
            if data:
                result.data = entry.entry_type
                result.aliased = entry.entry_type != "xdata"
        result.aliased = result.aliased and citekeys.fold_key(old) != citekeys.fold_key(new)
        result.crossrefs = _recrossref(bibfile, {old, *citekeys.aliases(bibfile.by_key[new].entry.fields)}, new)
        # checks naming old.claim, in every claims file
        rewritten: dict[Path, str] = {}
        held_as: dict[Path, object] = {}        # each rewritten file's identity when read
        for path in sorted(kb.layout.claims.glob("*.toml")):
            if data or not is_claims_name(path.name):       # (checks name papers' claims, no data's)
                continue
            held = claimsfile.read_for_edit(path)
            body = held.text
            if old not in body and old.replace("-", "_") not in body:
                continue
            doc = tomlkit.parse(body)
            changed = False
            for check in doc.get("check", []):
                for name in ("expr", "stated"):
                    value = check.get(name)
                    if isinstance(value, str):
                        renamed = rename_in_expr(value, old, new)
                        if renamed != value:
                            check[name] = renamed
                            changed = True
            units = doc.get("units")
            if isinstance(units, dict):
                for name, value in list(units.items()):      # charge = "old.smartphone_charge"
                    if isinstance(value, str):
                        renamed = rename_in_expr(value, old, new)
                        if renamed != value:
                            units[name] = renamed
                            changed = True
            for restatement in doc.get("restatement", []):
                if restatement.get("cited") == old:
                    restatement["cited"] = new
                    changed = True
            for claim in doc.get("claim", []):      # a claim of the paper kept in another file, by its `paper`
                if isinstance(claim, dict) and claim.get("paper") == old:
                    claim["paper"] = new
                    changed = True
            if changed:
                rewritten[path] = held.written(tomlkit.dumps(doc))
                held_as[path] = held.read_as
                result.checks.append(kb.layout.relative(path))
        # every file to be written can be, and is as kb read it: a read-only one, or one saved by
        # a person since, refuses the rename before any is written
        expected = {**note_ids, **held_as}
        for path in [kb.layout.bib, *rewritten,
                     *(note for note, body in note_texts.items()
                       if isinstance(note, (str, os.PathLike)) and rename_in_note(body, old, new)[1])]:
            check_writable(path)
            if path in expected and identity(Path(path)) != expected[path]:
                raise changed_meanwhile(Path(path))
        # cached sources filed under the old key (the cache learns first: a crash leaves them findable)
        for m in kb.sources.find(citekey=old):
            m.citekeys = [new if c == old else c for c in m.citekeys]
            if old in m.identities:
                m.identities[new] = m.identities.pop(old)
            kb.sources.save(m)
            result.sources += 1
        s2_old = s2.cache_path(kb.layout.s2_cache, old) if old_path is not None else None
        if s2_old is not None and s2_old.exists():
            s2_new = s2.cache_path(kb.layout.s2_cache, new)
            if _same_file(s2_old, s2_new):          # one file in another case (_same_file)
                os.replace(s2_old, s2_new)
            else:
                write_text(s2_new, s2_old.read_text("utf-8"), kb.layout.tmp)
                s2_old.unlink()
        kb.write_file(kb.layout.bib, bibfile.render(), read_as)
        for path, body in rewritten.items():
            if path != old_path:
                kb.write_file(path, body, held_as[path])
        if old_held:
            saved = old_path.read_bytes()
            body = rewritten.get(old_path) or decode_wide(saved) or saved.decode("utf-8")
            bom = "\ufeff" if body.startswith("\ufeff") else ""
            header = claimsfile.comment_safe(f"# Quotes and claims from {old}")
            if body[len(bom):].startswith(header):      # the header kb wrote
                body = (bom + claimsfile.comment_safe(f"# Quotes and claims from {new}")
                        + body[len(bom) + len(header):])
            codec, mark = saved_encoding(saved)     # saved as UTF-16 by an editor: the new file too
            # written in place, then its name changed (one rename): a file written under the new name
            # and the old one unlinked was, killed in between, two files holding the same quotes,
            # which stopped every command until one was deleted by hand (and, under both names in
            # another case, the file itself, lost); killed before the rename, the next `kb rename`
            # finishes it, as for a key renamed by hand
            if codec == "utf-8":
                kb.write_file(old_path, body)
            else:
                write_bytes(old_path, mark + body.encode(codec), kb.layout.tmp)
            os.replace(old_path, new_path)
            result.claims_file = kb.layout.relative(new_path)
        _rename_notes(kb, result, note_texts, note_ids)
        with transaction(kb.db):
            if not following and not data:
                _rekey_index(kb, old, new)
            kb.indexer.reindex_bib(bibtex.BibFile(bibfile.render(), str(kb.layout.bib)))
            if result.claims_file:
                kb.indexer.reindex_claims(kb.layout.relative(old_path), None)
                kb.indexer.reindex_claims(result.claims_file, new_path)
            for path in rewritten:
                if path != old_path:
                    kb.indexer.reindex_claims(kb.layout.relative(path), path)
            kb.derive_pending()
    return result


def _rename_notes(kb: KB, result: RenameResult, note_texts: dict, note_ids: dict) -> None:
    """Each note's citations of `result.old` made citations of `result.new`: a file written back
    (as it was encoded) where any changed, the note read from standard input kept for stdout."""
    for note, body in note_texts.items():
        renamed, n = rename_in_note(body, result.old, result.new)
        if not isinstance(note, (str, os.PathLike)):       # standard input: written to stdout
            result.stdin_note = renamed
            result.notes["-"] = n
            continue
        if n:
            codec, mark = saved_encoding(read_input(note, "the note"))
            if codec == "utf-8":
                write_text(note, renamed, kb.layout.tmp, read_as=note_ids[note])
            else:
                write_bytes(note, mark + renamed.encode(codec), kb.layout.tmp, read_as=note_ids[note])
        result.notes[str(note)] = n


#: Columns holding a citekey, other than papers.citekey and the tables indexed from claims files.
_KEY_COLUMNS = ("citekey", "citing", "cited", "resolved")
_FROM_CLAIMS_FILES = {"quotes", "claims", "units", "checks", "paper_settings", "restatements", "files"}


def _rekey_index(kb: KB, old: str, new: str) -> None:
    """The index's rows of `old` made rows of `new` (text, versions, references,
    citations, derived data), so a rename re-extracts nothing."""
    db = kb.db
    db.execute("update papers set citekey = ? where citekey = ?", [new, old])
    tables = [r[0] for r in db.execute(
        "select name from sqlite_master where type = 'table' and sql not like 'CREATE VIRTUAL%' "
        "and name not like '%_fts%' and name not like 'sqlite_%' and name not like '\\_%' escape '\\'")]
    for table in tables:
        if table == "papers" or table in _FROM_CLAIMS_FILES:
            continue
        columns = {r[1] for r in db.execute(f'pragma table_info("{table}")')}
        for column in _KEY_COLUMNS:
            if column in columns:
                db.execute(f'update "{table}" set "{column}" = ? where "{column}" = ?', [new, old])


# -- kb tag ------------------------------------------------------------------------------

def split_tags(value: str | None) -> list[str]:
    """The tags a `keywords` field holds, split where the tools people use write them apart:
    biblatex at ',', Zotero and JabRef at ';' ('energy; carbon' was one tag 'energy; carbon'),
    '%', '#' and '&' as typed: references.bib writes them escaped (\\%), and read as written
    a tag 'a%b' became 'a\\%b', which `kb ls --tag a%b` did not find, `kb tag -a%b` did not remove,
    and `kb tag +a%b` added again. A field holding a ',' parts at ',' alone: a ';' there is in a
    tag ('energy, carbon;footprint' is energy and carbon;footprint, as kb tag wrote it)."""
    value = value or ""
    return [_ESCAPED_SPECIAL.sub(r"\1", t.strip()) for t in value.split("," if "," in value else ";") if t.strip()]


def tag_separator(value: str | None) -> str:
    """How a `keywords` field written by hand parts its tags, for kb to write it back so: its
    separator as written (', ', '; ', ';'; ',' wherever it holds one), ', ' where it holds one tag or none."""
    value = value or ""
    sep = "," if "," in value else ";" if ";" in value else ""
    if not sep:
        return ", "
    at = value.index(sep) + 1
    return sep + value[at:len(value) - len(value[at:].lstrip(" \t"))]


def check_tag(tag: str) -> str:
    if not tag or _BAD_TAG.search(tag):
        raise UsageError(f"tag {said(tag)} cannot be used: a tag is one word, without spaces, commas, semicolons, braces, "
                         "backslashes or control characters",
                         hint="join words with '-', e.g. carbon-footprint")
    return tag


def _remove_field(raw: str, name: str) -> str:
    """An entry's text without its field `name`."""
    one = bibtex.BibFile(raw)
    entry = one.entries()[0]
    if name not in entry.spans:
        return raw
    start, end = entry.spans[name]
    m = list(re.finditer(r",\s*" + re.escape(name) + r"\s*=\s*$", raw[:start], re.I))
    if m:
        return raw[:m[-1].start()] + raw[end:]
    m = list(re.finditer(re.escape(name) + r"\s*=\s*$", raw[:start], re.I))
    tail = re.match(r"\s*,[ \t]*\n?[ \t]*", raw[end:])
    return raw[:m[-1].start()] + raw[end + (tail.end() if tail else 0):]


def set_tags(kb: KB, key: str, add: list[str], remove: list[str]) -> tuple[str, list[str]]:
    """Add and remove tags of a paper (its `keywords`); returns (citekey, its tags now). A
    tag to remove that the paper does not have (a typo: -enrgy) is refused, nothing changed:
    it was taken as done, and the tag meant stayed without a word."""
    for tag in add:
        check_tag(typed(tag, "tag"))
    with kb.writing():
        key = paper_key(kb, key)
        bibfile = bibtex.BibFile.load(kb.layout.bib)
        block = _entry_block(bibfile, key)
        entry = block.entry
        before = split_tags(entry.fields.get("keywords"))
        absent = [t for t in remove if t.lower() not in {b.lower() for b in before}]
        if absent:
            raise NotFound(f"{key} has no tag {said(absent[0])}; nothing changed",
                           hint=f"its tags: {', '.join(before)}" if before else "it has no tags")
        gone = {t.lower() for t in remove}
        tags = [t for t in before if t.lower() not in gone]
        for tag in add:
            if tag.lower() not in {t.lower() for t in tags}:
                tags.append(tag)
        if tags == before:
            return key, tags
        if tags:
            bibfile.set_entry(key, entry.entry_type,
                              {"keywords": tag_separator(entry.fields.get("keywords")).join(tags)})
            text = bibfile.render()
        else:
            raw = _remove_field(bibfile.entry_text(key), "keywords")
            text = _splice(bibfile.text, block.start, block.end, raw)
        kb.write_file(kb.layout.bib, text, bibfile.read_as)
        with transaction(kb.db):
            kb.indexer.reindex_bib(bibtex.BibFile(text, str(kb.layout.bib)))
            kb.derive_pending()
    return key, tags


def all_tags(kb: KB) -> dict[str, int]:
    """Every tag in use, with how many papers carry it."""
    counts: dict[str, int] = {}
    for (fields,) in kb.conn.execute("select fields from papers"):
        for tag in split_tags(json.loads(fields).get("keywords")):
            counts[tag] = counts.get(tag, 0) + 1
    return counts


# -- kb text show -------------------------------------------------------------------------

def page_text(kb: KB, key: str, *, version: str | None = None, pages: str | None = None,
              second: bool = False) -> dict:
    """The stored text of a paper's pages, as kb matches quotes against it: {citekey,
    version, extractor, page_count, pages: [{page, text}]}. `pages`: "3", "3-5", "2,7"
    (default: all); `second`: the second extraction (`--extractor both`, kb text extract)."""
    key = paper_key(kb, key)
    held = versions_with_text(kb.conn, key)
    if version is not None:
        version = normalise_version(version) if version else ""
        if version not in held:
            which = f"{key} {version}".rstrip()
            others = f" (it holds {', '.join(v or 'the unversioned text' for v in held)})" if held else ""
            raise NotFound(f"kb holds no text of {which}{others}",
                           hint=f"kb add FILE.pdf, or kb text load {key} FILE --version {version or 'vN'}")
    elif not held:
        raise NotFound(f"kb holds no text of {key}", hint=f"kb add FILE.pdf, or kb text load {key} FILE")
    version = held[-1] if version is None else version
    text = (load_second_text if second else load_text)(kb.conn, key, version)
    label = f"{key} {version}".rstrip()
    if text is None:
        raise NotFound(f"kb keeps one extraction of {label}",
                       hint=f"kb text extract {key} --extractor both keeps a second beside it")
    count = len(text.pages)
    wanted = _page_numbers(pages, count, label) if pages is not None else list(range(1, count + 1))
    return {"citekey": key, "version": version, "extractor": text.extractor, "page_count": count,
            "pages": [{"page": n, "text": text.pages[n - 1]} for n in wanted]}


_PAGE_SPEC = lazy(r"\s*(\d{1,9})\s*(?:-\s*(\d{1,9})\s*)?")


def _page_numbers(spec: str, count: int, label: str) -> list[int]:
    """Page numbers from "3", "3-5", "2,7-8" (1-based), each within 1..count."""
    out: list[int] = []
    for part in spec.split(","):
        m = _PAGE_SPEC.fullmatch(part)
        if m is None:
            raise UsageError(f"--page {said(spec)}: give page numbers like 3, 3-5 or 2,7")
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        if not 1 <= first <= last:
            raise UsageError(f"--page {said(spec)}: pages count from 1, and a range goes up (3-5)")
        if last > count:
            raise UsageError(f"--page {said(spec)}: {label} has {count} page{'s' if count != 1 else ''}")
        out += [n for n in range(first, last + 1) if n not in out]
    return out


# -- kb open -----------------------------------------------------------------------------

def pdf_path(kb: KB, key: str) -> tuple[str, str, Path]:
    """(citekey, version, path) of the newest version's PDF in the source cache;
    NotFound when the paper has none."""
    key = paper_key(kb, key)
    rows = kb.conn.execute("select version, sha256 from versions where citekey = ? and source_kind = 'pdf' "
                           "and sha256 is not null", [key]).fetchall()
    # A PDF whose version's text was loaded over it (kb text load --replace) is still the paper's.
    rows += [(m.version, m.sha256) for m in kb.sources.find(citekey=key) if m.kind == "pdf"]
    gone = None
    for version, sha in sorted(rows, key=lambda r: version_number(r[0]), reverse=True):
        manifest = kb.sources.get(sha)
        if manifest is not None and kb.sources.path(manifest).is_file():
            return key, version, kb.sources.path(manifest)
        gone = gone or (manifest.filename if manifest is not None and isinstance(manifest.filename, str) else None)
    if gone is not None:            # deleted from the cache by hand: said as kb doctor and kb show say it
        raise NotFound(f"{key} has no PDF to open: {gone} is missing from the cache (a source of {key})",
                       hint=f"kb doctor says how to repair it; `kb add FILE.pdf --key {shell_word(key)}` attaches "
                            "the PDF again")
    for m in kb.sources.find(citekey=key):
        if said := m.gone_said():       # its text kept by kb rebuild: said as kb show and kb doctor say it
            raise NotFound(f"{key} {m.filed_as(key).version}".rstrip() + f": {said}")
    held = kb.conn.execute("select count(*) from versions where citekey = ?", [key]).fetchone()[0]
    raise NotFound(f"{key} has no PDF" + (" (only page text)" if held else ""),
                   hint=f"`kb add FILE.pdf --key {shell_word(key)}` attaches one")


# -- kb edit -----------------------------------------------------------------------------

def read_edited(path: Path) -> tuple[str, str | None]:
    """The entry an editor saved at `path`, and what to say of how it was read (None for
    UTF-8): an editor set to Latin-1 or UTF-16 saves what the person typed so, and read as
    UTF-8 with replacement characters, 'Ünïcode' was written to references.bib as '�n�code'."""
    data = path.read_bytes()
    wide = decode_wide(data)
    if wide is not None:
        return wide, "the editor saved the entry as UTF-16 or UTF-32; read as such, written as UTF-8"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    return utf8_else_cp1252(data), ("the editor saved the entry in another encoding than UTF-8; "
                                                     "read what is not UTF-8 as Windows-1252/Latin-1, written as UTF-8")


def entry_text(kb: KB, key: str) -> tuple[str, str]:
    """(citekey, the entry's text as references.bib holds it): a paper's, or an @xdata's or @set's."""
    key = entry_key(kb, key)[0]
    return key, _entry_block_text(kb, key)


def _entry_block_text(kb: KB, key: str) -> str:
    bibfile = bibtex.BibFile.load(kb.layout.bib)
    _entry_block(bibfile, key)
    return bibfile.entry_text(key)


def _check_aliases(bibfile: bibtex.BibFile, key: str) -> None:
    """An entry's `ids` names keys this paper had: never another paper's key or alias
    (a note citing it would find two papers)."""
    keys = {k.lower(): k for k in bibfile.keys() if k != key}
    others = {a.lower(): e.key for e in bibfile.all_entries() if e.key != key for a in citekeys.aliases(e.fields)}
    for alias in citekeys.aliases(bibfile.by_key[key].entry.fields):
        if alias.lower() in keys:
            raise UsageError(f"ids names {alias!r}, the key of another paper ({keys[alias.lower()]}); "
                             "nothing written", hint="ids lists keys this paper had: remove it")
        if alias.lower() in others:
            raise UsageError(f"ids names {alias!r}, already another key of {others[alias.lower()]}; "
                             "nothing written", hint="ids lists keys this paper had: remove it")


def replace_entry(kb: KB, key: str, before: str, edited: str) -> str | None:
    """Write an edited entry back in place of `key`'s; the new key (None when nothing
    changed). Refused, with nothing written, when the edit is not one valid entry,
    the entry changed meanwhile, or it takes the key of another paper."""
    if edited.strip() == before.strip():
        return None
    try:
        alone = bibtex.BibFile(edited, "the edited entry")
    except FileFormatError as exc:
        raise UsageError(f"the edited entry is not valid BibTeX: {exc}; nothing written") from None
    entries = alone.entries()
    if len(entries) != 1 or any(b.kind in ("string", "preamble") for b in alone.blocks):
        raise UsageError(f"the edited text holds {len(entries)} entries; it must hold exactly one "
                         "(the entry being edited); nothing written")
    new_key = entries[0].key
    with kb.writing():
        bibfile = bibtex.BibFile.load(kb.layout.bib)
        block = _entry_block(bibfile, key)
        if bibfile.entry_text(key) != before:
            raise UsageError(f"references.bib changed entry {key} while it was being edited; nothing written",
                             hint=f"run `kb edit {key}` again")
        if new_key != key:
            check_new_key(kb, bibfile, new_key, key)
        body = bibtex.rekeyed(edited.strip("\n"), new_key, key) if new_key != key else edited.strip("\n")
        text = _splice(bibfile.text, block.start, block.end, body)
        try:
            whole = bibtex.BibFile(text, str(kb.layout.bib))
        except FileFormatError as exc:
            raise UsageError(f"the edited entry is not valid BibTeX: {exc}; nothing written") from None
        for name, macros in whole.by_key[key].entry.undefined.items():
            raise UsageError(f"field {name!r} uses @string {macros[0]!r}, which references.bib never "
                             "defines; nothing written", hint="brace the value, or define the @string")
        for name, (macro, root, at) in whole.by_key[key].entry.through_undefined.items():
            raise UsageError(f"field {name!r} uses @string {macro!r}, whose definition rests on {root!r}, not "
                             f"defined before it (references.bib:{at}); nothing written",
                             hint="brace the value, or define the @string first")
        _check_aliases(whole, key)
        kb.write_file(kb.layout.bib, text, bibfile.read_as)
        with transaction(kb.db):
            kb.indexer.reindex_bib(whole)
            kb.derive_pending()
    if new_key != key:
        rename_paper(kb, key, new_key)
    return new_key


# -- kb claim rm -------------------------------------------------------------------------

def remove_claim(kb: KB, name: str) -> tuple[str, str, list[str]]:
    """Remove one claim, named KEY.ID (as checks name it) or ID; returns (citekey, id, ids of
    checks that use it). A bare ID held by several papers is refused, naming them."""
    with kb.writing():
        rows = kb.db.execute("select citekey, id, file from claims").fetchall()
        found = [r for r in rows if r[1] == name or r[1].replace("-", "_") == name]
        for i, ch in enumerate(name):
            if ch == ".":
                key, ident = name[:i], name[i + 1:]
                key = key[1:-1] if key.startswith("`") and key.endswith("`") else key
                found += [r for r in rows if r[0] in (key, resolve_alias(kb.conn, key))
                          and (r[1] == ident or r[1].replace("-", "_") == ident)]
        found = list(dict.fromkeys(found))
        if not found:
            names = [f"{r[0]}.{r[1]}" for r in rows] if "." in name else [r[1] for r in rows]
            close = close_names(name, names)
            raise NotFound(f"no claim {said(name)}", hint=("did you mean " + ", ".join(close) + "?") if close
                           else "see `kb claims` (a claim is KEY.ID or ID)")
        if len(found) > 1:
            # a key holding a dot in backticks: with an id holding one, KEY.ID is written two ways
            raise UsageError(f"{name!r} names {len(found)} claims: "
                             + ", ".join(f"`{r[0]}`.{r[1]}" if "." in r[0] else f"{r[0]}.{r[1]}" for r in found)
                             + "; nothing removed", hint="name one as KEY.ID, as written here")
        key, ident, rel = found[0]
        users = [r[0] for r in kb.db.execute("select id, expr from checks")
                 if lazy_name_in(r[1], key, ident)]
        records.drop_record(kb, rel, "claim", ident)
    return key, ident, users


def lazy_name_in(expr: str, key: str, ident: str) -> bool:
    """Whether a check expression names the claim `key.ident`."""
    short = ident.replace("-", "_")
    return any(re.search(r"(?<![\w`.])" + re.escape(k) + r"\." + re.escape(i) + r"(?!\w)", expr)
               for k in {key, f"`{key}`", key.replace("-", "_")} for i in {ident, short})


# -- kb ls, kb show: reading ---------------------------------------------------------------

def doi_shown(doi: str | None, field: str | None) -> str | None:
    """A paper's DOI as kb ls and kb show say it: as references.bib writes it (its case kept, as
    kb export bib and csl-json write it: '10.18653/v1/P19-1355'), where its doi field holds the
    DOI the index keeps (lower-cased, for matching); the index's otherwise (one read off a PDF)."""
    if doi and isinstance(field, str) and doi_of_field(field) == doi:
        return doi_written(field)
    return doi


def list_papers(kb: KB) -> list[dict]:
    # A read: the plain connection (kb.conn), so `kb ls` never imports sqlite-utils.
    rows = rows_as_dicts(kb.conn.execute("""
        select p.citekey, p.title, p.authors, p.first_author, p.year, p.arxiv_id, p.doi, p.version,
               p.metadata_status, json_extract(p.fields, '$.doi') as doi_field,
               (select count(*) from versions v where v.citekey = p.citekey) as versions,
               (select max(page_count) from versions v where v.citekey = p.citekey
                   and v.version = coalesce(p.version, '')) as pages,
               (select count(*) from quotes q where q.citekey = p.citekey) as quotes,
               (select count(*) from claims c where c.citekey = p.citekey) as claims
        from papers p order by p.position"""))
    out = []
    for r in rows:
        r["authors"] = json.loads(r["authors"])
        r["doi"] = doi_shown(r["doi"], r.pop("doi_field"))
        if r["pages"] is None:
            r["pages"] = kb.conn.execute("select max(page_count) from versions where citekey = ?",
                                       [r["citekey"]]).fetchone()[0]
        out.append(r)
    return out


def undefined_strings(kb: KB, keys: list[str]) -> tuple[dict[str, str], str | None]:
    """Of the papers `keys`, those whose entry uses an @string macro references.bib never
    defines (kb reads the macro's name as the text, BibTeX as nothing): the title of each
    whose title does, as written in references.bib (a listing shows it so, not as if the
    macro's name were the title), and one line saying so for the first, with how many
    more there are (None when there are none). Recorded when references.bib was indexed
    (Indexer.record_undefined): read without reading the file."""
    row = kb.conn.execute("select value from meta where key = 'bib_undefined'").fetchone()
    if row is None:
        return {}, None
    try:
        known = json.loads(row[0])
    except ValueError:
        return {}, None
    found = [(key, use) for key in dict.fromkeys(keys) for use in known.get(key, [])]
    if not found:
        return {}, None
    titles = {key: " ".join(str(use[3]).split()) for key, use in found if use[0] == "title" and use[3]}
    key, (name, macro, line, _, *through) = found[0]
    more = f" (and {len(found) - 1} more; kb doctor lists each)" if len(found) > 1 else ""
    if len(through) == 2:           # a macro defined through one not defined before it
        root, at = through
        return titles, (f"warning: references.bib:{line}: entry {key}, field {name} uses @string {macro!r}, whose "
                        f"definition rests on {root!r}, not defined before it (references.bib:{at}): shown as kb "
                        f"reads it (BibTeX prints nothing for it){more}; define {root!r} first, or spell the "
                        "value out")
    return titles, (f"warning: references.bib:{line}: entry {key}, field {name} uses @string {macro!r}, which "
                    f"references.bib never defines: shown as written (BibTeX prints nothing for it){more}; "
                    f"define it (@string{{{macro} = {{...}}}}) or brace the value")


def _gone(source: str | None) -> bool:
    """Whether the local file a version was added from is no longer there (deleted or moved by hand): never said
    of an address or a relative name; a path whose bytes not UTF-8 kb wrote as \\xff (atomic.path_as_text) is
    looked for as those bytes too."""
    if not source or "://" in source or not Path(source).is_absolute():
        return False
    bytes_back = re.sub(r"\\x([89a-f][0-9a-f])", lambda m: chr(0xDC00 + int(m.group(1), 16)), source)
    return not any(os.path.lexists(p) for p in dict.fromkeys((source, bytes_back)))


#: What kb show says of a page much of whose text is U+FFFD where its letters outnumber them (garbled() reads its
#: words as the paper's; kb add named it unreadable all the same).
_FFFD_SAID = "its fonts give much of its text as U+FFFD (a broken ToUnicode map)"


def _unread_pages(db, version_id: int, stored: str | None) -> list[dict]:
    """The pages of a version kb could not read, [{"page": n, "why": ...}]: those its index keeps as unread (lost by
    the extractor, reached again, their content streams not in the file: kb add's warning), and those whose stored
    text is mostly U+FFFD (a broken ToUnicode map). A version an older kb stored keeps no list: its empty pages are
    not told from blank ones, so only its U+FFFD pages are named."""
    why: dict[int, str] = {}
    try:
        held = json.loads(stored) if stored else {}
        why.update({int(n): str(w) for n, w in held.items()} if isinstance(held, dict) else {})
    except (ValueError, TypeError, AttributeError):      # the index edited by hand: nothing guessed
        why = {}
    for page, text in db.execute("select page, text from pages where version_id = ?", [version_id]):
        if page not in why and (said := garbled(text) or (_FFFD_SAID if replaced(text) else None)) is not None:
            why[page] = said
    return [{"page": n, "why": why[n]} for n in sorted(why)]


def _unread_said(v: dict) -> str:
    """'v1: pages 3, 7 of 12 could not be read (page 3: PDFium could not load it; page 7: ...): no quote is found
    on them'."""
    unread = v["unread_pages"]
    whys = "; ".join(f"page {u['page']}: {u['why']}" for u in unread[:5]) + ("; ..." if len(unread) > 5 else "")
    return (f"{v['version'] or 'PDF'}: {pdfsource.pages_named([u['page'] for u in unread], v['page_count'] or 0)} "
            f"could not be read ({whys}): no quote is found in what was lost")


def show_paper(kb: KB, citekey: str) -> dict:
    db = kb.conn          # a read: the plain connection, no sqlite-utils
    row = db.execute("select * from papers where citekey = ?", [citekey]).fetchone()
    if row is None:
        alias = resolve_alias(kb.conn, citekey)
        if alias is None:
            data = show_data(kb, citekey)
            if data is None:
                raise not_a_paper(kb, citekey)
            return data
        citekey = alias
        row = db.execute("select * from papers where citekey = ?", [citekey]).fetchone()
    cols = [d[0] for d in db.execute("select * from papers limit 0").description]
    paper = dict(zip(cols, row))
    paper["authors"] = json.loads(paper["authors"])
    paper["fields"] = json.loads(paper["fields"])
    versions = rows_as_dicts(db.execute(
        "select id, version, sha256, source_kind, source_url, page_count, extractor, text_status, text_message, "
        "added_at, unread, (select s.extractor from second_pages s where s.version_id = versions.id limit 1) "
        "as second_extractor from versions where citekey = ?", [citekey]))
    versions.sort(key=lambda v: version_number(v["version"]))
    for v in versions:          # a text of no version: null, as the paper's own version and kb ls --json say it
        v["version"] = v["version"] or None
    problems = []
    if paper["metadata_status"] == "incomplete":
        problems.append("metadata incomplete: taken from the PDF itself "
                        "(add it again with the network, or edit references.bib)")
    if not versions:
        problems.append("no text: kb holds no PDF or page text for this paper")
    for v in versions:
        v["unread_pages"] = _unread_pages(db, v.pop("id"), v.pop("unread"))
        if v["unread_pages"]:
            problems.append(_unread_said(v))
        if v["text_status"] != "ok":
            problems.append(f"{v['version'] or 'PDF'}: no text ({v['text_status']}): {v['text_message'] or ''}".rstrip(": "))
        m = kb.sources.get(v["sha256"]) if v["sha256"] else None
        # the file it was added from, deleted or moved by hand since (kb keeps its copy, or only its text)
        v["source_gone"] = _gone(v["source_url"])
        if m is not None and (said := m.gone_said()):
            # kb rebuild kept the text of a cached PDF deleted by hand: the PDF itself is gone, said as kb doctor says it
            problems.append(f"{v['version'] + ': ' if v['version'] else ''}{said}")
        if m is not None and isinstance(m.filename, str) and not kb.sources.path(m).is_file():
            # deleted from the cache by hand: kb doctor's problem, in its words (show said the version held)
            problems.append(f"{v['version'] or 'PDF'}: {m.filename} is missing from the cache (a source of {citekey}): "
                            "kb doctor says how to repair it" + (" (kb open has no PDF to open)" if m.kind == "pdf"
                                                                  else ""))
    overruled = bibtex.date_disagrees(paper["fields"]) if "date" in paper["fields"] else []
    if overruled:       # hand-edited (kb import says it): the year shown is BibTeX's reading, not biber's
        said = " and ".join(name for name, _, _ in overruled)
        problems.append(f"{', '.join(f'{n} {v}' for n, v, _ in overruled)} {'is' if len(overruled) == 1 else 'are'} "
                        f"not its date's ({overruled[0][2]}): BibTeX reads the {said}, biber and kb export csl-json "
                        "the date")
    other = quoteops.another_work(kb, citekey, None)     # keys swapped or given to another work by hand: kb verify's words
    if other is not None:
        problems.append(other)
    counts = {t: db.execute(f"select count(*) from {t} where citekey = ?", [citekey]).fetchone()[0]
              for t in ("quotes", "claims")}
    # the quotes and claims the newest version kb holds the text of no longer prints (kb verify's "stale", stored by
    # the index as kb quote ls reads it): said where a person looks at the paper
    stale = {t: [r[0] for r in db.execute(f"select id from {t} where citekey = ? and stale_in is not null order by id",
                                          [citekey])] for t in ("quotes", "claims")}
    stale_in = next((r[0] for t in ("quotes", "claims") for r in db.execute(
        f"select stale_in from {t} where citekey = ? and stale_in is not null limit 1", [citekey])), None)
    return {"citekey": citekey, "title": paper["title"], "authors": paper["authors"], "year": paper["year"],
            "entry_type": paper["entry_type"], "arxiv_id": paper["arxiv_id"],
            "doi": doi_shown(paper["doi"], paper["fields"].get("doi")),
            "url": paper["url"], "venue": paper["venue"], "version": paper["version"],
            "origin": paper["origin"], "metadata_status": paper["metadata_status"],
            "versions": versions, "quotes": counts["quotes"], "claims": counts["claims"],
            "stale_in": stale_in, "stale_quotes": stale["quotes"], "stale_claims": stale["claims"],
            "problems": problems, "fields": paper["fields"]}


_DATA_SAID = {"set": "a @set entry: no paper, but papers cited together as one (biblatex), listed in its entryset",
              "xdata": "an @xdata entry: no paper, but fields lent to the entries naming it in their xdata field"}


def show_data(kb: KB, key: str) -> dict | None:
    """What `kb show` says of the key of an @xdata or @set entry of references.bib (data for
    papers, never a paper of the index): the entry as written, what it is, the papers it is for
    ("papers": a set's members, an xdata's users) and the keys it names that no entry has
    ("missing"); None where references.bib holds no such entry."""
    bibfile = bibtex.BibFile.load(kb.layout.bib)
    entry = bibfile.data_entry(key)
    if entry is None:
        return None
    kind = entry.entry_type.lower()
    named = citekeys.key_list(entry.fields.get("entryset" if "entryset" in entry.fields else "xdata"))
    missing = [k for k in named if bibfile.named(k) is None]
    return {"citekey": entry.key, "data": True, "entry_type": entry.entry_type,
            "what": _DATA_SAID.get(kind, f"an @{kind} entry: data for papers, no paper"),
            "papers": bibfile.data_users(entry.key), "missing": missing, "fields": entry.fields,
            "entry": bibfile.entry_text(entry.key), "line": entry.line}


SORTS = ("bib", "year", "added", "title", "citekey")


def filter_papers(kb: KB, papers: list[dict], *, tags: list[str] | None = None, year: str | None = None,
                  author: str | None = None, sort: str = "bib") -> list[dict]:
    """`papers` (as list_papers gives them, each with its tags added) kept
    when they carry every tag, are of `year` (2019, or 2018-2020) and have an author
    whose name holds `author`; ordered by `sort`."""
    if sort not in SORTS:
        raise UsageError(choice_said("--sort", sort, SORTS))
    lo = hi = None
    if year is not None:
        m = re.fullmatch(r"\s*(\d{4})?\s*(?:(-|\.\.|\u2013|\u2014)\s*(\d{4})?)?\s*", year)
        if not m or not (m.group(1) or m.group(3)):
            raise UsageError(f"--year {said(year)}: give a year (2019) or a range (2018-2020, 2019-)")
        lo = int(m.group(1)) if m.group(1) else None
        hi = (int(m.group(3)) if m.group(3) else None) if m.group(2) else lo
        if lo is not None and hi is not None and lo > hi:
            raise UsageError(f"--year {said(year)}: the range goes backwards; write it from the earlier year "
                             f"({hi}-{lo})")
    info = {r[0]: (json.loads(r[1]), r[2]) for r in kb.conn.execute(
        "select p.citekey, p.fields, (select min(added_at) from versions v where v.citekey = p.citekey) "
        "from papers p")}
    wanted = [t.lower() for t in tags or []]
    needle = unseen_dropped(author or "").strip().lower()     # 'Smi\u200bth' is Smith, typed or in the file
    out = []
    for p in papers:
        fields, added = info.get(p["citekey"], ({}, None))
        p = dict(p, tags=split_tags(fields.get("keywords")), added=added)
        have = {t.lower() for t in p["tags"]}
        if any(t not in have for t in wanted):
            continue
        if lo is not None and (p["year"] is None or p["year"] < lo):
            continue
        if hi is not None and (p["year"] is None or p["year"] > hi):
            continue
        if needle and not any(needle in unseen_dropped(a).lower() for a in p["authors"]):
            continue
        out.append(p)
    if sort == "year":
        out.sort(key=lambda p: (p["year"] is None, p["year"] or 0, p["citekey"].lower()))
    elif sort == "title":
        out.sort(key=lambda p: (p["title"] or "").lower())
    elif sort == "citekey":
        out.sort(key=lambda p: p["citekey"].lower())
    elif sort == "added":
        position = {p["citekey"]: i for i, p in enumerate(out)}
        # Papers never given text have no date: after those that have one, as year's do.
        out.sort(key=lambda p: (p["added"] is None, str(p["added"] or ""), position[p["citekey"]]))
    return out


# -- a key made before the metadata arrived ----------------------------------------------------

def settle_key(kb: KB, key: str) -> tuple[str, str | None]:
    """A citekey made from incomplete metadata (`anon…`, no author known) is renamed once,
    when the paper's metadata is complete, if nothing in kb cites it yet (no quotes or
    claims); otherwise kb suggests the rename. Returns (the key now, what was done or
    suggested, or None)."""
    if not key.startswith("anon"):
        return key, None
    row = kb.conn.execute("select authors, year, title, metadata_status from papers where citekey = ?",
                          [key]).fetchone()
    if row is None or row[3] != "complete":
        return key, None
    authors = json.loads(row[0] or "[]")
    taken = {r[0] for r in kb.conn.execute("select citekey from papers where citekey != ?", [key])}
    taken |= alias_keys(kb.conn) - {key}      # in any case (unique_key), never another paper's alias
    new = citekeys.make_key(authors, row[1], latex_to_text(row[2] or ""), taken)
    if new.startswith("anon") or new == key:
        return key, None
    held = kb.conn.execute("select (select count(*) from quotes where citekey = ?) + "
                           "(select count(*) from claims where citekey = ?)", [key, key]).fetchone()[0]
    if held or kb.unread:       # (a claims file kb cannot read may hold checks naming it)
        return key, (f"its key {key} was made before its metadata was known; `kb rename {key} {new}` "
                     "renames it (quotes, claims, checks and notes with --note follow)")
    rename_paper(kb, key, new)
    return new, f"renamed {key} -> {new} now that its metadata is known (the old key kept in its ids field)"
