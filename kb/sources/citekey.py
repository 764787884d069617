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

STOPWORDS = frozenset("""
a an the on of in for to and or with from by at as is are be via into onto over
towards toward about what why how when where which who whom do does can we our
this that these those its it not no new using use""".split())

LATEX_ACCENT = re.compile(r"\\[`'^\"~=.uvHtcdbkr]\s*\{?\s*([A-Za-z])\s*\}?")
LATEX_CMD = re.compile(r"\\[A-Za-z]+\s*")


def ascii_fold(text: str) -> str:
    """'Hernández-García' -> 'Hernandez-Garcia'; strips LaTeX accents too."""
    text = LATEX_ACCENT.sub(r"\1", text)
    text = LATEX_CMD.sub("", text).replace("{", "").replace("}", "")
    text = unicodedata.normalize("NFKD", text)
    text = text.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in text if not unicodedata.combining(c))


def last_name(author: str) -> str:
    """The family name of a BibTeX-style author ('Last, First' or 'First Last')."""
    author = author.strip()
    if not author:
        return ""
    if "," in author:
        return author.split(",", 1)[0].strip()
    parts = author.split()
    # Keep particles with the last name ("van der Berg" -> "van der Berg").
    i = len(parts) - 1
    while i > 0 and parts[i - 1][:1].islower():
        i -= 1
    return " ".join(parts[i:])


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", ascii_fold(text).lower())


def first_word(title: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", ascii_fold(title or ""))
    for word in words:
        low = word.lower()
        if low not in STOPWORDS and not low.isdigit():
            return low
    return words[0].lower() if words else ""


def base_key(authors: list[str], year: int | str | None, title: str | None) -> str:
    author = _slug(last_name(authors[0])) if authors else ""
    author = author or "anon"
    year_s = str(year) if year else "nd"
    return f"{author}{year_s}{first_word(title or '')}"


def unique_key(base: str, taken: Iterable[str]) -> str:
    """The base key, or base+b, base+c, ... if taken; then base+ba... ."""
    taken = set(taken)
    if base not in taken:
        return base
    letters = "bcdefghijklmnopqrstuvwxyz"
    for letter in letters:
        if base + letter not in taken:
            return base + letter
    n = 2
    while f"{base}{n}" in taken:
        n += 1
    return f"{base}{n}"


def make_key(authors: list[str], year: int | str | None, title: str | None,
             taken: Iterable[str]) -> str:
    return unique_key(base_key(authors, year, title), taken)
