"""Red-team sweep 47, hand edits nobody tried yet: the truth files as a person, an editor, git
and a sync service leave them (a merge's keys written twice, a file renamed out of use, an eprint
edited by hand), and what every command then says."""

from __future__ import annotations

import pytest

from kb.errors import FileFormatError
from kb.ops.doctor import diagnose
from kb.store.claimsfile import load_toml
from kb.store.knowledgebase import KB, init

BIB = "@article{p0,\n  title = {Energy of p0},\n  author = {Curie, Marie},\n  year = {2024}\n}\n"
CLAIMS = ('[[quote]]\nid = "trained"\ntext = "We trained 12 models"\nstatus = "unverified"\n\n'
          '[[claim]]\nid = "models"\nvalue = "12"\nquote = "We trained 12 models"\nstatus = "unverified"\n')


def _kb(tmp_path):
    root, _ = init(tmp_path / "kb")
    (root / "references.bib").write_text(BIB)
    (root / "claims" / "p0.toml").write_text(CLAIMS)
    KB.open(root).close()            # indexed
    return root


ADDED = '\n[[claim]]\nid = "on-laptop"\nvalue = "12"\nquote = "We trained 12 models"\nstatus = "unverified"\n'
BIB2 = "@misc{p1,\n  title = {Added on the laptop},\n  year = {2024}\n}\n"
COPIES = {                          # a copy's path: (its text, what doctor says of it)
    "claims/p0 (Ada's conflicted copy 2024-01-02).toml": (CLAIMS + ADDED, "claim on-laptop that"),  # a record it lacks
    "claims/p0.sync-conflict-20240102-030405-ABCDEFG.toml": (CLAIMS.replace('value = "12"', 'value = "13"'),
                                                             "claim models (differs)"),   # one it holds otherwise
    "claims/p0 (Bob's conflicted copy 2024-01-03).toml": (CLAIMS.replace("[[claim]]", "[[claim]\n"),
                                                          "kb cannot read it as TOML"),
    "references.sync-conflict-20240102-030405-ABCDEFG.bib": (BIB + BIB2, "entry p1 that references.bib"),
    "claims/p0 (Eve's conflicted copy 2024-01-04).toml": (CLAIMS.replace("\n", "\r\n"), None),  # the same records
    "claims/p0.sync-conflict-20240105-030405-ABCDEFG.toml": (CLAIMS.split("[[claim]]")[0], None),  # fewer, alike
    "claims/p0_REMOTE_7.toml": (CLAIMS + ADDED, None),    # git mergetool's: a merge's side, since resolved
    "references (Eve's conflicted copy 2024-01-04).bib": (BIB.replace("\n", "\r\n"), None),
}


def test_a_sync_services_copy_holding_what_its_truth_file_does_not_is_said_and_kept(tmp_path):
    """A sync service's conflicted copy is never read (read as a claims file, it held every id twice):
    one holding a record its file does not (the other machine's edit) was said by no command, kb
    doctor too."""
    root = _kb(tmp_path)
    for rel, (text, _) in COPIES.items():
        (root / rel).write_bytes(text.encode())
    report = diagnose(root, prune=True)
    said = {p.where: p for p in report.problems}
    for rel, (text, what) in COPIES.items():
        assert (root / rel).read_bytes() == text.encode()
        if what is None:
            assert rel not in said, said
        else:
            assert what in said[rel].what and ("p0.toml" in said[rel].fix) == rel.startswith("claims/"), said[rel]
    assert len(report.problems) == 4, report.problems


NOTE = {   # a multi-line string holding lines that read as a table header and a key
    "basic": 'note = """Pasted from my draft:\n[[claim]]\n1bad = "x"\n"""\n',
    "literal": "note = \'\'\'Pasted from my draft:\n[[claim]]\n1bad = 'x'\n\'\'\'\n",
}


@pytest.mark.parametrize("kind", sorted(NOTE))
def test_a_header_line_inside_a_multi_line_string_is_no_record_and_kb_writes_leave_it_as_written(kind):
    """A note holding "[[claim]]" on a line of its own: kb read it as the next claim's header (every
    later claim said at the line before its own), and re-adding a claim wrote a blank line into the note."""
    from kb.store.claimsfile import add_record, parse

    text = ('[[claim]]\nid = "a"\nvalue = "12"\nquote = "We trained 12 models"\n' + NOTE[kind]
            + '\n[[claim]]\nid = "b"\nvalue = "13"\n\n[units]\nwh = "1 Wh"\n')
    assert [c.line for c in parse(text, "claims/p0.toml", "p0").claims] == [1, 10]
    with pytest.raises(FileFormatError) as exc:          # a unit's line, not the note's line reading alike
        parse(text.replace('wh = "1 Wh"', '1bad = "1 Wh"'), "claims/p0.toml", "p0")
    assert exc.value.line == 15
    new = add_record(text, "claim", {"id": "b", "value": "14"}, replace_id="b")
    head = text.partition('id = "b"')[0]
    assert new.startswith(head) and 'value = "14"' in new, new


@pytest.mark.parametrize("left", [b"", b"\xef\xbb\xbf\n  \r\n"])
def test_a_claims_file_an_editor_or_a_full_disk_emptied_says_what_it_took(tmp_path, left):
    """A claims file saved empty (an editor's crash, a full disk): its records were gone from every
    command, said by none (kb check said its check's input 'undefined', kb doctor nothing to repair)."""
    root = _kb(tmp_path)
    (root / "claims" / "p0.toml").write_bytes(left)
    kb = KB.open(root)
    try:
        said = [w for w in kb.warnings if "claims/p0.toml" in w]
    finally:
        kb.close()
    assert said == ["claims/p0.toml is empty now: its 1 quote and 1 claim are no longer in the knowledge base "
                    "(git checkout claims/p0.toml to restore, if it was emptied by mistake)"], said
    kb = KB.open(root)                  # said once
    try:
        assert not [w for w in kb.warnings if "claims/p0.toml" in w]
    finally:
        kb.close()


# -- a merge's keys, a file parked by its name, an eprint edited by hand ---------------------------

@pytest.mark.parametrize("text, said", [
    (CLAIMS.replace('value = "12"\n', 'value = "12"\nvalue = "5 kWh"\n'),
     "'value' is written twice in the claim 'models', at lines 8 and 9"),
    (CLAIMS.replace('status = "unverified"\n\n', 'status = "unverified"\nid = "trained-2"\n\n'),
     "'id' is written twice in the quote 'trained', at lines 2 and 5"),
    ('[paper]\nanchor = "x"\nanchor = "y"\n', "'anchor' is written twice in [paper] (line 1), at lines 2 and 3"),
    ('version = "v1"\n version = "v2"\n', "'version' is written twice at the top of the file, at lines 1 and 2"),
])
def test_a_key_written_twice_names_its_record_and_both_lines(text, said):
    """A key written twice in one table (git's union merge leaves both sides' lines) said only
    tomllib's "Cannot overwrite a value": no record, no first line, nothing to do."""
    with pytest.raises(FileFormatError) as exc:
        load_toml(text, "claims/p0.toml")
    assert said in str(exc.value) and "keep the one meant" in str(exc.value), str(exc.value)


def test_two_claims_with_one_id_name_the_first_ones_line(tmp_path):
    root = _kb(tmp_path)
    (root / "claims" / "p0.toml").write_text(CLAIMS + "\n" + CLAIMS.split("\n\n")[1].replace('"12"', '"13"', 1))
    said = [p for p in diagnose(root).problems if p.where.startswith("claims/p0.toml")]
    assert len(said) == 1 and said[0].where == "claims/p0.toml:12", said
    assert "claim id 'models' is defined twice (also at line 6)" in said[0].what and "keep one" in said[0].what


@pytest.mark.parametrize("name, parked", [("p0.toml.disabled", True), ("p0.toml-OFF", True),
                                          ("p0.toml.bak", False), ("p0.toml~", False)])
def test_a_claims_file_parked_by_its_name_is_said_and_no_problem_while_a_tools_leftover_is(tmp_path, name, parked):
    """A claims file a person disabled by renaming it (p0.toml.disabled) was a kb doctor problem
    forever, with no way to say it was meant; a tool's leftover whose p0.toml is gone (p0.toml~)
    stays one, and its fix says how to park it."""
    root = _kb(tmp_path)
    (root / "claims" / "p0.toml").rename(root / "claims" / name)
    report = diagnose(root)
    said = [p for p in report.problems if p.where == f"claims/{name}"]
    assert (root / "claims" / name).read_text() == CLAIMS
    if parked:
        assert not said and report.ok, report.problems
        assert [i for i in report.info if i.startswith(f"claims/{name} is parked") and "mv claims/" in i], report.info
    else:
        assert len(said) == 1 and said[0].what.endswith("on purpose, name it claims/p0.toml.disabled)"), said
        assert not [i for i in report.info if "parked" in i]


ARXIV_BIB = ("@article{p0,\n  title = {Energy of Training Models},\n  author = {Curie, Marie},\n  year = {2024},\n"
             "  eprint = {2401.00001},\n  archiveprefix = {arXiv}\n}\n")


def test_an_eprint_edited_to_another_arxiv_id_is_said_to_disagree_with_its_text(tmp_path):
    """An entry's eprint edited by hand to another arXiv id, its title kept: kb kept the text it had
    downloaded as the old id's under the paper, and said nothing anywhere."""
    from pdfgen import make_pdf

    from kb.ops.library import entry_text, replace_entry
    from kb.store.cache import SourceCache

    root, _ = init(tmp_path / "kb")
    bib = root / "references.bib"
    bib.write_text(ARXIV_BIB)
    cache = SourceCache(root / ".kb" / "cache" / "sources", root / ".kb" / "tmp")
    pdf = make_pdf([["arXiv:2403.00003v1 [cs.LG] 2 Jan 2024", "Energy of Training Models", "We trained 12 models."]])
    m = cache.put(pdf, "pdf", "pdf", arxiv_id="2401.00001", version="v1", origin="arxiv")
    m.citekeys.append("p0")
    cache.save(m)

    def said():
        return [p for p in diagnose(root).problems if p.check == "text"]

    assert not said()
    bib.write_text(ARXIV_BIB.replace("2401.00001", "2402.00002"))     # by hand, the title kept
    found = said()
    assert len(found) == 1 and found[0].where == "p0", found
    assert "p0's eprint is arXiv 2402.00002 in references.bib, but the text kb holds under it was downloaded " \
           "as arXiv 2401.00001's" in found[0].what, found
    assert "kb add arxiv:2402.00002" in found[0].fix and "eprint back to 2401.00001" in found[0].fix
    bib.write_text(ARXIV_BIB.replace("2401.00001", "2403.00003"))     # the id the text's own stamp prints
    assert not said()
    bib.write_text(ARXIV_BIB)                                          # put back, then kb edit gives a new key
    kb = KB.open(root)
    try:
        key, before = entry_text(kb, "p0")
        assert replace_entry(kb, key, before, before.replace("{p0,", "{p1,")) == "p1"
    finally:
        kb.close()
    assert not said()


@pytest.mark.parametrize("page, said", [
    ('"3"', "`page` must be an integer, not the string '3': write it page = 3, without quotes or a decimal point"),
    ("3.0", "`page` must be an integer, not the TOML number 3.0: write it page = 3, without quotes"),
    ('"p. 3"', "`page` must be an integer, not the string 'p. 3'"),
    ("2.5", "`page` must be an integer, not the TOML number 2.5"),
])
def test_a_page_written_as_a_string_or_a_decimal_says_what_was_written_and_how_to_write_it(page, said):
    from kb.store.claimsfile import parse

    with pytest.raises(FileFormatError) as exc:
        parse(CLAIMS.replace('status = "unverified"\n\n', f'page = {page}\n\n'), "claims/p0.toml", "p0")
    assert said in str(exc.value) and exc.value.line == 1, str(exc.value)
    assert ("write it" in str(exc.value)) == (page in ('"3"', "3.0")), str(exc.value)
