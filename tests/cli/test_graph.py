"""kb refs, kb graph (summary, show, path, missing, export) and kb cite fetch,
end to end: the five papers of the note through `kb text load`, and Semantic
Scholar served from a local server with its real recorded responses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus import corpus_path, wattbot_pages
from httpserver import Reply
from kbrun import run_kb

REPO = Path(__file__).resolve().parents[2]
TEXTS = {"strubell2019energy": ("strubell2019", "v1"), "patterson2021carbon": ("patterson2021", ""),
         "dodge2022measuring": ("dodge2022", "v1"), "luccioni2023counting": ("luccioni2023", "v1"),
         "luccioni2023power": ("luccioni2024", "v3")}
EXPECTED = {("patterson2021carbon", "strubell2019energy"), ("dodge2022measuring", "strubell2019energy"),
            ("dodge2022measuring", "patterson2021carbon"), ("luccioni2023counting", "strubell2019energy"),
            ("luccioni2023counting", "patterson2021carbon"), ("luccioni2023counting", "dodge2022measuring"),
            ("luccioni2023power", "strubell2019energy"), ("luccioni2023power", "patterson2021carbon"),
            ("luccioni2023power", "dodge2022measuring"), ("luccioni2023power", "luccioni2023counting")}


@pytest.fixture
def five(kb_root, tmp_path):
    """The repository's references.bib with the five papers' real text loaded."""
    (kb_root / "references.bib").write_text((REPO / "references.bib").read_text())
    for key, (name, version) in TEXTS.items():
        source = tmp_path / f"{name}.json"
        source.write_text(json.dumps(wattbot_pages(name)))
        args = ["text", "load", key, source] + (["--version", version] if version else [])
        assert run_kb(*args).code == 0
    return kb_root


def links() -> set[tuple[str, str]]:
    out = set()
    for key in TEXTS:
        for cited in run_kb("graph", "show", key, "--json").json["cites"]:
            out.add((key, cited["citekey"]))
    return out


def test_the_ten_links_from_the_papers_own_reference_lists(five):
    assert links() == EXPECTED
    summary = run_kb("graph", "--json").json
    assert summary["papers"] == 5 and summary["citation_links"] == 10
    out = run_kb("graph").out
    assert out.startswith("5 papers, 10 citation links among them")


def test_a_loaded_texts_reference_list_is_read_by_the_graphs_first_reader(five, tmp_path, monkeypatch):
    """kb text load and kb add store a text and leave its reference list, and its paper's
    links, to the first command that reads the graph: all waiting lists at once."""
    import sqlite3

    from kb.ops import derive

    def state() -> tuple[list, int, int]:
        with sqlite3.connect(five / ".kb" / "kb.sqlite") as conn:
            out = ([r[0] for r in conn.execute("select citekey from refs_later order by 1")],
                   conn.execute("select count(*) from refs where source = 'text'").fetchone()[0],
                   conn.execute("select count(*) from citations").fetchone()[0])
        conn.close()
        return out

    assert state() == (sorted(TEXTS), 0, 0)
    rows = run_kb("refs", "dodge2022measuring", "--json").json
    assert any(r["resolved"] == "strubell2019energy" for r in rows)
    waiting, listed, linked = state()
    assert waiting == [] and listed > 100 and linked == 10         # every waiting list, not one
    assert links() == EXPECTED
    # A new version's text waits again, and the graph's summary reads it.
    name, _ = TEXTS["patterson2021carbon"]
    (tmp_path / "p2.json").write_text(json.dumps(wattbot_pages(name)))
    assert run_kb("text", "load", "patterson2021carbon", tmp_path / "p2.json", "--version", "v2").code == 0
    assert state()[0] == ["patterson2021carbon"]
    assert run_kb("graph", "--json").json["citation_links"] == 10 and state()[0] == []
    # An index kb cannot write here is read as it is, and kb says which list it lacks.
    assert run_kb("text", "load", "patterson2021carbon", tmp_path / "p2.json", "--version", "v3").code == 0
    with monkeypatch.context() as m:
        m.setattr(derive, "read_only", lambda path: True)
        r = run_kb("graph", "missing")
    assert r.code == 0 and "the reference lists of patterson2021carbon are not read yet" in r.err, r.err
    assert state()[0] == ["patterson2021carbon"]
    assert run_kb("graph", "path", "luccioni2023power", "strubell2019energy").code == 0 and state()[0] == []


def test_adding_a_paper_later_links_it_both_ways(kb_root, tmp_path):
    bib = (REPO / "references.bib").read_text()
    # Only three papers at first: Strubell, Dodge, Power Hungry Processing.
    entries = bib.split("\n@")
    keep = [e for e in entries if any(e.split("\n", 1)[0].endswith("{" + k + ",")
                                      for k in ("strubell2019energy", "dodge2022measuring", "luccioni2023power"))
            or not e.startswith(("misc", "inproceedings"))]
    (kb_root / "references.bib").write_text("\n@".join(keep))
    for key in ("strubell2019energy", "dodge2022measuring", "luccioni2023power"):
        name, version = TEXTS[key]
        (tmp_path / f"{name}.json").write_text(json.dumps(wattbot_pages(name)))
        run_kb("text", "load", key, tmp_path / f"{name}.json", "--version", version)
    before = run_kb("graph", "--json").json["citation_links"]
    assert before == 3
    # Patterson arrives (metadata only, as a hand-edited entry): earlier papers' references now link to it.
    (kb_root / "references.bib").write_text(bib)
    cited_by = {c["citekey"] for c in run_kb("graph", "show", "patterson2021carbon", "--json").json["cited_by"]}
    assert cited_by == {"dodge2022measuring", "luccioni2023power"}
    # ... and once its text is here, its own references link too.
    name, _ = TEXTS["patterson2021carbon"]
    (tmp_path / f"{name}.json").write_text(json.dumps(wattbot_pages(name)))
    run_kb("text", "load", "patterson2021carbon", tmp_path / f"{name}.json")
    cites = {c["citekey"] for c in run_kb("graph", "show", "patterson2021carbon", "--json").json["cites"]}
    assert cites == {"strubell2019energy"}


def test_refs_lists_entries_and_resolution(five):
    rows = run_kb("refs", "luccioni2023power", "--json").json
    assert len(rows) == 59
    resolved = {r["resolved"]: r for r in rows if r["resolved"]}
    assert set(resolved) == {"strubell2019energy", "patterson2021carbon", "dodge2022measuring", "luccioni2023counting"}
    assert resolved["strubell2019energy"]["label"] == "[49]"
    text = run_kb("refs", "patterson2021carbon").out
    assert "[Str19]" in text and "-> strubell2019energy" in text
    assert run_kb("refs", "nosuch").code == 2


def test_path_missing_and_exports(five, tmp_path):
    r = run_kb("graph", "path", "luccioni2023power", "strubell2019energy")
    assert r.code == 0 and r.out.splitlines()[0] == "luccioni2023power -> strubell2019energy"
    r = run_kb("graph", "path", "strubell2019energy", "luccioni2023power")
    assert "--" in r.out and "ignores direction" in r.out
    missing = run_kb("graph", "missing", "--top", "3", "--json").json
    assert missing[0]["count"] == 4 and missing[0]["arxiv_id"] == "1910.09700"
    import networkx as nx

    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"g.{fmt}"
        assert run_kb("graph", "export", "--format", fmt, "-o", out).code == 0
        g = reader(out)
        assert g.number_of_nodes() == 5 and g.number_of_edges() == 10
    r = run_kb("graph", "export", "-f", "json", "-o", tmp_path / "g.json")
    # what was written is said on stderr, as kb export bib/note/csl-json say it (it was on stdout)
    assert r.code == 0 and r.out == "" and r.err == f"kb: wrote {tmp_path / 'g.json'}: 5 papers, 10 citation links\n"
    data = json.loads((tmp_path / "g.json").read_text())
    assert len(data["nodes"]) == 5
    assert run_kb("graph", "export", "-f", "dot", "-o", tmp_path / "g.dot").code == 0
    dot = (tmp_path / "g.dot").read_text()
    assert dot.count("->") == 10
    # Default: exports/ of the knowledge base.
    assert run_kb("graph", "export").code == 0 and (five / "exports" / "citations.graphml").exists()
    r = run_kb("graph", "export", "-f", "pdf")
    assert (r.code, r.err) == (2, "kb: error: --format 'pdf': choose one of graphml, gexf, dot, json\n")
    r = run_kb("graph", "export", "-o", five / ".kb" / "x.graphml")
    assert r.code == 2 and "kb's index" in r.err
    # without -f, the -o file's name says the format (`-o g2.json` was written GraphML); a name saying another
    # format than -f is refused, nothing written; a name saying none is GraphML's, as before
    assert run_kb("graph", "export", "-o", tmp_path / "g2.json").code == 0
    assert len(json.loads((tmp_path / "g2.json").read_text())["nodes"]) == 5
    assert run_kb("graph", "export", "-o", tmp_path / "g.GV").code == 0
    assert (tmp_path / "g.GV").read_text().count("->") == 10
    r = run_kb("graph", "export", "-f", "dot", "-o", tmp_path / "g3.json")
    assert r.code == 2 and r.err == (f"kb: error: -o {tmp_path / 'g3.json'} names a json file, but --format is dot; "
                                     "nothing written (give -o a name ending .dot, or --format json)\n")
    assert not (tmp_path / "g3.json").exists()
    assert run_kb("graph", "export", "-o", tmp_path / "g.xml").code == 0
    assert nx.read_graphml(tmp_path / "g.xml").number_of_nodes() == 5


def test_committed_graph_exports_match_the_repository_knowledge_base(five, tmp_path):
    # exports/citations.{dot,graphml} are what `kb graph export` gives on this repository's
    # knowledge base with the five papers' text (exports/README.md says how to regenerate).
    for fmt in ("dot", "graphml"):
        out = tmp_path / f"citations.{fmt}"
        assert run_kb("graph", "export", "--format", fmt, "-o", out).code == 0
        assert out.read_text("utf-8") == (REPO / "exports" / f"citations.{fmt}").read_text("utf-8"), \
            f"exports/citations.{fmt} is stale: regenerate it with the command in exports/README.md"


def test_export_never_overwrites_the_knowledge_base_files(kb_root, monkeypatch):
    """`kb graph export -o` goes through the same output-path check as `kb export`."""
    (kb_root / "references.bib").write_text(S2_PAPER)
    before = (kb_root / "references.bib").read_bytes()
    monkeypatch.chdir(kb_root)
    for bad in ("references.bib", "kb.toml", "claims/x.toml", ".kb/x.graphml"):
        r = run_kb("graph", "export", "-o", bad)
        assert r.code == 2, (bad, r.out, r.err)
        assert r.err.splitlines() == [r.err.rstrip("\n")] and r.err.startswith("kb: error: -o " + bad), \
            (bad, r.err)
        assert "Traceback" not in r.err
    assert (kb_root / "references.bib").read_bytes() == before
    assert "truth files" in run_kb("graph", "export", "-o", "references.bib").err


S2_PAPER = """@article{karlan2013,
  title = {Microcredit in Theory and Practice},
  author = {Karlan, Dean and Morduch, Jonathan},
  year = {2013},
  doi = {10.2139/ssrn.2250500},
}
"""


def serve_s2(server, pid: str, references: dict[int, bytes], citations: dict[int, bytes]):
    def route(seen):
        offset = int((seen.query.get("offset") or ["0"])[0])
        kind = seen.path.rsplit("/", 1)[-1]
        pages = references if kind == "references" else citations
        if seen.path != f"/s2/graph/v1/paper/{pid}/{kind}":
            return Reply(404, b'{"error": "Paper not found"}')
        body = pages.get(offset, json.dumps({"offset": offset, "data": []}).encode())
        return Reply(200, body, {"Content-Type": "application/json"})
    server.routes["*"] = route


def test_cite_fetch_real_responses_paginated(kb_root, server):
    (kb_root / "references.bib").write_text(S2_PAPER)
    s2 = corpus_path("semantic-scholar")
    refs = {0: (s2 / "s2-references-10.2139_ssrn.2250500-offset0.json").read_bytes(),
            50: (s2 / "s2-references-10.2139_ssrn.2250500-offset50.json").read_bytes()}
    cites = {n: (s2 / f"s2-citations-CorpusID_14514057-offset{n}.json").read_bytes() for n in (0, 100, 200)}
    serve_s2(server, "DOI:10.2139/ssrn.2250500", refs, cites)
    r = run_kb("cite", "fetch", "karlan2013", "--json")
    assert r.code == 0, r.err
    assert r.json["references"] == 67 and r.json["citations"] == 300
    offsets = [int(s.query["offset"][0]) for s in server.requests if s.path.endswith("/references")]
    assert offsets == [0, 50]
    assert all("externalIds" in s.query["fields"][0] for s in server.requests)
    summary = run_kb("graph", "--json").json
    assert summary["s2_references"] == 67
    # Kept for kb rebuild: merged again from the cache without the network.
    assert (kb_root / ".kb" / "cache" / "s2" / "karlan2013.json").exists()


def test_cite_fetch_merges_with_parsed_links_counted_once(five, server):
    item = {"citedPaper": {"paperId": "x", "title": "Energy and Policy Considerations for Deep Learning in NLP",
                           "year": 2019, "externalIds": {"ArXiv": "1906.02243"},
                           "authors": [{"name": "Emma Strubell"}]}}
    other = {"citedPaper": {"paperId": "y", "title": "Some Other Work", "year": 2020, "externalIds": {}}}
    page = json.dumps({"offset": 0, "data": [item, other]}).encode()
    calls = []

    def route(seen):
        calls.append(seen.path)
        if len(calls) == 1:
            return Reply(429, b"rate limited", {"Retry-After": "0"})
        if seen.path.endswith("/references"):
            return Reply(200, page)
        return Reply(200, json.dumps({"offset": 0, "data": []}).encode())
    server.routes["*"] = route
    r = run_kb("cite", "fetch", "luccioni2023power")
    assert r.code == 0, r.err
    assert calls[0] == calls[1] == "/s2/graph/v1/paper/ARXIV:2311.16863/references"
    cites = {c["citekey"]: c["methods"] for c in run_kb("graph", "show", "luccioni2023power", "--json").json["cites"]}
    assert cites["strubell2019energy"] == ["arxiv", "semantic-scholar"]
    assert run_kb("graph", "--json").json["citation_links"] == 10


def test_cite_fetch_errors(kb_root, server):
    (kb_root / "references.bib").write_text("@book{nobody, title={No Identifiers Here At All}, year=2000}\n")
    r = run_kb("cite", "fetch", "nobody")
    assert r.code == 2 and "needs the paper's arXiv id or DOI" in r.err
    (kb_root / "references.bib").write_text(S2_PAPER)
    server.routes["*"] = Reply(404, b'{"error": "Paper with id DOI:10.2139/ssrn.2250500 not found"}')
    r = run_kb("cite", "fetch", "karlan2013")
    assert r.code == 2 and "Semantic Scholar does not know DOI:10.2139/ssrn.2250500" in r.err


def _derived(root: Path) -> dict:
    """Everything kb derives from the tables: reference lists, links, works, claims in base units."""
    import sqlite3

    conn = sqlite3.connect(root / ".kb" / "kb.sqlite")
    try:
        return {
            "refs": conn.execute("select citekey, idx, raw, resolved, method from refs order by 1, 2").fetchall(),
            "citations": conn.execute("select citing, cited, methods from citations order by 1, 2").fetchall(),
            "works": conn.execute("select count(*) from works").fetchone()[0],
            "base": conn.execute("select id, base_value, base_unit from claims order by 1").fetchall(),
        }
    finally:
        conn.close()


@pytest.mark.parametrize("index", ["deleted", "kept"])
def test_rebuild_makes_the_same_derived_data(five, index):
    """kb rebuild indexes the files, then derives once: the same reference lists,
    links, external works and base-unit values as the commands that made them."""
    (five / "claims" / "luccioni2023power.toml").write_text(
        (REPO / "claims" / "luccioni2023power.toml").read_text())
    assert run_kb("claims").code == 0          # indexes the claims file, with its base values
    assert run_kb("graph").code == 0           # reads the reference lists the text loads left for it
    before = _derived(five)
    assert len(before["citations"]) == 10 and before["refs"] and any(b[1] for b in before["base"])
    if index == "deleted":
        for path in (five / ".kb").glob("kb.sqlite*"):
            path.unlink()
    r = run_kb("rebuild")
    assert r.code == 0, r.err
    assert _derived(five) == before
    assert links() == EXPECTED


def test_lists_an_older_kb_read_are_said_until_rebuild_reads_them_again(five, tmp_path):
    """The index records which reading of reference lists made them: lists an older kb
    made (no record, or another) are said by the commands that show them, and by kb
    doctor, until kb rebuild reads them again; a list stored now keeps an older mix said."""
    import sqlite3

    said = "the reference lists here were read by an older kb: `kb rebuild` reads them again"
    for command in (["graph"], ["graph", "missing"], ["refs", "strubell2019energy"], ["doctor"]):
        r = run_kb(*command)
        assert said not in r.err + r.out, command
    with sqlite3.connect(five / ".kb" / "kb.sqlite") as conn:   # as an older kb left it
        conn.execute("delete from meta where key = 'refs_reading'")
    conn.close()
    assert run_kb("graph", "--json").err == f"kb: {said} (citation links may then change)\n"
    for command in (["graph", "missing"], ["refs", "dodge2022measuring"]):
        assert said in run_kb(*command).err, command
    r = run_kb("doctor", "--json")
    assert r.code == 0 and any(said in line for line in r.json["info"]), r.json
    # Reading one list again leaves the others as they were: still said.
    r = run_kb("text", "load", "dodge2022measuring", tmp_path / "dodge2022.json", "--version", "v1")
    assert r.code == 0, r.err
    assert said in run_kb("graph").err
    assert run_kb("rebuild").code == 0
    for command in (["graph"], ["graph", "missing"], ["doctor"]):
        r = run_kb(*command)
        assert said not in r.err + r.out, command
