"""Citation contexts: the sentences of a paper that cite an entry of its own
reference list, found in its page text.

Three marker styles are read, as papers print them (pypdf text, spacing and
line breaks as extracted):

* numbered: ``[48]``, ``[12, 48]``, ``[3–5]``, ``[ 41, 49]``;
* alphanumeric: ``[Str19]``, ``[So19, Str19]``, ``[Str19,Sch20,Hen20]``;
* author–year: ``Strubell et al. (2019)``, ``(Dodge et al., 2022)``,
  ``Strubell et al.'s estimate``, ``Strubell and McCallum (2019)``, and a bare
  ``Strubell et al.`` when one entry of the list only has that first author.

Markers resolve through the paper's own reference list (`Ref`: its index, its
label, its first author's name key, its year); an author mention that could be
two entries resolves to neither (a wrong attribution is worse than a missing
one). The sentence a marker belongs to is the one it sits in, or the one just
before it when the marker stands alone after a full stop ("... five US cars.
[48]."). Markers inside the reference list itself are not citations.

Offsets are character offsets into the stored page string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.text.lazyre import lazy
from kb.text.names import name_key

__all__ = ["Ref", "Context", "find_contexts", "sentence_spans"]


@dataclass(frozen=True)
class Ref:
    """One entry of the citing paper's reference list."""

    idx: int
    label: str | None = None           # '[12]', '[Str19]', or None
    first_author: str | None = None    # name_key form: 'strubell'
    year: int | None = None
    page: int | None = None            # where the entry is printed


@dataclass
class Context:
    """One marker, the reference entry it names, and the sentence around it."""

    page: int          # from 1
    start: int         # the sentence, in the page string
    end: int
    marker_start: int
    marker_end: int
    marker: str        # as printed, whitespace collapsed
    style: str         # numbered | alphanumeric | author-year | author
    idx: int           # the entry of the reference list
    sentence: str      # whitespace collapsed

    def to_dict(self) -> dict:
        return dict(self.__dict__)


_NUMBERED_RE = lazy(r"\[\s*(\d{1,4}(?:\s*[-–—]\s*\d{1,4})?(?:\s*[,;]\s*\d{1,4}(?:\s*[-–—]\s*\d{1,4})?)*)\s*\]")
_KEY = r"[A-Z][A-Za-z+]{0,4}\s?\d{2}[a-z]?"
_ALNUM_RE = lazy(rf"\[\s*({_KEY}(?:\s*[,;]\s*{_KEY})*)\s*\]")
# (a name as pypdf may break it: its capital kerned apart, 'V aswani', or hyphenated at a line's end, 'Rad- ford',
# 'Man-\nning')
_SURNAME = (r"[A-Z](?: (?=[a-z]{3}))?[A-Za-zÀ-ÿ'’\-]+(?:(?<=[a-z]-)\s+[a-zà-ÿ][A-Za-zÀ-ÿ'’\-]*)?"
            r"(?:\s+(?:van|von|de|der|den|da|del|le|la)\s+[A-Z][A-Za-zÀ-ÿ'’\-]+)?")
_AUTHORS = rf"(?P<name>{_SURNAME})(?:\s+(?:and|&)\s+{_SURNAME}|\s+et\s+al\s*\.?)?"
# (years from 1600 on, as a reference list's: 'Darwin (1859)', '(Maxwell, 1865)' name their entries)
# ... a work republished by its first year before its edition's, either of which its entry may give: 'Doe
# (1950/2020)', '(Doe, [1950] 2020)'
_FIRST_YEAR = r"(?:(?P<first>(?:1[6-9]|20)\d\d)\s*/\s*|\[(?P<first_>(?:1[6-9]|20)\d\d)\]\s*)?"
_AUTHOR_YEAR_RE = lazy(rf"{_AUTHORS}\s*\(\s*{_FIRST_YEAR}(?P<year>(?:1[6-9]|20)\d\d)[a-z]?\s*\)")
# (a page or part after the last year: '(Doe, 2020, p. 4)', '(Doe 2020, pp. 4-5)', '(Doe, 2020: 4)')
_PAREN_RE = lazy(r"\(([^()]{4,300}?(?:1[6-9]|20)\d\d[a-z]?)(?:\s*(?:,\s*(?:pp?\.|pages?|ch(?:ap)?\.|sec\.|§|para\.)"
                 r"\s*|:\s*)[\dxivlc][\w\-–]*(?:\s*[,–\-]\s*\w+)?)?\)")
# a body's name of words before the year, as it cites its entry whole: '(Stanford HAI, 2023)', '(International
# Energy Agency, 2022)', '(World Health Organization, 2018)'
_WHOLE_NAME_ITEM_RE = lazy(r"\s*(?:e\.g\.,?\s*|see\s+|cf\.\s*)?(?P<name>[A-Z][\w&'’\-]*(?:\s+(?:[A-Z][\w&'’\-]*|of|for"
                           r"|and|the|on|in|&)){1,8})(?:\s*\[[A-Z]{2,8}\])?\s*,?\s*(?P<year>(?:1[6-9]|20)\d\d)[a-z]?\b")
# a body's name and the acronym APA defines for it at its first citation: '(World Health Organization [WHO], 2018)',
# 'International Energy Agency [IEA] (2022)'
_DEFINED_ACRONYM_RE = lazy(r"([A-Z][\w&'’\-]*(?:\s+(?:[A-Z][\w&'’\-]*|of|for|and|the|on|in|&)){1,8})\s*\[([A-Z]{2,8})\]")
# the words before a narrative marker's name, which with it may be a body's: 'Stanford HAI (2023)'
_WORDS_BEFORE_RE = lazy(r"(?:(?:[A-Z][\w&'’\-]*|of|for|and|the|on|in|&)\s+){1,7}$")
_PAREN_ITEM_RE = lazy(rf"(?:e\.g\.,?\s*|see\s+|cf\.\s*)?{_AUTHORS}\s*,?\s*{_FIRST_YEAR}"
                      rf"(?P<year>(?:1[6-9]|20)\d\d)[a-z]?")
_ET_AL_RE = lazy(rf"(?P<name>{_SURNAME})\s+et\s+al\s*\.?(?P<poss>\s*['’]\s*s\b)?")
_SENTENCE_END_RE = lazy(r"[.?!][\"”’)]?\s+(?=[\[(\"“]?[A-Z0-9])")
_ABBREV = {"al", "e.g", "i.e", "eg", "ie", "fig", "figs", "eq", "eqs", "sec", "tab", "vs", "cf", "no",
           "approx", "resp", "ref", "refs", "vol", "pp", "ch", "dr", "mr", "ms", "st", "inc", "ltd", "etc"}
_STARTER_RE = lazy(r"(?:If|The|This|These|That|Those|We|Our|In|It|Its|However|Thus|Hence|Therefore|"
                   r"Moreover|Furthermore|Although|While|When|As|For|They|Their|Here|There|A|An|To|On)\b")
_LONE_MARKERS_RE = lazy(r"^\s*(?:\[[^\]\n]{1,80}\]\s*[,;]?\s*)+\.?\s*$")
_POSSESSIVE_RE = lazy(r"(?:['’]s|(?<=s)['’])$")
# the other years of one author's works after the first in a citation's brackets: '(Doe, 2020, 2021)'
_MORE_YEARS_RE = lazy(r"\s*,\s*((?:1[6-9]|20)\d\d)[a-z]?")
_STOP_NAMES = {"table", "figure", "section", "appendix", "equation", "the", "in", "our", "we", "this",
               "these", "see", "and", "fig", "for", "as", "by"}


def _expand_numbers(body: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*[,;]\s*", body.strip()):
        m = re.fullmatch(r"(\d{1,4})\s*[-–—]\s*(\d{1,4})", part)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            if a <= b and b - a <= 50:
                out.extend(range(a, b + 1))
        elif part.isdigit():
            out.append(int(part))
    return out


def sentence_spans(page: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a page, skipping abbreviations ('et al.', 'e.g.')."""
    cuts = [0]
    for m in _SENTENCE_END_RE.finditer(page):
        dot = m.start()
        if page[dot] != ".":
            cuts.append(m.end())
            continue
        k = dot
        while k > 0 and page[k - 1] == " ":       # "et al ." as pypdf spaces it
            k -= 1
        j = k
        while j > 0 and (page[j - 1].isalpha() or page[j - 1] == "."):
            j -= 1
        word = page[j:k].lower().strip(".")
        glued = j > 0 and page[j - 1].isalnum()       # "CO2eq." ends a sentence; "eq." alone does not
        initial = len(word) == 1 and page[j:k].isupper() and not glued
        if (word in _ABBREV and not glued or initial or "." in word) and not (   # "J. Smith", "U.S."
                word == "al" and _STARTER_RE.match(page, m.end())):   # "... in Strubell et al. If we"
            continue
        cuts.append(m.end())
    cuts.append(len(page))
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        if b > a:
            spans.append((a, b))
    # A sentence made only of markers ("[48].") belongs to the sentence before it.
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and _LONE_MARKERS_RE.match(page[a:b]):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _collapse(text: str) -> str:
    return " ".join(text.split())


class _Resolver:
    def __init__(self, refs: list[Ref]):
        self.by_number: dict[int, int] = {}
        self.by_key: dict[str, int] = {}
        self.by_author: dict[str, list[Ref]] = {}
        for r in refs:
            label = (r.label or "").strip("[] ").replace(" ", "")
            if label.isdigit():
                self.by_number.setdefault(int(label), r.idx)
            elif label:
                self.by_key.setdefault(label.lower(), r.idx)
            if r.first_author:
                self.by_author.setdefault(r.first_author, []).append(r)
        if not self.by_number and not self.by_key:
            # An unlabelled list numbered by position is still cited by number.
            self.by_number = {r.idx: r.idx for r in refs}
        self.acronyms: dict[str, str] = {}      # an acronym the paper defines -> the key of the body's name

    def define_acronyms(self, pages: list[str]) -> None:
        """The acronyms a paper defines for bodies at their first citation, as APA does ('(World Health Organization
        [WHO], 2018)'), where the list keys the body's whole name and nothing the acronym: '(WHO, 2018)' after it
        names that entry."""
        for page in pages:
            if not page or "[" not in page:
                continue
            for m in _DEFINED_ACRONYM_RE.finditer(page):
                whole, acronym = name_key(m.group(1)), name_key(m.group(2))
                if whole in self.by_author and acronym not in self.by_author:
                    self.acronyms.setdefault(acronym, whole)

    def author(self, name: str, year: int | None) -> int | None:
        if name[-1:] in "s'’":
            name = _POSSESSIVE_RE.sub("", name)         # "Doe's (2020) study", "Jones’ (2019)"
        key = name_key(name)
        if not key or key in _STOP_NAMES:
            return None
        refs = self.by_author.get(key) or self.by_author.get(self.acronyms.get(key, ""), [])
        if year is not None:
            refs = [r for r in refs if r.year == year]
        return refs[0].idx if len(refs) == 1 else None

    def whole(self, name: str, year: int) -> int | None:
        """The entry a name of more words than one names whole, as a body's is keyed: '(Stanford HAI, 2023)'
        names the entry keyed stanfordhai."""
        if " " not in name.strip():
            return None
        refs = [r for r in self.by_author.get(name_key(name), []) if r.year == year]
        return refs[0].idx if len(refs) == 1 else None


def _in_list(page_no: int, page: str, pos: int, ref_pages: dict[int, list[str]]) -> bool:
    """Whether a marker at `pos` opens an entry of the reference list (its label at a line start
    on a page that holds entries)."""
    if page_no not in ref_pages:
        return False
    line_start = page.rfind("\n", 0, pos) + 1
    before = page[line_start:pos]
    if before.strip() == "":
        return True
    # pypdf may run entries together on one line: a label right after an entry's end (". [49] Emma")
    return bool(re.search(r"(?:\.|\d{4}\)?\.?|https?://\S+)\s*$", before)) and \
        bool(re.match(r"\s*[A-ZÀ-Þ][\w\-’']+,?\s", page[pos:pos + 80].split("]", 1)[-1]))


def _republished(res: _Resolver, m: re.Match) -> int | None:
    """The entry an author-year marker names by its year, or a work republished by its edition's year or its first
    ('Doe (1950/2020)': the list may give either)."""
    idx = res.author(m.group("name"), int(m.group("year")))
    first = m.group("first") or m.group("first_")
    if idx is None and first:
        idx = res.author(m.group("name"), int(first))
    return idx


def _body_named(res: _Resolver, page: str, m: re.Match) -> tuple[int, int | None]:
    """Where a narrative marker whose last word names no entry starts, and its entry, where the words before
    that word and it name one whole ('Stanford HAI (2023)': an entry keyed stanfordhai), the longest such name."""
    before = _WORDS_BEFORE_RE.search(page, max(0, m.start() - 120), m.start())
    if not before or m.group("name") != m.group(0).split("(")[0].strip():
        return m.start(), None
    words = list(re.finditer(r"\S+", page[before.start():m.start()]))
    year = int(m.group("year"))
    for k, w in enumerate(words):
        if not w.group()[:1].isupper():
            continue
        idx = res.whole(" ".join([x.group() for x in words[k:]] + [m.group("name")]), year)
        if idx is not None:
            return before.start() + w.start(), idx
    return m.start(), None


def find_contexts(pages: list[str], refs: list[Ref]) -> list[Context]:
    """Every marker of `pages` that names an entry of `refs`, with its sentence."""
    if not refs:
        return []
    res = _Resolver(refs)
    res.define_acronyms(pages)
    ref_pages: dict[int, list[str]] = {}
    for r in refs:
        if r.page:
            ref_pages.setdefault(r.page, []).append(r.label or "")
    first_ref_page = min(ref_pages) if ref_pages else None
    out: list[Context] = []
    for page_no, page in enumerate(pages, start=1):
        if not page:
            continue
        spans = sentence_spans(page)
        found: list[tuple[int, int, str, list[int]]] = []     # (start, end, style, idxs)
        taken: list[tuple[int, int]] = []

        def free(a: int, b: int) -> bool:
            return all(b <= x or a >= y for x, y in taken)

        for m in _NUMBERED_RE.finditer(page):
            if _in_list(page_no, page, m.start(), ref_pages):
                continue
            idxs = [res.by_number[n] for n in _expand_numbers(m.group(1)) if n in res.by_number]
            if idxs:
                found.append((m.start(), m.end(), "numbered", idxs))
                taken.append((m.start(), m.end()))
        for m in _ALNUM_RE.finditer(page):
            if not free(m.start(), m.end()) or _in_list(page_no, page, m.start(), ref_pages):
                continue
            keys = [k.replace(" ", "").lower() for k in re.split(r"\s*[,;]\s*", m.group(1))]
            idxs = [res.by_key[k] for k in keys if k in res.by_key]
            if idxs:
                found.append((m.start(), m.end(), "alphanumeric", idxs))
                taken.append((m.start(), m.end()))
        in_body = first_ref_page is None or page_no < first_ref_page or page_no not in ref_pages
        for m in _AUTHOR_YEAR_RE.finditer(page):
            if not free(m.start(), m.end()):
                continue
            idx = _republished(res, m)
            start = m.start()
            if idx is None:
                # ... a body's name of more words, whole: 'Stanford HAI (2023)'
                start, idx = _body_named(res, page, m)
            if idx is not None:
                found.append((start, m.end(), "author-year", [idx]))
                taken.append((start, m.end()))
        for m in _PAREN_RE.finditer(page):
            if not free(m.start(), m.end()):
                continue
            idxs = []
            for item in re.split(r";", m.group(1)):
                whole = _WHOLE_NAME_ITEM_RE.match(item)
                if whole and (idx := res.whole(whole.group("name"), int(whole.group("year")))) is not None:
                    idxs.append(idx)
                    continue
                im = _PAREN_ITEM_RE.search(item)
                if im:
                    first = _republished(res, im)
                    idxs += [first] if first is not None else []
                    at = im.end()
                    while more := _MORE_YEARS_RE.match(item, at):
                        idx = res.author(im.group("name"), int(more.group(1)))
                        idxs += [idx] if idx is not None else []
                        at = more.end()
            if idxs:
                found.append((m.start(), m.end(), "author-year", idxs))
                taken.append((m.start(), m.end()))
        if in_body or page_no not in ref_pages:
            for m in _ET_AL_RE.finditer(page):
                if not free(m.start(), m.end()):
                    continue
                # "Patterson et al. [34]": the number decides, not the name
                if re.match(r"\s*[\[(]", page[m.end():m.end() + 3]):
                    continue
                idx = res.author(m.group("name"), None)
                if idx is not None:
                    found.append((m.start(), m.end(), "author", [idx]))
                    taken.append((m.start(), m.end()))
        found.sort()
        k = 0
        for a, b, style, idxs in found:
            while k < len(spans) - 1 and spans[k][1] <= a:
                k += 1
            s0, s1 = spans[k] if spans else (0, len(page))
            for idx in dict.fromkeys(idxs):
                out.append(Context(page=page_no, start=s0, end=s1, marker_start=a, marker_end=b,
                                   marker=_collapse(page[a:b]), style=style, idx=idx,
                                   sentence=_collapse(page[s0:s1])))
    return out
