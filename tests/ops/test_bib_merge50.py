"""Metadata filling an entry kb guessed from a PDF keeps what the person wrote in it."""

from __future__ import annotations

import re

import pytest
from httpserver import Reply
from kbrun import run_kb
from pdfgen import make_pdf


@pytest.mark.parametrize("held, fetched", [
    ("{Über-Models}: {BERT} Energy at Scale", "Über-Models: BERT Energy at Scale"),
    ('{\\"U}ber-Models: the {BERT} Energy at Scale', "Über-Models: The BERT Energy at Scale"),
])
def test_a_guessed_entrys_field_the_person_edited_is_kept_when_the_record_says_the_same(
        kb_root, server, tmp_path, held, fetched):
    """A title fixed by hand in an entry kb guessed from its PDF ({BERT} braced against lower-casing, an
    accent in LaTeX) was replaced by the record's unsaid when the paper was added again with its DOI; a
    field the record replaces is said with what it held."""
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(make_pdf(["Uber-Models: BERT Energy at Scale", "Jane Doe", "We measure energy."],
                             title="Uber-Models: BERT Energy at Scale", author="Jane Doe"))
    assert run_kb("add", str(pdf), "--offline", "-j", "1").code == 0
    bib = kb_root / "references.bib"
    text = bib.read_text()
    key = re.search(r"@\w+\{([^,]+),", text).group(1)
    text = re.sub(r"title = \{.*\},\n", lambda m: "title = {" + held + "},\n", text, count=1)
    text = text.replace("  author = ", "  url = {https://example.org/mine},\n  author = ", 1)
    bib.write_text(text)
    server.routes["/doi/10.5555/m.1"] = Reply(200, (
        "@article{Doe_2020, title={" + fetched + "}, author={Doe, Jane}, journal={J. Energy}, year={2020}, "
        "url={http://dx.doi.org/10.5555/m.1}, doi={10.5555/m.1}}").encode(), {"Content-Type": "application/x-bibtex"})
    r = run_kb("add", "doi:10.5555/m.1", str(pdf), "-j", "1")
    assert r.code == 0, r.err
    after = bib.read_text()
    assert "title = {" + held + "}," in after, after
    assert "journal = {J. Energy}" in after
    assert re.search(r"url \(was 'https://example.org/mine'\)", r.err), r.err
    assert key in after


@pytest.mark.parametrize("imported, said", [
    ("@article{lee_gpu_2021, title = {The GPU Footprint}, author = {Lee, Y}, year = {2021}, doi = {10.5/GPU},\n"
     "  journal = {J. ML}, volume = {3}}\n", "Lee2021 took journal, volume from lee_gpu_2021"),
    ("@article{Lee2021, title = {The GPU Footprint}, author = {Lee, Y}, year = {2021}, doi = {10.5/gpu},\n"
     "  Abstract = {We {\\em measure}.}}\n", "Lee2021 took abstract from Lee2021"),
])
def test_kb_import_fill_says_each_field_it_merged_into_an_entry(kb_root, tmp_path, imported, said):
    """kb import --fill merged fields into the person's entry saying only 'updated: Lee2021'."""
    (kb_root / "references.bib").write_text(
        "@article{Lee2021,\n\tTitle\t= {The {GPU} Footprint},\n\tauthor = {Lee, Y},\n\tyear = 2021,\n"
        "\tdoi = {10.5/gpu},\n}\n")
    src = tmp_path / "in.bib"
    src.write_text(imported)
    r = run_kb("import", "--fill", str(src))
    assert r.code == 0, r.err
    assert f"{src}:1: {said}\n" in r.err, r.err


@pytest.mark.parametrize("more, said", [(", number={3}", "added number from the metadata"),
                                        (", pages={1--9}, publisher={P}", "added pages from the metadata")])
def test_kb_add_again_says_each_field_the_metadata_added_to_its_entry(kb_root, server, more, said):
    """kb add --refresh wrote a field the record had gained into kb's entry saying only 'updated'
    (a field its type does not take, written by no one, is not named)."""
    record = ("@article{Doe_2020, title={Energy at Scale}, author={Doe, Jane}, journal={J. Energy}, year={2020}, "
              "doi={10.5555/m.2}%s}")
    server.routes["/doi/10.5555/m.2"] = Reply(200, (record % "").encode(), {"Content-Type": "application/x-bibtex"})
    assert run_kb("add", "doi:10.5555/m.2").code == 0
    server.routes["/doi/10.5555/m.2"] = Reply(200, (record % more).encode(), {"Content-Type": "application/x-bibtex"})
    r = run_kb("add", "doi:10.5555/m.2", "--refresh")
    assert r.code == 0 and r.out.startswith("updated"), (r.out, r.err)
    assert f": {said}\n" in r.err, r.err


@pytest.mark.parametrize("theirs, tags", [("", "classic"), (", keywords = {ai; mind}", "ai; mind; classic")])
def test_a_persons_entry_replacing_kbs_guess_keeps_the_tags_and_fields_they_gave_the_guess(
        kb_root, tmp_path, theirs, tags):
    """The tags kb tag wrote in kb's guess from a PDF, and a note written in by hand, were dropped unsaid
    when kb import filed the person's entry for that paper in its place."""
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(make_pdf(["COMPUTING MACHINERY AND INTELLIGENCE\nBy A. M. Turing\nCan machines think?"],
                             title="Computing Machinery and Intelligence", author="A. M. Turing"))
    assert run_kb("add", str(pdf), "--offline", "-j", "1").code == 0
    key = run_kb("ls", "--json").json[0]["citekey"]
    assert run_kb("tag", key, "+classic").code == 0
    bib = kb_root / "references.bib"
    bib.write_text(bib.read_text().replace("  author = ", "  note = {my own note},\n  author = ", 1))
    src = tmp_path / "in.bib"
    src.write_text("@article{turing1950, title = {Computing machinery and intelligence}, author = {Turing, Alan M},"
                   f" journal = {{Mind}}, year = {{1950}}{theirs}}}\n")
    r = run_kb("import", str(src))
    assert r.code == 0, r.err
    after = bib.read_text()
    assert "note = {my own note}" in after and "keywords = {" + tags + "}" in after, after
    assert "of kb's entry beside yours" in r.err, r.err


@pytest.mark.parametrize("held, name, value, written", [
    ('keywords = "energy"', "keywords", "energy, ml", 'keywords = "energy, ml"'),
    ('ids = "old2,old3"', "ids", "old2,old3,b2020", 'ids = "old2,old3,b2020"'),
    ("version = 2", "version", "3", "version = 3"),
    ('note = "a"', "note", 'say {"}hi{"}', 'note = "say {"}hi{"}"'),
])
def test_a_field_kb_rewrites_keeps_the_delimiters_it_was_written_with(held, name, value, written):
    """kb tag of keywords = "energy" wrote keywords = {energy, ml}; kb rename of ids = "old2,old3" wrote
    ids = {old2, old3, b2020}."""
    from kb.sources.bibtex import BibFile

    bibfile = BibFile("@misc{b2020,\n  title = {T},\n  " + held + ",\n}\n")
    bibfile.set_entry("b2020", "misc", {name: value}, fit=False)
    assert f"  {written},\n" in bibfile.render(), bibfile.render()


def test_kb_rename_adds_the_old_key_to_ids_parted_as_they_are(kb_root):
    (kb_root / "references.bib").write_text('@article{b2020,\n  title = {Beta},\n  author = {C, D},\n'
                                            '  year = 2020,\n  ids = {old2,old3}\n}\n')
    assert run_kb("rename", "b2020", "b2020x").code == 0
    assert "  ids = {old2,old3,b2020}\n" in (kb_root / "references.bib").read_text()


@pytest.mark.parametrize("name", ["Volume", "DOI"])
def test_kb_import_fill_writes_a_field_named_as_the_imported_file_spells_it(kb_root, tmp_path, name):
    (kb_root / "references.bib").write_text("@article{Lee2021,\n  Title = {The {GPU} Footprint},\n"
                                            "  author = {Lee, Y},\n  year = 2021,\n}\n")
    src = tmp_path / "in.bib"
    src.write_text("@article{Lee2021, title = {The GPU Footprint}, author = {Lee, Y}, year = {2021}, "
                   f"{name} = {{10.5/x}}}}\n")
    assert run_kb("import", "--fill", str(src)).code == 0
    assert f"  {name} = {{10.5/x}}" in (kb_root / "references.bib").read_text()
