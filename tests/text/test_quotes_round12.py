"""Quotes as writers copy them, round 12: each row a page text written here, with quotes that must
verify and quotes that must be refused."""

from __future__ import annotations

import pytest
from judging import quotes_judged

# A plural's bare verb after a relative clause holding a negation, before an adjective or a noun: the
# sentence's own verb where the paper shows the word as a verb elsewhere ("indicates the", "may
# explain"), whatever the word; a word the paper never shows so, or one before another verb, stays
# in the clause. (pages, rights, wrongs)
BARE_VERB = [
    (["Intervals that do not contain zero indicate significant correlation with the ratings. A positive "
      "coefficient indicates the strategy is useful. Runs that did not converge explain large variance; "
      "this may explain the gap. Models that do not reuse work show poor results; methods can work well and "
      "each shows the gain."],
     ["Intervals that … indicate significant correlation with the ratings.", "indicate significant correlation",
      "Intervals that do not contain zero indicate significant correlation"],
     ["Intervals that contain zero indicate significant correlation", "Intervals that … indicate correlation",
      "zero indicate significant correlation", "work show poor results", "Models that … work show poor results",
      "Intervals that … indicate insignificant correlation"]),
]
# The same sentence in a paper that never shows "indicate" as a verb.
NOT_SHOWN = (["Intervals that do not contain zero indicate significant correlation with the ratings."],
             ["Intervals that do not contain zero indicate significant correlation"],
             ["indicate significant correlation", "Intervals that … indicate significant correlation"])


@pytest.mark.parametrize("pages,rights,wrongs", BARE_VERB, ids=lambda v: "")
def test_a_bare_verb_the_paper_shows_as_one_after_a_negated_relative_clause(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)
    quotes_judged(*NOT_SHOWN)


# A quote keeping some of the paper's citation markers and leaving out others: each kept marker where the
# paper prints it, after the same word (or the one the passage ends before). A marker changed, moved to
# another word, or a word changed is refused. (pages, rights, wrongs)
SOME_MARKERS = [
    (["It was first shown [3] and extended [4, 7] to graphs, tables [12], and scene text detection [5]. Both "
      "cases were resolved via a [l]class settlement; the case went to [j]Judge Dlott."],
     ["first shown [3] and extended to graphs", "first shown and extended [4, 7] to graphs",
      "to graphs, tables [12], and scene text detection [5].", "to graphs, tables, and scene text detection [5].",
      "[B]oth cases were resolved via a [l]class settlement", "[B]oth … a [l]class settlement",
      "[T]he case went to [j]Judge Dlott."],
     ["first shown [4] and extended to graphs", "first shown [3] and extended [4, 8] to graphs", "tables [1 2], and",
      "first shown and [3] extended to graphs", "first shown [3] and not extended to graphs",
      "to graphs, tables, and scene text detection [6].", "to graphs, tables [5], and scene text detection.",
      "[B]oth cases were resolved via a [k]class settlement", "[B]oth cases were resolved via a [l]class action",
      "[T]he case went to [j]Judge Spiegel."]),
]


@pytest.mark.parametrize("pages,rights,wrongs", SOME_MARKERS, ids=lambda v: "")
def test_some_markers_kept_and_the_papers_letter_brackets(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A page whose extractor splits words at its font's kerns ("w ew an t" for "we want"): an insertion stands
# for a short word's letters the kerns split ("[the authors]" for "w e"), never for a phrase ("w e also") nor
# for a negation the kerns split ("w e nev er"), which an ellipsis leaves out no more. (pages, rights, wrongs)
_KERNED = ("In this w a y w e can sa y that the v ector is an eigen v ector of the matrix and it ma y b e computed b y "
           "rep eatedly applying A to an y v ector. In fact/, %s the dominan t eigen v ector of A /. ")
KERNED = [
    ([_KERNED % "w ew an t"],
     ["In fact, [the authors] want the dominant eigenvector of A.", "In fact, [they] want the dominant eigenvector"],
     ["In fact, [the authors] want the smallest eigenvector of A.", "In fact, [they] [don't] want the dominant"]),
    ([_KERNED % "w e also w an t"], ["the dominant eigenvector of A."],
     ["In fact, [they] want the dominant eigenvector of A."]),
    ([_KERNED % "w e nev er w an t"], ["the dominant eigenvector of A."],
     ["In fact, [they] want the dominant eigenvector of A.", "In fact, [the authors] … want the dominant eigenvector"]),
]


def test_an_insertion_for_a_word_split_at_kerns() -> None:
    for pages, rights, wrongs in KERNED:
        quotes_judged(pages, rights, wrongs)


# A footnote's marker after a number and its comma ("OpenIE\n4,8 we"), where it is the page's next footnote
# after the marker before it: left out as a marker is. Where it is no next footnote, or a number's digits
# ("2,8 kWh"), it stays the paper's. (pages, rights, wrongs)
AFTER_A_NUMBER = [
    (["Unlike systems such as NELL7 and OpenIE\n4,8 we use existing knowledge bases. Runs used 2,9 kWh each.\n"
      "7http://rtw.ml.cmu.edu/rtw/\n8https://github.com/allenai/\n9Measured at the wall."],
     ["Unlike systems such as NELL and OpenIE 4, we use existing knowledge bases.",
      "such as NELL7 and OpenIE 4,8 we use existing knowledge bases"],
     ["Unlike systems such as NELL and OpenIE 5, we use existing knowledge bases.",
      "Unlike systems such as NELL and OpenIE 4, we use no knowledge bases.", "Runs used 2, kWh each.",
      "Runs used 2 kWh each."]),
]


def test_a_footnote_marker_after_a_number_and_its_comma() -> None:
    for pages, rights, wrongs in AFTER_A_NUMBER:
        quotes_judged(pages, rights, wrongs)


# A word's hyphen before a number that the page prints at a line's end ("Sepsis-\n3", PDFium's "Sepsis\u00ad3"),
# folded as a line-break hyphenation is: the quote's "Sepsis-3" is the page's, where the page prints that hyphen
# between the same word and number; another number, or a hyphen the page does not print, is refused.
NAME_NUMBER = [
    (["Our criteria match the \u201cSepsis-2\u201d definition. Although a \u201cSepsis-\n3\u201d definition was "
      "released, we use GPT\u00ad4 and Llama3 here."],
     ["Although a \u201cSepsis-3\u201d definition was released", "Although a \"Sepsis3\" definition was released",
      "match the \u201cSepsis-2\u201d definition. Although a \u201cSepsis-3\u201d definition", "we use GPT-4 and Llama3"],
     ["Although a \u201cSepsis-2\u201d definition was released", "Although a \u201cSepsis-4\u201d definition",
      "we use GPT-3 and Llama3", "we use GPT-4 and Llama-3", "Although a \u201cSepsis-3\u201d definition was not released"]),
]


def test_a_hyphen_before_a_number_at_a_lines_end() -> None:
    for pages, rights, wrongs in NAME_NUMBER:
        quotes_judged(pages, rights, wrongs)
