"""kb graph missing: a preprint cited with its arXiv id in one paper and by title alone, as published the
year after, in another is one work; another author's work of that title, or one two years on, is not."""

from __future__ import annotations

import pytest

from kb.graph import links as graph
from kb.graph import views
from kb.text.refs import parse_entry

PREPRINT = "Diederik P. Kingma and Jimmy Ba. 2014. Adam: A method for stochastic optimization. arXiv:1412.6980."
CITED = {
    "published": "D. P. Kingma and J. Ba. Adam: A method for stochastic optimization. ICLR, 2015.",
    "other_author": "J. Smith. Adam: A method for stochastic optimization. ICLR, 2015.",
    "two_years_on": "D. P. Kingma and J. Ba. Adam: A method for stochastic optimization. ICLR, 2016.",
}


@pytest.mark.parametrize("one_by_one", [True, False])
def test_a_preprint_cited_as_published_the_year_after_is_one_work(tmp_path, new_db, add_paper, one_by_one):
    db = new_db(tmp_path / "kb.sqlite")
    lists = {"p0": [PREPRINT], **{f"p{i}": [text] for i, text in enumerate(CITED.values(), 1)}}
    for i, ck in enumerate(lists):
        add_paper(db, ck, f"Citing paper number {i}", [f"Author{i}, Ann"], 2020)
    for ck, texts in reversed(list(lists.items())):
        entries = [parse_entry(t, idx=n) for n, t in enumerate(texts, 1)]
        if one_by_one:
            graph.index_references(db, ck, "v1", [], entries)
        else:
            graph.store_references(db, ck, "v1", [], entries)
    if not one_by_one:
        graph.relink(db)
    works = {w["work_key"]: w["cited_by"] for w in views.missing(db, top=10)}
    assert works["arxiv:1412.6980"] == ["p0", "p1"]
    assert sorted(works) == ["arxiv:1412.6980", "title:adam a method for stochastic optimization|2015",
                             "title:adam a method for stochastic optimization|2016"]
