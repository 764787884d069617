"""kb add doi:/arxiv: end to end against a local server answering as Crossref, doi.org and arXiv do, with
hostile or odd records (made here): what kb writes into references.bib is valid BibTeX that kb, pybtex,
bibtexparser 2, classic BibTeX and biber read, and that reads back as the record's text and names."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from bibtools import bibtex_fields, bibtexparser2_fields, pybtex_fields
from fakearxiv import FakeArxiv
from httpserver import Reply
from kbrun import run_kb
from pdfgen import make_pdf

#: Crossref's JSON (doi.org answering with no BibTeX): DOI suffix -> (record fields, title read, names read)
CROSSREF = {
    "r01": ({"title": ["Effects of <i>in vitro</i> culture"]}, "Effects of in vitro culture", None),
    "r02": ({"title": ["CO<sub>2</sub> and CH<sub>4</sub> fluxes"]}, "CO₂ and CH₄ fluxes", None),
    "r03": ({"title": ["<scp>BERT</scp> for clinical notes"]}, "BERT for clinical notes", None),
    "r04": ({"title": ["Energy &amp; Policy Considerations"]}, "Energy & Policy Considerations", None),
    "r05": ({"title": ["Storing <mml:math xmlns:mml=\"http://www.w3.org/1998/Math/MathML\"><mml:msub><mml:mi>H"
                       "</mml:mi><mml:mn>2</mml:mn></mml:msub></mml:math> underground"]}, "Storing H₂ underground",
            None),
    "r06": ({"title": ["Tags &lt;i&gt;as text&lt;/i&gt; here"]}, "Tags <i>as text</i> here", None),
    "r07": ({"title": ["A 50% cut in #tags_and $costs"]}, "A 50% cut in #tags_and $costs", None),
    "r08": ({"title": ["Bounds for {0,1}-matrices"]}, "Bounds for {0,1}-matrices", None),
    "r09": ({"title": ["\\input{/etc/passwd} as a title\\"]}, "\\input{/etc/passwd} as a title\\", None),
    "r10": ({"title": ["<b><i>Nested</i></b> markup in <jats:italic>JATS</jats:italic>"]},
            "Nested markup in JATS", None),
    "r11": ({"title": ["An <b>unclosed tag and a </i> stray one"]}, "An <b>unclosed tag and a </i> stray one", None),
    "r12": ({"title": ["Greek <mml:math><mml:mi>\u03b1</mml:mi><mml:annotation encoding=\"TeX\">\\alpha"
                       "</mml:annotation></mml:math>-helices"]}, "Greek \u03b1-helices", None),
    "r13": ({"title": ["Caf\u00e9s of \u0141\u00f3d\u017a &#8211; a survey"]},
            "Caf\u00e9s of \u0141\u00f3d\u017a \u2013 a survey", None),
    "r14": ({"title": ["Braces &#x7B;named&#125; and &#36;5"]}, "Braces {named} and $5", None),
    "r15": ({"title": ["A title"], "author": [{"family": "O&apos;Brien", "given": "Se&#225;n"},
                                             {"family": "van der Berg", "given": "Jan"}]},
            "A title", ["O'Brien, Seán", "van der Berg, Jan"]),
    "r16": ({"title": ["Another title"], "author": [{"family": "\u738b", "given": "\u5c0f\u660e"},
                                                   {"family": "\u0427\u0430\u0439\u043a\u043e\u0432\u0441\u043a\u0438"
                                                              "\u0439", "given": "\u041f\u0451\u0442\u0440"}]},
            "Another title", ["\u738b, \u5c0f\u660e",
                              "\u0427\u0430\u0439\u043a\u043e\u0432\u0441\u043a\u0438\u0439, \u041f\u0451\u0442\u0440"]),
    "r17": ({"title": ["Third title"], "author": [{"family": "Doe and Roe", "given": "J."},
                                                 {"name": "Smith &amp; Sons <i>Ltd</i>"}]},
            "Third title", ["{Doe and Roe}, J.", "{Smith \\& Sons \\textit{Ltd}}"]),
    "r18": ({"title": ["Venue <i>markup</i>"], "container-title": ["Journal of <i>Physics</i> &amp; Chemistry"]},
            "Venue markup", None),
    "r19": ({"title": ["$\\alpha$-stable laws and $O(N)$ bounds"]}, "α-stable laws and O(N) bounds", None),
    "r20": ({"title": ["DEEP LEARNING IN ALL CAPS"]}, "DEEP LEARNING IN ALL CAPS", None),
    "r21": ({"title": ["Bidi \u202eoverride\u202c and zero\u200bwidth"]}, None, None),
}
#: refused: a title of markup alone, or of characters that are no text
REFUSED = {"x01": ["<i> </i>"], "x02": ["<mml:math><mml:mspace width=\"1em\"/></mml:math>"],
           "x03": ["&#xF0001;\U000f0002"]}
#: doi.org's BibTeX, Crossref's markup kept in it
DOI_ORG = {
    "d01": ("@article{X, title = {Effects of <i>in vitro</i> culture on {NLP}}, author = {Doe, Jane}, year = 2020,"
            " doi = {10.5555/b9.d01}}", "Effects of in vitro culture on NLP"),
    "d02": ("@article{Y, title = {Measurements of $\\{upOmega}$ from 42 Supernovae}, author = {Doe, Jane},"
            " year = 2020, doi = {10.5555/b9.d02}}", "Measurements of Ω from 42 Supernovae"),
}
#: arXiv's Atom: id -> (title, authors, title read, names read)
ARXIV = {
    "2001.00011": ("$O(N^2)$ Attention in GANs", ["Ludwig van Beethoven", "Martin Luther King, Jr."],
                   "O(N²) Attention in GANs", ["van Beethoven, Ludwig", "King, Jr., Martin Luther"]),
    "2001.00012": ("\\emph{BERT} and 100% of { it", ["Jean-Paul de la Fontaine"], "BERT and 100% of { it",
                   ["de la Fontaine, Jean-Paul"]),
    "2001.00013": ("A_b, c^d and x~y in $\\mathbb{R}^n$", ["J. R. R. Tolkien"], "A_b, c^d and x~y in ℝⁿ",
                   ["Tolkien, J. R. R."]),
    "2001.00014": ("\\input{x} and \\textbf{DNA} of LLMs", ["Пётр Чайковский"], "\\input{x} and DNA of LLMs",
                   ["Чайковский, Пётр"]),
}


def _json(fields: dict, suffix: str) -> bytes:
    return json.dumps({"status": "ok", "message": {
        "DOI": f"10.5555/b9.{suffix}", "type": "journal-article", "issued": {"date-parts": [[2020]]},
        "author": [{"family": "Doe", "given": "Jane"}], **fields}}).encode()


@pytest.fixture
def records(server):
    for suffix, (fields, _, _) in CROSSREF.items():
        server.routes[f"/doi/10.5555/b9.{suffix}"] = Reply(200, b"<html>landing page</html>",
                                                            {"Content-Type": "text/html"})
        server.routes[f"/crossref/works/10.5555/b9.{suffix}"] = Reply(200, _json(fields, suffix),
                                                                       {"Content-Type": "application/json"})
    for suffix, title in REFUSED.items():
        server.routes[f"/doi/10.5555/b9.{suffix}"] = Reply(406)
        server.routes[f"/crossref/works/10.5555/b9.{suffix}"] = Reply(200, _json({"title": title}, suffix),
                                                                       {"Content-Type": "application/json"})
    for suffix, (bib, _) in DOI_ORG.items():
        server.routes[f"/doi/10.5555/b9.{suffix}"] = Reply(200, bib.encode(), {"Content-Type": "application/x-bibtex"})
    fake = FakeArxiv(server)
    for ident, (title, authors, _, _) in ARXIV.items():
        fake.add(ident, {1: make_pdf(["A page of text."], title="x")}, title, authors, published="2020-01-02")
    return server


def _by_doi(root) -> dict[str, tuple[str, dict]]:
    from kb.sources.bibtex import parse_entries

    return {f.get("doi", f.get("eprint", "")).lower(): (key, f)
            for _, key, f in parse_entries((root / "references.bib").read_text("utf-8"))}


@pytest.mark.slow
def test_hostile_records_are_written_as_bibtex_every_reader_reads_as_their_text(kb_root, records, tmp_path):
    ids = [f"doi:10.5555/b9.{s}" for s in (*CROSSREF, *DOI_ORG)] + [f"arxiv:{i}" for i in ARXIV]
    r = run_kb("add", *ids)
    assert r.code == 0, r.err
    for suffix in REFUSED:
        r = run_kb("add", f"doi:10.5555/b9.{suffix}")
        assert r.code == 2 and "has no title kb can read" in r.err, r.err
    text = (kb_root / "references.bib").read_text("utf-8")
    entries = _by_doi(kb_root)
    assert len(entries) == len(CROSSREF) + len(DOI_ORG) + len(ARXIV)
    assert "<i>" not in text and "&amp;" not in text and "<mml:" not in text and "<sub>" not in text
    expected = {f"10.5555/b9.{s}": (title, names) for s, (_, title, names) in CROSSREF.items()}
    expected |= {f"10.5555/b9.{s}": (title, None) for s, (_, title) in DOI_ORG.items()}
    expected |= {i: (title, names) for i, (_, _, title, names) in ARXIV.items()}
    from kb.text.names import split_names

    listed = run_kb("ls", "--json").json
    shown = {p["citekey"]: p["title"] for p in (listed if isinstance(listed, list) else listed["papers"])}
    for ident, (title, names) in expected.items():
        key, fields = entries[ident]
        if title is not None:
            assert shown[key] == title, (ident, fields["title"])
        else:
            assert "\u202e" not in shown[key] and "override" in shown[key]
        if names is not None:
            assert split_names(fields["author"]) == names, (ident, fields["author"])
    assert entries["10.5555/b9.r18"][1]["journal"] == "Journal of \\textit{Physics} \\& Chemistry"
    # every other reader reads the file whole, each entry and each name
    p2, pb = bibtexparser2_fields(text), pybtex_fields(text)
    assert set(p2) == set(pb) == {key for key, _ in entries.values()}
    assert {k: v["title"] for k, v in p2.items()} == {k: v["title"] for k, v in pb.items()}
    assert pb[entries["10.5555/b9.r17"][0]]["author"] == "2 names"
    classic = bibtex_fields(text, {"title", "author", "journal"}, tmp_path / "bibtex")
    assert set(classic) == set(p2)
    if shutil.which("biber"):
        (tmp_path / "x.bib").write_text(text, "utf-8")
        v = subprocess.run(["biber", "--tool", "--output-file", str(tmp_path / "o.bib"), str(tmp_path / "x.bib")],
                           capture_output=True, text=True, timeout=120, cwd=tmp_path)
        assert v.returncode == 0 and "ERROR" not in v.stdout, v.stdout
    # added again: the same entries, nothing rewritten
    r = run_kb("add", *ids)
    assert r.code == 0 and (kb_root / "references.bib").read_text("utf-8") == text
