"""Two markers of different kinds beside one quote ('"..."<sup>1</sup> [@patterson2021]', '"..." [3] (Patterson et al.,
2021)', a link of names to an anchor): the quote is checked where both name one work, and not checked, naming both,
where they name two (the words being in both papers, it would verify in the wrong one); a list of works cited together
keeps its reading; a link of names to an anchor the note does not have is read by its names and year."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_Q = "cloud companies aim for improved cost-performance in their data centers"
_BIB = ("@article{patterson2021,\n  title = {Carbon Emissions and Large Neural Network Training},\n  author = "
        "{Patterson, David and Gonzalez, Joseph and Le, Quoc},\n  year = {2021}\n}\n"
        "@article{strubell2019,\n  title = {Energy and Policy Considerations for Deep Learning in NLP},\n  author = "
        "{Strubell, Emma and Ganesh, Ananya and McCallum, Andrew},\n  year = {2019}\n}\n")
_LIST = ("\n\n## References\n\n1. Strubell E, Ganesh A. Energy and Policy Considerations for Deep Learning in NLP. "
         "ACL. 2019.\n2. Patterson D, Le Q. Carbon Emissions and Large Neural Network Training. arXiv. 2021.\n"
         "3. Doe J. A Work Kept Elsewhere. 2020.\n")
_ANCHORS = ('\n\n## References\n\n<a id="ref-1"></a>Strubell, E., & Ganesh, A. (2019). Energy and Policy '
            'Considerations for Deep Learning in NLP.\n\n<a id="ref-2"></a>Patterson, D., & Le, Q. (2021). Carbon '
            'Emissions and Large Neural Network Training.\n\n<a id="ref-g"></a>Google. (2021). Carbon Emissions and '
            'Large Neural Network Training.\n')

_CASES = [
    # two markers naming two works: neither
    (f"They write “{_Q}”<sup>1</sup> [@patterson2021].{_LIST}", None),
    (f"They write “{_Q}”¹ (Patterson et al., 2021).{_LIST}", None),
    (f"They write “{_Q}” [1] (Patterson et al., 2021).{_LIST}", None),
    (f"They write “{_Q}” (Patterson et al., 2021) [1].{_LIST}", None),
    (f"They write “{_Q}” [@patterson2021] (Strubell et al., 2019).{_LIST}", None),
    (f"They write “{_Q}” [Strubell et al.](#ref-1) [@patterson2021].{_ANCHORS}", None),
    (f"They write “{_Q}”[^1] [@patterson2021].\n\n[^1]: Strubell, Emma, and Ananya Ganesh. “Energy and Policy "
     "Considerations for Deep Learning in NLP.” ACL, 2019.\n", None),
    # ... or one of them a work kb does not hold
    (f"They write “{_Q}” [@patterson2021] (Doe, 2020).{_LIST}", None),
    (f"They write “{_Q}” [3] (Patterson et al., 2021).{_LIST}", "no-source"),
    # two markers naming one work: checked there
    (f"They write “{_Q}”<sup>2</sup> [@patterson2021].{_LIST}", "patterson2021"),
    (f"They write “{_Q}” [2] (Patterson et al., 2021).{_LIST}", "patterson2021"),
    (f"They write “{_Q}” (Strubell et al., 2019) [1].{_LIST}", "strubell2019"),
    (f"They write “{_Q}” [Patterson et al.](#ref-2) [@patterson2021].{_ANCHORS}", "patterson2021"),
    # a number the note lists nothing for says nothing of the work: the other marker's
    (f"They write “{_Q}”<sup>4</sup> [@patterson2021].\n", "patterson2021"),
    (f"They write “{_Q}” (Patterson et al., 2021) [7].\n", "patterson2021"),
    # works cited together, a work set beside it: as before (the first, or the one it is in)
    (f"They write “{_Q}” [@strubell2019; @patterson2021].{_LIST}", "strubell2019"),
    (f"They write “{_Q}” [2] (see also Strubell et al., 2019).{_LIST}", "patterson2021"),
    (f"They write “{_Q}” [2, 1] (Strubell et al., 2019).{_LIST}", "patterson2021"),
    # a link of names to an anchor: the note has none, its names and year; it has one, that one where they agree
    (f"[Patterson et al.](#ref-patterson) (2021) write that “{_Q}”.\n", "patterson2021"),
    (f"[Patterson et al. (2021)](#ref-pat) write that “{_Q}”.\n", "patterson2021"),
    (f"They write “{_Q}” ([Strubell et al.](#ref-strubell), 2019).\n", "strubell2019"),
    (f"[Patterson et al.](#ref-patterson) (2019) write that “{_Q}”.\n", "no-source"),
    (f"[Patterson et al.](#ref-patterson) write that “{_Q}”.\n", "no-source"),
    (f"[Doe et al.](#ref-doe) (2021) write that “{_Q}”.\n", "no-source"),
    (f"[Patterson et al.](#ref-2) (2021) write that “{_Q}”.{_ANCHORS}", "patterson2021"),
    (f"[Google (2021)](#ref-g) writes that “{_Q}”.{_ANCHORS}", "patterson2021"),
    (f"[Patterson et al.](#ref-1) (2021) write that “{_Q}”.{_ANCHORS}", None),
    (f"[Patterson et al.](#ref-1) write that “{_Q}”.{_ANCHORS}", None),
    (f"[Doe et al.](#ref-2) (2021) write that “{_Q}”.{_ANCHORS}", None),
]


def test_markers_beside_one_quote(kb_root, tmp_path):
    (kb_root / "references.bib").write_text(_BIB)
    kb = open_kb(kb_root)
    try:
        for key in ("patterson2021", "strubell2019"):       # the words are in both papers
            pages = tmp_path / f"{key}.json"
            pages.write_text(json.dumps(["A title", f"2.1 Clouds\nAs we found, {_Q}. So it goes."]))
            load_text(kb, key, pages, extractor="test")
        for i, (body, want) in enumerate(_CASES):
            note = tmp_path / f"n{i}.md"
            note.write_text(f"# Note\n\n{body}")
            results, _ = verify_note(kb, note)
            assert len(results) == 1, (body, [r.message for r in results])
            got = results[0]
            if want is None:
                assert (got.citekey, got.status) == (None, "unchecked"), (body, got.message)
                assert "not checked" in got.message and ("two works" in got.message or "not its entry" in
                                                         got.message), got.message
            elif want == "no-source":
                assert (got.citekey, got.status) == (None, "no-source"), (body, got.message)
            else:
                assert (got.citekey, got.status) == (want, "ok"), (body, got.message)
    finally:
        kb.close()


@pytest.mark.parametrize("tail, kind", [
    ("<sup>1</sup> [@patterson2021].", "pandoc"), ("<sup>1</sup>[@patterson2021].", "pandoc"),
    (" [1] (Patterson et al., 2021).", "names"), ("¹ (Patterson et al., 2021).", "names"),
    (" (Patterson et al., 2021) [3].", "number"), ("[^1] [@patterson2021].", "pandoc"),
    (" [@doe2019] (Roe, 2020).", "names"),
    (" [1][2].", None), (" [1], [2].", None), (" [@doe2019] [@roe2020].", None), (" [1] (p. 5).", None),
    (" [1] (see also Roe et al., 2021).", None), (" [1] (cf. Roe 2020).", None),
    (" [1] (Patterson et al., 2021; Roe, 2020).", None), (" [1, 2] (Patterson et al., 2021).", None),
    (" [@doe2019; @roe2020] (Patterson et al., 2021).", None), (" [2]. (Patterson et al., 2021) later said so.", None),
    (" [1] and (Patterson et al., 2021).", None),
])
def test_the_marker_beside_a_citation(tail, kind):
    from kb.text.notes import parse_note

    note = parse_note(f"# N\n\nThey write “{_Q}”{tail}\n\n## References\n\n1. Doe J. A Title. 2019.\n"
                      "2. Roe J. Another Title. 2020.\n3. Poe J. A Third. 2021.\n")
    assert len(note.quotes) == 1
    beside = note.quotes[0].beside
    if kind is None:
        assert beside is None, beside
    else:
        assert beside is not None
        got = "pandoc" if beside.citekey else "names" if beside.attribution else "number"
        assert got == kind, beside
