"""Atomic file writes and the writer lock.

A file kb writes is either as before or as after, never half-written: the new
content goes to a temporary file in `.kb/tmp/` (same filesystem), is fsynced,
then `os.replace`d over the target, and the directory is fsynced. Every command
that writes holds `.kb/lock` (flock), so writers never interleave.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import fcntl
import json
import os
import re
import stat
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

from kb.errors import (
    CONFLICT,
    CONFLICT_HINT,
    CONFLICT_LEFT,
    FileFormatError,
    LimitExceeded,
    LockTimeout,
    UsageError,
    WriteError,
    shown,
)

#: How long a writer waits for another's lock, unless KB_LOCK_TIMEOUT says (lock_timeout).
DEFAULT_LOCK_TIMEOUT = 120.0


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


BOM = "\ufeff"

Identity = tuple[int, int, int, int]      # size, mtime_ns, ctime_ns, inode


def identity(path: Path) -> Identity | None:
    """A file's identity as one stat gives it: any write to it, in place or by a rename over
    it, changes one of them. None when there is no file."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def changed_meanwhile(target: Path) -> WriteError:
    """The error of a write refused because `target` changed after kb read it (write_bytes'
    `read_as`): a person's editor saved it while the command ran."""
    return WriteError(f"{shown(target.name)} changed after kb read it (saved by an editor or another program "
                      "while the command ran); nothing written, and that change is kept",
                      hint="run the command again")

#: errno values that mean "this cannot be written", said in a person's words.
_WRITE_ERRORS = {errno.ENOSPC: "no space left on the disk", errno.EDQUOT: "the disk quota is used up",
                 errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied",
                 errno.EPERM: "not permitted",
                 errno.EFBIG: "it would be larger than this process may write a file (a file-size limit, ulimit -f)"}


def write_bytes(target: Path, data: bytes, tmp_dir: Path | None = None, *, durable: bool = True,
                read_as: Identity | None = None) -> None:
    """Replace `target` with `data` atomically.

    `read_as`: the identity `target` had when the text `data` is made from was read; a file
    that has another by the time it would be replaced (an editor saved it while the command
    ran: a bulk import reads references.bib, then compares two readings of the imported file
    for seconds) is kept, and the write refused (changed_meanwhile): replacing it lost the
    person's edit. Checked just before the rename, what is left is the rename's own instant.

    `durable` false skips the fsyncs, for a file whose loss after a crash costs nothing
    and whose write must not wait on the disk (the HTTP client's note of when it last
    asked a service: a slow fsync would be time the spacing counts as waited).

    A symlink is followed: the file it points to is replaced and the link stays (an
    editor's or a dotfile manager's link to references.bib is not turned into a copy);
    a link to a missing file is a WriteError (nothing is made where it points).
    The file keeps its permissions. A disk that is full or read-only is a WriteError
    naming the file; the file is then as it was."""
    target = Path(target)
    if target.is_symlink():
        link = target
        try:
            target = target.resolve(strict=False)
        except (RuntimeError, OSError):
            # a link in a loop (Python 3.11's resolve raises RuntimeError, a later one OSError): an internal
            # error of every write to references.bib, kb.toml or a claims file so linked
            raise WriteError(f"cannot write {link}: it is a link in a loop, to no file; nothing written",
                             hint="make it a file, or a link to one") from None
        if not target.exists():
            # never written through: kb would make the folders of wherever it points
            raise WriteError(f"cannot write {link}: it is a link to a missing file ({target}); nothing written",
                             hint="restore the file it points to, or remove the link")
    check_writable(target)
    tmp_dir = Path(tmp_dir) if tmp_dir else target.parent
    make_folder(tmp_dir)
    make_folder(target.parent)
    try:
        if _device(tmp_dir) != _device(target.parent):
            tmp_dir = target.parent          # os.replace cannot cross file systems
        try:
            mode = target.stat().st_mode & 0o7777
        except OSError:
            mode = 0o644
        tmp = tmp_dir / f".{target.name}.{os.getpid()}.{time.monotonic_ns()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise _write_error(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            if durable:
                os.fsync(fh.fileno())
        if read_as is not None and identity(target) != read_as:
            raise changed_meanwhile(target)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _write_error(target, exc) from None
        raise
    if durable:
        _fsync_dir(target.parent)


def make_folder(path: Path) -> None:
    """mkdir -p `path`. A file in the way, of it or of a folder above it (.kb, .kb/tmp or
    .kb/cache made a file by hand or by a tool), is a WriteError naming it, where it was an
    internal error (FileExistsError, NotADirectoryError)."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in reversed([path, *path.parents]) if p.exists() and not p.is_dir()), path)
        raise WriteError(f"cannot make the folder {shown(path)}: {shown(blocker)} is a file, not a folder; "
                         "nothing written", hint=f"move {shown(blocker)} aside: kb makes its folders again") from None
    except OSError as exc:
        raise _write_error(path, exc, any_errno=False) from None     # (kb init says where it cannot make one)


def check_writable(target: Path) -> None:
    """Refuse (WriteError) to replace a file its owner made read-only (chmod a-w references.bib):
    replacing it through its folder, as an atomic write does, would succeed where writing into
    it would not, even for root, and undo what the person asked for. A link is its file's."""
    try:
        mode = Path(target).stat().st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and not mode & stat.S_IWUSR:
        raise WriteError(f"cannot write {shown(target)}: it is read-only (its owner may not write it); "
                         "nothing written", hint=f"chmod u+w {shown(target)} to let kb write it")


def _device(path: Path) -> int | None:
    try:
        return path.stat().st_dev
    except OSError:
        return None


def _write_error(target: Path, exc: OSError, *, any_errno: bool = True) -> Exception:
    """The WriteError of `exc`, raised writing `target`; `exc` itself for a path no file can have, and
    (`any_errno` false) for an errno kb has no words of its own for."""
    why = _WRITE_ERRORS.get(exc.errno)
    if why is None and (not any_errno or exc.errno in (errno.ENAMETOOLONG, errno.ENOTDIR, errno.ELOOP)):
        return exc                  # a path no file can have: said by the command line as such
    if why is None:
        # any other (a claims folder linked to /proc/self, where no file can be made: ENOENT) was an
        # internal error naming kb's temporary file
        return WriteError(f"cannot write {shown(target)}: {(exc.strerror or type(exc).__name__).lower()}; it is "
                          "as it was", hint=f"check the folder {shown(target.parent)} (a link to where no file can "
                                            "be made?), then run the command again")
    return WriteError(f"cannot write {shown(target)}: {why}; it is as it was",
                      hint="raise the limit with ulimit -f unlimited, then run the command again"
                      if exc.errno == errno.EFBIG else "free some space or make the folder writable, then run the "
                                                       "command again")


def why_full(folder: Path) -> tuple[str, str]:
    """Why a file in `folder` could not grow, when the error does not say (SQLite's "database
    or disk is full" is the same for a full disk and for EFBIG, a file-size limit: `ulimit -f`,
    whose SIGXFSZ Python ignores): (why, what to do). A file-size limit with the disk's space
    left is the limit; a full disk with no limit set is the disk; a limit and a nearly full
    disk, either."""
    import resource

    try:
        soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    except (OSError, ValueError):
        soft = resource.RLIM_INFINITY
    try:
        st = os.statvfs(folder)
        free = st.f_bavail * st.f_frsize
    except OSError:
        free = None
    disk = ("the disk is full (or failing)", "free some space, then run the command again")
    if soft == resource.RLIM_INFINITY or soft < 0:
        return disk
    limit = (f"a file-size limit stops it growing (ulimit -f: {soft // 1024:,} KB a file, with "
             + (f"{free // (1024 * 1024):,} MB free on the disk)" if free is not None else "the disk's space unknown)"),
             "raise the limit with ulimit -f unlimited, then run the command again")
    if free is not None and free >= _NEARLY_FULL:
        return limit
    return (f"the disk is full, or {limit[0]}", "free some space or raise the limit with ulimit -f unlimited, "
            "then run the command again")


#: Free space under which a disk may have filled during a write (SQLite grows a file by pages).
_NEARLY_FULL = 64 * 1024 * 1024


def not_utf8(value: str) -> str | None:
    """How the first character of `value` no UTF-8 file can hold is written ('\\xff'), or
    None: Python reads a byte of a command line that is not UTF-8 as U+DC80..U+DCFF (a path
    may hold such bytes; a tag, a quote, a key written to kb's files cannot)."""
    m = _SURROGATE.search(value)
    if m is None:
        return None
    code = ord(m.group(0))
    return f"\\x{code - 0xdc00:02x}" if 0xdc80 <= code <= 0xdcff else f"\\u{code:04x}"


def path_as_text(path: str) -> str:
    """A path as text any UTF-8 file or SQLite can hold: each byte of its name that is not
    UTF-8 (which Python reads as U+DC80..U+DCFF) written \\xff, as `ls -b` writes it. Kept as a
    paper's source, such a path stopped every later command (UnicodeEncodeError)."""
    if not_utf8(path) is None:
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def write_text(target: Path, text: str, tmp_dir: Path | None = None, *, read_as: Identity | None = None) -> None:
    """write_bytes of UTF-8 text; a byte-order mark the file had is kept, and so are its line
    endings: in a file whose lines all end in \\r\\n (Windows) or in \\r alone (classic Mac
    OS), as far as its first 64 KB show, the lines kb adds end so too, not in a mix of both.
    Text holding what UTF-8 cannot write (not_utf8) is a WriteError; nothing written."""
    bad = not_utf8(text)
    if bad is not None:
        raise WriteError(f"cannot write {shown(target)}: the text holds {bad}, a byte that was not UTF-8 where it "
                         "was typed, which no UTF-8 file can hold; nothing written",
                         hint="type it in UTF-8 (check the terminal's or the script's encoding)")
    write_bytes(target, _as_saved(target, text), tmp_dir, read_as=read_as)


def write_changed(target: Path, text: str, tmp_dir: Path | None = None) -> bool:
    """write_text, unless the file holds these very bytes already: then it is left as it is, its
    mtime too, and False returned (a command run again says "unchanged", and a build tool watching
    the file is not woken for nothing). True: written."""
    bad = not_utf8(text)
    if bad is None:
        data = _as_saved(target, text)
        try:
            if not Path(target).is_symlink() and os.path.getsize(target) == len(data) \
                    and Path(target).read_bytes() == data:
                return False
        except OSError:
            pass
    write_text(target, text, tmp_dir)
    return True


def _as_saved(target: Path, text: str) -> bytes:
    """The bytes write_text writes of `text` over the file `target` holds now (its encoding, byte-order
    mark and line endings kept)."""
    try:
        with open(target, "rb") as fh:
            head = fh.read(1 << 16)
    except OSError:
        head = b""
    codec, mark = saved_encoding(head)
    if codec != "utf-8":        # a file an editor saved as UTF-16 or UTF-32 stays so
        text = text.removeprefix(BOM)
        saved = head[len(mark):len(mark) + (len(head) - len(mark)) // 4 * 4].decode(codec, errors="replace")
        return mark + with_line_ends(text, saved).encode(codec)
    if head.startswith(b"\xef\xbb\xbf") and not text.startswith(BOM):
        text = BOM + text
    return with_line_ends(text, head.decode("latin-1")).encode("utf-8")


def with_line_ends(text: str, saved: str) -> str:
    """`text` with its lines ending as those of `saved` (what the file holds now) all end:
    \\r\\n or \\r; otherwise as it is. A BibTeX or Markdown file saved with \\r alone is
    read as one long line by tools that split at \\n, and a mix breaks a diff of it."""
    if "\r" not in saved:
        return text
    if "\n" not in saved:
        return text.replace("\r\n", "\r").replace("\n", "\r")
    if saved.count("\n") == saved.count("\r\n") and _BARE_LF.search(text):
        return _BARE_LF.sub("\r\n", text)
    return text


_BARE_LF = re.compile(r"(?<!\r)\n")


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale_tmp(tmp_dir: Path) -> list[Path]:
    """Remove temporary files left by processes that died mid-write."""
    removed = []
    if not tmp_dir.is_dir():
        return removed
    for path in tmp_dir.iterdir():
        parts = path.name.rsplit(".", 3)
        try:
            pid = int(parts[-3])
        except (IndexError, ValueError):
            continue
        if not pid_alive(pid):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


#: The locks each thread holds, by (thread, lock file), and how deep: re-entrant in the thread that holds
#: one, never in another (an flock is the open file's, so another thread's takes its turn as another
#: process's does; a lock held by any thread of the process let every other one in, two writers at once).
_held: dict[tuple[int, str], int] = {}


#: How long a writer waits for the lock before it says that it waits (a moment's turn is not worth a line).
WAIT_NOTICE_AFTER = 1.0


def _holder(fd: int) -> int | None:
    """The process holding the lock, as it wrote itself into the lock file (None: unknown)."""
    try:
        pid = int(os.pread(fd, 24, 0).split(b"\n", 1)[0])
    except (OSError, ValueError):
        return None
    return pid if pid > 0 and pid != os.getpid() and pid_alive(pid) else None


@contextlib.contextmanager
def file_lock(path: Path, timeout: float | None = None, shared: bool = False,
              on_wait: Callable[[str | None], None] | None = None, what: str | None = None) -> Iterator[None]:
    """Hold an flock on `path`, waiting up to `timeout` seconds. Re-entrant
    within a thread (flock itself would deadlock on a second descriptor); another thread of
    the process waits its turn.

    A writer writes its process id into the file while it holds it. One that has waited
    WAIT_NOTICE_AFTER seconds tells `on_wait` so, naming `what` is busy and the process it
    waits for, once; and `on_wait(None)` when the wait is over."""
    try:
        key = (threading.get_ident(), str(Path(path).resolve()))
    except (RuntimeError, OSError):         # a link in a loop: refused below, where it is opened
        key = (threading.get_ident(), os.path.abspath(path))
    if _held.get(key):
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    timeout = lock_timeout() if timeout is None else timeout
    make_folder(path.parent)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except IsADirectoryError:
        raise WriteError(f"cannot take the lock {shown(path)}: it is a folder, not a file",
                         hint=f"remove the folder {shown(path)}: kb makes the lock file again") from None
    except OSError as exc:
        if exc.errno not in (errno.ELOOP, errno.ENOENT, errno.ENOTDIR):
            raise                           # (a read-only file system, no permission: said by the caller)
        # a link in a loop or into a missing folder: an internal error of every writer
        raise WriteError(f"cannot take the lock {shown(path)}: {(exc.strerror or str(exc)).lower()}",
                         hint=f"remove {shown(path)}: kb makes the lock file again") from None
    mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
    started = time.monotonic()
    deadline = started + timeout
    delay = 0.005
    said = False
    try:
        try:
            while True:
                try:
                    fcntl.flock(fd, mode | fcntl.LOCK_NB)
                    break
                except OSError as exc:
                    if exc.errno not in (errno.EAGAIN, errno.EACCES):
                        raise
                    now = time.monotonic()
                    holder = _holder(fd)
                    by = f"another kb process (pid {holder})" if holder else "another kb process"
                    if now >= deadline:
                        # the one line that says it all (a script sees no notice of the wait before it)
                        timed_out = LockTimeout(
                            f"{what or shown(path)} is busy: {by} was still writing to it after kb waited "
                            f"{timeout:g} s for it to finish (KB_LOCK_TIMEOUT)",
                            hint="run the command again once it is done, or raise KB_LOCK_TIMEOUT")
                        timed_out.holder, timed_out.waited = holder, timeout
                        raise timed_out from None
                    if on_wait is not None and not said and now - started >= WAIT_NOTICE_AFTER:
                        said = True
                        on_wait(f"{what or shown(path)} is busy: {by} is writing to it; waiting for it to finish "
                                f"(at most {timeout:g} s, KB_LOCK_TIMEOUT)")
                    time.sleep(delay)
                    delay = min(delay * 2, 0.1)
        finally:
            if said:
                on_wait(None)
        if not shared:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _held[key] = 1
        try:
            yield
        finally:
            _held.pop(key, None)
            if not shared:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def is_or_inside(path: Path, other: Path, *, folder: bool = True) -> bool:
    """Whether `path` is `other` (or, for a `folder`, inside it): by name, and by identity for
    the names that exist. Where the file system does not tell case apart (macOS, Windows),
    CLAIMS/notes.toml is in claims/ and References.BIB is references.bib under names that
    differ: kb wrote an export (-o) over a truth file, or into claims/ a file that stopped every
    command, and made a knowledge base (kb init) in another's claims/."""
    if path == other or (folder and other in path.parents):
        return True
    try:
        held = os.stat(other)
    except OSError:
        return False
    for p in [path, *path.parents] if folder else [path]:
        try:
            st = os.stat(p)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (held.st_dev, held.st_ino):
            return True
    return False


def check_safe_name(name: str, what: str) -> str:
    """A name used in a file path must stay a plain file name."""
    bad = (not name or name in (".", "..") or "/" in name or "\\" in name
           or "\0" in name or name.startswith(".") or len(name) > 200)
    if bad:
        shown = repr(name) if len(name) <= 80 else f"{name[:60]!r}... ({len(name):,} characters)"
        raise UsageError(f"{what} {shown} cannot be used as a file name "
                         "(no '/', '\\', leading '.', or '..'; at most 200 characters)",
                         hint="give the paper a shorter key: kb rename OLD NEW" if what == "citekey"
                         and len(name) > 200 else None)
    return name


# -- names kb gives files -------------------------------------------------------------------

_PLAIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+-.")


def escape_key(citekey: str) -> str:
    """A citekey as a file name: reversible (`unescape_key`), never a path."""
    out = []
    for i, ch in enumerate(citekey):
        if ch in _PLAIN and not (i == 0 and ch == "."):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
    return "".join(out)


def unescape_key(name: str) -> str:
    from urllib.parse import unquote  # stdlib, only where a name is read back

    return unquote(name, errors="replace") if "%" in name else name     # a hand-made name: never an error


# -- reading what a person hands kb -------------------------------------------------------

def _bytes(n: int) -> str:
    """A size with its unit, as the input limit is said: KB_MAX_INPUT_MB under a megabyte made
    'over the limit of 1' (of what?) and, for standard input, 'over 0 MB'."""
    return f"{n:,} byte" if n == 1 else f"{n:,} bytes"


def max_input_bytes() -> int:
    """The largest file kb reads as input (KB_MAX_INPUT_MB, default 200 MB)."""
    raw = os.environ.get("KB_MAX_INPUT_MB", "")
    try:
        mb = float(raw) if raw else 200.0
    except ValueError:
        mb = -1.0
    if not (0 < mb < 1e9):
        raise UsageError(f"KB_MAX_INPUT_MB={raw!r} is not a size in megabytes",
                         hint="unset it, or give a number such as 500")
    return int(mb * 1024 * 1024)


#: The words kb reads as yes and as no in a KB_* switch (case and surrounding spaces aside).
YES_WORDS = ("1", "true", "yes", "on")
NO_WORDS = ("0", "false", "no", "off")


def env_flag(name: str, default: bool | None = False) -> bool | None:
    """The KB_* switch `name`: 1/0, true/false, yes/no, on/off in any case; `default` when unset or
    empty. Anything else is refused in one line naming the variable and its value, where any text
    but "0" turned KB_OFFLINE on (KB_OFFLINE=no was offline) and KB_PROGRESS=maybe was ignored."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    word = raw.strip().lower()
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise UsageError(f"{name}={said(raw, 40)} is neither yes nor no",
                     hint=f"unset {name}, or give 1 or 0; true/false, yes/no and on/off are read too")


#: Every environment variable kb reads (a test of kb's own checks the list against the code).
SETTINGS = frozenset({
    "KB_HOME", "KB_OFFLINE", "KB_PROGRESS", "KB_PREFETCH", "KB_DEBUG", "KB_LOCK_TIMEOUT", "KB_MAX_INPUT_MB",
    "KB_MAILTO", "KB_OPENER", "KB_S2_API_KEY", "KB_ARXIV_API_URL", "KB_ARXIV_PDF_URL", "KB_DOI_URL",
    "KB_CROSSREF_URL", "KB_S2_API_URL", "KB_CONNECT_TIMEOUT", "KB_READ_TIMEOUT", "KB_TOTAL_TIMEOUT",
    "KB_SILENT_TIMEOUT", "KB_REFUSED_TIMEOUT", "KB_RETRIES", "KB_BACKOFF", "KB_MAX_RETRY_AFTER",
    "KB_MAX_DOWNLOAD_MB", "KB_ARXIV_DELAY", "KB_S2_DELAY", "KB_DOI_DELAY", "KB_MAX_PAGES", "KB_MAX_STREAM_MB",
    "KB_MAX_EXTRACT_SECONDS", "KB_MAX_EXTRACT_MB"})


def misspelt_settings() -> list[str]:
    """A line for each KB_* variable of the environment that kb does not read but that is
    close to one it does (KB_OFLINE=1: kb went online without a word); others are left alone."""
    odd = [n for n in os.environ if n.startswith("KB_") and n not in SETTINGS]
    if not odd:
        return []
    import difflib

    said = []
    for name in sorted(odd):
        close = difflib.get_close_matches(name, sorted(SETTINGS), n=1, cutoff=0.85)
        if close:
            said.append(f"{name} is not a setting kb reads (did you mean {close[0]}?); it is ignored")
    return said


#: The longest wait kb makes for the writer lock (KB_LOCK_TIMEOUT): a day.
LOCK_WAIT_MAX = 86400.0


def lock_timeout() -> float:
    """KB_LOCK_TIMEOUT, in seconds (DEFAULT_LOCK_TIMEOUT when unset), read when a writer takes
    the lock: one that is no number of seconds is refused in one line, where it stopped every
    kb command at start-up with a traceback ('abc'), or made a busy wait endless ('nan')."""
    raw = os.environ.get("KB_LOCK_TIMEOUT", "")
    try:
        seconds = float(raw) if raw.strip() else DEFAULT_LOCK_TIMEOUT
    except ValueError:
        seconds = -1.0
    if not (0 <= seconds < 1e9):
        raise UsageError(f"KB_LOCK_TIMEOUT={said(raw, 40)} is not a number of seconds kb can wait",
                         hint="unset it, or give a number such as 300")
    if seconds > LOCK_WAIT_MAX:
        # KB_LOCK_TIMEOUT=9e8 waited 28 years for a lock a dead terminal's kb held
        raise UsageError(f"KB_LOCK_TIMEOUT={said(raw, 40)} is longer than kb waits for the lock "
                         f"(at most {LOCK_WAIT_MAX:,.0f} s, a day)", hint="unset it, or give a number such as 300")
    return seconds


#: What a file that is no PDF is, by its first bytes: said instead of its bytes.
_KINDS = ((b"PK\x03\x04", "a ZIP archive"), (b"PK\x05\x06", "a ZIP archive"), (b"\x1f\x8b", "gzip data"),
          (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"%!PS", "a PostScript file"), (b"AT&TFORM", "a DjVu file"), (b"{\\rtf", "an RTF document"),
          (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"), (b"7z\xbc\xaf", "a 7-Zip archive"),
          (b"Rar!", "a RAR archive"), (b"BZh", "bzip2 data"), (b"\xfd7zXZ", "xz data"))


def what_it_is(data: bytes) -> str | None:
    """What `data` that is not what kb asked for (a PDF, JSON, a feed) looks like: "0 bytes",
    "an HTML page", "a ZIP archive", "JSON", ...; None when it cannot tell."""
    if not data:
        return "0 bytes"
    if not data.strip():
        return f"only white space ({len(data):,} bytes)"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:256]:
        return "an HTML page"
    if head.startswith(b"<?xml") or head.startswith(b"<"):
        return "XML" if head.startswith(b"<?xml") else "markup"
    if head[:1] in (b"{", b"["):
        return "JSON"
    for magic, kind in _KINDS:
        if data.startswith(magic):
            return kind
    if b"%PDF-" in data[:65536]:
        return "a PDF with more than 1024 bytes before its %PDF- header"
    return None


def _as_cp1252(exc: UnicodeDecodeError) -> tuple[str, int]:
    bad = exc.object[exc.start:exc.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), exc.end


codecs.register_error("kb-cp1252", _as_cp1252)


def utf8_else_cp1252(data: bytes) -> str:
    """Text not all in UTF-8, as a file joined from two sources holds it: what UTF-8 reads
    ('M\\xc3\\xbcller') is read so, each byte it cannot read as Windows-1252 ('Caf\\xe9'), or as
    Latin-1 where that has no character (0x81): both 'Müller' and 'Café', where the whole read
    as Windows-1252 made the first 'MÃ¼ller'. A UTF-8 byte-order mark is no text."""
    return data.decode("utf-8-sig", errors="kb-cp1252")


def wide_encoding(data: bytes) -> str | None:
    """'UTF-16'/'UTF-32' for text in one of them (by its byte-order mark, or a NUL byte beside
    every ASCII character of its start), else None."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:200]
    if len(head) >= 8 and (head[1::2].count(0) > len(head) // 3 or head[0::2].count(0) > len(head) // 3):
        return "UTF-16"
    return None


def saved_encoding(data: bytes) -> tuple[str, bytes]:
    """The codec text was saved in as far as its bytes show, and the byte-order mark it
    starts with: ("utf-16-le", b"\\xff\\xfe") for an editor's UTF-16, ("utf-16-be", b"") for one
    without a mark (its NUL bytes say which order), UTF-32 alike; ("utf-8", b"") otherwise
    (a UTF-8 byte-order mark is the text's own first character)."""
    for mark, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(mark):
            return codec, mark
    if b"\x00" in data[:200] and wide_encoding(data) == "UTF-16":
        return ("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"), b""
    return "utf-8", b""


def decode_wide(data: bytes) -> str | None:
    """The text of `data` saved as UTF-16 or UTF-32 (`saved_encoding`), its byte-order mark
    taken off; None when it is not such text or does not decode as it (a byte cut off)."""
    codec, mark = saved_encoding(data)
    if codec == "utf-8":
        return None
    try:
        return data[len(mark):].decode(codec)
    except UnicodeDecodeError:
        return None


def decode_saved(data: bytes) -> str:
    """The text of a file a person's editor saved (a note, page text): UTF-8, its byte-order
    mark taken off, or UTF-16/UTF-32 as Windows editors save "Unicode" (saved_encoding);
    UnicodeDecodeError for anything else."""
    wide = decode_wide(data)
    return wide if wide is not None else decode_utf8(data)


def decode_utf8(data: bytes) -> str:
    """`data` read as UTF-8, a byte-order mark taken off; a UnicodeDecodeError counts its offsets
    in the file's own bytes, the mark's too ("utf-8-sig" counted from after it: the byte named
    was three before the one that is not UTF-8)."""
    return data.decode("utf-8").removeprefix("\ufeff")


def undecodable_at(data: bytes, exc: UnicodeDecodeError) -> tuple[int, str]:
    """The line of the first byte of `data` that is not UTF-8 and what names it for a person:
    (2, "byte 0xe9 at column 12"), its column counted in characters as an editor counts them."""
    at = exc.start
    start = max(data.rfind(b"\n", 0, at), data.rfind(b"\r", 0, at)) + 1
    column = len(data[start:at].decode("utf-8", errors="replace").removeprefix("\ufeff")) + 1
    return line_number(data, at), f"byte 0x{data[at]:02x} at column {column}"


def read_json(text: str | bytes):
    """`json.loads(text)`, where a text nesting arrays or objects deeper than Python's parser
    recurses (100,000 '[') is a ValueError, as malformed JSON is: a RecursionError went past
    every reader of kb's own JSON files (a source's manifest, .kb/outputs.json, the checks'
    cache) and of a note's CSL-JSON bibliography, as an internal error."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("it nests arrays or objects too deep to read") from None
    except ValueError as exc:
        raise ValueError(json_trouble(exc)) from None


def json_trouble(exc: ValueError) -> str:
    """What a ValueError of json.loads says, for a person: a number of over 4,300 digits is no
    call to use sys.set_int_max_str_digits(), as Python's own message has it."""
    if not isinstance(exc, json.JSONDecodeError) and "digits" in str(exc):
        return "it holds a number too long to read (over 4,300 digits)"
    return str(exc)


def mend_surrogates(obj, raw: bytes | str):
    """(JSON `obj` parsed from `raw`, how many strings in it held half of a UTF-16 pair alone):
    a '\\ud800' escape is valid JSON and no character, so Python reads it and fails writing it
    (references.bib, the index: UnicodeEncodeError, an internal error); each such half is U+FFFD
    in what is given back. Walked only when `raw` holds such an escape."""
    if _SURROGATE_ESCAPE.search(raw if isinstance(raw, str) else raw.decode("latin-1")) is None:
        return obj, 0
    mended = [0]

    def walk(value):
        if isinstance(value, str):
            fixed, n = _SURROGATE.subn("\ufffd", value)
            mended[0] += n > 0
            return fixed
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {walk(k): walk(v) for k, v in value.items()}
        return value

    return walk(obj), mended[0]


_SURROGATE_ESCAPE = re.compile(r"\\[uU][dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def line_number(text: str | bytes, at: int) -> int:
    """The line (from 1) of offset `at` in a file a person saved, as their editor shows it: its
    lines ending in \n, \r\n, a classic Mac \r alone, or the mix a merge leaves."""
    nl, cr, crlf = ("\n", "\r", "\r\n") if isinstance(text, str) else (b"\n", b"\r", b"\r\n")
    if cr not in text:
        return text.count(nl, 0, at) + 1
    return text.count(nl, 0, at) + text.count(cr, 0, at) - text.count(crlf, 0, at) + 1


def merge_conflict(text: str) -> int | None:
    """The line where `text` holds a merge conflict left unresolved (git's, or any tool writing
    its markers: a line `<<<<<<< ...`, then `=======` or `>>>>>>> ...`); None when it holds
    none. Read as it is, such a file holds both sides (BibTeX reads the markers between
    entries as a comment), or fails to parse at a line that says nothing of the kind."""
    if "<<<<<<<" not in text:
        return None
    if "\r" in text:       # lines ending in \r\n or classic Mac \r alone: each line kept, read as \n
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    start = re.search(r"(?m)^<<<<<<<(?:[ \t].*)?\r?$", text)
    if start is None:
        return None
    if re.compile(r"(?m)^(?:=======|>>>>>>>(?:[ \t].*)?)\r?$").search(text, start.end()) is None:
        return None
    return text.count("\n", 0, start.start()) + 1


_MARKER_LEFT = re.compile(r"(?m)^(?:<<<<<<<|>>>>>>>)[ \t]+\S.*$")
_SEPARATOR = re.compile(r"(?m)^=======$")


def conflict_left(text: str) -> int | None:
    """The line of a merge conflict's marker left in `text` where `merge_conflict` finds no
    conflict whole (a person deleted the <<<<<<< line and kept the rest): a `<<<<<<< label` or
    `>>>>>>> label` line as git writes them, or a `=======` line before one; None when it holds none.
    Read as it is, BibTeX took such lines between entries as a comment, and both versions as papers."""
    if ">>>>>>>" not in text and "<<<<<<<" not in text:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    marker = _MARKER_LEFT.search(text)
    if marker is None:
        return None
    separator = _SEPARATOR.search(text, 0, marker.start())
    return text.count("\n", 0, marker.start() if separator is None else separator.start()) + 1


def refuse_conflict(text: str, path) -> None:
    """A merge conflict left in a truth file (references.bib, a claims file, kb.toml), whole
    (`merge_conflict`) or resolved in part (`conflict_left`): a FileFormatError naming its line."""
    for find, message in ((merge_conflict, CONFLICT), (conflict_left, CONFLICT_LEFT)):
        line = find(text)
        if line is not None:
            raise FileFormatError(message, path=path, line=line, hint=CONFLICT_HINT)


def said(value: str, limit: int = 80) -> str:
    """A value a person gave, as an error message quotes it: its repr, or for a long one its
    start and how long it is (a 5,000-character key is not printed whole)."""
    return repr(value) if len(value) <= limit else f"{value[:60]!r}... ({len(value):,} characters)"


#: The name standard input goes by where a command was given `-` for a file (kb.cli.common.StdinInput).
STDIN_NAME = "<stdin>"


def read_input(path, what: str, limit: int | None = None) -> bytes:
    """The bytes of a file a person gave (a PDF, a BibTeX file, a note, page text) or of
    a truth file, read whole but bounded: a FIFO, a device (/dev/zero), a folder or a
    file over the limit is refused in one line instead of hanging or filling memory.
    `path` may also be an object standing in for standard input (it has `read_bytes`)."""
    limit = max_input_bytes() if limit is None else limit
    if not isinstance(path, (str, os.PathLike)):           # standard input (kb.cli: `-`)
        data = path.read_bytes()
        if len(data) > limit:
            raise LimitExceeded(f"{what} on stdin is over the limit of {_bytes(limit)}",
                                hint="raise KB_MAX_INPUT_MB")
        return data
    path = Path(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise UsageError(f"cannot read {what} {shown(path)}: {exc.strerror}") from None
    if not stat.S_ISREG(st.st_mode):
        kind = ("a folder" if stat.S_ISDIR(st.st_mode) else "a FIFO" if stat.S_ISFIFO(st.st_mode)
                else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "not a regular file")
        # a folder of BibTeX files given to kb import: its files are what to write (kb import takes several)
        named = {"the BibTeX file": "*.bib", "the PDF": "*.pdf"}.get(what) if kind == "a folder" else None
        raise UsageError(f"{what} {shown(path)} is {kind}, not a file kb can read"
                         + (f": give the files in it ({shown(str(path).rstrip('/'))}/{named})" if named else ""))
    if st.st_size > limit:
        raise LimitExceeded(f"{what} {shown(path)} is {_bytes(st.st_size)}, over the limit of {_bytes(limit)}",
                            hint="raise KB_MAX_INPUT_MB")
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {what} {shown(path)}: {exc.strerror}") from None
    if len(data) > limit:
        raise LimitExceeded(f"{what} {shown(path)} grew past the limit of {_bytes(limit)} while read",
                            hint="raise KB_MAX_INPUT_MB")
    return data
