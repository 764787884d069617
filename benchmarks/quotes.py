"""How right and how fast quote verification is, on real text.

    python benchmarks/quotes.py [--repeat N]            # accuracy, then speed
    python benchmarks/quotes.py --accuracy [--per-doc N] [--seed S] [--show K]
    python benchmarks/quotes.py --labelled [--show K]

Labelled (benchmarks/data/quotes-labels.json, and the held-out sentences of
quotes-labels-heldout.json and quotes-labels-round7.json to round43*.json, read the same way): real
sentences of the 13 corpus
PDFs (or, where a case names a "text" for its "pdf", of the five papers' pypdf
text) chosen where extraction is hard (a page, column or footnote break, a
figure at a page's top, footnote markers, ligatures, Greek letters, minus signs,
an old TeX font's quote marks), copied as a writer copies them (curly quotes,
dropped markers, an ellipsis, "[T]he"), each with the page it starts on: each
must verify on that page in pypdf's and PDFium's text. Each has wrong twins (a
digit changed, a negation dropped or hidden by an ellipsis, a word swapped) that
must be refused. A case naming the "extractors" whose text holds it (round 19: sentences one
extractor renders wrong, the other right) must verify in those and be refused in the others'
text (counted with the wrong twins), and a "both" column reads each PDF as a knowledge base
made with --extractor both does: found in either text, each twin refused in both.
Prints the counts per extractor and the failures.

Accuracy: for the 13 real PDFs of ../shared/corpus/pdf (extracted with kb's
own extractor) and the five papers' pypdf text (wattbot/pypdf-text), randomly
drawn real sentences, as a writer copies them (whitespace collapsed, line-break
hyphenation joined, running headers and page numbers between two pages left
out), must verify on the page they start on; some cross a page break. Then
variants that change the meaning must be refused: one digit changed, one word
replaced by another word of the same paper, "not" dropped, a space typed inside
a number where it is not a thousands separator ("1320" -> "13 20"); a variant
that the paper itself prints elsewhere (a reference's "(2022)" for "(2021)") is
left out. A sentence that a footnote, a caption or a table with its caption
interrupts (the extractor printed it inside the sentence, at a column or page
break) is drawn without it, as a reader of the PDF copies it. Prints the counts
per source and in total, and the failures (--show).

Then the sentences GROBID read from two of the PDFs (grobid-s2orc/), an
independent reader, looked for in both extractors' text.

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
from kb.text.normalise import Document, normalise  # noqa: E402

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


# -- accuracy ---------------------------------------------------------------------------

EXTRACTOR: str | None = None    # kb's default, or --extractor


def corpus_sources() -> list[tuple[str, list[str]]]:
    """(name, pages) of the 13 PDFs (kb's extractor) and the five papers' pypdf text."""
    import os

    from kb.errors import KBError
    from kb.sources.pdf import extract

    corpus = Path(os.environ.get("KB_TEST_CORPUS", ROOT.parent / "shared" / "corpus"))
    out: list[tuple[str, list[str]]] = []
    for pdf in sorted((corpus / "pdf").glob("*.pdf")):
        data = pdf.read_bytes()
        try:
            pages = extract(data, extractor=EXTRACTOR).pages
        except TypeError:       # a kb with one extractor (pypdf)
            pages = extract(data).pages
        except KBError as exc:  # one extractor cannot read it: the other, as kb add does
            print(f"{pdf.stem}: {exc}; read with pypdf")
            pages = extract(data, extractor="pypdf").pages
        out.append((pdf.stem, pages))
    for name in ("strubell2019", "patterson2021", "dodge2022", "luccioni2023", "luccioni2024"):
        if (corpus / "wattbot" / "pypdf-text" / f"{name}.json").exists():
            out.append((f"{name} (pypdf text)", load_pages(name)))
    return out


# A sentence; also a footnote's, whose number the extractor glued to it ("1Due to ...").
_SENTENCE = re.compile(r"(?:(?<![\w.,\-])|(?<=\n\d)|(?<=\n\d\d))[A-Z][a-z][^.!?]{40,400}?[.!?](?=\s|$)", re.S)


_ASIDE = re.compile(r"(?m)^[ \t]*(?:\d{1,2}[ \t]?(?=[A-Z][a-z]+\b|[A-Z]{2,}|https?:|www\.)|[*∗†‡§¶][ \t]?(?=[A-Z])"
                    r"|(?:Figure|Fig\.|Table)[ \t]*\d{1,2}[ \t]*[:.|])")


_CAPTION = re.compile(r"^[ \t]*(?:Figure|Fig\.|Table)[ \t]*\d{1,2}[ \t]*[:.|]")
# A numbered section's heading and the paragraph it opens.
_HEADING = re.compile(r"[ \t]*\d{1,2}(?:\.\d{1,2}){0,3}\.?[ \t]+[A-Z][\w’'-]*(?:[ \t]+[\w’'&-]+){0,7}[ \t]*")
_PARAGRAPH = re.compile(r"[ \t]*[A-Z][a-z]+(?:[ \t]+[a-z]+){3}")


def cells(line: str) -> bool:
    """A line a reader sees as part of a table or a figure (cells, axis labels, column
    heads), not prose: fewer than two lower-case words, more numbers than words, or
    words repeated and none of those every sentence uses ("input output output"); a
    line ending with punctuation or a hyphen is prose."""
    t = line.strip().replace("\x02", "")
    if not t or t[-1] in ".,;:!?-":
        return False
    words = re.findall(r"(?<![\w-])[a-z]{2,}(?![\w-])", t)
    numbers = len(re.findall(r"(?<![\w.])[-−<]?\d*\.?\d+%?(?![\w])", t))
    return len(words) < 2 or numbers > len(words) or not PROSE.intersection(words) and len(set(words)) < len(words)


# Words no line of running prose goes without for long (column heads and labels do).
PROSE = set("the of and to in a an is are was were for with that this by on as we our it from at or which "
            "than can has have not be".split())


def _long_label_row(line: str) -> bool:
    """A table's row whose label runs to several words before its last cell, a number ("Avg. of 15 models with
    LM 55.2"): read as a cell below the table's other rows."""
    t = line.strip()
    return bool(t) and t[-1] not in ".,;:!?-" and re.search(r"(?:^|\s)[-−<]?\d*\.?\d+%?$", t) is not None


def aside_at(lines: list[str], i: int, chained: bool = False) -> int | None:
    """If an aside starts at line ``i`` (a footnote, a caption, or a table's or figure's
    lines followed by its caption), the index of the line after it: the aside runs to a
    line ending a sentence or a URL, or its page's end (\x02), plus the table's lines
    printed after its caption, and any aside right after it (``chained``: a caption
    that no table's lines precede is then read as the sentence going on, "in Table 4.");
    None otherwise or when nothing follows it."""
    k = i
    while k < len(lines) and k - i < 60 and (cells(lines[k]) or k > i and _long_label_row(lines[k])) \
            and not _ASIDE.match(lines[k]):
        k += 1
    if k >= len(lines) or not (_ASIDE.match(lines[k]) if k == i else _CAPTION.match(lines[k])):
        return None
    if k == i and _HEADING.fullmatch(lines[k]) and k + 1 < len(lines) and _PARAGRAPH.match(lines[k + 1]):
        return None     # "1 Introduction" and its paragraph: a section, no footnote ("... the benchmark.1")
    if chained and k == i and _CAPTION.match(lines[k]):
        return None     # "Table 4." right after a caption may be the sentence going on ("... in Table 4.")
    j = k
    while j + 1 < len(lines) and not re.search(r"[.!?][)\"”’]?\s*$|https?://\S+\s*$|\x02$", lines[j]):
        j += 1
    if j + 2 < len(lines) and re.search(r"https?://\S+\s*$", lines[j]) and " " not in lines[j + 1].strip() \
            and _ASIDE.match(lines[j + 2]):
        j += 1          # a footnote's URL wrapped onto a line of its own ("github.com/google-research/" "bert")
    if _CAPTION.match(lines[k]):
        while j + 1 < len(lines) and cells(lines[j + 1]):
            j += 1
    if j + 1 < len(lines):
        more = aside_at(lines, j + 1, True)     # another one right after it (a table, then its caption)
        return more if more is not None else j + 1
    return None


def continuation(lines: list[str], k: int) -> str:
    """The text from line ``k`` on, where an interrupted sentence goes on after an aside.
    A caption may run on over several sentences ("Table 4. Average ... study.\nThe
    darker the cell, ..."): then the sentence goes on at the first line starting with a
    lower-case word after one ending a sentence, within a few lines, as a reader sees it."""
    if lines[k:] and not lines[k][:1].islower():
        for j in range(k + 1, min(len(lines), k + 8)):
            if lines[j][:1].islower() and re.search(r"[.!?][)\"”’]?\s*$", lines[j - 1]):
                return "\n".join(lines[j:])
    return "\n".join(lines[k:])


def without_asides(text: str) -> tuple[str, bool]:
    """A sentence drawn from page text without a footnote or caption (with its table's
    or figure's own lines) that the extractor printed inside it (from its first line to
    the line ending a sentence), as a writer reading the PDF copies it; and whether one
    was removed. The aside ends at a line ending with a full stop or a URL, or at the end
    of its page (marked \\x02)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    removed = False
    while i < len(lines):
        nxt = aside_at(lines, i) if i and len(" ".join(out).split()) >= 4 else None
        if nxt is not None:
            i = nxt
            removed = True
            if out[-1].endswith("-"):       # "state-" [footnote] "of-the-art": keep the hyphen
                out[-1] += "\x01"
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out), removed


def interrupted(doc: Document) -> list[tuple[str, int, bool]]:
    """Sentences that a footnote or caption printed by the extractor interrupts within
    a page (a column break): the sentence start before the aside (and before the table's
    lines printed above a caption), the aside's lines up to one ending a sentence or a
    URL (and the table's lines below a caption), and the sentence's end after it."""
    out = []
    for pi, page in enumerate(doc.pages):
        lo, hi = doc.content[pi]
        body = page[lo:hi]
        for m in _ASIDE.finditer(body):
            before = body[:m.start()].rstrip("\n")
            if any(_ASIDE.match(line) for line in before.split("\n")[-2:]):
                continue        # the second of two asides (the first's URL wrapped on a line): drawn from the first
            if _CAPTION.match(m.group()):
                lines = before.split("\n")
                while len(lines) > 1 and (cells(lines[-1]) or _long_label_row(lines[-1]) and cells(lines[-2])):
                    lines.pop()
                before = "\n".join(lines)
                if any(_ASIDE.match(line) for line in lines[-4:]):
                    continue    # a footnote right before the table: drawn from the footnote, the first aside
            if not before or before[-1] in ".!?:" or not before[-1].isalnum() and before[-1] != "-" \
                    and before[-1] != ",":
                continue
            starts = [x.end() for x in re.finditer(r"[.!?]\s+(?=[A-Z])", before[-400:])]
            if not starts:
                continue
            head = before[-400:][starts[-1]:]
            tail = body[len(before):]
            nxt = aside_at(["x"] + tail.lstrip("\n").split("\n"), 1)
            if nxt is None:
                continue
            rest = continuation(tail.lstrip("\n").split("\n"), nxt - 1)
            if not rest[:1].islower():
                continue
            stop = re.search(r"[.!?](?=\s|$)", rest[:400])
            if stop is None or len(head.split()) < 3:
                continue
            joint = "\x01\n" if head.endswith("-") else "\n"
            out.append((as_written(head + joint + rest[:stop.end()]), pi + 1, True))
    return out


def as_written(text: str) -> str:
    """What a writer pastes: line-break hyphenation joined, whitespace collapsed."""
    text = re.sub(r"(?<=[a-z])-[ \t]*\n\s*(?=[a-z])", "", text)
    return " ".join(text.replace("\x02", "").split()).replace("-\x01 ", "-")


def draw_sentences(doc: Document, limit: int, rng: random.Random) -> list[tuple[str, int, bool]]:
    """(sentence as written, 1-based page, crosses a break): ``limit`` drawn within
    pages, every one that a footnote or caption printed inside it interrupts (left
    out, as the writer reading the PDF would), and one across each page break (the
    end of one page's body joined to the next's, headers and page numbers left out)."""
    within: list[tuple[str, int, bool]] = []
    across: list[tuple[str, int, bool]] = []
    for pi, page in enumerate(doc.pages):
        lo, hi = doc.content[pi]
        body = page[lo:hi]
        for m in _SENTENCE.finditer(body):
            if m.group().count("\n") > 6:
                continue      # a table or a list, not a sentence
            text, removed = without_asides(m.group())
            within.append((as_written(text), pi + 1, removed))
        if pi + 1 < len(doc.pages):
            nlo, nhi = doc.content[pi + 1]
            nxt = doc.pages[pi + 1][nlo:nhi]
            tail = body[-300:]
            start = max((m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z])", tail)), default=None)
            head = tail[start:] if start is not None else ""
            lead = nxt.lstrip("\n").split("\n")
            skip = aside_at(["x"] + lead, 1)     # a table, caption or footnote first on the next page
            rest = continuation(lead, skip - 1) if skip is not None and head.strip() else nxt
            end = re.search(r"[.!?](?=\s|$)", rest[:300])
            if start is not None and end is not None and head.strip() and \
                    not tail.rstrip().endswith((".", "!", "?", ":")) and \
                    len(head.split()) >= 3 and head[0].isupper() and (rest is nxt or rest[:1].islower()):
                joined = head + "\x02\n" + rest[:end.end()]
                if joined.count("\n") <= 8:
                    across.append((as_written(without_asides(joined)[0]), pi + 1, True))
    within += interrupted(doc)
    rng.shuffle(within)
    asides = [w for w in within if w[2]]
    return [w for w in within if not w[2]][:limit] + asides + across


def variants(sentence: str, vocab: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """(kind, variant) that change the meaning and must be refused."""
    out: list[tuple[str, str]] = []
    digits = [m.start() for m in re.finditer(r"\d", sentence)]
    if digits:
        i = rng.choice(digits)
        out.append(("digit", sentence[:i] + str((int(sentence[i]) + 1) % 10) + sentence[i + 1:]))
    words = [m for m in re.finditer(r"(?<![\w-])[A-Za-z]{4,}(?![\w-])", sentence)]
    if words:
        m = rng.choice(words)
        other = rng.choice(vocab)
        while other.lower() == m.group().lower():
            other = rng.choice(vocab)
        out.append(("word", sentence[:m.start()] + other + sentence[m.end():]))
    m = re.search(r"\b(?:not|n't)\b ?", sentence)
    if m:
        out.append(("not", sentence[:m.start()] + sentence[m.end():]))
    nums = [m for m in re.finditer(r"(?<![\d,.])\d{2,}(?:\.\d+)?(?![\d,])", sentence)]
    if nums:
        m = rng.choice(nums)
        text = m.group()
        cuts = [k for k in range(1, len(text)) if text[k - 1].isdigit() and text[k] != "."
                and not (re.fullmatch(r"\d{3}(?:\.\d+)?", text[k:]) and k <= 3)]
        if cuts:
            k = rng.choice(cuts)
            out.append(("space", sentence[:m.start()] + text[:k] + " " + text[k:] + sentence[m.end():]))
    return out


def accuracy(per_doc: int, seed: int, show: int) -> tuple[int, int, int, int]:
    """Prints and returns (verified, drawn, refused, variants)."""
    from collections import Counter

    rng = random.Random(seed)
    tot_ok = tot_n = tot_ref = tot_var = own = 0
    fails: list[str] = []
    kinds: Counter = Counter()
    kinds_ref: Counter = Counter()
    print(f"{'source':<46} {'verified':>14} {'across breaks':>13} {'refused':>12}")
    for name, pages in corpus_sources():
        doc = Document(pages)
        vocab = sorted({w for p in pages for w in re.findall(r"(?<![\w-])[a-z]{4,12}(?![\w-])", p)})
        drawn = draw_sentences(doc, per_doc, rng)
        ok = cross = cross_ok = ref = nvar = 0
        for sentence, page, crosses in drawn:
            m = find_quote(doc, sentence)
            # Right page: where it was drawn, or another page printing the same sentence.
            good = m is not None and (m.page == page or find_quote(Document([pages[m.page - 1]]), sentence)
                                      is not None and m.page_end == m.page)
            ok += good
            cross += crosses
            cross_ok += crosses and good
            if not good and len(fails) < 10 * show:
                fails.append(f"  NOT VERIFIED {name} p.{page}"
                             f"{' (found p.%d)' % m.page if m else ''}: {sentence[:300]!r}")
            for kind, v in variants(sentence, vocab, rng):
                refused = find_quote(doc, v) is None
                if not refused and normalise(v).strip(".,;:'\"") in doc.stream.text:
                    own += 1     # the variant is the paper's own text elsewhere ("(2022)" for "(2021)")
                    continue
                nvar += 1
                ref += refused
                kinds[kind] += 1
                kinds_ref[kind] += refused
                if not refused and len(fails) < 10 * show:
                    fails.append(f"  ACCEPTED {kind} variant {name} p.{page}: {v[:300]!r}")
        print(f"{name[:46]:<46} {ok:>6}/{len(drawn):<7} {cross_ok:>5}/{cross:<7} {ref:>5}/{nvar:<6}")
        tot_ok += ok
        tot_n += len(drawn)
        tot_ref += ref
        tot_var += nvar
    print(f"{'total':<46} {tot_ok:>6}/{tot_n:<7} {'':>13} {tot_ref:>5}/{tot_var:<6}")
    print(f"real sentences verified on the right page: {100 * tot_ok / max(1, tot_n):.1f} %; "
          f"variants refused: {100 * tot_ref / max(1, tot_var):.1f} % ("
          + ", ".join(f"{k} {kinds_ref[k]}/{kinds[k]}" for k in sorted(kinds)) + ")"
          + (f"; {own} variant(s) left out: the paper prints them elsewhere" if own else ""))
    for line in fails[:show]:
        print(line)
    return tot_ok, tot_n, tot_ref, tot_var


# A word GROBID left broken at the hyphen ending a line, a footnote it ran into the sentence there ("the state-SPECTER:
# Scientific Paper Embeddings ... of-the-art"): a lower-case word's hyphen and a capital, no prefix's ("non-English").
_RUN_IN_WORD = re.compile(r"\b(?!(?:non|pre|post|anti|multi|cross|semi|pseudo|inter|intra|self|over|under|sub|mid)-)"
                          r"[a-z]{3,}-[A-Z]")


def second_reader() -> None:
    """Sentences of the body text GROBID read from two of the PDFs (grobid-s2orc/*.s2orc.json:
    footnotes and captions apart, hyphenation joined), each looked for in kb's extraction by
    both extractors: a reader kb's own drawing does not shape. Sentences GROBID changed
    are left out (a citation it removed leaves "by , they"; a caption it ran into the
    sentence, "described Table 4 : ..."; a footnote it ran into a word, `_RUN_IN_WORD`)."""
    import json
    import os

    from kb.sources.pdf import extract

    corpus = Path(os.environ.get("KB_TEST_CORPUS", ROOT.parent / "shared" / "corpus"))
    for stem, pdf in (("N18-3011", "acl-N18-3011"), ("2020.acl-main.207", "acl-2020.acl-main.207")):
        path = corpus / "grobid-s2orc" / f"{stem}.s2orc.json"
        if not path.exists():
            continue
        data = json.loads(path.read_text())
        parse = data["pdf_parse"]
        sentences = [m.group(1) for para in parse["abstract"] + parse["body_text"]
                     for m in re.finditer(r"(?:^|(?<=[.!?] ))([A-Z][^.!?]{30,400}?[.!?])(?= [A-Z]|$)", para["text"])]
        kept = [x for x in sentences if not re.search(r" [,.;:)]|\( | (?:Table|Figure) \d+ :", x)
                and not _RUN_IN_WORD.search(x)]
        for extractor in ("pypdf", "pdfium"):
            doc = Document(extract((corpus / "pdf" / f"{pdf}.pdf").read_bytes(), extractor=extractor).pages)
            missed = [x for x in kept if find_quote(doc, x) is None]
            print(f"{pdf} ({extractor}): {len(kept) - len(missed)}/{len(kept)} of GROBID's sentences verify "
                  f"({len(sentences) - len(kept)} changed by GROBID left out)")
            for x in missed[:5]:
                print(f"  NOT VERIFIED {x[:200]!r}")


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


def labelled(show: int) -> None:
    """The labelled quotes of benchmarks/data/quotes-labels*.json, per file and extractor."""
    import json

    docs: dict[tuple[str, str], Document] = {}      # each PDF extracted once per extractor
    for path in sorted((ROOT / "benchmarks" / "data").glob("quotes-labels*.json")):
        print(f"{path.name}:")
        _labelled_set(json.loads(path.read_text("utf-8"))["cases"], show, docs)


def _labelled_set(cases: list[dict], show: int, docs: dict[tuple[str, str], Document]) -> None:
    from kb.sources.pdf import extract
    from tests.corpus import corpus_path

    for extractor in ("pypdf", "pdfium"):
        right = refused = wrongs = 0
        failures: list[str] = []
        for case in cases:
            if "text" in case:      # one of the five papers' pypdf text, the same for both extractors
                key = (case["text"], "text")
                if key not in docs:
                    docs[key] = Document(load_pages(case["text"]) or [])
            else:
                key = (case["pdf"], extractor)
                if key not in docs:
                    docs[key] = Document(extract(corpus_path("pdf", case["pdf"]).read_bytes(),
                                                 extractor=extractor).pages)
            doc = docs[key]
            source = case.get("pdf") or case["text"]
            m = find_quote(doc, case["quote"])
            if extractor not in case.get("extractors", (extractor,)):
                # this extractor renders the sentence wrong: the right reading must be refused in its text
                wrongs += 1
                if m is None:
                    refused += 1
                else:
                    failures.append(f"  accepted in a wrong rendering ({source}): {case['quote'][:100]}")
            elif m is not None and m.page == case["page"]:
                right += 1
            else:
                failures.append(f"  missed ({source} p{case['page']}, found on {m and m.page}): "
                                f"{case['quote'][:100]}")
            for wrong in case["wrong"]:
                wrongs += 1
                if find_quote(doc, wrong) is None:
                    refused += 1
                else:
                    failures.append(f"  accepted ({source}): {wrong[:100]}")
        held = sum(extractor in case.get("extractors", (extractor,)) for case in cases)
        print(f"labelled quotes, {extractor}: right verified {right}/{held}, wrong refused {refused}/{wrongs}")
        for line in failures[:show]:
            print(line)
    if any("extractors" in case for case in cases):
        _both_column(cases, show, docs)


def _both_column(cases: list[dict], show: int, docs: dict[tuple[str, str], Document]) -> None:
    """A set naming which extractors' text holds each right reading ("extractors"): as a knowledge
    base made with --extractor both reads it, each verifies in one text or the other, on its page,
    and each wrong twin is refused in both."""
    right = refused = wrongs = 0
    failures: list[str] = []
    for case in cases:
        both = [docs[(case["pdf"], e)] for e in ("pdfium", "pypdf")]
        found = [m for m in (find_quote(d, case["quote"]) for d in both) if m is not None]
        if found and found[0].page == case["page"]:
            right += 1
        else:
            failures.append(f"  missed in both ({case['pdf']} p{case['page']}): {case['quote'][:100]}")
        for wrong in case["wrong"]:
            wrongs += 1
            if all(find_quote(d, wrong) is None for d in both):
                refused += 1
            else:
                failures.append(f"  accepted in one ({case['pdf']}): {wrong[:100]}")
    print(f"labelled quotes, both: right verified {right}/{len(cases)}, wrong refused {refused}/{wrongs}")
    for line in failures[:show]:
        print(line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20, help="builds timed per paper")
    ap.add_argument("--accuracy", action="store_true", help="only the accuracy part")
    ap.add_argument("--per-doc", type=int, default=40, help="sentences drawn per source (plus page-break ones)")
    ap.add_argument("--seed", type=int, default=11, help="seed of the draw")
    ap.add_argument("--show", type=int, default=20, help="failures printed")
    ap.add_argument("--extractor", default=None, help="PDF extractor for the corpus PDFs (default: kb's)")
    ap.add_argument("--labelled", action="store_true", help="only the labelled quotes of the corpus PDFs")
    args = ap.parse_args(argv)
    if args.labelled:
        labelled(args.show)
        return 0
    global EXTRACTOR
    EXTRACTOR = args.extractor
    if load_pages(PAPERS[0]) is None:
        return 0
    accuracy(args.per_doc, args.seed, args.show)
    second_reader()
    if args.accuracy:
        return 0
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
