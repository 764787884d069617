"""Start-up benchmark: what a `kb` command costs before it does any work.

Runs, alternating so that load on the machine falls on all of them alike:
  - `python -c pass` (the interpreter alone: the floor),
  - `python -c "import kb.cli.app"` (kb's whole package, every layer, imported),
  - `kb --help`  (goal: under 0.15 s),
  - `kb where`   (start-up plus finding the knowledge base),
and reports the median wall time of each, and each against the floor. Also
lists which heavy third-party libraries `import kb.cli.app` loads (should be none).

Then the read-only commands on a small knowledge base (this repository's own:
kb.toml, references.bib, claims/, with the five papers' page text loaded from
../shared/corpus when it is there), each against `kb where` in the same run:
`kb ls`, `kb show KEY`, `kb search energy`, `kb search` of a word no page holds,
`kb claims`, `kb quote ls`; and which heavy libraries each one loads (a read
must load none of sqlite-utils, pint, networkx, requests, PDF or BibTeX readers).

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEAVY = ("pint", "networkx", "pypdf", "pypdfium2", "requests", "bibtexparser", "pybtex", "rapidfuzz",
         "sqlite_utils", "tomlkit", "pylatexenc", "defusedxml")
ROOT = Path(__file__).resolve().parents[1]
TEXTS = {"luccioni2023power": ("luccioni2024", "v3"), "strubell2019energy": ("strubell2019", "v1"),
         "patterson2021carbon": ("patterson2021", None), "dodge2022measuring": ("dodge2022", "v1"),
         "luccioni2023counting": ("luccioni2023", "v1")}
READS = {"kb ls": ["ls"], "kb show": ["show", "luccioni2023power"], "kb search energy": ["search", "energy"],
         "kb search (no hit)": ["search", "zqxjwv"], "kb claims": ["claims"], "kb quote ls": ["quote", "ls"]}


def small_kb(kb: str) -> str:
    """This repository's knowledge base in a temporary folder, its papers' text loaded
    (when the corpus is there) and indexed: what the read commands then read."""
    home = tempfile.mkdtemp(prefix="kb-reads-")
    for name in ("kb.toml", "references.bib"):
        shutil.copy(ROOT / name, home)
    shutil.copytree(ROOT / "claims", Path(home) / "claims")
    env = dict(os.environ, KB_HOME=home, KB_PROGRESS="0")
    corpus = Path(os.environ.get("KB_TEST_CORPUS", ROOT.parent / "shared" / "corpus")) / "wattbot" / "pypdf-text"
    for key, (name, version) in TEXTS.items():
        if (corpus / f"{name}.json").exists():
            cmd = [kb, "text", "load", key, str(corpus / f"{name}.json")] + (["--version", version] if version else [])
            subprocess.run(cmd, env=env, capture_output=True)
    subprocess.run([kb, "ls"], env=env, capture_output=True)     # indexed once
    return home


def loaded(home: str, argv: list[str]) -> list[str]:
    """The heavy libraries one fresh process running `kb ARGV` loads."""
    code = ("import io, sys\nfrom kb.cli.app import main\ntry:\n main(sys.argv[1:], stdout=io.StringIO(), "
            f"stderr=io.StringIO())\nexcept SystemExit:\n pass\nprint([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True,
                         env=dict(os.environ, KB_HOME=home))
    return out.stdout.strip().splitlines()[-1:] or [out.stderr.strip()[-200:]]


def reads(kb: str, runs: int) -> None:
    home = small_kb(kb)
    env = dict(os.environ, KB_HOME=home)
    commands = {"kb where": [kb, "where"], **{name: [kb, *argv] for name, argv in READS.items()}}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            t = time.perf_counter()
            subprocess.run(cmd, env=env, capture_output=True)
            times[name].append(time.perf_counter() - t)
    where = statistics.median(times["kb where"])
    print(f"\nread-only commands on a small knowledge base (the repository's 5 papers), {runs} runs each, "
          f"alternating; load average {os.getloadavg()[0]:.2f}")
    for name, values in times.items():
        med = statistics.median(values)
        heavy = "" if name == "kb where" else f"  loads {loaded(home, READS[name])[0]}"
        print(f"{name:20} median {med * 1000:6.1f} ms  (min {min(values) * 1000:6.1f})  "
              f"{med / where:4.2f}x kb where{heavy}")
    shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    kb = shutil.which("kb")
    if kb is None:
        sys.exit("kb is not on PATH: pip install -e . first")
    home = tempfile.mkdtemp(prefix="kb-startup-")
    subprocess.run([kb, "init", home], check=True, capture_output=True)
    env = dict(os.environ, KB_HOME=home)
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import kb.cli.app": [sys.executable, "-c", "import kb.cli.app"],
        "kb --help": [kb, "--help"],
        "kb where": [kb, "where"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, cmd in commands.items():
            t = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, env=env)
            times[name].append(time.perf_counter() - t)
    floor = statistics.median(times["python -c pass"])
    print(f"{args.runs} runs each, alternating; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"{name:20} median {med * 1000:6.1f} ms  (min {min(values) * 1000:6.1f}, max {max(values) * 1000:6.1f})"
              f"  {med / floor:4.1f}x the interpreter")
    help_ms = statistics.median(times["kb --help"]) * 1000
    print(f"kb --help: {help_ms:.0f} ms, goal < 150 ms: {'met' if help_ms < 150 else 'NOT met'}")
    code = f"import sys, kb.cli.app; print([m for m in {HEAVY!r} if m in sys.modules])"
    heavy = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.strip()
    print(f"heavy libraries loaded by importing kb.cli.app: {heavy}")
    shutil.rmtree(home, ignore_errors=True)
    reads(kb, args.runs)


if __name__ == "__main__":
    main()
