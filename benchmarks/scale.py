"""Whole commands at scale, each against `kb where` (bare start-up) in the same run.

    python benchmarks/scale.py [--papers 1000] [--large] [--runs 3] [--dir PATH] [--keep] [--per-write]
                               [--only "search,claims --paper,..."] [--as-is]

Builds knowledge bases through kb's own write paths, never by writing the index
(library calls in one process, to keep the build short): `kb import` of a
generated references.bib; each paper's page text (sentences with figures, and a
reference list citing other papers of the knowledge base by author, title and
year) stored as `kb text load` stores it, with kb's derive step (citation graph,
citation contexts, text numbers); one quote and one claim per paper, verified by
kb against the text and written into its claims file with kb's provenance, then
indexed as after a `git pull`; three checks. By default the texts go in one
transaction and the claims files are indexed by one sync (the per-command path,
--per-write, takes about 0.3 s a paper at 2,000 papers: hours at 10,000).

Then it times whole commands as a user runs them (a new `kb` process each,
alternating with `kb where` run for run) and reports each as a ratio to `kb
where`, with its peak memory: the largest process's (max RSS, wait4: kb's or one
worker's, whichever is larger) and, for commands that read on every core (verify,
doctor, rebuild), the whole tree's (the RSS of kb and its workers summed, sampled every
0.2 s from /proc on Linux): search, ls, claims
--paper, check, graph missing, verify, doctor --quick, doctor, rebuild, and
single writes: `kb text load` of one paper's text as a new version and `kb add
--offline` of a real PDF of the shared corpus (skipped without it), and the first `kb graph
missing` after 20 more text loads (it reads the reference lists they left waiting). Sizes:
--papers (default 1,000); --large adds 10,000, and the growth of each command
from one size to the other; --only names the commands to time. Each single write's runs
are printed too (the first `kb add` of a new paper after references.bib was written some
other way, here by kb import, reads the whole file once; the next ones append to it).

kb runs with its modules compiled to bytecode, as an installed kb does (in a folder of
the benchmark's own, PYTHONPYCACHEPREFIX): with PYTHONDONTWRITEBYTECODE set and a module
edited since it was last compiled, every process would compile it again, and start-up,
so `kb where`, would measure the compiler. --as-is keeps the environment as it is.
Print `uptime` with the results: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FAMILIES = ["Smith", "Garcia", "Chen", "Okafor", "Novak", "Tanaka", "Dubois", "Rossi", "Kowalski", "Silva",
            "Haddad", "Larsen", "Moreau", "Ivanova", "Patel", "Nguyen", "Schmidt", "Murphy", "Kim", "Lopez"]
WORDS = ["energy", "carbon", "training", "inference", "models", "language", "neural", "efficient", "deployment",
         "emissions", "graphs", "transformers", "learning", "scale", "data", "water", "hardware", "grid"]


def paper(i: int) -> dict:
    rng = random.Random(i)
    title = " ".join(rng.choice(WORDS) for _ in range(5)).title() + f" Study {i}"
    family = FAMILIES[i % len(FAMILIES)] + f"{i % 97}"
    return {"key": f"p{i}", "title": title, "family": family, "year": 2000 + i % 25}


def bib(n: int) -> str:
    out = []
    for i in range(n):
        p = paper(i)
        out.append(f"@article{{{p['key']},\n  title = {{{p['title']}}},\n  author = {{{p['family']}, Ann and Other, Bo}},\n"
                   f"  year = {{{p['year']}}},\n  journal = {{Journal of Things}},\n  doi = {{10.5555/scale.{i}}}\n}}\n")
    return "\n".join(out)


def pages(i: int, n: int) -> list[str]:
    rng = random.Random(1000 + i)
    p = paper(i)
    body = []
    for k in range(4):
        sentences = [f"{p['title']}."] if k == 0 else []
        for s in range(12):
            hours = rng.randint(10, 90000)
            kwh = rng.randint(1, 900)
            sentences.append(f"Training model {s} of part {k} took {hours:,} GPU hours and used {kwh} MWh of "
                             f"energy, with {rng.randint(1, 99)} tCO2e of emissions [{1 + s % 5}].")
        body.append(" ".join(sentences))
    cited = [paper((i + d) % n) for d in (1, 7, 31, 101, 977)]
    refs = ["References"] + [f"[{j}] {c['family']}, A. and Other, B. {c['title']}. Journal of Things, {c['year']}."
                             for j, c in enumerate(cited, 1)]
    body.append("\n".join(refs))
    return body


def build(root: Path, n: int, per_write: bool = False) -> float:
    """A knowledge base of n papers through kb's write paths; seconds taken.

    By default in bulk, as a person's library arrives in bulk: `kb import` of the
    .bib; every paper's page text stored as `kb text load` stores it (source cache,
    version, pages) but in one transaction, with one derive step (reference lists,
    one relink, contexts, numbers: as `kb rebuild`); each paper's quote and claim
    verified and given their provenance by kb (verify_text, provenance), written into
    its claims file and indexed by the next command's sync (as after a `git pull`).
    `per_write`: one `kb text load`, `kb quote add` and `kb claim add` after another
    (about 0.3 s a paper at 2,000 papers on a loaded machine: hours at 10,000)."""
    import json

    from kb.ops.claims import add_claim
    from kb.ops.papers import import_bib, load_text
    from kb.ops.quotes import add_quote, provenance, slug_id, verify_text
    from kb.ops.session import open_kb
    from kb.sources.textfile import parse_text_source
    from kb.store.claimsfile import add_record
    from kb.store.knowledgebase import init
    from kb.store.sqlite import transaction

    started = time.perf_counter()
    init(root)
    (root / "library.bib").write_text(bib(n))
    kb = open_kb(root)      # with its derive step, as commands open it: reference lists, links
    import_bib(kb, root / "library.bib")
    text_dir = root / "texts"
    text_dir.mkdir()

    def quote_and_figure(i: int) -> tuple[str, str]:
        sentence = pages(i, n)[1].split(". ")[1] + "."
        return sentence, sentence.split(" used ")[1].split(" of energy")[0]

    def tick(i: int, what: str) -> None:
        if i and i % (100 if per_write else 1000) == 0:
            print(f"  {what} {i:,} papers ({time.perf_counter() - started:.0f} s)", flush=True)

    if per_write:
        for i in range(n):
            path = text_dir / f"p{i}.json"
            path.write_text(json.dumps(pages(i, n)))
            load_text(kb, f"p{i}", path, extractor="scale benchmark")
            sentence, figure = quote_and_figure(i)
            add_quote(kb, f"p{i}", sentence, topics=["energy"])
            add_claim(kb, f"p{i}", figure, quote=sentence, topics=["energy"])
            tick(i, "built")
    else:
        with kb.writing(), transaction(kb.db):
            for i in range(n):
                path = text_dir / f"p{i}.json"
                data = json.dumps(pages(i, n)).encode()
                path.write_bytes(data)
                manifest = kb.sources.put(data, "text", "pages", citekeys=[f"p{i}"], version="",
                                          source_url=str(path), origin="text", extractor="scale benchmark")
                kb.indexer.store_version(f"p{i}", "", manifest=manifest, pages=parse_text_source(data, str(path)),
                                         extractor="scale benchmark", text_status="ok")
                tick(i, "text of")
            kb.derive_pending()
        print(f"  texts and derived data ({time.perf_counter() - started:.0f} s)", flush=True)
        taken: set[str] = set()
        for i in range(n):
            sentence, figure = quote_and_figure(i)
            _, text, match, _ = verify_text(kb, f"p{i}", sentence)
            quote = {"id": slug_id(sentence, taken), "text": sentence, "topics": ["energy"],
                     **provenance(match, text)}
            taken.add(quote["id"])
            claim = {"id": "energy-used", "value": figure, "topics": ["energy"], "quote": sentence,
                     "page": match.page, "version": text.version, "status": "verified"}
            body = add_record(add_record("", "quote", quote), "claim", claim)
            kb.write_file(kb.layout.claims_file(f"p{i}"), body)
            tick(i, "quote and claim of")
        kb.sync()
    with open(root / "claims" / "checks.toml", "a") as fh:
        fh.write('[[check]]\nid = "sum"\nstated = "3 MWh"\nexpr = "1 MWh + 2 MWh"\n\n'
                 '[[check]]\nid = "rate"\nstated = "2 kW"\nexpr = "48 kWh / (24 h)"\n\n'
                 '[[check]]\nid = "p1-energy"\nstated = "1 GWh"\nexpr = "p1.energy_used"\n'
                 'tolerance = "100%"\n')
    kb.close()
    return time.perf_counter() - started


#: The environment of every `kb` process (bytecode: see the module's docstring).
ENV: dict[str, str] = {}


def run(args: list[str], root: Path, tree: bool = False) -> tuple[float, int, int, int]:
    """(seconds, peak RSS in MB of its largest process, exit code, peak RSS in MB of the
    process and its workers summed: sampled with `tree`, else the largest's) of one `kb`
    command."""
    exe = shutil.which("kb") or str(Path(sys.executable).with_name("kb"))
    env = dict(ENV or os.environ, KB_HOME=str(root), KB_PROGRESS="0")
    t = time.perf_counter()
    proc = subprocess.Popen([exe, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    summed = [0]
    done = threading.Event()
    sampler = threading.Thread(target=_sample_tree, args=(proc.pid, done, summed), daemon=True)
    if tree:
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t
    done.set()
    if tree:
        sampler.join()
    largest = usage.ru_maxrss // 1024
    return elapsed, largest, os.waitstatus_to_exitcode(status), max(largest, summed[0] // 1024)


def _sample_tree(pid: int, done: threading.Event, most: list[int]) -> None:
    """The most RSS (kB) the process `pid` and its descendants held at once, every 0.2 s
    until `done` (Linux's /proc; elsewhere nothing)."""
    while not done.wait(0.2):
        parent, rss = {}, {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/status") as f:
                    fields = dict(line.split(":", 1) for line in f if ":" in line)
            except OSError:
                continue
            parent[int(entry.name)] = int(fields.get("PPid", "0").strip() or 0)
            rss[int(entry.name)] = int(fields.get("VmRSS", "0 kB").split()[0])
        tree, grew = {pid}, True
        while grew:
            more = {p for p, pp in parent.items() if pp in tree} - tree
            tree |= more
            grew = bool(more)
        most[0] = max(most[0], sum(rss.get(p, 0) for p in tree))


AFTER_WRITES = 20
COMMANDS = [("search", ["search", "energy emissions"]),      # every page of these texts holds both words
            ("search rare word", ["search", "4242"]),   # one paper and those citing it: little work
            ("ls", ["ls"]),
            ("claims --paper", ["claims", "--paper", "p1"]), ("check", ["check"]),
            ("graph missing", ["graph", "missing"]), ("verify", ["verify"]), ("doctor --quick", ["doctor", "--quick"]),
            ("text load", None), ("add --offline PDF", None),
            # The graph's first reader after single writes reads the reference lists they left
            # waiting (kb.ops.derive.ensure_references): 20 `kb text load`s, untimed, then it.
            (f"graph after {AFTER_WRITES} writes", None),
            ("doctor", ["doctor"]), ("rebuild", ["rebuild"])]
CORPUS = Path(os.environ.get("KB_TEST_CORPUS", ROOT.parent / "shared" / "corpus"))


def single_write(name: str, root: Path, k: int) -> list[str] | None:
    """The k-th run of a single write: a new version of one paper's text (`kb text load`),
    or a real PDF of the shared corpus not yet in the knowledge base (`kb add --offline`)."""
    if name == "text load":
        return ["text", "load", f"p{k}", str(root / "texts" / f"p{k}.json"), "--version", f"v{k + 2}",
                "--extractor", "scale benchmark"]
    if name.startswith("graph after"):
        for j in range(AFTER_WRITES):
            run(single_write("text load", root, 100 + 20 * k + j), root)
        return ["graph", "missing"]
    pdfs = sorted((CORPUS / "pdf").glob("*.pdf")) if (CORPUS / "pdf").is_dir() else []
    return ["add", "--offline", str(pdfs[k])] if k < len(pdfs) else None


def measure(root: Path, runs: int, only: set[str] | None = None) -> dict[str, tuple]:
    run(["where"], root)
    run(["ls"], root)                      # index current, caches warm
    out = {}
    for name, args in COMMANDS:
        if only and name not in only:
            continue
        times, bases, peak, whole, codes = [], [], 0, 0, set()
        pooled = name in ("rebuild", "doctor", "verify")
        for k in range(1 if pooled or name.startswith("graph after") else runs):
            if args is None and single_write(name, root, k) is None:
                break                      # no corpus PDF to add
            base = run(["where"], root)[0]
            seconds, rss, code, summed = run(args or single_write(name, root, k), root, tree=pooled)
            times.append(seconds)
            bases.append(base)
            peak, whole = max(peak, rss), max(whole, summed)
            codes.add(code)
        if not times:
            continue
        out[name] = (statistics.median(times), statistics.median(times) / statistics.median(bases), peak,
                     ",".join(map(str, sorted(codes))), times if args is None else [], whole if pooled else None)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=1000)
    ap.add_argument("--large", action="store_true", help="also 10,000 papers (an hour or more to build)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=None)
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--per-write", action="store_true",
                    help="build with one kb text load, quote add and claim add after another (slow)")
    ap.add_argument("--only", default="", help="comma-separated commands to time (names as printed)")
    ap.add_argument("--as-is", action="store_true",
                    help="run kb in this environment as it is (default: with compiled bytecode)")
    args = ap.parse_args()
    only = {name.strip() for name in args.only.split(",") if name.strip()} or None
    sizes = [args.papers] + ([10_000] if args.large and args.papers != 10_000 else [])
    base = args.dir or Path(tempfile.mkdtemp(prefix="kb-scale-"))
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    if not args.as_is:
        ENV.update({k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
                   PYTHONPYCACHEPREFIX=str(base / "pycache"))
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "kb")], env=ENV, check=False)
    results = {}
    try:
        for n in sizes:
            root = base / f"kb{n}"
            if not (root / "kb.toml").exists():
                print(f"building {n:,} papers in {root}", flush=True)
                print(f"  built in {build(root, n, args.per_write):.0f} s", flush=True)
            results[n] = measure(root, args.runs, only)
            where = statistics.median(run(["where"], root)[0] for _ in range(3))
            print(f"\n{n:,} papers (kb where {where:.2f} s)")
            print(f"  {'command':18} {'seconds':>8} {'/ where':>8} {'peak MB':>8} {'all MB':>7} {'exit':>5}")
            for name, (seconds, ratio, peak, codes, each, whole) in results[n].items():
                runs = f"  runs {' '.join(f'{t:.2f}' for t in each)}" if each else ""
                summed = f"{whole:7}" if whole is not None else f"{'':7}"
                print(f"  {name:18} {seconds:8.2f} {ratio:8.2f} {peak:8} {summed} {codes:>5}{runs}", flush=True)
        if len(sizes) > 1:
            small, large = sizes[0], sizes[-1]
            print(f"\ngrowth from {small:,} to {large:,} papers (seconds, large / small)")
            for name in results[small]:
                if name in results[large]:
                    print(f"  {name:18} {results[large][name][0] / results[small][name][0]:6.2f}x"
                          f"   (/ where: {results[small][name][1]:.2f} -> {results[large][name][1]:.2f})")
        print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
