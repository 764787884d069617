"""BibTeX as people bring it, round 37: entries that are data for papers named by their key,
children kept before their parents, comment lines inside an entry, words a PDF split."""

from __future__ import annotations

import pytest
from kbrun import run_kb

from kb.sources.bibtex import BibFile

# -- an @xdata or @set named by its key: an entry of references.bib, no paper ---------------------

DATA = """@xdata{springer, publisher = {Springer}, location = {Berlin}}

@xdata{lncs, xdata = {Springer}, series = {LNCS}}

@book{knuth68, author = {Knuth, Donald}, title = {Art One}, year = 1968, xdata = {springer}}

@inproceedings{lee99, author = {Lee, Ann}, title = {A Paper}, year = 1999, booktitle = {Conf}, xdata = {lncs}}

@article{a1, author = {Smith, Ann}, title = {First}, journal = {J}, year = 2001}

@article{a2, author = {Jones, Bob}, title = {Second}, journal = {J}, year = 2002}

@set{grp, entryset = {a1, A2, gone}}

@xdata{unused, publisher = {Nobody}}
"""


def test_data_entries_name_the_papers_they_are_for():
    bib = BibFile(DATA)
    assert bib.data_users("grp") == ["a1", "a2"]               # a member in another case; one of no entry out
    assert bib.data_users("springer") == ["knuth68", "lee99"]  # through an @xdata naming it
    assert bib.data_users("LNCS") == ["lee99"] and bib.data_users("unused") == []
    assert bib.data_entry("a1") is None and bib.data_users("a1") == [] and bib.data_entry("nope") is None


def test_show_and_export_take_the_key_of_an_xdata_or_set(kb_root):
    """`kb show springer` and `kb export bib --cite grp` said "no paper"."""
    (kb_root / "references.bib").write_text(DATA)
    r = run_kb("show", "GRP")
    assert r.code == 0 and "@set" in r.out and "a1, a2" in r.out and "gone" in r.out, r.out + r.err
    assert "@set{grp, entryset = {a1, A2, gone}}" in r.out
    info = run_kb("show", "springer", "--json").json
    assert (info["entry_type"], info["papers"], info["missing"]) == ("xdata", ["knuth68", "lee99"], [])
    out = run_kb("export", "bib", "--cite", "grp", "-o", "-").out
    assert [line.split(",")[0] for line in out.splitlines() if line.startswith("@")] == ["@article{a1", "@article{a2",
                                                                                       "@set{grp"]
    out = run_kb("export", "bib", "--cite", "springer", "-o", "-").out
    assert sorted(line.split(",")[0] for line in out.splitlines() if line.startswith("@")) == [
        "@book{knuth68", "@inproceedings{lee99", "@xdata{lncs", "@xdata{springer"]
    # what names no paper stays refused, in one line
    for args in (("show", "nope"), ("export", "bib", "--cite", "nope"), ("export", "bib", "--cite", "unused")):
        r = run_kb(*args)
        assert r.code == 2 and len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err, (args, r.err)
    assert "unused" in run_kb("export", "bib", "--cite", "unused").err
    # the commands that change a paper say what the key is, not that no paper has it
    for args in (("rm", "springer"), ("tag", "Grp", "+x"), ("text", "show", "lncs")):
        r = run_kb(*args)
        assert r.code == 2 and "entry of references.bib" in r.err and "no paper '" not in r.err, (args, r.err)
    assert DATA == (kb_root / "references.bib").read_text()


# -- '%' comments inside an entry: comments, as biber reads them ----------------------------------

COMMENTED = [
    # (entry, the fields read)
    ("@article{z,\n  title = {T},\n  % note = {x},\n  year = {2020},\n}", {"title": "T", "year": "2020"}),
    ("@article{z,\n  title = {T},\n  %   abstract = {a {b} c, and}\n  year = 2020\n  % file = {a.pdf},\n}",
     {"title": "T", "year": "2020"}),
    ("@article{z, % after the key\n  title = {T}, % after a field\n  journal = % before its value\n {J}}",
     {"title": "T", "journal": "J"}),
    ("@article{z,\n  %note={n}, author = {C D},\n  title = {50% off} # \" \" % between pieces\n # {now}}",
     {"title": "50% off now"}),
]


@pytest.mark.parametrize("text, fields", COMMENTED)
def test_a_comment_inside_an_entry_is_no_field(text, fields):
    """`  % note = {x},` as Zotero and JabRef users write it was refused, as pybtex refuses it."""
    from kb.sources.bibtex import cross_check, screen_reading

    bib = BibFile(text + "\n")
    assert bib.entry("z").fields == fields
    assert bib.render() == text + "\n"
    cross_check(bib)                    # pybtex reads the same fields, the comments blanked
    assert screen_reading(bib) is None  # and so does kb's own second reading
    shaped, changes = bib.shaped_text("z")
    assert "%" not in shaped.replace("50% off", "") and "comments dropped" in dict(changes)
    assert BibFile(shaped).entry("z").fields == fields


@pytest.mark.parametrize("text", [
    "@article{z,\n  title = {T} % , note = {x}\n  year = {2020},\n}\n",    # the comma commented out
    "@article{z,\n  title = {T},\n  year = {2020} % }\n",                  # the closing brace commented out
    "@article{z,\n  title = % {T},\n}\n",                                  # the value commented out
])
def test_what_a_comment_takes_away_is_taken_away(text):
    """Refused as biber refuses it, named at what follows the comment, not at its '%'."""
    from kb.errors import FileFormatError

    with pytest.raises(FileFormatError, match="BibTeX syntax error") as caught:
        BibFile(text)
    assert "'%'" not in str(caught.value) and "expected" in str(caught.value)


STRINGS = ("@preamble{ % for the sort\n \"\\newcommand{\\noopsort}[1]{}\" }\n\n"
           "@string{acm = {ACM} % the publisher\n}\n\n@string{ieee = % its society\n {IEEE}}\n\n"
           "@misc{s1, title = {T}, year = 2020, howpublished = acm # { and } # ieee}\n")


def test_a_comment_inside_a_string_definition_is_no_part_of_it(kb_root):
    from kb.sources.bibtex import cross_check

    bib = BibFile(STRINGS)
    assert bib.strings == {"acm": "ACM", "ieee": "IEEE"} and bib.entry("s1").fields["howpublished"] == "ACM and IEEE"
    cross_check(bib)
    (kb_root / "references.bib").write_text(STRINGS)
    assert run_kb("export", "bib", "--as-stored").out == STRINGS
    shaped = run_kb("export", "bib").out
    assert "%" not in shaped and BibFile(shaped).entry("s1").fields["howpublished"] == "ACM and IEEE"


def test_import_keeps_commented_lines_byte_for_byte(kb_root, tmp_path):
    text = COMMENTED[1][0].replace("{z,", "{zot2020,").replace("title = {T}", "title = {A Zotero Entry}")
    (tmp_path / "in.bib").write_text(text + "\n")
    r = run_kb("import", str(tmp_path / "in.bib"))
    assert r.code == 0, r.err
    assert text in (kb_root / "references.bib").read_text()
    assert set(run_kb("show", "zot2020", "--json").json["fields"]) == {"title", "year"}


# -- a child imported after its parent: written before it, as classic BibTeX reads them --------------

FILE = ("@string{acm = {ACM}}\n\n@article{first, title = {First}, journal = acm, year = 2019}\n\n"
        "% the proceedings\n% of 2020\n@proceedings{conf, title = {Proc}, year = 2020}\n\n"
        "@xdata{pub, publisher = {Springer}}\n\n@article{last, title = {Last}, journal = {J}, year = 2021}\n")
CHILD = "@inproceedings{child, title = {Child}, crossref = {Conf}, pages = {1--2}}"


@pytest.mark.parametrize("added, order", [
    # (entries appended, in that order; the keys of the file written, in order)
    ([CHILD], ["first", "child", "conf", "pub", "last"]),
    # naming no entry, or itself: stays at the end
    ([CHILD, "@inproceedings{grand, title = {G}, crossref = {child}}", "@misc{free, title = {F}}",
      "@inproceedings{x, title = {X}, crossref = {nowhere}}", "@inproceedings{y, title = {Y}, crossref = {y}}"],
     ["first", "grand", "child", "conf", "pub", "last", "free", "x", "y"]),
    (["@misc{u, title = {U}, xdata = {pub}}", "@misc{v, title = {V}, xref = {last}}"],
     ["first", "conf", "u", "pub", "v", "last"]),
    # both new, the parent first: the child goes before it, at the end
    (["@proceedings{p2, title = {P2}, year = 2022}", "@inproceedings{c2, title = {C2}, crossref = {p2}}"],
     ["first", "conf", "pub", "last", "c2", "p2"]),
])
def test_a_new_child_is_written_before_the_entry_it_names(added, order):
    bib = BibFile(FILE)
    for text in added:
        bib.append_raw(text, text.split("{")[1].split(",")[0])
    out = bib.render()
    assert [e.key for e in BibFile(out).entries()] == order == [e.key for e in bib.all_entries()]
    for text in added:
        out = out.replace(text + "\n\n", "", 1) if text + "\n\n" in out else out.replace("\n\n" + text, "", 1)
    assert out == FILE          # the file's own text kept, byte for byte, where it was


def test_a_moved_child_takes_its_new_macros_and_waits_for_the_files():
    bib = BibFile(FILE)
    bib.append_raw("@string{lncs = {LNCS}}")
    bib.append_raw("@inproceedings{c, title = {C}, crossref = {conf}, series = lncs # { 12}}", "c")
    out = bib.render()
    assert out.index("@string{lncs") < out.index("@inproceedings{c") < out.index("% the proceedings")
    assert BibFile(out).entry("c").fields["series"] == "LNCS 12"
    # a macro the file defines only after the parent: classic BibTeX would not know it there
    late = FILE + "\n@string{late = {Late}}\n"
    bib = BibFile(late)
    bib.append_raw("@inproceedings{c, title = {C}, crossref = {conf}, series = late}", "c")
    assert bib.render().endswith("@inproceedings{c, title = {C}, crossref = {conf}, series = late}\n")


def test_import_of_a_child_after_its_parent_writes_it_before(kb_root, tmp_path):
    (tmp_path / "p.bib").write_text("@proceedings{conf20, title = {Proceedings of Conf}, year = 2020}\n")
    (tmp_path / "c.bib").write_text("@inproceedings{child20, author = {Child, Carl}, title = {A Child Paper},"
                                    " crossref = {conf20}, pages = {1--10}}\n")
    for name in ("p.bib", "c.bib"):
        assert run_kb("import", str(tmp_path / name)).code == 0
    text = (kb_root / "references.bib").read_text()
    assert text.index("@inproceedings{child20") < text.index("@proceedings{conf20")
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["child20", "conf20"]
    assert run_kb("show", "child20", "--json").json["year"] == 2020


# -- a title's word split in two by the kerns, its second piece in lower case ----------------------

BODY = ("Abstract\nCloud computing costs energy. In January 2020 we measured it; the input of each job, "
        "from the dataset and a data set of 2019, see example.com, a timetable, a time series, the table.\n")


@pytest.mark.parametrize("title, read", [
    ("Green Com puting in Jan uary", "Green Computing in January"),       # 'com' alone in 'example.com'
    ("Cloud com puting: a study", "Cloud computing: a study"),
    # two words of the paper, or words making others ("in put", "pop up", "life cycle"), stay two
    ("Learning in put spaces", None),
    ("A time table of a data set", None),
    ("A pop up and a life cycle", None),
    # a piece whose whole the paper never prints stays a piece
    ("The imp ortance of com pute", None),
])
def test_a_title_word_split_in_lower_case_is_joined_as_the_paper_prints_it(title, read):
    from kb.text.normalise import joined_splits

    body = BODY + "A popup, its lifecycle.\n"
    assert joined_splits(title, title + "\n" + body) == (read or title)
    # a text split at every kern: its pieces print alone, no word of it vouches for a join
    assert joined_splits(title, title + "\n" + body + "whic h b e m uc h o v er t w o w eb\n" * 9) == title


def test_a_pdfs_title_split_in_lower_case_is_read_whole():
    """pypdf's 'Green Com puting in Jan uary' was kb add --offline's title (a capital alone was joined)."""
    from pdfgen import make_pdf

    from kb.sources.pdf import extract

    data = make_pdf([["Green Com puting in Jan uary", "Ann Smith", *BODY.splitlines()]])
    assert extract(data, extractor="pypdf").title_guess == "Green Computing in January"


# -- an arXiv id where a tool writes it ----------------------------------------------------------

@pytest.mark.parametrize("fields, arxiv_id, alike", [
    # (fields naming an arXiv id, the id, fields alike that name none)
    ({"arxivid": "2001.00001"}, "2001.00001", {"arxivid": "none"}),                  # Mendeley
    ({"arxivid": "arXiv:2001.00001v2"}, "2001.00001", {"eprint": "2001.00001", "eprinttype": "pubmed"}),
    ({"journal": "CoRR", "volume": "abs/2001.00001"}, "2001.00001",                  # DBLP
     {"journal": "Nature", "volume": "abs/2001.00001"}),
    ({"journal": "CoRR", "volume": "abs/cs/0112017"}, "cs/0112017", {"journal": "CoRR", "volume": "abs"}),
    ({"doi": "10.48550/arXiv.2001.00001"}, "2001.00001", {"doi": "10.1000/2001.00001"}),   # arXiv's DataCite DOI
])
def test_an_arxiv_id_is_read_where_tools_write_it(fields, arxiv_id, alike):
    from kb.sources.metadata import from_bib_fields

    assert from_bib_fields("article", {"title": "T", **fields}).arxiv_id == arxiv_id
    assert from_bib_fields("article", {"title": "T", **alike}).arxiv_id is None


def test_one_arxiv_paper_from_mendeley_and_dblp_is_one_paper(kb_root, tmp_path):
    """Mendeley's arxivId and DBLP's CoRR volume named no arXiv id: the same preprint was filed twice."""
    (tmp_path / "in.bib").write_text(
        "@article{Roe2020, title = {A Preprint}, author = {Roe, Rick}, year = {2020}, arxivId = {2001.00001}}\n\n"
        "@article{DBLP:journals/corr/abs-2001-00001, title = {A Preprint}, author = {Rick Roe}, journal = {CoRR},"
        " volume = {abs/2001.00001}, year = {2020}}\n")
    r = run_kb("import", str(tmp_path / "in.bib"))
    assert r.code == 0 and r.out.splitlines()[-1].startswith("1 added"), r.out + r.err
    assert [(p["citekey"], p["arxiv_id"]) for p in run_kb("ls", "--json").json] == [("Roe2020", "2001.00001")]


def test_show_says_and_others_as_et_al(kb_root):
    """Google Scholar's 'author={Roe, Rick and others}' was shown as two authors, 'Roe, Rick; others'."""
    (kb_root / "references.bib").write_text("@article{roe2020, title = {T}, author = {Roe, Rick and others}, "
                                            "year = 2020}\n\n@article{others2021, title = {U}, "
                                            "author = {Others, Otto and Poe, Pat}, year = 2021}\n")
    assert "  authors   Roe, Rick; et al.\n" in run_kb("show", "roe2020").out
    assert "  authors   Others, Otto; Poe, Pat\n" in run_kb("show", "others2021").out
