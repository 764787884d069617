"""kb.store.index: references.bib -> papers renders only the entries that changed."""

from __future__ import annotations

import pytest

import kb.store.index as index
from kb.sources.bibtex import BibFile
from kb.store.knowledgebase import KB


def entry(i: int, title: str | None = None) -> str:
    return (f"@article{{p{i},\n  title = {{{title or f'Energy {{of}} Model {i}'}}},\n"
            f"  author = {{M{{\\\"u}}ller, Anna and Other, Bo}},\n  year = {{{2000 + i}}}\n}}\n\n")


@pytest.fixture
def base(kb_root):
    (kb_root / "references.bib").write_text("".join(entry(i) for i in range(30)))
    kb = KB.open(kb_root)
    yield kb
    kb.close()


def rendered(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = index.paper_row

    def counting(key, *args, **kw):
        calls.append(key)
        return real(key, *args, **kw)

    monkeypatch.setattr(index, "paper_row", counting)
    return calls


def reindex(kb, text: str) -> None:
    kb.layout.bib.write_text(text)
    with kb.writing():
        pass                      # the sync of a changed references.bib


def test_only_changed_entries_are_rendered(base, monkeypatch):
    calls = rendered(monkeypatch)
    text = "".join(entry(i) for i in range(30))
    # One entry added at the end: only it is rendered.
    reindex(base, text + entry(30))
    assert calls == ["p30"]
    # One entry edited in the middle, one removed, one added at the top (the rest move down).
    calls.clear()
    edited = "".join(entry(i, "A New Title" if i == 7 else None) for i in range(31) if i != 12)
    reindex(base, entry(99) + edited)
    assert sorted(calls) == ["p7", "p99"]
    assert base.conn.execute("select count(*) from papers where citekey = 'p12'").fetchone()[0] == 0
    # Every row is what rendering the whole file from nothing gives (positions included).
    for i, e in enumerate(BibFile.load(base.layout.bib).all_entries()):
        want = index.paper_row(e.key, e.entry_type, e.fields, i)
        cols = ("entry_type", "title", "authors", "year", "first_author", "fields", "position", "title_norm")
        row = base.conn.execute(f"select {', '.join(cols)} from papers where citekey = ?", [e.key]).fetchone()
        assert row == tuple(want[c] for c in cols), e.key
    assert base.conn.execute("select title, first_author from papers where citekey = 'p7'").fetchone() == \
        ("A New Title", "muller")


def test_a_new_way_of_rendering_renders_every_entry_once(base, monkeypatch):
    # A kb that renders entries differently (PAPER_RENDERING bumped) renders every row again
    # on its first re-index, then only what changes.
    calls = rendered(monkeypatch)
    monkeypatch.setattr(index, "PAPER_RENDERING", index.PAPER_RENDERING + "-next")
    text = "".join(entry(i) for i in range(30))
    reindex(base, text + entry(30))
    assert len(calls) == 31
    calls.clear()
    reindex(base, text + entry(30) + entry(31))
    assert calls == ["p31"]


def test_changed_entries_are_handed_to_derive(kb_root):
    (kb_root / "references.bib").write_text("".join(entry(i) for i in range(5)))
    seen = []
    kb = KB.open(kb_root, derive=lambda _kb, changes: seen.append(set(changes.papers)))
    try:
        assert seen == [{f"p{i}" for i in range(5)}]
        reindex(kb, entry(9) + "".join(entry(i, "Other" if i == 2 else None) for i in range(5) if i != 3))
        assert seen[-1] == {"p9", "p2", "p3"}          # added, edited, removed; the moved ones not
    finally:
        kb.close()


CHILD = "@inproceedings{smith2020talk,\n  author = {Smith, Jane},\n  title = {A Talk on Energy},\n  crossref = {CONF2020}\n}\n\n"
PARENT = ("@proceedings{conf2020,\n  title = {Proceedings of the Energy Conference},\n  editor = {Doe, John},\n"
          "  year = {2020}\n}\n\n")


def row(kb, key: str) -> tuple:
    return kb.conn.execute("select year, venue, fields from papers where citekey = ?", [key]).fetchone()


def test_an_entry_reads_the_year_and_venue_its_crossref_parent_lends_and_follows_it(kb_root):
    """An @inproceedings whose year and booktitle are its proceedings' (crossref, matched
    whatever the key's case, as BibTeX does) lists with them; an edit of the parent, or the
    parent gone, is followed; the entry's own fields are kept as written."""
    (kb_root / "references.bib").write_text(CHILD + PARENT)
    kb = KB.open(kb_root)
    try:
        kb.db
        year, venue, fields = row(kb, "smith2020talk")
        assert (year, venue) == (2020, "Proceedings of the Energy Conference")
        assert "year" not in fields and "booktitle" not in fields
        reindex(kb, CHILD + PARENT.replace("2020}", "2021}"))
        assert row(kb, "smith2020talk")[:2] == (2021, "Proceedings of the Energy Conference")
        reindex(kb, CHILD)
        assert row(kb, "smith2020talk")[:2] == (None, None)
        reindex(kb, CHILD.replace("crossref", "year = {2019},\n  booktitle = {Own},\n  crossref") + PARENT)
        assert row(kb, "smith2020talk")[:2] == (2019, "Own")      # its own fields first
    finally:
        kb.close()


@pytest.mark.parametrize("etype, parent, lent", [
    ("inproceedings", {"title": "Proc", "year": "2020", "doi": "10.1/p", "author": "X"},
     {"year": "2020", "booktitle": "Proc"}),
    ("article", {"journaltitle": "J", "date": "2020-05", "title": "Issue", "url": "u"},
     {"date": "2020-05", "journaltitle": "J"}),
    ("inproceedings", {"booktitle": "B", "year": " "}, {"booktitle": "B"}),
    ("inproceedings", None, {}),
])
def test_a_parent_lends_when_and_where_never_what_names_the_work(etype, parent, lent):
    from kb.sources.metadata import lent_by_crossref

    assert lent_by_crossref(etype, {"title": "Own", "author": "Me", "crossref": "p"}, parent) == lent


QUOTE = '[[quote]]\nid = "{id}"\ntext = "a passage {n}"\nstatus = "unverified"\n\n'
CLAIM = '[[claim]]\nid = "{id}"\nvalue = "{n} kWh"\nstatus = "unverified"\n\n'


@pytest.mark.parametrize("files, said", [
    # ids are checked against the file's own records before them, with the line of the second
    ({"p1": QUOTE.format(id="q", n=1) + QUOTE.format(id="r", n=2) + QUOTE.format(id="q", n=3)},
     "claims/p1.toml:11: quote id 'q' is also used earlier in this file"),
    ({"p1": CLAIM.format(id="c", n=1) + CLAIM.format(id="c", n=2)},
     "claims/p1.toml:6: claim id 'c' is defined twice (also at line 1)"),
    # and against every other file's: a quote id in the whole knowledge base, a claim's in its paper
    ({"p1": QUOTE.format(id="q", n=1), "p2": QUOTE.format(id="q", n=2)},
     "claims/p2.toml:1: quote id 'q' is also used in claims/p1.toml:1"),
    ({"p1": CLAIM.format(id="c", n=1), "summary": '[[claim]]\nid = "c"\nvalue = "2 kWh"\npaper = "p1"\n'},
     "claims/summary.toml:1: claim id 'c' is defined twice (also in claims/p1.toml:1)"),
    # the same claim id under two papers, or a quote's id used by a claim, is no clash
    ({"p1": CLAIM.format(id="c", n=1) + QUOTE.format(id="c", n=1), "p2": CLAIM.format(id="c", n=2)}, None),
])
def test_ids_are_checked_against_the_file_and_the_knowledge_base(base, files, said):
    from kb.errors import FileFormatError

    base.layout.claims.mkdir(exist_ok=True)
    for name, text in files.items():
        (base.layout.claims / f"{name}.toml").write_text(text)
    if said is None:
        with base.writing():
            pass
        assert base.conn.execute("select count(*) from claims where id = 'c'").fetchone()[0] == 2
        return
    with pytest.raises(FileFormatError) as caught:
        with base.writing():
            pass
    assert str(caught.value).startswith(said), str(caught.value)


def test_a_claim_id_every_paper_uses_is_checked_against_its_own_papers_rows_alone(base, monkeypatch):
    """A claim's id is its paper's: the same id in every paper's file ("energy") was checked by
    asking for every row of that id, so indexing n such files read n²/2 rows (minutes at 10,000
    papers in kb rebuild). Each file's check now reads only its own paper's rows, and a clash
    within a paper is still found."""
    from kb.errors import FileFormatError

    seen: list[tuple[int, int]] = []           # (ids asked, rows found) of each check
    real = index.Indexer._used_ids

    def counted(self, sql, ids, *params):
        found = real(self, sql, ids, *params)
        seen.append((len(ids), len(found)))
        return found

    monkeypatch.setattr(index.Indexer, "_used_ids", counted)
    base.layout.claims.mkdir(exist_ok=True)
    for i in range(30):
        (base.layout.claims / f"p{i}.toml").write_text(CLAIM.format(id="energy", n=i))
    with base.writing():
        pass
    assert base.conn.execute("select count(*) from claims where id = 'energy'").fetchone() == (30,)
    assert seen and all(found <= asked for asked, found in seen), max(found for _, found in seen)
    (base.layout.claims / "summary.toml").write_text('[[claim]]\nid = "energy"\nvalue = "2 kWh"\npaper = "p7"\n')
    with pytest.raises(FileFormatError, match="claim id 'energy' is defined twice \\(also in claims/p7.toml:1\\)"):
        with base.writing():
            pass


def test_thousands_of_claims_files_rebuilt_at_once_are_decided_within_sqlites_bound(base, monkeypatch):
    """SQLite before 3.32 binds at most 999 values to a statement: a rebuild (or a kb reading
    claims anew) decided every claims file in one statement naming them all. Here the bound
    is 30 (a paper's row takes 19) and the files 40."""
    import sqlite3

    import kb.store.knowledgebase as knowledgebase
    from kb.ops import derive
    from kb.ops.rebuild import rebuild

    connect = knowledgebase.connect

    def bounded(path, **kw):
        conn = connect(path, **kw)
        conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 30)
        return conn

    monkeypatch.setattr(derive, "FILES_AT_ONCE", 25, raising=False)
    monkeypatch.setattr(knowledgebase, "connect", bounded)
    base.layout.claims.mkdir(exist_ok=True)
    for i in range(40):
        (base.layout.claims / f"p{i}.toml").write_text(
            QUOTE.format(id=f"q{i}", n=i).replace('"unverified"', '"verified"') + CLAIM.format(id="c", n=i))
    base.close()
    rebuild(base.root)
    kb = KB.open(base.root)
    try:
        rows = kb.conn.execute("select citekey, base_value, base_unit from claims order by citekey").fetchall()
        assert rows == sorted((f"p{i}", i * 3.6e6, "kg·m^2/s^2") for i in range(40))
        # a quote marked verified of a paper kb holds no text of: nothing to doubt
        assert kb.conn.execute("select count(*) from quotes where doubt is null").fetchone() == (40,)
    finally:
        kb.close()


def _rows(kb, table: str) -> list[str]:
    return [r[0] for r in kb.conn.execute(f"select id from {table} order by rowid")]


def _synced(kb, path, text: str) -> None:
    path.write_text(text)
    with kb.writing():
        pass


def _deletes(kb) -> list[str]:
    """The ids of quotes and claims deleted from the index from now on (a trigger of this connection)."""
    kb.conn.execute("create temp table if not exists deleted (id text)")
    for table in ("quotes", "claims"):
        kb.conn.execute(f"create temp trigger if not exists {table}_deleted after delete on main.{table} "
                        "begin insert into deleted values (old.id); end")
    kb.conn.execute("delete from deleted")
    return lambda: kb.conn.execute("select id from deleted").fetchall()


def test_records_written_after_a_claims_file_are_indexed_alone(base):
    """kb claim add appends to a claims file of thousands of records: the records after the
    file as indexed are indexed alone, its other rows kept (none deleted and inserted again);
    any other change indexes the file anew, in its order."""
    from kb.ops.session import apply_derive

    base.derive = apply_derive                  # as commands open it: what is derived of the new record
    base.layout.claims.mkdir(exist_ok=True)
    path = base.layout.claims / "p1.toml"
    text = QUOTE.format(id="q1", n=1) + CLAIM.format(id="c1", n=1) + CLAIM.format(id="c2", n=2)
    _synced(base, path, text)
    deleted = _deletes(base)
    text += CLAIM.format(id="c3", n=3) + QUOTE.format(id="q2", n=2)
    _synced(base, path, text)
    assert deleted() == []
    assert _rows(base, "quotes") == ["q1", "q2"] and _rows(base, "claims") == ["c1", "c2", "c3"]
    assert base.conn.execute("select value, base_value from claims where id = 'c3'").fetchone() == (3.0, 3 * 3.6e6)
    # a record changed before the end: all anew, in the file's order
    _synced(base, path, text.replace('value = "2 kWh"', 'value = "5 kWh"'))
    assert sorted(deleted()) == [("c1",), ("c2",), ("c3",), ("q1",), ("q2",)]
    assert _rows(base, "claims") == ["c1", "c2", "c3"]
    assert base.conn.execute("select value from claims where id = 'c2'").fetchone() == (5.0,)
    # an appended id used before it in the file is refused as it always was
    from kb.errors import FileFormatError

    with pytest.raises(FileFormatError, match="claim id 'c1' is defined twice \\(also at line \\d+\\)"):
        _synced(base, path, text + CLAIM.format(id="c1", n=9))


def test_a_check_moved_down_by_an_edit_above_it_is_indexed_at_its_new_line(base):
    base.layout.claims.mkdir(exist_ok=True)
    path = base.layout.claims / "p1.toml"
    check = '[[check]]\nid = "k"\nstated = "2 kWh"\nexpr = "1 kWh * 2"\n\n'
    _synced(base, path, CLAIM.format(id="c1", n=1) + check)
    assert base.conn.execute("select line from checks").fetchone() == (6,)
    _synced(base, path, "# figures of p1\n" + CLAIM.format(id="c1", n=1) + check + CLAIM.format(id="c2", n=2))
    assert base.conn.execute("select line from checks").fetchone() == (7,)
    assert _rows(base, "claims") == ["c1", "c2"]
