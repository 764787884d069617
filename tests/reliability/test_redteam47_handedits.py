"""Red-team sweep 47, hand edits nobody tried yet: the truth files as a person, an editor, git
and a sync service leave them, and what every command then says."""

from __future__ import annotations

import pytest

from kb.errors import FileFormatError
from kb.ops.doctor import diagnose
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
