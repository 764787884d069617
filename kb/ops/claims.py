"""Numeric claims: `kb claim add`, `kb claims` (list, extract, promote, dismiss), `kb check`.

A claim is a number with a unit, as written ("11.49 kWh"), from a quote that
kb verifies like any other, with page and version. Checks in claims/*.toml
restate a figure and the expression that derives it from named claims and
units; `kb check` recomputes each with interval arithmetic (kb.checks).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from kb import quantities
from kb.atomic import read_json, said, write_text
from kb.errors import KBError, NotFound, UsageError, shown
from kb.lazyimport import lazy_import
from kb.quantities import units
from kb.quantities.units import format_unit, parse_unit, to_base
from kb.store.knowledgebase import KB
from kb.store.queries import (
    PageText,
    claim_stands_sql,
    held_versions,
    load_text,
    no_text,
    no_text_sql,
    off_text,
    off_text_sql,
    paper_keys,
    record_filter,
    rename_hint,
    require_paper,
    rows_as_dicts,
    versions_with_text,
)
from kb.store.sqlite import transaction
from kb.text.display import agreeing, claim_name, close_names
from kb.text.lazyre import lazy
from kb.text.typed import as_shown, enclosing_marks, in_utf8, marks_left_out, typed, typed_all
from kb.text.versions import labelled, normalise_version
from kb.version import VERSION

# Listing claims and reporting checks whose inputs did not change need none of these:
# loaded when a claim is written, a paper's figures extracted or a check computed.
quotes = lazy_import("kb.ops.quotes")
records = lazy_import("kb.ops.records")
checks = lazy_import("kb.quantities.checks")
intervals = lazy_import("kb.quantities.interval")
numbers = lazy_import("kb.quantities.numbers")
quoted = lazy_import("kb.quantities.quoted")
normalising = lazy_import("kb.text.normalise")
userunits = lazy_import("kb.quantities.userunits")
claimsfile = lazy_import("kb.store.claimsfile")

_WORD = lazy(r"[A-Za-z_]\w*")
_DOTTED = lazy(r"(?:`([^`]+)`|(?<![\w.])([A-Za-z_]\w*))((?:\.\w+)+)")


def _ident(claim_id: str) -> str:
    """How a claim id is written in an expression: '-' would be a minus sign."""
    return claim_id.replace("-", "_")


def _check_value(value: str):
    """The written figure as an Interval; a clear UsageError when it is not one."""

    value = value.strip()
    if not value:
        raise UsageError("the claim's value is empty; write it as in the paper, e.g. \"11.49 kWh\"")
    if len(value) > quoted.LONGEST_VALUE:
        raise UsageError(quoted.too_long(value))
    try:
        return intervals.Interval.from_written(value)
    except KBError as exc:
        raise UsageError(f"cannot read the value {said(value)}: {exc.message}",      # the reader's own hint first
                         hint=getattr(exc, "hint", None)
                         or "write a number with its unit, e.g. \"11.49 kWh\", \"626,155 lb CO2e\", \"16 %\"") from None


class ValueNotInQuote(UsageError):
    """A claim's value is not among its quote's numbers (exit 2: nothing was stored)."""


def check_value(value: str, quote: str | None, per: str | None = None, passage: str | None = None,
                before: str = "") -> str | None:
    """Why ``value`` is not backed by ``quote`` (None when it is, or when there is no quote);
    `per` is the claim's rate ("hour": "0.025 kg CO2e" of "25 gCO2e per hour"); `passage` the
    paper's text the quote was found in, whose numbers the value must be as printed there, and
    `before` the page's text before it, where a quoted table row's header states its unit."""
    if not quote:
        return None
    found = quoted.value_in_quote(value, quote, per, passage, before)
    return None if found.ok else found.reason(value)


def _spaced(s) -> str:
    return " ".join(str(s).split()) if s is not None else ""


#: A figure's number with its scale, as a letter or a word ("81.1M", "81.1 million", "81,100,000", "1e6", "5k"):
#: what two ways of writing one figure may differ in; its sign, bound, approximation and unit they may not.
_FIGURE_NUMBER = lazy(r"(?i)\d[\d.,]*(?:e[-+]?\d+)?(?:[ \u00a0]*(?:thousand|million|billion|trillion)s?(?![^\W\d_])"
                      r"|(?:bn|mn|[kmbt])(?![^\W\d_]))?")


def same_figure(held, given: str) -> bool:
    """Whether two figures written for a claim are one value in one unit: written alike (white space
    aside), or written alike but for how the number and its scale are spelt, and read as the very same
    interval in the very same unit ("81.1M papers", "81.1 million papers", "81,100,000 papers"), or alike
    but for how a unit of measure or a currency is spelt (`_unit_spelt_otherwise`: "121.7 h" of "121.7 hours",
    "5 kWh" of "5 kilowatt-hours", "$5" of "USD 5"); "81.2M papers", "81.10M papers" (another precision),
    "~81.1M papers", "up to 81.1M papers", "-5 kWh", "5 kg CO2" of "5 kg CO2e", "5000 Wh" of "5 kWh", "5 tons"
    of "5 tonnes", "5 new papers" of "5 papers" are other figures."""
    if _spaced(held) == _spaced(given):
        return True
    if not isinstance(held, str):
        return False
    try:
        a, b = intervals.Interval.from_written(held.strip()), intervals.Interval.from_written(given.strip())
    except KBError:
        return False
    if (a.lo, a.nominal, a.hi) != (b.lo, b.nominal, b.hi):
        return False
    if "".join(_FIGURE_NUMBER.sub("#", held).split()) == "".join(_FIGURE_NUMBER.sub("#", given).split()):
        return a.unit_text == b.unit_text
    return a.unit == b.unit and _unit_spelt_otherwise(held, given)


#: A currency's sign or code written with a figure ("$", "US$", "€", "USD"): how one currency is spelt otherwise.
_CURRENCY_MARK = lazy(r"(?:US|A|C|NZ|HK)?[$€£¥]|(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])")
#: A mention of CO2 in a unit ("CO2e", "CO2-eq", "CO₂"): kb reads "kg CO2" as "kg CO2e", but a writer who wrote one
#: claimed the other.
_CO2_MENTION = lazy(r"(?i)co\s*[2\u2082](?:\s*-?\s*e(?:q(?:uiv(?:alent)?s?)?)?\.?(?![a-z]))?|carbon\s+dioxide"
                    r"(?:\s+equivalents?)?|ghg")


def _unit_spelt_otherwise(held: str, given: str) -> bool:
    """Whether two figures read as one interval in one unit differ only in how that unit is spelt: the words before
    each unit alike but for a currency's sign or code, each unit a unit of measure kb reads as a whole (never a
    counted noun with words of its own: "new papers", "non-sepsis encounters", "A100 GPUs" name other things than
    "papers", "encounters", "GPUs"), and any CO2 written alike ("kg CO2" is not "t CO2e")."""
    heads = []
    for text in (held, given):
        written = " ".join(text.split())
        try:
            parts = intervals.written_parts(written)
        except KBError:
            return False
        unit_text = parts.unit_text
        if unit_text:
            if not written.endswith(unit_text) or not units.reads_as_unit(unit_text):
                return False
            written = written[:-len(unit_text)]
        elif parts.first.currency is None:
            return False
        heads.append((parts.first.currency, "".join(_FIGURE_NUMBER.sub("#", _CURRENCY_MARK.sub("", written)).split()),
                      [re.sub(r"\W", "", m.group(0)).casefold() for m in _CO2_MENTION.finditer(unit_text)]))
    (cur_a, head_a, co2_a), (cur_b, head_b, co2_b) = heads
    return head_a == head_b and co2_a == co2_b and (cur_a == cur_b or cur_a is None or cur_b is None)


#: A digit group's separator within a number ("1,000", "1 000", "1\u202f000", "1'000"): how a per's count may be
#: written otherwise.
_DIGIT_GROUP = lazy(r"(?<=\d)[,\u00a0\u202f\u2009 '](?=\d{3}(?!\d))")


def same_per(held, given: str | None) -> bool:
    """Whether a claim's per given again is its stored one: white space aside, or the same words but for case, a
    hyphen written as a space and how a count's digits are grouped ("1000 inferences" of "1,000 inferences", "GPU
    hour" of "GPU-hour"); "100 inferences", "inference" and "1000 queries" are other pers."""
    if _spaced(held) == _spaced(given):
        return True
    if not isinstance(held, str) or not isinstance(given, str):
        return False

    def folded(per: str) -> str:
        return " ".join(_DIGIT_GROUP.sub("", per).replace("-", " ").casefold().split())

    return folded(held) == folded(given)


def same_quote(held, given: str) -> bool:
    """Whether a claim's quote given again is its stored one: white space aside, or the same words
    written in other quote marks, case or line breaks (`normalise.wording`)."""
    if _spaced(held) == _spaced(given):
        return True
    return isinstance(held, str) and normalising.wording(held) == normalising.wording(given)


def _merge_claim(kb: KB, citekey: str, claim_id: str, value: str, quote: str | None, per: str | None,
                 topics: list[str], note: str | None, replace: bool) -> tuple[str, str | None, str | None,
                                                                             list[str], str | None, list[str]]:
    """Re-adding claim `claim_id`: what is not given is kept from the stored claim (its quote,
    per, note), topics are added; a figure or quote written otherwise that is the same (`same_figure`,
    `same_quote`) is kept as stored; a different figure, quote or per is refused (UsageError
    naming the difference) unless `replace`. Returns (value, quote, per, topics, note, what was merged)."""
    old = records.stored_record(kb, citekey, "claim", claim_id)
    if old is None or replace:
        return value, quote, per, topics, note, (["replaced the stored claim"] if old is not None else [])
    differ = []
    for name, given in (("value", value.strip()), ("quote", (quote or "").strip() or None), ("per", per)):
        held = old.get(name)
        alike = {"value": same_figure, "quote": same_quote, "per": same_per}.get(name)
        if given is not None and held is not None and not (alike or (lambda a, b: _spaced(a) == _spaced(b)))(
                held, given):
            differ.append(f"{name} {held!r} -> {given!r}")
    if differ:
        raise UsageError(f"claim {claim_name(citekey, claim_id)} is stored with another {differ[0].split()[0]}: "
                         + "; ".join(differ) + "; nothing stored",
                         hint="use --replace to replace it, or another --id")
    merged = []
    # the same figure or quote written otherwise: kept as stored, and said where it is more than white space
    if isinstance(old.get("value"), str) and old["value"] != value.strip():
        if _spaced(old["value"]) != _spaced(value):
            merged.append(f"kept its value as written {old['value']!r}")
        value = old["value"]
    if quote is not None and isinstance(old.get("quote"), str) and old["quote"] != quote.strip():
        if _spaced(old["quote"]) != _spaced(quote):
            merged.append("kept its quote as written")
        quote = old["quote"]
    if quote is None and old.get("quote"):
        quote = old["quote"]
        merged.append("kept its quote")
    if per is None and old.get("per"):
        per = old["per"]
        merged.append(f"kept per {per!r}")
    elif per is not None and isinstance(old.get("per"), str) and old["per"] != per:
        if _spaced(old["per"]) != _spaced(per):
            merged.append(f"kept its per as written {old['per']!r}")
        per = old["per"]
    held_topics = [t for t in old.get("topics", []) if isinstance(t, str)]
    new_topics = [t for t in topics if t not in held_topics]
    if new_topics:
        merged.append(f"added {agreeing(len(new_topics), 'topic', 'topics')} " + ", ".join(new_topics))
    if note is None and old.get("note") and old.get("status") == "verified":
        note = old["note"]
    return value, quote, per, held_topics + new_topics, note, merged or ["unchanged"]


def _same_claim(kb: KB, citekey: str, value: str, quote: str | None, per: str | None) -> str | None:
    """The id of a claim of `citekey` stored with this value, quote and per (white space aside; the value
    the same figure, `same_figure`, the quote the same words, `same_quote`), or None: re-running `kb claim
    add` without --id, as written or written otherwise ("81.1 million papers" of "81.1M papers"), merges
    into it (_merge_claim) as re-adding its id does, where it would store the claim again under a new id
    ("members_2", "million_papers")."""
    def quoted_alike(held) -> bool:
        return (held is None) == (quote is None) and (quote is None or same_quote(held, quote))

    for claim_id, held_quote, held_per in kb.conn.execute(
            "select id, quote, per from claims where citekey = ? and kind = 'claim' order by rowid", [citekey]):
        if not same_per(held_per, per) or not quoted_alike(held_quote):
            continue
        held = records.stored_record(kb, citekey, "claim", claim_id)
        if held is not None and same_per(held.get("per"), per) and quoted_alike(held.get("quote")) \
                and same_figure(held.get("value"), value):
            return claim_id
    return None


def add_claim(kb: KB, citekey: str, value: str, *, quote: str | None = None, per: str | None = None,
              topics: list[str] | None = None, claim_id: str | None = None, version: str | None = None,
              force: bool = False, note: str | None = None, replace: bool = False,
              page: int | None = None) -> dict:
    """Store a claim; its quote (if given) is verified against the paper first, on `page` when one
    is given (`quotes.on_given_page`). Re-adding an id is a merge (`_merge_claim`), never a silent
    overwrite."""

    interval = _check_value(in_utf8(value, "the value"))
    quote = as_shown(in_utf8(quote, "the quote"), "the quote") if quote is not None else None
    quote, marks = enclosing_marks(quote) if quote is not None else (None, "")
    if quote is not None and len(quote.strip()) > claimsfile.MAX_STRING:
        # as kb quote add says it: matched, a quote of megabytes took minutes; stored --force, it made
        # a claims file kb reads no more (every command stopped on it)
        raise UsageError(f"the claim's quote is {len(quote.strip()):,} characters; quotes are limited to "
                         f"{claimsfile.MAX_STRING:,}; nothing written")
    version = normalise_version(version) if version else None
    topics, per, note = typed_all(topics, "topic"), typed(per, "per"), typed(note, "note")
    if claim_id is not None and not claimsfile.ID_RE.match(typed(claim_id, "id")):
        raise UsageError(f"claim id {said(claim_id)} must be letters, digits, '-', '_' or '.', starting with "
                         "a letter or digit")
    if page is not None and page < 1:
        raise UsageError(f"--page {page} is not a page: pages are numbered from 1")
    merged: list[str] = []
    if claim_id is None and not replace:
        # the same kb claim add run again (a script, a shell's history): that claim, not a second one
        claim_id = _same_claim(kb, require_paper(kb.conn, citekey)["citekey"], value, quote, per)
    if claim_id is not None:
        citekey = require_paper(kb.conn, citekey)["citekey"]
        value, quote, per, topics, note, merged = _merge_claim(kb, citekey, claim_id, value, quote, per,
                                                        list(dict.fromkeys(topics or [])), note, replace)
    record: dict = {"value": value.strip(), "per": per, "topics": list(dict.fromkeys(topics or []))}
    warnings: list[str] = [marks_left_out(marks, "quote")] if marks else []
    paper = require_paper(kb.conn, citekey)
    citekey = paper["citekey"]              # a key in its ids, or written in another Unicode form
    if quote:
        quote = quote.strip()
        paper, text, match, near = quotes.verify_text(kb, citekey, quote, version)
        record["quote"] = quote
        if text is None:
            if not force:
                raise quotes.QuoteNotFound(f"kb holds no text of {labelled(citekey, version)}"
                                    + "; cannot verify the claim's quote (get the text, or use --force)")
            record.update({"version": version, "status": "unverified", **quotes.forced_page(page, None),
                           "note": note or "quote not verified: no text held"})
        elif match is None:
            if not force:
                raise quotes.describe_miss(paper, text.version, near, versions_with_text(kb.conn, citekey),
                                           what="the claim's quote")
            record.update({"version": text.version, "status": "unverified",
                           **quotes.forced_page(page, text, "the claim"),
                           "note": note or ("quote not found in " + text.version
                                            + (f"; {near.describe()}" if near else ""))})
        elif (unread := quotes.garbled_under(match, text)) is not None:
            if not force:
                raise quotes.QuoteNotFound(f"{unread}; the claim's quote matches the extractor's garbage, not what "
                                           "the paper prints, so it is not verified; nothing stored (store it "
                                           "unverified with --force)")
            record.update({"version": text.version, "status": "unverified",
                           **quotes.forced_page(page, text, "the claim"), "note": note or f"not verified: {unread}"})
            match = None        # its figure is not read in garbage
        else:
            if page is not None:
                match = quotes.on_given_page(page, quote, match, text, "the claim's quote")
            record.update({"page": match.page, "version": text.version, "status": "verified"})
            if note:
                record["note"] = note
            if match.method == "punctuation":
                warnings.extend(match.notes)
        mismatch = check_value(value, quote, per, *((quotes.passage(match, text), quotes.context_before(match, text))
                                                    if match is not None else ()))
        if mismatch is None and (bound := quoted.bound_note(value, quote)):
            warnings.append(bound)      # "50%" of "up to 50%": a bound's number
        if mismatch is not None:
            if not force:
                raise ValueNotInQuote(mismatch + "; nothing stored",
                                      hint="correct the value, or store it unverified with --force")
            record["status"] = "unverified"
            record["note"] = "; ".join(dict.fromkeys(x for x in (record.get("note"), note, mismatch) if x))
            warnings.append(mismatch + ": stored unverified")
    else:
        if page is not None:
            raise UsageError("--page is the page of the claim's quote: give the quote with --quote")
        record.update({"version": version, "status": "unverified",
                       "note": note or "no quote given: the claim is not verified"})
        warnings.append("no --quote: the claim is stored unverified")
    with kb.writing():
        db = kb.db
        taken = {r[0] for r in db.execute("select id from claims where citekey = ?", [citekey])}
        if claim_id is None:
            # ids are stored with '_' for the slug's '-': compared so, a new claim never takes
            # (and replaces) another's id ("kwh_query" of "0.5 kWh" and "0.6 kWh" per query)
            # a value of no words ("10^9", "950") is named by its quote's words, where it has one
            named = f"{value} {per or ''}"
            if quote and not quotes.slug_id(named, (), words=4, empty=""):
                named = quote
            claim_id = quotes.slug_id(named, {t.replace("_", "-") for t in taken},
                                      words=4, empty="claim").replace("-", "_")
        replace = claim_id if claim_id in taken else None
        held = records.stored_record(kb, citekey, "claim", claim_id) if merged == ["unchanged"] else None
        wrote = records.write_record(kb, citekey, "claim", {"id": claim_id, **record}, replace_id=replace)
        merged = records.merge_said(merged, wrote, held, {"id": claim_id, **record})
    stored = {"id": claim_id, "citekey": citekey, **record,
              "unit": interval.unit_text, "written": value.strip(),
              "interval": [interval.lo, interval.nominal, interval.hi], "warnings": warnings,
              "expression_name": claim_name(citekey, claim_id), "merged": merged,
              "outcome": records.outcome(merged, wrote)}
    return {k: v for k, v in stored.items() if v not in (None, [], "")}


# -- listing ----------------------------------------------------------------------------------

def _bound(option: str, text: str):
    """A --min or --max figure in base units: (value, base unit); UsageError naming the option."""
    if not text.strip():
        raise UsageError(f"{option} {said(text)} names nothing", hint="give a figure with its unit, e.g. \"1 kWh\"")
    try:
        interval = intervals.Interval.from_written(text.strip())
        return to_base(interval.nominal, interval.unit_text, nouns=True)
    except KBError as exc:
        raise UsageError(f"{option} {said(text)}: {exc.message}",
                         hint="give a figure with its unit, e.g. \"1 kWh\"") from None


def _units_held_hint(kb: KB, unit: str, hint: str | None) -> str | None:
    """A hint for `--unit` naming a unit kb does not know: kb's own "did you mean" where it has one, else the units
    this knowledge base's claims are written in closest to it, else the ones they use most ("zzqq" is close to no unit:
    "the claims here are in kWh, GPU, %")."""
    if hint and hint.startswith("did you mean"):
        return hint
    held = []
    for written, base in kb.conn.execute(
            "select trim(coalesce(unit, '')), base_unit from claims where trim(coalesce(unit, '')) != '' "
            "or coalesce(base_unit, '') not in ('', 'dimensionless') group by 1, 2 order by count(*) desc, 1, 2"):
        if not written:     # a figure the index holds whole ("~58 GPUs"): its unit as kb writes it
            try:
                written = format_unit(parse_unit(base))
            except KBError:
                continue
        if written not in held:
            held.append(written)
    if not held:
        return hint
    close = close_names(unit.strip(), held, n=3, cutoff=0.5)
    if close:
        return "did you mean " + ", ".join(close) + "?"
    return "the claims here are in " + ", ".join(held[:5]) + (", ..." if len(held) > 5 else "")


def _claims_where(kb: KB, topics: list[str] | None, paper: str | None, unit: str | None,
                  minimum: str | None, maximum: str | None, text: list[str] | None = None) -> tuple[str, list]:
    """Claims tagged with every topic (tags only), holding every `text` (full text)."""
    where, params = record_filter(kb.conn, "claims", topics, text, paper)
    base_unit, set_by = None, None
    if unit:
        set_by = f"--unit {said(unit)}"

        try:
            _, base_unit = to_base(1.0, unit)
        except KBError as exc:
            # a noun kb has no unit for names a count ("cores", "CPU cores"), as a figure's unit is read
            # ("100,000 cores"): whether or not a claim here counts those things, as for kb's own counts
            # ("nodes": no claims match); what kb reads as no unit nor noun stays an unknown unit ("kWhh")
            if not units.count_forms(unit):
                raise UsageError(f"--unit {said(unit)}: {exc.message}",
                                 hint=_units_held_hint(kb, unit, getattr(exc, "hint", None))) from None
            _, base_unit = to_base(1.0, "item")
    bounds = {}
    counted = [unit] if unit else []
    for option, text, op in (("--min", minimum, ">="), ("--max", maximum, "<=")):
        if text is None:
            continue
        value, bound_unit = bounds[option] = _bound(option, text)
        counted.append(text.strip().lstrip("0123456789.,+- "))
        if base_unit and bound_unit != base_unit:
            raise UsageError(f"{option} {said(text)} is not in the same kind of unit as {set_by}")
        base_unit, set_by = bound_unit, set_by or f"{option} {said(text)}"
        where += f" and base_value {op} ?"
        params.append(value)
    if len(bounds) == 2 and bounds["--min"][0] > bounds["--max"][0]:
        raise UsageError(f"--min {said(minimum)} is more than --max {said(maximum)}: no figure is both",
                         hint="swap them, or leave one out")
    if base_unit is not None:
        where += " and base_unit = ?"
        params.append(base_unit)
    for text in counted:
        # a count of things named ("cores", "CPU cores", "queries"): claims counting those, singular or
        # plural, not every count ("12 nodes" is no figure in cores)
        forms = units.count_forms(text)
        if forms:
            where += " and (" + " or ".join(["(' ' || lower(trim(unit))) like ?"] * len(forms)) + ")"
            params += [f"% {f}" for f in forms]
    return where, params


def list_claims(kb: KB, *, topics: list[str] | None = None, paper: str | None = None,
                unit: str | None = None, minimum: str | None = None, maximum: str | None = None,
                text: list[str] | None = None) -> list[dict]:
    """Claims matching every filter: on all `topics`, from `paper`, of the kind of
    `unit`, at least `minimum` / at most `maximum` (figures with units). A claim
    stands verified only as kb verify decides it (kb.quantities.quoted.claim_doubt,
    kept in the index by kb.ops.derive): a value edited by hand that is not among
    its quote's numbers is "unverified", and `reason` says why (None when verified). A verified claim a newer
    version kb holds no longer prints (or prints with another figure) is "stale", `stale_in` naming that version and
    `stale` what kb verify says (both None otherwise: kb.ops.derive.stale_marks); one it prints on another page than
    the one stored has `moved_in` naming that version and `moved_to` its page or pages there (both None otherwise)."""

    where, params = _claims_where(kb, topics, paper, unit, minimum, maximum, text)
    rows = rows_as_dicts(kb.conn.execute(
        f"select id, citekey, number, value, unit, per, quote, page, version, topics, "
        f"case when not {claim_stands_sql()} then 'unverified' when {no_text_sql('claims')} then 'no-text' "
        f"when stale_in is not null then 'stale' else 'verified' end as status, "
        f"doubt as reason, stale_in, stale, moved_in, moved_to, file, "
        f"trim(coalesce(number, '') || ' ' || coalesce(unit, '')) as written, {off_text_sql('claims')} as off "
        f"from claims where {where} order by citekey, rowid", params))
    memo: dict = {}
    for r in rows:
        r["topics"] = json.loads(r["topics"])
        if r.pop("off") and r["reason"] is None:        # a version or page kb holds no text of
            r["reason"] = quotes.no_paper_reason(kb, r["citekey"], memo) or off_text(kb.conn, r["citekey"], r["version"], r["page"])
        elif r["status"] == "no-text":                  # no text of its paper at all: as kb verify says it
            r["reason"] = no_text(r["citekey"], r["version"])
        if r["status"] != "stale":
            r["stale_in"] = r["stale"] = None
        if r["status"] != "verified" or r["reason"] is not None:
            r["moved_in"] = r["moved_to"] = None        # said of a claim found on its page alone
    return rows


def claim_lines(kb: KB, **filters) -> list[tuple[str, ...]]:
    """The same claims as `list_claims`, as display cells made by SQLite (a listing
    of tens of thousands of claims prints without a Python pass per field)."""
    where, params = _claims_where(kb, filters.get("topics"), filters.get("paper"), filters.get("unit"),
                                  filters.get("minimum"), filters.get("maximum"), filters.get("text"))
    return kb.conn.execute(
        "select citekey || '.' || replace(id, '-', '_'), trim(coalesce(number, '') || ' ' || coalesce(unit, '')), "
        "coalesce(per, ''), coalesce(nullif(version, ''), '-') || ' p.' || coalesce(page, '?') || "
        f"case when not {claim_stands_sql()} or {no_text_sql('claims')} or stale_in is not null "
        "or moved_in is null then '' else ' (' || moved_in || ': p.' || moved_to || ')' end, "
        f"case when not {claim_stands_sql()} then 'UNVERIFIED' when {no_text_sql('claims')} then 'NO TEXT' "
        "when stale_in is not null then 'STALE: not in ' || stale_in else '' end, coalesce(quote, '') "
        f"from claims where {where} order by citekey, rowid", params).fetchall()


# -- extraction -------------------------------------------------------------------------------

def extract(kb: KB, citekey: str, version: str | None = None) -> list[dict]:
    """Propose every number with a unit in the paper's text as a candidate claim."""

    paper = require_paper(kb.conn, citekey)
    citekey = paper["citekey"]
    version = normalise_version(version) if version else None
    text = load_text(kb.conn, citekey, version)
    if text is None:
        held = versions_with_text(kb.conn, citekey)
        raise NotFound(f"kb holds no text of {labelled(citekey, version)}"
                       + (f" (it has {held_versions(held)})" if held else ""),
                       hint="add the PDF first (kb add), or kb text load")
    user = [r[0] for r in kb.db.execute("select name from units")]
    candidates = numbers.extract_candidates(text.pages, user_units=user)
    with kb.writing():
        db = kb.db
        with transaction(db):
            kept = {(r[0], r[1]): r[2] for r in db.execute(
                "select page, start, status from candidates where citekey = ? and version = ? "
                "and status != 'unreviewed'", [citekey, text.version])}
            rows = [(citekey, text.version, c.page, c.start, c.end, c.number, c.value, c.unit, c.per or None,
                     c.low, c.high, c.sentence) for c in candidates if (c.page, c.start) not in kept]
            # a candidate found again as it was keeps its number: `kb claims extract` run again listed each under
            # a new one, and the number a person had read from the first listing named none, or another figure
            held = {tuple(r[1:]): r[0] for r in db.execute(
                'select id, citekey, version, page, start, "end", number, value, unit, per, low, high, sentence '
                "from candidates where citekey = ? and version = ? and status = 'unreviewed'",
                [citekey, text.version])}
            found = set(rows)
            db.conn.executemany("delete from candidates where id = ?",
                                [(cid,) for row, cid in held.items() if row not in found])
            db.conn.executemany(
                'insert or ignore into candidates (citekey, version, page, start, "end", number, value, unit, per, '
                "low, high, sentence) values (?,?,?,?,?,?,?,?,?,?,?,?)", [r for r in rows if r not in held])
            # Decisions a person made live in the claims files: a dismissal ([[dismissed]]), a
            # promotion (a [[claim]] with that figure on that page). Re-apply them.
            db.execute("update candidates set status = 'dismissed' where citekey = ? and status = 'unreviewed' "
                       "and exists (select 1 from dismissals d where d.citekey = candidates.citekey and "
                       "d.version = candidates.version and d.page = candidates.page and d.start = candidates.start)",
                       [citekey])
            db.execute("update candidates set status = 'promoted', claim_id = (select c.id from claims c where "
                       "c.citekey = candidates.citekey and c.page = candidates.page and c.number = candidates.number "
                       "limit 1) where citekey = ? and status = 'unreviewed' and exists (select 1 from claims c "
                       "where c.citekey = candidates.citekey and c.page = candidates.page and "
                       "c.number = candidates.number)", [citekey])
    del paper
    return list_candidates(kb, citekey=citekey, version=text.version)


def list_candidates(kb: KB, citekey: str | None = None, version: str | None = None,
                    status: str = "unreviewed") -> list[dict]:
    where, params = ["status = ?"], [status]
    if citekey:             # a paper's key, or one kept in its ids; a key of no paper is an error
        citekey = paper_keys(kb.conn, [citekey])[0]
        where.append("citekey = ?")
        params.append(citekey)
    if version:
        where.append("version = ?")
        params.append(version)
    rows = [dict(r) for r in kb.db.query(
        f'select id, citekey, version, page, start, "end", number, value, unit, per, low, high, sentence, status '
        f"from candidates where {' and '.join(where)} order by citekey, version, page, start", params)]
    # What the page prints for each, as the reviewer reads it ("100 sheets", where kb's unit
    # is 'item'): each paper's text read once (the rows come paper by paper), None where kb no
    # longer holds it.
    text = None
    for r in rows:
        if text is None or (text.citekey, text.version) != (r["citekey"], r["version"]):
            text = load_text(kb.conn, r["citekey"], r["version"]) or PageText(r["citekey"], r["version"], [], "")
        page = text.pages[r["page"] - 1] if 0 < r["page"] <= len(text.pages) else ""
        r["printed"] = " ".join(page[r["start"]:r["end"]].split()) or None
    return rows


def promote(kb: KB, candidate_id: int, *, claim_id: str | None = None, per: str | None = None,
            topics: list[str] | None = None) -> dict:
    """Make an extracted candidate a claim (its sentence is the quote)."""

    row = kb.db.execute('select citekey, version, number, unit, per, sentence, status, claim_id from candidates '
                        'where id = ?', [candidate_id]).fetchone()
    if row is None:
        raise NotFound(f"no candidate {candidate_id}", hint="see `kb claims --unreviewed`")
    citekey, version, number, unit, printed_per, sentence, status, promoted_as = row
    per_given = bool(per)
    per = per or printed_per        # "25 kWh per run": 25 kWh, per run, as the page prints it
    if status == "promoted":
        # run again: the claim it made, merged as `kb claim add` of the same figure merges (new topics
        # added; another --per refused with the difference), where it was refused "is already a claim",
        # exit 2; another --id would be a second claim of one figure
        if promoted_as and claim_id and claim_id.replace("_", "-") != promoted_as.replace("_", "-"):
            raise UsageError(f"candidate {candidate_id} is the claim {claim_name(citekey, promoted_as)} already, "
                             f"not {said(claim_id)}; nothing stored",
                             hint=f"kb claim rm {claim_name(citekey, promoted_as)} first to store it under another id")
        claim_id = claim_id or promoted_as

    value = f"{number} {format_unit(parse_unit(unit))}".strip() if unit else number
    head = printed_per or (unit.split("/", 1)[1] if unit and "/" in unit and not per else None)
    full = quoted.qualified_per(sentence, number, head.replace("_", " ")) if head and not per_given else None
    if full is not None:
        # "5 W per idle node": 5 W, per idle node, every word of its per as kb claim add stores it (the candidate's
        # unit "W/node" names the node alone, and "node" of "per idle node" is no claim of its quote)
        amount = unit.split("/", 1)[0] if printed_per is None else unit
        value, per = f"{number} {format_unit(parse_unit(amount))}".strip(), full
    try:
        stored = add_claim(kb, citekey, value, quote=sentence, per=per, topics=topics, claim_id=claim_id,
                           version=version)
    except UsageError as exc:
        if status == "promoted" and exc.hint and "--replace" in exc.hint:
            # promote takes no --replace: the claim it made is changed by kb claim add
            exc.hint = f"kb claim add {citekey} ... --id {claim_id} --replace changes the claim it made"
        raise
    with kb.writing():
        with transaction(kb.db):
            kb.db.execute("update candidates set status = 'promoted', claim_id = ? where id = ?",
                          [stored["id"], candidate_id])
    return stored


def dismiss(kb: KB, candidate_ids: list[int]) -> int:
    """Mark candidates as not worth a claim. The decision is written to the paper's claims
    file (`[[dismissed]]`), so it outlives any index and applies when the paper is
    extracted again. A number naming no candidate (0, one past the last, one of another
    index) or a candidate made a claim is refused before anything is written: the
    command said 'dismissed 0 candidates' and exited 0 on a number typed wrong. One
    dismissed already is left as it is (not counted)."""
    with kb.writing():
        by_paper: dict[str, list[dict]] = {}
        rows = {}
        for cid in dict.fromkeys(candidate_ids):
            rows[cid] = kb.db.execute('select citekey, version, page, start, number, unit, sentence, status, '
                                      'claim_id from candidates where id = ?', [cid]).fetchone()
        missing = [str(cid) for cid, row in rows.items() if row is None]
        if missing:
            raise NotFound(f"no candidate {', '.join(missing)}; nothing dismissed",
                           hint="see `kb claims --unreviewed` for the candidates' numbers")
        promoted = [f"{cid} (claim {row[8]})" for cid, row in rows.items() if row[7] == "promoted"]
        if promoted:
            raise UsageError(f"candidate {', '.join(promoted)} is a claim already; nothing dismissed",
                             hint="kb claim rm removes a claim")
        for row in rows.values():
            if row[7] != "unreviewed":
                continue
            citekey, version, page, start, number, unit, sentence = row[:7]
            by_paper.setdefault(citekey, []).append(
                {"version": version, "page": page, "start": start, "number": number, "unit": unit,
                 "sentence": " ".join((sentence or "").split())[:200]})
        for citekey, dismissed in by_paper.items():
            records.write_records(kb, citekey, "dismissed", dismissed)
    return sum(len(r) for r in by_paper.values())


# -- checks -------------------------------------------------------------------------------------

@dataclass
class Namespace:
    """Claims and units by the names expressions use."""
    values: dict[str, str] = field(default_factory=dict)     # name -> written figure
    sources: dict[str, str] = field(default_factory=dict)    # name -> where it is defined
    ambiguous: dict[str, list[str]] = field(default_factory=dict)
    units: userunits.UserUnits = field(default_factory=lambda: userunits.UserUnits())  # claims files' [units]
    #: [units] defined as a claim kb does not hold (renamed, removed): name -> why it is not defined
    broken: dict[str, str] = field(default_factory=dict)

    def resolve(self, name: str):
        if name in self.ambiguous:
            named = self.ambiguous[name]
            if name in self.values and all(n.startswith("claim ") for n in named):
                raise UsageError(f"{name!r} names two claims, {' and '.join(named)}: change one's id "
                                 "(or rename its paper) so that each has a name of its own")
            raise UsageError(f"{name!r} is ambiguous: write " + " or ".join(named))
        if name not in self.values:
            raise NotFound(f"undefined name {name!r}")
        return self.values[name]


def _named(words: set[str] | None) -> tuple[str, list]:
    """SQL keeping the claims a check can name (all claims when None): those whose id,
    as an expression writes it ('-' as '_'), is a word of `words` written alone, or
    follows its paper's key as 'citekey.id' (an entry 'id citekey')."""
    if words is None:
        return "", []
    return (" where replace(id, '-', '_') in (select value from json_each(?1))"
            " or replace(id, '-', '_') || ' ' || replace(citekey, '-', '_') in (select value from json_each(?1))",
            [json.dumps(sorted(words))])


def check_words(kb: KB, rows: list[dict]) -> set[str]:
    """What the checks `rows` and the [units] definitions can name: each word written
    alone (a claim id used bare, which must be unique), and each 'citekey.id' as
    'id citekey' ('-' read as '_' in both, as expressions write them)."""
    texts = [f"{r['stated']} {r['expr']} {r.get('tolerance') or ''}" for r in rows]
    texts += [r[0] for r in kb.conn.execute("select definition from units")]
    out: set[str] = set()
    for text in texts:
        text = text.replace("-", "_")
        for m in _DOTTED.finditer(text):
            # "paper.gpt_3.5": the id is "gpt_3.5" (or "5" of a paper "paper.gpt_3"); all of it
            # written alone may be a bare id holding dots
            parts = [m.group(1) or m.group(2), *m.group(3)[1:].split(".")]
            out.update(f"{'.'.join(parts[k:])} {'.'.join(parts[:k])}" for k in range(1, len(parts)))
            if m.group(2):
                out.add(".".join(parts))
        out.update(m.group() for m in _WORD.finditer(text) if m.start() == 0 or text[m.start() - 1] != ".")
    return out


def _claim_named(definition: str, names) -> str | None:
    """The claim a [units] definition names ("citekey.claim_id", "`key-with-dashes`.id",
    "claim_id"), as `names` holds it; None for a figure ("0.012 kWh") or a name not held."""
    ticked = re.fullmatch(r"`([^`]+)`\.(\w[\w.-]*)", definition)
    if ticked:
        named = f"{ticked.group(1)}.{ticked.group(2)}"
    elif re.fullmatch(r"[A-Za-z_][\w-]*(\.[\w-]+)*", definition):
        named = definition
    else:
        return None
    return next((t for t in (named, named.replace("-", "_")) if t in names), None)


def namespace(kb: KB, words: set[str] | None = None) -> Namespace:
    """Every claim as citekey.claim_id (and claim_id alone when unique), and the user units.
    With `words` (`check_words`), only the claims those checks can name (and an id
    alone only if they write it alone: all claims with that id are then read), without
    reading every claim of the knowledge base."""

    ns = Namespace()
    bare: dict[str, list[str]] = {}
    owner: dict[str, str] = {}
    where, params = _named(words)
    for r in rows_as_dicts(kb.conn.execute(f"select id, citekey, number, unit, file from claims{where}", params)):
        written = f"{r['number']} {r['unit'] or ''}".strip()
        full = claim_name(r['citekey'], r['id'])
        mine = f"claim {r['id']!r} of {r['citekey']}"
        if owner.setdefault(full, mine) != mine:
            # a key and an id holding dots name one claim two ways (paper 'a' claim 'b.c', paper
            # 'a.b' claim 'c'): the check took whichever came last, a figure of another paper
            ns.ambiguous[full] = sorted([owner[full], mine])
        ns.values[full] = written
        ns.sources[full] = r["file"]
        if "-" in r["citekey"]:     # le-scao-rush-2021-many.x, also written le_scao_rush_2021_many.x
            ns.values.setdefault(_ident(full), written)
            ns.sources.setdefault(_ident(full), r["file"])
        if words is None or _ident(r["id"]) in words:
            bare.setdefault(_ident(r["id"]), []).append(full)
    for name, fulls in bare.items():
        if len(fulls) == 1:
            ns.values.setdefault(name, ns.values[fulls[0]])
            ns.sources.setdefault(name, ns.sources[fulls[0]])
        else:
            ns.ambiguous[name] = fulls
    defs = {}
    for r in rows_as_dicts(kb.conn.execute("select name, definition, file from units")):
        definition = r["definition"].strip()
        target = _claim_named(definition, ns.values)
        if target is not None:
            definition = ns.values[target]      # a unit defined as a claim: its figure and precision
        elif re.fullmatch(r"`?[^\s`.]+`?\.[A-Za-z_]\w*", definition):
            # a claim's name ("luccioni2023power.smartphone_charge") that names no claim held: only
            # the checks using the unit fail, saying why, not every check of the knowledge base
            ns.broken[r["name"]] = (f"{r['file']}: [units] {r['name']} = {definition!r}: no claim "
                                    f"{definition.replace('`', '')} (renamed or removed? see kb claims)")
            continue
        defs[r["name"]] = definition
        if r["name"] in bare and r["name"] not in ns.ambiguous and target not in (r["name"], *bare[r["name"]]):
            # a [units] name that is a claim's id too: an expression writing it alone took the
            # claim, whatever the unit defined, and said nothing
            ns.ambiguous[r["name"]] = [*bare[r["name"]], f"1 {r['name']} (the unit of [units] in {r['file']})"]
    if defs:
        try:
            ns.units = userunits.UserUnits(defs)
        except KBError as exc:
            row = kb.conn.execute("select file from units limit 1").fetchone()
            raise UsageError(f"{row[0] if row else 'claims/'}: [units]: {exc.message}") from None
    return ns


@dataclass
class CheckOutcome:
    id: str
    stated: str
    expr: str
    verdict: str
    line: str
    message: str
    explanation: list[str]
    file: str
    recomputed: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    rel_diff: float | None = None
    note: str | None = None
    unverified: list[str] = field(default_factory=list)
    no_text: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = self.__dict__.copy()
        d.pop("line")
        return d


def run_checks(kb: KB, only: str | None = None) -> list[CheckOutcome]:

    rows = rows_as_dicts(kb.conn.execute("select * from checks order by file, line"))   # read-only: no sqlite-utils
    if only is not None:
        rows = [r for r in rows if r["id"] == only]
        if not rows:
            known = [r[0] for r in kb.conn.execute("select id from checks")]
            close = close_names(only, known, cutoff=0.6)
            raise NotFound(f"no check {said(only)}", hint=("did you mean " + ", ".join(close) + "?") if close
                           else "see `kb check`")
    if not rows:
        return []
    # Only the claims the checks can name are read (their ids are words of the checks):
    # kb check grows with its checks, not with the claims of the knowledge base.
    words = check_words(kb, rows)
    key = _checks_key(kb, rows, words)
    held = _held_outcomes(kb, key)
    if held is not None:
        return _said_renamed(kb, held)
    ns = namespace(kb, words)
    known = sorted(ns.values)
    unverified, textless = doubted_names(kb, ns, words)
    full: list = []
    out = []
    for r in rows:
        result = checks.run_check(r["id"], r["stated"], r["expr"], ns.resolve, r["tolerance"], known=known,
                           units=ns.units, unverified=unverified, textless=textless)
        if result.verdict == "error" and ns.broken:
            used = set(re.findall(r"\w+", f"{r['stated']} {r['expr']} {r['tolerance'] or ''}"))
            why = [ns.broken[name] for name in sorted(used & set(ns.broken))]
            if why:
                result.message = why[0]
                result.explanation = [f"error: {w}" for w in why]
        if result.verdict == "error" and "undefined name" in result.message:
            if not full:        # its hint names the closest of every claim
                every = namespace(kb)
                full = [every, sorted(every.values)]
            result = checks.run_check(r["id"], r["stated"], r["expr"], full[0].resolve, r["tolerance"],
                               known=full[1], units=full[0].units, unverified=unverified, textless=textless)
            if result.verdict == "error" and "undefined name" in result.message:
                said_as = no_claim(kb, result.message, full[0].values)
                result.explanation = [f"error: {said_as}" if said_as and line.startswith("error:") else line
                                      for line in result.explanation]
                result.message = said_as or result.message
        rec = result.recomputed
        out.append(CheckOutcome(
            id=r["id"], stated=r["stated"], expr=r["expr"], verdict=result.verdict,
            line=checks.format_line(result), message=result.message, explanation=checks.explain(result),
            file=f"{r['file']}:{r['line']}" if r["line"] else r["file"],
            recomputed=rec.nominal if rec else None, low=rec.lo if rec else None, high=rec.hi if rec else None,
            unit=rec.unit_text if rec else None, rel_diff=result.rel_diff, note=r["note"],
            unverified=result.unverified, no_text=result.no_text))
    if not full:                # an undefined name's hint reads every claim: not kept
        _hold_outcomes(kb, key, out)
    return _said_renamed(kb, out)


_UNDEFINED = lazy(r"undefined name ('(?:[^'\\]|\\.)*'|\"[^\"]*\") in the expression(?: \((.*)\))?$", re.S)


def no_claim(kb: KB, message: str, values: dict[str, str]) -> str | None:
    """A check's undefined name said as kb doctor says it, the same words in both, with the claim it
    is now when kb can tell (its paper renamed in references.bib, or its id under one paper alone):
    "names 'p0.gpu_energy', which is no claim kb holds (renamed or removed by hand?; did you mean
    p0.gpu_energy_total?)". None for a message of no undefined name."""
    m = _UNDEFINED.search(message)
    if m is None:
        return None
    written, hint = m.group(1), m.group(2)
    name = written[1:-1]
    now = None
    citekey, dot, cid = name.partition(".")
    if dot and cid:
        if not kb.conn.execute("select 1 from papers where citekey = ?", [citekey]).fetchone():
            moved = quotes.renamed_to(kb, citekey)
            if moved is not None and f"{moved}.{cid}" in values:
                now = f"it is {moved}.{cid} now: {citekey} is {moved} in references.bib"
        if now is None:
            under = [n for n in values if n.endswith("." + cid) and n != name]
            if len(under) == 1:
                now = f"did you mean {under[0]}, the one claim of that id?"
    what = "no claim kb holds" if dot else "no claim kb holds nor a unit kb knows"
    said_as = f"names {written}, which is {what} (renamed or removed by hand?"
    return said_as + (f"; {now or hint}" if now or hint else "") + ")"


def _said_renamed(kb: KB, out: list[CheckOutcome]) -> list[CheckOutcome]:
    """Each outcome resting on a claim whose paper's key is gone from references.bib, with the key
    its work is under now (renamed or split there by hand) named on its line, as kb doctor names it:
    '[p0 is not in references.bib: if you renamed it curie2024 in references.bib, kb rename p0
    curie2024 moves the rest]'. Read only when a check rests on an unverified input."""
    if not any(o.unverified for o in out):
        return out
    gone: dict[str, set[str]] = {}
    for citekey, claim_id in kb.conn.execute(
            "select citekey, id from claims where kind = 'claim' and not exists "
            "(select 1 from papers p where p.citekey = claims.citekey)"):
        gone.setdefault(citekey, set()).add(_ident(claim_id))
    memo: dict = {}
    for o in out:
        if not o.unverified:
            continue
        marks = []
        for citekey, ids in sorted(gone.items()):
            heads = {f"{citekey}.", f"{_ident(citekey)}."}
            if not any(n in ids or any(n.startswith(h) for h in heads) for n in o.unverified):
                continue
            now = quotes.renamed_to(kb, citekey, memo)
            if now is not None:
                marks.append(f"  [{citekey} is not in references.bib: {rename_hint(citekey, now)}]")
        if marks:
            head, sep, verdict = o.line.rpartition("  ")
            o.line = f"{head}{''.join(marks)}{sep}{verdict}"
    return out


def _checks_key(kb: KB, rows: list[dict], words: set[str]) -> str:
    """What the outcomes of `rows` are a function of: the checks, the claims they can
    name (values, quotes, status, whether kb holds the text they name, the index's judgement of each against
    its paper's text), the user units,
    and the code that computes them (kb's version and the files of kb.quantities, this
    module and pint, by size and mtime)."""
    where, params = _named(words)
    claims = kb.conn.execute(f"select citekey, id, kind, number, unit, quote, status, file, version, page, doubt, "
                             f"{off_text_sql('claims')}, {no_text_sql('claims')}, "
                             f"exists (select 1 from papers p where p.citekey = claims.citekey), "
                             # the texts of its paper's versions, the newest of which it may no longer be in
                             "(select group_concat(v.version || ' ' || coalesce(v.sha256, '') || ' ' || "
                             "coalesce(v.added_at, ''), ',') from versions v where v.citekey = claims.citekey "
                             f"and v.text_status = 'ok') from claims{where} "
                             "order by citekey, id, file", params).fetchall()
    units = kb.conn.execute("select name, definition, file from units order by name, file").fetchall()
    code = [Path(__file__), *sorted(Path(quantities.__file__).parent.glob("*.py"))]
    spec = importlib.util.find_spec("pint")          # found, not imported
    if spec is not None and spec.origin:
        code.append(Path(spec.origin))
    stamps = []
    for path in code:
        try:
            st = path.stat()
            stamps.append((str(path), st.st_size, st.st_mtime_ns))
        except OSError:
            stamps.append((str(path), None, None))
    blob = json.dumps([VERSION, stamps, [sorted(r.items()) for r in rows], claims, units],
                      default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def _held_outcomes(kb: KB, key: str) -> list[CheckOutcome] | None:
    """The outcomes kept by the last `kb check` whose inputs were these (`key`): the same
    checks of the same figures give the same outcomes, without loading pint (most of a
    check's time). None when there are none, or they cannot be read."""
    try:
        held = read_json(kb.layout.checks_cache.read_text("utf-8"))
        if held.get("key") != key:
            return None
        return [CheckOutcome(**o) for o in held["outcomes"]]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _hold_outcomes(kb: KB, key: str, outcomes: list[CheckOutcome]) -> None:
    try:
        kb.layout.checks_cache.parent.mkdir(parents=True, exist_ok=True)
        write_text(kb.layout.checks_cache, json.dumps({"key": key, "outcomes": [o.__dict__ for o in outcomes]},
                                                      ensure_ascii=False, default=str), kb.layout.tmp)
    except OSError:
        pass                    # a read-only knowledge base: computed again next time


def unverified_names(kb: KB, ns: Namespace, words: set[str] | None = None) -> dict[str, str]:
    """`doubted_names`' first: the names resting on a claim not verified."""
    return doubted_names(kb, ns, words)[0]


def doubted_names(kb: KB, ns: Namespace, words: set[str] | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """Names an expression may use that rest on a claim stored unverified, or on a
    claim whose value is not among its quote's numbers (a hand edit): each claim as
    citekey.claim_id (and bare, when unique), and each user unit defined as one.
    With `words`, only claims whose id is one of them (reading a quote's numbers is
    the cost: never for claims no check names). And, apart, the names resting on a claim of a
    paper kb holds no text of (`queries.no_text`, as kb claims and kb verify say it: "no-text"). A claim verified
    in its version whose quote a newer version kb holds no longer prints is doubted as kb verify's "stale"."""

    out: dict[str, str] = {}
    textless: dict[str, str] = {}
    cache = quotes.PaperCache()
    where, params = _named(words)
    where = (where + " and" if where else " where") + " kind = 'claim'"
    for r in rows_as_dicts(kb.conn.execute(
            f"select id, citekey, number, unit, quote, status, per, version, page, doubt, {off_text_sql('claims')} as off, "
            f"{no_text_sql('claims')} as no_text, "
            f"exists (select 1 from papers p where p.citekey = claims.citekey) as held from claims{where}", params)):
        full = claim_name(r['citekey'], r['id'])
        if not r["held"]:
            # its entry renamed or deleted by hand in references.bib: nothing to verify it against
            reason = f"its paper {shown(r['citekey'])} is not in references.bib"
        else:       # as the index decided it (kb.ops.derive: no quote, stored unverified, ...), as kb claims shows it
            reason = r["doubt"] or (off_text(kb.conn, r["citekey"], r["version"], r["page"]) if r["off"] else None)
        if reason is None and r["held"] and r["version"] and r["quote"] and not r["no_text"]:
            # verified in its version, and a newer version kb holds no longer prints its quote (kb verify's "stale")
            found = quotes.stale_in_newest(kb, r["citekey"], r["version"], r["quote"], cache)
            if found is None and r["number"]:
                printed = quotes.figure_in_newest(kb, r, f"{r['number']} {r['unit'] or ''}".strip(), None, cache)
                found = printed and printed[0]
            reason = found and f"stale: {found}"
        into = out
        if reason is None and r["no_text"]:
            reason, into = no_text(r["citekey"], r["version"]), textless
        if reason is None:
            continue
        into[full] = f"{full}: {reason}"
        if "-" in r["citekey"]:     # also written le_scao_rush_2021_many.x, as `namespace` reads it
            into.setdefault(_ident(full), into[full])
        bare = _ident(r["id"])
        if ns.values.get(bare) is not None and bare not in ns.ambiguous and ns.sources.get(bare) == ns.sources.get(full):
            into[bare] = into[full]
    for r in rows_as_dicts(kb.conn.execute("select name, definition from units")):
        for into in (out, textless):
            target = _claim_named(r["definition"].strip(), into)
            if target is not None:
                into[r["name"]] = f"unit {r['name']} = {target}; {into[target]}"
                break
    return out, textless
