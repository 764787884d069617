"""A citation key that is a DOI or an arXiv id with its scheme ('[@doi:10.18653/v1/P19-1355]', '\\cite{arXiv:2104.10350}',
as Manubot cites), which no paper here has as its key or alias: the quote is checked in the paper of that identifier;
an identifier no paper here has is no source, never another paper."""

from __future__ import annotations

import json

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_Q = "To get a better return on their investment, cloud companies aim for improved cost-performance"
_BIB = ("@article{patterson2021,\n  title = {Carbon Emissions and Large Neural Network Training},\n  author = "
        "{Patterson, David and Le, Quoc},\n  year = {2021},\n  eprint = {2104.10350}\n}\n"
        "@article{strubell2019,\n  title = {Energy and Policy Considerations for Deep Learning in NLP},\n  author = "
        "{Strubell, Emma and Ganesh, Ananya},\n  year = {2019},\n  doi = {10.18653/v1/P19-1355}\n}\n")

_CASES = [
    (f'They write "{_Q}" [@arXiv:2104.10350, p. 2].', ("patterson2021", "ok")),
    (f'They write "{_Q}" [see @arxiv:2104.10350v2, p. 2].', ("patterson2021", "ok")),
    (f"They write ``{_Q}'' \\cite[p.~2]{{arXiv:2104.10350}}.", ("patterson2021", "ok")),
    (f'They write "{_Q}" [@arXiv:2104.10350, p. 1].', ("patterson2021", "wrong-page")),
    # the paper the identifier names does not hold the quote: not found there, never found in the other one
    (f'They write "{_Q}" [@doi:10.18653/v1/P19-1355, p. 2].', ("strubell2019", "not-found")),
    (f"They write ``{_Q}'' \\citep[p.~2]{{DOI:10.18653/V1/P19-1355}}.", ("strubell2019", "not-found")),
    # an identifier no paper here has, or a key only looking like one: no source
    (f'They write "{_Q}" [@doi:10.1145/3442188.3445922, p. 2].', (None, "no-source")),
    (f'They write "{_Q}" [@arXiv:2001.08361].', (None, "no-source")),
    (f'They write "{_Q}" [@doi2104.10350].', (None, "no-source")),
]


def test_identifier_keys(kb_root, tmp_path):
    (kb_root / "references.bib").write_text(_BIB)
    kb = open_kb(kb_root)
    try:
        pages = tmp_path / "patterson2021.json"
        pages.write_text(json.dumps(["Carbon Emissions and Large Neural Network Training", f"2 Clouds\n{_Q}."]))
        load_text(kb, "patterson2021", pages, extractor="test")
        pages = tmp_path / "strubell2019.json"
        pages.write_text(json.dumps(["Energy and Policy Considerations for Deep Learning in NLP", "2 Costs\nOther."]))
        load_text(kb, "strubell2019", pages, extractor="test")
        for i, (body, want) in enumerate(_CASES):
            note = tmp_path / f"n{i}.md"
            note.write_text(f"# Note\n\n{body}\n")
            results, _ = verify_note(kb, note)
            assert len(results) == 1, (body, [r.message for r in results])
            assert (results[0].citekey, results[0].status) == want, (body, results[0].message)
    finally:
        kb.close()
