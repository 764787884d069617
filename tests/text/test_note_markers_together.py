"""Markers of one kind side by side after a quote ('"..." [1][2]', '[1] [2]', '[@a] [@b]', '<sup>1</sup><sup>2</sup>',
'^[1][2]', '[^1][^2]', '(Doe, 2019) (Roe, 2020)') cite the works together, as '[1, 2]' and '[@a; @b]' do: the quote
is each work's to check, each at its own page ('[@a, p. 3] [@b, p. 7]'), never the first work's alone (nor, ending a
blockquote, the last one's). Markers of two kinds, a work set beside it, and a marker after the next sentence or of
the next quote stay apart."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Cloud companies strive for energy efficient datacenters since it saves money and lowers emissions."
_R = "Recent advances in available compute come at a high price not attainable to all who desire access."
_LIST = ("\n\n## References\n\n1. Strubell E, Ganesh A. Energy and Policy Considerations for Deep Learning in NLP. "
         "ACL. 2019.\n2. Patterson D, Le Q. Carbon Emissions and Large Neural Network Training. arXiv. 2021.\n"
         "3. Dodge J, Prewitt T. Measuring the Carbon Intensity of AI in Cloud Instances. FAccT. 2022.\n")
_FN = ("\n\n[^1]: Strubell, Emma. “Energy and Policy Considerations for Deep Learning in NLP.” ACL, 2019.\n"
       "[^2]: Patterson, David. “Carbon Emissions and Large Neural Network Training.” arXiv, 2021.\n")
_ANCHORS = ('\n\n## References\n\n<a id="ref-1"></a>Strubell, E. (2019). Energy and Policy Considerations for Deep '
            'Learning in NLP.\n\n<a id="ref-2"></a>Patterson, D. (2021). Carbon Emissions and Large Neural Network '
            'Training.\n')


def _works(q) -> list[tuple]:
    """Each work a quote cites, as (its key or label or anchor or names, its page)."""
    def one(x):
        return (x.citekey or x.source_link or x.source_text or (x.attribution or "").rstrip("."), x.page)
    return [one(q)] + [one(o) for o in q.also]


@pytest.mark.parametrize("body, works", [
    (f"They write “{_Q}” [1][2].{_LIST}", [("[1]", None), ("[2]", None)]),
    (f"They write “{_Q}” [1] [2].{_LIST}", [("[1]", None), ("[2]", None)]),
    (f"They write “{_Q}” [1][2][3].{_LIST}", [("[1]", None), ("[2]", None), ("[3]", None)]),
    (f"They write “{_Q}” [1, 3] [2].{_LIST}", [("[1]", None), ("[3]", None), ("[2]", None)]),
    (f"They write “{_Q}”<sup>1</sup><sup>2</sup>.{_LIST}", [("[1]", None), ("[2]", None)]),
    (f"They write “{_Q}”<sup>1</sup>, <sup>2</sup>.{_LIST}", [("[1]", None), ("[2]", None)]),
    (f"They write “{_Q}”^[1][2].{_LIST}", [("[1]", None), ("[2]", None)]),
    (f"They write “{_Q}”¹ ².{_LIST}", [("[1]", None), ("[2]", None)]),
    (f"They write “{_Q}” [@strubell2019] [@patterson2021].", [("strubell2019", None), ("patterson2021", None)]),
    (f"They write “{_Q}” [@strubell2019], [@patterson2021].", [("strubell2019", None), ("patterson2021", None)]),
    (f"They write “{_Q}” [@strubell2019, p. 3] [@patterson2021, p. 7].",
     [("strubell2019", "3"), ("patterson2021", "7")]),
    (f"They write “{_Q}” [@strubell2019, p. 3][@patterson2021, p. 7][@dodge2022, p. 2].",
     [("strubell2019", "3"), ("patterson2021", "7"), ("dodge2022", "2")]),
    (f"They write “{_Q}”[^1][^2].{_FN}", [("[^1]", None), ("[^2]", None)]),
    (f"They write “{_Q}” [Strubell](#ref-1) [Patterson](#ref-2).{_ANCHORS}", [("#ref-1", None), ("#ref-2", None)]),
    (f"They write “{_Q}” (Strubell et al., 2019) (Patterson et al., 2021).",
     [("Strubell et al. 2019", None), ("Patterson et al. 2021", None)]),
    (f"They write “{_Q}” (Strubell et al., 2019, p. 3), (Patterson et al., 2021, p. 7).",
     [("Strubell et al. 2019", "3"), ("Patterson et al. 2021", "7")]),
    (f"They write *“{_Q}”* [1][2].{_LIST}", [("[1]", None), ("[2]", None)]),
    # ending a blockquote, or on its own line after it: all of them, never the last one alone
    (f"> {_Q} [1][2]{_LIST}", [("[1]", None), ("[2]", None)]),
    (f"> {_Q} [@strubell2019, p. 3] [@patterson2021, p. 7]", [("strubell2019", "3"), ("patterson2021", "7")]),
    (f"> {_Q}\n\n[@strubell2019] [@patterson2021]", [("strubell2019", None), ("patterson2021", None)]),
    (f"> {_Q}<sup>1</sup><sup>2</sup>{_LIST}", [("[1]", None), ("[2]", None)]),
])
def test_markers_of_one_kind_side_by_side_cite_the_works_together(body: str, works: list[tuple]) -> None:
    note = parse_note(f"# Note\n\n{body}\n")
    assert len(note.quotes) == 1
    assert _works(note.quotes[0]) == works


@pytest.mark.parametrize("body, works", [
    # markers of two kinds: the quote's citation and the marker beside it, never one list
    (f"They write “{_Q}” [2] (Patterson et al., 2021).{_LIST}", [("[2]", None)]),
    (f"They write “{_Q}”<sup>2</sup> [@patterson2021].{_LIST}", [("[2]", None)]),
    # a work set beside it
    (f"They write “{_Q}” [@patterson2021] [see also @strubell2019].", [("patterson2021", None)]),
    (f"They write “{_Q}” [2] (cf. Strubell et al., 2019).{_LIST}", [("[2]", None)]),
    # a marker after another word or a stop: another clause's or sentence's
    (f"They write “{_Q}” [2]. [1] disagrees.{_LIST}", [("[2]", None)]),
    (f"They write “{_Q}” [2] and later [1].{_LIST}", [("[2]", None)]),
    (f"They write “{_Q}” [@patterson2021]. [@strubell2019] disagrees.", [("patterson2021", None)]),
    # the last marker the subject of the words after it: the next clause's, never the quote's
    (f"They write “{_Q}” [1] [2] showed the opposite.{_LIST}", [("[1]", None)]),
    (f"They write “{_Q}” [1][2][3] found otherwise.{_LIST}", [("[1]", None), ("[2]", None)]),
    (f"They write “{_Q}” [@patterson2021] [@strubell2019] showed the opposite.", [("patterson2021", None)]),
    (f"They write “{_Q}” [@patterson2021]; [@strubell2019] found otherwise.", [("patterson2021", None)]),
    (f"They write “{_Q}” [@patterson2021, p. 2], [@strubell2019, p. 4] disagrees.", [("patterson2021", "2")]),
    (f"They write “{_Q}” (Patterson et al., 2021) (Strubell et al., 2019) found otherwise.",
     [("Patterson et al. 2021", None)]),
    (f"They write “{_Q}”<sup>2</sup> <sup>1</sup> measured more.{_LIST}", [("[2]", None)]),
    (f"They write “{_Q}”[^1][^2] disputes it.{_FN}", [("[^1]", None)]),
])
def test_markers_not_side_by_side_or_of_two_kinds_stay_apart(body: str, works: list[tuple]) -> None:
    note = parse_note(f"# Note\n\n{body}\n")
    assert len(note.quotes) == 1
    assert _works(note.quotes[0]) == works


def test_each_quote_keeps_its_own_markers() -> None:
    note = parse_note(f"# Note\n\nOne writes “{_R}” [1] [3], another “{_Q}” [2][3].{_LIST}\n")
    assert [_works(q) for q in note.quotes] == [[("[1]", None), ("[3]", None)], [("[2]", None), ("[3]", None)]]
    note = parse_note(f"# Note\n\nOne writes “{_R}” [@strubell2019]. Another “{_Q}” [@patterson2021] [@dodge2022].\n")
    assert [_works(q) for q in note.quotes] == [[("strubell2019", None)],
                                                [("patterson2021", None), ("dodge2022", None)]]
