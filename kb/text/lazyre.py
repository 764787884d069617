"""Regular expressions compiled when first used, not when their module is imported.

kb's modules are all imported when `kb` starts (their imports are at module
level), so a module-level `re.compile` costs every command, even one that never
matches a page. `lazy(pattern, flags)` stands in for `re.compile(pattern, flags)`:
the same methods and attributes, compiled on first use and kept.
"""

from __future__ import annotations

import re


class LazyPattern:
    """A compiled pattern made on first use; behaves as the `re.Pattern` it stands for."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._args[0]!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """`re.compile(pattern, flags)`, deferred to the first match, search or attribute read."""
    return LazyPattern(pattern, flags)
