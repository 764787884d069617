"""A work a citation sets beside the quote's by a comparison signal after it ('see also', 'cf.', 'compare', 'but see',
'contra', 'vgl.') is no source of the quote, in every form of a citation of several works: names and a year in one
bracket, pandoc's keys, numbers in square brackets (the quote was checked in each work of '(Doe, 2019; see also Roe,
2020)' and '[@a; cf. @b]', and '[1; see also 4]' was read as citing nothing). A signal opening the citation governs
every work of it, the only ones it names: they stay the quote's ('(cf. Doe, 2019; Roe, 2020)'), as 'see' and 'e.g.'
do, which list sources."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

_Q = "Major technology companies have also been increasingly committed to reducing their emissions"


def _named(q) -> str:
    what = f"@{q.citekey}" if q.citekey else q.source_text or q.attribution
    return what + (f" p{q.page}" if q.page else "")


@pytest.mark.parametrize("cite, cited, beside, signal", [
    ("(Doe, 2019; see also Roe, 2020)", ["Doe. 2019."], ["Roe. 2020."], "see also"),
    ("(Doe et al. 2022; cf. Roe and Lee 2023)", ["Doe et al. 2022."], ["Roe and Lee. 2023."], "cf."),
    ("(Doe, 2019, p. 4; compare Roe, 2020)", ["Doe. 2019. p4"], ["Roe. 2020."], "compare"),
    ("(Doe, 2019; but see Roe, 2020, p. 7)", ["Doe. 2019."], ["Roe. 2020. p7"], "but see"),
    ("(Doe, 2019; contra Roe, 2020)", ["Doe. 2019."], ["Roe. 2020."], "contra"),
    ("(Doe 2019, S. 4; vgl. Roe 2020)", ["Doe. 2019. p4"], ["Roe. 2020."], "vgl."),
    ("(Doe, 2019; Poe, 2018; see also Roe, 2020; Lee, 2021)", ["Doe. 2019.", "Poe. 2018."],
     ["Roe. 2020.", "Lee. 2021."], "see also"),
    ("[@doe2019; see also @roe2020]", ["@doe2019"], ["@roe2020"], "see also"),
    ("[@doe2019, p. 3; cf. @roe2020, p. 9]", ["@doe2019 p3"], ["@roe2020 p9"], "cf."),
    ("[@doe2019; @poe2018; but see @roe2020]", ["@doe2019", "@poe2018"], ["@roe2020"], "but see"),
    ("[1; see also 4]", ["[1]"], ["[4]"], "see also"),
    ("[1, cf. 4]", ["[1]"], ["[4]"], "cf."),
    ("[1, p. 3; see also 4, 5]", ["[1] p3"], ["[4]", "[5]"], "see also"),
    ("[2, 3; compare 7]", ["[2]", "[3]"], ["[7]"], "compare"),
    ("[1; cf. 4, p. 2]", ["[1]"], ["[4] p2"], "cf."),
])
def test_works_after_a_comparison_signal_are_set_beside_never_cited(cite, cited, beside, signal) -> None:
    [q] = parse_note(f'As they show, "{_Q}" {cite}.\n').quotes
    assert ([_named(q)] + [_named(a) for a in q.also], [_named(b) for b in q.set_beside], q.signal) \
        == (cited, beside, signal)


@pytest.mark.parametrize("cite, cited", [
    # (a signal opening the citation: every work it names is the quote's, as before)
    ("(cf. Doe, 2019; Roe, 2020)", ["Doe. 2019.", "Roe. 2020."]),
    ("(see also Doe, 2019)", ["Doe. 2019."]),
    ("[see also @doe2019; @roe2020]", ["@doe2019", "@roe2020"]),
    # ('see' and 'e.g.' list sources: each work is asked)
    ("(see Doe, 2019; Roe, 2020)", ["Doe. 2019.", "Roe. 2020."]),
    ("(Doe, 2019; see Roe, 2020)", ["Doe. 2019.", "Roe. 2020."]),
    ("(e.g., Doe, 2019; Roe, 2020)", ["Doe. 2019.", "Roe. 2020."]),
    ("(Doe, 2019; e.g., Roe, 2020)", ["Doe. 2019.", "Roe. 2020."]),
    ("[@doe2019; e.g. @roe2020]", ["@doe2019", "@roe2020"]),
    ("[@doe2019; @roe2020]", ["@doe2019", "@roe2020"]),
    ("[1, 4]", ["[1]", "[4]"]),
    ("[1; 4]", ["[1]", "[4]"]),
])
def test_works_with_no_comparison_signal_between_them_are_each_cited(cite, cited) -> None:
    [q] = parse_note(f'As they show, "{_Q}" {cite}.\n').quotes
    assert ([_named(q)] + [_named(a) for a in q.also], q.set_beside) == (cited, [])


@pytest.mark.parametrize("cite", ["[1; see also]", "[see also 4; 1]", "[1; see also the appendix]", "[1; cf. Table 2]"])
def test_a_signal_setting_no_numbered_work_beside_is_no_such_citation(cite) -> None:
    quotes = parse_note(f'As they show, "{_Q}" {cite}.\n').quotes
    assert all(not q.set_beside for q in quotes)
