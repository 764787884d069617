"""BibTeX as people bring it, sweep 38: two entries of one work in different years stay two, an
ACM export's address and location both kept, JabRef's meta blocks left last, and the lines kb
writes into references.bib ending as most of its lines do."""

from __future__ import annotations

import json

import pytest
from kbrun import run_kb

from kb.ops.export import csl_item
from kb.sources.bibtex import BibFile, append_owned, render_entry
from kb.store.index import paper_row

# -- the same title and first author, another year: two works -------------------------------------

TWO = [("misc", "smith2019pre", "2019", "howpublished = {arXiv}", "article", "smith2020", "2020",
        "journal = {Journal of Things}"),
       ("techreport", "nrel2019", "2019", "institution = {NREL}, number = {TP-1}", "techreport", "nrel2021",
        "date = {2021-05}", "institution = {NREL}, number = {TP-2}")]


@pytest.mark.parametrize("type1, key1, year1, rest1, type2, key2, year2, rest2", TWO)
def test_a_preprint_and_its_journal_version_stay_two(kb_root, tmp_path, type1, key1, year1, rest1, type2, key2,
                                                      year2, rest2):
    """They merged into one (the later key in the first's ids, its venue dropped): a title and a first
    author prove no more than a work. The same entry twice in one year still merges."""
    title, author = "Learning Things from Data at Scale", "Smith, Ann and Jones, Bob"
    when = year2 if "=" in year2 else f"year = {{{year2}}}"
    (tmp_path / "in.bib").write_text(
        f"@{type1}{{{key1}, title = {{{title}}}, author = {{{author}}}, year = {{{year1}}}, {rest1}}}\n"
        f"@{type2}{{{key2}, title = {{{title}}}, author = {{{author}}}, {when}, {rest2}}}\n"
        f"@{type2}{{{key2}dup, title = {{{title}}}, author = {{{author}}}, {when}, {rest2}}}\n")
    r = run_kb("import", tmp_path / "in.bib")
    assert r.code == 0 and "2 added" in r.out, r.out + r.err
    assert f"{key2} has the title and first author of {key1}, but another year" in r.err, r.err
    assert f"'{key2}dup' is {key2} already" in r.err
    assert sorted(p["citekey"] for p in run_kb("ls", "--json").json) == sorted([key1, key2])


# -- ACM's address and location; fields no type of biber's takes ---------------------------------

ACM = """@inproceedings{10.1145/3442188.3445922,
author = {Bender, Emily M. and Gebru, Timnit},
title = {On the Dangers of Stochastic Parrots: Can Language Models Be Too Big?},
year = {2021}, publisher = {Association for Computing Machinery}, address = {New York, NY, USA},
doi = {10.1145/3442188.3445922},
booktitle = {Proceedings of the 2021 ACM Conference on Fairness, Accountability, and Transparency},
pages = {610--623}, numpages = {14}, location = {Virtual Event, Canada}, series = {FAccT '21}
}
"""


@pytest.mark.parametrize("entry_type, kept", [("inproceedings", "numpages"), ("proceedings", "pagetotal")])
def test_an_acm_exports_address_and_location_are_both_exported(entry_type, kept):
    """biber maps address onto location: kb export bib kept ACM's location (the conference's place) and
    dropped the address (the publisher's); now the location is the venue, and numpages a pagetotal
    where the type has one."""
    bib = BibFile(ACM.replace("@inproceedings", "@" + entry_type))
    text, changes = bib.shaped_text("10.1145/3442188.3445922")
    assert "address = {New York, NY, USA}" in text and "venue = {Virtual Event, Canada}" in text, text
    assert "location" not in text and ("location as venue", ) == tuple(c[0] for c in changes if "venue" in c[0])
    assert ("pagetotal = {14}" in text) == (kept == "pagetotal")


def test_an_acm_articles_articleno_is_exported_as_its_eid():
    """ACM's article number was dropped from kb export bib (no field of biber's): biblatex's eid."""
    bib = BibFile("@article{a, author = {Doe, Jane}, title = {T}, journal = {J. ACM}, year = {2021}, "
                  "articleno = {12}, numpages = {30}}")
    text, changes = bib.shaped_text("a")
    assert "eid = {12}" in text and "articleno" not in text and ("articleno as eid", ) in [c[:1] for c in changes]


@pytest.mark.parametrize("address, event", [("New York, NY, USA", "Virtual Event, Canada"), ("", None)])
def test_an_acm_exports_location_and_numpages_reach_csl_json(address, event):
    """kb export csl: ACM's location (the event's place) was lost beside its address, and numpages
    always; a location alone is still the publisher's place."""
    fields = {"title": "T", "author": "Doe, Jane", "year": "2021", "booktitle": "Proc", "numpages": "14",
              "location": "Virtual Event, Canada", **({"address": address} if address else {})}
    row = paper_row("k", "inproceedings", fields, 0)
    row["fields"] = json.loads(row["fields"])
    item = csl_item(row)
    assert item.get("event-place") == event and item["number-of-pages"] == "14"
    assert item["publisher-place"] == (address or "Virtual Event, Canada")


def test_a_field_no_type_takes_is_written_when_merged_into_kbs_entry(kb_root, tmp_path):
    """Merged into an entry kb wrote, ACM's numpages was 'not written (kb edit to change its type)':
    written now, as a new entry's are (kb export bib shapes it for biber); address and location kept."""
    (kb_root / "references.bib").write_text(
        "@misc{bender2021, title = {On the Dangers of Stochastic Parrots: Can Language Models Be Too Big?},\n"
        "  author = {Bender, Emily M.}, year = {2021}, doi = {10.1145/3442188.3445922}}\n\n% kb-owned: bender2021\n")
    (tmp_path / "acm.bib").write_text(ACM.replace("numpages", "biburl = {x}, numpages"))
    r = run_kb("import", tmp_path / "acm.bib")
    assert r.code == 0 and "1 updated" in r.out, r.out + r.err
    assert "not written" not in r.err, r.err
    text = (kb_root / "references.bib").read_text()
    assert "biburl = {x}" in text and "numpages" in text
    assert "address = {New York, NY, USA}" in text and "location = {Virtual Event, Canada}" in text


# -- JabRef's meta blocks stay last; kb's lines end as most of the file's do -----------------------

META = ("@Comment{jabref-meta: databaseType:bibtex;}\n\n@Comment{jabref-meta: grouping:\n0 AllEntriesGroup:;\n}\n\n"
        "@Comment{jabref-entrytype: software: req[author;title] opt[url]}\n")


@pytest.mark.parametrize("nl", ["\n", "\r\n"])
def test_entries_kb_appends_go_before_jabrefs_meta_blocks(nl):
    text = ("% Encoding: UTF-8\n\n@Article{Smith2020,\n  title = {A Study},\n  year = {2020},\n}\n" + META)
    text = text.replace("\n", nl)
    bib = BibFile(text)
    bib.set_entry("new2021", "misc", {"title": "New", "year": "2021"})
    bib.mark_owned("new2021")
    out, spans = bib.render_with_owned()
    meta = text.index("@Comment{jabref-meta")
    assert out.startswith(text[:meta]) and out.endswith(text[meta:]), out
    assert out.index("@misc{new2021") < out.index("@Comment{jabref") and BibFile(out).owned_spans() == spans


MIXED = [("@misc{a,\r\n  title = {A},\n  year = {2020}\r\n}\r\n\r\n@misc{b, title = {B}}\r\n", "\r\n"),
         ("@misc{a,\r  title = {A},\n  year = {2020}\r}\r\r@misc{b, title = {B}}\r", "\r")]


@pytest.mark.parametrize("text, nl", MIXED)
def test_lines_kb_writes_end_as_most_of_the_files_do(text, nl):
    """A references.bib of \\r\\n with a few \\n got kb's new lines in \\n (a fix-up converted them only
    where every line ended in \\r\\n); its own lines are kept as they are."""
    bib = BibFile(text)
    bib.set_entry("new", "misc", {"title": "New", "year": "2021"})
    bib.set_entry("a", "misc", {"note": "Noted"})
    bib.mark_owned("new")
    out, spans = bib.render_with_owned()
    added = out[out.index("@misc{new"):]
    assert added.count(nl) >= 4 and added.replace(nl, "").count("\n") + added.replace(nl, "").count("\r") == 0
    assert f",{nl}  note = {{Noted}}" in out and out.startswith(text[:text.index("year")])
    fast, _ = append_owned(text, [], render_entry("new", "misc", {"title": "New", "year": "2021"}), ["new"])
    assert fast[len(text):].replace(nl, "").count("\n") == 0 and fast.endswith(f"% kb-owned: new{nl}")


# -- the keys an entry merged into a paper kb holds kept in its ids ------------------------------

def test_an_imported_entrys_own_ids_stay_keys_of_the_paper_it_merges_into(kb_root, tmp_path):
    """The imported key became an alias; the keys its entry kept in `ids` (which notes cite) were
    dropped without a word. Another paper's key among them is said and not recorded."""
    (kb_root / "references.bib").write_text(
        "@article{s20, title = {Energy Things}, author = {Smith, Ann}, year = {2020}, doi = {10.1/abc}}\n"
        "@misc{other, title = {Other Things Here}, author = {Roe, R}, year = {2019}}\n")
    (tmp_path / "ids.bib").write_text("@article{smith2020, ids = {smith2020old, other, S20}, title = {Energy Things},"
                                      " author = {Smith, Ann}, year = {2020}, doi = {10.1/abc}}\n")
    r = run_kb("import", tmp_path / "ids.bib")
    assert r.code == 0 and "2 keys kept as aliases" in r.out, r.out + r.err
    assert "ids = {smith2020, smith2020old}" in (kb_root / "references.bib").read_text()
    assert "other, in smith2020's ids, is a key of another paper here" in r.err, r.err
    assert run_kb("show", "smith2020old", "--json").json["citekey"] == "s20"
