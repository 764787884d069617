"""Ingest benchmark (issue: kb add).

Reports, for every real PDF in ../shared/corpus/pdf/, in one run with alternating
measures: raw pypdf and raw pypdfium2 extraction of all pages, and `kb add --offline`
with each extractor (in-process; with --commands also as whole commands against a
fresh python process extracting the same way), as ratios (goal: kb within 1.2x of
its extractor in-process, the default within 1.3x of raw pypdfium2);
then `kb --help` wall time (goal: under 0.15 s) and `kb import` of a generated
5,000-entry BibTeX file in entries per second (goal: at least 2,000/s); then a bulk
import: a library of 200 entries whose `file` fields name 200 distinct PDFs (the real
PDFs of the corpus copied round-robin, each copy given a comment line after its end
so its bytes, and so its sha256, are its own: kb would otherwise hold one cached
file for all the copies), imported as a whole command with --jobs 1 and --jobs
<every core>, alternating, in papers per second; beside it the extraction alone
(kb.ops.bulk, no knowledge base) with 1 and every core, so the share of the run
that extraction is, and the writer's, can be read. The machine's load (`uptime`)
is printed with it: on a shared machine the figures are ratios of one run.

    python benchmarks/ingest.py [--runs 5] [--pdf-runs 3] [--commands] [--pdf-only]
    python benchmarks/ingest.py --bulk-only [--bulk 200] [--bulk-runs 1]
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


def raw_pypdf(data: bytes) -> list[str]:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return [page.extract_text() for page in reader.pages]


def raw_pdfium(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    out = []
    for page in doc:
        textpage = page.get_textpage()
        out.append(textpage.get_text_range())
        textpage.close()
        page.close()
    doc.close()
    return out


RAW = {"pypdf": raw_pypdf, "pdfium": raw_pdfium}
RAW_CODE = {
    "pypdf": "import io, sys, pypdf; r = pypdf.PdfReader(open(sys.argv[1], 'rb')); [p.extract_text() for p in r.pages]",
    "pdfium": "import sys, pypdfium2 as m; d = m.PdfDocument(open(sys.argv[1], 'rb').read()); "
              "[p.get_textpage().get_text_range() for p in d]",
}


def lib_add(path: Path, extractor: str | None) -> float:
    """`kb add --offline FILE [--extractor X]` as a library call in this process: the add
    alone, not making the knowledge base."""
    from kb.ops.papers import add_pdf
    from kb.ops.session import open_kb
    from kb.store.knowledgebase import init

    folder = Path(tempfile.mkdtemp())
    try:
        root, _ = init(folder / "kb")
        kb = open_kb(root)         # as commands open it: with its derive step
        kb.db                      # an existing knowledge base: its schema made, not timed
        t = time.perf_counter()
        add_pdf(kb, path, offline=True, extractor=extractor)
        elapsed = time.perf_counter() - t
        kb.close()
        return elapsed
    finally:
        shutil.rmtree(folder)


def cli_add(path: Path, extractor: str | None) -> float:
    folder = Path(tempfile.mkdtemp())
    try:
        env = os.environ.copy()
        env["KB_HOME"] = str(folder / "kb")
        kb_cmd("init", str(folder / "kb"), env=env)
        args = ["add", "--offline", str(path)] + (["--extractor", extractor] if extractor else [])
        t = time.perf_counter()
        r = kb_cmd(*args, env=env)
        elapsed = time.perf_counter() - t
        assert r.returncode == 0, r.stderr
        return elapsed
    finally:
        shutil.rmtree(folder)


def raw_process(path: Path, extractor: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", RAW_CODE[extractor], str(path)], check=True)
    return time.perf_counter() - t


def bench_pdf(runs: int, commands: bool, only: str | None) -> None:
    """Every real PDF: raw pypdf, raw pypdfium2, kb add --offline with each extractor
    (in-process, and as whole commands with --commands), all in one run, alternating
    (run 1 of each, then run 2 of each, ...), medians and ratios."""
    from kb.sources.pdf import default_extractor, pdfium_available

    pdfs = sorted((CORPUS / "pdf").glob("*.pdf"))
    if only:
        pdfs = [p for p in pdfs if only in p.name]
    if not pdfs:
        print(f"skipped PDF ingest: no corpus at {CORPUS}")
        return
    if not pdfium_available():
        print("skipped PDF ingest: pypdfium2 is not installed")
        return
    print(f"PDF ingest, {runs} alternating runs per measure, medians; default extractor: {default_extractor()}")
    print(f"{'PDF':34} {'pages':>5} {'pypdf s':>8} {'pdfium s':>8} {'pdfium/':>7} "
          f"{'kb/pypdf':>8} {'kb/pdfium':>9} {'default/':>8}" + (f" {'cmd pypdf':>9} {'cmd pdfium':>10}" if commands else ""))
    print(f"{'':34} {'':>5} {'raw':>8} {'raw':>8} {'pypdf':>7} {'in-proc':>8} {'in-proc':>9} {'pdfium':>8}"
          + (f" {'/process':>9} {'/process':>10}" if commands else ""))
    totals: dict[str, float] = {}
    for path in pdfs:
        data = path.read_bytes()
        pages = len(raw_pdfium(data))
        measures = {
            "raw pypdf": lambda: _timed(raw_pypdf, data),
            "raw pdfium": lambda: _timed(raw_pdfium, data),
            "kb pypdf": lambda: lib_add(path, "pypdf"),
            "kb pdfium": lambda: lib_add(path, "pdfium"),
            "kb default": lambda: lib_add(path, None),
        }
        if commands:
            measures.update({
                "proc pypdf": lambda: raw_process(path, "pypdf"),
                "proc pdfium": lambda: raw_process(path, "pdfium"),
                "cmd pypdf": lambda: cli_add(path, "pypdf"),
                "cmd pdfium": lambda: cli_add(path, "pdfium"),
            })
        for fn in measures.values():    # warm: imports, caches
            fn()
        times: dict[str, list[float]] = {name: [] for name in measures}
        for _ in range(runs):
            for name, fn in measures.items():
                times[name].append(fn())
        med = {name: statistics.median(v) for name, v in times.items()}
        for name, value in med.items():
            totals[name] = totals.get(name, 0.0) + value
        line = (f"{path.name[:34]:34} {pages:5} {med['raw pypdf']:8.3f} {med['raw pdfium']:8.3f} "
                f"{med['raw pdfium'] / med['raw pypdf']:7.2f} {med['kb pypdf'] / med['raw pypdf']:8.2f} "
                f"{med['kb pdfium'] / med['raw pdfium']:9.2f} {med['kb default'] / med['raw pdfium']:8.2f}")
        if commands:
            line += (f" {med['cmd pypdf'] / med['proc pypdf']:9.2f} {med['cmd pdfium'] / med['proc pdfium']:10.2f}")
        print(line, flush=True)
    t = totals
    line = (f"{'all PDFs (sums of medians)':34} {'':5} {t['raw pypdf']:8.3f} {t['raw pdfium']:8.3f} "
            f"{t['raw pdfium'] / t['raw pypdf']:7.2f} {t['kb pypdf'] / t['raw pypdf']:8.2f} "
            f"{t['kb pdfium'] / t['raw pdfium']:9.2f} {t['kb default'] / t['raw pdfium']:8.2f}")
    if commands:
        line += f" {t['cmd pypdf'] / t['proc pypdf']:9.2f} {t['cmd pdfium'] / t['proc pdfium']:10.2f}"
    print(line)
    print("goals: kb/pypdf and kb/pdfium in-process <= 1.2; default/pdfium <= 1.3 "
          "(kb add also writes references.bib, the cache, the index and its full-text rows)")


def _timed(fn, data: bytes) -> float:
    t = time.perf_counter()
    fn(data)
    return time.perf_counter() - t


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


def _printed_words(pdf_path: Path) -> str:
    """Twelve words the first page of a PDF prints: a title kb finds printed on it."""
    import re

    from kb.sources.pdf import extract

    first = extract(pdf_path.read_bytes(), source=pdf_path.name).pages[0]
    return " ".join(re.findall(r"[A-Za-z]{4,}", first)[:12])


def bulk_library(folder: Path, n: int) -> Path:
    """`n` entries, each naming its own copy of a real corpus PDF (round-robin)."""
    pdfs = sorted((CORPUS / "pdf").glob("*.pdf"))
    files = folder / "files"
    files.mkdir()
    entries = []
    printed = {source: _printed_words(source) for source in pdfs}
    for i in range(n):
        source = pdfs[i % len(pdfs)]
        name = f"{i:04d}-{source.name}"
        (files / name).write_bytes(source.read_bytes() + f"\n%kb-bench copy {i}\n".encode())
        # a title its PDF prints (kb import attaches a file field's PDF only so), each its own by its number
        entries.append(f"@article{{bulk{i},\n  title = {{{printed[source]} {1000 + i}}},\n"
                       f"  author = {{Bench, Ada and Copy{i}, Alan}},\n  year = {{{2000 + i % 25}}},\n"
                       f"  file = {{Full Text PDF:files/{name}:application/pdf}}\n}}\n")
    bib = folder / "library.bib"
    bib.write_text("\n".join(entries))
    return bib


def extract_only(bib: Path, jobs: int) -> float:
    """The extraction of every PDF the library names, through kb.ops.bulk (each worker also
    parses the text's reference list), no knowledge base."""
    from kb.ops.bulk import Task, extract_in_order
    from kb.sources.bibtex import BibFile, file_paths
    from kb.sources.pdf import Limits

    paths = [p for e in BibFile.load(bib).entries() for p in file_paths(e.fields.get("file", ""), bib.parent)]
    t = time.perf_counter()
    for done in extract_in_order(paths, lambda p: Task(p.read_bytes(), None, str(p)), Limits(), jobs):
        assert done.outcome.result is not None, done.item
    return time.perf_counter() - t


def import_command(bib: Path, jobs: int, folder: Path) -> float:
    root = folder / f"kb-jobs{jobs}"
    if root.exists():
        shutil.rmtree(root)
    env = os.environ.copy()
    env["KB_HOME"] = str(root)
    env["KB_PROGRESS"] = "0"
    kb_cmd("init", str(root), env=env)
    t = time.perf_counter()
    r = kb_cmd("import", str(bib), "--jobs", str(jobs), env=env)
    elapsed = time.perf_counter() - t
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().endswith("PDF(s) attached"), r.stdout
    return elapsed


def bench_bulk(n: int, runs: int) -> None:
    from kb.ops.bulk import default_jobs

    if not (CORPUS / "pdf").is_dir():
        print(f"skipped bulk import: no corpus at {CORPUS}")
        return
    cores = default_jobs()
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"\nbulk import of {n} PDFs ({len(list((CORPUS / 'pdf').glob('*.pdf')))} real PDFs copied round-robin, "
          f"each copy's bytes its own), {cores} core(s); {runs} alternating run(s) per measure, medians")
    print(f"load before: {load}", flush=True)
    folder = Path(tempfile.mkdtemp())
    try:
        bib = bulk_library(folder, n)
        measures = {"extract, jobs 1": lambda: extract_only(bib, 1),
                    f"extract, jobs {cores}": lambda: extract_only(bib, cores),
                    "kb import, jobs 1": lambda: import_command(bib, 1, folder),
                    f"kb import, jobs {cores}": lambda: import_command(bib, cores, folder)}
        times: dict[str, list[float]] = {name: [] for name in measures}
        for _ in range(runs):
            for name, fn in measures.items():
                times[name].append(fn())
        med = {name: statistics.median(v) for name, v in times.items()}
        for name, seconds in med.items():
            print(f"  {name:22} {seconds:8.1f} s   {n / seconds:6.1f} papers/s", flush=True)
        one, all_ = med["kb import, jobs 1"], med[f"kb import, jobs {cores}"]
        x1, xa = med["extract, jobs 1"], med[f"extract, jobs {cores}"]
        print(f"  kb import speed-up on {cores} cores: {one / all_:.2f}x; the workers' part alone (extraction and "
              f"reference lists): {x1 / xa:.2f}x; it is {x1 / one:.0%} of the one-core import (the rest is the one "
              "writer: references.bib, cache, index, citation links)")
        print(f"load after:  {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}")
        if cores <= 2:
            print("  (a machine of 2 cores shared with other work: the pool's workers and the writer compete "
                  "for the same cores, so read these as ratios of this run)")
    finally:
        shutil.rmtree(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pdf-runs", type=int, default=3, help="alternating runs per PDF and measure")
    parser.add_argument("--commands", action="store_true",
                        help="also time whole `kb add` commands against a fresh python process extracting")
    parser.add_argument("--only", default=None, help="only the corpus PDFs whose name contains this")
    parser.add_argument("--pdf-only", action="store_true", help="skip kb --help and kb import")
    parser.add_argument("--bulk", type=int, default=200, metavar="N",
                        help="PDFs in the bulk import (0: skip it)")
    parser.add_argument("--bulk-runs", type=int, default=1, help="alternating runs per bulk measure")
    parser.add_argument("--bulk-only", action="store_true", help="only the bulk import")
    args = parser.parse_args()
    if not args.bulk_only:
        bench_pdf(args.pdf_runs, args.commands, args.only)
        if args.pdf_only:
            return
        bench_help(args.runs)
        bench_import(args.runs)
    if args.bulk:
        bench_bulk(args.bulk, args.bulk_runs)


if __name__ == "__main__":
    main()
