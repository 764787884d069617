"""kb.store.sqlite.Database: the writes kb makes without sqlite-utils mean what they
meant through sqlite-utils' Database (the migrations still run through it)."""

from __future__ import annotations

import sqlite3

import pytest

from kb.store.sqlite import Database, transaction


@pytest.fixture
def db() -> Database:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("create table t (id integer primary key, name text)")
    return Database(conn)


def test_query_gives_rows_as_dictionaries_and_refuses_a_statement_without_rows(db):
    db.execute("insert into t (name) values (?)", ["a"])
    db.execute("insert into t (name) values ('b')")
    assert list(db.query("select id, name from t order by id")) == [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]
    assert list(db.query("select name from t where id = ?", [2])) == [{"name": "b"}]
    with pytest.raises(ValueError):
        db.query("delete from t")


def test_a_failed_transaction_leaves_nothing(db):
    with pytest.raises(RuntimeError):
        with transaction(db):
            db.execute("insert into t (name) values ('gone')")
            raise RuntimeError("midway")
    assert not db.conn.in_transaction
    assert db.execute("select count(*) from t").fetchone()[0] == 0


def test_a_nested_block_rolls_back_alone_and_the_outer_one_commits(db):
    with transaction(db):
        db.execute("insert into t (name) values ('outer')")
        with pytest.raises(KeyError):
            with db.atomic():
                db.execute("insert into t (name) values ('inner')")
                raise KeyError("inner")
        with db.atomic():
            db.execute("insert into t (name) values ('kept')")
    assert [r["name"] for r in db.query("select name from t order by id")] == ["outer", "kept"]


def test_a_statement_that_ends_the_transaction_itself_is_not_rolled_back_twice(db):
    """A RAISE(ROLLBACK) trigger ends the transaction: the original error comes out,
    not 'no such savepoint'."""
    db.execute("create trigger stop before insert on t when new.name = 'x' "
               "begin select raise(rollback, 'refused'); end")
    with pytest.raises(sqlite3.IntegrityError, match="refused"):
        with transaction(db):
            with db.atomic():
                db.execute("insert into t (name) values ('x')")
    assert not db.conn.in_transaction
