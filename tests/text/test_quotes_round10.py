"""Quotes as writers copy them, round 10: each row a page text written here, in the layout an
extractor prints, with quotes that must verify and quotes that must be refused."""

from __future__ import annotations

import pytest
from judging import quotes_judged

from kb.text.match import find_quote
from kb.text.normalise import Document, normalise


def _ids(value) -> str:
    return value[0][:30] if isinstance(value, list) and value and isinstance(value[0], str) else ""


# TeX's spacing accents, before or after their letter as pypdf and PDFium print them, are the accented
# letters a writer types: in a text TeX set so ("F¨arber"), "´" and "`" are accents wherever they
# stand ("Ku´s", "Mitrovic´"); a grave before a vowel is one in any text ("Andr`e"). (pages, rights,
# wrongs)
TEX_ACCENTS = [
    (["The method of Ku´s and Mitrovi´c (2019) extends F¨arber's corpus."],
     ["The method of Kuś and Mitrović (2019) extends Färber's corpus."],
     ["The method of Kuś and Mitrović (2018) extends Färber's corpus.", "The method of Kuś and Mitrović (2019) extends Färber's index."]),
    (["Sandra Mitrovic´\nand Henning Muller ¨ , 2015. Summa- ´\nrization with P ´ erez and Lourenc¸o."],
     ["Sandra Mitrović and Henning Müller, 2015", "with Pérez and Lourenço."],
     ["Sandra Mitrović and Henning Müller, 2016", "with Pérez and Lorenzo."]),
    (["Andr`e Martins of Universit`a di Roma and pi`u."], ["André Martins of Università di Roma"], ["André Martins of Università di Milano"]),
    # a writer's "´" for an apostrophe is one, on a TeX page as elsewhere
    (["The method of Ku´s and F¨arber: it’s the data, we don’t know."], ["it´s the data, we don´t know."],
     ["it´s the model, we don´t know.", "it´s the data, we do know."]),
]


@pytest.mark.parametrize("pages,rights,wrongs", TEX_ACCENTS, ids=_ids)
def test_tex_spacing_accents_are_the_letters_a_writer_types(pages, rights, wrongs) -> None:
    doc = Document(pages)
    for right in rights:
        found = find_quote(doc, right)
        assert found is not None and found.method != "punctuation", right
    for wrong in wrongs:
        assert find_quote(doc, wrong) is None, wrong
    # in a text with no other sign of TeX's accents, "´s" stays an apostrophe's "'s"
    assert normalise("the model´s loss") == normalise("the model's loss") != normalise("the models loss")


# Bracket substitutions: a letter alone standing for a pronoun ("[B]" of "her"), a pronoun or that letter
# for a definite noun phrase whose ordinal or comparative only picks out its referent ("[her]" of "the
# third player (B)"), a cited work as a referent ("[Cohan et al. (2020)]"), its authors and year the
# paper's. (pages, right quotes, wrong quotes)
SUBSTITUTIONS = [
    (["The object of the game for the third player (B) is to help the interrogator. The best strategy for "
      "her is probably to give truthful answers."],
     ["The best strategy for [B] is probably to give truthful answers.",
      "The object of the game for [her] is to help the interrogator.",
      "The object of the game for [B] is to help the interrogator.", "[T]he best strategy for her is probably"],
     ["The object of the game for [C] is to help the interrogator.",
      "[A] strategy for her is probably to give truthful answers.",
      "The best strategy for [B] is probably to give false answers."]),
    (["The best strategy for the larger model is to stop early. For all runs, the best strategy is to wait. "
      "For the 3 runs, the best strategy is to restart. For no run is the best strategy to go on."],
     ["The best strategy for [it] is to stop early."],
     ["For [them], the best strategy is to wait.", "For [them], the best strategy is to restart",
      "For [it] is the best strategy to go on."]),
    (["As in Cohan et al. (2020), we train a model. They show that citations help. Lo and Wang (2019) agree."],
     ["[Cohan et al. (2020)] show that citations help.", "[Cohan et al., 2020] show that citations help."],
     ["[Cohan et al. (2021)] show that citations help.", "[Beltagy et al. (2020)] show that citations help.",
      "[Lo and Wang (2019)] show that citations help.",     # printed after, never what "They" stands for
      "[Cohan et al. (2020)] show that citations hurt.", "[2020] show that citations help.",
      "[Cohan et al. (2020)] show [twice] that citations help."]),
    (["Cohan et al.'s model is trained on citations."], ["[Their] model is trained on citations."],
     ["[Their] model is trained on abstracts."]),
]


@pytest.mark.parametrize("pages,rights,wrongs", SUBSTITUTIONS, ids=_ids)
def test_a_bracket_substituting_a_name_or_a_pronoun(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# The sentence's own verb after a relative clause holding a negation, a verb in "-ed" or "-s" before its
# object, starts a clause the negation does not hold; a participle or a noun of the relative clause
# does not. (page, right quotes, wrong quotes)
MAIN_VERBS = [
    ("In the study, participants who had no training in medicine rated the tool as helpful.",
     ["rated the tool as helpful"],
     ["training in medicine rated the tool", "participants who had training in medicine rated the tool"]),
    ("Participants who were not told the goals guessed it.", ["guessed it"], ["goals guessed it"]),
    ("A reader who has no access prefers the summary.", ["prefers the summary"], ["access prefers the summary"]),
    ("The two participants that did not mention jargon (T4 & 9) often skimmed over these terms.",
     ["often skimmed over these terms"], ["jargon (T4 & 9) often skimmed over these terms", "mention jargon"]),
    ("We did not find that users often skimmed these terms.", [], ["often skimmed these terms"]),
    ("Papers that had no authors listed in the header were removed.", [], ["listed in the header were removed"]),
    ("Models that do not use labelled data perform worse.", [], ["labelled data perform worse"]),
    ("Users who did not like models trained on news left early.", [], ["trained on news left early"]),
    ("No prior published SOTA results exist for the Paper Field dataset.", [],
     ["published SOTA results exist for the Paper Field dataset"]),
    ("We did not find that models which had no pretraining reached the baseline.", [], ["reached the baseline"]),
]


@pytest.mark.parametrize("page,rights,wrongs", MAIN_VERBS, ids=lambda v: v[:30] if isinstance(v, str) else "")
def test_the_sentences_own_verb_after_a_negated_relative_clause(page, rights, wrongs) -> None:
    quotes_judged([page], rights, wrongs)


# A table row pypdf printed with no space between its cells ("2018)66.3061.44..."): the writer's cells
# verify where the run reads as cells of one format only; digits moved between cells, a changed digit
# or cells of several formats never do. (pages, right quotes, wrong quotes)
GLUED_CELLS = [
    (["Field Task\nJNLPBA (Collier and Kim, 2004) 78.58 74.05 76.09\nPICO EBM-NLP (Nye et al., 2018)66.3061.4471.53\n"
      "CLS ACL-ARC (Jurgens et al., 2018)67.962.0463.91\n"],
     ["PICO EBM-NLP (Nye et al., 2018) 66.30 61.44 71.53", "66.30 61.44 71.53", "66.30 61.4471.53",
      "JNLPBA (Collier and Kim, 2004) 78.58 74.05 76.09"],
     ["PICO EBM-NLP (Nye et al., 2018) 66.306 1.44 71.53", "PICO EBM-NLP (Nye et al., 2018) 66.3 061.44 71.53",
      "PICO EBM-NLP (Nye et al., 2018) 66.30 61.44", "66.30 61.44 71.54", "61.44 66.30 71.53", "61.44 71.53",
      "CLS ACL-ARC (Jurgens et al., 2018) 67.96 2.04 63.91", "CLS ACL-ARC (Jurgens et al., 2018) 67.9 62.04 63.91"]),
    (["The cost was 1320 dollars; version 1.2.3 was used with PyTorch 1.13.1 and 12.3045.67 as scores."], [],
     ["The cost was 13 20 dollars", "version 1.2 .3 was", "PyTorch 1.1 3.1 and", "and 12.30 45.67 as scores"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", GLUED_CELLS, ids=_ids)
def test_table_cells_pypdf_glued(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# What writers type for what the paper prints: an index as LaTeX ("x_1" of "𝑥1"), a list item's marker as
# Markdown ("* Own Papers" of "• Own Papers"), a footnote's link without the number glued to it
# ("9https://..."). The words, digits and their order stay the paper's. (pages, right quotes, wrong quotes)
TYPED = [
    (["we fit a LMM with fixed effects 𝛽 for the Paper Plain paper (𝑥1) and interface variant (𝑥2) factors.\n"
      "𝐸[𝑦] = 𝛽0 + 𝛾𝑗 + 𝛽1𝑥1 + 𝛽2𝑥2, (1)\nwith variance σ² each."],
     ["for the Paper Plain paper (x_1) and interface variant (x_2) factors", "E[y] = beta_0 + gamma_j + β_1 x_1 + β_{2}x_{2}",
      "with variance sigma^2 each", "with variance σ^{2} each"],
     ["for the Paper Plain paper (x_2) and interface variant (x_1) factors", "E[y] = β_0 + γ_j + β_1 x_2 + β_2 x_1",
      "with variance sigma^3 each", "E[y] = β_0 + γ_j + β_1 x_12"]),
    (["right corner.\n• Own Papers: Heart emojis are rendered over the inline citations.\n• Saved Papers: rendered in red."],
     ["* Own Papers: Heart emojis are rendered over the inline citations.",
      "Heart emojis are rendered over the inline citations. * Saved Papers: rendered in red.",
      "+ Own Papers: Heart emojis are rendered"],
     ["* Own Papers: Heart emojis are rendered over the cited papers.", "right corner * Own Papers",
      "Heart emojis are rendered over the inline citations. * Saved Papers: rendered in green."]),
    (["pus using SCIENCEPARSE v3.0.09 and GROBID.\n9https://github.com/allenai/science-\nparse\n10https://github.com/kermitt2/grobid"],
     ["https://github.com/allenai/science-parse", "https://github.com/kermitt2/grobid"],
     ["https://github.com/allenai/science-parser", "https://github.com/kermitt2/grobi"]),
    # pypdf's glyph names by hex code in an old TeX font: "/#28not" holds a negation a quote keeps
    (["a graph is an expander if ev ery /#28not to o large/#29\nsubset of no des S has a large neigh b orho o d /.\n"
      "F or /./. /. /. /. w e ha v e /1/5/0 million pages /."],
     ["a graph is an expander if every (not too large) subset of nodes S has a large neighborhood"],
     ["a graph is an expander if every (too large) subset of nodes S has a large neighborhood",
      "too large) subset of nodes S has a large neighborhood"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", TYPED, ids=_ids)
def test_what_writers_type_for_what_the_paper_prints(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


# An insertion at a quote's start naming someone ("[Cohan et al.]", "[Cohan et al. (2019)]") where the paper
# prints a name right before the quoted words stands for that name, never for nothing: who reports is
# the paper's. (pages, right quotes, wrong quotes)
NAMED_SUBJECTS = [
    (["Table 3 lists Cohan et al. (2019) and their scores.\nDomain: Beltagy et al. (2019) report a corpus of 82% "
      "biomedical papers. They find that long contexts help."],
     ["[Beltagy et al. (2019)] report a corpus of 82% biomedical papers", "[Beltagy et al., 2019] report a corpus",
      "[They] report a corpus of 82% biomedical papers", "[Beltagy et al. (2019)] find that long contexts help"],
     ["[Cohan et al. (2019)] report a corpus of 82% biomedical papers", "[Cohan et al.] report a corpus of 82%",
      "[Cohan et al. (2019)] find that long contexts help",     # "They" is Beltagy et al., the subject before
      "[Beltagy et al. (2020)] report a corpus of 82% biomedical papers", "[Lo et al. (2019)] find that long contexts help"]),
]


@pytest.mark.parametrize("pages,rights,wrongs", NAMED_SUBJECTS, ids=_ids)
def test_an_insertion_naming_the_subject_the_paper_names_before(pages, rights, wrongs) -> None:
    quotes_judged(pages, rights, wrongs)


def test_a_punctuation_note_shows_a_spacing_accent_as_printed() -> None:
    """A spacing accent the quote leaves out is named as the paper prints it ('´'), not as NFKC's
    space and combining mark, which print as nothing a person can see."""
    found = find_quote(Document(["The method of Ku´s works."]), "The method of Kus works")
    assert found is not None and found.method == "punctuation"
    assert found.notes == ["punctuation only: the paper has '´' where the quote has nothing"]
