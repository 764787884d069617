"""`kb refs` and `kb cite fetch`: a paper's reference list and Semantic Scholar's view of it."""

from __future__ import annotations

from kb.graph import links as graph
from kb.graph import views
from kb.ops.derive import ensure_references
from kb.sources import s2
from kb.store.knowledgebase import KB
from kb.store.queries import require_paper


def references(kb: KB, citekey: str) -> list[dict]:
    """A paper's parsed reference list (and Semantic Scholar's), each entry with what it resolved to
    (`itself`: it names this very paper by arXiv id or DOI)."""
    citekey = require_paper(kb.conn, citekey)["citekey"]       # a key kept in its ids too
    ensure_references(kb)           # a list kb add left for the graph's first reader
    rows = [dict(r) for r in kb.db.query(
        "select idx, label, raw, page, arxiv_id, doi, url, year, title, first_author, resolved, method, "
        "score, source from refs where citekey = ? order by source, idx", [citekey])]
    own = graph.own_ids(kb.db, [citekey]).get(citekey)
    for r in rows:      # linked to nothing, and no work missing here either
        r["itself"] = r["resolved"] is None and graph.names_itself(own, r["arxiv_id"], r["doi"])
    return rows


def fetch(kb: KB, citekey: str, progress=None) -> dict:
    """Fetch references and citations from Semantic Scholar and merge them in."""
    paper = require_paper(kb.conn, citekey)
    citekey = paper["citekey"]                                  # a key kept in its ids too
    ensure_references(kb)
    doi = kb.conn.execute("select doi from papers where citekey = ?", [citekey]).fetchone()[0]
    s2.cache_path(kb.layout.s2_cache, citekey)        # refuse a key that cannot be a file name, before fetching
    data = s2.fetch(kb.client, paper["arxiv_id"], doi, progress)
    with kb.writing():
        s2.save(kb.layout.s2_cache, citekey, {k: v for k, v in data.items() if k not in ("unread", "cut", "oversized")},
                kb.layout.tmp)
        counts = graph.merge_s2(kb.db, citekey, data["references"], data["citations"])
    links = views.show(kb.db, citekey)
    return {"paper": data["paper"], "references": len(data["references"]), "unread": s2.unread_said(data["unread"]),
            "cut": s2.cut_said(data["cut"], data.get("oversized", ())),
            "citations": len(data["citations"]), "merged": counts,
            "cites": links.get("cites", []), "cited_by": links.get("cited_by", [])}
