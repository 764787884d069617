"""kb.store.db: the index as other tools read it. Datasette and sqlite-utils
detect the full-text indexes (`<table>_fts` declared content="<table>") and
follow the foreign keys; the migration that made them keeps the rows, folds
the indexed text as quote matching does, and `kb rebuild` and `kb doctor`
agree with it."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
from kbrun import run_kb

from kb.store import db as dbmod
from kb.store.sqlite import SCHEMA_VERSION

BIB = """@misc{alpha2020energy,
  title = {Energy of Image Generation},
  author = {Hern{\\'a}ndez, Ana and Smith, John},
  year = {2020},
}

@misc{beta2021carbon,
  title = {Carbon Accounting},
  author = {Doe, Jane},
  year = {2021},
}
"""
PAGES = ["The least efﬁcient model uses 11.49 kWh for 1,000 images.", "We emit 0.3g of 𝐶𝑂2𝑒𝑞 per image."]
CLAIMS = """
[[claim]]
id = "kwh-per-1000"
value = "11.49 kWh"
per = "1,000 images"
quote = "The least efficient model uses 11.49 kWh for 1,000 images."
page = 1
topics = ["zeppelinology"]
status = "unverified"
"""


@pytest.fixture
def kb_root(tmp_path) -> Path:
    from kb.store.knowledgebase import init

    root, _ = init(tmp_path / "kb")
    (root / "references.bib").write_text(BIB)
    (root / "claims" / "alpha2020energy.toml").write_text(CLAIMS)
    src = tmp_path / "pages.json"
    src.write_text(json.dumps(PAGES))
    r = run_kb("--kb", root, "text", "load", "alpha2020energy", src, "--extractor", "test")
    assert r.code == 0, r.err
    return root


def test_fts_tables_are_detected_and_keys_declared(kb_root):
    import sqlite_utils

    db = sqlite_utils.Database(kb_root / ".kb" / "kb.sqlite")
    assert {t: db[t].detect_fts() for t in ("pages", "quotes", "claims")} == \
        {"pages": "pages_fts", "quotes": "quotes_fts", "claims": "claims_fts"}
    keys = {(t, fk.column, fk.other_table) for t in ("versions", "pages", "quotes", "claims", "citations")
            for fk in db[t].foreign_keys}
    assert {("versions", "citekey", "papers"), ("pages", "citekey", "papers"), ("pages", "version_id", "versions"),
            ("quotes", "paper", "papers"), ("claims", "paper", "papers"), ("citations", "citing", "papers"),
            ("citations", "cited", "papers")} <= keys
    # sqlite-utils' own search, as `sqlite-utils search` runs it (the index holds folded text)
    assert [r["id"] for r in db["claims"].search("zeppelinology")] == ["kwh-per-1000"]
    assert [r["page"] for r in db["pages"].search("efficient")] == [1]
    assert [r["page"] for r in db["pages"].search("co2eq")] == [2]
    assert db.execute("select paper from claims").fetchall() == [("alpha2020energy",)]


def test_datasette_searches_claims_with_no_configuration(kb_root):
    datasette_app = pytest.importorskip("datasette.app", reason="datasette is in the test extra")

    ds = datasette_app.Datasette([str(kb_root / ".kb" / "kb.sqlite")], immutables=[])

    async def get(path: str):
        response = await ds.client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        return response.json()

    async def run():
        claims = await get("/kb/claims.json?_search=zeppelinology&_shape=array")
        pages = await get("/kb/pages.json?_search=efficient&_shape=array")
        nothing = await get("/kb/claims.json?_search=nosuchword&_shape=array")
        table = await get("/kb/claims.json")
        return claims, pages, nothing, table

    claims, pages, nothing, table = asyncio.run(run())
    assert [c["id"] for c in claims] == ["kwh-per-1000"]
    assert [p["page"] for p in pages] == [1]
    assert nothing == []
    assert len(table["rows"]) == 1


def test_deleting_a_paper_takes_its_derived_rows_and_clears_its_claims_link(kb_root):
    (kb_root / "references.bib").write_text(BIB.split("@misc{beta")[0].replace("alpha2020energy", "gone2020x"))
    r = run_kb("--kb", kb_root, "ls", "--json")
    assert r.code == 0, r.err
    with sqlite3.connect(kb_root / ".kb" / "kb.sqlite") as conn:
        assert conn.execute("select count(*) from versions where citekey = 'alpha2020energy'").fetchone() == (0,)
        assert conn.execute("select count(*) from pages where citekey = 'alpha2020energy'").fetchone() == (0,)
        assert conn.execute("select citekey, paper from claims").fetchall() == [("alpha2020energy", None)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_rebuild_and_doctor_agree_with_the_new_schema(kb_root):
    r = run_kb("--kb", kb_root, "rebuild")
    assert r.code == 0, r.err
    r = run_kb("--kb", kb_root, "doctor")
    assert r.code == 0, r.out + r.err
    r = run_kb("--kb", kb_root, "search", "efficient", "--json")
    assert r.code == 0
    assert [h["snippet"] for h in r.json if h["kind"] == "page"] == \
        ["The least «efﬁcient» model uses 11.49 kWh for 1,000 images."]


def test_migration_from_the_previous_schema_keeps_rows_and_drops_orphans(tmp_path):
    path = tmp_path / "old.sqlite"
    db = dbmod.connect(path)
    dbmod._migrations().apply(db, stop_before="m008_datasette_ready")
    db.execute("insert into papers (citekey) values ('a')")
    db.execute("insert into versions (citekey, version, text_status) values ('a', 'v1', 'ok')")
    db.execute("insert into versions (citekey, version, text_status) values ('ghost', 'v1', 'ok')")
    db.execute("insert into pages (version_id, citekey, version, page, text) values (1, 'a', 'v1', 1, 'efﬁ-\ncient')")
    db.execute("insert into citations (citing, cited, methods) values ('a', 'ghost', 'title')")
    db.execute("insert into quotes (id, citekey, text, status, file) values ('q', 'a', 'A quote', 'verified', 'x')")
    dbmod.migrate(db)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(dbmod.MIGRATIONS)
    assert db.execute("select citekey from versions").fetchall() == [("a",)]
    assert db.execute("select count(*) from citations").fetchone() == (0,)
    assert db.execute("select text from pages").fetchall() == [("efﬁ-\ncient",)]      # the text as printed
    assert db.execute("select rowid from pages_fts where pages_fts match 'efficient'").fetchall() == [(1,)]
    assert db.execute("select paper from quotes").fetchall() == [("a",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.execute("insert into pages_fts(pages_fts) values ('integrity-check')")


def test_the_documented_datasette_metadata_and_its_canned_queries_run(kb_root):
    datasette_app = pytest.importorskip("datasette.app", reason="datasette is in the test extra")

    metadata = json.loads((Path(__file__).resolve().parents[2] / "docs" / "datasette-metadata.json").read_text())
    ds = datasette_app.Datasette([str(kb_root / ".kb" / "kb.sqlite")], metadata=metadata)

    async def run():
        out = {}
        for name, params in (("unverified", ""), ("search_pages", "&words=efficient"),
                             ("claims_by_unit", "&unit=kWh"), ("most_cited_here", ""), ("cited_next", ""),
                             ("quotes_of_paper", "&citekey=alpha2020energy")):
            response = await ds.client.get(f"/kb/{name}.json?_shape=array{params}")
            assert response.status_code == 200, (name, response.text[:300])
            out[name] = response.json()
        return out

    out = asyncio.run(run())
    assert [r["id"] for r in out["unverified"]] == ["kwh-per-1000"]
    assert [r["page"] for r in out["search_pages"]] == [1]
    assert [r["id"] for r in out["claims_by_unit"]] == ["kwh-per-1000"]


def test_a_migrations_script_runs_statement_by_statement_inside_its_transaction(tmp_path):
    # kb.store.db._script splits at each `;` that ends a whole statement: a trigger's body
    # and a string holding ';' stay whole, and the open transaction is not committed (as
    # sqlite3's executescript would); the schema is the one executescript makes.
    import sqlite_utils

    from kb.store.db import _script

    sql = """
    CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT DEFAULT 'a; b');  ;
    CREATE TABLE log (msg TEXT);
    CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN
        INSERT INTO log VALUES ('one; two');
        INSERT INTO log VALUES (new.note);
    END;
    INSERT INTO t (note) VALUES ('x;y')
    """
    plain = sqlite3.connect(tmp_path / "plain.db")
    plain.executescript(sql)
    db = sqlite_utils.Database(tmp_path / "kb.db")
    db.conn.execute("begin")
    _script(db, sql)
    assert db.conn.in_transaction
    db.conn.rollback()
    assert db.conn.execute("select count(*) from sqlite_master").fetchone()[0] == 0   # rolled back whole
    db.conn.execute("begin")
    _script(db, sql)
    db.conn.commit()
    schema = "select type, name, sql from sqlite_master order by name"
    assert db.conn.execute(schema).fetchall() == plain.execute(schema).fetchall()
    assert db.conn.execute("select * from log").fetchall() == [("one; two",), ("x;y",)]
    assert db.conn.execute("select note from t").fetchall() == [("x;y",)]
