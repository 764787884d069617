"""Helpers for the reliability tests: `kb` as a real subprocess, snapshots of a
knowledge base's truth files and index, generated papers and BibTeX."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path


def kb_env(root: Path | None = None, **extra: str) -> dict[str, str]:
    """The test's own environment (isolated by conftest: local servers, no
    internet) for a `python -m kb` child."""
    env = dict(os.environ)
    if root is not None:
        env["KB_HOME"] = str(root)
    env["KB_PROGRESS"] = "0"
    env["PYTHONSAFEPATH"] = "1"      # never import a folder named kb/ from the child's cwd
    env.update(extra)
    return env


def kb_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "kb", *map(str, args)]


def spawn(args: list[str], env: dict, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(kb_cmd(*args), env=env, cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def run(args: list[str], env: dict, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(kb_cmd(*args), env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          check=False)


def restore(template: Path, work: Path) -> None:
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(template, work)


# -- snapshots ----------------------------------------------------------------------------

def truth_files(root: Path) -> dict[str, bytes]:
    """references.bib and every claims/*.toml, as bytes."""
    out = {"references.bib": (root / "references.bib").read_bytes()}
    claims = root / "claims"
    if claims.is_dir():
        for path in sorted(claims.glob("*.toml")):
            out[f"claims/{path.name}"] = path.read_bytes()
    return out


def index_state(root: Path) -> dict:
    """What the index holds, read straight from SQLite (no kb code, no re-sync):
    papers, versions with their page counts, quotes, claims, indexed files."""
    conn = sqlite3.connect(root / ".kb" / "kb.sqlite", timeout=30)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchall()
        return {
            "integrity": [r[0] for r in check],
            "papers": sorted(conn.execute("select citekey, title, fields from papers").fetchall()),
            "versions": sorted(conn.execute(
                "select citekey, version, text_status, page_count, "
                "(select count(*) from pages p where p.version_id = v.id) from versions v").fetchall()),
            "quotes": sorted(conn.execute("select id, citekey, text, file from quotes").fetchall()),
            "claims": sorted(conn.execute("select id, citekey, number, unit, file from claims").fetchall()),
            "files": sorted(conn.execute("select path, sha256 from files").fetchall()),
        }
    finally:
        conn.close()


def bib_keys(root: Path) -> list[str]:
    from kb.sources.bibtex import BibFile

    return [e.key for e in BibFile.load(root / "references.bib").entries()]


def claims_ids(root: Path, section: str) -> list[str]:
    out = []
    for path in sorted((root / "claims").glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        out += [t["id"] for t in data.get(section, [])]
    return out


# -- generated content --------------------------------------------------------------------

SECTIONS = ["Introduction", "Related work", "Method", "Experiments", "Results", "Discussion",
            "Limitations", "Conclusion"]
MODELS = ["a small encoder", "a distilled tagger", "the base translator", "a large decoder",
          "the sparse mixture", "a vision transformer", "the speech recogniser", "a retrieval model",
          "the summariser", "a code model", "the question answerer", "an image captioner"]
TASKS = ["sentiment analysis", "named entity recognition", "machine translation", "summarisation",
         "image classification", "speech recognition", "question answering", "object detection"]


def paper_pages(n: int, pages: int = 4, lines: int = 12) -> list[str]:
    """Page text for paper n that reads like a paper to kb's matcher: every line
    differs in words, not only in digits (lines that repeat on every page with
    only a number changed are running headers, which kb leaves out)."""
    out = []
    for p in range(pages):
        rows = [f"{p + 1} {SECTIONS[p % len(SECTIONS)]}",
                f"This part of study {n} is about {TASKS[(n + p) % len(TASKS)]} on {SECTIONS[p % 8].lower()} data."]
        for i in range(lines):
            model = MODELS[(i + p) % len(MODELS)]
            task = TASKS[(i * 3 + p) % len(TASKS)]
            rows.append(f"For {task}, {model} used {n}.{p}{i} kWh per 1000 queries in setting {chr(97 + i)}{p}.")
        out.append("\n".join(rows))
    return out


def quote_of(n: int, p: int = 1, i: int = 3) -> str:
    """A sentence page p+1 of paper_pages(n) holds, and its figure."""
    model = MODELS[(i + p) % len(MODELS)]
    task = TASKS[(i * 3 + p) % len(TASKS)]
    return f"For {task}, {model} used {n}.{p}{i} kWh per 1000 queries in setting {chr(97 + i)}{p}."


def bibtex_entries(count: int, prefix: str = "gen") -> str:
    """`count` varied BibTeX entries (articles, proceedings, arXiv preprints)."""
    parts = []
    for i in range(count):
        kind = ("article", "inproceedings", "misc")[i % 3]
        venue = {"article": f"  journal = {{Journal of Tests {i % 7}}},\n",
                 "inproceedings": f"  booktitle = {{Proceedings of Workshop {i % 5}}},\n",
                 "misc": f"  eprint = {{2402.{10000 + i:05d}}},\n  archiveprefix = {{arXiv}},\n"}[kind]
        parts.append(
            f"@{kind}{{{prefix}{i},\n"
            f"  title = {{On the {'Energy' if i % 2 else 'Carbon'} Cost of Model {i}: A Study of {{GPU}} Use}},\n"
            "  author = {M{\\\"u}ller, Jana and Smith, John and Author" + str(i) + ", Third},\n"
            f"  year = {{{2000 + i % 24}}},\n{venue}"
            f"  doi = {{10.5555/test.{i}}},\n"
            f"}}\n")
    return "\n".join(parts)


def dump(obj, path: Path) -> None:
    path.write_text(json.dumps(obj, indent=1, default=str))


def holds_flock(pid: int, inode: int) -> bool:
    """Whether process `pid` holds a write flock on the file of `inode` (Linux: /proc/locks)."""
    try:
        with open("/proc/locks") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 6 and parts[1] == "FLOCK" and parts[3] == "WRITE" and parts[4] == str(pid) \
                        and parts[5].rsplit(":", 1)[-1] == str(inode):
                    return True
    except OSError:
        pass
    return False



def lock_episodes(proc, inode: int, stop_at: int | None = None, step: float = 0.0005) -> list[tuple[float, float]]:
    """(start, end) of each time `proc` held its knowledge base's writer lock (the file
    of `inode`), in seconds from the call, until it exits; or until it begins its
    `stop_at`-th hold, which is then the last, open one (end None)."""
    import time

    t0, out, start = time.monotonic(), [], None
    while proc.poll() is None:
        now = time.monotonic() - t0
        held = holds_flock(proc.pid, inode)
        if held and start is None:
            start = now
            if stop_at is not None and len(out) + 1 >= stop_at:
                return out + [(start, None)]
        elif not held and start is not None:
            out.append((start, now))
            start = None
        time.sleep(step)
    if start is not None:
        out.append((start, time.monotonic() - t0))
    return out
