"""Bibliographic metadata in one shape, whatever it came from.

arXiv Atom, DOI BibTeX, Crossref JSON, a PDF's own information and hand-written
BibTeX all become a `PaperMeta`, which becomes one references.bib entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.errors import FileFormatError
from kb.sources.bibtex import KEY_FIELDS, MAX_VALUE, balance_braces, protect_title, record_text, url_of_field
from kb.text.ids import Doi, doi_of_field, find_arxiv_in_text, from_url, parse_arxiv
from kb.text.latex import crossref_greek_as_latex, marked_latex, markup_as_latex, markup_marked
from kb.text.names import split_names, to_bibtex_names


@dataclass
class PaperMeta:
    title: str = ""
    authors: list[str] = field(default_factory=list)    # "Last, First"
    year: int | None = None
    entry_type: str = "misc"
    arxiv_id: str | None = None
    version: int | None = None
    primary_class: str | None = None
    doi: str | None = None
    url: str | None = None
    venue: str | None = None            # journal or booktitle
    extra: dict[str, str] = field(default_factory=dict)   # other BibTeX fields kept as given
    origin: str = "hand"                # arxiv | doi | crossref | pdf | bibtex | hand
    complete: bool = True               # False: what we know came from the PDF alone
    key_word: str = ""                  # the citekey's word where no title gives one (a PDF's file name): never filed
    unread: list[str] = field(default_factory=list)     # what the record gave that kb could not read: said, not filed

    def bib_fields(self) -> dict[str, str]:
        """Fields for references.bib, in a stable, readable order. An author list longer
        than references.bib can hold (MAX_AUTHOR_LIST characters: a hostile or broken
        answer; the longest real ones, 5,000 names, take a fifth of it) keeps the names
        that fit and ends "and others", as BibTeX writes a list cut short; any other field
        over what kb reads back (bibtex.MAX_VALUE) is refused, naming where it came from."""
        out: dict[str, str] = {}
        if self.title:
            out["title"] = self.title
        if self.authors:
            out["author"] = _author_list(self.authors)
        if self.year:
            out["year"] = str(self.year)
        # a paper in proceedings, a chapter in a book: its container is the booktitle (a chapter's book, of
        # Crossref's JSON or doi.org's @incollection, was dropped: 'Handbook of Things' written nowhere)
        venue_field = "journal" if self.entry_type == "article" else "booktitle" if self.entry_type in _IN_A_BOOK \
            else None
        if self.venue and venue_field:
            out[venue_field] = self.venue
        for key, value in self.extra.items():
            if key not in out and value:
                out[key] = value
        if self.arxiv_id:
            out["eprint"] = self.arxiv_id
            out["archiveprefix"] = "arXiv"
            if self.primary_class:
                out["primaryclass"] = self.primary_class
            if self.version:
                out["version"] = str(self.version)
        if self.doi:
            out["doi"] = self.doi
        if self.url:
            out["url"] = self.url
        if self.origin in RECORD_ORIGINS:
            plain = self.origin == "crossref"          # JSON's text: a brace there is one (arXiv's TeX groups)
            # Crossref's markup ('<i>in vitro</i>', 'CO<sub>2</sub>', '&amp;') is LaTeX's, never the title's text
            # (the tags were written into references.bib, '&amp;' as '\&amp;', read back so)
            out = {k: v if k in _NOT_TEXT or k == "editor" else marked_latex(record_text(markup_marked(v), plain_braces=True))
                   if plain else record_text(v) for k, v in out.items()}
            if "title" in out:
                out["title"] = protect_title(balance_braces(out["title"]))
        elif self.origin == "doi":      # doi.org's BibTeX: LaTeX, its commands judged (names too)
            # never a field naming another entry here (ids = {keep2019}: its key taken as this one's alias;
            # crossref = {keep2019}: its journal lent) nor a file on this machine (file = {:/etc/passwd:PDF})
            # (its HTML, JATS and MathML markup, which Crossref's BibTeX keeps, as LaTeX: markup_as_latex; its
            # '$\{upOmega}$', which pandoc refuses the file for, as '$\Omega$')
            out = {k: v if k in _NOT_TEXT and k != "author"
                   else record_text(crossref_greek_as_latex(markup_as_latex(v)), tex=True)
                   for k, v in out.items() if k not in KEY_FIELDS and k not in _LOCAL_FILES}
            if "title" in out:
                out["title"] = protect_title(balance_braces(out["title"]))
        elif self.origin == "pdf":      # a PDF's metadata or first page: text, its commands judged as doi.org's
            # (else plain text, as a viewer shows it: '$', '~', '_', '^' and a brace the characters they are,
            # invisible formatting dropped, where 'The $100 problem' was read back 'The 100 problem', 'a ~ b'
            # 'a b', and a byte order mark was written into references.bib)
            out = {k: v if k in _NOT_TEXT and k != "author" else record_text(v, tex=True) if "\\" in v or "^^" in v
                   else record_text(v.replace("$", "\\$"), plain_braces=True) for k, v in out.items()}
        if self.origin in RECORD_ORIGINS or self.origin == "doi":
            if "doi" in out and (balance_braces(out["doi"]) != out["doi"] or out["doi"].endswith("\\")):
                # written as given it would close the field or escape its brace; written otherwise, another DOI
                if self.origin == "arxiv":
                    del out["doi"]      # arXiv's note of a DOI: the paper is its arXiv id
                else:
                    raise FileFormatError(f"the DOI {self.doi} holds a brace that opens or closes nothing, or ends "
                                          "in a backslash: references.bib cannot hold it as that DOI; nothing written")
            if "url" in out and not _is_url(out["url"]):
                del out["url"]          # no web address, or one references.bib cannot hold as written
                if self.doi and _is_url(f"https://doi.org/{self.doi}"):
                    out["url"] = f"https://doi.org/{self.doi}"
        for key, value in out.items():
            if len(value) > MAX_VALUE:
                raise FileFormatError(f"the metadata kb was given ({self.origin}) has a {key} of {len(value):,} "
                                      f"characters, more than references.bib can hold ({MAX_VALUE:,}); "
                                      "nothing written")
        return out


#: metadata read from a network record's text (arXiv's Atom, Crossref's JSON), not BibTeX: its values are
#: written through bibtex.record_text, so a '\\input' or a trailing backslash is text, never LaTeX or a brace
#: (names: each part on its own, record_name, as the record is read)
RECORD_ORIGINS = ("arxiv", "crossref")
_NOT_TEXT = ("author", "year", "eprint", "archiveprefix", "primaryclass", "version", "doi", "url")
_LOCAL_FILES = ("file", "pdf")
#: what no address kb files from a record holds: white space, a backslash or brace (which would close or escape
#: the field), control characters, and invisible ones that change how the text around them shows
_NO_URL = re.compile(r"[\s\\{}\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def _is_url(value: str) -> bool:
    """A web address a record may give (http or https), as references.bib can hold it: the SICI DOI's
    https://doi.org/10.1002/(sici)...<693::aid-asi4>3.0.co;2-0 is one, javascript:..., a\u202eb or x} are not."""
    return value.lower().startswith(("http://", "https://")) and not _NO_URL.search(value)

MAX_AUTHOR_LIST = 500_000      # characters of an author field kb writes


def _author_list(authors: list[str]) -> str:
    """`A and B and C`, cut to the names that fit in MAX_AUTHOR_LIST, then `and others`."""
    kept: list[str] = []
    size = 0
    for name in authors:
        size += len(name) + 5
        if size > MAX_AUTHOR_LIST:
            return " and ".join(kept + ["others"])
        kept.append(name)
    return " and ".join(kept)


def from_arxiv(record) -> PaperMeta:
    """An arXiv record: a preprint (@misc, as arXiv's own BibTeX export does)."""
    return PaperMeta(
        title=record.title, authors=to_bibtex_names([one_name(record_name(a)) for a in record.authors]),
        year=record.year or None, entry_type="misc", arxiv_id=record.id,
        version=record.version, primary_class=_category(record.primary_class),
        doi=doi_of_field(record.doi) if record.doi else None,      # a DOI, or none: never 'not a doi' filed as one
        url=f"https://arxiv.org/abs/{record.id}", origin="arxiv",
        extra={"journal-ref": record.journal_ref} if record.journal_ref else {})


def _category(term: str | None) -> str | None:
    """arXiv's primary category (cs.LG, hep-th, astro-ph.CO), or None for a term that is none: filed as
    primaryclass, which biblatex prints as it is, '\\input{x}' would be a command."""
    return term if term and _CATEGORY.fullmatch(term) else None


_CATEGORY = re.compile(r"[a-z][a-z-]{0,30}(?:\.[A-Za-z][A-Za-z-]{0,30})?")     # (a megabyte of 'c' was filed)


KNOWN = {"title", "author", "year", "eprint", "archiveprefix", "primaryclass", "version",
         "doi", "url", "journal", "booktitle"}


def from_bib_fields(entry_type: str, fields: dict[str, str], origin: str = "bibtex") -> PaperMeta:
    """A BibTeX entry's fields (keys lower-cased) as metadata."""
    f = {k.lower(): v for k, v in fields.items()}
    year = None
    m = re.search(r"(?<!\d)\d{4}(?!\d)", f.get("year", "") or f.get("date", ""))
    if m:
        year = int(m.group(0))
    arxiv_id = version = None
    eprint = f.get("eprint", "")
    prefix = f.get("archiveprefix", f.get("eprinttype", "")).lower()

    # the eprint (biblatex, arXiv's own export), Mendeley's arxivId, DBLP's CoRR volume 'abs/2001.00001'
    # (and Semantic Scholar's 'journal = {ArXiv}, volume = {abs/1906.02243}')
    corr = f.get("volume", "") if (f.get("journal") or f.get("journaltitle") or "").strip().lower() in ("corr", "arxiv") \
        else ""
    for value in ((eprint,) if prefix in ("arxiv", "") else ()) + (f.get("arxivid", ""), corr.removeprefix("abs/")):
        ident = parse_arxiv(re.sub(r"(?i)^\s*arxiv:\s*", "", value)) if value else None
        if ident:
            arxiv_id, version = ident.id, ident.version
            break
    if not arxiv_id:        # ... or where a text names it, arXiv's DataCite DOI (10.48550/arXiv.2001.00001) too
        # (biblatex's journaltitle, Zotero's 'arXiv:1906.02243 [cs]', Google Scholar's booktitle 'arXiv
        # preprint arXiv:2104.10350', NASA ADS's eid and pages 'arXiv:1906.02243')
        for key in ("journal", "journaltitle", "booktitle", "url", "note", "howpublished", "doi", "eid", "pages",
                    "number"):
            ident = find_arxiv_in_text(f.get(key, "").replace("Arxiv-", ""))
            if ident:
                arxiv_id, version = ident.id, ident.version
                break
    # A version field is an arXiv version only beside an arXiv id: a @software, @manual or
    # @dataset's `version = {3}` is the release of that work, kept as one of its fields.
    if arxiv_id and f.get("version", "").strip().lstrip("v").isdigit():
        version = int(f["version"].strip().lstrip("v"))
    doi = doi_of_field(f.get("doi", ""))
    if doi is None and f.get("url"):         # a link to doi.org for its only DOI (IEEE, ACM, Google Scholar)
        link = from_url(f["url"].strip())
        doi = link.doi if isinstance(link, Doi) else None
    return PaperMeta(
        title=f.get("title", ""), authors=split_names(f.get("author")), year=year,
        entry_type=entry_type.lower(), arxiv_id=arxiv_id, version=version,
        primary_class=f.get("primaryclass") or (f.get("eprintclass") if arxiv_id else None), doi=doi,
        url=url_of_field(f["url"]) if f.get("url") else None,
        venue=f.get("journal") or f.get("journaltitle") or f.get("booktitle"),
        extra={k: v for k, v in fields.items()
               if k.lower() not in KNOWN or (k.lower() == "version" and not arxiv_id)},
        origin=origin)


#: What a crossref parent lends a child entry that lacks it, as BibTeX and biber do: when and
#: where the work appeared, never what names the work itself (title, author, doi, eprint, url).
_LENT = ("year", "date", "month", "booktitle", "journal", "journaltitle", "publisher", "address",
         "location", "editor", "series", "volume", "organization", "institution", "school")
#: Types whose `booktitle` biber takes from their parent's `title` (a paper in proceedings,
#: a chapter in a book).
_IN_A_BOOK = {"inproceedings", "conference", "incollection", "inbook", "bookinbook", "suppbook", "suppcollection"}


def lent_by_crossref(entry_type: str, fields: dict[str, str], parent: dict[str, str] | None) -> dict[str, str]:
    """The fields an entry with `crossref = {parent}` takes from its parent, to be read as
    BibTeX and biber read it (an @inproceedings without year or booktitle of its own lists
    as of its proceedings' year, published in them). Empty without a parent. The entry's
    own text is never changed: this is for reading it."""
    if not parent:
        return {}
    own = {k.lower() for k, v in fields.items() if v and v.strip()}
    held = {k.lower(): v for k, v in parent.items() if v and v.strip()}
    lent = {name: held[name] for name in _LENT if name in held and name not in own}
    if "booktitle" not in own and "booktitle" not in lent and "title" in held \
            and entry_type.lower() in _IN_A_BOOK:
        lent["booktitle"] = held["title"]
    return lent


def record_name(name, part: bool = False) -> str:
    """A name from a record as BibTeX text whose braces are its own: a family name 'x}' or '{y' never
    closes or opens a group around the names after it. A `part` (Crossref's family or given name) holding a
    comma or the word 'and' is braced whole: one part, where BibTeX read 'Doe and Roe' as two authors and
    'Doe, Jr' and a comma after it as a name of three parts."""
    text = balance_braces(record_text(str(name)))
    return "{" + text + "}" if part and _SPLITS_NAME.search(text) else text


def one_name(name: str) -> str:
    """A BibTeX name from a record that BibTeX reads as one name of at most three parts, else braced whole:
    arXiv's author 'x and' (or 'Doe, Jane, Jr, X', 'Jane Doe,') was read as two names, or refused by BibTeX."""
    depth, parts, word, words = 0, [""], "", []
    for ch in name + " ":
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth == 0 and ch in ", ":
            if word:
                words.append(word)
            word = ""
            if ch == ",":
                parts.append("")
            continue
        word += ch
        parts[-1] += ch
    if len(parts) <= 3 and all(p.strip() for p in parts) and not any(w.lower() == "and" for w in words):
        return name
    return "{" + name + "}"


_SPLITS_NAME = re.compile(r",|(?:^|\s)and(?:\s|$)", re.IGNORECASE)


def _one_group(name: str) -> bool:
    """Whether `name` is one braced group (`{ACME Corp}`), not groups side by side (`{x} and {y}`)."""
    depth = 0
    for i, ch in enumerate(name):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if not depth and i < len(name) - 1:
            return False
    return name.startswith("{") and depth == 0


#: markup and what is no letter nor digit, for telling whether a title holds its subtitle already
_NOT_WORDS = re.compile(r"<[^>]*>|&[#\w]+;|[\W_]+")
_MARKUP = re.compile(r"<[^>]*>|&[#\w]+;")
_WORD = re.compile(r"[^\W_]+")


def with_subtitle(title: str, subtitle: str) -> str:
    """A title with the subtitle Crossref gives apart from it ('Deep Learning' and 'A Survey': 'Deep Learning: A
    Survey'; the subtitle was left out of references.bib), after a colon unless the title ends a sentence or a
    clause of its own ('Why Now? A Study'); a subtitle the title ends with already after a colon, stop or dash
    (some publishers deposit both: 'Deep Learning: A Survey' and 'A survey') is not written twice."""
    title, subtitle = " ".join(title.split()), " ".join(subtitle.split())
    words = _NOT_WORDS.sub(" ", subtitle).lower().split()
    if not words:
        return title
    if not title.strip():
        return subtitle
    plain = _MARKUP.sub(" ", title)
    found = list(_WORD.finditer(plain))
    if len(found) >= len(words) and [m.group().lower() for m in found[len(found) - len(words):]] == words:
        before = plain[:found[len(found) - len(words)].start()].rstrip()
        if not before or before[-1] in ":.?!;-\u2013\u2014(":
            return title
    return f"{title} {subtitle}" if title[-1] in "?!:.;" else f"{title}: {subtitle}"


def from_crossref(message: dict) -> PaperMeta:
    """Crossref REST /works/{doi} message."""
    def first(value):
        """The first value that holds text: a title of ["", "Wind farms"] is "Wind farms", never none."""
        if isinstance(value, list):
            return next((v for v in value if isinstance(v, str) and v.strip()), "")
        return value or ""

    authors, editors = (_crossref_names(message.get(key)) for key in ("author", "editor"))
    year = None
    for key in ("published-print", "published-online", "issued", "created"):
        parts = (message.get(key) or {}).get("date-parts") or []
        if parts and parts[0] and parts[0][0]:
            year = int(parts[0][0])
            break
    kind = message.get("type", "")
    entry_type = _CROSSREF_TYPES.get(kind, "misc")
    extra = {}
    if editors:         # a chapter's book's editors, a proceedings' (they were left out of references.bib)
        extra["editor"] = _author_list(editors)
    venue, series = crossref_containers(entry_type, message.get("container-title"))
    if series:
        extra["series"] = series
    for src, dst in (("publisher", "publisher"), ("volume", "volume"), ("issue", "number"),
                     ("page", "pages")):
        if message.get(src):
            extra[dst] = str(message[src]).replace("-", "--") if dst == "pages" else str(message[src])
    doi = doi_of_field(message.get("DOI") or "")     # one that is no DOI is none (the DOI asked is the caller's)
    return PaperMeta(
        title=with_subtitle(first(message.get("title")), first(message.get("subtitle"))), authors=authors, year=year,
        entry_type=entry_type, doi=doi, url=f"https://doi.org/{doi}" if doi else message.get("URL"),
        venue=venue, extra=extra, origin="crossref",
        unread=[u for u in message.get("unread") or [] if isinstance(u, str)])


def _crossref_names(people) -> list[str]:
    """Crossref's authors or editors as BibTeX names, each part as BibTeX text on its own: a family name's
    trailing backslash never escapes the comma after it (its markup and entities as LaTeX: 'O&apos;Brien',
    'M&amp;M Group', not '\\&apos;' read back as written)."""
    names = []
    for a in people if isinstance(people, list) else []:
        if not isinstance(a, dict):
            continue
        family, given = (marked_latex(record_name(markup_marked(a.get(k, "")), part=True)) for k in ("family", "given"))
        if family:
            names.append(f"{family}, {given}".strip(", "))
        elif a.get("name"):             # Crossref names an organisation so: one name, braced whole
            name = marked_latex(record_name(markup_marked(a["name"])))
            names.append(name if _one_group(name) else "{" + name + "}")
    return names


_CROSSREF_TYPES = {"journal-article": "article", "proceedings-article": "inproceedings",
                   "book-chapter": "incollection", "book-section": "incollection", "book-part": "incollection",
                   "book": "book", "monograph": "book", "edited-book": "book", "reference-book": "book",
                   "posted-content": "misc", "report": "techreport"}

#: the names of series of books, which Crossref gives beside a chapter's book among its container titles, in no
#: set order (it keeps them as a set): 'Lecture Notes in Computer Science' is the series of 'Computer Vision -
#: ECCV 2020', never its book. A title opening 'Advances in' or 'Topics in' is no series by itself ('Advances in
#: Cryptology - CRYPTO 2020' and 'Topics in Cryptology - CT-RSA 2020' are books of LNCS).
#: Kinds of series mathematics and statistics write of ('Time Series', 'Fourier Series'): a book's subject, no series
_SERIES_SUBJECTS = (r"(?:Time|Fourier|Power|Taylor|Laurent|Dirichlet|Hypergeometric|Infinite|Asymptotic|Trigonometric"
                    r"|Formal|Divergent|Convergent|Geometric|Harmonic|Puiseux|Maclaurin|Chebyshev|Eisenstein|Lambert"
                    r"|Neumann|Volterra|Orthogonal|Exponential|Arithmetic|Alternating)")
_SERIES = re.compile(
    r"(?:Lecture Notes (?:in|of|on) |Communications in Computer and Information Science$|Studies in |"
    r"Advances in Intelligent Systems and Computing$|Springer (?:Proceedings|Series) (?:in|on) |SpringerBriefs |"
    r"Methods in Molecular Biology$|IFIP Advances in |Smart Innovation Systems and Technologies$|"
    r"Advances in Experimental Medicine and Biology$|Synthesis Lectures on |Intelligent Systems Reference Library$|"
    r"Frontiers in Artificial Intelligence and Applications$|Leibniz International Proceedings in Informatics|"
    r"Proceedings of Machine Learning Research$|CEUR Workshop Proceedings$|(?:Graduate|Undergraduate) Texts in |"
    r"Universitext$|Cognitive Technologies$|Signals and Communication Technology$|"
    r"(?!" + _SERIES_SUBJECTS + r" )[A-Z][\w&-]*(?: Press)? Series (?:in|on) |"
    # a title ending in 'Series' names one, unless it is a subject's (a book 'Analysis of Financial Time Series' in
    # the 'Wiley Series in Probability and Statistics' was filed as the series' book)
    r"(?!.*\b" + _SERIES_SUBJECTS + r" Series$).* (?:Book )?Series$)",
    re.IGNORECASE)


def crossref_containers(entry_type: str, titles) -> tuple[str | None, str | None]:
    """(the journal or book, the series) of a Crossref record's container titles, as JSON text. A book's container
    is its series (it was dropped, a @book having no booktitle); a chapter's or a paper's in proceedings is its book,
    and of two or more titles, one naming a series (_SERIES) and others none, that one is the series and the first
    other the book (the first given was taken for the book: 'Lecture Notes in Computer Science' written as it). Two
    kb cannot tell apart (neither or both named as series) leave the first as the book, as Crossref's BibTeX does."""
    given: list[str] = []
    seen: set[str] = set()
    for t in titles if isinstance(titles, list) else [titles]:
        if isinstance(t, str) and t.strip() and " ".join(t.split()).lower() not in seen:
            given.append(t)
            seen.add(" ".join(t.split()).lower())
    if not given:
        return None, None
    if entry_type == "book":
        return None, given[0]
    if entry_type in _IN_A_BOOK and len(given) > 1:
        series = [t for t in given if _SERIES.match(" ".join(_NOT_WORDS.sub(" ", t).split()))]
        books = [t for t in given if t not in series]
        if len(series) == 1 and books:
            return books[0], series[0]
    return given[0], None
