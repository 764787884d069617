"""biber's data model (biber 2.18, `biber-tool.conf`): which fields each entry type takes.

kb writes only fields that `biber --tool --validate-datamodel` accepts for the
entry's type, after biber's own mapping of BibTeX's legacy names (journal ->
journaltitle, address -> location, archiveprefix -> eprinttype, ...).
"""

from __future__ import annotations

from functools import cache

__all__ = ["valid_field", "biblatex_type"]

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
    if fields is None:
        return name in _MODEL["*"].split()
    return name in fields
