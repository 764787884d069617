"""A quote whose sentence names its work by its title alone, no citation ('The *Counting Carbon* survey notes that
"..."', 'In Power Hungry Processing, the authors write that "..."', 'As "Energy and Policy ..." puts it, "..."'): it
is checked in the one paper here the named words name (its whole title, its part before a colon, or a run of three
or more words of its title that say much, set apart in italics, quote marks or title case), never in a paper whose
title merely shares words with them; where two works could be meant (two papers here, or one here and another the
note's list names), it is listed not checked naming both. It was listed not checked, 'citing nothing kb can read'."""

from __future__ import annotations

import json

import pytest

from kb.ops.papers import load_text
from kb.ops.quotes import verify_note
from kb.ops.session import open_kb
from kb.text.notes import titles_named, titles_named_after
from kb.text.titles import names_title

_COUNT = "Counting Carbon: A Survey of Factors Influencing the Emissions of Machine Learning"
_POWER = "Power Hungry Processing: Watts Driving the Cost of {AI} Deployment?"
_ENERGY = "Energy and Policy Considerations for Deep Learning in {NLP}"
_CARBON = "Carbon Emissions and Large Neural Network Training"
_MEASURE = "Measuring the Carbon Intensity of {AI} in Cloud Instances"


@pytest.mark.parametrize("phrase, title, names", [
    ("Counting Carbon", _COUNT, True),                              # the part before its colon
    ("Power Hungry Processing", _POWER, True),
    ("power hungry processing", _POWER, True),                      # (compared as normalised)
    (_ENERGY.replace("{NLP}", "NLP"), _ENERGY, True),                # the whole title
    ("Energy and Policy Considerations", _ENERGY, True),            # a run of three words saying much
    ("Measuring the Carbon Intensity", _MEASURE, True),
    ("Watts Driving the Cost", _POWER, True),
    ("Carbon Emissions", _CARBON, False),                           # two words of its title, no part before a colon
    ("Carbon Emissions", _COUNT, False),
    ("Deep Learning in NLP", _ENERGY, False),                       # words of many titles of the field
    ("Large Neural Network Training", _CARBON, False),
    ("Carbon Intensity of AI", _MEASURE, False),
    ("Counting", _COUNT, False),                                    # one word of its part before the colon
    ("Counting Carbon Footprints", _COUNT, False),                  # more than the title's words
    ("Energy Policy Considerations", _ENERGY, False),               # not a run of its words
    ("Policy Considerations for", _ENERGY, False),                  # a run ending on a minor word
    ("Processing Watts Driving", _POWER, False),                    # across the colon, as no title is written
    ("", _COUNT, False),
])
def test_which_named_words_name_a_title(phrase: str, title: str, names: bool) -> None:
    assert names_title(phrase, title) is names


@pytest.mark.parametrize("sentence, named", [
    ("The *Counting Carbon* survey notes that ", ["Counting Carbon"]),
    ("In Power Hungry Processing, the authors write that ", ["Power Hungry Processing"]),
    ("As 'Energy and Policy Considerations for Deep Learning in NLP' puts it, ",
     ["Energy and Policy Considerations for Deep Learning in NLP"]),
    ("As “Energy and Policy Considerations” puts it, ", ["Energy and Policy Considerations"]),
    ("The Power Hungry Processing paper reports that ", ["Power Hungry Processing"]),
    ("Power Hungry Processing finds that ", ["Power Hungry Processing"]),
    ("In _Counting Carbon_: ", ["Counting Carbon"]),
    ("The Power Hungry Processing units report that ", []),         # the head of a longer name
    ("Unlike *Counting Carbon*, the new paper finds that ", []),     # set beside the work quoted
    ("Building on *Counting Carbon*, the authors write that ", []),
    ("Citing Power Hungry Processing, Doe et al. write that ", []),  # who says it is named otherwise
    ("Strubell's *Counting Carbon* notes that ", []),               # whose, by a name kb does not hold against it
    ("In *Counting Carbon* (2023), the authors write that ", []),   # a year: a citation read otherwise
    ("We write, against *Counting Carbon*, that ", []),
    ("the authors write that ", []),
    ("*Counting Carbon* is broad, but Dodge and colleagues report that ", []),    # the sentence turns to another
    ("*Counting Carbon* is broad; however, the later study reports that ", []),
    ("The authors of *Counting Carbon* note that ", ["Counting Carbon"]),
    ("In “Power Hungry Processing: Watts Driving the Cost of AI Deployment?”, they write ",
     ["Power Hungry Processing: Watts Driving the Cost of AI Deployment?"]),
])
def test_the_phrases_a_sentence_names_a_work_by(sentence: str, named: list[str]) -> None:
    assert titles_named(sentence) == named


_Q1 = "such long training times result in large amounts of carbon emissions, even with lower carbon intensity sources"
_Q2 = "Tasks involving images are more energy- and carbon-intensive compared to those involving text alone"
_Q3 = "Water drawn by cooling towers was never metered in any of the sites we visited last year"
_Q4 = "recent advances in available compute come at a high price not attainable to all who desire access"
_PAPERS = {
    "luccioni2023": (_COUNT, _Q1), "luccioni2024": (_POWER, _Q2), "strubell2019": (_ENERGY, _Q4),
    "patterson2021": (_CARBON, "Cloud companies strive for energy efficient datacenters since it saves money"),
    "doe2020": ("Green Ledgers: Accounting for Datacenter Water", _Q3),
    "roe2021": ("Green Ledgers: Auditing Model Emissions", _Q3),
}
_AUTHORS = {"luccioni2023": "Luccioni, Alexandra Sasha and Hernandez-Garcia, Alex"}
_LIST = ("\n\n## References\n\n1. A. S. Luccioni and A. Hernandez-Garcia, “Counting Carbon: A Survey of Factors "
         "Influencing the Emissions of Machine Learning,” arXiv, 2023.\n")

_NOTES = [
    # (the note, the work and status expected of its last verdict; None: listed not checked)
    (f"The *Counting Carbon* survey notes that “{_Q1}”.", ("luccioni2023", "ok")),
    (f"The *Counting Carbon* survey notes that “{_Q1.replace('large', 'small')}”.", ("luccioni2023", "not-found")),
    (f"In Power Hungry Processing, the authors write that “{_Q2}”.", ("luccioni2024", "ok")),
    (f"In Power Hungry Processing, the authors write that “{_Q2.replace('more', 'less')}”.",
     ("luccioni2024", "not-found")),
    (f"As 'Energy and Policy Considerations for Deep Learning in NLP' puts it, '{_Q4}'.", ("strubell2019", "ok")),
    (f"In *Energy and Policy Considerations*, the authors warn that “{_Q4}.”", ("strubell2019", "ok")),
    (f"The *Counting Carbon* survey notes that “{_Q1}”.{_LIST}", ("luccioni2023", "ok")),
    # words a title shares with others, no title: never taken
    (f"The *Carbon Emissions* survey of data centres reports that “{_Q1}”.", (None, "unchecked")),
    (f"The *Deep Learning in NLP* paper says “{_Q4}”.", (None, "unchecked")),
    # a title two papers here begin with: neither
    (f"The *Green Ledgers* report notes that “{_Q3}”.", (None, "unchecked")),
    # a title of no paper here
    (f"In *Green Machine Learning at Scale*, the authors write that “{_Q2}”.", (None, "unchecked")),
    # the title inside a longer name, and set beside the work quoted
    (f"The Power Hungry Processing units report that “{_Q2}”.", (None, "unchecked")),
    (f"Unlike *Counting Carbon*, the new paper finds that “{_Q2}”.", (None, "unchecked")),
    (f"In “Power Hungry Processing: Watts Driving the Cost of AI Deployment?”, they write that “{_Q2}”.",
     ("luccioni2024", "ok")),
    (f"*Counting Carbon* is broad, but the later study reports that “{_Q1}”.", (None, "unchecked")),
    # the title in the sentence before: not this sentence's work
    (f"*Counting Carbon* is a survey. The authors note that “{_Q1}”.", (None, "unchecked")),
    # a work of the note's list the title names too, which kb does not hold: which is meant is not said
    (f"The *Counting Carbon* survey notes that “{_Q1}”.{_LIST}2. J. Doe, “Counting Carbon: Factors of Data "
     "Centres,” 2024.\n", (None, "unchecked")),
    (f"In *Power Hungry Processing*, they write that “{_Q2}”.\n\n## References\n\n1. J. Doe, “Power Hungry "
     "Processing: Energy of Phones,” 2020.\n", (None, "unchecked")),
]

# ... and named after the quote, by the rest of its sentence: '"...," as *Power Hungry Processing* shows.'
_NOTES += [
    (f"“{_Q2},” as *Power Hungry Processing* shows.", ("luccioni2024", "ok")),
    (f"“{_Q2.replace('more', 'less')},” as *Power Hungry Processing* shows.", ("luccioni2024", "not-found")),
    (f"“{_Q1},” reports “Counting Carbon.”", ("luccioni2023", "ok")),
    (f"“{_Q1.replace('large', 'small')},” according to *Counting Carbon*.", ("luccioni2023", "not-found")),
    (f"“{_Q4},” as Energy and Policy Considerations puts it.", ("strubell2019", "ok")),
    (f"“{_Q2}” as the Power Hungry Processing paper notes.", ("luccioni2024", "ok")),
    # another work's title after it: checked there, not found
    (f"“{_Q2},” as *Counting Carbon* shows.", ("luccioni2023", "not-found")),
    # the quote ends its sentence: the next sentence's title is not its work
    (f"“{_Q2}.” *Power Hungry Processing* shows more.", (None, "unchecked")),
    # the sentence goes on, sets the title beside, or names words many titles share
    (f"“{_Q2},” as *Power Hungry Processing* shows, and others doubt it.", (None, "unchecked")),
    (f"“{_Q2},” unlike *Counting Carbon*.", (None, "unchecked")),
    (f"“{_Q1},” as *Carbon Emissions* shows.", (None, "unchecked")),
    (f"“{_Q3},” as the *Green Ledgers* report notes.", (None, "unchecked")),
    # a title before and another after: which is meant is not said
    (f"In Power Hungry Processing, “{_Q2},” as *Counting Carbon* shows.", (None, "unchecked")),
]


@pytest.fixture(scope="module")
def titled_kb(tmp_path_factory):
    from kb.store.knowledgebase import init
    root = tmp_path_factory.mktemp("titled") / "kb"
    init(root)
    (root / "references.bib").write_text("".join(
        f"@article{{{k},\n  title = {{{t}}},\n  author = {{{_AUTHORS.get(k, 'Doe, Jane')}}},\n  year = {{{k[-4:]}}}\n}}\n"
        for k, (t, _) in _PAPERS.items()))
    kb = open_kb(root)
    for k, (t, q) in _PAPERS.items():
        pages = root.parent / f"{k}.json"
        pages.write_text(json.dumps([t.replace("{", "").replace("}", ""), f"1 Intro\nAs shown, {q}. Then more."]))
        load_text(kb, k, pages, extractor="test")
    yield kb
    kb.close()


@pytest.mark.parametrize("i", range(len(_NOTES)))
def test_a_quote_of_a_work_named_by_its_title_alone(titled_kb, tmp_path, i: int) -> None:
    text, (key, status) = _NOTES[i]
    path = tmp_path / "n.md"
    path.write_text(f"# Notes\n\n{text}\n")
    verdicts, _ = verify_note(titled_kb, path)
    v = verdicts[-1] if key or not text.startswith("As '") else verdicts[0]
    assert (v.citekey, v.status) == (key, status), v.message
    if key is None:
        assert "citing nothing kb can read" in v.message or "may be any of" in v.message \
            or "not here" in v.message, v.message
    elif status == "ok":
        assert "by its title alone" in v.message


def test_two_papers_a_title_may_name_are_both_said(titled_kb, tmp_path) -> None:
    path = tmp_path / "n.md"
    path.write_text(f"The *Green Ledgers* report notes that “{_Q3}”.\n")
    [v], _ = verify_note(titled_kb, path)
    assert "doe2020" in v.message and "roe2021" in v.message and v.status == "unchecked"


def test_a_quoted_title_before_the_quote_is_said_to_be_a_title(titled_kb, tmp_path) -> None:
    path = tmp_path / "n.md"
    path.write_text(f"As 'Energy and Policy Considerations for Deep Learning in NLP' puts it, '{_Q4}'.\n")
    title, quote = verify_note(titled_kb, path)[0]
    assert (title.status, quote.citekey, quote.status) == ("unchecked", "strubell2019", "ok")
    assert "title of strubell2019" in title.message


@pytest.mark.parametrize("quoted, after, named", [
    ("x,", " as *Power Hungry Processing* shows.\n", ["Power Hungry Processing"]),
    ("x,", " reports “Power Hungry Processing.”", ["Power Hungry Processing"]),
    ("x,", " as Power Hungry Processing notes.", ["Power Hungry Processing"]),
    ("x,", " according to *Counting Carbon*.", ["Counting Carbon"]),
    ("x", ", according to _Counting Carbon_.", ["Counting Carbon"]),
    ("x", " as the Power Hungry Processing paper notes.", ["Power Hungry Processing"]),
    ("x,", " Power Hungry Processing notes.", ["Power Hungry Processing"]),
    ("x.", " *Power Hungry Processing* shows.", []),                  # the quote ends its sentence
    ("x", " *Power Hungry Processing* shows.", []),                   # (a new sentence, its capital opening it)
    ("x,", " as *Counting Carbon* shows, and more.", []),             # the sentence goes on
    ("x,", " as *Counting Carbon* shows that costs rise.", []),
    ("x,", " unlike *Counting Carbon*.", []),                          # set beside
    ("x,", " as Strubell et al. show.", []),                           # names who says it
    ("x,", " as *Counting Carbon* (2023) shows.", []),                 # a citation kb reads otherwise
    ("x,", " as the Power Hungry Processing units show.", []),         # the head of a longer name
    ("x,", "", []),
])
def test_the_phrases_the_rest_of_a_quotes_sentence_names_a_work_by(quoted: str, after: str, named: list[str]) -> None:
    assert titles_named_after(quoted, after) == named
