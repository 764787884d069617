"""kb audit: its time over the five papers of the note and over a synthetic knowledge base.

Run: python benchmarks/audit.py [--papers N] [--cites N] [--corpus DIR]

1. The five papers (their pypdf text from the shared corpus, ../shared/corpus/wattbot):
   loaded with `kb text load`, then `kb audit` timed.
2. A synthetic knowledge base of N papers (default 1,000), each citing `--cites` others
   (default 20) with a numbered reference list and sentences restating figures of the
   papers they cite (half as printed, a quarter converted to other units, a quarter
   changed), built through kb's own write paths (references.bib, then kb.ops load_text
   for every paper, which indexes the text, parses the reference list, links and finds
   the citation contexts); then `kb audit` timed, in-process through kb's CLI entry point.

Goal: kb audit under 10 s on the synthetic knowledge base. Prints the machine's load
(os.getloadavg) with the figures; reports, never asserts.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb.cli.app import main  # noqa: E402
from kb.ops.papers import load_text  # noqa: E402
from kb.ops.session import open_kb  # noqa: E402
from kb.store.knowledgebase import init  # noqa: E402

FIVE = {"strubell2019energy": ("strubell2019", "v1"), "patterson2021carbon": ("patterson2021", ""),
        "dodge2022measuring": ("dodge2022", "v1"), "luccioni2023counting": ("luccioni2023", "v1"),
        "luccioni2023power": ("luccioni2024", "v3")}


def run(*args) -> tuple[int, float, str]:
    out, err = io.StringIO(), io.StringIO()
    t, cpu = time.perf_counter(), time.process_time()
    code = main([str(a) for a in args], stdout=out, stderr=err)
    LAST_CPU[0] = time.process_time() - cpu
    return code, time.perf_counter() - t, out.getvalue()


LAST_CPU = [0.0]     # CPU seconds of the last run (wall time on a loaded machine is several times more)


def wattbot_pages(corpus: Path, name: str) -> list[str]:
    data = json.loads((corpus / "wattbot" / "pypdf-text" / f"{name}.json").read_text("utf-8"))
    pages = []
    for section in data["sections"]:
        texts = [p["text"] for p in section["paragraphs"]]
        pages.append("\n".join(texts))
    return pages


def five(corpus: Path, tmp: Path) -> None:
    root, _ = init(tmp / "five")
    os.environ["KB_HOME"] = str(root)
    (root / "references.bib").write_text((ROOT / "references.bib").read_text())
    for key, (name, version) in FIVE.items():
        src = tmp / f"{name}.json"
        src.write_text(json.dumps(wattbot_pages(corpus, name)))
        code, _, _ = run("text", "load", key, src, *(["--version", version] if version else []))
        assert code == 0
    code, seconds, out = run("audit")
    print(f"five papers: kb audit {seconds:.2f} s wall, {LAST_CPU[0]:.2f} s CPU (exit {code}); "
          f"{out.strip().splitlines()[-1]}")
    code, seconds, _ = run("audit")
    print(f"five papers, again: {seconds:.2f} s")


UNITS = [("kWh", 1.0, "MWh", 0.001), ("lbs CO2e", 1.0, "kg CO2e", 0.45359237), ("hours", 1.0, "days", 1 / 24),
         ("kg", 1.0, "g", 1000.0)]


def synthetic(n: int, cites: int, tmp: Path) -> None:
    rnd = random.Random(7)
    root, _ = init(tmp / "synthetic")
    os.environ["KB_HOME"] = str(root)
    figures = {i: (rnd.choice(UNITS), round(rnd.uniform(10, 9000), 1)) for i in range(n)}
    bib = []
    for i in range(n):
        bib.append(f"@article{{p{i},\n  title = {{Synthetic study number {i} of energy in training}},\n"
                   f"  author = {{Author{i}, Ann and Other, Bob}},\n  year = {{2020}},\n"
                   f"  doi = {{10.9999/synthetic.{i}}}\n}}\n")
    (root / "references.bib").write_text("\n".join(bib))
    t0 = time.perf_counter()
    base = open_kb(str(root))
    for i in range(n):
        (u, _, u2, k), value = figures[i]
        cited = rnd.sample([j for j in range(n) if j != i], cites) if n > cites else []
        body = [f"Synthetic study {i}. Training the model used {value} {u} in total, as measured."]
        for pos, j in enumerate(cited, start=1):
            (cu, _, cu2, ck), cv = figures[j]
            roll = rnd.random()
            if roll < 0.5:
                body.append(f"Earlier work reported {cv} {cu} for training [{pos}].")
            elif roll < 0.75:
                body.append(f"Earlier work reported {cv * ck:.4g} {cu2} for training [{pos}].")
            else:
                body.append(f"Earlier work reported {cv * 1.4:.1f} {cu} for training [{pos}].")
        refs = ["References"] + [
            f"[{pos}] Author{j}, A. and Other, B. 2020. Synthetic study number {j} of energy in training. "
            f"Journal of Tests. https://doi.org/10.9999/synthetic.{j}"
            for pos, j in enumerate(cited, start=1)]
        pages = [" ".join(body[:len(body) // 2 + 1]), " ".join(body[len(body) // 2 + 1:]), "\n".join(refs)]
        src = tmp / f"p{i}.json"
        src.write_text(json.dumps(pages))
        load_text(base, f"p{i}", src, extractor="synthetic")
    base.close()
    build = time.perf_counter() - t0
    conn = open_kb(str(root)).conn
    links = conn.execute("select count(*) from citations").fetchone()[0]
    contexts = conn.execute("select count(*) from cite_contexts").fetchone()[0]
    print(f"synthetic: {n} papers, {links} citation links, {contexts} citation contexts; built in {build:.1f} s")
    code, seconds, out = run("audit", "--json")
    rows = json.loads(out) if out.strip() else []
    verdicts = {v: sum(1 for r in rows if r["verdict"] == v) for v in ("confirmed", "differs", "not-in-source")}
    print(f"synthetic: kb audit {seconds:.2f} s wall, {LAST_CPU[0]:.2f} s CPU (exit {code}), {len(rows)} "
          f"restatements {verdicts} (goal: under 10 s); load average now "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main_() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--papers", type=int, default=1000)
    ap.add_argument("--cites", type=int, default=20)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    a = ap.parse_args()
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; cpus: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        if (a.corpus / "wattbot").is_dir():
            five(a.corpus, Path(tmp))
        else:
            print(f"five papers: skipped, no corpus at {a.corpus}")
        synthetic(a.papers, a.cites, Path(tmp))


if __name__ == "__main__":
    main_()
