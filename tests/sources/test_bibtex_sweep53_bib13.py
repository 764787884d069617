"""A file field's name as exporters write it: Mendeley's LaTeX in the name, a file's address, Unicode's
composed and decomposed forms; each read as the file it names, never as another."""

from __future__ import annotations

import unicodedata

import pytest

from kb.ops.papers import import_bib
from kb.ops.session import open_kb
from kb.sources.bibtex import file_names, file_paths
from tests.corpus import corpus_path

#: (file on disk, relative to the .bib file's folder; the field as the exporter writes it)
NAMED = [
    ("Mendeley Desktop/Türing - 1950 - Computing.pdf", r":Mendeley Desktop/T{\"{u}}ring - 1950 - Computing.pdf:pdf"),
    ("Cahyono et al. - 2024 - Fast Naïve Bayes.pdf", r":Cahyono et al. - 2024 - Fast Na{\"{i}}ve Bayes.pdf:pdf"),
    ("Naïve.pdf", r":Na{\"{\i}}ve.pdf:pdf"),
    ("Müller.pdf", r":M\"{u}ller.pdf:pdf"),
    ("Müller2.pdf", r":M\"uller2.pdf:pdf"),
    ("Été.pdf", r":{\'{E}}t{\'e}.pdf:pdf"),
    ("Øystein and Ørsted.pdf", r":{\O}ystein and {\O}rsted.pdf:pdf"),
    ("Straße.pdf", r":Stra{\ss}e.pdf:pdf"),
    ("Façade - Škoda.pdf", r":Fa\c{c}ade - \v{S}koda.pdf:pdf"),
    ("Łukasz_2020 R&D 50%.pdf", r":{\L}ukasz\_2020 R\&D 50\%.pdf:pdf"),
    ("Erdős.pdf", r":Erd\H{o}s.pdf:pdf"),
    ("My Paper (2020).pdf", "file:///{base}/My%20Paper%20(2020).pdf"),
    ("Müller 3.pdf", "file:///{base}/M%C3%BCller%203.pdf"),
    ("local.pdf", "file://localhost/{base}/local.pdf"),
    ("one.pdf", "file:/{base}/one.pdf"),
    ("zotero.pdf", r"Full Text PDF:file\:///{base}/zotero.pdf:application/pdf"),
    ("50%25 off.pdf", "{base}/50%25 off.pdf"),          # a plain path's '%' is one: nothing unescaped
]


@pytest.mark.parametrize("on_disk, field", NAMED)
def test_a_name_as_an_exporter_writes_it_is_the_file_it_names(tmp_path, on_disk, field):
    (tmp_path / on_disk).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / on_disk).write_bytes(b"%PDF-1.4")
    value = field.replace("{base}", str(tmp_path).lstrip("/"))
    assert file_paths(value, tmp_path) == [tmp_path / on_disk]


@pytest.mark.parametrize("on_disk, field", NAMED)
def test_another_file_of_a_near_name_is_never_taken(tmp_path, on_disk, field):
    # the name's letters without their accents, or its escapes read otherwise: another file, never attached
    other = unicodedata.normalize("NFD", on_disk).encode("ascii", "ignore").decode().replace(" ", "_")
    if other == on_disk:
        other = "x" + on_disk
    (tmp_path / other).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / other).write_bytes(b"%PDF-1.4")
    value = field.replace("{base}", str(tmp_path).lstrip("/"))
    (name,) = file_names(value, tmp_path)
    assert not name.path.exists()
    # what kb says it looked for is the name as a person reads it, never LaTeX read as '"{u}'
    assert all(str(p).endswith(on_disk) for p in name.looked[:1])


@pytest.mark.parametrize("form, other", [("NFD", "NFC"), ("NFC", "NFD")])
def test_a_name_composed_otherwise_than_the_file_on_disk_is_that_file(tmp_path, form, other):
    name = "Schölkopf - Lernen é.pdf"
    (tmp_path / unicodedata.normalize(form, name)).write_bytes(b"%PDF-1.4")
    (found,) = file_paths(f":{unicodedata.normalize(other, name)}:pdf", tmp_path)
    assert found.exists() and found.name == unicodedata.normalize(form, name)


def test_the_name_as_written_is_taken_before_its_latex_read(tmp_path):
    (tmp_path / "a{b}.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "ab.pdf").write_bytes(b"%PDF-1.4")
    assert file_paths(":a{b}.pdf:PDF", tmp_path) == [tmp_path / "a{b}.pdf"]


@pytest.mark.parametrize("field", [
    r":M{\foo{u}}ller.pdf:pdf",         # a command that names no letter
    r":Muller\".pdf:pdf",               # an accent on nothing
    r":\textbf{x}.pdf:pdf",
])
def test_latex_naming_no_letter_reads_no_other_name(tmp_path, field):
    (tmp_path / "Muller.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "Müller.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    assert not any(p.exists() for p in file_paths(field, tmp_path))


@pytest.mark.parametrize("field, windows", [
    ("file:///C:/Users/me/My%20Paper.pdf", "C:/Users/me/My Paper.pdf"),
    (r":C$\backslash$:/Users/me/M{\"{u}}ller.pdf:pdf", "C:/Users/me/Müller.pdf"),
    (r"Full Text PDF:C\:\\Users\\me\\x.pdf:application/pdf", "C:/Users/me/x.pdf"),
])
def test_a_windows_drive_is_said_as_its_path_reads(tmp_path, field, windows):
    (name,) = file_names(field, tmp_path)
    assert str(name.path) == windows


@pytest.mark.parametrize("field", ["file:///tmp/%FF%FE.pdf", "file:///tmp/a%00b.pdf"])
def test_an_address_escaping_no_utf8_names_no_file(tmp_path, field):
    (name,) = file_names(field, tmp_path)
    assert not name.path.exists() and "\0" not in str(name.path)


def test_kb_import_attaches_a_mendeley_name_and_says_a_windows_address(kb_root, tmp_path):
    pdf = corpus_path("pdf", "turing-1950-computing-machinery-and-intelligence.pdf")
    lib = tmp_path / "lib"
    (lib / "Mendeley Desktop").mkdir(parents=True)
    (lib / "Mendeley Desktop" / "Türing - 1950.pdf").write_bytes(pdf.read_bytes())
    (lib / "refs.bib").write_text(
        "@article{turing1950,\n  title = {Computing Machinery and Intelligence},\n  author = {Turing, A. M.},\n"
        "  journal = {Mind},\n  year = {1950},\n"
        "  file = {:Mendeley Desktop/T{\\\"{u}}ring - 1950.pdf:pdf;:Mendeley Desktop/M{\\\"{u}}ller.pdf:pdf}\n}\n"
        "@misc{win,\n  title = {A Windows Library},\n  author = {Doe, Jane},\n  year = {2020},\n"
        "  file = {file:///C:/Users/me/My%20Paper.pdf}\n}\n", "utf-8")
    kb = open_kb(kb_root)
    out = import_bib(kb, lib / "refs.bib")
    assert len(out.attached) == 1 and out.attached[0].startswith("turing1950") and "Türing" in out.attached[0]
    said = " ".join(out.warnings)
    assert "Müller.pdf" in said and "on a Windows drive" in said and "C:/Users/me/My Paper.pdf" in said, said
    # kept byte for byte: the field as Mendeley wrote it
    assert 'M{\\"{u}}ller.pdf' in kb.layout.bib.read_text("utf-8")
