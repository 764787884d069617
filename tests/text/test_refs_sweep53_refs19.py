"""kb.text.refs.find_references on reference pages an extractor reads out of order: a two-column page whose blocks
come one column's before the other's ('[1]'-'[6]', '[13]'-'[18]', '[7]'-'[12]'), numbered or dotted, each label then
opens its entry when the labels are a permutation of a run (each once, no gap, each in a run of two or more as the
text gives them); author-year lists whose columns interleave, an entry cut at a column's foot before the next opens
('Chen, L., Davis, M., 2020. Carbon footprint of' then 'Lopez, P., Martin, Q., 2021. Water use ...'), split at the
inverted-initials head of the next. Never split in an entry's middle: a stray label, a gap, a duplicate, an author
list or an editor list running over lines, an 'In Proceedings of' line, a URL line."""

from __future__ import annotations

import pytest

from kb.text.refs import find_references

BODY = "Introduction. We measure energy [3] here and more text of the paper."
TOPICS = ("solar wind hydro nuclear coal gas oil tidal wave geothermal biomass hydrogen storage grid "
          "battery heat fuel carbon water steel cement paper glass rail road air").split()
HEADS = ["Jane Doe. 2019. Energy of {t} training for language models. In Proceedings of ACL.",
         "Ann Lee and Omar Said. 2020. Carbon accounting of {t} data centres. arXiv preprint arXiv:2001.01234.",
         "Bob Wu. 2021. Measuring inference costs of {t} vision models. In Proceedings of CVPR.",
         "Kim Park, Li Chen, and Eve Ross. 2022. A survey of {t} green computing. IEEE Micro 37(2):10-19."]


def work(n: int) -> str:
    return HEADS[n % 4].format(t=TOPICS[n % len(TOPICS)] + f" {n}")


def listed(order, label="[{}]", wrap: int = 0) -> str:
    """Entries in the order the text gives them; `wrap`: each broken into lines of that many characters."""
    out = []
    for n in order:
        text = f"{label.format(n)} {work(n)}"
        if wrap:
            words, line = text.split(), ""
            for w in words:
                if line and len(line) + len(w) >= wrap:
                    out.append(line)
                    line = w
                else:
                    line = f"{line} {w}".strip()
            out.append(line)
        else:
            out.append(text)
    return "\n".join(out)


def r(a: int, b: int) -> list[int]:
    return list(range(a, b + 1))


def whole(entries, label="[{}]") -> None:
    """Every entry holds its own work and only it, its label its number."""
    for e in entries:
        n = int(e.label.strip("[]."))
        assert e.label == label.format(n)
        assert e.raw == work(n), (e.label, e.raw)


@pytest.mark.parametrize("pages, last", [
    ([BODY, "References\n" + listed(r(1, 6) + r(13, 18) + r(7, 12) + r(19, 24))], 24),
    ([BODY, "References\n" + listed(r(1, 5) + r(11, 15) + r(6, 10)), listed(r(16, 20))], 20),
    ([BODY, "References\n" + listed(r(1, 3) + r(10, 12) + r(4, 6) + r(13, 15) + r(7, 9))], 15),
    ([BODY, "References\n" + listed(r(1, 4) + r(8, 10) + r(5, 7) + r(11, 12))], 12),      # a jump within +3
    ([BODY, "References\n" + listed(r(1, 6) + r(13, 18) + r(7, 12), wrap=48)], 18),     # entries over lines
    ([BODY, "References\n" + listed(r(1, 2) + r(5, 6) + r(3, 4) + r(7, 9))], 9),
    ([BODY, "References\n" + listed(r(1, 8) + r(17, 24) + r(9, 16)), listed(r(25, 30) + r(31, 33))], 33),
    ([BODY, "References\n" + listed(r(1, 10)), listed(r(11, 14) + r(19, 22) + r(15, 18))], 22),  # on page 2 only
])
def test_numbered_labels_out_of_order_open_their_entries(pages, last):
    entries = find_references(pages)
    assert [e.label for e in entries] == [f"[{n}]" for n in range(1, last + 1)]
    assert [e.idx for e in entries] == list(range(1, last + 1))
    whole(entries)


@pytest.mark.parametrize("order, last", [
    (r(1, 4) + r(9, 12) + r(5, 8), 12),
    (r(1, 5) + r(11, 15) + r(6, 10) + r(16, 18), 18),
    (r(1, 3) + r(7, 9) + r(4, 6), 9),
])
def test_dotted_labels_out_of_order_open_their_entries(order, last):
    entries = find_references([BODY, "References\n" + listed(order, "{}.")])
    assert [e.label for e in entries] == [f"{n}." for n in range(1, last + 1)]
    whole(entries, "{}.")


def test_the_entry_a_block_follows_keeps_only_its_own_text():
    entries = find_references([BODY, "References\n" + listed(r(1, 6) + r(13, 18) + r(7, 12) + r(19, 24))])
    six = next(e for e in entries if e.label == "[6]")
    assert six.raw == work(6) and six.title == "Measuring inference costs of oil 6 vision models"
    assert next(e for e in entries if e.label == "[13]").page == 2


@pytest.mark.parametrize("text, labels", [
    # a gap left after reordering: [12] missing (a label the extractor lost): read as before, in order only
    (listed(r(1, 6) + r(13, 18) + r(7, 11)), r(1, 11)),
    # a duplicate: [4] twice
    (listed(r(1, 6) + [4, 5] + r(7, 12)), r(1, 12)),
    # one stray line opening with the next number amid an entry's text (no run of two)
    (listed(r(1, 5)) + "\n[21] and more words of entry five\n" + listed(r(6, 20)), r(1, 20)),
    # below the list's first label (a list from [10])
    (listed(r(10, 14) + [3, 4] + r(15, 16)), r(10, 16)),
    # a block after the list's end (an appendix's own numbered list)
    (listed(r(1, 8)) + "\nAppendix A. Details\n" + listed(r(20, 23)), r(1, 8)),
    # a block from past the end with a gap before it
    (listed(r(1, 6) + r(9, 12)[2:] + r(7, 8)), r(1, 8)),
])
def test_labels_out_of_order_that_are_no_permutation_of_a_run_open_nothing(text, labels):
    entries = find_references([BODY, "References\n" + text])
    assert [e.label for e in entries] == [f"[{n}]" for n in labels]


@pytest.mark.parametrize("text, labels", [
    (listed(r(1, 5), "{}.") + "\n21. Springer, Berlin, second edition of it\n" + listed(r(6, 12), "{}."), r(1, 12)),
    (listed(r(1, 4) + r(10, 12) + r(5, 8), "{}."), r(1, 8)),              # 9. missing: a gap
])
def test_dotted_labels_that_are_no_permutation_of_a_run_open_nothing(text, labels):
    entries = find_references([BODY, "References\n" + text])
    assert [e.label for e in entries] == [f"{n}." for n in labels]


# ---------------------------------------------------------------------------
# author-year lists whose columns interleave: an entry cut at a column's foot, the next entry of the other column
# after it (its own tail comes later, where it cannot be told)

def read(text: str) -> list[str]:
    return [e.raw for e in find_references([BODY, "References\n" + text])]


@pytest.mark.parametrize("cut, then", [
    ("Chen, L., Davis, M., Evans, R., 2020. Carbon\nfootprint of training deep networks on GPU",
     "Lopez, P., Martin, Q., 2021. Water use of data\ncentres in hot climates. Nature Climate 4, 1–9."),
    ("Chen, L., Davis, M., and Evans, R. 2020. Carbon\nfootprint of training deep networks",
     "Lopez, P. and Martin, Q. 2021. Water use of data\ncentres in hot climates. Nature Climate 4, 1–9."),
    ("Chen L, Davis M, Evans R. 2020. Carbon\nfootprint of training deep networks on GPU",
     "Lopez P, Martin Q. 2021. Water use of data\ncentres in hot climates. Nat Clim 4:1–9."),
    ("CHEN, L. and DAVIS, M. 2020. Carbon footprint\nof training deep networks",
     "LOPEZ, P. and MARTIN, Q. 2021. Water use of data\ncentres in hot climates. Nature Climate 4, 1–9."),
    ("Nguyen, T., 2018. Inference costs at scale\nmeasured",
     "Fischer, A., 2017. Measuring power draw of\naccelerators. IEEE Micro 37, 10–19."),
    ("van Dijk, A., Bos, J., 2019. Cooling efficiency in\nhyperscale facilities",
     "de Vries, B., 2020. Bitcoin's growing energy\nproblem. Joule 2, 801–805."),
    ("Müller-Lang, K., 2019. Energiebedarf großer\nSprachmodelle",
     "Østergaard, P. A., 2020. Energy systems\nanalysis. Energy 12, 1–8."),
    ("Chen, L. J., Davis, M. K., 2020. Carbon footprint\nof GPU training. Journal of Green Computing",
     "Lopez, P. A., Martin, Q. R., 2021. Water use of data\ncentres. Nature Climate 4, 1–9."),
    ("Chen, L., 2020. Carbon footprint of GPU training.\nJournal of Green",
     "Lopez, P., 2021a. Water use of data centres.\nNature Climate 4, 1–9."),
    ("Adams, J., Baker, K., 2019. Energy use of large\nlanguage models in practice for green computing",
     "Zhou, Y., Wang, X., Li, H., 2022. Green AI: a\nsurvey. ACM Computing Surveys 55, 1–35."),
])
def test_an_entry_cut_at_a_column_foot_ends_where_the_next_opens(cut, then):
    tail = "Fischer, A., 2017. Measuring power draw of accelerators. IEEE Micro 37, 10–19."
    before = "Adams, J., 2016. An earlier study of things. Journal of Things 1, 1–2."
    got = read("\n".join([before, cut, then, tail]))
    assert got == [before, " ".join(cut.split("\n")), " ".join(then.split("\n")), tail]


@pytest.mark.parametrize("entry", [
    # an author list running over lines
    "Chen, L., Davis, M.,\nEvans, R., 2020. Carbon footprint of training. Journal of Things 3, 1–9.",
    # editors after 'In:', or after 'In'
    "Chen, L., 2020. A chapter on things. In:\nBrown, A., Green, B. (Eds.), Handbook of Things. Springer, pp. 1–10.",
    "Chen, L., 2020. A chapter on things. In\nBrown, A., Green, B., 2019 (Eds.), Handbook of Things. Springer.",
    # a title naming a work by its author and year, the line before ending on a small word
    "Chen, L., 2020. Commentary on\nDarwin, C., 1859. On the origin of species. Notes 5, 1–2.",
    "Chen, L., 2020. A reply to\nLopez, P., 2019. Journal of Things 5, 1–2.",
    "Chen, L., 2020. Carbon footprint, as measured by\nLopez, P., 2019. Journal of Things 5, 1–2.",
    # a venue over lines, an 'In Proceedings of' line, a URL line
    "Chen, L., 2020. Carbon footprint of training\nIn Proceedings of the 2020 Conference on Things, pp. 1–9.",
    "Chen, L., 2020. Carbon footprint of training. Available\nhttps://example.org/carbon, 2020.",
    # a name at the line's start with no year after it (no author-year head)
    "Chen, L., 2020. Carbon footprint of training\nLopez, P., Martin, Q. and others in Journal of Things 3, 1–9.",
    # names after an '&' or a comma closing the line
    "Chen, L., 2020. Carbon footprint of training, with notes by Smith &\nJones, K., 2019. Things 3, 1–9.",
])
def test_an_entry_is_never_split_in_its_middle(entry):
    before = "Adams, J., 2016. An earlier study of things. Journal of Things 1, 1–2."
    after = "Fischer, A., 2017. Measuring power draw of accelerators. IEEE Micro 37, 10–19."
    assert read("\n".join([before, entry, after])) == [before, " ".join(entry.split("\n")), after]


@pytest.mark.parametrize("cut, then", [
    # a list of names given first (no inverted head): not split by this rule
    ("Li Chen and Mark Davis. 2020. Carbon footprint\nof training deep networks",
     "Lopez, P., Martin, Q., 2021. Water use of data centres. Nature Climate 4, 1–9."),
    ("Chen, L., 2020. Carbon footprint of training deep\nnetworks",
     "Pedro Lopez and Quinn Martin. 2021. Water use of data centres. Nature Climate 4, 1–9."),
])
def test_only_a_list_of_inverted_names_is_split_so(cut, then):
    got = read("\n".join([cut, then]))
    assert len(got) == 1


# ---------------------------------------------------------------------------
# an entry cut at a block's foot in a list read out of order: its tail, before its next label, is at the end of
# another entry; it must not give that entry its identifier

def seamed(n: int) -> list[str]:
    """Entry n over three lines, the last its arXiv id; over two, without one, where n is a multiple of 3 (an
    entry without an identifier of its own takes the first the text gives it)."""
    return [f"[{n}] Ann Author{n} and Bo Writer. 2020. Measuring the {TOPICS[n % len(TOPICS)]}",
            f"footprint of things, part {n}. In Proceedings of Things.",
            f"arXiv preprint arXiv:2001.{n:05d}."][:3 if n % 3 else 2]


def lay(*parts) -> str:
    out = []
    for part in parts:
        if isinstance(part, tuple):          # (n, first, last): lines first..last-1 of entry n
            n, a, b = part
            out += seamed(n)[a:b]
        else:
            for n in part:
                out += seamed(n)
    return "\n".join(out)


@pytest.mark.parametrize("text", [
    # [5] cut after its first line, its tail before [6], at the end of [18]
    lay(r(1, 4), (5, 0, 1), r(13, 18), (5, 1, 3), r(6, 12), r(19, 22)),
    # cut after its second line
    lay(r(1, 4), (5, 0, 2), r(13, 18), (5, 2, 3), r(6, 12), r(19, 22)),
    lay(r(1, 6), (7, 0, 2), r(13, 18), (7, 2, 3), r(8, 12), r(19, 22)),
    # [5] cut, and [11] cut across to the other column's top, before [12], at the end of [5]
    lay(r(1, 4), (5, 0, 1), (11, 1, 3), r(12, 17), (5, 1, 3), r(6, 10), (11, 0, 1), r(18, 20)),
    # [11] alone cut across to the other column's top, before [12], at the end of [6]
    lay(r(1, 6), (11, 1, 3), r(12, 17), r(7, 10), (11, 0, 1), r(18, 20)),
    # three blocks, two cut
    lay(r(1, 3), (4, 0, 1), r(10, 12), (4, 1, 3), r(5, 7), (8, 0, 2), r(13, 15), (8, 2, 3), r(9, 9), r(16, 18)),
])
def test_no_entry_takes_the_identifier_of_an_entry_cut_at_a_seam(text):
    entries = find_references([BODY, "References\n" + text])
    labels = [e.label for e in entries]
    assert labels == [f"[{n}]" for n in range(1, len(entries) + 1)] and len(entries) >= 15
    for e in entries:
        assert e.arxiv_id in (None, f"2001.{int(e.label.strip('[]')):05d}"), (e.label, e.arxiv_id, e.raw)
    # entries the seams leave alone are whole
    whole_ones = [e for e in entries if e.raw == " ".join(seamed(int(e.label.strip("[]"))))[len(e.label) + 1:]]
    assert len(whole_ones) >= len(entries) - 4


@pytest.mark.parametrize("text, within", [
    # labels out of order with a gap ([12] lost): no permutation; [6] ends before [13]
    (lay(r(1, 6), r(13, 18), r(7, 11)), {6: 13}),
    # a block given twice
    (lay(r(1, 6), r(4, 5), r(7, 10)), {6: 4}),
    # numbered again from [1] after the list (a second list without a heading)
    (lay(r(1, 9), r(1, 3)), {9: 1}),
    # a stray line opening with a label amid an entry
    (lay(r(1, 5)) + "\n[21] Zed Stray. 2020. A work of its own. arXiv preprint arXiv:2001.00021.\n" + lay(r(6, 9)),
     {5: 21}),
    # labels far ahead (a jump of more than three), no permutation
    (lay(r(1, 3), r(30, 31), r(4, 8)), {3: 30}),
])
def test_an_entry_ends_before_a_label_the_list_does_not_take(text, within):
    entries = find_references([BODY, "References\n" + text])
    for e in entries:
        n = int(e.label.strip("[]"))
        assert e.arxiv_id in (None, f"2001.{n:05d}"), (e.label, e.arxiv_id, e.raw)
    for n, other in within.items():
        e = next(e for e in entries if e.label == f"[{n}]")
        assert f"Author{other} " not in e.raw and "Stray" not in e.raw, e.raw
        assert e.raw.startswith(f"Ann Author{n} and Bo Writer. 2020.")
