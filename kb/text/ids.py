"""Identifiers in every form people paste (arXiv ids, DOIs, URLs, local files),
and arXiv ids and DOIs found in free text: the one place they are parsed."""

from __future__ import annotations

import errno
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from kb.atomic import shown
from kb.errors import UsageError
from kb.text.lazyre import lazy

ACCEPTED = ("accepted forms: arxiv:2311.16863, 2311.16863v2, arXiv:2311.16863, hep-th/9901001, "
            "https://arxiv.org/abs/2311.16863, https://arxiv.org/pdf/2311.16863v1.pdf, "
            "doi:10.18653/v1/P19-1355, https://doi.org/10.18653/v1/P19-1355, or a path to a .pdf file")

# New-style ids (2007-): YYMM.NNNN (to 2014) or YYMM.NNNNN, optional version.
NEW_ID = r"(?P<new>\d{4}\.\d{4,5})"
# Old-style ids: archive(.SUBJ)/YYMMNNN, e.g. hep-th/9901001, math.GT/0309136.
OLD_ID = r"(?P<old>[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7})"
VERSION = r"(?:v(?P<version>\d{1,3}))?"
ARXIV_ID_RE = lazy(rf"^(?:{NEW_ID}|{OLD_ID}){VERSION}$")
DOI_RE = lazy(r"^10\.\d{4,9}/\S+$")
ARXIV_HOSTS = {"arxiv.org", "www.arxiv.org", "export.arxiv.org", "xxx.lanl.gov", "browse.arxiv.org"}
DOI_HOSTS = {"doi.org", "dx.doi.org", "www.doi.org"}


@dataclass(frozen=True)
class ArxivId:
    id: str                 # '2311.16863' or 'hep-th/9901001'
    version: int | None = None

    @property
    def versioned(self) -> str:
        return f"{self.id}v{self.version}" if self.version else self.id

    def __str__(self) -> str:
        return f"arxiv:{self.versioned}"


@dataclass(frozen=True)
class Doi:
    doi: str                # lower-cased; DOIs are case-insensitive

    def __str__(self) -> str:
        return f"doi:{self.doi}"


@dataclass(frozen=True)
class LocalFile:
    path: Path

    def __str__(self) -> str:
        return str(self.path)


Identifier = ArxivId | Doi | LocalFile


def ascii_digits(text: str) -> str:
    """`text` with each decimal digit of another script written as its ASCII digit ('２３１１.１６８６３',
    '٢٣١١.١٦٨٦٣' as typed with a full-width or an Arabic keyboard: 2311.16863): an identifier's digits are
    ASCII, and one kept as typed was another paper's id to kb (asked of arXiv so, and filed apart)."""
    if text.isascii():
        return text
    return "".join(str(int(c)) if not c.isascii() and c.isdecimal() else c for c in text)


def parse_arxiv(text: str) -> ArxivId | None:
    """An arXiv id with optional version, or None."""
    text = ascii_digits(text.strip())
    m = ARXIV_ID_RE.match(text)
    if not m:
        # Old-style archives are lower case, but people paste "Hep-Th/...".
        lowered = re.sub(r"^[A-Za-z\-]+", lambda g: g.group(0).lower(), text)
        m = ARXIV_ID_RE.match(lowered)
        if not m:
            return None
    ident = m.group("new") or m.group("old")
    if m.group("new"):
        yymm, number = ident.split(".")
        month = int(yymm[2:])
        # 4-digit numbers until 1412, 5-digit from 1501 on.
        if not 1 <= month <= 12 or (len(number) == 5) != (yymm >= "1501"):
            return None
    version = int(m.group("version")) if m.group("version") else None
    if version == 0:
        return None
    return ArxivId(ident, version)


def normalise_doi(text: str) -> str | None:
    text = text.strip().rstrip(".,;")
    text = urllib.parse.unquote(text)
    if not text.isascii() and "/" in text:
        prefix, slash, suffix = text.partition("/")
        text = ascii_digits(prefix) + slash + suffix        # '10.１２３４/abc': the registrant's digits are ASCII
    if DOI_RE.match(text):
        return text.lower()
    return None


_DOI_FIELD_PREFIX = lazy(r"^(?:https?://(?:dx\.|www\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_LATEX_ESCAPED = lazy(r"\\([_%&#$])")


def doi_written(value: str) -> str:
    """The DOI a bibliography's `doi` field holds, its case kept, as exporters and people
    write it: as a link (JabRef, Crossref's `http://dx.doi.org/...`), after 'doi:', or with
    LaTeX's escapes (Mendeley's '10.1007/978-3-319-24574-4\\_28' is the DOI ..._28)."""
    return _DOI_FIELD_PREFIX.sub("", _LATEX_ESCAPED.sub(r"\1", value.strip()))


def doi_of_field(value: str) -> str | None:
    """The DOI (lower-cased) of a bibliography's `doi` field as doi_written reads it, or None."""
    return normalise_doi(doi_written(value)) if value else None


def dois_of_field(value: str) -> list[str]:
    """Every DOI (lower-cased) a bibliography field holds, one or more, as doi_of_field reads each:
    a `doi` field naming a second DOI ('10.1/a 10.1/b', '10.1/a, 10.1/b'), or an `ids` field listing
    one among a paper's other keys. [] where it holds none."""
    if not value or "10." not in value:
        return []
    whole = doi_of_field(value)
    if whole is not None and not any(c in value.strip() for c in " \t\n,;"):
        return [whole]
    out: list[str] = []
    for part in re.split(r"[\s,;]+", value):
        doi = doi_of_field(part)
        if doi is not None and doi not in out:
            out.append(doi)
    return out


def split_url(url: str) -> urllib.parse.SplitResult | None:
    """urllib's urlsplit of `url`, or None where it refuses it (an IPv6 host whose '[' is never
    closed, a port that is no number or past 65535): a link a person types, a feed holds or a
    server redirects to is then not a link, never an internal error."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port              # (read on use; raises for a bad port)
    except ValueError:
        return None
    return parts


def from_url(text: str) -> Identifier | None:
    """The arXiv id or DOI an arXiv or doi.org link names; None for any other text."""
    url = text if "://" in text else "https://" + text
    parts = split_url(url)
    if parts is None:
        return None
    host = (parts.hostname or "").lower()
    path = urllib.parse.unquote(parts.path)
    if host in ARXIV_HOSTS:
        m = re.match(r"^/(?:abs|pdf|html|format)/(.+?)(?:\.pdf)?/?$", path)
        if m:
            return parse_arxiv(m.group(1))
        return None
    if host in DOI_HOSTS:
        doi = normalise_doi(path.lstrip("/"))
        return Doi(doi) if doi else None
    return None


def _seen(ident: Identifier, raw: str) -> Identifier:
    """`ident`, refused where it is a DOI holding a character nobody sees (a right-to-left override, a zero-width
    space pasted with it): it was asked of doi.org so and said as 'the DOI 10.1000/x does not resolve', the DOI
    shown without it, one that looked right."""
    if isinstance(ident, Doi) and not (ident.doi.isascii() and ident.doi.isprintable()):
        hidden = next((c for c in ident.doi if unicodedata.category(c) in ("Cc", "Cf")), None)
        if hidden is not None:
            raise UsageError(f"the DOI {ascii(ident.doi)} holds U+{ord(hidden):04X} "
                             f"{unicodedata.name(hidden, 'CONTROL CHARACTER')}, a character nobody sees: "
                             "nothing asked", hint="type the DOI without it")
    return ident


def parse_identifier(text: str, *, must_exist: bool = True) -> Identifier:
    """Parse what a user typed into an identifier; UsageError naming the input
    and the accepted forms otherwise."""
    return _seen(_parse_identifier(text, must_exist=must_exist), text)


def _parse_identifier(text: str, *, must_exist: bool = True) -> Identifier:
    raw = text
    text = text.strip()
    if not text:
        raise UsageError(f"empty identifier; {ACCEPTED}")
    if len(text) > 2000 or "\0" in text:
        raise UsageError(f"not an identifier: {raw[:60]!r}...; {ACCEPTED}")
    low = text.lower()
    if low.startswith("arxiv:"):
        ident = parse_arxiv(text[6:])
        if ident:
            return ident
        raise UsageError(f"not an arXiv id: {raw!r}; {ACCEPTED}")
    if low.startswith("doi:"):
        doi = normalise_doi(text[4:])
        if doi:
            return Doi(doi)
        raise UsageError(f"not a DOI: {raw!r}; {ACCEPTED}")
    if low.startswith(("http://", "https://")) or low.startswith(tuple(ARXIV_HOSTS | DOI_HOSTS)):
        ident = from_url(text)
        if ident:
            return ident
        raise UsageError(f"not an arXiv or DOI link: {raw!r}; {ACCEPTED}")
    ident = parse_arxiv(text)
    if ident:
        return ident
    doi = normalise_doi(text)
    if doi:
        return Doi(doi)
    try:
        path = Path(text).expanduser()
        exists = path.exists()
        is_file = path.is_file()
    except (OSError, RuntimeError) as exc:   # a name too long for the filesystem; ~user unknown
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).rstrip(".")
        raise UsageError(f"not an identifier kb understands: {raw[:80]!r}{'...' if len(raw) > 80 else ''} "
                         f"(as a path: {reason}); {ACCEPTED}") from None
    if path.suffix.lower() == ".pdf" or exists:
        if must_exist and not is_file:
            raise UsageError(f"{shown(raw)} is a folder: give the PDFs in it ({shown(raw.rstrip('/'))}/*.pdf)"
                             if exists and path.is_dir()
                             else f"{shown(raw)} is not a regular file (a folder, a FIFO or a device)" if exists
                             else f"{shown(raw)} is {_broken_link(path)}" if path.is_symlink()
                             else f"no such file: {shown(raw)}")
        return LocalFile(path)
    raise UsageError(f"not an identifier kb understands: {raw!r}; {ACCEPTED}")


def _broken_link(path: Path) -> str:
    """What a symbolic link that leads to no file is: one to a missing file, or links in a loop
    (both were 'no such file', where the link is there to see)."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link in a loop (it leads back to itself)"
        if exc.errno != errno.ENOENT and exc.strerror:
            return f"a symbolic link that cannot be followed ({exc.strerror})"
    return "a symbolic link to a missing file"


# --------------------------------------------------------------------------
# Identifiers in free text: a PDF's first pages, a reference list entry, a
# BibTeX note or url field.

_NEW_IN_TEXT = r"\d{4}\.\d{4,5}"
_OLD_IN_TEXT = r"[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7}"
_ARXIV_IN_TEXT_RES = [
    # arxiv.org/abs/2101.03961, arxiv.org/pdf/1908.09635.pdf, arxiv.org/html/2401.01234v2
    re.compile(rf"arxiv\.org/(?:abs|pdf|html)/\s?({_NEW_IN_TEXT}|{_OLD_IN_TEXT})(v\d+)?", re.I),
    # 10.48550/arXiv.2203.15556 (arXiv's own DOIs)
    re.compile(rf"10\.48550/arxiv\.({_NEW_IN_TEXT})(v\d+)?", re.I),
    # arXiv:1906.02243, arXiv preprint arXiv:2104.10350, arXiv: 2007.07610,
    # ArXiv abs/2105.02923, ArXiv, abs/1806.01620, Arxiv preprint: 1106.6251,
    # arXiv preprint cs/0306050, the stamp "arXiv:2311.16863v1 [cs.LG] 28 Nov 2023",
    # Semantic Scholar's semanticscholar.org/arxiv/1708.05894
    re.compile(rf"arxiv(?:\s+preprint)?\s*[:,/]?\s*(?:abs/)?\s?({_NEW_IN_TEXT}|{_OLD_IN_TEXT})(v\d+)?", re.I),
    # DBLP's journal for arXiv: 'CoRR abs/2104.10350', 'CoRR, vol. abs/2104.10350', 'CoRR. 2021;abs/2104.10350'
    re.compile(rf"\bCoRR\b[^/\n]{{0,24}}?\babs/\s?({_NEW_IN_TEXT}|{_OLD_IN_TEXT})(v\d+)?"),
]
# (a SICI DOI's angle brackets, which hold '::', are of it: '10.1002/(SICI)1097-4571(199106)42:5<361::AID-ASI6>3.0.CO;2-#';
# no other DOI's text holds one)
_DOI_IN_TEXT_RE = lazy(r"\b(10\.\d{4,9}/[^\s\"<>]+(?:<[\w.]*::[\w.\-]+>[^\s\"<>]*)*)")
# a DOI cut after its prefix's slash, or a short segment's ('v1/'), by a line break a person's copy turned into a
# space ('https://doi.org/10.1145/ 3630106.3658542', '10.18653/v1/ P19-1355'): the rest, with a digit, follows
_DOI_CUT_RE = lazy(r"\b(10\.\d{4,9}/(?:[A-Za-z]\w{0,3}/)?)\s+(?=\w[\w.\-]*\d)")
_CLOSING = {")": "(", "]": "[", "}": "{"}


def _may_name_arxiv(text: str) -> bool:
    """False when no arXiv form above can match: each holds 'arxiv' in any case
    (a, r and x have no other case forms for re.I to match), or DBLP's 'CoRR'."""
    return "arx" in text.lower() or "CoRR" in text


def _may_hold_doi(text: str) -> bool:
    """False when _DOI_IN_TEXT_RE cannot match."""
    return "10." in text


def find_arxiv_in_text(text: str) -> ArxivId | None:
    """The first valid arXiv id in free text, in any of the forms people and
    reference styles print (see above); version kept when given."""
    if not _may_name_arxiv(text):
        return None
    found = sorted((m.start(), m.group(1), m.group(2) or "")
                   for rx in _ARXIV_IN_TEXT_RES for m in rx.finditer(text))
    for _, ident, version in found:
        parsed = parse_arxiv(ident + version) or parse_arxiv(ident)
        if parsed:
            return parsed
    return None


# The stamp arXiv prints down the margin of a paper's first page: 'arXiv:2311.16863v1 [cs.LG] 28 Nov 2023'
# (its category in brackets after the id). An id printed otherwise on the first pages ('BERT (arXiv:1810.04805)')
# is as often a work the paper cites as the paper itself.
_ARXIV_STAMP_RE = lazy(rf"arxiv:\s?({_NEW_IN_TEXT}|{_OLD_IN_TEXT})(v\d+)?\s*\[\s?[a-z][a-z\-]*(?:\.[a-z\-]+)?\s?\]",
                       re.I)


# what may follow the stamp on its line: its date ('28 Nov 2023'), or nothing
_STAMP_DATE_RE = lazy(r"(?:\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})?")


def find_arxiv_stamp(text: str) -> ArxivId | None:
    """The id of arXiv's stamp on a paper's first page, version kept; None without one, and None
    where the text carries stamps of more than one paper (a merged file, a page quoting another's).
    The stamp is the margin's: a line of its own, its date at most after it (text extractors put
    the margin's rotated line apart). The same words in a sentence or a reference ('as shown in
    arXiv:2104.10350v3 [cs.CY] 23 Apr 2021, ...') quote another paper's stamp."""
    if not _may_name_arxiv(text):
        return None
    found = set()
    for line in text.splitlines():
        if not _may_name_arxiv(line):
            continue
        m = _ARXIV_STAMP_RE.search(line)
        if m is None or line[:m.start()].strip() or not _STAMP_DATE_RE.fullmatch(line[m.end():].strip()):
            continue
        parsed = parse_arxiv(m.group(1) + (m.group(2) or "")) or parse_arxiv(m.group(1))
        if parsed:
            found.add(parsed)
    if len({f.id for f in found}) != 1:
        return None
    return found.pop() if len(found) == 1 else None


_ARXIV_IN_NAME_RE = lazy(rf"(?<![\d.])({_NEW_IN_TEXT})(v\d+)?(?![\d.]*\d)")


def find_arxiv_in_filename(name: str) -> ArxivId | None:
    """The arXiv id a PDF's file name carries, as arXiv names its downloads
    ('2305.03393v1.pdf') and people keep it ('arxiv-2305.03393v1-page-9.pdf'); None
    for numbers that are no valid id ('2023.12345', 'report-1999.1234')."""
    stem = name.rsplit("/", 1)[-1]
    stem = stem[:-4] if stem.lower().endswith(".pdf") else stem
    found = [m for m in _ARXIV_IN_NAME_RE.finditer(stem)]
    ids = {parse_arxiv(m.group(1) + (m.group(2) or "")) for m in found} - {None}
    return ids.pop() if len(ids) == 1 else None


#: Where a DOI in a link ('https://doi.org/…', '…/doi/…') ends: its query or fragment, as a link writes them (a DOI's
#: own '?' is written '%3F' in a link); a '#' ending it is a SICI DOI's check character ('…CO;2-#'), no fragment
_LINK_QUERY_RE = lazy(r"\?|#(?=\w)")


def find_doi_in_text(text: str) -> str | None:
    """The first DOI in free text, lower-cased, without the punctuation that
    follows it in a sentence; a closing bracket stays when the DOI opened it
    (10.1016/0003-4916(63)90068-x). A link's percent-encoded DOI
    (https://doi.org/10.18653%2Fv1%2FP19-1355) is read decoded."""
    if not _may_hold_doi(text):
        return None
    if "%2f" in text.lower():
        text = urllib.parse.unquote(text)
    if "/ " in text or "/\n" in text:
        text = _DOI_CUT_RE.sub(r"\1", text)
    for m in _DOI_IN_TEXT_RE.finditer(text):
        doi = m.group(1)
        if m.start() and text[m.start() - 1] == "/" and (cut := _LINK_QUERY_RE.search(doi)):
            doi = doi[:cut.start()]         # a link's query or fragment: '…/10.1145/3531146.3533234?utm=x', '#sec2'
        doi = doi.rstrip(".,;:/")           # (a link's closing slash: no DOI ends in one)
        while doi and doi[-1] in _CLOSING and doi.count(doi[-1]) > doi.count(_CLOSING[doi[-1]]):
            doi = doi[:-1].rstrip(".,;:")
        doi = normalise_doi(doi) if doi else None
        if doi:
            return doi
    return None


# ACL Anthology ids: old style P19-1355 (letter, year, number), new style
# 2020.acl-main.207. The Anthology registers DOIs 10.18653/v1/<id> for new-style
# ids and for old-style ids from 2015 to 2019 (earlier papers have none).
_ACL_IN_TEXT_RE = lazy(r"(?:aclanthology\.org|aclweb\.org/anthology)/+(?:[A-Z]/[A-Z]\d\d/)?"
                       r"([A-Z]\d\d-\d{4}|\d{4}\.[a-z][\w\-]*\.\d+)", re.I)


# ... but not for the papers it hosts of events other publishers publish, LREC (ELRA), RANLP (its own DOIs), PACLIC,
# ROCLING and JEP/TALN/RECITAL: new-style venue 'lrec', 'ranlp', ...; old-style letters L, R, Y, O, F
_NO_ACL_DOI_VENUES = frozenset(("lrec", "ranlp", "paclic", "rocling", "jeptalnrecital"))
_NO_ACL_DOI_LETTERS = frozenset("LRYOF")


def acl_doi(acl_id: str) -> str | None:
    """The DOI the ACL Anthology gives paper `acl_id`, or None when it has none (a paper of an event another
    publisher publishes, 'L18-1001', '2020.lrec-1.155', has none of the Anthology's)."""
    acl_id = acl_id.strip()
    if re.fullmatch(r"\d{4}\.[a-z][\w\-]*\.\d+", acl_id):
        if acl_id.split(".")[1].lower().rsplit("-", 1)[0] in _NO_ACL_DOI_VENUES:
            return None
        return f"10.18653/v1/{acl_id}".lower()
    m = re.fullmatch(r"([A-Za-z])(\d\d)-(\d{4})", acl_id)
    if m and 15 <= int(m.group(2)) <= 19 and m.group(1).upper() not in _NO_ACL_DOI_LETTERS:
        return f"10.18653/v1/{m.group(1).upper()}{m.group(2)}-{m.group(3)}".lower()
    return None


def find_acl_doi_in_text(text: str) -> str | None:
    """The DOI of the first ACL Anthology link in free text
    (aclanthology.org/P19-1355.pdf -> 10.18653/v1/p19-1355), or None."""
    low = text.lower()
    if ".org" not in low or "acl" not in low:      # in both host names; a, c, l, o, r, g have no other case forms
        return None
    for m in _ACL_IN_TEXT_RE.finditer(text):
        doi = acl_doi(m.group(1))
        if doi:
            return doi
    return None


def strip_identifiers(text: str) -> str:
    """`text` with its DOIs and arXiv ids blanked out (so their digits are not
    read as years or page numbers)."""
    if _may_hold_doi(text):
        text = _DOI_IN_TEXT_RE.sub(" ", text)
    if _may_name_arxiv(text):
        for rx in _ARXIV_IN_TEXT_RES:
            text = rx.sub(" ", text)
    return text


_ARXIV_PREFIX_RE = lazy(r"^arxiv:", re.I)
_VERSION_SUFFIX_RE = lazy(r"v\d+$")


def bare_arxiv_id(ident: str | None) -> str | None:
    """An arXiv id as stored anywhere ('arXiv:2104.10350v2', '2104.10350')
    without prefix and version, for comparing; None for nothing."""
    if not ident:
        return None
    return _VERSION_SUFFIX_RE.sub("", _ARXIV_PREFIX_RE.sub("", ident.strip()))
