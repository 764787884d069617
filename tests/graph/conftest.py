"""The five papers of the corpus and their ten links, and a bare graph
database, shared by the linking and the views tests of kb.graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus import wattbot_pages

from kb.graph import links as graph
from kb.store import db as kdb
from kb.text.names import first_author_key

# citekey, corpus text, title, authors ("Last, First"), year, arXiv id, DOI
FIVE = [
    ("strubell2019energy", "strubell2019", "Energy and Policy Considerations for Deep Learning in NLP",
     ["Strubell, Emma", "Ganesh, Ananya", "McCallum, Andrew"], 2019, "1906.02243", "10.18653/v1/p19-1355"),
    ("patterson2021carbon", "patterson2021", "Carbon Emissions and Large Neural Network Training",
     ["Patterson, David", "Gonzalez, Joseph", "Le, Quoc"], 2021, "2104.10350", None),
    ("dodge2022measuring", "dodge2022", "Measuring the Carbon Intensity of AI in Cloud Instances",
     ["Dodge, Jesse", "Prewitt, Taylor"], 2022, "2206.05229", None),
    ("luccioni2023counting", "luccioni2023",
     "Counting Carbon: A Survey of Factors Influencing the Emissions of Machine Learning",
     ["Luccioni, Alexandra Sasha", "Hernandez-Garcia, Alex"], 2023, "2302.08476", None),
    ("luccioni2023power", "luccioni2024", "Power Hungry Processing: Watts Driving the Cost of AI Deployment?",
     ["Luccioni, Alexandra Sasha", "Jernite, Yacine", "Strubell, Emma"], 2023, "2311.16863", None),
]
EXPECTED = {
    ("patterson2021carbon", "strubell2019energy"),
    ("dodge2022measuring", "strubell2019energy"),
    ("dodge2022measuring", "patterson2021carbon"),
    ("luccioni2023counting", "strubell2019energy"),
    ("luccioni2023counting", "patterson2021carbon"),
    ("luccioni2023counting", "dodge2022measuring"),
    ("luccioni2023power", "strubell2019energy"),
    ("luccioni2023power", "patterson2021carbon"),
    ("luccioni2023power", "dodge2022measuring"),
    ("luccioni2023power", "luccioni2023counting"),
}




def make_db(path: Path):
    db = kdb.connect(path)
    kdb.migrate(db)
    return db


def insert_paper(db, citekey: str, title: str, authors: list[str], year: int | None,
                 arxiv_id: str | None = None, doi: str | None = None, pages: list[str] | None = None) -> None:
    """A paper as the core would index it: papers, versions, pages rows."""
    db.execute("INSERT INTO papers (citekey, title, authors, year, arxiv_id, doi, first_author) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
               [citekey, title, json.dumps(authors), year, arxiv_id, doi, first_author_key(authors) or None])
    if pages is not None:
        cur = db.execute("INSERT INTO versions (citekey, version, source_kind, page_count, extractor, "
                         "text_status) VALUES (?, 'v1', 'text', ?, 'pypdf', 'ok')", [citekey, len(pages)])
        vid = cur.lastrowid
        db.conn.executemany("INSERT INTO pages (version_id, citekey, version, page, text) "
                            "VALUES (?, ?, 'v1', ?, ?)",
                            [(vid, citekey, i, text) for i, text in enumerate(pages, 1)])


def pages_of(db, citekey: str) -> list[str]:
    return [t for (t,) in db.execute("SELECT text FROM pages WHERE citekey = ? ORDER BY page", [citekey])]


def links_of(db) -> set[tuple[str, str]]:
    return {(a, b) for a, b in db.execute("SELECT citing, cited FROM citations")}


# The data and helpers above, as fixtures under the names the tests use.

@pytest.fixture(name="FIVE")
def five_papers() -> list[tuple]:
    return FIVE


@pytest.fixture(name="EXPECTED")
def expected_links() -> set[tuple[str, str]]:
    return EXPECTED


@pytest.fixture(name="new_db")
def new_db_fixture():
    return make_db


@pytest.fixture(name="add_paper")
def add_paper_fixture():
    return insert_paper


@pytest.fixture(name="stored_pages")
def stored_pages_fixture():
    return pages_of


@pytest.fixture(name="links")
def links_fixture():
    return links_of


@pytest.fixture(scope="module")
def five_db(tmp_path_factory):
    """All five papers in, then each reference list indexed."""
    db = make_db(tmp_path_factory.mktemp("kb") / "kb.sqlite")
    for ck, name, title, authors, year, ax, doi in FIVE:
        insert_paper(db, ck, title, authors, year, ax, doi, wattbot_pages(name))
    for ck, *_ in FIVE:
        graph.index_references(db, ck, "v1", pages_of(db, ck))
    return db
