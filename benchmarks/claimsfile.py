"""One write into a large claims file: `kb claim add` and `kb quote add`, each against `kb where`.

    python benchmarks/claimsfile.py [--sizes 100,1000,8000] [--runs 3]

A writer who keeps every figure of a long report under one paper has a claims file of
thousands of records. Storing one more should cost what that record costs plus reading
the file once, never re-rendering all of it. For each size, a knowledge base of one
paper (kb init, kb import) whose claims file holds that many claims, written as
`kb claim add` writes each (kb's own renderer, kb.store.claimsfile.add_record, one record
at a time into an empty file, then joined: adding them one by one through the command
would be quadratic in the build, not in what is measured), indexed by one `kb claims`.
Then `kb claim add` and `kb quote add --force` of one new record each run, alternating
with `kb where` (bare start-up) run for run: medians, and the ratio to `kb where`. The
machine is shared: `uptime` is printed with the results.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BIB = """@article{smith2020energy,
  author = {Smith, Jane},
  title = {Energy of Things Measured Twice},
  year = {2020},
  journal = {Journal of Measured Things},
}
"""


def kb(args: list[str], root: Path) -> float:
    exe = shutil.which("kb") or str(Path(sys.executable).with_name("kb"))
    env = dict(os.environ, KB_HOME=str(root), KB_PROGRESS="0")
    t = time.perf_counter()
    code = subprocess.run([exe, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env).returncode
    if code != 0:
        raise SystemExit(f"kb {' '.join(args)} exited with {code}")
    return time.perf_counter() - t


def build(root: Path, n: int) -> None:
    from kb.store.claimsfile import add_record

    kb(["init", str(root)], root.parent)
    (root / "one.bib").write_text(BIB)
    kb(["import", str(root / "one.bib")], root)
    records = [add_record("", "claim", {"id": f"c{i}", "value": f"{i}.5 kWh", "status": "unverified",
                                        "quote": f"we measured {i}.5 kWh in run {i}",
                                        "topics": ["energy", f"run{i % 50}"]}) for i in range(n)]
    (root / "claims").mkdir(exist_ok=True)
    (root / "claims" / "smith2020energy.toml").write_text("\n".join(records))
    kb(["claims", "--paper", "smith2020energy"], root)       # indexed once


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,8000")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    base = Path(tempfile.mkdtemp(prefix="kb-claimsfile-"))
    try:
        print(f"{'claims in file':>14} {'command':16} {'seconds':>8} {'/ where':>8}")
        for n in (int(s) for s in args.sizes.split(",")):
            root = base / f"kb{n}"
            build(root, n)
            for name, make in (("claim add", lambda k: ["claim", "add", "smith2020energy", f"{k}.25 MWh",
                                                        "--force", "--id", f"bench{k}"]),
                               ("quote add", lambda k: ["quote", "add", "smith2020energy",
                                                        f"a sentence kb holds no text of, {k}", "--force",
                                                        "--id", f"q{k}"])):
                times, wheres = [], []
                for k in range(args.runs):
                    wheres.append(kb(["where"], root))
                    times.append(kb(make(k), root))
                t, w = statistics.median(times), statistics.median(wheres)
                print(f"{n:>14,} {name:16} {t:8.2f} {t / w:8.2f}", flush=True)
        print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
