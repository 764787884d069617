"""Quotes as writers copy them, round 9: each row a page text written here, in the layout an
extractor prints, with quotes that must verify and quotes that must be refused."""

from __future__ import annotations

import pytest
from judging import quotes_judged

from kb.text.normalise import normalise


def _ids(value) -> str:
    return value[0][:30] if isinstance(value, list) and value and isinstance(value[0], str) else ""


# An ellipsis never leaves out a negation of the sentence it quotes; a stop before a lower-case
# word or a citation's bracket ends no sentence there. (pages, right quotes, wrong quotes)
ELIDED = [
    (["Pruning the model [8] does not [9] reduce its accuracy on the test set."],
     ["Pruning the model [8] does not [9] reduce its accuracy",
      "Pruning the model ... does not ... reduce its accuracy"],
     ["Pruning the model ... reduce its accuracy on the test set."]),
    (["Larger batches are, e.g. not [12] always faster on GPUs."],
     ["Larger batches are, e.g. not [12] always faster on GPUs."],
     ["Larger batches are ... always faster on GPUs."]),
    (["The method of Smith et al. does not in all cases, as Lee et al. show, converge on sparse graphs."],
     ["The method of Smith et al. does not ... converge on sparse graphs."],
     ["The method of Smith et al. ... converge on sparse graphs."]),
    # whole sentences left out between two quoted ones may hold a negation
    (["The model is small. It does not use dropout. It converges in five epochs."],
     ["The model is small. ... It converges in five epochs."], []),
]


@pytest.mark.parametrize("pages,rights,wrongs", ELIDED, ids=_ids)
def test_an_ellipsis_never_leaves_out_a_negation_of_its_sentence(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# The words an insertion at a quote's edge stands for stop at any stop, a citation's bracket:
# tighter than a sentence's end. (pages, right quotes, wrong quotes)
EDGES = [
    (["The new kernel uses less memory, e.g. it is efficient on phones."],
     ["[It] is efficient on phones", "[The kernel] is efficient on phones"], ["[less] efficient on phones"]),
    (["We ran it twice, i.e. it scales to phones."], ["[the method] scales to phones"], ["[twice] scales to phones"]),
    (["The cost doubles, e.g. twice as much as reported."], [], ["The cost doubles [twice as much]"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", EDGES, ids=_ids)
def test_an_insertion_at_a_quotes_edge_stands_for_words_of_its_sentence_only(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# An apostrophe typed as any look-alike ("don´t", "donʼt", "don′t", "don`t", "it´s", "we´ll") is the
# page's "'": a negation's "n't" is read in each, and "´" before a contraction's end is no accent.
# (pages, right quotes, wrong quotes)
APOSTROPHES = [
    (["We don't know whether the gain holds. It's the data, we think, and we'll see."],
     ["We don´t know whether the gain holds.", "We donʼt know whether", "We don′t know whether",
      "We don`t know whether", "We don‘t know", "It´s the data, we think", "Itʼs the data", "and we´ll see."],
     ["We do know whether the gain holds.", "We know whether the gain holds", "It´s the model, we think",
      "It is the data, we think", "the gain holds. It´s the data, we think, and we´ll not see."]),
    (["The model didn’t converge; the model’s loss rose and they’re unsure why."],
     ["The model didn´t converge", "the model´s loss rose and they´re unsure why."],
     ["The model did converge", "The model´s loss fell", "they´re sure why"]),
    # TeX's acute set beside its letter stays an accent: "Jos´e", "Ko´sciuszko", "Montr´eal"
    (["Jos´e P´erez of Montr´eal wrote it."], ["José Pérez of Montréal wrote it.", "Jose Perez of Montreal"],
     ["Jose's Perez of Montreal", "José Pérez of Montréal read it."]),
]


@pytest.mark.parametrize("pages,rights,wrongs", APOSTROPHES, ids=_ids)
def test_an_apostrophe_typed_as_any_look_alike(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)
    assert {normalise(typed) for typed in ("don´t", "donʼt", "don′t", "don`t", "don't")} == {"don't"}



# A Greek letter typed as its name, its index typed flat or as the subscript the page prints, its power as the
# superscript or "^2" ("sigma² m", "sigma^2 m", "beta₁", "beta1"); a power typed flat is another symbol ("sigma2",
# "σ2" of "σ²"), refused. (pages, right quotes, wrong quotes)
GREEK = [
    (["The noise has variance σ² m for each of the m runs."],
     ["variance sigma² m for each", "variance Sigma^2 m for each", "has variance σ^{2} m"],
     ["variance sigma 3 m for each", "variance sigma² n for each", "variance sigmas² m", "variance tau² m",
      "variance sigma 2 m for each", "variance sigma2 m for each", "has variance σ2 m", "has variance σ₂ m"]),
    (["Adam with β₁ = 0.9 and a loss of λ²/2 per step."],
     ["with beta₁ = 0.9", "with beta1 = 0.9", "a loss of lambda²/2 per step", "a loss of lambda^2/2"],
     ["with beta₂ = 0.9", "with beta₁ = 0.99", "a loss of lambda³/2 per step", "a loss of lambda 2/2"]),
    # a name a letter follows is a word of its own
    (["The alphabet is small and the pin is set."], ["The alphabet is small", "the pin is set."], ["the π is set"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", GREEK, ids=_ids)
def test_a_greek_letter_typed_as_its_name_with_its_index(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A quote starting after a negation's clause has ended: an idiom that negates nothing ("nothing but",
# "no sooner ... than", "none other than"), or a relative clause holding the negation before the
# sentence's own verb ("Runs that did not converge | were discarded"). The same sentences' cuts inside
# the negation's scope stay refused, and so does "published SOTA results exist". (page, rights, wrongs)
CLAUSE_ENDED = [
    ("The gains are nothing but the result of a larger training set.",
     ["the result of a larger training set"], ["the gains are the result of a larger training set"]),
    ("It is nothing less than a new way to read papers, and nothing short of a revolution.",
     ["a new way to read papers", "a revolution"], []),
    ("The first author is none other than the editor of the journal.", ["the editor of the journal"], []),
    ("No sooner had the model converged than the loss started to rise again.",
     ["the loss started to rise again", "than the loss started to rise again"], ["the loss started to fall again"]),
    ("The runs which did not converge were discarded from the analysis.",
     ["were discarded from the analysis"], ["converge were discarded", "The runs which did converge were discarded",
                                            "The runs were discarded from the analysis"]),
    ("Papers that have no abstract are removed before training.", ["are removed before training"],
     ["abstract are removed before training", "Papers that have an abstract are removed"]),
    ("Anyone who cannot read the paper can still answer the questions.", ["can still answer the questions"],
     ["read the paper can still answer", "Anyone who can read the paper can still answer the questions."]),
    ("The users who didn't like the tool were the ones who read the most.", ["were the ones who read the most"],
     ["like the tool were the ones"]),
    ("We show that models that do not use dropout can overfit.", ["can overfit"],
     ["models that do use dropout can overfit", "use dropout can overfit"]),
    # a surprise denied says what follows all the same ("it is not surprising that X")
    ("It should not be surprising that such scores result in high alarm fatigue.",
     ["such scores result in high alarm fatigue"], ["such scores result in low alarm fatigue"]),
    ("For this reason, it is not at all surprising that participants scored similarly; it is no surprise "
     "that the tool helps, and it isn't surprising that no model wins.",
     ["participants scored similarly", "the tool helps"], ["model wins", "participants scored differently"]),
    ("It is not apparent that further tuning would help, nor clear that it would hurt.", [],
     ["further tuning would help", "it would hurt"]),
    ("It would not be surprising if the model failed; it is not surprising to us that it wins.",
     ["it wins"], ["the model failed"]),
    # still in the negation's scope: a clause of the negation's own ("that no sample is repeated"), the
    # sentence's own verb negated after a relative clause, a negation before the relative pronoun, the verb
    # group going on ("have not | been", "seem to | be"), a conjunction, a verb a clause follows
    ("We ensure that no sample is repeated in the batch.", [], ["is repeated in the batch"]),
    ("The model which we trained does not on average have a good accuracy.", [], ["have a good accuracy"]),
    ("No model that was not pretrained is accurate.", [], ["is accurate"]),
    ("Not all runs that did not converge were discarded.", [], ["were discarded"]),
    ("Users who have not been trained use the tool.", [], ["been trained use the tool"]),
    ("Models that do not seem to be robust fail.", [], ["be robust"]),
    ("Models that do not use dropout and are trained longer overfit.", [], ["are trained longer"]),
    ("Papers which do not say the data was collected ethically are excluded.", [], ["was collected ethically"]),
    ("Results hold. No prior published SOTA results exist for the Paper Field dataset.", [],
     ["published SOTA results exist for the Paper Field dataset"]),
    ("No fewer than 40 participants completed the study.", [], ["40 participants completed the study"]),
]


@pytest.mark.parametrize("page,rights,wrongs", CLAUSE_ENDED, ids=lambda v: v[:30] if isinstance(v, str) else "")
def test_a_quote_starting_after_a_negations_clause_ended(page, rights, wrongs) -> None:
    quotes_judged([page], rights, wrongs)


# A quote inside a quote written in the other marks, single for the page's double or double for its
# single, in a quote with an elision or an editorial insertion too. (pages, right quotes, wrong quotes)
NESTED = [
    (["In the time of Galileo it was argued that the texts, “And the sun stood still . . . and hasted not "
      "to go down about a whole day” (Joshua x. 13) were an adequate refutation."],
     ["the texts, 'And the sun stood still ... and hasted not to go down about a whole day' (Joshua x. 13)",
      "the texts, ‘And the sun stood still . . . and hasted not to go down about a whole day’ (Joshua x. 13)"],
     ["the texts, 'And the sun stood still ... and hasted to go down about a whole day' (Joshua x. 13)",
      "the texts, 'And the sun stood still ... and hasted not to go down about a whole day' (Joshua x. 31)",
      "the texts, 'And the sun stood still ...' were an adequate refutation"]),
    # "we" is the paper's author, whom its head names
    (["COMPUTING MACHINERY AND INTELLIGENCE\nBy A. M. Turing\n1. The Imitation Game\n"
      "The new form of the problem is a game which we call the “imitation game.” It is played with three people."],
     ["a game which [Turing] call[s] the 'imitation game.' It is played with three people."],
     ["a game which [Turing] call[s] the 'imitation test.'",
      "a game which [Turing] call[s] the 'imitation game.' It is played with two people."]),
    (["Paper nodes have attributes such as ‘title’, ‘abstract’ and the authors' ‘venues’."],
     ['attributes such as "title", "abstract" and the authors\' "venues".', "such as 'title', ... 'venues'"],
     ['attributes such as "title", "summary" and the authors\' "venues".']),
]


@pytest.mark.parametrize("pages,rights,wrongs", NESTED, ids=_ids)
def test_a_quote_inside_a_quote_in_the_other_marks(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A footnote's marker glued to the word before a dash ("Plain1—with"), its footnote on the page, may
# be left out, as before a comma; a number glued so with no footnote of it on the page stays.
DASHED_MARKERS = [
    (["we introduce a novel interface—Paper Plain1—with four features powered by NLP.\n"
      "1Code and demo available at https://example.org/plain"],
     ["we introduce a novel interface—Paper Plain—with four features", "a novel interface - Paper Plain - with four",
      "a novel interface—Paper Plain1—with four features"],
     ["we introduce a novel interface—Paper Plain—with five features", "a novel interface—Paper Plain2—with four"]),
    (["the larger MODELS2–the ones we trained–converge first.\n2See the appendix for the runs."],
     ["the larger MODELS–the ones we trained–converge first."], ["the larger MODELS–the ones we tuned–converge"]),
    (["we compare with Llama2—the open model—on every task."], [], ["we compare with Llama—the open model—on every"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", DASHED_MARKERS, ids=_ids)
def test_a_footnote_marker_before_a_dash(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A running header of the page's number and its authors' short label ("2 Z. Shen et al.") is the
# page's edge however few pages print it: a quote runs across it. (pages, right quotes, wrong quotes)
NUMBERED_HEADERS = [
    (["Deep learning approaches are the state of the art for tasks including image classification [11,",
      "2 Z. Shen et al.\n37], layout detection [38, 22], and table detection [26]."],
     ["tasks including image classification [11, 37], layout detection [38, 22], and table detection [26]."],
     ["tasks including image classification [11, 37], layout detection [38, 23]",
      "tasks including image classification [11, 2 Z. Shen et al. 37]"]),
    (["The model converges in five epochs and the loss of", "Lo and Wang 2\nthe larger model is lower."],
     ["the loss of the larger model is lower."], []),
    # a number that is not the page's, or the label without its number, stays text of the page
    (["The model converges in five epochs and the loss of", "7 Z. Shen et al.\nthe larger model is lower."], [],
     ["the loss of the larger model is lower."]),
]


@pytest.mark.parametrize("pages,rights,wrongs", NUMBERED_HEADERS, ids=_ids)
def test_a_running_header_of_the_page_number_and_the_authors(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# A footnote's text starting in lower case, its number glued to it at the line's start ("7pronounced
# “stork”"), quoted without the number, where the page's text marks the footnote; a number glued so
# that marks no footnote stays ("5times"). (pages, right quotes, wrong quotes)
LOWER_FOOTNOTES = [
    (["To address these issues, we introduce S2ORC,7 the Semantic Scholar Open Research Corpus.\n"
      "7pronounced “stork”"], ['pronounced "stork"', "7pronounced “stork”"], ['pronounced "stark"', "7pronounced “stark”"]),
    (["For example, blog posts or email composition,4 knowledge management.\n"
      "4including apps like mem and the notes of others"],
     ["including apps like mem and the notes of others"], ["including apps like mem and the notes of many others"]),
    (["The new kernel runs\n5times faster than the baseline on phones."], [], ["times faster than the baseline on phones"]),
    (["The new kernel runs on phones.4\n3rd place in the ranking went to it.\n4See the appendix."], [],
     ["rd place in the ranking went to it"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", LOWER_FOOTNOTES, ids=_ids)
def test_a_footnote_in_lower_case_glued_to_its_number(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# An editor's mark in parentheses ("(sic)", "(sic!)", "(emphasis added)") stands for nothing, as in
# brackets; one the paper prints is its text. (pages, right quotes, wrong quotes)
SILENT_PARENTHESES = [
    (["We show that the tool helps in real-word use cases. The interrogator stays apart front the others."],
     ["helps in real-word (sic) use cases", "helps in real-word (sic!) use cases", "stays apart front ( sic ) the others",
      "the tool helps in real-word use cases (emphasis added)", "the tool helps (emphasis mine) in real-word use cases"],
     ["helps in real-world (sic) use cases", "helps in (sic) real-word use cases (sic) often",
      "the tool helps in real-word use cases (our reading)", "the tool (sic) hurts in real-word use cases"]),
    (["The word is misspelt (sic) in the source, as printed."], ["The word is misspelt (sic) in the source"], []),
]


@pytest.mark.parametrize("pages,rights,wrongs", SILENT_PARENTHESES, ids=_ids)
def test_an_editors_mark_in_parentheses(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# An insertion naming a man never stands for a woman's pronoun, nor the reverse, nor names the referent
# of one after it; one of the same sex, or of neither, may. (pages, right quotes, wrong quotes)
SEXES = [
    (["It is played with a man (A), a woman (B), and an interrogator (C). "
      "The object of the game for the third player (B) is to help the interrogator. The best strategy for her is "
      "probably to give truthful answers. He knows them by labels X and Y."],
     ["The best strategy for [the woman] is probably to give truthful answers.",
      "[The interrogator] knows them by labels X and Y.",
      "The best strategy for her [the woman] is probably"],
     ["The best strategy for [the man] is probably to give truthful answers.", "[She] knows them by labels X and Y.",
      "The best strategy for her [the man] is probably", "[The woman] knows them by labels X and Y."]),
]


@pytest.mark.parametrize("pages,rights,wrongs", SEXES, ids=_ids)
def test_an_insertion_of_the_other_sex_than_the_pronoun(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)
