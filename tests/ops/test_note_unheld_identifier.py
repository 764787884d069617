"""A quote cited by names with an arXiv id or DOI no paper here has: where the paper the names point to has another
identifier of that kind, the quote is no paper's, kb saying why (never found by the names read again without the
link); where that paper has none of that kind, it is checked there, the identifier said beside the verdict."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_Q = "To get a better return on their investment, cloud companies aim for improved cost-performance"
_BIB = ("@article{patterson2021,\n  title = {Carbon Emissions and Large Neural Network Training},\n  author = "
        "{Patterson, David and Gonzalez, Joseph and Le, Quoc},\n  year = {2021},\n  eprint = {2104.10350}\n}\n"
        "@article{strubell2019,\n  title = {Energy and Policy Considerations for Deep Learning in NLP},\n  author = "
        "{Strubell, Emma and Ganesh, Ananya and McCallum, Andrew},\n  year = {2019},\n  doi = {10.18653/v1/P19-1355}\n}\n")
_OTHER = "https://doi.org/10.1145/3442188.3445922"


@pytest.mark.parametrize("body, said", [
    (f'"{_Q}" ([Strubell et al. 2019]({_OTHER}), p. 2).', "doi:10.1145/3442188.3445922"),
    (f'"{_Q}" ([Patterson et al. 2021](https://arxiv.org/abs/2001.08361), p. 2).', "arXiv:2001.08361"),
    (f'"{_Q}"[^1]\n\n[^1]: Strubell et al. 2019, p. 2. {_OTHER}.', "doi:10.1145/3442188.3445922"),
    (f'"{_Q}" [4, p. 2]\n\n## References\n\n4. E. Strubell, A. Ganesh. Energy and Policy Considerations for Deep '
     f'Learning in NLP. 2019. {_OTHER}', "doi:10.1145/3442188.3445922"),
])
def test_an_identifier_not_the_named_papers_leaves_the_quote_unchecked(kb_root, tmp_path, body, said):
    (kb_root / "references.bib").write_text(_BIB)
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(["Carbon Emissions", f"2.1 Clouds\n{_Q}. So"]))
    note = tmp_path / "n.md"
    note.write_text(f'# Note\n\n"{_Q}" ([Patterson et al. 2021]({_OTHER}), p. 2).\n\n{body}\n')
    kb = open_kb(kb_root)
    try:
        for key in ("patterson2021", "strubell2019"):
            load_text(kb, key, pages, extractor="test")
        results, _ = verify_note(kb, note)
    finally:
        kb.close()
    assert [(r.citekey, r.status) for r in results] == [("patterson2021", "ok"), (None, "no-source")], \
        [r.message for r in results]
    assert "doi:10.1145/3442188.3445922 is no paper's here" in results[0].message
    assert f"{said} is no paper's here" in results[1].message
