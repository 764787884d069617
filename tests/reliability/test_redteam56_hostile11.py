"""Red-team round 56, hostile input (eleventh pass of this sweep): a note of one huge "sentence".

kb audit --note read every figure of every cited sentence: one line of 20 MB, a paragraph with no sentence's end, took
30 s and 665 MB (its table cells, spans and number words), where kb verify --note took 3 s. A sentence or quote longer
than MAX_NOTE_SENTENCE is now listed not checked, naming its line, never read and never passed over in silence;
counted, not timed."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note, sentence_citations

#: sentences citing a work, in the styles kb reads, of about `n` characters
LONG = {
    "pandoc": lambda n: "We used 64 GPUs " + "and more " * (n // 9) + "[@alpha2020energy].",
    "numbered": lambda n: "It used 64 GPUs " + "and more " * (n // 9) + "[1].\n\n1. Alpha, A. (2020). Energy.",
    "author-year": lambda n: "It used 64 GPUs " + "and more " * (n // 9) + "(Alpha and Beta, 2020).",
    "latex": lambda n: "It used 64 GPUs " + "and more " * (n // 9) + "\\cite{alpha2020energy}.",
    "table cells": lambda n: "| 64 | 12 | " * (n // 12) + "[@alpha2020energy]",
    "number words": lambda n: "ten tasks and twelve runs, " * (n // 26) + "[@alpha2020energy].",
}


@pytest.mark.parametrize("style", LONG)
def test_a_sentence_past_the_longest_is_given_unread_and_one_under_it_is_read(style) -> None:
    short, long = LONG[style](200), LONG[style](2000)
    read = sentence_citations(short, parse_note(short), longest=1000)
    assert read and all(citations for _, _, citations in read), read
    unread = [s for s in sentence_citations(long, parse_note(long), longest=1000) if len(s[1]) > 1000]
    assert len(unread) == 1 and unread[0][2] == [] and unread[0][0] == 1, unread
    # no bound: the long one's citation is read as before
    assert all(cs for _, s, cs in sentence_citations(long, parse_note(long)) if len(s) > 1000)


def _audit(kb_root, tmp_path, monkeypatch, text: str):
    from alphakb import make_alpha

    from kb.ops import audit
    from kb.ops.session import open_kb
    monkeypatch.setattr(audit, "MAX_NOTE_SENTENCE", 1000)
    make_alpha(kb_root, tmp_path)
    note = tmp_path / "n.md"
    note.write_text(text)
    return audit.audit_note(open_kb(kb_root), note)


@pytest.mark.parametrize("style", ["pandoc", "latex", "table cells", "number words"])
def test_kb_audit_lists_a_sentence_too_long_as_not_checked_on_its_line_and_checks_the_others(kb_root, tmp_path,
                                                                                           monkeypatch, style) -> None:
    text = "Intro.\n\nThe model used 64 GPUs [@alpha2020energy].\n\n" + LONG[style](3000) + "\n\nIt emitted 552 tCO2e " \
           "[@alpha2020energy].\n"
    rows = _audit(kb_root, tmp_path, monkeypatch, text)
    assert [(r.citing_page, r.figure, r.verdict) for r in rows] == [
        (3, "64 GPUs", "confirmed"), (5, "", "not-checked"), (7, "552 tCO2e", "confirmed")], rows
    long = rows[1]
    assert "the sentence is" in long.reason and "characters long" in long.reason and "not checked" in long.reason
    assert len(long.sentence) < 300             # never the whole sentence carried in the row


def test_a_quote_too_long_is_listed_not_checked_and_a_short_one_checked(kb_root, tmp_path, monkeypatch) -> None:
    text = ('They write "We trained 12 models on 64 GPUs" [@alpha2020energy].\n\n'
            '> "' + "We trained 12 models on 64 GPUs for 3 days. " * 40 + '" [@alpha2020energy]\n')
    rows = _audit(kb_root, tmp_path, monkeypatch, text)
    long = [r for r in rows if r.verdict == "not-checked"]
    assert len(long) == 1 and long[0].citing_page == 3 and "the quote is" in long[0].reason, rows
    assert {r.figure for r in rows if r.verdict == "confirmed" and r.citing_page == 1} >= {"64 GPUs"}, rows


def test_kb_audit_of_a_long_sentence_says_it_in_one_row_and_exits_0(kb_root, tmp_path, monkeypatch) -> None:
    from alphakb import make_alpha
    from kbrun import run_kb

    from kb.ops import audit
    monkeypatch.setattr(audit, "MAX_NOTE_SENTENCE", 1000)
    make_alpha(kb_root, tmp_path)
    note = tmp_path / "n.md"
    note.write_text(LONG["pandoc"](5000) + "\n")
    before = note.read_bytes()
    got = run_kb("audit", "--note", note)
    assert got.code == 0 and "Traceback" not in got.err, got.err
    row = [line for line in got.out.splitlines() if "not-checked" in line]
    assert len(row) == 1 and "n.md line 1" in row[0] and "characters long" in row[0], got.out
    assert "1 not checked" in got.out
    assert note.read_bytes() == before


# ---------------------------------------------------------------- a title guessed from shifted letters

#: what a font's ToUnicode range starting at U+FFFD, or another wrong offset, gives for a title's letters
SHIFTED = ["Tb\x1dqo^fkba", "Bkbodv\x1dRpb\x1dli\x1dIxod", "Q_\x1dk_qrp^i\x1dI^kdr^db", "^^% #@ ^^% ##~ ^^`",
           "Tb qo^fkba ^ j^kv jlabip ^q `lpq", "\x01\x02\x03\x04 \x05\x06", "Ebnq ^$ I^kdr^db @ jlabi{ qo^fkba}",
           "Attention\x1dIs\x1dAll\x1dYou\x1dNeed"]
#: titles that read as words, in the shapes real ones take
WORDS = ["BERT: Pre-training of Deep Bidirectional Transformers", "GPT-4 Technical Report",
         "Don't Stop Pretraining: Adapt Language Models to Domains and Tasks", "Energy & Policy Considerations",
         "Llama 2: Open Foundation and Fine-Tuned Chat Models", "Quantifying the Carbon Emissions of ML",
         "Towards Sustainable (Green) AI", "Über die Energie der Sprachmodelle", "C++ or Rust? A Study of 3.5 Models"]


def _page_titled(title: str) -> str:
    return f"{title}\nJane Doe1, John Roe2\n1University of Testing\nAbstract\nWe study the energy of models."


@pytest.mark.parametrize("title", SHIFTED)
def test_a_title_of_control_characters_or_shifted_letters_is_not_taken(title) -> None:
    from kb.sources.pdf import guess_title
    assert guess_title(_page_titled(title)) == ""


@pytest.mark.parametrize("title", WORDS)
def test_a_title_of_words_is_still_taken(title) -> None:
    from kb.sources.pdf import guess_title
    assert guess_title(_page_titled(title)) == title
