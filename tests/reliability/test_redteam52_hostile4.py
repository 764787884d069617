"""Red-team round 52, hostile input (fourth pass of this sweep): a note whose prose cites works a million times.

kb audit --note looked each citation up in its paper and read its sentence's figures, 0.2 to 0.3 ms apiece: a note of
a million citation marks took 160 s before a word was said. Past MAX_NOTE_CITATIONS it is refused in one line, as
kb verify --note refuses a note of more quotes than it checks; counted, not timed."""

from __future__ import annotations

import pytest

from kb.text.notes import TooManyCitations, parse_note, sentence_citations

#: a note citing works `n` times in the styles kb reads, one sentence of them all or a sentence each
STYLES = {
    "pandoc, one sentence": lambda n: "We used 64 GPUs " + " ".join(f"[@k{i}]" for i in range(n)) + ".\n",
    "pandoc, a sentence each": lambda n: "".join(f"We used {i} GPUs [@k{i}]. " for i in range(n)) + "\n",
    "numbered": lambda n: "".join(f"It used {i} GPUs [{i + 1}]. " for i in range(n)) + "\n",
    "author-year": lambda n: "".join(f"It used {i} GPUs (Doe{i} et al., 2020). " for i in range(n)) + "\n",
    "grouped (a group one citation)": lambda n: "It used 64 GPUs " + " ".join(f"[@a{i}; @b{i}]" for i in range(n)) + ".\n",
    "linked numbers, one sentence": lambda n: "It used 64 GPUs " + "".join(f"[[{i + 1}]](#r{i + 1})" for i in range(n))
                                              + ".\n\n" + "".join(f'<a id="r{i + 1}"></a>{i + 1}. Doe {i}.\n'
                                                                     for i in range(n)),
    "paragraphs": lambda n: "".join(f"It used {i} GPUs \\cite{{k{i}}}.\n\n" for i in range(n)),
}


def _count(text: str) -> int:
    return sum(len(c) for _, _, c in sentence_citations(text, parse_note(text)))


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("most", [1, 4, 7])
def test_a_note_citing_past_the_most_is_refused_and_one_at_it_is_read(style, most) -> None:
    at = STYLES[style](most)
    assert _count(at) == most, (style, at)        # (each style's citations are counted as written)
    assert len([c for _, _, cs in sentence_citations(at, parse_note(at), most) for c in cs]) == most
    over = STYLES[style](most + 1)
    with pytest.raises(TooManyCitations):
        sentence_citations(over, parse_note(over), most)


def test_no_most_reads_every_citation() -> None:
    text = STYLES["pandoc, one sentence"](300)
    assert _count(text) == 300


@pytest.mark.parametrize("cites", [3, 4])
def test_kb_audit_refuses_a_note_citing_more_often_than_it_checks_in_one_line(kb_root, tmp_path, monkeypatch,
                                                                            cites) -> None:
    from alphakb import make_alpha
    from kbrun import run_kb

    from kb.ops import audit
    monkeypatch.setattr(audit, "MAX_NOTE_CITATIONS", 3)
    make_alpha(kb_root, tmp_path)
    note = tmp_path / "n.md"
    note.write_text("".join("The model used 64 GPUs [@alpha2020energy].\n" for _ in range(cites)))
    before = note.read_bytes()
    got = run_kb("audit", "--note", note)
    if cites == 3:
        assert got.code in (0, 1) and "Traceback" not in got.err, got.err
    else:
        assert got.code == 2 and "Traceback" not in got.err, got.err
        lines = got.err.strip().splitlines()
        assert len(lines) == 1 and "cites works more than 3 times" in lines[0] and "nothing checked" in lines[0], lines
    assert note.read_bytes() == before
