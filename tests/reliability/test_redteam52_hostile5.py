"""Red-team round 52, hostile input (fifth pass of this sweep): notes kb read at length.

A note of 200,000 footnote definitions took kb verify --note 39 s: each entry is parsed as a reference (0.2 to 0.8 ms
apiece) and nothing bounded how many. Past MAX_NOTE_REFERENCES entries (footnote definitions and bibitems counted at
once, before any is read; the others each before it is parsed) it is refused in one line, as a note of too many quotes
is; a note at the limit is read whole. A note naming a bibliography file thousands of times read it each time."""

from __future__ import annotations

import pytest
from kbrun import run_kb

from kb.text.notes import TooManyReferences, parse_note

_ENTRY = "Doe, J. ({year}). A study of the energy of model number {i}. Journal of Tests."

#: a note listing `n` works in each way kb reads a list of works
STYLES = {
    "footnote definitions": lambda n: "Text [^0].\n\n" + "".join(
        f"[^{i}]: {_ENTRY.format(year=2000 + i % 20, i=i)}\n" for i in range(n)),
    "numbered list under References": lambda n: "# References\n\n" + "".join(
        f"{i + 1}. {_ENTRY.format(year=2000 + i % 20, i=i)}\n" for i in range(n)),
    "bracketed numbers": lambda n: "Text.\n\n## References\n\n" + "".join(
        f"[{i + 1}] J. Doe, \"A study of model {i},\" Journal of Tests, {2000 + i % 20}.\n" for i in range(n)),
    "bullets under Bibliography": lambda n: "## Bibliography\n\n" + "".join(
        f"- {_ENTRY.format(year=2000 + i % 20, i=i)}\n" for i in range(n)),
    "span ids": lambda n: "".join(f'<span id="r{i}">{_ENTRY.format(year=2000 + i % 20, i=i)}</span>\n'
                                  for i in range(n)),
    "li ids": lambda n: "<ol>\n" + "".join(f'<li id="r{i}">{_ENTRY.format(year=2000 + i % 20, i=i)}</li>\n'
                                           for i in range(n)) + "</ol>\n",
    "anchors before entries": lambda n: "".join(f'<a id="r{i}"></a>[{i + 1}] {_ENTRY.format(year=2000 + i % 20, i=i)}\n'
                                                for i in range(n)),
    "pandoc divs": lambda n: "".join(f"::: {{#ref-k{i} .csl-entry}}\n{_ENTRY.format(year=2000 + i % 20, i=i)}\n:::\n\n"
                                     for i in range(n)),
    "bibitems": lambda n: "\\begin{thebibliography}{9}\n" + "".join(
        f"\\bibitem{{k{i}}} J.~Doe, ``A study of model {i},'' {2000 + i % 20}.\n" for i in range(n))
        + "\\end{thebibliography}\n",
    "footnotes of Ibid.": lambda n: "Text [^0].\n\n[^0]: " + _ENTRY.format(year=2020, i=0) + "\n" + "".join(
        f"[^{i}]: Ibid., {i}.\n" for i in range(1, n)),
    "endnotes of Ibid.": lambda n: "Text.\n\n1. " + _ENTRY.format(year=2020, i=0) + "\n" + "".join(
        f"{i + 1}. Ibid., {i}.\n" for i in range(1, n)),
}


@pytest.mark.parametrize("style", STYLES)
def test_each_style_lists_as_many_references_as_written(style) -> None:
    assert len(parse_note(STYLES[style](9)).references) == 9


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("most", [1, 3, 6])
def test_a_note_listing_past_the_most_is_refused_and_one_at_it_is_read_whole(style, most) -> None:
    at = STYLES[style](most)
    assert len(parse_note(at, most_references=most).references) == most, at
    with pytest.raises(TooManyReferences) as got:
        parse_note(STYLES[style](most + 1), most_references=most)
    assert got.value.most == most


@pytest.mark.parametrize("style,what", [("footnote definitions", "footnote definitions"),
                                        ("bibitems", "\\bibitem entries")])
def test_footnote_definitions_and_bibitems_are_counted_before_any_is_read(style, what, monkeypatch) -> None:
    from kb.text import notes
    read = []
    monkeypatch.setattr(notes, "parse_reference", lambda body: read.append(body))
    with pytest.raises(TooManyReferences) as got:
        parse_note(STYLES[style](50), most_references=10)
    assert got.value.what == what and read == []


def test_definitions_in_a_code_block_are_not_counted() -> None:
    text = "```\n" + "".join(f"[^{i}]: {_ENTRY.format(year=2020, i=i)}\n" for i in range(20)) + "```\n" \
        + STYLES["footnote definitions"](3)
    assert len(parse_note(text, most_references=3).references) == 3


@pytest.mark.parametrize("lines", [4, 5])
def test_numbered_lines_tried_as_references_are_bounded_too(lines) -> None:
    # (numbered prose lines with a year outside a list of works: each is parsed to tell whether it is one)
    text = "Notes.\n\n" + "".join(f"{i + 1}. In {2000 + i} we ran the model number {i} again.\n" for i in range(lines))
    if lines == 4:
        assert parse_note(text, most_references=4).references == []
    else:
        with pytest.raises(TooManyReferences) as got:
            parse_note(text, most_references=4)
        assert "numbered lines" in got.value.what


def test_no_most_reads_every_reference() -> None:
    assert len(parse_note(STYLES["footnote definitions"](300)).references) == 300


@pytest.mark.parametrize("front", ["---\nbibliography:\n" + "- refs.bib\n" * 5 + "---\n",
                                   "---\nbibliography: [refs.bib, refs.bib, 'refs.bib']\n---\n"])
def test_a_bibliography_file_named_again_is_one_file(front) -> None:
    assert parse_note(front + "Text.\n").bibliography == ["refs.bib"]


@pytest.mark.parametrize("command", ["verify", "audit"])
@pytest.mark.parametrize("entries", [3, 4])
def test_kb_refuses_a_note_listing_more_works_than_it_reads_in_one_line(kb_root, tmp_path, monkeypatch, command,
                                                                      entries) -> None:
    from alphakb import make_alpha

    from kb.ops import quotes
    monkeypatch.setattr(quotes, "MAX_NOTE_REFERENCES", 3)
    make_alpha(kb_root, tmp_path)
    note = tmp_path / "n.md"
    note.write_text("> We trained 12 models on 64 GPUs for 3 days.\n\n[@alpha2020energy]\n\n"
                    + STYLES["footnote definitions"](entries))
    before = note.read_bytes()
    got = run_kb(command, "--note", note)
    assert "Traceback" not in got.err, got.err
    if entries == 3:
        assert got.code in (0, 1), got.err
    else:
        lines = got.err.strip().splitlines()
        assert got.code == 2 and len(lines) == 1, got.err
        assert "more than 3 footnote definitions" in lines[0] and "nothing checked" in lines[0], lines
    assert note.read_bytes() == before


@pytest.mark.parametrize("names", [2, 3])
def test_kb_refuses_a_note_naming_more_bibliography_files_than_it_reads(kb_root, tmp_path, monkeypatch, names):
    from kb.ops import quotes
    monkeypatch.setattr(quotes, "MAX_NOTE_BIBLIOGRAPHIES", 2)
    for i in range(names):
        (tmp_path / f"r{i}.bib").write_text(f"@article{{k{i}, title={{A title}}, year={{2020}}}}\n")
    note = tmp_path / "n.md"
    note.write_text("---\nbibliography:\n" + "".join(f"- r{i}.bib\n" for i in range(names)) + "---\nText.\n")
    got = run_kb("verify", "--note", note)
    assert "Traceback" not in got.err, got.err
    if names == 2:
        assert got.code in (0, 1), got.err
    else:
        lines = got.err.strip().splitlines()
        assert got.code == 2 and len(lines) == 1 and "names 3 bibliography files" in lines[0], got.err


_UNLABELLED = ["Doe, J. (2019). Energy of models. Journal of Tests.", "Roe, K. (2020). Power of training. Proc. Tests.",
               "Poe, L. (2021). Carbon of inference. Tests Letters.", "Moe, M. (2018). Water of data centres. Tests."]


@pytest.mark.parametrize("tail", ["a\n" * 300, "It ran in 2020. Then.\n" * 60, "".join(
    f"{10_000 + i}. Doe, J. (2020). A study of model {i}. Journal.\n" for i in range(60))])
def test_an_unlabelled_entry_is_measured_as_it_grows_never_read_whole_for_each_line(tail, monkeypatch) -> None:
    # (lines of an entry that never ends, '10000. ...' after a list's '9999.' among them, each asked whether it opens
    # the next entry with the entry so far joined and read whole: 200,000 of them never finished)
    from kb.text import notes
    monkeypatch.setattr(notes, "_SPLIT_MOST", 400)
    asked: list[int] = []
    real = notes.starts_another_entry
    monkeypatch.setattr(notes, "starts_another_entry", lambda entry, line: asked.append(len(entry)) or real(entry, line))
    note = parse_note("# References\n\n" + "\n".join(_UNLABELLED) + "\n" + tail)
    assert asked and max(asked) <= 400, max(asked)
    assert [r.entry.first_author for r in note.references[:3]] == ["doe", "roe", "poe"]


def test_unlabelled_entries_one_a_line_are_each_one_reference() -> None:
    note = parse_note("# References\n\n" + "\n".join(_UNLABELLED) + "\n")
    assert [r.entry.first_author for r in note.references] == ["doe", "roe", "poe", "moe"]
