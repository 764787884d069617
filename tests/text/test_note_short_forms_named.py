"""Chicago's short titles of a few words from inside the title, a list of notes opening with a short form, and a
narrative citation whose names are before its quote and whose year is after it."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note
from kb.text.refs import PaperIndex, PaperInfo, parse_reference
from kb.text.titles import normalise_title, shortens

Q = "every word of this sentence is quoted from the paper"
PAPERS = [
    PaperInfo("dodge2022", title="Measuring the Carbon Intensity of AI in Cloud Instances", year=2022,
              first_author="Dodge"),
    PaperInfo("luccioni2023counting", title="Counting Carbon: A Survey of Factors Influencing the Emissions of "
              "Machine Learning", year=2023, first_author="Luccioni"),
    PaperInfo("luccioni2023power", title="Power Hungry Processing: Watts Driving the Cost of AI Deployment?",
              year=2023, first_author="Luccioni"),
    PaperInfo("roe2020a", title="Carbon Intensity of Training Runs", year=2020, first_author="Roe"),
    PaperInfo("roe2021b", title="Measuring Carbon Intensity in Practice", year=2021, first_author="Roe"),
]


SHORT_FORMS = [
    ('Dodge, *Carbon Intensity*, 3.', "dodge2022"),
    ('Dodge et al., "Carbon Intensity of AI," 3.', "dodge2022"),
    ('Luccioni and Hernandez-Garcia, "Factors Influencing the Emissions," 3.', "luccioni2023counting"),
    ('Luccioni, Jernite, and Strubell, *Watts Driving the Cost*, 3.', "luccioni2023power"),
    ('Luccioni et al., *Carbon Emissions*, 3.', None),          # words from here and there: no short title
    ('Roe, *Carbon Intensity*, 3.', None),                      # two works of Roe hold the words: neither
    ('Doe, *Carbon Intensity*, 3.', None),                      # another author's
    # a whole entry of no year, no short form: a work of its own
    ('Dodge, Jesse. *Carbon Intensity of AI*. Technical report of the Allen Institute for Artificial Intelligence, '
     'prepared for the workshop on sustainable computing and its many carbon questions, volume two.', None),
]


def test_a_short_title_of_words_inside_the_title_names_that_authors_one_work() -> None:
    index = PaperIndex(PAPERS)
    got = []
    for short, _ in SHORT_FORMS:
        marked = parse_reference(short)
        ex = index.explain(marked.entry, titles=marked.titles, loose=True)
        got.append(ex.resolution.citekey if ex.resolution else None)
    assert got == [cited for _, cited in SHORT_FORMS]


@pytest.mark.parametrize("short, title, yes", [
    ("energy and policy", "energy and policy considerations for deep learning in nlp", True),
    ("ideological origins", "the ideological origins of the american revolution", True),
    ("carbon emissions", "counting carbon a survey of factors influencing the emissions of ml", False),
    ("carbon", "measuring the carbon intensity of ai", False),
])
def test_shortens(short, title, yes) -> None:
    assert shortens(normalise_title(short), title) is yes


def test_a_short_form_names_the_full_note_whose_title_holds_its_words() -> None:
    note = parse_note(f'"{Q}"[^1] and "{Q} again"[^2]\n\n[^1]: Jesse Dodge et al., "Measuring the Carbon Intensity '
                      'of AI in Cloud Instances," in *FAccT* (2022), 4.\n[^2]: Dodge et al., *Carbon Intensity*, 9.\n')
    assert [(note.reference_for(q).entry.year, q.page) for q in note.quotes] == [(2022, "4"), (2022, "9")]


@pytest.mark.parametrize("heading", ["## Notes", "Notes", "**Endnotes**", "### NOTES"])
def test_a_list_of_notes_opening_with_a_short_form_is_read(heading) -> None:
    note = parse_note(f'# Ch. 2\n\n"{Q}"<sup>1</sup> and "{Q} too"<sup>2</sup>\n\n{heading}\n\n'
                      "1. Roe, *Energy Use*, 3.\n2. Ibid., 5.\n")
    assert [(note.reference_for(q).text, q.page) for q in note.quotes] == [("Roe, Energy Use, 3.", "3"),
                                                                            ("Ibid., 5.", "5")]


NARRATIVE = [
    (f'Doe writes, "{Q}" (2022, p. 3).', [("Doe. 2022.", "3")]),
    (f'As Doe and Roe note, "{Q}" (2021, 4).', [("Doe and Roe. 2021.", "4")]),
    (f'Doe et al. argue that "{Q}" (2020: 7).', [("Doe et al. 2020.", "7")]),
    (f'According to Doe, “{Q}” (2019).', [("Doe. 2019.", None)]),
    (f'They write, "{Q}" (2022, p. 3).', []),                      # no name
    (f'The model writes, "{Q}" (2022).', []),
    (f'Doe writes. Then "{Q}" (2022, p. 3).', []),                  # the names are another sentence's
    (f'Doe writes, "{Q}" (2022 data).', []),                        # no citation after it
]


def test_a_narrative_citation_names_before_the_quote_and_year_after_it() -> None:
    got = [[(q.attribution, q.page) for q in parse_note(f"# N\n\n{text}\n").quotes] for text, _ in NARRATIVE]
    assert got == [want for _, want in NARRATIVE]


def test_a_one_word_short_title_that_is_the_main_title_names_that_authors_work() -> None:
    index = PaperIndex([*PAPERS, PaperInfo("cohan2020", title="SPECTER: Document-level Representation Learning using "
                                           "Citation-informed Transformers", year=2020, first_author="Cohan")])
    shorts = ('Cohan et al., *SPECTER*, 2.', 'Cohan et al., "SPECTER," 2.', 'Doe, *SPECTER*, 2.',
              'Dodge et al., *Measuring*, 3.', 'Luccioni, *Counting*, 3.')
    note = parse_note(" ".join(f'"{Q}"[^{n}]' for n in range(len(shorts))) + "\n\n"
                      + "".join(f"[^{n}]: {short}\n" for n, short in enumerate(shorts)))
    got = [index.explain(r.entry, titles=r.titles, loose=True).resolution for q in note.quotes
           for r in [note.reference_for(q)]]
    # ('Measuring' opens Roe's title too: none; 'Counting' opens Luccioni's one title here alone: hers)
    assert [r.citekey if r else None for r in got] == ["cohan2020", "cohan2020", None, None, "luccioni2023counting"]
