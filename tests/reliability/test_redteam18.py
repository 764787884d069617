"""Round eighteen: the truth files' line ends, end to end. A references.bib saved with \\n, \\r\\n or a
classic Mac \\r alone (with a BOM, or the mix a merge leaves) is read, written and reported the same:
a person's '%' comment lines stay above the entry they annotate, an export drops a comment line whole,
and every line number kb gives is the line a person's editor shows.
"""

from __future__ import annotations

import pytest
from kbrun import run_kb

ENDS = [pytest.param("\n", id="lf"), pytest.param("\r\n", id="crlf"), pytest.param("\r", id="cr")]

BIB = ("% my library\n\n% the proceedings, checked by hand\n% second line\n@proceedings{conf2020,\n"
       "  title = {Proceedings of Conf},\n  % note = {draft},\n  year = {2020},\n}\n\n"
       "% old: @misc{gone2019,\n@misc{b2019, title={B}, year={2019}}\n")


@pytest.mark.parametrize("nl", ENDS)
def test_bib_lines_comments_and_errors_in_every_line_ending(nl):
    from kb.atomic import merge_conflict
    from kb.errors import FileFormatError
    from kb.sources.bibtex import BibFile, decode, without_comments

    text = BIB.replace("\n", nl)
    bib = BibFile(text, "references.bib")
    assert {k: b.entry.line for k, b in bib.by_key.items()} == {"conf2020": 5, "b2019": 12}
    assert bib.commented == [(11, "@misc{gone2019")]
    entry = bib.entry_text("conf2020")
    assert without_comments(entry) == "@proceedings{conf2020,\n  title = {Proceedings of Conf},\n  year = {2020},\n}" \
        .replace("\n", nl)
    # a child written before its parent: the person's comment lines stay with the parent
    bib.set_entry("c2020", "inproceedings", {"title": "C", "crossref": "conf2020", "year": "2020"})
    out = bib.render()
    assert out.startswith(f"% my library{nl}{nl}@inproceedings{{c2020,")
    assert f"% the proceedings, checked by hand{nl}% second line{nl}@proceedings{{conf2020," in out
    # a comment after an entry, on its line, stays with that entry: the child goes on the next line
    after = BibFile(f"@book{{a, title={{A}}}} % was: old a{nl}@book{{p, title={{P}}}}{nl}", "r.bib")
    after.set_entry("c2020", "inbook", {"title": "C", "crossref": "p", "year": "2020"})
    assert after.render().startswith(f"@book{{a, title={{A}}}} % was: old a{nl}@inbook{{c2020,")
    with pytest.raises(FileFormatError) as e:
        BibFile(f"@misc{{a,{nl} title={{A}},{nl}}}{nl}{nl}@misc{{b,{nl} title = {{B{nl}", "r.bib")
    # said where the brace opens, in the field whose value it opens, not at the entry's first line
    assert str(e.value).startswith("r.bib:6: ") and "field 'title'" in str(e.value) and "on line 6" in str(e.value)
    owned = BibFile(f"@misc{{a, title={{A}}}}{nl}% kb-owned: a, b{nl}@misc{{b, title={{B}}}}{nl}", "r.bib")
    assert owned.owned_keys() == {"a", "b"} and owned.owned("b")
    assert merge_conflict(f"a{nl}<<<<<<< HEAD{nl}x{nl}======={nl}y{nl}>>>>>>> o{nl}") == 2
    with pytest.raises(FileFormatError) as e:
        decode(f"a{nl}b{nl}\xe9".encode("latin-1"), "r.bib")
    assert str(e.value).startswith("r.bib:3: ")


def test_a_merge_of_mixed_line_ends_counts_each_line():
    from kb.sources.bibtex import BibFile

    bib = BibFile("\ufeff@misc{a, title={A}}\r\n\r@misc{b, title={B}}\n\r\n@misc{c,\r title={C}}\n", "r.bib")
    assert [b.entry.line for b in bib.by_key.values()] == [1, 3, 5]
    assert bib.entries()[2].field_lines["title"] == 6


def test_import_of_a_child_into_a_classic_mac_file_keeps_the_comments_above_its_parent(kb_root, tmp_path):
    bib = kb_root / "references.bib"
    bib.write_bytes(("\ufeff" + BIB.replace("\n", "\r")).encode())
    child = tmp_path / "child.bib"
    child.write_bytes(b"@inproceedings{child2020,\r  title = {A Child},\r  author = {Doe, Jane},\r"
                      b"  crossref = {conf2020},\r  year = {2020},\r}\r% was: @misc{x2019,\r")
    r = run_kb("import", child)
    assert r.code == 0, r.err
    assert "child.bib:7: '@misc{x2019' follows a '%'" in r.err
    data = bib.read_bytes().decode("utf-8-sig")
    assert "\n" not in data
    assert data.startswith("% my library\r\r@inproceedings{child2020,\r")
    assert "% second line\r@proceedings{conf2020," in data
    assert run_kb("rm", "child2020").code == 0          # and goes with its blank line, as in a file of \n
    assert bib.read_bytes().decode("utf-8-sig").startswith("% my library\r\r% the proceedings, checked by hand\r")


# -- claims files and kb.toml: TOML ends lines in \n or \r\n; a \r alone is named where an editor shows it --

def test_a_lone_carriage_return_in_a_toml_file_is_named_at_its_line_with_the_fix():
    from kb.errors import FileFormatError
    from kb.store.claimsfile import decode_toml, load_toml

    for text, where, words in [
        ('[[quote]]\rid = "q"\r', "claims/x.toml:1:10: ", "its lines end in \\r alone"),
        ('# merged\r\n\r\n[[quote]]\r\nid = "q"\rtext = "a"\r\n', "claims/x.toml:4:9: ", "this line ends in \\r alone"),
        ('# c\r\r\r\n[[quote]]\r\nid = "q"\r\n', "claims/x.toml:1:4: ", "Unix or Windows line endings"),
    ]:
        with pytest.raises(FileFormatError) as e:
            load_toml(text, "claims/x.toml")
        assert str(e.value).startswith(where) and words in str(e.value), str(e.value)
    with pytest.raises(FileFormatError) as e:
        decode_toml(b"# a\r# b\r\xe9", "kb.toml")
    assert str(e.value).startswith("kb.toml:3: ")


# -- notes: a line ending in \r alone is a line, to kb verify --note, kb audit and kb rename --note --

def test_a_note_with_classic_mac_lines_is_read_and_renamed_line_for_line():
    from kb.ops.library import rename_in_note
    from kb.text.notes import parse_note

    note = '# N\r\r> "emitted 552 tCO2e in total" [@alpha2020energy, p. 2]\r\n\r> "x y z" [@b, p. 2]\n'
    assert [q.line for q in parse_note(note).quotes] == [3, 5]
    rst = "Text [alpha2020energy]_.\r\r.. [alpha2020energy] Alpha, A. 2020. Energy.\r\n"
    assert rename_in_note(rst, "alpha2020energy", "a2021") == \
        ("Text [a2021]_.\r\r.. [a2021] Alpha, A. 2020. Energy.\r\n", 2)


def test_a_misnamed_claims_file_of_classic_mac_lines_is_found(kb_root):
    from kb.store.index import claims_misnamed
    from kb.store.paths import Layout

    (kb_root / "claims" / "alpha2020energy.TOML").write_bytes(b'# mine\r[[claim]]\rid = "e"\r')
    assert [base for _, base in claims_misnamed(Layout(kb_root))] == ["alpha2020energy.toml"]
