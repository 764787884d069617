"""Version strings of a paper's text: "v3" for arXiv's third version, "" when unversioned.

The one place that reads them: a person may type "3", "v3" or "V3"; kb stores
"v3" and orders versions by their number (an unversioned text sorts first).
"""

from __future__ import annotations

import re

from kb.errors import UsageError
from kb.text.lazyre import lazy

_VERSION_RE = lazy(r"v\d{1,3}")


def version_number(version: str | int | None) -> int:
    """3 for "v3", "3" or 3; 0 for an unversioned or unreadable version."""
    text = str(version if version is not None else "").strip().lower().removeprefix("v")
    return int(text) if text.isdigit() else 0


def normalise_version(version: str | None) -> str:
    """"v3" for "3", "v3" or "V3"; "" for none. Anything else is a UsageError."""
    if not version:
        return ""
    v = version.strip().lower()
    if v.isdigit():
        v = "v" + v
    if not _VERSION_RE.fullmatch(v):
        raise UsageError(f"not a version: {version!r} (expected v1, v2, ...)")
    return v


def latest(versions: list[str]) -> str | None:
    """The newest of `versions`, or None."""
    return max(versions, key=version_number) if versions else None


def labelled(citekey: str, version: str | None) -> str:
    """A paper named with its version for messages: "luccioni2023power v3", or the key
    alone when the text has no version (a PDF or a text of its own)."""
    return f"{citekey} {version}" if version else citekey


# -- marks that are no words: a version adding, dropping or changing one changes no quote ------------------------

#: A footnote's mark printed after a word or a figure ("tasks†", "9%†", "0.85*", "costs ‡"): never a word's part,
#: a figure's or a sign's. After a lone letter it is notation ("x*", "θ*" an optimum, "A†" an adjoint), and set
#: apart an asterisk is an operator ("a * b"): neither is a mark.
FOOTNOTE_SIGNS = "†‡§¶∗*⁎"
_ALONE = "†‡§¶"
_ASTERISKS = "*∗⁎"
#: A raised digit is a footnote's mark only after a word of three lower-case letters or more or a percent sign
#: ("energy¹", "9%¹"); after a digit, a symbol or a unit it is a power ("10²", "x²", "m²"), a change of the figure.
_RAISED = "¹²³⁴⁵⁶⁷⁸⁹⁰"
#: the mark at a word's end, before what closes it ("(50%‡)", "costs†,")
_TRAILING = lazy(rf"(?:[{FOOTNOTE_SIGNS}]+|[{_RAISED}]{{1,2}})(?=[)\]}}\u201d\u2019\"',.;:]*$)")
_RAISED_AFTER = lazy(r"(?:[a-z]{3}|%)$")
_PLAIN = str.maketrans(_RAISED, "1234567890")


def _sign_may_follow(before: str) -> bool:
    """Whether a footnote's sign may follow `before`: a word ("GPUs†", "V100s†"), a figure ("9%†", "0.85*"), either
    with its comma or stop ("costs,†"), or nothing (a sign set apart); never a lone letter ("x*", "A†") nor a
    bracket ("f(x)*")."""
    core = before[:-1] if before[-1:] in (",", ".", ";", ":") else before
    if not before:
        return True
    last = core[-1:]
    return last.isdigit() or last == "%" or last.isalpha() and len(core) >= 2 and core[-2].isalnum()


def _split_mark(token: str) -> tuple[str, str]:
    """(`token` without the footnote's mark it ends with, the mark) ("9%†" -> "9%", "†"; "(50%‡)" -> "(50%)", "‡");
    the mark "" where none."""
    m = _TRAILING.search(token)
    if m is None:
        return token, ""
    mark, before = m.group(), token[:m.start()]
    if mark[0] in FOOTNOTE_SIGNS and not before.strip() and token[m.end():]:
        return token, ""          # a sign before a closing bracket alone ("(x *)") is an operator's, never a mark
    if mark[0] in _RAISED and not _RAISED_AFTER.search(before) or mark[0] in FOOTNOTE_SIGNS and (
            not _sign_may_follow(before) or not before.strip() and not all(c in _ALONE for c in mark)):
        return token, ""
    return before + token[m.end():], mark


def _footnote_of(mark: str, page: str) -> bool:
    """Whether a line of `page` starts with the footnote `mark` names ("† On a cluster.", "¹See ..." or "1See ...";
    "∗ p < 0.05" for "*")."""
    if mark[0] in _ASTERISKS:     # one mark however a font draws it
        alike = f"[{_ASTERISKS}]"
    else:
        first = mark[0] if mark[0] in FOOTNOTE_SIGNS else mark.translate(_PLAIN)
        alike = re.escape(first) + ("|" + re.escape(mark) if mark[0] in _RAISED else "")
    return re.search(rf"(?m)^[ \t]*(?:{alike})(?![\d.,])", page) is not None


def marks_only(differences: list[tuple[str, str]], page: str, whole: str | None = None) -> str:
    """The `differences` (the quote's word, a newer version's) as "9% -> 9%†", where each is only a footnote's mark
    that version adds after a word or a figure, drops, or prints otherwise ("9%† -> 9%‡"); "" where any difference
    is of a word, a figure, a sign or a negation, or is a mark added that no footnote names: a line starting with it,
    of `page` (the page the passage is on and the next) for a raised digit (a line starting "1" is as often a
    section's), of `whole` (the version's text, a table's notes or a title page's) for a sign ("†", "*")."""
    out = []
    for ours, theirs in differences:
        base, mark = _split_mark(ours)
        their_base, their_mark = _split_mark(theirs)
        noted = their_mark and _footnote_of(their_mark, whole if whole is not None and their_mark[0] in FOOTNOTE_SIGNS
                                            else page)
        if base.casefold() != their_base.casefold() or mark == their_mark or their_mark and not noted:
            return ""
        out.append(f"{ours or '(nothing)'} -> {theirs or '(nothing)'}")
    return ", ".join(out)
