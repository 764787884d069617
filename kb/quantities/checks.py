"""`kb check`: recompute a stated figure from the figures it rests on, and judge it.

A check passes when the recomputed interval (every input carried with its stated
precision, see kb.interval) overlaps the interval of the statement itself (more than
at the edge of both roundings: "1.3e6" restating "1.2 million" fails), or
when the two nominal values are within an explicit tolerance ("5%", "0.1 kWh",
"0.5 pp"). It fails otherwise, and is an error when it cannot be judged: a unit
mismatch, an undefined name, a division by zero, an unreadable figure.

A stated bound ("over 500 tCO2e", "< 2 %", "at least 3 kWh") passes when the recomputed
interval reaches its side of the bound. A stated power of ten written as a whole number
("1", "1,000", "about 1,000", "1 million") is a tenth as wide toward zero: "1,000" is
950 … 1,500, as a figure under it is written with a digit fewer ("950").

The recomputed value is expressed in the stated unit before comparing, so a
stated "16 %" compares with a recomputed ratio of 0.16, and a stated
"950 smartphone_charge" with a recomputed 11.49 kWh (converted through the user
unit, whose own precision then widens the interval). User units are those passed
to `run_check` (``units=``, a `kb.quantities.userunits.UserUnits`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Iterable, Mapping

from kb.errors import KBError, UsageError
from kb.quantities.expr import BinOp, Neg, evaluate, parse
from kb.quantities.expr import names as names_used
from kb.quantities.interval import (
    BOUND_LOWER,
    BOUND_UPPER,
    Interval,
    UnitMismatch,
    bound_of,
    exact_digits,
    format_bounds,
    format_number,
    round_power_of_ten,
    written_parts,
)
from kb.quantities.units import (
    counted_things,
    counted_word,
    format_unit,
    has_user_units,
    parse_unit,
    registry,
    unit_powers,
)
from kb.quantities.userunits import UserUnits
from kb.text.lazyre import lazy

PASS, FAIL, ERROR = "pass", "fail", "error"


@dataclass
class CheckResult:
    id: str
    stated: str
    expr: str
    verdict: str  # "pass" | "fail" | "error"
    stated_interval: Interval | None
    recomputed: Interval | None  # expressed in the stated unit
    rel_diff: float | None  # (recomputed − stated) / |stated|, nominal values
    message: str
    explanation: list[str] = field(default_factory=list)
    tolerance: str | None = None
    #: inputs (claims, or units defined by claims) stored unverified: the verdict
    #: stands, but rests on a figure kb could not trace to its quote
    unverified: list[str] = field(default_factory=list)
    #: inputs resting on a claim of a paper kb holds no text of: not re-checked ("no-text")
    no_text: list[str] = field(default_factory=list)
    #: how kb read a word of the check that reads two ways ("tons": US short tons, not tonnes), one line each
    readings: list[str] = field(default_factory=list)
    #: a pass only the rounding of some inputs gives: which, and what their printed values give (else None)
    carried: str | None = None
    #: the inputs named by `carried`, and whether the rounding of any one of them does it (else all together)
    carried_by: tuple[list[str], bool] | None = None

    @property
    def ok(self) -> bool:
        return self.verdict == PASS


def _pct(x: float | None) -> str:
    if x is None:
        return "n/a"
    return f"{x * 100:+.2f} %"


_PP_RE = lazy(r"^\s*(?P<num>[0-9.,]+)\s*(?:pp|percentage[ -]points?)\s*$", re.I)


def _read_tolerance(tol: str, units: UserUnits | None) -> tuple[Interval, bool]:
    """(the tolerance as written, whether it is in percentage points), read before the figures are
    compared: a tolerance kb cannot read ("abc", "five percent", "", a negative one) is an error whatever the
    figures, never left unread because they happen to agree."""
    if not tol.strip():
        raise UsageError(f"tolerance {tol!r} is empty: write one such as \"5%\" or \"0.1 kWh\", or leave it out")
    if tol.strip().startswith(("-", "−")):
        raise UsageError(f"tolerance {tol!r} is negative: a tolerance is how far apart the figures may be")
    m = _PP_RE.match(tol)
    if m:
        return Interval.from_written(m.group("num") + " %"), True
    return Interval.from_written(tol, units=units), False


def _tolerance(tol: str, read: tuple[Interval, bool], stated: Interval,
               units: UserUnits | None) -> tuple[float | None, float | None]:
    """(absolute amount in the stated unit, relative fraction) of a tolerance read by `_read_tolerance`;
    one of them is None.

    "5%" is relative to the stated figure, even when the figure is itself a
    percentage; absolute percentage points are written "0.5 pp". A bare number ("20",
    TOML's 0.05) is an amount only of a stated figure that is a bare number too: of a
    figure with a unit it could be a share or an amount in that unit, and is an error
    whatever the figures (it was one only when they did not overlap).
    """
    t, points = read
    dimensionless = registry().Unit("dimensionless")
    if not points and t.unit == dimensionless and stated.unit != dimensionless:
        raise UsageError(f"tolerance {tol!r} is a bare number but the stated figure {stated.describe()} has a "
                         f"unit: write a share (\"5%\") or an amount in a unit (\"0.1 kWh\")")
    if points:
        try:
            return abs(t.to(stated.unit, units).nominal), None
        except UnitMismatch as exc:
            raise UsageError(f"tolerance {tol!r} is in percentage points but the stated "
                             f"figure is not a percentage ({exc.message})") from exc
    if t.unit == registry().Unit("percent"):
        return None, abs(t.nominal) / 100
    try:
        return abs(t.to(stated.unit, units).nominal), None
    except UnitMismatch as exc:
        raise UsageError(f"tolerance {tol!r} does not apply to the stated figure "
                         f"{stated.describe()}: {exc.message}") from exc


#: A bound's words that exclude the bound itself ("over 500", "< 2 %"); "at least", "up to", "≤" include it.
_STRICT_BOUND = lazy(r"(?i)\s*(?:more\s+than|greater\s+than|fewer\s+than|less\s+than|over|above|under|below"
                     r"|in\s+excess\s+of|exceeding|<(?!=)|>(?!=))")


#: Words before a stated range or factor that say no more than its figures do: "between 3 and 4 million USD",
#: "from 500 to 600 tCO2e", "a factor of 5", "by a factor of about 5".
_RANGE_WORDS = lazy(r"(?i)\s*(?:between|from)\s+(?=[-−+]?[$€£]?\.?\d)")
_FACTOR_WORDS = lazy(r"(?i)\s*(?:by\s+)?a\s+factor\s+of\s+(?=(?:about|around|approximately|roughly|nearly|almost"
                     r"|~)?\s*\.?\d)")


#: Words after a factor that say which way it goes: "2800 times more", "12 times less", "7.5-fold higher",
#: "3x fewer". "More" is the factor itself, as "times as much" is; "less" is its reciprocal.
_FEWER_WORDS = r"less|fewer|lower|smaller"
_MORE_WORDS = r"more|higher|larger|greater|bigger"
_COMPARATIVE = lazy(rf"(?i)(?<=\d)(?P<factor>\s*(?:times|[-\s]?fold|x|×))\s+(?:(?P<less>{_FEWER_WORDS})"
                    rf"|{_MORE_WORDS})(?:\s+than)?\s*$")
#: The year of an amount of money's prices after it: "$350k in 2019", "US$3.2 million (2019)", "$3.2M in 2019
#: dollars", "€2bn (2020 EUR)": no figure of the amount.
_PRICE_YEAR = lazy(r"(?i)\s*(?:\((?:in\s+)?(?P<a>(?:19|20)\d\d)(?:\s+(?:US\$|USD|EUR|GBP|US\s+dollars|dollars|euros"
                   r"|prices))?\)|in\s+(?P<b>(?:19|20)\d\d)(?:\s+(?:US\$|USD|EUR|GBP|US\s+dollars|dollars|euros|prices))?)$")
_MONEY = lazy(r"(?i)[$€£]|\b(?:USD|EUR|GBP|dollars?|euros?)\b")


def _price_year(figure: str) -> re.Match[str] | None:
    """The year of the prices written after an amount of money ("in 2019" of "$350k in 2019"); None after any
    other figure ("552 tCO2e in 2020" stays unreadable)."""
    m = _PRICE_YEAR.search(figure) if ("(" in figure or " in " in figure.lower()) else None
    return m if m is not None and _MONEY.search(figure[:m.start()]) else None


def _fewer(stated: str) -> bool:
    """Whether a stated factor is written as a factor fewer: "12 times less", "3-fold lower" (1/12, 1/3)."""
    m = _COMPARATIVE.search(stated)
    return m is not None and m.group("less") is not None


#: Numbers a factor or a fraction is written with in words ("fivefold", "two orders of magnitude", "two thirds").
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "a single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
                "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a hundred": 100, "hundred": 100,
                "one hundred": 100, "a thousand": 1000, "thousand": 1000, "one thousand": 1000}
_TIMES_WORDS = {"double": 2, "doubled": 2, "twice": 2, "triple": 3, "tripled": 3, "treble": 3, "trebled": 3,
                "thrice": 3, "quadruple": 4, "quadrupled": 4, "quintuple": 5, "quintupled": 5}
_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
          "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
          "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_COUNT = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _COUNT_WORDS), key=len, reverse=True))
#: Words of an approximation before a factor: "about 5x", "~5-fold".
_ABOUT_WORDS = r"(?:(?:about|around|approximately|roughly|nearly|almost|some)\s+|~\s*)?"
#: How close a fraction in words is to its fraction: "a third" is 1/3 ± 5 %, so 30 % is no third.
FRACTION_WORDS_WITHIN = 0.05
#: Words a factor or a fraction in words is written with, after a bound or an approximation: "fivefold", "twice",
#: "an order of magnitude more", "two thirds", "half"; group `dir` the comparison after it ("more", "less").
_WORD_FIGURE = lazy(
    rf"(?i)^\s*(?P<pre>(?:(?:{BOUND_UPPER}|{BOUND_LOWER})\s+)?{_ABOUT_WORDS})"
    rf"(?:(?P<fold>{_COUNT})[-\s]?fold|(?P<times_n>{_COUNT})\s+times|(?P<times>{'|'.join(_TIMES_WORDS)})"
    rf"|(?P<mag_n>{_COUNT}|\d+)\s+orders?\s+of\s+magnitude|(?P<mag_some>(?:several|many|some|a\s+few)\s+)?orders"
    rf"\s+of\s+magnitude|(?:(?P<num>{_COUNT})[-\s]+)?(?P<part>{'|'.join(_PARTS)}))"
    r"(?:\s+as\s+(?:much|many|large|high|big|long|great)(?:\s+as)?)?"
    rf"(?:\s+(?P<dir>(?P<less>{_FEWER_WORDS})|{_MORE_WORDS})(?:\s+than)?)?\s*$")


#: A change a factor states with a verb before it or a noun after it: "increased fivefold", "fell by a factor of
#: 5", "a 5-fold reduction", "a tenfold increase"; group `less` a fall.
_CHANGE_VERB = lazy(r"(?i)^\s*(?:(?P<less>reduced|decreased|fell|dropped|declined|shrank|shrunk|cut|lowered|went\s+down)"
                    r"|increased|rose|grew|jumped|went\s+up|multiplied)(?:\s+by)?\s+")
_CHANGE_NOUN = lazy(r"(?i)\s+(?:(?P<less>reduction|decrease|drop|decline|cut|fall|saving|savings)|increase|rise"
                    r"|growth|gain|jump)\s*$")
_ARTICLE = lazy(r"(?i)^\s*an?\s+(?=\S)")
#: A factor as a change of it writes it: "5-fold", "5x", "5 times", "a factor of 5", "fivefold", "an order of magnitude".
_A_FACTOR = lazy(rf"(?i)^\s*{_ABOUT_WORDS}(?:\d[\d,]*(?:\.\d+)?\s*(?:[-\s]?fold|x|×|times)"
                 rf"|a\s+factor\s+of\s+{_ABOUT_WORDS}\d[\d,]*(?:\.\d+)?|(?:{_COUNT})[-\s]?fold|(?:{_COUNT})\s+times"
                 rf"|(?:{_COUNT}|\d+)\s+orders?\s+of\s+magnitude)\s*$")


def _change_words(stated: str) -> tuple[str, str] | None:
    """A factor a stated figure writes as a change with a verb or a noun ("a 5-fold reduction", "increased
    fivefold", "fell by a factor of 5"), as kb reads a factor compared: ("5-fold less", the line saying so);
    None of any other figure; `UsageError` for a change by a fraction or a share ("reduced by a third": 2/3 of
    it, never 1/3), which kb does not read."""
    verb = _CHANGE_VERB.match(stated)
    rest = stated[verb.end():] if verb is not None else stated
    noun = _CHANGE_NOUN.search(rest) if verb is None else None
    if verb is None and noun is None:
        return None
    less = (verb if verb is not None else noun).group("less") is not None
    if noun is not None:
        rest = rest[:noun.start()]
        article = _ARTICLE.match(rest)
        if article is not None and not _A_FACTOR.match(rest):      # "a 5-fold reduction", not "an order of …"
            rest = rest[article.end():]
    factor = _FACTOR_WORDS.match(rest)
    if factor is not None and _A_FACTOR.match(rest):    # "by a factor of 5": 5 times
        rest = f"{rest[factor.end():].strip()} times"
    if not _A_FACTOR.match(rest):
        said = " ".join(stated.split())
        if _WORD_FIGURE.match(rest):
            raise UsageError(f"cannot read figure {said!r}: a change by a fraction is no factor kb reads",
                             hint="write the factor it leaves (\"0.67 times\") or the share (\"67 %\")")
        return None
    text = f"{' '.join(rest.split())} {'less' if less else 'more'}"
    return text, f"read {' '.join(stated.split())!r} as {text!r}"


@functools.lru_cache(maxsize=256)      # read twice a check: for its figure and for the line saying how
def _figure_words(stated: str) -> tuple[str, Interval | None, str] | None:
    """A factor or a fraction a stated figure writes in words, read: (the figure as kb reads it in numbers, the
    interval it stands for where no written number says it, the line saying how it was read); None of a figure
    with no such words; `UsageError` for words that say no figure ("orders of magnitude", "a fifth more").

    "fivefold", "ten times", "double", "twice": the number, as "5-fold", "10 times" and "2 times" read. "an
    order of magnitude" is a factor of 10 on a log scale, 10^0.5 … 10^1.5 (3.16 … 31.6): nearer 10 than 1 or
    100; "two orders of magnitude" 10^1.5 … 10^2.5; after a bound ("over an order of magnitude") its power of
    ten exactly. "a third", "half", "two thirds": the fraction within 5 %."""
    change = _change_words(stated)
    if change is not None:     # "a fivefold reduction": "fivefold less", read on as that
        words = _figure_words(change[0])
        if words is None:
            return change[0], None, change[1]
        said = " ".join(stated.split())
        return words[0], words[1], words[2].replace(f"read {change[0]!r} as ", f"read {said!r} as ", 1)
    m = _WORD_FIGURE.match(stated)
    if m is None:
        return None
    said = " ".join(stated.split())
    pre = " ".join(m.group("pre").split())
    bounded = bound_of(f"{pre} 1")[0] is not None
    direction = f" {m.group('dir')}" if m.group("dir") else ""
    if m.group("mag_some") is not None or (m.group("mag_n") is None and "magnitude" in said.lower()):
        raise UsageError(f"cannot read figure {said!r}: it says no how many orders of magnitude",
                         hint="write how many (\"two orders of magnitude\") or the factor (\"100 times\")")
    if m.group("fold") or m.group("times_n") or m.group("times"):
        n = _TIMES_WORDS[m.group("times").lower()] if m.group("times") else \
            _COUNT_WORDS[" ".join((m.group("fold") or m.group("times_n")).lower().split())]
        text = f"{pre} {n}{'-fold' if m.group('fold') else ' times'}{direction}".strip()
        return text, None, f"read {said!r} as {text!r}"
    if m.group("mag_n") is not None:
        word = " ".join(m.group("mag_n").lower().split())
        n = int(word) if word.isdigit() else _COUNT_WORDS[word]
        if not 1 <= n <= 12:
            raise UsageError(f"cannot read figure {said!r}: {n} orders of magnitude is no factor kb checks")
        if bounded:
            text = f"{pre} {10 ** n} times{direction}"
            return text, None, f"read {said!r} as {text!r}: a bound at its power of ten exactly"
        iv = Interval(10 ** (n - 0.5), float(10 ** n), 10 ** (n + 0.5), registry().dimensionless)
        less = m.group("less") is not None
        if less:
            iv = Interval.exact(1.0).divide(iv)
        lo, _, hi = format_bounds(iv.lo, iv.nominal, iv.hi)
        factor, low, high = (f"1/{10 ** n}", -n - 0.5, -n + 0.5) if less else (f"{10 ** n}", n - 0.5, n + 0.5)
        return "", iv, (f"read {said!r} as a factor of {factor} on a log scale, {lo} … {hi} "
                        f"(10^{low:g} … 10^{high:g}, nearer it than the next power of ten)")
    if direction:
        raise UsageError(f"cannot read figure {said!r}: a fraction {direction.strip()} is no figure kb reads",
                         hint="write the factor (\"1.33 times\") or the share (\"133 %\")")
    den = _PARTS[m.group("part").lower()]
    num = _COUNT_WORDS[" ".join(m.group("num").lower().split())] if m.group("num") else 1
    if num >= den:
        raise UsageError(f"cannot read figure {said!r}: {num}/{den} is no fraction of a whole")
    if bounded:
        text = f"{pre} {num}/{den}"
        return text, None, f"read {said!r} as {text!r}"
    value = num / den
    iv = Interval(value * (1 - FRACTION_WORDS_WITHIN), value, value * (1 + FRACTION_WORDS_WITHIN),
                  registry().dimensionless)
    lo, _, hi = format_bounds(iv.lo, iv.nominal, iv.hi)
    return "", iv, (f"read {said!r} as {num}/{den} within {FRACTION_WORDS_WITHIN * 100:g} % ({lo} … {hi}): "
                    "a fraction in words")


#: How far a factor a writer states ("2x", "5-fold", "10 times more", "double", "fivefold") may be from it: within
#: its last printed digit's half unit and never wider than this share of it, as a fraction in words is ("2x" and
#: "double" are 1.9 … 2.1, never 1.5 … 2.5; "6,833x" is 6,832.5 … 6,833.5); "about 2x" keeps its last digit's half.
FACTOR_WITHIN = 0.05
_STATED_FACTOR = lazy(r"(?i)^\s*(\d[\d,]*(?:\.\d+)?)\s*(?:[-\s]?fold|x|×|times)(?![\w])[A-Za-z\s]*$")


def _factor_within(said: str, st: Interval) -> Interval | None:
    """`st` of a factor `said` states with no word of approximation, no wider than FACTOR_WITHIN of it; None of
    any other figure or where its last digit is already narrower."""
    m = _STATED_FACTOR.match(said)
    if m is None or st.unit is None or not st.unit.dimensionless or st.nominal <= 0:
        return None
    lo, hi = st.nominal * (1 - FACTOR_WITHIN), st.nominal * (1 + FACTOR_WITHIN)
    if st.lo >= lo and st.hi <= hi:
        return None
    return Interval(max(st.lo, lo), st.nominal, min(st.hi, hi), st.unit, written=st.written)


_FACTOR_TAIL = lazy(r"(?i)\d\s*(?:[-\s]?fold|x|×|times)\s*$")


def _factor_range_within(figure: str, st: Interval) -> Interval | None:
    """`st` of a range of factors ("3 and 4 times", "3-4x"), each end no wider than FACTOR_WITHIN of it, as a
    factor stated alone is: "between 4 and 5 times" is 3.8 … 5.25, where half a unit of each end (3.5 … 5.5)
    passed 3.5; None of any other range or where its ends print narrower."""
    if _FACTOR_TAIL.search(figure) is None or st.unit is None or not st.unit.dimensionless or st.lo <= 0:
        return None
    try:
        parts = written_parts(figure)
    except KBError:
        return None
    if parts.second is None:
        return None
    a, b = float(parts.first.value), float(parts.second.value)
    lo, hi = max(st.lo, a * (1 - FACTOR_WITHIN)), min(st.hi, b * (1 + FACTOR_WITHIN))
    if (lo, hi) == (st.lo, st.hi) or lo > hi:
        return None
    return Interval(lo, st.nominal, hi, st.unit, written=st.written)


def _stated_figure(stated: str) -> str:
    """The figure a stated text writes, the words of a range or a factor before it taken off ("between 3 and
    4 million USD" is "3 and 4 million USD", "a factor of 5" is "5"), and the words after a factor or an amount
    of money that are none of its figure ("2800 times more" is "2800 times", "$350k in 2019" is "$350k"), which
    were an unreadable figure; `UsageError` for "between" or "from" before a single figure."""
    year = _price_year(stated)
    if year is not None:
        stated = stated[:year.start()]
    m = _COMPARATIVE.search(stated)
    if m is not None:
        stated = stated[:m.start()] + m.group("factor")
    m = _RANGE_WORDS.match(stated)
    if m is not None:
        rest = stated[m.end():]
        if written_parts(rest).second is None:
            raise UsageError(f"cannot read figure {stated.strip()!r}: {m.group(0).strip()!r} before one figure, "
                             "where a range's two were expected", hint="write e.g. \"between 3 and 4 kWh\"")
        return rest
    m = _FACTOR_WORDS.match(stated)
    return stated[m.end():] if m is not None else stated


def _stated_bound(stated: str) -> tuple[str, bool] | None:
    """("lower" or "upper", whether the bound is strict) of a stated figure written as a bound ("over 500
    tCO2e", "< 2 %", "at least 3 kWh"), None of any other. Such a figure says which side of its number the
    recomputed one lies on, not that it is near it: read as its number, "over 600 t" passed 552 t and
    "over 500 t" failed it."""
    t = " ".join(stated.split()).lstrip("~≈ ")
    side, _ = bound_of(t)
    if side is None:
        return None
    return side, _STRICT_BOUND.match(t) is not None


def _round_power_of_ten(stated: str, st: Interval) -> Interval:
    """`st` read as a round power of ten is (`kb.quantities.interval.round_power_of_ten`): "1,000" is 950 … 1,500
    and "1" 0.95 … 1.5, where half a unit either side made "about 1,000" of 522 and "nearly 1" of 0.52 pass."""
    return round_power_of_ten(stated, st)


def _is_range(stated: str, st: Interval) -> bool:
    """Whether a stated figure is a range in any form ("600-700", "600 to 700", "between 600 and 700", "$5-6M"),
    read as `Interval.from_written` reads a claim's range: between its ends, each rounded at most to its last
    printed digit, trailing zeros included ("from 600 to 700 tCO2e" is 599.5 … 700.5)."""
    try:
        parts = written_parts(stated)
    except KBError:
        return False
    return not (parts.second is None or parts.delta is not None or parts.bounds is not None or parts.tail_delta
                or st.is_exact)


def _precision_of(st: Interval, stated: str, narrowed: bool = False, ranged: bool = False) -> str:
    side = _stated_bound(stated)
    if side is not None:
        return f"a{'n upper' if side[0] == 'upper' else ' lower'} bound, {'not ' if side[1] else ''}itself included"
    if st.is_exact:
        return "exact"
    half = (st.hi - st.lo) / 2
    if "±" in stated or "+/-" in stated or "+-" in stated:
        return f"±{format_number(half)}, as stated"
    if ranged:
        return "a range, from its first figure to its second, each end ± half a unit in its last printed digit"
    if narrowed:
        return (f"-{format_number(st.nominal - st.lo)} +{format_number(st.hi - st.nominal)}: a power of ten, "
                "a figure under it written with a digit fewer")
    return f"±{format_number(half)}, half a unit in the last written digit"


def _mismatch_hint(st: Interval, rec: Interval) -> str:
    """The common slip: a user unit both in the stated figure and divided out in the
    expression ("950 smartphone_charge" against "x / smartphone_charge")."""
    if not has_user_units(st.unit):
        return ""
    st_powers, rec_powers = unit_powers(st.unit), unit_powers(rec.unit)
    names = [n for n in st_powers if n in rec_powers and rec_powers[n] == -st_powers[n]]
    if not names:
        return ""
    n = names[0]
    return (f"the expression already counts {n}: write the stated figure without "
            f"'{n}' ('{format_number(st.nominal, sig=exact_digits(st.nominal))}'), or drop '/ {n}' from the expression")


_NAME = lazy(r"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?")

#: "ton"/"tons" with no "short" or "metric" before it: kb reads US short tons (2,000 lb), where a writer may
#: mean tonnes ("284 tons CO2e" of 284 t fails, 10 % off); glued to what it weighs too ("tonsCO2e").
_BARE_TONS = lazy(r"(?i)(?<![\w])(?<!short )(?<!metric )tons?(?![a-bd-z0-9_])")
_TONS_READING = "read 'tons' as US short tons (2,000 lb): write 't' or 'tonnes' for metric tonnes"


#: Words of a figure that read two ways, each with how kb reads it: one line each in a check that writes them;
#: each looked for only where a string it holds is in the check's words (lower case where the pattern ignores case).
_TWO_WAY_WORDS = (
    (("illion", "bn", "B"), lazy(r"(?i:(?<![\w])(?:b|tr)illions?(?![\w]))|(?<=\d)(?:B|bn)(?![A-Za-z])"),
     "read 'billion' as 10^9 and 'trillion' as 10^12 (the short scale), never a million millions"),
    (("gal",), lazy(r"(?i)(?<![\w])(?<!imperial )(?<!UK )gal(?:lon)?s?(?![\w])"),
     "read 'gallons' as US gallons (3.785 L): write 'L' for imperial ones (4.546 L)"),
    (("mperial", "UK", "ritish"), lazy(r"(?i)(?<![\w])(?:imperial|UK|British)[\s_]+(?:gallon|pint|quart)s?(?![\w])"),
     "read imperial (UK) gallons, quarts and pints as 4.546 L, 1.137 L and 0.568 L, never US ones"),
    (("fl", "Fl", "FL"),
     lazy(r"(?i)(?<![\w])(?<!imperial )(?<!UK )(?<!British )(?:fl\.?\s?oz|fluid\s+ounces?)(?![\w])"),
     "read 'fl oz' as US fluid ounces (29.57 mL), a volume: write 'imperial fl oz' for imperial ones (28.41 mL)"),
    (("MT",), lazy(r"(?<![\w])MT(?![A-Za-z])"),
     "read 'MT' as metric tonnes (1,000 kg), never megatonnes: write 'Mt' for those"),
    (("B",), lazy(r"(?<![\w])[kMGTP]B(?![A-Za-z])"),
     "read 'kB', 'MB', 'GB', 'TB' as powers of 1,000 bytes: write 'KiB', 'MiB', 'GiB', 'TiB' for powers of 1,024"),
    (("cal",), lazy(r"(?<![\w])(?:cal|calories?)(?![\w])"),
     "read 'cal' as the small calorie (4.184 J), never the food Calorie (4.184 kJ): write 'kcal' for that"),
    (("mile",), lazy(r"(?i)(?<![\w])(?<!nautical )miles?(?![\w])"),
     "read 'miles' as statute miles (1.609 km), not nautical miles"),
    (("pound",), lazy(r"(?i)(?<![\w])pounds?(?![\w])"),
     "read 'pounds' as pounds of mass (0.454 kg), never money: write '£' or 'GBP' for that"),
)


_LAST_NUMBER = lazy(r"(\d[\d,]*(?:\.\d+)?)\s*$")


def _comparative_reading(stated: str) -> str | None:
    """How kb read a factor a stated figure compares with "more" or "less" ("3 times more": 3 times as much, never
    1 + 3 = 4 times; "12 times less": 1/12 of it), None of any other figure."""
    m = _COMPARATIVE.search(stated)
    if m is None:
        return None
    n = _LAST_NUMBER.search(stated, 0, m.start())
    if n is None:
        return None
    try:
        number = Decimal(n.group(1).replace(",", ""))
    except ArithmeticError:
        return None
    if m.group("less") is not None:
        return f"1/{n.group(1)} of the other figure"
    return f"{n.group(1)} times as much, never 1 + {n.group(1)} = {number + 1} times"


def _readings(stated: str, expr: str) -> list[str]:
    """How kb read a word of the stated figure, the expression or a figure it rests on that a writer may mean
    two ways, one line
    each, whatever the verdict: "tons" alone is US short tons; the year of an amount's prices ("$350k in
    2019") is compared as no figure, no price converted between years."""
    said = " ".join(f"{stated} {expr}".split())
    try:
        words = _figure_words(stated)
    except KBError:
        words = None
    comparative = _comparative_reading(words[0] if words is not None and words[1] is None else stated)
    if words is not None:       # "ten times more": read as '10 times more': 10 times as much, …
        out = [f"{words[2]}: {comparative}" if comparative is not None else words[2]]
    else:
        out = [f"read {' '.join(stated.split())!r} as {comparative}"] if comparative is not None else []
    if "ton" in said.lower() and _BARE_TONS.search(said):
        out.append(_TONS_READING)
    low = said.lower()
    out.extend(line for keys, rx, line in _TWO_WAY_WORDS
               if any(k in (low if k.islower() else said) for k in keys) and rx.search(said))
    year = _price_year(" ".join(stated.split()))
    if year is not None:
        out.append(f"read {year.group(0).strip()!r} as the year of the prices: the amounts are compared as "
                   "written, no price converted between years")
    return out


def _unknown_unit(stated: str, units: UserUnits | None) -> str | None:
    """The word of the stated figure's unit kb knows no unit for and read as a count of it ("frobnitz" of
    "284 frobnitz", read as 284 items); None when every word is a unit kb knows."""
    try:
        unit_text = written_parts(stated).unit_text
        if not unit_text:
            return None
        parse_unit(unit_text, units.names if units is not None else frozenset())
    except KBError as exc:
        m = re.search(r"unknown unit '([^']+)'", exc.message)
        return m.group(1) if m else unit_text
    return None


def _counted_input(tree: object, resolve: Callable[[str], "Interval | str"],
                   units: UserUnits | None) -> tuple[str, str, str] | None:
    """A figure the expression names whose unit kb read as a count for knowing no unit of its word ("12 zorbs"):
    (its name, as written, the word); None when there is none."""
    names = units.names if units is not None else frozenset()
    for name in sorted(names_used(tree)):
        try:
            value = resolve(name)
        except (KBError, LookupError):
            continue
        written = value if isinstance(value, str) else getattr(value, "written", None)
        if not written:
            continue
        try:
            word = counted_word(written_parts(written).unit_text, names)
        except KBError:
            continue
        if word is not None:
            return name, written, word
    return None


def run_check(id: str, stated: str, expr: str, resolve: Callable[[str], "Interval | str"],
              tolerance: str | None = None, *, known: Iterable[str] | None = None,
              units: UserUnits | None = None,
              unverified: Mapping[str, str] | None = None,
              textless: Mapping[str, str] | None = None) -> CheckResult:
    """Recompute `expr` and judge it against `stated`; never raises for bad input.

    `resolve(name)` returns a named figure (Interval or written text) and raises
    NotFound/KeyError when the name is not defined; `known` lists names to suggest.
    `units` are the user units the stated figure, the expression and the figures
    may use. `unverified` maps names (claims, user units) that rest on an
    unverified claim to the reason; a check using one is marked (`unverified`)
    and its explanation says why; `textless` likewise the names resting on a claim of a paper
    whose text is not held (marked `no_text`).
    """
    result = _run_check(id, stated, expr, resolve, tolerance, known=known, units=units)
    if result.verdict == PASS:
        carried = _carried_by_rounding(result, resolve, known, units)
        if carried is not None:
            why = _carried_too_far(result, carried[3])
            if why is None and not carried[2]:
                why = _stacked_too_fine(result, carried[1], resolve, units)
            if why is None and carried[2]:
                why = _alone_too_far(result, carried[1], carried[3], resolve)
            if why is None:
                result.carried, result.carried_by = carried[0], carried[1:3]
                result.message += f"; {result.carried}"
                result.explanation.append(f"note: {result.carried}")
            else:       # "350 % more" of 0.007 and 0.002 kWh, 2.5 at them: no pass, the figure off said
                result.verdict = FAIL
                how = carried[0].removeprefix("passes ").removesuffix(", which fails")
                st, rec = result.stated_interval, result.recomputed
                result.message = (f"recomputed {rec.describe()} reaches stated {st.describe()} "
                                  f"({_pct(result.rel_diff)}) {how}: {why}")
                result.explanation.append(f"compare: it reaches the stated figure {how}: {why}: fail")
    # the figures the expression rests on as written ("a = …, written '284 tons CO2e'"): read as the check reads them
    inputs = " ".join(line.split(", written ", 1)[1] for line in result.explanation if ", written " in line)
    result.readings = _readings(stated, f"{expr} {inputs}")
    points = _points_reading(result, resolve, units)
    if points is not None:
        result.readings.append(points)
    result.explanation.extend(f"note: {r}" for r in result.readings)
    if unverified or textless:
        used = {m.group() for m in _NAME.finditer(f"{stated} {expr}")}
        try:
            # the names as the expression resolves them: a key quoted in backticks,
            # `le-scao-rush-2021-many`.points, is one name the words above do not make
            used.update(names_used(parse(expr, units=units)))
        except KBError:
            pass
        for names, said, mark in ((unverified or {}, "unverified", "unverified"), (textless or {}, "no-text", "no_text")):
            marked = sorted(n for n in used if n in names)
            if marked:
                setattr(result, mark, marked)
                result.explanation.extend(f"{said} input {n}: {names[n]}" for n in marked)
    return result


def _carried_by_rounding(result: CheckResult, resolve: Callable[[str], "Interval | str"],
                         known: Iterable[str] | None, units: UserUnits | None
                         ) -> tuple[str, list[str], bool, Interval] | None:
    """Which inputs' rounding alone lets a passing check pass: none where it passes at the values its inputs print
    (every claim and user unit exact at its nominal value). Else the claims and units of which the rounding of one
    alone, the others exact, lets it pass ("950" of 11.49 kWh / 0.012 kWh, 957.5: the rounding of 0.012 kWh), or all
    of them where only their rounding together does; with what their printed values give. None when it is no such
    pass or the check reads otherwise at exact values (an error)."""
    try:
        tree = parse(result.expr, units=units)
    except KBError:
        return None
    every = UserUnits() if units is None else units
    words = {m.group() for m in _NAME.finditer(f"{result.stated} {result.expr}")}
    rounded: dict[str, Interval] = {}      # name -> its interval as kb reads it, of the inputs not exact
    for name in names_used(tree):
        try:
            value = resolve(name)
        except (KBError, LookupError):
            continue
        try:
            iv = value if isinstance(value, Interval) else Interval.from_written(value, units=units)
        except KBError:
            return None
        written = value if isinstance(value, str) else iv.written
        if written and _is_range(written, iv):
            continue        # "1,000-2,000 kWh": its width is what it prints, no rounding of one value
        if not iv.is_exact:
            rounded[name] = round_power_of_ten(value, iv) if isinstance(value, str) else iv
    unit_names = sorted(n for n in every if n in words and not every[n].is_exact)
    if not rounded and not unit_names:
        return None

    def verdict(keep: set[str]) -> tuple[str, CheckResult | None]:
        """The check with every input but those of `keep` exact at its printed value."""
        def exact(name: str) -> "Interval | str":
            value = resolve(name)
            if name in keep or name not in rounded:
                return value
            iv = rounded[name]
            return Interval(iv.nominal, iv.nominal, iv.nominal, iv.unit, written=iv.written)
        these = every
        if any(n not in keep for n in unit_names):
            these = every.merged({})
            for n in unit_names:
                if n not in keep:
                    v = every[n]
                    these._values[n] = Interval(v.nominal, v.nominal, v.nominal, v.unit, written=v.written)
        try:
            got = _run_check(result.id, result.stated, result.expr, exact, result.tolerance, known=known,
                             units=these)
        except KBError:
            return ERROR, None
        return got.verdict, got

    at_values, got = verdict(set())
    if at_values != FAIL or got is None or got.recomputed is None:
        return None
    inputs = [*rounded, *unit_names]
    alone = [n for n in inputs if verdict({n})[0] == PASS]
    named = alone or inputs

    def said(name: str) -> str:
        iv = rounded.get(name) or every.get(name)
        if iv is None:
            return name
        lo, _, hi = format_bounds(iv.lo, iv.nominal, iv.hi)
        unit = f" {iv.unit_text}" if iv.unit_text else ""
        written = f"{iv.written!r}, " if iv.written else ""
        return f"{name} ({written}{lo} … {hi}{unit})"
    gives = got.recomputed
    _, nominal, _ = format_bounds(gives.nominal, gives.nominal, gives.nominal)
    unit = f" {gives.unit_text}" if gives.unit_text else ""
    whose = (" or ".join(said(n) for n in named)
             if alone else " and ".join(said(n) for n in named) + " together")
    return (f"passes only by the rounding of {whose}: at the values its inputs print it gives {nominal}{unit} "
            f"({_pct(got.rel_diff)}), which fails", named, bool(alone), got.recomputed)


#: How far from a stated figure the value its inputs print may fall and the rounding of those inputs still carry a
#: pass: a writer may have had the figures before their rounding, never ones a tenth off what the paper prints.
CARRIED_WITHIN = 0.10


def _carried_too_far(result: CheckResult, at_values: Interval) -> str | None:
    """Why a pass only the rounding of its inputs gives is no pass, None where it stands: the stated figure is a
    range, which holds by the recomputed value as a bound does ("between 4 and 5 times" of 0.007 / 0.002 kWh,
    3.5), or the value at the printed inputs is further than CARRIED_WITHIN from the stated interval ("350 %
    more" of them, 2.5 where 3.45 … 3.55 was stated)."""
    st = result.stated_interval
    if st is None:
        return None
    n = at_values.nominal
    if n < st.lo:
        edge, off = st.lo, (st.lo - n) / abs(st.lo) if st.lo else float("inf")
    elif n > st.hi:
        edge, off = st.hi, (n - st.hi) / abs(st.hi) if st.hi else float("inf")
    else:
        return None
    unit = f" {st.unit_text}" if st.unit_text else ""
    shown, value = format_number(edge, sig=6), format_number(n, sig=4)
    if any(line.startswith("stated ") and "(a range" in line for line in result.explanation):
        return (f"a range holds by the value its inputs print, as a bound does: {value}{unit} is "
                f"{off * 100:.1f} % {'below' if n < st.lo else 'above'} its end {shown}{unit}")
    if off <= CARRIED_WITHIN:
        return None
    return (f"{value}{unit} is {off * 100:.1f} % {'below' if n < st.lo else 'above'} {shown}{unit}, the stated "
            f"figure's nearest end, further than the {CARRIED_WITHIN * 100:g} % the rounding of inputs may carry")


def _significant(text: str) -> int | None:
    """How many significant digits the first figure `text` writes prints ("38 %" 2, "0.20" 2, "10.5 m" 3), trailing
    zeros of a whole number not counted; None where it writes none kb reads."""
    try:
        first = written_parts(text).first
    except KBError:
        return None
    digits = re.sub(r"\D", "", first.text.split("e")[0].split("E")[0]).lstrip("0")
    if "." not in first.text:
        digits = digits.rstrip("0")
    return len(digits) or None


def _stacked_too_fine(result: CheckResult, named: list[str], resolve: Callable[[str], "Interval | str"],
                      units: UserUnits | None) -> str | None:
    """Why a pass only the roundings of several inputs stacked in one direction give (none alone does) is no pass,
    None where it stands: the stated figure prints no more digits than the fewest its rounded inputs print, so its
    writer had no finer figures than they are, and the printed values are what it is recomputed from ("12 pp" of
    38 % - 27 %, 11 pp: it passed by 38.5 % - 26.5 %). A figure printed finer ("111.1 m^2" of 10.5 m x 10.5 m) was
    recomputed from figures before their rounding, and a whole ("100 %" of shares) is reached by their rounding."""
    if _WHOLE.match(_stated_figure(result.stated)) is not None:
        return None
    stated = _significant(_stated_figure(result.stated))
    printed = _digits_printed(named, resolve)
    if printed is None:
        return None
    if stated is None or not printed or stated > min(printed):
        return None
    return (f"the stated figure prints {stated} significant digit{'s' if stated != 1 else ''}, no more than its "
            f"rounded inputs ({min(printed)}), and only their roundings stacked in one direction, none alone, reach it")


def _digits_printed(named: list[str], resolve: Callable[[str], "Interval | str"]) -> list[int] | None:
    """The significant digits each of the inputs `named` prints, None where one cannot be read or counted."""
    printed = []
    for name in named:
        try:
            value = resolve(name)
        except (KBError, LookupError):
            return None
        written = value if isinstance(value, str) else value.written
        digits = _significant(written) if written else None
        if digits is None:
            return None
        printed.append(digits)
    return printed


def _alone_too_far(result: CheckResult, named: list[str], at_values: Interval,
                   resolve: Callable[[str], "Interval | str"]) -> str | None:
    """Why a pass the rounding of one input alone gives is no pass, None where it stands: the stated figure prints no
    more significant digits than the inputs whose rounding carries it, so its writer had no finer figures than they
    print, and the value those printed figures give is more than one unit of its last digit from it, further than a
    slip of that digit ("1.7 times" of 24 % / 14 %, 1.714, stands; "0.36" of 17 % / 45.70 %, 0.372, passed by 17 %
    read down to 16.5 %). A figure printed finer ("3.7 times" of 0.007 / 0.002 kWh) was recomputed from figures
    before their rounding, and one a unit off ("950" of 11.49 / 0.012 kWh, 957.5) may round otherwise."""
    figure = _stated_figure(result.stated)
    stated = _significant(figure)
    st = result.stated_interval
    if stated is None or st is None or st.is_exact or _WHOLE.match(figure) is not None:
        return None
    printed = _digits_printed(named, resolve)
    if printed is None:
        return None
    if not printed or stated > min(printed):
        return None
    unit = st.hi - st.lo
    off = max(st.lo - at_values.nominal, at_values.nominal - st.hi, 0)
    if off <= unit / 2 * (1 + 1e-9):
        return None
    gives = format_number(at_values.nominal, sig=4)
    return (f"the stated figure prints {stated} significant digit{'s' if stated != 1 else ''}, no more than the "
            f"input{'s' if len(named) > 1 else ''} carrying it ({min(printed)}), and the {gives} the printed inputs "
            f"give is more than one unit of its last digit ({format_number(unit, sig=3)}) from it")


def _points_reading(result: CheckResult, resolve: Callable[[str], "Interval | str"],
                    units: UserUnits | None) -> str | None:
    """How kb read a stated percentage its expression recomputes as a difference of two percentages ("-7 %" of
    "share_v3 - share_v1", 9 % and 16 %): as percentage points, never a percent change of the first, which a
    writer may have meant; None of any other check."""
    st, rec = result.stated_interval, result.recomputed
    if "-" not in result.expr or st is None or rec is None or st.unit != registry().Unit("percent"):
        return None
    try:
        tree = parse(result.expr, units=units)
    except KBError:
        return None
    while isinstance(tree, Neg):
        tree = tree.operand
    if not (isinstance(tree, BinOp) and tree.op == "-"):
        return None
    percent = registry().Unit("percent")

    def a_percentage(side: object) -> bool:     # "9 %", or a user unit defined in % ("share_v3")
        value = evaluate(side, resolve, units=units)
        return value.unit == percent or (has_user_units(value.unit) and _a_share(value, units))

    try:
        if not (a_percentage(tree.left) and a_percentage(tree.right)):
            return None     # "1 - 0.98": no difference of two percentages
    except KBError:
        return None
    return (f"read {' '.join(result.stated.split())!r} as percentage points, a difference of two percentages: "
            "a percent change divides it by the one it changed from")


#: "points" alone after a figure's number ("-7 points", "rose 5 points"): of a share, percentage points.
_BARE_POINTS = lazy(r"(?i)(?<=[\d\s])\s*points?\s*$")


def _a_share(rec: Interval, units: UserUnits | None) -> bool:
    """Whether a recomputed figure is a plain number or a percentage, its user units expanded ("share_v3 -
    share_v1" of two units defined in %)."""
    try:
        rec.to(registry().dimensionless, units)
    except KBError:
        return False
    return True


def _a_ratio(tree: object) -> bool:
    """Whether an expression's value is a quotient, its sign aside ("(a - b) / b", "-(a / b)"): a share or a
    percent change, never a difference of percentages."""
    while isinstance(tree, Neg):
        tree = tree.operand
    return isinstance(tree, BinOp) and tree.op == "/"


#: A factor's mark after its number ("45x", "5-fold", "3 times", "a factor of 5"), wherever in a stated figure.
_FACTOR_MARK = lazy(r"(?i)\d\s*(?:[-\s]?fold|x|×|times)(?![\w])|\ba\s+factor\s+of\b")
#: A share or its points in a stated figure ("45 % lower", "7 points higher"): no difference in the figure's own unit.
_A_SHARE_WORD = lazy(r"(?i)%|‰|\bper\s?cent|\bpp\b|\bpoints?\b")
#: A difference a stated figure writes with a comparative and no factor's mark: "45 fewer", "12 kWh less than".
_DIFFERENCE_WORDS = lazy(rf"(?i)\d[\d,.]*(?:\s+[^\d\s]+)??\s+(?:{_FEWER_WORDS}|{_MORE_WORDS})(?:\s+than)?\s*$")


def _difference_in_words(stated: str, said: str) -> str | None:
    """The line refusing a stated figure that writes a difference with a comparative and no factor's mark ("45
    fewer", "12 kWh less"), which kb reads no sign of, where it was read as an unknown unit 'fewer'; None of any
    other figure."""
    m = _DIFFERENCE_WORDS.search(stated)
    if m is None or _FACTOR_MARK.search(said) or _A_SHARE_WORD.search(stated):
        return None
    word = m.group(0).split()[-1] if m.group(0).split()[-1].lower() != "than" else m.group(0).split()[-2]
    return (f"stated {' '.join(stated.split())} writes a difference with {word!r}, whose sign kb does not read: "
            "write the difference itself, signed as the expression gives it (\"-45\", \"45 kWh\")")


def _top_op(tree: object) -> str | None:
    """The operation an expression's value comes out of, its sign aside: "-" of "100 - 55" and "-(a - b)", "/" of
    "a / b"; None of a name or a number."""
    while isinstance(tree, Neg):
        tree = tree.operand
    return tree.op if isinstance(tree, BinOp) else None


#: A percent change a stated figure writes with a comparative and nothing else: "45 % less", "82 percent more".
#: ... or with a noun of change, "a 315 % increase", "a 22 % reduction", and "about" before it: "about 22 % lower".
_PERCENT_CHANGE = lazy(rf"(?i)\s*(?:an?\s+)?(?:{_ABOUT_WORDS})?(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?:%|per\s?cent)\s+"
                       rf"(?:(?P<fewer>{_FEWER_WORDS}|reduction|decrease|drop|decline|cut|fall)"
                       rf"|{_MORE_WORDS}|increase|rise|growth)(?:\s+than)?\s*")


def _percent_change(said: str) -> Interval | None:
    """The signed change a stated "45 % less" or "82 % more" says, as a fraction (-0.45, +0.82), each end from its
    written precision; None of any other figure."""
    m = _PERCENT_CHANGE.fullmatch(said)
    if m is None:
        return None
    frac = Interval.from_written(m.group("n").replace(",", "")) * Interval.exact(0.01)
    return -frac if m.group("fewer") else frac


def _judged_change(stated: str, change: Interval, tree: object) -> tuple[Interval, str] | str:
    """A stated percent change judged as the expression computes it: of a change ("(new - old) / old") the change
    itself, of a ratio ("new / old") 1 plus it (new = old × (1 - 0.45)): (the figure, the line saying so); of any
    other expression, a difference among them, the line refusing it."""
    op = _top_op(tree)
    told = " ".join(stated.split())
    if op != "/":
        what = "a difference" if op == "-" else "no ratio"
        return (f"stated {told} is a percent change, but the expression is {what} ({tree}): a percent change is "
                "judged against a ratio (new / old) or a change ((new - old) / old): recompute one of them")
    top = tree
    while isinstance(top, Neg):
        top = top.operand
    if _top_op(top.left) == "-":
        return change, f"read {told!r} as a change of {format_number(change.nominal)}, as the expression computes one"
    sign = "-" if change.nominal < 0 else "+"
    return (Interval.exact(1.0) + change,
            f"read {told!r} as a ratio of {format_number(1 + change.nominal)} (new = old × (1 {sign} "
            f"{format_number(abs(change.nominal))})), as the expression computes one")


def _difference_or_factor(stated: str, said: str, tree: object) -> str | None:
    """Why a stated factor is no difference the expression computes, or a stated difference no factor it computes
    ("45x" of "100 - 55"; "45 fewer" of "a / b"): the line refusing it; None of any other check."""
    op = _top_op(tree)
    if op == "-" and (_FACTOR_MARK.search(said) or "magnitude" in stated.lower()):
        return (f"stated {' '.join(stated.split())} is a factor, but the expression is a difference ({tree}): "
                "a difference is no factor: state the difference, or recompute the ratio")
    if op == "/" and not _FACTOR_MARK.search(said) and _DIFFERENCE_WORDS.search(stated) \
            and not _A_SHARE_WORD.search(stated):       # "45 % lower" is a percent change: a ratio
        return (f"stated {' '.join(stated.split())} is a difference, but the expression is a ratio ({tree}): "
                "a factor is no difference: state the factor (\"... times\"), or recompute the difference")
    return None


#: US gallons, quarts, pints and fluid ounces, as kb reads them bare, and how many of them an imperial one is
#: (4.546 L / 3.785 L of a gallon, quart or pint; 28.41 mL / 29.57 mL of a fluid ounce, the other way).
_US_VOLUMES = {"gallon": 4.54609 / 3.785411784, "quart": 4.54609 / 3.785411784, "pint": 4.54609 / 3.785411784,
               "fluid_ounce": 28.4130625 / 29.5735295625}


def _both_volumes(stated: str, st: Interval) -> str | None:
    """Why a stated figure in bare gallons, quarts or pints (read as US ones) cannot be judged: its interval also
    holds the figure read as imperial ones ("1 gallon" is 0.95 … 1.5 US gallons, and an imperial gallon is 1.2 of
    them), so a recomputed imperial figure would pass as a US one; None of any other figure or a narrower one."""
    powers = unit_powers(st.unit) if st.unit is not None else {}
    if st.is_exact or not any(powers.get(n) for n in _US_VOLUMES):
        return None
    other = st.nominal
    for n, ratio in _US_VOLUMES.items():
        other *= ratio ** powers.get(n, 0)
    if not min(st.lo, st.hi) <= other <= max(st.lo, st.hi):
        return None
    lo, _, hi = format_bounds(st.lo, st.nominal, st.hi)
    said = format_number(other, sig=3)
    return (f"stated {' '.join(stated.split())} is {lo} … {hi} {st.unit_text}"
            f" as US {'/'.join(n.replace('_', ' ') + 's' for n in _US_VOLUMES if n in powers)}, wide enough to hold it "
            f"read as imperial ones too ({said} {st.unit_text}): kb cannot tell which was meant, so judges neither: "
            "write a digit more, or litres, or 'imperial gallons'")


def _times_a_count(st: Interval, rec: Interval) -> tuple[Interval, str] | None:
    """A recomputed figure that is the stated one's kind times a count of one thing the stated figure does not count
    ("23 kWh * 5 runs": kWh·run, of a stated "115 kWh"; "23 kWh * 0.85 accuracy", a cell of a column kb reads no
    unit for), read as that many of it: (the figure without the count, the line saying so); None of any other,
    a figure over a count among them ("23 kWh / 5 runs" stays per run)."""
    counted_rec, counted_st = counted_things(rec.unit, items=True), counted_things(st.unit, items=True)
    extra = {n: p - counted_st.get(n, 0) for n, p in counted_rec.items() if p != counted_st.get(n, 0)}
    if len(extra) != 1 or next(iter(extra.values())) != 1:
        return None
    (name,) = extra
    unit = rec.unit / registry().Unit(name)
    if unit.dimensionality != st.unit.dimensionality:
        return None
    word = "items" if name == "item" else name
    return (Interval(rec.lo, rec.nominal, rec.hi, unit, written=rec.written),
            f"read the count of {word} as how many: {rec.unit_text} is {format_unit(unit)} for each of them")


def _stated_name(stated: str, resolve: Callable[[str], "Interval | str"]) -> str | None:
    """Why a stated figure that is a name alone ("Page99.pages_s", a claim or a [units] name) is no figure, and
    what to write instead; None of any other. The stated side is the figure as the note writes it, a number first
    ("950 charge_v1"): a claim compared with a recomputation goes in the expression, its figure in `stated`."""
    name = stated.strip()
    if not name:
        return None
    try:
        value = resolve(name)
    except (KBError, LookupError):
        return None
    written = value if isinstance(value, str) else getattr(value, "written", None)
    figure = f" (its figure: {written!r})" if written else ""
    return (f"stated figure: {name!r} is the name of a figure{figure}, not a figure: write `stated` as the note "
            f"writes it, a number first, and name {name} in `expr` to recompute it")


def _overlap(rec: Interval, st: Interval) -> bool:
    """Whether the recomputed interval and the stated one share more than the edge where one figure's rounding
    ends and the other's begins: "1.3e6" (1.25e6 … 1.35e6) restating "1.2 million" (1.15e6 … 1.25e6) touches it
    only there, one last digit off, and fails; an exact figure on a stated one's edge still passes."""
    lo, hi = max(rec.lo, st.lo), min(rec.hi, st.hi)
    if lo > hi:
        return False
    if rec.lo == rec.hi or st.lo == st.hi:
        return True
    return hi - lo > 1e-9 * max(abs(lo), abs(hi), abs(rec.hi - rec.lo), abs(st.hi - st.lo))


#: A stated share of a whole: "100 %", "100 percent", "about 100 %".
_WHOLE = lazy(rf"(?i)\s*(?:[~≈]\s*)?{_ABOUT_WORDS}100(?:\.0*)?\s*(?:%|per\s?cent)\s*$")


def _the_whole(figure: str, tree: object) -> bool:
    """Whether a stated figure is the whole ("100 %") a sum of shares ("22 % + 3 % + 65 % + 4 %") makes up: where
    the parts are printed it is exact, their rounding all the room there is. Read as a round power of ten, 95 … 150 %,
    the four shares' 94 % (92 … 96 %) reached it, their roundings stacked beyond anything the printed parts give."""
    return _WHOLE.match(figure) is not None and _top_op(tree) == "+"


#: A share printed as a whole number of percent with trailing zeros: "40 %", "10%".
_ROUND_SHARE = lazy(r"\s*(?P<n>[1-9]\d*0)\s*(?:%|per\s?cent)\s*$")


def _parts_of_a_whole(resolve: Callable[[str], "Interval | str"], units: UserUnits | None
                      ) -> Callable[[str], "Interval | str"]:
    """`resolve`, but a part of a whole printed in whole percent with trailing zeros ("40 %" beside "7 %", "38 %"
    and "13 %") within half a unit of its last digit, as its neighbours are: read as 35 … 45 %, Germany's 98 % of
    four shares reached a whole of 100 %."""
    def parts(name: str) -> "Interval | str":
        value = resolve(name)
        written = value if isinstance(value, str) else value.written
        if not written or _ROUND_SHARE.match(written) is None:
            return value
        iv = value if isinstance(value, Interval) else Interval.from_written(value, units=units)
        digits = _ROUND_SHARE.match(written)["n"]
        half = (iv.hi - iv.lo) / 2
        unit = half / 10 ** (len(digits) - len(digits.rstrip("0")))
        if iv.is_exact or unit >= half:
            return value
        return Interval(iv.nominal - unit, iv.nominal, iv.nominal + unit, iv.unit, written=iv.written)
    return parts


def _run_check(id: str, stated: str, expr: str, resolve: Callable[[str], "Interval | str"],
               tolerance: str | None = None, *, known: Iterable[str] | None = None,
               units: UserUnits | None = None) -> CheckResult:
    lines: list[str] = []

    def error(message: str, st: Interval | None = None,
              rec: Interval | None = None) -> CheckResult:
        lines.append(f"error: {message}")
        return CheckResult(id, stated, expr, ERROR, st, rec, None, message, lines, tolerance)

    try:
        words = _figure_words(stated)
    except KBError as exc:
        return error(f"stated figure: {exc}")
    given = words[1] if words is not None else None
    said = words[0] if words is not None and given is None else stated    # "fivefold" read as "5-fold"
    bound = None if given is not None else _stated_bound(said)
    narrowed = ranged = False
    factor_st = None
    try:
        change = _percent_change(said) if given is None and bound is None else None
        if given is None and bound is not None:     # "over 600 % more": a bound on a percent change
            t = " ".join(said.split()).lstrip("~≈ ")
            change = _percent_change(t[bound_of(t)[1]:])
            if change is not None and change.nominal < 0:   # "over 45 % lower": a change under -0.45
                bound = ("upper" if bound[0] == "lower" else "lower", bound[1])
    except KBError as exc:
        return error(f"stated figure: {exc}")
    if change is not None:      # "45 % less": a change, or a ratio of 1 - 0.45, as the expression computes
        given = change
    try:        # "an order of magnitude", "a third": the interval its words say
        st = given if given is not None else Interval.from_written(_stated_figure(said), units=units)
    except KBError as exc:
        return error(_difference_in_words(stated, said) or _stated_name(stated, resolve)
                     or f"stated figure: {exc}")
    if bound is not None:       # "over 500 t": the bound's number itself, exactly
        st = Interval(st.nominal, st.nominal, st.nominal, st.unit, written=st.written)
    elif given is None:
        figure = _stated_figure(said)
        narrowed_st = _round_power_of_ten(figure, st)
        narrowed, ranged, st = narrowed_st is not st, _is_range(figure, narrowed_st), narrowed_st
        factor_st = _factor_range_within(figure, st) if ranged else _factor_within(said, st)
        if factor_st is not None:
            st = factor_st
    if given is None and _fewer(said):      # "12 times less": 1/12, its precision carried
        try:
            st = Interval.exact(1.0).divide(st)
        except KBError as exc:
            return error(f"stated figure: {exc}")
        if bound is not None:   # "more than 10 times less": a share under 1/10, the bound's side turned
            bound = ("upper" if bound[0] == "lower" else "lower", bound[1])
        lines.append(f"stated {stated.strip()}: a factor fewer, read as its reciprocal")
    precision = "as its words read, said below" if given is not None else _precision_of(st, said, narrowed, ranged)
    if given is None and bound is None and ranged and factor_st is not None:
        precision = (f"a range of factors, from its first figure to its second, each end within half a unit of its "
                     f"last printed digit and never wider than {FACTOR_WITHIN * 100:g} % of it")
    if given is None and bound is None and not ranged and factor_st is not None:
        precision = (f"-{format_number(st.nominal - st.lo)} +{format_number(st.hi - st.nominal)}: a factor, within "
                     f"its last printed digit's half unit and never wider than {FACTOR_WITHIN * 100:g} % of it")
    if bound is not None:
        precision = f"a{'n upper' if bound[0] == 'upper' else ' lower'} bound, {'not ' if bound[1] else ''}itself included"
    precision_line = f"{st.describe()} ({precision})"
    lines.append(f"stated {stated.strip()} = {precision_line}")
    read = None
    if tolerance is not None:
        try:
            read = _read_tolerance(tolerance, units)
            _tolerance(tolerance, read, st, units)      # "0.1 kg" or "0.05" of a figure in kWh, "5 %%": never applies
        except KBError as exc:
            return error(f"tolerance: {exc}", st)
    try:
        tree = parse(expr, units=units)
    except KBError as exc:
        return error(str(exc), st)
    lines.append(f"expression: {tree}")
    whole = bound is None and given is None and not ranged and factor_st is None and _the_whole(_stated_figure(said), tree)
    if whole:       # "100 %" of 22 % + 3 % + 65 % + 4 %: the whole its printed parts make up, exactly
        st = Interval(st.nominal, st.nominal, st.nominal, st.unit, written=st.written)
        lines[lines.index(f"stated {stated.strip()} = {precision_line}")] = (f"stated {stated.strip()} = {st.describe()} (exact: a whole, the sum of the shares it is made of, "
                    "which reaches it only within their rounding, never at its edge)")
    trace: list[str] = []
    try:
        rec = evaluate(tree, _parts_of_a_whole(resolve, units) if whole else resolve, known=known, trace=trace,
                       units=units)
    except KBError as exc:
        lines.extend(trace)
        return error(str(exc), st)
    lines.extend(trace)
    if not trace:
        lines.append(f"{tree} = {rec.describe()}")
    if change is not None:
        judged = _judged_change(stated, change, tree)
        if isinstance(judged, str):
            return error(judged, st, rec)
        st = judged[0]
        if bound is not None:   # "over 600 % more": the bound's change itself, exactly
            st = Interval(st.nominal, st.nominal, st.nominal, st.unit, written=st.written)
        lines.append(judged[1])
    kind = _difference_or_factor(stated, said, tree)
    if kind is not None:        # "45x" of 100 - 55: a difference is no factor, however near its figure
        return error(kind, st, rec)
    if st.unit == registry().Unit("percentage_point") and _a_ratio(tree) and rec.unit != st.unit:
        # "-44 pp" of (9 % - 16 %) / 16 %: points are a difference of two percentages, never a percent change
        try:
            ratio = f" ({format_number(rec.to(registry().dimensionless, units).nominal * 100)} %)"
        except KBError:
            ratio = ""
        return error(f"unit mismatch: stated {stated.strip()} is in percentage points, a difference of two "
                     f"percentages, but the expression gives a ratio{ratio}, a "
                     "percent change: state it in %, or recompute the difference", st, rec)
    counted_st, counted_rec = counted_things(st.unit), counted_things(rec.unit)
    if counted_st != counted_rec and st.unit.dimensionality == rec.unit.dimensionality and not any(
            "item" in unit_powers(u) for u in (st.unit, rec.unit)):
        # "2 Wh/query" of 2,000 Wh / 1,000 tokens: kb's counted things share one dimension, never one for one
        things = ", ".join(n for n in dict.fromkeys([*counted_st, *counted_rec])
                           if counted_st.get(n) != counted_rec.get(n))
        return error(f"unit mismatch: stated {stated.strip()} is in {st.unit_text} but the expression gives "
                     f"{rec.unit_text}, of another counted thing ({things}): kb never takes one for the other", st, rec)
    each = _times_a_count(st, rec) if rec.unit.dimensionality != st.unit.dimensionality else None
    if each is not None:        # "115 kWh" of 23 kWh * 5 runs: 23 kWh for each of 5, a count kb read of a cell
        rec = each[0]
        lines.append(each[1])
    try:
        rec_s = rec.to(st.unit, units)
    except UnitMismatch as exc:
        points = _BARE_POINTS.search(stated)
        if points is not None and _a_share(rec, units):
            # "-7 points" of 9 % - 16 %: points of a percentage are percentage points, where they were a count
            again = _run_check(id, stated[:points.start()] + " pp", expr, resolve, tolerance, known=known, units=units)
            again.stated = stated
            again.explanation.insert(0, f"read {points.group(0).strip()!r} as percentage points: the expression "
                                        "gives a share")
            return again
        unknown = _unknown_unit(_stated_figure(said), units)
        in_words = _difference_in_words(stated, said) if unknown is not None else None
        if in_words is not None:    # "45 fewer" of 100 - 55: no unit 'fewer' to define
            return error(in_words, st, rec)
        if unknown is not None:     # "284 frobnitz": no count of anything, a unit the writer did not define
            gives = exc.src_dim if exc.src_dim == exc.src else f"{exc.src_dim} ({exc.src})"
            example = "<how much one is, with its unit>" if exc.src == exc.src_dim else f"<how much one is> {exc.src}"
            return error(f"unit mismatch: stated {stated.strip()} is in {unknown!r}, a unit kb does not know, but "
                         f"the expression gives {gives}: define it in the [units] table of claims/checks.toml "
                         f"({unknown} = \"{example}\"), or write a unit kb knows", st, rec)
        msg = (f"unit mismatch: stated {stated.strip()} is {exc.dst_dim} ({exc.dst}) but "
               f"the expression gives {exc.src_dim} ({exc.src})")
        counted = _counted_input(tree, resolve, units)
        if counted is not None:     # "12 zorbs" of a claim edited by hand: read as a count, a unit never defined
            name, written, word = counted
            return error(f"{msg}: {name} is written {written!r}, and {word!r} is no unit kb knows, so it was read "
                         f"as a count of {word}: if it is a unit, define it in the [units] table of claims/checks.toml "
                         f"({word} = \"<how much one is> {exc.dst}\"), or write a unit kb knows", st, rec)
        hint = _mismatch_hint(st, rec)
        return error(msg + (f"; {hint}" if hint else ""), st, rec)
    except KBError as exc:
        return error(str(exc), st, rec)
    if rec_s.unit != rec.unit or rec_s != rec:
        lines.append(f"in the stated unit: {rec_s.describe()}")
    rel = rec_s.rel_diff(st)
    st_lo, st_nom, st_hi = format_bounds(st.lo, st.nominal, st.hi)
    rec_lo, _, rec_hi = format_bounds(rec_s.lo, rec_s.nominal, rec_s.hi)
    st_text = f"{st_lo} … {st_hi}"
    rec_text = f"{rec_lo} … {rec_hi}"
    if bound is not None:
        return _judge_bound(id, stated, expr, st, rec_s, rel, bound, rec_text, lines, tolerance, read, units)
    overlap = _overlap(rec_s, st) if not whole or rec_s.is_exact else rec_s.lo < st.nominal < rec_s.hi
    both = _both_volumes(stated, st) if overlap else None
    if overlap and both is not None:      # "1 gallon" of 4.546 L: a US gallon and an imperial one both pass
        return error(both, st, rec_s)
    if overlap:
        how = "contains" if rec_s.lo <= st.nominal <= rec_s.hi else "overlaps"
        lines.append(f"compare: recomputed {rec_text} {how} the stated "
                     f"{st_nom} ({st_text}): pass; relative difference {_pct(rel)}")
        return CheckResult(id, stated, expr, PASS, st, rec_s, rel,
                           f"recomputed {rec_s.describe()} overlaps stated {st.describe()} "
                           f"({_pct(rel)})", lines, tolerance)
    within = False
    tol_note = ""
    if tolerance is not None and read is not None:
        try:
            amount, frac = _tolerance(tolerance, read, st, units)
        except KBError as exc:
            return error(f"tolerance: {exc}", st, rec_s)
        diff = abs(rec_s.nominal - st.nominal)
        if frac is not None:
            within = rel is not None and abs(rel) <= frac + 1e-12
        else:
            within = diff <= (amount or 0.0) * (1 + 1e-12)
        tol_note = (f"; within tolerance {tolerance}" if within
                    else f"; beyond tolerance {tolerance}")
    verdict = PASS if within else FAIL
    lines.append(f"compare: recomputed {rec_text} does not overlap the stated "
                 f"{st_nom} ({st_text}); relative difference {_pct(rel)}"
                 f"{tol_note}: {verdict}")
    msg = (f"recomputed {rec_s.describe()} does not overlap stated {st.describe()} "
           f"({_pct(rel)}){tol_note}")
    return CheckResult(id, stated, expr, verdict, st, rec_s, rel, msg, lines, tolerance)


def _judge_bound(id: str, stated: str, expr: str, st: Interval, rec_s: Interval, rel: float | None,
                 bound: tuple[str, bool], rec_text: str, lines: list[str], tolerance: str | None,
                 read: tuple[Interval, bool] | None, units: UserUnits | None) -> CheckResult:
    """The verdict on a stated bound ("over 500 tCO2e", "< 2 %"): it passes when the recomputed value is
    past the bound on its side (at it, for "at least", "up to", "≤") and so is its interval, or is within
    the tolerance of the bound; an interval that reaches past only by the rounding of its inputs ("over 4
    times" of 0.007 / 0.002, 3.5 with 2.6 … 5) is no pass."""
    side, strict = bound
    b = st.nominal
    eps = abs(b) * 1e-9
    n = rec_s.nominal
    if side == "lower":
        reaches = rec_s.hi > b or (not strict and rec_s.hi >= b)
        holds = reaches and n >= b - eps
        word = "above" if strict else "at or above"
    else:
        reaches = rec_s.lo < b or (not strict and rec_s.lo <= b)
        holds = reaches and n <= b + eps
        word = "below" if strict else "at or below"
    edge = reaches and not holds    # "over 4 times" of 3.5 (2.6 … 5): only the inputs' rounding reaches past
    shown = f"{format_bounds(b, b, b)[1]}{' ' + st.unit_text if st.unit_text else ''}"
    tol_note = ""
    if not holds and tolerance is not None and read is not None:
        try:
            amount, frac = _tolerance(tolerance, read, st, units)
        except KBError as exc:
            lines.append(f"error: tolerance: {exc}")
            return CheckResult(id, stated, expr, ERROR, st, rec_s, None, f"tolerance: {exc}", lines, tolerance)
        if frac is not None:
            holds = rel is not None and abs(rel) <= frac + 1e-12
        else:
            holds = abs(rec_s.nominal - b) <= (amount or 0.0) * (1 + 1e-12)
        tol_note = f"; within tolerance {tolerance}" if holds else f"; beyond tolerance {tolerance}"
    verdict = PASS if holds else FAIL
    said = "is" if holds and not tol_note else "is not"
    lines.append(f"compare: recomputed {rec_text} {said} {word} the stated bound {shown}; "
                 f"relative difference {_pct(rel)}{tol_note}: {verdict}")
    msg = f"recomputed {rec_s.describe()} {said} {word} stated bound {shown} ({_pct(rel)}){tol_note}"
    if edge and not holds:
        why = ("; only the rounding of its inputs reaches past the bound, its value does not: state the value "
               "it gives, or a bound it passes")
        msg += why
        lines[-1] = lines[-1] + why
    return CheckResult(id, stated, expr, verdict, st, rec_s, rel, msg, lines, tolerance)


def format_line(result: CheckResult) -> str:
    """One line per check: id, stated, recomputed nominal, interval, relative difference,
    the inputs that rest on an unverified claim (if any), verdict."""
    mark = f"  [UNVERIFIED input: {', '.join(result.unverified)}]" if result.unverified else ""
    mark += f"  [NO TEXT input: {', '.join(result.no_text)}]" if result.no_text else ""
    mark += "".join(f"  [{r}]" for r in result.readings)
    if result.carried_by is not None:
        named, alone = result.carried_by
        mark += f"  [passes only by the rounding of {(' or ' if alone else ' and ').join(named)}]"
    if result.verdict == ERROR or result.recomputed is None:
        return f"{result.id}  stated {result.stated}  {result.message}{mark}  {result.verdict}"
    r = result.recomputed
    unit = f" {r.unit_text}" if r.unit_text else ""
    lo, nom, hi = format_bounds(r.lo, r.nominal, r.hi)
    return (f"{result.id}  stated {result.stated}  recomputed {nom}{unit}  "
            f"[{lo} … {hi}]  {_pct(result.rel_diff)}{mark}  {result.verdict}")


def explain(result: CheckResult) -> list[str]:
    """Step by step: the stated interval, each name with its precision, each operation's
    interval, the conversion to the stated unit, and the comparison."""
    return list(result.explanation)
