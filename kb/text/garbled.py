"""Whether a page's extracted text is garbage a broken font gave, not what the page prints: a ToUnicode map that
maps its glyphs to U+FFFD, to private-use characters, to CJK ideographs in a Latin text, to one glyph for every
letter, or to the letters shifted by a constant ('Uif npefm' or '7KH PRGHO' for 'The model'). Pure functions: what
kb add warns of, kb show names, and kb quote add and kb verify refuse a quote on."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

#: The replacement character, which an extractor gives for a glyph its font maps to no text.
REPLACEMENT = "\ufffd"

#: English words of two letters or more that any page of English prose prints many of: a page of none of them that,
#: every character shifted by one constant, prints many, is a page of shifted letters.
_COMMON = frozenset("the of and to in is for that on with are we by as this be from at or an it was which not can "
                    "has have our their these its were been but also".split())
_BY_LENGTH: dict[int, list[str]] = {}
for _word in sorted(_COMMON):
    _BY_LENGTH.setdefault(len(_word), []).append(_word)

#: Punctuation and syllabaries a real Chinese, Japanese or Korean text prints among its ideographs (U+3000-U+303F:
#: '。', '、', '「'; kana; Hangul; full-width forms: '，', '：', '（'): ideographs without any of them, in runs a space
#: apart like words, are a Latin text's letters mapped to ideographs.
_CJK_COMPANION = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3130-\u318f\uac00-\ud7af\uff00-\uffef]")


#: CJK ideographs (the unified block, extension A, compatibility ideographs) and private-use characters (the BMP's
#: area and planes 15-16), counted by the regular expression engine: a page is read at C's speed, not a character at
#: a time in Python (every page of every PDF kb adds is asked).
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")
_PRIVATE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
#: A letter of any script (private-use characters and U+FFFD are none): a page whose private-use characters (or
#: U+FFFD) are fewer than its letters prints its words and gives only symbols as them (a Word document's Symbol
#: font: '\uf061' for alpha, '\uf03d' for '=', '\uf0b7' for a bullet), where a font giving its letters so leaves
#: few letters beside them.
_LETTER = re.compile(r"[^\W\d_]")


def replaced(page: str) -> bool:
    """Whether `page` gives much of its text as U+FFFD, the replacement character (kb add names such pages apart)."""
    return _mostly(page.count(REPLACEMENT), "".join(page.split()))


def _mostly(count: int, body: str) -> bool:
    """Whether `count` characters of garbage are much of a page of `body` (its characters but white space): 20 or
    more, and a tenth of them or more."""
    return count >= 20 and count * 10 >= len(body)


@lru_cache(maxsize=2048)
def garbled(page: str) -> str | None:
    """Why `page` is garbage a broken font gave (a phrase: 'its fonts give ...'), or None when it reads as text.
    Said only where a tenth of its characters or more (and 20 or more) are the garbage, or where its words are
    English only when every character is shifted by one constant. Kept for the pages asked last: kb verify asks
    it of the page of each quote it verifies, and many quotes share a page."""
    if not page:
        return None
    body = "".join(page.split())          # its characters but white space (str.split's white space is isspace's)
    if len(body) < 20:
        return None
    letters = None
    if _mostly(lost := page.count(REPLACEMENT), body) and lost >= (letters := len(_LETTER.findall(body))):
        # (a page whose U+FFFD stand for its symbols, its words printed, is replaced(): named, its quotes the paper's)
        return "its fonts give much of its text as U+FFFD (a broken ToUnicode map)"
    if _mostly(private := len(_PRIVATE.findall(body)), body) and private >= (
            letters if letters is not None else len(_LETTER.findall(body))):
        return ("its fonts give much of its text as private-use characters, which stand for no letter (a broken "
                "ToUnicode map)")
    top, count = Counter(body).most_common(1)[0]
    if count >= 40 and count * 10 >= 7 * len(body) and unicodedata.category(top)[0] in "LSC" and not top.isdigit():
        return f"its fonts give {count} of its {len(body)} characters as the one character {top!r} (a broken ToUnicode map)"
    if (why := _ideographs_for_letters(page, body)) is not None:
        return why
    return _shifted(page)


#: The most ideographs a Latin font's letters, digits and marks read as ideographs give: its codes a text uses.
_ALPHABET = 80


def _ideographs_for_letters(page: str, body: str) -> str | None:
    """CJK ideographs in runs a space apart, like a Latin text's words, without any punctuation or syllabary a real
    CJK text prints among them: a Latin font's codes read as ideographs."""
    ideographs = _HAN.findall(body)
    han = len(ideographs)
    if han < 20 or han * 10 < 3 * len(body) or _CJK_COMPANION.search(page):
        return None
    # a font's letters are an alphabet: a few dozen ideographs, each many times, where a real page prints as many
    # ideographs as it has words to say (a Chinese reference list or table printed with ASCII punctuation)
    alphabet = len(set(ideographs))
    if alphabet > _ALPHABET or han < 3 * alphabet:
        return None
    runs = [w for w in page.split() if len(_HAN.findall(w)) * 2 > len(w)]
    # words of two ideographs or more, not one a space apart, and many words of them, not a table's few again
    if len(set(runs)) >= 10 and 2 * len(runs) <= han:
        return ("its fonts give its letters as CJK ideographs in runs a space apart like words, and no CJK "
                "punctuation (a broken ToUnicode map)")
    return None


def _shifted(page: str) -> str | None:
    """Letters shifted by a constant ('Uif npefm' for 'The model', '7KH PRGHO' for 'The Model'): few common English
    words as printed, many once every character is shifted back by one constant."""
    words = [w for w in page.split()[:400] if 2 <= len(w) <= 5]
    if len(words) < 30:
        return None
    plain = sum(1 for w in words if w.lower().strip(".,;:()") in _COMMON)
    if plain * 20 >= len(words):
        return None                     # English as printed (or a page with a few English words in it)
    firsts = Counter()              # the shifts that make some word's first letter a common word's
    for w in words:
        for c in _BY_LENGTH.get(len(w), ()):
            firsts.update({ord(w[0]) - ord(c[0]), ord(w[0]) - ord(c[0].upper())} - {0})
    best, at = 0, 0
    for shift, _ in firsts.most_common(6):
        hits: Counter = Counter()
        for w in words:
            try:
                back = "".join(chr(ord(ch) - shift) for ch in w).lower().strip(".,;:()")
            except ValueError:
                continue
            if back in _COMMON:
                hits[back] += 1
        # prose shifted gives many common words, not one repeated ('ax' of a formula is 'Of' shifted by +18)
        if len(hits) >= 5 and hits.total() > best:
            best, at = hits.total(), shift
    if best >= 8 and best * 5 >= len(words) and best >= 4 * max(plain, 1):
        return (f"its letters are a text's shifted by {at:+d} code points each (shifted back: '{_sample(page, at)}'; "
                "a broken ToUnicode map)")
    return None


def _sample(page: str, shift: int) -> str:
    """The first few words of `page` shifted back, shown as what the page prints."""
    out = []
    for w in page.split()[:6]:
        try:
            out.append("".join(chr(ord(ch) - shift) for ch in w))
        except ValueError:
            out.append("?")
    return " ".join("".join(ch if ch.isprintable() else "?" for ch in w) for w in out)[:60]
