"""The citation graph, read: summary, one paper's links, paths, missing works, export.

Everything here reads the tables kb.graph.links writes. Paths are found in
SQLite with the citations indexes (no graph is built); build_graph and the
export build a networkx graph on demand. Writing an export to a file is the
caller's job (the CLI checks the path and writes atomically): render() only
makes the text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kb.atomic import said
from kb.errors import UsageError
from kb.graph.tables import S2, chunks, require_paper
from kb.text.names import short_authors

if TYPE_CHECKING:  # networkx is imported inside functions: start-up stays light
    import networkx

    from kb.store.sqlite import Database

__all__ = ["build_graph", "summary", "show", "path", "missing", "render", "CitationPath", "FORMATS"]

FORMATS = ("graphml", "gexf", "dot", "json")


class CitationPath(list):
    """A shortest path of citekeys. `directed` is False when no path follows
    citing -> cited and this one ignores the direction of citations."""

    directed: bool = True

    def __init__(self, nodes: Iterable[str], directed: bool = True):
        super().__init__(nodes)
        self.directed = directed


# --------------------------------------------------------------------------
# Reading the graph

def build_graph(db: Database, *, edge_attributes: bool = True) -> "networkx.DiGraph":
    """The citation graph as a networkx DiGraph: nodes are papers (title,
    year), edges citing -> cited (methods). One SELECT per table; edges added
    in bulk. `edge_attributes=False` skips the per-edge dicts (faster, less
    memory) for algorithms that only need the structure."""
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(
        (ck, {"title": title or "", "year": year} if year is not None else {"title": title or ""})
        for ck, title, year in db.execute("SELECT citekey, title, year FROM papers"))
    if edge_attributes:
        g.add_edges_from((a, b, {"methods": m})
                         for a, b, m in db.execute("SELECT citing, cited, methods FROM citations"))
    else:
        g.add_edges_from(db.execute("SELECT citing, cited FROM citations"))
    return g


def _count(db: Database, sql: str, params: Sequence[Any] = ()) -> int:
    return int(db.execute(sql, list(params)).fetchone()[0])


def summary(db: Database) -> dict[str, int]:
    """Counts for `kb graph summary`."""
    return {
        "papers": _count(db, "SELECT COUNT(*) FROM papers"),
        "papers_with_references": _count(db, "SELECT COUNT(DISTINCT citekey) FROM refs WHERE source = 'text'"),
        "citation_links": _count(db, "SELECT COUNT(*) FROM citations"),
        "references": _count(db, "SELECT COUNT(*) FROM refs WHERE source = 'text'"),
        "resolved": _count(db, "SELECT COUNT(*) FROM refs WHERE source = 'text' AND resolved IS NOT NULL"),
        "unresolved": _count(db, "SELECT COUNT(*) FROM refs WHERE source = 'text' AND resolved IS NULL"),
        "external_works": _count(db, "SELECT COUNT(*) FROM works"),
        "s2_references": _count(db, "SELECT COUNT(*) FROM refs WHERE source = ?", [S2]),
        "s2_citing": _count(db, "SELECT COUNT(*) FROM s2_citing"),
    }


def show(db: Database, citekey: str) -> dict[str, Any]:
    """One paper's links inside the knowledge base, with how each was found."""
    row = require_paper(db, citekey)
    citekey = row[0]                    # a key kept in its ids: the paper's own

    def links(sql: str) -> list[dict[str, Any]]:
        return [{"citekey": ck, "title": title, "year": year, "methods": methods.split(","), "score": score}
                for ck, title, year, methods, score in db.execute(sql, [citekey])]

    return {
        "citekey": row[0], "title": row[1], "year": row[2],
        "cites": links("SELECT c.cited, p.title, p.year, c.methods, c.score FROM citations c "
                       "JOIN papers p ON p.citekey = c.cited WHERE c.citing = ? "
                       "ORDER BY p.year, c.cited"),
        "cited_by": links("SELECT c.citing, p.title, p.year, c.methods, c.score FROM citations c "
                          "JOIN papers p ON p.citekey = c.citing WHERE c.cited = ? "
                          "ORDER BY p.year, c.citing"),
        "references": _count(db, "SELECT COUNT(*) FROM refs WHERE citekey = ? AND source = 'text'", [citekey]),
        "unresolved": _count(db, "SELECT COUNT(*) FROM refs WHERE citekey = ? AND source = 'text' "
                                 "AND resolved IS NULL", [citekey]),
    }


def _neighbours(db: Database, frontier: Sequence[str], forward: bool,
                directed: bool) -> Iterable[tuple[str, str]]:
    """(node, neighbour) pairs: successors going forward, predecessors going
    backward; both when direction is ignored."""
    queries = []
    if directed:
        queries.append("SELECT citing, cited FROM citations WHERE citing IN ({})" if forward
                       else "SELECT cited, citing FROM citations WHERE cited IN ({})")
    else:
        queries += ["SELECT citing, cited FROM citations WHERE citing IN ({})",
                    "SELECT cited, citing FROM citations WHERE cited IN ({})"]
    for chunk in chunks(list(frontier)):
        marks = ",".join("?" * len(chunk))
        for q in queries:
            yield from db.execute(q.format(marks), list(chunk))


def _bidirectional(db: Database, a: str, b: str, directed: bool) -> list[str] | None:
    """Shortest path by breadth-first search from both ends at once, reading
    neighbours from SQLite with the citations indexes: no graph is built."""
    if a == b:
        return [a]
    pred: dict[str, str | None] = {a: None}
    succ: dict[str, str | None] = {b: None}
    fwd, bwd = [a], [b]
    while fwd and bwd:
        if len(fwd) <= len(bwd):
            nxt = []
            for u, v in _neighbours(db, fwd, True, directed):
                if v not in pred:
                    pred[v] = u
                    nxt.append(v)
                if v in succ:
                    return _join(v, pred, succ)
            fwd = nxt
        else:
            nxt = []
            for u, v in _neighbours(db, bwd, False, directed):
                if v not in succ:
                    succ[v] = u
                    nxt.append(v)
                if v in pred:
                    return _join(v, pred, succ)
            bwd = nxt
    return None


def _join(meet: str, pred: dict[str, str | None], succ: dict[str, str | None]) -> list[str]:
    left: list[str] = []
    node: str | None = meet
    while node is not None:
        left.append(node)
        node = pred[node]
    left.reverse()
    node = succ[meet]
    while node is not None:
        left.append(node)
        node = succ[node]
    return left


def path(db: Database, a: str, b: str) -> CitationPath | None:
    """Shortest chain of citations from a to b (a cites x cites ... b). When
    there is none, the shortest path ignoring direction, marked
    `directed=False` so the caller can say so; None when not connected."""
    a, b = (require_paper(db, ck)[0] for ck in (a, b))
    found = _bidirectional(db, a, b, True)
    if found is not None:
        return CitationPath(found, directed=True)
    found = _bidirectional(db, a, b, False)
    return CitationPath(found, directed=False) if found is not None else None


def missing(db: Database, top: int = 10) -> list[dict[str, Any]]:
    """External works cited by the most papers here: what to add next."""
    if not isinstance(top, int) or top < 1:
        raise UsageError(f"--top must be a positive whole number, not {top!r}")
    rows = db.execute(
        "SELECT work_key, COUNT(DISTINCT citekey) AS n FROM refs "
        "WHERE resolved IS NULL AND work_key IN (SELECT work_key FROM works) "
        "GROUP BY work_key ORDER BY n DESC, work_key LIMIT ?", [top]).fetchall()
    out = []
    for wk, n in rows:
        w = db.execute("SELECT title, year, arxiv_id, doi, url FROM works WHERE work_key = ?", [wk]).fetchone()
        title, year, ax, doi, url = w if w else (None, None, None, None, None)
        citing = [ck for (ck,) in db.execute(
            "SELECT DISTINCT citekey FROM refs WHERE work_key = ? AND resolved IS NULL ORDER BY citekey",
            [wk])]
        out.append({"work_key": wk, "count": n, "title": title, "year": year, "arxiv_id": ax,
                    "doi": doi, "url": url, "cited_by": citing})
    return out


# --------------------------------------------------------------------------
# Export

def _export_graph(db: Database,
                  edge_extra: Mapping[tuple[str, str], dict[str, Any]] | None = None) -> "networkx.DiGraph":
    """The graph with attributes Gephi, yEd and Graphviz accept: no None values,
    scalars only (authors joined by "; "); on every node its label, title, year,
    authors, DOI and arXiv id where known; on every edge how it was found and
    the link score where known."""
    import networkx as nx

    g = nx.DiGraph()
    for ck, title, year, authors, doi, arxiv_id in db.execute(
            "SELECT citekey, title, year, authors, doi, arxiv_id FROM papers ORDER BY citekey"):
        attrs: dict[str, Any] = {"label": ck, "title": title or ""}
        if year is not None:
            attrs["year"] = int(year)
        try:
            names = [str(a) for a in json.loads(authors or "[]") if str(a).strip()]
        except (ValueError, TypeError):
            names = []
        if names:
            attrs["authors"] = "; ".join(names)
        if doi:
            attrs["doi"] = doi
        if arxiv_id:
            attrs["arxiv_id"] = arxiv_id
        g.add_node(ck, **{k: _xml_safe(v) for k, v in attrs.items()})
    for a, b, methods, score in db.execute(
            "SELECT citing, cited, methods, score FROM citations ORDER BY citing, cited"):
        attrs = {"methods": methods}
        if score is not None:
            attrs["score"] = float(score)
        if edge_extra is not None:       # e.g. kb audit's restatement counts (kb graph export --restatements)
            attrs.update(edge_extra.get((a, b), {}))
        g.add_edge(a, b, **attrs)
    return g


def _xml_char(c: str) -> bool:
    """Whether XML 1.0 can hold the character `c` at all (its Char production): not a control
    character but tab and line breaks, not a surrogate, not U+FFFE or U+FFFF."""
    return " " <= c < "\ud800" or c in "\t\n\r" or "\ue000" <= c <= "\ufffd" or c >= "\U00010000"


def _xml_safe(value: Any) -> Any:
    """Text without the characters XML 1.0 cannot hold (GraphML and GEXF are XML: one such
    character in a title, a control character or U+FFFE, made the whole file unreadable)."""
    if not isinstance(value, str) or value.isascii() and value.isprintable():
        return value
    return "".join(c for c in value if _xml_char(c))


def _xml_ids(g: "networkx.DiGraph") -> "networkx.DiGraph":
    """`g` with each node whose key XML cannot hold ('ke\\x01y', 'ke\\uffffy', written by hand in
    references.bib: the GraphML and GEXF of it were no XML) named by the key with each such character
    written \\uXXXX; a key so written that is another paper's key is refused, never merged with it."""
    import networkx as nx

    bad = {n: "".join(c if _xml_char(c) else f"\\u{ord(c):04x}" for c in n)
           for n in g.nodes if _xml_safe(n) != n}
    if not bad:
        return g
    taken = set(g.nodes) - set(bad)
    for key, written in bad.items():
        if written in taken:
            raise UsageError(f"the citekey {said(key)} holds a character XML cannot hold, and with it written "
                             f"\\uXXXX it is another paper's key, {said(written)}: no GraphML or GEXF can tell "
                             "them apart",
                             hint="rename one of them (kb rename), or export -f json or dot")
        taken.add(written)
    return nx.relabel_nodes(g, bad)


def _dot_quote(value: Any) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line breaks as
    \\n, other control characters dropped (Graphviz refuses some of them)."""
    text = "".join(c for c in str(value) if c >= " " or c in "\r\n")
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")
    return f'"{text}"'


def _wrap(text: str, width: int = 40) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _dot_label(key: str, attrs: dict[str, Any], first_key: str | None = None) -> str:
    """'Title, wrapped\nFirst author et al. 2023\n(citekey)', the authors as kb ls shows them
    (`first_key`, the paper's first-author key, keeps an organisation's name whole)."""
    lines = _wrap(attrs.get("title") or "")
    byline = ""
    if attrs.get("authors"):
        byline = short_authors(attrs["authors"].split("; "), first_key)
    if attrs.get("year") is not None:
        byline = f"{byline} {attrs['year']}".strip()
    return "\n".join(lines + ([byline] if byline else []) + [f"({key})" if lines else key])


def _to_dot(g: "networkx.DiGraph", first_keys: Mapping[str, str | None]) -> str:
    lines = ["digraph citations {", "  node [shape=box];"]
    for n, attrs in g.nodes(data=True):
        extra = "".join(f", {k}={_dot_quote(v)}" for k, v in attrs.items() if k != "label")
        lines.append(f"  {_dot_quote(n)} [label={_dot_quote(_dot_label(n, attrs, first_keys.get(n)))}{extra}];")
    for a, b, attrs in g.edges(data=True):
        extra = ", ".join(f"{k}={_dot_quote(v)}" for k, v in attrs.items())
        lines.append(f"  {_dot_quote(a)} -> {_dot_quote(b)}" + (f" [{extra}]" if extra else "") + ";")
    lines.append("}")
    return "\n".join(lines) + "\n"


def node_link(g: "networkx.DiGraph") -> dict[str, Any]:
    """networkx's node-link form with the edges under "links", the key every
    networkx since 2.0 reads (`node_link_graph` before 3.4 knows no other;
    3.4 and later read it with edges="links"), written here rather than by
    node_link_data, whose arguments differ between those versions."""
    return {"directed": True, "multigraph": False, "graph": {},
            "nodes": [{**attrs, "id": n} for n, attrs in g.nodes(data=True)],
            "links": [{**attrs, "source": a, "target": b} for a, b, attrs in g.edges(data=True)]}


def render(db: Database, fmt: str,
           edge_extra: Mapping[tuple[str, str], dict[str, Any]] | None = None) -> str:
    """The graph as GraphML, GEXF, DOT or node-link JSON text; `edge_extra` adds attributes
    to the edges it names ((citing, cited) -> {name: scalar}), made by a layer above."""
    import networkx as nx

    kind = (fmt or "").lower().lstrip(".")
    if kind not in FORMATS:
        raise UsageError(f"unknown graph format {fmt!r}; use one of: {', '.join(FORMATS)}")
    g = _export_graph(db, edge_extra)
    if kind == "graphml":
        return "\n".join(nx.generate_graphml(_xml_ids(g))) + "\n"
    if kind == "gexf":
        return "\n".join(nx.generate_gexf(_xml_ids(g))) + "\n"
    if kind == "json":
        return json.dumps(node_link(g), ensure_ascii=False, indent=1) + "\n"
    return _to_dot(g, dict(db.execute("SELECT citekey, first_author FROM papers")))
