"""How long a field a person types on the command line may be, for kb to write it.

A tag, a topic, a quote's or claim's id, what a figure is per, a remark, an
extractor's name: each a word or a few, or for a remark a few sentences, written
on one line of references.bib or claims/*.toml. Ten thousand characters given for
one (a paste gone wrong, a variable holding a file) are refused in one line naming
the limit, never written. What a person wrote by hand in a truth file is read
whatever its length: these limits hold only for what kb is asked to write.
"""

from __future__ import annotations

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
