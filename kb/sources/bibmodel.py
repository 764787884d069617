"""biber's data model (biber 2.18, `biber-tool.conf`): which fields each entry type takes.

kb writes only fields that `biber --tool --validate-datamodel` accepts for the
entry's type, after biber's own mapping of BibTeX's legacy names (journal ->
journaltitle, address -> location, archiveprefix -> eprinttype, ...).
"""

from __future__ import annotations

from functools import cache

from kb.text.lazyre import lazy

__all__ = ["valid_field", "any_type_takes", "biblatex_type", "known_type", "missing_mandatory", "valid_datum", "INTEGER_FIELDS",
           "DATEPART_FIELDS", "TYPE_FALLBACKS"]

# "*": fields every entry type takes; then, per group of types, their own fields.
_MODEL = {
    "*": (
        "abstract annotation authortype bookpagination crossref day doi eprint eprintclass "
        "eprinttype endday endhour endminute endmonth endsecond endtimezone endyear "
        "endyeardivision entryset entrysubtype execute file gender hour ids indextitle "
        "indexsorttitle isan ismn iswc keywords label langid langidopts library lista listb listc "
        "listd liste listf minute month namea nameb namec nameatype namebtype namectype nameaddon "
        "options origday origendday origendhour origendminute origendmonth origendsecond "
        "origendtimezone origendyear origendyeardivision orighour origminute origmonth origsecond "
        "origtimezone origyear origyeardivision origlocation origpublisher origtitle pagination "
        "presort related relatedoptions relatedstring relatedtype second shortauthor shorteditor "
        "shorthand shorthandintro shortjournal shortseries shorttitle sortkey sortname "
        "sortshorthand sorttitle sortyear timezone url urlday urlendday urlendhour urlendminute "
        "urlendmonth urlendsecond urlendtimezone urlendyear urlhour urlminute urlmonth urlsecond "
        "urltimezone urlyear usera userb userc userd usere userf verba verbb verbc xdata xref "
        "year yeardivision "),
    "set": (
        "entryset "),
    "article": (
        "addendum annotator author commentator editor editora editorb editorc editortype "
        "editoratype editorbtype editorctype eid issn issue issuetitle issuesubtitle "
        "issuetitleaddon journalsubtitle journaltitle journaltitleaddon language note number "
        "origlanguage pages pubstate series subtitle title titleaddon translator version volume "),
    "bibnote": (
        "note "),
    "book": (
        "author addendum afterword annotator chapter commentator edition editor editora editorb "
        "editorc editortype editoratype editorbtype editorctype eid foreword introduction isbn "
        "language location maintitle maintitleaddon mainsubtitle note number origlanguage pages "
        "pagetotal part publisher pubstate series subtitle title titleaddon translator volume "
        "volumes "),
    "mvbook": (
        "addendum afterword annotator author commentator edition editor editora editorb editorc "
        "editortype editoratype editorbtype editorctype foreword introduction isbn language "
        "location note number origlanguage pagetotal publisher pubstate series subtitle title "
        "titleaddon translator volume volumes "),
    "inbook bookinbook suppbook": (
        "addendum afterword annotator author booktitle bookauthor booksubtitle booktitleaddon "
        "chapter commentator edition editor editora editorb editorc editortype editoratype "
        "editorbtype editorctype eid foreword introduction isbn language location mainsubtitle "
        "maintitle maintitleaddon note number origlanguage part publisher pages pubstate series "
        "subtitle title titleaddon translator volume volumes "),
    "booklet": (
        "addendum author chapter editor editortype eid howpublished language location note pages "
        "pagetotal pubstate subtitle title titleaddon type "),
    "collection reference": (
        "addendum afterword annotator chapter commentator edition editor editora editorb editorc "
        "editortype editoratype editorbtype editorctype eid foreword introduction isbn language "
        "location mainsubtitle maintitle maintitleaddon note number origlanguage pages pagetotal "
        "part publisher pubstate series subtitle title titleaddon translator volume volumes "),
    "mvcollection mvreference": (
        "addendum afterword annotator author commentator edition editor editora editorb editorc "
        "editortype editoratype editorbtype editorctype foreword introduction isbn language "
        "location note number origlanguage publisher pubstate subtitle title titleaddon "
        "translator volume volumes "),
    "incollection suppcollection inreference": (
        "addendum afterword annotator author booksubtitle booktitle booktitleaddon chapter "
        "commentator edition editor editora editorb editorc editortype editoratype editorbtype "
        "editorctype eid foreword introduction isbn language location mainsubtitle maintitle "
        "maintitleaddon note number origlanguage pages part publisher pubstate series subtitle "
        "title titleaddon translator volume volumes "),
    "dataset": (
        "addendum author edition editor editortype language location note number organization "
        "publisher pubstate series subtitle title titleaddon type version "),
    "manual": (
        "addendum author chapter edition editor editortype eid isbn language location note number "
        "organization pages pagetotal publisher pubstate series subtitle title titleaddon type "
        "version "),
    "misc software": (
        "addendum author editor editortype howpublished language location note organization "
        "pubstate subtitle title titleaddon type version "),
    "online": (
        "addendum author editor editortype language note organization pubstate subtitle title "
        "titleaddon version "),
    "patent": (
        "addendum author holder location note number pubstate subtitle title titleaddon type "
        "version "),
    "periodical": (
        "addendum editor editora editorb editorc editortype editoratype editorbtype editorctype "
        "issn issue issuesubtitle issuetitle issuetitleaddon language note number pubstate series "
        "subtitle title titleaddon volume yeardivision "),
    "mvproceedings": (
        "addendum editor editortype eventday eventendday eventendhour eventendminute "
        "eventendmonth eventendsecond eventendtimezone eventendyear eventendyeardivision "
        "eventhour eventminute eventmonth eventsecond eventtimezone eventyear eventyeardivision "
        "eventtitle eventtitleaddon isbn language location note number organization pagetotal "
        "publisher pubstate series subtitle title titleaddon venue volumes "),
    "proceedings": (
        "addendum chapter editor editortype eid eventday eventendday eventendhour eventendminute "
        "eventendmonth eventendsecond eventendtimezone eventendyear eventendyeardivision "
        "eventhour eventminute eventmonth eventsecond eventtimezone eventyear eventyeardivision "
        "eventtitle eventtitleaddon isbn language location mainsubtitle maintitle maintitleaddon "
        "note number organization pages pagetotal part publisher pubstate series subtitle title "
        "titleaddon venue volume volumes "),
    "inproceedings": (
        "addendum author booksubtitle booktitle booktitleaddon chapter editor editortype eid "
        "eventday eventendday eventendhour eventendminute eventendmonth eventendsecond "
        "eventendtimezone eventendyear eventendyeardivision eventhour eventminute eventmonth "
        "eventsecond eventtimezone eventyear eventyeardivision eventtitle eventtitleaddon isbn "
        "language location mainsubtitle maintitle maintitleaddon note number organization pages "
        "part publisher pubstate series subtitle title titleaddon venue volume volumes "),
    "report": (
        "addendum author chapter eid institution isrn language location note number pages "
        "pagetotal pubstate subtitle title titleaddon type version "),
    "thesis": (
        "addendum author chapter eid institution language location note pages pagetotal pubstate "
        "subtitle title titleaddon type "),
    "unpublished": (
        "addendum author eventday eventendday eventendhour eventendminute eventendmonth "
        "eventendsecond eventendtimezone eventendyear eventendyeardivision eventhour eventminute "
        "eventmonth eventsecond eventtimezone eventyear eventyeardivision eventtitle "
        "eventtitleaddon howpublished language location note pubstate subtitle title titleaddon "
        "type venue "),
}

# BibTeX's names that biber maps to biblatex's before it validates.
LEGACY_FIELDS = {"journal": "journaltitle", "address": "location", "school": "institution",
                 "annote": "annotation", "archiveprefix": "eprinttype", "primaryclass": "eprintclass",
                 "key": "sortkey", "pdf": "file"}
LEGACY_TYPES = {"conference": "inproceedings", "electronic": "online", "mastersthesis": "thesis",
                "phdthesis": "thesis", "techreport": "report", "www": "online"}

@cache
def _table() -> dict[str, frozenset[str]]:
    common = set(_MODEL["*"].split())
    table = {}
    for types, fields in _MODEL.items():
        if types != "*":
            for t in types.split():
                table[t] = frozenset(common | set(fields.split()))
    return table


def biblatex_type(entry_type: str) -> str:
    t = entry_type.lower()
    return LEGACY_TYPES.get(t, t)


def valid_field(entry_type: str, name: str) -> bool:
    """Whether biber's data model takes field `name` (BibTeX or biblatex spelling)
    on an entry of `entry_type`; unknown types take only the common fields."""
    table = _table()
    fields = table.get(biblatex_type(entry_type))
    name = LEGACY_FIELDS.get(name.lower(), name.lower())
    if name.endswith("date"):
        name = name[:-4] + "year"          # biber splits date, urldate, eventdate... into their parts
    if fields is None:
        return name in _MODEL["*"].split()
    return name in fields


def any_type_takes(name: str) -> bool:
    """Whether some entry type of biber's data model takes field `name` (BibTeX or biblatex
    spelling): ACM's numpages, DBLP's biburl are fields of none."""
    name = LEGACY_FIELDS.get(name.lower(), name.lower())
    if name.endswith("date"):
        name = name[:-4] + "year"
    return any(name in fields for fields in _table().values())


# biber's mandatory constraints: per type, fields that must be there ("a|b": one of them);
# every type also needs year or date. Types not listed have no constraint but the date.
_MANDATORY = {
    "set": ("entryset",),
    "article": ("author", "journaltitle", "title"),
    "book mvbook": ("author", "title"),
    "inbook bookinbook suppbook": ("author", "title", "booktitle"),
    "booklet": ("author|editor", "title"),
    "collection reference mvcollection mvreference": ("editor", "title"),
    "incollection suppcollection inreference": ("author", "editor", "title", "booktitle"),
    "dataset manual misc software proceedings mvproceedings": ("title",),
    "online": ("title", "url|doi|eprint"),
    "patent": ("author", "title", "number"),
    "periodical": ("editor", "title"),
    "inproceedings": ("author", "title", "booktitle"),
    "report thesis": ("author", "title", "type", "institution"),
    "unpublished": ("author", "title"),
}
# What biber supplies itself when it maps a legacy type (@techreport is a report of type techreport).
_LEGACY_SUPPLIES = {"techreport": {"type"}, "phdthesis": {"type"}, "mastersthesis": {"type"}}

# Types to try, in order, for an entry its own type's mandatory fields are missing from
# (an edited book has no author: a collection; a chapter without editor: an inbook).
TYPE_FALLBACKS = {"article": ("misc",), "book": ("collection", "misc"), "inbook": ("misc",),
                  "incollection": ("inbook", "collection", "misc"), "inproceedings": ("misc",),
                  "report": ("misc",), "thesis": ("misc",), "online": ("misc",), "patent": ("misc",),
                  "periodical": ("misc",), "collection": ("book", "misc"), "booklet": ("misc",),
                  "unpublished": ("misc",), "reference": ("book", "misc")}

INTEGER_FIELDS = frozenset({"volume", "volumes", "sortyear"})
DATEPART_FIELDS = frozenset({"year", "month", "day", "endyear", "endmonth", "endday", "origyear", "eventyear",
                             "urlyear", "urlmonth", "urlday"})


@cache
def _mandatory() -> dict[str, tuple[str, ...]]:
    return {t: fields for types, fields in _MANDATORY.items() for t in types.split()}


#: Entry types that hold data for other entries, not a work of their own: biblatex's @xdata
#: (fields its `xdata = {key}` entries take) and @set (the entries its `entryset` groups, each a
#: work listed as itself). Kept in references.bib and exported with the entries naming them;
#: never a paper of the index (listed, searched or counted).
DATA_TYPES = frozenset({"xdata", "set"})


def is_work(entry_type: str) -> bool:
    """Whether an entry of this type is a paper (not one of DATA_TYPES)."""
    return entry_type.lower() not in DATA_TYPES


def known_type(entry_type: str) -> bool:
    """Whether biber's data model has the type (BibTeX's legacy names count)."""
    return biblatex_type(entry_type) in _table()


def missing_mandatory(entry_type: str, names: set[str]) -> list[str]:
    """The mandatory fields of `entry_type` that an entry with fields `names` (BibTeX
    or biblatex spelling) lacks ("url|doi|eprint" for one of several); year/date too."""
    have = {LEGACY_FIELDS.get(n.lower(), n.lower()) for n in names} | _LEGACY_SUPPLIES.get(entry_type.lower(), set())
    out = [need for need in _mandatory().get(biblatex_type(entry_type), ())
           if not any(n in have for n in need.split("|"))]
    if "year" not in have and "date" not in have:
        out.append("year|date")
    return out


def _isbn_ok(value: str) -> bool:
    digits = "".join(c for c in value.upper() if c.isdigit() or c == "X")     # as Business::ISBN reads it
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] == "X"):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        return sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits)) % 10 == 0
    return False


def _issn_ok(value: str) -> bool:
    digits = "".join(c for c in value.upper() if c.isdigit() or c == "X")
    if len(digits) != 8 or not digits[:7].isdigit() or not (digits[7].isdigit() or digits[7] == "X"):
        return False
    total = sum((8 - i) * int(c) for i, c in enumerate(digits[:7])) + (10 if digits[7] == "X" else int(digits[7]))
    return total % 11 == 0


def _number(value: str) -> bool:
    text = value.strip()
    text = text[1:] if text.startswith("-") else text
    try:
        float(text)
    except ValueError:
        return False
    return text[:1].isdigit() or text[:1] == "."


# One end of an ISO 8601 date as biber reads it: 2019, 2019-06, 2019-06-02, a time after T,
# EDTF's unspecified digits (19XX, 2019-XX) and its ? ~ % (uncertain, approximate).
_DATE_END = lazy(r"([+-]?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                 r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)?[?~%]?|\d{2}XX|\d{3}X|\d{4}-XX(?:-XX)?|\d{4}-\d{2}-XX")


def _date_end_ok(text: str) -> bool:
    m = _DATE_END.fullmatch(text.strip())
    if not m:
        return False
    month, day = m.group(2), m.group(3)
    if month and not (1 <= int(month) <= 12 or (21 <= int(month) <= 41 and not day)):   # 21-41: seasons
        return False
    return not day or 1 <= int(day) <= 31


def _date_ok(value: str) -> bool:
    """A biblatex date: one ISO 8601 date, or a range a/b (an end may be open: .. or empty)."""
    value = value.strip()
    if "/" not in value:
        return _date_end_ok(value)
    start, _, end = value.partition("/")
    ends = [e for e in (start, end) if e.strip() not in ("", "..")]
    return bool(ends) and all(_date_end_ok(e) for e in ends)


def valid_datum(name: str, value: str) -> bool:
    """Whether biber takes `value` (macros resolved) as field `name`'s datatype: a number
    for volume, volumes and date parts; an ISO 8601 date (or range) for date, urldate,
    eventdate, origdate; a valid ISBN or ISSN (checksum); anything else for other fields."""
    name = name.lower()
    if name in INTEGER_FIELDS or name in DATEPART_FIELDS:
        return _number(value)
    if name.endswith("date") and name in ("date", "urldate", "eventdate", "origdate"):
        return _date_ok(value)
    if name == "isbn":
        return _isbn_ok(value)
    if name == "issn":
        return _issn_ok(value)
    return True
