"""What kb import keeps of real BibTeX, and how fast it reads and writes it.

Run: python benchmarks/bibtex.py [--entries N]

For every real .bib file of the shared corpus (../shared/corpus/bibtex), in a
fresh knowledge base:

* kept byte for byte: the file's entry text occurs unchanged in references.bib;
* keys kept: pybtex reads the same keys from references.bib as from the file;
* same fields: pybtex reads the same field names and values (authors and
  editors compared by count of names) from references.bib and from
  `kb export bib --as-stored`; bibtexparser 2 reads every exported entry without
  a failed block; classic BibTeX is run on it when on PATH;
* doctor: `kb doctor` finds nothing after the import;
* biber's data model: `kb export bib` (entries shaped to it) and `--as-stored`
  (references.bib byte for byte) through `biber --tool --validate-datamodel`,
  warnings counted, and what the shaped export changed (its stderr line);
* read back: the shaped export read by pybtex, bibtexparser 2, classic BibTeX
  and bibtexparser 1 (KB_TEST_BIBTEXPARSER1, as in tests/bibtools.py), entries
  whose fields are those of the original files (reshaped fields left out).

Then the held-out sets (HELDOUT_SETS): sweep 50's (benchmarks/data/bibtex-heldout-sweep50.bib, 40 entries written
for it in the shapes of Better BibTeX, Zotero, JabRef, Mendeley, DBLP, Crossref, ACL, Google Scholar,
arXiv and hand-written files): kept byte for byte, keys kept, said at their line, read back from kb export
bib, imported again and from stdin alike, and a pair of keys differing in case refused in one line;
sweep 51's (bibtex-heldout-sweep51.bib, 40 entries) alike, with two entries of one key refused, and the
titles of the export read as those of references.bib, none holding a tag; sweep 52's records
(bibtex-records-sweep52-bibtex10.json: Crossref JSON with subtitles, doi.org BibTeX of chapters, arXiv
names in Han and Hangul, 'AT&T' and 'R&D' in titles and names) as kb writes them, read back by kb, pybtex,
bibtexparser 2, biber and classic BibTeX against their labels, and sweep 53's alike
(bibtex-records-sweep53-bibtex12.json: Crossref's books and chapters, a chapter's book told from its series in
either order, a book's series, and doi.org's BibTeX with Crossref's JSON of the same record: the subtitle, book
and series that BibTeX leaves out); sweep 52's LaTeX specials
(bibtex-specials-sweep52-bibtex11.bib: a bare '&', '%', '#', lone '$', '_' or '^' outside math, and values
holding none): said by --as-stored and kb doctor, escaped by kb export bib, and BibTeX's plain .bbl of each
export typeset by LaTeX, its errors counted.
Then sweep 53's file fields (bibtex-files-sweep53-bibtex13.json: Better BibTeX, JabRef, Mendeley and DBLP
entries and file addresses, with the files each library folder holds, made from the corpus PDFs): keys kept,
entries kept, the right PDF attached to each (or none), what is not attached said by its name as read, file
fields read back from kb export bib, the import again changing nothing.
Then sweep 54's imports (bibtex-import-sweep54-bibtex14.json: a JabRef file with @string macros, '#' joins, @preamble
and jabref-meta @comment blocks, a biblatex file with a crossref parent and children, an @xdata and an @online, a
DBLP-shaped file with an author list begun by a macro and a key the first file holds): imported in order, keys with
':' '/' '+' kept, entries, @string and @preamble kept byte for byte, and kb export bib read back against the labels
by the readers of the records sets; sweep 56's (bibtex-import-sweep56-bibtex15.json: Better BibTeX's @software and
@dataset, biblatex dates and ids, Crossref's, DBLP's and ACL's entries) the same, and CSL-JSON's issued as labelled;
sweep 57's (bibtex-import-sweep57-bibtex16.json: Better BibLaTeX's @online, @thesis, @report, @collection and its
@incollection, JabRef's file of CRLF lines, DBLP's, Crossref's HTML and MathML titles, Mendeley's urls with '\\_',
@string joins, accents in every form, a season for a month) the same.

Then, for speed, a synthetic file of N entries (default 2,000, built from the
corpus entries with new keys) is imported: the time of kb's reader, of the
pybtex cross-check, and of the whole `kb import`. Timings are reported, never
asserted; the machine's load (os.getloadavg) is printed beside them.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = Path(os.environ.get("KB_TEST_CORPUS", ROOT.parent / "shared" / "corpus"))


def run(*args: str) -> tuple[int, str, str]:
    from kb.cli.app import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([str(a) for a in args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def pybtex_read(text: str) -> dict:
    from pybtex.database.input.bibtex import Parser

    data = Parser().parse_string(text)
    return {k: ({n.lower(): " ".join(str(v).split()) for n, v in e.fields.items()},
                {r: len(p) for r, p in e.persons.items()}) for k, e in data.entries.items()}


def biber_warnings(path: Path, tmp: Path) -> list[str] | None:
    if not shutil.which("biber"):
        return None
    r = subprocess.run(["biber", "--tool", "--validate-datamodel", "--output-file", str(tmp / "biber-out.bib"),
                        str(path)], capture_output=True, text=True, cwd=tmp, timeout=300)
    return [line for line in r.stdout.splitlines() if line.startswith("WARN - ")]


def shaped_vs_tools(tmp: Path, files: list[Path]) -> None:
    """kb export bib (shaped) and --as-stored: biber's warnings; the four readers' fields."""
    sys.path.insert(0, str(ROOT / "tests"))
    import pytest
    from bibtools import (
        bibtex_fields,
        bibtexparser1_fields,
        bibtexparser2_fields,
        pybtex_fields,
    )

    from kb.ops.export import bib_export
    from kb.ops.session import open_kb

    code, _, err = run("export", "bib", "-o", tmp / "shaped.bib")
    run("export", "bib", "--as-stored", "-o", tmp / "stored.bib")
    summary = next((line for line in err.splitlines() if "reshaped" in line), "nothing reshaped")
    print(f"  kb export bib: exit {code}; {summary}")
    if shutil.which("bibtex"):
        (tmp / "shaped-bt.aux").write_text("\\citation{*}\n\\bibdata{shaped}\n\\bibstyle{plain}\n")
        r = subprocess.run(["bibtex", "shaped-bt"], cwd=tmp, capture_output=True, text=True, timeout=120)
        print(f"  classic BibTeX (plain) on kb export bib: {r.stdout.count('Warning--')} warnings, "
              f"{'no' if 'error message' not in r.stdout else 'some'} errors")
    for name in ("shaped.bib", "stored.bib"):
        warns = biber_warnings(tmp / name, tmp)
        what = "not on PATH" if warns is None else f"{len(warns)} warnings"
        print(f"  biber --validate-datamodel on {'kb export bib' if name == 'shaped.bib' else '--as-stored'}: {what}")
    base = open_kb(Path(os.environ["KB_HOME"]))
    keys = [r[0] for r in base.conn.execute("select citekey from papers order by position")]
    reshaped = {}
    for key, changes in bib_export(base, keys).reshaped.items():
        names = {kind.split()[0] for kind, _ in changes if not kind.startswith(("@", "no "))}
        names |= {"note"} if any("note" in detail for _, detail in changes) else set()
        names |= {n for k, _ in changes if k.startswith("publisher as ") or k == "version into eprint"
                  for n in (k.split()[0], k.split()[-1])}
        reshaped[key] = names
    originals = [f.read_text("utf-8") for f in files]
    shaped = (tmp / "shaped.bib").read_text("utf-8")
    every = set().union(*(v.keys() for t in originals for v in pybtex_fields(t).values())) | {"note", "month"}
    counter = iter(range(10_000))
    readers = {"pybtex": pybtex_fields, "bibtexparser 2": bibtexparser2_fields,
               "classic BibTeX": lambda t: bibtex_fields(t, every, tmp / f"bt{next(counter)}"),
               "bibtexparser 1": lambda t: bibtexparser1_fields(t, tmp / f"b1{next(counter)}")}
    for name, reader in readers.items():
        try:
            before = {}
            for text in originals:
                before.update(reader(text))
            after = reader(shaped)
        except pytest.skip.Exception as exc:
            print(f"  {name}: skipped ({exc})")
            continue
        same = sum(1 for k, v in before.items() if k in after and
                   {n: x for n, x in after[k].items() if n not in reshaped.get(k, set())} ==
                   {n: x for n, x in v.items() if n not in reshaped.get(k, set())})
        print(f"  {name} reads kb export bib: {len(after)}/{len(before)} entries, {same} with the same fields "
              f"(reshaped fields left out: {sum(len(v) for v in reshaped.values())})")


DATA = ROOT / "benchmarks" / "data"
#: the held-out sets: (file, entries kb must say something of in one line naming the file's line, a file refused:
#: (path, line, what the one line says))
HELDOUT_SETS = (
    (DATA / "bibtex-heldout-sweep50.bib", {"handYearDate2022": "is not its date's"},
     (DATA / "bibtex-heldout-sweep50-refused.bib", 8, "duplicate citekey")),
    # sweep 51: Crossref's HTML, JATS and MathML markup in titles, @string # concatenation, crossref and xdata,
    # accents in every LaTeX form and as UTF-8, nested braces, addresses holding '%' and '#', Zotero's
    # files/12/x.pdf and JabRef's :x.pdf:PDF, names with particles and apostrophes, non-ASCII keys, an abstract
    # of 20,000 characters, '%' lines above and inside entries, @preamble, parenthesised entries
    (DATA / "bibtex-heldout-sweep51.bib", {},
     (DATA / "bibtex-heldout-sweep51-refused.bib", 9, "duplicate citekey")),
)


def heldout(tmp: Path, held: Path, said_of: dict[str, str], refused_by: tuple[Path, int, str]) -> None:
    """A held-out set (written for its sweep, real-shaped: sweep 50's Better BibTeX date/urldate/langid,
    Zotero's and JabRef's file fields, Mendeley, DBLP, Crossref, ACL, Google Scholar, arXiv, @string #,
    crossref, a '%' comment between fields, keys of ':', '/', '+' and non-ASCII letters, 60 authors and
    others; sweep 51's as HELDOUT_SETS says): imported by file and by stdin, exported, read back, imported
    again; the shaped export's titles as kb shows them, the same as references.bib's."""
    import bibtexparser

    HELDOUT, HELDOUT_SAID, HELDOUT_REFUSED = held, said_of, refused_by
    text = HELDOUT.read_text("utf-8")
    # each entry's text: the file's '%' lines and @comment, @string and @preamble blocks left out
    blocks = [re.sub(r"(?:\n[ \t]*%[^\n]*|\s)+$", "", b) for b in re.split(r"\n(?=@)", text.strip())
              if b.startswith("@") and not b.lower().startswith(("@comment", "@string", "@preamble"))]
    keys = [re.match(r"@\w+\s*[{(]\s*([^,\s]+)", b).group(1) for b in blocks]
    root = tmp / f"heldout-{HELDOUT.stem}"
    run("init", root)
    os.environ["KB_HOME"] = str(root)
    code, _, err = run("import", HELDOUT)
    bib = (root / "references.bib").read_text("utf-8")
    kept = sum(b.strip() in bib for b in blocks)
    held = set(re.findall(r"(?m)^@\w+\s*[{(]\s*([^,\s]+)", bib))
    said = sum(any(f"{HELDOUT.name}:" in line and key in line and what in line for line in err.splitlines())
               for key, what in HELDOUT_SAID.items())
    c2, _, _ = run("export", "bib", "-o", tmp / f"{HELDOUT.stem}-shaped.bib")
    shaped = (tmp / f"{HELDOUT.stem}-shaped.bib").read_text("utf-8")
    lib = bibtexparser.parse_string(shaped)
    try:
        read = len(pybtex_read(shaped))
    except Exception as exc:        # noqa: BLE001 -- said, as a count would hide it
        read = f"failed ({exc})"
    warns = biber_warnings(tmp / f"{HELDOUT.stem}-shaped.bib", tmp)
    code_again, _, _ = run("import", HELDOUT)
    again = (root / "references.bib").read_text("utf-8") == bib
    from kb.sources.bibtex import BibFile
    from kb.text.latex import latex_to_text

    # read by kb (pybtex refuses references.bib's '%' lines inside an entry, which biber reads)
    titles = {e.key: e.fields.get("title") for e in BibFile(bib, "references.bib").entries()}
    shaped_titles = {e.key: e.fields.get("title") for e in BibFile(shaped, "shaped.bib").entries()}

    same_titles = sum(latex_to_text(shaped_titles.get(k)) == latex_to_text(t) for k, t in titles.items() if t)
    tagged = sum("<" in (t or "") for t in shaped_titles.values())
    root2 = tmp / f"heldout-stdin-{HELDOUT.stem}"
    run("init", root2)
    os.environ["KB_HOME"] = str(root2)
    old = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(HELDOUT.read_bytes()), encoding="utf-8")
    try:
        run("import", "-")
    finally:
        sys.stdin = old
    same_stdin = (root2 / "references.bib").read_text("utf-8") == bib
    path, line, what = HELDOUT_REFUSED
    code_refused, _, err_refused = run("import", path)
    refused = code_refused == 2 and len(err_refused.strip().splitlines()) == 1 and f"{path.name}:{line}:" in \
        err_refused and what in err_refused
    print(f"held-out set ({HELDOUT.name}): {len(blocks)} entries, import exit {code}")
    print(f"  kept byte for byte: {kept}/{len(blocks)}; keys kept: {len(held & set(keys))}/{len(keys)}; "
          f"said at their line: {said}/{len(HELDOUT_SAID)}")
    print(f"  kb export bib (exit {c2}): bibtexparser 2 {len(lib.entries)} entries, {len(lib.failed_blocks)} failed "
          f"blocks; pybtex {read} entries; biber --validate-datamodel "
          f"{'not on PATH' if warns is None else f'{len(warns)} warnings'}; titles read the same: {same_titles}/"
          f"{sum(1 for t in titles.values() if t)}, holding a tag: {tagged}")
    print(f"  imported again: exit {code_again}, references.bib {'unchanged' if again else 'CHANGED'}; "
          f"from stdin: {'the same' if same_stdin else 'OTHER'} references.bib; {path.name}: "
          f"{'refused in one line naming its line' if refused else 'NOT refused so: ' + err_refused.strip()}")


#: held-out records: Crossref JSON, doi.org BibTeX (alone, or with Crossref's JSON of the same record: kind
#: 'doi+crossref') and arXiv titles and names as kb writes them into references.bib, each with what every reader
#: should read back (labelled by hand, not by kb): sweep 52's, and sweep 53's of books and chapters (editors, a
#: chapter's book and series, a book's series, subtitles doi.org's BibTeX leaves out)
RECORD_SETS = (DATA / "bibtex-records-sweep52-bibtex10.json", DATA / "bibtex-records-sweep53-bibtex12.json")
_CASE_BST = """ENTRY { title author } {} {}
INTEGERS { n i }
FUNCTION {default.type} { "@@" cite$ * write$ newline$ title "t" change.case$ write$ newline$ "@@@" write$
  newline$ author num.names$ #1 + 'n := #1 'i := { i n < } { author i "{ll}" format.name$ write$ "|" write$
  i #1 + 'i := } while$ newline$ }
READ
ITERATE {call.type$}
"""


def records(tmp: Path, path: Path) -> None:
    """Sweep 52's records written by kb (metadata.from_crossref, doi._bibtex_meta, from_arxiv; render_entry) and
    read back by kb, pybtex, bibtexparser 2 (its name middleware), biber (--tool, its output read by pybtex) and
    classic BibTeX (a style printing change.case$ 't' of the title and each name's {ll}): per reader, the records
    whose title, family names and labelled fields all read as labelled."""
    import json

    from kb.sources.arxiv import ArxivRecord
    from kb.sources.bibtex import render_entry
    from kb.sources.doi import _bibtex_meta, clean_crossref, with_crossref_work
    from kb.sources.metadata import from_arxiv, from_crossref

    cases = json.loads(path.read_text("utf-8"))["cases"]
    entries = []
    for i, case in enumerate(cases):
        if case["kind"] == "crossref":
            meta = from_crossref(clean_crossref(case["message"]))
        elif case["kind"] == "doi":
            meta = _bibtex_meta(case["bibtex"], "u", "10.5555/s52")
        elif case["kind"] == "doi+crossref":
            meta = with_crossref_work(_bibtex_meta(case["bibtex"], "u", "10.5555/s52"), clean_crossref(case["message"]))
        else:
            meta = from_arxiv(ArxivRecord(id="2001.00001", version=1, title=case["title"], authors=case["authors"],
                                          summary="", published="2020-01-01", updated="", year=2020))
        entries.append(render_entry(f"r{i}", meta.entry_type, meta.bib_fields()))
    written = "".join(entries)
    (tmp / "records.bib").write_text(written, "utf-8")
    warns = biber_warnings(tmp / "records.bib", tmp)
    print(f"held-out records ({path.name}): {len(cases)} written by kb; biber --validate-datamodel "
          f"{'not on PATH' if warns is None else f'{len(warns)} warnings'}")
    read_as_labelled(tmp, "records", {f"r{i}": case["expect"] for i, case in enumerate(cases)})


def read_as_labelled(tmp: Path, stem: str, labelled: dict[str, dict]) -> None:
    """The entries of tmp/{stem}.bib read by kb, pybtex, bibtexparser 2 (its name middleware), biber (--tool, its
    output read by pybtex) and classic BibTeX (a style printing change.case$ 't' of the title and each name's {ll}):
    per reader, the entries (by key) whose title, family names and labelled fields all read as labelled."""
    import bibtexparser
    from bibtexparser import middlewares
    from pybtex.database.input.bibtex import Parser

    from kb.sources.bibtex import parse_entries
    from kb.text.latex import latex_to_text
    from kb.text.names import parse_name, split_names

    def text(value) -> str:
        return " ".join(latex_to_text(str(value or "")).split())

    written = (tmp / f"{stem}.bib").read_text("utf-8")

    def kb_reading(t: str) -> dict:
        return {k: ({n: text(v) for n, v in f.items()},
                    # (parse_name gives a name's text: LaTeX read already)
                    [" ".join((parse_name(a).literal or parse_name(a).family).split())
                     for a in split_names(f.get("author"))])
                for _, k, f in parse_entries(t)}

    def pybtex_reading(t: str) -> dict:
        data = Parser().parse_string(t)
        return {k: ({n.lower(): text(v) for n, v in e.fields.items()},
                    [text(" ".join(p.prelast_names + p.last_names)) for p in e.persons.get("author", [])])
                for k, e in data.entries.items()}

    def bp2_reading(t: str) -> dict:
        lib = bibtexparser.parse_string(t, append_middleware=[middlewares.SeparateCoAuthors(),
                                                              middlewares.SplitNameParts()])
        return {e.key: ({f.key.lower(): text(f.value) for f in e.fields if f.key.lower() != "author"},
                        [text(" ".join(n.von + n.last)) for n in (e["author"] if "author" in e else [])])
                for e in lib.entries}

    def biber_reading(t: str) -> dict | None:
        if not shutil.which("biber"):
            return None
        subprocess.run(["biber", "--tool", "--output-file", str(tmp / f"{stem}-biber.bib"), str(tmp / f"{stem}.bib")],
                       capture_output=True, text=True, cwd=tmp, timeout=300)
        read = pybtex_reading((tmp / f"{stem}-biber.bib").read_text("utf-8"))
        biblatex = {"journaltitle": "journal", "location": "address", "date": "year"}
        return {k: ({biblatex.get(n, n): v for n, v in f.items()}, names) for k, (f, names) in read.items()}

    def bibtex_reading(t: str) -> dict | None:
        if not shutil.which("bibtex"):
            return None
        (tmp / "case.bst").write_text(_CASE_BST)
        (tmp / "rec.aux").write_text(f"\\citation{{*}}\n\\bibdata{{{stem}}}\n\\bibstyle{{case}}\n")
        subprocess.run(["bibtex", "rec"], cwd=tmp, capture_output=True, text=True, timeout=120)
        # BibTeX breaks an output line longer than 79 characters at a space: a title or a list of names goes on
        # over lines, joined again here up to the '@@@' between them and the next entry's '@@'
        out = {}
        for block in re.split(r"(?m)^@@(?!@)", (tmp / "rec.bbl").read_text("utf-8"))[1:]:
            key, _, rest = block.partition("\n")
            title, _, names = rest.partition("\n@@@\n")
            out[key] = ({"title case": text(" ".join(title.split()))},
                        [text(n) for n in "".join(names.split("\n")).split("|") if n.strip()])
        return out

    for name, reader in (("kb", kb_reading), ("pybtex", pybtex_reading), ("bibtexparser 2", bp2_reading),
                         ("biber", biber_reading), ("classic BibTeX", bibtex_reading)):
        read = reader(written)
        if read is None:
            print(f"  {name}: not on PATH")
            continue
        right, wrong = 0, []
        for key, want in labelled.items():
            fields, families = read.get(key, ({}, []))
            if name == "classic BibTeX":
                ok = families == want["families"] and fields.get("title case") == want.get("title_case",
                                                                                          fields.get("title case"))
            else:
                ok = fields.get("title") == want["title"] and families == want["families"] and all(
                    fields.get(n) == v for n, v in want["fields"].items())
            right += ok
            if not ok:
                wrong.append(key)
        print(f"  {name} reads them as labelled: {right}/{len(labelled)}" + (f" (not: {', '.join(wrong)})" if wrong
                                                                           else ""))


#: held-out imports (sweep 54): BibTeX files as a person brings them (JabRef's @string macros, @preamble and jabref-meta
#: @comment blocks, biblatex's crossref parent and children, @xdata and @online, DBLP's, a key two files hold), each
#: entry labelled with what a reader of kb export bib should read back (by hand, not by kb); sweep 56's (Better
#: BibTeX's @software and @dataset, biblatex dates, ids, related, verbatim urls, Crossref's ISSN, DBLP's and ACL's
#: with '#' joins) label CSL-JSON's issued too, where the date is the point
#: sweep 58's (Better BibTeX, JabRef, DBLP, Crossref, Scholar, Mendeley, BibDesk, ACL and hand-written files: an @string
#: defined again after an entry using it, an abstract of 20,000 characters, Windows paths in file fields, keys with ':'
#: '/' '+' '.', non-ASCII letters and a DOI) label an entry written with its values spelled out `kept: false`
#: sweep 59's (Better BibTeX's camelCase keys, Zotero's and Mendeley's file fields, JabRef's jabref-meta, 'and others',
#: a month macro redefined by @string, crossref in another case and to a key nowhere, keys in NFD and Han, two files
#: refused whole: keys twins in case, a brace never closed)
IMPORT_SETS = (DATA / "bibtex-import-sweep54-bibtex14.json", DATA / "bibtex-import-sweep56-bibtex15.json",
               DATA / "bibtex-import-sweep57-bibtex16.json", DATA / "bibtex-import-sweep58-bibtex17.json",
               DATA / "bibtex-import-sweep59-bibtex18.json")


def imports(tmp: Path, path: Path) -> None:
    """A held-out set of whole files imported in order into one knowledge base: keys kept as written, each entry,
    @string and @preamble kept byte for byte (of a key two files hold, the first file's), kb show of each key and its
    venue and link against the labels; then
    kb export bib read by kb, pybtex, bibtexparser 2, biber and classic BibTeX against the labels, and biber's
    warnings on it."""
    import json

    from kb.sources.bibtex import BibFile

    data = json.loads(path.read_text("utf-8"))
    folder = tmp / f"files-{path.stem}"
    folder.mkdir()
    root = tmp / f"kb-{path.stem}"
    run("init", root)
    os.environ["KB_HOME"] = str(root)
    codes = []
    for f in data["files"]:
        (folder / f["name"]).write_text(f["text"], "utf-8")
        codes.append(run("import", folder / f["name"])[0])
    stored = (root / "references.bib").read_text("utf-8")
    held = BibFile(stored, "references.bib")
    cases = data["cases"]
    keys = sum(held.entry(c["key"]) is not None and held.entry(c["key"]).key == c["key"] for c in cases)
    # (of the files holding cases: one kb import refuses whole, as it must, holds none)
    texts = {f["name"]: BibFile(f["text"], f["name"]) for f in data["files"] if any(c["file"] == f["name"]
                                                                                   for c in cases)}
    # (a file of CRLF lines, as JabRef on Windows writes it: references.bib's lines end in LF)
    verbatim = [c for c in cases if c.get("kept", True)]
    kept = sum(texts[c["file"]].entry_text(c["key"]).strip().replace("\r\n", "\n") in stored for c in verbatim)
    blocks = []
    for f in data["files"]:
        found = {}      # of an @string the file defines again, its last definition
        for m in re.finditer(r"(?im)^@(?:string\s*\{\s*([^\s=]+)|preamble)[^\n]*\}[ \t]*$", f["text"]):
            found[m.group(1).lower() if m.group(1) else m.start()] = m.group(0)
        blocks += found.values()
    shown, venues = 0, []
    for c in cases:
        code, out, _ = run("show", c["key"], "--json")
        shown += code == 0
        got = json.loads(out) if code == 0 else {}
        if all(" ".join((got.get(n) or "").replace("\u2019", "'").split()) == (c["show"][n] or "")
               for n in ("venue", "url")):
            venues.append(c["key"])
    code_s, _, err_s = run("export", "bib", "-o", tmp / f"{path.stem}.bib")
    warns = biber_warnings(tmp / f"{path.stem}.bib", tmp)
    print(f"held-out imports ({path.name}): {len(data['files'])} files, {len(cases)} entries, import exits "
          f"{', '.join(map(str, codes))}")
    print(f"  keys kept as written: {keys}/{len(cases)}; entries kept byte for byte: {kept}/{len(verbatim)}; @string and "
          f"@preamble kept: {sum(b in stored for b in blocks)}/{len(blocks)}; kb show: {shown}/{len(cases)}, its venue "
          f"and link as labelled: {len(venues)}/{len(cases)}"
          + (f" (not: {', '.join(c['key'] for c in cases if c['key'] not in venues)})" if len(venues) < len(cases)
             else ""))
    print(f"  kb export bib (exit {code_s}): biber --validate-datamodel "
          f"{'not on PATH' if warns is None else f'{len(warns)} warnings'}")
    dated = [c for c in cases if "csl_issued" in c]
    if dated:
        code_c, out_c, _ = run("export", "csl-json", "-o", "-")
        items = {i["id"]: i for i in json.loads(out_c)} if code_c == 0 else {}
        wrong = [c["key"] for c in dated if items.get(c["key"], {}).get("issued") != c["csl_issued"]]
        print(f"  kb export csl-json (exit {code_c}) issued as labelled: {len(dated) - len(wrong)}/{len(dated)}"
              + (f" (not: {', '.join(wrong)})" if wrong else ""))
    read_as_labelled(tmp, path.stem, {c["key"]: c["expect"] for c in cases})


SPECIALS = DATA / "bibtex-specials-sweep52-bibtex11.bib"


#: held-out file fields (sweep 53): Better BibTeX's, JabRef's, Mendeley's and DBLP's entries, file addresses, each with
#: the files its library's folder holds, the one kb must attach and what it must say of the others
FILE_SETS = (DATA / "bibtex-files-sweep53-bibtex13.json",)


def file_fields(tmp: Path, path: Path) -> None:
    """A held-out set of file fields: the library's folder made (corpus PDFs under the names the fields write,
    HTML snapshots), the entries imported from a .bib file in it (and JabRef's fileDirectory line): keys kept
    (as entries or in ids), entries kept byte for byte, the right PDF attached to each (its SHA-256 that of the
    labelled file, none where none is), what is not attached said by its name as a person reads it; then kb show
    of each, kb export bib and --as-stored read back with every file field as written, and the import again
    changing nothing."""
    import hashlib
    import json

    from kb.ops.papers import import_bib
    from kb.ops.session import open_kb
    from kb.sources.bibtex import BibFile

    data = json.loads(path.read_text("utf-8"))
    pdfs = {name: CORPUS / "pdf" / file for name, file in data["pdfs"].items()}
    if not all(p.is_file() for p in pdfs.values()):
        print(f"held-out file fields ({path.name}): corpus PDFs absent, skipped")
        return
    lib = tmp / f"lib-{path.stem}"
    lib.mkdir()
    wanted: dict[str, str | None] = {}
    entries = []
    for case in data["cases"]:
        for name, what in case["files"].items():
            (lib / name).parent.mkdir(parents=True, exist_ok=True)
            (lib / name).write_bytes(b"<html><body>a snapshot</body></html>" if what == "html" else
                                     pdfs[what].read_bytes())
        text = case["bib"].replace("{LIB-}", str(lib).lstrip("/")).replace("{LIB}", str(lib))
        entries.append(text.strip())
        key = re.match(r"@\w+\s*\{\s*([^,\s]+)", text).group(1)
        wanted[key] = hashlib.sha256((lib / case["attach"]).read_bytes()).hexdigest() if case["attach"] else None
    bib = lib / "library.bib"
    bib.write_text("\n\n".join(entries) + "\n\n" + data["jabref"] + "\n", "utf-8")
    root = tmp / f"kb-{path.stem}"
    run("init", root)
    os.environ["KB_HOME"] = str(root)
    kb = open_kb(root)
    out = import_bib(kb, bib)
    stored = kb.layout.bib.read_text("utf-8")
    held = BibFile(stored, "references.bib")
    named = set(held.keys()) | {a.strip() for e in held.entries() for a in e.fields.get("ids", "").split(",")}
    by_key = {k: out.aliases.get(k, k) for k in wanted}
    # an entry another of the file was merged into holds its key in an ids field kb adds; the rest as written
    # (after the comma it takes after the last field)
    def bare(t: str) -> str:
        return re.sub(r",?\s*\n\}", "\n}", re.sub(r"(?m)^\s*ids = \{[^}]*\},?\n", "", t))

    without_ids = bare(stored)
    kept = sum(bare(e) in without_ids for e, k in zip(entries, wanted) if by_key[k] == k)
    shas = {}
    for key, sha in kb.db.execute("select citekey, sha256 from versions"):
        shas.setdefault(key, set()).add(sha)
    right = sum((shas.get(by_key[k], set()) == {sha}) if sha else not shas.get(by_key[k]) or
                by_key[k] != k for k, sha in wanted.items())
    said_all = [s for c in data["cases"] for s in c["said"]]
    said = sum(any(s in w for w in out.warnings) for s in said_all)
    looked = [w.split("(looked for ", 1)[1] for w in out.warnings if "(looked for " in w]
    garbled = [w for w in looked if '{"' in w or '\\"' in w or "%20" in w or "%C3" in w or "backslash" in w]
    shown = sum(run("show", k)[0] == 0 for k in wanted)
    code_s, _, _ = run("export", "bib", "-o", tmp / f"{path.stem}-shaped.bib")
    code_a, _, _ = run("export", "bib", "--as-stored", "-o", tmp / f"{path.stem}-stored.bib")
    fields = {e.key: e.fields.get("file") for e in held.entries() if e.fields.get("file")}
    same = {}
    for name in ("shaped", "stored"):
        back = BibFile((tmp / f"{path.stem}-{name}.bib").read_text("utf-8"), name)
        same[name] = sum(back.entry(k) is not None and back.entry(k).fields.get("file") == v for k, v in fields.items())
    warns = biber_warnings(tmp / f"{path.stem}-shaped.bib", tmp)
    again = import_bib(open_kb(root), bib)
    unchanged = kb.layout.bib.read_text("utf-8") == stored and not again.attached
    print(f"held-out file fields ({path.name}): {len(wanted)} entries, {len(out.attached)} PDFs attached")
    print(f"  keys kept (as entries or in ids): {len(named & set(wanted))}/{len(wanted)}; kept byte for byte: "
          f"{kept}/{sum(by_key[k] == k for k in wanted)} (the {len(out.aliases)} merged into another: in its ids); the right PDF (or none): {right}/{len(wanted)}; not attached said by name: "
          f"{said}/{len(said_all)}, looked for with LaTeX or %-escapes unread: {len(garbled)}; kb show: {shown}/{len(wanted)}")
    print(f"  kb export bib (exit {code_s}) file fields as written: {same['shaped']}/{len(fields)}; --as-stored "
          f"(exit {code_a}): {same['stored']}/{len(fields)}; biber --validate-datamodel "
          f"{'not on PATH' if warns is None else f'{len(warns)} warnings'}; imported again: "
          f"{'nothing changed' if unchanged else 'CHANGED'}")


def latex_errors(tmp: Path, bib: Path, name: str) -> list[str] | None:
    """BibTeX's plain style over every entry of `bib`, then LaTeX over the .bbl: its error lines ('! ...')."""
    if not (shutil.which("bibtex") and shutil.which("pdflatex")):
        return None
    work = tmp / f"latex-{name}"
    work.mkdir()
    (work / "refs.bib").write_text(bib.read_text("utf-8"), "utf-8")
    (work / "t.tex").write_text("\\documentclass{article}\\usepackage{url}\\begin{document}\\nocite{*}"
                                "\\bibliographystyle{plain}\\bibliography{refs}\\end{document}\n")
    latex = ["pdflatex", "-interaction=nonstopmode", "t"]
    subprocess.run(latex, cwd=work, capture_output=True, timeout=300)
    subprocess.run(["bibtex", "t"], cwd=work, capture_output=True, timeout=300)
    r = subprocess.run(latex, cwd=work, capture_output=True, text=True, errors="replace", timeout=300)
    return [line for line in r.stdout.splitlines() if line.startswith("!")]


def specials(tmp: Path) -> None:
    """Sweep 52's values holding what LaTeX reads as markup (bibtex-specials-sweep52-bibtex11.bib: keys 'bare-'
    hold a bare '&', '%', '#', lone '$', '_' or '^' outside math, keys 'clean-' none): said by kb export bib
    --as-stored and kb doctor, escaped by kb export bib (the clean ones byte for byte), kb's reading of each
    title the same, and LaTeX's errors typesetting BibTeX's plain .bbl of each export."""
    from kb.sources.bibtex import BibFile
    from kb.text.latex import latex_to_text

    root = tmp / "kb-specials"
    run("init", root)
    os.environ["KB_HOME"] = str(root)
    code, _, err = run("import", SPECIALS)
    source = BibFile(SPECIALS.read_text("utf-8"), str(SPECIALS))
    keys = [e.key for e in source.entries()]
    bare = {k for k in keys if k.startswith("bare-")}
    _, _, stored_err = run("export", "bib", "--as-stored", "-o", tmp / "specials-stored.bib")
    _, _, shaped_err = run("export", "bib", "-o", tmp / "specials-shaped.bib")
    _, doctor_out, doctor_err = run("doctor")
    said = {line.split(":")[1].strip() for line in stored_err.splitlines() if "kept as stored" in line}
    flagged = {m.group(1) for m in re.finditer(r"entry (\S+), field \S+ holds", doctor_out + doctor_err)}
    shaped = BibFile((tmp / "specials-shaped.bib").read_text("utf-8"), "shaped.bib")
    changed = {k for k in keys if shaped.entry_text(k) != source.entry_text(k)}
    same_title = sum(latex_to_text(shaped.entry(k).fields.get("title", "")) ==
                     latex_to_text(source.entry(k).fields.get("title", "")) for k in keys if "$" not in
                     source.entry(k).fields.get("title", "").replace("$O(n^2)$", ""))
    titled = sum("$" not in source.entry(k).fields.get("title", "").replace("$O(n^2)$", "") for k in keys)
    print(f"held-out specials ({SPECIALS.name}): {len(keys)} entries, {len(bare)} holding a bare special; "
          f"import exit {code}")
    print(f"  said by --as-stored: {len(said & bare)}/{len(bare)} (of clean ones: {len(said - bare)}); by kb doctor: "
          f"{len(flagged & bare)}/{len(bare)} (of clean ones: {len(flagged - bare)})")
    print(f"  kb export bib escaped: {len(changed & bare)}/{len(bare)}; clean ones byte for byte: "
          f"{len(set(keys) - bare - changed)}/{len(set(keys) - bare)}; titles kb reads the same: {same_title}/{titled}")
    for name in ("stored", "shaped"):
        errors = latex_errors(tmp, tmp / f"specials-{name}.bib", name)
        what = "bibtex or pdflatex not on PATH" if errors is None else f"{len(errors)} LaTeX errors"
        print(f"  BibTeX's plain .bbl of kb export bib{' --as-stored' if name == 'stored' else ''}, typeset: {what}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=2000)
    args = ap.parse_args()
    files = sorted((CORPUS / "bibtex").glob("*.bib"))
    if not files:
        sys.exit(f"no corpus at {CORPUS}")
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        kb_root = tmp / "kb"
        run("init", kb_root)
        os.environ["KB_HOME"] = str(kb_root)
        wanted, byte_for_byte = {}, 0
        for f in files:
            text = f.read_text("utf-8")
            wanted.update(pybtex_read(text))
            code, _, err = run("import", f)
            if code:
                print(f"  import failed: {f.name}: {err.strip()}")
        bib = (kb_root / "references.bib").read_text("utf-8")
        for f in files:
            byte_for_byte += f.read_text("utf-8").strip() in bib
        got = pybtex_read(bib)
        run("export", "bib", "--as-stored", "-o", tmp / "export.bib")
        exported = (tmp / "export.bib").read_text("utf-8")
        got_export = pybtex_read(exported)
        print(f"corpus files: {len(files)}, entries: {len(wanted)}")
        print(f"  kept byte for byte in references.bib: {byte_for_byte}/{len(files)}")
        print(f"  keys kept: {len(set(got) & set(wanted))}/{len(wanted)}")
        print(f"  same fields (pybtex), references.bib: {sum(got.get(k) == v for k, v in wanted.items())}"
              f"/{len(wanted)}; kb export bib --as-stored: "
              f"{sum(got_export.get(k) == v for k, v in wanted.items())}/{len(wanted)}")
        import bibtexparser

        lib = bibtexparser.parse_string(exported)
        print(f"  bibtexparser 2: {len(lib.entries)} entries, {len(lib.failed_blocks)} failed blocks")
        if shutil.which("bibtex"):
            (tmp / "refs.bib").write_text(exported)
            (tmp / "t.aux").write_text("\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n")
            r = subprocess.run(["bibtex", "t"], cwd=tmp, capture_output=True, text=True, timeout=120)
            items = (tmp / "t.bbl").read_text(errors="replace").count("\\bibitem")
            print(f"  classic BibTeX: {items} items, {r.stdout.count('Warning--')} warnings, "
                  f"{'no' if 'error message' not in r.stdout else 'some'} errors")
        code, out, _ = run("doctor")
        print(f"  kb doctor: exit {code}, {out.strip().splitlines()[-1] if out.strip() else ''}")
        shaped_vs_tools(tmp, files)
        for held, said_of, refused_by in HELDOUT_SETS:
            heldout(tmp, held, said_of, refused_by)
        for path in RECORD_SETS:
            records(tmp, path)
        for path in FILE_SETS:
            file_fields(tmp, path)
        for path in IMPORT_SETS:
            imports(tmp, path)
        specials(tmp)

        # Speed: N entries built from the corpus ones.
        texts = [f.read_text("utf-8").strip() for f in files]
        parts = []
        for i in range(args.entries):
            t = texts[i % len(texts)]
            t = re.sub(r"^(@\w+\s*\{)([^,]+),", lambda m: f"{m.group(1)}bench{i}," , t, count=1)
            t = re.sub(r"(?i)(\btitle\s*=\s*[{\"])", lambda m: f"{m.group(1)}Copy {i} of ", t, count=1)
            t = re.sub(r"(?im)^\s*doi\s*=.*\n", "", t)
            parts.append(t)
        big = "\n\n".join(parts) + "\n"
        from kb.sources.bibtex import BibFile, cross_check

        t0 = time.perf_counter()
        bf = BibFile(big, "big.bib")
        t1 = time.perf_counter()
        cross_check(bf)
        t2 = time.perf_counter()
        kb2 = tmp / "kb2"
        run("init", kb2)
        os.environ["KB_HOME"] = str(kb2)
        (tmp / "big.bib").write_text(big)
        t3 = time.perf_counter()
        code, out, err = run("import", tmp / "big.bib")
        t4 = time.perf_counter()
        last = out.strip().splitlines()[-1] if out.strip() else ""
        print(f"{args.entries} entries, {len(big) / 1e6:.1f} MB: kb's reader {t1 - t0:.2f} s, "
              f"pybtex cross-check {t2 - t1:.2f} s, kb import {t4 - t3:.2f} s (exit {code}: {last})")
        t5 = time.perf_counter()
        run("export", "bib", "-o", tmp / "big-shaped.bib")
        t6 = time.perf_counter()
        run("export", "bib", "--as-stored", "-o", tmp / "big-stored.bib")
        t7 = time.perf_counter()
        warns = biber_warnings(tmp / "big-shaped.bib", tmp)
        print(f"  kb export bib of them: {t6 - t5:.2f} s shaped for biber ({'biber not on PATH' if warns is None else f'{len(warns)} biber warnings'}), "
              f"{t7 - t6:.2f} s --as-stored")
    print(f"load average {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    main()
