"""A quote whose citation names a work and sets another beside it ('(Dodge, 2022; see also Strubell, 2019)', '[@a;
cf. @b]', '[1; see also 2]') is checked in the work cited alone: words only the work set beside holds are not found,
and the verdict says which work holds them and why it was not asked (they were verified as the quote of the 'see
also' work: a misattribution); found in the work cited, the verdict names the work set beside as not asked."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb

_IN_DODGE = "We analyze four models, the computational requirements of which we describe below"
_IN_STRUBELL = "Measuring the environmental impact of models is a relatively new undertaking"

_LIST = ("\n\n[1] Dodge, J. Work one on a subject. 2022.\n[2] Strubell, E. Work two on a subject. 2019.\n")


@pytest.fixture()
def verdicts_of(kb_root, tmp_path):
    (kb_root / "references.bib").write_text(
        "@article{dodge2022,\n  title = {Work one on a subject},\n  author = {Dodge, Jesse},\n  year = {2022}\n}\n"
        "@article{strubell2019,\n  title = {Work two on a subject},\n  author = {Strubell, Emma},\n  year = {2019}\n}\n")
    kb = open_kb(kb_root)
    for key, text in (("dodge2022", _IN_DODGE), ("strubell2019", _IN_STRUBELL)):
        pages = tmp_path / f"{key}.json"
        pages.write_text(json.dumps(["Title", f"2.1 Models\n{text}. All models"]))
        load_text(kb, key, pages, extractor="test")

    def run(note: str):
        path = tmp_path / "n.md"
        path.write_text(note)
        return verify_note(kb, path)[0]
    yield run
    kb.close()


@pytest.mark.parametrize("cite, signal", [
    ("(Dodge, 2022; see also Strubell, 2019)", "see also"), ("(Dodge, 2022, p. 2; cf. Strubell, 2019)", "cf."),
    ("[@dodge2022; see also @strubell2019]", "see also"), ("[@dodge2022; but see @strubell2019]", "but see"),
    ("[1; see also 2]", "see also"), ("[1, cf. 2]", "cf."),
])
def test_words_only_the_work_set_beside_holds_are_not_the_quotes(verdicts_of, cite, signal) -> None:
    [v] = verdicts_of(f'# Note\n\n"{_IN_STRUBELL}" {cite}.{_LIST}')
    assert (v.status, v.citekey, v.failed) == ("not-found", "dodge2022", True)
    assert v.message.startswith(f"not found in dodge2022; it is in strubell2019 (page 2), which the note sets beside "
                                f"the work it cites with '{signal}'")


@pytest.mark.parametrize("cite", ["(Dodge, 2022; see also Strubell, 2019)", "[@dodge2022; cf. @strubell2019]",
                                  "[1; see also 2]"])
def test_words_the_work_cited_holds_pass_the_work_beside_not_asked(verdicts_of, cite) -> None:
    [v] = verdicts_of(f'# Note\n\n"{_IN_DODGE}" {cite}.{_LIST}')
    assert (v.status, v.citekey, v.page) == ("ok", "dodge2022", 2)
    assert "no source of the quote: not asked" in v.message


def test_words_in_neither_say_so(verdicts_of) -> None:
    [v] = verdicts_of(f'# Note\n\n"{_IN_DODGE.replace("four", "five")}" [@dodge2022; see also @strubell2019].\n')
    assert (v.status, v.citekey) == ("not-found", "dodge2022")
    assert "nor in the works set beside it with 'see also'" in v.message


def test_without_a_signal_each_work_is_asked(verdicts_of) -> None:
    [v] = verdicts_of(f'# Note\n\n"{_IN_STRUBELL}" (Dodge, 2022; Strubell, 2019).\n')
    assert (v.status, v.citekey) == ("ok", "strubell2019")
