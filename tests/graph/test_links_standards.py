"""Linking: a standard's or an RFC's number keys its work, whatever order a list prints it in."""

from __future__ import annotations

from kb.graph import links as graph

_OTHERS = ("Ashish Vaswani and Noam Shazeer. 2017. Attention is all you need. In NeurIPS.\n"
           "Tom Brown and Ben Mann. 2020. Language models are few-shot learners. In NeurIPS.\n")


def test_one_standard_cited_in_two_orders_is_one_work(tmp_path, new_db, add_paper, stored_pages) -> None:
    db = new_db(tmp_path / "kb.sqlite")
    lists = {"a2023": "RFC 9110. HTTP Semantics. R. Fielding, M. Nottingham, and J. Reschke. IETF, 2022.\n",
             "b2023": "Roy Fielding, Mark Nottingham, and Julian Reschke. 2022. HTTP semantics, STD 97. RFC 9110, "
                      "RFC Editor.\n"}
    for ck, ref in lists.items():
        add_paper(db, ck, f"Paper {ck}", ["Doe, Jane"], 2023, None, None,
                     [f"Some text.\nReferences\n{_OTHERS}{ref}"])
        graph.index_references(db, ck, "v1", stored_pages(db, ck))
    keys = {k for (k,) in db.execute("SELECT work_key FROM refs WHERE raw LIKE '%9110%'")}
    assert keys == {"std:rfc9110"}
    assert {k for (k,) in db.execute("SELECT work_key FROM works WHERE work_key LIKE 'std:%'")} == {"std:rfc9110"}
