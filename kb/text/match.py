"""Finding a quote in a paper's page text, and explaining why one is not there.

A quote is verified when its words are in the paper: the same words and the
same numbers, in the same order. Text is compared after `kb.text.normalise` folding
(case, ligatures, quotes, dashes, hyphenation, whitespace, pypdf's spaces in
numbers), never fuzzily: one changed digit, one dropped "not", one swapped word
and the quote is not found. `closest_passage` is the fuzzy part, used only to
tell the writer what the paper actually says.

Conventions a writer may use, and how each is read:

* **Elision** ``[...]``, ``[…]``, ``…`` or ``...`` between fragments: each
  fragment must be found, in order, the next one starting at most
  `ELISION_MAX_GAP` folded characters (about 3,500 characters of page text,
  a page or so) after the previous one ends. A leading or trailing ellipsis
  only says the quote starts or ends mid-sentence. The words an elision skips
  within the sentence before it or after it never hold a negation ("may ...
  help" is not "may not help"); whole sentences skipped between may. An elision skipping a sentence's end keeps
  that sentence to its end or the next from its start (but a linking word or two, "After", "However,":
  `_elision_fuses_sentences`), never one sentence's start read with another's end. Nor do they end with what bounds or
  hedges the words kept after it (`_elision_hides_qualifier`: "trained for ... 1 day" of "trained for a maximum
  of 1 day", "the task ... generates" of "only generates", "... doubled" of "more than doubled", and before a
  number "uses ... 3 times" of "uses over 3 times", "in ... fifty years" of "in about fifty years"). A fragment may run
  across a footnote or caption the extractor printed inside its sentence, as an unelided
  quote may (`_across_asides`): only the whole aside is skipped, never words of the text.
* **Editorial insertion** ``[the model]``: stands for at most
  `EDITORIAL_MAX_GAP` folded characters (a few words) of the source, or none,
  never for bracketed source text. ``[sic]`` and ``[emphasis added]`` stand
  for nothing, in parentheses too ("(sic)", "(emphasis mine)") where the paper prints none. Brackets are first tried as literal text (a writer may have
  copied the source's own brackets, "[2022, 2021]"), and brackets holding a
  digit (but a cited work's year), a negation ("[not]", "[cannot]") or a sign alone ("[~]", "[>]") are always
  literal: a number
  must match exactly, and an insertion never turns what the paper says around.
  What an insertion may stand for (`insertion_fits`): words that refer ("it" ->
  "[the model]", "we" -> "[Strubell et al.]"), grammar ("are" -> "[is]",
  "use[s]"), the same words shortened ("[the largest model]"), or nothing when
  it names what the paper names ("they [the authors]", "the [BERT] model": a name the paper prints
  nowhere near, "five [American] cars", is the writer's own, unless glossed "[e.g., SciBERT]"); also where
  the extractor glued the word it stands for to the next ("In fact, wewant" for "In fact,
  [the authors] want": `_glued_to_inserted`).
  A letter alone ("[B]", but "[A]" and "[I]", which change a word's case) names what the paper calls
  "her" or "the third player (B)"; a pronoun ("[her]", "[their]") or that letter may stand for a definite
  noun phrase whose only such words pick out which one it is ("the third player (B)", "the larger
  model"); a cited work ("[Cohan et al. (2020)]") is a referent whose authors and year the paper prints
  nearby, its year no number of a claim. An insertion at a quote's start naming someone ("[Cohan et
  al.] report") where the paper prints a name right before the quoted words stands for that name
  ("Beltagy et al. (2019) report"), never for nothing.
  Never a word that changes what is said ("[less]", "[only]", "[all]",
  "[most]", "[never]", "[twice]", "[could]", "[significantly]", "[the other models]", "[the rest]") unless the words
  it stands for say it too, nor words of the paper that do ("more" ->
  "[less]", "3" -> "[several]"), nor a description of the writer's own
  ("[large]"), nor a man for a woman's pronoun or the reverse ("her" -> "[the man]"), nor letters
  glued to a word or a number that make of it another that changes what is said ("on[ly]",
  "most[ly]", "2019[s]", "tCO2[e]": `_changes_a_word`); a grammatical ending ("use[s]") may.
  At a quote's end a bracket names the referent of a pronoun it follows or stands for, or repeats the
  words printed there, never what the sentence goes on to say ("are [the US]" of "are Canada", "10,000
  [MWh]" of "10,000 kWh", "ELMo [and BERT]" of "ELMo which was trained").
  A refused insertion is shown against what the paper prints there.
* **Quotes inside quotes** in the other marks ("the question, 'Can machines think?'" for the
  page's double marks, or double for its single) are the page's marks, elided or edited too.
* **Greek letters typed as names** ("the MGP parameters theta", "a Delta = +2.3",
  "beta2"): a whole word naming a letter, in either case, is the letter the paper
  prints (``∆``, the increment sign, folds as the delta it shows); "alphabet" is a word.
* **A negation left out at the start**: a quote may start mid-sentence, but never in the
  scope of its clause's negation ("published results exist" of "No prior published results
  exist", "find that it helps" of "did not really find that it helps", "it helps" of "no
  evidence that it helps", "generalise" of "fails to generalise"); a quote starting a clause
  of its own (after a comma, a semicolon, "but", "although"...), what a negated verb is about
  ("the Never-Ending Language Learner" of "cannot be trained by the Never-Ending Language
  Learner"), what an idiom that negates nothing says ("a list of citations" of "needs nothing but
  a list of citations", "no sooner ... than") or the sentence's own verb after a relative clause
  holding the negation ("were discarded" of "Runs that did not converge were discarded", or a verb
  in "-ed" or "-s" before its object: "rated the tool as helpful" of "participants who had no training
  in medicine rated the tool as helpful") may. The
  closest passage names the words left out ("differs: (nothing) -> No prior"). Nor does it start right
  after "if", "unless", "assuming" or "provided": the condition stated as what is so ("the total ML energy
  is split 10% on training" of "If the total ML energy is split ...", `_condition_cut_off`).
* **Percent as a word** ("90 percent", "90 per cent") is the page's "90%", and "90%" its "90 percent".
* **Indices and powers typed as LaTeX** ("x_1", "beta_0", "x_{ij}", "sigma^{2}") are the paper's
  index after its letter ("𝑥1", "β0", "x₁", "σ²").
* **TeX of an arXiv abstract** ("by 10\\%", "$\\sim$150 million", "$x \\sim N(0, 1)$", "F$_1$", "\\$5") is
  read as the characters it prints (`_tex_read`): escapes, and mathematics holding a command, an index or a power.
* **List markers typed as Markdown** ("* Own Papers: ...") stand for the paper's bullets, which
  folding drops: at the quote's start or after an item's end.
* **Case change** ``[G]enerative``: a bracketed single letter at the start of a
  word is that letter (matching is case-insensitive anyway).
* **Citation and footnote markers** ``[51]``, ``[8, 34]``, ``[Str19]``,
  ``kWh4,``: a writer may copy them or leave them out. A copied marker
  matches like any text (whitespace is ignored, so pypdf's "energy 4 ,"
  matches "energy4,"). A quote that contains no bracketed citation is also
  looked for in `Document.lenient`, the text without citation markers and
  without footnote markers whose footnote is printed on the same page (a line
  starting "4The ..."). Only markers next to a lower-case word count, so
  "CO2" keeps its 2, and never one after a lone letter (a variable's index:
  "m1 and m2"). Removing a marker lets a quote *omit* it; it never lets one
  number stand for another. A quote copying a marker keeps the page's punctuation beside it,
  even where only punctuation differs elsewhere: "5e-5.4. Following" of "5e-5.4 Following"
  reads the marker as digits of the number, "SPECTER2 in" of "SPECTER,2 in" as a name's.
* **Edges**: a fragment must start and end on a word boundary, and never cut
  a number ("5 kWh" is not found in "0.5 kWh", nor "$3,20" in "$3,20 1,722"), nor leave out
  a percent sign, a currency, a comparison or a tolerance of one ("sum to 100" of "sum to
  100%", "3.6 million" of "$3.6 million", "5% of runs" of "<5% of runs", "0.3" of "±0.3"), nor start at a
  number the words right before it bound or hedge (`_qualified_start`: "1% of global energy" of "close to 1% of
  global energy", "0.05 kWh" of "around 0.05 kWh", "60 times" of "up to 60 times"; "15%" of "only 15%" says 15%).
  Numbers one space apart are a table row's cells, and a quote may start or end
  at any of them ("kWh 3.1 37.3" of "kWh 3.1 37.3 13,812.4 0.02"), unless the
  two may be one number the extractor split (`_maybe_one_number`: "$3,20 1,722",
  "1 438").
  Punctuation at a fragment's edges (``. , ; :`` and quote marks) is ignored,
  but a quote ending with a full stop cannot end where the paper runs on with
  a word ("explored or ." is not "explored or not.").
* **Negations**: the passage holds the same negations as the quote, read as
  words: a space typed or left out never makes or unmakes one ("not able" is not
  "notable", "no table" neither), though they fold to the same letters. A word the
  extractor split so that a piece reads as a negation ("no des" of "nodes", "nev er" of
  "never", as pypdf reads an old TeX font's kerns) is the word the quote writes when the
  other piece is no word of the paper, and the paper prints the word whole or its text
  splits words so throughout (`_split_negations`); a piece that spells a word ("able",
  "table", "ever") never is. On such a page a "no" glued to the word before it ("hav eno w ay" of
  "have no way") is a negation where what an insertion or an ellipsis leaves out ends with it, or
  a quote starts right after it (`_glued_no_read`): the quote's next word starts there, which it
  never does inside a word the kerns split after its "no" ("kno w", "kno wledge"); and it is the
  "no" of a quote writing "no" between the same words ("have no way").
* **Spaces inside numbers**: pypdf's are absorbed ("0 .954" is 0.954), but a
  space the writer typed between digits must be a thousands separator ("626
  155" matches 626,155); otherwise the page must separate the digits there
  too ("13 20" never matches 1320, "75 4.66" never 754.66), or be a boundary between the cells of a
  table row pypdf printed with none between them, cells of one format only ("66.30 61.44" of
  "66.3061.44"; never "67.96 2.04" of "67.962.04", which may be "67.9 62.04"). Nor may a quote type as one
  number two that the page prints a space apart ("1454.5" of the row "1 454.5", "31.724.0" of "31.7 24.0"),
  unless the two may be one number the extractor split (`_maybe_one_number`; raised or lowered digits,
  "χ²₄" of "𝜒 2 4", are an index and a power).
* **Asides**: a footnote or caption that the extractor printed inside the
  quoted sentence at a column or page break (a line starting "4The ...",
  "Figure 3: ...", ending a sentence or its page) is skipped, when the quote
  continues at the start of a line after it; so is a table's or a figure's
  own text (cells, labels: lines that are not prose) printed with its caption,
  before it or after it, and a figure or table set at the top of the next page
  whatever its image prints, up to its caption, when the quote goes on after it: never a paragraph of
  the page before a table's caption, nor a line of body text after what ends a caption (a footnote, a
  heading), on the same page too, which would splice two passages (`_a_float`, `_only_asides`). Footnotes that
  end a page (only footnotes after the body's last line) are skipped before the next page's top,
  however short the part of the quote going on there ("their" / footnote / "own papers;"). A footnote giving a
  link, its number glued to it ("9https://github.com/..."), may be quoted from the link.
* **Punctuation only**: when nothing else matches, the quote is looked for
  with punctuation left out on both sides (a '.' or ',' inside a number, and
  every '-' folding kept, stay). Found so, it verifies with method
  "punctuation" and a note naming each difference ("the paper has '—' where
  the quote has ','"). A word, a number, a sign or a negation never differs, nor does where an
  apostrophe sits in a word ("models’" is not "model’s"), nor "≠" and "=".
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain

from kb.text.ascii import lookalike_named, looks
from kb.text.display import Vocabulary, readable, unbroken
from kb.text.latex import latex_to_text
from kb.text.lazyre import lazy
from kb.text.normalise import (
    APOSTROPHES,
    AUTHOR_YEAR_RE,
    CITATION_RE,
    ENCLOSED_NUMBERS,
    SPLIT_TEXT_LETTERS,
    Document,
    Stream,
    fold,
    fold_char,
    footnote_markers,
    is_table_line,
    is_word_internal_gap,
    mantissa_before,
    normalise,
    typed_powers,
    unit_powered,
)

__all__ = [
    "Span",
    "QuoteMatch",
    "NearMiss",
    "split_fragments",
    "find_quote",
    "contradicted",
    "closest_passage",
    "word_diff",
    "ELISION_MAX_GAP",
    "EDITORIAL_MAX_GAP",
]

#: Folded characters allowed between the end of one fragment and the start of
#: the next ("[...]"). Folded text has no whitespace, so 3,000 folded
#: characters are roughly 3,500 characters of page text: about one page.
ELISION_MAX_GAP = 3000
#: Folded characters an editorial insertion such as "[the model]" may stand
#: for: a few words (40 characters without spaces is about six words).
EDITORIAL_MAX_GAP = 40
#: Characters of original text kept before and after a match.
CONTEXT = 32
#: Matches enumerated before picking the best one (guards pathological quotes).
_MAX_CANDIDATES = 64
_MAX_STEPS = 20000


@dataclass
class Span:
    """A range of one stored page string: page is 1-based, end is exclusive."""

    page: int
    start: int
    end: int


@dataclass
class QuoteMatch:
    """Where a quote was found."""

    spans: list[Span]
    method: str  # "exact": verbatim in the raw text; "normalised": after folding;
    #              "punctuation": only punctuation differs (each difference in notes)
    page: int
    page_end: int
    prefix: str
    suffix: str
    #: Tolerances that were needed, for the record ("citation markers ...").
    notes: list[str] = field(default_factory=list)


@dataclass
class NearMiss:
    """The passage of the paper closest to a quote that was not found."""

    page: int
    page_end: int
    passage: str
    #: (in the quote, in the paper) word by word; "" when a side has nothing.
    differences: list[tuple[str, str]]
    score: float
    spans: list[Span] = field(default_factory=list)
    #: the passage is the quote's own words, in the scope of the negation that the
    #: differences add before them (`_clause_negation`)
    negation_left_out: bool = False
    #: the quote is found but for its editorial brackets, each refused (`_refused_insertion_miss`)
    brackets_refused: bool = False
    #: the differences are what an ellipsis of the quote leaves out (`closest_passage`)
    elided: bool = False
    #: where no word differs, the page's words right before and right after the passage
    around: tuple[str, str] = ("", "")
    #: where no word differs, ("condition", its words) or ("question", "whether") the passage starts right after, which
    #: the quote leaves out (`_cut_off_by`)
    cut_by: tuple[str, str] = ("", "")
    #: the quote ends with a sentence's stop
    ends_sentence: bool = False

    def describe(self) -> str:
        """One line for a person: 'differs: 0.012 -> 0.022; not -> (nothing)'."""
        if not self.differences:
            kind, words = self.cut_by
            if kind == "condition":
                return (f"no word differs, but the page says it only under a condition, \"{words} ...\", which the"
                        " quote leaves out: kb never takes what a paper says only if something holds as what is so;"
                        " quote the condition too, or cut it elsewhere")
            if kind == "question":
                return (f"no word differs, but the page asks it, \"{words} ...\", which the quote leaves out: kb never"
                        f" takes what a paper asks as what it states; quote \"{words}\" too (\"[W]hether ...\"), or"
                        " cut it elsewhere")
            turning = self._turned_by()
            if turning:
                return (f"no word differs, but the page prints {turning}: kb never takes a quote cut where the"
                        " words around it turn or qualify it (a negation, a condition, a hedge, a number's"
                        " \"about\"); quote them too, or cut it elsewhere")
            before, after = self.around
            if self.ends_sentence and after[:1].islower():
                return (f"no word differs, but the quote ends its sentence where the page goes on \"{after}\": leave out"
                        " its last stop, or quote on")
            last = before.split()[-1:]
            first = self.passage.split()[:1]
            if last and first and first[0][:1].isdigit() and re.search(r"(?:\d|\d[.,]|\de?[-−–])$", last[0]):
                return (f"no word differs, but the quote starts inside the number the page prints as"
                        f" \"{last[0]} {first[0]}\": quote the whole number")
            return ("no word differs: check punctuation, and that the quote starts and "
                    "ends on whole words and whole numbers")
        parts = []
        for quoted, source in self.differences:
            # 'enеrgy -> energy' prints two words alike: the letter of another script is named
            if quoted and source and _script_why(quoted, source):
                alike = _script_why(quoted, source)
            elif quoted and source and _raised_flat(quoted, source):
                alike = (f"the page prints {source} flat, as both extractors print a raised or a lowered digit:"
                         " it does not say it is a power")
            elif quoted and source and _power_flat(quoted, source):
                alike = (f"the page prints the digits flat, {source}, and the quote raises them: nothing on the page"
                         f" (a \"×\" before the base) shows {source} is a power: kb takes it as the number it prints")
            else:
                alike = quoted and source and looks(quoted) == looks(source) and lookalike_named(quoted + source)
            alike = alike or (not self.negation_left_out and why_differs(quoted, source))
            parts.append(f"{quoted or '(nothing)'} -> {source or '(nothing)'}" + (f" ({alike})" if alike else ""))
        return "differs: " + "; ".join(parts) + (
            " (the quote starts after its clause's negation, which turns it around)" if self.negation_left_out else "") + (
            self._brackets_why() if self.brackets_refused else "") + (
            " (the quote's ellipsis leaves that out: kb never lets an ellipsis change what the words it keeps say)"
            if self.elided and all(not q for q, _ in self.differences) else "")

    def revises(self, quote: str) -> bool:
        """Whether this passage reads as a revision of ``quote``: at least two thirds of the quote's words kept, in
        order ("Of note is that X" of "Notably, X"; a figure, a hedge, a citation changed), so that its differences
        say what a newer version changed. Else it is another passage that shares a run of words with it (a
        neighbouring sentence, once the quote's was deleted; the quote rewritten throughout), whose word diff would
        read as a rewording that never was. An elided quote's passage, or one where no word differs, revises it."""
        if self.elided or not self.differences:
            return True
        words = len(quote.split())
        dropped = sum(len(ours.split()) for ours, _ in self.differences)
        return words > 0 and 3 * (words - dropped) >= 2 * words

    def _turned_by(self) -> str:
        """'"not" right after the quote's last word' where a word right around the passage turns or qualifies it."""
        before, after = self.around
        said = []
        words = before.split()
        for last in (" ".join(words[-2:]), " ".join(words[-1:])):
            if last and _TURNING.fullmatch(last.strip("(,;:\"“”")):
                said.append(f"\"{last}\" right before the quote's first word")
                break
        first = after.split()[:1] if after else []
        if first and _TURNING.fullmatch(first[0].strip("),;:.\"“”")):
            said.append(f"\"{after}\" right after " + ("its last" if said else "the quote's last word"))
        return " and ".join(said)

    def _brackets_why(self) -> str:
        """Why a quote found but for its editorial brackets is refused, naming each bracket."""
        named = [m.group() for quoted, _ in self.differences for m in _BRACKET.finditer(quoted)]
        if not named:
            return ""
        many = len(named) > 1
        return (f" (the editorial bracket{'s' if many else ''} " + ", ".join(named) + f" {'are' if many else 'is'} why:"
                f" {'they say' if many else 'it says'} what the paper does not print there)")


# Why kb does not take a word of the quote as the page's, said in words a writer acts on. Only for a difference
# of a kind named here: the others ("0.012 -> 0.022" of two numbers, "cosine -> linear") say it themselves.
_GROUPING = lazy(r"[,\s\u2009\u202f\u00a0]")
_POINT_COMMA = str.maketrans(".,", ",.")
_GLUED_NUMBER = lazy(r"([^\W\d_]{2,})(\d{1,2})[.,;:]?")
# British and American spellings: a word's "-ise"/"-ize" ("-isation"), "-our"/"-or", "-re"/"-er", "-yse"/"-yze", and a
# consonant doubled before an ending ("modelling", "travelled", "labelled")
_SPELLING = ((r"is(e|es|ed|ing|ation|ations)$", r"iz\1"), (r"ys(e|es|ed|ing)$", r"yz\1"),
             (r"our(s|ed|ing|ful|ite|ites|able)?$", r"or\1"), (r"tre(s)?$", r"ter\1"),
             (r"([lmptg])\1(ed|er|ers|ing)$", r"\1\2"), (r"ogue(s)?$", r"og\1"))


def _spelling_key(word: str) -> str:
    out = word.lower()
    for a, b in _SPELLING:
        out = re.sub(a, b, out)
    return out


#: A word that turns or qualifies the words next to it: a negation, a condition, a hedge, a number's bound.
_TURNING = lazy(r"(?i)not|no|never|cannot|nor|without|n[\'’]t|\w+n[\'’]t|if|unless|assuming|provided|suppose|about|around|"
                r"over|under|nearly|almost|approximately|roughly|only|just|some|least|most|more|less|fewer|than|up|"
                r"may|might|could|arguably|perhaps|possibly|likely|above|below|circa|ca\.|~|<|>|≤|≥|≈|"
                r"(?:up|close|down)\s+to|as\s+\w+\s+as|at\s+(?:least|most)")


def why_differs(quoted: str, source: str) -> str | None:
    """Why ``quoted`` is not taken as the page's ``source`` where the two are alike to a reader, or None."""
    if not quoted or not source:
        word = (quoted or source).strip(".,;:()")
        if _NEGATION.fullmatch(word):
            return ("a negation the page does not print: it turns the sentence around" if quoted else
                    "a negation the quote leaves out: without it the words say the opposite")
        return None
    q, s = quoted.strip(".,;:()"), source.strip(".,;:()")
    if any(c.isdigit() for c in q) and any(c.isdigit() for c in s):
        if _GROUPING.sub("", q) == _GROUPING.sub("", s):
            return "the same digits grouped otherwise: kb takes numbers only as the page groups and spaces their digits"
        if q.translate(_POINT_COMMA) == s:
            return "a decimal point where the page has a thousands comma, or the reverse: another number"
    m = _GLUED_NUMBER.fullmatch(s)
    if m is not None and q == m.group(1):
        return (f"the page prints {m.group(1)}{m.group(2)}, the {m.group(2)} glued to the word: kb leaves it out as a"
                f" footnote's mark only where the page's footnote {m.group(2)} names {m.group(1)} without it")
    m = _GLUED_NUMBER.fullmatch(q)
    if m is not None and s == m.group(1):
        return f"the page prints {s} with no {m.group(2)}: a number the quote adds to the word"
    qs, ss = q.split("-"), s.split("-")
    if len(qs) == len(ss) and all(a.isalpha() and b.isalpha() and _spelling_key(a) == _spelling_key(b)
                                  for a, b in zip(qs, ss)) and q.lower() != s.lower():
        return "a British or American spelling changed: kb takes only the page's spelling as verbatim"
    return None


# --- reading a quote ----------------------------------------------------------

_ELISION = lazy(r"\[\s*(?:…|\.(?:\s*\.){2,})\s*\]|…|\.(?:[ \t]?\.){2,}")
_BRACKET = lazy(r"\[([^\[\]]{0,200})\]")
# Editor's marks that stand for no words of the source.
_SILENT_MARKS = (
    r"sic[.!]?|(?:(?:my|our|original)\s+)?(?:emphasis|italics|bold(?:face)?|underlining)"
    r"(?:\s+(?:added|mine|ours|supplied|in\s+(?:the\s+)?original|original|omitted|removed|deleted))?"
    r"|(?:internal\s+)?(?:citations?|references?|footnotes?|quotation\s+marks)"
    r"(?:\s+and\s+(?:citations?|references?|footnotes?|quotation\s+marks))?\s+omitted"
    r"|(?:(?:my|our)\s+)?(?:translation|ellipsis)(?:\s+(?:mine|ours|added))?")
_SILENT = lazy("(?i)" + _SILENT_MARKS)
# The same marks in parentheses, as many writers set them ("real-word (sic) use cases", "... (emphasis
# added)"): read as the bracketed mark, once the quote is not found with them as the paper's own text.
_SILENT_PARENS = lazy(r"(?i)\(\s*(" + _SILENT_MARKS + r")\s*\)")
_EDGE_PUNCT = set(".,;:'\"")


def split_fragments(quote: str) -> list[str]:
    """The parts of a quote between elision marks, stripped; empty parts dropped."""
    return [f.strip() for f in _ELISION.split(quote) if f.strip()]


@dataclass
class _Piece:
    text: str              # folded
    max_gap: int           # folded chars allowed before this piece (after the previous)
    check_start: bool
    check_end: bool
    fragment: int
    first_of_fragment: bool
    last_of_fragment: bool
    raw: str | None        # raw text for the exact test (None: fragment has editing)
    #: offsets in ``text`` where the writer typed whitespace inside a number that is
    #: not a thousands separator ("13 20"), or after a number's point ("1. 2"): the page must separate them there too
    splits: tuple[int, ...] = ()
    #: offsets in ``text`` between two of the writer's words (where an aside may sit)
    cuts: tuple[int, ...] = ()
    #: offsets in ``text`` where the writer typed two digits (or a digit and a decimal point) with
    #: nothing between them: the page may not print two numbers there ("1454.5" of "1 454.5")
    joins: tuple[int, ...] = ()
    #: an editorial insertion stands right before / after this piece at the start / end
    #: of its fragment ("[The model] was ...", "... methodologies [aimed]."): never for
    #: bracketed source text there either
    edit_before: bool = False
    edit_after: bool = False
    #: the quote's mark ending its sentence right after the editorial insertion ending it ("[it]." : "."; "?"): the
    #: paper's sentence ends after what that insertion stands for, with a question's mark only for a question's
    mark_after: str = ""
    #: the editorial insertions standing right before this piece (between the previous
    #: piece of its fragment and this one, or before the fragment's first), and after the
    #: fragment's last piece
    before: tuple[_Insertion, ...] = ()
    after: tuple[_Insertion, ...] = ()


@dataclass
class _Pattern:
    pieces: list[_Piece]
    has_citation: bool
    editorial: bool
    fragments: int
    #: the quote ends with a full stop (or ? !): the paper must not run on with a word there
    ends_sentence: bool = False
    #: the negations the quote holds ("not", "no", "cannot", "n't"), sorted: the passage
    #: must hold the same ("not able" is never "notable", though both fold to the same letters)
    negations: list[str] | None = None
    #: the quote's words, lower case: a negation the extractor split off one of them
    #: ("no des" of "nodes") is that word's (`_split_negations`)
    words: frozenset[str] = frozenset()
    #: the words beside each "no" the quote writes, lower case ("have", "way" of "have no way"): a "no" a page
    #: split at its kerns glues to the word before it there is that negation (`_split_negations`)
    no_between: frozenset[tuple[str, str]] = frozenset()


def _trim(folded_text: str) -> tuple[int, int]:
    """Folded range left once edge punctuation is ignored (a '.' or ',' before a digit stays)."""
    a, b = 0, len(folded_text)
    while a < b and folded_text[a] in _EDGE_PUNCT:
        if folded_text[a] in ".," and a + 1 < b and folded_text[a + 1].isdigit():
            break
        a += 1
    while b > a and folded_text[b - 1] in _EDGE_PUNCT:
        b -= 1
    return a, b


_THOUSANDS_SPACED = lazy(r"(?<![\d.,])\d{1,3}(?:\s\d{3})+(?!\d)")


def _number_splits(f, a: int, b: int) -> tuple[int, ...]:
    """Offsets (relative to ``a``) in folded ``f.text[a:b]`` where the writer's text
    had whitespace between two digits (before or after a decimal point) that is not a
    thousands separator: "13 20" and "75 4.66" are two numbers, "626 155" is one."""
    t = f.text
    thousands: set[int] = set()
    for m in _THOUSANDS_SPACED.finditer(f.source):
        for g in re.finditer(r"\s", m.group()):
            thousands.add(m.start() + g.start())
    out = []
    for i in range(a + 1, b):
        p, c = t[i - 1], t[i]
        if p == "." and _is_digit(c) and i - 2 >= a and _is_digit(t[i - 2]) and \
                any(ch.isspace() for ch in f.source[f.origin[i - 1] + 1:f.origin[i]]):
            out.append(i - a)     # "1. 2": a number ending a sentence or a list's item, then another; never "1.2"
            continue
        if not _is_digit(p) or not (_is_digit(c) or (c == "." and i + 1 < b and _is_digit(t[i + 1]))):
            continue
        if f.origin[i] != f.origin[i - 1] and _is_digit(c) and \
                (f.source[f.origin[i - 1]] in ENCLOSED_NUMBERS or f.source[f.origin[i]] in ENCLOSED_NUMBERS):
            out.append(i - a)     # "①②" or "①2": an enclosed number is one of its own, never "⑫" or "12"
            continue
        between = f.source[f.origin[i - 1] + 1:f.origin[i]]
        if not between or not any(ch.isspace() for ch in between):
            continue
        if any(f.origin[i - 1] < k < f.origin[i] for k in thousands):
            continue
        out.append(i - a)
    return tuple(out)


#: A number's characters as a writer types them (a raised or lowered digit, "χ²₄", is an index or a power).
_PLAIN_NUMBER = frozenset("0123456789.")


def _number_joins(f, a: int, b: int) -> tuple[int, ...]:
    """Offsets (relative to ``a``) in folded ``f.text[a:b]`` where the writer's text has two digits,
    or a digit and a decimal point, side by side with nothing between them ("1454.5", "31.724.0"); never
    raised or lowered digits, an index and a power the page may print apart ("χ²₄" of "𝜒 2 4")."""
    t = f.text
    out = []
    for i in range(a + 1, b):
        p, c = t[i - 1], t[i]
        if _is_digit(p) and (_is_digit(c) or c == ".") and f.origin[i] == f.origin[i - 1] + 1 \
                and f.source[f.origin[i - 1]] in _PLAIN_NUMBER and f.source[f.origin[i]] in _PLAIN_NUMBER:
            out.append(i - a)
        elif _is_digit(c) and (_is_digit(p) and f.origin[i] == f.origin[i - 1] and f.source[f.origin[i]] in
                               ENCLOSED_NUMBERS or p == "." and i - 2 >= a and _is_digit(t[i - 2])
                               and f.origin[i] == f.origin[i - 1] + 1 and f.source[f.origin[i - 1]] == "."):
            out.append(i - a)     # one enclosed number's digits ("⑫", "⑿"), or a decimal point's digit after it
    return tuple(out)


def _apart_at(s: Stream, i: int) -> bool:
    """The page prints two numbers at stream index ``i``, where the writer typed the digits side by
    side: only a space between them on one page, and not one number the extractor split (pypdf's space
    before a decimal point, "0 .954pt"; "1 438": `_maybe_one_number`), so "1454.5" of the row "1 454.5" or
    "1,212,7391" of "1,212,739 1" is a number the page does not print."""
    if i <= 0 or i >= len(s.text):
        return False
    if s.page_of[i] != s.page_of[i - 1]:
        return True               # "56" of "5" ending a page and "6" opening the next: a page break parts them
    if _enclosed_apart(s, i):
        return True               # "15" of "➀5", "12" of "①②" or "1.2" of "⒈⒉": an enclosed number is one of its own
    gap = s.gap(i)
    if s.text[i - 1] == ".":
        # a decimal point's digit after it is apart from an enclosed number's point, and from a point the page
        # prints a space or a line's end after: "1. 2" is a number ending a sentence or a list's item, then another
        return bool(gap) and gap.strip() == ""
    return bool(gap) and gap.strip() == "" and "\n" not in gap and s.text[i] != "." and not _maybe_one_number(s, i)


def _word_cuts(f, a: int, b: int) -> tuple[int, ...]:
    """Offsets (relative to ``a``) in folded ``f.text[a:b]`` between two of the writer's words."""
    out = []
    for i in range(a + 1, b):
        between = f.source[f.origin[i - 1] + 1:f.origin[i]]
        if between and not all(c.isalnum() for c in between):
            out.append(i - a)
    return tuple(out)


_WHOLE_NUMBER = lazy(r"(?<![\d.,])(?:\d{4,}|\d{1,3}(?:,\d{3})+)(?!\d|,\d)")


def _thousands_as_printed(doc: Document, quote: str) -> str:
    """The quote with each whole number of four digits or more written with or without thousands commas as the page
    prints it ("10000" -> "10,000", "2,880" -> "2880"), where the page prints that form and not the quote's."""
    text = doc.stream.text

    def regroup(m: re.Match[str]) -> str:
        typed = m.group()
        bare = typed.replace(",", "")
        other = f"{int(bare):,}" if typed == bare else bare
        if bare[0] == "0" or other in typed or other not in text:
            return typed
        return other
    return _WHOLE_NUMBER.sub(regroup, quote) if any(c.isdigit() for c in quote) else quote


def _thousands_with_commas(quote: str) -> str:
    """The quote with spaces between thousands groups written as commas ("626 155" -> "626,155")."""
    return _THOUSANDS_SPACED.sub(lambda m: re.sub(r"\s", ",", m.group()), quote)


# A quotation mark, opening (at a word's start, after a space, a bracket or a dash) or closing
# (at a word's end, before a space, punctuation or the end), never an apostrophe inside a word.
_QUOTATION_MARK = lazy(r"""(?:^|(?<=[\s(\[—–-]))['‘"“](?=\S)|(?<=\S)['’"”](?=[\s.,;:!?)\]—–-]|$)""")
_NESTED = {"'": '"', "‘": "“", "’": "”", '"': "'", "“": "‘", "”": "’"}


def _marks_swapped(quote: str) -> str:
    """The quote with its single and double quotation marks swapped: a quote inside a quote is
    written in the other marks ('the texts, "And the sun stood still ..."' quoted as "the texts,
    'And the sun stood still ...'"), as a note in the other style writes the paper's own. Marks
    never change a word, so the words are matched as strictly as before."""
    return _QUOTATION_MARK.sub(lambda m: _NESTED[m.group()], quote)


# Greek letters a writer types as their names ("a Delta = +2.3 point increase", "the MGP
# parameters theta", "beta2 = 0.999"), read as the letter the paper prints: a whole word, in
# either case, or one an index's digits follow.
_GREEK_NAMES = {name: chr(code) for name, code in (
    ("alpha", 0x3b1), ("beta", 0x3b2), ("gamma", 0x3b3), ("delta", 0x3b4), ("epsilon", 0x3b5),
    ("zeta", 0x3b6), ("eta", 0x3b7), ("theta", 0x3b8), ("iota", 0x3b9), ("kappa", 0x3ba),
    ("lambda", 0x3bb), ("mu", 0x3bc), ("nu", 0x3bd), ("xi", 0x3be), ("omicron", 0x3bf), ("pi", 0x3c0),
    ("rho", 0x3c1), ("sigma", 0x3c3), ("tau", 0x3c4), ("upsilon", 0x3c5), ("phi", 0x3c6), ("chi", 0x3c7),
    ("psi", 0x3c8), ("omega", 0x3c9))}
# A letter after the name makes it another word ("alphabet", "pin"); a digit, a superscript or a
# subscript is the letter's index or power ("beta2", "sigma²", "beta₁", "lambdaₘ").
_GREEK_NAME = lazy(r"(?i)(?<![^\W_])(?:" + "|".join(sorted(_GREEK_NAMES, key=len, reverse=True))
                   + r")(?!(?![\u00b2\u00b3\u00b9\u2070-\u209f])[^\W\d_])")


def _greek_letters(quote: str) -> str:
    """The quote with Greek letters typed as their names written as the letters ("theta"
    -> "θ"); a page that prints the name matches the quote as typed."""
    return _GREEK_NAME.sub(lambda m: _GREEK_NAMES[m.group().lower()], quote)


# A list item's marker a writer types as Markdown does ("* Own Papers: ...", "... in green. + Saved
# Papers"), where the paper prints a bullet, which folding drops: at the quote's start or after the
# item before it ends, alone before a word.
_LIST_MARKER = lazy(r"(?:^|(?<=[.:;!?]\s))\s*[*+]\s+(?=[\w\[(\"“‘'])")


# An index or a power a writer types as LaTeX does ("x_1", "beta_0", "x_{ij}", "sigma^{2}"), where the
# paper prints it after its letter, lowered or raised ("𝑥1", "β0", "x₁", "σ²"): at most three letters or
# digits after a letter or a digit.
_SCRIPT = lazy(r"(?<=[^\W_])[_^](?:\{([^\W_]{1,3})\}|([^\W_]{1,3})(?![^\W_]))")


def _scripts_as_printed(quote: str) -> str:
    """The quote with its LaTeX subscripts and superscripts written as the paper prints them, after
    their letter ("x_1" -> "x1"), and a number's power raised ("10^{-6}" -> "10⁻⁶"); the words and digits
    are the writer's, in the same order."""
    if "^" in quote:
        quote = typed_powers(quote, pad="")
    return _SCRIPT.sub(lambda m: m.group(1) or m.group(2), quote) if "_" in quote or "^" in quote else quote


# A power raised in a quote ("10⁻⁶", "10^9") where the extractor lost the raise ("10−6", "109", as it prints most
# papers' powers): the same power, read on the line, its sign kept, only where the page shows it is a power (a "×"
# before its base, a minus sign glued after it, another "× 10" power in the paper: `_power_unmarked`). Never the
# reverse: a page printing the power raised is never the quote's "106" or "10-6". After a symbol, only where the extractor set the digit apart from
# it, as both print a script placed off the line ("𝜒 2 4", PDFium's "𝜒\n2\n4" for "χ²₄"): a digit printed glued to
# a symbol ("x2", "CO2", "L2", "s-1" after a word) is read on the line as its name's or index's, so a quote raising
# it ("x²", "x^2", "CO²", "s⁻¹") says what the page's text does not, refused with that reason (`_raised_flat`); a
# unit's power after a number is the unit's, folded to digits ("0.5 s⁻¹" is "0.5 s-1").
_POWER_RAISED = lazy(r"(?<=[^\W_])([⁺⁻]?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_LOWERED = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+\u2212")
_FLAT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻\u2212", "0123456789+--")
# A symbol a digit is raised after: a letter, never a raised digit itself (\w holds "¹²³"), so the raised number
# of a footnote or a reference after punctuation ("et al.¹²", "work,¹²" of "al.12", "work,12") is no power of one.
_SYMBOL = r"[^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]"
#: A symbol and the digits raised after it ("x²", "s⁻¹"): the symbol, then its script.
_SCRIPT_AFTER_LETTER = lazy("(" + _SYMBOL + r")([⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")


def _raised_glued(doc: Document, found: QuoteMatch, quote: str) -> bool:
    """The page's text ``found`` covers prints a digit the quote raises after a symbol ("x²", "s⁻¹") glued to that
    symbol ("x2", "s-1"), or never set apart from it, or with a sign ("s − 1"): read on the line, never as a raise
    the extractor lost."""
    scripts = [(fold_char(m.group(1)), m.group(2).translate(_FLAT), _stacked_index(quote, m.start(), m.end()))
               for m in _SCRIPT_AFTER_LETTER.finditer(quote)]
    if not scripts:
        return False
    text = _spanned(doc, found.spans)
    for letter, digits, index in scripts:
        if not digits[0].isdigit():
            return True         # "s − 1", "x-1": a subtraction on the line, never a sign the extractor lowered
        flat = "".join("[-\u2212]" if c == "-" else re.escape(c) for c in digits)
        apart = False
        for m in re.finditer(r"(\S)(\s*)" + flat + r"(?!\d)(\s+[^\W\d_](?![^\W_]))?", text):
            if fold_char(m.group(1)) != letter:
                continue
            if not m.group(2) and not (index and m.group(3) and fold_char(m.group(3).strip()) == index):
                return True     # "x2": glued
            apart = True
        if not apart:
            return True
    return False


def _stacked_index(quote: str, start: int, end: int) -> str | None:
    """The one letter the quote types right after the raised digits of a one-letter symbol (``start:end``:
    the symbol, then its digits), alone before what is no letter or digit ("σ²m" of "σ²ₘ", "{σ²m}"): the
    index a TeX page stacks under the power. Printed set apart after the digit glued to its symbol ("σ2 m",
    "σ2⏎m"), the digit is the power of a symbol indexed so, never the symbol's own name ("x2"); never after
    a name of several letters ("CO²e" of "CO2 e" is no power)."""
    if (start and quote[start - 1].isalnum()) or not quote[start].isalpha() or quote[start + 1:start + 2].isalpha():
        return None
    if end < len(quote) and quote[end].isalpha() and not (end + 1 < len(quote) and
                                                          (quote[end + 1].isalnum() or quote[end + 1] == "_")):
        return fold_char(quote[end])
    return None


def _index_stacked(text: str, end: int, index: str) -> bool:
    """``text`` prints, after the digit ending at ``end``, the quote's stacked ``index`` alone, set apart
    from the digit by a space or a line break ("σ2 m)", "σ2\nm}"): a power over an index, as TeX sets them."""
    m = re.compile(r"\s+([^\W\d_])(?![^\W_])").match(text, end)
    return m is not None and fold_char(m.group(1)) == index


def _raised_flat(quoted: str, source: str) -> bool:
    """A difference that is only a symbol's power the quote raises ("x²", "x^2", "s⁻¹") and the page prints flat
    ("x2", "s-1"): `_POWER_RAISED` says why it is refused."""
    raised = typed_powers(quoted, pad="") if "^" in quoted else quoted
    return _SCRIPT_AFTER_LETTER.search(raised) is not None and raised.translate(_FLAT) == source.translate(_FLAT)


# A number's power raised after its base ("10⁶", "2⁻³"): the base, then its power.
_NUMBER_POWER = lazy(r"(?<![\w.,])(\d+)([⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
# Scientific notation printed flat: a times sign before the base ("8.22 × 10−6", "3 x 10-4", "5·109").
_TIMES_BEFORE = lazy(r"[×x·⋅*∗][ \t\u00a0]*$")
# A paper's own power of ten printed flat after a times sign ("2 × 109", "8.22 × 10−6"): its other flat "10" powers,
# on any of its pages, are printed the same way.
_TEN_POWERED = lazy(r"\d[ \t\u00a0]*[×·⋅∗][ \t\u00a0]*10[-\u2212]?\d")


def _power_unmarked(doc: Document, found: QuoteMatch, quote: str) -> bool:
    """A number's power the quote raises ("10⁶", "10⁻⁶") that the page's text ``found`` covers prints flat ("106",
    "10−6") where nothing there shows it is a power: a page's flat "106" may be one hundred and six. The page shows it
    where a times sign comes before the base ("8.22 × 10−6"), where a minus sign (never a hyphen) is glued between
    the base and the power ("10−6"), or, for a power of ten ("107"), where the same paper prints another power of ten
    that way ("2 × 109"), on that page or another (`_prints_ten_powered`)."""
    powers = _NUMBER_POWER.findall(quote)
    if not powers:
        return False
    for sp in found.spans:
        page = doc.pages[sp.page - 1]
        for base, power in powers:
            flat = "".join("[-\u2212]" if c == "⁻" else re.escape(c) for c in power.translate(_FLAT).replace("-", "⁻"))
            for m in re.compile(r"(?<![\w.,])" + re.escape(base) + flat + r"(?!\d)").finditer(
                    page, max(0, sp.start - 12), sp.end + 8):
                if _TIMES_BEFORE.search(page, max(0, m.start() - 4), m.start()):
                    continue
                if power[0] == "⁻" and page[m.start() + len(base)] == "\u2212":
                    continue    # "10−6": a minus sign glued between two numbers, never a hyphen's range nor spaced
                if base == "10" and _prints_ten_powered(doc):
                    continue
                return True
    return False


def _prints_ten_powered(doc: Document) -> bool:
    """Whether the paper prints a power of ten flat after a times sign on any of its pages ("2 × 109" on Turing's
    p.17 shows his "about 109" of p.8 is 10⁹): looked for once per document."""
    cached = doc.__dict__.get("_prints_ten_powered")
    if cached is None:
        cached = doc.__dict__["_prints_ten_powered"] = any(_TEN_POWERED.search(page) for page in doc.pages)
    return cached


def _power_flat(quoted: str, source: str) -> bool:
    """A difference that is only a number's power the quote raises ("10⁶") and the page prints flat ("106")."""
    quoted = typed_powers(quoted, pad="") if "^" in quoted else quoted
    return _NUMBER_POWER.search(quoted) is not None and quoted.translate(_FLAT).replace("\u2212", "-") == \
        source.replace("\u2212", "-")


_SUBSCRIPT_DIGIT = lazy("[₀₁₂₃₄₅₆₇₈₉₊₋]")
# A digit raised or lowered after a letter ("m²", "x₂", "s⁻¹", "CO₂"): the letters before it, then its script.
_LETTER_SCRIPT = lazy(r"(?<![^\W\d_])([^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉]{1,3})([⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[₊₋]?[₀₁₂₃₄₅₆₇₈₉]+)")
_ANY_SCRIPT = lazy("[⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉]")
_TO_FLAT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻₀₁₂₃₄₅₆₇₈₉₊₋\u2212", "0123456789+-0123456789+--")


def _script_kind(script: str) -> str:
    return "raised" if script[-1] in "⁰¹²³⁴⁵⁶⁷⁸⁹" else "lowered"


def _scripts_contradicted(doc: Document, found: QuoteMatch, quote: str) -> bool:
    """A digit the quote raises or lowers after a letter that the page's text ``found`` covers says is the other
    script (`_script_contradictions`)."""
    return bool(_script_contradictions(doc, found.spans, quote))


def _script_contradictions(doc: Document, spans: list[Span], quote: str) -> list[tuple[str, str]]:
    """Each digit the quote raises or lowers after letters, with what the page's text ``spans`` cover prints there
    instead ("m₂" and "m²"), where the page says it is the other script: lowered where the quote raises ("m²" of
    "m₂", "CO²" of "CO₂") or raised where it lowers ("m₂" of "m²"); printed flat after a unit, whose digit is its
    power ("40 m₂" of "40 m2", "km₂" of "km2"); or printed flat after a symbol the quote raises as a unit's ("the
    mass m²" of "the mass m2": `_raised_glued` says it for other symbols). Both extractors print a raised and a
    lowered digit flat, so a flat digit is read as the page's text says it is: a unit's power, a symbol's index.
    Only where no place the page prints the letters and digits agrees."""
    scripts = [(m.group(1), m.group(2), _stacked_index(quote, m.start(), m.end()))
               for m in _LETTER_SCRIPT.finditer(quote)]
    if not scripts:
        return []
    text = "\n".join(doc.pages[sp.page - 1][max(0, sp.start - 16):sp.end] for sp in spans)
    out = []
    for letters, script, index in scripts:
        kind = _script_kind(script)
        digits = script.translate(_TO_FLAT)
        seen = ""
        agreed = False
        for m in _LETTER_SCRIPT_ON_PAGE.finditer(text):
            if fold(m.group(1)) != fold(letters) or m.group(2).translate(_TO_FLAT) != digits:
                continue
            seen = seen or m.group()
            printed = m.group(2)
            if printed[-1] in "0123456789":
                if (kind == "raised") == unit_powered(text, m.start(1), m.end(1)) or \
                        kind == "raised" and index and _index_stacked(text, m.end(), index):
                    agreed = True
            elif _script_kind(printed) == kind:
                agreed = True
        if seen and not agreed:
            out.append((letters + script, seen))
    return out


def _script_why(quoted: str, source: str) -> str:
    """Why a difference that is only a digit's script ("m₂ -> m²", "40 m₂ -> m2") is one, or ""."""
    m = _LETTER_SCRIPT.fullmatch(quoted)
    if m is None or quoted.translate(_TO_FLAT) != source.translate(_TO_FLAT) or quoted == source:
        return ""
    if source[-1] in "0123456789":
        if _script_kind(m.group(2)) == "lowered":
            return (f"the page prints {source} flat after a number or as a unit, whose digit is its power, and the"
                    " quote lowers it as an index")
        return (f"the page prints {source} flat, as both extractors print a raised or a lowered digit: it does not"
                " say it is a power")
    if _script_kind(m.group(2)) == "lowered":
        return "the page raises the digit the quote lowers: a power is never an index"
    return "the page lowers the digit the quote raises: an index is never a power"


# What the page prints after letters: a digit raised, lowered or flat ("m²", "x₂", "m2", "s-1", "s−1").
_LETTER_SCRIPT_ON_PAGE = lazy(r"(?<![^\W\d_])([^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉]{1,3})"
                              r"([⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[₊₋]?[₀₁₂₃₄₅₆₇₈₉]+|[-\u2212]?\d+)(?![\d.,]\d)")


def _lowered_printed(doc: Document, found: QuoteMatch) -> bool:
    """The page's text ``found`` covers prints a lowered digit or sign ("x₂"): never a quote's raised one."""
    return any(_SUBSCRIPT_DIGIT.search(doc.pages[sp.page - 1], sp.start, sp.end) for sp in found.spans)


def _powers_lowered(quote: str) -> str:
    """The quote with each power raised after a number written on the line ("10⁻⁶" -> "10−6", "10⁹" -> "109")."""
    return _POWER_RAISED.sub(lambda m: m.group().translate(_LOWERED), quote)


# Any apostrophe a writer types or a paper prints ("don't", "don’t", "don´t", "donʼt"): all fold to
# "'", so a negation read in one and not in the other would refuse the same words.
_APOSTROPHE = "[" + APOSTROPHES + "]"
_NEGATION = lazy(r"(?i)\b(?:not|no|never|none|nor|neither|nothing|nobody|cannot|without)\b|n" + _APOSTROPHE + r"t\b")


_CASE_LETTER = lazy(r"\[([^\W\d_])\]")
_LINE_END_HYPHEN = lazy(r"[-\u2010\u00ad][ \t]*\n?\s*")


# Negations compared as what they say: "cannot" and "can't" are "can not", "nothing" is
# "no thing" (either may be printed or typed).
_NEGATION_KIND = {"cannot": "not", "nothing": "no", "nobody": "no", "none": "no", "neither": "nor"}


def _negations(text: str) -> list[str]:
    out = []
    for m in _NEGATION.findall(text):
        w = m.lower()
        out.append("not" if w[-2:-1] in APOSTROPHES else _NEGATION_KIND.get(w, w))
    return out


# A character pypdf prints as its glyph's name in an old TeX font, by its hex code ("ev ery /#28not to o
# large/#29" for "every (not too large)"): read as a space, so the word after it is read whole.
_GLYPH_ESCAPE = lazy(r"/#[0-9A-F]{2}")


def _unescaped(text: str) -> str:
    """``text`` with pypdf's glyph names by hex code as spaces (same length): "/#28not" holds "not"."""
    return _GLYPH_ESCAPE.sub("    ", text) if "/#" in text else text


def _page_text(s: Stream, pi: int) -> str:
    """Page ``pi`` (0-based) of ``s`` as `_unescaped` reads it, made once per stream: the checks of an
    elision read it for every place a fragment is tried."""
    cache = s.__dict__.setdefault("_unescaped_pages", {})
    page = cache.get(pi)
    if page is None:
        page = cache[pi] = _unescaped(s.pages[pi])
    return page


def _negations_kept(s: Stream, pat: _Pattern, bounds) -> bool:
    """The passage at stream ``bounds`` ((start, end) pairs) holds as many negations as
    the quote: a space typed or left out never makes or unmakes one ("not able" and
    "notable", "no table" and "notable" fold to the same letters)."""
    if pat.negations is None:
        return True
    texts = [_unescaped(s.original(a, b, sep=" ")) for a, b in bounds]
    joined = sorted(w for t in texts for w in _negations(_BROKEN_WORD.sub("", t)))
    # a hyphen at a line's end may break a word ("no-\ntable", "can-\nnot") or end a
    # compound's first part ("Never-\nEnding"): either reading will do
    apart = sorted(w for t in texts for w in _negations(_LINE_END_HYPHEN.sub(" ", t)))
    if pat.negations in (joined, apart):
        return True
    split = [_split_negations(s, pat, t) for t in texts]
    return split != texts and pat.negations == sorted(w for t in split for w in _negations(t))


# A negation word and the word after it, as an extractor may print one word split in two.
_NEGATION_PIECE = lazy(r"(?i)\b(no|not|nor|never|none)\s+([^\W\d_]+)\b")
_WORD_PIECE = lazy(r"[^\W\d_]+")
_CAMEL = lazy(r"[a-z][A-Z]")
# Words that spell another word after a negation ("not able", "no table", "no where", "not
# ice", "no vice", "nor man"): a quote writing the joined word there is not the paper's.
_SPELL_A_WORD = frozenset("""
    able ables table tables where ice ices ion ions thing things body one on vice vices man
""".split())


def _piece_counts(s: Stream):
    """(words, pieces after a negation word, splits words) of a stream's pages, read once:
    how often each word stands alone in the paper, how often right after "no", "not"...,
    and whether its extractor splits words at kerns."""
    cached = s.__dict__.get("_piece_counts")
    if cached is None:
        text = "\n".join(s.pages)
        # a symbol of a formula ("dE", "iPhone": a capital after a small letter) is no word
        printed = Counter(w for w in _WORD_PIECE.findall(text) if not _CAMEL.search(w))
        words: Counter[str] = Counter()
        for w, n in printed.items():
            words[w.lower()] += n
        after = Counter(m.group(2).lower() for m in _NEGATION_PIECE.finditer(text))
        letters = sum(n for w, n in printed.items() if len(w) == 1 and w.islower() and w != "a")
        splits = letters > SPLIT_TEXT_LETTERS * max(1, printed.total())
        cached = s.__dict__["_piece_counts"] = (words, after, splits)
    return cached


def _split_negations(s: Stream, pat: _Pattern, text: str) -> str:
    """``text`` with each negation word that is a piece of a word the extractor split
    joined to its other piece ("no des" -> "nodes", "not ation" -> "notation"). A piece
    is a split word's when the quote writes the joined word, the other piece is no word
    of the paper (it never stands alone but after that negation word), and the joined
    word is one the paper prints whole, or the paper's extraction splits words at its
    font's kerns. A piece that spells a word after the negation ("able", "table", "where")
    is never joined: "not able" and "no table" stay negations, and a quote's "notable"
    there is refused."""
    if not pat.words:
        return text
    words, after, splits = _piece_counts(s)

    def join(m: re.Match[str]) -> str:
        neg, tail = m.group(1), m.group(2)
        whole = (neg + tail).lower()
        if whole not in pat.words or tail.lower() in _SPELL_A_WORD or words[tail.lower()] > after[tail.lower()]:
            return m.group()
        return neg + tail if splits or words[whole] else m.group()

    text = _NEGATION_PIECE.sub(join, text)
    if splits:
        # a negation the quote writes that the kerns split into pieces ("nev er" of "never")
        for word in pat.words & _SPLIT_NEGATION_WORDS:
            text = _spaced_word(word).sub(lambda m: word if _pieces_of_one_word(m.group()) else m.group(), text)
        if pat.no_between:
            # a "no" glued to the word before it, where the quote writes "no" between the same words ("hav eno w ay"
            # of "have no way"); never the "no" of a word the kerns split ("kno w": the quote writes "know")
            text = _GLUED_NO.sub(lambda m: " no" if _written_as_no(pat, text, m) else m.group(), text)
    return text


_GLUED_NO = lazy(r"(?i)(?<=[^\W\d_])no(?= ?[^\W\d_])")
_NOT_LETTER = lazy(r"[\W\d_]+")


def _written_as_no(pat: _Pattern, text: str, m: re.Match[str]) -> bool:
    """The glued "no" ``m`` of ``text`` stands between the letters of the words the quote writes beside a "no"."""
    before = _NOT_LETTER.sub("", text[max(0, m.start() - 40):m.start()]).lower()
    after = _NOT_LETTER.sub("", text[m.end():m.end() + 40]).lower()
    return any(before.endswith(b) and after.startswith(a) for b, a in pat.no_between)


# Negations a kerned font's extraction may print in pieces, and the pieces that are words
# themselves ("n ever", "with out", "no t"): never joined into a negation.
_SPLIT_NEGATION_WORDS = frozenset("not never cannot none nothing nobody neither without".split())
_WORDS_AS_PIECES = frozenset("n ever with out can no not one thing body either t".split())


def _spaced_word(word: str) -> re.Pattern[str]:
    """``word`` printed with a space between any of its letters, as a whole word (the
    pattern compiled once: `re` keeps it)."""
    return re.compile(r"(?i)(?<![^\W\d_])" + " ?".join(map(re.escape, word)) + r"(?![^\W\d_])")


def _hidden_negations(text: str, kerned: bool) -> str:
    """``text`` (same length) with the negations an extractor hid from a word's reading as words: on a
    page split at its kerns, `_kerned_negations`; on any page, a "not" glued to the word before it
    ("we donot want", "wedonot"), read as a word (the letter before it read as a space)."""
    if kerned:
        return _kerned_negations(text)
    return _GLUED_NOT.sub(" not", text) if "not" in text.lower() else text


# A "not" glued to the letters of the word before it, ending a word ("donot", "isnot").
_GLUED_NOT = lazy(r"(?i)(?<=[^\W\d_])[^\W\d_]not(?![^\W\d_])")


def _kerned_negations(text: str) -> str:
    """``text``, of a page split at its kerns, with each negation printed in pieces as the word, then spaces
    (same length: "w e nev er w an t" holds "never"): what an ellipsis or an insertion leaves out holds it.
    A kerned page's spaces are no word's ends and its words' ends no spaces, so a negation glued to the
    word before it is one too ("w edonot w an t", "w en ev er"; the letter before it read as a space), unless
    a piece after its first spells a word of its own ("than ever", "than one"), and so is an "n't" the kerns
    split ("don 't")."""
    for word in _SPLIT_NEGATION_WORDS:
        text = _spaced_word(word).sub(lambda m: word + " " * (len(m.group()) - len(word)), text)
        text = _glued_word(word).sub(lambda m: " " + word + " " * (len(m.group()) - len(word) - 1)
                                     if not _WORDS_AS_PIECES.intersection(m.group()[1:].lower().split(" ")[1:])
                                     else m.group(), text)
    return _SPLIT_NT.sub(lambda m: " n't" + " " * (len(m.group()) - 4), text)     # "do n't": read as "not"


# A "no" glued to the letters of the word before it at the end of what a quote leaves out, where the quote's
# next word starts ("hav eno w ay" of "have no way"): on a page split at its kerns, a negation.
_GLUED_NO_END = lazy(r"(?i)[^\W\d_](?=no[ \t]*$)")


def _glued_no_read(text: str) -> str:
    """``text`` (same length), of a page split at its kerns and ending where a quote's next word starts, with
    a "no" glued to the word before it at its end read as a word (the letter before it read as a space):
    "w e hav eno" of "w e hav eno w ay" ends with "no". A word the kerns split after its "no" ("kno w",
    "kno wledge") has the rest of its letters after it: no quote's word starts there."""
    return _GLUED_NO_END.sub(" ", text) if text.rstrip(" \t")[-2:].lower() == "no" else text


def _glued_no_ends(s: Stream, lo: int, pos: int) -> bool:
    """The stream's text left out between ``lo`` and ``pos`` (a quote's next word starting at ``pos``)
    ends with a "no" glued to the word before it on a page split at its kerns (`_glued_no_read`)."""
    if pos - lo < 2 or s.text[pos - 2:pos] != "no" or not _piece_counts(s)[2]:
        return False
    left = s.original(max(0, pos - 3), pos, sep=" ")        # the letter before it may be the quote's
    return _glued_no_read(left) != left


# An "n't" a kerned page prints with a space beside its apostrophe ("don 't", "isn' t").
_SPLIT_NT = lazy(r"(?i)n(?: " + _APOSTROPHE + " ?|" + _APOSTROPHE + r" )t(?![^\W\d_])")


def _glued_word(word: str) -> re.Pattern[str]:
    """``word`` printed with a space between any of its letters, right after a letter (the pattern
    compiled once: `re` keeps it)."""
    return re.compile(r"(?i)[^\W\d_]" + " ?".join(map(re.escape, word)) + r"(?![^\W\d_])")


def _pieces_of_one_word(printed: str) -> bool:
    pieces = printed.lower().split(" ")
    return len(pieces) > 1 and not _WORDS_AS_PIECES.intersection(pieces)


# Where a sentence ends and the next starts: a full stop, "!" or "?" (a closing quote, bracket or
# citation's bracket after it) and a capital or a digit after the space, as a sentence opens. A
# stop before a lower-case word ("e.g. not", "et al. do not") or a citation's "]" ends none: the
# negation an ellipsis leaves out there is in the sentence it quotes ("Pruning the model ...
# reduces its accuracy" of "Pruning the model [8] does not [9] reduce its accuracy").
_SENTENCE_END = lazy(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")
# Words that negate what follows them as "not" and "no" do, which an ellipsis may no more leave out: "Despite the
# ... clear correlation" of "Despite the lack of clear correlation", "the model ... to converge" of "fails to converge".
_NEGATING = lazy(r"(?i)\b(?:lack(?:s|ed|ing)?|absence|fail(?:s|ed|ing)?(?=\s+to\b))\b")


def _negations_and_sentences(s: Stream) -> tuple[list[int], list[int]]:
    """Stream indices where a negation starts and where a sentence starts (after the one
    before it ended), found once per stream in its page text."""
    cached = s.__dict__.get("_negations_and_sentences")
    if cached is None:
        negs: list[int] = []
        starts: list[int] = []
        a = 0
        kerned = _piece_counts(s)[2]
        while a < len(s.page_of):
            pi = s.page_of[a]
            b = bisect.bisect_right(s.page_of, pi, a)
            page, lo, hi = s.pages[pi], s.origin[a], s.origin[b - 1] + 1
            page = _hidden_negations(_unescaped(page), kerned)
            negs.extend(bisect.bisect_left(s.origin, m.start(), a, b) for m in _NEGATION.finditer(page, lo, hi))
            negs.extend(bisect.bisect_left(s.origin, m.start(), a, b) for m in _NEGATING.finditer(page, lo, hi))
            starts.extend(bisect.bisect_left(s.origin, m.end(), a, b) for m in _SENTENCE_END.finditer(page, lo, hi))
            a = b
        negs.sort()
        cached = s.__dict__["_negations_and_sentences"] = (negs, starts)
    return cached


def _elision_hides_negation(s: Stream, lo: int, pos: int) -> bool:
    """The words an ellipsis leaves out between stream ``lo`` and ``pos`` hold a negation of
    a sentence it quotes: "may ... help" of "may not help", "is [...] clear" of "is not yet
    clear". Within the sentence before it or the one after it ("..., though not tuned,
    ...") an elision never skips "not", "no", "never", "n't"..., nor "lack", "absence" or "fails to"
    (`_NEGATING`: "Despite the ... clear correlation" of "Despite the lack of clear correlation"); whole
    sentences skipped between the two may hold one."""
    if pos <= lo:
        return False
    if _glued_no_ends(s, lo, pos):           # "hav e … w ay" of "hav eno w ay"
        return True
    negs, starts = _negations_and_sentences(s)
    i, j = bisect.bisect_left(negs, lo), bisect.bisect_left(negs, pos)
    if i == j:
        return False
    e, f = bisect.bisect_right(starts, lo), bisect.bisect_right(starts, pos)
    if e == f:               # the elision is inside one sentence
        return not _elides_relative_clause(s, lo, pos)
    return negs[i] < starts[e] or negs[j - 1] >= starts[f - 1]


def _elision_fuses_sentences(s: Stream, lo: int, pos: int) -> bool:
    """An ellipsis between stream ``lo`` and ``pos`` that skips a sentence's end with the words kept before it
    ending no sentence and the words kept after it opening none: the start of one sentence is read with the end of
    another as one ("Questions pertaining to the Allen Institute for ... past and ongoing efforts to produce these
    summaries should be directed to info@clearinghouse.net" of "Questions pertaining to the Allen Institute for AI's
    involvement ... should be directed to dougd@allenai.org. Questions pertaining to the CRLC's ... past and ongoing
    efforts"). Whole sentences skipped after a sentence kept to its end, or before one kept from its start, may be,
    and so may a later sentence's first word or two where each only links it to the one before ("After", "However,":
    `_LINKING`), or an opening phrase its comma sets off ("In experiments,"), but a condition's ("If it rains,");
    never one naming a subject of its own ("However, our model" of the baseline, "It", "We")."""
    if pos <= lo:
        return False
    starts = _negations_and_sentences(s)[1]
    e, f = bisect.bisect_right(starts, lo), bisect.bisect_right(starts, pos)
    if e == f:              # the elision is inside one sentence
        return False
    ended = s.__dict__.setdefault("_sentence_ended", {})     # each read once per stream: a search tries many
    if lo not in ended:
        ended[lo] = not any(c.isalnum() for c in s.text[lo:starts[e]])
    if ended[lo]:
        return False
    opened = s.__dict__.setdefault("_sentence_opened", {})
    if pos not in opened:
        opened[pos] = _head_left_out(s, starts[f - 1], pos)
    return not opened[pos]


def _head_left_out(s: Stream, a: int, pos: int) -> bool:
    """Whether the words of a sentence starting at stream ``a`` before ``pos`` are none, a linking word or two, or an
    opening phrase set off by its comma ("In experiments, we show"), but a condition's ("If it rains, the model
    fails"): what `_elision_fuses_sentences` lets an ellipsis leave out of a later sentence's opening."""
    pa, pb = s.page_of[a], s.page_of[pos]
    head = s.pages[pa][s.origin[a]:s.origin[pos]] if pa == pb else \
        s.pages[pa][s.origin[a]:] + " " + s.pages[pb][:s.origin[pos]]
    words = _FUSED_WORD.findall(head)
    if len(words) <= 2 and all(w.lower() in _LINKING for w in words):
        return True
    return head.rstrip().endswith(",") and len(words) <= _OPENING_WORDS and words[0].lower() not in _CONDITIONS


# A word that links a sentence to the one before and names nothing of its own: an ellipsis that joins the start of one
# sentence to a later one may leave one or two of them out ("... [After] reading the title, Sarah has many questions").
_LINKING = frozenset("after afterwards again also and besides but consequently finally first further furthermore "
                     "hence however indeed instead lastly later likewise meanwhile moreover next notably now overall "
                     "second similarly so specifically still then therefore third thus yet".split())
_FUSED_WORD = lazy(r"[^\W_]+(?:['’-][^\W_]+)*")
_OPENING_WORDS = 6
_CONDITIONS = frozenset("if unless when whenever once provided assuming suppose supposing given assume "
                         "imagine were had should say hypothetically".split())


# A range's first bound and what joins it to the second, at the end of the words an ellipsis
# leaves out, and a bound opening the words kept after it: a number (a sign, a currency, a
# unit's word or "%" after it) or a number's word. "for ... two weeks" of "for one to two weeks" says
# two weeks, the page one to two; "between ... 40%" of "between 20 and 40%" a bound as a value.
_NUMBER_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half)\b")
_RANGE_OPENED = lazy(r"(?i)(?<![\w.,])(?:[-−+]?[$€£]?\d[\d.,]*(?:\s?(?:%|°\w?|[A-Za-zµ]{1,12}\b\.?))?|"
                     + _NUMBER_WORD + r")\s*(?:to|and|or|through|until|till|[-–—‑])\s*$")
_BOUND_OPENS = lazy(r"(?i)[-−+]?[$€£]?\d|" + _NUMBER_WORD)
_RANGE_REACH = 48   # page characters before the second bound looked at


def _elision_hides_range_bound(s: Stream, lo: int, pos: int) -> bool:
    """The words an ellipsis (or an editorial insertion) leaves out between stream ``lo`` and
    ``pos`` end with a range's first bound and its "to", "and", "or" or dash, and the words kept
    after them open with its second bound: "for ... two weeks" of "for one to two weeks",
    "between ... 40%" of "between 20 and 40%", "from ... 2019" of "from 2015 to 2019". A
    quote keeping the first bound ("from 2015 ... to 2019") or its "to" keeps the range."""
    if pos <= lo or pos >= len(s.origin):
        return False
    pi = s.page_of[pos]
    page = _page_text(s, pi)
    b = s.origin[pos]
    if not _BOUND_OPENS.match(page, b):
        return False
    gap = page[s.origin[lo - 1] + 1 if lo and s.page_of[lo - 1] == pi else 0:b]
    on_page = True
    if len(gap) == b and b < _RANGE_REACH and s.page_of[pos - 1] != pi:     # the page before ends the range
        q = s.page_of[pos - 1]
        gap = _page_text(s, q)[s.origin[lo - 1] + 1 if lo and s.page_of[lo - 1] == q else 0:] + "\n" + gap
        on_page = False
    tail = gap[-_RANGE_REACH:]
    if (m := _RANGE_OPENED.search(tail)) is None:
        return False
    return not (on_page and _counts_apart(page, b - len(tail) + m.start(), b))


# What may sit between a word that qualifies the kept words and them: spaces, a comma, an opening quotation mark or
# bracket ("merely “smart copiers”" is "merely" of "smart copiers").
_OPENING_MARKS = r"[\s,“‘\"'(\[\\]*$"       # "\\": an old TeX font's opening quote ("more \\important"")
# A word or words that bound or hedge what follows them ("only", "up to", "at least", "more than", "a maximum of",
# "approximately", "close to"), and those that do only before a number ("about 10", "over 3 times", "some 40%"),
# at the end of the words an ellipsis leaves out: the words kept after it say what the page qualifies.
_QUALIFIERS = (r"(?:(?<!not )only|up\s+to|at\s+(?:least|most)|(?:no\s+)?(?:more|less|fewer"
                       r"|greater|higher|lower|larger|smaller)\s+than|nearly|almost|approximately|approx\.|roughly"
                       r"|close\s+to|a\s+(?:maximum|minimum)\s+of|as\s+(?:many|much|few|little|high|low)\s+as|merely"
                       r"|barely|hardly|mostly|partially|partly|exclusively|solely|if\s+(?:any|at\s+all|ever)|arguably"
                       r"|perhaps|possibly|probably|likely|potentially|presumably|apparently|seemingly|reportedly"
                       r"|allegedly|supposedly|somewhat|slight(?:ly)?|marginal(?:ly)?|modest(?:ly)?|moderately"
                       r"|relatively|fairly|may|might|could|would|often|sometimes|usually|generally|typically"
                       r"|occasionally|rarely|seldom|frequently)")
_QUALIFIER_ENDS = lazy(r"(?i)(?<![\w'’-])" + _QUALIFIERS + _OPENING_MARKS)
# In a text whose extractor splits words at kerns ("ma y", "ab out", "o v er"), its words joined: a qualifier ends it.
_KERNED_QUALIFIER_ENDS = lazy(r"(?i)(?:" + _QUALIFIERS.replace(r"\s+", "") + r"|about|around|over|under|some|just"
                              r"|below|above|within|beyond)" + _OPENING_MARKS)
_KERN_SPACE = lazy(r"(?<=[^\W\d_]) (?=[^\W\d_])")
# An alternative opening the words an ellipsis leaves out, which the words kept after it complete as they do the
# words kept before it: "outperforms … the baseline" of "outperforms (or performs similarly to) the baseline", "as
# accurate as … the ones" of "as accurate as, or more accurate than, the ones" claim what the page does not (within
# one sentence: "should be written … The answer" of "should be written, or better still, typewritten. The answer"
# claims nothing of the alternative).
# A citation mark the words left out open with is read past ("TensorFlow [1] … and" of "TensorFlow [1] or PyTorch
# [24], and", "BERT … was" of "BERT (Devlin et al., 2019) or RoBERTa was").
_ALTERNATIVE_OPENS = lazy(r"(?i)(?:\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|\([^()\n]{1,80}?\d{4}[a-z]?\)|[\s,;:(\[—–-])*"
                          r"(?:or|and/or|nor|if\s+not|rather\s+than|instead\s+of)(?![\w'’-])")
_NUMBER_QUALIFIER_ENDS = lazy(r"(?i)(?:(?<![\w'’-])(?:about|around|over|under|some|just|circa|ca\.|below|above"
                              r"|within|beyond)|[~∼≈<>≤≥])\s*$")
_QUALIFIER_REACH = 32   # page characters before the kept words looked at
# A comparative or a superlative at the end of the words an ellipsis leaves out: "trained on a substantially ...
# biomedical corpus" of "a substantially smaller biomedical corpus", "obtained ... accuracy than other models" of
# "obtained lower accuracy than other models", "the 8 ... popular models" of "the 8 most popular models" compare
# nothing, or the other way. A word in "-er" is one where the kept words hold its "than".
_COMPARATIVES = frozenset("""
    more less fewer greater higher lower larger smaller bigger better worse faster slower longer shorter cheaper
    costlier stronger weaker easier harder newer older heavier lighter wider narrower deeper most least fewest best
    worst largest smallest highest lowest greatest biggest
""".split())
_OPENING = " \t\n\r,“‘\"'([\\"


def _last_word(tail: str) -> str:
    """The last word of ``tail``, in lower case, past the spaces, commas and opening marks after it ("" when
    a digit, a hyphen or an apostrophe is glued to it): a loop, not a search, since it runs for every place
    an elision's next fragment is tried."""
    t = tail.rstrip(_OPENING)
    i = len(t)
    while i and t[i - 1].isalpha():
        i -= 1
    return "" if i and (t[i - 1].isalnum() or t[i - 1] in "_'’-") else t[i:].lower()


_THAN_KEPT = lazy(r"(?i)\W*(?:[^\W\d_][\w'’-]*\s+){0,3}than\b")
# What bounds or hedges a number right before it, where a quote starts: "only 15%" says 15% as "15%" does; "up to
# 8%", "about 10", "more than 70", "close to 1%" do not.
_BOUND_BEFORE = lazy(r"(?i)(?:(?<![\w'’-])(?:up\s+to|at\s+(?:least|most)|(?:no\s+)?(?:more|less|fewer|greater|higher|lower"
                     r"|larger|smaller)\s+than|nearly|almost|approximately|approx\.|roughly|close\s+to|a\s+(?:maximum"
                     r"|minimum)\s+of|as\s+(?:many|much|few|little|high|low)\s+as|about|around|over|under|some|circa"
                     r"|ca\.|below|above|within|beyond)|[~∼≈<>≤≥])\s*$")


def _elision_hides_qualifier(s: Stream, lo: int, pos: int) -> bool:
    """The words an ellipsis leaves out between stream ``lo`` and ``pos`` end with what bounds or hedges
    the words kept after it (`_QUALIFIER_ENDS`, or before a number `_NUMBER_QUALIFIER_ENDS`): "trained for
    ... 1 day" of "trained for a maximum of 1 day", "the task ... generates a single token" of "only
    generates", "Google ... doubled" of "more than doubled", "uses ... 3 times more" of "over 3 times"; nor with
    a comparative (`_COMPARATIVES`: "obtained ... accuracy than" of "obtained lower accuracy than", "a
    substantially ... corpus" of "a substantially smaller corpus"); nor do they open with an alternative
    (`_ALTERNATIVE_OPENS`: "outperforms ... the baseline" of "outperforms (or performs similarly to) the baseline")."""
    if pos <= lo or pos >= len(s.origin):
        return False
    pi = s.page_of[pos]
    page = _page_text(s, pi)
    b = s.origin[pos]
    a = s.origin[lo - 1] + 1 if lo and s.page_of[lo - 1] == pi else 0
    tail = page[max(a, b - _QUALIFIER_REACH):b]
    if "\n" in tail or "\u00ad" in tail:
        tail = _BROKEN_WORD.sub("", tail)           # "approxi-\nmately 200M"
    if _QUALIFIER_ENDS.search(tail) or _piece_counts(s)[2] and _KERNED_QUALIFIER_ENDS.search(_KERN_SPACE.sub("", tail)):
        return True                                 # a page split at kerns: "it ma y be", "ab out 50"
    if a and _ALTERNATIVE_OPENS.match(page, a, b) is not None and _SENTENCE_END.search(page, a, b) is None:
        return True           # "outperforms … the baseline" of "outperforms (or performs similarly to) the baseline"
    last = _last_word(tail)
    if last in _COMPARATIVES or len(last) >= 4 and last.endswith("er") and _THAN_KEPT.match(page, b):
        return True           # "a substantially ... corpus" of "a substantially smaller corpus"
    # the kept words as read ("ﬁfty" is "fifty")
    return _NUMBER_QUALIFIER_ENDS.search(tail) is not None and \
        _BOUND_OPENS.match(unicodedata.normalize("NFKC", page[b:b + 12])) is not None


def _qualified_start(s: Stream, pos: int) -> bool:
    """A quote starting at stream ``pos`` starts with a number that the page's words right before it bound or
    hedge (`_BOUND_BEFORE`): "1% of global energy usage" of "close to 1% of global energy usage", "60 times
    more CO2eq" of "up to 60 times more CO2eq", "fifty years" of "about ﬁfty years"."""
    if not (s.text[pos].isdigit() or s.text[pos] in "bdefhmnostz$€£"):    # a number, or a number's word
        return False
    pi = s.page_of[pos]
    page = _page_text(s, pi)
    b = s.origin[pos]
    if not b or _BOUND_OPENS.match(unicodedata.normalize("NFKC", page[b:b + 12])) is None:
        return False
    return _BOUND_BEFORE.search(page[max(0, b - _QUALIFIER_REACH):b]) is not None


# Two counts of different things joined by "and" are a list, not a range: "3 seeds and 5 folds", "4 GPUs and 2 CPUs"
# (each number, then a noun of its own that is no unit). Units ("1 hour and 30 minutes", "30 minutes and 2 hours"),
# one noun for both ("3 GPUs and 5 GPUs"), a bound without a noun ("20 and 40%") or "between"/"from" before the
# first ("between 3 seeds and 5 seeds") keep the range.
_COUNTED_AND = lazy(r"\d+ (?P<noun>[A-Za-z]{2,}) and\s*")
_COUNTED = lazy(r"\d+ (?P<noun>[A-Za-z]{2,})\b(?![-.]\w)")
_RANGE_WORD_BEFORE = lazy(r"(?i)\b(?:between|from|of)\s*$")
_UNIT_NOUNS = lazy(r"(?i)(?:(?:milli|micro|nano|kilo|mega|giga|tera|centi)?(?:seconds?|secs?|metres?|meters?|grams?"
                   r"|litres?|liters?|watts?|joules?|bytes?|bits?|hertz)|minutes?|mins?|hours?|hrs?|days?|weeks?"
                   r"|months?|years?|yrs?|decades?|centur(?:y|ies)|tonnes?|tons?|pounds?|lbs?|ounces?|inch(?:es)?"
                   r"|f(?:oo|ee)t|yards?|miles?|percent|per|degrees?|dollars?|cents?|euros?|[a-z]?[WJ]h|[kKMGT]?[Bb]"
                   r"|[a-zµ]?[mgsWVAJL]|[kKMGT]?Hz|FLOPs?)$")


def _counts_apart(page: str, start: int, b: int) -> bool:
    """The range `_RANGE_OPENED` read at ``page[start:b]``, before the second bound at ``page[b:]``, is two counts
    of different things joined by "and" (`_COUNTED_AND`), with no "between" or "from" before the first."""
    first = _COUNTED_AND.fullmatch(page, start, b)
    second = _COUNTED.match(page, b)
    if first is None or second is None or _RANGE_WORD_BEFORE.search(page, max(0, start - 12), start):
        return False
    one, two = first.group("noun"), second.group("noun")
    return one.lower().rstrip("s") != two.lower().rstrip("s") and not _UNIT_NOUNS.match(one) \
        and not _UNIT_NOUNS.match(two)


def _elides_relative_clause(s: Stream, lo: int, pos: int) -> bool:
    """The words an ellipsis leaves out between stream ``lo`` and ``pos`` are what a relative clause
    holding a negation says, and the words after them are its sentence's own verb: "The runs which
    ... were discarded" of "The runs which did not converge were discarded", "models that ...
    perform worse", "the users who ... improved." The words kept before the ellipsis end at the
    relative pronoun or before it, each negation left out is in the clause, and nothing but a comma
    (a clause's end) or a bracket's aside ("(see Figure 3(b))") stands between the clause and the
    verb: "Users who ... models trained on news left early" joins "models" to a verb it did not
    have, "Runs that ... were discarded" of "Runs that did not converge; the others were discarded"
    a verb of another clause (see `_after_relative_clause`)."""
    if not lo or s.page_of[lo - 1] != s.page_of[pos]:
        return False
    page = _page_text(s, s.page_of[pos])
    a, b = s.origin[lo - 1] + 1, s.origin[pos]
    first = max(0, b - _CLAUSE_LOOKBACK)
    head = page[first:b]
    at = max((m.end() for m in _SENTENCE_BEFORE.finditer(head + page[b:b + 16]) if m.end() <= len(head)),
             default=0)
    if first + at > a:
        return False
    plain = _blank_asides(head[at:] + page[b:b + 40])
    cut, gap = len(head) - at, a - first - at
    negation = None
    for negation in _CLAUSE_NEGATION.finditer(plain, gap, cut):
        pass
    if negation is None:
        return False
    verbs = _shown_as_verbs(s)
    if _after_relative_clause(plain, negation, cut, verbs):
        before = list(_WORDS.finditer(plain, 0, negation.start()))
        k = len(before)
        while k and before[k - 1].group().lower() in _VERB_GROUP:
            k -= 1
        pronoun = before[k - 1]
    else:
        pronoun = _after_subject_clause(plain, negation, cut, verbs)   # "The fact that ... makes it applicable"
        if pronoun is None:
            return False
    if gap > pronoun.end() or any(m.start() < pronoun.end() for m in _NEGATION.finditer(plain, gap, cut)):
        return False
    tail = plain[negation.end():cut].rstrip()
    return not _CLAUSE_BREAK.search(tail[:-1] if tail.endswith(",") else tail)


def _blank_asides(text: str) -> str:
    """``text`` with what is bracketed, brackets in brackets too ("(see Figure 3(b))"), and short
    asides between commas (", however,") as spaces (same length)."""
    while True:
        blanked = _BRACKETED.sub(lambda m: " " * len(m.group()), text)
        if blanked == text:
            break
        text = blanked
    return _COMMA_ASIDE.sub(lambda m: " " * len(m.group()), text)


# A work named by its authors and year, as a writer names the referent of "they" or "this work"
# in brackets ("[Cohan et al. (2020)]", "[Lo and Wang, 2020]", "[Strubell et al., 2019a]"): the
# year is the citation's, no number of a claim (`insertion_fits` holds it to the paper's).
_REFERENT_CITATION = lazy(r"(?P<who>[A-Z][\w'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'’-]+)?)"
                          r",?\s*(?:\(\s*(?P<year>(?:19|20)\d\d)[a-z]?\s*\)|(?P<bare>(?:19|20)\d\d)[a-z]?)(?!\w)")


# Signs a number takes: a bracket of them alone ("[~]95", "[>] 95", "[+/-]") says what the number is.
_SIGNS = frozenset("~∼≈<>≤≥±∓+-−–=≠%‰$€£¥×")


def _literal_bracket(content: str) -> bool:
    """Brackets that are never an editorial insertion standing for other words or for
    none: they hold a number (but a cited work's year, "[Cohan et al. (2020)]"), a
    negation ("[not]", "[cannot]", "[never]"), or a sign and no word ("[~]", "[>]", "[±]"),
    which would change what the paper says."""
    return any(c.isdigit() for c in _REFERENT_CITATION.sub("", content)) or _NEGATION.search(content) is not None \
        or not any(c.isalpha() for c in content) and any(c in _SIGNS for c in content)


@dataclass(frozen=True)
class _Insertion:
    """An editorial insertion of a quote ("[the model]"), with the parts of a word it is
    glued to ("use[s]": left "use")."""

    content: str
    left: str = ""
    right: str = ""

    def shown(self) -> str:
        return f"{self.left}[{self.content}]{self.right}"


_GLUED_LEFT = lazy(r"[^\W_]*$")
_AUTHOR_YEAR = lazy(r"\((?:[^()]*?(?:\bet al\.?|[A-Z][\w-]+),?\s+(?:19|20)\d\d[a-z]?(?:[;,]\s*)?)+\)"
                    r"|\[\d{1,3}(?:\s*[,;\u2013-]\s*\d{1,3})*\]")
_GLUED_RIGHT = lazy(r"[^\W_]*")
_BROKEN_WORD = lazy(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]\s*|(?<=[^\W\d_])[-\u2010][ \t]*\n\s*(?=[^\W\d_])")
_WORDS = lazy(r"[^\W_]+(?:" + _APOSTROPHE + r"[^\W_]+)*")

# What an editorial insertion may stand for. A writer's bracket names what the text
# refers to ("it" -> "[the model]", "we" -> "[Strubell et al.]", "this method" ->
# "[the SPECTER method]"), adjusts grammar ("are" -> "[is]", "use[s]") or inserts such
# a name ("they [the authors] found"). It never says something the paper does not: a
# word that changes what is claimed (a comparison, a quantity, a limit, a frequency,
# a degree, a modality, a number) is never inserted unless the words it stands for say
# it too, and the words it stands for are never such words nor anything but words
# that refer.
_REFERRING = frozenset("""
    it its itself they them their theirs themselves we us our ours ourselves he him his himself she her hers
    herself you your yours i me my mine one this that these those such here there which who whom whose what
    where when the a an former latter aforementioned said above same is are was were be been being am has
    have had having do does did of in on at to for by with from as into et al ie eg i.e e.g e g namely viz
    that's it's
""".split())
_CHANGES_MEANING = frozenset("""
    not no never none nor neither nothing nobody nowhere cannot without hardly barely scarcely seldom rarely
    all every each any some most many much more less least few fewer fewest several both either half whole
    only just solely merely exclusively mostly mainly largely primarily partly partially entirely fully
    completely totally wholly always often sometimes usually frequently occasionally generally typically
    commonly ever almost nearly approximately roughly about around over under above below beyond within
    exactly precisely even still yet already also too again very extremely highly significantly
    substantially considerably greatly slightly marginally far somewhat rather quite vastly dramatically
    twice double doubled triple tripled thrice once zero one two three four five six seven eight nine ten
    eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
    million millions billion billions trillion dozen dozens percent per first second third last top bottom
    may might can could should must will would shall likely unlikely possibly probably perhaps certainly
    definitely surely clearly undoubtedly allegedly apparently supposedly reportedly presumably
    than larger smaller higher lower greater bigger better worse faster slower longer shorter cheaper
    costlier stronger weaker easier harder earlier later newer older heavier lighter wider narrower deeper
    largest smallest highest lowest greatest biggest best worst fastest slowest longest shortest cheapest
    strongest weakest easiest hardest earliest latest newest oldest heaviest lightest maximum minimum max
    min increase increases increased decrease decreases decreased up
    false true wrong incorrect instead except unless if
    other others remaining rest remainder majority minority fraction portion bulk handful subset
""".split())
# A writer's gloss, marked as the writer's ("[e.g., SciBERT]", "[i.e., the authors' model]"): it may name what the
# paper does not.
_GLOSS = lazy(r"(?i)\s*(?:e\.\s?g\.|i\.\s?e\.|namely\b|viz\.)")
# The words a bracket right after them may name the referent of.
_PRONOUNS = frozenset("it they them we us he him she her this these those its their our his which who".split())
# What a bracket ending a quote may stand for: a pronoun and the words around it of a noun phrase ("of it",
# "the former"), never a relative pronoun opening a clause, nor a verb ("ELMo [BERT]" of "ELMo which was").
_END_REFERRING = frozenset("""
    it its itself they them their theirs themselves we us our ours ourselves he him his himself she her hers
    herself you your yours i me my mine one this that these those such former latter aforementioned same the a
    an of
""".split())
_ARTICLES = frozenset("the a an of".split())
# Words that refer yet say something of their own (which of two, where, whether it is the same thing): a bracket
# stands for one, or holds one, only where the other side says it too ("[same]" for "different", "[the latter]" for
# "the former", "[from]" for "to", "[in]" for "outside" change what is said).
_SAYING_REFERRING = frozenset("""
    same former latter aforementioned said above here there where when in on at to for by with from as into
""".split())
# The verbs a writer adjusts for grammar ("are" -> "[is]"): one stands only for another ("[is]" for "seems",
# "[has]" for "lacks" say what the paper does not).
_AUXILIARIES = frozenset("is are was were be been being am has have had having do does did".split())
# Nouns a writer puts in brackets for "it", "they", "we" that a paper need not print.
_GENERIC_REFERENTS = frozenset("""
    author authors researcher researchers paper papers study studies article articles work works
    writer writers team teams group groups company companies they
""".split())


# Words that name a man or a woman: an insertion naming one never stands for (or names the referent
# of) a pronoun of the other ("The best strategy for [the man]" of "The best strategy for her").
_MALE = frozenset("""
    he him his himself man men boy boys male males father fathers husband husbands son sons brother brothers
    mr sir king gentleman gentlemen
""".split())
_FEMALE = frozenset("""
    she her hers herself woman women girl girls female females mother mothers wife wives daughter daughters
    sister sisters mrs ms miss madam queen lady ladies
""".split())


def _other_sex(inserted: list[str], printed: list[str]) -> bool:
    """The insertion's words name a man where the paper's name a woman, or the reverse."""
    c, s = {w.casefold() for w in inserted}, {w.casefold() for w in printed}
    return bool(c & _MALE and s & _FEMALE or c & _FEMALE and s & _MALE)


def _stem(word: str) -> str:
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ies", "es", "s", "ed", "ing", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            w = w[:-len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return w[:-1] if w.endswith("e") and len(w) > 2 else w     # "use", "uses", "used": "us"


def _words(text: str) -> list[str]:
    """The words of ``text``, a word broken at a line's end (soft hyphen, "-\\n") joined."""
    return _WORDS.findall(_BROKEN_WORD.sub("", text))


def _changes_meaning(word: str) -> bool:
    w = word.casefold().replace("’", "'")
    return w in _CHANGES_MEANING or any(c.isdigit() for c in w) or w.endswith("n't")   # "don't", kerns' "n't"


# Words of a definite noun phrase that pick out which one it names ("the third player", "the larger
# model"), which a pronoun or a name standing for the phrase leaves out saying nothing else.
_IDENTIFYING = frozenset("""
    first second third fourth fifth last former latter top bottom larger smaller higher lower greater bigger
    better worse faster slower longer shorter cheaper stronger weaker newer older largest smallest highest
    lowest greatest biggest best worst fastest slowest longest shortest cheapest strongest weakest newest
    oldest
""".split())
_DETERMINERS = frozenset("the this that these those its their our his her my your".split())


def _named_for(inserted: list[str], printed: list[str]) -> bool:
    """The insertion is a pronoun or the letter the paper names it by ("[her]", "[B]" of "(B)") standing
    for a definite noun phrase of the paper whose only words that could change a claim pick out its referent
    ("the third player (B)", "the larger model"): it names the same one. Never for a phrase with a
    number, a negation or a quantity ("all runs", "the 3 runs", "no model")."""
    if not inserted or not printed or printed[0].casefold() not in _DETERMINERS:
        return False
    if not (all(w.casefold() in _PRONOUNS for w in inserted)
            or len(inserted) == 1 and len(inserted[0]) == 1 and inserted[0] in printed):
        return False          # "[the BERT model]" for "the largest BERT model": a claim changed
    return all(not _changes_meaning(w) or w.casefold() in _IDENTIFYING for w in printed)


# The pronouns of the writer and of the paper's authors: a name in brackets for one ("we [Cohan et al.]", "allows
# [US] to" of "allows us to") is the authors', which the page does not say.
_FIRST_PERSON = frozenset("we us our ours ourselves i me my mine myself".split())
_NAME_START = lazy(r"[^\W\d_]")


def _names(words: list[str]) -> list[str]:
    """The words of an insertion that name someone or something: capitalised, but a first word that refers to
    nothing by itself ("[The model]"), the nouns a writer puts for "they" ("[The Authors]") and a letter, which
    names what the paper labels so ("[B]" of "the third player (B)", `_named_for`)."""
    return [w for k, w in enumerate(words) if any(ch.isupper() for ch in w) and len(w) > 1     # "[B]": a label
            and (k or w.casefold() not in _REFERRING or len(w) > 1 and w.isupper())     # "US" is no "us"
            and w.casefold() not in _GENERIC_REFERENTS]


def _sentence_starts(text: str) -> list[int]:
    """Where the sentences of ``text`` start after its first: never after an abbreviation ("et al. (2019)")
    or an initial ("J. Doe")."""
    out = []
    for m in _SENTENCE_END.finditer(text):
        before = _LAST_WORD.search(text, 0, m.start() + 1)
        word = before.group(1) if before else ""
        if word.lower() in _ABBREVIATIONS or len(word) == 1 and word.isupper():
            continue
        out.append(m.end())
    return out


# Words that open a sentence, capitalised there, naming nothing ("Unlike existing models, SPECTER ...").
_OPENERS = frozenset("""
    unlike although though while whereas since because after before when whenever once unless despite given
    following compared using based overall similarly instead recently here there then now today thus hence
    therefore however moreover furthermore finally first second third also additionally notably specifically
    importantly interestingly consequently indeed meanwhile nevertheless nonetheless otherwise accordingly
    likewise alternatively ultimately currently previously traditionally typically existing recent prior such
    another other like unlike beyond besides table figure section appendix equation
""".split())


def _opens_sentence(w: str, nxt: str, text: str) -> bool:
    """``w``, the first word of a sentence, followed by ``nxt``, only opens it: a function word, a sentence opener,
    an adverb, a label before its number ("Table 3"), a word set apart by a comma, or one ``text`` prints in lower
    case too."""
    low = w.casefold()
    return low in _REFERRING or low in _CHANGES_MEANING or low in _OPENERS or low.endswith("ly") or \
        nxt[:1] in ",:" or nxt[1:2].isdigit() or re.search(rf"(?<![^\W\d_]){re.escape(low)}(?![^\W\d_])", text) is not None


def _subject_names(text: str) -> set[str] | None:
    """The stems of the name ``text``'s last sentence opens with, in its first words or right after its first comma
    (its subject, where a pronoun after it points),
    or, where it prints none, its previous sentence's; None where neither prints a name. A sentence's first word
    opens it ("In", "However,", "Table 3") and names nothing; "et al." goes on with a name."""
    starts = [0] + _sentence_starts(text)
    for a, b in ((starts[-1], len(text)), (starts[-2] if len(starts) > 1 else 0, starts[-1])):
        run: list[str] = []
        comma = text.find(",", a, b)
        for k, m in enumerate(_WORDS.finditer(text, a, b)):
            w = m.group()
            nxt = text[m.end():m.end() + 2]
            if not run and k > 2 and not (0 <= comma < m.start() and text[comma + 1:m.start()].strip() == ""):
                if m.start() < comma:
                    continue  # an opening phrase ("Unlike existing pretrained language models, SPECTER")
                break         # a name past the sentence's opening words is no subject ("... nodes in S2ORC, they")
            if not _NAME_START.match(w):
                if run:
                    break
                continue
            if w[0].isupper() and not (k == 0 and _opens_sentence(w, nxt, text)) and w.casefold() not in _REFERRING:
                run.append(w)
            elif run and w in ("et", "al"):
                continue
            elif run:
                break
        if run:
            return {_stem(fold(w).text) for w in run}
    return None


#: Characters of a paper's first page where its title and authors are printed.
_HEAD = 400
# A word of the head as an author list prints it: before a comma, a line's end or an affiliation's mark ("Arman
# Cohan,", "Kyle Lo†∗"), or after "By"; never a title's name before its colon ("CiteSee: Augmenting Citations").
_AUTHOR_WORD = lazy(r"(?<=\bBy )[^\W\d_][\w'’-]*|[^\W\d_][\w'’-]*(?=[ \t]?(?:[,\n†‡∗*§¶]|\d|$))")


def _antecedent(s: Stream, i: int):
    """A function giving `_subject_names` of the page's text before stream index ``i`` (a pronoun's place), or with
    "we", the stems of the words the paper's head prints as its authors (`_AUTHOR_WORD`)."""
    def names(first_person: bool = False) -> set[str] | None:
        if first_person:
            return {_stem(fold(m.group()).text) for m in _AUTHOR_WORD.finditer(s.pages[0][:_HEAD])} if s.pages else None
        return _subject_names(s.original(max(0, i - 600), i, sep=" ")) if i > 0 else None
    return names


def _names_the_referent(c_words: list[str], pronoun: str, antecedent) -> bool:
    """An insertion naming someone (`_names`) for or after ``pronoun`` names its referent: for "we", "our", the
    paper's authors, printed in its head ("we [Cohan et al.]" of a paper by Cohan et al.); a third person's, the subject the page names before it, in the pronoun's
    sentence or the one before ("Microsoft released a model, and it [Microsoft]"; never "it [Google]" where Google
    is printed as another clause's). Where the page names none, kb cannot tell: not the referent."""
    names = _names(c_words)
    if not names:
        return True
    if antecedent is None or any(w.casefold() == pronoun.casefold() for w in names):
        return False          # "allows [US] to" of "allows us to"
    subject = antecedent(pronoun.casefold() in _FIRST_PERSON)
    return subject is not None and {_stem(fold(w).text) for w in names} <= subject


# Words joining a clause to what precedes it, which a bracket at a quote's start may go beside standing for nothing.
_JOINING = frozenset("""
    and or but nor so yet that while whereas because since although though if unless then also thus hence however
    therefore moreover furthermore indeed instead rather than when where whether
""".split())
_PERSONAL = frozenset("he him his himself she her hers herself".split())
#: Folded characters before a pronoun in which the paper names what it refers to, at most.
_REFERENT_WINDOW = 1500
#: Sentences of that window, the pronoun's own one counted: its paragraph as far as kb can tell without its lines.
_REFERENT_SENTENCES = 5
# Nouns a bracket names no particular thing with ("[This result]", "[The method]"), as "[the authors]" for "they".
_GENERIC_NOUNS = frozenset("""
    result results finding findings method methods approach approaches idea ideas point points fact facts issue
    issues problem problems observation observations
""".split())
_ACRONYM = lazy(r"\b[A-Z][A-Za-z]?[A-Z]{1,5}s?\b")


def _preceding(s: Stream, i: int):
    """A function giving the stems of the words the page prints before stream index ``i`` (a pronoun's place) in
    its sentence and the four before it (`_REFERENT_SENTENCES`), or its paragraph where that starts earlier, with the words an acronym
    printed there stands for where the page defines it ("document image analysis (DIA)")."""
    def stems() -> set[str]:
        a = max(0, i - _REFERENT_WINDOW)
        text = s.original(a, i, sep=" ") if i > a else ""
        starts = [0] + _sentence_starts(text)
        start = starts[-_REFERENT_SENTENCES] if len(starts) >= _REFERENT_SENTENCES else 0
        paragraph = [m.end() for m in re.finditer(r"\n[ \t]*\n", text)]
        if paragraph and paragraph[-1] < start:
            start = paragraph[-1]
        window = text[start:]
        out = {_stem(fold(w).text) for w in _words(window)}
        page = s.page_of[min(i, len(s.page_of) - 1)] if len(s.page_of) else 0
        around = " ".join(s.pages[max(0, page - 1):page + 1])
        for acronym in {m.group().rstrip("s") for m in _ACRONYM.finditer(window)}:
            for m in re.finditer(r"((?:[^\W\d_][\w'’-]*\s+){1,6})\(" + re.escape(acronym) + r"s?\)", around):
                out |= {_stem(fold(w).text) for w in _words(m.group(1))}
        return out
    return stems


def _referent_unprinted(c_words: list[str], s_stems: set[str], pronoun: str, preceding, nearby=None) -> list[str]:
    """The words of a bracket standing for or after ``pronoun`` that name what it refers to (not an article, a
    pronoun, nor "the authors") yet that the page does not print shortly before it (``preceding()``): "[The core]
    represents" of "This represents" where the sentences before speak of the lack of a toolkit. The paper's own
    authors for "we" are `_names_the_referent`'s."""
    if preceding is None or pronoun.casefold() in _FIRST_PERSON:
        return []
    added = [w for w in c_words if w.casefold() not in _REFERRING | _GENERIC_REFERENTS | _GENERIC_NOUNS
             and _stem(w) not in s_stems and not _changes_meaning(w)]
    if not added:
        return []
    # a person ("she", "his"): who is named on the page, the sex `_other_sex` checks ("she [the user]" of a scenario
    # whose user the page names paragraphs before); a thing: what the sentences before the pronoun print
    printed = nearby() if pronoun.casefold() in _PERSONAL and nearby is not None else preceding()
    return [w for w in added if _stem(fold(w).text) not in printed]


def _changes_a_word(inserted: _Insertion, covered: str) -> bool:
    """Letters in brackets glued to a word or a number (``inserted``, standing for ``covered``) make of it
    a word that changes what is said, or another number, that the paper does not print there: "on[ly]",
    "most[ly]", "hard[ly]" of "on", "most", "hard"; "2019[s]", "tCO2[e]", "1[st]" of "2019", "tCO2", "1".
    A grammatical ending ("use[s]", "effective[ly]") is no such word."""
    printed = {w.casefold() for w in _words(inserted.left + covered + inserted.right)}
    return any(_changes_meaning(w) and w.casefold() not in printed
               for w in _words(inserted.left + inserted.content + inserted.right))


def insertion_fits(inserted: _Insertion, covered: str, nearby=None, adjacent=None, after: str = "",
                   end: bool = False, antecedent=None, preceding=None, pointing: str = "") -> bool:
    """Whether an editorial insertion may stand for the source text ``covered`` (what the
    paper prints where the quote has the bracket; "" for none). ``nearby()`` gives the
    folded stems of words printed around it (a pure insertion names what they name),
    ``adjacent()`` those of the few words printed right beside it; ``after``, the word the
    paper prints right before it (a pronoun: "it [the system]" names what it refers to).
    At a quote's ``end`` a bracket goes on where the paper goes on: it names the referent of a
    pronoun it follows or stands for ("it [the model]", "of [BERT]" for "of it"), or repeats or
    shortens the words printed there, never says what the sentence goes on to say ("the lowest
    carbon intensity are [the US]" of "... are Canada", "more than 10,000 [MWh]" of "10,000 kWh",
    "with the exception of ELMo [and BERT]" of "ELMo which was ..."). A name standing for or after a
    pronoun names its referent (`_names_the_referent`; ``antecedent()``: the subject names before it); a bracket
    for or after a pronoun names what the page prints shortly before it (`_referent_unprinted`, ``preceding()``;
    ``pointing``, the pronoun the paper prints before the words a bracket at a quote's start stands for)."""
    covered = _AUTHOR_YEAR.sub(" ", covered)     # a citation left out is no claim left out
    content = inserted.content
    cited = list(_REFERENT_CITATION.finditer(content))
    years = {m.group("year") or m.group("bare") for m in cited}
    if cited:
        # "[Cohan et al. (2020)]": a work the paper cites, its authors and year printed nearby
        if nearby is None or not all({_stem(fold(w).text) for w in _words(m.group("who")) if w[0].isupper()}
                                     | {m.group("year") or m.group("bare")} <= nearby() for m in cited):
            return False
        content = _REFERENT_CITATION.sub(lambda m: m.group("who"), content)
        inserted = _Insertion(content, inserted.left, inserted.right)
    if (inserted.left or inserted.right) and _changes_a_word(inserted, covered):
        return False          # "on[ly]" of "on", "2019[s]" of "2019", "tCO2[e]" of "tCO2": another word or number
    c_words = _words(inserted.left + inserted.content + inserted.right)
    s_words = _words(inserted.left + covered + inserted.right) if (covered.strip() or inserted.left
                                                                    or inserted.right) else []
    c_stems = {_stem(w) for w in c_words} | years     # a cited work's year repeats the paper's
    s_stems = {_stem(w) for w in s_words}
    if years & s_stems and not {_stem(w) for w in c_words if w[0].isupper()} <= s_stems:
        return False          # "[Cohan et al. (2019)]" for the "(2019)" of "Beltagy et al. (2019)"
    if any(_changes_meaning(w) and _stem(w) not in s_stems for w in c_words):
        return False          # "[less]", "[only]", "[all]": said by the writer, not by the paper
    if any(_changes_meaning(w) and _stem(w) not in c_stems for w in s_words) and not _named_for(c_words, s_words):
        return False          # the paper's "more", "not", "10" left out under a bracket
    if _other_sex(c_words, s_words + _words(after)):
        return False          # "[the man]" for "her", "her [the man]"
    pronouns = [w for w in s_words if w.casefold() in _PRONOUNS] if s_words else \
        [after] if after.casefold() in _PRONOUNS else []
    if pronouns and not ({_stem(w) for w in _names(c_words)} & {_stem(w) for w in _names(s_words)}) and \
            not _names_the_referent(c_words, pronouns[-1], antecedent):
        return False          # "it [Google]" where the page's "it" is Microsoft, "allows [US] to" of "allows us to"
    # at a quote's start, ``pointing``: the word the paper prints before the words the bracket stands for
    pointing = pointing if pointing.casefold() in _PRONOUNS else after if after.casefold() in _PRONOUNS else ""
    if pointing and pointing not in pronouns:
        pronouns = pronouns + [pointing]   # "[The vision model]" for the "model" of "This model": its referent too
    if pronouns and _referent_unprinted(c_words, {_stem(w) for w in s_words}, pronouns[-1], preceding, nearby):
        return False          # "[The core] represents" of "This represents": a referent the page does not give it
    if s_words:
        if any(w.casefold() in _SAYING_REFERRING and _stem(w) not in c_stems for w in s_words) or \
                any(w.casefold() in _SAYING_REFERRING and _stem(w) not in s_stems for w in c_words):
            return False      # "[same]" for "different", "[the latter]" for "the former", "[to]" for "from"
        s_aux = any(w.casefold() in _AUXILIARIES for w in s_words)
        c_aux = any(w.casefold() in _AUXILIARIES for w in c_words)
        if any(w.casefold() in _AUXILIARIES and _stem(w) not in s_stems for w in c_words) and not s_aux or \
                any(w.casefold() in _AUXILIARIES and _stem(w) not in c_stems for w in s_words) and not c_aux:
            return False      # "[is]" for "seems", "[has]" for "lacks", "[lacks]" for "has": a verb for no verb
        # the words replaced refer ("it", "this method") or the bracket repeats them; or
        # the bracket shortens them ("[the largest model]" for "the largest BLOOM model"); at a
        # quote's end, only a pronoun's referent stands for it ("which" there goes on to a clause)
        if end:
            # words the bracket adds to those it repeats name the referent of a pronoun there ("uses [the corpus]"
            # of "uses it"), never what the sentence goes on to say ("is [trained on news]" of "is trained on
            # scientific papers")
            added = [w for w in c_words if _stem(w) not in s_stems and w.casefold() not in _ARTICLES]
            refers = any(w.casefold() in _END_REFERRING and w.casefold() not in _ARTICLES for w in s_words)
            return all(w.casefold() in _END_REFERRING or _stem(w) in c_stems for w in s_words) and \
                (refers or not added) or \
                any(_stem(w) in s_stems for w in c_words) and \
                all(w.casefold() in _ARTICLES or _stem(w) in s_stems for w in c_words)
        return all(w.casefold() in _REFERRING or _stem(w) in c_stems for w in s_words) or \
            all(w.casefold() in _REFERRING or _stem(w) in s_stems for w in c_words)
    # nothing replaced: the bracket names something the paper names ("they [the authors]",
    # "the [BERT] model", "[i.e., the model]"), or repeats the words printed beside it
    if not c_words:
        return True
    if adjacent is not None and all(_stem(w) in adjacent() for w in c_words):
        return True
    if after.casefold() in _PRONOUNS:
        return True           # "it [the system] uses", "they [Strubell et al.] found"
    gloss = _GLOSS.match(content) is not None
    if end and not gloss:
        return False          # "are [the US]": what the quote goes on to say, which the paper does not
    first = c_words[0]
    if not (first.casefold() in _REFERRING or any(ch.isupper() for ch in first)):
        return False          # "[large]", "[efficient]": the writer's own description
    for w in c_words:
        low = w.casefold()
        if low in _REFERRING and low not in _SAYING_REFERRING and not (len(w) > 1 and w.isupper()) \
                or low in _GENERIC_REFERENTS \
                or gloss and any(ch.isupper() for ch in w):
            continue          # "US" is no "us"; "[e.g., SciBERT]": the writer's example, marked so
        if nearby is None or _stem(w) not in nearby():
            return False      # a name the paper prints nearby, never the writer's: "five [American] cars"
    return True


def _compile(quote: str, editorial_brackets: bool = True, letters_only: bool = False,
             printed: frozenset[str] = frozenset(), silent_only: bool = False) -> _Pattern:
    """The pieces of a quote; with ``editorial_brackets`` False, every bracket is literal text; with
    ``letters_only``, every bracket but a letter's whose case the writer changed ("[T]he"), and of those
    a letter's bracket the paper prints before the same word (``printed``: "[l]class") is literal too;
    with ``silent_only`` (and ``editorial_brackets`` False), every bracket but an editor's mark that stands
    for no words ("[sic]", "[emphasis added]": `_SILENT`), which stands for none here too ("the [MASK] [sic]
    token" of the paper's "the [MASK] token"); with ``letters_only``, such a mark stands for none as well."""
    pieces: list[_Piece] = []
    has_citation = False
    editorial = False
    for fi, frag in enumerate(split_fragments(quote)):
        # Split the fragment into literal chunks and editorial gaps.
        chunks: list[tuple[str, bool, bool]] = []  # (raw literal, glued_left, glued_right)
        gaps: list[str] = []                       # the insertion after each chunk but the last
        literal = ""
        frag_edited = False
        glued_left = False
        pos = 0
        for m in _BRACKET.finditer(frag):
            content = m.group(1).strip()
            before = frag[pos:m.start()]
            literal += before
            prev_char = frag[m.start() - 1] if m.start() > 0 else " "
            next_char = frag[m.end()] if m.end() < len(frag) else " "
            folded_content = fold("[" + content + "]").text
            if CITATION_RE.fullmatch(folded_content):
                literal += m.group(0)
                has_citation = True
            elif (silent_only or letters_only) and _SILENT.fullmatch(content):
                frag_edited = True          # the writer's mark among the paper's own brackets
            elif not editorial_brackets or _literal_bracket(content) or letters_only and not (
                    len(content) == 1 and content.isalpha()) or \
                    printed and m.group(0) + _GLUED_RIGHT.match(frag, m.end()).group() in printed:
                # Brackets copied from the source ("[2019]", "[2022, 2021]"), or
                # editing that involves a number or a negation ("[not]"): numbers
                # and negations must match exactly.
                literal += m.group(0)
            elif _SILENT.fullmatch(content):
                frag_edited = True
            elif len(content) == 1 and content.isalpha() and not prev_char.isalnum() and (
                    next_char.isalnum() or content in "AaIi"):
                # "[T]he", "[A] model": the letter's case changed; another letter alone ("[B]") names
                # what the paper calls "her" or "the third player (B)"
                literal += content
                frag_edited = True
            else:
                frag_edited = True
                chunks.append((literal, glued_left, prev_char.isalnum()))
                gaps.append(content)
                literal = ""
                glued_left = next_char.isalnum()
            pos = m.end()
        literal += frag[pos:]
        chunks.append((literal, glued_left, False))
        editorial = editorial or frag_edited
        frag_pieces: list[_Piece] = []
        pending_gap = 0
        pending: list[_Insertion] = []
        for ci, (raw, gl, gr) in enumerate(chunks):
            f = fold(raw)
            a, b = _trim(f.text)
            text = f.text[a:b]
            if ci < len(gaps):
                # the word parts a glued insertion completes: "use[s]", "[un]known"
                left = _GLUED_LEFT.search(raw).group() if gr else ""
                right = _GLUED_RIGHT.match(chunks[ci + 1][0]).group() if chunks[ci + 1][1] else ""
                inserted = _Insertion(gaps[ci], left, right)
            if not text:
                pending_gap += EDITORIAL_MAX_GAP
                if ci < len(gaps):
                    pending.append(inserted)
                continue
            raw_core = f.original(a, b) if not frag_edited else None
            frag_pieces.append(_Piece(text, pending_gap, not gl, not gr, fi,
                                      False, False, raw_core, _number_splits(f, a, b),
                                      _word_cuts(f, a, b), _number_joins(f, a, b),
                                      edit_before=not frag_pieces and pending_gap > 0,
                                      before=tuple(pending)))
            pending = [inserted] if ci < len(gaps) else []
            pending_gap = EDITORIAL_MAX_GAP
        if not frag_pieces:
            continue
        frag_pieces[-1].edit_after = pending_gap > EDITORIAL_MAX_GAP   # empty chunks after the last piece
        frag_pieces[-1].after = tuple(pending)
        closing = _MARK_AFTER_BRACKET.search(frag) if pending else None
        frag_pieces[-1].mark_after = "" if closing is None else "?" if closing.group(1) == "?" else "."
        frag_pieces[0].first_of_fragment = True
        frag_pieces[-1].last_of_fragment = True
        if pieces:
            frag_pieces[0].max_gap = ELISION_MAX_GAP
        else:
            frag_pieces[0].max_gap = 0
        pieces.extend(frag_pieces)
    nfrag = len({p.fragment for p in pieces})
    last = _LAST_WORD.search(quote)
    ends = _ENDS_SENTENCE.search(quote) is not None and not _ELISION.search(quote.rstrip()[-5:]) \
        and not (last and (len(last.group(1)) < 2 or last.group(1).lower() in _ABBREVIATIONS)) \
        and not (pieces and pieces[-1].after)   # "... forgets about [it].": the bracket ends it
    # "[N]o prior results": a letter's case changed is still the word's
    words = _CASE_LETTER.sub(r"\1", _BROKEN_WORD.sub("", quote))
    lowered = frozenset(w.lower() for w in _WORDS.findall(words))
    beside = frozenset((m.group(1).lower(), m.group(2).lower()) for m in _NO_BETWEEN.finditer(words)) \
        if "no" in lowered else frozenset()
    return _Pattern(pieces, has_citation, editorial, nfrag, ends, sorted(_negations(words)), lowered, beside)


# The words before and after a "no" of a quote ("have no way").
_NO_BETWEEN = lazy(r"(?i)([^\W_]+)\W+no\W+(?=([^\W_]+))")


# A quote's last bracket and the mark ending its sentence right after it ("[it].", "[the model]?").
_MARK_AFTER_BRACKET = lazy(r"\]\s*([.!?])[\"'”’)]*\s*$")
# A quote's last "!", after a word or a bracket, ending it.
_EXCLAIMED = lazy(r"(?<=[^\W\d_\]]|\])!(?=[\"'”’)]*\s*$)")
_ENDS_SENTENCE = lazy(r"\.[\"'”’]*\s*$")
_LAST_WORD = lazy(r"(?:^|[\s(])([\w.]*\w)\.[\"'”’]*\s*$")
# A full stop after these ends an abbreviation, not a sentence ("et al.", "Fig.").
_ABBREVIATIONS = {"al", "etc", "e.g", "i.e", "fig", "figs", "eq", "eqs", "approx", "resp", "vol",
                  "sec", "ref", "refs", "no", "nos", "cf", "vs", "ibid", "ed", "eds", "tab", "pp"}


def _runs_on(s: Stream, j: int) -> bool:
    """Whether the text at stream index ``j`` continues the sentence with a word
    (no punctuation between): a quote ending with "." cannot end there."""
    if j >= len(s.text) or not s.text[j].isalnum():
        return False
    gap = s.gap(j)
    return all(c.isspace() for c in gap) and "\n\n" not in gap


def _ends_otherwise(s: Stream, j: int) -> bool:
    """Whether a quote ending its sentence with "." cannot end at stream index ``j``: the paper's sentence runs on with
    a word there (`_runs_on`), or it asks a question ("in 1 day." of "Can it be trained in 1 day?": a question made a
    statement)."""
    return _runs_on(s, j) or j < len(s.text) and s.text[j] == "?" and not s.gap(j).strip() and \
        (j + 1 >= len(s.text) or not s.text[j + 1].isalnum() or bool(s.gap(j + 1).strip(" ") or " " in s.gap(j + 1)))


def _has_editorial_brackets(quote: str) -> bool:
    for frag in split_fragments(quote):
        for m in _BRACKET.finditer(frag):
            content = m.group(1).strip()
            if not CITATION_RE.fullmatch(fold("[" + content + "]").text) and not _literal_bracket(content):
                return True
    return False


# --- edges: never start or end inside a word or a number ----------------------

def _is_digit(c: str) -> bool:
    return "0" <= c <= "9" or c.isdigit()


def _inside_one_char(s: Stream, i: int) -> bool:
    """Stream characters ``i-1`` and ``i`` come from one original character ("…", "ﬁ")."""
    return s.origin[i] == s.origin[i - 1] and s.page_of[i] == s.page_of[i - 1]


_COMMA_THOUSANDS = lazy(r"(?<![\d.,])\d{1,3},\d{3}(?![\d,])")
_NUMBER_TOKEN = lazy(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def _maybe_one_number(s: Stream, i: int) -> bool:
    """Whether the digits of stream ``i-1`` and ``i``, one space apart on the page, may
    be one number the extractor split ("$3,20 1,722", "1 438"), not two numbers side by
    side (a table row's cells "0.03 0.04", "37.3 13,812.4", "V100 8"): the two
    together make a number and one side is not a number of its own ("3,20"), or they
    read as thousands ("1 438")."""
    page = s.pages[s.page_of[i]]
    a, b = s.origin[i - 1], s.origin[i]
    lo = a
    while lo > 0 and (page[lo - 1].isdigit() or page[lo - 1] in ".,"):
        lo -= 1
    hi = b
    while hi < len(page) and (page[hi].isdigit() or page[hi] in ".,"):
        hi += 1
    if lo > 0 and page[lo - 1].isalpha() or hi < len(page) and page[hi].isalpha():
        return False              # "V100 8", "13 20B": a name or a number with its unit
    left, right = page[lo:a + 1].strip(".,"), page[b:hi].rstrip(".,")
    if not _NUMBER_TOKEN.fullmatch(left + right):
        return False
    if not _NUMBER_TOKEN.fullmatch(left) or not _NUMBER_TOKEN.fullmatch(right):
        return True
    # "1 438" reads as thousands, unless the page writes its thousands with commas ("13,812.4"):
    # then "128 256" are two cells
    return left.isdigit() and len(left) <= 3 and re.match(r"\d{3}(?!\d)", right) is not None and \
        _COMMA_THOUSANDS.search(page) is None


def _start_ok(s: Stream, i: int) -> bool:
    if i <= 0:
        return True
    if _inside_one_char(s, i):
        return False              # ".1" inside "…1"
    t = s.text
    c, p = t[i], t[i - 1]
    gap = s.gap(i)
    if c.isalnum() and p.isalnum() and is_word_internal_gap(gap) and not (c.isalpha() and _after_footnote_number(s, i)):
        return False
    if p == "~" and gap in ("", " ") and (_is_digit(c) or c in "$€£¥"):
        return False              # "$5" of "∼$5": "~" before a number is an approximation
    if c == "-" and _is_digit(p) and (gap == "" or _between_numbers(s, i)):
        return False              # "-5" out of "10-5"; "-1" out of "0.5 - 1": a range or a minus, no sign
    if _is_digit(c):
        if _is_digit(p) and (gap in ("", ",") or gap == " " and _maybe_one_number(s, i)):
            return False          # "1,722" inside "$3,20 1,722"; "000" of "1,000" left out
        if p in ".," and i >= 2 and _is_digit(t[i - 2]) and s.gap(i - 1) in ("", " ") and gap == "":
            return False          # "954" inside "0.954", "201,722" inside "3,201,722"
        if p == "-" and (gap == "" or gap == " " and not (i >= 2 and _is_digit(t[i - 2]))):
            return False          # a minus sign or a range "0.06-2.9"; a sign spaced from its number, "0.43" of
            #                       "= − 0.43", "22" of "3.3e− 22" (a spaced range's "10" of "3 - 10" stands)
        if p == "." and gap == "" and (i < 2 or not t[i - 2].isalnum()):
            return False          # "95" of ".95": a number's leading point ("Fig.3" ends a word)
        if p == "x" and gap in ("", " ") and i >= 2 and _is_digit(t[i - 2]) and s.gap(i - 1) in ("", " "):
            return False          # "16 GPUs" of "8 × 16 GPUs", "10^5" of "3 × 10^5": a product's factor
        if gap in ("", " ") and (p in _SIGN_BEFORE or p == "=" and i >= 2 and t[i - 2] in "<>"):
            return False          # "3.6 million" of "$3.6 million", "5%" of "<5%", "20 ms" of "≤ 20 ms",
            #                       "150 million" of "~150 million", "3.55 F1" of "+3.55 F1"
    return True


# Signs before a number and after it that are part of the quantity it says (a currency, a comparison, a
# tolerance, an approximation, a gain, a percent sign): a quote's edge never leaves them out. ("≤" folds as
# "<=", "≈" and "∼" before a number as "~".)
_SIGN_BEFORE = frozenset("$€£¥<>±~+")
_PERCENT = frozenset("%‰")


def _split_at(s: Stream, i: int) -> bool:
    """The page separates stream characters ``i-1`` and ``i``, where the writer typed a space
    between two digits that is no thousands separator ("13 20"): a space of the page, or the
    boundary between two cells of a table row pypdf printed without spaces (`_glued_cells`), or between two
    numbers one character each encloses ("①②", where the writer typed "①②" or "① ②")."""
    return bool(s.gap(i)) or _glued_cells(s, i) or _enclosed_apart(s, i)


def _enclosed_apart(s: Stream, i: int) -> bool:
    """Stream characters ``i-1`` and ``i`` come from two characters of a page, one an enclosed number ("①②")."""
    if i <= 0 or i >= len(s.text) or s.page_of[i] != s.page_of[i - 1] or s.origin[i] == s.origin[i - 1]:
        return False
    page = s.pages[s.page_of[i]]
    return page[s.origin[i - 1]] in ENCLOSED_NUMBERS or page[s.origin[i]] in ENCLOSED_NUMBERS


#: Characters of a run of glued table cells read at most.
_MAX_GLUED = 200


def _glued_cells(s: Stream, i: int) -> bool:
    """Stream index ``i`` is a boundary between two cells of a table row that pypdf printed with
    no space between them ("2018)66.3061.4471.5368.3072.28" for "66.30 61.44 71.53 68.30 72.28"):
    the run of digits and points around it, unbroken on the page, holds three decimal numbers or
    more and reads as cells of one format only, each as many digits before
    and after its point as the others ("66.30"), and ``i`` starts one of them. A row of cells of other
    formats ("67.962.04" for "67.9 62.04") cannot be told apart from digits moved between cells
    ("67.96 2.04"), nor two points from a version's ("1.13.1"): no split of it is the page's."""
    t = s.text

    def glued(j: int) -> bool:
        return (_is_digit(t[j]) or t[j] == ".") and (_is_digit(t[j - 1]) or t[j - 1] == ".") and not s.gap(j)

    if not 0 < i < len(t) or not glued(i):
        return False
    a = i
    while a > 0 and i - a < _MAX_GLUED and glued(a):
        a -= 1
    b = i
    while b + 1 < len(t) and b - i < _MAX_GLUED and glued(b + 1):
        b += 1
    size = glued_cell_size(t[a:b + 1])
    return size is not None and (i - a) % size == 0


def glued_cell_size(run: str) -> int | None:
    """How long each cell is of `run`, digits and points pypdf printed with no space between them,
    when it reads as three cells or more of one format ("66.3061.4471.53": 5); None when it does not
    (`_glued_cells`; kb.quantities.quoted reads a quote's numbers typed apart in such a row as these cells)."""
    points = run.count(".")
    whole, frac = run.find("."), len(run) - run.rfind(".") - 1
    size = whole + 1 + frac
    if points < 3 or whole < 1 or frac < 1 or len(run) != points * size:
        return None           # two points may be a version's ("PyTorch 1.13.1" is no "1.1 3.1")
    return size if all(run[c + whole] == "." for c in range(0, len(run), size)) else None


def _between_numbers(s: Stream, i: int) -> bool:
    """Stream character ``i``, a dash after a number, stands apart between it and the next
    number ("0.5 - 1", "4.2 − 1.1"): a range or a subtraction, never the sign of the second."""
    after = s.gap(i + 1)
    return i + 1 < len(s.text) and _is_digit(s.text[i + 1]) and after != "" and after.strip() == "" \
        and s.gap(i).strip() == ""


_FOOTNOTE_NUMBER = lazy(r"[ \t]*\d{1,2}[ \t]*")
_LOWER_WORD = lazy(r"(?<![\w-])[a-z]{2,}(?![\w-])")
#: A name in capitals of three letters or more, then a space or a colon ("RAPL power
#: meter", "SPECTER: Scientific ..."): a footnote may start with one; "GB" of "12GB" is none.
_CAPS_NAME = lazy(r"[A-Z]{3,}(?=[ :,])")
_WORD = lazy(r"[A-Za-z]{2,}")
_URL_START = lazy(r"(?:https?://|www\.)[^\s/]")


def _after_footnote_number(s: Stream, i: int) -> bool:
    """Stream character ``i`` starts a footnote's text after its number, which the
    extractor glued to it at the start of the line ("1Due to space constraints, ..."):
    a writer quoting the footnote leaves the number out. A link ("9https://github.com/..."), a capitalised word of prose,
    a word of prose in lower case, of four letters or more ("7pronounced “stork”", "4including
    apps like mem"), or a name in capitals of three letters or more ("3RAPL power meter: ..."):
    never "GB" of a table's "12GB", nor "rd" of "3rd"."""
    page = s.pages[s.page_of[i]]
    o = s.origin[i]
    line = page.rfind("\n", 0, o) + 1
    end = page.find("\n", o)
    rest = page[o:end if end >= 0 else len(page)]
    if len(rest) < 2 or _FOOTNOTE_NUMBER.fullmatch(page, line, o) is None:
        return False
    if _URL_START.match(rest):
        return True               # "9https://github.com/...": a footnote giving a link, its marker where it may
    if rest[0].islower():         # and the page's text marks the footnote ("S2ORC,7 the")
        first = _LOWER_WORD.match(rest)
        return first is not None and first.end() >= 4 and len(_LOWER_WORD.findall(rest)) >= 2 and \
            page[line:o].strip() in {page[a:b] for a, b in footnote_markers(page)}
    if not rest[0].isupper():
        return False
    if rest[1].islower() or rest[1] == " ":
        return len(_LOWER_WORD.findall(rest)) >= 2
    return _CAPS_NAME.match(rest) is not None and len(_WORD.findall(rest)) >= 4


def _end_ok(s: Stream, j: int) -> bool:
    t = s.text
    if j >= len(t):
        return True
    if _inside_one_char(s, j):
        return False
    c, n = t[j - 1], t[j]
    gap = s.gap(j)
    if c.isalnum() and n.isalnum() and is_word_internal_gap(gap):
        return False
    if _is_digit(c):
        if _is_digit(n) and (gap in ("", ",") or gap == " " and _maybe_one_number(s, j)):
            return False          # "$3,20" of "$3,20 1,722"; "1" of "1,000" left out
        if n in ".," and j + 1 < len(t) and _is_digit(t[j + 1]) and s.gap(j + 1) == "" \
                and gap in ("", " "):
            return False          # "0" of "0 .954", "0.5" of "0.55" is caught above
        if n in _PERCENT and gap in ("", " "):
            return False          # "sum to 100" of "sum to 100%": another quantity
        if n == "x" and gap in ("", " ") and j + 1 < len(t) and _is_digit(t[j + 1]) and s.gap(j + 1) in ("", " "):
            return False          # "on 8" of "on 8 × 16 GPUs": a product's factor
    elif c == "e" and n == "-" and j + 1 < len(t) and _is_digit(t[j + 1]) and mantissa_before(t, j - 1):
        return False              # "p = 3.3e" of "p = 3.3e−22": a number's exponent left out
    return True


# --- what an editorial insertion stands for ------------------------------------

# Where the words an insertion at a quote's edge may stand for stop: any stop, "!" or "?" (before a
# lower-case word too: "e.g. it", "i.e. it"), a citation's "]", a blank line. Tighter than
# `_SENTENCE_END`, which an ellipsis is held to: an insertion never stands for words across them
# ("[less] efficient" of "uses less memory, e.g. it is efficient").
_EDGE_STOP = lazy(r"(?<!\bet al)[.!?][\"'”’)]*\s+|\]|\n\s*\n")     # "et al. (2019)" goes on


def _joined(inserted: tuple[_Insertion, ...]) -> _Insertion:
    """Insertions side by side ("[the] [model]") as one."""
    if len(inserted) == 1:
        return inserted[0]
    return _Insertion(" ".join(i.content for i in inserted), inserted[0].left, inserted[-1].right)


def _nearby(s: Stream, i: int):
    """A function giving the stems of the words printed on the page of stream index ``i``
    and the pages either side."""
    def stems() -> set[str]:
        cache = s.__dict__.setdefault("_page_stems", {})
        page = s.page_of[min(i, len(s.page_of) - 1)] if len(s.page_of) else 0
        out: set[str] = set()
        for p in range(max(0, page - 1), min(len(s.pages), page + 2)):
            if p not in cache:
                cache[p] = {_stem(fold(w).text) for w in _words(s.pages[p])}
            out |= cache[p]
        return out
    return stems


def _adjacent(s: Stream, a: int, b: int):
    """A function giving the stems of the words printed within EDITORIAL_MAX_GAP folded
    characters before stream index ``a`` and after ``b``."""
    def stems() -> set[str]:
        lo, hi = max(0, a - EDITORIAL_MAX_GAP), min(len(s.text), b + EDITORIAL_MAX_GAP)
        return {_stem(fold(w).text) for w in _words(s.original(lo, hi, sep=" "))} if hi > lo else set()
    return stems


def _in_one_word(s: Stream, i: int) -> bool:
    """Stream characters ``i-1`` and ``i`` are in one word of the page."""
    return s.text[i - 1].isalnum() and s.text[i].isalnum() and is_word_internal_gap(s.gap(i))


def _edge_choices(s: Stream, i: int, backwards: bool) -> list[str]:
    """What an insertion at the start (``backwards``: the words before stream index ``i``)
    or the end of a quote (the words after it) may stand for: none, or the nearest words
    of the same sentence, at most EDITORIAL_MAX_GAP folded characters."""
    if backwards:
        a = max(0, i - EDITORIAL_MAX_GAP)
        text = s.original(a, i, sep=" ") if i > a else ""
        ends = list(_EDGE_STOP.finditer(text))
        if ends:
            text = text[ends[-1].end():]
        elif a > 0 and _in_one_word(s, a):
            text = text.split(None, 1)[1] if len(text.split(None, 1)) > 1 else ""   # a word cut
        words = _words(text)
        return [""] + [" ".join(words[k:]) for k in range(len(words) - 1, -1, -1)]
    b = min(len(s.text), i + EDITORIAL_MAX_GAP)
    text = s.original(i, b, sep=" ") if b > i else ""
    m = _EDGE_STOP.search(text)
    if m:
        text = text[:m.start()]
    elif b < len(s.text) and _in_one_word(s, b):
        text = text.rsplit(None, 1)[0] if len(text.rsplit(None, 1)) > 1 else ""   # a word cut
    words = _words(text)
    return [""] + [" ".join(words[:k]) for k in range(1, len(words) + 1)]


def _word_before(covered: str, choices: list[str]) -> str:
    """The word the paper prints right before ``covered``, one of `_edge_choices` at a quote's start."""
    k = choices.index(covered) if covered in choices else -1
    return choices[k + 1].split()[0] if 0 <= k < len(choices) - 1 else ""


def _insertion_verdicts(s: Stream, piece: _Piece, lo: int, pos: int, first_only: bool = False,
                        end: int | None = None):
    """(the insertion, what the paper prints there, whether it fits) for the editorial
    insertions before and after ``piece`` placed at stream ``pos`` (ending at ``end``: past an
    aside it runs across), the previous piece ending at ``lo`` (see `insertion_fits`); with
    ``first_only``, up to the first misfit."""
    out: list[tuple[str, str, bool]] = []
    if piece.before:
        inserted = _joined(piece.before)
        if piece.first_of_fragment:
            choices = _edge_choices(s, pos, True)
            if _names_someone(inserted) and len(choices) > 1 and (_names_someone(_Insertion(choices[1])) or
                                                                    choices[1].casefold() in _PRONOUNS):
                choices = choices[1:]   # "[Cohan et al.] report" of "Beltagy et al. (2019) report": who reports;
                #                         "[Google] reported" of "it reported": the bracket is for "it"
            if len(choices) > 1 and not choices[0] and not _GLOSS.match(inserted.content) and \
                    choices[1].casefold() not in _REFERRING | _JOINING and \
                    any(w.casefold() not in _REFERRING for w in _words(inserted.content)):
                choices = choices[1:]   # "[The survey] was approved" of "This study was approved": the bracket
                #                         stands for the subject the paper prints, never beside it for nothing
            fits = _edge_fits(inserted, choices) and any(
                _edge_choice_fits(inserted, c, choices) and
                insertion_fits(inserted, c, _nearby(s, pos), _edge_adjacent(s, pos, pos, c, choices),
                               pointing=_word_before(c, choices),
                               antecedent=_antecedent(s, pos), preceding=_preceding(s, pos))
                for c in choices)
            out.append((inserted.shown(), "", fits))
        else:
            covered = s.original(lo, pos, sep=" ") if pos > lo else ""
            kerned = _piece_counts(s)[2]
            covered = _hidden_negations(_unescaped(covered), kerned)   # "w e nev er w an t"
            if kerned:
                covered = _glued_no_read(covered)                       # "hav eno" of "hav eno w ay"
            before = _words(s.original(max(0, lo - 12), lo, sep=" ")) if lo > 0 else []
            fits = insertion_fits(inserted, covered, _nearby(s, pos), _adjacent(s, lo, pos),
                                  before[-1] if before and not inserted.left else "", antecedent=_antecedent(s, lo),
                                  preceding=_preceding(s, lo))
            if not fits and _piece_counts(s)[2] and 0 < sum(c.isalnum() for c in s.text[lo:pos]) <= _KERNED_WORD:
                # a page split at kerns: a short word's letters, as one word ("w e" of "fact/, w ew an t" is "we")
                fits = insertion_fits(inserted, s.text[lo:pos], _nearby(s, pos), _adjacent(s, lo, pos),
                                      before[-1] if before and not inserted.left else "", antecedent=_antecedent(s, lo),
                                  preceding=_preceding(s, lo))
            out.append((inserted.shown(), " ".join((inserted.left + covered + inserted.right).split()), fits))
        if first_only and not fits:
            return out
    if piece.after:
        end = pos + len(piece.text) if end is None else end
        inserted = _joined(piece.after)
        choices = _edge_choices(s, end, False)
        last = _words(s.original(max(0, end - 12), end, sep=" ")) if end > 0 and not inserted.left else []
        if piece.mark_after:
            # "moderate them [comments]." of "moderate them monthly.": the quote's full stop after the bracket says
            # the paper's sentence ends after what it stands for, with the same kind of mark ("?" is a question)
            mark = _sentence_mark_after(s, end)
            choices = choices[-1:] if mark and (mark == "?") == (piece.mark_after == "?") else []
        elif last and last[-1].casefold() in _PRONOUNS and _runs_on(s, end) and not _GLOSS.match(inserted.content):
            # "moderate them [comments]" of "moderate them monthly", "in this [summaries]" of "in this dataset": a
            # referent added after a pronoun only where the paper prints no word after it; else the bracket stands
            # for the paper's next words ("this [dataset]")
            choices = [c for c in choices if c]
        fits = _edge_fits(inserted, choices) and any(
            _edge_choice_fits(inserted, c, choices) and
            insertion_fits(inserted, c, _nearby(s, end), _edge_adjacent(s, end, end, c, choices),
                           last[-1] if last else "", end=True, antecedent=_antecedent(s, end),
                           preceding=_preceding(s, end))
            for c in choices)
        out.append((inserted.shown(), "", fits))
    return out


# Words that say which thing or where ("the former", "the same", "here"): an insertion at a quote's edge that adds
# one, where the paper prints words of the same sentence beside the quote, says it only if those words do.
_WHICH_REFERRING = frozenset("same former latter aforementioned said above here there".split())


def _sentence_mark_after(s: Stream, i: int) -> str:
    """The mark (".", "!", "?") ending the paper's sentence after stream index ``i``, within EDITORIAL_MAX_GAP folded
    characters and no bracket nor paragraph between; "" for none there."""
    b = min(len(s.text), i + EDITORIAL_MAX_GAP)
    text = s.original(i, b, sep=" ") if b > i else ""
    if b >= len(s.text) and len(s.text):
        last = s.page_of[len(s.text) - 1]
        text += s.pages[last][s.origin[len(s.text) - 1] + 1:] + " "
    m = _EDGE_STOP.search(text)
    if m is None or m.group()[0] not in ".!?":
        return ""
    return "?" if m.group()[0] == "?" else "."


def _edge_choice_fits(inserted: _Insertion, covered: str, choices: list[str]) -> bool:
    """An insertion at a quote's edge read as standing for nothing (``covered`` "") where the paper's sentence goes
    on beside the quote (``choices``: see `_edge_choices`) says no "which of them" the nearest words there do not:
    "[The latter] is trained" of "The former is trained" is no added name, it replaces the paper's "The former"."""
    if covered or len(choices) < 2:
        return True
    beside = {_stem(w) for w in _words(choices[min(2, len(choices) - 1)])}     # the nearest two words
    return not any(w.casefold() in _WHICH_REFERRING and _stem(w) not in beside for w in _words(inserted.content))


def _edge_adjacent(s: Stream, a: int, b: int, covered: str, choices: list[str]):
    """`_adjacent` for an insertion at a quote's edge, or None where it is read as standing for nothing while the
    paper's sentence goes on there with other words: then it stands in their place, and words printed near it
    elsewhere ("[sections]" of "even across pages. ... sections ...", "on [news text]" of "on scientific papers",
    news text printed just before) are no warrant for it."""
    return _adjacent(s, a, b) if covered or len(choices) < 2 else None


def _names_someone(inserted: _Insertion) -> bool:
    """The insertion names a person, a work or a thing by its name: a capitalised word that is not
    its first ("[Cohan et al.]", "[the SPECTER model]"), or a first one that refers to nothing
    ("[Turing]"), or a year ("[2019]"); "[The model]", "[It]" name nothing."""
    words = _words(inserted.content)
    return any(w[0].isupper() and (k or w.casefold() not in _REFERRING) or w.isdigit() for k, w in enumerate(words))


def _edge_fits(inserted: _Insertion, choices: list[str]) -> bool:
    """An insertion at a quote's edge names no man where the word of the paper beside it names
    a woman, nor the reverse ("[She] knows" of "He knows"), whatever it stands for."""
    return len(choices) < 2 or not _other_sex(_words(inserted.content), _words(choices[1]))


def _insertions_fit(s: Stream, piece: _Piece, lo: int, pos: int, end: int | None = None) -> bool:
    """The editorial insertions before and after ``piece`` placed at stream ``pos`` (ending at
    ``end``; the previous piece ending at ``lo``) stand for what the paper prints there."""
    return all(fits for _, _, fits in _insertion_verdicts(s, piece, lo, pos, first_only=True, end=end))


#: Letters of a word a page split at its kerns that an insertion may stand for, at most: a pronoun's ("w e",
#: "the y"), never a phrase's ("w e also").
_KERNED_WORD = 4


def _glued_to_inserted(s: Stream, piece: _Piece, lo: int, pos: int) -> bool:
    """Piece at stream ``pos`` starts inside a word of the page whose letters before it are all
    of what the editorial insertion before it stands for (from ``lo``, where the previous piece
    ends): the extractor glued the word the insertion replaces to the next ("In fact, wewant
    the ..." for "In fact, [the authors] want the ..."; "w ew an t" of a paper whose extractor splits words at
    kerns, `_piece_counts`). Whether the insertion may stand for
    those letters is `insertion_fits`'s to say ("we" may be "[the authors]", "not" never is)."""
    if not piece.before or piece.first_of_fragment or not pos > lo or not s.text[pos].isalpha():
        return False
    i = pos
    kerned = _piece_counts(s)[2]      # pypdf's "fact/, w ew an t": its spaces are kerns, no word's ends
    while i > lo and (_in_one_word(s, i) or kerned and pos - i < _KERNED_WORD and s.text[i - 1].isalpha()
                      and not s.gap(i).strip(" ")):
        i -= 1
    return i < pos and not _in_one_word(s, i) and not any(c.isalnum() for c in s.text[lo:i]) and _start_ok(s, i)


def _edits_fit(s: Stream, k: int, piece: _Piece, lo: int, pos: int, end: int) -> bool:
    """Piece ``k`` placed at stream ``pos`` to ``end`` (the previous piece ending at ``lo``) keeps
    the rules of editorial insertions: one never stands for bracketed source text, nor beside
    it, and each stands for what the paper prints there (`_insertions_fit`)."""
    text = s.text
    if k and piece.max_gap and not piece.first_of_fragment and ("[" in text[lo:pos] or "]" in text[lo:pos]):
        return False
    if piece.edit_before and pos and text[pos - 1] == "]" or piece.edit_after and text[end:end + 1] == "[":
        return False
    return not (piece.before or piece.after) or _insertions_fit(s, piece, lo, pos, end)


def _refused_insertions(s: Stream, pat: _Pattern, cand: _Candidate) -> list[tuple[str, str]]:
    """(the insertion, what the paper prints there) for each insertion of a placement that
    does not fit (see `_insertions_fit`)."""
    out: list[tuple[str, str]] = []
    lo = 0
    for piece, (a, b) in zip(pat.pieces, cand.bounds):
        out.extend((shown, covered) for shown, covered, fits in _insertion_verdicts(s, piece, lo, a) if not fits)
        lo = b
    return out


# --- searching ------------------------------------------------------------------

@dataclass
class _Candidate:
    bounds: list[tuple[int, int]]  # stream (start, end) per piece


def _search(s: Stream, pat: _Pattern, check_insertions: bool = True) -> list[_Candidate]:
    """Placements of the pieces (at most _MAX_CANDIDATES), each respecting gaps and edges.

    A depth-first search with an explicit stack (a quote may have hundreds of
    elisions) that remembers dead ends, so each (piece, position) is tried once.
    """
    text = s.text
    pieces = pat.pieces
    if not pieces:
        return []
    found: list[_Candidate] = []
    failed: set[tuple[int, int]] = set()
    steps = 0

    def occurrences(k: int, lo: int, hi: int | None) -> Iterator[int]:
        piece = pieces[k]
        n = len(piece.text)
        stop = len(text) if hi is None else min(len(text), hi + n)
        pos = text.find(piece.text, lo, stop)
        while pos >= 0:
            if k and piece.max_gap and piece.first_of_fragment is False and \
                    ("[" in text[lo:pos] or "]" in text[lo:pos]):
                break   # an editorial insertion never stands for bracketed source text
            if (k, pos) not in failed and \
                    (not piece.check_start or _start_ok(s, pos) or _glued_to_inserted(s, piece, lo, pos)) and \
                    (not piece.check_end or _end_ok(s, pos + n)) and \
                    all(_split_at(s, pos + d) for d in piece.splits) and \
                    not any(_apart_at(s, pos + d) for d in piece.joins) and \
                    not (piece.edit_before and pos and text[pos - 1] == "]") and \
                    not (piece.edit_after and text[pos + n:pos + n + 1] == "[") and \
                    (not check_insertions or _edits_fit(s, k, piece, lo, pos, pos + n)) and \
                    not (k and piece.first_of_fragment and _elision_hides_negation(s, lo, pos)) and \
                    not (k and piece.first_of_fragment and _elision_fuses_sentences(s, lo, pos)) and \
                    not (k and (piece.first_of_fragment or piece.before) and _elision_hides_range_bound(s, lo, pos)) and \
                    not (k and piece.first_of_fragment and _elision_hides_qualifier(s, lo, pos)) and \
                    not (k == 0 and piece.check_start and not piece.before and _qualified_start(s, pos)):
                yield pos
            pos = text.find(piece.text, pos + 1, stop)

    # Stack frames: (piece index, iterator of positions, found-count on entry).
    acc: list[tuple[int, int]] = []
    stack = [(0, occurrences(0, 0, None), 0)]
    while stack and len(found) < _MAX_CANDIDATES and steps < _MAX_STEPS:
        k, it, entry = stack[-1]
        pos = next(it, None)
        steps += 1
        if pos is None:
            stack.pop()
            if acc:   # piece k-1 at acc[-1] led nowhere new: remember it
                start, _end = acc.pop()
                if len(found) == entry:
                    failed.add((k - 1, start))
            continue
        end = pos + len(pieces[k].text)
        if k + 1 == len(pieces):
            if not (pat.ends_sentence and _ends_otherwise(s, end)):
                cand = _Candidate(acc + [(pos, end)])
                if _negations_kept(s, pat, [(a, b) for _, a, b in _fragment_bounds(pat, cand)]):
                    found.append(cand)
            continue
        acc.append((pos, end))
        nxt = pieces[k + 1]
        stack.append((k + 1, occurrences(k + 1, end, end + nxt.max_gap), len(found)))
    return found


def _fragment_bounds(pat: _Pattern, cand: _Candidate) -> list[tuple[int, int, int]]:
    """(fragment, stream start, stream end) for each fragment of a placement."""
    out: list[tuple[int, int, int]] = []
    for piece, (a, b) in zip(pat.pieces, cand.bounds):
        if out and out[-1][0] == piece.fragment:
            out[-1] = (piece.fragment, out[-1][1], b)
        else:
            out.append((piece.fragment, a, b))
    return out


def _is_exact(s: Stream, pat: _Pattern, cand: _Candidate) -> bool:
    if pat.editorial:
        return False
    for piece, (a, b) in zip(pat.pieces, cand.bounds):
        spans = s.spans(a, b)
        if len(spans) != 1 or piece.raw is None:
            return False
        page, start, end = spans[0]
        if s.pages[page - 1][start:end] != piece.raw:
            return False
    return True


# A letter whose case the writer changed, in brackets before the rest of its word ("[T]he", "[b]ut").
def _silent_beside(quote: str) -> bool:
    """Whether `quote` holds an editor's mark that stands for no words ("[sic]": `_SILENT`) and another bracket."""
    marks = [_SILENT.fullmatch(m.group(1).strip()) is not None for m in _BRACKET.finditer(quote) if m.group(1).strip()]
    return any(marks) and not all(marks)


_CASE_CHANGED = lazy(r"(?<![^\W_])\[[^\W\d_]\](?=[^\W\d_])")
_MARKED_WORDS = lazy(r"\[([^\[\]]{1,200})\]")


# A word's hyphen before a number ("Sepsis-3", "COVID-19"), which the page may print at a line's end: pypdf's
# "Sepsis-\n3", PDFium's "Sepsis\u00ad3", folded as a line-break hyphenation is ("Sepsis3").
_NAME_NUMBER = lazy(r"([^\W\d_]+)-(\d+)")


def _hyphen_ending_a_line(doc: Document, quote: str) -> QuoteMatch | None:
    """Where ``quote``, writing a word's hyphen before a number ("a “Sepsis-3” definition"), is in ``doc``,
    whose page prints that hyphen at a line's end: the quote found without those hyphens, each printed in
    the passage between the same word and number ("Sepsis-\n3"); or None."""
    def broken(m: re.Match[str]) -> re.Pattern[str]:
        return re.compile(r"(?i)(?<![^\W\d_])" + re.escape(m.group(1)) + r"(?:-[ \t]*\n[ \t]*|\u00ad[ \t]*\n?[ \t]*)"
                          + re.escape(m.group(2)) + r"(?!\d)")

    joined = [m for m in _NAME_NUMBER.finditer(quote) if any(broken(m).search(page) for page in doc.pages)]
    if not joined:
        return None
    text = quote
    for m in reversed(joined):
        text = text[:m.start()] + m.group(1) + m.group(2) + text[m.end():]
    found = find_quote(doc, text)
    if found is None:
        return None
    printed = _spanned(doc, found.spans)
    at = 0
    for m in joined:
        where = broken(m).search(printed, at)
        if where is None:
            return None
        at = where.end()
    return found


_MARKER_AFTER_END = 24
_MARKED_AFTER = lazy(r"([^\W_]+)\W*$")
_MARKED_BEFORE = lazy(r"^\W*([^\W_]+)")


def _some_markers_kept(doc: Document, quote: str) -> QuoteMatch | None:
    """Where ``quote``, which keeps some of the paper's citation markers and leaves out others ("as shown
    [3] and extended to" of "as shown [3] and extended [4] to"), is in ``doc``: its words found as a quote
    without markers, each marker it keeps printed there right after the word it follows in the quote (or
    before the word it precedes); or None."""
    markers = [m for m in _BRACKET.finditer(quote) if CITATION_RE.fullmatch(fold(m.group()).text)]
    bare = quote
    for m in reversed(markers):
        bare = bare[:m.start()] + " " + bare[m.end():]
    if not markers:
        return None
    found = find_quote(doc, bare)
    if found is None:
        return None
    spans = found.spans     # and the marker the passage found ends before ("answering [5].")
    printed = "\n".join(doc.pages[sp.page - 1][sp.start:sp.end + (_MARKER_AFTER_END if sp is spans[-1] else 0)]
                        for sp in spans)
    at = 0
    for m in markers:
        inner = r"\s*".join(r"(?<!\d)" + c + r"(?!\d)" if c.isdigit() else re.escape(c)
                             for c in re.findall(r"\d+|\S", m.group()))     # "[4 8]" is no "[48]"
        word = _MARKED_AFTER.search(quote, 0, m.start())
        if word is not None:
            where = re.compile(r"(?<![^\W_])" + re.escape(word.group(1)) + r"\W{0,3}?\s*" + inner).search(printed, at)
        else:
            word = _MARKED_BEFORE.match(quote[m.end():])
            if word is None:
                return None
            where = re.compile(inner + r"\s*\W{0,3}?" + re.escape(word.group(1)) + r"(?![^\W_])").search(printed, at)
        if where is None:
            return None
        at = where.end()
    return found


# An author-year citation in brackets as a writer copies it: "(Li et al., 2016)", "(e.g., Bhagavatula et al., 2015)",
# "(Saier and Färber, 2019a; Lo et al., 2020)"; "(2019)", "(in 2019)" are none.
_AUTHOR_YEAR_TYPED = lazy(r"\((?:(?:e\.g\.|see|cf\.),?\s*)?[A-Z][^()\[\];]{0,80}?,?\s*(?:19|20)\d\d[a-z]?"
                          r"(?:;\s*[A-Z][^()\[\];]{0,80}?,?\s*(?:19|20)\d\d[a-z]?)*\)")
# "et al" typed without its full stop, before a year's comma or bracket, or the quote's end ("Lo et al, 2020").
_ET_AL_BARE = lazy(r"(?<![^\W_])et al(?=,|\s*\(|\s*$)")


def _some_citations_kept(doc: Document, quote: str) -> QuoteMatch | None:
    """Where ``quote``, which keeps some of the paper's author-year citations and leaves out others ("the BC5CDR
    and the CHEMDNER datasets (Krallinger et al., 2015)" of "the BC5CDR (Li et al., 2016) and the CHEMDNER
    datasets (Krallinger et al., 2015)"), is in ``doc``: its words found as a quote without citations, each
    citation it keeps printed there right after the word it follows in the quote; or None."""
    cites = list(_AUTHOR_YEAR_TYPED.finditer(quote))
    if not all(normalise(_ET_AL_BARE.sub("et al.", m.group())) in doc.stream.text for m in cites):
        return None             # a citation the paper does not print (a lookup, before any search)
    bare = quote
    for m in reversed(cites):
        bare = bare[:m.start()] + bare[m.end():]
    bare = re.sub(r"[ \t]{2,}", " ", bare).strip()
    if not bare or bare == quote.strip():
        return None
    found = find_quote(doc, bare)
    if found is None or not any("citations of the source" in n for n in found.notes):
        return None
    spans = found.spans
    printed = "\n".join(doc.pages[sp.page - 1][sp.start:sp.end + (_MARKER_AFTER_END * 2 if sp is spans[-1] else 0)]
                        for sp in spans)
    at = 0
    for m in cites:
        word = _MARKED_AFTER.search(quote, 0, m.start())
        if word is None:
            return None
        inner = _citation_pattern(m.group())
        where = re.compile(r"(?<![^\W_])" + re.escape(word.group(1)) + r"\W{0,3}?\s*" + inner).search(printed, at)
        if where is None:
            return None
        at = where.end()
    return found


def _citation_pattern(cite: str) -> str:
    """A pattern of an author-year citation as the page prints it: its letters and digits in order, any spaces, line
    breaks or hyphens between them, each full stop and comma optional ("et al" of "et al.")."""
    parts = []
    for c in cite:
        if c.isspace():
            continue
        parts.append(re.escape(c) + ("?" if c in ".," else ""))
    return r"[\s\u00ad-]*".join(parts)


# A paper's own label, a small letter in brackets glued before a capitalised word or a number ("to [j]Judge
# Susan J. Dlott", "[n]2005 U.S. Dist."): no case changed (that is "[j]udge"), a mark a quote may leave out.
_PAPERS_LABEL = lazy(r"\[([a-z])\](?=([A-Z0-9][^\W_]*))")
_LABELLED_WORD = lazy(r"(?<![\]\w])[A-Z0-9][^\W_]*")


def _labels_restored(doc: Document, quote: str) -> str:
    """``quote`` with the paper's own label put back before each word the paper prints only after one
    label ("[T]he case was assigned to Judge" -> "... to [j]Judge"), to be found as a quote keeping it."""
    labels: dict[str, set[str]] | None = doc.__dict__.get("_papers_labels")
    if labels is None:
        labels = doc.__dict__["_papers_labels"] = {}
        for page in doc.pages:
            if "]" in page:
                for m in _PAPERS_LABEL.finditer(page):
                    labels.setdefault(m.group(2), set()).add(m.group(1))
    if not labels:
        return quote
    return _LABELLED_WORD.sub(lambda m: "[%s]%s" % (*labels[m.group()], m.group())
                              if len(labels.get(m.group(), ())) == 1 else m.group(), quote)


def _letters_printed(doc: Document, quote: str) -> frozenset[str]:
    """The letters in brackets of ``quote`` that read as a case changed ("[l]class"), each with the word
    glued after it, where the paper prints them so: the paper's own brackets ("[l]class settlement")."""
    found = set()
    for m in _CASE_CHANGED.finditer(quote):
        word = m.group() + _GLUED_RIGHT.match(quote, m.end()).group()
        if any(word in page for page in doc.pages):
            found.add(word)
    return frozenset(found)


def _unmarked(m: re.Match[str]) -> str:
    """A bracket holding a number or a negation as its words (they must then be the
    paper's, exactly, there); a citation marker or another bracket as it is."""
    content = m.group(1).strip()
    if CITATION_RE.fullmatch(fold("[" + content + "]").text) or not _literal_bracket(content):
        return m.group(0)
    return " " + content + " " if content[:1].isalnum() else content


# A small whole number a writer types as a word or as digits where the paper prints the other ("three papers" of
# "3 papers", "2 tasks" of "two tasks"): two to ten, alone, never a part of a number ("2.5", "20", "2%"), a name ("T2",
# "GPT-2") or a word ("twofold" stays). "one" is left out: a pronoun as often as a number.
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_SMALL_WORD = lazy(r"(?i)(?<![\w\-.,])(" + "|".join(_NUMBER_WORDS) + r")(?![\w-]|[.,]\d)")
_SMALL_DIGITS = lazy(r"(?<![\w.,\-−–—/$€£#§])([2-9]|10)(?![\w%‰]|[.,]\d|\s?%|[-–—−/]\d)")


def _small_numbers_other_way(quote: str, doc: Document) -> list[str]:
    """The quote with its small numbers in words written as digits, and the one with its small numbers in digits
    written as words (`_SMALL_WORD`, `_SMALL_DIGITS`): each a reading of the same numbers, where the quote has any
    and the paper prints the first of them so, with the word after it (a lookup, before any search)."""
    out = []
    for pattern, other in ((_SMALL_WORD, lambda m: str(_NUMBER_WORDS.index(m.group().lower()) + 2)),
                           (_SMALL_DIGITS, lambda m: _NUMBER_WORDS[int(m.group()) - 2])):
        first = pattern.search(quote)
        if first is None:
            continue
        after = _NEXT_WORD.match(quote, first.end())
        before = _WORD_BEFORE.search(quote, max(0, first.start() - 40), first.start())
        if (after or before) and normalise((before.group() if before else "") + other(first)
                                           + (after.group() if after else "")) in doc.stream.text:
            out.append(pattern.sub(other, quote))
    mixed = _each_number_as_printed(quote, doc)
    if mixed != quote and mixed not in out:
        out.append(mixed)
    return out


def _each_number_as_printed(quote: str, doc: Document) -> str:
    """The quote with each small number written the other way where the paper prints that form between the same
    words, and as typed elsewhere: a quote mixing the forms ("3 percent in 2 runs" of "three percent in 2 runs")."""
    spans = sorted(chain(((m, str(_NUMBER_WORDS.index(m.group().lower()) + 2)) for m in _SMALL_WORD.finditer(quote)),
                         ((m, _NUMBER_WORDS[int(m.group()) - 2]) for m in _SMALL_DIGITS.finditer(quote))),
                   key=lambda x: x[0].start())
    if len(spans) < 2:
        return quote
    parts, at = [], 0
    for m, other in spans:
        after = _NEXT_WORD.match(quote, m.end())
        before = _WORD_BEFORE.search(quote, max(0, m.start() - 40), m.start())
        if (after or before) and normalise((before.group() if before else "") + other
                                           + (after.group() if after else "")) in doc.stream.text:
            parts += [quote[at:m.start()], other]
            at = m.end()
    return "".join(parts) + quote[at:]


_NEXT_WORD = lazy(r"\s*[^\W_]+")
_WORD_BEFORE = lazy(r"[^\W_]+\s*$")


def _number_patterns(quote: str, doc: Document) -> Iterator["_Pattern"]:
    """The patterns of the quote with its small numbers written the other way (`_small_numbers_other_way`), made
    only once every other reading is refused: "three easy negatives" of "3 easy negatives", never "thirty" of "3"."""
    for other in _small_numbers_other_way(quote, doc):
        yield _compile(other, editorial_brackets=False)
        if _has_editorial_brackets(other):
            yield _compile(other)


_TYPED_TILDE = lazy(r"(?<=[^\W_])~(?=[^\W_])")
# "90 percent" of "90%", "90%" of "90 percent" or "90 per cent": a number's percent, as a word or as a sign.
_PERCENT_FOLDED = lazy(r"\dpercent")     # as the document's stream folds it ("70 per cent": "70percent")
_PERCENT_TYPED = lazy(r"(?i)(?<=\d)(?:[ \t\u00a0\u2009\u202f]*%|[ \t\u00a0\u2009\u202f]*(?:percent|per[ \t]cent)\b)")
# TeX a quote copied from an arXiv abstract's source carries: an escaped character ("10\%", "R\&D", "\$5") and
# mathematics holding a command, an index or a power ("$\sim$150", "$3 \times 4$", "$x \sim N(0,1)$", "F$_1$").
_TEX_ESCAPE = lazy(r"\\([%&$#_])")
_TEX_MATH = lazy(r"(?<!\\)\$([^$]{1,80}?)(?<!\\)\$")


def _tex_read(quote: str) -> str:
    """``quote`` with the TeX of an arXiv abstract read as the characters it prints (`_TEX_ESCAPE`, `_TEX_MATH`):
    the same words, numbers and signs, never more."""
    out = _TEX_MATH.sub(lambda m: latex_to_text(m.group()) if _TEX_COMMAND.search(m.group(1)) else
                        m.group(1) if _TEX_MATH_PLAIN.fullmatch(m.group(1)) else m.group(), quote)
    return _TEX_ESCAPE.sub(r"\1", out)


_TEX_COMMAND = lazy(r"\\[A-Za-z]+|[_^]")
# Math in dollars without a command ("$O(n)$", "$k$"): a letter or a bracket first and last, never a price ("$5 and $").
_TEX_MATH_PLAIN = lazy(r"[A-Za-z(][^$]*[A-Za-z0-9)]|[A-Za-z]")


def _prints_percent(doc: Document) -> bool:
    """Whether the document prints "percent" or "per cent" after a number (looked for once per document)."""
    cached = doc.__dict__.get("_prints_percent")
    if cached is None:
        cached = doc.__dict__["_prints_percent"] = _PERCENT_FOLDED.search(doc.stream.text) is not None
    return cached


def find_quote(doc: Document, quote: str, *, _regrouped: bool = False) -> QuoteMatch | None:
    """Where ``quote`` is in ``doc``, or None. Meaning must survive: see the module doc. A difference the folds
    erase that makes another word or figure (`_UNFOLDED`: a letter's case, a prime's count, a raised letter, the
    numero's period) is read after the match, on the page's own text: never found."""
    found = _find_quote(doc, quote, _regrouped=_regrouped)
    if found is not None and any(r.wanted(quote) and r.contradictions(doc, found.spans, quote) for r in _UNFOLDED):
        return None
    return found


def contradicted(doc: Document, quote: str) -> bool:
    """Whether the folds find ``quote`` in ``doc`` where the page's own text prints another word or figure there
    (`_UNFOLDED`: "5 MW" of "5 mW", "Noèmie" of "Noémie"): the text says the quote is not what it prints, and a
    second extraction that prints less ("No´emie", the accent lost) must not verify it."""
    found = _find_quote(doc, quote)
    return found is not None and any(r.wanted(quote) and r.contradictions(doc, found.spans, quote) for r in _UNFOLDED)


def _spanned(doc: Document, spans: list[Span]) -> str:
    """The page text ``spans`` cover, as printed, the parts on a line each."""
    return "\n".join(doc.pages[sp.page - 1][sp.start:sp.end] for sp in spans)


# "No." (or "№") before a number is the numero, "number 5"; "no" before a number a negation, "no 5 units": folding
# drops the period that tells them apart.
_NO_BEFORE_NUMBER = lazy(r"(?<![^\W_])(?:[Nn][Oo]\.?|№)[ \u00a0\u2009\u202f]*\d")
_NUMERO = lazy(r"(?<![^\W_])(?:[Nn][Oo]\.|№)[ \u00a0\u2009\u202f]*\d")


def _numero_contradictions(doc: Document, spans: list[Span], quote: str) -> list[tuple[str, str]]:
    """Each "no" before a number the quote and the page's text ``spans`` cover read another way: the numero ("No. 5",
    "number 5") quoted without its period ("no 5", a negation), or the other way round."""
    page = _spanned(doc, spans)
    ours = [m.group() for m in _NO_BEFORE_NUMBER.finditer(quote)]
    theirs = [m.group() for m in _NO_BEFORE_NUMBER.finditer(page)]
    if len(ours) != len(theirs):
        return []
    return [(a, b) for a, b in zip(ours, theirs)
            if (_NUMERO.match(a) is None) != (_NUMERO.match(b) is None)]


# A letter a page raises or lowers ("2ⁿ", "xᵢ", "Tₘₐₓ"): folding reads it as the letter on the line.
_SCRIPT_LETTER = lazy("[\u02b0-\u02b8\u02e1-\u02e3\u2071\u207f\u1d43-\u1d5b\u1d62-\u1d6a\u1d9c-\u1dbf\u2090-\u209c]")
_RAISED_ORDINAL = lazy(r"\d(?:st|nd|rd|th|er|e|re|o|a)", re.IGNORECASE)   # "5ᵗʰ", "1ˢᵗ", "2ⁿᵈ", "1ᵉʳ", "2ᵒ"
_SCRIPTED = lazy("[^\\W_]?[\u02b0-\u02b8\u02e1-\u02e3\u2071\u207f\u1d43-\u1d5b\u1d62-\u1d6a\u1d9c-\u1dbf\u2090-\u209c]+")


def _letter_scripts_flattened(doc: Document, spans: list[Span], quote: str) -> list[tuple[str, str]]:
    """Each letter the page's text ``spans`` cover raises or lowers where the quote prints it on the line, with the
    page's ("2n" of "2ⁿ", two to the n of twice n; "xi" of "xᵢ"): a quote writing it raised, lowered or as "^n",
    "_i" is read as the page."""
    page = _spanned(doc, spans)
    if page.isascii() or _SCRIPT_LETTER.search(page) is None:
        return []
    printed = [(unicodedata.normalize("NFKC", m.group()), m.group()) for m in _SCRIPTED.finditer(page)]
    printed = [(flat, m) for flat, m in printed if _RAISED_ORDINAL.fullmatch(flat) is None]
    typed = len(_SCRIPT_LETTER.findall(quote)) + quote.count("^") + quote.count("_")
    if typed >= sum(len(_SCRIPT_LETTER.findall(m)) for _, m in printed):
        return []
    return [(flat, m) for flat, m in printed if m not in quote]


# What folding reads alike but a number's mark tells apart: a prime after a number (minutes or feet, "2′") and a
# double prime (seconds or inches, "2″") both fold to quote marks, which matching may leave out; a vulgar fraction
# after a whole number ("1½") folds to its digits ("11/2").
_PRIME_OR_FRACTION = lazy("\\d[ \u00a0\u2009\u202f]?['\"\u2032-\u2034\u2019\u201d]|\\d\\s*[/\u2044\u2215]")
_PAGE_PRIMES = lazy("\\d[ \u00a0\u2009\u202f]?([\u2032-\u2034]+)")
_QUOTE_PRIMES = lazy("\\d[ \u00a0\u2009\u202f]?(['\"\u2032-\u2034\u2019\u201d]+)")
_PRIME_COUNT = {"\u2032": 1, "\u2033": 2, "\u2034": 3, "'": 1, "\u2019": 1, '"': 2, "\u201d": 2}
_GLUED_FRACTION = lazy("(\\d)([\u00bc-\u00be\u2150-\u215e])")


def _primes(marks: str) -> int:
    return sum(_PRIME_COUNT.get(c, 0) for c in marks)


def _prime_fraction_contradictions(doc: Document, spans: list[Span], quote: str) -> list[tuple[str, str]]:
    """Each number's mark of ``quote`` with the page's where the page's text ``spans`` cover prints another: a prime
    of another count after a number ("2'" or "2′" of the page's "2″", minutes of seconds, feet of inches), or a whole
    number and a vulgar fraction written as one number ("11/2" of "1½", eleven halves of one and a half)."""
    page = _spanned(doc, spans)
    out: list[tuple[str, str]] = []
    printed = [m.group() for m in _PAGE_PRIMES.finditer(page)]
    if printed:
        typed = [m.group() for m in _QUOTE_PRIMES.finditer(quote)]
        if len(typed) == len(printed):
            out += [(t, p) for t, p in zip(typed, printed) if _primes(t) != _primes(p)]
    for m in _GLUED_FRACTION.finditer(page):
        num, _, den = unicodedata.normalize("NFKD", m.group(2)).partition("\u2044")
        glued = re.search(re.escape(m.group(1) + num) + "\\s*[/\u2044\u2215]\\s*" + re.escape(den) + "(?!\\d)", quote)
        if glued is not None:
            out.append((glued.group(), m.group()))
    return out


# A word of letters, and what may stand between a number and its unit ("5 mW", "5mW", "5\u202fmW").
_LETTERS = lazy("(?:[^\\W\\d_][\u0300-\u036f\u20d0-\u20ff]*)+")
_NUMBER_BEFORE = lazy(r"\d[ \u00a0\u2009\u202f]?$")
# The squared units and letters of CJK compatibility ("㎾", "㏈", "㍱"), and full-width letters ("ＵＳ").
_SQUARED = lazy("[\u3371-\u33df\uff21-\uff3a\uff41-\uff5a]+")


def _cased_words(text: str) -> list[tuple[str, bool]]:
    """The words of ``text`` in order, each with whether it stands right after a number (a unit: "mW" of "5 mW"); a
    character that prints a unit or letters in one square ("㎾", "㏈") as the letters it prints (NFKC: "kW", "dB")."""
    if not text.isascii() and _SQUARED.search(text) is not None:
        text = _SQUARED.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    if "\u00ad" in text:
        text = text.replace("\u00ad", "")     # a soft hyphen is no break of a word: "El\u00adhadad" is "Elhadad"
    return [(m.group(), _NUMBER_BEFORE.search(text, max(0, m.start() - 2), m.start()) is not None)
            for m in _LETTERS.finditer(text)]


def _plain_case(word: str) -> bool:
    """Whether a word is written in one of the cases a sentence, a heading or small capitals put any word in: "the",
    "The", "THE" (never "mW", "kWh", "McCallum", whose case is the word's own)."""
    return word.islower() or word.isupper() or word.istitle()


def _case_harmless(quoted: str, page: str, unit: bool) -> bool:
    """Whether a word the quote writes in another case than the page is the same word: a sentence's or a heading's
    case ("The" of "the", "Energy" of "ENERGY"), a word of four letters or more that small capitals print in
    capitals ("SciBERT", "LaTeX" of "SCIBERT", "LATEX"), never a unit's ("MW" of "mW", a megawatt of a milliwatt;
    "KWH" of "kWh") nor another word whose case is its own ("Gb" of "GB")."""
    if unit:
        return False
    if _plain_case(quoted) and _plain_case(page):
        return True
    return len(page) >= 4 and (page.isupper() or quoted.isupper())


def _acronym_lowered(quoted: str, page: str, words: list[tuple[str, bool]], i: int) -> bool:
    """Whether the quote prints in small letters a word of capitals the page prints among words of small letters:
    an acronym is another word ("us" of "the US plan", "who" of "WHO guidance", "it" of "IT staff"), where a heading
    or small capitals print every word in capitals ("the us plan" of "THE US PLAN")."""
    if not (quoted.islower() and page.isupper() and len(page) >= 2):
        return False
    beside = [w for w, _ in words[max(0, i - 1):i] + words[i + 1:i + 2]]
    return bool(beside) and all(any(c.islower() for c in w) for w in beside)


# The marks a symbol of one letter carries that make it another symbol: a hat (an estimate, "p̂"), a tilde, a bar (a
# mean, "x̄"), an overline, a dot and two (a derivative, "ẋ"), a vector's arrow.
_SYMBOL_MARKS = frozenset("\u0302\u0303\u0304\u0305\u0307\u0308\u20d7")


def _symbol_mark_dropped(quoted: str, page: str) -> bool:
    """Whether the page prints a letter standing alone as a symbol with a mark the quote leaves out ("p" of "p̂ = 0.5",
    an estimate; "x" of "x̄", a mean)."""
    marks = [c for c in unicodedata.normalize("NFKD", page) if unicodedata.combining(c)]
    if len(unicodedata.normalize("NFKD", page)) - len(marks) != 1:
        return False
    kept = set(unicodedata.normalize("NFKD", quoted))
    return any(c in _SYMBOL_MARKS and c not in kept for c in marks)


def _clusters(word: str) -> list[tuple[str, str]]:
    """Each letter of ``word`` with the marks set on it (NFD): "noémie" as n, o, e with U+0301, m, i, e."""
    out: list[tuple[str, str]] = []
    for c in unicodedata.normalize("NFD", word):
        if unicodedata.combining(c) and out:
            out[-1] = (out[-1][0], out[-1][1] + c)
        else:
            out.append((c, ""))
    return out


def _mark_swapped(quoted: str, page: str) -> bool:
    """Whether a quote's word sets another mark on a letter the page prints with a mark of its own: "Noèmie" of
    "Noémie", "Müller" of "Múller", "à" of "â", a typo or another word, never an extractor's loss (there the page's
    letter has no mark: "Noemie" of "Noémie" is read alike, as is "Noémie" of "Noemie"). Hungarian's double acute is
    its umlaut long, typed so where a font or a keyboard lacks it: "Erdös" of "Erdős" is read alike."""
    ours, theirs = _clusters(quoted), _clusters(page)
    return len(ours) == len(theirs) and any(
        a[1] and b[1] and a[0].lower() == b[0].lower() and sorted(a[1].replace("\u030b", "\u0308")) !=
        sorted(b[1].replace("\u030b", "\u0308")) for a, b in zip(ours, theirs))


def _bare(word: str) -> str:
    """A word as matching reads it, without its case and its letters' marks ("a" of "Å", "moller" of "Möller")."""
    if word.isascii():
        return word.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def _shown_apart(a: str, b: str) -> bool:
    """Whether two words print differently: never "µg" and "μg", "ﬁne" and "fine" (one word, NFKC)."""
    return a != b and (a.isascii() and b.isascii() or unicodedata.normalize("NFKC", a) != unicodedata.normalize("NFKC", b))


def _marked_apart(a: str, b: str) -> bool:
    """Whether two words matching reads alike differ in a letter's mark, not only in case: "A" and "Å", never "µg"
    and "μg" (one letter, NFKC), nor "The" and "the"."""
    return (not a.isascii() or not b.isascii()) and \
        unicodedata.normalize("NFKC", a).lower() != unicodedata.normalize("NFKC", b).lower()


# TeX's spacing accents as pypdf and PDFium print them glued to their letter: before it ("F¨arber", "Jos´e", "Mart´ın",
# "ˇReh˚uˇrek"), the cedilla after it ("Lourenc¸o"), inside a word only: a letter standing alone is a symbol whose
# mark may be printed on either side ("˜𝑥 = 4.00", "ˆP"), left as matching reads it. Set back on the letter, the
# page's word is one word with its mark, as a writer types it ("Färber"), so a quote setting another mark on that
# letter ("Fárber") is seen to.
_TEX_MARK_BEFORE = {"\u00b4": "\u0301", "`": "\u0300", "\u00a8": "\u0308", "\u02c6": "\u0302", "\u02dc": "\u0303",
                    "\u02c7": "\u030c", "\u02d8": "\u0306", "\u02d9": "\u0307", "\u02da": "\u030a", "\u02dd": "\u030b"}
_TEX_MARKED = lazy("(?<=[^\\W\\d_])([\u00b4`])(?!(?:s|t|d|m|ll|re|ve)(?![^\\W\\d_]))([^\\W\\d_])|(?:(?<=[^\\W\\d_])|(?=..[^\\W\\d_]))"
                   "(?:([\u00b4`])(\u0131)|([\u00a8\u02c6\u02dc\u02c7\u02d8\u02d9\u02da\u02dd])([^\\W\\d_]))"
                   "|([^\\W\\d_])(\u00b8)")


def _tex_marks_set(text: str) -> str:
    """``text`` with each spacing accent TeX glued to its letter set on it as the letter's mark (`_TEX_MARKED`):
    "F¨arber" as "Färber", "Mart´ın" as "Martín", "Lourenc¸o" as "Lourenço"; a page's "don´t" is left alone, and
    an accent a space apart from any letter ("Farber ¨ (2019)", PDFium's "P ´ erez"), whose letter is not sure."""
    if text.isascii():
        return text

    def mark(m: re.Match) -> str:
        if m.group(8):
            return m.group(7) + "\u0327"
        accent, letter = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5) if m.group(i))
        return ("i" if letter == "\u0131" else letter) + _TEX_MARK_BEFORE[accent]

    return unicodedata.normalize("NFC", _TEX_MARKED.sub(mark, text))


def _case_contradictions(doc: Document, spans: list[Span], quote: str) -> list[tuple[str, str]]:
    """Each word of ``quote`` with the page's word where the page's text ``spans`` cover prints it in another case
    that makes it another word: a unit after a number ("5 MW" of "5 mW", "12 KWh" of "12 kWh") or a word whose case
    is its own ("Gb" of "GB" after a number, "MCCallum" of "McCallum"). Matching folds case, as a sentence's start
    and a heading's small capitals need; a symbol's case is its meaning. Word by word where both hold the same
    words, else each word the page prints only in such another case."""
    ours = _cased_words(_tex_marks_set(quote))
    if not ours:
        return []
    theirs = _cased_words(_tex_marks_set(_spanned(doc, spans)))     # both as one words: "F¨arber" is "Färber"
    if len(ours) == len(theirs) and all(_bare(a) == _bare(b) for (a, _), (b, _) in zip(ours, theirs)):
        return [(a, b) for i, ((a, da), (b, db)) in enumerate(zip(ours, theirs)) if _shown_apart(a, b) and (
            da and db or _symbol_mark_dropped(a, b) or _mark_swapped(a, b) if _marked_apart(a, b) else not _case_harmless(a, b, da or db) or _acronym_lowered(a, b, theirs, i))]
    printed: dict[str, set[str]] = {}
    for word, _ in theirs:
        printed.setdefault(word.lower(), set()).add(word)
    out = []
    for word, unit in ours:
        forms = printed.get(word.lower(), ())
        if forms and word not in forms and not any(_case_harmless(word, f, unit) for f in forms):
            out.append((word, sorted(forms)[0]))
        elif not forms and not word.isascii():      # "Noèmie" where the page prints only "Noémie"
            marked = [w for w, _ in theirs if _bare(w) == _bare(word)]
            if marked and all(_mark_swapped(word, w) for w in marked):
                out.append((word, marked[0]))
    return out


# A Greek letter (or the micro, ohm or increment sign, or a mathematical italic one) a quote or a page prints: its
# case folds away with the text's, but a capital and a small letter are two symbols ("Σ", a covariance matrix or a
# sum, and "σ", a deviation; "Δ" and "δ"; "Φ" and "φ").
_GREEK_LETTER = lazy("[\u0391-\u03a9\u03b1-\u03c9\u00b5\u2126\u2206\U0001d6a8-\U0001d7c9]")
_GREEK_AS_LETTER = {"\u2206": "\u0394", "\u03c2": "\u03c3"}    # the increment sign, a final sigma


def _greek_of(text: str) -> list[str]:
    """The Greek letters of ``text`` in order, each as the letter it shows (NFKC: "µ" is "μ", "𝜎" is "σ")."""
    out = []
    for m in _GREEK_LETTER.finditer(text):
        c = unicodedata.normalize("NFKC", m.group())
        c = _GREEK_AS_LETTER.get(c, c)
        if len(c) == 1 and ("\u0391" <= c <= "\u03a9" or "\u03b1" <= c <= "\u03c9"):
            out.append(c)
    return out


def _greek_case_contradictions(doc: Document, spans: list[Span], quote: str) -> list[tuple[str, str]]:
    """Each Greek letter of ``quote`` with the page's letter where the page's text ``spans`` cover prints it in the
    other case ("σ" and "Σ"): letter by letter where both hold the same letters, else each letter the page prints
    only in the other case."""
    ours = _greek_of(quote)
    if not ours:
        return []
    theirs = _greek_of(_spanned(doc, spans))
    if [c.lower() for c in ours] == [c.lower() for c in theirs]:
        return [(a, b) for a, b in zip(ours, theirs) if a != b]
    held = set(theirs)
    return [(a, a.swapcase()) for a in dict.fromkeys(ours) if a not in held and a.swapcase() in held]


def _find_quote(doc: Document, quote: str, *, _regrouped: bool = False) -> QuoteMatch | None:
    if longer_than_text(doc, quote):
        return None
    patterns = [_compile(quote, editorial_brackets=False)]
    if _has_editorial_brackets(quote):
        patterns.append(_compile(quote))
        printed = _letters_printed(doc, quote)
        if _CASE_CHANGED.search(quote) and len(_BRACKET.findall(quote)) > len(_CASE_CHANGED.findall(quote)) - len(printed):
            # "[B]ut ... the [CLS] pooled token", "[B]oth ... a [l]class settlement": the writer's case change
            # and the paper's own brackets
            patterns.append(_compile(quote, letters_only=True, printed=printed))
    for typed in dict.fromkeys([quote, _SILENT_PARENS.sub(lambda m: "[" + m.group(1) + "]", quote)]):
        if _silent_beside(typed):
            # "[sic]" among brackets the paper prints ("the [MASK] [sic] token", "[A, B] are [sic]"): the mark
            # stands for nothing, every other bracket is the paper's own text
            patterns.append(_compile(typed, editorial_brackets=False, silent_only=True))
    marked = _MARKED_WORDS.sub(_unmarked, quote)
    if marked != quote:
        # "do [not] lead", "[10] times": the writer's brackets around the paper's own words
        patterns.append(_compile(marked))
    commas = _thousands_with_commas(quote)
    if commas != quote:
        patterns.append(_compile(commas, editorial_brackets=False))
    silent = _SILENT_PARENS.sub(lambda m: "[" + m.group(1) + "]", quote)
    if silent != quote:
        patterns.append(_compile(silent))
    greek = _scripts_as_printed(_greek_letters(_LIST_MARKER.sub("", quote)))
    if greek != quote:
        patterns += [_compile(greek, editorial_brackets=False), _compile(greek)]
    lowered = _powers_lowered(greek)
    lowered_pat = None
    if lowered != greek:
        lowered_pat = _compile(lowered, editorial_brackets=False)
        patterns.append(lowered_pat)
    if "~" in greek:
        # "z~N(0, 1)" of "z ∼ N(0, 1)": a tilde a writer types between two tokens is the paper's operator, never
        # an accent (folding reads a "~" glued to a letter as one)
        spaced = _TYPED_TILDE.sub(" ~ ", greek)
        if spaced != greek:
            patterns.append(_compile(spaced, editorial_brackets=False))
    if "%" in greek or "ercent" in greek or "er cent" in greek:
        # "per cent" folds as "percent": one form of the word, tried where the page prints it
        for form in ("%", " percent") if _prints_percent(doc) else ("%",):
            percent = _PERCENT_TYPED.sub(form, greek)
            if percent != greek:
                patterns += [_compile(percent, editorial_brackets=False)] + (
                    [_compile(percent)] if _has_editorial_brackets(percent) else [])
    swapped = _marks_swapped(greek)
    if swapped != greek:
        patterns += [_compile(swapped, editorial_brackets=False)] + (
            [_compile(swapped)] if _has_editorial_brackets(swapped) else [])
    for pat in chain(patterns, _number_patterns(greek, doc)):
        found = _find_pattern(doc, pat)
        if found is not None and pat is lowered_pat and (_lowered_printed(doc, found) or _raised_glued(doc, found, greek)
                                                         or _power_unmarked(doc, found, greek)):
            continue            # "x²" of "x₂" or "x2": the page lowers what the quote raises, or prints it on the line;
            # "10⁶" of a "106" nothing on the page shows is a power
        if found is not None:
            return None if _negation_cut_off(doc, found) or _negation_left_after(doc, found) \
                or _condition_cut_off(doc, found) \
                or (_ANY_SCRIPT.search(quote) is not None and _scripts_contradicted(doc, found, greek)) else found
    if patterns[0].has_citation:
        found = _some_markers_kept(doc, quote)
        if found is not None:
            return found
    if "(" in quote and _AUTHOR_YEAR_TYPED.search(quote):
        found = _some_citations_kept(doc, quote)
        if found is not None:
            return found
    if _ET_AL_BARE.search(quote):
        found = find_quote(doc, _ET_AL_BARE.sub("et al.", quote))
        if found is not None:
            return found
    labelled = _labels_restored(doc, quote)
    if labelled != quote:
        found = find_quote(doc, labelled)
        if found is not None:
            return found
    if "\\" in quote or "$" in quote:
        tex = _tex_read(quote)
        if tex != quote:
            # "by 10\% with $\sim$150 million": a quote pasted with the TeX of an arXiv abstract
            return find_quote(doc, tex, _regrouped=_regrouped)
    if _NAME_NUMBER.search(quote):
        found = _hyphen_ending_a_line(doc, quote)
        if found is not None:
            return found
    if not _regrouped and (_ELISION.search(quote) or _has_editorial_brackets(quote)):
        # an elided or bracketed quote, which the last search (punctuation only) does not read: its whole numbers
        # grouped as the page prints them ("more than 10000 kWh" of "10,000 kWh", "2,880" of a row's "2880")
        grouped = _thousands_as_printed(doc, quote)
        if grouped != quote:
            found = find_quote(doc, grouped, _regrouped=True)
            if found is not None:
                return found
    exclaimed = _EXCLAIMED.search(quote)
    if exclaimed is not None:
        # "We found it!" of "We found it.": an exclamation mark for the paper's full stop says the same sentence (a
        # question's mark never: see `_ends_otherwise`); after a digit it is a factorial's ("5!"), kept as typed
        found = find_quote(doc, quote[:exclaimed.start()] + "." + quote[exclaimed.start() + 1:], _regrouped=_regrouped)
        if found is not None:
            return found
    # Last: the same words and numbers, only punctuation differing.
    pat = patterns[0]
    if pat.pieces and pat.fragments == 1 and not pat.editorial:
        for s, notes in _streams(doc, pat):
            found = _punctuation_only(doc, s, pat, quote, notes)
            if found is not None:
                return None if _negation_cut_off(doc, found) or _negation_left_after(doc, found) \
                or _condition_cut_off(doc, found) else found
    return None


# An auxiliary or a modal a passage ends with, and the "not" or "never" the page prints right after it: the
# quote stops before the negation of its own last verb ("than for those that do" of "than for those that do
# not", "results that are" of "results that are not"), with or without an ellipsis after it.
_LAST_AUXILIARY = lazy(r"(?i)(?<![\w'’-])(?:is|are|was|were|has|have|had|can|could|will|would|shall|should|may"
                       r"|might|must|do|does|did)$")
_NEGATION_NEXT = lazy(r"(?i)[ \t]*\n?[ \t]*(?:not|never)(?![\w'’-])")


# A word opening a condition or a supposition, right before a passage: the passage is what the paper supposes,
# which a quote starting there states as what is so ("the total ML energy is split 10% on training" of "If the total
# ML energy is split ...", "[T]he data are noisy" of "Suppose that the data are noisy", "a model is trained on news"
# of "Assume a model is trained on news", "[T]he cluster holds two drafts" of "Imagine the cluster holds two
# drafts", "the server is down" of "Consider the case where the server is down", "we trained longer" of "Had we
# trained longer"). A short aside between its commas may follow the opener ("Suppose, for example, a paper cluster
# contains ..."), then "that" ("where", "in which" after a case or a scenario). "given that" is no supposition: what
# it introduces the paper takes as so ("given that these can evolve over time"). A verb "provided" after its subject
# or an auxiliary provides ("We provided the code"); "provided that" and a "provided" after other words are the
# condition ("converges provided the step is small").
_SUPPOSING = (r"(?:if|unless|suppos(?:e|es|ing)|assum(?:e|es|ed|ing)|imagin(?:e|es|ing)|hypothetically"
              r"|provid(?:ed|ing)\s+that|(?<!\bwe\s)(?<!\bthey\s)(?<!\bi\s)(?<!\bwho\s)(?<!\bwhich\s)(?<!\bis\s)"
              r"(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bhave\s)(?<!\bhas\s)"
              r"(?<!\bhad\s)(?<!\balso\s)(?<!\bnot\s)provid(?:ed|ing)"
              r"|in\s+(?:the\s+)?(?:event|case)|on\s+(?:the\s+)?(?:condition|assumption|premise)|under\s+the\s+"
              r"(?:assumption|premise|hypothesis)|let\s+(?:us|me)\s+say|let[\'’]s\s+say"
              r"|(?:consider|imagine|take|in)\s+(?:the|a|an)\s+(?:\w+\s+)?(?:case|scenario|situation|world|setting)"
              r"\s+(?:that|where|in\s+which)"
              r"|(?:^|(?<=[.!?;:(\[“\"—–]))[ \t\n]*(?:were|had|should|say))")
_CONDITION_BEFORE = lazy(r"(?i)(?<![\w'’-])" + _SUPPOSING + r"(?![\w'’-])[ \t\n]*"
                         r"(?:,[ \t\n]*(?:[^,.;:!?()\n]{1,40}?,[ \t\n]*)?)?(?:that[ \t\n]+|where[ \t\n]+"
                         r"|in[ \t\n]+which[ \t\n]+)?$")
_CONDITION_REACH = 120      # page characters before the passage looked at
#: A second clause of a condition, the passage starting at it: "the labels are wrong" of "Suppose that the data are
#: noisy and the labels are wrong" (the condition's words, then its first clause, no comma or sentence end between).
_CONDITION_JOINED = lazy(r"(?i)(?<![\w'’-])(?:if|unless|suppos(?:e|es|ing)|assum(?:e|es|ed|ing)|imagin(?:e|es|ing))"
                         r"(?![\w'’-])(?:[^,.;:!?()\n]|\n(?!\n)){1,100}?[ \t\n](?:and|or)[ \t\n]+(?:that[ \t\n]+|if[ \t\n]+)?$")
#: What a condition opening its sentence (or a "that" clause) says will follow, the passage starting right after it:
#: "training takes weeks" of "If the model is large, training takes weeks" (said only under that condition); never
#: after a reader's "if we look at ...", "if we compare ...", which sets no condition on what it observes. A condition
#: may wrap a printed line (one line break, never a paragraph's): "she can ask him afresh" of "Suppose Mother wants
#: Tommy to call ...\nto school ..., she can ask him afresh" is said only under it, as on one line. A quote opening
#: with the consequent's own "then" says it follows from something ("then P3 is a candidate hard negative").
_AFTER_CONDITION = lazy(r"(?i)(?:^|[.!?][ \t\n]+|[ \t\n]that[ \t\n]+)[“\"(]?(?:if(?![ \t\n]+(?:we|one|you)[ \t\n]+"
                        r"(?:look|consider|compare|examine|turn|focus|take|zoom|break|plot|group))|unless|suppos(?:e|ing)(?:[ \t\n]+that)?|assuming"
                        r"|provid(?:ed|ing)|in[ \t\n]+(?:the[ \t\n]+)?event[ \t\n]+that|in[ \t\n]+case)"
                        r"(?![\w'’-])(?:[^.;:!?\n]|\n(?!\n)){1,200},[ \t\n]*(?:then[ \t\n]+)?$")
_THEN = lazy(r"(?i)then(?![\w'’-])")
_CONDITIONAL_REACH = 240    # page characters before the passage a condition opening its sentence is looked for in


#: "whether" (or "whether or not") right before a passage: the passage is what the paper asks, which a quote starting
#: there states as what is so ("the model is biased" of "We test whether the model is biased", "pruning helps" of "It is
#: unclear whether pruning helps"); quoted with it ("[W]hether the model is biased") it says what the paper asks.
_QUESTION_BEFORE = lazy(r"(?i)(?<![\w'’-])whether(?:[ \t\n]+or[ \t\n]+not)?[ \t\n]*$")


def _cut_off_by(doc: Document, page: int, start: int) -> tuple[str, str] | None:
    """("condition", its words) where the passage starting at ``start`` of ``page`` (1-based) starts right after the
    words opening a condition or a supposition (`_CONDITION_BEFORE`): "we could bring CO2e to zero" of "even if we
    could bring CO2e to zero"; at a second clause of one (`_CONDITION_JOINED`); or at what a condition opening its
    sentence says follows from it (`_AFTER_CONDITION`): each states as fact what the paper says only under its
    condition. ("question", "whether") where it starts right after "whether" (`_QUESTION_BEFORE`): what the paper
    asks, stated as fact. None where neither."""
    text = _unescaped(doc.pages[page - 1])
    for pattern, reach in ((_CONDITION_BEFORE, _CONDITION_REACH), (_CONDITION_JOINED, _CONDITION_REACH),
                           (_AFTER_CONDITION, _CONDITIONAL_REACH)):
        m = pattern.search(text, max(0, start - reach), start)
        if m is not None and (pattern is not _AFTER_CONDITION or _THEN.match(text, start) is None):
            words = re.sub(r"^(?:[.!?\s“\"(]+|that\s+)+", "", " ".join(m.group().split()))
            return "condition", words
    m = _QUESTION_BEFORE.search(text, max(0, start - 20), start)
    return None if m is None else ("question", " ".join(m.group().split()))


def _condition_cut_off(doc: Document, found: QuoteMatch) -> bool:
    """The passage found starts where the page says it only under a condition, or asks it (`_cut_off_by`)."""
    return _cut_off_by(doc, found.spans[0].page, found.spans[0].start) is not None


def _negation_left_after(doc: Document, found: QuoteMatch) -> bool:
    """The passage found ends with an auxiliary or a modal that the page negates right after it
    (see `_LAST_AUXILIARY`)."""
    last = found.spans[-1]
    page = _unescaped(doc.pages[last.page - 1])
    return _LAST_AUXILIARY.search(page, max(0, last.end - 8), last.end) is not None and \
        _NEGATION_NEXT.match(page, last.end) is not None


# A negation of the clause a passage starts in, printed before it: a determiner, an adverb, a
# verb of failing ("No prior published SOTA results exist", "we did not find", "there is no
# evidence that", "fails to"); never a word a hyphen joins to the next ("no-reference"), nor "not
# only" and its kin, "no matter", "no doubt", "no sooner ... than", "nothing but", "nothing less
# than", "none other than", which negate nothing (what follows them is said: "needs nothing but a
# list of citations"), nor the "No." of a number.
# A surprise denied ("it is not surprising that X", "no surprise that X", "isn't surprising to us that
# X") says X all the same: what its "that" introduces is presupposed, never negated ("it would not be
# surprising if X" says no X).
_SURPRISE = (r"\s+(?:be\s+)?(?:(?:at\s+all|very|so|too|particularly|entirely|really|that)\s+)?(?:a\s+)?surpris\w*"
             r"\s+(?:(?:to|for)\s+\w+\s+)?that\b")
_CLAUSE_NEGATION = lazy(
    r"(?i)(?<![\w'’-])(?:not(?!\s+(?:only|just|merely|simply|least)\b|" + _SURPRISE + ")"
    r"|no(?!\.?\s*\d|\s+(?:matter|doubt|sooner)\b|" + _SURPRISE + r")|never|none(?!\s+other\s+than\b)|nor|neither"
    r"|nothing(?!\s+(?:but|(?:less|more|other|else)\s+than|short\s+of)\b)|nobody|nowhere|cannot|without"
    r"|hardly(?!" + _SURPRISE + r")|barely|scarcely|fail(?:s|ed|ing)?\s+to|unable\s+to"
    r"|\w+n" + _APOSTROPHE + r"t(?!" + _SURPRISE + r"))(?![\w'’-])")
# Of those, the ones that negate a noun phrase, and so the clause it is the subject or object
# of: whatever follows in the clause is in their scope ("No prior published results exist",
# "no evidence of leakage"). "not" before a quantifier or an article is one ("Not all models").
_DETERMINER_NEGATION = lazy(r"(?i)no|none|nor|neither|nothing|nobody|nowhere")
_NOT_A_DETERMINER = lazy(r"(?i)not\s+(?:all|every|each|a|an|any|one|many|much|some|enough|the)\b")
# The words between a negated verb and a passage that keep the passage inside the negated verb
# group ("did not really find", "is not statistically significant", "fails to fully converge"):
# auxiliaries and adverbs. A word that introduces a clause puts it in the scope ("do not claim
# that", "it is not clear whether").
_VERB_GROUP = frozenset("""
    be been being is are was were am have has had having do does did will would shall should can could
    may might must to get got yet even ever always also still quite much so very too well further
    really actually necessarily entirely fully completely generally always often usually
""".split())
_CLAUSE_WORDS = frozenset("that whether if".split())
# Verbs a clause follows without "that" ("I do not think this view can be dismissed"), by stem.
_CLAUSE_VERBS = frozenset(_stem(w) for w in """
    think believe expect claim say know suppose suggest show argue feel assume mean imply find see consider
    agree guarantee prove hope imagine conclude state report indicate demonstrate establish confirm doubt
    thought said knew shown meant found seen proven
""".split())
# A passage starting with a definite noun phrase or a name, after a negated verb and its other
# words, is what the verb is about, no claim the negation turns around ("cannot be trained by the
# Never-Ending Language Learner"); an indefinite one ("did not observe a significant gain") is.
_DEFINITE = frozenset("the this these those its their our his her my your".split())


def _in_negated_verb(between: str, passage: str) -> bool:
    """Whether a passage printed after a negated verb (``between`` the negation and it) is in
    the negation's scope: it starts inside the verb group, or a clause the verb introduces, or an
    indefinite noun phrase the verb is about."""
    words = [w.lower() for w in _WORDS.findall(between)]
    if not words or any(w in _CLAUSE_WORDS or _stem(w) in _CLAUSE_VERBS for w in words) or \
            all(w in _VERB_GROUP or w.endswith("ly") for w in words):
        return True
    first = _WORDS.search(passage)
    return first is None or not (first.group().lower() in _DEFINITE or first.group()[0].isupper()
                                 or first.group()[0].isdigit())


# Where a new clause starts, out of the scope of a negation before it: a semicolon, a colon, a
# dash, a bracket opening an aside the passage starts in, a comma (but a short aside's, ", however,"), a conjunction starting a clause ("but",
# "although", "while", "because"; "and", "or", "since", "so", "once", "after", "before" before a
# subject: "not performed once per model" is no clause of its own). "that", "if", "whether",
# "which", "where", "when" stay in its scope: "no evidence that it helps" says not that it helps.
_CLAUSE_BREAK = lazy(
    r"(?i)[;:,(\[]|\s[-–—]{1,2}\s|[–—]|\b(?:but|yet|although|though|while|whereas|because|unless|until)\b"
    r"|\b(?:and|or|since|so|once|after|before)\s+(?=(?:we|i|it|they|he|she|there|this|these|those|the|our|their|its"
    r"|a|an|each|all|most|some|many|one)\b)")
# An aside between commas (", however,", ", in fact,", ", as expected,"): no new clause.
_COMMA_ASIDE = lazy(r"(?i),\s*(?:however|though|therefore|thus|hence|moreover|furthermore|indeed|in\s+fact"
                    r"|of\s+course|in\s+turn|in\s+particular|in\s+general|as\s+expected|as\s+such|so\s+far"
                    r"|nonetheless|nevertheless|then|too|also|still|(?:we|i)\s+(?:believe|argue|think|find))\s*,")
# Where the sentence before a passage ends: a full stop and a capital after it, a line ending with
# a capitalised word or a number and no punctuation (a heading, "Not All Tokens Are Equal"), a
# blank line, a line a caption starts (after a table's cells), a line a footnote starts, its number glued to its
# first word ("PDF and\n14We use the cld2 tool": the footnote the extractor prints inside a
# sentence is a text of its own, never in the scope of the body's "no" before it), or a line a list's bullet starts
# after a line's full stop, semicolon or colon ("... explored or not.\n• [D3] Help users": the item is a sentence
# of its own; "could not\n• read the paper" is the negated verb's object).
_SENTENCE_BEFORE = lazy(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])|(?<=[A-Z0-9])[\w)]*[ \t]*\n(?=\s*[A-Z])"
                        r"|\n[ \t]*\n|\n(?=[ \t]*(?:Figure|Fig\.|Table|Algorithm|Listing)[ \t]*\d)"
                        r"|\n(?=\d{1,2}[A-Z][a-z])"
                        r"|(?<=[.!?;:])[\"'”’)\]]*[ \t]*\n(?=[ \t]*[•◦▪‣∙●○■□►➢➤])")
_BRACKETED = lazy(r"\([^()]*\)|\[[^\[\]]*\]")
# A relative clause holding a negation, and the sentence's own verb after it: "Runs that did not
# converge | were discarded", "Papers which have no abstract | are removed", "A user who has never
# seen the paper | can still answer". The pronoun is followed by the negation and the verb group
# it is in only (a clause of its own, "that no sample is repeated", says "is repeated" is not;
# "the model which we trained does not on average | have" is the sentence's own verb negated).
# The passage starts with a finite auxiliary or modal after the clause's other words: a word the
# clause could go on with ("Models that do not converge", "do not use | labelled data") stays in
# its scope, as does a verb after a word that opens another clause ("which do not say the data |
# was"), a conjunction ("and are") or the verb group ("have not | been", "seem to | be").
_RELATIVE = frozenset("that which who".split())
_FINITE = frozenset("is are was were has have had can could will would shall should may might must do does did".split())
_OPENS_CLAUSE = _CLAUSE_WORDS | frozenset("which who whom whose where when how what why and or but nor".split())
_NEGATES_ALONE = lazy(r"(?i)never|cannot|\w+n" + _APOSTROPHE + r"t")


def _after_relative_clause(plain: str, negation: re.Match[str], cut: int, verbs: frozenset[str] = frozenset()) -> bool:
    """Whether ``negation`` is in a relative clause that ends before the passage starting at
    ``plain[cut:]``, which is its sentence's own verb (see `_RELATIVE`)."""
    before = list(_WORDS.finditer(plain, 0, negation.start()))
    k = len(before)
    while k and before[k - 1].group().lower() in _VERB_GROUP:
        k -= 1
    if not k or before[k - 1].group().lower() not in _RELATIVE or (
            k == len(before) and not _NEGATES_ALONE.fullmatch(negation.group())) or \
            _CLAUSE_NEGATION.search(plain, 0, before[k - 1].start()):
        return False        # "No model that was not pretrained | is accurate": the sentence's own
    between = [w.lower() for w in _WORDS.findall(plain, negation.end(), cut)]
    first = _WORDS.match(plain, cut)
    if len(between) < 2 and (between and between[-1] in getattr(verbs, "with_object", verbs) or not verbs):
        verbs = frozenset()     # "do not reuse | work show": the negated verb's object, no verb of the page's
    elif len(between) == 1:
        # "did not converge | explain": a verb the paper never shows with an object, before a word it shows as
        # a verb and never as a noun
        shown = _Verbs(verbs - verbs.nouns)
        shown.alone = between[-1] in verbs.intransitive
        verbs = shown
    return bool(between) and first is not None and (first.group().lower() in _FINITE or _main_verb(plain, first, verbs)) \
        and between[-1] not in _VERB_GROUP and not any(w in _OPENS_CLAUSE or _stem(w) in _CLAUSE_VERBS for w in between)


# A clause the subject's noun opens with "that" and a subject of its own ("The view that machines cannot give
# rise to surprises | is due, I believe, | to a fallacy", "The fact that SPECTER does not require inputs like
# authors or venues | makes it applicable"): the negation holds its clause, which ends at the sentence's own verb,
# the first finite one after the negation's own verb ("is", "makes it"); the passage starts there or after it,
# with no word opening another clause between. The clause's subject is one word or a determiner and its noun:
# "The model that we trained does not | have" is a relative clause's, and its verb the negated one. A verb after
# "and" or "or" is the clause's own ("... and are trained longer"), and a word after the negation that is no
# verb ("does not on average | have") leaves the verb the negation's.
_SUBJECT_HEADS = frozenset("the a an our their its his her my your".split())


def _after_subject_clause(plain: str, negation: re.Match[str], cut: int,
                          verbs: frozenset[str] = frozenset()) -> re.Match[str] | None:
    """The "that" of a clause of the sentence's subject that holds ``negation``, where the passage at
    ``plain[cut:]`` starts at the sentence's own verb or after it (see `_SUBJECT_HEADS`); or None."""
    before = list(_WORDS.finditer(plain, 0, negation.start()))
    k = len(before)
    while k and before[k - 1].group().lower() in _VERB_GROUP:
        k -= 1
    lower = [w.group().lower() for w in before[:k]]
    subject = lower[3:]
    if not 4 <= len(lower) <= 5 or lower[0] not in _SUBJECT_HEADS or lower[2] != "that" or \
            k == len(before) and not _NEGATES_ALONE.fullmatch(negation.group()) or \
            len(subject) == 2 and subject[0] not in _SUBJECT_HEADS | _DEFINITE or subject[-1].endswith("ed") or \
            any(w in _OPENS_CLAUSE or w in _FINITE or w in _VERB_GROUP for w in lower[1:2] + subject):
        return None             # "The model that we trained does not | have": a relative clause, its verb the negated one's
    after = list(_WORDS.finditer(plain, negation.end(), len(plain)))
    i = 0
    while i < len(after) and (after[i].group().lower() in _VERB_GROUP or after[i].group().lower().endswith("ly")):
        i += 1
    if i >= len(after) or after[i].group().lower() in _NOT_A_VERB or after[i].start() >= cut:
        return None                     # no verb of the negation's own before the passage
    for j in range(i + 1, len(after)):
        w = after[j].group().lower()
        if after[j].start() > cut:
            return None
        if w in _OPENS_CLAUSE and w not in ("and", "or") or _stem(w) in _CLAUSE_VERBS or \
                w in ("and", "or") and j + 1 < len(after) and after[j + 1].group().lower() in _FINITE:
            return None
        if w in _FINITE or _main_verb(plain, after[j], verbs):
            # the sentence's own verb: the passage starts there, or after it in no other clause
            if after[j].start() <= cut and not any(
                    x.group().lower() in _OPENS_CLAUSE for x in after[j:] if x.start() < cut):
                return before[2]
            return None
    return None


# "without" and "with no" negate the noun phrase they take and nothing after it: a relative clause after
# a definite one ("without this feature | who scrolled through the paper linearly", "without the index |
# that ...") says what it says of a thing that exists, or of the noun before "without"; after a bare
# noun phrase ("without prior training | who ...") a "who" is a person's, no training's. After an
# indefinite one ("without a model that converged", "without any user who ...") it is in the scope, and
# so is a "that" after a bare noun, which may open the noun's clause ("without evidence that it helps").
_WITHOUT = lazy(r"(?i)without|(?<=\bwith\s)no")
_PERSON_RELATIVE = frozenset("who whom whose".split())
_NOUN_PHRASE_WORDS = 6


def _relative_after_without(plain: str, negation: re.Match[str], cut: int) -> bool:
    """Whether the passage at ``plain[cut:]`` starts with a relative pronoun out of the scope of
    ``negation``, a "without" or "with no" before a noun phrase (see `_WITHOUT`)."""
    if not _WITHOUT.fullmatch(plain, negation.start(), negation.end()):
        return False
    first = _WORDS.match(plain, cut)
    words = [w.lower() for w in _WORDS.findall(plain, negation.end(), cut)]
    if first is None or not words or len(words) > _NOUN_PHRASE_WORDS or \
            any(w in _FINITE or w in _OPENS_CLAUSE or w in _VERB_GROUP for w in words):
        return False
    pronoun = first.group().lower()
    definite = negation.group().lower() == "without" and words[0] in _DEFINITE
    bare = words[0] not in _INDEFINITE
    return pronoun in _PERSON_RELATIVE and bare or definite and pronoun in _RELATIVE | _PERSON_RELATIVE


_INDEFINITE = frozenset("a an any some such one enough another other either each every all many much".split())


# What a verb's object starts with: after a word in "-ed" or "-s" it is a verb with its object ("rated
# the tool", "guessed it"), where a noun or an adjective may follow a participle or a noun ("labelled
# data", "goals guessed") and keep the passage in the relative clause.
_OBJECT_START = frozenset("the a an this that these those it them its their our his her him us me".split())


def _main_verb(plain: str, first: re.Match[str], verbs: frozenset[str] = frozenset()) -> bool:
    """Whether the word ``first`` of ``plain``, right after a relative clause, reads as the sentence's
    own verb in the past or the present, with its object ("who had no training in medicine | rated the
    tool as helpful", "| prefers the baseline"): a word in "-ed" or "-s" (not a noun's "-ss", "-us",
    "-is") before an article or a pronoun (`_OBJECT_START`), or after an adverb ("| often skimmed over");
    a word in "-ed" ending the sentence, with no object ("who did not use the index | improved."), or
    before an adverb of how well (`_HOW_WELL`: "| scored higher"); a
    plural's bare verb, a word in no "-s", "-ed", "-ing" or "-ly", before an adverb of how well
    (`_HOW_WELL`: "models that do not use labelled data | perform worse") or an object's article or
    pronoun ("| outperform the baseline"), or before any other word the paper never shows as a verb where it
    shows the word itself as one (`_shown_as_verbs`: "intervals that do not contain zero | indicate significant
    correlation" of a paper printing "indicates the strategy"). A noun of the relative clause before such a word
    ("labelled data | perform", "data | perform"), or after a determiner ("read the paper | well"), is none."""
    w = first.group().lower()
    after = _WORDS.search(plain, first.end())
    previous = [m.group().lower() for m in _WORDS.finditer(plain, max(0, first.start() - 40), first.start())]
    noun = bool(previous) and previous[-1] in _DETERMINERS      # "the paper | well": no verb after "the"
    bare = len(w) >= 4 and w.isalpha() and not w.endswith(("ing", "ly", "ss", "us", "is", "ed")) and not noun and \
        w not in _NOT_A_VERB and w in verbs       # a plural's verb the paper shows as one ("| explain.")
    bare_alone = bare and getattr(verbs, "alone", True)
    if after is None or plain[first.end():after.start()].strip():
        return (bare_alone or _past_or_present(w) and w.endswith("ed") and not noun) and \
            _ENDS_HERE.match(plain, first.end()) is not None
    nxt = after.group().lower()
    if bare_alone and nxt in _ASKS:
        return True         # "runs that did not converge | explain why the gap is large"
    if w in _VERB_ADVERBS or w.endswith("ly") and len(w) > 4:
        return _past_or_present(nxt)     # "| often skimmed over these terms"
    if _past_or_present(w):
        return nxt in _OBJECT_START or w.endswith("ed") and not noun and nxt in _HOW_WELL     # "| scored higher"
    return len(w) >= 4 and w.isalpha() and not w.endswith(("ing", "ly", "ss", "us", "is")) and not noun and \
        w not in _NOT_A_VERB and (nxt in _HOW_WELL or nxt in _BARE_OBJECT or w in verbs and nxt not in verbs
                                  and nxt not in _NOT_A_VERB and not _past_or_present(nxt) and not nxt.endswith("ing"))


# Where a paper shows a word as a verb: after a modal or "do not" ("may indicate", "does not
# converge"), or in "-s" or "-ed" right before an article ("indicates the strategy", "indicated a").
_MODAL_VERB = lazy(r"(?i)(?<![\w'’-])(?:can|could|may|might|must|should|would|will|shall|cannot"
                   r"|(?:do|does|did)\s+not)\s+(?:not\s+)?([a-z]{4,})(?![\w'’-])")
_INFLECTED_VERB = lazy(r"(?i)(?<![\w'’-])([a-z]{3,}?)(es|s|ed)\s+(?:the|a|an)(?![\w'’-])")


def _shown_as_verbs(s: Stream) -> frozenset[str]:
    """The words, in lower case and bare, that the pages of ``s`` show as verbs (see `_MODAL_VERB`),
    found once per stream."""
    cached = s.__dict__.get("_shown_as_verbs")
    if cached is None:
        words: set[str] = set()
        for page in s.pages:
            words.update(m.group(1).lower() for m in _MODAL_VERB.finditer(page))
            for m in _INFLECTED_VERB.finditer(page):
                stem, ending = m.group(1).lower(), m.group(2)
                words.add(stem)
                if ending != "s":           # "indicates", "indicated": "indicate"; "matches": "match"
                    words.add(stem + "e")
        cached = _Verbs(words)
        text = "\n".join(s.pages)
        cached.nouns = frozenset(m.group(1).lower() for m in _AFTER_DETERMINER.finditer(text))
        cached.with_object = frozenset(m.group(1).lower() for m in _BEFORE_OBJECT.finditer(text))
        cached.intransitive = frozenset(m.group(1).lower() for m in _BEFORE_STOP.finditer(text))
        s.__dict__["_shown_as_verbs"] = cached
    return cached


class _Verbs(frozenset):
    """The words a paper shows as verbs, with the words it shows as nouns (after a determiner: "our work")
    and those it prints before an object's article or pronoun ("reuse the"), which may take one."""

    nouns: frozenset[str] = frozenset()
    with_object: frozenset[str] = frozenset()
    #: the words the paper prints ending a clause ("did not converge."), and whether a verb after the
    #: relative clause may end its sentence or ask ("| explain why"): after one of those only
    intransitive: frozenset[str] = frozenset()
    alone: bool = True


_AFTER_DETERMINER = lazy(r"(?i)(?<![\w'’-])(?:the|a|an|this|these|those|our|their|its|his|her|my|your|no|any|each"
                         r"|every|some|such)\s+([a-z]+)(?![\w'’-])")
_BEFORE_STOP = lazy(r"(?i)(?<![\w'’-])([a-z]+)[.,;:]")
_BEFORE_OBJECT = lazy(r"(?i)(?<![\w'’-])([a-z]+)\s+(?:the|a|an|it|them|this|these|those|its|their|our)(?![\w'’-])")


# Where a sentence ends right after a word: a full stop, "!", "?" or a semicolon.
_ENDS_HERE = lazy(r"[ \t]*[.!?;]")
# Adverbs of how well a plural's bare verb does ("| perform worse", "| do better"), which follow no noun of
# a relative clause; the articles and pronouns an object starts with after one ("| outperform the
# baseline": not "that", "this", "these", "those", which start a clause or a noun phrase of its own).
_HOW_WELL = frozenset("""
    worse better best well poorly similarly comparably equally differently higher lower faster slower
""".split())
_BARE_OBJECT = frozenset("the a an it them its their our his her him us me".split())
# Words opening a question a verb takes as its object ("| explain why", "| show how"), which no noun of
# the relative clause is followed by.
_ASKS = frozenset("why how whether".split())
_NOT_A_VERB = frozenset("""
    data than then also only even both each such very much more most less least just there here with from into
    onto over under upon about after before within without through among between against
""".split()) | _VERB_GROUP | _OPENS_CLAUSE | _OBJECT_START


# Adverbs a sentence's own verb may follow ("often skimmed", "also reported"), which no participle of a
# relative clause's object takes.
_VERB_ADVERBS = frozenset("often also still usually always then later instead sometimes frequently".split())


def _past_or_present(word: str) -> bool:
    """A word in "-ed" or "-s" (not a noun's "-ss", "-us", "-is"), as a verb in the past or the present."""
    return len(word) >= 4 and (word.endswith("ed") or word.endswith("s") and not word.endswith(("ss", "us", "is")))
#: Characters of page text read before a passage for its clause's negation.
_CLAUSE_LOOKBACK = 400


def _clause_negation(doc: Document, page: int, start: int) -> tuple[int, int, str] | None:
    """(page, offset, words) of a negation of the clause that the passage starting at ``start`` of
    ``page`` (1-based) starts in, printed before it in its sentence with no new clause between
    (`_CLAUSE_BREAK`; a conjunction right after the negation is in its scope: "not because"). A
    quote starting there leaves out what turns it around: "published SOTA results exist" of "No
    prior published SOTA results exist", "it helps" of "we found no evidence that it helps". A
    sentence broken at the top of a page is read from the end of the page before. None where the
    passage starts a sentence or a clause of its own ("..., but it helps", "...; it helps")."""
    pi = page - 1
    head, places = _reading_before(doc, pi, start)
    if _glued_no_read(head) != head and _piece_counts(doc.stream)[2]:
        head = _glued_no_read(head)          # "w ay to kno w" of "hav eno w ay to kno w"
    after = _unescaped(doc.pages[pi][start:start + 16])
    at = max((m.end() for m in _SENTENCE_BEFORE.finditer(head + after) if m.end() <= len(head)), default=0)
    cut = len(head) - at                      # where the passage starts in `plain`
    # what is bracketed (a citation, an aside) and short asides between commas are read as spaces
    plain = _BRACKETED.sub(lambda m: " " * len(m.group()), head[at:] + after)
    plain = _COMMA_ASIDE.sub(lambda m: " " * len(m.group()), plain)
    negation = None
    for negation in _CLAUSE_NEGATION.finditer(plain, 0, cut):
        pass
    if negation is None:
        return None
    negated_conjunction = False
    for br in _CLAUSE_BREAK.finditer(plain, negation.end()):
        if br.start() >= cut and plain[cut:br.start()].strip():
            break                             # past the passage's first word
        if br.group()[0].isalpha() and not plain[negation.end():br.start()].strip():
            negated_conjunction = True        # "not because ...": the clause it starts is negated
            continue
        return None
    verbs = _shown_as_verbs(doc.stream)
    if not negated_conjunction and (_after_relative_clause(plain, negation, cut, verbs)
                                    or _relative_after_without(plain, negation, cut)
                                    or _after_subject_clause(plain, negation, cut, verbs) is not None):
        return None
    if not negated_conjunction and not _DETERMINER_NEGATION.fullmatch(negation.group()) and \
            not _NOT_A_DETERMINER.match(plain, negation.start()) and not _in_negated_verb(
            plain[negation.end():cut], plain[cut:]):
        return None
    where = at + negation.start()
    held, p, base = [place for place in places if place[0] <= where][-1]
    offset = base + where - held
    return p, offset, doc.pages[p - 1][offset:offset + len(negation.group())]


def _reading_before(doc: Document, pi: int, start: int) -> tuple[str, list[tuple[int, int, int]]]:
    """The text read before offset ``start`` of 0-based page ``pi`` (`_CLAUSE_LOOKBACK` characters, the
    lines of the page before that a sentence broken at the page's top goes on from), as `_unescaped` reads
    it, and where its parts are (offset in it, 1-based page, offset in the page): a footnote, a caption or
    a table or figure with its caption that the extractor printed inside the sentence (`_skipped_aside`) is
    left out, the sentence read on from the text before it. A negation of the aside ("Beltagy et al. do not
    report ..." of a table's note) says nothing of the sentence it interrupts ("for de-" / table /
    "tecting inline citations using ..."); one of the sentence before the aside stays in its reach."""
    parts: list[tuple[int, int, int]] = []       # (1-based page, a, b), the last first
    p, end, budget = pi, start, _CLAUSE_LOOKBACK
    while True:
        lo, hi = doc.content[p]
        first = max(lo, end - budget)
        block = _skipped_aside(doc, p, first, end, goes_on=p == pi or _goes_on_lower(doc, parts, pi, start))
        if block is not None:
            parts.append((p + 1, block[1], end))
            budget -= end - block[1]
            end = block[0]
            continue
        parts.append((p + 1, first, end))
        if first != lo or p == 0 or p != pi:
            break
        read = "\n".join(_unescaped(doc.pages[q - 1][a:b]) for q, a, b in reversed(parts))
        if _SENTENCE_BEFORE.search(read + doc.pages[pi][start:start + 16]):
            break
        p, end, budget = p - 1, doc.content[p - 1][1], _CLAUSE_LOOKBACK     # a sentence broken at the page's top
    head, places = "", []
    for k, (q, a, b) in enumerate(reversed(parts)):
        text = _unescaped(doc.pages[q - 1][a:b])
        if k + 1 < len(parts):
            text = text.rstrip("\n")               # the line break before an aside or a page's end: one
            if not text:
                continue
        if places:
            head += "\n"
        places.append((len(head), q, a))
        head += text
    return head, places


def _goes_on_lower(doc: Document, parts: list[tuple[int, int, int]], pi: int, start: int) -> bool:
    """The text read so far (``parts``, the last first), or the passage at ``start`` of 0-based page ``pi``
    when that is empty, starts with a lower-case letter: a sentence going on."""
    text = next((t for t in (doc.pages[q - 1][a:b].lstrip() for q, a, b in reversed(parts)) if t),
                doc.pages[pi][start:start + 1])
    return text[:1].islower()


_SENTENCE_ENDED = lazy(r"[.!?][\"'”’)\]]*\s*$")


def _skipped_aside(doc: Document, p: int, first: int, end: int, goes_on: bool) -> tuple[int, int] | None:
    """(o, e): offsets of 0-based page ``p`` of the asides the extractor printed inside a sentence right
    before its text goes on at ``e``: footnotes, captions, a table's or a figure's lines with its caption,
    one after the other (`_only_asides`; from the top of the page, a float set there: `_a_float`), the last
    line that is no table's ending a sentence or a URL; ``e`` a line start at or after ``first`` and at or
    before ``end``'s line, where the sentence goes on in lower case (or the page body's end, ``end``, and
    ``goes_on``: the next page's body goes on in lower case); the text before ``o`` ends no sentence. None
    where there is no such aside."""
    lo, hi = doc.content[p]
    page = doc.pages[p]
    offsets = [o for o in doc.aside_offsets(p) if o < end]
    if not offsets:
        return None
    line = page.rfind("\n", lo, end) + 1 if end < hi else hi
    candidates = [m.end() for m in re.finditer("\n", page[:line]) if m.end() > offsets[-1]] if line > lo else []
    if end == hi and goes_on:
        candidates.append(hi)

    def valid(o: int, e: int) -> bool:
        lines = _lines(doc, p, o, e if e < hi else hi)
        while lines and (not lines[-1][1].strip() or is_table_line(lines[-1][1])):
            lines.pop()
        if not lines or not _ASIDE_END.search(lines[-1][1]):
            return False
        return _a_float(doc, p, o, e) if o == lo and p else _only_asides(doc, p, _lines(doc, p, o, e))

    for e in candidates:
        if e < first or e < hi and not page[e:e + 1].islower() or not valid(offsets[-1], e):
            continue
        o = offsets[-1]
        for earlier in reversed(offsets[:-1]):
            if not valid(earlier, e):
                break
            o = earlier
        before = page[lo:o] if o > lo else (doc.pages[p - 1][doc.content[p - 1][0]:doc.content[p - 1][1]] if p else "")
        if not before.strip() or _SENTENCE_ENDED.search(before):
            return None
        return o, e
    return None


def _negation_cut_off(doc: Document, found: QuoteMatch) -> bool:
    """The passage found starts in the scope of a negation of its clause, which the quote
    leaves out: "(No prior) published SOTA results exist" says the opposite of the paper
    (`_clause_negation`). (An elision's gap is held to the same rule.)"""
    first = found.spans[0]
    return _clause_negation(doc, first.page, first.start) is not None


def longer_than_text(doc: Document, quote: str) -> bool:
    """Whether ``quote`` holds more letters and digits, its editorial insertions left out,
    than twice the characters of all of ``doc``'s text, raw or folded: every one of them is
    matched to a character of the text (a ligature's three letters to its one), so it is in
    no passage of it. Matching costs microseconds a character of the quote: a note quoting
    5 MB in one block took 40 s to be found nowhere in a paper of 100 KB. Counted only for a
    quote longer than that (white space between its words is not counted), and only until
    the count passes it."""
    room = 2 * max(len(doc.stream.text), sum(map(len, doc.pages))) + 1_000
    if len(quote) <= room:
        return False
    count = 0
    for at in range(0, len(quote), _COUNTED_AT_ONCE):
        count += len(_NOT_LETTER_OR_DIGIT.sub("", _BRACKET.sub("", quote[at:at + _COUNTED_AT_ONCE])))
        if count > room:
            return True
    return False


_NOT_LETTER_OR_DIGIT = lazy(r"[\W_]+")
#: How much of a quote longer_than_text counts at once (an insertion cut at a piece's end is
#: counted, at most 200 letters a piece: within the room it gives).
_COUNTED_AT_ONCE = 1 << 16


def _find_pattern(doc: Document, pat: _Pattern) -> QuoteMatch | None:
    if not pat.pieces:
        return None
    streams = _streams(doc, pat)
    for s, notes in streams:
        cands = _search(s, pat)
        if not cands:
            continue
        return _as_match(doc, s, pat, cands, notes)
    for s, notes in streams:
        found = _across_asides(doc, s, pat)
        if found is not None and _negations_kept(s, pat, found):
            return _match_from_bounds(doc, s, found, False, notes + [
                "a footnote or caption printed inside the quoted text was skipped"]
                + (["editorial brackets in the quote"] if pat.editorial else []))
    return None


def _streams(doc: Document, pat: _Pattern) -> list[tuple[Stream, list[str]]]:
    streams: list[tuple[Stream, list[str]]] = [(doc.stream, [])]
    if not pat.has_citation and doc.has_markers:
        streams.append((doc.lenient, ["citation or footnote markers of the source "
                                      "left out of the quote"]))
    if not pat.has_citation and doc.uncited is not doc.lenient and \
            not any(AUTHOR_YEAR_RE.search(piece.text) for piece in pat.pieces):
        # "the bibliometrics literature that warrant exploring" of "... literature (Klavans and Boyack, 2006)
        # that warrant exploring"
        streams.append((doc.uncited, ["citations of the source left out of the quote"]))
    elif pat.has_citation and doc.unfooted is not doc.stream:
        streams.append((doc.unfooted, ["footnote markers of the source left out of the quote"]))
    return streams


# --- punctuation-only differences ------------------------------------------------

_PUNCT_CHARS = lazy(r"[.,;:!?'\"()…\-]")


def _thousands(t: str, i: int, gap=None) -> bool:
    """The ',' at ``t[i]`` separates thousands: one to three digits before it, three
    after it, each group ending at a non-digit, another separator or (``gap(j)``
    true: the page separates ``t[j - 1]`` and ``t[j]``) a space ("1,000",
    "1,212,739 1"; never "0,25", "1,2345" nor "1, 000")."""
    if gap is not None and (gap(i) or gap(i + 1)):
        return False
    a = i - 1
    while a > 0 and _is_digit(t[a - 1]) and not (gap is not None and gap(a)):
        a -= 1
    if i - a > 3 or (a > 0 and t[a - 1] == "." and gap is None):
        return False
    b = i + 1
    while b < len(t) and _is_digit(t[b]) and not (gap is not None and b > i + 1 and gap(b)):
        b += 1
    return b - i - 1 == 3


def _punct_mask(t: str, gap=None) -> bytearray:
    """1 for each folded character kept when punctuation is ignored: a '.' or ','
    between two digits (a number) but a thousands separator ("1,000" is "1000"; ``gap``
    tells where page text separates two characters, see `_thousands`), every '-' that
    folding kept (a sign, a range, "GPT-3"), the '!' of a folded '≠' ("!="), every letter and
    digit; 0 for other punctuation."""
    mask = bytearray(b"\x01") * len(t)
    for m in _PUNCT_CHARS.finditer(t):
        i = m.start()
        c = t[i]
        prev = t[i - 1] if i else ""
        nxt = t[i + 1] if i + 1 < len(t) else ""
        if c in ".,":
            keep = _is_digit(prev) and _is_digit(nxt) and not (c == "," and _thousands(t, i, gap)) or \
                c == "." and _is_digit(nxt) and not prev.isalnum() and (gap is None or not gap(i + 1))
            # a point opening a number, glued to its digits: ".95" is not "95"
        elif c == "-":
            keep = True     # what folding kept of a dash is a sign, a range or "GPT-3"
        elif c == "!" and nxt == "=":
            keep = True     # "≠" folds to "!=": another relation than "=", never punctuation
        else:
            keep = False
        if not keep:
            mask[i] = 0
    return mask


def _without_punctuation(doc: Document, s: Stream) -> tuple[Stream, list[int]]:
    """``s`` with punctuation left out, and for each of its characters the index in ``s``."""
    cache = doc.__dict__.setdefault("_unpunctuated", {})
    if id(s) not in cache:
        from array import array
        from itertools import compress

        mask = _punct_mask(s.text, s.gap)
        keep = list(compress(range(len(mask)), mask))
        stream = Stream("".join(compress(s.text, mask)), array("l", compress(s.origin, mask)),
                        array("i", compress(s.page_of, mask)), s.pages)
        cache[id(s)] = (stream, keep)
    return cache[id(s)]


_TOKEN = lazy(r"[^\W_]+|[^\w\s]")
_LINE_BREAK_HYPHEN = lazy(r"(?<=[^\W\d_])[-\u2010][ \t]*\n[ \t]*(?=[^\W\d_])")


def _punctuation_differences(quote: str, passage: str) -> list[str]:
    """Each punctuation difference between the writer's quote and the paper's passage."""
    import unicodedata
    from difflib import SequenceMatcher

    def tokens(x: str) -> list[str]:
        # what folding drops (soft hyphens, spacing accents) and a hyphen breaking a word
        # at a line end ("em-\nbeddings") differ from nothing a writer typed
        x = "".join(c for c in _LINE_BREAK_HYPHEN.sub("", x) if c.isspace() or fold_char(c))
        # a spacing accent ("´", "¨") stays as printed, kept from NFKC in a private-use character: NFKC
        # makes it a space and a combining mark, which a person reading "the paper has '́'" cannot see
        kept = {c: chr(0xE000 + k) for k, c in enumerate(sorted({c for c in x if not c.isspace() and
                                                                   unicodedata.normalize("NFKC", c)[:1] == " "}))}
        back = {v: k for k, v in kept.items()}
        out = [back.get(t, t) for t in _TOKEN.findall(unicodedata.normalize(
            "NFKC", "".join(kept.get(c, c) for c in x)).casefold())]
        a, b = 0, len(out)
        while a < b and not out[a][0].isalnum():
            a += 1
        while b > a and not out[b - 1][0].isalnum():
            b -= 1
        return out[a:b]     # punctuation at the edges of a quote is ignored anyway

    def same(t: str) -> str:
        return t if t[0].isalnum() else fold_char(t) or t    # '“' is '"'

    q, p = tokens(quote), tokens(passage)
    out = []
    matcher = SequenceMatcher(None, [same(t) for t in q], [same(t) for t in p], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        qp = [t for t in q[i1:i2] if not t[0].isalnum()]
        pp = [t for t in p[j1:j2] if not t[0].isalnum()]
        if [same(t) for t in qp] == [same(t) for t in pp]:
            continue
        paper = " ".join(pp) or "nothing"
        written = " ".join(qp) or "nothing"
        out.append(f"the paper has {paper!r} where the quote has {written!r}".replace("'nothing'", "nothing"))
    return out


#: Primes, which folding makes quote marks but which mark a variable in a formula.
_PRIMES = "\u2032\u2033\u2034\u2057"


def _punctuation_only(doc: Document, s: Stream, pat: _Pattern, quote: str,
                      notes: list[str]) -> QuoteMatch | None:
    """The quote found once punctuation is ignored on both sides (never a word, a
    number, a sign or a negation): method "punctuation", each difference named."""
    bare, index = _without_punctuation(doc, s)
    pieces = []
    glued: list[tuple[int, ...]] = []     # per piece, where two of its digits stand side by side
    for piece in pat.pieces:
        mask = _punct_mask(piece.text)
        newpos = [0] * (len(piece.text) + 1)
        n = 0
        for i, k in enumerate(mask):
            newpos[i] = n
            n += k
        newpos[len(piece.text)] = n
        text = "".join(c for c, k in zip(piece.text, mask) if k)
        if not text:
            return None
        parted = _digits_parted(piece.text, mask)
        pieces.append(_Piece(text, piece.max_gap, piece.check_start, piece.check_end, piece.fragment,
                             piece.first_of_fragment, piece.last_of_fragment, None,
                             tuple(sorted({newpos[d] for d in piece.splits if 0 < newpos[d] < len(text)} |
                                          {newpos[d] for d in parted})),
                             (), tuple(sorted({newpos[d] for d in piece.joins if 0 < newpos[d] < len(text)}))))
        glued.append(tuple(newpos[d] for d in range(1, len(piece.text)) if mask[d] and mask[d - 1]
                           and _is_digit(piece.text[d - 1]) and _is_digit(piece.text[d])))
    bare_pat = _Pattern(pieces, pat.has_citation, pat.editorial, pat.fragments, pat.ends_sentence, pat.negations,
                        pat.words, pat.no_between)
    cands = [c for c in _search(bare, bare_pat)
             if not any(_punctuation_parts(s.text, index, a + d) for (a, _), ds in zip(c.bounds, glued) for d in ds)]
    if not cands:
        return None
    best = min(cands, key=lambda c: (c.bounds[-1][1] - c.bounds[0][0], c.bounds[0][0]))
    if s is doc.stream and doc.footnote_marks and _punctuation_at_marks(doc, pat, best, index):
        return None
    bounds = [(index[a], index[b - 1] + 1) for a, b in best.bounds]
    passage = s.original(bounds[0][0], bounds[-1][1], sep=" ")
    diffs = _punctuation_differences(quote, passage)
    if not diffs:
        if not _LINE_BREAK_HYPHEN.search(passage) and "\u00ad" not in passage:
            return None     # no mark differs: the letters split into other words ("models’" of "model’s")
        diffs = ["hyphens or dashes differ where the paper's text breaks a line"]
    if any(c in d for d in diffs for c in _PRIMES):
        return None         # a prime names another variable ("t′" is not "t", "fm′" not "fm"): no punctuation
    return _match_from_bounds(doc, s, bounds, False, list(notes) + ["punctuation only: " + d for d in diffs],
                              method="punctuation")


def _digits_parted(t: str, mask: bytearray) -> list[int]:
    """Where punctuation ignored (``mask``) stands between two digits of folded ``t`` other than a thousands
    separator: two numbers ("(1)(2)", "⑴⑵"), which the page must print apart too, never as "(12)" or "⑿"."""
    out = []
    prev = -1
    for i, k in enumerate(mask):
        if not k:
            continue
        if prev >= 0 and i - prev > 1 and _is_digit(t[prev]) and _is_digit(t[i]) and t[prev + 1:i].strip(",") != "":
            out.append(i)
        prev = i
    return out


def _punctuation_parts(text: str, index: list[int], i: int) -> bool:
    """Punctuation of the stream ``text`` left out between the digits at ``i-1`` and ``i`` of the stream without
    punctuation parts two numbers ("(1)(2)" or "⑴⑵" where the quote has "(12)"), a thousands separator not."""
    if i <= 0 or i >= len(index):
        return False
    between = text[index[i - 1] + 1:index[i]]
    return between.strip(",") != ""


def _punctuation_at_marks(doc: Document, pat: _Pattern, cand: _Candidate, index: list[int]) -> bool:
    """The quote, found as ``cand`` in the stream without punctuation (``index``: each of its characters' index
    in ``doc.stream``), copies a footnote marker of the page with other punctuation than the page's right before
    it or right after it: the marker then reads as a number's digits or a word's ("5e-5.4. Following" of a
    learning rate of "5e-5.4 Following", its footnote 4 on the page; "SPECTER2 incorporates" of "SPECTER,2
    incorporates", a name of another model)."""
    marks = doc.footnote_marks
    text = doc.stream.text
    for piece, (a, b) in zip(pat.pieces, cand.bounds):
        first = bisect.bisect_left(marks, (index[a], 0))
        last = bisect.bisect_left(marks, (index[b - 1] + 1, 0))
        if first == last:
            continue
        kept = [i for i, k in enumerate(_punct_mask(piece.text)) if k]
        for mi, mj in marks[first:last]:
            for q in (bisect.bisect_left(index, mi, a, b) - a, bisect.bisect_left(index, mj, a, b) - a):
                if 0 < q < b - a and piece.text[kept[q - 1] + 1:kept[q]] != text[index[a + q - 1] + 1:index[a + q]]:
                    return True
    return False


#: Folded characters each part of a quote split by an aside must have (about two words).
_MIN_PART = 12
#: Lines of asides (footnotes) at a page's foot read at most, before a short part going on on the next page.
_ASIDE_MAX_LINES = 12
# A line of body text: five lower-case words or more (a heading, "4.1 Cost of training", has fewer).
_BODY_LINE = lazy(r"(?:[^\n]*?(?<![\w-])[a-z][a-z'’-]*[a-z](?![\w-])){5}")
# A footnote's first line after a caption: its number or its symbol, then its text (or alone on its line, PDFium's).
_FOOTNOTE_START = lazy(r"[ \t]*(?:\d{1,2}[ \t]?(?=[A-Z]|https?:|www\.)|\d{1,2}[ \t]*$|[*∗†‡§¶])")
#: Lines of body text a float set at a page's top may print in its image before its caption, at most.
_FLOAT_BODY_LINES = 2
#: Lines at a page's top above its body (a proceedings' page number, a running head kept) a sentence goes on past.
_HEAD_LINES = 2
#: Lines of a footnote printed after a float's caption, at most.
_FOOTNOTE_LINES = 3


def _lines(doc: Document, page: int, a: int, b: int) -> list[tuple[int, str]]:
    """(offset, text) of each line of text ``a:b`` of 0-based ``page``."""
    text = doc.pages[page]
    out = []
    while a < b:
        end = text.find("\n", a, b)
        end = b if end < 0 else end
        out.append((a, text[a:end]))
        a = end + 1
    return out


def _a_float(doc: Document, page: int, a: int, b: int) -> bool:
    """Text ``a:b`` of 0-based ``page``, from the top of its body, is a float set there: a figure's lines
    (whatever its image prints, a paragraph too) or a table's (cells, a line or two of heads), then asides
    only (`_only_asides`): never a paragraph of body text before a table's caption."""
    lines = _lines(doc, page, a, b)
    captions = [k for k, (o, _) in enumerate(lines) if doc.caption_label(page, o) is not None]
    if not captions:
        return False
    first = captions[0]
    if doc.caption_label(page, lines[first][0])[0] == "table" and _FLOAT_BODY_LINES < sum(
            1 for _, line in lines[:first] if _BODY_LINE.match(line) and not is_table_line(line)):
        return False                    # a table prints cells: a paragraph before its caption is the page's
    return _only_asides(doc, page, lines[first:])


def _only_asides(doc: Document, page: int, lines: list[tuple[int, str]]) -> bool:
    """``lines`` of 0-based ``page`` are asides a quote may skip: captions (a sentence or several), a table's
    or a figure's lines, footnotes, headings; never a line of body text after what ends a caption or a
    footnote ("Table 3 lists CO2 emissions ..." after "Table 3: Estimated cost ... (USD)." / "7 Power and
    carbon footprint are omitted ..." / "4 Experimental results"): a quote skipping those is two passages
    spliced, not one sentence an aside interrupts."""
    k = 0
    while k < len(lines):
        line = lines[k][1]
        caption = doc.table_starts(page).get(lines[k][0])
        if caption is not None and caption > lines[k][0] and any(o == caption for o, _ in lines[k:]):
            while lines[k][0] < caption:
                k += 1                  # a table's lines before its caption, its cells prose or not: all of them
            continue
        if doc.caption_label(page, lines[k][0]) is not None:
            k += 1
            while k < len(lines) and _BODY_LINE.match(lines[k][1]) and not is_table_line(lines[k][1]) \
                    and not _FOOTNOTE_START.match(lines[k][1]) and doc.caption_label(page, lines[k][0]) is None:
                k += 1                  # the caption's own lines, a sentence or several
            continue
        if _SECTION_HEADING.fullmatch(line) and k + 1 < len(lines) and _PARAGRAPH_START.match(lines[k + 1][1]):
            k += 1                      # "1 Introduction" and its paragraph: a heading, never a footnote run on
            continue
        reach = _ASIDE_MAX_LINES if k == 0 else _FOOTNOTE_LINES
        end = next((j for j in range(k, min(len(lines), k + reach)) if _ASIDE_END.search(lines[j][1])),
                   None) if k == 0 or _FOOTNOTE_START.match(line) or lines[k][0] in doc.numbered_notes(page) else None
        if end is not None:
            k = end                     # a footnote, to its end ("4 Experimental results" is a heading)
        elif _BODY_LINE.match(line) and not is_table_line(line):
            return False
        k += 1
    return True


_ASIDE_END = lazy(r"(?:[.!?][)\"”’]?|https?://\S+|www\.\S+)\s*$")
# A numbered section's heading ("1 Introduction", "4.2 Related Work", "3 Data and Methods"): its number, a capitalised
# word, a few more, no punctuation ending it; the line after it opens a paragraph (`_PARAGRAPH_START`). Read as a
# footnote's first line, it ran on over the section's body text to the first line ending a sentence.
_SECTION_HEADING = lazy(r"[ \t]*\d{1,2}(?:\.\d{1,2}){0,3}\.?[ \t]+[A-Z][\w’'-]*(?:[ \t]+[\w’'&-]+){0,7}[ \t]*")
_PARAGRAPH_START = lazy(r"[ \t]*[A-Z][a-z]+(?:[ \t]+[a-z]+){3}")


def _across_asides(doc: Document, s: Stream, pat: _Pattern) -> list[tuple[int, int]] | None:
    """Stream bounds of the quote's pieces, in order, each found whole or in two or three
    parts across asides (`_piece_across_asides`), at least one of them so: an elided quote
    ("... the first part ... the second part") one of whose parts runs across a footnote
    printed inside its sentence, or a quote with an editorial insertion ("[the authors] use
    ..."). Each piece is placed as `_search` places it (its edges, the gap after the one
    before, no negation the elision skips in its sentence, the rules of an insertion:
    `_edits_fit`), the first placement found: words left out of the body text never match."""
    bounds: list[tuple[int, int]] = []
    crossed = False
    lo, hi = 0, None
    text = s.text
    for k, piece in enumerate(pat.pieces):
        last = k + 1 == len(pat.pieces)
        placed = None
        n = len(piece.text)
        pos = text.find(piece.text, lo, len(text) if hi is None else min(len(text), hi + n)) \
            if len(pat.pieces) > 1 else -1
        while pos >= 0 and placed is None:
            if (not piece.check_start or _start_ok(s, pos)) and (not piece.check_end or _end_ok(s, pos + n)) \
                    and all(_split_at(s, pos + d) for d in piece.splits) \
                    and not any(_apart_at(s, pos + d) for d in piece.joins) \
                    and not (last and pat.ends_sentence and _ends_otherwise(s, pos + n)) \
                    and not (k and piece.first_of_fragment and _elision_hides_negation(s, lo, pos)) \
                    and not (k and piece.first_of_fragment and _elision_fuses_sentences(s, lo, pos)) \
                    and _edits_fit(s, k, piece, lo, pos, pos + n) \
                    and not (k and (piece.first_of_fragment or piece.before) and _elision_hides_range_bound(s, lo, pos)) \
                    and not (k and piece.first_of_fragment and _elision_hides_qualifier(s, lo, pos)) \
                    and not (k == 0 and piece.check_start and not piece.before and _qualified_start(s, pos)):
                placed = [(pos, pos + n)]
            else:
                pos = text.find(piece.text, pos + 1, len(text) if hi is None else min(len(text), hi + n))
        if placed is None:
            placed = _piece_across_asides(doc, s, pat, piece, lo, hi, last)
            if placed is None or k and piece.first_of_fragment and _elision_hides_negation(s, lo, placed[0][0]) \
                    or k and piece.first_of_fragment and _elision_fuses_sentences(s, lo, placed[0][0]) \
                    or not _edits_fit(s, k, piece, lo, placed[0][0], placed[-1][1]) \
                    or k and (piece.first_of_fragment or piece.before) \
                    and _elision_hides_range_bound(s, lo, placed[0][0]) \
                    or k and piece.first_of_fragment and _elision_hides_qualifier(s, lo, placed[0][0]) \
                    or k == 0 and piece.check_start and not piece.before and _qualified_start(s, placed[0][0]):
                return None
            crossed = True
        if k and not piece.first_of_fragment:
            # after an editorial insertion: one passage with the words it stands for
            bounds[-1], placed = (bounds[-1][0], placed[0][1]), placed[1:]
        bounds += placed
        lo = bounds[-1][1]
        hi = lo + pat.pieces[k + 1].max_gap if not last else None
    return bounds if crossed else None


def _cut_in_clause(s: Stream, a: int) -> bool:
    """The text before stream ``a`` (the page's end, a float at the next page's top after it) stops inside a
    clause: its last character a lower-case letter or a comma ("In our evaluation, we used" / figure /
    "Specter as one of our baselines"). The sentence goes on after the float, with a name as with any word."""
    if a <= 0:
        return False
    last = s.pages[s.page_of[a - 1]][s.origin[a - 1]]
    return last.islower() or last == ","


_WORD_AT = lazy(r"[^\W\d_][\w'’-]*")
#: Words that open sentences, never names, however rarely a short text prints them in lower case.
_SENTENCE_OPENERS = frozenset("""a an the this that these those it its they their there then here he she we our us i you
in on at of for from by with to as if when while since because after before although though however thus hence
and but or nor so yet also finally first second third moreover furthermore further all each every both no not
some many most other such one two three what which who how where why figure fig table section see""".split())


def _a_name_at(s: Stream, b: int) -> bool:
    """The word starting at stream ``b`` is a name: capitalised, and printed nowhere in the paper in lower case
    ("Specter", "PaperQuest") and none of the words that open sentences (`_SENTENCE_OPENERS`): never "It contrasts ...",
    a caption's next sentence on its own line, where a float's end is not where the sentence goes on."""
    page = s.pages[s.page_of[b]]
    m = _WORD_AT.match(page, s.origin[b])
    if m is None or not m.group()[0].isupper():
        return False
    low = m.group().lower()
    if low == m.group() or low in _SENTENCE_OPENERS:
        return False
    word = re.compile(r"(?<![\w'’-])" + re.escape(low) + r"(?![\w'’-])")
    return not any(word.search(text) for text in s.pages)


def _piece_across_asides(doc: Document, s: Stream, pat: _Pattern, piece: _Piece, lo: int, hi: int | None,
                         last: bool) -> list[tuple[int, int]] | None:
    """Stream bounds of one piece of the quote, starting between stream ``lo`` and ``hi`` (None:
    anywhere after ``lo``), found in two or three parts, each gap being a footnote or caption
    that the extractor printed inside the sentence (it starts a line with a footnote number, a
    symbol, "Figure N:" or "Table N:", and ends a sentence or a URL, or its page), and each
    later part starting a line: a column or page break the quote crosses. Words left out of
    the body text never match: only whole asides are skipped. ``last``: the quote's last
    piece, which ends its sentence where the quote does."""
    text = piece.text
    starts = doc.aside_starts(s)
    if not starts or not piece.cuts:
        return None

    def line_start(i: int) -> bool:
        return i <= 0 or "\n" in s.gap(i)

    def aside_ends(a: int, b: int) -> bool:
        """The text skipped between stream ``a`` and ``b`` is a whole aside: it ends a
        sentence (or a URL), or runs to the end of its page; a table's or a figure's
        lines printed after its caption are part of it. Skipped from the top of a page,
        it is a float set there: it holds a caption, and the quote goes on after it with
        the rest of a sentence (in lower case) or a new one."""
        if s.page_of[a] != s.page_of[b]:
            return across_page(a, b)
        skipped = s.original(a, b)
        after = s.pages[s.page_of[b]][s.origin[b]]
        if doc.page_top(s, a) and not (doc.caption_in(s, a, b) and (
                s.text[a - 1:a] in (".", "!", "?") or after.islower() or s.text[b].isdigit()
                or after.isupper() and _cut_in_clause(s, a) and _a_name_at(s, b)) and _a_float(
                doc, s.page_of[a], s.origin[a], s.origin[b])):
            return False    # a sentence broken at the page's end goes on in lower case (or with a name)
        if not doc.page_top(s, a) and not _only_asides(doc, s.page_of[a], _lines(doc, s.page_of[a], s.origin[a],
                                                                                 s.origin[b])):
            return False    # body text after the aside: two passages spliced
        if _ASIDE_END.search(skipped):
            return True
        lines = skipped.split("\n")
        while len(lines) > 1 and is_table_line(lines[-1]):
            lines.pop()
        return len(lines) < skipped.count("\n") + 1 and _ASIDE_END.search("\n".join(lines)) is not None

    def across_page(a: int, b: int) -> bool:
        """The text skipped between stream ``a`` and ``b``, on two pages, is the aside ending the first (its
        footnotes) and what stands before the next page's body goes on at ``b``: nothing, a line or two above its
        body (`_HEAD_LINES`), or a float set at its top, the line before ``b`` ending the float (its caption's
        sentence, a table's row). Never body text of the next page: the sentence goes on at its top, not further
        down ("... for ML model" / footnote / "the embodied emissions ..." of the next page's middle, a line of its
        body ending "and observing" before it)."""
        pa, pb = s.page_of[a], s.page_of[b]
        if pb != pa + 1:
            return False
        if doc.page_top(s, b):
            return True
        top = bisect.bisect_left(s.page_of, pb)
        head = _lines(doc, pb, s.origin[top], s.origin[b] - 1)
        if len(head) <= _HEAD_LINES and all(is_table_line(line) for _, line in head):
            return True     # a line or two the page prints above its body ("4972", a proceedings' page number)
        page = s.pages[pb]
        before = page[page.rfind("\n", 0, s.origin[b] - 1) + 1:s.origin[b]].strip()
        if not (_ASIDE_END.search(before) or is_table_line(before)):
            return False    # the line before goes on at ``b``: a sentence of the page's body after the float
        return _a_float(doc, pb, s.origin[top], s.origin[b])

    def ends_in_aside(b0: int, a: int) -> bool:
        """The part at stream ``b0:a`` before the aside at ``a`` ends in asides of its own: an aside starts inside
        it and only asides run from there to ``a`` ("collectively" / "7http://rtw.ml.cmu.edu/rtw/" kept / "8https://
        ..." skipped / "referred to"). Its words are a footnote's or a caption's, the one before the aside skipped,
        spliced into the sentence: the whole run of asides is skipped or none."""
        for x in starts[bisect.bisect_right(starts, b0):bisect.bisect_left(starts, a)]:
            p = s.page_of[x]
            if p == s.page_of[a - 1] and _only_asides(doc, p, _lines(doc, p, s.origin[x], s.origin[a - 1] + 1)):
                return True
        return False

    def splits_ok(pos: int, k0: int, k1: int) -> bool:
        """The writer's spaces inside numbers hold for text[k0:k1] placed at ``pos``."""
        return all(s.gap(pos + d - k0) for d in piece.splits if k0 < d < k1) and \
            not any(_apart_at(s, pos + d - k0) for d in piece.joins if k0 < d < k1)

    def short_goes_on(pos: int) -> bool:
        """A short last part at stream ``pos`` is the sentence going on, not the label of
        the next caption: it starts with a lower-case word or a number ("2017)."), or
        with a caption's label that another line of the paper starts too, the caption
        itself ("in" / caption / "Table 4. On average, ...")."""
        page, offset = s.page_of[pos], s.origin[pos]
        first = s.pages[page][offset]
        if first.islower() or first.isdigit():
            return True
        line = s.pages[page].rfind("\n", 0, offset) + 1
        label = doc.caption_label(page, line)
        return label is not None and doc.caption_count(label) > 1

    def goes_on_in_clause(lo: int, pos: int, end: int) -> bool:
        """A short last part at stream ``pos`` that the quote ends inside its sentence is the clause going on
        after a float set inside the column (a figure's or a table's caption, its lines), not at the page's
        top: it starts the first line after the float in lower case, and the text before the float stops
        inside that clause, no stop, colon or semicolon ending its line ("a higher interest (2" / caption /
        "points);")."""
        if doc.page_top(s, lo) or s.page_of[lo] != s.page_of[pos] or not doc.caption_in(s, lo, pos):
            return False
        if not s.pages[s.page_of[pos]][s.origin[pos]].islower():
            return False
        before = s.pages[s.page_of[lo - 1]][:s.origin[lo - 1] + 1].rstrip()
        return bool(before) and before[-1] not in ".!?:;"

    def broken_word(lo: int, pos: int) -> bool:
        """The aside at stream ``lo`` cuts a word that a line-break hyphen ends before it
        and that goes on in lower case at ``pos`` ("the state-" / footnote / "of-the-art"),
        on the same page or the next ("for de-" ending a page, a table, "tecting inline")."""
        return _hyphen_ends_line(s, lo) and s.pages[s.page_of[pos]][s.origin[pos]].islower()

    def ends_its_page(lo: int, pos: int) -> bool:
        """The aside at stream ``lo`` runs to the end of its page's body, asides only (a footnote, or
        several, each line after one ending a sentence or a URL starting another), and ``pos`` starts
        the next page's body in lower case: the sentence goes on there, however short the part going
        on ("view their" / "20Used to determine ... page dimen-\nsions" / page break / "own papers;")."""
        if not doc.page_top(s, pos) or s.page_of[lo] + 1 != s.page_of[pos] or \
                not s.pages[s.page_of[pos]][s.origin[pos]].islower():
            return False
        page = s.pages[s.page_of[lo]]
        lines = page[s.origin[lo]:s.origin[pos - 1] + 1].split("\n")
        if len(lines) > _ASIDE_MAX_LINES:
            return False
        at = s.origin[lo]
        for prev, line in zip(lines, lines[1:]):
            at += len(prev) + 1
            if line.strip() and _ASIDE_END.search(prev):
                i = bisect.bisect_left(s.origin, at, lo, pos)
                k = bisect.bisect_left(starts, i)
                if k == len(starts) or starts[k] != i:
                    return False    # body text after the aside: a column's, the sentence goes on there
        return True

    def rest_at(lo: int, k: int, depth: int, in_word: bool = False) -> list[tuple[int, int]] | None:
        """Where text[k:] continues at a line start after an aside beginning at ``lo``.
        A last part shorter than _MIN_PART must end a sentence there and go on with a
        lower-case word or a number ("earlier.", "2017)."), or a caption's label printed
        again as the caption elsewhere: never the label of the next caption ("Table 7."
        after a caption). ``in_word``: ``k`` is inside one of the writer's words, which a
        line-break hyphen before the aside breaks: it goes on in lower case."""
        rest = text[k:]
        hi = min(len(s.text), lo + ELISION_MAX_GAP + len(rest))
        short = len(rest) < _MIN_PART
        pos = s.text.find(rest, lo + 1, hi) if len(rest) >= 3 else -1
        while pos >= 0:
            end = pos + len(rest)
            if in_word and not broken_word(lo, pos):
                pos = s.text.find(rest, pos + 1, hi)
                continue
            if line_start(pos) and aside_ends(lo, pos) and (not piece.check_end or _end_ok(s, end)) and \
                    not (last and pat.ends_sentence and _ends_otherwise(s, end)) and splits_ok(pos, k, len(text)) and \
                    not (short and not broken_word(lo, pos) and not ends_its_page(lo, pos) and
                         not goes_on_in_clause(lo, pos, end) and
                         (s.text[end:end + 1] not in (".", "!", "?") or not short_goes_on(pos))):
                return [(pos, end)]
            pos = s.text.find(rest, pos + 1, hi)
        if depth:
            for a in starts[bisect.bisect_right(starts, lo):]:
                if a > hi:
                    break
                for c in piece.cuts:
                    if c <= k:
                        continue
                    part = text[k:c]
                    if len(part) >= _MIN_PART and s.text.startswith(part, a - len(part)) and \
                            a - len(part) > lo and line_start(a - len(part)) and \
                            aside_ends(lo, a - len(part)) and splits_ok(a - len(part), k, c) and \
                            not ends_in_aside(a - len(part), a):
                        more = rest_at(a, c, depth - 1)
                        if more is not None:
                            return [(a - len(part), a)] + more
        return None

    # The first part, of _MIN_PART characters or more, starts where the piece's first
    # _MIN_PART characters are: those few places bound the asides tried.
    cuts = [c for c in piece.cuts if c >= _MIN_PART]
    head = text[:_MIN_PART]
    found, at = set(), s.text.find(head, lo, len(s.text) if hi is None else hi + len(head))
    while at >= 0 and cuts:
        found.add(at)
        at = s.text.find(head, at + 1, len(s.text) if hi is None else hi + len(head))
    if not found:
        return None
    first = bisect.bisect_left(starts, max(lo, min(found)) + _MIN_PART)
    last = bisect.bisect_right(starts, max(found) + len(text))
    for a in starts[first:last]:
        if hi is not None and a > hi + len(text):
            break
        # a word of the writer's that a line-break hyphen breaks right before the aside ("for de-" / a table /
        # "tecting"): cut inside it too, its two letters on either side
        inner = sorted(a - b0 for b0 in found if _MIN_PART <= a - b0 < len(text) and a - b0 not in piece.cuts
                       and text[a - b0 - 1].isalpha() and text[a - b0].isalpha()) \
            if _hyphen_ends_line(s, a) else []
        for c in chain(cuts, inner):
            b0 = a - c
            if b0 not in found or not s.text.startswith(text[:c], b0) or not splits_ok(b0, 0, c):
                continue
            if piece.check_start and not _start_ok(s, b0) or ends_in_aside(b0, a):
                continue
            more = rest_at(a, c, 1, in_word=c not in piece.cuts)
            if more is not None:
                return [(b0, a)] + more
    return None


def _hyphen_ends_line(s: Stream, i: int) -> bool:
    """Stream index ``i`` follows a letter that a line-break hyphen ends its line with ("for de-"
    ending a column or a page, with a footnote, a table or a figure printed before the word goes on)."""
    if i <= 0 or i >= len(s.text) or not s.text[i - 1].isalpha():
        return False
    page = s.pages[s.page_of[i - 1]]
    at = s.origin[i - 1] + 1
    end = page.find("\n", at)
    tail = page[at:len(page) if end < 0 else end].strip()
    return len(tail) == 1 and tail in "-\u2010\u00ad"


def _as_match(doc: Document, s: Stream, pat: _Pattern, cands: list[_Candidate], notes: list[str]):
    scored = []
    for c in cands:
        exact = _is_exact(s, pat, c)
        scored.append((not exact, c.bounds[-1][1] - c.bounds[0][0], c.bounds[0][0], exact, c))
    scored.sort(key=lambda x: x[:3])
    _, _, _, exact, best = scored[0]
    notes = list(notes)
    if pat.editorial:
        notes.append("editorial brackets in the quote")
    return _match_from_bounds(doc, s, [(a, b) for _, a, b in _fragment_bounds(pat, best)], exact, notes)


def _match_from_bounds(doc: Document, s: Stream, bounds: list[tuple[int, int]], exact: bool,
                       notes: list[str], method: str | None = None) -> QuoteMatch:
    spans: list[Span] = []
    crosses = False
    for a, b in bounds:
        frag_spans = s.spans(a, b)
        crosses = crosses or len(frag_spans) > 1
        spans.extend(Span(p, x, y) for p, x, y in frag_spans)
    first, last = spans[0], spans[-1]
    page_text, last_text = doc.pages[first.page - 1], doc.pages[last.page - 1]
    notes = list(notes)
    if crosses:
        notes.append("crosses a page break")
    return QuoteMatch(
        spans=spans,
        method=method or ("exact" if exact else "normalised"),
        page=first.page,
        page_end=last.page,
        prefix=page_text[max(0, first.start - CONTEXT):first.start],
        suffix=last_text[last.end:last.end + CONTEXT],
        notes=notes,
    )


# --- the closest passage ---------------------------------------------------------

_SHINGLE = 6
_MAX_OCCURRENCES = 100
_BUCKET = 16
_MIN_SCORE = 0.5
_STRIP = ".,;:'\"“”‘’()"


def _plain_quote(quote: str) -> str:
    """A quote without elision marks or editorial brackets, for fuzzy alignment and diffs."""
    parts = []
    for frag in split_fragments(quote):
        def repl(m: re.Match[str]) -> str:
            content = m.group(1).strip()
            if CITATION_RE.fullmatch(fold("[" + content + "]").text) or _literal_bracket(content):
                return m.group(0)
            if len(content) == 1 and content.isalpha():
                return content
            return " "
        parts.append(_BRACKET.sub(repl, frag))
    return " ".join(parts)


def _word_key(text: str) -> str:
    """Folded text without edge punctuation (a '.' before a digit stays: ".954")."""
    f = fold(text).text
    a = 0
    while a < len(f) and f[a] in _STRIP and not (f[a] in ".," and f[a + 1:a + 2].isdigit()):
        a += 1
    b = len(f)
    while b > a and f[b - 1] in _STRIP:
        b -= 1
    return f[a:b]


# Digits, whitespace, then digits that are not a thousands group: "75 4.66", "13 20".
_WRITER_SPLIT = lazy(r"\d\s+(?!\d{3}(?![\d.]))\.?\d")


_FOOTNOTE_NUMBER_GLUED = lazy(r"\d{1,2}[^\W\d_]{2,}")


def word_diff(quote: str, passage: str, first_words: bool = False) -> tuple[list[tuple[str, str]], int, int]:
    """Word-level differences (quote side, passage side).

    Words that differ only by spacing, hyphenation or punctuation (pypdf's
    "0 .954" against "0.954") are not differences. Also returns how many
    passage words at the start and the end are unmatched extras, which the
    caller trims off the displayed passage.
    """
    from difflib import SequenceMatcher

    qwords = quote.split()
    pwords = passage.split()
    qidx = [i for i, w in enumerate(qwords) if _word_key(w)]
    pidx = [i for i, w in enumerate(pwords) if _word_key(w)]
    qkeys = [_word_key(qwords[i]) for i in qidx]
    pkeys = [_word_key(pwords[i]) for i in pidx]
    ops = SequenceMatcher(None, qkeys, pkeys, autojunk=False).get_opcodes()
    lead = trail = 0
    if ops and ops[0][0] == "insert":
        lead = ops[0][4]
        ops = ops[1:]
    if ops and ops[-1][0] == "insert":
        trail = len(pkeys) - ops[-1][3]
        ops = ops[:-1]
    if len(ops) > 1 and ops[-1][0] == "replace" and ops[-1][2] == len(qkeys) and ops[-1][4] == len(pkeys):
        # the quote's last words against more of the passage (a table row's next cells,
        # "0.05" against "0.04 1.7 2.2"): as many words of it, the rest trailing extras
        tag, i1, i2, j1, j2 = ops[-1]
        size = len("".join(qkeys[i1:i2]))
        keep = min(range(1, j2 - j1 + 1), key=lambda k: abs(len("".join(pkeys[j1:j1 + k])) - size))
        trail += (j2 - j1) - keep
        ops = ops[:-1] + [(tag, i1, i2, j1, j1 + keep)]
    if first_words and len(ops) > 1 and ops[0][0] == "replace" and ops[0][1] == 0 and ops[0][3] == lead and ops[0][4] - ops[0][3] > \
            ops[0][2] - ops[0][1]:
        # the quote's first words against more of the passage (a caption's label, a footnote's number, the words
        # before: "Median" against "2.907 3.31 Table 2 Mean"): as many words of it as end there, the rest leading
        # extras; only where the quote's own first words are compared (``first_words``), never a fragment's after an
        # ellipsis, whose extras are what it leaves out
        tag, i1, i2, j1, j2 = ops[0]
        size = len("".join(qkeys[i1:i2]))
        keep = min(range(1, j2 - j1 + 1), key=lambda k: (abs(len("".join(pkeys[j2 - k:j2])) - size) > 0 and k > i2 - i1,
                                                        abs(len("".join(pkeys[j2 - k:j2])) - size)))
        if not _negations(" ".join(pwords[pidx[j1]:pidx[j2 - keep]])):    # a negation before is what differs
            lead += (j2 - j1) - keep
            ops = [(tag, i1, i2, j2 - keep, j2)] + ops[1:]
    diffs: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        # with the words between that fold to nothing: a sign standing alone ("5.8e − 3")
        qs_words = qwords[qidx[i1]:qidx[i2 - 1] + 1] if i2 > i1 else []
        ps_words = pwords[pidx[j1]:pidx[j2 - 1] + 1] if j2 > j1 else []
        if _word_key(" ".join(qs_words)) == _word_key(" ".join(ps_words)) and not (
                _WRITER_SPLIT.search(" ".join(qs_words)) and not _WRITER_SPLIT.search(" ".join(ps_words))) \
                and _negations(" ".join(qs_words)) == _negations(" ".join(ps_words)):
            continue      # the same but for spacing, unless the writer split a number or a negation
        if first_words and i1 == 0 and j1 == lead and len(qs_words) == len(ps_words) == 1 and _FOOTNOTE_NUMBER_GLUED.fullmatch(
                _word_key(ps_words[0])) and _word_key(ps_words[0]).lstrip("0123456789") == _word_key(qs_words[0]):
            continue      # a footnote's number glued to its first word, where the passage starts ("9Based" of "Based")
        qs = " ".join(w.strip(".,;:") for w in qs_words if w.strip(".,;:"))
        ps = " ".join(w.strip(".,;:") for w in ps_words if w.strip(".,;:"))
        diffs.append((qs, ps))
    # Translate trimmed key counts back to word counts of the passage.
    lead_words = pidx[lead] if lead < len(pidx) else len(pwords)
    trail_words = len(pwords) - 1 - pidx[len(pidx) - 1 - trail] if trail < len(pidx) else 0
    return diffs, lead_words, trail_words


def _candidate_windows(text: str, q: str) -> list[int]:
    """Likely start offsets of ``q`` in ``text``: votes of shared 6-character shingles."""
    from collections import Counter

    votes: Counter[int] = Counter()
    step = max(1, len(q) // 80)
    # a short quote ("CO2e = 9.54pt") with one changed digit may share no 6-character
    # shingle with its passage: shorter ones then
    size = _SHINGLE if len(q) >= 4 * _SHINGLE else 4
    for qpos in range(0, max(1, len(q) - size + 1), step):
        sh = q[qpos:qpos + size]
        if len(sh) < size and len(q) >= size:
            continue
        hits = []
        pos = text.find(sh)
        while pos >= 0 and len(hits) <= _MAX_OCCURRENCES:
            hits.append(pos)
            pos = text.find(sh, pos + 1)
        if len(hits) > _MAX_OCCURRENCES:
            continue  # too common to say anything
        for h in hits:
            votes[(h - qpos) // _BUCKET] += 1
    merged: Counter[int] = Counter()
    for b, v in votes.items():
        merged[b] += v
        merged[b + 1] += v
    return [b * _BUCKET for b, _ in merged.most_common(4)]


def _word_bounds(page: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and not page[start - 1].isspace():
        start -= 1
    while end < len(page) and not page[end].isspace():
        end += 1
    return start, end


#: A quote longer than this is aligned by its ends (see `_align`).
_LONG_QUOTE = 1500
_PROBE = 300


def _align(fuzz, q: str, window: str) -> tuple[float, int, int] | None:
    """(score 0-100, start, end) of the part of `window` that best aligns with `q`.
    rapidfuzz's partial alignment slides the whole quote along the window: its cost grows
    with the cube of a long quote's length (9,000 characters took minutes). A long quote
    is placed by its first and last `_PROBE` characters instead, and scored whole against
    what lies between them."""
    if len(q) <= _LONG_QUOTE:
        al = fuzz.partial_ratio_alignment(q, window)
        return None if al is None else (al.score, al.dest_start, al.dest_end)
    head = fuzz.partial_ratio_alignment(q[:_PROBE], window)
    tail = fuzz.partial_ratio_alignment(q[-_PROBE:], window)
    if head is None:
        return None
    start = head.dest_start
    end = tail.dest_end if tail is not None and tail.dest_end > start else min(len(window), start + len(q))
    return fuzz.ratio(q, window[start:end]), start, end


def _refused_insertion_miss(doc: Document, quote: str) -> NearMiss | None:
    """For a quote found but for editorial insertions that say what the paper does not
    ("[less]", "[only]", "[all]"): the passage, each such insertion against what the paper
    prints there."""
    if not _has_editorial_brackets(quote):
        return None
    pat = _compile(quote)
    if not pat.pieces:
        return None
    for s, _notes in _streams(doc, pat):
        cands = _search(s, pat, check_insertions=False)
        for cand in cands[:8]:
            diffs = _refused_insertions(s, pat, cand)
            if not diffs:
                continue
            spans = [Span(p, x, y) for a, b in cand.bounds for p, x, y in s.spans(a, b)]
            merged: list[Span] = []
            for sp in spans:
                if merged and merged[-1].page == sp.page and sp.start - merged[-1].end <= 2 * EDITORIAL_MAX_GAP:
                    merged[-1].end = sp.end
                else:
                    merged.append(sp)
            vocabulary = Vocabulary(doc.pages)
            passage = " ... ".join(" ".join(unbroken(doc.pages[sp.page - 1][sp.start:sp.end], vocabulary).split())
                                   for sp in merged)
            return NearMiss(page=merged[0].page, page_end=merged[-1].page, passage=readable(passage),
                            differences=[(q, readable(p)) for q, p in diffs], score=1.0, spans=merged,
                            brackets_refused=True)
    return None


def _unbroken_words(doc: Document, words: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
    """A passage's words (page, start, end, text) with a word a line-end hyphen broke made
    one, as the paper writes it elsewhere ("environmen-" "tal": "environmental"), for the
    person reading the passage (`kb.text.display.unbroken`)."""
    vocabulary = None
    out: list[tuple[int, int, int, str]] = []
    for w in words:
        if out and out[-1][3][-1:] in ("-", "\u2010") and out[-1][0] == w[0] \
                and "\n" in doc.pages[w[0] - 1][out[-1][2]:w[1]]:
            vocabulary = vocabulary or Vocabulary(doc.pages)
            joined = unbroken(f"{out[-1][3]}\n{w[3]}", vocabulary)
            if "\n" not in joined:
                out[-1] = (w[0], out[-1][1], w[2], joined)
                continue
        out.append(w)
    return out


def _case_only(differences: list[tuple[str, str]], read: list[tuple[str, str]]) -> bool:
    return all(not q or not s or q.lower() == s.lower() for q, s in differences)


def _fold_only(differences: list[tuple[str, str]], read: list[tuple[str, str]]) -> bool:
    return all(not q or not s or fold(q) == fold(s) for q, s in differences)


def _marks_only(differences: list[tuple[str, str]], read: list[tuple[str, str]]) -> bool:
    return all(any(q in t and s in p for t, p in read) for q, s in differences)


def _always(quote: str) -> bool:
    return True


@dataclass(frozen=True)
class _Unfolded:
    """A difference matching's folds erase that makes another word or figure, read again on the page's own text
    once a quote is found: `find_quote` refuses a quote `contradictions` finds any of, and `closest_passage` names
    them in place of its word diff where that diff `explains` nothing else."""
    wanted: Callable[[str], bool]                   # whether the quote may hold one (a cheap look)
    contradictions: Callable[[Document, list[Span], str], list[tuple[str, str]]]
    explains: Callable[[list[tuple[str, str]], list[tuple[str, str]]], bool]


#: In order: a Greek letter's case ("σ" of "Σ"), a unit's or a word's own case ("5 MW" of "5 mW"), a prime's count
#: or a fraction glued to a whole number ("2'" of "2″", "11/2" of "1½"), a letter the page raises or lowers ("2n" of
#: "2ⁿ"), the numero's period ("no 5" of "No. 5").
_UNFOLDED = (
    _Unfolded(lambda quote: _GREEK_LETTER.search(quote) is not None, _greek_case_contradictions, _case_only),
    _Unfolded(_always, _case_contradictions, _case_only),
    _Unfolded(lambda quote: _PRIME_OR_FRACTION.search(quote) is not None, _prime_fraction_contradictions,
              _marks_only),
    _Unfolded(_always, _letter_scripts_flattened, _fold_only),
    _Unfolded(lambda quote: _NO_BEFORE_NUMBER.search(quote) is not None, _numero_contradictions, _fold_only),
)


def closest_passage(doc: Document, quote: str, *, _first: bool = True) -> NearMiss | None:
    """The passage of ``doc`` that best aligns with ``quote``, with a word diff.

    For an elided quote, the first fragment that cannot be found on its own
    is the one explained. Returns None when nothing in the paper resembles the
    quote (similarity under 0.5).
    """
    if "$" in quote or "\\" in quote:
        quote = _tex_read(quote)    # "$i_k$" read as find_quote reads it: never named as a difference of "ik"
    near = _closest_passage(doc, quote, _first)
    if near is not None and near.spans and _ANY_SCRIPT.search(quote) is not None:
        scripts = _script_contradictions(doc, near.spans, _scripts_as_printed(quote))
        if scripts and all(not q or not s or q.translate(_TO_FLAT) == s.translate(_TO_FLAT)
                           or _LETTER_SCRIPT.search(q) is not None for q, s in near.differences):
            near.differences = scripts  # "40 m₂" of "40 m²": the script is what differs, never "(nothing) -> 2"
    for reading in _UNFOLDED if near is not None and near.spans else ():
        if reading.wanted(quote):
            read = reading.contradictions(doc, near.spans, quote)
            if read and reading.explains(near.differences, read):
                near.differences = read     # "5 MW" of "5 mW": the unit's case is what differs, another unit
    if near is not None and len(near.differences) > 1:
        _glued_footnotes_unnamed(doc, near)
    if near is not None and not near.differences and near.spans and _EDGE_BRACKET.search(quote):
        _edge_bracket_differences(doc, near, quote)
    return near


# A footnote's number a page glues after a word, past its punctuation ("papers,10", "resources.15", "filter14").
_GLUED_FOOTNOTE = lazy(r"^(.*[^\W\d_])[.,;:]?(\d{1,2})$")


def _glued_footnotes_unnamed(doc: Document, near: NearMiss) -> None:
    """``near``'s differences without those that are only a footnote's number the page glues after the quote's word
    where a line of that page or the next starts that footnote ("papers -> papers,10" with "10http://..."), where
    another difference remains: that one is why the quote is refused, as the marks alone would not be."""
    pages = "\n".join(doc.pages[near.page - 1:near.page + 1])
    kept = []
    for ours, theirs in near.differences:
        m = _GLUED_FOOTNOTE.match(theirs) if ours and theirs else None
        if m is not None and ours.rstrip(".,;:") == m.group(1) and \
                re.search(r"(?m)^[ \t]*" + m.group(2) + r"[ \t]*[^\W\d_]", pages):
            continue
        kept.append((ours, theirs))
    if kept and len(kept) < len(near.differences):
        near.differences = kept


# A bracket a quote ends with ("... fine-tuning [Rajani et al., 2019, Cobbe et al., 2021]", "(Strubell et al., 2019)."),
# and the one a page prints right after a passage.
_EDGE_BRACKET = lazy(r"[\[(]([^\[\]()]{1,300})[\])][.,;:]?\s*$")
_BRACKET_AFTER = lazy(r"\s*[\[(]([^\[\]()]{1,300})[\])]")


def _edge_bracket_differences(doc: Document, near: NearMiss, quote: str) -> None:
    """Where no word of the passage differs but the quote ends with a bracket the alignment read past (a citation
    bracket it drops as a writer's), the words of that bracket that differ from the one the page prints right after
    the passage ("2023 -> 2022" of "[..., Zelikman et al., 2023]"), set on ``near``."""
    last = near.spans[-1]
    page = doc.pages[last.page - 1]
    printed = _BRACKET_AFTER.match(page, last.end, min(len(page), last.end + 400))
    if printed is None:
        return
    diffs, _, _ = word_diff(_EDGE_BRACKET.search(quote).group(1), printed.group(1))
    diffs = [d for d in map(_without_same_numbers, diffs) if d[0] or d[1]]
    if diffs:
        near.differences = [(readable(q), readable(p)) for q, p in diffs]
        near.passage = near.passage + " " + readable(" ".join(printed.group().split()))


def _closest_passage(doc: Document, quote: str, first: bool = True) -> NearMiss | None:
    """closest_passage, but for what a bracket the quote ends with changes (``first``: the quote's first words are
    the writer's, never a fragment's after an ellipsis)."""
    if longer_than_text(doc, quote):
        return None
    refused = _refused_insertion_miss(doc, quote)
    if refused is not None:
        return refused
    frags = split_fragments(quote)
    if len(frags) > 1:
        for i, f in enumerate(frags):
            if find_quote(doc, f) is None:
                near = closest_passage(doc, f, _first=i == 0)
                if near is not None and not near.negation_left_out and (
                        not near.differences or all(not q for q, _ in near.differences)):
                    # the fragment's words are the page's, refused for what the ellipsis after or before it
                    # leaves out ("our model does … require" of "does not require"): the whole quote names it
                    whole = _closest_plain(doc, quote)
                    inserted = whole is not None and whole.differences and all(not q for q, _ in whole.differences)
                    if inserted or (whole is not None and whole.differences and not near.differences):
                        whole.elided = bool(inserted)
                        return whole
                    # the page's words right where the ellipsis stands, before this fragment or after it
                    added = [p for _, p in near.differences]
                    near.elided = len(added) == 1 and ((i > 0 and near.passage.startswith(added[0])) or (
                        i < len(frags) - 1 and near.passage.rstrip(".,;:").endswith(added[0])))
                return near
        whole = _closest_plain(doc, quote)
        # each fragment is the page's: what the ellipsis leaves out is why ("they … employed" of "they are rarely
        # employed")
        if whole is not None and whole.differences and all(not q for q, _ in whole.differences):
            whole.elided = True
        return whole
    return _closest_plain(doc, quote, first)


_NUMBER_RUN = lazy(r"\d+(?:[.,]\d+)*")


def _numbers_differ(quote: str, passage: str) -> list[tuple[str, str]]:
    """The first of the quote's numbers the passage prints otherwise, where no word differs but for spacing and
    punctuation ("6.0%" of "60%", "1454.5" of the table row's "1 454.5"): [(quoted, printed)], or []."""
    from difflib import SequenceMatcher

    def key(m: re.Match[str]) -> str:       # a whole number with or without thousands commas is one number
        return m.group().replace(",", "") if _GROUPED_NUMBER.fullmatch(m.group()) else m.group()

    qs, ps = list(_NUMBER_RUN.finditer(quote)), list(_NUMBER_RUN.finditer(passage))
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, [key(m) for m in qs], [key(m) for m in ps],
                                               autojunk=False).get_opcodes():
        if tag != "equal":
            q = quote[qs[i1].start():qs[i2 - 1].end()] if i2 > i1 else ""
            p = passage[ps[j1].start():ps[j2 - 1].end()] if j2 > j1 else ""
            return [(q, p)]
    return []


_GROUPED_NUMBER = lazy(r"\d{4,}|\d{1,3}(?:,\d{3})+")


def _without_same_numbers(diff: tuple[str, str]) -> tuple[str, str]:
    """A word difference without the whole numbers it types with or without the page's thousands commas, word for
    word ("10000 modules -> 10,000 models": "modules -> models")."""
    qs, ps = diff[0].split(), diff[1].split()
    if not any(_same_whole_number(q, p) for q in qs for p in ps):
        return diff
    while qs and ps and _same_whole_number(qs[-1], ps[-1]):      # "10000 -> more than 10,000": "(nothing) -> more than"
        qs, ps = qs[:-1], ps[:-1]
    while qs and ps and _same_whole_number(qs[0], ps[0]):
        qs, ps = qs[1:], ps[1:]
    if len(qs) == len(ps):
        kept = [(q, p) for q, p in zip(qs, ps) if not _same_whole_number(q, p)]
        qs, ps = [q for q, _ in kept], [p for _, p in kept]
    return " ".join(qs), " ".join(ps)


def _same_whole_number(quoted: str, printed: str) -> bool:
    """Whether a word difference is one whole number, typed with or without thousands commas ("10000", "10,000")."""
    q, p = quoted.strip(".;:()"), printed.strip(".;:()")
    return q != p and _GROUPED_NUMBER.fullmatch(q) is not None and _GROUPED_NUMBER.fullmatch(p) is not None \
        and q.replace(",", "") == p.replace(",", "")


_CASE_LETTER = lazy(r"\[([^\W\d_])\]")     # a writer's "[T]he", "[w]e": the letter


def _closest_plain(doc: Document, quote: str, first: bool = True) -> NearMiss | None:
    """closest_passage of the quote as one text, its elisions and editorial brackets dropped, or its brackets kept as
    the page's own where that aligns better ("CLL [Chronic Myeloid Leukemia]" of the page's "CLL [Chronic Lymphocytic
    Leukemia]": "Myeloid -> Lymphocytic", not the words before it)."""
    near = _closest_aligned(doc, _plain_quote(quote), first)
    if _BRACKET.search(quote):
        kept = _closest_aligned(doc, " ".join(_CASE_LETTER.sub(r"\1", f) for f in split_fragments(quote)), first)
        if kept is not None and (near is None or kept.score > near.score):
            return kept
    return near


def _unmatched_words(diffs: list[tuple[str, str]]) -> int:
    """How many of the quote's words a word diff leaves unmatched."""
    return sum(len(q.split()) for q, _ in diffs)


#: Characters of a page's foot asides the passage found may start inside of, after their first line's start.
_FOOT_ASIDE_REACH = 400
#: Characters of page text read per word the quote has, before the asides and after them.
_WORD_REACH = 16


def _without_foot_asides(doc: Document, s: Stream, words: list[tuple[int, int, int, str]],
                         n: int) -> list[tuple[int, int, int, str]] | None:
    """The passage's ``words`` with the asides that end the page before a page break it crosses (footnotes, a
    preprint's line) left out and the ``n`` words of body text before them put back, as a reader of the PDF reads
    the sentence; None where no page's foot holds only asides."""
    reach = n * _WORD_REACH
    for j in chain(range(1, len(words)), (len(words),)):
        if j < len(words) and words[j][0] == words[j - 1][0]:
            continue
        p = words[j - 1][0] - 1
        if j == len(words) and p + 1 >= len(doc.pages):
            return None
        lo, hi = doc.content[p]
        a = bisect.bisect_left(s.page_of, p)
        b = bisect.bisect_right(s.page_of, p, a)
        starts = doc.aside_starts(s)
        first = next(w[1] for w in words if w[0] == p + 1) - _FOOT_ASIDE_REACH   # asides the passage may start in
        for i in starts[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]:
            x = s.origin[i]
            if x < first or x > words[j - 1][1] or not _only_asides(doc, p, _lines(doc, p, x, hi)):
                continue
            page = doc.pages[p]
            at = max(lo, x - reach)
            before = [(p + 1, m.start() + at, m.end() + at, m.group()) for m in re.finditer(r"\S+", page[at:x])]
            before = before[1:] if at > lo and not page[at - 1].isspace() else before    # a word cut by the slice
            if not before:
                return None
            if j < len(words):
                after = words[j:]
            else:               # the passage ends in the page's foot: the sentence goes on at the next page's top
                top, end = doc.content[p + 1]
                after = [(p + 2, m.start() + top, m.end() + top, m.group())
                         for m in re.finditer(r"\S+", doc.pages[p + 1][top:min(end, top + reach)])]
            return _unbroken_words(doc, before[-n:] + after[:n] if j == len(words) else before[-n:] + after)
        return None
    return None


def _closest_aligned(doc: Document, plain: str, first: bool = True) -> NearMiss | None:
    """The passage of ``doc`` that best aligns with the text ``plain``, with a word diff."""
    from rapidfuzz import fuzz

    q = fold(plain).text
    if len(q) < 3:
        return None
    s = doc.stream
    text = s.text
    best: tuple[float, int, int] | None = None
    for start in _candidate_windows(text, q):
        lo = max(0, start - len(q) // 4 - _BUCKET)
        hi = min(len(text), start + len(q) + len(q) // 4 + 2 * _BUCKET)
        al = _align(fuzz, q, text[lo:hi])
        if al is None:
            continue
        # Widen the aligned window a little: the alignment may start past a
        # word the quote dropped; the word diff trims what is not needed.
        slack = max(8, len(q) // 8)
        cand = (al[0], max(0, lo + al[1] - slack), min(len(text), lo + al[2] + slack))
        if best is None or cand[0] > best[0]:
            best = cand
    if best is None or best[0] / 100 < _MIN_SCORE or best[2] <= best[1]:
        return None
    score, a, b = best
    # Whole words of the original text behind the aligned window, with positions.
    words: list[tuple[int, int, int, str]] = []
    for p, x, y in s.spans(a, b):
        page = doc.pages[p - 1]
        lo, hi = doc.content[p - 1]
        x, y = _word_bounds(page, x, y)
        x, y = max(x, lo), min(y, hi)
        words.extend((p, m.start() + x, m.end() + x, m.group())
                     for m in re.finditer(r"\S+", page[x:y]))
    if not words:
        return None
    words = _unbroken_words(doc, words)
    diffs, lead, trail = word_diff(plain, " ".join(w[3] for w in words), first_words=first)
    if diffs and (words[0][0] != words[-1][0] or words[-1][0] < len(doc.pages)):
        # the passage crosses a page break its page's footnotes stand before: aligned without them, so a refusal
        # names only the words that differ, never the footnotes against the quote's words before them
        body = _without_foot_asides(doc, s, words, len(plain.split()))
        if body is not None:
            other, o_lead, o_trail = word_diff(plain, " ".join(w[3] for w in body), first_words=first)
            if _unmatched_words(other) < _unmatched_words(diffs):   # never where the quote is a footnote's own
                words, diffs, lead, trail = body, other, o_lead, o_trail
    if lead + trail < len(words):
        words = words[lead:len(words) - trail]
    # a whole number typed with or without the page's thousands commas is the page's (find_quote): no difference
    diffs = [d for d in map(_without_same_numbers, diffs) if d[0] or d[1]]
    negated = False
    if not diffs:
        # the passage itself, in the scope of its clause's negation (_negation_cut_off): the
        # words from the negation on are what the quote leaves out ("differs: (nothing) -> No prior")
        p, x, _, _ = words[0]
        # "whether or not" asks: its "not" turns nothing around (the question is named below)
        cut = None if (_cut_off_by(doc, p, x) or ("",))[0] == "question" else _clause_negation(doc, p, x)
        if cut is not None:
            left: list[tuple[int, int, int, str]] = []
            for page in range(cut[0], p + 1):
                a = cut[1] if page == cut[0] else doc.content[page - 1][0]
                b = x if page == p else doc.content[page - 1][1]
                left += [(page, m.start() + a, m.end() + a, m.group())
                         for m in re.finditer(r"\S+", doc.pages[page - 1][a:b])]
            words[:0] = left
            diffs = [("", " ".join(w[3] for w in left))]
            negated = True
    spans: list[Span] = []
    for p, x, y, _ in words:
        if spans and spans[-1].page == p:
            spans[-1].end = y
        else:
            spans.append(Span(p, x, y))
    around = ("", "")
    cut_by = ("", "")
    if not diffs:
        diffs = _numbers_differ(plain, " ".join(w[3] for w in words))
    if not diffs:
        # no word differs: the page's words right around the quote may be why (a negation after it, "if" before it)
        first, last = words[0], words[-1]
        lo = doc.content[first[0] - 1][0]
        hi = doc.content[last[0] - 1][1]
        before = re.findall(r"\S+", doc.pages[first[0] - 1][max(lo, first[1] - 40):first[1]])[-2:]
        after = re.findall(r"\S+", doc.pages[last[0] - 1][last[2]:min(hi, last[2] + 40)])[:2]
        around = (readable(" ".join(before)), readable(" ".join(after)))
        cut_by = _cut_off_by(doc, first[0], first[1]) or cut_by
    return NearMiss(page=spans[0].page, page_end=spans[-1].page,
                    passage=readable(" ".join(w[3] for w in words)),
                    differences=[(readable(q), readable(p)) for q, p in diffs], score=round(score / 100, 4),
                    spans=spans, negation_left_out=negated, around=around, cut_by=cut_by,
                    ends_sentence=plain.rstrip().endswith((".", "!", "?")))
