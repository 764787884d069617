"""Text as printed for a person: the one place it is decided.

Page text is stored as the extractor returned it, and matching reads it so; what kb
prints for a person to read (snippets, closest passages, page text, exports) leaves out
what a terminal or a Markdown viewer would show wrongly. PDFium prints a hyphen it put
at a line's end as a soft hyphen (U+00AD) inside the word ("ingre\u00addient"): a
terminal shows it as a stray "-" or nothing, and a reader copying the word gets it too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from kb.text.lazyre import lazy

__all__ = ["counted", "agreeing", "few_of", "readable", "Vocabulary", "unbroken", "close_names", "pages_said"]

# A soft hyphen and the line break after it; zero-width characters.
_INVISIBLE = lazy(r"\u00ad[ \t]*(?:\r?\n[ \t]*)?|[\u200b\u2060\ufeff]")


def readable(text: str) -> str:
    """``text`` as printed for a person: a word broken with a soft hyphen joined
    ("ingre\u00addient" -> "ingredient") and zero-width characters left out."""
    if not any(c in text for c in "\u00ad\u200b\u2060\ufeff"):
        return text
    return _INVISIBLE.sub("", text)


# A word broken by a hyphen at a line's end ("environmen-\ntal", "state-of-the-\nart"): the
# words before the break (a compound's too) and the word after it, letters only.
_LINE_END_HYPHEN = lazy(r"(?<![\w\-\u2010])((?:[^\W\d_]+[-\u2010])*[^\W\d_]+)[-\u2010][ \t]*\r?\n[ \t]*([^\W\d_]+)")
# A word as a paper prints it within a line, with its own hyphens ("energy-efficient").
_WORD = lazy(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")


class Vocabulary:
    """The words a paper prints within its lines (NFKC, lower case; a compound with its
    hyphens): what `unbroken` looks a word broken at a line end up in. Read on first use."""

    def __init__(self, pages: Iterable[str]) -> None:
        self._pages = pages
        self._words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            text = unicodedata.normalize("NFKC", "\n".join(self._pages)).lower()
            self._words = set(_WORD.findall(text.replace("\u2010", "-")))
        return unicodedata.normalize("NFKC", word).lower().replace("\u2010", "-") in self._words


def unbroken(text: str, vocabulary: Vocabulary) -> str:
    """``text`` with each word a line-end hyphen broke written as the paper writes it
    elsewhere: joined ("environmen-\ntal" -> "environmental") or with its own hyphen
    ("state-of-the-\nart" -> "state-of-the-art"); a break whose word the paper never writes
    whole is left as it is ("energy-\nand carbon-intensive" stays). For display only."""
    if "\n" not in text or not ("-" in text or "\u2010" in text):
        return text

    def join(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        hyphened = f"{left}-{right}"
        if hyphened in vocabulary:
            return hyphened
        if left + right in vocabulary:
            return left + right
        return m.group()

    return _LINE_END_HYPHEN.sub(join, text)


#: Nouns whose plural is not the noun with -s or -ies: "quote" -> "quotes" and "entry" -> "entries" go by rule.
_PLURALS = {"match": "matches", "restatement": "restatements", "quoted passage": "quoted passages",
            "@xdata/@set entry": "@xdata/@set entries", "batch": "batches", "index": "indexes"}


def plural(noun: str) -> str:
    """`noun` of more than one: "quote" "quotes", "entry" "entries", "key" "keys", "match" "matches"."""
    if noun in _PLURALS:
        return _PLURALS[noun]
    head, _, last = noun.rpartition(" ")
    lead = head + " " if head else ""
    if last.endswith("y") and len(last) > 1 and last[-2].lower() not in "aeiou":
        return lead + last[:-1] + "ies"
    if last.endswith(("s", "x", "ch", "sh")):
        return lead + last + "es"
    return lead + last + "s"


def counted(n: int, noun: str, many: str | None = None, *, sep: bool = False) -> str:
    """A count with its noun as a person says it: "1 quote", "2 quotes", "0 entries", "1 entry"
    (`many`: the plural where the rule has it wrong; `sep`: thousands written 1,000)."""
    number = f"{n:,}" if sep else f"{n}"
    return f"{number} {noun if n == 1 else (many or plural(noun))}"


def agreeing(n: int, one: str, many: str) -> str:
    """The verb after a count, as it agrees with it: agreeing(1, "is", "are") "is"."""
    return one if n == 1 else many


def pages_said(page: int, end: int | None = None) -> str:
    """A quote's pages as every command says them: '13', '12-13', and a last page before the first,
    as a claims file edited by hand may hold, '14 (page_end 13)' (never the range '14-13')."""
    if not end or end == page:
        return f"{page}"
    return f"{page}-{end}" if end > page else f"{page} (page_end {end})"


def claim_name(citekey: str, claim_id: str) -> str:
    """A claim as every command says it: KEY.ID with '-' as '_' ('strubell2019energy.nas_co2e'), as `kb claims`
    lists it, a check's expr names it (a '-' would be a minus sign there) and `kb claim rm` takes it (its id as
    claims/KEY.toml writes it, 'nas-co2e', is read there too)."""
    return f"{citekey}.{claim_id.replace('-', '_')}"


def close_names(given: str, names: Iterable[str], n: int = 3, cutoff: float = 0.8) -> list[str]:
    """The names a person typing `given` may mean, for a 'did you mean' of an id, a claim or a
    check: those it spells in another case first ('SURGE' for surge, as a citekey in another case
    is offered), then the close ones, case aside; as each is written."""
    import difflib

    held = list(dict.fromkeys(names))
    folded = given.casefold()
    same = [name for name in held if name.casefold() == folded and name != given]
    by_fold: dict[str, str] = {}
    for name in held:
        by_fold.setdefault(name.casefold(), name)
    close = [by_fold[f] for f in difflib.get_close_matches(folded, list(by_fold), n=n, cutoff=cutoff)]
    return list(dict.fromkeys(same + [c for c in close if c != given]))[:n]


def choice_said(option: str, value: str, valid: Iterable[str]) -> str:
    """An option's value that is none of `valid`, as every command refuses it (exit 2), naming every valid value
    and, where one is spelled close to it, that one: "--format 'grapml': choose one of graphml, gexf, dot, json;
    did you mean graphml?" (--format, --sort, --anchor, --extractor alike)."""
    valid = list(valid)
    given = repr(value) if len(value) <= 80 else f"{value[:60]!r}... ({len(value):,} characters)"
    close = close_names(value, valid, n=1, cutoff=0.6) if len(value) <= 80 else []
    return f"{option} {given}: choose one of {', '.join(valid)}" + (f"; did you mean {close[0]}?" if close else "")


def few_of(names: list[str], most: int = 10) -> str:
    """The first `most` of `names`, then how many more: "a, b, c" or "a, ..., j, and 5 more"."""
    shown = ", ".join(names[:most])
    return shown + (f", and {len(names) - most} more" if len(names) > most else "")


#: What a listing prints for a paper whose entry holds no title (kb files no file name for one).
NO_TITLE = "(no title)"


def untitled_said(keys: list[str]) -> str:
    """One line naming the papers of `keys` without a title and how to give each one."""
    return (f"{counted(len(keys), 'paper')} {agreeing(len(keys), 'has', 'have')} no title ({few_of(keys)}): write it in "
            "references.bib (title = {...}), or `kb add` the paper's arXiv id or DOI with the network")
