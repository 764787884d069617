"""`kb refs` and `kb cite fetch`: a paper's reference list and Semantic Scholar's view of it."""

from __future__ import annotations

from kb.errors import NotFound
from kb.graph import links as graph
from kb.graph import views
from kb.ops.quotes import paper_row
from kb.sources import s2
from kb.store.knowledgebase import KB


def references(kb: KB, citekey: str) -> list[dict]:

    paper_row(kb, citekey)
    rows = [dict(r) for r in kb.db.query(
        "select idx, label, raw, page, arxiv_id, doi, url, year, title, first_author, resolved, method, "
        "score, source from refs where citekey = ? order by source, idx", [citekey])]
    return rows


def fetch(kb: KB, citekey: str, progress=None) -> dict:
    """Fetch references and citations from Semantic Scholar and merge them in."""

    row = kb.db.execute("select arxiv_id, doi from papers where citekey = ?", [citekey]).fetchone()
    if row is None:
        raise NotFound(f"no paper {citekey!r} in the knowledge base", hint="see `kb ls`")
    data = s2.fetch(kb.client, row[0], row[1], progress)
    with kb.writing():
        s2.save(kb.layout.state, citekey, data)
        counts = graph.merge_s2(kb.db, citekey, data["references"], data["citations"])
    links = views.show(kb.db, citekey)
    return {"paper": data["paper"], "references": len(data["references"]),
            "citations": len(data["citations"]), "merged": counts,
            "cites": links.get("cites", []), "cited_by": links.get("cited_by", [])}
