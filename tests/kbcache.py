"""A knowledge base many tests build the same way, built once per test process and copied.

`from_template(name, root, build)` runs `build()` (which makes the knowledge base at `root`,
through kb's own commands) the first time `name` is asked for in this process, keeps a copy,
and for every later test replaces `root` with a copy of it: the test gets the same files and
index as if it had built them, in a few milliseconds instead of a `kb text load` and its
derive step. A copy is a knowledge base moved on disk, which kb follows (its index checks the
files by content when their inode and ctime are new). Only for fixtures that build through
kb's commands alone and leave nothing outside `root` that a test relies on.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import Callable

_TEMPLATES: dict[str, Path] = {}
_HOME: Path | None = None


def from_template(name: str, root: Path, build: Callable[[], object]) -> Path:
    global _HOME
    held = _TEMPLATES.get(name)
    if held is not None:
        if root.exists():
            shutil.rmtree(root)
        shutil.copytree(held, root, symlinks=True)
        return root
    build()
    if _HOME is None:
        _HOME = Path(tempfile.mkdtemp(prefix="kb-test-templates-"))
        atexit.register(shutil.rmtree, _HOME, True)
    # leftovers of .kb/tmp are the process's own, not the template's
    shutil.copytree(root, _HOME / name, symlinks=True,
                    ignore=lambda d, names: names if Path(d).name == "tmp" and Path(d).parent.name == ".kb" else [])
    _TEMPLATES[name] = _HOME / name
    return root
