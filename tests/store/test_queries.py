"""kb.store.queries.PaperFinder: asking the index one paper at a time (kb add) gives the
answers loading every paper first (kb import) gives."""

from __future__ import annotations

import itertools

from kbrun import run_kb

from kb.sources.metadata import PaperMeta
from kb.store.knowledgebase import KB
from kb.store.queries import PaperFinder

BIB = """@misc{first, title = {Energy and Policy Considerations for Deep Learning}, author = {Strubell, Emma},
  year = {2019}, doi = {10.18653/V1/P19-1355}}
@misc{second, title = {Energy and Policy Considerations for Deep Learning}, author = {Other, Ann}, year = {2019}}
@misc{third, title = {Energy and Policy Considerations for Deep Learning}, author = {Strubell, Emma}, year = {2020}}
@misc{arx, title = {Power Hungry Processing}, author = {Luccioni, Sasha}, eprint = {2311.16863},
  archiveprefix = {arXiv}, year = {2023}}
@misc{arx2, title = {Power Hungry Processing Again}, author = {Luccioni, Sasha}, eprint = {2311.16863},
  archiveprefix = {arXiv}, year = {2024}}
@misc{Short, title = {Intro}, author = {Doe, Jane}, year = {2020}}
"""


def test_asking_the_index_answers_as_loading_every_paper(kb_root):
    (kb_root / "references.bib").write_text(BIB)
    assert run_kb("ls").code == 0
    kb = KB.open(kb_root)
    try:
        titles = ["Energy and Policy Considerations for Deep Learning", "Power Hungry Processing", "Intro",
                  "Something Else Entirely Here"]
        authors = [[], ["Strubell, Emma"], ["Other, Ann"], ["Nobody, Known"]]
        metas = [PaperMeta(title=t, authors=a, arxiv_id=x, doi=d) for t, a, x, d in itertools.product(
            titles, authors, [None, "2311.16863", "9999.99999"], [None, "10.18653/v1/p19-1355", "10.1/none"])]
        for meta, key in itertools.product(metas, [None, "short", "SHORT", "first", "nokey"]):
            want = PaperFinder(kb.conn).find(meta, key)
            assert PaperFinder(kb.conn, load=False).find(meta, key) == want, (meta, key)
        finder = PaperFinder(kb.conn, load=False)
        meta = PaperMeta(title=titles[0], authors=["Strubell, Emma"])
        assert finder.find(meta) == finder.find(meta) == "first"       # asked twice: the same
    finally:
        kb.close()
