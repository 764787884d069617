"""Red-team round 49, hostile input (eleventh pass): truth files that are no files, folders -o would make,
sizes a truth file or a server may hold, and keys nobody can see."""

from __future__ import annotations

import os

import pytest
from kbrun import run_kb


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


# -- a claims file that is no file ---------------------------------------------------------

@pytest.mark.parametrize("make", ["device", "fifo", "folder"])
@pytest.mark.parametrize("command", ["check", "verify", "audit"])
def test_a_claims_file_kb_cannot_open_stops_a_judging_command(kb_root, make, command) -> None:
    """A claims file linked to /dev/zero, a FIFO or a folder named x.toml: kb check said 'no checks', exit 0."""
    path = kb_root / "claims" / "x.toml"
    if make == "device":
        path.symlink_to(os.devnull)
    elif make == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    got = run_kb(command)
    assert got.code == 2, (got.code, got.err)
    line = _one_line(got.err)
    assert "claims/x.toml: cannot read (" in line and f"kb {command} judges" in line, line
    listed = run_kb("ls")                  # a command showing papers goes on without it, saying so
    assert listed.code == 0 and "claims/x.toml: cannot read (" in listed.err, listed.err


# -- -o into a folder that is not there ------------------------------------------------------

@pytest.mark.parametrize("argv", [("export", "bib"), ("export", "csl-json"), ("graph", "export")])
@pytest.mark.parametrize("where, made", [("typo/sub/out.x", "typo"), ("exports/sub/out.x", "exports/sub"),
                                         ("exports/out.x", None)])
def test_an_output_into_a_missing_folder_says_it_made_the_folder(kb_root, argv, where, made) -> None:
    """kb export bib -o dir/sub/out.bib made dir/sub without a word: a typo'd folder, an export nobody finds;
    the knowledge base's own exports/ is made unsaid."""
    target = kb_root / where
    got = run_kb(*argv, "-o", str(target))
    assert got.code == 0 and target.is_file(), (got.code, got.err)
    said = [line for line in got.err.splitlines() if "made the folder" in line]
    if made is None:
        assert said == [], got.err
    else:
        assert len(said) == 1 and f"made the folder {target.parent}" in said[0], got.err
        assert made != "typo" or f"({kb_root / 'typo'} and the folders below it were not there)" in said[0]


# -- a string of a claims file longer than any quote -----------------------------------------

@pytest.mark.parametrize("record, at", [
    ('[[quote]]\nid = "q"\ntext = "{s}"\n', 3),
    ('[[claim]]\nid = "c"\nvalue = "{s}"\n', 3),
    ('[[claim]]\nid = "c"\nvalue = "2 kWh"\nquote = "{s}"\n', 4),
    ('[[claim]]\nid = "c"\nvalue = "2 kWh"\nquote = """\n{s}"""\n', 4),
    ("[[claim]]\nid = 'c'\nvalue = '2 kWh'\nquote = '''{s}'''\n", 4),
])
@pytest.mark.parametrize("size", [30_000, 300_000])
def test_a_string_longer_than_any_quote_is_the_files_error_said_before_it_is_read(record, at, size) -> None:
    """A 10 MB quote in a claims file took seconds to read and minutes to verify (kb quote add takes
    20,000 characters at most; a claims file held any length): said at its record, or when longer than
    a line may be, at its own line before the file is read as TOML."""
    from kb.errors import FileFormatError
    from kb.store import claimsfile
    words = "word " * (size // 5)
    text = record.replace("{s}", words.replace(" ", "\n") if '"""' in record else words)
    with pytest.raises(FileFormatError) as err:
        claimsfile.parse(text, "claims/x.toml", "x")
    said = str(err.value)
    assert said.startswith(f"claims/x.toml:{1 if size < claimsfile.MAX_LINE else at}:") and "20,000" in said, said


# -- kb import: a key nobody sees whole ------------------------------------------------------

@pytest.mark.parametrize("key, named", [("coh\u202ean2021", "U+202E"), ("zw\u200bx2021", "U+200B"),
                                        ("\u2066doe2021", "U+2066"), ("e\x1bx2021", "U+001B")])
def test_an_imported_key_holding_a_character_nobody_sees_is_refused_nothing_imported(kb_root, tmp_path, key,
                                                                                     named) -> None:
    """It was filed, listed by kb ls without the character ('cohan2021'): a key nobody could type back."""
    bib = tmp_path / "in.bib"
    bib.write_text("@article{fine2021, title={Fine}, author={Doe, Jane}, year={2021}}\n\n"
                   f"@article{{{key},\n title={{Hidden}},\n author={{Doe, Jane}},\n year={{2021}}\n}}\n")
    before = (kb_root / "references.bib").read_text()
    got = run_kb("import", bib)
    assert got.code == 2, (got.code, got.err)
    line = _one_line(got.err)
    assert f"in.bib:3: entry {ascii(key)}" in line and named in line and "nothing imported" in line, line
    assert (kb_root / "references.bib").read_text() == before


# -- a record of more authors than any paper -------------------------------------------------

@pytest.mark.parametrize("count, cut", [(8, True), (5, False)])
def test_a_record_of_more_authors_than_any_paper_is_cut_and_said(kb_root, server, monkeypatch, count, cut) -> None:
    """A Crossref record of 100,000 authors was filed whole (500 KB of references.bib), without a word."""
    import json

    from httpserver import Reply

    from kb.ops import papers
    monkeypatch.setattr(papers, "MAX_AUTHORS", 5)
    message = {"DOI": "10.1000/many", "title": ["Many Hands"], "issued": {"date-parts": [[2020]]},
               "type": "journal-article", "author": [{"given": "Ann", "family": f"Au{i}"} for i in range(count)]}
    server.routes["/doi/10.1000/many"] = Reply(406, b"no")
    server.routes["/crossref/works/10.1000/many"] = Reply(200, json.dumps({"message": message}).encode(),
                                                          {"Content-Type": "application/json"})
    got = run_kb("add", "doi:10.1000/many")
    assert got.code == 0, got.err
    bib = (kb_root / "references.bib").read_text()
    said = [line for line in got.err.splitlines() if "authors" in line]
    if cut:
        assert "Au4, Ann and others}" in bib and "Au5" not in bib, bib
        assert len(said) == 1 and "lists 8 authors" in said[0] and "the other 3 are not in references.bib" in said[0]
    else:
        assert "Au4, Ann}" in bib and said == [], got.err


# -- a note of many footnotes -----------------------------------------------------------------

def test_a_note_of_many_footnotes_looks_back_for_ibid_only(monkeypatch) -> None:
    """Each footnote read listed every footnote before it (for an 'Ibid.' it might be): a note of 100,000
    footnotes took minutes in kb verify --note. Counted as the references' numbers read, not timed."""
    from kb.text import notes
    read = [0]

    def number(self):
        read[0] += 1
        return self.__dict__["_number"]

    def set_number(self, value):
        self.__dict__["_number"] = value

    monkeypatch.setattr(notes.NoteReference, "number", property(number, set_number), raising=False)
    n = 300
    text = ("Text.\n" + "".join(f"Claim {i} [^{i}].\n" for i in range(n)) + "\n"
            + "".join(f"[^{i}]: Doe, J. ({2000 + i % 20}). Work number {i}. Journal of Things, 3.\n" for i in range(n))
            + "[^x]: Ibid., 7.\n")
    note = notes.parse_note(text)
    ibid = [r for r in note.references if r.number == "^x"]
    assert len(ibid) == 1 and ibid[0].text == "Ibid., 7."      # an Ibid. still takes the footnote before
    assert read[0] < 40 * n, read[0]


# -- kb import: an entry of more fields than any -------------------------------------------

@pytest.mark.parametrize("fields, refused", [(9, True), (4, False)])
def test_an_imported_entry_of_more_fields_than_any_is_refused(kb_root, tmp_path, monkeypatch, fields, refused):
    """One entry of 100,000 fields was imported whole: 2 MB of references.bib, 6 s."""
    from kb.ops import papers
    monkeypatch.setattr(papers, "MAX_FIELDS", 6)
    bib = tmp_path / "in.bib"
    bib.write_text("@article{many2020,\n title={Many},\n" + "".join(f" f{i} = {{v}},\n" for i in range(fields)) + "}\n")
    got = run_kb("import", bib)
    if refused:
        assert got.code == 2 and "entry 'many2020' has 10 fields" in _one_line(got.err), got.err
        assert "many2020" not in (kb_root / "references.bib").read_text()
    else:
        assert got.code == 0 and "many2020" in (kb_root / "references.bib").read_text(), got.err


# -- a compressed answer larger than what it holds -------------------------------------------

@pytest.mark.parametrize("coding, layers", [("gzip", 1), ("gzip, gzip", 2), ("deflate", 1)])
def test_a_whole_compressed_answer_bigger_than_its_text_is_not_said_cut_off(server, tmp_path, coding, layers) -> None:
    """Its Content-Length (of the bytes sent) was set against the bytes once decompressed: a short record sent
    gzip-compressed, or compressed twice, was refused as 'the download was cut off: 130 of 152 bytes'."""
    import gzip
    import json
    import zlib

    from httpserver import Reply

    from kb.sources import doi
    from kb.sources.net import Client, Settings
    body = json.dumps({"message": {"DOI": "10.1000/z", "title": ["Z"]}}).encode()
    for _ in range(layers):
        body = zlib.compress(body) if coding == "deflate" else gzip.compress(body)
    server.routes["/crossref/works/10.1000/z"] = Reply(200, body, {"Content-Type": "application/json",
                                                                   "Content-Encoding": coding})
    got = doi.fetch_crossref(Client(tmp_path / "cache", tmp_path / "tmp", Settings(spacing={"doi": 0.0})), "10.1000/z")
    assert got.title == "Z"

