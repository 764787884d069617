"""How well a note's references resolve, in every citation style, and how fast.

Run: python benchmarks/notes.py [--verbose]

Yardstick: the 86 references GROBID parsed out of the two ACL papers of the
shared corpus (grobid-s2orc/*.tei.xml). Each becomes a paper of a made-up
knowledge base (GROBID's title, first author's surname, year, DOI/arXiv id
where GROBID found one). Then each reference is written the ways people write
references in notes, and resolved with kb.text.refs.parse_reference and
PaperIndex.explain(loose=True), exactly as `kb verify --note` does:

* raw      the paper's own reference string, as GROBID cut it ("[n] ...")
* ieee     `- [n] A. Author, B. Other, "Title," in Venue, 2019.`
* abnt     `AUTHOR, A.; OTHER, B. Title. Venue, 2019.`
* chicago  `Author, A., and B. Other. 2019. "[Title](https://example.org/x)." *Venue*.`
* footnote `[^n]: Author, A. (2019). *Title*. Venue.`
* noid     the raw string with every DOI/arXiv id/URL removed
* authoryr `Author et al. 2019.` only (resolves only where author+year is unique)

A reference "resolves" when it links to its own paper; "wrong" when it links to
another one (the figure that must stay 0). It also times parse_note and
verify-style resolution of a generated note with thousands of references.
Then the held-out whole notes of benchmarks/data/notes-heldout-round11.json (74
short notes in Chicago's notes, MLA, Vancouver, Nature, LaTeX, pandoc, Org,
tables and HTML) and notes-heldout-round12.json (30: list items, quotes in
footnotes' text, secondary citations, translations, insertions and elisions,
headings, several quotes in a sentence) and notes-heldout-round13.json (20: pandoc's
Markdown of Word documents, Obsidian and Logseq, Quarto and R Markdown, LaTeX's csquotes) and notes-heldout-round14.json
(20: IEEE, Vancouver and Nature numbers with the list at the end, two styles in one note, blog links to arxiv.org and
doi.org, HTML exports, quotes in tables) and notes-heldout-round15.json (20: other languages' quote marks, a quote
split by an ellipsis, a quote cited twice at two pages, arXiv and DOI links beside author-year, Org-mode) and
notes-heldout-round16.json (20: AsciiDoc and reStructuredText quote blocks with attributions, LaTeX quote environments,
\\textcite and \\parencite, HTML blockquotes with a footer or a figure's caption, one sentence quoted twice from two versions,
Vancouver lists cutting "et al." otherwise than the bib) and notes-heldout-round17.json (25: Chicago's notes with
"Ibid.", short forms and "op. cit.", MLA, APA 7, IEEE, Nature, Harvard, Vancouver, author-title footnotes, wiki-style
[[@key]], pandoc, Markdown reference links; two works of one author and year, 2023a/2023b) and notes-heldout-round18.json
(15: a title in italics with its work's year, one off or further off, "op. cit." with and without a name, names before an
arXiv or DOI address in square brackets without its scheme, Org quote blocks in Logseq list items cited by the item's next
paragraph) and notes-heldout-round19.json (11: names and a year, no title, naming a co-author the one paper of
that first author and year has or has not, in author-date, narrative, APA, footnotes and a numbered list) and
notes-heldout-round20-sweep51-notes19.json (32: Chicago notes-bibliography, Vancouver and Nature superscripts, IEEE
ranges, APA narrative, Harvard pages, MLA, natbib, Org cite:, reStructuredText [#]_, names after a quote's inner full
stop, links to DOI or arXiv pages no paper here has, a title and a first author naming two works), ... and
notes-heldout-round23-sweep52-notes22.json (24: markers of one kind side by side, '[1][2]', '[@a] [@b]' with each one's
page, '<sup>1</sup><sup>2</sup>', '^[1][2]', '[^a][^b]', names and a year twice, read as works cited together; names
and a year after a quote tied to it by a verb of saying, or that the sentence goes on to after 'but') and
notes-heldout-round24-sweep53-notes23.json (40: markers of one kind joined by a word, '[2] and [3]', '[1] or [2]', '[@a] and
[@b]', anchor links joined by 'and', raised note numbers of Unicode, pandoc, HTML and LaTeX's '\\textsuperscript{2}' beside
powers of a number or a unit, IEEE ranges leaving the quote's work in or out, AsciiDoc '[quote, ...]' blocks and
reStructuredText epigraphs) and notes-heldout-round25-sweep53-notes24.json (40: works a citation sets beside the
quote's by 'see also', 'cf.', 'compare', 'but see', 'vgl.' after it, in names and a year, pandoc, Org, numbers and
footnotes, the quote in the work cited, in the one set beside only, in neither; markers joined by 'and' whose last is the
next clause's subject after 'by contrast', 'however') and notes-heldout-round26-sweep54-notes25.json (42: the styles
earlier rounds use least, Chicago notes-bibliography with 'Ibid.' and short forms, Vancouver '(4)', AMA '<sup>2(p4)</sup>',
IEEE ranges '[2]–[4]', Nature superscripts beside '10²³ FLOPs' and 'm²', APA 7 'et al.' and '&', Harvard 'p.' and 'pp.',
MLA '(Strubell et al. 5)', LaTeX '\\cite[p.~4]{key}' in Markdown, Org and AsciiDoc links; works named together before a
quote, '[2] and [3] write that', 'Both Doe (2022) and Roe (2024) note that'; '(A; also B)') and notes-heldout-round27-sweep55-notes26.json (32: who says what otherwise than by one citation,
'Neither X nor Y says that', 'Like X, Y writes', a work named as a contrast ('Contrary to X, Y reports', 'X's claim that
"..." is wrong, as Y shows', 'The claim in [3] that "..." is disputed by [2]', 'Unlike X, who write that'), a pronoun
for the previous sentence's work ('They write that'), a quote of two sentences with two citations) and
notes-heldout-round28-sweep56-notes27.json (30: works said alike otherwise than by 'Like', 'Just like X, Y reports', 'As
with @x, @y finds', 'Similar to [3], [4] shows', 'X, and later Y, write'; a work named by its title alone; a quote in a
footnote or a pandoc inline note with its citation there; quotes in a table's cells) and
notes-heldout-round29-sweep56-notes28.json (28: Chicago and Turabian footnotes that open with the quote, then cite its
work; pandoc inline notes naming two works that quote one; works named by their title alone; a title only sharing
words with a paper's, which must stay unchecked) and notes-heldout-round30-sweep56-notes29.json (21: quotes whose work
the sentence names by its title alone, in italics, quote marks or title case, each with a changed twin; words naming no
one work here: words many titles share, a title inside a longer name, a work set beside, a title of no paper here, a
short title two works of the note's list have) and notes-heldout-round31-sweep57-notes30.json (26: IEEE '[2-4]', Vancouver
'[2, 5]', Nature '¹˒³' and '¹⁻³', APA '&', Bluebook '*Id.* at 3', 'op. cit.' with a name, ACM and MLA lists, LaTeX
'\\cite{a,b}', '\\citep[p.~3]{k}', '\\citet{k}', a title in italics after the quote: '"...," as *Power Hungry Processing*
shows') and notes-heldout-round32-sweep57-notes30.json (24: block quotes cited on the next line, a quote of a quote, a
quote split by its citation, Org 'cite:key', AsciiDoc '<<key>>', 2023a/2023b, 'Ibid.' chains, HTML '<sup>2,4</sup>', a
title after the quote in quote marks or title case) and notes-heldout-round33-sweep57-notes31.json (32: prose quoting a
work under a heading a list may have, '# Sources', '## Literature', '**Sources:**', '## Works cited' before its list, a
quote in a table cell, a details block, a list item, a heading, a far footnote, secondary citations 'cited in', 'qtd.
in', 'as quoted by', 'quoting') and notes-heldout-round34-sweep57-notes33.json (22: secondary citations in MLA '(Doe
et al. 8, quoting Roe et al.)', '(Roe 2019, qtd. in Doe et al. 8)', Chicago, APA, numbered '[3] (quoted in [5])' and
pandoc '[@roe] (qtd. in [@doe, p. 8])', each quote checked in the work read) and
notes-heldout-round35-sweep58-notes35.json (11: footnotes naming the work read and the one it quotes, 'Doe 2019, quoted
in Roe 2021, p. 8', 'Roe 2021, 8, citing Doe 2019', Chicago's 'Ibid.' and short forms, IEEE '[5–7]' and '[1, 3]' in
blockquotes and lists, 'et al.' with 2023a/2023b, a plain-text quotation set off after a lead-in ending in a colon, an Org
quote block under an Org heading with '-- [7, p. 2]' after it; changed words, numbers, works and pages) and
notes-heldout-round36-sweep58-notes36.json (11: citations that are commands and keys, pandoc '[@key, p. 4]', '@key [p.
4]', '[-@key]', '[see @a, pp. 7-8; @b, ch. 2]', biblatex '\\textcite[4]{k}', '\\parencite[see][p.~9]{k}',
'\\autocite', '\\footcite', natbib '\\citet[p.~4]{k}', '\\citep[][3]{a,b}', '\\cite[Sec.~4]{k}', keys an alias, in
another case, of no paper here, DOIs and arXiv ids as keys, figure, table and equation locators, csquotes
'\\blockquote[\\cite{k}]{...}') and notes-heldout-round36-sweep59-notes37.json (30: each note with its own
references.bib of real exports' shapes, ACL Anthology, DBLP, ACM, Crossref and Better BibTeX keys, the five papers' text
under them; Chicago's 'Ibid., p. 2', '*Ibid.*, 8', 'op. cit.' naming co-authors, short-title repeats, endnotes numbered
'1.' or '[1]', 'Ibid.' in a list of references, keys in another case, compound names 'Hernandez Garcia', 'Van Gysel, de
Rijke', 'Le Scao', 'Tachet des Combes') and notes-heldout-round37-sweep59-notes38.json (36, each with its own
references.bib: right citations beside near-miss wrong ones that must name no work, a co-author the work has not or has
at another place, '(Van Gysel, de Vries, and Kanoulas 3)', 'Patterson and Dean (2021)', '(Patterson, Le and Gonzalez
2021: 2)', a year off by one, 2023a/2023b, 'et al.' of two authors, a first author of two works of one year, a number a
list lacks where references.bib has that many entries, a short title's word several works share, 'See ibid., 2.'), verified
as `kb verify --note` does
against the five papers' pypdf text (wattbot/pypdf-text): right, wrong (must
stay 0) and lost quotes, each round on its own line.
Reports, never fails.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kb.text.notes import parse_note  # noqa: E402
from kb.text.refs import PaperIndex, PaperInfo, parse_reference  # noqa: E402

CORPUS = Path(os.environ.get("KB_TEST_CORPUS", ROOT.parent / "shared" / "corpus"))
TEI = "{http://www.tei-c.org/ns/1.0}"
FILES = ["2020.acl-main.207.grobid.tei.xml", "N18-3011.grobid.tei.xml"]


def grobid_refs() -> list[dict]:
    out = []
    for name in FILES:
        root = ET.parse(CORPUS / "grobid-s2orc" / name).getroot()
        for n, bib in enumerate(root.iter(f"{TEI}biblStruct")):
            if bib.get("{http://www.w3.org/XML/1998/namespace}id") is None:
                continue                              # the paper's own header
            title = bib.find(f".//{TEI}analytic/{TEI}title")
            if title is None:
                title = bib.find(f".//{TEI}monogr/{TEI}title")
            title = " ".join("".join(title.itertext()).split()) if title is not None else ""
            names = []
            for pers in bib.findall(f".//{TEI}analytic/{TEI}author/{TEI}persName") or \
                    bib.findall(f".//{TEI}monogr/{TEI}author/{TEI}persName"):
                fore = " ".join("".join(f.itertext()) for f in pers.findall(f"{TEI}forename"))
                sur = "".join("".join(s.itertext()) for s in pers.findall(f"{TEI}surname"))
                if sur:
                    names.append((fore, sur))
            date = bib.find(f".//{TEI}date[@type='published']")
            year = int(date.get("when")[:4]) if date is not None and (date.get("when") or "")[:4].isdigit() else None
            raw = bib.find(f"{TEI}note[@type='raw_reference']")
            raw = " ".join("".join(raw.itertext()).split()) if raw is not None else ""
            doi = bib.find(f".//{TEI}idno[@type='DOI']")
            arxiv = bib.find(f".//{TEI}idno[@type='arXiv']")
            venue = bib.find(f".//{TEI}monogr/{TEI}title")
            if not (title and names and year and raw):
                continue
            out.append({"key": f"{name[:8]}-{n}", "title": title, "names": names, "year": year, "raw": raw,
                        "venue": " ".join("".join(venue.itertext()).split()) if venue is not None else "",
                        "doi": doi.text.lower() if doi is not None and doi.text else None,
                        "arxiv": re.sub(r"^arxiv:", "", arxiv.text, flags=re.I) if arxiv is not None and arxiv.text
                        else None})
    return out


def initials(fore: str) -> str:
    return " ".join(w[0] + "." for w in fore.split() if w)


def styles(r: dict, n: int) -> dict[str, str]:
    names, t, y, v = r["names"], r["title"], r["year"], r["venue"] or "Proceedings"
    ieee_names = ", ".join(f"{initials(f)} {s}" for f, s in names[:3]) + (" et al." if len(names) > 3 else "")
    abnt = "; ".join(f"{s.upper()}, {initials(f)}" for f, s in names[:3]) + (" et al." if len(names) > 3 else "")
    first_f, first_s = names[0]
    chicago = f"{first_s}, {first_f}" + (f", and {names[1][0]} {names[1][1]}" if len(names) > 1 else "")
    noid = re.sub(r"\b(?:doi:|arxiv:?)\s*\S+|https?://\S+|\b10\.\d{4,9}/\S+|\b\d{4}\.\d{4,5}(v\d+)?", "",
                  r["raw"], flags=re.I)
    return {
        "raw": f"[{n}] {r['raw']}",
        "ieee": f'- [{n}] {ieee_names}, "{t}," in {v}, {y}.',
        "abnt": f"{abnt} {t}. {v}, {y}.",
        "chicago": f'{chicago}. {y}. "[{t}](https://example.org/{n})." *{v}*.',
        "footnote": f"[^{n}]: {first_s}, {initials(first_f)} (et al.) ({y}). *{t}*. {v}.",
        "noid": f"[{n}] {noid}",
        "authoryr": f"{first_s} et al. {y}.",
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if not (CORPUS / "grobid-s2orc").exists():
        print(f"corpus not found: {CORPUS} (set KB_TEST_CORPUS)")
        return
    from kb.text.titles import normalise_title

    every = grobid_refs()
    seen: set[str] = set()
    refs = []
    for r in every:            # a work both papers cite (or one cites twice) is one paper of a knowledge base
        if normalise_title(r["title"]) not in seen:
            seen.add(normalise_title(r["title"]))
            refs.append(r)
    print(f"{len(every) - len(refs)} duplicate works left out")
    papers = [PaperInfo(r["key"], r["arxiv"], r["doi"], r["title"], r["year"], r["names"][0][1]) for r in refs]
    index = PaperIndex(papers)
    print(f"{len(refs)} references (GROBID, two ACL papers) as the papers of a knowledge base")
    tally: dict[str, dict[str, int]] = {}
    misses: list[str] = []
    started = time.perf_counter()
    count = 0
    for n, r in enumerate(refs, 1):
        for style, text in styles(r, n).items():
            marked = parse_reference(text)
            ex = index.explain(marked.entry, titles=marked.titles, loose=True)
            count += 1
            got = ex.resolution.citekey if ex.resolution else None
            t = tally.setdefault(style, {"resolved": 0, "wrong": 0, "none": 0})
            if got == r["key"]:
                t["resolved"] += 1
            elif got is None:
                t["none"] += 1
                if style != "authoryr":
                    misses.append(f"  {style}: {text[:140]}\n    -> {ex.reason}")
            else:
                t["wrong"] += 1
                misses.append(f"  WRONG {style}: {text[:140]}\n    -> {got}")
    took = time.perf_counter() - started
    for style, t in tally.items():
        total = sum(t.values())
        print(f"  {style:9} resolved {t['resolved']:3}/{total}  wrong {t['wrong']}  unresolved {t['none']}")
    print(f"  {count} resolutions in {took:.2f} s ({1000 * took / count:.2f} ms each)")
    if args.verbose and misses:
        print("misses:")
        print("\n".join(misses))

    # a generated note: N quotes citing N numbered references
    for n in (1_000, 5_000):
        lines = [f"> Quoted words number {i}. [{i}]\n" for i in range(1, n + 1)]
        lines.append("\n## References\n\n")
        lines += [f"[{i}] {refs[i % len(refs)]['raw']}\n" for i in range(1, n + 1)]
        text = "\n".join(lines)
        t0 = time.perf_counter()
        note = parse_note(text)
        t1 = time.perf_counter()
        linked = 0
        for q in note.quotes:
            ref = note.reference_for(q)
            if ref is not None and index.explain(ref.entry, titles=ref.titles, loose=True).resolution:
                linked += 1
        t2 = time.perf_counter()
        print(f"note with {n} quotes and references ({len(text) / 1e6:.1f} MB): parse {t1 - t0:.2f} s, "
              f"resolve {t2 - t1:.2f} s; {linked}/{len(note.quotes)} linked")
    heldout_notes(args.verbose)


_PAPERS = {       # the five papers of the shared note, as a knowledge base holds them
    "strubell2019": ("Energy and Policy Considerations for Deep Learning in NLP",
                     "Strubell, Emma and Ganesh, Ananya and McCallum, Andrew", 2019,
                     "doi = {10.18653/v1/P19-1355},\n  ids = {strubell-etal-2019-energy}"),    # its key before a rename
    "patterson2021": ("Carbon Emissions and Large Neural Network Training",
                      "Patterson, David and Gonzalez, Joseph and Le, Quoc", 2021, "eprint = {2104.10350}"),
    "dodge2022": ("Measuring the Carbon Intensity of AI in Cloud Instances",
                  "Dodge, Jesse and Prewitt, Taylor and Strubell, Emma", 2022, "eprint = {2206.05229}"),
    "luccioni2023": ("Counting Carbon: A Survey of Factors Influencing the Emissions of Machine Learning",
                     "Luccioni, Alexandra Sasha and Hernandez-Garcia, Alex", 2023, "eprint = {2302.08476}"),
    "luccioni2024": ("Power Hungry Processing: Watts Driving the Cost of AI Deployment?",
                     "Luccioni, Alexandra Sasha and Jernite, Yacine and Strubell, Emma", 2024, "eprint = {2311.16863}"),
}


def _wattbot_pages(name: str) -> list[str]:
    import json

    data = json.loads((CORPUS / "wattbot" / "pypdf-text" / f"{name}.json").read_text("utf-8"))
    return ["\n".join(p["text"] for p in section["paragraphs"]
                      if (p.get("metadata") or {}).get("attachment_type") != "image") for section in data["sections"]]


def heldout_notes(verbose: bool) -> None:
    """The held-out whole notes (benchmarks/data/notes-heldout-round11.json to -round38-*.json), each checked by `kb
    verify --note`'s verify_note in a knowledge base of the five papers' pypdf text: a quote is right where its verdict
    names the expected work (and page, and status), wrong where it names another work, or any work where none is
    expected (the figure that must stay 0), lost otherwise (not checked, or said unfound, where the expected work
    holds it)."""
    if not (CORPUS / "wattbot" / "pypdf-text").exists():
        return
    for round_ in (11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36,
                   37, 38):
        _heldout_round(round_, verbose)


def _heldout_round(round_: int, verbose: bool) -> None:
    # (a round's file named by the sweep that labelled it too: notes-heldout-round20-sweep51-notes19.json; a round
    # two sweeps labelled has two files, each reported on its own line)
    for path in sorted((ROOT / "benchmarks" / "data").glob(f"notes-heldout-round{round_}[.-]*json")):
        _heldout_file(path, round_, verbose)


def _sweep(path: Path) -> str:
    m = re.search(r"-(sweep\d+)", path.name)
    return f", {m.group(1)}" if m else ""


def _heldout_file(path: Path, round_: int, verbose: bool) -> None:
    import json
    import tempfile

    from kb.ops.papers import load_text
    from kb.ops.quotes import verify_note
    from kb.ops.session import open_kb
    from kb.store.knowledgebase import init

    notes = json.loads(path.read_text("utf-8"))["notes"]
    tally = {"right": 0, "wrong": 0, "lost": 0}
    misses: list[str] = []
    shared_bib = "".join(f"@article{{{k},\n  title = {{{t}}},\n  author = {{{a}}},\n  year = {{{y}}},\n  {x}\n}}\n"
                         for k, (t, a, y, x) in _PAPERS.items())
    took = 0.0
    with tempfile.TemporaryDirectory() as d:
        kbs: dict[tuple, object] = {}

        def kb_of(bib: str, texts: dict[str, str]):
            # a note with its own references.bib (and which of its keys hold which of the five papers' text) is
            # verified in a knowledge base of its own; the others in one of the five papers under their plain keys
            made = (bib, tuple(sorted(texts.items())))      # (one bib, other keys holding text: another one)
            if made not in kbs:
                root = Path(d) / f"kb{len(kbs)}"
                init(root)
                (root / "references.bib").write_text(bib, "utf-8")
                kb = kbs[made] = open_kb(root)
                for k, name in texts.items():
                    pages = root / f"{name}.json"
                    pages.write_text(json.dumps(_wattbot_pages(name)))
                    load_text(kb, k, pages, extractor="test")
            return kbs[made]

        try:
            for i, n in enumerate(notes):
                kb = kb_of(n["bib"], n["texts"]) if "bib" in n else kb_of(shared_bib, {k: k for k in _PAPERS})
                note = Path(d) / f"note{i}.md"
                note.write_text(n["note"])
                started = time.perf_counter()
                verdicts, _ = verify_note(kb, note)
                took += time.perf_counter() - started
                for j, want in enumerate(n["expect"]):
                    v = verdicts[j] if j < len(verdicts) else None
                    got = (v.citekey, v.page, v.status) if v else (None, None, "absent")
                    if want is None:
                        # (resolved to any work, whatever its verdict, is wrong: the citation names none here)
                        right, wrong = v is not None and v.citekey is None, v is not None and v.citekey is not None
                    else:
                        right = got[0] == want[0] and got[2] == (want[2] if len(want) > 2 else "ok") \
                            and (want[1] is None or got[1] == want[1])
                        wrong = got[0] is not None and got[0] != want[0]
                    tally["right" if right else "wrong" if wrong else "lost"] += 1
                    if not right:
                        misses.append(f"  {'WRONG' if wrong else 'lost'} {n['style']}: expected {want}, got {got}"
                                      + (f"\n    -> {v.message.splitlines()[0][:140]}" if v else ""))
        finally:
            for kb in kbs.values():
                kb.close()
    total = sum(tally.values())
    print(f"held-out notes (round {round_}{_sweep(path)}): {len(notes)} notes, {total} quotes: right {tally['right']}/{total}  "
          f"wrong {tally['wrong']}  lost {tally['lost']}  ({took:.2f} s)")
    if verbose and misses:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
