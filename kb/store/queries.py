"""Reading the index: the questions several operations ask.

Each function takes a plain sqlite3 connection (`kb.conn`), so read-only
commands never import sqlite-utils. The one "no paper X" error lives here.
"""

from __future__ import annotations

import difflib
import json
import os
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kb.atomic import escape_key, said, unescape_key
from kb.errors import NotFound, shell_word, shown
from kb.lazyimport import lazy_import
from kb.store.fts import TOPIC_FUNCTION, topic_clause, topic_key
from kb.text.normalise import Document
from kb.text.versions import version_number

# Read by a few of these functions only (resolving a key, finding a paper): imported when first used,
# so that a search or a listing does not load key and identifier parsing.
citekeys = lazy_import("kb.sources.citekey")
identifiers = lazy_import("kb.text.ids")
authornames = lazy_import("kb.text.names")
titling = lazy_import("kb.text.titles")

#: Values bound to one `in (...)` list: SQLite before 3.32 binds at most 999 to a statement.
IN_AT_ONCE = 500


def chunks(items: Sequence[Any], n: int = IN_AT_ONCE) -> Iterable[Sequence[Any]]:
    """`items` in slices of `n`: SQLite limits the parameters of one statement."""
    for i in range(0, len(items), n):
        yield items[i:i + n]


def paper_exists(conn: sqlite3.Connection, citekey: str) -> bool:
    return conn.execute("select 1 from papers where citekey = ?", [citekey]).fetchone() is not None


def no_paper(conn: sqlite3.Connection, citekey: str) -> NotFound:
    """The error for a citekey the knowledge base does not have, with the keys it may mean:
    first the one it looks like (a Cyrillic 'а' typed for 'a', a zero-width space pasted in),
    named with the character that differs, since the two print alike."""
    hint = lookalike(conn, citekey)
    if hint is not None:
        return NotFound(f"no paper {citekeys.escaped(citekey)} in the knowledge base", hint=hint)
    data = data_entry(conn, citekey)
    if data is not None:
        key, kind = data
        return NotFound(f"{said(key)} is an @{kind} entry of references.bib: data for papers, no paper",
                        hint=f"`kb show {key}` shows it and the papers it is for; change it in references.bib")
    close = _close_keys(conn, citekey)
    return NotFound(f"no paper {said(citekey)} in the knowledge base",
                    hint=("did you mean " + ", ".join(close) + "?") if close else "see `kb ls`")


def _close_keys(conn: sqlite3.Connection, citekey: str, n: int = 5) -> list[str]:
    """The keys a mistyped `citekey` may mean, the closest first: those holding its first five characters
    ("luccioni2024powr": luccioni2024power before luccioni2023co2ml), else those close to it as a whole
    (a letter dropped early: "lucioni2024power")."""
    if not citekey:
        return []
    like = [r[0] for r in conn.execute("select citekey from papers where citekey like ? limit ?",
                                       [f"%{citekey[:5]}%", IN_AT_ONCE])]
    if like:
        return sorted(like, key=lambda k: -difflib.SequenceMatcher(None, citekey, k).ratio())[:n]
    keys = [r[0] for r in conn.execute("select citekey from papers limit 20000")]
    return difflib.get_close_matches(citekey, keys, n=n, cutoff=0.8)


def data_entry(conn: sqlite3.Connection, key: str) -> tuple[str, str] | None:
    """(key, type) of the @xdata or @set entry of references.bib that `key` names (in any case:
    BibTeX does not tell them apart), as the index recorded them (Indexer.record_undefined);
    None where it names none."""
    row = conn.execute("select value from meta where key = 'bib_data'").fetchone()
    if row is None:
        return None
    held = json.loads(row[0])
    if key in held:
        return key, held[key]
    return next(((k, t) for k, t in held.items() if k.casefold() == key.casefold()), None)


def other_case(conn: sqlite3.Connection, key: str) -> str | None:
    """What to say of a key no paper has that a paper's key spells in another case
    ('COHAN2020SPECTER' for cohan2020specter), or None: references.bib holds one of them at
    most (BibTeX does not tell them apart), but pandoc and kb read keys as written."""
    row = conn.execute("select citekey from papers where citekey = ? collate nocase and citekey != ?",
                       [key, key]).fetchone()
    return f"did you mean {row[0]}? the keys differ in case only: write it as references.bib does" if row else None


def lookalike(conn: sqlite3.Connection, key: str) -> str | None:
    """What a key no paper has looks like, said for its error: the key of a paper printed
    alike (citekey.skeleton: a Cyrillic 'а' typed for 'a', a zero-width space pasted in),
    with the character that differs, since the two print alike; None if no paper's does.
    It reads the keys outside ASCII and the plain key `key` would be."""
    look = citekeys.skeleton(key)
    rows = conn.execute("select citekey from papers where citekey glob '*[^ -~]*' or citekey = ? collate nocase",
                        [look])
    alike = [k for (k,) in rows if k != key and citekeys.skeleton(k) == look]
    twin = min(alike, key=lambda k: k.lower() != key.lower(), default=None)   # the same in another case first
    if twin is None or twin.lower() == key.lower():
        return None
    hidden, held = citekeys.invisible(key), citekeys.invisible(twin)
    if hidden and not held:
        how = f"the key given holds {hidden}, which nobody sees: write the key without it"
    elif held and not hidden:
        how = f"that key holds {held}, which nobody sees: correct it in references.bib"
    else:
        how = f"one of them writes {citekeys.unlike(key, twin)}: copy the key as `kb ls` prints it"
    return f"{citekeys.escaped(twin)} looks the same, but {how}"


def same_key(conn: sqlite3.Connection, key: str) -> str | None:
    """The key of a paper that `key` is written another way (key_form), or None. Asked only
    of a key no paper has as written: it reads the keys that are not plain ASCII."""
    want = citekeys.key_form(key)
    for (citekey,) in conn.execute("select citekey from papers where citekey glob '*[^ -~]*'"):
        if citekeys.key_form(citekey) == want and citekey != key:
            return citekey
    return None


_HEADER = "# Quotes and claims from "


def renamed_claims_file(conn: sqlite3.Connection, root, rel: str | None, citekey: str) -> str | None:
    """The paper a claims file renamed by hand (claims/notes.toml) is still about: the key its
    first line names as kb wrote it ("# Quotes and claims from KEY: title"), when that key is
    a paper's, and not `citekey`, the one its name gives. None when it names none."""
    if not rel or root is None:
        return None
    try:
        with open(f"{root}/{rel}", "rb") as fh:
            first = fh.read(4096).decode("utf-8-sig", errors="replace").split("\n", 1)[0].rstrip("\r")
    except OSError:
        return None
    if not first.startswith(_HEADER):
        return None
    named = first[len(_HEADER):]
    cuts = [len(named)] + [i for i in range(len(named)) if named.startswith(": ", i)]
    for cut in cuts:
        key = named[:cut].strip()
        if key and key != citekey and conn.execute("select 1 from papers where citekey = ?", [key]).fetchone():
            return key
    return None


def other_papers_file(conn: sqlite3.Connection, root, rel: str | None, citekey: str) -> str | None:
    """What to say of a record of `citekey` kb cannot find in its text (or holds none of) whose
    claims file says, on the first line kb wrote, that it holds another paper's records: a
    file renamed by hand to another paper's key (claims/b.toml from claims/a.toml) files a's
    quotes, verified in a's text, under b. None when it names no other paper."""
    named = renamed_claims_file(conn, root, rel, citekey)
    if named is None:
        return None
    return (f"{rel} says it holds the quotes and claims of {named} (its first line, as kb wrote it): if it was "
            f"renamed from claims/{escape_key(named)}.toml, rename it back")


def missing_paper(conn: sqlite3.Connection, citekey: str, root=None, rel: str | None = None) -> str:
    """Why records kept under `citekey` have no paper: said for a record of a claims file
    whose name writes its paper's key with other Unicode characters than references.bib
    does (NFC and NFD: a file made on another system), which no lookup follows, since
    what a claims file holds is indexed from its name alone; and for one of a claims file
    renamed by hand whose first line still names its paper (renamed_claims_file)."""
    other = same_key(conn, citekey)
    if other is None:
        named = renamed_claims_file(conn, root, rel, citekey)
        if named is not None:
            own = f"claims/{escape_key(named)}.toml"
            if os.path.lexists(f"{root}/{own}"):        # a copy: renaming it would replace the file
                return (f"{citekey} is not in references.bib: {rel} is named for no paper, and it says it holds "
                        f"the quotes and claims of {named}, whose own {own} is there too; move what {rel} adds "
                        f"into {own}, then delete {rel}")
            return (f"{citekey} is not in references.bib: {rel} is named for no paper, and it says it holds "
                    f"the quotes and claims of {named}; rename it {own} "
                    "(a claims file is claims/<citekey>.toml)")
        renamed = resolve_alias(conn, citekey)
        if renamed is not None and rel and unescape_key(os.path.splitext(os.path.basename(rel))[0]) != citekey:
            # a record naming its paper by its `paper` field in a file of another name (claims/checks.toml):
            # the file holds more than that paper's records, and is not to be moved nor deleted for it
            return (f"{citekey} is not in references.bib as a key: it is an old key of {renamed}, kept in its "
                    f"ids field; write paper = \"{renamed}\" for it in {rel}")
        if renamed is not None:
            # a claims file kept under a key the paper had before a rename (brought back by a
            # merge or a checkout): the paper is there, under its new key
            own = f"claims/{escape_key(renamed)}.toml"
            if rel and os.path.lexists(f"{root}/{own}"):        # kb rename would refuse to replace it
                return (f"{citekey} is not in references.bib as a key: it is an old key of {renamed}, kept in its "
                        f"ids field, and its work is under {renamed} now, whose own {own} is there too; move what "
                        f"{rel} holds into {own}, then delete {rel}")
            return (f"{citekey} is not in references.bib as a key: it is an old key of {renamed}, kept in its "
                    f"ids field; kb rename {citekey} {renamed} moves {rel or 'what is kept under it'} to it")
        cased = conn.execute("select citekey from papers where citekey = ? collate nocase and citekey != ?",
                             [citekey, citekey]).fetchone()
        if cased is not None:
            # claims/P2020.toml for p2020 (renamed by hand, or made on a system whose file names
            # ignore case): kb files records under the key as the file's name writes it
            own = f"claims/{escape_key(cased[0])}.toml"
            fix = (f"move what {rel} holds into {own}, then delete {rel}" if rel and os.path.lexists(f"{root}/{own}")
                   else f"rename the file {own} (or, if the key was changed in references.bib, kb rename "
                        f"{citekey} {cased[0]} moves the rest)")
            return (f"{citekey} is not in references.bib as its claims file writes it: references.bib writes "
                    f"{cased[0]}, in another case; {fix}")
        alike = lookalike(conn, citekey)
        return f"{citekey} is not in references.bib" + (f" ({alike})" if alike else "")
    said = (f"{citekey} is not in references.bib as its claims file writes it: references.bib "
            f"writes {other} with other Unicode characters for its accented letters (NFC, NFD); ")
    # the paper's own claims file there too (claims/müller2020.toml beside one named in NFD): renamed
    # to kb's name, the two were one paper's two files, which kb rename and kb rm refuse
    owns = [f"claims/{name}.toml" for name in dict.fromkeys((escape_key(other), other))
            if root is not None and rel and f"claims/{name}.toml" != rel and os.path.isfile(f"{root}/claims/{name}.toml")]
    if owns:            # the two names may print alike: each said with the form it is written in
        return said + (f"its own {owns[0]}{_form(owns[0])} is there too: move what this file, {rel}{_form(rel)}, "
                       "holds into it, then delete this file")
    return said + f"rename the file claims/{escape_key(other)}.toml (or copy the key into its `paper` field)"


def rename_hint(old: str, new: str) -> str:
    """What kb says of a key gone from references.bib whose work is under `new` now (renamed or
    split there by hand): the same words in kb check, kb verify and kb doctor."""
    return (f"if you renamed it {new} in references.bib, kb rename {shell_word(old)} {shell_word(new)} "
            "moves the rest")


def _form(name: str) -> str:
    """' (its name in NFC)' of a file name outside ASCII, as it is written; '' of a plain one."""
    if name.isascii():
        return ""
    return next((f" (its name in {nf})" for nf in ("NFC", "NFD") if unicodedata.is_normalized(nf, name)),
                " (its name in neither NFC nor NFD)")


#: The longest text kb hands SQLite's LIKE as a pattern, in bytes: SQLite refuses one over 50,000
#: ("LIKE or GLOB pattern too complex", an internal error of `kb show` given a key of 60,000 characters).
LIKE_PATTERN = 10_000


def resolve_alias(conn: sqlite3.Connection, key: str) -> str | None:
    """The paper whose `ids` field (biblatex's list of a paper's other keys, where
    kb import records an imported key it merged) names `key`, or whose key is `key`
    written another way (same_key); None if none does."""
    written = same_key(conn, key)
    if written is not None:
        return written
    want = citekeys.key_form(key)
    cased = conn.execute("select citekey, fields from papers where citekey = ? collate nocase and citekey != ?",
                         [key, key]).fetchall()
    if cased:
        # a paper's key in another case, which BibTeX reads as that key: an alias never names
        # another paper ('Q2021' in p2020's ids is q2021 to LaTeX, and `kb show Q2021` showed p2020);
        # that paper's own ids naming it (Doe2020 renamed doe2020 by hand, ids = {Doe2020}) is its old key
        for citekey, fields in cased:
            if want in [citekeys.key_form(k) for k in citekeys.aliases(json.loads(fields) if fields else {})]:
                return citekey
        return None
    # NFD in the ids field, or a '&' older kb wrote escaped ('lee\\&kim2021'): compared below
    # (a key SQLite's LIKE refuses as a pattern, over LIKE_PATTERN bytes, is looked for unfiltered)
    pattern = key if key.isascii() and not any(c in key for c in "&%#") and len(key) <= LIKE_PATTERN else ""
    for citekey, fields in conn.execute("select citekey, fields from papers where fields like ?",
                                        [f'%"ids"%{pattern}%']):
        if want in [citekeys.key_form(k) for k in citekeys.aliases(json.loads(fields))]:
            return citekey
    return None


def declared_dois(conn: sqlite3.Connection, doi: str) -> tuple[str, set[str]] | None:
    """(citekey, DOIs) of the paper whose entry in references.bib declares `doi` (lower-cased) its own:
    as its `doi` field, a second DOI of that field, or one its `ids` field lists; the DOIs are every one
    its entry so declares. None where no entry names `doi`. A record a DOI resolves to under another of
    these DOIs is that paper's (references.bib says they are one work), not another work's."""
    rows = conn.execute("select citekey, doi, fields from papers where lower(doi) = ? or fields like ?",
                        [doi, f"%{doi}%" if len(doi.encode()) <= LIKE_PATTERN else "%"])
    for citekey, own, fields in rows:
        held = json.loads(fields) if fields else {}
        found = {own.lower()} if own else set()
        for name in ("doi", "ids"):
            value = held.get(name)
            found.update(identifiers.dois_of_field(value) if isinstance(value, str) else [])
        if doi in found:
            return citekey, found
    return None


def alias_keys(conn: sqlite3.Connection) -> set[str]:
    """Every key kept in a paper's `ids` field: a key kb makes must be none of them, or
    a note citing the alias would silently name the new paper (a citekey wins over an
    alias)."""
    out: set[str] = set()
    for (fields,) in conn.execute("select fields from papers where fields like '%\"ids\"%'"):
        out.update(citekeys.aliases(json.loads(fields)))
    return out


def paper_keys(conn: sqlite3.Connection, keys: list[str]) -> list[str]:
    """Each of `keys` as the key of its paper: a citekey as it is, a key kept in a
    paper's `ids` (kb rename, a merged import) as that paper's key; duplicates
    (a paper named by its key and an alias) once, in order. NotFound (the one
    "no paper X" error) for a key no paper has."""
    out: list[str] = []
    for key in keys:
        if not paper_exists(conn, key):
            alias = resolve_alias(conn, key)
            if alias is None:
                raise no_paper(conn, key)
            key = alias
        if key not in out:
            out.append(key)
    return out


def require_paper(conn: sqlite3.Connection, citekey: str) -> dict:
    """citekey, arxiv_id, version and title of a paper (found by its key or one of its
    `ids`); NotFound (exit 2) when there is none."""
    row = conn.execute("select citekey, arxiv_id, version, title from papers where citekey = ?",
                       [citekey]).fetchone()
    if row is None and (alias := resolve_alias(conn, citekey)) is not None:
        row = conn.execute("select citekey, arxiv_id, version, title from papers where citekey = ?",
                           [alias]).fetchone()
    if row is None:
        raise no_paper(conn, citekey)
    return {"citekey": row[0], "arxiv_id": row[1], "version": row[2], "title": row[3]}


def same_paper(source, paper) -> bool:
    """Whether a cached source (its manifest: arxiv_id, doi, title) still belongs to
    `paper` (a papers row), which holds the citekey it was filed under: a command
    that died could have left a key that another paper took since. Identifiers
    decide when both sides have them; then the normalised title; else yes."""
    if source.arxiv_id and paper["arxiv_id"]:
        return source.arxiv_id == paper["arxiv_id"]
    if source.doi and paper["doi"]:
        return source.doi == paper["doi"]
    if source.title and paper["title_norm"]:
        return source.title == paper["title_norm"]
    return True


def titles_alike(a: str | None, b: str | None) -> bool | None:
    """Whether two normalised titles name one work (half the words of the shorter in the other,
    and the numbers that tell works apart the same: a typo corrected, a subtitle added); None
    when one is unknown."""
    if not a or not b:
        return None
    wa, wb = set(a.split()), set(b.split())
    return 2 * len(wa & wb) >= min(len(wa), len(wb)) and titling.numbers_agree(a, b)


def still_its_work(source, paper) -> bool:
    """Whether a cached source filed under `paper`'s key is still that paper's, its entry edited by
    hand since (same_paper asks its title unchanged): an identifier both hold decides; one that
    differs, or none shared, leaves it the paper's where the titles are alike."""
    ids = [(a, b) for a, b in ((source.arxiv_id, paper["arxiv_id"]),
                               ((source.doi or "").lower() or None, (paper["doi"] or "").lower() or None)) if a and b]
    if any(a == b for a, b in ids):
        return True
    return titles_alike(source.title, paper["title_norm"]) is True


def versions_with_text(conn: sqlite3.Connection, citekey: str) -> list[str]:
    """The versions of a paper kb holds text of, oldest first."""
    rows = conn.execute("select version from versions where citekey = ? and text_status = 'ok'",
                        [citekey]).fetchall()
    return sorted((r[0] for r in rows), key=version_number)


def held_versions(held: list[str]) -> str:
    """The versions kb holds text of, for a message: "v1, v3", "its unversioned text"."""
    return ", ".join(v or "its unversioned text" for v in held)


def off_text_sql(table: str, last: str = "page") -> str:
    """SQL true for a verified row of `table` (quotes, claims) pointing at text kb does not
    hold while it holds text of that paper: a version it has no text of (a hand edit:
    "v9"), or a page past the last page of that version's text (of the newest when the
    row names no version), or a row of no paper (`not_held`). As `off_text` and `not_held` decide it,
    in one statement for a listing; `last`:
    the column of the row's last page ("page_end" for quotes)."""
    held = f"select 1 from versions v where v.citekey = {table}.citekey and v.text_status = 'ok'"
    pages = (f"select v.page_count from versions v where v.citekey = {table}.citekey and v.text_status = 'ok' "
             f"and ({table}.version is null or v.version = {table}.version) "
             "order by length(v.version) desc, v.version desc limit 1")
    # a record of no paper (claims/nosuch.toml, an entry deleted or renamed by hand): no text to stand on
    unheld = f"({table}.citekey is not null and not exists (select 1 from papers p where p.citekey = {table}.citekey))"
    return (f"(coalesce({table}.status, 'verified') != 'unverified' and ({unheld} or exists ({held}) and ("
            f"({table}.version is not null and not exists ({held} and v.version = {table}.version)) or "
            f"(max({table}.page, coalesce({table}.{last}, {table}.page)) > coalesce(({pages}), {table}.page)))))")


def no_text_sql(table: str) -> str:
    """SQL true for a row of `table` (quotes, claims) not stored unverified, of a paper of references.bib
    kb holds no text of at all: nothing it says was checked against its paper (a fresh clone, whose page
    text is not in git; a quote copied by hand into the claims file of a paper with no text). Such a row
    is "no-text", `no_text` saying why, in kb verify, kb quote ls, kb claims and kb check alike; the text
    loaded, the derive step decides it as any other."""
    return (f"(coalesce({table}.status, 'verified') != 'unverified' and {table}.citekey is not null "
            f"and exists (select 1 from papers p where p.citekey = {table}.citekey) "
            f"and not exists (select 1 from versions v where v.citekey = {table}.citekey "
            "and v.text_status = 'ok'))")


def no_text(citekey: str, version: str | None) -> str:
    """Why a record of a paper kb holds no text of (`no_text_sql`) is not verified: the one wording of
    every command that lists it."""
    return f"kb holds no text of {citekey} {version or ''}".rstrip() + "; not re-checked"


def not_held(conn: sqlite3.Connection, citekey: str | None) -> str | None:
    """Why a record (a quote or claim) of `citekey` cannot stand verified when references.bib holds no such
    paper (a claims file named for none, claims/nosuch.toml; its entry deleted or renamed by hand); None
    when it holds it."""
    if citekey is None or conn.execute("select 1 from papers where citekey = ?", [citekey]).fetchone():
        return None
    return f"its paper {shown(citekey)} is not in references.bib"


def claim_stands_sql(table: str = "claims") -> str:
    """SQL true for a claim of `table` that stands verified: marked so (or unmarked), with no doubt the derive
    step found of it (kb.quantities.quoted.claim_doubt: no quote, a value its quote does not print, ...), naming
    text kb holds. The one reading of a claim's standing that kb claims (its status column, its UNVERIFIED mark)
    and kb search share."""
    return (f"(coalesce({table}.status, 'verified') = 'verified' and {table}.doubt is null "
            f"and not {off_text_sql(table)})")


def off_text(conn: sqlite3.Connection, citekey: str, version: str | None, page: int | None) -> str | None:
    """Why a record (a quote or claim) names text kb does not hold while it holds text of
    its paper: a version kb has no text of, or a page past the last page of its version's
    text; None when it names text kb holds, or kb holds no text of the paper at all (not
    re-checked, as on a fresh clone)."""
    held = versions_with_text(conn, citekey)
    if not held:
        return None
    label = f"{citekey} {version}" if version else f"{citekey} (unversioned)"
    if version is not None and version not in held:
        return f"kb holds no text of {label}: it holds {held_versions(held)}"
    version = held[-1] if version is None else version
    if page is not None:
        row = conn.execute("select page_count from versions where citekey = ? and version = ?",
                           [citekey, version]).fetchone()
        if row and row[0] is not None and page > row[0]:
            return (f"its page {page} is past the last page of {citekey} {version or ''}".rstrip()
                    + f" ({row[0]} pages)")
    return None


@dataclass
class PageText:
    """The stored page text of one version of a paper (pages numbered from 1)."""

    citekey: str
    version: str
    pages: list[str]
    extractor: str | None
    _doc: Document | None = field(default=None, repr=False)

    @property
    def doc(self) -> Document:
        """The pages normalised for matching (built once, on first use)."""
        if self._doc is None:
            self._doc = Document(self.pages)
        return self._doc


def load_text(conn: sqlite3.Connection, citekey: str, version: str | None,
              cache: dict | None = None) -> PageText | None:
    """The stored page text of `citekey` at `version` (default: the latest held)."""
    if version is None:
        held = versions_with_text(conn, citekey)
        if not held:
            return None
        version = held[-1]
    key = (citekey, version)
    if cache is not None and key in cache:
        return cache[key]
    row = conn.execute("select id, extractor from versions where citekey = ? and version = ? "
                       "and text_status = 'ok'", [citekey, version]).fetchone()
    text = None
    if row:
        pages = [r[0] for r in conn.execute("select text from pages where version_id = ? order by page",
                                            [row[0]])]
        text = PageText(citekey, version, pages, row[1])
    if cache is not None:
        cache[key] = text
    return text


def load_second_text(conn: sqlite3.Connection, citekey: str, version: str,
                     cache: dict | None = None) -> PageText | None:
    """The second extraction of `citekey` at `version` (`kb add --extractor both`,
    `kb text extract`), or None when kb keeps only one."""
    key = ("second", citekey, version)
    if cache is not None and key in cache:
        return cache[key]
    rows = conn.execute("select s.text, s.extractor from second_pages s join versions v on v.id = s.version_id "
                        "where v.citekey = ? and v.version = ? and v.text_status = 'ok' order by s.page",
                        [citekey, version]).fetchall()
    text = PageText(citekey, version, [r[0] for r in rows], rows[0][1]) if rows else None
    if cache is not None:
        cache[key] = text
    return text


def second_extractor(conn: sqlite3.Connection, citekey: str, version: str) -> str | None:
    """The extractor of the second extraction kb keeps of `citekey` at `version`, or None: one row."""
    row = conn.execute("select s.extractor from second_pages s join versions v on v.id = s.version_id "
                       "where v.citekey = ? and v.version = ? and v.text_status = 'ok' limit 1",
                       [citekey, version]).fetchone()
    return row[0] if row else None


def tags_clause(topics: list[str], table: str) -> tuple[str, list]:
    """SQL keeping the rows of `table` tagged with every one of `topics`: whole
    tags of its `topics` JSON list, compared as `kb.store.fts.topic_key` folds them
    ("Énergie" is "énergie" and "energie", "carbon-intensity" is "carbon intensity";
    "energy" is not "energy-efficiency", and a quote merely containing the word is not
    tagged with it; text search is kb.store.fts.topic_clause)."""
    for t in topics:
        # a byte that is not UTF-8 (U+DC80..U+DCFF) raises here as SQLite raised it, which the command line says in
        # one line naming the argument: folded away by topic_key, it listed 'no claims match'
        (t or "").encode("utf-8")
    wanted = [topic_key(t) for t in topics if t and t.strip()]
    if len(wanted) != len([t for t in topics if t is not None]) or not all(wanted):
        return "0", []            # an empty topic matches nothing
    if not wanted:
        return "1", []
    one = f"exists (select 1 from json_each({table}.topics) where {TOPIC_FUNCTION}(value) = ?)"
    return " and ".join([one] * len(wanted)), wanted


def rows_as_dicts(cursor: sqlite3.Cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


#: A paper's DOI as a reference is linked to it: none where the paper's metadata is what kb guessed
#: from its PDF (metadata_status 'incomplete'). Such an entry's DOI was never checked against that
#: work's record: an older kb recorded the DOI a PDF's first page prints, offline, and that is as
#: often a work the PDF cites ('as argued before (doi:...)'): references citing that work linked to
#: this paper. (A record found by it when papers come in is checked against the paper's text:
#: kb.ops.papers._not_the_guess.) `kb doctor` names the DOI (`unchecked_dois`).
CHECKED_DOI = "(case when metadata_status = 'incomplete' then null else doi end)"


def unchecked_dois(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(citekey, DOI) of the papers whose DOI kb matches nothing by (CHECKED_DOI)."""
    return [tuple(r) for r in conn.execute(
        "select citekey, doi from papers where metadata_status = 'incomplete' and doi is not null and doi != '' "
        "order by position")]


def arxiv_stamped(conn: sqlite3.Connection, citekey: str, arxiv_id: str) -> bool:
    """Whether the arXiv id of a paper whose entry kb guessed from its PDF (metadata_status
    'incomplete') is its own as far as its text tells: the first pages of its newest text carry
    arXiv's stamp of that id, or kb holds no text to tell by. An older kb (or a hand edit) recorded
    an id the first page printed otherwise ('BERT (arXiv:1810.04805)'), unchecked: references
    citing that work linked to this paper. `kb doctor` names such an id."""
    held = conn.execute("select id from versions where citekey = ? and text_status = 'ok' order by "
                        "length(version) desc, version desc limit 1", [citekey]).fetchone()
    if held is None:
        return True             # no text to tell by
    first = "\n".join(r[0] for r in conn.execute(
        "select text from pages where version_id = ? order by page limit 1", [held[0]]))
    stamp = identifiers.find_arxiv_stamp(first)         # the first page's margin stamp only
    return stamp is not None and identifiers.bare_arxiv_id(stamp.id) == identifiers.bare_arxiv_id(arxiv_id)


_YEAR = "case when metadata_status = 'incomplete' then null else year end"     # a guess's year is no year


class PaperFinder:
    """Which paper of the knowledge base a description (kb.sources.metadata.PaperMeta) is:
    the one place that decides "the same paper" when papers come in.

    The same arXiv id (any version), else the same DOI, else the same normalised
    title (over 12 characters, so "Introduction" never matches) with the same first
    author or an unknown one. A preprint and its published version merge this way
    when a paper comes in (kb add: the arXiv text of a published paper is its text).
    With `years` (an import: entries of a bibliography), a title and first author prove
    no more than a work: a preprint and its journal version, a report's editions, are
    entries a person keeps apart, so one with another year (both known; the year kb
    guessed from a PDF is none) is not that paper, and `apart` names the paper it was
    not taken for.
    An entry that comes with a key (`find(meta, key)`, an import) is first the paper
    of that key when their titles are the same, however short: re-importing a file
    ("A Login Page") finds its own entries again instead of filing them twice; a key
    kept in a paper's `ids` (its key before kb rename) is that paper's key here too.
    `note` records a paper just filed, so one import recognises its own duplicates.
    With `load` false (one paper coming in: kb add) nothing is read up front; each
    question is asked of the index (its arXiv id, DOI and title indexes), with the same
    answers.
    """

    def __init__(self, conn: sqlite3.Connection, load: bool = True, years: bool = False):
        self.by_arxiv: dict[str, str] = {}
        self.by_doi: dict[str, str] = {}
        self.by_title: dict[str, list[tuple[str | None, str, int | None]]] = {}
        self.by_key: dict[str, tuple[str, str | None]] = {}
        self.apart: str | None = None       # the paper the last description found had all but the year of
        self.years = years
        self.conn = None if load else conn
        if load:
            for row in conn.execute(f"select citekey, arxiv_id, doi, title_norm, first_author, {_YEAR} "
                                    "from papers order by position"):
                self._add(*row)
            self._add_aliases(conn.execute("select citekey, title_norm, fields from papers "
                                           "where fields like '%\"ids\"%' order by position"))

    def _add_aliases(self, rows) -> None:
        """The keys papers keep in `ids` as theirs, after their own keys (a key wins over an alias)."""
        for citekey, title_norm, fields in rows:
            for alias in citekeys.aliases(json.loads(fields)):
                self.by_key.setdefault(alias.lower(), (citekey, title_norm))

    def _add(self, citekey: str, arxiv_id: str | None, doi: str | None, title_norm: str | None,
             author: str | None, year: int | None = None) -> None:
        self.by_key.setdefault(citekey.lower(), (citekey, title_norm))
        if arxiv_id:
            self.by_arxiv.setdefault(arxiv_id, citekey)
        if doi:
            self.by_doi.setdefault(doi.lower(), citekey)
        if title_norm:
            self.by_title.setdefault(title_norm, []).append((author, citekey, year))

    def find(self, meta, key: str | None = None) -> str | None:
        self.apart = None
        if self.conn is not None:
            self._ask(meta, key)
        if key:
            held = self.by_key.get(key.lower())
            if held and (held[1] or "") == titling.normalise_title(meta.title):
                return held[0]
        if meta.arxiv_id and meta.arxiv_id in self.by_arxiv:
            return self.by_arxiv[meta.arxiv_id]
        if meta.doi and meta.doi.lower() in self.by_doi:
            return self.by_doi[meta.doi.lower()]
        title = titling.normalise_title(meta.title)
        if title and len(title) > 12:
            author = authornames.first_author_key(meta.authors)
            for other, citekey, year in self.by_title.get(title, []):
                if not author or not other or other == author:
                    if self.years and meta.year and year and meta.year != year:
                        self.apart = self.apart or citekey
                        continue
                    return citekey
        return None

    def short_twin(self, meta) -> str | None:
        """The paper (loaded, or noted by this import) whose title is `meta`'s, too short for `find` to take as
        proof (12 characters or fewer: "Green AI"), and whose first author and year are `meta`'s, all three
        known, and no DOI nor arXiv id telling them apart: most likely the same paper, which `find` does not say."""
        title = titling.normalise_title(meta.title)
        author = authornames.first_author_key(meta.authors)
        if not title or len(title) > 12 or not author or not meta.year:
            return None
        for other, citekey, year in self.by_title.get(title, []):
            if other != author or year != meta.year:
                continue
            # another DOI or arXiv id of its own: another paper
            if any(mine and any(v == citekey and k != mine for k, v in held.items())
                   for mine, held in ((meta.doi and meta.doi.lower(), self.by_doi), (meta.arxiv_id, self.by_arxiv))):
                continue
            return citekey
        return None

    def _ask(self, meta, key: str | None) -> None:
        """The papers of the index `find` may answer with, in the order loading all of them
        would have seen them (by position, the first of a kind kept)."""
        asked = []
        if key:
            asked.append(("lower(citekey) = ?", key.lower()))
        if meta.arxiv_id:
            asked.append(("arxiv_id = ?", meta.arxiv_id))
        if meta.doi:
            asked.append(("lower(doi) = ?", meta.doi.lower()))
        title = titling.normalise_title(meta.title)
        if title:
            asked.append(("title_norm = ?", title))
        if not asked:
            return
        for row in self.conn.execute(
                f"select citekey, arxiv_id, doi, title_norm, first_author, {_YEAR} from papers where "
                + " or ".join(f"({where})" for where, _ in asked) + " order by position",
                [value for _, value in asked]):
            if row[0] not in {c for c, _ in self.by_key.values()}:
                self._add(*row)
        if key and key.lower() not in self.by_key and (holder := resolve_alias(self.conn, key)) is not None:
            self._add_aliases(self.conn.execute("select citekey, title_norm, fields from papers where citekey = ?",
                                                [holder]))

    def note(self, meta, citekey: str) -> None:
        self._add(citekey, meta.arxiv_id, meta.doi, titling.normalise_title(meta.title),
                  authornames.first_author_key(meta.authors), meta.year)


def record_filter(conn: sqlite3.Connection, table: str, topics: list[str] | None, text: list[str] | None,
                  paper: str | None) -> tuple[str, list]:
    """SQL keeping the quotes or claims (`table`) tagged with every one of `topics`, holding
    the words of every `text` (full text), of `paper` (its key, or a key kept in its `ids`).
    A `paper` that names no paper and no records (a key typed wrong) is the one "no paper X"
    error: `kb quote ls --paper typo` said 'no quotes match' and exited 0. Records still
    filed under a key taken out of references.bib are listed."""
    where, params = tags_clause(topics or [], table)
    if text:
        more, extra = topic_clause(text, f"{table}_fts")
        where += f" and {more}"
        params.extend(extra)
    if paper:
        if not paper_exists(conn, paper):          # a key kept in its ids (kb rename)
            named = resolve_alias(conn, paper)
            if named is None and conn.execute("select 1 from quotes where citekey = ? union all "
                                              "select 1 from claims where citekey = ? limit 1",
                                              [paper, paper]).fetchone() is None:
                raise no_paper(conn, paper)
            paper = named or paper
        where += " and citekey = ?"
        params.append(paper)
    return where, params
