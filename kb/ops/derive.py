"""Derived data: what follows from the tables once the files are indexed.

kb.store.index only keeps tables in step with the files (files -> tables). What
follows from them is made here, as an explicit step of every ingest, sync and
rebuild, inside the transaction that indexed the change:

* the reference list of a paper's newest page text (kb.graph.links), and the
  citation links of papers added, edited or removed, both ways. The list of a text
  stored by `kb add` or `kb text load` is read, and its paper relinked, when a
  command first reads the graph (ensure_references: kb graph, kb refs, kb cite,
  kb audit), so that an add costs its extraction and its writes; a bulk import
  (whose workers parse the lists beside the extraction) and `kb rebuild` read
  every list at once;
* the citation contexts of that text (the sentences citing an entry of its
  reference list) and its numbers with units, which kb audit alone reads: the
  text is listed as waiting for them, and kb audit makes them on first use
  (finding them took longer than extracting the PDF with pdfium);
* Semantic Scholar lists fetched earlier (kb cite fetch) for papers whose S2
  links are missing, e.g. after a rebuild;
* each claim's value in base units ("626,155 lb CO2e" -> grams CO2e), so
  figures of one dimension sort and filter together;
* whether each claim stands verified (kb.quantities.quoted.claim_doubt: a value
  edited by hand that is not among its quote's numbers does not), which kb claims lists;
* whether each quote marked verified is found in its text (quote_doubts: a quote edited by
  hand is not), which kb quote ls lists and kb export note marks.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

from kb.atomic import unescape_key
from kb.errors import KBError
from kb.graph import links
from kb.graph.tables import chunks, references_waiting
from kb.lazyimport import lazy_import
from kb.quantities.interval import Interval
from kb.quantities.quoted import LONGEST_VALUE, claim_doubt, unquoted
from kb.quantities.units import to_base
from kb.sources import s2
from kb.store import claimsfile
from kb.store.index import Changes, claim_numbers
from kb.store.knowledgebase import CLAIM_READING, DECIDED_FILES, KB
from kb.store.queries import load_text, other_papers_file, paper_exists, versions_with_text
from kb.store.sqlite import read_only, transaction
from kb.text.typed import unshowable

# What kb verify looks a quote up with, and a claim's passage read against its paper's text: loaded
# only when quotes, claims or texts change.
quotes = lazy_import("kb.ops.quotes")
# The pool of processes deciding every claim again after an upgrade (_decide_on_cores).
pool = lazy_import("kb.ops.bulk")

#: From this many texts at once (kb rebuild, a bulk import), every reference list is
#: stored first and relinked once: relinking after each text re-reads every paper each
#: time, papers times the knowledge base in all.
BULK_TEXTS = 20
#: Papers given new lists or entries at once are relinked as the whole knowledge base
#: (links.relink of all) from BULK_TEXTS of them and one for every WHOLE_SHARE papers it
#: holds on; fewer, as themselves. A relink of some papers costs about ten times a whole
#: relink's share of each: at 10,000 papers, 20 of them 0.9 s, 100 1.6 s, all 15 s; at
#: 1,000, 100 of them 0.2 s, all 0.5 s.
WHOLE_SHARE = 10


def relink_whole(db, papers: int) -> bool:
    """Whether `papers` changed at once are relinked as the whole knowledge base."""
    return papers >= BULK_TEXTS and papers * WHOLE_SHARE >= db.execute("select count(*) from papers").fetchone()[0]


def apply(kb: KB, changes: Changes, progress=None, bulk: bool | None = None) -> None:
    """Make the derived data of `changes`. Caller runs the transaction.
    `progress(done, total)` is called after each text; `bulk` (default: from
    BULK_TEXTS texts on) stores every reference list, then relinks them once: the whole
    knowledge base when asked (kb rebuild) or when they are many of its papers
    (relink_whole)."""
    db = kb.db
    fresh = (changes.rereading or changes.committed) and _decide_on_cores(kb, changes)
    texts = list(dict.fromkeys(changes.texts))
    whole = bulk                        # None: as many papers as changed call for
    if bulk is None:
        bulk = len(texts) >= BULK_TEXTS
    lists = _NewLists()
    waiting: set[str] = set()           # papers whose new list is read on first use
    for n, (citekey, version) in enumerate(texts, 1):
        if _newest(db, citekey, version):       # only the newest version's reference list counts
            parsed = changes.references.get((citekey, version))     # by a worker of a bulk import
            if parsed is None and not bulk:
                references_later(db, citekey, version)              # read by the graph's first reader
                waiting.add(citekey)
            else:
                lists.store(db, citekey, version, parsed)
            derive_later(db, citekey, version)      # made by kb audit when it needs them
        if progress:
            progress(n, len(texts))
    # once for all they changed (a kb add: its entry and its list)
    lists.relink(db, whole, changes.papers - waiting)
    if changes.bib:
        merge_cached_s2(kb)
    if changes.claims_files or texts or changes.reidentified:
        quote_doubts(kb, changes.claims_files, texts, changes.quotes_decided, fresh, changes.committed,
                     changes.reidentified)
    if changes.rereading:
        read_values_again(kb, changes.claims_files)
    if changes.claims_files:
        base_values(kb, changes.claims_files, changes.based)
    # a claim is read against its paper's text: one newly stored decides its claims again
    given_text = {citekey for citekey, _ in texts} | changes.reidentified
    files = set(changes.claims_files) | {r[0] for r in _rows_in(
        db, "select distinct file from claims where file is not null and kind = 'claim' and citekey in ({})",
        given_text)}
    if files:
        claim_doubts(kb, files, changes.decided, set() if changes.committed else given_text, fresh)
    if files or texts:
        stale_marks(kb, files, {citekey for citekey, _ in texts} | changes.reidentified)
    if changes.claims_files:
        _claims_read_as_now(kb, changes.claims_files)


def stale_marks(kb: KB, files: set[str], papers: set[str]) -> None:
    """Which verified quotes and claims of `files`, or of `papers` (given a text: a newer version makes an older
    one's records stale), a newer version kb holds the text of no longer prints (kb verify's "stale":
    quotes.newest_marks), stored as that version (`stale_in`) and what kb verify says (`stale`), and which it prints
    on another page than the one stored, stored as that version (`moved_in`) and its page or pages (`moved_to`), NULL
    where none: kb quote ls, kb claims, kb search and kb export note read them. Only records of a paper of two
    versions with text or more, found in their own (no doubt) and of an older one, are looked for."""
    db = kb.db
    several = {r[0] for r in db.execute("select citekey from versions where text_status = 'ok' "
                                        "group by citekey having count(distinct version) > 1")}
    marks = ("stale_in", "stale", "moved_in", "moved_to")
    quoted = ("select rowid, citekey, version, page, page_end, text, doubt, stale_in, stale, moved_in, moved_to "
              "from quotes where status = 'verified' and {} in ({{}})")
    claimed = ("select rowid, citekey, version, page, quote, number, unit, per, doubt, stale_in, stale, moved_in, "
               "moved_to from claims where kind = 'claim' and coalesce(status, 'verified') = 'verified' "
               "and {} in ({{}})")
    for kind, sql, table in (("quote", quoted, "quotes"), ("claim", claimed, "claims")):
        rows = {r[0]: r for r in _rows_in(db, sql.format("file"), files) + _rows_in(db, sql.format("citekey"), papers)}
        cache = quotes.PaperCache()
        for row in sorted(rows.values(), key=lambda r: (r[1] or "", r[0])):
            r = dict(zip(("rowid", "citekey", "version", "page", *(
                ("page_end", "text") if kind == "quote" else ("quote", "number", "unit", "per")), "doubt", *marks), row))
            found = quotes.newest_marks(kb, r, kind, cache) if r["citekey"] in several and r["doubt"] is None \
                else None
            found = found or (None,) * len(marks)
            if tuple(r[m] for m in marks) != found:
                db.execute(f"update {table} set {', '.join(m + ' = ?' for m in marks)} where rowid = ?",
                           [*found, r["rowid"]])


def _doubt_on_page(kb: KB, value: str, quote: str | None, status: str | None, per: str | None,
                   citekey: str | None, version: str | None, page: int | None, cache: dict,
                   file: str | None = None) -> str | None:
    """Why a claim does not stand verified, as kb verify decides it: against the passage of the
    paper's text its quote is found in (the paper's printing decides: "593 kWh" of "103, 593 kWh"
    typed for the page's "103,593 kWh" does not stand), and not where kb holds that text and the
    quote is not in it or not on its stored page; against its quote as typed where kb holds no text."""
    if status != "verified" or unquoted(quote) or not citekey or len(value) > LONGEST_VALUE:
        return claim_doubt(status, value, quote, per)
    if (hidden := unshowable(quote)) is not None:       # as a quote's (_quote_doubt)
        return f"its quote holds {hidden}; write the quote without it in {file or 'its claims file'}"
    text, match = quotes.found_on_page(kb, citekey, version, page, quote, cache)
    if text is None:
        return _of_another_paper(kb, citekey, file) or claim_doubt(status, value, quote, per)
    if (why := quotes.another_work(kb, citekey, version, cache)) is not None:
        return why
    if match is None:
        return f"quote not found in {text.version or 'its text'}"
    wrong = quotes.page_disagrees(page, None, quote, match, text) if not page or page <= len(text.pages) else None
    if wrong is not None:       # a page written by hand the quote is not on, as kb verify fails it (one past
        return wrong            # the last page the listing says itself: kb.store.queries.off_text)
    return claim_doubt(status, value, quote, per, quotes.passage(match, text), quotes.context_before(match, text))


#: Files (or papers' keys) named in one statement: SQLite before 3.32 binds at most 999 values to one.
FILES_AT_ONCE = 500
#: From this many quotes or claims decided at once (an index an older kb decided, read again by
#: the first command after an upgrade; a `git pull` of many claims files), the deciding shows
#: progress, paper by paper: at 10,000 papers it takes most of a minute.
DECIDE_SHOWN_FROM = 2000


def _by_paper(kb: KB, label: str, rows: list, paper_of: Callable) -> Iterator:
    """`rows` (in their papers' order) as they are, with progress counting the papers decided
    when the rows are many (DECIDE_SHOWN_FROM)."""
    if len(rows) < DECIDE_SHOWN_FROM:
        yield from rows
        return
    total = len({paper_of(r) for r in rows})
    done, last = 0, object()
    for row in rows:
        if paper_of(row) != last:
            if done:
                kb.progress(label, done, total, "papers")
            last, done = paper_of(row), done + 1
        yield row
    kb.progress(label, total, total, "papers")


def _rows_in(db, sql: str, values: set[str]) -> list[tuple]:
    """The rows `sql` (`... in ({})`) selects for `values`, FILES_AT_ONCE a statement: a
    rebuild, or a `git pull` changing thousands of claims files, decides them all at once."""
    rows: list[tuple] = []
    for chunk in chunks(sorted(values), FILES_AT_ONCE):
        rows += db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
    return rows


def _claims_read_as_now(kb: KB, files: set[str]) -> None:
    """Record that this kb decided every claim of the index (CLAIM_READING) when the claims
    just decided are all it holds: a new index, never an older kb's whose other claims it has
    not decided again (`KB.reread_claims` does that)."""
    db = kb.db
    row = db.execute("select value from meta where key = 'claim_reading'").fetchone()
    if row is not None and row[0] == CLAIM_READING:
        return
    held = {f for (f,) in db.execute(DECIDED_FILES)}      # quotes-only files are decided by it too
    if held <= files:
        db.execute("insert or replace into meta (key, value) values ('claim_reading', ?)", [CLAIM_READING])


def quote_doubts(kb: KB, files: set[str], texts: list[tuple[str, str]], decided: dict | None = None,
                 fresh: bool = False, committed: bool = False, papers: set[str] = frozenset()) -> None:
    """Why each quote marked verified in `files`, or quoting a text in `texts` (a paper
    given new page text), is not found in its text, or not on the page its claims file
    says, as kb verify looks for it (NULL when it is, or when kb holds no text to look
    in): a quote edited by hand keeps the `status = "verified"` kb wrote for the text it
    verified, and listings and exports read this instead. A quote `decided` holds (the
    same paper, version, text and pages, as a re-index of its file found it decided)
    keeps that decision when this index's quotes were decided by this kb's reading
    (CLAIM_READING), or `fresh` says this kb decided them just now, and its text did not
    change (or was `committed` before they were decided: kb rebuild). The verified quotes of
    `papers` (entries that now name a work otherwise: quotes.another_work) are decided again."""
    db = kb.db
    rows = []
    rows += _rows_in(db, "select rowid, citekey, version, text, page, page_end, doubt, file, spans, prefix, suffix, extractor "
                           "from quotes "
                          "where citekey in ({}) and status = 'verified'", papers)
    rows += _rows_in(db, "select rowid, citekey, version, text, page, page_end, doubt, file, spans, prefix, suffix, extractor "
                           "from quotes "
                          "where file in ({}) and status = 'verified'", files)
    for citekey, version in dict.fromkeys(texts):
        rows += db.execute("select rowid, citekey, version, text, page, page_end, doubt, file, spans, prefix, suffix, extractor "
                           "from quotes "
                           "where citekey = ? and version is ? and status = 'verified'", [citekey, version]).fetchall()
    if not rows:
        return
    decided = decided if decided and (fresh or _read_as_now(db)) else {}
    changed = set() if committed else set(texts)
    cache: dict = {}
    paper = None
    # paper by paper, one paper's text held at a time: memory stays bounded however many are decided
    rows = sorted(dict.fromkeys(rows), key=lambda r: (r[1] or "", r[2] or "", r[0]))
    for rowid, citekey, version, text, page, page_end, held, file, *record in _by_paper(kb, "deciding quotes", rows,
                                                                                  lambda r: r[1]):
        key = (citekey, version, text, page, page_end, *record)
        if (citekey, version) != paper:
            paper = (citekey, version)
            cache.clear()
        if key in decided and (citekey, version) not in changed and citekey not in papers:
            doubt = decided[key]
        else:
            doubt = _quote_doubt(kb, citekey, version, text, page, page_end, cache, file, record)
        if doubt != held:
            db.execute("update quotes set doubt = ? where rowid = ?", [doubt, rowid])


def references_later(db, citekey: str, version: str) -> None:
    """A new newest text of `citekey`: its reference list is read, and the paper relinked,
    by the first command that reads the citation graph (ensure_references), not by the
    add or load that stored it. Caller runs the transaction."""
    db.execute("insert or replace into refs_later (citekey, version) values (?, ?)", [citekey, version])


def ensure_references(kb: KB) -> int:
    """Read the reference list of every text waiting for one (references_later) and relink
    those papers, in one transaction under the writer lock, with progress; many at once
    (relink_whole) relink the whole knowledge base once. Returns how many lists. Every command that reads
    the citation graph (the refs, citations and works tables) calls it first. A knowledge
    base kb cannot write here (a read-only mount) is read as it is, and kb says which lists
    it lacks."""
    conn = kb.conn
    if not references_waiting(conn):
        return 0
    if read_only(kb.db_path):
        keys = [r[0] for r in conn.execute("select citekey from refs_later order by citekey limit 4")]
        count = conn.execute("select count(*) from refs_later").fetchone()[0]
        named = ", ".join(keys[:3]) + (f" and {count - 3:,} more" if count > 3 else "")
        message = (f"the reference lists of {named} are not read yet, and this knowledge base cannot be "
                   "written here: the citation graph lacks their links until a kb command can write it")
        if kb.on_warning is not None:
            kb.on_warning(message)
        elif message not in kb.warnings:
            kb.warnings.append(message)
        return 0
    with kb.writing():
        with transaction(kb.db):
            return _read_waiting_references(kb)


def _read_waiting_references(kb: KB) -> int:
    db = kb.db
    rows = db.execute("select citekey, version from refs_later order by citekey").fetchall()
    lists = _NewLists()
    for n, (citekey, version) in enumerate(rows, 1):
        if _newest(db, citekey, version):
            lists.store(db, citekey, version)
        kb.progress("reading reference lists", n, len(rows), "papers")
    db.execute("delete from refs_later")
    lists.relink(db, None)
    return len(lists.listed)


def _newest(db, citekey: str, version: str) -> bool:
    """Whether `version` is the newest of the paper's versions with text (whose list counts)."""
    held = versions_with_text(db.conn, citekey)
    return bool(held) and held[-1] == version


class _NewLists:
    """The reference lists one derive step stores, and the relink they call for."""

    def __init__(self) -> None:
        self.listed: set[str] = set()       # papers given a new reference list
        self.old_works: set[str] = set()    # the works their previous lists cited

    def store(self, db, citekey: str, version: str, parsed: list | None = None) -> None:
        """Store the list of the text (`parsed` when a worker of a bulk import read it already)."""
        text = load_text(db.conn, citekey, version)
        _, old = links.store_references(db, citekey, version, text.pages, parsed)
        self.listed.add(citekey)
        self.old_works |= old

    def relink(self, db, whole: bool | None, papers: set[str] = frozenset()) -> None:
        """The papers listed and `papers` (whose entries changed), both ways; or the whole
        knowledge base once (`whole`; None: when they are many of it, relink_whole)."""
        touched = set(papers) | self.listed
        if whole is None:
            whole = relink_whole(db, len(touched))
        if whole:
            links.relink(db)
        elif touched:
            links.relink(db, touched, extra_work_keys=self.old_works)


def derive_later(db, citekey: str, version: str | None) -> None:
    """A new newest text of `citekey`: its citation contexts and numbers are made when
    kb audit first needs them (kb.ops.audit.ensure_derived); those of its older text
    are gone now. Caller runs the transaction."""
    db.execute("delete from cite_contexts where citekey = ?", [citekey])
    db.execute("delete from text_numbers where citekey = ?", [citekey])
    db.execute("insert or replace into derive_later (citekey, version) values (?, ?)", [citekey, version])


def merge_cached_s2(kb: KB) -> int:
    """Semantic Scholar lists fetched earlier for papers whose S2 links are missing."""
    folder = kb.layout.s2_cache
    if not folder.is_dir():
        return 0
    db = kb.db
    done = {r[0] for r in db.execute("select distinct citekey from refs where source = 'semantic-scholar'")}
    done |= {r[0] for r in db.execute("select distinct citekey from s2_citing")}
    merged = 0
    for path in sorted(folder.glob("*.json")):
        citekey = unescape_key(path.stem)
        if citekey in done or not paper_exists(db.conn, citekey):
            continue
        data = s2.load(folder, citekey)
        if data:
            links.merge_s2(db, citekey, data.get("references", []), data.get("citations", []))
            merged += 1
    return merged


def read_values_again(kb: KB, files: set[str]) -> None:
    """Each claim of `files` read into its number, value and unit columns as this kb reads its value
    (`claim_numbers`), when an older kb read them otherwise ("1.2 × 10^3 kWh" was 1.2): the files'
    records are unchanged, so the value is the text the columns hold, read again, not the files parsed."""
    db = kb.db
    rows = _rows_in(db, "select rowid, number, value, unit from claims where file in ({}) and kind = 'claim' "
                         "and number is not null", files)
    for rowid, number, value, unit in rows:
        now = claim_numbers(f"{number} {unit or ''}".strip())
        if now != (number, value, unit):
            db.execute("update claims set number = ?, value = ?, unit = ?, base_value = null, base_unit = null "
                       "where rowid = ?", [*now, rowid])
    # an older kb read a claim of neither status nor quote as marked verified (kb verify failed it, kb claims
    # listed it unverified): only the few files holding one are read again, for the status they write
    for (rel,) in _rows_in(db, "select distinct file from claims where file in ({}) and kind = 'claim' and "
                               "quote is null and quote_id is null and status = 'verified'", files):
        path = kb.root / rel
        try:
            doc = claimsfile.load(path, path.stem if paper_exists(db, path.stem) else None, rel)
        except KBError:
            continue            # the next sync says why
        for rec in doc.claims:
            if not rec.quote and not rec.quote_id:
                db.execute("update claims set status = ? where file = ? and id = ? and citekey is ?",
                           [rec.status, rel, rec.id, rec.citekey])


def base_values(kb: KB, files: set[str], based: dict | None = None) -> None:
    """Each claim of `files` in base units; a unit kb cannot read stays empty
    (kb check and kb verify report it). `based`: (value, unit, number) -> (base value, base
    unit) a re-index of their file found made, kept for the same figure."""
    db = kb.db
    rows = _rows_in(db, "select rowid, value, unit, number from claims where file in ({}) "
                         "and (value is not null or number is not null)", files)
    for rowid, value, unit, number in rows:
        if based and (value, unit, number) in based:
            db.execute("update claims set base_value = ?, base_unit = ? where rowid = ?",
                       [*based[(value, unit, number)], rowid])
            continue
        try:
            if value is None:       # money before its number ("$145,000", "EUR 1.2 million"): read whole
                figure = Interval.from_written(f"{number} {unit or ''}".strip())
                value, unit = figure.nominal, figure.unit_text
            base_value, base_unit = to_base(value, unit or "", nouns=True)
        except (KBError, ValueError, ArithmeticError):
            continue
        db.execute("update claims set base_value = ?, base_unit = ? where rowid = ?",
                   [base_value, base_unit, rowid])


def _of_another_paper(kb: KB, citekey: str | None, file: str | None) -> str | None:
    """Why a record of a paper kb holds no text of stands unverified: its claims file says, on the
    first line kb wrote, that it holds another paper's records (claims/a.toml moved by hand to
    claims/c.toml: a's quotes, verified in a's text, would stand as c's), or None."""
    if not citekey or not file:
        return None
    other = other_papers_file(kb.conn, kb.layout.root, file, citekey)
    return f"kb holds no text of {citekey}, and {other}" if other else None


def _quote_doubt(kb: KB, citekey: str, version: str | None, text: str, page: int | None, page_end: int | None,
                 cache: dict, file: str | None = None, record=None) -> str | None:
    """Why a quote marked verified is not found in its text, or not on its stored pages, or not at the spans its
    `record` stores ((spans as JSON, prefix, suffix, extractor), as the index holds them) in the text it was
    verified in (quote_doubts)."""
    if (hidden := unshowable(text)) is not None:
        # a NUL or an escape written into a verified quote by hand: matched without it, it stood verified as words
        # it does not show (kb quote ls showed it verified where kb verify failed it)
        return f"its text holds {hidden}; write the quote without it in {file or 'its claims file'}"
    page_text = load_text(kb.conn, citekey, version, cache)
    if page_text is None:
        return _of_another_paper(kb, citekey, file)
    if (why := quotes.another_work(kb, citekey, version, cache)) is not None:
        return why
    match, found_in = quotes.find_in_either(kb, page_text, text, cache)
    if match is None:
        return (f"not found in {page_text.version or 'its text'}: its text was edited since kb "
                "verified it, or the paper's text changed (kb verify says where it differs)")
    # a page edited by hand: the provenance an export prints would be wrong
    wrong = quotes.page_disagrees(page, page_end, text, match, found_in)
    if wrong is not None or record is None or found_in is not page_text:
        return wrong
    spans, prefix, suffix, extractor = record       # a span edited by hand: as kb verify fails it
    try:
        spans = json.loads(spans or "[]")
    except ValueError:
        return None
    q = {"citekey": citekey, "version": version, "text": text, "spans": spans, "prefix": prefix, "suffix": suffix,
         "extractor": extractor}
    wrong = quotes.spans_disagree(q, match, found_in)
    # spans naming the text `kb text load` replaced since, under the same extractor's name: found again, no hand edit
    return None if wrong is not None and quotes.spans_of_replaced_text(kb, q, found_in) else wrong


#: From this many papers whose quotes and claims are all decided again at once (the first command
#: after an upgrade of CLAIM_READING: 46 s at 10,000 papers in one process), they are decided on
#: every core the knowledge base allows (KB.jobs), PAPERS_A_TASK papers a task.
DECIDE_PARALLEL_FROM = 200
PAPERS_A_TASK = 20


def _decide_on_cores(kb: KB, changes: Changes) -> bool:
    """Decide the quotes and claims of the papers of `changes`'s claims files (every one, read
    again: nothing of them changed) in a pool of processes, each reading the committed index
    (the caller's transaction has written nothing yet), into `changes.quotes_decided` and
    `changes.decided`, which quote_doubts and claim_doubts then take as this kb's decisions;
    whether it did. Records of no paper are left to them: they read no text."""
    db = kb.db
    papers = sorted({r[0] for r in _rows_in(
        db, "select distinct citekey from quotes where file in ({}) and status = 'verified' "
            "and citekey is not null", changes.claims_files)} | {r[0] for r in _rows_in(
        db, "select distinct citekey from claims where file in ({}) and kind = 'claim' "
            "and citekey is not null", changes.claims_files)})
    jobs = kb.jobs
    if jobs is None:
        jobs = pool.default_jobs() if len(papers) >= DECIDE_PARALLEL_FROM else 1
    if jobs <= 1 or len(papers) < 2:
        return False
    where = (str(kb.root), str(kb.db_path))       # the index this kb writes: kb rebuild's is aside
    tasks = [(where, papers[i:i + PAPERS_A_TASK]) for i in range(0, len(papers), PAPERS_A_TASK)]
    done = 0
    for (_, batch), (quoted, claimed) in zip(tasks, pool.map_in_order(_decide_task, tasks, jobs)):
        changes.quotes_decided.update(quoted)
        changes.decided.update(claimed)
        done += len(batch)
        kb.progress("deciding quotes and claims", done, len(papers), "papers")
    return True


#: In a worker of _decide_on_cores: the knowledge base it reads (root, index), opened once (only
#: there: bulk.in_worker).
_DECIDING: dict[tuple[str, str], KB] = {}


def _decide_task(task: tuple[tuple[str, str], list[str]]) -> tuple[dict, dict]:
    """({quote key: doubt}, {claim key: doubt}) of a few papers' verified quotes and claims, keyed
    as quote_doubts' and claim_doubts' `decided` are, in a worker process, reading the index
    the writer writes (the knowledge base's, or the one kb rebuild makes aside)."""
    where, keys = task
    kb = _DECIDING.get(where) if pool.in_worker() else None
    if kb is None:
        root, db_path = where
        kb = KB.open(root, sync=False, db_path=Path(db_path))
        if pool.in_worker():
            _DECIDING[where] = kb
    try:
        return _decide_papers(kb, keys)
    finally:
        if not pool.in_worker():
            kb.close()


def _decide_papers(kb: KB, keys: list[str]) -> tuple[dict, dict]:
    quoted: dict[tuple, str | None] = {}
    claimed: dict[tuple, str | None] = {}
    cache = quotes.PaperCache()
    for citekey in keys:
        for version, text, page, page_end, file, *record in kb.conn.execute(
                "select version, text, page, page_end, file, spans, prefix, suffix, extractor from quotes "
                "where citekey = ? and status = 'verified' order by version, rowid", [citekey]):
            key = (citekey, version, text, page, page_end, *record)
            if key not in quoted:
                quoted[key] = _quote_doubt(kb, citekey, version, text, page, page_end, cache, file, record)
        for number, unit, quote, status, per, version, page, file in kb.conn.execute(
                "select number, unit, quote, status, per, version, page, file from claims where citekey = ? "
                "and kind = 'claim' order by rowid", [citekey]):
            key = (status, number, unit, quote, per, citekey, version, page)
            if key not in claimed:
                claimed[key] = _doubt_on_page(kb, f"{number or ''} {unit or ''}".strip(), quote, status, per,
                                              citekey, version, page, cache, file)
    return quoted, claimed


def _read_as_now(db) -> bool:
    """Whether this index's quotes and claims were decided by this kb's reading (CLAIM_READING)."""
    row = db.execute("select value from meta where key = 'claim_reading'").fetchone()
    return row is not None and row[0] == CLAIM_READING


def claim_doubts(kb: KB, files: set[str], decided: dict | None = None, texts: set[str] = frozenset(),
                 fresh: bool = False) -> None:
    """Why each claim of `files` does not stand verified (NULL when it does), decided as
    kb verify decides it, so a listing reads it instead of re-checking every claim: against
    the paper's text where kb holds it (`_doubt_on_page`). A claim `decided` holds (the same
    inputs, as a re-index of its file found it decided) keeps that decision when this index's
    claims were decided by this kb's reading (CLAIM_READING), or `fresh` says this kb decided
    them just now, and its paper's text is not among the `texts` (citekeys) just stored."""
    db = kb.db
    rows = sorted(_rows_in(db, "select rowid, number, unit, quote, status, per, citekey, version, page, file "
                                "from claims where file in ({}) and kind = 'claim'", files),
                  key=lambda r: (r[6] is not None, r[6] or "", r[0]))       # paper by paper
    if decided and not (fresh or _read_as_now(db)):
        decided = None
    cache = quotes.PaperCache()
    for rowid, number, unit, quote, status, per, citekey, version, page, file in _by_paper(
            kb, "deciding claims", rows, lambda r: r[6]):
        key = (status, number, unit, quote, per, citekey, version, page)
        if decided and key in decided and citekey not in texts:
            doubt = decided[key]
        else:
            doubt = _doubt_on_page(kb, f"{number or ''} {unit or ''}".strip(), quote, status, per,
                                   citekey, version, page, cache, file)
        # set either way: a claim decided again (kb.store.knowledgebase.CLAIM_READING) may stand now
        db.execute("update claims set doubt = ? where rowid = ? and doubt is not ?", [doubt, rowid, doubt])
