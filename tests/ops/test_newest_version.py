"""kb.ops.quotes: a quote or claim verified in an older version, read against the newest version kb holds."""

from __future__ import annotations

import pytest

from kb.ops.claims import add_claim
from kb.ops.papers import load_text
from kb.ops.quotes import add_quote, verify_papers
from kb.ops.session import open_kb
from kb.store.knowledgebase import KB

BIB = "@misc{luccioni2023power, title = {Power Hungry Processing}, author = {Luccioni, Sasha}, year = {2023}}\n"
V1 = ("Results. Charging the average smartphone requires 0.012 kWh of energy in our setting. "
      "Training the model took 12 days on eight GPUs.\fA second page of the paper.")


def _verdicts(kb_root, tmp_path, v2: str) -> dict:
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = KB.open(kb_root)
    for version, text in (("v1", V1), ("v2", v2)):
        (tmp_path / f"{version}.txt").write_text(text, "utf-8")
        load_text(kb, "luccioni2023power", tmp_path / f"{version}.txt", version=version, extractor="pypdf")
        if version == "v1":
            add_quote(kb, "luccioni2023power", "Training the model took 12 days on eight GPUs.", version="v1",
                      quote_id="q")
            add_claim(kb, "luccioni2023power", "12 days", quote="Training the model took 12 days on eight GPUs.",
                      version="v1", claim_id="days")
    return {v.kind: v for v in verify_papers(kb, jobs=1)}


@pytest.mark.parametrize("v2, stale", [
    (V1.replace("12 days", "13 days"), "12 -> 13"),                 # the figure changed
    (V1.replace("12 days", "12 hours"), "days -> hours"),           # its unit
    (V1.replace("Training the model took 12 days on eight GPUs.", "We thank the reviewers."),
     "v2 prints nothing like it"),                                  # the sentence deleted
])
def test_a_claim_is_stale_where_the_newest_version_no_longer_holds_its_quote(kb_root, tmp_path, v2, stale):
    by = _verdicts(kb_root, tmp_path, v2)
    assert by["quote"].status == "stale", by["quote"]
    claim = by["claim"]
    assert claim.status == "stale", claim
    said = "verified in v1, but not in v2; " + ("" if "nothing" in stale else "page 1: ")
    assert said in claim.message and stale in claim.message, claim.message


@pytest.mark.parametrize("mark", ["\u2020"])
def test_a_footnote_mark_a_newer_version_adds_after_a_quoted_word_is_no_change(kb_root, tmp_path, mark):
    v2 = V1.replace("the model took", f"the model{mark} took").replace("\fA second", f"\n{mark}On a cluster.\fA second")
    by = _verdicts(kb_root, tmp_path, v2)
    assert by["quote"].status == by["claim"].status == "ok", (by["quote"], by["claim"])
    assert f"only a footnote's mark differs: model -> model{mark}" in by["claim"].message


def test_a_check_resting_on_a_claim_a_newer_version_no_longer_prints_says_so(kb_root, tmp_path):
    from kb.ops.claims import run_checks

    _verdicts(kb_root, tmp_path, V1.replace("12 days", "13 days"))
    (kb_root / "claims" / "checks.toml").write_text('[[check]]\nid = "days"\nstated = "12 days"\n'
                                                    'expr = "luccioni2023power.days"\n', "utf-8")
    result = run_checks(KB.open(kb_root))[0]
    assert result.verdict == "pass" and "luccioni2023power.days" in result.unverified, result
    assert "stale: verified in v1, but not in v2; page 1: differs: 12 -> 13" in "\n".join(result.explanation)


def test_a_quote_the_second_extraction_of_the_newest_version_holds_is_no_change(kb_root, tmp_path):
    """v2's first extraction misreads the sentence ("tοok", a Greek omicron); its second, kept as kb add
    --extractor both keeps it, reads it right: no change between versions, as the quote's own version is read."""
    _verdicts(kb_root, tmp_path, V1.replace("took", "t\u03bfok"))
    kb = KB.open(kb_root)
    with kb.db.conn:
        kb.db.conn.execute("insert into second_pages (version_id, page, extractor, text) select id, 1, 'pdfium', ? "
                           "from versions where citekey = 'luccioni2023power' and version = 'v2'", [V1.split("\f")[0]])
    by = {v.kind: v for v in verify_papers(kb, jobs=1)}
    assert by["quote"].status == by["claim"].status == "ok", (by["quote"], by["claim"])


def test_a_claim_whose_unit_a_newer_version_changes_in_its_tables_header_is_stale(kb_root, tmp_path):
    """The row quoted is the same in v2; the header giving its unit is not: the figure changed."""
    table = "Table 1: Energy of training.\nModel Energy (kWh)\nBERT 593\nGPT-2 1287\fA second page."
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = KB.open(kb_root)
    for version, text in (("v1", table), ("v2", table.replace("(kWh)", "(MWh)"))):
        (tmp_path / f"{version}.txt").write_text(text, "utf-8")
        load_text(kb, "luccioni2023power", tmp_path / f"{version}.txt", version=version, extractor="pypdf")
        if version == "v1":
            add_claim(kb, "luccioni2023power", "593 kWh", quote="BERT 593", version="v1", claim_id="bert")
    (claim,) = verify_papers(kb, jobs=1)
    assert claim.status == "stale" and "verified in v1, but v2 prints its quote with another figure; page 1" \
        in claim.message, claim
    assert (claim.to_dict()["stale_in"], claim.to_dict()["moved_in"]) == ("v2", None), claim     # kb verify --json


# -- listed where a person looks: kb quote ls, kb claims, kb search, as kb verify decides it ----------------------

_QUOTE = "Training the model took 12 days on eight GPUs."


def _listed(kb) -> dict:
    """What each listing says of the quote and the claim: (status, stale_in)."""
    from kb.ops.claims import claim_lines, list_claims
    from kb.ops.quotes import list_quotes
    from kb.ops.search import search

    (q,), (c,) = list_quotes(kb), list_claims(kb)
    hits = {h.kind: h for h in search(kb, "eight GPUs", kinds=("quote", "claim"))}
    line = claim_lines(kb)[0]
    return {"quote": (q["status"], q["stale_in"]), "claim": (c["status"], c["stale_in"]),
            "search": (hits["quote"].status, hits["quote"].stale_in, hits["claim"].status, hits["claim"].stale_in),
            "line": line[4], "said": (q["stale"], c["stale"])}


@pytest.mark.parametrize("v2, changed", [
    (V1.replace("12 days", "13 days"), True),                               # the figure
    (V1.replace("12 days", "12 hours"), True),                              # its unit
    (V1.replace("took 12", "never took 12"), True),                         # a negation
    (V1.replace("eight GPUs", "four GPUs"), True),                          # a word
    (V1.replace(_QUOTE, "We thank the reviewers."), True),                  # deleted
    (V1, False),                                                            # unchanged
    (V1.replace("Results. ", "Results of the second version. "), False),    # the text around it
    (V1.replace(" took 12", " took\n12"), False),                           # lines broken elsewhere
    (V1.replace("the model took", "the model\u2020 took").replace("\fA second", "\n\u2020On a cluster.\fA second"),
     False),                                                                # a footnote's mark
])
@pytest.mark.parametrize("v2_first", [False, True])
def test_a_quote_and_claim_a_newer_version_changed_are_listed_stale_as_kb_verify_says(kb_root, tmp_path, v2, changed,
                                                                                       v2_first):
    """The listings read the index (the derive step stores what kb verify decides), whether v2 came before the
    quote or after it: stale with the version it changed in where kb verify says stale, verified otherwise."""
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    order = [("v2", v2), ("v1", V1)] if v2_first else [("v1", V1), ("v2", v2)]
    for n, (version, text) in enumerate(order):
        (tmp_path / f"{version}.txt").write_text(text, "utf-8")
        load_text(kb, "luccioni2023power", tmp_path / f"{version}.txt", version=version, extractor="pypdf")
        if n == 0 and not v2_first or n == 1:
            if not list(kb.conn.execute("select 1 from quotes")):
                add_quote(kb, "luccioni2023power", _QUOTE, version="v1", quote_id="q")
                add_claim(kb, "luccioni2023power", "12 days", quote=_QUOTE, version="v1", claim_id="days")
    verdicts = {v.kind: v for v in verify_papers(kb, jobs=1)}
    assert {v.status for v in verdicts.values()} == ({"stale"} if changed else {"ok"}), verdicts
    listed = _listed(open_kb(kb_root))
    if changed:
        assert listed["quote"] == listed["claim"] == ("stale", "v2"), listed
        assert listed["search"] == ("stale", "v2", "stale", "v2") and listed["line"] == "STALE: not in v2", listed
        assert listed["said"] == (verdicts["quote"].message, verdicts["claim"].message), listed
    else:
        assert listed["quote"] == listed["claim"] == ("verified", None), listed
        assert listed["search"] == ("verified", None, "verified", None) and listed["line"] == "", listed


def test_a_stale_quote_is_verified_again_once_the_newest_text_prints_it_and_unverified_wins(kb_root, tmp_path):
    """v2's text loaded again, now printing the quote, lifts the mark; a claim edited by hand so its quote is not in
    v1 is unverified, never stale; a v3 printing the quote again leaves nothing stale."""
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    for version, text in (("v1", V1), ("v2", V1.replace("12 days", "13 days"))):
        (tmp_path / f"{version}.txt").write_text(text, "utf-8")
        load_text(kb, "luccioni2023power", tmp_path / f"{version}.txt", version=version, extractor="pypdf")
        if version == "v1":
            add_quote(kb, "luccioni2023power", _QUOTE, version="v1", quote_id="q")
            add_claim(kb, "luccioni2023power", "12 days", quote=_QUOTE, version="v1", claim_id="days")
    assert _listed(kb)["quote"] == ("stale", "v2")
    (tmp_path / "v3.txt").write_text(V1, "utf-8")
    load_text(kb, "luccioni2023power", tmp_path / "v3.txt", version="v3", extractor="pypdf")
    assert _listed(open_kb(kb_root))["claim"] == ("verified", None)
    (tmp_path / "v4.txt").write_text(V1.replace("12 days", "14 days"), "utf-8")
    load_text(kb, "luccioni2023power", tmp_path / "v4.txt", version="v4", extractor="pypdf")
    assert _listed(open_kb(kb_root))["claim"] == ("stale", "v4")
    path = kb_root / "claims" / "luccioni2023power.toml"
    path.write_text(path.read_text("utf-8").replace('quote = "Training the model took 12 days',
                                                    'quote = "Training the model took 15 days'), "utf-8")
    listed = _listed(open_kb(kb_root))
    assert listed["claim"] == ("unverified", None) and listed["quote"] == ("stale", "v4"), listed


# -- a footnote's mark is no word: added, dropped or printed otherwise between versions ---------------------------

_RATE = "Intro. The error rate fell to 9% on the test set after tuning. More words.\fSecond page."
_SAID = "The error rate fell to 9% on the test set after tuning."
_NOTE = "\n\u2020 On the held-out split.\fSecond page."


@pytest.mark.parametrize("v1, v2, quote, changed", [
    (_RATE, _RATE.replace("9%", "9%\u2020").replace("\fSecond page.", _NOTE), _SAID, False),     # after a percent
    (_RATE, _RATE.replace("9%", "9%*").replace("\fSecond page.", "\n* Rounded.\fSecond page."), _SAID, False),
    (_RATE, _RATE.replace("9%", "9%\u00b9").replace("\fSecond page.", "\n\u00b9See the appendix.\fSecond page."),
     _SAID, False),                                                                                # raised digit
    (_RATE, _RATE.replace("9%", "9%\u2020") + "\fTable notes.\n\u2020 On the held-out split.", _SAID, False),
    (_RATE.replace("9%", "9%\u2020").replace("\fSecond page.", _NOTE), _RATE, _SAID.replace("9%", "9%\u2020"),
     False),                                                                                       # dropped
    (_RATE.replace("9%", "9%\u2020").replace("\fSecond page.", _NOTE),
     _RATE.replace("9%", "9%\u2021").replace("\fSecond page.", "\n\u2021 On the held-out split.\fSecond page."),
     _SAID.replace("9%", "9%\u2020"), False),                                                      # another mark
    (_RATE, _RATE.replace("9%", "8%\u2020").replace("\fSecond page.", _NOTE), _SAID, True),       # the figure too
    (_RATE, _RATE.replace("9%", "91%"), _SAID, True),
    (_RATE, _RATE.replace("9%", "9%\u00b2"), _SAID, True),                   # no footnote 2: a percent squared?
    (_RATE, _RATE.replace("fell to", "never fell to\u2020").replace("\fSecond page.", _NOTE), _SAID, True),
    (_RATE, _RATE.replace("test set", "test set\u00a7"), _SAID, True),        # no footnote names the mark
    (_RATE.replace("9%", "9%\u2020").replace("\fSecond page.", _NOTE), _RATE.replace("9%", "8%"),
     _SAID.replace("9%", "9%\u2020"), True),                                 # dropped with the figure changed
])
def test_a_footnote_mark_between_versions_is_no_change_and_a_figure_beside_it_is(kb_root, tmp_path, v1, v2, quote,
                                                                                 changed):
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    for version, text in (("v1", v1), ("v2", v2)):
        (tmp_path / f"{version}.txt").write_text(text, "utf-8")
        load_text(kb, "luccioni2023power", tmp_path / f"{version}.txt", version=version, extractor="pypdf")
        if version == "v1":
            add_quote(kb, "luccioni2023power", quote, version="v1", quote_id="q")
            add_claim(kb, "luccioni2023power", "9 %", quote=quote, version="v1", claim_id="rate")
    verdicts = {v.kind: v for v in verify_papers(kb, jobs=1)}
    assert {v.status for v in verdicts.values()} == ({"stale"} if changed else {"ok"}), verdicts
    from kb.ops.quotes import list_quotes
    assert list_quotes(open_kb(kb_root))[0]["status"] == ("stale" if changed else "verified")
    if not changed:
        assert "only a footnote's mark differs: " in verdicts["quote"].message, verdicts["quote"]


REFS = ["Jane Doe. 2019. Energy of training language models. In Proceedings of ACL.",
        "Ann Lee. 2020. Carbon accounting for data centres. arXiv preprint arXiv:2001.01234.",
        "Bob Wu. 2021. Measuring inference costs of vision models. In Proceedings of CVPR."]
ADDED = "Kim Park. 2022. A survey of green computing for deep learning. In Proceedings of NeurIPS."


def _cited_text(sentence: str, refs: list[str], first: int = 1) -> str:
    listed = "\n".join(f"[{i}] {r}" for i, r in enumerate(refs, first))
    return (f"Introduction. Results of our study follow. {sentence} We go on.\fConclusion. We are done.\n"
            f"References\n{listed}\n")


@pytest.mark.parametrize("v2_sentence, v2_refs, stale", [
    ("Training large models emits much carbon [3] as prior work has shown.", [ADDED] + REFS, False),  # renumbered
    ("Training large models emits much carbon as prior work has shown.", REFS, False),                # dropped
    ("Training large models emits much carbon [3] as prior work has shown.", REFS, True),       # another work cited
    ("Training large models emits much carbon 3 as prior work has shown.", [ADDED] + REFS, True),  # no citation
    ("Training large models emits little carbon [3] as prior work has shown.", [ADDED] + REFS, True),  # a word
    ("Training large models emits much carbon [3, 4] as prior work has shown.", [ADDED] + REFS, False),  # one added
    ("Training large models emits much carbon [1, 3] as prior work has shown.", REFS, True),   # the quote's gone
])
def test_a_citation_a_newer_version_renumbers_or_drops_is_no_change(kb_root, tmp_path, v2_sentence, v2_refs, stale):
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = KB.open(kb_root)
    quote = "Training large models emits much carbon [2] as prior work has shown."
    for version, text in (("v1", _cited_text(quote, REFS)), ("v2", _cited_text(v2_sentence, v2_refs))):
        (tmp_path / f"{version}.txt").write_text(text, "utf-8")
        load_text(kb, "luccioni2023power", tmp_path / f"{version}.txt", version=version, extractor="pypdf")
        if version == "v1":
            add_quote(kb, "luccioni2023power", quote, version="v1", quote_id="q")
    verdict = next(v for v in verify_papers(kb, jobs=1) if v.kind == "quote")
    assert verdict.status == ("stale" if stale else "ok"), verdict
    assert stale or "only a citation's mark differs: [2] -> " in verdict.message, verdict.message


@pytest.mark.parametrize("v2, said", [
    ("A new first page.\f" + V1, " (in v2, page 2)"),                       # a page added before it
    (V1.replace("Results. ", "Results.\fA page inserted.\f"), " (in v2, page 3)"),
    (V1 + "\fA page added after it.", ""),                                  # the same page: nothing said
    (V1.replace("Training the model", "Training\fthe model"), ""),  # from the same page across its break
])
def test_a_quote_a_newer_version_prints_on_another_page_is_no_change_and_its_page_is_said(kb_root, tmp_path, v2, said):
    by = _verdicts(kb_root, tmp_path, v2)
    for kind in ("quote", "claim"):
        assert by[kind].status == "ok" and by[kind].page == 1, by[kind]
        assert by[kind].message.endswith("page 1" + said), by[kind].message


@pytest.mark.parametrize("v2_sentence, v2_refs, stale", [
    ("Training large models emits much carbon [12] as prior work has shown.", [ADDED] + REFS, False),  # renumbered
    ("Training large models emits much carbon as prior work has shown.", REFS, False),                # dropped
    ("Training large models emits much carbon [12] as prior work has shown.", REFS, True),       # another work
    ("Training large models emits much carbon [11, 12] as prior work has shown.", REFS, False),  # one added
])
def test_a_citation_into_a_list_numbered_from_past_one_is_read_as_one_into_any(kb_root, tmp_path, v2_sentence, v2_refs,
                                                                               stale):
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = KB.open(kb_root)
    quote = "Training large models emits much carbon [11] as prior work has shown."
    for version, text in (("v1", _cited_text(quote, REFS, 10)), ("v2", _cited_text(v2_sentence, v2_refs, 10))):
        (tmp_path / f"{version}.txt").write_text(text, "utf-8")
        load_text(kb, "luccioni2023power", tmp_path / f"{version}.txt", version=version, extractor="pypdf")
        if version == "v1":
            add_quote(kb, "luccioni2023power", quote, version="v1", quote_id="q")
    verdict = next(v for v in verify_papers(kb, jobs=1) if v.kind == "quote")
    assert verdict.status == ("stale" if stale else "ok"), verdict


_PUE = "Our method. We use a PUE coefficient of 1.58, the 2018 global\naverage for data centers {}. Then the total.\f" \
       "References\nAscierto, R. 2018. Uptime Institute global data center survey. Technical report.\n"


@pytest.mark.parametrize("v2_group, stale", [
    ("( Ascierto, 2018; Shehabi et al., 2016)", False),      # a work cited beside it: no word the matcher compares
    ("( Shehabi et al., 2016; Ascierto, 2018)", False),
    ("( Ascierto, 2019; Shehabi et al., 2016)", True),       # its year changed
    ("( Shehabi et al., 2016)", True),                       # another work in its place
])
def test_an_author_year_group_a_newer_version_cites_more_in_is_no_change(kb_root, tmp_path, v2_group, stale):
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = KB.open(kb_root)
    quote = "We use a PUE coefficient of 1.58, the 2018 global average for data centers (Ascierto, 2018)."
    for version, group in (("v1", "( Ascierto, 2018)"), ("v2", v2_group)):
        (tmp_path / f"{version}.txt").write_text(_PUE.format(group), "utf-8")
        load_text(kb, "luccioni2023power", tmp_path / f"{version}.txt", version=version, extractor="pypdf")
        if version == "v1":
            add_quote(kb, "luccioni2023power", quote, version="v1", quote_id="q")
    verdict = next(v for v in verify_papers(kb, jobs=1) if v.kind == "quote")
    assert verdict.status == ("stale" if stale else "ok"), verdict


_NEIGHBOURS = ("Training the model took 12 days on eight GPUs. Finetuning the model took 2 days on eight GPUs. "
               "Evaluating the model took one hour on eight GPUs.")


@pytest.mark.parametrize("v2, said", [
    # the sentence deleted or rewritten throughout: another sentence, never a word diff read as a rewording
    (V1.replace("Training the model took 12 days on eight GPUs.", "Inference on the model took 2 hours on one GPU."),
     "gone"),
    (V1.replace("Training the model took 12 days on eight GPUs.", "Our model trained for twelve days."), "gone"),
    # revisions of the quote: the words v2 changed
    (V1.replace("12 days", "13 days"), "revision"),
    (V1.replace("took 12 days", "took about 12 days"), "revision"),
    (V1.replace("Training the model took", "Training our model took"), "revision"),
    (V1.replace("on eight GPUs.", "on eight GPUs of the cluster."), "revision"),
])
def test_a_quote_a_newer_version_deleted_is_said_gone_and_a_revised_one_its_differences(kb_root, tmp_path, v2, said):
    by = _verdicts(kb_root, tmp_path, v2)
    for v in (by["quote"], by["claim"]):
        assert v.status == "stale", v
        if said == "gone":
            assert "v2 prints nothing like it (deleted or rewritten)" in v.message and "differs" not in v.message, v
        else:
            assert "but not in v2; page 1: " in v.message and "nothing like it" not in v.message, v


def test_a_deleted_sentence_whose_neighbour_v1_prints_too_is_another_sentence(kb_root, tmp_path):
    """Most of the quote's words kept in order, but in a sentence v1 prints apart from the quote: not its revision."""
    global V1
    old, V1 = V1, V1.replace("Training the model took 12 days on eight GPUs.", _NEIGHBOURS)
    try:
        by = _verdicts(kb_root, tmp_path, V1.replace("Training the model took 12 days on eight GPUs. ", ""))
    finally:
        V1 = old
    assert by["quote"].status == "stale", by["quote"]
    assert "is another sentence sharing some of its words: \"Finetuning the model took 2 days" in by["quote"].message


@pytest.mark.parametrize("v2, stale", [
    (V1.replace("12 days", "13 days"), ("v2", ["q"], ["days"])),
    (V1.replace(_QUOTE, "We thank the reviewers."), ("v2", ["q"], ["days"])),
    (V1.replace("A second page", "Another second page"), (None, [], [])),
])
def test_kb_show_says_which_of_a_papers_quotes_and_claims_are_stale_in_its_newest_version(kb_root, tmp_path, v2,
                                                                                          stale):
    from kb.ops.library import show_paper

    _verdicts(kb_root, tmp_path, v2)
    info = show_paper(open_kb(kb_root), "luccioni2023power")
    assert (info["stale_in"], info["stale_quotes"], info["stale_claims"]) == stale, info


@pytest.mark.parametrize("differences, words, revises", [
    ([("12", "13")], 9, True),
    ([("Of note is that", "Notably,")], 18, True),
    ([("none", "majority"), ("", "(76)"), ("either Africa nor South America", "countries representing the")], 15,
     False),
    ([("a b c d", "e")], 12, True),
    ([("a b c d e", "f")], 12, False),
    ([("", "not")], 5, True),
    ([], 5, True),
])
def test_a_closest_passage_revises_a_quote_keeping_two_thirds_of_its_words(differences, words, revises):
    from kb.text.match import NearMiss

    near = NearMiss(page=1, page_end=1, passage="p", differences=differences, score=0.6)
    assert near.revises(" ".join(["w"] * words)) is revises


_AMID = ("Results. Charging the average smartphone requires 0.012 kWh of energy in our setting. Training the model took"
         " 12 days on eight GPUs. We then evaluated it on three held-out benchmarks of the suite.\fA second page.")


@pytest.mark.parametrize("sentence, said", [
    # reworded throughout where v1 printed it: what v2 prints there, whole, never "nothing like it"
    ("Our model trained for twelve days on eight accelerators.", "rewritten"),
    ("Over 12 days, eight GPUs trained it.", "rewritten"),
    # another sentence in its place, or none: deleted
    ("We thank the reviewers for their comments.", "gone"),
    ("", "gone"),
    # most words kept in order: the words v2 changed, of what v2 prints where it stood, never the next sentence's
    ("Training the model took 13 days on eight GPUs.", "differs: 12 -> 13"),
    ("On eight GPUs, training the model took 12 days.",
     "differs: (nothing) -> On eight GPUs,; on eight GPUs -> (nothing)"),
    ("Training the model took 12 days on eight GPUs in all our runs.", "differs: (nothing) -> in all our runs."),
])
def test_a_quote_a_newer_version_rewrites_where_it_stood_is_said_rewritten(kb_root, tmp_path, sentence, said):
    global V1
    old, V1 = V1, _AMID
    try:
        by = _verdicts(kb_root, tmp_path, _AMID.replace("Training the model took 12 days on eight GPUs. ",
                                                         sentence + " " if sentence else ""))
    finally:
        V1 = old
    for v in (by["quote"], by["claim"]):
        assert v.status == "stale", v
        if said == "rewritten":
            assert f"v2 rewrites it: where v1 printed it, v2's page 1 prints \"{sentence}\"" in v.message, v
            assert "nothing like it" not in v.message and "differs" not in v.message, v
        elif said == "gone":
            assert "v2 prints nothing like it (deleted or rewritten)" in v.message and "rewrites" not in v.message, v
        else:
            assert v.message == "verified in v1, but not in v2; page 1: " + said, v


def test_a_rewording_between_words_v2_prints_twice_is_not_placed(kb_root, tmp_path):
    """The words right before the quote printed twice in v2: where it stood, kb cannot tell; nothing is placed."""
    global V1
    old, V1 = V1, _AMID
    twice = "Charging the average smartphone requires 0.012 kWh of energy in our setting."
    try:
        by = _verdicts(kb_root, tmp_path, _AMID.replace(
            "Training the model took 12 days on eight GPUs.", "Our model trained for twelve days on eight accelerators.")
            .replace("A second page.", twice + " A second page."))
    finally:
        V1 = old
    assert by["quote"].status == "stale" and "rewrites" not in by["quote"].message, by["quote"]


_APART = ("Cloud datacenters are roughly 2X as energy efficient as a typical enterprise datacenter.\n"
          "8 The correlation between cost and power is high across the generations we built.\fSecond page.")
_APART_SAID = "Cloud datacenters are roughly 2X as energy efficient as a typical enterprise datacenter."
_APART_NOTE = "\n9 Hyperscale cloud providers run their own datacenters.\fSecond page."


@pytest.mark.parametrize("v2, changed", [
    # a footnote's mark set apart after a word, as a page prints it ("datacenters 9 are"), its footnote below
    (_APART.replace("datacenters are", "datacenters 9 are").replace("\fSecond page.", _APART_NOTE), False),
    (_APART.replace("efficient as", "efficient 9 as").replace("\fSecond page.", _APART_NOTE), False),
    # no footnote of that number: a figure added
    (_APART.replace("datacenters are", "datacenters 9 are"), True),
    # after a word a count follows ("as 9 energy") or after a figure ("2X 9"): a figure, whatever the page's foot says
    (_APART.replace("roughly 2X as", "roughly 2X 9 as").replace("\fSecond page.", _APART_NOTE), True),
    (_APART.replace("a typical", "a 9 typical").replace("\fSecond page.", _APART_NOTE), True),
    (_APART.replace("as energy", "as 9 energy").replace("\fSecond page.", _APART_NOTE), True),
    # a figure's sign after it ("9 %"), or the footnote's line a heading in capitals
    (_APART.replace("datacenters are", "datacenters 9 % are").replace("\fSecond page.", _APART_NOTE), True),
    (_APART.replace("datacenters are", "datacenters 9 are").replace("\fSecond page.", "\n9 RESULTS\fSecond page."),
     True),
])
def test_a_footnote_mark_set_apart_a_newer_version_adds_is_no_change(kb_root, tmp_path, v2, changed):
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    for version, text in (("v1", _APART), ("v2", v2)):
        (tmp_path / f"{version}.txt").write_text(text, "utf-8")
        load_text(kb, "luccioni2023power", tmp_path / f"{version}.txt", version=version, extractor="pypdf")
        if version == "v1":
            add_quote(kb, "luccioni2023power", _APART_SAID, version="v1", quote_id="q")
    verdict = next(v for v in verify_papers(kb, jobs=1) if v.kind == "quote")
    assert verdict.status == ("stale" if changed else "ok"), verdict
    if not changed:
        assert "only a footnote's mark differs: (nothing) -> 9" in verdict.message, verdict.message


_TABLE = ("Table 3. Estimated cost of training a model.\nModel Hardware Power Hours kWh CO2e\n"
          "BERTbase V100x64 12,041.51 79 1507 1438\nELMo P100x3 517.66 336 275 262\fSecond page.")


@pytest.mark.parametrize("v1, v2, quote, changed", [
    # a table re-rendered with thousands separators, or without them: the same figures
    (_TABLE, _TABLE.replace("1507 1438", "1,507 1,438"), "BERTbase V100x64 12,041.51 79 1507 1438", False),
    (_TABLE.replace("1507 1438", "1,507 1,438"), _TABLE, "BERTbase V100x64 12,041.51 79 1,507 1,438", False),
    # a comma no group of three follows, or another digit
    (_TABLE, _TABLE.replace("1507 1438", "1507 14,38"), "BERTbase V100x64 12,041.51 79 1507 1438", True),
    (_TABLE, _TABLE.replace("1507 1438", "1,507 1,439"), "BERTbase V100x64 12,041.51 79 1507 1438", True),
])
def test_a_table_a_newer_version_prints_with_thousands_separators_is_no_change(kb_root, tmp_path, v1, v2, quote,
                                                                               changed):
    (kb_root / "references.bib").write_text(BIB, "utf-8")
    kb = open_kb(kb_root)
    for version, text in (("v1", v1), ("v2", v2)):
        (tmp_path / f"{version}.txt").write_text(text, "utf-8")
        load_text(kb, "luccioni2023power", tmp_path / f"{version}.txt", version=version, extractor="pypdf")
        if version == "v1":
            add_quote(kb, "luccioni2023power", quote, version="v1", quote_id="q")
    verdict = next(v for v in verify_papers(kb, jobs=1) if v.kind == "quote")
    assert verdict.status == ("stale" if changed else "ok"), verdict
    if not changed:
        assert "only a thousands separator differs: " in verdict.message, verdict.message
