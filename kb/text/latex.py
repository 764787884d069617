"""LaTeX in BibTeX values, decoded to readable text: the one place it is done.

Titles and names in BibTeX carry accents as commands (``{\\"o}``, ``\\'e``),
special letters (``{\\ss}``, ``\\o``), protective braces (``{BERT}``) and
``--`` for dashes. `latex_to_text` turns them into the Unicode a reader
expects; everything that compares titles or names decodes with it first.
"""

from __future__ import annotations

import re
import unicodedata

from kb.text.lazyre import lazy

__all__ = ["latex_to_text"]

_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
            "=": "\u0304", ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b",
            "c": "\u0327", "k": "\u0328", "r": "\u030a"}
_SPECIAL = {r"\ss": "ß", r"\o": "ø", r"\O": "Ø", r"\l": "ł", r"\L": "Ł", r"\ae": "æ",
            r"\AE": "Æ", r"\oe": "œ", r"\OE": "Œ", r"\aa": "å", r"\AA": "Å", r"\&": "&",
            r"\%": "%", r"\_": "_", r"\$": "$", r"\#": "#", r"\textendash": "–",
            r"\textemdash": "—"}
_ACCENT_RE = lazy(r"\\([`'^\"~=.uvHckr])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))")
_SPECIAL_RE = lazy("|".join(re.escape(cmd) + (r"(?![A-Za-z])\s*" if cmd[1:].isalpha() else "")
                                  for cmd in sorted(_SPECIAL, key=len, reverse=True)))
_COMMAND_RE = lazy(r"\\([A-Za-z]+)\s*(\{)?")


def latex_to_text(value: str | None) -> str:
    """Readable text from a BibTeX value: accents decoded, braces dropped,
    whitespace collapsed."""
    if not value:
        return ""
    if "\\" not in value and "{" not in value and "--" not in value:
        return " ".join(value.split())

    def accent(m: re.Match) -> str:
        letter = (m.group(2) or m.group(3)).lstrip("\\")
        return unicodedata.normalize("NFC", letter + _ACCENTS[m.group(1)])

    text = _ACCENT_RE.sub(accent, value)
    if "\\" in text:
        text = _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group(0).rstrip()], text)
        # \emph{x} -> x ; \TeX -> TeX
        text = _COMMAND_RE.sub(lambda m: "" if m.group(2) else m.group(1), text)
    text = text.replace("--", "–").replace("{", "").replace("}", "")
    return " ".join(text.split())
