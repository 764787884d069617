"""The views of the citation graph: summary, show, path, missing, build_graph
and the export formats, over the five papers' links (conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb.errors import NotFound, UsageError
from kb.graph import views as graph


def export(db, fmt: str, path: Path) -> Path:
    """What `kb graph export` writes: render()'s text in a file."""
    path.write_text(graph.render(db, fmt), "utf-8")
    return path


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
    with pytest.raises(NotFound, match="no paper 'nope' in the knowledge base"):
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


def test_path_two_steps_and_disconnected(tmp_path, new_db, add_paper) -> None:
    db = new_db(tmp_path / "kb.sqlite")
    for ck in "abcde":
        add_paper(db, ck, f"Paper {ck}", [f"Author{ck}, X"], 2020)
    db.conn.executemany("INSERT INTO citations (citing, cited, methods) VALUES (?, ?, 'arxiv')",
                        [("a", "b"), ("b", "c"), ("a", "d"), ("d", "c")])
    assert graph.path(db, "a", "c") in (["a", "b", "c"], ["a", "d", "c"])
    assert graph.path(db, "c", "a").directed is False
    assert graph.path(db, "a", "e") is None


@pytest.mark.corpus
def test_missing(five_db, FIVE) -> None:
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
def test_build_graph(five_db, EXPECTED) -> None:
    g = graph.build_graph(five_db)
    assert g.number_of_nodes() == 5 and set(g.edges) == EXPECTED
    assert g.nodes["strubell2019energy"] == {
        "title": "Energy and Policy Considerations for Deep Learning in NLP", "year": 2019}
    assert g.edges["luccioni2023power", "dodge2022measuring"] == {"methods": "title"}
    bare = graph.build_graph(five_db, edge_attributes=False)
    assert set(bare.edges) == EXPECTED


@pytest.mark.corpus
@pytest.mark.parametrize("fmt", graph.FORMATS)
def test_export_parses_back(five_db, tmp_path, fmt, FIVE, EXPECTED) -> None:
    import networkx as nx

    out = export(five_db, fmt, tmp_path / f"g.{fmt}")
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
        assert {(e["source"], e["target"]) for e in data["links"]} == EXPECTED
        g = _node_link_graph(data)      # what networkx 3.0 and later read
        assert set(g.edges) == EXPECTED
    else:
        text = out.read_text("utf-8")
        assert text.startswith("digraph citations {") and text.rstrip().endswith("}")
        for ck, *_ in FIVE:
            assert f'"{ck}" [label=' in text
        for a, b in EXPECTED:
            assert f'"{a}" -> "{b}"' in text
        assert text.count(" -> ") == 10


def test_export_escapes_and_omits_missing_values(tmp_path, new_db, add_paper) -> None:
    import networkx as nx

    db = new_db(tmp_path / "kb.sqlite")
    add_paper(db, "odd", 'A "quoted" title \\ with\nnewline', ["Odd, A"], None)
    add_paper(db, "even", None, [], 2020)
    db.execute("INSERT INTO citations (citing, cited, methods) VALUES ('odd', 'even', 'title')")
    dot = export(db, "dot", tmp_path / "g.dot").read_text("utf-8")
    assert r'title="A \"quoted\" title \\ with\nnewline"' in dot
    assert r'[label="A \"quoted\" title \\ with newline\nOdd\n(odd)"' in dot
    assert '"odd" -> "even" [methods="title"];' in dot
    g = nx.read_graphml(export(db, "graphml", tmp_path / "g.graphml"))
    assert "year" not in g.nodes["odd"] and g.nodes["even"]["title"] == ""
    nx.read_gexf(export(db, "gexf", tmp_path / "g.gexf"))


def test_bad_format(tmp_path, new_db) -> None:
    db = new_db(tmp_path / "kb.sqlite")
    with pytest.raises(UsageError, match="unknown graph format 'pdf'; use one of: graphml, gexf, dot, json"):
        graph.render(db, "pdf")


def _node_link_graph(data: dict):
    """networkx.node_link_graph as networkx 3.0-3.3 calls it (edges under "links",
    the default there) and as 3.4 and later do (edges="links")."""
    import inspect

    import networkx as nx

    if "edges" in inspect.signature(nx.node_link_graph).parameters:
        return nx.node_link_graph(data, edges="links")
    return nx.node_link_graph(data)


@pytest.mark.corpus
def test_nodes_carry_title_year_authors_doi_and_arxiv_id(five_db, tmp_path, FIVE) -> None:
    import networkx as nx

    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        g = read(export(five_db, fmt, tmp_path / f"g.{fmt}"))
        for ck, _name, title, authors, year, ax, doi in FIVE:
            node = g.nodes[ck]
            assert node["title"] == title and int(node["year"]) == year, (fmt, ck)
            assert node["authors"].split("; ") == authors, (fmt, ck)
            assert node.get("arxiv_id") == ax and node.get("doi") == doi, (fmt, ck)
    data = json.loads(graph.render(five_db, "json"))
    strubell = next(n for n in data["nodes"] if n["id"] == "strubell2019energy")
    assert strubell["title"].startswith("Energy and Policy") and strubell["authors"].startswith("Strubell")
    dot = graph.render(five_db, "dot")
    label = next(line for line in dot.splitlines() if line.startswith('  "strubell2019energy" [label='))
    assert label.startswith('  "strubell2019energy" [label="Energy and Policy') and "\\nStrubell et al. 2019\\n" in label


@pytest.mark.corpus
def test_graphviz_reads_the_dot_export(five_db, tmp_path) -> None:
    import shutil
    import subprocess

    dot = shutil.which("dot")
    if dot is None:
        pytest.skip("Graphviz `dot` is not on PATH (apt-get install graphviz)")
    src = export(five_db, "dot", tmp_path / "g.dot")
    done = subprocess.run([dot, "-Tsvg", str(src)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    assert "Energy and Policy" in done.stdout and "Strubell et al. 2019" in done.stdout


def test_hostile_titles_survive_every_format(tmp_path, new_db, add_paper) -> None:
    import shutil
    import subprocess

    import networkx as nx

    db = new_db(tmp_path / "kb.sqlite")
    nasty = 'Back\\slash "quotes" <html> & {braces} \\n not a break; tab\there\x01 end'
    add_paper(db, "a:b/c", nasty, ["Ünïcödé, Ä", "{Corp and Co}"], 1999)
    add_paper(db, "x", "x", [], None)
    db.execute("INSERT INTO citations (citing, cited, methods) VALUES ('a:b/c', 'x', 'title')")
    g = nx.read_graphml(export(db, "graphml", tmp_path / "g.graphml"))
    clean = nasty.replace("\x01", "")      # XML 1.0 cannot hold it: dropped, not the file
    assert g.nodes["a:b/c"]["title"] == clean
    assert g.nodes["a:b/c"]["authors"] == "Ünïcödé, Ä; {Corp and Co}"
    assert nx.read_gexf(export(db, "gexf", tmp_path / "g.gexf")).nodes["a:b/c"]["title"] == clean
    assert _node_link_graph(json.loads(graph.render(db, "json"))).nodes["a:b/c"]["title"] == clean
    dot = shutil.which("dot")
    if dot:
        src = export(db, "dot", tmp_path / "g.dot")
        done = subprocess.run([dot, "-Tplain", str(src)], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "Back\\slash" in done.stdout or "Back" in done.stdout


def test_dot_labels_show_authors_as_kb_ls_does(tmp_path, new_db, add_paper) -> None:
    """An organisation braced whole in references.bib ('{Common Crawl}') is held unbraced by the index: the DOT
    label took its last word ('Crawl et al.') where kb ls shows it whole; both read kb.text.names.short_authors."""
    db = new_db(tmp_path / "kb.sqlite")
    add_paper(db, "cc2023", "Common Crawl corpus", ["Common Crawl"], 2023)
    add_paper(db, "hf2021", "Hub", ["Hugging Face", "Wolf, Thomas"], 2021)
    add_paper(db, "pc2020", "A person", ["Common Crawl"], 2020)
    db.execute("UPDATE papers SET first_author = 'commoncrawl' WHERE citekey = 'cc2023'")
    db.execute("UPDATE papers SET first_author = 'huggingface' WHERE citekey = 'hf2021'")
    dot = graph.render(db, "dot")
    labels = {line.split('"')[1]: line for line in dot.splitlines() if "[label=" in line}
    assert "\\nCommon Crawl 2023\\n" in labels["cc2023"]
    assert "\\nHugging Face & Wolf 2021\\n" in labels["hf2021"]
    assert "\\nCrawl 2020\\n" in labels["pc2020"]          # (a person so named keeps the family name)
