"""Red-team sweep 43: kb.toml as a merge or a typo leaves it, kb doctor's commands pasted into a shell,
the arXiv slot another kb holds, and hostile inputs through the CLI."""

from __future__ import annotations

import pytest
from kbrun import run_kb

# -- kb.toml that is not TOML: every command opening the knowledge base refuses, naming the line --------------

BAD_TOML = [("<<<<<<< HEAD\n[limits]\nmax_pages = 10\n=======\n[limits]\nmax_pages = 20\n>>>>>>> theirs\n",
             "kb.toml:1: holds a merge conflict"),
            ("# limits\n[limits]\nmax_pages = \n", "kb.toml:3:13: is not valid TOML"),
            ("[limits\n", "kb.toml:1:"),
            ("[limits]\nmax_pages = 1\nmax_pages = 2\n", "kb.toml:3:")]


@pytest.mark.parametrize("text,said", BAD_TOML)
def test_a_kb_toml_that_is_not_toml_stops_every_command_opening_the_knowledge_base(kb_root, text, said):
    """A merge conflict or a syntax error in kb.toml was said only by commands that index a PDF:
    kb ls, claims, search, check and rebuild went on as if it held no limits."""
    (kb_root / "kb.toml").write_text(text)
    for args in [("ls",), ("search", "x"), ("check",), ("rebuild",)]:
        r = run_kb(*args)
        assert r.code == 2 and r.err.startswith(f"kb: error: {said}") and r.err.count("\n") == 1, (args, r.err)
    r = run_kb("doctor", "--quick")                    # doctor names it as a problem to repair
    assert r.code == 1 and said in r.out, r.out + r.err
    assert (kb_root / "kb.toml").read_text() == text


# -- kb doctor's commands are pasted into a shell: each path one word, whatever it holds -------------------------

@pytest.fixture
def alpha(kb_root, tmp_path):
    from alphakb import alpha_with_claim

    return alpha_with_claim(kb_root, tmp_path)


@pytest.mark.parametrize("folder", ["my notes", "Ada's", "$HOME", "a;b`c`", "x\ny"])
def test_kb_doctors_mv_of_a_claims_file_pastes_into_a_shell_as_it_is_printed(alpha, folder):
    """`mv claims/my notes/alpha2020energy.toml claims/` moved nothing (three words), and one of
    `$HOME` moved another path: each path is quoted as a shell reads it, and the line stays one line."""
    import shutil
    import subprocess

    sub = alpha / "claims" / folder
    sub.mkdir()
    (alpha / "claims" / "alpha2020energy.toml").rename(sub / "alpha2020energy.toml")
    r = run_kb("doctor", "--quick")
    line = next(x for x in r.out.splitlines() if "(mv " in x)
    command = line.split("(mv ", 1)[1].split(" claims/), or", 1)[0]
    shell = shutil.which("bash") if "\n" in folder else "sh"
    if shell is None:
        pytest.skip("no bash")
    subprocess.run([shell, "-c", f"mv {command} claims/"], cwd=alpha, check=True)
    assert (alpha / "claims" / "alpha2020energy.toml").is_file() and not any(sub.iterdir())


@pytest.mark.parametrize("name", ["alpha (1).toml.bak", "Ada's copy.toml~", "$x & y.TOML"])
def test_kb_doctors_rename_of_a_misnamed_claims_file_pastes_into_a_shell(alpha, name):
    import subprocess

    claims = alpha / "claims"
    (claims / "alpha2020energy.toml").rename(claims / name)
    line = next(x for x in run_kb("doctor", "--quick").out.splitlines() if "rename it: mv " in x)
    subprocess.run(["sh", "-c", "mv " + line.split("rename it: mv ", 1)[1]], cwd=alpha, check=True)
    assert not (claims / name).exists() and len(list(claims.glob("*.toml"))) == 1


# -- a rate-limited service's turn another kb process holds ----------------------------------------------------

@pytest.mark.parametrize("service,name", [("arxiv", "arXiv"), ("s2", "Semantic Scholar")])
def test_a_turn_another_kb_process_holds_too_long_is_said_as_that_not_as_kb_lock_timeout(tmp_path, monkeypatch,
                                                                                         service, name):
    """It said '.../ratelimit-arxiv.lock is busy ... (KB_LOCK_TIMEOUT)', a setting not read there."""
    import fcntl
    import os

    from kb.errors import LockTimeout
    from kb.sources import net

    monkeypatch.setattr(net, "TURN_WAIT_MIN", 0.05)
    client = net.Client(tmp_path / "http", tmp_path / "tmp", net.Settings(spacing={service: 0.001}))
    (tmp_path / "http").mkdir()
    fd = os.open(tmp_path / "http" / f"ratelimit-{service}.lock", os.O_RDWR | os.O_CREAT)
    try:
        os.write(fd, f"{os.getppid()}\n".encode())
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(LockTimeout) as e:
            client._wait_turn(service)
    finally:
        os.close(fd)
    said = str(e.value)
    assert f"another kb process (pid {os.getppid()}) has held kb's turn to ask {name}" in said, said
    assert "KB_LOCK_TIMEOUT" not in said and f"kill {os.getppid()}" in said and "\n" not in said


# -- a DOI whose record is of another DOI: followed where references.bib declares both one work, else explained ----

def _doi_work(doi: str, title: str = "Wind Power") -> bytes:
    import json

    return json.dumps({"message": {"DOI": doi, "title": [title], "type": "journal-article",
                                   "author": [{"family": "Doe", "given": "Jane"}],
                                   "issued": {"date-parts": [[2020]]}}}).encode()


@pytest.mark.parametrize("fields, said", [
    ("doi = {10.5555/Other.1},\n  ids = {10.5555/asked.1}", None),         # its ids lists the DOI asked
    ("doi = {10.5555/other.1 10.5555/ASKED.1}", None),                      # a second DOI in its doi field
    ("doi = {https://doi.org/10.5555/asked.1},\n  ids = {doe2019, 10.5555/other.1}", None),
    ("doi = {10.5555/other.1}", "resolves to the record of 10.5555/other.1, doe2020wind's DOI here"),
    ("doi = {10.5555/asked.1}", "the DOI 10.5555/asked.1 is doe2020wind's in references.bib"),
])
def test_a_doi_whose_record_is_of_another_doi_is_followed_where_references_bib_declares_both(kb_root, server,
                                                                                             fields, said):
    """Refused as 'a record of another DOI ... declares no alias' (try again later with --refresh), where
    references.bib named both DOIs for one entry, or named the paper here holding one of them."""
    from httpserver import Reply

    bib = ("@article{doe2020wind,\n  title = {Wind Power},\n  author = {Doe, Jane},\n  year = {2020},\n"
           f"  {fields}\n}}\n")
    (kb_root / "references.bib").write_text(bib)
    server.routes["/doi/10.5555/asked.1"] = Reply(406, b"no BibTeX here")
    server.routes["/crossref/works/10.5555/asked.1"] = Reply(200, _doi_work("10.5555/other.1"),
                                                            {"Content-Type": "application/json"})
    r = run_kb("add", "doi:10.5555/asked.1")
    if said is None:
        assert r.code == 0 and "doe2020wind" in r.out, r.out + r.err
    else:
        assert r.code == 2 and said in r.err and r.err.count("\n") == 1, r.err
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["doe2020wind"]
    assert (kb_root / "references.bib").read_text() == bib


def test_a_doi_an_entrys_ids_declares_is_that_paper_whatever_the_title_its_record_gives(kb_root, server):
    """Its record, of that very DOI under another title, was filed as a second paper beside the entry naming it."""
    from httpserver import Reply

    bib = ("@article{doe2020wind,\n  title = {Wind Power},\n  author = {Doe, Jane},\n  year = {2020},\n"
           "  doi = {10.5555/other.1},\n  ids = {10.5555/asked.1}\n}\n")
    (kb_root / "references.bib").write_text(bib)
    server.routes["/doi/10.5555/asked.1"] = Reply(406, b"no BibTeX here")
    server.routes["/crossref/works/10.5555/asked.1"] = Reply(200, _doi_work("10.5555/asked.1", "Wind Power, Revised"),
                                                            {"Content-Type": "application/json"})
    r = run_kb("add", "doi:10.5555/asked.1")
    assert r.code == 0 and "doe2020wind" in r.out, r.out + r.err
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["doe2020wind"]
    assert (kb_root / "references.bib").read_text() == bib


# -- a key kb makes from a record: bounded, whatever the record's names and title ------------------------------

@pytest.mark.parametrize("authors, title", [(["A" * 100_000 + ", Ada"], "Wind"), (["Doe, Jane"], "W" * 5000),
                                            (["{" + "Agency " * 500 + "}"], "x" * 300 + " power"),
                                            (["王" * 3000], "Wind")])
def test_a_key_kb_makes_from_a_long_name_or_title_word_names_a_claims_file(tmp_path, authors, title):
    """Crossref's record of a 100,000-letter family name was filed as a key of 100,004 characters, for
    which kb then refused every quote and claim ('cannot be used as a file name')."""
    from kb.sources.citekey import make_key
    from kb.store.paths import Layout

    key = make_key(authors, 2020, title, ["x"])
    assert key.isascii() and Layout(tmp_path).claims_file(key).name.startswith(key[:10])


# -- an identifier asked of a service is the path asked, its '..' segments included ---------------------------

@pytest.mark.parametrize("doi", ["10.5555/a/../../10.1234/b", "10.5555/../x", "10.5555/a/./b"])
def test_a_doi_holding_dot_segments_is_refused_not_asked_as_another_path(kb_root, server, doi):
    """A DOI's '..' segment was read by the HTTP client as a step up: 10.5555/a/../../10.1234/b asked
    doi.org for 10.1234/b, and Semantic Scholar for another paper's list."""
    from httpserver import Reply

    from kb.errors import NotFound
    from kb.sources import s2
    from kb.sources.net import Client

    server.routes["*"] = Reply(404, b"not found")
    r = run_kb("add", f"doi:{doi}")
    assert r.code == 2 and r.err.count("\n") == 1 and "'.' or '..' between slashes" in r.err, r.err
    with pytest.raises(NotFound):
        s2.fetch(Client(kb_root / "http", kb_root / "tmp"), None, doi)
    assert server.requests == []


@pytest.mark.parametrize("name", ["my dir", "partial", "x'y"])
def test_kb_doctors_rm_of_a_stray_folder_in_kb_tmp_removes_it_pasted(kb_root, name):
    """`rm .kb/tmp/my dir` removed nothing: two words, and a folder, which rm without -r refuses."""
    import subprocess

    stray = kb_root / ".kb" / "tmp" / name
    stray.mkdir(parents=True)
    (stray / "x").write_text("x")
    line = next(x for x in run_kb("doctor", "--quick").out.splitlines() if "no kb command is running: rm " in x)
    subprocess.run(["sh", "-c", "rm " + line.split("no kb command is running: rm ", 1)[1]], check=True)
    assert not stray.exists()


# -- the index that is no file ----------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["devnull", "fifo", "folder"])
def test_an_index_that_is_no_file_is_said_so_not_a_full_disk(kb_root, kind):
    """.kb/kb.sqlite a link to /dev/null (or a FIFO) was 'the disk is full (or failing) ... free some
    space', where `kb rebuild` moves it aside and makes the index again."""
    import os

    db = kb_root / ".kb" / "kb.sqlite"
    db.unlink()
    {"devnull": lambda: db.symlink_to(os.devnull), "fifo": lambda: os.mkfifo(db), "folder": db.mkdir}[kind]()
    r = run_kb("claims")
    assert r.code == 2 and r.err.count("\n") == 1 and ", not a file: kb cannot open it" in r.err, r.err
    assert "kb rebuild" in r.err and "disk" not in r.err
