"""Which truth files changed since they were indexed: stat only, never reading them.

Every command that opens a knowledge base asks this first (KB.sync): at 10,000 claims
files, 10,000 stats and a read of as many `files` rows. The stats are the floor (a file
edited in place changes nothing but its own identity); the rest is kept to one ordered
read and one comparison of two lists. (Asking it in a thread while the command's modules
load was tried and measured slower: the thread's loop and the imports contend for the
interpreter, and each stat waits for its turn.) The `kb` command asks it of a forked
process instead (`prefetch`), which stats the files on another core while this one
loads the command: the next `scan` takes its answer.
"""

from __future__ import annotations

import contextlib
import fcntl
import marshal
import os
import threading
from pathlib import Path

from kb.atomic import identity
from kb.store.paths import Layout
from kb.text.lazyre import lazy

BIB_REL = "references.bib"

#: What kb records of references.bib beside its papers rows when it reads the file (the
#: fields using an @string macro it never defines: `Indexer.record_undefined`): bumped when
#: that changes, so an index made by an older kb reads references.bib again, once, on its
#: next command (`KB.reread_bib`), without waiting for the file to change or `kb rebuild`.
#: 1: the undefined @string macros listings flag. 2: and fields using a macro defined through
#: one (`@string{a = a}`, read by BibTeX as nothing). 3: the keys of its @xdata and @set entries,
#: which a command given one names as what it is, not as no paper. 4: an '@type{' after a '%' on its
#: line outside entries, after an entry too ('} % @misc{old, ...'), is a comment, as biber reads it.
#: 5: lines counted, and `% kb-owned:` lines found, at \r\n or a classic Mac \r alone as at \n.
#: 6: a merge conflict's marker left alone (its <<<<<<< line deleted) refuses the file, as a whole conflict does.
#: 7: fields after an entry's closing brace (`title={One}}, year=...`) refuse the file, where the entry was read without them.
#: 8: one saved as UTF-16 or UTF-32 by an editor is read as such (written back so), as claims files and kb.toml are;
#: an entry of over 1,000 fields refuses the file, as kb import refuses it, where it was read whole.
BIB_READING = "8"

# How kb.store.index.paper_row renders an entry (LaTeX to text, names, titles, identifiers). reindex_bib
# renders again only entries whose fields changed, so a kb whose rendering changes bumps
# this and every row is rendered again once, on the next command (KB.rerender_papers; the index's meta
# table keeps the last one). Here, beside BIB_READING, so that every command reads it without loading the indexer.
PAPER_RENDERING = "35"         # 2: ``quotes'', !` ?` and & decoded by pylatexenc, as the rest
#                                3: an organisation's first author keyed whole ('internationalenergyagency')
#                                4: a percent sign no backslash escapes is one, not a comment ('40% of ...')
#                                5: a name or title in another script keyed in it ('王小明', '深度学习')
#                                6: an organisation keyed without its acronym ('{International Energy Agency (IEA)}'),
#                                   whole where named in another language ('Institut Pasteur') or with 'and'
#                                7: the year and venue a crossref parent lends ('crossref = {conf2020}'), a
#                                   biblatex journaltitle as the venue
#                                8: a body's name ending in 'Survey', 'Fund', 'Board', 'Panel' or, after 'and', 'of',
#                                   'for' or 'U.S.', 'Service' keyed whole ('U.S. Forest Service', not 'service')
#                                9: a name opening with 'The' keyed whole ('The World Bank', not 'bank'), as
#                                   a reference list's entry keys it; a doi written as a link, after 'doi:' or
#                                   with LaTeX's escapes ('\_') read as the DOI, and a url to doi.org as the DOI
#                                   of an entry with no doi field
#                               10: a version field is an arXiv version only beside an arXiv id
#                                   (a @software's 'version = {3}' is no 'v3'); @xdata and @set are no papers
#                               11: a work's one author, a body's name closed by an acronym that is no person's
#                                   initials, keyed whole ('Stanford HAI', not 'hai'; 'Ioannidis JPA' as before)
#                               12: the arXiv id of Mendeley's arxivId, DBLP's CoRR volume ('abs/2001.00001') and
#                                   arXiv's DataCite DOI ('10.48550/arXiv.2001.00001')
#                                   also: an entry naming no DOI takes none from a source whose metadata kb guessed
#                                   (an older kb filed the DOI a PDF's first page prints there, unchecked)
#                               13: a person's entry naming an arXiv id is of origin "bibtex" (kb's own, "arxiv");
#                                   the arXiv id a booktitle, journaltitle, eid or pages names ('arXiv preprint
#                                   arXiv:2104.10350'), Semantic Scholar's volume 'abs/1906.02243' of journal
#                                   'ArXiv', biblatex's eprintclass as the primary class; an edited
#                                   work's editors where it names no author (DBLP's @proceedings); the text of
#                                   '\mbox{GPT-3}', '\texttt{x}', Zotero's '{\textgreater}' and '{\textbar}'
#                               14: a work's one author, a firm's name and its lab's acronym, or a body's name and
#                                   an acronym with no vowel, keyed whole ('Meta FAIR', not 'fair'; 'Stanford CRFM')
#                               15: the fields an entry has through its @xdata (xdata = {jdata}: its journal, publisher)
#                               16: a body's acronym before its name in brackets keyed as the name ('{IEA (International
#                                   Energy Agency)}': internationalenergyagency, was iea)
#                                   and a firm's without its legal form ('{Google LLC}': google, was googlellc)
#                               17: a bank's or a 'World' body's name unbraced keyed whole ('World Bank': worldbank, was bank)
#                               18: a legislature's or treasury's name unbraced keyed whole ('U.S. Congress': uscongress, was
#                                   congress; 'HM Treasury': hmtreasury)
#                               19: an AAS journal macro as the venue as LaTeX prints it (ADS's 'journal = {\apj}': ApJ,
#                                   was nothing)
#                               20: a firm's name holding capitals joined by '&' or closing with 'Companies', 'Industries',
#                                   'Holdings', 'Enterprises', 'Partners' or 'Associates' keyed whole ('S&P Global':
#                                   spglobal, was global)
#                               21: an eprint's or DOI prefix's digits of another script read as ASCII ('２３１１.１６８６３')
#                               22: a title's character that shows nothing joins its words ('Pre\u00adtraining': pretraining,
#                                   was 'pre training'; 'Energy\u200bUse': energyuse)
#                               23: a title's sub- and superscripts as Unicode's characters for them ('{CO$_2$}': CO₂, was
#                                   CO_2; '$^{14}$C': ¹⁴C; '$O(n^2)$': O(n²)), where it has one for each; an operator's
#                                   name spaced from what it applies to ('$\log g$': log g, was logg); LaTeX's text
#                                   symbols pylatexenc lacks ('X\textunderscore Y': X_Y, was XY; '\S 3': §3), and
#                                   '\-' no soft hyphen ('hyphen\-ation': hyphenation); a math relation spaced on
#                                   both sides where written so ('$T \approx 5800$': T ≈ 5800, was T ≈5800)
#                               24: LaTeX's case commands applied ('\MakeUppercase{bert}': BERT, was bert;
#                                   \MakeLowercase, \uppercase, \lowercase alike)
#                               25: a body named by its field and its country an organisation, keyed whole ('Statistics
#                                   Canada': statisticscanada, was canada; 'Innovate UK')
#                               26: a firm named with its trade an organisation, keyed whole ('Deloitte Insights':
#                                   deloitteinsights, was insights; 'Gartner Consulting', 'IBM Analytics')
#                               27: a body closed by 'Force' after its kind an organisation, keyed whole ('Internet
#                                   Engineering Task Force': internetengineeringtaskforce, was force; 'U.S. Air Force')
#                               28: a record's HTML, JATS and MathML markup read as its text ('<i>in vitro</i>',
#                                   'CO<sub>2</sub>': CO₂, '<scp>BERT</scp>', '<mml:msub>...', '&amp;'; were shown tags)
#                               29: a firm named after its founders an organisation, keyed whole ('Goldman Sachs':
#                                   goldmansachs, was sachs; 'Morgan Stanley', 'Booz Allen Hamilton')
#                               30: a MathML element's name alone in a title is its text ('The <math> element in HTML5'
#                                   was shown 'The element in HTML5'), dropped only inside a MathML formula
#                               31: a firm keyed one way: its '&' as 'and' ('{Marks \\& Spencer}': marksandspencer, was
#                                   marksspencer; a bare '&' was dropped), its legal form dropped ('{Siemens AG}': siemens,
#                                   was siemensag; '{Nestlé S.A.}', '{SAP SE}', '{Samsung Electronics Co., Ltd.}')
#                               32: a firm's 'Corporation' or 'Company' dropped as its legal form ('{Microsoft Corporation}':
#                                   microsoft, was microsoftcorporation), not where the name is nothing without it
#                                   ('{Company of Biologists}', '{Smith \\& Company}'; '{Smith & Co.}': smithandco, was smithand)
#                                   also: a bare '&' shown as the '&' it is ('Energy & Policy' was shown 'Energy Policy')
#                               33: a name in Han, kana or Hangul keyed whole when an ideographic or no-break space parts
#                                   its names ('李\u3000明': 李明 as '李 明' is, was 明)
#                               34: an entry with no journal or booktitle shown in its eventtitle, a part of a book in its
#                                   series alone (an LNCS chapter's 'series = {Lecture Notes in Computer Science}' showed
#                                   no venue); one with no url at the link its howpublished or note is alone
#                                   ('howpublished = {\\url{https://...}}', JabRef's web pages, showed none)
#                               35: a url's LaTeX escapes read as the characters an address holds (Mendeley's
#                                   'url = {https://x.org/a\\_b.pdf}' was shown 'https://x.org/a\\_b.pdf'), a url written
#                                   '\\url{...}' as its argument

#: What decides whether a truth file changed since it was indexed, without reading it.


def is_claims_name(name: str) -> bool:
    """Whether a file in claims/ named so is a claims file: `*.toml`, but not a hidden one,
    which kb never writes (a key's leading '.' is escaped) and editors do beside the file
    they edit (Emacs's lock `.#x.toml`, a link to nowhere; macOS's `._x.toml`), nor a copy a
    merge or sync tool left (`copy_of`), nor one whose name is not UTF-8 (`utf8_name`): kb writes
    every name it reads into its index, which holds text alone."""
    # (copy_of's first tests, here: no call for the common name; ".toml" alone ends at the first test)
    return name.endswith(".toml") and name[0] != "." and (name[-6] not in _COPY_LAST or not (
        "_" in name or " (" in name or "." in name[:-5]) or copy_of(name) is None) and (
        name.isascii() or utf8_name(name))


def utf8_name(name: str) -> bool:
    """Whether a file name os.listdir gave is UTF-8: a byte that is not (a name written in Latin-1
    on another system) comes as a lone surrogate, which no text column can hold."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# A copy a merge or sync tool leaves beside the file it merged: git mergetool's x_BACKUP_1234.toml,
# x_BASE_, x_LOCAL_, x_REMOTE_ (x.BASE.1234.toml from older git), a sync service's
# "x (Ada's conflicted copy 2024-01-02).toml", Syncthing's x.sync-conflict-20240102-030405-ABCDEFG.toml.
_COPY_LAST = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ)")      # the character before .toml of one
#: What a sync service adds to the name of a copy it could not merge (kb.store.index reads it too, of .bib files).
SYNC_COPY_MARK = r" \([^()]*conflicted copy[^()]*\)|\.sync-conflict-[0-9]{8}-[0-9]{6}(?:-[A-Z0-9]+)?"
_TOOL_COPY = lazy(r"(.+?)(?:[_.](?:BACKUP|BASE|LOCAL|REMOTE)[_.][0-9]+|" + SYNC_COPY_MARK + r")\.toml")


def copy_of(name: str) -> str | None:
    """The name of the claims file that `name` is a copy of, left beside it by a merge or sync
    tool; None for any other name. Read as a claims file, such a copy held every record twice,
    each id was said to be used twice, and `kb rebuild` indexed whichever file came first. A key kb
    writes holds no space nor parentheses, and none ends in _BASE_ and a number as git's copies do."""
    if name[-6:-5] not in _COPY_LAST or not ("_" in name or " (" in name or "." in name[:-5]):
        return None                                                 # the common case: no regex
    m = _TOOL_COPY.fullmatch(name)
    return None if m is None else m.group(1) + ".toml"


def truth_files(layout: Layout) -> dict[str, Path]:
    files = {BIB_REL: layout.bib}
    if layout.claims.is_dir():
        for path in sorted(layout.claims.glob("*.toml")):
            if is_claims_name(path.name):
                files[f"claims/{path.name}"] = path
    return files


class Scan(list):
    """A `scan`'s list, with its `fingerprint` when the process that made it computed one
    (a `prefetch`'s child does, on its own core; None here, where it would cost more than
    the comparison it spares)."""

    digest: str | None = None


def fingerprint(listing: list) -> str:
    """A digest of a list of file identities as `scan` lists them and the `files` table
    holds them (path, size, mtime_ns, ctime_ns, inode, in order of path). marshal's format
    0 writes every value by what it is, never by which object holds it (later formats
    write a value seen before as a reference to it, and strings by whether they were
    interned): equal lists give equal bytes. 3 ms at 10,000 files. (hashlib is loaded here, not
    when the `kb` command starts: `kb where` and `kb --help` never need it.)"""
    import hashlib

    return hashlib.blake2b(marshal.dumps(list(listing), 0), digest_size=16).hexdigest()


def remember(conn) -> None:
    """Note the fingerprint of the `files` table in `meta` (files_digest), inside the write
    transaction that left the table as it is: `changed_since` then compares a scan's
    fingerprint with one row, not every row (10,000 at 10,000 claims files: 20 ms of each
    command). Any change to `files` drops the note (triggers, kb.store.db m020), so a
    note is never older than the table; a missing one is made by the next write."""
    if conn.execute("select 1 from meta where key = 'files_digest'").fetchone() is not None:
        return
    rows = conn.execute("select path, size, mtime_ns, ctime_ns, inode from files order by path").fetchall()
    conn.execute("insert or replace into meta (key, value) values ('files_digest', ?)", [fingerprint(rows)])


def scan(layout: Layout) -> Scan:
    """(relative path, *identity) of every truth file, as the `files` table holds them, in
    order of path: one scandir and one stat a file, no Path objects (a knowledge base may
    hold thousands of claims files, and this runs on every command: the stats are most of
    its cost). The answer of a `prefetch` of the same knowledge base, when one was begun
    and no file was added, removed, renamed or replaced since it began."""
    begun = _prefetched(layout)
    return begun if begun is not None else _scan_now(layout)


def _scan_now(layout: Layout) -> Scan:
    out = Scan(_claims_identities(layout))
    st = identity(layout.bib)
    if st is not None:
        out.append((BIB_REL, *st))
    out.sort()
    return out


def _claims_identities(layout: Layout) -> list[tuple[str, int, int, int, int]]:
    out: list[tuple[str, int, int, int, int]] = []
    # Listed through a descriptor of the folder where the platform allows it: each stat then
    # looks up one name, not the whole path.
    folder: int | None = None
    try:
        if os.scandir in os.supports_fd and hasattr(os, "O_DIRECTORY"):
            folder = os.open(layout.claims, os.O_RDONLY | os.O_DIRECTORY)
        with os.scandir(layout.claims if folder is None else folder) as entries:
            for entry in entries:
                name = entry.name
                if is_claims_name(name):
                    try:
                        # One kb cannot read (a link to a moved file, a folder, a link in a loop)
                        # is listed as itself: never in step with the index, so every command
                        # says so. is_file() raises for a loop (ELOOP), where lstat still answers.
                        try:
                            regular = entry.is_file()
                        except OSError:
                            regular = False
                        s = entry.stat() if regular else entry.stat(follow_symlinks=False)
                        out.append(("claims/" + name, s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino))
                    except OSError:
                        continue
    except OSError:             # no claims folder (or none kb may read): no claims files
        pass
    finally:
        if folder is not None:
            os.close(folder)
    return out


def glance(layout: Layout) -> tuple:
    """The identities of references.bib and of the claims folder (which changes when a file
    in it is added, removed, renamed or replaced, not when one is edited in place)."""
    return identity(layout.bib), identity(layout.claims)


def stale_files(conn, layout: Layout) -> list[str]:
    """Truth files whose size, mtime, ctime or inode differ from what was indexed, and
    indexed files that are gone (cheap: stat only). Both sides are in order of path, so
    the common answer, nothing changed, is one query and one comparison of two lists;
    only when they differ is each file looked up."""
    if not layout.db.exists():
        return list(truth_files(layout)) or [BIB_REL]
    return changed_since(conn, scan(layout))


def changed_since(conn, current: list[tuple[str, int, int, int, int]]) -> list[str]:
    """stale_files of a `scan` made already (in another thread, say): when the scan has a
    fingerprint and the index noted one (`remember`), the common answer, nothing changed,
    is one row read."""
    digest = getattr(current, "digest", None)
    if digest is not None:
        noted = conn.execute("select value from meta where key = 'files_digest'").fetchone()
        if noted is not None and noted[0] == digest:
            return []
    rows = conn.execute("select path, size, mtime_ns, ctime_ns, inode from files order by path").fetchall()
    if rows == current:
        return []
    recorded = {path: tuple(ident) for path, *ident in rows}
    now = {rel: tuple(ident) for rel, *ident in current}
    stale = [rel for rel, ident in now.items() if recorded.get(rel) != ident]
    stale += [rel for rel in recorded if rel not in now]
    return stale


# -- the same scan, begun in another process -------------------------------------------

#: Scans begun by `prefetch`, by claims folder: (the child's pid, the read end of its pipe).
_begun: dict[str, tuple[int, int]] = {}

#: A claims folder whose directory file is smaller than this is scanned here: a fork costs
#: more than its stats (the size grows with the names a folder holds: about 2,000 names on
#: ext4, where 10,000 claims files make 280 KB; it decides only where the scan runs).
PREFETCH_FOLDER_BYTES = 64 * 1024


def prefetch(layout: Layout) -> bool:
    """Begin `scan(layout)` in a forked child process, which stats the truth files on
    another core while this process loads the command and opens the index; the next
    `scan` of this knowledge base takes the child's answer (at 10,000 claims files, the
    40 ms of stats leave the command's own time). The child notes `glance(layout)` before
    it scans: if a file was added, removed, renamed or replaced, or references.bib
    changed, by the time its answer is taken, the answer is dropped and the files
    scanned again here; a file edited in place meanwhile is as if edited a moment after
    the check, as it always could be. Only where fork is safe (POSIX, and no other
    thread in this process: the `kb` command at its start), and for a claims folder large
    enough to be worth it (PREFETCH_FOLDER_BYTES); False when not begun."""
    key = str(layout.claims)
    if key in _begun or not hasattr(os, "fork") or threading.active_count() != 1:
        return False
    try:
        if os.stat(layout.claims).st_size < PREFETCH_FOLDER_BYTES:
            return False
    except OSError:
        return False
    try:
        read, write = _above_stdio(*os.pipe())
    except OSError:
        return False
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return False
    if pid == 0:                                    # the child: scan, send, leave
        code = 1
        try:
            os.close(read)
            for fd in (0, 1, 2):                    # a reader of kb's output waits for none of it
                with contextlib.suppress(OSError):
                    os.close(fd)
            scanned = _scan_now(layout)
            answer = memoryview(marshal.dumps((glance(layout), fingerprint(scanned), list(scanned))))
            while answer:
                answer = answer[os.write(write, answer):]
            code = 0
        finally:
            os._exit(code)                          # nothing of the parent's runs here: no exit handlers
    os.close(write)
    _begun[key] = (pid, read)
    return True


def _above_stdio(read: int, write: int) -> list[int]:
    """The pipe's descriptors moved above 2, where they landed on a standard stream this
    process was started without (`kb ls <&-`): the command would read its input from
    the pipe, and the child, which closes 0-2, its own end of it."""
    fds = [read, write]
    try:
        for i, fd in enumerate(fds):
            if fd <= 2:
                fds[i] = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 3)
                os.close(fd)
    except OSError:
        for fd in fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        raise
    return fds


def _prefetched(layout: Layout) -> Scan | None:
    """The answer of the child `prefetch` began for this knowledge base, once; None when
    none was begun, the child failed, or a file changed in a way `glance` sees since."""
    begun = _begun.pop(str(layout.claims), None)
    if begun is None:
        return None
    pid, read = begun
    chunks: list[bytes] = []
    try:
        while chunk := os.read(read, 1 << 20):
            chunks.append(chunk)
    except OSError:
        chunks = []
    finally:
        os.close(read)
        with contextlib.suppress(OSError):
            os.waitpid(pid, 0)
    try:
        before, digest, scanned = marshal.loads(b"".join(chunks))
    except (EOFError, ValueError, TypeError):
        return None                                 # nothing sent (the child failed), or cut short
    if before != glance(layout):
        return None
    out = Scan(scanned)
    out.digest = digest
    return out
