"""The SQLite index: opening it safely and its schema.

SQLite indexes the files a person edits (references.bib, claims/*.toml) plus
everything derived from sources (page text, references, candidate claims). It
can always be rebuilt (`kb rebuild`). Migrations run whenever it is opened, so a
user never runs an upgrade step; each one says why it exists.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from kb.errors import KBError
from kb.store.fts import SEARCH_FOLDING
from kb.store.fts import register as register_functions
from kb.store.sqlite import cannot_grow
from kb.store.sqlite import connect as connect_raw

if TYPE_CHECKING:   # sqlite-utils is imported only when the index is written or migrated
    import sqlite_utils
    from sqlite_utils.migrations import Migrations


def m001_papers(db: sqlite_utils.Database) -> None:
    """Papers are the entries of references.bib; versions are the sources we hold
    for them (an arXiv version's PDF, a local PDF, pre-extracted text)."""
    _script(db, """
    CREATE TABLE papers (
        citekey TEXT PRIMARY KEY,
        entry_type TEXT NOT NULL DEFAULT 'misc',
        title TEXT,
        authors TEXT NOT NULL DEFAULT '[]',   -- JSON list of "Last, First"
        year INTEGER,
        arxiv_id TEXT,                        -- without version
        doi TEXT,                             -- lower case
        url TEXT,
        venue TEXT,
        primary_class TEXT,
        version TEXT,                         -- latest arXiv version known, 'v3'
        origin TEXT,                          -- arxiv | doi | pdf | bibtex | hand
        metadata_status TEXT NOT NULL DEFAULT 'complete',  -- complete | incomplete
        title_norm TEXT,
        first_author TEXT,                    -- normalised last name
        fields TEXT NOT NULL DEFAULT '{}',    -- all BibTeX fields, JSON
        position INTEGER                      -- order in references.bib
    );
    CREATE INDEX papers_arxiv ON papers(arxiv_id);
    CREATE INDEX papers_doi ON papers(doi);
    CREATE INDEX papers_title ON papers(title_norm);

    CREATE TABLE versions (
        id INTEGER PRIMARY KEY,
        citekey TEXT NOT NULL,
        version TEXT NOT NULL DEFAULT '',     -- 'v1'..; '' when unversioned
        sha256 TEXT,                          -- of the source file in the cache
        source_kind TEXT,                     -- pdf | text
        source_url TEXT,
        page_count INTEGER,
        extractor TEXT,                       -- 'pypdf 7.1.1'
        text_status TEXT NOT NULL,            -- ok | empty | image-only | encrypted | corrupt | none
        text_message TEXT,
        added_at TEXT,
        UNIQUE (citekey, version)
    );

    CREATE TABLE pages (
        id INTEGER PRIMARY KEY,
        version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
        citekey TEXT NOT NULL,
        version TEXT NOT NULL,
        page INTEGER NOT NULL,                -- 1-based
        text TEXT NOT NULL,
        UNIQUE (version_id, page)
    );
    CREATE INDEX pages_citekey ON pages(citekey, version);
    CREATE VIRTUAL TABLE pages_fts USING fts5(
        text, content='pages', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2');
    CREATE TRIGGER pages_ai AFTER INSERT ON pages BEGIN
        INSERT INTO pages_fts(rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER pages_ad AFTER DELETE ON pages BEGIN
        INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;

    -- What was last indexed of each truth file, to notice edits and crashes.
    CREATE TABLE files (
        path TEXT PRIMARY KEY,                -- relative to the root
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL
    );
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    """)


def m002_quotes_claims_checks(db: sqlite_utils.Database) -> None:
    """Rows indexed from claims/*.toml; `file` says which file each came from so
    a changed file is re-indexed on its own."""
    _script(db, """
    CREATE TABLE quotes (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL,                     -- unique in the knowledge base
        citekey TEXT NOT NULL,
        version TEXT,
        text TEXT NOT NULL,
        topics TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL,                 -- verified | unverified
        method TEXT,                          -- exact | normalised
        page INTEGER, page_end INTEGER,
        spans TEXT NOT NULL DEFAULT '[]',     -- JSON [{page,start,end}]
        prefix TEXT, suffix TEXT,
        extractor TEXT,
        note TEXT,
        file TEXT NOT NULL,
        UNIQUE (id)
    );
    CREATE INDEX quotes_citekey ON quotes(citekey);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, topics, content='quotes', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2');
    CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text, topics) VALUES (new.rowid, new.text, new.topics);
    END;
    CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text, topics)
        VALUES ('delete', old.rowid, old.text, old.topics);
    END;

    CREATE TABLE claims (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        citekey TEXT,
        kind TEXT NOT NULL DEFAULT 'claim',   -- claim | constant
        number TEXT,                          -- as written: '1,287'
        value REAL,
        unit TEXT,
        base_value REAL,                      -- value in the unit's base units, for --min/--max
        base_unit TEXT,
        per TEXT,
        quote TEXT,
        quote_id TEXT,
        page INTEGER,
        version TEXT,
        topics TEXT NOT NULL DEFAULT '[]',
        status TEXT,                          -- verified | unverified
        file TEXT NOT NULL,
        UNIQUE (citekey, id)
    );
    CREATE INDEX claims_id ON claims(id);
    CREATE VIRTUAL TABLE claims_fts USING fts5(
        id, quote, topics, per, content='claims', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2');
    CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, id, quote, topics, per)
        VALUES (new.rowid, new.id, new.quote, new.topics, new.per);
    END;
    CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, id, quote, topics, per)
        VALUES ('delete', old.rowid, old.id, old.quote, old.topics, old.per);
    END;

    CREATE TABLE units (
        name TEXT PRIMARY KEY,
        definition TEXT NOT NULL,
        citekey TEXT, quote TEXT,
        file TEXT NOT NULL
    );

    CREATE TABLE checks (
        id TEXT PRIMARY KEY,
        stated TEXT NOT NULL,
        expr TEXT NOT NULL,
        tolerance TEXT,
        note TEXT,
        file TEXT NOT NULL,
        line INTEGER
    );

    -- Numbers with units proposed by `kb claims extract`, awaiting review.
    CREATE TABLE candidates (
        id INTEGER PRIMARY KEY,
        citekey TEXT NOT NULL,
        version TEXT NOT NULL,
        page INTEGER NOT NULL,
        start INTEGER, "end" INTEGER,
        number TEXT, value REAL, unit TEXT,
        low REAL, high REAL,
        sentence TEXT,
        status TEXT NOT NULL DEFAULT 'unreviewed',  -- unreviewed | promoted | dismissed
        claim_id TEXT,
        UNIQUE (citekey, version, page, start)
    );
    """)


def m003_references_and_citations(db: sqlite_utils.Database) -> None:
    """The citation graph: each paper's parsed reference list, the links they
    resolve to, and the works outside the knowledge base."""
    _script(db, """
    CREATE TABLE refs (
        id INTEGER PRIMARY KEY,
        citekey TEXT NOT NULL,                -- the citing paper
        version TEXT,
        idx INTEGER NOT NULL,                 -- position in its list, from 1
        label TEXT,                           -- '[12]', '[Str19]', or NULL
        raw TEXT NOT NULL,
        page INTEGER,
        arxiv_id TEXT, doi TEXT, url TEXT, year INTEGER, title TEXT, first_author TEXT,
        work_key TEXT,                        -- merges the same work across papers
        resolved TEXT,                        -- citekey in this knowledge base, or NULL
        method TEXT,                          -- arxiv | doi | title | semantic-scholar
        score REAL,
        source TEXT NOT NULL DEFAULT 'text',  -- text | semantic-scholar
        UNIQUE (citekey, source, idx)
    );
    CREATE INDEX refs_work ON refs(work_key);
    CREATE INDEX refs_resolved ON refs(resolved);

    CREATE TABLE citations (
        citing TEXT NOT NULL,
        cited TEXT NOT NULL,
        methods TEXT NOT NULL,                -- comma-separated, e.g. 'arxiv,semantic-scholar'
        score REAL,
        PRIMARY KEY (citing, cited)
    ) WITHOUT ROWID;
    CREATE INDEX citations_cited ON citations(cited);

    CREATE TABLE works (
        work_key TEXT PRIMARY KEY,
        title TEXT, arxiv_id TEXT, doi TEXT, year INTEGER, first_author TEXT, url TEXT
    );
    """)


def connect(path: Path) -> sqlite_utils.Database:
    """Open (creating if needed) the index in WAL mode with a long busy timeout."""

    return wrap(connect_raw(path))


def wrap(conn: sqlite3.Connection) -> sqlite_utils.Database:
    import sqlite_utils

    return sqlite_utils.Database(conn, execute_plugins=False)   # no entry-point scan: ~20 ms


def _script(db: sqlite_utils.Database, sql: str) -> None:
    """Each statement of a migration's `sql`, in the transaction the migrations run in
    (sqlite3's executescript would commit it first). sqlite-utils splits a script by asking
    SQLite whether the text so far is a whole statement after every character, which took
    most of the 80 ms a new index's schema cost (kb init, kb rebuild); asked at each `;`
    alone, it is the same statements."""
    cursor = db.conn.cursor()
    start = 0
    for end, char in enumerate(sql):
        if char == ";" and sqlite3.complete_statement(sql[start:end + 1]):
            if sql[start:end + 1].strip() != ";":
                cursor.execute(sql[start:end + 1])
            start = end + 1
    if sql[start:].strip():
        cursor.execute(sql[start:])


def migrate(db: sqlite_utils.Database, path: Path | None = None) -> None:
    """Apply pending migrations; `PRAGMA user_version` then counts them, which
    lets commands skip importing sqlite-utils (kb/store/sqlite.py). An index `path` SQLite
    cannot write (a full disk, a file-size limit) is said so (`sqlite.cannot_grow`)."""
    try:
        migrations = _migrations()
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
    except sqlite3.DatabaseError as exc:
        raise (path and cannot_grow(exc, path)) or KBError(f"the index is damaged: {exc}",
                                                           hint="run `kb rebuild`") from None


def m004_citation_graph(db: sqlite_utils.Database) -> None:
    """For the citation graph (kb/graph.py). Indexes let `relink` re-resolve
    only the references a newly added paper can match (by arXiv id, DOI, or the
    tail of the first author's name) instead of every reference; `title_key`
    lets a work cited with an identifier in one paper and by title alone in
    another count as one external work; the partial index answers "which
    external works are cited most" from the index alone. `s2_citing` keeps the
    papers Semantic Scholar lists as citing a paper here (/citations): there
    the citing side is the unknown one, so those rows are not a reference list."""
    _script(db, """
    ALTER TABLE refs ADD COLUMN title_key TEXT;
    CREATE INDEX refs_arxiv_id ON refs(arxiv_id);
    CREATE INDEX refs_doi ON refs(doi);
    CREATE INDEX refs_author_tail ON refs(substr(first_author, -4));
    CREATE INDEX refs_title_key ON refs(title_key);
    CREATE INDEX refs_unresolved_work ON refs(work_key, citekey) WHERE resolved IS NULL;

    CREATE TABLE s2_citing (
        id INTEGER PRIMARY KEY,
        citekey TEXT NOT NULL,                -- the paper in this knowledge base that is cited
        idx INTEGER NOT NULL,                 -- position in Semantic Scholar's list, from 1
        paper_id TEXT,                        -- Semantic Scholar paperId of the citing work
        raw TEXT NOT NULL,
        arxiv_id TEXT, doi TEXT, url TEXT, year INTEGER, title TEXT, first_author TEXT,
        work_key TEXT, title_key TEXT,
        resolved TEXT,                        -- the citing paper, when it is in this knowledge base
        method TEXT,
        score REAL,
        UNIQUE (citekey, idx)
    );
    CREATE INDEX s2_citing_resolved ON s2_citing(resolved);
    CREATE INDEX s2_citing_arxiv_id ON s2_citing(arxiv_id);
    CREATE INDEX s2_citing_doi ON s2_citing(doi);
    CREATE INDEX s2_citing_author_tail ON s2_citing(substr(first_author, -4));
    CREATE INDEX s2_citing_work ON s2_citing(work_key);
    CREATE INDEX s2_citing_title_key ON s2_citing(title_key);
    """)


def m005_paper_settings(db: sqlite_utils.Database) -> None:
    """A paper's [paper] table in claims/<citekey>.toml: how exports present it
    (its anchor in a note's references list)."""
    _script(db, """
    CREATE TABLE paper_settings (
        citekey TEXT PRIMARY KEY,
        anchor TEXT,
        file TEXT NOT NULL
    );
    """)


def m006_reindex_titles(db: sqlite_utils.Database) -> None:
    """Titles and author names are normalised in one place now (kb/text/titles.py,
    kb/text/names.py), which reads some titles differently than the index did
    ("Pre-training" -> "pretraining"): forget when references.bib was indexed, so
    the next command re-indexes it and relinks the papers whose keys changed."""
    db.execute("DELETE FROM files WHERE path = 'references.bib'")


def m007_citation_contexts(db: sqlite_utils.Database) -> None:
    """For `kb audit`: the sentences of each paper that cite an entry of its own
    reference list (derived from its newest text, kb/text/citecontext.py), so the
    figures one paper attributes to another can be checked against it; joined to
    `refs` for the cited paper, so a paper added later is audited without
    re-reading the citing text. `restatements` holds the restatements a person
    judged ([[restatement]] in claims/<citekey>.toml), which kb audit reports no more.
    The claims files are forgotten so the next command re-indexes them and reads
    any [[restatement]] tables they hold."""
    _script(db, """
    CREATE TABLE cite_contexts (
        id INTEGER PRIMARY KEY,
        citekey TEXT NOT NULL,                -- the citing paper
        version TEXT,
        idx INTEGER NOT NULL,                 -- refs.idx of the entry cited (source 'text')
        page INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,       -- the sentence
        marker_start INTEGER NOT NULL, marker_end INTEGER NOT NULL,
        marker TEXT NOT NULL,                 -- '[48]', '[Str19]', 'Strubell et al. (2019)'
        style TEXT NOT NULL,                  -- numbered | alphanumeric | author-year | author
        sentence TEXT NOT NULL
    );
    CREATE INDEX cite_contexts_citekey ON cite_contexts(citekey, idx);

    CREATE TABLE restatements (
        id TEXT PRIMARY KEY,
        citekey TEXT NOT NULL,                -- the citing paper
        cited TEXT,
        page INTEGER,
        figure TEXT,
        verdict TEXT NOT NULL,                -- confirmed | differs | not-in-source
        note TEXT,
        file TEXT NOT NULL
    );
    DELETE FROM files WHERE path LIKE 'claims/%';
    """)


_FTS = {   # table -> (FTS columns, the table's rowid column)
    "pages": (("text",), "id"),
    "quotes": (("text", "topics"), "rowid"),
    "claims": (("id", "quote", "topics", "per"), "rowid"),
}
_KEYS = {   # table -> {column: what it references}
    "versions": {"citekey": "papers(citekey) ON DELETE CASCADE ON UPDATE CASCADE"},
    "pages": {"citekey": "papers(citekey) ON DELETE CASCADE ON UPDATE CASCADE"},
    "citations": {"citing": "papers(citekey) ON DELETE CASCADE ON UPDATE CASCADE",
                  "cited": "papers(citekey) ON DELETE CASCADE ON UPDATE CASCADE"},
}


def _add_references(db: sqlite_utils.Database, keys: dict[str, dict[str, str]]) -> None:
    """Rebuild each table of `keys` with REFERENCES on the given columns (SQLite
    cannot add a key to an existing column), keeping its other columns, indexes
    and triggers. All tables are renamed first and the old ones dropped last, so
    dropping an old parent table deletes no child rows. Rows pointing at nothing
    are derived data of a paper already gone: not copied."""
    import re

    plans = []
    for table, refs in keys.items():
        sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()[0]
        extras = [r[0] for r in db.execute("SELECT sql FROM sqlite_master WHERE tbl_name = ? "
                                           "AND type IN ('index', 'trigger') AND sql IS NOT NULL", [table])]
        for column, target in refs.items():
            sql, n = re.subn(rf"(\n\s*{column}\s+TEXT\b[^,\n]*?)(\s*,)", rf"\1 REFERENCES {target}\2", sql,
                             count=1)
            if n != 1:
                raise KBError(f"cannot add a foreign key to {table}.{column}", hint="run `kb rebuild`")
        columns = ", ".join(f'"{r[1]}"' for r in db.execute(f"PRAGMA table_info({table})"))
        keep = " AND ".join(f"{c} IN (SELECT citekey FROM papers)" for c in refs)
        plans.append((table, sql, extras, columns, keep))
    for table, *_ in plans:
        db.execute(f"ALTER TABLE {table} RENAME TO {table}_old")
    for table, sql, _, columns, keep in plans:
        db.execute(sql)
        db.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {table}_old WHERE {keep}")
    for table, *_ in reversed(plans):
        db.execute(f"DROP TABLE {table}_old")
    for _, _, extras, _, _ in plans:
        for statement in extras:
            db.execute(statement)


def _fts_index(db: sqlite_utils.Database, table: str) -> None:
    """`<table>_fts`, declared as sqlite-utils does, filled with folded text by triggers."""
    columns, rid = _FTS[table]
    fts = f"{table}_fts"
    names = ", ".join(columns)
    new = ", ".join(f"kb_search_text(new.{c})" for c in columns)
    old = ", ".join(f"kb_search_text(old.{c})" for c in columns)
    db.execute(f'CREATE VIRTUAL TABLE {fts} USING fts5({names}, content="{table}", content_rowid="{rid}", '
               "tokenize='unicode61 remove_diacritics 2')")
    db.execute(f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
               f"INSERT INTO {fts}(rowid, {names}) VALUES (new.{rid}, {new}); END")
    db.execute(f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
               f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.{rid}, {old}); END")
    db.execute(f"CREATE TRIGGER {table}_au AFTER UPDATE OF {names} ON {table} BEGIN "
               f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.{rid}, {old}); "
               f"INSERT INTO {fts}(rowid, {names}) VALUES (new.{rid}, {new}); END")
    _fill_fts(db, table)


def _fill_fts(db, table: str) -> None:
    """`<table>_fts` holding the text of every row of `table` as this kb folds it."""
    columns, rid = _FTS[table]
    db.execute(f"INSERT INTO {table}_fts(rowid, {', '.join(columns)}) SELECT {rid}, "
               + ", ".join(f"kb_search_text({c})" for c in columns) + f" FROM {table}")
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_folding', ?)", [SEARCH_FOLDING])


def refold_fts(db) -> None:
    """Every full-text index emptied and filled again with its table's text as this kb folds it
    (kb.store.fts.SEARCH_FOLDING), recorded in meta. Caller runs the transaction."""
    for table in _FTS:
        db.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('delete-all')")
        _fill_fts(db, table)


def m008_datasette_ready(db: sqlite_utils.Database) -> None:
    """Datasette and the sqlite-utils CLI find a full-text index declared
    `content="table"` (double quotes or brackets), not `content='table'`: kb's
    were invisible to them (`?_search=` was ignored). The indexes are declared
    again, and hold the text folded as quote matching folds it (kb_search_text,
    kb/store/fts.py), so `kb search efficient` finds pages printing "efﬁcient".
    Foreign keys let Datasette link rows: versions, pages and citations point
    at papers and go with them; quotes and claims may name a citekey that is
    not (or no longer) in references.bib, so they get a `paper` column instead,
    kept by triggers: the citekey while that paper is there, NULL after."""
    register_functions(db.conn)
    for table in _FTS:
        for suffix in ("ai", "ad", "au"):
            db.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
        db.execute(f"DROP TABLE IF EXISTS {table}_fts")
    _add_references(db, _KEYS)
    for table in ("quotes", "claims"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN paper TEXT "
                   "REFERENCES papers(citekey) ON DELETE SET NULL ON UPDATE CASCADE")
        db.execute(f"CREATE INDEX {table}_paper ON {table}(paper)")
        db.execute(f"CREATE TRIGGER {table}_paper AFTER INSERT ON {table} "
                   f"WHEN new.paper IS NULL AND new.citekey IN (SELECT citekey FROM papers) BEGIN "
                   f"UPDATE {table} SET paper = new.citekey WHERE rowid = new.rowid; END")
        db.execute(f"CREATE TRIGGER papers_{table} AFTER INSERT ON papers BEGIN "
                   f"UPDATE {table} SET paper = new.citekey WHERE citekey = new.citekey; END")
        db.execute(f"UPDATE {table} SET paper = citekey WHERE citekey IN (SELECT citekey FROM papers)")
    for table in _FTS:
        _fts_index(db, table)


def m009_text_numbers(db: sqlite_utils.Database) -> None:
    """For `kb audit`: the numbers with units of each paper's newest text (as
    kb.quantities.numbers reads them), found once when the text arrives instead of
    on every audit, which compares every restated figure with them (reading 1,000
    papers' numbers per audit took most of its time)."""
    _script(db, """
    CREATE TABLE text_numbers (
        id INTEGER PRIMARY KEY,
        citekey TEXT NOT NULL,
        version TEXT,
        page INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        number TEXT NOT NULL,                 -- as written: '626,155'
        value REAL,
        unit TEXT NOT NULL,                   -- canonical: 'lbCO2e'
        unit_text TEXT,                       -- as written: 'lbs'
        kind TEXT NOT NULL,                   -- quantity | range | table
        sentence TEXT
    );
    CREATE INDEX text_numbers_citekey ON text_numbers(citekey, page);
    """)


def m011_dismissals(db: sqlite_utils.Database) -> None:
    """Review decisions a person makes on extracted candidates live in the claims files
    (`[[dismissed]]`; a promoted one is a `[[claim]]`), so they outlive any index: this
    table indexes the dismissals, and `kb claims extract` re-applies them."""
    _script(db, """
    CREATE TABLE dismissals (
        citekey TEXT NOT NULL,
        version TEXT NOT NULL,
        page INTEGER NOT NULL,
        start INTEGER NOT NULL,
        number TEXT,
        file TEXT NOT NULL
    );
    CREATE INDEX dismissals_file ON dismissals(file);
    CREATE INDEX dismissals_where ON dismissals(citekey, version, page, start);
    """)


#: Every schema change, in order; `PRAGMA user_version` counts them.
def m010_file_identity(db: sqlite_utils.Database) -> None:
    """A truth file is stale when its size, modification time, change time or inode
    differ from what was indexed. Size and mtime alone missed an edit that kept both
    (a tool that restores mtime, `touch -r`); the change time cannot be set back, and a
    file replaced by another (a git checkout, an editor's save-by-rename) has a new inode."""
    _script(db, """
    ALTER TABLE files ADD COLUMN ctime_ns INTEGER;
    ALTER TABLE files ADD COLUMN inode INTEGER;
    """)


def m012_second_extraction(db: sqlite_utils.Database) -> None:
    """A paper added with `--extractor both` keeps a second extraction of each page
    (the other extractor's text), where a quote the first text misses may still be
    found. Not full-text indexed: search reads the first text, whose offsets every
    record points into. Rebuilt from the source cache (the manifest's extractor plan)."""
    _script(db, """
    CREATE TABLE second_pages (
        version_id INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
        page INTEGER NOT NULL,                -- 1-based
        extractor TEXT NOT NULL,              -- 'pypdf 7.1.1'
        text TEXT NOT NULL,
        PRIMARY KEY (version_id, page)
    );
    """)


def m013_file_indexes(db: sqlite_utils.Database) -> None:
    """Re-indexing one claims file deletes its rows `where file = ?`: without an index
    each delete scanned the whole table, so a bulk change of claims files (a git pull)
    grew with the number of files times the size of the knowledge base."""
    _script(db, """
    CREATE INDEX quotes_file ON quotes(file);
    CREATE INDEX claims_file ON claims(file);
    CREATE INDEX units_file ON units(file);
    CREATE INDEX checks_file ON checks(file);
    CREATE INDEX paper_settings_file ON paper_settings(file);
    CREATE INDEX restatements_file ON restatements(file);
    """)


def m014_claim_doubt(db: sqlite_utils.Database) -> None:
    """`kb claims` listed a claim as verified when its value had been edited by hand
    so that it is no longer among its quote's numbers (kb verify, doctor and check
    flagged it). Whether a claim stands is derived data (kb.ops.derive, with
    kb.quantities.quoted.claim_doubt, as kb verify decides it): NULL when it stands,
    else why not. Claims files are forgotten so the next command re-indexes them, and no
    claim counts as decided by this kb's reading (the column is empty, not a verdict: a
    re-index keeps the verdicts of claims it indexes again only under that reading)."""
    _script(db, """
    ALTER TABLE claims ADD COLUMN doubt TEXT;     -- why the claim is not verified; NULL: it is
    DELETE FROM files WHERE path LIKE 'claims/%';
    DELETE FROM meta WHERE key = 'claim_reading';
    """)


def m015_derive_on_first_use(db: sqlite_utils.Database) -> None:
    """The numbers with units and the citation contexts of a paper's text are read by
    `kb audit` alone, and finding them cost more than extracting a PDF with pdfium (a
    single `kb add` 4.4x its extraction). They are now made when `kb audit` first
    needs them: a text waiting for them is listed here. Texts indexed by an older kb
    without numbers are listed too (kb audit used to find them by a scan each time)."""
    _script(db, """
    CREATE TABLE derive_later (
        citekey TEXT PRIMARY KEY,     -- its newest text's numbers and contexts are not made yet
        version TEXT
    );
    INSERT OR IGNORE INTO derive_later (citekey, version)
        SELECT v.citekey, NULL FROM versions v WHERE v.text_status = 'ok'
        AND NOT EXISTS (SELECT 1 FROM text_numbers n WHERE n.citekey = v.citekey);
    """)


def m016_refs_by_author_tail_and_year(db: sqlite_utils.Database) -> None:
    """A paper added or edited is compared with the references resolved by title that
    its title could rival: same first-author tail, a year within one. With only the
    tail indexed, every reference to a common name's papers was read to test its year
    (2,500 rows a `kb text load` at 10,000 papers of the scale benchmark). The index on
    the tail alone is this one's first column, and goes."""
    _script(db, """
    CREATE INDEX refs_author_tail_year ON refs(substr(first_author, -4), year);
    DROP INDEX refs_author_tail;
    """)


def m017_quote_ids(db: sqlite_utils.Database) -> None:
    """A quote's id names it in the whole knowledge base (`kb quote rm ID`, a new quote's
    id made free of every other): each was a scan of every quote (45,000 at 10,000
    papers), and `kb quote add` read all their ids."""
    _script(db, """
    CREATE INDEX quotes_id ON quotes(id);
    """)


def m018_papers_resolving(db: sqlite_utils.Database) -> None:
    """Relinking after a paper is added or its text loaded reads the papers its
    references could name (kb.graph.links._papers_resolving): by arXiv id, by DOI
    folded to lower case, by first-author tail and year, and the few papers whose
    DOI is not ASCII or whose first author is unknown. One condition over all of
    them read the whole papers table (20 ms of a `kb text load` at 10,000 papers);
    each now has an index, partial where it selects a few odd rows."""
    _script(db, """
    CREATE INDEX papers_doi_lower ON papers(lower(doi));
    CREATE INDEX papers_author_tail_year ON papers(substr(first_author, -4), year);
    CREATE INDEX papers_doi_not_ascii ON papers(citekey) WHERE doi GLOB '*[^ -~]*';
    CREATE INDEX papers_no_first_author ON papers(citekey)
        WHERE (first_author IS NULL OR first_author = '') AND authors IS NOT NULL AND authors NOT IN ('', '[]');
    """)


def m019_reference_lists_on_first_use(db: sqlite_utils.Database) -> None:
    """A paper's reference list is read from its text, and the citation links of the
    paper relinked, when a command first reads the graph (kb graph, kb refs, kb cite,
    kb audit: kb.ops.derive.ensure_references), not by the `kb add` or `kb text load`
    that stored the text: reading and linking it was a third of a `kb add`'s own work
    beside PDFium's extraction. A text whose list waits is listed here. A bulk import
    and `kb rebuild` read every list as before (in a pool of workers, or all at once)."""
    _script(db, """
    CREATE TABLE refs_later (
        citekey TEXT PRIMARY KEY,     -- its newest text's reference list is not read yet
        version TEXT
    );
    """)


def m020_files_fingerprint(db: sqlite_utils.Database) -> None:
    """Whether a truth file changed since it was indexed is asked by every command: at
    10,000 claims files, reading the `files` table to compare it with the files' stats
    took 20 ms of each. The index now notes the table's fingerprint in `meta`
    (files_digest, kb.store.stale.remember) and compares a scan's with it; any change to
    the table's paths and identities, by kb or by another tool, drops the note, which
    the next write of kb makes again (a changed sha256 alone keeps it: the fingerprint
    is of what a stat sees)."""
    _script(db, """
    CREATE TRIGGER files_digest_insert AFTER INSERT ON files BEGIN
        DELETE FROM meta WHERE key = 'files_digest';
    END;
    CREATE TRIGGER files_digest_update AFTER UPDATE OF path, size, mtime_ns, ctime_ns, inode ON files BEGIN
        DELETE FROM meta WHERE key = 'files_digest';
    END;
    CREATE TRIGGER files_digest_delete AFTER DELETE ON files BEGIN
        DELETE FROM meta WHERE key = 'files_digest';
    END;
    """)


def m021_quote_doubt(db: sqlite_utils.Database) -> None:
    """A quote whose text was edited by hand in its claims file kept the `status =
    "verified"` kb wrote for the text it had verified, and `kb quote ls` and `kb export
    note` showed and exported the new text as verified (kb verify failed it). Whether a
    stored quote still stands is derived data, as a claim's is (m014): NULL when it does,
    else why not (kb.ops.derive.quote_doubts). Claims files are forgotten so the next
    command re-indexes them and decides every quote once."""
    _script(db, """
    ALTER TABLE quotes ADD COLUMN doubt TEXT;     -- why the quote is not found in its text; NULL: it is
    DELETE FROM files WHERE path LIKE 'claims/%';
    DELETE FROM meta WHERE key = 'claim_reading';
    """)


def m022_candidate_per(db: sqlite_utils.Database) -> None:
    """A candidate's per as its page prints it, when kb has no unit for it: "25 kWh per run"
    was the candidate "25 kWh/item", and `kb claims promote` stored "25 kWh/item" with the
    noun lost; the candidate is now "25 kWh" per "run", as `kb claim add ... --per run` is."""
    _script(db, """
    ALTER TABLE candidates ADD COLUMN per TEXT;   -- what the figure is per, as printed; NULL: none
    """)


def m023_stale(db: sqlite_utils.Database) -> None:
    """A quote or claim verified in its version that a newer version kb holds the text of no longer prints
    (kb verify's "stale") was said by kb verify alone: kb quote ls, kb claims, kb search and kb export note
    listed it verified. Whether it is stale is derived data, as its doubt is (m014, m021): the version it
    changed in and what kb verify says of it, NULL where it is not (kb.ops.derive.stale_marks). The index's
    quotes and claims are decided again by the kb reading claims as CLAIM_READING 50 does."""
    _script(db, """
    ALTER TABLE quotes ADD COLUMN stale_in TEXT;  -- the newer version that no longer prints it; NULL: none
    ALTER TABLE quotes ADD COLUMN stale TEXT;     -- what kb verify says of it then
    ALTER TABLE claims ADD COLUMN stale_in TEXT;
    ALTER TABLE claims ADD COLUMN stale TEXT;
    DELETE FROM meta WHERE key = 'claim_reading';
    """)



def m024_moved(db: sqlite_utils.Database) -> None:
    """A quote or claim a newer version kb holds the text of prints word for word, but on another page than the one
    stored (v1's page 3, v2's page 4), was said so by kb verify alone: kb quote ls, kb claims, kb search and kb export
    note gave the stored page, the wrong one for a writer citing the newest version. Where it is is derived data, as
    its staleness is (m023): that version and its page or pages ('4', '4-5'), NULL where it is on the page stored
    (kb.ops.derive.stale_marks). The index's quotes and claims are decided again by the kb reading claims as
    CLAIM_READING 62 does."""
    _script(db, """
    ALTER TABLE quotes ADD COLUMN moved_in TEXT;  -- the newer version that prints it on another page; NULL: none
    ALTER TABLE quotes ADD COLUMN moved_to TEXT;  -- its page there, or pages: '4', '4-5'
    ALTER TABLE claims ADD COLUMN moved_in TEXT;
    ALTER TABLE claims ADD COLUMN moved_to TEXT;
    DELETE FROM meta WHERE key = 'claim_reading';
    """)

def m025_unread_pages(db: sqlite_utils.Database) -> None:
    """The pages of a version kb could not read (an extractor lost them, its page tree reaches them again, their content
    streams are not in the file), kept empty, were said by kb add's warning alone: kb show said nothing of them after.
    Kept with the version as JSON {page: why}; NULL for a version an older kb stored (its empty pages are not known
    from a blank one, so nothing is said of them) until its text is read again (kb rebuild)."""
    _script(db, """
    ALTER TABLE versions ADD COLUMN unread TEXT;   -- JSON {page: why}; NULL: not known (stored by an older kb)
    """)


MIGRATIONS = (m001_papers, m002_quotes_claims_checks, m003_references_and_citations,
              m004_citation_graph, m005_paper_settings, m006_reindex_titles,
              m007_citation_contexts, m008_datasette_ready, m009_text_numbers, m010_file_identity,
              m011_dismissals, m012_second_extraction, m013_file_indexes, m014_claim_doubt,
              m015_derive_on_first_use, m016_refs_by_author_tail_and_year, m017_quote_ids,
              m018_papers_resolving, m019_reference_lists_on_first_use, m020_files_fingerprint,
              m021_quote_doubt, m022_candidate_per, m023_stale, m024_moved, m025_unread_pages)


def _migrations() -> Migrations:
    from sqlite_utils.migrations import Migrations

    migrations = Migrations("kb")
    for step in MIGRATIONS:
        migrations()(step)
    return migrations
