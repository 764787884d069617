"""kb.ops.papers: a new paper is appended to references.bib without reading its other
entries when the index is in step with the file, and the file and index come out
exactly as reading and rewriting the whole file gives them."""

from __future__ import annotations

import sys

import pytest
from kbrun import run_kb
from pdfgen import make_pdf

import kb.ops.papers as papers
import kb.store.index as index
from kb.sources.bibtex import BibFile, render_entry

USERS = """% my own library
@article{Doe2021Energy,
  title = {Energy of Things},
  author = {Doe, Jane},
  year = {2021},
}

@misc{renamed2020,
  title = {Renamed Once},
  author = {Roe, Rick},
  year = {2020},
  ids = {old2019key},
}

% kb-owned: old2019key, gone2018key
@misc{quoting,
  note = {
% kb-owned: notalist
  },
  title = {A Note That Looks Like A List},
}
"""


def pdf(path, title: str, author: str, n: int = 0):
    """A PDF naming its arXiv id (the year of the key comes from it: 2021)."""
    path.write_bytes(make_pdf([[title, author, f"arXiv:2102.{n:05d}v1 [cs.LG] 3 Feb 2021",
                                "Some text about energy."]], title=title, author=author))
    return path


@pytest.fixture
def reads(monkeypatch):
    """The times kb.ops.papers read references.bib's entries (not the sync of a changed file)."""
    calls: list[str] = []
    real = BibFile.load.__func__

    def counting(cls, path, **kw):
        if sys._getframe(1).f_globals["__name__"] == papers.__name__:
            calls.append(str(path))
        return real(cls, path, **kw)

    monkeypatch.setattr(papers.BibFile, "load", classmethod(counting))
    return calls


def expected(before: str, key: str, entry_type: str, fields: dict) -> str:
    """What reading and rewriting the whole file gives for a new entry."""
    bib = BibFile(before)
    bib.set_entry(key, entry_type, fields)
    bib.mark_owned(key)
    return bib.render()


def rows(root) -> list[tuple]:
    import sqlite3

    conn = sqlite3.connect(root / ".kb" / "kb.sqlite")
    try:
        return conn.execute("select citekey, entry_type, title, authors, year, fields, position, title_norm, "
                            "first_author from papers order by position").fetchall()
    finally:
        conn.close()


def rendered(root) -> list[tuple]:
    """The papers rows reading references.bib from nothing gives."""
    out = []
    for i, e in enumerate(BibFile.load(root / "references.bib").all_entries()):
        r = index.paper_row(e.key, e.entry_type, e.fields, i)
        out.append(tuple(r[c] for c in ("citekey", "entry_type", "title", "authors", "year", "fields", "position",
                                         "title_norm", "first_author")))
    return out


def test_new_papers_are_appended_as_a_whole_reading_would_write_them(kb_root, tmp_path, reads):
    (kb_root / "references.bib").write_text(USERS)
    assert run_kb("ls").code == 0                  # indexed (references.bib read once, by the sync)
    bib = kb_root / "references.bib"
    added = []
    for i, (title, author) in enumerate([("Energy Costs of Inference", "Jane Doe"),
                                         ("Water Use of Training", "Ann Smith"),
                                         ("Carbon Accounting for Models", "Bo Chen")]):
        before = bib.read_text()
        reads.clear()
        r = run_kb("add", "--offline", pdf(tmp_path / f"p{i}.pdf", title, author, i))
        assert r.code == 0, r.err
        key = r.out.split()[1]
        added.append(key)
        assert reads == [], "a new paper read the whole references.bib"
        entry = BibFile(bib.read_text()).by_key[key].entry
        assert bib.read_text() == expected(before, key, entry.entry_type, dict(entry.fields))
    # Doe2021Energy is the user's: BibTeX does not tell the cases apart, so kb's key differs
    assert added[0] == "doe2021energyb"
    text = bib.read_text()
    assert text.startswith(USERS.split("% kb-owned")[0])                 # the user's entries, byte for byte
    owned = BibFile(text).owned_keys()
    assert owned == {"old2019key", *added}                 # the alias stays listed, the gone key leaves
    assert "% kb-owned: notalist" in text                  # inside an entry: not a list, untouched
    assert rows(kb_root) == rendered(kb_root)
    assert run_kb("doctor", "--quick").code == 0


def test_a_file_kb_did_not_write_last_is_read_once_then_appended_to(kb_root, tmp_path, reads):
    (kb_root / "references.bib").write_text(USERS)
    assert run_kb("ls").code == 0
    assert run_kb("add", "--offline", pdf(tmp_path / "a.pdf", "Energy Costs of Inference", "Jane Doe")).code == 0
    bib = kb_root / "references.bib"
    # A hand edit: noticed, indexed, and the next paper is still appended correctly.
    bib.write_text(bib.read_text().replace("Energy of Things", "Energy of All Things"))
    before = bib.read_text()
    reads.clear()
    r = run_kb("add", "--offline", pdf(tmp_path / "b.pdf", "Water Use of Training", "Ann Smith", 1))
    assert r.code == 0, r.err
    assert reads == []                      # the sync read it (and learnt its kb-owned lines)
    key = r.out.split()[1]
    entry = BibFile(bib.read_text()).by_key[key].entry
    assert bib.read_text() == expected(before, key, entry.entry_type, dict(entry.fields))
    assert rows(kb_root) == rendered(kb_root)
    assert run_kb("show", "Doe2021Energy", "--json").json["title"] == "Energy of All Things"


@pytest.mark.parametrize("why", ["string", "out of step"])
def test_when_the_entries_must_be_read_the_file_is_rewritten_as_before(kb_root, tmp_path, reads, monkeypatch, why):
    text = USERS
    if why == "string":
        text = '@string{jun = "the month of June"}\n\n' + USERS     # a month macro the new entry would use
    (kb_root / "references.bib").write_text(text)
    assert run_kb("ls").code == 0
    if why == "out of step":          # the file changes after kb checked it: no sync sees it
        monkeypatch.setattr(papers.KB, "sync", lambda self, on_error=None: None)
        monkeypatch.setattr(papers.KB, "writing", _without_sync)
    before = (kb_root / "references.bib").read_text()
    if why == "out of step":
        (kb_root / "references.bib").write_text(before + "\n@misc{byhand, title = {Written Meanwhile}}\n")
        before = (kb_root / "references.bib").read_text()
    reads.clear()
    r = run_kb("add", "--offline", pdf(tmp_path / "a.pdf", "Energy Costs of Inference", "Jane Doe"))
    assert r.code == 0, r.err
    assert len(reads) == 1
    key = r.out.split()[1]
    after = (kb_root / "references.bib").read_text()
    entry = BibFile(after).by_key[key].entry
    assert after == expected(before, key, entry.entry_type, dict(entry.fields))
    assert rows(kb_root) == rendered(kb_root)


def _without_sync(self):
    """KB.writing as if the files had been found in step with the index (a file changed
    after the check): the writer lock only."""
    import contextlib

    from kb.atomic import file_lock

    @contextlib.contextmanager
    def held():
        with file_lock(self.layout.lock):
            yield self
    return held()


def test_render_entry_is_what_the_append_writes(kb_root, tmp_path):
    assert run_kb("add", "--offline", pdf(tmp_path / "a.pdf", "Energy Costs of Inference", "Jane Doe")).code == 0
    text = (kb_root / "references.bib").read_text()
    entry = BibFile(text).by_key["doe2021energy"].entry
    assert render_entry("doe2021energy", entry.entry_type, dict(entry.fields)).strip() in text


def test_a_list_of_many_lines_is_rewritten_in_place_each_time(kb_root, tmp_path, reads):
    (kb_root / "references.bib").write_text(
        "".join(f"@misc{{kbkey{i:03d},\n  title = {{Title {i}}},\n}}\n\n" for i in range(30))
        + "% kb-owned: " + ", ".join(f"kbkey{i:03d}" for i in range(30)) + "\n\n@misc{last, title={Last}}\n")
    assert run_kb("ls").code == 0
    bib = kb_root / "references.bib"
    for i, (title, author) in enumerate([("Energy Costs of Inference", "Jane Doe"),
                                         ("Water Use of Training", "Ann Smith")]):
        before = bib.read_text()
        r = run_kb("add", "--offline", pdf(tmp_path / f"p{i}.pdf", title, author, i))
        assert r.code == 0, r.err
        key = r.out.split()[1]
        entry = BibFile(bib.read_text()).by_key[key].entry
        assert bib.read_text() == expected(before, key, entry.entry_type, dict(entry.fields))
    assert reads == []
    assert len(BibFile(bib.read_text()).owned_spans()) > 2
    assert rows(kb_root) == rendered(kb_root)


@pytest.mark.parametrize("write", ["import", "tag", "rename", "rm", "import --normalise", "edit",
                                   "edit to a new key"])
def test_after_another_write_of_the_file_the_next_add_appends_unread(kb_root, tmp_path, reads, write,
                                                                    monkeypatch):
    """kb import, tag, rename, rm and edit write references.bib and record where its
    kb-owned lines are in what they wrote (BibFile.render_with_owned), as kb add does: the
    next new paper is appended without reading the file, and the file and index are what
    reading and rewriting the whole file gives."""
    (kb_root / "references.bib").write_text(USERS)
    assert run_kb("ls").code == 0
    r = run_kb("add", "--offline", pdf(tmp_path / "a.pdf", "Energy Costs of Inference", "Jane Doe"))
    assert r.code == 0, r.err
    first = r.out.split()[1]
    if write.startswith("import"):
        more = tmp_path / "more.bib"
        more.write_text("@article{imp2020,\n  title = {Imported},\n  author = {Poe, Pat},\n  year = {2020},\n}\n")
        r = run_kb(*write.split(), more)
    elif write == "tag":
        r = run_kb("tag", first, "+energy")
    elif write == "rename":
        r = run_kb("rename", first, "doe2021costs")
    elif write.startswith("edit"):
        # $EDITOR: a script that changes the entry kb gives it (its year; its key too)
        change = ("text = text.replace('2021', '2022')" if write == "edit"
                  else f"text = text.replace({first!r}, 'doe2021costs')")
        ed = tmp_path / "ed.py"
        ed.write_text(f"#!{sys.executable}\nimport sys\np = sys.argv[1]\ntext = open(p).read()\n"
                      f"{change}\nopen(p, 'w').write(text)\n")
        ed.chmod(0o755)
        monkeypatch.delenv("VISUAL", raising=False)
        monkeypatch.setenv("EDITOR", str(ed))
        r = run_kb("edit", first)
        assert ("renamed to doe2021costs" if write != "edit" else "entry written") in r.out, r.err
    else:
        r = run_kb("rm", "renamed2020")
    assert r.code == 0, r.err
    bib = kb_root / "references.bib"
    before = bib.read_text()
    reads.clear()
    r = run_kb("add", "--offline", pdf(tmp_path / "b.pdf", "Water Use of Training", "Ann Smith", 1))
    assert r.code == 0, r.err
    assert reads == [], f"the add after kb {write} read the whole references.bib"
    key = r.out.split()[1]
    entry = BibFile(bib.read_text()).by_key[key].entry
    assert bib.read_text() == expected(before, key, entry.entry_type, dict(entry.fields))
    assert rows(kb_root) == rendered(kb_root)


def _again(root, tmp_path, monkeypatch=None) -> list[tuple]:
    """Three papers added, then each added again (the same PDF; a user's entry found by a
    PDF of it; a newer arXiv version of kb's own entry): (exit, output, references.bib)."""
    (root / "references.bib").write_text(USERS)
    monkeypatch.setenv("KB_HOME", str(root))
    assert run_kb("ls").code == 0
    first = pdf(tmp_path / "a.pdf", "Energy Costs of Inference", "Jane Doe")
    assert run_kb("add", "--offline", first).code == 0
    users = tmp_path / "users.pdf"
    users.write_bytes(make_pdf([["Energy of Things", "Jane Doe", "Some text about energy."]],
                               title="Energy of Things", author="Jane Doe"))
    newer = tmp_path / "a2.pdf"
    newer.write_bytes(make_pdf([["Energy Costs of Inference", "Jane Doe", "arXiv:2102.00000v2 [cs.LG] 9 Mar 2021",
                                 "Some text about energy, revised."]],
                               title="Energy Costs of Inference", author="Jane Doe"))
    out = []
    for path in (first, users, first, newer, newer):
        r = run_kb("add", "--offline", path)
        out.append((r.code, r.out, r.err, (root / "references.bib").read_text()))
    return out


def test_a_paper_added_again_reads_no_entry_unless_its_entry_changes(tmp_path, reads, monkeypatch):
    """The entry of a paper added again is read from the index when it is in step with the
    file: nothing changes, nothing is read; a newer version of kb's own entry is written
    as reading the whole file writes it. Each step gives what the reading gives."""
    fast_root, slow_root = tmp_path / "fast", tmp_path / "slow"
    for root in (fast_root, slow_root):
        from kb.store.knowledgebase import init

        init(root)
    reads.clear()
    fast = _again(fast_root, tmp_path, monkeypatch)
    assert len(reads) == 1, reads          # the newer version, once; never an unchanged entry
    monkeypatch.setattr(papers, "_entry_as_indexed", lambda kb, key: None)
    slow = _again(slow_root, tmp_path, monkeypatch)
    assert fast == slow
    assert [o[1].split()[:2] for o in fast] == [["unchanged", "doe2021energyb"], ["updated", "Doe2021Energy"],
                                               ["unchanged", "doe2021energyb"], ["updated", "doe2021energyb"],
                                               ["unchanged", "doe2021energyb"]]
    assert fast[1][3] == fast[0][3], "the user's entry, its text stored, is kept byte for byte"
    assert "new version v2 (had v1)" in fast[3][2]
    assert fast[3][3] != fast[2][3] and "version" in fast[3][3].split("Energy Costs of Inference")[1]
    assert rows(fast_root) == rendered(fast_root)
