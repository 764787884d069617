"""An entry imported again for a paper references.bib holds, from another exporter (Crossref, DBLP,
JabRef, Zotero): what its record says only of itself, or writes otherwise for one address, is no
difference to say; a value saying otherwise still is."""

from __future__ import annotations

import json

import pytest

from kb.ops.export import csl_json
from kb.ops.library import show_paper
from kb.ops.papers import import_bib
from kb.ops.session import open_kb
from kb.sources.bibtex import same_value


@pytest.mark.parametrize("ours, theirs, same", [
    ("https://doi.org/10.1007/s00422-012-0514-6", "https://doi.org/10.1007%2Fs00422-012-0514-6", True),
    ("https://doi.org/10.18653/v1/2020.acl-main.207", "https://doi.org/10.18653%2Fv1%2F2020.acl-main.207", True),
    ("http://arxiv.org/abs/2302.08476", "https://arxiv.org/abs/2302.08476", True),
    ("https://aclanthology.org/2020.acl-main.207", "https://doi.org/10.18653%2Fv1%2F2020.acl-main.207", False),
    ("https://example.org/a%3Fb", "https://example.org/a?b", False),        # a query is not a path
    ("https://doi.org/10.1007/s00422-012-0514-6", "https://doi.org/10.1007%2Fs00422-012-0514-7", False),
])
def test_a_web_address_escaped_otherwise_is_the_same(ours, theirs, same):
    assert same_value("url", ours, theirs) is same


JABREF = ("@Misc{Patterson2021,\n  author = {Patterson, David and Le, Quoc},\n  title = {Carbon Emissions and Large "
          "Neural Network Training},\n  year = {2021},\n  url = {https://arxiv.org/abs/2104.10350},\n"
          "  owner = {ann},\n  timestamp = {2023-04-04},\n}\n")
DBLP = ("@article{DBLP:journals/corr/abs-2104-10350,\n  author = {AUTHORS},\n  title = "
        "{Carbon Emissions and Large Neural Network Training},\n  year = {2021},\n  url = {https://arxiv.org/abs/2104%2E10350},\n  owner = {bob},\n"
        "  timestamp = {Tue, 04 May 2021 15:12:43 +0200},\n  biburl = {https://dblp.org/rec/journals/corr/"
        "abs-2104-10350.bib},\n}\n")


@pytest.mark.parametrize("authors, said", [
    ("David Patterson and Quoc Le", []),
    ("David Patterson and Quoc Le and Jeff Dean", ["author"]),      # still said
])
def test_another_exporters_bookkeeping_is_no_difference(kb_root, tmp_path, authors, said):
    (tmp_path / "jabref.bib").write_text(JABREF)
    kb = open_kb(kb_root)
    import_bib(kb, tmp_path / "jabref.bib")
    (tmp_path / "dblp.bib").write_text(DBLP.replace("AUTHORS", authors))
    out = import_bib(kb, tmp_path / "dblp.bib")
    assert out.aliases == {"DBLP:journals/corr/abs-2104-10350": "Patterson2021"}
    differ = [w for w in out.warnings if "kept as references.bib holds it" in w]
    assert [w.split("holds it: ")[1].split(" differ")[0] for w in differ] == ([", ".join(said)] if said else [])


ADS = ("@ARTICLE{1999ApJ...517..565P,\n  author = {{Perlmutter}, S. and {Aldering}, G.},\n  title = \"{Measurements of "
       "{\\ensuremath{\\Omega}} from 42 Supernovae}\",\n  journal = JOURNAL,\n  year = 1999,\n  volume = {517},\n"
       "  adsurl = {https://ui.adsabs.harvard.edu/abs/1999ApJ...517..565P},\n}\n")


@pytest.mark.parametrize("journal, venue", [
    ("{\\apj}", "ApJ"), ("{{\\mnras}}", "MNRAS"), ("{\\aap}", "A&A"), ("{\\prd}", "Phys. Rev. D"),
    ("{\\nat}", "Nature"), ("{The Astrophysical Journal}", "The Astrophysical Journal"),
    ("{\\apjx}", None),                 # no AAS journal: nothing made up
])
def test_an_ads_journal_macro_is_the_journal_latex_prints(kb_root, tmp_path, journal, venue):
    (tmp_path / "ads.bib").write_text(ADS.replace("JOURNAL", journal))
    kb = open_kb(kb_root)
    import_bib(kb, tmp_path / "ads.bib")
    paper = show_paper(kb, "1999ApJ...517..565P")
    assert (paper["venue"] or None) == venue
    assert json.loads(csl_json(kb, ["1999ApJ...517..565P"]))[0].get("container-title") == venue
