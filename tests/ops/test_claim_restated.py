"""A claim given again with its figure written otherwise ("81.1 million papers" of "81.1M papers") from the same
quote and per is the claim stored, merged as the help says; a figure apart in value, unit, bound, sign or precision
is another claim. A number's scale word is the number's, never a word of the id kb makes."""

from __future__ import annotations

import pytest

from kb.ops.claims import same_figure
from kb.ops.quotes import slug_id


@pytest.mark.parametrize("a, b", [
    ("81.1M papers", "81.1 million papers"), ("81.1M papers", "81,100,000 papers"),
    ("$5M", "$5 million"), ("5%", "5 %"), ("1e6 papers", "1 million papers"), ("5 thousand", "5k"),
    ("175B parameters", "175 billion parameters"), ("1,000 users", "1000 users"), ("2.5 kWh", " 2.5  kWh "),
    # a unit of measure or a currency spelt otherwise
    ("121.7 h", "121.7 hours"), ("121.7 hr", "121.7 hours"), ("5 kWh", "5 kilowatt-hours"), ("3 t", "3 tonnes"),
    ("5%", "5 percent"), ("5 %", "5 per cent"), ("$5", "USD 5"), ("$5", "5 USD"), ("€5", "EUR 5"),
    ("5 t CO2e", "5 tonnes CO2e"), ("5 kg CO2e", "5 kgCO2e"), ("10 MW", "10 megawatts"), ("1.5 GB", "1.5 gigabytes"),
    ("5 GPU hours", "5 GPU-hours"), ("5-6 h", "5-6 hours"), ("~5 h", "~5 hours"), ("$5M", "USD 5 million"),
    ("2.5 kWh/day", "2.5 kWh per day"), ("5 Wh/query", "5 Wh per query"), ("1.2 ms", "1.2 milliseconds"),
])
def test_one_figure_written_two_ways(a, b):
    assert same_figure(a, b) and same_figure(b, a)


@pytest.mark.parametrize("a, b", [
    ("81.1M papers", "81.2M papers"), ("81.1M papers", "81.10M papers"), ("81.1M papers", "81.1 billion papers"),
    ("81.1M papers", "81.1 M papers"), ("~5 kWh", "5 kWh"), ("<5 kWh", "5 kWh"), ("≤5 kWh", "<5 kWh"),
    ("up to 5 kWh", "5 kWh"), ("-5 kWh", "5 kWh"), ("5 kWh", "5000 Wh"), ("5 kWh", "5.0 kWh"), ("5 kg CO2e", "5 kg CO2"),
    ("100 ms", "100 s"), ("5 GB", "5 Gb"), ("$5M", "5M"), ("5 ± 1 kWh", "5 kWh"), ("5%", "0.05"), ("5 m", "5 million"),
    # a unit spelt otherwise, but another precision, bound, unit, currency or thing counted
    ("121.7 h", "121.70 hours"), ("121.7 h", "121.8 hours"), ("3 t", "3 tons"), ("5%", "5 percentage points"),
    ("$5", "EUR 5"), ("$5", "5 CAD"), ("5 kg CO2", "5 kgCO2e"), ("5 t CO2e", "5 tonnes"), ("~5 h", "5 hours"),
    ("up to 5 h", "5 hours"), ("exactly 5 h", "5 hours"), ("5 h", "5 days"), ("1.5 GB", "1.5 GiB"),
    ("5 new papers", "5 papers"), ("5 new papers", "5 old papers"), ("5 A100 GPUs", "5 GPUs"), ("5 kWh", "5 kW"),
    ("5 large models", "5 models"), ("5 ms", "5 msec"), ("5 h", "5 h per day"), ("5%", "5‰"),
])
def test_figures_apart(a, b):
    assert not same_figure(a, b) and not same_figure(b, a)


@pytest.mark.parametrize("text, made", [
    ("81.1 million papers ", "papers"), ("81.1M papers ", "papers"),
    ("175 billion parameters ", "175b-parameters"), ("175B parameters ", "175b-parameters"),
    ("5 thousand users ", "5k-users"), ("5k users ", "5k-users"),
    ("1.5 trillion tokens ", "tokens"), ("1.5T tokens ", "tokens"), ("2.3 Billion GPU hours ", "gpu-hours"),
    ("millions of papers ", "millions-papers"), ("a million papers ", "million-papers"),     # no number before it
])
def test_a_scale_word_is_its_numbers_in_an_id(text, made):
    assert slug_id(text, set(), words=4, empty="claim") == made


BIB = "@inproceedings{lo2020s2orc, title = {S2ORC: The Semantic Scholar Open Research Corpus}, author = {Lo, Kyle}, " \
      "year = {2020}}\n"
PAGE = ("We introduce S2ORC, a large corpus of 81.1M English-language academic papers spanning many academic "
        "disciplines. Of them, full text is held for 8.1M papers.\n")
QUOTE = "a large corpus of 81.1M English-language academic papers spanning many academic disciplines"


@pytest.fixture
def s2orc(kb_root, tmp_path):
    from kb.ops.papers import load_text
    from kb.ops.session import open_kb

    (kb_root / "references.bib").write_text(BIB, "utf-8")
    (tmp_path / "t.txt").write_text(PAGE, "utf-8")
    kb = open_kb(kb_root)
    load_text(kb, "lo2020s2orc", tmp_path / "t.txt", extractor="text")
    return kb


def _claims(kb):
    return kb.conn.execute("select id from claims where citekey = 'lo2020s2orc' order by rowid").fetchall()


@pytest.mark.parametrize("again, quote", [
    ("81.1 million papers", QUOTE), ("81,100,000 papers", QUOTE), ("81.1M papers", QUOTE.replace(" academic", "\nacademic")),
    ("81.1 million papers", QUOTE.replace("a large", "A LARGE")),
])
def test_the_same_figure_from_the_same_quote_is_the_stored_claim(s2orc, again, quote):
    from kb.ops.claims import add_claim

    first = add_claim(s2orc, "lo2020s2orc", "81.1M papers", quote=QUOTE, topics=["corpus"])
    second = add_claim(s2orc, "lo2020s2orc", again, quote=quote, topics=["s2"])
    assert first["id"] == second["id"] == "papers" and second["written"] == "81.1M papers"
    assert second["quote"] == QUOTE and second["topics"] == ["corpus", "s2"] and second["status"] == "verified"
    assert any(m.startswith("added topic s2") for m in second["merged"])
    assert _claims(s2orc) == [("papers",)]


@pytest.mark.parametrize("other, quote, per", [
    ("81.1 billion papers", QUOTE, None),                       # not in the quote: refused below
    ("81.1M papers", "81.1M English-language academic papers", None),      # another quote
    ("81.1M papers", QUOTE, "year"),
])
def test_another_figure_quote_or_per_is_another_claim(s2orc, other, quote, per):
    from kb.errors import UsageError
    from kb.ops.claims import add_claim

    add_claim(s2orc, "lo2020s2orc", "81.1M papers", quote=QUOTE)
    try:
        second = add_claim(s2orc, "lo2020s2orc", other, quote=quote, per=per)
    except UsageError:
        assert _claims(s2orc) == [("papers",)]
        return
    assert second["id"] != "papers" and not second.get("merged")
    assert len(_claims(s2orc)) == 2


def test_a_new_claim_with_a_scale_word_is_named_without_it(s2orc):
    from kb.ops.claims import add_claim

    assert add_claim(s2orc, "lo2020s2orc", "8.1 million papers", quote="full text is held for 8.1M papers")["id"] \
        == "papers"


@pytest.mark.parametrize("a, b", [
    ("1,000 inferences", "1000 inferences"), ("1 000 inferences", "1000 inferences"), ("1\u202f000 queries", "1,000 queries"),
    ("GPU-hour", "GPU hour"), ("GPU hour", "gpu hour"), ("smartphone  charge", "smartphone charge"),
    ("1,000,000 tokens", "1000000 tokens"), ("training run", "Training Run"),
])
def test_one_per_written_two_ways(a, b):
    from kb.ops.claims import same_per

    assert same_per(a, b) and same_per(b, a)


@pytest.mark.parametrize("a, b", [
    ("1,000 inferences", "100 inferences"), ("1,000 inferences", "10,000 inferences"), ("1,000 inferences", "1 inference"),
    ("1,000 inferences", "1000 queries"), ("1.000 inferences", "1 inferences"), ("1,00 inferences", "100 inferences"),
    ("1,000 inferences", "1,000"), ("GPU hour", "GPU"), ("idle node", "node"), ("node", None), (None, "node"),
    ("12,5 units", "125 units"),
])
def test_pers_apart(a, b):
    from kb.ops.claims import same_per

    assert not same_per(a, b) and not same_per(b, a)


@pytest.mark.parametrize("per_again", ["1000 queries", "1 000 Queries", "1,000 queries"])
def test_a_per_given_again_written_otherwise_is_the_stored_claims(s2orc, per_again):
    """The repository's README re-adds '11.49 kWh' --per '1000 inferences' of a claim stored per '1,000 inferences':
    it was refused as 'stored with another per'; the claim stored is kept as written, and said so. (Stored
    unverified, --force: the quote gives no per; what is merged is the same.)"""
    from kb.errors import UsageError
    from kb.ops.claims import add_claim

    quote = "full text is held for 8.1M papers"
    first = add_claim(s2orc, "lo2020s2orc", "8.1M papers", quote=quote, per="1,000 queries", claim_id="held", force=True)
    again = add_claim(s2orc, "lo2020s2orc", "8.1M papers", quote=quote, per=per_again, claim_id="held", force=True)
    assert again["per"] == first["per"] == "1,000 queries"
    assert again["merged"] == (["unchanged"] if per_again == "1,000 queries" else
                               ["kept its per as written '1,000 queries'"])
    without_id = add_claim(s2orc, "lo2020s2orc", "8.1M papers", quote=quote, per=per_again, force=True)
    assert without_id["id"] == "held" and _claims(s2orc) == [("held",)]
    with pytest.raises(UsageError, match="stored with another per: per '1,000 queries' -> '100 queries'"):
        add_claim(s2orc, "lo2020s2orc", "8.1M papers", quote=quote, per="100 queries", claim_id="held", force=True)


TIMED = "Training the model took 121.7 hours on 8 GPUs and drew 5 kWh, a cost of USD 5 in all.\n"


@pytest.mark.parametrize("first, again, quote", [
    ("121.7 h", "121.7 hours", "took 121.7 hours on 8 GPUs"), ("5 kWh", "5 kilowatt-hours", "drew 5 kWh"),
    ("USD 5", "$5", "a cost of USD 5 in all"),
])
def test_a_unit_spelt_otherwise_is_the_stored_claim(kb_root, tmp_path, first, again, quote):
    from kb.ops.claims import add_claim
    from kb.ops.papers import load_text
    from kb.ops.session import open_kb

    (kb_root / "references.bib").write_text(BIB, "utf-8")
    (tmp_path / "t.txt").write_text(TIMED, "utf-8")
    kb = open_kb(kb_root)
    load_text(kb, "lo2020s2orc", tmp_path / "t.txt", extractor="text")
    stored = add_claim(kb, "lo2020s2orc", first, quote=quote, claim_id="los")
    second = add_claim(kb, "lo2020s2orc", again, quote=quote)
    assert stored["status"] == "verified" and second["id"] == "los" and second["written"] == first
    assert _claims(kb) == [("los",)]
