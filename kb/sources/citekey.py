"""Citekeys: first author, year, first significant title word.

`luccioni2023power` for Luccioni et al. 2023, "Power Hungry Processing". A key
that clashes gets a letter suffix (b, c, ...; the first holder keeps the bare
key). Once written to references.bib a key never changes: this module only
makes keys for new entries.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from kb.text.ascii import ascii_fold, transliterate
from kb.text.latex import latex_to_text
from kb.text.names import author_key, last_name

STOPWORDS = frozenset("""
a an the on of in for to and or with from by at as is are be via into onto over
towards toward about what why how when where which who whom do does can we our
this that these those its it not no new using use""".split())


def key_form(key: str) -> str:
    """A key as kb compares keys written two ways: its accented letters in one Unicode form
    (NFC). "müller" typed in a terminal and "müller" saved by macOS or a BibTeX tool as u
    and a combining diaeresis (NFD) look the same and are one key. So are keys differing
    only in characters nobody sees (`invisible`: a zero-width space or a right-to-left
    mark pasted from a web page, a control character): the one typed finds the other."""
    if key.isascii() and key.isprintable():
        return key
    return "".join(ch for ch in unicodedata.normalize("NFC", key) if not _invisible(ch))


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf")


def invisible(key: str) -> str | None:
    """The first character of `key` nobody sees (a control or format character: U+200B
    ZERO WIDTH SPACE, U+202E RIGHT-TO-LEFT OVERRIDE, ESC), named as `U+XXXX NAME`; None if none."""
    for ch in key:
        if _invisible(ch):
            return f"U+{ord(ch):04X} {unicodedata.name(ch, 'CONTROL CHARACTER')}"
    return None


def fold_key(key: str) -> str:
    """A key as BibTeX tells keys apart: in any case, and in any Unicode form (key_form)."""
    return key_form(key).lower()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", ascii_fold(text).lower())


# the small words of Russian, Ukrainian and Greek titles, as STOPWORDS are of English ones
_OTHER_STOPWORDS = frozenset("""и в во на о об по с со к из от для при за до не или а но что как
і й та у з від для чи ο η το οι τα και του της των τον την σε για με από στο στη στην""".split())


def first_word(title: str) -> str:
    """The first significant word of a title, in ASCII: a title in Cyrillic or Greek letters
    transliterated ('Глубокое обучение' -> 'glubokoe')."""
    title = latex_to_text(title)
    words = re.findall(r"[A-Za-z0-9]+", ascii_fold(title))
    if not words and not title.isascii():
        words = [transliterate(w) for w in re.findall(r"[^\W_]+", title) if w.lower() not in _OTHER_STOPWORDS]
        words = [w for w in words if w.isascii()]
    for word in words:
        low = word.lower()
        if low not in STOPWORDS and not low.isdigit():
            return low
    return words[0].lower() if words else ""


def _unlatin_key(author: str) -> str:
    """An author's key when the name has no Latin letter ('Иванов, Иван', 'Παπαδόπουλος', '王小明'):
    the key references give it (kb.text.names.author_key: its own script, a Han, kana or Hangul
    name whole), transliterated where a table reads its script, Cyrillic and Greek ('ivanov',
    'papadopoulos'), else in Punycode (RFC 3492, the ASCII form of international domain names:
    'yeto6u69k' for 王小明; a reading of Han needs a dictionary, and Punycode guesses none): the
    same name gives the same key, two names two keys. ASCII, as every key kb makes: pdfLaTeX
    cannot \\cite a key of other characters, nor do BibTeX 0.99 styles sort one; a key a person
    wrote, or kb wrote before, is kept as written."""
    key = author_key(author)
    if not key or key.isascii():
        return ""
    latin = transliterate(key)
    if latin.isascii():
        return _slug(latin)
    return key.encode("punycode").decode("ascii").strip("-")


def base_key(authors: list[str], year: int | str | None, title: str | None) -> str:
    author = _slug(last_name(authors[0])) if authors else ""
    author = author or (_unlatin_key(authors[0]) if authors else "") or "anon"
    year_s = str(year) if year else "nd"
    return f"{author}{year_s}{first_word(title or '')}"


def unique_key(base: str, taken: Iterable[str]) -> str:
    """The base key, or base+b, base+c, ... if taken; then base+2, base+3, ... . Taken in
    any case: BibTeX does not tell Doe2021Energy from doe2021energy (and kb refuses a file
    holding two keys that differ only so)."""
    taken = {fold_key(t) for t in taken}
    if base.lower() not in taken:
        return base
    letters = "bcdefghijklmnopqrstuvwxyz"
    for letter in letters:
        if (base + letter).lower() not in taken:
            return base + letter
    n = 2
    while f"{base}{n}".lower() in taken:
        n += 1
    return f"{base}{n}"


def make_key(authors: list[str], year: int | str | None, title: str | None,
             taken: Iterable[str]) -> str:
    return unique_key(base_key(authors, year, title), taken)
