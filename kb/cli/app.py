"""The `kb` command: the root app, its command families, and the entry point.

Each family (kb.cli.papers, .quotes, .claims, .search, .export, .graph, .doctor,
.audit, .library) is a typer app of its own. The root lists their commands from
`COMMANDS` (kb.cli.commands: name, family, one-line help) and loads a family when one of its
commands runs, as click documents for lazily loaded subcommands: `kb --help`
then costs the root alone, and a command loads only its own family and what
that imports (at module level, as everywhere in kb). tests/cli/test_app.py
keeps `COMMANDS` equal to the commands the families define. Known errors
(kb.errors.KBError) become one line on stderr with their exit code: 2 for bad
input or a refused operation, 1 for failed checks; output a reader closed before it was
all read (`kb ls | head -1`) is 141, as SIGPIPE ends a command, where the command succeeded."""

from __future__ import annotations

import errno
import functools
import importlib
import os
import sys
from pathlib import Path
from typing import Optional, TextIO

import typer

from kb.atomic import env_flag, misspelt_settings, not_utf8, shown, why_full
from kb.cli import common
from kb.cli.commands import COMMANDS
from kb.cli.common import (
    READER_GONE,
    echo,
    err,
    holding,
    names_a_path,
    output_failed,
    output_lost,
    output_to,
    reader_gone,
    say_held,
    state,
    to_nowhere,
)
from kb.cli.common import stderr as err_stream
from kb.cli.common import stdout as out_stream
from kb.errors import KBError
from kb.lazyimport import lazy_import
from kb.text.lazyre import lazy
from kb.version import VERSION

# Where the knowledge base is, and how long SQLite waits for a lock: loaded only to word an error
# (kb --help loads no knowledge base code).
paths = lazy_import("kb.store.paths")
kbsqlite = lazy_import("kb.store.sqlite")

app = typer.Typer(
    name="kb",
    help="kb: a literature-and-claims knowledge base. Every quote verified against its "
         "paper, every figure recomputed with units.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        echo(f"kb {VERSION}")
        raise typer.Exit(0)


@app.callback()
def _root(kb_path: Optional[str] = typer.Option(
        None, "--kb", callback=names_a_path, help="Knowledge base folder (default: KB_HOME, or the nearest folder "
                           "holding kb.toml).", envvar=None),
          version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                       help="Print kb's version and exit.")) -> None:
    state["kb"] = kb_path


@functools.cache
def family_command(name: str):
    """The click command `name` of its family, loading that family (kb.cli.<family>).
    Made once per process: a process that runs kb more than once (a test suite, a
    script calling main) does not build the command again (typer reads every
    parameter's signature, a few milliseconds a family); click makes a new context
    for each run, so nothing of one run is kept for the next."""
    from typer.main import get_command

    family = importlib.import_module(f"kb.cli.{COMMANDS[name][0]}")
    command = get_command(family.app)
    if hasattr(command, "commands"):
        command = command.commands.get(name)
    else:
        command.name = name             # a family of one command
        # typer gives a lone command the root's --install-completion and --show-completion:
        # they are the root's alone (`kb --install-completion`), not `kb audit`'s
        command.params = [p for p in command.params if p.name not in ("install_completion", "show_completion")]
    _plain_help(command)
    return command


def _plain_help(command) -> None:
    """Plain help text, as the root's (rich_markup_mode=None), for a command and its subcommands."""
    if command is None:
        return
    command.rich_markup_mode = None
    for sub in getattr(command, "commands", {}).values():
        _plain_help(sub)


def _lazy_root(root):
    """Give the root typer group the families' commands, loaded on demand."""
    from typer._click.utils import make_default_short_help

    class Families(type(root)):
        def list_commands(self, ctx):
            return list(COMMANDS)

        def get_command(self, ctx, name):
            return family_command(name) if name in COMMANDS else None

        def format_commands(self, ctx, formatter):
            width = formatter.width - 6 - max(map(len, COMMANDS))
            rows = [(name, make_default_short_help(text, width)) for name, (_, text) in COMMANDS.items()]
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    root.__class__ = Families
    return root


# -- entry point --------------------------------------------------------------------------

@functools.cache
def _root_command():
    """The root click group, made once per process (family_command)."""
    from typer.main import get_command

    return _lazy_root(get_command(app))


#: The KB_* switches (yes or no) every command may read: one that is neither is refused before any work.
SWITCHES = ("KB_OFFLINE", "KB_PROGRESS", "KB_PREFETCH", "KB_DEBUG")


def main(argv: list[str] | None = None, *, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run kb; return the exit code. Known errors print one line, never a traceback.

    kb's output goes to `stdout` and `stderr` (default: sys.stdout and sys.stderr as
    they are at the call), bound for this call only (kb.cli.common.output_to): nothing
    is redirected process-wide, so output other threads write to sys.stderr is not
    mixed into it. typer/click's own --help text still goes to sys.stdout."""
    with output_to(stdout, stderr), holding():
        code = _run(argv)
        say_held()          # a warning held to the end (kb.cli.common.warn_later), unless an error said it
        return READER_GONE if code == 0 and output_lost() else code


def _tag_changes_apart(argv: list[str]) -> list[str]:
    """`kb tag KEY -hardware -draft` with its changes after '--': a change to remove is a word of one '-', which click
    read as short options, '-h' among its letters ('-hardware', '-nothing' printed the help, exit 0, nothing removed);
    kb tag's own options (--json, --help, -h alone) kept before it. Any other command line as it is."""
    i = 0
    while i < len(argv):
        word = str(argv[i])
        if word == "--kb":
            i += 2
        elif word.startswith("-"):
            i += 1
        else:
            break
    if i >= len(argv) or argv[i] != "tag" or "--" in argv[i + 1:]:
        return argv
    rest = ["--help" if str(w) == "-h" else str(w) for w in argv[i + 1:]]      # -h alone: the help, always
    changes = [w for w in rest if w.startswith("-") and not w.startswith("--")]
    if not changes:
        return list(argv[:i + 1]) + rest
    options = [w for w in rest if w.startswith("-") and w not in changes]
    words = [w for w in rest if not w.startswith("-") or w in changes]
    return list(argv[:i + 1]) + options + ["--"] + words


def _run(argv: list[str] | None) -> int:
    try:  # typer >= 0.27 vendors click
        from typer._click import exceptions as click_exc
    except ImportError:
        from click import exceptions as click_exc

    argv = list(sys.argv[1:] if argv is None else argv)
    nul = next((a for a in argv if "\0" in str(a)), None)
    if nul is not None:
        # No command line a shell runs can hold one (C strings end there), nor can a file name:
        # given by a program calling kb, it is refused, not stored in a quote or a tag, nor
        # turned into "embedded null byte" from deep inside.
        err(f"kb: error: the argument {str(nul)[:60]!r} holds a NUL character (\\0), which no file name, "
            "key or text kb keeps can hold\n")
        return 2
    try:
        for name in SWITCHES:       # read by every command, some before it runs: a wrong one is said first
            env_flag(name)
    except KBError as exc:
        err(f"kb: error: {_shortened(str(exc))}\n")
        return exc.exit_code
    for line in misspelt_settings():
        err(f"kb: {line}\n")
    command = _root_command()
    try:
        result = command.main(args=_tag_changes_apart(argv), prog_name="kb", standalone_mode=False)
    except KBError as exc:
        say_held(drop=_READ_ONLY in str(exc))
        err(f"kb: error: {_shortened(str(exc))}\n")
        return exc.exit_code
    except click_exc.NoArgsIsHelpError as exc:      # `kb quote`: its help, as --help shows it
        exc.show(file=err_stream())
        return exc.exit_code
    except click_exc.ClickException as exc:
        err(f"kb: error: {_shortened(_click_line(exc, argv))}\n")
        return exc.exit_code
    except typer.Abort:
        err("kb: aborted\n")
        return 130
    except typer.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        err("kb: interrupted; what was written before is kept (run the command again to go on)\n")
        return 130
    except BrokenPipeError:             # a write kb.cli.common.write did not make
        reader_gone(out_stream())
        return 0
    except SystemExit as exc:
        # click's own: its --help text written to a pipe read no more (`kb --help | head -1`),
        # which it ends in sys.exit(1) (nothing else kb runs exits so)
        reader_gone(sys.stdout)
        return exc.code if isinstance(exc.code, int) and exc.code != 1 else 0
    except Exception as exc:  # a bug in kb: say so in one line, keep the traceback in a file
        cannot = _cannot_write(exc)
        if cannot:
            say_held(drop=_READ_ONLY in cannot)     # the refusal says the knowledge base is read-only
            err(f"kb: error: {cannot}\n")
            return 2
        if isinstance(exc, OSError) and exc.errno == errno.EBADF and getattr(sys.stdout, "closed_by_caller", False):
            # click's own text (--help) written to standard output the caller closed (kb.cli.launch.ClosedOutput)
            err("kb: error: cannot write the command's output (standard output): it is closed\n")
            return 2
        if isinstance(exc, OSError) and exc.errno in (errno.ENAMETOOLONG, errno.ENOTDIR, errno.ELOOP):
            # a path given that no file can have (a name too long, a file used as a folder, links
            # in a loop): the argument's, said in one line, not a bug of kb's
            name = shown(exc.filename)[:120] if exc.filename else "a path given"
            err(f"kb: error: {name}: {(exc.strerror or str(exc)).lower()}\n")
            return 2
        if isinstance(exc, OverflowError) and "SQLite INTEGER" in str(exc):
            # A whole number given on the command line (a candidate, --top) that no row can
            # have: SQLite's integers stop at 2**63 - 1.
            err("kb: error: a number given is too large: kb counts up to 9,223,372,036,854,775,807\n")
            return 2
        unreadable = _argument_not_text(exc, argv)
        if unreadable:
            err(f"kb: error: {unreadable}\n")
            return 2
        if _damaged_index(exc):
            reason = ("a text column holds bytes that are not UTF-8" if "decode" in str(exc)
                      else " ".join(str(exc).split())[:100])
            err(f"kb: error: the index .kb/kb.sqlite is damaged: {reason} "
                "(run `kb rebuild` to rebuild it from references.bib, claims/ and the caches)\n")
            return 2
        return _internal_error(exc)
    if result == 130:       # typer turns Ctrl-C into exit code 130 and says nothing
        err("kb: interrupted; what was written before is kept (run the command again to go on)\n")
    return result if isinstance(result, int) else 0


_UNSEEN = lazy("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def _click_line(exc, argv: list[str] = ()) -> str:
    """What click refused on the command line (an option's value it cannot read, `--page abc`;
    an option or command there is none of; an argument missing), in one line: the command, then
    click's own words, which name the option and the value given, then what to type instead where
    kb can tell (an option given on the wrong side of its command, a command of the group misspelt),
    then where its help is. Click writes the usage and a hint on lines of their own; the product
    says a known error in one."""
    said = " ".join(exc.format_message().split()).rstrip(".")
    if not said.isascii():
        # an argument's character nobody sees as its escape: 'unexpected extra argument (note\u202edm.md)', where
        # the override was left out and the argument said as one that looked right ('notedm.md')
        said = _UNSEEN.sub(lambda m: f"\\u{ord(m.group()):04x}", said)
    try:
        chain = _commands_given(list(map(str, argv)))
    except Exception:       # the commands named are only for a hint: click's own words are said whatever
        chain = []
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        path = ctx.command_path.split()
    else:
        # click raises some refusals before the command's context is made (`kb ls --tag` with no
        # value): the command is the last one the command line names
        path = chain[-1][0] if chain else []
    if not path:
        return said
    if said.startswith("No such command '") and said.split("'")[1].lower() in _SAID_OTHERWISE:
        said = said.split(". Did you mean ")[0]     # click's guess by spelling: 'remove' said 'promote'
    try:
        hint, helped = _what_to_type(exc, said, path, chain, list(map(str, argv)))
    except Exception:       # a hint is a courtesy: click's own words are said whatever it meets
        hint, helped = "", path
    if said.startswith("No such command") and ". Did you mean " in said:
        # click's own guess among a group's commands (`kb quote ad`), in the words kb says it of kb's own (`kb lss`)
        said = said.replace(". Did you mean ", "; did you mean ", 1)
    if hint and said.startswith("No such option"):
        said = said.split(" (Possible options:")[0]     # click's guesses among the wrong command's options
    said += hint
    where = f"{' '.join(path)}: " if len(path) > 1 else ""
    return f"{where}{said} (see {' '.join(helped)} --help)"


def _commands_given(argv: list[str]) -> list[tuple[list[str], object, int]]:
    """The commands the command line names, outermost first: each one's path (['kb', 'quote', 'add']),
    its click command and the index in argv just after its name (0 for the root). The root's own
    option --kb takes the word after it; any other word starting with '-' is passed over, and so is a
    word that names no command of the last group named (an option's value: `kb quote -t x ls`)."""
    chain = [(["kb"], _root_command(), 0)]
    i = 0
    while i < len(argv):
        word = argv[i]
        if word == "--kb":
            i += 2
            continue
        if word.startswith("-"):
            i += 1
            continue
        path, command, _ = chain[-1]
        if len(chain) == 1:
            sub = family_command(word) if word in COMMANDS else None
        else:
            sub = getattr(command, "commands", {}).get(word)
        if sub is not None:
            chain.append((path + [word], sub, i + 1))      # else an option's value, or an argument
        i += 1
    return chain


def _what_to_type(exc, said: str, path: list[str], chain, argv: list[str]) -> tuple[str, list[str]]:
    """A hint to add to click's words: the command line as it should have been written, for an option
    the command does not take but a command before or after it on the line does (`kb ls --kb DIR`:
    `kb --kb DIR ls`; `kb --json ls`: `kb ls --json`); the command meant, for a command its group
    does not have (`kb lss`: 'ls'; `kb claims ls`: what kb claims lists and which commands it has).
    With it, the command whose help to see: the one that takes the option."""
    import difflib
    import shlex

    option = getattr(exc, "option_name", None)
    if option and said.startswith("No such option"):
        name = option.split("=", 1)[0]
        at = next((k for k, word in enumerate(argv) if word == option or word.startswith(name + "=")), None)
        for owner, command, after in chain:
            if at is None or owner == path or owner != ["kb"] and len(owner) < len(path):
                # a group's own options (kb claims -t) choose what the group lists, never what its
                # command does: `kb claims extract -t x` is not `kb claims -t x extract`
                continue
            param = next((p for p in command.params if name in p.opts or name in p.secondary_opts), None)
            if param is None:
                continue
            taken = 1 if "=" in argv[at] or getattr(param, "is_flag", False) or getattr(param, "count", False) else 2
            moved = argv[at:at + taken]
            rest = argv[:at] + argv[at + taken:]
            cut = after if after <= at else after - taken
            fixed = shlex.join(["kb"] + rest[:cut] + moved + rest[cut:])
            if owner == ["kb"]:
                return f"; {name} is kb's own, given before the command: {fixed}", owner
            return f"; {name} is an option of {' '.join(owner)}, given after {owner[-1]}: {fixed}", owner
        return "", path
    if said.startswith("Got unexpected extra argument") and "(" in said:
        # `kb verify draft.md`: a note's file given as an argument to a command taking it with --note
        extra = said[said.rindex(" (") + 2:-1] if said.endswith(")") else ""
        command = next((command for owner, command, _ in chain if owner == path), None)
        takes_note = command is not None and any("--note" in p.opts for p in command.params)
        if takes_note and extra in argv and extra.lower().endswith(common.NOTE_SUFFIXES) and os.path.isfile(extra):
            at = argv.index(extra)
            return f"; a note is given with --note: {shlex.join(['kb'] + argv[:at] + ['--note'] + argv[at:])}", path
        # `kb export bib refs.bib`, `kb export note -`: the file to write given as an argument to a command taking
        # it with -o (a word a file's name has: '-' for stdout, an extension or a folder), when no -o is given
        writes = command is not None and any("--output" in p.opts for p in command.params)
        named = extra == "-" or "/" in extra or os.sep in extra or os.path.splitext(extra)[1][1:].isalnum()
        if writes and named and extra in argv and not {"-o", "--output"} & set(argv) \
                and not any(w.startswith(("--output=", "-o")) and w != extra for w in argv):
            at = argv.index(extra)
            return f"; the file to write is given with -o: {shlex.join(['kb'] + argv[:at] + ['-o'] + argv[at:])}", path
        return "", path
    if said.startswith("No such command") and "Did you mean" not in said:
        group = next((command for owner, command, _ in chain if owner == path), None)
        names = list(COMMANDS) if path == ["kb"] else list(getattr(group, "commands", {}))
        given = said.split("'")[1] if said.count("'") >= 2 else ""
        meant = _SAID_OTHERWISE.get(given.lower())
        # `kb claim remove`, `kb quote list`: a word for a command, no near spelling of its name
        # ... and none of a group without it ('remove' is no 'promote' of kb claims)
        close = [meant] if meant in names else [] if meant else difflib.get_close_matches(given, names, n=1)
        if close:
            return f"; did you mean '{close[0]}'?", path
        if path == ["kb"]:
            return "", path
        alone = (f"{' '.join(path)} alone lists; " if getattr(group, "invoke_without_command", False) else "")
        return f"; {alone}its commands: {', '.join(names)}", path
    return "", path


#: Words a person types for one of kb's commands, spelt nothing like its name ('remove' for rm): suggested
#: where the group has that command.
_SAID_OTHERWISE = {"remove": "rm", "delete": "rm", "del": "rm", "list": "ls", "dir": "ls", "new": "add",
                   "create": "add", "find": "search", "grep": "search", "info": "show", "view": "show",
                   "mv": "rename", "move": "rename", "lint": "verify"}


#: the words of every refusal to write a read-only knowledge base
_READ_ONLY = "the knowledge base is read-only here"


def _cannot_write(exc: BaseException) -> str | None:
    """A full disk, a read-only folder or file, missing permission: the machine's
    state, not a bug of kb's and not a damaged index. Said in a person's words."""
    import errno
    import sqlite3

    full = ("; what was written before is kept, and the next kb command after space is freed brings "
            "the index up to date")
    if isinstance(exc, OSError) and exc.errno == errno.EFBIG:
        where = f" {shown(exc.filename)}" if exc.filename else ""
        return (f"cannot write{where}: it would be larger than this process may write a file (a file-size "
                "limit, ulimit -f); what was written before is kept (raise the limit with ulimit -f unlimited, then "
                "run the command again)")
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        where = f" {shown(exc.filename)}" if exc.filename else ""
        return f"cannot write{where}: {os.strerror(exc.errno).lower()}" + full
    if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        where = f" {shown(exc.filename)}" if exc.filename else ""
        return (f"cannot write{where}: {os.strerror(exc.errno).lower()}; {_READ_ONLY} "
                "(commands that only read it still work); nothing was changed")
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        if "disk is full" in text or "disk i/o error" in text:
            # SQLITE_FULL, or SQLITE_IOERR writing the WAL: ENOSPC, a failing disk, or EFBIG under
            # a file-size limit, which SQLite words as the others
            why, then = why_full(_index_folder())
            return (f"cannot write the index .kb/kb.sqlite: {why}; what was written before is kept, and the "
                    f"next kb command brings the index up to date ({then})")
        if "readonly" in text or "read-only" in text or "unable to open database file" in text:
            return (f"cannot write the index .kb/kb.sqlite: {_READ_ONLY} "
                    "(commands that only read it still work); nothing was changed")
        if "database is locked" in text or "database table is locked" in text:
            # SQLITE_BUSY past the busy timeout: a program that is not kb (a sqlite3 shell in a
            # transaction, a database browser) holds the index; kb's own writers queue on .kb/lock
            return (f"{kbsqlite.LOCKED_BY} and was not let go within {kbsqlite.BUSY_TIMEOUT_MS / 1000:g} s; "
                    "what was written before is kept, and the next kb command after that program lets go brings "
                    "the index up to date")
    return None


#: The longest error line kb prints: a message quoting what was given (80,000 characters of
#: words given to --text) keeps its start, where the value is named, and its end, the hint.
LONGEST_ERROR = 2_000


def _shortened(message: str) -> str:
    """`message`, or for one over LONGEST_ERROR its first and last characters around how
    many were left out."""
    if len(message) <= LONGEST_ERROR:
        return message
    left = len(message) - 1_500
    return f"{message[:1_000]}... ({left:,} characters left out) ...{message[-500:]}"


def _argument_not_text(exc: BaseException, argv: list[str]) -> str | None:
    """Why an argument stopped the command as it was looked up, or None: Python reads a byte of
    the command line that is not UTF-8 (a Latin-1 terminal's 'ü'; any non-ASCII letter under
    LC_ALL=C with PYTHONUTF8=0) as U+DC80..U+DCFF, which a path may hold but which SQLite
    cannot take as text: a citekey, quote id, topic or tag so typed failed the first query
    naming it (UnicodeEncodeError) in every command that looks one up. None names any text kb
    holds (its files are UTF-8), so the argument is said, in one line, with why."""
    if not isinstance(exc, UnicodeEncodeError) or "surrogate" not in exc.reason:
        return None
    odd = set(exc.object[exc.start:exc.end]) if isinstance(exc.object, str) else set()
    given = next((a for a in map(str, argv) if odd & set(a)), None)
    if given is None:
        return None
    try:
        typed = os.fsencode(given).decode("utf-8")
    except UnicodeDecodeError:
        return (f"the argument {shown(given)[:120]} holds {not_utf8(given)}, a byte that is not UTF-8, which "
                "nothing kb holds is named with (check the terminal's encoding)")
    letter = next(c for c in typed if not c.isascii())
    return (f"the argument {shown(given)[:120]} holds {letter!r}, which this locale's encoding "
            f"({sys.getfilesystemencoding()}) cannot read (run kb in a UTF-8 locale: LC_ALL=C.UTF-8, or PYTHONUTF8=1)")


def _index_folder() -> Path:
    """The folder of the index of the knowledge base this command runs in (the current
    folder when none can be found)."""
    try:
        return paths.layout(state["kb"]).state
    except Exception:
        return Path.cwd()


def _damaged_index(exc: BaseException) -> bool:
    """SQLite found the database file corrupt: at any query, not only when it was opened."""
    import sqlite3

    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    if not isinstance(exc, sqlite3.OperationalError):
        return True         # SQLITE_CORRUPT, SQLITE_NOTADB
    text = str(exc).lower()
    return any(s in text for s in ("malformed", "not a database", "could not decode", "corrupt"))


def _internal_error(exc: BaseException) -> int:
    import traceback

    log = crash_log()
    try:
        # The user's own cache folder, created private; never a shared temp folder, and a
        # symlink put where the log goes is not followed (O_NOFOLLOW), nor a file of
        # someone else's written to.
        log.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("".join(traceback.format_exception(exc)))
        where = f"; details in {log}"
    except OSError:
        where = ""
    err(f"kb: internal error: {type(exc).__name__}: {exc}{where} (please report it)\n")
    try:
        debug = env_flag("KB_DEBUG")
    except KBError:
        debug = True            # checked at the start (SWITCHES): only a value changed since
    if debug:
        traceback.print_exception(exc, file=err_stream())
    return 1


def crash_log() -> Path:
    """Where the traceback of a bug in kb is kept: $XDG_CACHE_HOME/kb/last-error.log
    (~/.cache/kb/ by default), the user's own."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kb" / "last-error.log"


def entry() -> None:
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        reader_gone(sys.stdout)     # else the interpreter's own flush at exit says so, and exits 120
        code = code or READER_GONE  # what the buffer held was lost
    except OSError as exc:
        # the last of the output to a full disk (`kb export bib > /dev/full`): one line, said once (a
        # write before may have said it), never the traceback and exit 120 of the interpreter's flush
        to_nowhere(sys.stdout)
        if not code:
            failed = output_failed(exc)
            err(f"kb: error: {failed}\n")
            code = failed.exit_code
    pdf = sys.modules.get("kb.sources.pdf")
    if pdf is not None and pdf.pdfium_stuck():
        # PDFium still reads a page in a thread of its own (past the time limit, or when a
        # Ctrl-C stopped the wait for it): the interpreter's shutdown would tear PDFium down
        # under it (a crash at exit).
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)

