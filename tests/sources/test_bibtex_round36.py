"""BibTeX as exporters and people write it: read as BibTeX reads it, never refused or
misread where BibTeX reads it plainly."""

from __future__ import annotations

import pytest
from kbrun import run_kb

from kb.errors import FileFormatError
from kb.sources.bibtex import BibFile, compare_reading, cross_check, rekeyed, same_value
from kb.sources.metadata import from_bib_fields

# -- a month macro joined to text: pybtex spells it out ("June"), kb writes "Jun" -----------------

MONTH_JOINED = {
    "ACL's days after the month": '@inproceedings{a, title = {T}, year = 2007, month = jun # " 25--29"}\n',
    "a tie before the day": '@inproceedings{a, title = {T}, year = 2020, month = sep # "~1"}\n',
    "a month in a note": '@misc{a, title = {T}, note = "Accepted " # jun # { 2020}}\n',
    "two months": '@misc{a, title = {T}, month = jan # "--" # feb}\n',
}


@pytest.mark.parametrize("name", MONTH_JOINED)
def test_a_month_macro_joined_to_text_is_read_alike_by_both_readings(name):
    cross_check(BibFile(MONTH_JOINED[name], "m.bib"))       # was 'read two ways', the file refused


def test_a_month_the_second_reading_reads_otherwise_is_still_refused():
    bib = BibFile(MONTH_JOINED["ACL's days after the month"], "m.bib")
    with pytest.raises(FileFormatError, match="'month': read two ways"):
        compare_reading(bib, {"entries": {"a": {"title": "T", "year": "2007", "month": "July 25--29"}}})


# -- a DOI as exporters write it -----------------------------------------------------------------

DOIS = {
    "JabRef's link": ({"doi": "https://doi.org/10.1038/s41586-020-0001-1"}, "10.1038/s41586-020-0001-1"),
    "Crossref's old link": ({"doi": "http://dx.doi.org/10.1007/BF01700692"}, "10.1007/bf01700692"),
    "after doi:": ({"doi": "doi:10.1145/3442188.3445922"}, "10.1145/3442188.3445922"),
    "after DOI and a space": ({"doi": "DOI: 10.1145/3442188.3445922"}, "10.1145/3442188.3445922"),
    "Mendeley's escaped underscore": ({"doi": "10.1007/978-3-319-24574-4\\_28"}, "10.1007/978-3-319-24574-4_28"),
    "a link percent-encoded": ({"doi": "https://doi.org/10.1002/%28SICI%291097-4636"}, "10.1002/(sici)1097-4636"),
    "a url to doi.org and no doi": ({"url": "https://doi.org/10.1109/CVPR.2016.90"}, "10.1109/cvpr.2016.90"),
    "plain": ({"doi": "10.18653/v1/N19-1423"}, "10.18653/v1/n19-1423"),
    "a doi field before the url": ({"doi": "10.1234/a", "url": "https://doi.org/10.5678/b"}, "10.1234/a"),
    "no DOI at all": ({"doi": "see the publisher's site"}, None),
    "a url elsewhere": ({"url": "https://example.org/10.1109/x"}, None),
}


@pytest.mark.parametrize("name", DOIS)
def test_a_doi_is_read_as_exporters_write_it(name):
    fields, doi = DOIS[name]
    assert from_bib_fields("article", {"title": "T", **fields}).doi == doi


# -- an entry imported again for a paper kb holds: what it says otherwise is said ---------------

SAME = [
    ("title", "{BERT}: {Pre}-training of {Deep} Transformers", "{BERT:} Pre-training of Deep Transformers"),
    ("title", "Attention Is All You Need", "Attention is All you Need"),
    ("author", "Vaswani, Ashish and Shazeer, Noam", "Ashish Vaswani and\n   Noam Shazeer"),
    ("author", "Chang, Ming-Wei", "Ming{-}Wei Chang"),
    ("pages", "4171--4186", "4171-4186"),
    ("month", "Jun", "June"),
    ("doi", "10.18653/v1/N19-1423", "https://doi.org/10.18653/v1/n19-1423"),
    # an export made before kb filed the version names the paper without it: it says less, nothing else
    ("eprint", "2206.10883v3", "2206.10883"),
    ("eprint", "2206.10883v3", "arXiv:2206.10883"),
    ("eprint", "hep-th/9901001v2", "hep-th/9901001"),
]
DIFFERENT = [
    ("pages", "4171--4186", "4171--4187"),
    ("author", "Smith, J.", "Smith, John"),
    ("author", "Devlin, Jacob and Chang, Ming-Wei", "Devlin, Jacob"),
    ("year", "2018", "2019"),
    ("month", "Jun", "Jul"),
    ("doi", "10.1234/a", "10.1234/b"),
    ("address", "Minneapolis, Minnesota", "Minneapolis, MN"),
    ("eprint", "2206.10883v3", "2206.10883v2"),
    ("eprint", "2206.10883", "2206.10883v3"),       # theirs names a version references.bib does not
    ("eprint", "2206.10883v3", "2206.10884"),
    ("eprint", "hep-th/9901001v2", "hep-th/9901002"),
]


@pytest.mark.parametrize("name, ours, theirs", SAME + DIFFERENT)
def test_two_values_of_a_field_are_the_same_as_a_person_reads_them(name, ours, theirs):
    assert same_value(name, ours, theirs) is ((name, ours, theirs) in SAME)


def test_an_entry_imported_again_with_other_values_keeps_references_bibs_and_says_which(kb_root, tmp_path):
    """Pages corrected in Zotero since the first import: 'already present', exit 0, and the
    correction was lost without a word."""
    first = "@inproceedings{devlin2019,\n  title = {BERT},\n  author = {Devlin, Jacob},\n" \
            "  year = {2019},\n  pages = {4171--4186},\n  month = jun,\n  keywords = {nlp},\n}\n"
    (tmp_path / "a.bib").write_text(first)
    assert run_kb("import", tmp_path / "a.bib").code == 0
    bib = (kb_root / "references.bib").read_bytes()
    (tmp_path / "b.bib").write_text(first.replace("4186", "4187").replace("jun", "{June}"))
    r = run_kb("import", tmp_path / "b.bib")
    assert r.code == 0 and (kb_root / "references.bib").read_bytes() == bib
    assert "b.bib:1: devlin2019 kept as references.bib holds it: pages differs here (pages '4171--4187', " \
           "references.bib '4171--4186')" in r.err and r.err.count("\n") == 1, r.err
    assert run_kb("tag", "devlin2019", "+energy").code == 0
    assert run_kb("import", tmp_path / "a.bib").err == ""        # the same values, a tag given since: nothing to say


def test_a_key_kb_rename_kept_in_ids_is_its_papers_key_to_an_import(kb_root, tmp_path):
    """After kb rename foo2020 bar2020, the file first imported ('Foo Paper', too short a title
    to be matched by title) made the paper a second time under foo2020; and an entry of
    another work keyed foo2020 took the key notes cite bar2020 by, without a word."""
    (tmp_path / "a.bib").write_text("@article{foo2020, title = {Foo Paper}, author = {Foo, A}, year = 2020}\n")
    assert run_kb("import", tmp_path / "a.bib").code == 0
    assert run_kb("rename", "foo2020", "bar2020").code == 0
    r = run_kb("import", tmp_path / "a.bib", "--json")
    assert r.code == 0 and r.json["unchanged"] == ["bar2020"] and r.json["added"] == [], r.out
    (tmp_path / "b.bib").write_text("@article{foo2020, title = {Unrelated Work Here}, author = {Zed, Q}, year = 2019}\n")
    r = run_kb("import", tmp_path / "b.bib", "--json")
    assert r.code == 0 and r.json["added"] == ["zed2019unrelated"], r.out
    assert "b.bib:1: key 'foo2020' is already another key of bar2020 (its ids field); filed as zed2019unrelated" \
        in r.err, r.err
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["bar2020", "zed2019unrelated"]


def test_a_key_written_by_hand_that_another_entry_keeps_in_its_ids_is_a_problem_doctor_names(kb_root):
    """kb doctor found nothing to repair, while a note citing foo2020 (bar2020's key before kb
    rename) named the entry added by hand under it, and biber skipped the alias."""
    bib = kb_root / "references.bib"
    bib.write_text("@article{bar2020, title = {Foo Paper}, author = {Foo, A}, year = 2020,\n  ids = {foo2020}}\n\n"
                   "@article{Foo2020, title = {Unrelated}, author = {Zed, Q}, year = 2019}\n")
    r = run_kb("doctor")
    assert r.code == 1 and "problem: references.bib:2: entry bar2020 lists foo2020 in its ids, but BibTeX reads " \
        "foo2020 as Foo2020, the key of the entry on line 4" in r.out and "kb rename Foo2020 NEW" in r.out, r.out
    bib.write_text(bib.read_text().replace("Foo2020", "zed2019"))
    assert run_kb("doctor").code == 0
    # an imported entry so written is taken as written, and said, where the import was silent
    (kb_root / "x.bib").write_text("@article{x2021, title = {Ex}, author = {X, B}, year = 2021, ids = {ZED2019}}\n")
    r = run_kb("import", kb_root / "x.bib")
    assert r.code == 0 and "x.bib:1: x2021 keeps ZED2019 in its ids, but ZED2019 is the key of another paper here" \
        in r.err, r.err


# -- an entry written under another key: the key where BibTeX reads it, nothing else ---------------

REKEYED = [
    ("@article{a, title = {Second Work (with parens)}}", "a", "@article{new, title = {Second Work (with parens)}}"),
    ("@inproceedings{in,\n  title = {In the beginning}}", "in", "@inproceedings{new,\n  title = {In the beginning}}"),
    ("@ARTICLE ( art , title = {Art})", "art", "@ARTICLE ( new , title = {Art})"),
    ("@my-type{my, title = {my}}", "my", "@my-type{new, title = {my}}"),
    ("% @misc{x}\n@misc{x}", "x", "% @misc{x}\n@misc{new}"),
    ("@misc{ab}", "a", None),
]


@pytest.mark.parametrize("text, old, expected", REKEYED)
def test_an_entry_is_rekeyed_where_bibtex_reads_its_key(text, old, expected):
    if expected is None:
        with pytest.raises(ValueError):
            rekeyed(text, old, "new")
    else:
        assert rekeyed(text, old, "new") == expected


def test_an_import_filing_an_entry_under_a_key_of_its_own_changes_its_key_alone(kb_root, tmp_path):
    """The key 'a' was taken: the new key went into the first 'a' after the first '(' (the title's
    'with pzed2021secondrens') and the entry kept 'a', so references.bib held it twice and every
    command after was refused."""
    (tmp_path / "1.bib").write_text("@article{a, title = {First Paper Ever Written}, author = {A, B}, year = 2020}\n")
    second = "@article{a, title = {Second Work (with parens)}, author = {Zed, Q}, year = 2021}\n"
    (tmp_path / "2.bib").write_text(second)
    assert run_kb("import", tmp_path / "1.bib").code == 0
    r = run_kb("import", tmp_path / "2.bib")
    assert r.code == 0 and "filed as zed2021second" in r.err, r.err
    assert (kb_root / "references.bib").read_text().endswith("\n\n" + second.replace("{a,", "{zed2021second,"))
    assert run_kb("show", "zed2021second", "--json").json["title"] == "Second Work (with parens)"


# -- a crossref naming its parent in another case, or by a key the parent had ----------------------

PARENT = "@proceedings{Conf2020, title = {Proc of Conf}, year = 2020, editor = {E, F}, ids = {oldconf}}\n"


@pytest.mark.parametrize("named", ["conf2020", "CONF2020", "oldconf", "Conf2020"])
def test_a_crossref_bibtex_or_biber_resolves_is_kept_and_written_as_its_parents_key(named):
    """kb export bib dropped `crossref = {conf2020}` ('no such entry') with the year and venue
    it lends, though BibTeX matches keys whatever their case and the index lent them."""
    bib = BibFile(f"@inproceedings{{child, title = {{Child}}, author = {{C, D}}, crossref = {{{named}}}}}\n" + PARENT)
    text, changes = bib.shaped_text("child")
    assert "crossref = {Conf2020}" in text and "year = {2020}" in text and "booktitle = {Proc of Conf}" in text
    assert ("crossref as its parent's key" in dict(changes)) is (named != "Conf2020")
    assert bib.named(named).key == "Conf2020"


def test_a_crossref_to_no_entry_is_still_dropped_and_said():
    bib = BibFile("@inproceedings{child, title = {Child}, author = {C, D}, crossref = {nothing}}\n" + PARENT)
    text, changes = bib.shaped_text("child")
    assert "crossref" not in text and "crossref dropped" in dict(changes) and bib.named("nothing") is None


def test_an_xdata_entry_is_exported_as_written():
    """@xdata became @misc (its publisher a howpublished): the entries naming it lost its fields."""
    text = "@xdata{springer, publisher = {Springer}, location = {Berlin}}\n"
    assert BibFile(text).shaped_text("springer") == (text.strip("\n"), [])


def test_export_bib_of_a_child_brings_what_its_crossref_and_xdata_name(kb_root):
    (kb_root / "references.bib").write_text(
        "@inproceedings{child, title = {Child Paper}, author = {C, D}, crossref = {conf2020}, xdata = {pub}}\n\n"
        + PARENT + "\n@xdata{pub, publisher = {Springer}}\n")
    r = run_kb("export", "bib", "-p", "child", "-o", "-")
    assert r.code == 0 and "crossref = {Conf2020}" in r.out and "@proceedings{Conf2020," in r.out, r.out + r.err
    assert "@xdata{pub, publisher = {Springer}}" in r.out, r.out


# -- Mendeley's file fields ---------------------------------------------------------------------

def test_mendeleys_file_fields_name_the_files_mendeley_meant(tmp_path):
    """`:C$\\backslash$:/Users/...` was read as 'C$backslash$:/Users/...', and a Linux path Mendeley
    writes without its leading '/' as a file beside the .bib: no PDF of a Mendeley library attached."""
    from kb.sources.bibtex import file_paths

    pdf = tmp_path / "Mendeley Desktop" / "Smith - 2020.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.4\n")
    beside = tmp_path / "library"
    beside.mkdir()
    assert file_paths(f":{str(pdf).lstrip('/')}:pdf", beside) == [pdf]
    # a Windows drive's path names no file beside the .bib (kb import says so: test_bibtex_round38)
    assert [str(p) for p in file_paths(r":C$\backslash$:/Users/me/Documents/x.pdf:pdf", beside)] == [
        "C:/Users/me/Documents/x.pdf"]
    (beside / "papers").mkdir()
    (beside / "papers" / "a.pdf").write_bytes(b"%PDF-1.4\n")
    assert file_paths(":papers/a.pdf:pdf", beside) == [beside / "papers/a.pdf"]      # beside the .bib first
    assert file_paths(":papers/none.pdf:pdf", beside) == [beside / "papers/none.pdf"]


def test_an_imported_child_names_its_parent_by_the_key_the_parent_was_filed_under(kb_root, tmp_path):
    """The parent's key 'conf' was another paper's here: the parent was filed as anon2021proceedings
    and the child's crossref still named 'conf', whose year and venue (1999, Old J) it took."""
    (tmp_path / "1.bib").write_text("@article{conf, title = {Unrelated}, author = {Q, R}, year = 1999, "
                                    "journal = {Old J}}\n")
    assert run_kb("import", tmp_path / "1.bib").code == 0
    (tmp_path / "2.bib").write_text("@inproceedings{kid, title = {Kid}, author = {K, L}, crossref = {conf}}\n\n"
                                    "@proceedings{conf, title = {Proceedings of the Conf 2021}, year = 2021}\n")
    r = run_kb("import", tmp_path / "2.bib")
    assert r.code == 0 and "2.bib:1: kid's crossref conf written anon2021proceedings, the key that entry was " \
        "filed under" in r.err, r.err
    assert "@inproceedings{kid, title = {Kid}, author = {K, L}, crossref = {anon2021proceedings}}" \
        in (kb_root / "references.bib").read_text()
    kid = run_kb("show", "kid", "--json").json
    assert (kid["year"], kid["venue"]) == (2021, "Proceedings of the Conf 2021")
    r = run_kb("import", tmp_path / "2.bib")          # again: nothing changed, nothing said of the crossref
    assert r.code == 0 and "crossref" not in r.err, r.err


def test_a_file_holding_a_paper_twice_records_the_second_key_as_it_says(kb_root, tmp_path):
    """A Zotero library holding one paper twice: 'recorded smith2020b in its ids field' was said
    and nothing recorded (smith2020b named no paper), and the second entry's pages were lost unsaid."""
    (tmp_path / "d.bib").write_text(
        "@article{smith2020a, title = {A Long Enough Title For Matching}, author = {Smith, J}, year = 2020}\n\n"
        "@article{smith2020b, title = {A Long Enough Title for Matching}, author = {Smith, J}, year = 2020,\n"
        "  pages = {5--9}, note = {Second copy}}\n")
    r = run_kb("import", tmp_path / "d.bib", "--json")
    assert r.code == 0 and r.json["added"] == ["smith2020a"] and r.json["updated"] == [], r.out
    assert "smith2020a kept as you wrote it (kb adds fields only to entries it wrote): did not write note, pages" \
        in r.err, r.err
    assert run_kb("show", "smith2020b", "--json").json["citekey"] == "smith2020a"
    assert (kb_root / "references.bib").read_text() == "@article{smith2020a, title = {A Long Enough Title For " \
        "Matching}, author = {Smith, J}, year = 2020,\nids = {smith2020b}}\n"
