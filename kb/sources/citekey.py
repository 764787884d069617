"""Citekeys: first author, year, first significant title word.

`luccioni2023power` for Luccioni et al. 2023, "Power Hungry Processing". A key
that clashes gets a letter suffix (b, c, ...; the first holder keeps the bare
key). Once written to references.bib a key never changes: this module only
makes keys for new entries.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Iterator

from kb.text.ascii import ascii_fold, lookalike_named, looks, transliterate
from kb.text.latex import latex_to_text
from kb.text.names import author_key, first_family

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


#: '&', '%' and '#' escaped as in a title: how older kb wrote a key into a field of keys
#: (kb rename kept 'lee&kim2021' in `ids` as 'lee\\&kim2021'). No key holds a backslash.
_ESCAPED_IN_FIELD = re.compile(r"\\([&%#])")


def field_key(value: str | None) -> str:
    """The citekey a field of one key names (`crossref`, `xref`, one of `ids`): as written,
    but for the escapes older kb wrote ('lee\\&kim2021' is lee&kim2021, the key it was
    given); '' for none."""
    value = (value or "").strip()
    return _ESCAPED_IN_FIELD.sub(r"\1", value) if "\\" in value else value


def key_list(value: str | None) -> list[str]:
    """The citekeys a field of keys lists (biblatex's `ids`: comma-separated), each as
    `field_key` reads it."""
    return [k for k in (field_key(v) for v in (value or "").split(",")) if k]


def aliases(fields: dict) -> list[str]:
    """The other keys of a paper, as its biblatex `ids` field lists them (key_list)."""
    return key_list(fields.get("ids"))


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf")


def invisible(key: str) -> str | None:
    """The first character of `key` nobody sees (a control or format character: U+200B
    ZERO WIDTH SPACE, U+202E RIGHT-TO-LEFT OVERRIDE, ESC), named as `U+XXXX NAME`; None if none."""
    for ch in key:
        if _invisible(ch):
            return f"U+{ord(ch):04X} {unicodedata.name(ch, 'CONTROL CHARACTER')}"
    return None


def escaped(key: str) -> str:
    """A key as a message shows it so that a person sees every character: its repr with each
    character outside ASCII as a \\u escape ('j\\u0430ne2021power', 'sm\\u200dith2020'), where
    the key as written looks like another or hides a character."""
    return repr(key).encode("ascii", "backslashreplace").decode("ascii")


def skeleton(key: str) -> str:
    """What a key looks like, as UTS #39 compares identifiers: two keys of one skeleton are
    told apart only by characters nobody sees or letters of other scripts that look alike
    (Cyrillic 'а' for 'a'), or by case, which BibTeX ignores. NFKC first, so a fullwidth
    'ａ' or a mathematical '𝐚' is its letter too."""
    if key.isascii():
        return key.lower() if key.isprintable() else key_form(key).lower()
    return looks(key_form(key)).lower()


def lookalike(key: str, keys: Iterable[str]) -> str | None:
    """The first of `keys` that is not `key` but looks the same (same skeleton, other
    characters once Unicode forms and case are set aside); None if none."""
    want, folded = skeleton(key), fold_key(key)
    for other in keys:
        if other != key and fold_key(other) != folded and skeleton(other) == want:
            return other
    return None


def unlike(key: str, other: str) -> str:
    """Where two keys of one skeleton differ, for a message: the first character of one
    outside ASCII, and the letter it looks like ('U+0430 CYRILLIC SMALL LETTER A for 'a'')."""
    return lookalike_named(key_form(key) + key_form(other)) or "the case of its letters"


def odd_keys(keys: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(key, what is wrong with it) for each key a person can hardly have meant as written:
    one holding a character nobody sees (a zero-width joiner, a soft hyphen, a bidi override:
    `invisible`), and one that looks like another of `keys` (`lookalike`), said of both.
    Plain ASCII keys cost a membership test: only keys outside ASCII are compared."""
    keys = list(keys)
    odd = [k for k in keys if not (k.isascii() and k.isprintable())]
    if not odd:
        return
    by_look: dict[str, list[str]] = {}
    for k in keys:
        by_look.setdefault(skeleton(k), []).append(k)
    for k in odd:
        hidden = invisible(k)
        if hidden:
            yield k, f"holds a character nobody sees ({hidden})"
        twin = next((o for o in by_look.get(skeleton(k), []) if o != k and fold_key(o) != fold_key(k)), None)
        if twin is not None:
            yield k, (f"looks like the key {escaped(twin)} but is another "
                      f"({unlike(k, twin)}): BibTeX, LaTeX and kb read two papers")


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


#: The most letters of each part of a key kb makes (name, year, word): the longest family names and
#: organisations keyed whole ('intergovernmentalpanelonclimatechange', 37) fit, and a key of three such
#: parts stays far below the longest claims file name (kb.store.paths: 200 characters).
KEY_PART = 48


def base_key(authors: list[str], year: int | str | None, title: str | None) -> str:
    """'luccioni2023power': the first author's family name as it is keyed (an organisation's whole, without
    its acronym: '{International Energy Agency (IEA)}' -> internationalenergyagency), the year, the title's
    first significant word."""
    author = _slug(first_family(authors)) if authors else ""
    author = author or (_unlatin_key(authors[0]) if authors else "") or "anon"
    year_s = str(year) if year else "nd"
    # each part bounded (KEY_PART): a family name or title word of garbled or hostile metadata (a
    # record's 100,000-letter name) made a key no claims file can be named for, so no quote stored
    return f"{author[:KEY_PART]}{year_s[:KEY_PART]}{first_word(title or '')[:KEY_PART]}"


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
