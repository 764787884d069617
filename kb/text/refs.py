"""Reference sections: finding them in page text, splitting entries, pulling
out identifiers, and resolving an entry to a paper of the knowledge base.

Page text is pypdf output, one string per page. Reference lists arrive in it
broken across lines, columns and pages, interleaved with running headers,
footers and page numbers, and followed by appendices; styles differ (numbered
``[12]``, keyed ``[Str19]``, ``1.``, or unlabelled author-year lists). The
splitter works line by line: labelled styles split at their labels, unlabelled
lists split where a line starts with an author list and the entry before it
is complete (it has its year and ends a sentence).

Resolution is deliberately conservative: a wrong citation link is worse than a
missing one, so a title only links with the year within one and the first
author agreeing, and ambiguous candidates link to nothing.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress, count, repeat

from kb.text.ascii import ascii_fold, fix_pdf_accents
from kb.text.ids import (
    bare_arxiv_id,
    find_acl_doi_in_text,
    find_arxiv_in_text,
    find_doi_in_text,
    strip_identifiers,
)
from kb.text.latex import latex_to_text
from kb.text.lazyre import lazy
from kb.text.names import (
    GAELIC_PREFIXES,
    LEGAL_FORMS,
    ROMAN_SUFFIXES,
    VIETNAMESE_FAMILIES,
    acronym_after_name,
    body_word_meant,
    family_name_first,
    firm,
    firm_acronym,
    head_keys,
    holds_body_word,
    initials_in_capitals,
    is_organisation,
    last_name,
    legal_form_at,
    name_after_acronym,
    name_key,
    opens_with,
    the_first,
    without_acronym,
)
from kb.text.titles import MINOR_WORDS, normalise_title, numbers_agree, shortens

# A change to what find_references or parse_entry gives for some text bumps
# kb.graph.tables.READING: knowledge bases whose lists an older reading made are told
# that `kb rebuild` reads them again.

__all__ = [
    "RefEntry",
    "PaperInfo",
    "Resolution",
    "Explained",
    "MarkedReference",
    "parse_reference",
    "PaperIndex",
    "find_references",
    "parse_entry",
    "work_key",
    "title_key",
    "resolve",
    "clean_text",
    "author_tail",
    "author_tails",
    "starts_another_entry",
    "TITLE_THRESHOLD",
]

# A title links only at or above this rapidfuzz ratio (0-100) of normalised
# titles. Chosen so pypdf damage (ligatures, hyphenation, lost spaces) passes
# and one changed content word in a ten-word title does not.
TITLE_THRESHOLD = 92.0
# Between two candidates this close, the evidence is not clear: link neither.
AMBIGUITY_MARGIN = 3.0


@dataclass
class RefEntry:
    """One entry of a reference list; fields match the `refs` table."""

    idx: int
    label: str | None
    raw: str
    page: int | None
    arxiv_id: str | None = None
    doi: str | None = None
    url: str | None = None
    year: int | None = None
    title: str | None = None
    first_author: str | None = None     # name_key() of the first author's last name
    work_key: str | None = None


@dataclass(frozen=True)
class PaperInfo:
    """What resolution needs to know of a paper in the knowledge base."""

    citekey: str
    arxiv_id: str | None = None
    doi: str | None = None
    title: str | None = None
    year: int | None = None
    first_author: str | None = None     # last name, any form; compared via name_key()
    #: the first author as written (or the work's authors as a JSON list, the index's papers.authors): where a
    #: reference cuts an organisation's name to its first words, which words they are (head_keys)
    author_name: str | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Resolution:
    citekey: str
    method: str        # arxiv | doi | title | author-year
    score: float       # 0..1


@dataclass(frozen=True)
class Explained:
    """A resolution with its reasons: what linked, or why nothing did, and the
    paper of the knowledge base closest to the entry (for a person to check)."""

    resolution: Resolution | None
    reason: str = ""                     # why not, when resolution is None
    closest: str | None = None           # citekey of the closest paper
    closest_score: float = 0.0           # 0..1
    #: the papers the entry names as well as each other (the same first author and year, no title
    #: to tell them apart): the entry is ambiguous, and a person picks one
    several: tuple[str, ...] = ()
    #: the entry's arXiv id or DOI is not the paper's its title or names point to (`PaperIndex._ids_apart`): no other
    #: reading of the same citation (its names alone) may find that paper
    ids_apart: bool = False


# --------------------------------------------------------------------------
# Cleaning and comparing (titles: kb.text.titles; names: kb.text.names)

_QUOTES = {"’": "'", "‘": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"'}


def clean_text(text: str) -> str:
    """Readable text for fields: ligatures expanded, pypdf accents merged,
    curly quotes straightened, whitespace collapsed."""
    text = fix_pdf_accents(text)
    if not text.isascii():      # NFKC keeps ASCII as it is; the quotes and the soft hyphen are not ASCII
        text = unicodedata.normalize("NFKC", text)
        for a, b in _QUOTES.items():
            text = text.replace(a, b)
        text = text.replace("\u00ad", "")
    return " ".join(text.split())


def _authors_agree(a: str | None, b: str | None) -> bool:
    """Same first author? Exact keys, or one a suffix of the other (particles:
    'vonwerra'/'werra'; pypdf's split capitals: 'V aswani' -> 'aswani')."""
    return _keys_agree(name_key(a), name_key(b))


def _keys_agree(ka: str, kb_: str, particles: bool = False) -> bool:
    """_authors_agree of two names already name_key()s. With `particles` (a title and year agree
    too), a family name of three letters agrees with itself behind a particle: 'cun' of BibTeX's
    'Yann Le Cun', whose family name it reads as 'Cun', and 'lecun' of 'Le Cun, Yann' or 'LeCun,
    Yann', which the suffix rule's four letters leave out. Not on a name and year alone: 'ong'
    and 'leong', 'duong' are three people's."""
    if not ka or not kb_:
        return False
    if ka == kb_:
        return True
    short, long_ = sorted((ka, kb_), key=len)
    if len(short) >= 4:
        return long_.endswith(short) or long_.startswith(short)
    return particles and len(short) == 3 and long_.endswith(short) and long_[:-3] in _PARTICLE_KEYS


def author_tail(key: str) -> str:
    """The last four letters of a name_key(): how papers are bucketed for
    title matching (and unresolved references found again when a paper with
    that first author arrives)."""
    return key[-4:]


def author_tails(key: str) -> tuple[str, ...]:
    """The buckets (author_tail) of every key _keys_agree with `key`: its own, and for a family
    name of three letters with a particle before it or not ('cun', 'lecun'), the other's; none of no name."""
    if not key:
        return ()
    if len(key) == 3:
        return (key, *sorted({p[-1] + key for p in _PARTICLE_KEYS}))
    if len(key) > 3 and key[:-3] in _PARTICLE_KEYS:
        return (key[-4:], key[-3:])
    return (key[-4:],)


# --------------------------------------------------------------------------
# URLs and years (identifiers: kb.text.ids)

_URL_RE = lazy(r"(?:https?://|www\.)[^\s<>\"]+(?:<[\w.]*::[\w.\-]+>[^\s<>\"]*)*", re.I)    # (a SICI DOI's '<...::...>')
# (a work's two years are its first: the original's and the reprint's, '(1950/2009)', '[1859]', or a range, '2019–2020';
# where the year goes, after the names, from 1600 on: 'Maxwell, J. C. (1865).', 'Darwin, C. 1859.', 'Laplace, P. S., 1812.')
_YEAR_TOKEN_RE = lazy(r"^[(\[]?((?:1[6-9]|20)\d\d)[a-z]?(?:[/–-](?:1[6-9]|20)?\d\d[a-z]?)?[)\]]?[.,:;)]*$")
# (the look behind after the year's first three digits, not before them: the engine scans for a '1' or '2')
_YEAR_ANY_RE = lazy(r"((?:19[5-9]|20[0-4])(?<![\w./:\-]...)\d)(?![\d])")
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")


_URL_GLUED_RE = lazy(r"(?<=[a-z\d])(?:Accessed|Retrieved|Visited|Viewed|Available|Online|Last(?=\s|accessed)"
                     r"|Archived|Consulted|Downloaded)(?![\w\-])"
                     r"|(?<=\.(?:pdf|htm|php|asp|txt|csv|xml|zip|mp4|png|jpg))(?=[A-Z(\[])"
                     r"|(?<=\.(?:html|aspx|json|xlsx|docx|pptx))(?=[A-Z(\[])")


# a piece of a URL after a space or line break: lower case or digits, URL characters only
_URL_PIECE_RE = lazy(r"\s([a-z\d%~/][\w/.\-%#?=&~+:]*)")
_WEB_FILE_RE = lazy(r"\.(?:html?|pdf|php|aspx?|txt|csv|json|xml|zip|md|ipynb)$")
_NOT_URL_WORDS = frozenset("""for and or in on of the to at as by is was via see from with accessed retrieved
visited last available online doi pp vol no pages url link and""".split())


def _rejoin_url(url: str, text: str, end: int) -> str:
    """A URL the PDF broke with a space or line break put back together, as a
    reader would: the piece after the break is lower case, all URL characters,
    not a word of the sentence, and the URL broke where a URL breaks (after '/',
    '.', '-', '_', '=') or the piece is evidently a path ('cd/ef', 'x.html')."""
    for _ in range(4):
        m = _URL_PIECE_RE.match(text, end)
        if not m:
            break
        piece = m.group(1)
        core = piece.rstrip(".,;:)")
        if not core or core.lower() in _NOT_URL_WORDS or _YEAR_TOKEN_RE.match(core):
            break
        if not (url[-1] in "/._-=?&#%" or "/" in core or _WEB_FILE_RE.search(core)):
            break
        if url.endswith(".") and url.count("/") > 2 and "." not in core and "/" not in core:
            break               # a sentence's full stop after a path: 'https://x.org/a. then'
        url, end = url + piece, m.end()
    return url


def _may_hold_url(text: str) -> bool:
    """False when _URL_RE cannot match ('w' has no other case form for re.I to match)."""
    return "://" in text or "www." in text.lower()


def find_url(text: str) -> str | None:
    if not _may_hold_url(text):
        return None
    m = _URL_RE.search(text)
    if not m:
        return None
    url = m.group(0)
    if m.end() < len(text) and text[m.end()].isspace():
        url = _rejoin_url(url, text, m.end())
    # the word after it glued on where the PDF had a line break or a space:
    # '...report.pdfAccessed 2023', '.../energyRetrieved from', '...index.html(accessed'
    glued = _URL_GLUED_RE.search(url, 8)
    if glued:
        url = url[: glued.start()]
    url = url.rstrip(".,;:)]")
    return url if len(url) > 10 else None


def _strip_ids(text: str) -> str:
    return strip_identifiers(_URL_RE.sub(" ", text) if _may_hold_url(text) else text)


# --------------------------------------------------------------------------
# Page furniture: running headers and footers, page numbers

_PAGE_NUMBER_RE = lazy(r"^\s*(?:page\s+)?\d{1,4}\s*(?:of\s+\d{1,4})?\s*$", re.I)
_DIGITS_RE = lazy(r"\d+")
_YEAR_DIGITS_RE = lazy(r"(?:19|20)\d\d")
_EDGE = 3


def _furniture_key(line: str) -> str:
    """A line's digit-blind form, without a number at either end: a journal's running header prints its
    page number at the outer edge, before the header on even pages and after it on odd ones ('14 JOURNAL
    OF THINGS', 'JOURNAL OF THINGS 15'), one header all the same."""
    return _DIGITS_RE.sub("#", " ".join(line.split()).lower()).strip("# ")


def _clean_pages(pages: Sequence[str]) -> list[list[str]]:
    """Lines of each page without running headers/footers and page numbers.

    A line at a page edge (first or last three lines) whose digit-blind form
    recurs at the edges of several pages is furniture; so is a bare number
    there."""
    nonempty = [list(filter(str.strip, (p or "").splitlines())) for p in pages]
    # each page's edge lines (by position among its non-empty lines) and their digit-blind forms
    edges = [{i: _furniture_key(lines[i]) for i in {*range(min(_EDGE, len(lines))),
                                                     *range(max(0, len(lines) - _EDGE), len(lines))}}
             for lines in nonempty]
    counts: Counter[str] = Counter()
    for edge in edges:
        counts.update(set(edge.values()))
    need = max(3, int(0.2 * len(pages)))
    furniture = {k for k, n in counts.items() if n >= need and len(k) > 3}
    # a header printed on every other page of a short paper ('Shen, et al.' atop pages 2 and 4 of four) recurs
    # too few times for that: the very first or last line of two pages, letter for letter, digits included
    # (a reference's line at a page edge, 'arXiv preprint arXiv:2104.10350.', differs from any other by them)
    ends = Counter(line for lines in nonempty if lines for line in {lines[0], lines[-1]})
    headers = {line for line, n in ends.items() if n >= 2 and len(line.strip()) >= 8}
    drops = []
    for lines, edge in zip(nonempty, edges):
        drop = {i for i, key in edge.items() if _PAGE_NUMBER_RE.match(lines[i]) or key in furniture}
        if headers and lines:
            drop |= {i for i in {0, len(lines) - 1} if lines[i] in headers}
        drops.append(drop)
    _keep_first_heading(nonempty, drops)
    return [[ln.rstrip() for i, ln in enumerate(lines) if i not in drop] if drop else list(map(str.rstrip, lines))
            for lines, drop in zip(nonempty, drops)]


def _keep_first_heading(pages: list[list[str]], drops: list[set[int]]) -> None:
    """The first "References" of a list whose heading every page of it prints at its top (a list split across pages,
    its heading printed again: both read as a running header) kept, where no other line heads a list: else the
    list is not read at all."""
    first = None
    if not any(drops):
        return
    for pno, (lines, drop) in enumerate(zip(pages, drops)):
        for i, line in enumerate(lines):
            if _HEADING_RE.match(line):
                if i not in drop:
                    return
                first = first or (pno, i)
    if first is not None:
        drops[first[0]].discard(first[1])


# --------------------------------------------------------------------------
# Section boundaries

_HEADING_RE = lazy(
    r"^\s*(?:\d{1,2}\.?\s*|[IVX]{1,4}\.\s*)?"
    r"(references|bibliography|literature\s+cited|works\s+cited|references\s+and\s+notes|cited\s+literature)"
    r"\s*:?\s*$", re.I)
_END_RES = [
    # "Appendix A.", "A Appendix A - Baseline Details", "App endix A" (pypdf)
    lazy(r"^\s*(?:[A-H](?:\.\d+)*\.?\s+)?(?:appendix|appendices|app\s?endix|supplementary|supplemental)\b",
         re.I),
    # "A ADDITIONAL PLOTS", "B MODEL EVALUATION", "A.2 INFORMATION ..."
    lazy(r"^\s*[A-H](?:\.\d+)*\.?\s+[A-Z][A-Z0-9 ,:;&'/()\-–]{3,}$"),
    # "A.1 Emails sent to authors"
    lazy(r"^\s*[A-H]\.\d+\.?\s+[A-Z][a-z]"),
    lazy(r"^\s*(?:acknowledge?ments?|checklist|author\s+contributions|ethics\s+statement|"
         r"broader\s+impact|limitations)\s*$", re.I),
]
# "A Background & Terminology": a lettered heading in title case, short, no
# sentence punctuation. Only trusted where an entry has just ended.
_END_TITLECASE_RE = lazy(r"^\s*[A-H]\s+[A-Z][a-z]+(?:\s+(?:&|and|of|the|for|on|in|to|[A-Z][\w\-]*))*\s*$")


def _is_end_heading(line: str, prev_complete: bool) -> bool:
    if any(rx.match(line) for rx in _END_RES):
        return True
    return prev_complete and len(line.strip()) < 60 and bool(_END_TITLECASE_RE.match(line))


# --------------------------------------------------------------------------
# Labels

_NUM_LABEL_RE = lazy(r"^\s*\[(\d{1,4})\]\s*")
_KEY_LABEL_RE = lazy(
    r"^\s*\[([A-Za-zÀ-ÿ][A-Za-zÀ-ÿ+\-'’]{0,11}\d{2,4}[a-z]?|[A-ZÀ-Þ][A-Za-zÀ-ÿ+\-'’]{1,11})\]\s*")
_DOT_LABEL_RE = lazy(r"^\s*(\d{1,3})\.\s+(?=[A-ZÀ-Þ])")
# one entry given with its number: the name after it may open with a particle in lower case ('7. van Rossum G,
# Drake FL.', '9. van der Walt, S., ...', '3. al-Khalifa H.'), a capital following the particles
_DOT_LABEL_ENTRY_RE = lazy(r"^\s*(\d{1,3})\.\s+(?=[A-ZÀ-Þ]|(?:(?:van|von|de|del|della|der|den|des|du|da|di|dos|das|la|le|"
                           r"ter|ten|bin|binti|al|el|ibn)[\s-]+)+[A-ZÀ-Þ]|d['’][A-Z])")


def _detect_style(lines: list[tuple[int, str]]) -> str:
    for _, ln in lines[:6]:
        if not ln.strip():
            continue
        if _NUM_LABEL_RE.match(ln):
            return "numbered"
        if _KEY_LABEL_RE.match(ln):
            return "keyed"
        m = _DOT_LABEL_RE.match(ln)
        if m and (m.group(1) == "1" or _first_number(lines, "dotted") > 1):
            return "dotted"
    return "unlabelled"


def _first_number(lines: list[tuple[int, str]], style: str) -> int:
    """The number a numbered ("[10]") or dotted ("10.") list's labels start from: the first label's where the first
    three labels run on from it, one by one ("[10]", "[11]", "[12]": the rest of a list whose first page the text
    lacks, or a list a page's heading splits); 1 otherwise."""
    rx = _NUM_LABEL_RE if style == "numbered" else _DOT_LABEL_RE
    seen: list[int] = []
    for _, ln in lines:
        if m := rx.match(ln):
            seen.append(int(m.group(1)))
            if len(seen) == 3:
                break
    return seen[0] if len(seen) == 3 and seen[0] > 1 and seen == list(range(seen[0], seen[0] + 3)) else 1


# --------------------------------------------------------------------------
# Author lists

_PARTICLES = {"van", "von", "der", "den", "de", "des", "da", "dal", "del", "della", "dei", "degli",
              "di", "do", "du", "dos", "das", "la", "le", "ten", "ter", "bin", "ibn", "al", "el",
              "y", "zu", "af", "och", "st.", "van't"}
# the particles as name_key() writes them, one or two ('le', 'van', 'vander', 'dela'): what a family name of
# BibTeX's reading may lack where another reading of it holds them (_keys_agree)
_PARTICLE_KEYS = frozenset(a + b for a in ("", *_PARTICLES) for b in _PARTICLES
                           if len(b) > 1 and b.isalpha() and (not a or a.isalpha() and len(a) > 1))
# (a hyphenated given name's second part may keep its case: 'W.-t.' for Wen-tau, 'M.-w.')
# (a Russian given name's initial transliterated in two or four letters: 'Yu.' of 'Юрий', 'Zh.', 'Kh.', 'Shch.')
_INITIAL_RE = lazy(r"^[A-Z]\.(?:-?[A-Z]\.|-[a-z]\.)*$|^[A-Z]\.-?[A-Z]$|^[A-Z][A-Z]?-[A-Z]$"
                   r"|^(?:Yu|Ya|Ye|Yo|Zh|Kh|Ts|Sh|Ch|Shch)\.(?:-?[A-Z]\.)*$")
_NAME_WORD_RE = lazy(r"^[A-ZÀ-ÞĀ-Ž][\w'’\-\.]*$")
# any other capital (Greek, Cyrillic, 'Ș'), and an elided particle before one:
# "d'Autume", "dell'Orco", "l'Huillier", or Arabic's article joined by a hyphen: "al-Khwarizmi", "el-Sayed"
_NAME_WORD_OTHER_RE = lazy(r"^(?:(?:d|l|dell|dall|degl|o)['’]|(?:al|el|ad|an|ar|as|ash|at|az)-)?([^\W\d_])[\w'’\-\.]*$")
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# lower-cased words that pass as part of an author list whatever their case
# 'and' in the languages reference lists are printed in: 'Strubell, Emma und Andrew McCallum', 'Dupont, J. et
# Martin, P.', 'Jansen, K. en de Vries, P.', 'Hansen, J. og Berg, K.', 'Silva, J. e Souza, M.'
_CONJUNCTIONS = frozenset({"and", "&", "und", "et", "en", "og", "e"})
_NAME_SMALL_WORDS = frozenset(_PARTICLES | _CONJUNCTIONS | {"al", "al."} | _SUFFIXES)
_SEPARATORS = {",", ";", "&", "/"}      # '/': 'Müller, Hans / Schmidt, Peter (2019):'

_SPACE_BEFORE_PUNCT_RE = lazy(r"\s+([,.;])(?=\s|$)")
_YEAR_DOT_RE = lazy(r"\b((?:19|20)\d\d[a-z]?)\.(?=[A-Z])")
# Every match of the two above holds a match of these. They begin with plain
# characters, which the regex engine scans for quickly (the two above begin
# with \s or \b, tried at every position), so they are searched first and
# rule out most texts for less.
_SPACE_PUNCT_RE = lazy(r"[,.;](?<=\s[,.;])")
_YEAR_DOT_LETTER_RE = lazy(r"(?:19|20)\d\d[a-z]?\.[A-Z]")
_DOT_ARXIV_RE = lazy(r"(?<=[a-z])\.(?=arXiv\b)")
# APA's ellipsis between the first nineteen authors and the last, after an initial's stop and comma, and
# Google Scholar's between its first six and the last, with the '&' before it: 'Dhariwal, P., ... & Amodei, D.'
_NAMES_ELLIPSIS_RE = lazy(r"(?<=[A-Z]\.),\s*(?:\.\s?\.\s?\.|…)\s*(?:&\s*)?(?=[A-Z])")
# Han, kana and Hangul: the scripts whose names and titles have no capitals and no spaces
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_COMMA_LETTER_RE = lazy(r",(?=[A-Za-zÀ-ÿ])")
# (classes of these wide ranges cost milliseconds to compile: the patterns below are used,
# and so compiled, only for text that holds a character from U+3040 on)
_CJK_COMMA_RE = lazy(rf",(?=[{_CJK}])")
# names of those scripts at an entry's start, each of a family name and a given name parted by a space ('李 明, 王 伟.',
# '山田 太郎, 鈴木 花子.'), and each such name of the list up to its stop
_CJK_SPACED_NAME_RE = lazy(rf"[{_CJK}]{{1,2}}\s[{_CJK}]{{1,3}}(?=\s*[,，、.．]|\s+(?:and|&|等)\s)")
_CJK_SPACED_NAMES_RE = lazy(rf"(?:^|(?<=[,，、]\s)|(?<=[,，、]))([{_CJK}]{{1,2}})\s([{_CJK}]{{1,3}})(?=\s*[,，、.．]|\s+(?:and|&|等)\s)")


def _cjk(ch: str) -> bool:
    """Whether a character is of those scripts."""
    return "\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u4dbf" or "\u4e00" <= ch <= "\u9fff" \
        or "\uac00" <= ch <= "\ud7af"


def _cjk_name(word: str) -> bool:
    """A name of those scripts: two to five of their characters ('王小明', '山田太郎')."""
    return 2 <= len(word) <= 5 and word[0] >= "\u3040" and all(map(_cjk, word))


_CJK_ET_AL_RE = lazy(rf"(?<=[{_CJK}])\s*[,，、]?\s*(?:等|他|ほか|외)(?=\s*[.,．。])")
# a full stop between two of their characters, the space after it lost: '李华.深度学习'
_CJK_DOT_RE = lazy(rf"\.(?<=[{_CJK}]\.)(?=[{_CJK}])")


# a line break's hyphen copied out of a PDF with the line break turned into a
# space: "em- beddings", "Bhagavat- ula", "SciB- ERT", "pc- components.html" (from a
# word's start: the match is the one found anyway, without \S* tried at every letter)
_BROKEN_HYPHEN_RE = lazy(r"(?<!\S)(\S*[^\W\d_])- (?!(?:and|or|nor|to|versus|vs)\b)(?=[^\W\d_])")


_CAMEL_END_RE = lazy(r"[a-z][A-Z]+$")
_CAPITALS_RE = lazy(r"[A-Z]{2,}(?![a-z])")


_WORD_END_RE = lazy(r"[^\W_][\w'’]*$")
_WORD_START_RE = lazy(r"[^\W_][\w'’]*")


# the small words a compound of words holds between hyphens ('state-of-the-art', 'end-to-end', 'word-by-word',
# 'plug-and-play', 'one-vs-all'), which a line break after them leaves whole: the hyphen is the compound's. Only these:
# 'for', 'per', 'or', 'in', 'an' start longer words a line break cuts ('feed-for- ward', 'high-per- formance',
# 'higher-or- der', 'scale-in- variant', 'human-an- notated'), and 'the' only after another of them ('graph-the- oretic')
_COMPOUND_SMALL_WORDS = frozenset("of to by and vs versus".split())
_COMPOUND_THE_AFTER = frozenset("of in on at to by off from".split())
# prefixes of three letters or fewer before a small word that starts a longer one ('sub-to- ken', 'un-to- ward')
_SMALL_PREFIXES = frozenset("sub un re de dis mis".split())
# ... and the same small words opening the piece after the break, a hyphen after them ('human-in- the-loop',
# 'out- of-distribution', 'end- to-end'): a word a line break cut goes on with letters, not with a hyphen
_SMALL_WORD_THEN_HYPHEN_RE = lazy(r"(?:of|the|to|by|and|in|on|vs|a)-[^\W\d_]")


def _phrase_compound(word: str, after: str) -> bool:
    """Whether a line break's hyphen between `word` and the text `after` it is a compound's of several words, by its
    small words: the piece before the break one of them after a word of the compound's ('State-of-the- art',
    'End-to- end', 'Step-by- step', 'Plug-and- play'), or the piece after it one followed by the compound's next
    hyphen ('Human-in- the-loop', 'Out- of-distribution'). Between small letters only (the rule of `_keep_hyphen`
    keeps every other hyphen)."""
    if not (word[-1:].islower() and after[:1].islower()):
        return False
    if _SMALL_WORD_THEN_HYPHEN_RE.match(after):
        return True
    pieces = word.split("-")
    if len(pieces) < 2 or not pieces[-2].isalpha():
        return False
    last, before = pieces[-1], pieces[-2].lower()
    if last == "the":
        return before in _COMPOUND_THE_AFTER
    if last not in _COMPOUND_SMALL_WORDS:
        return False
    # after 'to' a word of its own, not a prefix ('multi-to- ken', 'sub-to- pic' are a word a line break cut)
    return len(before) >= 3 and before not in _COMPOUND_PREFIXES and before not in _BOUND_PREFIXES \
        and before not in _SMALL_PREFIXES


def _keep_hyphen(word: str, after: str, breaks: list | None = None) -> bool:
    """Whether the hyphen a line break left between `word` and the text `after`
    it is the word's own: between small letters it is the line break's ('em-
    beddings'), and inside a word of mixed case broken among its capitals ('SciB-
    ERT'); by any other capital it is the word's ('Sentence- BERT', 'V- measure',
    'BERT- Networks'). The choice is noted in `breaks`, for the paper's own text
    to overrule (`_as_the_paper_writes`)."""
    keep = not (word[-1].islower() and after[:1].islower()) and not (
        word[-1].isupper() and after[:1].isupper() and _CAMEL_END_RE.search(word) and _CAPITALS_RE.match(after)) \
        or _phrase_compound(word, after)
    if breaks is not None:
        left, right = _WORD_END_RE.search(word), _WORD_START_RE.match(after)
        if left and right:
            breaks.append((left.group(0), right.group(0), keep))
    return keep


# prefixes a compound keeps with its hyphen ('semi-supervised', 'self-attention', 'multi-task',
# 'non-linear', 'cross-lingual', 'pre-trained', 'co-training'); never the start of a longer word
# that a line break would leave a word of its own after ('pre- diction', 'multi- ple')
_COMPOUND_PREFIXES = frozenset("semi self multi non cross pre post co anti quasi pseudo meta".split())
# ... of which these start no longer word a line break would leave four letters or more after
# ('semi- nar', 'self- ish'): the word after them needs no other printing of its own
_HYPHEN_PREFIXES = frozenset("semi self cross quasi pseudo".split())


def _a_compound(left: str, right: str, text: str) -> bool:
    """Whether `left`-`right`, broken at a line end, is a prefix and a word, as a
    reader reads 'Semi- supervised': the prefix one that compounds take with
    their hyphen, and the word printed alone in `text` (the entry and the paper
    in lower case), not only after this break; after 'semi', 'self', 'cross',
    'quasi', 'pseudo', any word of four letters or more."""
    if left.lower() not in _COMPOUND_PREFIXES or len(right) < 3 or not right.isalpha():
        return False
    if left.lower() in _HYPHEN_PREFIXES and len(right) >= 4:
        return True
    word = re.escape(right.lower())
    return re.search(rf"(?<![\w\-\u00ad])(?<![\-\u00ad]\s){word}(?![\w\-])", text) is not None


def _as_the_paper_writes(title: str, breaks: list, document: str, entry: str = "") -> str:
    """A title's words broken at line ends written as the paper writes them
    elsewhere, as a reader would: with their hyphen ('semi-supervised') or
    without ('SciBERT'), where the rule of `_keep_hyphen` guessed otherwise.
    A word the paper prints nowhere else keeps its hyphen when it is a prefix
    and a word (`_a_compound`; `entry`, the entry's text, has words too).
    Only the title's words are looked up: a search of the paper each."""
    for left, right, keep in breaks:
        if not left.isascii() or not right.isascii():
            left, right = clean_text(left), clean_text(right)
        hyphened, whole = f"{left}-{right}", left + right
        made, other = (hyphened, whole) if keep else (whole, hyphened)
        at = title.find(made)
        if at < 0:
            continue
        if _hyphen_as_written(left, right, keep, document, entry) != keep:
            title = title[:at] + other + title[at + len(made):]
    return title


def _hyphen_as_written(left: str, right: str, keep: bool, document: str, entry: str = "") -> bool:
    """Whether the hyphen a line break left between `left` and `right` is the word's, as the paper writes the word
    elsewhere (`document`, in lower case), where `keep` (the rule of `_keep_hyphen`) guessed otherwise."""
    hyphened, whole = f"{left}-{right}".lower(), (left + right).lower()
    if keep:
        return not (whole in document and hyphened not in document)
    return hyphened in document or left.lower() in _COMPOUND_PREFIXES \
        and whole not in document and _a_compound(left, right, f"{entry.lower()}\n{document}") \
        or _two_words(left, right, document) or _compound_head(left, right) and whole not in document \
        or _compound_last(left, right, entry.lower(), document)


def _joined_as_read(lines: list[str], document: str, entry: str) -> str:
    """An entry's lines as one string, as stored: a word a line break hyphenated put back together and a compound's
    hyphen kept, as its title reads ('Energy-ef-' 'ficient' -> 'Energy-efficient', 'State-of-the-' 'art' ->
    'State-of-the-art', 'Sentence-' 'BERT' -> 'Sentence-BERT'); every other character as printed, spaces collapsed."""
    out, glue = "", False
    for ln in lines:
        soft = ln.rstrip().endswith("\u00ad")         # PDFium's mark of a line break inside a word: no hyphen
        ln = " ".join(_SOFT_HYPHEN_RE.sub("", ln).split()) if "\u00ad" in ln else " ".join(ln.split())
        if not ln:
            continue
        if glue:
            out += ln
        elif out[-1:] == "-" and len(out) >= 2 and out[-2].isalpha() and ln[0].isalpha():
            word = out.rsplit(None, 1)[-1][:-1]
            left, right = _WORD_END_RE.search(word), _WORD_START_RE.match(ln)
            url = "/" in word or "www." in word
            # 'Mc-' 'Farland': a name's prefix the line break cut from the rest, which no one writes with a hyphen
            keep = url or _keep_hyphen(word, ln[:40]) and not (word.endswith("Mc") and word[-3:-2] in ("", " ", "-")
                                                                and ln[0].isupper())
            if left and right and not url:
                left, right = clean_text(left.group(0)), clean_text(right.group(0))
                keep = _hyphen_as_written(left, right, keep, document, entry)
            out = out + ln if keep else out[:-1] + ln
        else:
            out = f"{out} {ln}" if out else ln
        glue = soft
    return out


def _compound_last(left: str, right: str, entry: str, document: str) -> bool:
    """Whether a break between small letters is a compound's hyphen as the entry itself tells: the word before it,
    of four letters or more, closes a compound elsewhere in the entry, a word of its own there ('Sentence-bert: ...
    siamese bert- networks': bert-networks). A word a line break cut leaves no piece a compound closes with ('em-
    beddings'). Only the entry is looked through, and only for a break the paper prints nowhere whole."""
    if len(left) < 4 or len(right) < 4 or not (left.isalpha() and right.isalpha()):
        return False
    first = left.lower()
    if first + right.lower() in document:
        return False
    at = entry.find("-" + first)
    while at >= 0:
        end = at + 1 + len(first)
        if at and entry[at - 1].isalpha() and not entry[end:end + 1].isalnum() and entry[end:end + 1] not in "-\u00ad":
            return True
        at = entry.find("-" + first, at + 1)
    return False


# a compound adjective's second word, after a word of its own that a hyphen joins it to ('knowledge-based',
# 'context-aware', 'data-driven', 'energy-efficient', 'industrial-strength'): no longer word ends with one of them
# after four letters or more but after these, which start longer words ('Inter- dependent', 'Down- scale')
_COMPOUND_HEADS = frozenset("based aware driven enhanced informed oriented specific level scale grained strength "
                            "intensive efficient friendly dependent guided augmented agnostic term".split())
_BOUND_PREFIXES = frozenset("down over under inter intra super hyper counter trans ultra extra".split())


def _compound_head(left: str, right: str) -> bool:
    """Whether `left`- `right`, broken at a line end, is a word and a compound adjective's second word joined by its
    hyphen ('Bibliometric- enhanced', 'Industrial- strength', 'Citation- informed')."""
    return right in _COMPOUND_HEADS and len(left) >= 4 and left.isalpha() and left.lower() not in _BOUND_PREFIXES


def _two_words(left: str, right: str, document: str) -> bool:
    """Whether a break between small letters the paper prints nowhere else, whole or hyphened, is a compound's
    hyphen between two words of four letters or more, as the paper's own words tell: the first one it compounds
    elsewhere with a hyphen ('Citation- informed' beside 'citation-based'), or both it prints alone ('siamese bert-
    networks' beside 'bert' and 'networks'). A word a line break cut ('em- beddings', 'Trans- formers') leaves a
    piece the paper neither compounds nor prints alone. (Found with str.find: a regular expression's look-behind
    is tried at every character of the paper.)"""
    if len(left) < 4 or len(right) < 4 or not (left.isalpha() and right.isalpha()) or not document:
        return False
    first, second = left.lower(), right.lower()
    if first + second in document:
        return False
    return _printed(first, document, compound=True) \
        or _printed(first, document) and _printed(second, document)


def _printed(word: str, document: str, compound: bool = False) -> bool:
    """Whether `document` prints `word` as a word of its own (no letter, hyphen or soft hyphen either side, nor a
    line break's hyphen and space before it), or with `compound` as a compound's first part ('citation-based')."""
    at = document.find(word)
    while at >= 0:
        end = at + len(word)
        before = document[at - 1] if at else " "
        if not (before.isalnum() or before in "_-\u00ad") \
                and not (at >= 2 and before.isspace() and document[at - 2] in "-\u00ad"):
            after = document[end:end + 2]
            if compound:
                if after[:1] == "-" and after[1:2].islower():
                    return True
            elif not after or not (after[0].isalnum() or after[0] in "_-\u00ad"):
                return True
        at = document.find(word, at + 1)
    return False


def _unbreak_words(text: str, breaks: list | None = None) -> str:
    """Words broken at a line end put back together when the break is a space:
    between lower-case letters the hyphen goes ('em- beddings' -> 'embeddings');
    by a capital or in a URL it stays ('Sentence- BERT', 'V- measure'), except
    inside a word of mixed case broken among its capitals ('SciB- ERT' ->
    'SciBERT'). A hyphen before 'and', 'or', 'to' is a word's ('energy- and
    carbon-intensive')."""
    if "- " not in text:
        return text

    def repl(m: re.Match[str]) -> str:
        word = m.group(1)
        if "/" in word or "www." in word:
            return word + "-"
        return word + "-" if _keep_hyphen(word, text[m.end(): m.end() + 40], breaks) else word

    return _BROKEN_HYPHEN_RE.sub(repl, text)


_HEAD = 200             # characters of an entry its names are looked for in
_SPACE_BEFORE_MARK_RE = lazy(r"(?<=\w)\s+([:?!])(?=\s|$)")
# the small words of French that no English title holds ('le', 'des', 'une', 'pour', "l'", ...)
_FRENCH_WORD_RE = lazy(r"(?i)(?<!\w)(?:le|la|les|de|des|du|un|une|en|et|à|au|aux|pour|dans|sur|avec|est|[ldjq][u]?['’](?=\w))(?!\w)")
_GERMAN_ET_AL_RE = lazy(r"\s+u\.\s?a\.(?=[\s,:;(])")


_PARTICLE_INITIALS_RE = lazy(r"(?<=[A-Z]\.)(?:\s+[vd]\.)+(?=[,;]|\s+(?:and|&)\s|\s+\(?(?:1[6-9]|20)\d\d\b)")
# a country's or union's initialism spaced as initials, opening a body's name ('U. S. Department of Energy',
# 'U. K. House of Commons', 'U. N. Environment Programme', 'E. U. Agency for ...'), up to its stop or bracket
_SPACED_INITIALISM_RE = lazy(r"^(U\.\s[SKN]\.(?:\sA\.)?|E\.\sU\.)\s+([A-Z][^.,;:()\[\]]{2,80})")


def _prep_names(text: str) -> str:
    """Undo pypdf damage around name punctuation: 'V . Le' -> 'V. Le',
    'D. ,' -> 'D.,', 'N.,Prasad' -> 'N., Prasad'."""
    if _SPACE_PUNCT_RE.search(text):
        text = _SPACE_BEFORE_PUNCT_RE.sub(r"\1", text)
    if text[1:3] == ". " and (spaced := _SPACED_INITIALISM_RE.match(text)) \
            and is_organisation(spaced.group(2).strip()):
        # ... is the body's name, as printed unspaced, never a person's initials ('U. S. Rao' stays a person)
        text = spaced.group(1).replace(" ", "") + text[spaced.end(1):]
    if _YEAR_DOT_LETTER_RE.search(text):
        text = _YEAR_DOT_RE.sub(r"\1. ", text)          # "2021.A framework"
    if ".arXiv" in text:
        text = _DOT_ARXIV_RE.sub(". ", text)            # "Transformer.arXiv"
    if ". . ." in text or "…" in text or "..." in text:
        text = _NAMES_ELLIPSIS_RE.sub(", ", text)       # APA's 'Castro, P. G., . . . Walton, N. (1999).'
    if " u." in text[:_HEAD]:
        # German's 'u. a.' (und andere) closing the names is 'et al.': 'Müller, H. u. a. (2019): Eine ...'
        # (not a title's 'unter anderem': none after the year)
        et_al = _GERMAN_ET_AL_RE.search(text, 0, _HEAD)
        if et_al and not _YEAR_ANY_RE.search(text, 0, et_al.start()):
            text = f"{text[:et_al.start()]} et al.{text[et_al.end():]}"
    if " v." in text[:_HEAD] or " d." in text[:_HEAD]:
        # a family name's particles cut to their initials after the given name's, as some APA lists print them
        # ('Maaten, L. v. d., & Hinton, G.', 'Oord, A. v. d.,'): of the family name, no title's words
        text = _PARTICLE_INITIALS_RE.sub("", text)
    if not text.isascii() and max(text) >= "\u3040":
        text = _CJK_COMMA_RE.sub(", ", _CJK_DOT_RE.sub(". ", text))     # "王小明,李华.深度学习"
        if _CJK_SPACED_NAME_RE.match(text):
            # a family name and a given name parted by a space, as some lists print them ('李 明, 王 伟.', '李\u3000明'
            # read as a space): one name, as '李明' ('李 明, 王 伟. 深度学习[J].' had no title)
            text = _CJK_SPACED_NAMES_RE.sub(r"\1\2", text)
        et_al = _CJK_ET_AL_RE.search(text)
        if et_al and "." not in text[:et_al.start()]:
            # 'et al.' as those scripts write it, in the author list (before its first full stop):
            # '王小明, 李华, 等.', '王小明等.', '山田太郎, 他.', '김철수 외.'
            text = text[:et_al.start()] + " et al" + text[et_al.end():]
    return _COMMA_LETTER_RE.sub(", ", text)


_LOWER_WORD_RE = lazy(r"[a-z]{2,}")


class _Tokens:
    """Whitespace tokens of a text, with pypdf's split capitals re-joined:
    'Y oshua', 'V erga' (kerning turned into a space) count as one name.

    `words` holds the tokens, from the first `limit` whitespace-separated words
    of the text; `cut` says whether the text held more (the last token may then
    lack its other half). A token's offsets in the text are found only when
    asked (`start`, `end`): the walk needs them only where the list ends."""

    __slots__ = ("_last", "_raw", "cut", "text", "words")

    def __init__(self, text: str, limit: int = 400):
        raw = text.split(None, limit)
        self.cut = len(raw) > limit
        if self.cut:
            raw.pop()                       # the rest of the text, unsplit
        self.text = text
        self._raw = raw
        # per token, the index in `raw` of its last word; None: one word each
        self._last: list[int] | None = None
        self.words = raw
        if 1 not in map(len, raw):         # no one-letter word: nothing to re-join
            return
        # the capitals to join to the word after them (never that word itself: it is in lower case)
        n = len(raw)
        joins = [i for i in compress(count(), map((1).__eq__, map(len, raw)))
                 if "A" <= raw[i] <= "Z" and i + 1 < n and _LOWER_WORD_RE.match(raw[i + 1])]
        if not joins:
            return
        words: list[str] = []
        last: list[int] = []
        done = 0
        for i in joins:
            words += raw[done:i]
            last += range(done, i)
            words.append(raw[i] + raw[i + 1])
            last.append(i + 1)
            done = i + 2
        words += raw[done:]
        last += range(done, n)
        self.words, self._last = words, last

    def _word_start(self, k: int) -> int:
        """Offset of the k-th whitespace-separated word: split() keeps the
        text after its first k words as it is, from that word on."""
        return len(self.text) - len(self.text.split(None, k)[k])

    def start(self, j: int) -> int:
        """Offset of token j's first character."""
        if self._last is None:
            return self._word_start(j)
        return self._word_start(self._last[j - 1] + 1 if j else 0)

    def end(self, j: int) -> int:
        """Offset just after token j."""
        k = j if self._last is None else self._last[j]
        return self._word_start(k) + len(self._raw[k])


@lru_cache(maxsize=1 << 14)
def _is_initial(tok: str) -> bool:
    if not tok.isascii():           # 'Ö.', 'Ł.', 'Š.-J.'
        if len(tok) > 8:
            return False
        tok = ascii_fold(tok)
        if not tok.isascii():       # of another alphabet: 'И.', 'И.И.', 'Γ.', 'Ж.-П.'; 'И.И' its last stop cut
            core = tok.replace("-", "")
            parts = core.removesuffix(".").split(".")
            return len(core) >= 2 and (core[-1] == "." or len(parts) >= 2) and all(
                len(part) == 1 and part.isupper() for part in parts)
    return bool(_INITIAL_RE.match(tok))


def _is_capital(tok: str) -> bool:
    """A lone capital, with or without its full stop ('B', 'Ø.')."""
    return 0 < len(tok) <= 2 and tok[0].isupper() and tok[0].isalpha() and tok[1:] in ("", ".")


@lru_cache(maxsize=1 << 16)
def _name_like(tok: str) -> bool:
    """Could `tok` be part of an author list? (Cached: every window of lines and
    every growing entry is walked from its start, so the same words recur.)"""
    core = tok.strip("(),;.")
    if not core:
        return True
    if _NAME_WORD_RE.match(core) or core.lower() in _NAME_SMALL_WORDS:
        return True
    m = _NAME_WORD_OTHER_RE.match(core)
    if m and m.group(1).isupper():
        return True
    # a Chinese, Japanese or Korean name: a few characters of a script without capitals ('王小明', '山田太郎')
    return _cjk_name(core)


@dataclass(frozen=True)
class _AuthorSplit:
    authors: str            # the author list as printed
    rest: str               # what follows (title onwards)
    year: int | None        # year printed right after the authors (author-year styles)
    kind: str               # 'year' (names then year) | 'period' (names then title) | 'comma' (names, then a
    #                         title closed by a comma as IEEE's with no quotes is: it may end before its venue)


@lru_cache(maxsize=256)
def _split_authors(text: str) -> _AuthorSplit | None:
    """Walk name-like tokens from the start of an entry until the author list
    ends: at a year right after them ('... McCallum. 2019.') or at a word
    ending in a full stop that is not an initial ('... N. D. Lawrence. Kernels').
    The walk reads the first few dozen tokens first, and all 400 only if it gets
    near their end undecided: the answer is the same, for less work. (Cached: the
    splitter asks of the same lines more than once, and parse_entry of the whole
    entry again.)"""
    for limit in (40, 400):
        tokens = _Tokens(text, limit)
        n = len(tokens.words)
        split = _walk_authors(tokens, n - 2 if tokens.cut and limit < 400 else n + 1)
        if split is not _UNDECIDED:
            return split
    return None


_UNDECIDED = object()
_GIVEN_PART_RE = lazy(r"[a-z]{2,8}")
_FAMILY_COMMA_RE = lazy(r"[A-Z][a-z]+,")
_FAMILY_STOP_RE = lazy(r"[A-Z][a-z]+\.")
_NAME_INITIALS_RE = lazy(r"\s*\S+\s+(?:[A-Z]\.\s*){1,3}")


@lru_cache(maxsize=1 << 16)
def _token_facts(tok: str) -> tuple[int, bool, bool, bool, bool, bool, bool, bool, bool]:
    """What the author walk asks of a token, asked once (every window of lines and
    every growing entry is walked from its start, so the same words recur): its
    year (0: none), whether it separates names or may be part of one; and of its
    core (without a closing comma or semicolon) whether it is 'and' or '&', ends
    in a full stop, is an initial, a suffix ('Jr.'), 'al.', in capitals."""
    ym = _YEAR_TOKEN_RE.match(tok) if tok[0] in "([12" else None
    if ym and tok[0] == "1" and tok[1] != "9" and tok[-1].isalnum():
        ym = None       # a year before 1900 closed by nothing is a title's number: 'Smith, J. 1750 ways to ...'
    core = tok.rstrip(",;")
    low = core.lower()
    dotted = core[-1:] == "."
    return (int(ym.group(1)) if ym else 0, tok in _SEPARATORS, _name_like(tok), len(core) <= 3 and low in _CONJUNCTIONS,
            dotted, dotted and _is_initial(core), low in _SUFFIXES, low == "al.", core.isupper())


# the year closing an entry: ', 2003.', ' (2003).'
_YEAR_AT_END_RE = lazy(r"[\s,(]((?:1[6-9]|20)\d\d)[a-z]?\)?\.?\s*$")


def _status_at(tokens: _Tokens, i: int) -> re.Match | None:
    """No date, or the work's state, where an author-year style prints the year: token i opens
    '(n.d.)', 'n.d.' after a stop or comma, '(in press)', '(forthcoming)', ACM's '[n. d.]', APA's
    second work of no date '(n.d.-b)'."""
    tok = tokens.words[i]
    if tok[0] in "([" and tok[1:2].isalpha() or tok[:2] in ("n.", "N.") and i and tokens.words[i - 1][-1] in ".,":
        return _STATUS_AT_RE.match(tokens.text, tokens.start(i))
    if tok[0] in _STATUS_CAPITALS and i and tokens.words[i - 1][-1] in ".,":
        # ... or a sentence of its own after the names, as ACL's and Chicago's lists print it: 'Karen Jones. In
        # press. A study ...', 'Smith, John. Forthcoming.' (closed by its stop: 'Forthcoming changes in ...' is a title)
        status = _STATUS_AT_RE.match(tokens.text, tokens.start(i))
        return status if status and status.group(0)[-1] in ".,:" else None
    return None


# the capitals the states of a work open with ('In press', 'Forthcoming', 'To appear', 'Accepted', ...)
_STATUS_CAPITALS = frozenset("IFTASU")


def _opens_title_after_suffix(word: str, facts: tuple) -> bool:
    """Whether `word`, after a suffix and its stop closing an inverted name ('Steele, G. L., Jr.'), opens a title: a
    capitalised word, no year, no date's bracket, no initial, no conjunction ('and', '&': another name follows)."""
    year, _sep, _like, conj, _dotted, initial, suffix, _al, _capitals = facts
    return word[:1].isupper() and not (year or conj or initial or suffix) and word[:1] not in "([" \
        and not _is_initial(word.rstrip(",."))


def _chicago_given_first(words: list[str], i: int) -> bool:
    """Whether words[i], closed by a comma (or by a stop before the year), is the family name of a name given first
    with a middle initial, as Chicago and MLA print the names after the first, inverted with its given name in full:
    'Maas, Andrew L., Raymond E. Daly, Peter T. Pham, ...', '..., and Raymond E. Daly. 2011.' (not a title after Vancouver's or APA's initials: 'Courville, A. Deep
    Learning.', 'Courville A. Deep, wide nets.', the first name's given name an initial or no comma after it)."""
    if i < 4 or not words[0].endswith(",") or not (words[1][:1].isupper() and words[1][1:2].islower()) \
            or _is_initial(words[1].rstrip(",")):
        return False
    given = words[i - 2]
    return given[:1].isupper() and given[1:].isalpha() and given[1:].islower() and words[i - 3][-1] in ",d" \
        and (words[i - 3][-1] == "," or words[i - 3] in ("and", "&"))


def _walk_authors(tokens: _Tokens, horizon: int):
    """_split_authors over `tokens`; _UNDECIDED if it had to read the token at `horizon`."""
    text, words = tokens.text, tokens.words
    n = len(words)
    n_names = 0
    seps = 0
    initials = 0
    last_initial: tuple[int, int] | None = None     # (token index, names so far)
    facts = _token_facts
    for i, tok in enumerate(words):
        if i >= horizon:
            return _UNDECIDED
        year, sep, like, conj, dotted, initial, suffix, al, capitals = facts(tok)
        if year and n_names >= 1 and tok[-1].isdigit() and tok[0] != "(" and words[i - 1][-1] == "." \
                and (closing := _YEAR_AT_END_RE.search(text)) and int(closing.group(1)) != year:
            # a number like a year, no stop after it, opening the title after the names' stop, the entry closed by
            # its own year: '..., and J. C. Marshall. 2001 SCCM/ESICM/... Conference. Intensive Care Med, 2003.'
            end = tokens.end(i - 1)
            return _AuthorSplit(text[:end].rstrip(" ,."), text[end:], None, "period")
        # a year right after the names (n_names >= 1: this is not the first token)
        # (in brackets, with no stop before it: 'Strubell E, McCallum A (2019) Energy', 'Ernst & Young (2019).')
        if year and n_names >= 1 and (tok[0] == "(" or words[i - 1][-1] in ".:"
                                      # (one name too when a colon closes the year, as the AMS prints it: 'IPCC, 2021: Title')
                                      or (words[i - 1][-1] == "," and (n_names >= 2 or tok[-1] == ":"))
                                      # Harvard (AGPS): '... & McCallum, A 2019, 'Energy and ...''
                                      or seps and tok[-1] == "," and _initials_caps(words[i - 1])):
            return _AuthorSplit(text[: tokens.end(i - 1)].rstrip(" ,.:"), text[tokens.end(i):], year, "year")
        # no date, or the work's state, where the year goes: 'Smith J (n.d.) Title', 'Google. (n.d.). Title.',
        # 'Google. n.d. "Title."', 'Smith, J. (in press).'
        if n_names >= 1 and (tok[0] in "([" or tok[0] in "nN" and tok[1:2] == "." or tok[0] in _STATUS_CAPITALS) \
                and (status := _status_at(tokens, i)):
            return _AuthorSplit(text[: tokens.end(i - 1)].rstrip(" ,.:"), text[status.end():], None, "year")
        if sep:
            seps += 1
            continue
        if tok in ("No.", "Nr.", "no.") and i + 1 < n and words[i + 1][:1].isdigit():
            break               # a report's number, its stop no name's: 'Title, Technical Report No. 12, IEA, 2023.'
        last = tok[-1]
        if initials and i >= 2 and words[i - 1][-1] == "," and tok[:1].isupper() and not (initial or conj or suffix) \
                and (closed := _title_after_initials_first(words, i)):
            # IEEE's and Elsevier's title with no quotes after the names, each opening with initials: 'I.
            # Goodfellow, Y. Bengio, A. C. Courville, Deep Learning. MIT Press, 2016.'
            return _AuthorSplit(text[: tokens.end(i - 1)].rstrip(" ,."), text[tokens.start(i):], None, closed)
        if last == ":" and i >= 2 and words[i - 1][-1] == "," and _full_names_before(words, i):
            # a title's head word and its colon after names given in full: 'Jacob Devlin, ..., and Kristina
            # Toutanova, BERT: Pre-training of ...' (_full_names_before)
            return _AuthorSplit(text[: tokens.end(i - 1)].rstrip(" ,."), text[tokens.start(i):], None, "comma")
        if last == ":" and i >= 3 and (k := next((k for k in (i - 2, i - 3) if k > 0 and words[k][-1] == ","), 0)) \
                and all(w[:1].isupper() and w[-1] != "," and not _is_initial(w) for w in words[k + 1:i]) \
                and any(w in ("and", "&") for w in words[:k]) and _full_names_before(words, k + 1):
            # ... a head of two or three words after names given in full, the list closed by its conjunction
            # ('Stuart Russell and Peter Norvig, Artificial Intelligence: A Modern Approach'), as a list joining names
            # with commas alone may hold a name before its colon ('Emma Strubell, Andrew McCallum: Energy ...')
            return _AuthorSplit(text[: tokens.end(k)].rstrip(" ,."), text[tokens.start(k + 1):], None, "comma")
        if last == ":" and seps == 1 and i and (k := next((k for k in range(i - 1, max(i - 4, -1), -1)
                                                             if words[k][-1] == ","), -1)) >= 0 \
                and all(w[:1].isupper() and not _is_initial(w) for w in words[k + 1:i]) \
                and _body_then_title_head(text[:tokens.end(k) - 1], words[k + 1].rstrip(":"), text):
            # an organisation's name, its comma, then a title's head of a word or three and its colon: 'Google
            # DeepMind, Gemini: A Family of ...', 'OpenAI, GPT-4: Technical Report', 'Microsoft, ONNX Runtime: ...'
            # (not a name inverted: 'Müller, Hans: Die Welt', 'Müller, Hans Peter: Die Welt')
            return _AuthorSplit(text[: tokens.end(k)].rstrip(" ,."), text[tokens.start(k + 1):], None, "comma")
        if last == ":" and i == 1 and _vancouver_colon_name(words[0], tok[:-1], words[2] if n > 2 else "", text):
            # Vancouver's one author, a family name and its initials in capitals, then a colon and the title:
            # 'Smith J: A study of things. 2019.', 'Nguyen VA: Deep learning ...' (not 'Part II: ...', 'Type A: ...')
            end = tokens.end(i)
            return _AuthorSplit(text[:end].rstrip(" ,.:"), text[end:], None, "period")
        if last == ":" and len(tok) > 1 and n_names >= 1 and _name_like(tok[:-1]) \
                and (seps or initials or _is_initial(tok[:-1])) \
                and not (words[i - 1][-1] == "," and _is_initial(words[0]) and not _is_initial(tok[:-1])) \
                and not (words[i - 1][-1] == "." and not _is_initial(tok[:-1]) and tok[:-1].lower() not in _SUFFIXES
                         and _inverted_before(words, i)) \
                and not (words[i - 1][-1] == "." and _is_initial(words[i - 1])
                         and (any(w[-1] == "," and (_initials_caps(w[:-1]) or k and words[k - 1][-1:].isalpha()
                                                        and _is_initial(w[:-1]))
                                  for k, w in enumerate(words[:i - 1]))
                              or i >= 2 and words[i - 2][-1:].isalpha() and not _is_initial(words[i - 2])
                              and _vancouver_title_word(tok[:-1], text)
                              or _gost_one_author(words, i - 1, text))):
            # Springer: "Strubell, E., Ganesh, A., McCallum, A.: Energy and ..." (not a title's first word after
            # a list of initials first: 'A. van den Oord, WaveNet: a ...'; nor after Vancouver's last initial and
            # its stop, the others' initials printed without, or with their stops and no comma before them as
            # GOST prints them: 'Devlin J, Chang MW, Toutanova K. Bert: Pre-training', 'Kingma D.P., Ba J. Adam: ...';
            # nor after Vancouver's one author, family name and initial with no comma between, where the word is
            # no family name, or the entry closes as Vancouver does: 'Radford A. GPT-2: Language ...', 'Radford
            # A. Gpt: Improving ... 2018.'; DBLP's 'Emma A. Strubell: Energy ... ACL 2019: 1-10' is one author)
            end = tokens.end(i)
            return _AuthorSplit(text[:end].rstrip(" ,.:"), text[end:], None, "period")
        if not like:
            prev = words[i - 1] if i else ""
            # 'Hazem, L., Belkada, Y., and others. 2020.': the list goes on to its end
            if tok.rstrip(",.;") == "others" and prev.lower() in ("and", "&") and n_names >= 1:
                n_names += 1
                if tok[-1] == ".":
                    if i + 1 < n and facts(words[i + 1])[0]:
                        continue
                    end = tokens.end(i)
                    return _AuthorSplit(text[:end].rstrip(" ,."), text[end:], None, "period")
                continue
            if n_names >= 1 and tok.rstrip(".") in _LOWER_LEGAL_FORMS and prev[:1].isupper() and i + 1 < n \
                    and facts(words[i + 1])[0] and not any(w[-1] in ",;" for w in words[:i]):
                # a firm's lower-case legal form closing its name, its year after it: 'Marks & Spencer Group plc
                # (2021).', 'BP p.l.c. 2020.' (no list of names before it)
                n_names += 1
                continue
            # a quoted title after the names: 'A. Ganesh, and A. McCallum, "Energy and ...'
            if tok[:1] in "\"“«" and n_names >= 2 and prev.endswith(","):
                return _AuthorSplit(text[: tokens.end(i - 1)].rstrip(" ,."), text[tokens.start(i):], None, "period")
            # a lower-case part of a given name: "Xiang qian Qi,"; the last author's too, the list's year after
            # the family name's stop: '..., and Cheng xiang Zhai. 2014.' (a name of its own after a separator)
            if _GIVEN_PART_RE.fullmatch(tok) and prev and prev[-1].isalpha() and prev[0].isupper() \
                    and i + 1 < n and (_FAMILY_COMMA_RE.fullmatch(words[i + 1])
                                       or _FAMILY_STOP_RE.fullmatch(words[i + 1]) and i + 2 < n
                                       and facts(words[i + 2])[0] and i >= 2
                                       and (words[i - 2][-1] == "," or facts(words[i - 2])[3])):
                continue
            break
        if not (conj or initial or suffix) and tok[:1].isupper() and i >= 2 and words[i - 1][-1] == "." \
                and _is_initial(words[i - 1]) and (_name_closed(words, i - 1) or _gost_one_author(words, i - 1, text)) \
                and not (last == "," and i + 1 < n and _is_initial(words[i + 1].rstrip(",;"))) \
                and not ((last == "," or last == "." and i + 1 < n and facts(words[i + 1])[0])
                         and _chicago_given_first(words, i)):
            # a capitalised word after a name its initials close, no separator between: a title in title case
            # ('Courville, A. Deep Learning. MIT Press, 2016.', 'Courville A. Deep Learning.' among Vancouver's;
            # not a name after a lost comma: 'McMillan-Major, A. Shmitchell, S. On the ...')
            end = tokens.end(i - 1)
            return _AuthorSplit(text[:end].rstrip(" ,."), text[end:], None, "period")
        n_names += 1
        if last == "," or conj:
            seps += 1
        if not dotted or tok == "St.":         # 'St. John M': a particle with its stop
            continue
        if i and i + 1 < n and tok.rstrip(",.") in _STACKED_LEGAL_FORMS and words[i + 1].rstrip(",.") \
                in _STACKED_LEGAL_FORMS and words[i - 1][:1].isupper():
            continue        # a firm's two legal forms, the first no end of the list: 'Samsung Electronics Co., Ltd. (2021).'
        if initial:
            initials += 1
            last_initial = (i, n_names)
            continue
        if suffix and last == "." and i >= 2 and words[i - 1][-1] == "," and i + 1 < n \
                and _opens_title_after_suffix(words[i + 1], facts(words[i + 1])):
            # a suffix closing a name inverted, its sentence's stop the list's, a title after it, no year between:
            # 'Steele, G. L., Jr. Common Lisp: The Language. Digital Press, 1990.', 'King, Martin Luther, Jr. Why
            # We Can't Wait. 1964.' (not 'Morris Jr., J.H.' nor 'King, M. L., Jr. (1963).')
            end = tokens.end(i)
            return _AuthorSplit(text[:end].rstrip(" ,."), text[end:], None, "period")
        # 'Jr.' is a suffix, 'JR.' after a family name initials in capitals ('Kind AJH, Smith JR.')
        if not suffix or capitals and i and words[i - 1][-1:].isalpha():
            if i + 1 < n and (facts(words[i + 1])[0] or (words[i + 1][0] in "([nN" or words[i + 1][0] in _STATUS_CAPITALS)
                              and _status_at(tokens, i + 1)):
                continue           # the year (or no date) closes the list on the next round
            # (one name of a script without capitals is one author: '王小明. 深度学习 ...')
            # (Vancouver's one author: a family name and initials in capitals, 'Turing AM. Computing ...';
            # not a venue, 'In ACL.', 'ACM CCS.')
            if initials and not seps and last_initial is not None and _title_after_initial(words, last_initial[0], i):
                # one name closed by its initials, then a title in title case, as no family name after a middle
                # initial is: 'Dupont J. Les Réseaux des Neurones. Dunod; 2019.' (not 'Emma A. Strubell.')
                end = tokens.end(last_initial[0])
                return _AuthorSplit(text[:end].rstrip(" ,."), text[end:], None, "period")
            if al or (n_names >= 2 and (seps or initials)) \
                    or i == 1 and capitals and len(tok) <= 4 and tok[:-1].isalpha() and words[0][-1:].isalpha() \
                    and not words[0].isupper() and words[0].lower() not in _FUNCTION_WORDS \
                    or i == 0 and _cjk_name(tok[:-1]):
                end = tokens.end(i)
                return _AuthorSplit(text[:end].rstrip(" ,."), text[end:], None, "period")
            return None            # "Environmental Protection Agency." is no author list
    # ran into a non-name word: end the list at the last initial if there was a
    # list before it ("Bender, E., Gebru, T., Shmitchell, S. On the ...",
    # "Kärcher B. Formation and ...")
    if last_initial is not None:
        j, names = last_initial
        # initials before the family name ('Y. LeCun, Y. Bengio, G. Hinton, Deep learning, ...'): the list
        # ends with the family name after the last initials, of a word or more ('G. García Márquez, Cien ...')
        if _is_initial(words[0]):
            for k in range(j + 1, min(j + 4, n)):
                word = words[k].rstrip(",.")
                if not (_NAME_WORD_RE.match(word) or word in _PARTICLES) or _is_initial(words[k].rstrip(",")):
                    break
                if words[k][-1:] in ",.":
                    # (its comma IEEE's and the AMS's before a title with no quotes, which ends at the comma before
                    # its series, venue or publisher: 'J.-P. Serre, A Course in Arithmetic, Graduate Texts in
                    # Mathematics 7, Springer, New York, 1973.')
                    end = tokens.end(k)
                    return _AuthorSplit(text[:end].rstrip(" ,."), text[end:], None,
                                        "comma" if words[k][-1] == "," else "period")
        elif words[0][-1:].isalpha() and (k := _list_comma(words, j)) \
                and not any(w[-1] == "," and _initials_caps(w[:-1]) for w in words[:k]):
            # ... and after a middle initial in a list of names given first, closed by its conjunction, the family
            # name and the comma closing the list, as a title in comma style follows it ('Hinrich Schütze and
            # Christopher D. Manning, Foundations of ...', 'Christopher D. Manning and Hinrich Schütze, ...'; an
            # inverted list opens with its comma: 'Bender, E., Gebru, T. On the ...'; Vancouver's prints its
            # initials without stops: 'Smith J, Kim J. Learning, ...')
            end = tokens.end(k)
            return _AuthorSplit(text[:end].rstrip(" ,."), text[end:], None, "comma")
        end = tokens.end(j)
        head = text[:end]
        if (names >= 3 and seps) or _NAME_INITIALS_RE.fullmatch(head):
            return _AuthorSplit(head.rstrip(" ,."), text[end:], None, "period")
    return None


def _inverted_before(words: list[str], i: int) -> bool:
    """Whether the words before token i close a name inverted, its family name's comma and its initials ('...
    & Toutanova, K.', 'Weld, D. S.'): a word after them is no more of it, but a title's head ('... & Toutanova, K.
    BERT: Pre-training ...', as Nature prints its lists, the year at the end)."""
    if _is_initial(words[0]):
        return False            # a list of initials first: 'E. Strubell, A. Ganesh, A. McCallum: Energy ...'
    j = i - 1
    while j > 0 and _is_initial(words[j]):
        j -= 1
    return j < i - 1 and words[j][-1] == "," and not _is_initial(words[j][:-1]) and words[j][:1].isupper()


def _list_comma(words: list[str], j: int) -> int:
    """The token closing a list of names given first with the comma after its last family name, the list
    closed by its conjunction ('..., and James H. Martin,'), from a middle initial at token j on: names' words,
    initials and the conjunction up to it; 0 where there is none."""
    joined = any(w in ("and", "&") for w in words[:j])
    for k in range(j + 1, min(j + 16, len(words))):
        w = words[k]
        if w in ("and", "&"):
            joined = True
            continue
        core = w.rstrip(",")
        if not _NAME_WORD_RE.match(core) or core.endswith(".") and not _is_initial(core):
            return 0
        if w[-1] == "," and joined:
            return 0 if _is_initial(core) else k
    return 0


def _body_then_title_head(head: str, word: str, text: str) -> bool:
    """Whether `head`, the one piece before an entry's first comma, is an organisation's name and `word`,
    closed by a colon after that comma, a title's head: a name of two words or more an organisation's
    by its form ('Google DeepMind', 'Meta AI'), or a word printed as no person's name is, before a head
    printed so ('OpenAI, GPT-4:', 'NVIDIA, cuDNN:'), or a firm's own name ('Anthropic, Claude:'); a family
    name's comma is followed by a given name or initials ('Müller, Hans:', 'Smith, J.:')."""
    if not word or _is_initial(word) or _is_capital(word) or not _name_like(word):
        return False
    if " " in head.strip():
        return _organisation_author(head.strip(), text[len(head):])
    return firm(head) or _printed_as_no_name(head) and _printed_as_no_name(word)


def _printed_as_no_name(word: str) -> bool:
    """A word holding a digit, or a capital after a lower-case letter no family name's prefix explains
    ('GPT-4', 'OpenAI', 'cuDNN'; not 'McDonald', 'MacLeod', 'DeVries')."""
    if any(ch.isdigit() for ch in word):
        return True
    core = word.removeprefix("Mac").removeprefix("Mc").removeprefix("De").removeprefix("Le").removeprefix("La")
    return any(a.islower() and b.isupper() for a, b in zip(core, core[1:]))


def _title_after_initial(words: list[str], j: int, i: int) -> bool:
    """Whether the words after the initials at token j up to the stop at token i are no family name a middle
    initial is followed by ('Strubell.', 'Ortiz Suárez.', 'de la Vega.', 'Van Der Berg.') but a title's: four
    words or more, or three capitalised words that are no particles ('Les Réseaux des Neurones', 'Le Réseau du
    Cerveau', 'Deep Learning Things'), a name before the initials."""
    after = words[j + 1:i + 1]
    if j < 1 or _is_initial(words[0]):
        return False
    return len(after) >= 4 or sum(w[:1].isupper() and w.rstrip(".").lower() not in _CAPITALISED_PARTICLES
                                  for w in after) >= 3 \
        or len(after) >= 2 and all(w[:1].isupper() for w in after) and _publisher_closes(words[i + 1:])


# what closes a book's entry after its title: its publisher, a word ('Dunod', 'Springer'), or named so ('MIT
# Press', 'Addison-Wesley Publishing'), its place before it or not ('Paris: Dunod'), then the year
_PUBLISHER_CLOSE_RE = lazy(r"(?:[A-Z][\w\-]+:\s+)?(?:[A-Z][\w\-]+|(?:[A-Z][\w&\-]*\s+){1,3}"
                           r"(?:Press|Publishing|Publishers|Verlag|Books))[,;]?\s+(?:1[6-9]|20)\d\d[a-z]?\.?")


_JOURNAL_YEAR_VOLUME_RE = lazy(r"[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,6}\.\s+(?:19|20)\d\d(?:\s+[A-Z][a-z]{2})?\s*;\s*\d")


def _publisher_closes(rest: list[str]) -> bool:
    """Whether the words after a sentence are the publisher and year closing the entry, as after a book's title
    and never after a name, which its title follows: 'Dupont J. La Vision. Dunod, 2019.' (not 'Maria J. De
    Vries. Cien Años, 1967.', the words after the name a title's)."""
    if len(rest) >= 2 and rest[0] in ("In:", "In") and rest[1][:1].isupper():
        return True         # ... or the book or proceedings it is in: 'Dupont J. La Vision. In: Martin P, editor. ...'
    text = " ".join(rest[:12])
    # ... or Vancouver's journal and its year, volume after it: 'Dupont J. La Vision. Rev Opt. 2019;12:1-9.'
    return 2 <= len(rest) <= 6 and _PUBLISHER_CLOSE_RE.fullmatch(text) is not None \
        or _JOURNAL_YEAR_VOLUME_RE.match(text) is not None


def _full_names_before(words: list[str], i: int) -> bool:
    """Whether the tokens before token i are names given in full, each closed by its comma, the last after 'and'
    or not, two at least, a middle initial or none ('Jacob Devlin, Ming-Wei Chang, and Kristina N. Toutanova,',
    'Jacob Devlin and Kristina Toutanova,'): one word after them, closed by a colon, is a title's head ('BERT: Pre-training ...', 'GLUE: A
    multi-task ...'), no name, as a list of names given first has no name of one word (Springer's colon closes a
    list inverted: 'Strubell, E., McCallum, A.: Energy'; DBLP's, names given first, has no comma before it:
    'Emma Strubell, Andrew McCallum: Energy')."""
    chunks = [c.split() for c in _AUTHOR_SEP_RE.split(" ".join(words[:i])) if c.strip()]
    # (a middle initial between the given and family names: 'Kristina N. Toutanova', 'Quoc V. Le')
    full = all(len(c) >= 2 and _full_name(" ".join([c[0]] + [w for w in c[1:-1] if not (_is_initial(w) or _is_capital(w))]
                                                   + [c[-1]]))
               for c in chunks)
    if len(chunks) == 1 and full:
        # ... or one name, where the word is printed as no name is, a capital or digit after its first letter
        # ('Jacob Devlin, BERT: ...', 'Hugo Touvron, LLaMA: ...', 'Zhilin Yang, XLNet: ...'), and no initials in
        # capitals: one name inverted, its given name after a family name of two words, is printed as one name
        # given first is ('García Márquez, Gabriel: ...', 'Ortiz Suárez, PJ: ...')
        head = words[i].rstrip(":")
        return (len(head) >= 4 or len(head) >= 2 and any(map(str.isdigit, head))) and head[:1].isupper() and any(ch.isupper() or ch.isdigit() for ch in head[1:]) \
            and all(ch.isalnum() or ch == "-" for ch in head)
    return len(chunks) >= 2 and full


# a comma before a venue's or publisher's names and the year or volume: ', MIT Press, 2016', ', Nature, vol. 521',
# Elsevier's ', Journal of Things 5 (2019)'
# ... or a venue's acronym and its year closing the entry: ', NAACL 2019.', ', NeurIPS 2020'
_VENUE_AFTER_COMMA_RE = lazy(r",\s+(?=(?:[A-Z][^,]{0,60},\s*){1,4}(?:(?:vol|no|pp)(?:\.|$)|(?:1[6-9]|20)\d\d\b)"
                             r"|[A-Z][^,()]{0,80}?\s\d{1,5}(?:\s*\(\d{1,4}\))?\s*\((?:1[6-9]|20)\d\d\)"
                             r"|[A-Z][a-z]*[A-Z][A-Za-z\-]*\s+(?:1[6-9]|20)\d\d\.?\s*$)")


# the comma before the year after IEEE's title with no quotes: 'Deep Learning, 2016. MIT Press.'
_COMMA_YEAR_RE = lazy(r",\s+(?=(?:1[6-9]|20)\d\d[.,;]?(?:\s|$))")
# what follows a name's comma in a list and opens no title: a suffix, 'others', 'et al.', the editors' mark
_NOT_TITLE_OPENERS = _SUFFIXES | {"others", "et", "ed", "eds", "editor", "editors"}


def _title_after_initials_first(words: list[str], i: int) -> str | None:
    """Whether the words from token i, after a comma, are a title and not the next name of a list printing
    each name's initials first ('I. Goodfellow, Y. Bengio, A. C. Courville, Deep Learning. MIT Press,
    2016.'): every name before holds an initial, these words hold none up to their stop, comma or colon,
    and what follows them is no name of initials, no 'and' and no year, as a name given in full among
    initials would have after it ('A. Vaswani, Noam Shazeer, and N. Parmar', 'A. Vaswani, Noam Shazeer.
    2017.'). Says 'comma' where a comma closes the words (the title may end there, before its venue),
    else 'period'; None where they are a name."""
    if not _is_initial(words[0]):
        # a list of names inverted, each closed by its initials ('Goodfellow, I., Bengio, Y., Courville, A.,
        # Deep Learning, MIT Press, 2016.'): the name before closed so
        if not (_is_initial(words[i - 1][:-1]) and words[0][-1] == "," and _is_initial(words[1].rstrip(",;"))):
            return None
    else:
        name: list[str] = []
        for w in words[:i]:
            if w.lower() in _CONJUNCTIONS:
                continue
            name.append(w)
            if w[-1] == ",":
                if not any(_is_initial(x.rstrip(",")) for x in name) \
                        and name[0].rstrip(",").lower() not in _SUFFIXES:
                    return None
                name = []
    n = len(words)
    for k in range(i, min(i + 40, n)):
        w = words[k]
        core = w.rstrip(",:;")
        if _is_initial(core) or _is_capital(core) or _token_facts(w)[0]:
            return None
        if w[:1] == "(":
            if k == i:
                return None
            k -= 1                  # a book's publisher and year in brackets, as Nature prints them: 'Deep
            break                   # Learning (MIT Press, 2016).'
        if w[-1] in ".,:;":
            break
    else:
        return None
    if words[i].rstrip(",.:;").lower() in _NOT_TITLE_OPENERS:
        return None
    if k + 1 < n:
        after = words[k + 1]
        initials = after.rstrip(",;:.")         # ('T.:', 'R..' where the editors' mark was, 'D-H,')
        # (an article opening a subtitle after the title's colon is no initial: 'Artificial Intelligence: A
        # Modern Approach', the word after it no name's closed by a comma or stop)
        article = words[k][-1] == ":" and after == "A" and k + 2 < n and words[k + 2][:1].isalpha() \
            and words[k + 2][-1:].isalpha() and not _is_initial(words[k + 2])
        if not article and (_is_capital(initials) or _is_initial(initials) or _is_initial(initials + ".")) \
                or after.lower() in _CONJUNCTIONS \
                or _token_facts(after)[0] and not _titled_by_year(words, i, k) \
                or after[:1] in "([nN" and _STATUS_AT_RE.match(after):
            return None
        # what follows is the venue or publisher, as after a title, not more names and the title: names given
        # in full after the first's initials ('A. R. Fabbri, Wojciech Kryscinski, Bryan McCann, and Dragomir
        # Radev. 2021. SummEval: ...', 'A. Vaswani, Noam Shazeer. Attention is all you need. In NeurIPS.')
        rest = " ".join(words[k + 1:k + 40])
        sentence = ", " + _TITLE_END_RE.split(rest, maxsplit=1)[0]
        if _VENUE_HEAD_RE.match(rest) or _token_facts(after)[0]:
            pass                    # (the year after them: _titled_by_year said they are the title)
        elif words[k][-1] == ",":
            if not (_VENUE_AFTER_COMMA_RE.search(sentence) or _COMMA_VENUE_RE.search(sentence)):
                return None
            for m in range(k + 1, min(k + 40, n - 1)):        # (nor the year after the sentence they open)
                if words[m][-1] == "." and not _is_initial(words[m]):
                    if _token_facts(words[m + 1])[0]:
                        return None
                    break
        elif words[k][-1] == ".":
            if sum(1 for w in sentence.split() if len(w) > 2 and w.isalpha() and w.islower()
                   and w not in _FUNCTION_WORDS and w != "and") >= 2:
                return None         # a sentence of words in lower case, as a title's are
    # (a title's head closed by its colon goes on to its subtitle, which may end at a comma too: 'Machine
    # Learning: A Probabilistic View, McGraw-Hill, 1997.')
    return "comma" if words[k][-1] in ",:" else "period"


def _titled_by_year(words: list[str], i: int, k: int) -> bool:
    """Whether the words i..k after a list of names printing initials first, the year after them, are the
    title though a name given in full would be followed so ('A. Vaswani, Noam Shazeer, 2017. Attention
    ...'): the year closes the entry, which would else have no title ('I. Goodfellow, Y. Bengio, A.
    Courville, Deep Learning, 2016.'), or the list closed with its conjunction before its last name
    ('..., and A. Courville, Deep Learning, 2016. Tech. rep.'), after which no name comes, or what follows the year
    is a venue or a publisher, where a title would be ('..., Deep Learning, 2016. MIT Press.')."""
    after = " " + " ".join(words[k + 2:k + 8])
    if k + 2 >= len(words) or (at := _VENUE_OR_PUBLISHER_RE.match(after)) and after[at.end():at.end() + 1] != ":":
        return True     # (or the venue or publisher after the year, not a title: '..., Deep Learning, 2016. MIT Press.')
    j = i - 2
    while j >= 0 and words[j][-1] not in ",;":          # back to the comma before the last name
        if words[j].lower() in _CONJUNCTIONS:
            return True
        j -= 1
    return j >= 0 and words[j + 1].lower() in _CONJUNCTIONS


# Vancouver's close of an entry: its date a sentence of its own ('. 2018.', '. 2023 Feb 27.') or before the
# volume ('. 2018;5:1-10')
_VANCOUVER_CLOSE_RE = lazy(r"\.\s+(?:19|20)\d\d(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\.?\s*$|\.\s*(?:19|20)\d\d\s*;\s*\d")


# words a title's head opens with before a numeral's or a letter's label and a colon ('Part II:', 'Type A:')
_LABELLED_HEAD_WORDS = frozenset("part chapter volume vol book type phase stage section appendix level grade class "
                                 "step round act scene series model plan vitamin hepatitis factor".split())
_ROMAN_RE = lazy(r"[IVXLCDM]+")
_ANY_YEAR_RE = lazy(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")
# (Vancouver's journal year and volume, '2019;12:3-4': more than one initial is no product's letters, 'Windows XP:')
_VANCOUVER_VOLUME_RE = lazy(r"(?<!\d)(?:19|20)\d\d(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*;\s*\d")


def _vancouver_colon_name(family: str, initials: str, after: str, text: str) -> bool:
    """Whether 'family initials:' opening an entry is Vancouver's one author before a colon ('Smith J:',
    'Kim HS:'): a capitalised family name not in capitals, its initials in capitals no Roman numeral
    spells, a capitalised title or a number after the colon, and a year in the entry; initials of more
    than one letter only where the entry closes with a journal's year and volume as Vancouver prints them."""
    return _initials_caps(initials) and "-" not in initials and not _ROMAN_RE.fullmatch(initials) \
        and family[:1].isupper() and family[1:2].islower() and _name_word(family) and family.isalpha() \
        and family.lower() not in _LABELLED_HEAD_WORDS and family.lower() not in _FUNCTION_WORDS \
        and (after[:1].isupper() or after[:1].isdigit()) and _ANY_YEAR_RE.search(text) is not None \
        and (len(initials) == 1 or _VANCOUVER_VOLUME_RE.search(text) is not None)


def _vancouver_title_word(word: str, text: str) -> bool:
    """Whether `word`, closed by a colon after 'Family I.', opens a title rather than ending a name
    printed given name first ('Emma A. Strubell:', as DBLP prints one author): it holds a digit or is in
    capitals, as no family name printed so ('GPT-2', 'BERT'), or the entry closes as Vancouver does."""
    return any(ch.isdigit() for ch in word) or len(word) >= 2 and word.isupper() \
        or _VANCOUVER_CLOSE_RE.search(text) is not None


# (or Harvard's year in brackets closing the names with no stop: 'Department for Education (2019) Title.')
def _name_closed(words: list[str], k: int) -> bool:
    """Whether the initials ending at token k close their name: its family name is before them and a
    comma ('Courville, A.', 'SCHMIDT, P.', 'van der Walt, S. C.', with a given name: 'Turing, Alan M.'),
    or, in a list of Vancouver's names ('Bengio Y,'), before them with none ('Courville A.'). Initials
    before a family name ('A. M. Turing', 'Aaron C. Courville') close nothing."""
    j = k
    while j > 0 and _is_initial(words[j - 1]):
        j -= 1
    if j == 0:
        return False
    before = words[j - 1]
    if before[-1] == ",":
        return _opens_inverted(words, j - 1)
    if j >= 2 and _given_name_chunk(before) and _opens_inverted(words, j - 2):
        return True
    # (GOST's names print their initials with stops after the family name, a comma after them: 'Goodfellow I.,
    # Bengio Y., Courville A. Deep Learning. — M.: MIT Press, 2016.')
    return before[-1:].isalpha() and not _is_initial(before) \
        and any(w[-1] == "," and (_initials_caps(w[:-1]) and w[:-1].lower() not in _SUFFIXES
                                  or _is_initial(w[:-1]) and m and words[m - 1][-1:].isalpha()
                                  and not _is_initial(words[m - 1]))
                for m, w in enumerate(words[:j - 1]))


# GOST's marks between an entry's areas: ' // ' before the journal or book a work is in, ' — ' before the
# publisher, year or pages ('Иванов И. И. Методы ... // Вестник МГУ. 2019.', 'Goodfellow I. Deep Learning. — MIT
# Press, 2016.')
_GOST_MARKS_RE = lazy(r"\s//\s|\s—\s")


def _gost_one_author(words: list[str], k: int, text: str) -> bool:
    """Whether the initials ending at token k close the entry's one name as GOST prints it, the family name
    first and the initials after it with their stops ('Иванов И. И.', 'Goodfellow I.'), the entry's areas
    set off by GOST's marks: a name closed so, with no comma of a list before its title ('Иванов И. И.
    Методы ...'), which a name given first has ('И. И. Иванов, Методы ...') where the list's own rule looks."""
    j = k
    while j > 0 and _is_initial(words[j - 1]):
        j -= 1
    return j == 1 and words[0][-1:].isalpha() and not _is_initial(words[0]) and _name_like(words[0]) \
        and _GOST_MARKS_RE.search(text) is not None


def _opens_inverted(words: list[str], k: int) -> bool:
    """Whether token k is a family name and the comma after it opening a name, as an inverted name
    prints it ('Courville,', 'SCHMIDT,', 'van der Walt,'): the list's first word, or after the initials
    closing the name before, a semicolon or a conjunction ('Bengio, Y., Courville,'; not 'Michael
    Bernstein,' of a list printing given names first, nor 'van der Walt, Stéfan,', a given name)."""
    word = words[k]
    if len(word) <= 2 or word[-1] != "," or not _name_like(word[:-1]) or _is_initial(word[:-1]):
        return False
    k -= 1
    while k >= 0 and words[k] in _PARTICLES:
        k -= 1
    return k < 0 or words[k][-1] == ";" or words[k].lower() in _CONJUNCTIONS \
        or words[k][-1] == "," and _is_initial(words[k][:-1])


_AUTHORS_YEAR_RE = lazy(
    r"^(?P<authors>\S.{1,600}?)(?:[.,]\s+\(?(?P<year>(?:1[6-9]|20)\d\d)(?:[-–](?:1[6-9]|20)?\d\d)?[a-z]?\)?[.,]"
    r"|\s+\((?P<bracketed>(?:1[6-9]|20)\d\d)[a-z]?\)[.,]?)\s+(?P<rest>.*)$")


# a name of two to ten words before its stop, then APA's '(n.d.)' (no date) and the rest
_BODY_NO_DATE_RE = lazy(r"^([A-Z][^\s.,]*(?:\s+[^\s.,]+){1,9})\.\s+\(n\.\s?d\.(?:-[a-z])?\)[.,]?\s+(\S.*)$")


_PLAIN_HEAD_RE = lazy(r"^((?:\S+\s+){1,3}\S*[^\W\d_]{2})\.\s+(?=[\"“A-Z])")


def _split_one_author(text: str) -> _AuthorSplit | None:
    """One author with a given name, then the title, the year at the end
    (natbib plain, LNCS): 'Jon Kleinberg. Authoritative sources in a hyperlinked
    environment. In Proceedings ..., 1998.' The walk cannot tell 'Jon Kleinberg.'
    from 'Environmental Protection Agency.'; a title of three words or more after
    it and a year further on say this is the author."""
    m = _PLAIN_HEAD_RE.match(text)
    if not m:
        return None
    head, rest = m.group(1), text[m.end():]
    words = head.split()
    if not all(_name_like(w) for w in words) or any(w.lower() in _NAME_SMALL_WORDS for w in words):
        return None
    title = _TITLE_END_RE.split(rest, maxsplit=1)[0]
    if len(title.split()) < 3 or not (_YEAR_ANY_RE.search(_strip_ids(rest)) or _OLD_YEAR_END_RE.search(rest)):
        return None
    return _AuthorSplit(head, " " + rest, None, "period")


_OPENING_QUOTE_RE = lazy(r"(?:^|(?<=\s))[\"“«]")
# a body's name, its words capitalised or small ones of a phrase between ('Office for National Statistics',
# 'Centers for Disease Control and Prevention'), its comma, then a quoted title, as IEEE prints them
_BODY_THEN_QUOTED_RE = lazy(r"((?:[A-Z][\w.&'’\-]*|of|for|on|and|the|in|&)(?:\s+(?:[A-Z][\w.&'’\-]*|of|for|on|and|the"
                            r"|in|&)){1,12}),\s+(?=[\"“][A-Z])")


# ... or Vancouver's, its country in brackets after it and a stop: 'Department of Health and Human Services (US).'
_BODY_THEN_COUNTRY_RE = lazy(r"((?:[A-Z][\w.&'’\-]*|of|for|on|and|the|in|&)(?:\s+(?:[A-Z][\w.&'’\-]*|of|for|on|and|the"
                             r"|in|&)){1,12}\s+\((?:[A-Z]{2,3}|U\.S\.|U\.K\.)\))\.\s+(?=[A-Z\d])")


# the last name of a list closing it after its conjunction: ', and Bing Xiang'
_LAST_FULL_NAME_RE = lazy(r",\s+(?:and|&)\s+[A-Z][\w'’\-]+\s+[A-Z][\w'’\-]+")
# ... that name closed by a stop, a capitalised word after it: 'and Bing Xiang. Abstractive'
_LAST_NAME_STOP_RE = lazy(r"(?:and|&)\s+([^.,]+)\.\s+(?=[A-Z\d])")


def _full_name(chunk: str) -> bool:
    """Whether a chunk between an entry's commas is one name given in full, given name first and
    no initials ('Tran Thi Mai', 'Mary Jones', 'Cicero Nogueira dos santos'): two to four words,
    each capitalised but a particle and the family name after it, none a digit's or a body's."""
    words = chunk.split()
    # (a hyphenated given or family name, its parts whole words: 'Ming-Wei Chang', 'Anne-Marie Smith-Jones')
    return 2 <= len(words) <= 4 and words[0][:1].isupper() and not is_organisation(chunk) and all(
        all(part.isalpha() and len(part) >= 2 for part in w.split("-"))
        and (w[:1].isupper() and _NAME_WORD_RE.match(w) or w in _PARTICLES
             or k and words[k - 1] in _PARTICLES and w.islower())
        for k, w in enumerate(words))


_PAIR_JOIN_RE = lazy(r"\s+(?:and|&)\s+")


def _split_full_names(text: str) -> _AuthorSplit | None:
    """Names given in full and no initials, each closed by a comma, then the title with no quotes, as
    Elsevier prints them: 'Nguyen Van An, Tran Thi Mai, A study of Vietnamese text, in: Proc. VLSP, 2019.'
    Two names at least, then words no name holds (words in lower case): one name and its comma is
    a body's name before its title ('Google, Environmental Report 2020'), read elsewhere."""
    chunks = text.split(", ", 12)
    k = names = 0
    while k < len(chunks) - 1:
        name = chunks[k].removeprefix("and ")       # (', and Ana Silva,')
        if k and _EDITION_PIECE_RE.match(chunks[k + 1]):
            break           # a title before its edition, never a name: 'Mary Jones, Deep Learning Methods, 3rd edn'
        if _full_name(name):
            names += 1
        elif k == 0 and len(pair := _PAIR_JOIN_RE.split(name)) == 2 and all(map(_full_name, pair)):
            names += 2      # two names joined with no comma: 'Kenton Lee and Jacob Devlin, A study of ...'
        else:
            break
        k += 1
    if k >= 2 and (last := _LAST_NAME_STOP_RE.match(chunks[k])) and _full_name(last.group(1)):
        # the list closed by its conjunction and a stop: 'Bowen Zhou, ..., and Bing Xiang. Abstractive ...'
        authors = ", ".join(chunks[:k] + [last.group(1)])
        return _AuthorSplit(authors, text[len(", ".join(chunks[:k])) + 2 + last.end(1):], None, "period")
    if names < 2 or not chunks[k][:1].isupper() or chunks[k].split()[0].lower() in _CONJUNCTIONS:
        return None
    # two words in lower case at least, as a title has and a name's lower-case part has not ('Cicero Nogueira
    # dos santos'); and no more names after it before a stop ('..., Caglar Gulcehre, and Bing Xiang. Title')
    # (or any title before its edition, which follows a title, never a name: 'Mary Jones, Paul Smith, Deep Learning
    # Methods, 3rd edn, Springer, Berlin, 2019.')
    if sum(w.isalpha() and w.islower() and w not in _PARTICLES for w in chunks[k].split()) < 2 \
            and not (k + 1 < len(chunks) and _EDITION_PIECE_RE.match(chunks[k + 1])
                     and not holds_body_word(chunks[k].split())) \
            or _LAST_FULL_NAME_RE.search(", ".join(chunks[k:]).split(". ", 1)[0]):
        return None
    authors = ", ".join(chunks[:k])
    return _AuthorSplit(authors, text[len(authors) + 1:], None, "comma")


# a book's edition, a piece of its own between commas: '3rd edn', '2nd ed.', 'Second Edition', 'revised edition'
_EDITION = (r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|revised"
            r"|rev\.)\s*(?:edition|edn|ed)\b\.?")
_EDITION_PIECE_RE = lazy(_EDITION, re.I)


def _named(chunk: str) -> bool:
    """_full_name of a name given in full, a middle initial or two between its given and family names allowed
    ('James H. Martin', 'Richard S. Sutton', 'Kristina N. Toutanova'), as a title's words never hold one."""
    words = chunk.split()
    if len(words) >= 3 and any(map(_is_initial, words[1:-1])):
        kept = [w for w in words[1:-1] if not _is_initial(w)]
        return len(words) - len(kept) - 2 <= 2 and _full_name(" ".join([words[0], *kept, words[-1]]))
    return _full_name(chunk)


def _title_after_full_names(authors: str) -> tuple[str, str] | None:
    """(names, title) of what an author list read up to the year holds ('Jean Dupont, Deep Neural Networks,
    Dunod'): names given in full, each closed by its comma, one alone or the last after 'and'; then the title;
    then one piece or two, the publisher and its place, short and capitalised, no digits. The title holds a
    word in lower case no name holds ('Learning to Rank'), or three capitalised words at least; never two (a
    name: 'Jean Dupont, Paul Martin, Dunod'), nor a body's name ('University of Oxford', a thesis's)."""
    pieces = authors.split(", ")
    edition = next((n for n, p in enumerate(pieces) if _EDITION_PIECE_RE.fullmatch(p)), None)
    if edition is not None:
        # an edition follows a title, never a name: the piece before it is the title, the pieces before that
        # names ('Mary Jones, Paul Smith, Deep Learning Methods, 3rd edn, Springer, Berlin')
        names = [p.removeprefix("and ").removeprefix("& ") for p in pieces[:edition - 1]]
        title, tail = (pieces[edition - 1], pieces[edition + 1:]) if edition else ("", [])
        if names and title[:1].isupper() and len(tail) <= 2 and not holds_body_word(title.split()) \
                and all(_named(n) or len(pair := _PAIR_JOIN_RE.split(n)) == 2 and all(map(_named, pair))
                        for n in names) \
                and all(p[:1].isupper() and len(p.split()) <= 4 and not any(map(str.isdigit, p)) for p in tail):
            return ", ".join(pieces[:edition - 1]), title
        pieces = pieces[:edition] + pieces[edition + 1:]
    k = 0
    for n, name in enumerate(pieces[:-2]):          # (the title and a publisher after the names)
        bare = name.removeprefix("and ").removeprefix("& ")
        if bare != name and _named(bare) \
                or len(pair := _PAIR_JOIN_RE.split(bare)) == 2 and all(map(_named, pair)):
            k = n + 1       # the list closed by its conjunction
            break
        if not _named(bare):
            break
    one = k == 0
    if one and len(pieces) >= 3 and _named(pieces[0]):
        k = 1               # ... or one name
    if k == 0:
        return None
    title, tail = pieces[k], pieces[k + 1:]
    if not 1 <= len(tail) <= 2 or any(not p[:1].isupper() or len(p.split()) > 4 or any(map(str.isdigit, p))
                                      for p in tail):
        return None
    words = title.split()
    # (a title joining words with 'and' is no two names joined: 'Speech and Language Processing')
    if not title[:1].isupper() or words[0].lower() in _CONJUNCTIONS \
            or " and " in title and all(map(_named, _PAIR_JOIN_RE.split(title))) or holds_body_word(words):
        return None
    lower = [w for w in words[1:] if w.islower() and w not in _PARTICLES]
    # (three capitalised words after one name, a publisher and its place after them, may be the second name:
    # 'Jean Dupont, Anne Marie Durand, Deep Learning, Dunod')
    if lower and not _full_name(title) \
            or len(words) >= 3 and all(w[:1].isupper() for w in words) and not (one and len(tail) > 1):
        return ", ".join(pieces[:k]), title
    return None


def _split_before_quoted_title(text: str) -> _AuthorSplit | None:
    """IEEE's body as the author, a small word of a phrase in its name, then its quoted title: '[3] Office for
    National Statistics, "Labour market overview," 2020.', which the walk of names stops at ('for'); and
    Vancouver's, its country after it: 'Department of Health and Human Services (US). Healthy people 2030.'"""
    m = _BODY_THEN_QUOTED_RE.match(text) or _BODY_THEN_COUNTRY_RE.match(text)
    if not m or not any(w in _FUNCTION_WORDS for w in m.group(1).split()):
        return None
    return _AuthorSplit(m.group(1), text[m.end():], None, "period")


def _split_at_year(text: str) -> _AuthorSplit | None:
    """Fallback for lists the name walker cannot read (organisations, unusual
    particles): 'Anyone at all. 2020. Title.' -- the first year between full
    stops or commas ends the authors."""
    m = _AUTHORS_YEAR_RE.match(text)
    if not m:
        # APA's body of no date: 'Centers for Disease Control and Prevention. (n.d.). About sleep.', its name's words
        # capitalised but its small words
        nd = _BODY_NO_DATE_RE.match(text)
        if nd and all(w[:1].isupper() or w in _FUNCTION_WORDS or w in ("and", "&") for w in nd.group(1).split()):
            return _AuthorSplit(nd.group(1), nd.group(2), None, "year")
        return None
    authors = m.group("authors")
    if "://" in authors or "www." in authors:
        # a web address is no name: the year after it closes a web page's entry, its access note after it
        # ('Free Law Project. CourtListener. https://www.courtlistener.com, 2022. Last accessed June 5, 2022.')
        return None
    if m.group("bracketed") and not all(w[:1].isupper() or w in _FUNCTION_WORDS or w in ("and", "&")
                                        for w in authors.split()):
        return None         # a title's words before its year, not a name's: 'Carbon emissions of things (2019)'
    quote = _OPENING_QUOTE_RE.search(authors)
    if quote:
        # a quoted title is no name: IEEE's title first ('"Data centres ...," International Energy Agency, 2022.')
        # has no author; MLA's organisation ('Google. "Environmental Report 2023." Google, 2023, ...') is the
        # sentence before it
        head = authors[: quote.start()].rstrip()
        if not head or head[-1] not in ".,":
            return None
        return _AuthorSplit(head.rstrip(" ,."), text[quote.start():], None, "period")
    return _AuthorSplit(authors, m.group("rest"), int(m.group("year") or m.group("bracketed")), "year")


# a body's name before Springer's colon at the entry's start: 'OpenAI: GPT-4 technical report. arXiv ... (2023)'
_BODY_COLON_RE = lazy(r"([A-Z][\w\-]*(?:\s+(?:[A-Z][\w\-]*|of|for|on|and|the|in)){0,8}):\s+(?=\S)")


def _acronym_body(name: str, rest: str) -> bool:
    """Whether a name before a colon is a body's, closed by its acronym ('Stanford HAI: AI Index Report ...
    Stanford University'): a firm's and its lab's acronym ('Meta FAIR', 'Samsung SAIT', firm_acronym), or an
    acronym after a name in plain words (acronym_after_name: 'Stanford HAI', 'Stanford CRFM') whose first word
    the rest of the entry names a body by ('Stanford University', 'Paris Energy Agency') or holds in its web
    address's host ('aiindex.stanford.edu'), as a title's words before its colon rarely are ('Neural ODE: ...
    Neural Information Processing Systems')."""
    words = name.split()
    if firm_acronym(words):
        return True
    if not acronym_after_name(words) or not all(w[1:].islower() for w in words[:-1]):
        return False            # (not a product's name and its part: 'PyTorch FSDP: ... https://pytorch.org/')
    head = words[0]
    at = rest.find(head)
    while at >= 0:
        body = _BODY_AFTER_RE.match(rest, at + len(head))
        if (at == 0 or not rest[at - 1].isalnum()) and body and is_organisation(f"{head} {body.group(1)}"):
            return True
        at = rest.find(head, at + 1)
    return _may_hold_url(rest) and any(head.lower() in place.lower().split(".") for place in _web_places(rest))


_BODY_AFTER_RE = lazy(r"((?:\s+[A-Z][\w\-]*){1,4})")


def _split_body_colon(text: str) -> _AuthorSplit | None:
    """An organisation as the author, as Springer's LNCS prints one, its name and a colon before the title
    ('OpenAI: GPT-4 technical report.', 'International Energy Agency: Electricity 2024. Tech. rep. (2024)'),
    where the walk read no name: a firm's own name ('OpenAI', kb.text.names.firm), a name only bodies bear
    (is_organisation) or one closed by a body's acronym ('Stanford HAI: AI Index Report', _acronym_body); not a
    title's words before its colon ('BERT: Pre-training ...')."""
    m = _BODY_COLON_RE.match(text)
    if not m:
        return None
    name = m.group(1)
    if not (firm(name) if " " not in name else is_organisation(name) or _acronym_body(name, text[m.end():])):
        return None
    if text[m.end():m.end() + 1] in "TA" and _TAGLINE_THEN_PAGE_RE.match(text, m.end()) and _may_hold_url(text) \
            and any(_domain(place) == "".join(name.split()).lower() for place in _web_places(text)):
        # a site's name, its host's (not its initials: 'iea.org' of a report 'International Energy Agency: The
        # Future of Cooling'), its tagline, its date and its page's title: read as 'Wikipedia: The Free ...'
        return None
    return _AuthorSplit(name, text[m.end():], None, "period")


# a site's tagline after its name's colon, then its date a sentence of its own, then a page's title of words in
# lower case after the first, with no comma ('Our World in Data: The Data Platform. 2023. Energy use per person.
# https://...'; not a publisher and its place, 'IEA, Paris.'), or its address alone (no title, as 'Wikipedia: The
# Free Encyclopedia. 2023. https://...')
_TAGLINE_THEN_PAGE_RE = lazy(r"(?:The|An?)\s+[A-ZÀ-Þ][\w'’\-]*(?:\s+[\w'’\-]+){0,6}(?:\.\s+\(?|\s+\()(?:19|20)\d\d[a-z]?\)?\.\s+"
                             r"(?:[A-ZÀ-Þ][a-zß-ÿ][^,.;:]*\s[^,.;:]+\.|(?:https?://|www\.))")


_ET_AL_RE = lazy(r"\s*,?\s+(?:et\.?\s+al\b|and\s+others\b|e\s+outros\b|u\.\s*a\.).*$")
# pypdf's kerning spaces: "Ashish V aswani" (but not particles: "A de Chalendar")
_KERNED_NAME_RE = lazy(r"\b([A-Z]) (?!(?:" + "|".join(sorted(_PARTICLES, key=len, reverse=True)) + r")\b)([a-z]{2,})")
# in every match of the two above, and quick to search for (see _SPACE_PUNCT_RE)
_ET_AL_WORDS_RE = lazy(r"et\.?\s+al\b|and\s+others\b|e\s+outros\b|u\.\s*a\.")
_CAPITAL_SPACE_LOWER_RE = lazy(r"[A-Z] [a-z]{2}")
_AUTHOR_SEP_RE = lazy(r",|\s+(?:and|und)\s+|\s+&\s+")
_INITIALS_CHUNK_RE = lazy(r"^(?:[A-Z][a-z]?\.?[\s\-]*){1,4}$")
_CAPITAL_RE = lazy(r"^[A-Z]\.?$")
# initials, each one letter: 'G.', 'A. S.', 'J.-P.' (not 'Vu A.', a given name and an initial)
_LETTER_INITIALS_RE = lazy(r"^(?:[A-Z]\.[\s\-]*){1,4}$")




def _first_chunks(authors: str) -> list[str]:
    """The first two non-empty names of an author list split at its separators
    (all of them when fewer): all _first_author reads."""
    parts = _AUTHOR_SEP_RE.split(authors, maxsplit=4)
    chunks = [c for c in map(str.strip, parts[:4]) if c]
    if len(chunks) >= 2:
        return chunks[:2]
    return [c for c in map(str.strip, _AUTHOR_SEP_RE.split(authors)) if c][:2]


_SAINT_RE = lazy(r"\bSt\.\s+(?=[A-Z][a-z])")
_FUNCTION_WORDS = frozenset("of for in on the at to und für fur".split())
# words of organisations' names after a first word ('Stanford Center'), beside kb.text.names' own (which
# is_organisation reads): that module leaves these out, a family name in a BibTeX name may be one
_NOT_NAME_WORDS = frozenset("union centre center".split())
_URL_HOST_RE = lazy(r"(?:https?://)?(?:www\.)?([^/\s]+)", re.I)


def _organisation_author(name: str, context: str = "") -> bool:
    """Whether the first name of an author list, written without a comma, is an
    organisation's, by its form rather than a list of names: a word only
    organisations' names hold ('Institute', 'Foundation'); 'The' first; a small
    word of a phrase inside it ('Our World in Data') or a lower-case word at its
    end ('Scikit-learn developers'); an acronym among words in lower case
    ('NVIDIA Corporation'; not initials after a family name, 'Smith JR'); or the
    name printed again in the entry's title or as its web address's host ('Hugging
    Face. 2023. The Hugging Face Hub ... https://huggingface.co'). A person's name
    has initials, or none of these: 'Face, H.' never comes here (it has a comma)."""
    words = name.split()
    if len(words) < 2:
        return False
    last = len(words) - 1
    found = False
    mixed = not name.isupper()
    for k, w in enumerate(words):
        core = w.replace(".", "").replace("-", "")
        if len(core) <= 2 and core.isupper():
            # initials: 'J.', 'J', 'J.-P.', 'JH'; but 'U.S. Department'; and a country's or union's initialism
            # before a body's name that the entry's web address spells whole ('U.S. Courts. Civil cases.
            # https://www.uscourts.gov/...', 'U.N. Women ... unwomen.org'), as no person's initials and name are
            return is_organisation(name) or _misspelt_body(words) \
                or k == 0 and len(core) == 2 and w.count(".") == 2 and bool(context) \
                and _may_hold_url(context) and any(name_key(name) in name_key(place) for place in _web_places(context))
        if found or not k:
            continue
        first = w[0]
        if first.isdigit():
            found = True                        # 'NeurIPS 2021 Conference'
        elif first.islower():
            # a small word of a phrase ('Our World in Data'), a lower-case last word ('PyTorch contributors')
            found = not _name_like(w) and (w in _FUNCTION_WORDS or k == last)
        elif w.lower() in _NOT_NAME_WORDS:
            found = True
    if found or the_first(name):
        return words[0][:1].isupper()           # not a list printed all in lower case: 'david nicholas'
    if mixed and words[0][:1].isupper():
        for k, w in enumerate(words):
            core = w.strip(".,()")
            # three capitals or more, and not a family name's initials ('Smith JRR'; 'Amy JH Kind')
            if len(core) >= 3 and core.isupper() and core.isalpha() and (len(core) >= 4 or k < last):
                return True
    if is_organisation(name) or _misspelt_body(words):
        return True
    if context and len(name) >= 8:
        phrase = " ".join(words)
        at = context.find(phrase)
        while at >= 0:          # the name again, as words of the title
            after = at + len(phrase)
            if (at == 0 or not context[at - 1].isalnum()) and (after == len(context) or not context[after].isalnum()):
                return True
            at = context.find(phrase, at + 1)
        if _may_hold_url(context):
            # every word of the name in the host, or in the owner a repository's address names:
            # 'huggingface.co', 'azure.microsoft.com', 'github.com/huggingface/...'
            keys = [name_key(w) for w in words]
            # ... or the name's initialism, the host's domain ('Internal Revenue Service ... https://www.irs.gov/',
            # 'Office for National Statistics ... ons.gov.uk'), as a person's initials are rarely a web site's
            initialism = "".join(w[0] for w in words if w[0].isupper()).lower() if len(words) >= 3 else ""
            # ... or, of a name of three words or more, its last word, the short name a body goes by, under a domain
            # bodies register ('Civil Rights Litigation Clearinghouse ... https://clearinghouse.net'): a person's
            # site, named by the family name, is a .com, .io or .me one ('Mary Ann Smith ... smith.com' is smith)
            last = keys[-1] if len(words) >= 3 and len(keys[-1]) >= 4 else ""
            if any(all(k and k in name_key(place) for k in keys)
                   or len(initialism) >= 3 and _domain(place) == initialism
                   or last and _domain(place) == last and _BODY_TLD_RE.search(place) is not None
                   for place in _web_places(context)):
                return True
    return False


# the words in lower case a name list or a body's name holds: particles, 'and', 'et al.', a program's makers
_NAME_LOWER_WORDS = frozenset(_PARTICLES) | frozenset("developers contributors team community maintainers authors members "
                                                    "and et al others of for in on the at to und für fur with from by "
                                                    "inc ltd llc gmbh corp co plc ag sa bv".split())


def _title_in_names_place(names: str, rest: str) -> bool:
    """Whether what an author-year entry prints before its year is a work's title, no one's name: one sentence of
    three words or more, no comma, no 'and', the first capitalised and one after it a word in lower case no name
    list nor body's name holds ('Why AI needs ethics', 'Energy use in data centres', 'The state of AI ethics
    report'; not 'Ludwig van der Maaten', 'Our World in Data', 'Bundesministerium für Bildung und Forschung', 'HSBC
    Holdings plc'), and after the year no title, one short sentence of its publisher or its address ('Fast
    Company.', 'Technical report, Google.', 'https://...'; not 'A study of things. Journal of Stuff.')."""
    names = names.strip(" .")
    words = names.split()
    if len(words) < 3 or "," in names or " and " in names or ". " in names or not words[0][:1].isupper():
        return False
    after = re.sub(r"\S*(?:https?://|www\.)\S*", " ", rest).strip(" .,")
    if len(after.split()) > 8 or re.search(r"[.?!]\s+\S", after):
        return False
    return any(w.isalpha() and w.islower() and len(w) >= 3 and w not in _NAME_LOWER_WORDS for w in words[1:])


def _misspelt_body(words: list[str]) -> bool:
    """Whether a name of three capitalised words or more, without initials, holds a body's word misspelt ('US
    Environmental Protection Agencyy', 'National Institue of Health'): an organisation's, keyed whole as it is
    printed (and linked, a key agreeing with the one it starts)."""
    # (three words or more, none an initial nor 'and': 'Isaac Councill', 'Mary Councill and Jane Doe' are people)
    return len(words) >= 3 and words[0][:1].isupper() and any(map(body_word_meant, words)) \
        and not any(len(w.strip(".")) == 1 or w.lower() in _CONJUNCTIONS for w in words)


def _body_as_meant(name: str) -> str:
    """An organisation's name with a misspelt body word as meant ('US Environmental Protection Agencyy' ->
    '... Agency'), so that it is keyed as references.bib keys the body, and linked."""
    words = name.split()
    if len(words) < 3:
        return name
    return " ".join(body_word_meant(w).capitalize() or w for w in words)


_SECOND_LEVELS = frozenset("gov org co ac edu net com gob gouv govt".split())
# the domains bodies register under, not persons: '.org', '.net', '.gov', '.edu', '.int', a country's '.org.uk'
_BODY_TLD_RE = lazy(r"\.(?:org|net|gov|edu|int|ngo)(?:\.[a-z]{2})?$", re.I)


def _domain(host: str) -> str:
    """The name a host is registered under, in lower case: 'irs' of 'www.irs.gov', 'ons' of
    'www.ons.gov.uk' (a country's second level, 'gov.uk', 'co.jp', skipped)."""
    labels = host.lower().split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVELS and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else ""


def _web_places(context: str) -> Iterator[str]:
    """The hosts of the web addresses in an entry's text, and the owner a repository's address names
    ('huggingface.co', 'github.com/huggingface/...' gives 'huggingface')."""
    for url in _URL_RE.findall(context):
        host = _URL_HOST_RE.match(url)
        if not host:
            continue
        yield host.group(1)
        if url[host.end():host.end() + 1] == "/":
            yield from url[host.end():].split("/", 2)[1:2]


_COMMA_QUOTE_RE = lazy(r",\s*(?=[\"“][^\"“”]{8,400}?[\"”])")
_NAME_SENTENCE_END_RE = lazy(r"\.(?:(?<=[a-z]{3}\.)|(?<=[A-Z]{2}\.))\s+(?=\S)")


# (the name's words after the list's last: 'United Nations Educational, Scientific and Cultural Organization')
_ORG_WORDS_LIST_RE = lazy(r"(?:,\s+[A-Z][a-z]+)+,?\s+(?:and|&)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3}[.,]?")
_ORG_AND_RE = lazy(r"([^,;&]+?)\s+(?:and|und|&)\s+([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})\s*[.,;]?\s*$")
# a whole author list that is one name with its conjunction: 'Research and Markets', 'Ernst & Young',
# 'Bill & Melinda Gates Foundation', 'Natural Sciences and Engineering Research Council of Canada'


def _name_word(word: str) -> bool:
    """A word a name may be made of: a letter, then letters, digits, apostrophes, hyphens, stops."""
    return word[0].isalpha() and (word.isalnum() or word.translate(_NAME_MARKS).isalnum())


_NAME_MARKS = str.maketrans("", "", "_'’-.")


def _printed_again(name: str, context: str) -> bool:
    """Whether the rest of the entry prints the name again, whole, as a publisher or in a title
    ('Marks and Spencer, "Plan A report," Marks and Spencer Group plc'): an organisation's name, as
    two people's names joined are not."""
    at = context.find(name)
    return at >= 0 and not context[at - 1:at].isalnum() and not context[at + len(name):at + len(name) + 1].isalnum()


_INITIALISM_RE = lazy(r"(?:[A-Z]\.){2,3}")


def _conjoined_organisation(authors: str, context: str, legal: bool = False) -> str | None:
    """The author list as one organisation's name holding 'and' or '&', or None.
    It is one when the whole of it reads as an organisation's (a word only
    organisations' names hold, or its name in the title or web address), or
    when each side of an '&' or 'and' is a single capitalised word and the entry
    is a firm's report, not a scholarly work: no style prints two people by their
    family names alone ('Ernst & Young', 'Procter and Gamble'; 'Smith, J., & Jones,
    K.'), where people have their given names or initials ('Emma Strubell and Andrew
    McCallum'), and a person's note naming two so ('Strubell and McCallum. 2019.
    Energy and policy considerations ... In ACL.') cites their papers. A list tells
    more (_names_the_paper_tells). `legal`: a legal form closed the name ('Ernst & Young LLP'), a firm's."""
    words = authors.split()
    joins = [k for k, w in enumerate(words) if w in ("and", "&")]
    if not joins or joins[-1] in (0, len(words) - 1):
        return None
    # (a country's initialism before a body's name is no person's initials: 'U.S. Food and Drug Administration')
    country = _INITIALISM_RE.fullmatch(words[0]) is not None and is_organisation(" ".join(words[1:]))
    # (nor is a suffix of a person's name any body's: 'Hal Daumé III and Daniel Marcu')
    if any(_is_initial(w) or _is_capital(w) or not (w[0].isupper() or w.lower() in _FUNCTION_WORDS)
           or not _name_word(w) or w in ROMAN_SUFFIXES for w in words[country:] if w not in ("and", "&")):
        return None
    left, right = words[: joins[-1]], words[joins[-1] + 1:]
    if legal or is_organisation(authors):
        return authors
    if _caps_family_name(left) or _caps_family_name(right) or _given_then_caps(" ".join(left)) \
            and _given_then_caps(" ".join(right)):
        return None                 # 'NGUYEN Van An and TRAN Thi Bich'
    if len(left) == 1 and len(right) == 1 and (not _scholarly(context) and (_report(context) or _firm_title(
            context) or _firm_host(
            left[0], right[0], context)) or left == right) \
            or _organisation_author(" ".join(left + right), context) or _printed_again(authors, context):
        # (one family name twice is a firm's name, 'Johnson & Johnson': two people of one family name differ
        # by their initials in every style)
        return authors
    return None


# a firm's publication named by its kind, its name's words capitalised, no article before them ('Global AI Survey',
# 'Digital Trust Index', 'CEO Outlook Pulse'); not a paper's ('A Survey of ...', 'A Comprehensive Survey')
_FIRM_TITLE_RE = lazy(r"^[\W\d]*(?!(?:A|An|The|On)\s)(?:[A-Z][\w\-]*\s+){1,4}(?:Survey|Index|Barometer|Pulse|Monitor)"
                      r"(?:\s+(?:19|20)\d\d)?[.,]")


def _firm_title(context: str) -> bool:
    """Whether an entry's title, its first sentence, names a firm's publication by its kind alone, title-cased with no
    article ('Ernst & Young. Global AI Survey. 2022.'): two single words joined by '&' before it are the firm's name,
    as no paper's title is so ('Bender & Koller. 2020. Climbing towards NLU: ...' two people)."""
    return context[:1] != "" and _FIRM_TITLE_RE.match(context) is not None


def _firm_host(left: str, right: str, context: str) -> bool:
    """Whether an entry's web address is on the domain two capitalised words joined by '&' or 'and' make by their
    initials ('Ernst & Young ... https://www.ey.com/...', 'Procter & Gamble ... us.pg.com'): a firm's site, named by
    its name's letters, as two people's papers are not (they are on arXiv's, a publisher's, a repository's)."""
    if not _may_hold_url(context):
        return False
    initials = (left[0] + right[0]).lower()
    return any(_domain(place) == initials for place in _web_places(context))


def _family_first_list(chunks: list[str], rest: str) -> bool:
    """Whether the list writes each family name first: the other authors are a
    family name and its initials in capitals ('Smith J', 'Le VC', Vancouver and
    Springer Nature), or the entry closes as the Chinese standard does
    ('Journal, 2020, 12(3): 1-10')."""
    if any(map(_vancouver_name, chunks[1:])):
        return True
    return bool(_GBT_TAIL_RE.search(rest)) or len(chunks) > 1 and (
        _romanised_family_first(chunks, _CHINESE_FAMILIES, _PINYIN_RE)
        or _romanised_family_first(chunks, _JAPANESE_FAMILIES, _HEPBURN_RE))


def _pinyin_family_first(words: list[str]) -> bool:
    """Whether a name of two words prints a Chinese family name first, whatever order the list's other names take
    ('Wang Xiaoming, Alice Brown', 'Ding Liren and John Smith'): a common family name, then a given name of two or
    three syllables of pinyin, which no family name is. Not two words that may each be a given or a family name
    ('Yang Liu', 'Jiang Bian', 'Wei Zhang': given name first, as the list prints the others), nor a Korean or
    Japanese name (the 'Kim' of 'Kim Minjun' is an English given name too: read given name first, as BibTeX does)."""
    return len(words) == 2 and words[0].lower() in _CHINESE_FAMILIES and words[0].istitle() and words[1].istitle() \
        and words[1].isascii() and words[1].lower() not in _CHINESE_FAMILIES \
        and _PINYIN_GIVEN_RE.fullmatch(words[1].lower()) is not None and not _PINYIN_ONE_RE.fullmatch(words[1].lower()) \
        and not _NO_PINYIN_O_RE.search(words[1].lower())


def _romanised_family_first(chunks: list[str], families: frozenset[str], syllables) -> bool:
    """Whether names romanised from Chinese (pinyin) or Japanese (Hepburn) print the family name first: each of two
    words, every first word a family name of that language, every second word of its syllables, and a second word
    one is not ('Zhang Wei, Li Ming', 'Tanaka Hiroshi and Suzuki Kenji': zhang, tanaka; not 'Wei Zhang, Ming Li',
    'Hiroshi Tanaka and Kenji Suzuki', nor 'Wei Zhang, Li Wang' or 'Mori Ueda, Ito Sato', which may be either)."""
    given = False
    for chunk in chunks:
        words = chunk.split()
        if len(words) != 2 or words[0].lower() not in families or not words[0][:1].isupper():
            return False
        second = words[1].replace("-", "")
        if not (second[:1].isupper() and second[1:].islower() and second.isascii()
                and syllables.fullmatch(second.lower())):
            return False
        given = given or second.lower() not in families
    return given




def _vietnamese(name: str) -> bool:
    """A name in Vietnamese spelling, which writes the family name first ('Nguyễn Văn An', 'Trần Thị
    Bích'): a letter only Vietnamese writes, 'ơ', 'ư' or one of U+1EA0-U+1EF9 ('ễ', 'ầ', 'ị'); not 'ă'
    or 'đ', of Romanian and Croatian names, given name first. (A list's first two names both so
    spelled say it: 'An Văn Nguyễn and Bich Tran' is in English order.)"""
    return not name.isascii() and any(ch in "ơưƠƯ" or "\u1ea0" <= ch <= "\u1ef9" for ch in name)


def _particled_family(words: list[str]) -> bool:
    """Whether words are one family name with its particle: a particle first ('Le Scao',
    'van den Oord', 'De Vries') or in lower case inside ('Tachet des Combes'); not a
    family name and a given name ('Nguyen Van')."""
    return len(words) >= 2 and all(_name_word(w) and "." not in w for w in words) and (
        words[0].lower() in _PARTICLES or any(w in _PARTICLES for w in words[1:-1])) and words[-1][:1].isupper()


def _family_words(words: list[str]) -> bool:
    """Words a family name printed before its initials may be made of: 'García Márquez',
    'Le Scao', 'van den Oord', 'Ó Séaghdha' (no initials, no stops; its last word capitalised)."""
    return all(_name_word(w) and "." not in w and (not _initials_caps(w) or w in GAELIC_PREFIXES) for w in words) \
        and words[-1][:1].isupper()


# particles no given name is ('Van', 'Le', 'Da', 'Di', 'Bin', 'Al', 'Del' are: 'Van Nguyen', 'Da Li', 'Al Gore')
_CAPITALISED_PARTICLES = frozenset("le la de da di du van von del della des den der dos das ter ten".split())
_FAMILY_PARTICLES = frozenset("von der den des dos das della degli dei ten ter zu af och van't".split())
_COMPANY_SUFFIXES = frozenset("inc ltd llc gmbh corp co plc ag sa bv".split())


def _given_name_chunk(chunk: str) -> bool:
    """A given name alone, perhaps with initials after it: 'Teven', 'Stéfan', 'Alex J.' (not
    initials alone, not a name in capitals, not two names: 'Pedro Javier' may be a person)."""
    words = chunk.split()
    if not words or len(words) > 3 or len(words) > 1 and words[1][-1] != ".":
        return False
    given = words[0]
    return len(given) >= 2 and given[0].isupper() and given[1:].isalpha() and given[1:].islower() \
        and given.lower() not in _NAME_SMALL_WORDS and all(map(_is_initial, words[1:]))


def _given_names(chunk: str) -> bool:
    """Two or three given names: 'Pedro Javier', 'Gabriel José', 'Jean-Pierre Marie' (capitalised words
    in lower case after their first letter, no initials, no small words)."""
    words = chunk.split()
    return 2 <= len(words) <= 3 and all(
        len(w) >= 2 and w[0].isupper() and w[1:].replace("-", "").isalpha() and w[1:].replace("-", "").islower()
        and w.lower() not in _NAME_SMALL_WORDS for w in words)


def _iberian_family(words: list[str]) -> bool:
    """Whether words are a Spanish family name's two (paternal and maternal: 'Ortiz Suárez', 'García
    Márquez', 'Hernández García', 'Díaz Ruiz'), by the ending of its patronymics and of Spanish family
    names most, '-z' ('-ez', '-iz', '-az', '-oz', '-uz'), which no given name has ('Pedro Javier', 'Gabriel
    José'), nor a name romanised from Chinese, Japanese, Korean or Vietnamese ('Yamada Taro')."""
    return any(ascii_fold(w.rstrip(".,;"))[-1:].lower() == "z" for w in words)


def _vancouver_name(chunk: str) -> bool:
    """'Smith J', 'Le VC', 'Kind AJH', 'Tachet des Combes R': a family name and its initials
    in capitals, no full stops. Not a name and its suffix in Roman numerals, three 'I's being no one's initials
    ('Hal Daumé III'; a given name, a family name and 'II' or 'IV': 'Henry Ford II')."""
    words = chunk.split()
    if words and words[-1] in ROMAN_SUFFIXES and (words[-1] == "III" or len(words) >= 3):
        return False
    return 2 <= len(words) <= 4 and _initials_caps(words[-1]) and words[-1].isascii() \
        and all(_name_word(w) and "." not in w for w in words[:-1])
# the Chinese standard's (GB/T 7714) close of a journal article: year, volume(issue): pages
_GBT_TAIL_RE = lazy(r",\s*(?:19|20)\d\d\s*,\s*\d{1,4}\s*(?:\(\s*\d{1,4}\s*\))?\s*:\s*\d+")


def _initials_caps(word: str) -> bool:
    """Initials in capitals without full stops, after a family name: 'AM', 'VC', 'JRR', and a hyphenated
    given name's, 'M-W' (Ming-Wei), 'W-t' (Wen-tau, its second part's case kept)."""
    if len(word) == 3 and word[1] == "-":
        return word[0].isupper() and word[0].isascii() and word[2].isalpha() and word[2].isascii()
    return len(word) <= 3 and word.isalpha() and word.isupper()


def _caps_family(word: str) -> bool:
    """A family name printed in capitals: 'NGUYEN', 'LI', 'DUPONT', 'SAINT-EXUPÉRY'."""
    return len(word) >= 2 and word.isupper() and word.replace("-", "").replace("'", "").isalpha() \
        and all(len(part) >= 2 for part in word.split("-"))        # not initials: 'J-D Kim'


def _vowelless_initials(word: str) -> bool:
    """Two or three capitals without a vowel ('JD', 'RT', 'CS', 'JRR'): a person's initials without their stops, no
    family name in capitals ('LI', 'WU', 'KIM', 'LY' hold one), save 'NG'."""
    return 2 <= len(word) <= 3 and word.isascii() and word.isalpha() and word.isupper() \
        and not any(ch in "AEIOUY" for ch in word) and word != "NG"


def _initials_then_name(chunk: str) -> bool:
    """A name printed as initials without stops before a family name: 'K Lee', 'RT Jones', 'JRR Tolkien'."""
    words = chunk.split()
    return len(words) >= 2 and (len(words[0]) == 1 and words[0].isupper() or _vowelless_initials(words[0])) \
        and words[-1][:1].isupper() and not words[-1].isupper()


def _glued_initials(first: str, chunks: list[str]) -> bool:
    """Whether the first name of a list opens with its given names' initials, in capitals without stops, before a
    family name ('JD Smith', 'JRR Tolkien', 'MA Hearst, ST Dumais'), not with a family name in capitals ('LI Wei',
    'NGUYEN Van An', 'NG Andrew'): initials no family name is ('JD'), or initials that might be one ('MA', 'GE',
    'EM'), unless a Chinese, Japanese or Korean family name before a given name of its syllables ('MA Long', 'LI
    Wei', 'OH Minjun'), where the list's other names print their initials so ('GE Hinton, S Osindero', 'EM Bender,
    T Gebru'); without them, as before, a family name ('MA Hearst' alone)."""
    words = first.split()
    if len(words) < 2 or not initials_in_capitals(words[0]) or len(words[0]) < 2 or words[0] == "NG" \
            or any(w.isupper() or not w[:1].isupper() for w in words[1:] if w.lower() not in _PARTICLES):
        return False
    if is_organisation(first):
        return False                # 'IBM Research', 'HP Labs'
    if _vowelless_initials(words[0]):
        return True
    family, given = words[0].lower(), [w.lower().replace("-", "") for w in words[1:]]
    for families, syllables in ((_CHINESE_FAMILIES, _PINYIN_RE), (_MORE_CHINESE_FAMILIES, _PINYIN_RE),
                                (_JAPANESE_FAMILIES, _HEPBURN_RE), (_KOREAN_FAMILIES, _KOREAN_SYLLABLES_RE)):
        if family in families and all(syllables.fullmatch(w) for w in given):
            return False
    return any(map(_initials_then_name, chunks[1:]))


# Chinese family names of two or three letters beside the commonest, which capitals may print ('GE Rong', 'QI Lin')
_MORE_CHINESE_FAMILIES = frozenset("ge qi ji yi bi mi hou niu bai mao qin shi yan fan jin lei mo mu qu ou ni".split())
# Korean family names of two or three letters, as romanised ('OH Minjun', 'HAN Ji-woo'), and the syllables of
# Korean given names ('Min-jun', 'Seo-yeon', 'Hyun', 'Ji-woo')
_KOREAN_FAMILIES = frozenset("oh an ko yu ha no do jo ku ma im na ra bae cho han kim lee lim nam ahn kwon jeon seo "
                             "yoo shin sim son jin woo".split())
_KOREAN_SYLLABLES_RE = lazy(r"(?:(?:ch|jj|kk|pp|ss|tt|sh|[bcdghjkmnprstwy])?"
                            r"(?:yeo|wae|ae|eo|eu|oe|ui|wa|wo|we|ya|yo|yu|ye|oo|[aeiou])(?:ng|[nmlkpt])?){1,3}")


def _caps_family_name(words: list[str]) -> str | None:
    """The family name of a name that prints it in capitals among given names in
    lower case ('NGUYEN Van An', 'ZHANG Wei', 'Van An NGUYEN'), or None."""
    if len(words) < 2 or not any(w[1:2].isupper() for w in words):
        return None
    caps = [w for w in words if _caps_family(w)]
    if len(caps) != 1 or not all(w[:1].isupper() and not w.isupper() for w in words if w is not caps[0]):
        return None
    if words[0] is caps[0] or len(caps[0]) >= 4 and len(words) >= 3:
        return caps[0]
    return None


def _given_then_caps(chunk: str) -> str | None:
    """The family name of a name printed given names first and the family name in capitals ('Kenton LEE',
    'Jacob DEVLIN', 'Ming-Wei CHANG', 'Jean-Paul SARTRE'), or None: given names capitalised, in lower case
    after their first letter, no initials; the last word in capitals, no person's initials (initials_in_capitals:
    not 'Ioannidis JPA'), which an organisation's acronym after its name reads as too ('Stanford HAI'): the list
    or the entry tells which (_first_author). Not a firm's name, nor an acronym no family name is printed as."""
    words = chunk.split()
    if not 2 <= len(words) <= 4 or not _caps_family(words[-1]) or initials_in_capitals(words[-1]) \
            or words[-1] in ROMAN_SUFFIXES or is_organisation(chunk) or firm(words[0]):
        return None
    last = words[-1]
    if not any(ch in "AEIOUY" for ch in ascii_fold(last)) or last[0] == words[0][0]:
        # an acronym, as no family name is: no vowel ('Stanford CRFM'), or the name's first word its first letter
        # ('Berkeley BAIR'); a firm's ('Meta FAIR')
        return None
    for w in words[:-1]:
        parts = w.split("-")
        if not (parts[0][:1].isupper() and len(parts[0]) >= 2 and all(part.isalpha() and part[1:].islower()
                                                                      for part in parts)) \
                or w.lower() in _NAME_SMALL_WORDS:
            return None
    return words[-1]


# a venue as a lower-case 'in:' opens it, as Elsevier's comma style prints it: ', in: Proc. ACL'
_LOWER_IN_VENUE_RE = lazy(r",\s+in:\s+[A-Z]")


_CAPS_PIECES_RE = lazy(r"[A-Z]{1,6}\.?(?:\s+[A-Z]{1,6}\.?){1,3}")
_CONTEXT_WORD_RE = lazy(r"[A-Za-z][\w\-']*")


def _kerned_acronym(name: str, context: str) -> str | None:
    """An organisation's acronym that the PDF's text cut at a kerning ('EP A' for
    'EPA'), or None: pieces in capitals whose letters, joined, are the initials of a
    name the entry prints ('U.S. Environmental Protection Agency', 'Department of
    Energy') or a label of its web address's host ('epa.gov'). A person's name in
    capitals with an initial ('LI X.') spells nothing the entry says."""
    if not _CAPS_PIECES_RE.fullmatch(name):
        return None
    letters = name.replace(".", "").replace(" ", "")
    if not 3 <= len(letters) <= 8:
        return None
    words = _CONTEXT_WORD_RE.findall(context)
    for i, w in enumerate(words):
        if w[0] != letters[0]:
            continue
        for small in (False, True):     # the small words' initials out ('EPA') or in ('DOE')
            initials = ""
            for x in words[i:i + 2 * len(letters)]:
                if x[0].isupper():
                    initials += x[0]
                elif x.lower() in _FUNCTION_WORDS or x == "and":
                    initials += x[0].upper() if small else ""
                else:
                    break
                if len(initials) >= len(letters):
                    break
            if initials == letters:
                return letters
    if _may_hold_url(context):
        for url in _URL_RE.findall(context):
            host = _URL_HOST_RE.match(url)
            if host and letters.lower() in host.group(1).lower().split("."):
                return letters
    return None


# a name of capitalised words, no initial among them, then a colon and a phrase opening with an article
_TAGLINE_RE = lazy(r"([A-ZÀ-Þ][\w'’&\-]+(?:\s+(?:[A-ZÀ-Þ][\w'’&\-]+|(?:in|of|for|on|and|the|with)(?=\s+[A-ZÀ-Þ]))){0,4}):\s+(?:The|An?)\s+[A-ZÀ-Þ][\w'’\-]*(?:\s+[\w'’\-]+){0,6}")


def _body_before_place(authors: str) -> str | None:
    """An organisation's name where its place follows it after a comma, the whole author list ('National Institute
    of Standards and Technology, Gaithersburg, MD', 'OpenAI, San Francisco, CA', 'Jet Propulsion Laboratory,
    Pasadena, CA'), or None: the last piece a place (names_a_place), the pieces between it and the name words of a
    place's, two at most ('Moffett Field'), the name an organisation's. Not a person's ('Smith, Georgia')."""
    pieces = [p.strip() for p in authors.split(",")]
    if len(pieces) < 2 or not names_a_place(pieces[-1]):
        return None
    for j in range(max(1, len(pieces) - 3), len(pieces)):
        if not all(_PLACE_WORDS_RE.fullmatch(p) and not any(map(_is_initial, p.split())) for p in pieces[j:-1]):
            continue
        body = ", ".join(pieces[:j])
        if " " in body and is_organisation(body) or _organisation_author(body) \
                or ("&" in body or " and " in body) and _conjoined_organisation(body, "") == body:
            return body
    return None


def _first_author(authors: str, context: str = "", family_first: bool = False) -> str | None:
    """Last name of the first author: 'Strubell, E., Ganesh, A.' (last-first),
    'Emma Strubell, ...' and 'E. Strubell and ...' (first-last); an
    organisation's whole name (`context`, the rest of the entry, helps tell one)."""
    authors = authors.strip()
    if _ET_AL_WORDS_RE.search(authors):
        authors = _ET_AL_RE.sub("", authors)
    authors = authors.strip(" ,.;")
    if not authors:
        return None
    if ", " in authors and (body := _body_before_place(authors)):
        authors = body             # 'National Institute of Standards and Technology, Gaithersburg, MD': the body
    if _CAPITAL_SPACE_LOWER_RE.search(authors):
        authors = _KERNED_NAME_RE.sub(r"\1\2", authors)
    if "St. " in authors:
        authors = _SAINT_RE.sub("St ", authors)      # 'St. John M', 'St. Clair, J.': a particle, no initial
    if authors[-1:] in ")]" and (named := name_after_acronym(authors)):
        return _body_as_meant(named)        # 'IEA (International Energy Agency)', keyed as 'International ... (IEA)'
    chunks = _first_chunks(authors)
    if not chunks:
        return None
    first = chunks[0]
    if len(chunks) == 1 and ": " in first and (tagged := _TAGLINE_RE.fullmatch(first)):
        # a body's or a site's name and its tagline after a colon, as it prints itself: the name ('Wikipedia: The
        # Free Encyclopedia', 'Statista: The Statistics Portal': wikipedia, statista; as 'Wikipedia, The Free ...')
        return tagged.group(1)
    if len(chunks) == 1 and context and first.isupper() and " " in first:
        acronym = _kerned_acronym(first, context)
        if acronym:
            return acronym
    if not first.isascii() and all(map(_cjk, first.replace(" ", ""))):
        return first        # '王小明', '山田 太郎': family name first, keyed whole (kb.text.names.author_key)
    if "&" in authors or " and " in authors:
        # (a firm's legal form after it, its comma too, is not of its name: 'Marks & Spencer Group plc', 'Johnson &
        # Johnson Services, Inc.', 'Procter & Gamble Co.', as kb.text.names keys '{Google LLC}')
        named = authors if (at := legal_form_at(authors)) is None else authors[:at]
        if "," not in named and ";" not in named:
            whole = _conjoined_organisation(named, context, legal=named != authors)
            if whole:
                return _body_as_meant(without_acronym(whole))
    if (at := legal_form_at(authors)) is not None and _firm_before_legal_form(authors[:at]):
        # a firm's name closed by its legal form, which is not of its name: 'BP p.l.c.', 'SAP SE', 'ING Groep N.V.',
        # 'Samsung Electronics Co., Ltd.' (bp, sap, inggroep, samsungelectronics; were plc, se, groep, co), as
        # kb.text.names keys '{SAP SE}' (a family name and initials as Vancouver prints them key alike: 'Kim SE')
        return authors[:at]
    if _NAME_SENTENCE_END_RE.search(first):
        # a list read up to its year takes the sentences before it: 'Civil Rights Litigation
        # Clearinghouse. Mission. https://...': the first sentence is the author
        first = _NAME_SENTENCE_END_RE.split(first, maxsplit=1)[0]
    caps = _given_then_caps(first)
    if caps and (len(chunks) > 1 and _given_then_caps(chunks[1])
                 or len(chunks) == 1 and not firm_acronym(first.split())
                 and (_scholarly(context) or _LOWER_IN_VENUE_RE.search(context) is not None)):
        # a family name in capitals after given names, as the list's other names print theirs ('Jian LIU, Wei
        # XIE', 'Hao LUO and Jacob DEVLIN'), or the one author of a paper in proceedings or a journal ('Kenton
        # LEE. 2019. ... In ACL.'), where bodies put the name closed by their acronym to reports ('Stanford HAI.
        # 2023. AI Index Report.'); not a firm's name and its lab's acronym, one author ('Meta FAIR. 2023. ... In ACL.')
        return caps
    if len(chunks) == 1 and acronym_after_name(first.split()):
        # the one author, closed by an acronym no initials are: 'Stanford HAI. 2023.' (not 'Ioannidis JPA. 2005.';
        # names printing a family name in capitals after the given name are more than one: 'Jian LIU, Wei XIE')
        return first
    if len(chunks) > 1 and first != first.title() and not _glued_initials(first, chunks):
        # a family name in capitals among given names: 'NGUYEN Van An, TRAN Thi Bich', 'Van An NGUYEN'
        caps = _caps_family_name(first.split())
        if caps and not is_organisation(first):
            return caps
    if len(chunks) > 1 and first[-2:-1] == " " and first[-1].isupper() and first.count(" ") == 1 \
            and _vancouver_name(chunks[1]):
        # Vancouver's family name and one initial, among names printed so: Google Scholar's Vancouver prints an
        # organisation so too, its last word first ('Workshop B, Scao TL' for BigScience Workshop, 'Team G, Anil
        # R' for Gemini Team), and that word, the family name, agrees with the organisation's whole name
        return first[:-2]
    # the title and web address tell an organisation only when it is the one author
    if _organisation_author(first, context if len(chunks) == 1 else "") \
            and not (len(chunks) > 1 and _glued_initials(first, chunks)):   # 'International Energy Agency'
        # one name, with its 'and': 'Carbon Offset Research and Education'
        whole = _ORG_AND_RE.match(without_acronym(authors))
        if whole and whole.group(1) == first and not any(map(_is_initial, whole.group(2).split())):
            first = whole.group(0).rstrip(" ,.;")
        # ... and its commas, a list of single words ending with 'and' one: 'National Academies of Sciences,
        # Engineering, and Medicine', 'United Nations Educational, Scientific and Cultural Organization' (single
        # words are no people's names after an organisation's)
        elif authors.startswith(first) and _ORG_WORDS_LIST_RE.fullmatch(authors, len(first)):
            first = authors.rstrip(" ,.;")
        return _body_as_meant(without_acronym(first))
    words = [w for w in first.split() if w.lower().strip(".") not in _SUFFIXES]
    if not words:
        return None
    if (family_first or len(words) >= 2) and not any(map(_is_initial, words)) \
            and not any(map(_initials_caps, words[1:])) and words[0] not in _PARTICLES \
            and (family_first or _family_first_list(chunks, context) or _pinyin_family_first(words)
                 or not first.isascii() and all(map(_vietnamese, chunks))):
        # GB/T 7714: 'Wang Xiaoming, Li Hua. Title[J].'; 'Zhang San-feng'; a full name among
        # family names with initials: 'Tran Thi Bich, Smith J, Le VC (2020)'
        return words[0]
    # Vancouver, Springer Nature: 'Turing AM', 'Nguyen VA', 'Strubell E'
    if len(words) >= 2 and all(map(_initials_caps, words[1:])) and not words[0].isupper():
        return words[0]
    # ... a family name with its particle, before its initials: 'Le Scao T', 'Tachet des Combes R', and
    # last-first: 'Le Scao, T.', 'van den Oord, A.', 'García Márquez, G.' (BibTeX's family name is the whole of it)
    if 2 <= len(words) <= 4:
        # the list's last name, its last initial's stop taken with the list's: 'Ortiz Suárez, P. J (2020).'
        second = chunks[1] if len(chunks) > 1 else ""
        if second[-1:].isupper() and second[-2:-1] in ("", " ", ".", "-") and authors.endswith(second):
            second += "."       # 'P. J', 'P.J', 'Pedro J', 'J'

        if _initials_caps(words[-1]):
            if _vancouver_name(first) and _family_words(words[:-1]):
                return " ".join(words[:-1])
        elif len(chunks) > 1 and all(map(_caps_family, words)) and chunks[1][:1].isupper() and (
                not chunks[1].isupper() or words[0].lower() in _CAPITALISED_PARTICLES
                and _LETTER_INITIALS_RE.match(second.split(";", 1)[0].strip())):
            # a family name in capitals before its given name (ABNT, some European lists): 'ORTIZ SUÁREZ,
            # Pedro Javier; SAGOT, Benoît', 'VAN DER WALT, Stéfan'; or before its initials where a particle
            # opens it: 'DE CHOUDHURY, M.; GAMON, M.' (as BibTeX reads 'De Choudhury, M.': dechoudhury)
            return " ".join(words)
        elif len(chunks) > 1 and len(chunks[1]) <= 12 and _family_words(words) and chunks[1].lower() not in _SUFFIXES \
                and (_LETTER_INITIALS_RE.match(second) or _particled_family(words)
                     and _INITIALS_CHUNK_RE.match(chunks[1] if chunks[1].isascii() else ascii_fold(chunks[1]))
                     # (one initial so, not in Latin letters: 'Ó Séaghdha, Ø')
                     or _is_capital(chunks[1]) and authors.endswith(chunks[1])):
            return " ".join(words)
        elif len(chunks) > 1 and (words[0].lower() in _FAMILY_PARTICLES or words[1].lower() in _PARTICLES
                                  and words[0].lower() in _PARTICLES) and _family_words(words) \
                and not family_name_first(words):       # (not a Vietnamese name: 'Le Van Hung', 'Le Thi Hoa')
            # a family name opening with a particle that is no given name, or two: the name is inverted
            # whatever follows ('Dos Santos, Cicero Nogueira', 'Van der Walt, S. C.', 'von Werra, Leandro')
            return " ".join(words)
        elif len(chunks) > 1 and chunks[1].rstrip(".").lower() in _COMPANY_SUFFIXES and _family_words(words):
            return first            # a company with its legal form: 'Hugging Face, Inc.'
        elif len(chunks) > 1 and _given_name_chunk(second) and _family_words(words) \
                and not is_organisation(f"{first} {chunks[1]}"):
            # Chicago and MLA: the first author inverted, a given name after the comma ('Le Scao, Teven,
            # Angela Fan, ...', 'van der Walt, Stéfan', 'De Vries, Alex'): no list of names in their order
            # has a name of one word after its first, so the words before the comma are the family name
            return " ".join(words)
        elif len(chunks) == 2 and [c.strip() for c in authors.split(",")] == chunks and _family_words(words) \
                and _given_names(chunks[1]) and _iberian_family(words) and not _iberian_family(chunks[1].split()):
            # one author inverted, two given names after the comma and the list's end ('Ortiz Suárez, Pedro
            # Javier. 2020.', 'García Márquez, Gabriel José'), which reads too as two names joined by a comma
            # alone, as lists printing family names first join them ('Yamada Taro, Suzuki Hanako. 2019.') and
            # some given names first ('Novak Đoković, Ana Ivanović. 2020.'): a Spanish family name's two words
            # before the comma, and none after it, say the one name inverted ('Carlos Gómez, Ana López' are two)
            return " ".join(words)
        elif len(chunks) == 2 and _initials_caps(chunks[1]) and not initials_in_capitals(words[-1]) \
                and _family_words(words) and not is_organisation(first):
            # a family name of two words and its initials in capitals without stops after the comma, as some
            # Springer and Vancouver lists print them ('Ortiz Suárez, PJ:', 'García Márquez, GJ, ...'): no name
            # given first is followed by initials alone
            return " ".join(words)

    # last-first: a single word followed by a chunk of initials
    if len(words) == 1 and len(chunks) > 1 and _INITIALS_CHUNK_RE.match(chunks[1] if chunks[1].isascii() else ascii_fold(chunks[1])):
        return words[0]
    # "Kärcher B." : name then initials
    if len(words) >= 2 and all(_is_initial(w) or _is_capital(w) for w in words[1:]) \
            and not _is_initial(words[0]):
        return words[0]
    names = [w for w in words if not _is_initial(w) and not _is_capital(w)]
    if not names:
        return None
    if family_name_first(words):
        return words[0]                     # 'Kim Ji-hoon', 'Mao Tse-tung' (kb.text.names.family_name_first)
    if len(words) >= 3 and words[-2] in GAELIC_PREFIXES:
        return " ".join(words[-2:])         # 'Oisin Mac Aodha', 'Diarmuid Ó Séaghdha' (kb.text.names.GAELIC_PREFIXES)
    if len(words) >= 3 and (words[1] in _PARTICLES or words[-2] in _PARTICLES):
        # given name first, the family name from its particle in lower case on, as BibTeX reads 'First von
        # Last': 'Leandro von Werra', 'A. van den Oord', 'Cicero Nogueira dos Santos'
        for k in range(1, len(words) - 1):
            if words[k] in _PARTICLES and _family_words(words[k:]):
                # (and a capitalised particle before it, which a reference is no BibTeX to read as a given name's:
                # 'Fernando De la Torre', as inverted 'De la Torre, F.')
                while k > 1 and words[k - 1].lower() in _CAPITALISED_PARTICLES and _given_first_particle(words):
                    k -= 1
                return " ".join(words[k:])
    if len(words) >= 3 and words[-2].lower() in _CAPITALISED_PARTICLES and _given_first_particle(words):
        # ... and from a capitalised particle on: a reference is no BibTeX, which reads 'Teven Le Scao' as
        # given names 'Teven Le'; the name is the one its list prints inverted 'Le Scao, T.', and its key
        # lescao ('Munmun De Choudhury', 'T. Le Scao', 'Christophe Van Gysel', 'Laurens Van Der Maaten')
        k = len(words) - 2
        while k > 1 and words[k - 1].lower() in _CAPITALISED_PARTICLES | _PARTICLES:
            k -= 1
        return " ".join(words[k:])
    return names[-1]


# the commonest Japanese family names, in Hepburn's romanisation with its long vowels unmarked or spelt out ('Sato',
# 'Satou', 'Ohno'), one a Western given name too ('Abe'), read only before a Japanese given name
_JAPANESE_FAMILIES = frozenset(
    "abe sato satou suzuki takahashi tanaka watanabe ito itou yamamoto nakamura kobayashi kato katou yoshida yamada "
    "sasaki yamaguchi saito saitou matsumoto inoue kimura hayashi shimizu yamazaki mori ikeda hashimoto yamashita "
    "ishikawa nakajima maeda fujita ogawa goto gotou okada hasegawa murakami kondo kondou ishii sakamoto endo endou "
    "aoki fujii nishimura fukuda ota ohta oota miura fujiwara okamoto matsuda nakagawa nakano harada ono ohno oono "
    "tamura takeuchi kaneko wada nakayama ishida ueda morita shibata sakai kudo kudou yokoyama miyazaki miyamoto "
    "uchida takagi ando andou taniguchi maruyama imai fujimoto takeda murata ueno sugiyama masuda sugawara hirano "
    "otsuka chiba kubo matsui iwasaki sakurai kinoshita noguchi matsuo nomura kikuchi onishi sugimoto arai "
    "yamanaka kawaguchi kawasaki nishida hirata kojima kobayashi takano".split())
# a word of Japanese syllables in Hepburn's romanisation: a consonant (doubled, or palatalised with 'y'), a vowel, or
# 'n' alone ('Hiroshi', 'Kenji', 'Shin'ichi', 'Ryouta'); not 'Xiaoming', 'Smith', 'John'
_HEPBURN_RE = lazy(r"(?:(?:kk|ss|tt|pp|tch)?(?:sh|ch|ts|[kgsztdnhbpmr]y?|[jfwy])?[aiueo]|n'?){1,8}")


# Chinese family names a capitalised particle's syllable ('Di', 'Da', 'Du', 'De', 'Le') may stand before as a
# given name's: 'Wei Di Li' is no 'Di Li'
_CHINESE_FAMILIES = frozenset("li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng "
                              "liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai lu "
                              "wei ding shen ye ren cheng fu su lv lyu du".split())


def _given_first_particle(words: list[str]) -> bool:
    """Whether a name given first closes with a capitalised particle and its family name ('Munmun De
    Choudhury', 'T. Le Scao'): given names or initials before it, the family name capitalised, of three letters
    or more; not a Vietnamese name in English order, whose 'Van' or 'Le' is a middle name ('Anh Van Nguyen'),
    nor a Chinese one's syllable ('Wei Di Li')."""
    last = ascii_fold(words[-1]).lower()
    return len(last) >= 3 and _family_words(words[-2:]) and words[-1][1:].islower() \
        and last not in VIETNAMESE_FAMILIES and last not in _CHINESE_FAMILIES \
        and not family_name_first(words) and all(_name_word(w) for w in words[:-2]) \
        and words[0].lower() not in _CAPITALISED_PARTICLES | _PARTICLES


# --------------------------------------------------------------------------
# Titles

# what opens a venue after a title: 'In Proceedings of', 'In: International ...', 'In NeurIPS',
# 'CoRR, abs/...', 'arXiv preprint', 'Advances in Neural ...', 'Proceedings of the AAAI ...'
_VENUE_OPENER = (r"(?:In:?\s+[A-Z]|CoRR\b|arXiv\b|ArXiv\b|arxiv\b|Advances\s+in\s|Proceedings\s+of\b|Proc\.\s"
                 r"|Findings\s+of\b|Journal\s+of\b|Transactions\s+on\b)")
# a journal's name (capitalised words, some perhaps cut short with a stop, 'IEEE Trans. Neural Netw.'), then its
# volume, issue and first page: ', 59(236), 433', ' 1(1):4', '. 1990;1(1):4', ', 5, 1-10'. A word of a
# person's name in a title stops it: an initial ('John F. Kennedy', 'A. M. Turing') or a word of six letters or
# more with a stop ('Kennedy. Journal of History, 5, 1')
# ... or a book's publisher: 'Plan B. MIT Press.', 'Part I. Oxford University Press', 'Vol. I. Springer-Verlag'
_PUBLISHER = r"\s+(?:[A-Z][\w&\-]*\s+){0,3}(?:[A-Z]\w*-)?(?:Press|Publishing|Publishers|Verlag|Books)(?=[.,;:]|\s*$)"
# a venue or a publisher opening a text: what follows a title (_titled_by_year)
_VENUE_OR_PUBLISHER_RE = lazy(r"\s+" + _VENUE_OPENER + "|" + _PUBLISHER)
# (the three kinds of word exclusive, a stop only after the first two: a run of words is read one way, in
# one pass, never in each of 2^n ways)
# (its words in any Latin script's letters: 'Monatshefte für Mathematik und Physik', 'Revue française')
_JOURNAL_WORD = r"(?:[A-Za-zÀ-ÖØ-öø-ÿ][a-zß-öø-ÿ]{1,4}\.|[A-Z]{2,}\.|[A-Za-zÀ-ÖØ-öø-ÿ&'’\-]+(?=[\s,.]))"
_JOURNAL_VOLUME = (rf"\s+(?=[A-ZÀ-ÖØ-Þ]){_JOURNAL_WORD}(?:\s+{_JOURNAL_WORD}){{0,12}}\.?,?\s+(?:(?:19|20)\d\d\s*;\s*)?"
                   r"\d{1,5}\s*(?:\(\s*[\d\-–]{1,9}\s*\))?\s*[,:]\s*(?:pp?\.\s*)?[A-Za-z]?\d")
_TITLE_END_RE = lazy(
    # (each alternative opens with the character it ends at, which the engine scans for,
    # not with a look behind, which it would try at every position)
    r"[.!?](?<=[^\s.][.!?])(?<![\s(.][A-Z][.!?])(?=\s|$)"    # sentence end, not after an initial
    # ... nor a title's 'vs.', 'v.', 'e.g.', 'i.e.', 'cf.', 'Dr.', 'Mr.', 'Mrs.', 'Ms.'
    r"(?<!\bvs\.)(?<!\bv\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bcf\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)"
    # ... nor a series' number after a title's colon, its part's title after it ('GRADE guidelines: 1. Introduction')
    rf"(?!(?<=:\s\d\.)\s+(?!{_VENUE_OPENER})[A-Z])(?!(?<=:\s\d\d\.)\s+(?!{_VENUE_OPENER})[A-Z])"
    # ... after a one-letter word too when a venue follows ('... for task A. Advances in ...'), or a journal
    # and its volume: a Roman numeral or a letter closing the title ('Intelligence I. Mind, 59(236), 433',
    # 'part V. IEEE Trans Neural Netw. 1990;1(1):4', 'Vitamin C. Nutrition Reviews, 5, 1-10')
    rf"|\.(?<=[\s(][A-Z]\.)(?=\s+{_VENUE_OPENER}|{_JOURNAL_VOLUME}|{_PUBLISHER})"
    # a venue with no full stop before it ('... models In: Proceedings of', '... lme4 arxiv.')
    r"|\s(?=https?://|www\.|arXiv\b|ArXiv\b|arxiv(?=\s*[.,]?\s*$|\s+preprint\s+arxiv)|doi:|CoRR,?\s+abs/"
    r"|In:?\s+(?:Proceedings|Advances\s+in|Findings\s+of)\b|In:\s|[\w.\-]+\.(?:com|org|net|edu|gov)/)"
    # Elsevier's book or proceedings after a comma: '... deep learning in NLP, in: Proceedings of ...'
    r"|,(?=\s+in:\s)"
    # Harvard's chapter before ', in' and its book, an edited book's or one with the chapter's pages ('Computing
    # machinery and intelligence, in The Essential Turing. Oxford: Clarendon Press, pp. 433-464', ', in Smith, J.
    # (ed.) Handbook')
    r"|,(?=\s+in\s+[A-Z][^()\[\]]{0,200}?(?:\(eds?\.?\)|\(editors?\)|\bpp?\.\s*\d))")


_LEADING_PUNCT_RE = lazy(r"^[\s.,:;)]+")
# (a date is closed by its stop, comma or bracket: 'November.', '2021, February 10).'; a title may open with
# a month's word: 'May I help you?', 'March of the machines')
_LEADING_DATE_RE = lazy(rf"^(?:{_MONTHS}(?:\.?\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?)?(?:\.\)?|\)[.,]?|,)\s+)")
_LEADING_YEAR_RE = lazy(r"^[(\[]?(?:19|20)\d\d[a-z]?(?:[/–-](?:19|20)?\d\d[a-z]?)?[)\]]?[.,]\s+")
# (a web page's day of posting or updating where the year goes, a sentence of its own: 'Posted on 3 March 2021.',
# 'Published: May 3, 2022.', 'Last updated 2023.')
_LEADING_POSTED_RE = lazy(rf"^(?:Posted|Published|Updated|Last\s+updated|Uploaded)(?:\s+on)?:?\s+"
                          rf"(?:(?:[0-3]?\d(?:st|nd|rd|th)?\s+)?{_MONTHS}\.?\s+(?:\d{{1,2}},?\s+)?)?(?:19|20)\d\d(?:[.,]\s+|\.?\s*$)")
_LEADING_INITIAL_RE = lazy(r"^[A-Z]\.\s+(?=[A-Z])")
# where a style prints the year, the work's state when it has none: 'Smith, J. (in press).', '(n.d.).'
_STATUS = (r"(?:to\s+appear|to\s+be\s+published|in\s+press|forthcoming|accepted(?:\s+for\s+publication)?"
           r"|under\s+review|in\s+review|submitted|n\.\s?d\.?(?:-[a-z])?|no\s+date|in\s+preparation|unpublished)")
# what each of them starts with, and a word each holds: cheap to look for before the patterns are
_STATUS_STARTS = frozenset(["to ", "in ", "for", "acc", "und", "sub", "n.d", "n. ", "no ", "unp"])
_STATUS_WORDS = ("appear", "publish", "press", "forthcoming", "accepted", "review", "submitted", "n.d", "n. d",
                 "no date", "preparation", "unpublished")
_STATUS_AT_RE = lazy(rf"[(\[]?{_STATUS}[)\]]?[.,:]?(?=\s|$)", re.I)
_LEADING_STATUS_RE = lazy(rf"^[(\[]?{_STATUS}[)\]]?[.,:]\s+", re.I)
# ... and after a title, set off by a comma or brackets: 'Title, to appear in ...', 'Title (in press)'
# (from the comma or bracket, which the engine scans for: the space before it goes with the title's strip)
_TRAILING_STATUS_RE = lazy(rf"(?:[,;]\s*[(\[]?|[(\[]){_STATUS}\b[^()\[\]]*[)\]]?$", re.I)
_QUOTED_TITLE_RE = lazy(r'^["“«]\s*([^"“”«»]{2,400}?)\s*[,.]?\s*["”»]')
# ... a quotation heading a title, its colon after the closing quote, a subtitle after it (no stop or comma before
# the closing quote, which closes a whole title: '"Title," in', '"Title." Journal')
_VENUE_AT_RE = lazy(_VENUE_OPENER)
_QUOTED_HEAD_RE = lazy(r'^(["“«][^"“”«»]{2,200}?[^"“”«»,.\s]["”»]):\s+(?=[\w"“\'‘])')
_TRAILING_COMMA_RE = lazy(r",\s*$")
# (and a journal's volume, issue and pages: '32(4): 1021-1035')
# (and Nature's container after 'in' where the entry prints no title: 'Paszke, A. et al. in Advances in Neural
# Information Processing Systems 32 (eds ...) 8024–8035 (2019).', 'He, K. et al. in Proc. IEEE Conference on ...'; a
# subtitle's colon says a title: 'In Conference of the Birds: A study of Attar')
_NOT_A_TITLE_RE = lazy(r"^(?:arxiv|in\s+proceedings|proceedings|technical report|https?:|www\."
                       r"|in\s+(?![^:]{0,300}:\s)(?:Proc\b|Advances\s+in\s|Findings\s+of\s|(?:(?:\d+(?:st|nd|rd|th)|Annual|Joint)\s+)*"
                       r"(?:International\s+|European\s+|North\s+American\s+|Asian\s+)?"
                       r"(?:Conference|Workshop|Symposium|Meeting)\s+(?:on|of)\s)"
                       r"|\d+\s*(?:\(\s*\d+\s*\))?\s*:\s*\d)", re.I)
# the book or proceedings a work is in and its editors where the title would be, the work's own title not printed
# ('Smith, A. (2019). In K. Lee (Ed.), Handbook of parsing.', 'In K. Lee and M. Park, editors, Handbook ...', 'In:
# Lee, K. (eds.) Handbook ...', 'In Handbook, edited by K. Lee', 'In J. Smith (Hrsg.), Handbuch', '(Ed-\ns.)'
# broken at a line's end): the editors' names and their book are no title of the entry's work
_IN_EDITED_RE = lazy(r"^In:?\s(?=(?:(?![.?!]\s+In:?\s).){0,240}?(?:\(\s*(?:[Ee]ds?|[Ee]d-\s*s|Hrsg|Hg|[Ee]ditors?)\.?\s*\)"
                     r"|,\s*(?:[Ee]ditors?|[Ee]ds?\.|Hrsg\.|Hg\.)(?=[\s,.:;)]|$)|\s[Ee]dited\s+by\s+[A-Z]"
                     r"|\s(?:[Ee]ds?\.|Hrsg\.)\s*[,:]?\s*[A-Z]))|^In:\s")
# a personal communication's kind where a title would be: 'Smith, J. Personal communication, 2021.', no work's
# title (two papers may cite two people's so, of one year: never one work of both)
_NO_WORK_RE = lazy(r"(?:personal|private)\s+(?:communication|correspondence|conversation|discussion)s?", re.I)


# a title in italics as Markdown marks them, where a reference list is pasted or written in it: '*A study of
# things*.', '_Speech and language processing_ (2nd ed.)' (not a name's own underscores: '__init__ files ...')
_EMPHASISED_TITLE_RE = lazy(r"^(\*{1,2}|_{1,2})(?=[^\s*_])(.{2,400}?[^\s*_])\1(?=[,.;:]|\s+[A-Z(\[]|\s*$)")
# ... holding a word or phrase in double quotes of its own: '"Making AI less "thirsty": Uncovering ...,"'
_NESTED_QUOTED_TITLE_RE = lazy(r'^["“«]\s*([^"“”«»]{1,200}?\s["“][^"“”«»\s][^"“”«»]{0,60}?[^"“”«»\s]["”][^"“”«»]{0,300}?)'
                               r'\s*[,.]?\s*["”»](?=[\s,.;:]|$)')
_SINGLE_QUOTED_TITLE_RE = lazy(r"^'\s*(.{8,400}?)\s*[,.]?'(?=[\s,.;:]|$)")
_SUBTITLE_RE = lazy(r"[A-Z][\w'\-]*(?:[ ,:;\-–—]+[\w'\-]+){2,30}")
_VENUE_WORDS_RE = lazy(r"\bIn\b|\b(?i:Proceedings|Proc|Journal|Transactions|Conference|Workshop|Symposium|Review|Letters|"
                       r"Press|University|Report|Magazine|Advances|Society|Association|Findings|Annals|Bulletin|"
                       r"Communications|Preprint|Thesis|Blog|Retrieved|Available|Accessed|Online|Institute|Nature|Science|"
                       r"Sciences|Research|Intelligence|Studies|Medicine|Economics|Physics|Psychology|Linguistics)\b"
                       r"|\b[A-Z]{3,}\b|\d")


# a journal, its volume (and issue) and the year in brackets after a title's comma:
# ', Nature 521 (2015)', ', J. Mach. Learn. Res. 21 (140) (2020)', ', Energy Policy 38 (2010)'
_COMMA_VENUE_RE = lazy(r",\s+[A-Z][^,()]{0,80}?\s\d{1,5}(?:\s*\(\d{1,4}\))?\s*\((?:19|20)\d\d\)")


# APA's edition and volume of a book after its title: '(2nd ed.)', '(Vol. 1)', '(Rev. ed., Vol. 2)'
_EDITION_VOLUME = r"(?:\d+(?:st|nd|rd|th)\s+ed|Rev\.?(?:\s+ed)?|Vols?)(?![\w(])"
_TITLE_DESCRIPTOR_RE = lazy(r"(?:\s*(?:\[[A-Z][\w /.\-]{0,30}\]|\((?:Version|Ver\.|v)\s*[\w.\-]+\)"
                            r"|\(" + _EDITION_VOLUME + r"[^()]{0,40}\)"
                            # the language a title is in, after it or its translation: '(in Russian)', '(In Russ.)'
                            r"|\(in\s+(?:English|Chinese|Russian|Russ\.|Japanese|Korean|German|French|Spanish|Portuguese"
                            r"|Italian|Dutch|Polish|Czech|Turkish|Arabic|Persian|Hebrew|Ukrainian|Greek|Vietnamese"
                            r"|Indonesian|Hindi)\)"
                            # APA 7's version of a program by its date: '(Mar 14 version)'
                            r"|\([\w .,\-]{1,30}\s[Vv]ersion\)"
                            # APA's kind of work: '(Master's thesis)', '(Doctoral dissertation, MIT)', '(Report No. 12)',
                            # in APA 7 in square brackets: '[Doctoral dissertation, University of X]'; a standard's
                            # number: '(ISO Standard No. 50001:2018)', '(IEEE Std 754-2019)'
                            r"|[(\[](?:(?:Doctoral|Master'?s|Bachelor'?s|Ph\.?\s?D\.?|Diploma)\s+(?:thesis|dissertation)"
                            # ... in the thesis's own language: '(Tesis doctoral)', '(Thèse de doctorat)', '(Doktorarbeit)'
                            r"|(?:Tesis|Tese|Tesi|Thèse|These)\s+(?:doctoral|de\s+(?:doctorado|doutorado|mestrado|maestría"
                            r"|doctorat|master)|di\s+(?:dottorato|laurea))|Dissertation|Doktorarbeit|Masterarbeit"
                            r"|Diplomarbeit|Bachelorarbeit|Habilitationsschrift|Proefschrift|Disertación|Dissertação"
                            r"|(?:Technical|Tech\.|Research|Policy)\s+(?:report|rep\.)|Report|Working\s+paper"
                            r"|(?:[A-Z][\w/]+\s+)?(?:Standard|Std\.?)(?=\s+(?:No\b|[A-Z]*\s?\d))"
                            # a report's number: '(LBNL-1005775)', '(NREL/TP-6A20-46646)' (not '(COVID-19)')
                            r"|(?-i:[A-Z]{2,}[A-Z/]*[\s\-/][\w/\-]*\d{4,}[\w/\-]*(?=\)))"
                            # ... and a preprint's, as APA 7 prints it: '(arXiv:2302.13971)'
                            r"|arXiv:\s?\d{4}\.\d{4,5}(?:v\d+)?(?=\))"
                            r"|Unpublished\s+(?:manuscript|doctoral\s+dissertation|master'?s\s+thesis))\b[^()\[\]]{0,80}[)\]]))+$",
                            re.I)
# ... and a work's translator or editor named in brackets after its title, as APA prints one: '(M. Cook, Trans.)',
# '(J. Strachey, Ed. & Trans.)', '(A. Smith & B. Jones, Eds.)', its last stop perhaps read as the title's end
_ROLE_AFTER_RE = lazy(r"\s*\((?:[A-Z]\.\s?)+(?:[A-Z][\w\-’'.]*\s?)*(?:(?:,\s*|\s+)(?:&|and)\s+(?:[A-Z]\.\s?)+"
                      r"(?:[A-Z][\w\-’'.]*\s?)*)?,\s*(?:Eds?|Trans|Trad|Übers|Hrsg|Comp)"
                      r"(?:\.\s*(?:&|and)\s*(?:Eds?|Trans)(?=\.|\)|$))?\.?\)?$")
# a title's translation in square brackets after it, as APA and IEEE print one: 'Eine Studie über Dinge [A study of
# many things and their uses]' (a bracket of its own after more of the title; the title itself is not in brackets)
_TRANSLATED_RE = lazy(r"(?<=\S)\s+\[[A-Z][^\[\]]{2,300}\]$")
# ACL's and others' edition after a comma, not in brackets: 'Speech and Language Processing, 2nd edition',
# 'Pattern Recognition and Machine Learning, 2nd ed.', 'Artificial Intelligence: A Modern Approach, third edition'
# ... and the publisher and its place after it, Springer's and Harvard's books: 'Deep Learning Methods, 3rd edn,
# Springer, Berlin', 'Pattern Recognition, 4th edition, Academic Press' (what follows an edition is no title's)
_EDITION_AFTER_RE = lazy(r",\s*" + _EDITION + r"(?=\s*(?:[,.;:(]|$))", re.I)
# ... and so does the kind of report a body's title is, a piece of its own: 'NVIDIA A100 Tensor Core GPU
# Architecture, Whitepaper', 'Environmental Report 2020, Technical Report' (IEEE's 'Tech. Rep.' after a stop is
# _REPORT_TAIL_RE's)
_KIND_AFTER_RE = lazy(r",\s*(?:white\s?paper|technical\s+(?:report|note)|research\s+report|working\s+paper|discussion\s+paper"
                      r"|tech\.\s*rep\.?)(?=\s*(?:[,.;(]|No\b|$))", re.I)
_PUBLISHER_YEAR_AFTER_RE = lazy(r"\s+\([A-Z][^()\d]{1,80},\s*(?:1[6-9]|20)\d\d\)$")
# ... and the book's edition before them, with no comma as Nature prints it: 'Title 2nd edn (Wiley, 2006)'
_NATURE_EDITION_RE = lazy(r"\s+\d{1,2}(?:st|nd|rd|th)\s+edn\.?$")
# ... the same brackets whole, closing its sentence: '(Cambridge Univ. Press, 2003).'
_PUBLISHER_YEAR_CLOSES_RE = lazy(r"\([A-Z][^()\d]{1,80},\s*(?:1[6-9]|20)\d\d\)\s*(?:\.|$)")


def _nature_book_title(title: str, rest: str) -> str | None:
    """The title of a book as Nature prints it, where a stop of the publisher's name in brackets ended the title
    ('Information Theory (Cambridge Univ' of 'Information Theory (Cambridge Univ. Press, 2003).'): the title
    before the brackets, when they hold the publisher and year and close the sentence; else None."""
    at = title.rfind("(")
    if at <= 0 or ")" in title[at:] or not _PUBLISHER_YEAR_CLOSES_RE.match(rest, at):
        return None
    book = title[:at].rstrip(" ,;:")
    return _NATURE_EDITION_RE.sub("", book) or book
# a talk's kind and where it was given after its title in comma style: 'Title, lecture at UCSB', 'Title, keynote
# at NeurIPS 2021'
_TALK_AFTER_RE = lazy(r",\s*(?:(?:invited|keynote|guest|plenary)\s+)?(?:lecture|talk|keynote(?:\s+address)?|presentation"
                      r"|seminar|tutorial)\s+(?:(?:given|presented|delivered)\s+)?at\s+[^,]{2,80}$", re.I)
# the proceedings a paper is in, in brackets after its title: 'Title (Proceedings of the Workshop on ... (CMLC-7)
# 2019. Cardiff, ...)', the stop of its year read as the title's end
_PROCEEDINGS_IN_BRACKETS_RE = lazy(r"\s+\((?:In:?\s+)?Proc(?:eedings\s|\.\s|$)")
# a journal, its volume and issue (and pages) after a title in comma style: ', Communications of the ACM, 64(5)'
_JOURNAL_ISSUE_AFTER_RE = lazy(r",\s+[A-Z][\w.&'\-]*(?:\s+[\w.&'\-]+){0,10},\s*\d{1,5}\s*\(\s*\d{1,4}\s*\)"
                               r"(?:\s*,\s*(?:pp?\.\s*)?\d+(?:\s*[\-–]\s*\d+)?)?$")
_SERIES_VOLUME_RE = lazy(r"(?:\s*\([^()]{3,120}\))?\s*,\s*(?:vol|no|pp|ser)$", re.I)
# GB/T 7714's type of the work after its title: '[J]' journal, '[C]' proceedings, '[EB/OL]' online
# ... or APA's number of any work in brackets, named by up to three words or none, or an episode's: a podcast's
# '(No. 367)', '(Issue Brief No. 5)', a thesis's '(Publication No. 12345)', '(Ep. 12)', '(Episode 4)'
_OPEN_DESCRIPTOR_RE = lazy(r"\s*\((?:(?:Report|(?:Technical|Tech\.|Research)\s+(?:report|rep)|Working\s+paper"
                           r"|(?:[A-Z][\w/]+\s+)?Standard)\s+No|" + _EDITION_VOLUME
                           + r"|(?-i:(?:[A-Z][\w\-/]*\s+){0,3}?No|Ep|Episode))\b[^()]*$", re.I)
# ... and what is left of such a kind where the stop of its abbreviation ended the title ('Title, Tech' of 'Title,
# Tech. Rep.', 'Title (Tech' of 'Title (Tech. Rep. No. 17)', 'Title, NBER Working Paper No' of '... No. 123'),
# known by what the stop is followed by: the rest of the kind, its number
_REPORT_TAIL_RE = lazy(r"(?:,\s*|\s*\()(?:[A-Z][\w&]*\s+){0,2}?(?:Tech|Rep|(?:(?:Tech\.?|Technical|Research|Working"
                       r"|Discussion|Policy|White)\s+)?(?:Rep\.?|Report|Paper)\s+No)$", re.I)
_REPORT_NEXT_RE = lazy(r"\s*(?:Rep(?:ort)?\b|No\b|\d|[A-Z]{1,8}[\-/][\w\-/]*\d)", re.I)
_GOST_SLASH_RE = lazy(r"\s+//(?:\s|$)|\s+/\s+(?=[^\W\d_](?:\.|$))")
_GBT_TYPE_RE = lazy(r"\[(?:[JCMDRSPNZAG]|EB|DB|CP)(?:/OL)?\]")


# the book or proceedings a work is in, after its title: ' In Proceedings of ...', ' In: Smith, J. (ed.) ...'
_IN_CONTAINER_RE = lazy(r"\s+In:?\s+(?!Press\b)[A-Z]")
# what no subtitle holds even where the container follows it: 'In', a number
_NOT_SUBTITLE_RE = lazy(r"\bIn\b|\d")


# the host a web address opens with, after what introduces it: 'https://www.ourworldindata.org/...' ourworldindata
_HOST_AFTER_RE = lazy(r"\s*(?:(?:URL|Retrieved\s+from|Available\s+(?:at|from|online))[:\s]+)?(?:https?://)?(?:www\.)?"
                      r"([A-Za-z0-9\-]+)\.[a-z]{2,}", re.I)


def _site_at(words: str, text: str, at: int) -> bool:
    """Whether the sentence `words` after a title's question names the web site whose address follows it at `at`
    in `text`, its words spelling the address's host: '... come from? Our World in Data. https://ourworldindata.org/'
    names its site, no subtitle."""
    host = _HOST_AFTER_RE.match(text, at)
    return host is not None and name_key(words) == host.group(1).replace("-", "").lower()


# Vancouver's year and volume after its journal: '2015;105(2)', '2023 Jan 18;30(2)', '2021 Mar;139', '2016;352:i1'
_VANCOUVER_DATE_AT_RE = lazy(r"\s*(?:1[89]|20)\d\d(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*[;:]\s*\d")
# a journal's abbreviation as Vancouver prints it, each word capitalised and no stop: 'J Am Med Inform Assoc',
# 'Psychol Sci', 'N Engl J Med', 'BMJ'
_VANCOUVER_JOURNAL_RE = lazy(r"[A-Z][\w\-&]*(?:\s+[A-Z][\w\-&]*){0,9}")


def _vancouver_subtitle(rest: str, end: int, nxt: re.Match) -> bool:
    """Whether the sentence after a title's question, from `end` to the stop `nxt`, is its subtitle in Vancouver
    style: a sentence of words in lower case ('A systematic review', 'Sample size in psychology') followed by the
    journal's abbreviation and its year and volume ('J Am Med Inform Assoc. 2023 Jan 18;30(2)'), which says the
    sentence is none of them (a venue's words in it no matter)."""
    words = rest[end:nxt.start()].split()
    if not _SUBTITLE_RE.fullmatch(" ".join(words)) or _NOT_SUBTITLE_RE.search(" ".join(words)) \
            or not any(w[:1].islower() and len(w) >= 2 for w in words[1:]):
        return False
    journal = _TITLE_END_RE.search(rest, nxt.end())
    return journal is not None and rest[journal.start()] == "." \
        and _VANCOUVER_JOURNAL_RE.fullmatch(rest[nxt.end():journal.start()].strip()) is not None \
        and _VANCOUVER_DATE_AT_RE.match(rest, journal.end()) is not None


def _is_subtitle(text: str, before_in: bool = False) -> bool:
    """Does the sentence after a title's question or exclamation go on with
    the title (three words or more, capitalised, no venue word, acronym or digit)?
    `before_in`: the sentence is followed by 'In' and its container, so it is none
    itself, and may hold a word a venue's name holds ('What's in a Summary? Laying the
    Groundwork for Advances in Hospital-Course Summarization. In Proceedings ...')."""
    text = text.strip()
    if not _SUBTITLE_RE.fullmatch(text):
        return False
    venue = _NOT_SUBTITLE_RE if before_in else _VENUE_WORDS_RE
    # an acronym inside a sentence in sentence case is the subtitle's word, not a venue's ('How hungry is AI?
    # Benchmarking energy, water, and carbon footprint of LLM inference. arXiv.')
    return not venue.search(text) or _sentence_case(text) and not venue.search(_ACRONYM_WORD_RE.sub("x", text))


# APA's number of a preprint in brackets after its title: ' (arXiv:2505.09598)'
_APA_NUMBER_TAIL_RE = lazy(r"\s\(arXiv:\s?[\w.\-/]+\)\s*$")
_ACRONYM_WORD_RE = lazy(r"\b[A-Z]{2,6}s?\b")
_SUBTITLE_WORD_RE = lazy(r"[^\W_][\w'\-]*")


def _sentence_case(text: str) -> bool:
    """A sentence in sentence case: after its capitalised first word, words in lower case (two of four letters or
    more) and acronyms, no other capitalised word ('Benchmarking energy, water, and carbon footprint of LLM
    inference'; not 'Nature Climate Change', 'IEEE Trans Neural Netw')."""
    words = _SUBTITLE_WORD_RE.findall(text)[1:]
    return len(words) >= 3 and sum(1 for w in words if w.islower() and len(w) >= 4) >= 2 \
        and all(w.islower() or _ACRONYM_WORD_RE.fullmatch(w) for w in words)


# what follows a piece of software's or a data set's one-word name: its web address (after the name of
# where it is kept: 'Zenodo https://...', 'GitHub repository https://...'), its version
_AFTER_SOFTWARE_NAME_RE = lazy(r"[\s.,:;]*(?:(?:[A-Z][\w\-]*[\s,.:]+|(?:Available\s+(?:at|from)|Retrieved\s+from)[:\s]+){0,2}"
                               r"(?:https?://|www\.|doi:)|\(?(?:[Vv]ersion|[Vv]\d|[Rr]elease)\b"
                               r"|\[(?:Computer|Software|Data|Dataset))")
_SOFTWARE_NAME_RE = lazy(r"[A-Za-z][\w.+\-]{2,}")
# a program's version after its name: 'Keras (version 2.4)', 'CodeCarbon (v2.2.3)'
# ... or after its title and a comma: ', version 1.2.2', ', v2.3.1' (a 'v' before a number with its point)
_COMMA_VERSION_RE = lazy(r",\s*(?:[Vv]ersion\s*\d[\w.\-]*|[Vv]er\.\s*\d[\w.\-]*|v\s?\d+\.\d[\w.\-]*)$")
_VERSION_AFTER_RE = lazy(r"\s\((?:Version|Ver\.|v)\s*\d[\w.\-]*\)(?:\s*\[[^\[\]]{1,40}\])?$", re.I)


def _one_word_then_site(after: str) -> bool:
    """Whether `after` opens with a title of one word, then the site it is published on ('Energy. Published online
    at OurWorldInData.org.')."""
    m = _ONE_WORD_TITLE_RE.match(after)
    return m is not None and after[m.end():m.end() + 1] == "." and after[:m.end()].lower() not in _LINK_WORDS \
        and _WEB_SITE_AFTER_RE.match(after, m.end() + 1) is not None


# ... or a body's name as a sentence of its own, then the page's address or the day it was read: APA 7's web page,
# 'Depression. U.S. Department of Health and Human Services. Retrieved March 3, 2024, from https://...'
_BODY_THEN_LINK_RE = lazy(r"\s+((?:[A-Z]\.){0,3}\s?[A-Z][^.()\[\]]{3,100}?)\.\s+(?:Retrieved\b|https?://|www\.)")


def _body_then_link(after: str) -> bool:
    """Whether `after`, what follows a title of one word, is a body's name, the site the page is on (an
    organisation's, by kb.text.names), then the page's address or the day it was read."""
    m = _BODY_THEN_LINK_RE.match(after)
    return m is not None and is_organisation(m.group(1).strip())


def _software_name(title: str, after: str) -> bool:
    """Whether a one-word title is a program's or a data set's name, as a reader
    sees it: a word with a letter ('nanoGPT', 'Datasets', 'spaCy', 'lme4') that its
    web address or version follows ('nanoGPT. https://github.com/...')."""
    return bool(_SOFTWARE_NAME_RE.fullmatch(title)) and bool(_AFTER_SOFTWARE_NAME_RE.match(after)) \
        and title.lower() not in _LINK_WORDS and not _NOT_A_TITLE_RE.match(title)


# words that open a web address, not a name: 'URL http://...', 'Online: https://...'
_LINK_WORDS = frozenset("url urls uri pdf html online available link links web website homepage doi accessed "
                        "retrieved visited viewed from at see code data software repository github".split())


# a word that is a title of its own when the book or journal holding the work follows it: a chapter's
# 'Earth. In Atlas of AI ...', an article's 'Attention. Nature 5, 1-10', or the book's edition, in its language:
# 'Textanalyse. 2. Aufl.', 'Statistique. 3e éd.', 'Econometría. 2ª ed.', 'Econometrics. 2nd edn.'
_ONE_WORD_TITLE_RE = lazy(r"[A-ZÀ-Þ][a-zß-ÿ]{2,}")
_CONTAINER_AFTER_RE = lazy(rf"\s+In:?\s+[A-Z]|{_JOURNAL_VOLUME}|\s+\d{{1,2}}(?:st|nd|rd|th|e|ème|ª|a|\.)\s*"
                           r"(?:ed(?:ition|n)?|éd(?:ition)?|Aufl(?:age)?|edición|edição|edizione)\b")
# ... and a web page's title of one word when the site it is published on follows it, named by its host's name or
# address: 'Energy. Published online at OurWorldInData.org.', 'Energy. Retrieved from https://...'
_WEB_SITE_AFTER_RE = lazy(r"\s+(?:Published\s+online\s+(?:at|by)|Retrieved\s+(?:from|at)|Available\s+(?:at|from|online\s+at))"
                          r"[:\s]+(?:https?://|www\.|[A-Za-z][\w\-]*(?:\.[A-Za-z][\w\-]*)*\.(?:org|com|net|edu|gov|int|io)\b)")


# a title's own next sentence after its stop: one opening with a word in lower case ('The HOLJ corpus. supporting
# summarisation of legal texts. In Proceedings ...') or with a word that opens a sentence and no venue's name ('... and
# we use them. That is a problem. In Proceedings ...'); not a word that opens what follows a title ('arXiv', 'pages')
_TITLE_SENTENCE_OPENERS = frozenset("That This It It's Its We They There These Those Here Why How What Is Are Do Does "
                                    "Should Can But Or So Not".split())
_NOT_TITLE_SENTENCE_WORDS = frozenset("arxiv in pages page pp vol vols no doi url urls available accessed retrieved "
                                      "preprint ed eds edited edn tech technical unpublished manuscript thesis phd "
                                      "master et and personal online from to submitted appear press forthcoming under "
                                      "chap chapter see also cited last visited viewed version rev sec pt ch mimeo "
                                      "mimeograph typescript draft working report slides blog video dataset software "
                                      "github web website tweet reprint reprinted transl trans translated http https "
                                      "www npj ebook paperback hardcover audiobook podcast interview episode "
                                      "editorial letter comment erratum correction review abstract poster supplement "
                                      "appendix issue edition transcript published posted updated presented keynote "
                                      "talk lecture tutorial dissertation university press".split())
_FIRST_WORD_RE = lazy(r"\s*([^\W\d_][\w'’\-]*)")
# what no subtitle in brackets after a title's question opens with: the kind of work, its version, its editors
_NOT_BRACKET_SUBTITLE_WORDS = frozenset("accessed online preprint retrieved available eds ed editor editors editor's in "
                                        "proceedings proc version technical tech report working doctoral master "
                                        "master's phd ph unpublished chapter vol vols rev blog video podcast tweet "
                                        "abstract poster extended keynote talk lecture slides presentation press "
                                        "white whitepaper dissertation thesis translated trans reprint original".split())
_BRACKET_SUBTITLE_RE = lazy(r"\s*\(([A-Z][^()]{8,150})\)(?=[.,]?(?:\s|$))")


# a title's second sentence in sentence case opening with an article ('Evidence-based medicine. A new approach to
# teaching the practice of medicine. Journal of ...'): its subject may be a word a venue's name holds, in lower case
# ('medicine', 'science', 'research'); not a capitalised one ('The Lancet', 'A Cancer Journal') nor a word naming a kind
# of work or where it is kept, in any case ('An unpublished manuscript', 'The author's thesis', 'A talk given online')
_OPENING_ARTICLES = frozenset(("A", "An", "The"))
_KIND_OF_WORK_RE = lazy(r"(?i:\b(?:proceedings|proc|journal|transactions|conference|workshop|symposium|press|"
                        r"university|report|thesis|dissertation|preprint|manuscript|retrieved|available|accessed|"
                        r"online|edition|editorial|letter|comment|erratum|correction|abstract|poster|supplement|"
                        r"appendix|interview|episode|podcast|video|blog|talk|lecture|tutorial|keynote|slides|dataset|"
                        r"software|version|reprint|reprinted|translated|translation|published|posted|presented|"
                        r"chapter|edited|editor|editors|eds?|vol|pages|pp|doi|url|arxiv|http|https|www|"
                        r"unpublished|forthcoming|submitted|series|magazine|bulletin|newsletter)\b)"
                        r"|\b(?:In|[A-Z][a-z]+)\b|\b[A-Z]{2,}|\d|[:;(\[]")


def _article_sentence_after(rest: str, stop: re.Match, word: re.Match) -> re.Match | None:
    """The end of a title's second sentence opening with an article and a word in lower case, short, with no
    capitalised word, digit, or word naming a kind of work, and a capitalised container after it; None otherwise."""
    second = _FIRST_WORD_RE.match(rest, word.end())
    if not second or not second.group(1).islower() or rest[word.end():second.start(1)] != " ":
        return None
    nxt = _TITLE_END_RE.search(rest, stop.end())
    if not nxt or rest[nxt.start()] != ".":
        return None
    piece = rest[word.end():nxt.start()]
    if piece.count(" ") > 15 or piece.count(" ") < 2 or _KIND_OF_WORK_RE.search(piece):
        return None
    after = rest[nxt.end():].lstrip()
    return nxt if after[:1].isupper() else None


def _title_sentence_after(rest: str, stop: re.Match) -> re.Match | None:
    """The end of the title's next sentence where the sentence after a title's stop is the title's own
    (`_TITLE_SENTENCE_OPENERS`, a word in lower case), short, with no digit or venue's word, and a
    capitalised word (its container) after it; None otherwise."""
    word = _FIRST_WORD_RE.match(rest, stop.end())
    if not word:
        return None
    w = word.group(1)
    if w in _OPENING_ARTICLES:
        return _article_sentence_after(rest, stop, word)
    if w in _TITLE_SENTENCE_OPENERS:
        # (a sentence in sentence case: 'That is a problem', not a container's name, 'This American Life')
        second = _FIRST_WORD_RE.match(rest, word.end())
        if not second or not second.group(1).islower():
            return None
    elif not (len(w) >= 3 and w.isalpha() and w.islower() and w not in _NOT_TITLE_SENTENCE_WORDS):
        return None
    nxt = _TITLE_END_RE.search(rest, stop.end())
    if not nxt or rest[nxt.start()] not in ".?!":
        return None
    piece = rest[stop.end():nxt.start()]
    if piece.count(" ") > 15 or _VENUE_WORDS_RE.search(piece):
        return None
    after = rest[nxt.end():].lstrip()
    return nxt if after[:1].isupper() else None


def _bracketed_subtitle(rest: str, end: int) -> int:
    """The end of a subtitle in brackets after a title's question ('Do We Need It? (And 8 Ways to Make It
    Better).'), or `end`: three words or more, capitalised, not the kind of work, its version or editors."""
    m = _BRACKET_SUBTITLE_RE.match(rest, end)
    if not m:
        return end
    inner = m.group(1)
    first = inner.split()[0].strip(".,:;'").lower()
    if inner.count(" ") < 2 or first in _NOT_BRACKET_SUBTITLE_WORDS or _TITLE_DESCRIPTOR_RE.search(f" ({inner})") \
            or _YEAR_ANY_RE.fullmatch(inner.strip()):
        return end
    return m.end()


# a place in brackets closing a proceedings' title: '(Glasgow, Scotland Uk)', '(Honolulu, HI, USA)'
_PLACE_AFTER_RE = lazy(r"\s*\((?:[A-Z][\w'’.\-]*\s?){1,3}(?:,\s*(?:[A-Z][\w'’.\-]*\s?){1,3}){1,2}\)$")


def _extract_title(rest: str) -> str | None:
    rest = rest.strip()
    rest = _LEADING_PUNCT_RE.sub("", rest)
    # dates printed after the year: "2019, November." / "May." / "(2019)."
    rest = _LEADING_DATE_RE.sub("", rest)
    rest = _LEADING_YEAR_RE.sub("", rest)
    if rest[:1] in "PUL" and (posted := _LEADING_POSTED_RE.match(rest)):
        rest = rest[posted.end():]          # a blog's day of posting as its date: 'Posted on 3 March 2021.'
    status = rest[:1] in "([" or rest[:1].isalpha() and rest[:3].lower() in _STATUS_STARTS
    status = status and _LEADING_STATUS_RE.match(rest)
    if status:
        rest = rest[status.end():]
    # a lone initial left over from a broken author list ("... and Le. Q. Towards")
    rest = _LEADING_INITIAL_RE.sub("", rest)
    if not rest or rest[:2] == "In" and _IN_EDITED_RE.match(rest):
        return None
    quoted = _QUOTED_TITLE_RE.match(rest) or (rest[0] == "'" and _SINGLE_QUOTED_TITLE_RE.match(rest)) \
        or (rest[0] in "*_" and _EMPHASISED_TITLE_RE.match(rest))
    if quoted and rest[quoted.end():quoted.end() + 1].isalnum() and rest[quoted.end() - 2:quoted.end() - 1] == " ":
        # the "closing" quote opens a word quoted inside the title, as IEEE's entries print it with double quotes:
        # '"Making AI less "thirsty": Uncovering ... of AI models," 2023' (was 'Making AI less')
        quoted = _NESTED_QUOTED_TITLE_RE.match(rest) or quoted
    if not quoted and ("(19" in rest or "(20" in rest):
        # Elsevier: 'Deep learning, Nature 521 (2015) 436-444.': the journal after a comma
        venue = _COMMA_VENUE_RE.search(rest)
        if venue and venue.start() >= 8:
            rest = rest[: venue.start()]
    if quoted and rest[0] in "\"“«" and (head := _QUOTED_HEAD_RE.match(rest)):
        # a title opening with a quotation, its subtitle after the colon: '"Why should I trust you?": Explaining the
        # predictions of any classifier. In KDD.' (not a quoted title closed by its stop or comma: '"Title." Venue')
        tail = rest[head.end():]
        end = _TITLE_END_RE.search(tail)
        subtitle = (tail[: end.start()] if end else tail).strip(" ,.")
        # (a subtitle, no venue nor its volume: '"Deep learning": Nature 521, 2015.')
        if len(subtitle.split()) >= 2 and not _VENUE_AT_RE.match(tail) and not subtitle[-1:].isdigit():
            return f"{head.group(1)}: {subtitle}"
    if quoted:                      # IEEE: 'E. Strubell, "Energy and ...," in Proc.'; Harvard: 'Energy ...',
        title = quoted.group(quoted.lastindex).strip(" ,.")
        # (its translation in square brackets after it, inside the quotes: '"Metody mashinnogo obucheniya [Methods
        # of machine learning],"', as the title in brackets after an unquoted one is cut, _TITLE_DESCRIPTOR_RE)
        return _TRANSLATED_RE.sub("", title) or title if title[-1:] == "]" else title
    m = _TITLE_END_RE.search(rest)
    if m and rest[m.start()] in "?!":
        end = m.end()
        # a subtitle after the question: "Don't Give Me the Details, Just the Summary!
        # Topic-Aware Convolutional Neural Networks for Extreme Summarization. ArXiv ..."
        nxt = _TITLE_END_RE.search(rest, end)
        if nxt and rest[nxt.start()] == "." and _VANCOUVER_DATE_AT_RE.match(rest, nxt.end()):
            # Vancouver's journal after the question, its year and volume after it, no subtitle: 'Does it work? Am
            # J Public Health. 2015;105(2):e1.' ... unless a sentence of words in lower case comes before the
            # journal: 'Can machines read clinical notes? A systematic review. J Am Med Inform Assoc. 2023;30:1.'
            pass
        elif nxt and rest[nxt.start()] == "." and _vancouver_subtitle(rest, end, nxt):
            end = nxt.start()
        elif nxt and rest[nxt.start()] == "." and (_is_subtitle(rest[end:nxt.start()]) or (
                _IN_CONTAINER_RE.match(rest, nxt.end()) and _is_subtitle(rest[end:nxt.start()], before_in=True))) \
                and not _site_at(rest[end:nxt.start()], rest, nxt.end()):
            end = nxt.start()
        elif nxt and rest[nxt.start()] == "." and (tail := _APA_NUMBER_TAIL_RE.search(rest[end:nxt.start()])) \
                and _is_subtitle(rest[end:end + tail.start()]):
            # APA's number of a preprint or report after the subtitle: 'How hungry is AI? Benchmarking energy ... of
            # LLM inference (arXiv:2505.09598). arXiv.'
            end += tail.start()
        elif rest[end:end + 2].lstrip()[:1] == "(":
            end = _bracketed_subtitle(rest, end)
        title = rest[:end]
    else:
        if m and rest[m.start()] == ".":
            for _ in range(2):
                nxt = _title_sentence_after(rest, m)
                if nxt is None:
                    break
                m = nxt
        title = rest[: m.start()] if m else rest
        if m and (title[-3:].lower() in ("ech", "rep", " no") and (report := _REPORT_TAIL_RE.search(title))
                  and _REPORT_NEXT_RE.match(rest, m.end())):
            # a report's kind after the title, its abbreviation's stop read as the title's end: 'Title, Tech.
            # Rep. TR-17, MIT', 'Title, Rep. No. 17', 'Title, NBER Working Paper No. 123', 'Title (Tech. Rep. No. 17)'
            title = title[: report.start()]
    # GOST's container after ' // ' and the authors again after ' / ': 'Title // Journal. 2020.', 'Title / I. I. Ivanov.'
    # (or at the title's end, where a venue's opening word ended it: 'Title // arXiv preprint arXiv:...')
    if "/ " in title or title[-1:] == "/":
        title = _GOST_SLASH_RE.split(title, maxsplit=1)[0]
    # the Chinese standard's type of the work closes its title: 'Title[J].', 'Title[C]//Proceedings of ...'
    if "[" in title:
        gbt = _GBT_TYPE_RE.search(title)
        if gbt and gbt.start() > 0:
            title = title[: gbt.start()]
    title = title.strip(" ,;:.\"'")
    # the work's state printed with its title: 'Title, to appear in Proc. ACL', 'Title (in press)'
    low = title.lower()
    status = any(word in low for word in _STATUS_WORDS) and _TRAILING_STATUS_RE.search(title)
    if status:
        title = title[: status.start()].rstrip(" ,;:.")
    versioned = False
    if (", v" in title[-24:] or ", V" in title[-24:]) and (version := _COMMA_VERSION_RE.search(title)) \
            and version.start() > 0:
        # a program's version after its title and a comma, no part of it: 'scikit-learn: Machine Learning in
        # Python, version 1.2.2', 'Title, v2.3.1', 'Title, Version 4' (and a one-word name before it a name)
        title = title[: version.start()]
        versioned = True
    # what a style prints after the title about the work, not of it: '[J]', '[Computer software]',
    # '[Data set]', '(Version 4.0)'
    if title[-1:] in ")]":
        # (a program's version after its name says the one word is a name: 'Keras (version 2.4)', 'CodeCarbon (v2.2.3)')
        versioned = versioned or _VERSION_AFTER_RE.search(title) is not None
        title = _TITLE_DESCRIPTOR_RE.sub("", title).rstrip(" ,;:.")
        if title[-1:] == "]":
            title = _TRANSLATED_RE.sub("", title) or title
        # Nature's book: its publisher and year in brackets after the title, 'Deep Learning (MIT Press, 2016)'
        book = _PUBLISHER_YEAR_AFTER_RE.sub("", title)
        title = _NATURE_EDITION_RE.sub("", book) or book if book and book != title else title
        if "Proceedings" in title or "Conference" in title:
            # (a conference's place after its proceedings' title, as ACM prints it: 'CHI '19: Proceedings of the 2019
            # CHI Conference on Human Factors in Computing Systems (Glasgow, Scotland Uk)')
            title = _PLACE_AFTER_RE.sub("", title) or title
    elif "(" in title and m and rest[m.start()] == "." and (book := _nature_book_title(title, rest)):
        # ... where a stop of the publisher's name ended the title: 'Title (Cambridge Univ. Press, 2003).'
        title = book
    elif "(" in title:      # ... its stop read as the title's end: 'Title (Report No. 12)' -> 'Title (Report No'
        title = _OPEN_DESCRIPTOR_RE.sub("", title).rstrip(" ,;:.")
    if "(" in title[-90:] and (role := _ROLE_AFTER_RE.search(title)) and role.start() > 0:
        # APA's translator or editor of the work named after its title: 'The origins of intelligence in children
        # (M. Cook, Trans.)', '... (J. Strachey, Ed. & Trans.)' (its stop read as the title's end: '(J. Strachey, Ed')
        title = title[: role.start()].rstrip(" ,;:")
    if (" ed" in title or " Ed" in title or " ED" in title) and (edition := _EDITION_AFTER_RE.search(title)) \
            and edition.start() > 0:
        title = title[: edition.start()]
    if ("aper" in title or "eport" in title or "Rep" in title or "rep" in title or "Note" in title) \
            and (kind := _KIND_AFTER_RE.search(title)) and kind.start() > 0:
        title = title[: kind.start()]
    # IEEE's book in its series, the stop of 'vol.' read as the title's end: 'Title (Series), vol. 1062.', and
    # Nature's book in volumes: 'Title Vol. 1 3rd edn (Publisher, 1997).'
    if title[-3:].lower() in ("vol", " no", " pp", "ser"):
        series = _SERIES_VOLUME_RE.search(title)
        if series:
            title = title[: series.start()]
        elif title.endswith(" Vol") and m and rest[m.end():m.end() + 4].strip()[:1].isdigit():
            # (and the colon before it, APA's volume of a work in volumes: 'The art of computer programming: Vol. 1.')
            title = title[:-4].rstrip(" :;,")
    # "Title, https://..." keyed-style lists put a comma before the URL
    title = _TRAILING_COMMA_RE.sub("", title)
    if len(title) > 300:
        title = title[:300].rsplit(" ", 1)[0]
    words = title.split()
    if not words:           # nothing but punctuation: '",' of an organisation's quoted title cut at its comma
        return None
    # (a title in Chinese or Japanese is one word: its characters count)
    if len(words) < 2 and len(title) < (4 if max(title) >= "\u3040" and any(map(_cjk, title)) else 12) \
            and not (versioned and _SOFTWARE_NAME_RE.fullmatch(title)) \
            and not _software_name(title, rest[m.end():] if m else "") \
            and not (m and rest[m.start()] == "." and (_CONTAINER_AFTER_RE.match(rest, m.end())
                                                          or _WEB_SITE_AFTER_RE.match(rest, m.end())
                                                          and title.lower() not in _LINK_WORDS)
                     and _ONE_WORD_TITLE_RE.fullmatch(title)) \
            and not (m and rest[m.start()] == "." and _ONE_WORD_TITLE_RE.fullmatch(title)
                     and title.lower() not in _LINK_WORDS and _body_then_link(rest[m.end():])):
        return None
    if _NOT_A_TITLE_RE.match(title):
        return None
    return title


# --------------------------------------------------------------------------
# Joining lines of one entry

_URLISH_RE = lazy(r"(?:https?:|www\.|doi\.org|/)\S*$")
_URL_PART_RE = lazy(r"[\w/.\-%#?=&]+")
_CAPITALISED_WORD_RE = lazy(r"[A-Z][a-z]+\s")
# a word with a slash closing a sentence, no web address: 'HTTP/2.', '(TCP/IP).' (the next line's capitals go on no URL)
_SLASHED_WORD_RE = lazy(r"\(?[A-Za-z][\w\-]*/[\w.\-]*?\)?\.")
_LETTER_HYPHEN_RE = lazy(r"[^\W\d_]-")
_LETTER_START_RE = lazy(r"[^\W\d_]")


_SOFT_HYPHEN_RE = lazy(r"\u00ad\s*")
# TeX's OT1 font encoding puts its accents at these codes, which PDF text may keep
_OT1_ACCENTS = str.maketrans({"\x12": "`", "\x13": "´", "\x14": "ˇ", "\x15": "˘", "\x17": "˚", "\x18": "¸",
                              "\x7f": "¨"})
_OT1_ACCENT_RE = lazy(r"[\x12-\x15\x17\x18\x7f]")
def _soft_hyphens(line: str, breaks: list | None) -> str:
    """A line's soft hyphens: inside it, the word's hyphen or none, as `_keep_hyphen`
    says between letters ('Sentence\u00adBERT', 'adapta\u00adtion'), none by other
    characters; at its end a hyphen, for the join with the next line to read."""
    out: list[str] = []
    done, n = 0, len(line)
    at = line.find("\u00ad")
    while at >= 0:
        nxt = at + 1
        while nxt < n and line[nxt] in " \t":
            nxt += 1
        if nxt >= n:
            break                                   # at the line's end
        left = line[max(line.rfind(" ", 0, at), line.rfind("\t", 0, at)) + 1: at].replace("\u00ad", "")
        after = line[nxt: nxt + 40]
        keep = bool(left) and left[-1].isalpha() and after[:1].isalpha() and _keep_hyphen(left, after, breaks)
        out.append(line[done:at] + ("-" if keep else ""))
        done = nxt
        at = line.find("\u00ad", nxt)
    out.append(line[done:])
    return "".join(out).replace("\u00ad", "-")


def _join_lines(lines: Iterable[str], breaks: list | None = None) -> str:
    """One entry's lines as one string: hyphenation at line ends undone
    (`_keep_hyphen`, noting each in `breaks` when given), URLs and DOIs broken
    across lines re-joined. Stray accents go first: PDFium may end a line
    'Summa- ¨' ."""
    return _join_fixed([fix_pdf_accents(ln).strip() for ln in lines], breaks)


# a word ending in a DOI, whole or broken off ('doi:10.1145/3442188.', 'https://doi.org/10.1145/34421')
_DOI_SO_FAR_RE = lazy(r"10\.\d{4,9}/[^\s\"<>]*$")
# what may go on with a DOI on the next line: a run of its characters holding a digit
# ('3445922', '88.3445922', 'main.447', 'joule.2018.10.001'), never a plain word or a year
_DOI_MORE_RE = lazy(r"[\w.\-/;()]*\d[\w.\-/;()]*")


def _continues_doi(line: str) -> bool:
    """Whether the line's first word goes on with a DOI the line before broke off."""
    word = line.split(None, 1)[0]
    return bool(_DOI_MORE_RE.fullmatch(word.rstrip(".,;"))) and not _YEAR_TOKEN_RE.match(word)


# a word ending in an arXiv id of the new form broken off after its dot or inside its number, with arXiv named before
# it ('arXiv:2104.', 'arXiv:2311.1686', 'arxiv.org/abs/1907.1', 'abs/2104.'); its month, then its digits so far
_ARXIV_SO_FAR_RE = lazy(r"(?:arxiv[:.]|arxiv\.org/(?:abs|pdf)/|\babs/)(\d\d)(\d\d)\.(\d{0,4})$", re.I)
_DIGITS_RE = lazy(r"\d+")


def _continues_arxiv(last: str, line: str) -> bool:
    """Whether the line's first digits end an arXiv id the line before broke off: the id's number has four digits
    to December 2014 and five from January 2015, and the digits joined give exactly that many ('arXiv:2104.' '10350',
    'arXiv:2311.1686' '3'); never where the id was whole or more digits follow ('arXiv:2311.16863' '2023'), nor from
    digits that read as a year ('arXiv:2104.1' '2021.': the id cut short, or its year, cannot be told)."""
    m = _ARXIV_SO_FAR_RE.search(last)
    if m is None or not 1 <= int(m.group(2)) <= 12:
        return False
    digits = _DIGITS_RE.match(line)
    if digits is None:
        return False
    need = 5 if (int(m.group(1)), int(m.group(2))) >= (15, 1) else 4
    if _YEAR_DIGITS_RE.fullmatch(digits.group()):
        return False
    rest = line[digits.end():digits.end() + 1]
    return len(m.group(3)) + len(digits.group()) == need and not (rest.isalnum() and rest != "v")


def _join_fixed(lines: Iterable[str], breaks: list | None = None) -> str:
    """_join_lines of lines already through fix_pdf_accents and strip()."""
    out = ""
    for ln in lines:
        if not ln:
            continue
        if "\u00ad" in ln:
            # PDFium's mark of a hyphen at a line end, the line break gone ('SciB\u00adERT'):
            # read as a line-break hyphen is (_keep_hyphen); at the line's end, by the joins below
            ln = _soft_hyphens(ln, breaks)
        if not out:
            out = ln
            continue
        last = out.rsplit(None, 1)[-1]                 # `out` is stripped, never empty
        doi = "10." in last and _DOI_SO_FAR_RE.search(last)
        if doi and _continues_doi(ln):
            out += ln                                   # a DOI broken across lines, anywhere in it
        elif (last[-1] == "." or last[-1].isdigit()) and _continues_arxiv(last, ln):
            out += ln                                   # an arXiv id broken across lines
        elif last[-1] in "-/._=?&#%:" and _URLISH_RE.search(last) and _URL_PART_RE.match(ln) \
                and not _CAPITALISED_WORD_RE.match(ln) and not (doi and last[-1] in ".:") \
                and not (last[-1] == "." and ln[0].isupper() and _SLASHED_WORD_RE.fullmatch(last)):
            out += ln                                   # a URL broken across lines
        elif out[-1] == "-" and _LETTER_HYPHEN_RE.fullmatch(out[-2:]) and _LETTER_START_RE.match(ln):
            # hyphenation ('em-' 'beddings'), or a hyphen of the word: 'Sentence-' 'BERT', 'V-' 'measure'
            out = out + ln if _keep_hyphen(last[:-1], ln, breaks) else out[:-1] + ln
        else:
            out += " " + ln
    return out


# --------------------------------------------------------------------------
# Splitting

_TITLE_ENDED_RE = lazy(r"[\w)][.?!]\s+\S")


@lru_cache(maxsize=256)
def _entry_complete(text: str) -> bool:
    """An unlabelled entry is complete once its author list and year are in
    and something follows them."""
    t = _prep_names(_unbreak_words(clean_text(text)))
    split = _split_authors(t)
    if split is None:
        if t[:1] in "AIBDENR" and (standard := _STANDARD_HEAD_RE.match(t)):
            # a standard by its number: complete once a sentence follows it ('ISO 9001:2015. ISO, 2015.')
            return len(t) - standard.end() >= 4 and _ends_sentence(t)
        return len(t) > 40 and bool(_YEAR_ANY_RE.search(_strip_ids(t)))
    if split.kind == "year":
        return len(split.rest.strip()) >= 8
    # names then title: complete once the title has ended and more follows
    return bool(_TITLE_ENDED_RE.search(split.rest) or _YEAR_ANY_RE.search(_strip_ids(split.rest)))


_WINDOW = 12           # lines read to decide whether a line opens an entry
_MARGIN = 3            # words at the end of fewer lines that the next line may change


def _starts_entry(lines: list[str], i: int) -> bool:
    """Does line i open an entry: do the (up to) twelve lines from it open with an author list?"""
    return _starts_fixed([fix_pdf_accents(ln).strip() for ln in lines[i:i + _WINDOW]], 0)


def _prepared(fixed: list[str]) -> str:
    return _prep_names(_unbreak_words(clean_text(_join_fixed(fixed))))


def _starts_fixed(fixed: list[str], i: int) -> bool:
    """_starts_entry over lines already through fix_pdf_accents and strip()."""
    if fixed[i][:1] in _DASHES and _SAME_AUTHORS_RE.match(fixed[i]):
        return True             # '———. 1952.': the authors of the entry before, as a dash
    if _names_walked(fixed, i):
        return True
    if fixed[i][:1] in "AIBDENR" and (head := _STANDARD_HEAD_RE.match(fixed[i])) \
            and (head.group(1) != "RFC" or _rfc_opens(fixed[i], head)):
        # a standard by its number, its body the author: 'ISO 9001:2015. ISO, 2015.'; an RFC's when its title follows
        # ('RFC 7540. HTTP/2. IETF, 2015.'; not the number closing an entry before: 'RFC 2119. IETF.')
        return True
    # an organisation's name of words the walk stops at, then its year: 'Department for Education (2019)
    # Realising ...', 'Our World in Data. 2023.', 'Intergovernmental Panel on Climate Change (2021) ...' (not
    # a venue's: 'Advances in Neural Information Processing Systems (2017)')
    head = _ORGANISATION_YEAR_HEAD_RE.match(fixed[i])
    return bool(head) and is_organisation(head.group(1)) and not _VENUE_HEAD_RE.match(fixed[i])


# capitalised words and the small words of an organisation's name, then a year in brackets or after a stop (not a
# comma: a publisher's 'Association for Computational Linguistics, 2019.' closes an entry)
_ORGANISATION_YEAR_HEAD_RE = lazy(r"([A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|for|on|the|and|&|in|to)){1,9})"
                                  r"(?:\s+\((?:19|20)\d\d[a-z]?\)|\.\s+\(?(?:19|20)\d\d[a-z]?\)?[.,:])")
_VENUE_HEAD_RE = lazy(_VENUE_OPENER + r"|(?:Annual\s+)?(?:Meeting|Conference|Workshop|Symposium)\s+(?:of|on)\b")


def _names_walked(fixed: list[str], i: int) -> bool:
    """Whether the walk reads an author list opening line i.

    The walk mostly decides within the first line or two, so it reads the first
    line, then three, six and all twelve, until it decides on words the lines
    after cannot change: joining, cleaning and un-hyphenating act across a line
    break only on its last couple of words (_MARGIN), and the walk, which looks
    one token ahead, is stopped (its horizon) before them. The answer is the one
    the twelve lines give."""
    end = min(i + _WINDOW, len(fixed))
    for k in (i + 1, i + 3, i + 6):
        if k >= end:
            break
        text = _prepared(fixed[i:k])
        tokens = _Tokens(text, 40)
        # raw words the whole window is sure to share: all but the last _MARGIN,
        # and within the first 38 (so the window's own first walk reads as far)
        sure = min(len(text.split()) - _MARGIN, 38)
        horizon = _sure_tokens(tokens, sure - 2)
        if horizon >= 1:
            split = _walk_authors(tokens, horizon)
            if split is not _UNDECIDED:
                return split is not None
    return _split_authors(_prepared(fixed[i:end])) is not None


def _sure_tokens(tokens: "_Tokens", words: int) -> int:
    """How many of the first tokens are made of raw words before index `words`."""
    if tokens._last is None:
        return max(0, min(words, len(tokens.words)))
    n = 0
    for last in tokens._last:
        if last >= words:
            break
        n += 1
    return n


_SENTENCE_END_RE = lazy(r"(?:[.?!)\]]|\.\)|https?://\S+|www\.\S+|\d{4,}/\S*)\s*$")


def _ends_sentence(text: str) -> bool:
    """Whether `text` ends a sentence: a full stop, question or exclamation mark or
    closing bracket last, or a web address or a DOI's number. (The search of an
    anchored pattern tries every position of the text, the last character first
    says yes for less.)"""
    return text.rstrip()[-1:] in (".", "?", "!", ")", "]") \
        or bool(_SENTENCE_END_RE.search(text))


def starts_another_entry(entry: str, line: str) -> bool:
    """Whether `line` opens a new unlabelled entry after `entry` (the text of
    the one so far): that one is complete and ends a sentence, and the line
    opens with an author list ('Lo, Kyle, Lucy Lu Wang, ... 2020.')."""
    return _ends_sentence(entry) and _entry_complete(entry) and _starts_entry([line], 0)


_BRACKETED_YEAR_RE = lazy(r"\((?:19|20)\d\d[a-z]?\)")


def _names_then_bracketed_year(line: str) -> bool:
    """Whether a line opens with an author list and the year in brackets right after
    it: 'Valero-Cuevas FJ, Santello M (2017) On ...', 'World Health Organization (2020)'."""
    if "(" not in line[:300] or not _BRACKETED_YEAR_RE.search(line, 0, 300):
        return False
    text = _prepared([line])
    split = _split_authors(text)
    return split is not None and split.kind == "year" \
        and "(" in text[len(split.authors): len(text) - len(split.rest)]


def _last_word_before_entry(fixed: list[str], i: int) -> bool:
    """Whether line i is one word closing the entry before ('Geneva', 'Springer')
    rather than opening one: it reads as a name only with the line after it, and
    that line opens an entry of its own ('Valero-Cuevas FJ, Santello M (2017) On ...')."""
    line = fixed[i]
    return i + 1 < len(fixed) and " " not in line and line.isalpha() and _names_then_bracketed_year(fixed[i + 1])


# a first author inverted with initials at a line's start: 'Chen, L.,', 'Chen, L. J. and', 'van Dijk, A.-B.,',
# 'CHEN, L.', 'Chen, L. 2020'; or with initials without stops: 'Chen L,', 'Chen LJ.'
_INVERTED_INITIALS_HEAD_RE = lazy(
    r"(?:(?:van|von|de|der|den|da|di|du|del|la|le)\s+){0,2}[A-ZÀ-Þ][\w'’\-]+,\s+(?:[A-ZÀ-Þ]\.\s?-?){1,3}"
    r"(?=[,;]|\s+(?:and|&)\s|\s+\(?(?:19|20)\d\d)"
    r"|[A-ZÀ-Þ][a-zß-ÿ'’\-]+\s+[A-Z]{1,3}[,.](?=\s)")
# how a line ends mid-sentence: of names ('Baker, K.,', 'and', '&'), before a venue's or editors' ('In:', 'In',
# 'eds'), or on a small word ('Commentary on' then 'Darwin, C., 1859. On the origin ...': the title's own; 'Cited
# as', 'See also', 'Smith vs.', 'as revised by' ...)
_MID_LIST_END_RE = lazy(r"(?:[,;:&\-]|\b(?:and|or|nor|In|in|eds?|Eds?|by|of|on|to|the|a|an|for|with|from|at|see|See"
                        r"|as|As|also|than|vs|versus|via|into|upon|about|after|before|against|between|among|toward"
                        r"|towards|under|over|through|like|unlike|per|cf|Cf|i\.e|e\.g)\.?)\s*$")


def _inverted_head(line: str) -> bool:
    return line[:1].isalpha() and bool(_INVERTED_INITIALS_HEAD_RE.match(line))


def _cut_before_inverted_names(first: str, last: str, fixed: list[str], i: int) -> bool:
    """Whether an entry cut at a column's foot, its title or venue not ended ('Chen, L., Davis, M., 2020. Carbon
    footprint of'), is followed by the next entry's head: two columns' blocks interleaved. Said only where the
    entry opens with a first author inverted with initials ('Chen, L.,'), line i does so too, its names followed
    by the year ('Lopez, P., Martin, Q., 2021. Water ...'), and the entry's last line ends no name or venue
    before it (a comma, 'and', 'In:', 'eds.': 'In: Brown, A., Green, B. (Eds.), ...' is the entry's own)."""
    if not (_inverted_head(fixed[i]) and _inverted_head(first)) or _MID_LIST_END_RE.search(last):
        return False
    split = _split_authors(_prepared(fixed[i:i + 3]))
    return split is not None and split.kind == "year" and split.year is not None


def _split_unlabelled(lines: list[tuple[int, str]]) -> list[tuple[str | None, int, list[str]]]:
    entries: list[tuple[str | None, int, list[str]]] = []
    fixed = [fix_pdf_accents(t).strip() for _, t in lines]
    cur: list[str] = []
    cur_page = lines[0][0] if lines else 0
    cur_start = 0
    complete = False
    for i, (page, ln) in enumerate(lines):
        if not cur:
            if _starts_fixed(fixed, i):
                cur, cur_page, cur_start, complete = [ln], page, i, _entry_complete(ln)
            continue
        ended = complete and _ends_sentence(cur[-1])
        # Springer Nature's entries end without a full stop ('... Mind 59:433–460'): the next
        # opens with its names and the year in brackets ('Turing AM (1950) Computing ...'); an
        # entry cut at a column's foot, the other column's next entry after it
        if ended and _starts_fixed(fixed, i) and not _last_word_before_entry(fixed, i) \
                or complete and not ended and (_names_then_bracketed_year(fixed[i])
                                               or _cut_before_inverted_names(fixed[cur_start], fixed[i - 1], fixed, i)):
            entries.append((None, cur_page, cur))
            cur, cur_page, cur_start, complete = [ln], page, i, _entry_complete(ln)
            continue
        if ended and _is_end_heading(ln, True):
            break
        cur.append(ln)
        if not complete:
            complete = _entry_complete(" ".join(cur))
    if cur:
        entries.append((None, cur_page, cur))
    return entries


def _split_labelled(lines: list[tuple[int, str]], style: str) -> list[tuple[str | None, int, list[str]]]:
    entries, seen, taken = _split_labelled_once(lines, style)
    if style == "keyed" or not entries:
        return entries
    late = _labels_out_of_order(lines[:seen], style, taken)
    if not late:
        return _without_labels_inside(entries) if style == "numbered" else entries
    entries, _, _ = _split_labelled_once(lines, style, late)
    return sorted(_without_seam_tails(entries), key=lambda e: int((e[0] or "0").strip("[].")))


def _without_labels_inside(entries: list[tuple[str | None, int, list[str]]]) -> list[tuple[str | None, int, list[str]]]:
    """A numbered list's entries each up to a line inside it that opens with a label the list does not take (out
    of order where the labels are no permutation of a run, twice, numbered again from [1]): what follows is
    another entry's text, or entries', whose identifiers the entry would take ('[6] ... Title.', '[13] ...
    arXiv:2001.00013.' read as [6]'s, [6] without one of its own took 2001.00013). Dropped: an entry lost is a
    reference unread, not one resolved to the wrong paper."""
    out = []
    for label, page, body in entries:
        cut = next((j for j in range(1, len(body)) if _NUM_LABEL_RE.match(body[j])), None)
        out.append((label, page, body if cut is None else body[:cut]))
    return out


# an entry's last line cut mid-sentence: on a word in lower case, a comma, a colon, a hyphen
_CUT_LINE_RE = lazy(r"(?:[a-z]{2,}|[,;:\-])\s*$")
# what an identifier of a work may be read from: an arXiv id, a DOI, a web address
_IDENTIFIER_HINT_RE = lazy(r"arxiv|doi|https?:|www\.|\b10\.\d{4,}", re.I)


def _without_seam_tails(entries: list[tuple[str | None, int, list[str]]]) -> list[tuple[str | None, int, list[str]]]:
    """A list read out of order (_labels_out_of_order), its entries in the order the text gives them, without the
    tail of an entry cut at a block's foot: the text gives it before the entry's next label, as the end of
    another entry ('[5] ... Measuring the', '[13]'-'[18]', 'footprint of things. arXiv:2001.00005.', '[6]': read
    as the end of [18], which would take [5]'s arXiv id). At each such seam, the entry before the next label
    loses its lines after the last sentence it ends before them (with none ended, after its first line): all of
    them where the cut entry plainly stops mid-sentence (its last line on a word in lower case or a comma, in a
    list whose entries end sentences: nine in ten of those the text gives in order), else those from the first
    that names an identifier (an arXiv id, a DOI, a web address). The lines are given to neither entry: which they are
    is a guess, and a guess must not give one entry another's identifiers (an identifier of its own lost is a
    reference unresolved, not one resolved to the wrong paper)."""
    numbers = [int((label or "0").strip("[].")) for label, _, _ in entries]
    at = {n: k for k, n in enumerate(numbers)}
    in_order = [k for k in range(len(entries) - 1) if numbers[k + 1] == numbers[k] + 1]
    sentences = len(in_order) >= 4 and sum(1 for k in in_order if _ends_sentence(entries[k][2][-1])) \
        >= 0.9 * len(in_order)
    out = [list(body) for _, _, body in entries]
    for k, n in enumerate(numbers):
        nxt = at.get(n + 1)
        if nxt is None or nxt in (0, k + 1):
            continue
        body = out[nxt - 1]
        end = next((j for j in range(len(body) - 1, 0, -1) if _ends_sentence(body[j - 1])), None)
        if sentences and _CUT_LINE_RE.search(entries[k][2][-1]):
            out[nxt - 1] = body[:end or 1]
        elif (hint := next((j for j in range(end or 1, len(body)) if _IDENTIFIER_HINT_RE.search(body[j])), None)):
            out[nxt - 1] = body[:hint]
    return [(label, page, body) for (label, page, _), body in zip(entries, out)]


def _labels_out_of_order(lines: list[tuple[int, str]], style: str, taken: dict[int, int]) -> dict[int, int]:
    """The labels of a numbered ("[13]") or dotted ("13.") list that its text gives out of order, by line: a
    two-column page read a block of one column before the rest of the other ('[1]'-'[6]', '[13]'-'[18]',
    '[7]'-'[12]', '[19]' ...), which the walk in order reads as the text of the entry before them. They are
    labels only where, with those read in order (`taken`, line -> number), every number from the first to the
    last is there once: each left-out number once, none of them read in order already, no gap left (a label
    lost by the extractor, or a line of an entry opening with a citation's '[3]', leaves the list as read); and
    each in a run of two or more as the text gives them (a block of a column), not a stray line."""
    if not taken:
        return {}
    rx = _NUM_LABEL_RE if style == "numbered" else _DOT_LABEL_RE
    first_line = min(taken)
    late: dict[int, int] = {}
    for i, (_, ln) in enumerate(lines):
        if i > first_line and i not in taken and (m := rx.match(ln)):
            late[i] = int(m.group(1))
    if not late:
        return {}
    numbers = [*taken.values(), *late.values()]
    first = taken[first_line]
    if len(set(numbers)) != len(numbers) or min(late.values()) <= first \
            or set(numbers) != set(range(first, first + len(numbers))):
        return {}
    # a stray line opening with the next number ('21. Springer' amid the text of 5.) is in no run
    order = [n for _, n in sorted({**taken, **late}.items())]
    at = {n: k for k, n in enumerate(order)}
    if not all(0 < at[n] and order[at[n] - 1] == n - 1 or at[n] + 1 < len(order) and order[at[n] + 1] == n + 1
               for n in late.values()):
        return {}
    return late


def _split_labelled_once(lines: list[tuple[int, str]], style: str, late: dict[int, int] | None = None
                         ) -> tuple[list[tuple[str | None, int, list[str]]], int, dict[int, int]]:
    """The entries of a labelled list, the number of its lines read (to its end), and the lines whose labels were
    taken in order (line -> number); `late`: more lines to take as labels (_labels_out_of_order)."""
    entries: list[tuple[str | None, int, list[str]]] = []
    cur: list[str] | None = None
    label: str | None = None
    cur_page = 0
    expected = 1 if style == "keyed" else _first_number(lines, style)
    pages_with_labels: set[int] = set()
    last_label_page: int | None = None
    taken: dict[int, int] = {}
    late = late or {}
    seen = len(lines)
    for i, (page, ln) in enumerate(lines):
        lab: str | None = None
        body = ln
        if style == "numbered":
            m = _NUM_LABEL_RE.match(ln)
            if m and i in late:
                lab, body = f"[{m.group(1)}]", ln[m.end():]
            elif m and expected <= int(m.group(1)) <= expected + 3:
                lab, body = f"[{m.group(1)}]", ln[m.end():]
                expected = int(m.group(1)) + 1
                taken[i] = int(m.group(1))
        elif style == "keyed":
            m = _KEY_LABEL_RE.match(ln)
            if m:
                lab, body = f"[{m.group(1)}]", ln[m.end():]
        else:
            # (the next number before a particle in lower case is the next entry's: '2. van Rossum G, ...')
            m = _DOT_LABEL_ENTRY_RE.match(ln)
            if m and i in late:
                lab, body = f"{m.group(1)}.", ln[m.end():]
            elif m and int(m.group(1)) == expected:
                lab, body = f"{m.group(1)}.", ln[m.end():]
                expected += 1
                taken[i] = int(m.group(1))
        if lab is not None:
            if cur is not None:
                entries.append((label, cur_page, cur))
            cur, label, cur_page = [body], lab, page
            pages_with_labels.add(page)
            last_label_page = page
            continue
        if cur is None:
            continue
        if _is_end_heading(ln, True):
            seen = i
            break
        # a page with no label at all is past the list (an appendix page)
        if last_label_page is not None and page > last_label_page and page not in pages_with_labels:
            if not _page_has_label(lines, page, style):
                seen = i
                break
        cur.append(body)
    if cur is not None:
        entries.append((label, cur_page, cur))
    return entries, seen, taken


# a key label broken at its line's end: '[WVS+' then '96] Ron Weiss, ...'
_KEY_OPEN_RE = lazy(r"\s*\[[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ+\-'’]{0,11}")
_KEY_CLOSE_RE = lazy(r"\s*\d{2,4}[a-z]?\]")


def _join_broken_keys(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A keyed list's lines with each label broken across two lines made whole again."""
    out: list[tuple[int, str]] = []
    i, n = 0, len(lines)
    while i < n:
        page, ln = lines[i]
        if i + 1 < n and ln.lstrip()[:1] == "[" and "]" not in ln and _KEY_OPEN_RE.fullmatch(ln.rstrip()) \
                and _KEY_CLOSE_RE.match(lines[i + 1][1]):
            out.append((page, ln.rstrip() + lines[i + 1][1].lstrip()))
            i += 2
            continue
        out.append((page, ln))
        i += 1
    return out


def _page_has_label(lines: list[tuple[int, str]], page: int, style: str) -> bool:
    rx = {"numbered": _NUM_LABEL_RE, "keyed": _KEY_LABEL_RE, "dotted": _DOT_LABEL_RE}[style]
    return any(p == page and rx.match(t) for p, t in lines)


_FOOTNOTE_RE = lazy(r"^\s*\d{1,2}(?=[A-Z][a-z]|https?://|www\.)")
_FOOTNOTE_MORE_RE = lazy(r"^\s*(?:See|For|We|This|The|Available|Code|Data|Our)\b")


def _drop_footnotes(flat: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Footnotes that pypdf puts amid a column of references ('19The Kaggle
    CORD-19 ...', '12https://github.com/...') and their sentence lines."""
    if not any(map(_FOOTNOTE_RE.match, [ln for _, ln in flat])):
        return flat
    out = []
    in_note = 0
    for page, ln in flat:
        if _FOOTNOTE_RE.match(ln):
            in_note = 3
            continue
        if in_note and _FOOTNOTE_MORE_RE.match(ln):
            in_note -= 1
            continue
        in_note = 0
        out.append((page, ln))
    return out


def _section_lines(clean: list[list[str]]) -> Iterator[list[tuple[int, str]]]:
    """Candidate reference sections, last heading first: the lines after a
    'References' heading to the end of the document (each made when asked for:
    the first often suffices)."""
    flat: list[tuple[int, str]] = []
    heads: list[int] = []
    match = _HEADING_RE.match
    for pno, lines in enumerate(clean):
        heads += compress(count(len(flat)), map(match, lines))
        flat += zip(repeat(pno + 1), lines)
    return (_drop_footnotes(flat[i + 1:]) for i in reversed(heads))


def find_references(pages: list[str]) -> list[RefEntry]:
    """Split the reference list of a paper's page texts into entries.

    Returns [] when no reference heading is found (a single page, a paper
    without references, or text pypdf could not decode)."""
    clean = _clean_pages(pages)
    best: list[RefEntry] = []
    document: str | None = None
    for section in _section_lines(clean):
        if not section:
            continue
        style = _detect_style(section)
        if style == "unlabelled":
            raw_entries = _split_unlabelled(section)
        else:
            if style == "keyed":
                section = _join_broken_keys(section)
            raw_entries = _split_labelled(section, style)
        if document is None:
            document = "\n".join(p or "" for p in pages).lower()
        entries = [parse_entry(" ".join(lines), idx=i + 1, label=label, page=page,
                               lines=lines, document=document)
                   for i, (label, page, lines) in enumerate(raw_entries)]
        entries = [e for e in entries if e.raw]
        for i, e in enumerate(entries, 1):
            e.idx = i
        if len(entries) >= 5:
            _family_names_first_by_order(entries)
        _names_the_paper_tells(entries, pages)
        _family_names_of_more_words(entries, pages)
        _organisations_among_inverted_names(entries)
        _initialisms_cited(entries, pages)
        _family_names_in_capitals(entries)
        # a list numbered from past 1 may be the rest of one an earlier heading opens: read only where none does
        late = style in ("numbered", "dotted") and entries and _first_number(section, style) > 1
        if len(entries) >= 3 or len(entries) > len(best):
            if len(entries) >= 3 and not late:
                return entries
            if len(entries) > len(best) or not late:
                best = entries
    return best


# a first author of two words and nothing that says which is the family name, then more authors or
# the year: 'Yamada Taro, Suzuki Hanako. 2019.' (or 'Taro Yamada, ...': the list's order tells)
_TWO_WORD_NAME_RE = lazy(r"^(?:\[[^\]]{1,12}\]\s*|\d{1,3}\.\s+)?([A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ]?[a-zß-ÿ]+)?)\s+"
                         r"([A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ]?[a-zß-ÿ]+)?)\s*(?:,|\s(?:and|&)\s|\.\s+\(?(?:19|20)\d\d)")


# the next author of an entry's list, two capitalised words as its first's, after a comma or a conjunction
_NEXT_TWO_WORD_NAME_RE = lazy(r"(?:\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+)([A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ]?[a-zß-ÿ]+)?)"
                              r"\s+([A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ]?[a-zß-ÿ]+)?)(?=\s*[,.]|\s+(?:and|&)\s)")


def _co_authors_of_two_words(raw: str, at: int) -> list[tuple[str, str]]:
    """The authors after the first, at `at`, each of two capitalised words, as printed ('Yamada Taro, Suzuki
    Hanako and Mori Kenji. 2019.': ('Suzuki', 'Hanako'), ('Mori', 'Kenji')); up to the first that is not."""
    out = []
    while len(out) < 8 and (m := _NEXT_TWO_WORD_NAME_RE.match(raw, at)):
        out.append((m.group(1), m.group(2)))
        at = m.end()
    return out


def _in_order(keys: list[str]) -> float:
    """The share of neighbouring keys in alphabetical order."""
    return sum(a <= b for a, b in zip(keys, keys[1:])) / max(1, len(keys) - 1)


def _family_names_first_by_order(entries: list[RefEntry]) -> None:
    """Key first authors written 'Family Given' with nothing marking it ('Yamada Taro,
    Suzuki Hanako. 2019.') on their first word, as a reader does who sees the list in
    alphabetical order of those first words, not of the last ones: a list sorted by
    its authors' family names says where each is. A list in any other order (numbered
    in the order of citation) says nothing, and the last word stays the key."""
    alternative: dict[int, str] = {}
    for k, e in enumerate(entries):
        m = _TWO_WORD_NAME_RE.match(e.raw) if e.first_author else None
        if m and e.first_author == name_key(m.group(2)):
            alternative[k] = name_key(m.group(1))
    # (entries keyed on their first word already, their names read as Japanese or Chinese: 'Tanaka Ichiro', count)
    first_keyed = sum(1 for e in entries if e.first_author and (m := _TWO_WORD_NAME_RE.match(e.raw))
                      and e.first_author == name_key(m.group(1)) != name_key(m.group(2)))
    if not alternative or len(alternative) + first_keyed < 3:
        return
    keyed = [k for k, e in enumerate(entries) if e.first_author]
    now = [entries[k].first_author for k in keyed]
    then = [alternative.get(k, entries[k].first_author) for k in keyed]
    if _in_order(then) >= 0.85 and _in_order(then) >= _in_order(now) + 0.15:
        for k, key in alternative.items():
            entries[k].first_author = key


_LABEL_HEAD_RE = r"^(?:\[[^\]]{1,12}\]\s*|\d{1,3}\.\s+)?"
# a first author given names first and the family name in capitals (_given_then_caps): 'Kenton LEE. 2019.',
# 'Jian LIU, Wei XIE,'
_CAPS_FAMILY_HEAD_RE = lazy(_LABEL_HEAD_RE + r"((?:[A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-Za-z][a-zß-ÿ]+)?\s+){1,3}[A-ZÀ-Þ][A-ZÀ-Þ'\-]+)"
                            r"(?=[.,;]|\s+(?:and|&)\s)")


def _family_names_in_capitals(entries: list[RefEntry]) -> None:
    """Key a lone first author printed given names first and the family name in capitals ('Kenton LEE. 2019.
    A study of things.'), which alone reads as a body's name and acronym ('Stanford HAI. 2023.'), by the family
    name where the list prints two entries' first authors so that the entries say are people (_first_author: a
    name alike after it, or a paper in proceedings): the list's style. A report stays a body's ('Stanford HAI.
    2023. AI Index Report.'), as bodies put their names to reports."""
    proven: list[RefEntry] = []
    whole: list[tuple[RefEntry, str]] = []
    for e in entries:
        m = _CAPS_FAMILY_HEAD_RE.match(e.raw) if e.first_author else None
        family = _given_then_caps(m.group(1)) if m else None
        if family and e.first_author == name_key(family):
            proven.append(e)
        elif family and e.first_author == name_key(m.group(1)) and not _report(e.raw):
            whole.append((e, name_key(family)))
    if len(proven) >= 2 and len(proven) >= len(whole):
        for e, key in whole:
            e.first_author = key


# a first author in capitals cut in pieces, then the year: 'EP A. 2018.', 'DO E, 2021,'
_CAPS_PIECES_HEAD_RE = lazy(_LABEL_HEAD_RE + r"([A-Z]{1,6}(?: [A-Z]{1,6}){1,3})[.,]?\s+\(?(?:19|20)\d\d")
# two capitalised words joined by 'and', nothing else, then the year: 'Marks and Spencer. 2019.'
_AND_PAIR_HEAD_RE = lazy(_LABEL_HEAD_RE + r"([A-Z][a-z]+) (?:and|&) ([A-Z][a-z]+)[.,]?\s+\(?(?:19|20)\d\d")
# ... at an entry's start, whatever follows: 'Procter and Gamble, "Citizenship report," 2022.'
_AND_PAIR_START_RE = lazy(_LABEL_HEAD_RE + r"([A-Z][a-z]+) (?:and|&) ([A-Z][a-z]+)\b")
# a first author named with a given name or initials: 'Strubell, E.', 'Strubell, Emma', 'Emma Strubell', 'E. Strubell',
# 'Strubell E'
_GIVEN_HEAD_RE = lazy(_LABEL_HEAD_RE + r"[A-ZÀ-Þ][\w'’\-]*(?:,\s+[A-ZÀ-Þ]|\.?\s+[A-ZÀ-Þ])")
# the word before an 'et al.' (matched backwards from the 'et al' found: a pattern opening with a capital
# would be tried at every capital of the paper)
_WORD_BEFORE_RE = lazy(r"([A-ZÀ-Þ][\w'’\-]+)\s+$")


def _cited_with_et_al(text: str) -> set[str]:
    """The words a paper's text prints before 'et al': 'Yamada et al. [3]' -> 'Yamada'."""
    out = set()
    at = text.find("et al")
    while at >= 0:
        m = _WORD_BEFORE_RE.search(text, max(0, at - 40), at)
        if m:
            out.add(m.group(1))
        at = text.find("et al", at + 5)
    return out


# a work in proceedings, a journal or on arXiv: a venue after a sentence ('. In ACL.', '. In: Proceedings of',
# '. arXiv:', '. Journal of'), or a journal's volume, issue and pages ('21(140):1-67', '59:433-460')
_SCHOLARLY_RE = lazy(rf"[.,]\s+{_VENUE_OPENER}|\b\d{{1,4}}\s*\(\d{{1,4}}\)\s*[:,]\s*\d|\b\d{{1,4}}\s*:\s*\d+\s*[-–]\s*\d")


def _scholarly(text: str) -> bool:
    """Whether an entry's text names a scholarly venue: two single words joined by '&' or 'and'
    ('Bender & Koller. 2020. ... In ACL.') are then two people's family names, as a firm's name
    holding one ('Ernst & Young', 'Marks and Spencer') puts its name to reports, not to papers."""
    return _SCHOLARLY_RE.search(text) is not None


# what a firm puts its name to: a report, a white paper, a press release ('Ernst & Young. 2019. ... Report.',
# 'Procter & Gamble, "Citizenship report," Tech. Rep.')
_REPORT_RE = lazy(r"(?i)\b(?:reports?|rep\.|white[\s-]+papers?|press[\s-]+releases?|brochure|fact[\s-]+sheet"
                  r"|annual[\s-]+review|survey[\s-]+results|outlook)\b")


def _report(text: str) -> bool:
    """Whether an entry's text says it is a firm's publication (a report, a white paper): two single
    words joined by '&' are then the firm's name ('Ernst & Young'); elsewhere they are two people by
    their family names, as a person's own reference list writes them ('Lo & Beltagy (2019) SciBERT')."""
    return _REPORT_RE.search(text) is not None


_KEY_LETTERS_RE = lazy(r"\[([A-Za-z]+)\+?\d")


def _two_people(first: str, second: str, entry: RefEntry, listed: str, cited: set[str]) -> bool:
    """Whether 'Strubell and McCallum. 2019.', in a list that names people with given names, is two
    people printed by their family names alone (a BibTeX entry whose authors were typed so) rather
    than one name holding 'and' ('Marks and Spencer'): the paper names either as a person's family
    name elsewhere, with a given name or initials in its list ('Emma Strubell,', 'A. McCallum',
    'Strubell, E.') or before 'et al.' in its text; or the entry's key label spells the two
    ('[SM19]', where one name gives '[Mar19]')."""
    label = _KEY_LETTERS_RE.match(entry.label or "")
    if label and label.group(1) == first[0] + second[0]:
        return True
    for word in (first, second):
        if word in cited:
            return True
        w = re.escape(word)
        if re.search(rf"(?:^|[,;]\s+|\band\s+|&\s+)(?!The\s)[A-ZÀ-Þ][a-zß-ÿ]+(?:\s+[A-Z]\.)?\s+{w}\b|\b[A-Z]\.\s+{w}\b"
                     rf"|\b{w},\s+[A-Z]\.", listed, re.M):
            return True
    return False


def _printed_as_family(family: str, given: str, text: str, whole: bool = True) -> bool:
    """Whether `text` prints the name `family` `given` as a reader reads a family name: after its
    given name or its initial, or before its initial and a comma ('Taro Yamada', 'T. Yamada',
    'Yamada, T.' for Yamada Taro), before its initials in capitals as Vancouver prints them ('Mori S,
    Yamada T.'), or opening an entry inverted, its given name after a comma ('Yamada, Taro. 2020.').
    `whole`: 'Taro Yamada' counts (not where the list prints 'Yamada Taro' itself, which says nothing)."""
    if family not in text:
        return False
    f, g = re.escape(family), re.escape(given[0])
    return whole and f"{given} {family}" in text or re.search(
        rf"\b{g}\.\s?{f}\b|\b{f},\s+{g}\.|(?:^|,\s|\]\s|\d\.\s)\s*{f}\s{g}[A-Z]?(?=[,.;:]|\s+\(?(?:19|20)\d\d)"
        rf"|^{_LABEL_HEAD_RE[1:]}{f},\s+{re.escape(given)}\b", text, re.M) is not None


_LABEL_HEAD = lazy(_LABEL_HEAD_RE)


def _conjunctions(entries: list[RefEntry]) -> Counter:
    """How many entries' author lists join their last two people with 'and' ('Ganesh, and Andrew
    McCallum', ACL, Chicago, IEEE) and how many with '&' ('Ganesh, A., & McCallum, A.', APA, Nature,
    Harvard): a list's style prints one; the other, between two capitalised words, is of a name."""
    out: Counter = Counter()
    for e in entries:
        split = _split_authors(_prep_names(_LABEL_HEAD.sub("", e.raw, count=1)))
        if split is not None:
            if " & " in split.authors:
                out["&"] += 1
            elif " and " in split.authors:
                out["and"] += 1
    return out


def _names_the_paper_tells(entries: list[RefEntry], pages: Sequence[str]) -> None:
    """First authors whose entry alone cannot say what their name is, read as a reader does
    who sees the rest of the paper:

    * an acronym the PDF cut at a kerning ('EP A. 2018.') that the paper prints whole ('EPA')
      is that acronym (a name in capitals with an initial, 'LI X.', spells no word it prints);
    * two capitalised words joined by 'and' with nothing given-name-like ('Marks and Spencer.
      2019.') are one name in a list whose entries name people with given names or initials:
      no style prints two people by their family names alone, unless their entry was typed so,
      which the rest of the paper tells ('Strubell and McCallum. 2019.' beside 'Emma Strubell,
      ...', `_two_people`), or the work is in proceedings or a journal, where a firm's name is
      rare; in a journal too where the list joins its people with the other conjunction ('Procter &
      Gamble. 2020. ... Journal of ...' in a list printing 'Ganesh, and Andrew McCallum', `_conjunctions`);
    * a first author of two words printed 'Family Given' in a list in the order of citation
      ('[3] Yamada Taro, Suzuki Hanako. 2019.') is keyed on its first word when the paper
      cites that word with 'et al.' ('Yamada et al. [3]') or prints it as a family name ('Taro Yamada',
      'T. Yamada', 'Yamada, T.', in its byline or another entry), and never the other word so;
    * an acronym cut so in one entry and spelled by its own words ('EP A. 2023. ... epa.gov') is that
      acronym in every entry printed so."""
    caps = [(e, m) for e in entries if e.first_author and (e.raw[:2].isupper() or e.raw[:1] in "[0123456789")
            for m in [_CAPS_PIECES_HEAD_RE.match(e.raw)] if m]
    pairs = [(e, m) for e in entries if e.first_author and (" and " in e.raw[:40] or " & " in e.raw[:40])
             for m in [_AND_PAIR_HEAD_RE.match(e.raw)]
             if m and e.first_author in (name_key(m.group(1)), name_key(e.raw[m.start(1):m.end(2)]))]
    for before, e in zip(entries, entries[1:]):
        if not e.first_author and e.raw[:1] in _DASHES | {"["} and before.first_author \
                and _SAME_AUTHORS_RE.match(_NUM_LABEL_RE.sub("", e.raw, count=1) if e.raw[0] == "[" else e.raw):
            e.first_author = before.first_author        # '———. 2020.': the authors of the entry before
    keys = [e.first_author for e in entries if e.first_author]
    # (a list in alphabetical order of its keys says its last words are the family names)
    ordered = len(keys) >= 5 and _in_order(keys) >= 0.85
    two = [] if ordered else [
        (e, m) for e in entries if e.first_author
        for m in [_TWO_WORD_NAME_RE.match(e.raw)] if m and e.first_author == name_key(m.group(2))]
    if ordered:
        _swaps_in_order(entries)
    if not (caps or pairs or two):
        return
    text = "\n".join(p or "" for p in pages)
    # (an acronym one entry's own words spell, 'EP A. 2023. ... https://www.epa.gov', is the same name in
    # every entry printed so)
    spelled = {m.group(1) for e, m in caps if e.first_author == m.group(1).replace(" ", "").lower()}
    for e, m in caps:
        letters = m.group(1).replace(" ", "")
        if 3 <= len(letters) <= 8 and e.first_author != letters.lower() \
                and (m.group(1) in spelled or re.search(rf"(?<![\w.]){letters}(?![\w])", text)):
            e.first_author = letters.lower()
    if pairs:
        # (the same two words keyed as a firm's name in another entry of the list, by its legal form, its web
        # address or its report: 'Ernst & Young. 2020. Title.' beside 'Ernst & Young LLP. 2021. ...' ernstandyoung)
        firms = {e.first_author for e in entries if e.first_author and (" and " in e.raw[:40] or " & " in e.raw[:40])
                 for m in [_AND_PAIR_START_RE.match(e.raw)] if m and e.first_author == name_key(e.raw[m.start(1):m.end(2)])}
        for e, m in pairs:
            if e.first_author == name_key(m.group(1)):
                as_firm = name_key(e.raw[m.start(1):m.end(2)])
                if as_firm in firms:
                    e.first_author = as_firm
    if pairs and len(entries) >= 5:
        people = [e for e in entries if e.first_author and not any(e is p for p, _ in pairs)]
        given = sum(1 for e in people if _GIVEN_HEAD_RE.match(e.raw))
        # (most: the others are organisations, 'Google. 2019.', or names the PDF broke)
        if given >= 4 and given >= 0.6 * len(people):
            listed = "\n".join(e.raw for e in entries)
            cited = _cited_with_et_al(text)
            joins = _conjunctions(people)
            for e, m in pairs:
                conjunction = "&" if " & " in m.group(0) else "and"
                other = "and" if conjunction == "&" else "&"
                # the list joins its people with the other conjunction: this one is of a name, in a journal too,
                # unless the paper cites the two joined so ('Lo and Beltagy (2019)' beside 'Lo & Beltagy. 2019.')
                foreign = not joins[conjunction] and joins[other] >= 3 \
                    and f"{m.group(1)} {other} {m.group(2)}" not in text
                if m.group(1) != m.group(2) and _two_people(m.group(1), m.group(2), e, listed, cited):
                    # (a firm's report by its entry alone, _conjoined_organisation: the paper names them as people)
                    e.first_author = name_key(m.group(1))
                elif foreign or not _scholarly(e.raw):
                    e.first_author = name_key(f"{m.group(1)} {conjunction} {m.group(2)}")
    if two:
        cited = _cited_with_et_al(text)
        listed = "\n".join(e.raw for e in entries)
        byline = (pages[0] or "")[:3000] if pages else ""
        first, second = [], 0
        heads = {(m.group(1), m.group(2)) for _, m in two}
        swapped: dict[frozenset[str], list[RefEntry]] = {}
        for e, m in two:
            family, given = m.group(1), m.group(2)
            if (given, family) in heads and given != family:
                # (the same name printed both ways as two entries' first author, 'Hiroshi Tanaka' and 'Tanaka
                # Hiroshi': each printing says the other is inverted, so neither says which word is the family
                # name, _swapped_pair)
                swapped.setdefault(frozenset((family, given)), []).append(e)
                continue
            others = listed.replace(e.raw, "", 1)       # (the entry prints 'Yamada Taro' itself)
            # (and its other authors, printed in the same order: 'Yamada Taro, Suzuki Hanako' beside 'Suzuki, H.')
            names = [(family, given), *_co_authors_of_two_words(e.raw, m.end(2))]
            if given in cited or any(_printed_as_family(b, a, others, whole=False) for a, b in names):
                second += 1
            elif family in cited or any(_printed_as_family(a, b, f"{byline}\n{others}") for a, b in names):
                first.append((e, family))
        if first and len(first) > 2 * second:
            for e, family in first:
                e.first_author = name_key(family)
        for pair, printed in swapped.items():
            _swapped_pair(sorted(pair), printed, text, listed, byline, cited)


def _swaps_in_order(entries: list[RefEntry]) -> None:
    """In a list in alphabetical order, key the entries whose first author is one name printed both ways ('Hiroshi
    Tanaka. 2021.' and 'Tanaka Hiroshi. 2019.') on the word their places sort by, where one word alone fits between
    the keys of the entries about them ('Tanaka Hiroshi' between 'sun' and 'vaswani': tanaka)."""
    heads: dict[tuple[str, str], list[int]] = {}
    for i, e in enumerate(entries):
        if e.first_author and e.raw[:1].isupper() and (m := _TWO_WORD_NAME_RE.match(e.raw)) \
                and e.first_author in (name_key(m.group(1)), name_key(m.group(2))):
            heads.setdefault((m.group(1), m.group(2)), []).append(i)
    for (a, b), at in heads.items():
        if a >= b or (b, a) not in heads:
            continue                # (each pair once)
        members = at + heads[(b, a)]
        said = {w for i in members for w in (a, b) if _sorts_at(entries, i, name_key(w), members)}
        if len(said) == 1:
            key = name_key(next(iter(said)))
            for i in members:
                entries[i].first_author = key


def _sorts_at(entries: list[RefEntry], i: int, key: str, skip: list[int]) -> bool:
    """Whether `key` sorts between the keys of the entries before and after entry i (others than `skip`)."""
    before = next((entries[j].first_author for j in range(i - 1, -1, -1)
                   if j not in skip and entries[j].first_author), None)
    after = next((entries[j].first_author for j in range(i + 1, len(entries))
                  if j not in skip and entries[j].first_author), None)
    return (before is None or before <= key) and (after is None or key <= after)


def _swapped_pair(pair: list[str], printed: list[RefEntry], text: str, listed: str, byline: str,
                  cited: set[str]) -> None:
    """Key the entries of a list whose first author is one name printed both ways ('Hiroshi Tanaka. 2021.' and
    'Tanaka Hiroshi. 2019.') on the one word the paper says is a family name elsewhere: cited before 'et al.' or
    before a year ('Tanaka et al.', '(Tanaka, 2019)', 'Tanaka and Mori (2021)'), printed after an initial or
    before one ('H. Tanaka', 'Tanaka, H.', 'Tanaka H,'), or after the other word in the paper's byline (not its
    list's, which prints both); where nothing or both words are said so, each entry keeps its last word."""
    said = []
    for word, other in (pair, pair[::-1]):
        w, o = re.escape(word), re.escape(other)
        whole = f"{other} {word}"
        if word in cited or whole in byline and whole not in listed or _printed_as_family(word, other, listed, False) \
                or re.search(rf"(?<!{o} )\b{w}(?:\s+(?:and|&)\s+[A-ZÀ-Þ][\w'’\-]+)?(?:,\s*|\s+\()(?:19|20)\d\d",
                             text):
            said.append(word)
    if len(said) == 1:
        for e in printed:
            e.first_author = name_key(said[0])


# a first author inverted whose family name is one word, then a given name or initials: 'Strubell, Emma,',
# 'Strubell, E.', 'Turing, Alan M.' (Chicago, MLA, APA: the list inverts its first authors)
_INVERTED_HEAD_RE = lazy(_LABEL_HEAD_RE + r"[A-ZÀ-Þ][\w'’\-]+,\s+(?:[A-ZÀ-Þ][a-zß-ÿ]+(?:\s+[A-ZÀ-Þ]\.)?|[A-ZÀ-Þ]\.)[,.]?\s")
# a first author given name first, as no inverted list prints one: 'Emma Strubell and', 'Emma Strubell. 2019.',
# 'E. Strubell,', 'Emma J. Strubell &'
_GIVEN_FIRST_HEAD_RE = lazy(_LABEL_HEAD_RE + r"(?:(?:[A-Z]\.\s?)+[A-ZÀ-Þ][\w'’\-]+[,\s]|[A-ZÀ-Þ][a-zß-ÿ]+\s+(?:[A-Z]\.\s+)?"
                            r"[A-ZÀ-Þ][\w'’\-]+(?:\s+(?:and|&)\s|\.\s+\(?(?:19|20)\d\d))")
# a first author given name first, of three words or more, before a comma or 'and': 'Pedro Javier Ortiz Suárez,',
# 'P. J. Ortiz Suárez and', 'Gabriel García Márquez.'
_GIVEN_FIRST_NAME_RE = lazy(_LABEL_HEAD_RE + r"((?:(?:[A-Z]\.\s?)+|[A-ZÀ-Þ][a-zß-ÿ]+\s+)(?:[A-ZÀ-Þ][\w'’\-]*\s+){1,3}"
                            r"[A-ZÀ-Þ][\w'’\-]+)(?:,|\.|\s+(?:and|&)\s)")
# a first author of two or three capitalised words, a comma, then two or three more: 'Ortiz Suárez, Pedro Javier,'
# (Pedro Javier Ortiz Suárez inverted, or Ortiz Suárez and Pedro Javier given names first)
_MANY_WORDS_HEAD_RE = lazy(_LABEL_HEAD_RE + r"((?:[A-ZÀ-Þ][\w'’\-]+\s+){1,2}[A-ZÀ-Þ][\w'’\-]+),\s+"
                           r"[A-ZÀ-Þ][a-zß-ÿ]+(?:\s+[A-ZÀ-Þ][a-zß-ÿ]+){1,2}[,.]\s")


def _family_names_of_more_words(entries: list[RefEntry], pages: Sequence[str]) -> None:
    """A first author printed 'Ortiz Suárez, Pedro Javier, Benoît Sagot, and ...' reads two ways:
    Pedro Javier Ortiz Suárez inverted (Chicago, MLA), or Ortiz Suárez and Pedro Javier, given names
    first; the entry keys its last word before the comma ('suarez'). A reader tells which by the rest
    of the paper: the family name is all the words before the comma ('ortizsuarez', as BibTeX keys
    'Ortiz Suárez, Pedro Javier') when the paper cites them so ('Ortiz Suárez et al.', 'Ortiz Suárez
    (2019)'), or when the list inverts its first authors, three or more of its entries opening with a
    family name of one word and a given name or initials ('Strubell, Emma,') and a quarter as many or
    fewer with a name given name first ('Emma Strubell and', 'E. Strubell,'). Given name first ('Pedro Javier Ortiz
    Suárez, ...', 'P. J. Ortiz Suárez,'), the paper's citation alone tells where the family name starts."""
    many = [(e, " ".join(m.group(1).split())) for e in entries if e.first_author and "," in e.raw[:80]
            for m in [_MANY_WORDS_HEAD_RE.match(e.raw)] if m
            and e.first_author == name_key(m.group(1).rsplit(None, 1)[-1])]
    given_first = [(e, m.group(1).split()) for e in entries if e.first_author
                   for m in [_GIVEN_FIRST_NAME_RE.match(e.raw)] if m
                   and e.first_author == name_key(m.group(1).rsplit(None, 1)[-1])]
    if not (many or given_first):
        return
    by_style = False
    if many:
        inverted = sum(1 for e in entries if _INVERTED_HEAD_RE.match(e.raw))
        # (an organisation's name, 'World Bank. 2020.', reads as a name given name first: a few are allowed)
        by_style = inverted >= 3 and 4 * sum(1 for e in entries if _GIVEN_FIRST_HEAD_RE.match(e.raw)) <= inverted
    text = "\n".join(p or "" for p in pages)
    cited = set() if by_style and not given_first else _names_cited(text)
    for e, family in many:
        if by_style or family in cited:
            e.first_author = name_key(family)
    bracketed = _names_cited(text, in_brackets=True) if given_first else set()
    for e, words in given_first:
        if " ".join(words) in bracketed and not any(map(_is_initial, words)):
            # all of them, where the paper's brackets cite the name whole, as they cite a body's ('(Internal
            # Revenue Service, 2020)') and never a person's given names
            e.first_author = name_key(" ".join(words))
            continue
        # the family name's last two or three words, at least one given name or initial before them
        for k in range(max(1, len(words) - 3), len(words) - 1):
            family = " ".join(words[k:])
            if not _is_initial(words[k]) and family in cited:
                e.first_author = name_key(family)
                break



# a first author of two to five words without a comma, then the year: 'Common Crawl (2023).', 'Semantic Scholar.
# 2023.', 'Internet Archive, 2021:'
_UNINVERTED_HEAD_RE = lazy(_LABEL_HEAD_RE + r"((?:[A-ZÀ-Þ][\w.'’\-]*|of|for|the|in|on)(?:\s+(?:[A-ZÀ-Þ][\w.'’\-]*|of|for"
                           r"|the|in|on)){1,4}?)[.,:]?\s+\(?(?:19|20)\d\d[a-z]?\)?[.,:]")


def _organisations_among_inverted_names(entries: list[RefEntry]) -> None:
    """A first author of words without a comma before the year ('Common Crawl (2023).', 'Semantic
    Scholar. 2023.') in a list that inverts its people's names ('Strubell, E., Ganesh, A., & ...',
    'Strubell, Emma, Ananya Ganesh, and ...') is no person, whom such a list would print 'Crawl, C.':
    an organisation's name, keyed whole, where the entry alone keyed its last word ('crawl', 'scholar').
    Four fifths of the list's other entries inverted, four at least, say the list's style; a name with
    initials ('J. Smith', 'Smith JR', and so 'U.S. Courts') stays a person's."""
    heads = [(e, m) for e in entries if e.first_author and "," not in e.raw[:6]
             for m in [_UNINVERTED_HEAD_RE.match(e.raw)] if m]
    if not heads:
        return
    inverted = sum(1 for e in entries if _INVERTED_HEAD_RE.match(e.raw))
    if inverted < 4 or inverted < 0.8 * (len(entries) - len(heads)):
        return
    for e, m in heads:
        words = m.group(1).split()
        if _initials_caps(words[-1]) or any(map(_is_initial, words)) or e.first_author != name_key(words[-1]):
            continue            # (initials are a person's: 'J. Smith', 'Smith J.')
        e.first_author = name_key(m.group(1))


# a first author of a country's initialism and one word, keyed on the word: 'U.S. Courts. 2020.', 'U.N. Women (2020)'
_INITIALISM_HEAD_RE = lazy(_LABEL_HEAD_RE + r"((?:[A-Z]\.){2,3}\s+[A-Z][\w'’\-]+)[.,]?\s")


def _initialisms_cited(entries: list[RefEntry], pages: Sequence[str]) -> None:
    """A first author printed 'U.S. Courts' reads as a person's initials and family name ('U.S.
    Grant'); where the paper cites it whole, as author-year citations cite family names ('(U.S.
    Courts, 2020)', 'U.N. Women (2020) says'), it is one body's name, keyed whole ('uscourts'), where
    the entry keyed its last word. A person so printed is cited by the family name alone ('(Grant, 1885)')."""
    heads = [(e, m.group(1)) for e in entries if e.first_author and e.raw[:1] in "[123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
             for m in [_INITIALISM_HEAD_RE.match(e.raw)] if m and e.first_author == name_key(m.group(1).split()[-1])]
    if not heads:
        return
    # (not the list's own entries, which print the name before its year: 'U.S. Courts (2020). Judicial ...')
    opening = re.compile(r"(?m)^(?:\[[^\]]{1,12}\]\s*|\d{1,3}\.\s+)?(?:"
                         + "|".join(re.escape(name).replace(r"\ ", r"\s+") for _, name in heads) + r")\b.*$")
    cited = _names_cited(opening.sub("", "\n".join(p or "" for p in pages)))
    for e, name in heads:
        if " ".join(name.split()) in cited:
            e.first_author = name_key(name)


# two or three capitalised words before a citation's mark ('Ortiz Suárez' before ' et al.', ' (2019)'), or in its
# brackets before the comma and the year ('(Ortiz Suárez, 2019', '; Ortiz Suárez, 2019')
# (or a country's initialism and a body's name: 'U.S. Courts (2020)', '(U.N. Women, 2020)')
_CITED_NAME = r"((?:(?:[A-Z]\.){2,3}\s+|[A-ZÀ-Þ][\w'’\-]*\s+){1,2}[A-ZÀ-Þ][\w'’\-]+)"
_CITED_WORDS_RE = lazy(rf"(?<![^\s(;]){_CITED_NAME}\s+$")
_CITED_IN_BRACKETS_RE = lazy(rf"[(;]\s*{_CITED_NAME}$")


def _names_cited(text: str, in_brackets: bool = False) -> set[str]:
    """The names of two or three words the paper cites as author-year citations cite family names: before
    'et al.' or a year in brackets ('Ortiz Suárez et al.', 'García Márquez (1967)'), and in a citation's
    brackets before a comma and the year ('(Ortiz Suárez, 2019)'; not a list's '... and Ortiz Suárez, 2019.').
    A name of three words gives its last two as well ('Pedro Javier Ortiz Suárez et al.' names 'Ortiz
    Suárez'). Found from the marks, looking back (a pattern opening with a capital would be tried at every
    capital of the paper). `in_brackets`: only the names a citation's brackets hold, each whole, as the
    brackets open before it ('(Internal Revenue Service, 2020)')."""
    out: set[str] = set()
    marks = ((", 19", _CITED_IN_BRACKETS_RE), (", 20", _CITED_IN_BRACKETS_RE))
    if not in_brackets:
        marks = (("et al", _CITED_WORDS_RE), ("(19", _CITED_WORDS_RE), ("(20", _CITED_WORDS_RE)) + marks
    for mark, before in marks:
        at = text.find(mark)
        while at >= 0:
            year = text[at + len(mark): at + len(mark) + 3]
            if mark == "et al" or year[:2].isdigit() and not year[2:].isdigit():
                m = before.search(text, max(0, at - 80), at)
                if m:
                    words = m.group(1).split()
                    out.update(" ".join(words[k:]) for k in range(1 if in_brackets else len(words) - 1))
            at = text.find(mark, at + len(mark))
    return out


# a year before 1950 (from 1600), where _YEAR_ANY_RE takes none, placed as a page or volume number would not be:
# closing the entry ', 1948.', '(1936).', ', July 1948.', ', 1859.', Vancouver's book 'London: John Murray; 1859.',
# or before Vancouver's volume ('Philos Trans R Soc Lond. 1865;155:459-512.')
_OLD_YEAR_END_RE = lazy(rf"(?:[,;]|\(|\b{_MONTHS}\.?)\s*(1[6-8]\d\d|19[0-4]\d)\)?[.,]?\s*$"
                        r"|[.,]\s+(1[6-8]\d\d|19[0-4]\d)\s*;\s*\d{1,4}\s*[(:]")
# the words that named an identifier, or said where the work is, left at the entry's end where it was taken out
_ID_WORD_END_RE = lazy(r"(?:[,.;]?\s*(?:doi|DOI|URL|url|\[Online\]\.?|(?:[Aa]vailable|[Oo]nline)(?:\s+(?:at|from))?)"
                       r"\s*:?\s*)+[.,]?\s*$")
# (a stop after a month's short form only, 'Aug. 2023': a whole month's name and a stop before the year is a family
# name closing the names, as ACL's list prints them, 'Zejiang Shen and Tal August. 2023.', 'Rob May. 2020.')
# (where a date stands: after a comma, stop or bracket, opening the entry, or after the words of an access date,
# 'Retrieved May 3, 2022'; a title's 'UK: May 2023' or 'the March 2020 lockdown' keeps its month)
_DATE_AFTER = "|".join(rf"(?<=\b{w}\s)" for w in ("on", "Accessed", "accessed", "Retrieved", "retrieved", "Visited",
                                                   "visited", "Viewed", "viewed", "Updated", "updated", "Cited", "cited"))
# (the day before its month too, as British and European references print it: ', 5 June 2022.', '(3rd May 2023)')
_DATE_BEFORE_YEAR_RE = lazy(rf"(?:^|(?<=[,.;(\[]\s)|(?<=[,.;(\[])|{_DATE_AFTER})(?:[0-3]?\d(?:st|nd|rd|th)?\s+)?{_MONTHS}"
                            rf"(?:(?<=\b[A-Z][a-z]{{2}})(?<!May)\.|(?<=Sept)\.)?\s+(?:\d{{1,2}},?\s+)?((?:19|20)\d\d)\b")
# in every match of the above, and quick to search for (see _SPACE_PUNCT_RE)
_DATE_BEFORE_YEAR_HINT_RE = lazy(rf"{_MONTHS}\.?\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d")
# a number range around a year: '2019–2031', 'pp. 1998-2004'
_ACCESSED_HINT_RE = lazy(r"(?i:accessed|retrieved|visited|viewed|consulted|cited|updated)")
_ACCESSED_RE = lazy(rf"(?i:(?:last\s+)?(?:accessed|retrieved|visited|viewed|consulted)(?:\s+on)?|[\[(;]\s*(?:cited|updated))[:\s]+"
                    rf"(?:(?:19|20)\d\d[-/.]\d{{1,2}}(?:[-/.]\d{{1,2}})?|\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)\d\d"
                    rf"|(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:{_MONTHS}\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?"
                    rf"(?:19|20)\d\d)")
# ... and in a title with no quotes, after its comma, or a date after it: ', accessed 3 May 2023', ' Accessed:
# 2023-05-03', ', retrieved from' (not the title's own words: 'Data retrieved from memory', 'What is retrieved')
_ACCESS_WORDS = r"(?:[Ll]ast\s+)?(?:[Aa]ccessed|ACCESSED|[Rr]etrieved|[Vv]isited|[Vv]iewed|[Cc]onsulted|[Uu]pdated)(?:\s+on)?"
_ACCESS_IN_TITLE_RE = lazy(rf"(?:[,;.]\s*{_ACCESS_WORDS}(?:\s*:|\s+(?:from\b|\d|{_MONTHS}\b)|\s*$)"
                           rf"|[\s(\[]+{_ACCESS_WORDS}(?:\s*:)?\s+(?:\d|{_MONTHS}\b))")
_RANGE_HINT_RE = lazy(r"\d\s?[-–—]\s?\d")
_RANGE_BEFORE_RE = lazy(r"\d\s?[-–—]\s?$")
_RANGE_AFTER_RE = lazy(r"\s?[-–—]\s?\d")
_YEAR_FIRST_RE = lazy(r"^\(?((?:1[6-9]|20)\d\d)[a-z]?\)?[.,]\s+(.*)$")
_FIRST_PHRASE_RE = lazy(r",|\.\s")
_COUNTRY_LEAD_RE = lazy(r"U\.\s?[SK]\.\s+(?=[A-Z])")
_CAPITALISED_PHRASE_RE = lazy(r"\s*[\"“]?[A-ZÀ-Þ][\w\-']*(?:\s+[\w\-':&]+){1,}")
# ... or a program's name as its maker prints it, in lower case first, closed by the colon before its subtitle:
# 'NVIDIA, cuDNN: Efficient Primitives for Deep Learning', 'Scikit-learn developers, scikit-learn: Machine ...'
# (no name holds a colon)
_NAMED_SUBTITLE_RE = lazy(r"\s*[\"“]?[a-z][\w+.\-]*[A-Za-z0-9](?:\s+[\w+\-]+){0,3}:\s+[\w\"“]")
# 'Strubell, Ganesh and McCallum (2019)': after the first name, more names and the year, no title
_MORE_NAMES_THEN_YEAR_RE = lazy(r"\s*[A-Z][\w\-']*(?:\s*,\s*[A-Z][\w\-']*)*,?\s+(?:and|&)\s+[A-Z][\w\-']*"
                                r"\s*[,.]?\s*\(?(?:19|20)\d\d")
# a comma before a web address or the end closes a title printed between commas
_ONE_WORD_THEN_URL_RE = lazy(r"\s*[A-Za-z][\w.+\-]{2,}\.\s+(?:https?://|www\.)")
_TITLE_CUT_AT_COMMA_RE = lazy(r",\s*(?=https?://|www\.|$)")
# (before any digit or bracket: the names at the head of the entry, not an editor of its book further on)
# (Springer closes the names with a colon: 'Doe, J., Roe, R. (eds.): The Handbook ...')
# (in French, German and Spanish too: '(éd.)', '(dir.)', '(Hrsg.)', '(coord.)'; Elsevier's comma after the mark:
# 'K. Lee (Ed.), Handbook of Things, Springer, 2020.')
_EDITORS_RE = lazy(r"^([^()\d\[\]]{2,150}?[\w.]),?\s+(?:\((?:eds?|editors?|éds?|dir|hrsg|coords?)\.?\)"
                   r"|(?:eds?\.|editors?\b))[.:,]?(?=\s)", re.I)
# one author's family name (and given names or initials), each closed by a comma, or family names alone joined by
# commas and 'and', then a title closed by a full stop, colon, comma or bracket: 'Bishop, Pattern Recognition and
# Machine Learning. Springer, 2006.', 'Bishop, Christopher M., Pattern Recognition ...', 'Goodfellow, Bengio and
# Courville, Deep Learning. MIT Press, 2016.'
_ONE_NAME_THEN_WORDS_RE = lazy(r"([A-Z][\w'’\-]+(?:,\s+(?:[A-Z][a-z]+(?:\s+[A-Z]\.)*|[A-Z]\.(?:\s*-?[A-Z]\.)*)"
                               r"|(?:,\s+[A-Z][\w'’\-]+)*,?\s+(?:and|&)\s+[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)?),\s+"
                               r"([A-Z][\w'’\-]*(?:\s+[\w'’\-]+){1,12})(?=[.:;,]|\s*\(|\s*$)")
# a word no given name is: a noun or adjective of a title by its ending ('Recognition', 'Optimization',
# 'Intelligence', 'Analysis', 'Complexity'; not 'Clement', 'Lawrence', 'Constance', 'Trinity', 'Nation'), nor a
# romanised Chinese name; a gerund ('Learning', 'Processing'; not 'Manning', 'Fleming') only before a publisher
# or a subtitle, as family names end so too ('Sterling', 'Browning')
_TITLE_NOUN_RE = lazy(r"[A-Z][a-z]{3,}(?:tions?|sions?|ness|ics|ogy|ysis|yses|isms?)|[A-Z][a-z]{4,}(?:ments?|ity|ities)"
                      r"|[A-Z][a-z]{5,}(?:ence|ance)")
_GERUND_RE = lazy(r"[A-Z][a-z]{4,}ing")
_PINYIN_SYLLABLE = (r"(?:(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao"
                    r"|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u))")
_PINYIN_RE = lazy(_PINYIN_SYLLABLE + "{1,3}")
# a given name of two or three syllables of pinyin ('Xiaoming', 'Yonghui', 'Liren'), which no family name is; not
# one that reads as one syllable too ('Bian', 'Xian', 'Liang': bi-an, xi-an, li-ang)
_PINYIN_GIVEN_RE = lazy(_PINYIN_SYLLABLE + "{2,3}")
_PINYIN_ONE_RE = lazy(_PINYIN_SYLLABLE)
# an 'o' pinyin never writes: after a consonant but b, p, m, f, w, y, unless 'ong' or 'ou' ('Solo', 'Romano')
_NO_PINYIN_O_RE = lazy(r"[^bpmfwyaeiouv]o(?!ng|u)")
# small words of a title's that no name holds ('Foundations of ...', 'Networks for ...')
_TITLE_SMALL_WORDS = frozenset("of for in on with to the a an its from via into towards".split())


def _title_after_one_name(body: str, split: _AuthorSplit | None) -> _AuthorSplit | None:
    """A one author's name closed by its comma and a title after it that the walk took for more names: 'Bishop,
    Pattern Recognition and Machine Learning. Springer, 2006.' (not 'Smith, John and Jane Doe. 2019.', 'Wang,
    Xiaoming and Li, Jianping.'): two words or more holding a small word or a word of a title by its ending, no
    initial, no name inverted after them."""
    m = _ONE_NAME_THEN_WORDS_RE.match(body)
    if m is None or split is not None and len(split.authors) < m.start(2):
        return None
    words = m.group(2).split()
    if any(_is_initial(w) for w in words) or words[0].lower() in _NAME_SMALL_WORDS:
        return None
    if not any(w in _TITLE_SMALL_WORDS or _TITLE_NOUN_RE.fullmatch(w) and not _PINYIN_RE.fullmatch(w.lower())
               for w in words):
        after = body[m.end():]
        if not (any(_GERUND_RE.fullmatch(w) and not _PINYIN_RE.fullmatch(w.lower()) for w in words)
                and (after[:1] == ":" or _BOOK_CLOSE_RE.match(after))):
            return None
    if body[m.end():m.end() + 1] == "," and _INVERTED_NEXT_RE.match(body, m.end()):
        return None             # 'Manning, Processing Things, J. ...': a name inverted after them, the list goes on
    return _AuthorSplit(m.group(1), body[m.start(2):], None, "comma")


_INVERTED_NEXT_RE = lazy(r",\s+(?:[A-Z]\.|[A-Z][a-z]+\s*(?:,(?!\s*(?:1[6-9]|20)\d\d)|and\b|&))")
# a book's close after its title: its publisher (a place before it or not) and the year, nothing else ('. Prentice
# Hall, 2009.', ', Springer, 2006.', ' (MIT Press, 2016).')
_BOOK_CLOSE_RE = lazy(r"(?:[.,]\s*|\s*\()(?:[A-Z][\w&\-]*:?\s+){0,3}[A-Z][\w&\-]*[,;]?\s+(?:1[6-9]|20)\d\d[a-z]?\)?\.?\s*$")


# the word in lower case a program's or a work's makers are named by ('Scikit-learn developers', 'The PyTorch team',
# 'Wikipedia contributors', 'The pandas development team')
_COLLECTIVES = frozenset("developers contributors team community maintainers authors".split())


_COLLECTIVE_WORDS = tuple(" " + word for word in sorted(_COLLECTIVES))
_COLLECTIVE_HEAD_RE = lazy(r"([A-Za-z][\w'’\-]*(?:\s+[\w'’\-]+){0,3}\s+(?:" + "|".join(sorted(_COLLECTIVES))
                          + r"))(?:(\.)\s|(,)\s+|\s*(?=\())")


def _collective_split(body: str) -> _AuthorSplit | None:
    """The names of an entry opening with a collective's (_collective_body), and the rest after them; not where a
    body's name follows its comma ('The Gemma team, Google DeepMind. Gemma: ...')."""
    m = _COLLECTIVE_HEAD_RE.match(body)
    if m is None or not _collective_body(m.group(1)):
        return None
    rest = body[m.end():]
    if m.group(3) and rest[:1] not in "\"“'‘" and is_organisation(_FIRST_PHRASE_RE.split(rest, maxsplit=1)[0]):
        return None
    return _AuthorSplit(m.group(1), rest, None, "comma" if m.group(3) else "period")


def _collective_body(first: str) -> bool:
    """Whether a sentence opening an entry is a collective's name: two to five words, the first capitalised, the
    last a collective's word in lower case, none a small word of a phrase but an opening 'The'."""
    words = first.split()
    return 2 <= len(words) <= 5 and words[-1] in _COLLECTIVES \
        and (words[0][:1].isupper() or words[0].islower() and not words[0].isalpha() and len(words) == 2) \
        and not any(w in _FUNCTION_WORDS for w in words[1:]) and all(w[:1].isalpha() for w in words)


# one name of a word or two (an organisation's, most often), its comma, then the rest
_TITLE_AFTER_ONE_NAME_RE = lazy(r"[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*)?,\s+([A-Z].{3,})$")
_DIGIT_WORD_RE = lazy(r"\b[A-Za-z][\w\-.]*\d|\b\d")
# a name of words, a comma, then capitalised words: 'International Energy Agency, Electricity Market Report'
_TITLE_AFTER_BODY_RE = lazy(r"([A-Z][^,]{2,120}),\s+([A-Z][^,]{3,})$")


def _initialism(name: str) -> str:
    """The capitals of a name's words, its small words left out: 'IEA' of 'International Energy Agency'."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _body_named_again(body: str, piece: str) -> bool:
    """Whether a field after a title, between commas, names the entry's body again, as its publisher: whole or
    with a word after it ('OECD Publishing'), by its acronym where the body is named whole ('World Health
    Organization ... WHO') or whole where it is named by its acronym ('IEA ... International Energy Agency'),
    or as another body of its first word ('Stanford HAI ... Stanford University')."""
    body, piece = without_acronym(body).strip(), piece.strip(" .;")
    if not body or not piece[:1].isupper() or len(piece) > 80:
        return False
    if piece == body or piece.startswith(body + " "):
        return True
    if body.isupper() and body.isalpha() and len(body) >= 2:
        return len(piece.split()) >= 2 and _initialism(piece) == body
    words = body.split()
    if piece.isupper() and piece.isalpha() and len(words) >= 2:
        return _initialism(body) == piece
    return len(words) >= 2 and piece.split()[0] == words[0] and len(piece.split()) >= 2 and is_organisation(piece)


def _title_before_body_again(title: str, body: str) -> str:
    """A title read up to the year of a list closing its fields with commas, cut before its body's name
    printed again as the publisher (_body_named_again): 'World Energy Outlook 2023, International Energy
    Agency, Paris' by 'IEA' is 'World Energy Outlook 2023'."""
    pieces = title.split(", ")
    for k in range(1, len(pieces)):
        if _body_named_again(body, pieces[k]):
            return ", ".join(pieces[:k])
    return title
# a legal instrument opening its entry by its designation: the EU's regulations, directives and decisions by their
# number ('Regulation (EU) 2024/1689', 'Directive 2012/27/EU', 'Commission Delegated Regulation (EU) 2023/2772'); a
# US executive order, bill or public law ('Executive Order 14110', 'H.R. 3684', 'S. 2714', 'Pub. L. No. 117-58'),
# a state's bill ('California Senate Bill 1047', 'SB 1047'), group 'us'
_LEGAL_HEAD_RE = lazy(
    r"^(?:(?:(?:Commission|Council)\s+(?:Delegated\s+|Implementing\s+)?)?(?:Regulation|Directive|Decision)\s+"
    r"(?:\((?:EU|EC|EEC|Euratom)\)\s+)?(?:No\.?\s+)?\d{1,4}/\d{1,4}(?:/(?:EU|EC|EEC|Euratom))?"
    r"|(?P<us>Executive\s+Order\s+(?:No\.?\s+)?\d{4,5}|(?:H\.\s?R\.|S\.|H\.\s?Res\.|S\.\s?Res\.)\s+\d{1,5}"
    r"|Pub(?:lic|\.)\s+L(?:aw|\.)\s+(?:No\.?\s+)?\d{2,3}[-–]\d{1,4}"
    r"|(?:[A-Z][a-z]+\s+)?(?:Senate|Assembly|House)\s+Bill\s+(?:No\.?\s+)?\d{1,5}|(?:SB|AB|HB)\s+\d{1,5}))(?![\w/])")
_LEGAL_FIRST = frozenset("CRDEHSPAB")     # the first letters of _LEGAL_HEAD_RE's designations, a state's bill aside
# where an EU instrument's title ends: a sentence's end (not 'No.'), or a comma before its Official Journal, a
# year, a web address or a series' letter and number ('OJ L 119', 'L 315')
_LEGAL_EU_END_RE = lazy(r"(?<!\bNo)\.\s+(?=[A-Z\[(\d])|,\s+(?=OJ\b|O\.J\.|Official\s+Journal|(?:19|20)\d\d\b|https?://"
                        r"|L\s+\d)|\.?\s*$")
# what follows a US instrument's designation before its name: the date it was signed, a Congress and its years
_LEGAL_DATE_RE = lazy(r"\s+of\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+(?:19|20)\d\d|\d{1,2}\s+[A-Z][a-z]+\s+(?:19|20)\d\d)")
_LEGAL_SEP_RE = lazy(r"\s*(?:[,.:;]|\s[—–]|\s--?)\s+")
_CONGRESS_RE = lazy(r"\d{1,3}(?:st|nd|rd|th)\s+Cong(?:ress|\.)?(?:,?\s*\(?(?:19|20)\d\d(?:[-–]\d{2,4})?\)?)?[.,]?\s*")
# where a US instrument's name ends: its Federal Register, Statutes or Code citation, its Congress, a public law's
# number, the year in brackets or after a comma, a sentence's end
_LEGAL_US_END_RE = lazy(r",\s+\d+\s+(?:Fed\.\s?Reg\.|FR\b|Stat\.|U\.\s?S\.\s?C\.)|,\s+(?:Pub(?:lic|\.)\s+L|H\.\s?R\.\s\d|S\.\s\d)"
                        r"|[,.]?\s+\d{1,3}(?:st|nd|rd|th)\s+Cong|\s*\((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+)?(?:19|20)\d\d\)"
                        r"|,\s+(?:19|20)\d\d\b|\.\s+(?=[A-Z\[(])|\.?\s*$")
# an Act named before its public law or its Statutes citation: 'Infrastructure Investment and Jobs Act, Pub. L. No.
# 117-58, 135 Stat. 429 (2021).'
_ACT_FIRST_RE = lazy(r"^([A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|and|of|for|the|on|to|in|&))*\s+Act(?:\s+of\s+(?:19|20)\d\d)?)"
                     r",\s+(?=Pub(?:lic|\.)\s+L(?:aw|\.)\s|\d+\s+(?:Stat\.|U\.\s?S\.\s?C\.)|H\.\s?R\.\s\d|S\.\s\d)")

# a court's case by its parties' names, then where it is reported: the US reporter's volume, name and page after a
# comma ('Brown v. Board of Education, 347 U.S. 483 (1954).', 'Authors Guild v. Google, Inc., 804 F.3d 202 (2d Cir.
# 2015).'), its docket number ('Thaler v. Perlmutter, No. 22-cv-1564 (D.D.C. 2023).'), or the year in brackets
# before a UK report's, the entry's year ('Donoghue v Stevenson [1932] AC 562.'); a case of one party's name ('In re
# Bilski, 545 F.3d 943 (Fed. Cir. 2008).', 'Ex parte ...', 'In the Matter of ...')
_CASE_FIRST_RE = lazy(r"^((?:[A-Z][^()\[\]]{0,120}?\s+vs?\.?|In\s+re|Ex\s+parte|In\s+the\s+[Mm]atter\s+of)\s+[A-Z][^()\[\]]{0,120}?)(?:,\s+\d{1,4}\s+[A-Z][\w.]*(?:\s[A-Z\d][\w.]*){0,3}"
                      r"\s+\d{1,5}(?=[\s,(.]|$)|,\s+No\.\s+[\w:\-]*\d[\w:\-]*\s*\("
                      r"|\s+[\[(](?P<caseyear>(?:1[6-9]|20)\d\d)[\])]\s+(?:\d{1,3}\s+)?[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}\s+\d{1,5}\b)")


def _legal_title(text: str, legal: re.Match) -> str | None:
    """The title of a legal instrument whose designation (`legal`, _LEGAL_HEAD_RE) opens `text`: an EU
    instrument's is its designation and the words after it to the end of its sentence ('Regulation (EU) 2024/1689 of
    the European Parliament and of the Council of 13 June 2024 laying down harmonised rules on artificial
    intelligence ...'); a US instrument's, the name printed after its designation ('Executive Order 14110, Safe,
    Secure, and Trustworthy Development and Use of Artificial Intelligence, 88 Fed. Reg. 75191': 'Safe, Secure, ...
    Intelligence'; 'H.R. 3684 — Infrastructure Investment and Jobs Act.'), else its designation alone."""
    if not legal.group("us"):
        end = _LEGAL_EU_END_RE.search(text, legal.end())
        return text[:end.start()].rstrip(" ,;:") if end else None
    at = legal.end()
    if date := _LEGAL_DATE_RE.match(text, at):
        at = date.end()
    if text[at:at + 4] == " on " or text[at:at + 5] == " for ":
        end = _LEGAL_US_END_RE.search(text, at)         # 'Executive Order 14110 on the Safe, ...'
        return text[:end.start()].rstrip(" ,;:") if end else None
    sep = _LEGAL_SEP_RE.match(text, at)
    if sep:
        at = sep.end()
        if congress := _CONGRESS_RE.match(text, at):
            at = congress.end()
        if text[at:at + 1].isupper() and not _LEGAL_HEAD_RE.match(text, at):
            end = _LEGAL_US_END_RE.search(text, at)
            name = text[at:end.start()].rstrip(" ,;:") if end else ""
            if len(name.split()) >= 2:
                return name
    return legal.group(0)


# (a body's number adopted by others after it, their initials after a space, keyed by the first, whose edition it is:
# 'DIN EN 50600-1:2019', 'BS EN ISO 14001:2015', 'BS ISO/IEC 27001'; its kind: 'IEEE Std', 'NIST SP', 'NIST Special
# Publication', 'ISO/IEC TR'; its number of groups, its version, 'ETSI EN 303 645 V2.1.1'; a body's number after a
# hyphen, 'ANSI/TIA-942-B')
_STANDARD_HEAD_RE = lazy(r"^((?:ISO|IEC|IEEE|ANSI|ASTM|BSI?|DIN|EN|ETSI|NIST|ITU-[TR]|RFC)(?:/[A-Z]{2,8})*)"
                         r"(?:\s+(?:EN|ISO|IEC|TS|TR|PAS)(?:/[A-Z]{2,8})*)*"
                         r"(?:\s+(?:Std|SP|Standard|Special\s+Publication|IR|FIPS(?:\s+PUB)?))?"
                         r"(?:\.?\s+|-(?=\d))(?:[A-Z]\.?)?\d[\w.:\-/]*(?:\s\d{3}\b[\w.:\-/]*)*(?:\s+V\d[\d.]*\d)?"
                         r"(?:\s+Rev\.?\s*\d+)?(?:\s*\((?:19|20)\d\d\))?"
                         # (what it revises or amends, in brackets: '(Revision of IEEE Std 802.3-2015)')
                         r"(?P<revises>\s*\((?:Revision|Amendment|Amendments|Incorporating|Corrigendum|Supersedes)\b[^()]{0,80}\))?"
                         r"[.,:]\s+")
# a standard's title of one word after its number, a sentence of its own: a protocol's or a format's name,
# its version after a slash or a dot ('HTTP/2', 'QUIC', 'WebSocket', 'JSON'); no body that publishes one
_STANDARD_ONE_WORD_RE = lazy(r"([A-Z][A-Za-z]*[A-Za-z0-9]*(?:[/.][0-9][0-9.]*)?)\.(?:\s+|$)")
_STANDARD_BODIES = frozenset("ISO IEC IEEE ANSI ASTM BSI BS DIN EN NIST ITU IETF IAB IRTF W3C ETSI CEN "
                             "CENELEC ECMA OASIS".split())

# what a standard's number may be followed by where no title is printed: its publisher, its place before a colon or
# after a comma, its year ('ISO, 2015.', 'Geneva: ISO, 2015.', 'IEC, Geneva, Switzerland, 2010.', 'ISO (2018).')
_PUBLISHER_ONLY_RE = lazy(r"(?:[A-Z][a-z]+(?:,\s+[A-Z][A-Za-z]+)?:\s+)?"
                          r"(?P<pub>[A-Z][\w&\-]*(?:\s+(?:[A-Z][\w&\-]*|of|for|and|on|the)){0,6})"
                          r"(?:,\s+[A-Z][a-z]+(?:,?\s+[A-Z][A-Za-z]+)?)?(?:[,.]?\s*\(?(?:19|20)\d\d[a-z]?\)?)?[.,]?\s*"
                          # (and its web address: '... ISO, 2015. https://www.iso.org/standard/62085.html')
                          r"(?:(?:URL|Available\s+(?:at|from)|Retrieved\s+from)?:?\s*(?:https?://|www\.)\S+\s*)?")
# a publisher's name, not a title's words: 'International Organization for Standardization', 'Beuth Verlag'
_PUBLISHER_WORD_RE = lazy(r"\b(?:Organi[sz]ation|Institute|Commission|Association|Committee|Council|Agency|Bureau"
                          r"|Verlag|Press|Publishing)\b")
_STANDARD_NUMBER_END_RE = lazy(r"(?:\s*\((?:19|20)\d\d\))?[\s.,:]*$")


def _publisher_only(rest: str, bodies: str) -> bool:
    """Whether what follows a standard's number names only its publisher, where and when (and its web address): a
    body that publishes standards ('ISO', the number's own body) or a publisher's name ('International Organization for
    Standardization'), a place, a year."""
    m = _PUBLISHER_ONLY_RE.fullmatch(rest)
    if not m:
        return False
    pub = m.group("pub")
    return pub in _STANDARD_BODIES or pub in bodies.split("/") or _PUBLISHER_WORD_RE.search(pub) is not None


def _standard_one_word_title(body: str, at: int) -> str | None:
    """The one word after a standard's number, a sentence of its own, as its title ('RFC 7540. HTTP/2. IETF,
    2015.': 'HTTP/2'; 'RFC 9000. QUIC. 2021.'), two capitals in it at least: no body's name ('RFC 7540. IETF.
    2015.'), no year, no word a sentence opens with ('The')."""
    m = _STANDARD_ONE_WORD_RE.match(body, at)
    if not m or len(m.group(1)) < 3 or m.group(1).rstrip("0123456789/.").upper() in _STANDARD_BODIES \
            or sum(map(str.isupper, m.group(1))) < 2:      # (a name's capitals: 'HTTP', 'WebSocket'; not 'The')
        return None
    return m.group(1)


_STANDARD_YEAR_RE = lazy(r"[:\-(]((?:19|20)\d\d)\)?[.,:]?\s*$")
_DASHES = frozenset("—–-_‒―")
_SAME_AUTHORS_RE = lazy(r"^(?:[—―]{1,3}|[–‒]{2,3}|-{2,3}|_{2,})\s*[.,:]\s+")
def _two_years(body: str, year: int) -> bool:
    """`body` prints `year` and the next, set apart by a slash, as a season or an academic year is dated
    ('2019/2020', '2019/20'), not a page's numbers ('pp. 2019/2020')."""
    after = f"(?:{year + 1}|{(year + 1) % 100:02d})"
    for m in re.finditer(rf"(?<![\w./:\-]){year}[a-z]?\s?/\s?{after}[a-z]?(?![\w/–-])", body):
        if not re.search(r"\b(?:pp?|pages?|S)\.?\s*$", body[max(0, m.start() - 8): m.start()]):
            return True
    return False


_DATE_PIECES_RE = lazy(r"((?:19|20)\d\d)")
_PRINTED_DATE = rf"(?:[0-3]?\d(?:st|nd|rd|th)?\s+)?{_MONTHS}\.?\s+(?:\d{{1,2}},?\s+)?"


def _printed_dates(title: str, dated: list[str], printed: str) -> str:
    """`title`, read where the dates were cut to their years, with each such date as `printed` gives it
    ('Lockdown diaries, 2021' of '... Lockdown diaries, March 2021. Blog.'); `title` where it is not found."""
    pattern = "".join(f"(?:{_PRINTED_DATE})?{piece}" if piece in dated else re.escape(piece)
                      for piece in _DATE_PIECES_RE.split(title) if piece)
    found = re.search(pattern, printed)
    return found.group(0) if found else title


_TRAILING_DATE_RE = lazy(rf",\s*(?:{_MONTHS}\.?\s+)?(?:\d{{1,2}},?\s+)?(?:19|20)\d\d\.?\s*$")


_LEGAL_KEYS = ("inc", "incorporated", "llc", "ltd", "limited", "llp", "plc", "gmbh", "corporation", "company", "corp", "co",
               "ag", "se", "sa", "spa", "nv", "bv", "pty")
_LEGAL_WORD_RE = lazy(rf",?\s+(?:{LEGAL_FORMS})\b\.?")
# the lower-case legal forms a firm's name may close with ('Marks & Spencer Group plc'), the author walk's name words
_LOWER_LEGAL_FORMS = frozenset(("plc", "p.l.c"))
# the legal forms a firm's name may close with two of: 'Co., Ltd.', 'Pty Ltd', 'Co. KG'
_STACKED_LEGAL_FORMS = frozenset(("Co", "Ltd", "Pty", "Inc", "KG", "Limited"))


def _firm_before_legal_form(named: str) -> bool:
    """Whether `named`, the words before a legal form closing an entry's authors, is one firm's name: one to six
    capitalised words, no initial among them, no comma or semicolon between (no list of people)."""
    words = named.split()
    return 1 <= len(words) <= 6 and "," not in named and ";" not in named \
        and all(w[:1].isupper() and not _is_initial(w) for w in words)


# A place of publication after a title with no quotes, its comma read as the title's: a city ('IEA (International
# Energy Agency), Title, Paris, 2022.'), a city and its country or US state ('Nairobi, Kenya', 'Cambridge, MA'), either
# before its publisher ('Paris: OECD Publishing'). A city alone is one of the cities reports and books are published
# in; a place of any name is one only where its country or state follows it.
_PLACE_CITIES = frozenset("""paris, london, geneva, genève, genf, vienna, wien, rome, roma, brussels, bruxelles,
luxembourg, berlin, bonn, munich, münchen, frankfurt, hamburg, heidelberg, stuttgart, cologne, köln, amsterdam, rotterdam,
leiden, utrecht, the hague, copenhagen, stockholm, oslo, helsinki, dublin, edinburgh, oxford, cambridge, lisbon, madrid,
barcelona, milan, milano, zurich, zürich, basel, bern, lausanne, prague, warsaw, budapest, athens, moscow, istanbul,
ankara, tokyo, kyoto, osaka, nagoya, beijing, shanghai, hong kong, singapore, seoul, taipei, delhi, new delhi, mumbai,
bangalore, bengaluru, manila, jakarta, bangkok, hanoi, kuala lumpur, sydney, melbourne, canberra, wellington, auckland,
nairobi, addis ababa, cairo, johannesburg, pretoria, cape town, lagos, abuja, accra, dakar, tunis, rabat, ottawa, toronto,
montreal, montréal, vancouver, new york, washington, boston, chicago, san francisco, los angeles, seattle, berkeley,
stanford, princeton, pittsburgh, philadelphia, baltimore, atlanta, houston, austin, denver, palo alto, mountain view,
redmond, menlo park, santa monica, arlington, golden, oak ridge, mexico city, são paulo, rio de janeiro, buenos aires,
santiago, bogotá, bogota, lima, brasília, brasilia, abu dhabi, dubai, riyadh, doha, tehran, tel aviv, jerusalem,
laxenburg, ispra""".replace("\n", " ").split(", "))
_PLACE_COUNTRIES = frozenset("""france, germany, deutschland, switzerland, austria, italy, spain, portugal, belgium,
netherlands, the netherlands, luxembourg, ireland, denmark, sweden, norway, finland, iceland, poland, czechia,
czech republic, hungary, greece, russia, turkey, ukraine, romania, bulgaria, croatia, serbia, slovenia, slovakia,
estonia, latvia, lithuania, uk, u.k., united kingdom, england, scotland, wales, usa, u.s.a., us, u.s., united states,
canada, mexico, brazil, argentina, chile, colombia, peru, uruguay, china, p.r. china, japan, korea, south korea,
republic of korea, india, pakistan, bangladesh, sri lanka, nepal, indonesia, malaysia, singapore, thailand, vietnam,
viet nam, philippines, taiwan, hong kong, australia, new zealand, kenya, ethiopia, nigeria, ghana, senegal, egypt,
morocco, tunisia, south africa, uganda, tanzania, rwanda, israel, iran, saudi arabia, qatar, uae,
united arab emirates""".replace("\n", " ").split(", "))
_PLACE_STATES = frozenset("""al ak az ar ca co ct de dc d.c. fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh
nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy on qc bc""".split()) | frozenset("""alabama, alaska,
arizona, arkansas, california, colorado, connecticut, delaware, florida, georgia, hawaii, idaho, illinois, indiana,
iowa, kansas, kentucky, louisiana, maine, maryland, massachusetts, michigan, minnesota, mississippi, missouri, montana,
nebraska, nevada, new hampshire, new jersey, new mexico, new york, north carolina, north dakota, ohio, oklahoma,
oregon, pennsylvania, rhode island, south carolina, south dakota, tennessee, texas, utah, vermont, virginia,
washington, west virginia, wisconsin, wyoming, ontario, quebec, british columbia""".replace("\n", " ").split(", "))
_PLACE_WORDS_RE = lazy(r"[A-ZÀ-Þ][\w.'’\-]*(?:\s+(?:de|del|da|do|am|upon|on|sur|an|der|la|le|[A-ZÀ-Þ][\w.'’\-]*)){0,3}")


def _place_of(piece: str) -> bool:
    """Whether a comma's piece (its publisher after a colon left out) names a country or a US or Canadian state."""
    low = piece.lower()
    return low in _PLACE_COUNTRIES or low in _PLACE_STATES and (len(low) > 4 or piece.upper() == piece)


def names_a_place(piece: str) -> bool:
    """Whether a comma's piece of an address names a place: a country, a US or Canadian state (its code in capitals),
    a city of _PLACE_CITIES, or words closed by a state's code ('USA', 'New York', 'Seattle WA 98103', 'CA 94305');
    not a person's name ('Georgia Smith', 'Austin Lee')."""
    words = re.sub(r"\d[\d\-]*", " ", piece).replace(".", ". ").split()
    if not words:
        return False
    whole = " ".join(words).replace(". ", ".").strip()
    last = words[-1].replace(".", "")
    return _place_of(whole) or whole.lower() in _PLACE_CITIES \
        or (len(last) == 2 and last.isupper() and _place_of(last))


def _a_place(text: str) -> bool:
    """Whether `text` is all a place of publication (_without_place's): 'Paris', 'Santa Clara, CA', 'Geneva: WHO'."""
    parts = text.split(":", 1)[0].strip().split(", ")
    if len(parts) == 1:
        return " ".join(parts[0].lower().split()) in _PLACE_CITIES
    return len(parts) == 2 and _PLACE_WORDS_RE.fullmatch(parts[0]) is not None and _place_of(parts[1])


def _without_place(title: str) -> str:
    """`title` without a place of publication after its last comma or two (_PLACE_CITIES), the title itself
    where none is."""
    head, _, last = title.rpartition(", ")
    place = last.split(":", 1)[0].strip()
    if not head or not place or not place[0].isupper() or len(place) > 40:
        return title
    if _place_of(place):
        before, sep, city = head.rpartition(", ")
        if sep and " " in before and _PLACE_WORDS_RE.fullmatch(city):
            return before
        return title
    if " ".join(place.lower().split()) in _PLACE_CITIES and " " in head:
        return head
    return title


# a publisher's or a periodical's name as Harvard prints it after a title with no quotes and a comma, before the place
# or the day of the month ('Global IT Outlook, Ernst & Young, London.', 'Why AI needs ethics, Fast Company, 3 March.')
_PUBLISHER_PIECE_RE = lazy(r"[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|&|and|of|the|for)){0,4}")
_IMPRINT_WORD_RE = lazy(r"\b(?:Press|Publishing|Publishers|Publications|Books|Media|Group|Inc|Ltd|Company|Co|Verlag"
                        r"|Editions|House)\b")
_DAY_MONTH_TAIL_RE = lazy(rf",\s+(?:[0-3]?\d(?:st|nd|rd|th)?\s+{_MONTHS}|{_MONTHS}\.?\s+[0-3]?\d(?:st|nd|rd|th)?)\.?$")


def _without_publisher(title: str) -> str:
    """`title` without the place of publication after it (_without_place) and, before that place or a day of the month
    closing it, the publisher's or periodical's name after its comma: 'Global IT Outlook, Ernst & Young, London',
    'Learning, Memory and Cognition, Wiley, London', 'Why AI needs ethics, Financial Times, 3 March' (not a title's own
    last words: 'Learning, Memory and Cognition, London' is 'Learning, Memory and Cognition'). A date with no such name
    before it stays."""
    placed = _without_place(title)
    dated = placed == title and (day := _DAY_MONTH_TAIL_RE.search(title)) is not None
    if placed == title and not dated:
        return title
    head, sep, piece = (title[: day.start()] if dated else placed).rpartition(", ")
    if sep and len(head.split()) >= 2 and _PUBLISHER_PIECE_RE.fullmatch(piece) and (
            dated or "&" in piece or " " not in piece or is_organisation(piece) or _IMPRINT_WORD_RE.search(piece)):
        return head
    return placed


# an RFC's authors after its title: a family name after initials, or before them and a comma ('S. Bradner.', 'R.
# Fielding and J. Reschke.', 'Bradner, S.', 'R. Fielding, Ed.'); or a given name and a family name before its
# publisher ('Scott Bradner. IETF, 1997.')
_RFC_AUTHOR_RE = lazy(r"[.:]?\s+(?:(?:[A-Z]\.\s?-?){1,3}\s*([A-ZÀ-Þ][a-zß-ÿ'’\-]+(?:\s[A-ZÀ-Þ][a-zß-ÿ'’\-]+)?)"
                      r"(?=[.,;]|\s+(?:and|&)\s)"
                      r"|([A-ZÀ-Þ][a-zß-ÿ'’\-]+),\s+(?:[A-Z]\.\s?-?){0,2}[A-Z]\.(?=[\s,;]|$)"
                      r"|[A-ZÀ-Þ][a-zß-ÿ]+\s+([A-ZÀ-Þ][a-zß-ÿ'’\-]+)(?=\.\s+(?:IETF|Internet\s+Engineering|RFC\s+Editor|IAB|IRTF)\b))")


def _rfc_author(body: str, at: int) -> str | None:
    """The first author of an RFC, printed after its title (read to `at`): 'RFC 2119: Key words ... Levels. S.
    Bradner. IETF, 1997.' bradner; none where the words after it are no person's ('IETF, 1997.', 'Internet
    Engineering Task Force.')."""
    m = _RFC_AUTHOR_RE.match(body, at)
    if not m:
        return None
    family = m.group(1) or m.group(2) or m.group(3)
    if m.group(1) and " " in family:
        return None             # ('S. Bradner Harvard University': no name of two words after initials)
    return name_key(family) or None


# what follows an RFC's number at a line's start where it closes the entry before rather than opening one: its
# publisher, its status, its series, a date, a web address ('... Levels. RFC 2119. IETF.', 'RFC 7540. RFC Editor.')
_RFC_NOT_TITLE_RE = lazy(r"(?:IETF|IAB|IRTF|ISOC|RFC\b|Internet\s+(?:Engineering|Society|Architecture|Research|Standard)"
                         r"|Request\s+for\s+Comments|Informational|Proposed\s+Standard|Best\s+Current|Experimental"
                         r"|Historic|Obsolete|Updated|Standards?\s+Track|DOI|doi|URL|Available|Retrieved|https?:|www\."
                         r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d\d|[A-Z]\.\s)")


def _rfc_opens(line: str, head: re.Match) -> bool:
    """Whether a line opening with an RFC's number opens an entry: its number closed by a stop or a colon, then its
    title ('RFC 7540. HTTP/2. IETF, 2015.', 'RFC 8259: The JavaScript Object Notation ...'), not what closes an entry
    whose title it numbers ('RFC 2119. IETF.', 'RFC 7540. RFC Editor. https://doi.org/...')."""
    at = head.end()
    if head.group(0).rstrip()[-1] not in ".:" or not line[at:at + 1].isupper() or _RFC_NOT_TITLE_RE.match(line, at):
        return False
    return _standard_one_word_title(line, at) is not None or len(line[at:].split(None, 2)) >= 2 \
        and not _STANDARD_ONE_WORD_RE.match(line, at)


# a line of page furniture a page break left inside an entry given as its lines: a page number, no year ('4980'), or a
# preprint's status header ('Preprint under review', 'Under review as a conference paper at ICLR 2024', 'Published as
# a conference paper at ICLR 2021')
_FURNITURE_NUMBER_RE = lazy(r"\s*(?!(?:19|20)\d\d\s*$)\d{1,4}\s*")
_FURNITURE_HEADER_RE = lazy(r"\s*(?:(?:Preprint[.,]?\s+)?Under\s+review(?:\s+as\s+an?\s+(?:conference|workshop|journal)\s+"
                            r"paper\s+at\s+[A-Z][\w \-]{1,40})?|Preprint[.,]?\s+Under\s+review|Published\s+as\s+an?\s+"
                            r"(?:conference|workshop|journal)\s+paper\s+at\s+[A-Z][\w \-]{1,40})\.?\s*", re.I)
# a page's running head a page break printed inside an entry: the page number, never a year, beside the authors'
# short name ('24 A. S. Luccioni et al.', 'Luccioni et al. 25'), or ACM's conference line with no stop in it, the short
# name after it or none ('FAccT ’24, June 3–6, 2024, Rio de Janeiro, Brazil Luccioni et al.')
_ET_AL_HEAD = r"(?:[A-Z]\.(?:\s?-?[A-Z]\.)*\s+)*[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?\s+et\s+al\.?"
_PAGE_NUMBER = r"(?!(?:19|20)\d\d\b)\d{1,4}"
_RUNNING_HEAD_RE = lazy(rf"\s*(?:{_PAGE_NUMBER}\s+{_ET_AL_HEAD}|{_ET_AL_HEAD}\s+{_PAGE_NUMBER}|[A-Z][A-Za-z\-]{{1,15}}\s?['’]\d\d,\s+"
                        r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s?[–-]\s?(?:[A-Z][a-z]{2,8}\.?\s+)?\d{1,2},\s+(?:19|20)\d\d,\s+[^.]{2,120}?"
                        rf"(?:\s+{_ET_AL_HEAD})?)\s*")
# what a line a number of the entry's own ends with ('pages 1435–', 'Vol.', '24(4):'), or the next starts with ('nd Annual')
_NUMBER_BEFORE_RE = lazy(r"(?:[-‐–—:(/.&]|\b(?:pages?|pp|vol|volume|no|number|issue|chapter|part|of|and|edition))\s*$", re.I)
_NUMBER_AFTER_RE = lazy(r"\s*[^\W\d_]")
_ORDINAL_TAIL_RE = lazy(r"\s*(?:st|nd|rd|th)\b")


def _without_furniture(lines: list[str]) -> list[str]:
    """An entry's lines without a line of page furniture between two of its lines, where a page break printed it
    inside the entry ('the relationship between' '4980' 'two documents', 'Tatsunori Hashimoto,' '10' 'Peter
    Henderson'), or a page's running head ('24 A. S. Luccioni et al.', 'FAccT ’24, June 3–6, 2024, Rio de Janeiro,
    Brazil Luccioni et al.'). A number is furniture only between a line it does not go on from and a line starting with a word:
    a year is never, nor a number after 'pages', 'Vol.', a dash or a colon, nor one before an ordinal's 'nd'."""
    if len(lines) < 3:
        return lines
    keep = [lines[0]]
    for at in range(1, len(lines) - 1):
        ln, after = lines[at], lines[at + 1]
        if _FURNITURE_HEADER_RE.fullmatch(ln) or _RUNNING_HEAD_RE.fullmatch(ln):
            continue
        if _FURNITURE_NUMBER_RE.fullmatch(ln) and keep[-1].strip() and not _NUMBER_BEFORE_RE.search(keep[-1]) \
                and _NUMBER_AFTER_RE.match(after) and not _ORDINAL_TAIL_RE.match(after):
            continue
        keep.append(ln)
    keep.append(lines[-1])
    return keep


def parse_entry(text: str, *, idx: int = 1, label: str | None = None, page: int | None = None,
                lines: list[str] | None = None, document: str | None = None) -> RefEntry:
    """Fields of one reference entry (label already removed). `document`, the
    text of the paper the entry is from in lower case, says how the title's
    words broken at line ends are written whole."""
    # PDFium's soft hyphen (U+00AD) marks a word the typesetter broke at a line end
    # ("adapta\u00adtion"): invisible on the page, a stray '-' on a terminal.
    if _OT1_ACCENT_RE.search(text):
        # TeX's OT1 accents as control characters ('V\x13elez' is 'Vélez'): spacing accents,
        # which fix_pdf_accents puts on their letter
        text = text.translate(_OT1_ACCENTS)
        lines = [ln.translate(_OT1_ACCENTS) for ln in lines] if lines is not None else None
    raw = " ".join(_SOFT_HYPHEN_RE.sub("", text).split()) if "\u00ad" in text else " ".join(text.split())
    breaks: list = []
    if lines is None:
        lines = text.splitlines()
    if len(lines) >= 3:
        lines = _without_furniture(lines)
    joined = _unbreak_words(clean_text(_join_lines(lines, breaks)),
                            breaks)
    # " ." pypdf leaves before full stops, and "D. ," before commas
    if _SPACE_PUNCT_RE.search(joined):
        joined = _SPACE_BEFORE_PUNCT_RE.sub(r"\1", joined)
    if "&amp;" in joined or "\\&" in joined:
        # an '&' as HTML or LaTeX escapes it, in an entry pasted from either, is an '&' ('Marks &amp; Spencer (2021).',
        # 'Marks \\& Spencer (2021).': were no author)
        joined = joined.replace("&amp;", "&").replace("\\&", "&")
    if label is None and joined[:1] in "[0123456789":
        # an entry given with its label: '[3] A. Smith, ...', '12. Smith, J. ...'
        m = _NUM_LABEL_RE.match(joined) or _KEY_LABEL_RE.match(joined) or _DOT_LABEL_ENTRY_RE.match(joined)
        if m and m.end() < len(joined):
            label = f"[{m.group(1)}]" if joined[0] == "[" else f"{m.group(1)}."
            joined = joined[m.end():]
    entry = RefEntry(idx=idx, label=label, raw=raw, page=page)
    arxiv = find_arxiv_in_text(joined)
    entry.doi = find_doi_in_text(joined) or find_acl_doi_in_text(joined)
    entry.url = find_url(joined)
    if arxiv is None and entry.url and "arxiv.org/" in entry.url:
        # (its address broken at a line's end, put together again: 'https://arxiv.org/ abs/1908.10084')
        arxiv = find_arxiv_in_text(entry.url)
    entry.arxiv_id = arxiv.id if arxiv else None
    body = _prep_names(joined)
    head = body[:160]
    if "ditor" in head or " ed" in head or "(ed" in head or " Ed" in head or "(Ed" in head or "(éd" in head \
            or "(dir" in head or "(Hrsg" in head or "(coord" in head:
        # the names are a book's editors: 'Jones K, editor.', 'Jones, K. (ed.) (2019)', 'Jones, K. and Li, H., eds.'
        editors = _EDITORS_RE.match(body)
        if editors:
            # (the comma after Elsevier's mark kept: the title after it is closed by a comma, as the names' are)
            body = editors.group(1) + ("," if editors.group(0)[-1] == "," else ".") + body[editors.end():]
    # dates written out before or after the year: "July 22, 2020." "2019, November."
    dated: list[str] = []       # the years a date printed its month or day with
    printed = body              # (the body as printed, its dates whole)
    if _DATE_BEFORE_YEAR_HINT_RE.search(body):
        body = _DATE_BEFORE_YEAR_RE.sub(lambda m: dated.append(m.group(1)) or m.group(1), body)
    # the authors of the entry before, as a dash: '———. 2020. Title.' (Chicago), '——, "Title," in ...' (IEEE)
    same = _SAME_AUTHORS_RE.match(body) if body[:1] in _DASHES else None
    if same:
        body = body[same.end():]
    # a standard by its number, its body the author, never a person's initial and name ('ITU-T L.1801 (2021).')
    standard = None if same or body[:1] not in "AIBDENR" else _STANDARD_HEAD_RE.match(body)
    # a legal instrument by its designation, or an Act named before its public law: no author's name
    # (the cheap questions first: a designation's first letter, a state's bill, an Act's word)
    legal = None if same or standard or not body[:1].isupper() else (
        _LEGAL_HEAD_RE.match(body) if body[:1] in _LEGAL_FIRST or " Bill " in body[:40] else None) \
        or (_ACT_FIRST_RE.match(body) if " Act" in body[:_HEAD] else None) \
        or (_CASE_FIRST_RE.match(body) if " v. " in body[:_HEAD] or " v " in body[:_HEAD] or " vs. " in body[:_HEAD]
            or body[:6] in ("In re ", "Ex par", "In the") else None)
    if legal:
        standard = legal
    split = None if same or standard else _split_authors(body) or _split_one_author(body) or _split_before_quoted_title(body) \
        or _split_body_colon(body) or _split_full_names(body) or _split_at_year(body)
    if not same and not standard and body[:1].isupper() and "," in body[:40]:
        split = _title_after_one_name(body, split) or split
    if not same and not standard and body[:1].isalpha() and any(word in body[:80] for word in _COLLECTIVE_WORDS) \
            and (makers := _collective_split(body)) \
            and (split is None or split.authors.strip() != makers.authors):
        # a program's makers, named in lower case as no person is, then the title: 'Scikit-learn developers.
        # Scikit-learn user guide. 2023.', 'The PyTorch team (2021). PyTorch documentation.', '[4] Scikit-learn
        # developers, "Scikit-learn user guide," 2023.'
        split = makers
    title = None
    if same:
        m = _YEAR_FIRST_RE.match(body)
        if m:
            entry.year = int(m.group(1))
        title = _extract_title(m.group(2) if m else body)
    elif split is not None and split.kind == "year" and _title_in_names_place(split.authors, split.rest):
        # a work with no author, its title first and its year after it as natbib's author-year styles print it
        # ('Why AI needs ethics. 2019. Fast Company.'): no one's name, and what follows the year its publisher
        entry.year = split.year
        title = split.authors.strip(" .")
    elif split is not None:
        entry.first_author = name_key(_first_author(split.authors, split.rest,
                                                    family_first="[" in split.rest and bool(_GBT_TYPE_RE.search(split.rest)))) or None
        if split.authors[:1].islower() and split.authors.rsplit(None, 1)[-1] in _COLLECTIVES:
            # (a program's makers named by its name in lower case, keyed whole as when it is capitalised:
            # 'scikit-learn developers' scikitlearndevelopers, as 'Scikit-learn developers')
            entry.first_author = name_key(split.authors) or entry.first_author
        entry.year = split.year
        title = _extract_title(split.rest)
        if title is None and (rest := split.rest.lstrip(" .,:"))[:1].isupper() and (legal := _LEGAL_HEAD_RE.match(rest)):
            # a legal instrument after its issuer: 'European Parliament and Council (2024). Regulation (EU) 2024/1689 ...'
            title = _legal_title(rest, legal)
        if title and split.kind == "year" and title[:1].isupper() and _a_place(title):
            # the place of publication after the year is no title: the title is before the year ('Intel. Title,
            # 2021. Santa Clara, CA: Intel Corporation.')
            title = None
        if title and split.kind == "comma" and ", " in title:
            # IEEE's title with no quotes ends at the comma before its venue or publisher and the year: 'Deep
            # Learning, MIT Press, 2016', 'Deep learning, Nature, vol. 521, pp. 436-444, 2015'
            # ... or at the comma before the year ('Deep Learning, 2016. MIT Press.')
            before = min(_VENUE_AFTER_COMMA_RE.split(split.rest.strip(), maxsplit=1)[0],
                         _COMMA_YEAR_RE.split(split.rest.strip(), maxsplit=1)[0], key=len)
            if len(before) < len(title) and title.startswith(before):
                title = before
        if title and ", " in title and split.authors and "," not in split.authors:
            # the organisation again as the publisher after the title: 'IEA (2023), Electricity 2024, IEA,
            # Paris', 'OECD (2019), Measuring the Digital Transformation, OECD Publishing, Paris'
            again = title.find(f", {split.authors}")
            if again > 0 and not title[again + 2 + len(split.authors):][:1].isalnum():
                title = title[:again]
            else:       # ... by its acronym, or whole: 'IEA, World Energy Outlook 2023, International Energy Agency'
                title = _title_before_body_again(title, split.authors)
        if title is None and split.kind == "year":
            # read up to its year, the list took the title with the author: IEEE's 'Google, "Environmental
            # report 2020," Google LLC, Tech. Rep., 2020.' (the quoted title), or 'NVIDIA. NVIDIA A100
            # Tensor Core GPU Architecture. Whitepaper, 2020.' (the second sentence)
            quoted = _COMMA_QUOTE_RE.search(split.authors)
            if quoted:
                title = _extract_title(split.authors[quoted.end():])
            elif _NAME_SENTENCE_END_RE.search(split.authors):
                title = _extract_title(_NAME_SENTENCE_END_RE.split(split.authors, maxsplit=1)[1])
            elif (named := _TITLE_AFTER_ONE_NAME_RE.match(split.authors)) and _DIGIT_WORD_RE.search(named.group(1)):
                # ... or the words after the one name's comma, which hold a word with a digit, as no name does:
                # 'OpenAI, GPT-4 Technical Report, 2023.', 'Google, Environmental Report 2020, 2021.'
                title = _extract_title(named.group(1))
            elif (named := _TITLE_AFTER_BODY_RE.match(split.authors) or _TITLE_AFTER_BODY_RE.match(
                    _without_place(split.authors))) and is_organisation(named.group(1)) \
                    and (not is_organisation(named.group(2)) or _report(named.group(2))):
                # ... or after an organisation's name, as IEEE prints a body's report: 'International Energy
                # Agency, Electricity Market Report, 2023.', 'U.S. Energy Information Administration, Electric
                # Power Monthly, 2023.' (not two bodies: 'Google Research, Brain Team'; a report's title may
                # hold a body's word: 'AI Index Report'; a place after it: 'European Commission, Energy in Europe,
                # Luxembourg, 2021.')
                title = _extract_title(named.group(2))
            elif (pieces := split.authors.split(", ")) and len(pieces) >= 3 and (
                    is_organisation(pieces[0]) or acronym_after_name(pieces[0].split())) \
                    and (title := _title_before_body_again(", ".join(pieces[1:]), pieces[0])) != ", ".join(pieces[1:]):
                # ... or between a body's name and its name again as the publisher: 'Stanford HAI, AI Index
                # Report, Stanford University, 2023.', 'World Health Organization, Global status report on road
                # safety, WHO, Geneva, 2018.'
                entry.first_author = name_key(_first_author(pieces[0], title)) or None
                title = _extract_title(title)
            elif (named := _title_after_full_names(split.authors)) is not None:
                # ... or after names given in full, each closed by its comma, and before the publisher, as a
                # book's title with no quotes is printed: 'Jean Dupont, Deep Neural Networks, Dunod, 2019.',
                # 'John Smith, Learning to Rank, MIT Press, 2010.'
                entry.first_author = name_key(_first_author(named[0], named[1])) or None
                title = _extract_title(named[1])
            else:
                title = None
    elif body[:1] in "\"“«":
        title = _extract_title(body)        # IEEE's work with no author: '"Data centres ...," IEA, 2022.'
    elif legal:
        title = _legal_title(body, legal) if "us" in legal.re.groupindex else legal.group(1)
        if "caseyear" in legal.re.groupindex and legal.group("caseyear"):
            entry.year = int(legal.group("caseyear"))
    elif standard:
        # a standard by its number, its body the author: 'ISO/IEC 42001:2023. Information technology ...',
        # 'IEEE Std 754-2019. IEEE Standard for Floating-Point Arithmetic.'
        # (an RFC's number names no body: its authors are people, printed after its title, 'RFC 2119: Key words for
        # use in RFCs ... . S. Bradner. IETF, 1997.')
        entry.first_author = name_key(standard.group(1)) if standard.group(1) != "RFC" else None
        title = _extract_title(body[standard.end():]) or _standard_one_word_title(body, standard.end())
        if standard.group(1) != "RFC" and _publisher_only(body[standard.end():], standard.group(1)):
            # (no title after its number, only who publishes it, where and when: the number is its title, 'ISO
            # 9001:2015. ISO, 2015.', 'IEC 61508:2010. IEC, Geneva, 2010.'; an RFC's title is always printed)
            title = _STANDARD_NUMBER_END_RE.sub("", body[: standard.start("revises") if standard.group("revises")
                                                         else standard.end()])
        if standard.group(1) == "RFC" and title and (at := body.find(title, standard.end())) >= 0:
            entry.first_author = _rfc_author(body, at + len(title))
        if not _YEAR_ANY_RE.search(body, standard.end()) and (edition := _STANDARD_YEAR_RE.search(
                standard.group(0) if not standard.group("revises") else body[:standard.start("revises")])):
            entry.year = int(edition.group(1))      # the year of its edition in its number: 'ISO 14064-1:2018.'
        if title and ", " in title:     # (its body again as the publisher: 'IEEE Std 754-2019, Title, IEEE, 2019.')
            for part in standard.group(1).split("/"):
                title = _title_before_body_again(title, part)
    else:
        # no author list we trust ("[1] 2021. Fermat's Library.", organisations)
        m = _YEAR_FIRST_RE.match(body)
        if m:
            entry.year = int(m.group(1))
            title = _extract_title(m.group(2))
        else:
            # (a country's initialism opening a body's name is no phrase of its own: 'U.S. Department of Energy.',
            # 'U.K. House of Commons.')
            lead = _COUNTRY_LEAD_RE.match(body) if body[:2] in ("U.", "U ") else None
            parts = _FIRST_PHRASE_RE.split(body[lead.end():] if lead else body, maxsplit=1)
            if lead:
                parts[0] = lead.group(0) + parts[0]
            first = parts[0]
            if 0 < len(first.split()) <= 4 and all(_name_like(w) or "&" in w and is_organisation(w)      # ('AT&T')
                                                   for w in first.split()) \
                    or len(first.split()) <= 8 and is_organisation(first) \
                    and all(_name_like(w) or w in _FUNCTION_WORDS for w in first.split()):
                # (a body's name holding a small word: 'Allen Institute for AI, Title, ...')
                # (the rest tells an organisation: its web address, 'Common Crawl. [Online]. https://commoncrawl.org')
                entry.first_author = name_key(_first_author(first, body[len(first):])) or None
                # 'Google, Environmental Report 2020, https://...': the title after the author
                after = parts[1] if len(parts) > 1 else ""
                # (or a program's one-word name and its web address: 'OpenAI. ChatGPT. https://chat.openai.com.')
                if after[:1].isupper() and (legal := _LEGAL_HEAD_RE.match(after)):
                    # a legal instrument after its issuer: 'European Parliament and Council. Regulation (EU) ...'
                    title = _legal_title(after, legal)
                elif body[len(first):len(first) + 1] in ",." \
                        and (_CAPITALISED_PHRASE_RE.match(after) or _ONE_WORD_THEN_URL_RE.match(after)
                             or _NAMED_SUBTITLE_RE.match(after) or _one_word_then_site(after)) \
                        and not _MORE_NAMES_THEN_YEAR_RE.match(after):
                    title = _extract_title(_TRAILING_DATE_RE.sub("", _TITLE_CUT_AT_COMMA_RE.split(after, 1)[0]))
                    if title and ", " in title:     # (the body again as its publisher: 'IEA, Title, International
                        title = _title_before_body_again(title, first)      # Energy Agency, Paris, 2023.')
                    if title and ", " in title and (named := _title_after_full_names(
                            _COMMA_YEAR_RE.split(body, maxsplit=1)[0].rstrip())) and title.startswith(named[1]):
                        # (a book's publisher and place after its title: 'Mary Jones, The Art of Computer
                        # Programming, Addison-Wesley, Reading, 1968.')
                        title = _extract_title(named[1])
            elif len(first.split()) >= 3 and body[len(first):len(first) + 1] != ",":
                # no author and no year, a sentence of words no name holds: a program's, a web page's or
                # a report's reference opening with its title ('Apache-licensed Evolved Transformer
                # open-source implementation in ... GitHub repository. https://github.com/...')
                title = _extract_title(body)
    if entry.year is None and not (split is not None and split.kind == "year" and split.year is None):
        # (where the year goes the work's state, '(in press)', '(forthcoming)', '(n.d.)', says it has none: no year
        # of its title, container or arXiv id is the work's, 'Smith, A. (in press). Scaling 2030: ...')
        stripped = _strip_ids(body)
        if _ACCESSED_HINT_RE.search(stripped):
            # the day a web page was read is not the year it was published: '(accessed Jan. 5, 2024)'
            stripped = _ACCESSED_RE.sub(" ", stripped)
        years = _YEAR_ANY_RE.findall(stripped)
        # (the word of an identifier taken out after it, its identifier gone: ', Jul. 1948, doi: 10.1002/...')
        old = None if years else _OLD_YEAR_END_RE.search(_ID_WORD_END_RE.sub("", stripped))
        if len(years) > 1 and _RANGE_HINT_RE.search(stripped):
            # a page range that looks like years ('12, 2019–2031.') is no date
            years = [m.group(1) for m in _YEAR_ANY_RE.finditer(stripped)
                     if not _RANGE_BEFORE_RE.search(stripped[max(0, m.start() - 4): m.start()])
                     and not _RANGE_AFTER_RE.match(stripped, m.end())] or years
        if years:
            entry.year = int(years[-1])
        elif old:                   # 'Bell System Technical Journal, 27(3):379–423, 1948.'
            entry.year = int(old.group(1) or old.group(2))
        elif entry.arxiv_id and "/" not in entry.arxiv_id:
            entry.year = 2000 + int(entry.arxiv_id[:2])   # YYMM of a new-style arXiv id
    if entry.year and f"{entry.year}/" in body \
            and _two_years(body if split is None or split.year != entry.year or not body.startswith(split.authors)
                           else body[len(split.authors): len(body) - len(split.rest)], entry.year):
        # a season's or an academic year's two years, where the year is read, name no one of them ('(2019/2020)',
        # '2019/20': was 2019; not a title's after the year, '(2019). Annual report 2019/2020.'); an original's and
        # its reprint's stay the first ('(1950/2009)'), and a range its first ('(2021-2022)', a span begun then)
        entry.year = None
    if entry.first_author and entry.first_author.endswith(_LEGAL_KEYS) \
            and (legal := _LEGAL_WORD_RE.search(body, 0, _HEAD)) and name_key(body[:legal.end()]) == entry.first_author \
            and legal_form_at(body[:legal.end()]) is not None:
        # a firm keyed without its legal form, as references.bib's is (kb.text.names.keyed_family): 'Google LLC.
        # 2023.' google, as 'Google. 2023.' and '{Google LLC}'
        entry.first_author = name_key(body[:legal.start()]) or entry.first_author
    if title and _ACCESSED_HINT_RE.search(title) and (access := _ACCESS_IN_TITLE_RE.search(title)) \
            and access.start() > 0:
        # the day a web page was read, after a title with no quotes, its comma read as the title's: ('Doe, J.
        # (2020). A study of things, accessed 3 May 2023.', '..., Retrieved March 3, 2021, from https://...')
        title = title[:access.start()].rstrip(" ,;:") or title
    if title and entry.year and (title[-4:] == str(entry.year) or title[-4:] in dated) \
            and (date := _TRAILING_DATE_RE.search(title)) \
            and date.start() > 0 and (" " in title[:date.start()] or title[-4:] in dated) \
            and (body.rstrip(" .").endswith(title) or body.count(title[-4:]) == 1
                 and _a_place(body[body.rfind(title) + len(title):].strip(" ."))):
        # the entry's date closing it after a title with no quotes, its comma read as the title's ('J. Doe, A
        # study of things, 2020.', '..., Sept. 2020.'); a quoted title's year or one before more of the entry
        # stays ('"Census of population, 2021," 2021.'); a place of publication may close the entry after it where
        # the entry prints its year nowhere else ('NVIDIA Corporation. Title, 2023. Santa Clara, CA.'; not 'Office for
        # National Statistics. 2021. Census of population, 2021. London.')
        title = title[:date.start()]
    if title and title[:1] in "AIBDENR" and not standard and (std := _STANDARD_HEAD_RE.match(title + ". ")) \
            and std.end() > len(title) and (at := body.find(title)) > 0:
        # a standard's number as the sentence after its body's name, or before a comma: the title is the next
        # ('IEEE. IEEE Std 754-2019. IEEE Standard for Floating-Point Arithmetic. 2019.', 'ISO (2015). ISO
        # 9001:2015. Title.', 'IEEE. IEEE Std 802.11-2020, Title. 2021.')
        title = _extract_title(body[at + len(title):]) or title
    if dated and title and any(year in title for year in dated):
        # a date the title holds, not the entry's own after it, keeps its month and day as printed, quoted or not
        # ('"Lockdown diaries, March 2021."', 'Lockdown diaries, March 2021. Blog.': 'Lockdown diaries, 2021')
        title = _printed_dates(title, dated, printed)
    if title and entry.year and title[-1:] == ")" and title.endswith(f" ({entry.year})") and " " in title[:-7]:
        # Springer's date closing the entry after the title, no venue between ('Doe, J.: A study of things (2023).
        # https://arxiv.org/abs/...'): no part of the title
        title = title[:-7]
    if breaks and title:
        title = _as_the_paper_writes(title, breaks, document or "", joined)
    if title and title[:1] in "Pp" and _NO_WORK_RE.fullmatch(title):
        title = None
    if title and (title[-1:] == ")" or title[-1:].isdigit()) and (journal := _JOURNAL_ISSUE_AFTER_RE.search(title)) \
            and journal.start() > 0:
        # the journal, its volume and issue after a title with no quotes, its comma read as the title's: 'Title,
        # Communications of the ACM, 64(5).', 'J. Doe, Title, Nature Energy, 4(2), 2019.'
        title = title[: journal.start()]
    if title and "(" in title and (proceedings := _PROCEEDINGS_IN_BRACKETS_RE.search(title)) \
            and " " in title[: proceedings.start()]:
        title = title[: proceedings.start()]
    if title and " at " in title and (talk := _TALK_AFTER_RE.search(title)) and " " in title[: talk.start()]:
        title = title[: talk.start()]
    if title and ", " in title and title[-1:] != "?" \
            and not any(f"{q}{title[:12]}" in joined for q in "\"“«'"):
        title = _without_publisher(title)
    if title and " " in title and _SPACE_BEFORE_MARK_RE.search(title) and not _FRENCH_WORD_RE.search(title):
        # a space before a colon, a question or an exclamation mark, in no French title: no word's ('DeScipher : A
        # Text Simplification Tool', 'Every Day : Amazon's ...'; French sets it so, 'L'apprentissage profond : une ...')
        title = _SPACE_BEFORE_MARK_RE.sub(r"\1", title)
    if (entry.first_author and title is not None or not entry.first_author and title is None) \
            and joined[:1].isupper() and (untitled := _TITLE_THEN_STANDARD_RE.match(joined)) \
            and (entry.first_author is None or entry.first_author == name_key(untitled.group(1))) \
            and (not is_organisation(untitled.group(1)) or _BODY_STANDARD_TITLE_RE.match(untitled.group(1))) \
            and untitled.group(1).upper() not in _STANDARD_BODIES:
        # a standard's title, then its number and no more than its publisher and date, no author printed: the words
        # before the number are its title, no one's name ('HTTP Semantics. RFC 9110, June 2022.': author
        # httpsemantics and title 'RFC 9110', now no author and 'HTTP Semantics'), read as no author and no title
        # before ('Hypertext Transfer Protocol Version 2 (HTTP/2), RFC 7540, May 2015.')
        entry.first_author, title = None, untitled.group(1)
    if title and title[-1:].isdigit() and ", " in title and (number := _STANDARD_AFTER_TITLE_RE.search(title)) \
            and " " in title[: number.start()]:
        # a standard's number after its title's comma is no part of the title, as after its stop it is not
        # ('Hypertext Transfer Protocol Version 2, RFC 7540': the title, now 'Hypertext Transfer Protocol Version 2')
        title = title[: number.start()]
    entry.title = title
    if lines is not None and len(lines) > 1 and ("-" in raw or "\u00ad" in text):
        # the stored string reads as the title does: a word a line break split joined, a compound's hyphen kept
        entry.raw = _joined_as_read(lines, document or "", joined)
    entry.work_key = work_key(entry)
    return entry


# --------------------------------------------------------------------------
# References written by people: Markdown, HTML, footnotes

#: A reference longer than this is cut: an entry is a paragraph, not a document.
MAX_REFERENCE = 5000
_LABEL_RE = lazy(r"^\s*(?:[-*+•]\s+)?(?:\[\^([^\]\s]{1,40})\]:|\[(\d{1,4}|[A-Za-z][\w+\-]{0,15}\d\d[a-z]?)\]"
                 r"|(\d{1,4})[.)](?=\s)|\((\d{1,4})\))\s*")
_BULLET_RE = lazy(r"^\s*[-*+•]\s+")
_MD_LINK_RE = lazy(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)>?"
                   r"(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_HTML_LINK_RE = lazy(r"<a\s[^>]*?href\s*=\s*([\"'])(.*?)\1[^>]*>(.*?)</a\s*>", re.I | re.S)
_HTML_EM_RE = lazy(r"<(i|em|cite|q)\b[^>]*>(.*?)</\1\s*>", re.I | re.S)
_TAG_RE = lazy(r"</?[A-Za-z][\w:\-]*(?:\s[^<>]*)?/?>")
_AUTOLINK_RE = lazy(r"<((?:https?://|www\.|doi:)[^<>\s]+)>", re.I)
_MD_EM_RE = lazy(r"(\*\*|\*|(?<!\w)__|(?<!\w)_)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_BROKEN_WORD_RE = lazy(r"(?<=[a-zà-ÿ])([a-zà-ÿ])- ([a-zà-ÿ])(?=[a-zà-ÿ])")
_MD_ESCAPE_RE = lazy(r"\\([\\`*_{}\[\]()#+\-.!|<>\"'&~])")
_AFTER_TITLE_RE = lazy(r"\s*[(,;\[]")
_QUOTED_RE = lazy(r"[\"“«]\s*([^\"“”«»]{8,400}?)\s*[\"”»]")


@dataclass
class MarkedReference:
    """One reference as a person wrote it, read through `parse_entry`."""

    entry: RefEntry
    label: str | None          # "12", "^1", "Str19"; None when unlabelled
    text: str                  # the plain text the entry was read from
    titles: list[str]          # link texts, quoted and italic spans: candidate titles
    url: str | None            # the first link
    title: str                 # for display: the entry's title, else the first candidate
    authors: str               # the author list as printed (may be empty)


def parse_reference(markup: str) -> MarkedReference:
    """A reference entry written in Markdown or HTML, in any citation style:
    its label (``[12]``, ``- [72]``, ``[^1]:``, ``7.``) removed, links read
    (``[text](url)``, ``<a href>``, ``<url>``) with their targets kept for
    identifiers, emphasis and quote marks removed but remembered as candidate
    titles; the plain text then goes through `parse_entry`, the parser of
    papers' reference lists."""
    text = html.unescape(" ".join(markup[:MAX_REFERENCE].split()))
    label = None
    m = _LABEL_RE.match(text)
    if m:
        label = next((("^" + g) if i == 0 else g for i, g in enumerate(m.groups()) if g), None)
        text = text[m.end():]
    else:
        text = _BULLET_RE.sub("", text)
    titles: list[str] = []
    urls: list[str] = []

    def link(target: str, label_text: str) -> str:
        target = target.strip()
        if target and not target.startswith("#"):
            urls.append(target)
        shown = label_text.strip()
        if shown and not re.match(r"^(?:https?://|www\.|doi:|arxiv:|\d)", shown, re.I):
            titles.append(shown)
        # the target stays in the text, so identifiers in it are found
        return shown + (f" {target}" if target and not target.startswith("#") and target not in shown else "")

    text = _HTML_LINK_RE.sub(lambda g: link(g.group(2), _TAG_RE.sub("", g.group(3))), text)
    text = _MD_LINK_RE.sub(lambda g: "" if g.group(1) else link(g.group(3), g.group(2)), text)
    text = _AUTOLINK_RE.sub(lambda g: (urls.append(g.group(1)), f" {g.group(1)} ")[1], text)
    for g in _HTML_EM_RE.finditer(text):
        titles.append(_TAG_RE.sub("", g.group(2)))
    text = _TAG_RE.sub(" ", text)
    for g in _MD_EM_RE.finditer(text):
        titles.append(g.group(2))
    emphasised = len(titles)        # the titles set in italics (or bold), after the links' texts
    text = _MD_EM_RE.sub(lambda g: g.group(2), text)
    text = _MD_ESCAPE_RE.sub(r"\1", text)
    titles += [g.group(1) for g in _QUOTED_RE.finditer(text)]
    titles = [" ".join(_MD_ESCAPE_RE.sub(r"\1", _TAG_RE.sub("", t)).replace("*", "").split()).strip(" .,;:\"'“”")
              for t in titles]
    italic = titles[:emphasised]
    titles = [t for t in dict.fromkeys(titles) if len(t) >= 8 and " " in t]
    # "in- terventions", "Christo- pher": a line break's hyphen copied out of a PDF
    text = _BROKEN_WORD_RE.sub(r"\1\2", " ".join(text.split()))
    titles = [_BROKEN_WORD_RE.sub(r"\1\2", t) for t in titles]
    entry = parse_entry(text, label=label)
    if entry.title and italic:
        # a title in italics ends at its closing italics, never read on into what follows it: "*Title* (2022), 4",
        # "*Title*, 4" (a footnote's place), "<i>Title</i> (New York: ACM, 2022)"
        head = next((t for t in italic if len(t) >= 8 and " " in t and entry.title.startswith(t)
                     and _AFTER_TITLE_RE.match(entry.title, len(t))), None)
        if head is not None:
            entry.title = head
    url = urls[0] if urls else find_url(text)
    title = entry.title or ""
    authors = ""
    # "[Title](url) - Authors. Year.": the title comes first
    first = titles[0] if titles else ""
    if first and clean_text(text).startswith(clean_text(first)):
        title = first
        rest = clean_text(text)[len(clean_text(first)):]
        if url:
            rest = rest.replace(url, " ", 1)
        rest = rest.strip().lstrip("-–—:,. ").strip()
        years = list(_YEAR_ANY_RE.finditer(rest[-200:]))
        if years:
            cut = len(rest) - len(rest[-200:]) + years[-1].start()
            authors = rest[:cut].strip().rstrip(".,;( ").strip()
            entry.year = entry.year or int(years[-1].group(1))
        else:
            authors = rest.rstrip(". ").strip()
        if not entry.title:
            entry.title = first
    else:
        split = _split_authors(_prep_names(clean_text(text)))
        authors = split.authors if split else ""
        title = title or first
    return MarkedReference(entry=entry, label=label, text=text, titles=titles, url=url,
                           title=title, authors=authors)


# --------------------------------------------------------------------------
# Work keys

def title_key(title: str | None, year: int | None) -> str | None:
    """Normalised title and year: how two citations of a work without an
    identifier are recognised as the same work."""
    norm = normalise_title(title)
    if len(norm) < 8:
        return None
    return f"{norm[:200]}|{year or ''}"


# a standard's or an RFC's number anywhere in a text, by its body: 'RFC 9110', 'ISO 14064-1:2018', 'IEEE Std
# 754-2019', 'ISO/IEC 27001:2013', 'BS EN ISO 14001' (keyed by its last body's); an IEEE number only with its kind
# ('IEEE Std', 'IEEE Standard'), as 'Proc. IEEE 86' is a journal's volume; others of three digits or more
_STANDARD_NUMBER_RE = lazy(r"\b(?:(RFC)\s?(\d{3,5})\b"
                           r"|(IEEE)\s+(?:(?:Std\.?|Standard)\s+(\d+(?:\.\d+[a-z]*)*)(?:-((?:19|20)\d\d))?\b"
                           r"|(\d+(?:\.\d+[a-z]*)*)-((?:19|20)\d\d)\b)"
                           r"|(ISO|IEC|ANSI|ASTM|DIN|BS|EN|ETSI|NIST|ITU-[TR])(?:/[A-Z]{2,8})*(?:\s+(?:EN|ISO|IEC|TS|TR|SP))*"
                           r"(?:\s+Standard\s+No\.)?"
                           r"\s+((?:[A-Z]\s?)?\d{3,}(?:[.\-]\d+)*(?:\s\d{3}(?!\d))*)(?::((?:19|20)\d\d)|\s*\(((?:19|20)\d\d)\))?"
                           r"(?!\d|[.\-]\d))")
# a title of two words or more, a stop or comma, a standard's number (_STANDARD_HEAD_RE's kinds), then at most a
# publisher and a date closing the entry: 'HTTP Semantics. RFC 9110, June 2022.', 'Title, IEEE Std 754-2019. IEEE, 2019.'
_TITLE_THEN_STANDARD_RE = lazy(rf"([A-Z][^.,;:()\[\]]*?\s(?:[^.,;:()\[\]]|(?<=\d)\.(?=\d))+?(?:\s\([^()\s]+\))?)"
                               rf"[.,]\s+"
                               rf"(?:RFC\s?\d{{3,5}}|(?:ISO|IEC|IEEE|ANSI|ASTM|BS|DIN|EN|ETSI|NIST)(?:/[A-Z]{{2,8}})*"
                               rf"(?:\s+(?:EN|ISO|IEC|TS|TR|Std\.?|SP))*\s+[A-Z]?\d[\w.:\-]*)"
                               rf"[.,]?(?:\s+[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){{0,3}}[.,])?"
                               rf"(?:\s+{_MONTHS}\.?(?:\s+\d{{1,2}},?)?)?\s+(?:19|20)\d\d\.?\s*$")
# a standard's title opening with its body's name, as IEEE's do: 'IEEE Standard for Floating-Point Arithmetic', 'IEEE
# Recommended Practice for ...' (a title, though a body's name opens it)
_BODY_STANDARD_TITLE_RE = lazy(r"(?:ISO|IEC|IEEE|ANSI|ASTM|NIST|ETSI)(?:/[A-Z]{2,8})*\s+(?:Standard|Recommended\s+Practice"
                               r"|Guide|Trial-Use\s+Standard)\s+(?:for|on|of)\s+\S")
# a standard's number after a title's comma, closing it: 'Hypertext Transfer Protocol Version 2, RFC 7540'
_STANDARD_AFTER_TITLE_RE = lazy(r",\s+(?:RFC\s?\d{3,5}|(?:ISO|IEC|IEEE|ANSI|ASTM|NIST)(?:/[A-Z]{2,8})*"
                                r"(?:\s+(?:ISO|IEC|TS|TR|Std\.?|SP))*\s+[A-Z]?\d[\w.:\-]*\d)$")
# (the bodies that number their own: the others adopt one another's numbers, 'BS EN ISO 14001' of 'ISO 14001')
_OWN_NUMBERS = frozenset(["RFC", "IEEE", "NIST", "ITU-T", "ITU-R", "ASTM"])


def standard_number(text: str | None) -> str | None:
    """The standard's or the RFC's number a text prints, with its body and its edition's year where given, in one
    spelling whatever order the entry gives them in ('RFC 9110' rfc9110, 'IEEE Std 754-2019' ieee754:2019; a number
    bodies adopt from one another keyed alike, 'ISO 14064-1:2018' and 'BS EN ISO 14064-1:2018' std14064-1:2018), or
    None (none, or two different ones)."""
    if not text or not any(b in text for b in ("RFC", "ISO", "IEC", "IEEE", "ANSI", "ASTM", "DIN", "BS", "EN", "NIST")):
        return None
    found: list[str] = []
    for m in _STANDARD_NUMBER_RE.finditer(text):
        g = m.groups()
        body, number, year = (g[0], g[1], None) if g[0] else (g[2], g[3] or g[5], g[4] or g[6]) if g[2] \
            else (g[7], g[8], g[9] or g[10])
        if body != "RFC" and re.fullmatch(r"(?:19|20)\d\d", number):
            continue                # 'ISO 2018': a year, no number
        body = body.lower() if body in _OWN_NUMBERS else "std"
        found.append(f"{body}{number.replace(' ', '').lower()}" + (f":{year}" if year else ""))
    if len({k.split(":")[0] for k in found}) > 1:
        return None
    # (one number printed again, with or without its edition's year, or after what it revises: the first with one)
    return next((k for k in found if ":" in k), found[0]) if found else None


def standards_differ(one: str | None, other: str | None) -> bool:
    """Whether two standards' numbers (standard_number) name two works: another number or body, or another edition
    where both give theirs ('rfc9110' and 'rfc7231'; 'std14064-1:2018' and 'std14064-1:2006'; not 'std14064-1')."""
    if not one or not other or one == other:
        return False
    a, _, ay = one.partition(":")
    b, _, by = other.partition(":")
    return a != b or bool(ay and by and ay != by)


_RFC_DOI_RE = lazy(r"10\.17487/rfc(\d{3,5})$", re.I)
# a standard's number a paper's title prints in brackets or after its stop or comma, no words of its title:
# 'Hypertext Transfer Protocol (HTTP/1.1): Semantics and Content (RFC 7231)'
_STANDARD_IN_TITLE_RE = lazy(r"(?:\s*\((?:RFC|ISO|IEC|IEEE|NIST)\b[^()]*\)|[.,]\s+RFC\s?\d{3,5})\s*$")


def _paper_standard(p: PaperInfo) -> str | None:
    """The standard's or the RFC's number a paper of the knowledge base carries: in its title, or an RFC's in its DOI
    (the RFC Editor's, '10.17487/RFC9110')."""
    if p.doi and (m := _RFC_DOI_RE.match(p.doi)):
        return f"rfc{m.group(1)}"
    return standard_number(p.title)


def _other_standard(wanted: str | None, p: PaperInfo) -> bool:
    """Whether a paper is another standard than the one an entry numbers (standards_differ): never linked by a title
    alike ('RFC 7231. HTTP/1.1: Semantics and Content' is no 'RFC 9110. HTTP Semantics')."""
    return wanted is not None and standards_differ(wanted, _paper_standard(p))


def id_work_key(arxiv_id: str | None, doi: str | None) -> str | None:
    """The work key an arXiv id or a DOI gives: an RFC's DOI (the RFC Editor's, '10.17487/RFC9110') keys it by its
    number, as an RFC cited without it is (std:rfc9110)."""
    if arxiv_id:
        return f"arxiv:{arxiv_id}"
    if doi:
        m = _RFC_DOI_RE.match(doi)
        return f"std:rfc{m.group(1)}" if m else f"doi:{doi}"
    return None


def work_key(entry: RefEntry) -> str:
    """The same work across papers gets the same key: arXiv id, else DOI, else
    a standard's or an RFC's number (standard_number), else
    normalised title and year, else a hash of the normalised raw text."""
    if entry.arxiv_id:
        return f"arxiv:{entry.arxiv_id}"
    if entry.doi:
        return id_work_key(None, entry.doi)
    if std := standard_number(entry.raw):
        return f"std:{std}"
    tk = title_key(entry.title, entry.year)
    if tk:
        return f"title:{tk}"
    norm = normalise_title(entry.raw)
    return "raw:" + hashlib.sha1(norm.encode()).hexdigest()[:16]


# --------------------------------------------------------------------------
# Resolution

class _Cand:
    """A paper as a title-match candidate; its title is normalised on first
    use, so indexing 50,000 papers costs little when few are ever compared."""

    __slots__ = ("info", "author", "_norm")

    def __init__(self, info: PaperInfo, author: str):
        self.info, self.author, self._norm = info, author, None

    @property
    def title_norm(self) -> str:
        if self._norm is None:
            self._norm = normalise_title(self.info.title)
        return self._norm


@dataclass
class PaperIndex:
    """Papers of the knowledge base indexed for resolution: dicts by arXiv id
    and DOI, and by the last four letters of the first author's name and the
    year for title matching, so a reference is compared with a handful of
    papers, never with all of them (nor with all of a common name's)."""

    papers: Sequence[PaperInfo]
    by_arxiv: dict[str, list[PaperInfo]] = field(default_factory=dict)
    by_doi: dict[str, list[PaperInfo]] = field(default_factory=dict)
    by_tail: dict[tuple[str, int], list[_Cand]] = field(default_factory=dict)   # (tail, year)
    _by_title: dict[str, list[PaperInfo]] | None = field(default=None, repr=False)
    _by_author: dict[str, list[_Cand]] | None = field(default=None, repr=False)   # tail, any year
    _keys: list[str] | None = field(default=None, repr=False)     # every first-author key, sorted
    _title_order: list[str] | None = field(default=None, repr=False)     # every normalised title, sorted
    _by_key: dict[str, PaperInfo] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for p in self.papers:
            ax = bare_arxiv_id(p.arxiv_id)
            if ax:
                self.by_arxiv.setdefault(ax, []).append(p)
            if p.doi:
                self.by_doi.setdefault(p.doi.lower(), []).append(p)
            key = name_key(p.first_author)
            if key and p.title and p.year:
                self.by_tail.setdefault((author_tail(key), p.year), []).append(_Cand(p, key))

    def resolve(self, entry: RefEntry, citing: str | None = None) -> Resolution | None:
        """The paper an entry cites, or None when the evidence is not clear."""
        return self.explain(entry, citing).resolution

    def _title_match(self, entry: RefEntry, citing: str | None, fuzz) -> Resolution | None:
        """Title (fuzzy), year within one and first author agreeing; unique."""
        ax = bare_arxiv_id(entry.arxiv_id)
        akey = name_key(entry.first_author)
        tnorm = normalise_title(entry.title)
        if not (akey and tnorm and entry.year and len(tnorm) >= 8):
            return None
        scored: list[tuple[float, PaperInfo]] = []
        tails = author_tails(akey)
        if akey.find("and", 4) > 0 or akey.isalpha() and "&" in entry.raw[:60]:
            # a firm's name of two words joined, keyed whole ('Procter and Gamble'), is the first of two people
            # to a references.bib that leaves it unbraced, as BibTeX reads it (its key 'procter')
            pair = _AND_PAIR_START_RE.match(entry.raw)
            if pair and name_key(entry.raw[pair.start(1):pair.end(2)]) == akey:
                tails += (author_tail(name_key(pair.group(1))),)
        near = [c for tail in tails for year in (entry.year - 1, entry.year, entry.year + 1)
                for c in self.by_tail.get((tail, year), ())]
        std = standard_number(entry.raw)
        for c in near:                  # the same author tail, the year within one
            p = c.info
            if p.citekey == citing or _other_standard(std, p):
                continue
            if not _keys_agree(akey, c.author, particles=True):
                continue
            pax = bare_arxiv_id(p.arxiv_id)
            if ax and pax and ax != pax:
                continue          # cites another arXiv paper: a different work
            if not c.title_norm:
                continue
            score = fuzz.ratio(tnorm, c.title_norm)
            # (a title that reads alike but numbers another work, 'TREC 2020' of 'TREC 2019', is not this one, nor one
            # with a word changed, _words_misprinted)
            if score >= TITLE_THRESHOLD and numbers_agree(tnorm, c.title_norm, entry.year, p.year) \
                    and _words_misprinted(tnorm, c.title_norm, fuzz):
                scored.append((score, p))
        if not scored:
            return None
        scored.sort(key=lambda sp: -sp[0])
        best_score, best = scored[0]
        rivals = [p for s, p in scored[1:] if p.citekey != best.citekey and best_score - s < AMBIGUITY_MARGIN]
        if rivals:
            return None
        return Resolution(best.citekey, "title", round(best_score / 100.0, 4))

    def explain(self, entry: RefEntry, citing: str | None = None, *, titles: Sequence[str] = (),
                loose: bool = False) -> Explained:
        """Like `resolve`, saying why. Identifiers first (an arXiv id and a DOI
        naming two different papers link to neither). With `loose` (a note's
        references, written by a person rather than cut out of a PDF), after
        the strict title match: a title of the knowledge base equal to the
        entry's title or to one of `titles` (what the markup singles out: link
        texts, quoted and italic spans), then the fuzzy best of those, then a
        title of the knowledge base printed whole inside the entry, then the
        first author's family name and the year when exactly one paper has
        them."""
        from rapidfuzz import fuzz

        ax = bare_arxiv_id(entry.arxiv_id)
        by_ax = self._by_id(self.by_arxiv.get(ax, []), entry, citing, fuzz) if ax else None
        by_doi = self._by_id(self.by_doi.get(entry.doi.lower(), []), entry, citing, fuzz) if entry.doi else None
        named_ax = {p.citekey for p in self.by_arxiv.get(ax, [])} if ax else set()
        named_doi = {p.citekey for p in self.by_doi.get(entry.doi.lower(), [])} if entry.doi else set()
        if len(named_ax) == 1 and len(named_doi) == 1 and named_ax != named_doi:
            a, d = next(iter(named_ax)), next(iter(named_doi))
            agree = [c for c, hit in ((a, by_ax), (d, by_doi)) if hit is not None and hit.citekey]
            return Explained(None, f"conflicting identifiers: arXiv:{ax} is {a} but doi:{entry.doi} is {d}"
                                   + (f" (the title and authors agree with {agree[0]})" if len(agree) == 1 else ""))
        for hit, method, ident in ((by_ax, "arxiv", f"arXiv:{ax}"), (by_doi, "doi", f"doi:{entry.doi}")):
            if hit is None:
                continue
            if hit.citekey:
                other = self._titled_otherwise(entry, hit, citing, fuzz)
                if other is not None:
                    return Explained(None, f"conflicting: {ident} is {hit.citekey}, but its title and first author "
                                           f"name {other}", closest=other)
                return Explained(Resolution(hit.citekey, method, 1.0))
            if not loose:
                return Explained(None, f"{ident} names this paper itself, several papers, "
                                       "or one whose title and authors disagree")
        strict = self._title_match(entry, citing, fuzz)
        if strict is not None:
            return self._ids_apart(entry, Explained(strict), titles) if loose else Explained(strict)
        if not loose:
            return self._numbered_apart(entry, citing, fuzz) or Explained(
                None, "no identifier or title matches a paper here")
        return self._ids_apart(entry, self._loose(entry, citing, titles, fuzz), titles)

    def _titled_otherwise(self, entry: RefEntry, p: PaperInfo, citing: str | None, fuzz) -> str | None:
        """The other paper of the knowledge base an entry's title, first author and year name where its identifier
        names `p`, whose title is not the entry's ('Wu, C.-J., ... (2021). Socio-technological challenges and
        opportunities: Paths forward. arXiv:2111.00364.': the arXiv id is wu2021a's, 'Sustainable AI: ...', the
        title wu2021b's): which work the entry means is not said. None where the title names no other paper, or
        names `p` as well (a print and its preprint, one title)."""
        tnorm = normalise_title(entry.title)
        if not tnorm or not p.title:
            return None
        if fuzz.ratio(tnorm, normalise_title(p.title)) >= TITLE_THRESHOLD:
            return None
        # (its arXiv id set aside: _title_match passes over a paper whose arXiv id is another)
        other = self._title_match(replace(entry, arxiv_id=None), citing, fuzz)
        return other.citekey if other is not None and other.citekey != p.citekey else None

    def _ids_apart(self, entry: RefEntry, found: Explained, titles: Sequence[str] = ()) -> Explained:
        """A note's reference found by its title or names, where its arXiv id or DOI (which names no paper here) is
        not the found paper's own of that kind: another work's, or one mistyped, and which the writer meant is not said
        ('Strubell et al. 2019. doi:10.1145/3442188.3445922' of strubell2019, doi 10.18653/v1/P19-1355; an arXiv link
        to 2001.08361 labelled 'Patterson et al. 2021' of arXiv 2104.10350). A paper with no identifier of that kind is
        found still (its DOI a print's, its entry a preprint's)."""
        r = found.resolution
        if r is None or r.method in ("arxiv", "doi"):
            return found
        if self._by_key is None:
            self._by_key = {p.citekey: p for p in self.papers}
        p = self._by_key.get(r.citekey)
        if p is None:
            return found
        if r.method == "title":
            other = self._named_otherwise(entry, p)
            if other:
                said = f"first author and year ({entry.first_author} {entry.year}) name" if entry.year \
                    else f"first author ({entry.first_author}) names"
                return Explained(None, f"its title names {p.citekey}, but its {said} {', '.join(other)}: which "
                                       "work it means is not said",
                                 closest=p.citekey, closest_score=r.score, several=(p.citekey, *other),
                                 ids_apart=True)
            why = self._contradicted(entry, p, titles)
            if why:
                return Explained(None, f"closest: {p.citekey}, but {why}", closest=p.citekey, closest_score=r.score)
        if not (entry.arxiv_id or entry.doi):
            return found
        ax, doi = _id_kinds(entry.arxiv_id, entry.doi)
        pax, pdoi = _id_kinds(p.arxiv_id, p.doi)
        if ax and pax and ax != pax:
            written, held = f"arXiv:{ax}", f"arXiv:{pax}"
        elif doi and pdoi and doi != pdoi:
            written, held = f"doi:{doi}", f"doi:{pdoi}"
        else:
            return found
        return Explained(None, f"its {written} is no paper's here, and {r.citekey}, which its "
                               f"{'title points' if r.method == 'title' else 'names point'} to, is {held}: another work "
                               "or a mistyped identifier, which is not said", closest=r.citekey,
                         closest_score=r.score, ids_apart=True)

    def _contradicted(self, entry: RefEntry, p: PaperInfo, titles: Sequence[str] = ()) -> str | None:
        """Why a note's reference found by its title alone is not the paper `p`, where the first author it names is
        none of the paper's authors ('Doe, "Counting Carbon: A Survey ... Machine Learning Systems," 2024' of
        Luccioni's "Counting Carbon: A Survey ... Machine Learning"); else None. Another order of the same authors, or
        a firm's name for its people's paper ('Google. (2021). Carbon Emissions and ...'), stands where the title is
        the paper's whole (or its main title); an entry naming no author says nothing against its title. (A year off
        is kb.ops.quotes's to weigh, as it is written.)"""
        akey = name_key(entry.first_author)
        pkey = name_key(p.first_author)
        if not (akey and pkey):
            return None
        # (or the paper's first author among the names the entry writes before its title: a given name read as the
        # family name, 'Diederik' of 'Diederik P. Kingma', a family name written first, 'Zhang Wei', or a work
        # cited as quoted in it, 'Roe, quoted in Patterson et al., "Carbon Emissions ..."')
        at = entry.raw.find(entry.title) if entry.title else -1
        names = entry.raw[:at] if at > 0 else entry.raw[:entry.raw.find(str(entry.year))] \
            if entry.year and str(entry.year) in entry.raw[1:] else entry.raw[:120]
        if self._names_agree(entry, akey, p) or _keys_agree(akey, pkey, particles=True) \
                or _holds_name(_first_written(p.author_name), akey) or _written_name(names, pkey) is not None:
            return None
        written = _written_name(names or entry.raw, akey) or entry.first_author or akey
        whole = normalise_title(p.title)
        main = normalise_title(re.split(r"[:?!]|\s[-–—]\s", latex_to_text(p.title or ""), maxsplit=1)[0])
        named = {normalise_title(t) for t in [*titles, entry.title or ""] if t}
        exact = bool(whole) and (whole in named or (main.count(" ") >= 1 and main in named))
        if exact and (akey in _author_keys(p.author_name) or firm(written) or is_organisation(written)):
            return None
        held = last_name(latex_to_text(_first_written(p.author_name))) or p.first_author
        return f"its first author is {held}, not {written}"

    def _named_otherwise(self, entry: RefEntry, p: PaperInfo) -> list[str]:
        """The other papers here of the first author and year a reference found by its title gives, where that title's
        paper is not of that first author ('Strubell, Emma, et al. "Power Hungry Processing ..." 2019' of luccioni2024,
        while strubell2019 is Strubell's of 2019); [] where the names are the title's paper's own or no other's."""
        akey = name_key(entry.first_author)
        if not akey or self._names_agree(entry, akey, p):
            return []
        # (a short form, no year: 'Dodge, Prewitt, and Strubell, "Counting Carbon," 4.' where dodge2022 is Dodge's)
        return sorted({c.info.citekey for c in self._of_author(akey)
                       if (not entry.year or c.info.year == entry.year) and c.info.citekey != p.citekey})

    def _titles(self) -> dict[str, list[PaperInfo]]:
        if self._by_title is None:
            self._by_title = {}
            for p in self.papers:
                norm = normalise_title(p.title)
                if norm:
                    self._by_title.setdefault(norm, []).append(p)
        return self._by_title

    def _of_author(self, akey: str) -> list[_Cand]:
        """The papers of any year whose first author agrees with the name_key() `akey`."""
        if self._by_author is None:
            self._by_author = {}
            for cands in self.by_tail.values():
                for c in cands:
                    self._by_author.setdefault(author_tail(c.author), []).append(c)
        return [c for tail in author_tails(akey) for c in self._by_author.get(tail, ())
                if _keys_agree(akey, c.author)]

    def _names_agree(self, entry: RefEntry, akey: str, p: PaperInfo) -> bool:
        """Whether the entry's first author (keyed `akey`) is the paper's, where no title says it: the same key, one
        the other's end (a particle, split capitals: _keys_agree), or an organisation's name cut to its first words
        ('DeepMind' of '{DeepMind Technologies Ltd}', or the other way round), only where they are its words
        (head_keys: 'Meta' is not 'Metaculus', 'Smith' not 'Smithson') and no other name here opens alike ('DeepMind'
        of '{DeepMind Technologies}' and '{DeepMind Health}' names neither)."""
        pkey = name_key(p.first_author)
        if not pkey or not akey or pkey == akey:
            return bool(pkey) and pkey == akey
        short, long_ = sorted((akey, pkey), key=len)
        if len(short) >= 4 and long_.endswith(short):
            # the end of the other's name: after a particle ('werra' of 'von Werra') or split capitals ('aswani' of
            # 'V aswani'), or where the shorter's name is printed whole and only its reading keyed it by its last
            # word ('World Bank (2021)', bank, is '{World Bank}'; not '{European Central Bank}')
            rest = long_[: len(long_) - len(short)]
            if short == pkey and not _holds_name(_first_written(p.author_name), akey):
                # the citation's particles are not the paper's: 'van der Berg (2019)' (vanderberg, or a reading's
                # derberg) names no 'Berg, Tom' (berg); 'Anna Van Der Berg', read as berg by BibTeX, writes them
                return False
            return len(rest) <= 2 or rest in _PARTICLE_KEYS \
                or opens_with(entry.raw if short == akey else _first_written(p.author_name), long_)
        if len(short) < 4 or not long_.startswith(short):
            return _keys_agree(akey, pkey)
        if short == akey:
            heads = head_keys(_first_written(p.author_name), pkey)
        else:
            heads = head_keys(entry.raw, akey)
        return short in heads and self._opening(short) == {pkey}

    def _one_opening(self, word: str) -> str | None:
        """The citekey of the one paper here whose normalised title is `word` or opens with it as a word, or None
        (none, or two or more: a title of one word says little)."""
        if self._title_order is None:
            self._title_order = sorted(self._titles())
        order, found = self._title_order, None
        i = bisect_left(order, word)
        while i < len(order) and order[i].startswith(word):
            if order[i] == word or order[i][len(word)] == " ":
                for p in self._titles()[order[i]]:
                    if found is not None and found != p.citekey:
                        return None
                    found = p.citekey
            i += 1
        return found

    def _opening(self, short: str) -> set[str]:
        """The first-author keys of the papers here that open with `short` (itself among them)."""
        if self._keys is None:
            self._keys = sorted({k for p in self.papers if (k := name_key(p.first_author))})
        i = bisect_left(self._keys, short)
        found = set()
        while i < len(self._keys) and self._keys[i].startswith(short):
            found.add(self._keys[i])
            i += 1
        return found

    def _loose(self, entry: RefEntry, citing: str | None, titles: Sequence[str], fuzz) -> Explained:
        from rapidfuzz import process

        by_title = self._titles()
        wanted = [t for t in dict.fromkeys(normalise_title(t) for t in [*titles, entry.title or ""])
                  if len(t) >= 8]

        ax = bare_arxiv_id(entry.arxiv_id)
        std = standard_number(entry.raw)

        def fits(p: PaperInfo) -> bool:
            pax = bare_arxiv_id(p.arxiv_id)
            return p.citekey != citing and not (entry.year and p.year and abs(entry.year - p.year) > 2) \
                and not (ax and pax and ax != pax) and not _other_standard(std, p)

        for norm in wanted:
            keys = {p.citekey for p in by_title.get(norm, []) if fits(p)}
            if len(keys) == 1:
                return Explained(Resolution(keys.pop(), "title", 1.0))
        choices = list(by_title)
        for norm in wanted:
            best = process.extract(norm, choices, scorer=fuzz.ratio, limit=2, score_cutoff=TITLE_THRESHOLD)
            best = [(t, sc) for t, sc, _ in best
                    if any(fits(p) and numbers_agree(norm, t, entry.year, p.year) for p in by_title[t])
                    and _words_misprinted(norm, t, fuzz)]
            if best and (len(best) == 1 or best[0][1] - best[1][1] >= AMBIGUITY_MARGIN):
                keys = {p.citekey for p in by_title[best[0][0]] if fits(p) and numbers_agree(norm, best[0][0], entry.year,
                                                                                             p.year)}
                if len(keys) == 1:
                    return Explained(Resolution(keys.pop(), "title", round(best[0][1] / 100.0, 4)))
        # the main title alone, without its subtitle ("Power Hungry Processing")
        mains: dict[str, set[str]] = {}
        for p in self.papers:
            main = normalise_title(re.split(r"[:?!]|\s[-–—]\s", latex_to_text(p.title or ""), maxsplit=1)[0])
            if main.count(" ") >= 1 and main != normalise_title(p.title) and fits(p):
                mains.setdefault(main, set()).add(p.citekey)
        for norm in wanted:
            if len(mains.get(norm, ())) == 1:
                return Explained(Resolution(next(iter(mains[norm])), "title", 0.9))
        akey = name_key(entry.first_author)
        # ... a main title of one word, set off as a title, by its author ('Cohan et al., *SPECTER*, 2.' of "SPECTER:
        # Document-level Representation Learning ...", 'Lo et al., "S2ORC," 9.'): that author's one work so titled
        marked = [entry.title] if entry.title and any(f"{o}{entry.title}" in entry.raw for o in "\"“*_") else []
        ones = [t for t in dict.fromkeys(normalise_title(t) for t in [*titles, *marked]) if len(t) >= 3 and " " not in t]
        if akey and ones:
            for one in ones:
                hits = {c.info.citekey for c in self._of_author(akey) if fits(c.info) and one == normalise_title(
                    re.split(r"[:?!]|\s[-–—]\s", latex_to_text(c.info.title or ""), maxsplit=1)[0])}
                if len(hits) == 1:
                    return Explained(Resolution(hits.pop(), "title", 0.8))
            if not entry.year:
                # ... or a short form's title of one word that opens one title here alone, a paper of that author
                # ('Dodge, "Measuring," 8.' of "Measuring the Carbon Intensity of AI in Cloud Instances"): a word
                # opening two titles here, or one of another author, names none
                for one in ones:
                    key = self._one_opening(one) if one not in MINOR_WORDS else None
                    if key is not None and any(c.info.citekey == key and fits(c.info) for c in self._of_author(akey)):
                        return Explained(Resolution(key, "title", 0.8))
        # a shortened title, as the short form of a note gives it ('Strubell, Ganesh, and McCallum,
        # "Energy and Policy Considerations," 4.'): the first words of one title here, by the
        # entry's first author when it names one
        for norm in wanted:
            if norm.count(" ") < (1 if akey else 2):
                continue
            keys = {p.citekey for t in choices if t.startswith(norm + " ") for p in by_title[t] if fits(p)
                    and (not akey or self._names_agree(entry, akey, p))}
            if akey:
                # ... or a few of its significant words in their order, not its first ('Dodge, *Carbon
                # Intensity*, 3.' of "Measuring the Carbon Intensity of AI in Cloud Instances"), as a short
                # form gives them, with no year: of that author's papers, the one title they shorten; never
                # one whose words another title of the author holds too ('Roe, *Carbon Intensity*' of Roe's
                # 'Carbon Intensity of Training' and 'Measuring Carbon Intensity')
                mine = {c.info.citekey for c in self._of_author(akey) if fits(c.info) and shortens(norm, c.title_norm)}
                # (a short form is its names, its short title and a page: an entry of no year saying more
                # lists a work of its own)
                keys = (keys if mine <= keys else set()) if entry.year or len(entry.raw) - len(norm) > 120 \
                    else mine | keys
            if len(keys) == 1:
                return Explained(Resolution(keys.pop(), "title", 0.8))
        # a whole title of the knowledge base inside the entry's words
        text = f" {normalise_title(entry.raw)} "
        inside = [t for t in choices if len(t) >= 15 and t.count(" ") >= 2 and f" {t} " in text]
        inside = [t for t in inside if not any(t != u and f" {t} " in f" {u} " for u in inside)
                  # (not one the entry's title goes on from to number another work: '..., part 2')
                  and all(numbers_agree(w, t, entry.year) for w in wanted if w.startswith(t))]
        # (not the book or proceedings a work of its own title and of another author is in: 'Jones, K. 2019. Energy
        # in computation. In: Smith, A. B. (ed.) Handbook of Green Computing.' cites Jones's chapter, not the book)
        # (nor that of an entry naming no title, the book or volume printed after its 'in', as Nature prints a
        # paper in proceedings: 'Paszke, A. et al. in Advances in Neural Information Processing Systems 32 ...')
        keys = {p.citekey for t in inside for p in by_title[t] if fits(p)
                and not (akey and p.first_author and (any(w.count(" ") >= 2 and t not in w and w not in t
                                                          for w in wanted) or f" in {t} " in text)
                         and not self._names_agree(entry, akey, p))}
        if len(keys) == 1:
            return Explained(Resolution(keys.pop(), "title", 1.0))
        same: list[PaperInfo] = []
        if akey and entry.year:
            same = [p for p in self.papers if p.citekey != citing and p.year == entry.year
                    and self._names_agree(entry, akey, p) and not _other_standard(std, p)]
            # (and, where it names more than the first author, every name it names at its place, and 'et al.' only
            # of three or more: 'Van Gysel, de Vries, and Kanoulas 2018' names no paper by Van Gysel, de Rijke and
            # Kanoulas, 'Luccioni et al. 2023' none by Luccioni and Hernandez-Garcia)
            if not titles and not entry.title:
                apart = {p.citekey: why for p in same if (why := cited_authors_disagree(entry.raw, entry.year,
                                                                                         p.author_name, p.title))}
                # ('et al.' of the only paper of that first author and year, one of two authors, is a writer's slip, not
                # another work: it names that paper, whose text the quote is then checked in)
                slip = len({p.citekey for p in same}) == 1 and all(why.startswith("'et al.'") for why in apart.values())
                if apart and not slip and len(apart) == len({p.citekey for p in same}):
                    key, why = next(iter(apart.items()))
                    return Explained(None, f"the citation '{entry.raw.strip()}' names another work than "
                                           + (f"the only paper by {entry.first_author!r} in {entry.year} here, "
                                              if len(apart) == 1 else f"any paper by {entry.first_author!r} "
                                              f"in {entry.year} here (" + ", ".join(sorted(apart)) + "); ")
                                           + f"{key}: {why}", key, 0.5)
                # (of several, 'et al.' of one of two authors tells none from the others: said ambiguous, never the
                # one of three taken; a name not its author there does)
                same = [p for p in same if p.citekey not in apart or apart[p.citekey].startswith("'et al.'")]
            # the entry names its title and it is another: the same author's other
            # paper of that year ('2017a' and '2017b'), not the one here
            # a title as a title (five words or more, or set off by quotes, italics or a
            # link), not a few words of description ('Talk at a workshop')
            named = [w for w in dict.fromkeys(normalise_title(t) for t in [*titles, entry.title or ""])
                     if w.count(" ") >= 4 or (w and w in {normalise_title(t) for t in titles})]
            likeness = {p.citekey: max(((fuzz.token_set_ratio(w, normalise_title(p.title)), w) for w in named),
                                       default=(100.0, "")) for p in same if p.title}
            # (or a title like it that numbers another work: 'Llama 3: ...' of the paper 'Llama 2: ...'; where the
            # entry names no title, no number of one says another work: 'Doe (2023)' of 'Llama 2: ...')
            # (or one of many words alike, each holding words the other lacks: 'Good news about the carbon footprint
            # of machine learning training', a blog post, of the paper 'The carbon footprint of machine learning
            # training will plateau, then shrink')
            other = [p for p in same if p.citekey in likeness and (likeness[p.citekey][0] < 70 or likeness[p.citekey][1]
                                                                   and (not numbers_agree(likeness[p.citekey][1],
                                                                                          normalise_title(p.title),
                                                                                          entry.year, p.year)
                                                                        or _titles_apart(likeness[p.citekey][1],
                                                                                         normalise_title(p.title))
                                                                        or _another_title(likeness[p.citekey][1],
                                                                                          normalise_title(p.title),
                                                                                          fuzz)))]
            if other and len({p.citekey for p in same}) == 1:
                return Explained(None, f"the only paper by {entry.first_author!r} in {entry.year} here, "
                                       f"{other[0].citekey}, has another title: \"{other[0].title}\"",
                                 other[0].citekey, round(likeness[other[0].citekey][0] / 100.0, 2))
            if len({p.citekey for p in same}) == 1:
                strangers = [] if titles or entry.title else _strangers(entry.raw, entry.year, same[0].author_name,
                                                                                     same[0].title, akey)
                if strangers:
                    # 'J. Smith and P. Green, 2021.' of the one Smith 2021 here, by Smith and Brown: a co-author the
                    # paper has not names another work (Smyth and Green's), never this one
                    return Explained(None, f"the only paper by {entry.first_author!r} in {entry.year} here, "
                                           f"{same[0].citekey}, has no author {' or '.join(strangers)}",
                                     same[0].citekey, 0.5)
                return Explained(Resolution(same[0].citekey, "author-year", 0.5))
        closest, score = None, 0.0
        probe = " ".join(wanted) or normalise_title(entry.raw)
        if probe and choices:
            hit = process.extractOne(probe, choices, scorer=fuzz.token_set_ratio)
            if hit is not None:
                closest, score = by_title[hit[0]][0].citekey, round(hit[1] / 100.0, 2)
        if len(keys) > 1:
            reason = "the entry holds the titles of several papers: " + ", ".join(sorted(keys))
        elif len({p.citekey for p in same}) > 1:
            several = tuple(sorted({p.citekey for p in same}))
            return Explained(None, f"{len(several)} papers by {entry.first_author} in {entry.year}: "
                                   + ", ".join(several), several=several)
        else:
            found = [f"arXiv:{entry.arxiv_id}" if entry.arxiv_id else "",
                     f"doi:{entry.doi}" if entry.doi else "",
                     f"title \"{entry.title}\"" if entry.title else "",
                     f"first author {entry.first_author!r} and year {entry.year}" if akey and entry.year else ""]
            found = [f for f in found if f]
            reason = ("no paper here has its " + ", ".join(found)) if found else \
                "no identifier, title or author and year read in the entry"
            if std and (apart := self._numbered_apart(entry, citing, fuzz)) is not None:
                return apart
        return Explained(None, reason, closest, score)

    def _numbered_apart(self, entry: RefEntry, citing: str | None, fuzz) -> Explained | None:
        """Why an entry numbering a standard links to no paper where one here has its title and another number
        ('... Semantics and Content. RFC 7230.' of the paper 'RFC 7231'): the numbers differ, said so, or None.
        Read only once nothing linked, the entry's number first, so no entry of no standard pays for it."""
        std = standard_number(entry.raw)
        tnorm = normalise_title(entry.title) if entry.title else ""
        if std is None or len(tnorm) < 8:
            return None
        for p in self.papers:
            if p.citekey != citing and p.title and _other_standard(std, p) \
                    and fuzz.ratio(tnorm, normalise_title(_STANDARD_IN_TITLE_RE.sub("", p.title))) >= TITLE_THRESHOLD:
                return Explained(None, f"{p.citekey} has its title but numbers another standard: "
                                       f"{_paper_standard(p)}, not {std}", p.citekey)
        return None

    @staticmethod
    def _by_id(cands: list[PaperInfo], entry: RefEntry, citing: str | None, fuzz) -> PaperInfo | None:
        """The one paper an identifier names. Returns a PaperInfo with an empty
        citekey to mean 'stop: this names the citing paper itself or is
        contradicted'; None to mean 'no paper has this identifier'."""
        if not cands:
            return None
        distinct = {p.citekey for p in cands}
        if len(distinct) > 1:
            return PaperInfo("")          # two papers share the id: not clear
        p = cands[0]
        if p.citekey == citing:
            return PaperInfo("")          # a paper never cites itself
        # an identifier contradicted by both title and first author is a typo
        if entry.title and p.title and entry.first_author and p.first_author:
            if fuzz.ratio(normalise_title(entry.title), normalise_title(p.title)) < 50 \
                    and not _authors_agree(entry.first_author, p.first_author):
                return PaperInfo("")
        return p


def _id_kinds(arxiv_id: str | None, doi: str | None) -> tuple[str | None, str | None]:
    """A work's arXiv id without its version and its DOI, lower case, an arXiv DOI read as its arXiv id
    ('10.48550/arXiv.2104.10350' -> ('2104.10350', None))."""
    doi = (doi or "").strip().lower() or None
    ax = bare_arxiv_id(arxiv_id)
    if doi and doi.startswith("10.48550/arxiv."):
        ax, doi = ax or bare_arxiv_id(doi.removeprefix("10.48550/arxiv.")), None
    return ax, doi


_TITLE_GLUE = frozenset("a an the of for in on with to and or from via into towards by at as is are".split())


def _titles_apart(one: str, other: str) -> bool:
    """Whether two normalised titles each hold two words or more the other lacks (small words and a plural's 's'
    aside): two works' titles, however many words they share, not one title shortened, lengthened or misspelt."""
    a = {w.rstrip("s") for w in one.split() if w not in _TITLE_GLUE}
    b = {w.rstrip("s") for w in other.split() if w not in _TITLE_GLUE}
    return len(a - b) >= 2 and len(b - a) >= 2


_ARTICLES = frozenset(("a", "an", "the"))


def _words_misprinted(one: str, other: str, fuzz) -> bool:
    """Whether two normalised titles that read alike (fuzz.ratio at the threshold or above) are one title, printed
    with the slips of a PDF's text or of typing: words split or joined ('un derstanding', 'bibliometricenhanced'),
    a word's letters dropped, doubled or changed ('classication', 'suarez'), a plural's 's', an article left out,
    a number (numbers_agree's to tell). A word changed for another ('of' for 'scalable', 'for' for 'in'), or one
    put in or left out, makes another work's title ('BERT: Pre-training scalable deep ...', 'Carbon free energy in
    Google Cloud regions' of '... for Google Cloud regions'): no link is better than a wrong one."""
    if one == other or one.replace(" ", "") == other.replace(" ", ""):
        return True
    from difflib import SequenceMatcher

    a, b = one.split(), other.split()
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        left, right = "".join(a[i1:i2]), "".join(b[j1:j2])
        if not left or not right:
            # a word only one prints: an article, or a number
            if set(a[i1:i2] + b[j1:j2]) <= _ARTICLES or (left or right).isdigit():
                continue        # (a number, numbers_agree's to tell: a year read into the title is none of its)
            return False
        if left.rstrip("s") == right.rstrip("s"):
            continue
        if min(len(left), len(right)) < 5 or fuzz.ratio(left, right) < 84:
            return False
    return True


def _another_title(named: str, title: str, fuzz) -> bool:
    """Whether a title an entry names, as alike as it reads, is no title of the paper's (normalised both): neither
    the title misprinted (_words_misprinted) nor either the other's first words ('Counting Carbon' of 'Counting Carbon:
    A Survey ...', and the other way round), as a word changed, put in or left out says ('Carbon free energy in
    Google Cloud regions' of 'Carbon free energy for Google Cloud regions')."""
    return not (_words_misprinted(named, title, fuzz) or f"{title} ".startswith(f"{named} ")
                or f"{named} ".startswith(f"{title} "))


_NAME_PART_RE = lazy(r"[^\s\-‐–—/]+")


def _holds_name(written: str, key: str) -> bool:
    """Whether words of a name as written, one after another, are keyed `key` (name_key): 'Anna Van Der Berg' and
    'van der Berg, Anna' hold vanderberg and derberg, 'Berg, Tom' neither (a name after a comma read before it:
    'Cun, Yann Le' holds lecun)."""
    family, _, given = written.partition(",")
    words = [name_key(w) for w in _NAME_PART_RE.findall(f"{given} {family}"[:200])]
    for i in range(len(words)):
        made = ""
        for w in words[i:]:
            made += w
            if made == key:
                return True
            if not key.startswith(made):
                break
    return False


_NAME_WORD = lazy(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_NOT_NAMES = frozenset({"and", "et", "al", "und", "eds", "ed", "with", "others", "jr", "sr", "ii", "iii", "anon"})


def _strangers(raw: str, year: int | None, authors: str | None, title: str | None = None,
               akey: str | None = None) -> list[str]:
    """The names an entry of names and a year and no title writes between its first author's name and its year
    that are no author's of the paper (`authors`, the index's JSON list) nor a word of its title: 'Green' of 'J.
    Smith and P. Green, 2021.' and a paper by 'Smith, John and Brown, Tom'; never a word before the name ('See
    Dodge et al.'). A given name written whole where the paper gives only its initial ('John' of 'Smith, J.') is
    its; none where the paper's authors are not all known ('others') or not a list."""
    at = raw.find(str(year)) if year else -1
    if at <= 0 or not authors or authors[:1] != "[":
        return []
    try:
        names = json.loads(authors)
    except ValueError:
        return []
    if not names or not all(isinstance(a, str) and a.strip() and a.strip() != "others" for a in names):
        return []
    parts: set[str] = set()
    givens: set[str] = set()
    for a in names:
        text = latex_to_text(a)
        family, _, given = text.partition(",") if "," in text else (text.rsplit(" ", 1)[-1], "", text.rsplit(" ", 1)[0])
        for w in _NAME_WORD.findall(text):
            parts.add(name_key(w))
            parts.update(name_key(x) for x in re.split(r"[-'’]", w))
        if given.strip() != family.strip():
            # (an initial only: 'Sasha' is no given name of 'Luccioni, Alexandra Sasha's co-author 'Strubell')
            givens.update(name_key(w) for w in _NAME_WORD.findall(given) if len(name_key(w)) == 1)
    parts.update(name_key(w) for w in _NAME_WORD.findall(latex_to_text(title or "")))
    words = list(_NAME_WORD.finditer(raw[:at]))
    first = {akey, name_key(last_name(latex_to_text(_first_written(authors))))} - {None, ""}
    opens = next((i for i, m in enumerate(words) if name_key(m.group()) in first), None)
    if opens is None:
        return []
    out = []
    joined = True       # the words going on from the first author's name ('Google Research' of 'Google') are its
    for before, m in zip(words[opens:], words[opens + 1:]):
        w, k = m.group(), name_key(m.group())
        if any(c in raw[before.end():m.start()] for c in ",;&(") or name_key(before.group()) in _NOT_NAMES:
            joined = False
        if joined or len(k) < 2 or not w[:1].isupper() or k in _NOT_NAMES or k in parts or k[:1] in givens:
            continue
        out.append(w)
    return out


# An author-year citation's names before its year, each a family name (its particles and capitalised words:
# 'Van Gysel', 'de Rijke', 'Tachet des Combes', 'Hernández-García'), joined as author-date styles join them, and
# 'et al.' after them or not: 'Van Gysel, de Rijke, and Kanoulas', 'Luccioni & Hernandez-Garcia', 'Dodge et al.'
_CITED_NAME = r"(?:(?:[a-z]{1,4}['’]?\s+){0,2}[A-ZÀ-ÞĀ-Ž][^\W\d_]*(?:[-'’][^\W\d_]+)*(?:\s+(?:[a-z]{1,4}\s+){0,2}" \
              r"[A-ZÀ-ÞĀ-Ž][^\W\d_]*(?:[-'’][^\W\d_]+)*){0,2})"
_CITED_NAMES = lazy(rf"^\(?\s*({_CITED_NAME}(?:\s*(?:,\s*(?:&|and\b)?|&|\band\b)\s*{_CITED_NAME}){{0,5}})"
                    r"(,?\s+et\s+al\.?)?,?\s*\(?$")
_CITED_JOIN = lazy(r"\s*(?:,\s*(?:&|and\b)?|&|\band\b)\s*")


def _name_words(text: str) -> list[str]:
    """A name's words as keys, particles left out ('de Rijke' -> rijke; 'Hernández-García' -> hernandez, garcia),
    unless it is none but particles ('Le' of 'Quoc V. Le' -> le)."""
    words = [(k, x.lower() in _PARTICLES) for w in _NAME_WORD.findall(latex_to_text(text))
             for x in re.split(r"[-'’]", w) if (k := name_key(x))]
    return [k for k, particle in words if not particle] or [k for k, _ in words]


def cited_authors_disagree(raw: str, year: int | None, authors: str | None, title: str | None = None) -> str | None:
    """Why an author-year citation's names ('Van Gysel, de Vries, and Kanoulas 2018', 'Luccioni et al. 2023') name
    another work than the paper of those `authors` (the index's JSON list): a name that is not the paper's author at
    its place in order, more names than the paper has, or 'et al.' for a paper of one or two authors. None where
    they agree or cannot be told: no year or no list, a list cut short ('others'), a citation of more than
    names (initials, given names, the paper's title's words), or one name alone and no 'et al.'. The first name is
    the paper's first author's, as the caller found (a word before it, 'See Dodge et al.', is none of its names)."""
    at = raw.find(str(year)) if year else -1
    if at <= 0 or not authors or authors[:1] != "[":
        return None
    m = _CITED_NAMES.match(raw[:at].strip(" ,;.[("))
    if m is None:
        return None
    parts = _CITED_JOIN.split(m.group(1))
    names, joins = parts, [j.group() for j in _CITED_JOIN.finditer(m.group(1))]
    if not all(names) or len(joins) != len(names) - 1:
        return None
    etal = m.group(2) is not None
    if len(names) < 2 and not etal:
        return None
    try:
        listed = json.loads(authors)
    except ValueError:
        return None
    if not isinstance(listed, list) or not listed or not all(isinstance(a, str) and a.strip() for a in listed):
        return None
    open_ = any(a.strip().lower() == "others" for a in listed)
    listed = [a for a in listed if a.strip().lower() != "others"]
    titled = set(_name_words(title or ""))
    givens: list[set[str]] = []
    for a in listed:
        text = latex_to_text(a)
        family = text.partition(",")[0] if "," in text else text.rsplit(" ", 1)[-1]
        givens.append(set(_name_words(text)) - set(_name_words(family)))
    given = set().union(*givens)
    for i, name in enumerate(names):
        want = _name_words(name)
        if i == 0 and want:
            continue        # (the first author's, as the caller found it: 'Nguyen' of 'Nguyen Van An' too)
        if not want or any(len(w) < 2 for w in want) or set(want) <= titled or set(want) <= given:
            # (an initial, 'Werra, L. (2020)'; a title after the names, 'Doe and Roe, Counting Carbon (2023)'; a
            # given name, 'Dodge, Jesse, Taylor Prewitt, ...': a reference of more than names, not told here)
            return None
        if "," in joins[i - 1] and i - 1 < len(givens) and len(want) == 1 \
                and want[0][0] in {g[0] for g in givens[i - 1]}:
            return None     # (after a comma, the given name of the name before it may be: 'Lee, Kim, ...' of 'Lee, K.')
        if i >= len(listed):
            if open_:
                return None
            return f"it names {len(names)} authors, the paper {len(listed)}"
        text = latex_to_text(listed[i])
        family = text.partition(",")[0] if "," in text else text.rsplit(" ", 1)[-1]
        if want[-1] not in _name_words(family) or not set(want) <= {*_name_words(text), *_name_words(family)}:
            return f"{name!r} is not its author {i + 1} ({text.strip()})"
    if etal and not open_ and len(listed) <= max(len(names), 2):
        return f"'et al.' after {len(names)} name{'s' * (len(names) > 1)}, where the paper has {len(listed)} authors"
    return None


def _author_keys(name: str | None) -> set[str]:
    """The name_key()s of the family names of PaperInfo.author_name (the index's JSON list of names, or one name)."""
    if not name:
        return set()
    names: object = [name]
    if name[:1] == "[":
        try:
            names = json.loads(name)
        except ValueError:
            return set()
    if not isinstance(names, list):
        return set()
    return {k for a in names if isinstance(a, str) and (k := name_key(last_name(latex_to_text(a))))}


def _written_name(raw: str, key: str) -> str | None:
    """The words of an entry's text keyed `key` (name_key), as written: 'Doe' of 'J. Doe. Counting ...', or None."""
    words = list(_NAME_WORD.finditer(raw[:300]))
    for i, m in enumerate(words):
        made = ""
        for w in words[i:i + 4]:
            made += name_key(w.group())
            if made == key:
                return raw[m.start():w.end()]
            if not key.startswith(made):
                break
    return None


def _first_written(name: str | None) -> str:
    """The first author as written, of PaperInfo.author_name (a name, or the index's JSON list of names)."""
    if not name:
        return ""
    if name[:1] == "[":
        try:
            names = json.loads(name)
        except ValueError:
            return ""
        return names[0] if names and isinstance(names[0], str) else ""
    return name


def resolve(entry: RefEntry, papers: list[PaperInfo], citing: str | None = None) -> Resolution | None:
    """Resolve one entry against papers: by arXiv id, then DOI, then title
    (fuzzy, year within one, first author agreeing). `citing` is never linked."""
    return PaperIndex(papers).resolve(entry, citing)
