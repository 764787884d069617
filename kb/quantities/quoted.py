"""Whether a claim's value is among the numbers of its quote.

A claim is "11.49 kWh" from a quote; a typo ("11.94 kWh") must not be stored as
verified. The value holds when each number written in it is in the quote:

* equal as printed: the same value, thousands separators, a currency sign and
  trailing zeros aside ("626,155" and "626 155" and "626155"; "$3.2M" and
  "3.2 million" are the same number);
* a count written in words is its number ("ten tasks" holds 10);
* or equal after unit conversion, within the precision both are written with:
  "11.49 kWh" (± 0.005 kWh) and "11,490 Wh" (± 5 Wh) differ by less than each
  one's half unit. Units of the quote's numbers are read by
  `kb.quantities.numbers.extract_candidates`.

A unit counts too: a number the quote prints with a unit holds a claim's number
only in a unit that converts to the same figure ("121.7 hours" holds "121.7 h"
and "7,302 min", never "121.7 kg" or "121.7 min"; "21.4%" never "21.4 ‰").
A table's cell is in the unit its row's label or its columns' header prints before it
("kWh 3.1 37.3", "Emissions (lbs) NAS 626,155", "Hours kWh CO2e ... 12 27 26"): one of those
units, never another, and its own column's when the header names a unit for each of the row's cells ("Power
(W) Hours kWh ·PUE CO 2e ... P100x8 1515.43 84 201 192": 84 hours, never 84 kWh) ("626,155 kg" is no figure of "Emissions (lbs)"; "CO 2e (lbs)" is pounds
of CO2e; a caption's units before its header, "emissions (lbs) and cost (USD). ... Hours kWh", are not
the header's). A number printed with no unit at all holds the claim's number, never a unit the quote
does not state: "84 kWh" (or "84 h") of the row "P100x8 1515.43 84 201 192" quoted without its header, "30 kWh"
of "the value 30, as reported" and "12 GPUs" of "12 in all" are refused, the number found and its unit not
(`QuotedValue.unstated`). The quote states it after the number, or names it before ("the energy (kWh) was
11.49", "a PUE of 1.1", "Share (%): China (18)"); a count's noun anywhere in the quote ("the A100 (3) and V100
(4) GPUs"); a factor ("3x" of "a speed-up of 3") needs none. Where kb holds the page, the text before the
quote is read as a careful reader reads it (`value_in_quote`'s `before`): the header above a quoted row gives
its cells their column's unit, while the value stays a number of the quote. A number followed by a noun counts things ("150
million Web pages", "100,000 cores", "3,000 queries"): it holds a bare number or a count of the
same things, singular or plural ("100,000 core", "150 million pages"), never a count of other
things ("100,000 nodes"), a unit kb cannot read ("950 charges") nor a physical figure ("150
million kWh", "30M kg", "30M %", "$30M"). A noun kb has no unit for is a count in a claim's
value too ("100,000 cores", "2 kWh per run": `kb.quantities.units.parse_unit`'s `nouns`).

A list's unit, printed after its last number, is each number's ("62, 74, 112 days" holds "62 days",
never "62 months"); a count out of a total counts the total's things ("18 out of 20 participants"),
and a bound's words stand between a count and its noun ("3 or fewer courses"). A number in parentheses
after a percentage or a plural noun is the count it is of ("92% (22)" never holds "22%"); a number in
words with no unit after it holds a count or a bare number, never a percentage ("one in five" is no
"5%"); and a factor is no count ("130 times out of 400 cards" never holds "400 times").

A range's unit and scale are its first number's too: "from 10 to 20 kWh" holds "10 kWh",
"between 2 and 3 billion parameters" "2 billion parameters", "$2–3 million" "$2 million" and "$2M",
never a bare "2", "$2" nor "2 million kWh".

An uncertainty is no figure: the 0.1 of "3.2 ± 0.1 kWh" ("+/- 0.1", "plus or minus 0.1"), the 12% of "an
uncertainty of 12%", "a 12% uncertainty" or "a margin of error of 12%" (an error, "a top-1 error of 12%", and a
margin, "a profit margin of 12%", are figures), the 0.4 of
"81.2 (SD 0.4)", "with a standard deviation of 0.4" or, as result tables print it, "81.2 (0.4)", and the level and bounds of "(95% CI 78.1-84.3)"
hold a value only when it writes an uncertainty itself ("3.2 ± 0.1 kWh"), and then only the uncertainty the
quote prints after that figure ("90.01 ± 0.06" of "90.01 90.41 ± 0.06" is refused); "0.1 kWh" alone is refused.
An interval printed after a figure ("3.6 (3.1, 4.2) kWh", "3.6 (3.1–4.2) kWh", "3.6 [95% CI 3.1, 4.2] kWh") gives
the figure, and the interval whole, the unit printed after its bracket: "3.6 kWh", "3.1–4.2 kWh" and "3.6 (3.1–4.2)
kWh" hold it, a bound alone ("3.1 kWh") never does.

A change written in words has its sign: "fell by 5%", "a 5% decrease", "dropped 5 percent", "5% less
energy" hold "-5%" and the bare size "5%", never "+5%"; "rose by 5%" never holds "-5%". A signed value claims
a change: "+5%" holds a rise the quote gives ("rose by 5%", "a 5% increase", "5% more", "+5%"), never a level
("was 5%", the start of "decreased from 5% to 2%", the end of "increased from 2% to 5%"), as "-5%" holds a fall.
A share in words may be a change's size: "fell by a quarter" holds "-25%" and "25%", never "+25%"; "halved" is a
fall by a half ("-50%", "50%", "0.5x"), "doubled" and "tripled" rises by 100 % and 200 % ("+100%", "2x"), never
a bare 1. A fraction typed as a value is the one share it writes ("1/3" of "a third"), its sign a change's as
a percentage's is ("-1/4" of "fell by a quarter", never "+1/4" nor a signed share that is no change).

A rate is no amount: "25 gCO2e per hour" holds "0.025 kg CO2e/h" and "0.025 kg CO2e per
hour", but "0.025 kg CO2e" (or "25 gCO2e") only for a claim whose `per` is the rate's own
("hour", "60 minutes"): an amount in place of a rate is a different fact, and a check
multiplying it by a time would silently be off by the rate's dimension.

A unit raised to minus one is a rate's per: "0.429 kg CO2e kWh⁻¹" (or "kWh-1", "·kWh⁻¹") holds "429 g CO2e/kWh",
never the amount "0.429 kg CO2e" without its per.

A rate per a quantity or a number of things is one figure: "5 L per 100 km" holds "0.05 L/km" and "5 L"
with `per` "100 km" (never "5 L" alone, "5 L/km" nor "5 L" per km), "2.9 kWh per 1,000 images" holds
"2.9 Wh/image". What an amount is of may stand before the rate's "per": "0.2 kWh of electricity per hour"
holds "200 W" and "0.2 kWh/h", "3 kg of CO2 per web page" "3 kg CO2e/web page"; each amount alone only
with its per. A count's noun after a bound's words is what it counts, singular or plural ("3 or fewer STEM
course", "at least one GPU": "3 courses", "1 GPU", never "3 papers" nor "1 CPU").

A value may be written as such a rate ("5 L/100 km", "2.9 Wh per 1,000 queries", "$0.50/1M tokens", "$0.50 per
million tokens": `kb.quantities.interval.per_figure`): one figure, 0.05 L/km, whose amount the quote must print
as that rate; the denominator's number is no figure of its own. A per may be written in words: "5 kWh each
day", "every day", "a day", "daily", "for every query", "for every 1,000 queries", "every 2 days" are rates per
day and per query as "per" is, and so is "for each of the runs" (per run, as "in each run" is; not "each of
which", "in each of the cases", "every time", "300 W each,"). A count per things is one too: "8 GPUs per node",
"each node has 8 GPUs", "64 nodes each with 8 GPUs", "87 token edits per paragraph" hold "8 GPUs" (or a bare "8")
only per node, never as a total. The per may follow the amount's verb: "25 kWh were used per query", "0.2 J is
consumed per inference", "3 g are emitted for each run" are rates, whose amount alone is no total. A prefixed FLOPS is a rate ("24.6 TFLOPS" holds "24.6 TeraFLOPS/sec" and
"24.6 TFLOP/s", never "24.6 TFLOP"), an unprefixed "FLOPS" a count ("3.14E+23 FLOPS"): `kb.quantities.units`. A claim's
unprefixed "FLOPS" is either, as the quote gives it: "2.46e13 FLOPS" holds "24.6 TeraFLOPS/sec".

A share in words ("one in five", "two out of three", "two thirds", "half of") is exact, and a writer rounds
it: "20%", "0.2", "67%", "66.7%" and "0.667" hold it, "66%", "70%", "0.7" and "25%" of "one in five" do not.

A number without a unit drops the unit its quote prints it with: "1287" of "1,287 MWh", "0.35" of "$0.35
per hour" are refused, naming the quote's figure; a count's number ("12" of "12 GPUs"), a factor's
("100" of "100x") and a number the quote prints bare hold it.

A value must hold a number kb reads: "abc" (a hand edit) has none, and "1e99999999"
is out of range; neither stands verified, whatever the quote.

A bound is its number: "50%" of "by up to 50%" verifies (`kb claim add` says the quote gives it
as a bound), and a value may keep the bound as written ("up to 50%", "≤ 50 %", "at least 3 kWh",
"over 1450x"): its figure, in checks and listings, is the number, and it holds only a number the
quote prints as a bound of the same direction (never "50%" alone, nor "at least 50%"). A bound in words on a change keeps
its direction: "more than doubled" is more than "2x" and "+100%"; "more than halved" a fall by more than
"50%", and a factor under one half ("less than 0.5x", never "more than 0.5x").

A factor is no percentage and no physical figure: "100×", "100-fold", "100 times", "a factor of
100" and "two orders of magnitude" hold "100x" (the digits a bare "100" too; a factor in words no bare number: "10" of
"an order of magnitude", "2" of "twice"), never "100 %" or "100 kWh". A factor in words keeps its way ("two orders of
magnitude smaller" holds "100x smaller", never "100x larger") and its approximation ("nearly two orders of magnitude
smaller" holds "nearly 100x smaller", never an exact "100x smaller"). "130 times out of 400" is a share, as "130 out of
400" is.

A whole number in parentheses after a name ("China (18)", "Strubell (48)", "BERT (4)", "as in (12)") is a
count, a reference or the name's number: it holds a bare number or a count, and a unit only as a header prints
it ("Share (%): China (18)" holds "18%", never "18 kWh"); a citation's year ("(Smith et al., 2019)") and a row's
or column's number are no figure.

A model's or product's number is no figure: "GTX 1080", "RTX 3090", "Llama 2", "GPT-3" hold no "1080 W";
its size is one, a count of its parameters, glued to its name or not ("560M" of "BLOOMz-560M",
"7b" of "llama-7b", "175B" of "GPT-3 175B" hold "560M parameters", "560 million", never "560 MWh"
nor "560M tokens"), and so is a figure glued to a product's name with its unit ("80GB" of
"A100-80GB" holds "80 GB", never "80 GPUs").

A decimal comma is read where it cannot be a thousands separator ("0,5 kWh", "3,2 %",
"1.234,5 MWh"); "1,000" is a thousand unless the quote writes its thousands with dots.

CO2 named in words or before the figure makes a mass CO2e: "25 kg of carbon dioxide", "CO2
emissions of 25 kg" hold "25 kg CO2e", and so do both masses of "284,019 kg (626,155 lbs) of CO2";
"25 kg of methane" does not. "Emissions" alone names no gas: "626,155 lbs of emissions" holds
"626,155 lb", never "626,155 lbs CO2".

A power of ten is one number: "1.2 × 10⁵ kWh", "10⁻³", "10^-3", and "1.2 × 10 5 kWh" as an extractor prints
a superscript, hold "120 MWh" and "1e-3", never their 10, 1.2, 5 or -3. A fold in words is a factor ("a
tenfold increase" holds "10x"), and the rise a fold names a change ("+900%"; "a 3-fold increase", "increased
threefold" "+200%"), as "tripled" is one; "3x faster" is a factor only. A currency's code before a number is its currency ("USD 3,000" holds "$3,000",
never "€3,000"). A number in words keeps its scale ("two million images" is 2,000,000), and a
fraction in words is a share a writer rounds ("one-third" holds "33%", "half of" "50%"; "the
second half of" holds nothing). Percentage points are no percentage ("3 percentage points" holds
"3 pp", never "3 %"; "5 points" holds "5 pp" only in a sentence printing percentages, "rose 5 points, from 80%
to 85%", never a score's or a scale's points, "BLEU improved by 5 points"), and a GPU is no TPU ("58 GPUs" never holds "58 TPUs", though a check counts
both as accelerators).

A scale after money is read as the financial press writes it, glued or spaced, in either case: "£3.5m",
"$2mn", "$4.6 M", "€1.2 bn", "$40 K" hold "£3.5 million", "$2 million"..., never "£3.5" nor "$40"
(after any other number the letter stays a unit: "3.5 m" is metres, "300 K" kelvin), and so is the press's "m",
"mn" or "mln" before what it counts in millions: "2.5m tonnes of CO2e", "3m people", "1.2 mln barrels" hold "2.5 Mt
CO2e", "3 million people" ("3m long" stays metres).

Money of a currency kb has no unit for ("¥300 million", "CHF 40", "C$5") holds no bare number and no
other currency's amount ("300 million", "$300 million").

A number an extractor broke after a thousands comma at a line's end ("1,\n287 MWh") is the one number
it is: it holds "1,287 MWh", never "287 MWh" nor "1 MWh".

A value is a number of the paper as the paper prints it (`value_in_quote`'s `passage`, the text the quote
was found in): the quote matcher forgives white space, so "103, 593 kWh" typed is found in "103,593 kWh",
but its "593 kWh" is no number of the paper; nor is "103,593 kWh" of a page's "103, 593 kWh", nor "13
FLOPs" of "4.6e 13" typed for "4.6e13". The paper's number holds, the stray space forgiven as the matcher
forgives it: "103,593 kWh" of "103, 593 kWh" typed, "1,287 MWh" of "1, 287 MWh" typed for the page's "1,\n287 MWh". The spaces an extractor puts inside a number ("0 .954", "$3,20
1,722") are no separation the paper prints.

A footnote's marker glued to a figure's end is no number ("5.2%3", "(11.49 kWh)4"), nor is the second
number of "5%-10%" a negative one; a sample's size ("n = 24") is a count, never "24%". A footnote's or
citation's marker between a figure and its unit is passed over: "11.49⁵ kWh", "11.49 [5] kWh", "11.49† kWh"
hold "11.49 kWh", never "11.495 kWh" nor "5 kWh"; a superscript after a whole number is its power ("2³²
addresses" holds "4294967296 addresses", never "2 addresses").

A sign counts: "-5 %" is not "5 %". Only a hyphen-minus or U+2212 directly
attached to a number is a minus sign; an en or em dash never is.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from decimal import Decimal

from kb.errors import KBError
from kb.quantities.interval import (
    BOUND_LOWER,
    BOUND_UPPER,
    EXPONENT,
    MANTISSA,
    MAX_MAGNITUDE,
    MIN_MAGNITUDE,
    MONEY_SCALE,
    SCALE_WORDS,
    SUPERSCRIPTS,
    TRILLION,
    Interval,
    bound_of,
    broken_groups,
    decimal_commas,
    per_figure,
    read_number,
    unreadable_figure,
    written_parts,
)
from kb.quantities.numbers import (
    ADVERB_PER,
    EACH_CLAUSE,
    EACH_OF_COUNTED,
    EACH_THING_BEFORE,
    EACH_UNNAMED,
    EACH_WHERE,
    FALL_WORDS,
    HEADER_ADVERB_PER,
    NOT_COUNTED,
    PER_SAYS,
    RISE_WORDS,
    SPENT,
    SPENT_THEN,
    SPREAD_AFTER,
    adds_up,
    change_before,
    colon_citation,
    cross_folds,
    distributed_over,
    each_doing,
    equation_term,
    extract_candidates,
    flat_power,
    header_columns,
    header_per,
    one_of_plural,
    page_numbering,
    pct_capitals_name,
    row_per,
    share_of,
    spaced_exponent,
    spread_before,
    subject_of,
    times_not_factor,
    times_repeated,
    verb_after,
    word_numbers,
    year_heading,
)
from kb.quantities.units import (
    METRIC_FILLERS,
    METRICS,
    count_forms,
    count_noun,
    format_unit,
    is_yardstick,
    metric_phrase,
    metric_word,
    model_count,
    parse_unit,
    reads_as_unit,
    unit_powers,
)
from kb.text.lazyre import lazy
from kb.text.match import glued_cell_size
from kb.text.typed import unshowable

__all__ = ["QuotedValue", "value_in_quote", "as_printed", "misread", "numbers_in", "claim_doubt", "bound_note", "shares_in", "share_holds"]

#: What the press counts in millions after "m", "mn" or "mln" ("2.5m tonnes", "3m people", "1.2 mln barrels"):
#: after any other word the letter stays a metre ("3m long", "a 3m cable").
_PRESS_NOUNS = (r"(?:(?:metric[ ]+)?(?:tonnes|tons)|barrels|litres|liters|gallons|people|users|households|homes"
                r"|customers|passengers|vehicles|cars|[kMGT]Wh)\b")
#: A number: its sign (never one glued to what ends a figure, "5%-10%" is a range), currency, mantissa,
#: exponent and scale; never a footnote's marker glued to a figure's end ("5.2%3", "(11.49 kWh)4", "[12]3"),
#: though a table's cell may be ("45.2%46.8%").
_NUM = lazy(
    rf"(?<![\w.,])(?!(?<=[%‰)\]])\d{{1,2}}(?![\d.,%‰]))(?P<sign>(?<![\w)\]%‰])[-−+](?=[$€£]?\d|\.\d))?(?P<cur>(?:US\$|\$|€|£)[ ]?(?=\.?\d)|(?:USD|EUR|GBP)[ ]?(?=\d))?"
    rf"(?P<mant>{MANTISSA})(?P<exp>{EXPONENT})?"
    rf"(?P<scale>(?:k|K|M|B|bn)(?![A-Za-z0-9])|{TRILLION}|(?(cur){MONEY_SCALE}|(?!))|[ ](?:thousand|million|billion|trillion)\b"
    rf"|(?:m|mn|mln)(?=[ ]+{_PRESS_NOUNS})|[ ](?:mn|mln|bn)(?=[ ]+[^\W\d_]))?")
# A writer's thousands groups separated by spaces: "626 155", "1 234 567".
_SPACED = lazy(r"(?<![\w.,])(?P<sign>(?!))?(?P<cur>(?!))?"
               r"(?P<mant>\d{1,3}(?:[ ]\d{3})+(?:\.\d+)?)(?![\w])(?P<exp>(?!))?(?P<scale>(?!))?")


#: A figure as a person writes it ("626,155 lb CO2e", "0.035 ms per token") is far shorter:
#: a longer value is read no further, and said without being printed whole.
LONGEST_VALUE = 200


def too_long(value: str) -> str:
    """Why a value longer than LONGEST_VALUE is no figure, naming it shortly."""
    return (f"the value {value[:40]!r}... is {len(value):,} characters long: a figure is a number and its "
            f"unit, e.g. \"11.49 kWh\"")


#: A table row's cell or label before a number: a token holding a digit ("30", "V100", "v3", "M40"),
#: not a clause's end ("in 2019, 1 287 MWh").
_CELL_BEFORE = lazy(r"(?<!\S)\S*\d\S*(?<=[A-Za-z0-9%])[ ]$")


def _plain(text: str, commas: bool = True) -> str:
    """Spaces of every kind as ' ', full-width digits as digits, an apostrophe between thousands
    groups as a comma ("1'234"), decimal commas as points (`kb.quantities.interval.decimal_commas`;
    `commas` False: as printed); the rest as is, each character where it was."""
    out = []
    for c in text:
        if c.isspace() or unicodedata.category(c) == "Zs":
            out.append(" ")
        elif "０" <= c <= "９":
            out.append(chr(ord(c) - ord("０") + ord("0")))
        else:
            out.append(c)
    text = "".join(out)
    if "'" in text or "’" in text:      # "1'234'567" (Swiss): thousands groups, as "1,234,567" writes them
        text = _APOSTROPHE_NUMBER.sub(_apostrophes_read, text)
    if ("1" in text or "¹" in text) and any(c in text for c in "⁻-−^"):
        text = _INVERSE_UNIT.sub(_per_written, text)      # "kg CO2e kWh⁻¹": per kWh
    if "- " in text:
        text = _BROKEN_WORD.sub(_broken_word_joined, text)
    return decimal_commas(text, dots=True) if commas else text


#: A word an extractor broke at a line's end ("im- proves", "maxi- mum"), read whole where it says a change's
#: direction or a bound: the words of `_CHANGE_WORD`.
_BROKEN_WORD = lazy(r"(?<![\w-])([a-z]{1,12})-[ ]+([a-z]{1,12})\b")
_CHANGE_WORD = lazy(r"(?:improv|increas|decreas|reduc|declin|outperform|exceed)[a-z]*|maximum|minimum|higher|lower")


def _broken_word_joined(m) -> str:
    """The broken word of `m` whole, spaces after it so that every character after it stays where it was; as printed
    where it is no word of `_CHANGE_WORD` ("state- of-the-art", "Ger- man" stay)."""
    word = m.group(1) + m.group(2)
    return word.ljust(len(m.group(0))) if _CHANGE_WORD.fullmatch(word) else m.group(0)


#: A number whose thousands groups are separated by apostrophes, as Swiss and some German texts print
#: them, and its decimal comma if any: "1'234'567", "1'287,5", "1’287.5".
_APOSTROPHE_NUMBER = lazy(r"(?<![\w.,'’])\d{1,3}(?:['’]\d{3})+(?:[.,]\d+)?(?![\d'’]|[.,]\d)")


#: A unit raised to minus one after another, as science prints a rate: "kg CO2e kWh⁻¹", "g·kWh⁻¹", "g kWh-1".
_INVERSE_UNIT = lazy(r"(?<=[A-Za-z0-9₂])(?:[ ]|·|⋅|\*)(?P<u>[A-Za-z][A-Za-z0-9]{0,5})(?:⁻¹|\^[-−]1|[-−]1)(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹.,])")


def _per_written(m: re.Match[str]) -> str:
    """A unit of `_INVERSE_UNIT` as the rate's "/kWh" it is, padded to its length (each character after it
    where it was); a name that is no unit ("GPT-1", "model-1") stays as printed."""
    unit = m.group("u")
    if not _reads_as_unit(unit) or _is_count(unit):
        return m.group(0)
    return f"/{unit}".ljust(len(m.group(0)))


def _apostrophes_read(m: re.Match[str]) -> str:
    """A number of `_APOSTROPHE_NUMBER` with commas between its groups and a decimal point: "1'287,5" is
    1,287.5 (a comma after apostrophe groups is never another group), each character in its place."""
    text = m.group(0)
    return text.replace("'", ",").replace("’", ",") if "," not in text else \
        text.replace(",", ".").replace("'", ",").replace("’", ",")

#: A footnote's or citation's marker between a figure and its unit: "11.49⁵ kWh", "1,287¹ MWh" (a
#: superscript after a number with a decimal point or thousands groups, which no power's base is
#: written with), "11.49† kWh", "11.49 [5] kWh", "11.49 [5, 12] kWh", "11.49 [Luc24] kWh". A whole
#: number's superscript is its power ("2³²", `_RAISED`).
_MARKER = lazy(r"(?<![\w.,])(?P<num>\d[\d.,]*\d|\d)(?P<mark>(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})|[†‡*§¶]{1,2}"
               r"|[ ]?\[(?:\d{1,3}(?:[ ]?[-–,;][ ]?\d{1,3})*|[A-Z][A-Za-z+]{1,6}\d{2}[a-z]?"
               r"(?:[,;][ ]?[A-Z][A-Za-z+]{1,6}\d{2}[a-z]?)*)\])(?=[ ]?(?:[^\W\d_]|[%‰$€£°µ]))")


def _unmarked(quote: str) -> str:
    """`quote` without the footnote and citation markers it prints between a figure and its unit
    (`_MARKER`): "11.49⁵ kWh" states 11.49 kWh as "11.49 kWh" does, and its 5 is no figure (neither
    11.495 kWh nor 5 kWh)."""
    if not any(c in quote for c in "⁰¹²³⁴⁵⁶⁷⁸⁹†‡*§¶["):
        return quote

    def drop(m: re.Match[str]) -> str:
        if m.group("sup") and not any(c in m.group("num") for c in ".,"):
            return m.group(0)       # "2³² addresses": a power
        return m.group("num")
    return _MARKER.sub(drop, quote)




@dataclass(frozen=True)
class _Number:
    text: str
    start: int
    end: int
    value: Decimal
    half: Decimal
    #: the unit the words print it with ("x" of "two orders of magnitude"), else None
    unit: str | None = None
    #: a share printed in words ("two thirds", "one in five"): its value is exact, and a writer
    #: rounds it to the precision of their own figure
    share: bool = False
    #: "fall" or "rise": a change whose size the word itself gives ("halved" a fall of a half, "doubled" a
    #: rise of 100 %), where other numbers are a change's size only by the words around them (`_changes`)
    change: str | None = None


_ORDER_WORDS = {"an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}
#: A scale word after a number written in words: "two million", "ten thousand".
_WORD_SCALE = lazy(r"(?i)[ -]+(thousand|million|billion|trillion)\b")
#: "a million", "one billion".
_A_SCALE = lazy(r"(?i)(?<![\w-])(?:a|one)[ ]+(thousand|million|billion|trillion)\b")
#: "one" counting a thing: after a bound ("at least one GPU", "up to one node") or before one
#: ("one or fewer course", "one or more GPUs").
_ONE = lazy(r"(?i)(?:(?:(?<=\bleast[ ])|(?<=\bmost[ ])|(?<=\bup[ ]to[ ])|(?<=\bthan[ ])|(?<=\bonly[ ])"
            r"|(?<=\bexactly[ ])|(?<=\bjust[ ]))one(?=[ ]+[A-Za-z])"
            r"|(?<![\w-])one(?=[ ]+or[ ]+(?:fewer|more|less|greater)\b))(?![\w-])")
_FRACTION_PART = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "tenth": 10}
_FRACTION_COUNT = {"two": 2, "three": 3, "four": 4, "nine": 9}
#: What "half a" counts that is an amount, no share: "half a dozen", "half an hour", "half a million", "half a percent"
#: (the value "half" held "half an hour" and "half a million users" as a share of one half).
_HALF_AN_AMOUNT = (r"(?:dozen|score|hundred|thousand|million|billion|trillion|percent|per[ ]cent|percentage|point|second"
                   r"|minute|hour|day|week|month|year|decade|century|millennium|mile|kilomet(?:er|re)|met(?:er|re)"
                   r"|lit(?:er|re)|gallon|pound|ounce|kilogram|gram|ton|tonne|degree|cent|dollar|euro)s?")
#: A fraction in words: "a third", "one-tenth", "two-thirds", "three quarters", "half of", and "half" ending a text (a
#: claim's value "half", "about half").
_FRACTION = lazy(r"(?i)(?<![\w-])(?:(?P<n>a|one|two|three|four|nine)[ -](?P<d>half|thirds?|quarters?|fourths?"
                 rf"|fifths?|tenths?)|(?P<half>half)(?=[ ]+(?:of|the|a|an|as)\b|\s*\Z)(?![ ]+an?[ ]+{_HALF_AN_AMOUNT}\b)"
                 rf"|(?<=\bby[ ])(?P<by>half)\b(?![ ]+an?[ ]+{_HALF_AN_AMOUNT}\b))"
                 r"(?![\w-])")
_SHARE_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "twenty": 20, "hundred": 100, "thousand": 1000}
#: A share as a count out of a whole: "one in five", "two out of three", "1 in 10", "one in a hundred", "130 times out
#: of 400" (occasions out of a whole).
_SHARE = lazy(r"(?i)(?<![\w.,-])(?P<a>one|two|three|four|five|six|seven|eight|nine|\d{1,3})[ ]+"
              r"(?P<join>in|(?:times[ ]+)?out[ ]of|of(?:[ ]+the)?)[ ]+(?:a[ ]+|every[ ]+)?"
              r"(?P<b>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|\d{1,4})(?![\w.,]\w)")
#: A year a share's whole may look like: "3 in 2019", "18 of 2020" are no shares.
_YEAR_LIKE = lazy(r"1[89]\d\d|20\d\d")
#: The word after a share's whole: "patients" of "1 in 5 patients", "minutes" of "5 in 10 minutes" (a unit: no share).
_WORD_THEN = lazy(r"[ ]+(?P<w>[^\W\d_]+)")


def _share_word(text: str) -> int | None:
    """A share's count or whole ("five", "10") as a number."""
    return int(text) if text.isdigit() else _SHARE_WORDS.get(text.lower())


def _share_rounds(h: _Number, w: _Number, scale: Decimal) -> bool:
    """Whether the claim's number `w` (in a unit `scale` times one: 0.01 for "%") is the quote's
    share `h` ("two thirds", "one in five")."""
    return share_holds(h.value, w.value * scale, w.half * scale)


def share_holds(share: Decimal, mine: Decimal, half: Decimal) -> bool:
    """Whether a figure `mine` written to ± `half` (both as parts of one: 0.67 for "67%") is the
    `share` a text prints in words ("two thirds", "one in five") as a writer rounds it: the share
    itself ("50%" of "half of", "0.5"), or rounded to the figure's own precision of at least a whole
    percent ("67%", "66.7%", "0.667" of "two thirds"; never "66%", "70%" nor "0.7")."""
    if mine == share:
        return True
    return half <= Decimal("0.005") and abs(mine - share) <= half


def shares_in(text: str) -> list[tuple[int, int, Decimal]]:
    """The shares `text` prints in words ("two thirds", "half of", "one in five"): (start, end,
    value as a part of one)."""
    return [(n.start, n.end, n.value) for n in _scan(text)[0] if n.share and n.change is None]


#: "half" naming a part, not a share: "the second half of", "the first half".
_NOT_A_HALF = lazy(r"(?i)\b(?:first|second|other|latter|former|last|next|top|bottom|upper|lower)[ ]+$")
#: A power of ten: "10⁵", "10⁻³", "1.2 × 10⁵" (superscript), "10^-3" (a bare ten raised), "10−3" (its
#: superscript printed flat after the minus sign U+2212).
_POWER = lazy(r"(?<![\w.,^])(?:(?P<mant>\d+(?:\.\d+)?)[ ]?[×x·][ ]?)?10"
              r"(?:(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\^(?P<exp>[-−+]?\d{1,3})|(?P<neg>−\d{1,2})(?![.,]\d))"
              r"(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])")
#: A whole number raised to a power printed in superscript: "2³²", "64²", "2⁻³" (ten's are `_POWER`'s).
_RAISED = lazy(r"(?<![\w.,^])(?!10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺])(?P<base>\d{1,3})(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
               r"(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])")
#: A proper fraction in digits: "1/10", "1/10th", "2/3" (never a date's "1/2/2020", a ratio "24/7" or a
#: rate's "kWh/100").
_DIGIT_FRACTION = lazy(r"(?<![\w.,/])(?P<a>\d{1,3})/(?P<b>\d{1,4})(?:th|rd|nd|st)?s?(?![\w/]|[.,]\d)")
#: "an order of magnitude", "two orders of magnitude", "3 orders of magnitude".
_ORDERS = lazy(r"(?i)(?<![\w.,-])(?P<n>an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
               r"[ ]+orders?[ ]+of[ ]+magnitude\b")


#: A whole number and a half: "one and a half", "2 and a half".
_AND_A_HALF = lazy(r"(?i)(?<![\w.,-])(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})[ ]+and[ ]+a[ ]+half"
                   r"(?![\w-])")
_HALF_WHOLES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10}


#: A comparison "as much" as another's after a factor or a fraction: " as much", " as many", " as large as".
_AS_MUCH = lazy(r"(?i)[ ]+as[ ]+(?:much|many|large|high|long|big|great|fast)\b")
_AS_MUCH_ENDS = lazy(r"(?i)[ ]+as[ ]+(?:much|many|large|high|long|big|great|fast)$")
#: A factor written as a word: "twice", "doubled", "tripled", "quadrupling".
_FACTOR_WORD = lazy(r"(?i)(?<![\w-])(?:twice|thrice|doubl(?:e[ds]?|ing)|tripl(?:e[ds]?|ing)|quadrupl(?:e[ds]?|ing)"
                    r"|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand)-?fold)"
                    r"(?![\w-])")
_FACTOR_VALUES = {"twic": 2, "doub": 2, "thri": 3, "trip": 3, "quad": 4}
#: A number counting what a plural after it names, a word between at most: "684K training " of "684K training triples".
_COUNT_BEFORE_NOUN = lazy(r"(?<![\w.,])\d[\d.,]*(?:[kKMB]|[ ](?:thousand|million|billion))?(?:[ ]+[^\W\d_][\w-]*)?[ ]+$")
#: A verb of a factor that says a quantity changed by it ("doubled", "tripling"), not a count of times
#: ("twice", "double the energy").
_CHANGE_VERB = lazy(r"(?:doubl|tripl|quadrupl)(?:ed|es|ing)")
#: The rise a fold names after it: "a threefold increase", "a tenfold rise in energy".
_FOLD_RISE = lazy(r"(?i)[ ]+(?:increases?|rises?|growth|jumps?|gains?)(?![\w-])")
#: ... or before it: "increased threefold", "grew by 3x".
_RISE_THEN_FOLD = lazy(r"(?i)(?<![\w-])(?:increas(?:ed|es|e|ing)|rose|rises?|rising|gr[eo]w(?:s|n|ing)?|jump(?:ed|s)?"
                       r"|climb(?:ed|s)?)[ ]+(?:by[ ]+)?(?:(?:about|around|nearly|almost|roughly|some)[ ]+)?$")
#: A factor's comparison after its number: " times as much" of "1.5 times as much", "x as many" of "3x as many".
_TIMES_AS_MUCH = lazy(r"(?i)[ ]?(?:times|[x×])[ ]+as[ ]+(?:much|many|large|high|long|big|great|fast)\b")
#: A factor said as "N times more" (or larger, higher, ...): N times as much to some readers, N more to others.
_TIMES_MORE = lazy(r"(?i)(?<![\w.,])(?:(?P<n>\d+(?:\.\d+)?|two|three|four|five|ten)[ ]?(?:times|[x×])|(?P<w>twice"
                   r"|thrice))[ ]+(?:more|larger|higher|greater|bigger|longer|faster)\b")
#: A fold in digits after its number: "3-fold", "3x", "3×".
_DIGIT_FOLD = lazy(r"(?i)[ ]?(?:-[ ]?fold\b|fold\b|[x×](?![\w-]))")
#: "halved": a quantity fell by a half.
_HALVED = lazy(r"(?i)(?<![\w-])halv(?:ed|es|ing)(?![\w-])")
#: "tenfold", "a hundred-fold": the number of a word's fold.
_FOLD_VALUES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "twenty": 20, "fifty": 50, "hundred": 100, "thousand": 1000}


def numbers_in(text: str) -> list[_Number]:
    """Every number written in ``text``, with its value and half-unit of precision; never a page's or its lines'
    number a quote copies with its text ("4977" of "4977\nS2ORC consists of 81.1M papers")."""
    found = _scan(text)[0]
    if "\n" not in text:
        return found
    numbering = sorted(page_numbering(text, last=False))
    if not numbering:
        return found
    starts = [a for a, _ in numbering]

    def numbers_page(n: _Number) -> bool:
        at = bisect.bisect_right(starts, n.start) - 1
        return at >= 0 and n.end <= numbering[at][1]

    return [n for n in found if not numbers_page(n)]


def _scan(text: str, whole: bool = False) -> tuple[list[_Number], list[str]]:
    """`numbers_in`, and why each number kb cannot read is unreadable ("1e99999999" is
    out of range, "1,28" has a thousands group of two digits). `whole`: a number written
    with spaces between its thousands groups is that number alone (a claim's value), not
    also its groups (as a quote's table cells may be)."""
    t = _plain(text)
    out: list[_Number] = []
    unread: list[str] = []
    seen = set()
    for rx in (_NUM, _SPACED):
        for m in rx.finditer(t):
            try:
                w = read_number(m)
            except KBError as exc:
                if rx is _NUM:
                    unread.append(exc.message)
                continue
            if (m.start(), m.end()) in seen:
                continue
            if rx is _SPACED and not whole and _CELL_BEFORE.search(t, max(0, m.start() - 40), m.start()):
                continue        # "V100 30 300 W", "GTX 1080 4 180 W": a table's cells, not 30,300 W
            seen.add((m.start(), m.end()))
            if w.value < 0 and m.group("sign") and _FALL_BEFORE.search(t, max(0, m.start() - 80), m.start()):
                # "fell -20%", "dropped by −3 kWh": the sign says the fall again, its figure the fall's size, as in
                # "fell 20%" (its span keeps the sign, after the words that name the fall)
                out.append(_Number(m.group(0).strip()[1:], m.start(), m.end(), -w.value, w.half_unit))
                continue
            out.append(_Number(m.group(0).strip(), m.start(), m.end(), w.value, w.half_unit))
    if not whole and "\n" in text:
        out = _split_groups(text, t, out)
    # "ten tasks": extraction gives the count in digits, so its quote holds it in words; "two
    # million images" is 2,000,000 (and no figure 2), "a million" 1,000,000.
    for start, end, value in word_numbers(t):
        scale = _WORD_SCALE.match(t, end)
        if scale is not None:
            power = SCALE_WORDS[scale.group(1).lower()]
            out.append(_Number(t[start:scale.end()], start, scale.end(), Decimal(value).scaleb(power),
                               Decimal("0.5").scaleb(power)))
            continue
        out.append(_Number(t[start:end], start, end, Decimal(value), Decimal("0.5")))
    # "at least one GPU", "one or fewer course": one of what it counts (not "one of", "one in five")
    for m in _ONE.finditer(t):
        out.append(_Number(m.group(0), m.start(), m.end(), Decimal(1), Decimal("0.5")))
    for m in _A_SCALE.finditer(t):
        power = SCALE_WORDS[m.group(1).lower()]
        out.append(_Number(m.group(0), m.start(), m.end(), Decimal(1).scaleb(power), Decimal("0.5").scaleb(power)))
    # "a third", "two-thirds", "half of": a fraction, which a claim may give as a percentage
    # ("33 %") or a ratio ("0.5"), as a writer rounds it
    for m in _FRACTION.finditer(t):
        if m.group("half") and _NOT_A_HALF.search(t, max(0, m.start() - 12), m.start()):
            continue            # "the second half of the week": a part, no figure
        if m.group("half") or m.group("by"):
            value = Decimal("0.5")
        else:
            top = 1 if m.group("n").lower() in ("a", "one") else _FRACTION_COUNT[m.group("n").lower()]
            value = Decimal(top) / _FRACTION_PART[m.group("d").lower().rstrip("s")]
        # its text is what a writer rounds it to: "0.33" of a third (33 % holds, 30 % does not)
        exact = value.normalize() if value * 100 == int(value * 100) else None
        text = f"{exact:f}" if exact is not None else f"{value:.2f}"
        out.append(_Number(text, m.start(), m.end(), value, Decimal("0.005"), unit="", share=True))
        much = _AS_MUCH.match(t, m.end()) if value < 1 else None
        if much is not None:
            # "half as much energy", "a third as many GPUs": a fall by the rest ("-50%", "-67%"), as "halved" is; its
            # span the comparison's, the fraction's own no change ("-33%" of "a third as many" is no fall)
            out.append(_Number(f"{1 - value:.2f}", m.start(), much.end(), 1 - value, Decimal("0.005"), unit="",
                               share=True, change="fall"))
    # "one in five", "two out of three", "1 in 10": a share, 20 % (never a figure 5 %)
    for m in _SHARE.finditer(t):
        top, whole = (_share_word(m.group(g)) for g in ("a", "b"))
        if top is None or not whole or top > whole or m.group("b").isdigit() and _YEAR_LIKE.fullmatch(m.group("b")):
            continue            # "3 in 2019", "18 of 2020": no share
        after = _WORD_THEN.match(t, m.end()) if m.group("a").isdigit() and m.group("b").isdigit() else None
        if after is not None and _reads_as_unit(after.group("w")) and not _is_count(after.group("w")):
            continue            # "5 in 10 minutes", "2 of 8 GB": an amount, no share
        value = Decimal(top) / Decimal(whole)
        out.append(_Number(f"{value:.4g}", m.start(), m.end(), value, Decimal("0.005"), unit="", share=True))
    # "two orders of magnitude": a factor of 100 (of one significant digit, as "1E+2"), and
    # no figure 2
    for m in _ORDERS.finditer(t):
        word = m.group("n").lower()
        power = int(word) if word.isdigit() else _ORDER_WORDS[word]
        out = [n for n in out if not m.start() <= n.start < m.end()]
        out.append(_Number(f"1E+{power}", m.start(), m.end(), Decimal(10) ** power,
                           Decimal(5) * Decimal(10) ** (power - 1), unit="x"))
    # "one and a half times", "2 and a half hours": one number, 1.5 and 2.5, and no figure 1, 2 nor a half
    for m in _AND_A_HALF.finditer(t) if "half" in t else ():
        word = m.group("n").lower()
        value = Decimal(word if word.isdigit() else _HALF_WHOLES[word]) + Decimal("0.5")
        out = [n for n in out if not m.start() <= n.start < m.end()]
        out.append(_Number(f"{value}", m.start(), m.end(), value, Decimal("0.05")))
    # "10⁵", "1.2 × 10⁻³", "10^-3": one number, the power of ten, and no figure 10, 1.2 or -3 (a
    # claim of "10 GPU hours" from "10⁵ GPU hours" is off by ten thousand)
    powers: list[_Number] = []
    covered = bytearray(len(t) + 1)
    for m in _POWER.finditer(t):
        # "10−3" with the minus sign (U+2212) an extractor prints a superscript's with: 10⁻³, no range
        exp = int((m.group("sup") or m.group("exp") or m.group("neg")).translate(SUPERSCRIPTS).replace("−", "-"))
        mant = m.group("mant")
        if mant is not None:
            value = Decimal(mant).scaleb(exp)
            decimals = len(mant.split(".")[1]) if "." in mant else 0
            half = (Decimal(5) * Decimal(10) ** -(decimals + 1)).scaleb(exp)
        else:                       # "10^3": one significant digit, as "1E+3"
            value, half = Decimal(10) ** exp, Decimal(5) * Decimal(10) ** (exp - 1)
        if not MIN_MAGNITUDE <= value <= MAX_MAGNITUDE:
            continue
        covered[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        powers.append(_Number(m.group(0), m.start(), m.end(), value, half))
    # "2³² addresses": 2 to the 32nd, and no figure 2 (a decimal's superscript is a footnote's marker,
    # `_unmarked`)
    for m in _RAISED.finditer(t) if any(c in t for c in "⁰¹²³⁴⁵⁶⁷⁸⁹") else ():
        exp = int(m.group("sup").translate(SUPERSCRIPTS))
        try:
            value = Decimal(int(m.group("base"))) ** exp
        except ArithmeticError:
            continue
        if not MIN_MAGNITUDE <= value <= MAX_MAGNITUDE:
            continue
        covered[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        powers.append(_Number(m.group(0), m.start(), m.end(), value, Decimal("0.5") if exp >= 0 else Decimal(0)))
    if powers:                  # one pass, however many powers a hostile quote prints
        out = [n for n in out if not covered[n.start]] + powers
    # "<1/10th the energy", "2/3 of runs": a share, and its denominator no figure ("10x" of "1/10th" is
    # a tenth the other way round); its numerator counts out of it ("a SIRS score of 2/4": 2)
    fractions = [m for m in _DIGIT_FRACTION.finditer(t) if 0 < int(m.group("a")) < int(m.group("b"))]
    if fractions:
        # a value's "1/3" is the one figure, a third (a quote's numerator may count: "2/4" of a score), and
        # its sign the fraction's: "-1/4" is a fall by a quarter, as "-25%" is, never -1 and a quarter
        signs = [t[m.start() - 1] if whole and m.start() and t[m.start() - 1] in "-−+" else "" for m in fractions]
        spans = [(m.start() - len(sign) if whole else m.start("b"), m.end()) for m, sign in zip(fractions, signs)]
        out = [n for n in out if not any(a <= n.start < b for a, b in spans)]
        for m, sign in zip(fractions, signs):
            value = Decimal(int(m.group("a"))) / Decimal(int(m.group("b")))
            value, shown = (-value, "-") if sign in ("-", "−") and sign else (value, sign)
            out.append(_Number(f"{shown}{abs(value):.4g}", m.start() - len(sign), m.end(), value, Decimal("0.005"),
                               unit="", share=True))
    # "doubled", "twice", "tripled", "tenfold": a factor of 2, 3 or 10, written as a word
    for m in _FACTOR_WORD.finditer(t):
        word = m.group(0).lower()
        if word.endswith("les") and _COUNT_BEFORE_NOUN.search(t, max(0, m.start() - 40), m.start()):
            continue            # "684K training triples", "10 doubles": things counted, no factor
        value = _FOLD_VALUES[word[:-4].rstrip("-")] if word.endswith("fold") else _FACTOR_VALUES[word[:4]]
        out.append(_Number(str(value), m.start(), m.end(), Decimal(value), Decimal("0.5"), unit="x"))
        if _CHANGE_VERB.fullmatch(word) or word.endswith("fold") and _fold_rises(t, m.start(), m.end()) \
                or word in ("twice", "thrice") and _AS_MUCH.match(t, m.end()):
            # "doubled", "tripled", "a threefold increase": a rise by 100 %, 200 %, as a writer's "+100%" says it
            out.append(_Number(str(value - 1), m.start(), m.end(), Decimal(value - 1), Decimal("0.005"), unit="",
                               share=True, change="rise"))
    # "a 3-fold increase", "increased 3x": that rise too (a value's own "3x" is the factor it writes)
    for n in list(out) if not whole else ():
        fold = _DIGIT_FOLD.match(t, n.end) if n.unit is None and n.change is None and n.value > 1 else None
        if fold is not None and _fold_rises(t, n.start, fold.end()):
            out.append(_Number(f"{n.value - 1:f}", n.start, fold.end(), n.value - 1, n.half, unit="", share=True,
                               change="rise"))
    # "1.5 times as much", "three times as many": a rise by 50 %, 200 % ("N times more" is no such rise: English reads
    # it as N times as much or as N more, and kb takes neither; `_TIMES_MORE`)
    for n in list(out) if not whole else ():
        much = _TIMES_AS_MUCH.match(t, n.end) if n.unit is None and n.change is None and n.value > 1 else None
        if much is not None:
            out.append(_Number(f"{n.value - 1:f}", n.start, much.end(), n.value - 1, n.half, unit="", share=True,
                               change="rise"))
    # "halved": a fall by a half ("-50%", its size "50%") and a factor of one half ("0.5x")
    for m in _HALVED.finditer(t):
        out.append(_Number("0.5", m.start(), m.end(), Decimal("0.5"), Decimal("0.005"), unit="", share=True,
                           change="fall"))
    out.sort(key=lambda n: (n.start, n.end))
    out = _scaled_intervals(t, out)
    if not whole:
        out = _model_sizes(t, _scaled_ranges(t, out))
    if whole:
        out = _scaled_ranges(t, out, whole=True)      # a value's "2-3 billion" is 2 billion to 3 billion
        # a claim's "1 287 MWh" is 1287, not also 1 and 287
        parts = _within_others(out, [n for n in out if " " in n.text and n.text[0].isdigit()])
        out = [n for n in out if (n.start, n.end) not in parts]
    return out, unread


#: A figure's interval in a bracket, then a scale word: "$3.6 ($3.1–$4.2) million", "3.6 (95% CI 3.1–4.2) million".
_INTERVAL_BRACKET_OPENS = lazy(r"[ ]?[(\[][ ]?(?:(?:\d{2}(?:\.\d+)?[ ]?%[ ]?)?(?:CI|UI|IQR|(?i:confidence[ ]interval))"
                               r"[ ]?[:=,]?[ ]?)?")
_INTERVAL_SCALE_AFTER = lazy(r"[ ]?[)\]][ ]?(thousand|million|billion|trillion)\b")


def _scaled_intervals(t: str, out: list[_Number]) -> list[_Number]:
    """`out` (sorted) with a figure and its bracketed interval scaled by the word after the bracket: "$3.6
    ($3.1–$4.2) million" is 3.6 million dollars, from 3.1 to 4.2 million, never 3.6 dollars."""
    if not any(w in t for w in ("thousand", "million", "billion", "trillion")):
        return out
    out = list(out)
    for i, j in ((i, j) for i in range(len(out)) for j in (i + 1, i + 2) if j + 1 < len(out)):
        fig, lo, hi = out[i], out[j], out[j + 1]     # j = i + 2: a level between ("(95% CI 3.1–4.2)")
        if any(n.unit is not None or n.share or n.text[-1:].isalpha() for n in (fig, lo, hi)) \
                or not lo.value <= fig.value <= hi.value:
            continue
        if not (_INTERVAL_BRACKET_OPENS.fullmatch(t, fig.end, lo.start) and _INTERVAL_JOIN.fullmatch(t, lo.end, hi.start)):
            continue
        scale = _INTERVAL_SCALE_AFTER.match(t, hi.end)
        if scale is None:
            continue
        power = SCALE_WORDS[scale.group(1)]
        for k in (i, j, j + 1):
            n = out[k]
            out[k] = _Number(f"{n.text} {scale.group(1)}", n.start, n.end, n.value.scaleb(power), n.half.scaleb(power))
    return out


def _fold_rises(t: str, start: int, end: int) -> bool:
    """Whether the fold printed at `start`..`end` is the size of a rise the words around it name ("a threefold
    increase", "increased 3-fold"), not a factor alone ("threefold more GPUs", "3x faster")."""
    return bool(_FOLD_RISE.match(t, end) or _RISE_THEN_FOLD.search(t, max(0, start - 40), start))


def _split_groups(text: str, t: str, numbers: list[_Number]) -> list[_Number]:
    """`numbers` of `text` (`t` as `_plain` gives it, each character where it was), a number broken
    after a thousands comma at a line's end ("1,\n287 MWh") read as the one number it is: neither its 1
    nor its 287 is a figure of its own (a claim of "287 MWh" or "1 MWh" is off by a thousand). A list
    broken so stays a list (`kb.quantities.interval.broken_groups`)."""
    for m in broken_groups(text):
        a, b = t[m.start("a"):m.end("a")], t[m.start("b"):m.end("b")]
        try:
            w = read_number(_NUM.fullmatch(f"{a},{b}"))
        except (KBError, TypeError):
            continue
        parts = {m.start("a"), m.start("b")}
        numbers = [n for n in numbers if n.start not in parts] + [
            _Number(f"{a},{b}", m.start("a"), m.end("b"), w.value, w.half_unit)]
    return numbers


#: A model's size glued to its name in lower case: "7b" of "llama-7b", "350m" of "OPT-350m".
_LOWER_SIZE = lazy(r"(?<=[A-Za-z0-9]-)(\d+(?:\.\d+)?)([bm])(?![A-Za-z0-9])")
#: A unit glued to a name's number: "GB" of "A100-80GB", "TB" of "SSD-2TB".
_GLUED_UNIT = lazy(r"[A-Za-z]{2,5}(?![A-Za-z0-9])")
#: A token a model's name is printed as: letters with digits, a hyphen or inner capitals ("GPT-3",
#: "Flan-T5-xxl", "BLOOMz-7B", "T5").
_MODEL_TOKEN = lazy(r"(?:^|[\s(\[/,;:])(?P<w>(?=\S*[A-Za-z])(?=\S*[\d-])[A-Za-z][\w.-]*)[ ]$")


def _model_sizes(text: str, numbers: list[_Number]) -> list[_Number]:
    """`numbers`, a model's size as the count of its parameters ("560M" of "BLOOMz-560M", "175B"
    of "GPT-3 175B", "7b" of "llama-7b": 560 million parameters, never 560 MWh), and a figure
    glued to a product's name with its unit ("80GB" of "A100-80GB": 80 GB, never 80 GPUs)."""
    out = []
    for n in numbers:
        if n.unit is not None or _CURRENCY_SIGN.match(n.text):
            out.append(n)
            continue
        before = text[max(0, n.start - 30):n.start]
        glued = _GLUED_NAME.search(before)
        glued = glued is not None and not _FIGURE_TOKEN.match(glued.group(1) or glued.group(2))
        if n.text[-1:] in "MBK" and n.text[-2:-1].isdigit() and (glued or _MODEL_TOKEN.search(before)):
            out.append(_Number(n.text, n.start, n.end, n.value, n.half, unit="parameters"))
            continue
        if glued and _PLAIN_DIGITS.fullmatch(n.text):
            lower = _LOWER_SIZE.match(text, n.start)
            unit = _GLUED_UNIT.match(text, n.end)
            if lower is not None:
                power = 9 if lower.group(2) == "b" else 6
                out.append(_Number(lower.group(0).upper(), n.start, lower.end(), n.value.scaleb(power),
                                   n.half.scaleb(power), unit="parameters"))
                continue
            if unit is not None and _reads_as_unit(unit.group(0)) and not _is_count(unit.group(0)) \
                    and unit.group(0) not in ("th", "st", "nd", "rd"):
                out.append(_Number(n.text, n.start, n.end, n.value, n.half, unit=unit.group(0)))
                continue
        out.append(n)
    return out


#: What joins the two numbers of a range: "2-3", "2–3", "2 to 3", "2 and 3" (of "between").
_RANGE_JOIN = lazy(r"[ ]?(?:[-–—][ ]?|(?:to|and)[ ])")
#: "between" right before a range's first number ("between 2 and 3 × 10^6").
_BETWEEN_BEFORE = lazy(r"(?i)\bbetween[ ]+$")
#: A scale written after a number: "3B", "3 billion", "3M", "3 thousand", "3 × 10^4" (its power of ten).
_SCALE_AFTER = lazy(r"(?:(?<=\d)(k|K|M|B|bn)|[ ](thousand|million|billion|trillion)|(?<=\d)[ ]?[×x·][ ]?10(?:\^([-−]?\d{1,3})|([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})))$")


def _scaled_ranges(text: str, numbers: list[_Number], whole: bool = False) -> list[_Number]:
    """`numbers`, the first number of a range whose second carries a scale in that scale:
    "between 2 and 3 billion", "2–3M", "$2-3 million" hold 2 billion (2 million), and the 2 as printed
    is no number of its own, bare or in a unit ("2", "2 parameters", "$2"), of a quote or of a value."""
    extra = []
    scaled = set()
    starts = {n.start: n for n in numbers}
    for n in numbers:
        if not n.text[-1:].isdigit() or n.unit is not None:
            continue
        join = _RANGE_JOIN.match(text, n.end)
        nxt = starts.get(join.end()) if join else None
        scale = _SCALE_AFTER.search(nxt.text) if nxt is not None else None
        if scale is None:
            continue
        exponent = scale.group(3) or (scale.group(4) or "").translate(SUPERSCRIPTS)
        power = int(exponent.replace("−", "-")) if exponent else SCALE_WORDS[scale.group(1) or scale.group(2)]
        if exponent and (not _PLAIN_DIGITS.fullmatch(n.text.replace(",", "")) or n.value > nxt.value.scaleb(-power)
                         or join.group(0).strip() == "and" and not _BETWEEN_BEFORE.search(text, 0, n.start)):
            continue            # "a rate of 1e-4 and 3 × 10^5 steps": two figures, no range of one power of ten
        extra.append(_Number(n.text + scale.group(0), n.start, n.end, n.value.scaleb(power), n.half.scaleb(power)))
        scaled.add(id(n))
    if not extra:
        return numbers
    # the 2 as printed is no figure of its own: a claim's "2" (or "$2") of "$2-3 million" is off by a million
    kept = [n for n in numbers if id(n) not in scaled]
    return sorted(kept + extra, key=lambda n: (n.start, n.end))


def _unreadable(value: str, unread: list[str]) -> str:
    """Why a claim's value holding no number kb reads cannot stand."""
    if unread:
        return f"cannot read the value {value!r}: {unread[0]}"
    return f"the value {value!r} has no number"


@dataclass
class QuotedValue:
    """The outcome: ``ok`` when every number of the value is in the quote."""

    ok: bool
    #: the numbers the quote holds, as printed (with their unit when kb reads one)
    numbers: list[str] = field(default_factory=list)
    #: the numbers of the value that are not in the quote
    missing: list[str] = field(default_factory=list)
    #: why the value itself cannot stand, whatever the quote says (no number, or one kb
    #: cannot read: "abc", "1e99999999")
    problem: str | None = None
    #: the denominator of a rate the quote prints whose amount the value is ("h" of
    #: "25 gCO2e per hour" for "0.025 kg CO2e"): the value holds with that per
    rate: str | None = None
    #: the claim's own per, when it is not the rate's ("image" against "per 1,000 images")
    per: str | None = None
    #: the figure the quote prints with a unit that a value without one drops ("1,287 MWh" for
    #: "1287"): the value holds with that unit
    unit: str | None = None
    #: the value's number as the quote prints it with no unit at all ("84" of a table's row quoted
    #: without its header), when that is all that is missing: the number is found, its unit is not
    unstated: str | None = None
    #: the claim's per, when the quote holds its figure but never says what it is per, in any words
    #: ("1,080 kWh" per day of "used 1,080 kWh"): the value holds only without it
    unsaid: str | None = None
    #: the value's number, the words the quote prints it in as a label or a name, and the noun the claim counts
    #: ("10", "task 10", "tasks" of "semeval-2017 task 10"), when that is why it is not held: no count of them
    labels: tuple[str, str, str] | None = None

    def reason(self, value: str) -> str:
        if self.problem:
            return self.problem
        if self.labels:
            num, label, noun = self.labels
            return (f"{num!r} labels {label!r} there; it counts no {noun}: quote the words that count them, "
                    f"or claim the bare number")
        if self.unsaid:
            return (f"the value {value!r} per {self.unsaid} is not its quote's: the quote never says what it is per; "
                    f"drop --per, or quote the words that give it")
        if self.unstated:
            return (f"the value {value!r} gives a unit its quote does not state: the quote prints "
                    f"{self.unstated!r} with no unit, and kb found none for it (a table's header on the page, "
                    f"a unit named before it); quote the words that state its unit, or claim the bare number")
        if self.unit:
            return (f"the value {value!r} has no unit, but its quote prints it as {self.unit!r}: "
                    f"give the value with its unit")
        if self.rate and self.per:
            return (f"the value {value!r} per {self.per} is not its quote's: the quote gives a rate per "
                    f"{self.rate}: give --per {self.rate!r}")
        if self.rate and _counts_value(value):
            return (f"the value {value!r} is a total, but its quote gives a rate per {self.rate}: "
                    f"write the value per {self.rate}, or give --per {self.rate!r}")
        if self.rate:
            return (f"the value {value!r} is an amount, but its quote gives a rate per {self.rate}: "
                    f"write the value per {self.rate}, or give --per {self.rate!r}")
        held = ", ".join(self.numbers) if self.numbers else "none"
        which = "" if len(self.missing) < 2 and " " not in value.strip() or len(self.missing) == 1 \
            and len(numbers_in(value)) == 1 else f" ({', '.join(self.missing)} missing)"
        near = near_miss(value, self.numbers)
        if near:
            return f"the value {value!r} is not among its quote's numbers{which}: {held} ({near})"
        return f"the value {value!r} is not among its quote's numbers{which}: {held}"


def _printed_digits(n: _Number) -> str:
    """The significant digits `n` is printed with: "13812" of "13,812 kWh" and of "13.812 MWh"."""
    m = _PRINTED_DIGITS.match(n.text.lstrip("-−+$€£US "))
    return re.sub(r"\D", "", m.group(0)).lstrip("0") if m else ""


#: A number's digits as printed, its thousands commas and decimal point among them.
_PRINTED_DIGITS = lazy(r"[\d.,]*\d")


def near_miss(value: str, held: list[str]) -> str | None:
    """What a value of one number not in its quote has wrong against the quote's figure nearest to it, where one
    is near: the same number in another unit or currency ("8 hours" of "8 days"), another power of ten ("$8.55bn"
    of "$8.55 million"), a digit changed, dropped, added, or two swapped ("$576k" of "$567,000", "35.4" of
    "35.04"); None otherwise, so the refusal lists the quote's numbers alone."""
    mine = numbers_in(value)
    if len(mine) != 1 or not mine[0].value:
        return None
    w = mine[0]
    printed = [(text, n) for text in held for n in numbers_in(text)[:1] if n.value]
    # a figure printed with its unit first: "28 grams of CO2eq per kWh" before a bare "28"
    for text, n in sorted(printed, key=lambda p: len(p[0].strip()) <= len(p[1].text)):
        if n.value == w.value:
            if n.unit == "x" and w.unit is None and not n.share and n.change is None \
                    and not _FACTOR_UNIT.fullmatch(value[w.end:].strip().split(" ")[0] or "-"):
                # "10" of "an order of magnitude", "2" of "twice": a factor in words, no bare number
                return f"the quote's {text!r}: a factor in words, no bare number (claim it as '{w.text}x')"
            return f"the quote's {text!r} " + ("in another unit" if len(text.strip()) > len(n.text)
                                                or re.search(r"[$€£]|USD|EUR|GBP", n.text) else "without that unit")
    for text, n in printed:
        ratio = (w.value / n.value).copy_abs()
        power = ratio.adjusted()
        if power and ratio == Decimal(1).scaleb(power) and (w.value > 0) == (n.value > 0):
            return (f"the quote's {text!r} {'times' if power > 0 else 'divided by'} "
                    f"{Decimal(1).scaleb(abs(power)):,f}: another magnitude")
    for text, n in printed:
        a, b = _printed_digits(w), _printed_digits(n)
        if len(a) != len(b):
            a, b = a.rstrip("0") or a, b.rstrip("0") or b      # "576" of "$576k" against "567" of "$567,000"
        if min(len(a), len(b)) < 2 or a == b:
            continue
        if len(a) == len(b):
            off = [i for i in range(len(a)) if a[i] != b[i]]
            if len(off) == 1:
                return f"the quote's {text!r} with a digit changed"
            if len(off) == 2 and off[1] == off[0] + 1 and a[off[0]] == b[off[1]] and a[off[1]] == b[off[0]]:
                return f"the quote's {text!r} with two digits swapped"
        elif abs(len(a) - len(b)) == 1 and Decimal("0.1") < (w.value / n.value).copy_abs() < 10:
            longer, shorter = (a, b) if len(a) > len(b) else (b, a)
            if any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer))):
                return f"the quote's {text!r} with a digit {'added' if longer is a else 'dropped'}"
    return None


@functools.lru_cache(maxsize=1024)
def _counts_unit(unit: str) -> bool:
    """Whether a claim's unit as written counts things or devices ("models", "GPUs", "TPUs")."""
    try:
        return _counts_things(parse_unit(unit, nouns=True))
    except KBError:
        return False


def _counts_value(value: str) -> bool:
    """Whether a claim's value counts things ("8 GPUs", "64 hidden units") or is a bare number ("8")."""
    try:
        unit = Interval.from_written(value).unit
        return _counts_things(unit) or unit == Interval.exact(1).unit and not _unit_text(value, numbers_in(value))
    except KBError:
        return False


#: A number's decimals ending in a zero ("81.10", "2.0", "8.220e-6"): a digit a writer adds only where it was measured.
_TRAILING_ZERO = lazy(r"\.\d*0(?!\d)")


def _adds_precision(w: _Number, half_printed, half_mine=None) -> bool:
    """Whether the claim's number `w` writes a trailing zero past the digits the quote prints its figure with (half
    its last digit `half_printed`, in the claim's unit): "81.10M" of "81.1M", "2.0 kWh" of "2 kWh", "1.50 t" of
    "1,500 kg". A zero is a digit: the page never says the figure is 81.10M and not 81.14M. A claim with fewer digits
    than printed is a rounding (`_close`), and a whole number's trailing zeros ("11,490 Wh" of "11.49 kWh") are no
    added digits."""
    if _TRAILING_ZERO.search(w.text) is None:
        return False
    if half_mine is None:
        return w.half < half_printed
    return half_mine * (1 + 1e-9) < half_printed * (1 - 1e-9)


def _printed_half(n: _Number) -> Decimal:
    """Half the last digit the page prints of `n`: a whole number's trailing zeros are digits it prints ("50" of
    "50%", "100" of "100 W": half a unit), where `n.half` reads them as maybe rounded ("50" as 45 to 55). A claim
    writing as many digits ("0.50" of "50%", "0.10 kW" of "100 W") adds none."""
    m = re.fullmatch(r"[-+−]?(?P<d>\d[\d, ]*)(?P<s>[^\d\s.,]*)", n.text)
    if m is None:
        return n.half
    digits = re.sub(r"\D", "", m.group("d"))
    zeros = len(digits) - len(digits.rstrip("0"))
    if not zeros or zeros == len(digits):
        return n.half
    return min(n.half, n.half.scaleb(-zeros))


def _fewer_zeros(value: str) -> str:
    """`value` with the trailing zeros of its numbers' decimals dropped: "81.1M" of "81.10M", "2 kWh" of "2.0 kWh"."""
    return re.sub(r"(\d)\.(\d*?)0+(?!\d)", lambda m: m.group(1) + (f".{m.group(2)}" if m.group(2) else ""), value)


def _close(a: float, half_a: float, b: float, half_b: float) -> bool:
    return abs(a - b) <= min(half_a, half_b) * (1 + 1e-9) + 1e-300


#: The coarsest relative precision a converted figure may be rounded to (three significant
#: digits): "284 t" of "626,155 lbs" (284.02 t), never "280 t" or "300 t". Only a conversion
#: that is no decimal shift is rounded (`_decimal_shift`).
_ROUNDING = 0.005


def _rounded(conv: Interval, mine: Interval) -> bool:
    """Whether the claim's figure `mine` is the quote's figure `conv` (converted to the
    claim's unit) rounded as a writer rounds a conversion: to the claim's precision, kept to
    three significant digits or the quote's own precision."""
    half_mine = (mine.hi - mine.lo) / 2
    half_conv = (conv.hi - conv.lo) / 2
    if not mine.nominal or not conv.nominal:
        return False
    coarse = max(_ROUNDING, half_conv / abs(conv.nominal))
    return (abs(conv.nominal - mine.nominal) <= half_mine * (1 + 1e-9)
            and half_mine / abs(mine.nominal) <= coarse * (1 + 1e-9))


def _decimal_shift(printed: Interval, conv: Interval) -> bool:
    """Whether a conversion only moves the decimal point (kWh to Wh, ‰ to %): its figure is
    then written exactly ("11,490 Wh" of "11.49 kWh", never "11,500 Wh"), not rounded."""
    if not printed.nominal or not conv.nominal:
        return True
    power = math.log10(abs(conv.nominal / printed.nominal))
    return abs(power - round(power)) < 1e-9


#: A citation: "[8]", "[2, 28]", "[46]", "[48, MNLI]", "[11–13]".
_CITATION = lazy(r"\[\s*\d{1,3}(?:\s*[-–,;]\s*\d{1,3})*(?:\s*,\s*[A-Za-z][\w .-]{0,20})?\s*\]")
#: A label's word before its number: "Table 2", "Fig. 3", "Section 4.1", "Eq. (2)", "p. 7", or a standard's name and
#: the parts of its number ("ISO/IEC 30134-2", "ISO 14064-1:2018", "IEEE 754", "RFC 2616").
_LABEL_BEFORE = lazy(r"(?i)(?:\b(?:table|tables|figure|figures|fig|figs|section|sections|sec|eq|eqs|equation|"
                     r"appendix|chapter|algorithm|footnote|page|pages|p|pp|line|lines|version|row|rows|column|columns|col)\.?|§"
                     r"|\b(?-i:ISO(?:/IEC)?|IEC|IEEE(?:[ ]Std)?|RFC|ANSI|ASTM)[ ]?(?:\d+[-:.])*)"
                     r"\s*\(?\s*$")
#: A word a year follows: "in 2016", "compared with 2010", "since 2012".
_YEAR_BEFORE = lazy(r"(?i)\b(?:in|since|from|until|till|by|with|of|to|for|during|before|after|circa|year|early|late|"
                    r"mid|and|or|between)\s+$")


#: The word a number is glued to by a hyphen ("GPT" of "GPT-3", "SXM4" of "A100-SXM4-80GB").
_GLUED_NAME = lazy(r"(?:^|[\s(\[/])(\S*[A-Za-z]\S*?)-$|(?:^|[\s(\[/])([A-Za-z]+\d+)–$")
#: A figure with its unit ("250W" of "250W-350W"), which a hyphen after it makes a range.
_FIGURE_TOKEN = lazy(r"[~≈<>≤≥]?[\d.,]+\s?[A-Za-z%µ°]+$")


#: The word a number follows as a product's or model's name does ("GTX" of "GTX 1080", "Llama"
#: of "Llama 2", "SQuAD" of "SQuAD 1.1"), a space between them.
_NAME_WORD = lazy(r"(?:^|[\s(\[/,;:])(?P<w>[A-Za-z][A-Za-z0-9]*)[ ]$")
#: A plain number, as a model's number is printed ("1080", "3090", "2", "1.1"): no scale, unit
#: or separator of its own ("A100 40GB", "GPT-3 175B", "Llama 2 70B": those are figures).
_PLAIN_DIGITS = lazy(r"\d+(?:\.\d+)?")
#: Words a table row or a figure is named by, which its numbers are not part of ("Total 316").
_ROW_WORDS = {"total", "totals", "average", "avg", "mean", "median", "sum", "overall", "all", "max", "min",
              "maximum", "minimum", "baseline", "ours", "yes", "no", "none", "sd", "std"}
#: Product lines whose next number is always a model's: "GTX 1080", "Xeon 8380", "Llama 2".
_PRODUCT_LINES = {"gtx", "rtx", "titan", "quadro", "geforce", "radeon", "epyc", "xeon", "ryzen", "threadripper",
                  "core", "gold", "silver", "platinum", "snapdragon", "jetson", "iphone", "pixel", "galaxy",
                  "llama", "gemma", "phi", "gpt", "palm", "claude", "mistral", "falcon", "qwen", "diffusion"}
#: Names of scores and ratios printed before their value ("BLEU 28.4", "PUE 1.1"): figures.
_SCORE_NAMES = {"PUE", "BLEU", "ROUGE", "F1", "AUC", "AUROC", "MRR", "DCG", "NDCG", "MAP", "WER", "CER", "FID",
                "EM", "PPL", "CUE", "WUE", "MSE", "RMSE", "MAE", "ACC", "TOP1", "TOP5"}
#: What a table's next cell looks like: a plain number, a percentage, a currency amount.
_NEXT_CELL = lazy(r"[ ]*[-−+]?[$€£]?\d[\d.,]*%?(?![\w.])")


def _model_number(plain: str, n: _Number) -> bool:
    """Whether `n` is the number of a product's or model's name, printed after it with a space
    ("GTX 1080", "RTX 3090", "EPYC 7763", "Xeon Gold 6248", "Llama 2", "Stable Diffusion 2",
    "SQuAD 1.1", "iPhone 13", "Mistral 7B"): a plain number after a product line's word, or after
    an acronym or a word with digits or inner capitals (not a unit, a score's name or a table
    row's label), with no unit and no table cell after it; after a capitalised word only when a
    model's size follows ("Falcon 2 11B"). It is no figure in any unit: "1080 W" is not in "the
    GTX 1080 draws 250 W"."""
    if not _PLAIN_DIGITS.fullmatch(n.text):
        return False
    m = _NAME_WORD.search(plain, max(0, n.start - 40), n.start)
    if m is None:
        return False
    word = m.group("w")
    upper = sum(c.isupper() for c in word)
    if (word.upper() in _SCORE_NAMES or word.lower() in _ROW_WORDS or word.lower() in _SENTENCE_WORDS
            or _MONTH_WORD.fullmatch(word)):
        return False            # "January 29, 1998": a date's day
    if word.lower() in _PRODUCT_LINES:
        return True             # "GTX 1080 4 180 W" (a table's row): the model, whatever follows
    if upper >= 2 or any(c.isdigit() for c in word) or upper and not word[0].isupper():
        pass                    # "GTX", "EPYC", "SQuAD", "ResNet", "T5", "i7", "iPhone": a name wherever it stands
    elif not (word[0].isupper() and _MODEL_SIZE.match(plain, n.end)):
        return False            # "Model Training 3.2", "Nearly 300": a word, unless a model's size follows
    if _reads_as_unit(word) or _reads_as_unit(word.lower()):
        return False            # "Watts 187", "GPU 8", "USD 30": a unit heading its number
    rest = plain[n.end:]
    if _NEXT_CELL.match(rest) or rest.lstrip(" ")[:1] in ("%", "‰"):
        return False            # "Transformer 213 0.07": a table's row, its cells figures
    if (not rest.strip() or _ROW_LABEL_AFTER.match(plain, n.end)) and _row_starts(plain, m.start("w")) \
            and _header_units(plain, n):
        return False            # "Energy (kWh) / BERT 23 / GPT 900 41": a row's one number under a header naming its
        # unit is its cell, as "41" of "GPT 900 41" is (a row of a name and no cell is no table's)
    return _unit_after(plain, n) is None


def _row_starts(plain: str, at: int) -> bool:
    """Whether a table's row starts at `at`: after a header's bracketed unit ("(kWh) BERT 23") or the last cell of the
    row before ("23 GPT 900 41"), never after a word of a sentence ("of SQuAD 2")."""
    before = plain[max(0, at - 40):at].split()
    return bool(before) and (before[-1][-1:] in ")]" or _CELL_TOKEN.fullmatch(before[-1]) is not None)


#: A month's name ("January 29", "Sept 3"): a date's day follows it, not a model's number.
_MONTH_WORD = lazy(r"(?i)jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                   r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
#: A model's size printed after its name and number: "70B" of "Llama 2 70B".
_MODEL_SIZE = lazy(r"[ ]\d+(?:\.\d+)?[BMK]\b")


def _label_or_name(plain: str, n: _Number) -> bool:
    """Whether the quote's number `n` is no figure: a reference ("[8]"), part of a name
    ("GPT-3", "BLOOMz-560M", "GTX 1080", "Llama 2"), a label's number ("Table 2", "Section 4")
    or a year after a word that dates ("in 2016", "compared with 2010,")."""
    if any(m.start() <= n.start and n.end <= m.end()
           for m in _CITATION.finditer(plain, max(0, n.start - 30), min(len(plain), n.end + 30))):
        return True
    before = plain[max(0, n.start - 30):n.start]
    glued = _GLUED_NAME.search(before)
    if glued and not _FIGURE_TOKEN.match(glued.group(1) or glued.group(2)) and n.unit is None:
        return True             # "GPT-3", "SXM4" of "A100-SXM4-80GB": a name's number ("250W-350W" is a range;
        # "BLOOMz-560M" and "A100-80GB" are figures, `_model_sizes`)
    if _LABEL_BEFORE.search(before):
        return True
    if _model_number(plain, n) and not _CI_BEFORE.search(plain, max(0, n.start - 40), n.start):
        return True             # ("CI 78.1, 84.3": a confidence interval's bound, `_spreads`, no name's number)
    if (n.text.isdigit() and len(n.text) == 4 and 1900 <= int(n.text) <= 2099 and _YEAR_BEFORE.search(before)
            and (_noun_after(plain, n) is None or _unit_after(plain, n) is None and _count_word_after(plain, n) is None)):
        return True             # "in 2019 we used 512 GPUs": a year, whatever the quote counts ("in 2019 GPUs": a count)
    if n.text.isdigit() and len(n.text) == 4 and 1900 <= int(n.text) <= 2099 and _CITED_BEFORE.search(before) \
            and (_CITATION_ENDS.match(plain, n.end) or _unit_after(plain, n) is None and _noun_after(plain, n) is None):
        return True             # "(Strubell et al., 2019)", "Strubell et al. (2019)", "(Smith, 2019)": a citation's year
    return False


_CITATION_ENDS = lazy(r"[a-z]?[ ]?[);]")
#: What a citation's year follows: "et al., ", "et al. (", "Smith, ", "Smith (", "(Smith and Jones ".
_CITED_BEFORE = lazy(r"(?:\bet[ ]al\.?,?[ ]?\(?|\b[A-Z][a-z'’-]+(?:,[ ]?|[ ]?\()|\([A-Z][a-z'’-]+"
                     r"(?:[ ](?:and|&)[ ][A-Z][a-z'’-]+)?[ ])$")


#: What joins a range of labels ("T1–3", "Tables 2 to 4") and a list of them ("T1–3, 5–12", "2 and 4–6").
_LABEL_RANGE_JOIN = lazy(r"(?:[-–—]|[ ]to[ ])\Z")
_LABEL_LIST_JOIN = lazy(r"(?:,|[ ]and|[ ]&)[ ]?\Z")


def _labels_dropped(plain: str, held: list[_Number]) -> list[_Number]:
    """`held` without what is no figure (`_label_or_name`), nor the numbers that go on a label's:
    a range's end after a label's number ("3" of "T1–3", "4" of "Tables 2–4") and a range listed
    after it ("5–12" of "T1–3, 5–12"): labels all, never a figure in any unit."""
    out: list[_Number] = []
    label_end = None            # where the last label (or a label's range) ends
    label_value = None          # its number
    for i, n in enumerate(held):
        gap = plain[label_end:n.start] if label_end is not None and label_end <= n.start else None
        if _label_or_name(plain, n):
            label_end, label_value = n.end, n.value
            continue
        nxt = held[i + 1] if i + 1 < len(held) else None
        starts_range = nxt is not None and _PLAIN_DIGITS.fullmatch(nxt.text) is not None \
            and nxt.value > n.value and _LABEL_RANGE_JOIN.fullmatch(plain[n.end:nxt.start]) is not None
        if gap is not None and _PLAIN_DIGITS.fullmatch(n.text) and label_value is not None and n.value > label_value \
                and (_LABEL_RANGE_JOIN.fullmatch(gap) or _LABEL_LIST_JOIN.fullmatch(gap) and starts_range):
            label_end, label_value = n.end, n.value     # "3" of "T1–3", "5" and "12" of "T1–3, 5–12"
            continue
        label_end = label_value = None
        out.append(n)
    return out


def _drop_groups(plain: str, held: list[_Number]) -> list[_Number]:
    """`held` without what is no figure (`_label_or_name`), nor the groups of a number written
    with spaces between its thousands groups and a unit after it: "1 287 MWh" is 1287 MWh, never also 1 and "287 MWh" (groups
    without a unit after them may be a table's cells, and stay numbers of their own)."""
    held = _labels_dropped(plain, held)
    spaced = [n for n in held if " " in n.text and n.text[0].isdigit()]
    if not spaced:
        return held
    parts = _within_others(held, [s for s in spaced if _unit_after(plain, s)])
    # "GPT 480 987" under "Energy (MWh) Emissions (tCO2e)": two cells of a row whose header names two columns,
    # never one number 480,987 (a thousands group after a space is one only where no column boundary may fall)
    cells = {(s.start, s.end) for s in spaced if not _unit_after(plain, s) and _columns_named(plain, s.start) > 1}
    return [n for n in held if (n.start, n.end) not in parts and (n.start, n.end) not in cells]


def _columns_named(plain: str, pos: int) -> int:
    """How many columns the header before `pos` names by a unit in parentheses: 2 of "Model Energy (MWh) Emissions
    (tCO2e) GPT"."""
    return sum(1 for m in _HEADER_PAREN.finditer(plain, max(0, pos - _HEADER_REACH), pos)
               if _reads_as_unit(" ".join((m.group(1) or m.group(2)).split())))


#: What may start a unit printed after a number: a letter or a unit's sign, a factor's "×" or "-fold".
_UNIT_START = lazy(r"[^\W\d_]|[%‰‱°µμ′″/×℃℉]|-fold\b")
_CURRENCY_SIGN = lazy(r"[-−+]?(US\$|\$|€|£|USD|EUR|GBP)")
#: A list going on after a number: ", 74", " and 8".
_LIST_ON = lazy(r"(?:,[ ]?(?:(?:and|or)[ ])?|[ ](?:and|or)[ ])\d")
#: A range going on after a number: "-20", "– 20", "to 20".
_RANGE_ON = lazy(r"(?:[-–—−]|to\s)\s*[-−]?[$€£]?\.?\d")


#: What joins the numbers of a list: "62, 74", "4 and 8", "2, 4, and 8".
_LIST_JOIN = lazy(r",[ ]?(?:(?:and|or)[ ])?|[ ](?:and|or)[ ]")
#: "from" before a range's first figure: "varies from 5.4", "from about 3".
_FROM_BEFORE = lazy(r"(?i)\bfrom[ ]+(?:(?:about|around|roughly|approximately|~)[ ]*)?$")
#: A label of a range's first figure and the word to its last: " for the smallest model, BLOOMz-560M to " (no figure
#: of its own between, no clause: "5.4 for A to 10 kWh for B").
_LABEL_TO = lazy(r"(?i)[ ]+for[ ]+(?:(?![ ]\d|[ ](?:to|from|per|and|or|which|while|but)\b)[^;:()%/=])+?[ ]*,?[ ]to[ ]+"
                 r"(?:(?:about|around|roughly|approximately|~)[ ]*)?")
#: What joins a figure and its uncertainty: "12.5 ± 0.3 kWh" (the unit after both is each one's).
_PLUS_MINUS = lazy(r"[ ]?(?:±|\+/-|\+-)[ ]?")
#: A confidence interval's words after its level ("95% CI", "95 % confidence interval") and before its
#: bounds ("CI 78.1-84.3", "CI: [78.1, 84.3]", "confidence interval of 78.1 to 84.3").
_CI_AFTER = lazy(r"[ ]?%?[ ]*(?:CI\b|(?i:confidence[ ]intervals?\b))")
_CI_BEFORE = lazy(r"(?:\bCI|(?i:\bconfidence[ ]intervals?))[ ]*(?:[=:][ ]*|of[ ]+|was[ ]+)?[\[(]?[ ]*$")
#: What joins a confidence interval's bounds: "78.1-84.3", "78.1, 84.3", "78.1 to 84.3", "45.7%–57.5%".
_CI_JOIN = lazy(r"[ ]?(?:%|[^\W\d_]{1,5})?[ ]?(?:[-–—,;][ ]?|to[ ])")
#: A value that itself writes an uncertainty ("3.2 ± 0.1 kWh", "± 0.1 kWh", "SD 0.4"): its numbers may
#: be the quote's uncertainties.
_SPREAD_IN_VALUE = lazy(r"±|\+/-|\+-|(?i:\bplus[ ]or[ ]minus\b|\b(?:SD|SE|SEM|CI|std|stdev)\b|standard[ ]"
                        r"(?:deviation|error)|confidence)|σ|\d[ ]?[(\[][ ]?[-−]?\d")


#: The words of a fall and of a rise, and a change's size after them (the extractor's, `kb.quantities.numbers`).
_FALL_WORDS, _RISE_WORDS, _change_before = FALL_WORDS, RISE_WORDS, change_before


_FALL_BEFORE = _change_before(_FALL_WORDS, _RISE_WORDS)
_RISE_BEFORE = _change_before(_RISE_WORDS, _FALL_WORDS)


def _change_again(words: str, others: str):
    """A change's size said again after its first, its words left out: "increasing the run by 24 hours in Table 4,
    and by " (before "100%"), "fell by 3% in 2019, and by " (before "5%"); in one sentence, no change the other way
    between."""
    return lazy(rf"(?i)(?<![\w-])(?:{words})(?:[ ]+(?!(?:{others}|and|or|but|to)\b)[^\W\d_][\w-]*){{0,5}}[ ]+by[ ]+"
                rf"(?:(?![^\W\d_]*(?:{others})\b)(?:[^.;:!?]|\.(?=\d))){{1,80}}?,?[ ]+(?:and|or)[ ]+by[ ]+"
                rf"(?:(?:about|around|approximately|nearly|almost|roughly|some|over|more[ ]than|less[ ]than"
                rf"|up[ ]to)[ ]+)?$")


_AGAIN = {"fall": _change_again(_FALL_WORDS, _RISE_WORDS), "rise": _change_again(_RISE_WORDS, _FALL_WORDS)}
#: A change's unit between its size and the words after it that name it: "5% decrease", "12 kWh lower".
_CHANGE_UNIT = r"(?i)[ ]?(?:%|percent|per[ ]cent|percentage[ ]points?|[^\W\d_]{1,6}\b(?:[ ]?[^\W\d_]{1,6}\b)?)?[ -]?"
#: A change written in words after its size: "a 5% decrease", "5% less energy", "12 kWh lower", "a
#: 5-percent reduction"; "a 5% increase", "5% more energy", "a 5% rise".
_FALL_AFTER = lazy(_CHANGE_UNIT + r"(?:decreases?|drops?|reductions?|declines?|falls?|cuts?|less|lower|fewer|smaller"
                   r"|loss)\b")
_RISE_AFTER = lazy(_CHANGE_UNIT + r"(?:increases?|rises?|gains?|growth|jumps?|more|higher|greater|larger|bigger)\b")


def _changes(plain: str, held: list[_Number], before, after, kind: str) -> set[tuple[int, int]]:
    """The (start, end) of each of `held` the quote gives as the size of a change of `kind` ("fall",
    "rise") `before` or `after` name: a positive number or a share ("fell by a quarter"), no factor;
    both ends of a range of sizes ("rose 5-10%", never the level of "rose by 5% to 10%"); and a word that
    is such a change itself ("halved", "doubled")."""
    out = set()
    for i, h in enumerate(held):
        if h.change is not None:
            if h.change == kind:
                out.add((h.start, h.end))
            continue
        if h.value <= 0 or h.unit is not None and not h.share or _FACTOR_UNIT.match(plain, h.end) \
                or _FACTOR_UNIT.match(plain[h.end:].lstrip(" ")):
            continue
        first = held[i - 1] if i else None
        if before.search(plain, max(0, h.start - 80), h.start) or after.match(plain, h.end) \
                or first is not None and (first.start, first.end) in out and _SIZES_RANGE.fullmatch(plain, first.end, h.start) \
                or _AGAIN[kind].search(plain, max(0, h.start - 160), h.start):
            # "increasing the run by 24 hours in Table 4, and by 100% in Table 5": "and by" says the change again
            out.add((h.start, h.end))
    # "improved by 79%, 104%, and 128%, respectively": each size of a list the change names is a change of that kind,
    # when the list is of three or more, or says "respectively" ("rose by 5%, and 10% of users left": no rise of 10%)
    i = 0
    while i < len(held):
        j = i
        while j + 1 < len(held) and _SIZES_LIST.fullmatch(plain, held[j].end, held[j + 1].start) \
                and plain[held[j + 1].end:held[j + 1].end + 1] == "%" and held[j + 1].change is None:
            j += 1
        if j > i and (held[i].start, held[i].end) in out and (j - i >= 2 or _RESPECTIVELY.match(plain, held[j].end)):
            out.update((h.start, h.end) for h in held[i:j + 1])
        i = j + 1
    return out


#: What joins the sizes of a change listed: "79%, 104%, and 128%".
_SIZES_LIST = lazy(r"%(?:,[ ]?(?:(?:and|or)[ ])?|[ ](?:and|or)[ ])")
_RESPECTIVELY = lazy(r"%?,?[ ]+respectively\b")


#: What joins the two sizes of a change's range: "5-10%", "5%–10%".
_SIZES_RANGE = lazy(r"[ ]?%?[ ]?[-–—][ ]?")


def _falls(plain: str, held: list[_Number]) -> set[tuple[int, int]]:
    """The (start, end) of each of `held` the quote gives as the size of a fall ("fell by 5%", "a 5%
    decrease", "5% less energy"): a writer's "-5%" is that change, signed; "+5%" is not."""
    return _changes(plain, held, _FALL_BEFORE, _FALL_AFTER, "fall")


def _rises(plain: str, held: list[_Number]) -> set[tuple[int, int]]:
    """The (start, end) of each of `held` the quote gives as a rise: printed with its plus sign ("+5%"),
    or the size of a rise in words ("rose by 5%", "a 5% increase", "5% more energy"). A writer's "+5%"
    claims such a change, never a level ("was 5%", "decreased from 5% to 2%")."""
    return {(h.start, h.end) for h in held if h.text.startswith("+")} | _changes(plain, held, _RISE_BEFORE,
                                                                                  _RISE_AFTER, "rise")


#: A value written with its uncertainty: "3.2 ± 0.1 kWh", "39.3 +/- 21 papers".
_VALUE_SPREAD = lazy(r"[ ]*[-−+]?[$€£]?(?P<a>[\d.,]+)[ ]?%?[ ]*(?:±|\+/-|\+-)[ ]*(?P<b>[\d.,]+)")
#: What may stand between a figure and its uncertainty: its unit, "(SD=", "±" (no other number).
_TO_SPREAD = lazy(r"[^\d;]{0,40}")


def _spread_paired(value: str, quote: str) -> bool:
    """Whether a value written with its uncertainty ("90.41 ± 0.06") finds that uncertainty printed as its
    figure's, right after it ("90.41 ± 0.06", "39.3 papers (SD=21)"), not after another figure of the
    quote ("90.01 ± 0.06" of "90.01 90.41 ± 0.06"). True for a value with no uncertainty."""
    m = _VALUE_SPREAD.match(_plain(value))
    if m is None:
        return _interval_paired(value, quote)
    try:
        a, b = (Decimal(m.group(g).replace(",", "")) for g in ("a", "b"))
    except ArithmeticError:
        return True
    plain = _plain(quote)
    held = numbers_in(quote)
    spread = _spreads(plain, held)
    return any(h.value == a and h2.value == b and (h2.start, h2.end) in spread
               and _TO_SPREAD.fullmatch(plain, h.end, h2.start) is not None
               for h, h2 in zip(held, held[1:]))


def _interval_paired(value: str, quote: str) -> bool:
    """Whether a value written with its interval ("3.6 (3.1–4.2) kWh") finds that interval printed after that
    figure in its quote (`_intervals`), not its numbers each elsewhere. True for a value with none."""
    try:
        parts = written_parts(value)
    except KBError:
        return True
    if parts.bounds is None:
        return _range_paired(parts, quote)
    plain = _plain(quote)
    wanted = (parts.first.value, parts.bounds[0].value, parts.bounds[1].value)
    intervals = _intervals(plain, numbers_in(quote))
    if any((fig.value, lo.value, hi.value) == wanted for fig, lo, hi, _ in intervals):
        return True
    # in another unit: "3600 (3100–4200) Wh" of "3.6 (3.1–4.2) kWh", the three figures converted alike
    try:
        mine = Interval.from_written(value)
    except KBError:
        return False
    for fig, lo, hi, end in intervals if parts.unit_text.strip() else ():
        unit = _unit_after(plain, fig) or _unit_after(plain, _Number("", end, end, Decimal(0), Decimal(0)))
        try:
            theirs = Interval.from_written(f"{fig.value} ({lo.value}–{hi.value}) {unit}").to(mine.unit)
        except (KBError, ValueError, ArithmeticError):
            continue
        if all(math.isclose(a, b, rel_tol=1e-9) for a, b in ((theirs.nominal, mine.nominal), (theirs.lo, mine.lo),
                                                             (theirs.hi, mine.hi))):
            return True
    return False


#: What joins a range's two ends on the page: a dash or "to" ("5-10%", "5% – 10%", "from 5 to 10 GPUs", "5 kWh to 10
#: kWh", "$5 to $6M"), or "and" after "between" (`_ENDS_BETWEEN`); never words of another thing ("5% of runs, and 10%").
_ENDS_JOIN = lazy(r"[ ]?(?:%|[^\W\d_]{1,6})?[ ]?(?P<join>[-–—]|to|and)[ ]?(?:US)?[$€£]?[ ]?")
_ENDS_BETWEEN = lazy(r"\bbetween[ ]?(?:US)?[$€£]?[ ]?$", re.IGNORECASE)


def _written_range(value: str) -> bool:
    """Whether `value` is written as a range of two figures ("5-10%"), no interval or spread."""
    try:
        parts = written_parts(value)
    except KBError:
        return False
    return parts.second is not None and parts.bounds is None and parts.delta is None and parts.tail_delta is None


def _range_paired(parts, quote: str) -> bool:
    """Whether a value written as a range ("5-10%", "600-700k") finds its two ends printed as one range in its quote
    (`_ENDS_JOIN`), not as two figures of different things ("5-10%" of "up to 5% of runs, and 10% of users").
    The ends are matched by their ratio, so a range the quote prints in another unit or scale still pairs (each
    number's own match is `_value_in_quote`'s). True for a value that is no range."""
    if parts.second is None or parts.delta is not None or parts.tail_delta is not None:
        return True
    a, b = parts.first.value, parts.second.value
    plain = _plain(quote)
    held = numbers_in(quote)
    # an interval's or a confidence interval's bounds are one range, a comma between them ("95% CI 3.1, 4.2")
    bounds = {(lo.start, hi.start) for _, lo, hi, _ in _intervals(plain, held)}
    for h, h2 in zip(held, held[1:]):
        join = _ENDS_JOIN.fullmatch(plain, h.end, h2.start) if h.end <= h2.start else None
        if (h.start, h2.start) not in bounds and not (
                _CI_BEFORE.search(plain, max(0, h.start - 40), h.start) and h.end <= h2.start
                and _CI_JOIN.fullmatch(plain, h.end, h2.start)) \
                and (join is None or (join.group("join") == "and"
                                      and not _ENDS_BETWEEN.search(plain, max(0, h.start - 12), h.start))):
            continue
        if (a == 0 or h.value == 0) and (a, b) != (h.value, h2.value) and not (a == h.value == 0 and b and h2.value):
            continue
        if a == 0 or h.value == 0 or math.isclose(b / a, h2.value / h.value, rel_tol=1e-9):
            return True
    return False


def _spread_phrase(printed: str, plain: str, h: _Number) -> str:
    """The words of the quote that make `h` an uncertainty, with it: "± 0.1 kWh", "SD 0.4", "95% CI"."""
    m = spread_before(plain, max(0, h.start - 40), h.start) \
        or _CI_BEFORE.search(plain, max(0, h.start - 40), h.start)
    if m is None and (figure := _FIGURE_IN_PARENS.search(plain, max(0, h.start - 40), h.start)):
        shuts = _PAREN_SHUTS.match(plain, h.end)
        return " ".join(printed[figure.start():shuts.end() if shuts else h.end].split())     # "81.2 (0.4)"
    start = m.start() if m is not None else h.start
    after = _CI_AFTER.match(plain, h.end) or SPREAD_AFTER.match(plain, h.end)
    end = after.end() if after is not None and m is None else h.end
    unit = _UNIT_TOKEN.match(plain, end) if after is None else None
    if unit is not None and _UNIT_START.match(unit.group(0).strip()) and _reads_as_unit(unit.group(0).strip()):
        end = unit.end()
    return " ".join(printed[start:end].split())


_FIGURE_IN_PARENS = lazy(r"(?<![\w.,])\d[\d.,]*[ ]?%?[ ]?\([ ]?$")
#: A figure's uncertainty alone in parentheses right after it, as result tables print a mean and its
#: standard deviation: "81.2 (0.4)", "0.89 (0.02)", "81.2% (0.4%)".
_PAREN_OPENS = lazy(r"[ ]?(?P<pct>%)?[ ]?\([ ]?")
_PAREN_SHUTS = lazy(r"[ ]?(?P<pct>%)?[ ]?\)")


def _in_parens_after(plain: str, figure: _Number, h: _Number) -> bool:
    """Whether `h` is the uncertainty of `figure` printed in parentheses after it ("81.2 (0.4)"): alone
    there, a percentage's only as a percentage, and written with decimals, or smaller than a figure
    written with them that is no percentage ("45.2 (3)"). "92% (22)" is the count the share is of."""
    opens, shuts = _PAREN_OPENS.fullmatch(plain, figure.end, h.start), _PAREN_SHUTS.match(plain, h.end)
    if opens is None or shuts is None or opens.group("pct") != shuts.group("pct") or h.unit is not None \
            or figure.unit is not None or not figure.text[-1:].isdigit() or h.value <= 0 or figure.share:
        return False
    return "." in h.text or ("." in figure.text and opens.group("pct") is None and h.value < abs(figure.value))


def _spreads(plain: str, held: list[_Number]) -> set[tuple[int, int]]:
    """The (start, end) of each of `held` that is an uncertainty of a figure, not a figure: the 0.1 of
    "3.2 ± 0.1 kWh", the 0.4 of "81.2 (SD 0.4)" and of "81.2 (0.4)", the level and bounds of "(95% CI
    78.1-84.3)". A value equal to one is the error bar, not the quantity the quote measures."""
    out: set[tuple[int, int]] = {(n.start, n.end) for _, lo, hi, _ in _intervals(plain, held) for n in (lo, hi)}
    bound_next = False
    for i, h in enumerate(held):
        if bound_next or spread_before(plain, max(0, h.start - 40), h.start) \
                or _CI_AFTER.match(plain, h.end) or SPREAD_AFTER.match(plain, h.end) or _CI_BEFORE.search(plain, max(0, h.start - 40), h.start) \
                or i and _in_parens_after(plain, held[i - 1], h):
            out.add((h.start, h.end))
        # the second bound of a confidence interval ("84.3" of "CI 78.1-84.3")
        bound_next = (not bound_next and _CI_BEFORE.search(plain, max(0, h.start - 40), h.start) is not None
                      and i + 1 < len(held) and _CI_JOIN.fullmatch(plain, h.end, held[i + 1].start) is not None)
    return out


#: A figure's unit or noun, then a bracket opening its spread: " papers (SD=" of "39.3 papers (SD=21)".
_SPREAD_AFTER_UNIT = lazy(r"[ ]?[^\W\d_][^()\[\]\d]{0,30}?[ ]?[(\[][ ]?(?:SD|SE|SEM|sd|s\.d\.|s\.e\.|std\.?|σ|±)[ ]?[=:]?[ ]?")
#: An interval printed right after a figure, in parentheses or brackets, a confidence level's words before its
#: bounds or none: "3.6 (3.1, 4.2) kWh", "3.6 (3.1–4.2) kWh", "3.6 [95% CI 3.1, 4.2] kWh", "51.2% (95% CI: 45.7%–57.5%)".
_INTERVAL_OPENS = lazy(r"(?:[ ]?%|(?:[ ]?[^\W\d_][^\s()\[\]\d]{0,9}){1,2})?[ ]?[(\[][ ]?(?:(?:\d{2}(?:\.\d+)?[ ]?%[ ]?)?(?:CI|(?i:confidence[ ]interval))[ ]?[:=,]?[ ]?)?")
_INTERVAL_JOIN = lazy(r"[ ]?%?[ ]?(?:[-–—,;][ ]?|to[ ])")
_INTERVAL_SHUTS = lazy(r"[ ]?%?[ ]?[)\]]")
#: ... or the figure's unit, printed again before it shuts: "3.6 kWh (3.1–4.2 kWh)".
_INTERVAL_SHUTS_UNIT = lazy(r"[ ]?(?P<u>[^\W\d_][^\s()\[\]\d]{0,9}(?:[ ][^\W\d_][^\s()\[\]\d]{0,9})?)[ ]?[)\]]")
#: The unit printed between a figure and the bracket opening its interval ("kWh" of "3.6 kWh (").
_UNIT_THEN_BRACKET = lazy(r"[ ]?(?P<u>[^(\[]*?)[ ]?[(\[]")


def _interval_start(plain: str, lo: _Number) -> int:
    """Where the figure before an interval's lower bound `lo` starts ("3.6 (3.1–4.2)")."""
    m = _FIGURE_BEFORE_INTERVAL.search(plain, max(0, lo.start - 40), lo.start)
    return m.start() if m is not None else lo.start


_FIGURE_BEFORE_INTERVAL = lazy(r"(?<![\w.,])\d[\d.,]*[^()\[\]\d]{0,12}[(\[][^()\[\]\d]{0,20}(?:\d{2}(?:\.\d+)?[ ]?%"
                               r"[^()\[\]\d]{0,20})?$")


def _unit_shuts(plain: str, fig: _Number, hi: _Number) -> re.Match[str] | None:
    """The end of an interval whose upper bound prints the unit its figure printed before the bracket ("3.6 kWh
    (3.1–4.2 kWh)"), or None (another unit: "3 models (1–5 GPUs)" is no interval of 3 models)."""
    shuts = _INTERVAL_SHUTS_UNIT.match(plain, hi.end)
    before = _UNIT_THEN_BRACKET.match(plain, fig.end) if shuts is not None else None
    if before is None or not before.group("u") or before.group("u").strip() != shuts.group("u").strip():
        return None
    return shuts


def _intervals(plain: str, held: list[_Number]) -> list[tuple[_Number, _Number, _Number, int]]:
    """(figure, lower bound, upper bound, end of the closing bracket) of each interval the quote prints after
    a figure, the figure between its bounds: "3.6 (3.1, 4.2) kWh". Its unit, printed after the bracket, is the
    figure's and the bounds'; a bound alone is no figure, as a confidence interval's is not (`_spreads`)."""
    core = [h for h in held if h.unit is None and not h.share and not _CI_AFTER.match(plain, h.end)]
    out = []
    for fig, lo, hi in zip(core, core[1:], core[2:]):
        if lo.value < hi.value and lo.value <= fig.value <= hi.value \
                and _INTERVAL_OPENS.fullmatch(plain, fig.end, lo.start) \
                and _INTERVAL_JOIN.fullmatch(plain, lo.end, hi.start) \
                and (shuts := _INTERVAL_SHUTS.match(plain, hi.end) or _unit_shuts(plain, fig, hi)) is not None:
            out.append((fig, lo, hi, shuts.end()))
    return out


#: A count's total after it: "18 out of 20 participants", "27 of the 40 papers".
_OUT_OF = lazy(r"[ ]+(?:out[ ]+)?of[ ]+(?:the[ ]+)?(?=\d)")
#: A bound's words after a count, before what it counts: "3 or fewer courses", "5 or more GPUs".
_OR_BOUND = lazy(r"[ ]+or[ ]+(?:fewer|more|less|greater|so)\b")
#: A number in parentheses right after a percentage or a plural noun: the count it is of ("92% (22)",
#: "79% of participants (19)", "Dev (10%, 454)").
_PERCENT_BEFORE_PAREN = lazy(r"(?:[%‰]|[a-z]{2,}s)[ ]?\($|\([^()]{0,12}[%‰],[ ]?$")


def _no_figure_for(plain: str, h: _Number, value_unit: str, claim_unit) -> bool:
    """Whether the quote's number `h`, though of the claim's value, cannot hold a claim in
    `value_unit`: a number in words with no unit after it holds a count or a bare number, never a
    percentage or a physical figure ("one in five" is no "5%"); a number in parentheses after a
    percentage or a plural noun is the count it is of ("92% (22)" is no "22%", "participants (19)"
    no "19%"), and a whole number in parentheses after a name is a count, a reference or the
    name's number ("China (18)" is no "18%", "Strubell (48)" no "48 kWh"), save in a unit its
    header prints ("Share (%): China (18)"), and a count only of what its sentence names before it
    ("the models ... trained in the United States (48)" holds "48 models", never "48 countries")."""
    if not value_unit or claim_unit is None:
        return False
    if _counts_things(claim_unit):
        noun = _PLURAL_BEFORE_PAREN.search(plain, max(0, h.start - 40), h.start)
        if noun is not None and h.text.isdigit() and _PAREN_CLOSES.match(plain, h.end) \
                and not (noun.group("w")[0].isupper() and (noun.group("prev") or "")[:1].isupper()) \
                and _is_count(noun.group("w").lower()):
            # "Nodes (18)", "participants (92)": 18 nodes, 92 participants, no 18 GPUs ("United States" is a name)
            return not _same_noun(noun.group("w").lower(), value_unit)
        return _after_name(plain, h) and not _names_before(plain, h, value_unit)
    if h.unit is None and not any(c.isdigit() for c in h.text) and _unit_after(plain, h) is None:
        return True
    if _SAMPLE_SIZE.search(plain, max(0, h.start - 8), h.start) and _unit_after(plain, h) is None:
        return True             # "(n = 24)": a sample's size, a count, never "24%"
    if _PERCENT_BEFORE_PAREN.search(plain, max(0, h.start - 30), h.start) and plain[h.end:h.end + 1] == ")":
        return True
    if _after_name(plain, h):
        # "China (18)", "Strubell (48)", "BERT (4)": a count, a reference or a name's number, in the
        # unit a header prints for it ("Share of emissions (%): China (18)"), in no other
        return not any(_header_holds(h, unit, value_unit) for unit in _header_units(plain, h, claim_unit))
    return False


#: A sample's size as statistics write it: "n = 24", "N=120", "(n: 24".
_SAMPLE_SIZE = lazy(r"(?<![\w.])[nN][ ]?[=:][ ]?$")


def _after_name(plain: str, h: _Number) -> bool:
    """Whether `h` is a whole number alone in parentheses after a name ("China (18)")."""
    return h.text.isdigit() and bool(_NAME_BEFORE_PAREN.search(plain, max(0, h.start - 40), h.start)) \
        and bool(_PAREN_CLOSES.match(plain, h.end))


def _names_before(plain: str, h: _Number, value_unit: str) -> bool:
    """Whether the quote names what a count in `value_unit` counts ("models" of "48 models") in the
    sentence of `h` ("the models ... (48)", "the A100 (3) and V100 (4) GPUs")."""
    key = _noun_key(value_unit)
    start = max(plain.rfind(". ", 0, h.start) + 1, h.start - 200)
    end = plain.find(". ", h.end)
    end = min(len(plain) if end < 0 else end, h.end + 200)
    return any(_noun_key(w) == key for w in _WORD_RUN.findall(plain, start, end))


_WORD_RUN = lazy(r"[A-Za-z]{3,}")
_PLURAL_BEFORE_PAREN = lazy(r"(?:(?P<prev>[A-Za-z]+)[ ]+)?(?<![\w-])(?P<w>[A-Za-z]{2,}s)[ ]?\([ ]?$")


#: A name before a parenthesis, or what a reference's number follows: "China (", "GPT-3 (", "BERT (",
#: "Strubell et al. (", "as in (", "see (".
_NAME_BEFORE_PAREN = lazy(r"(?:(?<![\w.-])[\w.-]*[A-Z][\w.-]*|\bal\.|(?i:\b(?:in|see|cf\.?|also|by)))[ ]?\([ ]?$")
_PAREN_CLOSES = lazy(r"[ ]?\)")


def _header_holds(number: _Number, unit: str, value_unit: str) -> bool:
    """Whether the quote's `number` in a header's `unit` is the claim's figure, the number in
    `value_unit` ("18" under "(%)" holds "18%", never "18 kWh")."""
    try:
        mine = Interval.from_written(f"{number.text} {value_unit}")
        conv = _printed_figure(number, unit).to(mine.unit)
    except KBError:
        return False
    return _close(conv.nominal, (conv.hi - conv.lo) / 2, mine.nominal, (mine.hi - mine.lo) / 2)


def _total_noun(plain: str, number: _Number) -> str | None:
    """What a count and its total count: "participants" of "18 out of 20 participants"."""
    m = _OUT_OF.match(plain, number.end)
    if m is None:
        return None
    total = _NUM.match(plain, m.end())
    if total is None:
        return None
    after = _Number(total.group(0), total.start(), total.end(), Decimal(0), Decimal(0))
    return _count_word_after(plain, after)


#: Where a value's unit divides by a number: "/100 km" of "5 L/100 km", " per 1,000 queries".
_PER_MANY = lazy(r"(?i)[ ]*(?:/|\bper\b)[ ]*(?=\.?\d)")


def _value_numbers(value: str) -> tuple[list[_Number], list[str]]:
    """A claim's numbers (`_scan`, the value whole) and why any is unreadable, without the number
    its unit divides by: "5 L/100 km" is one figure, 0.05 L/km (`kb.quantities.interval.per_figure`),
    whose 5 the quote must print per 100 km, and whose 100 is no figure of its own."""
    wanted, unread = _scan(value, whole=True)
    if len(wanted) > 1:
        per = _PER_MANY.search(_plain(value), wanted[0].end)
        if per is not None and per_figure(value[wanted[0].end:per.start()] + "/" + value[per.end():].strip()):
            wanted = [w for w in wanted if w.end <= per.start()]
    # "1 in 5" claims the share "one in five" is: its share and its whole, its count in digits no figure of its own
    # (the quote may print it in words, "One in five patients"; "1 in 4" still misses both)
    shares = [w for w in wanted if w.share and w.unit == "" and _SHARE.match(_plain(value), w.start)]
    if shares:
        wanted = [w for w in wanted if not any(w.start == s.start and not w.share for s in shares)]
    return wanted, unread


def _unit_text(value: str, wanted: list[_Number]) -> str:
    """A claim's unit as written: what follows its last number ("kWh" of "11.49 kWh"), or
    the currency before it ("$" of "$3.2M")."""
    if not wanted:
        return ""
    unit = value[wanted[-1].end:].strip()
    if unit[:1] in (")", "]"):      # "3.6 (3.1–4.2) kWh": the unit after the figure's interval
        unit = unit[1:].strip()
    if not unit:
        cur = _CURRENCY_SIGN.match(wanted[-1].text)
        return cur.group(1) if cur else ""
    return unit


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: A date: "January 29, 1998", "29 January 1998", "Jan. 1998", "2023-05-04".
_DATE = lazy(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+"
             rf"\d{{4}}\b|\b{_MONTH}\s+\d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b")


def _in_date(plain: str, number: _Number) -> bool:
    """Whether `number` is a part of a date the quote prints (its day or year)."""
    lo = max(0, number.start - 20)
    return any(m.start() + lo <= number.start and number.end <= m.end() + lo
               for m in _DATE.finditer(plain[lo:number.end + 20]))


#: CO2 named in symbols or words: "CO2", "CO 2", "CO₂", "CO2e", "𝐶𝑂2", "carbon dioxide".
_GAS = r"(?:C\s?O\s?[2₂](?:\s?-?\s?e(?:q)?)?|𝐶𝑂\s?[2₂]|(?i:carbon[\s-]+dioxide))(?![A-Za-z0-9])"
#: A mass of CO2 printed as a header: "tCO 2 e", "kg CO2eq", "lbs CO2".
_MASS_GAS = lazy(rf"(?<![A-Za-z])(?P<mass>kg|g|t|lbs?|Mt|Gt|tons?|tonnes?)[ ]?{_GAS}")
#: The verb between an amount and its rate's per (numbers.SPENT_THEN): "25 kWh were used per query", "0.2 J is
#: consumed per inference", "3 g are emitted for each run", "were used on average per query", "spent on each
#: query" (the amount is per query, per inference, per run all the same): only before a per is it the rate's.
_SPENT_PER_TEXT = (rf"{SPENT_THEN}"
                   r"(?:\s+(?i:in|on)(?=\s+(?i:each|every)\b))?(?=\s+(?i:/|per\b|(?:for\s+)?(?:each|every)\b"
                   r"|an?\s+(?:second|minute|hour|day|week|month|year)\b|(?:hourly|daily|weekly|monthly|yearly|annually)\b))")
_SPENT_PER = lazy(_SPENT_PER_TEXT)
#: What continues a unit printed after a number into another: a rate ("gCO2e per hour",
#: "kWh/day", "kWh were used per query") or CO2 ("tons of CO2eq", "t CO 2 e", "kg of carbon dioxide", "kg CO₂").
_UNIT_GOES_ON = lazy(rf"(?i)(?:\s+of\s+[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)?{_SPENT_PER_TEXT}"
                     r"|\s*(?:/|per\b|(?:of\s+)?(?:C\s?O\s?[2₂]|carbon[\s-]+dioxide\b)"
                     r"|of\s+[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?\s*(?:/|per\b)"
                     r"|(?:(?:for|in|on|at)\s+)?(?:each|every)\s+(?!(?:case|instance|time|way|other)s?\b)(?:[^\W_]|\d)|an?\s+(?:second|minute|hour|day|week|month|year)\b"
                     r"|(?:hourly|daily|weekly|monthly|yearly|annually)\b)")


def _year_label(plain: str, number: _Number) -> bool:
    """Whether `number` is the year a table's row is labelled with, under a header naming a column "Year": "2019" of
    "Year Energy (MWh) 2019 510" (another cell after it), or a year heading a table's column or row (`year_heading`:
    "2019 2020 2021", "2019 1,234 2020 987")."""
    return bool(_YEAR_CELL.fullmatch(number.text)) and year_heading(plain, number.start, number.end) \
        or bool(_YEAR_CELL.fullmatch(number.text)) and _CELL_TOKEN.fullmatch(plain[number.end:number.end + 40].split(
        maxsplit=1)[0] if plain[number.end:number.end + 40].strip() else "") is not None \
        and _YEAR_HEAD.search(plain, max(0, number.start - _HEADER_REACH), number.start) is not None


def _prints_same_unit(plain: str, number: _Number, unit: str) -> bool:
    """Whether, read without units, the quote prints `number` with the claim's unit
    as written ("11.49 kWh", "9%"), or with nothing that could be a unit after it.
    False means only that kb must read the quote's unit (`value_in_quote`)."""
    if unit and (_in_date(plain, number) or _year_label(plain, number)):
        return False            # a day or a year is no figure in any unit: "1998 kWh", "Year Energy (MWh) 2019 510"
    rest = plain[number.end:number.end + 80].lstrip(" ")
    if _RANGE_ON.match(rest) or _PLUS_MINUS.match(plain, number.end):
        return False            # "10-20 kWh", "12.5 ± 0.3 kWh": the unit after the range is this number's too
    if unit and _LIST_ON.match(plain, number.end):
        return False            # "62, 74, 112 days": the unit after the list is each number's
    if not rest or not _UNIT_START.match(rest):
        return True
    if not unit:
        return rest[0] not in "%‰‱" and not rest.lower().startswith(("percent", "per cent", "per mil"))
    return (rest.startswith(unit) and not rest[len(unit):len(unit) + 1].isalnum()
            and not _UNIT_GOES_ON.match(rest[len(unit):]) and not _POINTS_OF.match(rest, len(unit)))


#: "points" after a percentage's sign or word: points of a percentage ("12 % points", "12 pct. pts"), never "12 %".
_POINTS_OF = lazy(r"\.?[ ]?-?(?i:points?|pts?)\b")


#: Words after a number that are the sentence's, not what it counts ("11.49 for the model");
#: a unit's words ("percent", "times") are not among them.
_SENTENCE_WORDS = NOT_COUNTED - {"percent", "times", "fold", "per"}
#: A word printed after a number: what it counts, a unit, or a word of the sentence.
_WORD_AFTER = lazy(r"[^\W\d_][\w'’-]*|[%‰‱°µμ′″×℃℉]\S*|-fold\b")


#: The units a share may be claimed in, as how much of one each is.
_SHARE_SCALE = {"": Decimal(1), "%": Decimal("0.01"), "percent": Decimal("0.01"), "per cent": Decimal("0.01"),
                "‰": Decimal("0.001")}


def _drops_unit(unit: str | None) -> bool:
    """Whether a bare number (a claim without a unit) drops `unit`, the unit the quote prints
    after it: a physical unit or money ("1,287 MWh", "$0.35 per hour", "kWh per 1,000 images"),
    never what counts things ("12 GPUs", "3,000 queries"), a factor or a percentage (a bare
    "100" of "100x" is its factor; "50" is no "50%" already)."""
    if not unit:
        return False
    try:
        parsed = parse_unit(_amount(unit) or unit, nouns=True)
    except KBError:
        return False
    dims = set(dict(parsed.dimensionality))
    if not dims:                # pint counts bytes and bits as plain numbers: "16" of "16 GB" drops its unit
        return any(name in str(parsed) for name in ("byte", "bit"))
    return not all(d in ("[count]", "[accelerator]") or d.startswith("[kbuser_") for d in dims)


#: A unit a quote names before its number, not a number's own: "(kWh)", "in kWh", "kWh:", "a PUE of".
_UNIT_NAMED = lazy(r"\((?P<p>[^()\d]{1,30})\)|\[(?P<b>[^\[\]()\d]{1,30})\]|\bin[ ]+(?P<i>[^\W\d_][^\s,;:()]{0,15})"
                   r"|(?P<w>[^\W\d_][^\s,;:()]{0,15})[ ]*(?:[:=]|\b(?:of|was|is|were|at|reached))[ ]*$")


def _unit_unstated(plain: str, number: _Number, value_unit: str, owned: list[tuple[int, int]] = ()) -> bool:
    """Whether the quote states no unit for `number` a claim gives in `value_unit`: none, no noun nor
    currency after it, no unit of its own ("two orders of magnitude"); for a count, no noun it counts after
    it (a verb, "3 used", names nothing), and the quote names nowhere what it counts but as another
    number's own noun (`owned`: the spans of the quote's figures with their units; "A100 (3) and V100 (4)
    GPUs" names GPUs, "stage 3 used 8 GPUs" names only 8's); for another unit, the quote does not name it
    before the number ("the energy (kWh) was 11.49", "a PUE of 1.1", "Share (%): China (18)"). Its table's
    header or row label is asked apart (`_header_units`)."""
    if number.unit is not None or _currency_of(number) or _other_money(plain, number):
        return False
    try:
        mine = parse_unit(value_unit, nouns=True)
    except KBError:
        mine = None
    counting = _is_count(value_unit) or mine is not None and _counts_things(mine)
    if _unit_after(plain, number) is not None or _count_word_after(plain, number) is not None \
            or _total_noun(plain, number) is not None:
        return False            # "18 out of 20 participants": the total's participants
    if counting:
        named = [w for w in _LABEL_WORD.finditer(plain) if _same_noun(w.group(0), value_unit)]
        if named and all(any(a <= w.start() < b and not a <= number.start < b for a, b in owned) for w in named):
            return True         # "stage 3 used 8 GPUs": the GPUs are 8's, and 3 counts nothing
    if _noun_after(plain, number) is not None:
        return False
    if mine is None:
        return True
    if counting:
        return not named
    if _year_label(plain, number):
        return True             # "Year Energy (MWh) 2019 510": 2019 is the row's year, in no unit
    cell = _maybe_cell(plain, number)
    if cell and _cell_column(plain, number) == (True, None):
        return True             # "Model Energy (kWh) Runs / BERT 23 5": 5 under "Runs", in no unit
    header = _header_units(plain, number) if cell else []
    if header:                  # a table's cell: its column's unit, never another column's named before it
        return not any(_same_unit(unit, mine) for unit in header)
    for m in _UNIT_NAMED.finditer(plain, max(0, number.start - 120), number.start):
        named = (m.group("p") or m.group("b") or m.group("i") or m.group("w") or "").strip()
        if m.group("w") and m.end() != number.start:
            continue            # "a PUE of" only right before its number
        if named == value_unit.strip():
            return False
        try:
            if named and _reads_as_unit(named) and parse_unit(named, nouns=True) == mine:
                return False
        except KBError:
            continue
    return True


#: Words whose number after them names one of a series, never a count: "task 10", "step 5", "layer 12", "epoch 3",
#: "GPU 0", "ID 21523", "No. 5", "#3" (a claim's own noun in the singular, "run 7" of "7 runs", is one too).
_SERIES_WORDS = frozenset(
    "task tasks subtask track step stage phase layer epoch iteration round level experiment setting condition "
    "split fold seed rank gpu node id no nos item question example problem exercise lemma theorem proposition "
    "definition corollary lecture session part group type block head trial wave batch checkpoint dataset "
    "table figure fig section sec chapter appendix footnote page version line row column eq equation".split())
#: Short words a number follows in a sentence; any other token of one or two lower-case letters before a bare
#: number is a symbol whose index it is ("tk 1" of "used to predict tk 1", a subscript flattened).
_SHORT_WORDS = frozenset("a i of to in on at by is as or an be we it up so no do if me my us he vs ca".split())
_LABEL_WORD_BEFORE = lazy(r"(?:^|[\s(\[/,;:])(?P<w>[^\W\d_][\w.]*?)\.?[ ]?(?:#[ ]?)?(?P<q>['‘’\"“”]?)$")
_QUOTE_CLOSE = {"": ("",), "'": ("'",), "‘": ("’", "'"), "’": ("’",), '"': ('"',), "“": ("”", '"'), "”": ("”",)}
#: A section's or a list's number at the start of a sentence, its heading after it: "5 Results Table 1 presents",
#: "3 Related Work Prior studies", "4 Experimental Setup In this", "2. Methods We".
_HEADING_AFTER = lazy(r"[.)]?[ ]+[A-Z][a-z]+(?:[ ]+(?:[A-Z][a-z]+|and|of|for|the|in|on|with|to))*[ ]+[A-Z]")
#: A capitalised word glued to a number after it, as a footnote's mark is to the sentence it stands before.
_GLUED_WORD = lazy(r"[A-Z][^\W\d_]+(?![\d])")
_SENTENCE_OPENS = lazy(r"(?:^|[.!?:][ ]+|\n[ ]*)$")


def _count_label(plain: str, number: _Number, value_unit: str, claim_unit) -> str | None:
    """The words that make the quote's bare `number` a label or a name of what a claim in `value_unit` counts,
    never a count of it, as printed ("task 10", "page ID '21523'", "5 Results", "2SPECTER", "tk 1"); None when it
    may count. A number after a series' word ("task 10", "step 5", "layer 12", "GPU 0"), a claim's own noun in the
    singular ("run 7" of "7 runs"), an identifier's ("ID '21523'", "No. 5", "#3") or a symbol's ("tk 1"); one in
    quotes ("'21523'"); a mark glued to a word after it ("2SPECTER", a footnote's); and a section's number at a
    sentence's start, its heading after it ("5 Results Table 1 presents")."""
    if not _PLAIN_DIGITS.fullmatch(number.text) or "." in number.text:
        return None
    words = value_unit.split()
    if not words or (not _counts_things(claim_unit) if claim_unit is not None
                     else not all(w.isalpha() for w in words)):
        return None             # a count, or a noun kb has no unit for ("1 LM")
    end = number.end
    if _SENTENCE_OPENS.search(plain, max(0, number.start - 3), number.start) and int(number.text) <= 30:
        m = _HEADING_AFTER.match(plain, end)
        if m is not None and plain[m.end() - 1:m.end() + 3] not in ("I ", "A "):
            return plain[number.start:m.end() - 1].strip()          # "5 Results": a section and its heading
    glued = _GLUED_WORD.match(plain, end)
    if glued and number.unit is None and _unit_after(plain, number) is None \
            and _count_word_after(plain, number) is None and not _reads_as_unit(glued.group(0)):
        return plain[number.start:glued.end()]      # "2SPECTER", "3Our": a footnote's mark ("16x16GB", "2nd" are not)
    if _count_word_after(plain, number) is not None or _unit_after(plain, number) is not None:
        return None
    m = _LABEL_WORD_BEFORE.search(plain, max(0, number.start - 30), number.start)
    if m is None:
        return None
    word, mark = m.group("w").lower(), m.group("q")
    if mark and not any(plain.startswith(c, end) for c in _QUOTE_CLOSE.get(mark, ())):
        return None
    own = not word.endswith("s") and _noun_key(word) == _noun_key(words[-1]) and len(word) > 2
    symbol = len(word) <= 2 and word.isalpha() and word.islower() and word not in _SHORT_WORDS \
        and m.group("w").islower() and not mark and not _reads_as_unit(word)
    if word.rstrip(".") in _SERIES_WORDS or own or symbol or mark and word not in _SENTENCE_WORDS:
        return " ".join(plain[m.start("w"):end + len(mark)].split())
    return None


def _same_unit(printed: str, mine) -> bool:
    """Whether the unit `printed` is the parsed unit `mine`."""
    try:
        return parse_unit(printed, nouns=True) == mine
    except KBError:
        return False


def _counts_things(claim_unit) -> bool:
    """Whether a claim's unit counts things (images, papers, GPUs) or is a user unit,
    which a noun kb does not read may be ("950 charges" of "950 smartphone charges")."""
    dims = set(dict(claim_unit.dimensionality))
    return bool(dims) and all(d in ("[count]", "[accelerator]") or d.startswith("[kbuser_") for d in dims)


def _noun_after(plain: str, number: _Number, limit: int = 3) -> str | None:
    """What the quote prints after `number` when kb reads no unit there: the words
    ("web pages", "°C"), or None when nothing unit-like follows (the end, punctuation, a
    table's next cell, a word of the sentence: "11.49 for the model", "9 of them")."""
    rest = plain[number.end:number.end + 80].lstrip(" ")
    if _RANGE_ON.match(rest):   # "10-20 web pages": what follows the range
        m = _NUM.search(plain, number.end + 1)
        if m is None:
            return None
        rest = plain[m.end():m.end() + 80].lstrip(" ")
    words = []
    for _ in range(limit):
        m = _WORD_AFTER.match(rest)
        if m is None:
            break
        words.append(m.group(0).rstrip(".,;:'’"))
        rest = rest[m.end():]
        if not rest.startswith(" "):
            break
        rest = rest.lstrip(" ")
    if not words or words[0].lower() in _SENTENCE_WORDS or words[0].lower() in _PRONOUNS:
        return None             # "5–7 they thought were relevant": a pronoun opens a clause, no noun of 5–7
    return " ".join(words)


#: Pronouns, never a noun a number counts ("selected 5–7 they thought were relevant").
_PRONOUNS = frozenset("i we you he she they it us them me him her".split())


def _counted(word: str) -> bool:
    """Whether `word` names things counted: a plural ("cores", "pages") or a count kb reads."""
    word = word.strip(".,;:()-").lower()
    if len(word) < 3 or word in NOT_COUNTED:
        return False
    if word.endswith("s") and not word.endswith(("ss", "us")) and count_noun(word):
        return True
    try:
        return dict(parse_unit(word).dimensionality) == {"[count]": 1}
    except KBError:
        return False


def _count_word_after(plain: str, number: _Number) -> str | None:
    """The noun right after `number` when it names things counted, though a sentence may use
    it as a verb ("25 runs", "3 uses"); None for a sentence's word ("9 of them")."""
    m = _WORD_AFTER.match(plain[number.end:number.end + 40].lstrip(" "))
    word = m.group(0).rstrip(".,;:'’") if m else ""
    low = word.lower()
    return word if _counted(low.rstrip("s")) or low.endswith("s") and not low.endswith(("ss", "us")) \
        and count_noun(low) else None


def _is_verb_after(plain: str, number: _Number) -> bool:
    """Whether the word printed right after `number` is the verb the number is the subject of ("17 says which of the
    operations", "Then 3 runs the job"), as `kb.quantities.numbers` reads it: the number counts nothing."""
    m = _WORD_AFTER.match(plain, number.end + 1) if plain[number.end:number.end + 1] == " " else None
    return m is not None and verb_after(plain, number.start, m.group(0).lower(), m.end())


def _reads_as_unit(text: str, nouns: bool = False) -> bool:
    return reads_as_unit(text, nouns)


_PER_WORD = lazy(r"\s*\bper\b\s*")


def _printed_figure(number: _Number, unit: str) -> Interval:
    """The quote's `number` in the `unit` printed after it; a currency sign before the number
    is the unit's already when the unit names it ("$0.43" of "$0.43–$0.74/hr", unit USD/h), and
    the amount's unit when the unit is a denominator alone ("/run" of "$3,000 per run")."""
    text = number.text.lstrip("+")
    if not any(c.isdigit() for c in text):
        text = f"{number.value:f}"      # "twenty-three percent": 23 percent, a number in words exact
    many = per_figure(unit)             # "USD per 1M tokens": the amount's unit is USD
    if _currency_of(number) and not _amount(unit) and _RATE_SPLIT.match(unit):
        return Interval.from_written(f"{text} {unit}")
    if _currency_of(number) and any(d.startswith("[currency_")
                                    for d in dict(parse_unit(many[0] if many else unit, nouns=True).dimensionality)):
        text = _CURRENCY_SIGN.sub(lambda m: m.group(0)[:-len(m.group(1))], text, count=1)
        # "£3.5m", "$4.6 M" without their sign: the scale in words, never a metre or a molar
        text = _MONEY_SCALE_AT_END.sub(lambda m: _SCALE_NAMES[SCALE_WORDS[m.group(0).strip()]], text)
    else:
        # "2.5m tonnes", "1.2 mln barrels": millions, as the press writes them, never metres
        text = _PRESS_SCALE_AT_END.sub(lambda m: _SCALE_NAMES[SCALE_WORDS[m.group(0).strip()]], text)
    return Interval.from_written(f"{text} {unit}")


_MONEY_SCALE_AT_END = lazy(rf"(?<=\d){MONEY_SCALE}$")
_PRESS_SCALE_AT_END = lazy(r"(?<=\d)(?:m|mn|mln|[ ](?:mn|mln|bn))$")
_SCALE_NAMES = {3: " thousand", 6: " million", 9: " billion", 12: " trillion"}


#: A currency kb has no unit for, before a number: "¥300 million", "₹5 crore", "CHF 40", "JPY 1,000".
_OTHER_MONEY_BEFORE = lazy(r"(?:[¥₹₩₽₺₪₫฿₦₱]|\b(?:CHF|JPY|CNY|RMB|INR|KRW|CAD|AUD|SEK|NOK|DKK|BRL|ZAR)|\b[A-Z]\$)[ ]?$")


def _other_money(plain: str, number: _Number) -> bool:
    """Whether the quote prints `number` as money of a currency kb has no unit for ("¥300 million",
    "CHF 40", "C$5"): no bare number holds it, as no bare number holds "$300 million"."""
    return _OTHER_MONEY_BEFORE.search(plain, max(0, number.start - 5), number.start) is not None


def _currency_of(number: _Number) -> str | None:
    """The currency a quote's number is printed with ("$7 billion": USD), or None."""
    m = _CURRENCY_SIGN.match(number.text)
    return _CURRENCY_NAME[m.group(1)] if m else None


_CURRENCY_NAME = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "USD": "USD", "EUR": "EUR", "GBP": "GBP"}


def _money_agrees(number: _Number, printed: str | None, claim_unit, unitless: bool) -> bool:
    """Whether the claim's money (or its lack) is the quote's: "$7 billion" never holds
    "€7 billion" or "7 billion kWh", and a figure in dollars needs a quote printing money."""
    if claim_unit is None:
        return True
    mine = {d[len("[currency_"):-1] for d in dict(claim_unit.dimensionality) if d.startswith("[currency_")}
    cur = _currency_of(number)
    if cur is not None:
        return unitless or cur in mine
    if mine and printed:
        try:
            dims = dict(parse_unit(printed).dimensionality)
        except KBError:
            return False
        return all(f"[currency_{c}]" in dims for c in mine)
    return not mine


#: A table cell before a number in its row: a number, "×", "10−4", "N/A", "–".
_CELL_TOKEN = lazy(r"[-−+]?[$€£]?[\d.,]+[%kMB]?|[×x]|10[-−]\d+|N/A|[-–—]")


def _maybe_cell(plain: str, number: _Number) -> bool:
    """Whether `number` may be a table's cell: another cell or the quote's end after it, or a
    cell before it (prose prints a number with a word or unit after it)."""
    rest = plain[number.end:].lstrip()
    before = plain[:number.start].split()
    return (not rest or rest[0].isdigit() or rest[0] in "−-×x$€£" or rest.split()[0] in ("N/A",)
            or bool(before) and bool(_CELL_TOKEN.fullmatch(before[-1])) or _next_row(plain, number, before))


#: A table's next row label after a row's last cell: a capitalised word and the rest of the label
#: ("NY ↔SF 1984 Human life, avg, 1 year 11,023").
_ROW_LABEL_AFTER = lazy(r"[ ]*(?P<w>[A-Z][a-z]{2,}|[A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*(?![\w-]))(?:[ ]+[a-z]+)*[ ]*"
                        r"(?:[,(]|$|(?=[-−+]?[$€£]?\.?\d[\d.,]*(?:%|[BMK](?=[ ]\d))?(?:[ ]|$)))")


#: ... a row's label in lower case, a cell after it: "large 41" of "base 23 large 41".
_LOWER_ROW_AFTER = lazy(r"[ ]*(?P<w>[a-z]{3,}[a-z0-9-]*)[ ]+(?=[-−+]?[$€£]?\.?\d[\d.,]*%?(?:[ ]|$))")


def _next_row(plain: str, number: _Number, before: list[str]) -> bool:
    """Whether `number` is the last cell of a table's row, the next row's label after it: a plain
    number after a label's word (no word of a sentence), then a capitalised word that is no unit
    and counts nothing ("1984 Human life, avg, ..."; never "12 Transformer models")."""
    if not before or before[-1].lower().strip(",;:") in _SENTENCE_WORDS or not _CELL_TOKEN.fullmatch(number.text) \
            or before[-1][-1:] in ".;:":
        return False
    m = _ROW_LABEL_AFTER.match(plain, number.end)
    if m is None and before[-1].isalpha() and before[-1].islower() and before[-1] not in _SENTENCE_WORDS:
        # "base 23 large 41": a row labelled in lower case, the next one alike, its cell after it
        m = _LOWER_ROW_AFTER.match(plain, number.end)
        if m is not None and m.group("w") in _SENTENCE_WORDS:
            return False
    if m is None or _reads_as_unit(m.group("w")) or _reads_as_unit(m.group("w").lower()):
        return False
    return not any(_counted(w) for w in m.group(0).replace(",", " ").replace("(", " ").split())


def _row_label_unit(plain: str, number: _Number) -> str | None:
    """The unit a table row's label gives its cells ("kWh" of "kWh 3.1 37.3 13,812.4",
    "KWh" of "Energy consumption (KWh) 316 221", "Watts" of "Total Watts 187.1 22.9"): the
    word before the row's run of numbers, when it reads as a unit and no number precedes it
    (then it could be that number's own unit)."""
    start = max(0, number.start - _HEADER_REACH)       # a row's label is near its cells, as a header is
    tokens = plain[start:number.start].split()
    if start and tokens and not plain[start - 1].isspace():
        tokens.pop(0)           # a word cut by the window's start
    while tokens and _CELL_TOKEN.fullmatch(tokens[-1]):
        tokens.pop()
    if not tokens:
        return None
    token = tokens[-1].rstrip(":,;")
    if token.endswith(")") and not token.startswith("("):
        return None             # "(Section 2.4 and Appendix D) 0.429": no unit, a parenthesis's end
    label = token.strip("()[]")
    if len(label) < 2 or label.lower() in _SENTENCE_WORDS:
        return None             # "D", "m": a letter is a name as often as a unit
    if not _reads_as_unit(label):
        label = label.lower()       # "Hours", "Watts" heading a row
        if not _reads_as_unit(label):
            return None
    if len(tokens) >= 2 and _CELL_TOKEN.fullmatch(tokens[-2].strip("(")):
        return None             # "216 kWh 3.1": kWh may be 216's
    if _after_per(tokens, len(tokens) - 1):
        return None             # "per day 36 30": a row per day of the header's unit, no days (`row_per`)
    if _counts_things(parse_unit(label)) and not label.endswith("s"):
        return None             # "text generation 0.047", "GPU 4·V100": a row's name, not what it counts
    at = plain.rfind(tokens[-1], start, number.start)
    return _header_rate(plain, at, at + len(tokens[-1]), label) if at >= 0 else label


#: A per's count before its noun: "1,000" of "per 1,000 queries", "thousand" of "per a thousand queries".
_PER_COUNT_WORD = lazy(r"(?i)\d[\d,.]*[kKMB]?|a|one|thousand|million|billion")


def _after_per(words: list[str], i: int) -> bool:
    """Whether `words[i]` is the noun a per names: "day" of "per day", "queries" of "per 1,000 queries" or "per a
    thousand queries"."""
    for back in range(1, min(i, 3) + 1):
        word = words[i - back].lower()
        if word == "per":
            return True
        if not _PER_COUNT_WORD.fullmatch(word):
            return False
    return False


#: A unit a table's header prints in parentheses or brackets: "(lbs)", "(kWh)", "(TDP in Watts)", "(g CO2eq)", "[kWh]".
_HEADER_PAREN = lazy(r"\(([^()]{1,40})\)|(?<![\w\]])\[([^\[\]()]{1,40})\]")
#: A unit written in capitals: a power or an energy ("W", "KW", "MWH").
_POWER_SYMBOL = lazy(r"[KMGT]?W(?:H)?")
_NON_SPACE = lazy(r"\S+")
_GAS_ANY = lazy(_GAS)
_GAS_ALONE = _GAS_ANY
_GAS_AT_END = lazy(rf"{_GAS}$")
_GAS_THEN_PAREN = lazy(rf"{_GAS}[^()]{{0,8}}$")


def _header_rate(text: str, start: int, end: int, unit: str) -> str:
    """`unit`, a header's or a heading's unit printed in `text` at `start`-`end`, as the rate the words about it name:
    "Wh/query" of "Energy per query (Wh)", "kWh per 1,000 queries" of "Energy (kWh) per 1,000 queries"; the cells
    under it are amounts per that, no totals."""
    if _amount(unit) is not None:
        return unit
    per = header_per(text, start, end, unit)
    if per is None or per[1].lower() in _SENTENCE_WORDS or not _reads_as_unit(f"{unit}/{per[1]}", nouns=True):
        return unit
    return f"{unit} per {per[0]}" if per[0][:1].isdigit() else f"{unit}/{per[0]}"


#: How far before a cell its headers are looked for.
_HEADER_REACH = 400


def _header_units(plain: str, number: _Number, claim_unit=None) -> list[str]:
    """The units a table's cell `number` may be in, as printed: its row label's ("kWh 3.1 37.3",
    `_row_label_unit`), else the units its quote's header prints before it, in parentheses
    ("Emissions (lbs) NAS 626,155", "inference energy (kWh) task mean std ... 0.002") or as a
    column's name ("Hours kWh CO2e ... 12 27 26"); a mass headed by CO2 ("CO 2e (lbs)") is a
    CO2e mass, and CO2 named without a mass ("CO 2e") is any CO2e mass the claim gives
    (`claim_unit`). Empty when the quote prints no unit before the cell."""
    if _year_label(plain, number):
        return []               # "Electricity use (TWh) 2019 2020 2021": the columns' years, in no unit
    label = _row_label_unit(plain, number) if not _YEAR_HEAD.search(plain, max(0, number.start - _HEADER_REACH),
                                                                     number.start) else None
    if label is not None:       # (never "Year ... (tCO2e) 2019 1,234": a header's last unit before rows led by years)
        return [label]
    known, column = _cell_column(plain, number)
    if known and column is None:
        return []               # "Model Energy (kWh) Runs / BERT 23 5": 5 is the runs', in no unit
    if known and not column[1]:     # "Model Energy (kWh) Hours Seeds / BERT 23 5 3": 5 is hours, never kWh
        return [column[0] if _reads_as_unit(column[0]) else column[0].lower()]
    at = max(0, number.start - _HEADER_REACH)      # where `head` starts in the quote
    head = plain[at:number.start]
    inside = bytearray(len(head))
    for m in _HEADER_PAREN.finditer(head):
        inside[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    units: list[str] = []
    gas = False
    #: each column the header names a unit for: where its name starts and ends in the quote, its unit
    #: (None: CO2 named alone)
    columns: list[tuple[int, int, str | None]] = []
    for m in _HEADER_PAREN.finditer(head):
        inner = " ".join((m.group(1) or m.group(2)).split())
        words = inner.split()
        for text in dict.fromkeys((inner, words[0], words[-1])):
            if text.lower() in _SENTENCE_WORDS or not _reads_as_unit(text) or len(text) < 2 and text != inner:
                continue
            amount = _amount(text) or text
            if _is_mass(amount) and _GAS_THEN_PAREN.search(head[max(0, m.start() - 16):m.start()]):
                text = f"{amount} CO2e" + text[len(amount):]    # "CO 2e (lbs)": pounds of CO2e, no other pounds
            text = _header_rate(head, m.start(), m.end(), text)
            units.append(text)
            columns.append((at + m.start(), at + m.end(), text))
            break
    for m in _MASS_GAS.finditer(head):       # "Net tCO 2 e for ...": tonnes of CO2e
        if not inside[m.start()]:
            units.append(f"{m.group('mass')} CO2e")
            columns.append((at + m.start(), at + m.end(), units[-1]))
            inside[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    # a column's name is printed after the sentence's last word: "models of 5, 100" has none
    for m in reversed(list(_NON_SPACE.finditer(head))):
        if not inside[m.start()] and m.group(0).strip(",;:.").lower() in _SENTENCE_WORDS:
            head = head[m.end():]
            inside = inside[m.end():]
            at += m.end()
            break
    tokens = list(_NON_SPACE.finditer(head))
    cells = [bool(_CELL_TOKEN.fullmatch(t.group(0))) for t in tokens]
    named = _GAS_ANY.search(head) is not None       # asked once: a table of numbers names no gas
    for i, m in enumerate(tokens):
        if cells[i] and not named:
            continue            # a number names no column (most of a table's tokens: passed over first)
        after_number = i > 0 and cells[i - 1]
        before_number = i + 1 == len(tokens) or cells[i + 1]
        if inside[m.start()] or after_number and not before_number:
            continue            # "1 passenger, NY": a number's own unit, no column's ("216 kWh 3.1": a row's)
        token = m.group(0).strip(",;:·*")
        if named and (_GAS_ALONE.fullmatch(token) or _GAS_AT_END.search(head[max(0, m.start() - 4):m.end()])):
            gas = True
            columns.append((at + m.start(), at + m.end(), None))
            continue
        if len(token) < 2 or not token[0].isalpha() or token.lower() in _SENTENCE_WORDS:
            continue
        if _after_per([t.group(0) for t in tokens[max(0, i - 2):i + 1]], min(i, 2)):
            continue            # "per day": what a row's or a column's figures are per, no unit of theirs
        if token.isupper() and not _POWER_SYMBOL.fullmatch(token) and token != "PUE":
            continue            # "MS COCO", "NAS": a name (a unit in capitals only if it is a power's)
        if token in ("Year", "year"):
            columns.append((at + m.start(), at + m.end(), _YEAR_COLUMN))     # the rows' calendar year, no duration
            continue
        text = token if _reads_as_unit(token) else token.lower() if token[:1].isupper() \
            and token[1:].islower() and _reads_as_unit(token.lower()) else None
        if text is None and token.lower() in ("percentage", "percent") and _row_place(plain, number)[1] == 1:
            text = "%"              # "Energy source Percentage location / Coal 23 NWPP": the row's one figure, 23%
        if text is not None and (not _counts_things(parse_unit(text)) or text.endswith("s")):
            units.append(text)      # "Hours", "Watts", "GPUs", "Models"; "Model", "TPU" name a row
            if not m.group(0).startswith(("·", "*")):
                columns.append((at + m.start(), at + m.end(), text))    # "kWh ·PUE": one column, kWh times PUE
    if named:
        # "CO 2e (lbs)", "Gross CO 2 e/KWh (kg/KWh)": a mass of CO2e, or a rate of one
        for unit in list(units):
            amount = _amount(unit) or unit
            if _is_mass(amount) and "CO2" not in unit:
                units.append(f"{amount} CO2e" + unit[len(amount):])
    if gas and claim_unit is not None and "[co2e]" in dict(claim_unit.dimensionality) \
            and not any("CO2e" in u for u in units):
        units.append(format_unit(claim_unit))      # "CO 2e": the column's mass is the claim's
    if gas:
        # "CO2eq emitted (kg)": the gas and the mass in parentheses after it name one column, a mass of CO2e
        heads = sorted(columns, key=lambda c: c[0])
        columns = [c for c, nxt in zip(heads, heads[1:] + [None]) if not (
            c[2] is None and nxt is not None and nxt[2] and _is_mass(_amount(nxt[2]) or nxt[2])
            and nxt[0] - c[1] <= 24 and _GAS_WORDS_ONLY.fullmatch(plain, c[1], nxt[0]))]
    units = _column_units(plain, number, list(dict.fromkeys(units)), columns)
    den = row_per(plain, number.start) if units else None
    if den is None and units and columns:
        den = _sub_column_per(plain, number, max(c[1] for c in columns))
    if den is None:
        return units
    # "Energy (kWh) ... per day 36 30": each cell of the row is the header's unit per day, never a total
    return [u if _amount(u) is not None else f"{u} per {den}" if den[:1].isdigit() else f"{u}/{den}" for u in units
            if _amount(u) is not None or _reads_as_unit(f"{u}/{den.split()[-1]}", nouns=True)]


def _cell_column(plain: str, number: _Number) -> tuple[bool, tuple[str, bool] | None]:
    """Whether kb tells the column of the table's cell `number` from its header, and that column's unit and whether
    the header prints it in brackets (`header_columns`): None under a column the header names with no unit beside one
    it names a unit for ("Model Energy (kWh) Runs / BERT 23 5": 5 under "Runs"), ("Hours", False) under "Hours"; the
    first row's cells as many as this one's. (False, None) whenever kb cannot tell the columns apart."""
    index, count, row_start = _row_place(plain, number)
    reach = max(0, row_start - _HEADER_REACH)
    parens = list(_HEADER_PAREN.finditer(plain, reach, row_start))
    if not parens:
        return False, None
    first = _ROW_FIGURE.search(plain, parens[-1].end(), number.end)
    if first is None or _row_place(plain, _Number(first.group(), first.start(), first.end(), Decimal(0),
                                                  Decimal(0)))[1] != count:
        return False, None      # the first row's cells no more nor fewer than this one's
    ends = [m.end() for m in _SENTENCE_END.finditer(plain, reach, parens[0].start())]
    columns = header_columns(plain[ends[-1] if ends else reach:first.start()], count)
    return (False, None) if columns is None else (True, columns[index])


#: A column a header names as a per under a unit named before it: "Per day" of "Energy (kWh) Total Per day".
_PER_COLUMN = lazy(r"(?i)(?<!\S)(?:per[ ]+(?P<den>[^\W\d_][\w-]*)|(?P<adverb>hourly|daily|weekly|monthly|yearly|annual"
                   r"|annually))(?!\S)")
_HEADER_WORD = lazy(r"(?i)per[ ]+[^\W\d_][\w-]*|\S+")


def _sub_column_per(plain: str, number: _Number, unit_end: int) -> str | None:
    """The per a header names as a column of its own under the unit printed before it, for the cell `number` ("day" of
    36 in "Energy (kWh) Total Per day BERT 1,080 36"; None of 1,080, its total); None when it names none, or kb
    cannot tell which of the row's cells stand under it."""
    first = _ROW_FIGURE.search(plain, unit_end, number.start + 1)
    if first is None or not _PER_COLUMN.search(plain, unit_end, first.start()):
        return None
    groups: list[str] = []
    for m in _HEADER_WORD.finditer(plain, unit_end, first.start()):
        word = m.group(0)
        if groups and not word[:1].isupper() and not _PER_COLUMN.fullmatch(word):
            groups[-1] += f" {word}"        # "Total energy": one column's name
        else:
            groups.append(word)
    index, count, _ = _row_place(plain, number)
    if len(groups) <= count:
        return None             # no row label left after the columns: the columns and the label cannot be told apart
    per = _PER_COLUMN.fullmatch(groups[index])
    if per is None:
        return None
    return per.group("den") or HEADER_ADVERB_PER[per.group("adverb").lower()]




#: Words between a gas a header names and the mass in parentheses after it: " emitted " of "CO2eq emitted (kg)".
_GAS_WORDS_ONLY = lazy(r"(?:[ ]+[a-z]+){0,2}[ ]*")


def _column_units(plain: str, number: _Number, units: list[str], columns: list[tuple[int, int, str | None]]
                  ) -> list[str]:
    """Of `units`, a table's header's, those of the column the cell `number` stands in, when the header
    names a unit for each of its row's cells but money's, in one run of words, and a row's label stands
    between the header and the row ("Power (W) Hours kWh ·PUE CO 2e Cloud compute cost ... P100x8 1515.43 84 201 192 $289–$981":
    84 is hours, never kWh); all of them otherwise (rows run together, a header that labels its row)."""
    heads = sorted({start: (end, unit) for start, end, unit in columns if not (unit and _is_money(unit))}.items())
    years = any(unit == _YEAR_COLUMN for _, (_, unit) in heads)
    if years and _YEAR_CELL.fullmatch(number.text):
        return []               # "Year Emissions (tCO2e) 2019 1,234": 2019 labels its row, no figure of the header's
    heads = [h for h in heads if h[1][1] != _YEAR_COLUMN] if years and heads[0][1][1] != _YEAR_COLUMN else heads
    if len(heads) < 2:
        return units
    index, count, row_start = _row_place(plain, number)
    if heads[0][1][1] == _YEAR_COLUMN:
        # rows each led by their year, run together or not: "Year Energy (MWh) Emissions (tCO2e) 2019 510 1,234 2020
        # 480 987" (510 is MWh, 1,234 tCO2e); no other reading of the cells gives them a unit
        n = len(heads)
        run = [m.group() for m in _TOKENS.finditer(plain, row_start, number.end + 200)][:count]
        if count % n or not all(_YEAR_CELL.fullmatch(run[i]) for i in range(0, count, n)) \
                or any(_CURRENCY_IN.search(cell) for cell in run):
            return []
        unit = heads[index % n][1][1]
        if unit is None:
            return [u for u in units if "CO2e" in u] or ["kg CO2e"]
        amount = _amount(unit) or unit
        return [u for u in units if u == unit or u.startswith(f"{amount} CO2e")] or [unit]
    if len(heads) > count:      # a caption's units before its header ("CO2 emissions (lbs) ... TPUs.\nModel ..."):
        ends = [m.end() for m in _SENTENCE_END.finditer(plain, heads[0][0], heads[-1][0])]     # the header's own
        if ends:
            heads = [h for h in heads if h[0] >= ends[-1]] or heads
    if len(heads) != count or not _LABEL_WORD.search(plain, heads[-1][1][0], row_start) \
            or _PLAIN_FIGURE.search(plain, heads[0][0], heads[-1][1][0]):
        return units            # no header, one row's label naming a unit ("Datacenter PUE 1.59 1.11")
    unit = heads[index][1][1]
    if unit is None:            # "CO 2e": a mass of CO2e, as the claim gives it; no other unit
        return [u for u in units if "CO2e" in u] or ["kg CO2e"]
    amount = _amount(unit) or unit
    return [u for u in units if u == unit or u.startswith(f"{amount} CO2e")] or units


#: A table's column of calendar years, "Year": each row's label, no unit (`_header_units`).
_YEAR_COLUMN = "year-label"
#: A header naming a column of years: "Year Emissions (tCO2e)".
_YEAR_HEAD = lazy(r"(?<!\S)[Yy]ear(?!\S)")
#: A calendar year as a table's row prints it: "2019".
_YEAR_CELL = lazy(r"(?:19|20)\d\d")
#: A sentence's end: a caption's before its table's header.
_SENTENCE_END = lazy(r"[.:](?=\s)")
#: A token of a table's row that is a figure: a number, money, a range of them, a dash for none.
_ROW_FIGURE = lazy(r"[-−+]?[$€£]?\.?\d\S*|[-–—]")
#: A number standing alone, as a header's words never do (a table's row labelled with units between them).
_PLAIN_FIGURE = lazy(r"(?<!\S)[-−+]?[$€£]?\.?\d[\d.,]*%?(?!\S)")
#: A word of a row's label: "Transformerbig", "P100x8".
_LABEL_WORD = lazy(r"[^\W\d_]\w*")
_TOKENS = lazy(r"\S+")


def _row_place(plain: str, number: _Number) -> tuple[int, int, int]:
    """Where the cell `number` stands among its row's cells that are no money, how many they are, and
    where the row starts: the figures printed together around it ("1415.78 12 27 26 $41–$140"), a row's
    label ending them."""
    before = list(_TOKENS.finditer(plain, max(0, number.start - 200), number.start))
    after = list(_TOKENS.finditer(plain, number.end, number.end + 200))
    row_start = number.start
    left = right = 0
    for m in reversed(before):
        if not _ROW_FIGURE.fullmatch(m.group()):
            break
        row_start = m.start()
        left += not _CURRENCY_IN.search(m.group())
    for m in after:
        if not _ROW_FIGURE.fullmatch(m.group()):
            break
        right += not _CURRENCY_IN.search(m.group())
    return left, left + 1 + right, row_start


_CURRENCY_IN = lazy(r"[$€£]")
#: A times sign right before a number: "× " of "2 × 1024 pixels".
_TIMES_BEFORE = lazy(r"[×x·∙][ ]?$")
#: A currency sign before a candidate's number, which its `number` leaves out: "$" of "$15", "US$" of "US$15".
_CURRENCY_LEAD = lazy(r"(?:US\$|[$€£]|(?:USD|EUR|GBP)[ ]?(?=\d))?")


def _is_money(unit: str) -> bool:
    """Whether `unit` (as printed) is a currency's: "USD", "$"."""
    try:
        return any(d.startswith("[currency_") for d in dict(parse_unit(unit, nouns=True).dimensionality))
    except KBError:
        return False


def _has_dimension(unit: str | None) -> bool:
    """Whether `unit` (as printed) measures something: "kWh" does, "x", "%" and None do not."""
    if not unit:
        return False
    try:
        return bool(dict(parse_unit(unit).dimensionality))
    except KBError:
        return False


def _unit_after(plain: str, number: _Number) -> str | None:
    """The unit kb reads in the words printed right after `number` ("°C" of "25 °C during"),
    the longest that reads as one; None when none does (things counted, the sentence)."""
    noun = _noun_after(plain, number, limit=5)       # "g CO2e per web page"
    if noun is None:
        return None
    if noun.startswith(("PCT", "Pct")) and pct_capitals_name(plain, plain.find(noun[:3], number.end)):
        return None     # "12 PCT applications": a name, no per cent ("12 PCT in 2021" is one)
    words = noun.split()
    for i, word in enumerate(words[1:], 1):
        # "MWh in total": a word of the sentence ends the unit ("in" is no inch here), save
        # "of" before CO2 ("lbs of CO2e")
        if word.lower() in _SENTENCE_WORDS and not (word.lower() == "of" and i + 1 < len(words)
                                                     and words[i + 1].upper().startswith("CO")):
            words = words[:i]
            break
    for k in range(len(words), 0, -1):
        text = " ".join(words[:k])
        # "kWh per run": a rate per things counted
        if _reads_as_unit(text, nouns=k > 1 and bool(_RATE_SPLIT.search(text))):
            return _PER_WORD.sub("/", text)
    return None


#: The gas named before a figure in its clause, no number nor stop between them: "CO2
#: emissions of 25 kg", "carbon dioxide emissions were 25 kg", "CO 2 emissions (kg) 25".
_GAS_BEFORE = lazy(rf"{_GAS}[^\d,.;:!?]{{0,50}}$")
#: A mass, then the gas a few words of its own after it: "25 kg of the greenhouse gas carbon dioxide".
_GAS_AFTER = lazy(rf"[ ]*[^\W\d_]+\.?[ ]+of[ ]+(?:(?i:the|greenhouse|gas|gases|emitted|released|net|gross|total)"
                  rf"[ ]+){{1,4}}{_GAS}")
#: A mass of something else: "25 kg of coal" (a gas named before it is not that mass's).
_MASS_OF = lazy(r"[ ]*[^\W\d_]+\.?[ ]+of[ ]+(?!C\s?O|𝐶𝑂|(?i:carbon[\s-]+dioxide))[^\W\d_]")
#: A mass's unit and the same mass restated in parentheses, or the end of the parenthesis
#: restating it: "284,019 kg (626,155 lbs)" and "(626,155 lbs)" of "... of CO2".
_MASS_ASIDE = lazy(r"[ ]*[^\W\d_]+\.?(?:[ ]*\([^()]{1,40}\)|\))")


def _is_mass(unit: str) -> bool:
    """Whether `unit` (as printed) is a plain mass: "kg", "lbs", "tonnes"."""
    try:
        return dict(parse_unit(unit).dimensionality) == {"[mass]": 1}
    except KBError:
        return False


def _gas_named(plain: str, n: _Number) -> bool:
    """Whether the quote says the mass printed at `n` is CO2: the gas named right after its
    unit ("25 kg of the greenhouse gas carbon dioxide"), or before the figure in its clause
    ("CO2 emissions of 25 kg") when the mass is of nothing else ("25 kg of coal")."""
    after = plain[n.end:n.end + 120]
    aside = _MASS_ASIDE.match(after)
    if aside:       # "284,019 kg (626,155 lbs) of CO2": what follows the aside is the mass's
        after = " kg" + after[aside.end():]
        if re.match(rf"[ ]*kg[ ]+of[ ]+{_GAS}", after):
            return True
    if _GAS_AFTER.match(after):
        return True
    if _MASS_OF.match(after):
        return False
    return bool(_GAS_BEFORE.search(plain[max(0, n.start - 90):n.start]))


_FACTOR_UNIT = lazy(r"(?i)[x×✕]|times|-?\s?fold|factor")
_PERCENT_UNIT = lazy(r"(?i)[%‰‱]|percent|per\s?cent|per\s?(?:mille|mill|mil)")
#: Percentage points: a difference of percentages, never a percentage ("3 pp" is no "3 %").
_POINTS_UNIT = lazy(r"(?i)percentage[\s_-]points?|pp")


#: "points" right after a number ("5 points", never "a 7-point scale" nor "5 percentage points").
_POINTS_AFTER = lazy(r"[ ]?points?\b")
#: A percentage's unit after a number in words: " percent" of "twenty-three percent", " per cent", "%".
_PERCENT_WORDS_AFTER = lazy(r"[ ]?(?:%|(?i:percent|per[ ]cent)\b)")
#: A percentage printed as a figure: "85%", "35 percent".
_PERCENT_FIGURE = lazy(r"\d[ ]?(?:%|(?i:percent|per[ ]cent)\b)")
#: Words of a scale or a score whose points are no percentage's: "a 7-point Likert scale", "rating".
_SCALE_WORDS = lazy(r"(?i)\b(?:scales?|likert|ratings?|BLEU|ROUGE|ELO|FID)\b")


def _percent_points(plain: str, n: _Number) -> bool:
    """Whether the quote prints `n` as points of a percentage: "5 points" in a sentence that prints
    percentages ("rose 5 points, from 80% to 85%", "by 5 points to 35%") and names no scale or score
    whose points they would be."""
    if n.unit is not None or n.share or _POINTS_AFTER.match(plain, n.end) is None:
        return False
    start = max(plain.rfind(". ", 0, n.start) + 1, n.start - 200)
    end = plain.find(". ", n.end)
    end = min(len(plain) if end < 0 else end, n.end + 200)
    return _PERCENT_FIGURE.search(plain, start, end) is not None and _SCALE_WORDS.search(plain, start, end) is None


def _ratio_kinds_differ(printed: str | None, mine: str | None) -> bool:
    """Whether one unit is a factor ("×", "times", "-fold") and the other a percentage: a
    "100× increase" is no "100 %" nor "10000 %" (a reader never converts one to the other)."""
    def kind(unit: str | None) -> str | None:
        text = (unit or "").strip()
        if _FACTOR_UNIT.fullmatch(text):
            return "factor"
        if _POINTS_UNIT.fullmatch(text):
            return "points"
        return "percent" if _PERCENT_UNIT.fullmatch(text) else None
    a, b = kind(printed), kind(mine)
    return a is not None and b is not None and a != b


#: The kind of accelerator a unit names: "GPUs", "GPU-hours", "TPU v3 chips".
_HARDWARE = lazy(r"(?i)(?<![A-Za-z])([CGTINQ]PU)(?![A-Za-z])|(?<![A-Za-z])([CGTINQ]PU)s(?![A-Za-z])")


def _kinds_differ(printed: str | None, mine: str | None) -> bool:
    """`_ratio_kinds_differ`, or units naming different accelerators: kb counts GPUs and TPUs in
    one dimension (a check multiplies either by hours), but "58 GPUs" is no "58 TPUs", nor
    "384 GPU hours" "384 TPU hours"."""
    if _ratio_kinds_differ(printed, mine):
        return True
    if _logarithmic(printed) != _logarithmic(mine):
        return True             # "0.177 oct" (a header's "Oct") is no "1.13 PUE", though pint converts 2^0.177
    if _is_count(printed) and _is_count(mine) and not _same_noun(printed, mine):
        return True             # "12 nodes" is no "12 models"; "3,000 queries" no "3,000 images"
    per = [_den_noun(text) for text in (printed, mine)]
    if per[0] and per[1] and _per_count(per[0]) and _per_count(per[1]) and not _same_noun(per[0], per[1]):
        return True             # "2 kWh per run" is no "2 kWh/image"; "0.5 Wh per query" no "0.5 Wh per prompt",
        # nor "2.9 Wh per 1,000 queries" "2.9 Wh/1,000 images", "$0.50/1M tokens" "$0.50/1M images"
    if _rate_kind(printed) and _rate_kind(mine) and _rate_kind(printed) != _rate_kind(mine):
        return True             # "100 Mbps" is no "100 MHz", though both are so many a second
    kinds = [{(a or b).upper() for a, b in _HARDWARE.findall(text or "")} for text in (printed, mine)]
    return bool(kinds[0]) and bool(kinds[1]) and not kinds[0] & kinds[1]


#: Units on a logarithmic scale: pint converts them to plain numbers (an octave is a factor of 2), as no
#: reader does.
_LOG_UNITS = ("octave", "decade", "neper", "decibel", "bel")


def _logarithmic(unit: str | None) -> bool:
    """Whether `unit` (as printed) is on a logarithmic scale ("oct", "dB", "Np")."""
    if not unit:
        return False
    try:
        names = str(parse_unit(unit, nouns=True))
    except KBError:
        return False
    return any(name in names for name in _LOG_UNITS)


def _den_noun(unit: str | None) -> str | None:
    """The last word of a rate's denominator ("queries" of "Wh per 1,000 queries", "tokens" of
    "/1M tokens", the amount's unit a currency sign before the number); None for no rate."""
    parts = _RATE_SPLIT.split(unit, maxsplit=1) if unit else []
    word = _WORD_AT_END.search(parts[1]) if len(parts) == 2 else None
    return word.group() if word else None


def _rate_kind(unit: str | None) -> str | None:
    """"data" for a data rate ("Mbps", "Gb/s", "MB/s"), "frequency" for one in hertz; else None."""
    try:
        names = unit_powers(parse_unit(unit)) if unit else {}
    except KBError:
        return None
    if any(n.endswith(("bit", "baud", "byte")) for n in names):
        return "data"
    return "frequency" if any(n.endswith("hertz") for n in names) else None


def _is_count(unit: str | None) -> bool:
    """Whether `unit` (as printed or written) counts things: "models", "cores", "web pages"."""
    if not unit:
        return False
    try:
        return dict(parse_unit(unit, nouns=True).dimensionality) == {"[count]": 1}
    except KBError:
        return False


def _count_phrase_of(printed: str, noun: str) -> str:
    """What a count the quote prints counts, with the hardware it names ("GPU nodes" of "12 GPU
    nodes", "CPU cores" of "8 CPU cores"): its last words that read as one count, else `noun`."""
    words = printed.split()
    for k in range(min(3, len(words) - 1), 1, -1):
        phrase = " ".join(words[-k:])
        if _HARDWARE.search(phrase) and not any(c.isdigit() for c in words[-k]) and _is_count(phrase):
            return phrase
    return noun


def _noun_key(unit: str) -> str:
    """What a count counts, one word for its plural and singular: "query" of "queries" and
    "3,000 query", "core" of "CPU cores"; "item" when it names nothing ("items", kb's own)."""
    word = unit.split()[-1].strip(".,;:()").lower()
    try:
        name = str(parse_unit(word))
        if name != "item" or word.startswith("item"):
            return name         # a count kb knows, plural or singular: "people" is "person"
    except KBError:
        pass
    for plural, singular in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")):
        if word.endswith(plural) and len(word) > len(plural) + 1:
            return word[:-len(plural)] + singular
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


#: Counts of people: kb's "person" (of "8 male and 2 female") is any of them.
_PEOPLE = {"person", "participant", "user", "author", "annotator", "worker", "patient", "passenger"}


def _same_noun(printed: str, mine: str) -> bool:
    """Whether two counts count the same things ("cores" and "core", "scale points" and "point
    scale"; kb's own "item" is any, its "person" any count of people)."""
    a = {_noun_key(w) for w in printed.split()}
    b = {_noun_key(w) for w in mine.split()}
    if "item" in a | b or "person" in a | b and a | b <= _PEOPLE:
        return True
    # what each counts, its last word, is among the other's words: "GPU nodes" and "nodes", but
    # "CPU cores" are no "CPUs"
    return _noun_key(printed.split()[-1]) in b and _noun_key(mine.split()[-1]) in a


_RATE_SPLIT = lazy(r"\s*(?:/|\bper\b)\s*")
_WORD_AT_END = lazy(r"[^\W\d_][\w-]*$")


def _amount(rate: str) -> str | None:
    """The amount of a rate as printed ("kWh" of "kWh/day", "gCO2e" of "gCO2e per hour"); None
    for a unit that is no rate."""
    parts = _RATE_SPLIT.split(rate, maxsplit=1)
    return parts[0].strip() if len(parts) == 2 and parts[0].strip() and parts[1].strip() else None


#: A rate's denominator holding a number: "per 1,000 images", "/100 km", "per 1k tokens".
_PER_NUMBER = lazy(r"[ ]*(?:/|per\b|(?i:(?:for[ ]+)?(?:each|every)\b)(?=[ ]*(?:\d|(?:a[ ]+|one[ ]+)?(?i:thousand|million|billion)\b)))"
                   r"[ ]*(?P<den>(?:\d[\d,]*(?:\.\d+)?[ ]?[kKM]?|(?:(?:a|one)[ ]+)?(?i:thousand|million"
                   r"|billion)(?=[ ]))[ ]?[^\W\d_][\w-]*)")


def _per_count(den: str) -> bool:
    """Whether a rate's denominator counts things: a count ("run", "images"), or a yardstick a rate is per
    ("flight": "per flight" is no "per run")."""
    return _is_count(den) or bool(den.split()) and is_yardstick(den.split()[-1])


def _other_things(den: str, per: str) -> bool:
    """Whether two denominators ("1,000 images", "query") count different things, or one counts
    things and the other does not: their last words, as nouns."""
    nouns = [m.group() if m else "" for m in (_WORD_AT_END.search(t) for t in (den, per))]
    return (_per_count(nouns[0]) or _per_count(nouns[1])) and not (all(nouns) and _same_noun(*nouns))


def _per_twice(value: str, per: str) -> str | None:
    """The denominator a value written as a rate already has that its claim's `per` names again
    ("0.5 Wh/query" per query, "50 kWh/day" per 24 hours), or None ("50 kWh/day" per household
    is a rate per day per household)."""
    parts = _RATE_SPLIT.split(value.strip(), maxsplit=1)
    if len(parts) < 2 or not parts[1].strip() or not any(c.isdigit() for c in parts[0]):
        return None
    den, text = parts[1].strip(), per.strip()
    mine, theirs = (_denominator(t if t[:1].isdigit() else f"1 {t}") for t in (den, text))
    if mine is None or theirs is None:
        return None
    try:
        theirs.to(mine.unit)
    except KBError:
        return None                 # a per of another dimension: a rate per day per household
    if _other_things(den, text):
        return None                 # per query per household: two counts of different things
    return den


def _denominator(den: str):
    """`den` ("1,000 images", "100 km") read as a figure, or None."""
    try:
        return Interval.from_written(den)
    except (KBError, ValueError):
        return None


def _per_figure(number: _Number, rate: str) -> Interval | None:
    """The rate the quote prints as an amount per a number of things or a quantity ("5 L per
    100 km", "2.9 kWh per 1,000 images") as one figure: 0.05 L/km, 2.9 Wh/image. None for
    another unit."""
    parts = _RATE_SPLIT.split(rate, maxsplit=1)
    if len(parts) != 2 or not parts[1][:1].isdigit():
        return None
    den = _denominator(parts[1])
    if den is None or not den.nominal:
        return None
    try:
        return _printed_figure(number, parts[0].strip()) / Interval.exact(den.nominal, den.unit)
    except (KBError, ValueError, ZeroDivisionError):
        return None


#: A scale word opening a denominator, as "1" and the word: "a million tokens", "thousand km".
_A_SCALE_DEN = lazy(r"(?i)^(?:(?:a|one)[ ]+)?(?=(?:thousand|million|billion)[ ])")


#: What a figure's amount is of, between its unit and a rate's "per": " of electricity", " of CO2".
_OF_WHAT = lazy(rf"[ ]+of[ ]+(?P<what>[^\W\d_][\w-]*(?:[ ]+(?!{SPENT}\b)[^\W\d_][\w-]*)?)"
                rf"(?=[ ]*(?:/|per\b)|{_SPENT_PER_TEXT})")
#: A rate's denominator in words: "per hour", "per web page", "/query".
_PER_NOUN = lazy(r"[ ]*(?:/|per\b)[ ]*(?P<den>[^\W\d_][\w-]*(?:[ ]+[^\W\d_][\w-]*)?)")


#: A rate's "per" in words: "each day", "for every query", "a day", "an hour".
_PER_IN_WORDS = lazy(r"(?i)[ ]*(?:(?:(?:for|in|on|at|per)[ ]+)?(?:(?P<of>each[ ]+of[ ]+(?:the|our|these|those|its|their"
                     r"|all(?:[ ]+the)?)(?:[ ]+(?:\d+|two|three|four|five|six|seven|eight|nine|ten))?)|each|every)"
                     rf"(?![ ]+(?:(?:case|instance|time|way|other)s?\b|{EACH_CLAUSE}))"
                     r"|an?(?=[ ]+(?:second|minute|hour|day|week|month|year)\b))"
                     r"[ ]+(?P<den>[^\W\d_][\w-]*(?:[ ]+[^\W\d_][\w-]*)?)")


def _den_words(m: re.Match[str]) -> list[str]:
    """The words of a rate's per as printed, one of what "each of the runs" names ("run"): a rate per run."""
    words = m.group("den").split()
    if "of" in m.re.groupindex and m.group("of") and len(words) == 1:
        words = [_one(words[0])]
    return words


#: ... or as an adverb: "5 kWh daily", "$3 hourly".
_PER_ADVERB = lazy(r"(?i)[ ]+(hourly|daily|weekly|monthly|yearly|annually)\b")


def _rate_from(plain: str, pos: int, unit: str) -> str | None:
    """The rate a figure printed in `unit` ending at `pos` is, when a "per" follows, past what
    its amount is of: "kWh per 1,000 images", "kWh/hour" of "0.2 kWh of electricity per hour",
    "kgCO2e/web page" of "3 kg of CO2 per web page viewed", "kWh/day" of "5 kWh each day" (or
    "every day", "a day", "daily"); None when none follows."""
    if _is_count(unit) or _HARDWARE.search(unit):
        return None             # "64 hidden units per layer": a count, as printed
    of = _OF_WHAT.match(plain, pos)
    if of is not None and any(w.lower() in _SENTENCE_WORDS for w in of.group("what").split()):
        return None             # "of the total per ...": no substance
    at = of.end() if of is not None else pos
    spent = _SPENT_PER.match(plain, at)
    if spent is not None:       # "25 kWh were used per query": per query
        at = spent.end()
    per_n = _PER_NUMBER.match(plain, at)
    if per_n is not None:       # "per a million tokens": per 1 million tokens
        den = _A_SCALE_DEN.sub("1 ", per_n.group("den"), count=1)
        return f"{unit} per {den}" if _denominator(den) is not None else None
    m = _PER_NOUN.match(plain, at)
    in_words = m is None
    if in_words and not _has_dimension(unit):
        return None             # "grown by 20-40% annually", "3x each year": a share or factor of its period
    m = m or _PER_IN_WORDS.match(plain, at)
    if m is None:
        adverb = _PER_ADVERB.match(plain, at)      # "5 kWh daily": per day
        return f"{unit}/{ADVERB_PER[adverb.group(1).lower()]}" if adverb else None
    words = _den_words(m)
    if words[0].lower() in ("cent", "mil", "mille", "mill") or words[0].lower() in _SENTENCE_WORDS \
            or in_words and words[0].lower() in ("time", "times", "other", "single"):
        return None             # "per cent": a percentage; "every time", "each other": no denominator
    if len(words) > 1 and (words[1].lower() in _SENTENCE_WORDS or words[1].lower().endswith(("ed", "ing"))
                           or not (_reads_as_unit(" ".join(words)) or _is_count(" ".join(words)))):
        words = words[:1]       # "per query served", "per kWh will": per query, per kWh
    den = " ".join(words)
    if not _reads_as_unit(den, nouns=True) or not _reads_as_unit(f"{unit}/{den}", nouns=True):
        return None
    return f"{unit}/{den}"


def _rate_after(plain: str, n: _Number, unit: str | None) -> str | None:
    """`unit`, the unit printed after `n`, and the denominator printed after it when it holds a
    number ("L per 100 km" of "5 L per 100 km", "g/1 kWh"): a rate per that many, not an amount."""
    if not unit or _amount(unit) is not None:
        return unit
    pos = n.end
    for _ in unit.split():
        token = _UNIT_TOKEN.match(plain, pos)
        if token is None:
            return unit
        pos = token.end()
    return _rate_from(plain, pos, unit) or unit


#: A word of a unit as `_unit_after` reads it ("L" of "5 L/100 km").
_UNIT_TOKEN = lazy(r"[ ]*[^\s/]+")


#: The number before a claim's per's noun: "1,000 " of "1,000 queries".
_PER_COUNT = lazy(r"^[\d.,\s]+")
#: The word a claim's per may be written after ("per 1,000 queries", "each hour", "for every run"): no part of what it
#: is per, whose count is then read as if the per were written without it.
_PER_WORD_FIRST = lazy(r"(?i)^\s*(?:per|each|every|for[ ]+(?:each|every))[ ]+(?=\S)")


def _per_named(per: str | None) -> str | None:
    """A claim's `per` without the word it may be written after: "per 1,000 queries" is per "1,000 queries"."""
    return _PER_WORD_FIRST.sub("", per, count=1) if per else per
#: The Latin a writer prints a per in: "per diem", "per annum", "per capita".
_PER_LATIN = {"diem": "day", "annum": "year", "capita": "person"}


def _per_holds(per: str | None, rate: str) -> bool:
    """Whether a claim's `per` ("hour", "1 day", "60 minutes") is the denominator of the rate
    the quote prints ("gCO2e per hour", "kWh per 1,000 images"): only then may its value be
    the rate's amount."""
    if not per or _amount(rate) is None:
        return False
    den = _RATE_SPLIT.split(rate, maxsplit=1)[1]
    den = _PER_LATIN.get(den.strip().lower(), den)        # "per diem": per day
    if den[:1].isdigit():
        # "per 1,000 images": the claim's per is that many of them ("1000 images"), never one
        # image (a thousand times the figure) nor 1,000 of anything else
        counted = _denominator(den)
        text = per.strip()
        mine = _denominator(text if text[:1].isdigit() else f"1 {text}")
        if counted is None or mine is None:
            return False
        try:
            conv = mine.to(counted.unit)
        except KBError:
            return False
        if _other_things(den, text):
            return False
        return abs(conv.nominal - counted.nominal) <= max((counted.hi - counted.lo) / 2, 1e-9 * counted.nominal)
    text = per.strip()
    try:
        den_unit = parse_unit(den, nouns=True)      # "per run": a count of runs
        per_iv = Interval.from_written(text if text[:1].isdigit() else f"1 {text}")
        conv = per_iv.to(den_unit)
    except (KBError, ValueError):
        # a per kb reads as no count alone, a yardstick a person may define as a unit ("per
        # flight"): the one printed, once ("flight", "1 flight"), never another noun nor two
        noun = _PER_COUNT.sub("", text)
        return bool(noun) and text[:len(text) - len(noun)].strip() in ("", "1") and " " not in den.strip() \
            and _noun_key(den.strip()) == _noun_key(noun.strip())
    # the per's noun as written: "run" reads as a count of items, which any count's noun would be the same as
    noun = _PER_COUNT.sub("", text) or per_iv.unit_text
    if per_iv.unit_text and _is_count(den) and _is_count(per_iv.unit_text) and not _same_noun(den, noun):
        return False            # "per run" is no "per image", nor "per query"
    return abs(conv.nominal - 1) <= max((conv.hi - conv.lo) / 2, 1e-9)


#: A word that ends what a printed per names ("node" of "per node in the cluster", "query" of "per query served, and"):
#: a word of the sentence, a preposition, a conjunction, a verb.
_PER_PHRASE_STOP = _SENTENCE_WORDS | frozenset(
    "in on at by during over into onto under after before between within through throughout among amongst via per "
    "each every while when where if but nor so then thereafter alone only instead basis more about around roughly "
    "approximately nearly almost up down out off can could would will may might should must do did done took "
    "ran spent went drew got paid".split())
#: A word a per may be written with that names nothing it is per: "per each node", "for every single run", "a day".
_PER_DETERMINERS = frozenset("per each every for the a an single of our its their these those all".split())
#: A count in words a per may name its things with ("each of the twenty-four servers": a server).
_PER_COUNT_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                             "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
                             "hundred dozen".split())
#: What opens a per printed after a figure: "/", "per", "per each", "for each", "for every", "in each", "on every",
#: "each", "every".
_PER_OPENS = lazy(r"(?i)[ ]*(?:/|\bper\b(?:[ ]+(?:each|every))?|(?:\b(?:for|in|on|at|from)[ ]+)?\b(?:each|every)\b"
                  r"(?:[ ]+of[ ]+(?:the|our|these|those|its|their|all(?:[ ]+the)?))?)[ ]*")
#: A count a per may start with: "1,000 " of "per 1,000 queries", "1k ", "a thousand ", "100 " of "/100 km".
_PER_PHRASE_COUNT = lazy(r"(?i)(?:\d[\d,]*(?:\.\d+)?[ ]?[kKM]?|(?:(?:a|one)[ ]+)?(?:hundred|thousand|million|billion))"
                         r"(?=[ ])[ ]*")
#: A word of a printed per: "node", "GPU-hour", "A100", "1,000-token", "true".
_PER_PHRASE_WORD = lazy(r"[ ]*(?P<w>(?:\d[\d,]*-)?[^\W_][\w'’]*(?:-[\w]+)*)(?![\w,.]?\d)")
#: A word between a figure and the per printed after it: its unit or its noun ("W", "false alarms", "kg CO2e",
#: "GPUs"), or "of" and what its amount is of ("of electricity", "of CO 2 e": a subscript's digit apart).
_UNIT_WORD_AFTER = lazy(r"[ ]*(?P<w>[^\W\d_][^\s/,;:()\[\]]*|[%$€£]|\d+[^\W\d_][\w-]*|\d(?=[ ]+[^\W\d_]\b))")
#: A per printed before the figure as its subject's: "Each training run used 3 kWh", "per idle node were 5 W", "every
#: active user sent 3 queries", "Each idle node has 8 GPUs".
_PER_PHRASE_BEFORE = lazy(r"(?i)\b(?:per|each|every)[ ]+(?:of[ ]+(?:the|our|these|those)[ ]+)?"
                          r"(?P<den>[^\W_][\w-]*(?:[ ]+[^\W_][\w-]*){0,2}?)[ ]+(?:(?:\([^()]{0,20}\)|alone|only)[ ]+)?"
                          r"(?:has|had|have|holds|held|contains|contained|hosts|hosted|includes|included|uses|used|took"
                          r"|takes|consumed|consumes|emitted|emits|required|requires|drew|draws|cost|costs|needed|needs"
                          r"|sent|sends|produced|produces|generated|generates|averaged|averages|was|were|is|are|with"
                          r"|came[ ]+to|amounted[ ]+to|ran[ ]+for|runs[ ]+for|lasted|lasts|[:=,])[ ]+"
                          r"(?:(?:about|around|roughly|approximately|nearly|almost|only|just|up[ ]+to|~)[ ]*)?[$€£]?[ ]*$")
#: ... or things named before "each" and what each holds: "64 idle nodes each with 8 GPUs", "the idle nodes each have
#: 8 GPUs".
_PER_PHRASE_EACH_AFTER = lazy(r"(?i)(?P<den>\b[^\W\d_][\w-]*(?:[ ]+[^\W\d_][\w-]*){0,2}?)[ ]*,?[ ]+each[ ]+"
                              r"(?:with|has|have|had|holds|held|contains|contained|uses|used|took|takes|consumed|drew"
                              r"|required|needed|ran[ ]+for)[ ]+(?:(?:about|around|roughly|approximately|nearly|almost"
                              r"|only|just|up[ ]+to|~)[ ]*)?[$€£]?[ ]*$")


def _per_phrase_words(text: str) -> list[str]:
    """The words a per names, folded as a reader compares them: in lower case, a hyphen a space ("GPU-hour" is "GPU
    hour"), a count's comma gone ("1,000-token" is "1000-token"), each word in the singular ("training runs" is
    "training run"), and past any count and determiner it opens with ("per each node", "1,000 queries": "node",
    "query")."""
    text = _PER_WORD_FIRST.sub("", text.strip(), count=1)
    count = _PER_PHRASE_COUNT.match(text + " ")
    if count is not None and count.end() <= len(text):
        text = text[count.end():]
    words = [w for w in re.sub(r"(?<=\d),(?=\d{3})", "", text).replace("-", " ").replace("’", "'").split() if w]
    while words and (words[0].lower() in _PER_DETERMINERS | _PER_COUNT_WORDS or words[0].isdigit()):
        words = words[1:]       # "each of the twelve racks", "each of the 12 racks": what each is, a rack
    return [_noun_key(w) if w[:1].isalpha() else w.lower() for w in words]


def _per_phrase_after(plain: str, end: int) -> str | None:
    """The per printed right after a figure ending at `end`, past its unit or noun, as printed with every word that
    qualifies it ("true alarm" of "1.4 false alarms per true alarm", "idle node" of "5 W per idle node", "1,000
    training queries" of "2.9 kWh per 1,000 training queries", "long query" of "2 s for each long query"); None when
    none is printed there."""
    pos = end
    for _ in range(7):
        opens = _PER_OPENS.match(plain, pos)
        if opens is not None and opens.end() > pos:
            at = opens.end()
            count = _PER_PHRASE_COUNT.match(plain, at)
            words: list[str] = []
            k = count.end() if count is not None else at
            for i in range(3):
                w = _PER_PHRASE_WORD.match(plain, k)
                if w is None:
                    break
                word = w.group("w")
                low = word.lower()
                if low in _PER_PHRASE_STOP or i and low.endswith(("ed", "ly")) or i and low.endswith("ing") \
                        and not _PER_PHRASE_WORD.match(plain, w.end()):
                    break
                if i and low.endswith("ing") and (_PER_PHRASE_WORD.match(plain, w.end()).group("w").lower()
                                                   in _PER_PHRASE_STOP):
                    break       # "per query using the cache": per query
                words.append(word)
                k = w.end()
            if not words:
                return None
            return (plain[at:count.end()] if count is not None else "") + " ".join(words)
        w = _UNIT_WORD_AFTER.match(plain, pos)
        if w is None or w.group("w").lower() in _PER_PHRASE_STOP - {"of"}:
            return None
        pos = w.end()
    return None


def _per_phrase_before(plain: str, start: int) -> str | None:
    """The per printed before a figure starting at `start` as its subject's, with every word that qualifies it
    ("training run" of "Each training run used 3 kWh", "idle node" of "64 idle nodes each with 8 GPUs"); None when
    none is printed there."""
    lo = max(0, start - 80, plain.rfind(". ", 0, start) + 1)
    for pattern in (_PER_PHRASE_BEFORE, _PER_PHRASE_EACH_AFTER):
        m = pattern.search(plain, lo, start)
        if m is not None and not any(c.isdigit() for c in plain[m.end("den"):start]):
            words = m.group("den").split()
            while words and words[0].lower() in _PER_DETERMINERS:
                words = words[1:]
            if words:
                return " ".join(words)
    return None


def qualified_per(quote: str, number: str, per: str) -> str | None:
    """The per `quote` prints at its figure `number` with every word that qualifies it, where that per names the thing
    `per` names with more words ("idle node" of "5 W per idle node" for "node", "passenger round trip" of "1.2 t of
    CO2e per passenger round trip" for "trip"); None where it names that thing with no more words, or none is printed
    there (kb claims promote stores the per so, as kb claim add of the same sentence would)."""
    plain = _plain(_unmarked(quote))
    mine = _per_phrase_words(per)
    if not mine:
        return None
    held = numbers_in(plain)
    try:
        value = Decimal(number.replace(",", ""))
    except ArithmeticError:
        return None
    for h in held:
        if h.value != value:
            continue
        printed = _per_phrase_after(plain, h.end) or _per_phrase_before(plain, h.start) \
            or _per_phrase_after(plain, _list_end(plain, held, h).end)
        theirs = _per_phrase_words(printed) if printed else []
        if theirs and theirs[-1] == mine[-1] and len(theirs) > len(mine):
            return " ".join(printed.split())
    return None


def per_qualifier_clash(value: str, quote: str, per: str | None) -> str | None:
    """Why a claim's per (`per`, or the one its value is written per: "5 W/idle node") is not the per the quote
    prints at its figure, though both name the same thing: a word qualifies one and not the other ("alarm" of "1.4
    false alarms per true alarm", "node" of "5 W per idle node", "idle node" of "5 W per node", "hour" of "per
    GPU-hour"); None where they agree (plural and singular, case, hyphens, a count's comma and a determiner folded:
    "GPU hour" of "per GPU-hour", "1000 queries" of "per 1,000 queries", "query" of "for each query") or the quote
    prints no per of that thing at the figure (the rest of kb's reading decides then)."""
    plain = _plain(_unmarked(quote))
    wanted, _ = _value_numbers(value)
    if not per:
        unit = _unit_text(value, wanted) if wanted else ""
        parts = _RATE_SPLIT.split(unit, maxsplit=1)
        if len(parts) != 2 or not parts[1].strip() or _reads_as_unit(parts[1].strip()) \
                and not _is_count(parts[1].strip()):
            return None             # "5 kWh/day": a unit's per, which kb's reading of units decides
        per = parts[1].strip()
    mine = _per_phrase_words(per)
    if not mine:
        return None
    held = numbers_in(plain)
    values = {w.value for w in wanted}
    figures = [h for h in held if h.value in values] or held
    clashes: list[str] = []
    for h in figures:
        printed = _per_phrase_after(plain, h.end) or _per_phrase_before(plain, h.start) \
            or _per_phrase_after(plain, _list_end(plain, held, h).end)
        if printed is None:
            continue
        theirs = _per_phrase_words(printed)
        if not theirs or theirs[-1] != mine[-1]:
            continue                # another thing: kb's reading of pers decides
        if theirs == mine:
            return None
        clashes.append(printed)
    if not clashes:
        return None
    return (f"the claim's per {per!r} is not the quote's {('per ' + clashes[0])!r}: "
            + ("the quote's says " + ", ".join(repr(w) for w in _qualifiers_only(clashes[0], per))
               if _qualifiers_only(clashes[0], per) else
               "the claim's says " + ", ".join(repr(w) for w in _qualifiers_only(per, clashes[0])))
            + " too; give the per as the quote prints it")


#: What joins the figures of a list whose unit and per are printed once, after its last: ", " and " and " of "180, 108
#: and 129 responses for each topic".
_LIST_JOINS = lazy(r"(?i)[ ]*(?:,[ ]*(?:and|or)?|and|or)[ ]*")


def _list_end(plain: str, held: list[_Number], h: _Number) -> _Number:
    """The last figure of the list `h` opens or is in ("129" of "180, 108, 129 responses for each topic"), whose per
    is every figure's of it; `h` where no figure follows it so."""
    i = held.index(h)
    while i + 1 < len(held) and _LIST_JOINS.fullmatch(plain, held[i].end, held[i + 1].start):
        i += 1
    return held[i]


def _qualifiers_only(a: str, b: str) -> list[str]:
    """The words of per `a` that per `b` lacks, as `a` prints them."""
    theirs = set(_per_phrase_words(b))
    return [w for w in re.sub(r"(?<=\d),(?=\d{3})", "", a).replace("-", " ").split()
            if (_noun_key(w) if w[:1].isalpha() else w.lower()) not in theirs
            and w.lower() not in _PER_DETERMINERS and not _PER_PHRASE_COUNT.fullmatch(w + " ")]


#: A word between a figure and a per printed after it ("GPUs" of "8 GPUs per node", "CO2e" of "5 kg CO2e/flight").
_WORD_BEFORE_PER = lazy(r"[ ]*(?P<word>[^\W\d_][\w-]*)")
#: An interval's other bound and its closing bracket, after one bound: "-4.2)" of "(95% CI 3.1-4.2) per run".
_CLOSING_BOUND = lazy(r"(?:[ ]?[-–—,][ ]?\d[\d.,]*)?[ ]?[)\]]")
#: ... or the figure's bracket: "(95% CI 3.1-4.2)" of "3.6 kWh (95% CI 3.1-4.2) per run".
_BRACKET_BEFORE_PER = lazy(r"[ ]?[(\[][^()\[\]]{1,60}[)\]]")
#: A per printed before a figure as its subject's: "per flight were 5 kg", "per query was about $0.3".
_PER_BEFORE = lazy(r"(?i)(?:\bper\b|(?<!\bw)/)[ ]*(?P<den>(?:\d[\d,.]*[ ]?)?[^\W\d_][\w-]*(?:[ ]+[^\W\d_][\w-]*)?)"
                   r"(?![\w-])[ ]*"
                   r"(?:[(\[][^()\[\]\d]{1,20}[)\]][ ]*)?"
                   r"(?:(?:is|was|were|are|averaged|averages|totall?ed|came[ ]+to|amounted[ ]+to|of|[:=,])[ ]*)+"
                   r"(?:(?:about|around|roughly|approximately|nearly|almost|only|just|~)[ ]*)?[$€£]?[ ]*$")
#: A per of a rate, or the thing a rate counts, about a word: "per flight", "/flight", "flight per year".
#: ... or "for each", "in every" after a figure ("14 questions, 7 for each paper": the per is the 7's, never the 14's).
_PER_AHEAD = lazy(r"(?i)(?:\bper|/|(?<=\d)[ ]+(?:for|in|on|at|from)[ ]+(?:each|every))[ ]*(?:\d[\d,.]*[ ]?[kKM]?[ ]*)?"
                  r"(?:[^\W\d_][\w-]*[ ]+)?$")
_PER_BEHIND = lazy(r"[ ]*(?:/|(?i:per)\b(?![ ]?(?i:cent|mille|mill|mil)\b))")
_A_WORD = lazy(r"[^\W\d_][\w-]*")


def _own_per(plain: str, number: _Number, units: list[str | None], per: str) -> bool | None:
    """Whether the per `number`'s own figure prints is the claim's `per`: the rate it is read in ("kWh/run",
    "kWh/day" of "5 kWh each day"), or the per printed right after its unit or noun ("8 GPUs per node", "5 kg
    CO2e each flight", "8 GPUs in each node"), or before it as its subject's ("emissions per flight were 5 kg");
    None when it prints none of its own (or only "each" after it, naming no thing: "8 GPUs each")."""
    lost = [unit for unit in units
            if unit and _amount(unit) and _RATE_SPLIT.split(unit, maxsplit=1)[1].strip() == "item"]
    if lost:
        # a per kb counts but reads as no noun ("40 games" of "12 rounds each with 40 games": per "rounds", read as
        # items): the per the quote words decides, never any count's ("round", never "file")
        printed = _printed_per(plain, number, [unit for unit in units if unit not in lost])
        if printed and _RATE_SPLIT.split(printed, maxsplit=1)[1].strip() != "item":
            return _per_holds(per, printed)
    if any(unit and _per_holds(per, unit) for unit in units):
        return True
    printed = _printed_per(plain, number, units)
    if printed is None:
        # a per a list of figures prints once before them ("emissions per 1,000 queries ranged from 2.66 g to 15.3 g"),
        # which a claim with a per must match; a claim of the figure alone is the list's as before
        listed = _per_of_list(plain, number)
        printed = "item/" + _one(listed) if listed is not None else None
    return None if not printed else _per_holds(per, printed)


#: What each of a subject holds, before the figure: "each node has 8 GPUs", "every server held eight accelerators".
_EACH_BEFORE = lazy(r"(?i)\b(?:each|every)[ ]+" + EACH_OF_COUNTED.replace(r"[ \t\n]", "[ ]") + r"(?!of\b)"
                    r"(?P<den>[^\W\d_][\w-]*)[ ]+" + EACH_WHERE.replace(r"[ \t\n]", "[ ]") + r"(?:has|had|have|holds|held|contains"
                    r"|contained|hosts|hosted|houses|housed|includes|included|comprises|comprised|carries|carried"
                    r"|(?:is|was|were|are)[ ]+(?:equipped|fitted)[ ]+with|with)[ ]+(?:(?:about|around|roughly|approximately"
                    r"|nearly|almost|only|just|up[ ]+to|~)[ ]*)?$")
#: ... or what each of the things named before holds: "64 nodes each with 8 GPUs", "50 lines, each with room for 80
#: characters" (the figure per node, per line; "each of" names what comes after it, a pronoun no thing).
_EACH_WITH_BEFORE = lazy(r"(?i)\b(?!(?:them|they|we|it|you|us|which|who|those|these|and|or)\b)(?P<den>[^\W\d_][\w-]*)"
                         r"[ ]?,?[ ]+each[ ]+(?:with|having|has|had|holding|containing|hosting|carrying)"
                         r"(?:[ ]+[^\W\d_][\w-]*){0,3}[ ]+$")
#: ... or of the things named before a figure and "with", holding it each: "64 nodes with 8 GPUs each" (per node).
_WITH_BEFORE = lazy(r"(?i)\b(?!(?:them|they|we|it|you|us|which|who|those|these|and|or)\b)(?P<den>[^\W\d_][\w-]*)"
                    r"[ ]+(?:with|having|holding|hosting|carrying)[ ]+(?:(?:about|around|roughly|approximately|nearly"
                    r"|almost|only|just|up[ ]+to|~)[ ]*)?$")
#: ... or what things named before "each" and a verb each hold: "the servers each have 8 GPUs" (per server); "they
#: each have 8 GPUs", "the encoder and decoder each consist of 6 layers" (per each of things kb cannot name).
#: "Each has 8 GPUs": "each" as a clause's subject names no thing either.
_EACH_VERB_BEFORE = lazy(r"(?i)(?:\b(?P<den>[^\W\d_][\w-]*)[ ]?,?[ ]+|(?:^|(?<=[.;:!?(]))[ ]*)"
                         r"(?P<each>each)(?:[ ]+of[ ]+(?:them|these|those|us))?[ ]+(?:has|have|had|holds?|held"
                         r"|contains?|contained|hosts?|hosted|houses?|housed|includes?|included|comprises?|comprised"
                         r"|carr(?:y|ies|ied)|uses?|used|consists?[ ]+of|consisted[ ]+of|(?:is|was|were|are)[ ]+"
                         r"(?:equipped|fitted)[ ]+with)[ ]+(?:(?:about|around|roughly|approximately|nearly|almost|only"
                         r"|just|up[ ]+to|~)[ ]*)?$")
#: A range's other end after its first: " to 20" of "12 to 20 citations", "–20".
_RANGE_END = lazy(r"[ ]?(?:[-–—]|to[ ])[ ]?\d[\d,.]*(?![\d,.])")
#: What a figure's noun is of, before its per: " of text" of "200 pages of text per case".
_OF_BEFORE_PER = lazy(r"(?i)[ ]+of[ ]+(?!(?:the|a|an|this|that|these|those|its|our|their|each|every|which|all|any)\b)"
                      r"[^\W\d_][\w-]*(?![\w-])(?=[ ]*(?:/|per\b|(?:(?:for|in|on|at)[ ]+)?(?:each|every)\b))")
#: "each" after a figure's noun, naming no thing it is per: "64 nodes with 8 GPUs each", "8 GPUs each, 4 CPUs".
_EACH_AFTER = lazy(r"(?i)[ ]*each\b(?![ ]*(?:of\b|[^\W\d_]))")


def _one(noun: str) -> str:
    """The singular of a counted noun as printed ("line" of "lines"), as `kb.quantities.numbers` names a per."""
    return min(count_forms(noun), key=len, default=noun)


#: A per a list of figures is printed after ("emissions per 1,000 queries ranged from 2.66 g to 15.3 g"), or after its
#: first figure ("0.32g per 1,000 queries, compared to 2.66g for Flan-T5-XL and 4.67g for BLOOMz-7B").
_LIST_PER = lazy(r"(?i)\bper[ ]+(?P<den>(?:\d[\d,.]*[ ]?[kKM]?[ ]+)?[^\W\d_][\w-]*)(?![\w-])")
#: ... then the words that start the list: a verb of a range or of many ("ranged from", "varies from", "were"), or a
#: comparison (", compared to", "vs.").
_LIST_LEAD = lazy(r"(?i)[ ]*(?:(?:ranged|ranges|range|ranging|varied|varies|vary|varying)[ ]+(?:from|between)"
                  r"|were|are|,?[ ]*(?:compared[ ]+(?:to|with)|vs\.?|versus))[ ]+(?:(?:about|around|roughly"
                  r"|approximately|nearly|almost|only|just|~)[ ]*)?")
#: What a list's figures and their labels ("for Flan-T5-XL") never hold: another per, a clause ("which", "while",
#: a verb), a sentence's end.
_LIST_STOP = lazy(r"(?i)\b(?:per|each|every|which|while|whereas|but|that|who|where|when|because|since|although"
                  r"|though|is|was|were|are|be|been|has|have|had|total|totals|overall|than|more|less|times)\b"
                  r"|[/;:%=]|\.(?!\d)|[^\W\d_](?:ed|ing)\b")
#: A per, each or every after a list's figure and its label, before its sentence ends: the figure's own, not the list's.
_LIST_TAIL = lazy(r"(?i)\b(?:per|each|every)\b|\.(?!\d)")
#: A list's joiner right before a figure of it: "to", "and", "or", ",", "–".
_LIST_JOINER = lazy(r"(?i)(?:\b(?:to|and|or)|,|[-–—])[ ]*(?:(?:about|around|roughly|approximately|nearly|almost|~)[ ]*)?$")


def _per_of_list(plain: str, number: _Number) -> str | None:
    """The per a list of figures `number` is one of prints once for all of them, before it: "query" of "emissions
    per query ranged from 2.66 g to 15.3 g" for 15.3, "1,000 queries" of "0.32g per 1,000 queries, compared to
    2.66g for Flan-T5-XL and 4.67g for BLOOMz-7B" for 4.67; None where no such list holds it (another per, a clause
    or a word of a comparison between)."""
    start = max(plain.rfind(". ", 0, number.start) + 1, number.start - 200, 0)
    last = None
    for last in _LIST_PER.finditer(plain, start, number.start):
        pass
    if last is None:
        return None
    lead = _LIST_LEAD.match(plain, last.end())
    if lead is None or lead.end() > number.start:
        return None
    gap = plain[lead.end():number.start]
    if gap and (_LIST_STOP.search(gap) is not None or _LIST_JOINER.search(gap) is None
                or not any(c.isdigit() for c in gap)):
        return None
    after = _LIST_TAIL.search(plain, number.end, number.end + 200)
    if after is not None and after.group() != ".":
        return None     # "... and 4.67g for BLOOMz-7B per 100 queries": a per of its own after its label, never the list's
    return last.group("den")


#: An item before a figure in a list of what something holds, and the list's joiner after it: "8 GPUs and " of "8 GPUs
#: and 1 TB of RAM", "1 TB of RAM, " of "1 TB of RAM, and 2 CPUs" (a figure, a few words of its unit or noun; never a
#: verb's clause: "8 GPUs, while the rack draws 30 kW" is none).
_LIST_ITEM_BEFORE = lazy(r"(?i)(?<![\w.,])(?P<item>\d[\d,.]*[ ]?(?:[^\W\d_][\w-]*)(?:[ ]+(?:of[ ]+)?(?!(?:and|or|while"
                         r"|whereas|but|which|that|who|where|when|each|every|the|a|an)\b)[^\W\d_][\w-]*){0,3})"
                         r"(?:[ ]?,[ ]?(?:and[ ]+)?|[ ]+and[ ]+)$")


#: A count of things each holding the figure after it: "8 GPUs with " of "each node has 8 GPUs with 80 GB of memory",
#: "4 TPU v3 chips with " (per chip).
_COUNT_WITH_BEFORE = lazy(r"(?<![\w.,])\d[\d,]*[ ](?:(?!(?:and|or|with|having|of)\b)[\w-]+[ ]){0,2}"
                          r"(?P<noun>[^\W\d_][\w-]*)[ ]+(?:with|having|of)[ ]+$")


def _list_head(plain: str, start: int) -> int:
    """Where the list of items a figure at `start` is a later one of begins ("8" of "8 GPUs and 1 TB of RAM" for the
    1): its first item's figure; `start` when no item stands right before it, joined by "and" or a comma."""
    head = start
    for _ in range(6):
        item = _LIST_ITEM_BEFORE.search(plain, max(0, head - 60), head)
        if item is None or any(w.lower() in _SENTENCE_WORDS - {"of"} for w in item.group("item").split()[1:]):
            return head
        head = item.start("item")
    return head


def _printed_per(plain: str, number: _Number, units: list[str | None], subject: bool = True) -> str | None:
    """The rate `number`'s figure is printed in, when it prints a per of its own: its unit's when that is a rate
    ("kWh/day"), or "item/<den>" of a per printed after its unit or noun ("8 GPUs per node", "eight accelerators
    on every server") or before it as its subject's ("emissions per flight were 5 kg"); "" for "each" naming no
    thing ("8 GPUs each"); None when it prints none."""
    rate = next((unit for unit in units if unit and _amount(unit)), None)
    if rate is not None:
        return rate
    units = _with_money(number, units)
    before = (_PER_BEFORE.search(plain, max(0, number.start - 80), number.start) if subject else None) \
        or _EACH_BEFORE.search(plain, max(0, number.start - 80), number.start) \
        or (EACH_THING_BEFORE.search(plain, max(0, number.start - 80), number.start)
            if any(units) and all(not u or adds_up(u) and not _is_count(u) for u in units) else None)
    if before is None:
        # a later item of what each of a subject holds: "1 TB" of "each of the 16 nodes holds 8 GPUs and 1 TB of RAM",
        # "2 CPUs" of "each node has 8 GPUs, 1 TB of RAM and 2 CPUs" (per node, as the first item is)
        head = _list_head(plain, number.start)
        before = _EACH_BEFORE.search(plain, max(0, head - 80), head) if head != number.start else None
        held = _COUNT_WITH_BEFORE.search(plain, max(0, number.start - 60), number.start) if before is None else None
        if held is not None and _EACH_BEFORE.search(plain, max(0, _list_head(plain, held.start()) - 80),
                                                   _list_head(plain, held.start())) is not None:
            # "80 GB" of "each node has 8 GPUs with 80 GB of memory": what each of those things holds, per GPU
            one = one_of_plural(held.group("noun"))
            if one is not None:
                return "item/" + one
    if before is not None:
        return "item/" + _one(before.group("den"))
    each_with = _EACH_WITH_BEFORE.search(plain, max(0, number.start - 80), number.start)
    over = distributed_over(plain, each_with) if each_with is not None else None
    if over is not None:        # "64 nodes each with 8 GPUs": per node; "100 sheets of paper each containing 50
        return "item/" + over   # lines": per sheet
    doing = each_doing(plain, number.start) \
        if any(units) and all(not u or adds_up(u) or _is_count(u) for u in units) else None
    if doing is not None:       # "5 models, each taking 3 hours": per model
        return "item/" + doing
    each_of = _EACH_VERB_BEFORE.search(plain, max(0, number.start - 80), number.start) \
        if "each" in plain[max(0, number.start - 80):number.start].lower() else None
    if each_of is not None:     # "the servers each have 8 GPUs": per server; "they each have 8 GPUs", "Each has 8
        den = each_of.group("den") or ""       # GPUs": unnamed
        one = _one(den) if den else ""
        return "item/" + one if one.lower() != den.lower() else ""
    pos = number.end
    closed = _CLOSING_BOUND.match(plain, pos)
    if closed is not None:          # "3.1" of "(95% CI 3.1-4.2) per run": the interval's per
        pos = closed.end()
    other_end = _RANGE_END.match(plain, pos)
    if other_end is not None:       # "12" of "12 to 20 citations per paper": the range's per
        pos = other_end.end()
    for _ in range(4):
        bracket = _BRACKET_BEFORE_PER.match(plain, pos)
        if bracket is not None:     # "3.6 kWh (95% CI 3.1-4.2) per run": the figure's interval, then its per
            pos = bracket.end()
        m = _PER_NOUN.match(plain, pos) or _PER_IN_WORDS.match(plain, pos)
        if m is not None and PER_SAYS.match(m.group(0)) is None and any(units) \
                and all(u in _SHARE_UNITS for u in units if u):
            return None             # "4 percent for each task": each task's share, no percent per task
        if m is not None:
            words = _den_words(m)
            if len(words) > 1 and (words[1].lower() in _SENTENCE_WORDS or not (
                    _reads_as_unit(" ".join(words), nouns=True) or _is_count(" ".join(words)))):
                words = words[:1]       # "per node in the cluster", "per task as": per node, per task
            if words[0].lower() in _SENTENCE_WORDS or words[0].lower() in ("cent", "mil", "mille", "mill"):
                return None
            return "item/" + " ".join(words)
        if _EACH_AFTER.match(plain, pos):
            # "64 nodes with 8 GPUs each": per node; "8 GPUs each": per something the quote names elsewhere
            held = _WITH_BEFORE.search(plain, max(0, number.start - 80), number.start)
            if held is not None:
                return "item/" + _one(held.group("den"))
            # "the runs used 5 kWh each", "the nodes have 8 GPUs each": per run, per node, as the page reads it
            # (never of "300 W each", each one's power)
            named = subject_of(plain, number.start) if all(not u or adds_up(u) for u in units) else None
            return "item/" + named if named else ""
        of = _OF_BEFORE_PER.match(plain, pos)
        if of is not None:              # "two hundred pages of text per case": per case
            pos = of.end()
            continue
        word = _WORD_BEFORE_PER.match(plain, pos)
        if word is None or word.group("word").lower() in _SENTENCE_WORDS or len(word.group("word")) == 1:
            return None             # "Papers w/ PDF 28.9M": "with", no per
        pos = word.end()
    return None


#: The units of a share of a whole, which "for each X" never makes a rate per X (numbers.PER_SAYS).
_SHARE_UNITS = frozenset(("%", "pp", "‰"))


def _rate_unread(plain: str, number: _Number, units: list[str | None]) -> str | None:
    """The per `number`'s figure prints that the unit it was read in does not say ("item/node" of "8 GPUs per
    node" read in GPUs, "" of "8 GPUs each"), or its unit's per things ("GPU/node"); None when it prints none, or
    its unit is a rate a unit may be ("kWh/h": W)."""
    for unit in units:
        if unit and _amount(unit):      # "GPU/node" of "each node has 8 GPUs": per things, which no unit is
            den = _RATE_SPLIT.split(unit, maxsplit=1)[1].strip()
            if den and (den[:1].isdigit() or not _reads_as_unit(den)) and _amount(unit) != unit:
                return unit     # "kg/flight", "kWh per 1,000 queries" of "emissions per flight were 5 kg": per things
            return unit if den and not den[:1].isdigit() and _is_count(den) else None
    # a per its subject names, a heading's or a table's ("energy (kWh) per 1,000 queries: 2.9", "energy per query
    # (Wh): 0.3"), is the figure's as "8 GPUs per node" is
    return _printed_per(plain, number, units)


def _a_rate(plain: str, number: _Number, units: list[str | None], count: bool) -> bool:
    """Whether `number`'s figure is a rate per something its unit does not say, no total: "8 GPUs per node",
    "25 kWh in each run"; for a `count`, "8 GPUs each" too."""
    printed = _rate_unread(plain, number, units)
    return printed is not None and (bool(printed) or count or _each_distributes(plain, number, units))


def _each_distributes(plain: str, number: _Number, units: list[str | None]) -> bool:
    """Whether "each" distributes `number`'s amount over things the quote does not name: "they each used 5 kWh",
    "they used 5 kWh each" (an amount that adds up; "300 W each" is each one's power)."""
    return _each_verb_before(plain, number) or any(unit and adds_up(unit) for unit in _with_money(number, units))


def _with_money(number: _Number, units: list[str | None]) -> list[str | None]:
    """`units`, or the currency `number` is printed with when they name none ("$2,000": USD, an amount that adds up
    as "each" distributes it: "each team spent $2,000" is per team)."""
    money = None if any(units) else _currency_of(number)
    return [money] if money else units


def _each_verb_before(plain: str, number: _Number) -> bool:
    """Whether "each" and a verb before `number` distribute its amount over things the quote names elsewhere: "they
    each used 5 kWh" (never "300 W each", each one's power)."""
    return "each" in plain[max(0, number.start - 80):number.start].lower() \
        and _EACH_VERB_BEFORE.search(plain, max(0, number.start - 80), number.start) is not None


def _count_rate(plain: str, number: _Number, unit: str | None) -> bool:
    """Whether `number`, printed as a count (`unit` counts things), is a rate per things: "8 GPUs per node",
    "each node has 8 GPUs", "8 GPUs each"; never a factor's, a share's ("3x each year") nor a bare number's ("a
    learning rate of 10⁻³ per step")."""
    unit = unit or _unit_after(plain, number)       # "eight accelerators": a count in words
    amount = _RATE_SPLIT.split(unit, maxsplit=1)[0].strip() if unit else ""
    try:
        if not amount or not _counts_things(parse_unit(amount, nouns=True)):
            return False
    except KBError:
        return False
    return _a_rate(plain, number, [unit], True)


_ADVERB_ANY = lazy(r"(?i)(?<![\w-])(?:hourly|daily|weekly|monthly|yearly|annual|annually)(?![\w-])")


def _per_of_another(plain: str, per: str) -> bool:
    """Whether the quote prints the thing a claim's `per` counts ("flight" of "1 flight") in a rate: as a
    rate's per ("2 t per flight", "emissions per flight") or as what a rate counts ("one flight per year")."""
    noun = _WORD_AT_END.search(per.strip())
    if noun is None:
        return False
    key = _noun_key(noun.group())
    stem = noun.group()[:3].lower()
    for m in _ADVERB_ANY.finditer(plain):      # "36 kWh daily", "Daily energy (kWh)": a rate per day
        if _noun_key(HEADER_ADVERB_PER[m.group().lower()]) == key:
            return True
    for m in _A_WORD.finditer(plain):
        if m.group()[:3].lower() == stem and (_PER_BEHIND.match(plain, m.end()) or _PER_AHEAD.search(
                plain, max(0, m.start() - 40), m.start())) and _noun_key(m.group()) == key:
            return True
    return False


#: Adverbs that give a per: "daily" (per day), "annual" (per year).
_PER_ADVERBS: dict[str, tuple[str, ...]] = {}
for _adverb, _unit in HEADER_ADVERB_PER.items():
    _PER_ADVERBS[_unit] = (*_PER_ADVERBS.get(_unit, ()), _adverb)
#: Other nouns a per is printed as: "per diem" (per day), "per capita" (per person).
_PER_NOUNS = {"year": ("yr", "yrs"),
              "person": ("head", "people", "persons", "inhabitant", "inhabitants", "resident", "residents")}
for _latin, _unit in _PER_LATIN.items():
    _PER_NOUNS[_unit] = (_latin, *_PER_NOUNS.get(_unit, ()))
#: "p.a.": per annum.
_PER_ANNUM = lazy(r"(?<![\w.])p\.[ ]?a\.")
#: A unit's per as abbreviated after "/" or "per": "kWh/h", "TWh/yr", "t per d".
_PER_ABBREVIATED = lazy(r"(?i)(?:/|\bper\b)[ ]*(?P<den>[^\W\d_]+)")
#: What makes a noun after it a per: "per", "/" (with a count: "per 1,000 queries"), "each", "every", "a", "an",
#: "for 1,000" (the claim's count), and at most one word between ("per web page", "each training run"); never a
#: count alone ("ran for 36 hours" is no "per hour").
_PER_BEFORE_NOUN = lazy(r"(?i)(?:(?:\bper|/)[ ]*(?:(?P<c>\d[\d,.]*[ ]?[kKM]?)[ ]+)?|\b(?:each|every|an?|one)[ ]+"
                        r"|\bfor[ ]+(?P<n>\d[\d,.]*)[ ]+)(?:(?P<w>[^\W\d_][\w-]*)[ ]+)?$")
#: A claim's per's count, its scale in a letter or a word: "1,000", "1k", "1M" (never the M of "1 MWh", nor a metre's
#: "1 m"), "thousand".
_PER_SCALED_COUNT = lazy(r"^\s*(?:(?P<c>\d[\d.,]*(?:[ ]?[kKM](?!\w))?)[ ]*)?(?:(?P<w>(?i:thousand|million|billion|hundred))\b)?")
#: A count's scale in words or a letter: "thousand" of "per thousand queries", "k" of "per 1k queries".
_COUNT_SCALES = {"k": 1000, "thousand": 1000, "hundred": 100, "m": 10 ** 6, "million": 10 ** 6, "billion": 10 ** 9}


def _count_of(text: str | None, scale: str | None = None) -> Decimal:
    """The count a per names: 1000 of "1,000", "1k" and of "per thousand" (`scale`), 1 of none."""
    n = Decimal(1)
    if text:
        digits = text.replace(",", "").replace(" ", "")
        letter = digits[-1:].lower() if digits[-1:].isalpha() else ""
        try:
            n = Decimal(digits.rstrip("kKM")) * _COUNT_SCALES.get(letter, 1)
        except ArithmeticError:
            return Decimal(-1)
    return n * _COUNT_SCALES.get((scale or "").lower(), 1)


#: A possessive's ending after a noun: "'s" of "phone's", "’" of "phones’ batteries".
_POSSESSIVE = lazy(r"['’]s(?![\w'’])|(?<=[sS])['’](?![\w'’])")
#: A word after a per's noun that leaves the noun the head of its phrase ("each image took", "per image, on average",
#: "a day of training"): a word of the sentence, a verb's form, an adverb; any other word makes the noun its modifier
#: ("an image generation model", "a query cache", "each GPU cluster"), which says no per.
_HEAD_FOLLOWS = lazy(r"(?i)(?:[ ]*(?:$|[^\w \-])|[ ]+(?:\d|(?:in|on|of|for|at|with|from|by|during|across|over|to|into"
                     r"|than|as|via|under|and|or|but|while|whereas|which|that|who|when|where|if|is|was|were|are|be|been"
                     r"|being|has|had|have|can|could|would|will|may|might|should|must|does|did|do|took|take|ran|run"
                     r"|cost|drew|draw|went|spent|spend|made|make|gave|give|got|get|held|hold|kept|keep|burnt|burn|saw|see|put|paid"
                     r"|pay|brought|bring|built|build|sent|send|grew|grow|fell|rose|came|come|became|become|need|use"
                     r"|require|consume|emit|alone|only|thereafter|then|basis|instead|more|less|about|around|roughly"
                     r"|approximately|nearly|almost|at)\b|[^\W\d_][\w'’]*(?:ed|es|ly|s)\b(?!-)))")


def _heads_phrase(plain: str, end: int) -> bool:
    """Whether the noun ending at `end` heads its phrase (`_HEAD_FOLLOWS`), rather than naming what a noun after it
    is of ("image" of "an image generation model"), nor whose it is ("phone" of "a phone's battery", "phones" of "the
    phones' batteries": a possessive names an owner, no per)."""
    return _HEAD_FOLLOWS.match(plain, end) is not None and _POSSESSIVE.match(plain, end) is None


#: The word before "a"/"an" that makes the noun after it a per: a figure's unit or number ("3 kWh a day", "$5 a
#: month"), a preposition ("for a typical summary", "in a day"), "once", "twice".
_ARTICLE_PER_BEFORE = lazy(r"(?i)(?:\b(?:for|in|on|at|per|once|twice|thrice|times)|\d[\d.,]*%?|[$€£])[ ]+$")


#: Verbs taking two objects, a person or thing and then an amount ("takes an expert 1-4 hours", "costs a student $40",
#: "gives a user 10 GB"): the amount is what the verb's subject takes or gives, never one per that first object.
_TWO_OBJECT_VERBS = frozenset(
    "take takes took taking taken cost costs costing give gives gave giving given save saves saved saving "
    "earn earns earned earning charge charges charged charging owe owes owed owing leave leaves left leaving "
    "buy buys bought buying bring brings brought bringing lend lends lent lending pay pays paid paying "
    "grant grants granted granting offer offers offered offering allow allows allowed allowing".split())


#: A verb of a sentence whose subject is a gerund or an infinitive's phrase, right after its noun: "uses" of "Charging
#: a smartphone uses 0.012 kWh" (the noun is then what the figure is of, the two-object verb's one object).
_SUBJECT_PHRASE_VERB = lazy(
    r"[ ]+(?:[a-z]+ly[ ]+)?(?:is|was|are|were|uses|used|consumes|consumed|costs|cost|takes|took|requires|required|"
    r"needs|needed|emits|emitted|draws|drew|produces|produced|generates|generated|amounts|amounted|accounts|"
    r"accounted|reaches|reached|averages|averaged|totals|totaled|totalled|equals|equaled|equalled|releases|"
    r"released|demands|demanded|burns|burned|burnt|yields|yielded|involves|involved|entails|entailed|represents|"
    r"represented|can|could|may|might|will|would|should|must|has|had|have)\b")


def _article_object(plain: str, before: re.Match[str], end: int | None = None) -> bool:
    """Whether the "a"/"an" a per's noun follows (`before`, a `_PER_BEFORE_NOUN` match) opens the first object of a
    verb taking two, no per: "an expert" of "takes an expert 1-4 hours" (per summary, never per expert), "a
    student" of "costs a student $40". After another verb the noun is what the figure is of ("estimated a
    smartphone charge to consume 0.012 kWh", "reading a paper took 40 minutes"); a unit's or a figure's "a" ("3 kWh
    a day"), a preposition's ("for a typical summary") make a per."""
    words = before.group(0).split()
    if not words or words[0].lower() not in ("a", "an"):
        return False
    head = plain[max(0, before.start() - 30):before.start()]
    if _ARTICLE_PER_BEFORE.search(head):
        return False
    last = re.search(r"([^\W\d_][\w/-]*)[ ]+$", head)
    if last is None or last.group(1).lower() not in _TWO_OBJECT_VERBS:
        return False
    # a gerund's or an infinitive's one object, the phrase the sentence's verb follows: "Charging a smartphone uses
    # 0.012 kWh", "Buying a GPU costs $30,000", "To charge an electric vehicle takes 60 kWh", "It takes 60 kWh to
    # charge an electric vehicle." (per smartphone, GPU, electric vehicle); "takes an expert 1-4 hours", "giving a user
    # 12 GB" stay a first object
    gerund = last.group(1).lower().endswith("ing") or re.search(r"(?i)\bto[ ]+$", head[:last.start()]) is not None
    return not (gerund and end is not None and (_SUBJECT_PHRASE_VERB.match(plain, end) is not None
                                                or re.match(r"[ ]*(?:[.;!?)]|$)", plain[end:end + 3]) is not None))


def _per_said(plain: str, per: str) -> bool:
    """Whether the quote says in any words what a claim's `per` names ("day" of "daily", "each day", "a day",
    "kWh/d", "per diem"; "GPU hour" of "per GPU-hour"; "1000 inferences" of "for 1,000 inferences"): a per it
    never says is no reading of its figures, nor its noun printed otherwise ("hour" of "ran for 36 hours")."""
    text = per.strip()
    noun = _WORD_AT_END.search(text)
    if noun is None:
        return True
    names = {noun.group(), noun.group().rsplit("-", 1)[-1]}
    keys = {_noun_key(n) for n in names}
    adverbs = {w for k in keys for w in _PER_ADVERBS.get(k, ())}
    # ... or the act it names: "charging the average smartphone requires 0.022 kWh" (per smartphone charge)
    adverbs |= {(k[:-1] if k.endswith("e") else k) + "ing" for k in keys if k.isalpha()}
    nouns = {w for k in keys for w in (k, *_PER_NOUNS.get(k, ()))} | {n.lower() for n in names}
    # the count is part of the per: "per 1,000 queries" never says "query", nor "per query" "1,000 queries"; the
    # claim's count is read as the page's is ("1k queries", "thousand queries", "1M tokens": 1,000 and 10^6)
    count = _PER_SCALED_COUNT.match(text)
    claimed = _count_of(count.group("c"), count.group("w"))
    one = claimed == 1
    # the per's words before its noun ("idle" of "idle hour", "GPU" of "GPU hour"): printed right before it
    quals = text[count.end():noun.start()].replace("-", " ").split()
    qualified = re.compile(r"(?i)(?<![\w-])" + r"[ -]+".join(re.escape(q) for q in quals) + r"[ -]*$") if quals else None
    stems = {w[:3].lower() for w in adverbs | nouns}
    for m in _A_WORD.finditer(plain):
        # a word's last part heads it ("GPU-hour"), its first only names what that is of ("day-long")
        for part in {m.group(), m.group().rsplit("-", 1)[-1]}:
            low = part.lower()
            if low[:3] not in stems:
                continue
            if low in adverbs:
                if one:
                    return True
                continue
            if (low in nouns or _noun_key(part) in keys) and _heads_phrase(plain, m.end()):
                if qualified is not None and qualified.search(plain, max(0, m.start() - 80),
                                                              m.end() - len(part)) is None:
                    continue    # "idle hour" of "Every hour, it uses 5 kWh": a qualifier the quote never gives it
                before = _PER_BEFORE_NOUN.search(plain, max(0, m.start() - 40), m.start())
                if before is not None and _count_of(before.group("c") or before.group("n"), before.group("w")) \
                        == claimed and not _article_object(plain, before, m.end()):
                    return True
    for m in _PER_ABBREVIATED.finditer(plain):
        if one and _noun_key(m.group("den")) in keys:
            return True
    return "year" in keys and _PER_ANNUM.search(plain) is not None


def _unsaid_per_given(plain: str, number: _Number, units: list[str | None], per: str) -> bool:
    """Whether `number`'s figure holds a claim's `per` the quote words in no noun: a rate its unit prints in
    another unit of the same ("60 minutes" of "gCO2e per hour"), or "each" of things it leaves unnamed ("They
    each used 5 kWh", "8 GPUs each")."""
    return any(unit and _per_holds(per, unit) for unit in units) or _printed_per(plain, number, units) == "" \
        or _own_per(plain, number, units, per) is True      # "40 games" per round of "12 rounds each with 40 games"


def _per_fits(plain: str, number: _Number, units: list[str | None], per: str, elsewhere: bool) -> bool:
    """Whether a claim's amount with `per` may be `number`'s figure: its own per is the claim's, or it prints
    none and the quote prints the claim's per in no other rate (`elsewhere`: a table's header, the paper's
    setting may give it; "5 kg CO2e ... one flight per year" is another figure's)."""
    own = _own_per(plain, number, units, per)
    return own is True or own is None and not elsewhere


def _counts_other_things(plain: str, number: _Number, unit: str | None, value_unit: str) -> bool:
    """Whether `number`, a count the quote prints with a per ("550 links per second", "8 cards per node"), counts
    other things than the claim's count does ("550 pages/s", "550 pages" per second): a count with a per counts its
    noun's things, as one with none does."""
    if not unit or not plain or "/" not in unit and " per " not in unit:
        return False
    things = _RATE_SPLIT.split(unit)[0].strip()
    if things != "item" and not _is_count(things):
        return False            # "2.9 kWh per query": an amount, whose unit decides
    mine = _RATE_SPLIT.split(value_unit)[0].strip()
    words = []
    for word in (_noun_after(plain, number) or "").split():
        if word.lower() in _SENTENCE_WORDS or word.lower() == "per":
            break               # "64 hidden units per layer": hidden units
        words.append(word.rstrip("-"))
    counted = [i for i, word in enumerate(words) if _counted(word)]
    return bool(mine and counted and not _same_noun(" ".join(words[:counted[-1] + 1]), mine))


#: A mass of carbon, as a claim writes its unit: "tC", "kgC", "MtC", "t of carbon", "tonnes C", "pounds of carbon".
_CARBON_MASS = lazy(r"(?:[kMGTm]?[gt]|lbs?|(?i:(?:kilo|mega|giga)?(?:grams?|tonnes?|tons?)|pounds?|metric[ ]+tons?))"
                    r"[ ]?(?:(?i:of)[ ]+)?(?:C|(?i:carbon))")


#: A plain mass as kb writes a claim's unit ("Gt", "g/kWh"): the mass, and its per.
_PLAIN_MASS_UNIT = lazy(r"(?P<m>[kMG]?t|[mk]?g|lb)(?P<rest>(?:/\S+)?)")


def _as_co2e(value: str) -> str | None:
    """`value`, a plain mass or a rate of one ("33.1 gigatonnes", "350 g/kWh"), written as a mass of CO2e ("33.1
    GtCO2e", "350 gCO2e/kWh"); None for any other value. A plain mass is no mass of CO2e ("284 t" of "626,155 lbs of
    CO2e" is refused), but a person is told how to write the claim the quote gives."""
    try:
        unit = Interval.from_written(value).unit_text
    except KBError:
        return None
    m = _PLAIN_MASS_UNIT.fullmatch(unit or "")
    wanted, _ = _value_numbers(value)
    written = _unit_text(value, wanted).strip()
    if m is None or not written or not value.rstrip().endswith(written):
        return None
    return f"{value.rstrip()[:-len(written)].rstrip()} {m.group('m')}CO2e{m.group('rest')}"


def _same_figure(number: _Number, unit: str | None, value_unit: str, claim_unit, unitless: bool,
                 w: _Number, plain: str = "", per: str | None = None) -> bool:
    """Whether the quote's `number`, printed with `unit` (None: with none kb reads), is
    the claim's number `w` in its unit. Called for numbers of equal value only."""
    if value_unit and plain and (_in_date(plain, number) or _year_label(plain, number)):
        return False            # the day or year of a date, a row's year, holds no figure with a unit
    if claim_unit is None:
        # a claim unit kb cannot read: the number decides, but for a mass of carbon claimed of CO2's ("552 tC",
        # "552 t of carbon" of "552 tCO2e"): carbon is 12/44 of its dioxide's mass
        if unit and "CO2e" in unit and _CARBON_MASS.fullmatch(value_unit.strip()):
            return False
        # ... and for a unit kb reads with letters glued on that it cannot ("100 kWz", "100 MWth" of "100 kW"): what
        # those letters say is no word kb reads, so never the quote's unit it reads
        word = value_unit.split()[0] if value_unit.split() else ""
        kind = _power_kind(word, 0)
        if kind is not None and kind[1]:
            return True         # "100 kWe" of "100 kW$_e$": what kind of power each is, `_qualifier_apart` decides
        return not (unit and len(word) > 2 and word[0].isalpha() and not _reads_as_unit(word)
                    and any(_reads_as_unit(word[:i]) for i in range(max(2, len(word) - 3), len(word))))
    if _counts_other_things(plain, number, unit, value_unit):
        return False            # "550 pages" per second of "550 links per second"
    if unit is None:
        noun = _noun_after(plain, number) if not unitless else None
        if _is_count(value_unit) or _counts_things(claim_unit) and _HARDWARE.search(value_unit):
            # "100,000 cores" holds "100,000 cores" (and "core"), never "100,000 nodes"; "twenty-five
            # runs" never "25 models"; "3 or fewer STEM courses" counts courses
            bound = _OR_BOUND.match(plain, number.end)
            if bound is not None:
                number = _Number(number.text, number.start, bound.end(), number.value, number.half)
                noun = _noun_after(plain, number) if not unitless else None
            direct = _count_word_after(plain, number)
            if noun and noun[:1].isupper() and _maybe_cell(plain, number):
                noun = direct = None    # "45.2 46.8 Bibliography entries 27.6": the next row's label
            total = _total_noun(plain, number)
            if total is not None:
                noun = direct = total   # "18 out of 20 participants": participants
            words = (noun or direct or "").split()
            for i, word in enumerate(words[1:], 1):
                if word.lower() in _SENTENCE_WORDS or word.lower() == "per":
                    words = words[:i]   # "1 or more model per task": models, never tasks
                    break
            words += [words[i][:-1] + words[i + 1] for i in range(len(words) - 1) if words[i].endswith("-")]   # "pa- pers"
            if not direct and words and (any(_HARDWARE.fullmatch(w) for w in words) or any(
                    count_noun(w.lower()) for w in words) and (
                    bound is not None or _BOUND_BEFORE.search(plain, max(0, number.start - 30), number.start))):
                direct = words[0]       # "at least one GPU", "3 or fewer STEM course": GPUs, courses, nothing else
            if direct or any(_counted(word) for word in words):     # "1.5M full text yes": a table's next cell
                return any(_same_noun(word.rstrip("-"), value_unit) for word in words)
        if noun is None or _counts_things(claim_unit):
            return True         # nothing unit-like printed, or a count: the number decides
        # "150 million Web pages" never holds "150 million kWh"; "1 µs per token" holds "1 us/token"
        unit = _unit_after(plain, number)
        if unit is None:
            return False        # a noun kb does not read as a unit: things counted
    # A rate is no amount: "25 gCO2e per hour" holds "0.025 kg CO2e/h", and "0.025 kg CO2e"
    # only for a claim whose per is the rate's ("--per hour").
    printed = [unit]
    if _per_holds(per, unit):
        printed.append(_amount(unit))
    try:
        mine = Interval.from_written(f"{w.text.lstrip('+')} {value_unit}".strip())
    except KBError:
        return True             # kb cannot read the claim as a figure: the number decides
    if _kinds_differ(unit, value_unit):
        return False            # "100×" is no "100 %", nor "10000 %"; "58 GPUs" no "58 TPUs"
    for printed_unit in printed:
        try:
            conv = _printed_figure(number, printed_unit).to(claim_unit)
        except KBError:
            continue            # a unit of another kind: hours are not kilograms
        if _unit_swapped(number, w, conv, mine):
            return False
        return _close(conv.nominal, (conv.hi - conv.lo) / 2, mine.nominal, (mine.hi - mine.lo) / 2)
    return unitless


def _unit_swapped(number: _Number, w: _Number, conv: Interval, mine: Interval) -> bool:
    """Whether the claim writes the quote's very number in a unit that is not the quote's: "100 GB" of
    "100 GiB", "100 tons" of "100 tonnes", "100 mi" of "100 nmi". A number with trailing zeros is
    precise to ± half its last digit, so 107.4 GB and 100 GB agree within it; the same digits in a
    unit 7% apart are another figure, as a careful reader sees."""
    return abs(number.value) == abs(w.value) and abs(conv.nominal - mine.nominal) > 1e-3 * abs(mine.nominal)


#: A bound the quote prints before a number ("by up to 50%", "a factor of over 1450", "≥ 3 kWh").
#: "up to" after a verb of totalling or reaching is the total or the level, no bound: "adding up to 33.1
#: gigatonnes", "sums up to 12 kWh", "went up to 40%".
_NO_BOUND_UP_TO = "".join(rf"(?<!\b{verb} )" for verb in (
    "add", "adds", "added", "adding", "sum", "sums", "summed", "summing", "went", "go", "goes", "going", "gone"))
_UPPER_BEFORE = BOUND_UPPER.replace(r"up\s+to", _NO_BOUND_UP_TO + r"up\s+to", 1)
#: A bound's figure may be hedged after its words: "up to about 25%", "more than roughly 200 GPUs" (still the bound).
#: ... or a verb of going past it: "exceeded 5 kWh", "surpasses 90%" (more than; "did not exceed 5 kWh": at most).
_LOWER_BEFORE = BOUND_LOWER + r"|exceed(?:s|ed)?|surpass(?:es|ed|ing)?"
_BOUND_BEFORE = lazy(rf"(?i)(?<!\w)(?:(?P<upper>{_UPPER_BEFORE})|(?P<lower>{_LOWER_BEFORE}))[ ]*"
                     r"(?:(?:about|around|approximately|approx\.|roughly|circa|some)[ ]+|~[ ]*)?$")
#: ... or after it and its unit: "50% or more", "3 kWh or less", "100 GPUs and above", "350
#: gCO2eq/kWh and above", "600 million parameters at most" (at most three words between).
_BOUND_AFTER = lazy(r"(?i)[^\s,;.]*[ ]*(?:(?!(?:or|and|at)\b)[^\W\d_][^\s,;.]*[ ]+){0,3}"
                    r"(?:(?:or|and)[ ]+(?:(?P<lower>more|greater|higher|above|over)"
                    r"|(?P<upper>less|fewer|lower|below|under))\b"
                    r"|at[ ]+(?:(?P<least>least)|(?P<most>most))(?=[ ]*(?:[,;:.)]|$)))")


#: Words that start a clause of their own between a negation and a figure, which states the figure plainly: "but" of
#: "not only 5 kWh for training, but 12 kWh", "which" of "do not estimate it, which could be up to 10X" (`_negated`).
_CLAUSE_WORDS = ("but|yet|and|or|nor|which|who|whom|whose|that|while|whereas|so|then|although|though|because|since|"
                 "when|if|unless|where|instead|rather|it|its|they|we|he|she|this|these|those|there|here")
#: An aside set off by two commas, after which a negation's clause goes on: ", in our runs," of "did not, in our
#: runs, use 12 kWh", ", as far as we measured," of "was never, as far as we measured, above 3x".
_ASIDE = r",[ ]+[a-z]+(?:[ ]+[a-z]+){0,5},"


#: An adverb a negation's clause goes on past: "actually", "ever" of "did not actually ever use 12 kWh".
_ADVERB = r"[ ]+(?-i:[a-z]+ly|ever)\b"


#: A phrase of time or degree a negation's clause goes on past: "yet" of "has not yet reached 1 GW" (right after the
#: negation only: elsewhere "yet" starts a clause), "at any point" of "did not at any point go above 40 °C".
_NOT_YET = r"[ ]+yet\b"
_FREE_PHRASE = r"[ ]+at[ ]+(?:any[ ]+(?:point|time|stage|moment)|all)\b"
#: The small words of a verb phrase that carries a negation to its figure, which count as none of its two words:
#: "to", "up" of "don't add up to 100%", "close" of "did not come close to 5 kWh", "been able to" of "has not yet
#: been able to reach 1 GW" (a clause's words, a subject, a name still end it: "not surprisingly the job used").
_VERB_GLUE = "to|up|be|been|being|able|close|near|anywhere|manage|managed|even"


def _negated(words: str) -> str:
    """A negation (`words`) whose clause reaches the end of the text searched: its verb, up to two words after it as
    ever, past asides and adverbs and the small words of a verb phrase (`_VERB_GLUE`), none of them starting a clause
    of its own nor a name (a table's row "Not English 15.2M"), and no figure between ("did not, in our runs, use ",
    "did not actually ever use ", "did not come close to ", "has not yet been able to reach "; never "did not stop
    and used ", "did not use 5 kWh, it used "); a figure further on is in a phrase of its own, said plainly ("12
    hours" of "it is not clear why training took 12 hours", "3 days" of "was not evaluated after training for 3
    days")."""
    free = rf"(?:{_ASIDE}|{_ADVERB}|{_FREE_PHRASE}|[ ]+(?-i:(?:{_VERB_GLUE}))\b)"
    word = rf"[ ]+(?!(?:{_CLAUSE_WORDS}|{_VERB_GLUE})\b)(?-i:[a-z]+)"
    return rf"(?i)(?:{words})(?P<between>(?:{_NOT_YET})?{free}{{0,4}}(?:{word}{free}{{0,4}}){{0,2}})[ ]+$"


#: A negation before a bound, within its clause, which turns a comparison round: "not have " of "will not have more
#: than 70 per cent", "did not use " of "did not use less than 5 kWh", "never, as far as we measured, " of "was never,
#: as far as we measured, above 3x" ("not more than", adjacent, is a bound's own words).
_NEGATED_BEFORE = lazy(_negated(r"\bnot|\bnever|n[’']t"))
#: The words of a bound that compares: "more than", "fewer than", "over", "below", "exceeding", ">".
_COMPARED = lazy(r"(?i)more|less|fewer|greater|over|above|under|below|exceed|excess|[<>≤≥⩽⩾]")


def _bound_at(plain: str, n: _Number, factor: bool = False) -> str | None:
    """"upper" or "lower" when the quote prints `n` as a bound ("up to 50%", "50% or more"), else None; "range" when
    the bound is of a range `n` starts ("up to 5-10%"), "negated" of a negated bound that compares nothing.
    `factor`: of a claim of a factor, whose bound a fall in words turns round: "more than halved" is a fall
    by more than a half, a factor under one half ("less than 0.5x", never "more than 0.5x")."""
    before = _BOUND_BEFORE.search(plain, max(0, n.start - 30), n.start)
    m = before or _BOUND_AFTER.match(plain, n.end)
    if m is None:
        return None
    if before is not None and _RANGE_ON.match(plain[n.end:n.end + 40].lstrip(" ")) is not None:
        return "range"          # "up to ~100-1000X", "up to 5-10%": a bound of the range, of neither end alone
    kind = "upper" if m.groupdict().get("upper") or m.groupdict().get("most") else "lower"
    if before is not None and _NEGATED_BEFORE.search(plain, max(0, before.start() - 80), before.start()):
        # "will not have more than 70 per cent": at most 70%; "did not use less than 5 kWh": at least 5 kWh; a bound
        # of no comparison negated ("not up to 50%") is none kb reads
        if not _COMPARED.search(m.group(0)):
            return "negated"
        kind = "lower" if kind == "upper" else "upper"
    if factor and n.change == "fall":
        return "lower" if kind == "upper" else "upper"
    return kind


def _factor_value(value: str, wanted: list[_Number]) -> bool:
    """Whether a claim's value is a factor ("0.5x", "2 times")."""
    return bool(_FACTOR_UNIT.fullmatch(_unit_text(value, wanted).strip()))


_TIMES_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}
#: A claim's value that is a factor alone: "3x", "3 times", "three-fold", "twice", "2 times more", "3x as much".
_FACTOR_CLAIM = lazy(r"(?i)[ ]*(?:~[ ]*|(?:about|around|roughly|nearly|almost)[ ]+)?(?:(?P<n>\d+(?:\.\d+)?|two|three"
                     r"|four|five|ten)[ ]?(?:times|[x×]|-?[ ]?fold)|(?P<w>twice|thrice))(?:[ ]+(?P<more>more|larger"
                     r"|higher|greater|bigger|longer|faster)|[ ]+as[ ]+(?:much|many|large|high|long|big|great|fast))?"
                     r"(?:[ ]+than)?[ ]*")


def _times_factor(m: re.Match[str]) -> Decimal:
    """The number of a factor `_TIMES_MORE` or `_FACTOR_CLAIM` matched: 2 of "2 times", "two times" and "twice"."""
    n = (m.group("n") or {"twice": "two", "thrice": "three"}[m.group("w").lower()]).lower()
    return Decimal(_TIMES_WORDS[n]) if n in _TIMES_WORDS else Decimal(n)


#: The way a factor a claim writes goes, in the word after it: "more" of "15x more", "less" of "6,833 times less",
#: "faster" of "4.3x faster", "fewer" of "~45X fewer", "smaller" of "476x smaller", its number in words too ("three
#: times fewer", "five-fold lower").
_FACTOR_WAY = lazy(r"(?i)(?<![\w.,])(?P<n>\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)[ ]?"
                   r"(?:times|[x×]|-?[ ]?fold)[ ]+(?P<way>more|higher"
                   r"|larger|greater|bigger|faster|quicker|longer|costlier|less|fewer|lower|smaller|slower|shorter"
                   r"|cheaper)\b")
#: Words of a quote that say a factor near them goes up ("15 times more", "3 times as much", "increased by 4x") or
#: down ("1.3X less", "~45X fewer", "lowered ... by 6X", "(476X smaller)").
_WAY_UP = lazy(r"(?i)\b(?:more|higher|larger|greater|bigger|faster|longer|as[ ]+(?:much|many|large|high|long|big)"
               r"|increas\w*|rise|rises|rose|grew|grow\w*|gain\w*|boost\w*)\b")
_WAY_DOWN = lazy(r"(?i)\b(?:less|fewer|lower\w*|smaller|slower|shorter|reduc\w*|decreas\w*|drop\w*|fell|fall\w*"
                 r"|cut|cuts|shr[iau]nk\w*|sav(?:e|es|ed|ing|ings))\b")
#: What a factor's word compares, and which way: "more", "fewer", "higher" say only the way (a factor of anything);
#: "faster" is of speed, "smaller" of size, "cheaper" of cost, which a factor of another kind never says.
_WAY_KIND = {"more": ("", "up"), "higher": ("", "up"), "greater": ("", "up"),
             "less": ("", "down"), "fewer": ("", "down"), "lower": ("", "down"),
             "faster": ("speed", "up"), "quicker": ("speed", "up"), "slower": ("speed", "down"),
             "larger": ("size", "up"), "bigger": ("size", "up"), "smaller": ("size", "down"),
             "longer": ("length", "up"), "shorter": ("length", "down"),
             "costlier": ("cost", "up"), "cheaper": ("cost", "down")}
#: A factor's word right after the factor a quote prints: " faster" of "4.3X faster", " fewer" of "~45X fewer".
_WAY_AFTER = lazy(r"(?i)[ ]?(?:times|[x×]|-?[ ]?fold)[ ]+(?P<way>" + "|".join(_WAY_KIND) + r")\b")
#: A claim's factor with a word of a kind or of a way kb reads apart from the factor: "4.3x faster", "about 45x
#: fewer", "up to 10x lower" (the factor "4.3x" matched as any, the word as `_factor_turned` decides).
_FACTOR_OF_KIND = lazy(r"(?i)(?P<bare>[ ]*(?:(?:up[ ]+to|over|more[ ]+than|less[ ]+than|at[ ]+(?:least|most)|about"
                       r"|around|roughly|nearly|almost|approximately|~)[ ]*)*\d[\d,]*(?:\.\d+)?[ ]?(?:times|[x×]"
                       r"|-?[ ]?fold))[ ]+(?:fewer|higher|lower|greater|larger|bigger|smaller|faster|quicker|slower"
                       r"|longer|shorter|costlier|cheaper)(?:[ ]+than)?[ ]*")
#: A way's word right after a number with no factor's word between: " fewer" of "45 fewer processor years".
_DIFFERENCE_AFTER = lazy(r"(?i)[ ]+(?:" + "|".join(_WAY_KIND) + r")\b")
#: A number a quote prints, as `_factor_turned` finds the claim's factor: "4.3" of "4.3X", "6,833" of "6,833 times".
_FACTOR_NUMBER = lazy(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\d,]|\.\d)")
#: A factor a quote writes in words, as `_factor_turned` finds it beside the digits: "three" of "three times more",
#: "twice" of "twice as much" (a claim's "3x less" of "three times more" verified).
_TURNED_WORDS = {**_ORDER_WORDS, "twice": 2, "thrice": 3, "hundred": 100, "thousand": 1000}
_TURNED_WORD = lazy(r"(?i)(?<![\w-])(?:" + "|".join(w for w in _TURNED_WORDS if w != "an") + r")(?![\w-])")


def _factors_printed(quote: str):
    """(start, end, value) of each number a quote prints that may be a factor: its digits ("6,833"), its words
    ("three", "twice"), and its orders of magnitude ("two orders of magnitude": 100, never a 2), in the quote's order."""
    orders = [(m.start(), m.end(), Decimal(10) ** (int(m.group("n")) if m.group("n").isdigit()
                                                   else _ORDER_WORDS[m.group("n").lower()]))
              for m in _ORDERS.finditer(quote)]
    found = [(m.start(), m.end(), Decimal(m.group().replace(",", ""))) for m in _FACTOR_NUMBER.finditer(quote)]
    found += [(m.start(), m.end(), Decimal(_TURNED_WORDS[m.group().lower()])) for m in _TURNED_WORD.finditer(quote)]
    found = [f for f in found if not any(a <= f[0] < b for a, b, _ in orders)]
    return sorted(found + orders)


#: A way's word right after an order of magnitude: " smaller" of "two orders of magnitude smaller".
_ORDERS_WAY_AFTER = lazy(r"(?i)[ ]+(?P<way>" + "|".join(_WAY_KIND) + r")\b")
def _hedge_kind(hedge: re.Match[str] | None) -> str:
    """What a word before a factor makes it (`_APPROX_BEFORE`): "an approximation" ("nearly", "about"), "a lower bound"
    ("over", "more than", "at least") or "an upper bound" ("less than", "up to", "at most"); "" for none."""
    if hedge is None:
        return ""
    word = " ".join(hedge.group("w").lower().split())
    if word in ("over", "more than", "at least"):
        return "a lower bound"
    if word in ("less than", "up to", "at most"):
        return "an upper bound"
    return "an approximation"


#: A word before a factor that makes it an approximation or a bound: "nearly" of "nearly two orders of magnitude".
_APPROX_BEFORE = lazy(r"(?i)\b(?P<w>nearly|almost|about|around|roughly|approximately|some|over|more[ ]+than"
                      r"|less[ ]+than|up[ ]+to|at[ ]+least|at[ ]+most|~)[ ]*$")


#: A quote's number printed as a factor: "6X", "28 times", "3-fold" after it, "a factor of" before it.
_AS_FACTOR_AFTER = lazy(r"(?i)[ ]?(?:times|[x×]|-?[ ]?fold)(?![a-z])")
_AS_FACTOR_BEFORE = lazy(r"(?i)factor[ ]+of[ ]+(?:(?:about|around|roughly|nearly|almost|over|under|up[ ]+to|more"
                         r"[ ]+than|less[ ]+than|at[ ]+(?:least|most)|approximately|~)[ ]*)*$")


def _printed_as_factor(quote: str, start: int, end: int) -> bool:
    """Whether the number a quote prints at start:end is printed as a factor: a word that is one ("twice"), digits or a
    number word with "times", "x", "fold" after them, or "a factor of" before them; "28" of "28 grams" is none."""
    if quote[start:end].lower() in ("twice", "thrice"):
        return True
    return (_AS_FACTOR_AFTER.match(quote, end) is not None
            or _AS_FACTOR_BEFORE.search(quote[max(start - 60, 0):start]) is not None)


#: "times" after a number that counts occasions, no factor: "130 times out of 400 cards", "13 times for Key Questions".
_OCCASIONS_AFTER = lazy(r"(?i)[ ]?times[ ]+(?:out[ ]+of|in[ ]+(?:a|each|every|total)|per|each|every|for|during|a[ ]+"
                        r"(?:day|week|month|year))\b")
#: A verb of something done again and again right before a number with "times" after it: "downloaded 606,096 times",
#: "forked on GitHub >4000 times", "ran each of the 88 models on 3 datasets 10 times" (occasions, no factor), where no
#: word of a way ("more", "faster", "as much") follows the "times".
_DONE_BEFORE = lazy(r"(?i)\b(?:downloaded|forked|ran|run|rerun|re-run|repeated|executed|called|invoked|cited|viewed"
                    r"|visited|accessed|queried|sampled|clicked|installed|retweeted|shared|starred|played|watched)\b"
                    r"(?:[ ]+(?:on|from|by|in)[ ]+[\w-]+(?:[ ]+[\w-]+)?)?[ ]+(?:(?:over|about|around|nearly|almost"
                    r"|more[ ]+than|>|~)[ ]*)?$")
_TIMES_THEN_WAY = lazy(r"(?i)[ ]?times[ ]+(?:" + "|".join(_WAY_KIND) + r"|as|than|that|the|over)\b")


def _times_done(plain: str, start: int, end: int) -> bool:
    """Whether the number at start:end with "times" after it counts occasions a verb before it did ("606,096" of
    "downloaded 606,096 times,"), no factor: "times" after it, no word of a way after that."""
    return (re.match(r"(?i)[ ]?times\b", plain[end:end + 7]) is not None and _TIMES_THEN_WAY.match(plain, end) is None
            and _DONE_BEFORE.search(plain, max(0, start - 60), start) is not None)


#: A range's first end whose last is printed as a factor: "1.4" of "~1.4-2X", "100" of "100-1000X".
_FACTOR_RANGE_AFTER = lazy(r"(?i)[ ]*(?:[-–—]|to)[ ]*~?\d[\d,]*(?:\.\d+)?[ ]?(?:times|[x×]|-?[ ]?fold)(?![a-z])")
#: Words before a number that name it a factor with no "x" after it: "a factor of 3", "factors of 0.53–1.64 and
#: 0.91–2.42" (each number of the list), "a speed-up of 3", "a ratio of 2.5".
_FACTOR_NAMED_BEFORE = lazy(r"(?i)\b(?:factors?|speed-?ups?|ratios?|multipliers?)[ ]+(?:of|is|was|are|were|=)[ ]+(?:(?:about"
                            r"|around|roughly|nearly|almost|over|under|up[ ]+to|more[ ]+than|less[ ]+than|at[ ]+(?:least"
                            r"|most)|approximately|~)[ ]*)*(?:\d[\d,]*(?:\.\d+)?[ ]?[x×]?[ ]*(?:[-–—]|to|and|or|,)[ ]*)*$")
#: Words before a number that name it a mean ("geometric means of 0.92 and 1.48", "an average of 2.1"): a factor
#: where its sentence names what it averages factors before it (`_FACTORS_OF`), else no factor ("the average was 1.58").
_MEAN_NAMED_BEFORE = lazy(r"(?i)\b(?:means?|averages?|medians?)[ ]+(?:of|is|was|are|were|=)[ ]+(?:(?:about|around"
                          r"|roughly|nearly|almost|approximately|~)[ ]*)?(?:\d[\d,]*(?:\.\d+)?[ ]*(?:,|and|or)[ ]*)*$")
_FACTORS_OF = lazy(r"(?i)\b(?:by[ ]+)?(?:a[ ]+)?factors?[ ]+of[ ]+~?\d")
#: A number whose "times" a list's earlier number prints for both: "14" of "13 times for Key Questions and 14 for Answer
#: Gists" (held by a claim's "14 times" as written, never by a fold).
_TIMES_ELIDED_BEFORE = lazy(r"(?i)\d[ ]?times\b[^.;:()\d]{0,40}(?:,|\band|\bor)[ ]*$")
#: A ratio to one after a number: ":1" of "returned 15:1" (the factor 15, as "15:1" claimed is "15x").
_TO_ONE_AFTER = lazy(r"[ ]*[:∶][ ]*1(?![\d:]|[.,]\d)")


def _factor_claimed(unit: str, w: _Number) -> bool:
    """Whether a claim's number `w`, written with `unit` after it, is a factor: "3x", "3 times", "3-fold", "3x more",
    "threefold", "twice", "two orders of magnitude"."""
    return w.unit == "x" or bool(unit.strip()) and _FACTOR_UNIT.fullmatch(unit.split()[0]) is not None


def _factor_printed(plain: str, h: _Number, said: str = "") -> bool:
    """Whether the quote prints its number `h` as a factor, as a claim's factor ("3x", "3 times", "threefold", "a factor
    of 3") must be printed to be held: a factor in words ("twice", "two orders of magnitude"), digits with "x", "times"
    or "fold" after them (never "130 times out of 400", occasions, nor "5-fold cross-validation", "2 × 8 GPUs"), a
    range's first end whose last is one ("1.4" of "1.4-2X"), a change or a share in words ("halved", "one in five": the
    ratio they give, as before), a number "a factor of", "factors of", "a speed-up of" or
    "a ratio of" names, or a ratio's first term to 1 ("15" of "15:1"). "1.58" of "the average was 1.58", "4" of "Tables
    1 and 4", "11" of "11 out of 12" are no factors. `said`: the claim's words after its number, which hold the quote's
    as written ("130 times" or "130x" of "130 times out of 400", "5-fold" of "5-fold cross-validation"; never "thirteen-
    fold" of "13 times for", nor "5x" of "5-fold cross-validation")."""
    if h.unit == "x" or h.change is not None or h.share:
        return True         # "halved" 0.5x, "doubled" 2x, "half as much", "one in five" 0.2x: a ratio the words give
    if h.unit is not None:
        return False
    if _AS_FACTOR_AFTER.match(plain, h.end):
        said = said.strip().lower()
        return not ((_OCCASIONS_AFTER.match(plain, h.end) or _times_done(plain, h.start, h.end))
                    and said.split()[:1] not in (["times"], ["x"], ["×"])
                    or times_not_factor(plain, h.start, h.end) or cross_folds(plain, h.end) and "fold" not in said)
    if _FACTOR_RANGE_AFTER.match(plain, h.end):
        return True
    if said.strip().lower().split()[:1] in (["times"], ["x"], ["×"]) \
            and _TIMES_ELIDED_BEFORE.search(plain, max(0, h.start - 60), h.start):
        return True
    if _FACTOR_NAMED_BEFORE.search(plain, max(0, h.start - 80), h.start):
        return True
    if _MEAN_NAMED_BEFORE.search(plain, max(0, h.start - 80), h.start) \
            and _FACTORS_OF.search(plain, max(plain.rfind(". ", 0, h.start) + 1, h.start - 200, 0), h.start):
        return True         # "1.48" of "differ by factors of 0.53–1.64 and 0.91–2.42 with geometric means of 0.92 and 1.48"
    return _TO_ONE_AFTER.match(plain, h.end) is not None and not colon_citation(plain, h.start, h.end)


def _factor_turned(value: str, quote: str) -> tuple[str, str] | None:
    """(the factor's number, why) where a claim's factor says it goes one way ("15 times less", "1.3x more") and
    the quote prints that factor with words of the other way only, near it in its clause ("uses 15 times more
    energy", "uses 1.3X less power", "lowered ... by 6X"): the factor the quote gives is the claim's reciprocal, never
    verified. A factor whose word says what it compares ("4.3x faster", "476x smaller") holds only where the quote
    prints that factor with a word of that kind and way right after it ("4.3X faster"; "476x larger" of "476X
    smaller" refused), and a factor of a way only ("1.3x more") never one the quote gives of a kind or the other
    way ("runs 1.3X faster and produces 1.3x less CO2e"). None where the quote says the claim's way near it."""
    m = _FACTOR_WAY.search(value)
    if m is None:
        return None
    word = m.group("way").lower()
    kind, way = _WAY_KIND.get(word, ("", "down"))
    number = m.group("n")
    if number.lower() in _ORDER_WORDS:      # "three times fewer": the factor 3, as "3x fewer"
        number = str(_ORDER_WORDS[number.lower()])
    try:
        target = Decimal(number.replace(",", ""))
    except ArithmeticError:     # pragma: no cover - the pattern reads digits and number words only
        return None
    other = None
    for at_start, at_end, printed in _factors_printed(quote):
        if printed != target:
            continue
        in_words = _ORDERS.fullmatch(quote, at_start, at_end) is not None
        after = (_ORDERS_WAY_AFTER if in_words else _WAY_AFTER).match(quote, at_end)
        if after is not None:
            said = after.group("way").lower()
            if _WAY_KIND[said] == (kind, way):
                approx = _APPROX_BEFORE.search(quote, max(0, at_start - 20), at_start) if in_words else None
                mine = _APPROX_BEFORE.search(value, 0, m.start()) if approx is not None else None
                if approx is not None and _hedge_kind(mine) != _hedge_kind(approx):
                    shown = " ".join(quote[approx.start():after.end()].split())
                    said_how = _hedge_kind(approx)
                    return number, (f"the value {value!r} is {'exact' if mine is None else _hedge_kind(mine)}, but the "
                                    f"quote prints {shown!r}: '{approx.group('w')}' that factor, {said_how}; claim it "
                                    f"as the quote gives it ('{approx.group('w')} {value[m.start():].strip()}')")
                return None
            other = other or (said, " ".join(quote[at_start:after.end()].split()))
            continue
        difference = _DIFFERENCE_AFTER.match(quote, at_end)
        if difference is not None:
            # "needs 45 fewer processor years": a difference of 45, no factor of any way
            other = other or ("", " ".join(quote[at_start:difference.end()].split()))
            continue
        if kind:
            continue            # "4.3x faster" is said only by the quote's word of speed after its factor
        if not _printed_as_factor(quote, at_start, at_end):
            continue            # "28 grams": a number the quote prints as no factor says no way of one
        start = max(quote.rfind(". ", 0, at_start) + 1, at_start - 80, 0)
        end = quote.find(". ", at_end)
        near = quote[start:min(end if end >= 0 else len(quote), at_end + 40)]
        up, down = _WAY_UP.search(near) is not None, _WAY_DOWN.search(near) is not None
        if (down and not up and way == "up") or (up and not down and way == "down"):
            other = other or ("less" if down else "more", None)
            continue
        return None
    if other is None:
        if not kind:
            return None
        return number, (f"the value {value!r} says its factor is {word}, but the quote prints no factor {number} "
                        f"with '{word}' or a word of its kind after it: claim the factor as the quote gives it")
    said, shown = other
    if not said:
        return number, (f"the value {value!r} is a factor, but the quote prints {shown!r}: a difference, no factor; "
                        f"claim the difference as the quote gives it")
    if shown is None:
        return number, (f"the value {value!r} says its factor goes {way}, but the quote prints {number} with words "
                        f"of a factor going {'down' if said == 'less' else 'up'} only: claim it as the quote gives it "
                        f"('{number}x', or '{number} times {said}')")
    their_kind, their_way = _WAY_KIND[said]
    why = ("the other way" if their_kind == kind else
           f"a factor {said}, of {their_kind or 'no kind'} where '{word}' is of {kind or 'no kind'}")
    return number, (f"the value {value!r} says its factor is {word}, but the quote prints {shown!r}: {why}; claim "
                    f"it as the quote gives it ('{number}x {said}')")


def _times_more_other(value: str, quote: str) -> str | None:
    """Why a factor a claim writes is refused where it reads an "N times more" the other way from kb: kb reads
    "N times more" as ×N, as kb check does, and some readers as N more, ×(N+1). A claim of ×(N+1) from the quote's
    "N times more" ("3x" of "2 times more"), or of "N times more" where the quote gives ×(N+1) ("1 times more" of
    "twice as much"), is that other reading: said, never verified. None where the claim reads neither way."""
    claim = _FACTOR_CLAIM.fullmatch(value)
    if claim is None:
        return None
    factor = _times_factor(claim)
    for more in _TIMES_MORE.finditer(quote):
        n = _times_factor(more)
        if factor == n + 1:
            said = " ".join(more.group(0).split())
            return (f"the value {value!r} reads the quote's {said!r} as N more, ×{factor:f}, but kb reads 'N times "
                    f"more' as ×{n:f}, as kb check does: the quote is ambiguous, so kb refuses the other reading: claim "
                    f"'{n:f}x', or quote words that give ×{factor:f} ('{factor:f} times as much')")
    if claim.group("more") and _value_in_quote(f"{factor + 1:f}x", quote, None, None).ok:
        return (f"the value {value!r} is ×{factor:f} as kb reads 'N times more', as kb check does, but the quote "
                f"gives ×{factor + 1:f}, which {value!r} is only to readers of it as N more: the value is ambiguous, "
                f"so kb refuses it: claim the factor '{factor + 1:f}x'")
    return None
#: A change written as a signed percentage: "+50%", "-33 %".
_SIGNED_PERCENT = lazy(r"[+\-−]\s*\d[\d.,]*\s*(?:%|percent|per cent)")
_BOUND_NAME = {"upper": "an upper bound", "lower": "a lower bound"}
_TOKEN = lazy(r"[ ]*\S+")


_naming_rate = contextvars.ContextVar("kb_naming_rate", default=False)


@contextlib.contextmanager
def _set(var: contextvars.ContextVar, value):
    """`var` set to `value` for the block, as it was after it (a reading asked inside another: its rate, its held
    passage, the things a count names)."""
    token = var.set(value)
    try:
        yield
    finally:
        var.reset(token)


def _holds_per(value: str, quote: str, per: str) -> bool:
    """Whether `value` with `per` is a figure of `quote`, asked while naming the rate it is
    one of (`_value_in_quote`), which it does not name in turn."""
    with _set(_naming_rate, True):
        return value_in_quote(value, quote, per).ok


#: An unprefixed "FLOPS" ("2.46e13 FLOPS"), not the plural "FLOPs" nor a prefixed rate ("TFLOPS").
_BARE_FLOPS = lazy(r"(?<![A-Za-z])(?:FLOPS|flops)(?![A-Za-z/])")


#: A number as a quote types it or a page prints it, with what may stand inside it: separators, spaces,
#: line breaks, an exponent ("103, 593", "1 287", "1,\n287", "0 .954", "4.6e 13").
_NUMBER_RUN = lazy(r"\d(?:(?:[\d.,'’\s]|[eE]\s*[-+−]?(?=\d))*\d)?")
#: A space an extractor puts inside a number: before its decimal point ("0 .954"), or inside a thousands
#: group ("$3,20 1,722", its two pieces three digits together).
_EXTRACTOR_SPACE = lazy(r"(?<=\d)\s+(?=\.\d)|(?<=\d,)(?P<a>\d{1,2})\s+(?P<b>\d{1,2})(?![\d])")
#: Digits compared at most for a passage this long; a longer one keeps the quote as typed.
_LONGEST_ALIGNED = 20_000


def _extractor_spaces_out(run: str) -> str:
    """A page's number `run` without the spaces its extractor put inside it (`_EXTRACTOR_SPACE`)."""
    def join(m: re.Match[str]) -> str:
        if m.group("a") is None:
            return ""
        return m.group("a") + m.group("b") if len(m.group("a")) + len(m.group("b")) == 3 else m.group(0)
    return _EXTRACTOR_SPACE.sub(join, run)


#: Digits and points printed together: a run of table cells pypdf may have glued.
_GLUED_RUN = lazy(r"[\d.]+")


def _cells_apart(passage: str, start: int, end: int) -> str | None:
    """`passage[start:end]` with a space between the cells of a table row pypdf glued together
    ("66.30 61.44" of "2018)66.3061.4471.53"), read as the quote matcher reads such a row
    (`kb.text.match.glued_cell_size`: three cells or more of one format), its spaces and tabs one space
    each (a line break stays one); None when it parts no such row."""
    out, last = [], start
    for m in _GLUED_RUN.finditer(passage, max(0, start - _MAX_GLUED_RUN), min(len(passage), end + _MAX_GLUED_RUN)):
        if m.end() <= start or m.start() >= end:
            continue
        size = glued_cell_size(m.group())
        for cut in range(m.start() + size, m.end(), size) if size else ():
            if start < cut < end:
                out.append(passage[last:cut])
                last = cut
    if last == start:
        return None
    out.append(passage[last:end])
    return _BLANKS.sub(" ", " ".join(out))


#: Characters of a glued row read around a number at most (as kb.text.match reads such a row).
_MAX_GLUED_RUN = 200


def as_printed(quote: str, passage: str) -> tuple[str, list[tuple[str, str]]]:
    """`quote` with each of its numbers as `passage`, the paper's text the quote was found in, prints
    it, and each (typed, printed) pair that differs. The quote matcher forgives white space
    (kb.text.normalise folds it away) and never a digit, so the quote's digits are the passage's in
    order; but a space typed or left out changes how a number reads: "103, 593 kWh" typed is found in
    "103,593 kWh", and read as typed holds "593 kWh". Here the number reads as the paper prints it,
    the spaces its extractor put inside a number aside ("0 .954", "$3,20 1,722"), and the cells of a table row
    pypdf glued, typed apart, read as typed ("66.30 61.44" of "66.3061.4471.53", `_cells_apart`). The digits are
    aligned as runs of equal digits (a citation or footnote marker the quote leaves out is passed
    over); a number whose digits are not all the passage's, together, stays as typed."""
    runs = list(_NUMBER_RUN.finditer(quote))
    if not runs or len(passage) > _LONGEST_ALIGNED:
        return quote, []
    mine = [i for m in runs for i in range(m.start(), m.end()) if quote[i].isdecimal()]
    page_runs = list(_NUMBER_RUN.finditer(passage))
    theirs = [i for m in page_runs for i in range(m.start(), m.end()) if passage[i].isdecimal()]
    run_of = [k for k, m in enumerate(page_runs) for c in m.group() if c.isdecimal()]
    a, b = "".join(quote[i] for i in mine), "".join(passage[i] for i in theirs)
    if a == b:
        at = dict(enumerate(range(len(b))))
    else:
        from difflib import SequenceMatcher
        blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        at = {i + k: j + k for i, j, size in blocks for k in range(size)}
    out, differ, k, last = [], [], 0, 0
    for m in runs:
        n = sum(c.isdecimal() for c in m.group())
        first, end = at.get(k), at.get(k + n - 1)
        k += n
        if first is None or end is None or end - first != n - 1 or run_of[first] != run_of[end] \
                or any(at.get(x) is None for x in range(k - n, k)):
            continue        # digits the passage prints apart, or not all of them: as typed
        printed = _extractor_spaces_out(passage[theirs[first]:theirs[end] + 1])
        if printed != m.group() and _cells_apart(passage, theirs[first], theirs[end] + 1) == _BLANKS.sub(" ", m.group()):
            continue        # "66.30 61.44" typed for the cells of a row pypdf glued ("66.3061.4471.53"): as typed
        if printed != m.group():
            out.append(quote[last:m.start()] + printed)
            last = m.end()
            differ.append((m.group(), printed))
    if not differ:
        return quote, []
    return "".join(out) + quote[last:], differ


_BLANKS = lazy(r"[^\S\n]+")


def _where_they_differ(typed: str, printed: str) -> tuple[str, str]:
    """The numbers of a run as typed and as printed that differ ("1, 287" and "1,287" of a table row's
    "179 1, 287" and "179  1,287"): from the space before the first difference to the one after the last,
    spaces and tabs of any count alike."""
    typed, printed = (_BLANKS.sub(" ", t) for t in (typed, printed))
    lead = 0
    while lead < min(len(typed), len(printed)) and typed[lead] == printed[lead]:
        lead += 1
    tail = 0
    while tail < min(len(typed), len(printed)) - lead and typed[-1 - tail] == printed[-1 - tail]:
        tail += 1

    def cut(text: str) -> str:
        start = max(text.rfind(" ", 0, lead), text.rfind("\n", 0, lead)) + 1
        ends = [i for i in (text.find(" ", len(text) - tail), text.find("\n", len(text) - tail)) if i >= 0]
        return text[start:min(ends) if ends else len(text)]
    return cut(typed), cut(printed)


def value_in_quote(value: str, quote: str, per: str | None = None, passage: str | None = None,
                   before: str = "", typed: QuotedValue | None = None) -> QuotedValue:
    """Check that every number written in ``value`` appears in ``quote`` (see the module doc).
    A value written as a bound ("up to 50%", "≥ 3 kWh") holds only numbers the quote prints
    as a bound of that direction ("by up to 50%", "less than 50%"; never "50%" or "over 50%").
    `passage`: the paper's text the quote was found in, whose numbers the value must be as the
    paper prints them (`as_printed`: "593 kWh" of "103, 593 kWh" typed for "103,593 kWh"), and
    which holds a value the typed quote misreads ("1,287 MWh" of "1, 287 MWh" typed for the page's
    "1,\n287 MWh": the matcher forgave the space). `before`: the page's text before the passage
    (`context_before`), where a careful reader finds the unit a quoted table row leaves out (its
    header: "Hours kWh ... P100x8 1515.43 84 201 192" holds "84 h" of the row alone); the value is
    still a number of the passage, never of that text. `typed`: what value_in_quote(value, quote, per)
    gave, where the caller has it (kb verify asks both, for every claim)."""
    per = _per_named(per)
    found = typed if typed is not None else _value_in_quote_as_typed(value, quote, per)
    if passage is None:
        return found
    if found.unsaid and _per_said(_plain(_unmarked(f"{before}\n{passage}")), found.unsaid):
        # "11.49 kWh" per 1,000 inferences of "uses as much energy as 522 smartphone charges (11.49 kWh)", the page
        # saying "... for 1,000 inferences" before it: the per a reader finds there, as a table's header gives a unit
        found = replace(found, ok=True, missing=[], unsaid=None)
    if found.ok:
        unnumbered = _without_numbering(quote, passage)
        if unnumbered is not None:
            # "4977 items" of "4977 S2ORC consists of ..." typed for the page's "4977\nS2ORC": the page's number
            again = _value_in_quote_as_typed(value, unnumbered, per)
            if not again.ok:
                return again
        return misread(value, quote, passage, per) or found
    printed, differ = as_printed(quote, passage)
    # The paper's printing holds the value only where it joins what the quote types apart ("1, 287"
    # typed for "1,\n287"): where it parts what the quote types as one ("11.49" typed for the page's
    # "11.\n49"), a value of one part ("49 kWh") is no number the quote gives, nor is the whole one
    # the paper prints (misread says so of "11.49 kWh").
    if differ and not any(len(numbers_in(paper)) > len(numbers_in(typed)) for typed, paper in differ):
        there = _value_in_quote_as_typed(value, printed, per)
        if there.ok:
            return there
    if before and not found.problem:
        before = _unmarked(before)      # as the passage will be: where its numbers start must not move
        with _set(_held_from, len(before) + 1):
            there = _value_in_quote_as_typed(value, f"{before}\n{passage}", per)
        if there.ok:
            return there
    return found


#: Where a quote's numbers start in the text `value_in_quote` reads: past the page's text before a
#: passage (`before`), whose numbers are none of the quote's, though its headers give them units; only a
#: unit such a header gives counts then (the page's other words name no count, "48 countries" of "the
#: United States (48)" though the page names countries before).
_held_from = contextvars.ContextVar("kb_held_from", default=0)


def context_before(page: str, start: int) -> str:
    """The text of `page` before offset `start` (where a quote was found) in which a table's header or
    a row's label gives the unit of a cell the quote prints bare (`value_in_quote`'s `before`)."""
    return page[max(0, start - _HEADER_REACH):start]


def _without_numbering(quote: str, passage: str) -> str | None:
    """The quote with the numbers blanked that its passage prints to number its page or lines (`page_numbering`),
    however the quote types the line break after them ("4977 S2ORC consists of" typed for "4977\nS2ORC consists
    of"), each the same occurrence of its digits in the quote as on the page; None where the passage prints none."""
    if "\n" not in passage:
        return None
    spans = page_numbering(passage, last=False)
    if not spans:
        return None
    text = quote
    for a, b in spans:
        token = re.compile(rf"(?<![\w.,]){re.escape(passage[a:b].strip())}(?![\w.,])")
        k = len(token.findall(passage, 0, a))
        hits = list(token.finditer(text))
        if k < len(hits):
            h = hits[k]
            text = text[:h.start()] + " " * (h.end() - h.start()) + text[h.end():]
    return text if text != quote else None


def misread(value: str, quote: str, passage: str, per: str | None = None) -> QuotedValue | None:
    """Why `value`, a number of `quote` as typed, is no number of `passage`, the paper's text the
    quote was found in, as the paper prints it (`as_printed`); None when it is one there too."""
    printed, differ = as_printed(quote, passage)
    if not differ:
        return None
    there = _value_in_quote_as_typed(value, printed, per)
    if there.ok:
        return None
    typed, paper = _where_they_differ(*differ[0])
    broken = " across a line break" if "\n" in paper else ""
    # the line break shown, and each side's reading: "1, 287" typed and "1,\n287" printed look alike once
    # the break is a space, and it is the break that makes the paper's one number
    shown = "⏎".join(" ".join(line.split()) for line in paper.split("\n"))
    return QuotedValue(False, there.numbers, there.missing, problem=(
        f"the value {value!r} is not a number of the paper there: the quote types {' '.join(typed.split())!r} "
        f"({_read_as(typed)}) where the paper prints {shown!r}{broken} ({_read_as(paper)}); copy the number as "
        f"the paper prints it"))


def _read_as(text: str) -> str:
    """How kb reads the numbers of `text`, a piece of a quote or a page: "read as 1 and 287", "read as
    1,287"."""
    found = list(dict.fromkeys(n.text for n in _drop_groups(_plain(text), numbers_in(text))))
    return "read as " + (" and ".join(found) if found else "no number")


#: A bound a claim writes before a share in words: "more than " of "more than a third", "under " of "under half".
_BOUND_BEFORE_WORDS = lazy(rf"(?i)[ ]*(?:(?P<upper>{BOUND_UPPER})|(?P<lower>{BOUND_LOWER}))[ ]+"
                           r"(?:(?:about|around|approximately|approx\.|roughly|circa|some)[ ]+)?(?=[^\W\d_])")


#: A claim's word saying its figure is exact: "exactly 75 million URLs", "precisely 8 GPUs", "= 5 kWh".
_EXACT_CLAIM = lazy(r"(?i)^[ ]*(?:exactly|precisely|=)[ ]*(?=[-−+]?[$€£]?\.?\d)")
#: An approximation right before a figure the quote prints: "about 75 million", "roughly 8", "~5 kWh", "nearly 3".
_HEDGE_BEFORE = lazy(r"(?i)(?:\b(?:about|around|approximately|approx\.|roughly|nearly|almost|circa|ca\.|some|an estimated"
                     r"|estimated|close[ ]+to|on[ ]+the[ ]+order[ ]+of)[ ]+|~[ ]*|≈[ ]*)$")


def _exact_hedged(value: str, quote: str) -> tuple[str, str] | None:
    """(the figure, why) of a claim saying its figure is exact ("exactly 75 million URLs") whose quote prints it only
    as a bound ("over 75 million", `bound_note`) or an approximation ("about 75 million"): the word "exactly" is the
    claim's, and the quote says otherwise. None where the quote prints the figure plainly once, or the claim says
    nothing of exactness."""
    m = _EXACT_CLAIM.match(_plain(value))
    if m is None:
        return None
    bare = _plain(value)[m.end():]
    note = bound_note(bare, quote)
    if note is not None:
        return bare, (f"the value {value!r} says its figure is exact, but {note.split(':')[0]}: write the value as the "
                      "quote gives it")
    plain = _plain(_unmarked(quote))
    wanted, _ = _value_numbers(bare)
    for w in wanted:
        same = [h for h in _drop_groups(plain, numbers_in(_unmarked(quote))) if h.value == w.value]
        if same and all(_HEDGE_BEFORE.search(plain[max(0, h.start - 40):h.start]) for h in same):
            hedge = _HEDGE_BEFORE.search(plain[max(0, same[0].start - 40):same[0].start])
            shown = " ".join((hedge.group(0) + plain[same[0].start:same[0].end]).split())
            return bare, (f"the value {value!r} says its figure is exact, but its quote gives it as an approximation "
                          f"({shown!r}): write the value as the quote gives it")
    return None


#: A factor's words before its figure in a claim: "a factor of ", "by a factor of ".
_FACTOR_OF_WORDS = lazy(r"(?i)[ ]*(?:by[ ]+)?(?:an?[ ]+)?factor[ ]+of[ ]+")
#: The figure after a claim's factor words, hedged or bounded, with no unit: "28", "over 1450", "about 100".
_FACTOR_OF_FIGURE = lazy(r"(?i)(?:(?:about|around|roughly|nearly|almost|approximately|over|under|up[ ]+to|more[ ]+than"
                         r"|less[ ]+than|at[ ]+(?:least|most)|~)[ ]*)*\d[\d,]*(?:\.\d+)?[ ]*")


def _claim_bound(value: str) -> tuple[str | None, int]:
    """("upper" or "lower", where the figure starts in `value`) of a claim written as a bound: "up to 50%", and a share
    in words as one in digits ("more than a third", "less than a quarter" are bounds as "more than 33%" is, never the
    share "a third" a quote prints with no bound); (None, 0) for one that is no bound."""
    plain = _plain(value)
    bound, at = bound_of(plain)
    factor = _FACTOR_OF_WORDS.match(plain) if bound is None else None
    if factor is not None:
        # "a factor of under 1450": the bound after the factor's words is the claim's as "under 1450x" is
        bound, at = bound_of(plain[factor.end():])
        if bound is not None:
            return bound, factor.end() + at
    if bound is None:
        m = _BOUND_BEFORE_WORDS.match(plain)
        if m is not None and any(n.share and n.start == m.end() for n in numbers_in(plain)):
            return ("upper" if m.group("upper") else "lower"), m.end()
        return None, 0
    return bound, bound_of(value)[1]


#: A claim written as a ratio, hedged or not: "3:1", "~28:1", "1 : 4".
_RATIO_CLAIM = lazy(r"(?i)[ ]*(?P<hedge>(?:about|around|approximately|roughly|nearly|almost)[ ]+|~[ ]*)?"
                    r"(?P<a>\d+(?:\.\d+)?)[ ]*[:∶][ ]*(?P<b>\d+(?:\.\d+)?)[ ]*")


def _ratio_in_quote(value: str, ratio: re.Match[str], quote: str, per: str | None) -> QuotedValue:
    """A ratio claimed ("28:1"): held where the quote prints that ratio, its terms in that order, or, of one to 1, the
    factor it is ("28:1" of "28 times more potent", as "28x"); never by its two numbers printed apart ("1:28" of
    "28 times ... 1 gram" was held, and "1:4" of "each ... to 4 others")."""
    a, b = ratio.group("a"), ratio.group("b")
    plain = _plain(_unmarked(quote))
    printed = re.search(rf"(?<![\d.,:]){re.escape(a)}[ ]*[:∶][ ]*{re.escape(b)}(?![\d:]|[.,]\d)", plain)
    if printed is not None:
        return QuotedValue(True, [printed.group(0)])
    # of one to 1, the factor it is, where the quote prints no ratio of that first term to another figure ("3:1" of
    # "a ratio of 3:10" or "3:1.5" was held as "3x")
    if Decimal(b) == 1 and not re.search(rf"(?<![\d.,:]){re.escape(a)}[ ]*[:∶][ ]*\d", plain):
        return _value_in_quote_as_typed(f"{ratio.group('hedge') or ''}{a}x", quote, per)
    held = list(dict.fromkeys(n.text for n in numbers_in(quote)))
    return QuotedValue(False, held, [value.strip()], problem=(
        f"the value {value!r} is a ratio its quote does not print ({a}:{b} in that order): kb holds a ratio its quote "
        f"prints, or one to 1 as the factor it is ('3:1' as '3x'); write the ratio or the factor the quote gives"))


#: A claim's factor in words with a bound, an approximation or a way: "nearly two orders of magnitude larger", "at least
#: twice", "about threefold less" (read as its digits, "nearly 100x larger", so its way and its bound are checked as
#: those of "100x larger" are).
_WORDED_FACTOR = lazy(r"(?i)[ ]*(?P<hedge>(?:(?:up[ ]+to|over|more[ ]+than|less[ ]+than|at[ ]+(?:least|most)|about"
                      r"|around|roughly|nearly|almost|approximately|~)[ ]*)*)(?:(?P<orders>an|one|two|three|four|five"
                      r"|six|seven|eight|nine|ten|\d{1,2})[ ]+orders?[ ]+of[ ]+magnitude|(?P<n>two|three|four|five|six"
                      r"|seven|eight|nine|ten)[ ]?(?:times|-?[ ]?fold)|(?P<w>twice|thrice))(?P<way>[ ]+(?:more|higher"
                      r"|larger|greater|bigger|faster|quicker|longer|costlier|less|fewer|lower|smaller|slower|shorter"
                      r"|cheaper)(?:[ ]+than)?)?[ ]*")


def _worded_factor_digits(value: str) -> str | None:
    """A claim's factor in words with a bound, an approximation or a way, written in digits ("nearly two orders of
    magnitude larger": "nearly 100x larger", "at least twice": "at least 2x"); None for any other value, and for a
    factor in words alone ("two orders of magnitude", "twice"), which the quote's words hold as they are."""
    m = _WORDED_FACTOR.fullmatch(value)
    if m is None or not (m.group("hedge").strip() or m.group("way")):
        return None
    if m.group("orders") is not None:
        n = m.group("orders").lower()
        factor = Decimal(10) ** (int(n) if n.isdigit() else _ORDER_WORDS[n])
    elif m.group("n") is not None:
        factor = Decimal(_ORDER_WORDS[m.group("n").lower()])
    else:
        factor = Decimal(2 if m.group("w").lower() == "twice" else 3)
    return f"{m.group('hedge').strip()} {factor:f}x{m.group('way') or ''}".strip()


def _value_in_quote_as_typed(value: str, quote: str, per: str | None = None) -> QuotedValue:
    """`value_in_quote` against the quote as typed, its footnote and citation markers between a figure
    and its unit passed over (`_unmarked`); never where the quote's per at the figure names the claim's thing
    with a word more or less (`per_qualifier_clash`: "1.4" per alarm of "1.4 false alarms per true alarm")."""
    ratio = _RATIO_CLAIM.fullmatch(_plain(value)) if ":" in value or "∶" in value else None
    if ratio is not None and not per:
        return _ratio_in_quote(value, ratio, quote, per)
    digits = _worded_factor_digits(value) if not per else None
    if digits is not None:
        # "nearly two orders of magnitude larger" is "nearly 100x larger": its way and its bound checked as the digits'
        # are ("two orders of magnitude larger" of "two orders of magnitude smaller" and "at least twice" of "at most
        # twice" were verified, the words read as a factor alone)
        found = _value_in_quote_as_typed(digits, quote, per)
        return replace(found, missing=[value.strip()] if not found.ok else found.missing,
                       problem=found.problem and found.problem.replace(repr(digits), repr(value)))
    found = _value_in_quote_read(value, quote, per)
    spread = _SPREAD_ALONE.match(value) if found.ok else None
    fig = re.escape(spread.group("figure")) if spread is not None else ""
    if spread is not None and not re.search(rf"(?:±|\+/-|\+-|\\pm)[ ]*{fig}(?!\d|[.,]\d)|(?<![\w.,])[-−][ ]?{fig}[ ]?%?"
                                            rf"[ ]*(?:to|and|[-–—])[ ]*\+?[ ]?{fig}(?!\d|[.,]\d)", _unmarked(quote)):
        # "±0.5", which kb claim add reads as a spread about 0: a spread the quote prints ("±0.5", "between -0.5 and
        # +0.5"), never a level of those digits ("The value was 0.5", "Accuracy was 5%" held "±0.5", "± 5%")
        return replace(found, ok=False, missing=[value.strip()], problem=(
            f"the value {value.strip()!r} is a spread, but its quote prints {spread.group('figure')} with no '±' "
            "before it: write the figure as the quote prints it"))
    if found.ok:
        clash = per_qualifier_clash(value, quote, _per_named(per))
        if clash is not None:
            return replace(found, ok=False, problem=clash)
        # "12 kWh of electricity", which kb claim add reads as 12 kWh: its words after the unit the quote must print
        # at the figure, as it must a unit's other qualifier ("300 GPU hours" of "300 hours")
        beyond = _unit_qualified(value, _unmarked(quote)) if _OF_AFTER_UNIT.search(value) else None
        if beyond is not None:
            return replace(found, ok=False, problem=beyond)
    if found.ok or not found.problem and not found.rate:
        # "100 kWe" of "100 kW", "5 MWh_th" of "5 MWh_e": another kind of power, or one the quote does not say
        apart = _qualifier_apart(value, _unmarked(quote))
        if apart is not None:
            return replace(found, ok=False, missing=[apart[0]], problem=apart[1])
    if not found.ok and not found.problem and not found.rate and not per:
        return replace(found, problem=_unit_qualified(value, _unmarked(quote)))
    return found


#: A claim written as a share, its count and its whole: "12 out of 11", "1 in 5", "two in three patients".
_SHARE_OVER_WHOLE = lazy(r"(?i)[ ]*(?P<a>one|two|three|four|five|six|seven|eight|nine|\d{1,3})[ ]+(?:in|out[ ]+of)[ ]+"
                         r"(?:a[ ]+|every[ ]+)?(?P<b>one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred"
                         r"|thousand|\d{1,4})(?:[ ]+[^\W\d_]+)*[ ]*")
#: A bare number claimed: "5", "one", "five".
_BARE_CLAIM = lazy(r"(?i)[ ]*(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)[ ]*")


def _share_part(value: str, quote: str) -> str | None:
    """Why a bare number claimed ("5") is refused where the quote prints it only as the count or the whole of a share "N in
    M" ("1 in 5 patients": 20%, no figure 5 nor 1). None where it is no such part."""
    if _BARE_CLAIM.fullmatch(value) is None:
        return None
    wanted, _ = _value_numbers(value)
    if len(wanted) != 1:
        return None
    plain = _plain(quote)
    for m in _SHARE.finditer(plain):
        if m.group("join").lower() != "in":
            continue
        top, whole = _share_word(m.group("a")), _share_word(m.group("b"))
        if top is None or not whole or top > whole or wanted[0].value not in (top, whole):
            continue
        share = f"{Decimal(top) / Decimal(whole) * 100:.3g}".removesuffix(".0")
        return (f"the value {value!r} is the {'count' if wanted[0].value == top else 'whole'} of the quote's share "
                f"{m.group(0)!r} ({share}%), no figure of its own: claim the share as the quote gives it "
                f"({m.group(0)!r}, or '{share}%')")
    return None


def _factor_unprinted(value: str, quote: str) -> str | None:
    """Why a factor claimed ("1.58x", "threefold") is refused where its quote prints its number as no factor ("the
    average was 1.58", "3 weekly meetings"): named so. None where the quote prints no such number."""
    wanted, _ = _value_numbers(value)
    unit = _unit_text(value, wanted)
    if len(wanted) != 1 or not _factor_claimed(unit, wanted[0]):
        return None
    plain = _plain(quote)
    bare = [h for h in numbers_in(quote) if h.value == wanted[0].value and not _factor_printed(plain, h, unit)]
    if not bare:
        return None
    shown = " ".join(plain[bare[0].start:bare[0].end].split())
    return (f"the value {value!r} is a factor, but its quote prints {shown!r} as no factor (no 'x', 'times', '-fold' "
            "or 'a factor of' with it): claim the figure as the quote gives it")


def _value_in_quote_read(value: str, quote: str, per: str | None = None) -> QuotedValue:
    """`_value_in_quote_as_typed`, the claim's per read as kb reads units and nouns."""
    quote, per = _unmarked(quote), _per_named(per)
    words = _FACTOR_OF_WORDS.match(value)
    if words is not None and _FACTOR_OF_FIGURE.fullmatch(value, words.end()):
        # "a factor of 28" is the factor "28x", as kb claim add reads it: held where the quote prints that factor,
        # never by a count or a measure of 28 ("28 GPUs" held it)
        factor = f"{value[words.end():].strip()}x"
        found = _value_in_quote_read(factor, quote, per)
        digits = re.search(r"\d[\d,]*(?:\.\d+)?", factor)
        if found.ok and digits is not None:
            # ... never by a count of times something was done ("a factor of 130" of "130 times out of 400 cards")
            target, plain = Decimal(digits.group().replace(",", "")), _plain(quote)
            places = [(a, b) for a, b, n in _factors_printed(plain) if n == target and _printed_as_factor(plain, a, b)]
            if places and all(times_repeated(plain, b) or _times_done(plain, a, b) for a, b in places):
                return replace(found, ok=False, missing=[value.strip()], problem=(
                    f"the value {value!r} is a factor, but its quote prints {digits.group()} times as how often "
                    f"something was done, no factor: claim it as the quote gives it ('{digits.group()} times')"))
        return replace(found, problem=found.problem and found.problem.replace(repr(factor), repr(value)))
    kind = _FACTOR_OF_KIND.fullmatch(value)
    if kind is not None:
        # "4.3x faster" is the factor "4.3x" the quote prints with "faster" after it: the factor as any other, then its
        # word as `_factor_turned` reads it
        found = _value_in_quote_as_typed(kind.group("bare"), quote, per)
        # ... its word's reason first where the factor is refused for none other than its number printed as no factor
        turned = _factor_turned(value, quote) if found.ok or not found.problem \
            or found.problem == _factor_unprinted(kind.group("bare"), quote) else None
        return found if turned is None else replace(found, ok=False, missing=[turned[0]], problem=turned[1])
    twice = _per_twice(value, per) if per else None
    if twice:
        return QuotedValue(False, problem=(
            f"the value {value!r} is already per {twice}, and --per {per!r} would make it per {twice} twice: "
            f"drop --per, or give the amount alone with --per {per!r}"))
    score = _score_claim(value) if not per else None
    if score is not None:
        return _score_in_quote(value, score, quote, per)
    if _things_wanted.get() is None:
        named = _count_named(value)
        if named:
            return _named_in_quote(value, quote, per, named)
    over = _SHARE_OVER_WHOLE.fullmatch(value)
    if over is not None and _share_word(over.group("a")) is not None and _share_word(over.group("b")) is not None \
            and _share_word(over.group("a")) > _share_word(over.group("b")):
        # "12 out of 11": no share (its count is more than its whole), never held by the quote's "11 out of 12"
        return QuotedValue(False, list(dict.fromkeys(n.text for n in numbers_in(quote))), [value.strip()], problem=(
            f"the value {value!r} counts more than its whole ({over.group('a')} out of {over.group('b')}): a share's "
            "count is at most its whole; write the share as the quote gives it"))
    bound, figure_at = _claim_bound(value)
    found = _value_in_quote(value, quote, per, bound)
    if not found.ok and not found.problem:
        found.problem = _share_part(value, quote)
    if found.ok and not _spread_paired(value, quote):
        if _VALUE_SPREAD.match(_plain(value)) is None and _written_range(value):
            return QuotedValue(False, found.numbers, [], problem=(
                f"the value {value!r} is a range whose two ends its quote does not print as one range "
                f"(joined by '-', 'to', 'between ... and'): write the figure the quote gives"))
        return QuotedValue(False, found.numbers, [], problem=(
            f"the value {value!r} gives an uncertainty its quote does not give with that figure: write the "
            f"figure with the uncertainty the quote prints after it"))
    if not found.ok and found.rate in ("s", "second", "sec") and _BARE_FLOPS.search(value):
        # "2.46e13 FLOPS" of "24.6 TeraFLOPS/sec": a writer's unprefixed FLOPS is a count or a rate
        # (`kb.quantities.units`), here the rate the quote gives
        as_rate = _value_in_quote(_BARE_FLOPS.sub("FLOP/s", value), quote, per, bound)
        if as_rate.ok:
            return as_rate
    if not found.ok and not found.problem and not found.rate and not per and len(found.missing) == 1:
        shifted = _shift_rounded(value, quote)
        if shifted:
            found.problem = shifted
    if not found.ok and not found.problem and _SIGNED_PERCENT.fullmatch(value.strip()) and _TIMES_MORE.search(quote):
        more = _TIMES_MORE.search(quote)
        n = (more.group("n") or {"twice": "two", "thrice": "three"}[more.group("w").lower()]).lower()
        factor = Decimal(_TIMES_WORDS[n]) if n in _TIMES_WORDS else Decimal(n.replace(",", ""))
        found.problem = (f"the value {value!r} is a change, but {' '.join(more.group(0).split())!r} is ×{factor:f} to "
                         f"some readers and ×{factor + 1:f} to others, so kb verifies neither change: claim the factor "
                         f"'{factor:f}x', or quote words that give the change ('{factor:f} times as much', 'N% more')")
    if not found.ok and not found.problem and not per and _FACTOR_CLAIM.fullmatch(value):
        found.problem = _times_more_other(value, quote)
    if not found.ok and not found.problem:
        found.problem = _model_number_bare(value, quote)
    if not found.ok and not found.problem and not found.rate:
        found.problem = _factor_unprinted(value, quote)
    if not found.ok and not found.problem and _fewer_zeros(value) != value:
        fewer = _fewer_zeros(value)
        if _value_in_quote_as_typed(fewer, quote, per).ok:
            found.problem = (f"the value {value!r} writes a digit its quote does not print: the quote gives the figure "
                             f"as {fewer!r}, its last digit unknown past that; write the figure with the digits the "
                             "quote prints")
    if not found.ok and not found.problem and not found.rate:
        gas = _as_co2e(value)
        if gas is not None and _value_in_quote(gas, quote, per, bound).ok:
            found.problem = (f"the value {value!r} is in a plain mass, but its quote prints it in a mass of CO2e: "
                             f"write the value in CO2e ({gas!r})")
    if found.ok and _FACTOR_WAY.search(value):
        turned = _factor_turned(value, quote)
        if turned is not None:
            found = replace(found, ok=False, missing=[turned[0]], problem=turned[1])
    if found.ok and not bound:
        denied = _denied(value, quote)
        if denied is not None and denied[2]:
            found = replace(found, ok=False, missing=[denied[0]], problem=(
                f"the quote says {value.strip()} is not the figure: {denied[1]!r}; a claim's figure is one the quote "
                "gives, never one it replaces or calls wrong"))
        elif denied is not None:
            found = replace(found, ok=False, missing=[denied[0]], problem=(
                f"the quote denies the figure {denied[0]}: {denied[1]!r}; a claim's figure is one the quote gives, never one "
                "it says is not so"))
    if found.ok and not bound:
        hedged = _exact_hedged(value, quote)
        if hedged is not None:
            found = replace(found, ok=False, missing=[hedged[0]], problem=hedged[1])
    if bound and not found.ok and not found.problem and not found.rate:
        figure = value[figure_at:].strip()
        if _value_in_quote(figure, quote, per, None).ok:
            found.problem = (f"the value {value!r} is {_BOUND_NAME[bound]}, but its quote does not give "
                             f"{figure!r} as {_BOUND_NAME[bound]}: write the figure as the quote gives it")
    if found.ok:
        other = _metric_apart(value, quote)
        if other is not None:
            found = replace(found, ok=False, missing=[other[0]], problem=(
                f"the value {value!r} is a score of {other[1]}, but its quote's {other[0]} is one of {other[2]}: "
                "write the metric the quote gives its figure"))
    return found


#: A figure's power or energy unit with what kind of power it is after it, as papers and PDFs print it: "kWe", "MW_e",
#: "[kW]e", "kW(e)", "kWₑ", "MWh$_e$", "kW_{el}", "MWth", "MWt" (e and el electric, th and t thermal), or with none ("kW").
_QUALIFIED_POWER = lazy(r"[ ]?(?P<br>\[)?(?P<base>[kMGTP]?W(?:h)?)\]?(?:(?P<q>[eₑ]|el|th|t)|[ ]?(?:_|\$_)?[({]?(?P<q2>e|el|th|t)[)}]?\$?"
                        r"|(?P<none>))(?![\w-])")


def _power_kind(text: str, at: int) -> tuple[str, str] | None:
    """(the figure's power or energy unit, its kind: "e" electric, "th" thermal, "" unsaid) printed at `at`, or None."""
    m = _QUALIFIED_POWER.match(text, at)
    if m is None or m.group("br") and not (m.group("q") or m.group("q2")):
        return None
    q = m.group("q") or m.group("q2") or ""
    if m.group("none") is not None and m.group("q2") is None and m.group("q") is None \
            and re.match(r"[ ]?[\[_$({]", text[m.end():m.end() + 2]):
        return None         # "kW [e]" half read: no opinion
    return m.group("base"), {"ₑ": "e", "el": "e", "t": "th"}.get(q, q)


_KIND_NAME = {"e": "(electric)", "th": "(thermal)", "": "(no kind stated)"}


def _qualifier_apart(value: str, quote: str) -> tuple[str, str] | None:
    """(the figure, why) where the claim's power or energy unit is electric or thermal and every place the quote
    prints its figure with a power or energy unit gives another kind or none ("100 kWe" of "100 kW", "5 MWh_th" of
    "5 MWh_e", "100 kW" of "100 kWe"); None where one place agrees, or the quote prints no such unit at its figure."""
    figure = re.search(r"\d[\d,]*(?:\.\d+)?", value)
    if figure is None:
        return None
    mine = _power_kind(value, figure.end())
    if mine is None:
        return None
    kinds = []
    for m in re.finditer(rf"(?<![\w.,]){re.escape(figure.group())}(?![\w]|[.,]\d)", quote):
        theirs = _power_kind(quote, m.end())
        if theirs is None:
            continue
        if theirs[1] == mine[1]:
            return None
        kinds.append(theirs)
    if not kinds or not mine[1] and not any(k[1] for k in kinds):
        return None
    base, kind = kinds[0]
    return figure.group(), (f"the value {value!r} is {mine[0]} {_KIND_NAME[mine[1]]}, but its quote prints "
                            f"{figure.group()} {base} {_KIND_NAME[kind]}: electric, thermal and unsaid power are not "
                            f"one another; write the unit as the quote prints it")


#: The words a claim's unit may put before or after its quote's ("GPU hours" of "hours", "kWh of electricity" of "kWh").
_UNIT_WORDS = lazy(r"[ ]*(?P<u>[^\W\d_][\w/%-]*(?:[ ]+[^\W\d_][\w/%-]*){0,3})[ ]*")


#: A spread typed alone, as kb claim add reads it about 0 (kb.quantities.interval): "±0.5", "+/- 5%".
_SPREAD_ALONE = lazy(r"\s*(?:±|\+/-|\+-)[ ]*(?P<figure>\.?\d[\d.,]*)")


#: Words naming what a figure is of after its unit: " of electricity" of "12 kWh of electricity".
_OF_AFTER_UNIT = lazy(r"\d[^\s]*[ ]+[^\W\d_]\S*[ ]+of[ ]+[^\W\d_]")


def _prints_words(text: str, words: str) -> bool:
    """Whether `text` opens with `words` as _squeezed compares them ("of CO 2 e" of "of CO2e"), not as the first part
    of a hyphenated compound: "of electricity-derived heat" does not print "of electricity"."""
    want, at = _squeezed(words), 0
    for i, ch in enumerate(text):
        if at == len(want):
            return ch != "-"        # "of CO2eq" prints "of CO2e"; "of electricity-derived heat" no "of electricity"
        if ch in " \t\n\r$_{}":
            continue
        if ch.lower() != want[at]:
            return False
        at += 1
    return at == len(want)


def _squeezed(text: str) -> str:
    """`text` lower-cased with no spaces and no TeX marks, to compare words a PDF may print apart ("CO 2 e", "CO$_2$e")."""
    return re.sub(r"[\s$_{}]", "", text).lower()


#: A figure with its unit that an equation says the figure before it is: " = 3 kg" of "3000 g = 3 kg of CO2eq".
_EQUAL_FIGURE_AFTER = lazy(r"[ ]*=[ ]*\d[\d,]*(?:\.\d+)?[ ]*[^\W\d_][\w/%-]*")


def _unit_qualified(value: str, quote: str) -> str | None:
    """Why a claim is refused whose unit says more than its quote's at its figure does ("300 GPU hours" of "300 hours",
    "12 kWh of electricity" of "12 kWh"): the words kb cannot tie to the figure, named; None for any other claim."""
    figure = re.search(r"\d[\d,]*(?:\.\d+)?", value)
    claimed = _UNIT_WORDS.fullmatch(value, figure.end()) if figure is not None else None
    if claimed is None:
        return None
    words = claimed.group("u").split()
    for m in re.finditer(rf"(?<![\w.,]){re.escape(figure.group())}(?![\w]|[.,]\d)", quote):
        after = re.match(r"[ ]*([^\W\d_][\w/%-]*)", quote[m.end():])
        if after is None or after.group(1) not in words or after.group(1) == words[0] and len(words) == 1:
            continue
        printed = after.group(1)
        extra = " ".join(w for w in words if w != printed)
        if not extra or printed not in (words[-1], words[0]):
            continue
        rest = quote[m.end() + after.end():]
        if printed == words[0] and extra.startswith("of ") and re.match(r"[ ]+of[ ]", rest):
            if _prints_words(rest, extra):
                continue    # "of CO2e" of "of CO 2 e": the quote's words, its subscripts apart
            said = " ".join(rest.split()[:len(extra.split())])
            return (f"the value {value!r} is of {extra[3:]!r}, but its quote prints {figure.group()} {printed} "
                    f"{said.rstrip('.,;:)')}: write the words the quote prints after its unit, or the figure alone "
                    f"('{figure.group()} {printed}')")
        if printed == words[0] and re.match(r"[ ]*[^\W\d_]", rest):
            continue        # "26 kg CO$_2$e": the quote's words after its unit, which kb may misread: no reason of this
        equal = _EQUAL_FIGURE_AFTER.match(rest)
        if printed == words[0] and extra.startswith("of ") and equal is not None and _prints_words(
                rest[equal.end():], extra):
            continue        # "3000 g = 3 kg of CO2eq": the figure it equals prints the claim's words after its unit
        return (f"the value {value!r} says {extra!r} of its unit, but its quote prints {figure.group()} {printed} "
                f"without it at the figure, and kb does not tie the words elsewhere to it: write "
                f"'{figure.group()} {printed}', or quote words that print the figure as {' '.join(words)!r}")
    return None


#: A claim of a count whose model is named by its number alone: "3 1080 GPUs", "8 4090 cards".
_BARE_MODEL_NUMBER = lazy(r"[ ]*(?P<fig>\d[\d,]*(?:\.\d+)?)[ ]+(?P<num>\d{2,5})[ ]+(?P<rest>[^\W\d_][\w-]*(?:[ ]+[\w-]+){0,3})[ ]*")


def _model_number_bare(value: str, quote: str) -> str | None:
    """Why a claim counting things by a model's number alone ("3 1080 GPUs") is refused: two numbers side by side are
    one figure or a figure and a name to a reader, and kb reads neither; the quote's own words for them where it
    prints the figure before a name ending in that number ("3 NVIDIA GTX 1080 GPUs"). None for any other claim."""
    m = _BARE_MODEL_NUMBER.fullmatch(value)
    if m is None:
        return None
    fig, num = m.group("fig"), m.group("num")
    said = re.search(rf"(?<![\w.,]){re.escape(fig)}[ ]+((?:[A-Za-z][\w-]*[ ]+){{1,3}}?{num}(?![\w.,]\d)"
                     rf"(?:[ ]+[\w-]+){{0,3}}?[ ]+{re.escape(m.group('rest').split()[-1])})", " ".join(quote.split()))
    hint = f": write it as the quote does ('{fig} {said.group(1)}')" if said else ": name the model as the quote does"
    return (f"the value {value!r} writes a model's number alone after its figure ({fig} {num}), which reads as one "
            f"figure or as two; kb reads neither{hint}")


#: A word that may stand between a figure and its metric ("13.5 BLEU points", "91 % accuracy").
_METRIC_FILLER = frozenset("% point points pts pt".split())
_METRIC_TOKEN = lazy(r"[A-Za-z][\w+@.-]*|%")


def _metric_name(word: str) -> str | None:
    """`word` as an evaluation metric's name (METRICS: 'ROUGE-L' is 'rougel', 'F1-score' 'f1'), or None."""
    name = metric_word(word)
    return name if name in METRICS else None


def _metric_apart(value: str, quote: str) -> tuple[str, str, str] | None:
    """(the figure, the claim's metric, the quote's, each as written) where the value names an evaluation metric and every place the
    quote prints its figure names another one right after it or right before it ("13.5 ROUGE" of "gains 13.5 BLEU",
    "91.2 accuracy" of "an F1 of 91.2"); None where any place names the same one, or none (a header far away)."""
    figure = re.search(r"\d[\d,]*(?:\.\d+)?", value)
    if figure is None:
        return None
    tokens = [w for w in _METRIC_TOKEN.findall(value[figure.end():])[:3] if w not in _METRIC_FILLER]
    claimed, written = next(((_metric_name(w), w) for w in tokens if _metric_name(w)), (None, ""))
    if claimed is None:
        return None
    named: list[str] = []       # as the quote prints them
    for m in re.finditer(rf"(?<![\w.,]){re.escape(figure.group())}(?![\w]|[.,]\d)", quote):
        after = [w for w in _METRIC_TOKEN.findall(quote[m.end():m.end() + 40])[:3] if w not in _METRIC_FILLER][:1]
        before = re.search(r"([A-Za-z][\w+@.-]*)(?:[ ]+score)?(?:[ ]+(?:of|=|:|is|was|at))?[ ]*$",
                           quote[max(0, m.start() - 40):m.start()])
        near = [(n, w) for n, w in ((_metric_name(after[0]), after[0]) if after else (None, ""),
                                    (_metric_name(before.group(1)), before.group(1)) if before else (None, "")) if n]
        if not near or any(n.startswith(claimed) or claimed.startswith(n) for n, _ in near):
            return None         # a place naming no metric (a table's header may), or the claim's own
        named.append(near[0][1])
    return (figure.group(), written.rstrip("."), named[0].rstrip(".")) if named else None


#: A claim of a score: its figure, a percent sign, the metric it measures ("45.2 BLEU", "+3.55 F1", "76.1% top-1
#: accuracy", "91.2 F1 score"); `metric_phrase` decides the name.
_SCORE_CLAIM = lazy(r"[ ]*(?P<sign>[-+−]?)(?P<num>\d+(?:\.\d+)?)[ ]?(?P<pct>%)?[ ]+(?P<name>[^\d\s].*?)[ ]*")
#: A figure of a quote where a score may be printed, its sign with it ("+3.55" of "(+3.55 F1").
_SCORE_FIGURE = lazy(r"(?<![\w.,@-])[-+−]?\d+(?:\.\d+)?(?![\w@]|[.,]\d)")
#: The words of a metric's name: "top-1", "ROUGE-L", "pass@1", "F1-score", "Acc.".
_SCORE_WORD = lazy(r"[ ]*([A-Za-z][\w+@-]*(?:\.(?![\w]))?)")
#: What may stand between a metric's name and its figure: "of" of "a BLEU of 45.2", " = " of "F1 = 91.2".
_SCORE_LINK = lazy(r"(?i)(?:[ ]+(?:of|by|is|was|were|are|at|to|from|reached|reaches|reaching|achieves|achieved|"
                   r"achieving|obtains|obtained)|[ ]*[:=])?[ ]*(?:\([^()]{0,40}\)[ ]*)?$")
#: What joins figures of one metric named before the first ("BLEU scores of 28.4 on EN-DE and 41.0 on EN-FR",
#: "an accuracy of 91.2% and 88.1%", "BLEU from 26.1 to 28.4"): from the end of one figure to the next.
_SCORE_CHAIN = lazy(r"(?i)(?:[ ]?%)?(?:[ ]+(?:on|for|in|with)[ ]+[\w@.-]+(?:[ ][\w@.-]+){0,2})?[ ]*"
                    r"(?:,[ ]*(?:and|or)?|and|or|to|vs\.?|versus)[ ]*"
                    r"(?:(?:on|for|in|with)[ ]+[\w@.-]+(?:[ ][\w@.-]+)?[ ]+)?")
#: What may follow a figure of a chain ("41.0 on EN-FR", "41.0, respectively", "41.0."): no noun of its own.
_SCORE_CHAIN_AFTER = lazy(r"(?i)(?:[ ]?%)?(?:[ ]*(?:$|[,;.)\]]|(?:on|for|in|with|and|or|respectively|across|over|"
                          r"vs\.?|versus|to)\b))")
#: Metrics whose figure a paper prints as a percentage a claim may give in points ("76.1 accuracy" of "76.1%
#: accuracy"); never the other way ("0.89% F1" of "an F1 of 0.89": the quote's scale unsaid), nor of any other metric
#: ("12.3 perplexity", "3.1 FID": a percent sign is another figure), nor of a change ("+2.1% accuracy" is relative,
#: "+2.1 accuracy" points).
_PERCENT_SCALE = frozenset("accuracy precision recall f1 f05 f2 em wer cer iou miou pass@1 pass@5 pass@10 pass@100 "
                           "hits@1 hits@10".split())
#: Words before a figure that make it a change ("an increase of just 0.1 BLEU", "improves the results by 1.1 F1").
_CHANGE_BEFORE = lazy(r"(?i)\b(?:by|increases?|increased|improvements?|improves?|improved|improving|gains?|gained|"
                      r"drops?|dropped|decreases?|decreased|reductions?|reduces?|reduced|boosts?|higher|lower|better|"
                      r"worse|outperforms?|delta|∆|Δ)\b[^\d]{0,30}$")
#: Metrics of one family: a claim of the family's name holds a quote's member ("45.2 ROUGE" of "45.2 ROUGE-L").
_METRIC_FAMILY = {"rouge": {"rouge1", "rouge2", "rougel", "rougelsum"}, "bleu": {"sacrebleu"},
                  "map": {"map50", "map@50", "map@0.5"}, "ap": {"ap50", "ap75"}}


def _score_claim(value: str):
    """The match of `_SCORE_CLAIM` and the metric's folded words where `value` is a score of an evaluation metric
    ("45.2 BLEU": ('bleu',)); None for any other value."""
    m = _SCORE_CLAIM.fullmatch(value)
    if m is None:
        return None
    name = metric_phrase(m.group("name"))
    return None if name is None else (m, name)


def _metric_holds(claimed: tuple[str, ...], printed: tuple[str, ...]) -> bool:
    """Whether the quote's metric `printed` is the claim's `claimed`: its name or one of its family ("ROUGE" of
    "ROUGE-L"), every word the claim says which of its kind by among the quote's ("accuracy" of "top-1 accuracy",
    never "top-5 accuracy" of "top-1 accuracy", "test accuracy" of "accuracy"), and a top-5 never claimed as a
    plain one."""
    head, quoted_head = claimed[-1], printed[-1]
    if head != quoted_head and quoted_head not in _METRIC_FAMILY.get(head, ()):
        return False
    if "top5" in printed and "top5" not in claimed:
        return False
    return all(w in printed[:-1] for w in claimed[:-1])


def _metric_words_at(words: list[str]) -> tuple[str, ...] | None:
    """The metric the words `words` end with (the longest last words `metric_phrase` reads), or None."""
    for n in range(min(4, len(words)), 0, -1):
        name = metric_phrase(" ".join(words[-n:]))
        if name is not None:
            return name
    return None


def _metric_after(text: str, end: int, paired: bool = True) -> tuple[tuple[str, ...], int] | None:
    """The metric `text` names right after a figure ending at `end`, past a percent sign ("F1" of "+3.55 F1 with",
    "top-1 accuracy" of "76.1% top-1 accuracy on"), and where its name ends; None where it opens a list of metrics
    paired with figures "respectively" (`_paired_respectively`; not looked at unless `paired`)."""
    pos = end
    pct = re.match(r"[ ]?%", text[pos:])
    if pct:
        pos += pct.end()
    aside = re.match(r"[ ]*\([^()]{1,30}\)", text[pos:])
    if aside:
        pos += aside.end()      # "an 86.4 (82.0) F1 score": another dataset's figure aside
    words: list[tuple[str, int]] = []
    while len(words) < 4:
        m = _SCORE_WORD.match(text, pos)
        if m is None or m.end() == pos:
            break
        words.append((m.group(1), m.end()))
        pos = m.end()
    for n in range(len(words), 0, -1):
        name = metric_phrase(" ".join(w for w, _ in words[:n]))
        if name is not None:
            return None if paired and _paired_respectively(text, words[n - 1][1]) else (name, words[n - 1][1])
    return None


#: What goes on from a metric named after a figure to the next of a list of metrics: ", ", " and ", " & ", "/".
_METRIC_LIST_ON = lazy(r"[ ]*(?:,[ ]*(?:and[ ]+|&[ ]+)?|(?:and|or|&)[ ]+|/[ ]*)")
_RESPECTIVELY_SAID = lazy(r"(?i)\brespectively\b")


def _paired_respectively(text: str, end: int) -> bool:
    """Whether the metric named after a figure, ending at `end`, is the first of a list of metrics its clause pairs
    with figures "respectively" ("BLEU" of 38.1 in "45.2 and 38.1 BLEU and ROUGE, respectively": 38.1 is ROUGE's);
    no figure between them (never "45.2 BLEU, and 8 and 16 hours respectively")."""
    on = _METRIC_LIST_ON.match(text, end)
    if on is None or _metric_after(text, on.end(), paired=False) is None:
        return False
    said = _RESPECTIVELY_SAID.search(text, on.end(), on.end() + 120)
    between = text[end:said.start()] if said else ""
    return said is not None and not re.search(r"[.;!?](?:\s|$)|(?<![\w-])\d", between)


def _metric_listed_before(tokens: list[str], n: int) -> bool:
    """Whether the last `n` words of `tokens` (words and the signs ',', '&', '/'), a metric named before a figure,
    are the last of a list of metrics ("ROUGE" of "BLEU and ROUGE scores of 45.2 and 38.1": which figure is whose the
    list's order says, or nothing)."""
    k, words = len(tokens), 0
    while k > 0 and words < n:
        k -= 1
        words += tokens[k] not in (",", "&", "/")
    rest = tokens[:k]
    if not rest or not (rest[-1] in (",", "&", "/") or rest[-1].lower() in ("and", "or")):
        return False
    before = [t for t in rest[:-1] if t not in (",", "&", "/")]
    # another metric, or one sharing the name's last word ("top-1" of "top-1 and top-5 accuracy")
    return bool(before) and (_metric_words_at(before) is not None
                             or metric_phrase(f"{before[-1]} {tokens[-1]}") is not None)


def _metric_before(text: str, start: int) -> tuple[str, ...] | None:
    """The metric `text` names right before a figure starting at `start`: "a BLEU of 45.2", "BLEU score of 45.2",
    "F1 = 91.2", "top-1 accuracy of 76.1%", "BLEU 28.4"."""
    head = text[max(0, start - 80):start]
    link = _SCORE_LINK.search(head)
    head = head[:link.start()] if link else head
    found = list(re.finditer(r"[A-Za-z][\w+@-]*\.?|[,&/]", head[-60:]))
    tokens = [t.group() for t in found]
    words = [t for t in found if t.group() not in (",", "&", "/")]
    if not words or not re.search(r"[\w.]$", head):
        return None
    for n in range(min(4, len(words)), 0, -1):
        name = metric_phrase(" ".join(t.group() for t in words[-n:]))
        if name is not None:
            if _OWN_FIGURE_BEFORE.search(head[-60:], 0, words[-n].start()):
                return None     # "BLEU" of "45.2 BLEU at 3/4 of the cost": the figure before it is its own
            return None if _metric_listed_before(tokens, n) else name
    return None


#: A figure right before a metric's name, whose metric that is ("45.2 " of "45.2 BLEU at 3 times the cost").
_OWN_FIGURE_BEFORE = lazy(r"(?<![\w.])[-+−]?\d+(?:\.\d+)?(?:[ ]?%)?[ ]+$")


#: Figures joined by slashes ("91.2/88.0", "90.1 / 85.2 / 87.6", "76.1%/92.9%"), which a list of metrics joined so
#: pairs in order (`_slash_paired`).
_SLASH_FIGURES = lazy(r"(?<![\w.,/@-])[-+−]?\d+(?:\.\d+)?(?:[ ]?%)?(?:[ ]?/[ ]?[-+−]?\d+(?:\.\d+)?(?:[ ]?%)?)+"
                      r"(?![\w@/]|[.,]\d)")
#: Metrics joined by slashes after such figures ("EM/F1", "BLEU / ROUGE-L") ...
_SLASH_METRICS_AFTER = lazy(r"[ ]*\(?(?P<m>[A-Za-z][\w+@-]*\.?(?:[ ]?/[ ]?[A-Za-z][\w+@-]*\.?)+)")
#: ... or before them, a link between ("EM/F1 of 91.2/88.0", "EM/F1: 91.2/88.0", "EM/F1 scores of 91.2/88.0").
_SLASH_METRICS_BEFORE = lazy(r"(?P<m>[A-Za-z][\w+@-]*\.?(?:[ ]?/[ ]?[A-Za-z][\w+@-]*\.?)+)(?:[ ]+(?:scores?|"
                             r"results?|values?))?(?i:[ ]+(?:of|is|was|were|are|at|reaches|reached|achieves|achieved)"
                             r"|[ ]*[:=])?[ ]*\(?[ ]*$")


@dataclass(frozen=True)
class _SlashPair:
    """A figure of figures joined by slashes that a list of metrics joined so names in order ("88.0" of "91.2/88.0
    EM/F1" is F1's): where it is, the metric it is paired with (None where the lists' lengths differ, or a name is no
    metric kb reads: no pairing a reader can trust), and both lists as printed."""
    start: int
    end: int
    text: str
    metric: tuple[str, ...] | None
    figures: str
    metrics: str


def _slash_paired(text: str) -> list[_SlashPair]:
    """Every figure of `text` that figures and metrics each joined by slashes pair ("91.2/88.0 EM/F1", "EM/F1 of
    91.2/88.0", "P/R/F1 = 90.1/85.2/87.6"): the i-th figure is the i-th metric's, and no other's."""
    out: list[_SlashPair] = []
    for run in _SLASH_FIGURES.finditer(text):
        figures = list(re.finditer(r"[-+−]?\d+(?:\.\d+)?", run.group()))
        after = _SLASH_METRICS_AFTER.match(text, run.end())
        before = _SLASH_METRICS_BEFORE.search(text, max(0, run.start() - 80), run.start())
        names = after or before
        if names is None:
            continue
        words = [w.strip() for w in names.group("m").split("/")]
        metrics = [metric_phrase(w) for w in words]
        fits = len(metrics) == len(figures) and all(metrics)
        for i, f in enumerate(figures):
            out.append(_SlashPair(run.start() + f.start(), run.start() + f.end(), f.group(),
                                  metrics[i] if fits else None, " ".join(run.group().split()),
                                  " ".join(names.group("m").split())))
    return out


def _metric_named_at(text: str, start: int, end: int, depth: int = 0) -> tuple[str, ...] | None:
    """The metric `text` names for its figure at [start, end): right after it, right before it, or for the figure
    before it in a chain of figures of one metric, where this one names nothing of its own ("BLEU scores of 28.4 on
    EN-DE and 41.0 on EN-FR", "+3.25 F1 with SCIBERT and +3.58 with BERT-Base"; never "3.1" of "a BLEU of 28.4 and 3.1
    hours")."""
    pair = next((p for p in _slash_paired(text) if p.start == start or p.start == start + 1 and text[start] in "+-−"), None)
    if pair is not None:
        return pair.metric     # "91.2" of "91.2/88.0 EM/F1": EM, never F1 after its list
    after = _metric_after(text, end)
    if after is not None:
        return after[0]
    named = _metric_before(text, start)
    if named is None and depth == 0:
        named = _metric_column(text, start, end)
    if named is None:
        named = _metric_of_range(text, start, end)
    if named is not None or depth > 6 or not _SCORE_CHAIN_AFTER.match(text, end):
        return named
    earlier = None
    for m in _SCORE_FIGURE.finditer(text, max(0, start - 80), start):
        earlier = m
    if earlier is None:
        return None
    after = _metric_after(text, earlier.end())
    if not _SCORE_CHAIN.fullmatch(text, after[1] if after else earlier.end(), start):
        return None
    return after[0] if after else _metric_named_at(text, earlier.start(), earlier.end(), depth + 1)


#: What joins a range's first figure to its last, the metric named after the last ("from 18.3 to 15.1 perplexity",
#: "between 28.4 and 30.1 BLEU", "28.4-30.1 BLEU"): "and" only after "between".
_SCORE_RANGE_ON = lazy(r"(?:[ ]?%)?[ ]*(?:(?P<and>and)|to|-|–|—)[ ]*(?=[-+−]?\d)")
_SCORE_RANGE_END = lazy(r"[-+−]?\d+(?:\.\d+)?(?![\w@]|[.,]\d)")
_SCORE_RANGE_FROM = lazy(r"(?i)\b(?P<word>from|between)[ ]+$")


def _metric_of_range(text: str, start: int, end: int) -> tuple[str, ...] | None:
    """The metric named right after the last figure of a range whose first figure is at [start, end) and names none of
    its own ("perplexity" of 18.3 in "down from 18.3 to 15.1 perplexity", "BLEU" of 28.4 in "between 28.4 and 30.1
    BLEU"); None for any other figure ("18.3" of "from 18.3 hours to 25.1 BLEU", "28.4 and 30.1 BLEU" with no
    "between")."""
    on = _SCORE_RANGE_ON.match(text, end)
    if on is None:
        return None
    opened = _SCORE_RANGE_FROM.search(text, max(0, start - 20), start)
    if on.group("and") and (opened is None or opened.group("word").lower() != "between"):
        return None
    last = _SCORE_RANGE_END.match(text, on.end())
    if last is None:
        return None
    after = _metric_after(text, last.end())
    if after is None or (re.match(r"[ ]?%", text[end:]) is None) != (re.match(r"[ ]?%", text[last.end():]) is None):
        return None             # a percent sign on one figure alone: "from 18.3 to 25.1% accuracy" says no scale
    return after[0]


def _metric_column(text: str, start: int, end: int) -> tuple[str, ...] | None:
    """The metric a table's header names for the column of the cell at [start, end): a header of one metric for each
    of the row's cells, after the rows' label's column ("Model BLEU ROUGE-L METEOR"), then rows of a label and as
    many cells each, down to this one's ("Base 40.1 35.0 30.2 Ours 45.2 38.1 31.0": 38.1 is ROUGE-L); None whenever
    kb cannot tell the columns so (a caption naming one metric, a header of other columns, rows of other widths)."""
    head = text[max(0, start - 1500):start].split()
    tail = text[end:end + 200].split()
    cells = 0
    while cells < len(head) and _ROW_TOKEN.fullmatch(head[-1 - cells]):
        cells += 1
    column, width = cells, cells + 1
    for token in tail:
        if not _ROW_TOKEN.fullmatch(token):
            break
        width += 1
    if width < 2:
        return None
    at = len(head) - cells      # the row's label ends here
    while True:                 # back past the rows above it, each a label and `width` cells
        label = at
        while label > 0 and not _ROW_TOKEN.fullmatch(head[label - 1]) and at - label < 5:
            if label - width >= 0 and all(metric_phrase(t) is not None for t in head[label - width:label]):
                break           # the header's metrics end here
            label -= 1
        if label == at or any(metric_phrase(t) is not None for t in head[label:at]):
            return None
        if label - width >= 0 and all(metric_phrase(t) is not None for t in head[label - width:label]):
            if label - width > 0 and metric_phrase(head[label - width - 1]) is not None:
                return None     # more metrics named than the row has cells
            return metric_phrase(head[label - width + column])
        if label - width < 0 or not all(_ROW_TOKEN.fullmatch(t) for t in head[label - width:label]):
            return None
        at = label - width


def _metric_printed(quote: str, folded: tuple[str, ...], at: int) -> str:
    """The words of `quote` nearest `at` that name the metric `folded` (`metric_phrase`), as printed there ("top-5
    accuracy" of ('top5', 'accuracy'), "ROUGE-L" of ('rougel',)); the folded words where none do."""
    best: tuple[int, str] | None = None
    tokens = list(re.finditer(r"[A-Za-z][\w+@-]*\.?", quote[:at + 300]))
    tokens = [t for t in tokens if t.start() > at - 1600]    # a table's header at most as far as `_metric_column` looks
    for i in range(len(tokens)):
        for j in range(i + 1, min(i + 5, len(tokens) + 1)):
            if metric_phrase(quote[tokens[i].start():tokens[j - 1].end()]) == folded:
                words = quote[tokens[i].start():tokens[j - 1].end()].rstrip(".").split()
                while len(words) > 1 and words[-1].lower() in METRIC_FILLERS:
                    words.pop()         # "BLEU" of "a BLEU score of 45.2"
                text = " ".join(words)
                distance = min(abs(tokens[i].start() - at), abs(tokens[j - 1].end() - at))
                if best is None or distance < best[0] or distance == best[0] and len(text) > len(best[1]):
                    best = (distance, text)
    return best[1] if best else " ".join(folded)


def _score_in_quote(value: str, score, quote: str, per: str | None) -> QuotedValue:
    """`value_in_quote` of a score of an evaluation metric (`_score_claim`): its figure as any other, and a place of the
    quote printing it that names the claim's metric ("45.2 BLEU" of "45.2 BLEU", "a BLEU of 45.2", "BLEU scores of
    28.4 and 45.2"), as a percentage or not as the claim writes it (a level in points of a quote's percentage, for a
    metric scored in percent: `_PERCENT_SCALE`). Refused with a reason where every such place names another metric, a percent sign the claim does not
    write, or none ("45.2 BLEU" of "reaches 45.2 on WMT14", of a table's row whose header kb cannot see)."""
    m, claimed = score
    sign, num, pct = m.group("sign"), m.group("num"), bool(m.group("pct"))
    figure = f"{sign}{num}"
    found = _value_in_quote_as_typed(figure + ("%" if pct else ""), quote, per)
    digits = num.rstrip("0").rstrip(".") if "." in num else num
    places = len(num.partition(".")[2])
    pairs = [p for p in _slash_paired(quote) if p.start >= _held_from.get()
             and (p.text.lstrip("+-−").rstrip("0").rstrip(".") if "." in p.text else p.text.lstrip("+-−")) == digits
             and (sign or "") == ("" if p.text[0].isdigit() else p.text[0])]
    for p in pairs:
        printed_pct = re.match(r"[ ]?%", quote[p.end:]) is not None
        if p.metric is not None and _metric_holds(claimed, p.metric) and places <= len(p.text.partition(".")[2]) \
                and (printed_pct == pct or printed_pct and claimed[-1] in _PERCENT_SCALE):
            # "88.0 F1" of "91.2/88.0 EM/F1": the second figure is the second metric's (its slash no rate per F1)
            return QuotedValue(True, found.numbers or [p.text])
    if not found.ok and not pairs:
        other = _value_in_quote_as_typed(figure + ("" if pct else "%"), quote, per)
        if not other.ok:        # its reason of the figure said of the value whole ("-1.1 F1" of "by 1.1 F1 points")
            return replace(found, problem=found.problem.replace(repr(figure + ("%" if pct else "")), repr(value))
                           ) if found.problem else found
        found = other
    held = _held_from.get()
    names: list[str] = []       # the other metrics as the quote prints them
    pct_apart = ""
    printed_as = figure
    for place in _SCORE_FIGURE.finditer(quote):
        text = place.group().lstrip("+-−")
        if place.start() < held or (text.rstrip("0").rstrip(".") if "." in text else text) != digits:
            continue
        named = _metric_named_at(quote, place.start(), place.end())
        if named is None:
            continue
        if not _metric_holds(claimed, named):
            names.append(_metric_printed(quote, named, place.start()))
            continue
        printed_pct = re.match(r"[ ]?%", quote[place.end():]) is not None
        change = bool(sign) or place.group()[0] in "+-−" or _CHANGE_BEFORE.search(quote, max(0, place.start() - 60),
                                                                                   place.start())
        if printed_pct == pct or (printed_pct and claimed[-1] in _PERCENT_SCALE and not change):
            return found
        if not pct_apart:
            pct_apart, printed_as = "change" if change else "level", place.group()
    name = " ".join(m.group("name").split())
    if pct_apart:
        why = ("a change in percent is relative where one in points is absolute" if pct_apart == "change" else
               f"of {name} a percentage is another figure")
        return replace(found, ok=False, missing=[figure], problem=(
            f"the value {value!r} writes {figure}{'%' if pct else ''} {name}, but its quote prints "
            f"{printed_as}{'' if pct else '%'}: {why}; "
            "write it as the quote prints it"))
    paired = next((p for p in pairs if p.metric is not None), None)
    if paired is not None:
        return replace(found, ok=False, missing=[figure], problem=(
            f"the value {value!r} is a score of {name}, but its quote pairs {paired.figures} with {paired.metrics} in "
            f"order, and its {paired.text} is one of {_metric_printed(quote, paired.metric, paired.start)}: write the "
            "metric the quote pairs with the figure"))
    if pairs:
        return replace(found, ok=False, missing=[figure], problem=(
            f"the value {value!r} is a score of {name}, but its quote prints {pairs[0].figures} with "
            f"{pairs[0].metrics}, which kb cannot pair figure by figure (as many metrics as figures, each one kb "
            "reads): quote words that name the figure's metric, or claim the figure alone"))
    if names:
        return replace(found, ok=False, missing=[figure], problem=(
            f"the value {value!r} is a score of {name}, but its quote's {figure} is one of {names[0]}: "
            "write the metric the quote gives its figure"))
    return replace(found, ok=False, missing=[figure], problem=(
        f"the value {value!r} is a score of {name}, but its quote names no metric at {figure} (a table's header kb "
        f"cannot tell the column of, or none): quote the words that name it with the figure ('{figure} {name}', "
        f"'{name} of {figure}'), or claim the figure alone"))


#: What a claim of a count names beyond what kb reads of it ("A100" of "8 A100 GPUs", "BERT Large" of "3 BERT-Large
#: models", "language" of "12 language models"): words its quote must print after the figure, with `_HEAD_ANY` where
#: the claim names a model alone ("8 A100s": what the quote counts must be A100s, or GPUs, cards... of that name)
_things_wanted: contextvars.ContextVar[tuple[str, ...] | None] = contextvars.ContextVar("kb_things_wanted", default=None)
_HEAD_ANY = "\0model"
#: ... and where a reading holds only in the quote with the claim's names left out where it prints them all.
_LEFT_OUT = "\0left"
#: What joins a claim's figures into one: "-" of "2-8", " to ", " and " of "between 2 and 8", ", " of a list.
_FIGURES_JOIN = lazy(r"[ ]*(?:-|–|—|to|and|or|,|,[ ]*and)[ ]*")
#: Words that make a claim's words a factor or a comparison ("15 times more", "3-fold", "2x faster than"), no count.
_FACTOR_WORDS = frozenset("times fold more less fewer higher lower larger smaller faster slower greater bigger than "
                          "as".split())
#: A name of a model glued to its number, in a claim or a quote: "A-100", "A 100" and "A100" alike; "GPT-3", "GPT 3".
_NAME_NUMBER = lazy(r"(?<=[A-Za-z])[- ](?=\d)")
#: The words after a quote's figure that name what it counts: up to what ends its noun phrase (`_PHRASE_ENDS`).
_PHRASE_TOKEN = lazy(r"[ ]*((?:[^\W_]|&)[^\s,;:()\[\]{}\"“”'‘’]*|)")
_PHRASE_ENDS = frozenset(
    "for on in at with and or but nor to of per each every from by that which who whose was were is are be been being "
    "has have had used using use uses during over across than as while when where into onto under within via "
    "respectively total altogether".split())
#: A verb of being after a figure, before what it counts: " are" of "28 are laboratory values".
_COPULA_AFTER = lazy(r"[ ]+(?:are|were|is|was)(?=[ ])")
#: Words in brackets inside a count's noun phrase: " (randomly selected)" of "25 (randomly selected) uncited papers".
_COUNT_ASIDE = lazy(r"[ ]*\((?=[a-z])[^()]{1,40}\)(?=[ ]+[^\W\d_])")
#: A part of things named after it: " of the" of "12 of the inline citations", " of these", " of their".
_PARTITIVE = lazy(r"(?i)[ ]+of[ ]+(?:the|these|those|its|their|our|his|her|all[ ]+the)(?=[ ])")
#: A figure of what the clause before it names: "156.5M of which", "two of them".
_OF_WHICH = lazy(r"(?i)[ ]+of[ ]+(?:which|whom|them|these|those)\b")
#: A bracket's words, which a table's row label or a citation puts between a figure and what it counts.
_BRACKETED = lazy(r"\([^()]*\)|\[[^\[\]]*\]")
#: A token of a table's row that is no word: a figure ("45.2", "93.3*"), a dash for none.
_ROW_TOKEN = lazy(r"[-–—+±]?[\d.,%*]*\d[\d.,%*]*|[-–—]")
#: A plural that ends a count's noun phrase: "GPUs", "v3s", "models" (never "class", "bus", "sepsis", "corpus",
#: "analysis": a singular's "-ss", "-us", "-is", so "4 non-sepsis encounters" counts encounters).
_PLURAL_WORD = lazy(r"[\w-]*[A-Za-z0-9][a-hj-rtv-zA-Z0-9]s")
#: Nouns of a device that a model's name alone stands for ("8 A100s" of "8 A100 GPUs").
_DEVICE_NOUNS = frozenset("gpu tpu ipu npu cpu accelerator card chip device processor".split())
#: A list of figures before what they all count: ", 4 and 8" of "2, 4 and 8 GPUs".
_COUNT_LIST_ON = lazy(r"(?:[ ]*(?:,|,?[ ]*(?:and|or|to|-|–))[ ]*\d[\d,]*(?:\.\d+)?)+")


def _fold_words(text: str) -> list[str]:
    """The words of `text` as a count's words compare: case folded, a model's name joined to its number ("A-100" is
    "a100"), split at hyphens and slashes ("BERT-Large" is "bert", "large"), each one singular ("A100s" is "a100")."""
    text = _NAME_NUMBER.sub("", re.sub(r"(\w)-\s+(\w)", r"\1\2", text))
    out = []
    for word in re.split(r"[\s/-]+", text.lower()):
        word = word.strip(".,;:!?'\"’")
        if not word:
            continue
        if len(word) > 3 and word.endswith("ies"):
            word = word[:-3] + "y"
        elif len(word) > 2 and word.endswith("s") and not word.endswith("ss"):     # both sides alike: "corpus", "corpu"
            word = word[:-1]
        out.append(word)
    return out


def _count_named(value: str) -> list[tuple[str, tuple[str, ...]]]:
    """The readings of a claim counting things it names more closely than kb reads, each (the claim as kb reads it,
    every word of what it counts, in order): "8 A100 GPUs" reads as "8 GPUs", naming "a100 gpu"; "32 TPU v3 chips" as
    "32 TPU chips" or "32 chips"; "12 language models" as itself; "8 A100s" as the bare "8", naming "a100" as what it
    counts (`_HEAD_ANY`). None for any other claim ("12 models", "37.3 kWh", "28.4 BLEU": kb reads the first two
    whole, and the last names no count)."""
    wanted, unread = _value_numbers(value)
    if unread or not wanted:
        return []
    # the figure: its numbers as far as a range or a list joins them ("2-8", "between 2 and 8"), never a number of
    # a name after it ("1080" of "3 GTX 1080 Ti GPUs")
    end, count = wanted[0].end, 1
    for w in wanted[1:]:
        if not _FIGURES_JOIN.fullmatch(value, end, w.start):
            break
        end, count = w.end, count + 1
    phrase = value[end:].strip()
    if not phrase or not (phrase[0].isalpha() or model_count(phrase) is not None) or _RATE_SPLIT.search(phrase) \
            or re.search(r"[%$€£¥()\[\]=<>±]", phrase):
        return []               # ("1080 Ti GPUs" of "8 1080 Ti GPUs": a model's number its name goes on after)
    words = phrase.split()
    if any(w.lower() in _FACTOR_WORDS for w in words) or words[0].lower() in ("x", "×"):
        return []               # "15 times more", "3 x less": a factor, read as factors are
    names = tuple(_fold_words(phrase))
    figure = value[:end].rstrip()
    if any(w.share or w.unit is not None for w in wanted[:count]):
        return []               # "less than two thirds", "two orders of magnitude": a share, a factor
    try:
        unit = Interval.from_written(_RANGE_IN_WORDS.sub(r"\g<first> to ", value, count=1)).unit
    except KBError:
        unit = None
    if unit is not None and model_count(phrase) is not None:
        unit = None             # "8 A100 GPUs": kb reads its last words, and the others are names (below)
    if unit is not None:
        if len(words) < 2 or not _counts_things(unit) or len(wanted) != count \
                or any(w.lower() in _PHRASE_ENDS for w in words):
            return []           # "12 models", "25 kg CO2e": kb reads every word
        return [(value, names)]
    # what kb reads of it: the words it reads a unit of, in their order ("TPU hours" of "TPU v2 hours"), or its last
    # words ("chips" of "TPU v3 chips"); the others are names the quote must print with them
    readable = [i for i, w in enumerate(words) if not any(c.isdigit() for c in w) and _reads_alone(w)]
    tries = [readable] if readable and len(readable) < len(words) else []
    tries += [list(range(k, len(words))) for k in range(len(words) - 1, 0, -1)]
    out: list[tuple[str, tuple[str, ...]]] = []
    counts = False
    for kept in tries:
        head = " ".join(words[i] for i in kept)
        try:
            read = Interval.from_written(f"{figure} {head}").unit
        except KBError:
            continue
        if (_counts_things(read) or _has_dimension(head)) and (f"{figure} {head}", names) not in out:
            out.append((f"{figure} {head}", names))
            counts = counts or _counts_things(read)
    if out and not counts and words[-1].isalpha():
        # "117,780 P100 hours": kb reads hours, and the quote's "P100 hours" no unit; read at last in the quote with
        # the names it prints there, all of the claim's in order, left out ("117,780 hours"), as any figure is
        out.append((out[0][0], (*names, _LEFT_OUT)))
    if out:
        return out
    if len(words) > 1 and _THINGS_LAST.fullmatch(words[-1]) or len(words) == 1 and not _reads_alone(words[0]) and (
            _MODEL_NAME.fullmatch(words[0]) or re.fullmatch(r"[a-z]{2,}s", words[0])):
        # "8 A100s", "4 V100s": devices by their model's name; "4 TPU v3 pods", "12 pods": things kb has no unit for,
        # the figure bare, and every word the quote's, the last one what it counts
        return [(figure, (*names, _HEAD_ANY))]
    return []


#: A model's name, one or more: "A100s", "V100", "TPUv3s", "P40".
_MODEL_NAME = lazy(r"(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z][\w-]*")


@functools.lru_cache(maxsize=256)
def _reads_alone(word: str) -> bool:
    """Whether kb reads `word` alone as a unit or a count ("GPUs", "hours", "TPU"; never "NVIDIA", "v2")."""
    try:
        parse_unit(word, nouns=True)
    except KBError:
        return False
    return True


#: The last word of what a claim counts that names things: "pods", "A100s", "models"; never "BLEU" or "F1".
_THINGS_LAST = lazy(r"[a-z]{2,}s|(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z][\w-]*s")


def _quote_counts(plain: str, number: _Number) -> list[str]:
    """The words of what the quote's `number` counts (`_fold_words` of `_quote_phrase`); where it names nothing right
    after it, what its clause names before it ("learning rate" of "a learning rate of 0.001", "A100 GPUs" of "the
    number of A100 GPUs was 8") or after a verb of being ("laboratory values" of "28 are laboratory values")."""
    return _fold_words(_quote_counted(plain, number))


def _quote_counted(plain: str, number: _Number) -> str:
    """The words `_quote_counts` reads of what the quote's `number` counts, as printed."""
    printed = _quote_phrase(plain, number)
    if printed and not (re.match(r"[A-Z][a-z]+\b", printed) and _maybe_cell(plain, number)):
        return printed      # (a table's cell: "Bibliography entries" of "45.2 46.8 Bibliography entries" the
        # next row's label)
    copula = _COPULA_AFTER.match(plain, number.end) or _PARTITIVE.match(plain, number.end)
    if copula is not None:
        after = _quote_phrase(plain, _Number("", copula.end(), copula.end(), Decimal(0), Decimal(0)))
        if _fold_words(after):
            return after
    return _words_before(plain, number)


#: A word joined by hyphens ("non-sepsis", "task-specific", "semi-supervised"), its parts apart.
_HYPHENED = lazy(r"[^\W_]+(?:-[^\W_]+)+")


def _compound_cut(names: tuple[str, ...], printed: str) -> str | None:
    """The part a claim's words leave out of a word the quote joins by hyphens before a part it keeps, as printed
    ("non" of "4 sepsis encounters" of "4 non-sepsis encounters", "task" of "3 specific models" of "3 task-specific
    models", "semi" of "supervised"): a modifier's first part turns what the rest says ("non-", "semi-", "task-"),
    so a claim writes such a word whole or leaves it out whole ("4 encounters"); a later part may go ("A100" of
    "A100-SXM4", "BERT" of "BERT-Large"). None where no such part is left out."""
    kept = set(names)
    for m in _HYPHENED.finditer(printed):
        parts = m.group(0).split("-")
        folded = [_fold_words(part) for part in parts]
        for i, words in enumerate(folded):
            if i and words and all(w in kept for w in words):
                cut = next((parts[j] for j in range(i) if folded[j] and not all(w in kept for w in folded[j])), None)
                if cut is not None and not any(c.isdigit() for c in cut):
                    return cut
    return None


def _words_before(plain: str, number: _Number) -> str:
    """The words of `number`'s clause before it, up to six, past a bracket's words and a table's other cells ("cite
    spans" of "Inline cite spans (body) 45.2 46.8"), back to a mark that ends a clause; past that mark for a figure of
    what the clause before names ("156.5M of which": "380.5M citation links ..., 156.5M of which")."""
    if _OF_WHICH.match(plain, number.end) is not None:
        earlier = [n for n in numbers_in(plain[:number.start]) if number.start - n.end < 160]
        return next((p for p in (_quote_phrase(plain, n) for n in reversed(earlier)) if p), "")
    text = _BRACKETED.sub(" ", plain[max(0, number.start - 120):number.start])
    words: list[str] = []
    for token in reversed(text.split()):
        if token[-1:] in ",;:.!?":
            break
        if _ROW_TOKEN.fullmatch(token):
            continue        # another cell's figure, or a dash for none
        token = token.lstrip("([{")     # "(SIRS score of at least 2/4)": a bracket opened before the figure
        if token and not _ROW_TOKEN.fullmatch(token):
            words.append(token)
        if len(words) == 6:
            break
    return " ".join(reversed(words))


#: A per after what a figure counts: "per node" of "8 V100s per node", "/run", "each", "every day", "a day".
_PER_AFTER_PHRASE = lazy(r"[ ]*(?:per\b|/|each\b|every\b|an?[ ]+(?:second|minute|hour|day|week|month|year|run|node|"
                         r"server|query|task|image)\b)", )


def _phrase_end(plain: str, number: _Number) -> int:
    """Where what the quote's `number` counts ends (`_quote_phrase`)."""
    return _quote_phrase(plain, number, where=True)


#: A model's number first in what a figure counts, its name going on: "1080 Ti GPUs" of "8 1080 Ti GPUs".
_MODEL_NUMBER_NEXT = lazy(r"\d{3,5}[ ](?:[A-Z][\w-]*|[a-z]?\d[\w-]*)[ ]+[^\W\d_][\w-]*s\b")


def _quote_phrase(plain: str, number: _Number, where: bool = False):
    """What the quote's `number` counts, as printed: its noun phrase after it, past the other figures of a list it
    ends ("2" of "2, 4 and 8 A100 GPUs" counts A100 GPUs), up to a word that ends the phrase; `where`: where it ends."""
    at = number.end
    listed = _COUNT_LIST_ON.match(plain, at)
    at = listed.end() if listed else at
    words: list[str] = []
    for _ in range(8):
        aside = _COUNT_ASIDE.match(plain, at)
        at = aside.end() if aside else at     # "25 (randomly selected) uncited papers": the bracket's words aside
        token = _PHRASE_TOKEN.match(plain, at)
        if token is None or not token.group(1):
            break
        word = token.group(1)
        if not words and _ROW_TOKEN.fullmatch(word) and not _MODEL_NUMBER_NEXT.match(plain, token.start(1)) \
                or word.lower() in _PHRASE_ENDS or words and word.islower() and _PLURAL_WORD.fullmatch(words[-1]):
            break       # ... or a word after a plural: "64 TPU v3s running in", "8 models trained"
        stop = word.endswith((".", "!", "?")) and not re.fullmatch(r"[A-Za-z]\.|v\d+\.", word)
        words.append(word.rstrip(".!?") if stop else word)
        at = token.end()
        if stop:
            break
    return at if where else " ".join(words)


def _things_said(plain: str, number: _Number) -> bool:
    """Whether the quote's `number` counts what the claim being read names (`_things_wanted`): every word of it among
    the words of its noun phrase ("A100" and "GPUs" of "8 NVIDIA A100 GPUs"), a model's name alone the last of them or
    before a device's noun ("8 A100s" of "8 A100 GPUs", never of "8 A100 nodes"). True where the claim names none."""
    names = _things_wanted.get()
    if names is None:
        return True
    if _HEAD_ANY in names and _PER_AFTER_PHRASE.match(plain, _phrase_end(plain, number)):
        return False        # the figure bare: never one the quote prints per something ("8 V100s per node")
    printed = _quote_counted(plain, number)
    return _missing_name(names, _fold_words(printed)) is None and _compound_cut(names, printed) is None


#: A word after a model's number that names another model ("GTX 1080 Ti" is no GTX 1080, "RX 6800 XT" no RX 6800,
#: "M2 Max" no M2, "GPT-2 XL" no GPT-2, "GPT-3.5 Turbo" no GPT-3.5), folded; never a form of one chip ("A100 SXM4",
#: "V100 PCIe" are A100s and V100s).
_MODEL_SUFFIXES = frozenset("ti super xt xtx pro max ultra plus mini nano turbo xl xxl large base small medium tiny "
                            "lite".split())


def _missing_name(names: tuple[str, ...], counted: list[str]) -> str | None:
    """The first word of `names` that `counted` (a quote's figure's words) lacks in their order, a name glued or apart
    alike ("TPU v3" and "TPUv3"); "" for a model named alone (`_HEAD_ANY`) that is no last word nor a device's
    ("A100" of "8 A100 nodes"); None where every word is there."""
    model = _HEAD_ANY in names
    names = tuple(n for n in names if n != _HEAD_ANY)
    i = j = 0
    while i < len(names):
        name = names[i]
        for k in range(j, len(counted)):
            if counted[k] == name and k + 1 < len(counted) and counted[k + 1] in _MODEL_SUFFIXES \
                    and any(c.isdigit() for c in name) and names[i + 1:i + 2] != (counted[k + 1],):
                return name         # "GTX 1080" of "GTX 1080 Ti": another model, no less said of the same
            if counted[k] == name:
                i, j = i + 1, k + 1
                break
            if i + 1 < len(names) and counted[k] == name + names[i + 1]:
                i, j = i + 2, k + 1
                break
            if k + 1 < len(counted) and counted[k] + counted[k + 1] == name:
                i, j = i + 1, k + 2
                break
            if name.isdigit() and re.fullmatch(rf"[a-z]{{2,}}{name}", counted[k]):
                i, j = i + 1, k + 1     # "1080" of "GTX 1080": the model's number, its maker's prefix left out
                break
        else:
            return name
    if model and counted:
        last = names[-1]
        tail = counted[counted.index(last) + 1:] if last in counted else []
        if not (counted[-1] == last or tail and all(w in _DEVICE_NOUNS for w in tail)):
            return ""
    return None


def _names_left_out(read: str, quote: str, per: str | None, names: tuple[str, ...]) -> QuotedValue | None:
    """`read` (a claim as kb reads it: "117,780 hours" of "117,780 P100 hours") of the quote with the words it prints
    after the claim's figure that the reading leaves out ("P100") left out there, where it prints every word of `names`
    in order, the last one last; the rules of a total, a per and a bound then read it as any figure. None where it
    holds nowhere."""
    plain = _plain(_unmarked(quote))
    wanted, _ = _value_numbers(read)
    kept = set(_fold_words(" ".join(read.split()[len(read.split()) - len(_fold_words(_unit_text(read, wanted))):])))
    drop = set(names) - kept
    for h in numbers_in(quote):
        if not wanted or h.value != wanted[-1].value:
            continue
        counted = _quote_counts(plain, h)
        if not counted or counted[-1] != names[-1] or _missing_name(names, counted) is not None:
            continue
        end = _phrase_end(plain, h)
        words = [w for w in plain[h.end:end].split() if not set(_fold_words(w)) <= drop]
        with _set(_things_wanted, ()):
            found = _value_in_quote_as_typed(read, f"{plain[:h.end]} {' '.join(words)}{plain[end:]}", per)
        if found.ok:
            return found
    return None


def _named_in_quote(value: str, quote: str, per: str | None, readings: list[tuple[str, tuple[str, ...]]]
                    ) -> QuotedValue:
    """`_value_in_quote_as_typed` of a claim counting things it names more closely than kb reads (`_count_named`):
    one of its `readings`, the claim as kb reads it ("8 GPUs" of "8 A100 GPUs"), held only by a figure of the quote that
    counts what it names, every word in order ("8 A100 GPUs" of "8 NVIDIA A100 GPUs", never of "8 V100 GPUs" nor "we
    used 8 TPUs"), so a total, a bound and a per are read as they are for any count; refused naming the word where
    only that is missing."""
    def read_with(read: str, names: tuple[str, ...]) -> QuotedValue:
        with _set(_things_wanted, names):
            return _value_in_quote_as_typed(read, quote, per)

    def as_value(found: QuotedValue, read: str) -> QuotedValue:
        return replace(found, problem=found.problem.replace(repr(read), repr(value))) if found.problem else found

    tried: list[QuotedValue] = []
    for read, names in readings:
        if _LEFT_OUT in names:
            found = _names_left_out(read, quote, per, tuple(n for n in names if n != _LEFT_OUT))
            if found is not None:
                return found
            continue
        found = read_with(read, names)
        if found.ok:
            return found
        tried.append(as_value(found, read))
    found = tried[0]
    if found.problem:
        return found
    # what kb reads of it alone, the words left out: refused there too, the words are not why
    alone = [as_value(read_with(read, ()), read) for read, _ in readings]
    if not any(a.ok for a in alone):
        return replace(found, problem=alone[0].problem)
    names = readings[0][1]
    plain = _plain(_unmarked(quote))
    wanted, _ = _value_numbers(readings[0][0])
    places = [h for h in numbers_in(quote) if any(h.value == w.value for w in wanted)]
    said = []
    cuts = []
    for h in places:
        printed = _quote_phrase(plain, h)
        lacking = _missing_name(names, _fold_words(printed))
        if lacking is not None:
            said.append((lacking, " ".join(plain[h.start:h.end].split()), printed))
        elif (cut := _compound_cut(names, _quote_counted(plain, h))) is not None:
            cuts.append((cut, " ".join(plain[h.start:h.end].split()), _quote_counted(plain, h)))
    if cuts and len(said) + len(cuts) == len(places):
        cut, figure, printed = cuts[0]
        whole = next(m.group(0) for m in _HYPHENED.finditer(printed) if cut in m.group(0).split("-"))
        return replace(found, ok=False, problem=(
            f"the value {value!r} leaves {cut!r} out of the quote's {whole!r} (its {figure} counts {printed!r}): "
            f"a word's first part turns what the rest says; claim {whole!r} whole, or leave it out whole"))
    if not said or len(said) < len(places):
        return found        # a place that counts what it names: the words are not why
    lacking, figure, printed = said[0]
    what = f"{printed!r}" if printed else "nothing it names after it"
    model = [n for n in names if n != _HEAD_ANY][-1]
    shown = _name_written(value, lacking or model)
    word = f"{shown!r}" if lacking else f"{shown!r} as what it counts"
    return replace(found, ok=False, problem=(
        f"the value {value!r} counts {word}, but its quote's {figure} counts {what}: a count's words are the quote's "
        f"for that figure, in their order; claim what the quote counts, or quote the words that name {word}"))


def _name_written(value: str, folded: str) -> str:
    """The words of `value` that `_fold_words` reads as the name `folded`, as its writer wrote them ("GTX 1080" of
    'gtx1080' in "8 GTX 1080 GPUs", "BERT-Base" of 'bert'); `folded` itself where none do."""
    words = re.split(r"[\s/]+", value.strip())
    for n in range(1, 4):
        for i in range(len(words) - n + 1):
            run = " ".join(words[i:i + n])
            if folded in _fold_words(run) and n == 1 or folded == "".join(_fold_words(run)):
                return run
    return folded


#: What may stand between a negation and a figure it denies: a verb or two ("did not use 12 kWh"), never a
#: comparison, which makes a bound ("not more than 70%", read as bounds are), nor words that keep the figure
#: said ("not only 5% but", "not all 12 models")
_DENIED_BEFORE = lazy(_negated(r"\bnot|\bnever|\bneither|\bnor|n[’']t"))
#: ... nor words that make the negation say a likeness ("not unlike 2x", "not far from 2x", "not dissimilar to")
_NOT_DENYING = frozenset("only just merely also all every each both any even more less fewer over under above below "
                         "exceed exceeds exceeding exceeded beyond up than greater higher lower smaller larger at "
                         "least most nearly almost about around roughly approximately quite unlike far dissimilar "
                         "short mention mentioning".split())
#: A contrast that names the figure after it as the one the quote's figure replaces, or a wrong one ("rather than the
#: 20 kWh", "instead of 5%", "far from 2x", "wrongly reported as 30 t"), up to three words before it, none starting
#: a clause of its own ("used Transformer (Base) rather than Transformer (Big), reducing the cost by 2.3x": said)
_REPLACED_BEFORE = lazy(
    r"(?i)(?:\brather[ ]+than|\binstead[ ]+of|\bin[ ]+place[ ]+of|\bas[ ]+opposed[ ]+to|(?<!not )(?<!never )(?<!n't )"
    r"(?<!n’t )\bfar[ ]+from|\b(?:wrongly|incorrectly|erroneously|mistakenly)(?:[ ]+[a-z]+)?[ ]+(?:as|at|to[ ]+be))"
    rf"(?P<between>(?:[ ]+(?!(?:{_CLAUSE_WORDS})\b)[a-z]+){{0,3}})[ ]+$")
#: An earlier figure the quote states another against: "previously estimated at 30 t" of "was previously estimated at
#: 30 t but is 5 t" (the contrast after it, `_CONTRAST_AFTER`, is what makes it no figure of the claim's)
_EARLIER_BEFORE = lazy(
    r"(?i)\b(?:previously|formerly|originally|initially|once|earlier)[ ]+(?:been[ ]+)?(?:estimated|reported|thought"
    r"|believed|assumed|claimed|put|given|stated|calculated|computed|projected|expected|quoted|cited)(?:[ ]+(?:at|as"
    r"|to[ ]+be))?(?P<between>(?:[ ]+(?!(?:{_CLAUSE_WORDS})\b)[a-z]+){0,2})[ ]+$".replace("{_CLAUSE_WORDS}", _CLAUSE_WORDS))
_CONTRAST_AFTER = lazy(r"(?i)\b(?:but|yet|whereas|however|actually|in[ ]+fact|now|instead)\b")
_CONTRASTS = ("rather", "instead", "place", "opposed", "far", "wrongly", "incorrectly", "erroneously", "mistakenly",
              "previously", "formerly", "originally", "initially", "once", "earlier")
_VALUE_NUMBER = lazy(r"\d[\d,]*(?:\.\d+)?")
#: A number a quote writes in words: "five", "twenty-five", "a dozen".
_WORD_NUMBER = lazy(r"[A-Za-z]+(?:[ -][A-Za-z]+)*")
_DENIED_TAIL = lazy(r"[^\s,;:.)]*(?:[ ]+[^\s,;:.)]+)?")


def _denied(value: str, quote: str) -> tuple[str, str, bool] | None:
    """(the figure, the words denying it, whether a contrast replaces it) where the quote prints the value's first
    number only in a negation's clause ("is not 2x faster", "did not, in our runs, use 12 kWh", "fell not 5% but 12%",
    "neither 3x nor 4x") or as the figure its own replaces or calls wrong ("12 kWh rather than the 20 kWh reported",
    "instead of 5%", "far from 2x", "previously estimated at 30 t but is 5 t"): a claim of that figure is what the quote
    says is not so, in the quote's unit or another ("30,000 Wh" of "rather than 30 kWh"). None where any of its places
    is said plainly, or no place is found."""
    m = _VALUE_NUMBER.search(value)
    lowered = quote.lower()
    if m is None or not any(w in lowered for w in ("not", "never", "n't", "n’t", "neither", "nor") + _CONTRASTS):
        return None
    try:
        target = Decimal(m.group().replace(",", ""))
    except ArithmeticError:     # pragma: no cover - the pattern reads digits only
        return None
    places = list(_FACTOR_NUMBER.finditer(quote))
    same = [at for at in places if Decimal(at.group().replace(",", "")) == target]
    # ... or in words: "five" of "did not take five hours" (a share, "one third", is a figure of its own)
    same += [_WORD_NUMBER.match(quote, n.start) for n in numbers_in(quote) if n.value == target and not n.share
             and n.unit is None and _WORD_NUMBER.fullmatch(quote, n.start, n.end)]
    same.sort(key=lambda at: at.start())
    if not same:    # the figure in another unit ("30,000 Wh" of "rather than 30 kWh"): the places that hold it alone,
        # looked for only where one of them is denied (each try reads a piece of the quote again)
        denials = [at for at in places[:12] if isinstance(_denial(quote, at), tuple)]
        if not denials:
            return None
        same = [at for at in places[:12] if _value_in_quote(value, quote[at.start():_DENIED_TAIL.match(
            quote, at.end()).end()], None, None).ok]
    denied = None
    for at in same:
        said = _denial(quote, at)
        if not isinstance(said, tuple):
            return None         # said plainly somewhere, or kept said ("not only 5%"): the claim's figure is the quote's
        neg, replaced = said
        tail = _DENIED_TAIL.match(quote, at.end())
        denied = denied or (m.group(), " ".join(quote[neg.start():tail.end() if tail else at.end()].split()), replaced)
    return denied


#: Words of `_NOT_DENYING` that keep a figure said only right before it: "not even 5%", "not quite 2x", never "did not
#: even manage to use 5 kWh", "did not quite reach 5 kWh" (the verb after them carries the denial).
_KEPT_LAST = frozenset("even quite nearly almost".split())
#: A verb of totalling or going before "up to", which makes it the total or the level, no bound (`_NO_BOUND_UP_TO`).
_UP_TO_VERBS = frozenset("add adds added adding sum sums summed summing went go goes going gone".split())


#: A currency printed before an amount, which a negation's words reach past: "$" of "did not spend $2 million",
#: "US$", "€", "USD " of "did not exceed USD 3 million".
_MONEY_SIGN_BEFORE = lazy(r"(?:US\$|[$€£¥₹]|(?<![\w])(?:USD|EUR|GBP|CHF|JPY|CNY|CAD|AUD)[ ]?)$")


def _kept_said(between: str) -> bool:
    """Whether the words between a negation and its figure keep the figure said or make it a bound (`_NOT_DENYING`):
    "only", "more than", "up to" of "not up to 50%"; not "up" of "don't add up to 100%" or "did not go up to 40%" (a
    total or a level denied), a hedge not right before the figure ("did not even manage to use"), nor the words of
    a phrase of time ("at any point", "at all")."""
    words = [w.lower() for w in re.sub(_FREE_PHRASE, " ", between).replace(",", " ").split()]
    for i, w in enumerate(words):
        if w not in _NOT_DENYING:
            continue
        if w in _KEPT_LAST and i < len(words) - 1:
            continue
        if w == "up" and i and words[i - 1] in _UP_TO_VERBS:
            continue
        return True
    return False


def _denial(quote: str, at: re.Match[str]) -> tuple[re.Match[str], bool] | str | None:
    """(the words denying the figure at `at`, whether a contrast replaces it), "kept" where a negation's words keep
    it said or make it a bound ("not only 5%", "not more than 70%"), None where it is said plainly."""
    money = _MONEY_SIGN_BEFORE.search(quote, max(0, at.start() - 6), at.start())
    start = money.start() if money is not None else at.start()     # "did not spend $2 million": its "$" too
    neg = _DENIED_BEFORE.search(quote, max(0, start - 80), start)
    if neg is not None:
        if _kept_said(neg.group("between")):
            return "kept"
        return neg, False
    neg = _REPLACED_BEFORE.search(quote, max(0, at.start() - 60), at.start())
    if neg is not None:
        if neg.group(0)[:3].lower() != "far" and _of_another_thing(quote, neg.start(), at):
            return None         # "32,633 TPU v2 hours instead of 117,780 P100 hours": each a figure of its thing
        return neg, True
    neg = _EARLIER_BEFORE.search(quote, max(0, at.start() - 60), at.start())
    if neg is not None and _CONTRAST_AFTER.search(quote, at.end()):
        return neg, True        # "was previously estimated at 30 t but is 5 t"; alone, nothing is stated against it
    return None


#: The word after a figure, which names its unit or what it counts: "kWh" of "12 kWh", "P100" of "117,780 P100 hours"
_THING_AFTER = lazy(r"[ ]?([^\s,;:()\[\]]*)")


def _of_another_thing(quote: str, contrast: int, at: re.Match[str]) -> bool:
    """Whether the figure `at`, which a contrast at `contrast` names ("instead of 117,780 P100 hours"), is of another
    thing than the figure the quote states before the contrast ("32,633 TPU v2 hours"): an alternative the quote
    gives, a figure of its own, where "12 kWh rather than 20 kWh" and "12% instead of 5%" replace one."""
    stated = None
    for stated in _FACTOR_NUMBER.finditer(quote, max(0, contrast - 60), contrast):
        pass
    if stated is None:
        return False

    def word(m: re.Match[str]) -> str:
        return _THING_AFTER.match(quote, m.end()).group(1).lower().rstrip(".!?").rstrip("s")
    return word(stated) != word(at)


def _shift_rounded(value: str, quote: str) -> str | None:
    """Why `value`, a figure the quote prints in a unit a power of ten away rounded to fewer digits ("13.8 MWh" of
    "13,812 kWh"), is refused: such a figure is written with every digit the quote gives ("13.812 MWh"), since kb
    cannot tell a writer's rounding from a wrong digit there; None when it is no such figure."""
    try:
        mine = Interval.from_written(value)
    except KBError:
        return None
    half_mine = (mine.hi - mine.lo) / 2
    if not mine.nominal or not half_mine or not mine.unit_text:
        return None
    for c in extract_candidates([_plain(quote)]):
        if c.kind not in ("quantity", "table") or c.unit == "dimensionless" or "-" in c.number or c.per \
                or c.rate_unit != c.unit:
            continue            # a range, a rate (its per's words are the claim's to give)
        try:
            printed = Interval.from_written(c.written)
            conv = printed.to(mine.unit)
        except KBError:
            continue
        if printed.unit == mine.unit or not _decimal_shift(printed, conv) or conv.nominal == mine.nominal:
            continue
        if abs(conv.nominal - mine.nominal) <= half_mine * (1 + 1e-9):
            exact = f"{conv.nominal:.12g} {mine.unit_text}"
            shown = " ".join(quote[c.start:c.end].split())
            return (f"the value {value!r} rounds its quote's {shown!r}, which is {exact!r}: a figure moved to another "
                    f"prefix keeps every digit the quote gives, since kb cannot tell a writer's rounding from a wrong "
                    f"digit there; write {exact!r}, or {shown!r}")
    return None


def bound_note(value: str, quote: str) -> str | None:
    """What a person should know of a value written without a bound whose numbers the quote
    prints only as bounds ("50%" of "by up to 50%"): the claim holds the bound's number, and
    writing the bound ("up to 50%") keeps it in the claim. None otherwise."""
    if bound_of(_plain(value))[0] is not None:
        return None
    quote = _unmarked(quote)
    wanted, unread = _value_numbers(value)
    plain, printed = _plain(quote), _plain(quote, commas=False)
    held = _drop_groups(plain, numbers_in(quote))
    factor = _factor_value(value, wanted)
    scale = _SHARE_SCALE.get(_unit_text(value, wanted).strip().lower())
    phrases = []
    for w in wanted:
        # "+100%" of "more than doubled", "-50%" of "less than halved": a change's size in words, as it holds
        size = _Number(w.text, w.start, w.end, abs(w.value), w.half)
        same = [h for h in held if h.value in (w.value, size.value) or h.change is not None and scale is not None
                and h.share and _share_rounds(h, size, scale)]
        kinds = {_bound_at(plain, h, factor) for h in same}
        if not same or None in kinds or "negated" in kinds or "range" in kinds or len(kinds) != 1:
            return None
        h, kind = same[0], kinds.pop()
        m = _BOUND_BEFORE.search(plain, max(0, h.start - 30), h.start)
        if m is not None:           # "up to 50%": the words, the number and its unit
            unit = _unit_after(plain, h)
            end = h.end
            for _ in (unit or "").split():
                token = _TOKEN.match(plain, end)
                end = token.end() if token else end
            negation = _NEGATED_BEFORE.search(plain, max(0, m.start() - 80), m.start())
            negated = negation is not None
            phrase = printed[(negation or m).start():end].rstrip(",;:.")   # "not have more than 70 per cent"
            words = " ".join((m.group("upper") or m.group("lower")).split()) \
                if ("upper" if m.group("upper") else "lower") == kind and not negated \
                else ("at most" if kind == "upper" else "at least") if negated \
                else "less than" if kind == "upper" \
                else "more than"     # "more than halved": a factor under one half; "not have more than": at most
            better = f"{words} {value.strip()}"
        else:                       # "50% or more"
            phrase = printed[h.start:_BOUND_AFTER.match(plain, h.end).end()]
            better = f"{'≥' if kind == 'lower' else '≤'} {value.strip()}"
        phrases.append((kind, " ".join(phrase.split()), better))
    if not phrases:
        return None
    kind, phrase, better = phrases[0]
    return (f"its quote gives {value.strip()!r} as {_BOUND_NAME[kind]} ({phrase!r}): the claim is the bound's "
            f"number; write the value as {better!r} to keep the bound")


#: A claim's range in words, up to its second number: "between 20 and " of "between 20 and 25 minutes", "from 11 to "
#: of "from 11 to 147 gCO2eq/kWh" (its first number, a currency's sign with it, as `first`).
_RANGE_IN_WORDS = lazy(r"(?i)^[ ]*(?:between|from)[ ]+(?P<first>[^ ]+)[ ]+(?:and|to)[ ]+")
#: Before a range's first number and between its two, in words alone: "between ", " and ", "from ", " to ".
_RANGE_OPENS = lazy(r"(?i)(?:^|\s)(?:between|from)\s+\Z")
_RANGE_JOINS = lazy(r"(?i)(?:[ ]?%)?\s+(?:and|to)\s+")
#: A percentage's ways of writing it, read as one: "%", "per cent", "pct" of "percent".
_PERCENT_WRITTEN = lazy(r"(?i)^(?:%|per\s+cent\b|pct\b|percent\b)")
#: A per or each in the clause after a range: "between 1 and 2 kWh per query", "20 and 25 minutes each".
_PER_IN_CLAUSE = lazy(r"(?i)\b(?:per|each|every)\b|/")
#: A negation in the clause before a range: "did not take between five and six hours", "never", "no more than".
_NEGATION_BEFORE = lazy(r"(?i)\b(?:not|never|no|nor|neither|without)\b|n't\b")


def _range_printed_as_written(value: str, wanted: list[_Number], plain: str, held: list[_Number]) -> bool:
    """Whether the quote prints a claim's range in words as the claim writes it, its numbers in digits or words, the
    same words after them, no per, each or 'a' after them in that clause and no negation before it: "between 3 and 5
    million users" of "between 3 and 5 million users.", "between 5 and 6 hours" of "between five and six hours" (which
    no unit is read of: the words decide, as they did before a range in words was read in its unit). Never a currency
    sign or another word in it."""
    written = _plain(value)
    if len(wanted) != 2 or not _RANGE_OPENS.search(written[:wanted[0].start]) \
            or not _RANGE_JOINS.fullmatch(written, wanted[0].end, wanted[1].start):
        return False
    tail = _PERCENT_WRITTEN.sub("percent", " ".join(written[wanted[1].end:].split()).lower())
    if not tail:
        return False
    for a, b in zip(held, held[1:]):
        if a.value != wanted[0].value or b.value != wanted[1].value \
                or not _RANGE_JOINS.fullmatch(plain, a.end, b.start) \
                or not _RANGE_OPENS.search(plain[max(0, a.start - 12):a.start]):
            continue
        if _NEGATION_BEFORE.search(re.split(r"[.;:()]\s", plain[:a.start])[-1]):
            continue        # "did not take between five and six hours": never read past a negation here
        clause = re.split(r"[.;:()]\s", plain[b.end:] + " ", maxsplit=1)[0]
        after = _PERCENT_WRITTEN.sub("percent", " ".join(clause.split()).lower())
        if after.startswith(tail) and not re.match(r"[\w\-/]|\s+an?\s", after[len(tail):]) \
                and not _PER_IN_CLAUSE.search(after[len(tail):]):
            return True
    return False


def _value_in_quote(value: str, quote: str, per: str | None, bound: str | None) -> QuotedValue:
    """`value_in_quote`, the quote's numbers held only as a bound of direction `bound` when given."""
    wanted, unread = _value_numbers(value)
    held = numbers_in(quote)
    # "1 in 5 patients": one share, no 5 patients nor a bare 5 ("5" is its M; a share claimed holds its M as its own)
    if "in" in quote and (_unit_text(value, wanted) or not any(w.share for w in wanted)):
        shares = _plain(quote)
        held = [h for h in held if not share_of(shares, h.start, float(h.value))]
        # ... nor a count of one patient: the N of "N in M things" is the share's, no count of them (the share is held)
        starts = {m.start() for m in _SHARE.finditer(shares) if m.group("join").lower() == "in"}
        held = [h for h in held if h.share or h.start not in starts]
    if bound is not None:
        plain_quote, factor = _plain(quote), _factor_value(value, wanted)
        held = [h for h in held if _bound_at(plain_quote, h, factor) == bound]
    if unread or not wanted:
        shown = list(dict.fromkeys(h.text for h in held))
        return QuotedValue(False, shown, [], _unreadable(value, unread))
    value_unit = _unit_text(value, wanted)
    try:
        # a range the claim writes in words ("between 20 and 25 minutes", "from 11 to 147 gCO2eq/kWh") is in its
        # unit as one written "20 to 25 minutes" is, never a unitless pair of numbers
        claim_unit = Interval.from_written(_RANGE_IN_WORDS.sub(r"\g<first> to ", value, count=1)).unit
        unitless = claim_unit == Interval.exact(1).unit
        if unitless and _RANGE_IN_WORDS.match(value):
            claim_unit = None       # "from 0.07 to 0.28": its numbers decide, as before
        elif _RANGE_IN_WORDS.match(value) and _range_printed_as_written(value, wanted, _plain(quote), held):
            claim_unit, unitless = None, True   # printed as written, in words kb reads no unit of: as before
    except KBError:
        claim_unit, unitless = None, True
    # Numbers of the quote with the unit kb reads after them, as intervals.
    #: each with the unit it was read in (as printed)
    with_units: list[tuple[_Number, Interval, str]] = []

    def read_in(n: _Number, unit: str) -> None:
        """`n` read in `unit`, a number kb computes with, where it is one (never where the claim has no unit)."""
        if not unitless:
            try:
                with_units.append((n, _printed_figure(n, unit), unit))
            except KBError:
                pass

    printed_unit: dict[tuple[int, int], str] = {}
    shown: dict[tuple[int, int], str] = {}
    plain = _plain(quote)
    printed = _plain(quote, commas=False)     # "0,5 kWh" shown as the quote prints it
    try:
        cands = extract_candidates([plain])
    except KBError:   # pragma: no cover - extraction never raises on text
        cands = []
    starts = [n.start for n in held]
    #: where the quote prints a figure with its own unit or noun ("8 NVIDIA GPUs"): what another number counts
    #: (the page's text before a passage holds no number of the quote: its header's nouns are the header's)
    owned = [(c.start, c.end) for c in cands if c.unit_text and c.start >= _held_from.get()]
    for c in cands:
        # a count per each of things the page does not name ("8 GPUs each"): its count, whose "each" is read below
        unit = "" if c.unit == "dimensionless" else c.unit if c.per == EACH_UNNAMED else c.rate_unit
        if unit.endswith("/item") and " per " in c.unit_text:
            # "25 kWh were used per run": a rate per run, which the extractor counts as items (never per query)
            den = c.unit_text.rsplit(" per ", 1)[1]
            if _reads_as_unit(f"{unit[:-len('/item')]}/{den}", nouns=True):
                unit = f"{unit[:-len('/item')]}/{den}"
            elif den[:1].isdigit() and _denominator(den) is not None:
                unit = f"{unit[:-len('/item')]} per {den}"       # "energy per 1,000 queries was 2.9 kWh"
        # the figure's own noun, never its per's ("widgets" of "5 widgets per hour", not "hour")
        noun = _PER_WORD.split(re.sub(r"-\s+", "", printed[c.start:c.end]))[0].split()[-1] if c.unit_text else ""
        if (unit == "item" or unit.startswith("item/")) and noun and _reads_as_unit(noun) and not _is_count(noun):
            # "5 litres", "3 acres per household": a volume, an area (per household), which the extractor counts
            unit = noun + unit[len("item"):]
        if unit and noun and _is_count(unit) and _is_count(noun) and _noun_key(unit) in ("item", _noun_key(noun)):
            # "100,000 cores", "8.1M open access pa- pers": a count of those; "12 GPU nodes", "8 CPU
            # cores": of nodes and cores on that hardware (never "12 GPUs", nor "8 GPU cores")
            unit = _count_phrase_of(re.sub(r"-\s+", "", printed[c.start:c.end]), noun)
        # a number with a unit of its own ("80GB" of "8 NVIDIA A100-SXM4-80GB GPUs") is not the candidate's
        first = bisect.bisect_left(starts, c.start - 1)     # the numbers starting inside it, no scan of all
        # ... or at its sign, which the extractor leaves out ("-20%", "+20%": the unit is the signed number's too)
        inside = [n for n in held[first:bisect.bisect_right(starts, c.end)] if n.end <= c.end and n.unit is None
                  and (n.start >= c.start or plain[n.start] in "-−+")]
        rate = None
        if unit and c.kind in ("quantity", "range") and inside and "/" not in unit and " per " not in unit:
            # "2.9 kWh per 1,000 images", "0.2 kWh of electricity per hour", "3 kg of CO2 per web page"
            rate = _rate_from(plain, c.end, unit)
        if rate is None and unit and (c.kind == "quantity" and len(inside) == 1 or c.kind == "range" and inside) \
                and "/" not in unit and _RATE_SPLIT.search(plain, c.end, c.end + 6):
            rate = _unit_after(plain, inside[-1])
            if not (rate and _amount(rate) and not _reads_as_unit(rate) and _reads_as_unit(_amount(rate))
                    and parse_unit(_amount(rate)) == parse_unit(unit)):
                rate = None         # "2 kWh per run": per run, which the extractor does not count
        unit = rate or unit
        # where the candidate's number ends: past the currency sign it prints before it ("$15", "US$15"), which its
        # number leaves out
        number_end = _CURRENCY_LEAD.match(plain, c.start).end() + len(c.number.rstrip())
        for n in inside:
            if unit and c.kind == "quantity" and n.end == number_end:
                shown[(n.start, n.end)] = " ".join(printed[n.start:c.end].split())
            if unit and (c.kind == "range" or c.kind == "quantity" and n.end <= number_end):
                printed_unit[(n.start, n.end)] = unit     # "$0.43–$0.74/hr": both numbers per hour
            if unit and not unitless:
                try:
                    with_units.append((n, _printed_figure(n, unit), unit))
                except KBError:
                    # "kWh per 1,000 images", "g per 1 kWh": no unit kb computes with, but a rate:
                    # 2.9 Wh/image, 12 g/kWh
                    figure = _per_figure(n, unit)
                    if figure is not None:
                        with_units.append((n, figure, unit))
                try:
                    if _per_holds(per, unit):     # "10-20 kWh per day", per "day": 10,000 Wh
                        with_units.append((n, _printed_figure(n, _amount(unit)), unit))
                except KBError:
                    continue
    for n in held:
        if n.unit is not None:      # "two orders of magnitude": a factor
            printed_unit[(n.start, n.end)] = n.unit
            if not unitless:
                with_units.append((n, _printed_figure(n, n.unit), n.unit))
        elif plain[n.start:n.start + 1] in ("-", "−") and (n.start, n.end) not in printed_unit \
                and _PERCENT_WORDS_AFTER.match(plain, n.end):
            # "-20%", which the extractor reads no figure of: a percentage all the same, never a bare -20 nor 20
            printed_unit[(n.start, n.end)] = "%"
            shown[(n.start, n.end)] = " ".join(printed[n.start:n.end].split()) + "%"
            if not unitless:
                with_units.append((n, _printed_figure(n, "%"), "%"))
    # A list whose unit is printed after its last number ("62, 74, 112, 121 days", "2, 4 and 8 GPUs"):
    # each number of it is in that unit, never in any other
    for n, nxt in reversed(list(zip(held, held[1:]))):
        unit = printed_unit.get((nxt.start, nxt.end))
        if unit and (n.start, n.end) not in printed_unit and n.unit is None and _PLAIN_DIGITS.fullmatch(n.text) \
                and (_LIST_JOIN.fullmatch(plain, n.end, nxt.start) or _PLUS_MINUS.fullmatch(plain, n.end, nxt.start)) \
                and _PLAIN_DIGITS.fullmatch(nxt.text):
            printed_unit[(n.start, n.end)] = unit
            read_in(n, unit)
    # A range from a figure to another whose unit is printed after its last, each labelled ("from 5.4 × 10−5 for the
    # smallest model, BLOOMz-560M to 1.0 × 10−4 kWh for the biggest one"): its first in that unit, never in any other
    for i, n in enumerate(held):
        if (n.start, n.end) in printed_unit or n.unit is not None \
                or _FROM_BEFORE.search(plain, max(0, n.start - 30), n.start) is None:
            continue
        # the range's last figure, past any a name in the label holds ("560M" of "BLOOMz-560M")
        nxt = next((m for m in held[i + 1:] if (m.start, m.end) in printed_unit and m.start - n.end < 160
                    and _LABEL_TO.fullmatch(plain, n.end, m.start)), None)
        if nxt is None:
            continue
        unit = printed_unit[(nxt.start, nxt.end)]
        printed_unit[(n.start, n.end)] = unit
        read_in(n, unit)
    # "39.3 papers (SD=21)", "3.2 kWh (SD 0.4)": a spread bracketed after its figure's unit or noun is in that unit
    for n, nxt in zip(held, held[1:]):
        unit = printed_unit.get((n.start, n.end))
        if unit and (nxt.start, nxt.end) not in printed_unit and nxt.unit is None \
                and _SPREAD_AFTER_UNIT.fullmatch(plain, n.end, nxt.start) and _INTERVAL_SHUTS.match(plain, nxt.end):
            printed_unit[(nxt.start, nxt.end)] = unit
            if not unitless:
                try:
                    with_units.append((nxt, _printed_figure(nxt, unit), unit))
                except KBError:
                    pass
    # "rose 5 points, from 80% to 85%": points of a percentage, as "5 pp" writes them; a claim in
    # percentage points only, and only where the sentence speaks of percentages (a score's or a scale's
    # points are no percentage's: "BLEU improved by 5 points")
    if _POINTS_UNIT.fullmatch(value_unit.strip()):
        for n in held:
            if _percent_points(plain, n):
                printed_unit[(n.start, n.end)] = "pp"
                with_units.append((n, _printed_figure(n, "pp"), "pp"))
    # A number the extractor gave no unit, printed before a unit kb reads ("35 µs", "25 °C",
    # "3 ‰"): that unit is its own, so "0.035 ms", "298.15 K" or "0.3 %" may be its figure.
    # A table's cell takes its unit from its row's label or its columns' headers ("Emissions
    # (lbs) NAS 626,155"): one of those, never another unit, is its figure's.
    labelled: dict[tuple[int, int], list[str]] = {}
    if not unitless:
        for n in held:
            if (n.start, n.end) in printed_unit:
                continue        # a unit read already
            if not any(c.isdigit() for c in n.text):
                if not _PERCENT_WORDS_AFTER.match(plain, n.end):
                    continue    # a count in words ("ten tasks"), but "twenty-three percent" is 23%
                unit = "percent"
            else:
                unit = _unit_after(plain, n)
            cur = _currency_of(n) if unit is None else None
            # "5 L per 100 km": per 100 km; "$0.50/1M tokens": dollars per a million tokens
            unit = _rate_from(plain, n.end, cur) if cur else _rate_after(plain, n, unit)
            units = [unit] if unit is not None else []
            if unit is None and _maybe_cell(plain, n):
                units = _header_units(plain, n, claim_unit)
                if units:
                    labelled[(n.start, n.end)] = units
            if not units:
                continue
            printed_unit[(n.start, n.end)] = units[0]
            for unit in units:
                figure = _per_figure(n, unit)
                if figure is not None:
                    with_units.append((n, figure, unit))
                try:
                    if figure is None:
                        with_units.append((n, _printed_figure(n, unit), unit))
                    if _per_holds(per, unit):
                        with_units.append((n, _printed_figure(n, _amount(unit)), unit))
                except KBError:
                    continue
    # "CO2 emissions of 25 kg", "25 kg of the greenhouse gas carbon dioxide": a mass the quote
    # says is CO2 holds "25 kg CO2e" (kb reads "CO2" as CO2e everywhere)
    if claim_unit is not None and "[co2e]" in dict(claim_unit.dimensionality):
        for n in held:
            for unit in labelled.get((n.start, n.end)) or [printed_unit.get((n.start, n.end))]:
                amount = unit and (_amount(unit) or unit)
                if not amount or not _is_mass(amount) or not _gas_named(plain, n):
                    continue
                gas = [f"{amount} CO2e"]        # "25 kg per query": 25 kg CO2e per query
                if amount != unit:
                    rate = f"{gas[0]}/{_RATE_SPLIT.split(unit, maxsplit=1)[1]}"
                    gas = [rate, gas[0]] if _per_holds(per, unit) else [rate]
                for text in gas:
                    try:
                        with_units.append((n, _printed_figure(n, text), text))
                    except KBError:
                        continue
    # "3.6 (3.1–4.2) kWh": the unit after an interval's bracket is its figure's and its bounds'; "3.6 kWh (95% CI
    # 3.1-4.2)": the figure's unit is its bounds'
    intervals = _intervals(plain, held)
    for fig, lo, hi, end in intervals:
        unit = printed_unit.get((fig.start, fig.end)) or _unit_after(plain, _Number("", end, end, Decimal(0), Decimal(0)))
        for n in (fig, lo, hi) if unit is not None else ():
            if (n.start, n.end) not in printed_unit:
                printed_unit[(n.start, n.end)] = unit
                try:
                    if not unitless:
                        with_units.append((n, _printed_figure(n, unit), unit))
                    if not unitless and _per_holds(per, unit):      # "kWh per run", per "run": its amount
                        with_units.append((n, _printed_figure(n, _amount(unit)), unit))
                except KBError:
                    continue
    kept = _drop_groups(plain, held)
    if len(kept) < len(held):
        ids = {(n.start, n.end) for n in kept}
        held = kept
        with_units = [(n, iv, u) for n, iv, u in with_units if (n.start, n.end) in ids]
    # "15x", "15 times": a factor, which a number printed with a physical unit ("15 kWh") is not, nor
    # a count ("400 cards")
    factor = claim_unit is not None and unitless and bool(value_unit)
    # an amount claimed per something ("5 kg CO2e", per flight): the per its figure prints, or none where the
    # quote prints the per in no other rate ("5 kg CO2e ... one flight per year"); a rate's per ("50 kWh/day",
    # per household) is a second one, which the quote may say of its subject
    own_per = bool(per) and not _amount(value_unit)
    elsewhere = own_per and _per_of_another(plain, per)
    # a total ("8 GPUs", "25 kWh", no per): never a figure the quote prints per something its unit does not say
    # ("8 GPUs per node", "eight accelerators on every server", "25 kWh in each run", "8 GPUs each")
    total = not per and bool(value_unit) and not unitless and claim_unit is not None \
        and not _RATE_SPLIT.search(value_unit)
    #: ... a count's total never one the quote prints for each of what it names before ("8 GPUs" of "64 nodes with 8
    #: GPUs each"; "300 W each" is each one's power)
    count = total and _counts_things(claim_unit)
    bare = claim_unit is not None and unitless and not value_unit
    #: a claim that is a factor ("3x", "3 times", "3-fold", "threefold", "twice"): held only by a number the quote prints
    #: as a factor (`_factor_printed`), never by a bare one ("1.58x" of "the average was 1.58")
    factor_claim = unitless and any(_factor_claimed(value_unit, w) for w in wanted)
    #: ... a bare number, no per, holds a count's number as the count would ("8" of "8 GPUs"), so never one the
    #: quote prints per things ("8" of "8 GPUs per node", "each node has 8 GPUs", "64 nodes with 8 GPUs each")
    bare_total = bare and not per
    #: a claim whose unit the quote must state for it: any but a factor's ("3x" of "a speed-up of 3")
    stated = claim_unit is not None and bool(value_unit) and not _FACTOR_UNIT.fullmatch(value_unit.strip())
    unstated: list[_Number] = []
    labels: list[tuple[str, str, str]] = []     # a value's number, the label the quote prints it in, the claim's noun
    start = _held_from.get()
    missing: list[str] = []
    dropped: str | None = None
    scale = _SHARE_SCALE.get(value_unit.strip().lower()) if claim_unit is not None else None
    # an uncertainty ("± 0.1 kWh", "(SD 0.4)", "95% CI 78.1-84.3") holds only a value that writes one
    spread = set() if _SPREAD_IN_VALUE.search(value) else _spreads(plain, held)
    if len(wanted) == 2 and _INTERVAL_JOIN.fullmatch(_plain(value), wanted[0].end, wanted[1].start):
        # "3.1–4.2 kWh" of "3.6 (3.1, 4.2) kWh": the interval whole is a range the quote gives, never one bound
        spread -= {(n.start, n.end) for _, lo, hi, _ in intervals for n in (lo, hi)
                   if (lo.value, hi.value) == (wanted[0].value, wanted[1].value)}
    quoted_held = held
    if spread:
        held = [h for h in held if (h.start, h.end) not in spread]
        with_units = [(n, iv, u) for n, iv, u in with_units if (n.start, n.end) not in spread]
    # a fall written in words ("fell by 5%", "a 5% decrease") is the signed change a value may write
    # ("-5%"); "+5%" of it is the wrong direction, a bare "5%" its size
    rising = any(w.text.startswith("+") for w in wanted)
    falls = _falls(plain, held) if rising or any(w.value < 0 for w in wanted) else set()
    if rising:
        # "+5%" claims a rise the quote gives, never a level ("was 5%", "from 5% to 2%") nor a fall
        rises = _rises(plain, held)
        # ... and a signed range's other end, printed with its minus ("-0.5 to +0.5" of "between -0.5 to +0.5")
        rises |= {(h.start, h.end) for h in held if h.value < 0 and plain[h.start:h.end].lstrip()[:1] in "-−"
                  and any(w.value == h.value for w in wanted)}
        held = [h for h in held if (h.start, h.end) in rises]
        with_units = [(n, iv, u) for n, iv, u in with_units if (n.start, n.end) in rises]
    elif falls:
        twins = {(h.start, h.end): _Number(f"-{h.text}", h.start, h.end, -h.value, h.half, h.unit, h.share, h.change)
                 for h in held if (h.start, h.end) in falls}
        held = sorted(held + list(twins.values()), key=lambda n: (n.start, n.end))
        with_units += [(twins[(n.start, n.end)], -iv, u) for n, iv, u in with_units if (n.start, n.end) in twins]
    #: a percentage without a sign of a change a word gives ("50%" of "halved"): a cut's size or a level of 50%, which
    #: kb cannot tell apart ("utilisation halved" from 80% is no "50%"), so only its signed form ("-50%") holds it
    unsigned: list[tuple[_Number, _Number]] = []
    for w in wanted:
        changed = [h for h in held if h.share and h.start >= start and _share_rounds(h, w, scale)
                   and not (h.change == "rise" and scale == 1)
                   and not (h.change == "fall" and scale == 1 and _AS_MUCH_ENDS.search(plain, h.start, h.end))] \
            if scale is not None else []
        signed_w = w.text.lstrip()[:1] in "+-−"
        if any(not h.change or scale == 1 or signed_w for h in changed):
            continue            # "67%" of "two thirds", "20%" of "one in five"; "+100%" of "doubled", never a bare 1
        if changed:
            unsigned.append((w, changed[0]))
        if bare:
            # "1287" of "1,287 MWh": a figure without the unit its quote prints it with is no figure
            same = [h for h in held if h.value == w.value]
            drops = [h for h in same if not _currency_of(h) and _drops_unit(printed_unit.get((h.start, h.end))
                                                                             or _unit_after(plain, h))
                     or _currency_of(h) is not None or _other_money(plain, h)]
            if same and len(drops) == len(same):
                h = drops[0]
                money = _OTHER_MONEY_BEFORE.search(plain, max(0, h.start - 5), h.start)
                if money is not None and not _currency_of(h):      # "¥300 million", as printed
                    shown.setdefault((h.start, h.end), " ".join(printed[money.start():h.end].split()))
                dropped = dropped or shown.get((h.start, h.end)) or " ".join(
                    f"{printed[h.start:h.end]} {printed_unit.get((h.start, h.end)) or ''}".split())
                missing.append(w.text)
                continue
            held_w = [h for h in held if h not in drops]
        else:
            held_w = held
        holding = [h for h in held_w if h.start >= start and (not start or (h.start, h.end) in labelled)
                   and h.value == w.value and h.change != "rise"     # "doubled" holds "+100%", never a 1
                   and not _adds_precision(w, _printed_half(h))    # "81.10M" of "81.1M": a digit the page never prints
                   # "a third as many" holds "-67%", never a bare 0.67 (its ratio is a third)
                   and not (h.change == "fall" and _AS_MUCH_ENDS.search(plain, h.start, h.end))
                   and _money_agrees(h, printed_unit.get((h.start, h.end)), claim_unit, unitless)
                   and not (factor_claim and not _factor_printed(plain, h, value_unit))   # "1.58x" of "was 1.58"
                   # "10" of "an order of magnitude", "2" of "twice": a factor in words holds a factor, no bare number
                   and not (bare and h.unit == "x" and h.change is None and not h.share)
                   and not (factor and (_has_dimension(printed_unit.get((h.start, h.end)) or _unit_after(plain, h))
                                        or _count_word_after(plain, h) is not None
                                        or colon_citation(plain, h.start, h.end)
                                        or times_not_factor(plain, h.start, h.end)
                                        # "a factor of 130", "130 times more" of "130 times out of 400 cards": a
                                        # count of times, which only its words ("130 times", "130x") copy
                                        or (times_repeated(plain, h.end) or _times_done(plain, h.start, h.end))
                                        and value_unit.strip().lower() not in ("times", "x", "×")
                                        # "5x" of "5-fold cross-validation": no factor ("5-fold" copies its words)
                                        or cross_folds(plain, h.end) and "fold" not in value_unit
                                        or _is_count(printed_unit.get((h.start, h.end)))))
                   and not _no_figure_for(plain, h, value_unit, claim_unit)
                   and not _count_label(plain, h, value_unit, claim_unit)   # "10 tasks" of "task 10": a label, no count
                   and not (value_unit and _is_verb_after(plain, h))   # "17 says which": no count of 'says'
                   and _things_said(plain, h)   # "8 A100 GPUs" (read as "8 GPUs") never of "8 V100 GPUs"
                   and not flat_power(plain, h.start, h.end)    # "1010" of "1010 to 1015 binary digits": 10¹⁰
                   and not spaced_exponent(plain, h.start)   # "16" of "2.2e − 16": an exponent
                   and not equation_term(plain, h.start, h.end)   # "11" of "2x − 40x − 11 = 0": a term
                   and (not own_per or _per_fits(plain, h, labelled.get((h.start, h.end))
                                                 or [printed_unit.get((h.start, h.end))], per, elsewhere))
                   and not (total and _a_rate(plain, h, labelled.get((h.start, h.end))
                                              or [printed_unit.get((h.start, h.end))], count))
                   and not (bare_total and _count_rate(plain, h, printed_unit.get((h.start, h.end))))
                   and (_prints_same_unit(plain, h, value_unit) and (h.start, h.end) not in labelled
                        and ((h.start, h.end) not in printed_unit or bool(_UNIT_START.match(plain[h.end:].lstrip(" "))))
                        or any(_same_figure(h, unit, value_unit, claim_unit, unitless, w, plain, per)
                               for unit in labelled.get((h.start, h.end)) or [printed_unit.get((h.start, h.end))]))]
        # a number printed with no unit at all holds the number of a claim with one, never its unit: "84" of
        # "P100x8 1515.43 84 201 192" is no "84 kWh" (nor "84 h") until a header or a word states one
        bare_only = stated and bool(holding) and all(
            (h.start, h.end) not in printed_unit and (h.start, h.end) not in labelled
            and _unit_unstated(plain, h, value_unit, owned) for h in holding)
        if holding and not bare_only:
            continue
        if not holding and unitless and scale == 1 and 0 < w.value < 1 and w.text.lstrip()[:1] not in "+-−" and any(
                h.start >= start and h.change is None and not h.share and h.value == w.value * 100
                and not _adds_precision(w, _printed_half(h) / 100)    # "0.940" of "94%": a digit the page never prints
                and _PERCENT_WORDS_AFTER.match(plain, h.end) and not _falls(plain, [h]) and not _rises(plain, [h])
                for h in held):
            # "0.76" of "76% accuracy": the percentage as a part of one, its digits all kept; never a change's size
            # ("fell by 30%" is no ratio 0.3)
            continue
        found = False
        if not unitless:
            try:
                # "50 L/1000 km": the number over its denominator's, as the value reads
                mine = Interval.from_written(f"{w.text.lstrip('+')} "
                                             f"{value_unit if per_figure(value_unit) else Interval.from_written(value).unit_text}")
            except KBError:
                mine = None
            points = bool(_POINTS_UNIT.fullmatch(value_unit.strip()))
            for n, iv, unit in with_units:
                if mine is None:
                    break
                if n.start < start or start and (n.start, n.end) not in labelled:
                    continue        # a number of the page before the quote (its header's unit is no figure),
                    # and one the page's text gives no header's unit (the quote alone decided it)
                if not _money_agrees(n, unit, claim_unit, unitless) or _kinds_differ(unit, value_unit) \
                        or _counts_other_things(plain, n, unit, value_unit) or not _things_said(plain, n):
                    continue
                if points and not _POINTS_UNIT.fullmatch((unit or "").strip()):
                    continue        # "33 pp" of "one third": a share is a level, never a difference of two
                if spaced_exponent(plain, n.start) or equation_term(plain, n.start, n.end) \
                        or flat_power(plain, n.start, n.end) and not _TIMES_BEFORE.search(plain, max(0, n.start - 3),
                                                                                          n.start):
                    continue        # "11 items" of "x^2 + 3x = 11 items", "5 steps" of "3e − 5 steps", "105 kg" of
                    # "about 104 and 105 kilograms" (10⁴ and 10⁵ printed flat): no figure ("1024 pixels" of "2 × 1024
                    # pixels" is one, a product's)
                if _count_label(plain, n, value_unit, claim_unit):
                    continue        # "5 results" of "5 Results Table 1 presents": a section's number, no count
                if n.change and not signed_w and scale is not None and scale != 1:
                    continue        # "50%" of "halved": a cut's size or a level (above)
                if own_per and not _per_fits(plain, n, [unit], per, elsewhere):
                    continue        # a claim per flight: a figure the quote prints per flight, never another's
                if total and _a_rate(plain, n, [unit], count):
                    continue        # "8 GPUs" of "8 GPUs per node": a rate, no total
                try:
                    conv = iv.to(claim_unit)
                except KBError:
                    continue
                if _unit_swapped(n, w, conv, mine):
                    continue
                if _adds_precision(w, (conv.hi - conv.lo) / 2 * (float(_printed_half(n) / n.half) if n.half else 1),
                                   (mine.hi - mine.lo) / 2):
                    continue        # "1.50 t" of "1.5 t", "1500.0 kg" of "1.5 t": a digit the page never prints
                if _close(conv.nominal, (conv.hi - conv.lo) / 2, mine.nominal, (mine.hi - mine.lo) / 2) \
                        or iv.unit != claim_unit and not _decimal_shift(iv, conv) and _rounded(conv, mine):
                    found = True
                    break
        if not found:
            missing.append(w.text)
            if bare_only:
                unstated.append(holding[0])
            named = [(h, lab) for h in held_w if h.start >= start and h.value == w.value
                     and (lab := _count_label(plain, h, value_unit, claim_unit))]
            if named:
                labels.append((w.text, named[0][1], value_unit.strip()))
    held = quoted_held
    inside_spaced = _within_others(held, [h for h in held if " " in h.text])
    numbers = [shown.get((h.start, h.end), printed[h.start:h.end].strip()) for h in held
               if (h.start, h.end) not in inside_spaced and h.start >= start]
    fell = [h for w in wanted if w.text.startswith("+") and w.text in missing
            for h in held if (h.start, h.end) in falls and (h.value == w.value or h.share and scale is not None
                                                            and _share_rounds(h, w, scale))]
    if fell and not _value_in_quote(value.replace("+", "-", 1), quote, per, bound).ok:
        fell = []
    if fell:
        said = shown.get((fell[0].start, fell[0].end), printed[fell[0].start:fell[0].end].strip())
        return QuotedValue(False, list(dict.fromkeys(numbers)), missing, problem=(
            f"the value {value!r} is a rise, but its quote gives {said!r} as a fall: "
            f"write the change as {'-' + value.strip().lstrip('+')!r}"
            f"{'' if fell[0].change else ', or its size without a sign'}"))
    signed = [w for w in wanted if w.text in missing and (w.text.startswith("+") or w.value < 0)]
    level = [h for h in held for w in signed[:1] if not h.text.startswith(("+", "-", "−")) and (
        h.value == abs(w.value) or h.share and scale is not None and h.value > 0
        and _share_rounds(h, _Number(w.text, w.start, w.end, abs(w.value), w.half), scale))]
    if level and len(missing) == len(wanted) and (level[0].change or _value_in_quote(
            value.replace("+", "", 1).replace("-", "", 1).replace("−", "", 1), quote, per, bound).ok):
        h, w = level[0], signed[0]
        kind = "a rise" if (h.start, h.end) in _rises(plain, [h]) else "a fall" if (h.start, h.end) in falls \
            else "no change of either sign"
        return QuotedValue(False, list(dict.fromkeys(numbers)), missing, problem=(
            f"the value {value!r} writes {'a rise' if w.value > 0 else 'a fall'}, but its quote gives "
            f"{shown.get((h.start, h.end), printed[h.start:h.end].strip())} as {kind}: write the value as its "
            f"quote gives it"))
    if unsigned and len(missing) == len(wanted):
        w, h = unsigned[0]
        sign = "+" if h.change == "rise" else "-"
        return QuotedValue(False, list(dict.fromkeys(numbers)), missing, problem=(
            f"the value {value!r} may be the size of the change its quote gives in a word "
            f"({' '.join(printed[h.start:h.end].split())!r}) or a level, which kb cannot tell apart: write the change "
            f"signed, as {value.replace(w.text, sign + w.text, 1)!r}"))
    errors = [h for h in held if (h.start, h.end) in spread and any(h.value == w.value for w in wanted)]
    if missing and errors and len(missing) == len(wanted):
        h = errors[0]
        bounds = [(lo, hi, end) for fig, lo, hi, end in intervals if h in (lo, hi)]
        if bounds:
            lo, hi, end = bounds[0]
            unit = printed_unit.get((lo.start, lo.end))
            whole = f"{printed[lo.start:lo.end]}–{printed[hi.start:hi.end]}{' ' + unit if unit else ''}"
            return QuotedValue(False, list(dict.fromkeys(numbers)), missing, problem=(
                f"the value {value!r} is a bound of an interval its quote gives ("
                f"{' '.join(printed[_interval_start(plain, lo):end].split())!r}), not a figure: claim the figure, "
                f"or the interval whole ({whole!r})"))
        return QuotedValue(False, list(dict.fromkeys(numbers)), missing, problem=(
            f"the value {value!r} is an uncertainty its quote gives ({_spread_phrase(printed, plain, h)!r}), "
            f"not a figure: claim the figure, or the figure with it ('<figure> ± {value.strip()}')"))
    dotted = [(w, h) for w in wanted if w.text in missing and "." in w.text for h in held
              if printed[h.start:h.end] == w.text and h.value != w.value]
    if dotted and len(missing) == len(wanted):
        # "1.287 MWh" copied from a quote that writes "1.287,5": its thousands are dots, and its 1.287 is 1,287
        w, h = dotted[0]
        example = next((printed[n.start:n.end] for n in held if "," in printed[n.start:n.end]
                        and "." in printed[n.start:n.end] or printed[n.start:n.end].count(".") > 1), printed[h.start:h.end])
        return QuotedValue(False, list(dict.fromkeys(numbers)), missing, problem=(
            f"the value {value!r} reads {w.text!r} as {w.value.normalize():f}, but its quote writes its thousands with dots "
            f"({example!r}), so its {w.text!r} is {h.value:,}: write the value as "
            f"{value.replace(w.text, f'{h.value:,}', 1)!r}"))
    rate = None
    if missing and not _naming_rate.get():
        # a per named here, never the claim's own: with it the claim's value was tried already; the
        # rate's is looked for once (without naming one in turn, two rates would name each other), and
        # only of rates whose number has the value's digits ("25 gCO2e per hour" for "0.025 kg CO2e"),
        # at most two: each try reads the quote again, and a hostile quote prints thousands of rates
        digits = {_digits(w.value) for w in wanted}
        tried: list[str] = []

        def tries(den: str | None) -> bool:
            """Whether the value holds per `den`, a per not tried yet; the tries end there or at the second."""
            nonlocal rate
            if not den or den == per or den in tried:
                return False
            tried.append(den)
            if _holds_per(value, quote, den):
                rate = den
            return rate is not None or len(tried) == 2

        for h in held:
            unit = printed_unit.get((h.start, h.end))
            den = _RATE_SPLIT.split(unit, maxsplit=1)[1].strip() if unit and _amount(unit) else None
            if _digits(h.value) in digits and tries(den):
                break
        each = None
        for h in held if rate is None and (total or own_per or bare_total) else ():
            # "8 GPUs" of "8 GPUs per node", "8 GPUs" per rack of "8 GPUs in each node": the per its figure prints,
            # which its unit does not say
            if _digits(h.value) not in digits or h.start < start:
                continue
            if bare_total and not _count_rate(plain, h, printed_unit.get((h.start, h.end))):
                continue
            printed_per = _rate_unread(plain, h, labelled.get((h.start, h.end)) or [printed_unit.get((h.start, h.end))])
            den = _RATE_SPLIT.split(printed_per, maxsplit=1)[1].strip() if printed_per else printed_per
            if den == "" and (count or bare_total or total and _each_distributes(
                    plain, h, labelled.get((h.start, h.end)) or [printed_unit.get((h.start, h.end))])):
                each = each or h
            if tries(den):
                break
        if rate is None and each is not None:
            return QuotedValue(False, list(dict.fromkeys(numbers)), missing, problem=(
                f"the value {value!r} is a total, but its quote gives "
                f"{' '.join(printed[slice(*_each_printed(plain, each))].split())!r} for each of "
                f"something it names: give --per with what it is per"))
    if not missing and own_per and not elsewhere and not _naming_rate.get() and not _per_said(plain, per) \
            and not any(_unsaid_per_given(plain, h, labelled.get((h.start, h.end)) or [printed_unit.get((h.start, h.end))],
                                          per) for h in held if _digits(h.value) in {_digits(w.value) for w in wanted}):
        # "1,080 kWh" per day of "the cluster used 1,080 kWh": a figure the quote gives, but "per day" says what it
        # does not; a per it words otherwise ("daily", "each day", "/d", "per diem") is said
        return QuotedValue(False, list(dict.fromkeys(numbers)), [w.text for w in wanted], unsaid=per.strip())
    return QuotedValue(not missing, list(dict.fromkeys(numbers)), missing, rate=rate, per=per if rate else None,
                       unit=dropped if missing and not rate else None,
                       unstated=" ".join(printed[unstated[0].start:unstated[0].end].split())
                       if unstated and len(unstated) == len(missing) and not rate else None,
                       labels=labels[0] if labels and len(labels) == len(missing) and not rate else None)


def _each_printed(plain: str, number: _Number) -> tuple[int, int]:
    """Where the quote prints `number`'s figure with the "each" that makes it per each of something: "8 GPUs each",
    "each have 8 GPUs"."""
    after = _EACH_AFTER.search(plain, number.end, number.end + 40)
    if after is not None:
        return number.start, after.end()
    before = _EACH_VERB_BEFORE.search(plain, max(0, number.start - 80), number.start)
    noun = _A_WORD.match(plain, number.end + 1) if number.end < len(plain) and plain[number.end] == " " else None
    return (before.start("each") if before is not None else number.start), (noun.end() if noun else number.end)


def _digits(value: Decimal) -> tuple[int, ...]:
    """A number's significant digits, wherever its point stands: 25 and 0.025 are (2, 5)."""
    return value.normalize().as_tuple().digits if value else (0,)


def _within_others(numbers: list[_Number], spans: list[_Number]) -> set[tuple[int, int]]:
    """The (start, end) of each of `numbers` lying inside one of `spans` other than itself ("287" of
    "1 287"): one pass over both, in order of where they start, however many a quote prints."""
    found: set[tuple[int, int]] = set()
    order = sorted({(s.start, s.end) for s in spans})
    # the two spans reaching furthest of those started so far: one of them holds the number if any does
    best: list[tuple[int, int]] = []       # (end, start), furthest first
    k = 0
    for n in sorted(numbers, key=lambda n: (n.start, n.end)):
        while k < len(order) and order[k][0] <= n.start:
            best = sorted(best + [(order[k][1], order[k][0])], reverse=True)[:2]
            k += 1
        if any(end >= n.end and (start, end) != (n.start, n.end) for end, start in best):
            found.add((n.start, n.end))
    return found


def claim_doubt(status: str | None, value: str, quote: str | None, per: str | None = None,
                passage: str | None = None, before: str = "") -> str | None:
    """Why a claim does not stand verified, or None when it does: it was stored
    unverified, it has no quote, or its value is not among its quote's numbers
    (`value_in_quote`; a value edited by hand in claims/*.toml after kb verified it).
    The one decision `kb claims` (through the index, kb.ops.derive), `kb check` and
    `kb verify` share. A value whose every number is printed in the quote with the
    value's unit as written, or bare with no unit asked of it, stands without reading units
    (pint is loaded only to read the quote's other units and compare figures). A value whose
    unit kb cannot read ("522 smartphone charges", "11.49 foo-bars") never stands: its number
    alone is no figure. `passage` and `before`: the paper's text the quote was found in and the
    page's before it, read as `value_in_quote` reads them (the paper's printing decides)."""
    unread = unreadable_figure(value)
    if unread is not None:      # "0x10 kWh": no figure, whatever its status, as kb check and kb claim add say
        return f"cannot read the value {value!r}: {unread}"
    if unquoted(quote):         # whatever it is marked ("verified" written by hand): nothing stands for it
        return NO_QUOTE
    doubt = _claim_doubt(status, value, quote, per)
    if passage is None and doubt is not None and status == "verified" and value_in_quote(value, quote, per).unsaid:
        # a per the quote alone does not say, which the page before it may (kb holds no text of it): the
        # page decides, where kb holds it; here, no text decides nothing (kb claims says "no text")
        return None
    if passage is None or status != "verified":
        return doubt
    if doubt is None:
        wrong = misread(value, quote, passage, per)
        return None if wrong is None else wrong.reason(value)
    if value_in_quote(value, quote, per, passage, before).ok:
        return _unit_unread(value)
    return doubt


#: Why a claim without a quote does not stand, whatever it is marked: what kb claims, kb check, kb verify and
#: kb doctor all say of it (`claim_doubt`).
NO_QUOTE = "no quote"


def unquoted(quote: str | None) -> bool:
    """Whether a claim has no quote to stand on: none, or one of white space only (`quote = "  "`)."""
    return not (quote or "").strip()


def _claim_doubt(status: str | None, value: str, quote: str | None, per: str | None = None) -> str | None:
    """`claim_doubt` against the quote as typed."""
    if unquoted(quote):         # whatever it is marked, as kb verify says it: nothing stands for it
        return NO_QUOTE
    if status != "verified":
        return "stored unverified"
    hidden = unshowable(quote)
    if hidden is not None:       # matched without it: the quote shows other words than were verified
        return f"its quote holds {hidden}"
    quote = _unmarked(quote)
    wanted, unread = _value_numbers(value)
    if unread or not wanted:
        return _unreadable(value, unread)
    plain, unit = _plain(quote), _unit_text(value, wanted)
    # a change a word gives ("halved", "doubled") is judged as a change, by `value_in_quote`
    held = [h for h in _drop_groups(plain, numbers_in(quote)) if h.change is None]
    bound = bound_of(_plain(value))[0]
    if bound is not None:      # "up to 50%": only a number the quote prints as such a bound
        held = [h for h in held if _bound_at(plain, h) == bound]
    if not _SPREAD_IN_VALUE.search(value):     # "0.1 kWh" of "3.2 ± 0.1 kWh": the error bar, no figure
        spread = _spreads(plain, held)
        held = [h for h in held if (h.start, h.end) not in spread]
    if any(w.text.startswith("+") for w in wanted):     # "+5%" of "fell by 5%", of "was 5%": no rise
        rises = _rises(plain, held)
        held = [h for h in held if (h.start, h.end) in rises]
    # a claim of an amount with a per stands only where the per may be its figure's (`value_in_quote`)
    # (a count, "8 GPUs", is read: its quote may print it per things, "each node has 8 GPUs", `value_in_quote`)
    # (an amount "each" or "every" may distribute is read too: "they each used 5 kWh", "the runs used 5 kWh each",
    # "each run used 5 kWh" print it per each of them, `value_in_quote`)
    if not (per and not _amount(unit)) and not (unit and _counts_unit(unit)) and not (unit and _EACH_WORD.search(plain)) \
            and _spread_paired(value, quote) and all(any(h.value == w.value and _prints_same_unit(plain, h, unit)
               and not (unit and (h.unit is not None or _currency_of(h) or _other_money(plain, h)))  # "BLOOMz-560M",
               # "US$7.25", "¥300"
               and not (unit and _no_figure_for(plain, h, unit, Interval.exact(1).unit))     # "one in five", "92% (22)"
               and not (unit and _maybe_cell(plain, h) and _header_units(plain, h))
               # "1.58x" of "the average was 1.58", "threefold" of "3 weekly meetings": a factor only where printed as one
               and not (_factor_claimed(unit, w) and not _factor_printed(plain, h, unit))
               and not (unit and not _FACTOR_UNIT.fullmatch(unit) and not _UNIT_START.match(plain[h.end:].lstrip(" ")))
               and not (not unit and (_currency_of(h) or _other_money(plain, h)
                                      or _UNIT_START.match(plain[h.end:].lstrip(" "))
                                      or _PLUS_MINUS.match(plain, h.end) or _BRACKETED_THEN_UNIT.match(plain, h.end)))
               for h in held)
           for w in wanted):
        return _unit_unread(value) if unit or _words_beyond(value) else None
    found = value_in_quote(value, quote, per)
    if not found.ok:
        return found.reason(value)
    return _unit_unread(value) if unit or _words_beyond(value) else None


#: A word that may distribute an amount over things: "each", "every" (`_claim_doubt`).
_EACH_WORD = lazy(r"(?i)\b(?:each|every)\b")
#: A bracket after a figure, then a unit: "3.6 (3.1–4.2) kWh", whose unit may be the figure's (`_intervals`).
_BRACKETED_THEN_UNIT = lazy(r"[ ]?[(\[][^()\[\]]{1,60}[)\]][ ]?(?:[^\W\d_]|[%‰$€£°µ])")


def _words_beyond(value: str) -> bool:
    """Whether a value writes words kb must read as a unit besides what follows its last number: "95% CI
    78.1-84.3", "81.2 (0.4)" (which kb check reads no figure of, so they stand nowhere)."""
    try:
        parts = written_parts(value)
    except KBError:
        return any(c.isdigit() for c in value)      # a number in words ("one-third") is judged as before
    return bool(parts.unit_text or parts.tail_delta) or parts.pct_first


def _unit_unread(value: str) -> str | None:
    """Why kb cannot read a value's unit ("522 smartphone charges", a hand edit `kb claim add`
    refuses: its number alone is no figure), as `kb verify` says it; None when it reads."""
    try:
        Interval.from_written(value)
    except KBError as exc:
        return f"cannot read the value {value!r}: {exc.message}"
    return None
