"""The citation graph over the five papers' real reference lists.

PROVENANCE.md of the corpus lists the links printed in the five reference
lists; kb must find exactly those ten, whatever order the papers arrive in.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import corpus_path, wattbot_pages

from kb.errors import NotFound, UsageError
from kb.graph import links as graph
from kb.store import db as kdb

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


def new_db(path: Path):
    db = kdb.connect(path)
    kdb.migrate(db)
    return db


def add_paper(db, citekey: str, title: str, authors: list[str], year: int | None,
              arxiv_id: str | None = None, doi: str | None = None, pages: list[str] | None = None) -> None:
    """A paper as the core would index it: papers, versions, pages rows."""
    from kb.text.names import name_key

    db.execute("INSERT INTO papers (citekey, title, authors, year, arxiv_id, doi, first_author) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
               [citekey, title, json.dumps(authors), year, arxiv_id, doi,
                name_key(authors[0].split(",")[0]) if authors else None])
    if pages is not None:
        cur = db.execute("INSERT INTO versions (citekey, version, source_kind, page_count, extractor, "
                         "text_status) VALUES (?, 'v1', 'text', ?, 'pypdf', 'ok')", [citekey, len(pages)])
        vid = cur.lastrowid
        db.conn.executemany("INSERT INTO pages (version_id, citekey, version, page, text) "
                            "VALUES (?, ?, 'v1', ?, ?)",
                            [(vid, citekey, i, text) for i, text in enumerate(pages, 1)])


def stored_pages(db, citekey: str) -> list[str]:
    return [t for (t,) in db.execute("SELECT text FROM pages WHERE citekey = ? ORDER BY page", [citekey])]


def links(db) -> set[tuple[str, str]]:
    return {(a, b) for a, b in db.execute("SELECT citing, cited FROM citations")}


@pytest.fixture(scope="module")
def five_db(tmp_path_factory):
    """All five papers in, then each reference list indexed."""
    db = new_db(tmp_path_factory.mktemp("kb") / "kb.sqlite")
    for ck, name, title, authors, year, ax, doi in FIVE:
        add_paper(db, ck, title, authors, year, ax, doi, wattbot_pages(name))
    for ck, *_ in FIVE:
        graph.index_references(db, ck, "v1", stored_pages(db, ck))
    return db


@pytest.mark.corpus
def test_exactly_the_ten_links_all_at_once(five_db) -> None:
    assert links(five_db) == EXPECTED
    methods = dict(((a, b), m) for a, b, m in five_db.execute("SELECT citing, cited, methods FROM citations"))
    # the two references to Dodge et al. carry no identifier: linked by title
    assert methods[("luccioni2023counting", "dodge2022measuring")] == "title"
    assert methods[("luccioni2023power", "dodge2022measuring")] == "title"
    assert methods[("patterson2021carbon", "strubell2019energy")] == "arxiv"


@pytest.mark.corpus
def test_exactly_the_ten_links_one_by_one_newest_first(tmp_path) -> None:
    """Papers arrive newest first, so every link is made when the *cited*
    paper is added: other papers' references are re-resolved."""
    db = new_db(tmp_path / "kb.sqlite")
    seen = []
    for ck, name, title, authors, year, ax, doi in reversed(FIVE):
        add_paper(db, ck, title, authors, year, ax, doi, wattbot_pages(name))
        graph.index_references(db, ck, "v1", stored_pages(db, ck))
        seen.append(ck)
        assert links(db) == {(a, b) for a, b in EXPECTED if a in seen and b in seen}
    assert links(db) == EXPECTED
    # a full relink agrees with the incremental one
    before = db.execute("SELECT * FROM citations ORDER BY 1, 2").fetchall()
    works = db.execute("SELECT * FROM works ORDER BY 1").fetchall()
    graph.relink(db)
    assert db.execute("SELECT * FROM citations ORDER BY 1, 2").fetchall() == before
    assert db.execute("SELECT * FROM works ORDER BY 1").fetchall() == works


@pytest.mark.corpus
def test_relink_after_paper_is_added_without_reindexing(tmp_path) -> None:
    """A paper added with metadata only (no text yet) still receives links."""
    db = new_db(tmp_path / "kb.sqlite")
    ck, name, title, authors, year, ax, doi = FIVE[4]
    add_paper(db, ck, title, authors, year, ax, doi, wattbot_pages(name))
    graph.index_references(db, ck, "v1", stored_pages(db, ck))
    assert links(db) == set()
    ck, _, title, authors, year, ax, doi = FIVE[2]
    add_paper(db, ck, title, authors, year, ax, doi)
    graph.relink(db, [ck])
    assert links(db) == {("luccioni2023power", "dodge2022measuring")}
    # removing it again takes the link away
    db.execute("DELETE FROM papers WHERE citekey = ?", [ck])
    graph.relink(db, [ck])
    assert links(db) == set()


@pytest.mark.corpus
def test_reindexing_replaces_previous_rows(five_db, tmp_path) -> None:
    db = new_db(tmp_path / "kb.sqlite")
    for ck, name, title, authors, year, ax, doi in FIVE[:2]:
        add_paper(db, ck, title, authors, year, ax, doi, wattbot_pages(name))
    for _ in range(2):
        n = graph.index_references(db, "patterson2021carbon", "v1", stored_pages(db, "patterson2021carbon"))
    assert n == 55
    assert db.execute("SELECT COUNT(*) FROM refs WHERE citekey = 'patterson2021carbon'").fetchone()[0] == 55
    assert links(db) == {("patterson2021carbon", "strubell2019energy")}
    graph.index_references(db, "patterson2021carbon", "v1", ["no references here"])
    assert links(db) == set()
    assert db.execute("SELECT COUNT(*) FROM works").fetchone()[0] == 0


@pytest.mark.corpus
def test_summary(five_db) -> None:
    s = graph.summary(five_db)
    assert s["papers"] == 5 and s["papers_with_references"] == 5
    assert s["citation_links"] == 10
    assert s["references"] == 19 + 55 + 49 + 59 + 59 == 241
    assert s["resolved"] == 10 and s["unresolved"] == 231
    assert 0 < s["external_works"] < 231           # works cited by several papers merge
    assert s["s2_references"] == 0 and s["s2_citing"] == 0


@pytest.mark.corpus
def test_show(five_db) -> None:
    d = graph.show(five_db, "dodge2022measuring")
    assert d["title"] == "Measuring the Carbon Intensity of AI in Cloud Instances" and d["year"] == 2022
    assert [c["citekey"] for c in d["cites"]] == ["strubell2019energy", "patterson2021carbon"]
    assert all(c["methods"] == ["arxiv"] for c in d["cites"])
    assert [c["citekey"] for c in d["cited_by"]] == ["luccioni2023counting", "luccioni2023power"]
    assert all(c["methods"] == ["title"] for c in d["cited_by"])
    assert d["references"] == 49 and d["unresolved"] == 47
    with pytest.raises(NotFound, match="no paper with citekey 'nope'"):
        graph.show(five_db, "nope")


@pytest.mark.corpus
def test_path(five_db) -> None:
    p = graph.path(five_db, "luccioni2023power", "strubell2019energy")
    assert p == ["luccioni2023power", "strubell2019energy"] and p.directed
    assert graph.path(five_db, "dodge2022measuring", "dodge2022measuring") == ["dodge2022measuring"]
    # no chain of citations goes from an older paper to a newer one
    back = graph.path(five_db, "strubell2019energy", "luccioni2023power")
    assert back == ["strubell2019energy", "luccioni2023power"] and back.directed is False
    with pytest.raises(NotFound):
        graph.path(five_db, "strubell2019energy", "nope")


def test_path_two_steps_and_disconnected(tmp_path) -> None:
    db = new_db(tmp_path / "kb.sqlite")
    for ck in "abcde":
        add_paper(db, ck, f"Paper {ck}", [f"Author{ck}, X"], 2020)
    db.conn.executemany("INSERT INTO citations (citing, cited, methods) VALUES (?, ?, 'arxiv')",
                        [("a", "b"), ("b", "c"), ("a", "d"), ("d", "c")])
    assert graph.path(db, "a", "c") in (["a", "b", "c"], ["a", "d", "c"])
    assert graph.path(db, "c", "a").directed is False
    assert graph.path(db, "a", "e") is None


@pytest.mark.corpus
def test_missing(five_db) -> None:
    top = graph.missing(five_db, top=5)
    assert len(top) == 5
    first = top[0]
    assert first["work_key"] == "arxiv:1910.09700" and first["count"] == 4
    assert first["title"] == "Quantifying the carbon emissions of machine learning"
    assert first["year"] == 2019 and first["arxiv_id"] == "1910.09700"
    assert first["cited_by"] == ["dodge2022measuring", "luccioni2023counting", "luccioni2023power",
                                 "patterson2021carbon"]
    assert [m["count"] for m in top] == sorted((m["count"] for m in top), reverse=True)
    # "Attention is all you need": by title in strubell and luccioni2023, with
    # arXiv:1706.03762 in patterson -- one work, cited by three
    attention = next(m for m in graph.missing(five_db, top=50) if m["work_key"] == "arxiv:1706.03762")
    assert attention["cited_by"] == ["luccioni2023counting", "patterson2021carbon", "strubell2019energy"]
    # papers of the knowledge base are never "missing"
    assert not any(m["arxiv_id"] in {p[5] for p in FIVE} for m in graph.missing(five_db, top=500))
    with pytest.raises(UsageError):
        graph.missing(five_db, top=0)


@pytest.mark.corpus
def test_build_graph(five_db) -> None:
    g = graph.build_graph(five_db)
    assert g.number_of_nodes() == 5 and set(g.edges) == EXPECTED
    assert g.nodes["strubell2019energy"] == {
        "title": "Energy and Policy Considerations for Deep Learning in NLP", "year": 2019}
    assert g.edges["luccioni2023power", "dodge2022measuring"] == {"methods": "title"}
    bare = graph.build_graph(five_db, edge_attributes=False)
    assert set(bare.edges) == EXPECTED


@pytest.mark.corpus
@pytest.mark.parametrize("fmt", graph.FORMATS)
def test_export_parses_back(five_db, tmp_path, fmt) -> None:
    import networkx as nx

    out = graph.export(five_db, fmt, tmp_path / f"g.{fmt}")
    if fmt == "graphml":
        g = nx.read_graphml(out)
        assert g.is_directed() and set(g.edges) == EXPECTED
        assert g.nodes["strubell2019energy"]["year"] == 2019
        assert g.edges["luccioni2023power", "dodge2022measuring"]["methods"] == "title"
    elif fmt == "gexf":
        g = nx.read_gexf(out)
        assert set(g.edges) == EXPECTED
        assert g.nodes["luccioni2023power"]["label"] == "luccioni2023power"
    elif fmt == "json":
        data = json.loads(out.read_text("utf-8"))
        assert {n["id"] for n in data["nodes"]} == {p[0] for p in FIVE}
        assert {(e["source"], e["target"]) for e in data["edges"]} == EXPECTED
    else:
        text = out.read_text("utf-8")
        assert text.startswith("digraph citations {") and text.rstrip().endswith("}")
        for ck, *_ in FIVE:
            assert f'"{ck}" [label=' in text
        for a, b in EXPECTED:
            assert f'"{a}" -> "{b}"' in text
        assert text.count(" -> ") == 10


def test_export_escapes_and_omits_missing_values(tmp_path) -> None:
    import networkx as nx

    db = new_db(tmp_path / "kb.sqlite")
    add_paper(db, "odd", 'A "quoted" title \\ with\nnewline', ["Odd, A"], None)
    add_paper(db, "even", None, [], 2020)
    db.execute("INSERT INTO citations (citing, cited, methods) VALUES ('odd', 'even', 'title')")
    dot = graph.export(db, "dot", tmp_path / "g.dot").read_text("utf-8")
    assert r'title="A \"quoted\" title \\ with\nnewline"' in dot
    assert '"odd" -> "even" [methods="title"];' in dot
    g = nx.read_graphml(graph.export(db, "graphml", tmp_path / "g.graphml"))
    assert "year" not in g.nodes["odd"] and g.nodes["even"]["title"] == ""
    nx.read_gexf(graph.export(db, "gexf", tmp_path / "g.gexf"))


def test_bad_format_and_citekey(tmp_path) -> None:
    db = new_db(tmp_path / "kb.sqlite")
    with pytest.raises(UsageError, match="unknown graph format 'pdf'; use one of: graphml, gexf, dot, json"):
        graph.export(db, "pdf", tmp_path / "g.pdf")
    with pytest.raises(NotFound, match="no paper with citekey 'ghost'"):
        graph.index_references(db, "ghost", "v1", ["References", "[1] A. B. 2020. T. arXiv:2001.00001"])
    with pytest.raises(NotFound):
        graph.merge_s2(db, "ghost", [], [])
    assert db.execute("SELECT COUNT(*) FROM refs").fetchone()[0] == 0


# ---------------------------------------------------------------------------
# Semantic Scholar

def s2_paper(title: str, year: int, authors: list[str], arxiv: str | None = None,
             doi: str | None = None) -> dict:
    ext = {"CorpusId": 1}
    if arxiv:
        ext["ArXiv"] = arxiv
    if doi:
        ext["DOI"] = doi
    return {"paperId": "0" * 40, "externalIds": ext, "title": title, "year": year,
            "authors": [{"authorId": "1", "name": n} for n in authors]}


@pytest.mark.corpus
def test_merge_s2_real_reference_item(tmp_path) -> None:
    """The real /references item: citedPaper with externalIds.ArXiv 1402.0030."""
    item = json.loads(corpus_path("semantic-scholar", "s2-reference-item.json").read_text("utf-8"))
    db = new_db(tmp_path / "kb.sqlite")
    add_paper(db, "citer2020", "Some Paper", ["Citer, A"], 2020)
    counts = graph.merge_s2(db, "citer2020", [item], [])
    assert counts == {"references": 1, "citations": 0}
    assert links(db) == set()
    w = db.execute("SELECT work_key, title, arxiv_id, year FROM works").fetchall()
    assert w == [("arxiv:1402.0030", "Neural Variational Inference and Learning in Belief Networks",
                  "1402.0030", 2014)]
    # the cited paper arrives: linked by Semantic Scholar's reference, both ways
    add_paper(db, "mnih2014neural", "Neural Variational Inference and Learning in Belief Networks",
              ["Mnih, Andriy", "Gregor, Karol"], 2014, "1402.0030")
    graph.relink(db, ["mnih2014neural"])
    assert db.execute("SELECT citing, cited, methods FROM citations").fetchall() == [
        ("citer2020", "mnih2014neural", "semantic-scholar")]
    assert db.execute("SELECT COUNT(*) FROM works").fetchone()[0] == 0


@pytest.mark.corpus
def test_merge_s2_agreeing_links_counted_once(five_db, tmp_path) -> None:
    db = new_db(tmp_path / "kb.sqlite")
    for ck, name, title, authors, year, ax, doi in FIVE:
        add_paper(db, ck, title, authors, year, ax, doi, wattbot_pages(name))
        graph.index_references(db, ck, "v1", stored_pages(db, ck))
    refs = [{"citedPaper": s2_paper("Energy and Policy Considerations for Deep Learning in NLP", 2019,
                                    ["Emma Strubell", "Ananya Ganesh"], arxiv="1906.02243",
                                    doi="10.18653/v1/P19-1355")},
            {"citedPaper": s2_paper("Energy and Policy Considerations for Deep Learning in NLP", 2019,
                                    ["Emma Strubell"], doi="10.18653/v1/P19-1355")},
            {"citedPaper": s2_paper("Measuring the Carbon Intensity of AI in Cloud Instances", 2022,
                                    ["Jesse Dodge"])},
            {"citedPaper": s2_paper("An Unknown Work", 2020, ["Nobody Here"])},
            {"citedPaper": {"paperId": None, "title": None}}]
    cits = [{"citingPaper": s2_paper("A Later Paper Citing Power Hungry Processing", 2024,
                                     ["Someone Else"], arxiv="2401.00001")}]
    assert graph.merge_s2(db, "luccioni2023power", refs, cits) == {"references": 4, "citations": 1}
    m = dict(((a, b), ms) for a, b, ms in db.execute("SELECT citing, cited, methods FROM citations"))
    assert links(db) == EXPECTED
    assert m[("luccioni2023power", "strubell2019energy")] == "arxiv,semantic-scholar"
    assert m[("luccioni2023power", "dodge2022measuring")] == "title,semantic-scholar"
    assert m[("luccioni2023power", "patterson2021carbon")] == "arxiv"
    s = graph.summary(db)
    assert s["s2_references"] == 4 and s["s2_citing"] == 1
    keys = {k for (k,) in db.execute("SELECT work_key FROM works")}
    assert "title:an unknown work|2020" in keys and "arxiv:2401.00001" in keys
    # the citing paper joins the knowledge base: linked through /citations
    add_paper(db, "later2024", "A Later Paper Citing Power Hungry Processing", ["Else, Someone"], 2024,
              "2401.00001")
    graph.relink(db, ["later2024"])
    assert ("later2024", "luccioni2023power") in links(db)
    assert dict(((a, b), ms) for a, b, ms in db.execute(
        "SELECT citing, cited, methods FROM citations"))[("later2024", "luccioni2023power")] == "semantic-scholar"
    assert "arxiv:2401.00001" not in {k for (k,) in db.execute("SELECT work_key FROM works")}
    # merging again replaces, never duplicates
    graph.merge_s2(db, "luccioni2023power", refs[:1], [])
    assert graph.summary(db)["s2_references"] == 1
    assert ("later2024", "luccioni2023power") not in links(db)
    assert dict(((a, b), ms) for a, b, ms in db.execute("SELECT citing, cited, methods FROM citations"))[
        ("luccioni2023power", "dodge2022measuring")] == "title"


def test_graph_import_is_light() -> None:
    code = "import sys, kb.graph.links, kb.text.refs; print('networkx' in sys.modules, 'rapidfuzz' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
