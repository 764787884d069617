"""kb verify --note: a note's quotes resolved to their sources in every citation
style, checked against the papers' text, with their page locators.

The knowledge base holds this repository's five papers and the real pypdf text
of Strubell et al. 2019 (arXiv 1906.02243v1) from the shared corpus. The notes
cite that paper in the styles real reference lists use (numbered ACL, IEEE
bullets, footnotes, Springer, ABNT, Chicago, a translated title with a
Semantic Scholar link, an ACL Anthology link, an MDX span, a pandoc
bibliography), written for these tests after the GROBID/ACL material in the
corpus.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from corpus import corpus_path
from kbcache import from_template
from kbrun import run_kb

REPO = Path(__file__).resolve().parents[2]
# Sentences of Strubell et al. 2019 (v1): page 1, page 3, page 3.
P1 = ("training a state-of-the-art model now requires substantial computational resources which demand "
      "considerable energy, along with the associated financial and environmental costs.")
P3 = "We analyze four models, the computational requirements of which we describe below."
P3B = "All models have code freely available online, which we used out-of-the-box."


@pytest.fixture
def strubell(kb_root):
    """The repository's references.bib, with Strubell et al.'s v1 text loaded."""
    source = corpus_path("wattbot", "pypdf-text", "strubell2019.json")

    def build():
        shutil.copy(REPO / "references.bib", kb_root / "references.bib")
        r = run_kb("text", "load", "strubell2019energy", source, "--version", "v1", "--extractor", "pypdf")
        assert r.code == 0, r.err
    return from_template("strubell-v1", kb_root, build)


STYLES_NOTE = """---
title: Every way of citing one paper
---

## Quotes

> {P1} [12]

> {P3} [72]

> {P3B}[^1]

> {P1} [7, p. 1]

> {P3}[^abnt]

<note-quote quote="{P3B}" sourceLink="#chicago" sourceText="[C]"></note-quote>

<note-quote quote="{P1}" sourceLink="#translated" sourceText="[T]" page="1"></note-quote>

> {P3} <a href="#acl">[A]</a>

<note-quote quote="{P3B}" sourceLink="#mdx"></note-quote>

Inline, *"{P3}"* [[R]](#ref-bare), and again *"{P1}"*[^ay].

<span id="mdx">Strubell, Ganesh &amp; McCallum (2019), <i>Energy and Policy Considerations for Deep Learning in NLP</i>, in Proc. of ACL.</span>

<ul>
<li id="chicago">Strubell, Emma, Ananya Ganesh, and Andrew McCallum. 2019. "[Energy and Policy Considerations for Deep Learning in NLP](https://arxiv.org/pdf/1906.02243.pdf)." In *Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics*, 3645–50. Florence: ACL.</li>
</ul>

<span id="translated">Strubell, E., Ganesh, A., McCallum, A.: [Consideraciones energéticas y de políticas para el aprendizaje profundo en PLN](https://www.semanticscholar.org/paper/d6a083dad7114f3a39adc65c09bfbb6cf3fee9ea). ArXiv, abs/1906.02243 (2019)</span>

<p id="acl">Emma Strubell, Ananya Ganesh and Andrew McCallum. 2019. Énergie et politique. ACL. https://aclanthology.org/P19-1355/</p>

<a id="ref-bare"></a>Strubell, E., Ganesh, A., and McCallum, A. “Energy and policy considerations for deep learning in NLP.” ACL (2019).

## References

[12] Emma Strubell, Ananya Ganesh, and Andrew McCallum. 2019. Energy and Policy Considerations for Deep Learning in NLP. In Proceedings of the 57th Annual Meeting of the Association for Computational Linguistics, pages 3645–3650, Florence, Italy. Association for Computational Linguistics. https://doi.org/10.18653/v1/P19-1355

- [72] E. Strubell, A. Ganesh, and A. McCallum, "Energy and policy considerations for deep learning in NLP," in Proc. 57th Annu. Meeting Assoc. Comput. Linguistics, Florence, Italy, Jul. 2019, pp. 3645–3650.

7. Strubell, E., Ganesh, A., McCallum, A.: Energy and policy considerations for deep learning in NLP, pp. 1–6 (2019). [arXiv:1906.02243v1](https://arxiv.org/abs/1906.02243v1)

[^1]: Strubell, E., Ganesh, A., & McCallum, A. (2019). *Energy and policy considerations for deep learning in NLP*. arXiv preprint arXiv:1906.02243.
[^abnt]: STRUBELL, E.; GANESH, A.; MCCALLUM, A. Energy and Policy Considerations for Deep Learning in NLP. In: ANNUAL MEETING OF THE ASSOCIATION FOR COMPUTATIONAL LINGUISTICS, 57., 2019, Florença. **Anais** [...]. Florença: ACL, 2019. p. 3645–3650. Disponível em: <https://doi.org/10.18653/v1/P19-1355>. Acesso em: 3 mar. 2024.
[^ay]: Strubell et al. 2019. Talk at a workshop.
""".format(P1=P1, P3=P3, P3B=P3B)

# (line of the quote, how its source is found)
EXPECTED = [("doi", 7), ("title", 9), ("arxiv", 11), ("arxiv", 13), ("doi", 15), ("arxiv", 17),
            ("arxiv", 19), ("doi", 21), ("title", 23), ("title", 25), ("author-year", 25)]


@pytest.mark.corpus
def test_every_citation_style_resolves_to_the_paper(strubell, tmp_path):
    note = tmp_path / "styles.md"
    note.write_text(STYLES_NOTE, "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 0, r.out + r.err
    quotes = r.json["quotes"]
    assert r.json["problems"] == []
    assert [(q["method"], q["line"]) for q in quotes] == EXPECTED
    assert {q["citekey"] for q in quotes} == {"strubell2019energy"}
    assert {q["status"] for q in quotes} == {"ok"}
    assert [q["page"] for q in quotes] == [1, 3, 3, 1, 3, 3, 1, 3, 3, 3, 1]
    # the text report names the source and how it was found, for every quote
    r = run_kb("verify", "--note", note)
    assert r.code == 0
    assert f"{note}:7: ok         strubell2019energy v1 (by doi), page 1: " in r.out
    assert f"{note}:25: ok         strubell2019energy v1 (by author-year), page 1: " in r.out
    assert r.out.rstrip().endswith("11 quotes: 11 ok, 0 failed")


PLAIN_NOTE = """# Quotes in running text, as people write them

Strubell et al. (2019) write that "{P3}" and go on.

They note “{P1_SHORT}” (Strubell et al., 2019, p. 1).

As \\citet[p.~3]{{strubell2019energy}} put it, "{P3B}"

@strubell2019energy reports "{P3_WRONG}".

A claim with a typo: "{P1_WRONG}" [@strubell2019energy, p. 1].

The Markdown-escaped: *"All models have code freely available online, which we used out-of-the\\-box."* [@strubell2019energy]

So-called "green AI" is a phrase, and `"code in quotes with many words here"` is code.

A long passage quoted without a source: "every one of these words is quoted yet nothing says whose they are".
"""


@pytest.mark.corpus
def test_plain_quotes_in_running_text_are_checked_whatever_the_citation_style(strubell, tmp_path):
    """Quotes in straight or curly quote marks, cited after them (author-year, pandoc) or
    before them (narrative author-year, \\citet, @key): a changed digit or word is caught
    in every one; short phrases and code are not quotes; an uncited long passage is
    reported as not checked."""
    note = tmp_path / "plain.md"
    note.write_text(PLAIN_NOTE.format(
        P3=P3, P3B=P3B, P1_SHORT=P1[:P1.index(" which")], P3_WRONG=P3.replace("four", "five"),
        P1_WRONG=P1.replace("substantial", "modest")), "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1, r.out + r.err
    got = [(q["line"], q["status"], q["method"]) for q in r.json["quotes"]]
    assert got == [(3, "ok", "author-year"), (5, "ok", "author-year"), (7, "ok", "citekey"),
                   (9, "not-found", "citekey"), (11, "not-found", "citekey"), (13, "ok", "citekey"),
                   (17, "unchecked", None)], got
    r = run_kb("verify", "--note", note)
    assert "differs: five -> four" in r.out and "differs: modest -> substantial" in r.out, r.out
    assert r.out.rstrip().endswith("6 quotes: 4 ok, 2 failed, 1 quoted passage not checked")
    # the right words everywhere: only --strict fails on the passage kb could not check
    fixed = note.read_text().replace("five", "four").replace("modest", "substantial")
    note.write_text(fixed)
    assert run_kb("verify", "--note", note).code == 0
    assert run_kb("verify", "--note", note, "--strict").code == 1


@pytest.mark.corpus
@pytest.mark.parametrize("written", ['They note "{P3}" (Ganesh & Strubell, 2019).',
                                     'They note "{P3}" (McCallum & Strubell 2019, p. 3).',
                                     "> {P3}\n>\n> — Ganesh & Strubell (2019, p. 3)"])
def test_a_citation_naming_a_co_author_first_names_no_paper(strubell, tmp_path, written):
    """'Ganesh & Strubell' was read as one name ending in 'strubell' and the quote checked
    against Strubell et al.'s paper; its first author is Ganesh, whose paper kb does not hold."""
    note = tmp_path / "amp.md"
    note.write_text(written.format(P3=P3) + "\n", "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1, r.out + r.err
    assert [(q["citekey"], q["status"]) for q in r.json["quotes"]] == [(None, "no-source")]
    r = run_kb("verify", "--note", note)
    assert "no paper here has its first author " in r.out and "strubell2019energy (by" not in r.out, r.out


@pytest.mark.corpus
def test_a_chicago_short_form_note_is_checked_against_the_work_of_its_full_note(strubell, tmp_path):
    """'Strubell, Ganesh, and McCallum, "Energy," 1.' shortens the full note before it: its
    one-word title named no paper; the quote is now checked against the full note's work."""
    note = tmp_path / "chicago.md"
    note.write_text(f'They note "{P1}"[^1] and "{P3}"[^2]. Not "{P3.replace("four", "five")}"[^3].\n\n'
                    '[^1]: Emma Strubell, Ananya Ganesh, and Andrew McCallum, "Energy and Policy Considerations '
                    'for Deep Learning in NLP," in *Proceedings of ACL* (2019), 1.\n'
                    '[^2]: Strubell, Ganesh, and McCallum, "Energy."\n[^3]: Strubell, Ganesh, and McCallum, "Energy."\n',
                    "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1, r.out + r.err
    assert [(q["citekey"], q["status"]) for q in r.json["quotes"]] == [
        ("strubell2019energy", "ok"), ("strubell2019energy", "ok"), ("strubell2019energy", "not-found")]


TWO_WORKS_OF_2019 = """They note "{P3}" {cite}.

## References

Strubell, E., & Ganesh, A. (2019). A shorter study of the cost of training language models. *Journal of Examples*, 1(2), 3–4.

Strubell, E., Ganesh, A., & McCallum, A. (2019). Energy and policy considerations for deep learning in NLP. In *Proceedings of ACL* (pp. 3645–3650).
"""


@pytest.mark.corpus
def test_a_citation_naming_every_author_is_the_entry_of_those_authors(strubell, tmp_path):
    """Two entries of the note's list share a first author and a year: a citation naming
    two authors is the entry of those two, one naming all three the entry of the three."""
    note = tmp_path / "two.md"
    note.write_text(TWO_WORKS_OF_2019.format(P3=P3, cite="(Strubell, Ganesh, & McCallum, 2019, p. 3)"), "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 0, r.out + r.err
    assert [(q["citekey"], q["method"], q["status"]) for q in r.json["quotes"]] == [
        ("strubell2019energy", "title", "ok")]
    for cite in ("(Strubell & Ganesh, 2019)", "(Strubell and Ganesh 2019, 3)"):
        note.write_text(TWO_WORKS_OF_2019.format(P3=P3, cite=cite), "utf-8")
        r = run_kb("verify", "--note", note)
        assert r.code == 1, r.out + r.err
        assert "source not in the knowledge base: Strubell, E., & Ganesh, A. (2019). A shorter study" in r.out, r.out
    # "et al." names no more than the first author: both entries, said so
    note.write_text(TWO_WORKS_OF_2019.format(P3=P3, cite="(Strubell et al., 2019)"), "utf-8")
    r = run_kb("verify", "--note", note)
    assert r.code == 1 and "2 references of the note match 'Strubell et al. 2019': lines 5, 7" in r.out, r.out


@pytest.mark.corpus
@pytest.mark.parametrize("cite", ["(Strubell, 2019)", "(Strubell et al. 2019, p. 3)", "(Strubell and Ganesh, 2019)",
                                  "(see Strubell, Ganesh and McCallum 2019: 3)", "(Strubell & Ganesh, 2019)",
                                  "(Strubell, Ganesh, & McCallum, 2019, p. 3)"])
def test_author_year_citations_of_one_two_or_more_authors_resolve(strubell, tmp_path, cite):
    note = tmp_path / "ay.md"
    note.write_text(f'They note "{P3}" {cite}.\n', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 0, r.out + r.err
    assert [(q["citekey"], q["method"], q["status"]) for q in r.json["quotes"]] == [
        ("strubell2019energy", "author-year", "ok")]
    # the year wrong: no source, and the reason says what was looked for
    note.write_text(f'They note "{P3}" {cite.replace("2019", "2018")}.\n', "utf-8")
    r = run_kb("verify", "--note", note)
    assert r.code == 1 and "no paper here has its first author 'strubell' and year 2018" in r.out, r.out


@pytest.mark.corpus
def test_pandoc_bibliography_of_the_front_matter(strubell, tmp_path):
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "my.bib").write_text(
        "@inproceedings{Strubell_Energy_2019,\n  title = {Energy and Policy Considerations for Deep Learning in {NLP}},\n"
        "  author = {Strubell, Emma and Ganesh, Ananya and McCallum, Andrew},\n  year = {2019},\n"
        "  doi = {10.18653/v1/P19-1355},\n}\n\n"
        "@misc{untitled,\n  title = {Energy and policy considerations for deep learning in NLP},\n"
        "  author = {Strubell, E.},\n  year = 2019,\n}\n\n"
        "@misc{elsewhere,\n  title = {A Paper This Knowledge Base Does Not Hold},\n  author = {Nobody, N.},\n"
        "  year = 2001,\n}\n", "utf-8")
    note = tmp_path / "note.md"
    note.write_text(f"---\ntitle: x\nbibliography: refs/my.bib\n---\n\n> {P1}\n[@Strubell_Energy_2019, p. 1]\n\n"
                    f"> {P3} [@untitled, p. 3]\n\n> {P3B} [@strubell2019energy, p. 3]\n\n"
                    f"> {P3B} [@elsewhere]\n", "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1, r.out + r.err
    got = [(q["status"], q["method"], q["citekey"]) for q in r.json["quotes"]]
    assert got == [("ok", "doi", "strubell2019energy"), ("ok", "title", "strubell2019energy"),
                   ("ok", "citekey", "strubell2019energy"), ("no-source", None, None)]
    last = r.json["quotes"][-1]
    assert "@elsewhere in the bibliography" in last["reference"]
    # the list form of the front matter works too
    note.write_text(note.read_text().replace("bibliography: refs/my.bib", "bibliography:\n  - refs/my.bib"))
    r = run_kb("verify", "--note", note, "--json")
    assert [q["method"] for q in r.json["quotes"]][:2] == ["doi", "title"]


@pytest.mark.corpus
def test_wrong_page_locators_are_reported_with_the_right_page(strubell, tmp_path):
    note = tmp_path / "pages.md"
    note.write_text(
        f"> {P1} [@strubell2019energy, p. 3]\n\n"                        # line 1: wrong (page 1)
        f"> {P3} [@strubell2019energy, pp. 2-3]\n\n"                     # line 3: right (page 3)
        f"<note-quote quote=\"{P3B}\" sourceLink=\"#strubell2019energy\" page=\"5\"></note-quote>\n\n"
        f"<note-quote quote=\"{P3B}\" sourceLink=\"#strubell2019energy\" sourceText=\"[2, p. 4]\"></note-quote>\n\n"
        f"> {P3} [@strubell2019energy, p. 3647]\n\n"                     # printed page: pages = 3645--3650
        f"> {P3} [@strubell2019energy, p. 3650]\n\n"
        f"> {P3} [@strubell2019energy, p. 2f.]\n\n"                    # the page and the one after
        f"> {P3} [@strubell2019energy, p. 1ff.]\n\n"                   # ... and the pages after
        f"> {P3} [@strubell2019energy, p. 4f.]\n", "utf-8")
    r = run_kb("verify", "--note", note)
    assert r.code == 1
    assert f"{note}:13: ok " in r.out and f"{note}:15: ok " in r.out
    assert f"{note}:17: wrong-page" in r.out and "the note cites p. 4f, but the quote is on page 3" in r.out
    assert f"{note}:1: wrong-page strubell2019energy v1 (by citekey)" in r.out
    assert "the note cites p. 3, but the quote is on page 1 (printed p. 3645)" in r.out
    assert f"{note}:3: ok " in r.out
    assert f"{note}:5: wrong-page" in r.out and "the note cites p. 5, but the quote is on page 3" in r.out
    assert f"{note}:7: wrong-page" in r.out and "the note cites p. 4, but the quote is on page 3" in r.out
    assert f"{note}:9: ok " in r.out
    assert f"{note}:11: wrong-page" in r.out and "on page 3 (printed p. 3647)" in r.out
    r = run_kb("verify", "--note", note, "--json")
    bad = [q for q in r.json["quotes"] if q["status"] == "wrong-page"]
    assert [(q["cited_page"], q["page"]) for q in bad] == [("3", 1), ("5", 3), ("4", 3), ("3650", 3), ("4f", 3)]


# -- bad input ---------------------------------------------------------------------------------

@pytest.mark.corpus
def test_broken_bibliography_path_is_a_problem_line(strubell, tmp_path):
    note = tmp_path / "note.md"
    note.write_text(f"---\nbibliography: missing/refs.bib\n---\n\n> {P1} [@Strubell_Energy_2019]\n\n"
                    f"> {P3} [@strubell2019energy]\n", "utf-8")
    r = run_kb("verify", "--note", note)
    assert r.code == 1 and "Traceback" not in r.err
    assert f"{note}:2: problem: bibliography missing/refs.bib: cannot read " in r.out
    assert str(tmp_path / "missing" / "refs.bib") in r.out      # relative to the note
    assert f"{note}:5: no-source" in r.out
    assert "no paper 'Strubell_Energy_2019' here or in the front matter's bibliography" in r.out
    assert f"{note}:7: ok " in r.out


@pytest.mark.corpus
@pytest.mark.parametrize("content, why", [
    ("This is a plain text file, not a bibliography.\n", "holds no entries"),
    ("@article{broken,\n  title = {Unclosed\n", "not a BibTeX file"),
    (b"\xff\xfe\x00junk", "not a BibTeX file"),
])
def test_a_bibliography_that_is_not_bibtex(strubell, tmp_path, content, why):
    bib = tmp_path / "refs.bib"
    bib.write_bytes(content if isinstance(content, bytes) else content.encode())
    note = tmp_path / "note.md"
    note.write_text(f"---\nbibliography: [refs.bib]\n---\n\n> {P1} [@strubell2019energy]\n", "utf-8")
    r = run_kb("verify", "--note", note)
    assert r.code == 1 and "Traceback" not in r.err
    assert f"{note}:2: problem: bibliography refs.bib: " in r.out and why in r.out
    assert f"{note}:5: ok " in r.out


@pytest.mark.corpus
def test_a_reference_with_two_conflicting_identifiers(strubell, tmp_path):
    note = tmp_path / "note.md"
    note.write_text(f"> {P1} [3]\n\n## References\n\n[3] Strubell, E. (2019). Energy and policy considerations "
                    "for deep learning in NLP. arXiv:2311.16863. https://doi.org/10.18653/v1/P19-1355\n", "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1
    [q] = r.json["quotes"]
    assert q["status"] == "no-source" and q["citekey"] is None
    assert ("conflicting identifiers: arXiv:2311.16863 is luccioni2023power but doi:10.18653/v1/p19-1355 "
            "is strubell2019energy") in q["message"]


@pytest.mark.corpus
def test_unresolved_source_names_the_closest_paper(strubell, tmp_path):
    note = tmp_path / "note.md"
    note.write_text(f"> {P1} [^x]\n\n[^x]: Strubel, E. (2018). Energy considerations for deep networks in "
                    f"language processing. Unpublished.\n\n> {P3} [9]\n", "utf-8")
    r = run_kb("verify", "--note", note)
    assert r.code == 1
    assert f"{note}:1: no-source  [^x]:" in r.out
    assert "source not in the knowledge base: Strubel, E. (2018). Energy considerations" in r.out
    assert "closest here: strubell2019energy \"Energy and Policy Considerations for Deep Learning in NLP\"" \
        in r.out
    assert f"{note}:5: no-source" in r.out and "the note has no reference [9]" in r.out
    r = run_kb("verify", "--note", note, "--json")
    assert [q["closest"] for q in r.json["quotes"]] == ["strubell2019energy", None]
    json.dumps(r.json)


@pytest.mark.corpus
def test_links_to_the_paper_itself_and_html_lists(strubell, tmp_path):
    note = tmp_path / "note.md"
    note.write_text(
        f'<note-quote quote="{P3}" sourceLink="https://arxiv.org/abs/1906.02243" sourceText="[1]"></note-quote>\n\n'
        f'> {P3B} <a href="https://doi.org/10.18653/v1/P19-1355">(Strubell et al., 2019)</a>\n\n'
        f"> {P3} [2]\n\n"
        f"> {P1}\n— Strubell, E., Ganesh, A. and McCallum, A. (2019) 'Energy and policy considerations for deep "
        "learning in NLP', in Proceedings of ACL, p. 1.\n\n"
        "## References\n\n<ol>\n<li>Luccioni, A. S. et al. Power hungry processing. 2023.</li>\n"
        "<li>Strubell, E., Ganesh, A., McCallum, A. Energy and policy considerations for deep learning in NLP. "
        "ACL 2019.</li>\n</ol>\n", "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 0, r.out
    assert [(q["citekey"], q["method"], q["cited_page"]) for q in r.json["quotes"]] == [
        ("strubell2019energy", "arxiv", None), ("strubell2019energy", "doi", None),
        ("strubell2019energy", "title", None), ("strubell2019energy", "title", "1")]


def test_a_quote_of_a_text_without_version_that_no_longer_matches_says_so_plainly(kb_root, tmp_path):
    """A local PDF has no arXiv version: a quote edited by hand so that it is no longer in
    the text is 'no longer found in its text', not 'in ;'."""
    from pdfgen import make_pdf

    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(make_pdf([["A Local Paper", "We measured the energy of twelve models on one machine."]],
                             title="A Local Paper", author="Jane Doe"))
    r = run_kb("add", "--offline", pdf)
    assert r.code == 0, r.err
    key = r.out.split()[1]
    assert run_kb("quote", "add", key, "We measured the energy of twelve models").code == 0
    claims = kb_root / "claims" / f"{key}.toml"
    claims.write_text(claims.read_text().replace("twelve models", "eleven models"))
    r = run_kb("verify")
    assert r.code == 1
    assert "no longer found in its text; page 1" in r.out and "in ;" not in r.out


@pytest.mark.corpus
def test_an_author_year_citation_goes_through_the_note_s_own_reference_list(strubell, tmp_path):
    """'(Strubell et al., 2019)' names the entry of the note's reference list with that
    first author and year, even when the entries follow each other line by line; an
    entry whose title is another paper of that author and year is not this one."""
    note = tmp_path / "note.md"
    refs = ("## References\n"
            "Doe, J. (2020). Unrelated work on graphs. Journal of Graphs, 1, 1–2.\n"
            "Strubell, E., Ganesh, A., & McCallum, A. (2019). Energy and policy considerations for deep "
            "learning in NLP. In Proceedings of ACL. https://doi.org/10.18653/v1/P19-1355\n")
    note.write_text(f'"{P3}" (Strubell et al., 2019).\n\n{refs}', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 0, r.out
    assert [(q["citekey"], q["method"]) for q in r.json["quotes"]] == [("strubell2019energy", "doi")]
    # the note's entry is another paper by Strubell in 2019: said, not attributed to the one here
    other = refs.replace("Energy and policy considerations for deep learning in NLP. In Proceedings of ACL. "
                         "https://doi.org/10.18653/v1/P19-1355",
                         "Linguistically-informed self-attention for semantic role labeling. In Proceedings "
                         "of EMNLP.")
    note.write_text(f'"{P3}" (Strubell et al., 2019).\n\n{other}', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1, r.out
    [q] = r.json["quotes"]
    assert q["citekey"] is None and "another title" in r.out
    # two entries of that author and year, the citation without its letter: neither
    both = other + ("Strubell, E., Ganesh, A., & McCallum, A. (2019). Energy and policy considerations for "
                    "deep learning in NLP. In Proceedings of ACL.\n")
    note.write_text(f'"{P3}" (Strubell et al., 2019).\n\n{both}', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1 and r.json["quotes"][0]["citekey"] is None
    assert "2 references of the note match" in r.out
    lettered = both.replace("(2019). Linguistically", "(2019a). Linguistically").replace(
        "(2019). Energy", "(2019b). Energy")
    note.write_text(f'"{P3}" (Strubell et al., 2019b).\n\n{lettered}', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 0, r.out
    assert [(q["citekey"], q["method"]) for q in r.json["quotes"]] == [("strubell2019energy", "title")]


def test_an_author_year_citation_of_two_papers_here_is_ambiguous_and_names_both(strubell, tmp_path):
    """'(Luccioni et al., 2023)' with two papers by Luccioni in 2023 here, and no letter or title to
    tell them apart: neither is taken, and both are named, as an ambiguity (not a paper missing, nor
    the closest of the two)."""
    note = tmp_path / "note.md"
    quote = "Generative tasks are more energy- and carbon-intensive compared to discriminative tasks."
    note.write_text(f'"{quote}" (Luccioni et al., 2023).\n', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1 and r.json["quotes"][0]["citekey"] is None, r.out
    message = r.json["quotes"][0]["message"]
    assert "is ambiguous" in message and "luccioni2023counting, luccioni2023power" in message, message
    assert r.json["quotes"][0]["closest"] is None and "not in the knowledge base" not in message
    assert message.endswith("cite the work by its key, title or year letter (2020a)"), message
    # a letter where the works print none says so: no letter tells them apart
    note.write_text(f'"{quote}" (Luccioni et al., 2023b).\n', "utf-8")
    message = run_kb("verify", "--note", note, "--json").json["quotes"][0]["message"]
    assert "is ambiguous" in message and message.endswith("cite the work by its key or title"), message
    # the note's list gives both works, each a paper here: both named
    refs = ("\n## References\n\n"
            "Luccioni, A. S., Jernite, Y., & Strubell, E. (2023). Power hungry processing: Watts driving the cost "
            "of AI deployment? arXiv:2311.16863.\n\n"
            "Luccioni, A. S., & Hernandez-Garcia, A. (2023). Counting carbon: A survey of factors influencing the "
            "emissions of machine learning. arXiv:2302.08476.\n")
    note.write_text(f'"{quote}" (Luccioni et al., 2023).\n{refs}', "utf-8")
    r = run_kb("verify", "--note", note)
    assert r.code == 1 and "is ambiguous" in r.out and "luccioni2023counting, luccioni2023power" in r.out, r.out
    # a letter the list gives settles it
    lettered = refs.replace("(2023). Power", "(2023a). Power").replace("(2023). Counting", "(2023b). Counting")
    note.write_text(f'"{quote}" (Luccioni et al., 2023a).\n{lettered}', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.json["quotes"][0]["citekey"] == "luccioni2023power", r.out


@pytest.mark.corpus
def test_one_work_listed_as_a_footnote_and_in_the_bibliography_is_that_work(strubell, tmp_path):
    """Chicago's notes-bibliography style lists a work twice, in its footnote and in the
    bibliography: '(Strubell et al., 2019)' then names one paper, not two; a changed word
    is still refused."""
    note = tmp_path / "note.md"
    refs = ('[^1]: Emma Strubell, Ananya Ganesh, and Andrew McCallum, "Energy and Policy Considerations '
            'for Deep Learning in NLP," in *Proceedings of the 57th Annual Meeting of the ACL* (2019), 1.\n\n'
            "## Bibliography\n\n"
            "Strubell, Emma, Ananya Ganesh, and Andrew McCallum. \"Energy and Policy Considerations for Deep "
            "Learning in NLP.\" In *Proceedings of ACL*, 2019.\n")
    note.write_text(f'"{P3}" (Strubell et al., 2019, p. 3).[^1]\n\n{refs}', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 0, r.out
    assert [q["citekey"] for q in r.json["quotes"]] == ["strubell2019energy"]
    changed = P3.replace("four models", "five models")
    assert changed != P3
    note.write_text(f'"{changed}" (Strubell et al., 2019, p. 3).[^1]\n\n{refs}', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1 and r.json["quotes"][0]["citekey"] == "strubell2019energy"
    assert r.json["quotes"][0]["status"] != "ok"


@pytest.mark.corpus
def test_a_quote_cited_by_a_link_to_the_paper_resolves_through_the_link(strubell, tmp_path):
    """A Markdown link or an autolink after a quote, to arXiv, doi.org, the ACL Anthology or
    Semantic Scholar, is the quote's citation; a link kb cannot resolve is said, not skipped."""
    note = tmp_path / "note.md"
    note.write_text(
        f'"{P3}" ([arXiv](https://arxiv.org/abs/1906.02243v1)).\n\n'
        f'"{P3B}" (<https://doi.org/10.18653/v1/P19-1355>)\n\n'
        f'"{P3}" [ACL Anthology](https://aclanthology.org/P19-1355/).\n\n'
        f'"{P3B}" ([Semantic Scholar](https://www.semanticscholar.org/arxiv/1906.02243))\n\n'
        f'"{P3}" ([a blog post](https://example.org/green-ai-notes)).\n', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1, r.out
    assert [(q["citekey"], q["method"]) for q in r.json["quotes"]] == [
        ("strubell2019energy", "arxiv"), ("strubell2019energy", "doi"), ("strubell2019energy", "doi"),
        ("strubell2019energy", "arxiv"), (None, None)]
    assert "example.org/green-ai-notes" in r.out


def test_a_page_locator_may_give_the_page_number_the_pages_print(kb_root, tmp_path):
    """No pages field in the entry: the numbers printed at the pages' edges ("2270" on PDF
    page 1 of a proceedings paper) are read as the pages' numbers too."""
    (kb_root / "references.bib").write_text("@inproceedings{doe2020,\n  title = {A Paper},\n"
                                            "  author = {Doe, Jane},\n  year = {2020},\n}\n")
    pages = [f"Proceedings of a meeting\n{2270 + i}\nSentence {i} of the paper about page numbers here.\n"
             f"More text on page {i + 1}." for i in range(4)]
    source = tmp_path / "pages.json"
    source.write_text(json.dumps(pages))
    assert run_kb("text", "load", "doe2020", source).code == 0
    note = tmp_path / "note.md"
    note.write_text("> Sentence 2 of the paper about page numbers here.\n> [@doe2020, p. 3]\n\n"
                    "> Sentence 2 of the paper about page numbers here.\n> [@doe2020, p. 2272]\n\n"
                    "> Sentence 2 of the paper about page numbers here.\n> [@doe2020, p. 2273]\n", "utf-8")
    r = run_kb("verify", "--note", note)
    assert r.code == 1
    assert f"{note}:1: ok " in r.out and f"{note}:4: ok " in r.out
    assert f"{note}:7: wrong-page" in r.out
    assert "the note cites p. 2273, but the quote is on page 3 (printed p. 2272)" in r.out


#: P3 with one word changed: in no paper here.
P3_CHANGED = P3.replace("four", "five")


def _verify_both(tmp_path, written, refs: str = ""):
    """`kb verify --note --json` of a note holding P3 and then P3_CHANGED, each as
    `written(quote)` gives it, with `refs` after them; it must fail (exit 1)."""
    note = tmp_path / "note.md"
    note.write_text(f"{written(P3)}\n\n{written(P3_CHANGED)}\n\n{refs}", "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1, r.out
    return r


@pytest.mark.corpus
def test_a_quote_linked_to_the_papers_note_obsidian_style_is_checked(strubell, tmp_path):
    links = {P3: "[[@strubell2019energy|p. 3]]", P3_CHANGED: "[[strubell2019energy]]"}
    r = _verify_both(tmp_path, lambda q: f'"{q}" {links[q]}')
    assert [(q["citekey"], q["status"] == "ok") for q in r.json["quotes"]] == [
        ("strubell2019energy", True), ("strubell2019energy", False)]


@pytest.mark.corpus
@pytest.mark.parametrize("quoted", [
    "‘{q}’ (Strubell et al., 2019, p. 3).", "``{q}'' \\cite[p.~3]{{strubell2019energy}}.",
    "« {q} » (Strubell et al., 2019, p. 3).", "»{q}« (vgl. Strubell et al. 2019, S. 3).",
    '"{q}" [Strubell et al. 2019].', '"{q}" (Strubell, Ganesh y McCallum, 2019, pág. 3).'])
def test_quotes_in_other_marks_and_citation_styles_are_checked(strubell, tmp_path, quoted):
    """British single marks, LaTeX's ``...'', guillemets, ACM's bracketed author-year and
    German or Spanish locators: each quote is checked, and one with a changed word fails."""
    r = _verify_both(tmp_path, lambda q: quoted.format(q=q))
    assert [(q["citekey"], q["status"] == "ok") for q in r.json["quotes"]] == [
        ("strubell2019energy", True), ("strubell2019energy", False)], r.out


@pytest.mark.corpus
@pytest.mark.parametrize("cite", ["[1, 2]", "[1-2]", "[1], [2]", "[1]–[2]", "<sup>1,2</sup>", "[@luccioni2023power; @strubell2019energy]",
                                  "\\cite{luccioni2023power,strubell2019energy}",
                                  "(Luccioni et al., 2023; Strubell et al., 2019)"])
def test_a_quote_citing_several_works_is_checked_against_each(strubell, tmp_path, cite):
    """'[1, 2]', '[@a; @b]', '(Doe, 2019; Roe, 2020)': the quote is in one of the works its
    citation names, and is found there; a changed word is in none of them, which the verdict says
    naming each, with the closest passage of all of them, and fails."""
    r = run_kb("text", "load", "luccioni2023power", corpus_path("wattbot", "pypdf-text", "luccioni2024.json"),
               "--extractor", "pypdf")
    assert r.code == 0, r.err
    refs = ("## References\n\n1. Luccioni, A. S., Jernite, Y., Strubell, E. Power hungry processing: watts driving "
            "the cost of AI deployment? 2023.\n2. Strubell, E., Ganesh, A., McCallum, A. Energy and policy "
            "considerations for deep learning in NLP. ACL 2019.\n")
    r = _verify_both(tmp_path, lambda q: f'"{q}" {cite}.', refs)
    assert [(q["citekey"], q["status"]) for q in r.json["quotes"]] == [
        ("strubell2019energy", "ok"), ("strubell2019energy", "not-found")], r.out
    assert "one of the 2 works cited" in r.out or "one of the 2 works cited" in r.json["quotes"][0]["message"]
    assert r.json["quotes"][1]["message"] == (
        "in none of the 2 works cited: luccioni2023power (not found), strubell2019energy v1 (not found); "
        "closest, strubell2019energy v1 page 3: differs: five -> four")


@pytest.mark.corpus
def test_a_quote_citing_a_work_kb_lacks_and_one_it_holds_is_judged_by_the_one_it_holds(strubell, tmp_path):
    r = _verify_both(tmp_path, lambda q: f'"{q}" [@nobody2020; @strubell2019energy, p. {5 if q == P3 else 3}].')
    assert [(q["citekey"], q["status"], q["message"]) for q in r.json["quotes"]] == [
        ("strubell2019energy", "wrong-page", "the note cites p. 5, but the quote is on page 3 (printed p. 3647) "
         "(@strubell2019energy, one of the 2 works "
         "cited); not in the others: @nobody2020 (not in the knowledge base)"),
        ("strubell2019energy", "not-found", "in none of the 2 works cited: @nobody2020 (not in the knowledge base), "
         "strubell2019energy v1 (not found); closest, strubell2019energy v1 page 3: differs: five -> four")], r.out


@pytest.mark.corpus
@pytest.mark.parametrize("written", [
    "\\enquote{{{q}}} \\cite[p.~3]{{strubell2019energy}}.", "\\textquote[{{\\cite{{strubell2019energy}}}}]{{{q}}}",
    "\\begin{{quote}}\n{q}\n\\end{{quote}}\n\\cite{{strubell2019energy}}",
    "#+begin_quote\n{q}\n#+end_quote\n[cite:@strubell2019energy]", "<q>{q}</q> [@strubell2019energy]",
    '<blockquote cite="https://arxiv.org/abs/1906.02243">{q}</blockquote>'])
def test_quotes_written_in_latex_html_or_org_are_checked(strubell, tmp_path, written):
    """A LaTeX, HTML or Org note's quotes are checked as a Markdown note's are: the
    quote verifies, and the same quote with a word changed fails."""
    r = _verify_both(tmp_path, lambda q: written.format(q=q))
    assert [(q["citekey"], q["status"]) for q in r.json["quotes"]] == [
        ("strubell2019energy", "ok"), ("strubell2019energy", "not-found")], r.out


@pytest.mark.corpus
@pytest.mark.parametrize("cite", ["https://arxiv.org/abs/1906.02243", "(arXiv:1906.02243, p. 3)",
                                  "(doi:10.18653/v1/P19-1355)"])
def test_a_quote_followed_by_its_papers_identifier_is_checked(strubell, tmp_path, cite):
    r = _verify_both(tmp_path, lambda q: f'"{q}" {cite}')
    assert [(q["citekey"], q["status"]) for q in r.json["quotes"]] == [
        ("strubell2019energy", "ok"), ("strubell2019energy", "not-found")], r.out


@pytest.mark.corpus
def test_chicago_footnotes_short_forms_ibid_and_their_pages(strubell, tmp_path):
    """Chicago's notes: a full note, then a short form (author and the first words of the
    title) and 'Ibid.', each at its own page: all name the paper, and a page where the
    quote is not is said."""
    note = tmp_path / "note.md"
    note.write_text(
        f'"{P3}"[^1] Again, "{P3}"[^2] and "{P3}"[^3] and "{P3}"[^4]\n\n'
        '[^1]: Emma Strubell, Ananya Ganesh, and Andrew McCallum, "Energy and Policy Considerations for Deep '
        'Learning in NLP," in *Proceedings of the 57th Annual Meeting of the ACL* (2019), 3.\n'
        '[^2]: Strubell, Ganesh, and McCallum, "Energy and Policy Considerations," 3.\n'
        "[^3]: Ibid., 3.\n"
        "[^4]: Ibid., 5.\n", "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1, r.out
    assert [(q["citekey"], q["status"], q["cited_page"]) for q in r.json["quotes"]] == [
        ("strubell2019energy", "ok", "3"), ("strubell2019energy", "ok", "3"), ("strubell2019energy", "ok", "3"),
        ("strubell2019energy", "wrong-page", "5")], r.out
    # a short title that begins another paper's title, by another author: not this paper
    note.write_text(f'"{P3}"[^1]\n\n[^1]: Doe, "Energy and Policy Considerations," 3.\n', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.json["quotes"][0]["citekey"] is None


@pytest.mark.corpus
def test_ibid_in_running_text_is_checked_as_the_citation_it_repeats(strubell, tmp_path):
    note = tmp_path / "note.md"
    note.write_text(f'"{P3}" (Strubell et al., 2019, p. 3). Then "{P3B}" (ibid.). And "{P3}" (ibid., 5).\n', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1, r.out
    assert [(q["citekey"], q["status"], q["cited_page"]) for q in r.json["quotes"]] == [
        ("strubell2019energy", "ok", "3"), ("strubell2019energy", "ok", "3"),
        ("strubell2019energy", "wrong-page", "5")], r.out


# A sentence of page 3 holding figures, and one of page 5 holding a "not"
DIGITS = "This equates to 32,623 hours of TPU or 274,120 hours on 8 P100 GPUs."
NOT5 = "Recent advances in available compute come at a high price not attainable to all who desire access."
ENTRY = "Strubell, E., Ganesh, A., & McCallum, A. (2019). Energy and policy\n   considerations for deep learning in NLP. ACL."


@pytest.mark.corpus
@pytest.mark.parametrize("cite, bibliography", [
    ("<<strubell2019energy,p. {p}>>", ""), ("cite:[strubell2019energy({p})]", ""),          # AsciiDoc
    ("citenp:[str19({p}), luccioni2023power]", f"\n== Bibliography\n\n* [[[str19]]] {ENTRY}\n"),
    ("[Str19]_", f"\n.. [Str19] {ENTRY}\n"), ("[1]_", f"\n.. [1] {ENTRY}\n"),                  # reStructuredText
    (":cite:p:`{{see}}strubell2019energy{{p. {p}}}`", ""), (":footcite:`strubell2019energy`", ""),   # Sphinx
    ("{{cite:t}}`strubell2019energy`", ""),                                                        # MyST
    ("(Strubell, Ganesh, and McCallum {p})", "\n## Works Cited\n\n" + ENTRY.replace("\n  ", "") + "\n"),
    ("[@s, p. {p}]", ""),                                                                          # a short key
])
def test_asciidoc_rst_sphinx_and_mla_citations_are_checked(strubell, tmp_path, cite, bibliography):
    """Each quote is checked against the paper its citation names; the same quotes with a
    figure changed, a "not" dropped or a word swapped fail; an unknown key is not passed."""
    (tmp_path / "s.bib").write_text("@inproceedings{s, title = {Energy and Policy Considerations for Deep Learning "
                                    "in {NLP}}, author = {Strubell, Emma}, year = {2019}, eprint = {1906.02243}}\n")
    quotes = [(P3, 3), (DIGITS, 3), (NOT5, 5), (DIGITS.replace("274,120", "274,920"), 3),
              (NOT5.replace(" not", ""), 5), (P3.replace("four", "five"), 3)]
    body = "\n\n".join(f'"{q}" {cite.format(p=page)}.' for q, page in quotes)
    note = tmp_path / "note.adoc"
    note.write_text(f"---\nbibliography: s.bib\n---\n\n{body}\n\nLast: \"{P3}\" <<nosuch2019>>.\n{bibliography}")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1, r.out
    assert [(q["citekey"], q["status"]) for q in r.json["quotes"]] == [("strubell2019energy", "ok")] * 3 + [
        ("strubell2019energy", "not-found")] * 3 + [(None, "no-source")], r.out


@pytest.mark.corpus
@pytest.mark.parametrize("written", ["> {q}\n\n[@strubell2019energy, p. 3]", "> {q}\n\n— Strubell et al. 2019, p. 3",
                                     "As Strubell et al. (2019, p. 3) put it:\n\n> {q}",
                                     '[quote, Strubell et al., "Energy and Policy Considerations for Deep Learning '
                                     'in NLP", p. 3]\n____\n{q}\n____',
                                     "Text:\n\n    {q}\n\n    -- Strubell, Ganesh and McCallum (2019), p. 3"])
def test_a_blockquote_cited_after_a_blank_line_or_by_its_lead_in_is_checked(strubell, tmp_path, written):
    """Markdown's blockquotes cited after them or before them, AsciiDoc's quote blocks and
    reStructuredText's attributed block quotes: checked, and a changed word fails."""
    r = _verify_both(tmp_path, lambda q: written.format(q=q))
    assert [(q["citekey"], q["status"]) for q in r.json["quotes"]] == [
        ("strubell2019energy", "ok"), ("strubell2019energy", "not-found")], r.out


@pytest.mark.corpus
@pytest.mark.parametrize("declared, cite", [
    (":bibtex-file: s.bib", "cite:[s(3)]"), ("#+bibliography: s.bib", "[cite:@s p. 3]"),
    ("\\addbibresource{s.bib}", "\\autocite[3]{s}"), ('#bibliography("s.bib")', "#cite(<s>, supplement: [p. 3])"),
])
def test_a_bibliography_declared_in_an_asciidoc_org_latex_or_typst_note_resolves_its_keys(strubell, tmp_path,
                                                                                          declared, cite):
    (tmp_path / "s.bib").write_text("@inproceedings{s, title = {Energy and Policy Considerations for Deep Learning "
                                    "in {NLP}}, author = {Strubell, Emma}, year = {2019}, eprint = {1906.02243}}\n")
    r = _verify_both(tmp_path, lambda q: f'"{q}" {cite}.', "")
    assert [(q["citekey"], q["status"]) for q in r.json["quotes"]] == [(None, "no-source")] * 2, r.out
    note = tmp_path / "note.md"
    note.write_text(f"{declared}\n\n" + note.read_text("utf-8"), "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert [(q["citekey"], q["status"], q["method"]) for q in r.json["quotes"]] == [
        ("strubell2019energy", "ok", "arxiv"), ("strubell2019energy", "not-found", "arxiv")], r.out


@pytest.mark.corpus
def test_a_full_stop_set_inside_the_closing_quote_mark_is_the_notes(strubell, tmp_path):
    """American style puts the writer's full stop inside the closing mark where the paper's
    sentence goes on: the quote is the paper's; a changed word still fails, and kb quote add
    of the same words with that stop is still refused."""
    cut = "training a state-of-the-art model now requires substantial computational resources."
    note = tmp_path / "note.md"
    note.write_text(f"Strubell et al. (2019) write that “{cut}”\n\n"
                    f"Strubell et al. (2019) write that “{cut.replace('substantial', 'modest')}”\n\n"
                    "Strubell, E., Ganesh, A., & McCallum, A. (2019). Energy and policy considerations for deep "
                    "learning in NLP. ACL.\n", "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1, r.out
    assert [(q["citekey"], q["status"]) for q in r.json["quotes"]] == [
        ("strubell2019energy", "ok"), ("strubell2019energy", "not-found")], r.out
    assert "the final '.' is the note's" in r.json["quotes"][0]["message"]
    assert "not found in strubell2019energy" in run_kb("quote", "add", "strubell2019energy", cut).err


ALPHA_NOTE = """# Alphabetic labels, as BibTeX's alpha and biblatex's alphabetic styles print them

> {P1} [SGM19]

"{P3}" [SGM19, p. 3].

"{P3B}" [Str19; XYZ19].

> {P1} [XYZ19]
""".format(P1=P1, P3=P3, P3B=P3B)


@pytest.mark.corpus
def test_alphabetic_labels_resolve_to_the_paper_the_style_labels_so(strubell, tmp_path):
    """A note citing [SGM19] with no references list names the paper the alphabetic styles
    label so (Strubell, Ganesh, McCallum 2019), at its locator; a label no paper here has
    is said, never guessed."""
    note = tmp_path / "alpha.md"
    note.write_text(ALPHA_NOTE, "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1, r.out + r.err
    got = [(q["line"], q["citekey"], q["method"], q["status"]) for q in r.json["quotes"]]
    assert got[:3] == [(3, "strubell2019energy", "label", "ok"), (5, "strubell2019energy", "label", "ok"),
                       (7, "strubell2019energy", "label", "ok")]
    assert [(q["line"], q["status"]) for q in r.json["quotes"][3:]] == [(9, "no-source")]
    assert "the note has no reference [XYZ19]" in run_kb("verify", "--note", note).out
    assert r.json["quotes"][1]["page"] == 3
    # with a references list in the alphabetic style, its entry is the source
    note.write_text(f"# Listed\n\n> {P1} [SGM19]\n\n\"{P3}\" [SGM19, p. 3].\n\n## References\n\n"
                    "[SGM19] Emma Strubell, Ananya Ganesh, and Andrew McCallum. Energy and policy considerations "
                    "for deep learning in NLP. In ACL, 2019.\n", "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 0 and [(q["citekey"], q["method"]) for q in r.json["quotes"]] == \
        [("strubell2019energy", "title"), ("strubell2019energy", "title")]


PARTICLES_BIB = """@article{lecun1998gradient, title = {Gradient-based learning applied to document recognition},
  author = {LeCun, Yann and Bottou, L{\\'e}on and Bengio, Yoshua and Haffner, Patrick}, year = {1998}}
@article{cun1989backprop, title = {Backpropagation applied to handwritten zip code recognition},
  author = {Yann Le Cun and Bernhard Boser}, year = {1989}}
@article{ong2020things, title = {A study of things}, author = {Ong, Wei}, year = {2020}}
@article{an2019vietnamese, title = {A study of Vietnamese text}, author = {Nguyen Van An and John Smith and Mai Tran}, year = {2019}}
@article{dijk2021things, title = {Another study of things}, author = {Jan Van Dijk}, year = {2021}}
"""


def test_an_author_year_citation_of_a_family_name_behind_its_particle(kb_root, tmp_path):
    """'Le Cun et al. (1998)' names its family name whole, 'LeCun, Yann''s paper, and BibTeX's family name of
    'Yann Le Cun' ('Cun'), where the first failed as no paper by 'cun'; 'As' opening the sentence is no name;
    'Leong' is not 'Ong'."""
    (tmp_path / "in.bib").write_text(PARTICLES_BIB, "utf-8")
    assert run_kb("import", tmp_path / "in.bib").code == 0
    note = tmp_path / "note.md"
    note.write_text('Le Cun et al. (1998) write "the quick brown fox jumps over it" here.\n\n'
                    'As Le Cun (1989) writes, "the slow brown fox jumps over it" there.\n\n'
                    '"the slow red fox jumps over it, they say" (Leong, 2020).\n\n'
                    # the family name as a reader reads 'Yann Le Cun', 'Nguyen Van An', 'Jan Van Dijk', where BibTeX
                    # reads cun, an, dijk; not of another year, nor a name no paper's first author writes
                    'LeCun (1989) writes "the slow brown fox jumps over it" there.\n\n'
                    'Nguyen et al. (2019) write "the quick grey fox jumps over it" here.\n\n'
                    '"the quick grey fox jumps over it again" (Van Dijk, 2021).\n\n'
                    '"the quick grey fox jumps over it again" (Van Dijk, 2020).\n\n'
                    '"the quick grey fox jumps over it again" (Tran et al., 2019).\n', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert [(q["citekey"], q["method"], q["status"]) for q in r.json["quotes"]] == [
        ("lecun1998gradient", "author-year", "no-text"), ("cun1989backprop", "author-year", "no-text"),
        (None, None, "no-source"), ("cun1989backprop", "author-year", "no-text"),
        ("an2019vietnamese", "author-year", "no-text"), ("dijk2021things", "author-year", "no-text"),
        (None, None, "no-source"), (None, None, "no-source")], r.out


@pytest.mark.corpus
def test_a_label_nothing_says_is_a_citation_is_not_checked(strubell, tmp_path):
    """"[GPT35]" after a quote, in a note citing no work by an alphabetic label, is not checked (a model's
    name, as often as a label), where it failed as citing no reference; a numbered references list says
    nothing of it, and one label here, or a list labelled so, makes it a citation of nothing here."""
    note = tmp_path / "model.md"
    note.write_text(f'"{P1}" [GPT35].\n\n## References\n\n[1] E. Strubell, A. Ganesh, and A. McCallum. Energy '
                    "and policy considerations for deep learning in NLP. In ACL, 2019.\n", "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 0, r.out + r.err
    assert [(q["status"], q["citekey"]) for q in r.json["quotes"]] == [("unchecked", None)]
    assert "[GPT35] is no label of the note's references nor of a paper here" in r.json["quotes"][0]["message"]
    note.write_text(f'"{P1}" [GPT35].\n\n"{P3}" [SGM19, p. 3].\n', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert [(q["status"], q["citekey"]) for q in r.json["quotes"]] == \
        [("no-source", None), ("ok", "strubell2019energy")] and r.code == 1


@pytest.mark.corpus
def test_a_key_in_brackets_without_an_at_sign_is_a_citation(strubell, tmp_path):
    """"[strubell2019energy]" is the key a writer typed without pandoc's '@'; "[Strubell2019, p. 3]"
    a key no paper has that names a first author and a year: the one paper of both."""
    note = tmp_path / "keys.md"
    note.write_text(f'"{P1}" [strubell2019energy].\n\n"{P3}" [Strubell2019, p. 3].\n\n'
                    f'"{P3B}" [@strubell2019].\n\n"{P1}" [Strubell2020].\n', "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    assert r.code == 1
    got = [(q["line"], q["citekey"], q["method"], q["status"], q["page"]) for q in r.json["quotes"]]
    assert got[:3] == [(1, "strubell2019energy", "citekey", "ok", 1),
                       (3, "strubell2019energy", "author-year", "ok", 3),
                       (5, "strubell2019energy", "author-year", "ok", 3)]
    assert got[3][:2] == (7, None) and got[3][3] == "no-source"


SAME_YEAR_BIB = """@article{doe2020grids, title = {Carbon intensity of regional power grids},
  author = {Doe, Jane and Roe, Max}, year = {2020}}
@article{doe2020chips, title = {Embodied emissions of accelerator chips},
  author = {Doe, Jane and Poe, Ann and Lee, Kim}, year = {2020}}
"""
WORKS_CITED = ('\n\n## Works Cited\n\nDoe, Jane, and Max Roe. "Carbon Intensity of Regional Power Grids." '
               "*Energy Letters*, 2020.\n\nDoe, Jane, et al. \"Embodied Emissions of Accelerator Chips.\" "
               "*Chips*, 2020.\n")


@pytest.mark.parametrize("cite, listed, want", [
    # every author named: of two papers by Doe in 2020, the one of those authors, through the list or here
    ("(Doe and Roe, 2020, p. 3)", False, ("doe2020grids", "no-text")),
    ("(Doe, Poe, & Lee 2020)", False, ("doe2020chips", "no-text")),
    ("(Doe, Poe, and Lee 2020: 4)", True, ("doe2020chips", "no-text")),
    ("(Doe and Roe 2020)", True, ("doe2020grids", "no-text")),
    # MLA's author and page through the Works Cited list, as well as two works of one name
    ("(Doe and Roe 3)", True, ("doe2020grids", "no-text")),
    ("(Doe 4)", True, (None, "no-source")),
    # a second name no paper of that first author and year has, 'et al.' of both
    ("(Doe and Smith 2020)", False, (None, "no-source")),
    ("(Doe et al. 2020)", False, (None, "no-source")),
])
def test_a_citation_naming_every_author_tells_one_paper_of_a_first_author_and_year(kb_root, tmp_path, cite,
                                                                                    listed, want):
    """'(Doe and Roe 2020)' names both authors: of Doe and Roe's paper and Doe, Poe and Lee's of that year it is
    the first, where it was ambiguous (here, or through an MLA list whose year comes after its title); MLA's
    '(Doe 4)' of two works by Doe says it is ambiguous, where it was not checked."""
    (tmp_path / "in.bib").write_text(SAME_YEAR_BIB, "utf-8")
    assert run_kb("import", tmp_path / "in.bib").code == 0
    note = tmp_path / "note.md"
    note.write_text(f'"the grids of each region emit more or less carbon per hour" {cite}.'
                    + (WORKS_CITED if listed else "\n"), "utf-8")
    r = run_kb("verify", "--note", note, "--json")
    [q] = r.json["quotes"]
    assert (q["citekey"], q["status"]) == want, q
    if cite in ("(Doe 4)", "(Doe et al. 2020)"):
        assert "is ambiguous" in q["message"] and "doe2020chips" in q["message"]
    if cite == "(Doe and Smith 2020)":
        assert "'Smith' is not its author 2" in q["message"]


def test_the_summary_counts_the_quotes_neither_ok_nor_failed(kb_root, tmp_path):
    """A note's quotes of a paper kb holds no text of are counted as kb verify counts them:
    '2 quotes: 0 ok, 0 failed, 2 no-text', where the summary said '0 ok, 0 failed' of 2 quotes."""
    (kb_root / "references.bib").write_text("@article{doe2020energy,\n  title = {Energy of Models},\n"
                                            "  author = {Doe, Jane},\n  year = {2020}\n}\n")
    note = tmp_path / "n.md"
    note.write_text('> "We measured the energy of twelve models." [@doe2020energy, p. 2]\n\n'
                    '> "The machine drew 300 W at most." [@doe2020energy, p. 3]\n')
    r = run_kb("verify", "--note", note)
    assert r.code == 0, r.err
    assert r.out.rstrip().endswith("2 quotes: 0 ok, 0 failed, 2 no-text"), r.out
