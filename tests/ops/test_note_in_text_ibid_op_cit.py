"""In-text 'ibid.' with Harvard's colon before its page ('(ibid.: 3)') repeats the citation before at that page, and
in-text 'op. cit.' after names ('(Doe et al., op. cit., p. 3)') is those names' one work here at that page; of names
with two works here it says the citation is ambiguous, and 'op. cit.' with no name names none."""

from __future__ import annotations

import json

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_BIB = """@article{doe2019, title = {Energy Use of Language Models}, author = {Doe, Jane and Roe, Ann and Moe, Al},
 year = {2019}}
@article{poe2021, title = {Carbon Intensity of Cloud Regions}, author = {Poe, Max and Low, Kim and Ray, Ed}, year = {2021}}
@article{poe2023, title = {Water Use of Data Centres}, author = {Poe, Max and Wu, Li}, year = {2023}}
"""
_PAGES = {"doe2019": ["Title", "training emits carbon in proportion to the energy drawn from the grid",
                      "the cost of tuning exceeds the cost of one training run"],
          "poe2021": ["Title", "the same job emits less carbon in some regions than in others", "More."],
          "poe2023": ["Title", "cooling towers evaporate most of the water a data centre withdraws", "More."]}
A, B = _PAGES["doe2019"][1], _PAGES["doe2019"][2]
C = _PAGES["poe2021"][1]

_CASES = [
    (f"“{A}” (Doe et al., 2019, p. 2). “{B}” (ibid.: 3).", [("doe2019", 3, "ok")]),
    (f"“{A}” (Doe et al., 2019, p. 2). “{B}” (ibid: 3).", [("doe2019", 3, "ok")]),
    (f"“{A}” (Doe et al., 2019, p. 2). “{C}” (Poe et al., 2021, p. 2). “{B}” (Doe et al., op. cit., p. 3).",
     [("poe2021", 2, "ok"), ("doe2019", 3, "ok")]),
    (f"“{A}” (Doe et al., 2019, p. 2). “{B}” (Doe, Roe and Moe, op. cit., 3).", [("doe2019", 3, "ok")]),
    # two works of Poe here: which one, the citation does not say
    (f"“{C}” (Poe et al., 2021, p. 2). “{C}” (Poe et al., op. cit., p. 2).", [("poe2021", 2, "ok"), (None, None, "")]),
    # no name: no work
    (f"“{A}” (Doe et al., 2019, p. 2). “{B}” (op. cit., p. 3).", [(None, None, "")]),
]


def test_in_text_ibid_colon_and_op_cit(kb_root, tmp_path):
    (kb_root / "references.bib").write_text(_BIB)
    kb = open_kb(kb_root)
    try:
        for key, pages in _PAGES.items():
            path = tmp_path / f"{key}.json"
            path.write_text(json.dumps(pages))
            load_text(kb, key, path, extractor="test")
        for i, (text, want) in enumerate(_CASES):
            note = tmp_path / f"n{i}.md"
            note.write_text(f"# N\n\n{text}\n")
            results, _ = verify_note(kb, note)
            got = [(r.citekey, r.page, r.status) for r in results][-len(want):]
            for g, w in zip(got, want):
                if w[0] is None:
                    assert g[0] is None and g[2] != "ok", (text, results)
                else:
                    assert g == w, (text, [r.message for r in results])
    finally:
        kb.close()
