"""Citation styles a held-out sweep of notes found unread: MLA's names in the prose and page after the quote, its
indirect source, a short form set off by commas alone, a literature note of one work, Nature's "ref. 3"."""

from __future__ import annotations

from kb.text.notes import parse_note
from kb.text.refs import PaperIndex, PaperInfo

Q = "every word of this sentence is quoted from the paper"
WORKS_CITED = ('\n\n## Works Cited\n\nDodge, Jesse, et al. "Measuring the Carbon Intensity of AI in Cloud Instances." '
               "*FAccT '22*, ACM, 2022, pp. 1877–94.\n")


def test_mla_names_in_the_prose_or_an_indirect_source_cite_the_listed_work_at_the_page_after_the_quote() -> None:
    got = [[(q.attribution, q.page) for q in parse_note(f"# N\n\n{text}{WORKS_CITED}").quotes] for text in (
        f'Dodge et al. state that "{Q}" (3).',
        f'Dodge et al. explain, "{Q}" (pp. 3-4).',
        f'Others are "{Q}" (qtd. in Dodge et al. 3).',
        f'Roe et al. state that "{Q}" (3).',              # no work of Roe listed: prose
        f'The table states that "{Q}" (3).',
    )]
    assert got == [[("Dodge et al.", "3")], [("Dodge et al.", "3-4")], [("Dodge et al.", "3")], [], []]


def test_a_short_form_whose_title_only_commas_set_off_names_the_work_of_those_words() -> None:
    index = PaperIndex([PaperInfo("dodge2022", title="Measuring the Carbon Intensity of AI in Cloud Instances",
                                  year=2022, first_author="Dodge")])
    note = parse_note(f'"{Q}"[^1] "{Q} too"[^2]\n\n[^1]: Dodge et al., Carbon Intensity, 3.\n'
                      "[^2]: Dodge et al., Cloud Computing, 4.\n")
    got = [(index.explain(r.entry, titles=r.titles, loose=True).resolution, q.page)
           for q in note.quotes for r in [note.reference_for(q)]]
    assert [(r.citekey if r else None, page) for r, page in got] == [("dodge2022", "3"), (None, "4")]


def test_a_literature_notes_uncited_blockquotes_are_of_the_work_its_front_matter_names() -> None:
    note = parse_note(f'---\ncitekey: "@doe2020"\n---\n\n> [!quote] Page 3\n> {Q}\n\n'
                      f"> [!quote] Highlight [Page 4](zotero://open-pdf/library/items/AB?page=4)\n> {Q}\n\n"
                      f"> {Q} (p. 5)\n\n> {Q}\n\n> {Q} [@roe2021, p. 9]\n\nMine, \"{Q} and more words\".\n")
    assert [(q.citekey, q.page) for q in note.quotes] == [("doe2020", "3"), ("doe2020", "4"), ("doe2020", "5"),
                                                          ("doe2020", None), ("roe2021", "9")]
    assert [line for line, _ in note.unchecked] == [17]          # running text: not said to be the work's


def test_natures_ref_and_its_number_in_brackets_cite_that_numbered_work() -> None:
    note = parse_note(f'"{Q}" (ref. 2, p. 3). "{Q} too" (refs 1, 2).\n\n## References\n\n'
                      "1. Doe, J. et al. Energy of models. *Nature* 1, 2–3 (2019).\n"
                      "2. Roe, J. Carbon of models. *Nature* 4, 5–6 (2020).\n")
    assert [(note.reference_for(q).number, q.page, [a.source_text for a in q.also]) for q in note.quotes] == [
        ("2", "3", []), ("1", None, ["[2]"])]


def test_a_list_of_notes_opening_with_a_short_form_whose_title_only_commas_set_off_is_read() -> None:
    note = parse_note(f'"{Q}"<sup>1</sup> "{Q} too"<sup>2</sup>\n\n**Notes**\n\n1. Dodge et al., Carbon Intensity, 3.\n'
                      "2. Roe and Poe, Energy Use in Training, 5–6.\n")
    assert [(note.reference_for(q).titles, q.page) for q in note.quotes] == [(["Carbon Intensity"], "3"),
                                                                             (["Energy Use in Training"], "5–6")]


def test_mla_with_a_comma_and_a_page_written_p3_are_citations_at_that_page() -> None:
    got = [[(q.attribution, q.page) for q in parse_note(f"# N\n\n{text}{WORKS_CITED}").quotes] for text in (
        f'"{Q}" (Dodge et al., 3).', f'"{Q}" (Dodge et al., 2022, p3).', f'"{Q}" (Dodge et al., 2022, pp3-4).')]
    assert got == [[("Dodge et al.", "3")], [("Dodge et al. 2022.", "3")], [("Dodge et al. 2022.", "3-4")]]


def test_kindles_clippings_are_quotes_of_the_book_each_names_at_its_page() -> None:
    note = parse_note(f"\ufeffEnergy Use in Training (Roe, Jim)\n- Your Highlight on page 3 | Location 45-46 | Added on "
                      f"Monday, 1 May 2023 10:00:00\n\n{Q}\n==========\nEnergy Use in Training (Roe, Jim)\n- Your Note on "
                      f"page 3 | Location 46 | Added on Monday, 1 May 2023 10:01:00\n\n{Q} mine\n==========\n"
                      f"Carbon Things (Doe, Jane)\n- Your Highlight at location 12-13 | Added on Monday\n\n{Q} too\n"
                      "==========\n", "My Clippings.txt")
    assert [(q.line, q.quote, q.attribution, q.page) for q in note.quotes] == [
        (4, Q, "Energy Use in Training, Jim Roe", "3"), (14, f"{Q} too", "Carbon Things, Jane Doe", None)]


def test_a_zotero_link_ending_a_blockquote_gives_its_page_or_its_citation() -> None:
    note = parse_note(f"---\ncitekey: doe2020\n---\n\n> [!quote|#ffd400] Highlight\n> {Q}\n"
                      "> [Page 3](zotero://open-pdf/library/items/AB?page=3&annotation=CD)\n\n"
                      f"> {Q} [(Roe et al., 2021, p. 5)](zotero://open-pdf/library/items/AB?page=5)\n")
    assert [(q.citekey, q.attribution, q.page, q.quote) for q in note.quotes] == [
        ("doe2020", None, "3", Q), (None, "Roe et al. 2021.", "5", Q)]


def test_a_literature_notes_key_as_the_citation_plugins_name_it() -> None:
    got = [[q.citekey for q in parse_note(f"---\n{field}: doe2020\n---\n\n> {Q}\n").quotes]
           for field in ("citationKey", "citation-key", "citation_key", "citekey")]
    assert got == [["doe2020"]] * 4
