"""Red-team round 50, hostile input (twelfth pass): answers compressed in codings kb cannot undo, feeds of
cut author lists, notes too large to read at once, and truth files nested deeper than any."""

from __future__ import annotations

import pytest
from kbrun import run_kb


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


# -- an answer compressed in a coding kb cannot undo -----------------------------------------

@pytest.mark.parametrize("coding, named", [("br", "'br'"), ("zstd", "'zstd'"), ("gzip, x-foo", "'x-foo'")])
@pytest.mark.parametrize("source", ["doi", "arxiv"])
def test_an_answer_compressed_in_a_coding_kb_cannot_undo_is_refused(kb_root, server, coding, named, source) -> None:
    """Its bytes were read as they came: a Crossref record said '... sent 117 bytes instead of JSON', an arXiv
    feed sent uncompressed under 'br' was filed as if it had been undone."""
    import json

    from fakearxiv import atom_entry, atom_feed
    from httpserver import Reply
    if source == "doi":
        body = json.dumps({"message": {"DOI": "10.1000/z", "title": ["Z"], "type": "journal-article"}}).encode()
        server.routes["/doi/10.1000/z"] = Reply(406, b"no")
        server.routes["/crossref/works/10.1000/z"] = Reply(200, body, {"Content-Type": "application/json",
                                                                       "Content-Encoding": coding})
    else:
        body = atom_feed([atom_entry("2311.16863", 1, "Zed", ["Ann Doe"])])
        server.routes["/api/query"] = Reply(200, body, {"Content-Type": "application/atom+xml",
                                                        "Content-Encoding": coding})
    before = (kb_root / "references.bib").read_text()
    got = run_kb("add", "doi:10.1000/z" if source == "doi" else "arxiv:2311.16863")
    assert got.code == 2, (got.code, got.err)
    line = _one_line(got.err)
    assert f"compressed as {named}, which kb cannot undo" in line and "nothing was kept" in line, line
    assert (kb_root / "references.bib").read_text() == before
