"""Quotes with verified provenance: `kb quote add/ls/rm`, `kb verify`, `kb verify --note`.

A quote is stored only once kb has found it, word for word, in the text of
the version of the paper it names; its provenance (pages, character spans in
the stored page text, 32 characters either side, how it matched, which
extractor made the text) goes to claims/<citekey>.toml and the index.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from dataclasses import replace as replaced
from pathlib import Path

from kb.atomic import decode_saved, read_input, read_json, said, shown, undecodable_at
from kb.errors import KBError, LimitExceeded, NotFound, UsageError
from kb.lazyimport import lazy_import
from kb.store.fts import match_terms
from kb.store.knowledgebase import AS_OPENED, KB, AsOpened
from kb.store.queries import (
    PageText,
    held_versions,
    load_second_text,
    load_text,
    lookalike,
    missing_paper,
    no_text,
    no_text_sql,
    not_held,
    off_text,
    off_text_sql,
    other_case,
    other_papers_file,
    paper_exists,
    record_filter,
    rename_hint,
    require_paper,
    resolve_alias,
    rows_as_dicts,
    second_extractor,
    titles_alike,
    versions_with_text,
)
from kb.text.ascii import ascii_fold
from kb.text.display import agreeing, close_names, counted, pages_said
from kb.text.garbled import garbled
from kb.text.ids import bare_arxiv_id
from kb.text.latex import latex_to_text
from kb.text.lazyre import lazy
from kb.text.names import (
    alpha_labels,
    cited_keys,
    first_author_key,
    label_form,
    last_name,
    name_key,
    split_names,
)
from kb.text.titles import names_title, normalise_title
from kb.text.typed import (
    as_shown,
    enclosing_marks,
    in_utf8,
    marks_left_out,
    typed,
    typed_all,
    unshowable,
)
from kb.text.versions import (
    citation_groups_only,
    labelled,
    marks_only,
    marks_only_of,
    normalise_version,
    reference_works,
    separators_only,
    version_number,
)

# Listing quotes needs none of these: loaded when a quote is matched, written or verified,
# or a note read.
links = lazy_import("kb.graph.links")
bulk = lazy_import("kb.ops.bulk")
records = lazy_import("kb.ops.records")
quoted = lazy_import("kb.quantities.quoted")
intervals = lazy_import("kb.quantities.interval")
units = lazy_import("kb.quantities.units")
bibtex = lazy_import("kb.sources.bibtex")
claimsfile = lazy_import("kb.store.claimsfile")
identifiers = lazy_import("kb.text.ids")
matching = lazy_import("kb.text.match")
textfile = lazy_import("kb.sources.textfile")
normalising = lazy_import("kb.text.normalise")
notes_text = lazy_import("kb.text.notes")
reflist = lazy_import("kb.text.refs")


class QuoteNotFound(KBError):
    """The paper does not contain the quote (exit 2: nothing was stored). Its message is one line
    (where it was looked for, what differs from the closest passage); `details` the lines a person
    asks for (--verbose): the closest passage itself, the version it may be from."""

    def __init__(self, message: str, near=None, details: list[str] | None = None, **kw):
        super().__init__(message, **kw)
        self.near = near
        self.details = details or []

    def to_dict(self) -> dict:
        near = self.near
        return {"error": self.message, "details": self.details,
                "closest": None if near is None else {"page": near.page, "passage": near.passage,
                                                      "differs": near.describe()}}


def _no_text_hint(paper: dict, version: str | None) -> str:
    if paper["arxiv_id"]:
        ident = f"arxiv:{paper['arxiv_id']}{version or ''}"
        return f"kb add {ident}"
    return f"kb add paper.pdf, or kb text load {paper['citekey']} FILE"


# -- adding ---------------------------------------------------------------------------

class _IdsOf:
    """The ids a table holds, asked one at a time (the ids of quotes are indexed): a new
    quote's id is made free of them without reading them all."""

    def __init__(self, conn, table: str):
        self.conn, self.table = conn, table

    def __contains__(self, rid: object) -> bool:
        return self.conn.execute(f"select 1 from {self.table} where id = ? limit 1", [rid]).fetchone() is not None


#: A number written with a decimal mark or an exponent, and its scale ("0.012", "4.6e13", "3.14E+23",
#: "$4.6M", "1e-3"): no word of an id, as a whole number is none, since its pieces read as other numbers
#: ("6e13" of 4.6e13, "6m" of $4.6M).
_POINTED_NUMBER = lazy(r"(?i)(?<![\w.,])\d+(?:(?:[.,]\d+)+(?:e[-+]?\d+)?|e[-+]?\d+)(?:bn|[kmbt])?(?!\w)")
#: A number's scale written as a word after it ("81.1 million", "175 billion", "5 thousand"): the number's,
#: as its letter is ("81.1M", "175B", "5k"), never a word of an id ("million_papers" of "81.1 million papers").
_SCALE_WORD = lazy(r"(?i)(?<![\w.,])(\d+(?:[.,]\d+)*)[ \u00a0]*(thousand|million|billion|trillion)s?(?!\w)")
_SCALE_LETTER = {"thousand": "k", "million": "m", "billion": "b", "trillion": "t"}


def slug_id(text: str, taken: Container[str], words: int = 5, empty: str = "quote") -> str:
    """An id of `text`'s first `words` words, none taken; `empty` when it has none (numbers alone)."""
    # an editor's brackets are not word breaks: "[T]he" is "The", "use[s]" is "uses"
    text = text.replace("[", "").replace("]", "")
    text = _SCALE_WORD.sub(lambda m: m.group(1) + _SCALE_LETTER[m.group(2).lower()], text)
    tokens = re.findall(r"[a-z0-9]+", _POINTED_NUMBER.sub(" ", ascii_fold(text).lower()))
    stop = {"the", "a", "an", "of", "and", "to", "in", "is", "are", "that", "for", "as", "with", "on", "by"}
    keep = [t for t in tokens if t not in stop and not t.isdigit()][:words] or [empty]
    base = "-".join(keep)[:60].strip("-") or empty
    out, n = base, 2
    while out in taken:
        out = f"{base}-{n}"
        n += 1
    return out


def describe_miss(paper: dict, version: str, near, others: list[str],
                  found: tuple[str, int] | None = None, what: str = "the quote") -> QuoteNotFound:
    """Why a quote is not in `version`, in one line: what differs from the closest passage, and the
    version kb holds that has it (`found`: version, page); the closest passage itself, and which
    version it may be from, as its details (--verbose)."""
    line = f"{what} is not found in {labelled(paper['citekey'], version)}: " + (
        f"closest on page {near.page}, {near.describe()}" if near is not None else "no passage of it comes close")
    details: list[str] = []
    if near is not None:
        passage = near.passage if len(near.passage) <= 300 else near.passage[:297] + "..."
        details.append(f"closest, page {near.page}: \"{passage}\"")
    if found is not None and not found[0]:
        # the text of no version (a PDF or a text loaded without --version) beside a versioned one: no --version
        # names it, so no command is offered, never `kb quote add --version  ...`
        line += f"; it is in {paper['citekey']}'s text of no version (kb show: 'version -'), page {found[1]}"
    elif found is not None:
        line += (f"; it is in {labelled(paper['citekey'], found[0])}, page {found[1]}: "
                 f"kb quote add --version {found[0]} ...")
    elif paper["arxiv_id"]:
        candidates = [v for v in others if v != version and v]
        if candidates:
            details.append(f"it may be from another version kb holds ({', '.join(candidates)}): "
                           f"kb quote add --version {candidates[0]} ...")
        else:
            # a version kb does not hold: v1 if it holds a later one, else the newest arXiv has
            held = version_number(version) if version else None
            other = "v1" if held and held > 1 else None
            details.append(f"it may be from another version: kb add arxiv:{paper['arxiv_id']}{other or ''}"
                           + (f", then kb quote add --version {other} ..." if other else
                              " (the newest arXiv has), then kb quote add --version vN ..."))
    return QuoteNotFound(line, near, details, hint="--verbose shows the closest passage" if details else None)


def in_other_version(kb: KB, citekey: str, version: str | None, quote: str,
                     cache: dict | None = None) -> tuple[str, int] | None:
    """(version, page) of another version kb holds the text of that holds `quote`, the newest first, or
    None: a quote of v1's wording ("0.012 kWh") refused in v3 ("0.022 kWh") is said to be v1's."""
    for other in reversed(versions_with_text(kb.conn, citekey)):
        if other == version:
            continue
        text = load_text(kb.conn, citekey, other, cache)
        match = matching.find_quote(text.doc, quote) if text is not None else None
        if match is not None:
            return other, match.page
    return None


def in_other_paper(kb: KB, citekey: str, quote: str, file: str | None) -> str:
    """"; its words are in the text of b v1, page 2: ..." when another paper's text holds `quote`
    (a claim or quote moved by hand into the claims file of another paper than its own), "" when
    none does. Said only when it is not found in its own paper: one full-text query for the
    papers whose page holds every word of it, then each found again as kb verify finds quotes."""
    words = sorted(set(match_terms(quote)), key=len, reverse=True)[:12]
    if not words:
        return ""
    try:
        rows = kb.conn.execute("select p.citekey, p.version from pages_fts join pages p on p.id = pages_fts.rowid "
                               "where pages_fts match ? and p.citekey != ? group by p.citekey, p.version limit 3",
                               [" ".join(words), citekey]).fetchall()
    except sqlite3.Error:
        return ""
    for other, version in rows:
        text = load_text(kb.conn, other, version, None)
        match = matching.find_quote(text.doc, quote) if text is not None else None
        if match is not None:
            try:
                own = kb.layout.relative(kb.layout.claims_file(other))
            except UsageError:          # a key no file can be named for
                own = file
            return (f"; its words are in the text of {labelled(other, version)}, page {match.page}"
                    + (f": if it was moved here from {own} by hand, move it back" if own != file else ""))
    return ""


#: The end of what kb says of a quote or claim moved by hand into another paper's claims file (`moved_here`).
MOVE_BACK = "by hand, move it back"


def moved_here(kb: KB, q: dict, cache: dict | None = None) -> str | None:
    """Why the quote `q` (citekey, text, file) fails, when no text kb holds of its paper has it and another
    paper's does: moved by hand into another paper's claims file. kb verify, kb quote ls and kb doctor say it in
    these words, whichever way it fails in its own paper (not found, or a version that paper has no text of);
    None otherwise."""
    if not q.get("citekey") or not q.get("text") or other_papers_file(kb.conn, kb.layout.root, q.get("file"),
                                                                       q["citekey"]):
        return None
    if not versions_with_text(kb.conn, q["citekey"]) or in_other_version(kb, q["citekey"], None, q["text"], cache):
        return None
    found = in_other_paper(kb, q["citekey"], q["text"], q.get("file"))
    return f"not found in any text kb holds of {q['citekey']}{found}" if found else None


def _held_in(found: tuple[str, int] | None, file: str | None) -> str:
    """"; it is in v1, page 6: ..." for a quote `in_other_version` found, "" for none."""
    if found is None:
        return ""
    if not found[0]:        # the text of no version beside a versioned one: a claims file names it version = ""
        return (f"; it is in the text of no version, page {found[1]}: write version = \"\" in "
                f"{file or 'its claims file'}")
    return (f"; it is in {found[0]}, page {found[1]}: correct its version in {file or 'its claims file'}"
            f" to {found[0]}")


def find_in_either(kb: KB, text: PageText, quote: str, cache: dict | None = None):
    """(QuoteMatch or None, the PageText it was found in): the stored text first, then
    the second extraction of the same version if kb keeps one; a match in the second
    says so in its notes (its offsets point into that extraction's text)."""
    match = matching.find_quote(text.doc, quote)
    if match is not None:
        return match, text
    second = load_second_text(kb.conn, text.citekey, text.version, cache)
    if second is None or matching.contradicted(text.doc, quote):
        return None, text   # the stored text prints another word there ("Noémie" of "Noèmie"): never the second's
    match = matching.find_quote(second.doc, quote)
    if match is None:
        return None, text
    match.notes.append(f"found in the second extraction ({second.extractor}), not in {text.extractor}'s")
    return match, second


def _prints_title(kb: KB, citekey: str, version: str, title: str | None) -> bool:
    """Whether the first page of the text kb holds of `citekey` at `version` prints the normalised `title`."""
    if not title:
        return False
    row = kb.conn.execute("select p.text from pages p join versions v on v.id = p.version_id where v.citekey = ? "
                          "and v.version = ? order by p.page limit 1", [citekey, version]).fetchone()
    return row is not None and f" {title} " in f" {normalise_title(row[0])} "


def another_work(kb: KB, citekey: str, version: str | None, cache: dict | None = None,
                 manifest=None) -> str | None:
    """Why the text kb holds of `citekey` (at `version`, else its newest) is of another work than
    its entry in references.bib now names (keys swapped or given to another work by hand), or None:
    the text was filed as a work (the arXiv id, DOI and title of its manifest); an identifier both
    sides hold that differs, the titles not alike, or no shared identifier and titles not alike,
    is another work. A lookup of the paper's rows and one manifest (`manifest`, where the caller read it)."""
    key = ("another work", citekey, version)
    if cache is not None and key in cache:
        return cache[key]
    why = None
    if version is None:
        held = versions_with_text(kb.conn, citekey)
        version = held[-1] if held else None
    row = kb.conn.execute(
        "select v.sha256, p.arxiv_id, p.doi, p.title_norm from versions v join papers p on p.citekey = v.citekey "
        "where v.citekey = ? and v.version = ? and v.text_status = 'ok'", [citekey, version]).fetchone() \
        if version is not None else None
    if row is None or not row[0]:
        manifest = None
    elif manifest is None or manifest.sha256 != row[0]:
        manifest = kb.sources.get(row[0])
    if manifest is not None:
        filed = manifest.filed_as(citekey)
        arxiv, doi, title = row[1], (row[2] or "").lower() or None, row[3]
        ids = [(a, b) for a, b in ((filed.arxiv_id, arxiv), ((filed.doi or "").lower() or None, doi)) if a and b]
        alike = titles_alike(filed.title, title)
        if any(a == b for a, b in ids):
            other = False
        elif ids:
            other = alike is not True
        else:
            other = alike is False
        # a title corrected by hand (kb's guess from a PDF's metadata, 'Microsoft Word - draft3') that
        # the text's first page prints is its work's
        other = other and not _prints_title(kb, citekey, version, title)
        was = ", ".join(f"{n} {v}" for n, v in (("arXiv", filed.arxiv_id), ("DOI", filed.doi)) if v)
        if ids and not other:
            # the title its text was filed as, and an identifier another entry has: which work is it?
            theirs = [("arXiv id", "arxiv_id = ?", arxiv) if arxiv and filed.arxiv_id else None,
                      ("DOI", "lower(doi) = ?", doi) if doi and filed.doi else None]
            for name, test, value in filter(None, theirs):
                shared = kb.conn.execute(f"select citekey from papers where {test} and citekey != ? "
                                         "order by position limit 1", [value, citekey]).fetchone()
                if shared:
                    why = (f"{citekey} now has the {name} {value} of {shared[0]} in references.bib, not the one of "
                           f"the text kb holds under it ({was}): correct it, or see kb doctor")
                    break
        if other:
            shown_as = repr(filed.title) if filed.title else "another work"
            now = kb.conn.execute(
                "select citekey from papers where citekey != ? and ((? is not null and arxiv_id = ?) "
                "or (? is not null and lower(doi) = ?) or (? is not null and title_norm = ?)) order by position limit 1",
                [citekey, filed.arxiv_id, filed.arxiv_id, filed.doi, (filed.doi or "").lower(),
                 filed.title, filed.title]).fetchone()
            why = (f"{citekey} names another work in references.bib than the text kb holds under it "
                   f"({shown_as}{', ' + was if was else ''})"
                   + (f", which is now {now[0]}" if now else "")
                   + ": put the keys back as they were, or see kb doctor")
    if cache is not None:
        cache[key] = why
    return why


def renamed_to(kb: KB, old: str, memo: dict | None = None) -> str | None:
    """The key the work kb knew as `old` (a key no longer in references.bib) is under now: the paper
    whose ids field keeps `old`, else the one paper holding the text of the sources cached for `old`
    (its entry renamed by hand); None when kb cannot tell which. Read for keys of no paper alone."""
    if memo is not None and old in memo:
        return memo[old]
    now = resolve_alias(kb.conn, old)
    if now is None:
        shas = [m.sha256 for m in kb.sources.find(citekey=old)]
        rows = kb.conn.execute(f"select distinct citekey from versions where sha256 in "
                               f"({','.join('?' * len(shas))}) and citekey != ?", [*shas, old]).fetchall() \
            if shas else []
        now = rows[0][0] if len(rows) == 1 else None
    if memo is not None:
        memo[old] = now
    return now


def no_paper_reason(kb: KB, citekey: str | None, memo: dict) -> str | None:
    """`not_held`'s reason, naming the key its work is under now when kb can tell (renamed_to)."""
    why = not_held(kb.conn, citekey)
    if why is not None and (now := renamed_to(kb, citekey, memo)) is not None:
        why += f": its work is under {now} now"
    return why


def _shown(quote: str) -> str:
    return repr(quote if len(quote) <= 40 else quote[:37] + "...")


def verify_text(kb: KB, citekey: str, quote: str, version: str | None = None, cache: dict | None = None):
    """(paper, Text, QuoteMatch or None, NearMiss or None) for one quote; the Text is
    the extraction it was found in."""

    paper = require_paper(kb.conn, citekey)
    citekey = paper["citekey"]              # a key in its ids, or written in another Unicode form
    if not any(ch.isalnum() for ch in quote):
        raise UsageError(f"the quote {_shown(quote)} has no word or number to look for in the paper")
    text = load_text(kb.conn, citekey, version, cache)
    if text is None:
        return paper, None, None, None
    if (why := another_work(kb, citekey, text.version, cache)) is not None:
        # found there, it would be stored verified as a quote of the work the entry names now
        raise UsageError(f"{why.rpartition(': ')[0]}; nothing stored", hint=why.rpartition(": ")[2])
    match, text = find_in_either(kb, text, quote, cache)
    near = None if match else matching.closest_passage(text.doc, quote)
    return paper, text, match, near


def passage(match, text: PageText) -> str:
    """The paper's text a quote was found in: its spans, a line apart (an elided quote's fragments,
    a quote across a page break)."""
    return "\n".join(text.pages[s.page - 1][s.start:s.end] for s in match.spans)


def context_before(match, text: PageText) -> str:
    """The page's text before where a quote was found, in which a table's header gives the unit of a
    cell the quote prints bare (kb.quantities.quoted.value_in_quote's `before`)."""
    first = match.spans[0]
    return quoted.context_before(text.pages[first.page - 1], first.start)


def found_on_page(kb: KB, citekey: str, version: str | None, page: int | None, quote: str,
                  cache: dict | None = None):
    """(the PageText of `citekey` at `version` the quote is found in, its match or None); (None, None)
    when kb holds no such text. The quote is looked for on its stored `page` first, then in the whole
    text and its second extraction (`find_in_either`, as kb claim add looks): a page costs a hundredth
    of a paper to normalise, so the index reads a claim against its page (a quote printed twice is where
    it is written when found there, as `page_disagrees` holds)."""
    text = load_text(kb.conn, citekey, version, cache)
    if text is None:
        return None, None
    match = None
    if page and 1 <= page <= len(text.pages):
        key = ("page", page, text.citekey, text.version)      # PaperCache keys a paper by key[-2]
        alone = cache.get(key) if cache is not None else None
        if alone is None:
            alone = PageText(text.citekey, text.version, [p if i == page else "" for i, p in enumerate(text.pages, 1)],
                             text.extractor)
            if cache is not None:
                cache[key] = alone
        match = matching.find_quote(alone.doc, quote)
    if match is not None:
        return text, match
    match, found_in = find_in_either(kb, text, quote, cache)
    return found_in, match


def on_given_page(page: int, quote: str, match, text: PageText, what: str = "the quote") -> object:
    """The match of `quote` on the page a writer gave (`--page N`): kb's own match when N is a page of
    it, the quote's match on N when it is printed there too; else UsageError naming the page it is on
    (or the last page, for a page past it), whatever --force says: nothing is stored."""
    if match.page <= page <= match.page_end:
        return match
    found = f"page {match.page}" + (f"-{match.page_end}" if match.page_end != match.page else "")
    where = labelled(text.citekey, text.version)
    last = len(text.pages)
    offset = getattr(text.doc, "printed_offset", None)
    if offset and match.page + offset <= page <= match.page_end + offset:
        # the number printed on the page (a proceedings' "2271"), as a note may cite it: --page is the PDF's page
        raise UsageError(f"{page} is the page number printed on {found} of {where}, where {what} is; --page takes "
                         "the PDF's page; nothing stored", hint=f"use --page {match.page}")
    if page > last:
        raise UsageError(f"page {page} is past the last page of {where} ({counted(last, 'page')}); {what} is on {found}; "
                         "nothing stored", hint=f"use --page {match.page}")
    alone = PageText(text.citekey, text.version, [p if i == page else "" for i, p in enumerate(text.pages, 1)],
                     text.extractor)
    there = matching.find_quote(alone.doc, quote)
    if there is not None and there.page == page:
        return there
    raise UsageError(f"{what} is not on page {page} of {where}: it is on {found}; nothing stored",
                     hint=f"use --page {match.page}")


def forced_page(page: int | None, text: PageText | None, what: str = "the quote") -> dict:
    """The page a writer gave (`--page N`) for a quote stored unverified (`--force`: kb holds no
    text of it, or does not find it there), as its record keeps it: {"page": N}, or {} when none was
    given. Kept, never dropped: it is the writer's word, shown beside the quote's unverified status.
    A page past the last page of the text kb holds is no page of it: UsageError, nothing stored."""
    if page is None:
        return {}
    if text is not None and page > len(text.pages):
        raise UsageError(f"page {page} is past the last page of {labelled(text.citekey, text.version)} "
                         f"({counted(len(text.pages), 'page')}); {what} is not stored")
    return {"page": page}


def page_disagrees(stored: int | None, stored_end: int | None, quote: str, match, text: PageText) -> str | None:
    """Why a page written in a claims file is not where the quote is (None when it is, or
    none is written): past the paper's last page, or a page the quote is not on. A quote
    printed twice is where it is written when found on that page too."""
    if stored is None or (stored == match.page and (stored_end is None or stored_end == match.page_end)):
        return None
    found = f"page {match.page}" + (f"-{match.page_end}" if match.page_end != match.page else "")
    written = pages_said(stored, stored_end)
    last = len(text.pages)
    if stored > last:
        return (f"its stored page {written} is past the last page of {text.version or 'its text'} "
                f"({counted(last, 'page')}); the quote is on {found}")
    if on_stored_pages(stored, stored_end, quote, text) is not None:
        return None
    return f"its stored page {written} is not where the quote is: it is on {found}"


def spans_disagree(q: dict, match, text: PageText) -> str | None:
    """Why the character spans a claims file stores for a verified quote (`q`: its spans, prefix, suffix,
    extractor and text) are not where the quote is in the very text it was verified in: a span edited by hand.
    The text is that one where its extractor is the one the record names and the words it stores before and after
    the quote are still around the place found. None when the spans are where the quote is; when the text is
    another (extracted again: the spans name the old text, "found at a different place than recorded"); or when
    the words of the spans are still the quote's parts (the same words read at another place)."""
    spans, prefix, suffix = q.get("spans") or [], q.get("prefix") or "", q.get("suffix") or ""
    if not spans or not (prefix or suffix) or (q.get("extractor") or "") != (text.extractor or ""):
        return None
    try:
        stored = [(int(s["page"]), int(s["start"]), int(s["end"])) for s in spans]
    except (KeyError, TypeError, ValueError):
        return None
    found = [(s.page, s.start, s.end) for s in match.spans]
    pages = text.pages
    first, last = match.spans[0], match.spans[-1]
    if stored == found or pages[first.page - 1][max(0, first.start - len(prefix)):first.start] != prefix \
            or pages[last.page - 1][last.end:last.end + len(suffix)] != suffix:
        return None
    words = [pages[p - 1][a:b] if 1 <= p <= len(pages) and 0 <= a < b else "" for p, a, b in stored]
    parts = matching.split_fragments(q["text"])
    if all(words) and (len(parts) == len(words) and all(_whole(part, w) for part, w in zip(parts, words))
                       or len(parts) != len(words) and _whole(" ".join(parts), " ".join(words))):
        return None
    (p0, a0, _), (p1, _, b1) = stored[0], stored[-1]
    if all(words) and pages[p0 - 1][max(0, a0 - len(prefix)):a0] == prefix and pages[p1 - 1][b1:b1 + len(suffix)] \
            == suffix and all(any(s.page == p and a <= s.start and s.end <= b for p, a, b in stored) for s in match.spans):
        return None     # the spans hold the words verified, the quote's own among them: its text was edited (_edited)

    def said_spans(spans_: list[tuple[int, int, int]]) -> str:
        return ", ".join(f"page {p} characters {a}-{b}" for p, a, b in spans_)
    return (f"its stored spans ({said_spans(stored)}) are not where the quote is in {text.version or 'its text'}, "
            f"the text it was verified in: it is at {said_spans(found)}; the spans were edited by hand")


def spans_of_replaced_text(kb: KB, q: dict, text: PageText) -> bool:
    """Whether the stored spans of `q` hold the quote, its stored words before and after them too, in a page
    text loaded earlier for its version under the same extractor's name (`kb text load` replacing it since,
    the source still held): the spans name the text it was verified in, not one edited by hand; the quote,
    still in the new text, is found again there."""
    spans, prefix, suffix = q.get("spans") or [], q.get("prefix") or "", q.get("suffix") or ""
    try:
        stored = [(int(s["page"]), int(s["start"]), int(s["end"])) for s in spans]
    except (KeyError, TypeError, ValueError):
        return False
    if not stored:
        return False
    parts = matching.split_fragments(q["text"])
    for manifest in kb.sources.find(citekey=q["citekey"], version=q["version"] or ""):
        if manifest.kind != "text" or (manifest.extractor or "") != (text.extractor or ""):
            continue
        try:
            pages = textfile.parse_text_source(kb.sources.read(manifest), manifest.filename)
        except (KBError, OSError, ValueError):
            continue
        if pages == text.pages:
            continue
        words = [pages[p - 1][a:b] if 1 <= p <= len(pages) and 0 <= a < b else "" for p, a, b in stored]
        if not all(words):
            continue
        (p0, a0, _), (p1, _, b1) = stored[0], stored[-1]
        if pages[p0 - 1][max(0, a0 - len(prefix)):a0] != prefix or pages[p1 - 1][b1:b1 + len(suffix)] != suffix:
            continue
        if len(parts) == len(words) and all(_whole(part, w) for part, w in zip(parts, words)) \
                or len(parts) != len(words) and _whole(" ".join(parts), " ".join(words)):
            return True
    return False


def on_stored_pages(stored: int | None, stored_end: int | None, quote: str, text: PageText):
    """The match of `quote` on the pages a claims file stores for it (`stored` to `stored_end`), starting on
    `stored`, in `text`; None when it is not there (or no page is stored). Where a paper prints a quote twice,
    the printing a writer stored is this one, not the first kb finds."""
    if not stored or stored > len(text.pages):
        return None
    end = max(stored_end or stored, stored)
    alone = PageText(text.citekey, text.version, [p if stored <= i <= end else "" for i, p in
                                                  enumerate(text.pages, 1)], text.extractor)
    there = matching.find_quote(alone.doc, quote)
    if there is not None and there.page == stored and (stored_end is None or stored_end == there.page_end):
        return there
    return None


def garbled_under(match, text: PageText) -> str | None:
    """Why the page(s) a quote was found on are garbage a broken font gave (kb.text.garbled: private-use characters,
    ideographs for a Latin text's letters, letters shifted by a constant), or None: words matched there are the
    extractor's garbage, not what the paper prints, and verify nothing."""
    for n in sorted({span.page for span in match.spans} | {match.page}):
        if 1 <= n <= len(text.pages) and (why := garbled(text.pages[n - 1])) is not None:
            return f"page {n} of {text.version or 'its text'} is not readable text: {why}"
    return None


def provenance(match, text: PageText) -> dict:
    return {"version": text.version, "status": "verified", "method": match.method,
            "page": match.page, "page_end": match.page_end,
            "spans": [{"page": s.page, "start": s.start, "end": s.end} for s in match.spans],
            "prefix": match.prefix, "suffix": match.suffix, "extractor": text.extractor}


def add_quote(kb: KB, citekey: str, quote: str, *, topics: list[str] | None = None,
              version: str | None = None, quote_id: str | None = None, force: bool = False,
              note: str | None = None, replace: bool = False, page: int | None = None) -> dict:
    """Verify `quote` against the paper and store it with its provenance. A `page` given must be
    one the quote is on (`on_given_page`).

    Not found: QuoteNotFound (nothing stored), unless `force`, which stores it
    flagged as unverified. Re-adding a stored quote merges: its topics are kept and the
    new ones added (`merged` says what changed); an --id holding another quote is
    refused, showing both, unless `replace`."""

    quote, marks = enclosing_marks(as_shown(in_utf8(quote, "the quote"), "the quote").strip())
    if not quote:
        raise UsageError("the quote is empty")
    if len(quote) > claimsfile.MAX_STRING:
        raise UsageError(f"the quote is {len(quote):,} characters; quotes are limited to {claimsfile.MAX_STRING:,}")
    version = normalise_version(version) if version else None
    topics, note = typed_all(topics, "topic"), typed(note, "note")
    if page is not None and page < 1:
        raise UsageError(f"--page {page} is not a page: pages are numbered from 1")
    if quote_id is not None and not claimsfile.ID_RE.match(typed(quote_id, "id")):
        raise UsageError(f"quote id {said(quote_id)} must be letters, digits, '-', '_' or '.', starting with "
                         "a letter or digit")
    paper, text, match, near = verify_text(kb, citekey, quote, version)
    citekey = paper["citekey"]
    record: dict = {"text": quote, "topics": list(dict.fromkeys(topics or []))}
    if text is None:
        held = versions_with_text(kb.conn, citekey)
        what = labelled(citekey, version)
        message = (f"kb holds no text of {what}" + (f" (it has {held_versions(held)})" if held else "")
                   + "; cannot verify the quote")
        if not force:
            raise QuoteNotFound(message + f". Get the text first ({_no_text_hint(paper, version)}), "
                                "or store it unverified with --force")
        record.update({"version": version, "status": "unverified", **forced_page(page, None),
                       "note": note or f"not verified: kb held no text of {what}"})
    elif match is None:
        if not force:
            raise describe_miss(paper, text.version, near, versions_with_text(kb.conn, citekey),
                                in_other_version(kb, citekey, text.version, quote))
        record.update({"version": text.version, "status": "unverified", **forced_page(page, text),
                       "note": note or ("not found in " + text.version
                                        + (f"; {near.describe()}" if near else ""))})
    elif (unread := garbled_under(match, text)) is not None:
        if not force:
            raise QuoteNotFound(f"{unread}; the quote matches the extractor's garbage, not what the paper prints, "
                                "so it is not verified; nothing stored (store it unverified with --force)")
        record.update({"version": text.version, "status": "unverified", **forced_page(page, text),
                       "note": note or f"not verified: {unread}"})
    else:
        if page is not None:
            match = on_given_page(page, quote, match, text)
        record.update(provenance(match, text))
        if note:
            record["note"] = note
        if not any(n.startswith("found in the second extraction") for n in match.notes):
            other = second_extractor(kb.conn, citekey, text.version)
            if other is not None:       # kb holds two texts of it: which one held the quote is said
                match.notes.append(f"found in the first extraction ({text.extractor}); kb holds {other}'s too")
    with kb.writing():
        db = kb.db
        taken = _IdsOf(db.conn, "quotes")
        same = db.execute("select id from quotes where citekey = ? and text = ? and coalesce(version,'') = ?",
                          [citekey, quote, record.get("version") or ""]).fetchone()
        restated = None
        if not same and quote_id is None and record.get("status") == "verified":
            same = _same_passage(db.conn, citekey, record, quote)
            restated = same and same[1]
        if same and quote_id in (None, same[0]):
            quote_id = same[0]             # re-adding the same quote updates it
        elif quote_id is None:
            quote_id = slug_id(quote, taken)
        elif quote_id in taken:
            owner = db.execute("select citekey, text from quotes where id = ?", [quote_id]).fetchone()
            if owner[0] != citekey:
                raise UsageError(f"quote id {quote_id!r} is already used (by {owner[0]})",
                                 hint="choose another --id")
            if owner[1] != quote and not replace:
                raise UsageError(f"quote {quote_id!r} of {citekey} holds another quote: {_short(owner[1], 80)!r}, "
                                 f"not {_short(quote, 80)!r}; nothing stored",
                                 hint="use --replace to replace it, or another --id")
        merged: list[str] = []
        if quote_id in taken:
            held = db.execute("select text, topics, note, method from quotes where id = ?", [quote_id]).fetchone()
            if replace and held[0] != quote:
                merged.append("replaced the stored quote")
            else:
                if restated:            # the same passage, written otherwise: the stored text is the quote
                    record.update(text=held[0], method=held[3] or record.get("method"))
                kept = [t for t in json.loads(held[1] or "[]") if isinstance(t, str)]
                new = [t for t in record["topics"] if t not in kept]
                record["topics"] = kept + new
                if note is None and held[2] and record.get("status") == "verified":
                    record["note"] = held[2]
                merged.append((f"added {agreeing(len(new), 'topic', 'topics')} " + ", ".join(new)) if new else "unchanged")
        record = {"id": quote_id, **record}
        held = records.stored_record(kb, citekey, "quote", quote_id) if merged == ["unchanged"] else None
        wrote = records.write_record(kb, citekey, "quote", record, replace_id=quote_id if quote_id in taken else None)
        merged = records.merge_said(merged, wrote, held, record)
    stored = dict(record, citekey=citekey, title=paper["title"], merged=merged,
                  outcome=records.outcome(merged, wrote))
    if restated:
        stored["restated"] = quote
    if marks:
        stored["warnings"] = [marks_left_out(marks, "quote")]
    if match is not None:
        stored["notes"] = match.notes
    return stored


def _same_passage(conn, citekey: str, record: dict, quote: str) -> tuple[str, str] | None:
    """(id, text) of the verified quote stored of `citekey` at the very spans of the same text (version,
    extractor) that `record` was just found at, written in the same words as `quote` (`wording`: only
    quote marks, case, spaces, line breaks, ligatures told apart); None when there is none. A quote that
    differs in a word, a number or a punctuation mark is another quote, wherever it was found."""
    rows = conn.execute("select id, text, spans from quotes where citekey = ? and coalesce(version,'') = ? "
                        "and status = 'verified' and coalesce(extractor,'') = ? and page = ? order by rowid",
                        [citekey, record.get("version") or "", record.get("extractor") or "",
                         record.get("page")]).fetchall()
    words = None
    for rid, text, spans in rows:
        try:
            if json.loads(spans or "[]") != record["spans"]:
                continue
        except ValueError:
            continue
        words = words if words is not None else normalising.wording(quote)
        if normalising.wording(text) == words:
            return rid, text
    return None


def no_quote(conn, quote_id: str) -> NotFound:
    """The error for a quote id no stored quote has, with the ids it may mean (a typo: the close ids among
    those sharing its first letters, as `no_paper` offers citekeys)."""
    like = [r[0] for r in conn.execute("select id from quotes where id like ? limit 500", [quote_id[:4] + "%"])]
    close = close_names(quote_id, like) if quote_id else []
    return NotFound(f"no quote {said(quote_id)}",
                    hint=("did you mean " + ", ".join(close) + "?") if close else "see `kb quote ls`")


def remove_quote(kb: KB, quote_id: str) -> str:

    with kb.writing():
        row = kb.db.execute("select citekey, file from quotes where id = ?", [quote_id]).fetchone()
        if row is None:
            raise no_quote(kb.db, quote_id)
        records.drop_record(kb, row[1], "quote", quote_id)
    return row[0]


# -- listing ----------------------------------------------------------------------------

def list_quotes(kb: KB, topics: list[str] | None = None, paper: str | None = None,
                ids: list[str] | None = None, text: list[str] | None = None,
                as_stored: bool = False, textless: bool = True) -> list[dict]:
    """Stored quotes: tagged with every one of `topics`, of `paper`, holding the
    words of every `text` (full-text: the quote or its tags), or the given `ids`.
    A quote marked verified that names a version or page kb holds no text of, or whose
    text is not found in its text (a hand edit: kb.ops.derive.quote_doubts), is listed
    "unverified", and `reason` says why (None otherwise); `as_stored` lists every status as
    its claims file writes it. A quote of a paper kb holds no text of is listed "no-text"
    (`queries.no_text_sql`, as kb verify says it), unless not `textless` (an export, which marks
    only what it finds refuted). A verified quote a newer version kb holds no longer prints is listed "stale",
    `stale_in` naming that version and `stale` what kb verify says (both None otherwise: kb.ops.derive.stale_marks);
    one it prints on another page than the one stored has `moved_in` naming that version and `moved_to` its page
    or pages there ('4', '4-5'; both None otherwise)."""
    where, params = record_filter(kb.conn, "quotes", topics, text, paper)
    if ids:
        where += f" and id in ({','.join('?' * len(ids))})"
        params.extend(ids)
    rows = rows_as_dicts(kb.conn.execute(f"select *, {off_text_sql('quotes', 'page_end')} as off_text, "
                                         f"{no_text_sql('quotes')} as no_text "
                                         f"from quotes where {where} order by citekey, rowid", params))
    memo: dict = {}
    texts: dict = {}
    for r in rows:
        r["topics"] = json.loads(r["topics"])
        r["spans"] = json.loads(r["spans"])
        r.pop("rowid", None)
        # a version or page kb holds no text of, or a text not found in it (a hand edit):
        # not verified, as kb verify says
        r["reason"] = None
        doubt = r.pop("doubt", None)
        if r.pop("off_text") and not as_stored:
            r["status"] = "unverified"
            r["reason"] = no_paper_reason(kb, r["citekey"], memo) or off_text(kb.conn, r["citekey"], r["version"],
                                                                      max(r["page"] or 0, r["page_end"] or 0) or None)
        elif doubt and r["status"] == "verified" and not as_stored:
            r["status"], r["reason"] = "unverified", doubt
        elif r.pop("no_text") and textless and not as_stored:
            r["status"], r["reason"] = "no-text", no_text(r["citekey"], r["version"])
        elif r["status"] == "verified" and r.get("stale_in") and not as_stored:
            # found in its version, no longer in a newer one kb holds (kb verify's "stale", as the index keeps it):
            # verified still, listed with the version it changed in and what kb verify says
            r["status"] = "stale"
        r.pop("no_text", None)
        if r["status"] != "stale":
            r["stale_in"] = r["stale"] = None
        if r["status"] != "verified":
            r["moved_in"] = r["moved_to"] = None        # said of a quote found on its page alone
        if r["status"] == "unverified" and r["reason"] and r["reason"] != r.get("note") \
                and (moved := moved_here(kb, r, texts)):
            r["reason"] = moved         # moved by hand into another paper's claims file: said as kb verify says it
    if ids:
        order = {i: n for n, i in enumerate(ids)}
        rows.sort(key=lambda r: order.get(r["id"], len(order)))
        missing = [i for i in ids if i not in {r["id"] for r in rows}]
        if missing:
            raise no_quote(kb.conn, missing[0])
    return rows


# -- verifying ----------------------------------------------------------------------------

@dataclass
class Verdict:
    id: str
    citekey: str
    version: str | None
    # ok | not-found | wrong-page | wrong-span | wrong-version | unverified | no-text | stale | no-paper
    status: str
    message: str = ""
    page: int | None = None
    differences: list = field(default_factory=list)
    failed: bool = False
    kind: str = "quote"  # quote | claim
    # as kb quote ls --json and kb claims --json say them: "stale", the newer version that no longer prints it;
    # found in a newer version starting on another page, that version and its page or pages there ('4', '4-5')
    stale_in: str | None = None
    moved_in: str | None = None
    moved_to: str | None = None

    def to_dict(self) -> dict:
        # a paper's text of no version is "" where it was found, None where a claim names none: null for both,
        # as kb quote ls --json, kb claims --json and kb search --json say it
        return {**self.__dict__, "version": self.version or None}


class PaperCache(dict):
    """Page texts (and their match indexes) of one paper at a time, for load_text's
    `cache`: storing a text of another paper first drops the previous paper's. Verifying
    in citekey order then holds one paper's texts, never every paper's."""

    _citekey: str | None = None

    def __setitem__(self, key: tuple, value) -> None:
        citekey = key[-2]               # (citekey, version) or ("second", citekey, version)
        if citekey != self._citekey:
            self.clear()
            self._citekey = citekey
        super().__setitem__(key, value)


_CLAIM_COLUMNS = "id, citekey, number, unit, quote, version, status, file, page, per"


def record_at(kb: KB, rel: str | None, kind: str, record_id: str) -> str:
    """`rel:line` of the quote or claim `record_id` in the claims file `rel` (the index keeps no
    line of a record: read again, for the rare line a person must find by hand, a control character
    in a quote), or `rel` alone where the file cannot be read or holds no such record."""
    if not rel:
        return "its claims file"
    try:
        path = kb.layout.root / rel
        doc = claimsfile.load(path, kb.layout.citekey_of(path), rel)
    except (KBError, OSError, ValueError):
        return rel
    held = doc.quotes if kind == "quote" else doc.claims
    line = next((r.line for r in held if r.id == record_id and r.line), None)
    return f"{rel}:{line}" if line else rel


def verify_claims(kb: KB, cache: dict | None = None, progress=None) -> list[Verdict]:
    """Re-check every claim of the claims files: its value must be among its
    quote's numbers (`kb.quantities.quoted`), and its quote must still be found
    in the text of its version. Claims written by hand are checked the same way."""

    cache = PaperCache() if cache is None else cache
    papers = {r[0] for r in kb.conn.execute("select citekey from papers")}
    rows = rows_as_dicts(kb.conn.execute(
        f"select {_CLAIM_COLUMNS} from claims "
        "where kind = 'claim' and citekey is not null order by citekey, rowid"))
    docs: dict = {}
    out: list[Verdict] = []
    for n, c in enumerate(rows, 1):
        if progress:
            progress(n, len(rows))
        out.append(_verify_claim(kb, c, papers, cache, docs))
    return out


def _verify_claim(kb: KB, c: dict, papers: set[str], cache: dict, docs: dict) -> Verdict:
    value = f"{c['number'] or ''} {c['unit'] or ''}".strip()

    def verdict(status: str, message: str, failed: bool = False, **kw) -> Verdict:
        return Verdict(c["id"], c["citekey"], c["version"], status, message, failed=failed,
                       kind="claim", **kw)

    if c["citekey"] not in papers:
        return verdict("no-paper", _no_paper(kb, c), True)
    if len(value) > quoted.LONGEST_VALUE:        # a hand edit: said shortly, and never verified
        return verdict("value-unreadable", quoted.too_long(value), True)
    if (unread := intervals.unreadable_figure(value)) is not None:     # "0x10 kWh": as kb claims and kb check say
        return verdict("value-unreadable", f"cannot read the value {value!r}: {unread}", True)
    if quoted.unquoted(c["quote"]):
        # a claim of no quote is unverified whatever it is marked, in the words kb claims, kb check and kb doctor
        # say it (quoted.claim_doubt decides for all): never a failure here and unverified there
        reason = quoted.claim_doubt(c["status"], value, c["quote"], c.get("per"))
        note = claim_note(kb, c, docs)
        return verdict("unverified", f"{reason}: {note}" if note and not note.startswith(reason) else reason)
    if (hidden := unshowable(c["quote"])) is not None:     # stored unverified or not, as kb claim add refuses it
        return verdict("unshown", f"its quote holds {hidden}; write the quote without it in "
                       f"{record_at(kb, c['file'], 'claim', c['id'])}", True)
    typed = mismatch = quoted.value_in_quote(value, c["quote"], c.get("per"))
    unplaced = False        # a quote its paper's text does not hold: 'not-found' below says whose words they are
    if mismatch is not None and not mismatch.ok and c["status"] != "unverified" and not mismatch.problem:
        # the paper's printing may hold what the quote as typed does not ("1, 287 MWh" typed for the page's
        # "1,\n287 MWh"), and its table's header the unit a quoted row leaves out
        text, match = found_on_page(kb, c["citekey"], c["version"], c["page"], c["quote"], cache)
        unplaced = text is not None and match is None
        if match is not None:
            mismatch = quoted.value_in_quote(value, c["quote"], c.get("per"), passage(match, text),
                                             context_before(match, text), typed=typed)
    if c["status"] == "unverified":
        reason = claim_note(kb, c, docs) or "stored unverified"
        if not mismatch.ok and "not among its quote" not in reason:
            reason += "; " + mismatch.reason(value)
        return verdict("unverified", reason)
    if not mismatch.ok and not mismatch.unsaid and not unplaced:
        # (a per the quote alone does not say is the page's to decide, once its quote is found there: where kb
        # holds no text, "no-text" below; where the quote is not on the page, "not-found"; found, `printed`)
        return verdict("value-mismatch", mismatch.reason(value) + _counted(kb, c["unit"]), True)
    try:
        intervals.Interval.from_written(value)     # as kb claim add reads it: a hand edit it would refuse
    except KBError as exc:
        return verdict("value-unreadable", f"cannot read the value {value!r}: {exc.message}", True)
    text = load_text(kb.conn, c["citekey"], c["version"], cache)
    if text is not None and (why := another_work(kb, c["citekey"], c["version"], cache)) is not None:
        return verdict("another-work", why, True)
    if text is None and (off := off_text(kb.conn, c["citekey"], c["version"], None)):
        return verdict("wrong-version", f"{off}; correct its version in {c['file']}, or get that text", True)
    if text is None:
        if elsewhere := other_papers_file(kb.conn, kb.layout.root, c.get("file"), c["citekey"]):
            return verdict("not-found", f"kb holds no text of {c['citekey']}, and {elsewhere}", True)
        return verdict("no-text", no_text(c["citekey"], c["version"]))
    # on its stored page first, as the index reads it (a running header printed on every page is there)
    found_in, match = found_on_page(kb, c["citekey"], c["version"], c["page"], c["quote"], cache)
    if match is None:
        near = matching.closest_passage(text.doc, c["quote"])
        elsewhere = other_papers_file(kb.conn, kb.layout.root, c.get("file"), c["citekey"])
        held = _held_in(in_other_version(kb, c["citekey"], text.version, c["quote"], cache), c.get("file"))
        if not held and not elsewhere:
            held = in_other_paper(kb, c["citekey"], c["quote"], c.get("file"))
        return verdict("not-found", f"quote no longer found in {text.version or 'its text'}"
                       + (f"; page {near.page}: {near.describe()}" if near else "") + held
                       + (f"; {elsewhere}" if elsewhere else ""), True,
                       page=near.page if near else None,
                       differences=near.differences if near else [])
    if (unread := garbled_under(match, found_in)) is not None:
        return verdict("unreadable-text", f"{unread}; the claim's quote matches the extractor's garbage, not what the "
                       "paper prints", True, page=match.page)
    wrong = page_disagrees(c["page"], None, c["quote"], match, found_in)
    if wrong is not None:
        return verdict("wrong-page", wrong, True, page=match.page)
    printed = quoted.value_in_quote(value, c["quote"], c.get("per"), passage(match, found_in),
                                    context_before(match, found_in), typed=typed)
    if not printed.ok:              # "593 kWh" of "103, 593 kWh" typed for the paper's "103,593 kWh"
        return verdict("value-mismatch", printed.reason(value) + _counted(kb, c["unit"]), True, page=match.page)
    per = f" per {c['per']}" if c.get("per") else ""        # "0.002 kWh per 1k inferences": the rate, as stored
    ok = _in_newest(kb, c["citekey"], c["version"], c["quote"],
                    verdict("ok", f"{value}{per}, page {match.page}", page=match.page), cache)
    if ok.status == "ok" and (newer := figure_in_newest(kb, c, value, typed, cache)) is not None:
        ok.status, ok.message = "stale", newer[0]       # its page stays where its version prints it, as a quote's
        ok.stale_in, ok.moved_in, ok.moved_to = versions_with_text(kb.conn, c["citekey"])[-1], None, None
    return ok


def figure_in_newest(kb: KB, c: dict, value: str, typed=None, cache: dict | None = None) -> tuple[str, int] | None:
    """(what kb verify says, the page) of a claim `c` verified in its version whose quote a newer version kb holds
    prints, but not with its figure: the unit of a table's header changed ("593 kWh" of "BERT 593" under v1's
    "Energy (kWh)", v2's "(MWh)"); None otherwise."""
    held = versions_with_text(kb.conn, c["citekey"])
    if not (held and c["version"] and version_number(held[-1]) > version_number(c["version"])):
        return None
    latest = load_text(kb.conn, c["citekey"], held[-1], cache)
    match, found_in = find_in_either(kb, latest, c["quote"], cache)
    if match is None:
        return None
    printed = quoted.value_in_quote(value, c["quote"], c.get("per"), passage(match, found_in),
                                    context_before(match, found_in), typed=typed)
    if printed.ok:
        return None
    return (f"verified in {c['version']}, but {held[-1]} prints its quote with another figure; page {match.page}: "
            f"{printed.reason(value)}", match.page)


def _counted(kb: KB, unit: str | None) -> str:
    """What a value whose quote does not hold it says of a word of its unit kb knows no unit for, read as a count
    ("12 zorbs" of a quote's "12 kWh", a unit edited by hand): how to define it; "" otherwise."""
    word = units.counted_word(unit or "", {r[0] for r in kb.conn.execute("select name from units")})
    if word is None:
        return ""
    return (f"; {word!r} is no unit kb knows, so the value was read as a count of {word}: if it is a unit, define "
            f"it in the [units] table of claims/checks.toml ({word} = \"<how much one is, with its unit>\")")


def claim_note(kb: KB, claim: dict, docs: dict) -> str | None:
    """The note stored with a claim in its claims file (the index keeps no notes)."""
    rel = claim["file"]
    if rel not in docs:
        path = kb.root / rel
        try:
            docs[rel] = claimsfile.load(path, path.stem if paper_exists(kb.conn, path.stem) else None, rel)
        except KBError:
            docs[rel] = None
    doc = docs[rel]
    if doc is None:
        return None
    for rec in doc.claims:
        if rec.id == claim["id"]:
            return getattr(rec, "note", None)
    return None


def verify_all(kb: KB, progress=None) -> list[Verdict]:
    """Re-verify every stored quote against the stored text of its version, and
    check whether it still appears in the latest version kb holds."""

    cache = PaperCache()
    quotes = list_quotes(kb, as_stored=True)
    papers = {r[0] for r in kb.conn.execute("select citekey from papers")}
    out: list[Verdict] = []
    for n, q in enumerate(quotes, 1):
        if progress:
            progress(n, len(quotes))
        out.append(_verify_quote(kb, q, papers, cache))
    return out


#: kb.store.index (a writer's module), loaded by kb verify and kb check alone
_index = lazy_import("kb.store.index")


def claims_unread(kb: KB) -> list[str]:
    """Files in claims/ that hold quotes, claims or checks kb reads as no claims file (moved into a
    subfolder, renamed x.TOML or x.toml.bak with no x.toml), each said with where it is: kb verify
    and kb check judged none of what they hold and said 'no quotes stored' or 'no checks', exit 0,
    every run after the first. A file parked on purpose (x.toml.disabled) is none of them."""
    index = _index
    layout = kb.layout
    # each name as kb shows a path everywhere (a byte that is not UTF-8 as '\xff', as kb doctor says it, where
    # kb check said '\udcff', a character of Python's own)
    out = [f"{shown(layout.relative(p))} is in a subfolder of claims/" for p in index.claims_out_of_reach(layout)]
    out += [f"{shown(layout.relative(p))} is named as no claims file ({index.misnamed_why(p)})"
            for p, _ in index.claims_misnamed(layout) if not index.parked(p.name)]
    if len(out) > 5:        # a knowledge base of its own inside claims/: kb doctor names them all
        out[5:] = [f"{len(out) - 5} more such files in claims/"]
    return out


def gone_sources(kb: KB, held: Iterable[tuple[str, str | None]]) -> list[tuple[str, str | None, str]]:
    """(citekey, version, file name) of each of the versions `held` (citekey, version) whose PDF
    was deleted from the cache by hand: its quotes and claims are verified against the text kb
    extracted from it, kept in the index, and kb verify says so, where it passed them as if the
    PDF were there. One look at the cache a version, never a read of the PDF."""
    pdfs = {(k, v): sha for k, v, sha in kb.conn.execute(
        "select citekey, version, sha256 from versions where source_kind = 'pdf' and sha256 is not null")}
    out = []
    for citekey, version in dict.fromkeys(held):
        sha = pdfs.get((citekey, version))
        if sha is None or (kb.sources.folder / f"{sha}.pdf").is_file():     # kb's name of a PDF it holds
            continue
        m = kb.sources.get(sha)
        if m is not None and m.kind == "pdf" and isinstance(m.filename, str) and not kb.sources.path(m).is_file():
            out.append((citekey, version, m.filename))
    return out


#: From this many papers, kb verify and kb doctor re-verify on every core (kb.ops.bulk.map_in_order),
#: PAPERS_A_TASK papers a task: a knowledge base of thousands of papers takes minutes on one.
VERIFY_PARALLEL_FROM = 200
PAPERS_A_TASK = 20


def verify_papers(kb: KB, progress=None, jobs: int | None | AsOpened = AS_OPENED) -> Iterator[Verdict]:
    """Every stored quote (as verify_all) and every claim (as verify_claims), paper by
    paper: each paper's text is loaded and indexed once for its quotes and its claims,
    then dropped, so memory holds one paper's text however large the knowledge base.
    Quotes come in verify_all's order, claims in verify_claims'. `progress(done, total)`
    counts papers. On `jobs` processes (None: every core from VERIFY_PARALLEL_FROM papers;
    by default as the knowledge base was opened, KB.jobs: every core for kb verify and kb
    doctor, this process for the library, since spawned workers import a script that calls
    it unguarded), each reading the index as it is committed; the verdicts come in the same
    order."""
    keys = [r[0] for r in kb.conn.execute(
        "select citekey from quotes union select citekey from claims "
        "where kind = 'claim' and citekey is not null order by citekey")]
    jobs = kb.jobs_for(jobs)
    if jobs is None:
        jobs = bulk.default_jobs() if len(keys) >= VERIFY_PARALLEL_FROM else 1
    if jobs > 1:
        root = str(kb.root)
        tasks = [(root, keys[i:i + PAPERS_A_TASK]) for i in range(0, len(keys), PAPERS_A_TASK)]
        done = 0
        for (_, batch), verdicts in zip(tasks, bulk.map_in_order(_verify_task, tasks, jobs)):
            yield from verdicts
            done += len(batch)
            if progress:
                progress(done, len(keys))
        return
    papers = {r[0] for r in kb.conn.execute("select citekey from papers")}
    cache = PaperCache()
    for n, citekey in enumerate(keys, 1):
        yield from _verify_paper(kb, citekey, papers, cache)
        if progress:
            progress(n, len(keys))


def _verify_paper(kb: KB, citekey: str | None, papers: set[str], cache: dict) -> Iterator[Verdict]:
    """The verdicts on one paper's quotes, then its claims."""
    for q in rows_as_dicts(kb.conn.execute(
            "select * from quotes where citekey is ? order by rowid", [citekey])):
        q["topics"], q["spans"] = json.loads(q["topics"]), json.loads(q["spans"])
        yield _verify_quote(kb, q, papers, cache)
    docs: dict = {}
    for c in rows_as_dicts(kb.conn.execute(
            f"select {_CLAIM_COLUMNS} from claims where kind = 'claim' and citekey = ? order by rowid",
            [citekey])):
        yield _verify_claim(kb, c, papers, cache, docs)


#: In a worker of verify_papers: the knowledge base it reads and its papers, opened once (only
#: there: bulk.in_worker).
_OPENED: dict[str, tuple[KB, set[str]]] = {}


def _verify_task(task: tuple[str, list[str]]) -> list[Verdict]:
    """The verdicts on a few papers (verify_papers), in a worker process."""
    root, keys = task
    held = _OPENED.get(root) if bulk.in_worker() else None
    if held is None:
        kb = KB.open(root, sync=False)
        held = (kb, {r[0] for r in kb.conn.execute("select citekey from papers")})
        if bulk.in_worker():
            _OPENED[root] = held
    kb, papers = held
    cache = PaperCache()
    try:
        return [v for citekey in keys for v in _verify_paper(kb, citekey, papers, cache)]
    finally:
        if not bulk.in_worker():
            kb.close()


def _no_paper(kb: KB, record: dict) -> str:
    """Why a record's paper is not held, naming the key its work is under now where kb can tell
    (renamed_to), in the words kb check and kb doctor say it (rename_hint): a key renamed by hand
    in references.bib alone was 'p0 is not in references.bib' in kb verify only."""
    why = missing_paper(kb.conn, record["citekey"], kb.layout.root, record.get("file"))
    now = renamed_to(kb, record["citekey"])        # records of no paper alone: a lookup or two each
    if now is not None and now not in why:
        why += f": {rename_hint(record['citekey'], now)}"
    return why


def _edited(q: dict, text: PageText) -> str:
    """What a quote's text edited by hand since it was verified is said with: the words its record's spans
    hold on the page (where the words recorded before and after them are still there), and how the text as
    written is read ("… the energy …": an elided quote of its parts, in order); "" when its text is still
    those words, part for span as matching reads them, or the record says nothing of where they were."""
    spans = q.get("spans") or []
    try:
        pages = [text.pages[s["page"] - 1] for s in spans]
        words = [page[s["start"]:s["end"]] for page, s in zip(pages, spans)]
        before = pages[0][max(0, spans[0]["start"] - len(q.get("prefix") or "")):spans[0]["start"]]
        after = pages[-1][spans[-1]["end"]:spans[-1]["end"] + len(q.get("suffix") or "")]
    except (IndexError, KeyError, TypeError):
        return ""
    if not "".join(words).strip() or before != (q.get("prefix") or "") or after != (q.get("suffix") or ""):
        return ""           # the page is not the one it was verified in: nothing to say of an edit
    parts = matching.split_fragments(q["text"])
    if len(parts) == len(words) and all(_whole(part, word) for part, word in zip(parts, words)) \
            or len(parts) != len(words) and _whole(" ".join(parts), " ".join(words)):    # across a page's end
        return ""
    verified = " ".join(words[0].split())
    for word, span, last in zip(words[1:], spans[1:], spans):       # an elision on one page; a page's end none
        verified += (" … " if span["page"] == last["page"] else " ") + " ".join(word.split())
    read = (f", read as an elided quote of the words {' … '.join(said(p) for p in parts)}"
            if parts != [" ".join(q["text"].split())] else "")
    return (f"; its text was edited since it was verified (the words verified on page {spans[0]['page']} are "
            f"{said(verified)}){read}")


def _whole(part: str, words: str) -> bool:
    """Whether `part` of a quote is `words` of a page, all of them, as matching reads them (a ligature, a hyphen
    at a line's end; a letter's case, which matching folds and then reads apart where it makes another word, "MW"
    of "mW": no edit of the text, a reading of it)."""
    if " ".join(part.split()).lower() == " ".join(words.split()).lower():
        return True
    found = matching.find_quote(matching.Document([words]), part)
    return found is not None and not words[:found.spans[0].start].strip() and not words[found.spans[-1].end:].strip()


def _verify_quote(kb: KB, q: dict, papers: set[str], cache: dict) -> Verdict:
    if q["citekey"] not in papers:
        return Verdict(q["id"], q["citekey"], q["version"], "no-paper", _no_paper(kb, q), failed=True)
    if (hidden := unshowable(q["text"])) is not None:
        # matched without it, the quote would stand verified as words it does not show; stored unverified, it
        # would be listed and exported as words nobody sees (kb quote add refuses it, --force or not)
        return Verdict(q["id"], q["citekey"], q["version"], "unshown", f"holds {hidden}; write the quote "
                       f"without it in {record_at(kb, q['file'], 'quote', q['id'])}", failed=True)
    if q["status"] == "unverified":
        return Verdict(q["id"], q["citekey"], q["version"], "unverified",
                       q.get("note") or "stored with --force, not verified")
    text = load_text(kb.conn, q["citekey"], q["version"], cache)
    if text is None and (off := off_text(kb.conn, q["citekey"], q["version"], None)):
        if moved := moved_here(kb, q, cache):
            return Verdict(q["id"], q["citekey"], q["version"], "not-found", moved, failed=True)
        return Verdict(q["id"], q["citekey"], q["version"], "wrong-version",
                       f"{off}; correct its version in {q['file']}, or get that text", failed=True)
    if text is None:
        if elsewhere := other_papers_file(kb.conn, kb.layout.root, q.get("file"), q["citekey"]):
            return Verdict(q["id"], q["citekey"], q["version"], "not-found",
                           f"kb holds no text of {q['citekey']}, and {elsewhere}", failed=True)
        return Verdict(q["id"], q["citekey"], q["version"], "no-text", no_text(q["citekey"], q["version"]))
    if (why := another_work(kb, q["citekey"], q["version"], cache)) is not None:
        return Verdict(q["id"], q["citekey"], q["version"], "another-work", why, failed=True)
    first = text
    match, text = find_in_either(kb, text, q["text"], cache)
    if match is None:
        near = matching.closest_passage(text.doc, q["text"])
        elsewhere = other_papers_file(kb.conn, kb.layout.root, q.get("file"), q["citekey"])
        held = _held_in(in_other_version(kb, q["citekey"], text.version, q["text"], cache), q.get("file"))
        if not held and not elsewhere and (moved := moved_here(kb, q, cache)):
            return Verdict(q["id"], q["citekey"], text.version, "not-found", moved, failed=True)
        return Verdict(q["id"], q["citekey"], text.version, "not-found",
                       f"no longer found in {text.version or 'its text'}"
                       + (f"; page {near.page}: {near.describe()}" if near else "") + _edited(q, first) + held
                       + (f"; {elsewhere}" if elsewhere else ""),
                       page=near.page if near else None,
                       differences=near.differences if near else [], failed=True)
    if (unread := garbled_under(match, text)) is not None:
        return Verdict(q["id"], q["citekey"], text.version, "unreadable-text",
                       f"{unread}; the quote matches the extractor's garbage, not what the paper prints",
                       page=match.page, failed=True)
    if not match.page <= (q["page"] or match.page) <= match.page_end:
        # printed more than once: the printing on the page stored is the one verified, not the first ("page 13
        # (found at a different place than recorded)" was said of a sentence stored, and printed, on page 24)
        match = on_stored_pages(q["page"], q["page_end"], q["text"], text) or match
    moved = ""
    if q["spans"] and [(s.page, s.start, s.end) for s in match.spans] != \
            [(s["page"], s["start"], s["end"]) for s in q["spans"]]:
        edited = _edited(q, first)
        moved = f" ({edited[2:]})" if edited else " (found at a different place than recorded)"
    if text is not first:
        moved += f" (in the second extraction, {text.extractor})"
    wrong = page_disagrees(q["page"], q["page_end"], q["text"], match, text)
    if wrong is not None:
        return Verdict(q["id"], q["citekey"], text.version, "wrong-page", wrong, page=match.page, failed=True)
    if text is first and (elsewhere := spans_disagree(q, match, text)) is not None:
        if not spans_of_replaced_text(kb, q, text):
            return Verdict(q["id"], q["citekey"], text.version, "wrong-span", elsewhere, page=match.page,
                           failed=True)
        moved = " (found at a different place than recorded: the text it was verified in was replaced since)"
    verdict = Verdict(q["id"], q["citekey"], text.version, "ok", f"page {match.page}{moved}",
                      page=match.page)
    return _in_newest(kb, q["citekey"], q["version"], q["text"], verdict, cache)


def _only_footnote_marks(near, page: str, quote: str, whole: str | None = None, works=None) -> str:
    """The differences of ``near`` (the closest passage to a whole ``quote`` on ``page``, and the page after it) as
    "9% -> 9%†", where each is only a footnote's mark a newer version adds after a word or a figure, drops or prints
    otherwise (`versions.marks_only`), or, with ``works`` (the two versions' reference lists, `versions.reference_works`),
    a citation's mark it renumbers or drops ("[12] -> [14] (renumbered)", `versions.marks_only_of`); "" where any
    difference is of the words, or the quote leaves words out. (A citation group the newer version adds to may differ
    in no word the matcher compares: "(Ascierto, 2018)" -> "(Ascierto, 2018; Shehabi et al., 2016)".)"""
    if near.elided or near.brackets_refused or near.negation_left_out or "..." in quote or "\u2026" in quote \
            or not near.differences and works is None:
        return ""
    return marks_only(near.differences, page, whole, near.passage, quote) or (
        "" if works is None else marks_only_of(near.differences, page, whole, quote, works)
        or citation_groups_only(quote, page, works))


def _reference_works(kb: KB, citekey: str, version: str, newer, cache: dict):
    """A function giving (the reference list of `version`, of `newer`), each as `versions.reference_works`: read once
    for the paper (kept in `cache` beside its texts), when a difference is a citation's."""
    key = ("reference-works", version, newer.version, citekey, "")      # PaperCache files it under key[-2]

    def works():
        if key not in cache:
            old = load_text(kb.conn, citekey, version, cache)
            cache[key] = (reference_works(reflist.find_references(old.pages)) if old is not None else {},
                          reference_works(reflist.find_references(newer.pages)))
        return cache[key]
    return works


def newest_marks(kb: KB, row: dict, kind: str, cache: dict) -> tuple[str | None, str | None, str | None, str | None]:
    """What the derive step stores of a quote or claim `row` (citekey, version, page, a quote's page_end, its quote as
    `text` or `quote`; a claim's number, unit, per) found in its own version, read against the newest version kb holds
    the text of (kb.ops.derive.stale_marks): (stale_in, stale, moved_in, moved_to), each None where it says nothing.
    Stale: that version no longer prints its quote, or prints a claim's quote with another figure (kb verify's "stale":
    the version, what kb verify says). Moved: it prints it, starting on another page than the one stored (the version,
    its page or pages as every command says them, '4' or '4-5'), as kb verify says "(in v2, page 4)"."""
    none = (None, None, None, None)
    quote = row["text"] if kind == "quote" else row["quote"]
    held = versions_with_text(kb.conn, row["citekey"])
    if not (quote and row["version"] in held and version_number(held[-1]) > version_number(row["version"])):
        return none         # (a version kb holds no text of is kb verify's "wrong-version", never stale)
    newest = _newest_reading(kb, row["citekey"], row["version"], quote, cache, row.get("page"))
    said = newest.stale if newest is not None else None
    if said is None and kind == "claim":
        value = f"{row['number'] or ''} {row['unit'] or ''}".strip()
        typed = quoted.value_in_quote(value, quote, row.get("per"))
        newer = figure_in_newest(kb, row, value, typed, cache)
        said = newer and newer[0]
    if said:
        return (held[-1], said, None, None)
    if newest is None or newest.page is None or row.get("page") is None or newest.page == row["page"]:
        return none         # on the page stored (or no page stored to say it against): nothing new to say
    return (None, None, newest.version, pages_said(newest.page, newest.page_end))


def stale_in_newest(kb: KB, citekey: str, version: str, quote: str, cache: dict | None = None) -> str | None:
    """What kb verify says of a quote (or a claim's) verified in `version` that a newer version kb holds the text
    of no longer prints ("verified in v1, but not in v2; page 3: differs: 12 -> 13"), or None."""
    newest = _newest_reading(kb, citekey, version, quote, PaperCache() if cache is None else cache)
    return newest.stale if newest is not None else None


@dataclass
class _Newest:
    """A quote verified in an older version, read in the newest version kb holds the text of (`_newest_reading`)."""
    version: str                # that newest version
    page: int | None = None     # where it prints the quote, or its closest passage where only a mark differs
    page_end: int | None = None
    found: bool = False         # printed word for word (in either extraction)
    marks: str = ""             # what kb verify adds where only a footnote's or a citation's mark differs
    stale: str | None = None    # what kb verify says where it no longer prints it
    differences: list = field(default_factory=list)


def _newest_reading(kb: KB, citekey: str, version: str | None, quote: str, cache: dict,
                    page: int | None = None) -> _Newest | None:
    """How the newest version kb holds the text of prints `quote`, verified in `version` (on `page`: where that
    version prints it there too, there, as a quote printed twice is read where it is written); None where that
    version is `version` or older."""
    held = versions_with_text(kb.conn, citekey)
    if not (held and version and version_number(held[-1]) > version_number(version)):
        return None
    latest = load_text(kb.conn, citekey, held[-1], cache)
    # in either extraction kb keeps of it, as the quote's own version is read: one extractor's misreading is
    # no change between versions
    found_in, found = found_on_page(kb, citekey, held[-1], page, quote, cache)
    if found is not None and page is not None and found_in is latest and not found.page <= page <= found.page_end:
        # not on its page: the same printing of it, where its version prints it more than once
        found = _same_printing(load_text(kb.conn, citekey, version, cache), latest, quote, page) or found
    if found is not None:
        return _Newest(held[-1], found.page, found.page_end, found=True)
    near = matching.closest_passage(latest.doc, quote)
    page = "\n".join(latest.pages[near.page - 1:near.page + 1]) if near is not None else ""
    if near is not None and (marks := _only_footnote_marks(near, page, quote, "\n".join(latest.pages))):
        return _Newest(held[-1], near.page, near.page_end,
                       marks=f" (in {held[-1]}, page {near.page}, only a footnote's mark differs: {marks})")
    if near is not None and (marks := _only_footnote_marks(
            near, page, quote, "\n".join(latest.pages), _reference_works(kb, citekey, version, latest, cache))):
        return _Newest(held[-1], near.page, near.page_end,
                       marks=f" (in {held[-1]}, page {near.page}, only a citation's mark differs: {marks})")
    if near is not None and not near.differences and (grouped := separators_only(quote, near.passage, page)):
        return _Newest(held[-1], near.page, near.page_end,
                       marks=f" (in {held[-1]}, page {near.page}, only a thousands separator differs: {grouped})")
    own = load_text(kb.conn, citekey, version, cache)
    revised = near is not None and near.revises(quote) and not _printed_apart(own, near.passage, quote)
    rewritten = _printed_instead(own, latest, quote)
    if rewritten is not None:
        at, shown = rewritten
        placed = _placed_passage(citekey, latest, at, shown, quote)
        if placed is not None and placed.differences and placed.revises(quote):
            # the passage where the quote stood revises it: its word diff, never one of the closest passage of the
            # whole text, another sentence or one run into the words before it ("For both tasks -> very unclear"
            # of a clause moved to the sentence's end)
            return _Newest(held[-1], stale=f"verified in {version}, but not in {held[-1]}; page {at}:"
                           f" {placed.describe()}", differences=placed.differences)
        if not revised:
            # no word diff of a rewording: the sentence the newer version prints where the quote stood, whole
            shown = shown if len(shown) <= 240 else shown[:237] + "..."
            return _Newest(held[-1], stale=f"verified in {version}, but not in {held[-1]}; {held[-1]} rewrites it:"
                           f" where {version} printed it, {held[-1]}'s page {at} prints \"{shown}\"")
    if near is not None and not revised:
        # a neighbouring sentence sharing a run of words: its word diff would read as a rewording v2 never made
        shown = " ".join(near.passage.split())
        shown = shown if len(shown) <= 160 else shown[:157] + "..."
        return _Newest(held[-1], stale=f"verified in {version}, but not in {held[-1]}; {held[-1]} prints nothing like"
                       f" it (deleted or rewritten); its closest passage, page {near.page}, is another sentence"
                       f" sharing some of its words: \"{shown}\"")
    return _Newest(held[-1], stale=f"verified in {version}, but not in {held[-1]}"
                   + (f"; page {near.page}: {near.describe()}" if near else
                      f"; {held[-1]} prints nothing like it (deleted or rewritten)"),
                   differences=near.differences if near else [])


def _placed_passage(citekey: str, latest: PageText, page: int, printed: str, quote: str):
    """The NearMiss of `quote` against `printed`, what `latest` prints on `page` where the quote stood
    (`_printed_instead`): the whole of it, its words before and after those of the quote too, which a passage
    aligned in a page trims as its neighbours' ("(bottom-right plot), for both tasks." of a clause moved to its
    end), never a word the alignment starts past."""
    near = matching.closest_passage(PageText(citekey, latest.version, [""] * (page - 1) + [printed],
                                             latest.extractor).doc, quote)
    if near is None or near.elided:
        return near
    differences, lead, trail = matching.word_diff(quote, printed, first_words=True)
    keyed = [w for w in printed.split() if matching._word_key(w)]
    differences = ([("", " ".join(keyed[:lead]))] if lead else []) + differences + (
        [("", " ".join(keyed[len(keyed) - trail:]))] if trail else [])
    differences = [d for d in map(matching._without_same_numbers, differences) if d[0] or d[1]]
    if differences:
        near.differences = [(matching.readable(q), matching.readable(p)) for q, p in differences]
        near.passage = printed
    return near


#: How many of the words printed right before and right after a quote `_printed_instead` looks for in a newer version.
_AROUND = 8


def _printed_instead(own: PageText | None, latest: PageText, quote: str) -> tuple[int, str] | None:
    """(page, text) of what `latest` prints where `own`, the quote's version, prints `quote`: between the same words
    right before it and right after it, printed once each on one page of `latest`, a text of words no longer than a
    few of the quote's sentences (a sentence reworded throughout, "Its energy use exceeded 37 kWh." where v1 printed
    "That training run consumed over 37 kWh of electricity."), sharing a quarter of its words and figures. None where
    `own` does not print the quote, words around it are too few or printed elsewhere or more than once, or what
    stands between them is nothing or shares too few of its words (the quote deleted)."""
    mine = matching.find_quote(own.doc, quote) if own is not None else None
    if mine is None:
        return None
    first, last = mine.spans[0], mine.spans[-1]
    before = own.doc.pages[first.page - 1][:first.start].split()[-_AROUND:]
    after = own.doc.pages[last.page - 1][last.end:].split()[:_AROUND]
    if len(before) < _AROUND // 2 or len(after) < _AROUND // 2:
        return None
    found = []
    for words in (" ".join(before), " ".join(after)):
        match = matching.find_quote(latest.doc, words)
        if match is None or len(_printings(latest, words)) != 1:
            return None
        found.append(match)
    end, start = found[0].spans[-1], found[1].spans[0]
    if end.page != start.page or end.end > start.start:
        return None
    # the stop of the sentence before, where the words looked for leave it out
    printed = " ".join(latest.doc.pages[end.page - 1][end.end:start.start].split()).lstrip(".,;:!?)]}\u201d\"' ")
    if len(re.findall(r"[^\W\d_]{2,}", printed)) < 3 or len(printed) > 3 * len(quote) + 40:
        return None
    # a rewording keeps some of the quote's words or figures; another sentence in its place ("We thank the
    # reviewers.") is the quote deleted
    ours, theirs = (set(re.findall(r"[^\W_]{3,}|\d+", text.lower())) for text in (quote, printed))
    if len(ours & theirs) < max(2, len(ours) // 4):
        return None
    return end.page, printed


def _printed_apart(own: PageText | None, passage: str, quote: str) -> bool:
    """Whether the quote's own version `own` prints `passage` (a newer version's closest passage to `quote`) too,
    apart from the quote: a sentence both versions print ("We train GPT-2 for 5 days on 8 GPUs." beside the deleted
    "We train BERT for 3 days on 8 GPUs."), never what the newer version revised the quote into."""
    found = matching.find_quote(own.doc, passage) if own is not None and passage.strip() else None
    mine = matching.find_quote(own.doc, quote) if found is not None else None
    if found is None or mine is None:
        return False
    return not any(a.page == b.page and a.start < b.end and b.start < a.end for a in found.spans for b in mine.spans)


#: How many printings of one quote `_same_printing` tells apart (a sentence of the abstract the conclusion repeats).
_PRINTINGS = 4


def _printings(text: PageText, quote: str) -> list:
    """The matches of `quote` in `text`, each looked for in the pages after the one before: at most _PRINTINGS + 1."""
    found: list = []
    while len(found) <= _PRINTINGS:
        after = found[-1].page_end if found else 0
        rest = PageText(text.citekey, text.version, [p if n > after else "" for n, p in enumerate(text.pages, 1)],
                        text.extractor)
        match = matching.find_quote(rest.doc, quote)
        if match is None:
            break
        found.append(match)
    return found


def _same_printing(own: PageText | None, latest: PageText, quote: str, page: int):
    """The match in `latest` of the printing of `quote` its own text `own` holds on `page`, where it prints the quote
    more than once (the second of two, on page 4 of v1, is the second of v2's, on page 5, not the first on page 2);
    None where `own` prints it once or not on `page`, or the two print it a different number of times (which is
    which, kb cannot tell)."""
    mine = _printings(own, quote) if own is not None else []
    at = next((n for n, m in enumerate(mine) if m.page <= page <= m.page_end), None)
    if at is None or not 2 <= len(mine) <= _PRINTINGS:
        return None
    theirs = _printings(latest, quote)
    return theirs[at] if len(theirs) == len(mine) else None


def _in_newest(kb: KB, citekey: str, version: str | None, quote: str, verdict: Verdict, cache: dict) -> Verdict:
    """`verdict` (ok in `version`) made "stale" when a newer version kb holds the text of no longer holds `quote`:
    what that version's closest passage says instead, and on which page. A quote's and a claim's alike."""
    newest = _newest_reading(kb, citekey, version, quote, cache, verdict.page)
    if newest is None:
        return verdict
    if newest.found and verdict.page is not None and newest.page != verdict.page:
        # the same words on another page of the newer version: no change, and where a reader finds them now
        verdict.message += f" (in {newest.version}, page {pages_said(newest.page, newest.page_end)})"
        verdict.moved_in, verdict.moved_to = newest.version, pages_said(newest.page, newest.page_end)
    verdict.message += newest.marks
    if newest.stale is not None:
        verdict.status, verdict.message, verdict.differences = "stale", newest.stale, newest.differences
        verdict.stale_in, verdict.moved_in, verdict.moved_to = newest.version, None, None
    return verdict


@dataclass
class NoteVerdict:
    line: int
    quote: str
    source: str | None          # what the note cites, as written: "@key", "#anchor", "[12]"
    citekey: str | None
    version: str | None
    status: str          # ok | not-found | wrong-page | no-source | no-text | unverified | problem | unchecked
    message: str = ""
    failed: bool = False
    method: str | None = None           # how the source was found: citekey | doi | arxiv | title | author-year
    reference: str | None = None        # the reference entry the quote points at, as plain text
    closest: str | None = None          # no-source: the paper here closest to that reference
    page: int | None = None             # where the quote was found
    page_end: int | None = None
    cited_page: str | None = None       # the note's page locator

    def to_dict(self) -> dict:
        return self.__dict__.copy()


@dataclass
class NoteSource:
    """The paper a note's quote cites, how it was found, or why none was."""

    citekey: str | None
    method: str | None = None
    reason: str = ""
    closest: str | None = None
    closest_score: float = 0.0
    reference: str | None = None
    #: the papers the citation names as well as each other ("Lo et al., 2020" of two papers by Lo in
    #: 2020): it is ambiguous, and none is taken
    several: tuple[str, ...] = ()
    #: what the quote is followed by may be no citation at all: "[GPT35]", the name of what a writer
    #: quotes in the form of an alphabetic label, with no such label in the note or here
    maybe_none: bool = False
    #: the cited name is a proper part of the found paper's first author's ("Neil" of "O'Neil", "Werra" of "von
    #: Werra"): said beside the verdict
    part: str = ""


@dataclass
class NoteContext:
    """What resolving a note's quotes needs once: the papers indexed, the
    bibliography files of the front matter."""

    index: object
    bib: dict = field(default_factory=dict)          # citekey -> RefEntry
    problems: list = field(default_factory=list)     # (line, message)
    labels: dict | None = None                       # alphabetic label -> citekeys (_by_label)
    alphabetic: bool | None = None                   # the note cites by alphabetic labels (_cites_alphabetically)
    titles: dict | None = None                       # a paper's title as normalise_title gives it -> citekeys
    letters: dict | None = None                      # (first author, year) -> letter -> names (_lettered_siblings)
    keyed: dict | None = None                        # (name, year) -> the keys citing them (_keys_of_author_year)


_KEY_AS_AUTHOR_YEAR = lazy(r"([A-Za-z][A-Za-z'’-]+?)[_:-]?((?:1[89]|20)\d\d)[a-z]?")


def _by_label(kb: KB, ctx: NoteContext, label: str) -> list[str]:
    """The papers an alphabetic style labels `label` ("Amm18", "AGB+18", "Vas+17"), for a
    note citing so without a references list (kb.text.names.alpha_labels); the labels of
    every paper made once a note."""
    if ctx.labels is None:
        ctx.labels = {}
        for key, authors, year in kb.conn.execute("select citekey, authors, year from papers where year is not null"):
            for made in alpha_labels(json.loads(authors or "[]"), year):
                ctx.labels.setdefault(made, []).append(key)
    return sorted(set(ctx.labels.get(label_form(label), [])))


def _cites_alphabetically(kb: KB, ctx: NoteContext, note) -> bool:
    """Whether a note cites by an alphabetic style's labels: its references list is labelled so, or
    one of its labels is a paper's here. Else a label is no more a citation than a name in brackets."""
    if ctx.alphabetic is None:
        cited = (notes_text.alpha_label(q.source_text) for q in note.quotes)
        ctx.alphabetic = any(notes_text.alpha_label(f"[{r.number}]") for r in note.references if r.number) \
            or any(_by_label(kb, ctx, label) for label in cited if label)
    return ctx.alphabetic


def _bib_entry(fields: dict[str, str], key: str) -> reflist.RefEntry:
    """A bibliography entry (BibTeX or CSL-JSON fields) as a reference entry."""
    title = latex_to_text(fields.get("title") or "")
    where = " ".join(fields.get(f, "") for f in ("eprint", "url", "journal", "note", "howpublished",
                                                  "archiveprefix", "doi"))
    arxiv = identifiers.parse_arxiv(fields.get("eprint", "")) if fields.get("eprint") else None
    arxiv = arxiv or identifiers.find_arxiv_in_text(where)
    doi = identifiers.doi_of_field(fields.get("doi", ""))
    doi = doi or identifiers.find_doi_in_text(fields.get("url", "")) or identifiers.find_acl_doi_in_text(where)
    # keyed as the papers' rows key their first authors: an organisation's name whole ('International Energy
    # Agency', not 'agency'), '王, 小明' whole
    first = first_author_key(split_names(fields.get("author") or fields.get("editor")))
    year = None
    m = re.search(r"(1[89]\d\d|20\d\d)", fields.get("year") or fields.get("date") or "")
    if m:
        year = int(m.group(1))
    entry = reflist.RefEntry(idx=1, label=key, raw=f"{fields.get('author', '')}. {year or ''}. {title}. {where}",
                     page=None, arxiv_id=arxiv.id if arxiv else None, doi=doi, url=fields.get("url"),
                     year=year, title=title or None, first_author=name_key(first) or None)
    return entry


def _csl_fields(item: dict) -> dict[str, str]:
    """A CSL-JSON item's fields under BibTeX's names."""
    authors = " and ".join(", ".join(filter(None, [a.get("family") or a.get("literal"), a.get("given")]))
                           for a in item.get("author") or [] if isinstance(a, dict))
    issued = (item.get("issued") or {}).get("date-parts") or [[None]]
    year = str(issued[0][0]) if issued and issued[0] and issued[0][0] else ""
    return {"title": str(item.get("title") or ""), "author": authors, "year": year,
            "doi": str(item.get("DOI") or ""), "url": str(item.get("URL") or ""),
            "note": str(item.get("number") or "") + " " + str(item.get("publisher") or "")}


def _load_bibliographies(note, path: Path, ctx: NoteContext) -> None:
    """The front matter's bibliography files, relative to the note; each one
    that cannot be read is a problem line, never an exception."""
    for name in note.bibliography:
        where = (path.parent / Path(name).expanduser()).resolve()
        line = note.bibliography_line
        try:
            data = read_input(where, "file")
        except KBError as exc:
            ctx.problems.append((line, f"bibliography {name}: {exc.message} (paths are relative to the note)"))
            continue
        if where.suffix.lower() == ".json":
            try:
                items = read_json(data.decode("utf-8-sig"))
                if not isinstance(items, list):
                    raise ValueError("not a list of CSL-JSON items")
                for item in items:
                    if isinstance(item, dict) and item.get("id"):
                        ctx.bib.setdefault(str(item["id"]), _bib_entry(_csl_fields(item), str(item["id"])))
            except (ValueError, UnicodeDecodeError) as exc:
                ctx.problems.append((line, f"bibliography {name}: not CSL-JSON: {exc}"))
            continue
        try:
            text = data.decode("utf-8-sig")
            bibfile = bibtex.BibFile(text, str(where))
        except UnicodeDecodeError:
            ctx.problems.append((line, f"bibliography {name}: not a BibTeX file (not UTF-8 text)"))
            continue
        except KBError as exc:
            ctx.problems.append((line, f"bibliography {name}: not a BibTeX file: {exc.message}"))
            continue
        entries = bibfile.entries()
        if not entries:
            ctx.problems.append((line, f"bibliography {name}: not a BibTeX file: it holds no entries"))
            continue
        for e in entries:
            ctx.bib.setdefault(e.key, _bib_entry(e.fields, e.key))


def note_context(kb: KB, note, path: Path | None) -> NoteContext:
    """Built once per note and passed to `explain_note_source` for each of its
    quotes: the papers indexed, and the bibliography files of its front matter
    (relative to `path`)."""
    ctx = NoteContext(index=links.paper_index(kb.db))
    if path is not None and note.bibliography:
        _load_bibliographies(note, path, ctx)
    return ctx


def _short(text: str, n: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 3] + "..."


def explain_note_source(kb: KB, note, q, ctx: NoteContext | None = None) -> NoteSource:
    """The paper a note's quote cites and how it was found (`_explain_note_source`); where a second marker of another
    kind stands at once after its citation (`NoteQuote.beside`: '"..."<sup>1</sup> [@patterson2021]', '"..." [3]
    (Patterson et al., 2021)'), the work both name, and none where they name two (or one names a work kb does not
    hold): which of them the quote is of, the note does not say, and it is never checked in either. A marker that
    points at nothing of the note ('[3]' of a note listing no [3]) says nothing of the work: the other one's."""
    ctx = ctx or note_context(kb, note, None)
    found = _explain_note_source(kb, note, q, ctx)
    other = getattr(q, "beside", None)
    if other is None:
        return found
    link_names = other.kind == "link-names"
    if found.citekey is None and _marks_nothing(note, q) and (not link_names or _YEAR_SAID.search(other.attribution)):
        # ('[Patterson et al.](#ref-patterson) (2021)' of a note with no such anchor: the work its names and year cite;
        # never its names alone)
        return _explain_note_source(kb, note, other, ctx)
    if found.citekey is None:
        return found
    second = _explain_note_source(kb, note, other, ctx)
    if second.citekey == found.citekey or found.citekey in second.several or \
            second.citekey is None and _marks_nothing(note, other):
        return found
    first_said, second_said = _marker_said(q), _marker_said(other)
    if second.citekey is None and link_names and not second.several:
        # the names of a link to an anchor naming no paper here: the anchor's work where they are its entry's first
        # author's ('[Google (2021)](#ref-goog)' of 'Google. (2021). Carbon ...'), never where they are another's
        # ('[Doe et al.](#ref-2)' of Patterson's entry)
        ref = note.reference_for(q)
        named = name_key(notes_text.cited_family(other.attribution) or "")
        held = ref.entry.first_author if ref is not None and ref.entry is not None and ref.entry.first_author \
            else _first_author_key(kb.conn, found.citekey)
        if not named or not held or named == held:
            return found
        return NoteSource(None, reason=f"the names of its link {first_said} are not its entry's first author's "
                                       f"({found.citekey}): which work the quote is of, the note does not say",
                          reference=found.reference, maybe_none=True)
    if second.citekey is not None:
        what = f"{second_said} is {second.citekey}"
    elif second.several:
        what = f"{second_said} may be any of {', '.join(second.several)}"
    else:
        what = f"{second_said} is no paper here ({second.reason})"
    return NoteSource(None, reason=f"its markers {first_said} and {second_said} may name two works: {first_said} is "
                                   f"{found.citekey}, {what}; which the quote is of, the note does not say",
                      reference=found.reference, maybe_none=True)


#: A marker by number alone: '[3]', '[^3]'
_NUMBER_MARK = lazy(r"\[\^?\d{1,4}\]")


#: A year a citation gives
_YEAR_SAID = lazy(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def _marks_nothing(note, q) -> bool:
    """Whether a quote's marker points at nothing of the note: a number it has no reference or footnote of ('[3]' of a
    note listing none), a link to an anchor it has not ('#ref-patterson')."""
    if q.citekey or q.attribution:
        return False
    if q.source_link:
        return q.source_link.startswith("#") and note.reference_for(q) is None
    return _NUMBER_MARK.fullmatch((q.source_text or "").strip()) is not None and note.reference_for(q) is None


def _marker_said(q) -> str:
    """A quote's marker as the note writes it, for a person: '@patterson2021', '[1]', '(Patterson et al. 2021)'."""
    if q.citekey:
        return f"@{q.citekey}"
    if q.attribution:
        said = q.attribution.strip()
        return f"({said[:-1] if said.endswith('.') and not said.endswith(' al.') else said})"
    if q.source_link and q.source_text:
        return f"[{q.source_text}]({q.source_link})"
    return q.source_link or q.source_text or "?"


#: A citation key that is a DOI or an arXiv id with its scheme: 'doi:10.1145/3531146.3533234', 'arXiv:2311.16863'
_IDENTIFIER_KEY = lazy(r"(?i)(?:doi:\s*10\.\d{4,9}/|arxiv:\s*(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?/\d{7}))")


def _explain_note_source(kb: KB, note, q, ctx: NoteContext) -> NoteSource:
    """The paper a note's quote cites and how it was found: a pandoc key that is
    a citekey here (`citekey`), an anchor named after a citekey, else the
    reference entry the quote points at (or the key's entry in the front
    matter's bibliography), resolved by kb.text.refs: arXiv id, DOI, title,
    then first author and year."""

    db = kb.conn
    if q.citekey and paper_exists(db, q.citekey):
        return NoteSource(q.citekey, "citekey")
    if getattr(q, "title", None) and not q.citekey:
        return _by_exact_title(db, ctx, q.title)
    anchor = (q.source_link or "").lstrip("#")
    if anchor and paper_exists(db, anchor):
        return NoteSource(anchor, "citekey")
    for key in (q.citekey, anchor):         # a key the paper had before `kb rename` (its ids field)
        alias = resolve_alias(db, key) if key else None
        if alias is not None:
            return NoteSource(alias, "alias")
    named = _KEY_AS_AUTHOR_YEAR.fullmatch(q.citekey or "")
    if named and q.citekey not in ctx.bib:
        # a key no paper has that writes a name and a year ("[Doe2020]", "@doe2020"): the one paper of
        # that first author and year, as an author-year citation is read
        key, year = name_key(named.group(1)), int(named.group(2))
        keys = [r[0] for r in db.execute("select citekey from papers where first_author = ? and year = ?",
                                         [key, year])]
        # ... or by the name as a reader reads a first author's ('[@nguyen2019]' of 'Nguyen Van An', keyed an):
        # where the name is both, which is meant is not said
        others = _cited_as_written(db, key, year, keyed_too=True) if len(keys) <= 1 else []
        if len(keys) + len(others) == 1:
            siblings = _keys_of_author_year(ctx, note, key, year)
            if len(siblings) > 1:
                # '[@luccioni2023b]' beside '[@luccioni2023]' or '[@luccioni2023a]': two works the note keys apart,
                # of which kb holds one; which that is, a key no paper here has does not say
                return NoteSource(None, reason=f"the note cites {len(siblings)} works of {named.group(1)} {year} by "
                                               f"keys ({', '.join('@' + k for k in siblings)}) and kb holds one, "
                                               f"{(keys or others)[0]}: which work @{q.citekey} is, no key here says",
                                  maybe_none=True)
            return NoteSource((keys or others)[0], "author-year")
        if keys and others:
            return _ambiguous_by_name(key, year, (*keys, *others), None)
    # what the quote points at, most telling first: a link to the paper itself, the
    # note's reference entry, a reference written beside the quote, the bibliography's entry
    candidates: list[tuple[reflist.RefEntry, list[str], str]] = []
    linked_entry = None
    link = (q.source_link or "").strip()
    if re.match(r"(?i)^(?:https?://|www\.|doi:|arxiv:)", link):
        own = notes_text.reference_of(f"{q.source_text or ''} {link}".strip())
        if getattr(q, "named", None):
            disagree = _names_disagree(db, ctx, own, q.named, link)
            if disagree is not None:
                return disagree
        candidates.append((own.entry, own.titles, own.text))
        linked_entry = own.entry
    ref = note.reference_for(q)
    if ref is not None and notes_text.names_no_author(ref.text):
        # '[^3]: Op. cit., 9.': an author's work cited before, the author unsaid; never the footnote before's work,
        # which may be another author's
        return NoteSource(None, reason=f"{ref.text.rstrip('.')!r} names no author, so which work cited before it "
                                       "means is not said", maybe_none=True)
    if ref is None and q.attribution and not link:
        several = note.references_by_author(q.attribution)
        if len(several) > 1:
            # One work listed twice (a footnote and the bibliography, as Chicago's notes do)
            # is that work; "Doe 2019" when the note lists Doe 2019a and Doe 2019b is not
            # said, nor is one entry kb holds beside one it does not.
            found = [ctx.index.explain(r.entry, titles=r.titles, loose=True).resolution
                     if r.entry is not None else None for r in several]
            keys = {f.citekey for f in found if f is not None}
            if len(keys) == 1 and all(f is not None for f in found):
                return NoteSource(keys.pop(), found[0].method, reference=_short(several[0].text))
            names = notes_text.cited_names(q.attribution)
            mine = [k for k in sorted(keys) if _authors_are(db, k, names)] if len(names) > 1 else []
            if len(mine) == 1:
                # "Doe, Roe and Poe 2020" of 'Doe, Jane, et al. 2020' and 'Doe, Jane, and Max Roe. 2020': the
                # paper here whose authors the citation names, every one
                at = next(r for r, f in zip(several, found) if f is not None and f.citekey == mine[0])
                return NoteSource(mine[0], "author-year", reference=_short(at.text))
            return NoteSource(None, reason=f"{len(several)} references of the note match "
                                           f"{q.attribution.rstrip('.')!r}: lines "
                                           + ", ".join(str(r.line) for r in several)
                                           + (f" ({', '.join(sorted(keys))} here)" if keys else ""),
                              several=tuple(sorted(keys)) if len(keys) > 1 else ())
    label = notes_text.alpha_label(q.source_text) if ref is None and not link else None
    if label:               # "[Amm18]" with no references list: the paper an alphabetic style labels so
        keys = _by_label(kb, ctx, label)
        if len(keys) == 1:
            return NoteSource(keys[0], "label")
        if keys:
            return NoteSource(None, reason=f"[{label}] is the alphabetic label of {len(keys)} papers here "
                                           f"({', '.join(keys[:5])}): cite one by its key ([@key])",
                              several=tuple(keys))
        if not _cites_alphabetically(kb, ctx, note):
            # no paper here is labelled so and nothing says the note cites by alphabetic labels: "[GPT35]"
            # after a quote names a model whose words are quoted as often as a work
            return NoteSource(None, reason=f"[{label}] is no label of the note's references nor of a paper "
                                           "here, as an alphabetic style labels them", maybe_none=True)
    if ref is not None and ref.entry is not None:
        candidates.append((ref.entry, ref.titles, ref.text))
    written = q.attribution or (q.source_text if q.source_text and len(q.source_text) >= 15 else None)
    cited = None
    if ref is None and written:
        # the reference written beside the quote itself; an attribution ("— Doe 2019, p. 3") as a citation
        own = notes_text.attribution_reference(written) if q.attribution else notes_text.reference_of(written)
        whole = notes_text.particled_family_key(written)
        if whole and own.entry is not None and whole != own.entry.first_author:
            # "Le Cun et al. (1998)", "van der Berg (2019)": the family name whole, particles and all, which names
            # 'LeCun, Yann' and BibTeX's 'Yann Le Cun' (keyed cun) alike, never a reading's part of it ('cun',
            # 'derberg') that names another author ('Cun, Ana', 'Berg, Tom')
            own = replaced(own, entry=replaced(own.entry, first_author=whole))
        candidates.append((own.entry, own.titles, own.text))
        cited = own.entry if q.attribution else None
    if q.citekey and q.citekey in ctx.bib:
        entry = ctx.bib[q.citekey]
        candidates.append((entry, [], f"@{q.citekey} in the bibliography: {entry.raw}"))
    elif q.citekey and _IDENTIFIER_KEY.match(q.citekey):
        # a key that is an identifier ('[@doi:10.18653/v1/P19-1355]', '\\cite{arXiv:2311.16863}', as Manubot cites) of
        # no paper's key, alias or bibliography entry: the paper of that DOI or arXiv id, by it alone
        own = notes_text.reference_of(q.citekey)
        if own.entry is not None and (own.entry.doi or own.entry.arxiv_id):
            candidates.append((replaced(own.entry, year=None), [], f"@{q.citekey}"))
    if not candidates:
        if q.citekey:
            where = " or in the front matter's bibliography" if note.bibliography else ""
            alike = lookalike(db, q.citekey) or other_case(db, q.citekey)
            return NoteSource(None, reason=f"no paper {q.citekey!r} here{where}" + (f" ({alike})" if alike else ""))
        what = q.source_link or q.source_text
        return NoteSource(None, reason=(f"the note has no reference {what}" if what
                                        else "the quote cites nothing"))
    by_name = cited is not None and cited.first_author and cited.year and not (cited.title or cited.doi
                                                                                 or cited.arxiv_id)
    first = None
    for entry, titles, written in candidates:
        ex = ctx.index.explain(entry, titles=titles, loose=True)
        if ex.resolution is not None and ex.resolution.method in ("arxiv", "doi") and entry.first_author \
                and entry is not linked_entry:
            # a reference naming one work by its authors and another by its arXiv id or DOI ('Strubell E, et al.
            # 2019. https://arxiv.org/abs/2104.10350' of Patterson's paper): neither's (its year only as written, never
            # one read off an arXiv id)
            link_written = f"arXiv:{entry.arxiv_id}" if ex.resolution.method == "arxiv" else f"doi:{entry.doi}"
            if entry.year is not None and str(entry.year) not in _IDENTIFIERS_WRITTEN.sub(" ", written):
                entry = replaced(entry, year=None)
            disagree = _disagreeing(db, ex.resolution.citekey, entry, _short(written), link_written)
            if disagree is not None:
                return disagree
        if ex.resolution is not None:
            if by_name and entry is cited and ex.resolution.method == "author-year":
                unsaid = _lettered_siblings(db, ctx, note, q.attribution, cited, ex.resolution.citekey)
                if unsaid is not None:
                    return replaced(unsaid, reference=_short(written))
                # 'Nguyen (2019)' of BibTeX's family name ('Tran Van Nguyen', keyed nguyen) names as well a paper
                # whose first author a reader calls so ('Nguyen Van An', keyed an): which is meant is not said
                others = [k for k in _cited_as_written(db, cited.first_author, cited.year, keyed_too=True)
                          if k != ex.resolution.citekey]
                if others:
                    return _ambiguous_by_name(cited.first_author, cited.year, (ex.resolution.citekey, *others),
                                              _short(written))
            part = ""
            if ex.resolution.method == "title" and entry is cited and cited.first_author and "“" in q.attribution \
                    and not _an_author_of(db, ex.resolution.citekey, cited.first_author):
                # MLA's '(Doe, “Counting Carbon” 1)' of a paper of that title by Luccioni: the name is no author of the
                # work its title names, and which of the two the writer meant is not said
                who = (notes_text.cited_names(q.attribution) or [q.attribution.split(". “")[0].split(" et al")[0]])[0]
                return NoteSource(None, reason=f"the citation gives the title of {ex.resolution.citekey}, but {who!r} "
                                               "is none of its authors", reference=_short(written), maybe_none=True)
            if ex.resolution.method == "title" and entry.year is not None:
                # '*Energy and Policy* (2021)' of a paper of 2019: the title names one work, the year none (or
                # another), and which the writer meant is not said; a year off by one (a preprint's and its print's)
                # is the same work, said beside the verdict
                row = db.execute("select year from papers where citekey = ?", [ex.resolution.citekey]).fetchone()
                held = row[0] if row and isinstance(row[0], int) else None
                if held is not None and held != entry.year \
                        and str(entry.year) in _IDENTIFIERS_WRITTEN.sub(" ", written):
                    if abs(held - entry.year) > 1:
                        return NoteSource(None, reason=f"the citation gives the title of {ex.resolution.citekey}, of "
                                                       f"{held}, but the year {entry.year}", reference=_short(written),
                                          maybe_none=True)
                    part = f" (the citation's year {entry.year} is not its {held}: taken as a preprint's or print's)"
            if by_name and entry is cited and ex.resolution.method == "author-year":
                whole = _first_author_key(db, ex.resolution.citekey)
                if whole != cited.first_author and whole.endswith(cited.first_author):
                    # 'Neil (2019)' of 'O'Neil, Cathy', 'Werra (2020)' of 'von Werra, Leandro': a part of the name,
                    # never where the note's list names an author so ('Neil, J.'), and said beside the verdict
                    named_so = db.execute("select citekey from papers where first_author = ? limit 1",
                                          [cited.first_author]).fetchone()
                    if named_so is not None or any(r.entry is not None and r.entry.first_author == cited.first_author
                                                   for r in note.references):
                        where = f"{named_so[0]} here is" if named_so is not None else "the note lists"
                        return NoteSource(None, reason=f"{cited.first_author!r} is only a part of the first author's "
                                                       f"name of {ex.resolution.citekey} ({whole!r}), and {where} "
                                                       "a work of an author named so", reference=_short(written))
                    written_as = notes_text.cited_family(q.attribution or "") or cited.first_author
                    part = (f" (the cited name {written_as!r} is only a part of its first author's, "
                            f"{_first_author_name(db, ex.resolution.citekey) or whole!r})")
            unheld = _unheld_id(ctx, entry) if not part and ex.resolution.method not in ("arxiv", "doi") else None
            if unheld:
                # 'Patterson et al. 2021. https://doi.org/10.1145/...' of a paper here with no DOI: its names find it,
                # and the identifier no paper here has is said beside the verdict, for a person to check
                how = "title" if ex.resolution.method == "title" else "names and year"
                part = f" (the citation's {unheld} is no paper's here: found by its {how})"
            return NoteSource(ex.resolution.citekey, ex.resolution.method, reference=_short(written), part=part)
        first = first or NoteSource(None, reason=ex.reason, closest=ex.closest,
                                    closest_score=ex.closest_score, reference=_short(written), several=ex.several)
        if ex.ids_apart:
            # ('[Strubell et al. 2019](https://doi.org/10.1145/...)': the link's DOI is another work's than the one
            # its names point to; the names read again without the link say nothing more)
            return NoteSource(None, reason=ex.reason, closest=ex.closest, closest_score=ex.closest_score,
                              reference=_short(written))
    if by_name and first is not None and len(first.several) > 1:
        # 'Neil (2019)' of 'Neil, John' and 'O'Neil, Cathy': the paper whose first author is named so, never one
        # whose name it is a part of
        keyed = {k: _first_author_key(db, k) for k in first.several}
        exact = [k for k, whole in keyed.items() if whole == cited.first_author]
        if len(exact) == 1 and all(whole.endswith(cited.first_author) for whole in keyed.values()):
            return NoteSource(exact[0], "author-year", reference=first.reference)
    if by_name:
        keys = _cited_as_written(db, cited.first_author, cited.year)
        if len(keys) == 1:
            row = db.execute("select authors, title from papers where citekey = ?", [keys[0]]).fetchone()
            apart = reflist.cited_authors_disagree(cited.raw, cited.year, row[0], row[1]) if row else None
            if apart and not apart.startswith("'et al.'"):      # ('et al.' of its only paper: a slip, that paper)
                # 'Le Cun and Smith (1989)' of 'Yann Le Cun and Bernhard Boser': the first author read as written,
                # the others no more its authors at their places than where BibTeX's reading finds it
                return NoteSource(None, reason=f"the citation '{cited.raw.strip()}' names another work than "
                                               f"{keys[0]}, the only paper of that first author in {cited.year} "
                                               f"here: {apart}", closest=keys[0], closest_score=0.5,
                                  reference=first.reference if first else None)
            unsaid = _lettered_siblings(db, ctx, note, q.attribution, cited, keys[0])
            if unsaid is not None:
                return replaced(unsaid, reference=first.reference if first else None)
            return NoteSource(keys[0], "author-year", reference=first.reference if first else None)
        if len(keys) > 1:
            return _ambiguous_by_name(cited.first_author, cited.year, tuple(keys), first.reference if first else None)
    if cited is not None and cited.first_author and cited.year is None and not (cited.title or cited.doi
                                                                                or cited.arxiv_id) \
            and not note.bibliography and (not note.references or len(notes_text.cited_names(q.attribution)) > 1
                                           or not note.references_by_author(q.attribution)):
        # MLA's "(Doe et al. 3)", Chicago's "(Doe, n.d.)", "(Doe, forthcoming)" in a note that lists no work: the
        # one work here of that first author (of those authors: "Doe and Roe"); of every author it names, in a note
        # whose list holds no work of theirs, as a footnote's names its list holds no work of ('[^1]: Doe et al.
        # write that "..." (p. 3).')
        found = _by_first_author(db, cited.first_author, q.attribution, first, strict=bool(note.references))
        if found.citekey is None and not found.several and not note.references \
                and notes_text.one_author_page(q.attribution):
            # MLA's one name and a page, "(Strubell 3647)", of no first author here: a thing's name and number as
            # often ("(Llama 2)"), not checked
            return NoteSource(None, reason=f"{found.reason}, and {q.attribution.rstrip('.')!r} before a page may name "
                                           "a thing, no author", maybe_none=True)
        return found
    names = notes_text.cited_names(q.attribution) if first is not None and first.several and q.attribution else []
    if len(names) > 1:
        # "Luccioni and Hernandez-Garcia (2023)" names every author: of two papers by Luccioni in 2023,
        # the one of those authors, and no other
        keys = [k for k in first.several if _authors_are(db, k, names)]
        if len(keys) == 1:
            return NoteSource(keys[0], "author-year", reference=first.reference)
        if not keys:
            return NoteSource(None, reason=f"none of the {len(first.several)} papers it may name here "
                                           f"({', '.join(first.several)}) is by {' and '.join(names)}",
                              reference=first.reference)
    elif first is not None and first.several and ref is not None and ref.entry is not None and ref.entry.year \
            and not (ref.entry.title or ref.entry.doi or ref.entry.arxiv_id):
        # a reference-list entry with no title that names every author ('Luccioni, A. S., & Hernandez-Garcia, A.
        # (2023).'): of two papers by Luccioni in 2023, the one whose authors it lists, all and no more
        keys = [k for k in first.several if notes_text.lists_all_authors(ref.text, _families(db, k), ref.entry.year)]
        if len(keys) == 1:
            return NoteSource(keys[0], "author-year", reference=first.reference)
    return first


#: the identifiers and links a reference writes, whose digits are no year: 'https://arxiv.org/abs/2104.10350',
#: 'arXiv:2311.16863', '10.1145/3531146.3533234'
_IDENTIFIERS_WRITTEN = lazy(r"(?i)\S*(?:https?://|www\.|arxiv|doi|\b10\.\d{4,9}/)\S*")


def _unheld_id(ctx: NoteContext, entry) -> str | None:
    """The arXiv id or DOI a reference gives that no paper here has ('doi:10.1145/3442188.3445922'), else None."""
    ax = bare_arxiv_id(entry.arxiv_id)
    if ax and not ctx.index.by_arxiv.get(ax):
        return f"arXiv:{ax}"
    if entry.doi and not ax and not ctx.index.by_doi.get(entry.doi.lower()):
        return f"doi:{entry.doi}"
    return None


def _names_disagree(db, ctx: NoteContext, own, named: str, link: str) -> NoteSource | None:
    """Where the names written with a quote's link to an arXiv or DOI page ('[Strubell et al.](https://arxiv.org/abs/
    2104.10350)') and the link name two works here, the quote is neither's: why, else None."""
    entry = own.entry
    if entry is None or not (entry.arxiv_id or entry.doi):
        return None
    ex = ctx.index.explain(replaced(entry, title=None, first_author=None, year=None), titles=[], loose=True)
    if ex.resolution is None or ex.resolution.method not in ("arxiv", "doi"):
        return None
    cited = notes_text.reference_of(named).entry
    return _disagreeing(db, ex.resolution.citekey, cited, named, link) if cited is not None else None


def _disagreeing(db, linked: str, cited, named: str, link: str) -> NoteSource | None:
    """Why a quote is not checked whose citation names by its first author (and year, `cited`) works here of which
    the paper its arXiv id or DOI (`link`) names, `linked`, is none; else None."""
    if not cited.first_author:
        return None
    row = db.execute("select first_author, year from papers where citekey = ?", [linked]).fetchone()
    if row is not None and row[0] == cited.first_author and (cited.year is None or row[1] is None
                                                             or abs(row[1] - cited.year) <= 1):
        return None     # (its first author's, a year off its preprint's or its print's: 'Doe et al. 2023' of 2024's)
    sql, args = "select citekey from papers where first_author = ?", [cited.first_author]
    if cited.year is not None:
        sql, args = sql + " and year = ?", args + [cited.year]
    keys = sorted({r[0] for r in db.execute(sql, args)}
                  | (set(_cited_as_written(db, cited.first_author, cited.year)) if cited.year else set()))
    if not keys or linked in keys:
        return None
    return NoteSource(None, reason=f"the names {named!r} and the link {link} disagree: the names cite "
                                   f"{', '.join(keys)} here, the link {linked}; which the quote is from, the note "
                                   "does not say", reference=_short(named), maybe_none=True)


def _an_author_of(db, citekey: str, key: str) -> bool:
    """Whether `key` (a cited family name's key: 'luccioni', 'vanderberg') is one of a paper's authors', whole or the
    end of one ('berg' of 'van der Berg'); true where its authors are not all known ('and others')."""
    families = _families(db, citekey)
    keys = {name_key(f) for f in families} | {_first_author_key(db, citekey)}
    if not families:
        return True
    return any(k and (k == key or k.endswith(key)) for k in keys)


def _families(db, citekey: str) -> list[str]:
    """The family names of a paper's authors, in order ([] where one is 'others' or none is known)."""
    row = db.execute("select authors from papers where citekey = ?", [citekey]).fetchone()
    try:
        authors = json.loads(row[0] or "[]") if row else []
    except ValueError:
        return []
    if not all(isinstance(a, str) and a.strip() and a.strip() != "others" for a in authors):
        return []
    return [last_name(a) for a in authors]


def _by_first_author(db, key: str, attribution: str, first: NoteSource | None,
                     strict: bool = False) -> NoteSource | None:
    """The one paper here whose first author is `key` and whose authors the citation's names fit, else why not
    ("et al." tells no paper of two authors from one of three, as an author-year citation's does not)."""
    keys = [r[0] for r in db.execute("select citekey from papers where first_author = ? order by citekey", [key])]
    names = notes_text.cited_names(attribution)
    if (len(keys) > 1 or strict) and len(names) > 1:
        keys = [k for k in keys if _authors_are(db, k, names)] or ([] if strict else keys)
    reference = first.reference if first else None
    if len(keys) == 1:
        return NoteSource(keys[0], "author", reference=reference)
    if keys:
        return NoteSource(None, reason=f"{len(keys)} papers here are by a first author named {key!r}, and the note "
                                       "lists no work nor year to tell them: " + ", ".join(keys),
                          reference=reference, several=tuple(keys))
    return NoteSource(None, reason=f"no paper here has its first author {key!r}", reference=reference,
                      closest=first.closest if first else None, closest_score=first.closest_score if first else 0.0)


def _by_exact_title(db, ctx: NoteContext, title: str) -> NoteSource:
    """The one paper titled `title` (a highlights export's work: '# Title', a clippings file's book), the same
    after normalise_title and no more alike than that; else why none is taken, checking nothing."""
    if ctx.titles is None:
        ctx.titles = {}
        for citekey, written in db.execute("select citekey, title from papers"):
            ctx.titles.setdefault(normalise_title(written), []).append(citekey)
    keys = sorted(ctx.titles.get(normalise_title(title), [])) if normalise_title(title) else []
    if len(keys) == 1:
        return NoteSource(keys[0], "title", reference=_short(title))
    if keys:
        return NoteSource(None, reason=f"{len(keys)} papers here are titled {_short(title)!r}: "
                                       + ", ".join(keys), reference=_short(title), several=tuple(keys))
    return NoteSource(None, reason=f"no paper here is titled {_short(title)!r} (the export names its work by its "
                                   "title alone: a paper of that title exactly, not one titled alike)",
                      reference=_short(title))


def _titled_exactly(db, ctx: NoteContext, quote: str) -> str | None:
    """The one paper here titled as the quoted words are, after normalise_title."""
    if ctx.titles is None:
        _by_exact_title(db, ctx, "")
    keys = ctx.titles.get(normalise_title(quote), []) if normalise_title(quote) else []
    return keys[0] if len(keys) == 1 else None


def _by_named_title(db, note, ctx: NoteContext, phrases: list[str]) -> NoteSource | None:
    """The one paper a quote citing nothing is of, where its sentence names a work by its title alone ('The *Counting
    Carbon* survey notes that "..."', `notes.titles_named`): the paper here whose title the phrases name
    (`names_title`: the whole title, its part before a colon, a run of three words or more that say much), which
    the note's list, where it names a work so, names too. None where no paper here nor work of the list is so titled;
    where two could be meant (two papers here, or one here and another the list names and kb does not hold), a
    reason naming both and no paper."""
    held = {citekey: written for citekey, written in db.execute("select citekey, title from papers") if written}
    hits: dict[str, str] = {}       # citekey -> the phrase naming it
    for phrase in phrases:
        for citekey, written in held.items():
            if names_title(phrase, written):
                hits.setdefault(citekey, phrase)
    listed: list[tuple[str, str | None, str]] = []      # (the list's title, the paper here it is, the phrase)
    for ref in note.references:
        title = ref.entry.title if ref.entry is not None and ref.entry.title else ref.title
        phrase = next((p for p in phrases if title and names_title(p, title)), None)
        if phrase is None:
            continue
        ex = ctx.index.explain(ref.entry, titles=ref.titles, loose=True) if ref.entry is not None else None
        key = ex.resolution.citekey if ex is not None and ex.resolution is not None else None
        if key is not None and ex.resolution.method not in ("arxiv", "doi") \
                and normalise_title(title) != normalise_title(held.get(key)):
            # (an entry titled alike, not the same: 'Counting Carbon: ... Machine Learning Systems' is another work
            # its short title names as well, whichever paper a reader of its entry takes it for)
            key = None
        listed.append((title, key, phrase))
    keys = set(hits) | {k for _, k, _ in listed if k is not None}
    unheld = [(t, p) for t, k, p in listed if k is None]
    if not keys and not unheld:
        return None
    if len(keys) == 1 and not unheld:
        key = keys.pop()
        said = hits.get(key) or next(p for _, k, p in listed if k == key)
        return NoteSource(key, "title", reference=_short(said))
    named = [f"{k} ({_short(held.get(k, ''), 60)!r})" for k in sorted(keys)]
    named += [f"{_short(t, 60)!r} of the note's list, not here" for t, _ in unheld]
    said = " / ".join(dict.fromkeys([*hits.values(), *(p for _, _, p in listed)]))
    if not keys:
        return NoteSource(None, reason=f"the sentence names its work by its title alone, {_short(said)!r}: "
                                       f"{named[0]}", reference=_short(said), maybe_none=True)
    return NoteSource(None, reason=f"the sentence names its work by its title alone, {_short(said)!r}, which may be "
                                   f"any of {len(named)} works: " + ", ".join(named),
                      reference=_short(said), maybe_none=True)


def _first_author_key(db, citekey: str) -> str:
    """The key of a paper's first author as the index holds it ('oneil', 'vonwerra'); "" of none."""
    row = db.execute("select first_author from papers where citekey = ?", [citekey]).fetchone()
    return (row[0] or "") if row else ""


def _first_author_name(db, citekey: str) -> str:
    """A paper's first author's name as references.bib writes it ("O'Neil, Cathy"); "" of none."""
    row = db.execute("select authors from papers where citekey = ?", [citekey]).fetchone()
    try:
        first = (json.loads(row[0] or "[]") or [""])[0] if row else ""
    except ValueError:
        return ""
    return first if isinstance(first, str) else ""


def _ambiguous_by_name(key: str, year: int, keys: tuple[str, ...], reference: str | None) -> NoteSource:
    """The papers an author-year citation names by readings of their first authors' names: none is taken."""
    keys = tuple(sorted(set(keys)))
    return NoteSource(None, reason=f"{len(keys)} papers of {year} by a first author named {key!r} as the name "
                                   "may be read: " + ", ".join(keys), reference=reference, several=keys)


def _keys_of_author_year(ctx: NoteContext, note, name: str, year: int) -> list[str]:
    """The note's keys that write `name` and `year` ('luccioni2023', 'Luccioni2023b'), one for each letter after the
    year (or none) its quotes' keys write: read once a note."""
    if ctx.keyed is None:
        ctx.keyed = {}
        for other in note.quotes:
            m = _KEY_AS_AUTHOR_YEAR.fullmatch(other.citekey or "")
            if m:
                # (one work's key however written: 'doe2020', 'Doe_2020'; another's by its letter, 'doe2020b')
                letter = other.citekey[-1].lower() if other.citekey[-1].isalpha() else ""
                ctx.keyed.setdefault((name_key(m.group(1)), int(m.group(2))), {}).setdefault(letter, other.citekey)
    return sorted(ctx.keyed.get((name, year), {}).values())


def _names_its_title(kb: KB, citekey: str, quote: str) -> bool:
    """Whether a note's quote is the title of the paper it cites, whole or before its subtitle's colon (of three
    words or more): a title a sentence names in quote marks, MLA's and Harvard's way, is no passage of the paper."""
    words = normalise_title(quote)
    if len(words.split()) < 3 or len(words) > 400:
        return False
    row = kb.conn.execute("select title from papers where citekey = ?", [citekey]).fetchone()
    title = (row[0] or "") if row else ""
    return bool(title) and words in (normalise_title(title), normalise_title(title.split(":")[0]))


_YEAR_LETTER_CITED = lazy(r"\b((?:1[89]|20)\d\d)([a-z])\.?\s*\Z")


def _lettered_siblings(db, ctx: NoteContext, note, attribution: str | None, cited, citekey: str) -> NoteSource | None:
    """Why an author-year citation with its year's letter ('Luccioni et al. 2023b') is not checked against the one
    paper here of that first author and year, `citekey`, where the note, listing no references, cites that author
    and year with another letter too ('Luccioni & Hernandez-Garcia, 2023a'): two works of which kb holds fewer, the
    paper only the one whose citation names its authors, every one, where no other letter's does; else None."""
    letter = _YEAR_LETTER_CITED.search(attribution or "")
    if letter is None:
        return None
    if ctx.letters is None:             # the note's lettered citations, read once a note
        ctx.letters = {}
        for other in note.quotes:
            said_ = _YEAR_LETTER_CITED.search(other.attribution or "")
            family = notes_text.cited_family(other.attribution) if said_ else ""
            if family:
                ctx.letters.setdefault((name_key(family), int(said_.group(1))), {}) \
                    .setdefault(said_.group(2), set()).add(other.attribution)
    family = notes_text.cited_family(attribution)
    siblings = ctx.letters.get((name_key(family), int(letter.group(1))), {}) if family else {}
    if len(siblings) < 2:
        return None
    held = db.execute("select count(*) from papers where first_author = ? and year = ?",
                      [cited.first_author, cited.year]).fetchone()[0]
    if held >= len(siblings):
        return None

    def names_it(said_: str) -> bool:
        names = notes_text.cited_names(said_)
        return len(names) > 1 and _authors_are(db, citekey, names)

    fits = [x for x, said_ in siblings.items() if any(names_it(a) for a in said_)]
    if fits == [letter.group(2)]:
        return None
    cites = ", ".join(f"{letter.group(1)}{x}" for x in sorted(siblings))
    return NoteSource(None, reason=f"the note cites {len(siblings)} works of {family} {letter.group(1)} ({cites}) and "
                                   f"kb holds {held}, {citekey}, whose authors no citation of {letter.group(1)}"
                                   f"{letter.group(2)} names: which work it is the note does not say",
                      maybe_none=True)


def _authors_are(db, citekey: str, names: list[str]) -> bool:
    """Whether the paper's authors are `names`, every one in that order (family names, as a citation
    naming all of them writes them: 'Lo', 'Wang')."""
    row = db.execute("select authors from papers where citekey = ?", [citekey]).fetchone()
    try:
        authors = json.loads(row[0] or "[]") if row else []
    except ValueError:
        return False
    if len(authors) != len(names) or not all(isinstance(a, str) for a in authors):
        return False
    return all(name_key(n) in cited_keys(a) | {name_key(a.split(",")[0])} for n, a in zip(names, authors))


def _cited_as_written(db, key: str, year: int, keyed_too: bool = False) -> list[str]:
    """The papers of `year` an author-year citation of `key` names by their first author's name as
    references.bib writes it, where no paper's key (BibTeX's reading) is `key`: 'LeCun et al. (1998)' of
    'Yann Le Cun' (keyed cun), 'Nguyen et al. (2019)' of 'Nguyen Van An' (keyed an) (names.cited_keys).
    `keyed_too`: those papers, besides any keyed `key` (which are not among them)."""
    if not keyed_too and db.execute("select 1 from papers where first_author = ? and year = ? limit 1",
                                    [key, year]).fetchone():
        return []
    out = []
    for citekey, authors, keyed in db.execute("select citekey, authors, first_author from papers where year = ?",
                                              [year]):
        if keyed == key:
            continue
        try:
            first = (json.loads(authors or "[]") or [""])[0]
        except ValueError:
            continue
        if isinstance(first, str) and key in cited_keys(first):
            out.append(citekey)
    return out


def resolve_note_source(kb: KB, note, q, ctx: NoteContext | None = None) -> str | None:
    """The citekey a note's quote cites (see `explain_note_source`), or None."""
    return explain_note_source(kb, note, q, ctx).citekey


_LETTERED_YEAR = re.compile(r"\b(?:1[89]|20)\d\d[a-z]\b")


def _page_range(locator: str | None) -> tuple[int, int] | None:
    """'13' -> (13, 13), '3-4' / '3–4' -> (3, 4), '3f' -> (3, 4) (the page after too), '3ff' -> (3, 12) (the pages
    after: ten pages from it, where 'from 3 on' would take any page of a paper whose pages print higher numbers,
    3645-3650); None for what is not a page number ('iv')."""
    if not locator:
        return None
    m = re.fullmatch(r"\s*(\d+)\s*(?:[-–—]+\s*(\d+))?\s*([a-z]{0,2})\.?\s*", locator)
    if not m:
        return None
    a = int(m.group(1))
    b = int(m.group(2)) if m.group(2) else a + {"f": 1, "ff": 9}.get(m.group(3), 0)
    if b < a and m.group(2) and len(m.group(2)) < len(m.group(1)):     # "3645-50"
        b = int(m.group(1)[:len(m.group(1)) - len(m.group(2))] + m.group(2))
    return (a, max(a, b))


def _printed_offset(kb: KB, citekey: str) -> int | None:
    """Pages printed in a proceedings (pages = {3645--3650}): the printed number
    of PDF page 1, so a note may cite either numbering."""
    row = kb.conn.execute("select fields from papers where citekey = ?", [citekey]).fetchone()
    try:
        pages = (json.loads(row[0] or "{}").get("pages") or "") if row else ""
    except ValueError:
        return None
    m = re.match(r"\s*(\d{1,6})", pages)
    return int(m.group(1)) - 1 if m and int(m.group(1)) > 1 else None


def check_page(kb: KB, citekey: str, cited: str | None, page: int, page_end: int,
               printed_offset: int | None = None) -> str | None:
    """Why a page locator does not fit where the quote was found (None when it does,
    or when the locator is no page number). A locator may give the PDF's page or the
    page number printed on it: from the entry's pages field, or ``printed_offset``
    (the numbers the pages print, `Document.printed_offset`)."""
    if cited and "," in cited:
        # several pages, "4,6" ('[@doe2020, pp. 4, 6]'): where the quote is on one of them
        wants = [check_page(kb, citekey, one, page, page_end, printed_offset) for one in cited.split(",")]
        if any(w is None for w in wants):
            return None
        return wants[0].replace(f"p. {cited.split(',')[0]}", f"pp. {cited.replace(',', ', ')}", 1)
    want = _page_range(cited)
    if want is None:
        return None
    found = (page, page_end or page)
    if want[0] <= found[1] and found[0] <= want[1]:
        return None
    offset = _printed_offset(kb, citekey)
    for shift in (offset, printed_offset):
        if shift is not None and want[0] <= found[1] + shift and found[0] + shift <= want[1]:
            return None
    offset = offset if offset is not None else printed_offset
    right = f"{found[0]}" if found[0] == found[1] else f"{found[0]}-{found[1]}"
    printed = ""
    if offset is not None:
        printed = f" (printed p. {found[0] + offset})" if found[0] == found[1] else \
            f" (printed pp. {found[0] + offset}-{found[1] + offset})"
    return f"the note cites p. {cited}, but the quote is on page {right}{printed}"


def on_cited_pages(kb: KB, citekey: str, cited: str | None, quote: str, text: PageText):
    """The match of `quote` within the pages a note's locator cites ("25", "13-14", "4, 6"; as PDF
    pages or as the numbers the pages print), in `text`; None when it is not there. A paper may print
    a sentence on several pages: the one the note cites is the printing it means."""
    offsets = [0] + [o for o in (_printed_offset(kb, citekey), text.doc.printed_offset) if o]
    for one in (cited or "").split(","):
        want = _page_range(one)
        if want is None:
            continue
        for shift in dict.fromkeys(offsets):
            first, last = max(1, want[0] - shift), min(len(text.pages), want[1] - shift)
            if first > last:
                continue
            alone = PageText(text.citekey, text.version, [p if first <= i <= last else ""
                                                          for i, p in enumerate(text.pages, 1)], text.extractor)
            there = matching.find_quote(alone.doc, quote)
            if there is not None and first <= there.page and there.page_end <= last:
                return there
    return None


#: The most quotes kb checks of one note: a long review's notes hold hundreds; a note of 10 MB held 190,000, each
#: looked up in its paper (half a millisecond apiece), kb verify --note taking minutes before a word of it.
MAX_NOTE_QUOTES = 10_000


#: The most entries of a note kb reads as references (footnote definitions, a list of works, elements with an id,
#: bibitems, pandoc's divs), and the most numbered lines it tries as one: each is parsed, 0.2 to 0.8 ms apiece (a note
#: of 200,000 footnote definitions took kb verify --note 39 s); a long review lists a few thousand works.
MAX_NOTE_REFERENCES = 10_000

#: The most bibliography files a note names (its front matter's `bibliography`, `\\bibliography{...}`): each is read
#: whole and its every entry parsed; a note names one or a few.
MAX_NOTE_BIBLIOGRAPHIES = 50


def read_note(text: str, path, command: str):
    """The note `text` read (`parse_note`), refused in one line when it holds more entries read as references than
    kb reads of one note (counted before each is parsed), more quotes than it checks, or names more bibliography
    files than it reads. A note holding a NUL character is refused: no text a person writes holds one, a binary file
    given as the note does (a PDF, a .docx, a zip), and was checked as 'no quotes, 0 restatements', exit 0."""
    nul = text.find("\0")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise UsageError(f"{shown(path)}:{line}: the note holds a NUL character (column {nul - text.rfind(chr(10), 0, nul)}"
                         f"): a binary file, not a note's text; nothing checked",
                         hint="give the note as text (Markdown, LaTeX, HTML, plain text)")
    try:
        note = notes_text.parse_note(text, str(path), MAX_NOTE_REFERENCES)
    except notes_text.TooManyReferences as exc:
        raise LimitExceeded(f"{shown(path)}: the note holds more than {exc.most:,} {exc.what}, more than {command} "
                            f"reads of one note: nothing checked", hint="split the note into smaller ones") from None
    if len(note.bibliography) > MAX_NOTE_BIBLIOGRAPHIES:
        raise LimitExceeded(f"{shown(path)}: the note names {len(note.bibliography):,} bibliography files, more than "
                            f"{command} reads of one note (at most {MAX_NOTE_BIBLIOGRAPHIES:,}): nothing checked",
                            hint="name the files in one bibliography")
    return bounded_note(note, path, command)


def bounded_note(note, path, command: str):
    """`note`, refused in one line when it holds more quotes than kb checks of one note (before any is checked)."""
    count = len(note.quotes)
    if count > MAX_NOTE_QUOTES:
        raise LimitExceeded(f"{shown(path)}: the note holds {count:,} quotes, more than {command} checks of one "
                            f"note (at most {MAX_NOTE_QUOTES:,}): nothing checked",
                            hint="split the note into smaller ones")
    return note


def verify_note(kb: KB, path: Path) -> tuple[list[NoteVerdict], list[tuple[int, str]]]:
    """Check every quote block of a note against the paper it cites: which
    source it resolved to and how, whether the quote is in its text, and
    whether the note's page locator is where the quote is."""

    data = read_input(path, "the note")
    try:
        text = decode_saved(data)
    except UnicodeDecodeError as exc:
        line, byte = undecodable_at(data, exc)
        raise UsageError(f"{shown(path)}:{line}: the note is not UTF-8 ({byte})") from None
    note = read_note(text, path, "kb verify --note")
    ctx = note_context(kb, note, path)
    cache: dict = {}
    out: list[NoteVerdict] = []
    stored = {}
    for r in kb.db.query("select citekey, text, version, status, note from quotes"):
        stored[(r["citekey"], _squash(r["text"]))] = r

    def check(q) -> NoteVerdict:
        found = explain_note_source(kb, note, q, ctx)
        verdict = checked(q, found)
        if found.part and verdict.citekey is not None:
            verdict.message += found.part
        return verdict

    def checked(q, found: NoteSource) -> NoteVerdict:
        source = q.citekey and f"@{q.citekey}" or q.source_link or q.source_text
        citekey = found.citekey
        common = dict(method=found.method, reference=found.reference, cited_page=q.page)
        if citekey is None and found.maybe_none:
            return NoteVerdict(q.line, q.quote, source, None, None, "unchecked", f"{found.reason}: not checked",
                               **common)
        if citekey is None and found.several:
            # never one of them: which the writer meant the citation does not say (nor its year's letter, where
            # the works it may name print none: 'Doe (2020b)' of two works of 2020)
            cited = (q.attribution or found.reference or source or "").rstrip(".")
            ways = "key or title" if _LETTERED_YEAR.search(cited) else "key, title or year letter (2020a)"
            return NoteVerdict(q.line, q.quote, source, None, None, "no-source",
                               f"the citation {cited!r} is ambiguous: {found.reason}; cite the work by its {ways}",
                               failed=True, **common)
        if citekey is None:
            message = f"source not in the knowledge base: {found.reason}"
            if found.reference:
                message = f"source not in the knowledge base: {found.reference}\n    ({found.reason})"
            if found.closest:
                title = kb.conn.execute("select title from papers where citekey = ?", [found.closest]).fetchone()
                message += (f"\n    closest here: {found.closest} \"{_short(title[0] if title else '', 80)}\""
                            f" ({found.closest_score:.2f})")
            return NoteVerdict(q.line, q.quote, source, None, None, "no-source", message, failed=True,
                               closest=found.closest, **common)
        if _names_its_title(kb, citekey, q.quote):
            # 'In "Energy and Policy Considerations for Deep Learning in NLP", they write "..." (Strubell et al. 5)':
            # the work's title the sentence names, no words quoted from its page
            return NoteVerdict(q.line, q.quote, source, None, None, "unchecked",
                               f"the quoted words are the title of {citekey}, no quote of its text: not checked",
                               **common)
        hidden = unshowable(q.quote)
        if hidden is not None:
            # matched without it (quote matching drops it), it stood "ok" as words the note does not show
            # as the paper prints them, as kb quote add and kb verify refuse a stored quote holding one
            return NoteVerdict(q.line, q.quote, source, citekey, None, "problem",
                               f"the quote holds {hidden}; write it without it in the note", failed=True, **common)
        known = stored.get((citekey, _squash(q.quote)))
        version = known["version"] if known else None
        if q.version:
            try:
                version = normalise_version(q.version)
            except KBError:
                return NoteVerdict(q.line, q.quote, source, citekey, None, "problem",
                                   f"version={q.version!r} is not a version (v1, v2, ...)", failed=True,
                                   **common)
            if known and (known["version"] or None) != version:
                known = None
        if known and known["status"] == "unverified":
            return NoteVerdict(q.line, q.quote, source, citekey, version, "unverified",
                               known["note"] or "stored unverified in claims/", **common)
        text_ = load_text(kb.conn, citekey, version, cache)
        if text_ is None:
            return NoteVerdict(q.line, q.quote, source, citekey, version, "no-text",
                               f"kb holds no text of {labelled(citekey, version)}; not checked",
                               **common)
        if (why := another_work(kb, citekey, text_.version, cache)) is not None:
            # found there, it would be verified as a quote of the work the key names now
            return NoteVerdict(q.line, q.quote, source, citekey, version, "problem", why, failed=True, **common)
        match, found_in = find_in_either(kb, text_, q.quote, cache)      # as kb quote add finds it
        older = None
        if match is None and version is None:
            for v in reversed(versions_with_text(kb.conn, citekey)[:-1]):
                other = load_text(kb.conn, citekey, v, cache)
                hit, hit_in = find_in_either(kb, other, q.quote, cache) if other is not None else (None, None)
                if hit is not None:
                    older, match, text_, found_in = text_.version, hit, other, hit_in
                    break
        note_stop = ""
        if match is None and q.kind == "inline" and _NOTE_STOP.search(q.quote):
            # American style sets the writer's full stop inside the closing quote mark
            # ('... research is needed.”' of '... research is needed in order to ...'):
            # the note's punctuation, not the paper's end of sentence
            match, found_in = find_in_either(kb, text_, _NOTE_STOP.sub("", q.quote), cache)
            note_stop = " (the final '.' is the note's: the paper's sentence goes on)"
        if match is None and (bare := notes_text.without_note_numbers(q.quote)) is not None:
            # a note's number the writer copied after a sentence's stop ('... emissions.12 The ...') of a page
            # printing it as a note's mark, not in the sentence: the quote as written was not found
            match, found_in = find_in_either(kb, text_, bare, cache)
            note_stop = " (checked without the note numbers after its sentences' stops)"
        if match is None:
            near = matching.closest_passage(text_.doc, q.quote)
            message = f"not found in {labelled(citekey, text_.version)}"
            if near:
                message += f"; closest, page {near.page}: {near.describe()}"
            elif matching.longer_than_text(text_.doc, q.quote):
                message += f" (the quote, {len(q.quote):,} characters, is longer than all of its text)"
            verdict = NoteVerdict(q.line, q.quote, source, citekey, text_.version, "not-found",
                                  message, failed=True, page=near.page if near else None, **common)
            nears[id(verdict)] = near
            return verdict
        pages = f"page {match.page}" + ("" if match.page == match.page_end else f"-{match.page_end}")
        if older:
            pages += f" of {text_.version} (not in {older}, the newest version kb holds)"
        if found_in is not text_:
            pages += f" (in the second extraction, {found_in.extractor})"
        wrong = check_page(kb, citekey, q.page, match.page, match.page_end, found_in.doc.printed_offset)
        if wrong and (there := on_cited_pages(kb, citekey, q.page, q.quote, found_in)) is not None:
            # printed more than once ('... the P&R optimization.' on pages 13, 24 and 25): the note's page
            # holds it too, and that printing is the one it cites, not the first kb finds
            match, wrong = there, None
            pages = f"page {match.page}" + ("" if match.page == match.page_end else f"-{match.page_end}")
        if wrong:
            return NoteVerdict(q.line, q.quote, source, citekey, text_.version, "wrong-page", wrong,
                               failed=True, page=match.page, page_end=match.page_end, **common)
        return NoteVerdict(q.line, q.quote, source, citekey, text_.version, "ok", pages + note_stop,
                           page=match.page, page_end=match.page_end, **common)

    nears: dict[int, matching.NearMiss | None] = {}

    def named(q, v: NoteVerdict) -> str:
        """A work a quote cites, for a person: "strubell2019energy v1", else as the note cites it."""
        return labelled(v.citekey, v.version) if v.citekey else v.source or (q.attribution or "").rstrip(".")

    def several(pairs: list[tuple]) -> NoteVerdict:
        """The verdict on a quote citing several works ("[3, 4]", "[@a; @b]", "(Doe, 2019; Roe,
        2020)"): the work it is in (on another page: that page); else that it is in none of
        them, naming each, with the closest passage of all of them."""
        n = len(pairs)
        q0, best = min(pairs, key=lambda p: _SEVERAL_ORDER.get(p[1].status, len(_SEVERAL_ORDER)))
        missed = [p for p in pairs if p[1].status == "not-found"]
        if best.status in ("ok", "wrong-page", "unverified") or not missed:
            best.message += f" ({best.source or named(q0, best)}, one of the {n} works cited)"
            if best.status != "ok":
                best.message += "; not in the others: " + ", ".join(
                    f"{named(q, v)} ({_STATUS_WORDS.get(v.status, v.status)})" for q, v in pairs if v is not best)
            return best
        shown = max(missed, key=lambda p: nears[id(p[1])].score if nears.get(id(p[1])) else -1.0)[1]
        near = nears.get(id(shown))
        shown.message = f"in none of the {n} works cited: " + ", ".join(
            f"{named(q, v)} ({_STATUS_WORDS.get(v.status, v.status)})" for q, v in pairs)
        if near:
            shown.message += f"; closest, {labelled(shown.citekey, shown.version)} page {near.page}: {near.describe()}"
        return shown

    def beside(q, verdict: NoteVerdict) -> str:
        """What a verdict says of the works a quote's citation sets beside the ones it cites ('(Doe, 2019; see also
        Roe, 2020)'): never asked as its source; where the quote is not in the works cited, which of them holds it
        (the note attributes to one work words of another), still a failure."""
        signal = q.signal or "see also"
        if verdict.status not in ("not-found", "wrong-page"):
            names = ", ".join(o.citekey and f"@{o.citekey}" or o.source_text or (o.attribution or "").rstrip(".")
                              for o in q.set_beside)
            return f" ({names}, set beside it with '{signal}', no source of the quote: not asked)"
        for other in q.set_beside:
            there = check(other)
            if there.status == "ok":
                return (f"; it is in {named(other, there)} ({there.message.split(' (')[0]}), which the note sets beside"
                        f" the work it cites with '{signal}': no source of the quote, quoted words attributed to"
                        f" another work")
        return f" (nor in the works set beside it with '{signal}', no source of the quote either)"

    for q in note.quotes:
        verdict = check(q)
        if q.place and verdict.status in ("ok", "not-found"):
            verdict.message += f" (the citation's {q.place} is no page: no page checked)"
        if verdict.status != "ok" and q.also:
            verdict = several([(q, verdict)] + [(other, check(other)) for other in q.also])
        elif q.also:
            # (found in the first of them: which of them holds it, as when another does; the others unchecked)
            verdict.message += f" ({verdict.source or named(q, verdict)}, the first of the {1 + len(q.also)} works cited)"
        if q.set_beside:
            said = beside(q, verdict)
            at = verdict.message.find("; closest") if said.startswith(";") else -1
            verdict.message = verdict.message[:at] + said + verdict.message[at:] if at >= 0 \
                else verdict.message + said
        out.append(verdict)
    for line, quote in note.unchecked:
        why = note.unchecked_why.get(quote)
        phrases = getattr(note, "unchecked_titles", {}).get((line, quote)) if why is None else None
        found = _by_named_title(kb.conn, note, ctx, phrases) if phrases else None
        if found is None and why is None:
            # 'As "Energy and Policy Considerations for Deep Learning in NLP" puts it, "..."': the title it names
            titled = _titled_exactly(kb.conn, ctx, quote)
            why = f"the quoted words are the title of {titled}, no quote of its text" if titled else None
        if found is not None:
            q = notes_text.NoteQuote(quote=quote, source_link=None, source_text=None, citekey=None, page=None,
                                     line=line, kind="inline")
            verdict = checked(q, found)
            if verdict.citekey is not None:
                verdict.message += f" (the work its sentence names by its title alone, {found.reference!r})"
            out.append(verdict)
            continue
        out.append(NoteVerdict(line, quote, None, None, None, "unchecked", f"{why}: not checked" if why else
                               "a quoted passage citing nothing kb can read ([@key], [1], \\cite{key}, "
                               "(Author et al., 2019), a link to the reference): not checked"))
    out.sort(key=lambda v: v.line)
    return out, sorted(note.problems + ctx.problems)


#: Which verdict on a quote citing several works speaks for it: the work it is in first.
_SEVERAL_ORDER = {s: i for i, s in enumerate(("ok", "wrong-page", "unverified", "no-text", "not-found",
                                              "no-source", "problem"))}
_STATUS_WORDS = {"not-found": "not found", "no-source": "not in the knowledge base", "no-text": "no text held",
                 "wrong-page": "on another page", "unverified": "stored unverified"}


#: A running-text quote's last full stop, after a word or a number (not an ellipsis's).
_NOTE_STOP = lazy(r"(?<=[^\W_])\.(?=[\"'”’]*\s*$)")


def _squash(text: str) -> str:
    return " ".join(text.split())
