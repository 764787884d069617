"""kb.cli.common: what every command prints goes through these."""

from __future__ import annotations

import io

import pytest

from kb.cli.common import emit_json, emit_json_items, output_to


@pytest.mark.parametrize("items", [[], [{}], [1, "two", None], [{"a": 1, "b": [1, 2, {"c": "x\ny", "é": "ü"}]}, {"d": []}]])
def test_json_written_item_by_item_is_byte_for_byte_the_json_of_the_whole_list(items):
    whole, streamed = io.StringIO(), io.StringIO()
    with output_to(whole):
        emit_json(items)
    with output_to(streamed):
        emit_json_items(iter(items))
    assert streamed.getvalue() == whole.getvalue()


def test_json_items_are_written_before_the_listing_ends():
    """A long listing shows its first items while the rest are still being found."""
    stream = io.StringIO()
    seen = []

    def items():
        yield {"n": 1}
        seen.append(stream.getvalue())
        yield {"n": 2}

    with output_to(stream):
        emit_json_items(items())
    assert '"n": 1' in seen[0] and '"n": 2' not in seen[0]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_an_export_shown_on_a_terminal_cannot_drive_it_but_a_pipe_gets_every_byte():
    """`kb export bib -o -` wrote a title's ESC sequences (a hand-edited references.bib) as
    they were: on a terminal they clear the screen or retitle the window."""
    from kb.cli.common import data

    text = "@misc{x,\n  title = {Evil \x1b]0;pwned\x07 \x1b[2J \x9b31m title},\n}\n"
    shown, piped = _Terminal(), io.StringIO()
    with output_to(shown):
        data(text)
    with output_to(piped):
        data(text)
    assert piped.getvalue() == text
    assert shown.getvalue() == "@misc{x,\n  title = {Evil \\x1b]0;pwned\\x07 \\x1b[2J \\x9b31m title},\n}\n"


def test_printed_text_keeps_right_to_left_and_combining_letters_but_not_direction_overrides():
    """A title holding U+202E (right-to-left override) printed the rest of the line reversed;
    U+2066-U+2069 isolate it. Arabic and Hebrew letters, their marks and combining accents
    are text, and stay."""
    from kb.cli.common import printable

    assert printable("Evil \u202eygrene\u202c title \u2067x\u2069") == "Evil ygrene title x"
    kept = "الطاقة \u05d0\u05e0\u05e8\u05d2\u05d9\u05d4 e\u0301nergie \u200fx\u200e"
    assert printable(kept) == kept


def test_a_table_lines_up_keys_with_combining_accents_and_wide_letters():
    from kb.cli.common import shown_width, table

    buf = io.StringIO()
    rows = [["ada2020alpha", "2020", "Energy"], ["mu\u0308ller2020e\u0301nergie", "2020", "Energie"],
            ["wang2020", "2020", "\u80fd\u6e90"]]
    with output_to(buf, io.StringIO()):
        table(rows, ["citekey", "year", "title"])
    lines = buf.getvalue().splitlines()
    starts = {shown_width(line[:line.index("  2020")]) for line in lines[1:]}
    assert len(starts) == 1, lines
    assert shown_width("mu\u0308ller") == 6 and shown_width("\u80fd\u6e90") == 4 and shown_width("abc") == 3


def test_a_sentence_cut_on_a_terminal_keeps_its_figure_in_view():
    """kb claims extract on a terminal cut each sentence at its end: a figure past the first 70
    characters was not shown (every candidate of a long sentence showed the same first words)."""
    from kb.cli.common import table

    sentence = ("ACM FAccT '24, June 3-6, 2024, Rio de Janeiro, Brazil Luccioni et al generative tasks use "
                "over 10 times more energy (around 0.05 kWh for 1,000 inferences), and image generation more.")
    rows = [["40", "0.05 kWh", sentence], ["41", "ACM", sentence], ["42", "-", "short"], ["43", "9 t", sentence]]
    shown = _Terminal()
    with output_to(shown, io.StringIO()):
        table(rows, ["candidate", "figure", "sentence"], max_width=60,
              keep=["0.05 kWh", "ACM", None, "image generation more."])
    lines = shown.getvalue().splitlines()
    assert all(len(line) <= 60 for line in lines), lines
    tails = [line[len("candidate  figure    "):] for line in lines[1:]]
    assert "0.05 kWh" in tails[0] and tails[0].startswith("…") and tails[0].endswith("…")
    assert tails[1].startswith("ACM FAccT") and tails[1].endswith("…") and tails[2] == "short"
    assert tails[3].startswith("…") and tails[3].endswith("image generation more.")
    piped = io.StringIO()                       # a pipe gets every sentence whole
    with output_to(piped, io.StringIO()):
        table(rows, ["candidate", "figure", "sentence"], max_width=60, keep=["0.05 kWh"] * 4)
    assert piped.getvalue().count(sentence) == 3
