"""kb.text.refs.find_references: a numbered or dotted list whose labels start past 1 and run on one by one (the rest
of a list whose first page the text lacks) is read, but never before a list an earlier heading opens; a list's heading
printed again atop its next page (both read as a running header) still heads it; labels that do not run on are no
list."""

from __future__ import annotations

import pytest

from kb.text.refs import find_references

WORKS = ["Jane Doe. 2019. Energy of training language models. In Proceedings of ACL.",
         "Ann Lee. 2020. Carbon accounting for data centres. arXiv preprint arXiv:2001.01234.",
         "Bob Wu. 2021. Measuring inference costs of vision models. In Proceedings of CVPR.",
         "Kim Park. 2022. A survey of green computing for deep learning. In Proceedings of NeurIPS.",
         "Li Chen. 2018. Power capping for GPU clusters. In Proceedings of SC.",
         "Omar Said. 2017. Cooling efficiency in hyperscale facilities. IEEE Micro 37(2):10-19."]
BODY = "Introduction. We measure energy [3] here.\fMethods and more text of the paper."


TOPICS = "solar wind hydro nuclear coal gas oil tidal wave geothermal biomass hydrogen".split()


def listed(first: int, last: int, label: str = "[{}]") -> str:
    """Entries `first` to `last`, each a work of its own (no line alike at two pages' edges)."""
    return "\n".join(f"{label.format(n)} {WORKS[n % len(WORKS)].replace(' of ', f' of {TOPICS[n % 12]} {TOPICS[n // 12]} ', 1)}"
                     for n in range(first, last + 1))


@pytest.mark.parametrize("pages, first, last", [
    ([BODY, "References\n" + listed(10, 20)], "[10]", "[20]"),                  # the rest of a list from [10]
    ([BODY, "REFERENCES\n" + listed(37, 41)], "[37]", "[41]"),
    ([BODY, "References\n" + listed(2, 12)], "[2]", "[12]"),
    ([BODY, "References\n" + listed(10, 16, "{}.")], "10.", "16."),             # dotted, from 10.
    ([BODY, "References\n" + listed(1, 12), "References\n" + listed(13, 25)], "[1]", "[25]"),  # heading again
    ([BODY, "References\n" + listed(1, 8), "References\n" + listed(9, 16), "References\n" + listed(17, 20)],
     "[1]", "[20]"),
    ([BODY, "References\n" + listed(1, 9), listed(10, 20)], "[1]", "[20]"),     # split across pages
    ([BODY, "References\n" + listed(1, 12), "More text.\nReferences\n" + listed(13, 25)], "[1]", "[25]"),
    ([BODY + "\nReferences\n" + listed(1, 5), "Appendix A.\nReferences\n" + listed(40, 45)], "[1]", "[5]"),
])
def test_a_list_numbered_from_past_one_is_read_after_any_an_earlier_heading_opens(pages, first, last):
    entries = find_references(pages)
    assert entries and (entries[0].label, entries[-1].label) == (first, last), [e.label for e in entries]
    assert all(e.title for e in entries), [e.raw for e in entries if not e.title]


@pytest.mark.parametrize("pages", [
    [BODY, "References\n[10] " + WORKS[0] + "\n[12] " + WORKS[1] + "\n[15] " + WORKS[2]],  # no run
    [BODY, "References\n[10] " + WORKS[0] + "\n[11] " + WORKS[1]],                        # two labels: no run
    [BODY, "References\n[12] " + WORKS[0] + "\n[11] " + WORKS[1] + "\n[10] " + WORKS[2]],  # counting down
    [BODY, "References\n10. " + WORKS[0] + "\n12. " + WORKS[1] + "\n14. " + WORKS[2]],
])
def test_labels_that_do_not_run_on_from_past_one_are_no_list(pages):
    assert [e.label for e in find_references(pages) if e.label] == []
