"""Version strings of a paper's text: "v3" for arXiv's third version, "" when unversioned.

The one place that reads them: a person may type "3", "v3" or "V3"; kb stores
"v3" and orders versions by their number (an unversioned text sorts first).
"""

from __future__ import annotations

import re

from kb.errors import UsageError
from kb.lazyimport import lazy_import
from kb.text.lazyre import lazy

normalise = lazy_import("kb.text.normalise")
refs = lazy_import("kb.text.refs")

_VERSION_RE = lazy(r"v\d{1,3}")


def version_number(version: str | int | None) -> int:
    """3 for "v3", "3" or 3; 0 for an unversioned or unreadable version."""
    text = str(version if version is not None else "").strip().lower().removeprefix("v")
    return int(text) if text.isdigit() else 0


def normalise_version(version: str | None) -> str:
    """"v3" for "3", "v3" or "V3"; "" for none. Anything else is a UsageError."""
    if not version:
        return ""
    v = version.strip().lower()
    if v.isdigit():
        v = "v" + v
    if not _VERSION_RE.fullmatch(v):
        raise UsageError(f"not a version: {version!r} (expected v1, v2, ...)")
    return v


def latest(versions: list[str]) -> str | None:
    """The newest of `versions`, or None."""
    return max(versions, key=version_number) if versions else None


def labelled(citekey: str, version: str | None) -> str:
    """A paper named with its version for messages: "luccioni2023power v3", or the key
    alone when the text has no version (a PDF or a text of its own)."""
    return f"{citekey} {version}" if version else citekey


# -- marks that are no words: a version adding, dropping or changing one changes no quote ------------------------

#: A footnote's mark printed after a word or a figure ("tasks†", "9%†", "0.85*", "costs ‡"): never a word's part,
#: a figure's or a sign's. After a lone letter it is notation ("x*", "θ*" an optimum, "A†" an adjoint), and set
#: apart an asterisk is an operator ("a * b"): neither is a mark.
FOOTNOTE_SIGNS = "†‡§¶∗*⁎"
_ALONE = "†‡§¶"
_ASTERISKS = "*∗⁎"
#: A raised digit is a footnote's mark only after a word of three lower-case letters or more or a percent sign
#: ("energy¹", "9%¹"); after a digit, a symbol or a unit it is a power ("10²", "x²", "m²"), a change of the figure.
_RAISED = "¹²³⁴⁵⁶⁷⁸⁹⁰"
#: the mark at a word's end, before what closes it ("(50%‡)", "costs†,")
_TRAILING = lazy(rf"(?:[{FOOTNOTE_SIGNS}]+|[{_RAISED}]{{1,2}})(?=[)\]}}\u201d\u2019\"',.;:]*$)")
_RAISED_AFTER = lazy(r"(?:[a-z]{3}|%)$")
_PLAIN = str.maketrans(_RAISED, "1234567890")


def _sign_may_follow(before: str) -> bool:
    """Whether a footnote's sign may follow `before`: a word ("GPUs†", "V100s†"), a figure ("9%†", "0.85*"), either
    with its comma or stop ("costs,†"), or nothing (a sign set apart); never a lone letter ("x*", "A†") nor a
    bracket ("f(x)*")."""
    core = before[:-1] if before[-1:] in (",", ".", ";", ":") else before
    if not before:
        return True
    last = core[-1:]
    return last.isdigit() or last == "%" or last.isalpha() and len(core) >= 2 and core[-2].isalnum()


def _split_mark(token: str) -> tuple[str, str]:
    """(`token` without the footnote's mark it ends with, the mark) ("9%†" -> "9%", "†"; "(50%‡)" -> "(50%)", "‡");
    the mark "" where none."""
    m = _TRAILING.search(token)
    if m is None:
        return token, ""
    mark, before = m.group(), token[:m.start()]
    if mark[0] in FOOTNOTE_SIGNS and not before.strip() and token[m.end():]:
        return token, ""          # a sign before a closing bracket alone ("(x *)") is an operator's, never a mark
    if mark[0] in _RAISED and not _RAISED_AFTER.search(before) or mark[0] in FOOTNOTE_SIGNS and (
            not _sign_may_follow(before) or not before.strip() and not all(c in _ALONE for c in mark)):
        return token, ""
    return before + token[m.end():], mark


def _footnote_of(mark: str, page: str) -> bool:
    """Whether a line of `page` starts with the footnote `mark` names ("† On a cluster.", "¹See ..." or "1See ...";
    "∗ p < 0.05" for "*")."""
    if mark[0] in _ASTERISKS:     # one mark however a font draws it
        alike = f"[{_ASTERISKS}]"
    else:
        first = mark[0] if mark[0] in FOOTNOTE_SIGNS else mark.translate(_PLAIN)
        alike = re.escape(first) + ("|" + re.escape(mark) if mark[0] in _RAISED else "")
    return re.search(rf"(?m)^[ \t]*(?:{alike})(?![\d.,])", page) is not None


#: a footnote's mark a page prints set apart, as a plain number between words ("datacenters 9 are", "TCO 8 [Jou21]"):
#: only after a word of three letters or more (never after a figure, "2X 2", nor a word a count follows, "for 8 days")
_APART_MARK = lazy(r"\d{1,2}")
_APART_BEFORE = lazy(r"[^\W\d_]{3,}[.,;:)\u201d\u2019]?")
_COUNTED_AFTER = frozenset(
    "for of by to in on at with than over under about around nearly almost approximately roughly only just least most"
    " last first next past top all every each per within some and or from into after before the are is was were"
    " be been than up down".split())
#: what follows a number that is a figure, not a mark ("9 %", "9 x", "9 ×")
_FIGURE_AFTER = lazy(r"[%×x\d]|[-–]\d")


def _apart_mark(mark: str, passage: str, quote: str, page: str) -> bool:
    """Whether the plain number `mark` a newer version's `passage` prints and the `quote` does not is a footnote's mark
    set apart: each printing of it the quote lacks follows a word ("datacenters 9 are", "kWh 6 of"), no word a count
    follows ("for 8 days"), and is followed by no sign of a figure ("9 %"); and a footnote of that number, a line
    starting with it and words in lower case, is printed on `page` after the passage."""
    words = passage.split()
    apart = [i for i, w in enumerate(words) if w == mark]
    extra = len(apart) - quote.split().count(mark)
    if not _APART_MARK.fullmatch(mark) or extra < 1:
        return False
    placed = [i for i in apart if i > 0 and _APART_BEFORE.fullmatch(words[i - 1])
              and words[i - 1].rstrip(".,;:)\u201d\u2019").casefold() not in _COUNTED_AFTER
              and not (i + 1 < len(words) and _FIGURE_AFTER.match(words[i + 1]))]
    if len(placed) < extra:
        return False
    tail = re.search(r"\s+".join(map(re.escape, words[-4:])), page)
    after = page[tail.end():] if tail else ""
    return any(len(re.findall(r"(?<![\w-])[a-z]{2,}\b", m.group(1))) >= 3
               for m in re.finditer(rf"(?m)^[ \t]*{mark}[ \t]*((?:[A-Z\[(\u201c]|https?:)[^\n]*)", after))


def marks_only(differences: list[tuple[str, str]], page: str, whole: str | None = None,
               passage: str | None = None, quote: str | None = None) -> str:
    """The `differences` (the quote's word, a newer version's) as "9% -> 9%†", where each is only a footnote's mark
    that version adds after a word or a figure, drops, or prints otherwise ("9%† -> 9%‡"); "" where any difference
    is of a word, a figure, a sign or a negation, or is a mark added that no footnote names: a line starting with it,
    of `page` (the page the passage is on and the next) for a raised digit (a line starting "1" is as often a
    section's), of `whole` (the version's text, a table's notes or a title page's) for a sign ("†", "*")."""
    out = []
    for ours, theirs in differences:
        if not ours and passage is not None and quote is not None and _apart_mark(theirs, passage, quote, page):
            out.append(f"(nothing) -> {theirs}")
            continue
        base, mark = _split_mark(ours)
        their_base, their_mark = _split_mark(theirs)
        noted = their_mark and _footnote_of(their_mark, whole if whole is not None and their_mark[0] in FOOTNOTE_SIGNS
                                            else page)
        if base.casefold() != their_base.casefold() or mark == their_mark or their_mark and not noted:
            return ""
        out.append(f"{ours or '(nothing)'} -> {theirs or '(nothing)'}")
    return ", ".join(out)


# -- thousands separators: a table a newer version re-renders with them ("1438" -> "1,438") prints the same figures --

#: a figure with thousands separators ("1,438", "$12,041.51", "(274,120)"), each group of three digits
_GROUPED = lazy(r"[($]?\d{1,3}(?:,\d{3})+(?:\.\d+)?[)%]?[.,;:]?")
#: a page's sign that its commas group thousands: a grouped figure with a decimal point ("12,041.51")
_GROUPING_PAGE = lazy(r"(?<![\d,.])\d{1,3}(?:,\d{3})+\.\d")


def separators_only(quote: str, passage: str, page: str) -> str:
    """The words of `quote` and of a newer version's `passage` that differ as "1438 -> 1,438", where each is only a
    figure the one prints with thousands separators and the other without, the same digits, and `page` prints a
    grouped figure with a decimal point ("12,041.51": its commas group thousands, never a decimal comma's "1,438");
    "" where any word differs otherwise, or none does."""
    ours, theirs = quote.split(), passage.split()
    if len(ours) != len(theirs) or not _GROUPING_PAGE.search(page):
        return ""
    out = []
    for a, b in zip(ours, theirs):
        if a == b:
            continue
        grouped, plain = (a, b) if "," in a else (b, a)
        if "," in plain or not _GROUPED.fullmatch(grouped) or grouped.replace(",", "") != plain \
                and grouped.rstrip(".,;:").replace(",", "") != plain.rstrip(".,;:"):
            return ""
        out.append(f"{a} -> {b}")
    return ", ".join(out)


# -- citation marks: a newer version renumbering its references, or dropping a citation, changes no quote's words ---

#: a numbered or labelled citation group as a difference prints it ("[12]", "[12 13]", "[12–14]", "[Str19 Pat21]"),
#: glued to its word or not ("carbon[12]")
_CITED = lazy(r"(?P<word>[^\W\d_]{2,}|)\[(?P<labels>[^\[\]]{1,80})\](?P<stop>[.,;:]?)")
_CITED_LABEL = lazy(r"\d{1,4}|[A-Z][A-Za-z+]{1,5}\d{2}[a-z]?")
_CITED_RANGE = lazy(r"(\d{1,4})[-–—](\d{1,4})")
#: a parenthesised author-year citation a newer version drops whole ("(Smith et al 2019)", "(Lo and Li 2020a; Wu
#: 2021)"), as a difference prints it (its commas and stops folded away)
_AUTHOR_YEAR = lazy(r"\((?:(?:[A-Z][\w'’-]+(?: (?:and|&) [A-Z][\w'’-]+| et al\.?)?,? (?:19|20)\d\d[a-z]?)(?:;? |\)$))+")
#: a year with a letter after it, of an author-year citation ("2019" -> "2019a" when a second work of 2019 is cited)
_LETTERED_YEAR = lazy(r"(?P<pre>[(\[]?)(?P<year>(?:19|20)\d\d)(?P<letter>[a-z]?)(?P<post>[)\],.;:]*)")
#: the word an equation's number follows ("Equation (3)", "Eq. 3", "Eqs. (3)")
_EQUATION_BEFORE = lazy(r"(?:\b(?:Eq|Eqn|Eqs|Eqns)\.?|\b[Ee]quations?)\s*$")
_EQUATION_NUMBER = lazy(r"(?P<open>\(?)(?P<n>\d{1,3}[a-z]?)(?P<close>\)?)(?P<stop>[.,;:]?)")


def _labels(group: str) -> list[str] | None:
    """The labels a citation group names ("12 13" -> ["12", "13"], "12–14" -> ["12", "13", "14"]), or None where any
    part is no label (a decimal, a word, "0": an interval's "[0 1]" or a matrix's "[0.5 1]" is no citation)."""
    out: list[str] = []
    for part in group.replace(",", " ").replace(";", " ").split():
        if m := _CITED_RANGE.fullmatch(part):
            lo, hi = int(m.group(1)), int(m.group(2))
            if not 0 < lo < hi <= lo + 30:
                return None
            out += [str(n) for n in range(lo, hi + 1)]
        elif _CITED_LABEL.fullmatch(part) and part.lstrip("0") == part:
            out.append(part)
        else:
            return None
    return out or None


def reference_works(entries) -> dict[str, str]:
    """A reference list's works by the label a citation names them with ("12" for "[12]", "12." or "12"; "Str19" for
    "[Str19]"), each as `kb.text.refs.work_key` gives it: the same work of two versions has the same one."""
    out: dict[str, str] = {}
    for entry in entries:
        label = (entry.label or "").strip().strip("[]().").strip()
        if label:
            out.setdefault(label, refs.work_key(entry))
    return out


def _cited_only(ours: str, theirs: str, works) -> str:
    """"renumbered", "dropped" or "added" where `ours` (a word of the quote) and `theirs` (the newer version's) differ
    only in a citation group: renumbered when each label of either names, in its version's reference list, the same
    works as the other's (`works()` gives the two lists, `reference_works`); dropped when the newer version prints
    none, or cites only some of them; added when it cites each of them and more ("[12]" -> "[13, 20]" where its 13 is
    v1's 12). "" otherwise: a figure in brackets that is no reference ("[12]" -> "12", an interval "[0 1]" -> "[0 2]"),
    a label the reference lists do not hold, or a work of the quote's no longer cited, another in its place."""
    m = _CITED.fullmatch(ours)
    labels = m and _labels(m.group("labels"))
    if not labels:
        return ""
    if theirs == m.group("word") + m.group("stop") or theirs == m.group("word") and not m.group("stop"):
        old, _ = works()
        return "dropped" if old and all(label in old for label in labels) else ""
    t = _CITED.fullmatch(theirs)
    their_labels = t and _labels(t.group("labels"))
    if not their_labels or t.group("word").casefold() != m.group("word").casefold() \
            or t.group("stop") != m.group("stop"):
        return ""
    old, new = works()
    if not all(label in old for label in labels) or not all(label in new for label in their_labels):
        return ""
    ours_cited, theirs_cited = {old[label] for label in labels}, {new[label] for label in their_labels}
    # a work dropped from the group is a citation dropped, one added to it beside each the quote cited a citation
    # added; a work the quote cited gone and another in its place is another work cited
    return "renumbered" if ours_cited == theirs_cited else "dropped" if theirs_cited < ours_cited \
        else "added" if ours_cited < theirs_cited else ""


def _author_year_only(ours: str, theirs: str) -> str:
    """"dropped" where the newer version drops a whole author-year citation the quote copied ("(Smith et al 2019)" ->
    nothing); "relettered" where only the letter after its year differs ("2019)" -> "2019a)"); "" otherwise (a year
    changed is another work cited, or a date)."""
    if not theirs and _AUTHOR_YEAR.fullmatch(ours):
        return "dropped"
    a, b = _LETTERED_YEAR.fullmatch(ours), _LETTERED_YEAR.fullmatch(theirs)
    if a and b and a.group("year") == b.group("year") and a.group("letter") != b.group("letter") \
            and (a.group("pre"), a.group("post")) == (b.group("pre"), b.group("post")) \
            and (a.group("pre") or a.group("post")[:1] in (")", "]")):
        return "relettered"
    return ""


def _equation_only(ours: str, theirs: str, quote: str) -> str:
    """"renumbered" where `ours` is the number of an equation the quote names ("Equation (3)", "Eq. 3") and `theirs`
    the same as another number, as printed the same way; "" otherwise ("(12%)" -> "(14%)", "3 kWh" -> "4 kWh")."""
    a, b = _EQUATION_NUMBER.fullmatch(ours), _EQUATION_NUMBER.fullmatch(theirs)
    if not (a and b) or a.group("n") == b.group("n") or (a.group("open"), a.group("close"), a.group("stop")) != (
            b.group("open"), b.group("close"), b.group("stop")) or bool(a.group("open")) != bool(a.group("close")):
        return ""
    at = [m.start() for m in re.finditer(rf"(?<![\w(]){re.escape(ours.rstrip('.,;:'))}(?![\w)])", quote)]
    return "renumbered" if at and all(_EQUATION_BEFORE.search(quote[:i]) for i in at) else ""


def citations_only(differences: list[tuple[str, str]], quote: str, works) -> str:
    """The `differences` (the quote's word, a newer version's) as "[12] -> [14] (renumbered)", where each is only a
    citation's mark: a numbered or labelled citation the newer version renumbers (the same works in both versions'
    reference lists, `works()` giving them as `reference_works` does) or drops, an author-year citation dropped or
    its year's letter changed, an equation's number the quote names ("Equation (3)" -> "Equation (4)"); "" where any
    difference is anything else (a figure, a word, a unit, a negation, another work cited)."""
    out = []
    for ours, theirs in differences:
        how = ours and (_cited_only(ours, theirs, works) or _author_year_only(ours, theirs)
                        or _equation_only(ours, theirs, quote))
        if not how:
            return ""
        out.append(f"{ours} -> {theirs or '(nothing)'} ({how})")
    return ", ".join(out)


def _raised_only(ours: str, theirs: str, works) -> str:
    """"renumbered" where `ours` and `theirs` are one word with a raised reference number after it that names the same
    work in both versions' reference lists ("emissions¹²" -> "emissions¹⁴"); "" otherwise."""
    base, mark = _split_mark(ours)
    their_base, their_mark = _split_mark(theirs)
    if not (mark and their_mark and mark[0] in _RAISED and their_mark[0] in _RAISED) \
            or base.casefold() != their_base.casefold():
        return ""
    old, new = works()
    a, b = mark.translate(_PLAIN), their_mark.translate(_PLAIN)
    return "renumbered" if a in old and b in new and old[a] == new[b] else ""


def marks_only_of(differences: list[tuple[str, str]], page: str, whole: str | None, quote: str, works) -> str:
    """The `differences` (the quote's word, a newer version's) as "9% -> 9%†, [12] -> [14] (renumbered)", where each
    is only a footnote's mark (`marks_only`) or a citation's (`citations_only`, or a raised reference number
    renumbered); "" where any is a change of the words."""
    out = []
    for ours, theirs in differences:
        said = marks_only([(ours, theirs)], page, whole) or citations_only([(ours, theirs)], quote, works) or (
            (how := _raised_only(ours, theirs, works)) and f"{ours} -> {theirs} ({how})")
        if not said:
            return ""
        out.append(said)
    return ", ".join(out)


#: a citation group as a page prints it: numbered or labelled in square brackets ("[12, 13]", "[ 1]", "[Str19]"),
#: or an author-year group in round ones ("(Ascierto, 2018)", "( Strubell et al. , 2018; Wu, 2021a)"), or a
#: narrative citation's year alone ("(2019a)")
_GROUP_PRINTED = lazy(r"\[[^\[\]]{1,80}\]"
                      r"|\(\s*(?:(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+|\s+et\s+al\s*\.?)?\s*,?\s*(?:19|20)\d\d[a-z]?"
                      r"\s*;?\s*)+\)"
                      r"|\((?:19|20)\d\d[a-z]?\)")
_YEAR_LETTER = lazy(r"((?:19|20)\d\d)[a-z]")


def _apart(text: str) -> tuple[str, list[tuple[int, str]]]:
    """`text` folded as the matcher folds it (kb.text.normalise.fold) without its citation groups, and each group
    with the offset in that folded text where it stood."""
    out, groups, at = [], [], 0
    for m in _GROUP_PRINTED.finditer(text):
        out.append(normalise.fold(text[at:m.start()]).text)
        groups.append((sum(map(len, out)), m.group()))
        at = m.end()
    out.append(normalise.fold(text[at:]).text)
    return "".join(out), groups


def _group_kind(group: str) -> str:
    return "labels" if group.startswith("[") and _labels(group[1:-1]) else "year" if group[1:2].isdigit() \
        else "author-year" if group.startswith("(") else "other"


_AUTHOR_YEAR_ONE = lazy(r" ?([A-Z][\w'’-]+(?: (?:and|&) [A-Z][\w'’-]+| et al ?\.?)?) ?,? ?((?:19|20)\d\d)[a-z]? ?")


def _works_cited(group: str) -> frozenset[tuple[str, str]]:
    """The works a parenthesised author-year group cites, each as (its names folded, its year), the year's letter left
    out as re-lettering leaves it ("(Smith et al., 2019a; Lee, 2021)" -> {("smith et al", "2019"), ("lee", "2021")});
    empty where any part is no such citation."""
    out = set()
    for part in group.strip().removeprefix("(").removesuffix(")").split(";"):
        m = _AUTHOR_YEAR_ONE.fullmatch(" ".join(part.split()))
        if m is None:
            return frozenset()
        out.add((normalise.fold(m.group(1).replace(".", "")).text, m.group(2)))
    return frozenset(out)


def _pair(ours: str | None, theirs: str | None, works) -> str:
    """How a citation group of the quote (`ours`) and the newer version's at the same place (`theirs`) differ:
    "same", "renumbered", "dropped", "relettered", "added" (one the quote never copied, or works cited beside each of
    the quote's group's), or "" (a change)."""
    if ours is not None and theirs is not None and normalise.fold(ours).text == normalise.fold(theirs).text:
        return "same"
    kinds = _group_kind(ours or ""), _group_kind(theirs or "")
    if ours is None:
        if kinds[1] == "labels":
            _, new = works()
            return "added" if all(label in new for label in _labels(theirs[1:-1])) else ""
        return "added" if kinds[1] == "author-year" else ""
    if kinds[0] == "labels":
        flat = " ".join(ours.split()), "" if theirs is None else " ".join(theirs.split())
        return _cited_only(*flat, works) or (theirs is not None and _author_year_only(*flat))
    if kinds[0] in ("author-year", "year") and theirs is not None and kinds[1] == kinds[0]:
        plain = [_YEAR_LETTER.sub(r"\1", normalise.fold(g).text) for g in (ours, theirs)]
        if plain[0] == plain[1]:
            return "relettered"
        if kinds[0] == "author-year":
            # a work cited beside the quote's, or one of its group's no longer ("(Smith, 2020)" -> "(Smith, 2020;
            # Lee, 2021)"); a year or a name changed is another work cited
            mine, other = _works_cited(ours), _works_cited(theirs)
            return "added" if mine < other else "dropped" if other < mine else ""
        return ""
    return "dropped" if kinds[0] == "author-year" and theirs is None else ""


def citation_groups_only(quote: str, passage: str, works) -> str:
    """"[12, 13] -> [13, 14] (renumbered)" where `passage` (a newer version's, closest to `quote`) prints the quote's
    words unchanged (folded as the matcher folds them) and differs only in citation groups the newer version renumbers,
    drops, re-letters or adds (`_pair`); "" where any word differs or any group is a change (another work cited, a
    figure in brackets, an interval)."""
    ours_text, ours = _apart(quote)
    their_text, theirs = _apart(passage)
    if not ours_text or (at := their_text.find(ours_text)) < 0:
        return ""
    theirs = [(offset - at, g) for offset, g in theirs if at <= offset <= at + len(ours_text)]
    # a group at either end of the quote's words that the quote did not copy is beyond what it quotes
    theirs = [(offset, g) for offset, g in theirs
              if 0 < offset < len(ours_text) or any(o == offset for o, _ in ours)]
    said = []
    for offset in sorted({o for o, _ in ours} | {o for o, _ in theirs}):
        mine = [g for o, g in ours if o == offset]
        other = [g for o, g in theirs if o == offset]
        if len(mine) > 1 or len(other) > 1:
            return ""
        how = _pair(mine[0] if mine else None, other[0] if other else None, works)
        if how == "dropped" and offset == len(ours_text) and their_text[at + offset:at + offset + 1].isdigit():
            return ""       # a figure where the quote's last citation stood ("shown [12]" -> "shown 12")
        if not how:
            return ""
        if how != "same":
            said.append(f"{' '.join((mine or ['(nothing)'])[0].split())} -> "
                        f"{' '.join((other or ['(nothing)'])[0].split())} ({how})")
    return ", ".join(said)
