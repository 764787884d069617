"""`kb audit`: every figure a paper attributes to another paper of the knowledge
base, checked against that paper.

A restatement is a number with a unit (as `kb claims extract` finds them) in a
citation context (kb/text/citecontext.py, stored in `cite_contexts` by the
derive step) that the sentence attributes to the cited paper: the marker
nearest to it in its clause names the paper, and a clause that speaks of the
citing paper's own work ("we measured", "our estimate") keeps its numbers.

Each restatement is looked for in the cited paper (its claims, the numbers with
units of its newest text, and its bare numbers read in the units it uses for
that dimension, as in a table whose unit sits in the header):

* confirmed     — printed there, as written or after unit conversion, within
                  the precision both are written with (interval overlap); a range
                  ("4 to 552 tCO2e", the least and the most of several) by one of
                  its ends or by the same range, never by a figure between them;
* differs       — the cited paper prints a quantity of the same dimension with
                  the same subject words nearby, outside that precision;
* not-in-source — nothing of that dimension close to it.

Restatements a person judged ([[restatement]] in claims/<citekey>.toml of the
citing paper, written by `kb audit --accept`) are not reported again.
"""

from __future__ import annotations

import bisect
import collections
import dataclasses
import functools
import hashlib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kb.atomic import decode_saved, read_input, said, shown, undecodable_at
from kb.errors import KBError, LimitExceeded, UsageError
from kb.ops import records
from kb.ops.bulk import default_jobs, map_in_order
from kb.ops.derive import ensure_references
from kb.ops.quotes import explain_note_source, note_context, read_note
from kb.quantities.interval import MANTISSA, Interval, read_number
from kb.quantities.numbers import Candidate, extract_candidates
from kb.quantities.quoted import share_holds, shares_in
from kb.quantities.units import count_forms, format_unit, parse_unit, to_base
from kb.store.knowledgebase import AS_OPENED, KB, AsOpened
from kb.store.queries import claim_stands_sql, load_text, paper_exists, paper_keys, versions_with_text
from kb.store.sqlite import read_only, transaction
from kb.text.citecontext import Ref, find_contexts
from kb.text.display import choice_said
from kb.text.htmlnote import html_note_text, is_html_document
from kb.text.lazyre import lazy
from kb.text.notes import NoteQuote, TooManyCitations, citations_as_pandoc, lf_lines, sentence_citations
from kb.text.typed import typed

__all__ = ["Restatement", "index_contexts", "index_numbers", "ensure_derived", "audit", "iter_audit",
           "audit_note", "accept", "VERDICTS"]

VERDICTS = ("confirmed", "differs", "not-in-source")
#: a note's figure may also cite a work kb cannot check it against (ambiguous, not here): not checked, and why
NOTE_VERDICTS = VERDICTS + ("not-checked",)

#: How far (characters, whitespace collapsed) a number may sit from its marker in one sentence;
#: past it (a table flattened into one "sentence") the number is not the cited paper's.
MAX_DISTANCE = 260
#: A quantity of the same dimension counts as the same subject when this many content words
#: of the two sentences agree, and its value is within this factor.
SUBJECT_WORDS = 2
CLOSE_FACTOR = 3.0

_CLAUSE_RE = lazy(r";|,\s|\bwhile\b|\bwhereas\b|\bcompared (?:to|with)\b|\.\s")
#: A marker followed by one of these verbs is the clause's subject: "[Str19] estimates ... as N",
#: "Strubell et al. used ... N"; the figure is that paper's even when another marker sits nearer.
_SAYS_RE = lazy(r"\s*(?:\(\s*(?:19|20)\d\d\s*\)\s*)?(?:also\s+)?(?:estimate[sd]?|report(?:s|ed)?|f(?:ou|i)nds?|"
                r"found|show(?:s|ed)?|use[sd]?|measure[sd]?|calculate[sd]?|compute[sd]?|assume[sd]?|"
                r"state[sd]?|says?|said|put|puts|gives?|gave|quantif(?:y|ies|ied)|place[sd]?)\b")
_CELL_RE = lazy(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w.])")
_OWN_RE = lazy(r"\b(?:we|our|us|ours|this (?:paper|work|study))\b", re.I)
_WORD_RE = lazy(r"[A-Za-z]{3,}")
_STOP = frozenset("""the and for with that this from were was are have has been which their its than
into over under about such also more most less only other these those they them then there when where
while what would could should can may might will per each both between after before using used use
our we estimate estimated estimates found find report reported reports paper work study al et""".split())


@dataclass
class Restatement:
    id: str
    citing: str
    citing_page: int
    figure: str                  # as written in the citing paper: '284 tCO2e'
    unit: str
    cited: str
    marker: str
    verdict: str                 # confirmed | differs | not-in-source (a note's: not-checked too)
    cited_page: int | None = None
    cited_figure: str | None = None
    difference: float | None = None     # (restated - source) / source, in the source's unit
    #: a range that differs from the paper's range: the end that differs ("low" or "high"), whose
    #: difference `difference` is
    end: str | None = None
    sentence: str = ""
    cited_sentence: str = ""
    judged: str | None = None    # the verdict a person recorded, when there is one
    note: str | None = None
    #: a note's figure not checked: why ("the citation 'Doe et al., 2023' is ambiguous: ...")
    reason: str | None = None

    def to_dict(self) -> dict:
        return dict(self.__dict__)


# ---------------------------------------------------------------- derived data

def _refs_of(db, citekey: str) -> list[Ref]:
    return [Ref(idx, label, fa, year, page) for idx, label, fa, year, page in db.execute(
        "select idx, label, first_author, year, page from refs where citekey = ? and source = 'text' "
        "order by idx", [citekey])]


def index_contexts(db, citekey: str, version: str | None, pages: list[str]) -> int:
    """Find and store the citation contexts of one paper's text (after its reference list is
    indexed). Caller runs the transaction. Returns how many."""
    return _store_derived(db.conn, citekey, _context_rows(citekey, version, pages, _refs_of(db, citekey)), None)


def index_numbers(db, citekey: str, version: str | None, pages: list[str]) -> int:
    """Find and store the numbers with units of one paper's text (kb.quantities.numbers; a
    formula's coefficient with the unit its text states in words). Caller runs the transaction."""
    return _store_derived(db.conn, citekey, None, _number_rows(citekey, version, pages))


def _context_rows(citekey: str, version: str | None, pages: list[str], refs: list[Ref]) -> list[tuple]:
    return [(citekey, version, c.idx, c.page, c.start, c.end, c.marker_start, c.marker_end, c.marker,
             c.style, c.sentence) for c in find_contexts(pages, refs)]


def _number_rows(citekey: str, version: str | None, pages: list[str]) -> list[tuple]:
    rows = []
    for c in extract_candidates(pages):
        if c.kind == "coefficient":
            c = _coefficient_unit(c, pages[c.page - 1])
        if c is None or not c.unit or c.kind == "coefficient":
            continue
        rows.append((citekey, version, c.page, c.start, c.end, c.number, c.value, c.rate_unit, c.unit_text,
                     c.kind, c.sentence or c.context))
    return rows


def _store_derived(conn, citekey: str, contexts: list[tuple] | None, numbers: list[tuple] | None) -> int:
    """Replace the stored contexts and/or numbers of `citekey` by these rows (`conn`: a
    sqlite3 connection, the writer's, or a read-only one's TEMP copies of the tables)."""
    if contexts is not None:
        conn.execute("delete from cite_contexts where citekey = ?", [citekey])
        conn.executemany(
            'insert into cite_contexts (citekey, version, idx, page, start, "end", marker_start, marker_end, '
            "marker, style, sentence) values (?,?,?,?,?,?,?,?,?,?,?)", contexts)
    if numbers is not None:
        conn.execute("delete from text_numbers where citekey = ?", [citekey])
        conn.executemany('insert into text_numbers (citekey, version, page, start, "end", number, value, '
                         "unit, unit_text, kind, sentence) values (?,?,?,?,?,?,?,?,?,?,?)", numbers)
    return len(contexts if contexts is not None else numbers or [])


def _derive_text(job: tuple) -> tuple[str, list[tuple], list[tuple]]:
    """The contexts and numbers of one text: a pure function of it and its reference
    list, so many run on every core (kb.ops.bulk.map_in_order)."""
    citekey, version, pages, refs = job
    return citekey, _context_rows(citekey, version, pages, refs), _number_rows(citekey, version, pages)


def _numbers(conn, citekey: str, page: int | None = None) -> list[Candidate]:
    sql = ('select page, start, "end", number, value, unit, unit_text, kind, sentence from text_numbers '
           "where citekey = ?" + (" and page = ?" if page is not None else "") + " order by page, start")
    return [Candidate(page=p, start=a, end=b, number=n, value=v or 0.0, unit=u, unit_text=ut or "", kind=k,
                      sentence=st or "")
            for p, a, b, n, v, u, ut, k, st in conn.execute(sql, [citekey] + ([page] if page is not None else []))]


#: A percentage's number as a note prints it ("20", "66.7").
_NUMBER_RE = lazy(rf"(?P<sign>(?!))?(?P<cur>(?!))?(?P<mant>{MANTISSA})(?P<exp>(?!))?(?P<scale>(?!))?")

#: From this many texts waiting (the first audit after a bulk import or kb rebuild),
#: their numbers and contexts are found on every core where the caller asks for it
#: (the knowledge base opened with jobs=None, as the commands open it: KB.jobs).
PARALLEL_FROM = 20
#: How texts' figures and citation contexts are read (_derive_text: extract_candidates,
#: find_contexts); bumped when what either finds in a text changes. An index whose rows
#: another reading made (the meta row 'derived_reading' differs, or an index from before
#: it) lists every text as waiting again, once: the next kb audit reads them all anew,
#: as it would after kb rebuild, instead of restating against figures kb no longer finds.
#: 4: a marker of a work republished, 'Doe (1950/2020)', names its entry by either year; also:
#: words beside a rate's verb ("25 kWh were used in total per run", "consumed in each run", "daily", more verbs)
#: leave it the rate's, per any noun counted; a figure with its interval or spread bracketed before its unit or noun
#: ("3.6 (3.1–4.2) kWh", "12 (IQR 8–20) participants") is found, in that unit.
#: 5: a body's name of more words cited whole names its entry ('(Stanford HAI, 2023)', 'International Energy Agency
#: (2022)'), and a marker with a page after its year ('(Doe, 2020, p. 4)', '(Doe, 2020: 4)') names its entry, as does
#: a name pypdf broke ('( V aswani et al. , 2017)', '(Rad- ford et al., 2019)') and an acronym the paper defines
#: at a body's first citation ('(World Health Organization [WHO], 2018)', then '(WHO, 2018)').
#: 5 also: a per right after an amount, no verb ("drew 25 kWh per run", "5 kg CO2e per flight", "$3,000 per run") makes it
#: a rate; a scale after a bracketed interval is its figure's ("$3.6 ($3.1–$4.2) million"); a mean's decimal count.
#: 6: a count per things carries its per ("8 GPUs per node", "eight accelerators on every server", "each node has
#: 8 GPUs": GPU per node, never 8 GPUs nor 8 GPUs per rack), and an amount "in each run" is per run, as is a figure
#: with what it is of before its per ("0.004 kWh of energy per query", "two hundred pages of text per case").
#: 7: the per of a count whose noun is two words ("87 token edits per paragraph"), of what each of the things named
#: before holds ("64 nodes each with 8 GPUs", "64 nodes with 8 GPUs each": per node) and of "for each of the runs"
#: (per run).
#: 8: a count "each" distributes over things named before it and a verb is per one of them ("the servers each have
#: 8 GPUs": per server); "8 GPUs each", "they each have 8 GPUs" naming none is per each, and confirms no total.
#: 9: a unit of volume, length, mass or time spelled out or abbreviated is that unit ("5 metres": 5 m, was 5 item);
#: the M of a share "N in M things" is no figure ("1 in 5 patients": was 5 patient); "Each has 8 GPUs" and "they
#: each used 5 kWh": per each, and "the servers each used 5 kWh": per server (was a total).
#: 10: a unit pint knows spelled out as a noun is that unit with its per ("3 acres per household": acre per household,
#: was item; "3 barrels per day": bbl/day, was item/day); "each" after an amount that adds up or a count is per what the
#: subject names ("the runs used 5 kWh each": per run, was a total), as "each of them has 8 GPUs" (per each) and "each
#: run used 5 kWh" (per run) are; "1 in 5 patients" and "2 of the 12 runs" print their shares (20%, 16.7%), and "5 in
#: 10 minutes" is no share (10 min, was no figure); a bare "s" or "m" the sentence makes a unit is one ("within 5 s",
#: "5 m long": 5 s, 5 m, was no figure; "5 m users" stays no figure); "each" opening a clause makes no per ("8 GPUs each
#: running at 300 W": 8 GPUs, was 8 GPUs per "running").
#: 11: "5 models, each taking 3 hours": 3 h per model; table years: no figures; "1.5–2.5 million": both scaled.
#: 12: a per a heading or a header names is its figures' ("emissions per flight were 5 kg": 5 kg per flight); a header
#: naming two units gives each column its own ("Emissions (tCO2e) Energy (MWh)": 1,234 tCO2e, was MWh).
#: 13: a row's label or a header's adverb names its cells' per ("per day 36 30", "Daily energy (kWh)": per day); "1.4T
#: tokens": 1.4 trillion; "Model Queries Energy (kWh) base 1,000 2.9": 1,000 queries, was 1,000 kWh; "Share (%)" over
#: rows of one cell: percentages; "Energy [kWh] CO2eq [kg] x 1056 534.4": no kWh of 534.4.
#: 14: a row's number after its label's name among rows of one cell is the name's ("Energy (kWh) BERT 23 GPT 900 41":
#: 41 kWh, was 900 kWh or no figure).
#: 15: a header run into its row names no unit for a column it names with none ("Model Energy (kWh) Runs BERT 23 5": no
#: figure of 5, was 5 kWh).
#: 16: a page's number on its first line and a draft's line numbers are no figures ("4977\nS2ORC consists": was 4977
#: items); nor a volume before its issue ("volume 25:1"), a product ("2 × 8 GPUs"), an exponent apart ("2.2e − 16").
#: 17: a verb after "each" names no per ("512 TPUs each ran for 2 days": 512 TPUs, was per "ran"; 2 days per TPU).
#: 18: an equation's term is no count ("11 items" of "x^2 + 3x = 11 items" was a candidate); a percentage "for each
#: X" is no rate per X ("30 % for each model": 30 %, was 30 %/model); nor a cross-validation's folds a factor ("5-fold").
#: 19: a length's power after its symbol, flat or raised ("3 km2", "5 m3", "5 cm³"), is an area or a volume ("3 km2":
#: 3 km², was 3 km; "5 m3": 5 m³, was no figure).
#: 20: fluid ounces on a page are a volume ("16 fluid ounces": 16 US fl oz, was 16 oz of mass; "2 fl oz" a figure).
#: 21: a quote citing nothing is checked in the work the rest of its sentence names by its title ('"...," as *Power
#: Hungry Processing* shows.'), where one paper here is so titled (was not checked).
#: 22: prose quoting a work under a heading a reference list may have ('# Sources', '## Literature') is read as prose,
#: its quote checked or listed unchecked (was dropped as the list's entry); '(Roe, 2020, p. 4, quoting Doe, 2019)' is
#: checked in Roe at page 4 (was not read as a citation).
#: 23: a secondary citation is checked in the work read at its page: MLA's '(Doe et al. 8, quoting Roe et al.)',
#: '(Roe 2019, qtd. in Doe et al. 8)', and '[3] (quoted in [5])', '[@roe] (qtd. in [@doe, p. 8])' (checked in [3] before)
#: 24: a footnote naming the work read and the one it quotes ('[^2]: Doe 2019, quoted in Roe 2021, p. 8.', 'Roe 2021,
#: 8, citing Doe 2019.') cites the work read at its page (no source before); a quotation set off after a lead-in ending
#: in a colon, and an Org block under an Org heading with its citation on the next line, are checked (were not).
#: 25: a figure's sentence at a page's top or bottom leaves out the running header and footer (a sentence going on
#: from the page before began with the header).
#: 26: a paper's own page count in the reference format its first page prints before its DOI ("USA, 21 pages.
#: https://doi.org/...") is no figure; a footnote's mark before a device's name counts no device.
#: 27: a list of figures whose unit only its last prints, 'respectively' after it, gives each figure in that unit ("12
#: and 35 kWh, respectively": 12 kWh too); 'ibid.', 'op. cit.' and MLA's names with their page cite as a note reads them.
DERIVED_READING = "27"


def ensure_derived(kb: KB, jobs: int | None | AsOpened = AS_OPENED) -> int:
    """Make the contexts and numbers of every text waiting for them (the derive step lists
    them in derive_later: kb.ops.derive.derive_later), in one transaction under the writer
    lock, with progress; on `jobs` processes (None: every core from PARALLEL_FROM texts; by
    default as the knowledge base was opened, KB.jobs: every core for the commands, this
    process for the library, since spawned workers import the main script again, and a
    script calling this unguarded would start workers of its own there). Returns how many
    texts. A knowledge
    base kb cannot write here (a read-only mount) gets them for this run only: TEMP copies
    of the tables, which this connection's queries read instead."""
    ensure_references(kb)           # the contexts are of reference list entries
    jobs = kb.jobs_for(jobs)
    conn = kb.conn
    if not _read_otherwise(conn) and conn.execute("select 1 from derive_later limit 1").fetchone() is None:
        return 0
    if read_only(kb.db_path):
        # The list of waiting texts is copied too, to be emptied as they are read: a second
        # audit in this process finds them made.
        begun = conn.execute("select 1 from temp.sqlite_master where name = 'derive_later'").fetchone()
        for table in ("cite_contexts", "text_numbers", "derive_later"):
            conn.execute(f"create temp table if not exists {table} as select * from main.{table}")
        if begun is None and _read_otherwise(conn):
            _wait_again(conn)
        return _derive_waiting(kb, conn, lambda citekey: conn.execute(
            "delete from temp.derive_later where citekey = ?", [citekey]), jobs)
    with kb.writing():
        with transaction(kb.db):
            if _read_otherwise(kb.db.conn):
                _wait_again(kb.db.conn)
                kb.db.execute("insert or replace into meta (key, value) values ('derived_reading', ?)",
                              [DERIVED_READING])
            return _derive_waiting(kb, kb.db.conn, lambda citekey: kb.db.execute(
                "delete from derive_later where citekey = ?", [citekey]), jobs)


def _read_otherwise(conn) -> bool:
    """Whether the stored figures and contexts were made by another reading than this kb's
    (DERIVED_READING), or by a kb from before the reading was recorded."""
    row = conn.execute("select value from meta where key = 'derived_reading'").fetchone()
    return row is None or row[0] != DERIVED_READING


def _wait_again(conn) -> None:
    """List every paper with text as waiting for its figures and contexts (as m015 did)."""
    conn.execute("insert into derive_later (citekey, version) select distinct v.citekey, null from versions v "
                 "where v.text_status = 'ok' and not exists (select 1 from derive_later d where d.citekey = v.citekey)")


def _derive_waiting(kb: KB, conn, done_with, jobs: int | None) -> int:
    """The contexts and numbers of the texts derive_later lists, into `conn`'s tables;
    `done_with(citekey)` after each (and for a listed paper that has no text now); on
    `jobs` processes (ensure_derived)."""
    waiting = [r[0] for r in conn.execute("select citekey from derive_later order by citekey")]
    texts = []
    for citekey in waiting:
        if paper_exists(conn, citekey) and versions_with_text(conn, citekey):     # read once, below
            texts.append(citekey)
        else:
            done_with(citekey)

    def tasks():
        for citekey in texts:
            text = load_text(conn, citekey, None)
            yield citekey, text.version, text.pages, _refs_of(conn, citekey)

    label = "reading figures and citation contexts"
    workers = jobs if jobs is not None else default_jobs() if len(texts) >= PARALLEL_FROM else 1
    done = 0
    for citekey, contexts, numbers in map_in_order(_derive_text, tasks(), workers):
        _store_derived(conn, citekey, contexts, numbers)
        done_with(citekey)
        done += 1
        kb.progress(label, done, len(texts), "papers")
    return done


# ---------------------------------------------------------------- reading numbers

@functools.lru_cache(maxsize=65536)
def _interval(number: str, unit: str) -> Interval | None:
    """The figure as written, to the last digit printed: "100 GPUs" is 99.5 to 100.5 here (a
    restated figure keeps its digits), not the 50 to 150 a stated round number may mean."""
    try:
        iv = Interval.from_written(f"{number} {unit}".strip())
    except (KBError, ValueError, ArithmeticError):
        return None
    whole = r"\d{1,3}(?:,\d{3})+|\d+"
    if re.fullmatch(whole, number.strip()) and iv.hi - iv.lo > 1:
        return Interval(iv.nominal - 0.5, iv.nominal, iv.nominal + 0.5, iv.unit, iv.written)
    m = re.fullmatch(rf"({whole})\s*[-–—]\s*({whole})", number.strip())
    if m:     # "20-40 %": from 19.5 to 40.5, not from 15 to 45
        lo, hi = (float(x.replace(",", "")) for x in m.groups())
        if lo <= hi:
            return Interval(lo - 0.5, (lo + hi) / 2, hi + 0.5, iv.unit, iv.written)
    return iv


_RANGE = lazy(r"\s*([-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?:to|[-–—]|and)\s*"
             r"([-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*")


def _range_ends(number: str, unit: str) -> tuple[Interval, Interval] | None:
    """A range's two ends, each a figure to its last digit ("4 to 552": 3.5 … 4.5 and 551.5 …
    552.5); None for a single figure. A range gives the least and the most of what it spans
    (the emissions of several models, say): a figure between them is none of its figures."""
    m = _RANGE.fullmatch(number)
    if m is None:
        return None
    ends = [_interval(end, unit) for end in m.groups()]
    if ends[0] is None or ends[1] is None:
        return None
    return ends[0], ends[1]


_PHYSICAL = frozenset({"[mass]", "[length]", "[time]", "[co2e]", "[current]", "[temperature]", "[substance]",
                       "[luminosity]"})


def _comparable(a, b) -> bool:
    """Same dimension; counts of things (GPUs, TPUs, parameters) only of the same thing."""
    if a.dimensionality != b.dimensionality:
        return False
    dims = set(dict(a.dimensionality))
    if all(d in _PHYSICAL or d.startswith("[currency") for d in dims):
        return True
    return a == b


def _co2e(unit: str) -> str | None:
    """'kg' -> 'kgCO2e': a mass said to be "of CO2" compared with CO2-equivalent figures."""
    m = re.fullmatch(r"(t|kg|g|lb|Mt|Gt|mt)(/.*)?", unit)
    return f"{m.group(1)}CO2e{m.group(2) or ''}" if m else None


@functools.lru_cache(maxsize=65536)
def _same_dimension(a: str, b: str) -> str | None:
    """`a` spelled so it converts to `b` ('kg' against 'lbCO2e' -> 'kgCO2e'), or None."""
    try:
        ua, ub = parse_unit(a), parse_unit(b)
    except (KBError, ValueError):
        return None
    if _comparable(ua, ub):
        return a
    alt = _co2e(a)
    if alt:
        try:
            if _comparable(parse_unit(alt), ub):
                return alt
        except (KBError, ValueError):
            return None
    return None


@functools.lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower().rstrip("s") for w in _WORD_RE.findall(text) if w.lower() not in _STOP)


@dataclass
class _SourceQ:
    page: int
    number: str
    unit: str
    sentence: str
    interval: Interval
    #: what a rate kb counts as items is per, as printed ("run" of "25 kWh per run", unit kWh/item)
    per: str = ""
    #: the figure as the page prints it ("8 GPUs per node", "25 kWh per run"), never a unit's reading of it
    #: ("8 GPU/item"); "" for a claim's or a cell's, shown as its number and unit
    shown: str = ""

    @property
    def figure(self) -> str:
        return self.shown or f"{self.number} {self.unit}".strip()


def _per_printed(unit: str, unit_text: str) -> str:
    """What a figure read in a rate per items is per, as printed ("run" of "kWh per run"); "" for another unit."""
    words = _PER_SPLIT.split(unit_text)[-1].split() if unit.endswith("/item") and _PER_SPLIT.search(unit_text) else []
    return words[-1].lower() if words else ""


#: ... or "each" as the per of a count each of things the page does not name holds ("8 GPUs each").
_PER_SPLIT = lazy(r"\s+per\s+|\s*/\s*|\s+(?=each$)")


def _page_q(c: Candidate, iv: Interval) -> _SourceQ:
    """A figure of the cited paper's page (`c`, as kb stores its numbers) as audit compares and shows it: its per
    as printed; a count as the page writes it ("8 GPUs", "8 GPUs per node", never "8 GPU/item"), another rate
    per things in its unit with that per ("25 kWh per run", never "25 kWh/item")."""
    per = _per_printed(c.unit, c.unit_text)
    amount = c.unit[:-len("/item")] if c.unit.endswith("/item") else c.unit
    if _counted(amount) and c.unit_text:
        shown = " ".join(f"{c.number} {c.unit_text}".split())
    else:
        shown = f"{c.number} {amount} per {per}" if per else ""
    return _SourceQ(c.page, c.number, c.unit, c.sentence, iv, per, shown)


@functools.lru_cache(maxsize=1024)
def _counted(unit: str) -> bool:
    """Whether a canonical unit counts things or devices ("GPU", "item", "token")."""
    try:
        dims = set(dict(parse_unit(unit, nouns=True).dimensionality))
    except KBError:
        return False
    return bool(dims) and all(d in ("[count]", "[accelerator]") for d in dims)


def _same_per(a: str, b: str) -> bool:
    """Whether two rates' pers as printed ("run", "runs"; "flight", "trip") are per the same things."""
    if a == b:
        return True
    forms = [set(count_forms(x)) or {x, x[:-1] if x.endswith("s") and not x.endswith("ss") else x} for x in (a, b)]
    return bool(forms[0] & forms[1])


class _Source:
    """What a cited paper prints: its claims and the numbers of its text (stored at ingest),
    and, read when first needed, its bare numbers (table cells whose unit is in a header)."""

    def __init__(self, conn, citekey: str):
        self.conn = conn
        self.citekey = citekey
        self.quantities: list[_SourceQ] = []
        self.units: set[str] = set()
        self._bare: list[tuple[int, str, str]] | None = None
        self._shares: list[tuple[int, str, Decimal, str]] | None = None
        self._groups: dict[str, list[tuple[float, float, float, _SourceQ]]] | None = None
        self._bare_base: dict[str, list[tuple[float, float, int, str, str]]] = {}

    def groups(self) -> dict[str, list[tuple[float, float, float, _SourceQ, tuple | None]]]:
        """The quantities by unit, each with its interval in base units, and a range's two
        ends in base units (None for a single figure), computed once."""
        if self._groups is None:
            self._groups = {}
            for q in self.quantities:
                b = _base(q.interval, q.unit)
                if b is not None:
                    ends = _range_ends(q.number, q.unit)
                    ends = tuple(_base(e, q.unit) for e in ends) if ends is not None else None
                    self._groups.setdefault(q.unit, []).append((b[0], b[1], b[2], q, ends))
        return self._groups

    def bare_in(self, unit: str) -> list[tuple[float, float, int, str, str]]:
        """The bare numbers read in `unit`, as base-unit ranges (computed once per unit)."""
        if unit not in self._bare_base:
            f = _factor(unit)
            out = []
            for page_no, number, line in (self.bare if f is not None else []):
                iv = _interval(number, unit)
                if iv is not None:
                    lo, hi = sorted((iv.lo * f, iv.hi * f))
                    out.append((lo, hi, page_no, number, line))
            self._bare_base[unit] = out
        return self._bare_base[unit]

    def share_of(self, number: str) -> list["_SourceQ"]:
        """The shares the paper prints in words ("one in five", "two thirds") that the percentage
        `number` ("20", "66.7") rounds, as the paper's figures."""
        try:
            written = read_number(_NUMBER_RE.fullmatch(number.replace(" ", "")))
        except (KBError, TypeError, AttributeError):
            return []
        if self._shares is None:
            self._shares = []
            text = load_text(self.conn, self.citekey, None)
            for page_no, page in enumerate(text.pages if text else [], start=1):
                for start, end, value in shares_in(page):
                    a = page.rfind("\n", 0, start) + 1
                    b = page.find("\n", end)
                    line = page[max(a, start - 150):b if b > 0 else end + 150]
                    self._shares.append((page_no, " ".join(page[start:end].split()), value, " ".join(line.split())))
        scale = Decimal("0.01")
        return [_SourceQ(page_no, words, "", line, Interval.exact(float(value) * 100, "%"))
                for page_no, words, value, line in self._shares
                if share_holds(value, written.value * scale, written.half_unit * scale)]

    @property
    def bare(self) -> list[tuple[int, str, str]]:
        if self._bare is None:
            self._bare = []
            text = load_text(self.conn, self.citekey, None)
            for page_no, page in enumerate(text.pages if text else [], start=1):
                for m in _BARE_RE.finditer(page):
                    a = page.rfind("\n", 0, m.start()) + 1
                    b = page.find("\n", m.end())
                    line = page[max(a, m.start() - 150):b if b > 0 else m.end() + 150]
                    self._bare.append((page_no, m.group(1), " ".join(line.split())))
        return self._bare


# No whole number with a leading zero: "000" is the end of "10 000" (a thousands space), never
# a figure, and read in a large unit its ±0.5 would take in any small figure.
_BARE_RE = lazy(r"(?<![\w.,])([1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|[1-9]\d{2,})(?![\w,]|\.\d)")


def _source(kb: KB, citekey: str, cache: dict) -> _Source:
    if citekey in cache:
        return cache[citekey]
    src = _Source(kb.conn, citekey)
    # only a claim that stands verified is a figure of the paper: one stored unverified (--force, a
    # quote not found) or whose value its quote does not hold (a hand edit) is a person's word
    for cid, number, unit, page, quote in kb.conn.execute(
            "select id, number, unit, page, quote from claims where citekey = ? and number is not null "
            f"and {claim_stands_sql()}", [citekey]):
        iv = _interval(number, unit or "")
        if iv is not None and unit:
            src.quantities.append(_SourceQ(page or 0, number, unit, quote or cid, iv))
            src.units.add(unit)
    for c in _numbers(kb.conn, citekey):
        iv = _interval(c.number, c.unit)
        if iv is not None:
            src.quantities.append(_page_q(c, iv))
            src.units.add(c.unit)
    cache[citekey] = src
    return src


_UNIT_IN_WORDS_RE = lazy(r"\(\s*in\s+([A-Za-z][A-Za-z \-/]{1,40}?)\s*\)"
                         r"|\b(?:in|of)\s+((?:[A-Za-z\-]+\s+){0,2}per\s+[A-Za-z\-]+)")


def _coefficient_unit(c: Candidate, page: str) -> Candidate | None:
    """A coefficient of a formula whose unit the text before it states in words: "average CO2
    produced (in pounds per kilowatt-hour) ... CO2e = 0.954pt" is 0.954 lb/kWh."""
    window = page[max(0, c.start - 400):c.start]
    found = None
    for m in _UNIT_IN_WORDS_RE.finditer(window):
        phrase = " ".join((m.group(1) or m.group(2)).split())
        try:
            unit = parse_unit(phrase)
        except (KBError, ValueError):
            continue
        if not unit.dimensionless:
            found = (format_unit(unit), m.start())
    if found is None:
        return None
    unit, _ = found
    sentence = " ".join(page[max(0, c.start - 400):c.end + 100].split())
    return dataclasses.replace(c, unit=unit, kind="quantity", sentence=sentence)


# ---------------------------------------------------------------- attribution

class _Sentence:
    """The sentence page[start:end], read once for what is asked of each figure in it: the clause
    around a place and how long a stretch of the page is with its whitespace collapsed, each answered
    by bisection. A quote of a megabyte holding thousands of figures costs its length once, where each
    figure read it whole (an audit of such a note took time growing with the square of its length)."""

    __slots__ = ("page", "start", "end", "_cut_starts", "_cut_ends", "_run_starts", "_run_ends", "_run_chars")

    def __init__(self, page: str, start: int = 0, end: int | None = None):
        self.page, self.start = page, start
        self.end = len(page) if end is None else end
        text = page[start:self.end]
        cuts = [(m.start(), m.end()) for m in _CLAUSE_RE.finditer(text)]
        self._cut_starts = [a for a, _ in cuts]
        self._cut_ends = [b for _, b in cuts]
        runs = [(start + m.start(), start + m.end()) for m in _NON_SPACE_RE.finditer(text)]
        self._run_starts = [a for a, _ in runs]
        self._run_ends = [b for _, b in runs]
        self._run_chars = list(itertools.accumulate((b - a for a, b in runs), initial=0))

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause of the sentence around `pos` (both relative to the sentence's start): from the
        end of the last cut ("; ", ", ", "while", ". ") ending at or before it to the first starting
        at or after it."""
        i = bisect.bisect_right(self._cut_ends, pos)
        j = bisect.bisect_left(self._cut_starts, pos)
        return (self._cut_ends[i - 1] if i else 0,
                self._cut_starts[j] if j < len(self._cut_starts) else self.end - self.start)

    def collapsed(self, a: int, b: int) -> int:
        """len(" ".join(page[a:b].split())): its characters but whitespace, and one space between words."""
        if b <= a:
            return 0
        if a < self.start or b > self.end:         # beyond the sentence: read as it stands
            return len(" ".join(self.page[a:b].split()))
        i = bisect.bisect_right(self._run_ends, a)          # the first word ending after a
        j = bisect.bisect_left(self._run_starts, b)         # the first word starting at or after b
        if j <= i:
            return 0
        chars = self._run_chars[j] - self._run_chars[i]
        chars -= max(0, a - self._run_starts[i]) + max(0, self._run_ends[j - 1] - b)
        return chars + (j - i) - 1

    def distance(self, pos: int, pos_end: int, m: tuple) -> int:
        """Characters (whitespace collapsed) between the figure at page[pos:pos_end] and the marker m."""
        ms, me = m[0], m[1]
        return self.collapsed(pos_end, ms) if ms >= pos_end else self.collapsed(me, pos) if me <= pos else 0

    def nearest(self, pos: int, pos_end: int, markers: list[tuple]) -> tuple:
        """Of markers (start, end, ...), the one a figure at page[pos:pos_end] restates: the
        subject of its clause ("[Str19] estimates ... N"), else the nearest, before it on a tie."""
        subjects = [m for m in markers if m[0] < pos and _SAYS_RE.match(self.page, m[1])]
        return min(subjects or markers, key=lambda m: (self.distance(pos, pos_end, m), m[0] > pos))


_NON_SPACE_RE = lazy(r"\S+")
_NEWLINE_RE = lazy(r"\n")


def _attribute(read: _Sentence, pos: int, pos_end: int, markers: list[tuple[int, int, str | None, str]]
               ) -> tuple[str, str] | None:
    """The cited paper (and marker) a number at page position `pos` of the sentence `read` restates,
    or None (the clause is the citing paper's own work, or names a work outside the knowledge base)."""
    page, start = read.page, read.start
    ca, cb = read.clause(pos - start)
    inside = [m for m in markers if ca <= m[0] - start < cb]
    if not inside:
        if _OWN_RE.search(page, start + ca, start + cb):
            return None
        inside = markers
    best = read.nearest(pos, pos_end, inside)
    if read.distance(pos, pos_end, best) > MAX_DISTANCE or best[2] is None:
        return None
    between = page[pos_end:best[0]] if best[0] >= pos_end else page[best[1]:pos]
    if len(_CELL_RE.findall(between)) > 3:
        return None        # a table flattened into the sentence: other cells sit between them
    return best[2], best[3]


class _NoteSentence:
    """A note's sentence and its citations (start, end), read once for every figure in it."""

    def __init__(self, sentence: str, marks: list[tuple[int, int]]):
        # the citations themselves read as one word, so the comma of "[@doe, p. 3]" ends no clause
        pieces, at = [], 0
        for a, b in sorted(marks):
            if b > at:
                pieces += [sentence[at:max(a, at)], "x" * (b - max(a, at))]
                at = b
        self.read = _Sentence("".join(pieces) + sentence[at:])
        self.markers = [(a, b, i) for i, (a, b) in enumerate(marks)]
        self._own: dict[tuple[int, int], int | None] = {}
        self._owned: dict[int | None, list] | None = None
        # citations in order, none overlapping another (as written): the nearest found by bisection, not by
        # measuring the distance to every one (a sentence of thousands of citations: each figure read them all)
        ms = self.markers
        self._ordered = all(a < b for a, b, _ in ms) and all(x[1] <= y[0] for x, y in zip(ms, ms[1:]))
        if self._ordered:
            self._starts = [a for a, _, _ in ms]
            last, self._last_says = -1, []
            for k, m in enumerate(ms):
                last = k if _SAYS_RE.match(self.read.page, m[1]) else last
                self._last_says.append(last)

    def own_citation(self, pos: int, pos_end: int) -> int | None:
        """Which of the sentence's citations a figure at sentence[pos:pos_end] is cited to: one in its
        clause, else the nearest in the sentence; None when the clause is the writer's own ("we
        measured ...") and cites nothing. Found once per figure, however many citations the sentence holds
        and asks it (a sentence of thousands of citations asked it for each: an audit of it took hours)."""
        if (pos, pos_end) not in self._own:
            self._own[(pos, pos_end)] = self._own_citation(pos, pos_end)
        return self._own[(pos, pos_end)]

    def owned(self, figures: list) -> dict[int | None, list]:
        """The sentence's figures by the citation each is cited to (None: the writer's own), in order; found once
        for the sentence, not once for each of its citations."""
        if self._owned is None:
            self._owned = {}
            for cand in figures:
                self._owned.setdefault(self.own_citation(cand.start, cand.end), []).append(cand)
        return self._owned

    def _own_citation(self, pos: int, pos_end: int) -> int | None:
        ca, cb = self.read.clause(pos)
        if not self._ordered:
            inside = [m for m in self.markers if ca <= m[0] < cb]
            if not inside and _OWN_RE.search(self.read.page, ca, cb):
                return None
            return self.read.nearest(pos, pos_end, inside or self.markers)[2]
        lo, hi = bisect.bisect_left(self._starts, ca), bisect.bisect_left(self._starts, cb)
        if lo == hi:
            if _OWN_RE.search(self.read.page, ca, cb):
                return None
            lo, hi = 0, len(self.markers)
        # as _Sentence.nearest: a subject before the figure ("[@doe] estimates ... N"), the last one being the
        # nearest; else the nearest, which only those beside the figure or over it can be
        k = bisect.bisect_left(self._starts, pos, lo, hi)
        said_by = self._last_says[k - 1] if k > lo else -1
        if said_by >= lo:
            return self.markers[said_by][2]
        end = bisect.bisect_left(self._starts, pos_end, lo, hi)
        near = self.markers[max(lo, k - 1):min(hi, end + 1)]
        return min(near, key=lambda m: (self.read.distance(pos, pos_end, m), m[0] > pos))[2]


# ---------------------------------------------------------------- verdicts

@functools.lru_cache(maxsize=4096)
def _factor(unit: str) -> float | None:
    """What one `unit` is in base units (conversions are then float products, not pint calls)."""
    try:
        return to_base(1.0, unit)[0]
    except (KBError, ValueError, ArithmeticError):
        return None


def _base(iv: Interval, unit: str) -> tuple[float, float, float] | None:
    f = _factor(unit)
    if f is None:
        return None
    lo, hi = sorted((iv.lo * f, iv.hi * f))
    return lo, iv.nominal * f, hi


def _overlap(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    """Whether two figures' intervals share more than an end: "15" (14.5 … 15.5) is no
    restatement of "16" (15.5 … 16.5); an exact value inside the other's interval is."""
    lo, hi = max(a_lo, b_lo), min(a_hi, b_hi)
    if a_lo == a_hi or b_lo == b_hi:
        return lo <= hi
    return hi - lo > 1e-9 * max(abs(lo), abs(hi))


@functools.lru_cache(maxsize=65536)
def _figure_base(number: str, unit: str) -> tuple[float, float, float] | None:
    iv = _interval(number, unit)
    return _base(iv, unit) if iv is not None else None


def _agrees(a: tuple[float, float, float], lo: float, nominal: float, hi: float, converted: bool) -> bool:
    """Whether the figure `a` (lo, nominal, hi, in base units) restates the paper's figure lo … hi:
    their intervals overlap, and a figure in another unit (`converted`) is the paper's to the
    precision it is itself written with ("0.5 hours" of "30 minutes", "1.2 MWh" of "1,200 kWh",
    "284 tCO2e" of "626,155 lbs"; never "171 days" of "6 months", which spans 5.5 to 6.5 months:
    171 days are 5.6 months, a figure the paper does not give)."""
    if not _overlap(a[0], a[2], lo, hi):
        return False
    if not converted:
        return True
    slack = 1e-9 * max(abs(a[0]), abs(a[2]))
    return a[0] - slack <= nominal <= a[2] + slack


@functools.lru_cache(maxsize=65536)
def _converted(a: str, b: str) -> bool:
    """Whether a figure in unit `a` is another unit's than one in `b` ("days" and "month"), not the
    same unit spelled otherwise ("lbs CO2e" and "lbCO2e", "KWh" and "kWh")."""
    fa, fb = _factor(a), _factor(b)
    return fa is None or fb is None or abs(fa - fb) > 1e-9 * max(abs(fa), abs(fb))


#: The ends of a range, as `kb audit` names the one that differs.
ENDS = ("low", "high")


def _verdict(figure: Candidate, sentence: str, src: _Source
             ) -> tuple[str, _SourceQ | None, float | None, str | None]:
    """The verdict on `figure`, the paper's figure it rests on, the relative difference, and for a
    range that differs from the paper's range the end that differs ("low" or "high"; None else)."""
    if _interval(figure.number, figure.unit) is None:
        return "not-in-source", None, None, None
    confirmed: list[_SourceQ] = []
    same_dim: list[tuple[_SourceQ, float]] = []
    #: a range's nearest ranges of the paper: (q, the end that differs, its difference, the other's)
    same_ranges: list[tuple[_SourceQ, str, float, float]] = []
    per = _per_printed(figure.unit, figure.unit_text)
    for q_unit, group in src.groups().items():
        unit = _same_dimension(figure.unit, q_unit)
        a = _figure_base(figure.number, unit) if unit is not None else None
        if a is None:
            continue
        converted = _converted(unit, q_unit)
        a_ends = _range_ends(figure.number, unit)
        a_ends = tuple(_base(e, unit) for e in a_ends) if a_ends is not None else None
        for lo, nominal, hi, q, ends in group:
            if (per or q.per) and not (per and q.per and _same_per(per, q.per)):
                continue        # "25 kWh per run" is no "25 kWh per query", nor "5 kg CO2e per trip" one per flight
            # A range gives the least and the most of what it spans: a range restates a range
            # end for end, one figure is one of its ends (not one between them), and a range
            # is no restatement of one figure.
            if a_ends is not None and None not in a_ends:
                same = ends is not None and None not in ends and all(
                    _agrees(x, y[0], y[1], y[2], converted) for x, y in zip(a_ends, ends))
                if not same and ends is not None and None not in ends and all(e[1] for e in ends):
                    diffs = [(x[1] - y[1]) / abs(y[1]) for x, y in zip(a_ends, ends)]
                    off = [not _agrees(x, y[0], y[1], y[2], converted) for x, y in zip(a_ends, ends)]
                    i = 0 if off[0] and (not off[1] or abs(diffs[0]) >= abs(diffs[1])) else 1
                    same_ranges.append((q, ENDS[i], diffs[i], abs(diffs[1 - i]) if off[1 - i] else 0.0))
            elif ends is None or None in ends:
                same = _agrees(a, lo, nominal, hi, converted)
            else:
                same = any(_agrees(a, e[0], e[1], e[2], converted) for e in ends)
            if same:
                confirmed.append(q)
            elif nominal:
                same_dim.append((q, (a[1] - nominal) / abs(nominal)))
    if not confirmed and not per and len(re.sub(r"\D", "", figure.number)) >= 3 and _RANGE.fullmatch(figure.number) is None:
        # a bare number of the cited paper in a unit it uses for this dimension (a table cell;
        # one figure, which no range restates)
        for unit in sorted(src.units):
            alt = _same_dimension(figure.unit, unit)
            a = _figure_base(figure.number, alt) if alt else None
            if a is None:
                continue
            converted = _converted(alt, unit)
            for lo, hi, page_no, number, line in src.bare_in(unit):
                if _agrees(a, lo, (lo + hi) / 2, hi, converted):
                    confirmed.append(_SourceQ(page_no, number, unit, line, _interval(number, unit)))
            if confirmed:
                break
    if not confirmed and figure.unit == "%" and _RANGE.fullmatch(figure.number) is None:
        # "20%" of "one in five", "67%" of "two thirds": a share the paper gives in words, as the
        # note's writer rounds it (never "25%" of "one in five")
        confirmed.extend(src.share_of(figure.number))
    words = _words(sentence)
    if confirmed:
        best = max(confirmed, key=lambda q: (len(words & _words(q.sentence)), -q.page))
        return "confirmed", best, 0.0, None
    # a range that misses is the paper's nearest range with one end (or both) changed: reported
    # against that range, naming the end that differs, never against a figure between its ends
    ranges = []
    for q, end, diff, other in same_ranges:
        shared = len(words & _words(q.sentence))
        if shared >= SUBJECT_WORDS and 1 / CLOSE_FACTOR <= 1 + diff <= CLOSE_FACTOR:
            ranges.append((shared, not other, -abs(diff) - other, q, diff, end))
    if ranges:
        *_, q, diff, end = max(ranges, key=lambda s: s[:3])
        return "differs", q, diff, end
    scored = []
    for q, diff in same_dim:
        shared = len(words & _words(q.sentence))
        if shared < SUBJECT_WORDS:
            continue
        ratio = 1 + diff
        if ratio <= 0 or not (1 / CLOSE_FACTOR <= ratio <= CLOSE_FACTOR):
            continue
        scored.append((shared, -abs(diff), q, diff))
    if scored:
        shared, _, q, diff = max(scored, key=lambda s: (s[0], s[1]))
        return "differs", q, diff, None
    return "not-in-source", None, None, None


def _restatable(cand: Candidate) -> bool:
    """A figure with a unit; not a factor ("88X smaller") nor a bare coefficient."""
    if not cand.unit or cand.kind == "coefficient":
        return False
    try:
        unit = parse_unit(cand.unit)
    except (KBError, ValueError):
        return False
    return not (unit.dimensionless and cand.unit != "%")


def _same_line(page: str, a: int, b: int) -> bool:
    return "\n" not in page[min(a, b):max(a, b)]


def _rid(citing: str, page: int, figure: str, cited: str, pos: int = 0) -> str:
    """Readable and stable while the citing text stays the same: citing.pPAGE.FIGURE.hash."""
    slug = re.sub(r"[^A-Za-z0-9]+", "", figure)[:24] or "x"
    digest = hashlib.sha1(f"{citing}|{page}|{figure}|{cited}|{pos}".encode()).hexdigest()[:6]
    return f"{citing}.p{page}.{slug}.{digest}"


# ---------------------------------------------------------------- the audit

def _check_only(only: list[str] | None, verdicts: tuple[str, ...] = VERDICTS) -> set[str] | None:
    if not only:
        return None
    bad = [v for v in only if v not in verdicts]
    if bad:
        raise UsageError(choice_said("--only", bad[0], verdicts))
    return set(only)


def audit(kb: KB, keys: list[str] | None = None, *, only: list[str] | None = None,
          include_judged: bool = False, jobs: int | None | AsOpened = AS_OPENED) -> list[Restatement]:
    """The restatements made by `keys` (default: every paper), with their verdicts; texts
    not yet read for their figures are read on `jobs` processes (ensure_derived)."""
    return list(iter_audit(kb, keys, only=only, include_judged=include_judged, jobs=jobs))


#: Cited papers whose numbers are held at once while auditing (the most recently used):
#: memory stays bounded however many papers the knowledge base holds.
SOURCES_HELD = 256


def iter_audit(kb: KB, keys: list[str] | None = None, *, only: list[str] | None = None,
               include_judged: bool = False, jobs: int | None | AsOpened = AS_OPENED) -> Iterator[Restatement]:
    """`audit`, one restatement at a time, citing paper by citing paper: it holds one
    citing paper's text and numbers and at most SOURCES_HELD cited papers', so a
    knowledge base of any size is audited in bounded memory (kb audit prints as it goes)."""
    wanted = _check_only(only)
    keys = paper_keys(kb.conn, keys) if keys else keys       # a key kept in its ids too; else the one "no paper X"
    ensure_derived(kb, jobs)
    conn = kb.conn
    sql = ("select c.citekey, c.page, c.start, c.\"end\", c.marker_start, c.marker_end, c.marker, r.resolved "
           "from cite_contexts c left join refs r on r.citekey = c.citekey and r.source = 'text' "
           "and r.idx = c.idx")
    args: list = []
    if keys:
        sql += f" where c.citekey in ({','.join('?' * len(keys))})"
        args = list(keys)
    sql += " order by c.citekey, c.page, c.start, c.marker_start"
    judged = {r[0]: (r[1], r[2]) for r in conn.execute("select id, verdict, note from restatements")}
    sources: collections.OrderedDict = collections.OrderedDict()
    rows = conn.execute(sql, args)
    for citekey, contexts in itertools.groupby(rows, key=lambda r: r[0]):
        groups: dict[tuple[int, int, int], list[tuple[int, int, str | None, str]]] = {}
        for _, page, start, end, ms, me, marker, resolved in contexts:
            groups.setdefault((page, start, end), []).append((ms, me, None if resolved == citekey else resolved,
                                                              marker))
        yield from _audit_citing(kb, citekey, groups, sources, judged, wanted, include_judged)


def _held_source(kb: KB, cited: str, sources: collections.OrderedDict) -> "_Source":
    if cited in sources:
        sources.move_to_end(cited)
    else:
        _source(kb, cited, sources)
        while len(sources) > SOURCES_HELD:
            sources.popitem(last=False)
    return sources[cited]


def _audit_citing(kb: KB, citekey: str, groups: dict, sources: collections.OrderedDict, judged: dict,
                  wanted: set[str] | None, include_judged: bool) -> Iterator[Restatement]:
    """The restatements of one citing paper's contexts (`groups`: (page, start, end) -> markers)."""
    conn = kb.conn
    pages: list[str] | None = None
    cands: dict[int, list[Candidate]] = {}
    seen: set[tuple] = set()
    for (page_no, start, end), markers in groups.items():
        if not any(m[2] for m in markers):
            continue
        if pages is None:
            text = load_text(conn, citekey, None)
            pages = text.pages if text is not None else []
        if page_no > len(pages):
            continue
        page = pages[page_no - 1]
        if page_no not in cands:
            cands[page_no] = _numbers(conn, citekey, page_no)
        # dedupe markers that name the same paper at the same place
        markers = list({(m[0], m[2]): m for m in markers}.values())
        read: _Sentence | None = None
        shown_sentence = ""
        for cand in cands[page_no]:
            if not (start <= cand.start < end) or not _restatable(cand):
                continue
            if cand.kind == "table" and not any(_same_line(page, cand.start, m[0]) for m in markers):
                continue        # a cell of a table flattened into the sentence, not the cited figure
            if read is None:
                read, shown_sentence = _Sentence(page, start, end), " ".join(page[start:end].split())
            who = _attribute(read, cand.start, cand.end, markers)
            if who is None:
                continue
            cited, marker = who
            figure = " ".join(f"{cand.number} {cand.unit_text or cand.unit}".split())
            key = (page_no, cand.start, cited)
            if key in seen:
                continue
            seen.add(key)
            near = " ".join(page[max(start, cand.start - 160):min(end, cand.end + 160)].split())
            verdict, q, diff, end_off = _verdict(cand, near, _held_source(kb, cited, sources))
            rid = _rid(citekey, page_no, figure, cited, cand.start)
            r = Restatement(id=rid, citing=citekey, citing_page=page_no, figure=figure, unit=cand.unit,
                            cited=cited, marker=marker, verdict=verdict,
                            cited_page=q.page if q else None,
                            cited_figure=q.figure if q else None,
                            difference=round(diff, 4) if diff is not None else None, end=end_off,
                            sentence=shown_sentence, cited_sentence=q.sentence if q else "")
            if rid in judged:
                r.judged, r.note = judged[rid]
                if not include_judged:
                    continue
            if wanted is None or r.verdict in wanted:
                yield r


_NOTE_SKIP_RE = lazy(r"<note-quote\b.*?</note-quote\s*>|^---\n.*?\n---\n", re.S)


def _note_prose(text: str) -> str:
    """A note's prose: the references list at its end, its <note-quote> elements and its
    front matter left out (blanked: line numbers stay the note's)."""
    cut = re.search(r"^(?:#+\s*|=+\s+)?(?:References|Bibliography|Works\s+Cited)\s*:?\s*$", text, re.M | re.I)
    body = text[:cut.start()] if cut else text
    return _NOTE_SKIP_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)


def _not_checked(q: NoteQuote, found) -> tuple[str, str]:
    """A citation naming no paper here, as the note writes it, and why, as `kb verify --note` says it."""
    cited = (q.attribution or found.reference or (q.citekey and f"@{q.citekey}") or q.source_link
             or q.source_text or "").rstrip(".")
    if found.several:
        return cited, f"the citation {cited!r} is ambiguous: {found.reason}; not checked"
    if found.maybe_none:
        return cited, f"{found.reason}: not checked"
    return cited, f"source not in the knowledge base: {found.reason}; not checked"


#: The most citations in a note's prose kb audit --note checks: each is looked up in its paper and its sentence's
#: figures read, 0.2 to 0.3 ms apiece (a note of a million citation marks took kb audit --note 160 s); a long
#: review's notes cite a few thousand times.
MAX_NOTE_CITATIONS = 20_000

#: The longest sentence (or quote) of a note whose figures kb audit --note reads: reading one costs time that grows
#: with its length and more (a note of one line of 20 MB, one "sentence", took 30 s and 665 MB); a longer one is
#: listed not checked, naming its line. A paragraph without a sentence's end is a sentence: a long table in one.
MAX_NOTE_SENTENCE = 20_000


def audit_note(kb: KB, path: Path, *, only: list[str] | None = None,
               jobs: int | None | AsOpened = AS_OPENED) -> list[Restatement]:
    """The numbers of a note's own prose, and of the quotes it cites, attributed to a paper of
    the knowledge base, checked against that paper. The citing page is the note's line."""
    wanted = _check_only(only, NOTE_VERDICTS)
    data = b""
    try:
        data = read_input(path, "the note")
        text = decode_saved(data)
    except OSError as exc:
        raise UsageError(f"cannot read {shown(path)}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        line, byte = undecodable_at(data, exc)
        raise UsageError(f"{shown(path)}:{line}: the note is not UTF-8 ({byte})") from None
    text = lf_lines(text)       # lines ending in \r alone: read as an editor shows them
    doc_lines: list[int] = []
    if text.lstrip()[:1] == "<" and is_html_document(text):
        text, doc_lines = html_note_text(text)      # a whole HTML document: its text, its lines the document's

    def told(line: int) -> int:
        """A line of the note as read, as its file numbers it."""
        return doc_lines[min(max(line, 1), len(doc_lines)) - 1] if doc_lines else line
    note = read_note(text, path, "kb audit --note")
    ensure_derived(kb, jobs)
    ctx = note_context(kb, note, path)

    unresolved: dict[int, tuple[str, str]] = {}     # id of a citation resolving to no paper: (as cited, why)

    def cited(q: NoteQuote) -> list[str]:
        """The papers a citation names: its first work and the others ("[@a; @b]", "[1, 2]"); naming none
        here, why (as `kb verify --note` says it) is kept in `unresolved`."""
        found = [explain_note_source(kb, note, w, ctx) for w in [q] + q.also]
        keys = list(dict.fromkeys(f.citekey for f in found if f.citekey is not None))
        if not keys and (q.citekey or q.source_link or q.source_text or q.attribution):
            unresolved[id(q)] = _not_checked(q, found[0])
        return keys

    # (line, text, the papers cited, where in the text each citation is and which one this
    # is: None for a quote's)
    items: list[tuple[int, str, list[str], tuple[list[tuple[int, int]], int] | None, NoteQuote | None]] = []
    for q in note.quotes:
        items.append((q.line, q.quote, cited(q), None, q))
    try:
        prose = sentence_citations(_note_prose(citations_as_pandoc(text)), note, MAX_NOTE_CITATIONS,
                                   MAX_NOTE_SENTENCE)
    except TooManyCitations:
        raise LimitExceeded(f"{shown(path)}: the note's prose cites works more than {MAX_NOTE_CITATIONS:,} times, "
                            f"more than kb audit --note checks of one note: nothing checked",
                            hint="split the note into smaller ones") from None
    for line, sentence, citations in prose:
        if not citations:           # a sentence too long to read (MAX_NOTE_SENTENCE): its citations not read
            items.append((line, sentence, [], ([], -1), None))
            continue
        marked = [(a, b) for a, b, _ in citations]      # one list for the sentence's every citation, never a copy each
        for i, (_, _, q) in enumerate(citations):
            items.append((line, sentence, cited(q), (marked, i), q))
    out: list[Restatement] = []
    sources: dict = {}
    seen: set[tuple] = set()
    quoted: dict[str, list[int]] = {}       # each figure of a quote: the lines of the quotes holding it
    name = path.name
    rank = {"confirmed": 0, "differs": 1, "not-in-source": 2}
    # what each sentence costs is paid once, however many citations and figures it holds: its figures
    # (a sentence citing three works is three items), its lines and its words as shown
    # (its line breaks, the line its first character is on after the sentence's line, the lines it spans
    # after that and the sentence as shown), per sentence: measured once, never for each of its citations
    # (one sentence of 9,600 quotes measured 9,600 times: 27 s of CPU)
    figures: dict[str, list[Candidate]] = {}
    shapes: dict[str, tuple[list[int], int, int, str]] = {}
    read_as: dict[int, _NoteSentence] = {}
    for line, sentence, keys, marks, work in items:
        why = unresolved.get(id(work))
        too_long = len(sentence) > MAX_NOTE_SENTENCE
        if not (keys or why or marks is None or too_long):
            continue
        if too_long:
            # too long to read its figures: said once for its line, as not checked, never passed over in silence
            if ("too long", line) not in seen:
                seen.add(("too long", line))
                what = "sentence" if marks is not None else "quote"
                long = (f"the {what} is {len(sentence):,} characters long, more than kb audit --note reads of one "
                        f"({MAX_NOTE_SENTENCE:,}): its figures not checked")
                r = Restatement(id=_rid(name, told(line), "", "too long"), citing=name, citing_page=told(line),
                                figure="", unit="", cited=", ".join(keys) or (why[0] if why else "(not read)"), marker="",
                                verdict="not-checked", sentence=" ".join(sentence[:200].split()) + " ...",
                                reason=long)
                if wanted is None or r.verdict in wanted:
                    out.append(r)
            continue
        if sentence not in figures:
            figures[sentence] = [c for c in extract_candidates([sentence]) if _restatable(c)]
        if not figures[sentence]:
            continue
        if sentence not in shapes:
            breaks = [m.start() for m in _NEWLINE_RE.finditer(sentence)]
            first = bisect.bisect_left(breaks, len(sentence) - len(sentence.lstrip()))
            shapes[sentence] = (breaks, first, bisect.bisect_left(breaks, len(sentence.rstrip())) - first,
                                " ".join(sentence.split()))
        breaks, first, spans, shown_sentence = shapes[sentence]
        last_line = line + spans
        citing = None
        if marks is not None:
            key = id(marks[0])          # the sentence's list of citations, alive as long as `items`
            citing = read_as.get(key) or read_as.setdefault(key, _NoteSentence(sentence, marks[0]))
        # a citation's own figures only: another citation's, or the writer's own ("we measured ..."), are not its
        for cand in figures[sentence] if citing is None else citing.owned(figures[sentence]).get(marks[1], ()):
            figure = " ".join(f"{cand.number} {cand.unit_text or cand.unit}".split())
            at = line
            if marks is None:
                bisect.insort(quoted.setdefault(figure, []), line)      # in order, for the sentences' look-ups
            else:
                lines = quoted.get(figure, ())
                if bisect.bisect_right(lines, last_line) > bisect.bisect_left(lines, line):
                    continue            # a figure of a quote in the sentence: the quote's citation's
                # the figure's own line: the sentence's line breaks between its first character and it
                at = line + bisect.bisect_left(breaks, cand.start) - first
            if not keys and why:
                # a citation naming no paper here, or several: the figure is listed not checked, and why
                if (at, figure, why) not in seen:
                    seen.add((at, figure, why))
                    r = Restatement(id=_rid(name, told(at), figure, why[0]), citing=name, citing_page=told(at),
                                    figure=figure, unit=cand.unit, cited=why[0], marker="", verdict="not-checked",
                                    sentence=shown_sentence, reason=why[1])
                    if wanted is None or r.verdict in wanted:
                        out.append(r)
                continue
            if not keys:
                continue
            line_of = at
            if (line_of, figure, tuple(keys)) in seen:
                continue
            seen.add((line_of, figure, tuple(keys)))
            # a citation of several works: the figure is checked against each, and confirmed by any
            judged = [(_verdict(cand, sentence, _source(kb, key, sources)), key) for key in keys]
            (verdict, q, diff, end_off), citekey = min(judged, key=lambda j: rank[j[0][0]])
            r = Restatement(id=_rid(name, told(line_of), figure, citekey), citing=name, citing_page=told(line_of),
                            figure=figure, unit=cand.unit, cited=citekey, marker="", verdict=verdict,
                            cited_page=q.page if q else None,
                            cited_figure=q.figure if q else None,
                            difference=round(diff, 4) if diff is not None else None, end=end_off,
                            sentence=shown_sentence, cited_sentence=q.sentence if q else "")
            if wanted is None or r.verdict in wanted:
                out.append(r)
    out.sort(key=lambda r: r.citing_page)       # in the note's order, a quote's figures and its sentence's
    return out


def accept(kb: KB, rid: str, *, verdict: str | None = None, note: str | None = None,
           jobs: int | None | AsOpened = AS_OPENED) -> Restatement:
    """Record a person's judgement of one restatement in claims/<citing>.toml ([[restatement]]):
    kept across rebuilds, and kb audit reports it no more. `jobs` as ensure_derived's."""
    note = typed(note, "note")
    if verdict is not None and verdict not in VERDICTS:
        raise UsageError(choice_said("--verdict", verdict, VERDICTS))
    found = [r for r in iter_audit(kb, None, include_judged=True, jobs=jobs) if r.id == rid]
    if not found:
        raise UsageError(f"no restatement {said(rid)}", hint="`kb audit` lists them with their ids (--json)")
    r = found[0]
    # judged before: what is not given now is kept (a verdict recorded against kb's, a remark), as kb claim add
    # keeps what it is not given; `replaced` on the result says what a new judgement changed ("verdict confirmed
    # -> differs"), [] nothing. Judging again without --verdict or --note put kb's verdict back and deleted the
    # remark, and a new one replaced the old, without a word.
    verdict = verdict or r.judged or r.verdict
    note = r.note if note is None and r.judged else note
    replaced = [f"{what} {said(was) if was else '(none)'} -> {said(now) if now else '(none)'}"
                for what, was, now in (("verdict", r.judged, verdict), ("note", r.note, note))
                if r.judged and was != now]
    if not r.judged or replaced:
        with kb.writing():
            records.write_record(kb, r.citing, "restatement",
                                 {"id": r.id, "cited": r.cited, "page": r.citing_page, "figure": r.figure,
                                  "verdict": verdict, "note": note}, replace_id=r.id)
    was_judged = r.judged
    r.judged, r.note = verdict, note
    r.replaced = replaced if was_judged else None
    return r


def edge_counts(kb: KB, jobs: int | None | AsOpened = AS_OPENED) -> dict[tuple[str, str], dict[str, int]]:
    """On each citation link, how many figures the citing paper restates from the cited one and
    how many differ (a person's verdict, when recorded, counts over kb's): for kb graph export.
    `jobs` as ensure_derived's."""
    ensure_references(kb)
    out = {(a, b): {"restatements": 0, "restatements_differ": 0}
           for a, b in kb.conn.execute("select citing, cited from citations")}
    for r in iter_audit(kb, None, include_judged=True, jobs=jobs):
        counts = out.setdefault((r.citing, r.cited), {"restatements": 0, "restatements_differ": 0})
        counts["restatements"] += 1
        counts["restatements_differ"] += (r.judged or r.verdict) == "differs"
    return out
