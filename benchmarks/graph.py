"""Citation graph at scale: a synthetic knowledge base of 50,000 papers and
1,000,000 citation links.

Run: python benchmarks/graph.py [--papers N] [--links N] [--external N] [--db PATH]

Builds the SQLite index directly (bulk inserts of papers, citations, the
resolved references behind them, and unresolved references to external
works with a long-tailed popularity), then times what `kb graph` does:

* build_graph (networkx DiGraph from SQLite), with and without per-edge
  attribute dicts -- goal: under 10 s;
* missing(top=10) -- external works cited by the most papers;
* path(a, b) between random papers (directed, and a pair with no directed path);
* summary();
* relink after adding one paper that 50 unresolved references name (the
  incremental, both-ways linking `kb add` triggers); with --full-relink, a
  relink of every reference too.

Memory: the process's peak resident set (ru_maxrss) after each step, and the
RSS growth while the graph is held. Figures vary with the machine; the script
prints them with the SQLite and networkx versions.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb.graph import links, views  # noqa: E402
from kb.store import db as kdb  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(path: Path, n_papers: int, n_links: int, n_external: int, n_works: int, seed: int) -> dict:
    rnd = random.Random(seed)
    db = kdb.connect(path)
    kdb.migrate(db)
    conn = db.conn
    conn.execute("PRAGMA synchronous = OFF")
    t0 = time.perf_counter()
    years = [1990 + (34 * i) // n_papers for i in range(n_papers)]
    keys = [f"p{i:06d}" for i in range(n_papers)]
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO papers (citekey, title, authors, year, arxiv_id, first_author) VALUES (?,?,?,?,?,?)",
        ((keys[i], f"Synthetic study {i} of topic {i % 997}", json.dumps([f"Author{i % 5003}, A"]),
          years[i], f"{(years[i] % 100):02d}{1 + i % 12:02d}.{i:05d}", f"author{i % 5003}")
         for i in range(n_papers)))
    # links: a paper cites older ones, popular (low-index) papers more often
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < n_links:
        a = rnd.randrange(1, n_papers)
        b = int(a * rnd.random() ** 1.5)
        pairs.add((a, b))
    conn.executemany("INSERT INTO citations (citing, cited, methods, score) VALUES (?,?,?,1.0)",
                     ((keys[a], keys[b], "arxiv,semantic-scholar" if (a + b) % 7 == 0 else "arxiv")
                      for a, b in pairs))
    t_links = time.perf_counter() - t0
    idx = [0] * n_papers

    def next_idx(i: int) -> int:
        idx[i] += 1
        return idx[i]

    cols = "citekey, idx, raw, arxiv_id, doi, year, title, first_author, work_key, resolved, method, score, source"
    conn.executemany(
        f"INSERT INTO refs ({cols}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'text')",
        ((keys[a], next_idx(a), f"Author{b % 5003}, A. {years[b]}. Synthetic study {b}.",
          f"{(years[b] % 100):02d}{1 + b % 12:02d}.{b:05d}", None, years[b], f"Synthetic study {b}",
          f"author{b % 5003}", f"arxiv:{(years[b] % 100):02d}{1 + b % 12:02d}.{b:05d}", keys[b], "arxiv", 1.0)
         for a, b in pairs))
    # unresolved references to external works, Zipf-like popularity
    weights = [1.0 / (k + 1) for k in range(n_works)]
    works = rnd.choices(range(n_works), weights=weights, k=n_external)
    seen: set[tuple[int, int]] = set()
    rows = []
    for w in works:
        a = rnd.randrange(n_papers)
        if (a, w) in seen:
            continue
        seen.add((a, w))
        rows.append((keys[a], next_idx(a), f"Outsider{w % 977}, B. 2015. External work {w}.", None,
                     f"10.9999/w{w}", 2015, f"External work {w}", f"outsider{w % 977}", f"doi:10.9999/w{w}",
                     None, None, None))
    conn.executemany(f"INSERT INTO refs ({cols}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'text')", rows)
    conn.executemany("INSERT INTO works (work_key, title, doi, year, first_author) VALUES (?,?,?,?,?)",
                     ((f"doi:10.9999/w{w}", f"External work {w}", f"10.9999/w{w}", 2015, f"outsider{w % 977}")
                      for w in sorted({w for w in works})))
    # 50 unresolved references naming a paper that is not here yet
    conn.executemany(f"INSERT INTO refs ({cols}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'text')",
                     ((keys[a], next_idx(a), "Newcomer, C. 2024. The newcomer. arXiv:2412.99999.",
                       "2412.99999", None, 2024, "The newcomer", "newcomer", "arxiv:2412.99999",
                       None, None, None) for a in rnd.sample(range(n_papers), 50)))
    conn.execute("COMMIT")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("ANALYZE")
    t_all = time.perf_counter() - t0
    n_refs = conn.execute("SELECT COUNT(*) FROM refs").fetchone()[0]
    return {"db": db, "keys": keys, "pairs": pairs, "insert_links_s": t_links, "insert_all_s": t_all,
            "refs": n_refs}


def timed(fn, *args, **kw):
    t = time.perf_counter()
    out = fn(*args, **kw)
    return out, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=50_000)
    ap.add_argument("--links", type=int, default=1_000_000)
    ap.add_argument("--external", type=int, default=500_000, help="unresolved references to external works")
    ap.add_argument("--works", type=int, default=100_000, help="distinct external works")
    ap.add_argument("--db", type=Path, help="where to build the database (default: a temporary folder)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--full-relink", action="store_true",
                    help="also time relink() of every reference (what `kb rebuild` does)")
    args = ap.parse_args()

    import networkx as nx

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        args.db = Path(tmp.name) / "kb.sqlite"
    elif args.db.exists():
        sys.exit(f"{args.db} exists; give a new path")
    print(f"python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, networkx {nx.__version__}")
    print(f"building {args.papers:,} papers, {args.links:,} links, ~{args.external:,} external references "
          f"to {args.works:,} works in {args.db}")
    b = build(args.db, args.papers, args.links, args.external, args.works, args.seed)
    db, keys = b["db"], b["keys"]
    size = sum(p.stat().st_size for p in args.db.parent.glob(args.db.name + "*"))
    print(f"  inserted in {b['insert_all_s']:.1f} s (papers + citations {b['insert_links_s']:.1f} s); "
          f"{b['refs']:,} refs rows; database {size / 1e6:.0f} MB; peak RSS {peak_mb():.0f} MB")

    gc.collect()
    before = rss_mb()
    g, t = timed(views.build_graph, db)
    held = rss_mb() - before
    print(f"build_graph (edges with methods): {t:.2f} s -- {g.number_of_nodes():,} nodes, "
          f"{g.number_of_edges():,} edges; graph holds ~{held:.0f} MB; peak RSS {peak_mb():.0f} MB")
    del g
    gc.collect()
    before = rss_mb()
    g, t = timed(views.build_graph, db, edge_attributes=False)
    held = rss_mb() - before
    print(f"build_graph (structure only):     {t:.2f} s -- graph holds ~{held:.0f} MB")
    del g
    gc.collect()

    top, t = timed(views.missing, db, top=10)
    print(f"missing(top=10): {t:.2f} s -- most cited external work: {top[0]['work_key']} "
          f"({top[0]['count']} papers)")

    rnd = random.Random(args.seed + 1)
    times, lengths = [], []
    for _ in range(20):
        a = rnd.randrange(args.papers // 2, args.papers)
        bb = rnd.randrange(0, args.papers // 2)
        p, t = timed(views.path, db, keys[a], keys[bb])
        times.append(t)
        lengths.append(len(p) if p else 0)
    print(f"path(a, b), 20 random pairs (newer -> older): median {statistics.median(times) * 1000:.0f} ms, "
          f"max {max(times) * 1000:.0f} ms; path lengths {sorted(set(lengths))}")
    # the oldest paper cites nothing: no directed path, so the undirected search runs too
    p, t = timed(views.path, db, keys[0], keys[-1])
    print(f"path(oldest, newest) -- no directed path, undirected fallback: {t * 1000:.0f} ms, "
          f"length {len(p) if p else None}, directed={getattr(p, 'directed', None)}")

    s, t = timed(views.summary, db)
    print(f"summary(): {t:.2f} s -- {s}")

    db.execute("INSERT INTO papers (citekey, title, authors, year, arxiv_id, first_author) "
               "VALUES ('newcomer2024', 'The newcomer', '[\"Newcomer, C\"]', 2024, '2412.99999', 'newcomer')")
    r, t = timed(links.relink, db, ["newcomer2024"])
    n_in = db.execute("SELECT COUNT(*) FROM citations WHERE cited = 'newcomer2024'").fetchone()[0]
    print(f"relink(['newcomer2024']) after adding it: {t:.2f} s -- {r['checked']} references checked, "
          f"{n_in} papers now link to it")
    if args.full_relink:
        r, t = timed(links.relink, db)
        print(f"relink() of everything: {t:.1f} s -- {r['checked']:,} references checked, "
              f"{r['changed']} changed")
    print(f"peak RSS of the whole run: {peak_mb():.0f} MB")
    db.conn.close()
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
