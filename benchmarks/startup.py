"""Start-up benchmark: what a `kb` command costs before it does any work.

Runs, alternating so that load on the machine falls on all of them alike:
  - `python -c pass` (the interpreter alone: the floor),
  - `python -c "import kb.cli.app"` (kb's whole package, every layer, imported),
  - `kb --help`  (goal: under 0.15 s),
  - `kb where`   (start-up plus finding the knowledge base),
and reports the median wall time of each, and each against the floor. Also
lists which heavy third-party libraries `import kb.cli.app` loads (should be none).

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

HEAVY = ("pint", "networkx", "pypdf", "requests", "bibtexparser", "rapidfuzz", "sqlite_utils", "tomlkit",
         "pylatexenc", "defusedxml")


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


if __name__ == "__main__":
    main()
