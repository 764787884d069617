"""kb adds fields only to entries it wrote.

`kb add arxiv:X` on a paper whose entry came from the user's BibTeX (kb import,
or written by hand) keeps that entry byte for byte and says in one line what it
did not write; the arXiv version is kept in the source cache and the index, so
quotes still get their version, and `kb rebuild` finds it again. kb's own
entries are listed on references.bib's `% kb-owned: ...` lines, so
which entries are kb's survives a rebuild and a rename.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fakearxiv import FakeArxiv
from kbrun import run_kb
from pdfgen import make_pdf

TITLE = "Power Hungry Processing: Watts Driving the Cost of AI Deployment?"
V1 = make_pdf([TITLE, "charging the average smartphone requires 0.012 kWh of energy"], title="Power Hungry Processing")
V3 = make_pdf([TITLE, "charging the average smartphone requires 0.022 kWh of energy", "page three"],
              title="Power Hungry Processing")
USERS = """@inproceedings{Luccioni_FAccT24,
\ttitle = {Power Hungry Processing: Watts Driving the Cost of {AI} Deployment?},
\tauthor = {Luccioni, Sasha and Jernite, Yacine and Strubell, Emma},
\tbooktitle = {The 2024 {ACM} Conference on Fairness, Accountability, and Transparency},
\tyear = {2024},
\tmonth = jun,
}
"""


@pytest.fixture
def arxiv(server):
    fake = FakeArxiv(server)
    fake.add("2311.16863", {1: V1, 3: V3}, TITLE, ["Alexandra Sasha Luccioni", "Yacine Jernite", "Emma Strubell"],
             published="2023-11-28")
    return fake


def bib(root: Path) -> str:
    return (root / "references.bib").read_text("utf-8")


@pytest.mark.parametrize("one_read", [False, True])
def test_add_arxiv_to_an_imported_entry_keeps_it_byte_for_byte(kb_root, arxiv, tmp_path, monkeypatch, one_read):
    if one_read:            # the ids from sources found as for many papers (an import, a rebuild)
        monkeypatch.setattr("kb.store.index.IDS_IN_ONE_READ", 0)
    (tmp_path / "mine.bib").write_text(USERS)
    assert run_kb("import", tmp_path / "mine.bib").code == 0
    before = bib(kb_root)
    r = run_kb("add", "arxiv:2311.16863")
    assert r.code == 0, r.err
    assert r.out.startswith("updated   Luccioni_FAccT24 v3, 3 pages"), r.out
    said = [line for line in r.err.splitlines() if "as you wrote it" in line]
    assert said == ["kb: Luccioni_FAccT24: entry kept as you wrote it (kb adds fields only to entries it wrote): did not "
                    "write archiveprefix, eprint, primaryclass, url; arXiv:2311.16863v3 is recorded in kb's index "
                    "and source cache"], r.err
    assert bib(kb_root) == before                                   # byte for byte
    info = run_kb("show", "Luccioni_FAccT24", "--json").json
    assert [(v["version"], v["page_count"]) for v in info["versions"]] == [("v3", 3)]
    # quotes get the version kb holds
    r = run_kb("quote", "add", "Luccioni_FAccT24", "charging the average smartphone requires 0.022 kWh of energy")
    assert r.code == 0, r.err
    assert [q["version"] for q in run_kb("quote", "ls", "--json").json] == ["v3"]
    # an older version: kept beside, the entry still untouched
    r = run_kb("add", "arxiv:2311.16863v1")
    assert r.code == 0, r.err
    assert bib(kb_root) == before
    info = run_kb("show", "Luccioni_FAccT24", "--json").json
    assert [v["version"] for v in info["versions"]] == ["v1", "v3"]
    # after a rebuild: the versions come back from the source cache, the entry is still the user's
    for name in ("kb.sqlite", "kb.sqlite-wal", "kb.sqlite-shm"):     # nothing of the old index is salvaged
        (kb_root / ".kb" / name).unlink(missing_ok=True)
    assert run_kb("rebuild").code == 0
    info = run_kb("show", "Luccioni_FAccT24", "--json").json
    assert [v["version"] for v in info["versions"]] == ["v1", "v3"]
    assert run_kb("verify").code == 0
    # The index knows the paper by its arXiv id all the same (references naming it link,
    # kb show says it), after the rebuild and after a hand edit of the entry.
    assert info["arxiv_id"] == "2311.16863", info
    edited = before.replace("year = {2024}", "year = {2024},\n\tnote = {my note}")
    (kb_root / "references.bib").write_text(edited)
    assert run_kb("show", "Luccioni_FAccT24", "--json").json["arxiv_id"] == "2311.16863"
    (kb_root / "references.bib").write_text(before)
    r = run_kb("add", "arxiv:2311.16863", "--refresh")
    assert r.code == 0 and "as you wrote it" in r.err
    assert bib(kb_root) == before


def test_kbs_own_entries_are_listed_and_stay_kbs_after_rebuild_and_rename(kb_root, arxiv, tmp_path):
    r = run_kb("add", "arxiv:2311.16863v1")
    assert r.code == 0, r.err
    text = bib(kb_root)
    assert "version = {1}" in text and text.endswith("}\n\n% kb-owned: luccioni2023power\n")
    # a comment between entries: the other readers see the same entries
    from pybtex.database.input.bibtex import Parser
    assert list(Parser().parse_string(text).entries) == ["luccioni2023power"]
    for name in ("kb.sqlite", "kb.sqlite-wal", "kb.sqlite-shm"):
        (kb_root / ".kb" / name).unlink(missing_ok=True)
    assert run_kb("rebuild").code == 0
    assert run_kb("rename", "luccioni2023power", "luccioni2023watts").code == 0
    r = run_kb("add", "arxiv:2311.16863")                     # v3: kb's own entry follows
    assert r.code == 0, r.err
    assert "new version v3 (had v1)" in r.err and "as you wrote it" not in r.err
    text = bib(kb_root)
    assert "version = {3}" in text and "luccioni2023power" in text.split("@comment")[0]   # kept in ids
    # an entry the user writes by hand is the user's; the renamed one is still kb's
    from kb.sources.bibtex import BibFile
    edited = BibFile(text + "\n" + USERS.replace("Luccioni_FAccT24", "other2024x"))
    assert edited.owned("luccioni2023watts") and not edited.owned("other2024x")


def test_hand_edited_list_names_only_entries_that_exist(kb_root, arxiv, tmp_path):
    """A kb-owned list naming a key that is gone (kb rm) is pruned when kb next writes it."""
    from kb.sources.bibtex import BibFile

    bib_text = "@misc{a, title={A}}\n\n% kb-owned: a, gone\n% kb-owned: c\n@misc{c, note={% kb-owned: x}}\n"
    f = BibFile(bib_text)
    assert f.owned_keys() == {"a", "gone", "c"} and f.owned("a") and not f.owned("b") and not f.owned("x")
    f.set_entry("b", "misc", {"title": "B"})
    f.mark_owned("b")
    assert f.render() == ("@misc{a, title={A}}\n\n% kb-owned: a, b, c\n@misc{c, note={% kb-owned: x}}\n\n"
                          "@misc{b,\n  title = {B},\n}\n")
    assert BibFile(f.render()).owned_keys() == {"a", "b", "c"}
    many = BibFile("".join(f"@misc{{key{i:03d}, title={{T}}}}\n" for i in range(40)))
    for i in range(40):
        many.mark_owned(f"key{i:03d}")
    lines = many.render().split("}\n\n")[-1].splitlines()
    assert len(lines) > 1 and all(line.startswith("% kb-owned: ") and len(line) <= 80 for line in lines)
    assert BibFile(many.render()).owned_keys() == {f"key{i:03d}" for i in range(40)}


def test_add_doi_to_a_hand_written_entry_keeps_it(kb_root, server):
    from httpserver import Reply

    mine = "% my own entry\n@article{loeb,\n    author = {Loeb, G.},\n    title = {Optimal isn't good enough},\n" \
           "    journal = {Biol. Cybern.},\n    year = 2012,\n    doi = {10.1007/s00422-012-0514-6}\n}\n"
    (kb_root / "references.bib").write_text(mine, "utf-8")
    server.routes["/doi/10.1007/s00422-012-0514-6"] = Reply(200, (
        "@article{Loeb_2012, doi = {10.1007/s00422-012-0514-6}, year = 2012, month = {aug},"
        " volume = {106}, number = {11-12}, pages = {757--765}, author = {Gerald E. Loeb},"
        " title = {Optimal isn't good enough}, journal = {Biological Cybernetics}}").encode(),
        {"Content-Type": "application/x-bibtex"})
    r = run_kb("add", "doi:10.1007/s00422-012-0514-6")
    assert r.code == 0, r.err
    assert r.out.startswith("unchanged loeb"), r.out
    assert "kb: loeb: entry kept as you wrote it (kb adds fields only to entries it wrote): did not write " \
           "month, number, pages, url, volume" in r.err, r.err
    assert (kb_root / "references.bib").read_text("utf-8") == mine


def test_a_removed_key_leaves_the_list_so_a_users_entry_under_it_stays_theirs(kb_root, arxiv, tmp_path):
    assert run_kb("add", "arxiv:2311.16863v1").code == 0
    assert "% kb-owned: luccioni2023power" in bib(kb_root)
    r = run_kb("rm", "luccioni2023power", "--force")
    assert r.code == 0, r.err
    assert "kb-owned" not in bib(kb_root) and "luccioni2023power" not in bib(kb_root)
    # The user files their own entry under the same key: kb add keeps it as written.
    (tmp_path / "mine.bib").write_text(USERS.replace("Luccioni_FAccT24", "luccioni2023power"))
    assert run_kb("import", tmp_path / "mine.bib").code == 0
    before = bib(kb_root)
    r = run_kb("add", "arxiv:2311.16863")
    assert r.code == 0 and "as you wrote it" in r.err, r.err
    assert bib(kb_root) == before
