"""How fast quote verification is, on real pypdf text of two papers.

    python benchmarks/quotes.py [--repeat N]

Reads luccioni2024 and dodge2022 from ../shared/corpus (or KB_TEST_CORPUS)
and prints, per paper: the time to build a Document, find_quote per quote
(median and worst, over real sentences of the paper and over altered ones
that must not be found), closest_passage per altered quote, and the time to
verify 1,000 quotes. Exits 0 with a message when the corpus is absent.

To add a measurement, write a function taking a `Paper` and returning a list
of `Row`s, and append it to BENCHMARKS.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb.text.match import closest_passage, find_quote  # noqa: E402
from kb.text.normalise import Document  # noqa: E402

PAPERS = ("luccioni2024", "dodge2022")


@dataclass
class Paper:
    name: str
    pages: list[str]
    doc: Document
    sentences: list[str]   # real sentences, as a writer would copy them
    altered: list[str]     # the same with one digit or word changed: must not be found
    repeat: int


@dataclass
class Row:
    what: str
    value: str


def load_pages(name: str) -> list[str] | None:
    """Pages as the tests assemble them (tests/corpus.py), or None without the corpus."""
    import pytest

    from tests.corpus import wattbot_pages
    try:
        return wattbot_pages(name)
    except pytest.skip.Exception as e:
        print(f"skipped: {e}")
        return None


def real_sentences(doc: Document, limit: int, seed: int) -> list[str]:
    out = []
    for pi, page in enumerate(doc.pages):
        lo, hi = doc.content[pi]
        body = page[lo:hi]
        for m in re.finditer(r"(?<![\w.,])[A-Z][^.!?\n]{40,300}[.!?](?=\s|$)", body):
            if not body[:m.start()].rstrip().endswith("-"):
                out.append(m.group())
    random.Random(seed).shuffle(out)
    return out[:limit]


def alter(sentence: str, rng: random.Random) -> str:
    digits = [i for i, c in enumerate(sentence) if c.isdigit()]
    if digits:
        i = rng.choice(digits)
        return sentence[:i] + str((int(sentence[i]) + 1) % 10) + sentence[i + 1:]
    words = sentence.split()
    k = rng.randrange(len(words))
    words[k] = "not" if words[k].lower() != "not" else "indeed"
    return " ".join(words)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def bench_document(p: Paper) -> list[Row]:
    times = [timed(lambda: Document(p.pages)) for _ in range(p.repeat)]
    lenient = [timed(lambda: Document(p.pages).lenient) for _ in range(p.repeat)]
    return [
        Row("pages / characters", f"{len(p.pages)} / {sum(map(len, p.pages)):,}"),
        Row("Document build (median)", ms(statistics.median(times))),
        Row("Document build + lenient stream (median)", ms(statistics.median(lenient))),
    ]


def _per_quote(p: Paper, quotes: list[str], fn: Callable[[Document, str], object]) -> list[float]:
    return [timed(lambda q=q: fn(p.doc, q)) for q in quotes]


def bench_find(p: Paper) -> list[Row]:
    found = _per_quote(p, p.sentences, find_quote)
    missed = _per_quote(p, p.altered, find_quote)
    n_found = sum(find_quote(p.doc, q) is not None for q in p.sentences)
    n_refused = sum(find_quote(p.doc, q) is None for q in p.altered)
    return [
        Row(f"find_quote, {len(found)} real sentences (median / max)",
            f"{ms(statistics.median(found))} / {ms(max(found))}  [{n_found} found]"),
        Row(f"find_quote, {len(missed)} altered (median / max)",
            f"{ms(statistics.median(missed))} / {ms(max(missed))}  [{n_refused} refused]"),
    ]


def bench_closest(p: Paper) -> list[Row]:
    quotes = p.altered[:50]
    times = _per_quote(p, quotes, closest_passage)
    return [Row(f"closest_passage, {len(quotes)} altered (median / max)",
                f"{ms(statistics.median(times))} / {ms(max(times))}")]


def long_passages(doc: Document, n: int, length: int, seed: int) -> list[str]:
    """Word-aligned windows of about ``length`` characters of page body text."""
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        pi = rng.randrange(len(doc.pages))
        lo, hi = doc.content[pi]
        words = doc.pages[pi][lo:hi].split()
        if len(words) < length // 5:
            continue
        k = rng.randrange(len(words) - length // 7)
        text = " ".join(words[k:])[:length].rsplit(" ", 1)[0]
        out.append(text)
    return out


def bench_closest_long(p: Paper) -> list[Row]:
    rng = random.Random(3)
    originals = long_passages(p.doc, 20, 600, seed=4)
    n_found = sum(find_quote(p.doc, q) is not None for q in originals)
    quotes = [alter(q, rng) for q in originals]
    n_refused = sum(find_quote(p.doc, q) is None for q in quotes)
    times = _per_quote(p, quotes, closest_passage)
    return [Row(f"closest_passage, {len(quotes)} altered ~600-char quotes (median / max)",
                f"{ms(statistics.median(times))} / {ms(max(times))}  "
                f"[originals found {n_found}, altered refused {n_refused}]")]


def bench_thousand(p: Paper) -> list[Row]:
    pool = p.sentences + p.altered
    quotes = [pool[i % len(pool)] for i in range(1000)]
    t_reuse = timed(lambda: [find_quote(p.doc, q) for q in quotes])
    # As `kb verify` would run cold: build the Document once, then verify.
    t_cold = timed(lambda: [find_quote(d, q) for d in [Document(p.pages)] for q in quotes])
    return [
        Row("1,000 quotes, Document reused", f"{t_reuse:.3f} s"),
        Row("1,000 quotes, including one Document build", f"{t_cold:.3f} s"),
    ]


BENCHMARKS: list[Callable[[Paper], list[Row]]] = [bench_document, bench_find, bench_closest,
                                                   bench_closest_long, bench_thousand]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20, help="builds timed per paper")
    args = ap.parse_args(argv)
    all_pages: list[str] = []
    for name in PAPERS:
        pages = load_pages(name)
        if pages is None:
            return 0
        all_pages += pages
        doc = Document(pages)
        sentences = real_sentences(doc, 300, seed=1)
        rng = random.Random(2)
        altered = [alter(s, rng) for s in sentences[:100]]
        paper = Paper(name, pages, doc, sentences, altered, args.repeat)
        print(f"\n{name}")
        for bench in BENCHMARKS:
            for row in bench(paper):
                print(f"  {row.what:<62} {row.value}")
    # A long paper: both papers as one document.
    times = [timed(lambda: Document(all_pages)) for _ in range(args.repeat)]
    print(f"\n{' + '.join(PAPERS)} as one document ({len(all_pages)} pages, "
          f"{sum(map(len, all_pages)):,} characters)")
    print(f"  {'Document build (median)':<62} {ms(statistics.median(times))}")
    bench_cli_verify(load_pages("luccioni2024"))
    return 0


def bench_cli_verify(pages: list[str], n: int = 1000) -> None:
    """`kb verify` as a user runs it: a knowledge base with 1,000 stored quotes
    (real sentences of the paper, their provenance in claims/), whole command."""
    import json
    import os
    import shutil
    import subprocess
    import tempfile

    from kb.store.claimsfile import add_record  # noqa: F401  (the file format is kb's own)
    from kb.text.match import find_quote as find

    folder = Path(tempfile.mkdtemp())
    try:
        root = folder / "kb"
        env = dict(os.environ, KB_HOME=str(root), KB_PROGRESS="0")
        run = lambda *a: subprocess.run([sys.executable, "-m", "kb", *a], env=env, capture_output=True, text=True)
        run("init", str(root))
        (root / "references.bib").write_text("@misc{luccioni2023power, title={Power Hungry Processing}, "
                                             "author={Luccioni, Sasha}, year={2023}, eprint={2311.16863}}\n")
        (folder / "pages.json").write_text(json.dumps(pages))
        run("text", "load", "luccioni2023power", str(folder / "pages.json"), "--version", "v3")
        doc = Document(pages)
        sentences = real_sentences(doc, 400, seed=3)
        lines = []
        for i in range(n):
            q = sentences[i % len(sentences)]
            m = find(doc, q)
            spans = ", ".join(f"{{page = {sp.page}, start = {sp.start}, end = {sp.end}}}" for sp in m.spans)
            lines.append(f"[[quote]]\nid = \"q{i}\"\ntext = {json.dumps(q, ensure_ascii=False)}\nversion = \"v3\"\n"
                         f"status = \"verified\"\npage = {m.page}\nspans = [{spans}]\n")
        (root / "claims" / "luccioni2023power.toml").write_text("\n".join(lines))
        first = run("quote", "ls", "--json")      # indexes the claims file once
        assert first.returncode == 0, first.stderr
        times = []
        for _ in range(3):
            t = time.perf_counter()
            r = run("verify")
            times.append(time.perf_counter() - t)
        last = r.stdout.strip().splitlines()[-1]
        print(f"\nkb verify, whole command, {n:,} stored quotes on a 21-page paper: "
              f"median {statistics.median(times):.2f} s  ({last})")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    sys.exit(main())
