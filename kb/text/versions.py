"""Version strings of a paper's text: "v3" for arXiv's third version, "" when unversioned.

The one place that reads them: a person may type "3", "v3" or "V3"; kb stores
"v3" and orders versions by their number (an unversioned text sorts first).
"""

from __future__ import annotations

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
