"""Regular expressions compiled when first used, not when their module is imported.

kb's modules are all imported when `kb` starts (their imports are at module
level), so a module-level `re.compile` costs every command, even one that never
matches a page. `lazy(pattern, flags)` stands in for `re.compile(pattern, flags)`:
the same methods and attributes, compiled on first use and kept.
"""

from __future__ import annotations

import re


class LazyPattern:
    """A compiled pattern made on first use; behaves as the `re.Pattern` it stands for.

    On first use the pattern's methods are copied onto the instance, so later calls
    (millions, in a rebuild) find them directly instead of through __getattr__."""

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
                "pattern", "flags", "groups", "groupindex")

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)

    def compiled(self) -> re.Pattern[str]:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = re.compile(*self._args)
            self.__dict__["_compiled"] = compiled
            for name in self._METHODS:
                self.__dict__[name] = getattr(compiled, name)
        return compiled

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("_args", "_compiled"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._args[0]!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """`re.compile(pattern, flags)`, deferred to the first match, search or attribute read."""
    return LazyPattern(pattern, flags)
