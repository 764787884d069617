"""BibTeX as people bring it, round 38: an entry after a '%' on its line, a JabRef file's own
@comment blocks, @xdata and @set entries renamed, edited and exported whole, the origin of an
imported entry naming an arXiv id."""

from __future__ import annotations

import pytest
from kbrun import run_kb

from kb.sources.bibtex import BibFile

# -- '@misc{...' after a '%' on its line: a comment to biber, an entry to BibTeX -------------------

PERCENT = ("@article{a2020, title={Alpha}, author={Doe, Jane}, journal={J}, year={2020}} % was: @misc{b2019, "
           "title={Beta}, author={Roe, R}, year={2019}}\n"
           "% @misc{c2018, title={Gamma}, author={Poe, P}, year={2018}}\n"
           "%% mail me@example.org\n"
           "@article{d2021, title={Delta}, author={Moe, M}, journal={J}, year={2021}}\n")


def test_an_entry_after_a_percent_on_its_line_is_read_one_way_and_said(kb_root, tmp_path):
    """'} % was: @misc{b2019, ...}' was an entry to kb, the same at a line's start none: now both are
    comments, as biber reads them, and kb import says BibTeX reads an entry there."""
    from kb.sources.bibtex import cross_check

    bib = BibFile(PERCENT)
    assert list(bib.by_key) == ["a2020", "d2021"]
    assert bib.commented == [(1, "@misc{b2019"), (2, "@misc{c2018")]
    cross_check(bib)                    # pybtex, given the comments blanked, reads the same
    (tmp_path / "p.bib").write_text(PERCENT)
    r = run_kb("import", str(tmp_path / "p.bib"))
    assert r.code == 0 and "2 added" in r.out, r.out + r.err
    assert "p.bib:1: '@misc{b2019' follows a '%'" in r.err and "p.bib:2: '@misc{c2018'" in r.err
    assert "me@example" not in r.err
    assert [p["citekey"] for p in run_kb("ls", "--json").json] == ["a2020", "d2021"]


# -- a JabRef file's @comment blocks ------------------------------------------------------------

JABREF = """% This file was created with JabRef 5.9.
% Encoding: UTF-8

@Article{Smith2020,
  author    = {Smith, John and M{\\"u}ller, J{\\"o}rg},
  title     = {A Study of Things},
  journal   = {Journal of Stuff},
  year      = {2020},
  owner     = {jdoe},
  timestamp = {2021-03-04},
  groups    = {ML},
}

@Comment{jabref-meta: databaseType:bibtex;}

@Comment{jabref-meta: grouping:
0 AllEntriesGroup:;
1 StaticGroup:ML\\;0\\;1\\;0x8a8a8aff\\;\\;\\;;
}
"""

OWN = "@comment{my own note}\n\n@misc{mine, title={Mine}, author={Me, A}, year={2019}}\n" \
      "@Comment{jabref-meta: databaseType:biblatex;}\n"


def test_an_imported_files_comment_blocks_are_its_own_and_said(kb_root, tmp_path):
    """references.bib keeps its own @comment blocks byte for byte; the imported file's (JabRef's
    groups tree) were left out unsaid."""
    (kb_root / "references.bib").write_text(OWN)
    (tmp_path / "j.bib").write_text(JABREF)
    r = run_kb("import", str(tmp_path / "j.bib"))
    assert r.code == 0 and "1 added" in r.out, r.out + r.err
    assert "j.bib:14: 2 @comment blocks not imported" in r.err and "databaseType, grouping" in r.err, r.err
    text = (kb_root / "references.bib").read_text()
    assert JABREF[JABREF.index("@Article"):JABREF.index("@Comment")].strip() in text
    # its own byte for byte, JabRef's meta block last (the entry goes before it)
    meta = OWN.index("@Comment{jabref")
    assert text.startswith(OWN[:meta]) and text.endswith(OWN[meta:])
    assert "StaticGroup" not in text


# -- @xdata and @set: exported whole, renamed and edited -----------------------------------------

DATA = """@xdata{springer, publisher = {Springer}, location = {Berlin}}

@xdata{lncs, xdata = {Springer}, series = {LNCS}}

@book{knuth68, author = {Knuth, Donald}, title = {Art One}, year = 1968, xdata = {springer}}

@inproceedings{lee99, author = {Lee, Ann}, title = {A Paper}, year = 1999, booktitle = {Conf}, xdata = {lncs}}

@article{a1, author = {Smith, Ann}, title = {First}, journal = {J}, year = 2001, related = {a2}}

@article{a2, author = {Jones, Bob}, title = {Second}, journal = {J}, year = 2002}

@set{grp, entryset = {a1, A2}}

@xdata{unused, publisher = {Nobody}}
"""


def test_an_export_of_everything_holds_the_data_no_paper_names(kb_root):
    """`kb export bib` with no filter left out @xdata{unused}: references.bib's every entry is not
    every entry of the export."""
    (kb_root / "references.bib").write_text(DATA)
    for args in ((), ("--as-stored",)):
        out = run_kb("export", "bib", *args, "-o", "-").out
        heads = [line.split(",")[0] for line in out.splitlines() if line.startswith("@")]
        assert sorted(heads) == sorted(line.split(",")[0] for line in DATA.splitlines() if line.startswith("@"))
    assert "unused" not in run_kb("export", "bib", "--cite", "knuth68", "-o", "-").out


def test_rename_and_edit_take_an_xdata_or_set_key(kb_root):
    """`kb rename springer spr` and `kb edit grp` said 'data for papers, no paper'; a paper renamed
    left the @set's entryset and a related field naming its old key."""
    from kb.ops.library import entry_text, replace_entry
    from kb.ops.session import open_kb

    (kb_root / "references.bib").write_text(DATA)
    r = run_kb("rename", "springer", "spr")
    assert r.code == 0 and "lncs, knuth68" in r.out and "no alias" in r.out, r.out + r.err
    bib = BibFile((kb_root / "references.bib").read_text())
    assert bib.entry("knuth68").fields["xdata"] == "spr" and bib.entry("lncs").fields["xdata"] == "spr"
    assert "ids" not in bib.entry("spr").fields          # an @xdata is cited by no one
    r = run_kb("rename", "a2", "jones2002")
    assert r.code == 0, r.err
    bib = BibFile((kb_root / "references.bib").read_text())
    assert bib.entry("grp").fields["entryset"] == "a1, jones2002" and bib.entry("a1").fields["related"] == "jones2002"
    assert run_kb("rename", "grp", "pair").code == 0
    assert BibFile((kb_root / "references.bib").read_text()).entry("pair").fields["ids"] == "grp"
    kb = open_kb()
    key, before = entry_text(kb, "SPR")
    assert key == "spr" and before.startswith("@xdata{spr")
    assert replace_entry(kb, key, before, before.replace("Berlin", "Heidelberg")) == "spr"
    assert BibFile((kb_root / "references.bib").read_text()).entry("spr").fields["location"] == "Heidelberg"
    assert run_kb("show", "pair", "--json").json["papers"] == ["a1", "jones2002"]
    assert run_kb("doctor").code == 0


# -- origin of an imported entry ----------------------------------------------------------------

ARXIV = """@misc{vaswani2017attention,
      title={Attention Is All You Need},
      author={Ashish Vaswani and Noam Shazeer and Niki Parmar},
      year={2017},
      eprint={1706.03762},
      archivePrefix={arXiv},
      primaryClass={cs.CL},
      url={https://arxiv.org/abs/1706.03762},
}
"""


def test_an_imported_entry_naming_an_arxiv_id_is_of_origin_bibtex(kb_root, tmp_path):
    """`kb show` said 'origin arxiv' of an entry the person's file wrote."""
    (tmp_path / "a.bib").write_text(ARXIV)
    assert run_kb("import", str(tmp_path / "a.bib")).code == 0
    info = run_kb("show", "vaswani2017attention", "--json").json
    assert (info["origin"], info["arxiv_id"]) == ("bibtex", "1706.03762")


# -- real shapes: Zotero (Better BibTeX), Google Scholar, DBLP, biblatex -----------------------

BBT = """@article{strubellEnergyPolicyConsiderations2019,
  title = {Energy and {{Policy Considerations}} for {{Deep Learning}} in {{NLP}}},
  author = {Strubell, Emma and Ganesh, Ananya and McCallum, Andrew},
  date = {2019-06-05},
  journaltitle = {arXiv:1906.02243 [cs]},
  journal = {arXiv},
  eprint = {1906.02243},
  eprinttype = {arxiv},
  archiveprefix = {arXiv},
  primaryclass = {cs},
  langid = {english},
}
"""


def test_a_bibtex_field_beside_its_biblatex_twin_is_left_out_of_the_export():
    """Zotero's archiveprefix beside eprinttype (journal beside journaltitle): biber warned
    'Field archiveprefix invalid in data model - ignoring' of kb export bib."""
    bib = BibFile(BBT)
    text, changes = bib.shaped_text("strubellEnergyPolicyConsiderations2019")
    fields = BibFile(text).entry("strubellEnergyPolicyConsiderations2019").fields
    assert "archiveprefix" not in fields and "journal" not in fields
    assert (fields["eprinttype"], fields["journaltitle"], fields["primaryclass"]) == ("arxiv", "arXiv:1906.02243 [cs]",
                                                                                    "cs")
    assert dict(changes)["archiveprefix dropped"] == "archiveprefix dropped (biber reads its eprinttype)"


def test_an_arxiv_id_is_read_where_scholar_zotero_and_biblatex_write_it():
    """Google Scholar's booktitle 'arXiv preprint arXiv:2104.10350', Zotero's journaltitle
    'arXiv:1906.02243 [cs]': no arXiv id, so kb add arxiv:... filed the paper twice; biblatex's
    eprintclass is the primary class."""
    from kb.sources.metadata import from_bib_fields

    meta = from_bib_fields("inproceedings", {"title": "Carbon", "booktitle": "arXiv preprint arXiv:2104.10350"})
    assert meta.arxiv_id == "2104.10350"
    assert from_bib_fields("article", {"journaltitle": "arXiv:1906.02243 [cs]"}).arxiv_id == "1906.02243"
    # Semantic Scholar's
    assert from_bib_fields("article", {"journal": "ArXiv", "volume": "abs/1906.02243"}).arxiv_id == "1906.02243"
    assert from_bib_fields("article", {"journal": "Nature", "volume": "abs/1906.02243"}).arxiv_id is None
    meta = from_bib_fields("article", {"eprint": "2211.02001", "eprinttype": "arxiv", "eprintclass": "cs.LG"})
    assert (meta.arxiv_id, meta.primary_class) == ("2211.02001", "cs.LG")
    assert from_bib_fields("article", {"eprintclass": "cs.LG"}).primary_class is None


def test_an_edited_work_is_named_by_its_editors():
    """DBLP's @proceedings, crossref'd by its papers, was listed with no authors."""
    from kb.store.index import paper_row

    fields = {"editor": "Isabelle Guyon and Ulrike von Luxburg", "title": "Advances in NIPS 30", "year": "2017"}
    row = paper_row("DBLP:conf/nips/2017", "proceedings", fields, 0)
    assert (row["authors"], row["first_author"]) == ('["Isabelle Guyon", "Ulrike von Luxburg"]', "guyon")
    assert paper_row("p", "inproceedings", fields, 0)["authors"] == "[]"      # its volume's editors, not its own


def test_latex_commands_whose_text_was_dropped_keep_it():
    """'\\mbox{GPT-3}' and '\\texttt{word2vec}' of hand-written titles, Zotero's '{\\textgreater}' for '>':
    kb ls showed the title without them."""
    from kb.text.latex import latex_to_text

    assert latex_to_text(r"Scaling \mbox{GPT-3} with \texttt{word2vec} in \textsf{Sans}") == \
        "Scaling GPT-3 with word2vec in Sans"
    assert latex_to_text(r"Accuracy {\textgreater} 90{\%} {\textless} p {\textbar} q") == "Accuracy > 90% < p | q"
    assert latex_to_text(r"CO\textsubscript{2} at 10\textsuperscript{6} with \LaTeX{}") == "CO₂ at 10⁶ with LaTeX"
    assert latex_to_text(r"\noopsort{b}Zeta and \glqq Zitat\grqq{}") == "Zeta and „Zitat“"


def test_names_an_import_writes_with_less_are_no_other_value():
    """kb import said 'author differs' of Google Scholar's '... and others' for references.bib's full list,
    ACL's 'Traum, David' for DBLP's 'David R. Traum', IEEE's 'A. Smith' for 'Smith, Alice': nothing to take.
    A list saying more is still said."""
    from kb.sources.bibtex import same_value

    assert same_value("editor", r"Anna Korhonen and David R. Traum and Llu{\'{\i}}s M{\`{a}}rquez",
                      r"Korhonen, Anna and Traum, David and M{\`a}rquez, Llu{\'\i}s")
    assert same_value("author", "Patterson, David and Le, Quoc and So, D", "Patterson, David and Le, Quoc and others")
    assert same_value("author", "Smith, Alice and Sartre, Jean-Paul", "A. Smith and J.-P. Sartre")
    assert not same_value("author", "Patterson, David and Le, Quoc and others", "Patterson, David and Le, Quoc and So, D")
    assert not same_value("author", "A. Smith and B. Jones", "Smith, Alice and Jones, Bob")
    assert not same_value("author", "Smith, Carol and Jones, Bob", "A. Smith and B. Jones")
    assert same_value("author", "Patterson, David and Le, Quoc", "Patterson, David and others")
    assert not same_value("author", "Patterson, David", "Patterson, David and others")


def test_a_file_on_a_windows_drive_is_said_once(kb_root, tmp_path):
    """Mendeley's ':C$\\backslash$:/Users/me/x.pdf:pdf' and Zotero's 'C\\:\\\\Users\\\\...' were looked for in a
    folder 'C:' beside the .bib, each said as a PDF that cannot be read there."""
    (tmp_path / "w.bib").write_text(
        "@article{a1, title = {One}, author = {Doe, J}, journal = {J}, year = 2020,\n"
        "file = {:C$\\backslash$:/Users/me/Documents/a1.pdf:pdf}}\n\n"
        "@article{a2, title = {Two}, author = {Roe, R}, journal = {J}, year = 2021,\n"
        "file = {C\\:\\\\Users\\\\me\\\\Zotero\\\\storage\\\\AB12\\\\a2.pdf}}\n")
    r = run_kb("import", str(tmp_path / "w.bib"))
    assert r.code == 0 and "2 added" in r.out, r.out + r.err
    assert r.err.count("kb:") == 1 and "2 files named in file fields are on a Windows drive" in r.err, r.err
    assert "'C:/Users/me/Documents/a1.pdf', 'C:/Users/me/Zotero/storage/AB12/a2.pdf'" in r.err


# -- a '%' comment ends at its line's end in a file of classic Mac (\r) or Windows line ends ----------

@pytest.mark.parametrize("eol", ["\r", "\r\n"])
def test_a_comment_ends_at_its_line_whatever_the_files_line_ends(eol):
    """A comment inside an entry, or a kb-owned line, in a file whose lines end in \\r alone read to the
    next \\n: the rest of the entry, or the next entry, became comment (doe2020 vanished after kb add)."""
    text = eol.join(["@misc{a2020,", "  title = {Alpha},", "  % note = {x},", "  year = {2020},", "}", "",
                     "% kb-owned: a2020", "", "@article{doe2020,", "  title = {A Study},", "  year = {2020},",
                     "}", ""])
    bib = BibFile(text)
    assert list(bib.by_key) == ["a2020", "doe2020"] and bib.commented == []
    fields = bib.by_key["a2020"].entry.fields
    assert fields.get("year") == "2020" and "note" not in fields
