"""Citations of a note in the styles a person brings, read as a reader reads them. (A sentence Luccioni and
Hernandez-Garcia 2023 print on their page 2, of Strubell et al. 2019's work.)"""

from __future__ import annotations

import pytest

from kb.ops.papers import import_bib
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb
from kb.text.notes import citations_as_pandoc, parse_note, sentence_citations

_Q = '"produced 284,019 kg (626,155 lbs) of CO2"'


@pytest.mark.parametrize("text, attribution, page", [
    # APA 7's secondary citation: the work read, which the reference list holds, at its page
    (f"The estimate {_Q} (Strubell et al., 2019, as cited in Luccioni & Hernandez-Garcia, 2023, p. 2).",
     "Luccioni and Hernandez-Garcia. 2023.", "2"),
    (f"Strubell et al. (2019, as cited in Luccioni & Hernandez-Garcia, 2023, p. 2) report {_Q}.",
     "Luccioni and Hernandez-Garcia. 2023.", "2"),
    (f"The estimate {_Q} (Strubell 2019, quoted in Roe 2020: 7).", "Roe. 2020.", "7"),
    # ... in German and French
    (f"Die Schätzung „{_Q[1:-1]}“ (Strubell et al. 2019, zit. n. Luccioni & Hernandez-Garcia 2023, S. 2).",
     "Luccioni and Hernandez-Garcia. 2023.", "2"),
    (f"L'estimation « {_Q[1:-1]} » (Strubell et al., 2019, cité par Luccioni et Hernandez-Garcia, 2023, p. 2).",
     "Luccioni and Hernandez-Garcia. 2023.", "2"),
])
def test_a_secondary_citation_cites_the_work_read_at_its_page(text: str, attribution: str, page: str) -> None:
    assert [(q.attribution, q.page) for q in parse_note(text).quotes] == [(attribution, page)]


_D = '"Major technology companies have also been increasingly committed to reducing their emissions"'


@pytest.mark.parametrize("text, cited", [
    # Obsidian's, Logseq's and Roam's notes: a page after the wiki link naming the work
    (f"- {_D} [[Dodge et al. 2022]], p. 3 #cloud ((64a1f2c3))", [("Dodge et al. 2022.", None, "3")]),
    (f"- {_D} [[Dodge et al. 2022|Dodge]] S. 3", [("Dodge et al. 2022.", None, "3")]),
    (f"- {_D} [[@dodge2022measuring]] p. 3", [(None, "dodge2022measuring", "3")]),
    # ... or in a link to the work's PDF at its page, as Obsidian's PDF links write it
    (f"- {_D} [[Dodge et al. 2022.pdf#page=3|Dodge et al. 2022, p. 3]]", [("Dodge et al. 2022.", None, "3")]),
    (f"- {_D} [[dodge2022measuring.pdf#page=9]]", [(None, "dodge2022measuring", "9")]),
    (f"- {_D} [[dodge2022measuring#page=9]]", [(None, "dodge2022measuring", "9")]),
    # ... a list item's citation is its own quote's, not the quote of the item before
    (f"- [[Dodge et al. 2022]] p. 3: {_D}\n- [[Dodge et al. 2022]] p. 7: {_D}\n",
     [("Dodge et al. 2022.", None, "3"), ("Dodge et al. 2022.", None, "7")]),
    (f"1. Dodge et al. (2022, p. 3) write {_D}\n2. Dodge et al. (2022, p. 7) write {_D}\n",
     [("Dodge et al. 2022.", None, "3"), ("Dodge et al. 2022.", None, "7")]),
    # ... a nested item's, its parent's before it
    (f"- Dodge et al. (2022) write:\n  - {_D} (p. 3)\n", [("Dodge et al. 2022.", None, "3")]),
])
def test_a_wiki_links_page_and_a_list_items_citation(text: str, cited: list) -> None:
    assert [(q.attribution, q.citekey, q.page) for q in parse_note(text).quotes] == cited


_FIVE = """
@inproceedings{strubell2019energy, title = {Energy and Policy Considerations for Deep Learning in {NLP}},
  author = {Strubell, Emma and Ganesh, Ananya and McCallum, Andrew}, year = {2019}}
@misc{dodge2022measuring, title = {Measuring the Carbon Intensity of {AI} in Cloud Instances},
  author = {Dodge, Jesse and Prewitt, Taylor and Strubell, Emma}, year = {2022}}
@misc{luccioni2023power, title = {Power Hungry Processing: Watts Driving the Cost of {AI} Deployment?},
  author = {Luccioni, Alexandra Sasha and Jernite, Yacine and Strubell, Emma}, year = {2023}}
@misc{luccioni2023counting, title = {Counting Carbon: A Survey of Factors Influencing the Emissions of Machine Learning},
  author = {Luccioni, Alexandra Sasha and Hernandez-Garcia, Alex}, year = {2023}}
"""


def test_an_author_and_a_page_in_a_note_listing_no_work_cite_the_one_work_of_those_authors(kb_root, tmp_path):
    # MLA's "(Doe et al. 3)", Chicago's "(Doe, n.d., 3)" and "(Doe, forthcoming, 3)" with no list of works: the one
    # paper here of that first author, of the authors named; of two, ambiguous ("et al." tells no paper of two
    # authors from one of three); none, said so; a table is no author
    (tmp_path / "in.bib").write_text(_FIVE, "utf-8")
    kb = open_kb(kb_root)
    import_bib(kb, tmp_path / "in.bib")
    cites = ["(Strubell et al. 3)", "(Luccioni et al. 2)", "(Luccioni and Hernandez-Garcia 2)", "(Dodge et al. n.d., 3)",
             "(Luccioni, Jernite, and Strubell, forthcoming, 2)", "(Doe et al. 3)", "(Table 3)"]
    note = tmp_path / "note.md"
    note.write_text("".join(f'"we analyze four models of the things we describe below" {c}.\n\n' for c in cites), "utf-8")
    verdicts, _ = verify_note(kb, note)
    assert [(v.citekey, v.status, v.cited_page) for v in verdicts] == [
        ("strubell2019energy", "no-text", "3"), (None, "no-source", "2"),
        ("luccioni2023counting", "no-text", "2"), ("dodge2022measuring", "no-text", "3"),
        ("luccioni2023power", "no-text", "2"), (None, "no-source", "3"), (None, "unchecked", None)]


@pytest.mark.parametrize("cite", ["(Dodge u. a. 2022, S. 3)", "(Dodge et coll., 2022, p. 3)", "(Dodge y otros, 2022, p. 3)",
                                  "(Dodge e outros, 2022, p. 3)", "Dodge u. a. (2022, S. 3) schreiben"])
def test_et_al_as_other_languages_write_it(cite: str) -> None:
    text = f"{cite}: {_D}." if cite.endswith("schreiben") else f"{_D} {cite}."
    assert [(q.attribution, q.page) for q in parse_note(text).quotes] == [("Dodge et al. 2022.", "3")]


_S = "which demand considerable energy, along with the associated financial and environmental costs"
_LISTED = "\n\n3. Strubell E, Ganesh A, McCallum A. Energy and policy considerations for deep learning in NLP. 2019.\n"


@pytest.mark.parametrize("text, cited", [
    # a blockquote's citation with the sentence's full stop after it
    (f"> {_S} (Strubell et al., 2019, p. 1).", ("Strubell et al. 2019.", None, None, "1")),
    (f"> {_S} [3, p. 1].{_LISTED}", (None, "[3]", None, "1")),
    (f"> {_S} [@strubell2019energy, p. 1].", (None, None, "strubell2019energy", "1")),
    (f"> {_S}¹.{_LISTED}", (None, "[1]", None, None)),
    # ... Vancouver's number in round brackets, of a work the note's list numbers so
    (f"> {_S} (3).{_LISTED}", (None, "[3]", None, None)),
    (f"> {_S} (3, p. 1){_LISTED}", (None, "[3]", None, "1")),
    # ... an attribution after a dash on the quote's own line
    (f"> {_S} — Strubell et al. 2019, p. 1", ("Strubell et al. 2019, p. 1", None, None, "1")),
    (f"> “{_S}” – Strubell et al. (2019)", ("Strubell et al. (2019)", None, None, None)),
    (f"> {_S} — @strubell2019energy, p. 1", (None, None, "strubell2019energy", "1")),
    # ... a quote in two paragraphs of one blockquote, cited once at its end
    (f"> training a state-of-the-art model now requires\n>\n> {_S} (Strubell et al., 2019, p. 1).",
     ("Strubell et al. 2019.", None, None, "1")),
])
def test_a_blockquotes_citation_before_its_full_stop(text: str, cited: tuple) -> None:
    [q] = parse_note(text).quotes
    assert (q.attribution, q.source_text, q.citekey, q.page) == cited and q.quote.endswith("environmental costs")


def test_a_number_no_work_is_listed_by_or_a_dashed_clause_is_no_blockquotes_citation() -> None:
    note = parse_note(f"> {_S} (4).\n\n> {_S} — and more of them every year\n\n"
                      f"> Costs — which Doe 2019 measured — grow, {_S}\n\n> {_S} (3).{_LISTED}")
    assert [(q.line, q.source_text) for q in note.quotes] == [(7, "[3]")] and len(note.unchecked) == 3


def test_a_citation_naming_every_author_is_no_listed_entry_missing_one_of_them(kb_root, tmp_path):
    # the note lists Luccioni and Hernandez-Garcia's work: "Luccioni, Jernite, and Strubell" is not it, but the one
    # paper here of those three authors; "Luccioni et al." of the one Luccioni work the note lists is that work
    (tmp_path / "in.bib").write_text(_FIVE, "utf-8")
    kb = open_kb(kb_root)
    import_bib(kb, tmp_path / "in.bib")
    note = tmp_path / "note.md"
    note.write_text(f"{_D} (Luccioni, Jernite, and Strubell, forthcoming, 2).\n\n{_D} (Luccioni et al. 2).\n\n"
                    f"{_D} (Luccioni, Doe, and Roe, forthcoming, 2).\n\n{_D}.[^1]\n\n"
                    '[^1]: Luccioni and Hernandez-Garcia, "Counting Carbon," 2.\n', "utf-8")
    verdicts, _ = verify_note(kb, note)
    assert [(v.citekey, v.status) for v in verdicts] == [
        ("luccioni2023power", "no-text"), ("luccioni2023counting", "no-text"), (None, "no-source"),
        ("luccioni2023counting", "no-text")]


@pytest.mark.parametrize("text, cited", [
    # a sentence of a note's prose does not end at a page's "p." nor inside its citation's brackets
    ("Charging a phone takes 0.022 kWh (Luccioni, Jernite & Strubell, 2023, p. 6). It is a lot.",
     ("Luccioni, Jernite and Strubell. 2023.", "6")),
    ("- Training emitted 284,019 kg of CO2 (Strubell et al. 2019, zit. n. Luccioni & Hernandez-Garcia 2023, S. 2).\n",
     ("Luccioni and Hernandez-Garcia. 2023.", "2")),
    ("- Charging a phone takes 0.022 kWh [[Luccioni et al. 2023]] p. 6.\n", ("Luccioni et al. 2023.", "6")),
])
def test_a_sentence_of_a_notes_prose_holds_its_whole_citation(text: str, cited: tuple) -> None:
    [(_line, _sentence, [(_a, _b, q)])] = sentence_citations(citations_as_pandoc(text), parse_note(text))
    assert (q.attribution, q.page) == cited


_W = "We analyze four models, the computational requirements of which we describe below."


@pytest.mark.parametrize("text, cited", [
    # Obsidian's quote callout, cited by its title, or by its last line
    (f"> [!quote] Strubell et al. 2019, p. 3\n> {_W}", ("Strubell et al. 2019, p. 3", None, "3")),
    (f"> [!cite]+ [@strubell2019energy, p. 3]\n> {_W}", (None, "strubell2019energy", "3")),
    (f"> [!quote]\n> {_W} [@strubell2019energy, p. 3]", (None, "strubell2019energy", "3")),
])
def test_a_quote_callout_cited_by_its_title(text: str, cited: tuple) -> None:
    [q] = parse_note(text).quotes
    assert (q.attribution, q.citekey, q.page, q.quote) == cited + (_W,)


def test_a_family_name_with_the_particle_des_is_one_name() -> None:
    [q] = parse_note(f"{_D} (Dodge, Prewitt, Tachet des Combes et al., 2022, p. 3).").quotes
    assert (q.attribution, q.page) == ("Dodge, Prewitt, Tachet des Combes et al. 2022.", "3")


@pytest.mark.parametrize("header, source, page", [
    # a table's column of pages, named by its header, gives a row's quote its page; a page the citation names wins
    ("| Quote | Source | Page |\n|---|---|---|", "(Dodge et al., 2022) | 9", "9"),
    ("| Quote | Source | Page |\n|---|---|---|", "[@dodge2022measuring] | p. 7", "7"),
    ("| Quote | Source | Page |\n|---|---|---|", "(Dodge et al., 2022, p. 8) | 3", "8"),
    ("| Zitat | Quelle | S. |\n|:--|:--|--:|", "Dodge et al. (2022) | 9", "9"),
    # ... a column of other numbers gives none
    ("| Quote | Source | Rating |\n|---|---|---|", "(Dodge et al., 2022) | 9", None),
])
def test_a_tables_page_column_gives_its_rows_quote_a_page(header: str, source: str, page: str | None) -> None:
    [q] = parse_note(f"{header}\n| {_D} | {source} |\n").quotes
    assert q.page == page


@pytest.mark.parametrize("text, page", [
    # a list item's page property, as Logseq's blocks and Obsidian's inline fields write it
    (f"- {_D}\n  source:: [[Dodge et al. 2022]]\n  page:: 9\n", "9"),
    (f"- {_D} [[@dodge2022measuring]]\n  page:: 7\n- {_D} [[@dodge2022measuring]]\n", "7"),
])
def test_a_list_items_page_property_is_its_quotes_page(text: str, page: str) -> None:
    assert parse_note(text).quotes[0].page == page


def test_ibid_as_german_and_spanish_write_it() -> None:
    note = parse_note(f"„{_D[1:-1]}“[^1] und „{_D[1:-1]}“[^2].\n\n{_D} (Dodge u. a. 2022, S. 3). Auch {_D} (ebd., S. 9). "
                      f"Y {_D} (ibíd., p. 7).\n\n[^1]: Jesse Dodge u. a., „Measuring the Carbon Intensity of AI in "
                      "Cloud Instances“, *FAccT* (2022), S. 3.\n[^2]: Ebd., S. 9.\n")
    assert [q.page for q in note.quotes] == ["3", "9", "3", "9", "7"]
    assert "Carbon Intensity" in note.reference_for(note.quotes[1]).title
    assert [q.attribution for q in note.quotes[2:]] == ["Dodge et al. 2022."] * 3


_USED = "Image generation used 11.49 kWh {}.\n"
# ... as a Google Docs export writes it: one sentence over spans, entities, on the document's line 3
_EXPORTED = ('<!DOCTYPE html>\n<html><head><style>.c1{{color:red}}</style></head>\n<body><p><span>Image generation'
             '</span><span> used 11.49&nbsp;kWh {}.</span></p></body></html>\n')


@pytest.mark.parametrize("text, cite, why, line", [
    (_USED, "(Luccioni et al., 2023)", "is ambiguous", 1),         # two papers of Luccioni et al. in 2023
    (_USED, "[[Luccioni et al. 2023]]", "is ambiguous", 1),
    (_USED, "(Doe et al., 2019)", "source not in the knowledge base", 1),
    (_EXPORTED, "(Doe et al., 2019)", "source not in the knowledge base", 3),
])
def test_a_figure_whose_citation_names_no_one_paper_here_is_listed_not_checked(kb_root, tmp_path, text, cite, why,
                                                                               line):
    from kb.ops.audit import audit_note
    (tmp_path / "in.bib").write_text(_FIVE, "utf-8")
    kb = open_kb(kb_root)
    import_bib(kb, tmp_path / "in.bib")
    note = tmp_path / "note.md"
    note.write_text(text.format(cite), "utf-8")
    rows = audit_note(kb, note)
    assert [(r.citing_page, r.figure, r.verdict) for r in rows] == [(line, "11.49 kWh", "not-checked")], rows
    assert why in rows[0].reason and "not checked" in rows[0].reason


_GDOC = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>p{color:red}</style></head>
<body><p class="c1"><span class="c2">They write &ldquo;which demand considerable energy, along</span><span class="c3"> with the
associated financial and environmental&nbsp;costs&rdquo; (Strubell et al., 2019, p.&nbsp;1) &amp; more.</span></p>
<blockquote><p>which demand considerable energy,</p><p>along with the associated costs</p><footer>&mdash; Doe 2019, p. 3</footer>
</blockquote>
<p>And <q>which demand considerable energy and costs</q><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>.</p>
<hr><div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a><span>&nbsp;Strubell, E., Ganesh, A. Energy and policy considerations
for deep learning in NLP. 2019.</span></p></div></body></html>"""


def test_a_whole_html_document_is_read_as_its_text_at_the_documents_lines() -> None:
    note = parse_note(_GDOC)
    assert [(q.line, q.quote, q.attribution or q.source_link, q.page) for q in note.quotes] == [
        (3, "which demand considerable energy, along with the associated financial and environmental costs",
         "Strubell et al. 2019.", "1"),
        (5, "which demand considerable energy, along with the associated costs", "Doe 2019, p. 3", "3"),
        (7, "which demand considerable energy and costs", "#ftnt1", None)]
    assert [(r.line, r.anchor, r.year) for r in note.references] == [(8, "ftnt1", 2019)]


_T = "Energy and Policy Considerations for Deep Learning in NLP"


@pytest.mark.parametrize("text, cited, uncited", [
    # Readwise's and Kindle's highlights: the quote, then the work by its title and author, and its place (a dash
    # going on with the writer's sentence is no attribution)
    (f"“{_S}” — {_T}, Emma Strubell (Page 1)\n\n“{_S} of theirs” — and then she left the room\n",
     (1, f"{_T}, Emma Strubell (Page 1)", "1"), [3]),
    (f"- \"{_S}\" -- {_T}, Strubell et al., Location 120\n", (1, f"{_T}, Strubell et al., Location 120", None), []),
    # Hypothesis': the attribution in the paragraph after the blockquote, over the work's address and the page
    (f"> {_S}\n\n— {_T}, Strubell et al.\nhttps://arxiv.org/abs/1906.02243 (page 1)\n\nMore.\n",
     (1, f"{_T}, Strubell et al. https://arxiv.org/abs/1906.02243 (page 1)", "1"), []),
])
def test_a_highlights_exports_quote_is_cited_by_the_title_and_author_after_it(text: str, cited: tuple,
                                                                               uncited: list) -> None:
    note = parse_note(text)
    assert [(q.line, q.attribution, q.page) for q in note.quotes] == [cited]
    assert note.quotes[0].quote.endswith("environmental costs") and [line for line, _ in note.unchecked] == uncited


@pytest.mark.parametrize("text, cited", [
    # Word's straight quote marks, as pandoc writes them (escaped), around a quote and a phrase before it
    (f'Training a model \\"needs energy\\" and it\\\'s costly, as \\"{_S}\\" (Strubell et al., 2019, p. 1).',
     (1, "Strubell et al. 2019.", "1")),
    # a Zotero note from annotations, as Zotero saves it: HTML, the quote's citation in spans
    ('<div data-citation-items="%5B%5D" data-schema-version="8"><h1>Annotations</h1>\n<p><span class="highlight">'
     f'&#8220;{_S}&#8221;</span> <span class="citation">(<span class="citation-item">Strubell et al., 2019, p. 1'
     '</span>)</span></p>\n</div>', (2, "Strubell et al. 2019.", "1")),
])
def test_a_word_documents_and_a_zotero_notes_quotes(text: str, cited: tuple) -> None:
    assert [(q.line, q.quote, q.attribution, q.page) for q in parse_note(text).quotes] == [(*cited[:1], _S, *cited[1:])]


def test_a_readwise_exports_highlights_are_quotes_of_the_work_its_metadata_names() -> None:
    note = parse_note(f"# {_T}\n\n## Metadata\n- Author: [[Emma Strubell]]\n- Full Title: {_T}\n- Category: #articles\n\n"
                      f"## Highlights\n- {_S} ([Location 12](https://readwise.io/to_kindle?location=12))\n"
                      f"    - Note: mine\n- {_S} (Page 2)\n\n## Mine\n- {_S}\n")
    assert [(q.line, q.quote, q.attribution, q.page) for q in note.quotes] == [
        (9, _S, f"{_T}, Emma Strubell", None), (11, _S, f"{_T}, Emma Strubell", "2")]


@pytest.mark.parametrize("cite, page", [
    # IEEE's place in the work with its page, either first
    ("[3, Sec. 2, p. 5]", "5"),
    ("[3, p. 5, Fig. 2]", "5"),
    ("(3, Ch. 2, pp. 5–6)", "5–6"),
])
def test_a_numbered_citations_place_and_page_together(cite: str, page: str) -> None:
    note = parse_note(f"The estimate {_Q} {cite}.{_LISTED}")
    assert [(q.source_text, q.page) for q in note.quotes] == [("[3]", page)]


_MLA_LIST = "\n\n## Works Cited\n\nDoe, Jane, et al. “Energy and Policy Considerations.” *ACL*, 2019.\n"


@pytest.mark.parametrize("tail, cited", [
    # MLA's block quotation, its author and page after the quote's last stop, of a work the note lists
    (" (Doe et al. 3)", [("Doe et al.", "3")]),
    ("\n>\n> (Doe 3–4)", [("Doe.", "3–4")]),
    # ... an author the note lists no work of is no citation
    (" (Roe 3)", []),
])
def test_an_mla_block_quotations_author_and_page(tail: str, cited: list) -> None:
    note = parse_note(f"> {_W}{tail}{_MLA_LIST}")
    assert [(q.attribution, q.page) for q in note.quotes] == cited
    assert len(note.unchecked) == 1 - len(cited)


@pytest.mark.parametrize("cite", [
    # a work republished, cited as Harvard writes it, no comma after the name: its edition and its first year
    "(Strubell 1950/2019: 2)",
    "(Strubell 1950/2019)",
    "(Strubell [1950] 2019)",
])
def test_a_republished_work_cited_without_a_comma(cite: str) -> None:
    quotes = parse_note(f"The estimate {_Q} {cite}.").quotes
    assert [(q.attribution, [a.attribution for a in q.also]) for q in quotes] == [("Strubell. 2019.", ["Strubell. 1950."])]


@pytest.mark.parametrize("text, line", [
    # a Zotero note pasted without its outer <div>: HTML still, its highlight's citation read
    (f'<h1>Annotations</h1>\n<p>“<span class="highlight" data-annotation="%7B%7D">{_S}</span>” <span class="citation" '
     'data-citation="%7B%7D">(<span class="citation-item">Strubell et al., 2019, p. 1</span>)</span></p>\n', 2),
    (f'<p><span class="highlight">&#8220;{_S}&#8221;</span> <span class="citation">(<span class="citation-item">'
     'Strubell et al., 2019, p. 1</span>)</span></p>\n<p>Mine.</p>\n', 1),
])
def test_a_zotero_note_without_its_outer_div(text: str, line: int) -> None:
    assert [(q.line, q.quote, q.attribution, q.page) for q in parse_note(text).quotes] == \
        [(line, _S, "Strubell et al. 2019.", "1")]
