"""Round 31: a quote across a page or column break with a footnote, a caption or a table printed between: a
word a line-break hyphen breaks before the aside is one word, and a negation of the aside never reaches the
sentence it interrupts (one of the sentence itself still does)."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document

BEFORE = ("We study how citation parsers behave on the papers of many fields and how often they fail.\n"
          "Inline citation detection and bibliography parsing are dependent on GROBID\n"
          "in most pipelines we know of. Ahmad and Afzal (2018) evaluate GROBID for de")
AFTER = ("tecting inline citations using a corpus of 5k CiteSeer papers, and found GROBID to have an F1-\n"
         "score of 0.89 on this task. We perform an evaluation over 200 randomly sampled papers.")
TABLE = ("Domain Dataset Task F1 Recall\n"
         "Biomed BC5CDR NER 90.01 90.41\n"
         "CS SciERC REL 79.97 81.77\n"
         "Table 5: Results on the tasks of Beltagy et al. (2019). Beltagy et al. (2019) do not report\n"
         "standard deviation or number of runs.\n")
FIGURE = ("Accuracy Recall 0.2 0.4 0.6\n"
          "Figure 3: No gain is seen for the small models, which never converge.\n")
FOOTNOTE = "3 We did not tune these values for any of the parsers.\n"


def pages(hyphen: str, aside: str, where: str) -> list[str]:
    """Two pages: the sentence broken by ``hyphen`` at ``BEFORE``'s end, ``aside`` printed before it goes on:
    at the top of page 2 ("top"), at the foot of page 1 ("foot"), or between two columns of page 1 ("column")."""
    if where == "top":
        return [BEFORE + hyphen, aside + AFTER]
    if where == "foot":
        return [BEFORE + hyphen + "\n" + aside.rstrip("\n"), AFTER]
    return [BEFORE + hyphen + "\n" + aside + AFTER, "A second page of the paper has more sentences on it."]


CASES = [("-", TABLE, "top"), ("-", FIGURE, "top"), ("\u00ad", TABLE, "top"), ("\u2010", FIGURE, "top"),
         ("-", FOOTNOTE, "foot"), ("-", FOOTNOTE, "column"), ("-", TABLE, "column")]


@pytest.mark.parametrize("hyphen, aside, where", CASES)
def test_a_word_broken_before_an_aside_is_one_word(hyphen, aside, where) -> None:
    d = Document(pages(hyphen, aside, where))
    for quote in ("Ahmad and Afzal (2018) evaluate GROBID for detecting inline citations using a corpus of 5k "
                  "CiteSeer papers",
                  "evaluate GROBID for de-tecting inline citations",
                  "(2018) evaluate GROBID for detecting inline citations"):
        m = find_quote(d, quote)
        assert m is not None and m.page == 1, quote
    for wrong in ("evaluate GROBID for detesting inline citations",          # a letter changed
                  "evaluate GROBID for tecting inline citations",            # the first half dropped
                  "evaluate GROBID for de inline citations",                 # the second half dropped
                  "evaluate GROBID for deteting inline citations",           # a letter dropped at the break
                  "evaluate GROBID for detecting inline citations using a corpus of 6k CiteSeer papers",
                  "evaluate GROBID for detecting standard inline citations",  # a word of the aside put in
                  "evaluate GROBID for deDomain Dataset tecting inline citations"):
        assert find_quote(d, wrong) is None, wrong


@pytest.mark.parametrize("aside, where", [(TABLE, "top"), (FOOTNOTE, "column")])
def test_a_word_is_joined_only_where_a_hyphen_breaks_it(aside, where) -> None:
    # "for de" ending its line with no hyphen, or the sentence going on with a capital: two words, not one
    d = Document(pages("", aside, where))
    assert find_quote(d, "evaluate GROBID for detecting inline citations") is None
    d = Document([p.replace("tecting inline", "Tecting inline") for p in pages("-", aside, where)])
    assert find_quote(d, "evaluate GROBID for detecting inline citations") is None


@pytest.mark.parametrize("hyphen, aside, where", CASES)
def test_a_negation_of_the_aside_does_not_reach_the_sentence_going_on(hyphen, aside, where) -> None:
    d = Document(pages(hyphen, aside, where))
    for quote in ("using a corpus of 5k CiteSeer papers, and found GROBID to have an F1-score of 0.89 on this task.",
                  "inline citations using a corpus of 5k CiteSeer papers",
                  "tecting inline citations using a corpus"):
        assert find_quote(d, quote) is not None, quote
    for wrong in ("using a corpus of 5k CiteSeer papers, and found GROBID to have an F1-score of 0.98 on this task.",
                  "using a corpus of 5k CiteSeer papers, and did not find GROBID to have an F1-score",
                  "using a corpus of CiteSeer papers"):
        assert find_quote(d, wrong) is None, wrong


@pytest.mark.parametrize("hyphen, aside, where", CASES)
def test_a_negation_of_the_sentence_before_the_aside_still_denies(hyphen, aside, where) -> None:
    d = Document([p.replace("Ahmad and Afzal (2018) evaluate", "Ahmad and Afzal (2018) did not evaluate")
                  for p in pages(hyphen, aside, where)])
    assert find_quote(d, "Ahmad and Afzal (2018) did not evaluate GROBID for detecting inline citations") is not None
    for quote in ("using a corpus of 5k CiteSeer papers", "inline citations using a corpus of 5k CiteSeer papers"):
        assert find_quote(d, quote) is None, quote


@pytest.mark.parametrize("page2, quote, whole", [
    # the caption goes on over lines that end no sentence: body text after it, whose negation stands
    ("Table 2: Results of our runs on the tasks\nWe do not observe any gains on the\nlarger models in this "
     "setting of the experiments.", "larger models in this setting", "We do not observe any gains on the larger"),
    # body text after a footnote that ends its sentence: the body's own negation stands
    ("3 The code is public.\nwe did not run\nlarger models in this setting of the experiments.",
     "larger models in this setting", "we did not run larger models"),
    # a caption right before the body's negated line
    ("Figure 2: Accuracy of each model.\nthe authors did not evaluate\nlarger models in this setting of "
     "the experiments.", "larger models in this setting", "the authors did not evaluate larger models"),
    # a table and its caption, then the body's own "no" on the line before the passage
    ("A B C\n1 2 3\nTable 1: Sizes.\nand we found no\nlarger models in this setting of the experiments.",
     "larger models in this setting", "and we found no larger models"),
])
def test_body_text_after_an_aside_keeps_its_negation(page2, quote, whole) -> None:
    d = Document(["The first page of the paper ends in the middle of a sentence where the", page2])
    assert find_quote(d, quote) is None
    assert find_quote(d, whole) is not None


def column_page(heading: str) -> str:
    """A page whose first column ends an abstract with a footnote's marker, then a numbered section's heading and
    its body, whose sentence the column's footnotes interrupt, going on in the second column."""
    return ("Abstract\nWe show that our method outperforms a variety of competitive\nbaselines on the benchmark.1\n"
            f"{heading}\n"
            "As the pace of scientific publication continues to\nincrease, tools that help users to search the\n"
            "literature have become critical. While such models\nare widely used for representing individual words\n"
            "∗ Equal contribution\n1 https://github.com/example/method\n"
            "or sentences, extensions to whole-document em-\nbeddings are relatively underexplored. Likewise, we go on.")


HEADINGS = ["1 Introduction", "4.2 Related Work", "3 Data and Methods", "2 Background", "5. Results of the Study"]


@pytest.mark.parametrize("heading", HEADINGS)
def test_a_numbered_heading_and_its_paragraph_are_no_footnote_a_quote_skips(heading) -> None:
    d = Document([column_page(heading), "A second page of the paper has more sentences on it."])
    for right in ("We show that our method outperforms a variety of competitive baselines on the benchmark.",
                  "While such models are widely used for representing individual words or sentences, extensions to "
                  "whole-document embeddings are relatively underexplored.",
                  "are widely used for representing individual words or sentences, extensions to whole-document"):
        assert find_quote(d, right) is not None, right
    for wrong in ("baselines on the benchmark.1 or sentences, extensions to whole-document",     # two passages spliced
                  "variety of competitive baselines on the benchmark or sentences, extensions to whole-document",
                  "outperforms a variety of competitive baselines on the benchmark, extensions to whole-document "
                  "embeddings are relatively underexplored."):
        assert find_quote(d, wrong) is None, wrong


def test_a_footnote_with_no_full_stop_before_the_sentence_going_on_is_still_skipped() -> None:
    # "2 Equal contribution" opens no paragraph: the sentence goes on after the footnotes in lower case
    page = ("We train the models on the corpus described above and evaluate them on the\n"
            "held-out split of each task, reporting the mean of five runs for\n2 Equal contribution\n"
            "3 Code at https://github.com/example/method\nevery model and every task in Table 2.")
    d = Document([page, "A second page of the paper has more sentences on it."])
    assert find_quote(d, "reporting the mean of five runs for every model and every task in Table 2.") is not None
    assert find_quote(d, "reporting the mean of five runs for Equal every model and every task in Table 2.") is None
