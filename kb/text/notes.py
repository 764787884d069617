"""Reading the quotes and references of a Markdown/MDX note.

A note holds quotes in two forms:

* ``<note-quote quote="..." sourceLink="#anchor" sourceText="[1]"></note-quote>``
  (attributes in any order, over any number of lines, HTML entities decoded;
  the quote may also be the element's content);
* a Markdown blockquote (``> text`` lines) followed by a pandoc citation
  ``[@citekey, p. 9]`` at the end of its last line, on the next line or alone in
  the paragraph after it (an ``<a href="#anchor">[1]</a>`` link there is read the
  same way), or introduced by a sentence citing the work and ending in a colon
  (``As Strubell et al. (2019) put it:``); AsciiDoc's quote blocks (``[quote, Strubell
  et al., "Title", p. 3]`` over ``____``) and reStructuredText's block quotes with an
  ``-- attribution`` are read as such blockquotes (`_quote_blocks_as_markdown`);
* an inline quote in italics, ``*"..."*``, attributed to the first citation
  (anchor link or pandoc) that follows it in the same paragraph, else to an
  author-year citation after it or any citation before it in its sentence;
* a quote in running text, ``"..."``, ``“...”`` or ``„...“``, of four words or
  more, attributed to the first citation after it in its sentence (pandoc,
  link (``<a href="#x">``, ``[Strubell et al., 2019](#x)``), ``[12]``, footnote,
  ``\\cite``, ``(Strubell et al., 2019, p. 3)``,
  ``Strubell et al. (2019)``) or, failing one, the last before it in its
  sentence (``Strubell et al. (2019) found "..."``, ``As \\citet{k} put it,
  "..."``, ``@key wrote "..."``). Phrases in quote marks, code, attribute
  values, reference entries and blockquote lines are not quotes; a passage of
  eight words or more citing nothing kb can read is listed as not checked
  (`Note.unchecked`). A quote is read as the reader sees it: Markdown's
  backslash escapes undone, emphasis (``*not*``, ``**not**``) and inline HTML
  tags (``<sup>1</sup>``, ``CO<sub>2</sub>``) left out, entities decoded;

and references, in any citation style (read by `kb.text.refs.parse_reference`,
the parser of papers' reference lists): elements with an id
(``<span id="anchor">[n] [Title](url) - Authors. Year.</span>``, ``<li id=..>``,
an empty ``<a id=..></a>`` followed by the entry on its line), footnote
definitions (``[^1]: ...``), the entries of a "References" section (numbered
``[12] ...``, ``7. ...``, bullets, paragraphs) and ``[n] ...`` lines anywhere.
A quote names its reference by anchor (``sourceLink="#x"``, ``<a href="#x">``,
``[[12]](#x)``), by label (``sourceText="[12]"``, ``[12]``, ``[^1]``) or by
pandoc key (``[@key]``, looked up in the knowledge base and in the
bibliography files the front matter names: ``bibliography: refs.bib``, or the note
in its own format: Org's ``#+bibliography:``, LaTeX's ``\\addbibresource{}``,
AsciiDoc's ``:bibtex-file:``, Typst's ``#bibliography()``).
The citations of AsciiDoc (``<<key,p. 3>>``, ``cite:[key(3)]``), reStructuredText
(``[key]_``), Sphinx (``:cite:p:`key```), MyST (``{cite}`key```) and Typst
(``#cite(<key>)``, ``@key[p. 3]``) are read as pandoc's, and their bibliography
entries (``* [[[key]]] ...``, ``.. [key] ...``) as footnote definitions
(`citations_as_pandoc`).

Notes are written by hand and sometimes broken. A broken block (an unterminated
tag, a missing quote attribute, an unescaped quote mark) becomes a
``(line, message)`` problem, never an exception. Parsing is a hand-written
scanner using ``str.find`` and bisection, linear in the size of the note
whatever it contains: no regular expression ever runs over unbounded input.
"""

from __future__ import annotations

import bisect
import contextvars
import html
import re
import unicodedata
from dataclasses import dataclass, field, replace

from kb.text.citecontext import sentence_spans
from kb.text.htmlnote import html_note_text, is_html_document
from kb.text.latex import latex_to_text
from kb.text.lazyre import lazy
from kb.text.names import name_key
from kb.text.refs import RefEntry, parse_entry, parse_reference, starts_another_entry
from kb.text.titles import normalise_title, shortens

__all__ = ["NoteQuote", "NoteReference", "Note", "parse_note", "reference_of", "sentence_citations",
           "lists_all_authors",
           "citations_as_pandoc", "rename_in_citations", "alpha_label"]


@dataclass
class NoteQuote:
    quote: str
    source_link: str | None    # "#anchor" of the reference, as written
    source_text: str | None    # "[1]"
    citekey: str | None        # from a pandoc citation
    page: str | None           # locator: "9", "3-4"
    line: int                  # 1-based line where the block starts
    kind: str                  # "note-quote" | "blockquote" | "inline"
    offset: int = 0            # character offset of the block in the note
    version: str | None = None # a note-quote's version="v1": the version it was quoted from
    attribution: str | None = None  # a reference written after the quote: "— Strubell et al. 2019. Energy ..."
    also: list["NoteQuote"] = field(default_factory=list)   # the other works its citation names ("[3, 4]")
    place: str | None = None   # a place its citation gives that is no page ("fig. 3", "§ 2"): no page checked
    #: the title naming its work alone, a highlights export's ('# Title', '- Full Title: ...', a clippings file's
    #: book line): the work is the one paper of that title exactly, never a work titled alike
    title: str | None = None
    #: the names (and year) written with the link to an arXiv or DOI page the quote cites ('Strubell et al.' of
    #: '[Strubell et al.](https://arxiv.org/abs/...)'): kb says the two disagree where they name two works it holds
    named: str | None = field(default=None, compare=False)
    #: a second marker of another kind written at once after the quote's citation, naming its work a second way
    #: ('"..."<sup>1</sup> [@patterson2021]', '"..." [3] (Patterson et al., 2021)'): the quote as that marker cites
    #: it, which kb checks names the same work (never a list of works cited together: '[@a; @b]', '[1][2]')
    beside: "NoteQuote | None" = field(default=None, compare=False, repr=False)
    #: the works its citation sets beside the ones it cites by a comparison signal after them ('(Doe, 2019; see also
    #: Roe, 2020)', '[@a; cf. @b]', '[1; see also 4]'), and the signal: never asked as the quote's source, named to say
    #: so (and where one of them holds the quote, that the note attributes it to another work)
    set_beside: list["NoteQuote"] = field(default_factory=list, compare=False, repr=False)
    signal: str | None = field(default=None, compare=False, repr=False)


@dataclass
class NoteReference:
    anchor: str | None         # id of the element holding it; None for list entries
    number: str | None         # its label: "12", "^1" (a footnote), "Str19"
    title: str
    url: str | None
    arxiv_id: str | None
    doi: str | None
    authors: str
    year: int | None
    line: int
    text: str = ""             # the plain text it was read from
    titles: list[str] = field(default_factory=list)   # candidate titles (links, quotes, italics)
    entry: RefEntry | None = None                      # as kb.text.refs reads it
    span: int = field(default=1, repr=False, compare=False)   # how many lines of the note it takes
    works: int = field(default=1, repr=False, compare=False)  # the works a footnote cites, each its own


@dataclass
class Note:
    quotes: list[NoteQuote] = field(default_factory=list)
    references: list[NoteReference] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    #: (line, text) of quoted passages that cite nothing kb can read: not checked
    unchecked: list[tuple[int, str]] = field(default_factory=list)
    #: why a quoted passage of `unchecked` is not checked, where the note says why, by its text
    unchecked_why: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    #: the phrases the sentence of a quoted passage of `unchecked` names a work by before it, its title alone
    #: (`titles_named`: 'The *Counting Carbon* survey notes that "..."'), by (line, text)
    unchecked_titles: dict[tuple[int, str], list[str]] = field(default_factory=dict, repr=False, compare=False)
    path: str = "<note>"
    bibliography: list[str] = field(default_factory=list)   # front matter's bibliography files
    bibliography_line: int = 0
    #: the note's lists of works are read (what a note that lists none cites is told only then)
    references_read: bool = field(default=False, repr=False, compare=False)
    #: notes read as references that may quote a passage where a short form has its title (`_passage_line`), each
    #: with the range its element blocks: decided once the note's list is read (`_passages_decided`)
    _passages: list = field(default_factory=list, repr=False, compare=False)
    _lookup: _Refs | None = field(default=None, repr=False, compare=False)
    #: the most entries read as references (each parsed, 0.2 to 0.8 ms apiece) and the most numbered lines tried as
    #: one (`parse_note`'s `most_references`); how many of each were read so far
    _most: int | None = field(default=None, repr=False, compare=False)
    _read: list[int] = field(default_factory=lambda: [0, 0], repr=False, compare=False)

    def _count(self, which: int = 0) -> None:
        """One more entry read as a reference (`which` 0) or numbered line tried as one (1), counted before it is
        parsed: past the most, `TooManyReferences` (the rest not read)."""
        self._read[which] += 1
        if self._most is not None and self._read[which] > self._most:
            raise TooManyReferences(self._most, which)

    def reference_for(self, quote: NoteQuote) -> NoteReference | None:
        """The reference a quote points at: by anchor (an element's id), by its
        label ("[12]", "[^1]"), by the number at the end of an anchor that no
        element holds ("#ref-12", "#fn1"), or by an anchor named after its
        pandoc key ("#ref-strubell2019")."""
        refs = self._refs()
        anchor = (quote.source_link or "").strip().lstrip("#")
        if anchor and anchor in refs.anchor:
            return refs.anchor[anchor]
        label = (quote.source_text or "").strip()
        if label.startswith("[") and label.endswith("]"):
            label = label[1:-1].split(",")[0].split(";")[0].strip()
            ref = refs.number.get(label) if label else None
            if ref is not None:
                # (a footnote's short form, or an endnote's: "2. Doe, "Short Title," 5.")
                short = label.startswith("^") or ref.entry is not None and ref.entry.year is None \
                    and _is_short_form(ref)
                return self._full_form(ref) if short else ref
        if anchor:
            digits = anchor[len(anchor.rstrip("0123456789")):]
            if digits:
                want = {digits.lstrip("0") or "0", "^" + digits}
                if sum(refs.count.get(w, 0) for w in want) == 1:
                    return next(refs.number[w] for w in want if w in refs.number)
        if quote.citekey:
            at = [refs.anchor_at[a] for a in (quote.citekey, f"ref-{quote.citekey}") if a in refs.anchor_at]
            if at:
                return self.references[min(at)]
            if "^" + quote.citekey in refs.number:    # reStructuredText's and AsciiDoc's entries: "[^key]: ..."
                return refs.number["^" + quote.citekey]
        if quote.attribution and self.references:
            hits = self.references_by_author(quote.attribution)
            if len(hits) == 1:
                return hits[0]
        return None

    def _refs(self) -> _Refs:
        """The note's references by number and anchor, in dicts made once for all its quotes (made again
        when its list of references is another, or changed): a quote's reference is a lookup, not a scan."""
        refs = self._lookup
        if refs is None or refs.size != _shape(self.references):
            refs = self._lookup = _Refs(self.references)
        return refs

    def _full_form(self, ref: NoteReference) -> NoteReference:
        """The note's full reference a short-form footnote shortens (Chicago's 'Lo et al.,
        "S2ORC," 9.' after the full note or in a bibliography: the one reference of that first
        author whose title the short title shortens, `shortens`, and gives a year), else ``ref``."""
        entry = ref.entry
        short = None
        if entry is not None and entry.year is None:
            if _OP_CIT.match(entry.raw) or _NAMES_AND_PAGE.fullmatch(entry.raw.strip()):
                # 'Doe, op. cit., 5.', 'Doe, Roe, and Poe, 5.': the work of that author the note cited
                # last before it, else the one work of that author it lists
                akey = name_key(entry.first_author)
                works = [r for r in self.references if r.entry is not None and r.entry.year is not None
                         and akey and name_key(r.entry.first_author) == akey]
                # 'Doe and Roe, op. cit., 8.' names Roe too: never the work of Doe the note cited last with Poe
                # ("Doe, Poe, and Moe, *Other Work*, 3."), the one of Doe that names Roe
                others = _cited_names(_OP_CIT_NAMES.sub("", entry.raw.strip()))[1:]
                works = [r for r in works if all(_names_in(n, r.text) for n in others)]
                before = [r for r in works if r.line < ref.line]
                if before:
                    return before[-1]
                return works[0] if len({id(r.entry) for r in works}) == 1 else ref
            short = _SHORT_TITLE.search(entry.raw) or _SHORT_FORM.fullmatch(entry.raw.strip())
        words = normalise_title(next(g for g in short.groups() if g)) if short else ""
        if not words:
            return ref
        akey = name_key(entry.first_author)
        full = {normalise_title(r.entry.title): r for r in self.references
                if r.entry is not None and r.entry.year is not None and r.entry.title and akey
                and name_key(r.entry.first_author) == akey
                and shortens(words, normalise_title(r.entry.title))}
        return next(iter(full.values())) if len(full) == 1 else ref

    def references_by_author(self, attribution: str) -> list[NoteReference]:
        """The note's references an author-year citation ("Futoma et al. 2017.",
        "Doe. 2019b.") names: same first author and year, and the same letter
        after the year when the citation has one. A whole reference written as
        the attribution names no entry here."""
        if len(attribution) > 80:
            return []
        cited = parse_entry(attribution)
        names = _cited_names(attribution)
        hits: list[NoteReference] = []
        # "Lo & Wang" is read as one name by the reference reader: its first name then, whole ("Le Cun et al.")
        by_author = self._refs().by_author() if self.references else {}
        whole = particled_family_key(attribution)
        # (a name opening with its particles by that name whole, never a reading's part of it: "Van Der Berg. 2019."
        # names no 'Berg, T.')
        for akey in (whole,) if whole else dict.fromkeys((name_key(cited.first_author),
                                                           name_key(cited_family(attribution)))):
            # no year (MLA: "Futoma et al."): the first author alone
            hits = hits or [r for r in by_author.get(akey, ()) if akey and cited.year in (None, r.entry.year)]
        short = _SHORT_TITLE.search(attribution) if hits else None
        if short:
            # MLA's "Doe et al. “Short Title”.": the work of that author whose title it shortens
            words = normalise_title(next(g for g in short.groups() if g))
            hits = [r for r in hits if r.entry is not None and r.entry.title and words
                    and shortens(words, normalise_title(r.entry.title))]
        if len(names) > 1:
            # "Doe, Roe, and Poe" names every author: never an entry that lacks one of the others, nor names
            # them in another order ("Doe and Smith"; "Van Gysel, de Vries, and Kanoulas" of 'Van Gysel,
            # Christophe, Maarten de Rijke, and Evangelos Kanoulas'), their case, accents and particles aside
            hits = [r for r in hits if _names_in_order(names[1:], r.text, cited.year, r.entry.title if r.entry else None)]
        letter = _YEAR_LETTER.search(attribution)
        if letter and len(hits) > 1:
            mark = re.compile(rf"\b{cited.year}{letter.group(1)}\b")
            hits = [r for r in hits if mark.search(r.text)]
        if len(hits) > 1 and len(names) > 1:
            # "Lo and Wang 2020" names every author: the entry of those two, not the entry of
            # Lo, Wang, Neumann, Kinney and Weld 2020 (cited "Lo et al." or by all five names)
            hits = [r for r in hits if _all_its_authors(r.text, names, cited.year, r.entry.title)] or hits
        return hits


# Between the names of an author-year citation: "Lo, Wang, & Weld", "Lo and Wang", "Lo und Wang".
_NAME_JOINS = lazy(r"\s*(?:,\s*(?:&|and\b|und\b)?|&|\band\b|\bund\b)\s*")
_MORE_NAMES = lazy(r"\b[A-Z][^\W\d_]*[a-z]|\bet\s+al\b")


def cited_names(attribution: str) -> list[str]:
    """The family names an author-year citation as notes read it names, every one ("Lo and Wang. 2020."
    -> Lo, Wang; "Doe, Roe and Poe. 2019." -> Doe, Roe, Poe); none when "et al." stands for some."""
    return _cited_names(attribution)


def _cited_names(attribution: str) -> list[str]:
    """The family names an author-year citation lists before its year, in order ("Lo & Wang.
    2020." -> Lo, Wang); none when it lists only some ("Lo et al.")."""
    # (or MLA's short title, or no date: "Doe and Roe. (n.d.).", "(forthcoming)")
    # (a year with its letter too: "Lo and Wang. 2020b." -> Lo, Wang, never 'Wang. 2020b')
    year = _YEAR_LETTERED.search(attribution) or re.search(r"[\"“*_]|\(?\b(?:n\.\s?d\.|in\s+press|forthcoming)", attribution)
    head = attribution[:year.start() if year else len(attribution)].strip(" .,;(")
    if not head or re.search(r"\bet\s+al\b", head):
        return []
    return [n for n in _NAME_JOINS.split(head) if n]


def lists_all_authors(entry: str, names: list[str], year: int | str | None) -> bool:
    """Whether a reference entry lists the authors `names` (family names) in that order and no more before its
    year: 'Luccioni, A. S., & Hernandez-Garcia, A. (2023).' does for Luccioni, Hernandez-Garcia, not for
    Luccioni, Viguier, Ligozat."""
    return bool(names) and _all_its_authors(entry, names, year)


def _all_its_authors(entry: str, names: list[str], year: int | str | None, title: str | None = None) -> bool:
    """The reference ``entry`` lists the authors ``names`` in that order and no more before
    its year or its title, whichever comes first: "Lo, K., & Wang, L. L. (2020)." does for Lo,
    Wang, and so does MLA's 'Lo, Kyle, and Lucy Lu Wang. "S2ORC: ..." 2020.'; "Lo, K., Wang, L. L.,
    Neumann, M. ... (2020)." does not (a given name or initials after the last are its own)."""
    at = entry.find(str(year)) if year else -1
    titled = entry.lower().find(title.lower()[:40]) if title else -1
    at = min(x for x in (at, titled) if x > 0) if at > 0 or titled > 0 else -1
    head = entry[:at] if at > 0 else entry
    pos = 0
    for name in names:
        m = re.search(rf"(?<![^\W\d_]){re.escape(name)}(?![^\W\d_])", head[pos:])
        if m is None:
            return False
        pos += m.end()
    rest = head[pos:]
    given = re.match(r"[\s,.]*(?:[A-Z][^\W\d_]*[\s.,-]*){0,3}(?=[\s,.(]*$)", rest)
    return given is not None or _MORE_NAMES.search(rest) is None


_WS_RUN = lazy(r"\s*")
_SUPERSCRIPT_NUMBERS = lazy(r"(\d{1,3})(?:\s*[,–\-]\s*\d{1,3})*")
_UNICODE_SUPERSCRIPT = lazy(r"([¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2})(?:\s*[,⁻–\-]\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})*$")
#: (the digit first and the one before it looked at after it: a scan skips to a superscript digit, where a look
#: behind first was tried at every character, a sixth of a second in a note of 10 MB)
_SUPERSCRIPT_DIGITS = "¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_AT = lazy(r"[¹²³⁴⁵⁶⁷⁸⁹](?<![⁰¹²³⁴⁵⁶⁷⁸⁹].)")
_UNICODE_RUN = lazy(r"[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2}(?:\s*[,⁻–\-]\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})*")
# Pandoc's superscript syntax around a note number or numbers ("^1^", "^1,2^", "^1-3^"); its
# inline note "^[...]" is no number.
_CARET_SUPERSCRIPT = lazy(r"\^((\d{1,3})(?:[ \t]*[,–\-][ \t]*\d{1,3})*)\^$")
# ... around a numbered citation in square brackets: "^[2]^", "^[2, p. 5]^" (never an inline note, "^[2]")
_CARET_BRACKETED = lazy(r"\^(\[\d{1,3}[^\[\]^\n]{0,40}\])\^$")
# a numbered citation's page in round brackets inside its square ones: "[2 (p5)]", "[2 (p. 5)]", "[2, (pp. 5-6)]"
_NUMBER_PAREN_PAGE = lazy(r"\s*(\d{1,3})\s*,?\s*\(\s*(?:pp?\.?|pages?)\s*(\d{1,5}(?:\s*[-–]\s*\d{1,5})?)\s*\)\s*")
# a superscript note number and its page, as AMA sets them: "3(p5)", "3(pp5-7)", "3(p. 5)", or "3, p. 5"
_SUPERSCRIPT_PAGE = lazy(r"(\d{1,3})\s*(?:\(\s*pp?\.?\s*(\d{1,5}(?:\s*[-–]\s*\d{1,5})?)\s*\)"
                         r"|,\s*pp?\.\s*(?=\d)(\d{1,5}(?:\s*[-–]\s*\d{1,5})?))")
#: what, after a quote ending its sentence, is its citation, not the next one's (a superscript after a space too: '"..." ²')
_CITES_AFTER_STOP = ("[", "(", "<", "\\", "http", "arXiv:", "arxiv:", "doi:", "^", "—", "–", "―", "--", *"¹²³⁴⁵⁶⁷⁸⁹")
_FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_EXTERNAL = lazy(r"(?i)(?:https?://|www\.|doi:)\S+$")
# A short form's title: in quote marks, a comma or stop inside them or not ('"S2ORC,"'), or in italics
_SHORT_TITLE = lazy(r"[\"“]([^\"“”\n]{1,200}?)[,.]?[\"”]|(?<![*\w])[*_]([^*_\n]{1,200})[*_](?![*\w])")
# A short form whose title's italics the reading left out: "Lo et al., S2ORC, 12."
_SHORT_FORM = lazy(r"[^,\n]{2,80},\s*([^,\n]{2,200}?),\s*(?:pp?\.\s*)?[\dIVXLCivxlc]+(?:\s*[-–]\s*\d+)?\.?")
# the Latin of older footnotes for the work of that author cited before: 'Doe, op. cit., 5.', 'Doe, loc. cit.'
# ... its title of one word in quote marks, their comma inside them: 'Dodge, "Measuring," 8.', "Dodge, 'Measuring', 8."
_QUOTED_SHORT_FORM = lazy(r"[^,\n\"“‘]{2,80},\s*[\"“‘]([^\s,\"“”‘’]{2,80})[,.]?[\"”’],?\s*(?:pp?\.\s*)?\d{1,5}"
                          r"(?:\s*[-–]\s*\d{1,5})?\.?")
_OP_CIT = lazy(r"[^\n]{2,160}?,\s*(?:op|loc)\.\s?cit\.", re.I)
# ... what follows its names: ', op. cit., 8.', ', 5.'
_OP_CIT_NAMES = lazy(r",\s*(?:(?:op|loc)\.\s?cit\.[^\n]*|(?:pp?\.\s*)?\d{1,5}(?:\s*[-–]\s*\d{1,5})?\.?)$", re.I)


def _names_in_order(names: list[str], entry: str, year: int | str | None, title: str | None) -> bool:
    """Whether a reference entry names each of the family names `names` in that order among its authors, before
    its year or its title, whichever comes first, their case, accents and particles aside ('De Rijke' and
    'Kanoulas' in 'Van Gysel, Christophe, Maarten de Rijke, and Evangelos Kanoulas.'; 'de Vries' is not there)."""
    def fold(t: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c)).casefold()
    at = entry.find(str(year)) if year else -1
    titled = fold(entry).find(fold(title)[:40]) if title else -1
    at = min(x for x in (at, titled) if x > 0) if at > 0 or titled > 0 else -1
    head = fold(entry[:at] if at > 0 else entry)
    pos = 0
    for name in names:
        written = [w for w in re.split(r"[\s\-'’]+", fold(name)) if w]
        words = [w for w in written if w not in _NAME_PARTICLES] or written     # ('Le' of 'Quoc V. Le': le)
        if not words:
            return True
        m = re.search(r"(?<![^\W\d_])" + r"[\s\-'’]+".join(map(re.escape, words)) + r"(?![^\W\d_])", head[pos:])
        if m is None:
            return False
        pos += m.end()
    return True


_NAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "des", "da", "dal", "del", "della", "di", "du", "dos",
                             "das", "la", "le", "ten", "ter", "zu", "y"})


def _names_in(name: str, text: str) -> bool:
    """Whether a reference's text names the family name `name` as a whole word, accents aside ('Hernandez-Garcia'
    in 'Hernández-García, A.', 'Hernández García' in 'Hernandez Garcia, Alex')."""
    def fold(t: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    return re.search(rf"(?<![^\W\d_]){re.escape(fold(name))}(?![^\W\d_])", fold(text)) is not None
_YEAR_LETTER = lazy(r"\b(?:1[89]|20)\d\d([a-z])\b")

#: Problems reported per note; a hostile note could otherwise yield millions.
MAX_PROBLEMS = 100
_TAG = "<note-quote"
_CLOSE = "</note-quote"
# Anchored at one position with an explicit end: these run in C, linear time.
_SPACE = lazy(r"\s*")
_NAME = lazy(r"[A-Za-z_:][\w:.\-]*")
_BARE_VALUE = lazy(r"[^\s>/]*")
_YEAR = lazy(r"\b(1[89]\d\d|20\d\d)\b")
_YEAR_LETTERED = lazy(r"\b(?:1[89]|20)\d\d[a-z]?\b")
# (or a PDF link's "#page=3"; German's "S. 3")
#: "f." / "ff." after a page: that page and the next one / ones ("S. 3f.", "pp. 3 ff."), kept with it ("3f", "3ff")
_FOLLOWING = r"(?:[ \t]?ff?(?!\w))?"
# (a range's double hyphen as LaTeX and pandoc's Markdown type an en dash: "pp. 3--4")
_LOCATOR = lazy(r"(?:\b(?:pp?|pages?|pg)(?![A-Za-z])\.?|(?<![\w.])S\.)\s*=?\s*"
                r"([0-9A-Za-z]+(?:\s*(?:--|[-–])\s*[0-9A-Za-z]+)?" + _FOLLOWING + ")")
# a page locator in free text: "p. 13", "pp. 3-4", "page 9" (never the p of "policy")
_PAGE_IN_TEXT = lazy(r"(?<![\w.])(?:pp?\.|[Pp]ages?\b|pg\.)\s*(\d{1,6}(?:\s*(?:--|[-–])\s*\d{1,6})?" + _FOLLOWING
                     + r")(?!\w)")
# a numbered citation and its place in the work: a page ("[3, p. 5]", "[3: 5]", "[3 p.5]", "[3, S. 5]", "[3, at 5]"),
# or a place that is no page number, which kb does not check, as IEEE writes them ("[3, Sec. 4]", "[3, Fig. 2]",
# "[3, Table 1]", "[3, Ch. 2]", "[3, Th. 1]", "[3, eq. (2)]", "[3, para. 12]"); both, the place's page after it
# or the page's place after it ("[3, Sec. 2, p. 5]", "[3, p. 5, Fig. 2]")
_NUMBER_PLACE = (r"(?i:secs?|sections?|§{1,2}|ch(?:ap)?s?|chapters?|figs?|figures?|tabs?|tables?|eqs?|equations?"
                 r"|ths?|thms?|theorems?|lem|lemmas?|defs?|definitions?|app|appendix|appendices|paras?|paragraphs?"
                 r"|¶{1,2}|ll?|lines?|nn?|notes?|cols?|algs?|algorithms?|props?|propositions?|cors?|corollary"
                 r"|corollaries)(?![^\W\d_])\.?\s*\(?\w[\w.\-–]{0,11}\)?")      # (never 'that', 'now', 'later')
# (a page's "p" with no stop, "[3, p4]", "[3 pp4-5]", "[3 p 4]", as the page's, never a page "p4" kb cannot check)
_NUMBER_CITE = lazy(r"^\s*(\d{1,4})\s*(?:(?:[,;:]\s*|\s(?=(?:pp?|pg)(?:\.|\s?\d)))(?:"
                    # (several pages: "[3, pp. 4, 6]", "[3, pp. 4 and 9]")
                    r"pp\.\s*(?P<pages>\d{1,5}(?:\s*(?:--|[-–])\s*\d{1,5})?(?:\s*(?:,|&|,?\s*and)\s*\d{1,5}"
                    r"(?:\s*(?:--|[-–])\s*\d{1,5})?){1,8})|(?:pp?\.|pp?(?=\s?\d)|pages?|pg\.?|S\.|at\s)?\s*"
                    r"(?P<page>[0-9A-Za-z]+(?:\s*(?:--|[-–])\s*[0-9A-Za-z]+)?" + _FOLLOWING + r")(?:(?<=f)\.)?"
                    r"(?:\s*,\s*" + _NUMBER_PLACE + r")?"
                    r"|(?P<place>" + _NUMBER_PLACE + r")(?:\s*,\s*(?:pp?\.|pages?|pg\.?|S\.)\s*"
                    r"(?P<place_page>\d{1,6}(?:\s*(?:--|[-–])\s*\d{1,6})?" + _FOLLOWING + r")(?:(?<=f)\.)?)?)\s*)?$")
# Characters nobody sees that a key pasted from a web page or a PDF may hold inside it (a soft
# hyphen, zero-width ones, bidi controls, a BOM): part of the key as written, which kb then names
# ("the key given holds U+200B"), where the key stopped there ("no paper 'smi'" for [@smi\u200bth2020])
_HIDDEN = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff"
# a key's punctuation is internal ("@doe:2020"): "[@doe2020: 3]" cites doe2020
_CITEKEY = lazy(r"@\{?([A-Za-z0-9_](?:[\w:.#$%&+?<>~/" + _HIDDEN + r"-]*\w)?)")
# a key written without pandoc's '@' (a wiki link's target, "[doe2020energy]"): one word holding a year
_BARE_KEY = r"[A-Za-z][\w:-]*?(?:1[89]|20)\d\d[\w:-]*"
# a wiki link's target that is a citekey: "@" and a key, or a key of one word holding a year
_WIKI_KEY = lazy(r"@([A-Za-z0-9_][\w:.$%&+?<>~/-]*)|(" + _BARE_KEY + ")")
# LaTeX's \cite{key}, natbib's \citep[p.~5]{key}, biblatex's \autocite[see][9]{key}, at the end of a line
_LATEX_CITE = lazy(r"\\(?:[a-zA-Z]*[cC]ite[a-zA-Z]*)\*?((?:\[[^\[\]{}]*\]){0,2})\{([^{}\s,]+)(?:,[^{}]*)?\}$")
# biblatex's multicite commands: the command (and its notes for all, in parentheses), then each work's
# notes and keys: "\\cites[5]{a}[3]{b}", "\\Textcites(see)(){a}{b}"
_LATEX_MULTICITE = lazy(r"(\\[a-zA-Z]*[cC]ites\*?(?:\([^(){}]*\)){0,2})(?:(?:\[[^\[\]{}]*\]){0,2}\{[^{}]+\}){1,12}")
_LATEX_CITE_GROUP = lazy(r"((?:\[[^\[\]{}]*\]){0,2})\{([^{}]+)\}")


_LONE_CR = lazy(r"\r(?!\n)")
_LINE_END = lazy(r"\r\n?|\n")


def lf_lines(text: str) -> str:
    """A note with each line ending in \r alone (classic Mac OS, or a line of one pasted into
    a note of \n or \r\n) ending in \n instead: read as lines, as an editor shows them (a note
    saved so was one line, every quote of it on line 1). Character for character: every
    offset into it is the note's."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def with_lines_as_read(edited: str, read: str) -> str:
    """`edited`, a change of `lf_lines(read)` that added or took away no line end, with each
    line end written back as `read` had it (\r alone where it was)."""
    if "\r" not in read or not _LONE_CR.search(read):
        return edited
    lone = iter([m.group() == "\r" for m in _LINE_END.finditer(read)])
    return re.sub("\n", lambda m: "\r" if next(lone, False) else "\n", edited)


class _Lines:
    """Line numbers by bisection over newline offsets, computed once."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


class _Chars:
    """A text's characters to change in place, copied into a list at the first change only: a note of 10 MB that
    holds nothing to change is not made a list of ten million strings and joined again."""

    __slots__ = ("text", "chars")

    def __init__(self, text: str) -> None:
        self.text = text
        self.chars: list[str] | None = None

    def __getitem__(self, k):
        return (self.text if self.chars is None else self.chars)[k]

    def __setitem__(self, k, value) -> None:
        if self.chars is None:
            self.chars = list(self.text)
        self.chars[k] = value

    def joined(self) -> str:
        return self.text if self.chars is None else "".join(self.chars)


def _has(text: str, needle: str) -> bool:
    """`needle in text`, its first character looked for first, as `_all` does."""
    if len(needle) < 2:
        return needle in text
    first, misses = needle[0], 0
    pos = text.find(first)
    while pos >= 0:
        if text.startswith(needle, pos):
            return True
        misses += 1
        if misses > 64:
            return text.find(needle, pos + 1) >= 0
        pos = text.find(first, pos + 1)
    return False


def _all(text: str, needle: str) -> list[int]:
    """Where `needle` starts in `text`, overlapping ones too ('\n\n' twice in '\n\n\n')."""
    out = []
    if len(needle) > 1:
        # Its first character looked for (a scan of one character skips ahead fast, one of several looks at each
        # window: 10 to 40 ms in 10 MB, and a note is scanned for some forty of them), each place it is at tried,
        # as long as it seldom is the needle's start; past 64 places that were not, the needle itself is scanned for.
        first, misses = needle[0], 0
        pos = text.find(first)
        while pos >= 0:
            if text.startswith(needle, pos):
                out.append(pos)
            else:
                misses += 1
                if misses > 64:
                    pos = text.find(needle, pos + 1)
                    break
            pos = text.find(first, pos + 1)
        else:
            return out
    else:
        pos = text.find(needle)
    while pos >= 0:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


def _fenced_ranges(text: str, lines: _Lines) -> list[tuple[int, int]]:
    """Offsets covered by fenced code blocks (``` or ~~~), where nothing is parsed."""
    ranges = []
    open_at: int | None = None
    fence = ""
    for start in lines.starts:
        end = text.find("\n", start)
        line = text[start:end if end >= 0 else len(text)].lstrip(" ")
        if open_at is None:
            if line.startswith("```") or line.startswith("~~~"):
                open_at, fence = start, line[:3]
        elif line.startswith(fence):
            ranges.append((open_at, end if end >= 0 else len(text)))
            open_at = None
    if open_at is not None:
        ranges.append((open_at, len(text)))
    return ranges


def _in_ranges(ranges: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(ranges, (pos, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


class _TagError(Exception):
    def __init__(self, offset: int, message: str) -> None:
        self.offset = offset
        self.message = message


def _parse_attributes(text: str, pos: int, limit: int) -> tuple[dict[str, str], int, bool]:
    """Attributes from ``pos`` up to the tag's ``>`` (before ``limit``).

    Returns (attributes, offset after '>', self-closing). Values may be quoted
    with " or ', or written as an MDX expression {"..."}.
    """
    attrs: dict[str, str] = {}
    n = limit
    while True:
        pos = _SPACE.match(text, pos, n).end()
        if pos >= n:
            raise _TagError(pos, "unterminated tag: no '>' closes it")
        ch = text[pos]
        if ch == ">":
            return attrs, pos + 1, False
        if text.startswith("/>", pos):
            return attrs, pos + 2, True
        start = pos
        m = _NAME.match(text, pos, n)
        if m is None:
            raise _TagError(pos, f"unexpected character {ch!r} in tag")
        name = m.group()
        pos = _SPACE.match(text, m.end(), n).end()
        if pos >= n or text[pos] != "=":
            attrs[name] = ""
            continue
        pos = _SPACE.match(text, pos + 1, n).end()
        if pos >= n:
            raise _TagError(pos, f"attribute {name} has no value")
        q = text[pos]
        if q == "{":
            inner = _SPACE.match(text, pos + 1, n).end()
            if inner < n and text[inner] in "\"'`":
                end = text.find(text[inner], inner + 1, n)
                close = _SPACE.match(text, end + 1, n).end() if end >= 0 else n
                if end < 0 or close >= n or text[close] != "}":
                    raise _TagError(start, f"unbalanced quotes in attribute {name}")
                value = text[inner + 1:end]
                pos = close + 1
            else:
                raise _TagError(start, f"attribute {name}: only string values are read")
        elif q in "\"'":
            end = text.find(q, pos + 1, n)
            if end < 0:
                raise _TagError(start, f"unbalanced quotes in attribute {name}: "
                                       f"no closing {q} before the next block")
            value = text[pos + 1:end]
            pos = end + 1
        else:
            end = _BARE_VALUE.match(text, pos, n).end()
            value = text[pos:end]
            pos = end
        if pos < n and not (text[pos].isspace() or text[pos] in ">/"):
            raise _TagError(start, f"unbalanced quotes in attribute {name} "
                                   "(an unescaped quote mark inside the value? write &quot;)")
        attrs[name] = html.unescape(value)


def _attr(attrs: dict[str, str], *names: str) -> str | None:
    lowered = {k.lower(): v for k, v in attrs.items()}
    for name in names:
        if name.lower() in lowered:
            return lowered[name.lower()]
    return None


def _parse_note_quotes(text: str, lines: _Lines, fenced: list[tuple[int, int]],
                       note: Note, blocks: list[tuple[int, int]]) -> None:
    opens = [p for p in _all(text, _TAG) if not _in_ranges(fenced, p)]
    closes = _all(text, _CLOSE)
    for k, start in enumerate(opens):
        after = start + len(_TAG)
        if after < len(text) and not (text[after].isspace() or text[after] in ">/"):
            continue  # <note-quotes> or another element
        next_open = opens[k + 1] if k + 1 < len(opens) else len(text)
        line = lines.line(start)
        try:
            attrs, body, self_closing = _parse_attributes(text, after, next_open)
        except _TagError as e:
            note.problems.append((line, f"<note-quote> at line {line}: {e.message}"))
            continue
        content = ""
        if not self_closing:
            ci = bisect.bisect_left(closes, body)
            if ci >= len(closes) or closes[ci] >= next_open:
                note.problems.append((line, f"<note-quote> at line {line} is never closed "
                                            "(no </note-quote> before the next block)"))
                continue
            content = text[body:closes[ci]].strip()
            blocks.append((start, closes[ci]))
        else:
            blocks.append((start, body))
        quote = _attr(attrs, "quote")
        if quote is None and content:
            quote = html.unescape(content)
        if quote is None or not quote.strip():
            note.problems.append((line, f"<note-quote> at line {line} has no quote attribute"
                                  if quote is None else
                                  f"<note-quote> at line {line} has an empty quote"))
            continue
        source_text = _attr(attrs, "sourceText", "source-text")
        page = _attr(attrs, "page", "locator")
        if not page and source_text:
            page = _locator_in(source_text)      # sourceText="[1, p. 13]"
        note.quotes.append(NoteQuote(
            quote=quote.strip(),
            source_link=_attr(attrs, "sourceLink", "source-link", "href"),
            source_text=source_text,
            citekey=(_attr(attrs, "citekey", "key") or None),
            page=page,
            line=line,
            kind="note-quote",
            offset=start,
            version=_attr(attrs, "version") or None,
        ))


#: An alphabetic style's label ("Knu84", "GJ79", "AGB+18", "Vas+17", "vdAal04", "Amm18a"):
#: letters (the first of a family name a capital), an optional '+', two digits of the year.
_ALPHA_LABEL = r"[a-z]{0,3}[A-Z][A-Za-z]{0,3}\+?\d{2}[a-z]?"
# "[Amm18]", "[AGB+18, p. 3]", "[GJ79; Knu84]": each label, a locator after the last
_ALPHA_CITE = lazy(r"\s*(" + _ALPHA_LABEL + r")((?:\s*[,;]\s*" + _ALPHA_LABEL + r")*)"
                   r"(?:\s*,?\s*((?:pp?\.|pages?|pg\.?|S\.)\s*[0-9A-Za-z]+(?:\s*[-–]\s*[0-9A-Za-z]+)?))?\s*")
_ALPHA_AT = lazy(r"\[\s*" + _ALPHA_LABEL + r"\s*[\],;]")
_ALPHA_SOURCE = lazy(r"\[\s*(" + _ALPHA_LABEL + r")\s*\]")


def alpha_label(source_text: str | None) -> str | None:
    """The label a quote's citation names when it is an alphabetic style's ("[Amm18]" -> "Amm18"), else None."""
    m = _ALPHA_SOURCE.fullmatch((source_text or "").strip())
    return m.group(1) if m else None
# a citekey in brackets without pandoc's '@', as writers type a key ("[doe2020energy]", "[Doe2020, p. 3]"):
# read as a pandoc key
_BRACKET_KEY = lazy(r"\s*(" + _BARE_KEY + r")\s*(?:,\s*((?:pp?\.|pages?)\s*[0-9A-Za-z]+(?:\s*[-–]\s*[0-9A-Za-z]+)?))?\s*")
_BRACKET_KEY_AT = lazy(r"\[\s*" + _BARE_KEY + r"\s*[\],]")
_IEEE_CHAIN = lazy(r"\[\d{1,3}\](?:[ \t]*[,;–-][ \t]*\[\d{1,3}\])+$")
_IEEE_CHAIN_AT = lazy(r"\[\d{1,3}\](?:[ \t]*[,;–-][ \t]*\[\d{1,3}\])+")
_IEEE_JOINT = lazy(r"\][ \t]*([,;–-])[ \t]*\[")


def _citation(line: str) -> tuple[str, str | None, str | None, str] | None:
    """A pandoc citation or an anchor link ending ``line``, with the markers of its kind written at once before it,
    the works cited together they are ('> ... [1][2]', '> ... [@a, p. 3] [@b, p. 7]', '<sup>1</sup><sup>2</sup>'), as
    '[1, 2]' and '[@a; @b]' are: each work at its own page (`_cited_together`).

    Returns (kind, key-or-anchor, locator-or-link-text, text before it[, the other works cited]).
    """
    cite = _one_citation(line)
    if cite is None or not cite[3]:
        return cite
    works = [cite]
    for _ in range(MAX_CITED - 1):
        before = works[0][3]
        gap = _TOGETHER_GAP_END.search(before)
        rest = before[:gap.start()] if gap is not None else before
        prev = _one_citation(rest) if rest[-1:] in ("]", ">", ")", "}", "^", *"¹²³⁴⁵⁶⁷⁸⁹") else None
        form = _written_as(rest[len(prev[3]):]) if prev is not None else "other"
        if form == "other" or form != _written_as(line[len(cite[3]):]) or prev[0] != cite[0] \
                or _COMPARED.match(rest, len(prev[3])) is not None:
            break
        works.insert(0, prev)
    if len(works) == 1 or sum(1 + len(w[4] if len(w) > 4 else ()) for w in works) > MAX_CITED:
        return cite
    more = tuple(m for i, w in enumerate(works) for m in ((w[:3],) if i else ()) + tuple(w[4] if len(w) > 4 else ()))
    return works[0][:4] + (more,)


#: A word joining markers citing works together: '[1] and [2]', '[1] or [3]', '[@a] & [@b]', '(Doe, 2019) and (Roe,
#: 2020)': the quote is checked in each, as after '[1], [2]' (never '[1] but not [2]', '[1] unlike [2]')
_JOINING = r"(?:and|or|&|&amp;)"
#: What may stand between markers citing works together, at the end of a text: `_TOGETHER_GAP`'s
_TOGETHER_GAP_END = lazy(r"(?:[,;](?:[ \t]|&nbsp;|&#160;|\u00a0)*)?(?:[ \t]|&nbsp;|&#160;|\u00a0)+$|[,;]$"
                         r"|(?:[,;](?:[ \t]|&nbsp;|&#160;|\u00a0)*|(?:[ \t]|&nbsp;|&#160;|\u00a0)+)" + _JOINING
                         + r"(?:[ \t]|&nbsp;|&#160;|\u00a0)+$")


def _written_as(marker: str) -> str:
    """How a marker ending a text is written: 'key' ('[@a]'), 'bare' ('[doe2020]'), 'number' ('[1]', '<sup>1</sup>',
    '^1^', '¹'), 'latex' ('\\cite{a}'), 'footnote' ('[^1]'), 'link' ('[Doe](#ref-doe)'), 'other'."""
    m = marker.strip()
    if m.startswith("[^"):
        return "footnote"
    if "@" in m:
        return "key"
    if m.startswith("[") and "](#" in m and m.endswith(")"):
        return "link"
    if m.startswith(("<sup", "^", *"¹²³⁴⁵⁶⁷⁸⁹")) or m[:1] == "[" and m[1:2].isdigit():
        return "number"
    if m.startswith("\\") and "cite" in m[:12].lower():
        return "latex"
    return "bare" if m.startswith("[") else "other"


def _one_citation(line: str) -> tuple[str, str | None, str | None, str] | None:
    """A pandoc citation or an anchor link ending ``line``.

    Returns (kind, key-or-anchor, locator-or-link-text, text before it).
    """
    s = line.rstrip()
    chain = _IEEE_CHAIN.search(s) if s.endswith("]") else None
    if chain:                               # IEEE: [1], [2] and [1]–[3] are [1, 2] and [1–3]
        s = s[:chain.start()] + _IEEE_JOINT.sub(r"\1 ", chain.group())
    if s.endswith("</sup>"):
        sup = s.rfind("<sup", max(0, len(s) - 500))
        if sup >= 0 and s.find(">", sup) > 0:
            inner = s[s.find(">", sup) + 1:-6]
            numbers = _SUPERSCRIPT_NUMBERS.fullmatch(inner.strip())
            if numbers:                     # Nature: ...emit.<sup>1,2</sup>
                return _numbers("number", _number_list(numbers.group()) or [numbers.group(1)], s[:sup])
            paged = _SUPERSCRIPT_PAGE.fullmatch(inner.strip())
            if paged:                       # AMA: ...emit.<sup>3(p5)</sup>, <sup>3(pp5-7)</sup>, <sup>3, p. 5</sup>
                return "number", paged.group(1), (paged.group(2) or paged.group(3)).replace(" ", ""), s[:sup]
            inner_cite = _citation(inner)
            if inner_cite is not None and not inner_cite[3].strip():
                return inner_cite[:3] + (s[:sup],) + inner_cite[4:]
    paged = _SUPERSCRIPT_PAGE.fullmatch(s[s.rfind("^", 0, len(s) - 1) + 1:-1]) if s.endswith(")^") else None
    if paged:                               # AMA in pandoc's superscript: ...emit.^3(p5)^
        return "number", paged.group(1), (paged.group(2) or paged.group(3)).replace(" ", ""), \
            s[:s.rfind("^", 0, len(s) - 1)]
    if s.endswith("]^") and (bracketed := _CARET_BRACKETED.search(s)):
        # a bracketed number set in pandoc's superscript: ...emit.^[2]^, ^[2, p. 5]^ (an inline note has no '^' after)
        inner_cite = _citation(bracketed.group(1))
        if inner_cite is not None and inner_cite[0] == "number" and not inner_cite[3].strip():
            return inner_cite[:3] + (s[:bracketed.start()],) + inner_cite[4:]
    caret = _CARET_SUPERSCRIPT.search(s) if s.endswith("^") else None
    if caret:                               # Pandoc's superscript: ...emit.^1^ ^1,2^ ^1-3^
        return _numbers("number", _number_list(caret.group(1)) or [caret.group(2)], s[:caret.start()])
    sup = _UNICODE_SUPERSCRIPT.search(s)
    if sup:                                 # ...emit.¹ ² ¹⁻³ ¹,²
        plain = sup.group().translate(_FROM_SUPERSCRIPT).replace("⁻", "-")
        return _numbers("number", _number_list(plain) or [sup.group(1).translate(_FROM_SUPERSCRIPT)],
                        s[:sup.start()])
    if s.endswith(")") and s.startswith("("):
        inner = s[1:-1]
        if inner[:3] in ("ref", "Ref") and (word := _REF_WORD.match(inner)):
            inner = inner[word.end():]             # Nature's numbers in prose: (ref. 3), (refs 3, 4), (ref. 3, p. 5)
        several = _number_list(inner)              # (1, 2) (3-5)
        if several and all(len(x) <= 3 for x in several):
            return _numbers("paren-number", several, "")
        number = _NUMBER_CITE.match(inner)         # Vancouver: ... emit (1). or (2, p. 4)
        if number and len(number.group(1)) <= 3:
            return "paren-number", number.group(1), _number_page(number), ""
    if s.endswith(")") and "](#" in s[-500:]:
        mid = s.rfind("](#")
        depth, k = 0, mid - 1
        while k >= max(0, mid - 200):
            if s[k] == "]":
                depth += 1
            elif s[k] == "[":
                if depth == 0:
                    break
                depth -= 1
            k -= 1
        if k >= 0 and s[k] == "[" and ")" not in s[mid + 2:-1]:
            return "link", s[mid + 2:-1].strip(), s[k + 1:mid].strip() or None, s[:k]
    linked = _PAREN_LINK.search(s[-1000:]) if s.endswith(")") and "](" in s[-1000:] else None
    if linked and (_EXTERNAL.match(linked.group(2)) or linked.group(2).startswith("#")):
        # a link citation in brackets with its page after the link, as Zotero's word processor plug-in writes
        # one: '([Doe, 2019](https://doi.org/...), p. 2)'
        at = len(s) - len(s[-1000:]) + linked.start()
        label = linked.group(1).strip() or None
        target = linked.group(2)
        return "link", target[1:] if target.startswith("#") else target, \
            _with_page(label, linked.group(3).replace(" ", "")) if linked.group(3) else label, s[:at]
    if s.endswith(")") and "](" in s[-1000:]:
        # a Markdown link to the paper itself: [arXiv](https://arxiv.org/abs/...), a DOI, an
        # ACL Anthology or Semantic Scholar page
        mid = s.rfind("](")
        url = s[mid + 2:-1].strip().strip("<>")
        k = s.rfind("[", max(0, mid - 300), mid)
        if k >= 0 and _EXTERNAL.match(url) and " " not in url and "]" not in s[k + 1:mid]:
            return "link", url, s[k + 1:mid].strip() or None, s[:k]
    if s.endswith(">") and s.rfind("<") >= 0 and _EXTERNAL.match(s[s.rfind("<") + 1:-1]) \
            and " " not in s[s.rfind("<"):]:
        at = s.rfind("<")                   # an autolink: <https://doi.org/10.18653/...>
        return "link", s[at + 1:-1], None, s[:at]
    if s.endswith("]]") and "[[" in s[-300:]:
        # a wiki link to the paper's note, as Obsidian's citation plugins name them:
        # [[@doe2020]], [[@doe2020|Doe (2020)]], [[doe2020#p. 3]], its PDF's page: [[doe2020.pdf#page=3]];
        # a link to any other note ([[Energy figures]]) is no citation
        open_at = s.rfind("[[", max(0, len(s) - 300))
        target, _, shown = s[open_at + 2:-2].partition("|")
        name, _, heading = target.partition("#")
        key = _WIKI_KEY.fullmatch(_FILE_SUFFIX.sub("", name.strip()))
        if key:
            loc = _LOCATOR.search(f"{heading} {shown}")
            return "pandoc", key.group(1) or key.group(2), loc.group(1).replace(" ", "") if loc else None, s[:open_at]
    if s.endswith("]"):
        open_at = s.rfind("[", max(0, len(s) - 500))
        inner = s[open_at + 1:-1] if open_at >= 0 else ""
        if open_at >= 0 and inner.startswith("^") and 1 < len(inner) <= 41 and " " not in inner:
            return "footnote", inner, None, s[:open_at]
        beside = _numbers_beside(inner) if open_at >= 0 and ("cf" in inner or "see" in inner or "ompar" in inner
                                                             or "ontra" in inner or "vgl" in inner) else None
        if beside is not None:                      # [1; see also 4], [1, p. 3; cf. 4, 5]: 4 set beside 1
            return beside[0][:3] + (s[:open_at], beside[0][3]) + beside[1:]
        several = _number_list(inner) if open_at >= 0 else None
        if several:                                 # IEEE: [3, 4], [3]-[5] as [3-5], [1, 4-6]
            return _numbers("number", several, s[:open_at])
        number = _NUMBER_CITE.match(inner) if open_at >= 0 else None
        paged = _NUMBER_PAREN_PAGE.fullmatch(inner) if number is None and open_at >= 0 and "(" in inner else None
        if paged:                                   # its page in round brackets: [2 (p5)], [2 (p. 5)], [2, (pp. 5-6)]
            return "number", paged.group(1), paged.group(2).replace(" ", ""), s[:open_at]
        if number and _YEAR_ONLY.fullmatch(number.group(1)) \
                and _NAME_BEFORE_YEAR.search(s[max(0, open_at - 120):open_at]):
            return None                             # "Doe et al. [2019]": an author-year citation
        if number:
            return "number", number.group(1), _number_page(number), s[:open_at]
        labels = _ALPHA_CITE.fullmatch(inner) if open_at >= 0 else None
        if labels:                                  # alphabetic styles: [Amm18], [GJ79; Knu84, p. 3]
            loc = _LOCATOR.search(labels.group(3) or "")
            more = tuple(("number", label, None) for label in re.findall(_ALPHA_LABEL, labels.group(2) or ""))
            return ("number", labels.group(1), loc.group(1).replace(" ", "") if loc else None, s[:open_at]) \
                + ((more,) if more else ())
        keyed = _BRACKET_KEY.fullmatch(inner) if open_at >= 0 else None
        if keyed:                                   # [doe2020energy], [Doe2020, p. 3]: a key without '@'
            loc = _LOCATOR.search(keyed.group(2) or "")
            return "pandoc", keyed.group(1), loc.group(1).replace(" ", "") if loc else None, s[:open_at]
        if open_at >= 0 and "@" in inner:
            works = []                              # [see @a, p. 3; also @b]: each work
            own, signal, beside = _own_and_beside(inner.split(";"))
            compared = []                           # [@a; see also @b]: b set beside a, never the quote's
            for i, part in enumerate(own + beside):
                m = _CITEKEY.search(part)
                if m and not _CROSSREF.match(m.group(1)):
                    page = _post_page(part[m.end():].strip(" ,;:}"))
                    (works if i < len(own) else compared).append(("pandoc", m.group(1).rstrip("}"), page))
            if works:
                return works[0] + (s[:open_at],) + ((tuple(works[1:]),) if works[1:] or compared else ()) \
                    + (((signal, tuple(compared)),) if compared else ())
    if s.endswith("}") and "\\" in s[-500:]:
        at = s.rfind("\\", max(0, len(s) - 500))
        while at >= 0 and "cite" not in s[at + 1:at + 12].lower():
            at = s.rfind("\\", max(0, len(s) - 500), at)
        multi = _LATEX_MULTICITE.fullmatch(s, at) if at >= 0 else None
        if multi:
            # biblatex's \cites[5]{a}[3]{b}, \parencites{a}{b}, \textcites(see)(){a}{b}: each work at its page
            works = []
            for g in _LATEX_CITE_GROUP.finditer(s, multi.end(1)):
                options = g.group(1)[1:-1].split("][") if g.group(1) else []
                post = options[-1].replace("~", " ") if options else ""
                page = _post_page(post.strip())
                keys = [k.strip() for k in g.group(2).split(",") if k.strip()]
                # (a group's page after its last key: '\\cites[5]{a,b}' prints 'A; B, 5')
                works += [("pandoc", k, page if i == len(keys) - 1 else None) for i, k in enumerate(keys)]
            if works:
                return works[0] + (s[:at],) + ((tuple(works[1:]),) if works[1:] else ())
        m = _LATEX_CITE.match(s, at) if at >= 0 else None
        if m:
            options = m.group(1)[1:-1].split("][") if m.group(1) else []
            post = options[-1].replace("~", " ") if options else ""
            page = _post_page(post.strip())
            keys = [k.strip() for k in m.group(0)[m.group(0).rfind("{") + 1:-1].split(",") if k.strip()]
            # \cite{a,b}; a page after several keys is the last one's, as natbib and biblatex print it
            # ('\citep[p.~4]{a,b}': '(A, 2019; B, 2022, p. 4)')
            more = tuple(("pandoc", k, page if i == len(keys) - 1 else None) for i, k in enumerate(keys) if i)
            return ("pandoc", m.group(2), None if more else page, s[:at]) + ((more,) if more else ())
    if s.endswith("</a>"):
        a = s.rfind("<a ", max(0, len(s) - 500))
        if a >= 0:
            tag_end = s.find(">", a)
            href_at = s.find("href=", a, tag_end)
            if tag_end > 0 and href_at > 0 and href_at + 5 < len(s):
                q = s[href_at + 5]
                end = s.find(q, href_at + 6, tag_end) if q in "\"'" else -1
                if end > 0:
                    href = html.unescape(s[href_at + 6:end])
                    label = s[tag_end + 1:-4].strip()
                    return "link", href, label or None, s[:a]
    return None


# a link citation in brackets, its page after the link: "([Doe, 2019](https://doi.org/10.1/x), p. 2)"
_PAREN_LINK = lazy(r"\(\s*\[([^\[\]\n]{1,300})\]\(\s*<?([^()\s<>]{1,500})>?\s*\)"
                   r"(?:[ \t]*,?[ \t]*(?:pp?\.|pages?|pg\.|S\.)[ \t]*(\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?))?\s*\)$")
# "ref." or "refs" before the numbers of a numbered style's citation in brackets, as Nature writes it: "(ref. 3)"
_REF_WORD = lazy(r"(?i:refs?)\.?\s+(?=\d)")
_NUMBER_LIST = lazy(r"\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?:\s*[,;]\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?)*\s*")
#: The most works one numbered citation is read as naming ("[1-500]" is no citation of 500).
MAX_CITED = 12


# a locator written "at 3" (the legal style's, biblatex's): that page
_AT_PAGE = lazy(r"(?<![\w.])at\s+(\d{1,5}(?:\s*(?:--|[-–])\s*\d{1,5})?" + _FOLLOWING + r")\.?$")


# a locator of several pages: "pp. 4, 6", "pp. 4 and 9", "pp. 3–4, 7"
_PAGE_LIST = lazy(r"pp\.?\s*(\d{1,5}(?:\s*(?:--|[-–])\s*\d{1,5})?(?:\s*(?:,|&|,?\s*and)\s*\d{1,5}"
                  r"(?:\s*(?:--|[-–])\s*\d{1,5})?){1,8})\.?")
_BARE_RANGE = lazy(r"\d{1,5}\s*(?:--|[-–])\s*\d{1,5}")


def _post_page(post: str) -> str | None:
    """The page a pandoc or biblatex locator ("p. 3", "3", "at 3") gives; None for a place that is no
    page ("fig. 3", "§ 2", "sec. 4"), never read as its number's page."""
    pages = _PAGE_LIST.fullmatch(post) if "," in post or "&" in post or "and" in post else None
    if pages:       # "pp. 4, 6", "pp. 4 and 9": each page ("4,6"), the quote on one of them
        return ",".join(re.findall(r"\d+(?:(?:--|[-–])\d+)?", pages.group(1).replace(" ", "")))
    loc = _LOCATOR.search(post)
    if loc:
        return loc.group(1).replace(" ", "")
    if post.isdigit():
        return post
    if _BARE_RANGE.fullmatch(post):     # biblatex's postnote of a range alone, "3--4", "3-4": its pages
        return post.replace(" ", "")
    at = _AT_PAGE.search(post) if "at" in post else None
    return at.group(1).replace(" ", "") if at else None


def _number_page(number) -> str | None:
    """The page a numbered citation (`_NUMBER_CITE`'s match) gives, None for another place or none."""
    if number.group("pages"):                                       # "[3, pp. 4, 6]": each ("4,6")
        return ",".join(re.findall(r"\d+(?:(?:--|[-–])\d+)?", number.group("pages").replace(" ", "")))
    page = number.group("page") or number.group("place_page")       # "[3, p. 5]", "[3, Sec. 2, p. 5]"
    return page.replace(" ", "") if page else None


def _number_list(inner: str) -> list[str] | None:
    """The numbers a citation of several works names: "3, 4" "3-5" "1, 4–6" (two or more);
    None for one number, a locator ("3, p. 4") or a range too long to be one."""
    if not _NUMBER_LIST.fullmatch(inner) or not any(c in inner for c in ",;-–"):
        return None
    out: list[str] = []
    for part in re.split(r"[,;]", inner):
        a, _, b = part.replace("–", "-").partition("-")
        lo, hi = int(a), int(b) if b.strip() else int(a)
        if hi < lo or hi - lo >= MAX_CITED:
            return None
        out += [str(n) for n in range(lo, hi + 1)]
    return out if 1 < len(out) <= MAX_CITED else None


def _numbered(inner: str) -> list[tuple[str, str, str | None]] | None:
    """The numbered works one part of a citation names, each at its page: '3', '3, 4', '3-5', '3, p. 4'."""
    several = _number_list(inner)
    if several:
        return [("number", n, None) for n in several]
    number = _NUMBER_CITE.match(inner)
    if number is None or number.end() != len(inner.rstrip()) or len(number.group(1)) > 3:
        return None
    return [("number", number.group(1), _number_page(number))]


def _numbers_beside(inner: str) -> tuple | None:
    """A numbered citation setting works beside the ones it cites ('[1; see also 4]', '[1, cf. 2]'): (the first work
    with the others it cites as its fourth element, (the signal, the works set beside)); None for any other."""
    m = _NUMBERS_BESIDE.fullmatch(inner.strip())
    if m is None:
        return None
    own, compared = _numbered(m.group("own").strip()), _numbered(m.group("rest").strip().rstrip("."))
    if not own or not compared:
        return None
    return own[0] + (tuple(own[1:]),), (" ".join(m.group("signal").lower().split()), tuple(compared))


def _numbers(kind: str, numbers: list[str], before: str) -> tuple:
    """A citation of numbered works: the first, and the others as its fifth element."""
    more = tuple((kind, n, None) for n in numbers[1:])
    return (kind, numbers[0], None, before) + ((more,) if more else ())


def _strip_quote_marker(line: str) -> str | None:
    """The text of a blockquote line ("> text"), or None if it is not one."""
    s = line
    i = 0
    while i < 3 and i < len(s) and s[i] == " ":
        i += 1
    if i < len(s) and s[i] == ">":
        s = s[i + 1:]
        return s[1:] if s.startswith(" ") else s
    return None


_SOURCE_PROPERTY = lazy(r"^(?i:source|sources|cite|citation|ref|reference|from)::[ \t]*")
_LISTED_QUOTE = lazy(r"[ \t]{0,8}[-*+][ \t]+>[ \t]?")


def _pandoc_cite_after(line_at, i: int, n: int) -> tuple[tuple, int] | None:
    """The pandoc citation standing alone on line `i`, right after a blockquote, or alone in the paragraph
    after a blank line ("[@doe2023, p. 6]"), and the line after it; None when there is none."""
    for at in (i, i + 1):
        if at >= n or (at > i and (line_at(i).strip() or (at + 1 < n and line_at(at + 1).strip()))):
            return None
        nxt = line_at(at).strip()
        if not nxt:
            continue
        c = _citation(nxt)
        return (c, at + 1) if c is not None and c[0] == "pandoc" and not c[3].strip() else None
    return None


def _parse_blockquotes(text: str, lines: _Lines, fenced: list[tuple[int, int]],
                       note: Note) -> list[tuple[int, str, int]]:
    """The blockquotes citing their work at their end or after them (on the next line, or
    alone in the paragraph after a blank line); returns those citing nothing there as
    (line, quote, offset), for `_lead_ins`."""
    uncited: list[tuple] = []
    starts = lines.starts
    i = 0
    n = len(starts)

    def line_at(k: int) -> str:
        end = text.find("\n", starts[k])
        return text[starts[k]:end if end >= 0 else len(text)]

    # the quote the blockquote before gave (its citation the one an 'Ibid.' signing the next repeats), and whether
    # the lines since it cite or quote nothing
    before = -1
    plain = True
    while i < n:
        if _in_ranges(fenced, starts[i]):
            i += 1
            continue
        first = _strip_quote_marker(line_at(i))
        listed = first is None and _LISTED_QUOTE.match(line_at(i))
        if listed:
            first = line_at(i)[listed.end():]       # a list item's blockquote: "- > ..." (Logseq, Obsidian)
        if first is None:
            if plain and line_at(i).strip() and _CITES_OR_QUOTES.search(line_at(i)):
                plain = False
            i += 1
            continue
        last = note.quotes[-1] if 0 <= before == len(note.quotes) - 1 and plain else None
        before, plain = len(note.quotes), True
        block_start = i
        body = [first]
        i += 1
        while i < n:
            t = _strip_quote_marker(line_at(i))
            if t is None:
                break
            body.append(t)
            i += 1
        titled = None
        callout = _QUOTE_CALLOUT.match(body[0]) if len(body) > 1 else None
        if callout:
            # Obsidian's quote callout: "> [!quote] Strubell et al. 2019, p. 3" over the quote, its title the
            # citation where its last line cites nothing
            body, titled = body[1:], (callout.group(1) or "").strip() or None
        app = _APP_LINK_END.search(body[-1]) if "://" in body[-1] else None
        linked_page = None
        if app is not None:
            # its page ("[Page 3](zotero://...)"), else its citation in the link's place
            on = _CALLOUT_PAGE.fullmatch(app.group(1).strip())
            linked_page = on.group(1).replace(" ", "") if on else None
            body[-1] = body[-1][:app.start()] + ("" if on else " " + app.group(1).strip())
            if not body[-1].strip() and len(body) > 1:
                body.pop()
        whole_last = body[-1]
        cite = _citation(body[-1])
        paged = _TRAILING_PAGE.search(body[-1]) if cite is None and body[-1].endswith(_DIGITS) else None
        if paged is not None:
            # a page after the citation ending the quote: "> ... networks [[@doe2020]] p. 2", "[@doe2020], S. 2"
            c = _citation(body[-1][:paged.start()])
            if c is not None and c[0] in ("pandoc", "number") and c[2] is None:
                cite = c[:2] + (paged.group(1).replace(" ", ""),) + c[3:]
        attribution = None
        what, page = None, None
        pending = several = None
        closed = _CLOSED_CITE.search(body[-1]) if cite is None else None
        if closed is not None:
            # the sentence's full stop after the citation: "> ... costs [3, p. 1].", "> ... (Doe et al., 2019, p. 1)."
            cite = _citation(body[-1][:closed.start()])
            if cite is not None:
                body[-1] = body[-1][:closed.start()]
        trailing = _TRAILING_PAREN.search(body[-1]) if cite is None else None
        if trailing is None and closed is not None and cite is None:
            trailing = _TRAILING_PAREN.search(body[-1][:closed.start()])
        if trailing is not None:
            # APA's block quotation: "> ... resources. (Strubell et al., 2019, p. 5)", or "(p. 5)"
            # with the work named by the sentence before it
            pages = _PAGE_AFTER.fullmatch(trailing.group(1))
            found = [f[2] for f in _cites_in(trailing.group(1), [], 0, len(trailing.group(1)), True,
                                             len(trailing.group(1))) if f[0] == 0 and f[1] == len(trailing.group(1))]
            works = [w for w in (_listed(f, set(), note) for f in found) if w is not None and w[0] != "ibid"]
            number = _citation(trailing.group(1))
            numbered = [("cite", number, None)] if number is not None and number[0] == "paren-number" else []
            # (MLA's "> ... emit. (Doe et al. 3)": an author and a page, a citation where the note lists a work of
            # that author)
            later = numbered or [f for f in found if f[0] == "author-page"]
            if pages is None and not works and later:
                # Vancouver's "> ... emit (3)." : a citation where the note's list numbers a work 3, which is read
                # after its blockquotes (`_lead_ins`)
                pending = (later[0], body[:-1] + [body[-1][:trailing.start()]])
            if pages is not None or works:
                body[-1] = body[-1][:trailing.start()]
                page = pages.group(1).replace(" ", "") if pages is not None else None
                what = works[0] if works else None
        if cite is not None and cite[0] != "pandoc" and (after := _pandoc_cite_after(line_at, i, n)) is not None:
            # a pandoc citation alone after it, as kb export note writes it: the one of the block; a mark the
            # quote ends with is the paper's own ("> ... greenhouse gases [17].\n[@doe2023, p. 6]"), quoted
            body[-1], (cite, i) = whole_last, after
        elif cite is not None:
            body[-1] = cite[3]
            if len(body) > 1 and body[-1].strip().startswith(_DASHES):
                body.pop()                              # "> — Doe et al. [@doe2020]": the attribution's
        elif len(body) > 1 and _dash_cite(body[-1]) is not None:
            cite = _dash_cite(body.pop())               # "> --- @doe2020, p. 3"
        elif what is not None or page is not None:
            pass
        else:
            # the next line, or a paragraph of its own after a blank line ("> ...\n\n[@k, p. 3]")
            for at in (i, i + 1):
                tail = at + 1 < n and _ATTRIBUTION_TAIL.fullmatch(line_at(at + 1).strip())
                if at >= n or (at > i and (line_at(i).strip() or _in_ranges(fenced, starts[at])
                                           or (at + 1 < n and line_at(at + 1).strip() and not tail))):
                    break
                nxt = line_at(at).strip()
                if at == i and listed and nxt[:2] in ("- ", "* ", "+ "):
                    nxt = nxt[2:].strip()               # Logseq's child block: "- > ...\n  - [[@doe2020]] p. 3"
                if listed and "::" in nxt:
                    nxt = _SOURCE_PROPERTY.sub("", nxt)  # ... or its property: "source:: [[@doe2020]]"
                c = _citation(nxt)
                if (c is None or c[3].strip(" -—–")) and nxt[:1] in "[\\<@":
                    c = _attribution_cite(nxt)          # a page after it: "[[@doe2020]] p. 3", "[@doe2020], p. 3"
                if c is not None and not c[3].strip(" -—–") or _dash_cite(nxt) is not None:
                    cite, i = c if c is not None and not c[3].strip(" -—–") else _dash_cite(nxt), at + 1
                    break
                paren = nxt.rstrip(".").rstrip() if nxt[:1] == "(" else ""
                if paren[-1:] == ")" and ";" in paren and _several_cited(paren[1:-1]):
                    # "(Doe 2022; Roe et al. 2019)", "(Doe 3; Roe 5)" alone after it: a quote has one source, which the
                    # note does not say (never the first's, nor the sentence's before it, nor a passage citing none)
                    several, i = paren[1:-1], at + 1
                    break
                if paren[-1:] == ")" and pending is None and _is_work(paren[1:-1]):
                    attribution, i = paren[1:-1], at + 1    # "(Doe et al. 2022)": its year no page, as at its end
                    break
                mla = _AUTHOR_PAGE.fullmatch(nxt.rstrip(".").rstrip()) if nxt[:1] == "(" and pending is None else None
                if mla is not None:
                    # MLA's author and page on the line after it, "(Doe et al. 3)": read as on its last line, once
                    # the note's works are read (`_lead_ins`)
                    page = (mla.group("page") or "").replace(" ", "").rstrip(".") or None
                    pending, i = (("author-page", " ".join(mla.group("who").split()).rstrip(".") + ".", page),
                                  list(body)), at + 1
                    break
                if _attribution(nxt) or _work_line(nxt):
                    attribution, i = _attribution(nxt) or _work_line(nxt), at + 1
                    if tail:
                        # Hypothesis' export: "— Title, Author" over the work's address and the quote's place
                        attribution, i = f"{attribution} {line_at(at + 1).strip()}", at + 2
                    break
        if several is not None:
            _several_works_unchecked(note, block_start + 1, _block_text(body), several)
            continue
        if cite is None and attribution is None and what is None and page is None and linked_page is not None:
            page = linked_page
        elif cite is None and attribution is None and what is None and page is None and titled is not None \
                and (titled_page := _CALLOUT_PAGE.fullmatch(titled)):
            page = titled_page.group(1).replace(" ", "")    # "> [!quote] Page 3": its page, of no work said
        elif cite is None and attribution is None and what is None and titled is not None:
            cite = _attribution_cite(titled)
            if cite is None and (_WORK.fullmatch(titled.rstrip(".")) or _attribution(f"— {titled}")):
                attribution = titled
        ibid = _DASH_IBID.fullmatch(body[-1].strip()) if cite is None and attribution is None and what is None \
            and len(body) > 1 and body[-1].lstrip()[:1] in "—―–-" else None
        if ibid is not None:
            # "> — Ibid., 6": the work of the blockquote just before it, at its own page or that one's, where
            # nothing between them cites or quotes; else a quote citing nothing (never the work of another)
            body.pop()
            quote = _block_text(body)
            if last is not None and last.kind == "blockquote" and not last.also and quote:
                page = ibid.group("page").replace(" ", "") if ibid.group("page") else last.page
                note.quotes.append(replace(last, quote=quote, line=block_start + 1, offset=starts[block_start],
                                           page=page, attribution=_repaged(last.attribution, last.page, page)))
            elif quote:
                uncited.append((block_start + 1, quote, starts[block_start], None, None))
            continue
        if cite is None and attribution is None and len(body) > 1 and _attribution(body[-1].strip()):
            attribution = _attribution(body.pop().strip())      # "> — Strubell et al. 2019. Energy ..."
        elif cite is None and attribution is None and what is None and len(body) > 1 and _work_line(body[-1]):
            attribution = _work_line(body.pop())                # "> Strubell et al. (2019, pp. 5–6)"
        same = _SAME_LINE_DASH.search(body[-1]) if cite is None and attribution is None and what is None else None
        if same is not None:
            # an attribution after a dash on the quote's own line: "> ... costs. — Doe 2019, p. 1", "– Doe (2019)"
            rest = same.group(1).strip().rstrip(".").strip()
            dashed = _attribution_cite(rest)
            if dashed is not None and not dashed[3].strip():
                cite, body[-1] = dashed, body[-1][:same.start()]
            elif _is_work(rest):
                attribution, body[-1] = rest, body[-1][:same.start()]
        if attribution is not None and _attribution_cite(attribution) is not None:
            cite, attribution = _attribution_cite(attribution), None     # "— @doe2020, p. 3", "— Doe [@doe2020]"
        if listed and cite is not None:
            k = i       # a list item's page property: "- > ...\n  source:: [[@doe2020]]\n  page:: 3"
            while k < n and line_at(k)[:1] in (" ", "\t") and line_at(k).strip() and k < i + 20:
                k += 1
            cite = _page_property(text, (starts[block_start], starts[k] if k < n else len(text)), ("cite", cite))[1]
        quote = _block_text(body)
        body_page = _BODY_PAGE.search(quote) if quote[-1:] in (")", ".") and (cite or attribution) \
            else None
        given = _attribution_page(attribution) if attribution is not None and cite is None else \
            cite[2] if cite is not None and cite[0] in ("pandoc", "number") else ""
        if body_page is not None and given != "":
            # its page in brackets ending its text, its work after it: '> "..." (p. 2)' over '> — Doe et al. 2022'
            quote = _block_text([quote[:body_page.start()]])
            page_text = body_page.group(1).replace(" ", "")
            if given is not None and given.replace("–", "-") != page_text.replace("–", "-"):
                # two pages, '> "..." (p. 2)' over '> — Doe et al. 2022, p. 5': which the quote is on, the note
                # does not say
                note.problems.append((block_start + 1, f"blockquote at line {block_start + 1} gives two pages, "
                                                       f"p. {page_text} and p. {given}: give one; not checked"))
                continue
            if given is not None:
                pass                    # the same page twice, '> "..." (p. 2)' over '> — Doe et al. 2022, p. 2'
            elif cite is not None:
                cite = cite[:2] + (page_text,) + cite[3:]
            else:
                attribution = f"{attribution.rstrip('.')}, p. {page_text}"
        if what is not None and quote:
            note.quotes.append(replace(_quote_with(quote, what, block_start + 1, starts[block_start]),
                                       kind="blockquote"))
            continue
        if cite is None and attribution is None:
            titled_quote = _titled_quote(quote) if quote[-1:] in '"”.' and ":" in quote else None
            if titled_quote is not None:
                # a block quoting a work after its names, year, title in quote marks, page and colon, as running
                # text does: '> Dodge et al. (2022), "Measuring ...," 4: "..."' (the quote the work's at p. 4)
                note.quotes.append(NoteQuote(quote=titled_quote[0], source_link=None, source_text=None,
                                             citekey=None, page=titled_quote[2], line=block_start + 1,
                                             kind="blockquote", offset=starts[block_start],
                                             attribution=titled_quote[1]))
            elif quote:
                uncited.append((block_start + 1, quote, starts[block_start], page,
                                pending and (pending[0], _block_text(pending[1]))))
            continue  # a blockquote that cites nothing after it: perhaps the sentence before it does
        if not quote:
            note.problems.append((block_start + 1, f"blockquote at line {block_start + 1} "
                                                   "has a citation but no text"))
            continue
        if cite is None and _several_works(attribution):
            # "— Doe et al. 2022; Roe 2019": a quote has one source, and which of them it is the note does not say
            _several_works_unchecked(note, block_start + 1, quote, attribution)
            continue
        if cite is None:
            attribution = _names_without_lead(attribution)     # "— In Europe, Doe et al. (2022: 5)"
            if _WORK.fullmatch(attribution.rstrip(".")) or _NARRATIVE.fullmatch(attribution.rstrip(".")):
                attribution = _AND.sub(" and ", attribution)    # "— Lo & Wang (2020, p. 9)"
            note.quotes.append(NoteQuote(quote=quote, source_link=None, source_text=None, citekey=None,
                                         page=_attribution_page(attribution), line=block_start + 1,
                                         kind="blockquote", offset=starts[block_start], attribution=attribution))
            continue
        note.quotes.append(_cited_quote(quote, cite, block_start + 1, "blockquote", starts[block_start]))
    return uncited


#: What in a line between two blockquotes cites or quotes a work: a year, a key, brackets, a quote mark, a note's mark
_CITES_OR_QUOTES = lazy(r"(?:1[89]|20)\d\d|[@\[(\\\"“”«¹²³⁴⁵⁶⁷⁸⁹^]|<sup|\bet al\b|\bibid\b", re.I)


# a page in brackets ending a blockquote's text: "... emissions." (p. 2)
_BODY_PAGE = lazy(r"[ \t]*\((?:pp?\.|pages?|S\.)[ \t]*(\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?)[ \t]*\)\.?$")

# a quote callout's title that gives its page alone, as Obsidian's Zotero templates write it: "Page 3", "p. 3",
# "Highlight (Page 3)", "Highlight [Page 3](zotero://open-pdf/...)"
_CALLOUT_PAGE = lazy(r"(?i)(?:(?:highlight|quote|annotation|underline)\s*)?[(\[]?\s*(?:page|pp?\.)\s*"
                     r"(\d{1,5}(?:\s*[-–]\s*\d{1,5})?)\s*[)\]]?(?:\([^()\s]{1,500}\))?")

# a quote that is its line, and the work after a dash: Readwise's and Kindle's "“...” — Title, Author (Page 3)"
_ATTRIBUTED_LINE = lazy(r"(?m)^[ \t]*(?:[-*+][ \t]+|\d{1,3}\.[ \t]+)?[\"“](?P<quote>[^\"“”\n]{15,5000}?)[\"”][ \t]*"
                        r"(?P<dash>—|―|–|--)[ \t]*(?P<work>[^\n]{5,1000}?)[ \t]*$")


def _parse_attributed_lines(text: str, lines: _Lines, fenced: list[tuple[int, int]], note: Note,
                            blocks: list[tuple[int, int]]) -> None:
    """A line that is a quote in quote marks and, after a dash, the work it is of, named as a reference names
    it ("“...” — Energy and Policy Considerations for Deep Learning in NLP, Emma Strubell (Page 1)"); an
    author and year after the dash ("— Doe 2019, p. 3") is the running text's citation (`_cites_in`)."""
    if "—" not in text and "–" not in text and "―" not in text and "--" not in text:
        return
    for m in _ATTRIBUTED_LINE.finditer(text):
        if _in_ranges(fenced, m.start()) or _in_ranges(blocks, m.start()):
            continue
        work = m.group("work")
        if _several_works(work):
            blocks.append((m.start(), m.end()))
            line = lines.line(m.start("quote") - 1)
            _several_works_unchecked(note, line, _unescape(m.group("quote").strip()), work, "quote")
            continue
        if _DASH_WORK.match(f"{m.group('dash')} {work}") or not _attribution(f"— {work}"):
            continue
        if not (work[0].isupper() or work[0] in "“\"*_[") or not ("," in work or _locator_in(work)
                                                                or _YEAR_ONLY.search(work)):
            continue                # "“...” — and then she left": the writer's sentence going on
        quote = _unescape(m.group("quote").strip())
        if len(quote.split()) < PLAIN_MIN_WORDS:
            continue
        cite = _attribution_cite(work)
        at = m.start("quote") - 1
        blocks.append((m.start(), m.end()))
        if cite is not None and not cite[3].strip():
            note.quotes.append(_cited_quote(quote, cite, lines.line(at), "inline", at))
            continue
        attribution = _names_without_lead(_attribution(f"— {work}"))
        note.quotes.append(NoteQuote(quote=quote, source_link=None, source_text=None, citekey=None,
                                     page=_attribution_page(attribution) if _is_work(attribution)
                                     else _locator_in(attribution), line=lines.line(at), kind="inline",
                                     offset=at, attribution=attribution))


# a highlights export (Readwise's, Kindle's through it): the work in its metadata, its highlights listed under a heading
_HIGHLIGHTS = lazy(r"(?im)^(#{1,4})[ \t]+highlights[ \t]*$")
_META_TITLE = lazy(r"(?im)^[ \t]*[-*][ \t]+(?:full[ \t]+)?title::?[ \t]*(.+?)[ \t]*$")
_META_AUTHOR = lazy(r"(?im)^[ \t]*[-*][ \t]+authors?::?[ \t]*(.+?)[ \t]*$")
_HIGHLIGHT_ITEM = lazy(r"(?m)^[-*][ \t]+(?P<text>.+?)[ \t]*(?:\((?:\[(?P<link>[^\[\]\n]{1,40})\]\([^()\s]*\)"
                       r"|(?P<place>(?i:page|location|loc\.)[ \t]*\d{1,6}))\))?[ \t]*$")


# ... or, with no metadata, the level-one heading opening the export (after its front matter): '# Title'
_TOP_TITLE = lazy(r"\s*#[ \t]+(?P<t>[^\n#]{3,300}?)[ \t]*#*[ \t]*\n")
# ... its work's address (Hypothesis' "- Reference: https://..."), and its
# author where that is a person's name (Hypothesis' "- Author: [arxiv.org](https://arxiv.org)" is the site)
_META_URL = lazy(r"(?im)^[ \t]*[-*][ \t]+(?:url|reference|source(?:[ \t]+url)?|link)::?[ \t]*<?(https?://[^\s<>]+?)>?[ \t]*$")
_SITE = lazy(r"\[?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\]?(?:\(https?://[^()\s]*\))?")
# Hypothesis' Obsidian export: a highlight, its lines up to the link to it on its page ("— [Updated on ...](https://hyp.is/...)")
_HYPOTHESIS_ITEM = lazy(r"(?m)^[-*][ \t]+(?P<text>[^\n]+?(?:\n(?![ \t]*(?:[-*#>][ \t]|\n))[^\n]+?){0,40}?)[ \t]*"
                        r"(?:—|–|--)[ \t]*\[[^\[\]\n]{1,60}\]\(<?(?P<hyp>https?://hyp\.is/[^()\s<>]+)>?\)[ \t]*$")
_HYPOTHESIS_LINK = lazy(r"https?://hyp\.is/[\w-]+/(.+)")
# its front matter's "doc_type: hypothesis-highlights", "url: ...", and a literature note's "citekey: ..."
_FRONT_FIELD = lazy(r"(?m)^(doc_type|url|citekey|citation[-_]?[kK]ey)[ \t]*:[ \t]*[\"']?@?([^\s\"']+)[\"']?[ \t]*$")


def _front_fields(text: str, front: int) -> dict[str, str]:
    """The front matter's fields naming the one work a note is of: doc_type, url and citekey."""
    out: dict[str, str] = {}
    for m in _FRONT_FIELD.finditer(text, 0, front):
        name = "citekey" if m.group(1).startswith("citation") else m.group(1)
        out.setdefault(name, m.group(2))
    return out


def _hypothesis_source(link: str | None, fields: dict[str, str], meta_url: str | None) -> tuple:
    """(citekey, address) a Hypothesis highlight is of: the front matter's key, else its URL, else the
    page its own link ("https://hyp.is/<id>/arxiv.org/abs/...") was made on."""
    if fields.get("citekey"):
        return fields["citekey"], None
    url = fields.get("url") or meta_url
    if url is None and link:
        on = _HYPOTHESIS_LINK.match(link)
        url = on and "https://" + on.group(1).removeprefix("https://").removeprefix("http://")
    return None, url if url and _EXTERNAL.match(url) else None


def _parse_highlights(text: str, lines: _Lines, fenced: list[tuple[int, int]], note: Note,
                      blocks: list[tuple[int, int]], front: int = 0) -> None:
    """A highlights export's quotes: each item of its "Highlights" list, of the work its metadata names
    ("- Full Title: ...", "- Author: [[...]]"), at the page it gives ("(Page 3)",
    "([Location 120](...))"); Hypothesis' ("- ... — [Updated on ...](https://hyp.is/...)"), of the work
    its front matter or metadata gives the address or key of."""
    hypothesis = "hyp.is/" in text
    fields = _front_fields(text, front) if front and hypothesis else {}
    heading = _HIGHLIGHTS.search(text) if "ighlights" in text else None
    if hypothesis:
        _hypothesis_links(note, fields)
    title = _META_TITLE.search(text[:heading.start()]) if heading else None
    if heading is None or _in_ranges(fenced, heading.start()):
        return
    meta_url = _META_URL.search(text[:heading.start()]) if hypothesis else None
    meta_url = meta_url.group(1) if meta_url else None
    placed = False
    if title is None and not hypothesis and heading.group(1) != "#":
        # Readwise's export with no metadata: its work's title the heading opening it, '# Title' over '## Highlights',
        # and each highlight its place's ('(Page 5)', '([Location 123](...))'): only those are its highlights
        title = _TOP_TITLE.match(text, front)
        placed = title is not None and title.end() <= heading.start()
        title = title if placed else None
    if title is None and not hypothesis:
        return
    author = _META_AUTHOR.search(text[:heading.start()])
    who = _WIKI_BRACKETS.sub("", author.group(1)).strip() if author else ""
    who = "" if _SITE.fullmatch(who) else who
    work = title and (f"{title.group(1).strip()}, {who}" if who else title.group(1).strip())
    end = re.compile(rf"(?m)^#{{1,{len(heading.group(1))}}}[ \t]").search(text, heading.end())
    stop = end.start() if end else len(text)
    items = [(m, "") for m in _HYPOTHESIS_ITEM.finditer(text, heading.end(), stop)] if hypothesis else []
    done = [(m.start(), m.end()) for m, _ in items]
    items += [(m, m.group("place") or m.group("link") or "") for m in _HIGHLIGHT_ITEM.finditer(text, heading.end(), stop)
              if not _in_ranges(done, m.start())]
    for m, place in items:
        quote = _unescape(" ".join(m.group("text").split()))
        if len(quote) >= 2 and quote[0] in "\"“" and quote[-1] in "\"”":
            quote = quote[1:-1].strip()
        if len(quote.split()) < PLAIN_MIN_WORDS or _in_ranges(fenced, m.start()) or _ITEM_FIELD.match(quote) \
                or placed and not place:
            continue
        page = re.fullmatch(r"(?i)page[ \t]*(\d{1,6})", place.strip())
        link = m.groupdict().get("hyp")
        key, url = _hypothesis_source(link, fields, meta_url) if link else (None, None)
        if key is None and url is None and work is None:
            continue
        blocks.append((m.start(), m.end()))
        note.quotes.append(NoteQuote(quote=quote, source_link=url, source_text=None, citekey=key,
                                     page=page.group(1) if page else None, line=lines.line(m.start()),
                                     kind="blockquote", offset=m.start("text"), attribution=None if key else work,
                                     title=None if key or url or not title else title.group(1).strip()))


# Hypothesis' plain-text export of a page's annotations: a head (the export's date, the page's title, its address
# alone on a line, "Group: ...", "Total annotations: 2", ...), then each annotation's block ("Annotation 1:", its
# date, "Comment: ...", its user, 'Quote: "..."', "Tags: a, b", "Page: 3"); an address may also be a "URL: ..." line
_HYP_TEXT_QUOTE = lazy(r'(?m)^Quote:[ \t]*"(?P<quote>[^\n]*(?:\n(?!\n|Quote:|Annotation \d)[^\n]*){0,40}?)"[ \t]*$')
_HYP_TEXT_URL = lazy(r"(?m)^(?:(?:URL|URI)::?[ \t]*)?<?(https?://[^\s<>]+?)>?[ \t]*$")
_HYP_TEXT_BLOCK = lazy(r"(?m)^Annotation \d{1,6}:[ \t]*$")
_HYP_TEXT_HEAD = lazy(r"(?m)^Total annotations:[ \t]*\d+[ \t]*$")
_HYP_TEXT_PAGE = lazy(r"(?m)^Page:[ \t]*(\d{1,6}(?:[ \t]*[-–][ \t]*\d{1,6})?)[ \t]*$")


def _parse_hypothesis_text(text: str, lines: _Lines, fenced: list[tuple[int, int]], note: Note,
                           blocks: list[tuple[int, int]]) -> None:
    """The quotes of Hypothesis' plain-text export, each of the page whose address is the last one before it
    (the head's, or a "URL:" line's), at the page its block gives ("Page: 3"). Read in an export only: its
    head ("Total annotations: 2") or its blocks ("Annotation 1:") and an address before the quote."""
    first = _HYP_TEXT_BLOCK.search(text)
    if first is None and not _HYP_TEXT_HEAD.search(text):
        return
    head_end = first.start() if first else len(text)
    # (an address alone on a line in the head; in a block only a "URL:" line's: a comment's own link is none)
    urls = [(m.start(), m.group(1)) for m in _HYP_TEXT_URL.finditer(text)
            if (m.start() < head_end or not m.group().startswith("h")) and not _in_ranges(fenced, m.start())]
    if not urls:
        return
    starts = [u[0] for u in urls]
    for m in _HYP_TEXT_QUOTE.finditer(text):
        k = bisect.bisect_left(starts, m.start())
        if not k or _in_ranges(fenced, m.start()):
            continue
        url = urls[k - 1][1]
        hyp = _HYPOTHESIS_LINK.match(url)
        _key, url = _hypothesis_source(url if hyp else None, {}, None if hyp else url)
        quote = " ".join(m.group("quote").split())
        if url is None or len(quote.split()) < PLAIN_MIN_WORDS:
            continue
        end = _HYP_TEXT_BLOCK.search(text, m.end())
        block_end = min(end.start() if end else len(text), m.end() + 2000)
        page = _HYP_TEXT_PAGE.search(text, m.end(), block_end)
        blocks.append((m.start(), m.end()))
        note.quotes.append(NoteQuote(quote=quote, source_link=url, source_text=None, citekey=None,
                                     page=page.group(1).replace(" ", "") if page else None,
                                     line=lines.line(m.start()), kind="blockquote", offset=m.start("quote")))


# Kindle's clippings file ("My Clippings.txt"): blocks ended by "==========", each the book's title and author, a line
# saying what it is and where ("- Your Highlight on page 3 | Location 45-46 | Added on ..."), a blank line, the text
_KINDLE_CLIP = lazy(r"(?m)^\ufeff?(?P<book>[^\n]{3,500}?)[ \t]*\n-[ \t]*Your Highlight\b(?P<where>[^\n]{0,300})\n[ \t]*\n"
                    r"(?P<quote>[^\n]+(?:\n(?!==========)[^\n]+){0,40})\n==========[ \t]*$")
_KINDLE_PAGE = lazy(r"(?i)\bpage[ \t]+(\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?)")
_KINDLE_AUTHOR = lazy(r"^(?P<title>.+?)[ \t]*\((?P<author>[^()]{2,200})\)$")


def _parse_kindle_clippings(text: str, lines: _Lines, fenced: list[tuple[int, int]], note: Note,
                            blocks: list[tuple[int, int]]) -> None:
    """The highlights of Kindle's clippings file, each a quote of the book its block names ("Title (Doe, Jane)": cited
    as "Title, Jane Doe"), at the page its block gives; its notes and bookmarks are the reader's, no quotes."""
    for m in _KINDLE_CLIP.finditer(text):
        if _in_ranges(fenced, m.start()):
            continue
        quote = " ".join(m.group("quote").split())
        book = _KINDLE_AUTHOR.match(m.group("book").strip())
        if len(quote.split()) < PLAIN_MIN_WORDS:
            continue
        if book is None:
            # a book its file names by its title alone, no author after it ('Weapons of Math Destruction')
            title, author = m.group("book").strip().lstrip("\ufeff"), ""
        else:
            family, _, given = book.group("author").partition(",")
            title = book.group("title")
            author = f"{given.strip()} {family.strip()}".strip() if ";" not in given else book.group("author")
        page = _KINDLE_PAGE.search(m.group("where"))
        blocks.append((m.start(), m.end()))
        note.quotes.append(NoteQuote(quote=quote, source_link=None, source_text=None, citekey=None,
                                     page=page.group(1).replace(" ", "") if page else None,
                                     line=lines.line(m.start("quote")), kind="blockquote", offset=m.start("quote"),
                                     attribution=f"{title}, {author}" if author else title, title=title))


# an export's fields listed beside its highlights: Hypothesis' "- Group: #...", "- Tags: ...", "- Annotation: ..."
_ITEM_FIELD = lazy(r"(?i)(?:group|tags?|annotation|note|comment)::?\s")


def _hypothesis_links(note: Note, fields: dict[str, str]) -> None:
    """A quote citing its Hypothesis link ("> ...\n> [Link](https://hyp.is/<id>/arxiv.org/abs/...)") is of the
    work the note's front matter names, else of the page the link was made on."""
    for q in note.quotes:
        if q.source_link and _HYPOTHESIS_LINK.match(q.source_link):
            key, url = _hypothesis_source(q.source_link, fields, None)
            q.citekey, q.source_link, q.source_text = key, url, None


_WIKI_BRACKETS = lazy(r"\[\[|\]\]")


def _block_text(body: list[str]) -> str:
    """A blockquote's quote, of the text of its lines."""
    quote = _unescape(" ".join(_LIST_MARKER.sub("", part).strip() for part in body if part.strip()))
    quote = quote.strip().rstrip("—–-").strip()
    if len(quote) >= 2 and quote[0] in "\"“" and quote[-1] in "\"”":
        quote = quote[1:-1].strip()
    return quote


# what a highlights export writes on the line after a quote's attribution: the work's address, the quote's place
# ("https://arxiv.org/abs/1906.02243 (page 3)", "Location 120", "Page 3")
_ATTRIBUTION_TAIL = lazy(r"(?i)(?:<?https?://\S+>?)?\s*(?:\(?(?:page|p\.|location|loc\.)\s*\d{1,6}\)?)?"
                         r"(?<=\S)")
# an attribution after a dash ending a blockquote's last line: "... costs. — Doe 2019, p. 1"
_SAME_LINE_DASH = lazy(r"(?:(?<=\s)|(?<=[.!?\"”’»]))(?:—|–|―|--)[ \t]*([^—–―\n]{1,300})$")


def _lead_ins(text: str, lines: _Lines, note: Note, uncited: list[tuple], own: str | None = None) -> None:
    """A blockquote citing nothing after it, introduced by a sentence ending in a colon that
    cites the work ("As Strubell et al. (2019) put it:", "@doe2020 writes:", "In [12]:"), is
    a quote of that work; else, in a note of one work (`own`: the key its front matter names, "citekey: doe2020",
    as Obsidian's literature notes made from Zotero write it), a quote of that work, at its page; one introduced
    otherwise is listed as not checked (`Note.unchecked`), unless it is a callout ("> [!NOTE]") or shorter than a
    quote in running text."""
    if not uncited:
        return
    cites = _cite_tokens(text)
    numbers = {r.number for r in note.references if r.number}
    for line, quote, offset, page, pending in uncited:
        later = _listed(pending[0], numbers, note) if pending is not None else None
        if later is not None and pending[1]:
            # "> ... emit (3)." of a note listing a work numbered 3, "> ... (Doe et al. 3)" of one listing Doe's
            note.quotes.append(replace(_quote_with(pending[1], later, line, offset), kind="blockquote"))
            continue
        what = _lead_in(text, lines, note, cites, numbers, line)
        if what is None and own is not None and len(quote.split()) >= PLAIN_MIN_WORDS and not quote.startswith("[!"):
            what = ("cite", ("pandoc", own, None, ""), None)
        if what is not None and page is not None:
            what = _at_page(what, page)                 # "> ... (p. 5)"
        if what is not None:
            note.quotes.append(replace(_quote_with(quote, what, line, offset), kind="blockquote"))
        elif len(quote.split()) >= PLAIN_MIN_WORDS and not quote.startswith("[!"):
            note.unchecked.append((line, quote))


def _lead_in(text: str, lines: _Lines, note: Note, cites: list[int], numbers: set[str], line: int):
    """The citation of the sentence ending in a colon before the blockquote at `line`, or None."""
    k = line - 2                                # the line before the blockquote
    if k >= 1 and not _line_text(text, lines, k).strip():
        k -= 1                                  # a blank line between them
    if k < 0:
        return None
    lead = _line_text(text, lines, k).rstrip()
    colon = lead.rfind(":")
    if colon < 0 or lead.lstrip().startswith((">", "|", "#")) or not (
            colon == len(lead) - 1 or ((_citation(lead[colon + 1:]) or (0, 0, 0, "x"))[3].strip() == "")):
        return None
    hi = lines.starts[k] + len(lead)
    para = text.rfind("\n\n", max(0, hi - _WINDOW), hi)
    lo = max(0, hi - _WINDOW) if para < 0 else para + 2
    return _listed(_cite_near(text, cites, lo, hi, False, hi), numbers, note)


def _line_head(text: str, at: int, most: int) -> str:
    """The first `most` characters of the line starting at `at`, without its newline."""
    end = text.find("\n", at, at + most)
    return text[at:end if end >= 0 else at + most]


def _line_text(text: str, lines: _Lines, k: int) -> str:
    """The text of line k (0-based), without its newline."""
    end = text.find("\n", lines.starts[k])
    return text[lines.starts[k]:end if end >= 0 else len(text)]


# A Markdown list item's marker at the start of a blockquote line ("> * [D2] Augment ..."):
# a bullet, which a quote across the items of a list leaves out; a number ("1.") is kept.
_LIST_MARKER = lazy(r"^\s{0,3}[-*+•][ \t]+")
_ITEM_START = lazy(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+\S")


_CITE_ELEMENT = lazy(r"(?i)<(?:cite|footer)(?:\s[^<>]{0,200})?>(.{0,5000}?)</(?:cite|footer)>")


def _attribution(line: str) -> str | None:
    """The reference of an attribution line after a quote ('— Strubell et al.
    2019. Energy and ...', '-- Source: ...'), or None."""
    s = line.strip()
    cited = _CITE_ELEMENT.fullmatch(s)       # <cite>Strubell et al. (2019)</cite>, <footer>— ...</footer>
    if cited:
        s = _INLINE_TAG.sub("", cited.group(1)).strip()
        if not s.startswith(("—", "―", "–", "--")):
            s = "— " + s
    for dash in ("—", "―", "–", "--", "- ", "Source:", "source:", "From:"):
        if s.startswith(dash):
            rest = s[len(dash):].strip().lstrip(":").strip()
            if len(rest) >= 5000:
                continue
            rest = _own_work(rest)  # '— Doe (2019); see also Roe (2022), p. 4': Doe's, at no page
            if len(rest) >= 15 and sum(c.isalpha() for c in rest) >= 8:
                return rest
            if _is_work(rest):      # "— Doe 2020", "— Doe (2019), p. 3"
                return rest
    return None


# (a page after a comma alone, Chicago's "Doe 2019, 3", is never a year: "Doe, 2019", "Doe 2019, 2020")
_PAGE_AFTER_WORK = lazy(r"(?:,?\s*(?:pp?\.|pages?|S\.)\s*|\s*:\s*|,\s*(?!(?:1[89]|20)\d\d(?!\d)))"
                        r"(\d{1,6}(?:\s*[-–]\s*\d{1,6})?" + _FOLLOWING + r")\.?$")


def _is_work(attribution: str) -> bool:
    """Whether an attribution is an author-year citation, with its page after it or not: "Doe 2020", "Lo & Wang
    (2020, p. 9)", "Doe (2019), p. 3", "Doe 2019: 3" (Harvard's page), "Doe n.d., 3", "Doe, 2019, S. 3f."."""
    work = attribution.rstrip(".")
    if _WORK.fullmatch(work) or _NARRATIVE.fullmatch(work):
        return True
    work = _PAGE_AFTER_WORK.sub("", work)
    return bool(_WORK.fullmatch(work) or _NARRATIVE.fullmatch(work))


def _repaged(attribution: str | None, old: str | None, new: str | None) -> str | None:
    """An attribution an 'Ibid.' at another page repeats, saying the page checked: 'Doe (2019), p. 5' at 6 is
    'Doe (2019), p. 6', never the page of the quote before (its last page written as the page it gives)."""
    if attribution is None or old is None or new is None or old == new:
        return attribution
    if _attribution_page(attribution) != old:
        return attribution
    pattern = r"(?<![\d\w])" + r"\s*[-–]\s*".join(re.escape(p) for p in re.split(r"[-–]", old)) + r"(?![\d\w])"
    spans = list(re.finditer(pattern, attribution))
    if not spans:
        return attribution
    at = spans[-1]
    return attribution[:at.start()] + new + attribution[at.end():]


def _attribution_page(attribution: str) -> str | None:
    """The page an attribution gives: in its year's brackets ("Doe (2019: 3)", "Doe et al. (2019, pp. 3–4)"),
    after its author and year ("Doe 2019: 3"), else a page locator in it."""
    work = _EMPHASISED.sub(r"\2", attribution.strip()).rstrip(".")
    whole = _NARRATIVE.fullmatch(work) or _WORK.fullmatch(work)
    if whole is not None and whole.group("page"):
        return whole.group("page").replace(" ", "").rstrip(".")
    page = _PAGE_AFTER_WORK.search(attribution.rstrip("."))
    work = attribution[:page.start()] if page is not None else ""
    if page is not None and (_WORK.fullmatch(work) or _NARRATIVE.fullmatch(work)):
        return page.group(1).replace(" ", "")
    return _locator_in(attribution)

def _names_without_lead(attribution: str) -> str:
    """An attribution that is an author-year citation after words opening a sentence, without them, as a narrative
    citation is read: a phrase its comma sets off ('In Europe, Doe et al. (2022: 5)', '*Recently, Doe and Roe
    (2020)*') or words of no name ('According to Doe et al. (2022: 5)') -> 'Doe et al. (2022: 5)' (never 'Garcia,
    Smith and Jones (2020)', three names)."""
    work = _EMPHASISED.sub(r"\2", attribution.strip())
    first = work.split(None, 1)[0].lower().rstrip(",.") if work else ""
    if first not in _SENTENCE_OPENERS and first not in _ADVERBS:
        return attribution
    at = work.find(" ")
    while 0 <= at <= 120:
        names, lead = work[at + 1:], work[:at]
        who = _WHO_AT.match(names) if names[:1].isupper() else None
        if who is not None and (lead.endswith(",") or not any(w[:1].isupper() for w in lead.split()[1:])) \
                and not any(c.isdigit() for c in lead) and _is_work(names) \
                and _without_opener(" ".join(who.group("who").split())) == " ".join(who.group("who").split()):
            return names        # (the names after the whole phrase: 'Dodge et al.', never 'Europe, Dodge et al.')
        at = work.find(" ", at + 1)
    return attribution


def _several_works(attribution: str) -> bool:
    """Whether an attribution names two works or more, each an author-year citation: "Doe 2022; Roe et al. 2019"."""
    if len(_separate_cites(attribution)) > 1:
        return True
    parts = attribution.strip().rstrip(".").split(";") if ";" in attribution else []
    return len(parts) > 1 and all(_is_work(p.strip()) for p in parts)


def _separate_cites(attribution: str) -> list[str]:
    """The citations in brackets of their own an attribution is, where it is two or more and nothing else but a page
    ("[@doe2020]; [@roe2021], p. 3", "\\cite{doe2020}, \\cite{roe2021}"); else []."""
    if attribution.count("[@") + attribution.count("\\") < 2:
        return []
    cites = _SEPARATE_CITES.findall(attribution)
    rest = _SEPARATE_CITES.sub(" ", attribution)
    rest = re.sub(r"(?i)\b(?:and|pp?\.?[ \t]*\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?)(?!\w)|[,;&\s.]", "", rest)
    return cites if len(cites) > 1 and not rest else []


def _several_cited(inner: str) -> bool:
    """Whether what round brackets hold alone on a line cites two works or more, each by its authors and year, or by
    authors a reader tells for names and a page (MLA's "Doe 3; Roe et al. 5", never "Table 3; Fig. 2")."""
    if _several_works(inner):
        return True
    parts = [p.strip() for p in inner.split(";")]
    for part in parts:
        if _is_work(part):
            continue
        mla = _AUTHOR_PAGE.fullmatch(f"({part})")
        if mla is None or _QTD_WORDS.search(mla.group(0)):
            return False
        who = mla.group("who")
        if not (_AUTHORS_SAID.search(who) or one_author_page(who)):
            return False
    return len(parts) > 1


def _several_works_unchecked(note: Note, line: int, quote: str, attribution: str, what: str = "blockquote") -> None:
    """A quote attributed to several works ("> [!quote] Doe 2022; Roe et al. 2019", "— Doe 2022; Roe 2019") is listed
    as not checked, and kb says why, as one running text says several works say is: which of them it quotes, the note
    does not say (never checked against one of them)."""
    works = _separate_cites(attribution) or [p.strip() for p in attribution.strip().rstrip(".").split(";")]
    if not quote:
        note.problems.append((line, f"{what} at line {line} is attributed to {len(works)} works ({'; '.join(works)}) "
                                    "but has no text"))
        return
    note.unchecked.append((line, quote))
    note.unchecked_why[quote] = f"it is attributed to {len(works)} works ({'; '.join(works)}): which one it quotes, " \
                                "the note does not say"


#: An attribution set in italics or bold whole: "*Doe et al. (2019: 3)*"
_EMPHASISED = lazy(r"^([*_]{1,2})(?=\S)(.+?)(?<=\S)\1$")


def _work_line(line: str) -> str | None:
    """The attribution a line is when it is an author-year citation and nothing else, with its page or not,
    as writers set one after a block quote without a dash: "(Doe et al. 2019: 3)", "(Doe, 2019, p. 3)",
    "Doe et al. (2019, pp. 3–4)", "Doe (2019), p. 3"; else None."""
    s = line.strip().rstrip(".").strip()
    s = _EMPHASISED.sub(r"\2", s).strip()
    if s[:1] in "([" and s[-1:] in ")]" and _AUTHOR_YEAR.fullmatch(s):
        s = s[1:-1].strip()
    return s if len(s) <= 300 and s[:1].isupper() and _is_work(s) else None


#: What opens an attribution line ("— Doe", "-- Doe"); "- " opens a list item
_DASHES = ("—", "–", "―", "--")


_TRAILING_PAGE = lazy(r",?\s*(?:pp?\.|pages?|S\.)\s*(\d{1,6}(?:\s*[-–]\s*\d{1,6})?" + _FOLLOWING + r")\.?$")
_DIGITS = tuple("0123456789")


def _dash_cite(line: str) -> tuple | None:
    """The citation of an attribution line that is one ("— @doe2020, p. 3", "-- Doe [@doe2020]")."""
    s = line.strip()
    return _attribution_cite(s) if s.startswith(_DASHES) else None


#: a citation of its own in brackets, or LaTeX's: '[@doe2020, p. 3]', '\\cite[3]{doe2020}'
_SEPARATE_CITES = lazy(r"\[@[^\[\]]*\]|\\[a-zA-Z]*cite[a-zA-Z]*\*?(?:\[[^\[\]{}]*\]){0,2}\{[^{}]*\}")


def _attribution_cite(attribution: str) -> tuple | None:
    """The citation an attribution line is, or ends with: "@doe2020, p. 3" (pandoc's own
    attribution, "--- @doe2020, p. 3"), "Doe et al. [@doe2020, p. 3]", "\\cite[3]{doe2020}"; or None."""
    s = attribution.strip().lstrip("-—–― ").rstrip(". ")
    if _separate_cites(s):
        return None             # "[@doe2020]; [@roe2021]": two citations, of two works, neither the one quoted
    cite = _citation(s)
    if cite is not None:
        return cite
    loc = _TRAILING_PAGE.search(s)                      # "[@doe2020], p. 5"
    cite = _citation(s[:loc.start()].rstrip(" ,")) if loc else None
    if cite is not None and not cite[3].strip():
        return (cite[0], cite[1], cite[2] or loc.group(1).replace(" ", "")) + cite[3:]
    m = _PANDOC_NARRATIVE.match(s)
    if m is None or not s.startswith("@") or _CROSSREF.match(m.group(1)):
        return None
    if m.end() == len(s):
        return "pandoc", m.group(1), None, ""
    tail = _narrative_tail(s, m.end(), len(s))
    if tail is None or s[tail[1]:].strip(" .,;"):
        return None
    return "pandoc", m.group(1), tail[0], ""


# A narrative citation's place in the work, after it: pandoc's "@doe2019 [p. 3]", and as writers put it,
# "@doe2019, p. 3", "@doe2019 pp 3–4", "@doe2019, S. 3", "@doe2019: 3", "@doe2019 (P. 3)"; a place that is no
# page ("@doe2019, para. 3", "[sec. 2]") is the citation's too, and gives no page.
_TAIL_NUMBER = r"\d{1,5}(?:[^\S\n]*[-–][^\S\n]*\d{1,5})?" + _FOLLOWING
_NARRATIVE_TAIL = lazy(r"(?:[^\S\n]*(?P<open>[\[(])[^\S\n]*|[^\S\n]*(?P<sep>[,:])[^\S\n]*|[^\S\n]+)"
                       r"(?:(?:[Pp]p?\.?|pages?|pg\.|S\.)[^\S\n]*(?P<page>" + _TAIL_NUMBER + r")(?![\w.,]\d|\w)"
                       r"|(?P<place>" + _NUMBER_PLACE + r")(?!\w)"
                       r"|(?P<bare>" + _TAIL_NUMBER + r")(?=[^\S\n]*(?:[).;\]]|$)))"
                       r"(?(open)[^\S\n]*(?P<close>[\])]))", re.M)


def _narrative_tail(text: str, end: int, limit: int) -> tuple[str | None, int] | None:
    """(the page, where it ends) of the locator after a narrative citation ending at `end`, or None."""
    m = _NARRATIVE_TAIL.match(text, end, limit)
    if m is None or m.group("open") and "([".index(m.group("open")) != ")]".index(m.group("close")):
        return None
    if m.group("open") == "(" and m.group("bare") or not (m.group("open") or m.group("sep")) and not m.group("page"):
        return None         # "@doe2019 (3)", "@doe2019 notes": no place of the work
    if m.group("bare") and _YEAR_ONLY.fullmatch(m.group("bare")):
        return None         # "@doe2019, 2020.": a year, no page
    page = m.group("page") or m.group("bare")
    return ("".join(page.split()) if page else None), m.end()


def _locator_in(text: str | None) -> str | None:
    loc = _PAGE_IN_TEXT.search(text[:2000]) if text else None
    return loc.group(1).replace(" ", "") if loc else None


def _cited_quote(quote: str, cite: tuple, line: int, kind: str, offset: int) -> NoteQuote:
    """A quote with the citation after it: an anchor link or a pandoc key."""
    cite_kind, key, extra = cite[:3]
    cite_kind = "number" if cite_kind == "paren-number" else cite_kind
    source_text = extra if cite_kind == "link" else f"[{key}]" if cite_kind in ("footnote", "number") else None
    return NoteQuote(quote=quote,
                     source_link=key if cite_kind in ("link", "id") else None,
                     source_text=source_text,
                     citekey=key if cite_kind == "pandoc" else None,
                     page=extra if cite_kind in ("pandoc", "number", "id")
                     else _locator_in(extra) if cite_kind == "link" else None,
                     line=line, kind=kind, offset=offset,
                     also=[_cited_quote(quote, other, line, kind, offset)
                           for other in (cite[4] if len(cite) > 4 else ())],
                     set_beside=[_cited_quote(quote, other, line, kind, offset)
                                 for other in (cite[5][1] if len(cite) > 5 else ())],
                     signal=cite[5][0] if len(cite) > 5 else None)


_INLINE_OPEN = ('*"', '*“', '_"', '_“')
_INLINE_CLOSE = {'*"': ('"*',), '*“': ('”*', '"*'), '_"': ('"_',), '_“': ('”_', '"_')}


def _parse_inline(text: str, lines: _Lines, excluded: list[tuple[int, int]],
                  note: Note) -> None:
    """Italic inline quotes followed, in their paragraph, by a citation."""
    breaks = _all(text, "\n\n")
    closers = {c: _all(text, c) for cs in _INLINE_CLOSE.values() for c in cs}
    cites = _cite_tokens(text)
    for opener in _INLINE_OPEN:
        for start in _all(text, opener):
            if _in_ranges(excluded, start):
                continue
            para_end = breaks[bisect.bisect_left(breaks, start)] \
                if bisect.bisect_left(breaks, start) < len(breaks) else len(text)
            close = None
            for c in _INLINE_CLOSE[opener]:
                lst = closers[c]
                k = bisect.bisect_left(lst, start + 2)
                if k < len(lst) and lst[k] < para_end and (close is None or lst[k] < close):
                    close = lst[k]
            if close is None:
                continue
            quote = _unescape(" ".join(text[start + 2:close].split()))
            if not quote:
                continue
            k = bisect.bisect_left(cites, close)
            cite, cite_end = _cite_at(text, cites[k], para_end) if k < len(cites) and cites[k] < para_end \
                else (None, 0)
            what = ("cite", cite, None) if cite is not None else None
            if what is not None:        # ('*"..."* [1][2]': the works cited together)
                what = _cited_together(text, _cites_in(text, cites, cite_end, min(para_end, cite_end + _WINDOW), True,
                                                       para_end), cites[k], cite_end, what)[0]
            if what is None:        # an author-year citation after it, or any citation before it
                b = bisect.bisect_left(breaks, start)
                para_start = breaks[b - 1] + 2 if b else 0
                what = (_cite_near(text, cites, close + 2, min(para_end, close + 2 + _WINDOW), True, para_end)
                        or _cite_near(text, cites, max(para_start, start - _WINDOW), start, False, para_end))
            if what is not None:
                note.quotes.append(_quote_with(quote, what, lines.line(start), start))


def _quote_with(quote: str, what: tuple, line: int, offset: int) -> NoteQuote:
    """An inline quote and its citation as `_cite_near` gives it."""
    if what[0] == "cite":
        return _cited_quote(quote, what[1], line, "inline", offset)
    return NoteQuote(quote=quote, source_link=None, source_text=None, citekey=None, page=what[2],
                     line=line, kind="inline", offset=offset, attribution=what[1],
                     also=[_quote_with(quote, ("author-year",) + other, line, offset)
                           for other in (what[3] if len(what) > 3 else ())],
                     set_beside=[_quote_with(quote, ("author-year",) + other, line, offset)
                                 for other in (what[4][1] if len(what) > 4 else ())],
                     signal=what[4][0] if len(what) > 4 else None)


def _cite_tokens(text: str) -> list[int]:
    """Where a citation may start: an anchor link, a pandoc or footnote citation, a
    numbered one ("[12]", "[[12]](#x)") or an alphabetic one ("[Amm18]"), LaTeX's \\cite, a link to the paper itself
    ("[arXiv](https://arxiv.org/abs/...)", "<https://doi.org/...>")."""
    links = []
    for p in _all(text, "](http") + _all(text, "](<http") + _all(text, "](www.") + _all(text, "](doi:"):
        k = text.rfind("[", max(0, p - 300), p)
        if k >= 0 and "]" not in text[k + 1:p]:
            links.append(k)
    prefixed = []                           # [see @doe2020, p. 3; also @roe2021]
    for p in _all(text, "@"):
        k = text.rfind("[", max(0, p - 60), p)
        if k >= 0 and "]" not in text[k:p]:
            prefixed.append(k)
    # (a footnote's label where it is defined, "[^1]: ...", cites nothing: its mark in the text does)
    marks = [p for p in _all(text, "[^") if not (_FOOTNOTE_LABEL.match(text, p, p + 45)
                                                 and not text[text.rfind("\n", max(0, p - 4), p) + 1:p].strip(" \t")
                                                 and (p < 4 or "\n" in text[p - 4:p]))]
    return sorted(set(_all(text, "<a ") + prefixed + marks + _all(text, "[[")
                      + _link_starts(text)
                      + [p for p in _all(text, "\\") if "cite" in text[p + 1:p + 12].lower()]
                      + [p for p in _all(text, "[") if text[p + 1:p + 2].isdigit() or _ALPHA_AT.match(text, p)
                         or (_BRACKET_KEY_AT.match(text, p) and not (text[p - 1:p].isalnum() or text[p - 1:p] == ":"))]
                      + links + _all(text, "<http") + _all(text, "<doi:")
                      + [p for p in _all(text, "(") if text[p + 1:p + 2].isdigit()
                         or text[p + 1:p + 4] in ("ref", "Ref") and _REF_WORD.match(text, p + 1)]
                      + [p for p in _all(text, "<sup") if text[p + 4:p + 5] in (">", " ")]
                      + [p for p in _all(text, "^") if text[p + 1:p + 2].isdigit() and not text[p - 1:p].isdigit()]
                      + ([m.start() for m in _SUPERSCRIPT_AT.finditer(text)]
                         if any(c in text for c in _SUPERSCRIPT_DIGITS) else [])
                      + [m.end() - 1 for scan in _PLAIN_MARK_SCANS if scan.pattern[0] in text
                         for m in scan.finditer(text) if _PLAIN_MARK_AT.match(text, m.end() - 1)]))


#: A note's number in plain digits glued after a quote's closing mark, the superscript lost in copying, the
#: sentence's stop before or after the mark: '"... emissions."12', '"... emissions".12', '"... emissions”12'
_PLAIN_MARK_AT = lazy(r"(?<=[\w.!?,;:)\]][\"”])\d|(?<=[\w)\]][\"”’][.,;:])\d|(?<=[.!?,;:]’)\d")
#: (where one may be, a closing mark and a digit: a scan for each closing mark first, then the test of each; a scan
#: for a character of a set looks at every character, a twentieth of a second in 10 MB)
_PLAIN_MARK_SCANS = tuple(lazy(mark + r"[.,;:]?\d") for mark in "\"”’")
#: Its numbers: '12', '3,4', '3–5' (never a year, a decimal, a percentage, an ordinal or a number of a unit: '2019',
#: '.5', '12%', '3rd', '3D')
_PLAIN_MARK = lazy(r"\d{1,3}(?:,\d{1,3}|[–-]\d{1,3})*(?![\d%]|[.,]\d|[A-Za-z])")


#: A footnote's definition, at the start of its line: "[^1]: ..."
_FOOTNOTE_DEFINED = lazy(r"(?m)^[ \t]{0,3}\[\^[^\]\s]{1,40}\]:")
#: A footnote's label where it is defined, at the start of its line: "[^1]:"
_FOOTNOTE_LABEL = lazy(r"\[\^[^\]\s]{1,40}\]:")
#: A comparison signal: what opens a citation of a work set beside what it follows, never its source ('see also',
#: 'but see', 'compare', 'contra', 'cf.', German's 'vgl.' and 'siehe auch', French's 'voir aussi'; 'see' alone names
#: the source).
_SIGNAL = r"(?i:(?:see\s+also|but\s+see|compare|contra|siehe\s+auch|voir\s+aussi)\b|cf\.|vgl\.)"
#: A numbered citation's works, then a comparison signal and the works it sets beside them: '1; see also 4', '1, p. 3,
#: cf. 4-5', '2; but see 7'
_NUMBERS_BESIDE = lazy(r"(?P<own>[^;]{1,80}?)\s*[;,]\s*(?P<signal>" + _SIGNAL + r")(?:,?\s+|(?=\d))(?P<rest>[^;]{1,80})")
#: A footnote whose text opens with a comparison signal ('[^1]: See also Strubell et al. (2019).', 'Cf. ...',
#: 'Compare ...', 'But see ...', 'Contra ...', 'Vgl. ...'): it sets a work beside its mark's sentence, never the
#: source of a quote there, nor an entry of the note's list of works
_COMPARED_FOOTNOTE = lazy(r"(?m)^[ \t]{0,3}\[\^([^\]\s]{1,40})\]:[ \t]*[(\[]?[ \t]*" + _SIGNAL)


def _compared_footnotes(text: str) -> tuple[str, set[str]]:
    """The labels of the footnotes that set a work beside their mark's sentence (`_COMPARED_FOOTNOTE`), and the text
    with their marks as spaces (their definitions kept): a sentence they mark cites nothing by them."""
    labels = {m.group(1) for m in _COMPARED_FOOTNOTE.finditer(text)}
    if not labels:
        return text, labels
    mark = re.compile(r"\[\^(" + "|".join(re.escape(label) for label in labels) + r")\](?!:)")
    return mark.sub(lambda m: " " * len(m.group()), text), labels


def _link_starts(text: str) -> list[int]:
    """Where a Markdown link to a reference of the note starts: "[Cohan et al., 2020](#specter)"."""
    out = []
    for mid in _all(text, "](#"):
        k = text.rfind("[", max(0, mid - 200), mid)
        if k >= 0 and "\n" not in text[k:mid] and "]" not in text[k + 1:mid]:
            out.append(k)
    return out


def _cite_at(text: str, pos: int, para_end: int) -> tuple[tuple | None, int]:
    """The citation starting at `pos` (one of `_cite_tokens`) and where it ends."""
    # Looked for within the 2,000 characters a citation may take only: a search to the end
    # of the line for every citation made a note of one long line quadratic.
    limit = min(para_end, pos + 2000)
    line_end = text.find("\n", pos, limit)
    cite_text = text[pos:limit if line_end < 0 else line_end]
    if cite_text.startswith("\\"):
        multi = _LATEX_MULTICITE.match(cite_text)
        end = multi.end() if multi else cite_text.find("}") + 1
    elif cite_text.startswith("[["):
        close = cite_text.find("]]")
        if close >= 0 and not cite_text.startswith("(", close + 2):
            end = close + 2                                             # [[@doe2020]]
            page = _AFTER_LINK_PAGE.match(cite_text, end)
            cite = _citation(cite_text[:end]) if page else None
            if cite is not None and cite[0] == "pandoc" and cite[2] is None and not cite[3].strip():
                return (cite[:2] + (page.group(1).replace(" ", ""),) + cite[3:], pos + page.end())
        else:
            end = cite_text.find(")") + 1                               # [[1]](#ref)
    elif cite_text.startswith("[") and cite_text.find("](") == cite_text.find("]") > 0:
        end = cite_text.find(")", cite_text.find("](")) + 1        # [text](url)
    elif cite_text.startswith("["):
        chain = _IEEE_CHAIN_AT.match(cite_text)
        if chain and cite_text[cite_text.find("]") + 1:].lstrip(" \t")[:1] in ",;" \
                and _SET_APART_BEFORE.search(text, max(0, pos - 40), pos):
            chain = None    # 'Unlike [1], [2] writes': [1] set apart, [2] the subject, never works cited together
        end = chain.end() if chain else cite_text.find("]") + 1                # [1], [2] or [1]–[3]
    elif cite_text.startswith("<sup"):
        end = cite_text.find("</sup>") + 6 if "</sup>" in cite_text else 0
    elif cite_text.startswith("<") and not cite_text.startswith("<a "):
        end = cite_text.find(">") + 1
    elif cite_text.startswith("("):
        end = cite_text.find(")") + 1
    elif _SUPERSCRIPT_AT.match(cite_text):
        end = _UNICODE_RUN.match(cite_text).end()
    elif cite_text.startswith("^"):
        end = cite_text.find("^", 1) + 1                                # ^1^, ^1,2^
    elif cite_text[:1].isdigit():
        # '"... emissions."12': a note's number in plain digits glued after a quote (`_PLAIN_MARK_AT`)
        mark = _PLAIN_MARK.match(cite_text)
        numbers = mark and (_number_list(mark.group()) or ([mark.group()] if mark.group().isdigit() else None))
        return (_numbers("number", numbers, ""), pos + mark.end()) if numbers else (None, pos)
    else:
        end = cite_text.find("</a>") + 4 if "</a>" in cite_text else 0
    cite = _citation(cite_text[:end]) if end > 0 else None
    if cite is not None and cite[0] == "number" and _YEAR_ONLY.fullmatch(cite[1]) \
            and _NAME_BEFORE_YEAR.search(text, max(0, pos - 120), pos):
        return None, pos                    # "Doe et al. [2019]": an author-year citation, read as one
    return (cite, pos + end) if cite is not None and not cite[3].strip() else (None, pos)


# (CommonMark: any ASCII punctuation may be escaped, "\\$5", "\\~8", "\\@key", "\\&amp;" printing what follows)
_ESCAPED = lazy(r"\\([!-/:-@\[-`{-~])")
# ... but in a LaTeX note the marks that are LaTeX's own commands ("\\,", "\\@", "\\/", "\\~n", "\\^i") stay for LaTeX to
# print (a space, nothing, a letter's accent): those Markdown escapes only that LaTeX prints as the mark alike
_ESCAPED_IN_LATEX = lazy(r"\\([\\`*_{}\[\]()#+\-.!\"'|<>])")
#: Whether the note being parsed is a LaTeX note (`_LATEX_NOTE`), its quotes read as LaTeX prints them after.
_IN_LATEX_NOTE: contextvars.ContextVar[bool] = contextvars.ContextVar("_IN_LATEX_NOTE", default=False)
# Inline HTML a writer puts inside a quote: "CO<sub>2</sub>", "benchmark.<sup>1</sup>", "<em>not</em>".
_INLINE_TAG = lazy(r"(?i)(?<!\\)(?:</?(?:sup|sub|em|i|b|strong|u|mark|small|span|cite|q|abbr|code)(?:\s[^<>]{0,200})?/?>"
                  r"|<br\s*/?>)")
# An HTML paragraph or division inside a quote (a blockquote's "<p>...</p>"): a break between words, not words.
_BLOCK_TAG = lazy(r"(?i)(?<!\\)</?(?:p|div)(?:\s[^<>]{0,200})?/?>")
# A note's number in superscript a writer put inside a quote, after a word of three letters or more or its stop
# ("investment,<sup>2</sup> cloud", "training<sup>3,4</sup> and"): the note's mark, no word quoted (never a number's
# or a unit's exponent: "10<sup>9</sup>", "km<sup>2</sup>"; one ending the quote is `_MARK_ENDING_QUOTE`'s)
_SUP_MARK = lazy(r"(?i)(?:(?<=[^\W\d_]{3})|(?<=[^\W\d_][.,;:!?]))<sup>[ \t]*\d{1,3}(?:[ \t]*[,–-][ \t]*\d{1,3}){0,5}"
                 r"[ \t]*</sup>(?=[\s.,;:!?)\"”’»<])(?![.,;:!?]?[ \t]*$)")
# A number raised inside a quote that is no note's mark (`_SUP_MARK`'s): a power ("10<sup>3</sup>", "km<sup>2</sup>",
# "W m<sup>-2</sup>", LaTeX's "10\\textsuperscript{3}" read as HTML's), glued to what it raises
_SUP_POWER = lazy(r"(?i)(?<=[^\W_)\]])<sup>[ \t]*([-−+]?\d{1,3})[ \t]*</sup>")
_TO_SUPERSCRIPT = str.maketrans("0123456789+-−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻")
# A Markdown link inside a quote ("from the [Hugging Face Hub](https://...)"): the reader sees its text only.
_MD_LINK = lazy(r"(?<!\\)\[([^\[\]\n]{1,500})(?<!\\)\]\((?:<[^<>\n]{0,2000}>|[^()\s]{0,2000})(?:[ \t]+\"[^\"\n]{0,200}\")?\)")
# Markdown emphasis around words of a quote: "**does not**", "*does not*", "_not_"
# (never a backslash-escaped marker, nor the underscores inside "en_core_web_sm").
_STRONG = lazy(r"(?<![\\\w*])(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s\\])\1(?![\w*])")
_EMPHASIS = lazy(r"(?<![\\\w*])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])"
                 r"|(?<![\\\w])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)")


def _unescape(quote: str) -> str:
    """A quote as the reader sees it: inline HTML tags, Markdown emphasis and links left out
    ("<sup>1</sup>" is "1", "**does not**" is "does not", "[the Hub](https://...)" is "the Hub"; a
    "<p>" between words a space), HTML entities ("&amp;",
    "&mdash;") decoded, Markdown's backslash escapes (\\" \\* \\[) undone."""
    if "<" in quote:
        if "<sup>" in quote or "<SUP>" in quote:
            quote = _SUP_MARK.sub("", quote)
            # a power is raised as a paper prints it, never flattened into the number before it: "10<sup>3</sup>
            # GPUs" is "10³ GPUs" (read "103 GPUs" it was found in a page's 103 GPUs), "km<sup>2</sup>" "km²"
            quote = _SUP_POWER.sub(lambda m: m.group(1).translate(_TO_SUPERSCRIPT), quote)
        quote = _INLINE_TAG.sub(lambda m: " " if m.group().lower().startswith("<br") else "", quote)
        quote = " ".join(_BLOCK_TAG.sub(" ", quote).split()) if "<" in quote else quote
    if "](" in quote:
        quote = _MD_LINK.sub(r"\1", quote)
    if "*" in quote or "_" in quote:
        quote = _STRONG.sub(r"\2", quote)
        quote = _EMPHASIS.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), quote)
    if "\\" in quote:
        # an escaped "&" is one, never an entity's start ("\\&nbsp;" prints "&nbsp;")
        escaped = _ESCAPED_IN_LATEX if _IN_LATEX_NOTE.get() else _ESCAPED
        quote = escaped.sub(lambda m: "&amp;" if m.group(1) == "&" else m.group(1), quote)
    return html.unescape(quote) if "&" in quote else quote


# -- plain quotes: "..." or “...” in running text, with a citation in their sentence ------------

#: A plain quote shorter than this many words is not read ("so-called “green AI”").
PLAIN_MIN_WORDS = 4
#: A plain quote this long with no citation kb can read is reported as not checked.
UNCITED_MIN_WORDS = 8
_PLAIN_PAIRS = {'"': '"', "“": "”", "„": "“", "‘": "’", "«": "»", "»": "«", "「": "」", "『": "』", "'": "'"}
# a straight single quote mark opens a quote, British style, only at a word's start after a space or a bracket (never
# an apostrophe: "Dodge et al.'s", "O'Neil", "don't", "'90s") ...
_SINGLE_OPENS_AFTER = frozenset(" \t\n([{—–")
# ... nor a Harvard reference's title after its year: "Strubell, E. et al. (2019) 'Energy and policy ...', p. 2."
#: A single word in straight single quote marks: its letters, then its closing mark before no word ("'z' is").
_WORD_QUOTED = lazy(r"[^\W_][^\s']*'(?![\w'])")
_YEAR_BEFORE_TITLE = lazy(r"(?:\(\s*(?:1[89]|20)\d\d[a-z]?\s*\)|\b(?:1[89]|20)\d\d[a-z]?\.)[ \t]*\Z")
# An author-year citation: "(Futoma et al., 2017)", "(Futoma and Smith 2017, p. 7)",
# "(see Strubell et al., 2019: 3)", ACM's "[Futoma et al. 2017]", "(vgl. Müller 2019, S. 7)",
# "(van der Berg et al. [2019])"; and a narrative one: "Futoma et al. (2017)".
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
# (a word of its own: the end of the word before the names is none, "while Doe" is Doe's, never "le Doe")
_PARTICLE = (r"(?<![\w'’-])(?:(?:van|von|der|den|des|de|da|del|della|di|du|le|la|dos|das|ter|ten|zu)\s+|[dl][’']\s?"
             r"|(?:al|el)-(?=[" + _UPPER + "]))")     # (Arabic's article, joined by its hyphen: "al-Farabi")
_SURNAME = rf"{_PARTICLE}{{0,2}}[{_UPPER}][\w'’-]*"
# "et al." as other languages write it: German's "u. a.", French's "et coll.", Spanish's "y otros", "y cols.",
# Portuguese's "e outros", "e col.", Latin's "et alii"; English prose's "and colleagues", "and co-authors"
_OTHER_ET_AL = (r"(?:u\.\s?a\.|et\s+coll?\.|y\s+(?:otros|cols?\.)|e\s+(?:outros|cols?\.)|et\s+alii\b"
                r"|and\s+(?:(?:her|his|their)\s+)?(?:colleagues|co-?authors|co-?workers|collaborators)\b)")
_WHO = (rf"(?P<who>{_PARTICLE}{{0,2}}[{_UPPER}][\w'’.-]*(?:,?\s+(?:et\s+al\.?|{_OTHER_ET_AL}|(?:and|&|und|et|y|e)\s+{_SURNAME}"
        rf"|{_SURNAME})){{0,4}})")
# (no date, or the work's state, where the year goes: "(Doe, n.d.)", "(Doe, in press)", APA's second work of no
# date "n.d.-b"; a page and the page or pages after it: "p. 3f.", "pp. 3 ff.")
# (a number printed bare after the year is a page, not a year: "(Doe, 2020, 2021)" cites two works, _SAME_AUTHOR)
_WHEN = (r"\[?(?:(?P<year>(?:1[89]|20)\d\d)(?P<letter>[a-z]?)|(?P<state>n\.\s?d\.(?:-[a-z])?|in\s+press|forthcoming))\]?"
         r"(?:\s*[,:]\s*(?:(?:pp?\.|pp?(?=\d)|pages?|S\.|s\.|págs?\.|pág|str\.)\s*|(?!(?:1[89]|20)\d\d[a-z]?\b))"
         # (several pages, "pp. 4, 6", each: never a year, "(Doe, 2020, 5, 2021)")
         r"(?P<page>\d{1,5}(?:\s*(?:--|[-–])\s*\d{1,5}|\s?ff?\.?(?![\w.]))?"
         r"(?:,[ \t]*(?!(?:1[89]|20)\d\d[a-z]?\b)\d{1,5}(?:[ \t]*(?:--|[-–])[ \t]*\d{1,5})?(?![\w.]|\.\w)){0,8})"
         # ... or a place that is no page number, which kb does not check: a page in Roman numerals, APA 7's
         # paragraph of a text with no pages, a chapter, section, table, figure, line or note
         # (APA 7's paragraph in its section: "Section 3, para. 2")
         r"|(?:\s*,\s*(?:pp?\.\s*[ivxlcdm]{1,7}\b|(?i:paras?\.|¶{1,2}|ch(?:ap)?\.|chapter|sect?\.|section|§{1,2}|table"
         r"|tab\.|fig(?:ure)?\.?|figs\.|line|ll?\.|note|n\.)\s*[\w.\-–]{1,12}"
         # (or named by its heading: "Method section, para. 1", "Discussion, ¶ 3")
         r"|[A-Z][a-z]{2,20}(?:[ \t]+[a-z]{2,20}){0,2}(?=\s*,\s*(?:(?i:paras?\.)|¶))))"
         r"{1,2})?")
# (one or two: "(see, e.g., Doe, 2020)", "(cf. also Doe, 2020)")
_CITE_PREFIX = r"(?:(?:see(?:\s+also)?|also|cf\.|e\.g\.|i\.e\.|vgl\.|siehe|voir)(?:,?\s+|,(?=\s)))?(?:(?:also|e\.g\.),?\s+)?"
# what a writer adds inside the citation about the quote: "(Doe, 2020, p. 5, emphasis added)"
_EDITORIAL = (r"(?:[,;]\s*(?:(?:my|our|original)\s+)?(?:emphasis|italics)(?:\s+(?:added|mine|ours|supplied|"
              r"in\s+(?:the\s+)?original))?|[,;]\s*(?:my|our|own|author['’]?s['’]?)\s+(?:translation|trans\.)"
              r"|[,;]\s*trans(?:lation|\.)\s+(?:mine|ours)|[,;]\s*translated\s+by\s+(?:the\s+)?(?:author|writer|me|us)"
              r"|[,;]\s*(?:internal\s+)?"
              r"citations?\s+omitted"
              # (or in square brackets after the page: "(Doe, 2020, p. 5 [emphasis added])")
              r"|[,;]?\s*\[\s*(?:(?:my|our|original)\s+)?(?:emphasis|italics)(?:\s+(?:added|mine|ours|supplied|in\s+"
              r"(?:the\s+)?original))?\s*\])?")
_AUTHOR_YEAR = lazy(r"[(\[]\s*" + _CITE_PREFIX + _WHO + r",?\s+" + _WHEN + _EDITORIAL + r"\s*[)\]]")
# an attribution after a quote in running text: "“...” — Strubell et al., 2019, p. 5"
_DASH_NARRATIVE_PAGE = lazy(r"[ \t]*,[ \t]*(?:pp?\.|pages?|S\.)[ \t]*(\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?)(?![\w.,]\d)")
_DASH_WORK = lazy(r"(?:—|–|―|--)[ \t]*" + _WHO + r",?\s+" + _WHEN)
# (the names an attribution opens with)
_WHO_AT = lazy(_WHO)
# several works in one citation: "(Doe, 2019; see also Roe et al., 2020, p. 4)"
_ONE_WORK = _CITE_PREFIX + re.sub(r"\(\?P<\w+>", "(?:", _WHO) + r",?\s+" + re.sub(r"\(\?P<\w+>", "(?:", _WHEN)
_ONE_WORK += r"(?:\s*[,/]\s*(?:1[89]|20)\d\d[a-z]?){0,7}"     # (or more of one author: 'Roe, 2019, 2021', '1950/2019')
# (or after a comma, before a work the citation sets beside the one before it: "(Doe, 2019, p. 1, cf. Roe, 2020)")
_AUTHOR_YEARS = lazy(r"[(\[]\s*" + _ONE_WORK + r"(?:\s*(?:;|,(?=\s*" + _SIGNAL + r"))\s*(?:" + _SIGNAL
                     + r",?\s+)?" + _ONE_WORK + r"){1,11}\s*[)\]]")
_WORKS_SPLIT = lazy(r";|,(?=\s*" + _SIGNAL + r")")
#: A comparison signal opening a part of a citation of several works, and what follows it
_SIGNAL_OPENING = lazy(r"\s*(" + _SIGNAL + r")(?:,?\s+|,(?=\s)|(?=[@\d]))")


def _own_and_beside(parts: list[str]) -> tuple[list[str], str | None, list[str]]:
    """The parts of a citation of several works that cite the quote, the comparison signal after them and the parts
    from it on, without it: '(Doe, 2019; see also Roe, 2020; Poe, 2021)' cites Doe, sets Roe and Poe beside (a signal
    governs the works after it); one opening the citation ('(cf. Doe, 2019; Roe, 2020)') leaves every part the
    quote's, as before (its works are the only ones named)."""
    for i, part in enumerate(parts):
        m = _SIGNAL_OPENING.match(part)
        if m is not None and i:
            return parts[:i], " ".join(m.group(1).lower().split()), [parts[i][m.end():]] + parts[i + 1:]
    return parts, None, []
_WORK = lazy(r"\s*" + _CITE_PREFIX + _WHO + r",?\s+" + _WHEN + r"\s*")
# a secondary citation: the work read, which quotes the work named first, at its page: APA's "(Doe, 2019, as cited
# in Roe, 2020, p. 4)", "(Doe 2019, quoted in Roe 2020: 4)", German's "(Doe 2019, zit. n. Roe 2020, S. 4)", French's
# "(Doe, 2019, cité par Roe, 2020, p. 4)": the quote is checked in Roe's text, whose reference a note lists
_CITED_IN = (r"\s*[,;]?\s*(?:(?:as\s+)?(?:cited|quoted|reproduced)\s+(?:in|by)|zit(?:\.|iert)\s*(?:n\.|nach|in)"
             r"|cit(?:é|ée|ado|ada|ato|ata)\s+(?:par|dans|en|por|in|da)|in)\s+")
_SECONDARY = lazy(r"[(\[]\s*" + _ONE_WORK + _CITED_IN + _WHO + r",?\s+" + _WHEN + r"\s*[)\]]")
# ... and the work read named first, the work it quotes after: "(Roe, 2020, p. 4, quoting Doe, 2019)", the quote
# Doe's words as printed in Roe, checked in Roe (never in Doe: kb may not hold them as Roe prints them)
_QUOTING = lazy(r"[(\[]\s*" + _CITE_PREFIX + _WHO + r",?\s+" + _WHEN + r"\s*[,;]\s*(?:quoting|citing|who\s+quotes?)\s+"
                + re.sub(r"\(\?P<\w+>", "(?:", _WHO) + r"(?:,?\s+" + re.sub(r"\(\?P<\w+>", "(?:", _WHEN) + r")?\s*[)\]]")
# ... and a narrative one: "Doe (2019, as cited in Roe, 2020, p. 4) argues"
_SECONDARY_NARRATIVE = lazy(_SURNAME + r"(?:\s+et\s+al\.?|\s+(?:and|&)\s+" + _SURNAME + r")?(?:['’]s)?\s*[(\[]\s*"
                            r"(?:1[89]|20)\d\d[a-z]?" + _CITED_IN + _WHO + r",?\s+" + _WHEN + r"\s*[)\]]")
# a page written after a wiki link, as Obsidian's, Logseq's and Roam's notes cite: "[[Doe 2020]], p. 3",
# "[[@doe2020]] p. 3", "[[Doe et al. 2020|Doe]] S. 3"
_AFTER_LINK_PAGE = lazy(r"[ \t]*,?[ \t]*(?:pp?\.|pages?|pg\.|S\.)[ \t]*(\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?" + _FOLLOWING + r")(?![\w.,]\d)")
# (its PDF's page: "[[Doe et al. 2020.pdf#page=3|Doe et al. 2020, p. 3]]")
_WIKI_AUTHOR_YEAR = lazy(r"\[\[\s*" + _WHO + r",?\s+" + _WHEN + r"(?:\.(?:pdf|md))?(?:#(?P<heading>[^|\[\]\n]{0,100}))?"
                         r"\s*(?:\|(?P<alias>[^\[\]\n]{0,200}))?\]\]")
# a file's suffix on a wiki link's target: "doe2020.pdf", "doe2020.md"
_FILE_SUFFIX = lazy(r"(?i)\.(?:pdf|md)$")
# works of one author by their years: "(Doe, 2020, 2021)", "(Doe et al., 2020a, 2020b)"
# ... and a work republished, by its first year and its edition's, which the knowledge base may hold either of:
# APA's "(Doe, 1950/2020, p. 4)", "(Doe, [1950] 2020)" (its page is the edition's: none is checked)
_YEARS = (r"(?:(?:1[89]|20)\d\d[a-z]?(?:\s*,\s*(?:1[89]|20)\d\d[a-z]?){1,7}|\[?(?:1[89]|20)\d\d(?:\]\s*|\s*/\s*)"
          r"(?:1[89]|20)\d\d[a-z]?)")
# (its page after a comma and 'p.', or after a colon as Harvard prints it: "(Doe, 1950/2020: 4)")
_REPUBLISHED_PAGE = r"(?:(?:\s*,\s*(?:pp?\.|pages?)|\s*:(?:\s*pp?\.)?)\s*\d{1,5}(?:\s*[-–]\s*\d{1,5})?)?"
_SAME_WORKS = lazy(r"\s*" + _CITE_PREFIX + _WHO + r",?\s+(?P<years>" + _YEARS + r")" + _REPUBLISHED_PAGE + r"\s*")
_SAME_AUTHOR = lazy(r"[(\[]\s*" + _CITE_PREFIX + _WHO + r",?\s+(?P<years>" + _YEARS + r")" + _REPUBLISHED_PAGE
                    + r"\s*[)\]]")
# natbib's \citet in square brackets too; a comma after 'et al.' as some write it ("Doe et al., (2020)"), or its
# possessive ("Doe et al.'s (2020) study")
_NARRATIVE = lazy(_WHO + r"(?:['’]s)?,?\s*[(\[]\s*" + _WHEN + r"\s*[)\]]")
# ... and a narrative citation of one author's works by their years, or of a work republished, as the bracketed
# ones: "Doe (1950/2020)", "Doe and Roe ([1950] 2020, p. 4)", "Doe's (2020, 2021) studies"
_NARRATIVE_WORKS = lazy(_WHO + r"(?:['’]s)?,?\s*[(\[]\s*(?P<years>" + _YEARS + r")" + _REPUBLISHED_PAGE + r"\s*[)\]]")
# a year in square brackets after a name: natbib's "Doe et al. [2019]", no reference numbered 2019
_NAME_BEFORE_YEAR = lazy(_WHO + r"\s*$")
_YEAR_ONLY = lazy(r"(?:1[89]|20)\d\d")
# MLA: "(Futoma et al. 243)", "(Lo and Wang 4969-70)", "(Doe, Roe, and Poe 12)", as some write it with a comma
# ("(Futoma et al., 243)"): author and page, no year; read only when the note's references have that first author
# (MLA's indirect source, the work read, which quotes another: "(qtd. in Doe et al. 3)")
# (the name of the work it quotes before it: "(Roe, qtd. in Doe et al. 3)", "(Roe, as cited in Doe 4)")
# (... and its year and page, as Chicago and a mixed style give them: "(Roe 2019, 3, quoted in Doe et al. 8)",
# "(Roe et al. 2019, qtd. in Doe 4)": the page is the work quoted's, the one checked the work read's)
_QTD_IN = (r"(?:(?:" + _SURNAME + r"(?:\s+et\s+al\.?|\s+(?:and|&)\s+" + _SURNAME + r")?"
           r"(?:,?\s+(?:1[89]|20)\d\d[a-z]?(?:,\s*(?:pp?\.\s*)?\d{1,5}(?:\s*[-–]\s*\d{1,5})?)?"
           r"|,?\s+(?:pp?\.\s*)?\d{1,5}(?:\s*[-–]\s*\d{1,5})?)?\s*,?\s+)?(?:as\s+)?"
           r"(?:qtd\.|quoted|cited)\s+in\s+)?")
# MLA's work read first, the work it quotes after: "(Doe et al. 8, quoting Roe et al.)", "(Doe 4, citing Roe 2019)"
# (the work quoted's page, if given, is not the one checked)
_QUOTING_TAIL = (r"(?:\s*[,;]\s*(?:quoting|citing|who\s+quotes?)\s+" + _SURNAME + r"(?:\s+et\s+al\.?|(?:,\s+" + _SURNAME
                 + r"){0,8},?\s+(?:and|&)\s+" + _SURNAME + r")?(?:,?\s+(?:1[89]|20)\d\d[a-z]?)?"
                 r"(?:,?\s+(?:pp?\.\s*)?\d{1,5}(?:\s*[-–]\s*\d{1,5})?)?)?")
_QTD_WORDS = lazy(r"\b(?:(?:qtd\.|quoted|cited)\s+in|quoting|citing|who\s+quotes?)\b")
# (a family name of two words with no hyphen, or opening with a capital particle: "(Luccioni and Hernandez Garcia 6)",
# "(Van Gysel, de Rijke, and Kanoulas 3)", "(Lopez Santamaria and Doe 4)"; the names' work cited before, as older
# styles write it in the text: "(Doe et al., op. cit., p. 4)", the one work of theirs here)
_MLA_SURNAME = (r"(?:(?:Van|Von|De|Da|Del|Della|Di|Du|Le|La|Dos|Das|Ter|Ten)\s+(?=[a-z]+\s|[" + _UPPER + r"]))?" + _SURNAME
                + r"(?:\s+[" + _UPPER + r"][\w'’-]*(?=\s+et\s+al\b|,|\s+(?:and|&)\s|\s+(?:pp?\.\s*)?\d))?")
_AUTHOR_PAGE = lazy(r"\(\s*" + _QTD_IN + r"(?P<who>" + _MLA_SURNAME + r"(?:\s+et\s+al\.?|(?:,\s+" + _MLA_SURNAME
                    + r"){0,8},?\s+(?:and|&)\s+" + _MLA_SURNAME + r")?),?\s+(?:(?:op|loc)\.\s?cit\.,?\s*)?"
                    r"(?:(?:pp?\.|pages?)\s*)?"
                    r"(?P<page>\d{1,5}(?:\s*[-–]\s*\d{1,5})?" + _FOLLOWING + r"\.?)" + _QUOTING_TAIL +
                    # (a work set beside it after, its page that work's: "(Doe et al. 3; see also Roe 5)")
                    r"(?:\s*[;,]\s*" + _SIGNAL + r"[^()\n]{1,200}?)?\s*\)")
# a footnote's short form of its authors' names and a page alone, the one work of theirs the notes cite:
# "Doe, Roe, and Poe, 12.", "Doe et al., p. 5.", "Doe and Roe, 4-5."
_NAMES_AND_PAGE = lazy(_SURNAME + r"(?:\s+et\s+al\.?|(?:,\s+" + _SURNAME + r"){0,8},?\s+(?:and|&)\s+" + _SURNAME
                       + r")?,\s*(?:pp?\.\s*)?\d{1,5}(?:\s*[-–]\s*\d{1,5})?\.?")
# ... and in a sentence, its page in brackets after the names: "Doe et al. (p. 2) write", "Doe and Roe (pp. 4–5) note"
_NAMES_PAGE = lazy(_WHO + r"(?:['’]s)?,?\s*\(\s*(?:pp?\.|pages?|S\.)\s*(?P<page>\d{1,5}(?:\s*[-–]\s*\d{1,5})?"
                   + _FOLLOWING + r")\s*\)")
#: A particle opening a family name, capitalised as a citation's first word sets it: 'Van der Berg', 'De la Cruz', 'Le
#: Cun' (one at most, before `_SURNAME`'s own)
_CAPITAL_PARTICLE = r"(?:(?:Van|Von|De|Da|Del|Della|Di|Du|Le|La|Dos|Das|Ter|Ten)\s+(?=[a-z]+\s|[" + _UPPER + r"]))?"
# MLA's author, short title and page, for an author of several works: '(Doe et al., "Short Title" 12)',
# '(Doe and Roe, *Short Title* 4-5)'; read only when the note's references have a work of that author so titled
_AUTHOR_TITLE_PAGE = lazy(r"\(\s*" + _QTD_IN + r"(?P<who>" + _CAPITAL_PARTICLE + _SURNAME + r"(?:\s+et\s+al\.?|(?:,\s+" + _SURNAME
                          + r"){0,8},?\s+(?:and|&)\s+" + _SURNAME + r")?),\s+"
                          r"(?:[\"“](?P<quoted>[^\"“”\n]{2,120}?)[,.]?[\"”]"
                          r"|(?<![*\w])[*_](?P<italic>[^*_\n]{2,120})[*_](?![*\w]))"
                          r"(?:,?\s+(?P<page>\d{1,5}(?:\s*[-–]\s*\d{1,5})?" + _FOLLOWING + r"\.?))?\s*\)")
# a work's title in italics, two words or more, and its year in brackets: '*Energy and Policy Considerations* (2019)',
# '_Power Hungry Processing_ (2024, p. 8)'
_ITALIC_TITLE_YEAR = lazy(r"(?<![*\w\\])(?P<em>\*{1,2}|_{1,2})(?P<title>[A-Z][^*_\n]{0,200}?\s[^*_\n]{1,200}?)(?<=\S)(?P=em)"
                          r"(?![*\w])[ \t]*\([ \t]*(?P<year>(?:1[89]|20)\d\d)[a-z]?(?:[ \t]*,[ \t]*(?:pp?\.[ \t]*)?"
                          r"(?P<page>\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?))?[ \t]*\)")
# a sentence ending between a quote and a citation: the citation is another sentence's
_SENTENCE_END = lazy(r"[.!?][\"”’)*_]*\s+[\"“(*_]*[A-Z]")
# a sentence ending just before a quote ('Doe et al. (2019) studied this. "..."'): its citation is
# that sentence's, not the quote's; "e.g." "i.e." "cf." "vs." "p." and "et al." end none
_ENDS_SENTENCE = lazy(r"(?<!\bal)(?<!\be\.g)(?<!\bi\.e)(?<!\bcf)(?<!\bvs)(?<!\bpp)(?<!\bp)"
                      r"[.!?][\"”’)*_\]]*\s+$")
# a sentence opening with a citation: a LaTeX command ("\\citet{doe} found"), a pandoc key ("@doe
# found"); not one in brackets, which a writer sets after the full stop ("... end." \\citep{doe})
_OPENS_WITH_CITATION = lazy(r"[.!?][\"”’)*_]*\s+(?:\\(?!(?i:(?:no)?cite(?:p|alp|num)?\b"
                            r"|(?:paren|auto|foot|super|smart)cite))[A-Za-z]|@[A-Za-z])")
# "(ibid.)", "(ibid., p. 4)", "(Ibid., 33-35)", "[ibidem, S. 4]": the citation before, at this page
# "Ibid.", "ibidem", a legal writer's "Id.", German's "ebd.", "ebenda", Spanish's "ibíd."
_IBID_WORD = r"(?:ibid(?:em)?\.?|id\.|ebd\.|ebenda\b|ibíd(?:em)?\.?|íd\.)"
# a page as a note gives it after a work: "4", "p. 4", "pp. 33-35", "S. 4", "at 7"
_NOTE_PAGE = r"(?:(?:pp?\.|pp?(?=\d)|pages?|S\.|at)\s*)?(?P<page>\d{1,5}(?:\s*(?:--|[-–])\s*\d{1,5})?" + _FOLLOWING + ")"
# (Harvard's colon before the page too: "(ibid.: 4)", "(ibid: 33-35)")
_IBID_PAREN = lazy(r"[(\[]\s*" + _IBID_WORD + r"(?:\s*[,:]?\s*" + _NOTE_PAGE + r")?\s*[)\]]", 0x2)
#: A blockquote signed with 'Ibid.' alone, or its page: '— Ibid.', '— Ibid., 6', '-- ibid., p. 6'
_DASH_IBID = lazy(r"(?:—|―|–|--)[ \t]*" + _IBID_WORD + r"(?:[ \t]*,?[ \t]*" + _NOTE_PAGE + r")?[ \t]*\.?", re.I)
# the paper's own identifier written after (or before) a quote, bare or in brackets:
# "https://arxiv.org/abs/1906.02243", "(arXiv:1906.02243)", "[doi:10.18653/v1/P19-1355, p. 3]"
# ... its scheme left off an arXiv or DOI page's address: "[arxiv.org/abs/1906.02243]", "(doi.org/10.18653/...)"
_BARE_ID = lazy(r"(?<![\w/\"'=])[(\[]?\s*(?P<id>https?://[^\s()\[\]<>\"']+[^\s()\[\]<>\"'.,;:]"
                r"|arXiv:\s?\d{4}\.\d{4,5}(?:v\d+)?|doi:\s?10\.\d{4,9}/[^\s()\[\]<>\"']+[^\s()\[\]<>\"'.,;:]"
                r"|(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/\d{4}\.\d{4,5}(?:v\d+)?(?:\.pdf)?(?![\w/.])"
                r"|(?:dx\.)?doi\.org/10\.\d{4,9}/[^\s()\[\]<>\"']+[^\s()\[\]<>\"'.,;:])"
                r"(?:\s*,\s*(?:pp?\.|pages?)\s*(?P<page>\d{1,5}(?:\s*[-–]\s*\d{1,5})?))?\s*[)\]]?", 0x2)
_SCHEMED = lazy(r"(?i)https?://|arxiv:|doi:")
# Quarto's (and pandoc-crossref's) cross references, no citations: "@fig-energy", "[@tbl-costs]", "@sec:intro"
_CROSSREF = lazy(r"(?:fig|tbl|lst|eq|sec|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|apx)[-:]\w")
_PANDOC_NARRATIVE = lazy(r"(?<![\w@\[])@\{?([A-Za-z0-9_](?:[\w:.#$%&+?<>~/" + _HIDDEN + r"-]*[\w])?)\}?")
_WINDOW = 400
_LINK_TITLE = lazy(r"\]\([^)\s]*\s+$")
#: Where a reference entry puts its title in quote marks: after "Doe, J. (2020)." or, in a
#: numbered list, after the authors' comma ("[3] J. Doe, "Title," in Proc. ...").
_ENTRY_TITLE = lazy(r"\(\s*(?:1[89]|20)\d\d[a-z]?\s*\)\s*\.\s*$|^\s*(?:[-*+]\s+)?(?:\[\d{1,4}\]|\d{1,4}[.)])\s.*,\s*$")


# words that open a sentence before a narrative citation, capitalised there as a name is, and no family name:
# "As Doe and Roe (2020) show" cites Doe and Roe, where _WHO reads the names from "As" on
_SENTENCE_OPENERS = frozenset("""as thus so see since when while whereas where unlike like following after before
according although though because but and yet then hence here indeed however also only even both recently earlier
later previously similarly likewise neither either notably moreover furthermore therefore accordingly specifically if once unless
until in for from with by on at to of per cf alongside beside besides despite against beyond via contra
selon d'après d’après laut nach gemäß según segun segundo secondo conforme comme como come wie""".split())
# (the last: "according to" and "as" in French, German, Spanish, Portuguese and Italian notes: "D'après Doe (2019)")


def _without_opener(who: str) -> str:
    """An author-year citation's names without the word opening the sentence before them ("As Doe and Roe"
    -> "Doe and Roe"), where a name follows that word, nor the phrase its comma sets off before them
    ("In Europe, Doe et al.", "Recently, Doe and Roe", "In the United States, Doe et al." -> the names after it)."""
    first, _, rest = who.partition(" ")
    placed = False
    if (rest[:1].isupper() or _OPENS_WITH_PARTICLE.match(rest) and rest.lstrip("dl'’ ")[:1].isalpha()
            and any(w.rpartition("-")[2][:1].isupper() for w in rest.split()[:3])) \
            and first.lower().removesuffix(".") in _SENTENCE_OPENERS:     # ("Cf. Doe", "As van der Berg")
        placed, who = first.lower() in _PLACE_OPENERS, rest
    lead, comma, names = who.partition(",")
    names = names.strip()
    if comma and names[:1].isupper() and (lead.lower() in _SENTENCE_OPENERS or lead.lower() in _ADVERBS):
        return names    # "Later, Doe, Roe, and Poe"
    if not comma or not names[:1].isupper() or lead.split()[0].lower() in _PARTICLES or "," in names:
        return who      # (names listed: "Doe, Roe, and Poe", "In Doe, Roe, and Poe")
    # an opening phrase set off by its comma: of where or when before one author ("In Europe, Doe", "At Google
    # Research, Doe and Roe"), or any words before one author and others, which no list of names writes
    # ("United States, Doe et al."); one word before the comma and two names after it may be a list of three,
    # as Harvard writes one ("In Doe, Roe and Poe (2020)"), and is left whole
    if placed and (len(lead.split()) > 1 or not _TWO_NAMED.search(names)) or names.endswith(("et al.", "et al")):
        return names
    return who


_TWO_NAMED = lazy(r"\s(?:and|&|und|et|y|e)\s")


#: Adverbs a sentence opens with, set off by a comma, before a narrative citation: "Recently, Doe (2020)".
_ADVERBS = frozenset("""however recently notably similarly importantly interestingly specifically consequently
additionally finally subsequently conversely crucially surprisingly nevertheless nonetheless meanwhile instead
elsewhere overall today again first second third lastly critically strikingly tellingly
relatedly separately alternatively independently""".split())


#: Words opening a phrase of where or when before a citation's names: "In Section Three, Doe et al. (2020)".
_PLACE_OPENERS = frozenset("in at on during within throughout across under over from for of".split())
_PARTICLES = frozenset("van von der den des de da del della di du le la dos das ter ten zu".split())


def _cited_who(m) -> str:
    """The names of an author-year citation as a reference kb reads writes them ("Smith et al.", "Lo and Wang"),
    without the possessive of a narrative one ("Doe's (2020) study", "Jones’ (2019)")."""
    who = " ".join(m.group("who").split())
    if " " in who:
        who = _ET_AL_AS_WRITTEN.sub(" et al.", who)
    if who[-1:] in "'’s":
        who = _POSSESSIVE.sub("", who)
    return _AND.sub(" and ", _without_opener(who).rstrip(",").rstrip("."))


_POSSESSIVE = lazy(r"(?:['’]s|(?<=s)['’])$")
_ET_AL_AS_WRITTEN = lazy(r",?\s+" + _OTHER_ET_AL)


def _works_by_year(m) -> list[tuple[str, None]]:
    """The works of one author a citation names by their years ("Doe, 2020, 2021"), as _author_year gives each."""
    years = m.group("years")
    if "/" in years or "]" in years:
        years = ",".join(reversed(re.split(r"[/\]]", years.lstrip("["))))        # (the edition's year first)
    return [(f"{_cited_who(m)}. {y.strip()}.", None) for y in years.split(",")]


def _works(part: str) -> list[tuple[str, str | None]]:
    """The works one part of a citation between semicolons names: "Doe, 2020, p. 4", "Roe, 2019, 2021"."""
    work = _WORK.fullmatch(part)
    if work:
        return [_author_year(work)]
    same = _SAME_WORKS.fullmatch(part)
    return _works_by_year(same) if same else []


def _author_year(m) -> tuple[str, str | None]:
    """(the citation as a reference kb reads, "Turing. 1950.", "Smith et al. 2020."; its page)."""
    who = _cited_who(m)
    # (no date in brackets, as APA prints it, which the reference reader reads as no year: "Doe. (n.d.).")
    when = f"{m.group('year')}{m.group('letter') or ''}." if m.group("year") else f"({m.group('state')})."
    return f"{who}. {when}", (m.group("page") or "").replace(" ", "").rstrip(".") or None


# "and" in the languages of _WHO ("Müller und Schmidt", "Pérez y Gómez") and as "&" ("Lo & Wang",
# "Beltagy, Lo, & Cohan", which a reference reader takes for one name): read as references are
_AND = lazy(r" (?:und|et(?! al\b)|y|e|&) (?=\S)")


def _cite_near(text: str, cites: list[int], lo: int, hi: int, after: bool, para_end: int,
               at: list[int] | None = None, why: list[str] | None = None, until: list[int] | None = None):
    """The citation of a quote among [lo, hi): after it, the first one (before its
    sentence ends); before it, the last one (in the same sentence). (kind, value, page)
    with kind 'cite' (a `_citation` tuple) or 'author-year' (attribution text), or None.
    "(ibid., 4)" is the citation before it, at its own page.
    `at`, when given, gets the offset where the citation found starts; `why`, the reason a quote that works named
    before it say is no one work's, where it is not."""
    found = _cites_in(text, cites, lo, hi, after, para_end)
    if not found:
        return None
    if after:
        # (the whole of what opens there: '(Doe, [1950] 2020)', not its first year's '(Doe, [1950]')
        start, _end, what = min(found, key=lambda f: (f[0], -f[1]))
        if _SENTENCE_END.search(text, lo, start + 1) or _OPENS_WITH_CITATION.search(text, lo, start + 2):
            return None         # the citation is the next sentence's (its first word too: '(p. 1). Later, Doe')
        if _ENDS_SENTENCE.search(text, lo, start) and _SUBJECT_AFTER.match(text, _end, para_end):
            return None         # ... its subject, in brackets: '"..." (p. 1). [@doe2022] turned to', '[3] found'
        if not _tied_after(text, lo, start, what):
            return None         # ('"...," but Roe et al. (2019) disagree': another work the sentence goes on to)
    else:
        start, _end, what = max(found, key=lambda f: f[1])
        end = _end
        if _SENTENCE_END.search(text, end, hi) or _ENDS_SENTENCE.search(text, end, hi):
            return None
        if len(found) > 1 and _SET_APART.search(text, max(lo, start - 40), start + 40) is not None \
                and _set_apart(text, lo, start):
            # 'Doe (2019), following Roe (2022), says': the work set apart is not the one saying it, the subject's
            # work before it is, where the aside is closed by a comma before what the subject says
            subject = _subject_before_aside(text, lo, found, start, end, hi)
            if subject is None:
                if why is not None:
                    why.append(f"the work named last before it, {' '.join(text[start:end].split())}, is set apart "
                               "from the one saying it, which the sentence does not name as one work")
                return None
            start, end, what = subject
        if len(found) > 1 and any(f[1] <= start and _JOINED_WORKS.fullmatch(text, f[1], start)
                                  and not _contrasted_before(text, lo, f[0], f[1], start)
                                  and not _own_link(text, f, start, what) for f in found):
            together = _joined_together(text, lo, found, start, end)
            if together is None:    # names of two kinds joined saying it, 'Doe (2019) and [3] note': not checked
                if why is not None:
                    why.append(_joined_works_said(text, lo, found, start, end))
                return None
            what = together         # 'Both Doe (2019) and Roe (2022) note', '[2] and [3] write': each work asked
        elif len(found) > 1:
            alike = _alike_before(text, lo, found, start)
            if alike is not None:   # 'Like Doe (2019), Roe (2022) writes "..."': Roe's first, Doe's asked too
                what = _with_other(what, alike)
    if what[0] == "ibid":
        what = _ibid_referent(text, cites, start, what[1])
        if what is None:
            return None
    if after:
        what, _end = _cited_together(text, found, start, _end, what)
        read_in = _READ_IN.match(text, _end, para_end)
        if read_in is not None:
            # '"..." [3] (quoted in [5])': the quote as the work read prints it, checked there, never in the one named
            # first (kb may not hold it, or not as the work read prints it); a work read kb cannot tell, no check
            what, _end = _read_in(text, read_in, para_end)
            if what is None:
                return None
    if at is not None:
        at.append(start)
    if until is not None and after:
        until.append(_end)
    return what


#: What follows a citation to name the work the quote was read in, its citation after: '[3] (quoted in [5])', '[3], as
#: cited in [5]', '[@doe2019] (qtd. in [@roe2020, p. 8])'
_READ_IN = lazy(r"[ \t]*(?P<open>\([ \t]*|,[ \t]*)(?:as[ \t]+)?(?:quoted|cited|qtd\.|reproduced)[ \t]+(?:in|by)[ \t]+"
                r"(?=[\[@\\<^(]|" + _PARTICLE + r"{0,2}[" + _UPPER + r"])")
#: ... named by its authors and year: '[@doe2019] (cited in Roe et al., 2021)'
_READ_IN_NAMES = lazy(_WHO + r",?\s+" + _WHEN)
#: ... its page after it: '[3] (quoted in [5], p. 8)'
_READ_IN_PAGE = lazy(r"[ \t]*,[ \t]*(?:pp?\.|pages?)[ \t]*(\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?)")


def _read_in(text: str, m, para_end: int) -> tuple[tuple | None, int]:
    """The citation of the work a quote was read in, after `_READ_IN`'s words, and where it ends; None where it is
    no one citation kb reads ('[3] (quoted in [5]-[7])' names no one work read)."""
    names = _READ_IN_NAMES.match(text, m.end(), para_end)
    if names is not None:       # '[@doe2019] (cited in Roe et al., 2021, p. 8)'
        cite, end = ("author-year",) + _author_year(names), names.end()
    else:
        cite, end = _cite_at(text, m.end(), para_end)
    if cite is not None and cite[0] == "author-year":
        pass
    elif cite is None or cite[0] not in ("number", "pandoc", "latex") or len(cite) > 4:
        return None, m.end()
    page = _READ_IN_PAGE.match(text, end, para_end)
    if page is not None and cite[0] == "author-year" and cite[2] is None:
        cite, end = cite[:2] + (page.group(1).replace(" ", ""),), page.end()
    elif page is not None and cite[2] is None:
        cite, end = cite[:2] + (page.group(1).replace(" ", ""),) + cite[3:], page.end()
    if m.group("open").startswith("("):
        close = re.compile(r"[ \t]*\)").match(text, end, para_end)
        if close is None:
            return None, m.end()
        end = close.end()
    return (cite if cite[0] == "author-year" else ("cite", cite, None)), end


def _tied_after(text: str, lo: int, start: int, what: tuple) -> bool:
    """Whether a citation at `start` after a quote ending at `lo` is the quote's as the words between tie it: a
    citation in brackets or a mark (whatever the words), names and a year or a pandoc key in the running text only
    where nothing stands between but a verb of saying and its like (`_TIE_WORD`): '"...," says Doe (2022)',
    '"...," according to Doe et al. (2022)', '"...," Doe et al. (2022) write'; never '"...," but Roe et al. (2019)
    disagree', '"...," unlike Roe (2019)', '"..."; Roe (2019) measured', another work the sentence goes on to."""
    if start <= lo or text[start:start + 1] in ("(", "[", "<", "^", "\\", "—", "–", "―", "-") \
            or what[0] == "cite" and what[1][0] not in ("pandoc",):
        return True
    if what[0] not in ("author-year", "cite"):
        return True
    between = _ANY_TAG.sub(" ", text[lo:start]) if "<" in text[lo:start] else text[lo:start]
    if any(d in between for d in ("—", "–", "―", "--")):
        return True             # ('"..." — Doe et al. (2022)', '<figcaption>— Doe et al. (2022)': its attribution)
    gap = _TIE_GAP.match(between).end()
    if ";" in between[:gap]:
        return False            # ('"..."; Roe (2019) measured ...': a clause of its own)
    words = [w.strip("()[]*_,:") for w in between[gap:].split()]
    return all(_TIE_WORD.fullmatch(w) for w in words if w)


#: What may stand between markers of one kind citing works together: spaces, a comma or a semicolon ('[1][2]',
#: '[1] [2]', '[@a], [@b]', '<sup>1</sup>,<sup>2</sup>'), a word joining them after a space or a comma ('[1] and [2]',
#: '[1], or [3]': `_JOINING`)
_TOGETHER_GAP = lazy(r"(?:[ \t]|&nbsp;|&#160;|\u00a0)*(?:[,;](?:[ \t]|&nbsp;|&#160;|\u00a0)*)?"
                     r"(?:(?<=[\s,;])" + _JOINING + r"(?:[ \t]|&nbsp;|&#160;|\u00a0)+)?")


def _marker_form(text: str, start: int, end: int, what: tuple) -> tuple | None:
    """How a marker is written, for telling markers of one kind side by side ('[1][2]', '[@a] [@b]', '(Doe, 2019)
    (Roe, 2020)'): its kind and, for a key, whether it has its '@'; names and a year only in brackets of their own;
    None for what is never read as one of works cited together (a page alone, 'ibid.', a link to no list's entry)."""
    if what[0] == "cite":
        kind = _marker_kind(what)
        if kind == "link" and not str(what[1][1] or "").startswith("#"):
            return None             # ('[arXiv](https://...) [code](https://github.com/...)': no list of works)
        return (kind, "@" in text[start:end]) if kind in ("number", "pandoc", "footnote", "link") else None
    if what[0] == "author-year" and text[start:start + 1] == "(" and text[end - 1:end] == ")":
        return ("names",)
    return None


def _cited_together(text: str, found: list[tuple], start: int, end: int, what: tuple) -> tuple[tuple, int]:
    """A quote's citation after it (`what`, at [start, end)) with the markers of its kind written at once after
    it, as the works cited together they are ('"..." [1][2]', '[1] [2]', '[@a] [@b]', '[@a, p. 3] [@b, p. 7]',
    '<sup>1</sup><sup>2</sup>', '^[1][2]', '(Doe, 2019) (Roe, 2020)'), as '[1, 2]' and '[@a; @b]' are: each work
    at its own page; and where it ends. Never a marker of another kind (`_marker_beside`'s), nor a work set beside
    it ('[1] (see also Roe, 2020)'), nor one after any other word or stop: another sentence's."""
    form = _marker_form(text, start, end, what)
    if form is None or not found:
        return what, end
    more: list[tuple] = []
    first_end = end
    before_last = (0, end)          # (len(more), end) before the last marker taken
    for _ in range(MAX_CITED):
        nxt = _TOGETHER_GAP.match(text, end).end()
        here = [f for f in found if f[0] == nxt and f[1] > nxt]
        if not here or _COMPARED.match(text, nxt) is not None:
            break
        f = max(here, key=lambda f: f[1])
        if f[2][0] == "ibid" or _marker_form(text, f[0], f[1], f[2]) != form:
            break
        before_last = (len(more), end)
        if f[2][0] == "cite":
            more += [f[2][1][:3]] + list(f[2][1][4] if len(f[2][1]) > 4 else ())
        else:
            more += [f[2][1:3]] + list(f[2][3] if len(f[2]) > 3 else ())
        end = f[1]
    if more and (_SUBJECT_AFTER.match(text, end) is not None or _GROUP_SUBJECT_AFTER.match(text, end) is not None):
        more, end = more[:before_last[0]], before_last[1]   # ('"..." [1] [2] showed the opposite': [2] its subject)
    if not more or len(more) + 1 + len(_several_of(what)) > MAX_CITED:
        return what, first_end
    if what[0] == "cite":
        cite = what[1]
        return ("cite", cite[:4] + (tuple(_several_of(what)) + tuple(more),), what[2]), end
    return what[:3] + (tuple(_several_of(what)) + tuple(more),), end


def _several_of(what: tuple) -> list[tuple]:
    """The other works a citation as `_cite_near` gives it names with its first ('[1, 2]': [2])."""
    if what[0] == "cite":
        return list(what[1][4]) if len(what[1]) > 4 and what[1][4] else []
    return list(what[3]) if len(what) > 3 and what[3] else []


_A_YEAR = lazy(r"(?:1[89]|20)\d\d")
#: A unit a power is raised on, before a raised number glued to it: 'm<sup>2</sup>', 'km²', 'cm^3^'
_POWERED_UNIT = lazy(r"\b(?:10|[kcmμµnd]?m|ft|in|mi|yd)$")
#: A raised number a citation follows at once (spaces or a no-break space between): 'm<sup>2</sup> [@doe2020]'
_CITATION_NEXT = lazy(r"(?:[ \t]|&nbsp;|&#160;|\u00a0)*")


def _exponent_mark(text: str, found: tuple, others: list[tuple]) -> bool:
    """Whether a raised number after a quote is a power, no note's mark: glued to a unit or a number before it
    ('per m<sup>2</sup>', '10<sup>3</sup>', 'km²', 'm^2^') or to a word another citation follows at once
    ('m<sup>2</sup> [@doe2020]': the citation is the quote's, never a reference [2])."""
    start, end, what = found
    if what[0] != "cite" or what[1][0] != "number" or not (text.startswith(("<sup", "^"), start)
                                                           or _SUPERSCRIPT_AT.match(text, start)):
        return False
    if start == 0 or not text[start - 1].isalnum():
        return False
    if _POWERED_UNIT.search(text, max(0, start - 4), start):
        return True
    nxt = _CITATION_NEXT.match(text, end).end()
    return any(f[0] == nxt and f is not found for f in others)


#: A citation that sets a work beside what it follows, as a comparison signal (_SIGNAL, or 'also') says: never
#: the quote's source where the words before the quote name one.
_COMPARED = lazy(r"[(\[][ \t]*(?:" + _SIGNAL + r"|(?i:also)\b)")


#: The words of a sentence after a citation opening it: ' turned to', ' also found' (never a page: ' pp. 3', ' at 5')
_SUBJECT_AFTER = lazy(r"[ \t]+(?!(?:pp|at|ff)\b)[a-z][a-z'’-]+\b(?![.:]?[ \t]*\d)")


#: What after the last of markers cited together makes it the subject of the words after it, where
#: `_SUBJECT_AFTER` does not: a verb and a figure ('[1] and [4] reports 5 kWh', '[4] measured 3 kWh'; never a
#: locator's word: '[4] page 5'), a possessive ('[4]'s estimate'), or the words going on after a line break
#: ('[1] and [4]\nshow the reverse', a note's hard-wrapped line; never a blank line's new paragraph), or a comma and
#: a word of contrast or of a part of its own between commas before the words going on ('[1] and [4], by contrast, say
#: so', '[4], however, disagree', '[4], for its part, finds'; never '[1] and [4], which say so': both works')
_GROUP_SUBJECT_AFTER = lazy(r"['’]s\b|[ \t]*,[ \t]*(?i:by[ \t]+contrast|in[ \t]+contrast|by[ \t]+comparison"
                            r"|however|on[ \t]+the[ \t]+other[ \t]+hand|conversely|instead|meanwhile|though|in[ \t]+turn"
                            r"|for[ \t]+(?:its|their|his|her)[ \t]+part|on[ \t]+the[ \t]+contrary|in[ \t]+response"
                            r"|(?:in[ \t]+)?(?:its|their)[ \t]+(?:turn|view))[ \t]*,[ \t]*[a-z]"
                            r"|[ \t]*(?:\r?\n[ \t]*(?:>[ \t]*)?|[ \t])"
                            r"(?!(?:pp?|at|ff|pages?|ch|chap|chapters?|sec|sections?|§|figs?|figures?|tab|tables?|eqs?"
                            r"|equations?|n|notes?|lines?|para|paragraphs?|vol|volumes?|app|appendix|no|nos)\b)"
                            r"[a-z][a-z'’-]+\b(?![.:])")


#: What joins two citations naming the works that together say what follows: ' and ', ', ', ' as well as '
#: (and a word of time after 'and': 'Doe (2019), and later Roe (2022), write', 'Doe (2019) and then [3] note')
_JOINED_WORKS = lazy(r"[ \t]*(?:,[ \t]*)?(?:(?:and|&|or|nor|as[ \t]+well[ \t]+as)[ \t]+(?:also[ \t]+"
                     r"|(?<=and[ \t])(?:later|then|subsequently|afterwards|again|more[ \t]+recently)[ \t]+)?)?")
#: Words setting a work apart from the one a sentence's subject names: 'Unlike Doe (2019), Roe (2022) says',
#: 'Roe (2022), unlike Doe (2019), says'
_SET_APART_WORDS = (r"(?i:\b(?:unlike|(?:(?:just|much|exactly)[ \t]+)?like|following|contra|pace|against|(?:in[ \t]+contrast"
                    r"|contrary|as[ \t]+opposed|compared|similar(?:ly)?|in[ \t]+response|responding|in[ \t]+reply|replying"
                    r"|in[ \t]+addition)[ \t]+(?:to|with)|building[ \t]+on|drawing[ \t]+on|(?:in[ \t]+line|consistent"
                    r"|consistently|as)[ \t]+with|after|as[ \t]+in|echoing"
                    r"|dissimilar(?:ly)?[ \t]+to|different(?:ly)?[ \t]+(?:from|than|to)|disagreeing[ \t]+with|contradicting"
                    r"|challenging|questioning|refuting|countering))[ \t]+")
_SET_APART = lazy(_SET_APART_WORDS)
#: ... just before a citation ('Unlike [1], [2] writes', 'Building on [3], [4] notes'), or a comparison's words
#: ('Besides', 'Beyond', 'Rather than', 'Compared with'), whose work is none of the sentence's subject's
_SET_APART_BEFORE = lazy(r"(?:" + _SET_APART_WORDS[:-len(r"[ \t]+")] + r"|(?i:\b(?:besides|beyond|rather[ \t]+than"
                         r"|instead[ \t]+of|apart[ \t]+from|aside[ \t]+from|except(?:[ \t]+for)?)))[ \t]+\Z")
#: Where a sentence opens, what precedes it: a sentence's end, a paragraph's start, a list item's or a heading's mark
_CLAUSE_OPEN = lazy(r"(?:\A|\n[ \t]*\n|[.!?:;][\"”’)*_]*[ \t\n]|(?:\A|\n)[ \t]*(?:[-*+>]|\d{1,3}[.)]|#{1,6})[ \t])"
                    r"[ \t]*[\"“(*_]*\Z")


def _set_apart_at(text: str, lo: int, start: int) -> int | None:
    """Where the words setting apart the work cited at `start` open (`_SET_APART`, the words just before it or the
    first of its match), or None."""
    m = _SET_APART.match(text, start)
    if m is not None:
        return start
    head = text[max(lo, start - 40):start]
    m = None
    for m in _SET_APART.finditer(head):
        pass
    return max(lo, start - 40) + m.start() if m is not None and m.end() == len(head) else None


def _set_apart(text: str, lo: int, start: int) -> bool:
    """Whether the last work cited before a quote, at `start`, is set apart inside the clause of another that says
    it: 'Doe (2019), unlike Roe (2022), says "..."' (never the quote's work)."""
    at = _set_apart_at(text, lo, start)
    return at is not None and text[max(lo, at - 2):at].strip(" \t") == ","


#: What stands between a sentence's subject and an aside setting a work apart: its comma, after what the subject does
#: in a few words of lower case where the aside follows the verb ('Doe (2019), following', 'Doe (2019) writes,
#: following', 'Doe (2019) argue at length, as in')
_BEFORE_ASIDE = lazy(r"(?:[ \t]+[a-z][a-z'’-]*){0,4}[ \t]*,[ \t]*")

#: A citation by key that is a sentence's subject, as a name is: LaTeX's textual commands, pandoc's bare key
#: ('\textcite{doe2019} writes', '\citet{doe2019}, following'; never '\citep{doe2019}' nor '[@doe2019]')
_NARRATIVE_KEY = lazy(r"\\(?i:textcite|citet|citeauthor|citealt)\*?(?![A-Za-z])|@[A-Za-z]")
#: A relative clause opening after an aside, saying its words of the work set apart: ', who wrote', ', whose'
_RELATIVE = lazy(r"[ \t]*(?i:who|whom|whose|which|where)\b")


#: a link to a work's identifier: its arXiv page or PDF, its DOI
_IDENTIFIER_LINK = lazy(r"(?i)(?:https?://)?(?:(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/|(?:dx\.)?doi\.org/10\.)")


#: names, and a year, beside a link to a work's arXiv or DOI page: 'Strubell et al.', 'Luccioni et al. 2023', 'Dodge
#: et al. (2022)', 'Doe and Roe, 2019' (one name alone only with its year: 'Doe (2019)'; never a title's words)
_LINK_NAMES = lazy(rf"(?P<who>{_SURNAME}(?:(?:,?\s+(?:et\s+al\.?|{_OTHER_ET_AL}))|(?:,?\s+(?:and|&)\s+{_SURNAME}))?)"
                   r"(?:['’]s)?(?:,?\s*[(\[]?\s*(?P<year>(?:1[89]|20)\d\d)[a-z]?(?!\d))?")


def _link_names(span: str, at_end: bool) -> str | None:
    """The names (and year) `span` is, or ends with (`at_end`), where they are names: with 'et al.', 'and', or a
    year."""
    best = None
    for m in _LINK_NAMES.finditer(span):
        rest = span[m.end():]
        if at_end and rest.strip(" \t,()[]:;") or not at_end and m.start() and span[:m.start()].strip(" \t(["):
            continue
        who = " ".join(m.group("who").split())
        if m.group("year") or re.search(r"\s(?:et\s+al|and|&)\b|\s&", who):
            best = f"{who} {m.group('year')}" if m.group("year") else who
            if not at_end:
                break
    return best


def _names_at_links(text: str, note: Note) -> None:
    """The names written with each quote's link to an arXiv or DOI page (`NoteQuote.named`): the link's text, the
    names just before it, or those its brackets open with ('(Doe et al., 2019, p. 4, https://doi.org/...)')."""
    for q in note.quotes:
        link = q.source_link or ""
        if not _IDENTIFIER_LINK.match(link) and not link.lower().startswith(("doi:", "arxiv:")):
            continue
        lo, hi = text.rfind("\n\n", 0, q.offset) + 1, text.find("\n\n", q.offset)
        hi = len(text) if hi < 0 else hi
        ident = re.sub(r"(?i)^(?:https?://)?(?:www\.)?", "", link)
        spots = [m.start() for m in re.finditer(re.escape(ident), text[lo:hi])]
        if not spots:
            continue
        at = lo + min(spots, key=lambda k: abs(lo + k - q.offset))
        while at > lo and text[at - 1] not in "([< \t\n":
            at -= 1                                         # the link's scheme, 'https://'
        line_start = text.rfind("\n", lo, at) + 1
        named = None
        if text[at - 1:at] == "(" and text[at - 2:at - 1] == "]":
            close = at - 2                                  # '[label](target)'
            open_ = text.rfind("[", max(line_start, close - 200), close)
            if open_ >= 0:
                named = _link_names(text[open_ + 1:close], True) or _link_names(text[max(line_start, open_ - 80):
                                                                                      open_], True)
        else:
            start = at - 1 if text[at - 1:at] == "<" else at
            named = _link_names(text[max(line_start, start - 80):start], True)
            paren = text.rfind("(", max(line_start, at - 200), at)
            if named is None and paren >= 0 and ")" not in text[paren:at]:
                named = _link_names(text[paren + 1:at], False)
        q.named = named


#: A year written at once after a link of names: '[Doe et al.](#ref-doe) (2019)', '([Doe et al.](#ref-doe), 2019)'
_YEAR_AFTER_LINK = lazy(r"[ \t]*(?:\([ \t]*|,[ \t]*)((?:1[89]|20)\d\d[a-z]?)(?![\d.,]\d)")


def _names_at_anchors(text: str, note: Note) -> None:
    """The names (and year) a quote's link to an anchor of the note is written with, as a second marker of it
    (`NoteQuote.beside`, kind 'link-names'): the link's text where it is names wholly, with the year just after the
    link where it gives none ('[Patterson et al.](#ref-patterson) (2021)' -> 'Patterson et al. 2021.'). kb reads the
    work by them where the note has no such anchor, and says the two disagree where the anchor names another work."""
    for q in note.quotes:
        link = q.source_link or ""
        if not link.startswith("#") or q.beside is not None or q.citekey or q.also or not q.source_text:
            continue
        span = " ".join(q.source_text.split()).strip(" \t()[],;")
        who = _link_names(span, True)
        if who is None or not span.startswith(who.split()[0]):
            continue
        if not _A_YEAR.search(who):
            # (its paragraph near the quote, never the whole of a paragraph of a million links per quote)
            lo = max(text.rfind("\n\n", max(0, q.offset - _WINDOW), q.offset) + 1, q.offset - _WINDOW, 0)
            hi = text.find("\n\n", q.offset, q.offset + len(q.quote) + _WINDOW)
            hi = min(len(text), q.offset + len(q.quote) + _WINDOW) if hi < 0 else hi
            target = f"]({link})"
            spots = [lo + m.start() + len(target) for m in re.finditer(re.escape(target), text[lo:hi])]
            at = min(spots, key=lambda k: abs(k - q.offset)) if spots else None
            year = _YEAR_AFTER_LINK.match(text, at) if at is not None else None
            if year is not None:
                who = f"{who} {year.group(1)}"
        q.beside = NoteQuote(quote=q.quote, source_link=None, source_text=None, citekey=None, page=None, line=q.line,
                             kind="link-names", offset=q.offset, attribution=who.rstrip(".") + ".")


def _own_link(text: str, before: tuple, start: int, what: tuple) -> bool:
    """Whether the citation at `start` is the link to the identifier of the work the names just before it cite, a space
    alone between them: 'Dodge et al. (2022) [arXiv:2206.05229](https://arxiv.org/abs/2206.05229) write' (one work,
    never two named together)."""
    return before[2][0] == "author-year" and what[0] == "cite" and what[1][0] == "link" \
        and not text[before[1]:start].strip() and _IDENTIFIER_LINK.match(what[1][1] or "") is not None


def _joined_before(text: str, lo: int, found: list[tuple], start: int, end: int) -> list[tuple]:
    """The citations joined by 'and', 'or', a comma before a quote, the last at [start, end), in order: 'Both Doe
    (2019) and Roe (2022) note', '[2] and [3] write that', '@a, @b and @c say'."""
    last = [f for f in found if f[0] == start and f[1] == end]
    joined = last[-1:] or [(start, end, None)]
    while True:
        prior = [f for f in found if f[1] <= joined[0][0] and _JOINED_WORKS.fullmatch(text, f[1], joined[0][0])
                 and not _contrasted_before(text, lo, f[0], f[1], joined[0][0])]
        if not prior:
            break
        joined.insert(0, prior[-1])
    return joined


#: a word joining the last two works named together ('Doe (2019) and Roe (2022)', '[1] or [2]', '@a, @b & @c')
_JOINING_WORD = lazy(r"\b(?:and|or|nor|as[ \t]+well[ \t]+as)\b|&")


def _joined_together(text: str, lo: int, found: list[tuple], start: int, end: int) -> tuple | None:
    """The works named together before a quote, saying it ('Both Doe (2019) and Roe (2022) note "..."', '[2] and [3]
    write that "..."', '@a and @b say'), as works cited together after it are ('(Doe, 2019; Roe, 2022)', '[2, 3]'):
    the first, the others each asked too (the verdict says which holds it, or that none does). None where they are
    of different kinds ('Doe (2019) and [3]'), one is 'ibid.', or they are more than kb asks of one quote."""
    joined = _joined_before(text, lo, found, start, end)
    whats = [f[2] for f in joined]
    if len(whats) < 2 or any(w is None or w[0] not in ("cite", "author-year") for w in whats):
        return None
    if not _JOINING_WORD.search(text, joined[-2][1], joined[-1][0]) \
            or _SET_APART_BEFORE.search(text, max(lo, joined[0][0] - 40), joined[0][0]):
        return None     # ('Rather than Roe (2020), Doe (2019) writes', 'Besides [1], [2] notes': a comma alone)
    first = whats[0]
    if any(w[0] != first[0] or w[0] == "cite" and w[1][0] != first[1][0] for w in whats):
        return None
    others: list[tuple] = list(_several_of(first))
    for w in whats[1:]:
        others += ([w[1][:3]] if w[0] == "cite" else [w[1:3]]) + _several_of(w)
    if len(others) + 1 > MAX_CITED:
        return None
    if first[0] == "cite":
        return ("cite", first[1][:4] + (tuple(others),)) + first[2:]
    return first[:3] + (tuple(others),)


#: The words before a work that a sentence's subject says the same as: 'Like Doe (2019), Roe (2022) writes', 'Like [1],
#: [2] notes', 'Just like', 'As with @doe2019, @roe2022 finds', 'Similar to [3], [4] shows', 'In line with',
#: 'Consistent with' (never 'Unlike', 'Contrary to', 'As in', 'Following': a work set apart, `_SET_APART_WORDS`)
_ALIKE_WORDS = (r"(?i:\b(?:(?<!un)like|as[ \t]+with|similar(?:ly)?[ \t]+to|in[ \t]+line[ \t]+with"
                r"|consistent(?:ly)?[ \t]+with))[ \t]+")
_ALIKE_BEFORE = lazy(_ALIKE_WORDS + r"\Z")
#: ... or opening the citation's own words, as names read ('Like Doe et al. (2019)')
_ALIKE_AT = lazy(_ALIKE_WORDS)


def _alike_before(text: str, lo: int, found: list[tuple], start: int) -> tuple | None:
    """The work a sentence opening 'Like X, ...' sets beside its subject, cited at `start`, as saying what it says:
    'Like Doe (2019), Roe (2022) writes "..."' (Doe's, each asked as works named together are); None where there is
    none, or more than one."""
    alike = [f for f in found if f[1] <= start and text[f[1]:start].strip(" \t") == ","
             and (_ALIKE_BEFORE.search(text, max(lo, f[0] - 20), f[0]) or _ALIKE_AT.match(text, f[0]))
             and _contrasted_before(text, lo, f[0], f[1], start)]
    return alike[0][2] if len(alike) == 1 else None


def _with_other(what: tuple, other: tuple) -> tuple:
    """A citation as `_cite_near` gives it with another work asked too (`other`, of its kind); as it is otherwise
    ('Like Doe (2019), [3] writes': two kinds, the subject's alone)."""
    if what[0] not in ("cite", "author-year") or other[0] != what[0] \
            or what[0] == "cite" and other[1][0] != what[1][0]:
        return what
    others = _several_of(what) + ([other[1][:3]] if other[0] == "cite" else [other[1:3]]) + _several_of(other)
    if len(others) + 1 > MAX_CITED:
        return what
    if what[0] == "cite":
        return ("cite", what[1][:4] + (tuple(others),)) + what[2:]
    return what[:3] + (tuple(others),)


def _joined_works_said(text: str, lo: int, found: list[tuple], start: int, end: int) -> str:
    """Why a quote that works named together before it say is not checked: 'Doe (2019) and [3] note' (names and a
    number: two kinds of citation, never read as works cited together)."""
    joined = _joined_before(text, lo, found, start, end)
    works = "; ".join(" ".join(text[f[0]:f[1]].split()) for f in joined)
    return f"it is said by {len(joined)} works named together before it ({works}): which one it quotes, the note " \
           "does not say"


def _subject_before_aside(text: str, lo: int, found: list[tuple], start: int, end: int, hi: int) -> tuple | None:
    """The citation naming the subject whose clause sets apart the work cited at [start, end): 'Doe (2019), following
    Roe (2022), says "..."' or 'Doe (2019) writes, following Roe (2022), that "..."' (Doe's), the aside between commas
    and no other work joined to the subject; or None."""
    at = _set_apart_at(text, lo, start)
    if at is None or text[end:hi].lstrip(" \t")[:1] != "," or _RELATIVE.match(text[end:hi].lstrip(" \t")[1:]):
        return None             # (nor where what follows says it of the work set apart: ', who wrote "..."')
    subjects = {(f[0], f[1]): f for f in found if f[1] <= at and _BEFORE_ASIDE.fullmatch(text, f[1], at)
                and (f[2][0] == "author-year" and text[f[0]] not in "([" or _NARRATIVE_KEY.match(text, f[0]))}
    if len(subjects) != 1:
        return None             # (a parenthetical citation is no sentence's subject: '... (Doe, 2019), following')
    subject = next(iter(subjects.values()))
    if any(f[1] <= subject[0] and _JOINED_WORKS.fullmatch(text, f[1], subject[0]) for f in found):
        return None             # 'Doe (2019) and Lee (2020), following Roe (2022), say': which, it does not say
    return subject


def _contrasted_before(text: str, lo: int, first: int, first_end: int, start: int) -> bool:
    """Whether a work cited at `first` opens its sentence set apart from the one after it, at `start`, a comma between
    them: 'Unlike Doe (2019), Roe (2022) says "..."' (Roe's quote)."""
    if text[first_end:start].strip(" \t") != ",":
        return False
    at = _set_apart_at(text, lo, first)
    return at is not None and _CLAUSE_OPEN.search(text[max(0, at - 12):at] if at > 12 else "\n\n" + text[:at]) \
        is not None


#: How far back "ibid." looks for the citation it repeats, and through how many ibids.
_IBID_REACH = 600
_IBID_CHAIN = 3


def _ibid_referent(text: str, cites: list[int], pos: int, page: str | None):
    """The citation an "(ibid., 4)" at `pos` repeats (the last one before it), at its
    own page: None when there is none near, or it is an author and a page alone."""
    found = sorted((f for f in _cites_in(text, cites, max(0, pos - _IBID_REACH), pos, False, pos) if f[1] <= pos),
                   key=lambda f: f[1])
    what = None
    for _start, _end, what in reversed(found[-_IBID_CHAIN - 1:]):    # through the ibids before it
        if what[0] != "ibid":
            break
        page = page if page is not None else what[1]
    if what is None or what[0] == "ibid":
        return None
    if what[0] == "cite":               # "Ibid." alone: the same page as well
        c = what[1]
        at_page = page if page is not None and c[0] in ("pandoc", "number", "paren-number", "id") else c[2]
        return ("cite", (c[0], c[1], at_page, c[3]) + c[4:], None)
    if what[0] == "author-year":
        return ("author-year", what[1], page if page is not None else what[2]) + what[3:]
    return None


def _cites_in(text: str, cites: list[int], lo: int, hi: int, after: bool, para_end: int,
              most_marks: int | None = None) -> list[tuple]:
    """Every citation among [lo, hi): (start, end, what); past `most_marks` marks read as citations,
    `TooManyCitations` (the rest not read)."""
    found = []
    k = bisect.bisect_left(cites, lo)
    while k < len(cites) and cites[k] < hi:
        if most_marks is not None and len(found) > most_marks:
            raise TooManyCitations(most_marks)
        cite, end = _cite_at(text, cites[k], para_end)
        if cite is not None and cite[0] == "number" and cite[2] is None and len(cite) == 4:
            page = _PAGE_AFTER.match(text, end, para_end)
            if page is not None:        # a note's mark with its page after it: '"..."¹ (p. 3)', '"..."^1^ (p. 3)'
                cite, end = cite[:2] + (page.group(1).replace(" ", ""),) + cite[3:], page.end()
        if cite is not None:
            found.append((cites[k], end, ("cite", cite, None)))
        k += 1
    window = text[lo:hi]
    for rx in (_AUTHOR_YEAR, _NARRATIVE):
        for m in rx.finditer(window):
            if rx is _NARRATIVE and not after and window[m.end():m.end() + 2].lstrip().startswith("."):
                continue    # "Doe, J. (2020). "A title"": a reference entry, not a citation of the quote
            work, end = _author_year(m), lo + m.end()
            if rx is _NARRATIVE and after and work[1] is None and window[:m.start()].rstrip().endswith(_DASHES):
                # a dash's narrative citation after the quote, its page after the year's brackets: '"..."\n— Doe et
                # al. (2022), p. 4', an HTML blockquote's '<footer>— Doe et al. (2022), p. 4</footer>'
                page = _DASH_NARRATIVE_PAGE.match(window, m.end())
                if page is not None:
                    work, end = (work[0], page.group(1).replace(" ", "")), lo + page.end()
            found.append((lo + m.start(), end, ("author-year",) + work))
    if "—" in window or "–" in window or "―" in window or "--" in window:
        for m in _DASH_WORK.finditer(window):
            found.append((lo + m.start(), lo + m.end(), ("author-year",) + _author_year(m)))
    for m in _AUTHOR_YEARS.finditer(window):
        # ('"..." (Strubell et al., 2019, p. 1, cf. Dodge et al., 2022)': the work before the signal is the quote's,
        # at its page, the one set beside it the next of those cited, as after a semicolon)
        parts = _WORKS_SPLIT.split(m.group()[1:-1])
        own, signal, beside = _own_and_beside(parts)
        works = [work for part in own for work in _works(part)]
        if works:
            compared = [work for part in beside for work in _works(part)]
            found.append((lo + m.start(), lo + m.end(), ("author-year",) + works[0] + (tuple(works[1:]),)
                          + (((signal, tuple(compared)),) if compared else ())))
    if ", 1" in window or ", 2" in window or ", [" in window or "/1" in window or "/2" in window or "] 1" in window \
            or "] 2" in window:         # (Harvard's, no comma: "(Doe 1950/2019: 3)", "(Doe [1950] 2019)")
        for m in _SAME_AUTHOR.finditer(window):
            works = _works_by_year(m)
            found.append((lo + m.start(), lo + m.end(), ("author-year",) + works[0] + (tuple(works[1:]),)))
    if "/" in window or "[" in window or ", 1" in window or ", 2" in window:
        for m in _NARRATIVE_WORKS.finditer(window):
            if not after and window[m.end():m.end() + 2].lstrip().startswith("."):
                continue    # "Doe, J. (1950/2020). "A title"": a reference entry, as with _NARRATIVE
            works = _works_by_year(m)
            found.append((lo + m.start(), lo + m.end(), ("author-year",) + works[0] + (tuple(works[1:]),)))
    if "[[" in window:
        for m in _WIKI_AUTHOR_YEAR.finditer(window):
            attribution, page = _author_year(m)
            end = lo + m.end()
            if page is None:
                loc = _LOCATOR.search(f"{m.group('heading') or ''} {m.group('alias') or ''}")
                page = loc.group(1).replace(" ", "") if loc and loc.group(1).isdigit() else None
            paged = _AFTER_LINK_PAGE.match(text, end, min(hi, end + 40) if after else end + 40)
            if page is None and paged:
                page, end = paged.group(1).replace(" ", ""), paged.end()
            found.append((lo + m.start(), end, ("author-year", attribution, page)))
    if " in " in window or "zit" in window or " cit" in window or " by " in window or "quot" in window:
        for rx in (_SECONDARY, _SECONDARY_NARRATIVE, _QUOTING):
            for m in rx.finditer(window):
                found.append((lo + m.start(), lo + m.end(), ("author-year",) + _author_year(m)))
    if "“" in window or '"' in window or "*" in window or "_" in window:
        for m in _AUTHOR_TITLE_PAGE.finditer(window):
            who = " ".join(m.group("who").split()).rstrip(".")
            page = (m.group("page") or "").replace(" ", "").rstrip(".") or None
            year = ""
            if page is not None and _A_YEAR.fullmatch(page):
                page, year = None, f" {page}."  # '(Doe et al., "Short Title," 2024)': the work's year, no page
            found.append((lo + m.start(), lo + m.end(),
                          ("author-page", f"{who}. “{m.group('quoted') or m.group('italic')}”.{year}", page)))
        if "(1" in window or "(2" in window or "( " in window:
            for m in _ITALIC_TITLE_YEAR.finditer(window):
                # a work named by its title in italics and its year, no author: 'As *Energy and Policy
                # Considerations* (2019) puts it'
                title = " ".join(m.group("title").split()).rstrip(",.:")
                page = (m.group("page") or "").replace(" ", "") or None
                start, end = lo + m.start(), lo + m.end()
                # (its title's words are no names: '_Power Hungry Processing_ (2024)' is not 'Processing_ (2024)')
                found = [f for f in found if not (start <= f[0] and f[1] <= end)]
                found.append((start, end, ("author-year", f"“{title}”. {m.group('year')}.", page)))
    if "(p" in window or "( p" in window or "(S." in window:
        for m in _NAMES_PAGE.finditer(window):
            # MLA's names and the page in brackets after them, the quote after: 'Doe et al. (p. 2) write that "..."'
            who = _cited_who(m)
            if who and who.split()[0].lower() not in _NO_NAMES and who.split()[0].lower() not in _SENTENCE_OPENERS:
                found.append((lo + m.start(), lo + m.end(), ("author-page", f"{who}.", m.group("page").replace(" ", ""))))
    for m in _AUTHOR_PAGE.finditer(window):
        if not (m.group("page").isdigit() and len(m.group("page")) == 4 and 1800 <= int(m.group("page")) <= 2099):
            who = " ".join(m.group("who").split()).rstrip(".")
            found.append((lo + m.start(), lo + m.end(),
                          ("author-page", f"{who}.", m.group("page").replace(" ", "").rstrip(".") or None)))
    if "://" in window or ":" in window or ".org/" in window:
        for m in _BARE_ID.finditer(window):
            page = (m.group("page") or "").replace(" ", "") or None
            link = m.group("id")
            if not _SCHEMED.match(link):
                link = "https://" + link        # 'arxiv.org/abs/1906.02243': the page's address
            found.append((lo + m.start(), lo + m.end(), ("cite", ("id", link, page, ""), None)))
    for m in _PANDOC_NARRATIVE.finditer(window):
        if _CROSSREF.match(m.group(1)):
            continue                    # "@fig-energy": Quarto's cross reference to a figure of the note
        start, end = lo + m.start(), lo + m.end()
        tail = _narrative_tail(text, end, min(para_end, end + 80))
        page = None
        if tail is not None:
            page, end = tail
            if text[max(0, start - 1):start] == "(" and text[end:end + 1] == ")":
                start, end = start - 1, end + 1     # "(@doe2019, p. 3)": the brackets are the citation's
        found.append((start, end, ("cite", ("pandoc", m.group(1), page, ""), None)))
    if "^[" in window:
        for m in _INLINE_NOTE.finditer(window):
            if window[m.end():m.end() + 1] == "^" and _CARET_BRACKETED.match(window, m.start(), m.end() + 1):
                continue        # "^[2]^": a numbered citation in superscript (`_citation`), no inline note
            found.append((lo + m.start(), lo + m.end(), _inline_note(m.group(1))))
    if "bid" in window or "Id" in window or "id." in window or "bd." in window or "benda" in window \
            or "bíd" in window or "íd." in window:
        for m in _IBID_PAREN.finditer(window):
            found.append((lo + m.start(), lo + m.end(), ("ibid", (m.group("page") or "").replace(" ", "") or None)))
    # ('"..." per m<sup>2</sup> [@doe2020]': a power, no note's mark)
    return [_linked_page(text, f) if text[f[0] - 1:f[0]] == "(" and text[f[1] - 1:f[1]] in ")]" else f for f in found
            if not _exponent_mark(text, f, found)]


_LINK_TARGET = lazy(r"\([^()\s]{1,500}\)")


def _linked_page(text: str, found: tuple) -> tuple:
    """A citation that is a link, in brackets with its page after the link, as Zotero's word processor plug-in
    and a writer link one: '([Doe, 2019](zotero://select/items/1_AB), p. 2)', '([Doe 2019](#ref-doe), S. 2)'."""
    start, end, what = found
    if text[end - 1] == "]":
        target = _LINK_TARGET.match(text, end)
        if target is None:
            return found
        end = target.end()
    page = _AFTER_LINK_PAGE.match(text, end)
    if page is None or not text.startswith(")", page.end()):
        return found
    page_text = page.group(1).replace(" ", "")
    if what[0] == "cite":
        c = what[1]
        if c[0] == "link":          # (a link keeps its target, which names the work; the page joins its text)
            return start, page.end() + 1, ("cite", c[:2] + (_with_page(c[2], page_text),) + c[3:]) + what[2:]
        if c[2] is not None or c[0] not in ("pandoc", "number", "paren-number", "id"):
            return found
        return start, page.end() + 1, ("cite", (c[0], c[1], page_text) + c[3:]) + what[2:]
    if what[0] not in ("author-year", "author-page") or what[2] is not None:
        return found
    return start, page.end() + 1, what[:2] + (page_text,) + what[3:]


def _with_page(label: str | None, page: str) -> str:
    """A link citation's text with the page written after the link ("Doe 2019" and "2" -> "Doe 2019, p. 2"),
    where its text gives none."""
    if label and _locator_in(label):
        return label
    return f"{label}, p. {page}" if label else f"p. {page}"


# pandoc's inline note after a quote: "..."^[Strubell et al., "Energy and Policy ...," 2019, 5.]
_INLINE_NOTE = lazy(r"\^\[((?:[^\[\]]|\[[^\[\]]{0,200}\]){1,1500}?)\]")
#: ... one whose words cite a work by its pandoc key, in the running text or in brackets ('As @doe2019 writes',
#: '"..." [@doe2019, p. 4]'): a quote there is the note's, its key its citation
_INLINE_NOTE_SAYS = lazy(r"(?<![\w.])@[A-Za-z][\w:.#$%&+?<>~/-]*\w")


def _quotes_in(inner: str) -> bool:
    """Whether an inline note's text holds a quote of a few words or more, in double quote marks, that is no work's
    title: not capitalised as one, nor set after a key and a comma as a reference's ('@doe2019, "Energy and Policy"')."""
    for m in re.finditer(r"[\"“]([^\"“”\n]{8,5000})[\"”]", inner):
        words = m.group(1).split()
        long = [w for w in words[1:] if len(w.strip("()[]'’\"")) >= 4 and w[:1].isalpha()]
        if len(words) < PLAIN_MIN_WORDS or long and sum(w[:1].isupper() for w in long) * 4 >= len(long) * 3 \
                or re.search(r"@[\w:.-]+,[ \t]*(?:in[ \t]+)?$", inner[:m.start()]):
            continue
        return True
    return False


def _notes_apart(text: str, notes: list[re.Match]) -> str:
    """The text with each of pandoc's inline notes `notes` a paragraph of its own ('^[' and its closing ']' as line
    breaks, every offset kept), as `_parse_plain` reads a quote there by its own sentence's words."""
    out = list(text)
    for m in notes:
        out[m.start()] = out[m.start() + 1] = "\n"
        end = m.end() - 1           # its ']': a break before whatever follows it on its line
        out[end] = "\n"
        if text[end + 1:end + 2] not in ("\n", ""):
            out[end - 1] = "\n" if text[end - 1] in ".;," else out[end - 1]
    return "".join(out)


#: an inline note holding a number, a note's list's: "2", "2, p. 4", "1, 3" (never a year, "2019")
_NUMBERED_INLINE_NOTE = lazy(r"[ \t]*\d{1,3}(?!\d)(?:[ \t]*[,;–-][ \t]*\d{1,3}(?!\d))*(?:[ \t]*,?[ \t]*(?:pp?\.?|S\.)"
                             r"[ \t]*\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?)?[ \t]*\.?[ \t]*$")


def _inline_note(inner: str) -> tuple:
    """What an inline note cites: its pandoc citation ("^[See @doe2020, p. 5.]"), else the
    reference it is, at the page it ends on ("^[Doe, "Title," 2020, 5.]")."""
    if _NUMBERED_INLINE_NOTE.match(inner):
        # a number in it ("^[2]", "^[2, p. 4]", "^[1, 3]"): the numbered citation of the note's list, no names
        cite = _citation("[" + inner.strip().rstrip(".") + "]")
        if cite is not None and cite[0] == "number":
            return ("cite", cite, None)
    if "@" in inner:
        cite = _citation("[" + inner.strip().rstrip(".") + "]") or _footnote_citation(inner)
        if cite is not None:        # (or pandoc's narrative citation: "^[@doe2020 [p. 5].]")
            return ("cite", cite[:3] + ("",) + cite[4:], None)
    page = _FOOTNOTE_PAGE.search(inner)
    page = page.group("page").replace(" ", "") if page and not _YEAR.fullmatch(page.group("page")) else None
    return ("author-year", " ".join(inner.split()), page)


def _listed(what, numbers: set[str], note: Note | None = None, why: list[str] | None = None):
    """A citation found by `_cite_near`, unless it is a number in round brackets ("(2)")
    that no reference of the note is numbered by, or an author and a page ("(Futoma
    et al. 243)") whose author no reference of the note has: then it is prose. Where its first author's entry
    names not the others it names, in that order, `why` is told which ("(Van Gysel, de Vries, and Kanoulas 3)")."""
    if what is not None and what[0] == "cite" and what[1][0] == "paren-number" and what[1][1] not in numbers:
        return None
    if what is not None and what[0] == "author-page":
        # (of two works of that author listed, it is a citation too, which says it is ambiguous); in a note
        # that lists no work, names a reader tells for authors ("Doe et al. 3", "Doe and Roe 3", never
        # "Table 3") cite the works of that first author the knowledge base holds, said ambiguous of several
        # (the names before a short title told by themselves: the title's words are none of them, '(Doe, *Short
        # Title* 8)' names one author, '(Doe, *Energy and Policy* 3)' not two)
        names = what[1].split(" “", 1)[0]
        if note is None or not note.references_by_author(what[1]) and (
                not note.references_read or note.references or note.bibliography
                or not (_AUTHORS_SAID.search(names) or one_author_page(names))):
            if note is not None and why is not None and (said := _names_apart(note, what[1])):
                why.append(said)
            return None
        return ("author-year",) + what[1:]
    return what


def _names_apart(note: Note, attribution: str) -> str | None:
    """Why a citation naming several authors ("Van Gysel, de Vries, and Kanoulas") cites none of the entries the note
    lists of its first author: the first name each entry lacks, in that order, or None where it names one author."""
    names = _cited_names(attribution)
    if len(names) < 2 or not note.references:
        return None
    cited = parse_entry(attribution)
    for ref in note._refs().by_author().get(particled_family_key(attribution) or name_key(cited.first_author), ()):
        if cited.year not in (None, ref.entry.year):
            continue
        for k in range(1, len(names)):
            if not _names_in_order(names[1:k + 1], ref.text, cited.year, ref.entry.title if ref.entry else None):
                return (f"it names {names[k]!r} as author {k + 1}, whom the note's entry of {names[0]} "
                        f"(line {ref.line}) does not name there: another work")
    return None


def one_author_page(who: str) -> bool:
    """Whether MLA's one name before a page may be an author's: "(Strubell 3647)", never a place in a work, "(Table
    3)", "(Fig. 2)" (the knowledge base's papers tell it from a thing's name and number, "(Llama 2)": kb verify
    --note checks it only against the one paper here of that first author)."""
    name = _OPENING_PARTICLES.sub("", who.rstrip("."))     # ('van der Berg', 'de la Cruz', 'Le Cun': one name)
    return " " not in name and len(name) > 2 and _PLACE_NAMED.fullmatch(f"{name} 1") is None


#: The particles a family name opens with, capitalised or not: 'van der ', 'De la ', 'Le ', "d'"
_OPENING_PARTICLES = lazy(r"^(?:(?i:van|von|der|den|des|de|da|del|della|di|du|le|la|dos|das|ter|ten|zu)\s+"
                          r"|[dl][’']\s?){1,3}(?=[" + _UPPER + "])")


_PLACE_NAMED = lazy(_NUMBER_PLACE)


# names an MLA citation gives that are authors' by their form: "Doe et al.", "Doe and Roe", "Doe, Roe, and Poe"
_AUTHORS_SAID = lazy(r"\bet\s+al\b|\s(?:and|&)\s")
# an Obsidian callout of a quote, and its title: "[!quote] Strubell et al. 2019, p. 3", "[!cite]- Source"
# (with its colour or other metadata after a bar, as Zotero's templates write it: "[!quote|#ffd400] Highlight")
_QUOTE_CALLOUT = lazy(r"\s*\[!(?i:quote|cite|citation)(?:\|[^\]\n]{0,60})?\][-+]?(?:[ \t]+(.*))?$")
# a link into the reader app a quote was highlighted in, ending its blockquote: its text is the quote's citation or
# page ("[Page 3](zotero://open-pdf/...)", "[(Doe et al., 2020, p. 3)](zotero://open-pdf/...)"), its target no work
_APP_LINK_END = lazy(r"[ \t]*\[([^\[\]\n]{1,200})\]\((?:zotero|hook|obsidian)://[^()\s]{1,500}\)[ \t]*$")
# a full stop after a citation ending a blockquote's last line
_CLOSED_CITE = lazy(r"(?<=[\])>^¹²³⁴⁵⁶⁷⁸⁹⁰}])[ \t]*[.;,][ \t]*$")
# what a blockquote's last line ends with in round brackets
_TRAILING_PAREN = lazy(r"\s*(\([^()\n]{1,300}\))\s*$")
# a page alone after a quote whose citation is before it: '... "..." (p. 5).'
# (LaTeX's tie, a space no line breaks at, too: "(p.~5)")
#: (or in square brackets, as pandoc's locator after its narrative citation: '@doe2019 writes that "..." [p. 5]')
_PAGE_AFTER = lazy(r"[ \t,]{0,3}(?:\((?=[^()\[\]\n]{1,40}\))|\[(?=[^()\[\]\n]{1,40}\]))\s*(?:pp?\.|pp?(?=\d)|pages?|S\.)[\s~]*"
                   r"(\d{1,5}(?:\s*[-–]\s*\d{1,5})?)\s*[)\]]")
#: ... or before a work set beside it, in the same brackets: '(p. 2; cf. Roe, 2019)', '(p. 2, see also Roe, 2019)'
_PAGE_BEFORE_COMPARED = lazy(r"[ \t,]{0,3}\(\s*(?:pp?\.|pages?|S\.)[\s~]*(\d{1,5}(?:\s*[-–]\s*\d{1,5})?)\s*[;,]\s*"
                             + _SIGNAL)


#: What splits a quote in two, as the writer's words between its halves: ', Doe et al. (2019) write, ',
#: ' writes Doe (2019): ' (no sentence, line or quote mark ends in them)
_SPLIT_BY = lazy(r",?[ \t]+[^\n\"“”]{3,}?[,:][ \t]+")
_SPLIT_REACH = 160


#: A note's mark set straight after the stop following a quote's closing mark, as Chicago sets it: '"...”.[^1]',
#: '”.¹', '”.<sup>1</sup>', '”.^1^', '”.[1]'
_MARK_AFTER_STOP = lazy(r"\[\^|\[\d|\^\d|<sup[ >]|[¹²³⁴⁵⁶⁷⁸⁹]")


def _closing_narrative(text: str, pos: int, limit: int) -> bool:
    """Whether what follows `pos` is a narrative citation that ends its line, as a quote's own:
    '"...costs." @doe2019 [p. 3]' (where '"...costs." @roe2021 disagrees' begins the next sentence)."""
    at = pos + len(text[pos:limit]) - len(text[pos:limit].lstrip(" \t"))
    m = _PANDOC_NARRATIVE.match(text, at, limit) if text[at:at + 1] == "@" else None
    if m is None or _CROSSREF.match(m.group(1)):
        return False
    tail = _narrative_tail(text, m.end(), limit)
    end = tail[1] if tail is not None else m.end()
    line_end = text.find("\n", end, limit)
    return not text[end:limit if line_end < 0 else line_end].strip(" \t.;")


def _closing_names(text: str, cites: list[int], pos: int, limit: int, para_end: int) -> bool:
    """Whether what follows `pos`, after a quote ending its sentence inside its marks, is the names of a work and their
    citation alone, ending where a sentence does, as the quote's attribution: '"...emissions." Patterson et al.
    (2021).', '"..." Doe and Roe, 2019, p. 4.', '"..." Doe et al. [arxiv.org/abs/2104.10350]' (where '"..." Doe et
    al. (2021) argue otherwise.' begins the next sentence, its subject the work cited)."""
    at = pos + len(text[pos:limit]) - len(text[pos:limit].lstrip(" \t"))
    names = _LINK_NAMES.match(text, at, limit)
    if names is None or names.group("who").split()[0].lower().rstrip(".") in _NO_NAMES | _SENTENCE_OPENERS:
        return False
    found = [f for f in _cites_in(text, cites, at, limit, True, para_end) if f[0] <= names.end() + 2]
    if not found:
        return False
    start, end, what = min(found, key=lambda f: (f[0], -f[1]))
    if start != at and not (what[0] == "cite" and what[1][0] in ("id", "link", "number")
                            and not text[names.end():start].strip(" \t,")):
        return False        # (the names, then the work's link or number: 'Doe et al. [arxiv.org/abs/...]', 'Doe [3].')
    return _ATTRIBUTION_END.match(text, end, para_end) is not None


#: Where a quote's attribution after it ends: its full stop or semicolon, or the line's end ('(2021).', '(2021)\n')
_ATTRIBUTION_END = lazy(r"[ \t]*(?:[.;]|(?=[\n<]|\Z))(?=\s|<|\Z)")


# a narrative citation split around its quote: the names in the prose before it, the year (and page) in brackets
# after it, as APA 7 and Chicago author-date allow: 'Doe writes, "..." (2022, p. 3)', 'As Doe and Roe note, "..."
# (2021, 4)', 'According to Doe et al., "..." (2020: 7)' (the names, then a verb of saying and at most a few words)
#: ... its brackets closed, or going on to a work set beside it: '(2022, p. 2; cf. Roe, 2019)', '(2, see also Roe 4)'
_BRACKETS_END = r"\s*(?:[)\]]|[;,]\s*" + _SIGNAL + r")"
_YEAR_AFTER = lazy(r"[ \t]*[(\[]\s*" + _WHEN + _BRACKETS_END)
_SAYING = (r"(?:writes?|wrote|says?|said|finds?|found|puts?\s+it|points?\s+out|pointed\s+out|adds?|added"
           r"|(?:not(?=e)|argu|stat|observ|conclud|describ|emphasi[sz]|summari[sz]|acknowledg|declar|defin|propos|estimat"
           r"|caution|claim|explain|remark|suggest|report|contend|assert|show|warn|insist|maintain|recommend|highlight"
           r"|mention|reason|stress|admit|answer|comment)(?:e|es|ed|s|ted)?)")
_NAMED_BEFORE = lazy(r"(?<![\w@\\])" + _WHO + r",?\s+(?:(?:who\s+)?(?:[a-z]+ly\s+)?" + _SAYING
                     + r"(?:\s+that)?(?:\s+[a-z][\w'’-]*){0,8}[ \t]*[,:]?"
                     # ... or their verb in another language, one word and a colon: 'Doe et al. betonen:', 'écrivent :'
                     + r"|(?=[a-zß-ÿ])[^\W\d_]{3,20}[ \t\u00a0]*:)[ \t]*[*_]?$")
#: What joins a second quote to the first in the clause saying both: '"A" (p. 2), and that "B"', '"A" and adds that "B"'
_AND_THAT = lazy(r"[\"”]?[ \t]*(?:\(\s*(?:pp?\.\s*)?\d{1,5}(?:\s*[-–]\s*\d{1,5})?\s*\))?[ \t]*[,;]?[ \t]*"
                 r"(?:and|as[ \t]+well[ \t]+as)(?:[ \t]+(?:also|later|further))?(?:[ \t]+" + _SAYING + r")?"
                 r"[ \t]+that[ \t]+")
_ACCORDING_TO = lazy(r"\b(?i:according\s+to|in\s+the\s+words\s+of)\s+" + _WHO + r"\s*,[ \t]*[*_]?$")
#: The words that may stand between a quote and the narrative citation after it that says it is theirs: a verb of
#: saying ('"...," says Doe (2022)', '"...," write Doe et al. (2022)'), 'according to', 'in the words of', 'as ... put
#: it', 'is how', 'quoted in', a page in brackets ('"..." (p. 3), as Doe (2022) notes')
_TIE_WORD = lazy(r"(?i:as|so|thus|here|this|that|is|was|how|what|according|to|in|the|words|of|by|per|it|quoted|cited"
                 r"|also|further|once|put|puts|famously|aptly|a|an|point|made|makes?|authors?|their|his|her|team|paper"
                 r"|study|survey|review|"
                 r"(?:[a-z]+ly\s+)?" + _SAYING + r")")
_ANY_TAG = lazy(r"<[^<>\n]{0,200}>")
_TIE_GAP = lazy(r"[\s,:;—–-]*(?:\(\s*(?:pp?\.\s*)?\d{1,5}(?:\s*[-–]\s*\d{1,5})?\s*\)[\s,:—–-]*)?")
# capitalised words opening a sentence that are no name: 'They write, "..." (2020)'
_NO_NAMES = frozenset("the this these those that they he she we it its our their his her one another some many "
                      "most such other others both each".split())


# ... or MLA's page alone: 'Doe et al. state that "..." (3).', which names the one work of theirs the note lists
_PAGE_ONLY_AFTER = lazy(r"[ \t]*\(\s*(?:(?:pp?\.|pages?)[\s~]*)?(?P<page>\d{1,5}(?:\s*[-–]\s*\d{1,5})?" + _FOLLOWING
                        + r")" + _BRACKETS_END)


#: An aside setting apart a work by its names alone, MLA's way, then the clause going on (no relative clause saying it
#: of them): ', following Roe,' in 'Doe et al., following Roe, write'
_NAMES_ASIDE = lazy(r"[ \t]*,[ \t]*" + _SET_APART_WORDS + _WHO + r"[ \t]*,(?![ \t]*(?i:who|whom|whose|which|where)\b)")


def _named_around(text: str, lo: int, start: int, close: int, hi: int, bare: bool = False) -> tuple | None:
    """The citation of a quote whose names are in the prose before it and whose year is after it (`_YEAR_AFTER`),
    or its page alone (`_PAGE_ONLY_AFTER`: an author and a page, as `_listed` takes one), as `_cite_near` gives
    one, or None. `bare`: the names alone cite it, nothing after it (a footnote's: '[^1]: Doe et al. write
    that "..."', its mark the citation)."""
    after = _YEAR_AFTER.match(text, close + 1, hi)
    paged = _PAGE_ONLY_AFTER.match(text, close + 1, hi) if after is None else None
    if after is None and paged is None and not bare:
        return None
    if "," in text[lo:start]:
        # names set apart in an aside between commas, the subject's clause going on after it, are not the ones
        # saying the quote: 'Doe et al., following Roe, write "..." (3)', 'Doe et al. write, as in Roe, that'
        head = _NAMES_ASIDE.sub("", text[lo:start])
        named = _NAMED_BEFORE.search(head) or _ACCORDING_TO.search(head)
    else:
        named = _NAMED_BEFORE.search(text, lo, start) or _ACCORDING_TO.search(text, lo, start)
    if named is None:
        return None
    who = _cited_who(named)
    if not who or who.split()[0].lower() in _NO_NAMES or who.split()[0].lower() in _SENTENCE_OPENERS:
        return None
    if after is None:
        return ("author-page", f"{who}.", paged.group("page").replace(" ", "") if paged is not None else None)
    page = (after.group("page") or "").replace(" ", "").rstrip(".") or None
    when = f"{after.group('year')}{after.group('letter') or ''}." if after.group("year") else \
        f"({after.group('state')})."
    return ("author-year", f"{who}. {when}", page)


def _said_by_before(text: str, cites: list[int], lo: int, start: int, para_end: int) -> bool:
    """Whether a citation before the quote starting at `start`, in its clause, is followed by the words saying
    it: 'Doe et al. (2022) write that "', 'As [1] notes, "', '@doe2022 [p. 3] argues that "'."""
    found = _cites_in(text, cites, lo, start, False, para_end)
    if not found:
        return False
    between = text[max(f[1] for f in found):start]
    return len(between.split()) <= 12 and not _STOP_THEN.search(between) and bool(_SAID.search(between))


#: A noun naming what a work says, whose 'that' opens the quote: 'The claim in [3] that "..."', 'the argument of Doe
#: (2019) that "..."', '[3]'s view that "..."'
_CLAIM_NOUN = (r"(?:claims?|arguments?|views?|findings?|statements?|assertions?|observations?|conclusions?|suggestions?"
               r"|contentions?|estimates?|remarks?|position|thesis|hypothesis)")
_CLAIM_OF = lazy(r"(?i:\b" + _CLAIM_NOUN + r"[ \t]+(?:in|of|by|from|made[ \t]+(?:in|by))[ \t]+)\Z")
_OWN_CLAIM = lazy(r"(?i)[ \t]*(?:['’]s?[ \t]*)?(?:\([ \t]*(?:1[6-9]|20)\d\d[a-z]?[ \t]*\)[ \t]*)?(?P<noun>"
                  + _CLAIM_NOUN + r"[ \t]+)?that[ \t]*[*_]?")


def _claimed_before(text: str, cites: list[int], lo: int, start: int, para_end: int) -> bool:
    """Whether the work cited last before the quote starting at `start`, in its clause, says it: by words saying it
    (`_said_by_before`) or as the claim its citation names: 'The claim in [3] that "', '[3]'s claim that "', 'the
    argument of Doe et al. (2022) that "'."""
    if _said_by_before(text, cites, lo, start, para_end):
        return True
    found = _cites_in(text, cites, lo, start, False, para_end)
    if not found:
        return False
    first, last = max(found, key=lambda f: f[1])[:2]
    m = _OWN_CLAIM.fullmatch(text, last, start)
    return m is not None and (m.group("noun") is not None or _CLAIM_OF.search(text, max(lo, first - 40), first)
                              is not None)


def _at_page(what: tuple, page: str) -> tuple:
    """A citation as `_cite_near` gives it, at `page` unless it names its own."""
    if what[0] == "cite":
        c = what[1]
        if c[2] is None and c[0] in ("pandoc", "number", "paren-number", "id"):
            return ("cite", (c[0], c[1], page) + c[3:]) + what[2:]
        if c[0] == "link":          # a link's page joins its text, as one after the link in its brackets does
            return ("cite", c[:2] + (_with_page(c[2], page),) + c[3:]) + what[2:]
        return what
    return what if what[2] is not None else what[:2] + (page,) + what[3:]


#: what may close a paragraph after its last quote, then the blank line(s) after it
_PARA_TAIL = lazy(r"[.,;:!?]?[ \t]*\n[ \t]*\n\s*")
#: a paragraph of one line, then a blank line or the note's end: a citation alone, as `_lone_citation` reads it
_LONE_CITATION = lazy(r"([(—–―-][^\n]{2,200}?)[ \t]*(?:\n[ \t]*(?:\n|$)|$)")


def _lone_citation(line: str, numbers: set[str], note: Note) -> tuple | None:
    """A paragraph that is a citation of one work and nothing else, as `_cite_near` gives it: '(Doe et al., 2022,
    p. 4)', '— Doe et al. (2022), p. 4', '-- @doe2022, p. 4'; None of two works, of a work set
    beside another ('cf.'), or of more than a citation."""
    line = line.strip()
    if re.search(_SIGNAL, line):
        return None
    if line.startswith(_DASHES):
        rest = line.lstrip("—–―-").strip()
        c = _attribution_cite(rest)
        if c is not None:
            return ("cite", c) if not c[3].strip() and len(c) <= 4 else None
        rest = rest.rstrip(".").rstrip()
        if not _is_work(rest) or _several_works(rest):
            return None
        page = _attribution_page(rest)
        found = _cites_in(rest, [], 0, len(rest), True, len(rest))
        if not found and _WORK.fullmatch(work := _PAGE_AFTER_WORK.sub("", rest).strip()):
            return ("author-year", work + ".", page)      # '-- Doe et al. 2022, p. 4'
        if len(found) != 1 or found[0][0] != 0 or found[0][2][0] != "author-year" or len(found[0][2]) > 3:
            return None
        return _at_page(found[0][2], page) if page else found[0][2]
    body = line.rstrip(".").rstrip()
    if not body.startswith("("):
        return None     # ('[@doe2022]' alone after a paragraph may cite it, or the note: not the quote's, said so)
    found = _cites_in(body, [], 0, len(body), True, len(body))
    if len(found) != 1 or found[0][:2] != (0, len(body)) or len(found[0][2]) > 3 and found[0][2][3]:
        return None
    what = _listed(found[0][2], numbers, note)
    return what if what is not None and what[0] == "author-year" else None


_PAGE_NUMBER = r"\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?"
#: what a footnote that is a reference holds between its work's title and a quote of the work: its venue, its year,
#: its page, a colon ('," in *FAccT* (2022), 4: ', '" (2022, p. 4): ', '* (2022): ' with the page after the quote; Chicago's
#: comma inside the title's marks, '(2022), "Title," 4: ')
_TITLE_THEN_QUOTE = lazy(r"(?:[\"”]|(?<=[^\s*_])(?P<em>[*_]{1,3})),?[ \t]*(?:in[ \t]+[^\"“”:;()\n]{1,120}?[ \t]*)?(?:\([ \t]*(?:1[89]|20)\d\d[a-z]?"
                         r"[ \t]*(?:,[ \t]*(?:pp?\.[ \t]*)?(?P<p1>" + _PAGE_NUMBER + r"))?[ \t]*\))?[ \t]*"
                         r"(?:(?:,|(?<=,[\"”])|(?<=,[\"”][ \t]))[ \t]*(?:pp?\.[ \t]*)?(?P<p2>" + _PAGE_NUMBER + r"))?[ \t]*:[ \t]*$")
_QUOTE_THEN_PAGE = lazy(r"[ \t]*[.,]?[ \t]*(?:\([ \t]*(?:pp?\.[ \t]*)?(?P<p3>" + _PAGE_NUMBER + r")[ \t]*\))?[ \t]*\.?[ \t]*$")


def _quoting_footnote(text: str, lines: _Lines, line: int, start: int, close: int, note: Note) -> tuple | None:
    """(its label, the page) of a footnote of one line that is the reference of a work, its title in quote marks or
    italics ('*Title*', '_Title_'), quoting it after them, at a page given once, before the quote or after it: '[^3]: Doe et al., "Title" (2022),
    4: "..."', '[^3]: Doe, "Title" (2022): "..." (p. 4).'; None where anything else stands between, another
    quote before, or no page."""
    at = lines.starts[line - 1]
    end = lines.starts[line] - 1 if line < len(lines.starts) else len(text)
    label = _FOOTNOTE_DEF.match(text[at:min(end, at + 50)])
    if label is None:
        return None
    ref = next((r for r in note.references if r.number == "^" + label.group(1) and r.line == line and r.span == 1),
               None)
    head = text[at + label.end():start]
    between = _TITLE_THEN_QUOTE.search(head)
    after = _QUOTE_THEN_PAGE.match(text, close + 1, end)
    if ref is None or not ref.title or between is None or after is None:
        return None
    em = between.group("em")
    if em:
        # its title in italics ('[^3]: Doe et al., *Title* (2022), 4: "..."', '_Title_'): one title so set off, no quote
        # before
        title = head[:between.start()]
        opened = title.find(em)
        if opened < 0 or title.count(em[0]) != len(em) or any(c in title for c in '"“”'):
            return None
        inner = " ".join(title[opened + len(em):].split()).lower()
        if not any(" ".join(t.split()).lower() == inner for t in ref.titles):
            return None     # (the title the reference reads)
    else:
        title = head[:between.start() + 1]
        inner = title[:-1]
        opener = "“" if title[-1] == "”" else '"'
        if title[-1] not in '"”' or inner.count(opener) != 1 or any(c in inner.replace(opener, "") for c in '"“”'):
            return None     # (one title in quote marks, and no other quote before)
        if ref.title.lower()[:40] not in " ".join(title.lower().split()):
            return None
    pages = [p for p in (between.group("p1"), between.group("p2"), after.group("p3")) if p]
    return ("^" + label.group(1), pages[0].replace(" ", "")) if len(pages) == 1 else None


def _quoting_first(text: str, lines: _Lines, line: int, start: int, note: Note) -> tuple | None:
    """(its label, the page or None) of a footnote of one line that opens with the quote at `start`, then cites its
    work (`_quote_first`): '[^1]: "...," Jesse Dodge et al., "Measuring ...," in *FAccT* (2022), 5.'; else None."""
    at = lines.starts[line - 1]
    end = lines.starts[line] - 1 if line < len(lines.starts) else len(text)
    label = _FOOTNOTE_DEF.match(text[at:min(end, at + 50)])
    if label is None or text[at + label.end():start].strip():
        return None
    ref = next((r for r in note.references if r.number == "^" + label.group(1) and r.line == line and r.span == 1),
               None)
    first = _quote_first(text[at:end], label.end())
    if ref is None or first is None or first[0].start("open") != start - at:
        return None
    return "^" + label.group(1), first[1]


#: running text's author-date citation of a work by its title, its page and a colon before the quote of it, Chicago's
#: author-date as notes write it: 'Dodge et al. (2022), "Measuring ...," 4: "..."' (the names and year before the title,
#: the page and colon between it and the quote)
_TITLE_PAGE_COLON = lazy(r"[ \t]*,?[ \t]*(?:pp?\.[ \t]*)?(?P<page>" + _PAGE_NUMBER + r")[ \t]*:[ \t]*")
_NAMES_YEAR_BEFORE_TITLE = lazy(r"(?<![\w@\\])" + _WHO + r",?[ \t]+[(\[]?[ \t]*(?P<year>(?:1[89]|20)\d\d)(?P<letter>[a-z]?)"
                                r"[ \t]*[)\]]?[ \t]*[,.][ \t]*$")


#: a block's text that is a work's names and year, its title in quote marks, a page and a colon, then its quote whole
_TITLED_BLOCK = lazy(r"(?P<head>[^\"“”\n]{3,250}?)[\"“](?P<title>[^\"“”\n]{3,300})[\"”](?P<gap>[^\"“”\n]{1,20}?)"
                     r"[\"“](?P<quote>[^\"“”]{15,5000})[\"”][ \t]*\.?")


def _titled_quote(block: str) -> tuple[str, str, str] | None:
    """(the quote, its work, its page) of a block that is all a work's citation by names, year, title in quote marks
    and page, and a colon before the quote of it ('Dodge et al. (2022), "Measuring ...," 4: "..."'), as
    `_titles_quoted` reads running text's; None for any other block."""
    m = _TITLED_BLOCK.fullmatch(block)
    if m is None or not m.group("title")[:1].isupper() or len(m.group("title").split()) > 30:
        return None
    gap = _TITLE_PAGE_COLON.fullmatch(m.group("gap"))
    who = _NAMES_YEAR_BEFORE_TITLE.fullmatch(m.group("head").strip() + " ") if gap is not None else None
    if who is None or not _without_opener(" ".join(who.group("who").split())) or who.start() != 0:
        return None
    title = " ".join(m.group("title").split()).rstrip(",.")
    return (_unescape(" ".join(m.group("quote").split())).rstrip(",;:"),
            f"{_cited_who(who)}. {who.group('year')}{who.group('letter')}. “{title}”.", gap.group("page").replace(" ", ""))


def _titles_quoted(text: str, pairs: list[tuple[int, int]]) -> dict[int, tuple]:
    """Of running text's quote marks, those that set off a work's title after its authors and year, a page and a colon
    after it, then the quote of the work ('Dodge et al. (2022), "Measuring ...," 4: "..."'): {i: None} for the title's
    pair (a title, no quote) and {i + 1: its citation at that page} for the quote's. Read only where a colon stands
    between two quotes of one line, a few characters apart."""
    out: dict[int, tuple] = {}
    for i in range(len(pairs) - 1):
        (start, close), (nxt, _) = pairs[i], pairs[i + 1]
        if nxt - close > 20 or text.find(":", close + 1, nxt) < 0 or i in out:
            continue
        gap = _TITLE_PAGE_COLON.fullmatch(text, close + 1, nxt)
        inner = text[start + 1:close]
        if gap is None or not inner[:1].isupper() or len(inner.split()) > 30 or "\n" in text[start:nxt]:
            continue
        line_start = text.rfind("\n", max(0, start - 200), start) + 1
        who = _NAMES_YEAR_BEFORE_TITLE.search(text, max(line_start, start - 200), start)
        if who is None or not _without_opener(" ".join(who.group("who").split())):
            continue
        out[i] = None
        title = " ".join(inner.split()).rstrip(",.")
        out[i + 1] = ("author-year", f"{_cited_who(who)}. {who.group('year')}{who.group('letter')}. “{title}”.",
                      gap.group("page").replace(" ", ""))
    return out


def _single_closes(text: str, c: int) -> bool:
    """Whether the straight single quote mark at `c` may close a quote: after a word or its stop, before no word
    (never an apostrophe inside a word, "don't", nor a plural's, "the authors' work")."""
    before, after = text[c - 1:c], text[c + 1:c + 2]
    if not before or before.isspace() or after.isalnum() or after == "'":
        return False
    return not (before in "sz" and after == " " and text[c + 2:c + 3].islower())


def _parse_plain(text: str, lines: _Lines, excluded: list[tuple[int, int]], note: Note) -> None:
    """Quotes in running text, "..." or “...”, of PLAIN_MIN_WORDS words or more, cited in
    their sentence: by a citation after them (pandoc, link, number, footnote, LaTeX,
    author-year) or, failing that, before them ("Futoma et al. (2017) found "..."")."""
    if "``" in text and "''" in text:
        # LaTeX's ``...'' as the curly marks they print, each as long as its two characters
        # (offsets and line numbers stay the note's)
        text = text.replace("``", " “").replace("''", " ”")
    breaks = _all(text, "\n\n")
    cites = _cite_tokens(text)
    marks: dict[str, list[int]] = {}        # each footnote's marks in the text, read once if a footnote needs them
    taken = sorted((q.offset, q.offset + len(q.quote) + 4) for q in note.quotes if q.kind == "inline")
    pos, n = 0, len(text)
    pairs: list[tuple[int, int]] = []
    upcoming = {o: text.find(o) for o in _PLAIN_PAIRS}      # each mark's next place: found once, linear
    closers: dict[tuple[str, bool], list[int]] = {}
    while pos < n:
        for o, at in upcoming.items():
            if 0 <= at < pos:
                upcoming[o] = text.find(o, pos)
        opens = [(at, o) for o, at in upcoming.items() if at >= 0]
        if not opens:
            break
        start, opener = min(opens)
        if opener == "‘" and not text[start + 1:start + 2].isalpha():
            pos = start + 1         # '‘90s', a quote mark typed for an apostrophe
            continue
        if opener == "'" and not (text[start + 1:start + 2].isalpha()
                                  and (start == 0 or text[start - 1] in _SINGLE_OPENS_AFTER)
                                  and not _YEAR_BEFORE_TITLE.search(text, max(0, start - 12), start)):
            pos = start + 1         # an apostrophe ("Dodge et al.'s", "don't"), or a title after its year
            continue
        k = bisect.bisect_left(breaks, start)
        para_end = breaks[k] if k < len(breaks) else n
        closer = _PLAIN_PAIRS[opener]
        # a mark escaped (\") is closed by one escaped: pandoc writes a Word document's straight quote marks so
        escaped = opener == '"' and text[start - 1:start] == "\\"
        if (closer, escaped) not in closers:
            # where each closing mark may close: not escaped (\"), nor an apostrophe inside a
            # word ("the model’s"); found once for the whole note, then bisected
            closers[closer, escaped] = [c for c in _all(text, closer) if (text[c - 1:c] == "\\") == escaped
                                        and not (closer == "’" and text[c + 1:c + 2].isalpha())
                                        and (closer != "'" or _single_closes(text, c))]
        at = bisect.bisect_left(closers[closer, escaped], start + 1)
        close = closers[closer, escaped][at] if at < len(closers[closer, escaped]) else -1
        if closer == "'":
            # a single word quoted ends at its own mark, a plural's as any ("its 'z' is", "the 'limits' table"):
            # read as "the authors' work", the quote ran on to a later mark, paragraphs on
            word_end = _WORD_QUOTED.match(text, start + 1)
            if word_end is not None and (close < 0 or word_end.end() - 1 < close):
                close = word_end.end() - 1
        if close < 0 or close >= para_end:
            pos = start + 1
            continue
        pos = close + 1
        line_start = lines.starts[lines.line(start) - 1]
        if (_in_ranges(excluded, start) or _in_ranges(taken, start)
                or _LINK_TITLE.search(text, max(line_start, start - 300), start)      # [x](url "title")
                or text[line_start:line_start + 4].lstrip(" ").startswith(">")      # a blockquote's
                or text[start - 1:start] in ("=", "*", "_") or text[close + 1:close + 2] in ("*", "_")
                or text.count("`", max(line_start, start - 2000), start) % 2):        # in code
            continue
        pairs.append((start, close))
    # (a footnote citing by key holds no title: a quote there is a quote, "[^1]: See [@doe2020, p. 3]: "..."")
    ref_lines = {r.line + k for r in note.references for k in range(max(1, r.span))
                 if not (r.number or "").startswith("^") or "@" not in r.text or _footnote_citation(r.text) is None}
    numbers = {r.number for r in note.references if r.number}
    found: list[tuple | None] = []          # per pair: (its citation, whether it came after it)
    after_at: list[int | None] = []         # per pair: where the citation after it starts
    reasons: dict[int, str] = {}            # per pair: why the works named before it are no one work
    rows: dict[int, tuple[int, int] | None] = {}

    def row_of(pos: int) -> tuple[int, int] | None:
        """The (start, end) of the Markdown table row ("| ... | ... |") holding `pos`, or None."""
        k = lines.line(pos) - 1
        if k not in rows:
            at = lines.starts[k]
            end = lines.starts[k + 1] - 1 if k + 1 < len(lines.starts) else n
            rows[k] = (at, end) if text[at:at + 4].lstrip(" ").startswith("|") else None
        return rows[k]

    items: dict[int, tuple[int, int] | None] = {}

    def item_of(pos: int) -> tuple[int, int] | None:
        """The (start, end) of the list item ("- ...", "1. ...", with its indented lines) holding `pos`, or None."""
        k = lines.line(pos) - 1
        if k not in items:
            first = k
            while first >= 0 and not _ITEM_START.match(_line_text(text, lines, first)):
                line = _line_text(text, lines, first)
                if first < k and not line.strip() or not line[:1].isspace() and first < k or first == k - 40:
                    first = -1
                    break
                first -= 1
            if first < 0:
                items[k] = None
            else:
                last = k + 1
                # (a line of its paragraph not indented, after it ('* Notes' over 'They say "..."'): the item's
                # lazily, as the lines after it that go on with its paragraph ('(Doe et al. 2024, p. 2).')
                # (an Org block's opening line made its quote mark, spaces before it: 'They say' as well)
                head = _line_text(text, lines, k)
                lazy_lines = first < k and (not head[:1].isspace() or not text[lines.starts[k]:pos].strip()
                                            and text[pos:pos + 1] in "“\"")
                while last < len(lines.starts) and last < k + 40:
                    line = _line_text(text, lines, last)
                    if not line.strip() and text[lines.starts[last] - 1:lines.starts[last]] != "\n":
                        last += 1       # a blank line read as none (a key's citation after an Org block): the item's
                        continue
                    if not line.strip() or _ITEM_START.match(line) or not line[:1].isspace() and not lazy_lines:
                        break
                    last += 1
                end = lines.starts[last] - 1 if last < len(lines.starts) else n
                items[k] = (lines.starts[first], end)
        return items[k]

    titles: set[str] | None = None
    passages: dict[int, re.Match | None] = {}
    row_cites: dict[tuple[int, int], tuple | None] = {}
    row_pages: dict[tuple[int, int], str | None] = {}

    def page_column(row: tuple[int, int], cite: tuple) -> tuple:
        """A quote's citation in a table's row, at the page of the row's page column, unless it names its own."""
        if row not in row_pages:
            row_pages[row] = _column_page(text, lines, row)
        return cite if row_pages[row] is None else _at_page(cite, row_pages[row])

    leads: dict[int, int] = {}              # per line's start: where its text starts after white space
    anchors = _all(text, "</a>") if "</a>" in text else []
    # where each footnote is defined ("[^1]: ..."): footnotes on lines one after another are each a paragraph
    defined = [m.start() for m in _FOOTNOTE_DEFINED.finditer(text)] if "[^" in text else []
    titled = _titles_quoted(text, pairs) if ":" in text else {}
    ends_at: dict[int, int] = {}        # a quote whose words end before its closing mark, at a note's mark inside it
    for i, (start, close) in enumerate(pairs):
        if i in titled:
            # 'Dodge et al. (2022), "Measuring ...," 4: "..."': its title no quote, the quote the work's at that page
            found.append(None if titled[i] is None else (titled[i], False))
            after_at.append(None)
            continue
        k = bisect.bisect_left(breaks, start)
        para_start = breaks[k - 1] + 2 if k else 0
        para_end = breaks[k] if k < len(breaks) else n
        row = row_of(start)
        if row is not None:             # a table's row: the quote's citation is in one of its cells
            para_start, para_end = max(para_start, row[0]), min(para_end, row[1])
        item = item_of(start) if row is None else None
        if item is not None:            # a list item: the quote's citation is in it, not in the next item
            para_end = min(para_end, item[1])
            if text[item[0]:item[0] + 1] not in (" ", "\t"):
                para_start = max(para_start, item[0])   # (a nested item's may be its parent's: "- Doe (2020):")
        d = bisect.bisect_right(defined, start) if defined else 0
        if d < len(defined):            # a footnote's quote: its citation is in it, not in the next footnote's
            para_end = min(para_end, defined[d] - 1)
        if d and defined[d - 1] > para_start:
            para_start = defined[d - 1]
        next_open = pairs[i + 1][0] if i + 1 < len(pairs) else n
        prev_close = pairs[i - 1][1] + 1 if i else 0
        after_end = min(next_open, para_end, close + 1 + _WINDOW)
        paren = text.rfind("(", close + 1, after_end) if after_end == next_open < para_end else -1
        cited = _AUTHOR_TITLE_PAGE.match(text, paren) if paren >= 0 and ")" not in text[paren:next_open] else None
        if cited and cited.end() <= min(para_end, close + 1 + _WINDOW):
            # the next quote marks are inside the citation: MLA's short title, '"..." (Doe, "Title" 4)'
            after_end = cited.end()
        if text[close + 1:close + 2] in ".,;:" and _MARK_AFTER_STOP.match(text, close + 2):
            pass                        # '"...".[^1]': its note's mark after the stop that follows it
        elif text[close - 1:close] in ".!?" and not text[close + 1:after_end].lstrip(" \t\n|" if row else " \t\n").startswith(
                _CITES_AFTER_STOP) and not _SUPERSCRIPT_AT.match(text, close + 1) \
                and not _PLAIN_MARK_AT.match(text, close + 1) and not _closing_narrative(text, close + 1, after_end) \
                and not _closing_names(text, cites, close + 1, after_end, para_end):
            after_end = close + 1       # it ends its sentence: what follows cites the next one
        at_line = lines.starts[lines.line(start) - 1]
        # what the line holds before the quote: its first characters and whether a link ends there ('</a>'),
        # looked up, never the line read again per quote (a line of a million quote marks: minutes)
        first = leads.get(at_line)
        if first is None:
            first = leads[at_line] = _WS_RUN.match(text, at_line, start).end()
        lead = text[first:min(first + 2, start)]
        a = bisect.bisect_left(anchors, at_line) if anchors else 0
        if lead[:2] == "[^" or lead[:1].isdigit() or a < len(anchors) and anchors[a] + 4 <= start:
            # '[^2]: Doe et al., "...," 3.': a passage of their work where a short form has its title, at its page,
            # in a footnote, an endnote or an exported document's note (its link back to its mark no citation)
            if titles is None:
                titles = _listed_titles(note)
            if at_line not in passages:         # read once per line, however many quotes it holds
                passages[at_line] = _passage_line(_line_text(text, lines, lines.line(start) - 1), titles)
            passage = passages[at_line]
            if passage is not None and at_line + passage.start("quote") == start + 1:
                who = " ".join(passage.group("who").split()).rstrip(".") + "."
                when = f" {passage.group('year')}." if passage.group("year") else ""    # ('Doe et al. (2022), "...," 3.')
                found.append((("author-year", who + when, passage.group("page").replace(" ", "")), False))
                after_at.append(None)
                continue
        at: list[int] = []
        until: list[int] = []
        apart: list[str] = []
        cite = _listed(_cite_near(text, cites, close + 1, after_end, True, para_end, at, until=until), numbers, note,
                       apart)
        if cite is None and apart:
            reasons[i] = apart[-1]
        inside = _MARK_ENDING_QUOTE.search(text, max(start + 1, close - 60), close) \
            if cite is None and text[close - 1:close] in _MARK_ENDS else None
        if inside is not None:
            # a note's mark the writer put inside the quote at its end, where none follows it: '“... carefully.²”',
            # '“... it[^1]”' (a mark inside that a citation after it follows is the paper's own)
            at = []
            cite = _listed(_cite_near(text, cites, inside.start(), after_end, True, para_end, at), numbers, note)
            if inside.group("glued") is not None:
                ends_at[i] = inside.start()     # 'development<sup>2</sup>”': its words end before the mark
        if cite is not None and (text[at[-1]:at[-1] + 1].isalpha() or text[at[-1]:at[-1] + 1] == "@") \
                and _said_by_before(text, cites, max(prev_close, para_start, start - _WINDOW), start, para_end):
            # the clause after it names another work: 'Doe et al. (2022) write that "..." (p. 2), but Roe et
            # al. (2020) disagree', 'As [1] notes, "...", but @roe2020 disagrees': the quote is the work whose
            # clause says it, before it
            cite = None
        if cite is not None and text[at[-1]:at[-1] + 1] in ("[", "<", "^", "\\") \
                and any(not _TIE_WORD.fullmatch(w) for w in re.findall(r"[A-Za-z]+", text[close + 1:at[-1]])) \
                and _claimed_before(text, cites, max(prev_close, para_start, start - _WINDOW), start, para_end):
            # a marker after words of the sentence going on, where the work before the quote says it: 'The claim in
            # [3] that "..." is disputed by [2]', '[3]'s claim that "..." is wrong, as [2] shows' (the quote is [3]'s)
            cite = None
        compared = None
        if cite is not None and _COMPARED.match(text, at[-1]) is not None:
            # 'Doe et al. (2022) write "..." (see also Roe et al., 2020)', '(cf. Roe 2020)': a work set beside the
            # quote, whose source the words before it name; where none do, the work it names is the one to check
            compared, cite = (cite, at[-1]), None
        if cite is not None and row is not None:
            cite = page_column(row, cite)
        if cite is not None and item is not None:
            cite = _page_property(text, item, cite)
        if cite is not None:
            beside = _marker_beside(text, cites, cite, until[-1], after_end, para_end, numbers, note) \
                if until and at and until[-1] > at[-1] else None
            found.append((cite, True, beside) if beside is not None else (cite, True))
            after_at.append(at[-1])
            continue
        after_at.append(None)
        at = []
        why: list[str] = []
        cite = _listed(_cite_near(text, cites, max(prev_close, para_start, start - _WINDOW), start, False, para_end,
                                  at, why), numbers, note)
        if why:
            reasons[i] = why[-1]
        if cite is not None and i and after_at[i - 1] is not None and at and at[-1] == after_at[i - 1]:
            cite = None     # '"A"[1] and "B"': [1] is A's citation, not B's (another [1] before B is B's)
        if cite is None and compared is not None:
            cite = compared[0]
            after_at[-1] = compared[1]
        # (a definition's head is at most 47 characters: the line's first 50 read, not the line, per quote)
        footnote = cite is None and _FOOTNOTE_DEF.match(_line_head(text, at_line, 50)) is not None
        if cite is None and (footnote or text[close + 1:close + 4].lstrip(" \t")[:1] in ("(", "[")):
            # (a footnote's quote of names alone: '[^1]: Doe et al. write that "..."', its mark the citation)
            named = _named_around(text, max(prev_close, para_start, start - _WINDOW), start, close, para_end, footnote)
            cite = _listed(named, numbers, note)
            if cite is None and footnote and named is not None and named[0] == "author-page":
                # ... of authors the note's list holds no work of: the work of theirs the knowledge base holds
                cite = ("author-year",) + named[1:]
            if cite is None and footnote and named is None:
                # ... or by its authors' pronoun, '[^1]: They write that "..." (p. 3).': the work its mark's sentence
                # cites, that one alone
                cite = _marked_work(text, cites, lines.starts[lines.line(start) - 1], start, close, numbers, note,
                                    marks)
        if cite is None and row is not None:
            if row not in row_cites:
                row_cites[row] = _cell_cite(text, row)
            cite = _listed(row_cites[row], numbers, note)
        if cite is not None and row is not None:
            cite = page_column(row, cite)
        if cite is not None and item is not None:
            cite = _page_property(text, item, cite)
        page_after = _PAGE_AFTER.match(text, close + 1) if cite is not None else None
        if page_after is None and cite is not None:
            # 'Doe et al. (2022) write "..." (p. 2; cf. Roe et al., 2019)': the page is the quote's, the work after
            # it one set beside it
            page_after = _PAGE_BEFORE_COMPARED.match(text, close + 1)
        if page_after is not None:      # APA's 'Doe et al. (2020) found "..." (p. 5)': the page is after it
            cite = _at_page(cite, page_after.group(1).replace(" ", ""))
        found.append((cite, False) if cite is not None else None)
    for i in range(len(pairs) - 2, -1, -1):
        # "A" and "B" [@k]: two quotes of one sentence share the citation after the second
        nxt = found[i + 1]
        if (found[i] is None or not found[i][1]) and nxt is not None and nxt[1] \
                and not _SENTENCE_END.search(text, pairs[i][1], pairs[i + 1][0]) \
                and "\n\n" not in text[pairs[i][1]:pairs[i + 1][0]] \
                and not (row_of(pairs[i][0]) and lines.line(pairs[i][0]) != lines.line(pairs[i + 1][0])) \
                and not (item_of(pairs[i][0]) and item_of(pairs[i][0]) != item_of(pairs[i + 1][0])):
            found[i] = nxt if found[i] is None else found[i]
    for i in range(len(pairs) - 1):
        # one quote split by the writer's words that cite it: '"A," Doe (2019) writes, "B" (p. 3).': the
        # citation between the halves is both halves', at the page after the second
        (start, close), (b_start, b_close) = pairs[i], pairs[i + 1]
        if found[i] is None or not found[i][1] or found[i + 1] is not None or after_at[i] is None \
                or not b_start - close <= _SPLIT_REACH or not _SPLIT_BY.fullmatch(text, close + 1, b_start) \
                or "," not in text[close - 1:close + 2] or _SENTENCE_END.search(text, close - 1, b_start + 2):
            continue
        page_after = _PAGE_AFTER.match(text, b_close + 1)
        if page_after is None:
            found[i + 1] = found[i]
            continue
        page = page_after.group(1).replace(" ", "")
        found[i] = (_at_page(found[i][0], page), True)
        own = found[i][0][1][2] if found[i][0][0] == "cite" else found[i][0][2]
        if own == page:         # ('"A," Doe (2019, p. 2) writes, "B" (p. 3)': B's page is its own, A's is not B's)
            found[i + 1] = found[i]
    # A quote whose sentence cites nothing is the work its paragraph cited before it
    # ('Doe et al. (2019) measured it. "..."'), when the paragraph cites that one work alone and
    # that citation is no other quote's own ('"A" [1], and "B"': [1] is A's); in a paragraph
    # citing several works it is nobody's, and listed as not checked. A citation only after it,
    # in another sentence, is that sentence's ('"...". Later work disagreed [@roe2021].').
    for i in range(1, len(pairs)):
        # a second quote the same clause says the work says, after the first, cited before it by names:
        # 'Doe et al. (2019) write that "A" (p. 2), and that "B" (p. 3)': B is Doe et al.'s too, at its own page
        prev = found[i - 1]
        if found[i] is not None or prev is None or prev[1] or prev[0][0] not in ("author-year", "author-page") \
                or not _AND_THAT.fullmatch(text, pairs[i - 1][1] + 1, pairs[i][0]):
            continue
        page_after = _PAGE_AFTER.match(text, pairs[i][1] + 1)
        what = prev[0][:2] + (None,) + prev[0][3:]
        found[i] = (_at_page(what, page_after.group(1).replace(" ", "")) if page_after else what, False)
    for i, (start, close) in enumerate(pairs):
        # a citation standing alone as the next paragraph, the paragraph before ending with the quote: '... they
        # write: "..."' then '(Doe et al., 2022, p. 4)' or '— Doe et al. (2022), p. 4' (nothing between cites or
        # quotes: a blank line); never a quote its paragraph's works say, nor one a table row or a list item holds
        tail = _PARA_TAIL.match(text, close + 1) if found[i] is None and i not in reasons else None
        if tail is None or row_of(start) is not None \
                or _FOOTNOTE_DEF.match(_line_head(text, lines.starts[lines.line(start) - 1], 50)):
            continue
        if item_of(start) is not None:
            # a list item's quote (Logseq's block holding an Org quote block): its citation alone is the item's own
            # next paragraph, indented under it after a blank line, never the next item
            head = item_of(start)[0]
            indent = len(_line_head(text, head, 40)) - len(_line_head(text, head, 40).lstrip(" \t"))
            cite_line = text.rfind("\n", close, tail.end()) + 1
            if tail.end() - cite_line <= indent or text[cite_line:tail.end()].strip(" \t") \
                    or _ITEM_START.match(text, cite_line):
                continue
        alone = _LONE_CITATION.match(text, tail.end())
        if alone is not None:
            lone = _lone_citation(alone.group(1), numbers, note)
            if lone is not None:
                found[i] = (lone, True)
    for i, (start, close) in enumerate(pairs):
        # a quotation that is a paragraph of its own (indented or not, as plain text sets one off), the paragraph
        # before a sentence ending in a colon that cites the work: 'Dodge et al. (2022, p. 9) on one run:' then
        # '"..."', read as a blockquote after its lead-in is (`_lead_in`); it was not checked
        if found[i] is not None or i in reasons or row_of(start) is not None or item_of(start) is not None:
            continue
        k = bisect.bisect_left(breaks, start)
        para_end = breaks[k] if k < len(breaks) else n
        if not k or text[breaks[k - 1] + 2:start].strip(" \t") or text[close + 1:para_end].strip(" \t\n.") \
                or "\n" in text[breaks[k - 1] + 2:start]:
            continue
        what = _lead_in(text, lines, note, cites, numbers, lines.line(start))
        if what is not None:
            found[i] = (what, False)
    taken_after = {a for a in after_at if a is not None}
    cited_paras: dict[int, tuple | None] = {}
    for i, (start, close) in enumerate(pairs):
        if found[i] is not None or row_of(start) is not None \
                or _ENTRY_TITLE.search(text, max(lines.starts[lines.line(start) - 1], start - 300), start):
            continue
        k = bisect.bisect_left(breaks, start)
        para_start = breaks[k - 1] + 2 if k else 0
        para_end = breaks[k] if k < len(breaks) else n
        d = bisect.bisect_right(defined, start) if defined else 0
        if d < len(defined):            # (a footnote is a paragraph of its own)
            para_end = min(para_end, defined[d] - 1)
        if d and defined[d - 1] > para_start:
            para_start = defined[d - 1]
        if para_start not in cited_paras:
            cited_paras[para_start] = _one_work(text, cites, para_start, para_end, taken_after, numbers, note)
        work = cited_paras[para_start]
        if work not in (None, ()) and work[0] < start:
            page_after = _PAGE_AFTER.match(text, close + 1)     # its own page: '... it. "..." (p. 5)'
            found[i] = (_at_page(work[1], page_after.group(1).replace(" ", "")) if page_after else work[1], False)
    for i, ((start, close), cite) in enumerate(zip(pairs, found)):
        # the writer's punctuation inside the marks ("... the paper," she wrote) is not the paper's
        quote = _unescape(" ".join(text[start + 1:ends_at.get(i, close)].removesuffix("\\").split())).rstrip(",;:")
        words = len(quote.split())
        line = lines.line(start)
        if line in ref_lines and words >= UNCITED_MIN_WORDS and text[close + 1:close + 2] != "*":
            # a footnote that is a work's reference quoting it after its title and page and a colon: '[^3]: Doe et
            # al., "Title" (2022), 4: "..."' (its title a title, the quote its work's at that page)
            own = _quoting_footnote(text, lines, line, start, close, note)
            if own is None:
                own = _quoting_first(text, lines, line, start, note)
            if own is not None:
                note.quotes.append(NoteQuote(quote=quote, source_link=None, source_text=f"[{own[0]}]", citekey=None,
                                             page=own[1], line=line, kind="inline", offset=start))
                continue
            if not titled.get(i) or words < PLAIN_MIN_WORDS:
                continue
            # (a numbered list's item read as a reference, quoting its work after its title, page and colon as
            # running text does: '1. Dodge et al. (2022), "Measuring ...," 4: "..."', the quote the work's at p. 4)
        elif words < PLAIN_MIN_WORDS or line in ref_lines or titled.get(i, ()) is None:
            continue
        if cite is None:
            before = text[max(lines.starts[line - 1], start - 300):start]
            k = bisect.bisect_left(breaks, start)
            # one of its paragraph's several works, none of them said: not checked, and said so
            among_cited = cited_paras.get(breaks[k - 1] + 2 if k else 0) == ()
            if (words >= UNCITED_MIN_WORDS or among_cited or i in reasons) and not _ENTRY_TITLE.search(before):
                note.unchecked.append((line, quote))
                if i in reasons:
                    note.unchecked_why[quote] = reasons[i]
                else:
                    sentence = _NAMED_SENTENCE_END.split(text[max(lines.starts[line - 1], start - 400):start])[-1]
                    named = titles_named(sentence)
                    if not _names_none(sentence):
                        named += [t for t in titles_named_after(text[start + 1:close], text[close + 1:close + 301])
                                  if t not in named]
                    if named:
                        note.unchecked_titles[(line, quote)] = named
            continue
        q = _quote_with(quote, cite[0], line, start)
        if len(cite) > 2:
            q.beside = _quote_with(quote, cite[2], line, start)
        note.quotes.append(q)


#: What a marker written at once after a quote's citation opens with: a bracket, a superscript, pandoc's caret
_MARKER_OPENS = lazy(r"(?:[ \t]|&nbsp;|&#160;|\u00a0)*(?=[(\[^¹²³⁴⁵⁶⁷⁸⁹]|<sup\b)")


def _marker_kind(what: tuple) -> str:
    """The kind of way a citation names its work: 'number' ("[3]", "<sup>3</sup>", "(3)"), 'footnote' ("[^3]"),
    'pandoc' ("[@key]"), 'link' ("[Doe](#ref-doe)"), 'names' ("(Doe et al., 2019)")."""
    if what[0] != "cite":
        return "names"
    kind = what[1][0]
    return "number" if kind in ("number", "paren-number") else kind


def _marker_beside(text: str, cites: list[int], what: tuple, end: int, hi: int, para_end: int, numbers: set[str],
                   note: Note) -> tuple | None:
    """A second citation of another kind written at once after a quote's citation that ends at `end` (spaces
    between, or none): '"..."<sup>1</sup> [@patterson2021]', '"..." [3] (Patterson et al., 2021)', '"..."
    (Patterson et al., 2021) [3]'; never one of the same kind ('[1][2]', '[@a] [@b]': works cited together), nor a
    work set beside it ('[1] (see also Doe, 2019)'), nor one citing several works ('(Doe, 2019; Roe, 2020)')."""
    if _several_marked(what):
        return None
    gap = _MARKER_OPENS.match(text, end, para_end)
    if gap is None or _COMPARED.match(text, gap.end()) is not None:
        return None
    start = gap.end()
    k = bisect.bisect_left(cites, start)
    cite = _cite_at(text, start, para_end)[0] if k < len(cites) and cites[k] == start else None
    # (a marker kb reads where it starts: read there alone, never every citation of the window after it)
    others = [(start, start, ("cite", cite, None))] if cite is not None else []
    if not others:
        # (names and a year in brackets: the citations of the few characters they take)
        others = [f for f in _cites_in(text, cites, start, min(hi, para_end, start + _MARKER_REACH), True, para_end)
                  if f[0] == start]
    if not others:
        return None
    other = _listed(max(others, key=lambda f: f[1])[2], numbers, note)
    if other is None or _marker_kind(other) == _marker_kind(what) or other[0] == "ibid" or _several_marked(other):
        return None
    return other


#: How far names and a year in brackets written as a second marker go: '(Luccioni and Hernandez-Garcia, 2023, p. 3)'
_MARKER_REACH = 160


def _several_marked(what: tuple) -> bool:
    """Whether a citation as `_cite_near` gives it names several works ('[1, 2]', '[@a; @b]', '(Doe, 2019; Roe,
    2020)')."""
    if what[0] == "cite":
        return len(what[1]) > 4 and bool(what[1][4])
    return len(what) > 3 and bool(what[3])


# a table's column of pages, by its header: "Page", "pp.", "Seite", "S.", "Página"
_PAGE_HEADER = lazy(r"(?i)\s*(?:pages?|pp?\.?|pg\.?|seiten?|s\.|páginas?|paginas?|pagina)\s*")
_PAGE_CELL = lazy(r"\s*(?:(?:pp?\.|pages?|S\.)\s*)?(\d{1,5}(?:\s*[-–]\s*\d{1,5})?)\s*")


# a page as a property of a list item, as Logseq's blocks and Obsidian's inline fields write it: "page:: 3"
_PAGE_PROPERTY = lazy(r"(?im)^[ \t]*(?:[-*+][ \t]+)?(?:page|pages|seite)::[ \t]*(?:(?:pp?\.|S\.)[ \t]*)?"
                      r"(\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?)[ \t]*$")


def _page_property(text: str, item: tuple[int, int], cite: tuple) -> tuple:
    """A citation of a quote in a list item, at the page its "page:: 3" property names, unless it names its own."""
    if "::" not in text[item[0]:item[1]]:
        return cite
    page = _PAGE_PROPERTY.search(text, item[0], item[1])
    return _at_page(cite, page.group(1).replace(" ", "")) if page else cite


def _cells(line: str) -> list[str]:
    """A Markdown table row's cells: "| a | b |" -> ["a", "b"]."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return inner.split("|")


# a table's cell that is an author and year and nothing else, no brackets: "| Doe et al. 2019 |", "| Doe, 2019, p. 3 |"
_CELL_AUTHOR_YEAR = lazy(r"\s*" + _WHO + r",?\s+" + _WHEN + r"\s*")


# a cell's year in brackets after its authors, as running text writes it: "Doe et al. (2019), p. 3", "Doe (2019: 3)"
_CELL_NARRATIVE_YEAR = lazy(r"\A(\s*[^()]+?)\s+\(((?:1[89]|20)\d\d[a-z]?(?:\s*[,:][^()]*)?)\)")


def _cell_cite(text: str, row: tuple[int, int]) -> tuple | None:
    """The work a table's row cites in a cell of its own, author and year written bare or the year in brackets after
    the authors ("| Doe et al. (2019), p. 3 |"): the one such cell."""
    found = [m for m in (_CELL_AUTHOR_YEAR.fullmatch(_CELL_NARRATIVE_YEAR.sub(r"\1 \2", cell, 1))
                         for cell in _cells(text[row[0]:row[1]])) if m is not None]
    return ("author-year",) + _author_year(found[0]) if len(found) == 1 else None


def _column_page(text: str, lines: _Lines, row: tuple[int, int]) -> str | None:
    """The page in a table's row's cell under a header naming pages ("| Quote | Source | Page |"), or None:
    where a quote in the row is cited (`_parse_plain` reads it once per row, however many quotes it holds)."""
    k = lines.line(row[0]) - 1
    first = k
    while first > 0 and first > k - 2000 and _line_text(text, lines, first - 1).lstrip(" ").startswith("|"):
        first -= 1
    if first == k or first + 1 >= len(lines.starts) \
            or not re.fullmatch(r"[\s|:\-]+", _line_text(text, lines, first + 1)):
        return None                     # (no header row over a delimiter row: no columns named)
    header = _cells(_line_text(text, lines, first))
    cells = _cells(_line_text(text, lines, k))
    for col, name in enumerate(header):
        if _PAGE_HEADER.fullmatch(name) and col < len(cells):
            page = _PAGE_CELL.fullmatch(cells[col])
            return page.group(1).replace(" ", "") if page else None
    return None


def _one_work(text: str, cites: list[int], lo: int, hi: int, taken: set[int], numbers: set[str],
              note: Note) -> tuple | None:
    """(where it is first cited, the citation) of the one work the paragraph [lo, hi) cites,
    without its page (the locator of another sentence); () when it cites several works, or its
    one citation is another quote's own (it starts at one of `taken`); None when it cites none."""
    works: dict = {}
    for start, _end, what in _cites_in(text, cites, lo, hi, False, hi):     # no "Doe, J. (2020). " entry
        what = _listed(what, numbers, note)
        if what is None or what[0] == "ibid":
            continue
        if start in taken:
            return ()
        if what[0] == "cite":
            c = what[1]
            key = ("cite", c[0], c[1])
            what = ("cite", (c[0], c[1], None) + c[3:], None)
        else:
            key = (what[0], what[1], tuple(what[3]) if len(what) > 3 else ())
            what = what[:2] + (None,) + what[3:]
        if key not in works or start < works[key][0]:
            works[key] = (start, what)
    if not works:
        return None
    return next(iter(works.values())) if len(works) == 1 else ()


#: Elements whose id makes their content a reference entry.
_REF_TAGS = ("span", "li", "div", "p", "a", "cite", "dd")
#: Longest reference entry read; longer ones are cut (see refs.MAX_REFERENCE).
_MAX_ENTRY = 20000
#: the longest entry so far of a list of unlabelled entries after which a line is asked whether it opens the next one
#: (`starts_another_entry` reads the entry whole: past it, a line is the entry's next, as a line of one over
#: `_MAX_ENTRY` is read as none)
_SPLIT_MOST = 5000
# (an HTML document's heading too: "<h2>References</h2>", "<h3 id="refs">Bibliography</h3>")
_REF_HEADING = lazy(r"^\s{0,3}(?:#{1,6}\s*|={1,6}\s+|\*\*|__|<h[1-6](?:\s[^<>]{0,200})?>)?\s*(?:\d+\.?\s+)?(references|reference\s+list|bibliography|"
                    r"works\s+cited|literature(?:\s+cited)?|sources|citations|referências(?:\s+bibliográficas)?|"
                    r"referencias|bibliografía|bibliografia|literatur(?:verzeichnis)?|références|bibliographie)"
                    r"\s*:?\s*(?:\*\*|__|</h[1-6]>)?\s*:?\s*$", 0x2)   # re.IGNORECASE
_ANY_HEADING = lazy(r"^\s{0,3}(?:(?:#{1,6}|={1,6})\s|<[hH][1-6][\s>])")   # Markdown's, AsciiDoc's and HTML's
_ENTRY_START = lazy(r"^\s{0,3}(?:[-*+•]\s+|\[\^?[^\]\s]{1,40}\]:?\s|\d{1,4}[.)]\s|\(\d{1,4}\)\s)")
_NUMBERED_LINE = lazy(r"^\s{0,3}(?:[-*+•]\s+)?\[(\d{1,4})\]\s+\S")
# a footnote naming the work of the one before: "[^3]: Ibid., 4.", "[^4]: Ibidem.", "[^5]: Id. at 7."
# ("[^4]: Op. cit., 5." with no name before it names no work: op. cit. is an author's work cited earlier, the
# author unsaid; never the footnote before's, which may be another author's)
# (in italics, as some styles set the Latin: "*Ibid.*, 4.", "<i>ibid.</i>")
# (after "See", which sends the reader there: "[^3]: See ibid., 2.", "See *ibid.*")
_IBID = lazy(r"^\s*(?:\[\^[^\]\s]{1,40}\]:\s*)?(?:see[ \t]+)?(?:[*_]{1,2}|<(?:i|em)>)?(?:"
             + _IBID_WORD
             + r")(?:[*_]{1,2}|</(?:i|em)>)?(?=[\s,.;:]|$)", 0x2)
_BARE_OP_CIT = lazy(r"^\s*(?:[*_]{1,2}|<(?:i|em)>)?(?:op|loc)\.\s?cit\.", 0x2)


def names_no_author(text: str) -> bool:
    """A footnote of "op. cit." or "loc. cit." with no name before it ('Op. cit., 9.', '*Loc. cit.*'): an author's
    work cited earlier, the author unsaid."""
    return bool(text) and _BARE_OP_CIT.match(text) is not None


# the page a footnote ends on, as Chicago's notes give it: "..., 4." "..., 33-35." "(2019), p. 3."
# (a year ending it is no page)
_FOOTNOTE_PAGE = lazy(r"[,:][\"”’']?\s*" + _NOTE_PAGE + r"\s*\.?\s*$")
_FOOTNOTE_DEF = lazy(r"^\s{0,3}\[\^([^\]\s]{1,40})\]:")
_ORDERED = lazy(r"^\s{0,3}(\d{1,4})[.)]\s")
# ... or in square brackets, as a list of notes under its heading may number them: "[2] Ibid., 5."
_BRACKETED_NOTE = lazy(r"^\s{0,3}\[(\d{1,4})\]\s")
_NOTE_NUMBER = lazy(r"^\s{0,3}(?:\d{1,4}[.)]|\[\d{1,4}\])\s")
# an entry that opens with its label in brackets: "[1] ...", "- [12] ...", "(3) ..."
# the number an HTML list gives its entries where it is no position: '<ol start="3">' counts from 3, '<li value="5">'
# is 5; an entry's id of a number ('<li id="ref-3">', never a name-and-year 'strubell2019') is its own number
_OL_START = lazy(r"""(?i)^<ol\b[^>]*?\bstart\s*=\s*["']?(-?\d{1,4})""")
_LI_VALUE = lazy(r"""(?i)^<li\b[^>]*?\bvalue\s*=\s*["']?(-?\d{1,4})""")
_ID_NUMBER = lazy(r"^[A-Za-z_]*[-_:.]?(\d{1,3})$")
_LABELLED = lazy(r"^\s{0,3}(?:[-*+•]\s+)?(?:\[\d{1,4}\]|\(\d{1,4}\))\s")
_YEAR_OR_URL = lazy(r"\b(?:1[89]\d\d|20\d\d)\b|https?://|doi|arxiv", 0x2)


def reference_of(text: str, line: int = 0) -> NoteReference:
    """A reference written anywhere (an attribution line, a sourceText), read
    the way the note's references list is."""
    return _reference(text, None, line)


def attribution_reference(attribution: str) -> NoteReference:
    """An attribution read as a reference (`reference_of`), its text as written; where it is an author-year
    citation whose author the reference reader does not find ("Strubell 2019, p. 3", "Doe and Roe 2020":
    a name and a year, no comma, no "et al."), its entry as the note's running text reads that citation
    ("Strubell. 2019.", `_author_year`)."""
    ref = reference_of(attribution)
    if ref.entry is None or ref.entry.first_author:
        return ref
    work = _EMPHASISED.sub(r"\2", attribution.strip()).rstrip(".")
    m = _WORK.fullmatch(work) or _NARRATIVE.fullmatch(work)
    if m is None:
        bare = _PAGE_AFTER_WORK.sub("", work)
        m = _WORK.fullmatch(bare) or _NARRATIVE.fullmatch(bare)
    if m is None:
        return ref
    read = reference_of(_author_year(m)[0])
    if read.entry is None or not read.entry.first_author:
        return ref
    return replace(ref, entry=read.entry, authors=read.authors, year=read.year)


_OPENS_WITH_PARTICLE = lazy(_PARTICLE + r"(?=\S)", re.I)


def particled_family_key(attribution: str) -> str:
    """The key of an author-year citation's first name where it opens with a particle, the family name whole
    as the citation names it ("Le Cun et al. 1998." -> 'lecun', "van der Berg et al." -> 'vanderberg'), which a reference reads as BibTeX reads a
    name given first ('Cun'); "" otherwise ("Emma Strubell. 2019." keeps the reference's reading)."""
    family = cited_family(attribution)
    if not family and (m := _NAMED_FORM.fullmatch(attribution.strip()[:120])):
        # an attribution or MLA's names as written: "Van der Berg 2019, p. 2", "van der Berg et al."
        family = _NAME_JOINS.split(m.group("who"))[0].strip()
    return name_key(family) if family and _OPENS_WITH_PARTICLE.match(family) else ""


# names before "et al.", a year and what follows it, MLA's short title, or nothing: an attribution, MLA's names of a
# page's citation ('Le Cun. “Deep Nets”.'), the first of several MLA lists by commas ('Van Gysel, de Rijke, and Kanoulas.')
# (each name after a comma opening with no space: one way to read the spaces after it)
_NAMED_FORM = lazy(r"(?P<who>[^.\d,;:()\[\]]{1,80}?(?:,\s*[^\s.\d,;:()\[\]][^.\d,;:()\[\]]{0,79}?){0,8})"
                   r"(?:\s+et\s+al)?\.?(?:,?\s+(?:1[89]|20)\d\d[a-z]?\b.*|\s+“.*)?", re.S)


# an author-year citation as notes read it (_author_year): "Le Cun et al. 1998.", "Doe and Roe. 2020b."
_CITED_FORM = lazy(r"(?P<who>[^.\d]{1,80}?)(?:\s+et\s+al)?\.?\s+(?:1[89]|20)\d\d[a-z]?\.")


def cited_family(attribution: str) -> str:
    """The first family name an author-year citation names, whole ("Le Cun et al. 1998." -> "Le Cun",
    "Doe and Roe. 2020." -> "Doe"); "" for any other text."""
    m = _CITED_FORM.fullmatch(attribution.strip())
    return _NAME_JOINS.split(m.group("who"))[0].strip() if m else ""


# a short form's title in single quote marks, British style, its comma or stop inside them or not: "Strubell, Ganesh,
# and McCallum, 'Energy and Policy,' 3.", "[^2]: Dodge et al., ‘Measuring’, 8." (read as double quote marks are)
_SINGLE_QUOTED_SHORT_FORM = lazy(r"(?:\[\^[^\]\s]{1,40}\]:\s*|\d{1,4}\.\s+)?" + _SURNAME
                                 + r"(?:\s+et\s+al\.?|(?:,\s+" + _SURNAME + r"){0,8},?\s+(?:and|&)\s+" + _SURNAME + r")?,\s*(['‘])([^'‘’\n\"“”]{1,200}?[^\s'‘’])([,.]?)['’](?!\w),?\s*"
                                 r"(?:pp?\.\s*)?\d{1,5}(?:\s*[-–]\s*\d{1,5})?\.?")


def _reference(body: str, anchor: str | None, line: int, number: str | None = None) -> NoteReference:
    """A NoteReference from an entry's markup, read by kb.text.refs.parse_reference."""
    if ("'" in body or "‘" in body) and (single := _SINGLE_QUOTED_SHORT_FORM.fullmatch(body.strip())):
        body = (body.strip()[:single.start(1)] + "“" + single.group(2) + single.group(3) + "”"
                + body.strip()[single.end(3) + 1:])
    marked = parse_reference(body)
    entry = marked.entry
    titles = marked.titles
    if entry.year is None and not titles and entry.first_author:
        # a short form that sets its title off by commas alone, as a plain-text note writes it ('Dodge et al.,
        # Carbon Intensity, 3.'): its title is what the commas hold, not 'Carbon Intensity, 3'
        short = _SHORT_FORM.fullmatch(marked.text.strip()) or _QUOTED_SHORT_FORM.fullmatch(marked.text.strip())
        titles = [short.group(1)] if short else titles
    label = marked.label or number
    return NoteReference(anchor=anchor, number=label, title=marked.title,
                         url=marked.url, arxiv_id=entry.arxiv_id, doi=entry.doi,
                         authors=marked.authors, year=entry.year, line=line, text=marked.text,
                         titles=titles, entry=entry,
                         works=_works_in_footnote(_FOOTNOTE_LABEL_AT.sub("", body, 1)) if (label or "").startswith("^")
                         and ";" in body else 1)


_FOOTNOTE_LABEL_AT = lazy(r"\A[ \t]*\[\^[^\]\s]{1,40}\]:[ \t]*")
#: A work a footnote cites between semicolons, each its own: its authors, then its title set off by quote marks or
#: italics ('Emma Strubell et al., "Energy and Policy ...," in *ACL* (2019), 5', 'Dodge, *Measuring*, 4')
_WORK_IN_FOOTNOTE = lazy(r"[ \t]*[A-Z][^\s,;]*(?:[ \t,]+[^\s;]+){0,30}?,?[ \t]*(?:[\"“][^\"“”;]{2,300}[\"”]"
                         r"|(?<![*\w])[*_][^*_;]{2,300}[*_](?![*\w]))")


#: a comparison signal after a semicolon or a comma: what follows it is a work set beside the one before it
_BESIDE = lazy(r"[;,][ \t]*(?=" + _SIGNAL + r")")


def _own_work(text: str) -> str:
    """A note's text up to a work it sets beside its own ('Strubell et al., "Energy ...," 5; see also Dodge,
    "Measuring," 4.' -> 'Strubell et al., "Energy ...," 5'), never cut inside a title in quote marks: its
    work and page are the first work's, never the page or title of the work set beside it."""
    if ";" not in text and "," not in text:
        return text
    for m in _BESIDE.finditer(text):
        head = text[:m.start()]
        if head.count('"') % 2 == 0 and head.count("“") == head.count("”") and head.strip():
            return head.rstrip()
    return text


#: Words of a note naming the work its citation was read in, that work after them: ', quoted in ', ', as cited in ',
#: ', qtd. in ', ', cited by '
_NOTE_READ_IN = lazy(r"[ \t]*[,;(][ \t]*(?:as[ \t]+)?(?:quoted|cited|qtd\.|reproduced)[ \t]+(?:in|by)[ \t]+(?=\S)", re.I)
#: ... and the work read first, the one it quotes after: ', quoting ', '; citing ', ', who quotes '
_NOTE_QUOTING = lazy(r"[ \t]*[,;(][ \t]*(?:quoting|citing|who[ \t]+quotes?)[ \t]+(?=[" + _UPPER + r"@\[])")


def _read_in_work(text: str, start: int) -> str:
    """A note's text from `start` that is a secondary citation, as the work the quote was read in: '[^2]: Strubell et
    al. 2019, quoted in Patterson et al. 2021, p. 8.' -> '[^2]: Patterson et al. 2021, p. 8.', '[^3]: Patterson et
    al. 2021, 8, citing Strubell et al. 2019.' -> '[^3]: Patterson et al. 2021, 8.': the quote is checked in the work
    read, at its page, never in the one it quotes (the note named the one it quotes first, whose entry had read its
    names and the other's year, a work the knowledge base lacks); the text as it is otherwise, or where the words are
    inside a title in quote marks."""
    if not re.search(r"(?i)\b(?:quot|cit|qtd|reprod)", text[start:]):
        return text

    def outside(at: int) -> bool:
        head = text[start:at]
        return head.count('"') % 2 == 0 and head.count("“") == head.count("”") and bool(head.strip())

    m = next((m for m in _NOTE_READ_IN.finditer(text, start) if outside(m.start())), None)
    if m is not None:
        rest = text[m.end():].strip()
        if rest[:1] == "(" or text[m.start():m.end()].lstrip()[:1] == "(":
            rest = rest.rstrip(". ").removesuffix(")").strip()
        return text[:start] + " " + rest if rest else text
    m = next((m for m in _NOTE_QUOTING.finditer(text, start) if outside(m.start())), None)
    if m is not None:
        return text[:m.start()].rstrip() + "."
    return text


def _works_in_footnote(text: str) -> int:
    """How many works a footnote cites, each its own between semicolons, by its authors and a title set off
    ('[^1]: Strubell et al., "Energy ...," 5; Dodge et al., "Measuring ...," 4.': two, which of them a quote marked
    by it quotes, the note does not say); 1 for any other text, a work set beside the first ('; see also ...') none."""
    parts = [p for p in text.split(";") if not re.match(r"[ \t]*" + _SIGNAL, p)]
    if len(parts) < 2 or any(p.count('"') % 2 or p.count("“") != p.count("”") or not _WORK_IN_FOOTNOTE.match(p)
                             for p in parts):
        return 1            # (a title holding a semicolon, or parts that are no works: one reference)
    return len(parts)


def _several_in_footnote(note: Note) -> None:
    """A quote whose footnote cites several works, each its own (`_works_in_footnote`), or repeats one that does
    ('Ibid.'), is not checked, and kb says why: which of them it quotes, the note does not say."""
    keep = []
    for q in note.quotes:
        ref = note.reference_for(q) if (q.source_text or "").startswith("[^") else None
        if ref is None or ref.works < 2:
            keep.append(q)
            continue
        note.unchecked.append((q.line, q.quote))
        note.unchecked_why[q.quote] = f"its note {q.source_text} cites {ref.works} works, each its own: which one it " \
                                      "quotes, the note does not say"
    note.quotes = keep
    note.unchecked.sort()


def _visible(markup: str) -> str:
    """Text of markup without its tags, roughly: to tell an anchor from an entry."""
    out, depth = [], 0
    for ch in markup[:2000]:
        if ch == "<":
            depth += 1
        elif ch == ">" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out).strip()


# a footnote's link back to its mark: '<a href="#fnref1" class="footnote-back">↩︎</a>'
_LINK_BACK = lazy(r"<a\s[^<>]{0,300}href=[\"']#[^<>]{0,300}>\s*(?:↩[\ufe0e\ufe0f]?|↑|⤴[\ufe0e\ufe0f]?|\^)\s*</a>")


def _parse_references(text: str, lines: _Lines, fenced: list[tuple[int, int]],
                      note: Note, blocks: list[tuple[int, int]]) -> None:
    """References held by elements with an id; an "Ibid." among them is the reference before it."""
    placed: list[tuple[int, NoteReference | None, str, int, str]] = []    # (start, ref or an ibid's anchor, ...)
    for tag in _REF_TAGS:
        opener, closer = "<" + tag, "</" + tag + ">"
        opens = [p for p in _all(text, opener) if not _in_ranges(fenced, p)]
        closes = _all(text, closer)
        for k, start in enumerate(opens):
            after = start + len(opener)
            if after < len(text) and not (text[after].isspace() or text[after] in ">/"):
                continue
            next_open = opens[k + 1] if k + 1 < len(opens) else len(text)
            head = text[after:min(next_open, after + 300)]
            if "id" not in head and "name" not in head:
                continue               # a quick no for the many <a href> and <p>
            line = lines.line(start)
            try:
                attrs, body_at, self_closing = _parse_attributes(text, after, next_open)
            except _TagError as e:
                if tag == "span" and 'id=' in head:
                    note.problems.append((line, f"<span> at line {line}: {e.message}"))
                continue
            anchor = _attr(attrs, "id") or (_attr(attrs, "name") if tag == "a" else None)
            if not anchor:
                continue
            if self_closing:
                body, end = "", body_at
            else:
                ci = bisect.bisect_left(closes, body_at)
                if ci >= len(closes) or closes[ci] >= next_open:
                    if tag == "span":
                        note.problems.append((line, f"<span id=\"{anchor}\"> at line {line} is never closed"))
                    continue
                body, end = text[body_at:closes[ci]], closes[ci] + len(closer)
            if len(body) > _MAX_ENTRY:
                continue
            if _IBID.match(_visible(body)):
                # <li id="fn2"><p>Ibid., 5.</p></li>: the work of the note before
                blocks.append((start, end))
                placed.append((start, None, anchor, line, " ".join(_visible(body).split())))
                continue
            if len(_visible(body)) < 12 and "](" not in body:
                # an anchor: the entry may follow it on its line (<a id="r12"></a>[12] ...)
                line_end = text.find("\n", end)
                line_end = len(text) if line_end < 0 else line_end
                rest = text[end:min(line_end, end + _MAX_ENTRY)]
                if len(_visible(rest)) < 20 or "<" + tag in _LINK_BACK.sub("", rest):
                    continue        # (another on its line; a link back to the mark, '<a href="#fnref1">↩︎</a>', is none)
                blocks.append((start, line_end))
                note._count()
                note.references.append(_reference(rest, anchor, line))
                own = _line_text(text, lines, line - 1)
                if _passage_line(own):
                    note._passages.append((note.references[-1], blocks[-1], own))
                continue
            blocks.append((start, end))
            note._count()
            note.references.append(_reference(body, anchor, line))
            placed.append((start, note.references[-1], anchor, line, ""))
    before = None
    for _start, ref, anchor, line, text in sorted(placed, key=lambda p: p[0]):
        if ref is None and before is not None:
            note._count()
            note.references.append(replace(before, anchor=anchor, line=line, text=text, number=None))
        before = ref if ref is not None else before
# a LaTeX note's own bibliography: "\\bibitem{doe20} J.~Doe, ``Title,'' 2020." or "\\bibitem[Doe(2020)]{doe20} ..."
_BIBITEM = lazy(r"\\bibitem\s*(?:\[[^\]\n]{0,200}\]\s*)?\{([^{}\s]{1,200})\}")
_BIBITEMS_END = lazy(r"\\end\s*\{thebibliography\}|\n[ \t]*\n")


def _parse_bibitems(text: str, lines: _Lines, fenced: list[tuple[int, int]],
                    note: Note, blocks: list[tuple[int, int]]) -> None:
    """The entries of a LaTeX note's thebibliography: each a reference with its key as anchor, as
    `<li id=...>` is, so that \\cite{key} is that entry; its text as LaTeX prints it."""
    items = [m for m in _BIBITEM.finditer(text) if not _in_ranges(fenced, m.start())]
    for k, m in enumerate(items):
        stop = _BIBITEMS_END.search(text, m.end(), items[k + 1].start() if k + 1 < len(items) else len(text))
        end = stop.start() if stop else items[k + 1].start() if k + 1 < len(items) else len(text)
        body = " ".join(latex_to_text(text[m.end():end].replace("\\newblock", " ")).split())
        if 12 <= len(body) <= _MAX_ENTRY:
            blocks.append((m.start(), end))
            note._count()
            note.references.append(_reference(body, m.group(1), lines.line(m.start())))


# pandoc's fenced divs: "::: {#ref-doe2020 .csl-entry}" ... ":::", as pandoc writes a note's
# bibliography into Markdown (the entries inside a "::: {#refs}" div)
_DIV_OPEN = lazy(r"^[ \t]{0,3}(:{3,})[ \t]*\{([^{}\n]{0,300})\}[ \t]*\r?$", 0x8)
_DIV_FENCE = lazy(r"^[ \t]{0,3}:{3,}[ \t]*(?:\{[^{}\n]{0,300}\}|[\w.-]+)?[ \t]*\r?$", 0x8)
_DIV_ID = lazy(r"(?:^|\s)#([^\s#.{}]+)")


def _parse_div_references(text: str, lines: _Lines, fenced: list[tuple[int, int]],
                          note: Note, blocks: list[tuple[int, int]]) -> None:
    """The entries of a bibliography pandoc wrote as fenced divs (``::: {#ref-doe2020
    .csl-entry}``): each a reference with its id as anchor, as `<div id=...>` is."""
    fences = [m for m in _DIV_FENCE.finditer(text) if not _in_ranges(fenced, m.start())]
    for k, m in enumerate(fences):
        opened = _DIV_OPEN.match(m.group())
        if opened is None or k + 1 >= len(fences) or _DIV_OPEN.match(fences[k + 1].group()):
            continue                # no attributes, or a div holding divs (the "#refs" around the entries)
        attrs = opened.group(2)
        anchor = _DIV_ID.search(attrs)
        if anchor is None or not (".csl-entry" in attrs or anchor.group(1).startswith("ref-")):
            continue
        end = fences[k + 1].start()
        body = text[m.end():end].strip()
        if 12 <= len(body) <= _MAX_ENTRY:
            blocks.append((m.start(), fences[k + 1].end()))
            note._count()
            note.references.append(_reference(body, anchor.group(1), lines.line(m.end() + 1)))


def _parse_listed_references(text: str, lines: _Lines, excluded: list[tuple[int, int]],
                             note: Note, compared: set[str] | frozenset[str] = frozenset()) -> None:
    """Footnote definitions, entries of a References section, and '[n] ...' lines."""
    starts = lines.starts
    n = len(starts)

    def line_at(k: int) -> str:
        end = text.find("\n", starts[k])
        return text[starts[k]:end if end >= 0 else len(text)]

    sized: list = [None, 0, 0]      # the entry's lines measured: (its list, how many of them, their characters)

    def short_entry(lines_of: list[str]) -> bool:
        """Whether the entry read so far is short enough to ask whether a line opens the next one: measured as its
        lines come, never again whole for each (each line of 190,000 after the list's '9999.' joined them all and read
        the whole again: hours)."""
        if sized[0] is not lines_of:
            sized[:] = [lines_of, 0, 0]
        for x in lines_of[sized[1]:]:
            sized[2] += len(x) + 1
        sized[1] = len(lines_of)
        return sized[2] <= _SPLIT_MOST

    in_section = False
    position = 0
    cur: list[str] = []
    cur_line = 0
    cur_number: str | None = None

    section: list[tuple[NoteReference, bool]] = []     # the section's entries: (ref, labelled?)
    positional: list[NoteReference] = []    # the sections' entries numbered by their position alone
    endnotes: list[NoteReference] = []      # a numbered list of notes outside a section: "1. Doe, ..., 3." "2. Ibid."
    endnote = False                         # the entry read is one of them
    last_note: int | None = None            # the number of the last of them, while the list runs
    # the first note of each list of notes under its heading ("## Notes\n\n1. Roe, *Energy Use*, 3."): a short
    # form there too (its full form in a chapter before) opens the list
    first_notes = {text.rfind("\n", 0, m.end()) + 1 for m in _NOTES_LIST.finditer(text)} if "otes" in text or "OTES" in text else set()

    def flush() -> None:
        nonlocal cur, position
        body = " ".join(x.strip() for x in cur).strip()
        span, cur = len(cur), []
        label = _FOOTNOTE_DEF.match(body)
        if label and _quotes_with_citation(body, label.end()):
            return      # a footnote of prose quoting a work with its own citation: no reference, its quote a quote
        if in_section and not label and not endnote and (_quotes_with_citation(body, 0) or _prose_quote(body)):
            # a paragraph of prose under a heading a list may have ('# Sources', '## Literature', '## Works cited'):
            # it quotes a work with its own citation, as no entry does; no entry, nor numbered as one, its quote a
            # quote ('The grid matters: "..." (Dodge et al., 2022, p. 2).' was dropped as the list's first entry)
            if cur_number == str(position):
                position -= 1
            return
        if label and label.group(1) in compared:
            return      # '[^1]: See also Roe (2019).': a work set beside its mark's sentence, no entry of a list
        if label or endnote:
            body = _own_work(body)      # '..., 5; see also Dodge, "Measuring," 4.': the first work at its page
            # '[^2]: Doe 2019, quoted in Roe 2021, p. 8.': the work read, Roe's, at its page
            opening = label or _ORDERED.match(body)
            body = _read_in_work(body, opening.end() if opening else 0)
        first = _quote_first(body, label.end()) if label else None
        if first is not None:
            # '[^1]: "...," Jesse Dodge et al., "Measuring ...," (2022), 5.': the work it cites is the reference, the
            # quote a quote of it (`_parse_plain`), never the title
            body = body[:label.end()] + " " + first[0].group("rest")
        # the footnote before, sought back from the last reference only for an "Ibid.": a list of every footnote
        # made for each footnote read took minutes for a note of 100,000 footnotes (quadratic)
        before = next((r for r in reversed(note.references) if (r.number or "").startswith("^")), None) \
            if label and _IBID.match(body) else None
        if before is not None:
            # "[^3]: Ibid., 4.": the work of the footnote before, at its own page
            text = body[label.end():].strip()[:_MAX_ENTRY]
            note._count()
            note.references.append(replace(before, number="^" + label.group(1), line=cur_line, text=text))
            return
        if in_section and section and cur_number and not label:
            rest = _NOTE_NUMBER.sub("", body, count=1)
            if rest != body and _IBID.match(rest):
                # "2. Ibid., p. 8." in a numbered list of references: the work of the entry before, at its own page
                note._count()
                ref = replace(section[-1][0], number=cur_number, line=cur_line, text=rest[:_MAX_ENTRY])
                note.references.append(ref)
                section.append((ref, True))
                return
        rest = _NOTE_NUMBER.sub("", body, count=1) if endnote and endnotes else ""
        if rest and _IBID.match(rest):
            # "4. Ibid., 5." in a list of endnotes: the work of the note before, at its own page
            note._count()
            endnotes.append(replace(endnotes[-1], number=cur_number, line=cur_line, text=rest[:_MAX_ENTRY]))
            note.references.append(endnotes[-1])
            return
        if len(body) >= 12 and any(c.isalpha() for c in body):
            note._count()
            ref = _reference(body[:_MAX_ENTRY], None, cur_line, cur_number)
            ref.span = span
            note.references.append(ref)
            if (label or endnote) and span == 1 and _passage_line(body):
                note._passages.append((ref, None, body))    # ('[^2]: Doe et al., "...," 3.': decided later)
            if endnote:
                endnotes.append(ref)
            if in_section:
                # (labelled: the entry's own label, '[1]' as well where the entry is the list's first)
                section.append((ref, ref.number != cur_number or bool(_ORDERED.match(body) or _LABELLED.match(body))))

    def end_section() -> None:
        # positions number an unlabelled list only: beside labels they would collide
        if any(labelled for _, labelled in section):
            for ref, labelled in section:
                if not labelled:
                    ref.number = None
        positional.extend(ref for ref, labelled in section if not labelled)
        section.clear()

    i = 0
    anchored: dict[int, NoteReference] | None = None
    while i < n:
        raw = line_at(i)
        if in_section and raw.lstrip()[:3].lower() in ("<ol", "<li"):
            # '<ol start="3">', '<li value="5">': the list's own numbers, where positions would differ (the entry
            # read next adds its 1)
            given = (_OL_START if raw.lstrip()[:3].lower() == "<ol" else _LI_VALUE).match(raw.lstrip())
            if given:
                position = int(given.group(1)) - 1
        if _in_ranges(excluded, starts[i]) or len(raw) > _MAX_ENTRY:
            if cur:
                flush()
            if in_section and raw.lstrip()[:3].lower() == "<li":
                # <ol><li id="ref-2">...: an entry read by its anchor, numbered by its position too (never a note's)
                position += 1
                if anchored is None:        # (looked up by line, made once)
                    anchored = {}
                    for r in note.references:
                        if r.anchor and r.number is None:
                            anchored.setdefault(r.line, r)
                own = anchored.get(i + 1)
                given = _ID_NUMBER.match(own.anchor) if own is not None and own.anchor else None
                if own is not None and own.number is None and not _NOTE_ANCHOR.search(own.anchor) \
                        and (given is None or int(given.group(1)) == position):
                    # (an id that numbers it otherwise, '<li id="ref-3">' first: numbered by neither)
                    own.number = str(position)
                    section.append((own, False))
            i += 1
            continue
        stripped = raw.strip()
        if in_section and stripped.lower().startswith("<li") and ">" in stripped:
            # <ol><li>Strubell, E. ...</li>: an entry numbered by its position
            inner = stripped[stripped.find(">") + 1:]
            inner = inner[:inner.lower().rfind("</li")] if "</li" in inner.lower() else inner
            if cur:
                flush()
            position += 1
            cur_number, cur, cur_line = str(position), [inner], i + 1
            i += 1
            continue
        if in_section and stripped[:3].lower() in ("<p>", "<p ") and ">" in stripped:
            # <p>1. Strubell, E. ...</p>: an entry of its own, numbered by its label, else by its position
            inner = stripped[stripped.find(">") + 1:]
            inner = inner[:inner.lower().rfind("</p")].strip() if "</p" in inner.lower() else inner.strip()
            if cur:
                flush()
            if inner:
                position += 1
                ordered = _ORDERED.match(inner)
                cur_number, cur, cur_line = ordered.group(1) if ordered else str(position), [inner], i + 1
            i += 1
            continue
        if _REF_HEADING.match(raw) and len(stripped) < 60:
            if cur:
                flush()
            end_section()
            in_section, position = True, 0
            i += 1
            continue
        if in_section and (_ANY_HEADING.match(raw) or stripped in ("---", "***", "___")):
            if cur:
                flush()
            end_section()
            in_section = False
        footnote = _FOOTNOTE_DEF.match(raw)
        ordered = _ORDERED.match(raw) if not in_section else None
        if ordered is None and not in_section and (last_note is not None or starts[i] in first_notes):
            # a list of notes numbered in square brackets ("## Endnotes\n\n[1] Doe, ..., 3.\n[2] Ibid., 5."): its
            # notes in turn, numbered so, as "1." and "2." number them
            bracketed = _BRACKETED_NOTE.match(raw)
            if bracketed and (starts[i] in first_notes or int(bracketed.group(1)) == last_note + 1):
                ordered = bracketed
        # (a note of a numbered list of notes whose note before is a reference: its short form or Ibid.)
        next_note = bool(ordered and (last_note is not None and int(ordered.group(1)) == last_note + 1
                                      or starts[i] in first_notes) and _is_short_note(raw[ordered.end():].strip()))
        starts_entry = bool(footnote) or (in_section and bool(_ENTRY_START.match(raw))) or \
            (not in_section and bool(_NUMBERED_LINE.match(raw)) and bool(_YEAR_OR_URL.search(raw))) or \
            bool(ordered and (next_note or _reads_as_reference(raw, note)))
        if starts_entry:
            if cur:
                flush()
            endnote = bool(ordered)
            last_note = int(ordered.group(1)) if ordered else None
            position += 1
            ordered = ordered or _ORDERED.match(raw)
            cur_number = ordered.group(1) if ordered else (str(position) if in_section else None)
            cur, cur_line = [raw], i + 1
        elif cur and stripped and in_section and not raw.startswith(("  ", "\t")) \
                and not stripped.startswith(("<", ">", "|", "!", ":::")) and cur_number == str(position) \
                and short_entry(cur) and starts_another_entry(" ".join(x.strip() for x in cur), stripped):
            flush()                         # unlabelled entries one per line, no blank line between
            position += 1
            cur_number, cur, cur_line = str(position), [raw], i + 1
        elif cur and stripped and (in_section or raw.startswith(("  ", "\t"))) \
                and not stripped.startswith(("<", ">")):
            cur.append(raw)                 # an entry's next line
        elif cur:
            flush()
            if in_section and stripped and not stripped.startswith(("<", ">", "|", "!")):
                position += 1               # an unlabelled paragraph is an entry of its own
                cur_number, cur, cur_line = str(position), [raw], i + 1
            elif stripped:
                last_note = None            # a paragraph ends a list of notes
        elif in_section and stripped and not stripped.startswith(("<", ">", "|", "!", ":::")):
            position += 1
            cur_number, cur, cur_line = str(position), [raw], i + 1
        elif stripped:
            last_note = None
        i += 1
    if cur:
        flush()
    end_section()
    if positional and first_notes:
        # a note's marks number its list of notes ("## Notes" / "1. Roe, *Energy Use*, 3."), never its
        # bibliography's entries by their position: a mark whose note kb did not read cites none of them
        for ref in positional:
            ref.number = None


# a quoted passage and the citation right after it, in brackets: '"..." (Doe et al. 2022, p. 3)', '"..." [@doe2022]'
_QUOTED_THEN = lazy(r"[\"“]([^\"“”\n]{15,5000}?)[\"”]([ \t]*[.,;]?[ \t]*(?=[(\[]))?")


# a passage in quote marks longer than a work's title (19 white spaces before a mark, each run of other characters
# taken whole: a lazy run that may end at any white space tried 2^18 ways at each mark of a passage of 19 words)
_LONG_QUOTED = lazy(r"[\"“](?=(?:[^\s\"“”]*+\s){19})[^\"“”\n]{80,5000}[\"”]")


def _prose_quote(body: str) -> bool:
    """Whether a paragraph under a list's heading is prose quoting a passage, no entry: a passage in quote marks of
    20 words or more (longer than titles are) and no year, link or identifier, which an entry has ('# Sources' /
    'The grid matters: "One of the main drivers of climate change is ..."': its quote read, unchecked as citing
    nothing, never dropped as an entry)."""
    return ("\"" in body or "“" in body) and _YEAR_OR_URL.search(body) is None and _LONG_QUOTED.search(body) is not None


def _quotes_with_citation(body: str, start: int) -> bool:
    """Whether a footnote's text quotes a work with its own citation after the quote, as prose does
    ('As they put it, "..." (Doe et al. 2022, p. 3).'), where a reference's quoted title has none."""
    if '"' not in body and "“" not in body:
        return False
    for m in _QUOTED_THEN.finditer(body, start):
        if len(m.group(1).split()) < PLAIN_MIN_WORDS:
            continue
        end = m.end()
        if m.group(2) is not None and (body.startswith(("[@", "(@", "[see @", "(see @"), end)
                                       or _AUTHOR_YEAR.match(body, end) or _AUTHOR_PAGE.match(body, end)):
            return True
        # ... or its citation before it, and the words saying it: 'Doe et al. (2022, p. 3) write that "..."',
        # where no reference comes first, its title quoted or in italics ('Doe et al., "Title," *Venue* (2022), 3.
        # Doe et al. note that "..."' is a reference, which a quote in the text cites by the footnote's mark)
        if any(c in body[start:m.start()] for c in '"“”*'):
            continue
        before = body[max(start, m.start() - 200):m.start()]
        cited = _CITED_BEFORE.search(before) or _PANDOC_NARRATIVE.search(before)
        between = before[cited.end():] if cited is not None else ""
        if cited is not None and len(between.split()) <= 12 and not _STOP_THEN.search(between) \
                and _SAID.search(between):
            return True     # (in the clause of its citation: an entry's '(2022). Reported in "..."' is no saying)
        last = None
        for last in _CITED_BEFORE.finditer(before) if cited is not None else ():
            pass
        if last is not None and _PAGED_COLON.fullmatch(before, last.end()):
            return True     # ... or a colon after its year and page: 'Compare Doe et al. (2022, p. 3): "..."'
        if _pronoun_quote(body, start, m.start(), m.end() - len(m.group(2) or "") - 1) is not None:
            return True     # ... or by its authors' pronoun, its page after it: 'They write that "..." (p. 3).'
        named = _NAMED_BEFORE.search(before) or _ACCORDING_TO.search(before)
        if named is not None and _cited_who(named).split()[0].lower() not in _NO_NAMES \
                and not _YEAR.search(body, start, m.start()):
            return True     # ... or by its authors' names alone: 'Doe et al. write that "..." (p. 3).'
    return False


# a footnote's whole text a quote its authors' pronoun says, and its page: '[^1]: They write that "..." (p. 3).', 'As
# the authors put it, "..." (p. 3)', 'In their words: "...," p. 3.'
_PRONOUN_LEAD = lazy(r"[ \t]*(?:(?:(?i:as|here|there|elsewhere|later|also)[ \t,]+)?(?i:they|the[ \t]+authors?"
                     r"|these[ \t]+authors|its[ \t]+authors?|he|she)[ \t]+(?:also[ \t]+)?(?:[a-z]+ly[ \t]+)?" + _SAYING
                     + r"(?:[ \t]+that)?(?:[ \t]+[a-z][\w'’-]*){0,8}|(?i:in[ \t]+their[ \t]+words|in[ \t]+the[ \t]+authors['’]"
                     r"[ \t]+words))[ \t]*[,:]?[ \t]*")
_FOOTNOTE_MARK = lazy(r"\[\^([^\]\s]{1,40})\]")
# (its page may be left out, and a sentence of the note's own may follow: '... "...." This matters for ...')
_PRONOUN_PAGE = lazy(r"[ \t]*[.,]?[ \t]*(?:(?:\(\s*(?:(?:pp?\.|pages?)\s*)?(?P<page>\d{1,5}(?:\s*[-–]\s*\d{1,5})?)\s*\)"
                     r"|(?:pp?\.|pages?)[ \t]*(?P<at>\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?))[ \t]*\.?)?[ \t]*"
                     r"(?:(?=\n|$)|(?<=[ \t])(?P<next>)(?=[A-Z]))")


def _pronoun_quote(text: str, lo: int, start: int, close: int) -> str | None:
    """The page of the quote between `start` and `close` (its marks) that a footnote's whole text from `lo` is, said by
    its authors' pronoun, its page after it: '[^1]: They write that "..." (p. 3).' (`_PRONOUN_LEAD`); "" where it
    gives none ('[^1]: They write that "...."'), a sentence of the note's after it or not; else None."""
    if not _PRONOUN_LEAD.fullmatch(text, lo, start):
        return None
    page = _PRONOUN_PAGE.match(text, close + 1)
    if page is None:
        return None
    if page.group("next") is not None:
        # a sentence after it: the quote's ends first ('"...." This', '"..." (p. 3). This'; not '"..." (p. 3) This')
        tail = text[close + 1:page.start("next")].rstrip()
        if not (tail.endswith((".", "!", "?")) or not tail and text[close - 1:close] in (".", "!", "?")):
            return None
        # ... citing nothing itself: '"...." Smith and Roe (2020), *Title*.' names the quote's work there
        end = text.find("\n", page.end())
        after = text[page.end():end if end >= 0 else len(text)]
        if _YEAR.search(after) or "@" in after or "[" in after or "\\cite" in after:
            return None
    return (page.group("page") or page.group("at") or "").replace(" ", "")


def _marked_work(text: str, cites: list[int], line_start: int, start: int, close: int, numbers: set[str],
                 note: Note, marks: dict[str, list[int]]) -> tuple | None:
    """The citation of a quote a footnote's whole text is, said by its authors' pronoun ('[^1]: They write that "..."
    (p. 3).'): the one work the sentence its one mark ends cites, at the footnote's page; else None (no mark, several
    marks, no work or several works there, or a page of its own another)."""
    label = _FOOTNOTE_DEF.match(text[line_start:start])
    page = _pronoun_quote(text, line_start + label.end(), start, close) if label is not None else None
    if page is None:
        return None
    if not marks:
        marks[""] = []
        for m in _FOOTNOTE_MARK.finditer(text):
            if not (text[m.end():m.end() + 1] == ":" and not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip()):
                marks.setdefault(m.group(1), []).append(m.start())      # (its definition, "[^1]:", is no mark)
    if len(marks.get(label.group(1), ())) != 1:
        return None
    at = marks[label.group(1)][0]
    lo = text.rfind("\n\n", 0, at) + 1
    for end in _SENTENCE_END.finditer(text, lo, at):
        lo = end.end() - 1
    para_end = text.find("\n\n", at)
    found = [w for w in (_listed(f[2], numbers, note) for f in _cites_in(text, cites, lo, at, False,
                                                                          para_end if para_end >= 0 else len(text)))
             if w is not None]
    if len(found) != 1 or (found[0][0] != "cite" and len(found[0]) > 3 and found[0][3]) \
            or (found[0][0] == "cite" and (found[0][1][0] == "number" and found[0][1][1].startswith("^")
                                           or len(found[0][1]) > 4 and found[0][1][4])):
        return None
    own = found[0][1][2] if found[0][0] == "cite" else found[0][2]
    if own is not None and own.replace("–", "-") != page.replace("–", "-"):
        return None         # (a page of its own where the footnote gives none or another)
    return _at_page(found[0], page) if page else found[0]


# a footnote of a work's authors (and its year), a passage of it quoted where a short form has its title, and its
# page: '[^2]: Doe et al., "...," 3.', '[^2]: Doe et al. (2022), "...," 3.'
_PASSAGE_NOTE = lazy(r"\s*(?P<who>" + _SURNAME + r"(?:\s+et\s+al\.?|(?:,\s+" + _SURNAME + r"){0,8},?\s+(?:and|&)\s+"
                     + _SURNAME + r")?)(?:,?\s+\(?(?P<year>(?:1[89]|20)\d\d[a-z]?)\)?)?,\s*[\"“](?P<quote>[^\"“”\n]{15,5000}?)[\"”]\s*,?\s*(?:pp?\.\s*)?"
                     r"(?P<page>\d{1,5}(?:\s*[-–]\s*\d{1,5})?)\s*\.?\s*")
# words of a clause a title seldom has: a passage's, "... companies have also been committed to ..."
_PASSAGE_WORDS = 15                     # (longer than a title is: a passage, words of a clause or not)
_CLAUSE_WORDS = frozenset("""is are was were be been being has have had we our us it its this that they their them there
these those which who can could would should will may might must not do does did also""".split())


#: what labels a note on its line: a footnote's "[^2]:", an endnote's "2.", an exported document's anchor
_NOTE_LABEL = lazy(r"[ \t]{0,3}(?:\[\^[^\]\s]{1,40}\]:|\d{1,4}[.)](?=\s))?[ \t]*(?:<a\s[^<>]{0,300}>\s*</a>)?[ \t]*")


def _passage_line(line: str, titles: set[str] | None = None):
    """`_passage_note` of a line that is a note, labelled as a footnote, an endnote or an exported document's note
    ('1. <a id="fn1"></a>Doe et al., “...,” 3. <a href="#fnref1">↩︎</a>'), its link back to its mark left out."""
    label = _NOTE_LABEL.match(line)
    if label is None or label.end() == 0 or not line[:label.end()].strip():
        return None
    back = _LINK_BACK.search(line, label.end()) if "</a>" in line[label.end():] else None
    if back is not None and not line[back.end():].strip():
        line = line[:back.start()]
    back = _BACKLINK.search(line, label.end())
    return _passage_note(line[:back.start()] if back is not None else line, label.end(), titles)


def _listed_titles(note: Note) -> set[str]:
    """The titles of the works a note lists, as `_passage_note` tells a passage from them (lower case, their first
    40 characters)."""
    return {r.title.lower()[:40] for r in note.references if r.title}


def _passages_decided(note: Note, blocks: list[tuple[int, int]]) -> None:
    """The notes read as references that quote a passage where a short form has its title (`_passage_line`), the
    note's list read: each is no reference, its quote a quote (`_parse_plain`), unless what it quotes is the title
    of a work the note lists."""
    mine = {id(ref) for ref, _, _ in note._passages}
    titles = {r.title.lower()[:40] for r in note.references if r.title and id(r) not in mine}
    drop = {id(ref): block for ref, block, line in note._passages if _passage_line(line, titles)}
    if drop:
        note.references[:] = [r for r in note.references if id(r) not in drop]
        gone = {b for b in drop.values() if b is not None}
        blocks[:] = [b for b in blocks if b not in gone]
    note._passages.clear()


#: a footnote that opens with the quote, then cites its work: '[^1]: "...," Jesse Dodge et al., "Measuring ...," in
#: *FAccT* (2022), 5.' (Chicago's and Turabian's notes that quote first), the work's names after the quote's marks
_QUOTE_FIRST = lazy(r"[ \t]*(?P<open>[\"“])(?P<quote>[^\"“”\n]{15,5000}?)[\"”][ \t]*[,.:;]?[ \t]*(?:[-—–][ \t]*)?"
                    r"(?:(?:in|from|quoted[ \t]+in)[ \t]+)?(?=[(" + _UPPER + r"])(?P<rest>[^\n]{4,})")
#: the page a quote-first footnote's citation ends with: '(2022), 5.', ', p. 5.', ' 5-6.'
_QUOTE_FIRST_PAGE = lazy(r"(?:[,:][ \t]*|(?<=\))[ \t]*|[ \t]+(?=pp?\.))(?:pp?\.[ \t]*)?(?P<page>" + _PAGE_NUMBER
                         + r")[ \t]*\.?[ \t]*$")
#: names opening a citation: 'Jesse Dodge et al.', 'Dodge, Prewitt, and Strubell', 'J. Dodge', 'Dodge et al. (2022)'
#: (or in parentheses, as names and a year after a quote are read: '(Dodge et al., 2022)')
_NAMES_OPEN = lazy(r"\(?(?:[" + _UPPER + r"]\.[ \t]*){0,3}" + _SURNAME + r"(?:[ \t]+" + _SURNAME + r"){0,3}"
                   r"(?:,?[ \t]+et[ \t]+al\.?|,[ \t]|[ \t]+(?:and|&)[ \t]|[ \t]*\(|,?[ \t]+(?:1[89]|20)\d\d)")


def _quote_first(body: str, start: int) -> tuple[re.Match, str | None] | None:
    """(the match of `_QUOTE_FIRST`, the page) of a footnote's text from `start` that opens with a quote, then cites
    its work by names and a year or a title of its own ('"...," Jesse Dodge et al., "Measuring ...," (2022), 5.',
    '"...," Dodge et al. (2022), 5.'), the quote a sentence, not a title ('"Measuring the Carbon Intensity of AI,"
    Dodge et al., 2022.' is a reference that sets its title first); else None."""
    m = _QUOTE_FIRST.match(body, start) if '"' in body or "“" in body else None
    if m is None:
        return None
    words = m.group("quote").rstrip(",.;: ").split()
    rest = m.group("rest")
    if len(words) < UNCITED_MIN_WORDS or not _NAMES_OPEN.match(rest):
        return None
    long = [w for w in words[1:] if len(w.strip("()[]'’\"")) >= 4 and w[:1].isalpha()]
    if long and sum(w[:1].isupper() for w in long) * 4 >= len(long) * 3:
        return None                     # capitalised as a title
    if len(words) < _PASSAGE_WORDS and not any(w.lower().strip(",.;:") in _CLAUSE_WORDS for w in words):
        return None
    titled = re.search(r"[\"“][^\"“”]{3,300}[\"”]|(?<![*\w])[*_][^*_]{3,300}[*_](?![*\w])", rest)
    years = _YEAR.findall(rest)
    if not titled and not years:
        return None                     # (names alone after it: no citation of a work)
    page = _QUOTE_FIRST_PAGE.search(rest)
    at = page.group("page").replace(" ", "") if page else None
    if at is not None and _YEAR.fullmatch(at) and len(years) == 1:
        at = None                       # ('Dodge et al., 2022.': its year, no page)
    return m, at


def _passage_note(body: str, start: int, titles: set[str] | None = None):
    """The match of a footnote that is its authors' names, a passage of their work quoted and its page
    (`_PASSAGE_NOTE`), where the quoted words are a sentence, not a title: eight words or more, not capitalised as a
    title (Chicago's "Measuring the Carbon Intensity of AI"), with words of a clause (`_CLAUSE_WORDS`) or longer than a
    title, and no title
    of a work the note lists (`titles`, as `_listed_titles` gives them); else None."""
    m = _PASSAGE_NOTE.fullmatch(body, start) if '"' in body or "“" in body else None
    if m is None:
        return None
    words = m.group("quote").rstrip(",.;: ").split()
    if len(words) < UNCITED_MIN_WORDS:
        return None
    long = [w for w in words[1:] if len(w.strip("()[]'’\"")) >= 4 and w[:1].isalpha()]
    if long and sum(w[:1].isupper() for w in long) * 4 >= len(long) * 3:
        return None                     # capitalised as a title (a passage's names and terms are fewer)
    if len(words) < _PASSAGE_WORDS and not any(w.lower().strip(",.;:") in _CLAUSE_WORDS for w in words):
        return None
    if titles and " ".join(words).lower()[:40] in titles:
        return None                     # the title of a work the note lists
    return m


_SAID = lazy(r"(?i)\b" + _SAYING + r"\b")
_STOP_THEN = lazy(r"[.!?]\s+[A-Z]")
#: what closes a citation before a quote at its page, then a colon: ', p. 3): ' (a reference's '(2022): ' gives none)
_PAGED_COLON = lazy(r"[ \t]*[,:][ \t]*(?:pp?\.|S\.)?[ \t]*\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?[ \t]*[)\]][ \t]*:[ \t]*")
_CITED_BEFORE = lazy(_WHO + r"(?:['’]s)?,?\s*[(\[]\s*(?:1[89]|20)\d\d")


#: a heading of a list of notes over its first note: "## Notes\n\n1. ...", "**Endnotes**\n1. ..."
_NOTES_LIST = lazy(r"(?im)^[ \t]{0,3}(?:#{1,6}[ \t]*|\*\*|__)?(?:end|foot)?notes(?:\*\*|__)?[ \t]*:?[ \t]*\n"
                   r"(?:[ \t]*\n)*[ \t]{0,3}(?:1[.)]|\[1\])[ \t]")


def _is_short_note(text: str) -> bool:
    """A note that names a work the notes before named in full: "Ibid., 5.", "Doe, op. cit., 5.",
    "Doe and Roe, 5.", 'Doe, "Short Title," 5.'"""
    return bool(_IBID.match(text) or _OP_CIT.match(text) or _NAMES_AND_PAGE.fullmatch(text)
                or _SHORT_TITLE.search(text) and _FOOTNOTE_PAGE.search(text) or _PLAIN_SHORT_FORM.fullmatch(text))


# a short form whose title only commas set off, as a plain-text note writes it: "Dodge et al., Carbon Intensity, 3."
_PLAIN_SHORT_FORM = lazy(_SURNAME + r"(?:\s+et\s+al\.?|(?:,\s+" + _SURNAME + r"){0,8},?\s+(?:and|&)\s+" + _SURNAME
                         + r")?,\s*[" + _UPPER + r"][^,\n]{1,200}?\s[^,\n]{1,200}?,\s*(?:pp?\.\s*)?\d{1,5}"
                         r"(?:\s*[-–]\s*\d{1,5})?\.?")


def _is_short_form(ref: NoteReference) -> bool:
    """Whether a note read is a short form (`_is_short_note`), its title set off in italics or quote marks as the
    note wrote it ('2. Roe, *Energy Use*, 3.', read as 'Roe, Energy Use, 3.')."""
    text = _BACKLINK.sub("", ref.text).strip()
    return _is_short_note(text) or bool(ref.titles and _SHORT_FORM.fullmatch(text))


def _reads_as_reference(line: str, note: Note | None = None) -> bool:
    """An ordered-list line outside a References section that is a reference all the same
    ("1. Futoma, J. et al. An improved ... Proc. MLHC 68, 243–254 (2017)."): a year or a
    link, an author list and a title."""
    if not _YEAR_OR_URL.search(line) or len(line) > 2000:
        return False
    if note is not None:
        note._count(1)
    entry = parse_entry(_ORDERED.sub("", line, count=1))
    return bool(entry.first_author and entry.year and entry.title and len(entry.title.split()) >= 3)


# A bibliography file a note names in its own format: Org's "#+bibliography: refs.bib",
# biblatex's "\\addbibresource{refs.bib}", BibTeX's "\\bibliography{refs,more}", AsciiDoc's
# ":bibtex-file: refs.bib" (asciidoctor-bibtex), Typst's '#bibliography("refs.bib")'
_BIB_DECLARED = lazy(r"^[ \t]{0,3}(?:#\+bibliography:[ \t]*(?P<org>[^\n]{1,500}?)"
                     r"|\\addbibresource(?:\[[^\]\n]{0,200}\])?\{(?P<biblatex>[^{}\n]{1,500})\}"
                     r"|\\bibliography\{(?P<bibtex>[^{}\n]{1,500})\}"
                     r"|:bibtex-file:[ \t]*(?P<adoc>[^\n]{1,500}?)"
                     r"|#bibliography\((?P<typst>[^\n]{1,500})\)"
                     r"|\.\.[ \t]+bibliography::[ \t]*(?P<rst>\S[^\n]{0,499}?))[ \t]*\r?$", 0x8 | 0x2)


def _declared_bibliographies(text: str, note: Note, fenced: list[tuple[int, int]], lines: _Lines) -> None:
    """The bibliography files an Org, LaTeX, AsciiDoc or Typst note names (`_BIB_DECLARED`),
    as the front matter's `bibliography` of a Markdown note; a name without a suffix in
    LaTeX's \\bibliography{refs} is refs.bib."""
    if not any(_has(text, mark) for mark in ("ibliography", "IBLIOGRAPHY", "addbibresource", "bibtex-file")):
        return
    for m in _BIB_DECLARED.finditer(text):
        if _in_ranges(fenced, m.start()):
            continue
        if m.group("typst") is not None:
            names = [q[1:-1] for q in re.findall(r'"[^"\n]{1,300}"', m.group("typst"))]
            names = [x for x in names if x.lower().endswith((".bib", ".json"))]
        elif m.group("rst") is not None:         # sphinxcontrib-bibtex before 2.0: ".. bibliography:: a.bib b.bib"
            names = m.group("rst").split()
        elif m.group("bibtex") is not None:
            names = [x.strip() if "." in x.strip() else x.strip() + ".bib" for x in m.group("bibtex").split(",")]
        else:
            names = [(m.group("org") or m.group("biblatex") or m.group("adoc")).strip()]
        names = [x.strip("\"'") for x in names if x.strip("\"'")]
        if names:
            note.bibliography_line = note.bibliography_line or lines.line(m.start())
            note.bibliography += [x for x in names if x not in note.bibliography]


def _front_matter(text: str, note: Note) -> int:
    """Read the YAML front matter's `bibliography` (a path or a list of them);
    returns the offset where the front matter ends (0 when there is none)."""
    if not text.startswith("---"):
        return 0
    end = text.find("\n---", 3)
    if end < 0 or end > 200_000:
        return 0
    block = text[:end].split("\n")[1:]
    for k, raw in enumerate(block):
        if not raw.startswith("bibliography:"):
            continue
        note.bibliography_line = k + 2
        value = raw[len("bibliography:"):].strip()
        items: list[str] = []
        if value.startswith("[") and value.endswith("]"):
            items = value[1:-1].split(",")
        elif value:
            items = [value]
        else:
            for more in block[k + 1:]:
                if not more.strip().startswith("- "):
                    break
                items.append(more.strip()[2:])
        # (each named once: a name written twice is one file, read once)
        note.bibliography = list(dict.fromkeys(x.strip().strip("\"'").strip() for x in items if x.strip().strip("\"'")))
        break
    return end + 4


# Quotes written as constructs of LaTeX, HTML and Org rather than in quote marks.
_ENQUOTE = lazy(r"\\(?:enquote|textquote|blockquote)\*?(?=[\[{])")
# (Logseq's in a list item: "- #+BEGIN_QUOTE")
_QUOTE_ENV = lazy(r"\\begin\{(quote|quotation|displayquote)\}|^[ \t]*(?:[-*+][ \t]+)?#\+begin_quote\b[^\n]*", 0x8 | 0x2)   # M, I
_QUOTE_ENDS = {"quote": lazy(r"\\end\{quote\}"), "quotation": lazy(r"\\end\{quotation\}"),
               "displayquote": lazy(r"\\end\{displayquote\}"),
               "org": lazy(r"^[ \t]*#\+end_quote\b[^\n]*", 0x8 | 0x2)}
_HTML_Q = lazy(r"<(q|blockquote)(?:\s+cite\s*=\s*([\"'])([^\"'<>\s]{1,500})\2)?[^<>]{0,200}>", 0x2)
# a blockquote's attribution inside it, and any tag
# (or a <cite> opening a line or a paragraph of the blockquote after its text, a dash before it or not:
# '<blockquote><p>...</p>\n<cite>Doe 2020, p. 3</cite>', '<p>— <cite>Doe 2020</cite>, p. 3</p>')
_HTML_FOOTER = lazy(r"<footer(?:\s[^<>]{0,200})?>|(?:(?m:^)|(?<=</p>))[ \t]*(?:<p>[ \t]*)?(?:—|―|–|--)?[ \t]*"
                    r"<cite(?:\s[^<>]{0,200})?>", 0x2)
_HTML_TAG = lazy(r"</?[A-Za-z][\w-]{0,20}(?:\s[^<>]{0,200})?/?>")
# a citation ending a quote's own text ("... tasks \parencite[1]{k}.", "... tasks [cite:@k]")
_TRAILING_CITE = lazy(r"\s*(?:\\[a-zA-Z]*cite[a-zA-Z]*\*?(?:\[[^\[\]{}]*\]){0,2}\{[^{}]*\}|\[cite[^\[\]]*\]"
                      r"|\[@[^\[\]]*\])\s*[.,;]?\s*$")


# a paragraph after a quote block, blank lines before it, that is one key's citation alone: '[cite:@doe2022 p. 4]',
# '[@doe2022, p. 4]', '\cite[p.~4]{doe2022}' (one key: two works' citation is no one work's)
_LONE_KEY_CITE = lazy(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*(?P<cite>\\[a-zA-Z]*cite[a-zA-Z]*\*?(?:\[[^\[\]{}\n]*\]){0,2}\{[^{},;\n]*\}"
                      r"|\[cite(?:/[\w/]*)?:[ \t]*@[^\[\]@;\n]*\]|\[@[^\[\]@;\n]*\])[ \t]*\.?[ \t]*(?:\n[ \t]*\n|\n?\Z"
                      r"|\n(?=[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S))")


def _pairs(text: str, open_: str, close: str) -> dict[int, int]:
    """Where each `open_` of the text is closed (nested pairs counted; none across a
    paragraph break): one pass over the text, however many there are."""
    out: dict[int, int] = {}
    stack: list[int] = []
    marks = sorted(_all(text, open_) + _all(text, close) + _all(text, "\n\n"))
    for at in marks:
        if text.startswith("\n\n", at):
            stack.clear()
        elif text[at] == open_:
            stack.append(at)
        elif stack:
            out[stack.pop()] = at
    return out


# Typst's quote element with its arguments, up to the "[" of its body
_TYPST_QUOTE = lazy(r"#quote\(([^()\n]{0,300})\)\s{0,3}(?=\[)")
_TYPST_ATTRIBUTION = lazy(r"attribution:\s*(?:(\[[^\[\]]{1,200}\])|<([\w:.\-]{1,200})>)")


# Names of a work a writer marked up before its year: '*Patterson et al.* (2021)', '<i>Doe et al.</i> (2019)',
# '**Doe** (2019)', '(*Doe et al.*, 2019)': the markup is no title's (a title with 'et al.' is none), and the names cite
# as they would unmarked. A name alone does so in bold only: '*Energy and Policy* (2019)' stays a title before its
# year, 'in *FAccT* (2022)' a venue.
# (its markup's first character led by no lookbehind, as the names' checked in code: a note of 10 MB is scanned fast)
_MARKED_NAMES = lazy(r"(?:(?P<tag><(?P<t>(?i:i|em|b|strong|cite))>)|(?P<em>\*{1,2}|_{1,2}))"
                     rf"(?P<names>{_SURNAME}(?:,?[ \t]+(?:et[ \t]+al\.?|{_OTHER_ET_AL}))?)"
                     r"(?P<end>(?(tag)</(?i:(?P=t))>|(?P=em)))(?![\w*])")
#: An element _MARKED_NAMES reads names in (its first character one a scan skips to).
_NAMES_TAG = lazy(r"<(?i:i|em|b|strong|cite)>")
_YEAR_NEXT = lazy(r"(?:['’]s)?[ \t]*,?[ \t]*[(\[][ \t]*(?:1[89]|20)\d\d(?!\d)")
_YEAR_BESIDE = lazy(r"[ \t]*,?[ \t]+(?:1[89]|20)\d\d(?!\d)")
# HTML's element of a cited work holding its names and year: '<cite>Doe et al. 2019</cite>', '<cite>Doe, 2019, p.
# 3</cite>': a citation in brackets where none are around it
_CITE_TAG = lazy(r"<cite>(?=[ \t]*" + _WHO + r",?[ \t]+(?:1[89]|20)\d\d[a-z]?(?:[ \t]*[,:][ \t]*(?:pp?\.[ \t]*)?"
                 r"\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?)?[ \t]*</cite>)(?P<inner>[^<>\n]{1,200}?)</cite>")
# Names and a year (and page), or names with 'et al.' and a page (MLA), written bare after a quote's closing mark,
# ending their sentence: '"..." Doe et al., 2019.', '"..." Doe et al. 2019, p. 4.', '"..." Doe et al. 4.' (never names
# going on into a sentence, '"..." Doe et al. (2019) argue', nor '"..." Doe et al., 2019, found')
_BARE_AFTER_QUOTE = lazy(r"[”\"’»][ \t]+(?P<who>" + _SURNAME + r"(?:,?[ \t]+(?:et[ \t]+al\.?|" + _OTHER_ET_AL
                         + r")|(?:,[ \t]*" + _SURNAME + r"){0,4},?[ \t]+(?:and|&)[ \t]+" + _SURNAME + r")?)"
                         r"(?P<at>,?[ \t]+(?P<year>(?:1[89]|20)\d\d[a-z]?)(?![\d])(?:[ \t]*[,:][ \t]*(?:pp?\.[ \t]*)?"
                         r"\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?)?|[ \t]+(?:pp?\.[ \t]*)?\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?)"
                         r"(?<![.])(?P<stop>[.;])(?=\s|\Z)")
_MONTHS = frozenset("""january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter""".split())


def _names_unmarked(text: str) -> str:
    """The note with the names of a cited work read as a citation where a writer marked them up (`_MARKED_NAMES`,
    `_CITE_TAG`) or left them out of brackets after a quote (`_BARE_AFTER_QUOTE`), each construct replaced by as many
    characters: offsets and line numbers stay the note's."""
    out: list[str] | None = None
    if "*" in text or "_" in text or _NAMES_TAG.search(text):
        # (scanned only where a mark it reads is: its pattern has no first character the scan can skip to,
        # so a 10 MB note of one '<' element took a quarter of a second here)
        for m in _MARKED_NAMES.finditer(text):
            names = m.group("names")
            if m.group("em") and m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "*_\\"):
                continue        # (inside a word, or a marker escaped: 'en_Doe_2019', '\\*Doe*')
            if names.split()[0].lower() in _NO_NAMES | _SENTENCE_OPENERS | _MONTHS or names.isupper():
                continue
            bold = m.group("em") in ("**", "__") or (m.group("t") or "").lower() in ("b", "strong", "cite")
            if " " not in names and not bold:
                continue        # (one word in italics before a year is a venue's as often: 'in *FAccT* (2022)')
            opened = text[max(0, m.start() - 3):m.start()].rstrip(" \t")[-1:] in ("(", "[")
            if not (_YEAR_NEXT.match(text, m.end()) or opened and _YEAR_BESIDE.match(text, m.end())):
                continue
            out = out if out is not None else list(text)
            out[m.start():m.end()] = " " * (m.end() - m.start() - len(names)) + names    # ('(  Doe et al., 2019)')
    if "<cite>" in text:
        for m in _CITE_TAG.finditer(text):
            out = out if out is not None else list(text)
            opened = text[max(0, m.start() - 3):m.start()].rstrip(" \t")[-1:] in ("(", "[")
            out[m.start():m.start("inner")] = list(" " * 6 if opened else "(" + " " * 5)
            out[m.end("inner"):m.end()] = list(" " * 7 if opened else " " * 6 + ")")
    for m in _BARE_AFTER_QUOTE.finditer(text):
        who = m.group("who")
        if who.split()[0].lower().rstrip(",") in _NO_NAMES | _SENTENCE_OPENERS | _MONTHS \
                or who.split()[0].rstrip(",").isupper() \
                or m.group("year") is None and not re.search(r"\bet\s+al\b|\s(?:and|&)\s|" + _OTHER_ET_AL, who):
            continue            # (a page alone after names is MLA's where they are a work's authors: 'Doe et al. 4.')
        out = out if out is not None else list(text)
        out[m.start("who") - 1] = "("
        out[m.start("stop")] = ")"
    return text if out is None else "".join(out)


def _constructs_as_marks(text: str) -> str:
    """The note with quotes written as LaTeX (\\enquote{..}, \\textquote[\\cite{k}]{..}, the
    quote and quotation environments), HTML (<q>, <blockquote cite="...">) or Org
    (#+begin_quote) turned into quote marks the plain-quote reader reads, each
    construct replaced by as many characters: offsets and line numbers stay the note's.
    A citation ending the quote's own text is set after its closing mark; a
    blockquote's cite="URL" becomes an autolink before it; Typst's ``#quote(attribution:
    [@key])[...]`` keeps its attribution before the quote (a label ``<key>`` as ``[@key]``)."""
    if "\\" not in text and "<" not in text and "#+" not in text and "#quote(" not in text:
        return text
    out = _Chars(text)
    braces: dict[int, int] = {}
    brackets: dict[int, int] = {}
    if "\\" in text or _has(text, "#quote("):
        braces, brackets = _pairs(text, "{", "}"), _pairs(text, "[", "]")
    for m in _TYPST_QUOTE.finditer(text) if _has(text, "#quote(") else ():
        body = m.end()
        close = brackets.get(body, -1)
        if close < 0:
            continue
        out[m.start():body] = list(" " * (body - m.start()))
        who = _TYPST_ATTRIBUTION.search(m.group(1))
        if who:
            cite = who.group(1) or f"[@{who.group(2)}]"
            at = m.start() + 1
            out[at:at + len(cite)] = list(cite)
        out[body] = "“"
        out[close] = "”"

    breaks = _all(text, "\n\n")

    def crosses(a: int, b: int) -> bool:
        """Whether a paragraph ends between offsets a and b: a quote does not run past it."""
        k = bisect.bisect_left(breaks, a)
        return k < len(breaks) and breaks[k] < b

    def put(at: int, mark: str, width: int) -> None:
        out[at:at + width] = list(" " * (width - len(mark)) + mark) if mark in "“" else list(mark + " " * (width - 1))

    def close_at(body_start: int, end: int, width: int) -> None:
        """The closing mark for a quote whose text is [body_start, end) and whose closing
        construct, `width` long, starts at `end`: before a citation ending the text. The paper's own
        double quote marks inside ('<blockquote>this “generality” comes ...</blockquote>') become single
        ones, so that the first of them does not close the quote (quote matching reads no quote marks)."""
        if "“" in text[body_start:end] or "”" in text[body_start:end]:
            for i in range(body_start, end):
                if out[i] in "“”":
                    out[i] = "‘" if out[i] == "“" else "’"
        cite = _TRAILING_CITE.search(text, max(body_start, end - 500), end)
        if cite and cite.start() > body_start and text[cite.start()].isspace():
            out[cite.start()] = "”"
            out[end:end + width] = list(" " * width)
        else:
            put(end, "”", width)

    for m in _ENQUOTE.finditer(text):
        at = m.end()
        if text[at] == "[":                     # \textquote[\cite{k}][.]{...}: the citation before
            close = brackets.get(at, -1)
            if close < 0:
                continue
            out[m.start():at + 1] = list(" " * (at + 1 - m.start()))
            out[close] = " "
            at = close + 1
            while at < len(text) and text[at] == "[":
                close = brackets.get(at, -1)
                if close < 0:
                    break
                out[at:close + 1] = list(" " * (close + 1 - at))
                at = close + 1
        else:
            out[m.start():at] = list(" " * (at - m.start()))
        if at >= len(text) or text[at] != "{":
            continue
        close = braces.get(at, -1)
        if close > at:
            out[at] = "“"
            out[close] = "”"
    ends: dict[str, list[tuple[int, int]]] = {}       # (each kind's ends looked for once one opens)
    last = 0
    for m in _QUOTE_ENV.finditer(text) if _has(text, "\\begin{") or _has(text, "#+") else ():
        if m.start() < last:
            continue                            # inside the quote before
        kind = (m.group(1) or "org").lower()
        if kind not in ends:
            ends[kind] = [(e.start(), e.end()) for e in _QUOTE_ENDS[kind].finditer(text)]
        k = bisect.bisect_left(ends[kind], (m.end(), 0))
        if k == len(ends[kind]) or crosses(m.end(), ends[kind][k][0]):
            continue
        end_start, end_end = ends[kind][k]
        last = end_end
        # (a list item's marker and indent kept: "- #+BEGIN_QUOTE" ... "  #+END_QUOTE", Logseq's)
        start = m.start() + len(m.group()) - len(m.group().lstrip(" \t-*+"))
        body = m.end()
        cited = brackets.get(body, -1) if kind == "displayquote" and text.startswith("[", body) else -1
        if cited > body:
            # csquotes' '\begin{displayquote}[\cite[5]{k}][.]': its citation before the quote, as \textquote's
            out[start:body + 1] = list(" " * (body + 1 - start))
            while cited + 1 < end_start and text[cited + 1] == "[" and brackets.get(cited + 1, -1) > cited:
                out[cited:brackets[cited + 1]] = list(" " * (brackets[cited + 1] - cited))
                cited = brackets[cited + 1]
            out[cited] = "“"
            body = cited + 1
        else:
            put(start, "“", m.end() - start)
        indent = len(text[end_start:end_end]) - len(text[end_start:end_end].lstrip(" \t"))
        close_at(body, end_start + indent, end_end - end_start - indent)
        lone = _LONE_KEY_CITE.match(text, end_end)
        if lone is not None:
            # a paragraph that is a key's citation alone after the block, a blank line between ('#+end_quote', '',
            # '[cite:@doe2022 p. 4]'): the block's, as after a Markdown blockquote; the blank line is read as none
            last_break = text.rfind("\n", end_end, lone.start("cite"))
            for i in range(end_end, last_break):
                if out[i] == "\n":
                    out[i] = " "
    html_ends = {tag: [(e.start(), e.end()) for e in re.finditer(rf"(?i)</{tag}\s*>", text)]
                 for tag in ("q", "blockquote")} if _has(text, "</") else {}
    last = 0
    for m in _HTML_Q.finditer(text):
        tag = m.group(1).lower()
        k = bisect.bisect_left(html_ends.get(tag, []), (m.end(), 0))
        if m.start() < last or k == len(html_ends.get(tag, [])):
            continue
        end = html_ends[tag][k]
        if crosses(m.end(), end[0]):
            continue
        last = end[1]
        url = m.group(3)
        width = m.end() - m.start()
        if url and _EXTERNAL.match(url) and len(url) + 3 <= width:
            out[m.start():m.end()] = list(" " * (width - len(url) - 3) + f"<{url}>“")
        else:
            put(m.start(), "“", width)
        footer = _HTML_FOOTER.search(text, m.end(), end[0]) if tag == "blockquote" else None
        if footer is not None and not any(c.isalpha() for c in _HTML_TAG.sub("", text[m.end():footer.start()])):
            footer = None       # (no text of the quote before it)
        if footer is None:
            close_at(m.end(), end[0], end[1] - end[0])
            continue
        # its attribution in a <footer> ('<footer>— <cite>Doe 2020, p. 3</cite></footer>'): the quote closed
        # before it, the attribution after a dash, its tags blanked
        close_at(m.end(), footer.start(), footer.end() - footer.start())
        words = text[footer.end():end[0]]
        if not words.lstrip().startswith(_DASHES) and footer.end() - footer.start() >= 3:
            out[footer.start() + 2] = "—"
        for t in _HTML_TAG.finditer(text, footer.end(), end[1]):
            out[t.start():t.end()] = list(" " * (t.end() - t.start()))
    return out.joined()


# Citations of AsciiDoc, reStructuredText, Sphinx and MyST, and the bibliography entries
# they point at, read as pandoc citations and footnote definitions (`citations_as_pandoc`).
_KEY = r"[A-Za-z0-9_](?:[\w:.\-]{0,200}[\w])?"
_ADOC_XREF = lazy(r"<<(" + _KEY + r")(?:,\s*([^<>\n]{0,200}?))?>>")
_ADOC_CITE = lazy(r"(?<![\w:])cite(?:np)?:\[([^\[\]\n]{1,1000})\]")
_ADOC_CITED = lazy(r"\s*(" + _KEY + r")\s*(?:\(\s*([^()]{1,40}?)\s*\))?\s*")
_ADOC_BIBITEM = lazy(r"^[ \t]*(?:[-*.]+[ \t]+)?\[\[\[(" + _KEY + r")(?:,[^\]\n]{0,200})?\]\]\][ \t]*", 0x8)
# reStructuredText's auto-numbered and auto-symbol footnotes, "[#]_" and "[*]_", and their definitions ".. [#] ..."
_RST_AUTO = lazy(r"(?<![\w`\]\\])\[([#*])\]_(?!\w)|^([ \t]{0,3})\.\.[ \t]+\[([#*])\][ \t]+", 0x8)
# their labels as Markdown footnotes, one character each, which their marks' four characters hold
_RST_AUTO_LABELS = {"#": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                    "*": "αβγδεζηθικλμνξοπρστυφχψω"}


def _rst_auto_footnotes(text: str) -> str:
    """reStructuredText's auto-numbered footnotes ("[#]_", ".. [#] ...") and auto-symbol ones ("[*]_"), which pair
    marks and definitions in their order, as Markdown footnotes of one-character labels ("[^a]", "[^a]: ..."),
    each as long as what it replaces; past the labels there are, left as they are."""
    seen = {("mark", "#"): 0, ("mark", "*"): 0, ("def", "#"): 0, ("def", "*"): 0}

    def label(m) -> str:
        kind, sign = ("mark", m.group(1)) if m.group(1) else ("def", m.group(3))
        k = seen[kind, sign]
        seen[kind, sign] = k + 1
        if k >= len(_RST_AUTO_LABELS[sign]):
            return m.group()
        name = _RST_AUTO_LABELS[sign][k]
        new = f"[^{name}]" if kind == "mark" else f"{m.group(2)}[^{name}]: "
        return new.ljust(len(m.group()))

    return _RST_AUTO.sub(label, text)


_RST_REF = lazy(r"(?<![\w`\]\\])\[(#?" + _KEY + r")\]_(?!\w)")
_RST_DEF = lazy(r"^[ \t]{0,3}\.\.[ \t]+\[(#?" + _KEY + r")\][ \t]+", 0x8)
# (a page written after a Sphinx role, ":cite:p:`key`, p. 3", is its work's page)
_SPHINX_CITE = lazy(r"(?:(?<![\w`]):(?:foot)?cite(?::[a-z]{1,6})?:`([^`\n]{1,1000})`"
                    r"|\{(?:foot)?cite(?::[a-z]{1,6})?\}`([^`\n]{1,1000})`)"
                    r"(?:[ \t]*,[ \t]*(?:pp?\.|pages?|S\.)[ \t]*(\d{1,5}(?:[ \t]*[-–][ \t]*\d{1,5})?" + _FOLLOWING
                    + r")(?![\w.,]\d))?")
# Typst: "#cite(<key>)", "#cite(<key>, supplement: [p. 3])", "@key[p. 3]"
_TYPST_CITE = lazy(r"#cite\(\s*<(" + _KEY + r")>\s*(?:,\s*supplement:\s*\[([^\[\]\n]{0,100})\])?[^()\n]{0,200}\)")
_TYPST_REF = lazy(r"(?<![\w@\[])@(" + _KEY + r")\[([^\[\]\n]{1,100})\]")
_SPHINX_CITED = lazy(r"\s*(?:\{[^{}]{0,100}\})?\s*(" + _KEY + r")\s*(?:\{([^{}]{0,100})\})?\s*")
# org-ref's citation links: "cite:key", "citep:&a;&b" (its v3), "[[citet:key][p. 3]]" (a
# description's "pre::post" note: the post); not AsciiDoc's "cite:[key]" nor Sphinx's ":cite:`key`"
_ORG_REF_CITE = lazy(r"\[\[cite[a-z]{0,8}:(&?" + _KEY + r"(?:[,;]&?" + _KEY + r")*)\](?:\[([^\[\]\n]{0,100})\])?\]"
                     r"|(?<![\w:/\[`])cite[a-z]{0,8}:(&?" + _KEY + r"(?:[,;]&?" + _KEY + r")*)")
_PAGES_ONLY = lazy(r"[0-9ivxlcdm]{1,6}(?:\s*[-–]\s*[0-9ivxlcdm]{1,6})?", 0x2)


# What an AsciiDoc "<<id>>" may name besides a bibliography entry: an anchor ("[[id]]", never
# the bibliography's "[[[key]]]"; "[#id]", "[quote#id]", "anchor:id[]") or a section, whose
# title gives its id ("== Method overview" is "_method_overview", or "method-overview" as
# :idprefix: and :idseparator: say: compared as its letters and digits).
_ADOC_ANCHOR = lazy(r"(?<!\[)\[\[(" + _KEY + r")(?:,[^\]\n]{0,200})?\]\](?!\])|^[ \t]*\[[\w-]{0,40}#(" + _KEY
                    + r")(?=[.%,\]])|(?<![\w:])anchor:(" + _KEY + r")\[", 0x8)
_SECTION_TITLE = lazy(r"^[ \t]{0,3}(?:={1,6}|#{1,6})[ \t]+(\S[^\n]{0,300}?)[ \t]*$", 0x8)


def _id_letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _adoc_targets(text: str) -> tuple[set[str], set[str]]:
    """An AsciiDoc document's own anchors, and its sections' titles as `_id_letters`: what a
    "<<id>>" there names when no bibliography entry ("[[[id]]]") has that key."""
    anchors = {next(g for g in m.groups() if g).split(".")[0] if m.group(2) else next(g for g in m.groups() if g)
               for m in _ADOC_ANCHOR.finditer(text)}      # "[#id.role]": id
    sections = {_id_letters(m.group(1)) for m in _SECTION_TITLE.finditer(text)}
    return anchors, sections - {""}


def _pandoc(works: list[tuple[str, str | None]]) -> str:
    """'[@a, p. 3; @b]': works as (key, locator or None); a bare page is given its 'p.'."""
    parts = []
    for key, loc in works:
        loc = (loc or "").strip().strip(",").strip()
        if loc and _PAGES_ONLY.fullmatch(loc):
            loc = f"p. {loc}"
        parts.append(f"@{key}, {loc}" if loc else f"@{key}")
    return "[" + "; ".join(parts) + "]"


# Markdown's reference links: "[Strubell et al.][str]", "[str][]", "[str]", and their
# definitions "[str]: https://doi.org/... "Title"" or "[str]: #ref-str" (a footnote's "[^1]:" is none)
_LINK_DEF = lazy(r"^[ \t]{0,3}\[([^\]\[^\n][^\]\[\n]{0,99})\]:[ \t]*<?((?:https?://|www\.|doi:|#)[^\s<>]{1,1000})>?", 0x8)
_LINK_USE = lazy(r"\[([^\]\[\n]{1,300})\](?:[ \t]?\[([^\]\[\n]{0,100})\])?(?![(\[:])")


def _reference_links(text: str) -> str:
    """The note with Markdown's reference links to a URL written inline ("[Doe][d]" and
    "[d]: https://doi.org/..." as "[Doe](https://doi.org/...)"): the link a citation reads."""
    defs = {" ".join(m.group(1).lower().split()): m.group(2) for m in _LINK_DEF.finditer(text)}
    if not defs:
        return text

    def inline(m) -> str:
        label = m.group(2) if m.group(2) else m.group(1)        # "[text][]" and "[text]" name themselves
        url = defs.get(" ".join(label.lower().split()))
        if url is None or m.group(1).startswith(("^", "@")):
            return m.group()
        return f"[{m.group(1)}]({url})"

    return _LINK_USE.sub(inline, text)


# AsciiDoc's inline footnote ("footnote:[...]", "footnote:id[...]") and Typst's ("#footnote[...]"): its opening
_INLINE_FOOTNOTE = lazy(r"(?<![\w:])(?:footnote:[\w-]{0,40}|#footnote)\[")
# Org's footnote marks and, opening a line, their definitions: "[fn:1]", "[fn:strubell]"
_ORG_FOOTNOTE = lazy(r"(^[ \t]{0,3})?\[fn:([\w-]{1,40})\](?(1)[ \t]+)", 0x8)
_LATEX_FOOTNOTE = lazy(r"\\footnote\s*(?:\[[^\]\n]{0,20}\])?\s*\{")
#: The longest LaTeX footnote read as one.
_MAX_FOOTNOTE = 3000


def _latex_footnotes(text: str) -> str:
    """A LaTeX note's footnotes (``\\footnote{Doe, ``Title,'' 2020, 5.}``) as Markdown's: the mark
    ``[^fn1]`` where the footnote was, padded with spaces (its line breaks kept: line numbers and
    offsets stay the note's), and its text as LaTeX prints it in a definition after the note's end
    (``[^fn1]: Doe, “Title,” 2020, 5.``); a footnote citing a key keeps its ``\\cite``."""
    out, defs, at = [], [], 0
    for m in _LATEX_FOOTNOTE.finditer(text):
        if m.start() < at:
            continue
        depth, k, end = 1, m.end(), None
        while k < len(text) and k - m.end() < _MAX_FOOTNOTE:
            c = text[k]
            if c == "\\":
                k += 2
                continue
            depth += (c == "{") - (c == "}")
            if depth == 0:
                end = k
                break
            k += 1
        if end is None:
            continue
        body = text[m.end():end]
        label = f"[^fn{len(defs) + 1}]"
        plain = body if "cite" in body else latex_to_text(body)
        defs.append(f"{label}: {' '.join(plain.split())}")
        whole = text[m.start():end + 1]
        out += [text[at:m.start()], label, re.sub(r"[^\n]", " ", whole[len(label):])]
        at = end + 1
    if not defs:
        return text
    return "".join(out) + text[at:] + "\n\n" + "\n".join(defs) + "\n"


#: LaTeX's raised note numbers: "\\textsuperscript{2}", "\\textsuperscript{1,3}", "\\textsuperscript{1--3}"
_TEXT_SUPERSCRIPT = lazy(r"\\textsuperscript[ \t]*\{[ \t]*(\d{1,3}(?:[ \t]*(?:,|--?|–)[ \t]*\d{1,3}){0,5})[ \t]*\}")


def citations_as_pandoc(text: str) -> str:
    """The note with the citations of AsciiDoc (``<<key>>``, ``<<key,p. 3>>``,
    asciidoctor-bibtex's ``cite:[key(3)]`` and ``citenp:[a, b]``), reStructuredText
    (``[key]_``, ``[1]_``, ``[#note]_``), sphinxcontrib-bibtex (``:cite:`key```,
    ``:cite:p:`a,b```, ``:footcite:`key```), MyST (``{cite:p}`key```) and Typst
    (``#cite(<key>, supplement: [p. 3])``, ``@key[p. 3]``) and org-ref (``cite:key``,
    ``citep:&a;&b``, ``[[cite:key][p. 3]]``) written as
    pandoc's (``[@key, p. 3]``) or as footnotes (``[^1]``, ``[^note]``), and the entries
    they point at (AsciiDoc's ``* [[[key]]] ...``, reStructuredText's ``.. [key] ...``) as
    footnote definitions (``[^key]: ...``), a pandoc key naming the footnote of its name
    when no paper has it; and Markdown's reference links ("[Doe][d]" with "[d]: URL") as
    inline links. Each is padded with spaces to the length it had when shorter, and none
    spans a line: line numbers stay the note's."""
    if _has(text, "]:"):
        text = _reference_links(text)
    if _has(text, "\\footnote") and _LATEX_NOTE.search(text):
        text = _latex_footnotes(text)
    if _has(text, "footnote"):
        # AsciiDoc's "footnote:[...]" and Typst's "#footnote[...]" as pandoc's inline note "^[...]", padded inside
        text = _INLINE_FOOTNOTE.sub(lambda m: "^[" + " " * (len(m.group()) - 2), text)
    if _has(text, "[#]_") or _has(text, "[*]_"):
        text = _rst_auto_footnotes(text)
    if _has(text, "[fn:"):
        # Org's footnotes, "...[fn:1]" and the line "[fn:1] Doe, ..., 5.", as Markdown's, padded
        text = _ORG_FOOTNOTE.sub(lambda m: (f"[^{m.group(2)}]: " if m.group(1) is not None else f"[^{m.group(2)}]")
                                 .ljust(len(m.group())), text)
    if _has(text, "\\textsuperscript"):
        # LaTeX's raised note numbers, "...emissions''\\textsuperscript{2,4}", as HTML's "<sup>2,4</sup>", padded inside
        # (a raised number glued to a unit or a number stays a power there: "10\\textsuperscript{6} kWh")
        text = _TEXT_SUPERSCRIPT.sub(
            lambda m: "<sup>" + m.group(1).replace("--", "–").ljust(len(m.group()) - 11) + "</sup>", text)
    if not any(_has(text, mark) for mark in ("<<", "cite", "]_", ".. [", "[[[", "@")):
        return text

    def padded(old: str, new: str) -> str:
        return new + " " * (len(old) - len(new))

    anchors: set[str] = set()
    sections: set[str] = set()
    entries: set[str] = set()
    if _has(text, "<<"):
        anchors, sections = _adoc_targets(text)
        entries = {m.group(1) for m in _ADOC_BIBITEM.finditer(text)} if _has(text, "[[[") else set()

    def xref(m) -> str:
        key = m.group(1)
        if m.group().startswith("<<") and key not in entries and (key in anchors or _id_letters(key) in sections):
            return m.group()            # a cross reference to a part of the document, no citation
        return padded(m.group(), _pandoc([(key, m.group(2))]))

    def listed(rx, body: str) -> list[tuple[str, str | None]] | None:
        works = []
        for part in re.split(r",(?![^{}]*\})", body):         # a comma inside {p. 3, n. 2} is the locator's
            w = rx.fullmatch(part)
            if w is None:
                return None
            works.append((w.group(1), w.group(2)))
        return works or None

    def adoc_cite(m) -> str:
        works = listed(_ADOC_CITED, m.group(1))
        return padded(m.group(), _pandoc(works)) if works else m.group()

    def sphinx_cite(m) -> str:
        works = listed(_SPHINX_CITED, m.group(1) or m.group(2))
        if works and m.group(3) is not None:
            if len(works) == 1 and not works[0][1]:
                works = [(works[0][0], m.group(3))]     # its page after it
            else:                                       # the page after it is no one work's: left as written
                role = (m.end(1) if m.group(1) is not None else m.end(2)) + 1 - m.start()
                return padded(m.group()[:role], _pandoc(works)) + m.group()[role:]
        return padded(m.group(), _pandoc(works)) if works else m.group()

    def rst_ref(m) -> str:
        label = m.group(1)
        if label.startswith("#") or label.isdigit():
            return padded(m.group(), f"[^{label.lstrip('#')}]")       # a footnote
        return padded(m.group(), f"[@{label}]")

    def definition(m) -> str:
        return padded(m.group(), f"[^{m.group(1).lstrip('#')}]: ")

    def org_ref(m) -> str:
        keys = [k.lstrip("&") for k in re.split(r"[,;]", m.group(1) or m.group(3))]
        post = (m.group(2) or "").rpartition("::")[2] or None
        return padded(m.group(), _pandoc([(k, post if i == 0 else None) for i, k in enumerate(keys)]))

    # (a mark the form needs, its pattern, its rewriting), in this order
    for mark, pattern, rewrite in (("<<", _ADOC_XREF, xref), ("#cite(", _TYPST_CITE, xref), ("@", _TYPST_REF, xref),
                                   ("cite", _ADOC_CITE, adoc_cite), ("cite", _SPHINX_CITE, sphinx_cite),
                                   ("]_", _RST_REF, rst_ref), (".. [", _RST_DEF, definition),
                                   ("[[[", _ADOC_BIBITEM, definition), ("cite", _ORG_REF_CITE, org_ref)):
        if mark in text:
            text = pattern.sub(rewrite, text)
    return text


# a pandoc citation in brackets inside a footnote's text: "[^1]: As argued in [@doe2020, p. 3]."
_BRACKETED_KEYS = lazy(r"\[[^\[\]\n]{0,300}(?<![\w@])@[^\[\]\n]{1,300}\]")


def _footnote_citation(body: str) -> tuple | None:
    """What a footnote cites by key, as `_citation` gives it: the whole footnote a pandoc citation
    ("See @doe2020, p. 3; @roe2019.", "\\cite[p.~3]{doe2020}." read as pandoc's), else one in brackets
    inside it ("As argued in [@doe2020, 3]."); None for a footnote with no key, or an address
    ("doe@example.org") where a key would be."""
    body = body.strip().rstrip(".").strip()
    if "\\" in body and "cite" in body and body.endswith("}"):
        cite = _citation(body)                      # "\\cite[p.~3]{doe2020}." in a Markdown note's footnote
        return cite if cite is not None and cite[0] == "pandoc" else None
    if re.search(r"\w@", body) or not re.search(r"(?<![\w@])@\{?[A-Za-z0-9_]", body):
        return None
    cite = _citation(f"[{body}]") if "[" not in body and "]" not in body else None
    if cite is None and body.startswith("@"):
        cite = _attribution_cite(body)              # "@doe2020 [p. 3]": pandoc's narrative form, its locator after it
    if cite is None or cite[0] != "pandoc":
        inner = _BRACKETED_KEYS.search(body)
        cite = _citation(inner.group()) if inner else None
    return cite if cite is not None and cite[0] == "pandoc" else None


def _footnote_keys(note: Note, quotes: list[NoteQuote] | None = None) -> None:
    """A quote cited by a footnote that cites a key ("[^1]: See @doe2020, p. 3.") cites that key, at
    the footnote's page, and the other keys of the footnote as well (NoteQuote.also); "[^2]: Ibid., 5."
    after it cites that key too, at its own page. `quotes`: these (a sentence's citations), else the
    note's quotes."""
    if not any((r.number or "").startswith("^") and ("@" in r.text or "cite" in r.text) for r in note.references):
        return
    cites: dict[str, tuple] = {}
    last = None
    for r in note.references:                   # (in order of lines)
        if not (r.number or "").startswith("^"):
            continue
        if _IBID.match(r.text) and last is not None:
            page = _FOOTNOTE_PAGE.search(r.text)
            last = last[:2] + (page.group("page").replace(" ", "") if page else last[2],) + last[3:4]
        else:
            last = _footnote_citation(r.text) if "@" in r.text or "cite" in r.text else None
        if last is not None:
            cites[r.number] = last
    for q in note.quotes if quotes is None else quotes:
        label = (q.source_text or "")[1:-1].split(",")[0].split(";")[0].strip()
        cite = cites.get(label) if q.citekey is None and (q.source_text or "").startswith("[^") else None
        if cite is None:
            continue
        q.citekey, q.source_text, q.page = cite[1], None, q.page or cite[2]
        q.also += [NoteQuote(quote=q.quote, source_link=None, source_text=None, citekey=key, page=page,
                             line=q.line, kind=q.kind, offset=q.offset)
                   for _kind, key, page in (cite[4] if len(cite) > 4 else ())]


# An HTML footnote's id, as pandoc, Word, LibreOffice, GitHub and Notion write it: "fn2", "_ftn2", "footnote-2",
# "sdfootnote2sym", "user-content-fn-2", "edn2"
_NOTE_ANCHOR = lazy(r"(?i)(?:^|[-_:]|sd)(?:fn|ftn|footnote|endnote|edn|note)[-_:]?\d{1,4}(?:sym|anc)?$")
# a note's link back to its mark, at its end: "↩", "↩︎", "↑"
_BACKLINK = lazy(r"(?:\s*(?:↩\ufe0e?|↑|⤴\ufe0e?|\^))+\s*$")
# a full note's page after its publication facts and their year: '... *FAccT* (2022), 3.', '(Florence: ACL, 2019),
# 3645.' (never an article's pages after its issue, as ACS and APA print them: '142 (3), 45–67.')
_FULL_NOTE_PAGE = lazy(r"\((?:[^()]{0,200}[\s,:])?(?:1[89]|20)\d\d\)\s*,\s*(\d{1,5})(?:\s*[-–]\s*(\d{1,5}))?\s*\.?\s*$")
# a note that cites nothing: "My translation.", "Emphasis added.", "Translated by the author."
_REMARK_WORDS = lazy(r"[^\W\d_][\w'’-]*")


def _shape(refs: list[NoteReference]) -> tuple[int, ...]:
    """What tells a list of references another, or changed (longer, shorter, reordered at its ends)."""
    return (id(refs), len(refs), id(refs[0]) if refs else 0, id(refs[-1]) if refs else 0)


class _Refs:
    """A note's references by number (the first of each: as a number, as an unanchored entry's) and by anchor,
    each looked up in a dict made once, where a scan of them all per quote made a note of thousands quadratic."""

    def __init__(self, refs: list[NoteReference]) -> None:
        self.number: dict[str, NoteReference] = {}
        self.entry: dict[str, NoteReference] = {}
        self.anchor: dict[str, NoteReference] = {}
        self.anchor_at: dict[str, int] = {}         # where the first of each anchor is among them
        self.count: dict[str, int] = {}             # how many references have each number
        self.size = _shape(refs)
        self.refs = refs
        self._by_author: dict[str, list[NoteReference]] | None = None
        for i, r in enumerate(refs):
            if r.number is not None:
                self.number.setdefault(r.number, r)
                self.count[r.number] = self.count.get(r.number, 0) + 1
                if r.anchor is None:
                    self.entry.setdefault(r.number, r)
            if r.anchor is not None:
                self.anchor.setdefault(r.anchor, r)
                self.anchor_at.setdefault(r.anchor, i)


    def by_author(self) -> dict[str, list[NoteReference]]:
        """The references read as entries by their first author's key (`name_key`), in the note's order: made once,
        where a scan of them all per citation by names made a note citing by names in thousands quadratic."""
        if self._by_author is None:
            self._by_author = {}
            for r in self.refs:
                if r.entry is not None:
                    self._by_author.setdefault(name_key(r.entry.first_author), []).append(r)
        return self._by_author


def _own_note(note: Note, q: NoteQuote, refs: _Refs | None = None) -> tuple[NoteReference, bool] | None:
    """The note a quote's mark points at, as written (a short form, not the full note it
    shortens), and whether it is a footnote (whose last number is its page, as "[^1]" reads):
    a footnote "[^1]", an HTML footnote ('<a href="#fn2">'), or an endnote of a numbered list of
    notes ("<sup>2</sup>" ... "2. Doe et al., "Short Title," 9."), which is a note by its form."""
    refs = refs or _Refs(note.references)
    label = (q.source_text or "").strip()
    if label.startswith("[^"):
        ref = refs.number.get(label[1:-1].split(",")[0].split(";")[0].strip())
        return (ref, True) if ref is not None else None
    anchor = (q.source_link or "").strip().lstrip("#")
    if anchor:
        ref = refs.anchor.get(anchor)
        return (ref, True) if ref is not None and _NOTE_ANCHOR.search(anchor) else None
    if q.citekey is None and label.startswith("[") and label.endswith("]") and label[1:-1].strip().isdigit():
        ref = refs.entry.get(label[1:-1].strip())
        return (ref, False) if ref is not None else None
    return None


def _is_remark(text: str) -> bool:
    """A note that names no work: a few words, no number, link, title or name after its first word
    ("My translation.", "Emphasis added."): a remark, not a citation."""
    text = _BACKLINK.sub("", text).strip()
    words = _REMARK_WORDS.findall(text)
    return bool(words) and len(words) <= 8 and not re.search(r"[\d@\\\"“”«»*_/:]|\bet\s+al\b", text) \
        and not _is_short_note(text) and not any(w[0].isupper() for w in words[1:] if w != "I") \
        and not re.match(r"[A-Z][\w'’-]*\s*(?:,|&|\band\b)", text)      # "Doe et al.", "Doe, ...", "Doe and ..."


def _footnote_pages(note: Note, quotes: list[NoteQuote] | None = None) -> None:
    """A quote cited by a footnote and no locator of its own takes the page the footnote
    ends on ("[^1]: Strubell, Ganesh, and McCallum, "Energy and Policy ...," 4."), as it does from
    an HTML footnote, and from an endnote whose form is a note's (a short form, or a full note's
    "(2022), 3."), never from a numbered reference's page range. A quote whose note is a remark
    citing nothing ("[^2]: My translation.") is a quoted passage citing nothing kb can read.
    `quotes`: these (a sentence's citations, of which a remark is left as it is), else the note's quotes."""
    remarks: list[NoteQuote] = []
    refs = _Refs(note.references)
    for q in note.quotes if quotes is None else quotes:
        own = _own_note(note, q, refs) if q.citekey is None or q.page is None else None
        if own is None:
            continue
        ref, footnote = own
        text = _BACKLINK.sub("", ref.text).strip()
        if q.citekey is None and not q.also and not q.attribution and _is_remark(text):
            if quotes is None:
                remarks.append(q)
            continue
        full = _FULL_NOTE_PAGE.search(text) if not footnote else None
        if full is not None and full.group(2) and not 0 <= int(full.group(2)) - int(full.group(1)) <= 20:
            full = None                 # '(2019), 3645–50': an article's pages, not a note's
        if q.page is not None or not (footnote or _is_short_form(ref) or full is not None):
            continue
        loc = _FOOTNOTE_PAGE.search(text)
        if loc and not footnote and full is None and _YEAR.search(text, 0, loc.start()):
            continue        # a numbered list's full reference, its year before its pages: the work's pages in its
            #                 venue, never a page cited ('3. J. Dodge et al., "Measuring ...," in Proc. FAccT, 2022,
            #                 pp. 1877–1894.')
        if loc and not re.fullmatch(r"(?:1[89]|20)\d\d", loc.group(1)):
            q.page = loc.group(1).replace(" ", "")
    if remarks:
        note.quotes = [q for q in note.quotes if all(q is not r for r in remarks)]
        note.unchecked += [(q.line, q.quote) for q in remarks]
        note.unchecked.sort()


# (its attribution may hold a citation in brackets, an xref made a key's: '[quote, <<doe2022>>, p. 6]')
_ADOC_QUOTE = lazy(r"\[(?:quote|verse)\s*(?:,\s*((?:[^\[\]]|\[[^\[\]]{0,200}\]){0,500}))?\]")
_RST_ATTRIBUTION = lazy(r"(?:--|—|―)[ \t]*(\S.{13,})")


def _quote_blocks_as_markdown(text: str) -> str:
    """The note with AsciiDoc's quote blocks (``[quote, Strubell et al., "Energy ...", p. 3]``
    over a ``____`` block or a paragraph) and reStructuredText's attributed block quotes (an
    indented paragraph, then an indented ``-- Strubell et al. 2019, p. 3``) written as
    Markdown blockquotes with their attribution on the line after: line for line, so line
    numbers stay the note's. One pass over the lines, whatever they hold."""
    if "____" not in text and "[quote" not in text and "--" not in text and "—" not in text:
        return text
    lines = [line.rstrip("\r") for line in text.split("\n")]
    ends = ["\r" if line.endswith("\r") else "" for line in text.split("\n")]
    n = len(lines)
    fences: dict[str, list[int]] = {}           # each delimiter line ("____"), where it stands
    indented = [0] * (n + 1)                     # the indented non-blank lines ending at each line
    for k, line in enumerate(lines):
        bare = line.strip()
        if len(bare) >= 4 and bare.count("_") == len(bare):
            fences.setdefault(bare, []).append(k)
        indented[k + 1] = indented[k] + 1 if bare and line[:1] in " \t" else 0
    out = list(lines)
    i = 0
    while i < n:
        line = lines[i].strip()
        head = _ADOC_QUOTE.fullmatch(line) if line.startswith("[") else None
        at = i + 1 if head else i
        fence = lines[at].strip() if at < n else ""
        if fence in fences:
            k = bisect.bisect_right(fences[fence], at)
            if k == len(fences[fence]):
                i = at + 1                       # never closed: no block
                continue
            end = fences[fence][k]
            if head:
                out[i] = ""
            out[at] = ""
            for t in range(at + 1, end):
                out[t] = "> " + lines[t] if lines[t].strip() else ">"
            who = _adoc_attribution(head.group(1) if head else None)
            out[end] = f"— {who}" if who else ""
            i = end + 1
            continue
        if head and at < n and lines[at].strip():        # [quote, ...] over one paragraph
            end = at
            while end < n and lines[end].strip():
                out[end] = "> " + lines[end]
                end += 1
            who = _adoc_attribution(head.group(1))
            out[i] = ""
            if who and end < n:
                out[end] = f"— {who}"
            elif who:
                out.append(f"— {who}")
                ends.append("")
            i = end + 1
            continue
        attribution = _RST_ATTRIBUTION.fullmatch(line) if line[:1] in "-—―" and lines[i][:1] in " \t" else None
        if attribution:
            k = i - 1
            if k >= 0 and not lines[k].strip():
                k -= 1
            first = k - indented[k + 1] if k >= 0 else k      # the line before the indented paragraph
            if k >= 0 and first < k and (first < 0 or not lines[first].strip()) \
                    and all(out[t] == lines[t] for t in (first + 1, k)):
                for t in range(first + 1, k + 1):
                    out[t] = "> " + lines[t].strip()
                out[i] = "— " + attribution.group(1)
        i += 1
    return "\n".join(line + end for line, end in zip(out, ends))


def _adoc_attribution(attrs: str | None) -> str:
    """'Strubell et al., "Energy and Policy ...", p. 3' of ``[quote, ...]``: its attribution
    and cited title, their quote marks left out."""
    if not attrs:
        return ""
    parts = [p.strip().strip("\"'").strip() for p in re.findall(r'"[^"]*"|\'[^\']*\'|[^,]+', attrs)]
    return ", ".join(p for p in parts if p)


def rename_in_citations(text: str, old: str, new: str) -> tuple[str, int]:
    """The note with key `old` made `new` in its AsciiDoc, reStructuredText, Sphinx and
    MyST citations and the entries they point at (``<<old,p. 3>>``, ``cite:[old(3)]``,
    ``[old]_``, ``.. [old]``, ``:cite:p:`a,old```, ``* [[[old]]]``); (text, count)."""
    token = re.compile(r"(?<![\w:.\-])" + re.escape(old) + r"(?![\w]|[:.\-]\w)")
    count = 0

    def renamed(m) -> str:
        nonlocal count
        out, n = token.subn(new, m.group())
        count += n
        return out

    for rx in (_ADOC_XREF, _ADOC_CITE, _SPHINX_CITE, _RST_REF, _RST_DEF, _ADOC_BIBITEM):
        text = rx.sub(renamed, text)
    return text, count


_LIST_ITEM = lazy(r"\n[ \t]{0,3}(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)")
def _open_citation(text: str, a: int, b: int, c: int) -> bool:
    """Whether the sentence [a, b) ends inside round brackets that close early in the one after it, [b, c)."""
    opened = text.rfind("(", a, b)
    if opened < 0 or text.find(")", opened, b) >= 0:
        return False
    closed = text.find(")", b, min(c, b + 80))
    return closed >= 0 and "(" not in text[b:closed]


# a page's word before its number, where a reading of sentences ends one: "p. 6", "s. 6", "pg. 6", "para. 6"
_PAGE_WORD_END = lazy(r"(?<![\w.])(?:p|s|pg|para|paras|pag|pág|str)\.\s*$")


class TooManyReferences(ValueError):
    """A note holds more than `most` entries read as references (`which` 0: footnote definitions, entries of a
    list of works, elements with an id, bibitems, pandoc's divs) or numbered lines read to tell whether each is one
    (`which` 1), each parsed: the rest is not read."""

    def __init__(self, most: int, which: int = 0) -> None:
        self.what = ("references", "numbered lines outside a list of works read as possible references",
                     "footnote definitions", "\\bibitem entries")[which]
        super().__init__(f"more than {most:,} {self.what}")
        self.most = most


class TooManyCitations(ValueError):
    """A note's prose cites works more than `most` times (`sentence_citations`): the rest is not read."""

    def __init__(self, most: int) -> None:
        super().__init__(f"more than {most:,} citations")
        self.most = most


def sentence_citations(text: str, note: Note, most: int | None = None,
                       longest: int | None = None) -> list[tuple[int, str, list[tuple[int, NoteQuote]]]]:
    """Each sentence of a note's prose that cites works, in any style `parse_note` reads:
    (line, sentence, citations), each citation (its start and end in the sentence, a
    NoteQuote of the whole sentence naming the work, with the other works the citation
    names in `also`). `note` is the note parsed (its references number and name the works);
    `text` is its prose, references left out, as `citations_as_pandoc` gives it (reference
    links defined among the references are inline links there). A sentence ends at its
    paragraph's or its list item's end too (a heading before it has no full stop). Past `most` citations,
    `TooManyCitations` (each read costs a lookup in its paper: a note of a million is refused, not read for minutes).
    A sentence longer than `longest` characters is given with no citations, unread (the search of one line of 20 MB
    for citations took seconds): the caller says it was not read."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = citations_as_pandoc(_without_trailing_tags(text))
    lines = _Lines(text)
    breaks = _all(text, "\n\n")
    cites = _cite_tokens(text)
    numbers = {r.number for r in note.references if r.number}
    out = []
    count = 0           # the citations read
    # a sentence ends where its paragraph or its list item does
    cuts = sorted([(at, 2) for at in breaks] + [(m.start(), 1) for m in _LIST_ITEM.finditer(text)])
    spans = []
    sentences: list[tuple[int, int]] = []
    for a, b in sentence_spans(text):
        if sentences and (_PAGE_WORD_END.search(text, sentences[-1][0], sentences[-1][1]) and text[a:a + 1].isdigit()
                          or _open_citation(text, *sentences[-1], b)):
            # "(Doe et al., 2020, p. 6)", "(Doe 2019, zit. n. Roe 2020)": no sentence ends inside a citation
            sentences[-1] = (sentences[-1][0], b)
        else:
            sentences.append((a, b))
    for a, b in sentences:
        k = bisect.bisect_left(cuts, (a, 0))
        while k < len(cuts) and cuts[k][0] < b:
            if text[a:cuts[k][0]].strip():
                spans.append((a, cuts[k][0]))
            a = max(a, cuts[k][0] + cuts[k][1])
            k += 1
        if text[a:b].strip():
            spans.append((a, b))
    for a, b in spans:
        if longest is not None and b - a > longest:
            out.append((lines.line(a + len(text[a:b]) - len(text[a:b].lstrip())), text[a:b], []))
            continue
        k = bisect.bisect_left(breaks, a)
        para_end = breaks[k] if k < len(breaks) else len(text)
        try:
            # (a citation may be read at two marks, '[[12]](#x)' at both brackets: four marks read for each
            # citation that may yet be read, and some, before the sentence is given up)
            marks = None if most is None else 4 * (most - count) + 64
            found = sorted(_cites_in(text, cites, a, b, True, para_end, marks), key=lambda f: (f[0], -f[1]))
        except TooManyCitations:
            raise TooManyCitations(most or 0) from None
        cited: list[tuple[int, NoteQuote]] = []
        reach = -1
        for start, end, what in found:
            if end <= reach:
                continue            # inside the citation before ("@b" of "[@a; @b]")
            what = _listed(what, numbers, note)
            if what is None or what[0] == "ibid":
                continue
            reach = end
            sentence = text[a:b]
            cited.append((start - a, end - a, _quote_with(sentence, what, lines.line(start), start)))
        count += len(cited)
        if most is not None and count > most:
            raise TooManyCitations(most)
        if cited:
            out.append((lines.line(a + len(text[a:b]) - len(text[a:b].lstrip())), text[a:b], cited))
    cited_by = [q for _, _, citations in out for _, _, q in citations]
    _footnote_keys(note, cited_by)
    _footnote_pages(note, cited_by)     # "... 25 kWh.[^1]" / "[^1]: Doe, *Energy Use*, 3.": at page 3
    return out


# a LaTeX note: its quotes are read as LaTeX prints them ("90\\%", "\\emph{not}", "R\\&D")
_LATEX_NOTE = lazy(r"\\(?:documentclass|begin\{|(?:sub)*section\*?\{|[a-zA-Z]*cite[a-zA-Z]*\*?[\[{])")
# "~" before a figure is the paper's "approximately" ("~100-1000X"), not LaTeX's tie
_TILDE_FIGURE = lazy(r"~(?=\d)")


def _latex_quotes(note: Note) -> None:
    """The quotes of a LaTeX note holding a command or an escape as LaTeX prints them."""
    def printed(quote: str) -> str:
        if "\\" not in quote:
            return quote
        return latex_to_text(_TILDE_FIGURE.sub(lambda _: "\\textasciitilde{}", quote))

    for q in note.quotes:
        q.quote = printed(q.quote)
        for other in q.also:
            other.quote = printed(other.quote)
    note.unchecked = [(line, printed(quote)) for line, quote in note.unchecked]
    note.unchecked_why = {printed(quote): why for quote, why in note.unchecked_why.items()}


def _document_lines(note: Note, line_of: list[int]) -> None:
    """A note read from an HTML document: its lines as the document's."""
    def at(line: int) -> int:
        return line_of[min(max(line, 1), len(line_of)) - 1]

    for q in note.quotes:
        q.line = at(q.line)
        for other in q.also:
            other.line = at(other.line)
    for r in note.references:
        r.line = at(r.line)
    note.problems = [(at(line), message) for line, message in note.problems]
    note.unchecked = [(at(line), quote) for line, quote in note.unchecked]
    if note.bibliography_line:
        note.bibliography_line = at(note.bibliography_line)


#: The tags an Obsidian or Logseq writer ends a line with ("... [@doe2019, p. 3] #energy #nlp"): no number ("#1"),
#: no heading ("# Notes"), no link's anchor ("(#ref-1)"), no Org line ("- #+BEGIN_QUOTE"),
#: no list item of tags alone, no link definition ("[d]: #ref-doe")
_TRAILING_TAGS = lazy(r"(?m)(?<=[^\s*+:-])(?:[ \t]+#[^\W\d_][^\s#()\[\]<>]*)+[ \t]*$")


def _without_trailing_tags(text: str) -> str:
    """The text with the tags ending its lines as spaces (offsets and lines stay the note's): a citation
    before them reads as one ending its line."""
    if " #" not in text and "\t#" not in text:
        return text
    return _TRAILING_TAGS.sub(lambda m: " " * len(m.group()), text)


_PLACE_AFTER_KEY = r"\}?[ \t]*,[ \t]*(" + _NUMBER_PLACE + r")(?=[ \t]*[\];,])"


def _places(text: str, note: Note) -> None:
    """A key's place that is no page, after it in its citation ("[@doe2019, fig. 3]", "\\cite[§~2]{doe2019}"), as the
    quote's place: no page of it is checked, and kb says so."""
    for q in note.quotes:
        if q.citekey is None or q.page is not None:
            continue
        end = min(len(text), q.offset + 2 * len(q.quote) + 400)
        window = text[q.offset:end]
        key = re.escape(q.citekey)
        if "\\" in window:
            window = window.replace("~", " ")
        m = re.search(r"@\{?" + key + _PLACE_AFTER_KEY + r"|\[(" + _NUMBER_PLACE + r")\]\{" + key + r"[,}]", window)
        if m:
            q.place = " ".join((m.group(1) or m.group(2)).split())


# the citation in brackets right after an inline quote's closing mark ('"..." (Doe, 2020, para. 4)', '"..." [3, Fig. 2]')
_CITE_AFTER_QUOTE = lazy(r"[”\"’'»][ \t]*[.,]?[ \t]*[(\[](?P<body>[^()\[\]\n]{1,160})[)\]]")
# ... ending on a place that is no page: a figure, a paragraph, a section, one named by its heading ("Method section,
# para. 1")
_PLACE_ENDING = lazy(r"(?:^|,)[ \t]*(?P<place>(?:(?:[A-Z][a-z]{2,20}(?:[ \t]+[a-z]{2,20}){0,2}|" + _NUMBER_PLACE
                     + r")[ \t]*,[ \t]*)?(?:" + _NUMBER_PLACE + r"))[ \t]*$")


#: a note's mark ending a quote inside its closing mark, after a word or its sentence's stop: '[^1]', a superscript
#: number (after a word of three letters or more: never a unit's exponent, 'km²'), '<sup>2</sup>' after a stop (whose
#: digits, left in the quote's text, kb checks it without) or after a word of three letters or more (its text ending
#: before it: 'development<sup>2</sup>', never 'km<sup>2</sup>')
_MARK_ENDING_QUOTE = lazy(r"(?:(?<=\S)\[\^[^\]\s]{1,40}\]|(?:(?<=[^\W\d_]{3})|(?<=[^\W\d_][.,;:!?]))"
                          r"[¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]{0,2}|(?:(?<=[^\W\d_][.!?])|(?P<glued>(?<=[^\W\d_]{3})))"
                          r"<sup>\d{1,3}[ \t]*</sup>)[.,;:!?]?$")
_MARK_ENDS = tuple("]⁰¹²³⁴⁵⁶⁷⁸⁹>.,;:!?")
_MARK_IN_QUOTE = lazy(r"(?<=\S)\[\^[^\]\s]{1,40}\]"
                      # ... or a note's number in superscript after a word or its sentence's stop ('emissions¹',
                      # 'emissions.¹²'), never an exponent of a number or a unit ('10⁹', 'km²')
                      r"|(?<=[^\W\d_]{3})[¹²³⁰⁴-⁹]{1,3}(?=[\s.,;:!?)\"”’»]|$)|(?<=[^\W\d_][.,;:!?])[¹²³⁰⁴-⁹]{1,3}"
                      r"(?=[\s\"”’»]|$)")

# ... or a note's number in plain digits a writer copied after a sentence's stop, a capital or the quote's end after
# it ('emissions.12 The'), never a number: one after a digit ('3.12'), a capital's abbreviation ('Fig.3', 'U.S.2'),
# a lower-case one's ('fig.3', 'vol.12', 'eq.2', 'sec.4'), nor one going on in lower case ('rose.12 percent')
_NUMBER_MARK_IN_QUOTE = lazy(r"(?<=[a-z]{3}[.!?])(?<!\bvol\.)(?<!\bfig\.)(?<!\bsec\.)(?<!\bref\.)(?<!\beqn\.)"
                             r"(?<!\bnos\.)(?<!\bart\.)(?<!\btab\.)(?<!\bchap\.)(?<!\bpara\.)(?<!\bfigs\.)"
                             r"(?<!\brefs\.)(?<!\bsect\.)(?<!\bapp\.)(?<!\bsupp\.)(?<!\bvols\.)(?<!\beqs\.)"
                             r"\d{1,3}(?=[ \t\n]+[A-Z]|[ \t\n]*$)")


def without_note_numbers(quote: str) -> str | None:
    """The quote without the notes' numbers in plain digits a writer copied after its sentences' stops
    (`_NUMBER_MARK_IN_QUOTE`: '... emissions.12 The ...' as '... emissions. The ...'), or None where it holds none.
    (A page's text may print the number too: the quote as written is checked first.)"""
    if not _NUMBER_MARK_IN_QUOTE.search(quote):
        return None
    return _NUMBER_MARK_IN_QUOTE.sub("", quote)


def _cited_places(text: str, note: Note) -> None:
    """The place that is no page an inline quote's citation after it ends on ('"..." (Doe, 2020, para. 4)', '"..." [3,
    Fig. 2]', '"..." (Doe, 2020, Method section, para. 1)'), as the quote's place, where it cites a work at no page: no
    page of it is checked, and kb says so (as `_places` does of a key's)."""
    for q in note.quotes:
        if q.page is not None or q.place or q.kind != "inline" or not (q.attribution or q.source_text):
            continue
        lo = q.offset + len(q.quote)
        m = _CITE_AFTER_QUOTE.search(text, lo, min(len(text), lo + 200))
        if m is None or "\n\n" in text[lo:m.start()] or _COMPARED.match(text, m.start("body") - 1):
            continue        # (nor of a work set beside it: '(see also Roe, 2020, fig. 3)')
        place = _PLACE_ENDING.search(m.group("body"))
        if place is not None:
            q.place = " ".join(place.group("place").split())


#: A writer's mark of a quote translated from the work's language: '[my translation]', '(trans. mine)', 'translated
#: by the author', 'eigene Übersetzung', 'ma traduction'
_TRANSLATED = lazy(r"(?i)\b(?:my|our|own|author['’]?s['’]?)\s+(?:translation|trans\.)|\btrans(?:lation|\.)\s+(?:is\s+)?"
                   r"(?:mine|ours|my\s+own)\b|\btranslated\s+by\s+(?:the\s+)?(?:author|writer|me|us)\b"
                   r"|\beigene\s+übersetzung|\bübersetzung\s+(?:d\.|der|des)\s+(?:verf|autor)"
                   r"|\b(?:ma|notre)\s+traduction|\btraduction\s+(?:de\s+l['’]auteur|personnelle)")
_QUOTE_OPENS = lazy(r"[\"“«„]")


def _translations(text: str, note: Note) -> None:
    """A quote the note marks as translated, after it in its sentence or its citation ('"..." (Doe, 2019, p. 3; my
    translation)', '"..." [my translation]') or in its footnote, is not checked, and kb says why: its words are the
    writer's, not the paper's, which kb can never find (it was said not found, or was checked as the paper's)."""
    def after(start: int, quote: str):
        end = start + len(quote)
        stop = text.find("\n\n", end)
        stop = min(stop if stop >= 0 else len(text), end + 300)
        more = _QUOTE_OPENS.search(text, end + 2, stop)           # (never the mark of the next quote's)
        return _TRANSLATED.search(text, end, more.start() if more else stop)

    for _line, quote in note.unchecked:       # (not checked already, citing nothing kb reads: kb says why too)
        if quote not in note.unchecked_why and (at := text.find(quote)) >= 0 and (marked := after(at, quote)):
            note.unchecked_why[quote] = f"the note marks it as a translation ({marked.group()}): its words are not " \
                                        "the paper's"
    keep = []
    for q in note.quotes:
        marked = after(q.offset, q.quote)
        if marked is None and (q.source_text or "").startswith("[^"):
            ref = note.reference_for(q)
            marked = _TRANSLATED.search(ref.text) if ref is not None else None
        if marked is None:
            keep.append(q)
            continue
        note.unchecked.append((q.line, q.quote))
        note.unchecked_why[q.quote] = f"the note marks it as a translation ({marked.group()}): its words are not " \
                                      "the paper's"
    if len(keep) < len(note.quotes):
        note.quotes = keep
        note.unchecked.sort()


def parse_note(text: str, path: str = "<note>", most_references: int | None = None) -> Note:
    """All quote blocks, references and problems of a note, in order of lines. Past `most_references` entries read
    as references (or numbered lines tried as one), `TooManyReferences`: each is parsed (a note of 200,000 footnote
    definitions took 39 s), counted before it is."""
    token = _IN_LATEX_NOTE.set(False)
    try:
        return _parse_note(text, path, most_references)
    finally:
        _IN_LATEX_NOTE.reset(token)


def _parse_note(text: str, path: str, most_references: int | None) -> Note:
    note = Note(path=path, _most=most_references)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = lf_lines(text)
    if not unicodedata.is_normalized("NFC", text):
        # A note saved decomposed (macOS, some editors: 'e' and U+0301 for 'é') is read composed,
        # as keys are written: its [@café2020] stopped at the accent ("no paper 'cafe'"). Its
        # lines stay where they are; no offset into it leaves this reading.
        text = unicodedata.normalize("NFC", text)
    line_of = None
    if text.lstrip()[:1] == "<" and is_html_document(text):
        # a whole HTML document (a Google Docs or Notion export, a saved page): read as its text, its
        # lines told as the document's
        text, line_of = html_note_text(text)
    original = text
    text = _without_trailing_tags(text)
    text = _quote_blocks_as_markdown(citations_as_pandoc(text))
    compared: set[str] = set()
    if _has(text, "[^"):
        text, compared = _compared_footnotes(text)
    latex = "\\" in text and _LATEX_NOTE.search(text) is not None
    _IN_LATEX_NOTE.set(latex)
    lines = _Lines(text)
    fenced = _fenced_ranges(text, lines)
    front = _front_matter(text, note)
    if front:
        fenced = sorted(fenced + [(0, front)])
    if most_references is not None:
        # the note's footnote definitions and bibitems, counted at once, before any is read: each is parsed
        for which, pattern, there in ((2, _FOOTNOTE_DEFINED, "[^"), (3, _BIBITEM, "\\bibitem")):
            if _has(text, there) and sum(1 for m in pattern.finditer(text)
                                         if not _in_ranges(fenced, m.start())) > most_references:
                raise TooManyReferences(most_references, which)
    if not note.bibliography:
        _declared_bibliographies(text, note, fenced, lines)
    blocks: list[tuple[int, int]] = []
    _parse_note_quotes(text, lines, fenced, note, blocks)
    quote_blocks = list(blocks)
    uncited = _parse_blockquotes(text, lines, fenced, note)
    _parse_attributed_lines(text, lines, fenced, note, blocks)
    _parse_highlights(text, lines, fenced, note, blocks, front)
    if _has(text, "Quote:"):
        _parse_hypothesis_text(text, lines, fenced, note, blocks)
    if _has(text, "==========") and _has(text, "Your Highlight"):
        _parse_kindle_clippings(text, lines, fenced, note, blocks)
    _parse_references(text, lines, fenced, note, blocks)
    if _has(text, ":::"):
        _parse_div_references(text, lines, fenced, note, blocks)
    if _has(text, "\\bibitem"):
        _parse_bibitems(text, lines, fenced, note, blocks)
    _parse_listed_references(text, lines, sorted(fenced + blocks), note, compared)
    if note._passages:
        _passages_decided(note, blocks)
    note.references_read = True
    _lead_ins(text, lines, note, uncited, _front_fields(text, front).get("citekey") if front else None)
    if _has(text, "^["):            # pandoc's inline notes: a reference's title in quote marks there is no quote
        # (but a note saying one work's words by its key is read as text: '^[As @doe2019 writes, "..."]'; one naming
        # two works is not, which of them says it its sentence may not tell inside a note: '^[Unlike @a, @b writes]')
        several = [m for m in _INLINE_NOTE.finditer(text) if len(set(_INLINE_NOTE_SAYS.findall(m.group(1)))) != 1]
        blocks += [(m.start(), m.end()) for m in several]
        # ... but a note of two works or more that quotes one is read as a paragraph of its own, where the words of
        # its sentence tell which says it ('^[Unlike @roe2020, @doe2019 writes "..."]': Doe's), or it is not checked
        apart = [m for m in several if len(set(_INLINE_NOTE_SAYS.findall(m.group(1)))) > 1 and _quotes_in(m.group(1))]
    else:
        apart = []
    _parse_inline(text, lines, sorted(fenced + blocks), note)
    plain = text
    if apart:
        gone = {(m.start(), m.end()) for m in apart}
        blocks = [b for b in blocks if b not in gone]
        plain = _notes_apart(text, apart)
    _parse_plain(_names_unmarked(_constructs_as_marks(plain)), lines, sorted(fenced + blocks), note)
    del quote_blocks
    if latex:
        _latex_quotes(note)
    if _has(text, "[^fn") and "\\footnote" in original:
        # a LaTeX footnote's definition, written after the note's end: at the line of its mark (once
        # the quotes are read, which a reference's line holds none of)
        marks: dict[str, int] = {}
        for m in re.finditer(r"\[\^(fn\d+)\](?!:)", text):
            marks.setdefault("^" + m.group(1), lines.line(m.start()))
        for r in note.references:
            r.line = marks.get(r.number or "", r.line)
    note.quotes.sort(key=lambda q: q.offset)
    note.references.sort(key=lambda r: r.line)
    note._lookup = None          # (its lookups made again in this order: a sort may move none of its ends)
    _footnote_keys(note)
    _footnote_pages(note)
    if "@" in text or "\\" in text:
        _places(text, note)
    _cited_places(text, note)
    if any(r.works > 1 for r in note.references):
        _several_in_footnote(note)
    if _has(text, "ransl") or _has(text, "rans.") or _has(text, "bersetz") or _has(text, "raduc"):
        _translations(text, note)
    if _has(text, "arxiv") or _has(text, "arXiv") or _has(text, "doi"):
        _names_at_links(text, note)
    if _has(text, "](#"):
        _names_at_anchors(text, note)
    for q in note.quotes:
        if "[^" in q.quote or not q.quote.isascii():
            # a footnote's mark the writer put inside the quote ('"... emissions[^1]"', '"... emissions¹"') is the
            # note's, no word quoted
            q.quote = _MARK_IN_QUOTE.sub("", q.quote)
    if line_of is not None:
        _document_lines(note, line_of)
    note.problems.sort()
    if len(note.problems) > MAX_PROBLEMS:
        extra = len(note.problems) - MAX_PROBLEMS
        note.problems = note.problems[:MAX_PROBLEMS]
        note.problems.append((note.problems[-1][0], f"... and {extra} more problems"))
    return note


# A work a sentence names by its title alone before a quote it cites nothing for: the words set apart in italics or
# quote marks ('The *Counting Carbon* survey notes that "..."', 'As "Energy and Policy ..." puts it, "..."'), or a
# run of capitalised words (minor words between them) mid-sentence ('In Power Hungry Processing, the authors write')
_NAMED_MARKED = lazy(r"(?<![\w*_\\])(\*{1,2}|_{1,2})(?=\S)([^*_\n]{2,200}?)(?<=\S)\1(?![\w*])"
                     r"|“([^“”\n]{2,200})”|(?<!\w)\"([^\"\n]{2,200})\"(?!\w)|‘([^‘’\n]{2,200})’(?!\w)"
                     r"|(?<!\w)'([^'\n]{2,200})'(?!\w)")
_NAMED_CAPS = lazy(r"(?<![\w'’\-])(?:[A-Z][\w\-]*(?:['’]\w+)*|\d+[\w\-]*)"
                   r"(?:\s+(?:(?:a|an|the|of|in|on|for|and|to|with|at|by|from|as|or|via)\s+)*"
                   r"(?:[A-Z][\w\-]*(?:['’]\w+)*|\d[\w\-]*))*")
# what may follow a run of capitalised words that is a title, not the head of a longer name ('the Power Hungry
# Processing paper', '... Processing reports', 'In ... Processing,'); never 'Power Hungry Processing units'
_NAMED_AFTER = lazy(r"\s*(?:[,.;:)!?—–]|$|(?:paper|article|study|survey|preprint|report|work|analysis|chapter|essay|"
                    r"authors?|team|writers?)\b|(?:reports?|notes?|writes?|wrote|says?|said|argues?|argued|finds?|"
                    r"found|shows?|showed|states?|stated|observes?|observed|concludes?|concluded|claims?|claimed|"
                    r"estimates?|estimated|puts?|explains?|explained|suggests?|suggested|warns?|warned|adds?|added|"
                    r"stresses|stressed|remarks?|remarked|describes?|described|cautions?|cautioned|contends?|"
                    r"acknowledges?|acknowledged|admits?|admitted|also|itself|then|already)\b)")
# a sentence setting the work it names beside the one it quotes, turning to another ('*Counting Carbon* is broad, but
# Doe and colleagues report'), or naming who says it by names: the title is no source of the quote ('Unlike *Counting
# Carbon*, ...', 'Citing Power Hungry Processing, Doe et al. write')
_NAMED_NOT_SOURCE = lazy(r"(?i)\b(?:unlike|like|contrast|contrary|compared?|versus|vs\.?|cf\.?|citing|cites?|cited|"
                         r"following|follows?|building|builds?|extending|extends?|than|beyond|rather|instead|"
                         r"opposed|besides|reviews?|reviewed|summari[sz]es?|summari[sz]ing|critiques?|criticises?|"
                         r"criticizes?|responds?|responding|replies|against|after|before|since|whereas|while|but|however|although|"
                         r"though|yet|"
                         r"et\s+al|we|our|I|my)\b")
# where a note's sentence before a quote opens: after a full stop, a question or exclamation mark ending the one
# before, or a list item's or heading's mark
_NAMED_SENTENCE_END = lazy(r"(?<=[.!?])[\"”’')\]]*\s+(?=[A-Z*_“\"‘'(\[])|^\s*(?:[-*+>#]+|\d{1,3}[.)])\s+")
# ... or whose it is by a name's possessive, which kb does not hold against the work's authors ('Strubell's *Counting
# Carbon*')
_NAMED_WHOSE = lazy(r"\b[A-Z][\w\-]*['’]s(?=\s)")
_NAMED_OPENERS = frozenset("the in as a an this that per from according see their its his her".split())


def _names_none(sentence: str) -> bool:
    """A sentence that sets a work beside the quote's, names who says it, or cites a year (`titles_named`)."""
    return bool(_NAMED_NOT_SOURCE.search(sentence) or _NAMED_WHOSE.search(sentence)
                or re.search(r"\b(?:1[89]|20)\d\d\b", sentence))


# the rest of a quote's sentence after it, where it names the quote's work: '"...," as *Power Hungry Processing*
# shows.', '"...," reports "Power Hungry Processing."', '"...," according to *Counting Carbon*.', '"...," Power Hungry
# Processing notes.' (a verb of saying, 'as' or 'according to', the title, at most a verb of saying, the sentence's end)
_SAYS = (r"(?:reports?|notes?|writes?|wrote|says?|said|argues?|argued|finds?|found|shows?|showed|states?|stated|"
         r"observes?|observed|concludes?|concluded|claims?|claimed|estimates?|estimated|puts?\s+it|explains?|"
         r"explained|suggests?|suggested|warns?|warned|adds?|added|stresses|stressed|remarks?|remarked|cautions?|"
         r"cautioned|contends?|acknowledges?|acknowledged|admits?|admitted)")
_TITLE_AFTER = lazy(r"[ \t]*,?[ \t]+(?:(?:as|according\s+to)\s+|" + _SAYS + r"\s+)?"
                    r"(?P<title>\*{1,2}[^*\n]{2,150}\*{1,2}|_{1,2}[^_\n]{2,150}_{1,2}|“[^“”\n]{2,150}”|"
                    r"\"[^\"\n]{2,150}\"|(?:the\s+)?[A-Z][^\n.!?,;:“”\"*_()\[\]]{2,150}?)"
                    r"(?:\s+(?:(?:paper|article|study|survey|preprint|report)\s+)?" + _SAYS + r")?"
                    r"\s*[.!?](?:[\"”’')\]]*)(?=\s|$)|"
                    r"[ \t]*,?[ \t]+(?:as|according\s+to|" + _SAYS + r")\s+"
                    r"(?P<marked>“[^“”\n]{2,150}[.!?]”|\"[^\"\n]{2,150}[.!?]\")(?=\s|$)")


def titles_named_after(quoted: str, after: str) -> list[str]:
    """The phrases the rest of a quote's sentence after it names the quote's work by (`_TITLE_AFTER`: '"...," as
    *Power Hungry Processing* shows.'), read as `titles_named` reads a sentence before a quote; none where the quote
    ends its sentence ('"... deployment." *Power Hungry Processing* ...': the next sentence's), where the rest says more
    than that ('"...," as *Counting Carbon* shows, and ...'), sets a work beside it or names who says it."""
    if not (quoted.rstrip().endswith(",") or re.match(r"[ \t]*,|[ \t]+[a-z]", after)):
        return []
    m = _TITLE_AFTER.match(after)
    if m is None:
        return []
    clause = m.group()
    if _names_none(clause):
        return []
    title = (m.group("title") or m.group("marked")).strip()
    if title[:1] not in "*_“\"":
        title = re.sub(r"^the\s+", "", title)
        # title case: capitalised words, minor words between them, and nothing after ('Power Hungry Processing')
        if not re.fullmatch(r"(?:[A-Z][\w\-]*(?:['’]\w+)*|\d[\w\-]*)(?:\s+(?:(?:a|an|the|of|in|on|for|and|to|with|at|"
                            r"by|from|as|or|via)\s+)*(?:[A-Z][\w\-]*(?:['’]\w+)*|\d[\w\-]*))+", title):
            return []
        return [title]
    return titles_named(title)


def titles_named(sentence: str) -> list[str]:
    """The phrases a note's sentence, up to a quote citing nothing, names a work by: its italics and quote marks and
    its runs of capitalised words that stand alone (`_NAMED_AFTER`), a sentence's opening word left off ('The', 'In',
    'As'); none where the sentence sets a work beside the quote's or names who says it (`_NAMED_NOT_SOURCE`), or where
    it cites a year (a citation kb reads otherwise). kb takes the work only where one paper is so titled
    (`kb.text.titles.names_title`)."""
    if len(sentence) > 600 or _NAMED_NOT_SOURCE.search(sentence) or _NAMED_WHOSE.search(sentence) \
            or re.search(r"\b(?:1[89]|20)\d\d\b", sentence):
        return []
    out: list[str] = []
    marked = []
    for m in _NAMED_MARKED.finditer(sentence):
        marked.append(m.span())
        said = " ".join(next(g for g in m.groups()[1:] if g).split()).strip(" ,.;:")
        if said and said not in out:
            out.append(said)
    for m in _NAMED_CAPS.finditer(sentence):
        if any(a < m.end() and m.start() < b for a, b in marked):
            continue
        words = m.group().split()
        if m.start() == len(sentence) - len(sentence.lstrip()) and words[0].lower() in _NAMED_OPENERS:
            words = words[1:]       # ('The Power Hungry Processing paper', 'In Power Hungry Processing,')
        if len(words) < 2 or not _NAMED_AFTER.match(sentence, m.end()):
            continue
        said = " ".join(words)
        if said not in out:
            out.append(said)
    return out
