"""Finding numbers with units in page text: the candidates of `kb claims extract`.

The page text is pypdf's, with its artefacts kept ("0 .954", "$3,20 1,722",
"tCO 2 e", triple spaces, "𝐶𝑂2𝑒𝑞" in math letters, a unit and its number on two
lines). Offsets of a candidate point into the original page string, so a person
can see exactly what was read.

What is a candidate:
- a number followed by a unit kb knows ("1,287 MWh", "0.022\\nkWh", "9%",
  "3.14E+23 FLOPs", "1.0 × 10−4 kWh", "$3,201,722", "18.7X", "15 times");
- a range with its unit ("21 to 78 metric tons", "80-90%", "0.06-2.9 kWh",
  "between 0.002 and 0.007 kWh", "$0.43–$0.74/hr", "~37M–58M tCO 2 e");
- a table cell whose row label names the unit ("Energy Consumption (MWh) ... 1,287",
  "Gross tCO 2 e for Model Training 3.2 ..."), or whose column header line does
  ("inference energy (kWh)" above "text classification 0.002 0.001");
- a coefficient in an equation, "CO2e = 0 .954pt" (unit "dimensionless": the
  equation's variables carry the unit, a person must say which).

Not candidates: bare numbers, years (unless the unit is energy, mass, money,
percent or computation), citation numbers ("[51]"), numbers after "Table",
"Fig.", "Section", "Eq.", page numbers, numbers inside names ("GPT-3", "P100x8",
"BLOOMz-560M"), negative numbers. Tables whose header names several columns on
one line ("Power (W) Hours kWh·PUE CO2e") are not split into columns: those cells
are missed, see benchmarks/claims.py.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Any, Iterable

from kb.errors import KBError
from kb.quantities.interval import EXPONENT, MANTISSA, read_number
from kb.quantities.units import dimension_name, format_unit, parse_unit
from kb.text.lazyre import lazy

# ---------------------------------------------------------------- patterns

_NUM = lazy(
    rf"(?P<sign>(?!))?(?P<cur>US\$|\$|€|£)?[ ]?"
    rf"(?P<mant>{MANTISSA})(?P<exp>{EXPONENT}|(?<=10)\^[+\-−]?\d+)?"
    rf"(?P<scale>(?:k|K|M|B|bn)(?![A-Za-z0-9])|[ ](?:thousand|million|billion|trillion)\b)?")
# Where a number may start: a digit or a currency sign.
_START = lazy(r"US\$|[$€£]|\d")

_CO2 = r"(?:C\s?O\s?2(?:\s?e(?:q)?)?|𝐶𝑂\s?2\s?(?:𝑒𝑞?)?)(?![A-Za-z0-9])"
_MASS = (r"(?:metric\s+tonnes?|metric\s+tons?|short\s+tons?|tonnes?|tons?|kilograms?|grams?"
         r"|pounds?|lbs?|kgs?|kg|Mt|Gt|kt|g|t)")
_MASS_UNIT = rf"{_MASS}(?:\s{{0,3}}(?:of\s*)?(?:\({_CO2}\)|{_CO2})|(?![A-Za-z]))"
_ENERGY = (r"(?:(?:[kKMGTP]?[Ww][Hh]|(?i:(?:kilo|mega|giga|tera|peta)?watt[-\s]?hours?)"
           r"|[kMG]?J|(?i:(?:kilo|mega|giga)?joules?)|[kKMGT]?W|(?i:(?:kilo|mega|giga)?watts?))"
           r"(?![A-Za-z]))")
_TIME = (r"(?:(?i:hours?|hrs?|days?|weeks?|months?|years?|yrs?|minutes?|mins?|seconds?|secs?)"
         r"(?![A-Za-z])|h(?![A-Za-z]))")
# "8 NVIDIA P100 GPUs", "32 TPUv3 chips": up to three maker or model words may stand
# between the number and the device.
_DEVICE_MODEL = (r"(?:(?:NVIDIA|Nvidia|Tesla|GTX|RTX|Titan|[A-Z][\w-]*\d[\w-]*|\d{3,4})"
                 r"(?:[ \t]+|[ \t]*\n[ \t]*)){1,3}")
_DEVICE_MODEL_RE = lazy("^" + _DEVICE_MODEL)
_DEVICE = (rf"(?:{_DEVICE_MODEL})?"
           r"(?:(?i:(?:GPU|TPU|chip|accelerator)s?(?:[-\s](?:hours?|hrs?|days?|years?))?)"
           r"(?![A-Za-z]))")
_FLOP = (r"(?:(?i:(?:peta|tera|giga|exa|[ptge])?flops?/s[-\s]?days?|pfs?[-\s]days?"
         r"|(?:peta|tera|giga|exa|[ptge])?flops?(?:\s?/\s?s(?:ec(?:ond)?)?)?"
         r"|floating[-\s]point\s+operations?)(?![A-Za-z]))")
_PCT = r"(?:%|(?i:percent|per\s?cent)(?![A-Za-z]))"
_MONEY = r"(?:(?:USD|EUR|GBP)(?![A-Za-z])|(?i:dollars?|euros?)(?![A-Za-z]))"
_COUNT = (r"(?:(?i:inferences?|queries|query|images?|generations?|requests?|predictions?"
          r"|samples?|prompts?|tokens?|parameters?|steps?)(?![A-Za-z]))")
_LENGTH = r"(?:(?i:miles?|km)(?![A-Za-z]))"
_RATIO = r"(?:[xX×](?![A-Za-z0-9])|times(?![A-Za-z])|(?i:fold)(?![A-Za-z]))"

_DENOM = rf"(?:{_ENERGY}|{_DEVICE}|{_TIME}|{_COUNT}|{_MASS_UNIT})"
_RATE = rf"(?:\s{{0,3}}(?:/|per\s+)\s{{0,2}}{_DENOM})"

# Order matters: longer and more specific first.
_UNIT_ALTS = [
    ("co2e_or_mass", _MASS_UNIT), ("flop", _FLOP), ("device", _DEVICE), ("energy", _ENERGY),
    ("percent", _PCT), ("money", _MONEY), ("count", _COUNT), ("time", _TIME),
    ("length", _LENGTH), ("ratio", _RATIO),
]
_UNIT_BODY = "|".join(f"(?P<{n}>{p})" for n, p in _UNIT_ALTS)
# A unit after a number: up to four spaces or a line break between them (pypdf).
# One modifier may stand between a number and its unit: "3.2 net tCO2e", "600B total
# parameters", "979M training steps", "10 new tokens".
_MODIFIER = r"(?:(?:net|gross|total|training|new)[ \t]+)"
_UNIT_AFTER = lazy(rf"(?P<gap>[ \t]{{0,4}}\n?[ \t]{{0,4}}){_MODIFIER}?"
                         rf"(?P<unit>(?:{_UNIT_BODY}){_RATE}?)")
_RATE_AFTER = lazy(rf"(?P<unit>{_RATE})")
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
    kind: str = "quantity"  # quantity | range | table | coefficient

    @property
    def written(self) -> str:
        """Number and canonical unit, readable by Interval.from_written."""
        unit = "" if self.unit == "dimensionless" else self.unit
        number = re.sub(r"US\$|[$€£]", "", self.number)
        return f"{number} {unit}".strip()


# ---------------------------------------------------------------- units

@functools.lru_cache(maxsize=2048)
def _canonical(unit_text: str, currency: str | None = None) -> str | None:
    """Canonical spelling of a unit as written, or None if kb cannot read it."""

    text = " ".join(unit_text.split())
    if currency:
        text = f"{currency} {text}" if text.startswith(("/", "per")) else (text or currency)
    try:
        unit = parse_unit(text)
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
    return " ".join(text.split())


def _sentence(page: str, bounds: list[int], start: int, end: int) -> str:
    i = bounds[bisect.bisect_right(bounds, start) - 1]
    k = bisect.bisect_right(bounds, end)
    j = bounds[k] if k < len(bounds) else len(page)
    if start - i > _MAX_SENTENCE:
        i = page.rfind("\n", 0, start) + 1
    if j - end > _MAX_SENTENCE:
        nl = page.find("\n", end)
        j = len(page) if nl < 0 else nl
    return _collapse(page[i:j])


# ---------------------------------------------------------------- extraction

def _starts_cleanly(page: str, pos: int) -> bool:
    """A number may not continue a word or another number ("GPT-3", "P100x8", "[51]")."""
    if pos == 0:
        return True
    prev = page[pos - 1]
    if prev.isalnum() or prev in "._-–−^/[+,'’&#":
        return False
    if prev in " \t" and pos >= 2 and page[pos - 2] == "[":
        return False
    return not _EXCLUDE_BEFORE.search(page, max(0, pos - 14), pos)


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
    for number, page in enumerate(pages, start=1):
        out.extend(_extract_page(page, number, user_re, names))
    return out


def _extract_page(page: str, page_no: int, user_re: re.Pattern[str] | None,
                  names: list[str]) -> list[Candidate]:
    found: list[Candidate] = []
    bounds: list[int] | None = None
    consumed = 0
    pending: list[tuple[int, int, str, float, str, float | None, float | None, str, str]] = []

    for sm in _START.finditer(page):
        pos = sm.start()
        if pos < consumed or not _starts_cleanly(page, pos):
            continue
        m = _NUM.match(page, pos)
        if m is None:
            continue
        consumed = m.end()
        if m.group("mant").startswith(".") or m.group("mant").endswith(" "):
            continue
        if page.startswith("]", m.end()):
            continue  # "[51]": a citation
        try:
            first = read_number(m)
        except KBError:
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
        if rs is not None:
            sep = rs.group(0).strip()
            ok_sep = sep != "and" or page[max(0, pos - 9):pos].rstrip().lower().endswith("between")
            m2 = _NUM.match(page, rs.end()) if ok_sep else None
            if m2 is not None and (pct is None or _PCT_ATTACHED.match(page, m2.end())):
                try:
                    second = read_number(m2)
                except KBError:
                    second = None
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
        if um is None:
            # A coefficient in an equation: "CO2e = 0 .954pt".
            before = page[max(0, pos - 4):pos].rstrip()
            if (before.endswith("=") and second is None and end < len(page)
                    and (page[end].isalpha() or page[end] == "(")):
                pending.append((pos, end, number_text, float(first.value), "dimensionless",
                                None, None, "", "coefficient"))
            continue
        unit_kind, unit_text, unit_end = um
        if unit_kind == "user":
            canon = _user_unit_name(unit_text, names)
        elif unit_kind == "device":
            canon = _canonical(_DEVICE_MODEL_RE.sub("", unit_text.strip()).strip(), cur)
        else:
            canon = _canonical(unit_text, cur)
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
        pending.append((pos, unit_end, number_text, value, canon, low, high,
                        unit_text.strip(), kind))

    pending.extend(_table_cells(page, pending))
    pending.extend(_column_cells(page, pending))
    pending.sort(key=lambda c: c[0])
    for (start, end, num, value, unit, low, high, unit_text, kind) in pending:
        if bounds is None:
            bounds = _sentence_bounds(page)
        found.append(Candidate(
            page=page_no, start=start, end=end, number=num, value=value, unit=unit,
            low=low, high=high,
            sentence=(_line(page, start) if kind == "table"
                      else _sentence(page, bounds, start, end)),
            context=_collapse(page[max(0, start - 60):min(len(page), end + 60)]),
            unit_text=unit_text, kind=kind))
    return found


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
    return m.group(0)[len(m.group("cur") or ""):].strip()


def _range_text(m1: re.Match[str], sep: str, m2: re.Match[str]) -> str:
    """"0.06-2.9", "21 to 78", "1.46–2.40": both numbers as written, units left out."""
    sep = " ".join(sep.split())
    if sep.isalpha():
        sep = f" {sep} "
    return f"{_num_text(m1)}{sep}{_num_text(m2)}"


def _match_unit(page: str, pos: int, user_re: re.Pattern[str] | None,
                currency: str | None, start: int | None = None
                ) -> tuple[str, str, int] | None:
    """(unit kind, unit as written, end) of the unit right after a number, if any."""
    if currency:
        r = _RATE_AFTER.match(page, pos)
        if r is not None:
            return "money", r.group("unit"), r.end()
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
        prev = page[max(0, pos - 40):pos].split()
        if len(prev) >= 2 and re.fullmatch(r"[A-Z]{2,}\d*", prev[-2]):
            return None  # "GTX 1080 GPUs": a model number
    if kind == "ratio" and (gap.strip(" \t") or len(gap) > 1):
        return None  # "18.7X", "15 times": a ratio sign sits next to its number
    if kind == "percent" and len(gap) > 1 and u.group("percent").startswith("%"):
        return None  # "%" alone after a gap is a table's next column
    return kind, u.group("unit"), u.end()




def _after_cell(page: str, start: int) -> bool:
    """Whether the number starting at `start` follows another number on its line."""
    i = page.rfind("\n", 0, start) + 1
    parts = page[i:start].split()
    return bool(parts) and _CELL_RE.fullmatch(parts[-1]) is not None


def _line(page: str, pos: int) -> str:
    i = page.rfind("\n", 0, pos) + 1
    j = page.find("\n", pos)
    return _collapse(page[i:len(page) if j < 0 else j])


# ---------------------------------------------------------------- table rows

_CELL_RE = lazy(rf"(?:{MANTISSA})(?:{EXPONENT})?%?|--|—|N/A")
_TOKEN_RE = lazy(r"\S+")
# A unit named in a row label: in parentheses ("(MWh)", "(TDP in Watts)"), or one of
# the units that do not double as ordinary words ("Gross tCO 2 e for Model Training").
_LABEL_PAREN = lazy(r"\((?:[^()\d]*?\bin\s+)?(?P<u>[^()\d][^()]*?)\)")
_LABEL_STRONG = lazy(
    rf"(?<![\w.])(?P<u>(?:t|kg|g|Mt|lbs?){_CO2}|(?:[kMGT]?Wh|[kKMGT]W[hH]|MWh|kWh|TWh|GWh)"
    rf"(?![A-Za-z])|(?i:GPU[-\s]hours?|TPU[-\s]hours?)|USD|EUR)")


def _label_unit(label: str) -> tuple[str, str] | None:
    """(unit as written, canonical unit) named by a table row label, if exactly one."""
    for m in _LABEL_PAREN.finditer(label):
        text = _collapse(m.group("u"))
        head = re.match(r"[^\s]+(?:\s+(?:of\s+)?[^\s]+)?", text)
        for cand in (text, head.group(0) if head else "", text.split()[0] if text else ""):
            if not cand or not _UNIT_ONLY.match(cand):
                continue
            if re.search(_CO2, label) and re.match(r"(?:kg|g|t|lbs?)/", cand):
                cand = re.sub(r"^(kg|g|t|lbs?)/", r"\1 CO2e/", cand)
            canon = _canonical(cand)
            if canon is not None and canon != "dimensionless":
                return cand, canon
    dev = re.search(r"(?i)\bnumber\s+of\s+(chips|gpus|tpus|accelerators)\b", label)
    if dev is not None:
        return dev.group(1), _canonical(dev.group(1)) or "accelerator"
    for m in _LABEL_STRONG.finditer(label):
        if re.search(r"\d\s*$", label[:m.start()]):
            continue  # "(284 tCO2e)": a figure, not a unit for the row
        canon = _canonical(m.group("u"))
        if canon is not None:
            return m.group("u"), canon
    return None


_UNIT_ONLY = lazy(rf"(?:{_UNIT_BODY})(?:{_RATE})?(?:\s*/\s*(?:{_DENOM}))?$")


def _table_cells(page: str, taken: list[tuple]) -> list[tuple]:
    """Cells of table rows whose label names their unit; cells already read are skipped.

    A row is a line ending in two or more cells (numbers, "--", "N/A") after a label
    with letters in it; the cells are found from the end of the line, so the cost
    is linear in the line.
    """
    spans = sorted((c[0], c[1]) for c in taken)
    starts = [s for s, _ in spans]
    out: list[tuple] = []
    line_start = 0
    n = len(page)
    while line_start < n:
        nl = page.find("\n", line_start)
        line_end = n if nl < 0 else nl
        tokens = list(_TOKEN_RE.finditer(page, line_start, line_end))
        k = len(tokens)
        while k > 0 and _CELL_RE.fullmatch(tokens[k - 1].group(0)):
            k -= 1
        if len(tokens) - k >= 2 and k > 0:
            label = page[line_start:tokens[k].start()]
            lu = _label_unit(label) if any(c.isalpha() for c in label) else None
            if lu is not None:
                unit_text, canon = lu
                for tok in tokens[k:]:
                    cell = tok.group(0)
                    if cell.endswith("%") or not cell[0].isdigit():
                        continue
                    s, e = tok.start(), tok.end()
                    j = bisect.bisect_right(starts, s) - 1
                    if j >= 0 and spans[j][1] > s:
                        continue
                    m = _NUM.match(page, s)
                    if m is None or m.end() != e:
                        continue
                    try:
                        num = read_number(m)
                    except KBError:
                        continue
                    out.append((s, e, cell, float(num.value), canon, None, None,
                                unit_text, "table"))
        line_start = line_end + 1
    return out


# ---------------------------------------------------------------- column headers

_HEADER_UNIT = lazy(r"\((?P<u>[^()\d]+)\)\s*$")
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
    text = _collapse(m.group("u"))
    if re.search(_CO2, line) and re.fullmatch(r"(?:kg|g|t|lbs?|tons?)", text):
        text = f"{text} CO2e"
    canon = _canonical(text)
    if canon is None or canon == "dimensionless":
        return None
    if dimension_name(parse_unit(canon)) not in _HEADER_DIMENSIONS:
        return None
    return m.group("u"), canon


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


def _column_cells(page: str, taken: list[tuple]) -> list[tuple]:
    """Cells of the rows under a header line that names their unit.

    "inference energy (kWh)" / "task mean std" / "text classification 0.002 0.001" ...:
    rows follow the header (one line without cells may sit between, like a column
    title or a group title), all with the same number of cells; a caption ("Table 2.")
    or two lines that are not rows end the table.
    """
    spans = sorted((c[0], c[1]) for c in taken)
    starts = [s for s, _ in spans]
    bounds: list[tuple[int, int]] = []
    pos = 0
    while pos <= len(page):
        nl = page.find("\n", pos)
        end = len(page) if nl < 0 else nl
        bounds.append((pos, end))
        pos = end + 1
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
            cells = _row_cells(page, ls, le)
            if cells is None or (width is not None and len(cells) != width):
                misses += 1
                i += 1
                continue
            width = len(cells)
            misses = 0
            for tok in cells:
                cell = tok.group(0)
                if cell.endswith("%") or not cell[0].isdigit():
                    continue
                s0, e0 = tok.start(), tok.end()
                j = bisect.bisect_right(starts, s0) - 1
                if j >= 0 and spans[j][1] > s0:
                    continue
                m = _NUM.match(page, s0)
                if m is None or m.end() != e0:
                    continue
                try:
                    num = read_number(m)
                except KBError:
                    continue
                out.append((s0, e0, cell, float(num.value), canon, None, None, unit_text,
                            "table"))
            i += 1
    return out
