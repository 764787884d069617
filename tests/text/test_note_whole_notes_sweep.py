"""What a held-out sweep of whole notes, mixing styles and markup in one file, found misread: a Markdown link or an
HTML paragraph inside a quote taken as quoted words, and the paper's own quote marks inside a quote written as a
construct (an HTML blockquote, a quote environment, an Org quote block) closing it early."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

Q = "this ambition of generality comes at a steep cost to the environment"


@pytest.mark.parametrize("text, quote", [
    (f'"{Q} and the [Hugging Face Hub](https://huggingface.co/datasets)" [@doe2020, p. 4].',
     f"{Q} and the Hugging Face Hub"),
    (f'> {Q} and the [Hub](<https://example.org/a b> "its page")\n>\n> — [@doe2020, p. 4]',
     f"{Q} and the Hub"),
    (f'<blockquote cite="https://arxiv.org/abs/2311.16863"><p>{Q}</p><p>and the next one</p></blockquote>',
     f"{Q} and the next one"),
])
def test_a_link_or_a_paragraph_inside_a_quote_is_not_quoted_words(text: str, quote: str) -> None:
    assert [q.quote for q in parse_note(f"# N\n\n{text}\n").quotes] == [quote]


@pytest.mark.parametrize("text", [
    '<blockquote cite="https://arxiv.org/abs/2311.16863">this ambition of “generality” comes at a steep cost to '
    "the environment</blockquote>",
    "\\begin{quote}\nthis ambition of “generality” comes at a steep cost to the environment\n\\end{quote}\n"
    "\\parencite[p.~1]{doe2020}",
    "#+begin_quote\nthis ambition of “generality” comes at a steep cost to the environment\n#+end_quote\n"
    "[cite:@doe2020 p. 1]",
])
def test_quote_marks_inside_a_quote_construct_do_not_close_it(text: str) -> None:
    got = [" ".join(q.quote.replace("‘", "").replace("’", "").split()) for q in parse_note(f"# N\n\n{text}\n").quotes]
    assert got == [Q]


class _Counted(list):
    """A note's references, counting the times they are gone through."""

    scans = 0

    def __iter__(self):
        _Counted.scans += 1
        return super().__iter__()


def test_each_quotes_reference_is_a_lookup_not_a_scan_of_the_notes_references() -> None:
    n = 60
    body = "".join(f"> Quoted words of this quote number {i}. [{i}]\n\n" for i in range(1, n + 1))
    refs = "".join(f"[{i}] Doe, J. Title number {i}. 2019.\n" for i in range(1, n + 1))
    note = parse_note(f"# N\n\n{body}## References\n\n{refs}")
    note.references = _Counted(note.references)
    _Counted.scans = 0
    got = [note.reference_for(q).number for q in note.quotes]
    assert got == [str(i) for i in range(1, n + 1)]
    assert _Counted.scans <= 2


@pytest.mark.parametrize("prose, who", [
    ('In Section Three, Dodge et al. (2022) write that "{q}" (p. 2).', "Dodge et al. 2022."),
    ('In Section Three, Dodge writes, "{q}" (2022, p. 2).', "Dodge. 2022."),
    ('At Google Research, Patterson and Dean (2021) state that "{q}" (p. 2).', "Patterson and Dean. 2021."),
    # (one word before the comma, or a name's particle, may be a name: kept)
    ('In Doe, Roe, and Poe (2020), they write that "{q}" (p. 2).', "Doe, Roe, and Poe. 2020."),
    ('In Le Cun, Roe, and Poe (2020), they write that "{q}" (p. 2).', "Le Cun, Roe, and Poe. 2020."),
])
def test_capitalised_words_of_an_opening_phrase_before_the_names_are_no_authors(prose: str, who: str) -> None:
    quotes = parse_note("# N\n\n" + prose.format(q=Q) + "\n").quotes
    assert [(q.attribution, q.page) for q in quotes] == [(who, "2")]


@pytest.mark.parametrize("cited", [
    "[Doe et al. 2020, p. 9](https://arxiv.org/abs/2311.16863)",
    "([Doe et al. 2020, p. 9](https://arxiv.org/abs/2311.16863))",
    "([Doe et al. 2020](https://arxiv.org/abs/2311.16863), p. 9)",
    "([Doe et al., 2020](https://doi.org/10.1145/3630106.3658542), pp. 9-10)",
])
@pytest.mark.parametrize("form", ['"{q}" {c}', "> {q} {c}"])
def test_a_page_given_with_a_link_citation_is_the_quotes_page(cited: str, form: str) -> None:
    quotes = parse_note("# N\n\n" + form.format(q=Q, c=cited) + "\n").quotes
    assert [(q.source_link.startswith("https://"), q.page) for q in quotes] == [(True, "9-10" if "pp." in cited
                                                                                  else "9")]


@pytest.mark.parametrize("footer", ["<footer>— <cite>Doe et al. 2020, p. 3</cite></footer>",
                                    "\n<footer><cite>Doe et al. 2020, p. 3</cite></footer>\n",
                                    "<footer>Doe et al. (2020, p. 3)</footer>"])
def test_an_html_blockquotes_footer_is_its_attribution_not_quoted_words(footer: str) -> None:
    quotes = parse_note(f"# N\n\n<blockquote>\n<p>{Q}</p>{footer}</blockquote>\n").quotes
    assert [(q.quote, q.attribution, q.page) for q in quotes] == [(Q, "Doe et al. 2020.", "3")]


LISTED = '\n\n## Works Cited\n\nDodge, Jesse, et al. "Measuring the Carbon Intensity of AI in Cloud Instances." FAccT, 2022.\n'


@pytest.mark.parametrize("cited, got", [
    ("(Dodge et al., p. 3)", [("Dodge et al.", "3")]),
    ("(Dodge et al. pp. 3-4)", [("Dodge et al.", "3-4")]),
    ("(Dodge, p. 3)", [("Dodge.", "3")]),
    ("(Roe et al., p. 3)", []),                 # no work of Roe listed: prose
])
def test_an_author_and_a_page_written_with_p_cite_the_listed_work(cited: str, got: list) -> None:
    assert [(q.attribution, q.page) for q in parse_note(f'# N\n\n"{Q}" {cited}.{LISTED}').quotes] == got


@pytest.mark.parametrize("block, got", [
    (f'> "{Q}" (p. 2)\n>\n> — Dodge et al. 2022', ("Dodge et al. 2022, p. 2", None, "2")),
    (f"> {Q} (pp. 2-3)\n> — [@dodge2022]", (None, "dodge2022", "2-3")),
    (f"> {Q} (p. 2)\n>\n> — Jesse Dodge et al., *Measuring the Carbon Intensity* (2022)",
     ("Jesse Dodge et al., *Measuring the Carbon Intensity* (2022), p. 2", None, "2")),
])
def test_a_page_in_brackets_ending_a_blockquote_is_the_page_of_the_work_after_it(block: str, got: tuple) -> None:
    assert [(q.quote, q.attribution, q.citekey, q.page) for q in parse_note(f"# N\n\n{block}\n").quotes] == \
        [(Q,) + got]


@pytest.mark.parametrize("block, got", [
    # the same page in the quote's brackets and after it: the quote without it, at that page
    (f'> "{Q}" (p. 2)\n>\n> — Dodge et al. 2022, p. 2', [(Q, "2")]),
    (f"> {Q} (pp. 2–3)\n> — [@dodge2022, pp. 2-3]", [(Q, "2-3")]),
    (f"> {Q} (p. 4)\n>\n> [7, p. 4]", [(Q, "4")]),
    # two pages: which the quote is on the note does not say, so it is checked at neither
    (f"> {Q} (p. 2)\n> — Dodge et al. 2022, p. 5", []),
    (f"> {Q} (p. 2)\n> — [@dodge2022, p. 9]", []),
])
def test_a_page_both_in_a_blockquotes_brackets_and_after_it(block: str, got: list) -> None:
    note = parse_note(f"# N\n\n{block}\n")
    assert [(q.quote, q.page) for q in note.quotes] == got
    assert bool(note.problems) == (not got)
