"""DOIs: BibTeX by content negotiation, Crossref JSON as the fallback."""

from __future__ import annotations

import re

from kb.errors import KBError, NotFound
from kb.sources.bibmodel import is_work, known_type
from kb.sources.bibtex import BibFile, record_text
from kb.sources.metadata import PaperMeta, crossref_containers, from_bib_fields, from_crossref, with_subtitle
from kb.sources.net import Client, HTTPStatusError, Unusable, endpoint, quote_path
from kb.text.ids import doi_of_field
from kb.text.latex import latex_to_text, marked_latex, markup_marked
from kb.text.lazyre import lazy

TTL = 7 * 24 * 3600.0

#: Crossref's relations by which a record declares another DOI the same work as its own: asked for
#: such a DOI (an alias of the record's), Crossref answers with this record, the work asked for.
SAME_WORK = ("is-identical-to", "has-alias", "is-alias-of")


def _other_doi(given, asked: str) -> str | None:
    """The DOI a record gives when it is not the DOI asked (DOIs are read without regard to case,
    as doi.org does), None when it is or gives none kb can read."""
    record = doi_of_field(given) if isinstance(given, str) else None
    return record if record and record != (doi_of_field(asked) or asked.lower()) else None


def _declared_same(message: dict) -> set[str]:
    """The DOIs a Crossref record declares the same work as its own (SAME_WORK)."""
    relation = message.get("relation")
    same: set[str] = set()
    for kind in SAME_WORK if isinstance(relation, dict) else ():
        items = relation.get(kind)
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and str(item.get("id-type", "doi")).lower() == "doi":
                found = doi_of_field(item["id"]) if isinstance(item.get("id"), str) else None
                if found:
                    same.add(found)
    return same


class AnotherDOI(Unusable):
    """Crossref's record for the DOI asked is of another DOI, declared the same work by neither
    Crossref nor the caller (`same`): never filed as the DOI asked. The caller says what it knows."""

    def __init__(self, asked: str, record: str):
        super().__init__(f"Crossref's record for the DOI {asked} is of another DOI, {record}, and declares no alias "
                         "of it: nothing filed", hint=f"check the DOI for typos; if {record} is the work meant, "
                                                      f"kb add doi:{record}")
        self.asked, self.record = asked, record


def _quote(doi: str) -> str:
    return quote_path(doi, safe="/:;()", what="the DOI")


def _came(text: str) -> str:
    """What an answer that is no BibTeX is, in a few words: said when Crossref knows no more."""
    text = text.strip()
    if not text:
        return "an empty answer"
    if "\x00" in text:
        return "bytes that are no text (NUL bytes)"
    if text.startswith("<"):
        return "an HTML page, not BibTeX"
    return f"text that is not BibTeX ({text[:30]!r})"


#: The most entry heads ('@article{') kb parses in doi.org's answer of one work: @string and @comment beside it.
MAX_ENTRIES = 50
_ENTRY_HEAD = lazy(r"(?m)^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]")


def _bibtex_entries(text: str, url: str) -> list:
    text = text.strip()
    if not text.startswith("@") or "\x00" in text:
        raise Unusable(_came(text))
    heads = len(_ENTRY_HEAD.findall(text))
    if heads > MAX_ENTRIES:
        # doi.org answers one entry: a hundred thousand were parsed whole (a minute of work) and the first filed
        raise Unusable(f"BibTeX of {heads:,} entries, where a DOI names one work")
    try:
        entries = BibFile(text, url).entries()
    except (KBError, ValueError, RecursionError, MemoryError):
        raise Unusable("BibTeX kb cannot read (unbalanced braces, or not BibTeX's grammar)") from None
    if not entries:
        raise Unusable("BibTeX holding no entry")
    # a field resting on a @string the answer never defines (or defines through one it never does, a
    # loop) is nothing, as BibTeX prints it: never the macro's name filed as a title ('b' of
    # '@string{a = b} @string{b = a} ... title = a')
    return [(e.entry_type, e.key, {name: value for name, value in e.fields.items()
                                   if name not in e.undefined and name not in e.through_undefined})
            for e in entries]


def _bibtex_meta(text: str, url: str, doi: str, same: frozenset[str] = frozenset()) -> PaperMeta:
    """The record doi.org's BibTeX answer gives; Unusable when it is of another DOI (BibTeX declares
    no alias: Crossref is asked, which may), where it was filed as the DOI asked; one of `same`
    (DOIs the caller knows for the same work: references.bib declares them one) is the work asked."""
    entries = _bibtex_entries(text, url)
    works = {(t.lower(), tuple(sorted(f.items()))) for t, _k, f in entries if t.lower() not in ("string", "preamble",
                                                                                               "comment")}
    if len(works) > 1:
        # two unlike entries for one DOI (an answer of a proxy, or of a search): the first was filed in silence,
        # whichever of them is the DOI's
        raise Unusable(f"BibTeX of {len(works):,} different entries, where a DOI names one work")
    entry_type, _key, fields = entries[0]
    if not known_type(entry_type) or not is_work(entry_type):
        entry_type = "misc"         # a type biber knows no fields of (@\input), or data: never written as given
    meta = from_bib_fields(entry_type, fields, origin="doi")
    other = _other_doi(meta.doi, doi)
    if other and other not in same:
        raise Unusable(f"a record of another DOI, {other}")
    return meta


def fetch_bibtex(client: Client, doi: str, refresh: bool = False, same: frozenset[str] = frozenset()) -> PaperMeta:
    """Content negotiation at doi.org; Unusable, saying what came back, when it gives no
    usable BibTeX (then Crossref is asked). An answer kb cannot read is never cached."""
    url = f"{endpoint('KB_DOI_URL')}/{_quote(doi)}"
    try:
        response = client.get(url, service="doi", headers={"Accept": "application/x-bibtex"},
                              cache_ttl=None if refresh else TTL, label=f"DOI {doi}",
                              validate=lambda r: _bibtex_meta(r.text, url, doi, same), answer="a BibTeX answer")
    except HTTPStatusError as exc:
        if exc.response.status == 404:
            raise NotFound(f"the DOI {doi} does not resolve (doi.org: DOI Not Found)",
                           hint="check it for typos") from None
        raise Unusable(f"HTTP {exc.response.status}") from None
    meta = _bibtex_meta(response.text, url, doi, same)
    meta.doi = meta.doi or doi
    if not meta.url or "doi.org" in (meta.url or ""):
        meta.url = f"https://doi.org/{doi}"
    return meta


def _crossref_message(response, doi: str, same: frozenset[str] = frozenset()) -> dict:
    data = response.json()
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(message, dict):
        raise Unusable(f"Crossref sent an unexpected answer for {doi}",
                       hint="try again later, with --refresh")
    other = _other_doi(message.get("DOI"), doi)
    if other and other not in same and (doi_of_field(doi) or doi.lower()) not in _declared_same(message):
        # a record of another work, which it does not say is the one asked for: never filed as it
        raise AnotherDOI(doi, other)
    work = clean_crossref(message)
    if not any(latex_to_text(marked_latex(record_text(markup_marked(t), plain_braces=True))).strip()
               for t in work.get("title", [])):
        # (its text: a title of markup alone, '<i> </i>', was filed as an entry of no title)
        # kb would file an entry with nothing but the DOI and call it complete
        raise Unusable(f"Crossref's record of {doi} has no title kb can read: nothing filed",
                       hint="try again later with --refresh, or add the paper's PDF or a BibTeX entry")
    return work


def fetch_crossref(client: Client, doi: str, refresh: bool = False, doi_org: str | None = None,
                   same: frozenset[str] = frozenset()) -> PaperMeta:
    """Crossref's record of `doi`; `doi_org`: what doi.org sent instead of usable BibTeX, said
    when Crossref has no record (the DOI resolved: 'does not resolve' would be untrue)."""
    url = f"{endpoint('KB_CROSSREF_URL')}/works/{_quote(doi)}"
    try:
        response = client.get(url, service="doi", cache_ttl=None if refresh else TTL, label=f"Crossref {doi}",
                              validate=lambda r: _crossref_message(r, doi, same), answer="a JSON answer")
    except HTTPStatusError as exc:
        if exc.response.status == 404:
            if doi_org:
                raise NotFound(f"the DOI {doi} is unknown to Crossref, and doi.org sent {doi_org}",
                               hint="try again later with --refresh, or add the paper's PDF or a BibTeX entry") \
                    from None
            raise NotFound(f"the DOI {doi} is unknown to Crossref and does not resolve") from None
        raise
    return from_crossref(_crossref_message(response, doi, same))


def fetch(client: Client, doi: str, refresh: bool = False, same: frozenset[str] = frozenset()) -> PaperMeta:
    """The record of `doi`; `same`: other DOIs of the same work (references.bib declares them so), a
    record of one of which is the work asked. AnotherDOI for a record of a DOI declared by neither."""
    try:
        meta = fetch_bibtex(client, doi, refresh, same)
    except Unusable as exc:
        return fetch_crossref(client, doi, refresh, doi_org=exc.message, same=same)
    # a title of nothing but white space (or braces) is none: a paper of no title, marked complete
    if meta.title and meta.title.strip(" \t\r\n{}"):
        return _with_crossref(client, doi, meta, refresh, same)
    return fetch_crossref(client, doi, refresh, doi_org="BibTeX with no title", same=same)


def _with_crossref(client: Client, doi: str, meta: PaperMeta, refresh: bool, same: frozenset[str]) -> PaperMeta:
    """doi.org's BibTeX with what Crossref's record of the DOI gives that its BibTeX leaves out: Crossref makes
    that BibTeX of its record's first title and first container title alone, so a subtitle was lost ('TUBE' of
    'TUBE: time-dependent pricing for mobile data'), a chapter's booktitle could be its series ('Lecture Notes in
    Computer Science', its book nowhere) and a book's series was nowhere. Taken only where the record's title is
    the BibTeX's, and its container the BibTeX's booktitle; a DOI Crossref has no record of (DataCite's), or any
    answer kb cannot use, leaves the BibTeX as it came."""
    url = f"{endpoint('KB_CROSSREF_URL')}/works/{_quote(doi)}"
    try:
        response = client.get(url, service="doi", cache_ttl=None if refresh else TTL, label=f"Crossref {doi}",
                              validate=lambda r: _crossref_message(r, doi, same), answer="a JSON answer")
        work = _crossref_message(response, doi, same)
    except KBError:
        return meta
    return with_crossref_work(meta, work)


def with_crossref_work(meta: PaperMeta, work: dict) -> PaperMeta:
    """doi.org's BibTeX `meta` with what Crossref's record `work` (clean_crossref's) of the same DOI gives beside
    (_with_crossref)."""
    titles = [t for t in work.get("title", []) if t.strip()]
    subtitles = [t for t in work.get("subtitle", []) if t.strip()]
    if titles and subtitles and _text(meta.title) == _text(_as_latex(titles[0])):
        meta.title = with_subtitle(meta.title, _as_latex(subtitles[0]))
    book, series = crossref_containers(meta.entry_type, work.get("container-title"))
    if series and not any(k.lower() == "series" for k in meta.extra):
        if meta.entry_type == "book":
            meta.extra["series"] = _as_latex(series)
        elif book and meta.venue and _text(meta.venue) in (_text(_as_latex(series)), _text(_as_latex(book))):
            meta.venue = _as_latex(book)
            meta.extra["series"] = _as_latex(series)
    return meta


def _as_latex(value: str) -> str:
    """Crossref's JSON text (its markup and entities) as LaTeX, as doi.org's BibTeX writes it."""
    return marked_latex(record_text(markup_marked(value), plain_braces=True))


def _text(latex: str | None) -> str:
    return " ".join(latex_to_text(latex or "").split()).casefold()


def _strings(value, limit: int = 50) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [v for v in value[:limit] if isinstance(v, str)]


def _date_parts(value) -> dict | None:
    parts = value.get("date-parts") if isinstance(value, dict) else None
    if not isinstance(parts, list) or not parts or not isinstance(parts[0], list):
        return None
    # a part written as text is its number: a year "2020a" (a letter telling two works of a year apart, no part
    # of the year) was dropped, the paper filed with no year; the parts are read in order to the first unread
    first = []
    for p in parts[0][:3]:
        if isinstance(p, str):
            m = re.fullmatch(r"\s*(\d{4})[a-z]?\s*" if not first else r"\s*(\d{1,2})\s*", p)
            p = int(m.group(1)) if m else None
        if not isinstance(p, int) or isinstance(p, bool):
            break
        first.append(p)
    if not first or not 0 < first[0] < 10000:
        return None
    return {"date-parts": [first]}


def _json_kind(value) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "true or false", dict: "an object"}.get(
        type(value), "a list")


def clean_crossref(message: dict) -> dict:
    """A Crossref work with only the fields kb reads, each of the type Crossref documents;
    anything else (a title that is [null], an author that is a string, a DOI that is a
    number, date parts that are not numbers) is dropped, never a crash."""
    out: dict = {}
    for key in ("title", "subtitle", "container-title"):
        values = _strings(message.get(key))
        if values:
            out[key] = values
    unread = []
    for role in ("author", "editor"):
        people, given = [], message.get(role)
        for a in given if isinstance(given, list) else []:
            if isinstance(a, dict):
                person = {k: a[k] for k in ("family", "given", "name") if isinstance(a.get(k), str)}
                if person:
                    people.append(person)
        if people:
            out[role] = people
        # what the record gives that kb cannot read is said (a paper of an author list that was one string was
        # filed as one of no author, in silence)
        if given not in (None, [], "") and not isinstance(given, list):
            unread.append(f"its {role}s ({_json_kind(given)}, not a list of names)")
        elif isinstance(given, list) and len(people) < len(given):
            unread.append(f"{len(given) - len(people):,} of its {len(given):,} {role}s (not a name)")
    for key in ("published-print", "published-online", "issued", "created"):
        parts = _date_parts(message.get(key))
        if parts:
            out[key] = parts
    dated = [key for key in ("published-print", "published-online", "issued", "created") if message.get(key)]
    if dated and not any(key in out for key in dated):
        unread.append(f"its date ({dated[0]}: no year)")
    if unread:
        out["unread"] = unread
    for key in ("type", "DOI", "URL", "publisher", "page"):
        if isinstance(message.get(key), str) and message[key].strip():
            out[key] = message[key]
    for key in ("volume", "issue"):
        if isinstance(message.get(key), (str, int)) and not isinstance(message.get(key), bool):
            out[key] = str(message[key])
    return out
