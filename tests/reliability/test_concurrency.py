"""Concurrency: four processes at once, each adding papers from the fake arXiv
(4 each by default; 25 with KB_TEST_LONG=1, or KB_CONCURRENCY_PAPERS=N) and,
for each, one quote and one claim verified against the paper's PDF text.

A quarter of the papers share first author, year and first title word, and
every worker starts with one of them, so their citekeys (garcia2023energy,
...b, ...c) are decided under contention; quote ids are left to kb, so their
suffixes are too. Afterwards every entry, quote and claim is there once, no
process saw "database is locked", and `kb doctor` is content. Wall time and
entries lost are printed and written to concurrency.json in the test's tmp
folder.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter

import pytest
from budgets import budget
from fakearxiv import FakeArxiv
from kbproc import bib_keys, claims_ids, dump, kb_env, paper_pages, quote_of
from kbrun import run_kb
from pdfgen import make_pdf

pytestmark = pytest.mark.slow

WORKERS = 4
PER_WORKER = budget(4, 25, "KB_CONCURRENCY_PAPERS")

# Runs kb's real entry point in one long-lived process per worker: the add,
# quote and claim of each paper interleave with the other workers' commands.
WORKER = r"""
import io, json, sys
from kb.cli.app import main

def kb(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()

results = []
for job in json.load(open(sys.argv[1])):
    rec = {"arxiv": job["arxiv"], "stderr": ""}
    code, out, err = kb("add", job["arxiv"], "--json")
    rec["add"], rec["stderr"] = code, err
    if code == 0:
        key = rec["citekey"] = json.loads(out)[0]["citekey"]
        code, out, err = kb("quote", "add", key, job["quote"], "--json")
        rec["quote"], rec["stderr"] = code, rec["stderr"] + err
        if code == 0:
            rec["quote_id"] = json.loads(out)["id"]
        code, out, err = kb("claim", "add", key, job["value"], "--quote", job["claim_quote"],
                            "--per", "1000 queries", "--json")
        rec["claim"], rec["stderr"] = code, rec["stderr"] + err
    results.append(rec)
json.dump(results, open(sys.argv[2], "w"))
"""


def _colliding(n: int) -> bool:
    """A quarter of the papers, in runs of WORKERS: each worker gets one of each run."""
    return (n // WORKERS) % 4 == 0


def _paper(n: int) -> dict:
    arxiv = f"2403.{n + 1:05d}"
    if _colliding(n):     # garcia2023energy, garcia2023energyb, ...
        title, authors, published = f"Energy of Inference for Model Family {n}", ["Maria Garcia", "Li Wei"], \
            "2023-03-01"
    else:
        title, authors, published = f"Study {n} of Accelerator Power Draw", [f"Ann Author{n}", "Bo Second"], \
            "2024-03-01"
    return {"arxiv": arxiv, "title": title, "authors": authors, "published": published,
            "quote": quote_of(n, 0, 2), "claim_quote": quote_of(n, 1, 4), "value": f"{n}.14 kWh"}


def test_four_writers_at_once(kb_root, server, tmp_path):
    fake = FakeArxiv(server)
    papers = [_paper(n) for n in range(WORKERS * PER_WORKER)]
    for n, p in enumerate(papers):
        fake.add(p["arxiv"], {1: make_pdf(paper_pages(n, pages=2, lines=6))}, p["title"], p["authors"],
                 published=p["published"])
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    env = kb_env(kb_root, KB_ARXIV_DELAY="0")
    procs = []
    started = time.monotonic()
    for w in range(WORKERS):
        jobs = tmp_path / f"jobs{w}.json"
        jobs.write_text(json.dumps(papers[w::WORKERS]))      # interleaved: colliding keys in every worker
        out = tmp_path / f"out{w}.json"
        procs.append((subprocess.Popen([sys.executable, str(script), str(jobs), str(out)], env=env, cwd=cwd,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True), out))
    crashed = []
    for proc, _ in procs:
        _, stderr = proc.communicate(timeout=300)
        if proc.returncode != 0:
            crashed.append(stderr[-2000:])
    wall = time.monotonic() - started
    assert not crashed, crashed
    results = [r for _, out in procs for r in json.loads(out.read_text())]

    failures = [r for r in results if (r["add"], r.get("quote"), r.get("claim")) != (0, 0, 0)]
    locked = [r["stderr"] for r in results if "database is locked" in r["stderr"]]
    ls = run_kb("ls", "--json")
    assert ls.code == 0, ls.err
    listed = [p["citekey"] for p in ls.json]
    keys = bib_keys(kb_root)
    quotes = run_kb("quote", "ls", "--json").json
    claims = run_kb("claims", "--json").json
    doctor = run_kb("doctor", "--json")
    figures = {
        "processes": WORKERS, "papers": len(papers), "wall_seconds": round(wall, 1),
        "entries": len(keys), "entries_lost": len(papers) - len(set(keys)),
        "quotes": len(quotes), "claims": len(claims),
        "failed_commands": len(failures), "database_is_locked": len(locked),
        "colliding_citekeys": sorted(k for k in keys if k.startswith("garcia2023energy")),
        "quote_ids_with_suffix": sum(1 for q in quotes if q["id"].rsplit("-", 1)[-1].isdigit()),
    }
    dump(figures, tmp_path / "concurrency.json")
    print(f"\nconcurrency: {WORKERS} processes x {PER_WORKER} papers (+1 quote, +1 claim each) in "
          f"{figures['wall_seconds']} s; entries lost {figures['entries_lost']}, quotes {len(quotes)}, "
          f"claims {len(claims)}, 'database is locked' {len(locked)}")

    assert not failures, failures[:3]
    assert not locked, locked[:3]
    assert len(keys) == len(set(keys)) == len(papers)             # nothing lost, no duplicate citekeys
    assert sorted(listed) == sorted(keys)
    assert sorted(p["arxiv_id"] for p in ls.json) == sorted(p["arxiv"] for p in papers)
    garcia = figures["colliding_citekeys"]
    assert len(garcia) == sum(map(_colliding, range(len(papers))))
    assert "garcia2023energy" in garcia and "garcia2023energyb" in garcia
    assert figures["quote_ids_with_suffix"] > 0        # quote ids were decided under contention too
    # Each quote and claim went to the paper its worker added, exactly once.
    by_key = {r["citekey"]: r for r in results}
    assert len(quotes) == len(papers) == len({q["id"] for q in quotes})
    assert sorted(q["id"] for q in quotes) == sorted(claims_ids(kb_root, "quote"))
    for q in quotes:
        n = int(by_key[q["citekey"]]["arxiv"].split(".")[1]) - 1
        assert q["text"] == quote_of(n, 0, 2) and q["status"] == "verified"
    assert len(claims) == len(papers)
    assert Counter(c["citekey"] for c in claims) == Counter({k: 1 for k in keys})
    assert all(c["status"] == "verified" for c in claims)
    assert doctor.code == 0, doctor.out
