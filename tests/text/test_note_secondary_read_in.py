"""A secondary citation checks its quote in the work read, the one it is quoted in, at that work's page, never in the
work it quotes: MLA's '(Doe et al. 8, quoting Roe et al.)' and '(Roe 2019, qtd. in Doe et al. 8)' (were passages citing
nothing), a citation by number or key followed by the work read, '[3] (quoted in [5])', '[@roe] (qtd. in [@doe, p. 8])'
(were checked in [3], the work quoted, and verified there); a work read kb cannot tell is no check at all."""

from __future__ import annotations

import pytest

from kb.text.notes import parse_note

QUOTE = "Academic researchers need equitable access to computation resources."
IEEE = ('\n\n## References\n\n[3] E. Roe, A. Poe, "Energy and policy," in Proc. ACL, 2019.\n\n'
        '[5] D. Doe et al., "Carbon emissions and training," arXiv, 2021.\n\n[7] J. Moe, "Other," 2022.\n')


def _one(cite: str, refs: str = "") -> tuple:
    [q] = parse_note(f'They note "{QUOTE}" {cite}.{refs}\n').quotes
    return q.citekey, q.source_text, q.attribution, q.page


@pytest.mark.parametrize("cite, who, page", [
    ("(Doe et al. 8, quoting Roe et al.)", "Doe et al.", "8"),
    ("(Doe et al. 8, citing Roe et al. 2019)", "Doe et al.", "8"),
    ("(Doe et al. 8; quoting Roe et al. 5)", "Doe et al.", "8"),
    ("(Doe and Moe 12-13, who quotes Roe)", "Doe and Moe", "12-13"),
    ("(Roe et al. 2019, qtd. in Doe et al. 8)", "Doe et al.", "8"),
    ("(Roe 5, qtd. in Doe 8)", "Doe", "8"),
    ("(Roe et al., 2019, p. 3, quoted in Doe et al. 8)", "Doe et al.", "8"),
    ("(Roe and Poe 2019, as cited in Doe 4)", "Doe", "4"),
])
def test_mla_secondary_citation_cites_the_work_read_at_its_page(cite, who, page):
    citekey, _, attribution, got = _one(cite)
    assert (citekey, attribution, got) == (None, who if who.endswith(".") else who + ".", page)


@pytest.mark.parametrize("cite, key, page", [
    ("[@roe2019] (qtd. in [@doe2021, p. 8])", "doe2021", "8"),
    ("[@roe2019, p. 5], as cited in [@doe2021]", "doe2021", None),
    ("[@roe2019] (quoted in [@doe2021], p. 8)", "doe2021", "8"),
    ("[@roe2019] (cited by [@doe2021, 12])", "doe2021", "12"),
])
def test_a_key_followed_by_the_work_read_cites_the_work_read(cite, key, page):
    citekey, _, _, got = _one(cite)
    assert (citekey, got) == (key, page)


@pytest.mark.parametrize("cite, marker, page", [
    ("[3] (quoted in [5])", "[5]", None),
    ("[3] (quoted in [5], p. 8)", "[5]", "8"),
    ("[3], as cited in [5]", "[5]", None),
    ("[3] (reproduced in [7])", "[7]", None),
    ("[5] (quoting [3])", "[5]", None),
])
def test_a_number_followed_by_the_work_read_cites_the_work_read(cite, marker, page):
    _, source, _, got = _one(cite, IEEE)
    assert (source, got) == (marker, page)


def test_a_key_followed_by_names_of_the_work_read_cites_those_names():
    citekey, _, attribution, _ = _one("[@roe2019, p. 5] (cited in Doe et al., 2021)")
    assert citekey is None and attribution.startswith("Doe et al. 2021")


@pytest.mark.parametrize("cite", [
    "[3] (quoted in [5]-[7])",           # no one work read
    "[3] (quoted in [5]; [7])",
    "[3] (quoted in Table 2 of [5])",    # a work read kb does not read
    "[@roe2019] (qtd. in Chapter 4)",
    "[@roe2019] (quoted in [@doe2021]",  # never closed
])
def test_a_work_read_kb_cannot_tell_is_no_check_never_the_work_quoted(cite):
    note = parse_note(f'They note "{QUOTE}" {cite}.{IEEE}\n')
    assert all(q.source_text != "[3]" and q.citekey != "roe2019" for q in note.quotes), note.quotes


@pytest.mark.parametrize("cite, source, key", [
    ("[3] (see also [5])", "[3]", None),          # a work set beside, no work read
    ("[3], cited in the introduction", "[3]", None),
    ("[@roe2019] (cf. [@doe2021])", None, "roe2019"),
])
def test_a_citation_followed_by_no_work_read_stays_the_quotes(cite, source, key):
    citekey, got, _, _ = _one(cite, IEEE)
    assert (citekey or None, got if key is None else None) == (key, source)
