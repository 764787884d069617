"""Round twelve: hostile and unusual input at every boundary: arguments Python could not read
as text, ...; each taken and said, or refused in one line with the right exit code, nothing
lost.
"""

from __future__ import annotations

import io
import json

import pytest
from kbrun import run_kb
from pdfgen import make_updated_pdf

from kb import atomic
from kb.errors import PDFError, UsageError, WriteError
from kb.ops.claims import namespace
from kb.ops.library import read_edited, split_tags
from kb.ops.session import open_kb
from kb.sources import pdf
from kb.sources.bibtex import bib_value

# -- arguments that are no text ------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ("show", "m\udcfcller2020"),                     # a Latin-1 terminal's 'ü'
    ("quote", "rm", "\udcfc"),
    ("claims", "--topic", "\udcfc"),
    ("tag", "m\udcfcller2020", "+x"),
    ("search", "energy", "--paper", "m\udcfcller2020"),
])
def test_an_argument_holding_a_byte_that_is_not_utf8_is_refused_in_one_line(kb_root, args):
    bib = kb_root / "references.bib"
    bib.write_text("@article{müller2020,\n  title = {Energie},\n  author = {Müller, J},\n  year = {2020},\n}\n")
    before = bib.read_bytes()
    r = run_kb(*args)
    assert r.code == 2 and r.out == "", r.err
    assert r.err.startswith("kb: error: the argument ") and "\\xfc, a byte that is not UTF-8" in r.err, r.err
    assert r.err.count("\n") == 1 and "internal error" not in r.err
    assert bib.read_bytes() == before


def test_utf8_read_by_a_locale_that_is_not_says_to_run_kb_in_one(kb_root):
    """LC_ALL=C with PYTHONUTF8=0: 'ü' typed in UTF-8 reaches kb as two bytes it could not read."""
    r = run_kb("show", "m\udcc3\udcbcller2020")
    assert r.code == 2 and "holds 'ü', which this locale's encoding" in r.err and "LC_ALL=C.UTF-8" in r.err, r.err


# -- a truth file saved by a person while a command works from it ----------------------------------------------

HAND = "\n@article{hand2020,\n  title = {Typed by hand},\n  author = {Hand, Ann},\n  year = {2020},\n}\n"


@pytest.mark.parametrize("save", ["in place", "renamed over"])
def test_a_file_saved_after_kb_read_it_is_kept_and_the_write_refused(tmp_path, save):
    target = tmp_path / "references.bib"
    target.write_text("@misc{a,\n  title = {A},\n}\n")
    read_as = atomic.identity(target)
    if save == "in place":                      # the same size: the times and inode say it
        with open(target, "r+") as fh:
            fh.write("@misc{b")
    else:                                       # an editor's save: a new file renamed over it
        (tmp_path / "new").write_text("@misc{b,\n  title = {B},\n}\n")
        (tmp_path / "new").replace(target)
    edited = target.read_bytes()
    with pytest.raises(WriteError, match="references.bib changed after kb read it"):
        atomic.write_text(target, "kb's text\n", tmp_path, read_as=read_as)
    assert target.read_bytes() == edited and sorted(p.name for p in tmp_path.iterdir()) == ["references.bib"]
    atomic.write_text(target, "kb's text\n", tmp_path, read_as=atomic.identity(target))
    assert target.read_text() == "kb's text\n"


def test_kb_import_keeps_an_entry_saved_by_hand_while_it_compared_its_readings(kb_root, tmp_path, monkeypatch):
    """kb import reads references.bib, then compares two readings of the imported file (a
    second process for seconds in a large one): an entry a person saved meanwhile was lost."""
    import kb.ops.papers as papers

    bib = kb_root / "references.bib"
    compare = papers.compare_reading

    def saved_meanwhile(*args):
        with open(bib, "a") as fh:
            fh.write(HAND)
        return compare(*args)

    monkeypatch.setattr(papers, "compare_reading", saved_meanwhile)
    incoming = tmp_path / "in.bib"
    incoming.write_text("@article{new2021,\n  title = {Imported},\n  author = {Doe, Jane},\n  year = {2021},\n}\n")
    r = run_kb("import", incoming)
    assert r.code == 2 and "references.bib changed after kb read it" in r.err and r.err.count("\n") == 1, r.err
    assert bib.read_text() == HAND
    monkeypatch.setattr(papers, "compare_reading", compare)
    assert run_kb("import", incoming).code == 0
    assert "hand2020" in bib.read_text() and "new2021" in bib.read_text()


def test_kb_quote_add_keeps_a_claims_file_saved_by_hand_while_it_wrote(kb_root, monkeypatch):
    import kb.ops.records as records

    (kb_root / "references.bib").write_text("@article{p2020,\n  title = {P},\n  author = {Doe, J},\n  year = {2020},\n}\n")
    claims = kb_root / "claims" / "p2020.toml"
    claims.write_text('[[quote]]\nid = "first"\ntext = "one"\nstatus = "unverified"\n')
    add = records.add_record

    def saved_meanwhile(*args, **kwargs):
        with open(claims, "a") as fh:
            fh.write('\n[[quote]]\nid = "typed"\ntext = "by hand"\nstatus = "unverified"\n')
        return add(*args, **kwargs)

    monkeypatch.setattr(records, "add_record", saved_meanwhile)
    r = run_kb("quote", "add", "p2020", "a quote kb cannot verify", "--force", "--id", "kbs")
    assert r.code == 2 and "p2020.toml changed after kb read it" in r.err, r.err
    assert 'id = "typed"' in claims.read_text() and 'id = "kbs"' not in claims.read_text()


# -- a knowledge base whose path is longer than SQLite opens ------------------------------------------------------

def deep(base, size: int):
    """A folder under `base` whose path is `size` bytes long, of names of 100 bytes."""
    rest, parts = size - len(str(base)), []
    while rest > 0:
        parts.append("d" * min(100, rest - 1 if rest > 1 else 1))
        rest -= len(parts[-1]) + 1
    return base.joinpath(*parts)


def test_a_knowledge_base_deeper_than_sqlite_opens_is_refused_at_init_saying_why(tmp_path):
    folder = deep(tmp_path, 600)
    r = run_kb("init", folder)
    assert r.code == 2 and "its path is 614 bytes long, and SQLite opens no database whose path is over 504" in r.err
    assert "kb rebuild`" not in r.err.split("(")[0] and r.err.count("\n") == 1, r.err
    assert not (folder / "kb.toml").exists()            # no knowledge base no command could open
    # one its commands open, but whose index kb rebuild makes aside under a longer name
    root = deep(tmp_path, 480)
    assert run_kb("init", root).code == 0 and run_kb("--kb", root, "ls").code == 0
    r = run_kb("--kb", root, "rebuild")
    assert r.code == 2 and "SQLite opens no database whose path is over 504 bytes" in r.err, r.err
    assert run_kb("--kb", root, "ls").code == 0


# -- output a program reads, to a stream of another encoding than UTF-8 ------------------------------------------

def test_json_and_exports_read_by_a_program_are_exact_on_a_stream_that_is_not_utf8(kb_root):
    """PYTHONIOENCODING=ascii, or LC_ALL=C with PYTHONUTF8=0: JSON held Python's escapes
    ('m\\xfcller2020', no JSON), and `kb export bib -o -` wrote another citekey than the file's."""
    from kb.cli.app import main

    (kb_root / "references.bib").write_text("@article{müller2020,\n  title = {Énergie 😀},\n  author = {Müller, J},\n"
                                            "  year = {2020},\n}\n", encoding="utf-8")

    def run(*args: str) -> bytes:
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding="ascii", write_through=True)
        assert main(list(args), stdout=stream, stderr=io.StringIO()) == 0
        stream.flush()
        return raw.getvalue()

    (paper,) = json.loads(run("ls", "--json").decode("ascii"))
    assert paper["citekey"] == "müller2020" and paper["title"] == "Énergie 😀"
    assert json.loads(run("show", "müller2020", "--json"))["title"] == "Énergie 😀"
    assert "{müller2020,\n  title = {Énergie 😀}," in run("export", "bib", "-o", "-").decode("utf-8")
    assert json.loads(run("export", "csl-json", "-o", "-"))[0]["id"] == "müller2020"
    assert b"m\\xfcller2020" in run("ls")          # a listing for a person: escaped, as before


# -- a key cited in another case than references.bib writes it ------------------------------------------------

def test_a_note_citing_a_key_in_another_case_says_the_key_it_means(kb_root, tmp_path):
    (kb_root / "references.bib").write_text("@article{cohan2020specter,\n  title = {Specter},\n  author = {Cohan, A},\n"
                                            "  year = {2020},\n}\n")
    note = tmp_path / "note.md"
    note.write_text("# Note\n\n> Document-level representation\n\n[@COHAN2020SPECTER]\n")
    r = run_kb("verify", "--note", note)
    assert r.code == 1 and "no paper 'COHAN2020SPECTER' here (did you mean cohan2020specter? the keys differ in " \
        "case only" in r.out, r.out


# -- tags references.bib writes escaped ---------------------------------------------------------------------------

def test_a_tag_holding_a_latex_special_is_found_and_removed_as_typed(kb_root):
    """references.bib writes '%', '#', '&' as \\%, \\#, \\&: read back so, the tag 'a%b' was
    'a\\%b', which kb ls --tag did not find, kb tag - did not remove and kb tag + added again."""
    assert split_tags(r"R\&D, 50\%, \#nlp, a_b") == ["R&D", "50%", "#nlp", "a_b"]
    (kb_root / "references.bib").write_text("@article{p2020,\n  title = {P},\n  author = {Doe, J},\n  year = {2020},\n}\n")
    assert run_kb("tag", "p2020", "+50%", "+R&D").code == 0
    assert run_kb("tag", "p2020", "+50%").out == "p2020: 50%, R&D\n"              # not added twice
    assert [p["citekey"] for p in run_kb("ls", "--tag", "50%", "--json").json] == ["p2020"]
    assert run_kb("tag", "p2020", "-50%", "-R&D").out == "p2020: (no tags)\n"
    assert "keywords" not in (kb_root / "references.bib").read_text()
    r = run_kb("tag", "p2020", "+a\\b")
    assert r.code == 2 and "backslashes" in r.err


def test_a_citekey_holding_an_ampersand_kept_as_an_alias_still_names_its_paper(kb_root):
    """Fields of citekeys (ids, crossref, xref, ...) take no LaTeX escape: kb rename kept the old
    key 'lee&kim2021' as 'lee\\&kim2021', a key of no paper."""
    assert bib_value("ids", "lee&kim2021, a%b") == "{lee&kim2021, a%b}" and bib_value("crossref", "x&y") == "{x&y}"
    # (in a title, an acronym joined by '&' is braced whole, its case kept: '{R\\&D}')
    assert bib_value("title", "R&D at 50%") == "{{R\\&D} at 50\\%}"
    (kb_root / "references.bib").write_text("@article{lee&kim2021,\n  title = {P},\n  author = {Lee, A},\n"
                                            "  year = {2021},\n}\n")
    assert run_kb("rename", "lee&kim2021", "lk2021").code == 0
    assert "ids = {lee&kim2021}" in (kb_root / "references.bib").read_text()
    assert run_kb("show", "lee&kim2021").out.startswith("lk2021: P")


# -- a claims file renamed to another paper's key -----------------------------------------------------------------

def test_a_claims_file_renamed_to_another_papers_key_fails_verify_saying_whose_it_is(kb_root, tmp_path):
    """claims/b2021.toml renamed from claims/a2020.toml files a2020's verified records under b2021:
    where kb holds no text of b2021, kb verify said 'not re-checked' and passed."""
    (kb_root / "references.bib").write_text(
        "@article{a2020,\n  title = {A},\n  author = {Doe, J},\n  year = {2020},\n}\n\n"
        "@article{b2021,\n  title = {B},\n  author = {Roe, R},\n  year = {2021},\n}\n")
    page = tmp_path / "a.txt"
    page.write_text("We measured 12 kWh of energy for the whole run.")
    assert run_kb("text", "load", "a2020", page).code == 0
    assert run_kb("quote", "add", "a2020", "We measured 12 kWh of energy", "--id", "energy").code == 0
    (kb_root / "claims" / "a2020.toml").rename(kb_root / "claims" / "b2021.toml")
    r = run_kb("verify")
    assert r.code == 1 and "not-found  energy  b2021   kb holds no text of b2021, and claims/b2021.toml says it " \
        "holds the quotes and claims of a2020" in r.out and "rename it back" in r.out, r.out


# -- a PDF updated in place whose update's cross-reference table is broken ---------------------------------------

@pytest.mark.parametrize("broken", [False, True])
def test_an_update_pypdf_cannot_find_never_gives_the_text_it_replaced(broken):
    """pypdf looked for the object an update's broken table points past, found its first
    version, and kb verified quotes against the text the update replaced (PDFium shows nothing)."""
    data = make_updated_pdf(["Results", "We measured 21 kWh of energy in the test."],
                            ["Results", "We measured 99 kWh of energy in the test."], xref_broken=broken)
    if not broken:
        assert "99 kWh" in pdf.extract_plan(data, "pypdf").pages[0]
        return
    with pytest.raises(PDFError, match="pypdf read an earlier version of object 4 than the one the file writes last"):
        pdf.extract(data, pdf.Limits.from_env(), "updated.pdf", extractor="pypdf")
    got = pdf.extract_plan(data, None)
    assert got.status != "ok" and not any("21 kWh" in p for p in got.pages)


# -- a knowledge base made inside another's own folders ------------------------------------------------------------

def test_kb_init_inside_a_knowledge_bases_claims_or_index_folder_is_refused_and_hints_point_out(kb_root):
    """kb's hint for --kb naming claims/ was `kb init` there, whose kb.toml then stopped every
    command of the knowledge base around it (claims/kb.toml read as a claims file)."""
    r = run_kb("--kb", kb_root / "claims", "ls")
    assert r.code == 2 and f"inside the claims/ folder of one (give its folder: --kb {kb_root})" in r.err, r.err
    for inner in (kb_root / "claims", kb_root / ".kb" / "new"):
        r = run_kb("init", inner)
        assert r.code == 2 and "where kb keeps its own files" in r.err and "nothing made" in r.err, r.err
        assert not (inner / "kb.toml").exists()
    assert run_kb("ls").code == 0 and run_kb("init", kb_root / "sub").code == 0     # a folder of its own is one


# -- kb edit: an editor saving in another encoding ---------------------------------------------------------------

@pytest.mark.parametrize("encoding, said", [("utf-8", None), ("utf-8-sig", None), ("utf-16", "UTF-16"),
                                            ("latin-1", "Windows-1252/Latin-1")])
def test_an_entry_an_editor_saved_in_another_encoding_is_read_as_typed(tmp_path, encoding, said):
    """Read as UTF-8 with replacement characters, 'Ünïcode' was written to references.bib as '�n�code'."""
    entry = "@article{lk2021,\n  title = {Ünïcode café},\n}\n"
    path = tmp_path / "lk2021.bib"
    path.write_bytes(entry.encode(encoding))
    text, how = read_edited(path)
    assert text == entry and (how is None if said is None else said in how)


def test_kb_import_of_a_papers_own_key_in_another_case_says_so_not_another_papers(kb_root, tmp_path):
    entry = "@article{%s,\n  title = {Energy of training deep models},\n  author = {Smith, John},\n  year = {2020},\n" \
            "  doi = {10.1/abc},\n}\n"
    (kb_root / "references.bib").write_text(entry % "Smith2020")
    incoming = tmp_path / "in.bib"
    incoming.write_text(entry % "smith2020")
    r = run_kb("import", incoming)
    assert r.code == 0 and "'smith2020' is Smith2020 here, written in another case" in r.err, r.err
    assert "another paper" not in r.err and (kb_root / "references.bib").read_text() == entry % "Smith2020"


# -- a claim named two ways ---------------------------------------------------------------------------------------

def test_a_claim_name_two_claims_write_alike_is_an_error_of_the_check_not_either_figure(kb_root):
    """Paper 'p2020' claim 'a.b' and paper 'p2020.a' claim 'b' are both p2020.a.b: kb check took
    the one indexed last, another paper's figure, and passed or failed on it."""
    (kb_root / "references.bib").write_text("@article{p2020,\n  title = {P},\n  author = {Doe, J},\n  year = {2020},\n}\n"
                                            "@article{p2020.a,\n  title = {Q},\n  author = {Roe, J},\n  year = {2021},\n}\n")
    (kb_root / "claims" / "p2020.toml").write_text('[[claim]]\nid = "a.b"\nvalue = "30 s"\nstatus = "unverified"\n\n'
                                                  '[[check]]\nid = "c"\nexpr = "p2020.a.b"\nstated = "30 s"\n')
    (kb_root / "claims" / "p2020.a.toml").write_text('[[claim]]\nid = "b"\nvalue = "99 s"\nstatus = "unverified"\n')
    with pytest.raises(UsageError, match="'p2020.a.b' names two claims, claim 'a.b' of p2020 and claim 'b' of p2020.a"):
        namespace(open_kb()).resolve("p2020.a.b")
    r = run_kb("claim", "rm", "p2020.a.b")
    assert r.code == 2 and ("names 2 claims: p2020.a.b, `p2020.a`.b" in r.err
                            or "names 2 claims: `p2020.a`.b, p2020.a.b" in r.err), r.err
    assert run_kb("claim", "rm", "`p2020.a`.b").code == 0
    assert namespace(open_kb()).resolve("p2020.a.b") == "30 s"
