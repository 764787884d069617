"""Bringing papers in: `kb add` (arXiv, DOI, local PDF), `kb import`, `kb text load`.

Network work and text extraction happen before the writer lock is taken; under
the lock kb decides the citekey, writes references.bib atomically, then
indexes the paper in one transaction. The same arXiv id (any version), DOI, or
title and first author is recognised as the same paper, which is updated
rather than duplicated.
"""

from __future__ import annotations

import gc
import json
import os
import re
import shlex
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator, NamedTuple

from kb.atomic import STDIN_NAME, Identity, identity, read_input, said, saved_encoding, shown
from kb.errors import (
    FileFormatError,
    KBError,
    LimitExceeded,
    NetworkError,
    NotFound,
    PDFError,
    UsageError,
    shell_word,
)
from kb.ops import bulk
from kb.ops.library import rename_paper, settle_key, split_tags, tag_separator
from kb.sources import citekey as citekeys
from kb.sources import doi as doimod
from kb.sources.arxiv import fetch_metadata, fetch_pdf, looks_complete
from kb.sources.bibmodel import is_work
from kb.sources.bibtex import (
    BOOKKEEPING,
    CONTROL_CHARS,
    KEY_FIELDS,
    WINDOWS_PATH,
    BibFile,
    append_owned,
    case_apart,
    compare_reading,
    date_disagrees,
    decode,
    defused,
    file_directories,
    file_names,
    fit_model,
    keys_listed,
    parents_missing,
    pybtex_reading,
    rekeyed,
    render_entry,
    same_value,
    screen_reading,
    screen_text,
    second_reading_text,
    tex_hazard,
    too_many_fields,
    wide_encoding,
)
from kb.sources.bibtex import MAX_FIELDS as bibtex_max_fields
from kb.sources.metadata import PaperMeta, from_arxiv, from_bib_fields
from kb.sources.pdf import (
    REPEATED,
    copyright_year,
    extract_plan,
    guess_year,
    is_pdf,
    not_a_pdf,
    parse_plan,
    split_info_authors,
    unread_pages,
)
from kb.sources.textfile import not_page_text, parse_text_source
from kb.store.cache import sha256
from kb.store.knowledgebase import KB
from kb.store.queries import (
    PaperFinder,
    alias_keys,
    declared_dois,
    no_paper,
    resolve_alias,
    same_paper,
)
from kb.store.sqlite import transaction
from kb.text.display import agreeing, counted
from kb.text.ids import (
    ArxivId,
    Doi,
    LocalFile,
    bare_arxiv_id,
    find_arxiv_in_filename,
    find_arxiv_stamp,
    normalise_doi,
    parse_identifier,
)
from kb.text.latex import latex_to_text
from kb.text.lazyre import lazy
from kb.text.names import last_name, to_bibtex_names
from kb.text.titles import normalise_title
from kb.text.typed import typed
from kb.text.versions import labelled, normalise_version, version_number

#: An @string definition in a .bib file (its macros could give a new entry's month another meaning).
_STRING_DEFINITION = lazy(r"@\s*string\s*[{(]", re.IGNORECASE)
#: An @xdata or @set entry: no paper of the index, so its key is known only from the file, which a
#: new entry's key must not take.
_DATA_ENTRY = lazy(r"@\s*(?:xdata|set)\s*[{(]", re.IGNORECASE)


@dataclass
class AddResult:
    citekey: str
    action: str                      # added | updated | unchanged
    title: str = ""
    version: str = ""
    pages: int | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """As --json prints it: a paper of no version has version null, as every listing gives it."""
        return {**self.__dict__, "version": self.version or None}


@dataclass
class _Source:
    """A source of page text on its way into the knowledge base."""
    manifest: object | None = None
    version: str = ""
    pages: list[str] | None = None
    extractor: str | None = None
    status: str = "none"
    message: str | None = None
    result: object | None = None       # the pdf.Extracted, when extraction ran
    second: object | None = None       # the other extractor's pdf.Extracted (plan "both")
    plan: str | None = None            # the extractors that made it (recorded in the manifest)
    references: list | None = None     # its reference list, when a worker parsed it (kb.ops.bulk)


def _unread(src: _Source) -> dict[int, str] | None:
    """The pages of `src` kept empty as unread (pdf.unread_pages) for the index; {} of a page text (no extractor
    lost any), None where not known."""
    if src.result is not None:
        return unread_pages(src.result)
    return {} if src.manifest is not None and getattr(src.manifest, "kind", None) == "text" else None


# -- finding the same paper -----------------------------------------------------------

def _holder_of(db, sources: list["_Source"], cache=None) -> str | None:
    """The paper a source file already belongs to: the same PDF added again (after
    a limit was raised, its text may give a title other than its file name did), or a PDF
    deleted from the cache by hand whose text kb rebuild kept as a page text (Manifest.pdf_gone:
    added again as kb rebuild said to, it was filed as a second paper of the same work)."""

    for src in sources:
        held = [src.manifest] if src.manifest is not None else []
        if cache is not None and src.manifest is not None and src.manifest.kind == "pdf":
            held += [m for m in (cache.get(p.stem) for p in sorted(cache.folder.glob("*.pages")))
                     if m is not None and m.pdf_gone == src.manifest.filename]
        for m in held:
            for citekey in m.citekeys:
                paper = next(iter(db.query("select arxiv_id, doi, title_norm from papers where citekey = ?",
                                           [citekey])), None)
                if paper is not None and same_paper(m, paper):
                    return citekey
    return None


#: The share of a PDF's words the text a paper holds must have for the PDF, found by the title
#: and first author kb guessed from it alone, to be taken as that paper's text; and the share of
#: the held text's words a new text of the same version must have to replace it.
SAME_TEXT_WORDS = 0.5
#: The share of the held text's length (its words, counted) a new text of the same version must
#: have to replace it: 12 of a paper's 21 pages hold most of its words, but not the quotes of
#: the other nine; a corrected PDF, another download or a two-column reprint keep their length.
KEPT_TEXT_LENGTH = 0.8
_WORD = lazy(r"[^\W\d_]{4,}")


class _Weighed(NamedTuple):
    words: set[str]             # the new text's words
    known: set[str]             # the held text's
    length: int                 # the new text's words, counted
    held_length: int            # the held text's
    pages: int                  # the held text's pages
    before: str | None = None   # the version whose text it was weighed against, where not its own


def _held_text(db, key: str, src: "_Source", earlier: bool = False) -> _Weighed | None:
    """`src`'s text weighed against the text `key` holds for its version from another file;
    None when there is nothing to weigh. With `earlier`, a version `key` holds no text of
    (v2 of a paper kb holds v1 of) is weighed against the newest version before it, whose text
    the new one takes over as the paper's newest. The same file, read by another extractor or
    filed before, is never weighed: its words are the file's, not fewer of them."""
    if not src.pages or src.manifest is None:
        return None
    return _weighed(db, key, src.pages, src.version, src.manifest.sha256, earlier)


def _weighed(db, key: str, pages: list[str], version: str, sha: str, earlier: bool) -> _Weighed | None:
    """_held_text of a text of `pages` from the file of hash `sha`, as version `version` of `key`."""
    held = db.execute("select id, sha256, page_count from versions where citekey = ? and version = ? "
                      "and text_status = 'ok'", [key, version]).fetchone()
    before = None
    if held is None and earlier and version_number(version):
        held_versions = list(db.execute("select id, sha256, page_count, version from versions where citekey = ? "
                                        "and text_status = 'ok'", [key]))
        older = [r for r in held_versions if version_number(r[3]) < version_number(version)]
        newest = all(version_number(r[3]) < version_number(version) for r in held_versions)
        if older and newest:
            held = max(older, key=lambda r: version_number(r[3]))
            before = held[3]
    if held is None or held[1] == sha or (before is not None and db.execute(
            "select 1 from versions where citekey = ? and sha256 = ?", [key, sha]).fetchone()):
        return None                     # the very file whose text it holds (one file filed as v1 and v2)
    new = _WORD.findall(" ".join(pages).lower())
    old = _WORD.findall(" ".join(r[0] for r in db.execute("select text from pages where version_id = ?",
                                                          [held[0]])).lower())
    return _Weighed(set(new), set(old), len(new), len(old), held[2] or 0, before)


def _another_text(db, key: str, sources: list["_Source"]) -> bool:
    """Whether a PDF matched to paper `key` by nothing but the title and first author kb
    guessed from it ('Technical Report', 'Jane Roe') is another work: `key` holds the text of
    another file for that version, under SAME_TEXT_WORDS of the PDF's words are in it, and
    under SAME_TEXT_WORDS of its words in the PDF's. Two reports of one guessed title were one
    paper, the second's text replacing the first's under its quotes; a new PDF of the same
    paper (a correction, another download) shares most of its words, and the whole paper
    most of an excerpt's held (which it was filed apart from)."""
    for src in sources:
        w = _held_text(db, key, src)
        if w and w.words and w.known:
            shared = len(w.words & w.known)
            if shared < SAME_TEXT_WORDS * len(w.words) and shared < SAME_TEXT_WORDS * len(w.known):
                return True
    return False


def _not_the_guess(db, key: str, meta: PaperMeta) -> bool:
    """Whether a record (arXiv's, a DOI's, a person's entry) found to be paper `key` by an identifier
    is another work: `key`'s entry is kb's guess from its PDF (its identifiers unchecked: an older kb
    took the arXiv id or DOI the first page printed, as often a work it cites, 'BERT (arXiv:1810.04805)'),
    and the first pages of the text `key` holds do not print the record's title, as kb checks a PDF
    it adds. That work's record then replaced the guess, its title over this paper's text."""
    row = db.execute("select metadata_status, title_norm from papers where citekey = ?", [key]).fetchone()
    if row is None or row[0] != "incomplete" or not meta.title or row[1] == normalise_title(meta.title):
        return False            # kb's own entry, or found by the title kb guessed
    held = db.execute("select id from versions where citekey = ? and text_status = 'ok' "
                      "order by length(version) desc, version desc limit 1", [key]).fetchone()
    if held is None:
        return False            # no text to check it against
    pages = [r[0] for r in db.execute("select text from pages where version_id = ? order by page limit 2",
                                      [held[0]])]
    stamp = find_arxiv_stamp(pages[0]) if pages else None     # the first page's margin stamp only
    if stamp is not None and meta.arxiv_id and stamp.id == meta.arxiv_id \
            and _record_printed(latex_to_text(meta.title), meta.authors, pages):
        return False            # arXiv's stamp on the text, and its record's authors: the id is the paper's
    return bool(pages) and not _title_printed(latex_to_text(meta.title), pages)


def _other_holder(db, guess: str, meta: PaperMeta) -> str | None:
    """The paper other than `guess` (_not_the_guess) with `meta`'s arXiv id or DOI whose entry kb did not
    guess (filed apart before: `kb add doi:X` run twice made it twice), else None."""
    asked = [("arxiv_id = ?", meta.arxiv_id)] if meta.arxiv_id else []
    asked += [("lower(doi) = ?", meta.doi.lower())] if meta.doi else []
    if not asked:
        return None
    row = db.execute("select citekey from papers where citekey != ? and metadata_status != 'incomplete' and ("
                     + " or ".join(w for w, _ in asked) + ") order by position limit 1",
                     [guess] + [v for _, v in asked]).fetchone()
    return row[0] if row else None


def _ids_of(meta: PaperMeta) -> str:
    return " and ".join(n for n in ((f"arXiv id {meta.arxiv_id}" if meta.arxiv_id else ""),
                                    (f"DOI {meta.doi}" if meta.doi else "")) if n) or "identifier"


def _less_than_held(w: _Weighed) -> str | None:
    """How a new text is less than the text it was weighed against (under SAME_TEXT_WORDS of its
    words, under KEPT_TEXT_LENGTH of its length), or None when it is not."""
    if not w.known:
        return None
    shared = len(w.words & w.known)
    if shared < SAME_TEXT_WORDS * len(w.known):
        return "few of whose words it has"
    if w.length < KEPT_TEXT_LENGTH * w.held_length:
        return f"{w.length / w.held_length:.0%} of whose length it has"
    return None


def _keep_held_text(db, key: str, sources: list["_Source"], name: str) -> None:
    """Refuse a text that would replace a part of the text `key` holds for its version, however
    the PDF was matched to `key` (its arXiv id, DOI or title): under SAME_TEXT_WORDS of the held
    text's words are in it, or it is under KEPT_TEXT_LENGTH of its length. An excerpt, a chapter
    or the first pages of a paper whose whole text kb held became its text, and the quotes
    verified on the other pages lost theirs. A whole text replacing an excerpt, or a corrected
    PDF of the same paper, keeps its words and its length. A newer version whose text kb holds
    none of is weighed so against the version before it: a one-page PDF of v2 became the text
    kb verifies quotes in, and v1's verified quotes were stale."""
    for src in sources:
        w = _held_text(db, key, src, earlier=True)
        if w is None or not w.known:
            continue
        how = _less_than_held(w)
        if how is None:
            continue
        given = "-" if name == STDIN_NAME else name        # as the command was given it: `-` for stdin
        if w.before is not None:
            # A newer version is the text kb verifies quotes in: a partial PDF or an abstract page of v2
            # left v1's quotes stale without a word.
            raise UsageError(f"{name} ({counted(len(src.pages), 'page')}) would be the text of {labelled(key, src.version)}, "
                             f"the newest, beside the {w.pages}-page text kb holds of {labelled(key, w.before)}, "
                             f"{how} (a part of the paper?): nothing added",
                             hint=f"kb add --replace-text {given} takes it as the text of {src.version}")
        raise UsageError(f"{name} ({counted(len(src.pages), 'page')}) would replace the {w.pages}-page text kb holds of "
                         f"{labelled(key, src.version)}, {how}: nothing added, the held text kept",
                         hint=f"kb add --replace-text {given} makes it {key}'s text")


# -- sources ------------------------------------------------------------------------

def _plan_for(kb: KB, data: bytes, extractor: str | None) -> str | None:
    """The extractors to use: those asked for, else those the same file was added
    with before (its manifest), else the default (pdf.parse_plan)."""
    if extractor:
        return extractor
    held = kb.sources.get(sha256(data))
    return held.extractor if held is not None and held.kind == "pdf" and held.extractor else None


def _extract_source(kb: KB, data: bytes, source: str, notes: list[str],
                    extractor: str | None = None) -> _Source:

    try:
        result = extract_plan(data, _plan_for(kb, data, extractor), kb.limits(), source=source,
                              progress=_page_progress(kb, source))
    except (PDFError, LimitExceeded) as exc:
        return _source_of(None, exc, source, notes)
    return _source_of(result, None, source, notes)


def _source_of(result, error: KBError | None, source: str, notes: list[str],
               references: list | None = None) -> _Source:
    """A source from what extraction gave (its pdf.Extracted, or the PDFError or
    LimitExceeded it raised), here or in a worker of kb.ops.bulk: the same either way."""
    src = _Source()
    if isinstance(error, LimitExceeded):
        src.status = "over-limit"
        src.message = str(error)
        notes.append(str(error) + "; kept with metadata only")
        return src
    if error is not None:
        src.status = "encrypted" if "encrypted" in error.message else "corrupt"
        src.message = error.message
        notes.append(error.message + "; kept with metadata only")
        return src
    src.extractor = result.extractor
    src.plan = result.plan
    notes.extend(f"{shown(Path(source).name)}: {w}" for w in result.warnings
                 if "could not read" in w or w.startswith(REPEATED))
    if result.status != "ok":
        src.status = result.status
        src.message = result.message
        notes.append(result.message)
    else:
        src.status = "ok"
        src.pages = result.pages
        src.second = result.second
        src.references = references
    src.result = result
    return src


def _page_progress(kb: KB, label: str):
    """Extraction progress for `kb.progress`: ("extracting NAME", pages done, pages)."""
    label = f"extracting {shown(Path(label).name)}"
    return lambda done, total: kb.progress(label, done, total, "pages")


def _arxiv_source(kb: KB, record, notes: list[str], refresh: bool = False,
                  extractor: str | None = None) -> _Source:
    """The PDF of one arXiv version: from the cache if held (and whole), else downloaded.
    With `refresh` it is downloaded again (a cached copy that was cut off is replaced)."""
    version = f"v{record.version}"
    cached = [m for m in kb.sources.find(arxiv_id=record.id, version=version) if m.kind == "pdf"]
    try:
        data = kb.sources.read(cached[0]) if cached and not refresh else None
    except (OSError, FileFormatError):     # gone or replaced by hand: downloaded again
        data = None
    if data is not None and looks_complete(data):
        manifest = cached[0]
    else:
        url, data = fetch_pdf(kb.client, record)
        manifest = kb.sources.put(data, "pdf", "pdf", arxiv_id=record.id, version=version,
                                  source_url=url, origin="arxiv", doi=record.doi)
    src = _extract_source(kb, data, f"arXiv {record.versioned}", notes, extractor)
    stamp = src.result.arxiv if src.result else None
    if stamp is not None and (bare_arxiv_id(stamp.id) != bare_arxiv_id(record.id)
                              or (stamp.version and record.version and stamp.version != record.version)):
        # arXiv prints its stamp on the PDF of the version asked for: the stamp of another paper or
        # version is a wrong answer (a mirror, a proxy's cache), whose text would verify quotes as this one's
        kb.sources.discard_unfiled(data, "pdf")
        raise NetworkError(f"the PDF sent for arXiv {record.versioned} carries arXiv's stamp of {stamp.versioned}: "
                           "another " + ("version's" if bare_arxiv_id(stamp.id) == bare_arxiv_id(record.id)
                                         else "paper's") + " PDF, not kept",
                           hint="try again later, or with --refresh if the cached copy is the wrong one")
    if src.plan and manifest.extractor != src.plan:
        manifest.extractor = src.plan       # how a rebuild extracts it again
        kb.sources.save(manifest)
    src.manifest = manifest
    src.version = version
    return src


# -- writing a paper in ---------------------------------------------------------------

def _folded(value: str) -> str:
    """A field's text as a reader sees it: LaTeX accents and braces resolved, case and spacing folded."""
    return " ".join(latex_to_text(value).replace("{", "").replace("}", "").casefold().split())


def _merge_fields(existing: dict[str, str], meta: PaperMeta, newer_version: bool) -> dict[str, str]:
    """Fields kb sets on an existing entry: only what the new metadata adds or updates."""
    new = meta.bib_fields()
    out = {}
    for name, value in new.items():
        if name not in existing:
            out[name] = value
        elif name == "version" and newer_version:
            out[name] = value
    return out


@dataclass
class _Appending:
    """references.bib read as text only, to add one new entry at its end: the index holds
    every other entry and knows where the file's `% kb-owned:` lines are, so only the new
    entry is read (reading a file of 10,000 entries takes about a second)."""
    text: str
    read_as: Identity | None            # the file's identity when `text` was read
    spans: list[tuple[int, int]]
    keys: set[str]                      # the citekeys the index has, so the file has
    entry: object = None                # the new BibEntry, once appended
    after: str = ""
    owned_at: list[tuple[int, int]] = field(default_factory=list)   # the kb-owned lines in `after`


def _appending(kb: KB) -> _Appending | None:
    """How to add a new entry without reading references.bib's entries, or None when it
    must be read: the index is not in step with the file, does not know where its
    kb-owned lines are, or the file defines @string macros (which could give a month of
    the new entry another meaning), holds an @xdata or @set entry (whose key the index
    does not know) or JabRef's meta blocks."""
    if not kb.indexer.bib_in_step():
        return None
    read_as = identity(kb.layout.bib)
    text = decode(read_input(kb.layout.bib, "the BibTeX file"), str(kb.layout.bib))
    spans = kb.indexer.owned_spans(text)
    if spans is None or _STRING_DEFINITION.search(text) or _DATA_ENTRY.search(text) \
            or "jabref-meta:" in text or "jabref-entrytype:" in text:
        return None         # (JabRef's @Comment{jabref-meta: ...} blocks end the file: the entry goes before them)
    return _Appending(text, read_as, spans, {r[0] for r in kb.conn.execute("select citekey from papers")})


def _entry_as_indexed(kb: KB, key: str) -> tuple[str, dict[str, str], bool] | None:
    """(entry type, fields, whether kb wrote it) of the entry of `key` as the index holds it,
    without reading references.bib's entries, when the index is in step with the file and
    knows where its kb-owned lines are (as for _appending); None when the file must be read.
    A paper added again (`kb add` run twice, a PDF of a paper kb has) mostly changes no
    field: at 10,000 entries, reading them all took 0.3 s of its 0.4."""
    if not kb.indexer.bib_in_step():
        return None
    row = kb.conn.execute("select entry_type, fields from papers where citekey = ?", [key]).fetchone()
    if row is None:
        return None
    text = decode(read_input(kb.layout.bib, "the BibTeX file"), str(kb.layout.bib))
    spans = kb.indexer.owned_spans(text)
    if spans is None:
        return None
    fields = json.loads(row[1])
    listed = keys_listed([text[s:e] for s, e in spans])
    # kb's entry: its key listed, or one it had before (its `ids`: kb rename keeps the old key there)
    owned = key in listed or any(k in listed for k in citekeys.aliases(fields))
    return row[0], fields, owned


def _key_from_metadata(db, kb: KB, key: str, held: dict[str, str], changes: dict[str, str]) -> str | None:
    """The key kb would make of an entry's new authors and year, where its key was made when its
    entry had neither (a PDF whose text kb could not read, added offline); None otherwise, or
    where that is its key already."""
    if any((held.get(f) or "").strip() for f in ("author", "editor", "year", "date")):
        return None
    fields = {**held, **changes}
    author, year = (fields.get("author") or "").strip(), (fields.get("year") or "").strip()
    if not author or not year:
        return None
    taken = {r[0] for r in db.execute("select citekey from papers")} | alias_keys(kb.conn)
    fresh = citekeys.make_key([a.strip() for a in re.split(r"\s+and\s+", author) if a.strip()], year,
                              latex_to_text(fields.get("title") or "") or None, taken - {key})
    return None if fresh == key else fresh


def _append_entry(kb: KB, plan: _Appending, key: str, entry_type: str, fields: dict[str, str]) -> None:
    """Write references.bib with the new entry at its end, listed as kb's (what BibFile's
    set_entry, mark_owned and render give: keys naming no entry leave the list)."""
    text = render_entry(key, entry_type, fields)
    plan.entry = BibFile(text, str(kb.layout.bib)).entries()[0]
    listed = keys_listed([plan.text[s:e] for s, e in plan.spans]) | {key}
    stray = listed - plan.keys - {key}
    if stray:                            # a key kept in an entry's ids (kb rename) stays listed
        aliases = alias_keys(kb.conn) | set(citekeys.aliases(plan.entry.fields))
        listed -= stray - aliases
    plan.after, plan.owned_at = append_owned(plan.text, plan.spans, text, sorted(listed))
    kb.write_file(kb.layout.bib, plan.after, plan.read_as)


def _commit_paper(kb: KB, meta: PaperMeta, sources: list[_Source], *, incomplete: bool,
                  replace_text: bool = True, name: str = "the PDF", held: str | None = None) -> AddResult:
    """Under the lock: choose or reuse the citekey, write references.bib, index it all.
    A new paper is appended to references.bib without reading its other entries when
    the index is in step with it (_appending); otherwise the file is read and rewritten.
    `held`: the paper `meta` is, where references.bib says so (a DOI its entry declares)."""

    with kb.writing():
        db = kb.db
        notes: list[str] = []
        if held is not None and not db.execute("select 1 from papers where citekey = ?", [held]).fetchone():
            held = None             # its entry gone since: found as any other
        key = held or PaperFinder(kb.conn, load=False).find(meta) or _holder_of(db, sources, kb.sources)
        if key and incomplete and not (meta.arxiv_id or meta.doi) and _another_text(db, key, sources):
            notes.append(f"it has the title and first author kb read for {key} ({latex_to_text(meta.title)!r}), "
                         f"but another text, few of whose words {key}'s has: filed as a paper of its own (if it "
                         f"is {key}, `kb text load {key} FILE --replace` makes its text that paper's)")
            key = None
        if key and not incomplete and _not_the_guess(db, key, meta):
            guess, key = key, _other_holder(db, key, meta)
            if key is None:
                notes.append(f"{guess}, whose entry kb guessed from its PDF, has its {_ids_of(meta)}, but its text does "
                             f"not print this work's title ({latex_to_text(meta.title)!r}; an older kb recorded an "
                             "identifier the PDF's first page printed, unchecked): filed as a paper of its own")
        if key and not replace_text:
            _keep_held_text(db, key, sources, name)
        elif key:
            # taken as asked, or as arXiv serves the version (a withdrawn paper's v2 is a page): said
            for src in sources:
                w = _held_text(db, key, src, earlier=True)
                how = _less_than_held(w) if w is not None and w.before is not None else None
                if how is not None:
                    notes.append(f"the text of {src.version} ({counted(len(src.pages), 'page')}) is less than the "
                                 f"{w.pages}-page text of {labelled(key, w.before)}, {how}: quotes are verified in "
                                 f"{src.version} now (kb verify names those it lacks)")
        plan = None if key else _appending(kb)
        retype = None
        indexed = _entry_as_indexed(kb, key) if key else None
        bibfile = BibFile.load(kb.layout.bib) if plan is None and indexed is None else None
        if indexed is not None or (bibfile is not None and key and key in bibfile.by_key):
            if indexed is not None:
                entry_type, entry_fields, owned = indexed
            else:
                entry = bibfile.by_key[key].entry
                entry_type, entry_fields, owned = entry.entry_type, entry.fields, bibfile.owned(key)
            old_version = from_bib_fields(entry_type, entry_fields).version or 0
            if not owned:           # the versions kb holds say which is newer, not the entry
                old_version = max([version_number(r[0]) for r in db.execute(
                    "select version from versions where citekey = ?", [key])] + [old_version])
            newer = bool(meta.version and meta.version > old_version)
            status = db.execute("select metadata_status from papers where citekey = ?", [key]).fetchone()[0]
            if status == "incomplete" and not incomplete:
                # Real metadata replaces what was guessed from the PDF, its entry type too: a guessed
                # @misc found to be a journal's article stayed @misc, which takes no journal or volume.
                changes = {k: v for k, v in meta.bib_fields().items() if entry_fields.get(k) != v}
                # a field held that says what the metadata says (its braces, accents or case as
                # the person wrote them: {Multi-LexSum}) is kept; each one replaced is said, with
                # what it held: an entry edited by hand lost its title's braces unsaid
                changes = {k: v for k, v in changes.items()
                           if not entry_fields.get(k) or _folded(entry_fields[k]) != _folded(v)}
                replaced = [k for k in changes if entry_fields.get(k)]
                if replaced and owned:      # (a person's entry is kept whole, and that is said below)
                    notes.append("kb's guess from its PDF replaced by the metadata: "
                                 + "; ".join(f"{k} (was {said(entry_fields[k], 60)})" for k in sorted(replaced)))
                if owned and changes and meta.entry_type and meta.entry_type.lower() != entry_type.lower():
                    retype = meta.entry_type
            else:
                changes = _merge_fields(entry_fields, meta, newer)
                # each field the metadata adds to an entry is said: 'updated' alone named none
                added = sorted(k for k in fit_model(entry_type, {**entry_fields, **changes}) if k not in entry_fields)
                if owned and added:
                    notes.append(f"added {', '.join(added)} from the metadata")
            if not owned and changes:
                # An imported or hand-written entry is the user's: kept byte for byte. The
                # arXiv id and version live in the source cache's manifest and the index.
                held = f"; arXiv:{meta.arxiv_id}v{meta.version} is recorded in kb's index and source cache" \
                    if meta.arxiv_id and meta.version and sources else ""
                notes.append("entry kept as you wrote it (kb adds fields only to entries it wrote): did not "
                             f"write {', '.join(sorted(fit_model(entry_type, changes)) or sorted(changes))}{held}")
                changes = {}
            action = "updated" if changes else "unchanged"
            better = _key_from_metadata(db, kb, key, entry_fields, changes) if owned else None
            if better is not None:
                # a key made when kb knew no author and no year ('anonndarxiv' of a PDF whose text timed
                # out) stays, as every key does: the key the metadata gives is said, with the command
                notes.append(f"its key {key} was made when kb knew neither its authors nor its year: "
                             f"`kb rename {key} {better}` gives it one from them (the old key stays an alias)")
            if changes and bibfile is None:     # the entry changes: the file is read to rewrite it
                bibfile = BibFile.load(kb.layout.bib)
            if newer and old_version:
                notes.append(f"new version v{meta.version} (had v{old_version}); "
                             "the old version's text is kept")
        else:
            # Taken in any case (citekeys.unique_key), aliases too: a note citing one must keep naming its paper.
            taken = (plan.keys if plan is not None else
                     bibfile.keys() | {r[0] for r in db.execute("select citekey from papers")}) | alias_keys(kb.conn)
            key = citekeys.make_key(meta.authors, meta.year, latex_to_text(meta.title) or meta.key_word, taken)
            entry_type = meta.entry_type
            changes = meta.bib_fields()
            action = "added"
            # what the type takes no field for is left out, and said once, as it is written: Crossref's
            # publisher of a journal's article (biber's @article has none; BibTeX's styles print none)
            fitted = fit_model(entry_type, changes)
            left = [(k, v) for k, v in changes.items() if v and k.lower() not in fitted
                    and k.lower() not in ("version", "journal-ref") and not (k.lower() == "publisher" and any(
                        fitted.get(other) == v for other in ("institution", "howpublished", "organization")))]
            if left:
                notes.append("left out of its @" + entry_type + " entry (no field of biber's data model for it): "
                             + "; ".join(f"{k} {said(latex_to_text(v), 60)}" for k, v in left))
        # The cache learns which paper a source belongs to before references.bib
        # changes, so a crash in between leaves the source findable (kb/store/index.py).
        for src in sources:
            if src.manifest is not None and (key not in src.manifest.citekeys or src.manifest.writer_pid):
                if key not in src.manifest.citekeys:
                    src.manifest.citekeys.append(key)
                src.manifest.metadata_complete = not incomplete
                src.manifest.title = normalise_title(meta.title)
                src.manifest.writer_pid = None          # filed: no longer this process's to guard
                kb.sources.save(src.manifest)
        owned_at = None
        written_anew = action == "added"     # a new entry is written even of no field (a PDF kb read no title of)
        if (changes or written_anew) and plan is not None:
            _append_entry(kb, plan, key, entry_type, changes)
            owned_at = plan.after, plan.owned_at
        elif changes or written_anew:
            before = bibfile.render()
            if retype:
                bibfile.replace_entry(key, re.sub(r"^(\s*@\s*)\w+", lambda m: m.group(1) + retype,
                                                  bibfile.entry_text(key), count=1))
                entry_type = retype
            bibfile.set_entry(key, entry_type, changes)
            if action == "added":
                bibfile.mark_owned(key)         # kb's own entry: it may add fields to it later
            written = bibfile.render_with_owned()
            after = written[0]
            if after == before:     # nothing the entry's type has a field for
                changes, written_anew = {}, False
                action = "unchanged" if action == "updated" else action
            else:
                kb.write_file(kb.layout.bib, after, bibfile.read_as)
        with transaction(db):
            if (changes or written_anew) and plan is not None:
                kb.indexer.add_entry(plan.entry, len(plan.keys))
            elif changes or written_anew:
                kb.indexer.reindex_bib(bibfile, written=written)    # notes where its kb-owned lines are now
            if owned_at is not None:
                kb.indexer.record_owned_spans(*owned_at)
            if action == "added":
                db.execute("update papers set metadata_status = ?, origin = ? where citekey = ?",
                           ["incomplete" if incomplete else "complete", meta.origin, key])
            elif not incomplete:
                db.execute("update papers set metadata_status = 'complete', origin = ? where citekey = ?",
                           [meta.origin, key])
                for m in kb.sources.find(citekey=key):
                    if not m.metadata_complete:
                        m.metadata_complete = True
                        kb.sources.save(m)
            replaced: set[str] = set()          # the sources this add's versions read before it
            for src in sources:
                current = db.execute("select sha256, text_status, extractor, exists (select 1 from second_pages s "
                                     "where s.version_id = versions.id) from versions "
                                     "where citekey = ? and version = ?", [key, src.version]).fetchone()
                sha = src.manifest.sha256 if src.manifest is not None else None
                if current and tuple(current) == (sha, src.status, src.extractor, int(src.second is not None)):
                    continue
                if current and current[1] == "ok" and src.status != "ok":
                    continue   # never replace good text with a failed extraction
                if current and current[0] and current[0] != sha:
                    replaced.add(current[0])
                kb.indexer.store_version(key, src.version, manifest=src.manifest, pages=src.pages,
                                         extractor=src.extractor, text_status=src.status,
                                         text_message=src.message, second=src.second,
                                         references=src.references, unread=_unread(src))
                if action == "unchanged":
                    action = "updated"
            kb.derive_pending()
        named = {sha for sha in replaced
                 if db.execute("select 1 from versions where sha256 = ?", [sha]).fetchone() is not None}
        for src in sources:
            if src.manifest is None or src.manifest.kind != "pdf" or not replaced:
                continue
            # the page text kb rebuild kept of this very PDF, deleted by hand before, which this add's version read
            # until now: the PDF is back and no version reads that text any more (a second copy kb doctor would
            # call the PDF gone)
            for m in kb.sources.outlived(named, src.manifest.filename, among=replaced):
                kb.sources.path(m).unlink(missing_ok=True)
                kb.sources.manifest_path(m.sha256).unlink(missing_ok=True)
                notes.append(f"the page text kb rebuild kept of its PDF while it was gone ({m.filename}) removed: "
                             "the PDF is back, and its text is read again")
        # the title as filed and read back, as kb ls shows it: the record's own read as LaTeX printed another
        # ('A \\input{x} Paper' of arXiv's said 'A Paper'; a PDF's 'The $100 problem' said 'The 100 problem')
        filed = db.execute("select title from papers where citekey = ?", [key]).fetchone()
        result = AddResult(citekey=key, action=action, title=filed[0] if filed and filed[0] is not None
                           else latex_to_text(meta.title), notes=notes)
        if sources:
            result.version = sources[-1].version
            result.pages = len(sources[-1].pages) if sources[-1].pages else None
        return result


# -- the three kinds of identifier ------------------------------------------------------

def add(kb: KB, text: str, *, offline: bool = False, refresh: bool = False,
        extractor: str | None = None, keep_unreadable: bool = False, replace_text: bool = False) -> AddResult:
    """Add a paper by arXiv id, DOI or local PDF. `extractor`: "pdfium", "pypdf" or
    "both" (pdf.parse_plan); None: what the same file was added with, else the default.
    `keep_unreadable`: a PDF no extractor can read is kept as a paper of metadata only
    (its file name), where it is refused (_unreadable). `replace_text`: a PDF's text replaces
    the text its paper holds even where it has few of its words (_keep_held_text)."""
    if extractor is not None:
        parse_plan(extractor)               # an unknown name is refused before any download
    ident = parse_identifier(text)
    options = {"extractor": extractor} if extractor is not None else {}
    if offline and isinstance(ident, (ArxivId, Doi)):
        kb.client.settings.offline = True     # from the cache (as KB_OFFLINE=1), or a clear error
        try:
            return add(kb, text, refresh=refresh, replace_text=replace_text, **options)
        except NetworkError as exc:
            held = _latest_held(kb, ident) if isinstance(ident, ArxivId) else None
            if held is None or ident.version is not None:
                other = f" (kb holds v{held} of it: kb add --offline arxiv:{ident.id}v{held})" if held else ""
                raise NetworkError(f"{ident} is not in kb's cache, and --offline fetches nothing{other}",
                                   hint="add it once with the network; it is then cached") from exc
        # arXiv's latest version is not known offline, the latest kb holds is: that one (said), where
        # 'arxiv:2206.10883' while kb held v3 of it was 'not in kb's cache'
        result = add(kb, f"arxiv:{ident.id}v{held}", refresh=refresh, replace_text=replace_text, **options)
        result.notes.append(f"--offline: v{held} is the latest version of arXiv {ident.id} kb holds; arXiv may have a "
                            "later one (kb add without --offline asks it)")
        return result
    if isinstance(ident, ArxivId):
        return _settled(kb, add_arxiv(kb, ident, refresh=refresh, extractor=extractor))
    if isinstance(ident, Doi):
        return _settled(kb, add_doi(kb, ident.doi, refresh=refresh))
    return _settled(kb, add_pdf(kb, ident.path, offline=offline, extractor=extractor,
                                keep_unreadable=keep_unreadable, replace_text=replace_text))


def _latest_held(kb: KB, ident: ArxivId) -> int | None:
    """The latest version of arXiv paper `ident` (unversioned) whose text kb holds, or None."""
    rows = kb.db.execute("select v.version from versions v join papers p on p.citekey = v.citekey "
                         "where p.arxiv_id = ? and v.text_status = 'ok'", [ident.id]).fetchall()
    held = [int(r[0][1:]) for r in rows if r[0] and r[0][:1] == "v" and r[0][1:].isdigit()]
    return max(held) if held else None


def add_file(kb: KB, path, *, offline: bool = False, extractor: str | None = None,
             keep_unreadable: bool = False, replace_text: bool = False) -> AddResult:
    """A PDF given as a file object rather than a name (standard input: `kb add -`), as
    `add` adds a PDF named by its path."""
    if extractor is not None:
        parse_plan(extractor)
    return _settled(kb, add_pdf(kb, path, offline=offline, extractor=extractor, keep_unreadable=keep_unreadable,
                                replace_text=replace_text))


def _settled(kb: KB, result: AddResult) -> AddResult:
    """A key made before the metadata was known (anon…) renamed once it is (library.settle_key)."""
    result.citekey, note = settle_key(kb, result.citekey)
    if note:
        result.notes.append(note)
    return result


def add_with_pdf(kb: KB, text: str, pdf: Path, **options) -> AddResult:
    """`kb add doi:X FILE.pdf` (or arxiv:X FILE.pdf): paper X, with FILE as its PDF: one
    paper, not two. The file is read and checked first, then X is added (its metadata
    fetched); when either fails nothing is written. `options` as for `add`."""
    data = read_input(pdf, "the PDF")
    if not is_pdf(data):
        raise PDFError(f"{shown(pdf)} is {not_a_pdf(data)}; nothing added")
    result = add(kb, text, **options)
    out = ImportResult()
    _attach_pdf(kb, result.citekey, pdf, out, replace_text=options.get("replace_text", False))
    if out.attached:
        result.notes = [n for n in result.notes if not n.startswith("metadata only")]
        row = kb.db.execute("select version, page_count from versions where citekey = ? and sha256 = ?",
                            [result.citekey, sha256(data)]).fetchone()
        if row:
            result.version, result.pages = row[0] or result.version, row[1]
        result.action = "updated" if result.action == "unchanged" else result.action
        result.notes.append(f"{shown(pdf.name)} attached as its PDF")
    result.notes += out.warnings
    return result


def attach_file(kb: KB, citekey: str, pdf, *, extractor: str | None = None,
                replace_text: bool = False) -> AddResult:
    """`kb add FILE.pdf --key KEY`: FILE as the PDF of the paper references.bib holds under KEY (or
    one of its ids), whatever title or metadata the file carries (a scan, a publisher's PDF whose
    metadata names another work), where `kb add FILE.pdf` finds the paper by the title kb reads
    from it or makes a new one. Checked as an imported entry's file field is, since nothing else
    vouches for it: refused when its first pages print neither the paper's title nor most of two
    of its authors' names (another paper's text would verify its quotes), or when it lacks most of
    the text the paper holds (without `replace_text`); nothing is written then."""
    paper = citekey if kb.db.execute("select 1 from papers where citekey = ?", [citekey]).fetchone() \
        else resolve_alias(kb.conn, citekey)
    if paper is None:
        raise no_paper(kb.conn, citekey)
    data = read_input(pdf, "the PDF")
    if not is_pdf(data):
        raise PDFError(f"{shown(Path(pdf).name)} is {not_a_pdf(data)}; nothing attached")
    title = kb.db.execute("select title from papers where citekey = ?", [paper]).fetchone()[0] or ""
    result = AddResult(paper, "unchanged", latex_to_text(title))
    if not _attached(kb, paper, data):
        pdf = Path(pdf)
        out = ImportResult()
        notes: list[str] = []
        src = _extract_source(kb, data, str(pdf), notes, extractor)
        _attach_source(kb, paper, pdf, data, src, notes, out, replace_text=replace_text, named_by_entry=True)
        result.action = "updated"
        result.notes += out.warnings + [f"{shown(pdf.name)} attached as its PDF"]
    else:
        result.notes.append(f"{shown(Path(pdf).name)} is its PDF already")
    row = kb.db.execute("select version, page_count from versions where citekey = ? and sha256 = ?",
                        [paper, sha256(data)]).fetchone()
    if row:
        result.version, result.pages = row[0] or "", row[1]
    # the same file filed as another paper too: the one `kb add FILE.pdf` made of it, most often
    others = [r[0] for r in kb.db.execute("select distinct v.citekey from versions v join papers p on "
                                          "p.citekey = v.citekey where v.sha256 = ? and v.citekey != ? "
                                          "order by v.citekey", [sha256(data), paper])]
    if others:
        result.notes.append(f"{shown(Path(pdf).name)} is the text of {', '.join(others)} too "
                            f"({'a paper' if len(others) == 1 else 'papers'} kb add made of it?): kb rm "
                            f"{others[0]} if it was {paper}")
    return result


def add_many(kb: KB, items: list[tuple[str, Path | None]], *, offline: bool = False, refresh: bool = False,
             extractor: str | None = None, jobs: int = 1, keep_unreadable: bool = False,
             replace_text: bool = False, extract=None, apart: bool = False) -> Iterator[tuple[str, AddResult | KBError]]:
    """`kb add` of many identifiers: each item is (identifier, the PDF given with it or
    None), and each yields (identifier, its AddResult, or the KBError that stopped it
    while the others go on), in the order given. The local PDFs among them are
    extracted by a pool of `jobs` processes (1: in this process, no pool; a script
    passing more must guard its top level with `if __name__ == "__main__":`, as
    worker processes start by importing it;
    `extract`: what a worker runs, kb.ops.bulk; `apart`: one job in a worker too, as
    bulk.extract_in_order says) while this process commits each paper
    in its turn, as `add` does; the others are added here, one after the other.
    Progress: ("adding N papers", done, N, "papers")."""
    if extractor is not None:
        parse_plan(extractor)
    options = {"offline": offline, "refresh": refresh, "extractor": extractor, "keep_unreadable": keep_unreadable,
               "replace_text": replace_text}

    def local(item) -> Path | None:
        text, pdf = item
        if pdf is not None:
            return None
        try:
            ident = parse_identifier(text)
        except KBError:
            return None                     # refused in its turn, by `add`
        return ident.path if isinstance(ident, LocalFile) else None

    def prepare(item) -> bulk.Task | None:
        path = local(item)
        if path is None:
            return None
        data = read_input(path, "the PDF")
        return bulk.Task(data, _plan_for(kb, data, extractor), str(path))

    if sum(local(item) is not None for item in items) < 2:
        jobs, apart = 1, False          # a single PDF is read here, as by kb add of one
    label = f"adding {len(items):,} papers"
    kb.progress(label, 0, len(items), "papers")
    more = {"extract": extract} if extract is not None else {}
    for n, one in enumerate(bulk.extract_in_order(items, prepare, kb.limits(), jobs, apart=apart, **more), 1):
        text, pdf = one.item
        try:
            if one.outcome.refused is not None:
                raise one.outcome.refused
            if one.outcome.crashed:
                raise PDFError(f"{one.task.source}: {one.outcome.crashed}; nothing added",
                               hint="try it alone, or with --extractor pypdf")
            if one.task is not None:
                notes: list[str] = []
                src = _source_of(one.outcome.result, one.outcome.error, one.task.source, notes,
                                 one.outcome.references)
                result = _settled(kb, _add_extracted(kb, Path(one.task.source), one.task.data, src, notes,
                                                     offline=offline, keep_unreadable=keep_unreadable,
                                                     replace_text=replace_text))
            elif pdf is not None:
                result = add_with_pdf(kb, text, pdf, **options)
            else:
                result = add(kb, text, **options)
        except KBError as exc:
            yield text, exc
        else:
            yield text, result
        kb.progress(label, n, len(items), "papers")


#: The longest title a record kb files may carry: no paper's title is near it (the longest known are a few hundred
#: characters); a server's answer of one longer (a megabyte of title) is no record of a paper.
MAX_TITLE = 2000


def _bounded_title(meta: PaperMeta, record: str) -> PaperMeta:
    """`meta`, refused where its title is longer than any paper's: a record whose title was a megabyte long was
    filed so, references.bib holding it whole and kb ls printing it on every call."""
    # and its venue and journal reference, as short in every paper's record (a megabyte of arXiv's journal_ref was
    # filed whole as its note)
    for what, value in (("title", meta.title), ("venue", meta.venue), ("journal reference", meta.extra.get(
            "journal-ref"))):
        if len(value or "") > MAX_TITLE:
            raise NetworkError(f"{record} ({meta.origin}) has a {what} of {len(value):,} characters, longer than "
                               f"any paper's (kb files at most {MAX_TITLE:,}): nothing written",
                               hint="try again later with --refresh, or add the paper's PDF or a BibTeX entry")
    return meta


#: The most authors kb files of one record: the longest author lists known (a physics collaboration's) are a little
#: over 5,000 names; a server's answer of 100,000 was filed whole.
MAX_AUTHORS = 6000


def _unread_said(meta: PaperMeta, doi: str) -> str | None:
    """What of Crossref's record of `doi` kb could not read and filed without (its authors as a string, say)."""
    if not meta.unread:
        return None
    items = meta.unread
    joined = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
    return f"Crossref's record of {doi}: kb cannot read {joined}; filed without them"


def _bounded_authors(meta: PaperMeta, record: str) -> str | None:
    """Cut `meta`'s authors to the first MAX_AUTHORS and "others" (BibTeX's word for more), saying so; None when
    they are fewer."""
    if len(meta.authors) <= MAX_AUTHORS:
        return None
    n = len(meta.authors)
    meta.authors = meta.authors[:MAX_AUTHORS] + ["others"]
    return (f"{record} ({meta.origin}) lists {n:,} authors, more than any paper's: filed the first "
            f"{MAX_AUTHORS:,} and 'others' (the other {n - MAX_AUTHORS:,} are not in references.bib)")


def _nameless_authors(meta: PaperMeta, record, said: str) -> str | None:
    """Say an arXiv record's authors given with no name (an <author> of no <name>, or an empty one), dropped
    from the list filed, which ends in 'others' (BibTeX's word for more) so it is never taken as whole; None when
    every author has a name."""
    holes = record.nameless
    if not holes:
        return None
    if meta.authors and meta.authors[-1] != "others":
        meta.authors = meta.authors + ["others"]
    places = ", ".join(_ordinal(i) for i in holes[:3]) + (f" and {len(holes) - 3:,} more" if len(holes) > 3 else "")
    named = len(record.authors)
    kept = f"filed the other {named:,} and 'others'" if meta.authors else "filed the paper with no authors"
    return (f"{said} (arxiv) lists {named + len(holes):,} authors, {len(holes):,} of them with no name "
            f"(the {places}): {kept}")


def _ordinal(n: int) -> str:
    tail = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n:,}{tail}"


def add_arxiv(kb: KB, ident: ArxivId, *, refresh: bool = False, extractor: str | None = None) -> AddResult:

    if ident.version and not refresh and extractor is None:
        # A pinned version already held needs no request at all.
        row = kb.db.execute(
            "select p.citekey, p.title, v.page_count from papers p join versions v on v.citekey = p.citekey "
            "where p.arxiv_id = ? and v.version = ? and v.text_status = 'ok'",
            [ident.id, f"v{ident.version}"]).fetchone()
        if row:
            return AddResult(citekey=row[0], action="unchanged", title=row[1],
                             version=f"v{ident.version}", pages=row[2])
    record = fetch_metadata(kb.client, ident, refresh=refresh)
    notes: list[str] = []
    meta = _bounded_title(from_arxiv(record), f"arXiv's record of {record.versioned}")
    cut = _bounded_authors(meta, f"arXiv's record of {record.versioned}")
    holes = _nameless_authors(meta, record, f"arXiv's record of {record.versioned}")
    src = _arxiv_source(kb, record, notes, refresh=refresh, extractor=extractor)
    result = _commit_paper(kb, meta, [src], incomplete=False)
    result.notes = [said for said in (cut, holes) if said] + notes + result.notes
    return result


def add_doi(kb: KB, doi: str, *, refresh: bool = False) -> AddResult:
    """Paper `doi`, its record fetched. A record of another DOI is that paper's where references.bib
    declares the two DOIs one work (an entry's doi field, a second DOI in it, or its ids field) or
    Crossref does; else refused, saying which paper here holds either DOI (_another_doi)."""
    asked = normalise_doi(doi) or doi.lower()
    declared = declared_dois(kb.conn, asked)
    same = frozenset(declared[1] - {asked}) if declared else frozenset()
    try:
        meta = doimod.fetch(kb.client, doi, refresh=refresh, same=same)
    except doimod.AnotherDOI as exc:
        raise _another_doi(kb, exc, declared) from None
    _bounded_title(meta, f"the record of {doi}")
    cut = _bounded_authors(meta, f"the record of {doi}")
    meta.doi = meta.doi or doi
    record = normalise_doi(meta.doi) or meta.doi.lower()
    # the paper whose entry declares the DOI asked, or the record's, its own: that paper, whatever its title
    followed = declared[0] if declared and record in declared[1] else None
    result = _commit_paper(kb, meta, [], incomplete=False, held=followed)
    if cut:
        result.notes.insert(0, cut)
    if (unread := _unread_said(meta, doi)) is not None:
        result.notes.insert(0, unread)
    if followed and record != asked:
        result.notes.append(f"the DOI {asked} resolves to the record of {record}, which references.bib declares "
                            f"the same work ({followed}'s entry names both)")
    held = kb.db.execute("select count(*) from versions where citekey = ? and text_status = 'ok'",
                         [result.citekey]).fetchone()[0]
    if not held:
        result.notes.append("metadata only: a DOI gives no text; `kb add paper.pdf` attaches the PDF")
    return result


def _another_doi(kb: KB, exc: "doimod.AnotherDOI", declared: tuple[str, set[str]] | None) -> KBError:
    """The refusal of a DOI whose record is of another DOI that neither Crossref nor references.bib
    declares the same work, saying what the knowledge base holds of either DOI and what to do."""
    asked, record = exc.asked.lower(), exc.record
    if declared is not None:
        key = declared[0]
        return NotFound(f"the DOI {asked} is {key}'s in references.bib, but resolves to the record of another "
                        f"DOI, {record}, which neither Crossref nor {key}'s entry declares the same work: nothing "
                        f"filed, {key} kept as references.bib has it",
                        hint=f"if {record} is {key}'s DOI, write it in its doi field and {asked} in its ids; else "
                             f"correct {key}'s DOI")
    row = kb.conn.execute("select citekey from papers where lower(doi) = ?", [record]).fetchone()
    if row is not None:
        return NotFound(f"the DOI {asked} resolves to the record of {record}, {row[0]}'s DOI here, and neither "
                        f"Crossref nor references.bib declares {asked} another DOI of that work: nothing filed",
                        hint=f"if it is one, list it in {row[0]}'s ids in references.bib (ids = {{{asked}}}); else "
                             "check the DOI for typos")
    return exc


#: Said where kb files a PDF's paper without a title (its first page prints none kb tells from a running header, a
#: heading, a caption or a sentence, and its metadata holds none): a file's name is no title.
_NO_TITLE_READ = ("no title filed: its first page prints none kb can tell from a page's running header, a heading, a "
                  "caption or a sentence (a page cut out of a paper?), and its PDF metadata names none; write it in "
                  "references.bib (title = {...}), or add it with the network by its arXiv id or DOI")


def _meta_from_pdf(result, path: Path, notes: list[str] | None = None) -> PaperMeta:
    """What a PDF says about itself, for --offline or when the network fails; a year kb cannot trust left out,
    said in `notes`."""
    info_title = result.info_title
    # a title longer than any paper's (a megabyte of /Title) is none: it was filed whole and printed by kb ls
    usable_info = (info_title and len(info_title.split()) >= 3 and len(info_title) <= MAX_TITLE
                   and not re.search(r"\.(dvi|docx?|tex|pdf)$|^untitled|^microsoft", info_title, re.I))
    guess = result.title_guess if len(result.title_guess or "") <= MAX_TITLE else ""
    title = info_title if usable_info else guess
    if not title and notes is not None and any(p.strip() for p in result.pages[:1]):
        # (a PDF whose text kb could not read is said so, once: 'kept with metadata only')
        # never the file's name ('arxiv-2305.03393v1-page-9', 'scan0042'): references.bib is truth, and a name
        # filed as a title is a title kb ls, kb export bib and reference matching take for the paper's
        notes.append(_NO_TITLE_READ)
    authors = []
    if result.info_author and len(result.info_author) < 2000:
        authors = to_bibtex_names(split_info_authors(result.info_author))
    if not authors:
        authors = to_bibtex_names(result.author_guess)
    # /CreationDate's year only where what typeset the paper made the PDF (pdf.creation_year_stands: not a page
    # cut or printed by macOS's Quartz in 2024 from a 2023 paper); a year the page prints only where it is a title
    # page (a table's cell '2019' on a line of its own is none)
    year = result.info_year
    printed = guess_year(result.pages[0]) if result.pages and result.title_guess else None
    if printed and (not year or printed < year):
        year = printed          # the year the paper prints, not when its PDF was made (Turing's 1950)
    if not year and result.pages and result.title_guess:
        year = copyright_year(result.pages[0])
    arxiv = result.arxiv
    if arxiv and re.match(r"^\d{4}\.", arxiv.id):
        year = 2000 + int(arxiv.id[:2])
    if not year and result.remade_by and notes is not None:
        notes.append(f"no year filed: its PDF was made by {result.remade_by!r}, not by what typeset the paper, so "
                     "the day it was made need not be the paper's (a page printed, cut or converted later), and its "
                     "first page prints none; write it in references.bib")
    meta = PaperMeta(title=title, authors=authors, year=year, entry_type="misc", key_word=path.stem,
                     arxiv_id=arxiv.id if arxiv else None,
                     version=arxiv.version if arxiv else None,
                     doi=result.doi, origin="pdf", complete=False,
                     url=f"https://arxiv.org/abs/{arxiv.id}" if arxiv else None)
    return meta


def _cited_too(arxiv_id: str, pages: list[str]) -> bool:
    """Whether `pages` print the arXiv id of their first page's stamp more than once: arXiv's own PDF
    prints it in the margin only; a thesis or a merged file quoting another paper's stamp cites it."""
    return sum(p.count(arxiv_id) for p in pages) > 1


def _title_printed(title: str | None, pages: list[str]) -> bool:
    """Whether most words of `title` are on `pages` (a PDF's first pages)."""
    words = [w for w in re.findall(r"[a-z0-9]+", normalise_title(title)) if len(w) > 2]
    printed = set(re.findall(r"[a-z0-9]+", normalise_title(" ".join(pages))))
    return bool(words) and sum(w in printed for w in words) >= 0.8 * len(words)


def _record_printed(title: str | None, authors: list[str], pages: list[str]) -> bool:
    """Whether a PDF's first pages print the record of the arXiv id its stamp names: its title (its
    main title, before a colon), or (a title revised since that version) most of its first authors'
    family names. A PDF carrying another paper's stamp (a reprint's cover, a thesis chapter, a page
    of a merged file) prints neither, and was filed as that paper, its text under that paper's title."""
    main = re.split(r"[:?]|\s[-\u2013\u2014]\s", title or "")[0]    # 'Power Hungry Processing: Watts ...'
    if _title_printed(title, pages) or (len(re.findall(r"[a-z0-9]{3,}", normalise_title(main))) > 1
                                        and _title_printed(main, pages)):
        return True
    names = [normalise_title(last_name(a)) for a in authors[:5]]
    names = [n for n in names if n]
    printed = " " + normalise_title(" ".join(pages)) + " "
    return bool(names) and 2 * sum(f" {n} " in printed for n in names) >= len(names)


#: What a notice about a work, or a part of it filed apart, prints before its title ('Correction
#: to: TITLE', 'Comment on "TITLE"', 'Supplementary Material for TITLE'), as normalise_title
#: writes it: a PDF printing a record's title only so is another work, about that one.
#: A journal's section label above an article's own title ('REVIEW', 'COMMENT') is none: those
#: words count only with what joins them to the title ('review of', 'comment on').
_NOTICE_OF = lazy(r"(?:^| )(?:(?:(?:author |publisher )?correction|erratum|errata|corrigendum|retraction(?: note| notice)?"
                  r"|expression of concern|addendum)(?: to| of| for)?|comment(?:ary)? on|reply to|response to"
                  r"|rebuttal (?:to|of)|review of|supplement(?:ary (?:materials?|information|data))? (?:to|for)"
                  r"|appendix (?:to|for)|online appendix (?:to|for)) $")


def _a_notice_of(title: str | None, pages: list[str]) -> bool:
    """Whether the first pages print `title` only after the words of a notice about that work
    ('Correction to: Measuring Water Use...', 'Comment on ...', 'Retraction Note to ...'): the
    PDF is the notice, which prints the original's title and DOI, and was filed as the original,
    its text the paper's ('the correct figure is 21 litres' verified as the article's)."""
    wanted = normalise_title(title)
    if not wanted:
        return False
    printed = " " + normalise_title(" ".join(pages)) + " "
    at = printed.find(f" {wanted} ")
    if at < 0:
        return False
    while at >= 0:
        if not _NOTICE_OF.search(printed[max(0, at - 40):at + 1]):
            return False            # printed as itself at least once
        at = printed.find(f" {wanted} ", at + 1)
    return True


def add_pdf(kb: KB, path: Path, *, offline: bool = False, extractor: str | None = None,
            keep_unreadable: bool = False, replace_text: bool = False) -> AddResult:
    """A local PDF: its text, and metadata from arXiv/DOI when it names one."""

    data = read_input(path, "the PDF")
    notes: list[str] = []
    caching = _Caching(kb, data) if is_pdf(data) else None
    try:
        try:
            src = _extract_source(kb, data, str(path), notes, extractor)
        finally:
            if caching is not None:
                caching.wait()
        return _add_extracted(kb, path, data, src, notes, offline=offline, keep_unreadable=keep_unreadable,
                              replace_text=replace_text)
    except KBError:
        # cached as it was read, then refused (a PDF no extractor reads, a kb.toml kb cannot read):
        # no debris for kb doctor to call an add that did not finish
        if caching is not None:
            kb.sources.discard_unfiled(data, "pdf")
        raise


class _Caching:
    """A PDF's bytes written to the source cache (kb.sources.store) in a thread while
    its text is extracted: PDFium reads with Python's lock released and the write
    waits on the disk, so each is done in the time of the other instead of after it.
    The file is cached as before, first and of no paper; `put` then finds it there
    and writes its manifest. `wait` raises what the write raised (a full disk)."""

    def __init__(self, kb: KB, data: bytes):
        import threading

        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._write, args=(kb, data), name="kb-cache-write", daemon=True)
        self.thread.start()

    def _write(self, kb: KB, data: bytes) -> None:
        try:
            kb.sources.store(data, "pdf")
        except BaseException as exc:         # raised again in the thread that waits
            self.error = exc

    def wait(self) -> None:
        self.thread.join()
        if self.error is not None:
            raise self.error


def _unreadable(why: str) -> PDFError:
    """A PDF neither extractor can read (bytes after a %PDF- header that make no document, a
    file cut short, a page tree or a page that breaks both): kb would have nothing of it but
    its file name for a title, and a paper of that is not what a person adding a PDF means.
    Refused, nothing added, unless they ask to keep it (a PDF given after its arXiv id or DOI
    is attached to that paper instead, and said when it cannot be read)."""
    return PDFError(f"{why}: not a readable PDF, so kb would know the paper by its file name only; nothing added",
                    hint="kb add --keep-unreadable FILE keeps it as a paper of metadata only")


def _held_as_text(kb: KB, data: bytes, src: _Source, notes: list[str]) -> AddResult | None:
    """A PDF whose text could not be read this time (a lowered memory or page limit, a changed
    extractor) that is, byte for byte, the PDF kb holds as a paper's text: that paper, unchanged, and
    said so, where it was said 'kept with metadata only' and a version of no text was filed beside the
    one that has it. None where kb holds no text of these bytes."""
    row = kb.db.execute("select v.citekey, v.version, v.page_count, p.title from versions v join papers p "
                        "on p.citekey = v.citekey where v.sha256 = ? and v.source_kind = 'pdf' and "
                        "v.text_status = 'ok' order by v.id limit 1", [sha256(data)]).fetchone()
    if row is None:
        return None
    key, version, pages, title = row
    why = (src.message or src.status).rstrip(".")
    notes[:] = [n for n in notes if not n.endswith("; kept with metadata only") and n != src.message]
    notes.append(f"{why}; this file is the PDF whose text kb holds as {labelled(key, version)} ({counted(pages, 'page')}), "
                 "which is kept: nothing changed")
    return AddResult(citekey=key, action="unchanged", title=title or "", version=version, pages=pages, notes=notes)


#: BibTeX's start (lowered): comment lines, then an entry's type and its opening brace ("@article{", "@misc (").
_BIBTEX = re.compile(rb"(?:%[^\n]*\n\s*)*@[a-z]+\s*[{(]")


def _typed(path: Path) -> str:
    """A file a person gave, as one word of the command kb tells them to run instead: '-' for stdin."""
    return "-" if str(path) in ("-", STDIN_NAME) else shell_word(path)


def _add_extracted(kb: KB, path: Path, data: bytes, src: _Source, notes: list[str], *,
                   offline: bool, keep_unreadable: bool = False, replace_text: bool = False) -> AddResult:
    """add_pdf once the PDF's text is extracted (here, or by a worker of kb.ops.bulk)."""
    if src.status != "ok":
        held = _held_as_text(kb, data, src, notes)
        if held is not None:
            return held
    result = src.result
    if src.status in ("corrupt",) and not is_pdf(data):
        said = src.message or f"{shown(path)} is not a PDF"
        if _BIBTEX.match(data[:512].lstrip().lower()):      # `kb add library.bib`: the command reading it said
            said += f"; it is BibTeX: kb import {_typed(path)} reads its entries"
        raise PDFError(said)
    if src.status == "corrupt" and not keep_unreadable:
        raise _unreadable(src.message)
    arxiv = result.arxiv if result else None
    doi = result.doi if result else None
    # A PDF that prints no arXiv id (an excerpt, a PDF-only submission) named as arXiv
    # names its downloads ('2305.03393v1.pdf'): the name says which paper it may be. A name
    # is a hint, never provenance: it is taken only where arXiv's record of that id has the
    # title the PDF prints. Unchecked (offline, the network down, an id arXiv does not know)
    # it is not recorded: Turing's 1950 paper saved as '2305.12345v2.pdf' was filed offline as
    # arXiv 2305.12345v2 of 2023. So is an id the first pages print other than as arXiv's stamp
    # (pdf.Extracted.arxiv_hint): 'BERT (arXiv:1810.04805)' made a paper BERT's, of 2018.
    later = getattr(result, "stamp_later", None) if result is not None and not arxiv else None
    if later is not None and result.arxiv_hint and bare_arxiv_id(result.arxiv_hint.id) == bare_arxiv_id(later.id):
        # only the first page's stamp names a PDF's paper: one on the next page is a merged file's next paper
        notes.append(f"its second page carries arXiv's stamp of {later.versioned}: another paper's, not recorded")
        result.arxiv_hint = None
    named = (result.arxiv_hint or find_arxiv_in_filename(path.name)) if result is not None and not arxiv \
        and not doi else None
    from_name = not (named and named == result.arxiv_hint)
    says = "its file name says" if from_name else "its first pages print"
    if named:
        arxiv = result.arxiv = named
    meta: PaperMeta | None = None
    incomplete = False
    doi_checked = False
    stamped_other = None        # the arXiv id of another paper's stamp the PDF carries
    if not offline and (arxiv or doi):
        try:
            if arxiv:
                record = fetch_metadata(kb.client, arxiv)
                meta = from_arxiv(record)
                if named and (not _title_printed(meta.title, result.pages[:2])
                              or _a_notice_of(meta.title, result.pages[:1])):
                    notes.append(f"{says} arXiv {named.versioned}, but the PDF does not print that "
                                 f"paper's title ({meta.title!r}): metadata taken from the PDF itself (incomplete)")
                    meta, arxiv = None, None
                    result.arxiv = None
                elif not named and not _record_printed(meta.title, meta.authors, result.pages[:2]):
                    stamped_other = arxiv.id
                    notes.append(f"its first page carries arXiv's stamp of {arxiv.versioned}, but the PDF prints "
                                 f"neither that paper's title ({meta.title!r}) nor its authors: another paper's "
                                 "stamp, not recorded; metadata taken from the PDF itself (incomplete)")
                    meta, arxiv = None, None
                    result.arxiv = None
            else:
                meta = doimod.fetch(kb.client, doi)
                if not _title_printed(meta.title, result.pages[:2]) or _a_notice_of(meta.title, result.pages[:1]):
                    # a DOI the first pages print may be a work they cite, or the one a notice is
                    # about: the record is the PDF's only where the PDF prints its title as its own
                    how = ("prints that work's title only as the work it is a notice of" if
                           _title_printed(meta.title, result.pages[:2]) else "does not print that work's title")
                    notes.append(f"its first pages print DOI {doi}, but the PDF {how} ({meta.title!r}): metadata "
                                 "taken from the PDF itself (incomplete)")
                    meta, doi = None, None
                    result.doi = None
                else:
                    doi_checked = True
            if meta is not None:        # the record taken: its authors bounded as kb add arxiv:ID's or doi:'s are
                said = f"arXiv's record of {record.versioned}" if arxiv else f"the record of {doi}"
                notes.extend(note for note in (_bounded_authors(meta, said),
                                               _nameless_authors(meta, record, said) if arxiv else None) if note)
                if (unread := _unread_said(meta, doi)) is not None:
                    notes.append(unread)
        except NetworkError as exc:
            notes.append(f"{exc}; metadata taken from the PDF itself (incomplete)")
        except NotFound as exc:
            notes.append(f"{exc}; metadata taken from the PDF itself (incomplete)")
    # the command that checks what could not be checked here, as it was given (`-` for stdin)
    again = "kb add " + ("-" if path.name == STDIN_NAME else shlex.quote(shown(str(path))))
    if arxiv and not named and meta is None and _cited_too(arxiv.id, result.pages):
        # unchecked (offline, the network down), a stamp whose id the text prints again (its references
        # cite that paper) may be the stamp of a paper it quotes: kb cannot be sure, and says so
        notes.append(f"its first page carries arXiv's stamp of {arxiv.versioned}, but its text also cites "
                     f"arXiv {arxiv.id}: perhaps another paper's stamp, not recorded, since kb could not check "
                     f"it against arXiv's title (`{again}` with the network checks it and records it if it is "
                     "the paper's)")
        arxiv = result.arxiv = None
    if named and arxiv and meta is None:
        notes.append(f"{says} arXiv {named.versioned}, " + ("which the PDF does not print" if from_name else
                                                             "not as arXiv's stamp (a work it cites, as often)")
                     + f": not recorded, since kb could not check it against arXiv's title (`{again}` with "
                       "the network checks it and records it if it is the paper's)")
        arxiv = result.arxiv = None
    elif named and arxiv:
        notes.append(f"arXiv {named.versioned} from the file's name (the PDF prints no arXiv id)" if from_name
                     else f"arXiv {named.versioned}, which its first pages print, has the title the PDF prints")
    # A DOI the first pages print is a hint as an arXiv id they print is: a work they cite as
    # often as the paper's own ('as argued before (doi:10.1007/...)'). Recorded unchecked (offline,
    # the network down, an arXiv paper's record naming another) it made the PDF that work: a later
    # entry or reference with that DOI was this paper. Only a DOI whose record has the title the
    # PDF prints is recorded (or the one arXiv's record gives).
    if doi and not doi_checked and not (meta is not None and meta.doi and normalise_doi(meta.doi) == doi):
        notes.append(f"its first pages print DOI {doi}: not recorded, since kb could not check it against "
                     "that work's title" + (f" (`{again}` with the network checks it and records it if it is the "
                                            "paper's)" if meta is None else
                                             " (arXiv's record of the paper names no such DOI)"))
        doi = result.doi = None
    if meta is None:
        if result is None:
            meta = PaperMeta(origin="pdf", complete=False, key_word=path.stem)    # its file's name is no title
        else:
            meta = _meta_from_pdf(result, path, notes)
        incomplete = True
    version = f"v{arxiv.version}" if arxiv and arxiv.version else ""
    src.manifest = kb.sources.put(data, "pdf", "pdf", arxiv_id=arxiv.id if arxiv else None,
                                  version=version, doi=doi, source_url=str(path.resolve()),
                                  origin="pdf", metadata_complete=not incomplete, extractor=src.plan)
    src.version = version
    try:
        out = _commit_paper(kb, meta, [src], incomplete=incomplete, replace_text=replace_text,
                            name=shown(path.name))
    except UsageError:
        kb.sources.discard_unfiled(data, "pdf")     # refused by the text its paper holds: no debris
        raise
    out.notes = notes + out.notes
    held = kb.conn.execute("select arxiv_id from papers where citekey = ?", [out.citekey]).fetchone() \
        if stamped_other else None
    if held and held[0] and bare_arxiv_id(held[0]) == bare_arxiv_id(stamped_other):
        # filed before by an add that could not check the stamp (offline): its entry still names that paper
        out.notes.append(f"{out.citekey} still records arXiv {stamped_other}, taken unchecked from that stamp by an "
                         f"earlier add: take the eprint out of its entry (kb edit {out.citekey})")
    return out


def _line_ends(text: str) -> str:
    """`text` with Windows' and old Mac line ends as "\\n": the same pages saved by another editor are
    the same text (quotes are matched across line ends alike)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text(kb: KB, citekey: str, file: Path, *, version: str = "", extractor: str,
              replace: bool = False) -> AddResult:
    """Attach page text extracted elsewhere to a paper already in the knowledge base.
    A version whose text came from a PDF kb holds keeps it unless `replace`: then the
    loaded text is the version's text, and the PDF stays held, filed under the paper."""

    typed(extractor, "extractor")
    data = read_input(file, "the page text")
    kind = not_page_text(data)
    if kind is not None:
        raise FileFormatError(f"is {kind}, not page text: nothing loaded", path=str(file),
                              hint=f"kb add {shown(file.name)} reads a PDF's text; after the paper's arXiv id or DOI, "
                                   "as that paper's" if kind == "a PDF" else "give the paper's text: a JSON list of pages, or text with form "
                                                      "feeds between pages")
    pages = parse_text_source(data, str(file))
    most = kb.limits().max_pages
    if len(pages) > most:
        # the page limit a PDF is held to: a file of a million pages took minutes, and the index a page a row
        raise LimitExceeded(f"{shown(file.name)} holds {len(pages):,} pages, over the limit of {most:,}: nothing loaded",
                            hint="raise KB_MAX_PAGES (or max_pages in kb.toml [limits])")
    version = normalise_version(version)
    row = kb.db.execute("select citekey, arxiv_id, title, doi, title_norm from papers where citekey = ?",
                        [citekey]).fetchone()
    if not row and (alias := resolve_alias(kb.conn, citekey)) is not None:
        citekey = alias                 # a key in its ids, or written in another Unicode form
        row = kb.db.execute("select citekey, arxiv_id, title, doi, title_norm from papers where citekey = ?",
                            [citekey]).fetchone()
    if not row:
        raise no_paper(kb.conn, citekey)
    stamp = find_arxiv_stamp(pages[0]) if pages and row[1] else None
    if stamp is not None and bare_arxiv_id(stamp.id) != bare_arxiv_id(row[1]):
        # arXiv's stamp on its first page names another paper: quotes would be verified in it as this paper's
        raise UsageError(f"{shown(file.name)} carries arXiv's stamp of {stamp.versioned}, and would be the text of "
                         f"{labelled(citekey, version)} (arXiv {row[1]}): another paper's text, not loaded",
                         hint="load it into the paper it is")
    held = kb.db.execute("select sha256, page_count from versions where citekey = ? and version = ? and "
                         "source_kind = 'pdf' and text_status = 'ok'", [citekey, version]).fetchone()
    if held is not None and not replace:
        pdf = kb.sources.get(held[0]) if held[0] else None
        named = Path(pdf.source_url).name if pdf is not None and pdf.source_url else "its PDF"
        which = f"version {version}" if version else "this version"
        raise UsageError(f"{citekey} already has text of {which} from its PDF {named} ({counted(held[1], 'page')}): "
                         "nothing loaded",
                         hint=f"--version vN loads the text as another version; --replace makes it the text of "
                              f"{version or 'this version'} (the PDF stays held)")
    # the very text loaded again (the same file, a copy, the same pages written otherwise) by the same
    # extractor: nothing to do, and said, as kb add says of a PDF it holds
    loaded = kb.db.execute("select id, page_count from versions where citekey = ? and version = ? and "
                           "source_kind = 'text' and text_status = 'ok' and coalesce(extractor, '') = ?",
                           [citekey, version, extractor]).fetchone()
    if loaded is not None and loaded[1] == len(pages) and [_line_ends(p) for p in pages] == [
            _line_ends(r[0]) for r in kb.db.execute("select text from pages where version_id = ? order by page",
                                                    [loaded[0]])]:
        return AddResult(citekey=citekey, action="unchanged", title=row[2], version=version, pages=len(pages))
    # a text an earlier `kb text load` gave replaced by less of it, in silence, as kb add refuses a PDF's
    # (a version named with --version is the person's word: it is weighed against its own text only)
    weighed = None if replace else _weighed(kb.db, citekey, pages, version, sha256(data), earlier=False)
    how = _less_than_held(weighed) if weighed is not None else None
    if how is not None:
        given = "-" if file.name == STDIN_NAME else shlex.quote(shown(str(file)))
        raise UsageError(f"{shown(file.name)} ({counted(len(pages), 'page')}) would replace the {weighed.pages}-page text "
                         f"kb holds of {labelled(citekey, version)}, {how}: nothing loaded, the held text kept",
                         hint=f"kb text load {citekey} {given}" + (f" --version {version}" if version else "")
                              + " --replace makes it the text")
    # a version named with --version stands, but a text far less than the version before it (a page of
    # v2) is the one quotes are verified in from now: said, as kb add says arXiv's
    newer = _weighed(kb.db, citekey, pages, version, sha256(data), earlier=True)
    newer_less = _less_than_held(newer) if newer is not None and newer.before is not None else None
    # Not <sha>.json: that is the name of the source's manifest, which would overwrite it.
    # The paper's identifiers go in the manifest too: the text follows the paper if its key is renamed.
    # Filed now: of two sources of one version, kb rebuild takes the one filed last.
    manifest = kb.sources.put(data, "text", "pages" if data.lstrip()[:1] in (b"[", b"{") else "txt",
                              citekeys=[citekey], arxiv_id=row[1], version=version, doi=row[3],
                              title=row[4], source_url=str(file.resolve()), origin="text",
                              extractor=extractor, added_at=time.time())
    with kb.writing():
        with transaction(kb.db):
            kb.indexer.store_version(citekey, version, manifest=manifest, pages=pages,
                                     extractor=extractor, text_status="ok", unread={})
            kb.derive_pending()
    out = AddResult(citekey=citekey, action="updated", title=row[2], version=version, pages=len(pages))
    if held is not None:
        quotes = kb.db.execute("select count(*) from quotes where citekey = ? and coalesce(version, '') = ? "
                               "and status = 'verified'", [citekey, version]).fetchone()[0]
        if quotes:
            out.notes.append(f"{counted(quotes, 'quote')} of {labelled(citekey, version)} {agreeing(quotes, 'was', 'were')} verified in the text it "
                             "replaced: kb verify checks them against this one")
    if newer_less is not None:
        out.notes.append(f"the text of {version} ({counted(len(pages), 'page')}) is less than the {newer.pages}-page text of "
                         f"{labelled(citekey, newer.before)}, {newer_less}: quotes are verified in {version} "
                         "now (kb verify names those it lacks)")
    return out


# -- kb import -----------------------------------------------------------------------


#: Below this many entries, an imported file is read a second time by pybtex, in this
#: process. From it on, kb's own second reading (`screen_reading`: the file read again
#: with pybtex's grammar, braces counted on their own, a tenth of pybtex's time) stands
#: in for pybtex's, on another core when the import may use more than one; a file it
#: cannot vouch for is still read by pybtex.
BACKGROUND_READING = 2000
#: JabRef's settings of a file, `@Comment{jabref-meta: grouping: ...}`: the setting's name.
_JABREF_META = lazy(r"@\s*comment\s*\{\s*jabref-meta:\s*([A-Za-z]+)", re.IGNORECASE)


@dataclass
class ImportResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)    # imported key -> the paper's key
    renamed: dict[str, str] = field(default_factory=dict)    # kb's guessed key -> the imported key
    replaced: list[str] = field(default_factory=list)        # papers whose guessed entry an entry replaced
    attached: list[str] = field(default_factory=list)        # "citekey: file.pdf"
    data: list[str] = field(default_factory=list)            # @xdata, @set written or held: data, no papers
    gone: list[str] = field(default_factory=list)            # filed by an earlier import of the file, not in it now


#: The most fields one imported entry may hold (bibtex.MAX_FIELDS, the bound of every .bib kb reads); an entry
#: of 100,000 fields was filed whole (2 MB of references.bib).
MAX_FIELDS = bibtex_max_fields


def _check_incoming(source: BibFile) -> None:
    """Refuse what kb would otherwise read differently from BibTeX: an undefined
    @string; and a key holding a character nobody sees (a bidi override, a zero-width space). (An entry that pybtex, a second reader, reads otherwise: import_bib.)"""
    for string in source.string_undefined:
        raise FileFormatError(f"@string {string.key} uses {string.undefined[''][0]!r}, which is not "
                              "defined before it", path=source.path, line=string.line,
                              hint="BibTeX reads @string definitions in order: define it first")
    for entry in source.entries():
        if len(entry.raw_fields) > MAX_FIELDS:
            raise too_many_fields(entry, source.path, MAX_FIELDS)
        hidden = None if entry.key.isascii() and entry.key.isprintable() else citekeys.invisible(entry.key)
        if hidden:      # filed, it was listed without the character: a key nobody could type back
            raise FileFormatError(f"entry {citekeys.escaped(entry.key)}: its key holds a character nobody sees "
                                  f"({hidden}); nothing imported", path=source.path, line=entry.line,
                                  hint="write the key in plain letters of one script")
        for name, macros in entry.undefined.items():
            if macros[0].lower() in source.strings:     # defined further on: BibTeX read the field without it
                raise FileFormatError(f"entry {entry.key!r}, field {name!r} uses @string {macros[0]!r}, which the "
                                      "file defines only further on", path=source.path,
                                      line=entry.field_lines.get(name, entry.line),
                                      hint="BibTeX reads @string definitions in order: move it above the entry")
            raise FileFormatError(f"entry {entry.key!r}, field {name!r} uses @string {macros[0]!r}, "
                                  "which the file never defines", path=source.path,
                                  line=entry.field_lines.get(name, entry.line),
                                  hint=f"define it (@string{{{macros[0]} = {{...}}}}) or brace the value")


def _spelled(source: BibFile, entry, name: str) -> str:
    """A field's name as the file `source` writes it in `entry` (Volume, DOI), else `name`."""
    at = entry.names.get(name) if name != "ids" else None
    written = source.text[at[0]:at[1]] if at else ""
    return written if written.lower() == name else name


def _defused(entry, out: ImportResult, where: str):
    """The entry, and whether its values were changed: a value holding a TeX command that runs a program, reads
    or writes a file or remakes TeX (bibtex.TEX_HAZARDS: '\\input{/etc/passwd}', '\\write18{...}', '\\csname')
    is written with it as text, as a network record's is, and said; the entry is then written in kb's style."""
    hazards = [(name, found) for name, value in entry.fields.items() if (found := tex_hazard(value))]
    if not hazards:
        return entry, False
    name, found = hazards[0]
    out.warnings.append(f"{where}: {entry.key}'s {name} holds {found}, a TeX command that runs a program, reads or "
                        "writes a file, or remakes TeX: written as text, never as a command")
    return replace(entry, fields={k: defused(v) for k, v in entry.fields.items()}), True


def _copy_entry(bibfile: BibFile, source: BibFile, own: str, key: str, out: ImportResult,
                where: str) -> bool:
    """Append an imported entry as its file holds it (and the @strings it uses);
    False when an @string of the same name means something else here."""
    macros = source.macros_used(own)
    for name in macros:
        if name in bibfile.strings and bibfile.strings[name] != source.strings[name]:
            out.warnings.append(f"{where}: @string {name!r} means something else in references.bib; "
                                f"entry {own!r} written with its values spelled out")
            return False
    # a macro the file defines again after the entry (or one it rests on, defined again between): the @string
    # copied is the file's last, which gave the entry another value in references.bib than in the file
    for name in source.strings_read_otherwise(own):
        out.warnings.append(f"{where}: @string {name!r} is defined again further on in the file; entry {own!r} "
                            f"written with its values spelled out (as BibTeX reads it there)")
        return False
    for name in macros:
        if name not in bibfile.strings:
            bibfile.append_raw(CONTROL_CHARS.sub("", source.string_blocks[name]))
    raw = source.entry_text(own)
    same = key == own
    if key != own:
        raw = rekeyed(raw, own, key)
    if CONTROL_CHARS.search(raw):
        raw = CONTROL_CHARS.sub("", raw)
        same = False
        out.warnings.append(f"{where}: control characters removed from entry {own!r}")
    # Copied as read, with @strings meaning the same here: the entry read from the file stands.
    bibfile.append_raw(raw, key, source.by_key[own].entry if same and own in source.by_key else None)
    return True


def import_bib(kb: KB, path: Path, progress=None, *, normalise: bool = False, fill: bool = False,
               jobs: int = 1, extract=None, apart: bool = False) -> ImportResult:
    """Many entries at once, all or nothing: one references.bib write, one transaction.

    Each new entry is copied as its file holds it (key, field order, quoting,
    macros), with the @string definitions it uses; with `normalise`, kb renders
    it in its own style instead. An entry that is a paper kb already holds is
    merged into that paper's entry: the imported key is recorded in `ids`, so it
    still resolves, and the fields the entry lacks are added when kb wrote that
    entry or `fill` is given (a person's entry is otherwise kept as written). An entry
    for a paper whose entry kb guessed from its PDF alone replaces that entry whole, and
    the paper takes its key (kb rename; the guessed key stays in ids). PDFs that `file`
    fields (Zotero, JabRef) point to are attached with their text, extracted by
    `jobs` processes (1: in this process; see add_many) and attached one paper
    at a time in the file's order (`extract`: what a worker runs, kb.ops.bulk)."""

    data = read_input(path, "the BibTeX file")
    if is_pdf(data):        # `kb import paper.pdf`: said as what it is, with the command reading it
        raise FileFormatError("is a PDF, not BibTeX: nothing imported", path=str(path),
                              hint=f"kb add {_typed(path)} reads a PDF; with --key KEY, as the PDF of an entry "
                                   "imported before")

    out = ImportResult()
    try:
        text = decode(data, str(path))
        if (wide := saved_encoding(data[:256])[0]) != "utf-8":       # read as such, as references.bib is
            out.warnings.append(f"{shown(path)} is {wide.upper()[:6]}; read it as such")
    except KBError:
        text = decode(data, str(path), lenient=True)
        wide = wide_encoding(data)
        out.warnings.append(f"{shown(path)} is {wide}; read it as such" if wide else
                            f"{shown(path)} is not UTF-8 throughout; read what is not as Windows-1252/Latin-1")
    # Everything read and filed here is kept to the end: Python's cycle collector would only
    # walk it again and again as it grows (a seventh of the import at 10,000 entries).
    collecting = gc.isenabled()
    gc.disable()
    try:
        pdfs = _read_and_file(kb, text, out, path, progress, normalise, fill, jobs)
    finally:
        if collecting:
            gc.enable()
    # a paper whose guessed entry the import replaced has the imported key now (_adopt_keys): its
    # file field's PDF was attached under the key it no longer has, failing as a damaged index
    pdfs = [(out.renamed.get(key, key), pdf) for key, pdf in pdfs]
    _attach_all(kb, pdfs, out, jobs=jobs, extract=extract, apart=apart)
    return out


def _read_and_file(kb: KB, text: str, out: ImportResult, path: Path, progress, normalise: bool,
                   fill: bool, jobs: int) -> list[tuple[str, Path]]:
    """import_bib's reading of the file, twice, and its one transaction.

    The second reading is pybtex's for a small file; for a large one kb's own
    (`screen_reading`), made on another core from the text while this process reads
    and files the entries (kb import defaults to every core), and pybtex's as well
    where kb's cannot vouch for the file. Compared before anything is written."""
    screening = bulk.Background(screen_text, text, str(path), jobs=jobs) \
        if jobs > 1 and text.count("@") >= BACKGROUND_READING else None
    reading = None
    try:
        source = BibFile(text, str(path))
        incoming = source.entries()
        if not incoming:
            raise UsageError(f"{shown(path)} holds no BibTeX entries")
        if len(incoming) < BACKGROUND_READING:
            reading = bulk.Background(pybtex_reading, second_reading_text(source), jobs=1)

        def second_reading() -> dict | None:
            if reading is not None:
                return reading.result()
            # The other process's answer if it has one; else this one reads it now (about a
            # fifth of the other's work, which must read the file first): no waiting for it.
            doubt = screening.result() if screening is not None and screening.done() else screen_reading(source)
            return None if doubt is None else pybtex_reading(second_reading_text(source))

        _check_incoming(source)
        comments = [b for b in source.blocks if b.kind == "comment"]
        if comments:        # a file's own settings (JabRef's groups tree), not references.bib's: said
            meta = list(dict.fromkeys(m.group(1) for b in comments if (m := _JABREF_META.match(
                source.text, b.start, b.end)) is not None))
            out.warnings.append(f"{shown(path)}:{source.text.count(chr(10), 0, comments[0].start) + 1}: "
                                f"{counted(len(comments), '@comment block')} not imported: they are that file's own"
                                + (f" (JabRef's jabref-meta: {', '.join(meta)}; its entries' groups fields are "
                                   "imported as written)" if meta else "")
                                + "; references.bib keeps its own")
        for line, head in source.commented:     # read as biber reads it; other readers take an entry
            out.warnings.append(f"{shown(path)}:{line}: {head!r} follows a '%' on its line: a comment to biber, "
                                "as kb reads it, but an entry to BibTeX, pybtex and bibtexparser; not imported "
                                "(delete the '%' to import it)")
        return _import_entries(kb, source, incoming, out, path, progress, normalise, fill, second_reading)
    finally:
        for background in (screening, reading):
            if background is not None:
                background.close()


def _import_entries(kb: KB, source: BibFile, incoming: list, out: ImportResult, path: Path, progress,
                    normalise: bool, fill: bool, second_reading) -> list[tuple[str, Path]]:
    """import_bib's one transaction; the PDFs the entries' file fields name."""
    pdfs: list[tuple[str, Path]] = []
    folders = file_directories(source.text, path.parent)        # JabRef's folder of the library's files
    with kb.writing():
        db = kb.db
        bibfile = BibFile.load(kb.layout.bib)
        taken = {citekeys.fold_key(k) for k in bibfile.keys()}
        aliases = alias_keys(kb.conn)           # never made as a key: notes cite them
        kept_aliases = {citekeys.fold_key(a) for a in aliases}      # nor taken as one (as kb rename refuses)
        finder = PaperFinder(kb.conn, years=True)      # a preprint and its journal version: two entries
        metas: dict[str, tuple[dict, PaperMeta]] = {}      # read once, for the index too
        filed: dict[str, str] = {}      # an imported key -> the key of the paper it was filed as, where they differ
        wheres: dict[str, str] = {}     # an added key -> where its entry is in the imported file
        # papers whose entry kb guessed from their PDF alone: a person's entry for one replaces it
        guessed = {r[0] for r in db.execute("select citekey from papers where metadata_status = 'incomplete'")}
        for n, entry in enumerate(incoming, 1):
            where = f"{shown(path)}:{entry.line}"
            entry, defuse = _defused(entry, out, where)
            meta = from_bib_fields(entry.entry_type, entry.fields)
            key = finder.find(meta, entry.key) if is_work(entry.entry_type) else _data_held(bibfile, entry)
            if key is None and is_work(entry.entry_type) and (twin := finder.short_twin(meta)) is not None:
                out.warnings.append(f"{where}: {entry.key} has the title, first author and year of {twin}, a title "
                                    "too short to prove one paper: filed as a work of its own (if they are one paper: "
                                    f"kb rm {entry.key}, then add {entry.key} to {twin}'s ids with kb edit {twin})")
            if key is None and is_work(entry.entry_type) and finder.apart is not None:
                out.warnings.append(f"{where}: {entry.key} has the title and first author of {finder.apart}, but "
                                    f"another year ({meta.year}): filed as a work of its own (a preprint and its "
                                    "journal version, a report's editions; an arXiv id or DOI they share merges them)")
            if key is not None and key in guessed and _not_the_guess(db, key, meta):
                guess, key = key, _other_holder(db, key, meta)
                if key is None:
                    out.warnings.append(f"{where}: {entry.key} has the {_ids_of(meta)} of {guess}, whose entry kb "
                                        f"guessed from its PDF, but {guess}'s text does not print its title: filed as "
                                        "a paper of its own")
            if key is not None and key in guessed and bibfile.owned(key):
                _take_over(bibfile, key, entry, out, where, taken | {citekeys.fold_key(a) for a in aliases},
                           None if normalise or defuse else source)
                if out.renamed.get(key) != entry.key and citekeys.fold_key(entry.key) != citekeys.fold_key(key):
                    filed[entry.key] = key          # its key another paper's here: the guess keeps its own
                aliases.add(entry.key)
                pdfs += _named_files(key, entry.fields.get("file", ""), path.parent, folders, out)
                continue
            if key is not None:
                if citekeys.fold_key(entry.key) != citekeys.fold_key(key):
                    filed[entry.key] = key
                # the paper's entry: in references.bib, or filed by this import (a file holding a
                # paper twice, as a Zotero library does): its values and key are compared alike
                existing = bibfile.entry(key)
                held = existing.fields if existing else {}
                fields = {k: v for k, v in entry.fields.items() if existing and k not in held and v}
                fields.pop("ids", None)
                _say_differing(out, where, key, held, entry.fields)
                if fields and existing and not fill and not bibfile.owned(key):
                    # The user's entry is kept as written: only the imported key, as an alias.
                    out.warnings.append(f"{where}: {key} kept as you wrote it (kb adds fields only to "
                                        f"entries it wrote): did not write {', '.join(sorted(fields))} "
                                        "(kb import --fill adds them)")
                    fields = {}
                if entry.key != key and citekeys.fold_key(entry.key) == citekeys.fold_key(key):
                    # its own key in another case ('smith2020' for Smith2020): no other paper's
                    out.warnings.append(f"{where}: {entry.key!r} is {key} here, written in another case (BibTeX "
                                        f"reads the two as one key); kept {key}")
                elif entry.key != key and (citekeys.fold_key(entry.key) in taken or entry.key in aliases) \
                        and entry.key not in citekeys.aliases(held):
                    # another paper's key here: as this one's alias a note citing it would find two
                    out.warnings.append(f"{where}: {entry.key!r} is {key} here, but also a key of another "
                                        "paper: not recorded as an alias of it")
                elif entry.key != key and entry.key not in citekeys.aliases(held):
                    fields["ids"] = ", ".join(citekeys.aliases(held) + [entry.key])
                    aliases.add(entry.key)
                    out.aliases[entry.key] = key
                    out.warnings.append(f"{where}: {entry.key!r} is {key} already; kept {key} and "
                                        f"recorded {entry.key!r} in its ids field")
                _keep_their_ids(out, where, key, entry, held, fields, taken, aliases)
                if existing and fields:
                    before = bibfile.entry_text(key)
                    if existing.entry_type.lower() == "misc" and entry.entry_type.lower() != "misc" \
                            and bibfile.owned(key):
                        # kb's @misc for a preprint; the person's entry says where it appeared
                        bibfile.replace_entry(key, re.sub(r"^(\s*@\s*)misc", lambda m: m.group(1) + entry.entry_type,
                                                          before, count=1, flags=re.IGNORECASE))
                        existing = bibfile.entry(key)
                    # written as the imported file holds them, as a new entry's are, those its type does not
                    # take included (BibTeX and biber pass over a field they do not know; kb export bib shapes
                    # the entry for biber and says what it leaves out): a person's data is never dropped
                    # each named as the imported file spells it ('Volume' was written 'volume')
                    spelled = {k: k if normalise else _spelled(source, entry, k) for k in fields}
                    bibfile.set_entry(key, existing.entry_type, {spelled[k]: v for k, v in fields.items()},
                                      fit=False)
                    # each field merged into an entry is said: 'updated' alone named none of them
                    merged = sorted(k for k in fields if k != "ids")
                    if merged and key not in metas and bibfile.entry_text(key) != before:
                        out.warnings.append(f"{where}: {key} took {', '.join(merged)} from {entry.key}")
                    if key not in metas:        # (one this import added is counted added)
                        (out.updated if bibfile.entry_text(key) != before else out.unchanged).append(key)
                elif key not in metas:
                    out.unchanged.append(key)
                pdfs += _named_files(key, entry.fields.get("file", ""), path.parent, folders, out)
                continue
            own = entry.key
            if citekeys.fold_key(own) not in taken and citekeys.fold_key(own) not in kept_aliases:
                key = own
            else:
                key = citekeys.make_key(meta.authors, meta.year, latex_to_text(meta.title), taken | aliases)
                holder = None if citekeys.fold_key(own) in taken else resolve_alias(kb.conn, own)
                # the paper holding it, named: in another case ('Smith2020' of 'smith2020') it is not the same
                # text, and keys are one in any case (citekeys.fold_key)
                other = next((k for k in bibfile.keys() if citekeys.fold_key(k) == citekeys.fold_key(own)), None)
                # a key kept in another paper's ids (its key before kb rename): notes citing it mean that paper
                if other and other != own and citekeys.key_form(other) == citekeys.key_form(own):
                    # 'MüllerEnergy2022' of 'MüllerEnergy2022': the two look alike, each escaped to be told apart
                    other = (f"{citekeys.escaped(other)}, the same key with its letters in another Unicode form "
                             f"than this file's {citekeys.escaped(own)}")
                out.warnings.append(f"{where}: key {own!r} is " + (f"already another key of {holder} (its ids field)"
                                    if holder else f"taken by another paper ({other})" if other and other != own
                                    else "taken by another paper") + f"; filed as {key}")
            clashing = [a for a in citekeys.aliases(entry.fields) if citekeys.fold_key(a) in taken]
            if clashing:        # written as the person wrote it; kb doctor names it until it is settled
                out.warnings.append(f"{where}: {key} keeps {clashing[0]} in its ids, but {clashing[0]} is the key "
                                    f"of another paper here: a citation of it names that paper (biber skips the "
                                    "alias)")
            taken.add(citekeys.fold_key(key))
            if normalise or defuse or not _copy_entry(bibfile, source, own, key, out, where):
                # written in kb's style; unless asked to (--normalise), an empty field kept as the file has it
                bibfile.append_raw(render_entry(key, entry.entry_type,
                                                {k: v for k, v in entry.fields.items() if v or not normalise},
                                                fit=False, empty=not normalise), key)
            out.added.append(key)
            if key != own:
                filed[own] = key
            metas[key] = (entry.fields, meta)
            wheres[key] = where
            overruled = date_disagrees(entry.fields) if "date" in entry.fields else []
            if overruled:       # two readers, two dates: said, the entry kept as written
                said = " and ".join(name for name, _, _ in overruled)
                out.warnings.append(f"{where}: {key}'s {', '.join(f'{n} {v}' for n, v, _ in overruled)} "
                                    f"{'is' if len(overruled) == 1 else 'are'} not its date's "
                                    f"({overruled[0][2]}): BibTeX reads the {said}, biber and kb export csl-json "
                                    f"the date; kept as written (kb export bib moves the {said} to note)")
            if is_work(entry.entry_type):
                finder.note(meta, key)
            pdfs += _named_files(key, entry.fields.get("file", ""), path.parent, folders, out)
            if progress:
                progress(n, len(incoming))
        if filed:
            _point_at_filed(bibfile, metas, filed, wheres, out)
        _say_unresolved(bibfile, metas, wheres, out)
        if out.added and not normalise:
            for preamble in source.preambles():
                if preamble not in bibfile.text:
                    bibfile.append_raw(preamble)
        reading = second_reading()          # pybtex's, or None where kb's own vouches for the file
        if reading is not None:
            compare_reading(source, reading)
        if out.added or out.updated:
            written = bibfile.render_with_owned()
            kb.write_file(kb.layout.bib, written[0], bibfile.read_as)
            with transaction(db):
                kb.indexer.reindex_bib(bibfile, metas, written)     # its entries as written, not read again
                db.execute("update papers set origin = 'bibtex' where origin is null")
                for key in out.replaced:
                    db.execute("update papers set metadata_status = 'complete', origin = 'bibtex' "
                               "where citekey = ?", [key])
                kb.derive_pending()
            for key in out.replaced:
                for m in kb.sources.find(citekey=key):
                    if not m.metadata_complete:
                        m.metadata_complete = True
                        m.doi = None            # what kb guessed (a DOI an older kb read unchecked) is not the entry's
                        kb.sources.save(m)
        _say_gone(kb, bibfile, path, out)
    if out.renamed:
        _adopt_keys(kb, out)
    data = {key for key in out.added + out.updated + out.unchanged
            if (held := bibfile.entry(key)) is not None and not is_work(held.entry_type)}
    if data:        # written as the rest, counted apart: no paper was added
        out.data = [k for k in dict.fromkeys(out.added + out.updated + out.unchanged) if k in data]
        out.added, out.updated, out.unchanged = ([k for k in keys if k not in data]
                                                 for keys in (out.added, out.updated, out.unchanged))
    return pdfs


def _named_files(key: str, value: str, base: Path, folders: list[Path], out: ImportResult) -> list[tuple[str, Path]]:
    """The files an entry's file field names that are there to attach (a Windows drive's and one not
    named .pdf, each said apart, too);
    one missing is said as the field writes it and with every place kb looked for it (Mendeley's
    ':home/me/x.pdf:pdf' is looked for beside the .bib file and from the root: the first alone, as said
    before, was a path Mendeley never meant)."""
    named = []
    for f in file_names(value, base, folders):
        if (os.path.lexists(f.path) or f.path.suffix.lower() != ".pdf"      # another file's: said once, apart
                or (os.name != "nt" and WINDOWS_PATH.match(str(f.path)))):
            named.append((key, f.path))
            continue
        places = [str(p) for p in f.looked]
        where = places[0] if len(places) == 1 else ", ".join(places[:-1]) + " or " + places[-1]
        out.warnings.append(f"{key}: file {f.written!r} not attached: no such file (looked for {where})")
    return named


def _say_gone(kb: KB, bibfile: BibFile, path, out: ImportResult) -> None:
    """Papers an earlier import of this very file filed that it holds no more (a Zotero or JabRef
    library exported again after entries were removed from it): kept in references.bib, never
    removed by an import, and said in one line with their count and keys (all of them in
    `out.gone`), where they were kept in silence. What each file filed is recorded in the index
    (meta 'imported:<file>'): a file read from standard input, or an index made anew, has no record."""
    if not isinstance(path, (str, os.PathLike)):
        return
    try:
        name = "imported:" + str(Path(path).resolve())
    except OSError:
        return
    filed = {out.renamed.get(k, k) for k in out.added + out.updated + out.unchanged}
    row = kb.db.execute("select value from meta where key = ?", [name]).fetchone()
    before = json.loads(row[0]) if row is not None else []
    held = {citekeys.fold_key(k): k for k in bibfile.keys()}
    missing = [k for k in before if citekeys.fold_key(k) not in held]
    if missing:         # renamed since (kb rename keeps the old key in ids), or removed
        for k in list(held.values()):
            entry = bibfile.entry(k)
            for alias in citekeys.aliases(entry.fields) if entry is not None else ():
                held.setdefault(citekeys.fold_key(alias), k)
    gone: list[str] = []
    for key in before:
        now = held.get(citekeys.fold_key(key))
        if now is not None and now not in filed and now not in gone:
            gone.append(now)
    if gone:
        out.gone = gone
        out.warnings.append(f"{shown(path)}: {len(gone)} entr{'y' if len(gone) == 1 else 'ies'} an earlier import "
                            f"of this file filed {'is' if len(gone) == 1 else 'are'} no longer in it (removed from "
                            "the library it was exported from?): references.bib keeps "
                            f"{'it' if len(gone) == 1 else 'them'} unchanged: {', '.join(gone[:5])}"
                            f"{', ...' if len(gone) > 5 else ''} (kb import --json lists them under 'gone'; "
                            "kb rm KEY removes one)")
    record = json.dumps(sorted(filed | set(gone)))
    if row is None or row[0] != record:
        with transaction(kb.db):
            kb.db.execute("insert or replace into meta (key, value) values (?, ?)", [name, record])


def _keep_their_ids(out: ImportResult, where: str, key: str, entry, held: dict[str, str], fields: dict[str, str],
                    taken: set[str], aliases: set[str]) -> None:
    """The keys an imported entry merged into paper `key` kept in its own `ids` (the keys it had
    before, which notes cite) recorded in that paper's `ids` too, as its key is: they were dropped
    without a word. One that is another paper's key or alias here is said and not recorded."""
    have = {citekeys.fold_key(k) for k in [key, entry.key] + citekeys.aliases(held)}
    theirs = [a for a in dict.fromkeys(citekeys.aliases(entry.fields)) if citekeys.fold_key(a) not in have]
    if not theirs:
        return
    clash = [a for a in theirs if citekeys.fold_key(a) in taken or a in aliases]
    kept = [a for a in theirs if a not in clash]
    if clash:
        out.warnings.append(f"{where}: {', '.join(clash)}, in {entry.key}'s ids, "
                            f"{'is a key' if len(clash) == 1 else 'are keys'} of another paper here: not recorded "
                            f"as {'an alias' if len(clash) == 1 else 'aliases'} of {key}")
    if kept:
        before = citekeys.key_list(fields["ids"]) if "ids" in fields else citekeys.aliases(held)
        fields["ids"] = ", ".join(before + kept)
        for a in kept:
            aliases.add(a)
            out.aliases[a] = key
        out.warnings.append(f"{where}: {key} keeps {', '.join(kept)}, in {entry.key}'s ids, in its ids field too")


def _data_held(bibfile: BibFile, entry) -> str | None:
    """The key of references.bib's entry an imported @xdata or @set is (the same type under
    the same key, as BibTeX reads keys), or None: data are never matched by title, as papers are."""
    held = bibfile.named(entry.key)
    if held is not None and held.entry_type.lower() == entry.entry_type.lower():
        return held.key
    return None


def _point_at_filed(bibfile: BibFile, metas: dict, filed: dict[str, str], wheres: dict[str, str],
                    out: ImportResult) -> None:
    """Imported entries naming another imported entry (crossref, xref, xdata, entryset) by a key it was
    not filed under (taken by another paper here, or merged into a paper kb holds) name it by
    the key it has now, and this is said: they named the other paper, which lent them its year
    and venue, or no entry BibTeX knows. A child comes before its parent (as BibTeX wants), so
    this is done once every entry is filed."""
    for key in out.added:
        fields = metas[key][0]
        for name in ("crossref", "xref", "xdata", "entryset"):
            named = citekeys.key_list(fields.get(name))
            now = [filed.get(k, k) for k in named]
            if now != named:
                bibfile.replace_value(key, name, ", ".join(now))
                out.warnings.append(f"{wheres[key]}: {key}'s {name} {', '.join(named)} written "
                                    f"{', '.join(now)}, the key that entry was filed under")


def _say_unresolved(bibfile: BibFile, metas: dict, wheres: dict[str, str], out: ImportResult) -> None:
    """An imported entry whose crossref, xref or xdata names a key that neither the file nor references.bib
    holds (in any case, nor in an entry's ids, as BibTeX and biber find it) is kept as written and said, naming
    it: BibTeX warns of a bad cross reference and biber of a missing entry, and it is lent nothing (its venue
    and year), where kb said nothing of it. Its parent imported later makes it whole."""
    for key, name, named in parents_missing([(key, metas[key][0]) for key in out.added],
                                            lambda: [bibfile.entry(k) for k in bibfile.keys()]):   # (its own too)
        out.warnings.append(f"{wheres[key]}: {key}'s {name} names {named!r}, which neither this file nor "
                            "references.bib holds: kept as written, but it is lent nothing (BibTeX and biber "
                            f"warn of it); import {named}'s entry to make it whole")


def _say_differing(out: ImportResult, where: str, key: str, held: dict[str, str], theirs: dict[str, str]) -> None:
    """An imported entry of a paper kb holds whose values say otherwise than references.bib's
    (pages corrected since, another venue): references.bib's are kept, as every value of an
    entry kb holds is, and this is said, where the import said 'already present' and the
    corrections were lost without a word. (`file` names a path on the exporter's machine, and
    fields of keys, `ids`, `crossref`..., keys each library gives its own way; tags it lacks are
    ones given with kb tag since: said only where it has one references.bib lacks.)"""
    differ, cased = [], []
    for name, value in theirs.items():
        if name not in held or name in KEY_FIELDS or name in BOOKKEEPING or name == "file" or not value:
            continue
        if not same_value(name, held[name], value):
            if not (name == "keywords" and set(split_tags(value)) <= set(split_tags(held[name]))):
                differ.append(name)
        elif case_apart(name, held[name], value):      # 'Energy and Policy' of 'Energy and policy'
            cased.append(name)
    if not differ and not cased:
        return
    name = (differ or cased)[0]
    differ += [f"{c} (in letter case only)" for c in cased]

    ours, other = (" ".join(v.split()) for v in (held[name], theirs[name]))
    # shown from a little before where they part, so a difference past the first 40 characters is seen
    start = next((i for i, (a, b) in enumerate(zip(ours, other)) if a != b), min(len(ours), len(other)))
    start = 0 if start < 30 else start - 15

    def short(value: str) -> str:
        value = value[start:]
        return ("..." if start else "") + repr(value if len(value) <= 40 else value[:40] + "...")

    out.warnings.append(f"{where}: {key} kept as references.bib holds it: {', '.join(differ)} "
                        f"{'differs' if len(differ) == 1 else 'differ'} here ({name} {short(other)}, "
                        f"references.bib {short(ours)}); edit references.bib (kb edit {key}) to take yours")


#: the fields kb writes in an entry it guesses from a PDF: any other is a person's
_GUESSED = frozenset({"title", "author", "year", "journal", "booktitle", "eprint", "archiveprefix",
                      "primaryclass", "version", "doi", "url"})


def _take_over(bibfile: BibFile, key: str, entry, out: ImportResult, where: str, taken: set[str],
               source: BibFile | None = None) -> None:
    """A person's entry for a paper whose entry kb guessed from its PDF: theirs replaces
    kb's (type and every field; kb keeps what identifies the paper that theirs lacks),
    and is theirs from now on: copied as their file holds it (from `source`; None: in
    kb's style), with only those fields and `ids` added. Its key is theirs too:
    `_adopt_keys` renames the paper."""
    held = bibfile.by_key[key].entry.fields if key in bibfile.by_key else {}
    # A DOI in kb's guess was never checked (an older kb recorded the one the PDF's first page prints,
    # as often a work it cites: queries.CHECKED_DOI): copied into the person's entry, it became theirs, trusted.
    kept = {k: v for k, v in held.items()
            if k in ("eprint", "archiveprefix", "primaryclass", "version", "url") and k not in entry.fields}
    # what the person added to kb's guess (kb tag's keywords, a note written in) is theirs: it was
    # replaced unsaid. Kept beside their entry's fields, their tags joined, and said
    mine = {k: v for k, v in held.items()
            if k not in _GUESSED and k != "ids" and v and k not in entry.fields}
    if held.get("keywords") and entry.fields.get("keywords"):
        tags = split_tags(entry.fields["keywords"])
        more = [t for t in split_tags(held["keywords"]) if t.lower() not in {x.lower() for x in tags}]
        if more:
            mine["keywords"] = tag_separator(entry.fields["keywords"]).join(tags + more)
    if mine:
        kept.update(mine)
        out.warnings.append(f"{where}: {key}: kept {', '.join(sorted(mine))} of kb's entry beside yours")
    if held.get("doi") and "doi" not in entry.fields:
        out.warnings.append(f"{where}: kb's guess held DOI {held['doi']}, never checked against that work (read from "
                            "the PDF's first page, where a work it cites may print): not copied into your entry")
    fields = {**kept, **{k: v for k, v in entry.fields.items() if v and k != "ids"}}
    if "keywords" in mine:
        fields["keywords"] = mine["keywords"]
    clash = entry.key != key and citekeys.fold_key(entry.key) in taken      # another paper's key here
    ids = [k for k in citekeys.aliases(entry.fields) + citekeys.aliases(held) + [entry.key]
           if k != key and not (clash and k == entry.key)]
    raw = _as_written(source, entry, key)
    if raw is not None:
        bibfile.replace_entry(key, raw)
        added = dict(kept)
        if ids and ", ".join(dict.fromkeys(ids)) != entry.fields.get("ids"):
            added["ids"] = ", ".join(dict.fromkeys(ids))
        if added:
            bibfile.set_entry(key, entry.entry_type, added)
    else:
        if ids:
            fields["ids"] = ", ".join(dict.fromkeys(ids))
        bibfile.replace_entry(key, render_entry(key, entry.entry_type, fields, fit=False))
    bibfile.disown(key)
    out.updated.append(key)
    out.replaced.append(key)
    if clash:
        out.warnings.append(f"{where}: {entry.key!r} is a key of another paper here: {key} keeps its key")
    elif entry.key != key:
        out.renamed[key] = entry.key
    out.warnings.append(f"{where}: {key} was kb's guess from its PDF; your entry {entry.key!r} replaces it")


def _as_written(source: BibFile | None, entry, key: str) -> str | None:
    """`entry`'s text as its file holds it, under `key`; None when it cannot stand as
    written in references.bib: read from elsewhere, using @string macros (defined after
    it here, BibTeX would not know them), or holding control characters."""
    block = source.by_key.get(entry.key) if source is not None else None
    if block is None or block.entry is not entry or source.macros_used(entry.key):
        return None
    raw = source.entry_text(entry.key)
    if CONTROL_CHARS.search(raw):
        return None
    if key != entry.key:
        raw = rekeyed(raw, entry.key, key)
    return raw


def _adopt_keys(kb: KB, out: ImportResult) -> None:
    """The papers whose guessed entry an import replaced take the imported key (kb rename:
    claims files, checks, cached sources; the guessed key stays in ids)."""
    for old, new in list(out.renamed.items()):
        try:
            rename_paper(kb, old, new)
            out.warnings.append(f"{old} renamed {new}, your key ({old} kept in its ids)")
        except KBError as exc:
            del out.renamed[old]
            out.warnings.append(f"{old} kept its key ({exc.message}): kb rename {old} {new} to use yours")


def _attach_all(kb: KB, pdfs: list[tuple[str, Path]], out: ImportResult, *, jobs: int,
                extract=None, apart: bool = False) -> None:
    """The PDFs imported entries name, attached in the order of the file: their text
    extracted by a pool of `jobs` processes (kb.ops.bulk; 1: here),
    each paper committed by this process as soon as its turn comes, so a kill leaves
    every PDF attached or not and the next import attaches the rest."""
    windows = [pdf for _, pdf in pdfs if os.name != "nt" and WINDOWS_PATH.match(str(pdf))]
    if windows:         # a library exported on Windows (Mendeley's 'C:/Users/...'): said once, not per file
        out.warnings.append(f"{counted(len(windows), 'file')} named in file fields {agreeing(len(windows), 'is', 'are')} on a Windows drive "
                            f"({', '.join(repr(str(p)) for p in windows[:2])}{', ...' if len(windows) > 2 else ''}), "
                            "which this machine has not; not attached (copy them beside the .bib file and name them "
                            "there, or kb add each PDF)")
        pdfs = [(key, pdf) for key, pdf in pdfs if pdf not in windows]
    if not pdfs:
        return
    label = f"attaching {len(pdfs):,} PDF{'s' if len(pdfs) != 1 else ''}"
    kb.progress(label, 0, len(pdfs), "papers")
    options = {"extract": extract} if extract is not None else {}
    done = bulk.extract_in_order(pdfs, lambda item: _attach_task(kb, *item), kb.limits(),
                                 jobs, apart=apart, **options)
    others = [pdf for _, pdf in pdfs if pdf.suffix.lower() != ".pdf"]
    if others:          # Zotero's web snapshots and the like: said once, not per file
        out.warnings.append(f"{counted(len(others), 'file')} named in file fields {agreeing(len(others), 'is', 'are')} not PDFs (by their name: "
                            f"{', '.join(repr(p.name) for p in others[:3])}{', ...' if len(others) > 3 else ''}); "
                            "not attached")
    for n, one in enumerate(done, 1):
        key, pdf = one.item
        if one.outcome.refused is not None:
            out.warnings.append(f"{key}: file {str(pdf)!r} not attached: {one.outcome.refused.message}")
        elif one.outcome.crashed:
            out.warnings.append(f"{key}: file {str(pdf)!r} not attached: {one.outcome.crashed}")
        elif one.task is not None and not _attached(kb, key, one.task.data):   # not named twice
            notes: list[str] = []
            src = _source_of(one.outcome.result, one.outcome.error, one.task.source, notes,
                             one.outcome.references)
            try:
                _attach_source(kb, key, pdf, one.task.data, src, notes, out, named_by_entry=True)
            except UsageError as exc:
                out.warnings.append(f"{key}: file {str(pdf)!r} not attached: {exc.message}")
        kb.progress(label, n, len(pdfs), "papers")


_HYPHEN = lazy(r"[-\u2010-\u2015]")
_LINE_HYPHEN = lazy(r"[-\u2010\u2011\u00ad]\s*\n\s*")


def _not_its_pdf(kb: KB, key: str, src: _Source) -> str | None:
    """Why a PDF an entry's file field names is another paper's, or None: its first pages print
    neither the entry's title (nor its main title) nor most of two or more of its first authors'
    names, as kb checks the record of an arXiv id or DOI a PDF it adds prints (a Zotero item holding
    another item's PDF: its text verified quotes as this paper's). A PDF without text is not judged."""
    if src.status != "ok" or not src.pages:
        return None
    row = kb.db.execute("select title, authors from papers where citekey = ?", [key]).fetchone()
    if row is None or not row[0]:
        return None
    try:
        authors = [a for a in json.loads(row[1] or "[]") if isinstance(a, str)]
    except ValueError:
        authors = []
    title, text = latex_to_text(row[0]), " ".join(src.pages[:2])
    if _a_notice_of(title, src.pages[:1]):      # Zotero's 'Supplementary PDF' beside the paper's, an erratum
        return (f"it prints the entry's title ({title!r}) only as the work it is about ('Supplementary "
                "Material for', 'Correction to'): another work's PDF, not this paper's text")
    # its words as the PDF may print them: hyphens kept, read as spaces ('Multi-LexSum' of 'Multi LexSum'),
    # or ending a line inside a word ('Gaus-\nsian')
    words = set()
    for variant in (text, _HYPHEN.sub(" ", text), _LINE_HYPHEN.sub("", text)):
        words.update(normalise_title(variant).split())
    main = re.split(r"[:?]|\s[-\u2013\u2014]\s", title)[0]    # Zotero's 'Title: Subtitle', the PDF's 'Title'
    for asked, whole in ((title, True), (_HYPHEN.sub(" ", title), True), (main, False),
                         (_HYPHEN.sub(" ", main), False)):
        wanted = [w for w in normalise_title(asked).split() if len(w) > 2]
        if wanted and (whole or len(wanted) > 1) and sum(w in words for w in wanted) >= 0.8 * len(wanted):
            return None
    # a title written otherwise (the preprint's, a translation's): most of two or more of its first
    # authors' names; one name alone is printed as often by a work the text cites ('Smith et al. (2013)')
    names = [n for n in (normalise_title(last_name(a)) for a in authors[:5]) if n]
    printed = " " + normalise_title(text) + " "
    if len(names) > 1 and 2 * sum(f" {n} " in printed for n in names) >= len(names):
        return None
    return (f"its first pages print neither the entry's title ({title!r}) nor its authors: another paper's "
            "PDF? (kb add FILE.pdf files it as a paper of its own)")


def _attached(kb: KB, key: str, data: bytes) -> bool:
    """The paper holds this very file already: the index has its text (a run killed
    after filing it in the cache, before indexing it, attaches it again)."""
    return kb.db.execute("select 1 from versions where citekey = ? and sha256 = ?",
                         [key, sha256(data)]).fetchone() is not None


def _attach_task(kb: KB, key: str, pdf: Path) -> bulk.Task | None:
    """What to extract to attach `pdf` to paper `key`: None when there is nothing to
    do (not a .pdf, attached already); KBError when the file cannot be attached."""
    if pdf.suffix.lower() != ".pdf":
        return None
    data = read_input(pdf, "the PDF")
    if not is_pdf(data):
        raise PDFError(not_a_pdf(data))
    if _attached(kb, key, data):
        return None
    return bulk.Task(data, _plan_for(kb, data, None), str(pdf))


def _attach_pdf(kb: KB, key: str, pdf: Path, out: ImportResult, replace_text: bool = False) -> None:
    """A PDF given with its paper's arXiv id or DOI, attached with its text as `kb add
    FILE.pdf` would; a file that is missing or unreadable is a warning, one lacking most of
    the words of the text the paper holds is refused (_keep_held_text)."""
    try:
        task = _attach_task(kb, key, pdf)
    except KBError as exc:
        out.warnings.append(f"{key}: file {str(pdf)!r} not attached: {exc.message}")
        return
    if task is None:
        return
    notes: list[str] = []
    src = _extract_source(kb, task.data, task.source, notes)
    _attach_source(kb, key, pdf, task.data, src, notes, out, replace_text=replace_text)


def _attach_source(kb: KB, key: str, pdf: Path, data: bytes, src: _Source, notes: list[str],
                   out: ImportResult, replace_text: bool = False, named_by_entry: bool = False) -> None:
    """The extracted PDF into the source cache and the index, as `key`'s (unless it would
    replace most of the text `key` holds and `replace_text` is not asked: _keep_held_text).

    The file is cached first as nobody's (guarded by this process's pid, so `kb doctor
    --prune` leaves it while this runs); under the lock, one transaction indexes its
    text and, last, files it under `key` in its manifest. A kill before the commit
    leaves the cache holding a file of no paper and the index as it was; the next
    import attaches it again."""
    arxiv = src.result.arxiv if src.result else None
    paper_arxiv = kb.db.execute("select arxiv_id from papers where citekey = ?", [key]).fetchone()
    if arxiv and paper_arxiv and paper_arxiv[0] and bare_arxiv_id(paper_arxiv[0]) != bare_arxiv_id(arxiv.id):
        # arXiv's stamp on its first page names another paper: its text would verify quotes as this one's
        raise UsageError(f"{shown(pdf.name)} carries arXiv's stamp of {arxiv.versioned}, and {key} is arXiv "
                         f"{paper_arxiv[0]}: another paper's PDF, not attached",
                         hint=f"`kb add {shown(str(pdf))}` files it as a paper of its own")
    other = _not_its_pdf(kb, key, src) if named_by_entry else None     # a file field: nothing else vouches for it
    if other:
        raise UsageError(other)
    version = f"v{arxiv.version}" if (arxiv and arxiv.version and paper_arxiv
                                       and paper_arxiv[0] == arxiv.id) else ""
    src.manifest = kb.sources.put(data, "pdf", "pdf", source_url=str(pdf.resolve()), origin="pdf",
                                  extractor=src.plan)
    src.version = version
    with kb.writing():
        if not replace_text and key not in src.manifest.citekeys:
            try:
                _keep_held_text(kb.db, key, [src], shown(pdf.name))
            except UsageError:
                kb.sources.discard_unfiled(data, "pdf")
                raise
        with transaction(kb.db):
            manifest = kb.sources.get(sha256(data))
            if key not in manifest.citekeys:
                manifest.citekeys.append(key)
            manifest.version = version or manifest.version
            manifest.arxiv_id = (arxiv.id if arxiv and version else None) or manifest.arxiv_id
            manifest.writer_pid = None
            src.manifest = manifest
            kb.indexer.store_version(key, version, manifest=manifest, pages=src.pages,
                                     extractor=src.extractor, text_status=src.status,
                                     text_message=src.message, second=src.second,
                                     references=src.references, unread=_unread(src))
            kb.derive_pending()
            kb.sources.save(manifest)       # filed under `key`: the last step before the commit
    out.attached.append(f"{key}: {shown(pdf.name)}")
    out.warnings += [f"{key}: {shown(pdf.name)}: {n}" for n in notes]


def extract_again(kb: KB, citekey: str, extractor: str, *, version: str | None = None) -> dict:
    """`kb text extract`: extract a held PDF again with `extractor` ("pdfium", "pypdf",
    "both") and keep that text beside the stored one, as its second extraction; the
    stored text stays the first (every recorded offset points into it), unless the
    version has no text yet, when the new extraction becomes its text. The plan is
    recorded in the source's manifest, so `kb rebuild` makes the same two texts."""
    wanted = parse_plan(extractor)
    paper = resolve_alias(kb.conn, citekey) if not kb.db.execute(
        "select 1 from papers where citekey = ?", [citekey]).fetchone() else citekey
    if paper is None:
        raise no_paper(kb.conn, citekey)
    citekey = paper
    rows = [dict(r) for r in kb.db.query(
        "select id, version, sha256, source_kind, extractor, text_status from versions where citekey = ?",
        [citekey])]
    if version is not None:
        version = normalise_version(version) if version else ""
        rows = [r for r in rows if r["version"] == version]
    held = {r["version"]: r for r in rows}
    rows = [r for r in rows if r["source_kind"] == "pdf" and r["sha256"]]
    # A version whose text was loaded over its PDF (kb text load --replace): the PDF is
    # still held, filed under the paper; extracting it again makes its text the version's.
    for m in kb.sources.find(citekey=citekey):
        if m.kind == "pdf" and m.version in held and held[m.version]["source_kind"] != "pdf":
            rows.append(dict(held[m.version], sha256=m.sha256, source_kind="pdf", text_status="replaced"))
    if not rows:
        what = f"{citekey} {version}" if version else citekey
        raise NotFound(f"kb holds no PDF of {what} to extract again",
                       hint=f"kb add FILE.pdf (its text: kb text load {citekey} FILE)")
    row = max(rows, key=lambda r: version_number(r["version"]))
    manifest = kb.sources.get(row["sha256"])
    if manifest is None:
        raise NotFound(f"the PDF of {citekey} {row['version']} is gone from the source cache",
                       hint="kb add the PDF again")
    try:
        data = kb.sources.read(manifest)
    except FileNotFoundError:       # deleted by hand: said as kb show, kb open and kb doctor say it
        raise NotFound(f"{citekey} has no PDF to extract again: {manifest.filename} is missing from the cache (a "
                       f"source of {citekey})", hint=f"kb doctor says how to repair it; `kb add FILE.pdf --key "
                       f"{shell_word(citekey)}` attaches the PDF again") from None
    held = (manifest.extractor or "pypdf").split("+")
    if row["text_status"] == "ok":
        plan = "+".join([held[0]] + [e for e in wanted if e != held[0]][:1])
    else:
        plan = "+".join(wanted)
    notes: list[str] = []
    label = manifest.source_url or manifest.filename
    result = extract_plan(data, plan, kb.limits(), source=label, progress=_page_progress(kb, label))
    notes += [w for w in result.warnings if "could not read" in w or "no second" in w
              or w.startswith(REPEATED)]
    if row["text_status"] == "ok" and result.extractor == row["extractor"] and manifest.extractor == result.plan:
        held_second = [r[0] for r in kb.db.execute("select text from second_pages where version_id = ? order by page",
                                                    [row["id"]])]
        if held_second == (list(result.second.pages) if result.second is not None else []):
            # run again: the texts kb holds are these already; nothing is written, and that is said
            return {"citekey": citekey, "version": row["version"], "first": result.extractor,
                    "second": result.second.extractor if result.second is not None else None,
                    "pages": result.page_count, "plan": result.plan, "notes": notes, "unchanged": True}
    with kb.writing():
        manifest.extractor = result.plan
        if row["text_status"] == "replaced":
            manifest.added_at = time.time()     # the version's text again, for kb rebuild too
        kb.sources.save(manifest)
        with transaction(kb.db):
            if row["text_status"] == "ok" and result.extractor == row["extractor"]:
                kb.db.execute("delete from second_pages where version_id = ?", [row["id"]])
                if result.second is not None:
                    kb.db.conn.executemany(
                        "insert into second_pages (version_id, page, extractor, text) values (?,?,?,?)",
                        [(row["id"], i + 1, result.second.extractor, t) for i, t in enumerate(result.second.pages)])
                # what kb verify reads in either extraction is decided again, as a rebuild decides it: a quote
                # of an older version the first misreads is no longer listed stale, one the second prints on
                # another page is listed moved (kb.ops.derive.stale_marks)
                kb.indexer.pending.texts.append((citekey, row["version"]))
                kb.derive_pending()
            else:
                kb.indexer.store_version(citekey, row["version"], manifest=manifest,
                                         pages=result.pages if result.status == "ok" else None,
                                         extractor=result.extractor, text_status=result.status,
                                         text_message=result.message or None, second=result.second,
                                         unread=unread_pages(result) if result.status == "ok" else None)
                kb.derive_pending()
    return {"citekey": citekey, "version": row["version"], "first": result.extractor,
            "second": result.second.extractor if result.second is not None else None,
            "pages": result.page_count, "plan": result.plan, "notes": notes}
