"""How a note made of kb's exported quote blocks comes back, as a writer uses it.

    python benchmarks/exportnotes.py [--show K]

For the held-out quotes of benchmarks/data/exports-heldout-*.json (Markdown, LaTeX and HTML
specials, line starts Markdown reads, several paragraphs, elisions, non-ASCII), each case's page
text is the text of one page of a made-up paper, and its quote is stored (`add_quote`, on its page).
Then every quote is exported in each style kb offers (note blocks and pandoc Markdown, with and
without pages), the export read as a note by `kb verify --note` (`verify_note`): a quote back ok
counts. The Markdown export is rendered by pandoc (when on PATH) to plain text: a quote whose
characters come out as typed (whitespace aside) counts. Exporting twice must give the same bytes.
Prints the counts and the failures (never asserts).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb.errors import KBError  # noqa: E402
from kb.ops.export import export_note  # noqa: E402
from kb.ops.papers import load_text  # noqa: E402
from kb.ops.quotes import add_quote, verify_note  # noqa: E402
from kb.ops.session import open_kb  # noqa: E402
from kb.store.knowledgebase import init  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
STYLES = [("note", True), ("note", False), ("markdown", True), ("markdown", False)]


def _flat(text: str) -> str:
    return " ".join(text.split())


def run(path: Path, show: int) -> None:
    cases = json.loads(path.read_text("utf-8"))["cases"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "kb"
        init(root)
        (root / "references.bib").write_text("@misc{doe2024, title = {Held-out}, author = {Doe, Jane}, "
                                             "year = {2024}}\n", "utf-8")
        kb = open_kb(root)
        (Path(tmp) / "p.txt").write_text("\f".join(c["page"] for c in cases), "utf-8")
        load_text(kb, "doe2024", Path(tmp) / "p.txt", extractor="pypdf")
        stored, failures = [], []
        for n, c in enumerate(cases, 1):
            try:
                add_quote(kb, "doe2024", c["quote"], quote_id=c["name"], page=n)
                stored.append(c)
            except KBError as exc:
                failures.append(f"  not stored: {c['name']}: {exc.message}")
        print(f"{path.name}: {len(stored)}/{len(cases)} quotes stored")
        ids = [c["name"] for c in stored]
        for fmt, pages in STYLES:
            kb = open_kb(root)
            text = export_note(kb, ids=ids, fmt=fmt, pages=pages).text
            same = text == export_note(open_kb(root), ids=ids, fmt=fmt, pages=pages).text
            note = Path(tmp) / "note.md"
            note.write_text("# Draft\n\n" + text, "utf-8")
            verdicts, _ = verify_note(open_kb(root), note)
            ok = sum(v.status == "ok" for v in verdicts)
            style = fmt + ("" if pages else " --no-pages")
            print(f"  round trip, {style:21} {ok}/{len(ids)} back ok, {len(verdicts)} read"
                  + ("" if same else "; exported twice, different bytes"))
            failures += [f"  {style}: {v.status}: {v.quote!r}: {v.message}" for v in verdicts if v.status != "ok"]
        if shutil.which("pandoc") is None:
            print("  pandoc: not on PATH, not checked")
        else:
            right = 0
            for c in stored:
                md = export_note(open_kb(root), ids=[c["name"]], fmt="markdown", pages=False).text
                plain = subprocess.run(["pandoc", "-f", "markdown", "-t", "plain", "--wrap=none"], input=md,
                                       capture_output=True, text=True, check=True).stdout
                got = _flat(plain.split("[@doe2024]")[0])
                right += got == _flat(c["quote"])
                if got != _flat(c["quote"]):
                    failures.append(f"  pandoc: {c['name']}: {got!r}")
            print(f"  pandoc plain text: {right}/{len(stored)} quotes as typed")
        for line in failures[:show]:
            print(line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=40, help="failures to print (default 40)")
    args = ap.parse_args()
    for path in sorted(DATA.glob("exports-heldout-*.json")):
        run(path, args.show)


if __name__ == "__main__":
    main()
