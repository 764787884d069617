"""How well kb finds stored quotes and claims by topic, on the five papers' real text.

    python benchmarks/topics.py [--show]

Builds a knowledge base of the five papers of the note (their pypdf text, ../shared/corpus
or KB_TEST_CORPUS) holding the quotes and claims of benchmarks/data/topics-heldout-*.json (real
sentences, tagged as a writer tags them), then, for each topic a writer types, measures:
  --topic   `kb claims --topic T` (claims and quotes tagged T): precision and recall against the
            labelled ids (a tag is the same topic in another case, with or without accents, in the
            singular or plural, with a hyphen or a space between its words);
  search    `kb search Q` over quotes and claims: precision and recall against the records whose
            quote or tags hold each word of Q in one of its labelled forms.
A query labelled null must only give an answer (never an error): FTS5 syntax typed as words.
Exits 0 with a message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

TEXTS = {"strubell2019energy": ("strubell2019", "v1"), "patterson2021carbon": ("patterson2021", ""),
         "dodge2022measuring": ("dodge2022", "v1"), "luccioni2023counting": ("luccioni2023", "v1"),
         "luccioni2023power": ("luccioni2024", "v3")}


def build(folder: Path, records: list[dict]):
    from corpus import wattbot_pages

    from kb.ops.claims import add_claim
    from kb.ops.papers import load_text
    from kb.ops.quotes import add_quote
    from kb.ops.session import open_kb
    from kb.store.knowledgebase import init

    root, _ = init(folder)
    (root / "references.bib").write_text((ROOT / "references.bib").read_text("utf-8"), "utf-8")
    kb = open_kb(root)
    for key, (name, version) in TEXTS.items():
        source = folder / f"{name}.json"
        source.write_text(json.dumps(wattbot_pages(name)))
        load_text(kb, key, source, version=version, extractor="pypdf")
    unverified = []
    for r in records:
        if r.get("value"):
            out = add_claim(kb, r["paper"], r["value"], quote=r["quote"], topics=r["topics"], claim_id=r["id"])
        else:
            out = add_quote(kb, r["paper"], r["quote"], topics=r["topics"], quote_id=r["id"])
        if out.get("status") not in (None, "verified"):
            unverified.append(r["id"])
    return open_kb(root), unverified


def _fold(s: str) -> str:
    from kb.store.fts import search_text
    return search_text(s) or ""


def search_expected(records: list[dict], forms: list[list[str]]) -> set[str]:
    out = set()
    for r in records:
        hay = _fold(r["quote"] + " " + " ".join(r["topics"]))
        if all(re.search(r"(?<![^\W_])(?:" + "|".join(f) + r")(?![^\W_])", hay) for f in forms):
            out.add(r["id"])
    return out


def pr(found: set[str], expect: set[str]) -> tuple[int, int, int]:
    return len(found & expect), len(found), len(expect)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print each query's misses and extras")
    args = ap.parse_args()
    try:
        from corpus import corpus_path
        corpus_path("wattbot", "pypdf-text", "dodge2022.json").stat()
    except Exception:
        print("corpus absent: nothing measured")
        return 0
    from kb.errors import KBError
    from kb.ops.claims import list_claims
    from kb.ops.quotes import list_quotes
    from kb.ops.search import search

    for data in sorted((ROOT / "benchmarks" / "data").glob("topics-heldout-*.json")):
        spec = json.loads(data.read_text("utf-8"))
        records = spec["records"]
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["KB_HOME"] = str(Path(tmp) / "kb")
            kb, unverified = build(Path(tmp) / "kb", records)
            print(f"{data.name}: {len(records)} records ({len(unverified)} not verified: {unverified})")
            for label, queries, run, expected in (
                    ("--topic", spec["topic_queries"],
                     lambda q: {c["id"] for c in list_claims(kb, topics=[q])} | {x["id"] for x in list_quotes(kb, [q])},
                     lambda item: item["expect"]),
                    ("search", spec["search_queries"],
                     lambda q: {h.id for h in search(kb, q, limit=200, kinds=("quote", "claim"))},
                     lambda item: None if item["forms"] is None else sorted(search_expected(records, item["forms"])))):
                hit = got = want = errors = exact = labelled = 0
                start = time.perf_counter()
                for item in queries:
                    q = item.get("topic", item.get("query"))
                    try:
                        found = run(q)
                    except KBError as e:
                        found, err = set(), f"error: {e}"
                    except Exception as e:              # an FTS5 syntax error, a traceback
                        errors += 1
                        print(f"  {label} {q!r}: FAILED {type(e).__name__}: {e}")
                        continue
                    else:
                        err = ""
                    expect = expected(item)
                    if expect is None:
                        if args.show and err:
                            print(f"  {label} {q!r}: {err}")
                        continue
                    labelled += 1
                    h, g, w = pr(found, set(expect))
                    hit, got, want, exact = hit + h, got + g, want + w, exact + (found == set(expect))
                    if args.show and found != set(expect):
                        print(f"  {label} {q!r}: missed {sorted(set(expect) - found)} extra {sorted(found - set(expect))}")
                took = time.perf_counter() - start
                print(f"  {label}: {len(queries)} queries, {labelled} labelled, {exact} exactly right; "
                      f"precision {hit}/{got} = {hit / max(got, 1):.3f}, recall {hit}/{want} = {hit / max(want, 1):.3f}; "
                      f"{errors} failed; {took * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
