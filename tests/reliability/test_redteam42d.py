"""Red-team sweep 42, the truth files as git and editors leave them: a copy git mergetool or a
sync service leaves beside a claims file, and an editor's auto-save of one."""

from __future__ import annotations

import pytest
from alphakb import alpha_with_claim
from kbrun import run_kb

from kb.store.stale import copy_of, is_claims_name


@pytest.fixture
def alpha(kb_root, tmp_path):
    return alpha_with_claim(kb_root, tmp_path)


COPIES = ["alpha2020energy_BASE_81234.toml", "alpha2020energy_REMOTE_7.toml", "alpha2020energy.LOCAL.4242.toml",
          "alpha2020energy (Ada's conflicted copy 2024-01-02).toml",
          "alpha2020energy.sync-conflict-20240102-030405-ABCDEFG.toml"]


@pytest.mark.parametrize("copy", COPIES)
def test_a_merge_or_sync_tools_copy_beside_a_claims_file_is_not_read_nor_deleted(alpha, copy):
    """Read as a claims file it held every id twice: every command refused ("quote id ... is also
    used"), and kb rebuild indexed whichever of the two came first, leaving the real file out."""
    claims = alpha / "claims"
    (claims / copy).write_bytes((claims / "alpha2020energy.toml").read_bytes())
    for args in [("claims",), ("rebuild",), ("doctor", "--prune")]:
        r = run_kb(*args)
        assert r.code == 0 and r.err == "", (args, r.out + r.err)
    assert [c["id"] for c in run_kb("claims", "--json").json] == ["energy"]
    assert (claims / copy).is_file()
    (claims / "alpha2020energy.toml").unlink()          # its original gone: named, with the way back
    r = run_kb("doctor", "--prune")
    assert r.code == 1 and "a copy a merge or sync tool left" in r.out, r.out + r.err
    assert "claims/alpha2020energy.toml" in r.out and (claims / copy).is_file()
    assert list((alpha / ".kb" / "cache" / "sources").glob("*.pages"))


def test_an_emacs_auto_save_beside_its_claims_file_is_no_problem_and_names_its_file_alone(alpha):
    """kb doctor told to `mv claims/#x.toml# claims/#x.toml`: a second claims file of every id."""
    claims = alpha / "claims"
    (claims / "#alpha2020energy.toml#").write_bytes((claims / "alpha2020energy.toml").read_bytes())
    r = run_kb("doctor")
    assert r.code == 0 and "#alpha2020energy" not in r.out, r.out
    (claims / "alpha2020energy.toml").unlink()
    r = run_kb("doctor")
    assert "mv 'claims/#alpha2020energy.toml#' claims/alpha2020energy.toml" in r.out, r.out


@pytest.mark.parametrize("name", ["smith2020.toml", "a_b_2020.toml", "DBLP%3Aconf%2F2020.toml", "x.v2.toml",
                                  "Smith_BASE.toml", "units.toml", "x (notes).toml"])
def test_a_name_kb_or_a_person_gives_a_claims_file_is_no_tools_copy(name):
    assert copy_of(name) is None and is_claims_name(name)


@pytest.mark.parametrize("file", ["references.bib", "claims/alpha2020energy.toml"])
def test_kb_doctor_says_to_resolve_a_merge_conflict_and_prunes_nothing(alpha, file):
    """Its fix was "correct the file by hand", and --prune's "git checkout references.bib", which git
    refuses for a file a merge left unmerged."""
    path = alpha / file
    text = path.read_text()
    path.write_text("<<<<<<< HEAD\n" + text + "=======\n" + text.replace("1,287", "1,288").replace("2020}", "2021}")
                    + ">>>>>>> theirs\n")
    r = run_kb("doctor")
    assert r.code == 1 and f"{file}:1: holds a merge conflict" in r.out and "fix: resolve the conflict" in r.out, r.out
    r = run_kb("doctor", "--prune")
    assert r.code in (1, 2) and "resolve the conflict" in r.out + r.err and "git checkout" not in r.out + r.err
    assert list((alpha / ".kb" / "cache" / "sources").glob("*.pages"))
    assert path.read_text().startswith("<<<<<<< HEAD\n")


LEFT = {   # a conflict resolved in part: the <<<<<<< line deleted, or all but one marker
    "references.bib": lambda t: t + "=======\n" + t.replace("alpha2020energy", "alpha2020power") + ">>>>>>> theirs\n",
    "claims/alpha2020energy.toml": lambda t: t.replace('value = "1,287 MWh"\n', 'value = "1,287 MWh"\n=======\n'
                                                       'value = "1,288 MWh"\n>>>>>>> 5e1f2a9 (fix)\n'),
}


@pytest.mark.parametrize("file", sorted(LEFT))
def test_a_merge_conflict_resolved_in_part_is_refused_naming_its_marker(alpha, file):
    """references.bib between entries read the markers left as a comment and both versions as papers
    (alpha2020power beside alpha2020energy); a claims file said "is not valid TOML: Invalid statement"."""
    path = alpha / file
    path.write_text(LEFT[file](path.read_text()))
    where = f"{file}:{8 if file == 'references.bib' else 7}: holds a merge conflict's marker left behind"
    for args in [("claims",), ("tag", "alpha2020energy", "x")]:
        r = run_kb(*args)
        assert r.code == 2 and r.err.startswith(f"kb: error: {where}") and r.err.count("\n") == 1, r.err
    r = run_kb("doctor")
    assert r.code == 1 and where in r.out and "fix: resolve the conflict" in r.out, r.out
    assert "alpha2020power" not in run_kb("export", "bib").out


@pytest.mark.parametrize("text", ["a = 1\n=======\nb = 2\n", "x\n>>>>>>>\n", "% >>>>>>> not a marker\n",
                                  "<<<<<<<< eight\n"])
def test_a_line_only_like_a_conflicts_marker_is_none(text):
    from kb.atomic import conflict_left
    assert conflict_left(text) is None


def test_an_index_an_older_kb_made_of_a_bib_with_a_marker_left_refuses_it_on_its_next_command(alpha):
    """An older kb read the markers left between entries as a comment and indexed both versions; with
    the file unchanged since, its index went on showing them, no command saying why."""
    import os
    import sqlite3

    bib = alpha / "references.bib"
    bib.write_text(LEFT["references.bib"](bib.read_text()))
    st = os.stat(bib)
    conn = sqlite3.connect(alpha / ".kb" / "kb.sqlite")
    with conn:          # the index as the older kb left it: in step with the file, read by BIB_READING 5
        conn.execute("update files set size = ?, mtime_ns = ?, ctime_ns = ?, inode = ? where path = 'references.bib'",
                     [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino])
        conn.execute("update meta set value = '5' where key = 'bib_reading'")
        conn.execute("delete from meta where key = 'files_digest'")
    conn.close()
    for _ in range(2):
        r = run_kb("ls")
        assert r.code == 2 and "references.bib:8: holds a merge conflict's marker left behind" in r.err, r.err
