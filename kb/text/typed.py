"""How long a field a person types on the command line may be, for kb to write it.

A tag, a topic, a quote's or claim's id, what a figure is per, a remark, an
extractor's name: each a word or a few, or for a remark a few sentences, written
on one line of references.bib or claims/*.toml. Ten thousand characters given for
one (a paste gone wrong, a variable holding a file) are refused in one line naming
the limit, never written. What a person wrote by hand in a truth file is read
whatever its length: these limits hold only for what kb is asked to write.
"""

from __future__ import annotations

import unicodedata

from kb.atomic import not_utf8, said
from kb.errors import UsageError

#: The longest of each field kb writes, in characters.
LIMITS = {"tag": 100, "topic": 100, "id": 100, "per": 100, "note": 2_000, "extractor": 200, "verdict": 100}

#: What each is, as a message names it, and how to keep within the limit.
_WHAT = {"tag": ("a tag", "a tag is a word or a few joined by '-'"),
         "topic": ("a topic", "a topic is a word or a few"),
         "id": ("an id", "an id is a short name, e.g. least-efficient-image-gen"),
         "per": ("--per", "what a figure is per is a few words, e.g. \"1000 inferences\""),
         "note": ("a remark", "write a longer text in a note of your own"),
         "extractor": ("an extractor's name", "name the tool and its version, e.g. 'pypdf 4.x'"),
         "verdict": ("a verdict", "a verdict is a word")}


def typed(value: str | None, field: str) -> str | None:
    """`value` as given, or UsageError when it is over the limit of its `field` (LIMITS) or
    holds a byte that was not UTF-8 where it was typed (not_utf8)."""
    limit = LIMITS[field]
    in_utf8(value, _WHAT[field][0])
    if value is not None and len(value) > limit:
        what, hint = _WHAT[field]
        raise UsageError(f"{what} {said(value, 60)} is over kb's limit of {limit:,} characters; nothing written",
                         hint=hint)
    return value


def in_utf8(value: str | None, what: str) -> str | None:
    """`value` as given, or UsageError naming `what` when it holds a byte that was not UTF-8
    where it was typed (kb.atomic.not_utf8): it reached SQLite or a file as an internal error."""
    bad = not_utf8(value) if value is not None else None
    if bad is not None:
        raise UsageError(f"{what} {said(value, 60)} holds {bad}, a byte that is not UTF-8, which kb's files "
                         "cannot hold; nothing written",
                         hint="type it in UTF-8 (check the terminal's or the script's encoding)")
    return value


def typed_all(values, field: str) -> list[str]:
    """Each of `values` through `typed`."""
    return [typed(v, field) for v in values or []]


# Characters that change the order the text after them shows in (bidi embeddings, overrides and
# isolates): a quote typed with one shows other words than kb matched ("SOTA\u202e on SciCite"
# shows "SOTA etiCicS no"), and kb cannot know which the writer meant.
_REORDERING = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
# The zero-width non-joiner and joiner: anywhere but between two letters of a script that joins
# they show nothing.
_JOINERS = frozenset("\u200c\u200d")


def unshowable(text: str) -> str | None:
    """The first character of `text` that kb cannot store as it shows, named with why ("U+202E
    RIGHT-TO-LEFT OVERRIDE, which shows the text after it in another order than kb reads it"): a
    bidi embedding, override or isolate, or a control character (an escape) other than white
    space. None if none."""
    if text.isascii() and text.isprintable():
        return None
    for ch in text:
        if ch in _REORDERING or unicodedata.category(ch) == "Cc" and ch not in "\t\n\r":
            how = ("which shows the text after it in another order than kb reads it" if ch in _REORDERING
                   else "a control character, which a terminal does not show as text")
            return f"U+{ord(ch):04X} {unicodedata.name(ch, 'CONTROL CHARACTER')}, {how}"
    return None


def as_shown(text: str, what: str) -> str:
    """`text` without the characters nobody sees that show nothing where they stand (a zero-width
    space, a word joiner, a byte order mark, a soft hyphen, a left-to-right mark: format characters,
    which quote matching drops), so that what kb stores shows as what it matched; UsageError naming
    `what` for one kb cannot store as it shows (`unshowable`)."""
    if text.isascii() and text.isprintable():
        return text
    bad = unshowable(text)
    if bad is not None:
        raise UsageError(f"{what} holds {bad}; nothing written", hint=f"type {what} without it")
    return "".join(ch for i, ch in enumerate(text) if unicodedata.category(ch) != "Cf" or (
        # the joiners shape the letters of a script that joins (Persian, Devanagari) between two
        ch in _JOINERS and 0 < i < len(text) - 1
        and all(c.isalpha() and not c.isascii() for c in (text[i - 1], text[i + 1]))))


#: The pairs of marks a quote may be typed between: straight, curly, guillemets either way, low-high.
_PAIRS = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb", "\u00bb": "\u00ab",
          "\u201e": "\u201c\u201d", "\u201a": "\u2018\u2019", "\u2039": "\u203a", "\u203a": "\u2039",
          "\u300c": "\u300d", "\u300e": "\u300f", "\u201d": "\u201d"}
_OPENS_AFTER = " \t\n([{\u2014\u2013-/"


def _inner_marks_balance(inner: str, opening: str, closing: str) -> bool:
    """Whether the marks of the pair inside `inner` open and close in turn, none closing what
    the outer pair opened ('"a" and "b"': its first inner mark closes the first, so the outer two
    are no pair). An apostrophe (a letter either side: "model's", "model’s") is no mark."""
    depth = 0
    for i, c in enumerate(inner):
        if c not in opening and c not in closing:
            continue
        before = inner[i - 1] if i else " "
        after = inner[i + 1] if i + 1 < len(inner) else " "
        if before.isalnum() and after.isalnum() and c in "'\u2019":
            continue                      # an apostrophe
        if c in opening and c in closing:   # a straight mark: opens after a space, else closes
            opens = before in _OPENS_AFTER
        else:
            opens = c in opening
        depth += 1 if opens else -1
        if depth < 0:
            return False
    return depth == 0


def enclosing_marks(text: str) -> tuple[str, str]:
    """(the text inside, the marks left out) for a text typed between one pair of matching quote
    marks ('"We find that ..."', '“...”', '«...»'), else (the text, ""): one pair only, never a mark
    inside it, nor marks that open and close two quotes ('"a" and "b"')."""
    stripped = text.strip()
    if len(stripped) < 3:
        return text, ""
    first, last = stripped[0], stripped[-1]
    closing = _PAIRS.get(first)
    if closing is None or last not in closing:
        return text, ""
    inner = stripped[1:-1]
    if not inner.strip() or not _inner_marks_balance(inner, first, closing):
        return text, ""
    return inner.strip(), first + last


def marks_left_out(marks: str, what: str) -> str:
    """What kb says of the enclosing marks `enclosing_marks` left out of a typed quote."""
    return f"left out the {marks[0]}...{marks[1]} around the {what}: quote marks are no part of its words"
