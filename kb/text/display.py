"""Text as printed for a person: the one place it is decided.

Page text is stored as the extractor returned it, and matching reads it so; what kb
prints for a person to read (snippets, closest passages, page text, exports) leaves out
what a terminal or a Markdown viewer would show wrongly. PDFium prints a hyphen it put
at a line's end as a soft hyphen (U+00AD) inside the word ("ingre\u00addient"): a
terminal shows it as a stray "-" or nothing, and a reader copying the word gets it too.
"""

from __future__ import annotations

from kb.text.lazyre import lazy

__all__ = ["readable"]

# A soft hyphen and the line break after it; zero-width characters.
_INVISIBLE = lazy(r"\u00ad[ \t]*(?:\r?\n[ \t]*)?|[\u200b\u2060\ufeff]")


def readable(text: str) -> str:
    """``text`` as printed for a person: a word broken with a soft hyphen joined
    ("ingre\u00addient" -> "ingredient") and zero-width characters left out."""
    if not any(c in text for c in "\u00ad\u200b\u2060\ufeff"):
        return text
    return _INVISIBLE.sub("", text)
