"""BibTeX as people bring it, round 37: entries that are data for papers named by their key,
children kept before their parents, comment lines inside an entry, words a PDF split."""

from __future__ import annotations

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
