"""BibTeX as people bring it, a second round: a field read for what it is on the entry
that holds it, and entries that are data for papers kept as such."""

from __future__ import annotations

import pytest
from kbrun import run_kb

from kb.sources.metadata import from_bib_fields

# -- a version field: an arXiv version only beside an arXiv id -----------------------------------

VERSIONED = [
    ("software", {"title": "Tool", "version": "3"}, None, None),
    ("manual", {"title": "Manual", "version": "v2"}, None, None),
    ("online", {"title": "Page", "version": "4", "url": "https://example.org/page"}, None, None),
    ("dataset", {"title": "Data", "version": "1"}, None, None),
    ("misc", {"title": "P", "eprint": "2001.00001", "archiveprefix": "arXiv", "version": "2"}, "2001.00001", 2),
    ("misc", {"title": "P", "eprint": "2001.00001v3"}, "2001.00001", 3),
    ("online", {"title": "P", "url": "https://arxiv.org/abs/2001.00001", "version": "5"}, "2001.00001", 5),
]


@pytest.mark.parametrize("entry_type, fields, arxiv_id, version", VERSIONED)
def test_a_version_field_is_an_arxiv_version_only_beside_an_arxiv_id(entry_type, fields, arxiv_id, version):
    """@software{tool, version = {3}} was listed as arXiv version v3 of no arXiv id."""
    meta = from_bib_fields(entry_type, fields)
    assert (meta.arxiv_id, meta.version) == (arxiv_id, version)
    # the release stays one of the entry's own fields, written back as it was given
    assert meta.bib_fields().get("version") == (fields["version"] if arxiv_id is None else str(version))


def test_a_softwares_version_is_no_arxiv_version_to_ls_and_show(kb_root):
    (kb_root / "references.bib").write_text("@software{tool, title = {My Tool}, author = {Doe, Jane}, "
                                            "year = 2021, version = {3}}\n")
    assert [(p["citekey"], p["version"]) for p in run_kb("ls", "--json").json] == [("tool", None)]
    assert run_kb("show", "tool", "--json").json["version"] is None
