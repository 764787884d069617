"""kb.text.versions.citations_only: a newer version renumbering its references (the same work under another number),
dropping a citation, re-lettering an author-year citation's year or renumbering an equation the quote names changes no
quote's words; a figure, a word, a unit, an interval, another work cited always does."""

from __future__ import annotations

import pytest

from kb.text.versions import citation_groups_only, citations_only, marks_only_of

#: v1's reference list (label -> work) and v2's, where v2 added a reference at 3: v1's 12 is v2's 13
OLD = {str(n): f"work{n}" for n in range(1, 80)} | {"Str19": "strubell", "Pat21": "patterson"}
NEW = {str(n if n < 3 else n + 1): f"work{n}" for n in range(1, 80)} | {"3": "added", "Str19a": "strubell",
                                                                        "Pat21": "patterson", "Str19b": "other"}


def works():
    return OLD, NEW


def same():
    return OLD, OLD


@pytest.mark.parametrize("ours, theirs, quote", [
    ("[12]", "[13]", "as shown [12] before"),                       # renumbered: v2's 13 is v1's 12
    ("[12 13]", "[13 14]", "as shown [12, 13] before"),             # a group renumbered
    ("[12–14]", "[13–15]", "as shown [12–14] before"),              # a range
    ("[12–14]", "[13 14 15]", "as shown [12–14] before"),           # a range printed as a list
    ("carbon[12]", "carbon[13]", "emits carbon[12] and"),           # glued to its word
    ("[12]", "", "as shown [12] before"),                           # dropped
    ("[12 13]", "", "as shown [12, 13] before"),
    ("carbon[12]", "carbon", "emits carbon[12] and"),
    ("[Str19]", "[Str19a]", "as shown [Str19] before"),             # a label re-lettered, the same work
    ("[Str19 Pat21]", "[Pat21 Str19a]", "as [Str19, Pat21] did"),
    ("(Smith et al 2019)", "", "carbon (Smith et al., 2019) and"),  # an author-year citation dropped
    ("(Lo and Li 2020a; Wu 2021)", "", "carbon (Lo and Li, 2020a; Wu, 2021) and"),
    ("2019)", "2019a)", "carbon (Smith et al., 2019) and"),         # its year re-lettered
    ("(2019)", "(2019b)", "Smith et al. (2019) show"),
    ("[2023]", "[2023a]", "see Luccioni and Hernandez-Garcia [2023]"),   # a year in square brackets
    ("[12 13]", "[14]", "as shown [12, 13] before"),                # one work of the group dropped, v2 its 13 as 14
    ("[12]", "[13 14]", "as shown [12] before"),                    # a work cited beside the quote's
    ("[12]", "[3 13]", "as shown [12] before"),                     # beside it the reference v2 added
    ("[12 13]", "[13 14 20]", "as shown [12, 13] before"),
    ("carbon[12]", "carbon[13 40]", "emits carbon[12] and"),
    ("[Str19]", "[Pat21 Str19a]", "as shown [Str19] before"),       # labelled, re-lettered and one added
    ("[Str19 Pat21]", "[Pat21]", "as [Str19, Pat21] did"),
    ("(3)", "(4)", "as in Equation (3), the energy"),               # an equation renumbered
    ("3", "4", "as in Eq. 3 the energy"),
    ("(3)", "(5)", "from Eqs. (3) and (9)"),
])
def test_a_citation_renumbered_or_dropped_is_no_change(ours, theirs, quote):
    said = citations_only([(ours, theirs)], quote, works)
    assert said.startswith(f"{ours} -> {theirs or '(nothing)'} ("), said


@pytest.mark.parametrize("ours, theirs, quote, lists", [
    ("[12]", "[14]", "as shown [12] before", works),        # v2's 14 is v1's 13: another work cited
    ("[12]", "[14]", "as shown [12] before", same),         # the lists unchanged: another work cited
    ("[12]", "[13]", "as shown [12] before", same),
    ("[12]", "14", "as shown [12] before", works),          # a bracket's number become a figure in running text
    ("[12]", "[12%]", "as shown [12] before", works),
    ("(12%)", "(14%)", "energy (12%) was", works),          # a figure in brackets
    ("(12)", "(13)", "GPUs (12) were", works),              # a count, no equation named
    ("[0 1]", "[0 2]", "in the range [0, 1] the", works),   # an interval: "0" is no reference
    ("[0.5 1]", "[0.5 2]", "weights [0.5, 1] the", works),
    ("1]", "2]", "in the range [0, 1] the", works),
    ("[99]", "[100]", "as shown [99] before", works),       # no such reference in either list
    ("[12]", "", "as shown [12] before", lambda: ({}, {})),  # no reference list read: a bracket's number kept
    ("[12]", "[13]", "as shown [12] before", lambda: ({}, {})),
    ("2019)", "2020)", "carbon (Smith et al., 2019) and", works),  # a year changed: another work, or a date
    ("2019", "2019a", "in 2019 we", works),                 # no citation's bracket around it
    ("(Smith et al 2019)", "(Smith et al 2020)", "carbon (Smith et al., 2019) and", works),
    ("(12 GPUs)", "", "carbon (12 GPUs) and", works),       # words dropped, no author-year
    ("(3)", "(4)", "as in Table (3), the energy", works),   # no equation named
    ("3", "4", "Eq. 3 uses 3 GPUs", works),                 # the same figure elsewhere in the quote, no equation's
    ("(3)", "4", "as in Equation (3), the energy", works),  # printed otherwise
    ("[12]", "[13] not", "as shown [12] before", works),    # a negation beside it
    ("carbon[12]", "energy[13]", "emits carbon[12] and", works),  # a word changed beside it
    ("", "[13]", "as shown before", works),                 # nothing of the quote's: never a citation's
    ("[12]", "[14 15]", "as shown [12] before", works),     # works added, the quote's own no longer cited
    ("[12]", "[13 99]", "as shown [12] before", works),     # one added no reference list holds
    ("[12 13]", "[13 20]", "as shown [12, 13] before", works),  # one of the quote's gone, another in its place
    ("[12]", "[12 14]", "as shown [12] before", works),     # v2's 12 is v1's 11: the quote's work gone
    ("carbon[12]", "emissions[13 14]", "emits carbon[12] and", works),  # a word changed beside a work added
    ("[12]", "[13 14] not", "as shown [12] before", works),  # a negation beside it
    ("[Str19]", "[Pat21 Str19b]", "as shown [Str19] before", works),  # Str19b is another work of Strubell's
    ("[12 13]", "[15]", "as shown [12, 13] before", works),  # both dropped, another work cited
    ("[2023]", "[2024]", "see Luccioni [2023]", works),     # a year changed in square brackets
])
def test_anything_else_is_a_change(ours, theirs, quote, lists):
    assert citations_only([(ours, theirs)], quote, lists) == ""


def test_each_difference_must_be_a_mark():
    page = "Body.\n† On a cluster."
    assert marks_only_of([("[12]", "[13]"), ("9%", "9%†")], page, page, "as [12] of 9% and", works)
    assert marks_only_of([("[12]", "[13]"), ("9%", "8%")], page, page, "as [12] of 9% and", works) == ""
    assert marks_only_of([("emissions¹²", "emissions¹³")], page, page, "the emissions¹² of", works)
    assert marks_only_of([("emissions¹²", "emissions¹⁴")], page, page, "the emissions¹² of", works) == ""
    assert marks_only_of([("10²", "10³")], page, page, "about 10² runs", works) == ""


@pytest.mark.parametrize("quote, page", [
    ("the focus of much work [5, 20, 26, 27, 30, 45, 51].", "Text. the focus of much work [6, 21, 27, 28, 31, 46, 52]. More"),
    ("prior work [13, 23], we are", "By prior work [14,\n24], we are the first"),
    ("data centers (Ascierto, 2018).", "average for data centers. Then the total"),          # author-year dropped
    ("V100 GPUs (Forster et al., 2019).", "64 Tesla V100 GPUs (\nForster et al., 2019a). GPT-2"),  # re-lettered
    ("Devlin et al. (2019) report that", "Devlin et al. (2019b) report that the"),
    ("carbon emissions of model training", "the carbon emissions [4] of model training"),  # one the quote never had
    ("such as OPT [57], T0 [43] and BLOOM [31].", "such as OPT [58], T0 [44] and BLOOM [31]."),
    ("see Luccioni and Hernandez-Garcia [2023].", "see Luccioni and Hernandez-Garcia [2023a]."),
    ("much carbon [12] as prior work", "much carbon [13, 20] as prior work"),             # a work added to a group
    ("much carbon [12, 13] as", "much carbon [3, 13,\n14] as"),
    ("much carbon (Smith, 2020) as", "much carbon (Smith, 2020; Lee, 2021) as"),            # author-year, one added
    ("much carbon (Smith et al., 2020) as", "much carbon (Lee, 2021; Smith et al., 2020) as"),
    ("V100 GPUs ( Strubell et al. , 2018).", "V100 GPUs ( Strubell et al. , 2018; Wu, 2021a). GPT-2"),
    ("much carbon (Smith, 2020) as", "much carbon (Smith, 2020a; Lee, 2021) as"),           # re-lettered, one added
    ("much carbon (Smith, 2020; Lee, 2021) as", "much carbon (Smith, 2020) as"),            # one of two dropped
])
def test_citation_groups_renumbered_dropped_or_relettered_on_the_page_are_no_change(quote, page):
    assert citation_groups_only(quote, page, works), (quote, page)


@pytest.mark.parametrize("quote, page", [
    ("energy usage [27].", "energy usage [27]."),                       # no difference: nothing to say
    ("energy usage [27].", "energy usage [26]."),                       # another work: v2's 26 is v1's 25
    ("close to 1% of usage [12].", "close to 2% of usage [13]."),        # a figure changed beside it
    ("close to 1% of usage [12].", "close to 1 % of all usage [13]."),   # a word added
    ("data centers (Ascierto, 2018).", "data centers (Ascierto, 2019)."),  # a year changed
    ("Devlin et al. (2019) report", "Devlin et al. (2020) report"),
    ("Devlin et al. (2019) report", "Devlin et al. report"),            # a year alone dropped: maybe a date
    ("in the range [0, 1] the", "in the range [0, 2] the"),             # an interval
    ("in the range [0, 1] the", "in the range the"),
    ("the energy (12%) was", "the energy (14%) was"),                   # a figure in round brackets
    ("the energy was", "the energy [0.5, 2] was"),                      # a bracket added that is no citation
    ("the energy was", "the energy [99] was"),                          # a label no reference list holds
    ("the energy [12] was not", "the energy [13] was"),                 # a negation dropped beside it
    ("usage [12]", "usage 13"),                                         # a figure for a citation
    ("prices rose (March 2019) as", "prices rose as"),                  # a date, no citation
    ("prices rose (March 2019) as", "prices rose (March 2020) as"),
    ("much carbon [12] as", "much carbon [14, 15] as"),                  # the quote's work gone, others cited
    ("much carbon [12] as", "much carbon [13, 99] as"),                  # a label no reference list holds
    ("much carbon [12] as", "much more carbon [13, 20] as"),             # a word added beside a work added
    ("we ran [3] seeds of it", "we ran [5] seeds of it"),                # a count in brackets, v2's 5 another work
    ("much carbon (Smith, 2020) as", "much carbon (Smith, 2021; Lee, 2021) as"),   # its year changed
    ("much carbon (Smith, 2020) as", "much carbon (Lee, 2021) as"),                # another work in its place
    ("much carbon (Smith, 2020) as", "much carbon (Smith and Lee, 2020; Wu, 2021) as"),  # its authors changed
    ("grew (Smith, 2020) by 5%", "grew (Smith, 2020; Lee, 2021) by 6%"),          # a figure changed beside it
    ("grew (Smith, 2020) by 5%", "did not grow (Smith, 2020; Lee, 2021) by 5%"),  # a negation beside it
    ("prices rose (March 2019) as", "prices rose (March 2019; Lee, 2021) as"),     # a date, no citation
    ("much carbon (Smith, 2020; Lee, 2021) as", "much carbon (Smith, 2020; Wu, 2021) as"),  # one swapped
])
def test_anything_else_on_the_page_is_a_change(quote, page):
    assert citation_groups_only(quote, page, works) == ""
