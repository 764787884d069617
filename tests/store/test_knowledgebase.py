"""kb.store.knowledgebase.KB: a command checks its thousands of truth files once; its
first write checks them again only if something may have changed them since."""

from __future__ import annotations

import pytest
from kbrun import run_kb

import kb.store.stale as stale
from kb.ops.session import open_kb

BIB = "@misc{p1, title = {One}, author = {Doe, Jane}, year = {2020}}\n"
CLAIMS = '[[quote]]\nid = "q1"\ntext = "We trained twelve models."\nstatus = "unverified"\n'


@pytest.fixture
def checks(monkeypatch):
    """How many times the truth files were checked (kb.store.stale.stale_files)."""
    calls: list[int] = []
    real = stale.stale_files

    def counting(conn, layout):
        calls.append(1)
        return real(conn, layout)

    monkeypatch.setattr(stale, "stale_files", counting)
    return calls


@pytest.fixture
def base(kb_root):
    (kb_root / "references.bib").write_text(BIB)
    (kb_root / "claims" / "p1.toml").write_text(CLAIMS)
    assert run_kb("ls").code == 0
    return kb_root


def quotes(kb) -> list[str]:
    return [r[0] for r in kb.conn.execute("select id from quotes order by id")]


def test_a_write_after_the_check_does_not_check_again(base, checks):
    kb = open_kb(base)
    try:
        assert len(checks) == 1
        with kb.writing():
            pass
        assert len(checks) == 1
        with kb.writing():                     # only the first write after a check is spared
            pass
        assert len(checks) == 2
    finally:
        kb.close()


@pytest.mark.parametrize("change", ["claims file added", "claims file removed", "claims file replaced",
                                    "references.bib edited", "another process wrote"])
def test_what_may_have_changed_since_the_check_is_checked(base, checks, change):
    kb = open_kb(base)
    try:
        claims = base / "claims"
        if change == "claims file added":
            (claims / "p2.toml").write_text(CLAIMS.replace("q1", "q2"))
        elif change == "claims file removed":
            (claims / "p1.toml").unlink()
        elif change == "claims file replaced":
            (claims / "new.tmp").write_text(CLAIMS.replace("q1", "q3"))
            (claims / "new.tmp").replace(claims / "p1.toml")
        elif change == "references.bib edited":
            with open(base / "references.bib", "a") as fh:
                fh.write("@misc{p2, title = {Two}}\n")
        else:
            (claims / "p2.toml").write_text(CLAIMS.replace("q1", "q2"))
            assert run_kb("ls").code == 0                # indexed it, in another connection
        before = len(checks)
        with kb.writing():
            pass
        assert len(checks) == before + 1
        want = {"claims file added": ["q1", "q2"], "claims file removed": [], "claims file replaced": ["q3"],
                "references.bib edited": ["q1"], "another process wrote": ["q1", "q2"]}[change]
        assert quotes(kb) == want
        if change == "references.bib edited":
            assert kb.conn.execute("select count(*) from papers").fetchone()[0] == 2
    finally:
        kb.close()


def test_a_claims_file_edited_in_place_meanwhile_is_indexed_by_the_next_check(base):
    kb = open_kb(base)
    try:
        path = base / "claims" / "p1.toml"
        with open(path, "r+") as fh:           # in place: same inode, the folder unchanged
            fh.write(CLAIMS.replace("q1", "q9"))
        with kb.writing():
            pass
        assert quotes(kb) == ["q1"]            # as if edited a moment after this write
    finally:
        kb.close()
    assert "q9" in run_kb("quote", "ls").out and "q1" not in run_kb("quote", "ls").out


# -- KB.read: a read beside the check of the truth files ------------------------------------

def test_a_read_of_an_index_in_step_runs_once_and_checks_once(base, checks):
    kb = open_kb(base, sync=False)
    try:
        runs = []
        assert kb.read(lambda k: runs.append(1) or quotes(k)) == ["q1"]
        assert runs == [1] and checks == []          # the check was the read's own (a scan beside it)
        with kb.writing():                           # in step as of the read: not checked again
            pass
        assert checks == []
    finally:
        kb.close()


@pytest.mark.parametrize("change", ["edited in place", "added", "removed"])
def test_a_read_of_a_file_changed_since_indexing_gives_the_files_answer(base, change):
    claims = base / "claims"
    if change == "edited in place":
        with open(claims / "p1.toml", "r+") as fh:     # same size, same inode
            fh.write(CLAIMS.replace("q1", "q9"))
    elif change == "added":
        (claims / "p2.toml").write_text(CLAIMS.replace("q1", "q2"))
    else:
        (claims / "p1.toml").unlink()
    kb = open_kb(base, sync=False)
    try:
        runs = []
        got = kb.read(lambda k: runs.append(1) or quotes(k))
        assert got == {"edited in place": ["q9"], "added": ["q1", "q2"], "removed": []}[change]
        assert len(runs) == 2                  # read again once the file was indexed
    finally:
        kb.close()


def test_a_read_that_failed_on_an_out_of_date_index_runs_again_on_the_files(base):
    """'no paper p2' from an index that has not seen the entry written by hand: the read
    indexes references.bib and answers from it; on an index in step, the error stands."""
    from kb.errors import NotFound
    from kb.store.queries import no_paper, paper_exists

    def title_of(kb, key):
        if not paper_exists(kb.conn, key):
            raise no_paper(kb.conn, key)
        return kb.conn.execute("select title from papers where citekey = ?", [key]).fetchone()[0]

    with open(base / "references.bib", "a") as fh:
        fh.write("@misc{p2, title = {Two}, author = {Roe, Rick}, year = {2021}}\n")
    kb = open_kb(base, sync=False)
    try:
        assert kb.read(lambda k: title_of(k, "p2")) == "Two"
        with pytest.raises(NotFound):
            kb.read(lambda k: title_of(k, "p3"))
    finally:
        kb.close()


def test_kb_search_finds_what_a_hand_edit_wrote_a_moment_before(base):
    with open(base / "claims" / "p1.toml", "r+") as fh:
        fh.write(CLAIMS.replace("twelve", "eleven"))      # in place, same size
    r = run_kb("search", "eleven", "--json")
    assert r.code == 0 and [h["id"] for h in r.json] == ["q1"]
    assert run_kb("search", "twelve", "--json").json == []
