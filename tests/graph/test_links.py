"""Linking: the five papers' real reference lists resolved to each other.

PROVENANCE.md of the corpus lists the links printed in the five reference
lists; kb must find exactly those ten, whatever order the papers arrive in.
The papers, their links and the database helpers are in conftest.py.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from corpus import corpus_path, wattbot_pages

from kb.errors import NotFound
from kb.graph import links as graph
from kb.graph import views
from kb.store.index import paper_row
from kb.store.sqlite import transaction
from kb.text.refs import parse_entry, title_key
from kb.text.titles import normalise_title


@pytest.mark.corpus
def test_exactly_the_ten_links_all_at_once(five_db, EXPECTED, links) -> None:
    assert links(five_db) == EXPECTED
    methods = dict(((a, b), m) for a, b, m in five_db.execute("SELECT citing, cited, methods FROM citations"))
    # the two references to Dodge et al. carry no identifier: linked by title
    assert methods[("luccioni2023counting", "dodge2022measuring")] == "title"
    assert methods[("luccioni2023power", "dodge2022measuring")] == "title"
    assert methods[("patterson2021carbon", "strubell2019energy")] == "arxiv"


@pytest.mark.corpus
def test_exactly_the_ten_links_one_by_one_newest_first(tmp_path, FIVE, EXPECTED, new_db, add_paper, stored_pages, links) -> None:
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
def test_works_are_the_same_whatever_order_papers_arrive_in(tmp_path, FIVE, new_db, add_paper, stored_pages):
    """A cited work's title, ids and year do not depend on which citing paper came first
    (ties between spellings, rows in insertion order): a rebuild writes what one-by-one adds wrote."""
    tables = []
    for n, order in enumerate((FIVE, list(reversed(FIVE)), FIVE[2:] + FIVE[:2])):
        db = new_db(tmp_path / f"kb{n}.sqlite")
        for ck, name, title, authors, year, ax, doi in order:
            add_paper(db, ck, title, authors, year, ax, doi, wattbot_pages(name))
            graph.index_references(db, ck, "v1", stored_pages(db, ck))
        tables.append(db.execute("SELECT * FROM works ORDER BY 1").fetchall())
    assert len(tables[0]) > 100
    assert tables[1] == tables[0] and tables[2] == tables[0]


@pytest.mark.corpus
def test_entries_first_then_texts_make_the_same_links(tmp_path, FIVE, EXPECTED, new_db, add_paper, stored_pages,
                                                      links) -> None:
    """A library imported as entries alone (no reference list anywhere yet: the relink
    of the imported papers has nothing to read, and says so) and their texts after:
    the same ten links, and the same works, as papers arriving with their texts."""
    db = new_db(tmp_path / "kb.sqlite")
    for ck, name, title, authors, year, ax, doi in FIVE:
        add_paper(db, ck, title, authors, year, ax, doi)
    assert graph.relink(db, [ck for ck, *_ in FIVE]) == {"checked": 0, "changed": 0}
    assert links(db) == set()
    for ck, name, title, authors, year, ax, doi in FIVE:
        db.execute("DELETE FROM papers WHERE citekey = ?", [ck])
        add_paper(db, ck, title, authors, year, ax, doi, wattbot_pages(name))
        graph.index_references(db, ck, "v1", stored_pages(db, ck))
    assert links(db) == EXPECTED
    works = db.execute("SELECT * FROM works ORDER BY 1").fetchall()
    graph.relink(db)
    assert db.execute("SELECT * FROM works ORDER BY 1").fetchall() == works
    assert graph.relink(db, [FIVE[0][0]])["checked"] > 0     # reference lists now: read again


@pytest.mark.corpus
def test_relink_after_paper_is_added_without_reindexing(tmp_path, FIVE, new_db, add_paper, stored_pages, links) -> None:
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
def test_reindexing_replaces_previous_rows(five_db, tmp_path, FIVE, new_db, add_paper, stored_pages, links) -> None:
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


def test_unknown_citekey(tmp_path, new_db) -> None:
    db = new_db(tmp_path / "kb.sqlite")
    with pytest.raises(NotFound, match="no paper 'ghost' in the knowledge base"):
        graph.index_references(db, "ghost", "v1", ["References", "[1] A. B. 2020. T. arXiv:2001.00001"])
    with pytest.raises(NotFound):
        graph.merge_s2(db, "ghost", [], [])
    assert db.execute("SELECT COUNT(*) FROM refs").fetchone()[0] == 0

def test_cited_title_and_indexed_title_normalise_alike(tmp_path, new_db, add_paper, stored_pages,
                                                       links) -> None:
    """The papers index (papers.title_norm, from the BibTeX title) and
    reference resolution (the title cut from a pypdf reference list) once
    normalised titles with two functions that disagreed on hyphens: 'Pre-training'
    was 'pre training' in the index and 'pretraining' in resolution. Both now
    use kb.text.titles.normalise_title, which drops hyphens."""
    title = "{BERT}: Pre-training of Deep Bidirectional Transformers for Language Understanding"
    row = paper_row("devlin2019bert", "inproceedings",
                    {"title": title, "author": "Devlin, Jacob and Chang, Ming-Wei", "year": "2019"}, 1)
    entry = parse_entry("", lines=["J. Devlin, M.-W. Chang, K. Lee, and K. Toutanova. 2019. BERT: Pre-",
                                   "training of deep bidirectional transformers for language understanding.",
                                   "In NAACL."])
    assert row["title_norm"] == normalise_title(entry.title) == normalise_title(
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding") == \
        "bert pretraining of deep bidirectional transformers for language understanding"
    assert title_key(entry.title, 2019) == title_key(row["title"], 2019)
    db = new_db(tmp_path / "kb.sqlite")
    add_paper(db, "devlin2019bert", row["title"], ["Devlin, Jacob", "Chang, Ming-Wei"], 2019)
    add_paper(db, "citer2020", "A Citing Paper", ["Citer, A"], 2020,
              pages=["Intro.", "References\n[1] J. Devlin, M.-W. Chang, K. Lee, and K. Toutanova. 2019. "
                               "BERT: Pre-\ntraining of deep bidirectional transformers for language "
                               "understanding. In NAACL.\n[2] A. Other. 2018. Something else entirely. In X.\n"
                               "[3] B. Third. 2017. A third cited work here. In Y."])
    graph.index_references(db, "citer2020", "v1", stored_pages(db, "citer2020"))
    assert links(db) == {("citer2020", "devlin2019bert")}



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
def test_merge_s2_real_reference_item(tmp_path, new_db, add_paper, links) -> None:
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
def test_merge_s2_agreeing_links_counted_once(five_db, tmp_path, FIVE, EXPECTED, new_db, add_paper, stored_pages, links) -> None:
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
    s = views.summary(db)
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
    assert views.summary(db)["s2_references"] == 1
    assert ("later2024", "luccioni2023power") not in links(db)
    assert dict(((a, b), ms) for a, b, ms in db.execute("SELECT citing, cited, methods FROM citations"))[
        ("luccioni2023power", "dodge2022measuring")] == "title"


def test_a_paper_listed_among_its_own_references_is_no_work_missing_here(tmp_path, new_db, add_paper, links):
    """Semantic Scholar lists a paper among its own references and citations (by arXiv id, by
    its DOI in another case): no link, and no work kb graph missing tells a person to add."""
    db = new_db(tmp_path / "kb.sqlite")
    add_paper(db, "a2020", "Paper A on energy", ["Doe, Jane"], 2020, "2001.00001")
    add_paper(db, "b2021", "Paper B on carbon", ["Roe, Rick"], 2021, None, "10.1000/b")
    a = s2_paper("Paper A on energy", 2020, ["Jane Doe"], arxiv="2001.00001v2")
    b = s2_paper("Paper B on carbon", 2021, ["Rick Roe"], doi="10.1000/B")
    elsewhere = s2_paper("A Work Not Here", 2019, ["Ann Other"], arxiv="1901.00001")
    graph.merge_s2(db, "a2020", [{"citedPaper": a}, {"citedPaper": b}, {"citedPaper": elsewhere}],
                   [{"citingPaper": a}])
    graph.merge_s2(db, "b2021", [{"citedPaper": b}], [{"citingPaper": b}])
    assert links(db) == {("a2020", "b2021")}
    assert [w["work_key"] for w in views.missing(db)] == ["arxiv:1901.00001"]
    assert [k for (k,) in db.execute("SELECT work_key FROM works")] == ["arxiv:1901.00001"]
    graph.relink(db)                                    # a whole relink agrees
    assert [k for (k,) in db.execute("SELECT work_key FROM works")] == ["arxiv:1901.00001"]
    own = graph.own_ids(db, ["a2020", "b2021"])
    assert graph.names_itself(own["a2020"], "arXiv:2001.00001v1", None)
    assert graph.names_itself(own["b2021"], None, "10.1000/B")
    assert not graph.names_itself(own["a2020"], "2001.00002", "10.1000/b") and not graph.names_itself(None, "x", None)


def test_graph_import_is_light() -> None:
    code = ("import sys, kb.graph.links, kb.graph.views, kb.text.refs; "
            "print('networkx' in sys.modules, 'rapidfuzz' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def _sixty_papers() -> list[tuple]:
    """(citekey, title, authors, year, arXiv id, DOI) of sixty papers whose titles share
    their words, by twenty first authors (Smith and Smyth alike), and a near twin of p5."""
    import random

    families = ["Smith", "Smyth", "Okafor", "Garcia", "Chen", "Novak", "Tanaka", "Dubois", "Rossi", "Kowalski",
                "Silva", "Haddad", "Larsen", "Moreau", "Ivanova", "Patel", "Nguyen", "Schmidt", "Murphy", "Lopez"]
    words = ["energy", "carbon", "training", "inference", "models", "language", "neural", "grid"]
    papers = []
    for i in range(60):
        rng = random.Random(i)
        title = " ".join(rng.choice(words) for _ in range(5)).title() + f" Study {i}"
        ax = f"arXiv:2101.{i:05d}v2" if i % 3 == 0 else None
        doi = f"10.5555/SCALE.{i}" if i % 3 == 1 else None
        papers.append((f"p{i}", title, [f"{families[i % 20]}, Ann", "Other, Bo"], 2000 + i % 7, ax, doi))
    # p5's title, nearly (a letter more, not another number: 'Study 5s' would number another work)
    papers.append(("twin", papers[5][1].replace(" Study ", "s Study "), papers[5][2], papers[5][3], None, None))
    return papers


def _references_of(papers: list[tuple], i: int) -> str:
    """Paper i's reference list: six of the others, by title, some by arXiv id or DOI too."""
    cited = [papers[(i + d) % len(papers)] for d in (1, 2, 5, 11, 23)] + [papers[5]]
    return "\n".join(["References"] + [
        f"[{j}] {c[2][0].split(',')[0]}, A. and Other, B. {c[1]}. Journal of Things, {c[3]}."
        + (f" arXiv:{c[4][6:16]}" if c[4] and j % 2 else "") + (f" doi:{c[5].lower()}" if c[5] else "")
        for j, c in enumerate(cited, 1)])


def test_incremental_relink_reads_few_papers_and_agrees_with_a_full_one(tmp_path, new_db, add_paper, stored_pages,
                                                                        links) -> None:
    """Papers arriving one by one are linked against only the papers their references can
    name (same arXiv id, DOI or first author's last letters), yet end where a relink of
    everything ends: ids stored with a prefix and version, DOIs in capitals, a paper whose
    first author is only in its author list, two papers too alike to tell apart."""
    import random

    papers = _sixty_papers()
    order = list(range(len(papers)))
    random.Random(7).shuffle(order)
    db = new_db(tmp_path / "kb.sqlite")
    read: list[int] = []
    late: list[int] = []            # papers read by each of the last twenty additions
    real = graph._load_papers

    def counting(db_, *args):
        rows = real(db_, *args)
        read.append(len(rows))
        return rows

    graph._load_papers = counting
    try:
        for n, i in enumerate(order):
            ck, title, authors, year, ax, doi = papers[i]
            add_paper(db, ck, title, authors if i != 7 else ["Okafor, Ann"], year, ax, doi,
                      ["Body text of the paper.", _references_of(papers, i)])
            if i == 7:          # first author known only from the author list
                db.execute("UPDATE papers SET first_author = NULL WHERE citekey = 'p7'")
            read.clear()
            graph.index_references(db, ck, "v1", stored_pages(db, ck))
            if n >= len(papers) - 20:
                late.append(sum(read))
    finally:
        graph._load_papers = real
    assert max(late) < len(papers) / 2         # the buckets its references name, not every paper
    incremental = db.execute("SELECT citing, cited, methods, score FROM citations ORDER BY 1, 2").fetchall()
    works = db.execute("SELECT * FROM works ORDER BY 1").fetchall()
    assert len(incremental) > 150
    assert ("p4", "p5") not in links(db) and ("p4", "twin") not in links(db)    # too alike: neither
    assert ("p6", "p7") in links(db)
    graph.relink(db)
    assert db.execute("SELECT citing, cited, methods, score FROM citations ORDER BY 1, 2").fetchall() == incremental
    assert db.execute("SELECT * FROM works ORDER BY 1").fetchall() == works


def test_many_lists_stored_at_once_are_relinked_as_their_papers_where_they_are_few_of_the_whole(
        tmp_path, new_db, add_paper, stored_pages) -> None:
    """Reference lists stored at once (the lists single adds leave for the graph's first
    reader, a bulk import's) are relinked as the papers they touch while those are under a
    tenth of the knowledge base (kb.ops.derive.relink_whole): at 10,000 papers a whole
    relink takes 15 s, one of 25 papers about 1 s. It ends where a whole relink ends."""
    from kb.ops import derive

    papers = _sixty_papers()
    db = new_db(tmp_path / "kb.sqlite")
    for i, (ck, title, authors, year, ax, doi) in enumerate(papers):
        add_paper(db, ck, title, authors, year, ax, doi, ["Body text of the paper.", _references_of(papers, i)])
    for n in range(200):                    # entries alone: 261 papers in all
        add_paper(db, f"e{n}", f"An Entry Without Text Number {n}", [f"Writer{n}, Cy"], 1990, None, None)
    first, late = [ck for ck, *_ in papers[:36]], [ck for ck, *_ in papers[36:]]
    with transaction(db):
        for ck in first:
            graph.store_references(db, ck, "v1", stored_pages(db, ck))
    graph.relink(db)
    assert not derive.relink_whole(db, len(late)) and derive.relink_whole(db, 27)      # 25 and 27 of 261
    read: list[int] = []
    real = graph._load_papers

    def counting(db_, *args):
        rows = real(db_, *args)
        read.append(len(rows))
        return rows

    with transaction(db):
        for ck in late:
            graph.store_references(db, ck, "v1", stored_pages(db, ck))
        lists = derive._NewLists()
        lists.listed = set(late)
        graph._load_papers = counting
        try:
            lists.relink(db, None)
        finally:
            graph._load_papers = real
    assert 0 < sum(read) < 261 / 2                  # the papers their references name, not all
    incremental = db.execute("SELECT citing, cited, methods, score FROM citations ORDER BY 1, 2").fetchall()
    works = db.execute("SELECT * FROM works ORDER BY 1").fetchall()
    assert len(incremental) > 250
    graph.relink(db)
    assert db.execute("SELECT citing, cited, methods, score FROM citations ORDER BY 1, 2").fetchall() == incremental
    assert db.execute("SELECT * FROM works ORDER BY 1").fetchall() == works


def test_relinking_reads_papers_through_indexes(tmp_path, new_db, add_paper, stored_pages, links) -> None:
    """What a paper's references can name is found through the papers table's indexes:
    a relink after one paper arrives reads no whole table of papers (at 10,000 papers a
    scan cost more than the rest of the relink)."""
    db = new_db(tmp_path / "kb.sqlite")
    for i in range(12):             # titles far enough apart that each reference names one paper
        add_paper(db, f"p{i}", f"Energy Study Number {i}", [f"Family{i % 4}, Ann"], 2010 + i % 5,
                  f"2101.{i:05d}" if i % 2 else None, f"10.5555/X.{i}" if i % 3 else None, ["Body."])
    refs = ["References"] + [f"[{j}] Family{j % 4}, A. Energy Study Number {j}. Journal, {2010 + j % 5}. "
                             f"arXiv:2101.{j:05d} doi:10.5555/x.{j}" for j in range(1, 8)]
    add_paper(db, "new", "A New Paper", ["Family1, Ann"], 2012, None, None, ["Body.", "\n".join(refs)])
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        graph.index_references(db, "new", "v1", stored_pages(db, "new"))
    finally:
        db.conn.set_trace_callback(None)
    reading = [s for s in statements if s.lstrip().upper().startswith("SELECT") and " papers" in s]
    assert any("lower(doi) IN" in s for s in reading) and any("substr(first_author, -4) = " in s for s in reading)
    for sql in reading:
        plan = [row[3] for row in db.conn.execute("EXPLAIN QUERY PLAN " + sql)]
        assert not [step for step in plan if step in ("SCAN papers", "SCAN p")], (sql, plan)
    assert {("new", f"p{j}") for j in range(1, 8)} <= links(db)


_CITING_PAGES = ["A study of digits\nWe build on earlier work.\n\nReferences\n"
                 "Yann Le Cun, Léon Bottou, Yoshua Bengio, and Patrick Haffner. 1998. Gradient-based learning applied "
                 "to document recognition. Proceedings of the IEEE, 86(11):2278–2324.\n"
                 "John Smith and Jane Doe. 2019. Another study of many things. In Proceedings of ACL, pages 1–10.\n"]


@pytest.mark.parametrize("cited_first", [True, False])
def test_a_family_name_of_three_letters_behind_its_particle_links(tmp_path, new_db, add_paper, stored_pages, links,
                                                                   cited_first) -> None:
    """'Yann Le Cun' (BibTeX's family name 'Cun') in a list links 'LeCun, Yann''s paper by its title, whichever
    arrives first: the paper's bucket ('ecun') and the reference's ('cun') are looked up both ways."""
    db = new_db(tmp_path / "kb.sqlite")

    def cited() -> None:
        add_paper(db, "lecun1998gradient", "Gradient-based learning applied to document recognition",
                  ["LeCun, Yann", "Bottou, Léon"], 1998)
        graph.relink(db, ["lecun1998gradient"])

    if cited_first:
        cited()
    add_paper(db, "smith2020digits", "A study of digits", ["Smith, Ann"], 2020, pages=_CITING_PAGES)
    graph.index_references(db, "smith2020digits", "v1", stored_pages(db, "smith2020digits"))
    if not cited_first:
        cited()
    assert links(db) == {("smith2020digits", "lecun1998gradient")}
