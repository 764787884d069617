"""Modules loaded when first used: `index = lazy_import("kb.store.index")`.

A command that reads the index in step with its files never needs the indexer, the
derive step, PDF extraction or the network client, yet the modules that may need them
(the knowledge base, the session, each command family) would load them all at start-up:
about a third of a read command's time. A module names such a dependency at module
level with `lazy_import`, so the dependency graph stays where it can be read (the
layer tests count these as imports), and the module is loaded at the first use of one
of its names (`index.Indexer`). `from X import name` still loads X at once: a lazy
module is only ever used through its attributes. (The package's face, kb/__init__.py,
does the same for its public names with PEP 562.)
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

__all__ = ["lazy_import"]


class _LazyModule:
    """Stands in for a module until one of its names is used; then is a window onto it.
    The import itself is Python's (its module locks make a first use from two threads
    safe); a name the module lacks is the AttributeError it would be."""

    __slots__ = ("_name", "_module")

    def __init__(self, name: str):
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str):
        module = self._module
        if module is None:
            module = importlib.import_module(self._name)
            self._module = module
        return getattr(module, attr)

    def __repr__(self) -> str:
        state = "loaded" if self._module is not None else "not loaded yet"
        return f"<lazy module {self._name!r} ({state})>"


def lazy_import(name: str) -> ModuleType:
    """The module `name` if it is loaded already, else a stand-in that loads it when one of
    its names is first used."""
    return sys.modules.get(name) or _LazyModule(name)  # type: ignore[return-value]
