"""What it costs to make kb's index readable by other tools, on real text.

    python benchmarks/exports.py [--copies 40] [--repeat 7]

Measures, and prints (never asserts):

* indexing page text: the five papers' real pypdf text (../shared/corpus/wattbot/pypdf-text),
  repeated `--copies` times, inserted into `pages` with the full-text triggers that fold
  the text as quote matching does (kb_search_text), against plain FTS5 triggers on
  the same rows: pages per second both ways;
* migration m008 (Datasette-ready FTS tables, foreign keys) on that index;
* `kb search` in-process on that index (median of --repeat): the ranking and the
  snippets cut from the text as printed;
* how many pages print a ligature or mathematical letters and are found only thanks
  to the folding ("efficient" on pages printing "efﬁcient", "co2eq" on "𝐶𝑂2𝑒𝑞").
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb.store import db as dbmod  # noqa: E402
from kb.store.fts import search_text  # noqa: E402
from kb.store.sqlite import transaction  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "wattbot" / "pypdf-text"
NAMES = ("luccioni2024", "strubell2019", "patterson2021", "dodge2022", "luccioni2023")


def real_pages() -> list[tuple[str, list[str]]]:
    from kb.sources.textfile import parse_text_source

    out = []
    for name in NAMES:
        path = CORPUS / f"{name}.json"
        out.append((name, parse_text_source(path.read_bytes(), str(path))))
    return out


def build(path: Path, papers: list[tuple[str, list[str]]], copies: int, stop_before: str | None) -> float:
    db = dbmod.connect(path)
    dbmod._migrations().apply(db, stop_before=stop_before)
    rows = 0
    start = time.perf_counter()
    with transaction(db):
        for c in range(copies):
            for name, pages in papers:
                key = f"{name}-{c}"
                db.execute("insert into papers (citekey, title) values (?, ?)", [key, name])
                vid = db.execute("insert into versions (citekey, version, text_status) values (?, 'v1', 'ok')",
                                 [key]).lastrowid
                db.conn.executemany("insert into pages (version_id, citekey, version, page, text) "
                                    "values (?, ?, 'v1', ?, ?)",
                                    [(vid, key, i + 1, t) for i, t in enumerate(pages)])
                rows += len(pages)
    elapsed = time.perf_counter() - start
    db.conn.close()
    return rows / elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=40, help="copies of the five papers (default 40)")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    papers = real_pages()
    n_pages = sum(len(p) for _, p in papers) * args.copies
    print(f"{len(papers)} real papers x {args.copies} copies = {n_pages} pages")

    folded_pages = sum(1 for _, pages in papers for t in pages if search_text(t) != t.lower())
    ligature = sum(1 for _, pages in papers for t in pages if "ﬁ" in t or "ﬂ" in t)
    math = sum(1 for _, pages in papers for t in pages if any(0x1D400 <= ord(c) <= 0x1D7FF for c in t))
    print(f"pages whose indexed text differs from the printed text (lower-cased): {folded_pages} of "
          f"{sum(len(p) for _, p in papers)}; printing a ligature: {ligature}; mathematical letters: {math}")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        plain = build(tmp / "plain.sqlite", papers, args.copies, "m008_datasette_ready")
        folded = build(tmp / "folded.sqlite", papers, args.copies, None)
        print(f"indexing pages: {plain:,.0f} pages/s with plain FTS5 triggers, "
              f"{folded:,.0f} pages/s folding as quote matching does ({plain / folded:.2f}x the time)")

        db = dbmod.connect(tmp / "plain.sqlite")
        start = time.perf_counter()
        dbmod.migrate(db)
        print(f"migration m008 on {n_pages} pages: {time.perf_counter() - start:.2f} s")
        db.conn.close()

        from kb.ops.search import search
        from kb.store.knowledgebase import KB, init
        from kb.store.paths import Layout

        root, _ = init(tmp / "kb")
        (tmp / "folded.sqlite").replace(root / ".kb" / "kb.sqlite")
        for suffix in ("-wal", "-shm"):
            (tmp / f"folded.sqlite{suffix}").unlink(missing_ok=True)
        kb = KB(Layout(root))
        for query in ("efficient", "CO2eq", "energy per image generation", '"energy consumption"'):
            times, hits = [], []
            for _ in range(args.repeat):
                start = time.perf_counter()
                hits = search(kb, query, limit=10)
                times.append(time.perf_counter() - start)
            print(f"search {query!r:32} median {statistics.median(times) * 1000:6.1f} ms, "
                  f"worst {max(times) * 1000:6.1f} ms, {len(hits)} hits; first snippet: "
                  f"{json.dumps(hits[0].snippet if hits else '', ensure_ascii=False)[:90]}")


if __name__ == "__main__":
    main()
