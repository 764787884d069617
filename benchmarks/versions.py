"""Quotes and claims across arXiv versions: a labelled set, scored.

    python benchmarks/versions.py [--show K]

For each of the five papers' pypdf text (../shared/corpus/wattbot/pypdf-text), real sentences of
v1 are stored as quotes (and, where they print a figure, as claims of that figure) against v1;
then a v2 is made of v1 with one edit around each stored sentence and loaded as the newest
version. Each edit is labelled: a change of the words (a word, a number, a unit, a negation,
a reference number inside the quote, a table row's value, the sentence deleted) must be
reported (kb verify: the quote "stale", verified in v1 but not in v2, with v2's passage and its
page; the claim the same); a change of layout or extraction only (the sentence moved to another
page, split across a page break with a running header, re-hyphenated at a line's end, lines
broken elsewhere, ligatures, curly or straight quote marks, footnote marks, soft hyphens, the
paragraph around it rewritten, a footnote's mark after a figure) must not. Prints caught / missed / false alarms, by kind, and
the time the verification took. Then a v2 that is v1's PDF read by the other extractor (pypdf, PDFium), where
every report is a false alarm. Then the held-out pairs of benchmarks/data/versions-heldout-*.json: a real sentence of
v1, a v2 made by the edits each lists (a reference inserted and the numbered citations renumbered, a label re-lettered,
a citation dropped, a page inserted, a word or a figure changed, a sentence moved to another page), each labelled; a
case labelled `moved_to` (a page of v2) is scored caught only where kb says the quote is there now ("(in v2, page 4)").
Of each change reported, what kb says is scored against the kind labelled (a held-out case's `said`, SAID by kind):
"revision" (v2's passage and the words it changed) or "gone" ("v2 prints nothing like it", its closest passage
another sentence), or "rewritten" ("v2 rewrites it": what v2 prints where v1 printed it, shown whole, no word diff); a
case's `passage`, where it gives one, must be the passage kb shows, and its `names` what kb says changed ("For both
tasks -> (nothing); (nothing) -> for both tasks" of a clause moved).
Exits 0 with a message when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAPERS = {
    "dodge2022": "Measuring the Carbon Intensity of AI in Cloud Instances",
    "luccioni2023": "Counting Carbon: A Survey of Factors Influencing the Emissions of Machine Learning",
    "luccioni2024": "Power Hungry Processing: Watts Driving the Cost of AI Deployment?",
    "patterson2021": "Carbon Emissions and Large Neural Network Training",
    "strubell2019": "Energy and Policy Considerations for Deep Learning in NLP",
}


def corpus() -> Path:
    import os
    return Path(os.environ.get("KB_TEST_CORPUS") or ROOT.parent / "shared" / "corpus")


def pages_of(name: str) -> list[str]:
    data = json.loads((corpus() / "wattbot" / "pypdf-text" / f"{name}.json").read_text("utf-8"))
    return ["\n".join(p["text"] for p in s["paragraphs"]
                      if (p.get("metadata") or {}).get("attachment_type") != "image") for s in data["sections"]]


# ---- the edits: each (kind, changed, applies(raw) -> bool, edit(pages, page, start, end) -> pages | None)

_UNITS = {"kWh": "MWh", "MWh": "kWh", "kg": "g", "tons": "kg", "hours": "days", "%": " kWh", "days": "hours",
          "W": "kW", "kW": "W", "GWh": "MWh", "tCO2e": "kgCO2e", "g": "kg", "years": "months", "h": "min",
          "TWh": "GWh", "lbs": "kg", "USD": "EUR", "$": "EUR ", "minutes": "hours", "seconds": "minutes"}
_WORD = re.compile(r"(?<![\w-])[a-z]{6,}(?![\w-])")
_INT = re.compile(r"(?<![\w.,\[])\d{1,4}(?![\w.,\]])")
_DEC = re.compile(r"(?<![\w.,])\d+\.\d+(?![\w.,])")
_REF = re.compile(r"\[(\d{1,2})\]")
_NEG_ADD = [(" is ", " is not "), (" are ", " are not "), (" can ", " cannot "), (" was ", " was not "),
            (" were ", " were not "), (" has ", " has not "), (" will ", " will not ")]
_NEG_DROP = [(" not ", " "), (" cannot ", " can "), (" no ", " a ")]


def _swap(raw: str, pattern: re.Pattern, repl) -> str | None:
    m = pattern.search(raw)
    return None if m is None else raw[:m.start()] + repl(m.group()) + raw[m.end():]


def _first(raw: str, pairs) -> str | None:
    for old, new in pairs:
        if old in raw:
            return raw.replace(old, new, 1)
    return None


def _figure(raw):
    from kb.quantities.numbers import extract_candidates
    found = extract_candidates([raw])
    return found[0] if found else None


def _int_plus(raw):
    c = _figure(raw)
    if c is None or not re.fullmatch(r"\d+", c.number):
        return None
    return raw[:c.start] + str(int(c.number) + 1) + raw[c.start + len(c.number):]


def _dec_change(raw):
    from kb.quantities.numbers import extract_candidates
    c = next((c for c in extract_candidates([raw]) if re.fullmatch(r"\d+\.\d+", c.number)), None)
    if c is None:
        return None
    at = c.start + len(c.number) - 1
    return raw[:at] + str((int(raw[at]) + 1) % 10) + raw[at + 1:]


def _unit(raw):
    c = _figure(raw)
    if c is None or c.unit_text not in _UNITS:
        return None
    at = raw.rfind(c.unit_text, c.start, c.end)
    return raw[:at] + _UNITS[c.unit_text] + raw[at + len(c.unit_text):]


def _swapped_digits(raw):
    c = _figure(raw)
    if c is None or not re.fullmatch(r"\d\d", c.number) or c.number[0] == c.number[1]:
        return None
    return raw[:c.start] + c.number[::-1] + raw[c.start + 2:]


_ANTONYMS = [(" more ", " less "), (" higher ", " lower "), (" increase", " decrease"), (" larger ", " smaller "),
             (" less ", " more "), (" lower ", " higher "), (" most ", " least "), (" before ", " after ")]


def _inserted(raw):
    words = [m for m in _WORD.finditer(raw)]
    if len(words) < 2:
        return None
    m = words[len(words) // 2]
    return raw[:m.start()] + "rarely " + raw[m.start():]


def _dropped(raw):
    words = [m for m in _WORD.finditer(raw)]
    if len(words) < 2:
        return None
    m = words[len(words) // 2]
    return raw[:m.start()] + raw[m.end() + 1:]


def _dash(raw):
    m = re.search(r"(?<=\d)-(?=\d)", raw)
    return None if m is None else raw[:m.start()] + "\u2013" + raw[m.end():]


def _spaced_percent(raw):
    m = re.search(r"(?<=\d)%", raw)
    return None if m is None else raw[:m.start()] + " %" + raw[m.end():]


def _nbsp(raw):
    m = re.search(r"(?<=\d) (?=[A-Za-z%])", raw)
    return None if m is None else raw[:m.start()] + "\u00a0" + raw[m.end():]


def _compound(raw):
    m = re.search(r"(?<=[a-z]{3})-(?=[a-z]{3})", raw)
    return None if m is None else raw[:m.start()] + "-\n" + raw[m.end():]


def _zero_width(raw):
    m = re.search(r"(?<![\w-])([a-z]{3,})([a-z]{3,})(?![\w-])", raw)
    return None if m is None else raw[:m.start()] + m.group(1) + "\u200b" + m.group(2) + raw[m.end():]


def _tabs(raw):
    return raw.replace(" ", "\t", 2) if raw.count(" ") >= 2 else None


def _lower_first(raw):
    return raw[0].lower() + raw[1:] if raw[:1].isupper() and raw[1:2].islower() else None


def _also_elsewhere(pages, page, start, end):
    out = list(pages)
    other = (page + 2) % len(pages)
    out[other] = pages[other] + "\n" + pages[page][start:end]
    return out


def _word(raw):
    words = [m for m in _WORD.finditer(raw) if m.group() not in ("between",)]
    if not words:
        return None
    m = words[len(words) // 2]
    return raw[:m.start()] + ("larger" if m.group() != "larger" else "smaller") + raw[m.end():]


def _ref(raw):
    return _swap(raw, _REF, lambda s: f"[{int(s[1:-1]) + 2}]")


def _hyphen(raw):
    m = re.search(r"(?<![\w-])([a-z]{4,})([a-z]{4,})(?![\w-])", raw)
    return None if m is None else raw[:m.start()] + m.group(1) + "-\n" + m.group(2) + raw[m.end():]


def _lines(raw):
    spaces = [i for i, c in enumerate(raw) if c == " "]
    if len(spaces) < 4:
        return None
    out = list(raw.replace("\n", " "))
    for i in spaces[1::3]:
        out[i] = "\n"
    return "".join(out)


def _ligature(raw):
    for lig, pair in (("\ufb01", "fi"), ("\ufb02", "fl"), ("\ufb00", "ff")):
        if pair in raw:
            return raw.replace(pair, lig)
    return None


def _curly(raw):
    if "'" in raw or '"' in raw:
        return raw.replace("'", "\u2019").replace('"', "\u201d")
    if "\u2019" in raw or "\u201c" in raw or "\u201d" in raw:
        return raw.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return None


def _footnote(mark: str):
    """A footnote's mark glued to a word, and the footnote at the page's foot, as a new version adds one."""
    def edit(pages, page, start, end):
        raw = pages[page][start:end]
        m = re.search(r"(?<![\w-])[a-z]{5,}(?=[ ,])", raw)
        if m is None:
            return None
        out, sign = list(pages), mark
        if mark == "1" and re.search(r"(?m)^\d{1,2} ?[A-Z]", pages[page]):
            return None         # a page of footnotes already: a new one before them renumbers them all
        out[page] = (pages[page][:start] + raw[:m.end()] + sign + raw[m.end():] + pages[page][end:]
                     + f"\n{sign}See the appendix for the details.")
        return out
    return edit


def _footnote_figure(mark: str, changed: bool = False):
    """A footnote's mark after the sentence's first figure ("9%†", "0.85*"), the footnote at the page's foot, as a
    new version adds one; with `changed`, the figure's last digit changed too."""
    def edit(pages, page, start, end):
        raw = pages[page][start:end]
        c = _figure(raw)
        if c is None or not raw[c.end - 1:c.end].strip() or raw[c.end:c.end + 1].isalnum():
            return None
        new = raw[:c.end] + mark + raw[c.end:]
        if changed:
            at = c.start + len(c.number) - 1
            if not new[at].isdigit():
                return None
            new = new[:at] + str((int(new[at]) + 1) % 10) + new[at + 1:]
        out = list(pages)
        out[page] = pages[page][:start] + new + pages[page][end:] + f"\n{mark} Measured once, on the held-out split."
        return out
    return edit


def _soft(raw):
    m = re.search(r"(?<![\w-])([a-z]{4,})([a-z]{4,})(?![\w-])", raw)
    return None if m is None else raw[:m.start()] + m.group(1) + "\u00ad" + m.group(2) + raw[m.end():]


def _spaces(raw):
    return raw.replace(" ", "  ", 3) if raw.count(" ") >= 3 else None


def _in_place(fn):
    def edit(pages, page, start, end):
        raw = pages[page][start:end]
        new = fn(raw)
        if new is None or new == raw:
            return None
        out = list(pages)
        out[page] = pages[page][:start] + new + pages[page][end:]
        return out
    return edit


def _deleted(pages, page, start, end):
    out = list(pages)
    out[page] = pages[page][:start] + pages[page][end:]
    return out


def _moved(pages, page, start, end):
    if page + 1 >= len(pages):
        return None
    out = list(pages)
    raw = pages[page][start:end]
    out[page] = pages[page][:start] + pages[page][end:]
    out[page + 1] = raw + "\n" + pages[page + 1]
    return out


_HEADER = "Short Running Title of the Paper\n"


def _split(header: bool):
    def edit(pages, page, start, end):
        raw = pages[page][start:end]
        cut = raw.find(" ", len(raw) // 2)
        if cut < 0:
            return None
        out = list(pages)
        # the rest of the page after the sentence's first half goes to a new page; with `header`, a running
        # header every page of v2 prints, and the page's number at its foot
        out[page:page + 1] = [pages[page][:start + cut] + (f"\n{page + 1}" if header else ""),
                              pages[page][start + cut + 1:]]
        if header:
            out = [p if p.startswith(_HEADER) else _HEADER + p for p in out]
        return out
    return edit


def _split_footnote(pages, page, start, end):
    """The sentence's first half ends a page, a footnote under it, the rest starts the next page."""
    raw = pages[page][start:end]
    cut = raw.find(" ", len(raw) // 2)
    if cut < 0:
        return None
    out = list(pages)
    out[page:page + 1] = [pages[page][:start + cut] + "\n3 https://example.org/code, the code of our runs.",
                          pages[page][start + cut + 1:]]
    return out


def _moved_back(pages, page, start, end):
    if page == 0:
        return None
    out = list(pages)
    raw = pages[page][start:end]
    out[page] = pages[page][:start] + pages[page][end:]
    out[page - 1] = pages[page - 1] + "\n" + raw
    return out


def _rewritten(pages, page, start, end):
    out = list(pages)
    out[page] = (pages[page][:start] + "In this revised version we restate the context.\n" + pages[page][start:end]
                 + " This paragraph was rewritten for the second version." + pages[page][end:])
    return out


def _unchanged(pages, page, start, end):
    return list(pages)


def rows(pages: list[str]):
    """(page index, start, end) of a table's rows of v1: a line of a name and two figures or more, found once."""
    whole = "\f".join(pages)
    for i, page in enumerate(pages):
        for m in re.finditer(r"(?m)^([A-Za-z][^\n]{10,85})$", page):
            line = m.group(1)
            if len(re.findall(r"(?<![\w.])\d+(?:[.,]\d+)?", line)) < 2 or whole.count(line) != 1 \
                    or re.search(r"arXiv|doi|’|\[|https?:|@|\d{4}\b.*\d{4}", line):
                continue
            yield i, m.start(1), m.end(1)


def _row_value(pages, page, start, end):
    raw = pages[page][start:end]
    m = list(re.finditer(r"\d(?![\d.,]*\w)", raw))
    if not m:
        return None
    at = m[-1].start()
    out = list(pages)
    out[page] = pages[page][:start] + raw[:at] + str((int(raw[at]) + 1) % 10) + raw[at + 1:] + pages[page][end:]
    return out


def _next_row(pages, page, start, end):
    after = pages[page][end:]
    m = re.match(r"\n([^\n]*\d)", after)
    if m is None:
        return None
    at = end + 1 + len(m.group(1)) - 1
    out = list(pages)
    out[page] = pages[page][:at] + str((int(pages[page][at]) + 1) % 10) + pages[page][at + 1:]
    return out


EDITS = [
    # changes of the words: reported
    ("word changed", True, _in_place(_word)),
    ("integer changed", True, _in_place(_int_plus)),
    ("decimal changed", True, _in_place(_dec_change)),
    ("unit changed", True, _in_place(_unit)),
    ("negation added", True, _in_place(lambda r: _first(r, _NEG_ADD))),
    ("negation removed", True, _in_place(lambda r: _first(r, _NEG_DROP))),
    ("reference number changed", True, _in_place(_ref)),
    ("sentence deleted", True, _deleted),
    ("two digits swapped", True, _in_place(_swapped_digits)),
    ("antonym", True, _in_place(lambda r: _first(r, _ANTONYMS))),
    ("word inserted", True, _in_place(_inserted)),
    ("word dropped", True, _in_place(_dropped)),
    ("table row: a value changed", True, _row_value),
    # layout and extraction only: never reported
    ("unchanged", False, _unchanged),
    ("moved to the next page", False, _moved),
    ("split across a page break", False, _split(False)),
    ("split across a page break, running header", False, _split(True)),
    ("re-hyphenated at a line end", False, _in_place(_hyphen)),
    ("lines broken elsewhere", False, _in_place(_lines)),
    ("ligatures", False, _in_place(_ligature)),
    ("quote marks curly/straight", False, _in_place(_curly)),
    ("footnote mark (digit)", False, _footnote("1")),
    ("footnote mark (superscript)", False, _footnote("\u00b9")),
    ("footnote mark (dagger)", False, _footnote("\u2020")),
    ("soft hyphen", False, _in_place(_soft)),
    ("doubled spaces", False, _in_place(_spaces)),
    ("paragraph rewritten around it", False, _rewritten),
    ("moved to the page before", False, _moved_back),
    ("split across a page break, footnote between", False, _split_footnote),
    ("en dash for a hyphen between numbers", False, _in_place(_dash)),
    ("percent sign spaced", False, _in_place(_spaced_percent)),
    ("no-break space after a number", False, _in_place(_nbsp)),
    ("compound broken at its hyphen", False, _in_place(_compound)),
    ("zero-width space", False, _in_place(_zero_width)),
    ("tabs for spaces", False, _in_place(_tabs)),
    ("table row: the row under it changed", False, _next_row),
    ("reference number changed, the quote leaving it out", False, _in_place(_ref)),
    ("first letter lower-cased", False, _in_place(_lower_first)),
    ("also printed on another page", False, _also_elsewhere),
]
#: A footnote's mark after a figure, its footnote at the page's foot ("9%†", "0.85*"): no change; the figure changed
#: beside it: a change. Built apart, in a knowledge base of their own, so that the cases above stay as they were.
MARK_EDITS = [
    ("figure changed, a footnote mark after it", True, _footnote_figure("\u2020", changed=True)),
    ("footnote mark after a figure (dagger)", False, _footnote_figure("\u2020")),
    ("footnote mark after a figure (asterisk)", False, _footnote_figure("*")),
    ("footnote mark after a figure (double dagger)", False, _footnote_figure("\u2021")),
    ("figure changed, an asterisk after it", True, _footnote_figure("*", changed=True)),
]
PAGE_EDITS = {"sentence deleted", "moved to the next page", "moved to the page before", "split across a page break",
              "split across a page break, running header", "split across a page break, footnote between",
              "footnote mark (digit)", "footnote mark (superscript)", "footnote mark (dagger)",

              "also printed on another page"}
#: What kb says of a change it reports, by kind: "revision" (the newer version's passage and the words it changed, the
#: quote's words mostly kept) for every kind but those here; "gone": "v2 prints nothing like it (deleted or
#: rewritten)", with its closest passage, another sentence, and no word diff that would read as a rewording;
#: "rewritten": "v2 rewrites it", with what v2 prints where v1 printed it, between the same words. A held-out
#: case labels it in its field `said`.
SAID = {"sentence deleted": "gone"}
#: how a writer copies the sentence of a kind, where not whole
QUOTED_AS = {"reference number changed, the quote leaving it out": lambda q: re.sub(r" ?\[\d{1,2}\]", "", q)}
NUMERIC = {"integer changed", "decimal changed", "unit changed", "two digits swapped", "percent sign spaced",
           "no-break space after a number"} | {kind for kind, _, _ in MARK_EDITS}


def candidates(pages: list[str]):
    """(page index, start, end) of sentences of v1 a writer could quote: 60 to 220 characters,
    no line-end hyphen, found once."""
    whole = "\f".join(pages)
    for i, page in enumerate(pages):
        for m in re.finditer(r"(?<=[.!?]\s)([A-Z][^.!?\f]{50,210}[.!?])(?=\s)", page):
            raw = m.group(1)
            if "-\n" in raw or whole.count(raw) != 1 or re.search(r"\d{5,}|https?:|@", raw):
                continue
            yield i, m.start(1), m.end(1)


def build(work: Path, edits=None, name: str = "kb"):
    """The knowledge base and the labelled cases: (kind, changed, citekey, quote id, claim id or None), of
    `edits` (EDITS), in the knowledge base `work / name`."""
    from kb.ops import papers as paper_ops
    from kb.ops.claims import add_claim
    from kb.ops.quotes import add_quote
    from kb.quantities.numbers import extract_candidates
    from kb.store.knowledgebase import KB, init

    root = work / name
    init(root)
    (root / "references.bib").write_text("".join(
        f"@misc{{{k}, title = {{{t}}}, author = {{Someone, A.}}, year = {{2023}}}}\n" for k, t in PAPERS.items()),
        "utf-8")
    work = work / f"{name}-texts"
    work.mkdir()
    kb = KB.open(root)
    cases = []
    for key in PAPERS:
        v1 = pages_of(key)
        (work / f"{key}-v1.json").write_text(json.dumps(v1), "utf-8")
        paper_ops.load_text(kb, key, work / f"{key}-v1.json", version="v1", extractor="pypdf")
        v2 = list(v1)
        used: set[tuple[bool, int]] = set()
        pools = {False: list(candidates(v1)), True: list(rows(v1))}
        # the edits of a page's layout last, each on pages of its own
        ordered = sorted(EDITS if edits is None else edits, key=lambda e: e[0] in PAGE_EDITS)
        touched: set[int] = set()          # v1's pages an edit was made on
        moved_pages: set[int] = set()
        for kind, changed, edit in ordered:
            whole_page, table = kind in PAGE_EDITS, kind.startswith("table")
            for n, (page, start, end) in enumerate(pools[table]):
                n = (table, n)
                if n in used or any(u[0] == n[0] and abs(n[1] - u[1]) < 2 for u in used):
                    continue
                # an edit of a page's layout (a page break, a footnote, a sentence moved) has its page and the
                # pages beside it to itself
                if whole_page and touched & {page - 1, page, page + 1} or not whole_page and page in moved_pages:
                    continue
                v1_page, raw = page, v1[page][start:end]
                if kind in NUMERIC and not extract_candidates([raw]):
                    continue
                # an edit that splits or moves works on v2's pages: find the sentence there
                page = next((j for j, text in enumerate(v2) if raw in text), None)
                if page is None:
                    continue
                where = v2[page].find(raw)
                new = edit(v2, page, where, where + len(raw))
                if new is None:
                    continue
                quote = QUOTED_AS.get(kind, str)(" ".join(raw.split()))
                qid = f"q{len(cases)}"
                try:
                    add_quote(kb, key, quote, version="v1", quote_id=qid)
                except Exception:
                    continue
                cid = None
                for c in extract_candidates([quote])[:1]:      # a claim of the sentence's first figure
                    try:
                        # (the value as kb claims promote stores it: "10" of "10 times", no "dimensionless")
                        add_claim(kb, key, c.written, quote=quote, version="v1",
                                  claim_id=f"c{len(cases)}")
                        cid = f"c{len(cases)}"
                    except Exception:
                        pass            # a figure kb cannot claim of its quote alone (a header's unit)
                used.add(n)
                touched.add(v1_page)
                if whole_page:
                    moved_pages.update({v1_page - 1, v1_page, v1_page + 1})
                v2 = new
                cases.append((kind, changed, key, qid, cid))
                break
        (work / f"{key}-v2.json").write_text(json.dumps(v2), "utf-8")
        paper_ops.load_text(kb, key, work / f"{key}-v2.json", version="v2", extractor="pypdf")
    return kb, cases


def score(kb, cases, show: int, label: str = ""):
    from kb.ops.quotes import verify_papers

    started = time.process_time()
    verdicts = list(verify_papers(kb, jobs=1))
    took = time.process_time() - started
    by = {(v.kind, v.citekey, v.id): v for v in verdicts}
    tally = {"quote": [0, 0, 0, 0], "claim": [0, 0, 0, 0]}       # caught, missed, false alarms, quiet
    failures = []
    said_right = said_wrong = 0         # a change reported: what kb said of it, against the kind labelled
    for kind, changed, key, qid, cid, *rest in cases:
        moved_to = rest[:1]
        said = (rest[1] if len(rest) > 1 else None) or SAID.get(kind, "revision")
        passage = rest[2] if len(rest) > 2 else None
        names = rest[3] if len(rest) > 3 else None
        for what, ident in (("quote", qid), ("claim", cid)):
            if ident is None:
                continue
            v = by[(what, key, ident)]
            reported = v.status != "ok"
            # a deletion kb finds nothing like in v2 has no page to name
            said_where = "v2" in v.message and ("page" in v.message or kind == "sentence deleted"
                                                or said == "gone" and "prints nothing like it" in v.message)
            t = tally[what]
            if changed and reported and said_where:
                t[0] += 1
                told = ("gone" if "prints nothing like it" in v.message else
                        "rewritten" if "rewrites it" in v.message else "revision")
                if passage and " ".join(passage.split()) not in " ".join(v.message.split()):
                    said_wrong += 1
                    failures.append(f"PASSAGE not named, {what} {kind}: {key}.{ident}: wanted {passage[:80]!r}:"
                                    f" {v.message[:200]}")
                elif names and " ".join(names.split()) not in " ".join(v.message.split()):
                    said_wrong += 1
                    failures.append(f"CHANGE not named, {what} {kind}: {key}.{ident}: wanted {names[:80]!r}:"
                                    f" {v.message[:200]}")
                elif told == said:
                    said_right += 1
                else:
                    said_wrong += 1
                    failures.append(f"SAID {told}, labelled {said}, {what} {kind}: {key}.{ident}: {v.message[:200]}")
            elif changed:
                t[1] += 1
                failures.append(f"MISSED {what} {kind}: {key}.{ident} {v.status}: {v.message[:200]}")
            elif reported:
                t[2] += 1
                failures.append(f"FALSE ALARM {what} {kind}: {key}.{ident} {v.status}: {v.message[:200]}")
            elif moved_to and moved_to[0] and f"(in v2, page {moved_to[0]}" not in v.message:
                # the same words on another page of v2: quiet, but where a reader finds them now is said
                t[1] += 1
                failures.append(f"MISSED MOVE {what} {kind}: {key}.{ident} not said on v2's page {moved_to[0]}: "
                                f"{v.message[:200]}")
            else:
                t[3] += 1
    for what, (caught, missed, alarms, quiet) in tally.items():
        print(f"{label}{what}s: {caught} caught, {missed} missed, {alarms} false alarms, {quiet} quiet non-changes")
    print(f"{label}changes said as labelled (a revision's word diff, or 'prints nothing like it'): {said_right} right,"
          f" {said_wrong} wrong")
    print(f"kinds: {len({c[0] for c in cases})}, cases: {len(cases)}; verify: {took:.2f} s of CPU")
    for line in failures[:show]:
        print("  " + line)
    return tally


#: (PDF of ../shared/corpus/pdf, v1's extractor, v2's): a v2 that is v1 read by the other extractor, only extraction
#: differences between them, where no quote may be reported changed (1708.05894's formulas: PDFium reads "∑" as
#: "P" and a prime as "0")
EXTRACTED = [("acl-2020.acl-main.207.pdf", "pypdf", "pdfium"), ("acl-2020.acl-main.207.pdf", "pdfium", "pypdf"),
             ("arxiv-1708.05894v1.pdf", "pypdf", "pdfium"), ("turing-1950-computing-machinery-and-intelligence.pdf",
                                                             "pdfium", "pypdf")]


def extractors(work: Path, show: int) -> None:
    """Quotes of v1's text, v2 the same PDF read by the other extractor: every report is a false alarm."""
    from kb.ops import papers as paper_ops
    from kb.ops.quotes import add_quote, verify_papers
    from kb.sources.pdf import extract, pdfium_available
    from kb.store.knowledgebase import KB, init

    if not pdfium_available():
        print("other extractor: PDFium not installed, not measured")
        return
    root = work / "kb-extractors"
    init(root)
    (root / "references.bib").write_text("".join(
        f"@misc{{x{i}, title = {{Paper {i}}}, author = {{Someone, A.}}, year = {{2020}}}}\n"
        for i in range(len(EXTRACTED))), "utf-8")
    kb = KB.open(root)
    for i, (name, first, second) in enumerate(EXTRACTED):
        data = (corpus() / "pdf" / name).read_bytes()
        for version, extractor in (("v1", first), ("v2", second)):
            pages = extract(data, extractor=extractor).pages
            (work / f"x{i}-{version}.json").write_text(json.dumps(pages), "utf-8")
            paper_ops.load_text(kb, f"x{i}", work / f"x{i}-{version}.json", version=version, extractor=extractor)
            if version == "v1":
                for n, (page, start, end) in enumerate(list(candidates(pages))[::3][:25]):
                    try:
                        add_quote(kb, f"x{i}", " ".join(pages[page][start:end].split()), version="v1",
                                  quote_id=f"x{i}q{n}")
                    except Exception:
                        continue
    started = time.process_time()
    verdicts = [v for v in verify_papers(kb, jobs=1) if v.kind == "quote"]
    took = time.process_time() - started
    alarms = [v for v in verdicts if v.status != "ok"]
    print(f"other extractor: {len(verdicts)} quotes, {len(alarms)} false alarms, "
          f"{len(verdicts) - len(alarms)} quiet; verify: {took:.2f} s of CPU")
    for v in alarms[:show]:
        name, first, second = EXTRACTED[int(v.citekey[1:])]
        print(f"  FALSE ALARM {name} {first} -> {second}: {v.id} {v.status}: {v.message[:160]}")


# ---- held-out pairs: real sentences of v1, a v2 made by the edits a case lists (benchmarks/data/versions-heldout-*.json)

_CITATION_GROUP = re.compile(r"\[([\d,\s–-]+)\]")


def _loose(text: str) -> re.Pattern:
    """`text` with any run of spaces and line ends where it has one or none beside a bracket (pypdf's "( Name")."""
    out = []
    for ch in text:
        out.append(r"[ \t\n]*" if ch == " " else re.escape(ch) + (r"[ \t\n]*" if ch in "([" else ""))
    return re.compile("".join(out))


def _renumbered(group: str, at: int) -> str:
    def one(m):
        n = int(m.group())
        return str(n + 1 if n >= at else n)
    return re.sub(r"\d+", one, group)


def _apply(pages: list[str], quote: str, edit: dict) -> list[str]:
    """v1's `pages` with one `edit` of a held-out case made; a ValueError where the case no longer fits the text."""
    whole = "\f".join(pages)
    if "replace" in edit:
        old, new = edit["replace"]
        found = list(_loose(old).finditer(whole))
        if len(found) != 1:
            raise ValueError(f"{old!r} found {len(found)} times")
        whole = whole[:found[0].start()] + new + whole[found[0].end():]
    elif "insert_reference" in edit:
        at, entry = edit["insert_reference"]["at"], edit["insert_reference"]["entry"]
        whole = _CITATION_GROUP.sub(lambda m: f"[{_renumbered(m.group(1), at)}]", whole)
        line = re.search(rf"(?m)^\[{at + 1}\] ", whole)
        if line is None:
            raise ValueError(f"no reference [{at}] to insert before")
        whole = whole[:line.start()] + f"[{at}] {entry}\n" + whole[line.start():]
    elif "relabel" in edit:
        old, new = edit["relabel"]
        whole, n = re.subn(rf"(?<=[\[,\s]){re.escape(old)}(?=[\],\s])", new, whole)
        if n < 2:
            raise ValueError(f"label {old!r} cited and listed {n} times")
    elif "move" in edit:
        # a passage (a paragraph, a sentence) taken from where v1 prints it to the top of another page
        text, to = edit["move"]["text"], edit["move"]["to_page"]
        found = list(_loose(text).finditer(whole))
        if len(found) != 1:
            raise ValueError(f"{text!r} found {len(found)} times")
        moved = whole[found[0].start():found[0].end()]
        out = (whole[:found[0].start()] + whole[found[0].end():]).split("\f")
        if not 1 <= to <= len(out):
            raise ValueError(f"no page {to}")
        out[to - 1] = moved + "\n" + out[to - 1]
        return out
    elif "insert_page_before_quote" in edit:
        first = quote.split()[:6]
        out = whole.split("\f")
        at = next((i for i, page in enumerate(out) if _loose(" ".join(first)).search(page)), None)
        if at is None:
            raise ValueError("the quote's page not found")
        return out[:at] + [edit["insert_page_before_quote"]] + out[at:]
    return whole.split("\f")


def heldout(work: Path, show: int) -> None:
    """Each held-out case a paper of its own: v1 the corpus's text, v2 made by its edits; scored as `score`."""
    from kb.ops import papers as paper_ops
    from kb.ops.claims import add_claim
    from kb.ops.quotes import add_quote
    from kb.store.knowledgebase import KB, init

    for path in sorted((ROOT / "benchmarks" / "data").glob("versions-heldout-*.json")):
        data = json.loads(path.read_text("utf-8"))["cases"]
        root = work / path.stem
        init(root)
        (root / "references.bib").write_text("".join(
            f"@misc{{h{i}, title = {{{PAPERS[c['paper']]}}}, author = {{Someone, A.}}, year = {{2023}}}}\n"
            for i, c in enumerate(data)), "utf-8")
        kb = KB.open(root)
        cases, skipped = [], []
        for i, c in enumerate(data):
            key = f"h{i}"
            v1 = pages_of(c["paper"])
            try:
                v2 = v1
                for edit in c["edits"]:
                    v2 = _apply(v2, c["quote"], edit)
                for version, pages in (("v1", v1), ("v2", v2)):
                    (work / f"{path.stem}-{key}-{version}.json").write_text(json.dumps(pages), "utf-8")
                    paper_ops.load_text(kb, key, work / f"{path.stem}-{key}-{version}.json", version=version,
                                        extractor="pypdf")
                    if version == "v1":
                        add_quote(kb, key, c["quote"], version="v1", quote_id=f"q{i}")
                        if c.get("claim"):
                            add_claim(kb, key, c["claim"], quote=c["quote"], version="v1", claim_id=f"c{i}")
            except Exception as e:          # a case that no longer fits its text is said, never scored
                skipped.append(f"SKIPPED {key} {c['kind']}: {e}")
                continue
            cases.append((c["kind"], c["changed"], key, f"q{i}", f"c{i}" if c.get("claim") else None,
                          c.get("moved_to"), c.get("said"), c.get("passage"), c.get("names")))
        score(kb, cases, show, f"held-out {path.stem.removeprefix('versions-heldout-')}: ")
        for line in skipped:
            print("  " + line)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=40)
    args = ap.parse_args(argv)
    if not (corpus() / "wattbot" / "pypdf-text").is_dir():
        print("corpus absent: nothing measured")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        kb, cases = build(Path(tmp))
        score(kb, cases, args.show)
        kb, cases = build(Path(tmp), MARK_EDITS, "kb-marks")
        score(kb, cases, args.show, "footnote marks after figures: ")
        extractors(Path(tmp), args.show)
        heldout(Path(tmp), args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
