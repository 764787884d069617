"""The command line as a whole: help text everywhere, a light start-up, --json on
every listing, and no traceback ever reaching a user."""

from __future__ import annotations

import subprocess
import sys

import pytest
from kbrun import run_kb


def all_commands():
    """Every command and subcommand, as kb resolves them (loading each family)."""
    from kb.cli.app import family_command
    from kb.cli.commands import COMMANDS

    out = []

    def walk(cmd, path):
        out.append((path, cmd))
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, path + [name])
    for name in COMMANDS:
        walk(family_command(name), [name])
    return out


def test_the_command_table_is_what_the_families_define():
    """kb --help lists COMMANDS without loading the families: the table must name every
    command each family defines, in its family, with the help its docstring gives."""
    import importlib

    from typer.main import get_command

    from kb.cli.commands import COMMANDS, FAMILIES

    defined = {}
    for family in FAMILIES:
        command = get_command(importlib.import_module(f"kb.cli.{family}").app)
        items = command.commands.items() if hasattr(command, "commands") else [(family, command)]
        for name, cmd in items:
            defined[name] = (family, cmd.get_short_help_str(limit=300))
    assert defined == COMMANDS


def test_help_loads_no_command_family():
    code = ("import sys; from kb.cli.app import main; main(['--help']); "
            "print([m for m in sys.modules if m.startswith(('kb.ops', 'kb.cli.papers', 'kb.store'))])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_every_command_has_help_text():
    commands = all_commands()
    assert len(commands) >= 25
    for path, cmd in commands:
        assert (cmd.help or "").strip(), f"kb {' '.join(path)} has no help text"
        for param in cmd.params:
            if param.param_type_name == "option":
                assert (param.help or "").strip(), f"kb {' '.join(path)} {param.opts[0]} has no help text"


def test_completion_options_are_the_roots_alone():
    """`kb --install-completion` installs kb's; `kb audit --help` and `kb search --help` (families of
    one command, which typer gives the root's options) listed --install-completion too."""
    for path, cmd in all_commands():
        names = {p.name for p in cmd.params}
        assert not names & {"install_completion", "show_completion"}, f"kb {' '.join(path)}"


def test_every_argument_naming_a_paper_completes_citekeys():
    """`kb quote add luc<TAB>`, `kb refs`, `kb audit`, `kb text show`, `--paper` ...: shell completion of
    citekeys (README: "completes citekeys and tags"), where only kb show, rm, rename, tag, open and edit had it."""
    named = [(path, p) for path, cmd in all_commands() for p in cmd.params
             if getattr(p.callback, "__name__", "") == "names_a_paper" or "--paper" in p.opts]
    assert len(named) >= 20
    lacking = [f"kb {' '.join(path)} {p.name}" for path, p in named
               if getattr(p, "_custom_shell_complete", None) is None]
    assert not lacking


@pytest.mark.parametrize("command", [["ls"], ["quote", "ls"], ["claims"], ["where"], ["verify"], ["check"],
                                     ["graph"], ["graph", "missing"], ["show"], ["refs"], ["graph", "show"],
                                     ["search"], ["doctor"]])
def test_listing_commands_take_json(command):
    by_path = {tuple(p): c for p, c in all_commands()}
    cmd = by_path[tuple(command)]
    assert any("--json" in p.opts for p in cmd.params), f"kb {' '.join(command)} has no --json"


def test_start_up_imports_nothing_heavy():
    code = ("import sys, kb.cli.app; heavy = [m for m in ('pint', 'networkx', 'pypdf', 'requests', 'bibtexparser', "
            "'rapidfuzz', 'sqlite_utils', 'tomlkit') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_help_runs():
    r = subprocess.run([sys.executable, "-m", "kb", "--help"], capture_output=True, text=True)
    assert r.returncode == 0
    for name in ("add", "import", "quote", "verify", "claim", "claims", "check", "graph", "refs", "cite"):
        assert f"  {name} " in r.stdout


def test_unknown_command_and_option_exit_2():
    r = run_kb("frobnicate")
    assert r.code == 2 and "No such command" in r.err
    r = run_kb("ls", "--bogus")
    assert r.code == 2 and "No such option" in r.err


def test_a_bug_is_one_line_not_a_traceback(kb_root, monkeypatch):
    import kb.cli.papers

    def boom(*a, **k):
        raise RuntimeError("something impossible")
    monkeypatch.setattr(kb.cli.papers, "list_papers", boom)
    r = run_kb("ls")
    assert r.code == 1
    assert r.err.startswith("kb: internal error: RuntimeError: something impossible")
    assert r.err.count("\n") == 1 and "Traceback" not in r.err


def test_ctrl_c_is_one_line_and_exit_130(kb_root, monkeypatch):
    import kb.cli.papers

    def interrupted(*a, **k):
        raise KeyboardInterrupt
    monkeypatch.setattr(kb.cli.papers, "list_papers", interrupted)
    r = run_kb("ls")
    assert r.code == 130
    assert r.err.startswith("kb: interrupted; what was written before is kept")
    assert r.err.count("\n") == 1 and "Traceback" not in r.err


def test_schema_version_counts_the_migrations():
    from kb.store import db, sqlite

    assert sqlite.SCHEMA_VERSION == len(db.MIGRATIONS)


def test_reading_commands_do_not_import_sqlite_utils(kb_root):
    import os

    run_kb("ls")          # creates and migrates the index once
    code = ("import sys; from kb.cli.app import main; main(['search', 'energy']); "
            "print('sqlite_utils' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=dict(os.environ, KB_HOME=str(kb_root))).stdout
    assert out.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize("args, named", [
    (["quote", "add", "k", "a quote", "--page", "abc"], ("--page", "'abc'")),
    (["search", "--limit", "x", "energy"], ("--limit", "'x'")),
    (["claim", "add", "k", "5 kWh", "--page", "2.5"], ("--page", "'2.5'")),
    (["ls", "--sortt", "year"], ("--sortt",)),
    (["graph", "missing", "--top", "many"], ("--top", "'many'")),
    (["add", "--jobs", "two", "x.pdf"], ("--jobs", "'two'")),
    (["frobnicate"], ("frobnicate",)),
    (["quote", "add"], ("citekey",)),
])
def test_what_click_refuses_on_the_command_line_is_one_line(args, named):
    """A value click cannot read for an option, an option or command there is none of, an argument
    missing: click's usage, hint and error were three lines or more; one line, exit 2, naming them."""
    r = run_kb(*args)
    assert r.code == 2 and r.err.startswith("kb: error: ") and r.err.count("\n") == 1, r.err
    assert all(n in r.err for n in named) and "Usage:" not in r.err, r.err
    helped = run_kb(*args[:1] if args[0] != "frobnicate" else [], "--help")      # --help as it was
    assert helped.code == 0 and helped.out.startswith("Usage: kb ") and not helped.err


@pytest.mark.parametrize("argv, fixed", [
    (["ls", "--kb", "lib"], "kb --kb lib ls"),                              # kb's own option after the command
    (["quote", "ls", "--kb=lib", "-t", "x"], "kb --kb=lib quote ls -t x"),
    (["--json", "ls"], "kb ls --json"),                                     # a command's option before it
    (["-j", "1", "add", "a.pdf"], "kb add -j 1 a.pdf"),
    (["quote", "-t", "energy", "ls"], "kb quote ls -t energy"),             # before the group's command
    (["--kb", "lib", "--paper", "k", "export", "bib"], "kb --kb lib export bib --paper k"),
])
def test_an_option_on_the_wrong_side_of_its_command_says_the_line_to_type(argv, fixed):
    """`kb ls --kb DIR` said only "No such option: --kb", and `kb --json ls` offered --version instead:
    the refusal now says whose option it is and the command line with it in its place."""
    r = run_kb(*argv)
    assert r.code == 2 and r.err.count("\n") == 1
    assert r.err.rstrip().split(": ", 1)[1].count(fixed) == 1 and "Possible options" not in r.err


@pytest.mark.parametrize("argv, said", [
    (["ls", "--tag"], "kb: error: kb ls: Option '--tag' requires an argument (see kb ls --help)"),
    (["claim", "add", "-q"], "kb: error: kb claim add: Option '-q' requires an argument (see kb claim add --help)"),
    (["lss"], "kb: error: No such command 'lss'; did you mean 'ls'? (see kb --help)"),
    (["claims", "ls"], "kb: error: kb claims: No such command 'ls'; kb claims alone lists; "
                       "its commands: extract, promote, dismiss (see kb claims --help)"),
    (["text", "doe2019"], "kb: error: kb text: No such command 'doe2019'; its commands: load, show, extract "
                          "(see kb text --help)"),
])
def test_a_usage_mistake_names_its_command_and_what_there_is(argv, said):
    """An option missing its value was said without its command or where its help is; an unknown
    command of a group without the commands the group has, and kb's own without a close name."""
    r = run_kb(*argv)
    assert r.code == 2 and r.err == said + "\n"


def test_every_command_shows_an_example_of_itself():
    """A person with only --help to go on: 35 of kb's commands showed no example of themselves
    (kb check did not say how a check is written). Each command a person runs, and each group
    that lists by itself, shows one: a line of its help starting with the command."""
    lacking = []
    for path, cmd in all_commands():
        if getattr(cmd, "commands", None) and not getattr(cmd, "invoke_without_command", False):
            continue
        command = "kb " + " ".join(path)
        lines = [line.strip() for line in (cmd.help or "").splitlines()]
        if not any(line == command or line.startswith(command + " ") for line in lines):
            lacking.append(command)
    assert not lacking


@pytest.mark.parametrize("argv, fixed", [
    (["verify", "draft.md"], "kb verify --note draft.md"),
    (["verify", "chapter 2.tex", "--strict"], "kb verify --note 'chapter 2.tex' --strict"),
    (["audit", "draft.md"], "kb audit --note draft.md"),
    (["audit", "notes/week.org"], "kb audit --note notes/week.org"),
])
def test_a_note_given_as_an_argument_says_to_give_it_with_note(tmp_path, monkeypatch, argv, fixed):
    """`kb verify draft.md` said only "unexpected extra argument", `kb audit draft.md` "no paper 'draft.md'"."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    for name in ("draft.md", "chapter 2.tex", "notes/week.org"):
        (tmp_path / name).write_text("> A quote.\n")
    r = run_kb(*argv)
    assert r.code == 2 and r.err.count("\n") == 1 and fixed in r.err and "no paper" not in r.err


@pytest.mark.parametrize("argv, where", [
    (["verify", "--note", "notes/draft.md"], "elsewhere"),
    (["audit", "--note", "notes/draft.md"], "kb/notes"),
    (["rename", "a2019", "b2019", "--note", "notes/draft.md"], "elsewhere"),
    (["import", "refs/library.bib"], "kb/notes"),
    (["text", "load", "a2019", "refs/pages.json"], "elsewhere"),
])
def test_a_relative_path_of_the_knowledge_bases_given_from_another_folder_says_which_file(
        kb_root, tmp_path, monkeypatch, argv, where):
    """A relative path is read from the current folder: given from another one (KB_HOME or --kb
    naming the knowledge base, or a folder of it below its root), it said "No such file or directory"
    alone; it now names the file of the knowledge base's that it names, to give instead."""
    for name in ("notes/draft.md", "refs/library.bib", "refs/pages.json"):
        (kb_root / name).parent.mkdir(exist_ok=True)
        (kb_root / name).write_text("x\n")
    (tmp_path / where).mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path / where)
    r = run_kb(*argv)
    given = argv[-1]
    assert r.code == 2 and r.err.count("\n") == 1
    assert f"no such file in the current folder ({tmp_path / where})" in r.err
    assert f"the knowledge base's is {kb_root / given}: give that path" in r.err


def test_a_relative_path_given_in_a_deleted_folder_is_said_missing_not_a_bug(kb_root, tmp_path, monkeypatch):
    (kb_root / "draft.md").write_text("x\n")
    (tmp_path / "gone").mkdir()
    monkeypatch.chdir(tmp_path / "gone")
    (tmp_path / "gone").rmdir()
    r = run_kb("verify", "--note", "draft.md")
    assert r.code == 2 and "internal error" not in r.err and "draft.md" in r.err


def test_init_inside_a_knowledge_base_says_commands_there_now_use_the_new_one(kb_root, monkeypatch):
    """`kb init` run in a folder of a knowledge base made a second one there in silence: the commands run in that
    folder, which used the outer one, then used an empty one."""
    monkeypatch.delenv("KB_HOME")          # found as the nearest kb.toml, as a person's shell finds it
    inner = kb_root / "notes" / "2024"
    r = run_kb("init", inner)
    assert r.code == 0 and r.out == f"initialised {inner}\n"
    assert r.err == (f"kb: {inner} is inside the knowledge base {kb_root}: commands run in this folder now "
                     f"use the new one (kb --kb {kb_root} ... for the other)\n")


def test_init_with_no_folder_makes_the_knowledge_base_the_next_command_opens(tmp_path, monkeypatch):
    """`KB_HOME=~/kb kb init` made the current folder a knowledge base, and the next command, which reads KB_HOME,
    found none there. With no folder, kb init makes the one every other command opens: --kb's, else KB_HOME's, else
    this folder; a folder named while KB_HOME names another is made, and said not to be the one commands use."""
    monkeypatch.chdir(tmp_path)
    home = tmp_path / "home"
    monkeypatch.setenv("KB_HOME", str(home))
    r = run_kb("init")
    assert r.code == 0 and r.out == f"initialised {home} (KB_HOME)\n" and r.err == "", r
    assert not (tmp_path / "kb.toml").exists() and (home / "kb.toml").is_file()
    assert run_kb("ls").code == 0
    assert run_kb("init").out == f"already a knowledge base: {home} (KB_HOME)\n"
    r = run_kb("--kb", tmp_path / "chosen", "init")
    assert r.code == 0 and r.out == f"initialised {tmp_path / 'chosen'} (--kb)\n" and r.err == "", r
    r = run_kb("init", tmp_path / "named")
    assert r.code == 0 and r.out == f"initialised {tmp_path / 'named'}\n", r
    assert r.err == (f"kb: KB_HOME points to {home}: commands use that one, not {tmp_path / 'named'}, while it is "
                     f"set (kb --kb {tmp_path / 'named'} ... for this one)\n"), r.err
    assert run_kb("init", home).err == ""              # the one KB_HOME names: nothing to say
    monkeypatch.delenv("KB_HOME")
    r = run_kb("init")
    assert r.code == 0 and r.out == f"initialised {tmp_path}\n" and (tmp_path / "kb.toml").is_file(), r


def _kb_lines(line: str) -> list[list[str]]:
    """The arguments of each `kb ...` a shell line of an example runs (`a | kb x`, `kb x; kb y`, `kb x < f`),
    its comment and a trailing "(or: ...)"/"(the ids: ...)" aside left out."""
    import shlex

    line = line.split("  #")[0].split("   (")[0].replace("\\\n", " ")
    runs, current = [], None
    for word in shlex.split(line, comments=True):
        ends = word.endswith(";") and word != ";"
        word = word[:-1] if ends else word
        if word in ("|", "&&", "||", ";", "<", ">"):
            current = None
        elif current is None:
            if word == "kb":
                current = []
                runs.append(current)
        else:
            current.append(word)
        if ends:
            current = None
    return runs


def _usage_error(args: list[str]) -> str | None:
    """What kb would say of `kb ARGS` before running anything (an unknown command or option, a missing
    argument), parsed as kb parses it; None where it parses."""
    from typer._click.exceptions import UsageError
    from typer.core import TyperGroup

    from kb.cli.app import family_command
    from kb.cli.commands import COMMANDS

    if args[:1] == ["--kb"]:                           # kb --kb FOLDER COMMAND ...
        args = args[2:]
    if not args or args[0].startswith("-"):          # kb --version, kb --install-completion
        return None if args[0] in ("--version", "-V", "--install-completion", "--help") else f"kb {args[0]}"
    if args[0] not in COMMANDS:
        return f"no command {args[0]}"
    cmd, rest, path = family_command(args[0]), args[1:], ["kb", args[0]]
    while isinstance(cmd, TyperGroup) and rest and rest[0] in cmd.commands:
        path.append(rest[0])
        cmd, rest = cmd.commands[rest[0]], rest[1:]
    if isinstance(cmd, TyperGroup) and rest and not rest[0].startswith("-"):
        return f"{' '.join(path)} has no command {rest[0]}"
    try:
        cmd.make_context(" ".join(path), list(rest))
    except UsageError as e:
        return e.format_message()
    return None


def test_every_example_of_the_help_and_the_readme_parses():
    """An example a person copies from `kb COMMAND --help` or from README.md's blocks must be a command kb
    takes as written: no option renamed since, no argument missing, no command gone."""
    import re
    from pathlib import Path

    assert _usage_error(["ls", "--bogus"]) and _usage_error(["claim", "add", "doe2019"])
    assert _usage_error(["graph", "paths"]) and _kb_lines("cat a.bib | kb import -; kb ls  # x") == [
        ["import", "-"], ["ls"]]
    wrong, seen = [], 0
    for path, cmd in all_commands():
        for line in (cmd.help or "").replace("\\\n", " ").splitlines():
            if line.strip().startswith("kb "):
                for args in _kb_lines(line.strip()):
                    seen += 1
                    if error := _usage_error(args):
                        wrong.append(f"kb {' '.join(path)} --help: {line.strip()}: {error}")
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    for block in re.findall(r"^```\n(.*?)^```", readme, re.S | re.M):
        for line in block.splitlines():
            line = line.removeprefix("$ ")
            if re.match(r"(kb|cat) ", line):
                for args in _kb_lines(line):
                    seen += 1
                    if error := _usage_error(args):
                        wrong.append(f"README.md: {line}: {error}")
    assert seen > 100 and not wrong, wrong
