"""Quotes as writers copy them, round 11: each row a page text written here, with quotes that must
verify and quotes that must be refused."""

from __future__ import annotations

import pytest
from judging import quotes_judged


def _ids(value) -> str:
    return value[:30] if isinstance(value, str) else ""


# "without" (or "with no") negates the noun phrase it takes: a relative clause after a definite one, or a
# person's "who" after a bare one, is out of its scope; after an indefinite one, or a "that" after a bare
# noun (a clause of the noun's own: "evidence that"), it is in it. Leaving out the "without" phrase with an
# ellipsis drops a negation. (page, rights, wrongs)
WITHOUT = [
    ("They read longer compared to participants without this feature who scrolled through the paper linearly.",
     ["who scrolled through the paper linearly", "… who scrolled through the paper linearly",
      "participants without this feature … who scrolled through the paper linearly"],
     ["participants … who scrolled through the paper linearly",
      "participants with this feature who scrolled through the paper linearly"]),
    ("Models without the index that we built earlier are slow; readers with no prior training who skim it "
     "answer faster. We trained it without a model that converged and found it without any evidence that it "
     "helps; it ran without data which is labelled and without any user who complained.",
     ["that we built earlier are slow", "who skim it answer faster"],
     ["readers … who skim it answer faster", "that converged", "that it helps", "which is labelled",
      "who complained"]),
]


@pytest.mark.parametrize("page,rights,wrongs", WITHOUT, ids=_ids)
def test_a_relative_clause_after_a_without_phrase(page, rights, wrongs) -> None:
    quotes_judged([page], rights, wrongs)


# An ellipsis leaving out a relative clause that holds a negation, before the sentence's own verb: the
# verb in "-ed" with no object or before an adverb of how well, a plural's bare verb, a verb after the
# clause's "(see ...)" aside. Refused: words kept inside the clause before the ellipsis, a noun of the
# clause joined to the verb, the verb of another clause, a negation before the relative pronoun.
# (page, rights, wrongs)
ELIDED_CLAUSE = [
    ("In the study, the users who did not use the index improved. Users who did not like models trained on "
     "news left early.",
     ["the users who … improved.", "the users … improved", "improved."],
     ["the users who did … improved", "Users who … models trained on news left early", "trained on news left early",
      "models … left early"]),
    ("Models that do not use labelled data perform worse. Runs that did not converge; the others were discarded. "
     "Readers who did not read the paper well left; those who did not rate the tool higher stayed.",
     ["Models that … perform worse", "Models … perform worse", "perform worse", "the others were discarded"],
     ["labelled data perform worse", "data perform worse", "Models … data perform worse",
      "Runs that … were discarded", "paper well left", "tool higher stayed"]),
    ("Participants who did not use the index (see Figure 3(b)) scored higher. No runs which did not converge "
     "were discarded.",
     ["Participants who … scored higher", "Participants who [...] scored higher"],
     ["the index scored higher", "runs which … were discarded", "were discarded"]),
    ("The runs, which did not converge, were discarded from the analysis. Models that do not use dropout and "
     "are trained longer overfit.",
     ["The runs … were discarded from the analysis"],
     ["The runs, which … converge, were discarded", "Models that … are trained longer"]),
    ("Papers that had no authors listed in the header were removed.", ["Papers that … were removed"],
     ["Papers … listed in the header were removed", "listed in the header were removed"]),
]


@pytest.mark.parametrize("page,rights,wrongs", ELIDED_CLAUSE, ids=_ids)
def test_an_ellipsis_leaving_out_a_negated_relative_clause(page, rights, wrongs) -> None:
    quotes_judged([page], rights, wrongs)


# A list item a bullet starts is a sentence of its own: the negation ending the line before it ("... or
# not.") holds nothing of it. (pages, rights, wrongs)
BULLETS = [
    (["helping users see whether a paper belongs to what they have already explored\nor not.\n• [D3] Help users "
      "make sense of inline citations by keeping track of papers.\n◦ Users do not\nread every citation. Users could "
      "not\n• skim the paper\n• take notes"],
     ["Help users make sense of inline citations", "[D3] Help users make sense of inline citations by keeping track"],
     ["Help users make sense of inline citations by losing track", "read every citation", "skim the paper",
      "take notes"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", BULLETS, ids=lambda v: "")
def test_a_bullet_starts_a_sentence_of_its_own(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A quote ending with an auxiliary or a modal the page negates right after it stops before the negation of its
# own last verb, with or without an ellipsis: refused. The same words with the negation, or ending elsewhere,
# verify. (pages, rights, wrongs)
ENDS_BEFORE_NOT = [
    (["It learns representations that are more similar for papers that share a citation link than for those "
      "that do not. Models that can\nnever converge are dropped; runs that were kept are listed."],
     ["than for those that do not", "than for those that do not.", "papers that share a citation link",
      "runs that were kept are listed"],
     ["than for those that do", "than for those that do …", "than for those that do...", "Models that can",
      "Models that can …"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", ENDS_BEFORE_NOT, ids=lambda v: "")
def test_a_quote_ending_before_the_negation_of_its_last_verb(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A letter whose case the writer changed ("[B]ut") and brackets the paper prints ("[CLS]", "[SEP]") in one
# quote: the one editorial, the others the paper's own, word for word. (pages, rights, wrongs)
CASE_AND_PAPERS_BRACKETS = [
    (["We also tried averaging, but this resulted in a slight decrease compared with the [CLS] pooled token."],
     ["[B]ut this resulted in a slight decrease compared with the [CLS] pooled token.",
      "[T]his resulted in a slight decrease compared with the [CLS] pooled token"],
     ["[B]ut this resulted in a slight increase compared with the [CLS] pooled token.",
      "[B]ut this resulted in a slight decrease compared with the [SEP] pooled token.",
      "[B]ut this resulted in a slight decrease compared with the CLS pooled token."]),
]


@pytest.mark.parametrize("pages,rights,wrongs", CASE_AND_PAPERS_BRACKETS, ids=lambda v: "")
def test_a_case_changed_letter_beside_the_papers_own_brackets(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# An author-year citation in brackets left out of a quote, as a marker is: "(Klavans and Boyack, 2006)",
# "(Saier and Färber, 2019a; Lo et al., 2020)", "(e.g., Cohan et al., 2020)". A year in brackets that is no citation ("(in 2019)") stays; a changed year or word is refused.
# (pages, rights, wrongs)
AUTHOR_YEAR = [
    (["Other metrics have good support from the bibliometrics literature (Klavans and Boyack, 2006) that warrant "
      "exploring. A newer version (Saier and Färber, 2019a; Lo et al., 2020) now includes full text, as in "
      "other work (e.g., Cohan et al., 2020) on citations (Lo et al., 2020). The model was released (in 2019) "
      "for all. We use the Lanczos method (Cheng-Xian Li and Marlin (2016)) to speed it up."],
     ["have good support from the bibliometrics literature that warrant exploring",
      "A newer version now includes full text, as in other work on citations.",
      "A newer version (Saier and Färber, 2019a; Lo et al., 2020) now includes full text",
      "as in other work (e.g., Cohan et al., 2020) on citations (Lo et al., 2020).",
      "We use the Lanczos method to speed it up."],
     ["have good support from the bibliometrics literature that do not warrant exploring",
      "A newer version (Saier and Färber, 2019a; Lo et al., 2021) now includes full text",
      "The model was released for all.",
      "A newer version now includes 2020 full text", "We use the Lanczos method (Li and Marlin (2017)) to speed it up."]),
]


@pytest.mark.parametrize("pages,rights,wrongs", AUTHOR_YEAR, ids=lambda v: "")
def test_an_author_year_citation_left_out_as_a_marker(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A negation in a clause the subject's noun opens ("The view that machines cannot ...", "The fact that SPECTER
# does not ..."): the sentence's own verb after the clause, and what follows it, are out of its scope, quoted
# alone or with the clause left out by an ellipsis. The clause's words joined to that verb, its subject before
# it, a relative clause's verb ("The model that we trained does not | have") stay refused. (page, rights, wrongs)
SUBJECT_CLAUSE = [
    ("The view that machines cannot give rise to surprises is due, I believe, to a fallacy. The model that we "
     "trained does not on average have a good accuracy.",
     ["to a fallacy", "is due, I believe, to a fallacy", "The view that … is due, I believe, to a fallacy"],
     ["give rise to surprises is due", "The view that machines … give rise to surprises is due",
      "have a good accuracy", "a good accuracy"]),
    ("The fact that SPECTER does not require inputs like authors or venues makes it applicable here. The fact that "
     "models do not use dropout and are trained longer shows little.",
     ["makes it applicable here", "The fact that … makes it applicable here", "The fact … makes it applicable"],
     ["The fact that SPECTER … makes it applicable", "venues makes it applicable", "are trained longer shows little"]),
]


@pytest.mark.parametrize("page,rights,wrongs", SUBJECT_CLAUSE, ids=_ids)
def test_the_sentences_own_verb_after_a_negated_clause_of_its_subject(page, rights, wrongs) -> None:
    quotes_judged([page], rights, wrongs)
