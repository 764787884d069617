"""A highlights export names its work by title alone: Readwise's Markdown ('# Title' over '## Highlights', with its
metadata or none), Kindle's 'My Clippings.txt' (the book's line, with its author or none). Its highlights are checked
in the one paper of that title exactly (after normalise_title), never one titled alike, and of none or several kb
says so and checks nothing: a title a letter off was 'ok' in the paper titled alike, and an export with no metadata
or a book with no author was not read at all."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb
from kb.text.notes import parse_note

_Q = "We analyze four models, the computational requirements of which we describe below"
_T = "Energy and Policy Considerations for Deep Learning in NLP"
_WHEN = "- Your Highlight on page 2 | Location 45-46 | Added on Monday, 1 January 2024 10:00:00\n\n"


def _readwise(title: str) -> str:
    return f"# {title}\n\n## Highlights\n\n- {_Q} ([Location 123](https://readwise.io/to_kindle?location=123))\n"


def _kindle(title: str) -> str:
    return f"{title}\n{_WHEN}{_Q}\n==========\n"


@pytest.mark.parametrize("export, page", [
    (f"# {_T}\n\n## Highlights\n\n- {_Q} (Page 2)\n- A summary of mine with no place, of no word of the paper at all\n",
     "2"),
    (_kindle(_T), "2"),
])
def test_an_export_naming_its_work_by_title_alone_is_read(export: str, page: str) -> None:
    [q] = parse_note(export).quotes
    assert (q.title, q.page) == (_T, page)


@pytest.mark.parametrize("export, bib, found", [
    (_readwise(_T.lower() + "."), [_T], "p0"),
    (_readwise(_T + "s"), [_T], None),                      # titled alike only: not hers
    (f"# N\n\n## Metadata\n- Full Title: {_T}s\n\n## Highlights\n- {_Q} (Page 2)\n", [_T], None),
    (_kindle(_T), [_T, _T], None),                          # two papers of that title: neither
])
def test_an_exports_work_is_the_one_paper_of_its_title_exactly(kb_root, tmp_path, export, bib, found) -> None:
    (kb_root / "references.bib").write_text("".join(
        f"@article{{p{i},\n  title = {{{t}}},\n  author = {{Strubell, Emma}},\n  year = {{2019}}\n}}\n"
        for i, t in enumerate(bib)))
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(["Title", f"2.1 Models\n{_Q}. All models"]))
    path = tmp_path / "export.md"
    path.write_text(export)
    kb = open_kb(kb_root)
    try:
        for i in range(len(bib)):
            load_text(kb, f"p{i}", pages, extractor="test")
        [r], _ = verify_note(kb, path)
    finally:
        kb.close()
    assert (r.citekey, r.status) == (found, "ok" if found else "no-source"), r.message
