"""Round five: hostile files, hostile answers and hand edits an attacker or a careless user
makes, each refused in one line (or taken as it should be) with nothing lost.

As in test_redteam3.py, each test builds its own hostile situation on a copy of the same
small knowledge base and checks the exit code, the one `kb: error:` line, and that what was
there is still there.
"""

from __future__ import annotations

import fcntl
import json
import os

import pytest
from alphakb import BIB, PAGES, alpha_with_claim, one_error
from fakeclock import FakeClock
from kbrun import run_kb
from pdfgen import make_pdf


@pytest.fixture
def alpha(kb_root, tmp_path):
    return alpha_with_claim(kb_root, tmp_path)


# -- TOML a person edits: a dotted key as deep as a nesting --------------------------------------

DOTTED = {
    "bare": "x_a" + ".a" * 3000 + " = 1\n",
    "quoted": '"x_a"' + '."a"' * 3000 + " = 1\n",
    "spaced": "x_a" + " . a" * 3000 + " = 1\n",
    "inline": "x_t = { a" + ".a" * 3000 + " = 1 }\n",
    "header": "[x_a" + ".a" * 3000 + "]\n",
}


@pytest.mark.parametrize("form", sorted(DOTTED))
@pytest.mark.parametrize("where", ["claims", "kb.toml"])
def test_a_dotted_key_thousands_deep_is_refused_as_a_nesting(alpha, tmp_path, form, where):
    """`a.a.a... = 1` nests a table per dot: tomllib takes time and memory growing with the
    square of its parts (100,000 of them: gigabytes, and the process killed). It is refused
    before it is read, as brackets nested that deep are, in a claims file and in kb.toml."""
    if where == "claims":
        (alpha / "claims" / "deep.toml").write_text(DOTTED[form])
        r, named = run_kb("claims"), "claims/deep.toml"
    else:
        with open(alpha / "kb.toml", "a") as f:
            f.write(DOTTED[form])
        pdf = tmp_path / "other.pdf"
        pdf.write_bytes(make_pdf(["Another Paper", "Wells run hot."], title="Another Paper"))
        r, named = run_kb("add", "--offline", pdf), "kb.toml"
    one_error(r, named, "nests arrays or tables", "deep; kb reads at most 50")


def test_dots_of_numbers_strings_and_short_dotted_keys_are_no_nesting(alpha):
    """The count is of a key's dots: a decimal point, a date's fraction of a second, the dots
    of a string or a comment, and a dotted key of a few parts are read as before."""
    (alpha / "claims" / "ok.toml").write_text(
        "# a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z\n"
        "[[check]]\nid = \"half\"\nstated = \"643.5 MWh\"\nexpr = \"alpha2020energy.energy / 2\"\n"
        "tolerance = \"5%\"\n"
        "x_share = 0.05\n"
        "x_when = 1979-05-27T07:32:00.999999Z\n"
        "x_a.b.c = 1.5\n"
        'x_dots = "' + "." * 200 + '"\n'
        "x_list = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5, 13.5, 14.5, 15.5,\n"
        "          16.5, 17.5, 18.5, 19.5, 20.5, 21.5, 22.5, 23.5, 24.5, 25.5, 26.5, 27.5, 28.5, 29.5,\n"
        "          30.5, 31.5, 32.5, 33.5, 34.5, 35.5, 36.5, 37.5, 38.5, 39.5, 40.5, 41.5, 42.5, 43.5,\n"
        "          44.5, 45.5, 46.5, 47.5, 48.5, 49.5, 50.5, 51.5, 52.5]\n")
    r = run_kb("check")
    assert r.code == 0 and "half" in r.out and "pass" in r.out, r.out + r.err
    assert [c["id"] for c in run_kb("claims", "--json").json] == ["energy"]


# -- a writer waiting for another: said, once, naming whom it waits for --------------------------

class _Holder(FakeClock):
    """kb.atomic's clock, faked: another process holds the writer lock (this test, on a
    descriptor of its own, naming a live process) until kb has waited `release_after` s."""

    def __init__(self, lock, release_after: float | None):
        super().__init__()
        self.start, self.release_after = self.now, release_after
        self.fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        os.pwrite(self.fd, f"{os.getppid()}\n".encode(), 0)

    def sleep(self, seconds: float) -> None:
        super().sleep(seconds)
        if self.fd is not None and self.release_after is not None and self.now - self.start >= self.release_after:
            self.release()

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)            # and its lock with it
            self.fd = None


@pytest.mark.parametrize("command", ["claim", "rebuild", "doctor"])
@pytest.mark.parametrize("released", [True, False])
def test_a_command_waiting_for_another_writer_says_so(alpha, monkeypatch, command, released):
    """Two commands at once: the second waits for the first's writer lock. It used to wait in
    silence (up to two minutes); on a terminal it says once that the knowledge base is busy and whom
    it waits for, then does its work; a script sees, when it gives up at KB_LOCK_TIMEOUT, one line
    and no notice before it, having written nothing."""
    import kb.atomic

    monkeypatch.setenv("KB_PROGRESS", "1" if released else "0")       # "1": as on a terminal

    holder = _Holder(alpha / ".kb" / "lock", 3.0 if released else None)
    monkeypatch.setattr(kb.atomic, "time", holder)
    (alpha / "claims" / "alpha2020energy.toml").touch()       # the next command must index it again
    argv = {"claim": ["claim", "add", "alpha2020energy", "552 tCO2e", "--quote", "emitted 552 tCO2e in total",
                      "--id", "emitted"],
            "rebuild": ["rebuild"], "doctor": ["doctor", "--quick"]}[command]
    try:
        r = run_kb(*argv)
    finally:
        holder.release()
    busy = [line for line in r.err.splitlines() if "is busy" in line]
    assert sum(holder.slept) >= 1.0
    if released:
        assert busy == [f"the knowledge base is busy: another kb process (pid {os.getppid()}) is writing to it; "
                        "waiting for it to finish (at most 120 s, KB_LOCK_TIMEOUT)\033[K"], r.err
        assert r.code == 0, r.err
        assert sum(holder.slept) < 120
    else:
        assert r.code == 2 and r.err == (
            f"kb: error: the knowledge base is busy: another kb process (pid {os.getppid()}) was still writing to it "
            "after kb waited 120 s for it to finish (KB_LOCK_TIMEOUT) (run the command again once it is done, or "
            "raise KB_LOCK_TIMEOUT)\n"), r.err
        assert sum(holder.slept) >= 120
    stored = [c["id"] for c in run_kb("claims", "--json").json]
    assert stored == (["energy", "emitted"] if command == "claim" and released else ["energy"])


def test_a_moment_s_wait_for_the_lock_says_nothing(alpha, monkeypatch):
    import kb.atomic

    holder = _Holder(alpha / ".kb" / "lock", 0.5)
    monkeypatch.setattr(kb.atomic, "time", holder)
    (alpha / "claims" / "alpha2020energy.toml").touch()
    try:
        r = run_kb("claim", "add", "alpha2020energy", "552 tCO2e", "--quote", "emitted 552 tCO2e in total",
                   "--id", "emitted")
    finally:
        holder.release()
    assert r.code == 0 and "busy" not in r.err and holder.slept, r.err


# -- metadata from the network larger than references.bib holds ----------------------------------

def _crossref(server, **message) -> None:
    from httpserver import Reply

    server.routes["/doi/10.5555/many"] = Reply(406, b"no BibTeX here")
    server.routes["/crossref/works/10.5555/many"] = Reply(200, json.dumps({"message": {
        "DOI": "10.5555/many", "type": "journal-article", "issued": {"date-parts": [[2020]]}, **message}}).encode())


def test_an_author_list_too_long_for_references_bib_ends_and_others(kb_root, server):
    """A Crossref record naming more authors than references.bib can hold (here 300 names of
    2,000 letters; a million short ones alike) made an entry kb then refused to read back, blaming
    references.bib:3 (which it had never written). The names that fit are kept, then
    `and others`, as BibTeX writes a list cut short."""
    _crossref(server, title=["A Paper With Many Authors"],
              author=[{"family": f"F{i:05d}" + "a" * 2_000, "given": "G"} for i in range(300)])
    r = run_kb("add", "doi:10.5555/many")
    assert r.code == 0, r.err
    (paper,) = run_kb("ls", "--json").json
    shown = run_kb("show", paper["citekey"], "--json").json["authors"]
    assert 10 < len(shown) < 300 and shown[-1] == "others", shown[-3:]
    assert shown[0].startswith("F00000")
    assert run_kb("doctor").code == 0


def test_a_title_too_long_for_references_bib_is_one_line_naming_where_it_came_from(kb_root, server):
    _crossref(server, title=["A" * 1_200_000], author=[{"family": "Smith", "given": "Ada"}])
    r = run_kb("add", "doi:10.5555/many")
    one_error(r, "(crossref) has a title of 1,200,000 characters", "nothing written")
    assert "references.bib:" not in r.err
    assert (kb_root / "references.bib").read_text() == ""


# -- citekeys holding characters nobody sees ------------------------------------------------------

@pytest.mark.parametrize("hidden", ["\u200b", "\u202e", "\u200e", "\u2060", "\ufeff", "\x1b"])
def test_a_key_holding_a_character_nobody_sees_is_found_as_it_looks(kb_root, tmp_path, hidden):
    """A key pasted from a web page with a zero-width space, a right-to-left mark or override,
    a word joiner or a BOM in it looks like `alpha2020energy` in every listing, but the key a
    person types was `no paper 'alpha2020energy' (did you mean alpha2020energy?)`. A control
    character in the key or title went into the claims file's header comment, where TOML
    refuses it: every command after the first quote refused the knowledge base."""
    key = "alpha2020" + hidden + "energy"
    (kb_root / "references.bib").write_text(BIB.replace("alpha2020energy", key).replace("Energy Use", "Energy" + hidden
                                                                                        + " Use"))
    pages = tmp_path / "alpha.json"
    pages.write_text(json.dumps(PAGES))
    assert run_kb("text", "load", "alpha2020energy", pages, "--version", "v1").code == 0
    r = run_kb("quote", "add", "alpha2020energy", "We trained 12 models on 64 GPUs", "--id", "trained")
    assert r.code == 0, r.err
    stored = run_kb("show", "alpha2020energy", "--json").json["citekey"]
    assert stored.replace(hidden, "") == "alpha2020energy"
    assert [q["citekey"] for q in run_kb("quote", "ls", "--paper", "alpha2020energy", "--json").json] == [stored]
    r = run_kb("quote", "add", "alpha2020energy", "We trained 13 models on 64 GPUs")     # still verified
    assert r.code == 2 and "differs: 13 -> 12" in r.err, r.err
    assert run_kb("doctor").code == 0


@pytest.mark.parametrize("hidden", ["\u200b", "\u202e", "\x1b", "\x7f"])
def test_a_new_key_holding_a_character_nobody_sees_is_refused(alpha, hidden):
    r = run_kb("rename", "alpha2020energy", "ada" + hidden + "2020")
    one_error(r, "cannot be a citekey: it holds a character nobody sees (U+")
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["alpha2020energy"]


# -- HTTP answers whose Content-Encoding lies -------------------------------------------------------

@pytest.mark.parametrize("encoding, body", [("gzip", b"not gzip at all"), ("deflate", b"not deflate either"),
                                            ("gzip", b"\x1f\x8b\x08\x00" + b"\xff" * 64)])
def test_an_answer_whose_encoding_is_broken_is_said_for_what_it_is(server, tmp_path, encoding, body):
    """A body that is not what its Content-Encoding says was 'connection lost after 0 bytes'
    (what a flaky network says): the answer came, and it was broken."""
    from httpserver import Reply

    from kb.errors import NetworkError
    from kb.sources.net import Client, Settings

    server.routes["/x"] = Reply(200, body, {"Content-Encoding": encoding})
    with pytest.raises(NetworkError) as err:
        Client(tmp_path / "http", tmp_path / "tmp", Settings.from_env()).get(server.url + "/x")
    assert f"sent an answer whose {encoding} encoding is broken" in str(err.value), str(err.value)
    assert "connection lost" not in str(err.value) and len(server.requests) == 1


# -- @string macros references.bib uses but never defines ----------------------------------------

@pytest.mark.parametrize("bib, said", [
    ("@string{a = b}\n@string{b = a}\n@article{x2020, title = a, author = {X, Y}, year = 2020}\n",
     "references.bib:1: @string a uses 'b', which is not defined before it"),
    ("@article{x2020, title = nosuchmacro # { and more}, author = {X, Y}, year = 2020}\n",
     "references.bib:1: entry x2020, field title uses @string 'nosuchmacro', which references.bib never defines"),
    ("@article{x2020, title = late, author = {X, Y}, year = 2020}\n@string{late = {Too Late}}\n",
     "entry x2020, field title uses @string 'late'"),
])
def test_kb_doctor_names_a_string_macro_references_bib_never_defines(kb_root, bib, said):
    """`kb import` refuses an @string used before it is defined (or never, or in a loop), which
    kb reads as the macro's own name and BibTeX as nothing; written into references.bib by
    hand, it was listed with the title `b` and kb doctor found nothing to repair."""
    (kb_root / "references.bib").write_text(bib)
    assert run_kb("ls").code == 0
    r = run_kb("doctor")
    assert r.code == 1 and said in r.out, r.out
    (kb_root / "references.bib").write_text("@string{ok = {Fine}}\n@article{x2020, title = ok # { Title}, "
                                            "journal = jan, author = {X, Y}, year = 2020}\n")
    r = run_kb("doctor")
    assert r.code == 0 and "nothing to repair" in r.out, r.out


# -- a claims file that is a link in a loop --------------------------------------------------------

def test_a_claims_file_replaced_by_a_link_in_a_loop_keeps_its_records_and_is_named(alpha):
    """A link that points at itself through another (ELOOP) made kb's listing of claims/ skip
    the name, so the file read as deleted: its claim was dropped from the index, and a new
    loop was never named at all. It is a file kb cannot read, said on every command."""
    claims = alpha / "claims"
    held = (claims / "alpha2020energy.toml").read_bytes()
    (claims / "alpha2020energy.toml").unlink()
    (claims / "alpha2020energy.toml").symlink_to("other.toml")
    (claims / "other.toml").symlink_to("alpha2020energy.toml")
    r = run_kb("claims", "--json")
    assert r.code == 0 and [c["id"] for c in r.json] == ["energy"], r.out + r.err
    assert "claims/alpha2020energy.toml: cannot read (Too many levels of symbolic links)" in r.err, r.err
    assert "claims/other.toml: cannot read" in r.err and "deleted" not in r.err, r.err
    r = run_kb("doctor")
    assert r.code == 1 and "claims/other.toml: cannot read" in r.out, r.out
    for name in ("alpha2020energy.toml", "other.toml"):
        (claims / name).unlink()
    (claims / "alpha2020energy.toml").write_bytes(held)
    assert [c["id"] for c in run_kb("claims", "--json").json] == ["energy"]
    assert run_kb("doctor").code == 0


# -- a PDF whose page tree nests a page hundreds of levels deep ------------------------------------

def _deep_page_tree(depth: int) -> bytes:
    from pdfgen import _content, assemble

    body = _content(["A deep paper about energy", "It used 5 kWh."])
    objects = [b"<< /Type /Catalog /Pages 4 0 R >>", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"]
    for i in range(depth):                     # objects 4 .. 3 + depth: each node the only kid of the one above
        parent = b"/Parent %d 0 R " % (3 + i) if i else b""
        objects.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, 5 + i))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
                   b"/Resources << /Font << /F1 2 0 R >> >> >>" % (3 + depth))
    return assemble(objects)


@pytest.mark.parametrize("plan", [None, "pypdf"])
def test_a_page_tree_nested_too_deep_is_said_for_what_it_is(plan):
    """One page under 2,000 nested page-tree nodes was 'has more than 2,000 pages (raise
    KB_MAX_PAGES)': a limit no setting would get past, for a page count the file does not have."""
    from kb.errors import KBError
    from kb.sources.pdf import Limits, extract_plan

    with pytest.raises(KBError) as err:
        extract_plan(_deep_page_tree(2_000), plan, Limits(), "deep.pdf")
    said = str(err.value)
    assert said.startswith("deep.pdf is corrupt: "), said
    assert "more than" not in said and "KB_MAX_PAGES" not in said, said
    if plan == "pypdf":
        assert "its page tree nests deeper than PDF readers go" in said, said
    shallow = extract_plan(_deep_page_tree(20), plan, Limits(), "shallow.pdf")
    assert len(shallow.pages) == 1 and "5 kWh" in shallow.pages[0]


# -- a kb.toml that is there but cannot be read ----------------------------------------------------

@pytest.mark.parametrize("how", ["dangling", "loop", "fifo", "folder"])
def test_a_kb_toml_kb_cannot_read_is_never_passed_over_for_the_knowledge_base_above(kb_root, monkeypatch, how):
    """A folder inside a knowledge base whose own kb.toml is a link to a moved file (or a FIFO,
    a folder, a link in a loop) was skipped as if it had none: `kb quote add` run there wrote
    into the knowledge base above it. It is named, and nothing is written anywhere."""
    monkeypatch.delenv("KB_HOME")
    inner = kb_root / "notes" / "inner"
    inner.mkdir(parents=True)
    (inner / "references.bib").write_text(BIB)
    marker = inner / "kb.toml"
    if how == "dangling":
        marker.symlink_to("../moved/kb.toml")
    elif how == "loop":
        marker.symlink_to("kb.toml")
    elif how == "fifo":
        os.mkfifo(marker)
    else:
        marker.mkdir()
    monkeypatch.chdir(inner)
    before = (kb_root / "references.bib").read_text()
    for argv in (["ls"], ["import", "references.bib"]):
        r = run_kb(*argv)
        one_error(r, f"{marker} cannot be read (", "kb takes no knowledge base further up")
    assert (kb_root / "references.bib").read_text() == before
    r = run_kb("--kb", inner, "ls")
    one_error(r, "which is not a knowledge base kb can read (kb.toml cannot be read: ")
