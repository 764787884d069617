"""Quotes as writers copy them, round 8: a quote that starts inside the scope of its clause's
negation, further back than the word before it, is refused ("published SOTA results exist" of
"No prior published SOTA results exist"), and a quote starting a clause of its own after one
verifies; each row a page text written here, in the layout an extractor prints. A quote typed
with a character nobody sees is stored as it shows, or refused where it shows other words."""

from __future__ import annotations

import pytest

from kb.errors import UsageError
from kb.quantities.quoted import claim_doubt
from kb.text.match import closest_passage, find_quote
from kb.text.normalise import Document
from kb.text.typed import as_shown, unshowable

# (pages as extracted, quotes leaving their clause's negation out: refused)
NEGATED = [
    (["Results hold. No prior published SOTA results exist for the Paper Field dataset."],
     ["published SOTA results exist for the Paper Field dataset", "SOTA results exist"]),
    (["We found no evidence that pretraining improves recall on rare classes."],
     ["pretraining improves recall on rare classes", "that pretraining improves recall"]),
    (["In practice the model never really converges on the long inputs."], ["converges on the long inputs"]),
    (["The larger model fails to generalise to unseen domains."], ["generalise to unseen domains"]),
    (["It is not the case that dropout helps the small models."], ["dropout helps the small models"]),
    (["Neither the baseline nor the tuned model reaches 90% accuracy."],
     ["reaches 90% accuracy", "the tuned model reaches 90% accuracy"]),
    (["Training without dropout leads to overfitting on the small set."], ["dropout leads to overfitting"]),
    (["We hardly ever observe gains from the larger vocabulary."], ["observe gains from the larger vocabulary"]),
    (["I do not think this view can be dismissed so lightly."], ["this view can be dismissed so lightly"]),
    (["Not all models converge within ten epochs."], ["models converge within ten epochs"]),
    (["There is, however, no single model that beats the baseline on every task."],
     ["model that beats the baseline on every task", "beats the baseline on every task"]),
    (["This is not because the model is weak."], ["because the model is weak", "the model is weak"]),
    (["It did not yield a significant gain in recall."], ["a significant gain in recall"]),
    (["No method (Smith et al., 2019) scales to graphs of this size."], ["scales to graphs of this size"]),
    (["In practice, however, NAS is generally not performed once per model training, but once per domain."],
     ["once per model training", "NAS is generally performed once per model training"]),
    # across a page break
    (["Intro text here. We note that no prior published", "SOTA results exist for it."],
     ["SOTA results exist for it."]),
]

# (page as extracted, quotes starting a clause of their own, or what a negated verb is about: verified)
HONEST = [
    ("We did not tune the learning rate, but the model converges in five epochs.",
     ["the model converges in five epochs", "but the model converges in five epochs"]),
    ("Although dropout was not used, the model reaches 91.2% accuracy.", ["the model reaches 91.2% accuracy"]),
    ("No augmentation was applied; the model reaches 88% on the test set.", ["the model reaches 88% on the test set"]),
    ("It cannot be trained by the Never-Ending Language Learner.", ["the Never-Ending Language Learner"]),
    ("This is not only faster but also more accurate than the baseline.",
     ["faster but also more accurate than the baseline"]),
    ("We did not use dropout and the model still converges.", ["the model still converges"]),
    ("Not surprisingly, the larger model wins on every task.", ["the larger model wins on every task"]),
    ("The question will not be quite definite until we have specified what we mean by the word.",
     ["we have specified what we mean by the word"]),
    ("Not All Tokens Are Equal\nThe model weighs each token by its loss.", ["The model weighs each token by its loss."]),
    ("RefSeer 1.0M snippets no CiteSeerX multi\nTable 1: A comparison of corpora.", ["Table 1: A comparison of corpora."]),
    ("SGC (with no learning) outperformed GraphSAGE on Reddit.", ["outperformed GraphSAGE on Reddit"]),
    ("We did not keep the cache since it was slow to fill.", ["it was slow to fill"]),
    ("It emits a lot, no matter the region (and recall the large LM is only trained for 13% of a run).",
     ["the large LM is only trained for 13% of a run"]),
    ("There is no doubt that the model converges.", ["the model converges"]),
    ("A no-reference metric scores the images.", ["reference metric scores the images"]),
    ("The items are listed in No. 12 of the journal.", ["12 of the journal"]),
]


@pytest.mark.parametrize("pages,wrongs", NEGATED, ids=lambda v: v[0][:30] if isinstance(v, list) else "")
def test_a_quote_in_the_scope_of_its_clauses_negation_is_refused(pages, wrongs) -> None:
    doc = Document(pages)
    for wrong in wrongs:
        assert find_quote(doc, wrong) is None, wrong


@pytest.mark.parametrize("page,rights", HONEST, ids=lambda v: v[:30] if isinstance(v, str) else "")
def test_a_quote_starting_a_clause_of_its_own_after_a_negation_verifies(page, rights) -> None:
    doc = Document([page])
    for right in rights:
        assert find_quote(doc, right) is not None, right


def test_the_closest_passage_names_the_negation_and_the_words_up_to_the_quote() -> None:
    doc = Document(["Results hold. No prior published SOTA results exist for the Paper Field dataset."])
    near = closest_passage(doc, "published SOTA results exist for the Paper Field dataset")
    assert near is not None and near.differences == [("", "No prior")]
    assert near.passage.startswith("No prior published") and "negation" in near.describe()
    across = Document(["Intro text here. We note that no prior published", "SOTA results exist."])
    near = closest_passage(across, "SOTA results exist.")
    assert near is not None and near.differences == [("", "no prior published")] and near.page == 1


@pytest.mark.parametrize("typed,stored", [
    ("SOTA\u200b on SciCite", "SOTA on SciCite"),                    # a zero-width space
    ("Sci\u00adCite\ufeff and\u2060 more", "SciCite and more"),        # a soft hyphen, a BOM, a word joiner
    ("the \u200emodel\u200f", "the model"),                           # left-to-right and right-to-left marks
    ("a\u200db", "ab"),                                               # a joiner between Latin letters
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),
    ("plain text, line\nbreak\tand tab", "plain text, line\nbreak\tand tab"),
])
def test_a_quote_is_stored_without_what_shows_nothing(typed, stored) -> None:
    assert as_shown(typed, "the quote") == stored and unshowable(typed) is None


@pytest.mark.parametrize("typed,named", [
    ("SOTA\u202e on SciCite", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\u2066+0.93 F1", "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("a \u202bb", "U+202B RIGHT-TO-LEFT EMBEDDING"),
    ("red \x1b[31mtext", "U+001B CONTROL CHARACTER"),
])
def test_a_quote_holding_what_reorders_or_controls_the_text_is_refused(typed, named) -> None:
    with pytest.raises(UsageError, match=named.replace("+", r"\+")):
        as_shown(typed, "the quote")
    assert claim_doubt("verified", "0.93", typed + " 0.93").startswith("its quote holds " + named)


# An editorial insertion ("[the authors]", "[sic]", "[t]he") in a quote that runs across a footnote
# the extractor printed inside its sentence, at a column or page break: (pages, right, wrong quotes)
FOOTED = [
    (["In cases where publisher-provided metadata\nis incomplete, we use majority voting to select\n"
      "12The data format is described at https://example.org/format\ncanonical metadata values for each paper."],
     ["In cases where publisher-provided metadata is incomplete, [the authors] use majority voting to select "
      "canonical metadata values",
      "is incomplete, we use majority voting [sic] to select canonical metadata values for each paper.",
      "[I]n cases where publisher-provided metadata is incomplete, we use majority voting to select canonical "
      "metadata values"],
     ["In cases where publisher-provided metadata is incomplete, [the authors] use majority voting to select "
      "canonical metadata keys",
      "In cases where publisher-provided metadata is incomplete, [the authors] use [only] majority voting to "
      "select canonical metadata values",
      "In cases where publisher-provided metadata is incomplete, [the authors] never use majority voting to "
      "select canonical metadata values",
      "[the authors] use majority voting to select the data format"]),
    (["When fewer than three sources agree, the votes\nare not counted and the field is left\n"
      "4See the appendix for the rules.", "empty for the paper."],
     ["[t]he votes are not counted and the field is left empty for the paper.",
      "When fewer than three sources agree, [the votes] are not counted and the field is left empty for the paper"],
     ["[t]he votes are counted and the field is left empty for the paper.",
      "When fewer than three sources agree, [the votes] are counted and the field is left empty for the paper",
      "When fewer than four sources agree, [the votes] are not counted and the field is left empty for the paper"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", FOOTED, ids=lambda v: v[0][:30] if isinstance(v, list) else "")
def test_an_editorial_insertion_in_a_quote_across_a_footnote(pages, rights, wrongs) -> None:
    doc = Document(pages)
    for right in rights:
        m = find_quote(doc, right)
        assert m is not None and "a footnote or caption printed inside the quoted text was skipped" in m.notes, right
    for wrong in wrongs:
        assert find_quote(doc, wrong) is None, wrong


# What an extractor prints that a reader of the PDF never sees: (pages, right quotes, wrong quotes)
PRINTED = [
    # PDFium's page number glued to a word its last line breaks with a soft hyphen
    (["Errors of functioning are due to a fault which causes the machine to be\u00ad1", "have otherwise than "
      "it was designed to do. In philosophical discussions one likes\nto ignore them.\n2",
      "A third page.\n3"],
     ["Errors of functioning are due to a fault which causes the machine to behave otherwise than it was "
      "designed to do."],
     ["Errors of functioning are due to a fault which causes the machine to be3 have otherwise than it was",
      "causes the machine to behave otherwise than it was built to do."]),
    # TeX's acute accent set beside its letter ("Montr´eal", "Jos´e", PDFium's "L ´ opez")
    (["In Proceedings of NAACL, pages 597-601, Montr´eal, Canada. Jos´e P´erez and Alba L ´ opez."],
     ["pages 597-601, Montreal, Canada", "pages 597-601, Montréal, Canada", "José Pérez and Alba López",
      "Jose Perez and Alba Lopez."],
     ["pages 597-602, Montreal, Canada", "Jose Perez and Alba Lopes."]),
]


@pytest.mark.parametrize("pages,rights,wrongs", PRINTED, ids=lambda v: v[0][:30] if isinstance(v, list) else "")
def test_what_an_extractor_prints_that_a_reader_never_sees(pages, rights, wrongs) -> None:
    doc = Document(pages)
    for right in rights:
        assert find_quote(doc, right) is not None, right
    for wrong in wrongs:
        assert find_quote(doc, wrong) is None, wrong


def test_a_number_glued_after_a_soft_hyphen_stays_where_it_is_no_page_number() -> None:
    doc = Document(["the machine to be\u00ad7", "have otherwise than it was designed.", "A page.\n3"])
    assert find_quote(doc, "the machine to behave otherwise") is None


@pytest.mark.parametrize("page,right,wrongs", [
    # the extractor glued the word an insertion replaces to the next ("wewant")
    ("So R is an eigenvector of A. In\nfact, wewant the dominant eigenvector of A. It may be computed.",
     "In fact, [the authors] want the dominant eigenvector of A.",
     ["In fact, [the authors] ant the dominant eigenvector of A.", "In fact, [the authors] do not want the dominant",
      "In fact, [the authors] want the dominant eigenvector of B."]),
    ("We describe the system. The model itscales to long inputs, they report.", "The model [the system] scales to long inputs",
     ["We found [the model] scales to long inputs"]),
    ("We found it notable that results hold.", "We found [the result] notable that results hold",
     ["We found it [the result] able that results hold"]),
])
def test_an_insertion_standing_for_a_word_the_extractor_glued_to_the_next(page, right, wrongs) -> None:
    doc = Document([page])
    assert find_quote(doc, right) is not None, right
    for wrong in wrongs:
        assert find_quote(doc, wrong) is None, wrong
