"""`kb import` against the floor: parsing the same file with bibtexparser 2 (and pybtex).

    python benchmarks/importbib.py [--entries 1000 10000] [--runs 3]

The file is made of the real entries of ../shared/corpus/bibtex/ (Crossref, DBLP,
ACL Anthology, Zotero-style and the authors' own exports), each copied many times
with its own key, title and DOI, so every entry is a distinct paper in the shapes
users bring (macros, @strings, quoting, biblatex fields). Without the corpus, a
generated file of plain @article entries is used and said so.

Each run, alternating so load on the machine falls on all alike:
  - the floor: `bibtexparser.parse_string` of the file, in this process;
  - pybtex's parser of the same text, in this process (kb cross-checks each
    imported entry with it);
  - `kb import FILE` as a whole command (a new process, a fresh knowledge base),
    which reads, cross-checks, writes references.bib and indexes every paper.
Reports each median and kb import / the floor (goal: within 2x). Print `uptime`
with the results: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("KB_TEST_CORPUS", ROOT.parent / "shared" / "corpus")) / "bibtex"
KEY = re.compile(r"@(\w+)\s*\{\s*([^,\s]+)\s*,")


def templates() -> list[str]:
    """The corpus's entries as text, each with the @strings its file defines before it."""
    out = []
    for path in sorted(CORPUS.glob("*.bib")):
        text = path.read_text("utf-8")
        for block in re.split(r"\n(?=@)", text):
            m = KEY.match(block.strip())
            if m and m.group(1).lower() not in ("string", "comment", "preamble"):
                out.append(block.strip())
    return out


def make_file(n: int, distinct: bool = False) -> tuple[str, str]:
    """`n` entries; with `distinct`, each copy's authors and math are its own too (nothing a
    cache of names or LaTeX keeps is met twice: the case caches help least)."""
    blocks = templates()
    if not blocks:
        entries = [f"@article{{p{i},\n  title = {{A Study of Things Number {i}}},\n  author = {{Smith, Ann}},\n"
                   f"  year = {{2020}},\n  journal = {{Journal of Things}}\n}}" for i in range(n)]
        return "\n\n".join(entries) + "\n", "generated @article entries (no corpus)"
    out = []
    for i in range(n):
        block = blocks[i % len(blocks)]
        m = KEY.match(block)
        block = block[:m.start(2)] + f"{m.group(2)}-{i}" + block[m.end(2):]
        block = re.sub(r"(title\s*=\s*[{\"])", rf"\g<1>Copy {i} of ", block, count=1, flags=re.I)
        block = re.sub(r"(doi\s*=\s*[{\"])([^}\"]+)", rf"\g<1>\g<2>.{i}", block, count=1, flags=re.I)
        block = re.sub(r"\b\d{4}\.\d{4,5}\b", f"2101.{i:05d}", block)     # its own arXiv id, if any
        if distinct:
            letters = "".join(chr(97 + int(d)) for d in str(i))
            block = re.sub(r"((?:author|editor)\s*=\s*[{\"])", rf"\g<1>{letters.capitalize()}, Copy and ", block,
                           count=1, flags=re.I)
            block = re.sub(r"(\$[^$]+)\$", rf"\g<1>_{{{i}}}$", block)
        out.append(block)
    what = f"{len(blocks)} real corpus entries, copied round-robin"
    return "\n\n".join(out) + "\n", what + (", each copy with authors and math of its own" if distinct else "")


def floor(text: str) -> float:
    import bibtexparser
    t = time.perf_counter()
    lib = bibtexparser.parse_string(text)
    assert lib.entries
    return time.perf_counter() - t


def pybtex_parse(text: str) -> float:
    from pybtex.database.input.bibtex import Parser
    t = time.perf_counter()
    Parser().parse_string(text)
    return time.perf_counter() - t


def kb_import(kb: str, path: Path, source: str | None = None) -> float:
    home = Path(tempfile.mkdtemp(prefix="kb-import-"))
    try:
        env = dict(os.environ, KB_HOME=str(home / "kb"), KB_PROGRESS="0")
        if source:             # another checkout's kb package, ahead of the installed one
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
        subprocess.run([kb, "init", str(home / "kb")], env=env, capture_output=True, check=True)
        t = time.perf_counter()
        r = subprocess.run([kb, "import", str(path)], env=env, capture_output=True, text=True)
        took = time.perf_counter() - t
        if r.returncode != 0:
            raise SystemExit(f"kb import failed: {r.stderr.strip()[:300]}")
        return took
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entries", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--compare", metavar="CHECKOUT",
                    help="also time kb import of another checkout of kb (a git worktree at an older "
                         "commit, say), alternating with this one")
    ap.add_argument("--distinct", action="store_true",
                    help="each copy with its own first author and math (no name or LaTeX met twice)")
    args = ap.parse_args()
    kb = shutil.which("kb") or str(Path(sys.executable).with_name("kb"))
    print("uptime:", os.popen("uptime").read().strip())
    for n in args.entries:
        text, what = make_file(n, args.distinct)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "library.bib"
            path.write_text(text, "utf-8")
            times: dict[str, list[float]] = {"bibtexparser 2 parse (floor)": [], "pybtex parse": [],
                                             "kb import (command)": []}
            if args.compare:
                times[f"kb import of {Path(args.compare).name}"] = []
            for _ in range(args.runs):
                times["bibtexparser 2 parse (floor)"].append(floor(text))
                times["pybtex parse"].append(pybtex_parse(text))
                times["kb import (command)"].append(kb_import(kb, path))
                if args.compare:
                    times[f"kb import of {Path(args.compare).name}"].append(kb_import(kb, path, args.compare))
        base = statistics.median(times["bibtexparser 2 parse (floor)"])
        print(f"\n{n:,} entries ({what}), {len(text) / 1e6:.1f} MB, median of {args.runs}:")
        for name, values in times.items():
            med = statistics.median(values)
            print(f"  {name:30s} {med:7.2f} s   {med / base:4.2f}x the floor")
    print("\nuptime:", os.popen("uptime").read().strip())


if __name__ == "__main__":
    main()
