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


def fix_pdf_accents(text: str) -> str:
    """pypdf's spacing accents merged into the letter they belong to:
    'R´ emi' -> 'Rémi', 'J¨org' -> 'Jörg'."""
    if not any(c in text for c in _SPACING_ACCENTS):
        return text

    def repl(m: re.Match[str]) -> str:
        letter = {"ı": "i", "ȷ": "j"}.get(m.group(2), m.group(2))
        return unicodedata.normalize("NFC", letter + _SPACING_ACCENTS[m.group(1)])

    return _ACCENT_BEFORE_RE.sub(repl, text)
