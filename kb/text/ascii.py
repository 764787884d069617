"""ASCII forms of names and titles: the one place letters are folded to ASCII.

Comparing a title or a name across sources (BibTeX, arXiv, Crossref, a
reference list as pypdf extracted it) and making citekeys and slugs all need
the same plain-letter form: 'Hernández-García' -> 'Hernandez-Garcia',
'biaﬃne' -> 'biaffine'. (Quote matching folds page text its own way, with
offsets: kb.text.normalise.)
"""

from __future__ import annotations

import re
import unicodedata

from kb.text.lazyre import lazy

__all__ = ["ascii_fold", "fix_pdf_accents"]

# Letters Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans({"ı": "i", "ȷ": "j", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                          "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})


def ascii_fold(text: str) -> str:
    """Accents and compatibility forms (ligatures, full-width letters) folded
    to plain letters; characters with no plain form are left as they are."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).translate(_LETTERS)


_SPACING_ACCENTS = {
    "´": "\u0301", "`": "\u0300", "¨": "\u0308", "˜": "\u0303", "ˆ": "\u0302",
    "ˇ": "\u030c", "¸": "\u0327", "˚": "\u030a", "˝": "\u030b", "˘": "\u0306",
}
# pypdf emits TeX accents as a spacing mark before the letter, often with a
# space: "R´ emi", "Lo¨ıc", "J¨org", "Montr´eal".
_ACCENT_BEFORE_RE = lazy(r"([´`¨˜ˆˇ¸˚˝˘])\s?([A-Za-zıȷ])")
# PDFium sets some of them after their letter, next to the accent of the
# following letter ("Reh ˇ u˚ˇrek" for Řehůřek) ...
_ACCENT_AFTER_RE = lazy(r"([A-Za-z])([´`¨˜ˆˇ¸˚˝˘])(?=[´`¨˜ˆˇ¸˚˝˘])")
# ... or between two parts of a word, off the letter they belong to
# ("Perez P ´ erez", "M ´ uller", "Rodr ´ ´ıguez"): the word is one word again,
# the mark, whose letter is unknown, dropped ...
_ACCENT_INSIDE_RE = lazy(r"(?<=[A-Za-z])[ \t][´`¨˜ˆˇ¸˚˝˘](?:[ \t]?[´`¨˜ˆˇ¸˚˝˘])*[ \t]?(?=[a-zıȷ])")
# ... and others on their own, away from their letter ("Jorg Sander, Xiaowei ¨"
# at the end of a line for Jörg): a mark with a space or the line's edge on
# both sides belongs to no letter near it.
_ACCENT_ALONE_RE = lazy(r"(?:(?<=\s)|^)[´`¨˜ˆˇ¸˚˝˘]+(?:[ \t]+|$)", re.M)
# any of them: most text has none, and one look says so
_ACCENT_CHARS = frozenset(_SPACING_ACCENTS)


def _compose(letter: str, accent: str) -> str:
    letter = {"ı": "i", "ȷ": "j"}.get(letter, letter)
    composed = unicodedata.normalize("NFC", letter + _SPACING_ACCENTS[accent])
    # no letter of any language is this one with this accent ('Ẍu'): the mark
    # is misplaced, and the letter is more use on its own
    return composed if len(composed) == 1 else letter


def fix_pdf_accents(text: str) -> str:
    """Spacing accents of PDF text merged into the letter they belong to:
    'R´ emi' -> 'Rémi', 'J¨org' -> 'Jörg', 'u˚ˇrek' -> 'ůřek'; a mark standing
    alone or one no letter takes is dropped ('P ´ erez' -> 'Perez')."""
    if text.isascii() and "`" not in text:
        return text                 # '`' is the one of them in ASCII (and isascii() costs nothing)
    if _ACCENT_CHARS.isdisjoint(text):
        return text
    if _ACCENT_INSIDE_RE.search(text):
        text = _ACCENT_INSIDE_RE.sub("", text)
    text = _ACCENT_ALONE_RE.sub("", text)
    if _ACCENT_AFTER_RE.search(text):
        text = _ACCENT_AFTER_RE.sub(lambda m: _compose(m.group(1), m.group(2)), text)
    return _ACCENT_BEFORE_RE.sub(lambda m: _compose(m.group(2), m.group(1)), text)
