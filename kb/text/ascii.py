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

__all__ = ["ascii_fold", "fix_pdf_accents", "lookalike_named", "looks", "transliterate", "unseen_dropped"]

#: Characters that show nothing where they stand: a soft hyphen, the zero-width spaces and joiners,
#: a word joiner, a byte order mark, the invisible operators, direction marks, embeddings and isolates.
_UNSEEN = lazy(r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def unseen_dropped(text: str) -> str:
    """`text` as a person reads it, for matching and search only (the file keeps what the person wrote):
    without the characters that show nothing where they stand, which join the letters around them
    ('Smi\u200bth', 'Pre\u00adtraining', '\ufeffDoe': 'Smith', 'Pretraining', 'Doe'), never split them."""
    return text if text.isascii() else _UNSEEN.sub("", text)

# Letters Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans({"ı": "i", "ȷ": "j", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                          "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})


# The letters of Cyrillic and Greek that Unicode's confusables (UTS #39, confusables.txt)
# map to a Latin letter: a key written with one (a Cyrillic 'а' from a Russian keyboard
# layout, a Greek 'Ο' pasted from a PDF) looks like the Latin key and is another to BibTeX.
_LOOKALIKES = str.maketrans(dict(zip(
    "\u0430\u0432\u0435\u0455\u0456\u0458\u043e\u0440\u0441\u0443\u0445\u0501\u04bb\u04cf\u051b\u051d"
    "\u0410\u0412\u0415\u0405\u0406\u0408\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0423"
    "\u051a\u051c\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5"
    "\u03a7\u03b1\u03bf\u03bd\u03c1\u03c5\u03b9\u03b3",
    "abesijopcyxdhlqwABESIJKMHOPCTXYQWABEZHIKMNOPTYXaovpuiy")))


def looks(text: str) -> str:
    """`text` as it looks: compatibility forms folded (NFKC: a fullwidth 'ａ', a mathematical
    '𝐚') and the Cyrillic and Greek letters that look Latin written as those (UTS #39's
    skeleton for the common letters). Two strings of one look differ only in what a reader
    cannot see."""
    return unicodedata.normalize("NFKC", text).translate(_LOOKALIKES)


def lookalike_named(text: str) -> str | None:
    """The first character of `text` outside ASCII that looks like an ASCII one, named with
    it for a message ("U+0435 CYRILLIC SMALL LETTER IE for 'e'"); None if none."""
    for ch in text:
        if not ch.isascii():
            look = looks(ch)
            if look.isascii() and look.strip():
                return f"U+{ord(ch):04X} {unicodedata.name(ch, '?')} for {look!r}"
    return None


def ascii_fold(text: str) -> str:
    """Accents and compatibility forms (ligatures, full-width letters) folded
    to plain letters; characters with no plain form are left as they are."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).translate(_LETTERS)


# Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian) and Greek letters in Latin ones,
# letter by letter (the reading names are given in passports and library catalogues, without marks: 'Иванов'
# -> 'ivanov', 'Щербаков' -> 'shcherbakov', 'Παπαδόπουλος' -> 'papadopoulos'). Small, closed alphabets:
# a table reads them. Han, kana and Hangul have no such table (a reading of Han needs a dictionary).
_CYRILLIC = dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziiklmnoprstufye")) | {
    "ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "yu",
    "я": "ya", "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj",
    "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz"}
_GREEK = {"α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
          "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
          "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o"}
_TRANSLIT = str.maketrans({**_CYRILLIC, **{k.upper(): v.capitalize() for k, v in _CYRILLIC.items()},
                           **_GREEK, **{k.upper(): v.capitalize() for k, v in _GREEK.items() if k != "ς"}})
# Greek's pairs read as one sound: 'ου' -> 'ou' (not 'oy'), 'αυ', 'ευ' -> 'au', 'eu', 'γγ' -> 'ng'
_GREEK_PAIRS_RE = lazy(r"(?i)(?<=[αεοη])υ|γ(?=[γκξχ])")


def transliterate(text: str) -> str:
    """Cyrillic and Greek letters in Latin ones (accents and the Greek tonos dropped first, as
    ascii_fold drops them), every other character as it is: 'Иванов' -> 'Ivanov', 'Παπαδόπουλος'
    -> 'Papadopoulos', '王小明' unchanged. The same text gives the same letters, always."""
    text = ascii_fold(text)
    if text.isascii():
        return text
    if "υ" in text.lower() or "γ" in text.lower():
        text = _GREEK_PAIRS_RE.sub(lambda m: {"υ": "u", "Υ": "U", "γ": "n", "Γ": "N"}[m.group(0)], text)
    return text.translate(_TRANSLIT)


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
