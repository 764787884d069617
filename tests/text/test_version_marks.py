"""kb.text.versions.marks_only: a footnote's mark a newer version adds, drops or prints otherwise after a word or a
figure is no change of a quote's words; a figure, a word, a sign, a negation, a power or notation always is."""

from __future__ import annotations

import pytest

from kb.text.versions import marks_only

PAGE = "Body of the page.\n† On a cluster of eight nodes.\n* p < 0.05\n‡ Estimated.\n¹See the appendix.\n2 Another one"


@pytest.mark.parametrize("ours, theirs", [
    ("9%", "9%†"),              # after a percent (was a change)
    ("9%", "9%*"),              # an asterisk after a figure
    ("0.85", "0.85*"),          # a table's cell marked
    ("12", "12‡"),
    ("9%", "9%†‡"),             # two marks
    ("9%", "9%¹"),              # a raised digit after a percent, its footnote "¹See"
    ("9%", "9%²"),              # its footnote "2 Another one"
    ("energy", "energy¹"),      # after a word
    ("model", "model∗"),
    ("costs,", "costs,†"),      # after the word's comma
    ("V100s", "V100s†"),        # a name's plural
    ("(50%)", "(50%‡)"),        # inside its brackets
    ("costs,", "costs†,"),      # before the comma
    ("", "†"),                  # set apart from its word ("9% †")
    ("9%†", "9%"),              # dropped: the quote copied v1's mark
    ("days*", "days"),
    ("energy¹", "energy"),
    ("9%†", "9%‡"),             # printed otherwise
    ("†", ""),
    ("Model", "model†"),        # case alone is no difference (matching is case-blind)
])
def test_a_mark_added_dropped_or_changed_is_no_change(ours, theirs):
    assert marks_only([(ours, theirs)], PAGE) == f"{ours or '(nothing)'} -> {theirs or '(nothing)'}"


@pytest.mark.parametrize("ours, theirs", [
    ("9%", "8%†"),              # the figure changed, a mark beside it
    ("9%", "91%"),              # a digit, not a mark
    ("9%", "9%1"),              # a plain digit after a figure: the matcher's to read (kb.text.normalise), never here
    ("10", "10²"),              # a power
    ("m", "m²"),                # a unit's power
    ("kWh", "kWh²"),
    ("x", "x*"),                # notation: an optimum
    ("θ", "θ*"),
    ("A", "A†"),                # an adjoint
    ("f(x)", "f(x)*"),
    ("(61)", "(61)*"),          # after a bracket: a conjugate's as often ("f(x)*"); kept a change, as kb cannot tell    ("(A", "(A†"),
    ("(A)", "(A†)"),
    ("(50)", "(51‡)"),
    (",", ",*"),
    ("", "*"),                  # an operator set apart ("a * b")
    ("", "∗"),
    ("to", "not to†"),          # a negation, a mark beside it
    ("9%", "9%§"),              # a mark no footnote of the page names
    ("9%", "9%¶"),
    ("9%", "9%³"),              # no footnote 3 on the page
    ("9%", "9 %†"),             # the figure printed otherwise too is the matcher's to read, never passed here
    ("GPUs", "CPUs†"),
])
def test_a_change_of_a_figure_word_sign_or_notation_beside_a_mark_is_a_change(ours, theirs):
    assert marks_only([(ours, theirs)], PAGE) == ""


def test_every_difference_must_be_a_mark_and_a_sign_may_be_noted_anywhere_in_the_version():
    assert marks_only([("9%", "9%†"), ("eight", "four")], PAGE) == ""
    assert marks_only([("9%", "9%†"), ("days", "days*")], PAGE) == "9% -> 9%†, days -> days*"
    # a sign's footnote under a table or on the title page: the version's whole text; a raised digit's, its page
    assert marks_only([("9%", "9%§")], "Body.", "Body.\n§ Measured on v2.") == "9% -> 9%§"
    assert marks_only([("9%", "9%³")], "Body.", "Body.\n³See v2.") == ""
