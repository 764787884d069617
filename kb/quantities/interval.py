"""Interval arithmetic over quantities whose precision is the precision they were written with.

A figure in a paper is a claim to a precision: "11.49 kWh" says 11.485…11.495 kWh,
"950" says 945…955. Re-checking a derived figure means propagating those bounds
through the arithmetic, then asking whether the result can be the stated figure.

Precision of a written number: half a unit in its last written digit, scaled by
its exponent ("3.14E+23" is ±0.005E+23, "16 %" is ±0.5 %). Trailing zeros of an
integer are not significant: "950" is ±5 and "1,000" is ±500, because a paper that
writes "950 charges" rarely means exactly 950. Write "exactly 1000" or
"1000 ± 0" when it does. `kb check` reads a power of ten so written ("100 GPUs",
"1,000") as a tenth as wide toward zero, 95 … 150, in its stated figure and its
inputs alike (`round_power_of_ten`). A range ("0.06-2.9 kWh", "21 to 78") spans the lower
bound of its first figure to the upper bound of its second; its nominal value is
the midpoint.

pint is used for units only (imported lazily through kb.quantities.units);
magnitudes are floats, bounds are computed by hand.

User units ("smartphone_charge") are given, never looked up: whatever reads a
figure or converts across a user unit takes the user units in use as an
argument (``units=``, a `kb.quantities.userunits.UserUnits`), which replaces
each user unit by its stated interval.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Protocol

from kb.errors import KBError, UsageError
from kb.quantities.units import (
    counted_things,
    dimension_name,
    format_unit,
    has_user_units,
    is_user_unit,
    model_count,
    parse_unit,
    registry,
    unit_powers,
)
from kb.text.lazyre import lazy

if TYPE_CHECKING:  # pragma: no cover
    import pint


class UnitExpander(Protocol):
    """What an Interval needs of the user units in use; `kb.quantities.userunits.UserUnits`
    is the one implementation (it builds on this module, so it is not imported here)."""

    @property
    def names(self) -> frozenset[str]:
        """The user units' names, for reading units."""
        ...

    def expand(self, unit: "pint.Unit") -> tuple["Interval", "pint.Unit"]:
        """(dimensionless factor, plain unit) whose product is `unit`, user units replaced."""
        ...


class UnitMismatch(UsageError):
    """Two quantities of different dimensions met: kWh against kg CO2e, CO2e against kg."""

    def __init__(self, message: str, *, src: str = "", dst: str = "", src_dim: str = "",
                 dst_dim: str = "", **kw: Any):
        super().__init__(message, **kw)
        self.src = src
        self.dst = dst
        self.src_dim = src_dim
        self.dst_dim = dst_dim


# ---------------------------------------------------------------- written numbers

# A number as papers print it, pypdf artefacts included: thousands groups that may
# hold one stray space ("$3,20 1,722"), a space before the decimal point ("0 .954").
# A group is three digits and no more: "January 29, 1998" is 29 and 1998, not 29,199.
MANTISSA = r"(?:\d{1,3}(?:,\d(?:[ ]?\d){2}(?!\d))+|\d+)(?:[ ]?\.\d+)?|\.\d+"
# Exponents: "3.14E+23", "2.5×10^4", "1.0 × 10−4" and "1.2 × 10 3" (an extractor drops the
# superscript, and may set a space where it stood, or none: "4.6 × 1013" is 4.6 × 10¹³ after a decimal
# mantissa, where "2 × 1024" stays a product), "10^3".
EXPONENT = (r"[eE][+\-−]?\d+"
            r"|[ ]?[×x][ ]?10[ ]?(?:\^|\*\*)[ ]?[+\-−]?\d+"
            r"|[ ]?[×x][ ]?10[ ]?[\-−]\d+"
            r"|[ ]?×[ ]?10[ ]\d{1,3}(?![\d.,]\d|[ ]?[×x])"
            r"|(?:(?<=\.\d)|(?<=\.\d\d)|(?<=\.\d\d\d))[ ]?×[ ]?10\d{1,2}(?!\d|[.,]\d|[ ]?[×x])")
SCALE_WORDS = {"k": 3, "K": 3, "thousand": 3, "M": 6, "million": 6, "B": 9, "bn": 9,
               "billion": 9, "trillion": 12, "m": 6, "mn": 6, "mln": 6, "b": 9, "T": 12}
#: A trillion written "T" glued to its number, before what a model's size or data counts ("1.4T tokens", "1.6T
#: parameters"); after any other number, or before any other word, the letter stays a tesla ("a 3T scanner").
TRILLION = (r"T(?=[ \t\n]+(?i:tokens?|words|parameters|params|examples|samples|images|documents|sentences|characters"
            r"|pairs|queries|requests|predictions|inferences|operations|FLOPs?)(?![A-Za-z]))")
#: A scale after an amount of money, as the financial press writes it: glued or after a space, in
#: either case ("£3.5m", "$2mn", "$4.6 M", "€1.2 bn", "$40 K"); the metre, molar, kelvin or bit that
#: the letter is after any other number (`_NUMBER_RE`, `kb.quantities.quoted`).
MONEY_SCALE = r"[ ]?(?:k|K|mn|m|M|bn|b|B)(?![A-Za-z0-9²³/])"

_NUMBER_RE = lazy(
    rf"(?P<sign>[-−+])?[ ]?(?P<cur>US\$|\$|€|£|(?:USD|EUR|GBP)(?=[ ]?\d))?[ ]?"
    rf"(?P<mant>{MANTISSA})(?P<exp>{EXPONENT}|\^[+\-−]?\d+)?"
    rf"(?P<scale>(?:k|K|M|B|bn)(?![A-Za-z0-9])|{TRILLION}|(?(cur){MONEY_SCALE}|(?!))"
    rf"|[ ](?:thousand|million|billion|trillion)\b)?")

_SPACED_GROUPS_RE = lazy(r"^(?:[-−+][ ]?)?(?:US\$|\$|€|£)?[ ]?\d{1,3}(?:[ ]\d{3})+(?:\.\d+)?(?![\d,]|[ ]?\.\d)")
_RANGE_SEP_RE = lazy(r"\s*(?:[-–—]|to|and)\s*")
_UNIT_BOTH_ENDS_RE = lazy(r"[ ]?(?P<unit>[^\W\d_][^\s\d–—]*(?:[ ][^\W\d_][^\s\d–—]*)?)(?=\s*(?:[–—]|-|to |and ))"
                          r"\s*(?:[-–—]|to|and)\s*[$€£]?\d[\d.,]*[ ]?(?P<again>.+?)\s*$")
#: The same unit written at both ends, whatever its characters ("10 kg CO2e-14 kg CO2e", "10 °C–14 °C"): the text
#: after the second number is the unit after the first, to the figure's end.
_SAME_UNIT_BOTH_ENDS_RE = lazy(r"[ ]?(?P<unit>[^\s\d\-–—][^–—]*?)\s*(?:[-–—]|to|and)\s*[$€£]?\d[\d.,]*[ ]?"
                               r"(?P<again>(?P=unit))\s*$")
_FRACTION_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                        "eight": 8, "nine": 9}
_FRACTION_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
                          "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
#: A share written in words at a figure's start, after the words of a bound or an approximation: "two-thirds", "one
#: third", "a quarter", "half", "nearly a third", "more than two fifths".
_WORD_FRACTION_RE = lazy(
    r"(?i)(?P<pre>(?:(?:exactly|about|around|approximately|roughly|nearly|almost|some|more than|less than|fewer than"
    r"|over|under|up to|at least|at most)\s+)*)"
    r"(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine)[- ])?"
    r"(?P<d>half|halve|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?P<pl>s)?(?![\w-])")


def _word_fraction(t: str) -> str:
    """`t` with a share written in words at its start as the fraction kb reads ("two-thirds" -> "2/3", "half" ->
    "1/2"); as it was where its words agree in no share ("two third", "one thirds", "third" alone, "halve")."""
    m = _WORD_FRACTION_RE.match(t)
    if m is None:
        return t
    n = _FRACTION_NUMERATORS[m.group("n").lower()] if m.group("n") else None
    d, plural = m.group("d").lower(), bool(m.group("pl"))
    if d == "halve" and not plural or n is None and d != "half" or plural != (n is not None and n > 1):
        return t
    return f"{m.group('pre')}{n or 1}/{_FRACTION_DENOMINATORS[d]}{t[m.end():]}"


#: A spread with no figure before it: "±0.5", "+/- 5%".
_PM_ALONE_RE = lazy(r"(?:±|\+/-|\+-)[ ]?(?=\.?\d)")
#: A factor written in words before its number: "a factor of 28", "by a factor of about 100".
_FACTOR_OF_RE = lazy(r"(?i)(?:by[ ])?(?:an?[ ])?factor[ ]of[ ](?=\S)")
#: A range written in words before its first end: "between 20 and 25 minutes", "from 11 to 147 gCO2eq/kWh".
_SPAN_WORD_RE = lazy(r"(?i)(between|from)\s+(?=[-−+]?(?:US\$|[$€£])?[ ]?\.?\d)")
_PM_RE = lazy(r"\s*(?:±|\+/-|\+-)\s*")
_CURRENCY = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "USD": "USD", "EUR": "EUR", "GBP": "GBP"}


@dataclass(frozen=True)
class WrittenNumber:
    """A number exactly as written, with its value and its half-unit of precision."""

    text: str
    value: Decimal
    half_unit: Decimal
    currency: str | None = None

    @property
    def lo(self) -> Decimal:
        return self.value - self.half_unit

    @property
    def hi(self) -> Decimal:
        return self.value + self.half_unit


_MANTISSA_AT = lazy(MANTISSA)
_EXPONENT_AT = lazy(EXPONENT)


def printed_half(w: WrittenNumber) -> Decimal:
    """Half a unit in the last digit `w` prints, its trailing zeros printed digits too: "600" is ±0.5,
    "700k" ±500, "2.9" ±0.05, where a figure alone keeps its trailing zeros as no precision ("600" ±50). A range's
    ends are read so, a claim's and a check's stated figure alike: "600-700 tCO2e" is 599.5 … 700.5, where half a
    unit of each end's last nonzero digit made it 550 … 750."""
    m = _MANTISSA_AT.search(w.text)
    if m is None or "." in m.group(0) or "^" in w.text or _EXPONENT_AT.search(w.text, m.end()):
        return w.half_unit
    digits = m.group(0).replace(",", "").replace(" ", "").lstrip("0")
    zeros = len(digits) - len(digits.rstrip("0"))
    return w.half_unit.scaleb(-zeros) if digits else w.half_unit


def round_power_of_ten(text: str, iv: "Interval") -> "Interval":
    """`iv`, the figure `text` writes, with its side toward zero narrowed to a tenth where `text` is a power of ten
    written as a whole number ("1", "10", "100 GPUs", "1,000", "about 1,000", "1 billion queries/day", "1E+3"): a
    figure just under it has a digit fewer and is written so ("950", "0.6"), so "1,000" is 950 … 1,500 and "100"
    95 … 150. A check's stated figure and the claims its expression names are read so alike: "100 GPUs" read as
    50 … 150 made 400,000 GPU hours over them 97 … 375 days, and "about 270 days" of 167 passed."""
    if iv.is_exact:
        return iv
    try:
        parts = written_parts(text)
    except KBError:
        return iv
    first = parts.first
    if parts.second is not None or parts.delta is not None or parts.bounds is not None or parts.tail_delta \
            or "." in first.text or not first.value or first.value.copy_abs() != 2 * first.half_unit:
        return iv
    if iv.nominal > 0:
        return Interval(iv.nominal - (iv.nominal - iv.lo) / 10, iv.nominal, iv.hi, iv.unit, written=iv.written)
    return Interval(iv.lo, iv.nominal, iv.nominal + (iv.hi - iv.nominal) / 10, iv.unit, written=iv.written)


#: The smallest and largest magnitudes kb reads: a float holds them with room to compute.
MIN_MAGNITUDE, MAX_MAGNITUDE = Decimal("1E-300"), Decimal("1E+300")


def _power(text: str, m: re.Match[str]) -> int:
    """The power of ten an exponent writes; `UsageError` naming the number when it is far
    beyond what a figure can be ("1e99999999"), before Decimal or int chokes on it."""
    digits = text.lstrip("+-")
    if len(digits.lstrip("0")) > 4:
        raise UsageError(f"cannot read number {m.group(0).strip()!r}: out of range "
                         "(kb reads figures from 1E-300 to 1E+300)")
    return int(text)


#: "1.234,5", "12.500,75": dots between thousands groups, a decimal comma after them.
_DOTS_THEN_COMMA = lazy(r"(?<![\w.,{])\d{1,3}(?:\.\d{3})+,\d+(?!\d|[.,]\w)")
#: "1.234.567": two dots or more between thousands groups (no decimal point has two).
_DOT_GROUPS = lazy(r"(?<![\w.,{])\d{1,3}(?:\.\d{3}){2,}(?!\d|[.,]\w)")
#: "0,5", "3,25", "0,0125": a comma then one, two or four and more digits, one comma alone
#: (not "1,2,3", a list). A comma then three digits is a thousands separator ("1,000"), except
#: after a lone zero: "0,022" is no thousand (no number's thousands start with 0).
_DECIMAL_COMMA = lazy(r"(?<![\w.,{])(?:\d+,(?:\d{1,2}|\d{4,})|0,\d{3})(?!\d|[.,]\w)")
#: "2,500" in a quote whose numbers are written "1.234,5": that quote's decimal comma.
_COMMA_THREE = lazy(r"(?<![\w.,{])\d{1,3},\d{3}(?!\d|[.,]\w)")
#: "2.300" in a quote whose numbers are written "1.234,5": that quote's thousands.
_DOT_THREE = lazy(r"(?<![\w.,{])\d{1,3}\.\d{3}(?!\d|[.,]\w)")
#: The rest of a thousands group a stray space split, and the groups after it: " 1,722".
_SPLIT_GROUP = lazy(r"[ ](\d{1,2})(?:,\d{3})+(?!\d|[.,]\d)")
#: Whether a text may hold a decimal comma or dot thousands groups at all.
_ANY_EUROPEAN = lazy(r"\d,(?:\d{1,2}(?!\d)|\d{4})|\d\.\d{3}[.,]\d|(?<![\w.,])0,\d")
#: A year then a footnote's number after its comma: "in Q1 2021,3 compared" (pypdf's superscript).
_YEAR_FOOTNOTE = lazy(r"(?:19|20)\d\d,\d(?!\d)")
#: A citation's brackets, whose numbers are listed with commas: "[2,28]".
_BRACKETS = lazy(r"\[[^\[\]]{0,40}\]")


def decimal_commas(text: str, dots: bool = False) -> str:
    """`text` with numbers written with a decimal comma rewritten with a decimal point, each
    character in its place: "0,5 kWh" as "0.5 kWh", "3,2 %" as "3.2 %", "1.234,5 MWh" as
    "1,234.5 MWh", "1.234.567" as "1,234,567". A comma then three digits stays a thousands
    separator ("1,000" is a thousand), unless the text writes its thousands with dots
    ("1.234,5"): then it is that text's decimal comma, and with `dots` (a quote or a value, one
    writer's few lines; never a whole page, whose one European number in a reference would turn
    its "a PUE of 1.125" into 1,125) a dot then three digits is its thousands ("2.300" is 2,300).
    Numbers in brackets ("[2,28]", a citation) and lists ("1,2,3") are left as they are."""
    if not _ANY_EUROPEAN.search(text):
        return text             # most text: nothing to rewrite, one pass
    chars = list(text)
    cited = [(m.start(), m.end()) for m in _BRACKETS.finditer(text)]

    def free(m: re.Match[str]) -> bool:
        return not any(a <= m.start() < b for a, b in cited)

    european = [m for m in (*_DOTS_THEN_COMMA.finditer(text), *_DOT_GROUPS.finditer(text)) if free(m)]
    for m in european:
        for i in range(m.start(), m.end()):
            chars[i] = {".": ",", ",": "."}.get(chars[i], chars[i])
    taken = [(m.start(), m.end()) for m in european]
    rewrite = list(_DECIMAL_COMMA.finditer(text))
    if european:
        rewrite += list(_COMMA_THREE.finditer(text))
        if dots:
            for m in _DOT_THREE.finditer(text):
                if free(m) and not any(a <= m.start() < b for a, b in taken):
                    chars[text.index(".", m.start(), m.end())] = ","
    for m in rewrite:
        if _YEAR_FOOTNOTE.fullmatch(m.group(0)):
            continue            # "2021,3": a year and its footnote, not 2021.3
        split = _SPLIT_GROUP.match(text, m.end())
        if split and len(m.group(0).split(",")[1]) + len(split.group(1)) == 3:
            continue            # "$3,20 1,722": pypdf's space inside a thousands group
        if free(m) and not any(a <= m.start() < b for a, b in taken):
            i = text.index(",", m.start(), m.end())
            chars[i] = "."
    return "".join(chars)


#: Superscript digits and signs as printed in a power of ten ("10⁵", "10⁻³").
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
#: A power of ten whose exponent is printed in superscript: "10⁵", "× 10⁻³".
_SUPERSCRIPT_POWER = lazy(r"(?<![\w.,])10([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])")


def superscript_powers(text: str) -> str:
    """`text` with each power of ten printed in superscript written with a caret: "1.2 × 10⁵
    kWh" as "1.2 × 10^5 kWh", "10⁻³" as "10^-3" (a figure's text; positions are not kept)."""
    if "10" not in text or not any(c in text for c in "⁰¹²³⁴⁵⁶⁷⁸⁹"):
        return text
    return _SUPERSCRIPT_POWER.sub(lambda m: "10^" + m.group(1).translate(SUPERSCRIPTS), text)


#: Words and signs of an upper bound before a figure ("up to 50%"), and of a lower one; "maximum" and "minimum" also as
#: an extractor prints them broken at a line's end ("a maxi- mum of 9 days", "a min- imum of 3 minutes").
BOUND_UPPER = (r"up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|less\s+than|fewer\s+than|under|below"
               r"|as\s+(?:much|many|high|large)\s+as|(?:a\s+)?max(?:-\s+)?i(?:-\s+)?mum\s+of|<=|≤|⩽|<")
BOUND_LOWER = (r"at\s+least|no\s+less\s+than|not\s+less\s+than|no\s+fewer\s+than|more\s+than|greater\s+than"
               r"|over|above|in\s+excess\s+of|exceeding|as\s+(?:little|few|low)\s+as|(?:a\s+)?min(?:-\s+)?i(?:-\s+)?mum\s+of"
               r"|>=|≥|⩾|>")
#: A bound written before a figure: "up to 50%", "at least 3 kWh", "≤ 5 %", "> 100x", hedged or not ("up to about 25%").
_BOUND_RE = lazy(rf"(?i)\s*(?:(?P<upper>{BOUND_UPPER})|(?P<lower>{BOUND_LOWER}))"
                 r"(?:\s+|(?<=[<>=≤≥⩽⩾])\s*)(?:(?:about|around|approximately|approx\.|roughly|circa|some)\s+|~\s*)?"
                 r"(?=[-−+]?[$€£]?\.?\d)")


#: An approximation written before a figure: "about 50%", "roughly 3 kWh" (as "~50%").
_ABOUT_RE = lazy(r"^(?i:about|around|approximately|approx\.|roughly|nearly|almost|circa|ca\.)\s*"
                 r"(?=[-−+]?[$€£]?\.?\d)")


def bound_of(text: str) -> tuple[str | None, int]:
    """("upper" or "lower", where the figure starts) of a figure written as a bound ("up to 50%",
    "≥ 3 kWh"); (None, 0) for one that is no bound."""
    m = _BOUND_RE.match(text)
    if m is None:
        return None, 0
    return ("upper" if m.group("upper") else "lower"), m.end()


#: A number an extractor broke after a thousands comma at a line's end, as it prints "1,287" at a column's
#: edge: "1,\n287".
_BROKEN_GROUP = lazy(r"(?<![\w.,])(?P<a>\d{1,3}),[ \t]*\n\s*(?P<b>\d{3}(?:,\d{3})*(?:\.\d+)?)(?![\w,]|\.\d)")
#: A list's item before a number ("128, " of "64, 128, 256,") or after it (", 1024", " and 1024").
_ITEM_BEFORE = lazy(r"(?<![\d.,])\d{1,3}(?:\.\d+)?[ ]*,[ ]*$")
_ITEM_AFTER = lazy(r"[ ]*(?:,|;|and\b|or\b|&)[ ]*[$€£]?\d")


def broken_groups(text: str) -> list[re.Match[str]]:
    """The numbers of `text` an extractor broke after a thousands comma at a line's end ("1,\n287 MWh"
    is 1,287 MWh): groups `a` and `b`. Not a list broken there after one of its items, a list's item
    before or after it ("64, 128, 256,\n512 and 1024": 256 and 512)."""
    if "\n" not in text:
        return []
    return [m for m in _BROKEN_GROUP.finditer(text)
            if not _ITEM_BEFORE.search(text, max(0, m.start() - 16), m.start()) and not _ITEM_AFTER.match(text, m.end())]


def joined_groups(text: str) -> str:
    """`text` with each number an extractor broke after a thousands comma at a line's end
    (`broken_groups`) written whole, the line break after it: "1,\n287 MWh" as "1,287\n MWh". Of the
    same length: every other character stays where it was."""
    groups = broken_groups(text)
    if not groups:
        return text
    out, last = [], 0
    for m in groups:
        gap = text[m.end("a") + 1:m.start("b")]
        out.append(text[last:m.end("a") + 1] + m.group("b") + gap)
        last = m.end("b")
    return "".join(out) + text[last:]


def read_number(m: re.Match[str]) -> WrittenNumber:
    """Value and precision of a written number, matched by a pattern built from
    `MANTISSA` and `EXPONENT` with groups sign, cur, mant, exp and scale."""
    mant = m.group("mant").replace(" ", "")
    if "," in mant:
        head, *groups = mant.split(".")[0].split(",")
        if not all(len(g) == 3 for g in groups):
            raise UsageError(f"cannot read number {m.group(0)!r}: thousands groups must "
                             "have three digits")
        mant = mant.replace(",", "")
    try:
        value = Decimal(mant)
    except InvalidOperation as exc:  # pragma: no cover - regex guarantees digits
        raise UsageError(f"cannot read number {m.group(0)!r}") from exc
    if "." in mant:
        decimals = len(mant.split(".")[1])
        half = Decimal(5) * Decimal(10) ** -(decimals + 1)
    else:
        digits = mant.lstrip("0") or "0"
        zeros = len(digits) - len(digits.rstrip("0")) if digits != "0" else 0
        half = Decimal(5) * Decimal(10) ** (zeros - 1)
    exp_text = m.group("exp")
    if exp_text:
        e = exp_text.replace("−", "-").replace(" ", "")
        if e.startswith("^"):
            if mant != "10":
                raise UsageError(f"cannot read number {m.group(0)!r}: '^' only after 10")
            # "10^3": one significant digit (the implied 1), like "1E+3".
            power = _power(e[1:], m)
            value = Decimal(10) ** power
            half = Decimal(5) * Decimal(10) ** (power - 1)
        elif e[0] in "eE":
            power = _power(e[1:], m)
            value = value.scaleb(power)
            half = half.scaleb(power)
        else:
            power = _power(re.sub(r"^[×x]10(?:\^|\*\*)?", "", e), m)
            value = value.scaleb(power)
            half = half.scaleb(power)
    scale = (m.group("scale") or "").strip()
    if scale:
        value = value.scaleb(SCALE_WORDS[scale])
        half = half.scaleb(SCALE_WORDS[scale])
    if value and not MIN_MAGNITUDE <= value.copy_abs() <= MAX_MAGNITUDE:
        raise UsageError(f"cannot read number {m.group(0).strip()!r}: out of range "
                         "(kb reads figures from 1E-300 to 1E+300)")
    if m.group("sign") in ("-", "−"):
        value = -value
    cur = m.group("cur")
    return WrittenNumber(m.group(0), value, half, _CURRENCY[cur.strip()] if cur else None)



@dataclass(frozen=True)
class WrittenParts:
    """A figure's text read as `Interval.from_written` reads it, before its unit is: its numbers, a
    ± after them, and the unit's text. One reading for every reader of a claim's value (the index's
    columns, `split_figure`; kb check, kb claim add, `from_written`), so no command reads a number
    another refuses."""

    exact: bool
    first: WrittenNumber
    second: WrittenNumber | None
    delta: tuple[Decimal, bool] | None
    pct_first: bool
    unit_text: str
    tail_delta: str | None
    #: an interval written after the figure: "3.6 (3.1–4.2) kWh", its bounds
    bounds: tuple[WrittenNumber, WrittenNumber] | None = None

    @property
    def nominal(self) -> Decimal:
        """The figure's value as written: its number, a range's midpoint."""
        return self.first.value if self.second is None else (self.first.value + self.second.value) / 2


#: A fraction typed as a figure: "1/4", "-2/3" ("a quarter", "fell by two thirds"): exact, as a share in
#: words is; never a rate's amount over its denominator, whose unit stands between ("5 L/100 km").
_FRACTION_RE = lazy(r"(?P<sign>[-−+])?[ ]?(?P<a>\d{1,6})/(?P<b>\d{1,6})(?![\d.,/])")
#: What no unit starts with, right after a figure's number: the number goes on in a way kb reads
#: no number ("1.2.3 kWh", "1,2,3", "3:1", "1 2 kWh"), or a programmer's literal glued to it ("0x10 kWh",
#: "0b101"). Read as a unit, "0x10 kWh" was 0 of the unit "x10 kWh".
_NUMBER_GOES_ON = lazy(r"(?:[.,:;]+|[ ]?)\d|[xX×]\d|(?<=(?<![\d.,])0)[bBoO]\d")
_TOKEN_ON = lazy(r"[ ]?\S*")
#: A model's number after a figure, a name's word after it: " 1080 Ti" of "8 1080 Ti GPUs" (`model_count` decides).
_MODEL_NUMBER_ON = lazy(r"[ ]\d{3,5}[ ][A-Za-z]")
_BOUND = r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
#: An interval after a figure: "3.6 (3.1–4.2) kWh", "3.6 (3.1, 4.2) kWh", "3.6 [3.1, 4.2] kWh".
_INTERVAL_RE = lazy(rf"[ ]?[(\[][ ]?(?P<lo>{_BOUND})[ ]?(?:[-–—,;]|to)[ ]?"
                    rf"(?P<hi>{_BOUND})[ ]?[)\]]")


def written_parts(text: str) -> WrittenParts:
    """`WrittenParts` of a figure's text; `UsageError` where it writes no number kb reads."""
    original = text
    t = decimal_commas(" ".join(text.split()))     # "0,5 kWh" is 0.5 kWh; "1,000 kWh" a thousand
    t = superscript_powers(t)                       # "1.2 × 10⁵ kWh" is "1.2 × 10^5 kWh"
    t = _word_fraction(t)                           # "two-thirds", "nearly a third", "half": "2/3", "nearly 1/3", "1/2"
    exact = False
    low = t.lower()
    if low.startswith("exactly "):
        exact = True
        t = t[len("exactly "):]
    t = t.lstrip("~≈ ").strip()
    t = t[bound_of(t)[1]:]      # "up to 50%": a bound's figure is its number (kb.quantities.quoted)
    t = _ABOUT_RE.sub("", t, count=1)   # "about 50%", "roughly 3 kWh": the figure as written
    if _PM_ALONE_RE.match(t):     # "±0.5", "± 5%": a spread about nothing, read about 0 ("0 ± 0.5"), no figure of 0.5
        t = "0 " + t
    factor = _FACTOR_OF_RE.match(t)
    if factor is not None:  # "a factor of 28", "a factor of over 1450": the factor "28x", "over 1450x"
        parts = _inner_parts(original, t[factor.end():])
        if parts.unit_text or parts.pct_first:
            raise UsageError(f"cannot read figure {original!r}: a factor is a plain number, "
                             f"not {t[factor.end():].strip()!r}", hint="write the factor alone, e.g. \"a factor of 28\" or \"28x\"")
        return replace(parts, exact=exact or parts.exact, unit_text="x")
    span = _SPAN_WORD_RE.match(t)
    if span is not None:    # "between 20 and 25 minutes", "from 11 to 147 gCO2eq/kWh": the range its words write
        parts = _inner_parts(original, t[span.end():])
        if parts.second is None:
            raise UsageError(f"cannot read figure {original!r}: {span.group(1).lower()!r} writes a range, "
                             f"and {t[span.end():].strip()!r} is one figure",
                             hint="write the range's two ends, e.g. \"20-25 minutes\", or the figure alone")
        return replace(parts, exact=exact or parts.exact)
    # "1 287 MWh", "626 155 lbs": thousands groups separated by spaces, as SI style writes them
    t = _SPACED_GROUPS_RE.sub(lambda g: g.group(0).replace(" ", ""), t, count=1)
    second: WrittenNumber | None = None
    pct_first = False
    frac = _FRACTION_RE.match(t)
    if frac is not None:
        if not int(frac.group("b")):
            raise UsageError(f"cannot read figure {original!r}: a fraction over 0")
        share = Decimal(frac.group("a")) / Decimal(frac.group("b"))
        first = WrittenNumber(frac.group(0), -share if frac.group("sign") in ("-", "−") else share, Decimal(0))
        return _unit_part(original, t, frac.end(), exact, first, None, None, False)
    m = _NUMBER_RE.match(t)
    if m is None:
        raise UsageError(f"cannot read figure {original!r}: expected a number first")
    first = read_number(m)
    pos = m.end()
    # "80%-90%": a percent sign on the first figure of a range.
    rest_after = t[pos:]
    if rest_after.startswith("%") or rest_after.startswith(" %"):
        sep_pos = pos + (2 if rest_after.startswith(" %") else 1)
        rm = _RANGE_SEP_RE.match(t, sep_pos)
        if rm and _NUMBER_RE.match(t, rm.end()) and (not t[rm.end():].startswith(("-", "−")) or _worded(rm)):
            pct_first = True
            pos = sep_pos
    rm = _RANGE_SEP_RE.match(t, pos)
    if (rm is None or rm.end() == pos) and not pct_first and t[pos:pos + 2] in ("% ", " %"):
        # "-4% to -10%", "+4 % to +10 %": a signed range of percentages whose second end is signed too
        after = pos + (1 if t[pos] == "%" else 2)
        rm_pct = _RANGE_SEP_RE.match(t, after)
        if rm_pct is not None and _worded(rm_pct) and _NUMBER_RE.match(t, rm_pct.end()):
            pct_first, pos, rm = True, after, rm_pct
    if (rm is None or rm.end() == pos) and not pct_first:
        # "10 kWh–14 kWh", "10 kWh to 14 kWh": a range whose unit is written at both ends, read as
        # "10–14 kWh" (the same unit only: "10 kWh–14 MWh" is left to be refused)
        both = _SAME_UNIT_BOTH_ENDS_RE.match(t, pos) or _UNIT_BOTH_ENDS_RE.match(t, pos)
        if both is not None and both.group("unit") == both.group("again"):
            t = t[:pos] + t[both.end("unit"):]
            rm = _RANGE_SEP_RE.match(t, pos)
        elif both is not None and " " not in both.group("unit") + both.group("again"):
            raise UsageError(f"cannot read figure {original!r}: a range whose two ends are in two units, "
                             f"{both.group('unit')!r} and {both.group('again')!r}",
                             hint="write it in one unit, e.g. \"10-14 kWh\"")
    if rm and rm.end() > pos:
        m2 = _NUMBER_RE.match(t, rm.end())
        if m2 and (m2.group("sign") is None or _worded(rm)):
            # "-0.5 to +0.5", "+4% to +10%", "0 to +0.5": a range written in words keeps each end's sign ("5 to -3"
            # runs backwards); after a dash a sign is no range kb reads ("5-+3")
            second = read_number(m2)
            pos = m2.end()
            scale = (m2.group("scale") or "").strip()
            if scale and not m.group("scale") and not m.group("exp"):
                # "5-6 million USD", "$5-6M", "700-800k lbs": the scale after the second figure is the first's too,
                # where "5-6 million" was 5 … 6.5 million and passed every figure between
                first = WrittenNumber(first.text, first.value.scaleb(SCALE_WORDS[scale]),
                                      first.half_unit.scaleb(SCALE_WORDS[scale]), first.currency)
        elif pct_first:
            raise UsageError(f"cannot read figure {original!r}")
    delta: tuple[Decimal, bool] | None = None
    inside = _INTERVAL_RE.match(t, pos) if second is None else None
    if inside is not None:      # "3.6 (3.1–4.2) kWh": a figure and its interval, as papers print a mean and its CI
        lo, hi = (read_number(_NUMBER_RE.fullmatch(t, inside.start(g), inside.end(g))) for g in ("lo", "hi"))
        if not lo.value <= first.value <= hi.value or lo.value == hi.value:
            raise UsageError(f"cannot read figure {original!r}: {first.text.strip()} is not inside its interval")
        return _unit_part(original, t, inside.end(), exact, first, None, None, False, (lo, hi))
    pm = _PM_RE.match(t, pos)
    if pm:
        m3 = _NUMBER_RE.match(t, pm.end())
        if m3 is None:
            raise UsageError(f"cannot read figure {original!r}: expected a number after ±")
        d = read_number(m3)
        pos = m3.end()
        is_rel = False
        rest = t[pos:].lstrip()
        if rest.startswith("%"):
            pos = t.index("%", pos) + 1
            if t[pos:].strip() or second is not None:
                is_rel = True       # "100 ± 5% kWh": 5 % of the figure
            else:
                # "72 ± 1 %", "81.2 ± 0.4%": a percentage and its spread in points, as papers print them,
                # where it was 72 ± 0.72, a plain number
                pct_first = True
        delta = (abs(d.value), is_rel)
    return _unit_part(original, t, pos, exact, first, second, delta, pct_first)


def _inner_parts(original: str, inner: str) -> WrittenParts:
    """`written_parts` of the figure `inner` a value writes after its words ("28" of "a factor of 28"), a refusal
    naming the value as typed."""
    try:
        return written_parts(inner)
    except UsageError as exc:
        raise UsageError(exc.message.replace(f"figure {inner!r}", f"figure {original!r}", 1), hint=exc.hint) from None


def _worded(rm: re.Match[str]) -> bool:
    """Whether a range's separator `rm` (of `_RANGE_SEP_RE`) is a word ("to", "and"), not a dash: only then may its
    second end be signed, as a dash before a sign ("5-+3", "-5--3") reads as no range a writer types."""
    return rm.group(0).strip() in ("to", "and")


def _unit_part(original: str, t: str, pos: int, exact: bool, first: WrittenNumber, second: WrittenNumber | None,
               delta: tuple[Decimal, bool] | None, pct_first: bool,
               bounds: tuple[WrittenNumber, WrittenNumber] | None = None) -> WrittenParts:
    """`written_parts` once its numbers are read, up to `pos` of its normalised text `t`."""
    if _NUMBER_GOES_ON.match(t, pos) and not (_MODEL_NUMBER_ON.match(t, pos) and model_count(t[pos:].strip())
                                               is not None):
        ratio = t[pos:pos + 1] == ":"
        said = t[:pos + len(_TOKEN_ON.match(t, pos).group(0))]
        raise UsageError(f"cannot read figure {original!r}: {said!r} is no number kb reads", hint="write a ratio as its factor, e.g. \"3x\"" if ratio else
                         "write one number, in decimals, e.g. \"11.49 kWh\"")
    unit_text = t[pos:].strip()
    tail_delta: str | None = None
    pm_tail = re.search(r"\s*(?:±|\+/-|\+-)\s*", unit_text)
    if pm_tail is not None and delta is None:
        # "100 kWh ± 5%", "0.012 kWh ± 0.0005 kWh": the precision after the unit
        tail_delta = unit_text[pm_tail.end():].strip()
        unit_text = unit_text[:pm_tail.start()].strip()
    return WrittenParts(exact, first, second, delta, pct_first, unit_text, tail_delta, bounds)


# A figure's leading number as a claims file writes it, its scale suffix kept with it:
# "30M" of "30M papers", "150 million" of "150 million kWh", "626 155" of "626 155 lbs".
_LEADING_NUMBER_RE = lazy(
    r"^\s*(?P<n>[-+−]?(?:\d{1,3}(?:,\d{3}(?!\d))+|\d{1,3}(?:\s\d{3}(?!\d))+|\d+)(?:\.\d+)?"
    r"(?:[eE][-+]?\d+)?)"
    r"(?P<scale>(?:k|K|M|B|bn)(?![A-Za-z0-9])|\s+(?:thousand|million|billion|trillion)\b)?\s*(?P<rest>.*)$",
    re.S)


def split_figure(value: str) -> tuple[str, float | None, str | None]:
    """(number as written, its value, the rest) of a figure: ("30M", 3e7, "papers") of
    "30M papers", ("11.49", 11.49, "kWh") of "11.49 kWh". A scale suffix is part of the
    number, as everywhere kb reads one; the value is None when kb cannot read the number
    or it is out of range ("1e99999999"). Written back as "number rest", the figure
    reads as it did."""
    about = _ABOUT_RE.match(value.lstrip())
    bound = bound_of(value)[1] or (about.end() + len(value) - len(value.lstrip()) if about else 0)
    if bound:                           # "up to 50%": ("up to 50", 50.0, "%"); "about 5 h" alike
        number, numeric, rest = split_figure(value[bound:])
        return value[:bound].lstrip() + number, numeric, rest
    read = decimal_commas(value)        # "0,5 kWh": 0.5, written back as "0,5"
    m = _LEADING_NUMBER_RE.match(read)
    if not m:
        return value, None, None
    try:
        parts = written_parts(value)
    except UsageError:                  # "0x10 kWh", "1.2.3 kWh": no number, as kb check and kb claim add say
        return value.strip(), None, None
    unit, whole = parts.unit_text or ("%" if parts.pct_first else ""), value.strip()
    if (parts.second or parts.delta or parts.bounds or parts.first.value != _leading_value(m)) \
            and whole.endswith(unit) and len(whole) > len(unit):
        # a range ("3–5 kWh": 4 kWh, as kb check reads it), an uncertainty ("3.2 ± 0.1 kWh"), a power of ten
        # ("1.2 × 10^3 kWh", "10³ kWh"), a fraction ("1/4"): the number is all that precedes the unit
        numeric = float(parts.nominal)
        return whole[:len(whole) - len(unit)].strip(), numeric, unit or None
    digits, scale = m.group("n").rstrip(), (m.group("scale") or "").strip()
    written = value[m.start("n"):m.start("n") + len(digits)]
    number = f"{written} {scale}" if scale in SCALE_WORDS and len(scale) > 2 else written + scale
    rest = value[m.start("rest"):].strip() or None
    try:
        numeric = Decimal(digits.replace(",", "").replace(" ", "").replace("−", "-")
                          .replace("\n", "").replace("\t", ""))
        numeric = numeric.scaleb(SCALE_WORDS[scale]) if scale else numeric
    except (InvalidOperation, ArithmeticError, ValueError):
        return number, None, rest
    if numeric and not MIN_MAGNITUDE <= numeric.copy_abs() <= MAX_MAGNITUDE:
        return number, None, rest
    return number, float(numeric), rest


def _leading_value(m: re.Match[str]) -> Decimal | None:
    """The value of `_LEADING_NUMBER_RE`'s number without its scale ("30" of "30M")."""
    try:
        return Decimal(m.group("n").replace(",", "").replace(" ", "").replace("−", "-").replace("+", ""))
    except (InvalidOperation, ArithmeticError):
        return None


def unreadable_figure(value: str) -> str | None:
    """Why a claim's value writes no number kb reads ("0x10 kWh", "1.2.3 kWh", "SD 0.4"), as
    `Interval.from_written` refuses it, without reading its unit; None when its number reads. Every command says so alike: kb
    claims lists such a value with no number, kb check and kb claim add refuse it."""
    if not any(c.isdigit() for c in value):
        return None         # "abc": a value with no number, said so by kb.quantities.quoted
    try:
        written_parts(value)
    except UsageError as exc:
        return exc.message
    return None


#: The most significant digits a figure is printed with (a float holds 15 or more).
_MOST_DIGITS = 12


def exact_digits(x: float) -> int:
    """How many significant digits `x` is written with (its shortest form, at most 12): 5 for
    1234.5, 3 for 0.0125; what an exact figure is printed with, so none is hidden."""
    if x == 0 or not math.isfinite(x):
        return 1
    digits = Decimal(f"{x:.{_MOST_DIGITS}g}").normalize().as_tuple().digits
    return max(1, len(digits))


def format_number(x: float, sig: int = 4, decimals: int | None = None) -> str:
    """A figure for people: `sig` significant digits (or exactly `decimals` decimals), rounded
    half up as a person rounds (1234.5 to 4 digits is "1,235", never "1,234"), thousands
    separated, trailing zeros dropped; scientific notation below 1E-5 and from 1E+9
    ("1,234.5", "0.0125", "3.140E+23")."""
    if x == 0 or not math.isfinite(x):
        return "0" if x == 0 else str(x)
    mag = math.floor(math.log10(abs(x)))
    if -5 <= mag < 9:
        d = max(0, sig - 1 - mag) if decimals is None else decimals
        rounded = Decimal(repr(x)).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
        text = f"{rounded:,.{d}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    rounded = Decimal(repr(x)).quantize(Decimal(1).scaleb(mag - sig + 1), rounding=ROUND_HALF_UP)
    return f"{rounded:.{sig - 1}e}".replace("e+", "E+").replace("e-", "E-")


def format_bounds(lo: float, nominal: float, hi: float) -> tuple[str, str, str]:
    """lo, nominal, hi with one number of decimals: enough for 4 significant digits of
    the nominal value and for the half-width to show (11.49 → 11.485 … 11.495)."""
    ref = max(abs(nominal), abs(lo), abs(hi))
    if ref == 0:
        return "0", "0", "0"
    mag = math.floor(math.log10(ref))
    if not -5 <= mag < 9:
        half = (hi - lo) / 2
        sig = 4 if half > 0 else max(4, exact_digits(nominal))
        if half > 0:
            sig = max(4, min(15, mag - math.floor(math.log10(half)) + 1))
        return tuple(format_number(v, sig) for v in (lo, nominal, hi))  # type: ignore[return-value]
    decimals = max(0, 3 - math.floor(math.log10(abs(nominal)))) if nominal else 0
    half = (hi - lo) / 2
    if half > 0:
        decimals = max(decimals, -math.floor(math.log10(half)))
    else:                   # exact: every digit it has ("1,234.5", never "1,234")
        decimals = max(decimals, exact_digits(nominal) - 1 - math.floor(math.log10(abs(nominal))))
    decimals = min(decimals, 12)
    return (format_number(lo, decimals=decimals), format_number(nominal, decimals=decimals),
            format_number(hi, decimals=decimals))


# ---------------------------------------------------------------- Interval

def _user_names(units: UnitExpander | None) -> frozenset[str]:
    return units.names if units is not None else frozenset()


def _as_unit(unit: Any, units: UnitExpander | None = None) -> "pint.Unit":
    """A pint unit from None (a plain number), unit text, or a pint unit."""
    if unit is None:
        return registry().dimensionless
    if isinstance(unit, str):
        return parse_unit(unit, _user_names(units))
    return unit


def _expand(unit: "pint.Unit", units: UnitExpander | None) -> tuple["Interval", "pint.Unit"]:
    """`unit` as (dimensionless factor, unit without user units)."""
    if not has_user_units(unit):
        return Interval.exact(1.0), unit
    if units is None:
        name = next(n for n in unit_powers(unit) if is_user_unit(n))
        raise UsageError(f"unit {name!r} is not defined",
                         hint="a user unit converts only with the user units that define it")
    return units.expand(unit)


@dataclass(frozen=True)
class Interval:
    """lo ≤ nominal ≤ hi, all in one pint unit; `written` keeps how the figure was written."""

    lo: float
    nominal: float
    hi: float
    unit: Any = field(default=None)
    written: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.unit is None or isinstance(self.unit, str):
            object.__setattr__(self, "unit", _as_unit(self.unit))
        for name in ("lo", "nominal", "hi"):
            v = float(getattr(self, name))
            if not math.isfinite(v):
                # said as what it is, where 'figure out of range: lo = inf' named a field of kb's own
                end = {"lo": "its lower end", "nominal": "its value", "hi": "its upper end"}[name]
                raise UsageError(f"figure out of range: {end} overflows past ±{sys.float_info.max:.1e}, the "
                                 "largest number kb computes with" if not math.isnan(v) else
                                 f"figure out of range: {end} is no number (infinity less infinity, or the like)")
            object.__setattr__(self, name, v)
        if not (self.lo <= self.nominal <= self.hi):
            raise UsageError(f"bad interval: {self.lo} ≤ {self.nominal} ≤ {self.hi} is false")

    # ---- construction

    @classmethod
    def exact(cls, value: float, unit: Any = None, *,
              units: UnitExpander | None = None) -> "Interval":
        """An exact figure; a `unit` written as text may name one of `units`."""
        v = float(value)
        return cls(v, v, v, _as_unit(unit, units))

    @classmethod
    def from_written(cls, text: str, unit: Any = None, *,
                     units: UnitExpander | None = None) -> "Interval":
        """Read a figure as written: "950", "11.49 kWh", "16 %", "1,287 MWh",
        "3.14E+23 FLOPs", "2.5×10^4", "0 .954", "$3,201,722", "0.06-2.9 kWh",
        "0.012 ± 0.0005 kWh", "100 kWh ± 5%", "exactly 24 hour". `unit`, if given,
        is used when the text has none (and must agree with it otherwise). Its unit
        may name one of the user units `units` ("950 smartphone_charge").
        """
        if not isinstance(text, str):
            raise UsageError(f"a figure must be text, not {type(text).__name__}")
        original = text
        if len(text) > 500:
            raise UsageError(f"figure too long ({len(text)} characters): {text[:40]!r}…")
        parts = written_parts(text)
        exact, first, second, delta, pct_first = parts.exact, parts.first, parts.second, parts.delta, parts.pct_first
        unit_text, tail_delta = parts.unit_text, parts.tail_delta
        currency = first.currency or (second.currency if second else None)
        if pct_first and not unit_text.startswith("%"):
            unit_text = "% " + unit_text if unit_text else "%"
        per_many = per_figure(unit_text, units)
        if per_many is not None:        # "L/100 km": the amount's unit over the denominator's
            unit_text, many = per_many
            u = _unit_for(unit_text, currency, original, _user_names(units)) / many.unit
        else:
            compared = _FACTOR_COMPARED_RE.fullmatch(unit_text)
            if compared is not None:    # "10x more", "5 times less": the factor, its comparison left as written
                unit_text = compared.group("factor")    # ("3 times faster" was 3 of a thing named "faster")
            try:
                u = _unit_for(unit_text, currency, original, _user_names(units))
            except UsageError:
                of = _of_what(unit_text, original, _user_names(units))
                if of is None:
                    raise
                unit_text, u = of
        if unit is not None:
            given = _as_unit(unit, units)
            if unit_text or currency:
                if given != u:
                    raise UsageError(f"figure {original!r} is in {u} but {given} was expected")
            else:
                u = given
        if second is None:
            nominal, lo, hi = first.value, first.lo, first.hi
        else:
            if second.value < first.value:
                raise UsageError(f"cannot read range {original!r}: it runs backwards")
            nominal = (first.value + second.value) / 2
            # each end rounded at most to its last printed digit, as kb check reads a stated range
            lo, hi = first.value - printed_half(first), second.value + printed_half(second)
        if tail_delta is not None:
            if not tail_delta:
                raise UsageError(f"cannot read figure {original!r}: expected a number after ±")
            d_iv = Interval.from_written(tail_delta, units=units)
            if d_iv.unit == registry().Unit("percent"):
                delta = (Decimal(str(abs(d_iv.nominal))), True)
            elif not unit_powers(d_iv.unit):
                delta = (Decimal(str(abs(d_iv.nominal))), False)
            else:
                delta = (Decimal(str(abs(d_iv.to(u, units).nominal))), False)
        if delta is not None:
            amount = abs(nominal) * delta[0] / 100 if delta[1] else delta[0]
            lo, hi = nominal - amount, nominal + amount
            if second is not None:
                raise UsageError(f"cannot read figure {original!r}: a range with ±")
        if parts.bounds is not None:        # "3.6 (3.1–4.2) kWh": the interval the figure is printed with
            lo, hi = parts.bounds[0].value, parts.bounds[1].value
        if exact:
            if second is not None:
                raise UsageError(f"cannot read figure {original!r}: an exact range")
            lo = hi = nominal
        if per_many is not None:        # 5 L per 100 km is 0.05 L/km, the hundred exact
            den = Decimal(repr(per_many[1].nominal))
            nominal, lo, hi = nominal / den, lo / den, hi / den
        return cls(float(lo), float(nominal), float(hi), u, written=original.strip())

    # ---- units

    def to(self, unit: Any, units: UnitExpander | None = None) -> "Interval":
        """The same quantity in `unit`; `UnitMismatch` if it measures something else.

        A conversion across user units needs them (`units`): each is replaced by
        its stated interval, so its precision widens the result.
        """
        dst = _as_unit(unit, units)
        if dst == self.unit:
            return self
        if has_user_units(self.unit) or has_user_units(dst):
            src_factor, src_plain = _expand(self.unit, units)
            dst_factor, dst_plain = _expand(dst, units)
            k = _factor(src_plain, dst_plain, self.unit, dst)
            scaled = self._with_unit(registry().dimensionless) * src_factor / dst_factor
            return Interval(scaled.lo * k, scaled.nominal * k, scaled.hi * k, dst)
        if _is_offset(self.unit) or _is_offset(dst):
            # °C, °F: a scale and an offset. Each bound converts as a temperature of its own
            # (0 °C is 273.15 K; 25 ± 0.5 °C is 76.1 … 77.9 °F).
            lo, nominal, hi = (_convert(x, self.unit, dst) for x in (self.lo, self.nominal, self.hi))
            lo, hi = sorted((lo, hi))
            return Interval(lo, nominal, hi, dst)
        k = _factor(self.unit, dst, self.unit, dst)
        lo, hi = sorted((self.lo * k, self.hi * k))
        return Interval(lo, self.nominal * k, hi, dst)

    def _with_unit(self, unit: Any) -> "Interval":
        return Interval(self.lo, self.nominal, self.hi, unit, self.written)

    def simplified(self) -> "Interval":
        """A ratio of like units ("kWh/J", "query/item") becomes a plain number; one of two counted things
        ("tokens/query") stays a figure per the one."""
        if (unit_powers(self.unit) and self.unit.dimensionless
                and not has_user_units(self.unit) and not counted_things(self.unit)):
            # "tokens/query" stays a figure per query: kb never takes one counted thing for another
            return self.to(registry().dimensionless)
        return self

    # ---- arithmetic

    def _other(self, other: Any) -> "Interval":
        if isinstance(other, Interval):
            return other
        if isinstance(other, (int, float)) and not isinstance(other, bool):
            return Interval.exact(other)
        return NotImplemented  # type: ignore[return-value]

    def __neg__(self) -> "Interval":
        return Interval(-self.hi, -self.nominal, -self.lo, self.unit)

    def __add__(self, other: Any) -> "Interval":
        """The sum, in self's unit; across user units, convert first with `to(unit, units)`."""
        o = self._other(other)
        if o is NotImplemented:
            return NotImplemented
        _no_offset("add or subtract", self, o)
        o = o.to(self.unit)
        return Interval(self.lo + o.lo, self.nominal + o.nominal, self.hi + o.hi, self.unit)

    __radd__ = __add__

    def __sub__(self, other: Any) -> "Interval":
        o = self._other(other)
        if o is NotImplemented:
            return NotImplemented
        return self + (-o)

    def __rsub__(self, other: Any) -> "Interval":
        o = self._other(other)
        if o is NotImplemented:
            return NotImplemented
        return o - self

    def __mul__(self, other: Any) -> "Interval":
        o = self._other(other)
        if o is NotImplemented:
            return NotImplemented
        _no_offset("multiply", self, o)
        products = (self.lo * o.lo, self.lo * o.hi, self.hi * o.lo, self.hi * o.hi)
        return Interval(min(products), self.nominal * o.nominal, max(products),
                        self.unit * o.unit).simplified()

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> "Interval":
        o = self._other(other)
        if o is NotImplemented:
            return NotImplemented
        return self.divide(o)

    def __rtruediv__(self, other: Any) -> "Interval":
        o = self._other(other)
        if o is NotImplemented:
            return NotImplemented
        return o.divide(self)

    def divide(self, o: "Interval", where: str = "") -> "Interval":
        """self / o; division by an interval that contains zero is an error, not infinity."""
        _no_offset("divide", self, o)
        if o.lo <= 0.0 <= o.hi:
            what = f" in {where}" if where else ""
            raise UsageError(f"division by zero{what}: the divisor {o.describe()} "
                             "is or may be zero")
        # each end divided as the nominal is, never times a reciprocal: 100 / (100 / 45) is 45 at both ends
        # and the nominal, where 100 * (1 / 2.222…) put the ends an ulp under it (a bad interval)
        nominal = self.nominal / o.nominal
        quotients = (self.lo / o.hi, self.lo / o.lo, self.hi / o.hi, self.hi / o.lo, nominal)
        return Interval(min(quotients), nominal, max(quotients), self.unit / o.unit).simplified()

    def __pow__(self, n: Any) -> "Interval":
        if isinstance(n, bool) or not isinstance(n, int):
            raise UsageError(f"only integer powers are allowed, not {n!r}")
        if abs(n) > 64:
            raise UsageError(f"power {n} is too large (at most 64)")
        if n != 1:
            _no_offset("raise to a power", self)
        if n == 0:
            return Interval.exact(1.0)
        if n < 0:
            return Interval.exact(1.0).divide(self ** (-n), where="a negative power")
        try:
            a, b = self.lo ** n, self.hi ** n
            nom = self.nominal ** n
        except OverflowError as exc:
            raise UsageError(f"figure too large: ({self.describe()})^{n}") from exc
        if n % 2 == 0 and self.lo < 0 < self.hi:
            lo, hi = 0.0, max(a, b)
        else:
            lo, hi = min(a, b), max(a, b)
        return Interval(lo, nom, hi, self.unit ** n).simplified()

    # ---- comparison

    def overlaps(self, other: "Interval", units: UnitExpander | None = None) -> bool:
        o = other.to(self.unit, units)
        return self.lo <= o.hi and o.lo <= self.hi

    def contains(self, other: "Interval | float", units: UnitExpander | None = None) -> bool:
        if isinstance(other, Interval):
            o = other.to(self.unit, units)
            return self.lo <= o.lo and o.hi <= self.hi
        return self.lo <= float(other) <= self.hi

    def rel_diff(self, reference: "Interval", units: UnitExpander | None = None) -> float | None:
        """(self − reference) / |reference|, nominal values, in reference's unit."""
        r = reference
        s = self.to(r.unit, units)
        if r.nominal == 0:
            return None
        return (s.nominal - r.nominal) / abs(r.nominal)

    @property
    def is_exact(self) -> bool:
        return self.lo == self.nominal == self.hi

    @property
    def unit_text(self) -> str:
        return format_unit(self.unit)

    def describe(self) -> str:
        """'957.5 (918.8 … 999.6)' with the unit; exact figures say so."""
        u = self.unit_text
        us = f" {u}" if u else ""
        if self.is_exact:
            return f"{format_number(self.nominal, sig=max(6, exact_digits(self.nominal)))}{us} (exact)"
        lo, nom, hi = format_bounds(self.lo, self.nominal, self.hi)
        return f"{nom}{us} ({lo} … {hi}{us})"

    def __str__(self) -> str:
        return self.describe()


@functools.lru_cache(maxsize=256)
def _is_offset(unit: Any) -> bool:
    """Whether `unit` is a temperature with an offset (°C, °F): not a multiple of kelvin."""
    if not unit_powers(unit):
        return False
    return not registry().Quantity(1.0, unit)._is_multiplicative


def _no_offset(what: str, *operands: "Interval") -> None:
    """`UsageError` when a temperature in °C or °F would take part in arithmetic: 25 °C
    is 298.15 K, so doubling it or adding 5 °C to it has no one meaning."""
    for o in operands:
        if _is_offset(o.unit):
            raise UsageError(f"cannot {what} a temperature in {format_unit(o.unit)} ({o.describe()}): "
                             "it counts from an offset zero", hint="convert it to K first")


def _convert(x: float, src: Any, dst: Any) -> float:
    """`x` in `src` expressed in `dst` by pint itself (offset units included)."""
    import pint

    try:
        return float(registry().Quantity(x, src).to(dst).magnitude)
    except pint.DimensionalityError:
        return x * _factor(src, dst, src, dst)    # raises UnitMismatch naming both units
    except pint.errors.OffsetUnitCalculusError as exc:
        raise UsageError(f"cannot convert {format_unit(src) or 'a plain number'} to "
                         f"{format_unit(dst) or 'a plain number'}: {exc}") from exc


def _factor(src: Any, dst: Any, show_src: Any, show_dst: Any) -> float:
    """How many `dst` make one `src` (units without user units); `UnitMismatch` naming
    what each measures and the units as written (`show_src`, `show_dst`) otherwise."""
    if src == dst:
        return 1.0
    found = _conversion(src, dst, show_src, show_dst)
    if isinstance(found, float):
        return found
    a, b, da, db = found
    raise UnitMismatch(f"unit mismatch: {a} ({da}) is not comparable with {b} ({db})",
                       src=a, dst=b, src_dim=da, dst_dim=db)


@functools.lru_cache(maxsize=4096)
def _conversion(src: Any, dst: Any, show_src: Any, show_dst: Any) -> float | tuple[str, str, str, str]:
    """`_factor`'s answer, kept: the factor, or what its mismatch names. A quote holds the same few
    units many times over, and pint takes a millisecond to convert or to name a mismatch."""
    import pint

    try:
        return float(registry().Quantity(1.0, src).to(dst).magnitude)
    except pint.DimensionalityError:
        return (format_unit(show_src) or "a plain number", format_unit(show_dst) or "a plain number",
                dimension_name(src), dimension_name(dst))


#: A unit whose denominator holds a number: "L/100 km", "Wh per 1,000 queries", "/1M tokens" (of "$0.50/1M
#: tokens"), "g per 1 kWh", "per million tokens".
_PER_MANY_RE = lazy(r"(?i)^(?P<amount>[^/]*?)\s*(?:/|\bper\b)\s*(?:(?:a|one)\s+)?"
                    r"(?P<den>(?:\d|\.\d|(?P<scale>thousand|million|billion|trillion)\s)[^/]*)$")


_NOT_ONE_RE = lazy(r"(?i)[-–—±]|\bto\b|\band\b")


def per_figure(unit_text: str, units: UnitExpander | None = None) -> "tuple[str, Interval] | None":
    """(the amount's unit, the denominator as a figure) of a unit written as a rate per so many
    things or so much of a quantity ("L/100 km": ("L", 100 km); "Wh per 1,000 queries"), which
    reads as the rate it means (0.05 L/km, 2.9 mWh/query); None for any other unit, or one whose
    denominator is no positive figure."""
    m = _PER_MANY_RE.match(unit_text)
    if m is None:
        return None
    try:                        # "per million tokens": per 1 million tokens
        den = Interval.from_written(("1 " if m.group("scale") else "") + m.group("den"), units=units)
    except UsageError:
        return None
    if den.nominal <= 0 or den.unit == registry().dimensionless or _NOT_ONE_RE.search(m.group("den")):
        return None             # "per 10-20 km", "/1000": no one denominator of something
    return m.group("amount").strip(), den


#: A factor followed by the word comparing it: "x more" of "10x more", "times less" of "5 times less".
_FACTOR_COMPARED_RE = lazy(r"(?i)(?P<factor>x|×|times)[ ]+(?:more|less|fewer|larger|smaller|higher|lower|greater|bigger|faster|"
                          r"slower|cheaper|better|worse|longer|shorter)")
#: Words after a figure's unit naming what it is of: "kWh of electricity", "GB of disk", "% of GDP".
_OF_WHAT_RE = lazy(r"(?P<unit>\S(?:.*?\S)?)[ ]of[ ](?P<what>[^\W\d_](?:[^\W\d_]|['’ -])*)")


_FUNCTION_WORDS = frozenset("a an the of in on at for and or to by from with its their our this that all each every".split())


def _of_what(unit_text: str, original: str, user_names: frozenset[str]) -> "tuple[str, Any] | None":
    """(unit's text, unit) of a unit followed by words naming what it is of ("kWh" of "kWh of electricity"), the
    words left as the value's own; None where the text is no such unit ("orders of magnitude"); `UsageError` where
    the words name a unit the figure would lose ("hours of GPU time", "kWh of energy per day")."""
    m = _OF_WHAT_RE.fullmatch(unit_text)
    if m is None or any(c.isdigit() for c in m.group("unit")):
        return None
    try:
        u = parse_unit(m.group("unit"), user_names)
    except UsageError:
        return None
    words = m.group("what").replace("-", " ").split()
    for word in words:
        if word.lower() == "per":
            raise UsageError(f"cannot read figure {original!r}: {m.group('what')!r} after its unit "
                             f"{m.group('unit')!r} names a rate", hint="write a rate in its unit, e.g. \"5 kWh/day\"")
        if word.lower() in _FUNCTION_WORDS:
            continue        # "a", "in": no unit's name in words ("5 t of a mineral", "of cement in China")
        try:
            parse_unit(word, user_names)
        except UsageError:
            continue
        raise UsageError(f"cannot read figure {original!r}: {m.group('what')!r} after its unit {m.group('unit')!r} "
                         f"names the unit {word!r}",
                         hint=f"write the unit whole, e.g. \"{word} {m.group('unit')}\", or \"{m.group('unit')}\" alone")
    return m.group("unit"), u


def _unit_for(unit_text: str, currency: str | None, original: str,
              user_names: frozenset[str]) -> Any:
    """The unit after a number, with a leading currency sign folded in ("$0.12/kWh")."""
    ureg = registry()
    if not unit_text:
        return ureg.Unit(currency) if currency else ureg.dimensionless
    try:
        if currency:
            if unit_text.startswith("/") or unit_text.lower().startswith("per "):
                return parse_unit(currency + " " + unit_text, user_names, nouns=True)
            return ureg.Unit(currency) * parse_unit(unit_text, user_names, nouns=True)
        return parse_unit(unit_text, user_names, nouns=True)
    except UsageError as exc:
        named = None if currency else model_count(unit_text, user_names)
        if named is not None:
            return named        # "8 A100 GPUs", "3 BERT-Large models": a count its quote must name so (quoted)
        raise UsageError(f"cannot read figure {original!r}: {exc.message}",
                         hint=exc.hint) from exc
