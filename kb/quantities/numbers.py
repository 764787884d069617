"""Finding numbers with units in page text: the candidates of `kb claims extract`.

The page text is pypdf's, with its artefacts kept ("0 .954", "$3,20 1,722",
"tCO 2 e", triple spaces, "𝐶𝑂2𝑒𝑞" in math letters, a unit and its number on two
lines). Offsets of a candidate point into the original page string, so a person
can see exactly what was read.

What is a candidate:
- a number followed by a unit kb knows ("1,287 MWh", "0.022\\nkWh", "9%",
  "3.14E+23 FLOPs", "1.0 × 10−4 kWh", "$3,201,722", "18.7X", "15 times", "12GB",
  "60-minutes", "22.5 miles per gallon");
- a range with its unit ("21 to 78 metric tons", "80-90%", "0.06-2.9 kWh",
  "between 0.002 and 0.007 kWh", "$0.43–$0.74/hr", "~37M–58M tCO 2 e");
- a count with its noun ("we trained 12 models", "about 4 passengers", "81.1M
  English-language academic papers", "of which 6 are vitals", "Of the 126 citations,
  35 were ...", "8 V100s", "9 other countries", "1 postdoc", "8 male", "models (61)",
  "156.5M of which", "16x16GB DIMMs", "10 million users per day"): the noun is the unit
  when kb knows it as a count (kb.quantities.units), "item" otherwise; accelerators
  with their maker, model and version ("3 NVIDIA GTX 1080 Ti GPUs", "32,633 TPU v2
  hours", "256·A100"); the parameters of a "600B sparse MoE model";
- a count or ratio written in words ("ten tasks", "Four of the participants", "five
  times less"): kind "words", the number given in digits;
- a ratio ("a factor of over 300", "60 times more", "3x faster", "10-fold", "15:1");
- a named plain number: "a PUE of 1.2", "PUE coefficient of 1.58", "( PUE ) would be
  1.50", "a BLEU score of 29.7", "0.1 BLEU", "+13.5 BLEU", "learning rate of 0.001"
  (unit "PUE", or "dimensionless" with the name kept in unit_text and the sentence);
  an age ("mean age: 28.3; SD:4.1", in years); a rating scale's points ("5-point");
- a unit named before its numbers: "The peak TeraFLOPS/second is 46 for TPU v2, 123
  for TPU v3", "kWh per GPU hour to range from 0.07 to 0.28, compared to [34] with
  0.22 to 0.47" (the rest of the sentence keeps the unit), "CO2 (grams) per GPU hour
  ... to average 34";
- a number glued to the word before by the extractor, with a unit kb knows right
  after it ("took12days", "upto75%", "emitted10.5kg");
- "0.007 vs. 0.002 kWh": both numbers carry the unit written once;
- a table cell whose row label names the unit ("Energy Consumption (MWh) ... 1,287",
  "Datacenter PUE (...) 1.10", "Watts 187.1", "Papers w/ PDF 28.9M", "Pauses / hr
  0.23", "Cost parity (# inferences)"; a label wrapped onto the next line, a one-cell
  row beside wider rows), whose column header line does ("inference energy (kWh)" above
  "text classification 0.002 0.001"), or whose header row names several columns, with
  units the caption may complete ("Power (W) Hours kWh ·PUE CO 2e Cloud compute cost"
  and "CO 2 emissions (lbs) and cloud compute cost (USD)"; "Models Hours ..."; a
  "Number of Models" or "Papers" column; a header printed a word per line; rows with
  Yes/No cells or ending in a text column), whose caption names one unit ("(in number
  of tokens)"), and an accelerator count in a hardware name ("P100x8", "4·V100");
- a coefficient in an equation, "CO2e = 0 .954pt" (unit "dimensionless": the
  equation's variables carry the unit, a person must say which).

Not candidates: bare numbers, years (unless the unit is energy, mass, money,
percent or computation), citation numbers ("[51]", "[12, 15–17]"), numbers after
"Table", "Fig.", "Section", "Eq.", section headings ("5 Conclusions"), page numbers,
numbers inside names ("GPT-3", "BLOOMz-560M", "Scope 2 emissions", "DenseNet 201",
"seq2seq"), the 2 of "CO 2", numbers in URLs (also a URL's pieces broken over lines),
DOIs and arXiv identifiers, everything in a reference list, negative numbers, "one",
"two orders of magnitude". Misses that benchmarks/claims.py lists: a count whose noun
is left out ("three chose Topic 2"), "half a charge", a cell printed inside its
label ("Number of Parameters (B) 0.064 per model"); a mass printed without CO2 in a
sentence about emissions ("(2.36g for Flan-T5 base") stays a plain mass.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable

from kb.errors import KBError
from kb.quantities.interval import (
    EXPONENT,
    MANTISSA,
    MONEY_SCALE,
    SCALE_WORDS,
    TRILLION,
    WrittenNumber,
    decimal_commas,
    joined_groups,
    read_number,
)
from kb.quantities.units import count_forms, dimension_name, format_unit, parse_unit
from kb.text.lazyre import lazy
from kb.text.normalise import content_ranges

# ---------------------------------------------------------------- patterns

_NUM = lazy(
    rf"(?P<sign>(?!))?(?P<cur>US\$|\$|€|£)?[ ]?"
    rf"(?P<mant>{MANTISSA})(?P<exp>{EXPONENT}|(?<=10)\^[+\-−]?\d+)?"
    rf"(?P<scale>(?:k|K|M|B|bn)(?![A-Za-z0-9])|{TRILLION}|(?(cur){MONEY_SCALE}|(?!))"
    rf"|[ \t]{{1,3}}\n?[ \t]{{0,3}}(?:thousand|million|billion|trillion)\b)?")
# Where a number may start: a digit or a currency sign.
_START = lazy(r"US\$|[$€£]|\d")

_CO2 = (r"(?:C\s?O\s?[2₂](?:\s?e(?:q)?)?|𝐶𝑂\s?[2₂]\s?(?:𝑒𝑞?)?"
        r"|(?i:carbon\s+dioxide)(?:\s+(?i:equivalents?))?)(?![A-Za-z0-9])")
_MASS = (r"(?:metric\s+tonnes?|metric\s+tons?|short\s+tons?|(?:kilo|mega|giga)?tonnes?|tons?|kilograms?|grams?"
         r"|pounds?|lbs?|kgs?|kg|Mt|Gt|kt|g|t)")
_MASS_UNIT = rf"{_MASS}(?:\s{{0,3}}(?:of\s*)?(?:\({_CO2}\)|{_CO2})|(?![A-Za-z]))"
_ENERGY = (r"(?:(?:[kKMGTP]?[Ww][Hh]|(?i:(?:kilo|mega|giga|tera|peta)?watt[-\s]?hours?)"
           r"|[kMG]?J|(?i:(?:kilo|mega|giga)?joules?)|[kKMGT]?W|(?i:(?:kilo|mega|giga)?watts?))"
           r"(?![A-Za-z]))")
#: What follows a bare "s" or "m" that says it is a unit, a second or a metre, not a variable nor millions ("5 s on a
#: GPU", "5 s per step", "5 m long", "within 5 s."; never "5 m users", "the 80s"): the sentence's end or a word of it
#: that names no thing, after a space.
_BARE_AFTER = (r"(?=[ \t]*(?:[.,;:)\]](?!\d)|$)|[ \t]+(?:on|per|long|wide|high|tall|deep|away|apart|above|below"
               r"|and|or|for|to|each|in|at|with|from|than|when|while|before|after|is|was|were|are|faster|slower|less"
               r"|more|longer|shorter|later|earlier|ago|of|respectively|total)\b|[ \t]*/)")
_TIME = (r"(?:(?i:hours?|hrs?|days?|weeks?|months?|years?|yrs?|minutes?|mins?|seconds?|secs?)"
         rf"(?![A-Za-z])|h(?![A-Za-z])|(?<=[ \t])s{_BARE_AFTER})")
# "8 NVIDIA P100 GPUs", "32 TPUv3 chips": up to three maker or model words may stand
# between the number and the device.
# "3 NVIDIA GTX 1080 Ti GPUs", "8 NVIDIA 1080 Ti GPUs": up to four such words.
_DEVICE_MODEL = (r"(?:(?:NVIDIA|Nvidia|Tesla|GeForce|Quadro|GTX|RTX|Titan|TITAN|Ti|AMD|Google"
                 r"|[A-Z][\w-]*\d[\w-]*|\d{3,4})"
                 r"(?:[ \t]+|[ \t]*\n[ \t]*)){1,4}")
_DEVICE_MODEL_RE = lazy("^" + _DEVICE_MODEL)
# The device, its version after it ("TPU v2 hours", "TPU v3 chips") and its time unit.
_DEVICE = (rf"(?:{_DEVICE_MODEL})?"
           r"(?:(?i:(?:GPU|TPU)(?:[ \t]{0,3}v\d{1,2}[a-z]?(?![\w-]))?(?:s|[ \t]+chips?)?"
           r"|(?:chip|accelerator)s?)(?:(?:-|[ \t]{1,3}|[ \t]*\n[ \t]*)(?i:hours?|hrs?|days?|years?))?"
           r"(?![A-Za-z]))")
_DEVICE_VERSION = lazy(r"(?i)\b(GPU|TPU)(?:[ \t]{0,3}v\d{1,2}[a-z]?)?(?:s?[ \t]+chips?)?")
_FLOP = (r"(?:(?i:(?:peta|tera|giga|exa|mega|[ptgem])?flops?/s[-\s]?days?|pfs?[-\s]days?"
         r"|(?:peta|tera|giga|exa|mega|[ptgem])?flops?(?:\s?/\s?s(?:ec(?:ond)?)?)?"
         r"|floating[-\s]point\s+operations?)(?![A-Za-z]))")
#: A percentage, or its points: "5 percentage points", "5 pp", and a percentage's sign or word before "points" ("5 %
#: points", "5 percent points", "5 pct. pts"), points all the same, never "5 %".
#: "pct" in lower case is per cent wherever it stands; "PCT", "Pct" only where the words after it read as a
#: percentage's ("a 12 PCT rise", "rose 12 PCT in 2021", "12 Pct. of sales", "12 PCT."), never where it names a thing
#: ("12 PCT applications", the patent treaty's; "day 3 PCT was 2.1 ng/mL", a clinical marker).
_PCT_CAPITALS = (r"(?:PCT|Pct)(?=\.?(?:[ \t]*(?:$|[,;:)\]!?]|\.(?![\w.]))|[ \t]+(?i:of|rise|rises|rose|risen|increase"
                 r"|increases|increased|gain|gains|gained|jump|jumps|jumped|fall|falls|fell|drop|drops|dropped|decline"
                 r"|declines|declined|cut|cuts|stake|share|higher|lower|more|less|from|to|in|on|at|by|and|or|than|over"
                 r"|since|last|this|a|an|year-on-year|annually|y/y|yoy|versus|vs)(?![\w-])))")
_PCT_CAPITALS_AT = lazy(_PCT_CAPITALS)


def pct_capitals_name(text: str, start: int) -> bool:
    """Whether "PCT" or "Pct" at `start` of `text` names a thing ("12 PCT applications", "day 3 PCT was 2.1 ng/mL"),
    no per cent: the words after it are none a percentage is followed by (`_PCT_CAPITALS`)."""
    return text.startswith(("PCT", "Pct"), start) and _PCT_CAPITALS_AT.match(text, start) is None


_PCT = (r"(?:(?:%|(?i:percent|per\s?cent|pct))\.?[ \t-]*(?i:points?|pts?)(?![A-Za-z])\.?"
        r"|%|(?i:percentage[ \t-]+points?|pp|percent|per\s?cent)(?![A-Za-z])|pct(?![A-Za-z])|" + _PCT_CAPITALS + ")")
#: A currency named after its amount: "USD", "euros", or a sign as European prices print it ("45 €", "45 €/MWh"),
#: never a sign that starts the next amount ("5 $10").
_MONEY = (r"(?:(?:USD|EUR|GBP)(?![A-Za-z])|(?i:dollars?|euros?)(?![A-Za-z])"
          r"|(?<=[\d \t])[€£](?![\w$€£]|[ \t]*[-−+]?\.?\d))")
_COUNT = (r"(?:(?i:inferences?|queries|query|images?|generations?|requests?|predictions?"
          r"|samples?|prompts?|tokens?|parameters?|steps?)(?![A-Za-z]))")
#: A length's power after its symbol, raised or printed flat ("km2", "m³", "cm^3"): an area or a volume, never a length
#: ("3 km2" is 3 km², never 3 km).
_POWER = r"(?:\^?[23]|[²³])"
_LENGTH = rf"(?:(?i:miles?)(?![A-Za-z])|(?i:km){_POWER}?(?![A-Za-z0-9²³^]))"
_RATIO = r"(?:[xX×](?![A-Za-z0-9])|times(?![A-Za-z])|(?i:fold)(?![A-Za-z]))"
# Memory and clock rates: "12GB", "256GB RAM", "2.4GHz".
_DATA = (r"(?:(?i:[kmgt]?bps)|[kKMGT]b(?:it)?[ \t]?/[ \t]?s(?:ec)?|[KMGTP]B(?:ps|/s)?|[KMGT]iB|[kMG]Hz"
         r"|(?i:(?:kilo|mega|giga|tera)bytes?))(?![A-Za-z])")

_VOLUME = r"(?:(?i:gallons?|litres?|liters?)(?![A-Za-z]))"
# An amount of volume, length, mass or time spelled out or abbreviated, beyond the units above: "3 litres",
# "3 mL of water", "5 metres", "20 ms", "4 mg"; a letter alone only before what it measures ("3 L of water",
# "5 m of cable"): "5 m" alone may be millions. Counted things ("10 lines", "5 points", "3 cups") are no unit.
_VOLUME_AMOUNT = (r"(?:(?i:(?:milli|centi|deci|kilo)?(?:litres?|liters?)|gallons?|fluid[ \t]+ounces?)"
                  r"|(?i:fl\.?[ \t]?oz)|[mµμ][Ll]|L(?=[ \t]+of[ \t]))(?![A-Za-z])")
_MEASURE = (r"(?:(?i:(?:milli|centi|kilo|micro|nano)?(?:metres?|meters?)|(?:milli|micro|nano)seconds?"
            r"|(?:milli|micro)grams?|inches|foot|feet|yards?|ounces?)"
            rf"|[mcµμnd]m{_POWER}(?![\d.,]\d)|m{_POWER}(?![A-Za-z0-9]|[.,]\d)|[mcµμn]m(?![\d²³^])|[mµμn]s|[mµμ]g"
            rf"|ft{_POWER}?(?![\d²³^])|oz|m(?=[ \t]+of[ \t])|(?<=[ \t])m{_BARE_AFTER})(?![A-Za-z])")
_DENOM = rf"(?:{_ENERGY}|{_DEVICE}|{_TIME}|{_COUNT}|{_MASS_UNIT}|{_VOLUME})"
_RATE = rf"(?:\s{{0,3}}(?:/|per\s+)\s{{0,2}}{_DENOM})"

# Order matters: longer and more specific first.
_UNIT_ALTS = [
    ("co2e_or_mass", _MASS_UNIT), ("flop", _FLOP), ("device", _DEVICE), ("energy", _ENERGY),
    ("percent", _PCT), ("money", _MONEY), ("count", _COUNT), ("time", _TIME),
    ("length", _LENGTH), ("ratio", _RATIO), ("data", _DATA), ("volume", _VOLUME_AMOUNT), ("measure", _MEASURE),
]
_UNIT_BODY = "|".join(f"(?P<{n}>{p})" for n, p in _UNIT_ALTS)
# A unit after a number: up to four spaces or a line break between them (pypdf).
# One modifier may stand between a number and its unit: "3.2 net tCO2e", "600B total
# parameters", "979M training steps", "10 new tokens".
_MODIFIER = r"(?:(?:net|gross|total|training|new)[ \t]+)"
_UNIT_AFTER = lazy(rf"(?P<gap>[ \t]{{0,4}}\n?[ \t]{{0,4}}|-(?=[a-z]{{3}})){_MODIFIER}?"
                         rf"(?P<unit>(?:{_UNIT_BODY}){_RATE}?)")
_RATE_AFTER = lazy(rf"(?P<unit>{_RATE})")
#: What may stand beside an amount's verb and its per without making it a total: "on average", "in total",
#: "overall", "altogether", "in all", "all told" ("25 kWh were used in total per run" is 25 kWh per run).
SPENT_ADVERB = (r"(?i:on\s+(?:average|aggregate|the\s+whole)|in\s+(?:total|all|aggregate|sum)|all\s+told"
                r"|all\s+in\s+all|overall|altogether|combined|collectively|together|typically|approximately"
                r"|roughly|about|around|nearly|almost)")
#: The verb of an amount spent ("were used", "is consumed", "have been emitted", "were in total used"): before a
#: per, the amount is a rate ("25 kWh were used per query" is 25 kWh per query), as kb.quantities.quoted reads a
#: quote.
SPENT = (r"(?i:(?:(?:was|were|is|are|be|been|being|gets?|got|will|would|could|can|may|might|must|should|has|have"
         rf"|had)(?:,?\s+{SPENT_ADVERB},?)?\s+){{0,3}}(?:used|consumed|emitted|spent|required|needed|drawn|produced"
         r"|generated|released|expended|burn(?:ed|t)|incurred|saved|wasted|dissipated|lost|paid|charged|billed"
         r"|purchased|bought|offset|avoided|delivered|supplied|demanded|allocated|accrued|invested))")
#: ... with such words before or after it, or those words alone ("25 kWh in total per run", "25 kWh, on average,
#: were used per query"): what may stand between an amount and its per (kb.quantities.quoted reads a quote's with
#: it too).
SPENT_THEN = (rf"(?:(?:,?\s+{SPENT_ADVERB}){{0,2}},?\s+{SPENT}(?:,?\s+{SPENT_ADVERB}){{0,2}}"
              rf"|(?:,?\s+{SPENT_ADVERB}){{1,2}})")
#: "for each of the runs", "in each of our 3 runs": per run, as "for each run" is ("each of the cases" is none).
_EACH_OF = (r"(?P<of>each\s+of\s+(?:the|our|these|those|its|their|all(?:\s+the)?)"
            r"(?:\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten))?\s+(?!(?:case|instance|time|way|other)s?\b))")
#: A clause "each" opens about each of the things counted before it, no per: "100 sheets each containing 50 lines", "8
#: GPUs each running at 300 W", "5 models each trained on 8 GPUs", "64 nodes each with 8 GPUs" (never "each training run").
#: A verb kb cannot tell by its ending is one all the same before its object or a figure: "512 TPUs each ran for 2
#: days", "5 models each took 3 hours" (never per "ran", "took").
EACH_CLAUSE = (r"(?:[a-z]+(?:ing|ed)\s+(?:\d|(?:at|on|in|for|with|about|around|up|over|under|roughly|approximately"
               r"|nearly|to|from|by|between|a|an|the)\b)|with\b|having\b"
               r"|[a-z]+\s+(?:(?:for|over|in|on|at|to|from|by|with|between)\s+)?(?:\d|(?:about|around|roughly"
               r"|approximately|nearly|almost|up\s+to)\b)|[a-z]+\s+(?:a|an|the)\s)")
#: ... and the rate's denominator a page prints after them, as kb.quantities.quoted reads a quote's: "per query",
#: "/query", "for each run", "in every run", "a day", "daily"; any counted noun ("per run", "per training run":
#: the last word the one counted, unless it is none: "per run for", "per model trained").
_SPENT_RATE = lazy(rf"{SPENT_THEN}\s+(?:(?:(?:/|per\s+)[ \t]{{0,2}}|(?:(?:in|on|for)\s+)?(?:{_EACH_OF}|(?:each|every)\s+)"
                   r"|an?\s+(?=(?:second|minute|hour|day|week|month|year)\b))"
                   rf"(?:(?P<denom>{_DENOM})(?![A-Za-z])|(?P<words>[a-z]{{3,}}(?:[ \t]+[a-z]{{3,}})?)\b)"
                   r"|(?P<adverb>hourly|daily|weekly|monthly|yearly|annually)\b)")
#: ... or a per right after the amount, no verb between ("It drew 25 kWh per run", "3 kWh/query", "5 W per each node"):
#: a rate too, as kb.quantities.quoted reads a quote's.
_PER_NOUN = lazy(rf"[ \t]{{0,3}}(?:/|per\s+(?:(?:each|every)\s+)?|(?:(?:in|on|for|at)\s+)?(?:{_EACH_OF}|(?:each|every)\s+"
                 rf"(?!(?:case|instance|time|way|other)s?\b|{EACH_CLAUSE})))"
                 r"(?!(?i:(?:a|one)\s+)?(?:hundred|thousand|million|billion)\b)"     # "per thousand queries": per 1,000
                 rf"[ \t]{{0,2}}(?:(?P<denom>{_DENOM})(?![A-Za-z])"
                 r"|(?P<words>[a-z]{3,}(?:[ \t]*\n?[ \t]*(?<=\s)[a-z]{3,}){0,2})\b(?!-))(?P<adverb>(?!))?")
_WORD = lazy(r"\S+")
_PER_WORD = lazy(r"(?:^|\s)per\s")
#: The per an adverb after a figure gives ("5 kWh daily": per day); one heading a table's row or column may also
#: be "annual" (HEADER_ADVERB_PER). kb.quantities.quoted reads the same tables.
ADVERB_PER = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
              "annually": "year"}
#: Words after a per that are no noun it is per ("per the report": as the report says).
_NOT_PER = frozenset("the this that these those its our their his her which whom whose and but for with from was "
                     "were are than each every per into onto over under all any cent mil mill mille "
                     # "30 MW per site across three sites": per site, never per "three"
                     "across among amongst between through throughout within during".split())
#: Words that start a clause or a phrase of its own after a per's noun, which are no word of it: "when" of "5 W per idle
#: node when waiting" (per idle node, never per "when"), "while" of "25 kWh per run while training".
_PER_CLAUSE = frozenset("when whenever while whilst where wherever whereas unless because since though although until "
                        "till then thus hence yet once after before via without versus instead rather also even still "
                        "just only not nor can could would will may might should must did does has have had".split())
_RANGE_SEP = lazy(r"[ \t]{0,3}(?:[-–—]|to|and)(?:[ \t]*\n[ \t]*|[ \t]{0,3})")
_PCT_ATTACHED = lazy(r"[ ]?%")

_EXCLUDE_BEFORE = lazy(
    r"(?i)(?:\btable|\bfig\.?|\bfigure|\bsection|\bsec\.|§|\bappendix|\beq\.?|\bequation"
    r"|\bpage|\bp\.|\bpp\.|\bchapter|\bref\.?|\bline|\balgorithm|\btheorem|\blemma)\s*$")
_YEAR_OK = {"co2e_or_mass", "energy", "money", "percent", "flop"}

_SENTENCE_END = lazy(r"[.!?][\"”’)]?\s+(?=[A-Z0-9\[(“\"])")
_ABBREV = {"al", "e.g", "i.e", "vs", "fig", "eq", "sec", "cf", "approx", "ap", "no", "tab",
           "et", "ca", "dr", "mr", "ms", "st", "resp", "ref", "refs", "eqs", "figs"}
_MAX_SENTENCE = 400


@dataclass(frozen=True)
class Candidate:
    """A number with a unit found on a page; offsets into the original page string."""

    page: int  # numbered from 1
    start: int
    end: int
    number: str  # as written, without the unit ("0 .954", "1,287", "0.06-2.9", "3,20 1,722")
    value: float  # nominal: the value, or the midpoint of a range
    unit: str  # canonical, parses with kb.units.parse_unit ("kWh", "tCO2e", "%", "USD/h")
    low: float | None = None  # for ranges
    high: float | None = None
    sentence: str = ""  # the sentence (or table line) it is in, whitespace collapsed
    context: str = ""  # some 60 characters either side, whitespace collapsed
    unit_text: str = ""  # the unit as written (for a table cell: as written in the label)
    kind: str = "quantity"  # quantity | range | table | coefficient | words ("ten tasks")
    per: str = ""  # what the figure is per, as printed, when kb has no unit for it ("run" of "25 kWh per run")

    @property
    def written(self) -> str:
        """Number and canonical unit, readable by Interval.from_written."""
        unit = "" if self.unit == "dimensionless" else self.unit
        number = re.sub(r"US\$|[$€£]", "", self.number)
        return f"{number} {unit}".strip()

    @property
    def rate_unit(self) -> str:
        """The unit with its per read as a count ("kWh/item" of "25 kWh per run"): a rate, never an amount."""
        return f"{self.unit}/item" if self.per else self.unit


# ---------------------------------------------------------------- units

@functools.lru_cache(maxsize=2048)
def _canonical(unit_text: str, currency: str | None = None, nouns: bool = False) -> str | None:
    """Canonical spelling of a unit as written, or None if kb cannot read it; with `nouns`, a
    noun kb has no unit for is a count ("kWh per run": kWh per item, as a claim's per is read)."""

    text = " ".join(unit_text.split())
    if currency:
        text = f"{currency} {text}" if text.startswith(("/", "per")) else (text or currency)
    try:
        unit = parse_unit(text, nouns=nouns)
    except KBError:
        return None
    return format_unit(unit) or "dimensionless"


def _user_unit_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    alts = []
    for name in sorted(set(names), key=len, reverse=True):
        words = [re.escape(w) for w in name.split("_") if w]
        if not words:
            continue
        alts.append(r"[\s_]".join(words) + r"(?:e?s)?")
    if not alts:
        return None
    return re.compile(r"(?P<gap>[ \t]{0,4}\n?[ \t]{0,4})(?P<unit>(?i:" + "|".join(alts)
                      + r"))(?![A-Za-z])")


def _user_unit_name(text: str, names: Iterable[str]) -> str | None:
    key = re.sub(r"[\s_]+", "_", text.lower())
    for name in names:
        n = name.lower()
        if key in (n, n + "s", n + "es"):
            return name
    return None


# ---------------------------------------------------------------- sentences

def _sentence_bounds(page: str) -> list[int]:
    """Positions where sentences start (0 included), skipping abbreviations."""
    out = [0]
    for m in _SENTENCE_END.finditer(page):
        dot = m.start()
        j = dot
        while j > 0 and (page[j - 1].isalpha() or page[j - 1] == "."):
            j -= 1
        word = page[j:dot].lower()
        if word in _ABBREV or (len(word) == 1 and word.isalpha()):
            continue
        out.append(m.end())
    return out


def _collapse(text: str) -> str:
    """The text on one line, without soft hyphens: pdfium keeps the hyphen a typesetter
    put at a line break as U+00AD inside the word ("pa\u00adpers"), invisible or a stray
    hyphen in a terminal, and not part of the words a quote of the sentence holds."""
    return " ".join(text.replace("\u00ad", "").split())


def _sentence(page: str, bounds: list[int], start: int, end: int) -> str:
    i = bounds[bisect.bisect_right(bounds, start) - 1]
    k = bisect.bisect_right(bounds, end)
    j = bounds[k] if k < len(bounds) else len(page)
    if start - i > _MAX_SENTENCE:
        i = max(page.rfind("\n", 0, start) + 1, start - _MAX_SENTENCE)
    if j - end > _MAX_SENTENCE:
        nl = page.find("\n", end)
        j = min(len(page) if nl < 0 else nl, end + _MAX_SENTENCE)
    return _collapse(page[i:j])


# ---------------------------------------------------------------- extraction

#: The words of a fall and of a rise (kb.quantities.quoted reads a change's size after them, and so does the extractor
#: a fall's minus sign).
FALL_WORDS = (r"fell|falls?|falling|dropp(?:ed|ing)|drops?|decreas(?:ed|es|ing|e)|declin(?:ed|es|ing|e)"
              r"|reduc(?:ed|es|ing|e|tions?)|lower(?:ed|s|ing)|cut(?:s|ting)?|shr(?:a|u)nk|shrinks?|slashed"
              r"|plunged|plummeted|dipped|sank|down|shorten(?:ed|s|ing)?|trimm(?:ed|ing)|trims?|lessen(?:ed|s|ing)?"
              r"|diminish(?:ed|es|ing)?")
RISE_WORDS = (r"rose|rises?|rising|increas(?:ed|es|ing|e)|gr[eo]w(?:s|n|ing)?|growth|rais(?:ed|es|ing|e)"
              r"|gain(?:ed|s)?|climb(?:ed|s)?|jump(?:ed|s)?|up|improv(?:ed|es|ing|e|ements?)|boost(?:ed|s|ing)?"
              r"|lengthen(?:ed|s|ing)?|extend(?:ed|s|ing)?|widen(?:ed|s|ing)?")


def change_before(words: str, others: str):
    """A change written in words before its size, of `words` ("fell", "rose"), `others` (the other
    direction's) not among the words between: "fell by 5%", "dropped 5 percent", "a reduction of 5%",
    "cut energy use by 5%", "down 5%", "rose by over 5%" (never "fell to 5%", "rose from 5%": a level,
    not the change)."""
    return lazy(rf"(?i)(?<![\w-])(?:{words})(?:[ ]+by|[ ]+of|(?:[ ]+(?!(?:{others}|and|or|but|to)\b)"
                rf"[^\W\d_][\w-]*){{1,5}}[ ]+by)?[ ]+(?:(?:about|around|approximately|nearly|almost|roughly"
                rf"|some|only|just|over|more[ ]than|less[ ]than|up[ ]to|as[ ]much[ ]as|at[ ]least|at[ ]most"
                rf"|~|≈)[ ]*)?$")


#: A fall's words before a minus sign ("fell -20%", "dropped by −3 kWh"): the sign says the fall again.
_FALL_THEN_SIGN = change_before(FALL_WORDS, RISE_WORDS)


def _starts_cleanly(page: str, pos: int) -> bool:
    """A number may not continue a word or another number ("GPT-3", "P100x8", "[51]")."""
    if pos == 0:
        return True
    prev = page[pos - 1]
    if prev == "+" and (pos == 1 or page[pos - 2] in " \t\n(") and page[pos:pos + 1].isdigit():
        prev = " "  # "+13.5 BLEU": a gain
    elif prev in "-−" and pos >= 2 and page[pos - 2] in " \t" and page[pos:pos + 1].isdigit() \
            and _FALL_THEN_SIGN.search(page, max(0, pos - 81), pos - 1):
        prev = " "  # "fell -20%": the fall's size, as of "fell 20%" (kb.quantities.quoted reads it so)
    if prev.isalnum() or prev in "._-–−^/[+,'’&#":
        return False
    if prev in " \t" and pos >= 2 and page[pos - 2] == "[":
        return False
    if prev in " \t" and re.search(r"(?:C[ \t]?O|𝐶𝑂)[ \t]$", page[max(0, pos - 5):pos]):
        return False  # "CO 2 grams per GPU hour": the 2 of CO2
    return not _EXCLUDE_BEFORE.search(page, max(0, pos - 14), pos)


def _glued(page: str, pos: int) -> bool:
    """A number an extractor glued to the word before it: "took12days", "upto75%".

    Only after a lower-case word of two letters or more ("seq2seq" and "word2vec"
    pass here but have no unit after them; "v3", "GPT3", "P100" never pass).
    """
    return (pos >= 2 and page[pos - 1].islower() and page[pos - 2].islower()
            and page[pos - 1].isascii())


# Where no number is a figure: URLs (also a URL's pieces broken over lines by the
# extractor), DOIs, arXiv identifiers, bracketed citation lists "[12, 15–17]", a paper's own page count in the
# reference format its first page prints before its DOI ("ACM, New York, NY, USA, 21 pages. https://doi.org/...").
_NOT_FIGURES = lazy(
    r"(?:https?:|www\.|//)\S+"
    r"|\b\d{1,4}[ \t]+pages\.(?=\s*(?:https?://|(?i:doi)\b))"
    r"|(?<![\w.-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|ai|ly|html?|pdf|php)\b\S*"
    r"|(?<![\w$.-])[A-Za-z][\w.-]*/[\w.-]+/[\w./%-]*"
    r"|(?i:\bdoi:?\s?)?\b10\.\d{4,9}/\S+"
    r"|(?i:\barxiv(?::|\s|\.org/abs/)\s?)(?:[a-z.-]+/)?\d{4}\.\d{4,5}(?:v\d+)?"
    r"|\b\d{4}\.\d{4,5}v\d+\b"
    r"|(?i:abs/)\d{4}\.\d{4,5}"
    r"|\[\s*\d+(?:\s*[,;–-]\s*\d+)*\s*\]")
# A reference list runs from its heading to the end of the page or an appendix.
_REFS_HEAD = lazy(r"(?im)^[ \t]*(?:\d+\.?[ \t]+)?(?:references|bibliography)[ \t]*$")
_REFS_END = lazy(r"(?im)^[ \t]*(?:[A-Z]\.?[ \t]+)?(?:appendix|appendices|supplementary)\b")


#: A page's number printed alone on its first or last line ("4977\nS2ORC consists of ..."), and numbers at lines'
#: starts or ends: a review draft's line numbers in its margin are a run of them, each one more than the one before.
_PAGE_NUMBER_FIRST = lazy(r"[ \t]*\d{1,5}[ \t]*\n")
_PAGE_NUMBER_LAST = lazy(r"\n[ \t]*(\d{1,5})[ \t]*\n?$")
_LINE_START_NUMBER = lazy(r"(?m)^[ \t]*(\d{1,4})(?=[ \t]|$)")
_LINE_END_NUMBER = lazy(r"(?m)(?<=[ \t])(\d{1,4})[ \t]*$")
#: How many numbers, each one more than the one before, make a run of line numbers.
_LINE_RUN = 5


def _line_runs(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    """Spans of the runs of `_LINE_RUN` or more numbers in `matches`, each one more than the one before."""
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    previous = None
    for m in matches:
        value = int(m.group(1))
        if previous is None or value != previous + 1:
            if len(run) >= _LINE_RUN:
                spans.extend(run)
            run = []
        run.append(m.span(1))
        previous = value
    if len(run) >= _LINE_RUN:
        spans.extend(run)
    return spans


def page_numbering(page: str, last: bool = True) -> list[tuple[int, int]]:
    """Spans of the numbers a page prints to number itself or its lines, never figures: its page number alone on its
    first or last line ("4977" of "4977\nS2ORC consists of 81.1M papers"), and a run of five or more numbers at lines'
    starts, or at their ends, each one more than the one before ("000", "001", "002" ... of a review draft's margin).
    `last` False: a quote's, whose last line may end inside a sentence ("a total of\n12"), its page's number at its
    start only."""
    spans = []
    first = _PAGE_NUMBER_FIRST.match(page)
    if first is not None:
        spans.append((0, first.end() - 1))
    end = _PAGE_NUMBER_LAST.search(page, max(0, len(page) - 16)) if last else None
    if end is not None:
        spans.append(end.span(1))
    if "\n" in page:
        spans += _line_runs(_LINE_START_NUMBER.finditer(page)) + _line_runs(_LINE_END_NUMBER.finditer(page))
    return spans


def _excluded_spans(page: str) -> "_Covered":
    """Spans of the page whose numbers are never candidates."""
    spans = [(m.start(), m.end()) for m in _NOT_FIGURES.finditer(page)] + page_numbering(page)
    head = _REFS_HEAD.search(page)
    if head is not None:
        end = _REFS_END.search(page, head.end())
        spans.append((head.start(), end.start() if end else len(page)))
    return _Covered(spans)


class _Covered:
    """Spans of a page already read (candidates taken, text excluded): ``pos in covered``
    says whether a position lies in one. Overlapping spans are merged, so one search
    answers."""

    __slots__ = ("spans", "starts")

    def __init__(self, spans: Iterable[tuple]):
        merged: list[list[int]] = []
        for a, b in sorted((s[0], s[1]) for s in spans):
            if merged and a < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.spans = merged
        self.starts = [a for a, _ in merged]

    def __contains__(self, pos: int) -> bool:
        j = bisect.bisect_right(self.starts, pos) - 1
        return j >= 0 and self.spans[j][1] > pos


def _unit_kind(m: re.Match[str]) -> str:
    for name, _ in _UNIT_ALTS:
        if m.group(name) is not None:
            return name
    return "user"


def _is_year(mant: str, exp: str | None, scale: str | None) -> bool:
    return (not exp and not scale and len(mant) == 4 and mant.isdigit()
            and 1900 <= int(mant) <= 2099)


def extract_candidates(pages: list[str], user_units: Iterable[str] = ()) -> list[Candidate]:
    """Numbers with units on each page, in page order.

    `user_units` are names of user units ("smartphone_charge") to find as well,
    spelled with spaces or underscores, singular or plural ("522 smartphone charges").
    """
    names = list(user_units)
    user_re = _user_unit_pattern(names)
    out: list[Candidate] = []
    # a page's running header, footer and number are no part of its first or last sentence: a sentence going on
    # from the page before began with "ACM FAccT '24, June 3-6, 2024, Rio de Janeiro, Brazil Luccioni et al", and its
    # candidate, promoted, was refused as a quote the page does not print (the matcher skips the header)
    edges = content_ranges(pages)
    for number, page in enumerate(pages, start=1):
        # "0,5 kWh", "1.234,5 MWh": read with a decimal point, each character where it was; "1,\n287 MWh"
        # (a thousands group past a line's end) as 1,287 MWh, never 287 MWh
        out.extend(_extract_page(joined_groups(decimal_commas(page)), number, user_re, names, edges[number - 1]))
    return out


#: A power of ten whose raised exponent an extractor printed flat: "1010" of 10¹⁰, "109" of 10⁹ (an exponent never
#: starts with 0: "1000" is a thousand).
_FLAT_POWER = r"10[1-9]\d{0,2}(?![\d]|[.,]\d)"
#: ... the other end of a range of such powers after one or before it: " to 1015" of "from 1010 to 1015 binary
#: digits", "1010 to " of it; a figure times one: " × 109" of "2 × 109", "× " before "109".
_FLAT_RANGE_AFTER = lazy(rf"[ \t]*(?:to|and|[-–—])[ \t\n]*{_FLAT_POWER}")
_FLAT_RANGE_BEFORE = lazy(rf"(?<![\d.,]){_FLAT_POWER}[ \t]*(?:to|and|[-–—])[ \t\n]*$")
_FLAT_TIMES_AFTER = lazy(rf"[ \t]?[×x·∙][ \t]?{_FLAT_POWER}")
_FLAT_TIMES_BEFORE = lazy(r"[×x·∙][ \t]?$")
_FLAT_ALONE = lazy(rf"(?<![\d.,]){_FLAT_POWER}")
_FLAT_FIGURE = lazy(r"\d+(?:[.,]\d+)*")


def flat_power(page: str, start: int, end: int) -> bool:
    """Whether the figure printed at `start`..`end` is a power of ten whose exponent an extractor printed flat, or a
    figure times one, which kb cannot read as printed: "1010" and "1015" of "from 1010 to 1015 binary digits" (10¹⁰ to
    10¹⁵), "2" and "109" of "2 × 109" (2 × 10⁹). A lone "1010" may be a count, and is left as it reads."""
    figure = _FLAT_FIGURE.match(page, start, end)
    if figure is None:
        return False
    times = _FLAT_TIMES_AFTER.match(page, figure.end())
    if times is not None and times.end() > end:
        return True         # "2 × 109": 2 × 10⁹, never twice 109 (nor "1.5 × 1013", read as 1.5 × 10¹³ whole)
    end = figure.end()
    if page.startswith("10", start) and _FLAT_ALONE.fullmatch(page, start, end) is not None:
        return (_FLAT_RANGE_AFTER.match(page, end) is not None
                or _FLAT_RANGE_BEFORE.search(page, max(0, start - 16), start) is not None
                or _FLAT_TIMES_BEFORE.search(page, max(0, start - 3), start) is not None)
    return False


def _extract_page(page: str, page_no: int, user_re: re.Pattern[str] | None,
                  names: list[str], edges: tuple[int, int] | None = None) -> list[Candidate]:
    found: list[Candidate] = []
    bounds: list[int] | None = None
    consumed = 0
    pending: list[tuple[int, int, str, float, str, float | None, float | None, str, str]] = []

    excluded = _excluded_spans(page)
    product_at = -1
    # the last figure whose unit came before it: unit, as written, end, led by the unit
    listed: tuple[str, str, int, bool] | None = None
    for sm in _START.finditer(page):
        pos = sm.start()
        if pos < consumed or pos in excluded:
            continue
        glued = False
        if pos == product_at:
            pass  # "16x16GB": the size after a count
        elif not _starts_cleanly(page, pos):
            if not _glued(page, pos):
                continue
            glued = True  # "took12days": only a unit kb knows, right after it, makes it one
        m = _NUM.match(page, pos)
        if m is None:
            continue
        consumed = m.end()
        if m.group("mant").startswith(".") or m.group("mant").endswith(" "):
            continue
        if page.startswith("]", m.end()):
            continue  # "[51]": a citation
        if spaced_exponent(page, pos):
            continue  # "16" of "2.2e − 16": an exponent
        if _SECOND_IN_BRACKET.search(page, max(0, pos - 30), pos):
            continue  # "3.6 kWh [3.1 to 4.2 kWh]": the second bound of what a bracket opens, never a figure alone
        if spread_before(page, max(0, pos - 30), pos) or SPREAD_AFTER.match(page, m.end()) \
                or _CI_LEVEL.match(page, m.end()):
            continue  # "± 0.1", "(SD=24.8)", "a 12% uncertainty", "95% CI": the uncertainty of a figure, no figure
        interval = _BRACKET_BOUNDS.match(page, m.end())
        if interval is not None and (_CI_WORDS_BEFORE.search(page, max(0, pos - 40), pos)
                                   or _FIGURE_THEN_BRACKET.search(page, max(0, pos - 40), pos)):
            consumed = interval.end()
            continue  # "3.6 (3.1–4.2) kWh", "(95% CI 78.1, 84.3)": an interval's bounds, no range of their own
        if "." in m.group("mant") and _PERCENT_THEN_PAREN.search(page, max(0, pos - 30), pos) \
                and _PERCENT_PAREN_SHUTS.match(page, m.end()):
            continue  # "81.2% (0.4%)": a result table's standard deviation, as kb.quantities.quoted reads it
        try:
            first = read_number(m)
        except KBError:
            continue
        product = _product_count(page, m, user_re) if not glued else None
        if product is not None:
            # "256GB RAM (16x16GB DIMMs)": 16 DIMMs of 16 GB each.
            canon, noun, product_at = product
            pending.append((pos, m.end(), _num_text(m), float(first.value), canon, None, None,
                            noun, "quantity"))
            continue
        cur = first.currency
        end = m.end()
        low = high = None
        number_text = _num_text(m)
        number_end = m.end()
        kind = "quantity"
        # A range: "0.06-2.9 kWh", "21 to 78 metric tons", "80%-90%", "$0.43–$0.74/hr".
        rpos = m.end()
        pct = _PCT_ATTACHED.match(page, rpos)
        if pct:
            rpos = pct.end()
        rs = _RANGE_SEP.match(page, rpos)
        second = None
        spread = _PLUS_MINUS.match(page, rpos)
        m_spread = _NUM.match(page, spread.end()) if spread is not None else None
        if m_spread is not None and not m_spread.group("mant").startswith("."):
            # "3.2 ± 0.1 kWh", "81.2 ± 0.4%": the figure is 3.2 kWh, in the unit after its uncertainty
            pct_after = _PCT_ATTACHED.match(page, m_spread.end())
            number_end = pct_after.start() if pct_after is not None and pct is not None else m_spread.end()
            rs = None
        bracketed = _BRACKETED_SPREAD.match(page, rpos) if m_spread is None and pct is None else None
        if bracketed is not None and _holds(bracketed, float(first.value)):
            number_end = bracketed.end()    # "3.6 (3.1–4.2) kWh": the unit after the bracket is the figure's
            rs = None
            scaled = _SCALE_AFTER.match(page, number_end) if not m.group("scale") else None
            if scaled is not None:          # "$3.6 ($3.1–$4.2) million": the scale is the figure's too
                power = SCALE_WORDS[scaled.group(1)]
                first = WrittenNumber(first.text, first.value.scaleb(power), first.half_unit.scaleb(power),
                                      first.currency)
                number_text, number_end = f"{number_text} {scaled.group(1)}", scaled.end()
        if rs is not None:
            sep = rs.group(0).strip()
            ok_sep = sep != "and" or page[max(0, pos - 9):pos].rstrip().lower().endswith("between")
            m2 = _NUM.match(page, rs.end()) if ok_sep else None
            if m2 is not None and (pct is None or _PCT_ATTACHED.match(page, m2.end())):
                try:
                    second = read_number(m2)
                except KBError:
                    second = None
                scaled = _shared_scale(m, m2, first, second) if second is not None else first
                if second is not None and scaled.value <= second.value:
                    first = scaled      # "1.5–2.5 × 10^4 kWh": 15,000 to 25,000 kWh
                if second is not None and second.value < first.value:
                    second = None
                if second is not None:
                    um2 = _match_unit(page, m2.end(), user_re, second.currency or cur,
                                      m2.start())
                    if um2 is None:
                        second = None
                    else:
                        low, high = float(first.lo), float(second.hi)
                        number_text = _range_text(m, rs.group(0), m2)
                        number_end = m2.end()
                        cur = cur or second.currency
                        kind = "range"
        um = _match_unit(page, number_end, user_re, cur, pos)
        if glued and (um is None or um[0] not in _GLUED_KINDS or "\n" in page[number_end:um[2]]):
            continue
        if um is None and second is None and not cur:
            named = ((_count_figure(page, pos, number_end, m, page[max(0, pos - 60):pos])
                      if number_end > end else None)      # "12 (IQR 8–20) participants": the count past its bracket
                     or _listed_on(page, pos, end, listed) or _unitless_figure(page, pos, end, m)
                     or _of_which(page, pos, end, pending))
            if named is not None:
                canon, unit_text, unit_end = named
                consumed = max(consumed, unit_end)
                if unit_text == "factor" and unit_end == end:
                    # "factors of 0.53–1.64 and 0.91–2.42 with geometric means of 0.92 and 1.48"
                    cand_end, low, high, value, number_text = _bare_range(page, m, first)
                    consumed = max(consumed, cand_end)
                    pending.append((pos, cand_end, number_text, value, canon, low, high, unit_text,
                                    "range" if low is not None else "quantity"))
                    listed = (canon, unit_text, cand_end, True)
                    continue
                pending.append((pos, max(end, unit_end), number_text,
                                float(first.value), canon, None, None, unit_text, "quantity"))
                continue
            lead = _unit_before(page, pos, listed)
            if lead is not None and _is_year(m.group("mant"), m.group("exp"), m.group("scale")):
                lead = None  # "... in 2019": a year, whatever the sentence is about
            if lead is not None:
                # "The peak TeraFLOPS/second is 46 for TPU v2, 123 for TPU v3, and 125 for
                # V100", "kWh per GPU hour to range from 0.07 to 0.28": the unit comes first.
                canon, unit_text = lead
                cand_end, low, high, value, number_text = _bare_range(page, m, first)
                consumed = max(consumed, cand_end)
                pending.append((pos, cand_end, number_text, value, canon, low, high, unit_text,
                                "range" if low is not None else "quantity"))
                listed = (canon, unit_text, cand_end, unit_text != "age")
                continue
        if um is None:
            # A coefficient in an equation: "CO2e = 0 .954pt".
            before = page[max(0, pos - 4):pos].rstrip()
            if (before.endswith("=") and second is None and end < len(page)
                    and (page[end].isalpha() or page[end] == "(")):
                pending.append((pos, end, number_text, float(first.value), "dimensionless",
                                None, None, "", "coefficient"))
            continue
        unit_kind, unit_text, unit_end = um
        held = _DEVICE_HOLDS.match(page, unit_end) if unit_kind == "device" else None
        if held is not None and not _DEVICE_PLURAL_END.search(unit_text) and held.group("w").lower() not in _TIME_WORDS:
            # "12 GPU nodes", "4 V100 GPU servers": a count of what the device word names (nodes),
            # not of GPUs
            noun = held.group("w").lower()
            known = _canonical(noun)
            canon = known if known is not None and known != "dimensionless" and _is_count(known) else "item"
            unit_text, unit_end = f"{unit_text.strip()} {noun}", held.end("w")
        elif unit_kind == "user":
            canon = _user_unit_name(unit_text, names)
        elif unit_kind == "device":
            canon = _canonical(_DEVICE_VERSION.sub(
                r"\1", _DEVICE_MODEL_RE.sub("", unit_text.strip()).strip()), cur)
        else:
            canon = _canonical(unit_text, cur)
            if canon is None and _PER_WORD.search(unit_text) and unit_kind in _PER_KINDS:
                canon = _canonical(unit_text, cur, nouns=True)     # "25 kWh were used per run"
        if canon is None:
            continue
        if kind == "quantity" and unit_text.strip():
            # "$1.46/hr–$2.40/ hr", "0.5 kWh–1.5 kWh": a range with the unit on both sides.
            rng = _range_continuation(page, unit_end, first, cur, canon, user_re, names)
            if rng is not None:
                second, unit_end, m2, sep_text = rng
                low, high = float(first.lo), float(second.hi)
                number_text = _range_text(m, sep_text, m2)
                kind = "range"
        if _is_year(m.group("mant"), m.group("exp"), m.group("scale")) and second is None \
                and unit_kind not in _YEAR_OK:
            continue
        value = float(first.value)
        if kind == "range" and second is not None:
            value = float((first.value + second.value) / 2)
        consumed = unit_end
        if kind == "range" and _brackets_last(page, pending, pos, unit_end, canon, low, high):
            continue  # "3.6 kWh (3.1–4.2 kWh)", "$3.6 million ($3.1–$4.2 million)": the figure's interval, no range
        pending.append((pos, unit_end, number_text, value, canon, low, high,
                        unit_text.strip(), kind))

    pending.extend(_hardware_counts(page, pending, excluded))
    pending.extend(_table_cells(page, pending))
    pending.extend(_column_cells(page, pending))
    pending.extend(_header_columns_cells(page, pending))
    pending.extend(_stacked_header_cells(page, pending))
    pending.extend(_caption_unit_cells(page, pending))
    pending.extend(_number_words(page, pending, excluded))
    pending.sort(key=lambda c: c[0])
    for (start, end, num, value, unit, low, high, unit_text, kind) in pending:
        if kind != "table" and share_of(page, start, value):
            continue    # "1 in 5 patients": one share, no count of 5 patients
        if kind == "table" and year_heading(page, start, end):
            continue    # "Electricity use (TWh) 2019 2020 2021": the columns' years, no figures in TWh
        if flat_power(page, start, end):
            continue    # "from 1010 to 1015 binary digits", "2 × 109": 10 to a power printed flat, no count
        if equation_term(page, start, end):
            continue    # "11 items" of "x^2 + 3x = 11 items": a term of an equation, no count
        if unit == "dimensionless" and page[max(start, end - 4):end].lower() == "fold" and cross_folds(page, end):
            continue    # "5-fold cross-validation": the folds the data is split into, no factor
        if bounds is None:
            bounds = _sentence_bounds(page)
            if edges is not None:           # sentences start after the page's header and end before its footer
                bounds = sorted(set(bounds).union(e for e in edges if 0 < e < len(page)))
        per = ""
        if kind == "table" and unit_text and "/" not in unit:
            # "Energy per query (Wh)", "Energy (kWh) per 1,000 queries" over cells: each cell is per that
            got = _header_per(page, start, unit_text)
            if not got and _an_amount(unit):
                got = row_per(page, start)      # "per day 36 30", "Daily 36 30": a row of amounts per day
            if got:
                per, unit_text = got, f"{unit_text} per {got}"
        if unit.endswith("/item") and _PER_WORD.search(unit_text):
            # per a noun kb has no unit for ("25 kWh per run"): the amount's unit, and the per as printed
            unit, per = unit[:-len("/item")], _PER_WORD.split(unit_text)[-1]
        elif kind != "table" and "/" not in unit and unit != "dimensionless":
            # a count per things ("8 GPUs per node", "eight accelerators on every server", "each node has 8
            # GPUs"), or what it is of before its per ("two hundred
            # pages of text per case", "0.004 kWh of energy per query"): a rate, never a total
            count = _counts(unit)
            of = _OF_NOUN.match(page, end)
            noun = _NOUN_ON.match(page, end) if of is None and count else None
            if noun is not None and noun.group("w").lower() not in _NOT_NOUN:
                of = noun           # a count's noun of two words before its per: "87 token edits per paragraph"
            after = (_PER_NOUN.match(page, end) if count else None) or (
                _PER_NOUN.match(page, of.end()) if of is not None else None)
            if noun is not None and of is noun and after is not None and after.start() == noun.end():
                unit_text = f"{unit_text} {noun.group('w')}"
            got = _spent_per(after) if after is not None else None
            subject = _EACH_BEFORE.search(page, max(0, start - 80), start) if got is None and count else \
                EACH_THING_BEFORE.search(page, max(0, start - 80), start) if got is None and adds_up(unit) else None
            unnamed = False
            named = None
            if got is None and subject is None and count:
                # "64 nodes each with 8 GPUs": per node; "100 sheets of paper each containing 50 lines": per sheet
                each_with = _EACH_WITH_BEFORE.search(page, max(0, start - 80), start)
                named = distributed_over(page, each_with) if each_with is not None else None
            if named is None:
                named = each_doing(page, start) if got is None and subject is None and (count or adds_up(unit)) \
                    else None
            if got is None and subject is None and named is None and (count or adds_up(unit)) \
                    and _EACH_AFTER.match(page, end):
                # "64 nodes with 8 GPUs each": what each of them holds, per node; "the runs used 5 kWh each": per
                # run; "8 GPUs each": per each of something the page does not name here
                subject = _WITH_BEFORE.search(page, max(0, start - 80), start)
                named = subject_of(page, start) if subject is None else None
                unnamed = subject is None and named is None
            if got is None and subject is None and named is None and not unnamed and (count or unit != "%") \
                    and "each" in page[max(0, start - 80):start].lower():
                # "the servers each have 8 GPUs": per server; "they each have 8 GPUs", "they each used 5 kWh": per
                # each of them
                subject = _EACH_VERB_BEFORE.search(page, max(0, start - 80), start)
                den = subject.group("den") if subject is not None else None
                if subject is not None and (den is None or _one(den).lower() == den.lower()):
                    subject, unnamed = None, True       # "Each has 8 GPUs": each of things named elsewhere
            if got is None and subject is None and named is None and not unnamed and (count or adds_up(unit)):
                # "energy per 1,000 queries was 2.9 kWh", "emissions per flight were 5 kg", "energy per query (Wh):
                # 0.3": a per its subject names, a heading's, is the figure's as one printed after it is
                got = _subject_per(page, start)
            per = got[0] if got is not None else _one(subject.group("den")) if subject is not None else \
                named or (EACH_UNNAMED if unnamed else "")
            if per:
                unit_text = f"{unit_text} each".strip() if unnamed else f"{unit_text} per {per}".strip()
        found.append(Candidate(
            page=page_no, start=start, end=end, number=num, value=value, unit=unit,
            low=low, high=high,
            sentence=(_line(page, start) if kind == "table"
                      else _sentence(page, bounds, start, end)),
            context=_collapse(page[max(0, start - 60):min(len(page), end + 60)]),
            unit_text=unit_text, kind=kind, per=per))
    return _respectively_listed(page, found)


#: A list of bare numbers right before a figure, which shares its unit: "12 and " of "12 and 35 kWh, respectively",
#: "16384, 8192 and " of "(16384, 8192 and 4096 tokens, respectively)".
_LIST_BEFORE = lazy(r"(?<![\w.,\-–/$€£])(?P<list>(?:\d[\d,]*(?:\.\d+)?(?:[ \t\n]*,[ \t\n]*(?:(?:and|or)[ \t\n]+)?"
                    r"|[ \t\n]+(?:and|or)[ \t\n]+))+)$")
#: What stands before a list of figures with no "respectively" after it, which makes it one: a word in lower case
#: ("took 62, 74, 112, 121 days", "use 12 and 35 kWh", "on 2, 4 and 8 GPUs") or an opening bracket; never a name's
#: or a label's ("Tables 1 and 4", "Scopes 1, 2, and 3", "T2 and 8"), nor a range's ("between 10 and 20 kWh").
_LIST_LEAD = lazy(r"(?:(?<![\w-])(?P<w>[a-z][a-z-]*)|\()[ \t\n]*$")
_NO_LIST_LEAD = frozenset({"between", "from", "to", "and", "or", "of", "vs", "versus", "than", "table", "tables",
                           "figure", "figures", "fig", "section", "sections", "eq", "equation", "equations", "step",
                           "steps", "scope", "scopes", "version", "versions", "model", "models", "chapter", "task",
                           "tasks", "appendix", "phase", "phases", "tier", "tiers", "level", "levels", "type", "types",
                           "row", "rows", "column", "columns", "line", "lines", "page", "pages", "item", "items"})
_YEARISH = lazy(r"1[89]\d\d|20\d\d")
#: "respectively" right after a figure's unit: ", respectively" of "12 and 35 kWh, respectively".
_RESPECTIVELY_AFTER = lazy(r"[ \t\n]*,?[ \t\n]*respectively\b")
_LISTED_NUMBER = lazy(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|\d+(?:\.\d+)?")


def _respectively_listed(page: str, found: list[Candidate]) -> list[Candidate]:
    """`found` with the figures of a list whose unit only its last prints, where "respectively" follows it: "12 kWh" and
    "35 kWh" of "training and inference use 12 and 35 kWh, respectively" (the list is of figures, one a subject, each
    in that unit), or a word in lower case leads it ("the runs took 62, 74, 112, 121 days", "2, 4 and 8 GPUs"; never
    "Tables 1 and 4", nor a range's "between 10 and 20 kWh"); the last alone was found. Never a number a candidate holds already, nor one of a name ("Rouge-1")."""
    taken = [(c.start, c.end) for c in found]
    extra: list[Candidate] = []
    for c in found:
        if c.kind != "quantity" or c.low is not None or c.per or not c.unit or c.unit == "dimensionless" \
                or not c.number[:1].isdigit():
            continue
        listed = _LIST_BEFORE.search(page, max(0, c.start - 120), c.start)
        if listed is None:
            continue
        if _RESPECTIVELY_AFTER.match(page, c.end) is None:
            # no "respectively": a list of figures only where a word in lower case leads it ("use 12 and 35 kWh"),
            # none a year's ("in 2019 and 35 kWh")
            lead = _LIST_LEAD.search(page, max(0, listed.start("list") - 40), listed.start("list"))
            if lead is None or (lead.group("w") or "").lower() in _NO_LIST_LEAD \
                    or any(_YEARISH.fullmatch(m.group()) for m in
                           _LISTED_NUMBER.finditer(page, listed.start("list"), listed.end("list"))):
                continue
        for m in _LISTED_NUMBER.finditer(page, listed.start("list"), listed.end("list")):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            try:
                value = float(m.group().replace(",", ""))
            except ValueError:      # pragma: no cover - the pattern reads digits only
                continue
            extra.append(replace(c, start=m.start(), end=m.start() + len(m.group()), number=m.group(), value=value,
                                 context=_collapse(page[max(0, m.start() - 60):min(len(page), m.end() + 60)])))
    if not extra:
        return found
    return sorted(found + extra, key=lambda c: (c.start, c.end))


#: The words that hedge a number a sentence's unit or name carries on to ("is about 46", "with nearly 0.36",
#: "a factor of over 300"), in the patterns of what stands before a number below.
_HEDGES = r"about|around|roughly|approximately|only|just|nearly|almost|over|under"
# A unit named before its number: "TeraFLOPS/second is 46", "kWh per GPU hour to range
# from 0.07 to 0.28", "the average gCO2e/kWh was 0.429".
_LEAD_VERB = (r"[ \t\n]+(?:is|are|was|were|of|(?:to[ \t\n]+)?ranges?[ \t\n]+from"
              r"|(?:to[ \t\n]+)?average[sd]?)[ \t\n]+"
              rf"(?:(?:{_HEDGES})[ \t\n]+|~[ \t]?)?$")
_UNIT_LEAD = lazy(rf"(?:^|(?<=[\s(]))(?P<u>(?:{_UNIT_BODY})(?:{_RATE})?)(?:{_LEAD_VERB})")
# "We find CO2 (grams) per GPU hour in the most efficient region to average 34": a mass of
# CO2 named "CO2 (grams)", a few words between it and its verb.
_CO2_LEAD = lazy(rf"(?:^|(?<=\s))(?:C\s?O\s?2(?:e|eq)?)[ \t]*\((?P<m>grams|g|kg|kilograms|tons|tonnes|lbs|pounds)\)"
                 rf"(?P<rate>{_RATE})?(?:[ \t\n]+[a-z]+){{0,6}}?(?:{_LEAD_VERB})")
# What stands right before a number the sentence's unit carries on to ("with 0.36",
# "found 32", "a range of 63 to 202"); not "respectively 18", a footnote mark.
_LINK_BEFORE = lazy(r"(?:\bwith|\bof|\bto|\band|\bor|\baverage[sd]?|\bfound|\bfrom|\bis|\bare|\bwas"
                    rf"|\bwere|\bbetween|\bvs\.?)[ \t\n]+(?:(?:{_HEDGES})[ \t\n]+|~[ \t]?)?$")
_LEAD_HINT = lazy(r"(?:\bis|\bare|\bwas|\bwere|\bof|\bfrom|\baverage[sd]?)[ \t\n]+(?:[a-z]+[ \t\n]+)?(?:~[ \t]?)?$")
# The rest of the sentence whose unit came first: "..., compared to Patterson et al. [34]
# with 0.22 to 0.47, and Patterson et al. [33] with 0.36."
_SAME_SENTENCE = lazy(r"(?:\bal\.|\bvs\.|\bcf\.|[^.;:!?\d]|\.(?=\S)|\[\d+(?:,[ ]?\d+)*\])*")
# "46 for TPU v2, 123 for TPU v3, and 125 for V100": the list that carries that unit on.
_LIST_ON = lazy(r"[ \t\n]+for[ \t\n]+[^\d,.;:()\[\]]{1,30}?(?:[ \t]?v?\d\w*)?,?[ \t\n]+(?:and[ \t\n]+)?$")
_BARE_TO = lazy(r"[ \t]{0,3}(?:[-–—]|to)[ \t\n]{0,3}")


# "(mean age: 28.3; SD:4.1": an age is in years, and its spread after it as well.
_AGE_BEFORE = lazy(r"(?i:\b(?:mean|median|average)?[ \t]*age[sd]?)[ \t]*(?::|=|\bof|\bwas|\bis|\bwere)?[ \t]*$")
#: What stands before a figure's uncertainty, which is no figure: "3.2 ± 0.1", "+/- 0.1", "plus or minus 0.1",
#: "(SD 0.4)", "(SD = 0.4)", "s.d. 0.4", "σ = 0.4", "with a standard deviation of 0.4", "a standard error of
#: 0.2". A page's extraction and a claim's quote (kb.quantities.quoted) read it alike (`spread_before`).
SPREAD_BEFORE = lazy(r"(?:±|\+/-|\+-|(?i:\bplus\s+or\s+minus)|(?<![\w.])(?:SD|SE|SEM|sd|s\.d\.|s\.e\.|std\.?|stdev|σ)"
                     r"|(?i:\bstandard\s+(?:deviation|error)s?(?:\s+of\s+the\s+mean)?))\s*(?:[=:]\s*|of\s+)?\(?$")
#: ... and in words: "an uncertainty of 12%", "a margin of error of 3 points", "the error margin is 2%" (an error of
#: 12% is a figure: "a top-1 error of 12%"). Asked only of text holding its words (`spread_before`): every number
#: of a page is asked, and a pattern of words costs at each place it may start.
_SPREAD_WORDS_BEFORE = lazy(r"(?i:\b(?:uncertaint(?:y|ies)|margins?\s+of\s+error|error\s+margins?|error\s+bars?)\s*"
                            r"(?:[=:]\s*|(?:of|was|is|were|are)\s+)(?:(?:about|around|approximately|roughly|some|~|≈)\s*)?)"
                            r"\(?$")


def spread_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """What makes the number at `end` an uncertainty of a figure, in `text[start:end]` before it
    (`SPREAD_BEFORE`, `_SPREAD_WORDS_BEFORE`), or None."""
    m = SPREAD_BEFORE.search(text, start, end)
    if m is None and ("ncertaint" in text[start:end] or "rror" in text[start:end]):
        m = _SPREAD_WORDS_BEFORE.search(text, start, end)
    return m


#: The same words after the uncertainty: "a 12% uncertainty", "a 3-point margin of error".
SPREAD_AFTER = lazy(r"(?i)[ ]?(?:%|percent|per[ ]cent)?[ -]?(?:points?[ ])?(?:uncertainty|margin[ ]of[ ]error|error[ ]margin)\b")
#: A confidence interval: its level ("95% CI"), the words before its bounds ("CI: ", "confidence interval of "),
#: a figure and the bracket its interval opens ("3.6 (", "51.2% ["), and the rest of the bounds to the bracket's
#: end ("–4.2)", "%, 84.3%]"). kb.quantities.quoted reads a quote's so.
_CI_LEVEL = lazy(r"[ \t]?%[ \t]*(?:CI\b|(?i:confidence[ \t]+intervals?\b))")
_CI_WORDS_BEFORE = lazy(r"(?:\bCI|(?i:\bconfidence[ \t]+intervals?))[ \t]*(?:[=:][ \t]*|of[ \t]+)?[\[(]?[ \t]*$")
_FIGURE_THEN_BRACKET = lazy(r"(?<![\w.,])\d[\d.,]*[ \t]?%?[ \t]?[(\[][ \t]*$")
_BRACKET_BOUNDS = lazy(r"[ \t]?%?[ \t]?(?:[-–—,;]|to\b)[ \t]?[-−]?[$€£]?\d[\d.,]*[ \t]?(?:%|[A-Za-z][^\s()\[\]]{0,9})?"
                      r"[ \t]?[)\]]")
#: A percentage and its uncertainty after it in parentheses, as result tables print them: "81.2% (0.4%)".
_PERCENT_THEN_PAREN = lazy(r"\d[ \t]?%[ \t]?\([ \t]?$")
_PERCENT_PAREN_SHUTS = lazy(r"[ \t]?%[ \t]?\)")
_PLUS_MINUS = lazy(r"[ \t]*(?:±|\+/-|\+-)[ \t]*")
#: A figure's interval or spread in a bracket between it and its unit: "3.6 (3.1–4.2) kWh", "4.1 (95% CI 3.8–4.4)
#: kWh", "4.1 [95% CI: 3.8, 4.4] kWh", "2.5 (± 0.3) kWh", "2.5 (SD = 0.3) kWh": the figure is 3.6 kWh, in the unit
#: after the bracket, as kb.quantities.quoted reads a quote's (the bounds no figures of their own).
_BRACKETED_SPREAD = lazy(
    r"[ \t]?[(\[][ \t]*(?:(?:\d{1,2}(?:\.\d+)?[ \t]?%[ \t]*)?(?:CI|CrI|UI|(?i:(?:confidence|credible|uncertainty)"
    r"[ \t]+intervals?|(?:interquartile[ \t]+)?range|IQR))[ \t]*(?:[=:,][ \t]*|of[ \t]+)?)?"
    r"(?:[$€£]?(?P<lo>[-−]?\d[\d.,]*)[ \t]?(?:[-–—,;]|to\b)[ \t]?[$€£]?(?P<hi>[-−]?\d[\d.,]*)"
    r"|(?:±|\+/-|\+-|SD|SE|SEM|sd|s\.d\.|s\.e\.|σ)[ \t]*[=:]?[ \t]*\d[\d.,]*)[ \t]*[)\]]")
#: A scale word after a figure's bracketed interval: " million" of "$3.6 ($3.1–$4.2) million".
_SCALE_AFTER = lazy(r"[ \t]{1,3}\n?[ \t]{0,3}(thousand|million|billion|trillion)\b")
_SPREAD_ON = lazy(r"[ \t]*[;,]?[ \t]*(?:SD|s\.d\.|std\.?|σ)[ \t]*[:=]?[ \t]*$|[ \t]*±[ \t]*$")


#: A bracket's first number and a range's separator before a number ("[3.1 to "): its first bound was passed over
#: as a citation's, so the number is its second bound.
_SECOND_IN_BRACKET = lazy(r"\[[ \t]*\d[\d.,]*[ \t]?(?:[-–—]|to)[ \t]?$")
_BRACKET_OPENS = lazy(r"[ \t]?[(\[][ \t]*")
_BRACKET_SHUTS = lazy(r"[ \t]?[)\]]")


def _brackets_last(page: str, pending: list[tuple], pos: int, end: int, canon: str, low: float | None,
                   high: float | None) -> bool:
    """Whether the range `low`..`high` at `pos`..`end` is all a bracket holds right after a figure in the same
    unit that lies between its bounds: that figure's interval ("3.6 kWh (3.1–4.2 kWh)"), as a quote's is read
    (kb.quantities.quoted), no fact of its own."""
    if not pending or low is None or high is None:
        return False
    _, last_end, _, last_value, last_canon, last_low, _, _, kind = pending[-1]
    return (kind == "quantity" and last_canon == canon and last_low is None and low <= last_value <= high
            and _BRACKET_OPENS.fullmatch(page, last_end, pos) is not None and _BRACKET_SHUTS.match(page, end) is not None)


def _holds(bracketed: re.Match[str], value: float) -> bool:
    """Whether the bounds in a bracket after a figure (`_BRACKETED_SPREAD`) are its interval: they hold it
    ("3.6 (3.1–4.2)"), as a spread ("± 0.3") always does."""
    if bracketed.group("lo") is None:
        return True
    try:
        lo, hi = (float(bracketed.group(g).replace("−", "-").replace(",", "")) for g in ("lo", "hi"))
    except ValueError:
        return False
    return lo <= value <= hi


def _of_which(page: str, pos: int, end: int, pending: list[tuple]) -> tuple[str, str, int] | None:
    """(unit, noun, end) of "N of which" after a count in the same sentence."""
    if not _OF_WHICH_AFTER.match(page, end) or not pending:
        return None
    last = pending[-1]
    if pos - last[1] > 120 or not _is_count(last[4]) or re.search(r"[.;]\s", page[last[1]:pos]):
        return None
    return last[4], last[7], end


def _listed_on(page: str, pos: int, end: int, listed: tuple[str, str, int, bool] | None
               ) -> tuple[str, str, int] | None:
    """(unit, as written, end) of a number whose unit the figure just before gives:
    the spread after a mean ("28.3; SD:4.1")."""
    if listed is not None and 0 <= pos - listed[2] <= 12 and _SPREAD_ON.fullmatch(page, listed[2], pos):
        return listed[0], listed[1], end
    return None


def _unit_before(page: str, pos: int, listed: tuple[str, str, int, bool] | None
                 ) -> tuple[str, str] | None:
    """(canonical unit, unit as written) named before a number that has none after it."""
    if listed is not None and 0 <= pos - listed[2] <= 60 and _LIST_ON.fullmatch(page, listed[2], pos):
        return listed[0], listed[1]
    before = page[max(0, pos - 90):pos]
    if _AGE_BEFORE.search(before[-20:]):
        return "year", "age"
    if not (_LEAD_HINT.search(before, max(0, len(before) - 24))
            or listed is not None and pos - listed[2] <= 160):
        return None  # no verb that could follow a unit's name, nor a sentence going on
    cm = _CO2_LEAD.search(before)
    if cm is not None:
        text = f"{cm.group('m')} CO2e" + (cm.group("rate") or "")
        canon = _canonical(text)
        if canon is not None:
            return canon, " ".join(text.split())
    if (listed is not None and 0 <= pos - listed[2] <= 160 and listed[3]
            and _SAME_SENTENCE.fullmatch(page, listed[2], pos) and _LINK_BEFORE.search(before)):
        return listed[0], listed[1]  # the sentence goes on about the unit it named first
    lm = _UNIT_LEAD.search(before)
    if lm is None:
        return None
    text = lm.group("u")
    if len(text.strip()) < 2 or text.strip().lower() in ("in", "at", "min", "t", "h"):
        return None
    head = before[:lm.start("u")].rstrip()
    if head[-1:].isdigit() or head.endswith(("$", "%")):
        return None  # "5 kWh is 18 MJ": the unit belongs to the number before it
    if _unit_kind(lm) in ("ratio", "count", "percent"):
        return None  # "times is 3", "tokens of 5", "percent of 12": not a unit's name
    canon = (_canonical(_DEVICE_VERSION.sub(r"\1", _DEVICE_MODEL_RE.sub("", text.strip()).strip()))
             if _unit_kind(lm) == "device" else _canonical(text))
    if canon is None or canon == "dimensionless":
        return None
    return canon, " ".join(text.split())


def _bare_range(page: str, m: re.Match[str], first: Any
                ) -> tuple[int, float | None, float | None, float, str]:
    """(end, low, high, value, number as written) of a number with no unit of its own,
    or of the range "0.07 to 0.28" it starts."""
    rs = _BARE_TO.match(page, m.end())
    m2 = _NUM.match(page, rs.end()) if rs is not None else None
    if m2 is not None and not m2.group("cur") and not page[m2.end():m2.end() + 1].isalnum():
        try:
            second = read_number(m2)
        except KBError:
            second = None
        if second is not None and second.value > first.value:
            return (m2.end(), float(first.lo), float(second.hi),
                    float((first.value + second.value) / 2), _range_text(m, rs.group(0), m2))
    return m.end(), None, None, float(first.value), _num_text(m)


_PRODUCT = lazy(r"[x×][ ]?(?=\d)")
_PRODUCT_NOUN = lazy(r"[ \t]*(?:\n[ \t]*)?(?P<w>[A-Z]{2,}s|[a-z]{3,}s)\b")


def _product_count(page: str, m: re.Match[str], user_re: re.Pattern[str] | None
                   ) -> tuple[str, str, int] | None:
    """(unit, noun, start of the size) of a count written as a product with a size:
    "16x16GB DIMMs" (16 DIMMs of 16 GB), "8×80GB GPUs"; None otherwise."""
    if m.group("exp") or m.group("scale") or m.group("cur") or not m.group("mant").isdigit():
        return None
    px = _PRODUCT.match(page, m.end())
    if px is None:
        return None
    m2 = _NUM.match(page, px.end())
    if m2 is None:
        return None
    um = _match_unit(page, m2.end(), user_re, None, m2.start())
    if um is None or um[0] in ("ratio", "count", "percent", "device"):
        return None
    noun = _PRODUCT_NOUN.match(page, um[2])
    unit = "item"
    word = ""
    if noun is not None:
        word = noun.group("w")
        known = _canonical(word) or _canonical(word.lower())
        if known is not None and known != "dimensionless" and _is_count(known) or known in ("GPU", "TPU"):
            unit = known
    return unit, word, px.end()


# Units a glued number may carry ("took12days", "upto75%", "emitted10.5kg"): not
# counts or ratios, which would read "ml6team" or "cd45x" as figures.
_GLUED_KINDS = {"co2e_or_mass", "flop", "energy", "percent", "money", "time", "length", "user"}

# "a PUE of 1.2", "PUE coefficient of 1.58", "an F1 score of 87.5", "BLEU = 28.4": a named
# plain number; the name (an acronym, or ratio/score) is its unit when kb knows it
# as one (PUE), and stays in the candidate's sentence otherwise.
_NAMED_BEFORE = lazy(
    r"(?P<name>\b[A-Z][A-Za-z]?[A-Z0-9]{1,5}(?:-[A-Z0-9]+)?|\bnDCG(?:@\d+)?|\bmAP|(?i:\bratio|\bscore|\brate))"
    r"(?:[ \t]+(?i:score|value|coe(?:ffi|fﬁ|ﬃ)cient|ratio|factor|of\s+the\s+\w+))?"
    r"[ \t\n]*(?::|=|≈|\bof|\bis|\bwas|\bwere|\bare|\bwould\s+be|\bbecomes?|\breached|\bat)"
    rf"[ \t\n]*(?:(?i:{_HEDGES}"
    r"|below|above|up\s+to|less\s+than|more\s+than|at\s+least|at\s+most)[ \t\n]+|[~≈][ \t]?)?$")
# "an increase of just 0.1 BLEU", "a 1.2 PUE": a score or ratio named after its number.
_NAMED_AFTER = lazy(r"[ \t]*\n?[ \t]*(?P<name>PUE|BLEU|ROUGE(?:-[L12])?|F1|AUC|AUROC|MRR|n?DCG|nDCG@\d+"
                    r"|MAP|mAP|WER|CER|FID|EM|PPL|CUE|WUE)(?![\w-])")
_PUE_VALUE = lazy(r"[1-3]\.\d{1,3}")
_VERB_BEFORE = lazy(r"(?i:\b(?:was|is|were|are|be|of|at|to|from|averaged|average))[ \t\n]+(?:~[ \t]?)?$")
# "by a factor of over 300", "a factor of 2": a ratio.
_FACTOR_BEFORE = lazy(
    rf"(?i:\bfactors?[ \t\n]+of)[ \t\n]*(?:(?i:{_HEDGES}"
    r"|up\s+to|more\s+than|less\s+than|at\s+least|some)[ \t\n]+"
    r"|[~≈][ \t]?)?$")
# "10-fold", "15:1".
_RATIO_AFTER = lazy(r"(?:[-‐–][ \t]?(?i:fold)(?![A-Za-z])|:[ \t]?1(?!\d|[.,]\d|:))")
#: A journal's volume and issue or pages a colon joins ("volume 25:1", "Linguistics 25:1", "8:1-14"): no ratio, which
#: the "N:M" notation is only with none of these about it.
_COLON_AFTER = lazy(r"[ \t]?:[ \t]?\d+(?P<range>[ \t]?[-‐–—][ \t]?\d)?")
_CITED_BEFORE = lazy(r"(?:(?i:\b(?:vol(?:ume)?s?|no|nos|nr|issues?|pp|pages?|art(?:icle)?)\.?)"
                     r"|\b(?!(?i:ratio|odds|rate|split|compression)\b)[A-Z][A-Za-z&]*[.,]?)[ \t]*\n?[ \t]*$")


def colon_citation(page: str, start: int, end: int) -> bool:
    """Whether the number at `start`..`end` is a volume before its issue or pages, which a colon joins ("25" of "volume
    25:1", "Linguistics 25:1", "8:1-14" of a page range), never a ratio's first term."""
    m = _COLON_AFTER.match(page, end)
    if m is None:
        return False
    return m.group("range") is not None or _CITED_BEFORE.search(page, max(0, start - 30), start) is not None


#: An exponent an extractor printed with its sign apart from its "e" ("2.2e − 16", "3e- 5"): no figure of its own.
_SPACED_EXPONENT = lazy(r"\d[eE](?:[ \t]+[-−+][ \t]*|[-−+][ \t]+)$")


def spaced_exponent(page: str, start: int) -> bool:
    """Whether the number at `start` is an exponent printed apart from its "e" and sign ("16" of "2.2e − 16")."""
    return page[start - 1:start] in (" ", "\t") and _SPACED_EXPONENT.search(page, max(0, start - 8), start) is not None


#: A run of algebra: terms (a number, a coefficient of a letter, a letter alone, a power of one) joined by "=", "+", "−",
#: "*" or "/" ("2x − 40x − 11 = 0", "x^2 + 3x = 11"); a number that is a term of one with "=", a "+" or "−" and a letter
#: in it is no figure ("11" of "2x − 40x − 11 = 0").
_EQ_TERM = r"(?:(?<![\w.,])\d+(?:\.\d+)?(?:[a-zA-Z](?![A-Za-z]))?|(?<![A-Za-z\d])[a-zA-Z](?![A-Za-z]))(?:\^\d+|[²³])?"
_EQUATION = lazy(rf"{_EQ_TERM}(?:[ \t]*[=+\-−*/][ \t]*{_EQ_TERM})+")
_EQ_OP_NEAR = lazy(r"[=+\-−*/]")
_EQ_LETTER = lazy(r"(?<![A-Za-z])[a-zA-Z](?![A-Za-z])")
_EQ_NUMBER = lazy(r"\d+(?:\.\d+)?")


def equation_term(page: str, start: int, end: int) -> bool:
    """Whether the number at `start`..`end` is a term of an equation with a letter in it ("11" and "40" of
    "2x − 40x − 11 = 0", "11" of "x^2 + 3x = 11"): no figure of a claim, nor with the word after it ("11 items" of
    "x^2 + 3x = 11 items": `end` may run past the number)."""
    figure = _EQ_NUMBER.match(page, start, end)
    if figure is not None:
        end = figure.end()
    if _EQ_OP_NEAR.search(page, max(0, start - 3), min(len(page), end + 4)) is None:
        return False
    lo = max(page.rfind("\n", 0, start) + 1, start - 120)
    hi = page.find("\n", end)
    hi = min(len(page) if hi < 0 else hi, end + 120)
    for m in _EQUATION.finditer(page, lo, hi):
        if m.start() > start:
            break
        if m.end() < end:
            continue
        run = m.group()
        return "=" in run and ("+" in run or "−" in run or " - " in run) and _EQ_LETTER.search(run) is not None
    return False


#: A times sign after a number before another or an accelerator ("2 × 8 GPUs", "16 x 4 examples", "8x A100 GPUs"): a
#: product of the two or a count, and
#: an "x" a sign of algebra follows or comes before ("y = 2x + 1", "3x^2", "+ 2x"): a coefficient of a variable; neither
#: a factor of the first number.
_TIMES_PRODUCT = lazy(r"[ \t]?[xX×✕][ \t]?(?=\d|[A-Z]\d{2,}|(?:NVIDIA|Nvidia|[GTC]PUs?)\b)")
_TIMES_ALGEBRA = lazy(r"[xX](?:[ \t]*(?:[+=^*/<>]|[-−][ \t])[ \t]*[\w(]|[²³])")
_ALGEBRA_BEFORE = lazy(r"[+*/^][ \t]*$")


#: A fold a validation's name follows ("5-fold cross-validation", "10 fold CV", "tenfold cross validation"): how many
#: parts the data is split into, no factor.
_CROSS_FOLDS = lazy(r"(?:[ \t]?[-‐–]?[ \t]?(?i:fold))?[ \t\n]+(?i:cross[- \t\n]?validat|(?-i:CV)\b)")


def cross_folds(page: str, end: int) -> bool:
    """Whether the number or fold word ending at `end` counts the folds of a cross-validation ("5" of "5-fold
    cross-validation"): no factor."""
    return _CROSS_FOLDS.match(page, end) is not None


#: "times" after a number, then words saying how often something was done, not how much more it is: "130 times out of
#: 400 cards", "ran each set 10 times to ensure", "13 times for Key Questions", "5 times in a row", "twice a day".
_TIMES_REPEATED = lazy(r"(?i)[ \t]?times[ \t\n]+(?:out[ \t\n]+of|for|to(?![ \t\n]*\d)|per|each|every|during|with|using"
                       r"|before|after|until|since|when|while|within|on|across|in[ \t\n]+(?:a[ \t\n]+row|total|succession"
                       r"|each|every|all)|an?[ \t\n]+(?:second|minute|hour|day|week|month|year|session|run))\b")


def times_repeated(page: str, end: int) -> bool:
    """Whether the number ending at `end` counts the times something was done ("130" of "130 times out of 400 cards",
    "10" of "ran it 10 times to ensure ..."): no factor, "130x" nor "a factor of 130"."""
    return _TIMES_REPEATED.match(page, end) is not None


def times_not_factor(page: str, start: int, end: int) -> bool:
    """Whether the times sign or "x" after the number at `start`..`end` makes no factor of it: a product of it and the
    number after ("2" of "2 × 8 GPUs"), or a coefficient in an equation ("2" of "y = 2x + 1", "3" of "3x^2")."""
    if _TIMES_PRODUCT.match(page, end) is not None:
        return True
    return _TIMES_ALGEBRA.match(page, end) is not None or (
        page[end:end + 1] in ("x", "X") and _ALGEBRA_BEFORE.search(page, max(0, start - 3), start) is not None)


# "(0.007 vs. 0.002 kWh)": the first number shares the unit written after the second.
_VS_AFTER = lazy(r"[ \t]*(?:vs\.?|versus|and|or|to)[ \t\n]+(?=[$€£\d])")
# A count with its noun: "we trained 12 models", "about 4 passengers", "4 DGX-2H servers",
# "213M parame-\nters". One or two words may stand between (an adjective, a model name).
_DEVICE_PLURAL = lazy(r"(?:(TPU[ -]?v?\d\w*)|[VAPHKT]\d{1,3}\w*?)s")
_TIME_WORDS = {"hours": "hour", "days": "day", "weeks": "week", "years": "year"}
#: A plural noun after a device word used as its modifier ("12 GPU nodes", "8 TPU pods"): what the
#: number counts; the device itself under another name ("GPU cards", "GPU devices") is the device.
_DEVICE_HOLDS = lazy(r"[ \t]{1,3}(?P<w>(?!(?i:cards|devices|units|boards|accelerators|chips|months|minutes)\b)"
                     r"[a-z]{3,}s)\b")
#: A device word already plural or named as chips ("GPUs", "TPU chips", "V100s"): the count is of it.
_DEVICE_PLURAL_END = lazy(r"(?i)(?:s|chips?)\s*$")
_DEVICE_WORD = lazy(r"\b(?:[VAPHKT]\d{1,3}|TPU|GPU)")
# A capitalised word right before the number: "Scope 2", "Tier 3", "Over 13K" (the
# last at a sentence start, so not a name).
_NAME_BEFORE = lazy(r"(?P<w>\b[A-Z][A-Za-z]+)[ \t]+$")
_SENTENCE_START = lazy(r"(?:^|[.!?\n(]|[.!?][\"”’)])[ \t]*$")
#: An exponent below zero, which makes no count: "e-5" of "3e-5", "× 10−4".
_NEGATIVE_EXP = lazy(r"[\-−]")
_COUNT_GAP = lazy(r"(?:[ \t]{1,4}\n?|\n)[ \t]*")
# "of which 6 are vitals": the count's noun comes after "are".
_OF_WHICH = lazy(r"(?i:\bof\s+(?:which|these|them|those|whom))\s+$")
_ARE = lazy(r"(?:are|were)[ \t\n]+")
_OF_WHICH_AND = lazy(r"(?i:\bof\s+which)\s+\d(?:[^.;]|\.(?=\S)){0,100}?(?:,|\band)\s+$")
# "380.5M citation links between papers (§2.6), 156.5M of which can be tied back": the
# count before names what these are.
_OF_WHICH_AFTER = lazy(r"[ \t\n]+of[ \t\n]+(?:which|these|them|those)\b")
_WERE = lazy(r"[ \t\n]+(?:were|are)[ \t\n]+(?!not\b)[a-z]")
_OF_THE_BEFORE = lazy(r"(?i:\bof\s+the)\s+\d[\d,.]*[kMB]?\s+(?P<noun>[a-z]{3,}s)\b")
_OF_THE = lazy(r"[ \t\n]+of[ \t\n]+the[ \t\n]+")
_COUNT_WORD = lazy(
    r"(?P<w>(?:[a-z][a-z]{1,24}-\n[ \t]*)?[a-z][a-z-]{1,24}|[A-Z][\w-]*\d[\w-]*|[A-Z]{2,}[\w-]*"
    r"|[A-Z][a-z]+-[a-z][a-z-]+|[A-Z][a-z]*[A-Z][A-Za-z]*"
    r"|[A-Z][a-z]{2,24}s)(?P<sep>[ \t]+|[ \t]*\n[ \t]*|(?=[^A-Za-z0-9-])|$)")
# Words after a number that are not what it counts: verbs ("Table 3 shows"), function
# words, and adjectives standing alone ("the 3 largest", "a 2 % ...").
_NOT_NOUNS = frozenset("""
is was has does uses shows takes gives means seems lists contains includes compares provides
reports presents describes illustrates summarizes depicts displays demonstrates highlights
indicates suggests achieves outperforms performs yields produces emits consumes runs costs
leads remains becomes appears needs allows makes follows requires refers corresponds focuses
improves increases decreases reduces helps saves goes comes lowers raises varies matches reaches
exceeds dominates
this thus as us its always perhaps across plus versus less whereas yes various previous
obvious respectively his hers ours yours theirs whose this these those others
""".split())
_BAD_MODS = frozenset("""
of the a an and or in on at to for from by with per than that which who as is was are were be
been has have had not no less least times fold percent only also just even still see
st nd rd th
""".split())

#: Words after a number that never name what it counts (`kb.quantities.quoted` reads them so).
NOT_COUNTED = _NOT_NOUNS | _BAD_MODS
#: A number standing as a clause's subject: at a sentence's or clause's start ("Here 17 says which", "Then 3 runs the
#: job", "and 5 uses it").
_SUBJECT_PLACE = lazy(r"(?i)(?:^|[.;:!?][ \t\n]*|\n[ \t]*\n[ \t]*|,[ \t\n]*|\b(?:here|then|now|thus|so|and|but|where"
                      r"|while|when|if|because|since|whereas|hence)[ \t\n]+)$")
#: ... and a word in -s after it that a verb's object or clause follows: " which of" of "17 says which of", " the" of
#: "3 runs the job", " it" of "5 uses it"; a noun so followed is rare, the verb ("17 says") no count of what it names.
#: A bare "that" or "which" opens a plural noun's relative clause as often ("Here 3 models that we trained", "Then 16
#: nodes which run the job"): a count, never a verb's subject.
_VERB_OBJECT = lazy(r"[ \t\n]+(?:which[ \t\n]+of|what|whether|how|why|the|this|these|those|its|their|our|his|her|it"
                    r"|them|him|us|me)\b")


def verb_after(page: str, pos: int, word: str, end: int) -> bool:
    """Whether `word`, ending at `end` after the number at `pos`, is the verb the number is the subject of ("17 says
    which of the operations", "Then two works the machine"), never a count of it ("two works were cited", "in 3 papers
    the model" are counts)."""
    return (word.endswith("s") and _VERB_OBJECT.match(page, end) is not None
            and _SUBJECT_PLACE.search(page, max(0, pos - 12), pos) is not None)


def _unitless_figure(page: str, pos: int, end: int, m: re.Match[str]
                     ) -> tuple[str, str, int] | None:
    """(canonical unit, unit or name as written, end) of a number kb reads without a
    unit word after it: a named plain number, a ratio, or a count with its noun."""
    before = page[max(0, pos - 60):pos]
    if re.search(r"(?:C[ \t]?O|𝐶𝑂)[ \t]?$", before):
        return None  # "CO 2 emissions"
    count = _count_figure(page, pos, end, m, before) or _row_label_count(page, pos, end)
    if count is not None:
        return count
    nb = _NOUN_PAREN.search(before)
    if (nb is not None and page.startswith(")", end) and m.group("mant").replace(",", "").isdigit()
            and not _is_year(m.group("mant"), m.group("exp"), m.group("scale"))):
        noun = nb.group("noun").lower()
        if _plural(noun) and noun not in _NOT_NOUNS:
            unit = _canonical(noun)  # "the majority of models (61)": 61 of them
            if unit is None or unit == "dimensionless" or not _is_count(unit):
                unit = "item"
            return unit, noun, end
    sp = _SCALE_POINTS.match(page, end)
    if sp is not None and m.group("mant").isdigit():
        return "item", "point scale", sp.end()  # "a 5-point Likert scale": its points
    na = _NAMED_AFTER.match(page, end)
    if na is not None and page[page.rfind("\n", 0, pos) + 1:pos].strip():  # "9  PUE and": a footnote
        name = na.group("name")
        return (_canonical(name) if name == "PUE" else None) or "dimensionless", name, na.end()
    nb = _NAMED_BEFORE.search(before)
    if nb is not None:
        name = nb.group("name")
        if name.isupper() or any(ch.isdigit() for ch in name) or name.lower() in ("ratio", "score", "rate",
                                                                                     "ndcg", "map"):
            if page[end:end + 1] not in ("%",) and not page[end:end + 1].isalpha():
                canon = _canonical(name) if name == "PUE" else None
                return canon or "dimensionless", name, end
    if _FACTOR_BEFORE.search(before):
        return "dimensionless", "factor", end
    if (_PUE_VALUE.fullmatch(m.group(0)) and _VERB_BEFORE.search(before)
            and "PUE" in page[max(0, pos - 260):pos] and not page[end:end + 1].isalpha()
            and 1.0 <= float(m.group(0)) <= 3.0):
        # "( PUE ) would be 1.50. The US national datacenter average in 2018 was 1.58":
        # a plain decimal said of the PUE the sentence is about
        return _canonical("PUE") or "dimensionless", "PUE", end
    ra = _RATIO_AFTER.match(page, end)
    if ra is not None and not (ra.group(0).startswith(":") and colon_citation(page, pos, end)):
        return "dimensionless", ra.group(0).strip(" -‐–"), ra.end()
    vs = _VS_AFTER.match(page, end)
    if vs is not None and (vs.group(0).strip().startswith("v") or "(" in before[-3:]):
        m2 = _NUM.match(page, vs.end())
        if m2 is not None:
            um2 = _match_unit(page, m2.end(), None, None, m2.start())
            if um2 is not None and um2[0] not in ("ratio", "count"):
                canon = _canonical(um2[1])
                if canon is not None and canon != "dimensionless":
                    return canon, um2[1], end
    return None


#: Words making a count with decimals a mean: "an average of 41.0 citations", "a mean of 3.5 authors" ...
_MEAN_BEFORE = lazy(r"(?i:\b(?:average|mean|median)[ \t\n]+(?:of[ \t\n]+)?(?:about[ \t\n]+|around[ \t\n]+"
                    r"|approximately[ \t\n]+|roughly[ \t\n]+)?)$|(?i:\b(?:averag(?:ed?|ing)|averages))[ \t\n]+$")
#: ... or after its noun: "41.0 citations on average", "3.5 authors per paper" (per the noun printed).
_MEAN_AFTER = lazy(r"[ \t\n]+(?:(?i:on[ \t\n]+(?:the[ \t\n]+)?average)\b|(?P<per>per[ \t\n]+(?:an?[ \t\n]+)?"
                   r"(?P<words>[a-z]{3,}(?:[ \t]*\n?[ \t]*(?<=\s)[a-z]{3,}){0,2})\b(?!-))(?P<denom>(?!))?(?P<adverb>(?!))?)")


#: What follows a score's points with decimals ("by 2.7 points, respectively", "a 3.1 point absolute increase", "with
#: 2.3 points."): never a scale's points ("a 4.5-point scale"), nor a point of a game or a list.
_SCORE_POINTS = lazy(r"(?:[ \t\n]*[,.;)]|[ \t\n]+(?:(?:absolute|relative|average|higher|lower|better|worse|more|less|"
                     r"of|in|on|over|above|below|gain|gains|increase|improvement|drop|decrease|respectively)\b))")


def _count_figure(page: str, pos: int, end: int, m: re.Match[str], before: str,
                  depth: int = 0) -> tuple[str, str, int] | None:
    """(unit, noun, end) of a count with its noun after the number, if it is one; a count with
    decimals only as a mean ("an average of 41.0 citations", "3.5 authors per paper": per paper)."""
    if "." not in m.group("mant") or m.group("scale") or depth:
        return _whole_count_figure(page, pos, end, m, before, depth)
    got = _whole_count_figure(page, pos, end, m, before, depth, mean=True)
    if got is None or "/" in got[0]:
        return None
    after = _MEAN_AFTER.match(page, got[2])
    if after is not None and after.group("per"):
        per = _spent_per(after)     # "1.4 false alarms per true alarm": per alarm
        noun = per[0] if per is not None else ""
        if not noun or _canonical(noun, nouns=True) != "item" and not _is_count(_canonical(noun) or ""):
            return None         # "3.5 tasks per hour", "per the report": no mean count
        return f"{got[0]}/item", f"{got[1]} per {noun}", per[1]
    if after is None and got[1].lower() in ("point", "points") and _SCORE_POINTS.match(page, got[2]):
        return got              # "by 2.7 points", "a 3.1 point absolute increase": a score's points
    if after is None and not _MEAN_BEFORE.search(before):
        return None             # "45.2 models": a table's cell, a version, a score; a count is whole
    return got


def _whole_count_figure(page: str, pos: int, end: int, m: re.Match[str], before: str,
                        depth: int = 0, mean: bool = False) -> tuple[str, str, int] | None:
    mant = m.group("mant")
    if ("." in mant and not m.group("scale") and not mean
            or "," in mant and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", mant)):
        return None  # a count is a whole number ("8.1M papers" is one)
    if _is_year(mant, m.group("exp"), m.group("scale")):
        return None
    if m.group("exp") and _NEGATIVE_EXP.search(m.group("exp")):
        return None  # "3e-5 following authors' recommendation": a learning rate, never a count (a count is whole)
    name = _NAME_BEFORE.search(before)
    if name is not None and not _SENTENCE_START.search(before, 0, name.start("w")):
        return None  # "Scope 2 emissions", "Tier 3 datacenters": a name, not a count
    if mant == "1" and not m.group("scale") and not _ONE_BEFORE.search(before):
        return None  # "level 1 topics", "P 1 cite": a name or a label, not one of a thing
    gap = _COUNT_GAP.match(page, end)
    if gap is None or "\n" in gap.group(0) and _after_cell(page, pos):
        return None
    at = gap.end()
    if _OF_WHICH.search(before) or _OF_WHICH_AND.search(before):
        # "of which 6 are vitals (...), and 28 are laboratory values"
        are = _ARE.match(page, at)
        if are is not None:
            at = are.end()
    if depth == 0 and _WERE.match(page, end):
        # "Of the 126 citations, 35 were selected by two strategies": the noun before
        ref = None
        for ref in _OF_THE_BEFORE.finditer(page, max(0, pos - 240), pos):
            pass
        if ref is not None and "\n\n" not in page[ref.end():pos]:
            noun = ref.group("noun").lower()
            unit = _canonical(noun)
            if unit is None or unit == "dimensionless" or not _is_count(unit):
                unit = "item"
            return unit, noun, end
    if depth == 0:
        # "27.6M of the 28.9M PDFs", "12 to 20 total highlighted citations": the noun
        # after the second number counts the first as well.
        link = _OF_THE.match(page, end) or _RANGE_SEP.match(page, end)
        m2 = _NUM.match(page, link.end()) if link is not None else None
        scaled = m.group("scale") and m2 is not None and m2.group("scale")  # "131M and 210M parameters"
        if m2 is not None and m2.start() > end and (link.group(0).strip() not in ("and", "") or scaled):
            second = _count_figure(page, m2.start(), m2.end(), m2, page[max(0, m2.start() - 60):m2.start()],
                                   depth=1)
            if second is not None:
                return second[0], second[1], end
    for _ in range(4):  # the noun, or up to three words before it
        w = _COUNT_WORD.match(page, at)
        if w is None:
            return None
        word = w.group("w")
        noun = re.sub(r"-\n[ \t]*", "", word)
        if noun.endswith("-") and w.group("sep") in (" ", "\n"):
            rest = _COUNT_WORD.match(page, w.end())
            if rest is not None and rest.group("w")[:1].islower() and rest.group("w") not in _BAD_MODS:
                noun, w = noun[:-1] + rest.group("w"), rest     # "three ap- proaches": approaches, never "proaches"
        low = noun.lower()
        if low in _NOT_NOUNS or low in _BAD_MODS:
            return None
        dev = _DEVICE_PLURAL.fullmatch(noun)
        if dev is not None:
            return ("TPU" if dev.group(1) else "GPU"), noun, w.end("w")  # "8 V100s", "64 TPU v3s"
        if re.fullmatch(r"[A-Z]{2,6}s", noun):
            known = _canonical(noun)  # "3 more GPUs"; "28.9M PDFs", "12 LLMs": things counted
            return (known if known and known != "dimensionless" else "item"), noun, w.end("w")
        if noun[:1].isupper() and noun[1:].islower() and noun.isalpha():
            return None  # "5 Conclusions", "33 Tables 1 and 4": a heading, a footnote mark
        if low in _MODEL_WORDS and m.group("scale") and m.group("scale").strip()[:1] in "MBbmt":
            # "the 600B sparse MoE model", "a 2.3B dense model": its parameters
            return "parameter", "parameters", m.end()
        if at == gap.end() and low in _SINGULAR_COUNTS and w.group("sep").strip(" \t") == "" \
                and not _plural_next(page, w.end("w")):
            # "a 2 layer LSTM", "a 6-layer ...": a count written as an adjective (never before a plural it names:
            # "12 language models" counts models, "8 server racks" racks)
            unit = _canonical(low)
            if unit is not None and _is_count(unit):
                return unit, low, w.end("w")
        if noun[:1].islower():
            if low in _TIME_WORDS and at > gap.end():
                # "117,780 P100 hours", "633 TPU v2 hours": accelerator time
                mods = page[gap.end():at]
                if _DEVICE_WORD.search(mods):
                    dev = "TPU" if "TPU" in mods else "GPU"
                    return _canonical(f"{dev}_{_TIME_WORDS[low]}") or "item", f"{mods}{low}", w.end("w")
                return None
            if low in _GENDERS:
                return "person", low, w.end("w")  # "8 male and 2 female"
            if _plural(low):
                if at == gap.end() and verb_after(page, pos, low, w.end("w")):
                    return None     # "Here 17 says which ...": the verb 17 is the subject of, no count of it
                unit = _canonical(low)
                if unit is not None and _measures(unit):
                    return _measured(page, unit, low, w.end("w"))
                if unit is None or unit == "dimensionless" or not _is_count(unit):
                    unit = "item"
                per = _PER_TIME.match(page, w.end("w"))
                if per is not None:  # "10 million users per day"
                    rate = _canonical(f"{unit}/{per.group('t')}")
                    if rate is not None:
                        return rate, page[w.start("w"):per.end()], per.end()
                return unit, low, w.end("w")
            if mant == "1" and noun.isalpha() and len(low) >= 3 and (
                    w.group("sep").strip(" \t\n") or not w.group("sep") or _count_ends(page, w.end())):
                # "1 postdoc, and 1 industry research scientist": one of a thing
                unit = _canonical(low)
                if unit is not None and _measures(unit):
                    return _measured(page, unit, low, w.end("w"))
                if unit is None or unit == "dimensionless" or not _is_count(unit):
                    unit = "item"
                return unit, page[gap.end():w.end("w")], w.end("w")
        if not w.group("sep").strip(" \t\n") == "" or not w.group("sep"):
            return None  # punctuation ends the phrase
        at = w.end()
    return None


@functools.lru_cache(maxsize=1024)
def _measures(unit: str) -> bool:
    """Whether a noun's canonical unit is one pint measures with, no count nor plain number ("acre", "cal", "bbl",
    "thm" of "acres", "calories", "barrels", "therms"; never "item" of "points", nor "deg" of "degrees")."""
    try:
        return dimension_name(parse_unit(unit)) not in ("a count", "accelerators", "a plain number")
    except KBError:
        return False


def _measured(page: str, unit: str, noun: str, end: int) -> tuple[str, str, int]:
    """(unit, as written, end) of an amount in a unit spelled out as a noun ("3 acres"), with the per printed right
    after it ("3 barrels per day": bbl/day; "300 calories per household": cal per household, as "3 litres per
    household" is read)."""
    after = _PER_NOUN.match(page, end)
    per = _spent_per(after) if after is not None else None
    if per is not None:
        text = f"{noun} per {per[0]}"
        rate = _canonical(text) or _canonical(text, nouns=True)
        if rate is not None:
            return rate, text, per[1]
    return unit, noun, end


_ROW_LABEL = lazy(r"[ \t]*(?P<label>[A-Z][A-Za-z]*\.?(?:[ \t]+[A-Za-z][a-z]*\.?){0,3})\b[^\d\n]{0,60}?"
                  r"(?:[ \t]+\(?(?:\d[\d.,]*[kMB]?%?|[—–-])\)?[*†‡]?)*[ \t]+$")
_PER_LABEL = lazy(r"(?:/|\bper\b)[ \t]*([A-Za-z]+)[ \t]+(?=\d)")
_ROW_REST = lazy(r"[*†‡]?(?:[ \t]+\(?(?:\d[\d.,]*%?|[—–-])\)?[*†‡]?)*[ \t]*(?:\n|$)")


def _row_label_count(page: str, pos: int, end: int) -> tuple[str, str, int] | None:
    """A table row counting what its label names: "Papers w/ PDF 28.9M (35.6%)",
    "Bibliography entries 27.6 21.9": the first number on the line, after a label
    that starts with a plural noun, with only cells after it."""
    line_start = page.rfind("\n", 0, pos) + 1
    lm = _ROW_LABEL.fullmatch(page, line_start, pos)
    if lm is None or not _ROW_REST.match(page, end):
        return None
    if _label_unit(page[line_start:pos]) is not None:
        return None  # "Energy Consumption (MWh) 7.5 ...": the label's unit, read with the row
    paren = _LABEL_PAREN.search(page, line_start, pos)
    if paren is not None and _count_column_before(page, paren.start()):
        return None  # "Model Queries Energy (kWh) base 1,000 2.9": a header's columns run into the row, no row's count
    prev_start = page.rfind("\n", 0, max(0, line_start - 1)) + 1
    if (len(lm.group("label").split()) == 1 and line_start > 0
            and re.fullmatch(r"[ \t]*[A-Z][a-z]+[ \t]*", page[prev_start:line_start - 1])):
        return None  # "Rotten" / "Tomatoes 30.08 1.00": a name wrapped over two lines
    for word in lm.group("label").split():
        noun = word.lower().rstrip(".")
        if noun in _NOT_NOUNS or noun in _BAD_MODS or not _plural(noun):
            continue
        unit = _canonical(noun)  # "Watts 187.1 22.9": a unit; "Papers w/ PDF 28.9M": a count
        if unit is None or unit == "dimensionless":
            unit = "item"
        per = _PER_LABEL.search(page, line_start, pos + 1)
        if per is not None:  # "Pauses / hr 0.23 0.3": a rate
            unit = _canonical(f"{unit}/{per.group(1)}") or unit
        return unit, word, end
    return None


# "the majority of models (61)", "79% of participants (19)"; not "section headers (4)",
# a callout to a figure's label
_NOUN_PAREN = lazy(r"\bof[ \t\n]+(?:the[ \t\n]+|our[ \t\n]+|all[ \t\n]+)?(?P<noun>[a-z]{3,}s)[ \t]*\($")
_SCALE_POINTS = lazy(r"[-‐ ]points?[ \t\n]+(?:[A-Z][a-z]+[ \t\n]+)?(?:rating[ \t\n]+)?scales?\b")
_PER_TIME = lazy(r"[ \t\n]+(?:per|a|each)[ \t\n]+(?P<t>second|minute|hour|day|week|month|year)\b")
_MODEL_WORDS = frozenset({"model", "lm", "llm", "transformer", "network", "dnn", "moe"})
_ONE_BEFORE = lazy(r"(?:^|[,;:(]|\b(?:and|or|only|just|about|with|of|by|to|on|in|for|than|had|has"
                   r"|have|was|were|is|are|used|using|uses|trained|one|exactly|least|most|contributes|adds"
                   r"|gives|gets|takes|receives|requires|needs|includes|contains)\b)[ \t\n]*$")
_GENDERS = frozenset({"male", "female", "males", "females", "men", "women"})
_PHRASE_END = lazy(r"(?:[,.;:)]|\s+(?:and|or|in|on|at|for|from|with|who|that|which|was|were|is|are)\b)")


def _count_ends(page: str, pos: int) -> bool:
    """Whether a noun phrase ends at `pos`: punctuation, or a function word next."""
    return _PHRASE_END.match(page, pos) is not None


# Counted things that papers write in the singular before another noun ("2 layer LSTM").
_SINGULAR_COUNTS = frozenset({"layer", "node", "server", "model", "task", "language", "point"})


#: What stands before the M of a share "N in M" ("1 in 5 patients", "one in every ten GPUs", "2-in-3 users").
_SHARE_BEFORE = lazy(r"(?:(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})*)|\b(?P<w>(?i:one|two|three|four|five|six|seven|eight|nine"
                     r"|ten)))(?:[ \t\n]+in[ \t\n]+(?:(?i:every)[ \t\n]+)?|-in-)$")


_SHARE_WORDS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), start=1)}


def share_of(page: str, start: int, value: float) -> bool:
    """Whether the figure at `start` is the M of a share "N in M" with N at most M: one figure, a share, never a
    count of M things ("1 in 5 patients"; "1,000 in 3 hours" is no share)."""
    if "in" not in page[max(0, start - 12):start]:
        return False    # the cheap look first: no "in" right before
    share = _SHARE_BEFORE.search(page, max(0, start - 30), start)
    if share is None:
        return False
    n = int(share.group("n").replace(",", "")) if share.group("n") else _SHARE_WORDS[share.group("w").lower()]
    if n > value:
        return False
    unit = _WHOLE_THEN.match(page, start)
    # "5 in 10 minutes", "3 in 10 kWh": an amount in a unit, no share ("1 in 5 patients" counts no unit)
    return unit is None or not _measures(_canonical(unit.group("w")) or "dimensionless")


#: The word after a share's whole: "patients" of "1 in 5 patients", "minutes" of "5 in 10 minutes".
_WHOLE_THEN = lazy(r"[\d,.]*[ \t\n]+(?P<w>[A-Za-z]+)")


#: The word after another, where a noun phrase goes on: " models" of "12 language models".
_NEXT_WORD = lazy(r"[ \t]+([a-z]+|[A-Z]{2,6}s)\b")


def _plural_next(page: str, pos: int) -> bool:
    """Whether a plural noun follows `pos` in its noun phrase ("models" of "language models"; "LLMs")."""
    m = _NEXT_WORD.match(page, pos)
    return m is not None and (m.group(1)[:1].isupper() or _plural(m.group(1)))


def _plural(word: str) -> bool:
    """Whether a lower-case word reads as a plural noun ("models", "countries", "people")."""
    if word in ("people", "children", "men", "women", "criteria", "phenomena"):
        return True
    return (len(word) >= 4 and word.endswith("s")
            and not word.endswith(("ss", "us", "is", "ous", "ics", "less", "ness")))


@functools.lru_cache(maxsize=1024)
def _is_count(unit: str) -> bool:
    try:
        return dimension_name(parse_unit(unit)) == "a count"
    except KBError:
        return False


def _shared_scale(m1: re.Match[str], m2: re.Match[str], first: WrittenNumber, second: WrittenNumber) -> WrittenNumber:
    """`first`, the first number of a range, in the scale or power of ten written once after the second: "1.5–2.5 ×
    10^4 kWh" and "2–3 million images" scale both ends (1.5 × 10^4, 2 million), never one."""
    if m1.group("scale") or m1.group("exp") or not (m2.group("scale") or m2.group("exp")) \
            or (m2.group("exp") or "").replace(" ", "").startswith("^"):
        return first
    try:
        bare = Decimal(m2.group("mant").replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return first
    if not bare:
        return first
    factor = abs(second.value / bare)
    return WrittenNumber(first.text, first.value * factor, first.half_unit * factor, first.currency)


def _range_continuation(page: str, pos: int, first: Any, cur: str | None, canon: str,
                        user_re: re.Pattern[str] | None, names: list[str]
                        ) -> tuple[Any, int, re.Match[str], str] | None:
    """(second number, end of its unit, its match, the separator) if a range goes on."""
    rs = _RANGE_SEP.match(page, pos)
    if rs is None or rs.group(0).strip() not in ("-", "–", "—", "to"):
        return None
    m2 = _NUM.match(page, rs.end())
    if m2 is None:
        return None
    try:
        second = read_number(m2)
    except KBError:
        return None
    if second.value < first.value:
        return None
    um = _match_unit(page, m2.end(), user_re, second.currency or cur, m2.start())
    if um is None:
        return None
    kind2, text2, end2 = um
    canon2 = (_user_unit_name(text2, names) if kind2 == "user"
              else _canonical(text2, second.currency or cur))
    if canon2 != canon:
        return None
    return second, end2, m2, rs.group(0)


def _num_text(m: re.Match[str]) -> str:
    """A matched number as written, without its currency sign."""
    return " ".join(m.group(0)[len(m.group("cur") or ""):].split())


def _range_text(m1: re.Match[str], sep: str, m2: re.Match[str]) -> str:
    """"0.06-2.9", "21 to 78", "1.46–2.40": both numbers as written, units left out."""
    sep = " ".join(sep.split())
    if sep.isalpha():
        sep = f" {sep} "
    return f"{_num_text(m1)}{sep}{_num_text(m2)}"


#: A device's name with its generation or model ("TPU v2", "GPU A100"), then a word in lower case no device is
#: counted in: the subject of a sentence, never what a number before it counts ("8 TPU v3 chips", "4 TPU v2s").
_DEVICE_NAMED = lazy(r"(?P<model>[ \t]+(?:v\d+[a-z]?|[A-Z]\d{2,4})(?![\w-]))?[ \t\n]+(?!(?:chips?|cores?|pods?|boards?|devices?|"
                     r"accelerators?|cards?|nodes?|servers?|machines?|slices?|hosts?|units?|processors?|were|are|have|do)\b)[a-z]{2,}\b")


def _footnote_before_name(page: str, start: int, end: int, unit_end: int) -> bool:
    """A footnote's mark printed after a sentence's full stop, before the next sentence opening with a device's
    name: "... 5.2X faster. 7 TPU v2 also uses less power" (a count opens no sentence in digits)."""
    if not page[start:end].isdigit() or len(page[start:end]) > 2:
        return False
    line = page[page.rfind("\n", 0, start) + 1:start]
    if re.search(r"[a-z)\]]\.[ \t]+$", line) is None:
        return False
    named = _DEVICE_NAMED.match(page, unit_end)
    return named is not None and (named.group("model") is not None
                                  or re.search(r"\s(?:v\d+[a-z]?|[A-Z]\d{2,4})$", page[end:unit_end]) is not None)


def _match_unit(page: str, pos: int, user_re: re.Pattern[str] | None,
                currency: str | None, start: int | None = None
                ) -> tuple[str, str, int] | None:
    """(unit kind, unit as written, end) of the unit right after a number, if any."""
    if currency:
        r = _RATE_AFTER.match(page, pos)
        if r is not None:
            return "money", r.group("unit"), r.end()
        r = _PER_NOUN.match(page, pos)
        per = _spent_per(r) if r is not None else None
        if per is not None:         # "$3,000 per run"
            return "money", f"per {per[0]}", per[1]
        return "money", "", pos
    if user_re is not None:
        u = user_re.match(page, pos)
        if u is not None:
            return "user", u.group("unit"), u.end()
    u = _UNIT_AFTER.match(page, pos)
    if u is None:
        return None
    kind = _unit_kind(u)
    gap = u.group("gap")
    text = u.group("unit")
    if "\n" in gap and _after_cell(page, pos if start is None else start):
        return None  # "0.004 0.002\ntoken classification": a table row, then a label
    if not gap and len(text) == 1 and page[u.end():u.end() + 1] in "(":
        if page[u.end():u.end() + 1]:
            return None  # "1.58t(pc + pr)": a coefficient times a variable
    if kind == "device":
        if not gap:
            return None  # "7GPU lower bound": a footnote mark before a word
        if start is not None and _footnote_before_name(page, start, pos, u.end()):
            return None  # "5.2X faster. 7 TPU v2 also uses": a footnote mark, then a sentence naming a device
        prev = page[max(0, pos - 40):pos].split()
        if len(prev) >= 2 and re.fullmatch(r"[A-Z]{2,}\d*", prev[-2]):
            return None  # "GTX 1080 GPUs": a model number
    if kind == "ratio" and text[:1] in "xX×" and (gap.strip(" \t") or len(gap) > 1):
        return None  # "18.7X", "3 x": a ratio sign sits next to its number
    if kind == "ratio" and text[:1] in "xX×" and start is not None and times_not_factor(page, start, pos):
        return None  # "2 × 8 GPUs": a product; "y = 2x + 1": a coefficient
    if kind == "ratio" and len(gap) - len(gap.lstrip(" \t")) > 4:
        return None  # "15 times", "~10,000   times larger" (pypdf's triple spaces)
    if kind == "percent" and len(gap) > 1 and u.group("percent").startswith("%"):
        return None  # "%" alone after a gap is a table's next column
    if kind in _PER_KINDS and not re.search(r"/|\bper\b", text):
        spent = (_SPENT_RATE.match(page, u.end()) if kind in _SPENT_KINDS else None) or _PER_NOUN.match(page, u.end())
        per = _spent_per(spent) if spent is not None else None
        if per is not None and kind == "percent" and PER_SAYS.match(spent.group(0)) is None:
            return kind, text, u.end()  # "30% for each model", "5% in every run": each one's share, no rate per it
        if per is not None:         # "25 kWh were used per query": 25 kWh per query, no amount of 25 kWh
            # (a per kb cannot read leaves no unit kb reads: no candidate, never the amount)
            return kind, f"{text} per {per[0]}", per[1]
    return kind, u.group("unit"), u.end()




_SPENT_KINDS = ("energy", "co2e_or_mass", "volume", "money")
#: ... and the kinds of an amount a per right after it makes a rate ("5 hours per run", "40% per run"), as
#: kb.quantities.quoted reads a quote's.
_PER_KINDS = (*_SPENT_KINDS, "time", "percent", "flop", "length", "measure")
#: ... a percentage's only with "per" or "/" ("0.5% per layer", "5%/year": a rate); "30% for each model", "5% in every
#: run" is the share of each, the same for all, no percent per model.
PER_SAYS = lazy(r"[ \t]{0,3}(?:/|per\s)")


@functools.lru_cache(maxsize=1024)
def _counts(unit: str) -> bool:
    """Whether a canonical unit counts things or devices ("GPU", "item", "token"), a rate of none."""
    try:
        return dimension_name(parse_unit(unit)) in ("a count", "accelerators")
    except KBError:
        return False


#: What a figure's noun or unit is of, before a per: " of text" of "two hundred pages of text per case".
_OF_NOUN = lazy(r"[ \t]+of[ \t]+(?!(?:the|a|an|this|that|these|those|its|our|their|each|every|which|all|any)\b)"
                r"[a-z]{3,}(?![\w-])(?=[ \t]+(?:per|each|every|for|in|on|at)\b|[ \t]*/)")
#: ... or what each of the things named before holds: "64 nodes each with 8 GPUs", "50 lines, each with room for 80
#: characters" (per node, per line; a pronoun names no thing).
_EACH_WITH_BEFORE = lazy(r"(?i)\b(?!(?:them|they|we|it|you|us|which|who|those|these|and|or)\b)(?P<den>[a-z][\w-]*)"
                         r"[ \t\n]?,?[ \t\n]+each[ \t\n]+(?:with|having|has|had|holding|containing|hosting|carrying)"
                         r"(?:[ \t\n]+[a-z][\w-]*){0,3}[ \t\n]+$")
#: ... or what each of the things named before a count and "with" holds: "64 nodes with 8 GPUs each" (per node).
_WITH_BEFORE = lazy(r"(?i)\b(?!(?:them|they|we|it|you|us|which|who|those|these|and|or)\b)(?P<den>[a-z][\w-]*)"
                    r"[ \t\n]+(?:with|having|holding|hosting|carrying)[ \t\n]+"
                    r"(?:(?:about|around|roughly|approximately|nearly|almost|only|just|up[ \t\n]+to|~)[ \t\n]*)?$")
_EACH_AFTER = lazy(r"(?i)[ \t]*each\b(?![ \t]*(?:of\b|[a-z]))")
#: The head of "N X of Y" before its complement Y: "sheets of " of "100 sheets of paper" (what a distributive "each"
#: after Y is about, never Y: "100 sheets of paper each containing 50 lines" is 50 lines per sheet).
_HEAD_OF_BEFORE = lazy(r"(?i)\b(?P<head>[a-z][\w-]*)[ \t\n]+of[ \t\n]+$")


def distributed_over(text: str, den: re.Match[str]) -> str | None:
    """The one thing a distributive "each" after `den`'s noun is about, singular: the noun when it is plural ("line"
    of "50 lines, each with room for 80 characters"), the head of "X of Y" when the noun is its complement ("sheet" of
    "100 sheets of paper each containing 50 lines"); None when neither names things in the plural."""
    word = den.group("den")
    head = _HEAD_OF_BEFORE.search(text, max(0, den.start("den") - 40), den.start("den"))
    if head is not None and head.group("head").lower() not in _NOT_NOUN:
        one = _one_of_plural(head.group("head"))
        if one is not None:
            return one
    return _one_of_plural(word)


def _one_of_plural(noun: str) -> str | None:
    """One of the things a plural noun names: its singular where kb knows it ("sheet" of "sheets"), the noun as printed
    where kb reads it as no count it knows ("files"); None for a noun in the singular ("paper")."""
    one = _one(noun)
    if one.lower() == noun.lower() and _ACRONYM_PLURAL.fullmatch(noun):
        return noun[:-1]        # "TPUs", "LLMs": one TPU, one LLM
    return one if one.lower() != noun.lower() else noun if _plural(noun.lower()) else None


def one_of_plural(noun: str) -> str | None:
    """`_one_of_plural`, as kb.quantities.quoted asks it: one of the things a plural noun names, None for a singular."""
    return _one_of_plural(noun)


#: A plural of an acronym, its "s" in lower case ("TPUs", "LLMs"): things, though "tpus" ends as "us" does.
_ACRONYM_PLURAL = lazy(r"[A-Z][A-Z0-9]+s")


#: ... or what things named before "each" and a verb each hold: "the servers each have 8 GPUs" (per server); "they
#: each have 8 GPUs", "the encoder and decoder each consist of 6 layers" (per each of things kb cannot name).
#: "Each has 8 GPUs": "each" as a clause's subject names no thing either.
_EACH_VERB_BEFORE = lazy(r"(?i)(?:\b(?P<den>[a-z][\w-]*)[ \t\n]?,?[ \t\n]+|(?:^|(?<=[.;:!?(\n]))[ \t\n]*)"
                         r"each(?:[ \t\n]+of[ \t\n]+(?:them|these|those|us))?[ \t\n]+(?:has|have|had|holds?|held"
                         r"|contains?|contained|hosts?|hosted|houses?|housed|includes?|included|comprises?|comprised"
                         r"|carr(?:y|ies|ied)|uses?|used|consists?[ \t\n]+of|consisted[ \t\n]+of|(?:is|was|were|are)"
                         r"[ \t\n]+(?:equipped|fitted)[ \t\n]+with)[ \t\n]+(?:(?:about|around|roughly|approximately"
                         r"|nearly|almost|only|just|up[ \t\n]+to|~)[ \t\n]*)?$")
#: The per of a count each of things the page does not name holds ("8 GPUs each", "they each have 8 GPUs"): no
#: total, and no per a claim names.
EACH_UNNAMED = "each"
#: ... or what the subject before a verb names, "each" after the figure: "the runs used 5 kWh each" (per run), "the
#: nodes have 8 GPUs each" (per node); a word that is no plural noun ("they used 5 kWh each") names none.
_SUBJECT_VERB_BEFORE = lazy(r"(?i)\b(?P<den>[a-z][\w-]*)[ \t\n]+(?P<verb>[a-z]+)(?:[ \t\n]+(?:for|about|around|roughly"
                            r"|approximately|nearly|almost|only|just|up[ \t\n]+to|~))?[ \t\n]*$")
#: Words between a subject and its figure that are no verb ("nodes with 8 GPUs each" is `_WITH_BEFORE`'s).
_NO_VERB = frozenset("of with having and or in on at to from by than per each every for as".split())


#: The number words kb reads ("twelve models", "twenty-five runs"), and those of a unit after a ten's hyphen.
_WORD_VALUES = {w: i for i, w in enumerate(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split(), start=2)}
_WORD_VALUES.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                     "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12})
_UNITS_WORDS = {"one": 1, **{w: v for w, v in _WORD_VALUES.items() if v < 10}}

#: The things may be counted after "each of": "each of the 4 nodes holds 8 GPUs", "each of 16 servers has", "every one
#: of the 10 runs used" (per node, per server, per run; their product, "32 GPUs", is a figure the quote does not print).
#: (In words, any number word kb reads, to the hundreds: "each of the fourteen nodes", "twenty-four servers".)
_EACH_COUNT = (r"(?:\d[\d,]*|(?:" + "|".join(sorted(_WORD_VALUES, key=len, reverse=True)) + r")(?:[- ](?:"
               + "|".join(_UNITS_WORDS) + r"))?|(?:a|one|two|three|four|five)[ \t]+hundred)")
EACH_OF_COUNTED = (r"(?:(?:one[ \t\n]+)?of[ \t\n]+(?:(?:the|our|these|those|its|their|all[ \t\n]+the)[ \t\n]+"
                   rf"(?:{_EACH_COUNT}[ \t\n]+)?|{_EACH_COUNT}[ \t\n]+))?")
#: What each of a subject spent, before an amount that adds up: "each run used 5 kWh", "every job took about 3
#: hours", "each of the flights cost $500" (per run, job, flight), whatever the verb.
EACH_THING_BEFORE = lazy(r"(?i)\b(?:each|every)[ \t\n]+" + EACH_OF_COUNTED + r"(?!of\b)(?P<den>[a-z][\w-]*)[ \t\n]+"
                         r"(?!(?:of|in|on|at|to|for|from|by|and|or|than|it|we|they|he"
                         r"|she|you|i|about|around|roughly|approximately|nearly|almost|only|just|up|over|under)\b)"
                         r"[a-z]+[ \t\n]+(?:(?:about|around|roughly|approximately|nearly|almost|only|just"
                         r"|up[ \t\n]+to|over|under|~)[ \t\n]*)?$")

#: ... or what each of the things counted before a clause "each" opens took, used or was given: "5 models, each taking
#: 3 hours", "4 nodes, each trained on 8 GPUs", "three runs each consumed 12 kWh" (per model, node, run; an amount that
#: adds up or a count, never "8 GPUs each running at 300 W", each one's power); the things named in the plural.
EACH_DOING_BEFORE = lazy(r"(?i)\b(?!(?:them|they|we|it|you|us|which|who|those|these|and|or|of)\b)(?P<den>[a-z][\w-]*)"
                         r"[ \t\n]?,?[ \t\n]+each[ \t\n]+(?!(?:of|in|on|at|to|for|from|by|and|or|than|with|having|has|had"
                         r"|is|was|are|were|about|around|roughly|approximately|nearly|almost|only|just|up|over|under)\b)"
                         r"[a-z]+(?:[ \t\n]+(?:on|in|at|for|with|using|about|around|roughly|approximately|nearly|almost"
                         r"|only|just|up[ \t\n]+to|over|under|a|an|~))*[ \t\n]*$")


def each_doing(page: str, start: int) -> str | None:
    """The thing each of which the figure at `start` is of, when a clause "each" opens after things counted in the
    plural gives it ("model" of "5 models, each taking 3 hours"); None otherwise."""
    if "each" not in page[max(0, start - 80):start].lower():
        return None
    m = EACH_DOING_BEFORE.search(page, max(0, start - 80), start)
    if m is None or m.group("den").lower() in _NOT_NOUN:
        return None
    return distributed_over(page, m)    # "100 sheets of paper, each taking 3 minutes": per sheet


def subject_of(page: str, start: int) -> str | None:
    """The things a plural subject before a verb names, before the figure at `start` ("run" of "the runs used 5 kWh
    each"); None when the words before name no things."""
    m = _SUBJECT_VERB_BEFORE.search(page, max(0, start - 80), start)
    if m is None or m.group("verb").lower() in _NO_VERB or m.group("den").lower() in _NOT_NOUN:
        return None
    one = _one(m.group("den"))
    return one if one.lower() != m.group("den").lower() else None


@functools.lru_cache(maxsize=1024)
def adds_up(unit: str) -> bool:
    """Whether an amount in `unit` adds up over things, so that "each" after it makes it a rate per each of them
    ("5 kWh each", "$500 each", "3 hours each"): never a power, a share, a plain number nor a rate ("300 W each" is
    each one's power)."""
    if "/" in unit:
        return False
    try:
        return dimension_name(parse_unit(unit)) not in ("power", "a plain number", "temperature", "computing speed")
    except KBError:
        return False
#: A count's second noun before its per: " edits" of "87 token edits per paragraph" (never a word of the sentence,
#: `_NOT_NOUN`).
_NOUN_ON = lazy(r"[ \t]+(?P<w>[a-z]{3,})(?![\w-])(?=[ \t]+(?:per|each|every|for|in|on|at)\b|[ \t]*/)")
_NOT_NOUN = _NOT_PER | frozenset("and not nor are was were been being has have had can may will would the".split())
#: Where a subject's things are, between them and their verb: "in the layer" of "each expert in the layer has 7 billion
#: parameters", "on the board" (per expert; a figure it holds is no total).
EACH_WHERE = r"(?:(?:in|on|of|at|inside|within)[ \t\n]+(?:the|each|every|a|an|our|this|that)[ \t\n]+[a-z][\w-]*[ \t\n]+)?"
#: What each of a subject holds, before a count: "each node has 8 GPUs", "every server held eight accelerators".
_EACH_BEFORE = lazy(r"(?i)\b(?:each|every)[ \t\n]+" + EACH_OF_COUNTED + r"(?!of\b)"
                    r"(?P<den>[a-z][\w-]*)[ \t\n]+" + EACH_WHERE + r"(?:has|had|have|holds|held"
                    r"|contains|contained|hosts|hosted|houses|housed|includes|included|comprises|comprised|carries"
                    r"|carried|(?:is|was|were|are)[ \t\n]+(?:equipped|fitted)[ \t\n]+with|with)[ \t\n]+"
                    r"(?:(?:about|around|roughly|approximately|nearly|almost|only|just|up[ \t\n]+to|~)[ \t\n]*)?$")


def _one(noun: str) -> str:
    """The singular of a counted noun as printed ("line" of "lines", "query" of "queries"): one of what a rate is
    per; the noun as printed when it counts nothing kb reads."""
    return min(count_forms(noun), key=len, default=noun)


#: A per a header names about its unit in parentheses: "per query " of "Energy per query (Wh)", " per 1,000 queries" of
#: "Energy (kWh) per 1,000 queries", " for 1,000 queries" of "Energy (kWh) for 1,000 queries" (an amount of so many).
HEADER_PER_BEFORE = lazy(r"(?i)\b(?:per|for(?=[ \t]+\d))[ \t]+(?P<den>(?:\d[\d,]*[ \t]|(?:(?:a|one)[ \t]+)?(?P<scale>thousand|million|billion)"
                         r"[ \t]+)?(?P<noun>[^\W\d_][\w-]*))[ \t]*$")
HEADER_PER_AFTER = lazy(r"(?i)[ \t]*(?:per|for(?=[ \t]+\d))[ \t]+(?P<den>(?:\d[\d,]*[ \t]|(?:(?:a|one)[ \t]+)?(?P<scale>thousand|million"
                        r"|billion)[ \t]+)?(?P<noun>[^\W\d_][\w-]*))")
_SCALE_DEN = {"thousand": "1,000", "million": "1,000,000", "billion": "1,000,000,000"}


#: A calendar year heading a table's row: "2019".
_YEAR_ROW = lazy(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,])")


def rows_by_year(page: str, noun: str, end: int) -> bool:
    """Whether a header's per ("per year" of "Emissions (tCO2e) per year. 2019 1,234 2020 987", its noun, ending at `end`)
    is what the table's rows are by, years printed after it: each cell is its year's amount, as much a total as a rate."""
    return noun.lower() in ("year", "years", "yr") and _YEAR_ROW.search(page, end, end + 200) is not None


#: A header naming its unit's per by an adverb before the column's words: "Daily energy (kWh)", "Annual CO2 emissions".
_HEADER_ADVERB_BEFORE = lazy(r"(?i)(?<![\w-])(?P<adverb>hourly|daily|weekly|monthly|yearly|annual|annually)"
                             r"(?:[ \t]+(?!per\b)[^\W\d_][\w-]*){0,3}[ \t]*$")
HEADER_ADVERB_PER = {**ADVERB_PER, "annual": "year"}
#: What an adverb makes a rate of: an amount ("Daily energy (kWh)": kWh per day), never a rate or a level already
#: ("Hourly power (kW)", "Daily share (%)", "Annual carbon intensity (g/kWh)").
_AMOUNTS = frozenset({"energy", "mass", "CO2e mass", "computation", "accelerator time", "time", "a count",
                      "accelerators", "[length] ** 3"})


def _an_amount(unit: str) -> bool:
    try:
        name = dimension_name(parse_unit(unit, nouns=True))
    except KBError:
        return False
    return name in _AMOUNTS or name.startswith("money")


#: A row's label naming what its cells are per: "per day", "Per GPU", "per 1,000 queries", "Daily", "Annual average".
_ROW_PER = lazy(r"(?i)(?:per[ \t]+(?P<den>(?:\d[\d,]*[ \t])?[^\W\d_][\w-]*)|(?P<adverb>hourly|daily|weekly|monthly"
                r"|yearly|annual|annually)(?:[ \t]+[^\W\d_][\w-]*)?)[ \t]?:?\s*")
_ROW_CELL_TOKEN = lazy(r"[-−+]?[$€£]?\.?\d\S*|[-–—]")


def row_per(text: str, start: int) -> str | None:
    """The per a table row's label names for its cell at `start` ("day" of "Total 1,080 900 per day 36 30", of
    "Daily 36 30"), the label printed after the last row's cells or the header's unit, or on a line of its own;
    None when it names none ("the energy per day 36": words of a sentence)."""
    first = start
    for m in reversed(list(_WORD.finditer(text, max(0, start - 120), start))):
        if not _ROW_CELL_TOKEN.fullmatch(m.group()):
            break
        first = m.start()
    before = list(_WORD.finditer(text, max(0, first - 60), first))[-4:]
    for i, m in enumerate(before):
        row = _ROW_PER.fullmatch(text, m.start(), first)
        if row is None:
            continue
        gap = text[before[i - 1].end():m.start()] if i else text[max(0, m.start() - 1):m.start()]
        prev = before[i - 1].group() if i else ""
        if not ("\n" in gap or (_ROW_CELL_TOKEN.fullmatch(prev) or prev.endswith(")") if i else not gap)):
            continue            # "the energy per day 36": words of a sentence, no row's label
        if row.group("den") is not None:
            return " ".join(row.group("den").split())
        return HEADER_ADVERB_PER[row.group("adverb").lower()]
    return None


def header_per(text: str, start: int, end: int, unit: str) -> tuple[str, str] | None:
    """(the per as printed, its noun) that a table header's or a heading's words name about its unit printed at
    `start`-`end` (`unit`): "query" of "Energy per query (Wh)", "1,000 queries" of "Energy (kWh) per 1,000 queries",
    "day" of "Daily energy (kWh)"; None when they name none, or when its rows are by year ("Annual emissions (tCO2e)
    2019 1,234 2020 987": each cell its year's amount)."""
    m = HEADER_PER_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        adverb = _HEADER_ADVERB_BEFORE.search(text, max(0, start - 50), start)
        if adverb is not None and _an_amount(unit):
            den = HEADER_ADVERB_PER[adverb.group("adverb").lower()]
            return None if rows_by_year(text, den, end) else (den, den)
        m = HEADER_PER_AFTER.match(text, end)
    if m is None or rows_by_year(text, m.group("noun"), m.end()):
        return None
    if m.group("scale"):        # "per thousand queries": per 1,000 queries
        return f"{_SCALE_DEN[m.group('scale').lower()]} {m.group('noun')}", m.group("noun")
    return m.group("den"), m.group("noun")


def _header_per(page: str, start: int, unit_text: str) -> str:
    """The per a table's header names about the unit in parentheses its cell at `start` takes ("query" of "Energy
    per query (Wh)", "1,000 queries" of "Energy (kWh) per 1,000 queries"); "" when it names none."""
    head = f"({unit_text})"
    at = page.rfind(head, max(0, start - 400), start)
    if at < 0:
        return ""
    got = header_per(page, at, at + len(head), unit_text)
    if got is None or got[1].lower() in _NOT_PER:
        return ""
    den = " ".join(got[0].split())
    return den if den[:1].isdigit() else _one(den)


#: A per printed before a figure as its subject's, a heading's: "per flight were 5 kg", "per 1,000 queries (kWh): 2.9".
PER_BEFORE = lazy(r"(?i)(?:\bper\b|(?<!\bw)/)[ \t\n]*(?P<den>(?:\d[\d,.]*[ \t]?)?[^\W\d_][\w-]*"
                  r"(?:[ \t]+[^\W\d_][\w-]*)?)(?![\w-])[ \t\n]*(?:[(\[][^()\[\]\d]{1,20}[)\]][ \t\n]*)?"
                  r"(?:(?:is|was|were|are|averaged|averages|totall?ed|came[ \t\n]+to|amounted[ \t\n]+to|of|[:=,])"
                  r"[ \t\n]*)+(?:(?:about|around|roughly|approximately|nearly|almost|only|just|~)[ \t\n]*)?"
                  r"[$€£]?[ \t\n]*$")


def _subject_per(page: str, start: int) -> tuple[str, int] | None:
    """(the per a figure at `start` prints before it as its subject's, where it ends): "flight" of "emissions per
    flight were 5 kg", "1,000 queries" of "energy (kWh) per 1,000 queries: 2.9"; None when none is printed."""
    m = PER_BEFORE.search(page, max(0, start - 80), start)
    if m is None:
        return None
    words = m.group("den").split()
    if len(words) > 1 and (words[1].lower() in _NOT_PER or words[1].lower() in ("is", "was", "were", "are", "of")):
        words = words[:1]
    if words[0].lower() in _NOT_PER:
        return None
    if words[0][:1].isdigit():
        return " ".join(words), m.end("den")
    return " ".join(words[:-1] + [_one(words[-1])]), m.end("den")


def _spent_per(spent: re.Match[str]) -> tuple[str, int] | None:
    """(what a spent amount is per, where that ends) of a `_SPENT_RATE` match; None when the words after its
    per are no noun ("per the report")."""
    if spent.group("adverb"):
        return ADVERB_PER[spent.group("adverb").lower()], spent.end("adverb")
    if spent.group("denom"):
        return spent.group("denom"), spent.end("denom")
    words = list(_WORD.finditer(spent.group("words")))
    if words[0].group(0).lower() in _NOT_PER | _PER_CLAUSE:
        return None
    # "for each of the runs": per run, one of them
    one = _one if "of" in spent.re.groupindex and spent.group("of") else str
    for before, word in zip(words, words[1:]):
        if word.group(0).lower() in _NOT_PER | _PER_CLAUSE or word.group(0).lower().endswith(("ed", "ing")):
            # "per run for the model", "per model trained": the noun before
            return one(before.group(0)), spent.start("words") + before.end()
    return one(words[-1].group(0)), spent.end("words")    # "per training run", "per passenger round trip"


def _after_cell(page: str, start: int) -> bool:
    """Whether the number starting at `start` follows another number on its line."""
    i = page.rfind("\n", 0, start) + 1
    parts = page[i:start].split()
    return bool(parts) and _CELL_RE.fullmatch(parts[-1]) is not None


def _line(page: str, pos: int) -> str:
    i = page.rfind("\n", 0, pos) + 1
    j = page.find("\n", pos)
    return _collapse(page[i:len(page) if j < 0 else j])


# ---------------------------------------------------------------- a unit in the caption

# "Table 4. Average input and output length (in number of tokens) for the 8 zero-shot
# models ...": one unit in the caption's parentheses is the unit of the cells above it.
_CAPTION_PAREN = lazy(r"\((?:in[ \t]+)?(?:(?:the[ \t]+)?number[ \t]+of[ \t]+)?(?P<u>[^()\d][^()]{0,29}?)\)")


def _caption_unit_cells(page: str, taken: list[tuple]) -> list[tuple]:
    """Cells of the rows right above a table caption that names one unit, and only one."""
    covered = _Covered(taken)
    out: list[tuple] = []
    for cap in _CAPTION_LINE.finditer(page):
        line_end = page.find("\n", cap.end())
        nxt = page.find("\n", line_end + 1) if line_end >= 0 else -1
        caption = page[cap.start():len(page) if nxt < 0 else nxt]
        units = set()
        for pm in _CAPTION_PAREN.finditer(caption):
            text = " ".join(pm.group("u").split())
            canon = _canonical(text) if _UNIT_ONLY.match(text) else None
            if canon is None and _plural(text.lower()):
                canon = _canonical(text.lower())
            if canon is not None and canon not in ("dimensionless", "%"):
                units.add((text, canon))
        if len({c for _, c in units}) != 1:
            continue
        unit_text, canon = units.pop()
        end = cap.start() - 1
        misses = 0
        rows = 0
        while end > 0 and misses <= 2:
            start = page.rfind("\n", 0, end) + 1
            cells = _row_cells(page, start, end)
            if cells is None or len(cells) < 3:
                misses += 1
                end = start - 1
                continue
            misses = 0
            rows += 1
            for tok in cells:
                found = _cell_number(page, tok, covered)
                if found is not None:
                    cell, s0, e0, m, num = found
                    out.append((s0, e0, cell, float(num.value), canon, None, None, unit_text, "table"))
            end = start - 1
    return out


# ---------------------------------------------------------------- numbers in words

# "we trained twelve models", "ten tasks", "Four of the participants", "five times less",
# "sixteen regions", "twenty-five runs": a number word, up to two words, the counted noun.
_NUMBER_WORD = lazy(
    r"(?<![\w-])(?P<w>(?i:" + "|".join(sorted(_WORD_VALUES, key=len, reverse=True)) + r"))"
    r"(?:-(?P<w2>" + "|".join(_UNITS_WORDS) + r"))?"
    r"(?P<of>[ \t]+of[ \t]*\n?[ \t]*(?:the|our|these|those)\b)?"
    r"(?P<mods>(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:[a-z][\w-]{1,20}|[A-Z][\w-]{1,20}(?<![a-z]s)))"
    r"{0,4}?)(?:[ \t]+|[ \t]*\n[ \t]*)"
    r"(?P<noun>[a-z]{3,}s|[A-Z]{2,6}s)(?![\w-])")
#: What stands before a scale word that is a number alone: "a hundred pages", "one dozen runs" (never "several
#: hundred", "a few hundred").
_ONE_SCALE_BEFORE = lazy(r"(?i)(?:^|(?<![\w-]))(?:a|an|one)[ \t\n]+$")
#: A number, in words or digits, and a word of a range or a choice before a number word: "one to " of "one to two
#: hours", "2 or " of "2 or three runs".
_WORD_RANGE_BEFORE = lazy(r"(?i)(?:\d|(?<![\w-])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                          r"|fifteen|twenty|thirty|forty|fifty|hundred))[ \t\n]*(?:to|or|and|[-–—])[ \t\n]*$")
#: The words that multiply a number word before them: "two hundred pages", "three thousand GPUs".
_SCALE_WORDS = {"hundred": 100, "dozen": 12, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NOT_COUNTED = lazy(r"[ \t\n]+of[ \t\n]+magnitude|[ \t\n]+(?:ago|old|later|earlier|before|after)\b")


# A number word on its own ("ten", "Twenty-five"), wherever it stands.
_WORD_NUMBER = lazy(
    r"(?<![\w-])(?P<w>(?i:" + "|".join(sorted(_WORD_VALUES, key=len, reverse=True)) + r"))"
    r"(?:-(?P<w2>(?i:" + "|".join(_UNITS_WORDS) + r")))?(?![\w-])")


def word_numbers(text: str) -> list[tuple[int, int, int]]:
    """The numbers written in words in ``text`` (two to ninety-nine, hundred, dozen), as
    (start, end, value): what `extract_candidates` reads in digits ("ten tasks": 10), so a
    claim promoted from such a candidate finds its number in its quote."""
    out: list[tuple[int, int, int]] = []
    for m in _WORD_NUMBER.finditer(text):
        word = m.group("w").lower()
        value = _WORD_VALUES[word]
        if m.group("w2"):
            value += _UNITS_WORDS[m.group("w2").lower()]
        if out and word in ("hundred", "dozen") and out[-1][2] < 100 and _MULTIPLIED.fullmatch(text, out[-1][1], m.start()):
            # "twelve hundred", "two dozen": one number, 1,200 and 24 (never 12 nor 100 alone)
            out[-1] = (out[-1][0], m.end(), out[-1][2] * value)
            continue
        if out and value < 100 and out[-1][2] % 100 == 0 and out[-1][2] >= 100 \
                and _HUNDRED_AND.fullmatch(text, out[-1][1], m.start()):
            out[-1] = (out[-1][0], m.end(), out[-1][2] + value)     # "one hundred and twenty": 120
            continue
        if out and 20 <= out[-1][2] < 100 and out[-1][2] % 10 == 0 and value < 10 and not m.group("w2") \
                and m.start() - out[-1][1] == 1 and text[out[-1][1]] == " ":
            out[-1] = (out[-1][0], m.end(), out[-1][2] + value)     # "twenty three": 23, as "twenty-three"
            continue
        if word == "dozen" and (half := _HALF_A.search(text, max(0, m.start() - 8), m.start())):
            out.append((half.start(), m.end(), 6))                  # "half a dozen": six
            continue
        out.append((m.start(), m.end(), value))
    return out


#: Between a number word and the "hundred" or "dozen" it multiplies: "twelve hundred", "two-dozen".
_MULTIPLIED = lazy(r"[ -]")
#: Between hundreds and the number words added to them: "one hundred and twenty", "two hundred five".
_HUNDRED_AND = lazy(r"[ ](?:and[ ])?")
_HALF_A = lazy(r"(?i)(?<![\w-])half[ ]an?[ ]$")


def _number_words(page: str, taken: list[tuple], excluded: _Covered) -> list[tuple]:
    """Counts and ratios written in words: a number word before what it counts, or
    before "times". The number is given in digits ("ten tasks": 10 task)."""
    covered = _Covered(taken)
    out: list[tuple] = []
    for m in _NUMBER_WORD.finditer(page):
        s0 = m.start()
        if s0 in excluded or s0 in covered:
            continue
        mods = m.group("mods").split()
        if any(w in _BAD_MODS or w in _NOT_NOUNS for w in mods) or (m.group("of") and mods):
            continue
        noun = m.group("noun")
        if mods and mods[-1].endswith("-") and mods[-1][:-1].isalpha() and mods[-1][:-1].islower() \
                and page[m.start("noun") - 1:m.start("noun")] in (" ", "\n"):
            noun, mods = mods[-1][:-1] + noun, mods[:-1]    # "two base- lines": baselines, never "lines"
        low = noun.lower()
        if low in _NOT_NOUNS or low in _BAD_MODS - {"times"} or _NOT_COUNTED.match(page, m.end()):
            continue  # "two orders of magnitude", "five years ago"
        word = m.group("w").lower()
        value = _WORD_VALUES[word] + (_UNITS_WORDS[m.group("w2")] if m.group("w2") else 0)
        if word in _SCALE_WORDS and not m.group("w2") and not _ONE_SCALE_BEFORE.search(page, max(0, s0 - 6), s0):
            continue    # "several hundred pages", "ﬁve hundred words" (a ligature kb reads as no number): no 100
        if _WORD_RANGE_BEFORE.search(page, max(0, s0 - 24), s0):
            continue    # "one to two hours", "2 or three runs": a range or a choice, never its last number
        numeric = [w.lower() for w in mods if w.lower() in _WORD_VALUES or w.lower() in _SCALE_WORDS]
        if numeric:
            # "two hundred pages", "two thousand GPUs": 200 pages, 2,000 GPUs, never 2; "two hundred fifty pages",
            # "two thousand five hundred" kb leaves unread here
            if len(numeric) > 1 or mods[0].lower() != numeric[0] or numeric[0] not in _SCALE_WORDS:
                continue
            value *= _SCALE_WORDS[numeric[0]]
        if low == "times":
            if mods:
                continue
            unit = "dimensionless"  # "five times less", "ten times"
        else:
            if not (_plural(low) or noun.isupper() is False and noun[:-1].isupper()):
                continue
            if not mods and verb_after(page, s0, low, m.end()):
                continue    # "Then two works the machine": the verb its subject does, no count of it
            unit = _canonical(low) or _canonical(noun)  # "ten tasks", "seven years", "four GPUs"
            if unit is None or unit in ("dimensionless", "pp", "%"):
                unit = "item"
        out.append((s0, m.end(), str(value), float(value), unit, None, None, noun, "words"))
    return out


# ---------------------------------------------------------------- table rows

_CELL_RE = lazy(rf"(?:{MANTISSA})(?:{EXPONENT})?%?|--|—|N/A")
# A token of a table line; "1.0 × 10−4" (pypdf's text of 1.0 × 10⁻⁴) is one cell.
_TOKEN_RE = lazy(r"\d+(?:\.\d+)?[ ]?[×x][ ]?10[\-−]\d+(?!\S)|\S+")
# A unit named in a row label: in parentheses ("(MWh)", "(TDP in Watts)"), or one of
# the units that do not double as ordinary words ("Gross tCO 2 e for Model Training").
_LABEL_PAREN = lazy(r"(?:\(|(?<![\w\]])\[)(?:[^()\[\]\d]*?\bin\s+)?(?P<u>[^()\[\]\d][^()\[\]]*?)[)\]]")
_LABEL_STRONG = lazy(
    rf"(?<![\w.])(?P<u>(?:t|kg|g|Mt|lbs?){_CO2}|(?:[kMGT]?Wh|[kKMGT]W[hH]|MWh|kWh|TWh|GWh)"
    rf"(?![A-Za-z])|(?i:GPU[-\s]hours?|TPU[-\s]hours?)|USD|EUR|PUE(?![A-Za-z]))")


#: A column a header names as a per after a unit's other columns: "Total Per day" of "Energy (kWh) Total Per day".
_PER_COLUMN_AFTER = lazy(r"(?i)[ \t]+(?:[^\W\d_][\w-]*[ \t]+)+?(?:per[ \t]+[^\W\d_]|(?:hourly|daily|weekly|monthly|yearly"
                         r"|annual|annually)(?!\S))")
#: A capitalised word of a header: a column's name starts with one ("Energy" of "Model Queries Energy (kWh)").
_CAPITAL_WORD = lazy(r"(?<!\S)[A-Z][A-Za-z]*(?!\S)")


def _count_column_before(header: str, paren: int) -> bool:
    """Whether a header names, before the column whose unit is in parentheses at `paren`, a column counting things:
    "Queries" of "Model Queries Energy (kWh)", "GPUs" of "Model GPUs Energy (kWh)"; its cells are counts, never in
    that unit ("Total energy for all models (kWh)" is one column's name)."""
    words = list(_CAPITAL_WORD.finditer(header, max(0, paren - 80), paren))
    for m in words[:-1]:        # the last is the unit's own column's first word
        word = m.group(0)
        if _plural(word.lower()) and word.lower() not in _NOT_NOUNS and _is_count(word.lower()) \
                or _DEVICE_PLURAL_END.search(word) and _DEVICE_WORD.match(word):
            return True
    return False


#: A header's token: a unit in parentheses or brackets as one, else a run of non-spaces.
_HEAD_TOKEN = lazy(r"\([^()]{1,40}\)|\[[^\[\]()]{1,40}\]|\S+")
#: A column's name that gives figures of the unit named before it (a statistic of them, a per), no column of its own.
_OF_UNIT_BEFORE = lazy(r"(?i)mean|std|sd|stdev|min|max|median|avg|average|total|sum|range|error|err|ci|sem|iqr|low|high"
                       r"|lower|upper|per|each|hourly|daily|weekly|monthly|yearly|annual|annually")


def header_columns(header: str, width: int) -> list[tuple[str, bool] | None] | None:
    """The unit of each of a row's `width` cells' columns and whether the header prints it in brackets ("Hours" does
    not), None for a column whose header names no unit, where `header` ends with the first row's label and names the
    label's column first, then one column for each cell, each a capitalised word with the lower-case words and the unit
    in brackets after it ("Model | Energy (kWh) | Runs BERT": [("kWh", True), None]); a column naming a statistic or a
    per ("Std", "Daily") has the unit before it. None whenever kb cannot tell the columns apart: no unit in brackets, a
    unit heading the header ("Energy (kWh) BERT GPT Total": a unit over every cell), the columns more or fewer than the
    cells."""
    if "(" not in header and "[" not in header:
        return None
    groups: list[list[str]] = []
    tokens = [m.group() for m in _HEAD_TOKEN.finditer(header)]
    first = next((i for i, t in enumerate(tokens) if t[0].isdigit()), len(tokens))
    for token in tokens[:first - 1]:    # the last before the first figure: the first row's label
        if token[0] in "([":
            if not groups:
                return None
            groups[-1].append(token)
        elif token[:1].isupper() or not groups:
            groups.append([token])
        else:
            groups[-1].append(token)
    if len(groups) != width + 1 or any(t[0] in "([" for t in groups[0]):
        return None
    out: list[tuple[str, bool] | None] = []
    for group in groups[1:]:
        word = group[0].strip(",;:")
        paren = next((" ".join(t[1:-1].split()) for t in group if t[0] in "(["), None)
        if paren is not None:
            out.append((paren, True))
        elif _OF_UNIT_BEFORE.fullmatch(word):
            if not out or out[-1] is None:
                return None
            out.append(out[-1])
        elif len(group) == 1 and _canonical(word) not in (None, "dimensionless") \
                or _canonical(word.lower()) not in (None, "dimensionless"):
            out.append((word, False))   # "Hours", "GPUs": a column named by its unit
        else:
            out.append(None)
    return out if any(c is not None and c[1] for c in out) else None


def _sentence_end(text: str) -> int:
    """Where the last sentence of `text` starts: after its last '. ' or ': ' (a caption before a header), else 0."""
    ends = [m.end() for m in _SENTENCE_STOP.finditer(text)]
    return ends[-1] if ends else 0


_SENTENCE_STOP = lazy(r"[.:](?=\s)")


def _label_unit(label: str) -> tuple[str, str] | None:
    """(unit as written, canonical unit) named by a table row label, if exactly one: a label naming two in parentheses
    is a header of columns run into the row ("Energy (MWh) Emissions (tCO2e) BERT 510 1,234 GPT 480 987"), none; nor
    one naming a count's column before its unit's ("Model Queries Energy (kWh) base 1,000 2.9": 1,000 is no kWh)."""
    first = _LABEL_PAREN.search(label)
    if first is not None and (_count_column_before(label, first.start()) or _PER_COLUMN_AFTER.match(label, first.end())):
        return None             # ... nor one naming a per's column after its unit's ("Energy (kWh) Total Daily")
    named = {c for c in map(_canonical, (_collapse(m.group("u")) for m in _LABEL_PAREN.finditer(label)))
             if c is not None and c != "dimensionless"}
    if len(named) > 1:
        return None
    for m in _LABEL_PAREN.finditer(label):
        text = _collapse(m.group("u"))
        head = re.match(r"[^\s]+(?:\s+(?:of\s+)?[^\s]+)?", text)
        for cand in (text, head.group(0) if head else "", text.split()[0] if text else ""):
            if not cand or not _UNIT_ONLY.match(cand):
                continue
            if re.search(_CO2, label) and re.match(r"(?:kg|g|t|lbs?)/", cand):
                cand = re.sub(r"^(kg|g|t|lbs?)/", r"\1 CO2e/", cand)
            canon = _canonical(cand)
            if canon is not None and re.search(_CO2, label) and canon in ("t", "kg", "g", "lb"):
                # "Gross CO 2 e for Model Training (metric ton)": CO2e, in metric tons
                cand, canon = f"{cand} CO2e", _canonical(f"{cand} CO2e") or canon
            if canon is not None and canon != "dimensionless":
                return cand, canon
    hashed = re.search(r"\(#[ \t]*([a-z]+s)\)", label)  # "Cost parity (# inferences)"
    if hashed is not None and _plural(hashed.group(1)):
        canon = _canonical(hashed.group(1))
        if canon is None or canon == "dimensionless" or not _is_count(canon):
            canon = "item"
        return hashed.group(1), canon
    dev = re.search(r"(?i)\bnumber\s+of\s+(chips|gpus|tpus|accelerators)\b", label)
    if dev is not None:
        return dev.group(1), _canonical(dev.group(1)) or "accelerator"
    counted = re.search(r"(?i)\bnumber\s+of\s+([a-z]+s)\b", label)
    if counted is not None and _plural(counted.group(1).lower()):
        canon = _canonical(counted.group(1).lower())
        if canon is not None and _is_count(canon):
            return counted.group(1), canon  # "Number of Parameters (B)"
    for m in _LABEL_STRONG.finditer(label):
        if re.search(r"\d\s*$", label[:m.start()]):
            continue  # "(284 tCO2e)": a figure, not a unit for the row
        canon = _canonical(m.group("u"))
        if canon is not None:
            return m.group("u"), canon
    return None


_LABEL_SCALE = lazy(r"\((B|M|K|billions?|millions?|thousands?)\)")
_UNIT_ONLY = lazy(rf"(?:{_UNIT_BODY})(?:{_RATE})?(?:\s*/\s*(?:{_DENOM}))?$")


def _cell_number(page: str, tok: re.Match[str], covered: _Covered):
    """(cell, start, end, match, number) of a table cell that is a whole number no candidate
    already covers, or None (a percentage, a word, a cell inside a taken span)."""
    cell = tok.group(0)
    if cell.endswith("%") or not cell[0].isdigit():
        return None
    s, e = tok.start(), tok.end()
    if s in covered:
        return None
    m = _NUM.match(page, s)
    if m is None or m.end() != e:
        return None
    try:
        return cell, s, e, m, read_number(m)
    except KBError:
        return None


# The end of a wrapped row label: "(Section 2.4 and Appendix D)", "2.4 and Appendix D)", "model".
_LABEL_TAIL = lazy(r"[ \t]*(?:[(\d][^\n]*\)|[a-z]+)[ \t]*")


def _table_cells(page: str, taken: list[tuple]) -> list[tuple]:
    """Cells of table rows whose label names their unit; cells already read are skipped.

    A row is a line ending in two or more cells (numbers, "--", "N/A") after a label
    with letters in it; the cells are found from the end of the line, so the cost
    is linear in the line. A label that names no unit may have wrapped: the line before
    it, when that line is no row, is read as its start ("Datacenter Gross CO 2 e/KWh
    (kg/KWh) 2020" / "(Section 2.4 and Appendix D) 0.429 0.478"). A row of one cell
    counts when a row of two or more stands next to it ("Number of Chips 8").
    """
    covered = _Covered(taken)
    out: list[tuple] = []
    rows: list[tuple[int, int, list[re.Match[str]], int]] = []  # start, end, tokens, first cell
    line_start = 0
    n = len(page)
    while line_start < n:
        nl = page.find("\n", line_start)
        line_end = n if nl < 0 else nl
        tokens = list(_TOKEN_RE.finditer(page, line_start, line_end))
        k = len(tokens)
        while k > 0 and _CELL_RE.fullmatch(tokens[k - 1].group(0)):
            k -= 1
        rows.append((line_start, line_end, tokens, k))
        line_start = line_end + 1

    def cells(i: int) -> int:
        return len(rows[i][2]) - rows[i][3] if rows[i][3] > 0 else 0

    for i, (line_start, line_end, tokens, k) in enumerate(rows):
        width = cells(i)
        if width == 0:
            continue
        if width == 1 and (not (i > 0 and cells(i - 1) >= 2 or i + 1 < len(rows) and cells(i + 1) >= 2)
                           or _YEARS.fullmatch(tokens[k].group(0))):
            continue  # "Datacenter Gross CO 2 e/KWh (kg/KWh) 2020": a year, not a cell
        label = page[line_start:tokens[k].start()]
        lu = _label_unit(label) if any(c.isalpha() for c in label) else None
        if (lu is None and width >= 2 and i > 0 and cells(i - 1) < 2 and rows[i - 1][2]
                and _LABEL_TAIL.fullmatch(label)):  # "Flan-T5-base 222M ...", "6 6 OTSL": labels of their own
            prev = page[rows[i - 1][0]:rows[i - 1][1]]
            if not prev.rstrip().endswith((".", ":")) and len(prev) <= 120:
                label = prev + " " + label
                lu = _label_unit(label)
        if lu is None:
            continue
        unit_text, canon = lu
        years = _YEAR_WORD.search(label) is not None
        # "Model Energy (kWh) Runs BERT 23 5": a header run into its row; 5 stands under "Runs", in no unit
        columns = header_columns(label[_sentence_end(label):], width)
        for j, tok in enumerate(tokens[k:]):
            if columns is not None and (columns[j] is None or not columns[j][1]):
                continue
            if years and _YEARS.fullmatch(tok.group(0)):
                continue    # "Year Energy (MWh) 2019 510 2020 480": each row's year, no figure in MWh
            found = _cell_number(page, tok, covered)
            if found is None:
                continue
            cell, s, e, m, num = found
            scale = _LABEL_SCALE.search(label)
            if scale is not None and _is_count(canon) and not m.group("scale"):
                # "Number of Parameters (B) 0.064 11": billions, written so
                suffix = scale.group(1)[0].upper().replace("T", "k")
                mult = {"B": 1e9, "M": 1e6, "K": 1e3}[suffix]
                out.append((s, e, cell + suffix, float(num.value) * mult, canon, None,
                            None, unit_text, "table"))
                continue
            out.append((s, e, cell, float(num.value), canon, None, None,
                        unit_text, "table"))
    return out


# ---------------------------------------------------------------- column headers

_HEADER_UNIT = lazy(r"(?:\((?P<u>[^()\d]+)\)|(?<![\w\]])\[(?P<b>[^\[\]()\d]+)\])\s*$")
_PAREN = lazy(r"\(([^()]{1,30})\)|(?<![\w\]])\[([^\[\]()]{1,30})\]")
_CAPTION = lazy(r"(?im)^[ \t]*(?:table|fig\.?|figure)\s*\d")
# Units a column header may give its cells: not counts, not accelerators, not ratios,
# which read as ordinary words in a header.
_HEADER_DIMENSIONS = {"energy", "power", "time", "mass", "CO2e mass", "computation",
                      "computing speed", "money (USD)", "money (EUR)", "money (GBP)",
                      "carbon intensity", "accelerator time"}


def _header_unit(line: str) -> tuple[str, str] | None:
    """(unit as written, canonical) of a header line such as "inference energy (kWh)"."""

    if len(line) > 80 or any(ch.isdigit() for ch in line.replace("CO 2", "").replace("CO2", "")):
        return None
    m = _HEADER_UNIT.search(line)
    if m is None or not any(ch.isalpha() for ch in line[:m.start()]):
        return None  # "(kWh)" alone is one column's header in a wider table
    if _count_column_before(line, m.start()):
        return None  # "Model Queries Energy (kWh)": a count's column, then the unit's
    if any(_canonical(_collapse(p.group(1) or p.group(2))) not in (None, "dimensionless")
           for p in _PAREN.finditer(line, 0, m.start())):
        return None  # "Emissions (tCO2e) Energy (MWh)": two columns, each its own unit (`_header_columns_cells`)
    text = _collapse(m.group("u") or m.group("b"))
    if re.search(_CO2, line) and re.fullmatch(r"(?:kg|g|t|lbs?|tons?)", text):
        text = f"{text} CO2e"
    canon = _canonical(text)
    if canon is None or canon == "dimensionless":
        return None
    if canon != "%" and dimension_name(parse_unit(canon)) not in _HEADER_DIMENSIONS:
        return None             # a percentage is a header's unit ("Share (%)", "Δ (%)"), a plain number or a count not
    return m.group("u") or m.group("b"), canon


def _row_cells(page: str, start: int, end: int) -> list[re.Match[str]] | None:
    """The number cells ending a table row, or None if the line is not such a row."""
    tokens = list(_TOKEN_RE.finditer(page, start, end))
    k = len(tokens)
    while k > 0 and _CELL_RE.fullmatch(tokens[k - 1].group(0)):
        k -= 1
    if k == len(tokens) or k == 0:
        return None
    if not any(ch.isalpha() for ch in page[start:tokens[k].start()]):
        return None
    return tokens[k:]


def _line_spans(page: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `page`, without its newline; the last line too."""
    lines: list[tuple[int, int]] = []
    pos = 0
    while pos <= len(page):
        nl = page.find("\n", pos)
        end = len(page) if nl < 0 else nl
        lines.append((pos, end))
        pos = end + 1
    return lines


#: A model's number after its name, as a row's label prints it: "900" of "GPT 900 41", "2" of "Llama 2 70.1".
_ROW_NAME_NUMBER = lazy(r"\d{1,4}")
_ROW_NAME_BEFORE = lazy(r"(?<!\S)[A-Z][A-Za-z0-9-]*[ \t]+$")


def _name_number_dropped(page: str, bounds: list[tuple[int, int]], i: int, cells: list[re.Match[str]] | None,
                         width: int | None) -> list[re.Match[str]] | None:
    """A row's cells without the number its label's name ends in: "GPT 900 41" among rows of one cell ("BERT 23",
    the row before it or, first, after it) is GPT 900's one cell, 41."""
    if cells is None or len(cells) < 2 or not _ROW_NAME_NUMBER.fullmatch(cells[0].group(0)) \
            or not _ROW_NAME_BEFORE.search(page, max(bounds[i][0], cells[0].start() - 40), cells[0].start()):
        return cells
    others = width
    if others is None and i + 1 < len(bounds):
        following = _row_cells(page, *bounds[i + 1])
        others = len(following) if following is not None else None
    return cells[1:] if others == len(cells) - 1 else cells


def _column_cells(page: str, taken: list[tuple]) -> list[tuple]:
    """Cells of the rows under a header line that names their unit.

    "inference energy (kWh)" / "task mean std" / "text classification 0.002 0.001" ...:
    rows follow the header (one line without cells may sit between, like a column
    title or a group title), all with the same number of cells; a caption ("Table 2.")
    or two lines that are not rows end the table.
    """
    covered = _Covered(taken)
    bounds = _line_spans(page)
    out: list[tuple] = []
    i = 0
    while i < len(bounds):
        hs, he = bounds[i]
        header = _header_unit(page[hs:he])
        i += 1
        if header is None:
            continue
        unit_text, canon = header
        width: int | None = None
        misses = 0
        while i < len(bounds) and misses <= 1:
            ls, le = bounds[i]
            if _CAPTION.match(page, ls) or _header_unit(page[ls:le]) is not None:
                break
            cells = _name_number_dropped(page, bounds, i, _row_cells(page, ls, le), width)
            if cells is None or (width is not None and len(cells) != width) or canon == "%" and len(cells) != 1:
                # a percentage's header names one column: "Model Share (%)" over rows of one cell; over rows of
                # more ("Model Params Layers Accuracy (%) / BERT 110 12 85.2") its other columns are no percentages
                misses += 1
                i += 1
                continue
            width = len(cells)
            misses = 0
            for tok in cells:
                found = _cell_number(page, tok, covered)
                if found is None:
                    continue
                cell, s0, e0, m, num = found
                out.append((s0, e0, cell, float(num.value), canon, None, None, unit_text,
                            "table"))
            i += 1
    return out


# ---------------------------------------------------------------- tables with several columns

# "Model Hardware Power (W) Hours kWh ·PUE CO 2e Cloud compute cost" above rows such as
# "Transformerbase P100x8 1415.78 12 27 26 $41–$140", the caption saying "CO 2 emissions
# (lbs) and cloud compute cost (USD)": each numeric column's unit comes from the header,
# or from the caption where the header names only the quantity.
_CAPTION_LINE = lazy(r"(?im)^[ \t]*table[ \t]*\d+[ \t]*[:.]")
_HEADER_TOKEN = lazy(r"\([^()]*\)|[^\s()]+")
_CO2_WORD = lazy(r"C[ \t]?O[ \t]?2[ \t]?(?:e(?:q)?)?(?![A-Za-z0-9])|𝐶𝑂2(?:𝑒𝑞?)?")
_ROW_CELL = lazy(rf"\$(?:{MANTISSA})[kMB]?(?:[ \t]?[–-][ \t]?\$(?:{MANTISSA})[kMB]?)?"
                 rf"|(?:{MANTISSA})(?:{EXPONENT})?%?(?![\w$])|—|–|--|-|N/A")
# A header line holds no digit but CO2's; only these words take a unit from the caption.
_LINE_DIGITS = lazy(r"(?<![OC𝑂] )(?<![OC𝑂])\d")
_CAPTION_HINT = lazy(r"(?i)\b(?:cost|costs|price|emissions|energy|power|time|consumption)\b|CO\s?2")
_CAPTION_UNIT = r"\b{word}\b[^()\n]{{0,40}}?\((?P<u>[^()\d]{{1,20}})\)"


def _header_columns(line: str, caption: str) -> list[tuple[str, str] | None] | None:
    """Units of a header line's numeric columns, in order (None: a column with no unit
    kb can read), or None if the line is not such a header (fewer than two units)."""
    text = _CO2_WORD.sub("CO2e", line)
    if any(ch.isdigit() for ch in text.replace("CO2e", "")) or len(text) > 160:
        return None
    cols: list[tuple[str, str] | None] = []
    words: list[str] = []

    def caption_unit(word: str) -> tuple[str, str] | None:
        if not caption or not word.isalpha() or len(word) < 3:
            return None
        cm = re.search(_CAPTION_UNIT.format(word=re.escape(word)), caption, re.I)
        if cm is None:
            return None
        canon = _canonical(cm.group("u"))
        return (cm.group("u"), canon) if canon and canon != "dimensionless" else None

    def co2e_column() -> tuple[str, str] | None:
        cm = re.search(r"(?i)(?:CO\s?2e?\w*|carbon|emissions?)[^()\n]{0,30}?\((?P<m>lbs?|kg|g|t|tons?|tonnes?"
                       r"|metric\s+tons?)\)", caption)
        if cm is None:
            return None
        canon = _canonical(f"{cm.group('m')} CO2e")
        return (f"{cm.group('m')} CO2e", canon) if canon else None

    for tok in _HEADER_TOKEN.findall(text):
        if tok.startswith("("):
            inner = tok[1:-1].strip()
            canon = _canonical(inner) if inner and _UNIT_ONLY.match(inner) else None
            if canon is None and cols and cols[-1] and "CO2e" in cols[-1][0]:
                mass = _canonical(f"{inner} CO2e")
                if mass is not None:
                    cols[-1] = (f"{inner} CO2e", mass)
                continue
            if canon is not None and canon != "dimensionless":
                if words or not cols:
                    cols.append((inner, canon))
                else:
                    cols[-1] = (inner, canon)
                words = []
            continue
        if tok[:1] in "·*⋅" and cols:
            continue  # "kWh ·PUE": the column is still kWh
        if tok == "CO2e":
            cols.append(co2e_column())
            words = []
            continue
        canon = None
        if ((len(tok) >= 2 or tok == "%") and _UNIT_ONLY.match(tok)
                and tok.lower() not in ("year", "years", "yr", "in", "at", "min")):
            canon = _canonical(tok) or _canonical(tok.lower())
        if canon is not None and canon != "dimensionless":
            cols.append((tok, canon))
            words = []
            continue
        low = tok.lower()
        if tok[:1].isupper() and _plural(low) and low not in _NOT_NOUNS and _is_count(low):
            cols.append((tok, _canonical(low) or "item"))  # "Models Hours ...": a count column
            words = []
            continue
        words.append(tok)
        cu = caption_unit(tok)
        if cu is not None and tok.lower() in ("cost", "costs", "price", "emissions", "energy",
                                               "power", "time", "consumption"):
            cols.append(cu)
            words = []
    if len([c for c in cols if c]) < 2:
        return None
    return cols


def _row_cell_tokens(page: str, start: int, end: int) -> list[re.Match[str]] | None:
    """The cells after a row's label (numbers, money, dashes), or None if not a row."""
    tokens = list(_TOKEN_RE.finditer(page, start, end))
    k = 0
    while k < len(tokens) and _ROW_CELL.fullmatch(tokens[k].group(0)) is None:
        k += 1
    if k == len(tokens) or (k == 0 and len(tokens) < 2):
        return None
    cells: list[re.Match[str]] = []
    pos = tokens[k].start()
    while pos < end:
        while pos < end and page[pos] in " \t":
            pos += 1
        if pos >= end:
            break
        c = _ROW_CELL.match(page, pos, end)
        if c is None or c.end() == pos:
            return None
        cells.append(c)
        pos = c.end()
    return cells


def _cells_then_text(page: str, start: int, end: int, width: int) -> list[re.Match[str]] | None:
    """The `width` number cells of a row that ends in a text column ("TPU v2 221 5%
    Transformer (Big), Evolved Transformer (Medium), ...")."""
    tokens = list(_TOKEN_RE.finditer(page, start, end))
    k = 0
    while k < len(tokens) and _ROW_CELL.fullmatch(tokens[k].group(0)) is None:
        k += 1
    if k == 0 or k + width >= len(tokens):
        return None
    cells = tokens[k:k + width]
    if not all(_ROW_CELL.fullmatch(t.group(0)) for t in cells):
        return None
    if not tokens[k + width].group(0)[:1].isalpha():
        return None
    return cells


_UNIT_LINE = lazy(r"[ \t]*\((?=[^()\n]*[A-Za-z])[^()\n]{1,24}\)[ \t]*")
_YES_NO = frozenset({"Yes", "No", "yes", "no", "Y", "N", "✓", "✗"})


def _yes_no_row(page: str, start: int, end: int) -> list[re.Match[str]] | None:
    """The number cells of a row whose other cells say yes or no ("Coal 38 No 512.3")."""
    tokens = list(_TOKEN_RE.finditer(page, start, end))
    k = 0
    while k < len(tokens) and _ROW_CELL.fullmatch(tokens[k].group(0)) is None:
        k += 1
    if k == 0 or k == len(tokens):
        return None
    rest = tokens[k:]
    if not all(_ROW_CELL.fullmatch(t.group(0)) or t.group(0) in _YES_NO for t in rest):
        return None
    cells = [t for t in rest if t.group(0) not in _YES_NO]
    return cells if len(cells) < len(rest) else None


def _caption_near(page: str, lines: list[tuple[int, int]], i: int) -> str:
    """The caption of the table whose header is line i: a "Table N:" line below it
    (within 25 lines) or above it (within 3), with the line after it."""
    for j in list(range(i + 1, min(len(lines), i + 26))) + list(range(i - 1, max(-1, i - 4), -1)):
        s0, e0 = lines[j]
        if _CAPTION_LINE.match(page, s0):
            e1 = lines[j + 1][1] if j + 1 < len(lines) else e0
            return page[s0:e1]
    return ""


def _header_columns_cells(page: str, taken: list[tuple]) -> list[tuple]:
    """Cells of rows under a header naming several columns' units (see above)."""
    if "\n" not in page:
        return []
    covered = _Covered(taken)
    lines = _line_spans(page)
    out: list[tuple] = []
    i = 0
    while i < len(lines):
        hs, he = lines[i]
        i += 1
        line = page[hs:he]
        if not 8 <= he - hs <= 160 or _LINE_DIGITS.search(line) or _CAPTION_LINE.match(page, hs):
            continue
        if i < len(lines) and _UNIT_LINE.fullmatch(page, *lines[i]):
            # "Average Carbon Intensity" / "(gCO2eq/kWh)": the last column's unit, wrapped
            line = f"{line} {page[lines[i][0]:lines[i][1]].strip()}"
            i += 1
        header = _header_columns(line, "")
        if (header is None and _CAPTION_HINT.search(line)) or (header and None in header):
            caption = _caption_near(page, lines, i - 1)
            header = _header_columns(line, caption) if caption else header
        if header is None:
            i = _number_of_column(page, lines, i, covered, out)
            continue
        rows = 0
        texty = False  # rows end in a text column, which may wrap onto a line of its own
        skipped = False
        while i < len(lines):
            ls, le = lines[i]
            if _CAPTION_LINE.match(page, ls):
                break
            cells = _row_cell_tokens(page, ls, le) or _yes_no_row(page, ls, le)
            if cells is None and (rows == 0 or texty):
                cells = _cells_then_text(page, ls, le, len(header))
                if cells is None and texty and not skipped:
                    skipped = True  # "Search [So19]": the text column's second line
                    i += 1
                    continue
                texty = cells is not None
            skipped = False
            while cells and len(cells) > len(header) and cells[-1].group(0).startswith("$"):
                cells = cells[:-1]  # money cells say their own unit
            if cells is None or len(cells) != len(header):
                break
            rows += 1
            for cell, col in zip(cells, header):
                text = cell.group(0)
                if col is None or not text[0].isdigit() or text.endswith("%"):
                    continue
                s0, e0 = cell.start(), cell.end()
                if s0 in covered:
                    continue
                m = _NUM.match(page, s0)
                if m is None or m.end() != e0:
                    continue
                try:
                    num = read_number(m)
                except KBError:
                    continue
                out.append((s0, e0, text, float(num.value), col[1], None, None, col[0], "table"))
            i += 1
    return out


# A header printed one short line per word ("model\nname\nnumber of\nparameters\nemissions
# \n(g 𝐶𝑂2𝑒𝑞)\nenergy\n(kWh)", twice for a table of two halves) above rows such as
# "Flan-T5-base 222M 3.67 0.026 BLOOMz-560M 559M 7.5 0.054".
_STACKED_LINE = lazy(r"[ \t]*[A-Za-z(#%][^\n]{0,24}")


def _stacked_line(page: str, start: int, end: int) -> bool:
    """A short line without digits but CO2's: one piece of a stacked header."""
    return (_STACKED_LINE.fullmatch(page, start, end) is not None
            and not _LINE_DIGITS.search(page[start:end]))
_SCALED_CELL = lazy(rf"(?:{MANTISSA})(?:{EXPONENT})?(?:[kMB](?![\w]))?%?|—|–|--|N/A")


def _stacked_header_cells(page: str, taken: list[tuple]) -> list[tuple]:
    """Cells of rows under a header printed one word or two per line; a row may hold
    several label-and-cells groups, as many cells in all as the header has columns."""
    if "\n" not in page:
        return []
    covered = _Covered(taken)
    lines = _line_spans(page)
    out: list[tuple] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _stacked_line(page, *lines[j]):
            j += 1
        if j - i < 4 or j == len(lines):
            i = max(j, i + 1)
            continue
        header = _header_columns(" ".join(page[a:b].strip() for a, b in lines[i:j]), "")
        i = j
        if header is None:
            continue
        while i < len(lines):
            a, b = lines[i]
            tokens = list(_TOKEN_RE.finditer(page, a, b))
            cells = [t for t in tokens if _SCALED_CELL.fullmatch(t.group(0))]
            if (len(cells) != len(header) or not tokens or tokens[0] in cells
                    or _CAPTION_LINE.match(page, a)):
                break
            for tok, col in zip(cells, header):
                text = tok.group(0)
                if col is None or not text[0].isdigit() or text.endswith("%"):
                    continue
                if tok.start() in covered:
                    continue
                m = _NUM.match(page, tok.start())
                if m is None or m.end() != tok.end():
                    continue
                try:
                    num = read_number(m)
                except KBError:
                    continue
                out.append((tok.start(), tok.end(), text, float(num.value), col[1], None, None,
                            col[0], "table"))
            i += 1
    return out


_NUMBER_OF = lazy(r"(?i)\b(?:number|no\.|#)[ \t]+of[ \t]+(?P<noun>[a-z]+s)\b")
_HEADER_NOUN = lazy(r"\b([A-Z][a-z]{2,}s)\b")
_YEARS = lazy(r"(?:19|20)\d\d(?:[–-](?:19|20)\d\d)?")
#: A calendar year standing alone as a table's heading ("2019"), and a figure of a table's cell ("1,234", "$5", "12%").
_YEAR_ONLY = lazy(r"(?:19|20)\d\d")
_FIGURE_CELL = lazy(r"[-−+]?[$€£]?\d[\d.,]*%?")


def year_heading(text: str, start: int, end: int) -> bool:
    """Whether the year-like number at `start`..`end` of `text` heads a table's column or row, as years in a row
    do: one of a row of years ("Electricity use (TWh) 2019 2020 2021"), or each year before its cell ("Emissions
    (tCO2e) per year. 2019 1,234 2020 987"), the years rising. Such a number is no figure of the table's unit."""
    if not _YEAR_ONLY.fullmatch(text, start, end):
        return False
    year = int(text[start:end])
    before = [t.strip(",;:") for t in text[max(0, start - 40):start].split()]
    after = [t.strip(",;:") for t in text[end:end + 40].split()]

    def a_year(token: str) -> int | None:
        return int(token) if _YEAR_ONLY.fullmatch(token) else None

    if before and (a_year(before[-1]) or 9999) < year or after and (a_year(after[0]) or 0) > year:
        return True         # "2019 2020 2021"
    if len(after) >= 2 and _FIGURE_CELL.fullmatch(after[0]) and a_year(after[0]) is None \
            and (a_year(after[1]) or 0) > year:
        return True         # "2019 1,234 2020 987": 2019
    return len(before) >= 2 and _FIGURE_CELL.fullmatch(before[-1]) is not None and a_year(before[-1]) is None \
        and (a_year(before[-2]) or 9999) < year       # ... and 2020


#: A header naming a column of calendar years: "Year Energy (MWh)".
_YEAR_WORD = lazy(r"(?<!\S)[Yy]ear(?!\S)")


def _number_of_column(page: str, lines: list[tuple[int, int]], i: int,
                      covered: _Covered, out: list[tuple]) -> int:
    """Rows under a header with one "Number of Models" column: in each row, the one
    number that is not a year, a year range or a citation is that count. Returns the
    index of the first line after the rows."""
    hs, he = lines[i - 1]
    nm = _NUMBER_OF.search(page, hs, he)
    noun_text = nm.group("noun") if nm is not None else None
    if nm is None:
        # "Corpus Papers w/ body text Citation contexts ...": a column headed by a plural
        # noun kb counts (papers, models, tasks), over rows of one count each ("8.1M")
        for pm in _HEADER_NOUN.finditer(page, hs, he):
            known = _canonical(pm.group(1).lower())
            if known not in (None, "dimensionless", "item") and _is_count(known):
                noun_text = pm.group(1)
                break
    if noun_text is None:
        return i
    unit = _canonical(noun_text.lower())
    if unit is None or unit == "dimensionless" or not _is_count(unit):
        unit = "item"
    found: list[tuple] = []
    while i < len(lines):
        ls, le = lines[i]
        if _CAPTION_LINE.match(page, ls):
            break
        nums = [t for t in _TOKEN_RE.finditer(page, ls, le)
                if t.group(0)[0].isdigit() and not _YEARS.fullmatch(t.group(0))
                and not page[max(0, t.start() - 1):t.start()] == "["]
        cells = [t for t in nums if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t.group(0))
                 or nm is None and re.fullmatch(r"\d+(?:\.\d+)?[kMB]", t.group(0))]
        if len(cells) != 1 or not any(ch.isalpha() for ch in page[ls:cells[0].start()]):
            break
        tok = cells[0]
        m = _NUM.match(page, tok.start())
        if tok.start() not in covered and m is not None and m.end() == tok.end():
            try:
                value = float(read_number(m).value)
            except KBError:
                value = None
            if value is not None:
                found.append((tok.start(), tok.end(), tok.group(0), value, unit, None, None,
                              noun_text, "table"))
        i += 1
    if nm is not None or len(found) >= 2:
        out.extend(found)
    return i


# "P100x8", "V100x64", "TPUv2x16": a hardware column naming the accelerator and how many.
_HARDWARE_COUNT = lazy(r"(?<![\w-])(?P<model>(?:[VAPHKT]\d{2,3}|TPU[ ]?v?\d\w*?|GPU))[x×](?P<n>\d{1,5})(?![\w.])"
                      r"|(?<![\w.,-])(?P<n2>\d{1,5})[·×x∗*][ ]?(?P<model2>[VAPHKT]\d{2,3}|TPU[ ]?v?\d\w*?)(?![\w.-])")


def _hardware_counts(page: str, taken: list[tuple], excluded: _Covered) -> list[tuple]:
    """Accelerator counts written as a suffix of the model name ("P100x8": 8 GPUs)."""
    out: list[tuple] = []
    covered = _Covered(taken)
    for hm in _HARDWARE_COUNT.finditer(page):
        group = "n" if hm.group("n") else "n2"  # "P100x8", or "256·A100"
        model = hm.group("model") or hm.group("model2")
        s0, e0 = hm.start(group), hm.end(group)
        if s0 in excluded or s0 in covered:
            continue
        unit = "TPU" if model.startswith("TPU") else "GPU"
        out.append((s0, e0, hm.group(group), float(hm.group(group)), unit, None, None,
                    hm.group(0), "table"))
    return out
