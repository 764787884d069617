"""How well kb.refs splits real reference lists, measured against GROBID.

Run: python benchmarks/refs.py [--verbose]

For the two ACL papers with GROBID TEI output in the shared corpus
(grobid-s2orc/), GROBID's reference list is the yardstick:

* recall: the share of GROBID's references for which kb has an entry with the
  *same title*. "Same title" means rapidfuzz ``fuzz.ratio`` of the two titles,
  after kb.text.titles.normalise_title (ASCII, lower case, punctuation and hyphens
  dropped), is at least SAME_TITLE (90). GROBID's title is the analytic
  title (level "a") or, failing that, the monograph title.
* entry recall: the share of GROBID's references whose title occurs inside some
  kb entry's raw text (``fuzz.partial_ratio`` >= 95 on normalised text): the
  entry was split out, whatever kb made of its title.
* precision: an entry of kb is "not a reference" when no GROBID reference
  occurs in it -- neither GROBID's title (partial_ratio >= 95 against the
  entry's normalised raw text) nor GROBID's raw reference string
  (``fuzz.ratio`` >= 80 of the normalised raw strings). Precision is
  1 - (not a reference) / (kb entries). An entry that merges two references
  still counts as a reference here; merges show up as lost recall.

GROBID itself makes mistakes, so neither figure is ground truth; the verbose
output lists every miss so a person can judge. GROBID entries without raw
reference text (it turned the paper's own header into a "reference") are also
left out in a second recall figure.

It also prints kb's entry count for every PDF of the corpus (pages extracted
with pypdf, as kb stores them).

Whole, merged, split: for every PDF of the corpus and both
extractors (pdfium and pypdf, as kb.sources.pdf.extract gives them), how many
entries kb reads whole, merged with another, or split, against a yardstick where
the PDF has one: GROBID's references with raw text (a GROBID title inside exactly
one kb entry that holds no other GROBID title is whole; inside an entry holding
another, merged; inside none, split or lost) or a numbered list's own labels (the numbers 1 to the
last: an entry whose label is its own and once is whole; a number missing from
the labels whose '[n]' an entry's text holds is merged into it; a label twice, or
an entry without one, is split). Lists with neither (author-year, keyed) print
their entry count only. Then the same numbered lists with their blocks given out
of order, as a two-column page read a block of one column before the rest of the
other: the real lines of the list, cut at entries' first lines into four blocks
and given in the order 1, 3, 2, 4.

Labelled reference strings (benchmarks/data/refs-labels-*.json: each a text and
the first author's key, year, title, DOI and arXiv id a person judged right, null
where the entry gives none) are read one by one with parse_entry: each field is
right, wrong (kb gives another) or missed (kb gives none where one is labelled).
Needs no corpus.

Links: the labelled strings that also carry `cites` (the key of the paper they cite among the 32 documents of the
corpus's wattbot/metadata.csv, null where they cite none of them) are resolved against those documents, each given
its title, year, arXiv id (of its URL) and authors (of its citation) as kb's index gives them: right, WRONG (linked to
another paper, or to one where none is cited) or missed. Wrong links must stay at none.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb.text.refs import find_references, parse_entry  # noqa: E402
from kb.text.titles import normalise_title  # noqa: E402

CORPUS = Path(os.environ.get("KB_TEST_CORPUS", ROOT.parent / "shared" / "corpus"))
LABELS = ROOT / "benchmarks" / "data"
FIELDS = ("first_author", "year", "title", "doi", "arxiv_id")
SAME_TITLE = 90
IN_ENTRY = 95
SAME_RAW = 80
TEI = "{http://www.tei-c.org/ns/1.0}"

PAIRS = [
    ("acl-2020.acl-main.207.pdf", "2020.acl-main.207.grobid.tei.xml"),
    ("acl-N18-3011.pdf", "N18-3011.grobid.tei.xml"),
]


def pdf_pages(path: Path) -> list[str]:
    import pypdf

    return [p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages]


def grobid_refs(path: Path) -> list[dict]:
    from defusedxml import ElementTree

    root = ElementTree.parse(str(path)).getroot()
    out = []
    for bib in root.iter(f"{TEI}biblStruct"):
        title = None
        for level in ("a", "m", "j"):
            for t in bib.iter(f"{TEI}title"):
                if t.get("level") == level and (t.text or "").strip():
                    title = " ".join("".join(t.itertext()).split())
                    break
            if title:
                break
        raw = ""
        for note in bib.iter(f"{TEI}note"):
            if note.get("type") == "raw_reference":
                raw = " ".join("".join(note.itertext()).split())
        out.append({"id": bib.get("{http://www.w3.org/XML/1998/namespace}id"), "title": title or "", "raw": raw})
    return out


def compare(pdf: Path, tei: Path, verbose: bool) -> dict:
    from rapidfuzz import fuzz

    entries = find_references(pdf_pages(pdf))
    gold = grobid_refs(tei)
    kb_titles = [normalise_title(e.title) for e in entries]
    kb_raws = [normalise_title(e.raw) for e in entries]
    found_title = found_entry = found_real = 0
    misses = []
    real = [g for g in gold if g["raw"]]
    for g in gold:
        gt = normalise_title(g["title"])
        if gt and any(kt and fuzz.ratio(gt, kt) >= SAME_TITLE for kt in kb_titles):
            found_title += 1
            found_real += bool(g["raw"])
        else:
            misses.append(g)
        if gt and any(fuzz.partial_ratio(gt, kr) >= IN_ENTRY for kr in kb_raws):
            found_entry += 1
    not_refs = []
    gold_titles = [normalise_title(g["title"]) for g in gold]
    gold_raws = [normalise_title(g["raw"]) for g in gold]
    for e, kr in zip(entries, kb_raws):
        ok = any(gt and fuzz.partial_ratio(gt, kr) >= IN_ENTRY for gt in gold_titles) or \
            any(gr and fuzz.ratio(gr, kr) >= SAME_RAW for gr in gold_raws)
        if not ok:
            not_refs.append(e)
    if verbose:
        for g in misses:
            print(f"   grobid title not matched: {g['title']!r}")
        for e in not_refs:
            print(f"   kb entry not a reference: {e.raw[:120]!r}")
    return {
        "pdf": pdf.name,
        "grobid": len(gold),
        "kb": len(entries),
        "title_recall": found_title / len(gold),
        "real": len(real),
        "real_recall": found_real / len(real) if real else 0.0,
        "entry_recall": found_entry / len(gold),
        "precision": 1 - len(not_refs) / len(entries) if entries else 0.0,
        "not_refs": len(not_refs),
    }


def labelled(verbose: bool) -> None:
    """Fields of the labelled reference strings, right, wrong or missed."""
    import json

    for path in sorted(LABELS.glob("refs-labels-*.json")):
        labels = json.loads(path.read_text(encoding="utf-8"))
        right = wrong = missed = 0
        t = time.process_time()
        for item in labels:
            entry = parse_entry(item["text"])
            for name in FIELDS:
                got, want = getattr(entry, name), item.get(name)
                if got == want:
                    right += 1
                elif got is None:
                    missed += 1
                else:
                    wrong += 1
                if got != want and verbose:
                    print(f"   {name} {got!r}, labelled {want!r}: {item['text'][:90]!r}")
        cpu = time.process_time() - t
        print(f"  {path.name}: {len(labels)} references, {right} fields right, {wrong} wrong, {missed} missed "
              f"(precision {right / max(1, right + wrong):.1%}; {cpu * 1000:.0f} ms)")


def metadata_papers():
    """The documents of the corpus's wattbot/metadata.csv as the papers of a knowledge base (PaperInfo)."""
    import csv
    import json

    from kb.text.names import first_author_key
    from kb.text.refs import PaperInfo

    raw = (CORPUS / "wattbot" / "metadata.csv").read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:          # one Latin-1 byte in the file, as found
        text = raw.decode("latin-1")
    papers = []
    for row in csv.DictReader(text.splitlines()):
        names = re.split(r"\.?\s*\(\d{4}\)", row["citation"])[0]
        authors = [a.strip(" .&") for a in re.split(r",|\s&\s", names) if a.strip(" .&")]
        ax = re.search(r"arxiv\.org/(?:pdf|abs)/(\d{4}\.\d{4,5})", row["url"])
        papers.append(PaperInfo(row["id"], ax.group(1) if ax else None, None, row["title"], int(row["year"]),
                                first_author_key(authors) or None, json.dumps(authors)))
    return papers


def linked(verbose: bool) -> None:
    """Links of the labelled strings that carry `cites`, against the documents of wattbot/metadata.csv."""
    import json

    from kb.text.refs import PaperIndex

    index = PaperIndex(metadata_papers())
    for path in sorted(LABELS.glob("refs-labels-*.json")):
        labels = [item for item in json.loads(path.read_text(encoding="utf-8")) if "cites" in item]
        if not labels:
            continue
        right = wrong = missed = 0
        for item in labels:
            found = index.resolve(parse_entry(item["text"]))
            got, want = (found.citekey if found else None), item["cites"]
            if got == want:
                right += 1
            elif got is None:
                missed += 1
            else:
                wrong += 1
            if got != want and verbose:
                print(f"   linked {got!r}, labelled {want!r}: {item['text'][:90]!r}")
        print(f"  {path.name}: {len(labels)} references, {right} links right, {wrong} WRONG, {missed} missed")


def extracted_pages(path: Path, extractor: str) -> list[str]:
    from kb.sources.pdf import extract

    return list(extract(path.read_bytes(), extractor=extractor).pages)


_LABEL_AT_RE = re.compile(r"\[(\d{1,4})\]\s")
_LABEL_LINE_RE = re.compile(r"\s*\[\d{1,4}\]\s")


def against_labels(entries, last: int = 0) -> dict | None:
    """Whole, merged and split of a numbered list, its own labels the yardstick (None: not a numbered list);
    `last`: the last number where it is known (the list read in order), else the greatest label read."""
    numbers = [int(e.label.strip("[]")) for e in entries if e.label and e.label.strip("[]").isdigit()]
    if not entries or len(numbers) < len(entries) / 2 or not entries[0].label.startswith("["):
        return None
    counted: dict[int, int] = {}
    for n in numbers:
        counted[n] = counted.get(n, 0) + 1
    last = last or max(numbers)
    missing = set(range(1, last + 1)) - set(numbers)
    holding = {k for k, e in enumerate(entries) for m in _LABEL_AT_RE.finditer(e.raw) if int(m.group(1)) in missing}
    merged = sum(1 for n in missing if any(f"[{n}] " in entries[k].raw for k in holding))
    split = sum(c - 1 for c in counted.values()) + (len(entries) - len(numbers))
    whole = sum(1 for k, e in enumerate(entries) if k not in holding and e.label and e.label.strip("[]").isdigit()
                and counted[int(e.label.strip("[]"))] == 1)
    return {"truth": last, "whole": whole, "merged": merged, "split": split,
            "lost": len(missing) - merged}


def against_grobid(entries, gold: list[dict]) -> dict:
    """Whole, merged and split against GROBID's references that have raw text (the others are GROBID's
    artefacts), by their titles inside kb's entries: a title GROBID gives n times ('2017a', '2017b' of one
    title) is whole where it is inside n entries that hold no other title."""
    from collections import Counter

    from rapidfuzz import fuzz

    raws = [normalise_title(e.raw) for e in entries]
    times = Counter(normalise_title(g["title"]) for g in gold if g["title"] and g["raw"])
    inside = {gt: [k for k, kr in enumerate(raws) if fuzz.partial_ratio(gt, kr) >= IN_ENTRY] for gt in times}
    holds = Counter(k for ks in inside.values() for k in ks)
    whole = sum(n for gt, n in times.items() if len(inside[gt]) == n and all(holds[k] == 1 for k in inside[gt]))
    merged = sum(n for gt, n in times.items() if inside[gt] and all(holds[k] > 1 for k in inside[gt]))
    total = sum(times.values())
    return {"truth": total, "whole": whole, "merged": merged, "split": total - whole - merged, "lost": 0}


def out_of_order(pages: list[str], into: int = 0) -> list[str]:
    """The pages with a numbered list's lines given in four blocks in the order 1, 3, 2, 4 (a two-column page
    read a block of one column before the rest of the other), the blocks cut at entries' first lines, or `into`
    lines into those entries (an entry cut at a block's foot, its tail given elsewhere); [] where the text has no
    numbered list of eight or more on a page."""
    for p, page in enumerate(pages):
        lines = page.split("\n")
        heads = [i for i, ln in enumerate(lines) if _LABEL_LINE_RE.match(ln)]
        if len(heads) >= 8:
            q = len(heads) // 4
            a, b, c = (min(heads[k * q] + into, heads[k * q + 1] - 1) for k in (1, 2, 3))
            moved = lines[:a] + lines[b:c] + lines[a:b] + lines[c:]
            return pages[:p] + ["\n".join(moved)] + pages[p + 1:]
    return []


def against_in_order(entries, read_in_order) -> dict:
    """A list read from its blocks out of order against the list read in order, by label: whole (the same text),
    merged (its label not read: its text in another's), cut (other text), and wrong identifiers (an arXiv id or
    DOI the entry read in order has not)."""
    by_label = {e.label: e for e in read_in_order}
    got = {e.label: e for e in entries if e.label in by_label}
    whole = sum(1 for label, e in got.items() if e.raw == by_label[label].raw)
    wrong = sum(1 for label, e in got.items()
                if (e.arxiv_id and e.arxiv_id != by_label[label].arxiv_id) or (e.doi and e.doi != by_label[label].doi))
    return {"truth": len(by_label), "whole": whole, "merged": len(by_label) - len(got),
            "cut": len(got) - whole, "wrong": wrong}


def whole_merged_split(verbose: bool) -> None:
    grobid = {pdf: tei for pdf, tei in PAIRS}
    print("\nentries read whole, merged or split, per PDF and extractor (yardstick: GROBID, or a numbered list's "
          "own labels):")
    moved_lists = []
    for pdf in sorted((CORPUS / "pdf").glob("*.pdf")):
        for extractor in ("pdfium", "pypdf"):
            try:
                pages = extracted_pages(pdf, extractor)
            except Exception as exc:   # an extractor missing or unable: said, the rest measured
                print(f"  {pdf.name:55s} {extractor:6s} not read: {exc}")
                continue
            entries = find_references(pages)
            if pdf.name in grobid:
                r, by = against_grobid(entries, grobid_refs(CORPUS / "grobid-s2orc" / grobid[pdf.name])), "GROBID"
            else:
                r, by = against_labels(entries), "labels"
            if r is None:
                print(f"  {pdf.name:55s} {extractor:6s} {len(entries):4d} entries (no yardstick)")
                continue
            print(f"  {pdf.name:55s} {extractor:6s} {len(entries):4d} entries; of {r['truth']} ({by}): "
                  f"{r['whole']} whole, {r['merged']} merged, {r['split']} split, {r['lost']} lost")
            if by == "labels" and out_of_order(pages):
                moved_lists.append((pdf.name, extractor, pages, entries))
    print("\nthe same numbered lists, one page's blocks given out of order (1, 3, 2, 4), cut at entries' first lines"
          " or one or two lines into them, against the list read in order:")
    for name, extractor, pages, read_in_order in moved_lists:
        for into in (0, 1, 2):
            r = against_in_order(find_references(out_of_order(pages, into)), read_in_order)
            print(f"  {name:55s} {extractor:6s} cut {into}: of {r['truth']}: {r['whole']} whole, {r['merged']} merged, "
                  f"{r['cut']} cut, {r['wrong']} with a wrong arXiv id or DOI")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list every miss")
    args = ap.parse_args()
    print("labelled reference strings (first author, year, title, DOI, arXiv id):")
    labelled(args.verbose)
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found at {CORPUS} (set KB_TEST_CORPUS)")
    print("links of the labelled strings that carry 'cites', against the documents of wattbot/metadata.csv:")
    linked(args.verbose)
    print("kb.text.refs against GROBID (same title: normalised fuzz.ratio >= 90)")
    for pdf_name, tei_name in PAIRS:
        r = compare(CORPUS / "pdf" / pdf_name, CORPUS / "grobid-s2orc" / tei_name, args.verbose)
        print(f"  {r['pdf']}: GROBID {r['grobid']} refs, kb {r['kb']} entries; "
              f"recall (same title) {r['title_recall']:.1%}, entry recall {r['entry_recall']:.1%}, "
              f"precision {r['precision']:.1%} ({r['not_refs']} not a reference)")
        print(f"      over the {r['real']} GROBID entries that have raw reference text "
              f"(the others are GROBID artefacts): recall (same title) {r['real_recall']:.1%}")
    whole_merged_split(args.verbose)
    print("\nentries per PDF (pypdf text):")
    for pdf in sorted((CORPUS / "pdf").glob("*.pdf")):
        t = time.perf_counter()
        pages = pdf_pages(pdf)
        t_pdf = time.perf_counter() - t
        t = time.perf_counter()
        entries = find_references(pages)
        t_refs = time.perf_counter() - t
        with_ids = sum(1 for e in entries if e.arxiv_id or e.doi)
        with_title = sum(1 for e in entries if e.title)
        print(f"  {pdf.name:55s} {len(pages):3d} pages  {len(entries):4d} entries  "
              f"{with_title:4d} with title  {with_ids:3d} with arXiv id/DOI  "
              f"(pypdf {t_pdf:.2f} s, split {t_refs * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
