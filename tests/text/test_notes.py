"""Reading notes: the real note, every block form, and broken or hostile input."""

from __future__ import annotations

import pytest
from budgets import budget
from corpus import corpus_path

from kb.text.notes import MAX_PROBLEMS, Note, parse_note


def real_note() -> tuple[str, Note]:
    text = corpus_path("..", "notes", "environmental-cost-of-generative-ai.md").read_text("utf-8")
    return text, parse_note(text, "environmental-cost-of-generative-ai.md")


ANCHOR1 = "Power-hungry-processing-watts-driving-the-cost-of-ai-deployment"


# --- the real note ------------------------------------------------------------------

def test_real_note_quote_blocks() -> None:
    text, note = real_note()
    blocks = [q for q in note.quotes if q.kind == "note-quote"]
    # The note has four <note-quote> elements (lines 13, 21, 33, 52).
    assert [q.line for q in blocks] == [13, 21, 33, 52]
    assert text.count("<note-quote") == 4
    for q in blocks:
        assert q.source_link == "#" + ANCHOR1
        assert q.source_text == "[1]"
        assert q.citekey is None and q.page is None
    assert blocks[0].quote.startswith("Recent years have seen a surge")
    assert "“generality”" in blocks[0].quote
    assert blocks[0].quote.endswith("the amount of carbon that they emit.")
    assert blocks[1].quote == (
        "Generative tasks are more energy- and carbon-intensive compared to discriminative "
        "tasks. [...] the most energy- and carbon-intensive tasks are those that generate new "
        "content: text generation, summarization, image captioning, and image generation.")
    assert blocks[2].quote.startswith("[...] charging the average smartphone requires 0.012 kWh "
                                      "of energy 4 , which means")
    assert blocks[3].quote.startswith("Given our findings")
    assert note.problems == []


def test_real_note_inline_quotes() -> None:
    _, note = real_note()
    inline = [q for q in note.quotes if q.kind == "inline"]
    assert [q.line for q in inline] == [19, 27, 27, 41, 48]
    assert inline[0].quote.startswith("paradigm shift away from smaller models")
    assert inline[1].quote.startswith("Using multi-purpose models for discriminative tasks")
    assert inline[2].quote.startswith("the difference between multi-purpose models")
    assert "[...]" in inline[3].quote
    assert all(q.source_link == "#" + ANCHOR1 and q.source_text == "[1]" for q in inline)
    # in file order
    assert [q.offset for q in note.quotes] == sorted(q.offset for q in note.quotes)


def test_real_note_references() -> None:
    _, note = real_note()
    refs = note.references
    assert [r.number for r in refs] == ["1", "2", "3", "4", "5"]
    assert [r.anchor for r in refs] == [
        ANCHOR1,
        "energy-and-policy-considerations-for-deep-learning-in-nlp",
        "carbon-emissions-and-large-neural-network-training",
        "measuring-the-carbon-intensity-of-ai-in-cloud-instances",
        "couting-carbon-a-survey-of-factors-influencing-the-emissions-of-ml",
    ]
    assert [r.url for r in refs] == [
        "https://arxiv.org/abs/2311.16863",
        "https://aclanthology.org/P19-1355.pdf",
        "https://arxiv.org/abs/2104.10350",
        "https://arxiv.org/abs/2206.05229",
        "https://arxiv.org/abs/2302.08476",
    ]
    assert [r.arxiv_id for r in refs] == ["2311.16863", None, "2104.10350", "2206.05229",
                                          "2302.08476"]
    assert [r.year for r in refs] == [2023, 2019, 2021, 2022, 2023]
    assert refs[0].title == "Power Hungry Processing: Watts Driving the Cost of AI Deployment?"
    assert refs[0].authors == "A. Luccioni, Y. Jernite, E. Strubell, Allen Institute for AI"
    assert refs[1].authors == "Emma Strubell, Ananya Ganesh, and Andrew McCallum"
    assert refs[0].line == 61   # the <span line; its id is on the next line
    assert [r.doi for r in refs] == [None, "10.18653/v1/p19-1355", None, None, None]   # ACL Anthology URL
    assert note.reference_for(note.quotes[0]) is refs[0]


# --- forms of blocks ----------------------------------------------------------------

def test_attributes_in_any_order_with_entities_and_newlines() -> None:
    text = ('intro\n<note-quote sourceText="[2]"\n\n   sourceLink = \'#key\'\n'
            '  quote="He said &quot;no&quot; &amp; left &#39;early&#39; &lt;here&gt;"\n'
            '  page="9" />\nafter')
    note = parse_note(text)
    assert note.problems == []
    [q] = note.quotes
    assert q.quote == "He said \"no\" & left 'early' <here>"
    assert (q.source_link, q.source_text, q.page, q.line) == ("#key", "[2]", "9", 2)


def test_quote_as_element_content_and_mdx_expression() -> None:
    note = parse_note('<note-quote sourceLink="#a">The words.</note-quote>\n'
                      '<note-quote quote={"Other words."} sourceLink="#b"></note-quote>')
    assert [q.quote for q in note.quotes] == ["The words.", "Other words."]
    assert [q.line for q in note.quotes] == [1, 2]


def test_blockquote_with_pandoc_citation_on_the_last_line() -> None:
    text = "Para.\n\n> Generative tasks are more\n> energy-intensive. [@luccioni2024power, p. 9]\n\nMore."
    [q] = parse_note(text).quotes
    assert q.kind == "blockquote"
    assert q.quote == "Generative tasks are more energy-intensive."
    assert (q.citekey, q.page, q.line) == ("luccioni2024power", "9", 3)


def test_blockquote_with_citation_on_the_next_line() -> None:
    text = "> “The first line\n> and the second.”\n[@strubell2019energy, pp. 3-4]\n"
    [q] = parse_note(text).quotes
    assert q.quote == "The first line and the second."
    assert (q.citekey, q.page, q.line) == ("strubell2019energy", "3-4", 1)
    text = "> Words here.\n— <a href=\"#ref-1\">[1]</a>\n"
    [q] = parse_note(text).quotes
    assert (q.source_link, q.source_text, q.citekey) == ("#ref-1", "[1]", None)


def test_blockquote_without_citation_is_not_a_quote() -> None:
    note = parse_note("> Just an aside, not a quote.\n\nText [@key] elsewhere.\n")
    assert note.quotes == [] and note.problems == []


def test_blocks_inside_fenced_code_are_ignored() -> None:
    text = ("```mdx\n<note-quote quote=\"example\" sourceLink=\"#x\"></note-quote>\n"
            "> quoted [@key]\n```\n<note-quote quote=\"real\"></note-quote>\n")
    note = parse_note(text)
    assert [q.quote for q in note.quotes] == ["real"]
    assert note.quotes[0].line == 5


def test_reference_without_number_and_with_doi() -> None:
    text = ('<span id="smith"> [A Study [with brackets]](https://doi.org/10.1000/xyz.1) - '
            'J. Smith and K. Lee. 2020.</span>')
    [r] = parse_note(text).references
    assert (r.anchor, r.number, r.doi, r.year) == ("smith", None, "10.1000/xyz.1", 2020)
    assert r.title == "A Study [with brackets]"
    assert r.authors == "J. Smith and K. Lee"


# --- broken notes -------------------------------------------------------------------

def test_unterminated_tag_is_a_problem_and_the_next_block_still_parses() -> None:
    text = ('line one\n<note-quote quote="lost" sourceLink="#a"\n\n'
            '<note-quote quote="kept" sourceLink="#b"></note-quote>\n')
    note = parse_note(text)
    assert [q.quote for q in note.quotes] == ["kept"]
    assert note.problems == [(2, "<note-quote> at line 2: unterminated tag: no '>' closes it")]


def test_open_tag_without_closing_angle_bracket() -> None:
    note = parse_note('<note-quote quote="x" sourceLink="#a"')
    assert note.quotes == []
    assert note.problems == [(1, "<note-quote> at line 1: unterminated tag: no '>' closes it")]


def test_missing_quote_attribute() -> None:
    note = parse_note('\n\n<note-quote sourceLink="#a" sourceText="[1]">\n</note-quote>')
    assert note.quotes == []
    assert note.problems == [(3, "<note-quote> at line 3 has no quote attribute")]


def test_unbalanced_quotes() -> None:
    # an unescaped " inside the value
    note = parse_note('<note-quote quote="He said "no" to it" sourceLink="#a"></note-quote>\n'
                      '<note-quote quote="fine"></note-quote>')
    assert [q.quote for q in note.quotes] == ["fine"]
    assert note.problems[0][0] == 1 and "unbalanced quotes" in note.problems[0][1]
    # a value that never closes before the next block
    note = parse_note('<note-quote quote="runs on\nand on\n\n<note-quote quote="ok"></note-quote>')
    assert [q.quote for q in note.quotes] == ["ok"]
    assert note.problems[0][0] == 1 and "unbalanced quotes" in note.problems[0][1]


def test_never_closed_element() -> None:
    note = parse_note('<note-quote quote="a">\ntext\n<note-quote quote="b"></note-quote>')
    assert [q.quote for q in note.quotes] == ["b"]
    assert note.problems == [(1, "<note-quote> at line 1 is never closed "
                                 "(no </note-quote> before the next block)")]


def test_similar_element_names_are_not_note_quotes() -> None:
    note = parse_note('<note-quotes quote="x"></note-quotes>')
    assert note.quotes == [] and note.problems == []


# --- hostile notes: never an exception (benchmarks/hostile.py times them) ------------
#
# Sized so that anything quadratic in them could not finish (tens of thousands of repeats
# at the least) while the linear work stays short; KB_TEST_LONG=1 runs them four times larger.

SIZE = budget(1, 4)
#: The list of hostile notes below at half those sizes on CI (still tens of thousands of repeats
#: for most: quadratic work in them would not finish), four times them with KB_TEST_LONG=1.
HOSTILE = budget(1, 8)


def test_megabytes_long_attribute_parses() -> None:
    big = "word " * (500_000 * SIZE)
    text = f'<note-quote quote="{big}" sourceLink="#a"></note-quote>\n'
    note = parse_note(text)
    assert len(note.quotes) == 1 and len(note.quotes[0].quote) == len(big.strip())


def test_megabytes_long_unterminated_attribute() -> None:
    text = '<note-quote quote="' + "a" * (2_500_000 * SIZE)
    note = parse_note(text)
    assert note.quotes == [] and len(note.problems) == 1


@pytest.mark.parametrize("hostile", [
    "<note-quote " * (50_000 * HOSTILE // 2),
    '<note-quote quote="' * (50_000 * HOSTILE // 2),
    "<note-quote quote=x " * (50_000 * HOSTILE // 2),
    "*\"a " * (125_000 * HOSTILE // 2),
    "> " * (250_000 * HOSTILE // 2) + "[@k]",
    ">\n" * (125_000 * HOSTILE // 2),
    "<span id=\"a\">[1] [" * (50_000 * HOSTILE // 2),
    "[" * (250_000 * HOSTILE // 2) + "@k]",
    "`" * 3 + "\n" + "x" * (250_000 * HOSTILE // 2),
    "<" * (500_000 * HOSTILE // 2),
    "\x00\ufeff\u202e" * (75_000 * HOSTILE // 2),
    "‘a ’b " * (50_000 * HOSTILE // 2),
    "``a '' " * (25_000 * HOSTILE // 2),
    "« a » " * (25_000 * HOSTILE // 2),
    '"a b c d" [Doe et al. 2020 ' * (10_000 * HOSTILE // 2),
    '"a b c d" (van der de la Doe und Roe y Poe [2020' * (5_000 * HOSTILE // 2),
    "\\enquote{a " * (25_000 * HOSTILE // 2),
    "\\textquote[{\\cite{k}}]{" * (10_000 * HOSTILE // 2),
    "\\begin{quote}\n\n" * (10_000 * HOSTILE // 2) + "\\end{quote}",
    "#+begin_quote\n" * (10_000 * HOSTILE // 2) + "#+end_quote",
    "<q>\n\n" * (10_000 * HOSTILE // 2) + "</q>",
    '<blockquote cite="https://x.org/a">' * (5_000 * HOSTILE // 2),
    '"a b c d" (ibid.) ' * (1_000 * HOSTILE // 2),
    "\n" + "    -- an attribution of someone\n" * (5_000 * HOSTILE // 2),
    "".join("_" * (4 + k % 300) + "\nx\n" for k in range(2_000 * HOSTILE // 2)),
    "[quote, a, b]\n____\n" * (5_000 * HOSTILE // 2),
    "<<a,b " * (10_000 * HOSTILE // 2) + "cite:[a(" * (10_000 * HOSTILE // 2) + ":cite:`" * (10_000 * HOSTILE // 2),
    "[a]_ .. [a] x\n" * (10_000 * HOSTILE // 2),
    "[x]: https://a.org\n[a][x] [x] [y][] " * (5_000 * HOSTILE // 2),
    # a paragraph under a list's heading of passages of 19 words, one short of the 20 of prose quoting a passage
    # (counted by a pattern backtracking 2^18 ways for each: a note of 12 kB took 20 s)
    "# Sources\n\n" + "“" + ("a " * 18 + "b” “") * 300,
])
def test_pathological_input_is_safe(hostile: str) -> None:
    note = parse_note(hostile)
    assert len(note.problems) <= MAX_PROBLEMS + 1


def test_thousands_of_quotes_are_all_parsed() -> None:
    # benchmarks/hostile.py reports how the time grows with the input
    unit = '<note-quote quote="q &amp; a" sourceLink="#x">\n</note-quote>\n> cited [@k]\n*"inline"* <a href="#x">[1]</a>\n\n'
    n = 2_000
    note = parse_note(unit * n)
    assert len(note.quotes) == 3 * n


def test_problems_are_capped() -> None:
    note = parse_note("<note-quote>\n</note-quote>\n" * (MAX_PROBLEMS + 50))
    assert len(note.problems) == MAX_PROBLEMS + 1
    assert note.problems[-1][1] == "... and 50 more problems"


# --- references in every style, and how quotes point at them ---------------------------

STYLES = """---
title: x
bibliography: [refs.bib, "more.json"]
---

> Quoted words one. [12]

> Quoted words two.[^1]

> Quoted words three. [[7]](#ref-7)

> Quoted words four. <sup>[3, p. 9]</sup>

> Quoted words five.
— Strubell, E. et al. (2019) 'Energy and policy considerations for deep learning in NLP', p. 2.

<note-quote quote="Six." sourceLink="#mdx" sourceText="[M, pp. 3-4]" version="v1"></note-quote>

<a id="ref-7"></a>7. Anchored, A. (2020). A title after an anchor.

<span id="mdx">Strubell &amp; McCallum (2019), <i>Energy and Policy</i>.</span>

## References

[12] Emma Strubell, Ananya Ganesh, and Andrew McCallum. 2019. Energy and Policy. https://doi.org/10.18653/v1/P19-1355

- [3] E. Strubell, "Energy and policy considerations for deep learning in NLP," 2019.
- An unlabelled bullet, Someone, 2018,
  continued on its next line.

[^1]: Strubell, E. (2019). *Energy and policy*. arXiv:1906.02243.
"""


def test_references_in_every_style_and_the_quotes_pointing_at_them() -> None:
    note = parse_note(STYLES)
    assert note.problems == []
    assert note.bibliography == ["refs.bib", "more.json"] and note.bibliography_line == 3
    refs = {r.number: r for r in note.references}
    assert set(refs) >= {"12", "3", "^1", "7"}
    assert refs["12"].doi == "10.18653/v1/p19-1355" and refs["12"].year == 2019
    assert refs["^1"].arxiv_id == "1906.02243"
    assert refs["3"].title == "Energy and policy considerations for deep learning in NLP"
    assert refs["7"].anchor == "ref-7" and refs["7"].title == "A title after an anchor"
    bullet = [r for r in note.references if r.text.startswith("An unlabelled bullet")]
    assert len(bullet) == 1 and bullet[0].text.endswith("continued on its next line.")
    mdx = [r for r in note.references if r.anchor == "mdx"][0]
    assert "Energy and Policy" in mdx.titles
    quotes = note.quotes
    assert [q.quote for q in quotes] == ["Quoted words one.", "Quoted words two.", "Quoted words three.",
                                        "Quoted words four.", "Quoted words five.", "Six."]
    found = [note.reference_for(q) for q in quotes]
    assert [r.number if r else None for r in found] == ["12", "^1", "7", "3", None, None]
    assert found[5] is None or found[5].anchor == "mdx"
    assert note.reference_for(quotes[5]).anchor == "mdx"
    assert [q.page for q in quotes] == [None, None, None, "9", "2", "3-4"]
    assert quotes[4].attribution.startswith("Strubell, E. et al. (2019)")
    assert quotes[5].version == "v1"


def test_the_front_matter_is_not_read_as_content() -> None:
    note = parse_note("---\nbibliography:\n  - a.bib\n  - 'b b.bib'\nnotes: '[1] not a reference 2020'\n---\n")
    assert note.bibliography == ["a.bib", "b b.bib"] and note.references == []


def test_numbered_lines_outside_a_references_section_need_a_year_or_link() -> None:
    note = parse_note("[1] is how we number things.\n\n[2] Smith, J. 2020. A real entry.\n")
    assert [r.number for r in note.references] == ["2"]


CHICAGO_NOTES = """# Notes

"{q}"[^1] Then "{q} again"[^2] and "{q} once more"[^3], "{q} at last"[^4].

[^1]: Kyle Lo et al., "S2ORC: The Semantic Scholar Open Research Corpus," in *Proceedings of ACL* (2020), 4969.
[^2]: Lo et al., "S2ORC," 9.
[^3]: Lo et al., *S2ORC*, 12.
[^4]: Lo et al., "CORD-19," 9.
"""


def test_a_short_form_note_is_the_full_note_it_shortens_at_its_own_page() -> None:
    """Chicago's short form ('Lo et al., "S2ORC," 9.') names the work of the full note or
    bibliography entry of that author whose title it begins, at the short form's own page;
    a short title no full reference begins stays as it is (and names what it names)."""
    note = parse_note(CHICAGO_NOTES.format(q=Q))
    full = note.references[0]
    got = [(note.reference_for(q), q.page) for q in note.quotes]
    assert got[:3] == [(full, "4969"), (full, "9"), (full, "12")]
    assert got[3][0].text == 'Lo et al., "CORD-19," 9.' and got[3][1] == "9"
    # two full references the short title begins: neither is chosen
    two = CHICAGO_NOTES.replace("[^4]: Lo et al., \"CORD-19,\" 9.",
                                "[^4]: Kyle Lo et al., \"S2ORC Two,\" in *Proc. X* (2021), 1.")
    note = parse_note(two.format(q=Q))
    assert note.reference_for(note.quotes[1]).text == 'Lo et al., "S2ORC," 9.'


def test_an_author_year_citation_naming_every_author_is_the_entry_of_those_authors() -> None:
    """Two entries share a first author and a year: the citation that names two authors is
    the entry of those two, the one naming all five the entry of the five (APA, Chicago)."""
    for two, five in [
        ("Lo, K., & Wang, L. L. (2020). A different survey. *Journal of Examples*, 3, 1–20.",
         "Lo, K., Wang, L. L., Neumann, M., Kinney, R., & Weld, D. (2020). S2ORC: The Semantic Scholar "
         "Open Research Corpus. In *Proceedings of ACL*."),
        ("Lo, Kyle, and Lucy Lu Wang. 2020. \"A Different Survey.\" *Journal of Examples* 3: 1–20.",
         "Lo, Kyle, Lucy Lu Wang, Mark Neumann, Rodney Kinney, and Daniel Weld. 2020. \"S2ORC: The "
         "Semantic Scholar Open Research Corpus.\" In *Proceedings of ACL*."),
    ]:
        note = parse_note(f"# Note\n\n## References\n\n{two}\n\n{five}\n")
        assert [r.line for r in note.references_by_author("Lo and Wang. 2020.")] == [5]
        assert [r.line for r in note.references_by_author("Lo & Wang. 2020.")] == [5]
        assert [r.line for r in note.references_by_author("Lo, Wang, Neumann, Kinney, and Weld. 2020.")] == [7]
        assert [r.line for r in note.references_by_author("Lo et al. 2020.")] == [5, 7]   # either: said so
        assert note.references_by_author("Wang and Lo. 2020.") == []


# --- plain quotes in running text ------------------------------------------------------

Q = "every word of this sentence is quoted from the paper"


@pytest.mark.parametrize("text, citekey, attribution, page", [
    (f'Smith et al. (2020) found "{Q}".', None, "Smith et al. 2020.", None),
    (f'They found "{Q}" (Smith et al., 2020, p. 7).', None, "Smith et al. 2020.", "7"),
    (f'They found “{Q}” (see Smith and Jones 2020: 12–13).', None, "Smith and Jones. 2020.", "12–13"),
    (f'They found „{Q}“ [@smith2020, p. 4].', "smith2020", None, "4"),
    (f'As \\citet[p.~9]{{smith2020}} wrote, "{Q}"', "smith2020", None, "9"),
    (f'@smith2020 wrote "{Q}" in the end.', "smith2020", None, None),
    (f'"{Q}," wrote Smith et al. (2020).', None, "Smith et al. 2020.", None),
    (f'“{Q}” — Smith et al., 2020, p. 7', None, "Smith et al. 2020.", "7"),              # an epigraph's attribution
    (f'They found "{Q}" (Smith et al., 2020, p. 7, emphasis added).', None, "Smith et al. 2020.", "7"),
    (f'Smith et al. (2020) found "{Q}" (p. 7).', None, "Smith et al. 2020.", "7"),          # APA: the page after it
    (f'@smith2020 wrote "{Q}" (pp. 4-5).', "smith2020", None, "4-5"),
    # APA's "&": two names, not one ("Jones & Smith" is no name ending in "smith")
    (f'They found "{Q}" (Jones & Smith, 2020, p. 7).', None, "Jones and Smith. 2020.", "7"),
    (f'They found "{Q}" (Smith, Jones, & Roe, 2020).', None, "Smith, Jones, and Roe. 2020.", None),
    (f'Jones & Smith (2020) found "{Q}".', None, "Jones and Smith. 2020.", None),
])
def test_plain_quotes_take_the_citation_of_their_sentence(text, citekey, attribution, page):
    note = parse_note(f"# Note\n\n{text}\n")
    assert [(q.quote, q.citekey, q.attribution, q.page, q.line, q.kind) for q in note.quotes] == [
        (Q.rstrip(","), citekey, attribution, page, 3, "inline")]
    assert note.unchecked == []


@pytest.mark.parametrize("text", [
    'So-called "green AI" is popular [@smith2020].',                          # a phrase, not a quote
    f'Code: `x = "{Q}"` [@smith2020].',                                        # in code
    f'<a title="{Q}" href="#x">[1]</a>',                                        # an attribute value
    f'> "{Q}"',                                                                # a blockquote citing nothing
    f'```\n"{Q}" [@smith2020]\n```',                                           # a fenced block
    f'They found "{Q}". Later work disagreed [@jones2021].',                   # cited in another sentence
    f'"{Q}"\n\n[@smith2020]',                                                  # cited in another paragraph
])
def test_what_is_not_a_cited_plain_quote(text):
    note = parse_note(f"# Note\n\n{text}\n")
    assert note.quotes == []


def test_references_and_two_quotes_of_two_sources_in_one_paragraph():
    text = (f'One said "{Q}" (Smith et al., 2020) and another "{Q} too" [@jones2021].\n\n'
            '## References\n\n[1] Smith, A. "A title in quote marks of many words." Journal, 2020.\n')
    note = parse_note(text)
    assert [(q.quote, q.attribution, q.citekey) for q in note.quotes] == [
        (Q, "Smith et al. 2020.", None), (Q + " too", None, "jones2021")]
    assert note.unchecked == []


def test_an_uncited_long_quoted_passage_is_listed_as_not_checked_and_escapes_are_undone():
    note = parse_note(f'# N\n\nSomeone said "{Q}".\n\nAnd *"it is \\"quoted\\" here"* [@k].\n')
    assert note.unchecked == [(3, Q)]
    assert [q.quote for q in note.quotes] == ['it is "quoted" here']


def test_two_quotes_of_one_sentence_share_the_citation_after_the_second():
    note = parse_note(f'# N\n\nHe said "{Q}" and "{Q} again" [@smith2020, p. 2].\n\n'
                      f'But "{Q} once" (Jones et al., 2021) and "{Q} twice" [@roe2019].\n')
    assert [(q.quote, q.citekey, q.attribution) for q in note.quotes] == [
        (Q, "smith2020", None), (Q + " again", "smith2020", None),
        (Q + " once", None, "Jones et al. 2021."), (Q + " twice", "roe2019", None)]
    assert note.quotes[0].page == "2"


@pytest.mark.parametrize("text", [
    f'See [the site](http://x.org "{Q}") [@smith2020].',                      # a link's title
    f'- Doe, J. (2020). "{Q}". Journal of Things.',                           # a reference entry's title
    f'[3] J. Doe and A. Roe, "{Q}," in Proc. of Things, 2020.',
])
def test_link_titles_and_reference_entries_are_no_quotes(text):
    note = parse_note(f"# N\n\n{text}\n")
    assert note.quotes == [] and note.unchecked == []


def test_a_quote_ending_its_sentence_is_not_cited_by_the_next_sentence():
    note = parse_note(f'# N\n\nThey argued it is "{Q}." Jones et al. [@jones2021] disagree.\n\n'
                      f'They argued it is "{Q}." [@smith2020]\n')
    assert note.unchecked == [(3, Q + ".")]
    assert [(q.quote, q.citekey) for q in note.quotes] == [(Q + ".", "smith2020")]


def test_unlabelled_references_one_per_line_are_entries_of_their_own() -> None:
    note = parse_note(
        "Text.\n\n## Works Cited\n"
        "Futoma, Joseph, et al. \"An Improved Multi-Output Gaussian Process RNN.\" *Proc. MLHC*, vol. 68, 2017.\n"
        "Lo, Kyle, et al. \"S2ORC: The Semantic Scholar Open Research Corpus.\" *Proc. ACL*, 2020, pp. 4969-83.\n"
        "Doe, J. (2019a). First of two. Journal of Tests, 1, 1–2.\n"
        "  a hanging line of the entry before.\n"
        "Doe, J. (2019b). Second of two. Journal of Tests, 2, 3–4.\n")
    assert [(r.entry.first_author, r.entry.year) for r in note.references] == [
        ("futoma", 2017), ("lo", 2020), ("doe", 2019), ("doe", 2019)]
    assert "hanging line" in note.references[2].text
    assert [r.line for r in note.references_by_author("Lo et al. 2020.")] == [5]
    assert len(note.references_by_author("Doe. 2019.")) == 2
    assert [r.line for r in note.references_by_author("Doe. 2019b.")] == [8]
    assert note.references_by_author("Roe. 2019.") == []


Q_A = "Sepsis is a poorly understood and potentially life-threatening complication."
Q_B = "We introduce a large corpus of English-language academic papers in many disciplines."
NUMBERED = ("1. Futoma, J. et al. An improved multi-output Gaussian process RNN for sepsis detection. "
            "Proc. MLHC 68, 243–254 (2017).\n"
            "2. Lo, K., Wang, L. L. & Weld, D. S. S2ORC: the Semantic Scholar Open Research Corpus. "
            "Proc. ACL 4969–4983 (2020).\n")


@pytest.mark.parametrize("cited, label", [
    (f'"{Q_A}"¹', "[1]"),                      # Nature: Unicode superscripts
    (f'"{Q_A}"²', "[2]"),
    (f'"{Q_A}"¹⁻²', "[1]"),
    (f'"{Q_A}"<sup>2</sup>', "[2]"),         # HTML superscripts
    (f'"{Q_A}"<sup>1,2</sup>', "[1]"),
    (f'"{Q_A}" (2).', "[2]"),                # Vancouver: a number in round brackets
    (f'"{Q_A}" (2, p. 4).', "[2]"),
    (f'"{Q_A}"^2^', "[2]"),                  # Pandoc's superscript
    (f'"{Q_A}"^1,2^', "[1]"),
    (f'"{Q_A}"^1-2^.', "[1]"),
    (f'"{Q_A.rstrip(".")}."^2^', "[2]"),       # after the sentence's stop inside the marks
])
def test_numbered_citations_of_every_style_name_their_reference(cited: str, label: str) -> None:
    note = parse_note(f"# Note\n\n{cited}\n\n{NUMBERED}")
    assert [r.number for r in note.references] == ["1", "2"]
    [q] = note.quotes
    assert q.source_text == label
    assert note.reference_for(q) is note.references[int(label[1]) - 1]


@pytest.mark.parametrize("cited", [
    f'"{Q_A}" (3).',                          # no reference 3: prose, not a citation
    f'"{Q_A}" (2019).',                       # a year
    f'"{Q_A}" in 10^2^ runs.',                # a power, not Pandoc's note number
])
def test_numbers_in_brackets_that_name_no_reference_cite_nothing(cited: str) -> None:
    note = parse_note(f"# Note\n\n{cited}\n\n{NUMBERED}")
    assert note.quotes == [] and len(note.unchecked) == 1


def test_a_citation_after_one_quote_is_not_the_next_quote_s() -> None:
    # '"A"[1] and "B".' : [1] cites A; B cites nothing kb can read
    for mark in ("[1]", "<sup>1</sup>", "¹"):
        note = parse_note(f'# Note\n\n"{Q_A}"{mark} and also "{Q_B}"\n\n{NUMBERED}')
        assert [q.quote for q in note.quotes] == [Q_A]
        assert [text for _, text in note.unchecked] == [Q_B]
    note = parse_note(f'# Note\n\n"{Q_A}"¹ and also "{Q_B}"²\n\n{NUMBERED}')
    assert [q.source_text for q in note.quotes] == ["[1]", "[2]"]


def test_mla_author_page_citations_name_the_works_cited_entry() -> None:
    works = ("Works Cited\n"
             "Futoma, Joseph, et al. \"An Improved Multi-Output Gaussian Process RNN.\" *Proc. MLHC*, 2017, pp. 243-54.\n"
             "Lo, Kyle, and Lucy Lu Wang. \"S2ORC: The Semantic Scholar Open Research Corpus.\" *Proc. ACL*, 2020.\n")
    note = parse_note(f'# Note\n\n"{Q_A}" (Futoma et al. 243). "{Q_B}" (Lo and Wang 4969-70).\n\n{works}')
    assert [(q.attribution, q.page) for q in note.quotes] == [("Futoma et al.", "243"), ("Lo and Wang.", "4969-70")]
    assert [note.reference_for(q).line for q in note.quotes] == [6, 7]
    # a name no entry has, a table, a year: prose, not citations
    for cited in ("(Smith et al. 12)", "(Table 3)", "(Futoma 2017)"):
        note = parse_note(f'# Note\n\n"{Q_A}" {cited}.\n\n{works}')
        assert [q.attribution for q in note.quotes] in ([], ["Futoma. 2017."]), cited
    assert parse_note(f'# Note\n\n"{Q_A}" (Table 3).\n\n{works}').unchecked


class _Scanned(str):
    """A note's text that counts the characters its `find` calls may scan."""

    scanned = 0

    def find(self, sub, start=None, end=None):
        start = 0 if start is None else start
        end = len(self) if end is None else min(end, len(self))
        _Scanned.scanned += max(0, end - start)
        return str.find(self, sub, start, end)


def test_reading_a_citation_looks_no_further_than_a_citation_can_reach():
    """Each citation of a note written as one long line was read by searching to the end of
    that line: 200,000 citations on one line took minutes. The answers are the same."""
    from kb.text import notes

    one = '"x" [@futoma2017improved] '
    text = _Scanned(one * 5000)
    _Scanned.scanned = 0
    for k in range(0, 50):
        cite, end = notes._cite_at(text, k * len(one) + 4, len(text))
        assert cite is not None and cite[1] == "futoma2017improved" and end == k * len(one) + 25
    assert _Scanned.scanned <= 50 * 2000
    note = parse_note('He wrote "We trained the models for nine days" [@futoma2017improved] and ' * 3000, "n.md")
    assert len(note.quotes) == 3000 and {q.citekey for q in note.quotes} == {"futoma2017improved"}


@pytest.mark.parametrize("written, read", [
    ("our model *does not* require any citation", "our model does not require any citation"),
    ("our model **does not** require any citation", "our model does not require any citation"),
    ("our model _does not_ require any citation", "our model does not require any citation"),
    ("emissions of CO<sub>2</sub> in 2019", "emissions of CO2 in 2019"),
    ("outperforms the baselines on the benchmark.<sup>1</sup>", "outperforms the baselines on the benchmark.1"),
    ("Computer Science &amp; Engineering", "Computer Science & Engineering"),
    ("a language model&mdash;even a large one", "a language model\u2014even a large one"),
    # markers that are no emphasis stay
    ("the en_core_web_sm model of SpaCy", "the en_core_web_sm model of SpaCy"),
    ("a rank R* and a rank R'", "a rank R* and a rank R'"),
    ("an escaped \\*star\\* stays", "an escaped *star* stays"),
    ("2 * 3 * 4 makes 24", "2 * 3 * 4 makes 24"),
])
def test_a_quote_is_read_as_the_reader_sees_it(written, read):
    for text in (f"> {written}\n> [@key]\n", f'The paper says "{written}" [@key].\n'):
        note = parse_note(text)
        assert [q.quote for q in note.quotes] == [read], text


def test_a_markdown_link_to_a_reference_cites_it() -> None:
    note = parse_note('They say "SPECTER outperforms a variety of competitive baselines" '
                      '([Cohan et al., 2020](#specter)).\n\n'
                      '<span id="specter">[1] Cohan, A. (2020). SPECTER: Document-level Representation '
                      'Learning. ACL.</span>\n')
    assert [(q.quote, q.source_link) for q in note.quotes] == \
        [("SPECTER outperforms a variety of competitive baselines", "#specter")]
    assert not note.unchecked


def test_a_blockquote_of_list_items_leaves_their_bullets_out() -> None:
    text = ("> * [D2] Augment citations to known papers.\n> * [D3] Help users make sense of citations.\n"
            "[@chang2023citesee]\n\n> - first item of a list\n> + second item of a list\n[@key]\n\n"
            "> 1. What are the main sources of energy?\n> 2. What is the order of magnitude?\n[@key]\n")
    assert [q.quote for q in parse_note(text).quotes] == [
        "[D2] Augment citations to known papers. [D3] Help users make sense of citations.",
        "first item of a list second item of a list",
        "1. What are the main sources of energy? 2. What is the order of magnitude?"]


@pytest.mark.parametrize("before", [r"As \textcite{doe2020} put it,", r"As \citet[p.~3]{doe2020} put it,",
                                    "As @doe2020 put it,", "As [@doe2020] put it,"])
def test_a_quote_cited_before_it_keeps_its_citation_when_the_quote_before_cites_the_same_work(before) -> None:
    """A citation before a quote is its own, even when the quote before it cites the same
    work after itself: only that very citation ('"A" [@doe2020] and "B"') belongs to the first."""
    a = '"We measured the energy of twelve models on one machine" [@doe2020].'
    b = f'{before} "the models were trained for a week on eight accelerators".'
    for text in (f"{a}\n\n{b}\n", f"{a} {b}\n"):
        note = parse_note(text)
        second = text.count("\n", 0, text.index(before)) + 1
        assert [(q.line, q.citekey) for q in note.quotes] == [(1, "doe2020"), (second, "doe2020")], text
    shared = parse_note('"We measured the energy of twelve models on one machine" [@doe2020] and '
                        '"the models were trained for a week on eight accelerators".\n')
    assert [q.citekey for q in shared.quotes] == ["doe2020"] and len(shared.unchecked) == 1


@pytest.mark.parametrize("link, key, page", [
    ("[[@doe2020energy]]", "doe2020energy", None), ("[[doe2020energy]]", "doe2020energy", None),
    ("[[@doe2020energy|Doe et al. (2020)]]", "doe2020energy", None), ("[[@doe2020energy|p. 3]]", "doe2020energy", "3"),
    ("[[doe2020energy#p. 12]]", "doe2020energy", "12"), ("[[@Doe:2020]]", "Doe:2020", None)])
def test_a_wiki_link_to_a_papers_note_cites_that_paper(link, key, page) -> None:
    """Obsidian's citation plugins name a paper's note by its citekey ('@doe2020energy'):
    a quote followed by a wiki link to it cites the paper."""
    note = parse_note(f'"We measured the energy of twelve models on one machine" {link}.\n')
    assert [(q.citekey, q.page) for q in note.quotes] == [(key, page)]
    before = parse_note(f'As {link} put it, "we measured the energy of twelve models on one machine".\n')
    assert [q.citekey for q in before.quotes] == [key]


@pytest.mark.parametrize("link", ["[[Energy figures]]", "[[energy]]", "[[Doe]]", "[[]]", "[[@]]"])
def test_a_wiki_link_to_another_note_is_no_citation(link) -> None:
    note = parse_note(f'"We measured the energy of twelve models on one machine" {link}.\n')
    assert note.quotes == [] and [q for _, q in note.unchecked] == [
        "We measured the energy of twelve models on one machine"]


Q_TWELVE = "We measured the energy of twelve models on one machine"
Q_B_LONG = '"the models were trained for a week on eight accelerators"'


@pytest.mark.parametrize("text, who, page", [
    (f'"{Q_TWELVE}" [Doe et al. 2020].', "Doe et al. 2020.", None),                      # ACM
    (f'"{Q_TWELVE}" [Doe and Roe 2020, 4].', "Doe and Roe. 2020.", "4"),
    (f'"{Q_TWELVE}" (vgl. Müller et al. 2020, S. 4).', "Müller et al. 2020.", "4"),      # German
    (f'"{Q_TWELVE}" (Pérez y Gómez, 2020, pág. 4).', "Pérez and Gómez. 2020.", "4"),        # Spanish
    (f'"{Q_TWELVE}" (see also van der Berg et al., 2020, p. 4).', "van der Berg et al. 2020.", "4"),
    (f'"{Q_TWELVE}" (Doe et al. [2020]).', "Doe et al. 2020.", None),
    (f'"{Q_TWELVE}" (e.g. Rossi e Bianchi 2020).', "Rossi and Bianchi. 2020.", None),
    (f'"{Q_TWELVE}" (d’Alembert 2020: 4).', "d’Alembert. 2020.", "4"),
    (f'"{Q_TWELVE}" (Müller und Schmidt 2020).', "Müller and Schmidt. 2020.", None),
    (f'"{Q_TWELVE}" (Dupont et al. 2020).', "Dupont et al. 2020.", None),
    (f'Doe et al. [2020] write that "{Q_TWELVE}".', "Doe et al. 2020.", None),         # natbib's \\citet, [ ]
    (f'Doe and Roe [2020, p. 4] found that "{Q_TWELVE}".', "Doe and Roe. 2020.", "4"),
])
def test_author_year_citations_in_other_styles_and_languages(text, who, page) -> None:
    note = parse_note(text + "\n")
    assert [(q.quote, q.attribution, q.page) for q in note.quotes] == [(Q_TWELVE, who, page)]


@pytest.mark.parametrize("marked", [f"‘{Q_TWELVE}’", f"``{Q_TWELVE}''", f"« {Q_TWELVE} »", f"»{Q_TWELVE}«",
                                    f"„{Q_TWELVE}“"])
def test_quotes_in_the_marks_of_other_languages_and_of_latex_are_read(marked) -> None:
    note = parse_note(f"As they wrote, {marked} [@doe2020].\n")
    assert [(q.quote, q.citekey) for q in note.quotes] == [(Q_TWELVE, "doe2020")]


def test_an_apostrophe_is_no_closing_single_quote_mark() -> None:
    note = parse_note("They wrote ‘the model’s energy was measured on one machine’ [@doe2020]; in the ‘90s "
                      "nobody measured it, as the authors’ own figures show [@roe2021].\n")
    assert [(q.quote, q.citekey) for q in note.quotes] == [
        ("the model’s energy was measured on one machine", "doe2020")]


def _named(q) -> str:
    """A quote's (or an also-cited work's) citation as the tests below write it: '@key p3', '[3]'."""
    what = f"@{q.citekey}" if q.citekey else q.source_text or q.attribution
    return what + (f" p{q.page}" if q.page else "")


@pytest.mark.parametrize("cite, first, others", [
    ("[3, 4]", "[3]", ["[4]"]), ("[3-5]", "[3]", ["[4]", "[5]"]), ("[1, 4–6]", "[1]", ["[4]", "[5]", "[6]"]),
    ("<sup>3,4</sup>", "[3]", ["[4]"]), ("¹⁻³", "[1]", ["[2]", "[3]"]), ("^3,4^", "[3]", ["[4]"]),
    ("[@doe2020; @roe2021, p. 3]", "@doe2020", ["@roe2021 p3"]), ("[see @doe2020, p. 2; also @roe2021]",
                                                                    "@doe2020 p2", ["@roe2021"]),
    (r"\cite{doe2020,roe2021}", "@doe2020", ["@roe2021"]), (r"\citep[p.~3]{doe2020, roe2021}", "@doe2020",
                                                             ["@roe2021 p3"]),       # (natbib: 'Roe, 2021, p. 3')
    ("(Doe, 2020; see Roe et al., 2021, p. 4)", "Doe. 2020.", ["Roe et al. 2021. p4"]),
    # (a work set beside the quote's by 'see also' is none of the works it cites: tests/text/test_note_set_beside.py)
    ("(Doe, 2020; see also Roe et al., 2021, p. 4)", "Doe. 2020.", []),
    # one work: a locator, not another work
    ("[3, p. 4]", "[3] p4", []), ("[3]", "[3]", []), ("(Doe, 2020, p. 4)", "Doe. 2020. p4", []),
])
def test_a_citation_of_several_works_names_each(cite, first, others) -> None:
    note = parse_note(f'"We measured the energy of twelve models on one machine" {cite}.\n')

    [q] = note.quotes
    assert (_named(q), [_named(a) for a in q.also]) == (first, others)


@pytest.mark.parametrize("cite", ["[1-500]", "[5-3]", "[2019, 2020]"])
def test_a_range_too_long_or_backwards_names_no_works(cite) -> None:
    note = parse_note(f'"We measured the energy of twelve models on one machine" {cite}.\n')
    assert all(not q.also for q in note.quotes)



@pytest.mark.parametrize("text, key, page", [
    (f"\\enquote{{{Q_TWELVE}}} \\cite{{doe2020}}.", "doe2020", None),
    (f"As they put it, \\enquote{{{Q_TWELVE}}}\\autocite[3]{{doe2020}}.", "doe2020", "3"),
    (f"\\textquote[{{\\cite[p.~3]{{doe2020}}}}]{{{Q_TWELVE}}}.", "doe2020", "3"),
    (f"\\blockquote[\\cite{{doe2020}}][.]{{{Q_TWELVE}}}", "doe2020", None),
    (f"\\begin{{quote}}\n{Q_TWELVE}.\n\\end{{quote}}\n\\cite[p.~3]{{doe2020}}", "doe2020", "3"),
    (f"\\begin{{quotation}}\n{Q_TWELVE} \\parencite[3]{{doe2020}}.\n\\end{{quotation}}", "doe2020", "3"),
    (f"#+BEGIN_QUOTE\n{Q_TWELVE}.\n#+END_QUOTE\n[cite:@doe2020]", "doe2020", None),
    (f"#+begin_quote\n{Q_TWELVE} [cite:@doe2020 p. 3]\n#+end_quote", "doe2020", "3"),
    (f"<q>{Q_TWELVE}</q> [@doe2020, p. 3].", "doe2020", "3"),
    (f"<blockquote>{Q_TWELVE}.</blockquote>\n[@doe2020]", "doe2020", None),
])
def test_quotes_written_as_latex_html_or_org_constructs_are_read(text, key, page) -> None:
    note = parse_note(f"Some prose first.\n\n{text}\n\nMore prose.\n")
    assert [(q.quote.rstrip("."), q.citekey, q.page, q.line) for q in note.quotes] == [(Q_TWELVE, key, page, 3)]


def test_a_blockquote_citing_its_source_by_url_or_cite_element() -> None:
    note = parse_note(f'<blockquote cite="https://arxiv.org/abs/1906.02243">{Q_TWELVE}.</blockquote>\n\n'
                      f"> {Q_TWELVE}.\n> <cite>Doe et al. (2020), p. 3</cite>\n")
    assert [(q.source_link, q.attribution) for q in note.quotes] == [
        ("https://arxiv.org/abs/1906.02243", None), (None, "Doe et al. (2020), p. 3")]
    assert note.quotes[1].page == "3"


@pytest.mark.parametrize("text", ["\\enquote{short one} \\cite{doe2020}", "\\enquote{never closed " + Q_TWELVE,
                                  "\\begin{quote}\n" + Q_TWELVE + "\n\n\\end{quote} \\cite{doe2020}",
                                  "<q>" + Q_TWELVE + " [@doe2020]", "\\begin{itemize}\n" + Q_TWELVE + "\n\\end{itemize}"])
def test_constructs_that_are_no_cited_quote_are_not_read(text) -> None:
    assert parse_note(text + "\n").quotes == []


@pytest.mark.parametrize("cite, link, page", [
    ("https://arxiv.org/abs/1906.02243", "https://arxiv.org/abs/1906.02243", None),
    ("(https://doi.org/10.18653/v1/P19-1355)", "https://doi.org/10.18653/v1/P19-1355", None),
    ("(arXiv:1906.02243v2)", "arXiv:1906.02243v2", None), ("[arXiv:1906.02243, p. 3]", "arXiv:1906.02243", "3"),
    ("(doi:10.18653/v1/P19-1355, pp. 3-4)", "doi:10.18653/v1/P19-1355", "3-4"),
])
def test_a_papers_own_identifier_after_a_quote_cites_it(cite, link, page) -> None:
    note = parse_note(f'"{Q_TWELVE}" {cite}.\n')
    assert [(q.source_link, q.page) for q in note.quotes] == [(link, page)]


def test_an_identifier_in_the_next_sentence_is_not_the_quotes() -> None:
    note = parse_note(f'"{Q_TWELVE}." The code is at https://github.com/example/energy.\n')
    assert note.quotes == [] and len(note.unchecked) == 1


def test_footnotes_give_their_page_and_ibid_names_the_work_before() -> None:
    note = parse_note(
        f'"{Q_TWELVE}."[^1] Then "{Q_TWELVE}."[^2] And "{Q_TWELVE}."[^3] Also "{Q_TWELVE}."[^4]\n\n'
        '[^1]: Jane Doe, "Energy of Twelve Models," in *Proceedings of Things* (2020), 33–35.\n'
        "[^2]: Ibid., 4.\n"
        "[^3]: Ibid.\n"
        '[^4]: Doe, "Energy of Twelve Models," *Proceedings of Things*, 2020.\n')
    assert [q.page for q in note.quotes] == ["33–35", "4", None, None]      # a year ending [^4] is no page
    refs = {r.number: r for r in note.references}
    assert refs["^2"].entry is refs["^1"].entry and refs["^3"].entry is refs["^1"].entry
    assert refs["^2"].text == "Ibid., 4." and refs["^2"].line == 4



@pytest.mark.parametrize("text, cited", [
    # the citation before, at the ibid's own page, or at the same page when it gives none
    (f"Doe argues it (Doe et al., 2020, p. 3). {Q_B_LONG} (ibid., 4).", [("Doe et al. 2020.", "4")]),
    (f'"{Q_TWELVE}" (Doe, 2020, p. 3). {Q_B_LONG} (Ibid.).', [("Doe. 2020.", "3"), ("Doe. 2020.", "3")]),
    (f'"{Q_TWELVE}" [@doe2020, p. 3]. Later, {Q_B_LONG} (ibid., p. 9).', [("@doe2020", "3"), ("@doe2020", "9")]),
    (f'"{Q_TWELVE}"[3]. {Q_B_LONG} (ibid., 7). "and a third quote of four words" (ibid.).',
     [("[3]", None), ("[3]", "7"), ("[3]", "7")]),
])
def test_ibid_in_running_text_repeats_the_citation_before(text, cited) -> None:
    note = parse_note(text + "\n")
    assert [(f"@{q.citekey}" if q.citekey else q.source_text or q.attribution, q.page) for q in note.quotes] == cited


def test_ibid_with_no_citation_before_is_no_citation() -> None:
    note = parse_note(f"{Q_B_LONG} (ibid., 4).\n")
    assert note.quotes == [] and len(note.unchecked) == 1


def test_an_id_in_brackets_without_its_full_stop_is_no_ibid() -> None:
    """'Id.' is a legal writer's ibid; '(Id)' after a quote is a word of the prose."""
    note = parse_note(f'"{Q_TWELVE}" (Doe, 2020, p. 3). Then {Q_B_LONG} (Id).\n')
    assert [q.attribution for q in note.quotes] == ["Doe. 2020."] and len(note.unchecked) == 1
    legal = parse_note(f'"{Q_TWELVE}" (Doe, 2020, p. 3). Then {Q_B_LONG} (Id. at 7).\n')
    assert [(q.attribution, q.page) for q in legal.quotes] == [("Doe. 2020.", "3"), ("Doe. 2020.", "7")]


@pytest.mark.parametrize("cite, first, others", [
    ("<<doe2020>>", "@doe2020", []), ("<<doe2020,p. 3>>", "@doe2020 p3", []),      # AsciiDoc
    ("cite:[doe2020(3)]", "@doe2020 p3", []), ("citenp:[doe2020, roe2021(4-5)]", "@doe2020", ["@roe2021 p4-5"]),
    ("[doe2020]_", "@doe2020", []), ("[1]_", "[^1]", []), ("[#energy]_", "[^energy]", []),    # reStructuredText
    (":cite:`doe2020`", "@doe2020", []), (":cite:p:`doe2020,roe2021`", "@doe2020", ["@roe2021"]),   # Sphinx
    (":cite:p:`{see}doe2020{p. 3}`", "@doe2020 p3", []), (":footcite:t:`doe2020`", "@doe2020", []),
    ("{cite:p}`doe2020`", "@doe2020", []), ("{footcite}`doe2020`", "@doe2020", []),                 # MyST
    ("[@k]", "@k", []), ("[@ab, p. 2]", "@ab p2", []), ("[@k; @ab]", "@k", ["@ab"]),              # short keys
    ("[@doe2020: 3]", "@doe2020 p3", []), ("[@doe:2020.]", "@doe:2020", []),     # a key's punctuation is internal
    ("#cite(<doe2020>)", "@doe2020", []), ("#cite(<doe2020>, supplement: [p. 3])", "@doe2020 p3", []),   # Typst
    ("as @doe2020[p. 3] says", "@doe2020 p3", []),
    ("cite:doe2020", "@doe2020", []), ("citep:doe2020,roe2021", "@doe2020", ["@roe2021"]),             # org-ref
    ("citet:&doe2020;&roe2021", "@doe2020", ["@roe2021"]), ("[[citep:doe2020][p. 3]]", "@doe2020 p3", []),
    ("[[cite:&doe2020][See::3]]", "@doe2020 p3", []),
])
def test_asciidoc_restructuredtext_and_sphinx_citations_name_their_works(cite, first, others) -> None:
    note = parse_note(f'"We measured the energy of twelve models on one machine" {cite}.\n')

    [q] = note.quotes
    assert (_named(q), [_named(a) for a in q.also], q.quote) == (first, others, Q_TWELVE)


@pytest.mark.parametrize("before", ["@k wrote", "As @ab put it,"])
def test_a_narrative_pandoc_key_of_one_or_two_characters_cites_the_quote(before) -> None:
    [q] = parse_note(f'{before} "{Q_TWELVE}".\n').quotes
    assert q.citekey == before.split("@")[1].split()[0].rstrip(",")


@pytest.mark.parametrize("cite, entry", [
    ("<<doe20>>", "* [[[doe20]]] Doe, J., and Roe, R. 2020. Energy of twelve models.\n  Proc. of ACL."),
    ("<<doe20,p. 3>>", "- [[[doe20,1]]] Doe, J., and Roe, R. 2020. Energy of twelve models.\n  Proc. of ACL."),
    ("[Doe20]_", ".. [Doe20] Doe, J., and Roe, R. 2020. Energy of twelve models.\n   Proc. of ACL."),
    ("[1]_", ".. [1] Doe, J., and Roe, R. 2020. Energy of twelve models.\n   Proc. of ACL."),
])
def test_asciidoc_and_restructuredtext_bibliography_entries_are_the_references_cited(cite, entry) -> None:
    text = f'= Notes\n\n"{Q_TWELVE}" {cite}.\n\n== References\n\n{entry}\n\nAfter the list.\n'
    note = parse_note(text)
    [q] = note.quotes
    ref = note.reference_for(q)
    assert ref is not None and ref.text.endswith("Energy of twelve models. Proc. of ACL."), ref
    assert (q.line, ref.line) == (3, 7)         # the note's own line numbers


@pytest.mark.parametrize("text", [
    "std::cout << x << y >> z; and << not a key >>", "see <<>> and cite:[] and :cite:`` here",
    "a list[i]_x and arr[k]_ and [see]_x", "ci:[doe2020] and excite:[doe2020] and x:cite:`y`",
    "recite:doe2020 and to cite: the authors",
])
def test_what_only_looks_like_an_asciidoc_or_rst_citation_is_left_alone(text) -> None:
    note = parse_note(f'"{Q_TWELVE} and more" said someone. {text}\n')
    assert note.quotes == [] and [t for _, t in note.unchecked] == [f"{Q_TWELVE} and more"]


REFS_DOE = "\n\n## Works Cited\n\nDoe, Jane, Richard Roe, and Paul Poe. \"Energy of Twelve Models.\" ACL, 2020.\n"


@pytest.mark.parametrize("cite, page", [("(Doe, Roe, and Poe 12)", "12"), ("(Doe et al. 12)", "12"),
                                        ("(Doe, Roe, and Poe 12-13)", "12-13"), ("(Doe and Roe 4)", "4")])
def test_mla_author_page_citations_of_three_or_more_authors(cite, page) -> None:
    [q] = parse_note(f'"{Q_TWELVE}" {cite}.{REFS_DOE}').quotes
    assert (q.quote, q.page, q.attribution.split(",")[0].split()[0]) == (Q_TWELVE, page, "Doe")
    # no reference of the note has that first author: prose in brackets, the quote not checked
    note = parse_note(f'"{Q_TWELVE}" {cite.replace("Doe", "Lee")}.{REFS_DOE}')
    assert note.quotes == [] and [t for _, t in note.unchecked] == [Q_TWELVE]


@pytest.mark.parametrize("cite", ["(Doe, Roe, Poe, and Moe 12-13)", "(Doe, Moe, and Poe 12)", "(Doe, Poe, and Roe 12)",
                                  "(Doe and Moe 12)"])
def test_mla_names_an_entry_lacks_or_orders_otherwise_cite_none_of_its_works(cite) -> None:
    # 'Moe' is no author of 'Doe, Jane, Richard Roe, and Paul Poe', nor is Poe its second: another work
    note = parse_note(f'"{Q_TWELVE}" {cite}.{REFS_DOE}')
    assert note.quotes == [] and [t for _, t in note.unchecked] == [Q_TWELVE]


@pytest.mark.parametrize("text, key, page", [
    (f"> {Q_TWELVE}.\n\n[@doe2020, p. 3]\n", "doe2020", "3"),                 # its citation after a blank line
    (f"> {Q_TWELVE}.\r\n\r\n[@doe2020, p. 3]\r\n", "doe2020", "3"),
    (f"> {Q_TWELVE}.\n\n— Doe et al. 2020. Energy of twelve models, p. 3\n", None, "3"),
    (f"As Doe et al. (2020, p. 3) put it:\n\n> {Q_TWELVE}.\n", None, "3"),      # a lead-in citing the work
    (f"@doe2020 writes:\n> {Q_TWELVE}.\n", "doe2020", None),
    (f"As \\citet[p.~3]{{doe2020}} put it:\n\n> {Q_TWELVE}.\n", "doe2020", "3"),
    (f"The authors write:[@doe2020]\n\n> {Q_TWELVE}.\n", "doe2020", None),
    (f"> {Q_TWELVE}.\n>\n> --- @doe2020, p. 3\n", "doe2020", "3"),            # pandoc's attribution, a citation
    (f"> {Q_TWELVE}.\n\n— @doe2020\n", "doe2020", None),
    (f"> {Q_TWELVE}.\n> — Doe et al. [@doe2020, p. 3]\n", "doe2020", "3"),
    ("> We measured:\n> - the energy of twelve models on one machine. [@doe2020, p. 3]\n", "doe2020", "3"),
    (f"Text.\n\n    {Q_TWELVE}.\n\n    -- :cite:`doe2020`, p. 3\n", "doe2020", "3"),       # reStructuredText's
    (f"@doe2020 writes:\n\n> {Q_TWELVE}. (p. 3)\n", "doe2020", "3"),          # APA's block quotation
    (f"Text.\n\n> {Q_TWELVE}.\n> (Doe et al., 2020, p. 3)\n", None, "3"),
])
def test_a_blockquote_cited_after_a_blank_line_or_by_its_lead_in(text, key, page) -> None:
    [q] = parse_note(text).quotes
    line = text[:text.index(">" if ">" in text else Q_TWELVE)].count("\n") + 1
    quote = "We measured: the energy of twelve models on one machine." if "> - " in text else f"{Q_TWELVE}."
    assert (q.quote, q.citekey, q.page, q.kind, q.line) == (quote, key, page, "blockquote", line)


@pytest.mark.parametrize("text", [
    f"> {Q_TWELVE}.\n\n[@doe2020, p. 3] and then the next paragraph goes on.\n",     # a paragraph, not a citation
    f"> {Q_TWELVE}.\n\nA paragraph.\n\n[@doe2020]\n",
    f"> {Q_TWELVE}.\n\n[@doe2020]\nmore text of that paragraph\n",
    f"Doe et al. (2020) measured it. Someone else said:\n\n> {Q_TWELVE}.\n",         # another sentence's citation
    f"As Doe et al. (2020) put it.\n\n> {Q_TWELVE}.\n", f"Notes [@doe2020]:\n\nText.\n\n> {Q_TWELVE}.\n",
    f"# Note\n\n> {Q_TWELVE}.\n", f"As the report put it:\n\n> {Q_TWELVE}.\n",     # no citation, no citing lead-in
    f"Text.\n\n____\n{Q_TWELVE}.\n____\n",                                         # AsciiDoc's, unattributed
])
def test_a_blockquote_without_a_citation_of_its_own_is_no_quote_of_a_paper(text) -> None:
    """It is listed as not checked, so that the writer sees it."""
    note = parse_note(text)
    assert [q.quote for q in note.quotes if q.kind == "blockquote"] == []
    line = text[:text.index(Q_TWELVE)].count("\n") + 1
    assert [u for u in note.unchecked if u[1] == f"{Q_TWELVE}."] == [(line, f"{Q_TWELVE}.")]


def test_a_blockquotes_own_words_in_round_brackets_stay_in_it() -> None:
    note = parse_note(f"# N\n\n> {Q_TWELVE} (Table 3)\n")
    assert note.unchecked == [(3, f"{Q_TWELVE} (Table 3)")]


@pytest.mark.parametrize("text", ["> [!NOTE]\n> This post is a draft and will change.\n", "> Draft, see below.\n",
                                  f"> {Q_TWELVE}. [@doe2020]\n"])
def test_a_callout_a_short_aside_or_a_cited_blockquote_is_not_listed_as_unchecked(text) -> None:
    assert parse_note(text).unchecked == []


@pytest.mark.parametrize("cite, definition, link", [
    ("([Doe et al.][doe])", "[doe]: https://doi.org/10.1/x", "https://doi.org/10.1/x"),
    ("[Doe et al. 2020] [Doe]", "[doe]: <https://arxiv.org/abs/2001.00001> \"Energy\"", "https://arxiv.org/abs/2001.00001"),
    ("[doe][]", "  [DOE]: https://doi.org/10.1/x", "https://doi.org/10.1/x"),
    ("[1]", "[1]: https://doi.org/10.1/x", "https://doi.org/10.1/x"),          # a shortcut reference link
    ("[Doe][d]", "[d]: #ref-doe", "#ref-doe"),
])
def test_a_markdown_reference_link_cites_the_url_it_defines(cite, definition, link) -> None:
    [q] = parse_note(f'"{Q_TWELVE}" {cite}.\n\n{definition}\n').quotes
    assert (q.quote, q.source_link) == (Q_TWELVE, link)


@pytest.mark.parametrize("text", [f'"{Q_TWELVE} today" [Doe][nodef].\n\n[other]: https://doi.org/10.1/x\n',
                                  f'"{Q_TWELVE} today" [^doe].\n\n[doe]: https://doi.org/10.1/x\n'])
def test_a_reference_link_without_its_definition_is_not_read_as_one(text) -> None:
    note = parse_note(text)
    assert all(q.source_link is None for q in note.quotes)


def test_sentence_citations_name_every_work_of_a_sentence_in_any_style() -> None:
    from kb.text.notes import citations_as_pandoc, sentence_citations

    text = ("It took 5 kWh [@doe2020; @roe2021]. Then 7 kWh (Doe et al., 2020; Roe, 2021). Also 9 kWh "
            "([Doe][d]) and 3 kWh cite:[doe2020(4)]. Nothing cited: 8 kWh.\n\n## References\n\n"
            "[d]: https://doi.org/10.1/x\n")
    prose = citations_as_pandoc(text)
    got = [(line, [(q.citekey or q.source_link or q.attribution, [a.citekey or a.attribution for a in q.also])
                   for _, _, q in cited]) for line, _, cited in sentence_citations(prose[:prose.index("##")], parse_note(text))]
    assert got == [(1, [("doe2020", ["roe2021"])]), (1, [("Doe et al. 2020.", ["Roe. 2021."])]),
                   (1, [("https://doi.org/10.1/x", []), ("doe2020", [])])]


@pytest.mark.parametrize("written, quote", [
    ("``Amazon claimed that 90\\% of the ML demand is \\emph{not} for training'' \\citep{a}.",
     "Amazon claimed that 90% of the ML demand is not for training"),
    ("\\enquote{R\\&D costs grow by up to ~100-1000X, at US\\$3,201 a day} \\citep[p.~3]{a}.",
     "R&D costs grow by up to ~100-1000X, at US$3,201 a day"),
    ("\\begin{quote}\nThe cost of \\textit{training} [\\ldots] grows with size.\n\\end{quote}\n\\citep{a}",
     "The cost of training […] grows with size."),
    # LaTeX's own commands of one mark are LaTeX's, never Markdown's escapes: spaces, \@, \/ and accents print
    # nothing or a letter ("e.g.@ the", "if/ the", "$x;=;3$" were read)
    ("\\enquote{we train, e.g.\\@ the \\emph{if}\\/ models on 10\\,000 GPUs} \\citep[p.~3]{a}.",
     "we train, e.g. the if models on 10 000 GPUs"),
    ("\\enquote{held at $x\\;=\\;3$ by Se\\~nor Ma\\^itre} \\citep{a}.", "held at x = 3 by Señor Maître"),
])
def test_a_latex_notes_quote_is_read_as_latex_prints_it(written, quote) -> None:
    [q] = parse_note(f"\\section{{Work}}\n\n{written}\n").quotes
    assert (q.quote, q.citekey) == (quote, "a")


@pytest.mark.parametrize("text", [
    f"\\citet{{a}} found ``{Q_TWELVE}''.\n\\citet{{b}} did not.", f'@a found "{Q_TWELVE}". @b did not.',
    f"As \\citet{{a}} found, ``{Q_TWELVE}.'' \\citep{{a}} And \\citet{{b}} did not.",
])
def test_a_citation_opening_the_next_sentence_is_not_the_quotes(text) -> None:
    assert [q.citekey for q in parse_note(text).quotes] == ["a"]


@pytest.mark.parametrize("text, key, attribution, page", [
    (f'They found "{Q_TWELVE}."^[Doe and Roe, "Energy of Twelve Models," *Journal* 3 (2020): 5.] Then more.',
     None, 'Doe and Roe, "Energy of Twelve Models," *Journal* 3 (2020): 5.', "5"),
    (f'They found "{Q_TWELVE}"^[See @doe2020, p. 5.], and more.', "doe2020", None, "5"),
    (f'They found "{Q_TWELVE}" ^[Doe, Energy of Twelve Models, 2020.].', None, "Doe, Energy of Twelve Models, 2020.", None),
])
def test_a_quote_cited_by_a_pandoc_inline_note(text, key, attribution, page) -> None:
    """'^[...]': its citation, or the reference it is at the page it ends on; a title in quote
    marks inside it is no quote."""
    note = parse_note(text)
    assert [(q.citekey, q.attribution, q.page) for q in note.quotes] == [(key, attribution, page)]
    assert note.unchecked == []


@pytest.mark.parametrize("text, key, attribution", [
    (f"#quote(attribution: [@doe2020], block: true)[\n  {Q_TWELVE}.\n]\n", "doe2020", None),
    (f"#quote(attribution: <doe2020>)[{Q_TWELVE}.]\n", "doe2020", None),
    (f"#quote(block: true, attribution: [Doe et al. 2020])[{Q_TWELVE}.]\n", None, "Doe et al. 2020."),
])
def test_a_typst_quote_element_is_a_quote_of_its_attribution(text, key, attribution) -> None:
    assert [(q.quote, q.citekey, q.attribution, q.line) for q in parse_note(f"= Notes\n\n{text}").quotes] == [
        (f"{Q_TWELVE}.", key, attribution, 3)]


def test_a_bibliography_pandoc_wrote_as_fenced_divs_holds_the_notes_references() -> None:
    """'::: {#ref-doe2020 .csl-entry}' entries inside '::: {#refs}': references named by their id,
    their titles in quote marks no quotes, an author-year citation resolved through them."""
    text = (f'Doe and Roe (2020, 3) found "{Q_TWELVE}."\n\n::: {{.callout-note}}\nA callout of no reference.\n:::\n\n'
            '::: {#refs .references .csl-bib-body .hanging-indent}\n::: {#ref-doe2020 .csl-entry}\n'
            'Doe, Jane, and Richard Roe. 2020. "Energy of Twelve Models." arXiv. '
            '<https://doi.org/10.48550/arXiv.2001.00001>.\n:::\n\n::: {#ref-poe2019 .csl-entry}\n'
            'Poe, Edgar. 2019. "A Second Work Entirely." *Journal*.\n:::\n:::\n')
    note = parse_note(text)
    assert [(r.anchor, r.arxiv_id, r.line) for r in note.references] == [
        ("ref-doe2020", "2001.00001", 9), ("ref-poe2019", None, 13)]
    assert note.unchecked == [] and [q.quote for q in note.quotes] == [f"{Q_TWELVE}."]
    assert note.reference_for(note.quotes[0]).anchor == "ref-doe2020"


@pytest.mark.parametrize("xref", ["<<_method_overview>>", "<<method-overview>>", "<<methodoverview,the method>>",
                                  "<<results>>", "<<tab-energy>>", "<<fig1>>", "<<here>>"])
def test_an_asciidoc_cross_reference_to_a_part_of_the_document_is_no_citation(xref) -> None:
    """'<<id>>' naming an anchor ([[id]], [#id], anchor:id[]) or a section (its title's id,
    whatever prefix and separator) is a cross reference: the quote before it cites nothing kb
    can read, and is listed as not checked; '<<key>>' naming a bibliography entry is a
    citation, even when a section's title reads as the same id."""
    text = (f"= Notes\n\n== Method overview\n\nAs it says, \"{Q_TWELVE}\" {xref}.\n\n"
            f"And \"{Q_TWELVE} too\" <<doe2020>>.\n\n[[results]]\n== Results\n\n[#tab-energy.wide]\n|===\n| a\n|===\n\n"
            f"[#fig1]\nimage::x.png[]\n\nanchor:here[]Text.\n\n== Doe 2020\n\n[bibliography]\n== References\n\n"
            "* [[[doe2020]]] Doe, J. Energy of twelve models. 2020.\n")
    note = parse_note(text)
    assert [(q.quote, q.citekey) for q in note.quotes] == [(f"{Q_TWELVE} too", "doe2020")]
    assert note.unchecked == [(5, Q_TWELVE)]
    cited = parse_note(text.replace(xref, "<<doe2020>>"))
    assert [(q.quote, q.citekey) for q in cited.quotes] == [(Q_TWELVE, "doe2020"), (f"{Q_TWELVE} too", "doe2020")]


@pytest.mark.parametrize("text, key, attribution, page, line", [
    (f'[quote, Doe et al., "Energy of Twelve Models", p. 3]\n____\n{Q_TWELVE},\nand more.\n____\n', None,
     "Doe et al., Energy of Twelve Models, p. 3", "3", 3),
    (f'Text.\n\n[quote, "Doe et al. 2020"]\n{Q_TWELVE}, and more.\n\nNext.\n', None, "Doe et al. 2020", None, 4),
    (f"____\n{Q_TWELVE}, and more.\n____\n<<doe2020,p. 3>>\n", "doe2020", None, "3", 2),
    (f"Text:\n\n    {Q_TWELVE},\n    and more.\n\n    -- Doe et al. (2020), p. 3\n", None, "Doe et al. (2020), p. 3",
     "3", 3),
    (f"Text:\r\n\r\n   {Q_TWELVE},\r\n   and more.\r\n\r\n   — Doe et al. 2020, p. 3\r\n", None, "Doe et al. 2020, p. 3",
     "3", 3),
])
def test_asciidoc_quote_blocks_and_rst_attributed_block_quotes_are_read(text, key, attribution, page, line) -> None:
    [q] = parse_note(text).quotes
    assert (q.quote, q.citekey, q.attribution, q.page, q.line) == (f"{Q_TWELVE}, and more.", key, attribution,
                                                                    page, line)


@pytest.mark.parametrize("text", [
    f"____\n{Q_TWELVE}, and more.\n",                                      # never closed
    f"Code:\n\n    {Q_TWELVE}, and more.\n\nText after.\n",                # an indented block, no attribution
    f"- item\n  {Q_TWELVE}, and more.\n\n  -- a dash line in a list item\n",
    f"____\n{Q_TWELVE}, and more.\n____\n\nA paragraph follows.\n",           # a quote block citing nothing
])
def test_what_is_no_attributed_quote_block_is_not_read_as_one(text) -> None:
    assert parse_note(text).quotes == []


@pytest.mark.parametrize("declared, files", [
    ("#+bibliography: refs.bib", ["refs.bib"]), ("#+BIBLIOGRAPHY: lib/refs.json", ["lib/refs.json"]),   # Org
    ("\\addbibresource{refs.bib}", ["refs.bib"]), ("\\bibliography{refs,more.bib}", ["refs.bib", "more.bib"]),
    (":bibtex-file: refs.bib", ["refs.bib"]),                                                             # AsciiDoc
    ('#bibliography(("refs.bib", "more.yml"), style: "apa")', ["refs.bib"]),                               # Typst
    (".. bibliography:: refs.bib more.bib", ["refs.bib", "more.bib"]),                         # sphinxcontrib-bibtex
])
def test_a_bibliography_file_declared_in_the_notes_own_format_is_read(declared, files) -> None:
    note = parse_note(f"= A note\n{declared}\n\nText.\n")
    assert (note.bibliography, note.bibliography_line) == (files, 2)
    # in a code block, in running text, or beside a front matter that names one: not this note's
    assert parse_note(f"```\n{declared}\n```\n").bibliography == []
    assert parse_note(f"See {declared} here.\n").bibliography == []
    assert parse_note(f"---\nbibliography: a.bib\n---\n{declared}\n").bibliography == ["a.bib"]


def test_a_quote_in_a_table_row_takes_the_citation_of_its_own_row() -> None:
    q = [f"{Q_TWELVE} in row {n}" for n in range(5)]
    note = parse_note("| Quote | Source |\n|---|---|\n"
                      f'| "{q[0]}." | [@doe2020, p. 3] |\n'
                      f'| "{q[1]}." | (Roe et al., 2021) |\n'
                      f'| "{q[2]}." | written by someone |\n'
                      f'| [@poe2019] | "{q[3]}." |\n'
                      f'| "{q[4]}" and more | [@moe2018] |\n')
    assert [(x.quote, x.citekey or x.attribution, x.page, x.line) for x in note.quotes] == [
        (f"{q[0]}.", "doe2020", "3", 3), (f"{q[1]}.", "Roe et al. 2021.", None, 4), (f"{q[3]}.", "poe2019", None, 6),
        (q[4], "moe2018", None, 7)]
    assert note.unchecked == [(5, f"{q[2]}.")]


@pytest.mark.parametrize("text, attribution, unchecked", [
    # the work the paragraph cited before the quote, when it cites no other
    (f'Smith et al. (2020) studied this. "{Q}."', "Smith et al. 2020.", False),
    # (its page is not the quote's)
    (f'This was studied (Smith et al., 2020, p. 9). "{Q}."', "Smith et al. 2020.", False),
    # several works before it, none in its sentence: nobody's, and said
    (f'Smith et al. (2020) studied this. Jones et al. (2021) disagree. "{Q}."', None, True),
    (f'Smith et al. (2020) studied this. Jones et al. (2021) disagree. They wrote: "{Q}."', None, True),
    (f'Smith et al. (2020) studied this. "{Q}." Later work disagreed (Jones et al., 2021).', None, True),
    ('Smith et al. (2020) studied this. Jones et al. (2021) disagree. "four words quoted here."', None, True),
    # a citation in the quote's own sentence, after it or before it, is its citation
    (f'Smith et al. (2020) studied this. "{Q}" (Jones et al., 2021).', "Jones et al. 2021.", False),
    (f'Smith et al. (2020) studied this. Jones et al. (2021) put it plainly: "{Q}."', "Jones et al. 2021.", False),
    (f'Smith et al. (2020) found, e.g. "{Q}."', "Smith et al. 2020.", False),     # no sentence ends
    # a citation only in a later sentence is that sentence's
    (f'"{Q}." Smith et al. (2020) studied this.', None, True),
])
def test_a_quote_whose_sentence_cites_nothing_is_its_paragraphs_one_work_or_not_checked(text, attribution,
                                                                                       unchecked):
    """'Smith et al. (2020) studied this. Jones et al. (2021) disagree. "..."' was Jones's: the
    sentence ending just before the quote's mark was not seen, so the last citation before the
    quote was taken, whichever sentence it was in; a quote of the paragraph after it was not."""
    note = parse_note(f"# Note\n\n{text}\n")
    assert [(q.attribution, q.page) for q in note.quotes] == ([(attribution, None)] if attribution else [])
    assert bool(note.unchecked) == unchecked, note.unchecked


@pytest.mark.parametrize("written", [
    "> All models have code freely available online.\n> [1], [2]",
    "> All models have code freely available online. [1]–[2]",
    '"All models have code freely available online" [1], [2].',
    '"All models have code freely available online" [1]-[2].',
])
def test_ieee_citations_of_several_works_in_brackets_of_their_own_name_each(written):
    note = parse_note(written + '\n\nReferences\n\n[1] A. Doe, "One title," 2019.\n[2] B. Roe, "Another," 2020.\n',
                      "n.md")
    assert [(q.source_text, [a.source_text for a in q.also]) for q in note.quotes] == [("[1]", ["[2]"])]


@pytest.mark.parametrize("cited, labels, page", [
    (f'"{Q_A}" [Amm18].', ["[Amm18]"], None),
    (f'"{Q_A}" [AGB+18, p. 4].', ["[AGB+18]"], "4"),
    (f'> {Q_A} [GJ79; Knu84a]', ["[GJ79]", "[Knu84a]"], None),
    (f'"{Q_A}" [vdAal04].', ["[vdAal04]"], None),
])
def test_alphabetic_labels_are_citations(cited, labels, page) -> None:
    [q] = parse_note(f"# Note\n\n{cited}\n").quotes
    assert [q.source_text] + [o.source_text for o in q.also] == labels and q.page == page


@pytest.mark.parametrize("cited", [f'"{Q_A}" [sic].', f'"{Q_A}" [CO2].', f'"{Q_A}" [see below].'])
def test_brackets_that_are_no_label_cite_nothing(cited) -> None:
    note = parse_note(f"# Note\n\n{cited}\n")
    assert note.quotes == [] and len(note.unchecked) == 1


@pytest.mark.parametrize("authors, year, label", [
    (["Knuth, Donald E."], 1984, "Knu84"),
    (["Garey, Michael R.", "Johnson, David S."], 1979, "GJ79"),
    (["Strubell, Emma", "Ganesh, Ananya", "McCallum, Andrew"], 2019, "SGM19"),
    (["Vaswani, Ashish", "Shazeer, Noam", "Parmar, Niki", "Uszkoreit, Jakob", "Jones, Llion"], 2017, "VSP+17"),
    (["Vaswani, Ashish", "Shazeer, Noam", "Parmar, Niki", "Uszkoreit, Jakob", "Jones, Llion"], 2017, "Vas+17"),
    (["van der Aalst, Wil"], 2004, "vdAal04"),
    (["van der Aalst, Wil"], 2004, "Aal04"),
    (["Gödel, Kurt"], 1931, "Göd31a"),
])
def test_alpha_labels_are_those_the_styles_print(authors, year, label) -> None:
    from kb.text.names import alpha_labels, label_form

    assert label_form(label) in alpha_labels(authors, year)
    assert label_form(label) not in alpha_labels(authors, year + 1)
    assert label_form(label) not in alpha_labels(["Other, Anne"] + authors, year)


@pytest.mark.parametrize("cited, key, page", [
    (f'"{Q_A}" [doe2020energy].', "doe2020energy", None),
    (f'"{Q_A}" [Doe2020, p. 3].', "Doe2020", "3"),
    (f'> {Q_A} [doe:2020]', "doe:2020", None),
])
def test_a_key_in_brackets_without_an_at_sign_is_read_as_pandocs(cited, key, page) -> None:
    [q] = parse_note(f"# Note\n\n{cited}\n").quotes
    assert (q.citekey, q.page) == (key, page)


@pytest.mark.parametrize("footnote, cited", [
    ("See @doe2020energy, p. 3.", [("doe2020energy", "3")]),
    ("@doe2020energy, 3.", [("doe2020energy", "3")]),
    ("As argued in [@doe2020energy, p. 3].", [("doe2020energy", "3")]),
    ("\\cite[p.~3]{doe2020energy}.", [("doe2020energy", "3")]),
    ("See @doe2020energy, p. 3; also @roe2019, p. 7.", [("doe2020energy", "3"), ("roe2019", "7")]),
    # no key: the footnote is a reference like any other, an address no key
    ("Personal communication, doe@example.org, 2020.", [(None, None)]),
    ("Doe, J. Energy and carbon in deep learning. 2020, 3.", [(None, "3")]),
])
def test_a_footnote_citing_by_key_cites_that_key(footnote, cited) -> None:
    [q] = parse_note(f'# Note\n\nThey write "{Q_A}"[^1]\n\n[^1]: {footnote}\n').quotes
    assert [(w.citekey, w.page) for w in [q] + q.also] == cited
    assert (q.source_text is None) == (cited[0][0] is not None)


def test_ibid_after_a_footnote_citing_by_key_cites_that_key_at_its_own_page() -> None:
    note = parse_note(f'# Note\n\n"{Q_A}"[^1] and "{Q_B}"[^2] and "{Q_A}"[^3]\n\n'
                      "[^1]: See @doe2020energy, p. 3.\n[^2]: Ibid., 5.\n[^3]: Ibid.\n")
    assert [(q.citekey, q.page) for q in note.quotes] == [("doe2020energy", "3"), ("doe2020energy", "5"),
                                                           ("doe2020energy", "5")]


SHORT_FORMS = (f'# Note\n\n"{Q_A}"[^1] "{Q_B}"[^2] "{Q_A}"[^3]\n\n'
               '[^1]: Ann Doe, Bo Roe, and Cy Poe, "Sepsis in Intensive Care Units," in *Proc. MLHC* (2017), 3.\n'
               '[^2]: Kyle Lo et al., "S2ORC: The Semantic Scholar Open Research Corpus," in *Proc. ACL* (2020), 4.\n'
               "[^3]: Ann Doe, Bo Roe, and Cy Poe, \"Sepsis Revisited,\" in *Proc. MLHC* (2019), 8.\n")


@pytest.mark.parametrize("short, title, page", [
    ("Lo et al., op. cit., 5.", "S2ORC", "5"),
    ("Lo et al., 5.", "S2ORC", "5"),
    ("Doe, Roe, and Poe, op. cit., p. 9.", "Sepsis Revisited", "9"),      # the one cited last before it
    ("Doe, Roe, and Poe, 9.", "Sepsis Revisited", "9"),
    ("Op. cit., 9.", None, "9"),            # no name: no work said (never the footnote before's, maybe another's)
    ("Vaswani et al., op. cit., 5.", None, "5"),                         # no work of that author: none
    ("Vaswani et al., 5.", None, "5"),
])
def test_a_short_form_of_names_or_op_cit_is_the_work_of_that_author_cited_before(short, title, page) -> None:
    note = parse_note(SHORT_FORMS + f'\nAnd "{Q_B}"[^4]\n\n[^4]: {short}\n')
    q = note.quotes[-1]
    ref = note.reference_for(q)
    assert (ref.entry.title.split(":")[0] if ref.entry.year else None) == title and q.page == page


@pytest.mark.parametrize("entries, numbers", [
    (["[1] A. Doe, “Sepsis in care,” 2017.", "[4] B. Roe, “Corpora of papers,” 2020."], ["1", "4"]),
    (["(2) A. Doe, “Sepsis in care,” 2017.", "(7) B. Roe, “Corpora of papers,” 2020."], ["2", "7"]),
    (["- [1] A. Doe, “Sepsis in care,” 2017.", "- [3] B. Roe, “Corpora of papers,” 2020.",
      "- [4] C. Poe, “Grids,” 2021."], ["1", "3", "4"]),
    (["A. Doe, “Sepsis in care,” 2017.", "B. Roe, “Corpora of papers,” 2020."], ["1", "2"]),   # by position
])
def test_a_numbered_list_that_skips_numbers_keeps_each_entry_s_own(entries, numbers) -> None:
    """An excerpt of a numbered list ('[1]', '[4]'): the entry labelled as its position is labelled too,
    where it lost its number beside the others' ('the note has no reference [1]')."""
    note = parse_note(f'"{Q_A}" [{numbers[0]}].\n\n## References\n\n' + "\n".join(entries) + "\n")
    assert [r.number for r in note.references] == numbers
    assert note.reference_for(note.quotes[0]).entry.year == 2017


def test_a_sentence_cited_by_a_footnote_citing_a_key_cites_that_key() -> None:
    """kb audit --note reads a sentence's footnote as its quotes' are read: '[^1]: See @doe2020, p. 3.' cites
    doe2020 at page 3 (and 'Ibid.' after it), where the sentence cited a footnote of no title, nothing here."""
    from kb.text.notes import sentence_citations

    text = ("It took 5 kWh per run.[^1] Then 7 kWh.[^2] And 9 kWh.[^3]\n\n"
            "[^1]: See @doe2020, p. 3; @roe2021.\n[^2]: Ibid., 4.\n[^3]: Doe, J. Energy of runs. 2020, 5.\n")
    got = [(q.citekey, q.page, [a.citekey for a in q.also])
           for _, _, cited in sentence_citations(text[:text.index("[^1]:")], parse_note(text)) for _, _, q in cited]
    # (a footnote of no title is at the page it ends on, as a quote's is: nothing here)
    assert got == [("doe2020", "3", ["roe2021"]), ("doe2020", "4", []), (None, "5", [])]


BIBITEMS = ("\\documentclass{article}\n\\begin{document}\n``" + Q_A + "'' \\cite[p.~3]{doe17}.\n\n"
            "``" + Q_B + "'' \\citep{lo20,nobody}.\n\n\\begin{thebibliography}{9}\n"
            "\\bibitem{doe17} A.~Doe and B.~Roe, ``Sepsis in intensive care units,'' in \\emph{Proc. MLHC},\n"
            "  2017, pp. 1--9.\n"
            "\\bibitem[Lo et~al.(2020)]{lo20} K.~Lo \\emph{et~al.}, ``{S2ORC}: The semantic scholar open research "
            "corpus,'' \\newblock in \\emph{ACL}, 2020.\n\\end{thebibliography}\n\\end{document}\n")


def test_a_latex_notes_thebibliography_is_its_references_list() -> None:
    """\\cite{doe17} of a note whose \\bibitem{doe17} is its entry: that entry (its title, year), where the key,
    no paper's, was no-source; the entries' titles in quote marks are no quotes of the note."""
    note = parse_note(BIBITEMS, "note.tex")
    assert [(q.quote, q.citekey, q.page) for q in note.quotes] == [(Q_A, "doe17", "3"), (Q_B, "lo20", None)]
    assert [(r.anchor, r.entry.year) for r in note.references] == [("doe17", 2017), ("lo20", 2020)]
    first, second = (note.reference_for(q) for q in note.quotes)
    assert first.entry.title.startswith("Sepsis in intensive care") and second.entry.title.startswith("S2ORC")
    assert note.reference_for(note.quotes[1].also[0]) is None and note.unchecked == []


LATEX_FOOTNOTES = ("\\documentclass{article}\n\\begin{document}\n"
                   "They write ``" + Q_A + "''\\footnote{Ann Doe and Bo Roe, ``Sepsis in Intensive Care Units,''\n"
                   "in \\emph{Proc. {MLHC}} (2017), 3.} and more.\n\n"
                   "Then ``" + Q_B + "''\\footnote{Ibid., 5.} and ``" + Q_A
                   + "''\\footnote[9]{See \\cite[p.~4]{lo20}.}\n\n"
                   "Last, ``" + Q_B + " again''\\footnote{Vaswani et al., ``Attention Is All You Need,'' 2017, 7.}\n"
                   "\\end{document}\n")


def test_a_latex_notes_footnotes_are_its_footnotes() -> None:
    """\\footnote{Doe and Roe, ``Title,'' ... 3.} after a quote cites that work at its page, as a Markdown
    footnote does (Ibid. and a key inside it as well), where the quote was not checked and the footnote's
    title was read as a quote; the quotes' lines stay the note's."""
    note = parse_note(LATEX_FOOTNOTES, "note.tex")
    got = [(q.line, q.quote[:5], q.source_text, q.citekey, q.page) for q in note.quotes]
    assert got == [(3, Q_A[:5], "[^fn1]", None, "3"), (6, Q_B[:5], "[^fn2]", None, "5"),
                   (6, Q_A[:5], None, "lo20", "4"), (8, Q_B[:5], "[^fn4]", None, "7")]
    titles = [note.reference_for(q).entry.title for q in note.quotes if q.citekey is None]
    assert titles == ["Sepsis in Intensive Care Units", "Sepsis in Intensive Care Units", "Attention Is All You Need"]
    assert [(r.number, r.line) for r in note.references] == [("^fn1", 3), ("^fn2", 6), ("^fn3", 6), ("^fn4", 8)]
    assert note.unchecked == []


@pytest.mark.parametrize("cite, label, page", [
    ("<sup>3(p5)</sup>", "[3]", "5"), ("<sup>3(pp4-5)</sup>", "[3]", "4-5"), ("<sup>12, p. 9</sup>", "[12]", "9"),
    ("^3(p5)^", "[3]", "5"), ("<sup>3</sup>", "[3]", None),
])
def test_an_ama_superscript_with_its_page_cites_that_number_at_that_page(cite, label, page) -> None:
    note = parse_note(f'# Note\n\n"{Q_A}"{cite}\n')
    assert [(q.source_text, q.page) for q in note.quotes] == [(label, page)] and note.unchecked == []


@pytest.mark.parametrize("cite", ["<sup>3(a)</sup>", "<sup>(p5)</sup>", "^3(p5)"])
def test_what_only_looks_like_an_ama_superscript_cites_nothing(cite) -> None:
    note = parse_note(f'# Note\n\n"{Q_A}"{cite}\n')
    assert note.quotes == [] and len(note.unchecked) == 1


@pytest.mark.parametrize("written, cited", [
    (f'As @fig-energy shows, "{Q_A}"', []),
    (f'"{Q_A}" [@tbl-costs].', []),
    (f'"{Q_A}" (@sec:intro).', []),
    (f'"{Q_A}" [@tbl-costs; @doe2020, p. 5].', [("doe2020", "5")]),
    (f'As @fig-energy shows, "{Q_A}" [@doe2020].', [("doe2020", None)]),
    (f'"{Q_A}" [@figueroa2020].', [("figueroa2020", None)]),       # a key that begins as a prefix does
])
def test_a_quarto_cross_reference_is_no_citation(written, cited) -> None:
    note = parse_note(f"# Note\n\n{written}\n")
    assert [(q.citekey, q.page) for q in note.quotes] == cited and len(note.unchecked) == (not cited)


@pytest.mark.parametrize("written, cited", [
    ("``{q}'' \\cites[5]{{doe2020}}[3]{{roe2021}}.", [("doe2020", "5"), ("roe2021", "3")]),
    ("``{q}'' \\parencites(see)(){{doe2020}}{{roe2021,poe2019}}.", [("doe2020", None), ("roe2021", None),
                                                                     ("poe2019", None)]),
    ("``{q}'' \\textcites[p.~4]{{roe2021}}{{doe2020}}.", [("roe2021", "4"), ("doe2020", None)]),
    ("\\Citet{{doe2020}} write ``{q}''", [("doe2020", None)]),
    ("It ends. ``{q}.'' \\Parencite[5]{{doe2020}}", [("doe2020", "5")]),
    ("``{q}'' \\Autocite[p.~7]{{doe2020}}.", [("doe2020", "7")]),
])
def test_latex_multicite_and_capitalised_citation_commands_cite_their_works(written, cited) -> None:
    note = parse_note("\\documentclass{article}\n\\begin{document}\n" + written.format(q=Q_A)
                      + "\n\\end{document}\n", "note.tex")
    [q] = note.quotes
    assert [(w.citekey, w.page) for w in [q] + q.also] == cited


@pytest.mark.parametrize("cite, page", [
    ("[3, Sec. 4]", None), ("[3, Fig. 2]", None), ("[3, Table 1]", None), ("[3, Ch. 2]", None),
    ("[3, Th. 1]", None), ("[3, eq. (2)]", None), ("[3, para. 12]", None), ("[3, § 4.2]", None),
    ("[3 p.5]", "5"), ("[3, S. 5]", "5"), ("[3, at 5]", "5"), ("[3, pp. 4–5]", "4–5"), ("[3: 5]", "5"),
])
def test_a_numbered_citation_with_a_place_in_the_work_cites_that_number(cite, page) -> None:
    """IEEE's '[3, Sec. 4]' cites [3] at no page kb checks ('para. 12' is no page 'ara'), where it cited nothing."""
    note = parse_note(f'# Note\n\n"{Q_A}" {cite}.\n\n## References\n\n[3] A. Doe, “Sepsis in care,” 2017.\n')
    assert [(q.source_text, q.page) for q in note.quotes] == [("[3]", page)]


@pytest.mark.parametrize("cite", ["[3, see below]", "[3, Sec.]", "[3 Sec. 4]"])
def test_a_number_with_words_that_are_no_place_cites_nothing(cite) -> None:
    note = parse_note(f'# Note\n\n"{Q_A}" {cite}.\n\n## References\n\n[3] A. Doe, “Sepsis in care,” 2017.\n')
    assert note.quotes == [] and len(note.unchecked) == 1


MLA_TWO_WORKS = ('\n\n## Works Cited\n\nDoe, Ann, and Bo Roe. "Sepsis in Intensive Care Units." *Critical Care*, '
                 '2017.\n\n'
                 'Doe, Ann, et al. "Scoring Sepsis at the Bedside." *Critical Care*, 2019.\n')


@pytest.mark.parametrize("cite, year, page", [
    ('(Doe et al., "Scoring Sepsis" 12)', 2019, "12"),
    ("(Doe and Roe, *Sepsis in Intensive Care* 4-5)", 2017, "4-5"),
    ("(Doe, “Sepsis in Intensive Care Units,” 3)", 2017, "3"),
    ('(Doe et al., "Sepsis Elsewhere" 12)', None, None),        # no work of Doe so titled: not read
    ("(Doe 12)", None, "12"),                                   # of two works: a citation, which says ambiguous
])
def test_an_mla_citation_of_author_short_title_and_page_is_that_work(cite, year, page) -> None:
    note = parse_note(f'# Note\n\n"{Q_A}" {cite}.{MLA_TWO_WORKS}')
    if page is None:
        assert note.quotes == [] and len(note.unchecked) == 1
        return
    [q] = note.quotes
    ref = note.reference_for(q)
    assert (ref.entry.year if ref else None, q.page) == (year, page)
    if year is None:
        assert len(note.references_by_author(q.attribution)) == 2


ENDNOTES = ("## Notes\n\n1. Ann Doe and Bo Roe, “Sepsis in Intensive Care Units,” in *Proc. MLHC* (2017), 3.\n"
            "2. Doe and Roe, “Sepsis in Intensive Care,” 5.\n\n3. Kyle Lo et al., “S2ORC: The Semantic Scholar "
            "Open Research Corpus,” in *Proc. ACL* (2020), 4.\n4. Ibid., 9.\n5. Doe and Roe, 7.\n")


def test_endnotes_short_forms_and_ibid_are_the_works_of_the_notes_before() -> None:
    """A numbered list of notes (Chicago's endnotes, under 'Notes'): '2. Doe and Roe, "Short Title," 5.', '4. Ibid.'
    and '5. Doe and Roe, 7.' are the works named in full before, where they were no references at all."""
    cites = " ".join(f'"{Q_A} {n}"<sup>{n}</sup>' for n in range(1, 6))
    note = parse_note(f"# Note\n\n{cites}\n\n{ENDNOTES}")
    assert [r.number for r in note.references] == ["1", "2", "3", "4", "5"]
    years = [note.reference_for(q).entry.year for q in note.quotes]
    assert years == [2017, 2017, 2020, 2020, 2017]


@pytest.mark.parametrize("items", [
    "1. Ann Doe and Bo Roe, “Sepsis in Intensive Care Units,” in *Proc. MLHC* (2017), 3.\n"
    "2. Check the numbers again.\n",
    "1. Ann Doe and Bo Roe, “Sepsis in Intensive Care Units,” in *Proc. MLHC* (2017), 3.\n\nA paragraph.\n\n"
    "2. Ibid., 5.\n",                                               # a paragraph between: no list of notes
])
def test_a_numbered_list_after_a_reference_is_no_list_of_notes(items) -> None:
    note = parse_note(f'# Note\n\n"{Q_A}"<sup>2</sup>\n\n{items}')
    assert [r.number for r in note.references] == ["1"] and note.reference_for(note.quotes[0]) is None


def test_a_numbered_entry_of_no_year_is_no_short_form_of_a_longer_title() -> None:
    """'[2] J. Doe, “Energy,” tech. report.' is its own work, not Doe's 'Energy efficient training' of [3]."""
    note = parse_note(f'# N\n\n"{Q_A}" [2]\n\n## References\n\n[2] J. Doe, “Energy,” tech. report.\n'
                      "[3] J. Doe, “Energy efficient training,” 2020.\n")
    assert note.reference_for(note.quotes[0]).number == "2"


def test_org_footnotes_are_footnotes() -> None:
    """Org's '"..."[fn:1]' with '[fn:1] Doe and Roe, "Title," 2017, 3.' (and '[fn:2] Ibid., 5.') is a footnote, where
    the quote was not checked and the footnote's title was read as a quote; lines stay the note's."""
    note = parse_note(f'#+title: N\n\n"{Q_A}"[fn:1] and "{Q_B}"[fn:ibid]\n\n* Footnotes\n\n'
                      '[fn:1] Ann Doe and Bo Roe, "Sepsis in Intensive Care Units," 2017, 3.\n\n[fn:ibid] Ibid., 5.\n',
                      "n.org")
    assert [(q.line, q.source_text, q.page) for q in note.quotes] == [(3, "[^1]", "3"), (3, "[^ibid]", "5")]
    assert [note.reference_for(q).entry.year for q in note.quotes] == [2017, 2017] and note.unchecked == []


@pytest.mark.parametrize("path, opening", [("n.adoc", "footnote:["), ("n.adoc", "footnote:doe["),
                                           ("n.typ", "#footnote[")])
def test_asciidoc_and_typst_inline_footnotes_are_inline_notes(path, opening) -> None:
    """AsciiDoc's 'footnote:[Doe and Roe, "Title," 2017, 3.]' and Typst's '#footnote[...]' after a quote cite the
    work they name at their page (a key too), as pandoc's '^[...]' does, where the quote was not checked and the
    footnote's title was read as a quote."""
    note = parse_note(f'= N\n\n"{Q_A}"{opening}Ann Doe and Bo Roe, "Sepsis in Intensive Care Units," 2017, 3.]\n\n'
                      f'"{Q_B}" {opening}@lo2020, p. 4]\n', path)
    assert [(q.attribution, q.citekey, q.page) for q in note.quotes] == [
        ('Ann Doe and Bo Roe, "Sepsis in Intensive Care Units," 2017, 3.', None, "3"), (None, "lo2020", "4")]
    assert note.unchecked == []


def test_rst_auto_numbered_and_auto_symbol_footnotes_pair_in_order() -> None:
    """'[#]_' and '[*]_' pair with '.. [#]' and '.. [*]' in their order (an auto-symbol Ibid. too), where the quotes
    were not checked and a definition's title was read as a quote."""
    note = parse_note(f'N\n=\n\n"{Q_A}" [#]_ and "{Q_B}" [#]_ and "{Q_A}" [*]_\n\n'
                      '.. [#] Ann Doe and Bo Roe, "Sepsis in Intensive Care Units," 2017, 3.\n'
                      '.. [#] Kyle Lo et al., "S2ORC: The Semantic Scholar Open Research Corpus," 2020, 4.\n'
                      ".. [*] Ibid., 9.\n", "n.rst")
    got = [(note.reference_for(q).entry.year, q.page) for q in note.quotes]
    assert got == [(2017, "3"), (2020, "4"), (2020, "9")] and note.unchecked == []


def test_an_html_footnote_saying_ibid_is_the_footnote_before() -> None:
    """Pandoc's HTML footnotes: '<li id="fn2"><p>Ibid., 5.</p></li>' is the work of fn1, where a quote citing it
    said the note has no reference #fn2; an Ibid. with nothing before it names nothing."""
    refs = ('<section class="footnotes"><ol>\n<li id="fn1"><p>Ann Doe and Bo Roe, “Sepsis in Intensive Care '
            'Units,” 2017, 3.<a href="#fnref1">↩︎</a></p></li>\n'
            '<li id="fn2"><p>Ibid., 5.<a href="#fnref2">↩︎</a></p></li>\n</ol></section>\n')
    note = parse_note(f'<p>“{Q_A}”<a href="#fn2"><sup>2</sup></a></p>\n{refs}', "n.html")
    assert note.reference_for(note.quotes[0]).entry.year == 2017
    alone = parse_note(f'<p>“{Q_A}”<a href="#fn2"><sup>2</sup></a></p>\n'
                       '<ol><li id="fn2"><p>Ibid., 5.</p></li></ol>\n')
    assert alone.reference_for(alone.quotes[0]) is None
