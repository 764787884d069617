"""How well and how fast `kb claims extract` (kb.quantities.numbers) finds the numeric
facts on real pages.

Run: python benchmarks/claims.py [--verbose] [--extractor pypdf|pdfium]

1. Recall and precision against benchmarks/data/claims-labels.json: pages of real
   papers in ../shared/corpus (the five papers of the note as the WattBot pypdf
   text, and PDFs of other papers, extracted with kb's own pypdf extraction), on
   which every numeric fact a reader could ask about was labelled by reading the
   page: its value and its unit as a reader would state it ("12 models", "a PUE
   of 1.10", "60 times", "26 lbs CO2e" for a cell whose unit is in the caption).
   Page text is read from the corpus at run time; only the labels live here.

   A number written in words is labelled when it counts something or says how many
   times ("ten participants", "three times more"). Not labelled: years and dates,
   citation, footnote, section, table and figure numbers, page numbers, numbers inside
   names ("GPT-3", "SQuAD 1.1"), "one" (as often a pronoun as a count), enumerations
   ("(1) a single model"), a figure's uncertainty ("SD:4.1", "± 0.1": no figure of its own).

   A label is found when a candidate on its page covers the marked number, reads
   the same value (the candidate's value, or one of the numbers it was written
   with: "41" of "$41–$140"), and carries the same unit: units kb reads convert
   with a factor of 1 ("hours" = h, "GPUs" = GPU, "lbs CO2e" = lbCO2e); counts of
   things agree with any count (kb reads "12 models" as 12 model, "60 data points"
   as 60 item: one [count] dimension); "times"/"x"/"factor" and names kb has no
   unit for ("BLEU", "learning rate") agree with a plain number.
   precision = candidates covering a labelled number / all candidates on the pages.

2. Verification: every labelled figure, its sentence as the quote, as `kb claim add` decides
   it (kb.quantities.quoted.value_in_quote): the right value verifies, and a wrong one (a
   digit changed, ten times the number) is refused; a figure labelled with its per ("64 hidden
   units" per "layer") is claimed with it, as a rate is.

3. Writers' claims: real sentences of the corpus, each with figures as a writer would claim
   them (right: its unit, a conversion, a bound it gives, money, a power of ten, percentage
   points, a share in words, a rate's amount with its per as [value, per]) and the same figures
   changed (a digit, the unit, the magnitude, the currency, the bound's direction, the per, the
   unit dropped): the right ones must verify, the wrong ones be refused. Scored apart, the held-out
   claims: sentences no other label claims (most on pages no other label uses; see the file's
   heldout_claims_about), each figure right and wrong as above.

   The held-out denied-figure round ("heldout_negation") is scored apart too: real sentences printing a negation or
   a contrast near a figure, and written twins of them given whole as a "quote"; a right value refused with a reason
   is counted apart. So is the held-out round of figures of other kinds ("heldout_numbers16": shares in words,
   percentage points, per cent, currencies, durations, rates with slashes, scale words and letters, ranges in words,
   bounds, table cells; see its "_about"), scored the same way, and each later held-out round in a file of its own
   (benchmarks/data/claims-heldout-sweep*.json, its sentences under "claims", what it holds in its "_about").
   Each of these rounds counts too the wrong values refused naming what is wrong (another unit, magnitude, digit,
   bound, sign, per...; not only the quote's numbers listed), and the right values verified that kb claim add
   cannot read as a figure at all ("a factor of 28", "two-thirds": refused before the quote is read).

4. Checks (`kb check`, kb.quantities.checks.run_check) of benchmarks/data/checks-heldout.json, one set a
   round: figures the papers and the note derive from others restated as a writer would, each right one
   with a wrong twin, and checks kb cannot read: every right one must pass, every wrong one fail, every
   unreadable one be an error (never a pass); with the mean time a check takes. Each later set is a file
   of its own (benchmarks/data/checks-heldout-*.json), its rounds read the same way.

   Held-out extraction pages, each round a file of its own (benchmarks/data/claims-extract-*.json, its pages under
   "pages", labelled as above and what they hold in its "about"), are scored the same way and apart.

5. Time: extract_candidates on every page of the five papers' text, after one
   warm-up pass that builds the unit registry; mean, median and slowest page.

--extractor pdfium extracts the PDFs' pages with pdfium (kb's default) instead: the
labels were read off pypdf's text, so a label whose words pdfium prints otherwise
cannot be located on its page; those are counted as "not located" and left out.

The extractor runs with the user unit "smartphone_charge" named (as a knowledge
base holding the note's constant would), so "522 smartphone charges" can be found.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from corpus import CORPUS  # noqa: E402  (the corpus folder the tests use)

from kb.quantities.checks import run_check  # noqa: E402
from kb.quantities.expr import resolver  # noqa: E402
from kb.quantities.interval import Interval  # noqa: E402
from kb.quantities.numbers import Candidate, extract_candidates  # noqa: E402
from kb.quantities.units import dimension_name, parse_unit  # noqa: E402
from kb.quantities.userunits import UserUnits  # noqa: E402

LABELS = ROOT / "benchmarks" / "data" / "claims-labels.json"
CHECKS = ROOT / "benchmarks" / "data" / "checks-heldout.json"
PAPERS = ["strubell2019", "patterson2021", "dodge2022", "luccioni2023", "luccioni2024"]
USER_UNITS = ["smartphone_charge"]
RATIO_WORDS = {"times", "x", "factor", "ratio", "fold"}
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


EXTRACTOR = "pypdf"


def load_pages(source: str) -> list[str]:
    """Page texts of a corpus file: WattBot pypdf JSON, or a PDF extracted by kb."""
    path = CORPUS / source
    if source.endswith(".json"):
        data = json.loads(path.read_text("utf-8"))
        return ["\n".join(p["text"] for p in s["paragraphs"]
                          if (p.get("metadata") or {}).get("attachment_type") != "image")
                for s in data["sections"]]
    from kb.sources.pdf import extract

    # The labels were read off pypdf's text of these pages; the default extractor is pdfium.
    return extract(path.read_bytes(), extractor=EXTRACTOR).pages


def locate(page: str, piece: str) -> tuple[int, int, str]:
    """Offsets and text of the «number» of a labelled piece; the piece must be unique."""
    before, rest = piece.split("«", 1)
    number, after = rest.split("»", 1)

    def rx(text: str) -> str:
        return r"\s+".join(re.escape(w) for w in text.split()) if text.strip() else ""

    pattern = rx(before) + (r"\s*" if before[-1:].isspace() else "") + f"({re.escape(number)})"
    if after:
        pattern += (r"\s*" if after[:1].isspace() else "") + rx(after)
    hits = list(re.finditer(pattern, page))
    if len(hits) != 1:
        if EXTRACTOR != "pypdf":
            raise LookupError(piece)            # printed otherwise by this extractor
        raise SystemExit(f"label {piece!r} found {len(hits)} times on its page")
    return hits[0].start(1), hits[0].end(1), number


NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}


def read_value(text: str) -> float:
    if text.lower() in NUMBER_WORDS:
        return float(NUMBER_WORDS[text.lower()])
    if text.lower() == "half":
        return 0.5
    text = text.replace(" ", "").replace(",", "").lstrip("$").replace("−", "-")
    if "×10" in text:  # "8.22 × 10−6"
        mant, power = text.split("×10")
        return float(mant) * 10 ** int(power)
    scale = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9}.get(text[-1:], 1.0)
    return float(text.rstrip("kKMB")) * scale


def written_values(c: Candidate) -> list[float]:
    out = [c.value]
    for n in re.findall(r"\d[\d,]*(?:\.\d+)?[kKMB]?", c.number.replace(" ", "")):
        try:
            out.append(read_value(n))
        except ValueError:
            pass
    return out


def is_count(unit: str) -> bool:
    try:
        return dimension_name(parse_unit(unit)) == "a count"
    except Exception:
        return False


def unit_agrees(label: str, cand: str, units: UserUnits) -> bool:
    cand = "" if cand == "dimensionless" else cand
    if label in RATIO_WORDS:
        return cand == ""
    noun_phrase = len(label.split()) > 1 and re.fullmatch(r"[a-z ]+", label) is not None
    try:
        if noun_phrase:  # "paper nodes", "citation links": what is counted, in words
            raise ValueError(label)
        parse_unit(label, units.names)
    except Exception:  # a name kb has no unit for: a score, or a count of some noun
        return cand in ("", label) or (label.endswith("s") and is_count(cand))
    if is_count(label) and is_count(cand):
        return True
    try:
        return abs(Interval.exact(1.0, label, units=units).to(cand, units).nominal - 1.0) < 1e-9
    except Exception:
        return False


def check(page: str, got: list[Candidate], piece: str, unit: str, units: UserUnits
          ) -> tuple[str, tuple[int, int], str]:
    """("found" | "wrong" | "missed", span of the marked number, a note) for one label."""
    s, e, number = locate(page, piece)
    value = read_value(number)
    scale = unit.split(" ", 1)[0] if " " in unit else ""
    if scale in SCALE_WORDS:  # "billion parameters": a cell of a table in billions
        value *= SCALE_WORDS[scale]
        unit = unit.split(" ", 1)[1]
    cover = [c for c in got if c.start <= s < c.end]
    ok = [c for c in cover if any(abs(v - value) <= 1e-9 * max(1.0, abs(value))
                                  for v in written_values(c))
          and unit_agrees(unit, c.unit, units)]
    if ok:
        return "found", (s, e), ""
    if cover:
        return "wrong", (s, e), f"wrong: {piece!r} ({unit}) read as {cover[0].number} {cover[0].unit}"
    return "missed", (s, e), f"missed: {piece!r} ({unit})"


def score(doc: dict, verbose: bool, units: UserUnits) -> None:
    totals = {"labels": 0, "found": 0, "wrong": 0, "cands": 0, "covering": 0}
    cache: dict[str, list[str]] = {}
    for entry in doc["pages"]:
        pages = cache.setdefault(entry["source"], load_pages(entry["source"]))
        page = pages[entry["page"] - 1]
        got = extract_candidates([page], USER_UNITS)
        spans = []
        found = wrong = 0
        notes = []
        located = 0
        for piece, unit, *_ in entry["figures"]:
            try:
                verdict, span, note = check(page, got, piece, unit, units)
            except LookupError:
                totals["not located"] = totals.get("not located", 0) + 1
                continue
            located += 1
            spans.append(span)
            found += verdict == "found"
            wrong += verdict == "wrong"
            if note:
                notes.append(note)
        extra = [c for c in got if not any(c.start <= s < c.end for s, _ in spans)]
        n = located
        name = entry["source"].rsplit("/", 1)[-1]
        print(f"{name} p.{entry['page']}: {n} labelled, found {found} ({found / max(n, 1):.0%}), "
              f"wrong value or unit {wrong}, missed {n - found - wrong}; {len(got)} candidates, "
              f"{len(extra)} not a labelled figure")
        if verbose:
            for line in notes:
                print("    " + line.replace("\n", " "))
            for c in extra:
                print(f"    extra: {page[c.start:c.end]!r} -> {c.unit} ({c.kind})".replace("\\n", " "))
        totals["labels"] += n
        totals["found"] += found
        totals["wrong"] += wrong
        totals["cands"] += len(got)
        totals["covering"] += len(got) - len(extra)
    papers = {e["paper"] for e in doc["pages"]}
    print(f"{len(doc['pages'])} pages of {len(papers)} papers: "
          f"recall {totals['found']}/{totals['labels']} = {totals['found'] / totals['labels']:.1%} "
          f"(plus {totals['wrong']} covered with a wrong value or unit); "
          f"precision {totals['covering']}/{totals['cands']} = "
          f"{totals['covering'] / totals['cands']:.1%}"
          + (f"; {totals['not located']} label(s) not located in {EXTRACTOR}'s text"
             if totals.get("not located") else ""))


def readers(doc: dict, verbose: bool, units: UserUnits) -> None:
    """Recall on facts readers of the five papers ask about, each on its page (only those
    facts are marked on these pages, so no precision)."""
    found = total = 0
    per_paper: dict[str, list[int]] = {}
    cache: dict[str, list[str]] = {}
    for entry in doc.get("readers", []):
        pages = cache.setdefault(entry["source"], load_pages(entry["source"]))
        page = pages[entry["page"] - 1]
        got = extract_candidates([page], USER_UNITS)
        tally = per_paper.setdefault(entry["source"].rsplit("/", 1)[-1], [0, 0])
        for piece, unit, *_ in entry["figures"]:
            verdict, _, note = check(page, got, piece, unit, units)
            total += 1
            tally[1] += 1
            if verdict == "found":
                found += 1
                tally[0] += 1
            elif verbose:
                print(f"    {entry['source'].rsplit('/', 1)[-1]} p.{entry['page']}: "
                      + note.replace("\n", " "))
    if total:
        print("readers' facts: " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in per_paper.items())
              + f"; recall {found}/{total} = {found / total:.1%}")


def _sentence(page: str, start: int, end: int) -> tuple[str, str, str]:
    """The quote a person would give for the number at start:end: its sentence, at most 160
    characters either side, its whitespace as one space; with the page's text it is found in and
    the page's before it, as kb claim add reads them (`value_in_quote`'s passage and before)."""
    from kb.quantities.quoted import context_before

    a = max(page.rfind(". ", 0, start) + 2, start - 160, 0)
    b = page.find(". ", end)
    b = min(b if b >= 0 else len(page), end + 160)
    return " ".join(page[a:b].split()), page[a:b], context_before(page, a)


def _wrong(number: str) -> list[str]:
    """Two wrong figures for `number` as written: its last digit changed, and ten times it."""
    digits = [i for i, c in enumerate(number) if c.isdigit()]
    i = digits[-1]
    out = [number[:i] + str((int(number[i]) + 1) % 10) + number[i + 1:]]
    if "." in number:
        j = number.index(".")
        shifted = number[:j] + number[j + 1:j + 2] + "." + number[j + 2:] if j + 2 < len(number) \
            else number.replace(".", "")
        shifted = shifted.lstrip("0") or "0"
        out.append("0" + shifted if shifted.startswith(".") else shifted.rstrip("."))
    else:
        m = re.match(r"[\d,]+", number.lstrip("$"))
        if m:
            out.append(number.replace(m.group(0), m.group(0) + "0", 1))
    return out


def verification(doc: dict, verbose: bool) -> None:
    """kb claim add's decision (kb.quantities.quoted.value_in_quote) on every labelled figure,
    its sentence as the quote: the right value ("11.49 kWh") must verify, and a wrong one (a
    digit changed, ten times the number) must be refused unless the sentence prints it too."""
    from kb.quantities.quoted import numbers_in, value_in_quote

    cache: dict[str, list[str]] = {}
    right = [0, 0]
    wrong = [0, 0]
    denied = 0      # a figure of the page its own sentence denies ("do not sum to 100%"): claimed neither way
    for entry in doc["pages"] + doc.get("readers", []):
        pages = cache.setdefault(entry["source"], load_pages(entry["source"]))
        page = pages[entry["page"] - 1]
        for piece, unit, *per in entry["figures"]:
            try:
                start, end, number = locate(page, piece)
            except LookupError:
                continue
            if not (number[:1].isdigit() or number[:1] in "$.") or unit.split()[:1] in (["thousand"], ["million"],
                                                                                    ["billion"]):
                continue        # a number in words, a cell of a table printed in millions
            quote, passage, before = _sentence(page, start, end)
            unit = "" if unit == "dimensionless" else unit
            value = f"{number} {unit}".strip()
            got = value_in_quote(value, quote, per[0] if per else None, passage, before)
            if not got.ok and (got.problem or "").startswith("the quote denies"):
                denied += 1
                if verbose:
                    print(f"    denied by its sentence, claimed neither way: {value!r} from {quote[:160]!r}")
            else:
                _score(right, [value, per[0]] if per else value, quote, True, verbose, passage, before)
            printed = {n.value for n in numbers_in(quote)}
            for bad in _wrong(number):
                claim = f"{bad} {unit}".strip()
                if any(n.value in printed for n in numbers_in(claim)):
                    continue    # the sentence prints that number too (a table's other cell)
                _score(wrong, [claim, per[0]] if per else claim, quote, False, verbose, passage, before)
    print(f"verification: right values verified {right[0]}/{right[1]}"
          + (f" ({denied} more its sentence denies, claimed neither way)" if denied else "")
          + f"; wrong values refused {wrong[0]}/{wrong[1]}")


def _score(tally: list[int], value: str | list[str], quote: str, right: bool, verbose: bool,
           passage: str | None = None, before: str = "") -> None:
    """Count whether kb claim add decides `value` from `quote` as it should (verified if
    `right`, else refused) into tally = [as it should, all]. A value [figure, per] is claimed
    with that per ("0.3 g CO2e" per "1,000 inferences"). `passage` and `before`: the page's text
    the quote is found in and before it, which kb claim add reads too."""
    from kb.quantities.quoted import value_in_quote

    value, per = value if isinstance(value, list) else (value, None)
    held = value_in_quote(value, quote, per, passage, before).ok
    tally[0] += held == right
    tally[1] += 1
    if verbose and held != right:
        print(f"    {'not verified' if right else 'wrong value verified'}: {value!r}"
              f"{f' per {per!r}' if per else ''} from {quote[:160]!r}")


def writers_claims(doc: dict, verbose: bool, key: str = "claims", name: str = "writers' claims") -> None:
    """kb claim add's decision on figures as writers claim them from real sentences (the
    "claims" of the labels, and apart the held-out "heldout_claims"): every right value must
    verify, every wrong one be refused."""
    from kb.quantities.quoted import context_before

    cache: dict[str, list[str]] = {}
    right = [0, 0]
    wrong = [0, 0]
    unplaced = 0
    for entry in doc.get(key, []):
        pages = cache.setdefault(entry["source"], load_pages(entry["source"]))
        page = " ".join(pages[entry["page"] - 1].split())
        start = page.find(entry["from"])
        end = page.find(entry["to"], start)
        if start < 0 or end < 0:
            unplaced += 1       # another extractor's text (--extractor pdfium)
            continue
        quote = page[start:end + len(entry["to"])]
        before = context_before(page, start)
        for value in entry["right"]:
            _score(right, value, quote, True, verbose, quote, before)
        for value in entry["wrong"]:
            _score(wrong, value, quote, False, verbose, quote, before)
    print(f"{name} ({len(doc.get(key, [])) - unplaced} sentences): right values verified "
          f"{right[0]}/{right[1]}; wrong values refused {wrong[0]}/{wrong[1]}"
          + (f"; {unplaced} sentences not located" if unplaced else ""))


def negation_round(doc: dict, verbose: bool, key: str = "heldout_negation",
                   name: str = "held-out denied figures") -> None:
    """kb claim add's decision on the held-out denied-figure round ("heldout_negation"): real sentences of the corpus
    placed as the writers' claims are, and written twins of them given as a "quote". Every wrong value must be refused;
    a right one refused is counted apart when kb says why (a reason a person can act on) from one refused silently."""
    from kb.quantities.quoted import context_before, value_in_quote

    cache: dict[str, list[str]] = {}
    right = [0, 0, 0, 0]    # verified, refused with a reason, all, verified but a value kb claim add cannot read
    wrong = [0, 0, 0]       # refused, all, refused naming what is wrong
    for entry in doc.get(key, []):
        if "quote" in entry:
            quote = passage = entry["quote"]
            before = ""
        else:
            pages = cache.setdefault(entry["source"], load_pages(entry["source"]))
            page = " ".join(pages[entry["page"] - 1].split())
            start = page.find(entry["from"])
            end = page.find(entry["to"], start)
            if start < 0 or end < 0:
                continue        # another extractor's text (--extractor pdfium)
            quote = passage = page[start:end + len(entry["to"])]
            before = context_before(page, start)
        for value, should in [(v, True) for v in entry["right"]] + [(v, False) for v in entry["wrong"]]:
            value, per = value if isinstance(value, list) else (value, None)     # [figure, per], as a rate is claimed
            got = value_in_quote(value, quote, per, passage, before)
            if should:
                right[0] += got.ok
                right[1] += not got.ok and bool(got.problem)
                right[2] += 1
                right[3] += got.ok and not _readable(value)
            else:
                wrong[0] += not got.ok
                wrong[1] += 1
                wrong[2] += not got.ok and _names_the_wrong(value, got.reason(value))
            if verbose and got.ok != should:
                print(f"    {'not verified' if should else 'wrong value verified'}: {value!r}"
                      f"{f' per {per!r}' if per else ''} from {quote[:160]!r}"
                      f"{f' ({got.problem})' if got.problem else ''}")
    print(f"{name} ({len(doc.get(key, []))} sentences): right values verified "
          f"{right[0]}/{right[2]} (refused with a reason {right[1]}"
          + (f"; verified, but a value kb claim add cannot read {right[3]}" if right[3] else "")
          + f"); wrong values refused {wrong[0]}/{wrong[1]} "
          f"(naming what is wrong {wrong[2]})")


def _readable(value: str) -> bool:
    """Whether kb claim add reads `value` as a figure at all (kb.quantities.interval.Interval.from_written): one it
    cannot ("a factor of 28", "two-thirds") is refused before its quote is read, whatever value_in_quote says."""
    from kb.errors import KBError
    from kb.quantities.interval import Interval

    try:
        Interval.from_written(value)
    except KBError:
        return False
    return True


def _names_the_wrong(value: str, reason: str) -> bool:
    """Whether kb's refusal of a wrong value says what is wrong with it (another unit, magnitude, digit, bound,
    sign, per...), not only which numbers its quote prints ("... is not among its quote's numbers: 8 days, 13,812 kWh")."""
    return not reason.startswith(f"the value {value!r} is not among its quote's numbers") or "(the quote's " in reason


def checks(verbose: bool) -> None:
    """Each round's held-out checks, run as `kb check` runs them: right ones must pass, wrong ones
    fail, unreadable ones be errors. Prints, per round: tried, wrongly passed (the worst), right ones
    failed or errors, a fail for an error or an error for a fail, and the mean time of a check."""
    rounds = {}
    for path in [CHECKS, *sorted(CHECKS.parent.glob("checks-heldout-*.json"))]:   # each later set a file of its own
        rounds.update(json.loads(path.read_text("utf-8")))
    for name, rnd in rounds.items():
        units = UserUnits(rnd["units"])
        resolve = resolver({k: v["value"] for k, v in rnd["figures"].items()})
        wrong_pass = wrong_fail = other = carried = 0
        run_check("warm-up", "1 kWh", "1 kWh", resolve, units=units)
        t = time.perf_counter()
        for id, stated, expr, expected in rnd["checks"]:
            got = run_check(id, stated, expr, resolve, units=units)
            carried += got.carried is not None     # a pass only the rounding of its inputs gives, said as such
            if got.verdict == expected:
                continue
            if got.verdict == "pass":
                wrong_pass += 1
            elif expected == "pass":
                wrong_fail += 1
            else:
                other += 1
            if verbose:
                print(f"  {name} {id}: expected {expected}, got {got.verdict}: {got.message}")
        each = (time.perf_counter() - t) / max(1, len(rnd["checks"])) * 1000
        n = len(rnd["checks"])
        print(f"checks {name}: {n} tried ({sum(c[3] == 'pass' for c in rnd['checks'])} right, "
              f"{sum(c[3] == 'fail' for c in rnd['checks'])} wrong, {sum(c[3] == 'error' for c in rnd['checks'])} "
              f"unreadable): wrongly passed {wrong_pass}, wrongly failed {wrong_fail}, a fail for an error or "
              f"back {other}; passing only by their inputs' rounding, said so {carried}; {each:.2f} ms a check")


def timing(pages: list[str]) -> tuple[float, float, float]:
    extract_candidates(pages, USER_UNITS)  # warm-up: unit registry, regex caches
    times = []
    for page in pages:
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            extract_candidates([page], USER_UNITS)
            best = min(best, time.perf_counter() - t)
        times.append(best * 1000)
    return statistics.mean(times), statistics.median(times), max(times)


def hostile() -> list[tuple[str, int, float]]:
    """Seconds to extract from pages made to be slow: one long token of dots, a sentence
    of thousands of figures with no full stop, thousands of one-number lines."""
    pages = {"a.a.a... (60,000 characters)": "a." * 30000,
             "'kWh is 5 for x, ' x 3,000 (one sentence)": "kWh is 5 for x, " * 3000,
             "'1\\n' x 30,000 (lines)": "1\n" * 30000,
             "'two ' x 20,000 (number words)": "two " * 20000}
    out = []
    for name, page in pages.items():
        t = time.perf_counter()
        extract_candidates([page], USER_UNITS)
        out.append((name, len(page), time.perf_counter() - t))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", action="store_true", help="list every miss and every extra candidate")
    ap.add_argument("--extractor", choices=["pypdf", "pdfium"], default="pypdf",
                    help="extract the PDFs' pages with this (the labels were read off pypdf's text)")
    args = ap.parse_args()
    global EXTRACTOR
    EXTRACTOR = args.extractor
    if not (CORPUS / "wattbot" / "pypdf-text").is_dir() or not (CORPUS / "pdf").is_dir():
        print(f"skipped: the corpus is absent ({CORPUS}); set KB_TEST_CORPUS to the shared/corpus folder")
        return 0
    units = UserUnits({"smartphone_charge": "0.022 kWh"})
    doc = json.loads(LABELS.read_text("utf-8"))
    score(doc, args.verbose, units)
    for path in sorted(LABELS.parent.glob("claims-extract-*.json")):   # held-out extraction pages, a file a round
        print(f"held-out extraction, {path.stem.removeprefix('claims-extract-')}:")
        score(json.loads(path.read_text("utf-8")), args.verbose, units)
    readers(doc, args.verbose, units)
    verification(doc, args.verbose)
    writers_claims(doc, args.verbose)
    writers_claims(doc, args.verbose, "heldout_claims", "held-out writers' claims")
    negation_round(doc, args.verbose)
    negation_round(doc, args.verbose, "heldout_numbers16", "held-out figures of other kinds")
    for path in sorted(LABELS.parent.glob("claims-heldout-sweep*.json")):
        negation_round(json.loads(path.read_text("utf-8")), args.verbose, "claims",
                       f"held-out figures, {path.stem.removeprefix('claims-heldout-')}")
    checks(args.verbose)
    all_pages = [p for name in PAPERS for p in load_pages(f"wattbot/pypdf-text/{name}.json")]
    mean, median, worst = timing(all_pages)
    print(f"time: {len(all_pages)} pages of {len(PAPERS)} papers: mean {mean:.2f} ms/page, "
          f"median {median:.2f} ms, slowest {worst:.2f} ms")
    for name, size, seconds in hostile():
        print(f"hostile page {name}: {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
