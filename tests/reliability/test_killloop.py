"""Crashes: `kb add`, `kb import`, `kb quote add` and `kb claim add` run as real
processes and are SIGKILLed: 2 times each by default, 150 times in all with
KB_TEST_LONG=1, or KB_KILL_LOOP_N times each. A third of the kills land at a
random moment of the command's run; the rest while it holds the writer lock,
at a random moment of that hold (the process's flock, read from /proc/locks as
it runs: the writes are found however fast or loaded the machine is).

After every kill, references.bib, each claims/*.toml and the index are each
exactly as before the command or exactly as after it (compared with snapshots
of an unkilled run of the same command from the same start), the next
commands (`kb ls`, `kb quote ls`, `kb claims`) run normally and agree with the
files, and `kb doctor` finds nothing to repair. The figures (iterations, where
the kills landed, corruptions) are printed and written to killloop.json in the
test's tmp folder.
"""

from __future__ import annotations

import json
import os
import random
import signal
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from budgets import budget
from fakearxiv import FakeArxiv
from kbproc import (
    bib_keys,
    bibtex_entries,
    claims_ids,
    dump,
    index_state,
    kb_env,
    lock_episodes,
    paper_pages,
    quote_of,
    restore,
    spawn,
    truth_files,
)
from kbrun import run_kb
from pdfgen import make_pdf

pytestmark = pytest.mark.slow

ARXIV_ID = "2401.00042"
TITLE = "Watts per Token: Measuring the Energy of Language Model Inference"
AUTHORS = ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
HAND_BIB = """% References kept by hand; kb must leave this comment and these entries alone.
@string{jt = "Journal of Tests"}

@article{hopper1952compiler,
  title = {The Education of a Computer},
  author = {Hopper, Grace},
  journal = jt,
  year = {1952},
}

@misc{paper2024text,
  title = {Energy Figures of a Paper Whose Text Was Loaded by Hand},
  author = {Curie, Marie and Noether, Emmy},
  year = {2024},
}
"""
TEXT_KEY = "paper2024text"
QUOTE = quote_of(1, 1, 7)                 # "... used 1.17 kWh per 1000 queries ..."
CLAIM_QUOTE = quote_of(1, 2, 11)          # "... used 1.211 kWh per 1000 queries ..."
# Kills per command kind: 2 each by default (8 kills, about 6 s on 2 idle
# cores); KB_TEST_LONG=1 runs the full loop (150 kills, 3-5 minutes), and
# KB_KILL_LOOP_N sets the count for every kind.
LONG_ITERATIONS = {"add": 40, "import": 30, "quote": 45, "claim": 35}
ITERATIONS = {name: budget(2, n, "KB_KILL_LOOP_N") for name, n in LONG_ITERATIONS.items()}
SEED = int(os.environ.get("KB_KILL_SEED", "20261126"))
#: Rounds of one more kill per command kind while fewer than two kills have landed in the writes.
EXTRA_ROUNDS = 4


@dataclass
class Scenario:
    name: str
    args: list[str]
    template: Path
    durations: list[float] = field(default_factory=list)
    after_files: dict = field(default_factory=dict)
    after_index: dict = field(default_factory=dict)
    before_files: dict = field(default_factory=dict)
    before_index: dict = field(default_factory=dict)
    outcomes: dict = field(default_factory=dict)
    corruptions: list = field(default_factory=list)
    kills: list = field(default_factory=list)        # (where, delay, outcome) of each
    iterations: int = 0
    holds: int = 0              # times an unkilled run takes the writer lock (0: /proc/locks unread)
    writes: list[float] = field(default_factory=list)   # how long it holds it the last time


def _state_of(now, before, after) -> str | None:
    if now == before:
        return "before"
    if now == after:
        return "after"
    return None


def _files_state(now: dict, before: dict, after: dict) -> tuple[str, list[str]]:
    """'before', 'after', or 'mixed' (files each before or after, not all the same);
    plus the files that are neither."""
    bad, states = [], set()
    for rel in sorted(set(now) | set(before) | set(after)):
        s = _state_of(now.get(rel), before.get(rel), after.get(rel))
        if s is None:
            bad.append(rel)
        elif before.get(rel) != after.get(rel):
            states.add(s)
    return (states.pop() if len(states) == 1 else "mixed" if states else "before"), bad


@pytest.fixture
def world(tmp_path, server, monkeypatch):
    """Templates of a knowledge base for each command, and the fake arXiv."""
    # A killed client resets its connection: the server thread must not print
    # a traceback (it would land in the stderr of whatever kb runs in-process).
    fake = FakeArxiv(server)
    fake.add(ARXIV_ID, {1: make_pdf(paper_pages(42, pages=6))}, TITLE, AUTHORS, published="2024-01-05")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    templates = tmp_path / "templates"
    templates.mkdir()

    base = templates / "base"               # made in-process: only the commands killed run as processes
    monkeypatch.setenv("KB_HOME", str(base))
    assert run_kb("init", str(base)).code == 0
    (base / "references.bib").write_text(HAND_BIB)
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(paper_pages(1, pages=4)))
    for args in (["text", "load", TEXT_KEY, str(pages), "--extractor", "generated"],
                 ["quote", "add", TEXT_KEY, quote_of(1, 0, 1), "--id", "first"],
                 ["claim", "add", TEXT_KEY, "1.02 kWh", "--per", "1000 queries", "--id", "run0",
                  "--quote", quote_of(1, 0, 2)],
                 ["ls"]):
        r = run_kb(*args)
        assert r.code == 0, (args, r.err)
    bib = tmp_path / "import.bib"
    bib.write_text("% exported from a reference manager\n" + bibtex_entries(300))
    scenarios = {
        "add": Scenario("add", ["add", ARXIV_ID], base),
        "import": Scenario("import", ["import", str(bib)], base),
        "quote": Scenario("quote", ["quote", "add", TEXT_KEY, QUOTE, "--topic", "energy"], base),
        "claim": Scenario("claim", ["claim", "add", TEXT_KEY, "1.211 kWh", "--per", "1000 queries",
                                    "--quote", CLAIM_QUOTE, "--topic", "energy"], base),
    }
    return scenarios, tmp_path / "kb", cwd


def _prepare(sc: Scenario, work: Path, cwd: Path) -> None:
    """Snapshots before and after an unkilled run; how long it takes, and how often and
    how long it holds the writer lock."""
    restore(sc.template, work)
    sc.before_files = truth_files(work)
    sc.before_index = index_state(work)
    t = time.monotonic()
    proc = spawn(sc.args, kb_env(work), cwd)
    episodes = lock_episodes(proc, _lock_inode(work))
    _, err = proc.communicate(timeout=120)
    sc.durations.append(time.monotonic() - t)
    assert proc.returncode == 0, (sc.name, err)
    sc.holds = len(episodes)
    if episodes:
        sc.writes.append(episodes[-1][1] - episodes[-1][0])
    sc.after_files = truth_files(work)
    sc.after_index = index_state(work)
    if sc.name == "import":
        assert len(sc.after_index["papers"]) == len(sc.before_index["papers"]) + 300
    assert sc.after_files != sc.before_files and sc.after_index != sc.before_index


def _lock_inode(work: Path) -> int:
    return os.stat(work / ".kb" / "lock").st_ino


def _one_kill(sc: Scenario, work: Path, cwd: Path, rng: random.Random, monkeypatch) -> None:
    # A third of the kills at a random moment from 0 to the command's typical duration
    # (start-up, imports, download and extraction come first); the rest inside its
    # writes: once it takes the writer lock for the last time, after a random part of
    # how long an unkilled run holds it (more often late in it, where the writes are).
    restore(sc.template, work)
    inode = _lock_inode(work)
    in_writes = sc.holds > 0 and rng.random() >= 1 / 3
    proc = spawn(sc.args, kb_env(work), cwd)
    if in_writes:
        delay = statistics.median(sc.writes) * rng.random() ** 0.5     # more often late: files, then the index
        lock_episodes(proc, inode, stop_at=sc.holds)
    else:
        delay = rng.uniform(0.0, statistics.median(sc.durations))
    time.sleep(delay)
    finished = proc.poll() is not None
    if not finished:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    sc.iterations += 1
    problems = []

    files_state, bad = _files_state(truth_files(work), sc.before_files, sc.after_files)
    problems += [f"{rel} is neither as before nor as after" for rel in bad]
    index_now = index_state(work)
    if index_now["integrity"] != ["ok"]:
        problems.append(f"SQLite integrity: {index_now['integrity'][:3]}")
    index_now.pop("integrity")
    before = {k: v for k, v in sc.before_index.items() if k != "integrity"}
    after = {k: v for k, v in sc.after_index.items() if k != "integrity"}
    index_at = _state_of(index_now, before, after)
    if index_at is None:
        problems.append("the index is neither as before nor as after: " + ", ".join(
            k for k in index_now if index_now[k] not in (before[k], after[k])))
    outcome = "finished" if finished else f"files {files_state}, index {index_at or 'corrupt'}"
    sc.outcomes[outcome] = sc.outcomes.get(outcome, 0) + 1
    sc.kills.append(("writes" if in_writes else "run", round(delay, 3), outcome))

    # The next commands run normally and agree with the files; doctor is content.
    monkeypatch.setenv("KB_HOME", str(work))
    ls = run_kb("ls", "--json")
    if ls.code != 0 or "Traceback" in ls.err:
        problems.append(f"kb ls exited {ls.code}: {ls.err.strip()}")
    elif sorted(p["citekey"] for p in ls.json) != sorted(bib_keys(work)):
        problems.append("kb ls does not list what references.bib holds")
    quotes = run_kb("quote", "ls", "--json")
    if quotes.code != 0:
        problems.append(f"kb quote ls exited {quotes.code}: {quotes.err.strip()}")
    elif sorted(q["id"] for q in quotes.json) != sorted(claims_ids(work, "quote")):
        problems.append("kb quote ls does not list what claims/ holds")
    claims = run_kb("claims", "--json")
    if claims.code != 0:
        problems.append(f"kb claims exited {claims.code}: {claims.err.strip()}")
    elif sorted(c["id"] for c in claims.json) != sorted(claims_ids(work, "claim")):
        problems.append("kb claims does not list what claims/ holds")
    doctor = run_kb("doctor", "--json")
    if doctor.code != 0:
        problems.append(f"kb doctor exited {doctor.code}: {doctor.out.strip()[:2000]} {doctor.err.strip()}")
    if problems:
        sc.corruptions.append({"delay": round(delay, 3), "outcome": outcome, "problems": problems})


def test_kill_loop(world, tmp_path, monkeypatch):
    scenarios, work, cwd = world
    rng = random.Random(SEED)
    started = time.monotonic()
    for sc in scenarios.values():
        _prepare(sc, work, cwd)
    for name, sc in scenarios.items():
        for _ in range(ITERATIONS[name]):
            _one_kill(sc, work, cwd, rng, monkeypatch)
    # A kill may still find a command finished (or its writes not begun): more kills,
    # until two have landed inside the writes (or the extra budget is spent, and the
    # assertion below says so).
    extra = iter(list(scenarios.values()) * EXTRA_ROUNDS)
    while _landed(scenarios) < 2 and (sc := next(extra, None)) is not None:
        _one_kill(sc, work, cwd, rng, monkeypatch)
    figures = {
        "seed": SEED,
        "seconds": round(time.monotonic() - started, 1),
        "iterations": sum(sc.iterations for sc in scenarios.values()),
        "corruptions": sum(len(sc.corruptions) for sc in scenarios.values()),
        "commands": {name: {"args": sc.args[:2], "iterations": sc.iterations,
                            "typical_seconds": round(statistics.median(sc.durations), 3),
                            "lock_holds": sc.holds, "writes": [round(w, 3) for w in sc.writes],
                            "outcomes": sc.outcomes, "corruptions": sc.corruptions, "kills": sorted(sc.kills)}
                     for name, sc in scenarios.items()},
    }
    dump(figures, tmp_path / "killloop.json")
    print(f"\nkill loop: {figures['iterations']} kills, {figures['corruptions']} corruptions, "
          f"{figures['seconds']} s (seed {SEED}; {tmp_path / 'killloop.json'})")
    for name, c in figures["commands"].items():
        print(f"  {name}: {c['iterations']} kills, typical {c['typical_seconds']} s, outcomes {c['outcomes']}")
    assert figures["corruptions"] == 0, json.dumps(
        {n: c["corruptions"][:3] for n, c in figures["commands"].items() if c["corruptions"]}, indent=1)
    # The kills did land inside the writes, not only before them.
    assert _landed(scenarios) >= max(2, figures["iterations"] // 30), figures["commands"]


def _landed(scenarios) -> int:
    """Kills that landed inside the writes (something already as after), not before them."""
    return sum(n for sc in scenarios.values() for o, n in sc.outcomes.items()
               if o != "finished" and ("after" in o or "mixed" in o))
