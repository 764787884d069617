"""Where a knowledge base lives: the one function that decides it.

Order: an explicit path (`--kb`), then `KB_HOME`, then the nearest folder at or
above the current one that holds `kb.toml`.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from kb.atomic import check_safe_name, escape_key, is_or_inside, shown, unescape_key
from kb.errors import KBError

MARKER = "kb.toml"
BIB = "references.bib"
CLAIMS = "claims"
EXPORTS = "exports"
STATE = ".kb"




class NoKnowledgeBase(KBError):
    """No kb.toml was found."""


@dataclass(frozen=True)
class Layout:
    """The paths of one knowledge base."""

    root: Path

    @property
    def marker(self) -> Path:
        return self.root / MARKER

    @property
    def bib(self) -> Path:
        return self.root / BIB

    @property
    def claims(self) -> Path:
        return self.root / CLAIMS

    @property
    def exports(self) -> Path:
        return self.root / EXPORTS

    @property
    def state(self) -> Path:
        return self.root / STATE

    @property
    def db(self) -> Path:
        return self.state / "kb.sqlite"

    @property
    def lock(self) -> Path:
        return self.state / "lock"

    @property
    def tmp(self) -> Path:
        return self.state / "tmp"

    @property
    def outputs(self) -> Path:
        """The files `-o` wrote, each with the size and sha256 it was written with
        (kb/ops/export.py): a file kb did not write, or one changed since, is not replaced."""
        return self.state / "outputs.json"

    @property
    def cache(self) -> Path:
        return self.state / "cache"

    @property
    def sources(self) -> Path:
        """Content-addressed sources: <sha256>.<ext> with a <sha256>.json manifest each."""
        return self.cache / "sources"

    @property
    def http_cache(self) -> Path:
        return self.cache / "http"

    @property
    def checks_cache(self) -> Path:
        """The outcomes of the last `kb check` with the key of their inputs
        (kb/ops/claims.py): the same inputs are not computed again."""
        return self.cache / "checks.json"

    @property
    def units_cache(self) -> Path:
        """pint's parsed unit definitions (kb/quantities/units.py), so a command that
        evaluates units does not parse them again (about 0.2 s)."""
        return self.cache / "pint"

    @property
    def s2_cache(self) -> Path:
        """Semantic Scholar lists fetched by `kb cite fetch`, one <citekey>.json each."""
        return self.cache / "s2"

    def claims_file(self, citekey: str) -> Path:
        """claims/<escaped citekey>.toml. Any key BibTeX accepts (`DBLP:series/sci/2023-1062`,
        `../x`, non-ASCII) names one plain file: every character but ASCII letters, digits
        and `_+-.` is written %XX (UTF-8), as is a leading '.'; `citekey_of` reverses it.
        A file written before this escape (claims/a:b.toml) is still used."""
        name = escape_key(citekey)
        check_safe_name(name, "citekey")
        legacy = self.claims / f"{citekey}.toml"
        if name != citekey and "/" not in citekey and "\\" not in citekey and not citekey.startswith(".") \
                and "\0" not in citekey and legacy.is_file():
            return legacy
        return self.claims / f"{name}.toml"

    def claims_files_of(self, citekey: str) -> list[Path]:
        """Every file of claims/ whose name reads as `citekey` (`citekey_of`): the name kb writes,
        escaped, and the key as written (a file a person made by hand, claims/müller2020.toml beside
        kb's claims/m%C3%BCller2020.toml), those that exist. Both are read as the paper's; more than
        one is a paper kb cannot rename or remove whole."""
        name = escape_key(citekey)
        if name == citekey or "/" in citekey or "\\" in citekey or citekey.startswith(".") or "\0" in citekey:
            return []
        both = [self.claims / f"{citekey}.toml", self.claims / f"{name}.toml"]
        try:
            return [p for p in both if p.is_file()]
        except OSError:                 # a name too long for the file system: no such file
            return []

    @staticmethod
    def citekey_of(path: Path) -> str:
        """The citekey a claims file belongs to: its name, unescaped."""
        return unescape_key(path.stem)

    def relative(self, path: Path) -> str:
        """`path` as the knowledge base names it (claims/x.toml): by where it is under the root
        first, then by where it resolves to. A claims/ folder that is a link to another folder
        names its files claims/..., as the index does, where they were named by their full path,
        so kb rename indexed the renamed file twice and refused it."""
        for under, base in ((Path(os.path.normpath(path)), self.root), (Path(path).resolve(), self.root.resolve())):
            try:
                return str(under.relative_to(base))
            except ValueError:
                continue
        return str(path)


def _marker_unreadable(path: Path) -> str | None:
    """Why a kb.toml that is there cannot be read as one (a link to a missing file or in a
    loop, a folder, a FIFO, a device); None when it is a file, or not there at all."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return "a link to a missing file" if path.is_symlink() else None
    except OSError as exc:
        return exc.strerror or "it cannot be opened"
    if stat.S_ISREG(st.st_mode):
        return None
    return ("a folder" if stat.S_ISDIR(st.st_mode) else "a FIFO" if stat.S_ISFIFO(st.st_mode)
            else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "not a regular file") \
        + ", not a file"


def inside_own_folder(folder: Path) -> tuple[Path, str] | None:
    """(the knowledge base, which of its own folders) when `folder` is its claims/ or .kb/
    or inside one: kb's folders, where a knowledge base made (`kb init`, which kb's own hint
    for a folder holding no kb.toml suggested) breaks the one around it: its kb.toml in
    claims/ is read as a claims file, and every command reading claims stops on it. None
    elsewhere (a knowledge base in another folder of one is a knowledge base of its own)."""
    folder = Path(folder).expanduser().resolve()
    for outer in folder.parents:
        if (outer / MARKER).is_file():
            own = Layout(outer)
            for kept, name in ((own.claims, "claims/"), (own.state, ".kb/")):
                if is_or_inside(folder, kept):          # CLAIMS/ too, where case is not told apart
                    return outer, name
            return None
    return None


def _without_marker(folder: Path) -> str | None:
    """What of a knowledge base `folder` holds though no kb.toml ("references.bib, claims/ and
    .kb/"): its kb.toml deleted by hand. None when it holds no index and not both truth files'
    places (any folder holding a references.bib is no knowledge base for that)."""
    held = [name for name, there in ((BIB, (folder / BIB).is_file()), (f"{CLAIMS}/", (folder / CLAIMS).is_dir()),
                                     (f"{STATE}/", (folder / STATE / "kb.sqlite").is_file())) if there]
    if f"{STATE}/" not in held and len(held) < 2:
        return None
    return held[0] if len(held) == 1 else ", ".join(held[:-1]) + " and " + held[-1]


def _lost_marker(folders) -> NoKnowledgeBase | None:
    """The error for the first of `folders` holding a knowledge base's files but no kb.toml
    (deleted, or left behind by a `git checkout` of another branch): said as that, and how to
    restore it; `kb init` there keeps what the folder holds. None when none does."""
    for folder in folders:
        held = _without_marker(folder)
        if held:
            return NoKnowledgeBase(f"{shown(folder)} holds the {held} of a knowledge base but no {MARKER} "
                                   "(deleted?), so kb takes it for none",
                                   hint=f"restore it with git checkout {MARKER}, or run kb init {shown(folder)}: "
                                   "it keeps what the folder holds")
    return None


def find_root(explicit: str | os.PathLike | None = None, cwd: Path | None = None) -> Path:
    """The knowledge base root, or NoKnowledgeBase saying how to make one. A kb.toml that is
    there but cannot be read (a link to a moved file, a FIFO) stops the walk up: the folder
    is a knowledge base kb cannot open, and a knowledge base further up is another one."""
    given = explicit or os.environ.get("KB_HOME")
    if given:
        root = Path(given).expanduser()
        source = "--kb" if explicit else "KB_HOME"
        try:
            kind = root.stat().st_mode
        except FileNotFoundError:
            kind = None
        except OSError as exc:      # a name too long, a file where a folder should be, links in a loop
            raise NoKnowledgeBase(f"{source} points to {shown(root)}: {(exc.strerror or str(exc)).lower()}",
                                  hint=f"give the folder holding {MARKER}") from None
        if kind is not None and not stat.S_ISDIR(kind):
            what = (f"the {MARKER} of a knowledge base" if root.name == MARKER and stat.S_ISREG(kind)
                    else "a file" if stat.S_ISREG(kind)
                    else "a device" if stat.S_ISCHR(kind) or stat.S_ISBLK(kind) else "not a folder")
            folder = shown(root.parent)
            raise NoKnowledgeBase(f"{source} points to {shown(root)}, {what}, not a knowledge base's folder",
                                  hint=f"give the folder holding {MARKER}" + (
                                      "" if root.name != MARKER else f": --kb {folder}" if explicit
                                      else f": KB_HOME={folder}"))
        why = _marker_unreadable(root / MARKER)
        if why or not (root / MARKER).is_file():
            meant = str(given).strip()
            if kind is None and meant != str(given) and (Path(meant).expanduser() / MARKER).is_file():
                # pasted with a space or a line break: 'points to  /x, which is not a knowledge base (run:
                # kb init  /x)' hid the space, and asked to make one where there is one
                raise NoKnowledgeBase(f"{source} {str(given)!r} begins or ends with white space, so names no folder; "
                                      f"{shown(meant)} is a knowledge base",
                                      hint="give it without the white space: " +
                                      (f"--kb {shown(meant)}" if explicit else f"KB_HOME={shown(meant)}"))
            within = None if why else inside_own_folder(root)
            lost = None if why or within or kind is None else _lost_marker([root])
            if lost is not None:
                raise lost
            raise NoKnowledgeBase(f"{source} points to {shown(root)}, which is not a knowledge base "
                                  + (f"kb can read ({MARKER} cannot be read: {why})" if why else f"(no {MARKER})")
                                  + (f" but a folder inside the {within[1]} folder of one" if within else ""),
                                  hint=f"restore {shown(root / MARKER)}" if why else
                                  (f"give its folder: --kb {shown(within[0])}" if explicit else
                                   f"give its folder: KB_HOME={shown(within[0])}") if within else
                                  f"run: kb init {shown(root)}")
        return root.resolve()
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        marker = folder / MARKER
        if marker.is_file():
            return folder
        why = _marker_unreadable(marker)
        if why:
            raise NoKnowledgeBase(f"{shown(marker)} cannot be read ({why}); kb takes no knowledge base further up "
                                  "for this one", hint=f"restore it (git checkout {MARKER}), or remove it")
    lost = _lost_marker((here, *here.parents))
    if lost is not None:
        raise lost
    raise NoKnowledgeBase(f"no knowledge base here: no {MARKER} in {shown(here)} or any folder above it",
                          hint="run `kb init` to make one; for one elsewhere, cd into it or give its folder: "
                               "kb --kb FOLDER COMMAND, or KB_HOME=FOLDER")


def layout(explicit: str | os.PathLike | None = None) -> Layout:
    return Layout(find_root(explicit))
