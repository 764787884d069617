"""How fast `kb search` and `kb claims --topic` are on a large knowledge base.

    python benchmarks/search.py [--papers 10000] [--pages 20] [--claims 100000]
                                [--words 250] [--repeat 7] [--dir PATH] [--keep]

Builds a synthetic knowledge base in a temporary folder (or --dir): a
references.bib of N papers, claims/<citekey>.toml holding the claims, and the
SQLite index written directly (executemany, one transaction): papers, one
version per paper with its page text (the FTS5 triggers index it), claims,
and the `files` table stamped with each truth file's size, mtime and sha256
(kb.index.record_file), so `kb` finds nothing stale and never re-indexes.
It checks that (no stale file; a few claims files re-read and compared with
their rows), then times whole commands as a user runs them (a new `kb`
process each time: start-up, opening the index, the query, printing) and
prints the median and worst of --repeat runs, and the size of the database.

Page text is made of pseudo-words drawn from a Zipf distribution, with real
words ("energy", "image", "generation", "per", "carbon", ...) at ranks that
make them common, so a query such as "energy per image generation" matches
thousands of pages and bm25 has real work to do. The goal is under 0.3 s per
command at 10,000 papers x 20 pages and 100,000 claims.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb import index  # noqa: E402
from kb.store.knowledgebase import KB, init  # noqa: E402
from kb.store.sqlite import transaction  # noqa: E402

# Real words placed at Zipf ranks (1 = most common) among pseudo-words.
RANKED = {1: "the", 2: "of", 3: "and", 5: "to", 8: "in", 10: "per", 14: "model", 20: "energy",
          25: "training", 30: "carbon", 45: "inference", 60: "image", 80: "generation", 120: "emissions",
          200: "gpu", 400: "smartphone", 900: "datacenter", 3000: "zeppelin"}
TOPICS = ["energy", "carbon", "training", "inference", "water", "hardware", "cost", "policy", "nlp", "vision",
          "speech", "data", "cloud", "efficiency", "measurement", "lifecycle", "embodied", "grid", "cooling",
          "transparency"]
UNITS = ["kWh", "MWh", "tCO2e", "kg", "hours", "W", "%"]
QUERIES = ['energy per image generation', '"image generation"', 'carbon', 'smartphone', 'zeppelin datacenter',
           'nosuchwordanywhere']


def vocabulary(size: int, rng: random.Random) -> list[str]:
    syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pre", "con", "tion", "al", "er", "is", "um",
                 "bri", "sto", "qua", "dex", "mor"]
    words: list[str] = []
    seen = set(RANKED.values())
    while len(words) < size:
        w = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    for rank, word in sorted(RANKED.items()):
        words.insert(rank - 1, word)
    return words[:size]


def sentence_pool(words: list[str], n: int, rng: random.Random) -> list[str]:
    weights = [1 / r for r in range(1, len(words) + 1)]
    cum = []
    total = 0.0
    for w in weights:
        total += w
        cum.append(total)
    pool = []
    for _ in range(n):
        tokens = rng.choices(words, cum_weights=cum, k=rng.randint(8, 24))
        if rng.random() < 0.1:
            tokens.insert(rng.randrange(len(tokens)), f"{rng.uniform(0.01, 999):.2f}")
        pool.append(" ".join(tokens).capitalize() + ".")
    return pool


def page_text(pool: list[str], words: int, rng: random.Random) -> str:
    out, count = [], 0
    while count < words:
        s = rng.choice(pool)
        out.append(s)
        count += s.count(" ") + 1
    # Lines of about 80 characters, as pypdf returns them.
    text = " ".join(out)
    lines, start = [], 0
    while start < len(text):
        end = text.rfind(" ", start, start + 80) if start + 80 < len(text) else len(text)
        end = len(text) if end <= start else end
        lines.append(text[start:end].strip())
        start = end + 1
    return "\n".join(lines)


def toml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=True)


def build(root: Path, papers: int, pages: int, claims: int, words: int, seed: int = 1) -> dict:
    rng = random.Random(seed)
    t0 = time.perf_counter()
    init(root)
    vocab = vocabulary(20_000, rng)
    pool = sentence_pool(vocab, 30_000, rng)
    keys = [f"synth{i:05d}paper" for i in range(papers)]
    # references.bib
    entries, fields_of = [], {}
    for i, key in enumerate(keys):
        fields = {"title": " ".join(rng.choice(vocab[20:2000]) for _ in range(6)).title(),
                  "author": " and ".join(f"{rng.choice(vocab[100:5000]).title()}, {rng.choice(vocab[100:5000]).title()}"
                                         for _ in range(rng.randint(1, 5))),
                  "year": str(2000 + i % 25), "eprint": f"24{i // 10000:02d}.{i % 10000:05d}",
                  "archiveprefix": "arXiv", "version": "1"}
        fields_of[key] = fields
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
        entries.append(f"@misc{{{key},\n{body},\n}}\n")
    (root / "references.bib").write_text("\n".join(entries), "utf-8")
    # claims/<citekey>.toml: claims spread over the papers
    per_paper: dict[str, list[dict]] = {}
    for n in range(claims):
        key = keys[n % papers]
        unit = rng.choice(UNITS)
        number = f"{rng.uniform(0.1, 5000):.2f}"
        topics = rng.sample(TOPICS, rng.randint(1, 2))
        quote = rng.choice(pool)[:-1] + f" {number} {unit}"
        per_paper.setdefault(key, []).append({
            "id": f"c{n:06d}", "value": f"{number} {unit}", "quote": quote,
            "page": rng.randint(1, pages), "version": "v1", "topics": topics, "status": "verified"})
    for key, recs in per_paper.items():
        parts = []
        for c in recs:
            parts.append("[[claim]]\n" + "".join(
                f"{k} = {json.dumps(v) if isinstance(v, list) else (v if isinstance(v, int) else toml_str(v))}\n"
                for k, v in c.items()))
        (root / "claims" / f"{key}.toml").write_text("\n".join(parts), "utf-8")
    t_files = time.perf_counter() - t0
    # The index, written directly.
    kb = KB.open(root, sync=False)
    db = kb.db
    conn = db.conn
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -200000")
    base: dict[str, tuple] = {}
    with transaction(db):
        cols = None
        rows = []
        for i, key in enumerate(keys):
            row = index.paper_row(key, "misc", fields_of[key], i)
            cols = cols or list(row)
            rows.append([row[c] for c in cols])
        conn.executemany(f"insert into papers ({','.join(cols)}) values ({','.join('?' * len(cols))})", rows)
        conn.executemany(
            "insert into versions (id, citekey, version, source_kind, page_count, extractor, text_status, added_at) "
            "values (?, ?, 'v1', 'text', ?, 'synthetic', 'ok', '2026-01-01T00:00:00Z')",
            [(i + 1, key, pages) for i, key in enumerate(keys)])
        t1 = time.perf_counter()
        batch: list[tuple] = []
        for i, key in enumerate(keys):
            for p in range(1, pages + 1):
                batch.append((i + 1, key, "v1", p, page_text(pool, words, rng)))
            if len(batch) >= 20_000:
                conn.executemany("insert into pages (version_id, citekey, version, page, text) values (?,?,?,?,?)",
                                 batch)
                batch.clear()
        if batch:
            conn.executemany("insert into pages (version_id, citekey, version, page, text) values (?,?,?,?,?)", batch)
        t_pages = time.perf_counter() - t1
        claim_rows = []
        for key, recs in per_paper.items():
            rel = f"claims/{key}.toml"
            for c in recs:
                number, value, unit, base_value, base_unit = _numbers(c["value"], base)
                claim_rows.append((c["id"], key, "claim", number, value, unit, base_value, base_unit, None,
                                   c["quote"], None, c["page"], c["version"], json.dumps(c["topics"]),
                                   c["status"], rel))
        conn.executemany(
            "insert into claims (id, citekey, kind, number, value, unit, base_value, base_unit, per, quote, "
            "quote_id, page, version, topics, status, file) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", claim_rows)
        index.record_file(db, index.BIB_REL, root / "references.bib")
        for key in per_paper:
            index.record_file(db, f"claims/{key}.toml", root / "claims" / f"{key}.toml")
    t_db = time.perf_counter() - t0 - t_files
    t2 = time.perf_counter()
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    t_analyze = time.perf_counter() - t2
    kb.close()
    return {"files": t_files, "db": t_db, "pages": t_pages, "analyze": t_analyze,
            "claims_files": len(per_paper)}


def _numbers(value: str, cache: dict) -> tuple:
    """index._claim_numbers, with the unit's base conversion computed once per unit."""
    number, unit = value.split(" ", 1)
    if unit not in cache:
        cache[unit] = index._claim_numbers(f"1 {unit}")
    _, _, unit_, base1, base_unit = cache[unit]
    numeric = float(number)
    return number, numeric, unit_, (base1 * numeric if base1 is not None else None), base_unit


def check_consistent(root: Path, sample: int = 3) -> None:
    """Nothing is stale, and a few claims files read back as the rows written for them."""
    from kb.store import claimsfile

    kb = KB.open(root, sync=False)
    stale = index.stale_files(kb)
    assert not stale, f"stale truth files: {stale[:5]}"
    files = sorted((root / "claims").glob("*.toml"))
    for path in random.Random(2).sample(files, min(sample, len(files))):
        doc = claimsfile.load(path, path.stem, f"claims/{path.name}")
        rows = kb.db.execute("select id, quote, page, version, topics, status from claims where file = ? "
                             "order by rowid", [f"claims/{path.name}"]).fetchall()
        want = [(c.id, c.quote, c.page, c.version, json.dumps(c.topics), c.status) for c in doc.claims]
        assert [tuple(r) for r in rows] == want, path
    kb.close()


def kb_command() -> list[str]:
    exe = Path(sys.executable).with_name("kb")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kb"]


def timed(args: list[str], repeat: int) -> tuple[float, float, int]:
    times, size = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t)
        if r.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed ({r.returncode}): {r.stderr.decode()[:500]}")
        size = len(r.stdout.splitlines())
    return statistics.median(times), max(times), size


def db_size(root: Path) -> int:
    state = root / ".kb"
    return sum(p.stat().st_size for p in state.glob("kb.sqlite*"))


def in_process(root: Path, repeat: int) -> None:
    """Where a command's time goes: opening the knowledge base (the stale-file
    check over every truth file) and the search itself, without process start-up."""
    from kb.ops.search import search

    opens = []
    for _ in range(repeat):
        t = time.perf_counter()
        kb = KB.open(root)
        _ = kb.db
        opens.append(time.perf_counter() - t)
        kb.close()
    print(f"\nin-process (no interpreter or typer start-up)\n{'KB.open (index sync check)':58} "
          f"{statistics.median(opens) * 1000:6.0f} ms")
    kb = KB.open(root)
    for q, extra in [(q, {}) for q in QUERIES] + [("carbon", {"paper": "synth00042paper"}),
                                                 ("energy per image generation", {"limit": 50}),
                                                 ("carbon", {"all_versions": True})]:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            search(kb, q, **extra)
            times.append(time.perf_counter() - t)
        label = f"search({q!r}" + "".join(f", {k}={v!r}" for k, v in extra.items()) + ")"
        print(f"{label:58} {statistics.median(times) * 1000:6.0f} ms {max(times) * 1000:5.0f} ms")
    kb.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--papers", type=int, default=10_000)
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--words", type=int, default=250, help="words per page")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--dir", type=Path, help="build here (reused if it already holds a knowledge base)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary knowledge base")
    args = ap.parse_args()

    root = args.dir or Path(tempfile.mkdtemp(prefix="kb-search-bench-")) / "kb"
    if not (root / "kb.toml").exists():
        print(f"building {args.papers:,} papers x {args.pages} pages ({args.words} words each) and "
              f"{args.claims:,} claims in {root} ...", flush=True)
        info = build(root, args.papers, args.pages, args.claims, args.words)
        print(f"  truth files {info['files']:.1f} s ({info['claims_files']:,} claims files), "
              f"index {info['db']:.1f} s (pages + FTS5 {info['pages']:.1f} s), ANALYZE {info['analyze']:.1f} s")
    else:
        print(f"reusing {root}")
    check_consistent(root)
    print(f"database: {db_size(root) / 1e6:,.0f} MB on disk ({root / '.kb' / 'kb.sqlite'})")

    kb = kb_command() + ["--kb", str(root)]
    mtime = (root / ".kb" / "kb.sqlite").stat().st_mtime_ns
    timed(kb + ["search", "energy"], 1)         # warm the page cache
    commands = [("kb where (start-up only)", ["where"])]
    commands += [(f"kb search {q!r}", ["search", q]) for q in QUERIES]
    commands += [("kb search 'energy per image generation' --limit 50", ["search", "energy per image generation",
                                                                         "--limit", "50"]),
                 ("kb search 'energy per image generation' --json", ["search", "energy per image generation",
                                                                     "--json"]),
                 ("kb search carbon --paper synth00042paper", ["search", "carbon", "--paper", "synth00042paper"])]
    probe = subprocess.run(kb + ["claims", "--help"], capture_output=True)
    if probe.returncode == 0:
        commands += [("kb claims --topic energy", ["claims", "--topic", "energy"]),
                     ("kb claims --topic energy --paper synth00042paper",
                      ["claims", "--topic", "energy", "--paper", "synth00042paper"])]
    else:
        print("kb claims: not available yet (pending); not measured")
    print(f"\n{'command':58} {'median':>8} {'worst':>8} {'lines out':>10}")
    for label, cmd in commands:
        median, worst, lines = timed(kb + cmd, args.repeat)
        flag = "" if median < 0.3 else "  over 0.3 s"
        print(f"{label:58} {median * 1000:6.0f} ms {worst * 1000:5.0f} ms {lines:>10,}{flag}")
    in_process(root, args.repeat)
    if (root / ".kb" / "kb.sqlite").stat().st_mtime_ns != mtime:
        print("note: the database file changed during the runs (WAL checkpoint or a re-index?)")
    check_consistent(root)
    if args.dir is None and not args.keep:
        shutil.rmtree(root.parent)
    else:
        print(f"kept {root}")


if __name__ == "__main__":
    main()
