"""A work's names a note writes without brackets after a quote ('"..." Doe et al., 2019.', MLA's '"..." Doe et al.
4.'), or marked up before their year ('*Doe et al.* (2019)', '<i>Doe et al.</i> (2019)', '**Doe** (2019)',
'<cite>Doe et al. 2019</cite>'): read as the quote's citation, where names going on into a sentence, a venue or a
title in italics, and a capitalised word that is no name are not."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

Q = "every word of this sentence is quoted from the paper"


def _quote(body: str):
    [q] = parse_note(f"# N\n\n{body}\n").quotes
    return q


@pytest.mark.parametrize("body, attribution, page", [
    (f"They write “{Q}.” Patterson et al., 2021.", "Patterson et al. 2021.", None),
    (f"They write “{Q}.” Patterson et al. 2021, p. 4.", "Patterson et al. 2021.", "4"),
    (f"They write “{Q}” Patterson et al., 2021.", "Patterson et al. 2021.", None),
    (f"They write “{Q}.” Strubell, Ganesh and McCallum 2019: 5.", "Strubell, Ganesh and McCallum. 2019.", "5"),
    (f'They write "{Q}." Doe and Roe, 2018.', "Doe and Roe. 2018.", None),
    (f"They write “{Q}.” Patterson et al. 4.", "Patterson et al.", "4"),
    (f"They write “{Q}.” Doe & Roe 12–13.", "Doe & Roe.", "12–13"),
    (f"*Patterson et al.* (2021) write “{Q}.”", "Patterson et al. 2021.", None),
    (f"<i>Patterson et al.</i> (2021) write “{Q}.”", "Patterson et al. 2021.", None),
    (f"<em>Doe et al.</em>’s (2019) words: “{Q}.”", "Doe et al. 2019.", None),
    (f"**Strubell** (2019) writes that “{Q}.”", "Strubell. 2019.", None),
    (f"<b>Strubell</b> (2019) writes that “{Q}.”", "Strubell. 2019.", None),
    (f"They write “{Q}” (*Patterson et al.*, 2021).", "Patterson et al. 2021.", None),
    (f"They write “{Q}” (<cite>Patterson et al. 2021</cite>).", "Patterson et al. 2021.", None),
    (f"They write “{Q}” <cite>Patterson et al. 2021, p. 4</cite>.", "Patterson et al. 2021.", "4"),
])
def test_names_bare_or_marked_up_cite_the_quote(body, attribution, page) -> None:
    q = _quote(body)
    assert (q.attribution, q.page) == (attribution, page)
    # (the markup read away, not cut out: the quote is where the note has it)
    assert (q.line, q.offset) == (3, len("# N\n\n") + body.index(Q) - 1)


@pytest.mark.parametrize("body", [
    f"They write “{Q}.” Strubell et al. (2019) argue otherwise.",     # the next sentence's subject
    f"They write “{Q}.” Strubell et al., 2019, found otherwise.",
    f"They write “{Q}.” Strubell et al. 2019 disagree.",
    f"They write “{Q}.” In 2019.",                                    # no name
    f"They write “{Q}.” March 2019.",
    f"They write “{Q}.” NIST 2019.",
    f"They write “{Q}.” Doe 4.",                                      # a page after one capitalised word: no work's
    f"They write “{Q}.” Chapter 4.",
    f"They write “{Q}.” Patterson et al.",                            # names alone: which of their works?
    f"They write “{Q}” in *FAccT* (2022).",                           # a venue in italics
    f"They write “{Q}” after *Nature* (2020).",
    f"They write “{Q}” (*Nature*, 2020).",
    f"They write “{Q}” as *the authors* (2021) say.",
    f"They write “{Q}” as en_Doe_ (2021) says.",
    f"They write “{Q}” *see* (2021).",
])
def test_what_is_no_work_named_cites_nothing(body) -> None:
    note = parse_note(f"# N\n\n{body}\n")
    assert not [q.attribution for q in note.quotes if q.attribution or q.citekey or q.source_text or q.source_link]


def test_an_italic_title_before_its_year_stays_a_title() -> None:
    q = _quote(f"*Energy and Policy Considerations* (2019) says “{Q}.”")
    assert q.attribution == "“Energy and Policy Considerations”. 2019."
