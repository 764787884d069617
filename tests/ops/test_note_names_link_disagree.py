"""A quote credited by names (and a year) written with a link to another work's arXiv or DOI page is neither work's
where the names and the link name two works kb holds: not checked, and kb says the two disagree; names that are the
link's work's own keep it checked there."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_Q = "To get a better return on their investment, cloud companies aim for improved cost-performance"
_P = "https://arxiv.org/abs/2104.10350"
_BIB = ("@article{patterson2021,\n  title = {Carbon Emissions and Large Neural Network Training},\n  author = "
        "{Patterson, David and Le, Quoc},\n  year = {2021},\n  eprint = {2104.10350}\n}\n"
        "@article{strubell2019,\n  title = {Energy and Policy Considerations for Deep Learning in NLP},\n  author = "
        "{Strubell, Emma and Ganesh, Ananya},\n  year = {2019},\n  doi = {10.18653/v1/P19-1355}\n}\n"
        "@article{patterson2022,\n  title = {The Carbon Footprint of Machine Learning Training Will Plateau},\n"
        "  author = {Patterson, David and Dean, Jeff},\n  year = {2022}\n}\n")


@pytest.mark.parametrize("body", [
    f'As [Strubell et al.]({_P}) put it, "{_Q}" (p. 2).',
    f'"{_Q}" (Strubell et al., 2019, p. 2, {_P})',
    f'As [Patterson et al.](https://doi.org/10.18653/v1/P19-1355) put it, "{_Q}" (p. 2).',
    # ... a reference of the note's list, a footnote, an attribution naming one work and linking another
    f'"{_Q}" [9, p. 2]\n\n## References\n\n9. Strubell E, et al. 2019. {_P}',
    f'"{_Q}"[^1]\n\n[^1]: Strubell et al. 2019, p. 2, {_P}.',
])
def test_names_and_a_link_naming_two_works_check_neither(kb_root, tmp_path, body):
    (kb_root / "references.bib").write_text(_BIB)
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(["Carbon Emissions", f"2.1 Clouds\n{_Q}. So"]))
    note = tmp_path / "n.md"
    # the link's own names (a year off its preprint's or its print's), or names of no work here, cite the link's work
    note.write_text(f'# Note\n\nAs [Patterson et al. 2022]({_P}) put it, "{_Q}" (p. 2).\n\n'
                    f'As [Smith et al.]({_P}) put it, "{_Q}" (p. 2).\n\n{body}\n')
    kb = open_kb(kb_root)
    try:
        load_text(kb, "patterson2021", pages, extractor="test")
        results, _ = verify_note(kb, note)
    finally:
        kb.close()
    assert [(r.citekey, r.status) for r in results] == [("patterson2021", "ok"), ("patterson2021", "ok"),
                                                        (None, "unchecked")], [r.message for r in results]
    assert "disagree" in results[2].message
