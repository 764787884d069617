"""Normalisation of page text and quotes for matching: the one place it is decided.

Page text is stored exactly as pypdf extracted it, and every offset kb records
points into that stored string. Matching, however, must see through what PDF
extraction does to text, so both the page text and a writer's quote are folded
into a *matching stream*, keeping for every stream character the offset of the
original character it came from.

What folding does, and why:

* Unicode NFKD with combining marks dropped, then ``casefold``: ligatures
  (``ﬁ`` → ``fi``), mathematical alphanumerics (``𝐶𝑂2𝑒𝑞`` → ``co2eq``),
  superscripts, full-width forms and accents all compare as plain letters.
* Curly, straight and prime quotes compare as ``'`` or ``"``; ``´`` and `````
  count as ``'``, but for an acute or grave accent set beside its letter (``Jos´e``, ``Montr´eal``,
  ``Andr`e``), which is dropped as the other spacing diacritics are; in a paper TeX set with
  spacing accents (``F¨arber``) every ``´`` and ``````` is an accent (``Ku´s``, ``Mitrovic´``).
* **All whitespace is removed.** pypdf puts spaces inside numbers (``0 .954``,
  ``$3,20 1,722``, ``CO 2``), triples them (Google-Docs PDFs), drops them
  between table cells (``Transformerbase``) and breaks lines anywhere. Without
  whitespace, all of these compare equal to what a person typed. Word and
  number boundaries are *not* lost: `Stream.gap` gives the original text
  between two stream characters, which the matcher uses to refuse a quote that
  starts or ends inside a word or a number.
* Hyphens and dashes are punctuation and are dropped, with two exceptions kept
  as ``-``: a hyphen or minus sign (``- ‐ ‑ − ﹣ －``) directly attached to the
  digit after it (a minus sign, ``-5``, ``GPT-3``; spaced from it, the minus sign ``−`` and
  an exponent's sign, ``5.8e − 3``), and any hyphen or dash between two numbers (a range:
  ``0.06-2.9``, ``0.06 – 2.9``, and one whose first bound has its unit or sign, ``5X–10X``, ``5%-10%``). An en or em dash (``‒ – — ―``) is never a
  minus sign: "models—40B parameters" compares equal to "models 40B
  parameters", and so does the "--" or "---" a writer glues to a word for one ("models--40B"). Dropping them makes line-break hyphenation
  (``compu-\\ntation``), compound words split across lines
  (``multi-\\npurpose``) and the same words written without the line break
  compare equal.
* Symbols a writer types in ASCII compare equal to them: ``×`` as ``x``,
  ``≤`` ``≥`` ``≠`` ``≪`` ``≫`` as ``<=`` ``>=`` ``!=`` ``<<`` ``>>`` (never ``<`` ``>``), ``+/-`` and ``+-`` as ``±``, ``->``
  ``<-`` ``=>`` as ``→`` ``←`` ``⇒`` (an arrow is never a comparison: "a > b" is not
  "a → b"), ``10^6`` and ``10^{-6}`` as ``10⁶`` ``10⁻⁶`` (a number's raised power is kept
  as printed, never its digits: "106" is not "10⁶"); ``∼``, ``≈`` and ``≃`` as ``~``, an operator
  ("x ∼ N(0, 1)" is not "x N(0, 1)"), and so is ``~`` where no letter touches it and any of them
  before a number (an approximation: "~150 million" is not "150 million"); a tilde glued to a
  letter ("Mu˜noz", "˜𝑥") is an accent, dropped.
* Characters that print the same compare the same: ``∗`` (U+2217) as ``*``,
  the increment sign ``∆`` as the Greek delta,
  the fraction and division slashes as ``/``, primes as quotes, full-width
  digits as digits, no-break and thin spaces as spaces.
* Soft hyphens, zero-width and other format/control characters are dropped, and
  so are list bullets (``•``, ``◦``, ``▪``, ...), which a writer quoting across
  the items of a list leaves out.
* Digits are never changed or dropped.
* What an old TeX font prints without a Unicode map is read as what it shows:
  its ``\\`` before a word a ``"`` closes as an opening quote mark and its
  ``{`` between words or numbers as an en dash (``\\importance"``, ``118{125``),
  and, in pypdf's text of a font whose glyphs are named by their characters,
  each name as its character (``matter/,``, ``/1/5/0``, ``/#5C``); a vertical bar no digit
  touches compares as the ``j`` its math font prints for it (``jFuj`` is ``|Fu|``).

A `Document` folds a paper once (O(n), using ``str.translate`` and one regular
expression, so the per-character work happens in C) and skips running headers,
footers, bare page numbers (alone or beside the authors' label, "2 Z. Shen et al.")
and arXiv stamps where they sit at page edges, so a sentence crossing a page break matches.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress

from kb.text.lazyre import lazy

__all__ = [
    "Folded",
    "Stream",
    "Document",
    "content_ranges",
    "fold",
    "normalise",
    "fold_char",
    "is_word_internal_gap",
    "mantissa_before",
    "CITATION_RE",
    "footnote_markers",
    "is_table_line",
    "table_lines_before",
    "APOSTROPHES",
    "typed_powers",
]

# Characters whose folding is decided here rather than by Unicode.
_SINGLE_QUOTES = "'‘’‚‛′‵´`ʹʻʼʽˈ"
#: What a writer or a paper prints for an apostrophe ("don't", "don’t", "donʼt", "don´t", "don`t",
#: "don′t"): every one folds to "'", so a word read for what it says (a negation's "n't") is read
#: alike whichever is typed.
APOSTROPHES = _SINGLE_QUOTES
_DOUBLE_QUOTES = '"“”„‟″‶«»〝〞＂'
_HYPHENS = "-‐‑‒–—―−﹣－⁃˗➖⸺⸻﹘"
# Of these, the ones that are a minus sign when attached to a digit; the others
# (figure, en, em dashes, bars) are only ever punctuation or a range.
_MINUS_LIKE = "-‐‑−﹣－˗➖"
# Zero-width and invisible characters pypdf and word processors leave behind.
_DROPPED = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e\u034f"
# Spacing diacritics that pypdf emits next to the letter they belong to
# ("Bal¨ azs"); they carry no meaning for matching. (´ is a quote, above.)
_SPACING_DIACRITICS = "¨ˆ˜¸ˇ˘˙˚˝˛¯^~"
# List bullets: a writer quoting across the items of a list leaves them out.
# (The middle dot "·" is not one: it may be a multiplication sign.)
_BULLETS = "•◦▪▫‣●○■□►▸▹➢➤❖✓✔"

_SPECIAL: dict[str, str] = {}
for _c in _SINGLE_QUOTES:
    _SPECIAL[_c] = "'"
for _c in _DOUBLE_QUOTES:
    _SPECIAL[_c] = '"'
for _c in _HYPHENS:
    _SPECIAL[_c] = "-"
_SPECIAL["∗"] = "*"   # asterisk operator: printed where a writer types "*"
_SPECIAL["⁎"] = "*"
_SPECIAL["⁄"] = "/"   # fraction slash
_SPECIAL["∕"] = "/"   # division slash
for _c in _DROPPED + _SPACING_DIACRITICS + _BULLETS:
    _SPECIAL[_c] = ""
_SPECIAL["ı"] = "i"  # dotless i: what "Loïc" often becomes in PDFs
_SPECIAL["ø"] = "o"
_SPECIAL["ł"] = "l"
_SPECIAL["đ"] = "d"
_SPECIAL["…"] = "..."
# Symbols a writer types in ASCII: "2 x 3" for "2 × 3", "<=" for "≤", "~5" for "∼5"
# or "≈5" ("~" is dropped as a spacing diacritic, so these are too); "+/-" for "±"
# is read by `_ascii_plus_minus`.
for _c in "×⨯✕":
    _SPECIAL[_c] = "x"
for _c in "∼≈≃":
    _SPECIAL[_c] = ""
_SPECIAL["≤"] = _SPECIAL["⩽"] = "<="
_SPECIAL["≥"] = _SPECIAL["⩾"] = ">="
_SPECIAL["≠"] = "!="
# Much less and much greater than, typed "<<" and ">>": never "<" or ">" ("a < b" is not "a ≪ b").
_SPECIAL["≪"] = "<<"
_SPECIAL["≫"] = ">>"
# The increment sign prints as the capital delta a paper means by it ("a ∆ = +2.3 point
# increase"); the micro and ohm signs fold to their Greek letters already (NFKD).
_SPECIAL["∆"] = "δ"
# Arrows fold to one arrow of their kind, never to a comparison: "a > b" is not "a → b", nor "A ≤ B"
# "A ⇐ B". A writer's "->", "<-", "=>", "<->", "<=>" is read as the arrow by `_ascii_arrows`.
for _c in "→⟶➔➝➞⭢":
    _SPECIAL[_c] = "→"
for _c in "←⟵⭠":
    _SPECIAL[_c] = "←"
_SPECIAL["⇒"] = _SPECIAL["⟹"] = "⇒"
_SPECIAL["⇐"] = _SPECIAL["⟸"] = "⇐"
_SPECIAL["↔"] = _SPECIAL["⟷"] = "↔"
_SPECIAL["⇔"] = _SPECIAL["⟺"] = "⇔"
# A circled digit is its digit, as "①" is by NFKD ("via ➀" of a page's "via ①", "(1)" or "1" of either): the
# dingbats' circled and negative circled digits ("➀", "❶", "➊") and the negative and double circled numbers
# ("⓫", "⓵") have no decomposition, so a quote typing the mark as "①" or "1" was refused, a swapped one too.
for _base, _first in ((0x2776, 1), (0x2780, 1), (0x278A, 1), (0x24EB, 11), (0x24F5, 1)):
    for _k in range(10):
        _SPECIAL[chr(_base + _k)] = str(_first + _k)
for _k in range(8):
    _SPECIAL[chr(0x3248 + _k)] = str(10 * (_k + 1))      # "㉈" to "㉏": ten to eighty on a black square
_SPECIAL["⓿"] = _SPECIAL["\U0001f10b"] = _SPECIAL["\U0001f10c"] = "0"   # and the dingbats' sans-serif zeros
#: The circled numbers, each folded to its digits: a number of its own, never one with a digit beside it (those
#: of the enclosed CJK block too: "㉑" to "㊿", and "㉈" to "㉏" on a black square, are "21" to "50", "10" to "80").
CIRCLED_NUMBERS = frozenset([chr(c) for c in range(0x2460, 0x2474)] + ["⓪", "⓿", "\U0001f10b", "\U0001f10c"]
                            + [chr(c) for c in (*range(0x3248, 0x3250), *range(0x3251, 0x3260),
                                                *range(0x32B1, 0x32C0))]
                            + [c for c, v in _SPECIAL.items() if "\u2460" <= c <= "\u27bf" and v.isdigit()])
#: The numbers one character encloses, each one number of its own: the circled ones, and those NFKD writes with
#: their brackets or their full stop ("⑿" is "(12)", "⒓" "12."), so "⑴⑵" and "⒈⒉" are two numbers, never twelve.
ENCLOSED_NUMBERS = CIRCLED_NUMBERS | frozenset(chr(c) for c in range(0x2474, 0x249C))

# In the translated string: marks a character folded to nothing, and one that
# folds to several characters (looked up in _EXPANSIONS by the original char).
_DROP = "\x00"
_EXPAND = "\x01"
_EXPANSIONS: dict[str, str] = {}


#: The marks that negate the symbol they overlay ("∉" is "∈" and U+0338, "≮" "<" and U+0338):
#: folded as a sign of their own, "¬", before the symbol, never dropped as a diacritic is ("x ∈ S"
#: of "x ∉ S" was verified). Alone, after its symbol ("=" and U+0338), it folds to "¬" after it:
#: another text than the composed sign's, so a quote of either is refused, never verified.
_NEGATING_OVERLAYS = frozenset("\u0338\u20d2")
NEGATED = "¬"


def fold_char(ch: str) -> str:
    """Fold one character: '' (dropped), ' ' (whitespace), or 1+ characters."""
    special = _SPECIAL.get(ch)
    if special is not None:
        return special
    if ch.isspace():
        return " "
    if ch in _NEGATING_OVERLAYS:
        return NEGATED
    cat = unicodedata.category(ch)
    if cat in ("Cc", "Cf", "Mn", "Me", "Cs", "Co", "Cn"):
        return ""
    out = []
    for d in unicodedata.normalize("NFKD", ch):
        if d == ch:
            out.append(d.casefold())
            continue
        if d in _NEGATING_OVERLAYS:
            # the negated symbol, kept as it prints where folding drops it ("≁", "≉": "∼", "≈")
            out = [NEGATED, "".join(out) or unicodedata.normalize("NFKD", ch)[0]]
            continue
        if unicodedata.category(d) in ("Mn", "Me"):
            continue
        sub = fold_char(d)
        if sub != " ":
            out.append(sub)
    return "".join(out)


class _FoldTable(dict):
    """A ``str.translate`` table filled lazily: every entry has length 1."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = fold_char(ch)
        if folded == " ":
            value = " "
        elif folded == "" or code in (0, 1):
            value = _DROP
        elif len(folded) == 1:
            value = folded
        else:
            _EXPANSIONS[ch] = folded.replace(" ", "")
            value = _EXPAND
        self[code] = value
        return value


_TABLE = _FoldTable()
# After translation and `_dashes`: a run of kept characters.
_KEEP = lazy(r"[^ \x00]+")
_DASH = lazy(r"-")


def _dashes(s: str, t: str) -> str:
    """``t`` (translated ``s``) with each dash either kept as '-' or dropped (see the module doc)."""
    if "-" not in t:
        return t
    chars = list(t)
    n = len(t)
    for m in _DASH.finditer(t):
        i = m.start()
        j = i + 1
        while j < n and t[j] in " \x00":
            j += 1
        keep = False
        if j < n and "0" <= t[j] <= "9":
            k = i - 1
            while k >= 0 and t[k] in " \x00":
                k -= 1
            if k >= 0 and t[k] == "-" and chars[k] == _DROP and _number_before(s, t, k, " \x00-"):
                keep = True                     # the last of a run of dashes between two numbers, the others left
                #                                 out: "5 -- 10" or "5 - - 10" is "5-10", never "510"
            elif k >= 0 and ("0" <= t[k] <= "9" or s[i] not in "—―" and _unit_after_number(t, k)):
                keep = True                     # a range: "0.06-2.9", "10 – 20", "5X–10X", "5%-10%"
            elif _typed_dash(s, i):
                pass                            # "models--1500B": a writer's "--" or "---" glued to the word before
                #                                 it is a dash, as TeX and plain text type one ("models—1500B")
            elif s[i] in _MINUS_LIKE:
                # directly attached; or a minus sign spaced from its digits, as typesetting
                # prints "p = 5.8e − 3" and pypdf reads "3.3e− 22" and "𝛽 = − 0.43": an
                # exponent's sign, or U+2212, which is no dash in prose
                keep = j == i + 1 or s[i] == "\u2212" or (k >= 1 and t[k] == "e" and mantissa_before(t, k)) \
                    or _sign_set_apart(s, t, k, i)
        elif j + 1 < n and t[j] == "-" and s[j] in _MINUS_LIKE and _signed_number(s, t, j) and \
                not (j == i + 1 and s[i] == s[j] == "-") and _number_before(s, t, i):
            keep = True                         # a range to a negative bound: "−5 – −10" is not "−5–10", nor
            #                                     "5–−10" "5–10", nor "5 – − 10" (pypdf's minus sign set apart)
            #                                     "5–10" (TeX's "1--4" is one dash, "1–4")
        elif s[i] in "\u2212\u207b":
            keep = True                         # U+2212 is a minus sign before a letter or a bar too: "e−|t|/l"
            #                                     is not "e|t|/l", nor "−βt" "βt" (prose prints no U+2212 as a dash)
        if not keep:
            chars[i] = _DROP
    return "".join(chars)


def _typed_dash(s: str, i: int) -> bool:
    """The hyphen ``s[i]`` ends a run of two or three hyphens glued to the word before it ("models--1500B",
    "it---2 times"): a dash as TeX and plain text type one, never a minus sign. A run set apart before ("a --5") or
    after a number ("5--10", a range) is read as before."""
    r = i
    while r > 0 and s[r - 1] == "-":
        r -= 1
    return s[i] == "-" and 2 <= i + 1 - r <= 3 and r > 0 and (s[r - 1].isalpha() or s[r - 1] in ")]\u201d\u2019'\"")


def _number_before(s: str, t: str, i: int, between: str = " \x00") -> bool:
    """A number (or one with its unit or sign written on it, "5%") ends before the dash ``t[i]``, spaces between
    (or what ``between`` names: the other dashes of a run)."""
    k = i - 1
    while k >= 0 and t[k] in between:
        k -= 1
    return k >= 0 and ("0" <= t[k] <= "9" or s[i] not in "—―" and _unit_after_number(t, k))


def _signed_number(s: str, t: str, j: int) -> bool:
    """The minus-like ``s[j]`` signs the number after it: a digit right after it, or after spaces where it is the
    minus sign U+2212 (pypdf's "− 10" of a math font), which prose never prints as a dash."""
    if j + 1 < len(t) and "0" <= t[j + 1] <= "9":
        return True
    if s[j] != "\u2212":
        return False
    k = j + 1
    while k < len(t) and t[k] in " \x00" and s[k] != "\n":
        k += 1
    return k < len(t) and "0" <= t[k] <= "9"


# What a minus sign set apart from its number follows, where a dash in prose would not: a symbol ("= - 0.5",
# "( - 3 dB)"), a word a value follows ("set to - 0.5", "of - 3", "between - 1 and 1"), or a lone variable ("x - 5").
_BEFORE_SIGN = lazy(r"(?:[=<>(\[,:;~≈≤≥±]|(?<!\w)(?:to|of|by|is|was|are|were|be|at|from|and|or|between|"
                    r"as|with|than|equals?|reaches|reached))[ \t]*$", re.IGNORECASE)
# A lone letter before it, a variable ("x - 5", "A - 5", "a - 5"), unless a word naming a label stands before that
# letter ("Table A - 5 runs", "Phase I - 5 patients": a dash). The article "a" before a spaced hyphen and a number is
# read as a variable too: "a - 12% change", "a - 0.5 correlation", "a - 3 dB drop" are a minus sign the page typeset
# apart far more often than a dash, so a quote leaving the sign out is refused, one keeping it verified.
_LONE_LETTER = lazy(r"(?:^|(?<=[^\w'’.\-]))([^\W\d_])[ \t]*$")
_WORD_BEFORE = lazy(r"(?:([^\W\d_]+)|(\S))?[ \t]*$")
_LABEL_WORDS = frozenset("""table tab figure fig appendix app section sec chapter part phase type class group stage grade
    step case version level tier category experiment exp setting task region zone block unit model series""".split())


def _lone_variable(line: str) -> bool:
    """The lone letter ending ``line`` (the text before a spaced hyphen) is a variable the hyphen subtracts from
    ("x - 5", "A - 5", "where a - 5 is positive"), or the article "a" before a signed number ("a - 12% change"),
    not a label ("Table A - 5 runs", a dash)."""
    m = _LONE_LETTER.search(line)
    if m is None:
        return False
    w = _WORD_BEFORE.search(line, 0, m.start())
    return (w.group(1) or "").casefold() not in _LABEL_WORDS


def _sign_set_apart(s: str, t: str, k: int, i: int) -> bool:
    """The hyphen ``s[i]``, spaced from the digit after it, is a minus sign set apart ("set to - 0.5", "= - 3",
    "x - 5"): spaced from what comes before it on its line too, after a symbol, a word a value follows or a lone
    variable, where a dash in prose does not stand. Kept as a sign, a quote leaving it out ("set to 0.5") is
    refused, as one with the minus sign "−0.5" is not. A hyphen opening a line ("- 5 GPUs", a list's bullet), glued
    to the word before it, or after another word ("models - 40B parameters", a dash typed as a hyphen) is no sign."""
    if k < 0 or i - k < 2 or "\n" in s[k + 1:i] or s[i - 1] not in " \t":
        return False
    line = s[max(0, s.rfind("\n", 0, i) + 1, i - 40):i]
    if _BEFORE_SIGN.search(line) is not None:
        return True
    return _lone_variable(line)


def _unit_after_number(t: str, k: int) -> bool:
    """``t[k]`` ends a number's unit or sign written on it ("5x", "10%", "2gb", "1kwh"): at most three letters,
    or a percent sign, right after a number; a range's first bound, as "10x" is in "5x–10x"."""
    a = k
    if t[a] == "%":
        a -= 1
    else:
        while a >= 0 and k - a < 4 and "a" <= t[a] <= "z":
            a -= 1
    if not (a < k and a >= 0 and "0" <= t[a] <= "9"):
        return False
    while a >= 0 and ("0" <= t[a] <= "9" or t[a] in ".,"):
        a -= 1
    return a < 0 or not t[a].isalpha()        # a number's, never a formula's digit ("tco2e - 3.5")


def mantissa_before(t: str, k: int) -> bool:
    """``t[:k]`` ends with a number an "e" at ``k`` gives an exponent to ("5.8e", "1e"), not
    a unit's digit ("tCO2e", "H2e"): digits, perhaps with a point, after no letter."""
    a = k - 1
    while a >= 0 and ("0" <= t[a] <= "9" or t[a] == "."):
        a -= 1
    return a < k - 1 and "0" <= t[k - 1] <= "9" and (a < 0 or not t[a].isalpha())


class _MaskTable(dict):
    """Translates a folded string to \\x01 (kept) / \\x00 (removed) per character."""

    def __missing__(self, code: int) -> str:
        value = "\x00" if chr(code) in (" ", _DROP) else "\x01"
        self[code] = value
        return value


_MASK = _MaskTable()
_REMOVE = lazy(r"[ \x00]+")


_PLUS_MINUS = lazy(r"\+ ?/ ?-|\+-(?=[ \t]|\d)")


def _ascii_plus_minus(s: str) -> str:
    """``s`` with "+/-" and "+-" written as "±", padded with spaces to keep its length
    (the offsets into ``s`` stay valid; folding removes the spaces)."""
    return _PLUS_MINUS.sub(lambda m: "±" + " " * (len(m.group()) - 1), s)


_ARROW_TYPED = lazy(r"<=>|<->|->|=>|<-(?![\d.\-])")
_ARROWS = {"<=>": "⇔", "<->": "↔", "->": "→", "=>": "⇒", "<-": "←"}


def _ascii_arrows(s: str) -> str:
    """``s`` with a writer's "->", "<-", "=>", "<->" and "<=>" written as the arrow they type, padded
    with spaces to keep its length ("x <-5", less than minus five, keeps its "<")."""
    return _ARROW_TYPED.sub(lambda m: _ARROWS[m.group()] + " " * (len(m.group()) - 1), s)


# A power of a number printed raised ("10⁶", "10⁻⁶", "2³"): its digits and sign are the exponent's, never
# the number's own ("10⁶" is not "106", nor "10⁻⁶" "10-6"), so they are kept as printed; a writer's "10^6",
# "10^-6", "10^{-6}" is read as them (kb.text.match). Raised after a symbol of one or two letters ("x²",
# "σ²", "R²", "x⁻¹") they are its power, kept too: "x2" is another symbol, or "x₂" its index, and "x-1" a
# subtraction; a writer's "x^2" is read as "x²". Raised after a unit ("m²", "km²", "s⁻¹") they are the unit's
# power whichever way it is written, folded to digits ("m2", "s-1").
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻"
# (Never after a raised digit: "¹⁴C", "²³⁵U" are a mass number raised whole, never "1" to the power "⁴".)
_POWER = lazy(r"(?<=[^\W_⁰¹²³⁴⁵⁶⁷⁸⁹])[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_UNITS_POWERED = frozenset(("m", "cm", "mm", "km", "nm", "dm", "µm", "μm", "um", "s", "ms", "g", "kg", "mg", "ft",
                            "yr", "l"))
_ANY_SUPERSCRIPT = lazy("[" + _SUPERSCRIPTS + "]")


_POWER_TYPED = lazy(r"(?<=[^\W_])\^(?:\{\s*([-−+]?)\s*(\d{1,3})\s*\}|([-−+]?)(\d{1,3})(?![\d.])"
                   r"|\{\s*([-−+])\s*\}|([-−+])(?![\w\d{(]))")
_RAISED = str.maketrans("0123456789+-−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻")


def typed_powers(s: str, pad: str = " ") -> str:
    """``s`` with a number's or a symbol's power typed as LaTeX or ASCII ("10^6", "10^-6", "10^{-6}", "x^2") raised
    as a paper prints it ("10⁶", "10⁻⁶", "x²"), padded with ``pad`` to keep its length."""
    def raised(m: re.Match[str]) -> str:
        power = ((m.group(1) or m.group(3) or "") + (m.group(2) or m.group(4) or "")
                 or m.group(5) or m.group(6)).translate(_RAISED)
        return power + pad * (len(m.group()) - len(power))
    return _POWER_TYPED.sub(raised, s)


def _powers(s: str, t: str) -> str:
    """``t`` (translated ``s``) with the raised digits and sign of a number's power (`_POWER`) kept as printed."""
    chars = list(t)
    for m in _POWER.finditer(s):
        a = m.start()
        if not s[a - 1].isdigit():
            while a > 0 and s[a - 1].isalpha():
                a -= 1
            if a > 0 and s[a - 1] in "_\\":
                continue
            if m.start() - a > 2 or s[a:m.start()] in _UNITS_POWERED:
                if m.group()[0] != "⁻":
                    continue    # a word's footnote marker, a unit's power: folded as before
                if m.start() - a > 1 or _after_quantity(s, a):
                    chars[m.start()] = "-"  # a unit's inverse power, "s-1" typed flat, never "s1" (no mark is negative)
                    continue
        chars[m.start():m.end()] = m.group()
    return "".join(chars)


# What a one-letter unit follows where its raised "⁻¹" is a unit's inverse power: a number or another unit ("0.5 s⁻¹",
# "m s⁻¹", "J g⁻¹"), never a word ("the first s⁻¹", where "s-1" may be a subtraction).
_QUANTITY_BEFORE = lazy(r"(?:\d|(?<![^\W\d_])[^\W\d_]{1,3}[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]*)[ \u00a0·⋅/]*$")
_WORDS_BEFORE_UNIT = frozenset(("a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "by", "for", "is", "as",
                                "be", "if", "per", "its", "all", "any"))


def _after_quantity(s: str, a: int) -> bool:
    """Whether the one-letter unit at ``s[a]`` follows a number or another unit (`_QUANTITY_BEFORE`)."""
    m = _QUANTITY_BEFORE.search(s, max(0, a - 12), a)
    return m is not None and m.group().rstrip(" \u00a0·⋅/").lower() not in _WORDS_BEFORE_UNIT


def unit_powered(s: str, a: int, b: int) -> bool:
    """Whether ``s[a:b]`` is a unit a digit after it raises ("km" of "km2", "m" of "40 m2", "m s-2"): a unit of two
    letters or more anywhere, of one letter only after a number or another unit (`_after_quantity`), never a
    symbol's ("the mass m2", "x2")."""
    return s[a:b] in _UNITS_POWERED and (b - a > 1 or _after_quantity(s, a))


# Old TeX fonts (OT1) without a Unicode map put an opening double quote where ASCII has
# "\\" and an en dash where it has "{": the extractors print ``\\importance"`` for
# “importance” and "purpose { to extend", "pages 118{125" for "purpose – to extend",
# "pages 118–125". Read as the marks they stand for: a "\\" opening a word that a '"'
# closes soon after, a "{" between two numbers or between two words set apart by spaces.
_OT1_QUOTE = lazy(r'(?<![^\s(\[])\\(?=[A-Za-z0-9][^\\"]{0,80}")')
_OT1_DASH = lazy(r"(?<=\d)\{(?=\d)|(?<=[^\W\d_])(\s+)\{(?=\s+[^\W\d_])")


def _ot1_marks(s: str) -> str:
    """``s`` with OT1's "\\" and "{" read as the quote mark and dash they print (same length)."""
    if "\\" in s:
        s = _OT1_QUOTE.sub("\u201c", s)
    if "{" in s:
        s = _OT1_DASH.sub(lambda m: (m.group(1) or "") + "\u2013", s)
    return s


# pypdf prints a glyph of a font whose glyph names are the characters themselves (an old
# TeX font: "/period", "/one" named "/.", "/1") as its name: "matter/, whic h", "o v er
# /1/5/0 million", "/#5Cimp ortance/"" (a '#' escapes a character's hex code in a name).
# A text that holds many of them is read with each name as its character (same length).
_GLYPH_NAMED = lazy(r"(?:/\d){3}|/#[0-9A-F]{2}")
_GLYPH_HEX = lazy(r"/#([0-9A-F]{2})")
_GLYPH_RUN = lazy(r"(?:/[\d.,])*/\d")
_GLYPH_SLASH = lazy(r"/(?=[^\sA-Za-z#])")


def _glyph_names(s: str, pad: str = " ") -> str:
    """``s`` with pypdf's glyph names ("/.", "/1", "/#5C") read as their characters,
    padded with spaces before them to keep its length (`pad` "": not padded), when ``s``
    is printed that way."""
    if s.count("/.") + s.count("/,") < 3 or _GLYPH_NAMED.search(s) is None:
        return s
    s = _GLYPH_HEX.sub(lambda m: pad * 3 + (chr(int(m.group(1), 16)) if int(m.group(1), 16) >= 32 else " "), s)
    # a number's digits stay together ("/1/./7" is "1.7   "), never spaced as a writer's "1 . 7"
    s = _GLYPH_RUN.sub(lambda m: m.group().replace("/", "") + pad * m.group().count("/"), s)
    return _GLYPH_SLASH.sub(pad, s)


#: Lone lower-case letters (but "a") per word above which a text's extraction splits words
#: at its font's kerns ("w eb", "whic h", "b e"): one word in ten; prose, even set with
#: formulas, prints under one in thirty.
SPLIT_TEXT_LETTERS = 0.1
_WORDS = lazy(r"[^\W\d_]+")
# A capital a kern cut from the rest of its word ("P ageRank", "W eb", "F urther"); never "A" or
# "I", which are words before a lower-case one ("A study of", "I am")
_KERNED_CAPITAL = lazy(r"\b([B-HJ-Z]) (?=[a-z]{2})")


def splits_at_kerns(text: str) -> bool:
    """Whether an extraction of ``text`` splits words at its font's kerns (SPLIT_TEXT_LETTERS)."""
    words = _WORDS.findall(text)
    letters = sum(len(w) == 1 and w.islower() and w != "a" for w in words)
    return letters > SPLIT_TEXT_LETTERS * max(1, len(words))


def as_printed(page: str) -> str:
    """A page's text as a person reads what it prints, for the lines kb takes from it (a title,
    its authors), with the repairs the quote matcher reads it with: pypdf's glyph names read as
    their characters ("Ranking/:" is "Ranking:", "/1/9/9/8" is "1998"), and where the page splits
    words at kerns, a capital cut from its word joined to it ("The P ageRank" is "The PageRank").
    Any other page is returned as it is."""
    page = _glyph_names(page, pad="")
    return _KERNED_CAPITAL.sub(r"\1", page) if splits_at_kerns(page) else page


#: Words that make another word with the word after them ("in put", "with out", "can not",
#: "any way", "be came"), and words that end compounds ("data set", "life cycle", "work load"):
#: a title's two words, never the pieces of one a kern split, whether or not the paper prints
#: them alone.
_MAKES_WORDS = frozenset("""a an the on of in for to and or nor with from by at as is are be been any some
can out up down over under no not every each all its it this that""".split())
_ENDS_WORDS = frozenset("""set sets line lines work works load loads time times base bases flow flows book books
case cases point points side sides ware wide way ways where what thing things body one self table tables put
cycle cycles scale off port ports room note notes mark marks man men hood ship less ness like box boxes""".split())
_LEFT_PIECE = lazy(r"(\W*)([^\W\d_]*[a-z])")
_RIGHT_PIECE = lazy(r"([a-z]+)(\W*)")


def joined_splits(line: str, text: str) -> str:
    """``line``, a title read from a page, with each word an extractor split in two at a kern
    whose second piece is in lower case ("com puting", "Jan uary") joined: where the paper,
    ``text``, prints the joined word whole, and one of the pieces is no word of it (it never
    stands alone, nor with an ending, but in that split), as the matcher reads the pieces of a
    split word (kb.text.match's negations). Two words stay two: each printed alone in the
    paper, the pair printed elsewhere too, or words that make compounds (`_MAKES_WORDS`,
    `_ENDS_WORDS`); and so does every pair of a paper whose text splits words everywhere
    (`splits_at_kerns`: its pieces print alone as often, no word of it vouches). A capital
    cut from its word: `as_printed`."""
    words = line.split(" ")
    if len(words) < 2:
        return line
    low, kerned = text.lower(), None
    out = [words[0]]
    for word in words[1:]:
        left, right = _LEFT_PIECE.fullmatch(out[-1]), _RIGHT_PIECE.fullmatch(word)
        if left and right and left.group(2).lower() not in _MAKES_WORDS and right.group(1) not in _MAKES_WORDS \
                and right.group(1) not in _ENDS_WORDS:
            a, b = left.group(2).lower(), right.group(1)
            if a + b in low and _alone(low, re.escape(a + b)):
                split = rf"{re.escape(a)}\s+{re.escape(b)}"
                pairs = _alone(low, split)
                if (_alone(low, _ENDINGS.format(re.escape(a))) <= pairs
                        or _alone(low, _ENDINGS.format(re.escape(b))) <= pairs) and \
                        pairs <= _alone(line.lower(), split) and \
                        not (kerned := splits_at_kerns(text) if kerned is None else kerned):
                    out[-1] += word
                    continue
        out.append(word)
    return " ".join(out)


_ENDINGS = "{}(?:s|es|d|ed|ing)?"       # a word with an ending it takes: a word of the paper too


def _alone(low: str, pattern: str) -> int:
    """How often ``pattern`` (a regular expression, lower case) stands alone in ``low``: no
    letter either side."""
    return len(re.findall(rf"(?<![^\W\d_])(?:{pattern})(?![^\W\d_])", low))


# An acute accent TeX sets as a spacing mark beside its letter, as pypdf and PDFium print it
# ("Jos´e", "P´erez", "Montr´eal", "L ´ opez"): the letter's accent, dropped as the other spacing
# diacritics are, where '´' elsewhere is typed for an apostrophe ("don´t"). Read so when a letter
# is on each side of it, at most a space apart, a lower-case vowel or a consonant an acute marks
# after it; never before the end of an English contraction or possessive ("it´s", "the model´s",
# "we´ll", "they´re"), which is where a writer types '´' for the apostrophe the page prints.
# TeX's grave accent, printed so too ("Andr`e", "pi`u", "Universit`a"), is read alike before a vowel.
_SPACING_ACUTE = lazy(r"(?<=[^\W\d_])( ?)(?:\u00b4(?= ?[aeiouyncszrl])(?!(?:s|ll|re)(?![^\W\d_]))"
                      r"|`(?= ?[aeiou]))")
# A text TeX set with spacing accents: a diacritic that is never typed for anything else (¨ ˆ ˜ ¸ ˇ ˘ ˙ ˚ ˝
# ˛) beside a letter, at most a space apart ("F¨arber", "Farber ¨ (2019)", "Lourenc¸o", "ˇReh˚uˇrek"),
# or an accent over TeX's dotless i ("Mart´ın"). TeX prints an apostrophe as "’", never as "´" or
# "`": in such a text those are accents wherever they stand, after their letter too, as PDFium
# prints them ("Mitrovic´"), and before a word's last "s" ("Ku´s", Polish "Kuś"), where a writer's
# own "´" is an apostrophe ("it´s").
_TEX_ACCENTED = lazy(r"[^\W\d_] ?[\u00a8\u02c6\u02dc\u00b8\u02c7\u02d8\u02d9\u02da\u02dd\u02db]"
                     r"|[\u00a8\u02c6\u02dc\u00b8\u02c7\u02d8\u02d9\u02da\u02dd\u02db] ?[^\W\d_]|[\u00b4`]\u0131")


def tex_accented(pages: Sequence[str]) -> bool:
    """Whether a paper's text is TeX's with spacing accents (see `_TEX_ACCENTED`): then its "´" and
    "`" are read as accents, dropped as the other spacing diacritics are, not as apostrophes."""
    return any(_TEX_ACCENTED.search(page) for page in pages)


def _translated(s: str, tex: bool = False) -> tuple[str, str]:
    """(``s`` as read, its characters translated one for one): the first step of folding,
    before characters are dropped (``_REMOVE``) or expanded (``_EXPAND``). ``tex``: ``s`` is
    text TeX set with spacing accents (`tex_accented`)."""
    if tex and ("\u00b4" in s or "`" in s):
        s = s.replace("\u00b4", "\u00a8").replace("`", "\u00a8")     # same length: offsets hold
    elif "\u00b4" in s or "`" in s:
        s = _SPACING_ACUTE.sub(lambda m: m.group(1) + "\u00a8", s)
    if "+" in s:
        s = _ascii_plus_minus(s)
    if ">" in s or "<-" in s:
        s = _ascii_arrows(s)
    if "^" in s:
        s = typed_powers(s)
    if "/" in s:
        s = _glyph_names(s)
    if "\\" in s or "{" in s:
        s = _ot1_marks(s)
    t = _dashes(s, s.translate(_TABLE))
    if _ANY_SUPERSCRIPT.search(s) is not None:
        t = _powers(s, t)
    m = _TILDES.search(s)
    if m is not None:
        t = _approximations(s, t, m.start())
    if "|" in t or "\u2223" in t:
        t = _BAR.sub("j", t)
    return s, t


# A vertical bar no digit touches ("|Fu|", "x | y"), as an old TeX math font without a Unicode map prints it:
# "j" (cmsy's glyph at that code: "Let Nu = jFuj be", of "|Fu|", was refused in both extractors' text). A
# writer's "|" is never a letter of a word, so no quote changes its meaning by it; one beside a digit (a
# table's "0.5|0.7") is kept, where a letter would glue itself to the number.
_BAR = lazy(r"(?<!\d)[|\u2223](?!\d)")


# An approximation sign before a number ("~150 million", "≈ 5%", "∼0.3", "∼$5"): kept as "~", as a minus sign is,
# for it says the number is not exact. So is a mathematical operator between two tokens ("x ∼ N(0, 1)", "z∼N(µ, σ)",
# "y ≈ z", "Likert ∼ Reencounter"): "∼", "≈" and "≃" are never accents, and "~" is one where it is glued to a letter
# ("Mu~noz"), an operator where no letter touches it ("x ~ N(0, 1)"); "˜" is TeX's spacing accent ("Mu˜noz", "˜𝑥"),
# dropped as the other spacing diacritics are.
_APPROX_NUMBER = lazy(r"[~\u223c\u2248\u2243\u02dc](?=\s?[$€£¥]?\d)|[\u223c\u2248\u2243]|(?<![^\W\d_])~(?![^\W\d_])")
_TILDES = lazy(r"[~\u223c\u2248\u2243\u02dc]")     # what a text holds for any of them: one scan, in C


def _approximations(s: str, t: str, first: int) -> str:
    """``t`` (translated ``s``) with the approximation signs before numbers (`_APPROX_NUMBER`), the first
    at ``first``, kept as "~"."""
    chars = list(t)
    for m in _APPROX_NUMBER.finditer(s, first):
        chars[m.start()] = "~"
    return "".join(chars)


def _fold_into(s: str, base: int, out: list[str], origin: array, tex: bool = False) -> None:
    """Append the folded form of ``s`` to ``out``; origins are ``base + index``.

    The common case runs in C: two ``str.translate`` calls, a regex substitution
    and ``itertools.compress`` over a byte mask. Characters that fold to several
    (ligatures, "…") take a slower per-token path.
    """
    s, t = _translated(s, tex)
    if _EXPAND in t:
        _fold_tokens(s, t, base, out, origin)
        return
    out.append(_REMOVE.sub("", t))
    mask = t.translate(_MASK).encode("latin-1")
    origin.fromlist(list(compress(range(base, base + len(t)), mask)))


def _fold_tokens(s: str, t: str, base: int, out: list[str], origin: array) -> None:
    for m in _KEEP.finditer(t):
        tok = m.group()
        a = m.start()
        if _EXPAND in tok:
            for k, ch in enumerate(tok):
                if ch == _EXPAND:
                    exp = _EXPANSIONS[s[a + k]]
                    out.append(exp)
                    origin.extend([base + a + k] * len(exp))
                else:
                    out.append(ch)
                    origin.append(base + a + k)
        else:
            out.append(tok)
            origin.extend(range(base + a, base + m.end()))


@dataclass(frozen=True)
class Folded:
    """A folded string and, for each of its characters, the index in the original."""

    text: str
    origin: array
    source: str

    def original(self, start: int, end: int) -> str:
        """The original text behind folded characters ``start:end``."""
        if start >= end:
            return ""
        return self.source[self.origin[start]:self.origin[end - 1] + 1]


def fold(s: str) -> Folded:
    """Fold any string (a quote, a fragment) exactly as page text is folded."""
    out: list[str] = []
    origin = array("l")
    _fold_into(s, 0, out, origin)
    text = "".join(out)
    assert len(text) == len(origin)
    return Folded(text, origin, s)


def normalise(s: str) -> str:
    """The folded text of ``s`` alone (no offsets): what matching compares. What `fold`
    gives, without the offsets it keeps for each character (most of its work)."""
    s, t = _translated(s)
    if _EXPAND in t:
        out: list[str] = []
        _fold_tokens(s, t, 0, out, array("l"))
        return "".join(out)
    return _REMOVE.sub("", t)


# A run of quote marks, of either kind once folded ("'", '"', "''" of TeX): one mark in a wording.
_QUOTE_MARKS = lazy(r"['\"]+")
# An en or em dash (or a figure dash, a horizontal bar): a break between words in a wording, spaced or not.
_WORD_DASHES = lazy(r"[\u2012-\u2015]")


def wording(s: str) -> tuple[str, ...]:
    """The words of ``s`` as matching reads them, each apart: two texts of one wording differ only in
    what folding sees through (a quote mark's kind or shape, case, ligatures, accents, how many spaces
    or line breaks, an en or em dash spaced or not), never in a word, a number or a punctuation mark.
    Whitespace is kept as the break between words here, unlike `normalise`: "the rapist" is no
    wording of "therapist", nor "well known" of "well-known"."""
    words = (_QUOTE_MARKS.sub("'", normalise(w)) for w in _WORD_DASHES.sub(" ", s).split())
    return tuple(w for w in words if w)


_LINE_BREAK_HYPHEN = lazy(r"-[ \t\r\f\v]*\n\s*")


def is_word_internal_gap(gap: str) -> bool:
    """True when the original text between two stream characters does not separate words.

    Nothing at all, invisible characters, or a line-break hyphenation
    ("compu-\\ntation") keep the two sides in one word; any space, a hyphen on
    the same line, punctuation or a page break separate them, and so does an em dash
    ending a line ("explicit—\\nthe"), which no word is broken at.
    """
    g = "".join(c for c in gap if c.isspace() or _TABLE[ord(c)] != _DROP)
    if not g:
        return True
    if "\u2014" in g or "\u2015" in g or "\u2e3a" in g or "\u2e3b" in g:
        return False
    g = "".join("-" if c in _HYPHENS else c for c in g)
    return _LINE_BREAK_HYPHEN.fullmatch(g) is not None


# Citation markers as they look after folding: "[12]", "[ 41, 49]", "[8–10]"
# and Patterson's author-year keys "[Str19]", "[So19, Bro20]".
CITATION_RE = lazy(
    r"\[(?:\d{1,3}(?:[,;-]\d{1,3})*"
    r"|[a-z]{2,4}\+?\d{2}[a-z]?(?:[,;][a-z]{2,4}\+?\d{2}[a-z]?)*)\]"
)

# Author-year citations in brackets as they look after folding, each name and its year parted by a comma or
# the year in brackets of its own, a list parted by semicolons: "(Klavans and Boyack, 2006)", "(Saier and
# Färber, 2019a; Lo et al., 2020)", "(e.g., Cohan et al., 2020)", "(Cheng-Xian Li and Marlin (2016))". A writer
# leaves them out of a quote as markers ("the literature that warrant exploring"); "(in 2019)", "(since 2019)",
# "(2019)" are no citations and stay.
AUTHOR_YEAR_RE = lazy(r"\((?:[a-z][^()\[\];]{0,80}?(?:,(?:19|20)\d\d[a-z]?(?:,(?:19|20)\d\d[a-z]?)*"
                      r"|\((?:19|20)\d\d[a-z]?\));?)+\)")


@dataclass
class Stream:
    """A document's matching stream: folded text with (page, offset) for each char."""

    text: str
    origin: array     # offset of each char in its page string
    page_of: array    # 0-based page index of each char
    pages: list[str]

    def __len__(self) -> int:
        return len(self.text)

    def gap(self, i: int) -> str:
        """Original text between stream characters ``i-1`` and ``i``; a newline across pages."""
        if i <= 0 or i >= len(self.text):
            return "\n"
        p0, p1 = self.page_of[i - 1], self.page_of[i]
        if p0 != p1:
            return "\n"
        return self.pages[p1][self.origin[i - 1] + 1:self.origin[i]]

    def spans(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Original (1-based page, start, end) ranges behind stream ``start:end``, one per page."""
        out: list[tuple[int, int, int]] = []
        i = start
        while i < end:
            p = self.page_of[i]
            j = min(end, bisect.bisect_right(self.page_of, p, i, end))
            out.append((p + 1, self.origin[i], self.origin[j - 1] + 1))
            i = j
        return out

    def original(self, start: int, end: int, sep: str = "\n") -> str:
        """Original text behind stream ``start:end`` (pages joined by ``sep``)."""
        return sep.join(self.pages[p - 1][a:b] for p, a, b in self.spans(start, end))


# --- running headers, footers, page numbers ---------------------------------

_ARXIV_STAMP = lazy(
    r"\s*arXiv:\s*(?:\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Za-z]{2})?/\d{7})(?:v\d+)?"
    r"\s*\[[^\]\n]{1,30}\]\s*\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s*"
)
_BARE_NUMBER = lazy(r"[\s\-–—]*(?:page\s+)?(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?[\s\-–—]*",
                          re.IGNORECASE)
# A copyright line at a page's foot or head ("© 2017 J. Doe.", "c©2017." as pypdf reads
# TeX's \copyright, "flc 2017." as PDFium reads it, "Copyright (c) 2020 ACM").
_COPYRIGHT = lazy(r"\s*(?:c?\s?©|flc|\([cC]\)|[Cc]opyright(?:\s*(?:©|\([cC]\)))?)\s*(?:19|20)\d{2}\b[^\n]{0,160}")
# A running header of a page's number and its authors' short label ("2 Z. Shen et al.", "Lo and
# Wang 7"), as LNCS sets even pages: boilerplate where its number is the page's, however few pages
# print it (a paper's first two pages hold it once, where a repeated header is never told).
_WHO = r"(?:[A-Z]\.\s*){0,3}[A-Z][\w'’-]+(?:,?\s+et\s+al\.?|\s+(?:and|&)\s+(?:[A-Z]\.\s*){0,3}[A-Z][\w'’-]+)"
_NUMBERED_AUTHORS = lazy(rf"\s*(?:(\d{{1,4}})\s+{_WHO}|{_WHO}\s+(\d{{1,4}}))\s*")
_EDGE_LINES = 3
_GLUED_PAGE_NUMBER = lazy(r"(?<=[^\W\d_]\u00ad)[ \t]*(\d{1,4})[ \t]*$")
_DIGITS = lazy(r"[0-9]+")


_GLYPH_NUMBER = lazy(r"\s*(?:/\d){1,4}\s*")


def _bare_number(line: str):
    """A page number alone on its line (`_BARE_NUMBER`), pypdf's glyph names included ("/1/7")."""
    if _GLYPH_NUMBER.fullmatch(line):
        line = line.replace("/", "")
    return _BARE_NUMBER.fullmatch(line)


def _line_key(line: str) -> str:
    """A line as compared across pages: folded, with numbers masked."""
    return _DIGITS.sub("#", normalise(line))


def _edge_lines(page: str, n: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(start, end) of the first and last ``n`` non-blank lines of a page."""
    top: list[tuple[int, int]] = []
    pos = 0
    while len(top) < n and pos <= len(page):
        nl = page.find("\n", pos)
        end = len(page) if nl < 0 else nl
        if page[pos:end].strip():
            top.append((pos, end))
        if nl < 0:
            break
        pos = nl + 1
    bottom: list[tuple[int, int]] = []
    end = len(page)
    while len(bottom) < n and end >= 0:
        nl = page.rfind("\n", 0, end)
        start = nl + 1
        if page[start:end].strip():
            bottom.append((start, end))
        if nl < 0:
            break
        end = nl
    return top, bottom


def _letters(text: str, n: int) -> bool:
    """Whether ``text`` holds at least ``n`` letters (counted only that far)."""
    for c in text:
        if c.isalpha():
            n -= 1
            if n <= 0:
                return True
    return n <= 0


def _find_boilerplate(pages: Sequence[str]) -> tuple[list[tuple[int, int]], int | None]:
    """For each page, the (lo, hi) range left once edge boilerplate is cut off; and
    the number printed on the first page minus one when the pages print their numbers
    ("2270" on PDF page 1 of a proceedings paper: 2269), else None.

    A line is boilerplate when it sits among the first or last few non-blank
    lines of a page and is (a) a line that, numbers masked, appears at the
    edges of at least a quarter of the pages (at least two): running headers
    and footers such as "Manuscript pending review" or "Counting Carbon: ...
    Learning 3"; (b) a bare number consistent with the page numbering (the
    number minus the page index is the same on most pages, so a table cell is
    not mistaken for a page number); or (c) an arXiv stamp. Lines are only
    removed from the edges inwards: boilerplate-looking text in the body stays.
    A copyright line ("© 2017 J. Doe.") at a page's edge is boilerplate too.
    """
    n = len(pages)
    edges = [_edge_lines(p, _EDGE_LINES) for p in pages]
    key_pages: Counter[str] = Counter()
    offsets: Counter[int] = Counter()
    line_keys: dict[tuple[int, int, int], str] = {}     # (page, start, end) -> _line_key, made once
    # A line repeats on two pages at least: with one page of text (a claim's page, read alone, as
    # kb.ops.quotes.found_on_page reads it) no line is compared, and none made a key to compare.
    compared = sum(1 for top, bottom in edges if top or bottom) >= 2
    for pi, (top, bottom) in enumerate(edges):
        keys = set()
        for a, b in sorted(set(top + bottom)):
            line = pages[pi][a:b]
            m = _bare_number(line)
            if m:
                offsets[int(m.group(1)) - (pi + 1)] += 1
                continue
            if not compared:
                continue
            key = line_keys[pi, a, b] = _line_key(line)
            if _letters(key, 3):
                keys.add(key)
        key_pages.update(keys)
    threshold = max(2, math.ceil(n * 0.25))
    repeated = {k for k, c in key_pages.items() if c >= threshold}
    page_offset = None
    if offsets:
        off, count = offsets.most_common(1)[0]
        if count >= 2:
            page_offset = off

    def is_boilerplate(pi: int, a: int, b: int) -> bool:
        line = pages[pi][a:b]
        if _ARXIV_STAMP.fullmatch(line) or _COPYRIGHT.fullmatch(line):
            return True
        m = _NUMBERED_AUTHORS.fullmatch(line)
        if m:
            offset = int(m.group(1) or m.group(2)) - (pi + 1)
            return offset == 0 or offset == page_offset
        m = _bare_number(line)
        if m:
            offset = int(m.group(1)) - (pi + 1)
            return offset == 0 or offset == page_offset
        return line_keys.get((pi, a, b)) in repeated

    ranges: list[tuple[int, int]] = []
    for pi, page in enumerate(pages):
        top, bottom = edges[pi]
        lo, hi = 0, len(page)
        if n > 1:
            for a, b in top:
                if not is_boilerplate(pi, a, b):
                    break
                lo = b
            for a, b in bottom:
                if b <= lo or not is_boilerplate(pi, a, b):
                    # PDFium glues the page number to a word its line's end breaks with a soft
                    # hyphen ("the machine to be\xad12" / next page "have otherwise")
                    glued = _GLUED_PAGE_NUMBER.search(page, a, b) if b > lo else None
                    if glued and int(glued.group(1)) - (pi + 1) in (0, page_offset):
                        hi = glued.start(1)
                    break
                hi = a
        if not page[lo:hi].strip():
            lo, hi = 0, len(page)   # never cut a page down to nothing
        ranges.append((lo, max(lo, hi)))
    return ranges, page_offset


# Footnotes: a line at the page bottom starting with its number ("4The carbon
# intensity ...", Patterson's "8  The correlation ..."), and markers in the
# body: digits glued to a lowercase word ("kWh4,", "housed4 are") or set apart
# before punctuation ("generation 5,", "detail 4 .").
# The footnote's text may start in lower case ("7pronounced “stork”", "4including apps"),
# and PDFium prints a superscript number alone on its line, the text on the next one
# ("1\nInstructions for access ...", "7\npronounced ..."); "1st", "2nd" are no footnotes.
_FOOTNOTE_LINE = lazy(r"(?m)^(\d{1,2})(?:[A-Z]| {2,}[A-Z]|https?:|www\.|[a-z]{4,}\b"
                      r"|[ \t]*\n[ \t]*(?:[A-Z][a-z]*\b|[A-Z]{2,}|https?:|www\.|[a-z]{3,}\b))")
_FOOTNOTE_MARK = lazy(
    # glued to a word of two letters or more ("kWh4,", "Plain1—with"), or to a unit whose formula lowers a digit
    # after a capital ("tCO2e5", never a number's "5e5", nor an identifier's "a1b2", "e4m3"): a lower-case letter
    # alone with a digit is a variable's index ("edges m1 ! m2", "from p1 to p2"), which a quote keeps as it
    # drops a marker
    r"(?:(?<=[A-Za-z][a-z])|(?<=[%)\]])|(?<=[A-Z]\d[a-z]))(\d{1,2})(?=[\s,.;:)\u2013\u2014]|$)(?![,.]\d)"
    r"|(?<=[a-z%)\]] )(\d{1,2})(?= ?[,.;:](?!\d))"
    # a name in capitals of four letters or more ("SCIDOCS3, a novel ..."); "CO2" keeps its 2
    r"|(?<=[A-Z]{4})(\d{1,2})(?=[\s,.;:)\u2013\u2014]|$)(?![,.]\d)"
    # after the punctuation that ends a word ("composition,3 personal", "SPECTER,2 in-"),
    # or alone on the line after it (PDFium: "SPECTER,\n2\nin-"); never "one, 2 models"
    r"|(?:(?<=[a-z%)\]][,.;:])|(?<=[A-Z]{2}[,.;:]))(\d{1,2})(?=[ \t]*(?:\n|$)|[ \t]+[A-Za-z(])"
    # after the full stop of a sentence ending in a number with an exponent, which no decimal point can follow
    # ("a learning rate of 5e-5.4 Following ...", "p < 1e-3.2 The"), the next sentence opening in capitals
    r"|(?:(?<=\d[eE][-\u2212+]\d\.)|(?<=\d[eE][-\u2212+]\d\d\.)|(?<=\d[eE]\d\.))(\d{1,2})(?=[ \t]+[A-Z])"
    r"|(?:(?<=[a-z%)\]][,.;:]\n)|(?<=[A-Z]{2}[,.;:]\n))(\d{1,2})(?=[ \t]*(?:\n|$))"
    # or alone on its line before the punctuation (PDFium: "(Sinha et al., 2015)\n8\n. MAG")
    r"|(?<=[a-z%)\]]\n)(\d{1,2})(?=[ \t]*\n[ \t]*[,.;:](?!\d))"
    # PDFium's superscript starting the next line, the sentence going on in lower case
    # after it ("(Radev et al., 2009)\n6 derived from ...")
    r"|(?<=[a-z)]\n)(\d{1,2})(?=[ \t]+[a-z])"
)


def footnote_markers(page: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of footnote markers in ``page[lo:hi]`` whose footnote is on the page.

    Only numbers that start a footnote line of the same page count (or that PDFium
    glued to the line-break hyphen before the footnote's text), glued to a
    lower-case word or to a name in capitals of four letters or more ("SCIDOCS3"),
    so "CO2", "GPT3" and ordinary numbers are left alone.
    """
    hi = len(page) if hi is None else hi
    notes = {m.group(1): m.start() for m in _FOOTNOTE_LINE.finditer(page, lo, hi)}
    defined = set(notes)
    if "\u00ad" in page:   # PDFium's "the state\u00ad2\nSPECTER: Scientific ..."
        defined.update(m.group() for m in glued_footnotes(page, lo, hi))
    raised = [(m.start(), m.end()) for m in _RAISED_MARK.finditer(page, lo, hi)] if _ANY_RAISED_DIGIT.search(
        page, lo, hi) else []
    if not defined:
        return raised
    out = []
    for m in _marks(page, lo, hi):
        g = m.lastindex          # the one alternative's group that matched
        if m.group(g) in defined and not _name_repeated(page, m.start(g), m.end(g)) \
                and not _names_number(page, m.start(g), m.end(g), notes):
            out.append((m.start(g), m.end(g)))
    if raised:
        out = sorted(set(out + raised))
    # after a name's number or a year and its comma ("OpenIE\n4,8 we", "Q1 2021,3 compared"): a marker only where it
    # is the page's next footnote, the one after the marker before it ("(NELL)7 and OpenIE\n4,8 we") or the page's
    # first: never "used 2,9 kWh"
    for m in _MARK_AFTER_NUMBER.finditer(page, lo, hi) if _NUMBER_COMMA_WORD.search(page, lo, hi) else ():
        number = m.group("number")
        # a year's comma ("in Q1 2021,3 compared") is no decimal's ("used 2,9 kWh"): after any word
        if number not in defined or not (m.group("name")[0].isupper() or m.group("year")):
            continue
        earlier = [int(page[a:b]) for a, b in out if b <= m.start("number")]
        if earlier[-1:] == [int(number) - 1] or not earlier and number == min(defined, key=int):
            out.append((m.start("number"), m.end("number")))
            out.sort()
    # set apart after a year that ends its sentence ("received 1.7B visits in October 2023 7. Even", its footnote 7 on
    # the page): the page's next footnote only, as after a year's comma
    for m in _MARK_AFTER_YEAR.finditer(page, lo, hi):
        number = m.group("number")
        if number not in defined:
            continue
        earlier = [int(page[a:b]) for a, b in out if b <= m.start("number")]
        if earlier[-1:] == [int(number) - 1] or not earlier and number == min(defined, key=int):
            out.append((m.start("number"), m.end("number")))
            out.sort()
    # after the full stop of a sentence ending in a whole number after a word ("reported in Figure 8.5 We fit", its
    # footnote 5 on the page): the page's next footnote only, as after a name's number, never "1.3 Million" nor
    # "4.2 F1" of a decimal
    for m in _MARK_AFTER_WHOLE.finditer(page, lo, hi) if _WHOLE_STOP_DIGIT.search(page, lo, hi) else ():
        number = m.group("number")
        if number not in defined or not (m.group("word")[0].islower() or m.group("word") in _NUMBERED_LABELS):
            # (after a name, "GPT 3.1 Claude 2.2 Gemini" of a table's row, a decimal: "Claude 2. Gemini" was
            # verified, its digits taken for the page's footnotes 1 and 2)
            continue
        earlier = [int(page[a:b]) for a, b in out if b <= m.start("number")]
        if earlier[-1:] == [int(number) - 1] or not earlier and number == min(defined, key=int):
            out.append((m.start("number"), m.end("number")))
            out.sort()
    return out


# A footnote's marker printed raised after a word of three lower-case letters or more ("use²,", "energy¹ was"), or
# after a unit whose formula lowers a digit after a capital ("tCO2e⁵", "tCO₂e⁵"): a word's mark, never a power (a
# unit's is its own, "km²", "kWh²"; a symbol's, "x²", "σ²", "a1b²", is one or two letters and digits).
_RAISED_MARK = lazy(r"(?:(?<=[a-z]{3})|(?<=[A-Z][\d₀-₉][a-z]))[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}(?=[\s,.;:)\u2013\u2014]|$)")
_ANY_RAISED_DIGIT = lazy(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]")
_NAME_BEFORE = lazy(r"[^\W\d_]+$")


def _name_repeated(page: str, a: int, b: int) -> bool:
    """Whether the word the digits ``page[a:b]`` are glued to is printed with them elsewhere on the page: a name's
    number ("Llama2 ... Llama2", "GPT3"), which a quote keeps, never a footnote's marker (printed once)."""
    word = _NAME_BEFORE.search(page, max(0, a - 40), a)
    if word is None:
        return False
    token = word.group() + page[a:b]
    return len(re.findall(r"(?<![^\W_])" + re.escape(token) + r"(?!\d)", page)) > 1


# A name glued to a number ("Llama2", "Plain1", "Wiktionary4"): the name's own (a model's version) or a footnote's
# marker; the extraction prints both alike. A marker only where that footnote names the word and not with the number
# ("1Code ... github.com/allenai/paper-plain", "4https://en.wiktionary.org"), as a footnote on a name is about it;
# "2See the appendix", "2Llama 2 was released ..." leave "Llama2" the name's, which a quote keeps.
_CAPITALISED_BEFORE = lazy(r"(?<![^\W\d_])[A-Z][a-z]+$")


def _names_number(page: str, a: int, b: int, notes: dict[str, int]) -> bool:
    """Whether the digits ``page[a:b]``, glued to a capitalised word, are its name's number by its footnote."""
    word = _CAPITALISED_BEFORE.search(page, max(0, a - 40), a)
    if word is None:
        return False
    start = notes.get(page[a:b])
    if start is None:
        return False
    name = word.group().lower()
    note = page[start + (b - a):start + 300]
    nxt = _FOOTNOTE_LINE.search(note, 1)
    note = (note[:nxt.start()] if nxt else note).lower()
    return name not in note or re.search(re.escape(name) + r"[\s\-]?" + page[a:b] + r"(?!\d)", note) is not None


def _marks(page: str, lo: int, hi: int):
    """_FOOTNOTE_MARK.finditer(page, lo, hi), tried at digits alone: a marker is its digits,
    what comes before and after it only looked at, so a match can begin at a digit only (and
    the search's own scan, every alternative's lookbehind at every character, took most of
    the time matching a quote spent on footnotes)."""
    at = lo
    for digit in _A_DIGIT.finditer(page, lo, hi):
        if digit.start() >= at and (m := _FOOTNOTE_MARK.match(page, digit.start(), hi)):
            yield m
            at = m.end()


_A_DIGIT = lazy(r"\d")
#: A footnote's mark set apart after a year that ends its sentence: "7" of "in October 2023 7. Even".
_MARK_AFTER_YEAR = lazy(r"(?<![\w.,])(?:19|20)\d\d[ \t]+(?P<number>\d{1,2})(?=\.(?:[ \t\n]+[A-Z]|[ \t]*$))")
#: What every _MARK_AFTER_NUMBER holds (a search of it scans a page at once; that one
#: tries a name at every word).
_NUMBER_COMMA_WORD = lazy(r"\d,\d\d?[ \t]+[a-z]")
_MARK_AFTER_NUMBER = lazy(r"(?<![\w-])(?P<name>[^\W\d_][\w-]*)\s+(?:\d{1,3}|(?P<year>(?:19|20)\d\d)),"
                          r"(?P<number>\d{1,2})(?=[ \t]+[a-z])")
#: The capitalised words a sentence may end with a whole number after, as it ends with one after a word in lower case
#: ("reported in Figure 8.", "shown in 2019."); a name's number is a decimal's ("Claude 2.2 Gemini")
_NUMBERED_LABELS = frozenset({"Figure", "Figures", "Table", "Tables", "Section", "Sections", "Chapter", "Chapters",
                              "Appendix", "Equation", "Equations", "Eq", "Algorithm", "Theorem", "Lemma",
                              "Proposition", "Corollary", "Definition", "Example", "Step", "Part", "Page", "Listing"})
#: What every _MARK_AFTER_WHOLE holds: a full stop between digits, a capital after a space.
_WHOLE_STOP_DIGIT = lazy(r"\d\.\d\d?[ \t]+[A-Z]")
_MARK_AFTER_WHOLE = lazy(r"(?<![\w.,-])(?P<word>[^\W\d_]{2,})[ \t]+\d{1,4}\.(?P<number>\d{1,2})(?=[ \t]+[A-Z][a-z]*\b)")


# A line where an aside starts that an extractor may print inside a sentence at a
# column or page break: a footnote ("4The carbon ...", "2SPECTER: ...",
# "1https://...", "∗Equal contribution", "† Work done ...") or a caption ("Figure
# 3: ...", "Table 2. ..."). Not "22K clickthrough events": a number with a unit.
_ASIDE_LINE = lazy(
    r"(?m)^[ \t]*(?:\d{1,2}[ \t]?(?=[A-Z][a-z]+\b|[A-Z]{2,}|[A-Z]\.[A-Z]\.|https?:|www\.)|\d{1,2}(?=[a-z]{4,}\b)"
    # a footnote in lower case glued to its number ("7pronounced ..."); PDFium: the
    # footnote's symbol alone on its line ("∗\ndenotes equal contribution")
    r"|[*∗†‡§¶][ \t]*\n?[ \t]*(?=[A-Za-z])"
    r"|(?:Figure|Fig\.|Table|Algorithm|Listing)[ \t]*\d{1,2}[ \t]*[:.|])")
# A footnote's number set apart from its text by two spaces or more, the text opening in capitals, a bracket or a
# quote mark ("6  Their neural ...", "7  [Str19] used ..."): a footnote only in the paper's sequence of them
# (`Document.numbered_notes`).
_SPACED_FOOTNOTE = lazy(r"(?m)^(\d{1,2})[ \t]{2,}(?=[A-Z\[“\"]|https?:|www\.)[^\n]*")
# PDFium prints a footnote's number alone on its line, its text on the next one
# ("1\nInstructions for access ...", "1\nhttps://clearinghouse.net."): an aside where
# the page's body carries that number as a footnote marker, not a number of a sentence.
_ALONE_FOOTNOTE = lazy(r"(?m)^[ \t]*(\d{1,2})[ \t]*\n[ \t]*(?=[A-Z][a-z]+\b|[A-Z]{2,}|https?:|www\.|[a-z]{3,}\b)")
# A footnote's number where PDFium prints it at a page's foot: right after the line-break
# hyphen (U+00AD) that ends the body's last line, or alone on the line after it, the
# footnote's text on the next line ("the state\u00ad2\nSPECTER: Scientific ...").
_GLUED_FOOTNOTE = lazy(r"(?:(?<=\u00ad)|(?<=\u00ad\n))\d{1,2}(?=[ \t]*\n[ \t]*(?:[A-Z][a-z]+\b|[A-Z]{2,}|https?:|www\.))")


def glued_footnotes(page: str, lo: int = 0, hi: int | None = None):
    """_GLUED_FOOTNOTE.finditer(page, lo, hi), tried right after each soft hyphen alone (its
    search tried both lookbehinds at every character)."""
    hi = len(page) if hi is None else hi
    tried = -1
    at = page.find("\u00ad", max(0, lo - 2), hi)
    while at >= 0:
        for q in (at + 1, at + 2):
            if lo <= q < hi and q > tried:
                tried = q
                m = _GLUED_FOOTNOTE.match(page, q, hi)
                if m:
                    yield m
        at = page.find("\u00ad", at + 1, hi)


# A caption line: what a table's or a figure's own lines (cells, axis labels) sit next to.
_CAPTION_LINE = lazy(r"(?m)^[ \t]*(?:Figure|Fig\.|Table|Algorithm|Listing)[ \t]*\d{1,2}[ \t]*[:.|]")
_CAPTION_LABEL = lazy(r"[ \t]*(Figure|Fig\.|Table|Algorithm|Listing)[ \t]*(\d{1,2})[ \t]*[:.|]")
# A word of running prose (lower case, two letters or more) and a table cell's number.
_PROSE_WORD = lazy(r"(?<![\w\-])[a-z][a-z'’\-]*[a-z](?![\w\-])")
_CELL_NUMBER = lazy(r"(?<![\w.])[-−+<>~≈±]?(?:\d[\d,]*)?\.?\d+%?(?![\w])")
#: Lines of a table or a figure walked over next to its caption, at most.
TABLE_MAX_LINES = 60


# Words running prose cannot do without; a table's column heads and a figure's labels
# ("dataset input output output") rarely hold one.
_FUNCTION_WORDS = frozenset("the of and to in a an is are was were be been for with that this these by on as "
                            "we our it its from at or which than can has have not".split())


def is_table_line(line: str) -> bool:
    """Whether a line of page text reads as a table row or a figure's labels, not as
    running prose: at most one lower-case word ("CS Bio", "Baseline 84.2 54.2",
    "𝑃𝑃 − 𝑄𝐴 𝑝"), column heads (words repeated, none a function word: "dataset
    input output output"), or numbers at least as many as words (two or more);
    never a line ending a sentence or a clause (. ! ? : ; ,) or broken by a hyphen."""
    t = line.strip()
    if not t or t[-1] in ".!?:;,-" or len(t) > 240:
        return False
    words = _PROSE_WORD.findall(t)
    if len(words) <= 1 or not _FUNCTION_WORDS.intersection(words) and len(set(words)) < len(words):
        return True
    numbers = len(_CELL_NUMBER.findall(t))
    return numbers >= 2 and numbers >= len(words)


def table_lines_before(page: str, start: int, lo: int = 0) -> int:
    """Where the table or figure lines printed right before offset ``start`` (a caption's
    line) begin: the start of the first of the consecutive lines before it that
    `is_table_line` (at most TABLE_MAX_LINES, not before ``lo``); ``start`` when none."""
    first = pos = _labelled_rows_before(page, start, lo)
    for _ in range(TABLE_MAX_LINES):
        if pos <= lo:
            break
        b = pos - 1                      # the newline ending the line before
        a = max(lo, page.rfind("\n", lo, b) + 1)
        if page[b] != "\n":
            break
        if is_table_line(page[a:b]):
            first = a
        elif not _row_of_a_long_label(page[a:b]):
            break
        pos = a
    return first


# A table's row opening with its label, a few capitals and the row's number ("P1 Co-design methodologies ...").
_ROW_LABEL = lazy(r"[ \t]*([A-Z]{1,3})(\d{1,3})[ \t]+\S")
#: Lines a labelled row's cell may wrap onto after its label's line, at most.
_ROW_WRAP_LINES = 2


def _labelled_rows_before(page: str, start: int, lo: int = 0) -> int:
    """Where the rows of a table whose cells are prose begin, printed right before offset ``start`` (its
    caption's line): rows each opening with a label numbered down from the caption to 1 ("P6 Solving math
    problems ...", ..., "P1 Co-design methodologies and examples. Interaction techniques"), three or more, each
    wrapping onto at most _ROW_WRAP_LINES lines; ``start`` when none. Their cells read as running prose
    (`is_table_line` takes none of them), their labels as a table's."""
    pos = start
    prefix, numbers, top, wrapped = "", [], start, 0
    for _ in range(TABLE_MAX_LINES):
        if pos <= lo or page[pos - 1] != "\n":
            break
        a = max(lo, page.rfind("\n", lo, pos - 1) + 1)
        m = _ROW_LABEL.match(page, a, pos - 1)
        if m and (not numbers or m.group(1) == prefix and int(m.group(2)) == numbers[-1] - 1):
            prefix, top, wrapped = m.group(1), a, 0
            numbers.append(int(m.group(2)))
            if numbers[-1] == 1:
                break
        elif numbers and m or wrapped == _ROW_WRAP_LINES:
            break
        else:
            wrapped += 1
        pos = a
    return top if len(numbers) >= 3 and numbers[-1] == 1 else start


def _row_of_a_long_label(line: str) -> bool:
    """A table's row whose label runs to several words before its number ("Avg. of 15 models with LM 55.2"): no
    sentence's or clause's end, a number its last cell. Taken as the table's only below a line that
    `is_table_line` ("With LM 54.1"), in the same run of lines down to the caption: never body text alone."""
    t = line.strip()
    if not t or t[-1] in ".!?:;,-" or len(t) > 240:
        return False
    last = _CELL_NUMBER.search(t, max(0, t.rfind(" ") + 1))
    return last is not None and last.end() == len(t) and last.start() == t.rfind(" ") + 1


def content_ranges(pages: Sequence[str]) -> list[tuple[int, int]]:
    """For each page, the (lo, hi) range of its text once the running headers, footers, page numbers and
    arXiv stamp at its edges are cut off, as quotes are matched against it."""
    return _find_boilerplate(pages)[0]


class Document:
    """A paper folded once for matching: build it once, verify many quotes against it.

    ``stream`` skips boilerplate at page edges. ``lenient`` (built on first
    use) is the same stream without bracketed citation markers ("[51]",
    "[Str19]") and without footnote markers whose footnote is on the same page
    ("kWh4," -> "kWh,"): for quotes whose writer left those out. Removing a
    marker only ever lets a quote *omit* it; no digit can be substituted.
    """

    def __init__(self, pages: Sequence[str]) -> None:
        self.pages: list[str] = list(pages)
        self.content: list[tuple[int, int]]
        self.content, offset = _find_boilerplate(self.pages)
        #: the printed page number of PDF page ``i`` is ``i + printed_offset`` (when the
        #: pages print numbers that are not their PDF page numbers: a proceedings' "2270")
        self.printed_offset: int | None = offset or None
        out: list[str] = []
        origin = array("l")
        page_of = array("i")
        self._page_start: list[int] = []
        #: the text is TeX's with spacing accents: its "´" and "`" are accents (`tex_accented`)
        self.tex = tex_accented(self.pages)
        for pi, (lo, hi) in enumerate(self.content):
            before = len(origin)
            self._page_start.append(before)
            _fold_into(self.pages[pi][lo:hi], lo, out, origin, self.tex)
            page_of.extend(array("i", [pi]) * (len(origin) - before))
        self._page_start.append(len(origin))
        self.stream = Stream("".join(out), origin, page_of, self.pages)
        self._lenient: Stream | None = None

    def stream_index(self, page: int, offset: int) -> int:
        """First stream index at or after (1-based page, offset)."""
        a, b = self._page_start[page - 1], self._page_start[page]
        return bisect.bisect_left(self.stream.origin, offset, a, b)

    @property
    def lenient(self) -> Stream:
        """The stream without citation markers and same-page footnote markers."""
        if self._lenient is None:
            cut = [m.span() for m in CITATION_RE.finditer(self.stream.text)] + self._footnote_cuts()
            self._lenient = self._without(cut)
        return self._lenient

    @property
    def uncited(self) -> Stream:
        """The lenient stream without author-year citations in brackets too ("(Lo et al., 2020)"): for
        a quote that leaves out those (a quote copying one keeps them all)."""
        if "_uncited" not in self.__dict__:
            cut = [m.span() for m in AUTHOR_YEAR_RE.finditer(self.stream.text)]
            self.__dict__["_uncited"] = self._without(
                cut + [m.span() for m in CITATION_RE.finditer(self.stream.text)] + self._footnote_cuts()) \
                if cut else self.lenient
        return self.__dict__["_uncited"]

    @property
    def unfooted(self) -> Stream:
        """The stream without same-page footnote markers, its citation markers kept: for a
        quote that copies "[7, 21, 31]" but leaves out "composition,3"."""
        if "_unfooted" not in self.__dict__:
            self.__dict__["_unfooted"] = self._without(self._footnote_cuts())
        return self.__dict__["_unfooted"]

    def _footnote_cuts(self) -> list[tuple[int, int]]:
        return list(self.footnote_marks)

    @property
    def footnote_marks(self) -> tuple[tuple[int, int], ...]:
        """Stream ranges (start, end) of ``stream`` holding a footnote marker whose footnote is on its page,
        in order (`footnote_markers`), read once."""
        marks = self.__dict__.get("_footnote_marks")
        if marks is None:
            cut: list[tuple[int, int]] = []
            for pi, (lo, hi) in enumerate(self.content):
                for a, b in footnote_markers(self.pages[pi], lo, hi):
                    i, j = self.stream_index(pi + 1, a), self.stream_index(pi + 1, b)
                    if i < j:
                        cut.append((i, j))
            marks = self.__dict__["_footnote_marks"] = tuple(cut)
        return marks

    def _without(self, cut: list[tuple[int, int]]) -> Stream:
        """The stream with the stream ranges ``cut`` left out (itself when none)."""
        s = self.stream
        if not cut:
            return s
        cut.sort()
        parts: list[str] = []
        origin = array("l")
        page_of = array("i")
        pos = 0
        for a, b in cut:
            if a > pos:
                parts.append(s.text[pos:a])
                origin.extend(s.origin[pos:a])
                page_of.extend(s.page_of[pos:a])
            pos = max(pos, b)
        parts.append(s.text[pos:])
        origin.extend(s.origin[pos:])
        page_of.extend(s.page_of[pos:])
        return Stream("".join(parts), origin, page_of, self.pages)

    def aside_starts(self, s: Stream) -> list[int]:
        """Sorted indices of ``s`` (this document's stream, or its lenient one) where a
        line that starts a footnote or a caption begins, or the first line of a table
        or a figure that the extractor printed right before its caption (its cells,
        its labels: `table_lines_before`), and the top of a page holding a caption (a
        float set there, whatever its figure prints: `page_top`)."""
        key = id(s)
        cache = self.__dict__.setdefault("_asides", {})
        if key not in cache:
            out: list[int] = []
            for pi in range(len(self.pages)):
                a = bisect.bisect_left(s.page_of, pi)
                b = bisect.bisect_right(s.page_of, pi, a)
                for offset in self.aside_offsets(pi):
                    i = bisect.bisect_left(s.origin, offset, a, b)
                    if i < b and (not out or out[-1] != i):
                        out.append(i)
            cache[key] = out
        return cache[key]

    def aside_offsets(self, pi: int) -> list[int]:
        """Sorted offsets of 0-based page ``pi`` where a line that starts a footnote or a caption begins,
        or the first line of a table or a figure printed right before its caption, and the top of the
        page's body when it holds a caption (see `aside_starts`)."""
        cache = self.__dict__.setdefault("_aside_offsets", {})
        if pi not in cache:
            lo, hi = self.content[pi]
            page = self.pages[pi]
            offsets = [m.start() for m in _ASIDE_LINE.finditer(page, lo, hi)] + list(self.numbered_notes(pi))
            alone = list(_ALONE_FOOTNOTE.finditer(page, lo, hi))
            if alone:
                marked = {page[a:b] for a, b in footnote_markers(page, lo, hi)}
                offsets += [m.start() for m in alone if m.group(1) in marked]
            if "\u00ad" in page:
                offsets += [m.start() for m in glued_footnotes(page, lo, hi)]
            captions = [m.start() for m in _CAPTION_LINE.finditer(page, lo, hi)]
            offsets += [table_lines_before(page, c, lo) for c in captions]
            if captions and pi:
                offsets.append(lo)      # a figure or a table set at the top of the page
            cache[pi] = sorted(set(offsets))
        return cache[pi]

    def numbered_notes(self, pi: int) -> frozenset[int]:
        """Offsets of 0-based page ``pi`` where a footnote starts that a layout sets apart from its number by
        spaces ("6  Their neural ...", "7  [Str19] used ..."): a line opening with the number that follows the
        paper's footnote before it (the paper numbers its footnotes in order, page after page), so a body or
        table line that happens to open with a number ("8   P100s for batch") is none."""
        notes = self.__dict__.get("_numbered_notes")
        if notes is None:
            notes = []
            last = 0
            for p, (lo, hi) in enumerate(self.content):
                found = set()
                for m in _SPACED_FOOTNOTE.finditer(self.pages[p], lo, hi):
                    if int(m.group(1)) == last + 1:
                        last += 1
                        found.add(m.start())
                notes.append(frozenset(found))
            self.__dict__["_numbered_notes"] = notes
        return notes[pi]

    def table_starts(self, pi: int) -> dict[int, int]:
        """Offsets of 0-based page ``pi`` where the lines of a table or a figure printed right before its caption
        begin (`table_lines_before`), each with its caption's offset."""
        cache = self.__dict__.setdefault("_table_starts", {})
        if pi not in cache:
            lo, hi = self.content[pi]
            page = self.pages[pi]
            cache[pi] = {table_lines_before(page, c, lo): c for c in
                         (m.start() for m in _CAPTION_LINE.finditer(page, lo, hi))}
        return cache[pi]

    def page_top(self, s: Stream, i: int) -> bool:
        """Stream index ``i`` of ``s`` is the first character of its page's body."""
        return i < len(s.page_of) and (i == 0 or s.page_of[i - 1] != s.page_of[i])

    def caption_in(self, s: Stream, a: int, b: int) -> bool:
        """The text behind stream ``a:b`` of ``s`` holds a caption's line ("Figure 1: ...")."""
        return _CAPTION_LINE.search(s.original(a, b)) is not None

    def caption_label(self, page: int, offset: int) -> tuple[str, str] | None:
        """("table", "4") when a caption line ("Table 4: ...", "Fig. 4. ...") starts at
        ``offset`` of 0-based ``page``, else None."""
        m = _CAPTION_LABEL.match(self.pages[page], offset)
        if m is None or (offset and self.pages[page][offset - 1] != "\n"):
            return None
        return ("figure" if m.group(1) == "Fig." else m.group(1).lower()), m.group(2)

    def caption_count(self, label: tuple[str, str]) -> int:
        """How many lines of the paper start like a caption with this label: more than
        one, and all but one are the paper's sentences going on ("... linking in" /
        caption / "Table 4. On average, ...")."""
        counts = self.__dict__.get("_caption_counts")
        if counts is None:
            counts = Counter()
            for pi, (lo, hi) in enumerate(self.content):
                for m in _CAPTION_LINE.finditer(self.pages[pi], lo, hi):
                    found = self.caption_label(pi, m.start())
                    if found is not None:
                        counts[found] += 1
            self.__dict__["_caption_counts"] = counts
        return counts[label]

    @property
    def has_markers(self) -> bool:
        """Whether the lenient stream differs from the plain one."""
        return self.lenient is not self.stream

    def __len__(self) -> int:
        return len(self.pages)
