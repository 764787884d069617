"""Red-team sweep 48, hand edits: a claim a check names renamed or removed by hand, an unclosed
brace in references.bib, and the hand edits of a held-out sweep, and what every command then says."""

from __future__ import annotations

import pytest

from kb.ops.doctor import diagnose
from kb.store.knowledgebase import KB, init

BIB = "@article{p0,\n  title = {Energy of p0},\n  author = {Curie, Marie},\n  year = {2024}\n}\n"
CLAIMS = ('[[claim]]\nid = "gpu-energy"\nvalue = "12 kWh"\nstatus = "unverified"\n')
CHECKS = '[[check]]\nid = "twelve"\nstated = "12 kWh"\nexpr = "{expr}"\n'


def _kb(tmp_path, expr: str):
    root, _ = init(tmp_path / "kb")
    (root / "references.bib").write_text(BIB)
    (root / "claims" / "p0.toml").write_text(CLAIMS)
    (root / "claims" / "checks.toml").write_text(CHECKS.replace("{expr}", expr))
    KB.open(root).close()            # indexed
    return root


@pytest.mark.parametrize("expr, edit, hint", [
    ("p0.gpu_energy", ('"gpu-energy"', '"gpu-energy-total"'), "did you mean p0.gpu_energy_total"),  # renamed
    ("gpu_energy * 1", ('"gpu-energy"', '"gone"'), None),                                          # bare id
    ("p0.gpu_energy", None, None),                                                                 # file deleted
])
def test_a_check_naming_a_claim_renamed_or_removed_by_hand_is_a_doctor_problem(tmp_path, expr, edit, hint):
    """A claim renamed or removed by hand, a check still naming it: kb check said 'undefined name'
    and kb doctor 'nothing to repair'."""
    root = _kb(tmp_path, expr)
    assert diagnose(root).ok
    path = root / "claims" / "p0.toml"
    if edit is None:
        path.unlink()
    else:
        path.write_text(path.read_text().replace(*edit))
    said = [p for p in diagnose(root).problems if p.where == "claims/checks.toml:1"]
    assert len(said) == 1, said
    assert "check twelve names" in said[0].what and "no claim kb holds" in said[0].what, said[0]
    assert "remove the check twelve" in said[0].fix and (hint is None or hint in said[0].what), said[0]


# -- an unclosed brace in references.bib, said where it opens -------------------------------------

HEAD = "@misc{a,\n  title = {A},\n}\n\n"


@pytest.mark.parametrize("text, said", [        # said: what is said, from the field it names on
    # a '{' too many: the value takes in the fields after it, or the entry's own '}'
    ("@article{b,\n  title = {Beta {models},\n  author = {Beta, Bob},\n  year = {2021},\n}\n\n@misc{c,\n}\n",
     "field 'title': a '{' in its value on line 6 is never closed where it should be, so the value runs on to "
     "line 9, taking in the fields 'author', 'year' after it"),
    ("@article{b,\n  year = 2021,\n  note = {Beta {models},\n}\n\n@misc{c,\n}\n", "field 'note'"),
    ("@article{b,\r\n  year = 2021,\r\n  note = {Beta {models},\r\n  url = {x},\r\n}\r\n", "field 'note': a '{' in its value on line 7 is never closed where it should be, so the value "
     "runs on to line 9, taking in the field 'url' after it"),
    # never closed to the file's end, a brace or a quote
    ("@article{b,\n  year = 2021,\n  note = {Beta {models},\n", "field 'note': its '{' on line 7 is never closed"),
    ('@article{b,\n  year = 2021,\n  note = "Beta {models",\n}\n', "field 'note': its '\"' on line 7 is never closed"),
])
def test_an_unclosed_brace_is_said_at_the_field_and_line_where_it_opens(text, said):
    """An entry's unclosed brace was said at the entry's first line ('references.bib:5: in entry
    'b', after field 'title': expected ',' or '}', found '@' on line 11'): not where it opens."""
    from kb.errors import FileFormatError
    from kb.sources.bibtex import BibFile

    with pytest.raises(FileFormatError) as exc:
        BibFile(HEAD + text)
    opened = (HEAD + text).replace("\r\n", "\n").splitlines()
    field = said.split("'")[1]          # the field it names, said where that field is written
    assert said in exc.value.message, exc.value.message
    assert exc.value.line == next(n for n, s in enumerate(opened, 1) if n > 4 and s.lstrip().startswith(field))



# -- kb.toml deleted by hand ---------------------------------------------------------------------

@pytest.mark.parametrize("where", ["root", "sub", "--kb"])
def test_a_knowledge_base_whose_kb_toml_was_deleted_is_said_so_and_kb_init_there_named(tmp_path, where):
    """kb.toml deleted: every command said 'no kb.toml in <here> or any folder above it (run kb init
    to make one)': nothing of the references.bib, claims and index the folder holds, and from a
    subfolder the kb init it asked for made a second knowledge base there."""
    from kb.store.paths import NoKnowledgeBase, find_root

    root = _kb(tmp_path, "p0.gpu_energy")
    (root / "kb.toml").unlink()
    (root / "sub").mkdir()
    with pytest.raises(NoKnowledgeBase) as exc:
        if where == "--kb":
            find_root(root)
        else:
            find_root(cwd=root / where if where != "root" else root)
    said = f"{exc.value.message} ({exc.value.hint})"
    assert "holds the references.bib, claims/ and .kb/ of a knowledge base but no kb.toml" in said, said
    assert "git checkout kb.toml" in said and f"kb init {root}" in said, said
    (root / ".kb" / "kb.sqlite").unlink()
    (tmp_path / "kb2" / "claims").mkdir(parents=True)        # a folder holding a claims folder only: no base
    with pytest.raises(NoKnowledgeBase) as exc:
        find_root(cwd=tmp_path / "kb2" / "claims")
    assert "no knowledge base here" in exc.value.message


def test_a_claims_files_record_written_in_kb_toml_says_where_kb_reads_it(tmp_path):
    """A [[check]] written in kb.toml was 'unknown key `check`, not read ... (a key of your own:
    x_check)': renaming it x_check keeps it unread; where kb reads it was said nowhere."""
    written = {'[[check]]\nid = "c"\nstated = "1"\nexpr = "p0.x"\n': "[[check]] is not read here: kb reads [[check]] in claims/",
               '[units]\nrun = "12 kWh"\n': "[units] is not read here: kb reads [units] in claims/*.toml only; move it into a claims file",
               '[[claim]]\nid = "c"\nvalue = "1"\n': "move it into its paper's claims file, claims/<citekey>.toml"}
    root, _ = init(tmp_path / "kb")
    with open(root / "kb.toml", "a") as fh:
        fh.write("\n" + "\n".join(written))
    kb = KB.open(root)
    try:
        lines = kb.unknown_settings()
    finally:
        kb.close()
    assert len(lines) == 3 and "x_" not in "".join(lines), lines
    for said in written.values():
        assert any(said in line for line in lines), (said, lines)


# -- a cached source's file deleted by hand ------------------------------------------------------

def _quoted_text(tmp_path, pages: list[str], keep_given: bool = False):
    """A knowledge base holding paper p0's page text as v1 and one quote of it ("trained 12 models"); the
    page text given to kb text load removed after, unless `keep_given`."""
    import json

    from kb.ops.papers import load_text
    from kb.ops.quotes import add_quote
    from kb.ops.session import open_kb

    root, _ = init(tmp_path / "kb")
    (root / "references.bib").write_text(BIB)
    given = tmp_path / "pages.json"
    given.write_text(json.dumps(pages))
    kb = open_kb(root)
    try:
        load_text(kb, "p0", given, version="v1", extractor="test")
        add_quote(kb, "p0", "trained 12 models", quote_id="q")
    finally:
        kb.close()
    if not keep_given:
        given.unlink()
    return root

def test_a_cached_text_deleted_by_hand_is_kept_from_the_index_by_rebuild_and_never_pruned(tmp_path):
    """A cached source's file deleted (its manifest kept): kb rebuild stopped on an internal
    error (FileNotFoundError), and kb doctor's fix, --prune then load the text again, took the
    only copy left of its text, the index's, with the next rebuild."""
    from kb.ops.quotes import verify_all
    from kb.ops.rebuild import rebuild
    from kb.ops.session import open_kb

    root = _quoted_text(tmp_path, ["Page one.", "We trained 12 models on 64 GPUs."])
    (source,) = (root / ".kb" / "cache" / "sources").glob("*.pages")
    source.unlink()
    report = diagnose(root, prune=True)
    (said,) = [p for p in report.problems if p.check == "cache"]
    assert "is missing" in said.what and said.fix.startswith("kb rebuild"), said
    assert (root / ".kb" / "cache" / "sources" / f"{source.stem}.json").exists()    # not pruned
    result = rebuild(root)
    assert any("the text of p0 v1" in line for line in result.salvaged), result.salvaged
    kb = open_kb(root)
    try:
        (v,) = [v for v in verify_all(kb) if v.kind == "quote"]
        assert v.status == "ok" and v.page == 2, v
    finally:
        kb.close()
    assert diagnose(root).ok


def test_a_cached_text_deleted_with_the_index_is_no_text_not_an_internal_error(tmp_path):
    """The index deleted (a fresh clone has none) and a cached source's file with it: every command
    stopped on 'internal error: FileNotFoundError' re-indexing the source."""
    from kb.ops.quotes import verify_all
    from kb.ops.session import open_kb

    root = _quoted_text(tmp_path, ["We trained 12 models on 64 GPUs."], keep_given=True)
    next((root / ".kb" / "cache" / "sources").glob("*.pages")).unlink()
    (root / ".kb" / "kb.sqlite").unlink()
    kb = open_kb(root)
    try:
        (v,) = [v for v in verify_all(kb) if v.kind == "quote"]
        assert v.status == "no-text", v
    finally:
        kb.close()
    (said,) = [p for p in diagnose(root).problems if p.check == "cache"]
    assert "is missing (a source of p0)" in said.what, said


# -- claims files in a subfolder of claims/: never an mv that writes over one --------------------

def test_a_claims_files_copy_in_a_subfolder_and_a_knowledge_base_inside_claims_are_never_moved_over_claims(tmp_path):
    """kb doctor's fix for every .toml in a subfolder of claims/ was 'mv it into claims/': over
    claims/p0.toml when a copy of it sat in claims/old/, and for each claims file of a knowledge base
    checked out inside claims/ (its own p0.toml too)."""
    root = _kb(tmp_path, "p0.gpu_energy")
    (root / "claims" / "old").mkdir()
    (root / "claims" / "old" / "p0.toml").write_text(CLAIMS)
    (root / "claims" / "old" / "p9.toml").write_text(CLAIMS)
    other = root / "claims" / "shared"               # a checkout (git clone, a submodule): kb init refuses there
    (other / "claims").mkdir(parents=True)
    (other / "kb.toml").write_text("")
    (other / "claims" / "p0.toml").write_text(CLAIMS)
    said = {p.where: p for p in diagnose(root, quick=True).problems}
    assert "mv" not in said["claims/old/p0.toml"].fix.partition("(")[0] and "claims/p0.toml is there too" \
        in said["claims/old/p0.toml"].what, said
    assert "mv claims/old/p9.toml claims/" in said["claims/old/p9.toml"].fix       # nothing there: moved back
    assert "knowledge base of its own" in said["claims/shared"].what and "move it out of claims/" \
        in said["claims/shared"].fix, said
    assert not [w for w in said if w.startswith("claims/shared/")], said


# -- a .kb/ copied in from another checkout -------------------------------------------------------

def test_an_index_copied_in_from_another_checkout_says_no_file_of_this_one_was_deleted(tmp_path):
    """The .kb/ of another checkout (holding claims/p9.toml, which this one never had) copied in:
    kb said 'claims/p9.toml was deleted ... git checkout claims/p9.toml to restore', of a file this
    knowledge base never held; a file deleted here is still said as deleted."""
    import shutil

    other = _kb(tmp_path, "p0.gpu_energy")
    (other / "claims" / "p9.toml").write_text(CLAIMS.replace("gpu-energy", "nine"))
    KB.open(other).close()
    here, _ = init(tmp_path / "here")
    for rel in ("references.bib", "claims/p0.toml", "claims/checks.toml"):
        shutil.copyfile(other / rel, here / rel)
    KB.open(here).close()
    (here / "claims" / "p0.toml").unlink()              # deleted here: said so
    kb = KB.open(here)
    try:
        assert any(w.startswith("claims/p0.toml was deleted") for w in kb.warnings), kb.warnings
    finally:
        kb.close()
    shutil.rmtree(here / ".kb")
    shutil.copytree(other / ".kb", here / ".kb")
    kb = KB.open(here)
    try:
        said = [w for w in kb.warnings if "p9.toml" in w]
    finally:
        kb.close()
    assert len(said) == 1 and "was deleted" not in said[0] and "made from another copy" in said[0], said


# -- a claim moved by hand into another paper's claims file ---------------------------------------

@pytest.mark.parametrize("kind", ["claim", "quote"])
def test_a_record_moved_into_another_papers_claims_file_says_whose_words_it_quotes(tmp_path, kind):
    """A claim (or quote) cut from claims/p0.toml and pasted into claims/p1.toml: 'quote no longer
    found in v1', with nothing of the paper whose text holds it."""
    import json

    from kb.ops.papers import load_text
    from kb.ops.quotes import verify_papers
    from kb.ops.session import open_kb

    root, _ = init(tmp_path / "kb")
    (root / "references.bib").write_text(BIB + BIB.replace("p0", "p1"))
    for key, words in (("p0", "We trained 12 models on 64 GPUs."), ("p1", "Inference used 3 kWh per query.")):
        given = tmp_path / f"{key}.json"
        given.write_text(json.dumps(["Intro.", words]))
        kb = open_kb(root)
        try:
            load_text(kb, key, given, version="v1", extractor="test")
        finally:
            kb.close()
    record = (f'[[{kind}]]\nid = "moved"\n' + ('value = "12"\nquote' if kind == "claim" else "text")
              + ' = "trained 12 models on 64 GPUs"\nversion = "v1"\npage = 2\nstatus = "verified"\n')
    (root / "claims" / "p1.toml").write_text(record)
    kb = open_kb(root)
    try:
        (v,) = list(verify_papers(kb))
    finally:
        kb.close()
    assert v.status == "not-found", v
    assert "its words are in the text of p0 v1, page 2: if it was moved here from claims/p0.toml" in v.message, v
