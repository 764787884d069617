"""Ingest benchmark (issue: kb add).

Reports, for the largest real PDF in ../shared/corpus/pdf/:
  - seconds for raw pypdf extraction of all pages,
  - seconds for `kb add --offline` of the same file (library call, and whole command),
  - kb's overhead over raw pypdf (goal: under 20%);
then `kb --help` wall time (goal: under 0.15 s) and `kb import` of a generated
5,000-entry BibTeX file in entries per second (goal: at least 2,000/s).

    python benchmarks/ingest.py [--runs 5]
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("KB_TEST_CORPUS", HERE.parent.parent / "shared" / "corpus"))


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def kb_cmd(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    exe = shutil.which("kb") or sys.executable
    cmd = [exe, *args] if exe.endswith("kb") else [sys.executable, "-m", "kb", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env or os.environ.copy())


def bench_pdf(runs: int) -> None:
    import pypdf

    pdfs = sorted((CORPUS / "pdf").glob("*.pdf"), key=lambda p: p.stat().st_size)
    if not pdfs:
        print(f"skipped PDF ingest: no corpus at {CORPUS}")
        return
    largest = pdfs[-1]
    data = largest.read_bytes()

    def raw():
        reader = pypdf.PdfReader(io.BytesIO(data))
        return [page.extract_text() for page in reader.pages]

    pages = len(raw())
    raw_s = median_time(raw, runs)

    from kb.ops.papers import add_pdf
    from kb.store.knowledgebase import KB, init

    def lib_add():
        folder = Path(tempfile.mkdtemp())
        try:
            root, _ = init(folder / "kb")
            kb = KB.open(root)
            t = time.perf_counter()       # the add alone, not making the knowledge base
            add_pdf(kb, largest, offline=True)
            elapsed = time.perf_counter() - t
            kb.close()
            return elapsed
        finally:
            shutil.rmtree(folder)

    lib_s = statistics.median(lib_add() for _ in range(runs))

    def cli_add():
        folder = Path(tempfile.mkdtemp())
        try:
            env = os.environ.copy()
            env["KB_HOME"] = str(folder / "kb")
            kb_cmd("init", str(folder / "kb"), env=env)
            t = time.perf_counter()
            r = kb_cmd("add", "--offline", str(largest), env=env)
            elapsed = time.perf_counter() - t
            assert r.returncode == 0, r.stderr
            return elapsed
        finally:
            shutil.rmtree(folder)

    cli_s = statistics.median(cli_add() for _ in range(runs))

    def raw_process():
        code = ("import io, sys, pypdf; data = open(sys.argv[1], 'rb').read(); "
                "r = pypdf.PdfReader(io.BytesIO(data)); [p.extract_text() for p in r.pages]")
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, str(largest)], check=True)
        return time.perf_counter() - t

    raw_proc_s = statistics.median(raw_process() for _ in range(runs))
    print(f"largest real PDF: {largest.name} ({largest.stat().st_size / 1e6:.1f} MB, {pages} pages)")
    print("  in one warm process:")
    print(f"    raw pypdf extraction, all pages : {raw_s:.3f} s")
    print(f"    kb add --offline (library call) : {lib_s:.3f} s  overhead {100 * (lib_s / raw_s - 1):+.1f}%")
    print("  as fresh processes (start-up and imports included on both sides):")
    print(f"    python -c 'pypdf extract all'   : {raw_proc_s:.3f} s")
    print(f"    kb add --offline FILE           : {cli_s:.3f} s  overhead {100 * (cli_s / raw_proc_s - 1):+.1f}%")


def bench_help(runs: int) -> None:
    kb_cmd("--help")
    times = []
    for _ in range(max(runs, 10)):
        t = time.perf_counter()
        r = kb_cmd("--help")
        times.append(time.perf_counter() - t)
        assert r.returncode == 0
    print(f"kb --help wall time: median {statistics.median(times):.3f} s, min {min(times):.3f} s")


def generate_bib(n: int) -> str:
    words = ["energy", "carbon", "training", "inference", "models", "language", "neural", "efficient",
             "deployment", "emissions", "graphs", "transformers", "learning", "scale", "data"]
    out = []
    for i in range(n):
        title = " ".join(words[(i * k) % len(words)] for k in (1, 3, 7, 11)).title() + f" {i}"
        out.append(f"@article{{gen{i},\n  title = {{{title}}},\n  author = {{Author{i % 997}, A. and Other, B.}},\n"
                   f"  year = {{{2000 + i % 25}}},\n  journal = {{Journal of Things}},\n  doi = {{10.5555/gen.{i}}}\n}}\n")
    return "\n".join(out)


def bench_import(runs: int, n: int = 5000) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        bib = folder / "library.bib"
        bib.write_text(generate_bib(n))
        rates = []
        for _ in range(max(1, runs // 2)):
            root = folder / f"kb{len(rates)}"
            env = os.environ.copy()
            env["KB_HOME"] = str(root)
            kb_cmd("init", str(root), env=env)
            t = time.perf_counter()
            r = kb_cmd("import", str(bib), env=env)
            elapsed = time.perf_counter() - t
            assert r.returncode == 0, r.stderr
            rates.append(n / elapsed)
        print(f"kb import of {n:,} entries (whole command, fresh knowledge base): "
              f"median {statistics.median(rates):,.0f} entries/s")
    finally:
        shutil.rmtree(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bench_pdf(args.runs)
    bench_help(args.runs)
    bench_import(args.runs)


if __name__ == "__main__":
    main()
