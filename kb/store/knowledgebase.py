"""An open knowledge base: its paths, its index, its writer lock, its HTTP client."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sqlite3
import threading
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from kb.atomic import Identity, clean_stale_tmp, file_lock, make_folder, read_input, shown, write_text
from kb.errors import FileFormatError, KBError, UsageError, shell_word
from kb.lazyimport import lazy_import
from kb.quantities import units
from kb.store import db as dbmod
from kb.store import paths, stale
from kb.store.claimsfile import SECTIONS, decode_toml, load_toml
from kb.store.fts import SEARCH_FOLDING
from kb.store.sqlite import Database, connect, is_current, path_too_long, read_only, transaction

# What a command that only reads an index in step with its files never uses: loaded
# when a file changed, or the command writes, downloads or extracts (kb.lazyimport).
index = lazy_import("kb.store.index")
cache = lazy_import("kb.store.cache")
net = lazy_import("kb.sources.net")
pdf = lazy_import("kb.sources.pdf")

#: How kb reads a claim's value against its quote (kb.quantities.quoted.claim_doubt, the units
#: of kb.quantities.units): bumped when its verdicts change, so an index made by an older kb
#: decides again, once, whether each claim stands (`KB.reread_claims`), without waiting for its
#: file to change or `kb rebuild`. 2: table headers' units, ranges' scales, model sizes, counts
#: of things by their noun. 3: what a count of hardware counts ("12 GPU nodes": nodes), a rate's
#: counted noun ("per run"), data rates, labels' ranges, a row's last cell before the next row's label.
#: 5: rates per a quantity ("5 L per 100 km") or of a substance ("0.2 kWh of electricity per hour"), a
#: count's noun after a bound's words, shares in words, a bare number dropping its quote's unit.
#: 7: values per a quantity ("5 L/100 km", "$0.50/1M tokens"), FLOPS with a prefix a rate, a number in
#: parentheses after a name and a citation's year, powers of ten printed apart, a per in words ("each day").
#: 8: an uncertainty ("± 0.1", "(SD 0.4)", "95% CI") is no figure, a change in words has its sign ("fell by
#: 5%"), a range's first number no figure without its scale ("2" of "$2-3 million"), a claim's bare FLOPS a rate,
#: a thousands group past a line break one number ("1,\n287 MWh"), a scale after money ("£3.5m", "$4.6 M"),
#: money of a currency kb has no unit for ("¥300 million") no bare number nor dollars, a per in words before a
#: number ("5 kWh for every 1,000 queries") a rate, thousands groups an apostrophe separates one number ("1'234").
#: 9: a signed value ("+5%") a change the quote gives in its direction, never a level ("from 5% to 2%"); an
#: uncertainty in parentheses after its figure ("81.2 (0.4)") no figure, nor a footnote's marker glued to a
#: figure ("5.2%3"), nor the second number of "5%-10%" a negative one; a list broken after an item at a line's
#: end ("128, 256,\n512") a list; a table's cell in its own column's unit when the header names one for each; a
#: sample's size ("n = 24") a count. 10: a claim is read against the passage of the paper's text its quote is
#: found in where kb holds it ("593 kWh" of "103, 593 kWh" typed for "103,593 kWh" does not stand, "1,287 MWh" of
#: "1, 287 MWh" typed for "1,\n287 MWh" does; a quote not in the text does not); a number printed bare holds no
#: claim's unit the quote (or its table's header on the page) never states ("84 kWh" of "P100x8 1515.43 84 201 192");
#: a power of ten printed flat ("4.6 × 1013") one number; no logarithmic unit ("Oct" read as octaves) a plain number;
#: "fifteen hundred", "two dozen" one number; the quote's number in a unit a few percent off ("100 GB" of "100 GiB")
#: no figure; a bare number drops bytes ("16" of "16 GB").
#: Also 10: a quote holding a bidi override or isolate or a control character
#: (kb.text.typed.unshowable) backs no claim: it shows other words than were matched.
#: 11: a quote is read otherwise (kb.text.match): an ellipsis beside a stop before a lower-case word or a
#: citation's bracket leaves out no negation of its sentence ("Pruning the model ... reduce" of "Pruning the model
#: [8] does not [9] reduce"); an apostrophe's look-alikes ("don´t", "donʼt") hold a negation; a quote may start
#: after an idiom that negates nothing ("nothing but") or at the verb after a relative clause holding a negation;
#: quotes inside quotes in the other marks, Greek names with a superscript, footnotes in lower case, a footnote's
#: marker before a dash and a running header of the page's number and authors are read as the page shows them.
#: The quotes of a claims file without claims are decided again too.
#: Also 11: a footnote's or citation's marker between a figure and its unit passed over ("11.49⁵ kWh"), a whole
#: number's superscript its power ("2³²"); a share in words a change's size ("fell by a quarter": "-25%"),
#: "halved" and "doubled" changes; "N points" percentage points only in a sentence printing percentages; a
#: quote writing its thousands with dots ("1.287,5") reads "2.300" as 2,300, and "1'287,5" is 1,287.5; a unit
#: raised to minus one a rate's per ("kg CO2e kWh⁻¹"); a year after a dating word no count ("in 2019 we used
#: 512 GPUs"), nor a bare number a count of a noun another number owns ("stage 3 used 8 GPUs"); "adding up to"
#: no bound; the press's "2.5m tonnes" millions; a value of a part of what the quote types as one number,
#: which the paper parts ("49 kWh" of "11.49" typed for the page's "11.\n49"), no number of the quote.
#: 12: TeX's spacing accents in a paper TeX set so ("Ku´s", "Mitrovic´") are accents; a bracketed letter, pronoun or
#: cited work substituting a name ("[B]", "[her]", "[Cohan et al. (2020)]"); the sentence's own verb in "-ed"/"-s"
#: after a negated relative clause; pypdf's glued table cells of one format; a footnote's link after its glued
#: number; a negation after pypdf's "/#28"; LaTeX indices ("x_1") and Markdown list markers ("* ") typed for what
#: the paper prints; a value kb reads no number of ("0x10 kWh", "1.2.3 kWh") stands nowhere, whatever its status; a
#: fraction's sign is the change's ("-1/4" of "fell by a quarter"); an uncertainty in words ("an uncertainty of
#: 12%", "a 12% margin of error") no figure; an interval after a figure ("3.6 (3.1–4.2) kWh") gives them the unit
#: after it, and its bounds are no figures alone ("84.3" of "(95% CI 78.1, 84.3)" was read as a name's number);
#: "more than halved" bounds a factor from above ("more than 0.5x" of it was verified); a per of runs is no per of
#: queries ("25 kWh" --per run of "25 kWh per query" was verified); a value kb check reads no figure of ("SD 0.4",
#: "95% CI 78.1-84.3", "81.2 (0.4)") stands nowhere.
#: 13: a rate's per after a verb ("25 kWh were used per query") is the rate's ("25 kWh" alone was verified); a claim
#: of neither status nor quote is unverified, never "marked verified"; each claim's number, value and unit are read
#: again from its value ("1.2 × 10^3 kWh" an older kb listed as 1.2); a glued table row's cells typed apart, a
#: figure's interval in another unit, a fold naming a rise ("a 3-fold increase": "+200%") and "shortened by" read.
#: 14: a relative clause after "without" and a definite noun phrase ("without this feature | who scrolled") is out of
#: its scope; an ellipsis leaving out a negated relative clause before the sentence's own verb ("models that ...
#: perform worse", "the users who ... improved.") keeps the sentence's meaning; a line a bullet starts is a sentence
#: of its own; a quote ending with an auxiliary the page negates right after ("those that do" of "do not") refused;
#: a case-changed letter beside the paper's own brackets ("[B]ut ... the [CLS] token"); an author-year citation in
#: brackets left out as a marker is ("literature (Klavans and Boyack, 2006) that": "literature that"); the sentence's
#: own verb after a negated clause its subject's noun opens ("The view that machines cannot ... | is due").
#:     also: words beside a rate's verb ("25 kWh were used in total per run", "overall", "on average") and more verbs leave
#: it the rate's, per that noun ("--per query" of it refused); a bound of an interval printed in the figure's unit
#: after it ("3.1 kWh" of "3.6 kWh (3.1–4.2 kWh)") no figure; a claim of no quote (or a blank one) is unverified,
#: "no quote", whatever it is marked, for every command.
#: 15: a plural's bare verb the paper shows as a verb elsewhere, after a negated relative clause ("intervals that ...
#: indicate significant correlation"), is the sentence's own; some citation markers kept and others left out; the
#: paper's bracketed letters beside a case change ("[B]oth ... a [l]class"); a marker after a name's number ("OpenIE
#: 4,8 we"); an insertion for a word split at kerns, and kerned negations; "Sepsis-3" of a line-end "Sepsis-\n3".
#: 15 also: a per naming a yardstick ("5 kg CO2e per flight") is a rate's, per that noun only (per "run" of it was verified);
#: a scale after a figure's bracketed interval is its ("$3.6" of "$3.6 ($3.1–$4.2) million" was verified).
#: 16: a negation a page glues to the word before it ("we donot want", kerned "w edonot", "w en ev er") or splits at
#: its apostrophe ("don 't") is in what an insertion or an ellipsis leaves out ("[we] want" of it refused); the
#: paper's own labels before a capitalised word left out ("[T]he case was assigned to Judge" of "to [j]Judge"); a
#: bare verb after a negated verb with no object ("runs that ... explain why" of "did not converge explain why").
#: 16 also: a claim's per is its figure's in the quote, never another figure's ("5 kg CO2e" per flight of "5 kg CO2e
#: ... one flight per year", "8 GPUs" per rack of "8 GPUs per node" were verified).
#: 17: a "no" a page split at its kerns glues to the word before it ("hav eno w ay") is in what an insertion or an
#: ellipsis leaves out, or before a quote's start ("[we] … way to know" of it refused; "we have no way" of it
#: verified); letters in brackets glued to a word or a number that make another ("on[ly]", "most[ly]", "2019[s]",
#: "tCO2[e]") are refused; a quote's edge leaving out a number's percent sign, currency, comparison or tolerance
#: ("sum to 100" of "sum to 100%", "3.6 million" of "$3.6 million", "5% of runs" of "<5% of runs") is refused.
#: 17 also: a count per things is a rate, never a total nor per other things ("8 GPUs" of "8 GPUs per node", "eight
#: accelerators on every server", "each node has 8 GPUs"; "25 kWh" of "25 kWh in each run"; "8 GPUs" per rack of
#: "8 GPUs in each node" were verified; so was "200 pages" of "two hundred pages of text per case").
#: 18: a quote or claim whose paper's key now names another work in references.bib than its text was filed as
#: (keys swapped, or given to another work, by hand) stands unverified (kb.ops.quotes.another_work).
#: 18 also: an approximation sign before a number ("~", "∼", "≈") is kept: a quote leaving it out ("150 million" or "the
#: 150 million" of "the ~150 million", "$5" of "∼$5") is refused; another tilde typed for it ("~150" of "∼150")
#: verifies. A quote leaving out a number's spaced minus sign ("0.43" of "= − 0.43", "22" of "3.3e− 22"), its leading
#: point ("95CI" of ".95CI"), its exponent ("p = 3.3e" of "p = 3.3e−22") or a gain's plus sign ("3.55 F1" of "+3.55
#: F1"), or starting or ending at a product's factor ("16 GPUs" or "on 8" of "on 8 × 16 GPUs") is refused. A quote
#: starting or ending at an em dash that ends a line verifies ("the generation should only be invoked" of
#: "explicit—\nthe generation"; it was read as a word's hyphenation).
#: 18 also: a bare number is a count's number of a count per things only with that per ("8" of "8 GPUs per node",
#: "each node has 8 GPUs", "64 nodes with 8 GPUs each" was verified); "for each of the runs" is per run, what each of
#: the things named before holds per one of them ("80 characters" of "50 lines each with room for 80 characters",
#: "8 GPUs" of "64 nodes with 8 GPUs each" per node),
#: a count's noun of two words before its per too ("87 token edits per paragraph"): none of them a total.
#: 19: an ellipsis or an editorial insertion never leaves out a range's first bound and its "to"/"and"/dash before
#: the second it keeps ("for ... two weeks" of "for one to two weeks" was verified). 19 also: a unit spelled out that
#: the page's reading counts as a noun keeps its per ("3 L" per query of "3 litres of water per query" was refused).
#: 19 also: a count that "each" distributes over things named before it and a verb is per one of them ("8 GPUs" of "the
#: servers each have 8 GPUs": per server), or per each of things kb cannot name ("they each have 8 GPUs"): no total.
#: 20: a footnote marker after a number's exponent may be left out ("5e-5." of "5e-5.4 Following"), and an ellipsis
#: may leave out the first of two counts of different things ("with … 5 folds" of "with 3 seeds and 5 folds").
#: 20 also: a unit of volume, length, mass or time spelled out or abbreviated is that unit on the page, as "kWh" is ("3 mL
#: of water": 3 ml, was nothing; "3 litres per query": 3 l/query, was 3 item per query); 20 also: the M of a share
#: "N in M things" is no count of M things ("5 patients" of "1 in 5 patients": refused, was verified); and "each" as
#: the subject distributes a count ("8 GPUs" of "Each has 8 GPUs": per each, refused as a total, was verified), and
#: "each" and a verb an amount ("5 kWh" of "they each used 5 kWh": per each, refused as a total, was verified).
#: 21: other punctuation than the page's beside a footnote marker a quote copies is refused ("5e-5.4. Following" of
#: "5e-5.4 Following", footnote 4 on the page, and "SPECTER2 in" of "SPECTER,2 in" were verified); a mathematical
#: operator between two tokens is kept ("x N(0, 1)" of "x ∼ N(0, 1)" was verified; "x ~ N(0, 1)" and "x~N(0, 1)"
#: verify; a tilde glued to a letter stays an accent); a sentence broken by footnotes at a page's foot goes on at the
#: next page's top however short the part going on ("view their own papers" was refused); a quote in an arXiv
#: abstract's TeX is read as printed ("10\%", "$\sim$150", "F$_1$" were refused).
#: 21 also: a unit pint knows spelled out as a noun is that unit with its per ("3 barrels per day": 3 bbl/day, was 3 item/day
#: and refused; "5 hours" per hour of "5 widgets per hour" was verified); 21 also: "each" after an amount that adds up or
#: a count, "each of them", "each of the X" and "each X <verb>" distribute it ("5 kWh" of "the runs used 5 kWh each",
#: "8 GPUs" of "Each of them has 8 GPUs", "5 kWh" of "they each used 5 kWh" stored: refused as a total, were verified);
#: 21 also: "N in M things" holds the share N/M and no count of N things ("20%" of "1 in 5 patients" was refused, "1
#: patient" verified), "N of the M things" its share too ("16.7%" of "2 of the 12 runs"); "5 in 10 minutes" is no share;
#: a bare "s" or "m" the sentence makes a unit is read as the page reads it ("5 s" of "within 5 s"); "each" opening a
#: clause ("100 sheets each containing 50 lines") makes no per ("100 sheets" was refused as per "containing").
#: 22: an ellipsis never leaves out what bounds or hedges the words kept after it ("trained for ... 1 day" of "for a
#: maximum of 1 day", "... doubled" of "more than doubled", "... 8%" of "up to 8%" were verified), nor does a quote
#: start at a number the page bounds or hedges ("0.05 kWh" of "around 0.05 kWh" was verified); "90 percent" of "90%"
#: and "70%" of "70 per cent" verify (were refused).
#: 22 also: per-thing "each <verb>" figures, hedged bounds, table years, shared range scales, standards' numbers.
#: 23: a rate a heading or a header names ("Energy (kWh) per 1,000 queries: 2.9", "Energy per query (Wh)") holds no total;
#: two cells under two columns ("GPT 480 987") are no spaced thousands; "halved" holds "-50%", no bare "50%";
#: "CO2eq emitted (kg)" names one column.
#: 24: a minus sign U+2212 before a letter or a bar is a sign, never a dash ("e|t−t′|/l" of "e−|t−t′|/l" was verified);
#: a prime left out is no punctuation ("fm(t′)" of "fm′(t′)" was verified as punctuation only).
#: 25: refused, were verified: "≠" for "=" (as punctuation only); an apostrophe moved ("models’" of "model’s"); an
#: ellipsis over "lack of", a comparative or superlative, or a qualifier before a quotation mark; a bracket ending a
#: quote ("are [the US]"), naming an unprinted name ("[American]"), a part ("[The other models]") or a sign ("[~]95");
#: a quote starting after "if"; two passages spliced across a float or an aside (strubell2019 p.3-4, p.4).
#: 26: a negated relation is not its positive ("x ∈ S" of "x ∉ S", "A ⊂ B" of "A ⊄ B" were verified: the overlay
#: U+0338 was dropped as a diacritic).
#: 27: a row's label or a header's adverb names its cells' per ("per day 36", "Daily energy (kWh)": 36 kWh a day, no total);
#: "1.4T tokens" is 1.4 trillion; "Energy (kWh) for 1,000 queries" per 1,000 queries; "Model Queries Energy (kWh)": no kWh;
#: a header's units in brackets are its columns' ("Energy [kWh] CO2eq [kg] / x 1056 534.4": 534.4 kWh was verified); a
#: cell before the next row's label takes its header's unit ("Share (%) Coal 23 Oil 0.20": 23%, was no unit).
#: 28: an arrow is no comparison ("a > b" of "a → b", "A ≤ B" of "A ⇐ B" were verified), a raised power no digits
#: ("106" of "10⁶" was verified; "10^{-6}" of "10−6" now verifies), a range's first bound may carry its unit ("~5X–10X"
#: of "∼5X-10X" now verifies; "5X 10X" of "5X–10X" was verified); an ellipsis over a hedge ("if any", "arguably", "may",
#: "slight") or an alternative ("outperforms … the baseline" of "outperforms (or performs similarly to) the baseline");
#: a name in brackets for a pronoun that is not its referent ("[Google] reported" of "Microsoft ..., and it reported"),
#: or for "we" that the head lists as no author; an ellipsis over a qualifier hyphenated at a line's end or split at kerns.
#: 28 also: a claim's per the quote (or the page's text before it) never says in any words is refused ("1,080 kWh" per day of
#: "used 1,080 kWh" was verified); "per diem", "per annum", "per capita" are per day, year, person; a row's one number
#: after a name's ("Energy (kWh) BERT 23 GPT 900 41": 23 kWh, was no figure) and before a row labelled in lower case
#: ("Share (%) base 23 large 41": 23%) is its cell; a percentage in words is one ("twenty-three percent": 23%);
#: "half as much", "a third as many", "twice as much" are changes of their sign ("-67%" of "a third as many").
#: 29: a claim whose per only the page before its quote says is no-text where kb holds no text of it (was in doubt).
#: 30: two numbers the page prints apart typed as one are refused ("1454.5" of the row "1 454.5", "31.724.0" of
#: "31.7 24.0", "1,212,7391" of "1,212,739 1" were verified).
#: 30 also: a per's noun says a per only heading its phrase ("each image took"), never naming what another is of ("an image
#: generation model", "a day-long run"); "twenty three", "one and a half" are one number; "and by 100%" after a rise
#: is a rise; "0.76" of a level "76%" holds.
#: 31: a table's cell under a column its header names with no unit is no figure in the unit ("5 kWh" of "Model Energy
#: (kWh) Runs / BERT 23 5" was verified); a possessive is no per ("0.012 kWh" per phone of "a phone's battery" was verified);
#: "1.5 times as much" is a rise of 50% ("+50%" was refused); "N times more" stays no change, now saying why.
#: 31 also: "<<" and ">>" are the relations "≪" and "≫" a writer types, never "<" or ">" (a quote's "a << b" of "a ≪ b"
#: was refused, and so was "a ≪ b" of a page's "a << b"). 31 also: a symbol's power printed raised is never its digit or
#: index typed flat or lowered ("x2", "x₂", "σ2", "x-1" of "x²", "σ²", "x⁻¹" were verified); "x^2" and a unit's "km2" are.
#: 31 also: a small number (two to ten) typed in words where the page prints digits, or the reverse, is the same number
#: ("five training triples" of "5 training triples" was refused); never another ("fifty" or "50" of "5").
#: 32: "each" after "N X of Y" is per X ("50 lines" per paper of "100 sheets of paper each containing 50 lines" was
#: verified); a number a verb follows is no count of it ("3 runs" of "Then 3 runs the job" was verified); a power of
#: ten printed flat is no figure ("1010 binary digits" of "from 1010 to 1015 binary digits" was verified); a negated
#: comparison is the other bound ("at least 70%" of "will not have more than 70 per cent" was verified); a count with a
#: per counts its own noun's things ("550 pages" per second of "550 links per second" was verified).
#: 32 also: a quote mixing a small number's word and digit forms reads each as printed ("3 percent in 2 runs" of "three
#: percent in 2 runs" was refused); a unit's inverse power typed flat keeps its sign ("s-1" of "0.5 s⁻¹" was refused,
#: "s1" verified); a footnote's marker printed raised after a word may be left out ("use" of "use²" was refused), a
#: name's number printed twice on a page is no marker ("Llama" of "Llama2 ... Llama2" was verified); a quote keeping some
#: author-year citations and leaving out others, or typing "et al" without its stop beside an ellipsis, verifies; math
#: typed in dollars is read as TeX without a command too ("$P^Q$", "$d$" were refused); a sign raised alone is kept
#: ("P" of "P⁻" was verified, "P^-" of "P−" refused).
#: 33: a count before "that" or "which" opening its relative clause is a count ("3 runs" of "Then 3 runs that we made
#: failed" was refused as a verb's subject); "each" after a plural kb knows no singular of is per that noun ("50 records"
#: per file of "100 files each containing 50 records" was refused).
#: 33 also: a journal's volume a colon joins to its issue or pages is no ratio ("25x" of "volume 25:1-14" was verified), nor
#: a product or an equation's coefficient a factor ("2x" of "2 × 8 GPUs", of "8x A100", of "y = 2x + 1" was verified),
#: nor an exponent printed apart from its "e" a figure ("16" of "p < 2.2e − 16" was verified); "for each X" after
#: another figure is its per ("14 questions" per paper of "14 questions, 7 for each paper" was verified).
#: 34: a verb after "each" names no per ("2 days" per TPU of "512 TPUs each ran for 2 days" was refused); "each with"
#: after a plural kb reads as no count is per it ("40 games" per round of "12 rounds each with 40 games" was refused,
#: "50 records" per file of "100 rounds each with 50 records" verified); a page's number on a quote's first line and a
#: draft's line numbers in a quote are no figures ("4977 items" of "4977\nS2ORC consists of ..." was verified); a
#: pronoun after a number names nothing it counts ("5–7 papers" of "selected 5–7 they thought" was verified).
#: 35: a number that is a term of an equation with a letter is no figure ("11" of "2x − 40x − 11 = 0" was verified);
#: a page's number a quote types with a space for its line break is no figure ("4977 items" of "4977 S2ORC ..." was verified).
#: 36: a range whose scale stands after its second figure only is scaled whole ("5-6 million USD", "$5-6M", "700-800k
#: lbs": 5 … 6.5 million, was 5 dollars … 6.5 million, and a check resting on it or stating it passed every figure between).
#: 36 also: a digit a quote raises after a symbol is never one the page prints glued to it ("x²", "CO²", "s⁻¹" of "x2", "CO2",
#: "first s-1" were verified); only one the extractor set apart, off the line ("χ²₄" of "𝜒 2 4"). 36 also: a name's number
#: is a footnote's marker only where that footnote names the name ("Llama" of "Llama2" with "2See the appendix" was verified);
#: a footnote printed inside a body sentence is out of the body's negation ("We use the cld2 tool" of "no associated PDF
#: and\n14We use the cld2 tool" was refused).
#: 36 also: an equation's term is no figure with a word after it either ("11 items" of "x^2 + 3x = 11 items" was verified);
#: a signed percentage is one ("-20" of "was -20%" was verified), and "fell -20%" a fall of 20% ("20%" was refused);
#: a percentage "for each X" is no rate per X ("30%/model" of "30 % for each model" was verified); "$15" is in USD
#: ("$15/hr" of it was verified); nor are flat powers, cross-validation folds, a range's first number under a bound
#: ("105 kg" of "104 and 105 kilograms", "5x" of "5-fold cross-validation", "up to 100x" of "up to 100-1000X").
#: 37: an elided or bracketed quote's whole number typed with or without the page's thousands commas is the page's ("more
#: than 10000 kWh" of "[…] more than 10,000 kWh", "2,880" of a row's "2880" were refused).
#: 37 also: a range's two ends are one range of its quote, never two figures of different things ("5-10%" of "up to 5% of
#: runs, and 10% of users" was verified).
#: 38: a footnote's number a quote raises after punctuation is no symbol's power ("et al.¹²", "work,¹²" of "al.12",
#: "work,12" were refused since 36).
#: 39: a range whose unit is written at both ends ("10 kWh–14 kWh", "10 kWh to 14 kWh") is read as "10–14 kWh"
#: (was an unknown unit 'kWh–14 kWh').
#: 40: joined by a hyphen too ("10 kWh-14 kWh" was an unknown unit 'kWh-14 kWh'), and a unit holding a digit or a sign
#: ("10 kg CO2e–14 kg CO2e", "10 °C–14 °C"); two units at its ends ("10 MWh-14 kWh") are said as two units.
#: 40 also: a claim's range keeps each end to its last printed digit, as kb check reads a stated range ("600-700 tCO2e" is
#: 599.5 … 700.5, was 550 … 750); a factor claimed the other way from its quote is refused ("6,833x more" of "6,833
#: times less"); a per the page says before a quote holds its count ("query" of "per 1,000 queries" refused).
#: 40 also: a number's power a quote raises ("10⁶") is the page's flat "106" only where the page shows it is a power (a "×"
#: before it, a minus sign, another "× 10" power); a footnote's mark after a unit's formula ("tCO2e5") may be left out.
#: 40 also: a string of a claims file over 20,000 characters (a quote, a claim's quote or value) is the file's
#: error, never matched (a 10 MB quote took minutes to verify).
#: 41: a length's power printed flat after a number ("5,000 m3", "3 km2") is that power, never an unknown unit or km;
#: imperial (UK) gallons, quarts and pints are read; a figure per one counted thing never meets a count of another
#: (tokens/query stays one, never a plain number).
#: 41 also: a factor with a word of its kind holds its kind and way ("4.3x faster" of "4.3X faster", was refused; "476x
#: larger" of "476X smaller" and "45x fewer" of "45 fewer" refused); a per printed once for a list holds for each figure of it
#: ("15.3 g" per 1,000 queries of "emissions per 1,000 queries ranged from 2.66 g to 15.3 g", was refused); a labelled
#: range's first figure is in its last one's unit ("5.4e-5 kWh" of "from 5.4× 10−5 for A to 1.0 × 10−4 kWh for B").
#: 41 also: an identifier's last digits after a lower-case letter, digit and letter are never a footnote's mark ("a1b" of
#: "a1b2" or "a1b²", "e4m" of "e4m3" was verified); only a formula's after its capital ("tCO2e" of "tCO2e5") is.
#: 41 also: a claim's per's count in a scale's letter or word is that count ("1k queries", "thousand queries" of
#: "per 1,000 queries" was refused as per 1 query).
#: 42: a figure of a list printing a per of its own after its label holds that per, never the list's ("4.67g for
#: BLOOMz-7B per 100 queries" after "0.32g per 1,000 queries, compared to ..." was verified per 1,000 queries).
#: 42 also: a factor a quote writes in words holds its way too ("3x less" of "three times more", "2x less" of "twice as
#: much" were verified).
#: 42 also: a figure the quote denies is refused ("2x faster" of "is not 2x faster", "12 kWh" of "did not use 12 kWh").
#: 43: a digit a quote raises or lowers after letters is refused where the page says it is the other script ("40 m₂" of
#: "40 m²" or a unit's flat "40 m2", "the mass m²" of "m₂" or of a symbol's flat "m2" were verified).
#: 43 also: a number's power a quote raises ("10⁹") is the page's flat "109" where the paper prints a power of ten after
#: a "×" on another page (Turing's "about 10⁹" of p.8, with "2 × 109" on p.17, was refused).
#: 43 also: a negation denies a figure anywhere in its clause, a contrast the figure it replaces ("12 kWh" of "did not, in
#: our runs, use 12 kWh", "20 kWh" of "12 kWh rather than the 20 kWh reported" were verified).
#: 44: a verified quote or claim whose quote holds a control character (a NUL, an escape) or a reordering mark is not
#: verified, as kb verify fails it ("We trained \\u000012 models" stood verified in kb quote ls).
#: 44 also: a range a claim writes in words is in its unit, and a bound before a share in words is a bound ("between 20 and
#: 25 hours" of "between 20 and 25 minutes", "more than a third" of "almost a third" were verified).
#: 44 also: a negation reaches a figure past its verb, asides and adverbs, never a phrase further on ("12 hours" of "it is
#: not clear why training took 12 hours" was refused as denied).
#: 44 also: a Greek letter a quote prints in the other case than the page is refused ("σ = KM ⊗ KT" of "Σ = KM ⊗ KT" was verified).
#: 45: a unit or a word whose case is its own, in another case than the page's, is another word ("5 MW" of "5 mW", a
#: megawatt of a milliwatt, "12 KWh" of "12 kWh" were verified: matching folds case for a sentence's start).
#: 45 also: fluid ounces are a volume, US bare and imperial with "imperial" or "UK" ("16 fluid ounces" was 16 oz of mass,
#: "2 fl oz" a femtolitre times an ounce); "MMBtu", "tce", "Cal" read, "MBtu" and "kt" refused as two units.
#: 45 also: a range in words a quote prints as the claim writes it, in words no unit is read of, verifies as before 44 ("between 3
#: and 5 million users", "between 5 and 6 hours" of "between five and six hours" were refused).
#: 46: a number's mark that matching folds away is read: a prime of another count ("2'" of the page's "2″", minutes of
#: seconds), a whole number glued to a vulgar fraction's digits ("11/2" of "1½") and a unit's letter without its mark
#: ("5 A" of "5 Å", an ampere of an angstrom) were verified; so was an acronym among small letters quoted in small
#: letters ("the us plan" of "the US plan", "who" of "WHO"), a squared unit in another case ("5 kw" of "5 ㎾"), and a
#: one-letter symbol without its hat, bar or dot ("p = 0.5" of "p̂ = 0.5", "x" of the mean "x̄"), and a raised or
#: lowered letter quoted on the line ("2n" of "2ⁿ", "xi" of "xᵢ"), and the numero quoted as "no" ("no 5" of "No. 5").
#: 47: a claim's per written after "per", "each" or "every" is read as without it ("0.3 Wh" per "per 1,000 queries" of
#: "0.3 Wh per query" was verified: the count of a per so written went unread); a mass of carbon ("552 tC", "t of
#: carbon") of a CO2 or CO2e figure ("552 tCO2e") is refused (was verified: the number decided a unit kb cannot read).
#: 48: a hyphen set apart from the number after it, after a symbol, a word a value follows or a lone variable, is a
#: minus sign ("0.5" of "set to - 0.5", "x 5" of "x - 5" were verified; "−0.5" of "- 0.5" was refused), and a range's
#: negative bound keeps its sign ("−5–10" of "−5 – −10", "5–10" of "5–−10" were verified).
#: 48 also: a circled digit of the dingbats ("➀", "❶", "➊", "⓫") is its digit as "①" is ("via 1" or "via ①" of
#: "via ➀" was refused), and a circled number is one of its own ("15" of "①5", "12" of "①②" were verified).
#: 48 also: digits either side of a page break are two numbers ("56" of "5" ending a page and "6" opening the next
#: was verified); a mass number raised whole is its digits ("14C" of "¹⁴C" was refused, read as "1" to the power "⁴").
#: 49: a number in words a negation denies ("did not take five hours") and a figure after "not ... to" ("do not sum to
#: 100%") are refused (were verified); "exceeded"/"surpassed" before a figure is a lower bound, "did not exceed" an upper.
#: 49 also: "pct" is per cent (was a picocarat), "% points", "percent points", "pct pts" are percentage points (were per
#: cent); "45 €/MWh" and "megatonnes"/"gigatonnes" after a decimal are read (were refused); a share in words claimed in
#: percentage points is refused ("33 pp" of "one third" was verified).
#: 50: a quote or claim verified in its version that a newer version kb holds no longer prints is stored stale, with
#: that version, and listed so by kb quote ls, kb claims, kb search and kb export note (kb verify alone said it).
#: 50 also: a footnote's mark a newer version adds after a figure, drops or prints otherwise is no change ("9%" of v1,
#: "9%†" of v2 was stale); after a lone letter it is notation ("θ*" of v2 is one), a raised digit after a digit a power.
#: 51: a run of dashes between two numbers is never left out whole ("510" of "5 -- 10" or "5 - - 10" was verified,
#: "5–10" refused), and a range's negative bound keeps its minus sign set apart ("5–10" of "5 – − 10" was verified).
#: 51 also: a circled number of the enclosed CJK block ("㉑" to "㊿", "㉈" to "㉏") or the dingbats' zero ("🄋") is a
#: number of its own ("215" of "㉑5", "3536" of "㉟㊱" were verified; "10" of "㉈" was refused).
#: 52: a word a line-break hyphen breaks right before a footnote, a caption or a table the extractor printed inside the
#: sentence is one word ("detecting" of "for de-" ending a page, a table, "tecting inline" was refused).
#: 52 also: a negation of a footnote, a caption or a table printed inside a sentence does not reach the sentence going
#: on after it ("using a corpus of 5k CiteSeer papers" after a table's note "... do not report ..." was refused); the
#: sentence is read on from before the aside, whose own negation still reaches it.
#: 52 also: a numbered section's heading and its paragraph are never a footnote a quote skips ("baselines on the
#: benchmark.1 or sentences, extensions" spliced an abstract's end and the next column's sentence across "1 Introduction").
#: 53: a negation reaches its figure through the small words of a verb phrase ("100%" of "don't add up to 100%",
#: "5 kWh" of "did not come close to 5 kWh", "1 GW" of "has not yet reached 1 GW" were verified; "more than 40 °C" of
#: "did not at any point go above 40 °C" was verified, now "at most 40 °C" is).
#: 53 also: a count "each of the N things" holds is a count per thing ("8 GPUs" per node of "each of the 4 nodes holds
#: 8 GPUs" was refused, and "8 GPUs" alone verified as a total).
#: 53 also: a negation reaches an amount past its currency sign ("$2 million" of "we did not spend $2 million",
#: "CHF 2 million" of "did not cost CHF 2 million" were verified).
#: 53 also: what each of N things used, or holds where they are, is per thing ("2.5 kWh" per run of "each of the 10 runs
#: used 2.5 kWh" was refused and "2.5 kWh" alone verified; "7 billion parameters" of "each expert in the layer has").
#: 54: a count "each of the N things" writes in words of any size to the hundreds is a count of things, as digits are
#: ("8 GPUs" of "each of the fourteen nodes holds 8 GPUs" was verified as a total: only some words were read).
#: 55: two enclosed numbers side by side are two numbers ("⑫" of "①②", "⑿" of "⑴⑵", "1.2" of "⒈⒉" were verified),
#: and so are two numbers punctuation parts ("(12)" of "(1)(2)" was verified, punctuation only).
#: 55 also: a spaced hyphen after the article "a" before a number is a dash ("a 5 point gain" of "a - 5 point gain" was
#: refused), one after a lone capital a minus sign ("A 5" of "where A - 5 is positive" was verified).
#: 56: per cent in capitals ("12 PCT", "12 Pct.") is a percentage where the words after it read as one's, never where
#: "PCT" names a thing ("12 PCT applications"), nor a petacarat.
#: 56 also: every item after the verb of what each of a subject holds is per that thing ("1 TB" per node of "each of
#: the 16 nodes holds 8 GPUs and 1 TB of RAM"), what each of the things it counts holds after "with" per one of those
#: ("80 GB" per GPU of "each node has 8 GPUs with 80 GB"), and a per before a preposition is its noun ("per site across
#: three sites": per site, never per "three").
#: 57: a citation a newer version renumbers (the same work in both versions' reference lists: "[12]" -> "[13]" after a
#: reference added), drops ("[12]", "(Smith et al., 2019)"), re-letters ("2019" -> "2019a") or an equation's number the
#: quote names ("Equation (3)" -> "(4)") leaves a quote or claim verified in its version, not stale (each was stale).
#: 58: a spaced hyphen after the article "a" before a number is a minus sign again ("a 12% change" of "saw a - 12%
#: change" was verified, its sign dropped, and "a -12% change" refused), one after a label still a dash ("Table A - 5").
#: 59: a count that names its things more closely than kb reads ("8 A100 GPUs", "8 A100s", "3 BERT-Large models",
#: "4 TPU v3 pods", "12 language models") holds only a figure its quote prints with those words, in their order ("8 V100
#: GPUs" of "8 P100 GPUs", "8 A100s" of "8 V100s" verified on the number alone), read as the count kb reads of it, so
#: the total, per-thing and bound rules apply ("8 A100 GPUs" of "each server has ... 8 A100 GPUs": per server).
#: 60: a score of one evaluation metric is refused where its quote names another at that figure ("13.5 ROUGE" of
#: "gains +13.5 BLEU", "91.2 accuracy" of "an F1 of 91.2" were verified on the number alone).
#: 61: a work cited beside each the quote's citation group cited ("[12]" -> "[13, 20]" where v2's 13 is v1's 12,
#: "(Smith, 2020)" -> "(Smith, 2020; Lee, 2021)"), or one of an author-year group's dropped, leaves a quote or claim
#: verified in its version, not stale (each was stale; "[12]" -> "[14, 15]", "(Smith, 2021; Lee, 2021)" stay stale).
#: 61 also: a work a newer version cites beside the quote's in an author-year group whose words the matcher reads
#: alike ("(Ascierto, 2018)" -> "(Ascierto, 2018; Shehabi et al., 2016)") leaves it verified (it was stale).
#: 62: a number's point the page prints a space or a line's end after ("1. 2", a sentence's or a list item's end
#: and another number) is never the decimal "1.2" a quote writes, nor the other way round.
#: 62 also: a writer's "--" or "---" glued to the word before it is a dash before a number, never a minus sign
#: ("models--1500B" of "models—1500B" was refused, "was--5 points" of "was -5 points" verified).
#: 62 also: an ellipsis leaving out an alternative a citation mark opens is refused ("TensorFlow ... and" of
#: "TensorFlow [1] or PyTorch [24], and", "Prior work ... used" of "Prior work [12–14] rather than ours used").
#: 63: a score naming its evaluation metric ("45.2 BLEU", "91.2 F1", "76.1% top-1 accuracy") is read (it was an unknown
#: unit) and holds only where its quote names that metric at that figure, after it, before it, for a chain of its
#: figures or in a table's header over the row's cells; of none ("45.2 BLEU" of "reaches 45.2 on WMT14", of a row
#: under a caption) or with a percent sign that makes another figure ("12.3% perplexity", "+2.1% BLEU" of "by 2.1
#: points") it is refused.
#: 64: a quote or claim a newer version kb holds prints on another page than the one stored is stored with that
#: version and its page or pages (m024: moved_in, moved_to), as kb verify says "(in v2, page 4)" (kb quote ls, kb claims,
#: kb search and kb export note gave v1's page alone).
#: 64 also: a quote its version prints twice is read in the newer version on its stored page first, else as the printing
#: of the same rank (stored on v1's p. 4 of pp. 2 and 4, it was said moved to v2's p. 2).
#: 65: a range's first figure holds the metric named after its last ("18.3 perplexity" of "down from 18.3 to 15.1
#: perplexity"); a model's suffix "Pro", "Max", "Ultra", "Plus", "mini", "Turbo", "XL", "Large", "Base"... names
#: another model as "Ti" does ("4 M2 GPUs" of "4 M2 Max GPUs", "3 GPT-2 models" of "3 GPT-2 XL models" are refused).
#: 65 also: "a maxi- mum of", "a min- imum of" as an extractor breaks them at a line's end are bounds ("at most 9 days").
#: 65 also: a word of a change broken at a line's end gives its direction ("+1.1 F1" of "im- proves ... by 1.1 F1").
#: 66: a claim's per names what the quote's per names at its figure, every qualifying word and no other ("alarm" of
#: "1.4 false alarms per true alarm", "node" of "5 W per idle node", "idle node" of "5 W per node" are refused; "GPU
#: hour" of "per GPU-hour", "node" of "per each node" hold).
#: 66 also: a list's per printed once after its last figure is each figure's ("180 responses" per "research topic" of
#: "(180, 108, 129 responses for each topic)" is refused).
#: 67: a second extraction kept of a version (kb text extract) decides again which quotes and claims of an older
#: version it prints, and on which page, as kb verify reads both (listed "stale" of the first extraction alone).
#: 67 also: a score's metric named in a list of metrics a sentence pairs with its figures is no figure's own ("38.1
#: BLEU" of "45.2 and 38.1 BLEU and ROUGE, respectively", "45.2 ROUGE" of "BLEU and ROUGE scores of 45.2 and 38.1").
#: 68: a claim's trailing zero past the digits its quote prints is refused with a reason ("81.10M" of "81.1M", "2.0
#: kWh" of "2 kWh"); figures and metrics each joined by slashes pair in order ("88.0 F1" of "91.2/88.0 EM/F1" holds,
#: "88.0 EM" is refused), and a metric right after its own figure names no later one ("3 BLEU" of "45.2 BLEU at 3/4").
#: 68 also: a clause's word after a per's noun is none of it ("5 W" per "when" of "5 W per idle node when waiting" was
#: verified); kb claims promote stores a per every word of it ("5 W" per "idle node", never "5 W/node").
#: 68 also: "a"/"an" opening the first object of a verb taking two names no per ("1-4 hours" per "expert" of "takes
#: an expert 1-4 hours" was verified; "estimated a smartphone charge to consume" still gives one); a share claimed as a part of one adds no digit its percentage lacks ("0.940" of "94%").
#: 69: an ellipsis never reads one sentence's start with another's end as one ("Questions pertaining to the Allen
#: Institute for ... past and ongoing efforts" of the next sentence's question to another institute is refused); an
#: editor's "[sic]" beside the page's own brackets stands for nothing ("the [MASK] [sic] token" is verified).
#: 70: a gerund's or an infinitive's "a"/"an" after a verb taking two objects opens its one object, a per
#: ("0.012 kWh" per "smartphone" of "Charging a smartphone uses 0.012 kWh", "It takes 60 kWh to charge an electric
#: vehicle" were refused); "takes an expert 1-4 hours", "Giving a user 12 GB" still give none.
#: 70 also: a whole number's trailing zeros are digits its quote prints ("0.50" of "50%", "0.10 kW" of "100 W" were
#: refused as adding a digit; "0.500" of "50%" still is).
#: 70 also: a per printed before its figure holds a claim's per only with its qualifying words ("5 kWh" per "idle
#: hour" of "Every hour, the model uses 5 kWh", "7.6%" per "delayed hour" of "every hour that treatment is delayed").
#: 71: a count's noun after a singular ending in "-sis"/"-us" is what it counts ("4 non-sepsis encounters" was refused),
#: and a hyphened word's first part is never left out ("4 sepsis encounters" of "4 non-sepsis encounters" is refused).
#: 71 also: a claim saying its figure is exact ("exactly 75 million URLs") of a quote printing it only as a bound ("over
#: 75 million") or an approximation ("about 75 million") is refused (it was verified).
#: 72: a quote's editorial bracket standing for a referring word that says something of its own, or a verb, holds
#:   it too ("[same]" for "different", "[to]" for "from", "[is]" for "seems", "[has]" for "lacks" were verified).
#: 73: a bracket at a quote's edge, where the paper's sentence goes on there, stands in place of the paper's words:
#:   "[The latter] is" of "The former is", "even across [sections]" of "even across pages", "is [trained on news]" of
#:   "is trained on scientific papers" were verified (words printed near it elsewhere were taken as its warrant).
#: 74: a power or energy unit's kind (electric "kWe", "MWh_e", "[kW]e"; thermal "MWth", "MWt") is the quote's at its
#:   figure ("100 kWe" of "100 kW", "5 MWh_th" of "5 MWh_e", "100 kWz" of "100 kW" were verified), and a share claimed
#:   in digits holds one printed in words ("1 in 5" of "One in five patients" was refused; "1 in 4" still is).
#: 75: a bracket ending a quote after a pronoun or a demonstrative adds a referent only where the paper prints no word
#:   after it, and a quote's mark after its last bracket says the paper's sentence ends after what the bracket stands
#:   for ("moderate them [comments]." of "moderate them monthly.", "in this [summaries]." of "in this dataset." were
#:   verified); a quote's "." of the paper's "?" is refused ("1 day." of "1 day?"), its "!" of the paper's "." verifies.
#: 76: a quote that sets another mark on a letter the page prints marked is refused ("Noèmie" of "Noémie", "Zúrich"
#:   of "Zürich" were verified, accents being folded); a mark the page or the quote lacks is still read alike.
#: 77: "per mile" is a distance, never per mille ("0.84 kWh per mile" was kWh·‰ and refused), and "72 ± 1 %" is a
#:   percentage with its spread in points (it was the plain number 72 ± 0.72, so "0.725 ± 0.5 %" passed a share of 0.725).
#: 78: a quote starting right after words that make the paper's clause a supposition is refused as well after
#:   "suppose that", "assume (that)", "imagine", "consider the case where", "let us say", "in the event that", an inverted
#:   "Had"/"Were"/"Should", and across a short aside ("[T]he data are noisy" of "Suppose that the data are noisy", "a
#:   model is trained on news" of "Assume a model is trained on news" verified); "We provided the code" is no condition.
#: 79: a bare number that labels or names what a count claims is no count of it ("10 tasks" of "semeval-2017 task
#:   10", "21523 pages" of "page ID '21523'", "5 results" of a section's "5 Results Table 1", a footnote's "2SPECTER").
#: 80: a quote starting at a second clause of a condition ("the labels are wrong" of "Suppose that the data are noisy
#:   and the labels are wrong") or at what a condition opening its sentence says follows ("training takes weeks" of
#:   "If the model is large, training takes weeks") is refused, as one starting right after the condition's words is.
#: 81: a condition wrapping a printed line is one as on one line ("she can ask him afresh" of "Suppose Mother wants
#:   ...\nto school ..., she can ask him afresh"), "Provided ..., " and "In case ..., " open one, a quote keeping
#:   the consequent's "then" verifies.
#: 82: a quote starting right after "whether" is refused ("the model is biased" of "We test whether the model is
#:   biased"): what a paper asks, stated as fact
#: 83: a quote setting another mark on a letter the page prints with TeX's spacing accent glued to it is refused
#:   ("Fárber" of pypdf's "F¨arber", "Josè" of "Jos´e", "Mitrovič" of "Mitrovi´c" were verified); a double acute
#:   typed as its umlaut is one letter ("Erdös" of "Erdős" was refused).
#: 84: a bracket for or after a pronoun naming a referent the page does not print in the sentences before it is
#:   refused ("[The core] represents a major gap" of "This represents a major gap"), and a bracket at a quote's
#:   start stands for the subject the paper prints there, never beside it ("[The survey] was approved" of "This
#:   study was approved")
#: 85: a quote a newer version deleted is said so, "v2 prints nothing like it (deleted or rewritten)", with its closest
#:   passage as another sentence, where that passage keeps under two thirds of its words or the quote's own version
#:   prints it apart ("differs: none -> majority; ..." against a neighbouring sentence read as a rewording)
#: 86: a quote matched on a page whose text is garbage a broken font gave (private-use characters, ideographs for a
#:   Latin text's letters, one glyph for all, letters shifted by a constant: "Uif npefm" verified) is refused;
#:   a claim's quote too.
#: 87: a footnote's marker after the full stop of a sentence ending in a whole number after a word ("reported in
#:   Figure 8.5 We fit", its footnote 5 the page's next) may be left out of a quote ("Figure 8. We fit" was refused).
#: 88: a Chinese page with ASCII punctuation, symbols read as private-use characters and U+FFFD fewer than a page's
#:   letters are text, not garbage: their quotes verify again (86 refused them).
#: 89: money with its scale after a space ("US$ 15 M") is read scaled in a quote too ("US$ 15 M" of "US$15" verified),
#:   a factor's bound after its words ("a factor of under 1450") is the claim's, a ratio holds as printed or as
#:   its factor ("1:28" of "28 times ... 1 gram" held), and a refusal names the quote's figure a value is a digit,
#:   a power of ten or a unit apart from; letters with no vowel ("5 zzqq") count nothing
#: 90: a quote a newer version rewrites where it stood is said rewritten, with what that version prints there, or
#:   its word diff where that passage keeps two thirds of its words (89 said "prints nothing like it", another sentence),
#:   the whole of that passage diffed (a clause moved: 89 named the next sentence's words as the quote's replacement).
#: 91: a footnote's mark after a sentence's full stop, before a sentence opening with a device's name ("faster. 7
#:   TPU v2 also uses"), counts no device; a score a metric named in lower case gives ("nDCG of 94.8") is one,
#:   and so are a score's points with decimals ("by 2.3 points.", "a 3.1 point absolute increase")
#: 92: a decimal after a name ("Claude 2.2 Gemini" of a table's row) keeps its digits, no footnote's mark left out
#:   (91 verified "Claude 2. Gemini", its digit the page's next footnote's number); a ratio to 1 is no factor where
#:   its quote prints its first term's ratio to another figure (91 held "3:1" of "3:10" as "3x").
#: 93: a vertical bar no digit touches reads as the "j" an old TeX math font prints for it ("Let Nu = jFuj
#:   be" holds "|Fu|"; a quote of it was refused in both extractors' text); a sentence a page's end cuts inside a
#:   clause goes on after a figure at the next page's top with a name too ("we used" / caption / "Specter as ...")
#: 94: a verified quote whose stored spans are not where it is, in the very text it was verified in (its extractor's,
#:   the words stored before and after it still around it), is failed: a span edited by hand (it stood verified)
#: 95: a claim's value typed in words is read ("between 20 and 25 minutes", "two-thirds", "half", "a factor of 28",
#:   "13,812 kWh of electricity", "±0.5"; 94 refused them), a range written in words keeps each end's sign ("-0.5 to +0.5"),
#:   and a signed range's minus end is held where its quote prints it (94 missed "-0.5" of "between -0.5 to +0.5").
#: 96: a factor claimed with its way ("28 times less") is refused where its quote prints it the other way and the same
#:   number elsewhere as no factor (95 held it by "28 grams"); "a factor of 28" is held as the factor "28x" (95 held it
#:   by "28 GPUs"); "13,812 kWh of electricity" is refused where its quote's figure is "of heat" (95 held it).
#: 97: a value typed in words holds only the figure its quote prints as that value: "a factor of 28" a factor, never
#:   "28 GPUs"; "±0.5" a spread, never "0.5"; "12 kWh of electricity" those words at the figure; "half" no "half an
#:   hour" (96 verified them).
#: 98: a power typed over a stacked index ("σ²m") verifies where the page prints the digit glued to its symbol and
#:   the index set apart ("σ2 m", "σ2⏎m"); 97 refused it as a symbol's name. A quote whose stored spans name the
#:   text `kb text load` replaced since under the same extractor's name is found again there (97: spans edited by hand).
#:   A table's row whose label runs to several words is skipped with the table's rows above it and its caption.
#: 99: a factor claimed ("1.58x", "threefold") holds only a number its quote prints as a factor, never a bare one ("the
#:   average was 1.58"); a share "1 in 5" holds no bare 5 nor 1; "12 out of 11" is no share (98 verified them).
#: 100: a footnote's mark a newer version prints set apart after a quoted word ("datacenters 9 are"), its footnote
#:   at the page's foot, is no change (99 listed the quote stale); so is a table a newer version prints with thousands
#:   separators or without them ("1438" -> "1,438") where its page groups a decimal's thousands ("12,041.51").
#: 101: a number with "times" then words of how often ("130 times out of 400", "10 times to ensure") is no factor; a
#:   factor claimed with its way in words ("three times fewer") is refused where its quote prints it the other way.
#: 102: a sentence runs across a page break past footnotes set apart from their numbers ("6  Their ...", numbered in
#:   the paper's order), a footnote's mark after a year's comma ("Q1 2021,3 compared") and a table of prose cells
#:   (rows "P1" to "P6") printed with its caption; never keeping a footnote's or a table's words while skipping the
#:   ones after them, nor going on further down the next page than its top or a float set there (101 verified those).
#: 103: a factor in words holds no bare number ("10" of "an order of magnitude"), and its way and approximation are
#:   read ("10 times less" of "an order of magnitude more" refused; "nearly 100x smaller" of "nearly two orders of
#:   magnitude smaller" verified); "130 times out of 400" is a share; a mean of factors is a factor (102 read neither).
#: 104: a factor claimed in words with a way or a bound ("two orders of magnitude larger", "at least twice") is read
#:   as its digits are ("100x larger", "at least 2x"), its way and bound checked; a number with "times" a verb of doing
#:   precedes ("downloaded 357,368 times") holds no factor of a way ("357,368 times more") (103 verified them); a
#:   page-foot footnote opening with initials ("5U.S. Dept. of Energy") is an aside a sentence runs across, and a
#:   footnote's mark set apart after a year ending its sentence ("October 2023 7. Even") a marker.
CLAIM_READING = "104"
#: The claims files whose claims or quotes the index decides (CLAIM_READING).
DECIDED_FILES = ("select file from claims where file is not null "
                 "union select file from quotes where file is not null")

T = TypeVar("T")

KB_TOML = """\
# This folder is a kb knowledge base (https://github.com/kb-tools/kb).
# references.bib and claims/*.toml are the truth; .kb/ is an index kb rebuilds.

[limits]
# Raise these for trustworthy but unusual PDFs.
max_pages = 2000
max_stream_mb = 75
max_extract_seconds = 120
max_extract_mb = 1024
"""

GITIGNORE_LINE = ".kb/"
#: said by a command reading a read-only knowledge base whose files changed since they were indexed; a
#: command refused a write there says it is read-only in its one line, and not this (kb.cli.common.warn_later)
READ_ONLY_STALE = ("the knowledge base is read-only here and its files changed since they were indexed: what kb "
                   "shows may be out of date")


class AsOpened:
    """The default `jobs` of the long jobs a knowledge base runs (kb.ops.audit.ensure_derived,
    kb.ops.quotes.verify_papers): as many processes as it was opened with (KB.jobs), so one
    rule holds for all of them: the commands open it for every core, the library for its own
    process."""

    def __repr__(self) -> str:
        return "AS_OPENED"


AS_OPENED = AsOpened()


class KB:
    """An open knowledge base: its layout, settings, index, writer lock and HTTP client.

    `derive` is the step that makes derived data (citation links, reference
    lists, claim values in base units) from what re-indexing changed; the
    operations layer supplies it (kb.ops.derive) — the store itself only keeps
    the tables in step with the files. `progress(label, done, total, unit)`
    receives reports of long work (downloads, page extraction) and, with unit "wait",
    deliberate waits (label = what kb waits for; done = total when it is over); the CLI
    draws them.
    `db_path` opens another index file than the layout's (kb rebuild builds one aside).
    `on_busy(message)` hears that a command waits for another's writer lock, and
    `on_busy(None)` that the wait is over (kb.atomic.file_lock).
    `jobs`: the processes long work of the index itself may take (deciding every claim again
    after an upgrade): None for every core, as the commands ask; the library's default is this
    process, since spawned workers import the main script again, and a script opening a
    knowledge base unguarded would start workers of its own there.
    """

    def __init__(self, layout: paths.Layout, *, derive: Callable[[KB, index.Changes], None] | None = None,
                 progress: index.Progress | None = None, db_path: Path | None = None,
                 on_busy: Callable[[str | None], None] | None = None, jobs: int | None = 1):
        self.layout = layout
        self.on_busy = on_busy
        self.jobs = jobs
        units.cache_registry_in(layout.units_cache)       # pint's parsed definitions, if needed
        self.db_path = db_path or layout.db
        self.derive = derive
        self.progress: index.Progress = progress or _quiet
        self._db = None
        self._conn = None
        self._client = None
        self._indexer: index.Indexer | None = None
        self._file_id: tuple[int, int] | None = None
        # What this process saw when it last found the index in step with the files (None:
        # not since its last write): see writing().
        self._in_step: tuple | None = None
        self._checking: threading.Thread | None = None     # the check `read` runs beside its fn
        self._settings: dict | None = None
        self.warnings: list[str] = []
        #: Where warnings go once the caller has read `warnings` (the CLI prints them then):
        #: what a later re-index notices (a claims file deleted) is said at once.
        self.on_warning: Callable[[str], None] | None = None
        #: Claims files this command goes on without (`read_apart`): relative path -> why kb cannot
        #: read them. A write to one is refused (write_file, refuse_unread); each is said once.
        self.unread: dict[str, str] = {}
        self._apart: Callable[[str, FileFormatError], None] | None = None

    # -- opening ---------------------------------------------------------------
    @classmethod
    def open(cls, explicit: str | os.PathLike | None = None, *, sync: bool = True,
             derive: Callable[[KB, index.Changes], None] | None = None,
             progress: index.Progress | None = None,
             on_busy: Callable[[str | None], None] | None = None, jobs: int | None = 1,
             db_path: Path | None = None) -> "KB":
        kb = cls(paths.layout(explicit), derive=derive, progress=progress, on_busy=on_busy, jobs=jobs,
                 db_path=db_path)
        if sync:
            kb.sync()
        return kb

    @property
    def root(self) -> Path:
        return self.layout.root

    @property
    def settings(self) -> dict:
        if self._settings is None:
            try:
                self._settings = load_toml(decode_toml(read_input(self.layout.marker, "kb.toml", 1 << 20),
                                                       paths.MARKER), paths.MARKER)
            except OSError as exc:
                raise FileFormatError(f"cannot be read: {exc.strerror}", path=paths.MARKER) from None
        return self._settings

    @property
    def conn(self) -> sqlite3.Connection:
        """A plain sqlite3 connection to the index, migrated; enough for reading."""
        if self._conn is None:
            self._connect()
            if not is_current(self._conn, self.db_path):
                _ = self.db                 # brings the schema up to date
        return self._conn

    @property
    def db(self):
        """The index for writing (kb.store.sqlite.Database), on the same connection;
        migrated first when its schema is behind, which alone imports sqlite-utils."""
        if self._db is None:
            if self._conn is None:
                self._connect()
            if not is_current(self._conn, self.db_path):
                with self.locked():
                    dbmod.migrate(dbmod.wrap(self._conn), self.db_path)
            self._db = Database(self._conn, on_wait=self.on_busy)
        return self._db

    def _connect(self) -> None:
        self._conn = connect(self.db_path, on_wait=self.on_busy)
        self._file_id = _file_id(self.db_path)

    def locked(self):
        """The writer lock (`.kb/lock`), a wait for it said to `on_busy`."""
        return file_lock(self.layout.lock, on_wait=self.on_busy, what="the knowledge base")

    def _reopen_if_replaced(self) -> None:
        """Under the writer lock: if the index file was replaced since this KB opened it
        (kb rebuild swaps in a new one), reopen it. A connection to the old, unlinked
        file would commit into nothing and report success."""
        if self._conn is not None and _file_id(self.db_path) != self._file_id:
            self.close()

    def jobs_for(self, jobs: "int | None | AsOpened") -> int | None:
        """The processes a long job asked for with `jobs` takes: KB.jobs where it asked AS_OPENED."""
        return self.jobs if jobs is AS_OPENED else jobs

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._db = None
        self._indexer = None
        self._in_step = None

    @property
    def client(self) -> net.Client:
        if self._client is None:
            self._client = net.Client(self.layout.http_cache, self.layout.tmp,
                                      progress=lambda label, got, total: self.progress(label, got, total, "bytes"),
                                      notice=lambda message: self.progress(message or "", 0 if message else 1, 1,
                                                                           "wait"))
        return self._client

    @property
    def sources(self) -> cache.SourceCache:
        return cache.SourceCache(self.layout.sources, self.layout.tmp)

    def unread_settings(self) -> list[str]:
        """What kb.toml asks of kb that kb does not do, each in one line every command says
        once: a `[bibliography] files = [...]` table (written for tools that read several .bib
        files) is not read, a paper is an entry of references.bib alone; said where kb ls,
        kb import and kb verify said nothing and kb add refused the key. kb.toml is parsed
        only when it names the table (every command asks; kb doctor and kb add name what
        else is wrong with it)."""
        try:
            with open(self.layout.marker, "rb") as fh:
                if UNREAD_TABLE.encode() not in fh.read(1 << 20):
                    return []
            table = self.settings.get(UNREAD_TABLE)
        except (OSError, KBError):
            return []
        if table is None:
            return []
        files = table.get("files") if isinstance(table, dict) else None
        named = [files] if isinstance(files, str) else [str(f) for f in files] if isinstance(files, list) else []
        what = f"names {', '.join(named)}, which kb does not read" if named else "is not read by kb"
        then = f"`kb import {named[0]}` adds its entries" if named else "`kb import FILE` adds a .bib's entries"
        return [f"{paths.MARKER}: [{UNREAD_TABLE}] {what}: kb's papers are the entries of references.bib "
                f"alone ({then})"]

    def unknown_settings(self) -> list[str]:
        """Each key of kb.toml that kb does not know, in one line naming it, which every command
        says once (kb.ops.session) and kb doctor calls a problem: a misspelt limit (max_page = 5000)
        is not read. kb add of a PDF refused the whole file for one (`foo = 1` too), and every other
        command said nothing. A kb.toml that is not TOML is said by the commands that read it."""
        try:
            settings = self.settings        # a few lines: parsed in microseconds, once a command
        except (OSError, KBError):
            return []
        said = _unknown_keys(settings, TOP_KEYS, "")
        limits = settings.get("limits")
        if isinstance(limits, dict):
            said += _unknown_keys(limits, LIMIT_KEYS, "[limits] ")
        # each at its line, as a limit of the wrong type is ('kb.toml: unknown key `colour`' named no line)
        lines = {key: _key_line(self.layout.marker, key) for key, _ in said}
        return [f"{paths.MARKER}:{lines[key]}: {line}" if lines[key] else f"{paths.MARKER}: {line}"
                for key, line in said]

    def limits(self) -> pdf.Limits:
        self.check_limits()
        # a key kb does not know is said by every command (unknown_settings), never read
        return pdf.Limits.from_env({k: v for k, v in self.settings.get("limits", {}).items() if k in LIMIT_KEYS})

    def check_limits(self) -> None:
        """kb.toml's limits, each a number above 0 (max_pages a whole one), else a FileFormatError naming the
        key's line: refused by every command opening the knowledge base (kb.ops.session), as a kb.toml that is
        not TOML is, where `max_pages = 'ten'` or `max_stream_mb = -1` was said only by a command indexing a
        PDF. A value of the right kind is checked without loading kb.sources.pdf."""
        limits = self.settings.get("limits", {})
        if not isinstance(limits, dict):
            raise FileFormatError("`limits` must be a table ([limits] with max_pages = 2000, ...)",
                                  path=paths.MARKER, line=_key_line(self.layout.marker, "limits"))
        for key, value in limits.items():
            # (a time limit under a second is checked in full: one under a microsecond is refused)
            if key in LIMIT_KEYS and not (type(value) in (int, float) and value > 0
                                          and (key != "max_pages" or float(value).is_integer())
                                          and (key != "max_extract_seconds" or value >= 1)):
                try:
                    pdf.Limits.from_env({key: value}, environ={})
                except KBError as exc:
                    raise FileFormatError(exc.message.removesuffix(" (set in kb.toml [limits])"),
                                          path=paths.MARKER, line=_key_line(self.layout.marker, key)) from None

    @property
    def indexer(self) -> index.Indexer:
        """Files and cached sources -> tables (kb.store.index), on this index."""
        if self._indexer is None:
            self._indexer = index.Indexer(self.db, self.layout, self.sources, self.limits, self.progress)
        return self._indexer

    # -- keeping the index in step with the files --------------------------------
    def reread_claims(self) -> None:
        """Decide again whether each claim stands when this index was made by a kb reading
        claims otherwise (CLAIM_READING): once, under the writer lock; a read-only index or a
        KB without a derive step is left as it is. references.bib alike (`reread_bib`): both
        versions are read in one query, on every command, and the full-text indexes' folding
        (`refold_search`)."""
        readings = dict(self.conn.execute("select key, value from meta where key in ('claim_reading', "
                                          "'bib_reading', 'search_folding', 'paper_rendering')").fetchall())
        if readings.get("bib_reading") != stale.BIB_READING:
            self.reread_bib()
        elif readings.get("paper_rendering", stale.PAPER_RENDERING) != stale.PAPER_RENDERING:
            self.rerender_papers()
        if readings.get("search_folding") != SEARCH_FOLDING:
            self.refold_search()
        if readings.get("claim_reading") == CLAIM_READING or self.derive is None or read_only(self.db_path) \
                or self.conn.execute(f"{DECIDED_FILES} limit 1").fetchone() is None:
            return              # no claim or quote to decide: nothing is written, no lock taken
        with self.locked():
            self._reopen_if_replaced()
            row = self.conn.execute("select value from meta where key = 'claim_reading'").fetchone()
            if row is not None and row[0] == CLAIM_READING:
                return
            files = {r[0] for r in self.conn.execute(DECIDED_FILES)}
            with transaction(self.db):
                if files:
                    self._derive(index.Changes(claims_files=files, rereading=True))
                self.db.execute("insert or replace into meta (key, value) values ('claim_reading', ?)",
                                [CLAIM_READING])

    def refold_search(self) -> None:
        """Fill the full-text indexes again when they hold text folded otherwise than this kb
        folds it (kb.store.fts.SEARCH_FOLDING): once, under the writer lock. A read-only index
        is left as it is."""
        if read_only(self.db_path):
            return
        with self.locked():
            self._reopen_if_replaced()
            row = self.conn.execute("select value from meta where key = 'search_folding'").fetchone()
            if row is not None and row[0] == SEARCH_FOLDING:
                return
            with transaction(self.db):
                dbmod.refold_fts(self.db)

    def rerender_papers(self) -> None:
        """Render references.bib's entries again when this index holds them rendered otherwise than
        this kb renders them (kb.store.stale.PAPER_RENDERING: a title's markup read as text): once,
        under the writer lock, by the sync that follows, as if the file had changed. Until then an
        index of an older kb went on showing its rendering, references.bib unchanged. A read-only
        index is left as it is."""
        if read_only(self.db_path):
            return
        with self.locked():
            self._reopen_if_replaced()
            row = self.conn.execute("select value from meta where key = 'paper_rendering'").fetchone()
            if row is None or row[0] == stale.PAPER_RENDERING:
                return
            with transaction(self.db):
                self.db.execute("delete from files where path = ?", [stale.BIB_REL])

    def reread_bib(self) -> None:
        """Read references.bib again for what kb records of it beside its papers rows, when
        this index was made by a kb recording otherwise (kb.store.stale.BIB_READING): once,
        under the writer lock. A read-only index, an index of no papers, or a references.bib kb cannot read
        (the sync that follows says why) is left as it is."""
        if read_only(self.db_path) or self.conn.execute("select 1 from papers limit 1").fetchone() is None:
            return
        with self.locked():
            self._reopen_if_replaced()
            row = self.conn.execute("select value from meta where key = 'bib_reading'").fetchone()
            if row is not None and row[0] == stale.BIB_READING:
                return
            try:
                bibfile = index.load_bib(self.layout)
            except FileFormatError:
                # one an older kb read and this one refuses (BIB_READING 6) is said by the sync that follows
                with transaction(self.db):
                    self.db.execute("delete from files where path = ?", [stale.BIB_REL])
                return
            with transaction(self.db):
                self.indexer.record_undefined(bibfile)
                # and its papers, read again by the sync that follows: an older kb may have read an
                # entry there that this one does not ('} % @misc{old, ...', BIB_READING 4)
                self.db.execute("delete from files where path = ?", [stale.BIB_REL])

    def sync(self, on_error: Callable[[str, FileFormatError], None] | None = None) -> None:
        """Re-index any truth file that changed since it was last indexed
        (an edit by hand, or a command that died between file and index).
        `on_error` as for kb.store.index.Indexer.sync."""
        self.reread_claims()
        seen = self._glance()                # first: a change from now on differs from it
        if not stale.stale_files(self.conn, self.layout):
            self._in_step = seen
            return
        if read_only(self.db_path):
            # Nothing can be re-indexed here: read what was indexed, and say so.
            self.warnings.append(READ_ONLY_STALE)
            return
        failed: list[str] = []

        def noted(rel: str, exc: FileFormatError) -> None:
            failed.append(rel)
            on_error(rel, exc)

        with self.locked():
            self._reopen_if_replaced()
            try:
                self.indexer.sync(self._derive, noted if on_error is not None else None)
            finally:
                self._take_notices()
            self._remember_files()
            # Under the lock no other writer commits: the index is in step as of now.
            self._in_step = None if failed else self._glance()

    def read(self, fn: Callable[["KB"], T],
             on_error: Callable[[str, FileFormatError], None] | None = None) -> T:
        """fn(self), a read of the index, while the truth files are checked in another
        thread, for a knowledge base opened without `sync`: the check's stats wait on the
        kernel while fn's queries run inside SQLite, neither holding the interpreter, so
        a search of 10,000 papers pays for one of the two, not both. If a file changed,
        the index is brought up to date and fn runs again: what it returns is always
        what `sync` then fn would have given (`on_error` as for sync)."""
        self.reread_claims()
        seen = self._glance()
        scanned: list = []

        def check() -> None:
            with contextlib.suppress(OSError):
                scanned.append(stale.scan(self.layout))

        thread = self._checking = threading.Thread(target=check, name="kb-truth-files", daemon=True)
        thread.start()
        failed: Exception | None = None
        try:
            out = fn(self)
        except Exception as exc:        # noqa: BLE001 - raised below, unless a file changed: fn runs again
            failed = exc
        finally:
            self.settle()
        if scanned and not stale.changed_since(self.conn, scanned[0]):
            self._in_step = seen
            if failed is not None:
                raise failed
            return out
        # A file changed: what fn read, or failed on ("no paper X" for an entry just
        # written by hand), is not the files' answer.
        self.sync(on_error)
        return fn(self)

    def read_apart(self, say: Callable[[str, FileFormatError], None]) -> None:
        """Bring the index up to date, going on without a claims file kb cannot read (a TOML
        syntax error in another paper's file): `say` hears of each once, and every later check of
        this command (writing) passes it over too. references.bib, or the claims folder, kb
        cannot read still stops it. For commands that write no such file: kb add, kb rm."""

        def noted(rel: str, exc: FileFormatError) -> None:
            if rel == paths.BIB or rel == "claims/":
                raise exc
            if rel not in self.unread:
                self.unread[rel] = str(exc)
                say(rel, exc)

        self._apart = noted
        self.sync(on_error=noted)

    def refuse_unread(self, rel: str | None, doing: str, outcome: str = "not written") -> None:
        """UsageError when `rel` is a claims file this command went on without (read_apart)."""
        if rel is not None and rel in self.unread:
            raise UsageError(f"{self.unread[rel]}: kb will not {doing} a file it cannot read; {outcome}",
                             hint=f"fix {shown(rel)} first, or restore it: git checkout {shell_word(rel)}")

    def settle(self) -> None:
        """Wait for the check `read` runs beside its fn, if one runs. A read whose work
        turns from SQLite's to Python's calls it there: the check's loop and Python work
        in this thread would take turns at the interpreter, slowing both."""
        if self._checking is not None:
            self._checking.join()
            self._checking = None

    def _glance(self) -> tuple:
        """What changes when another process writes to the index (SQLite's PRAGMA
        data_version), when references.bib changes, and when a claims file is added,
        removed, renamed or replaced (the folder's identity): three stats and a pragma."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0], stale.glance(self.layout)

    @contextlib.contextmanager
    def writing(self) -> Iterator["KB"]:
        """Hold the writer lock; the index is brought up to date first.

        Every truth file is checked again unless this process found the index in step
        with them (sync, as every command opens a knowledge base) and since then no other
        process wrote to the index, references.bib is as it was and no claims file was
        added, removed, renamed or replaced (_glance): a command's write then costs one
        check of thousands of claims files, not two. What it sees is then the index as
        its reads saw it; a claims file edited in place meanwhile is indexed by the next
        check, as if edited a moment later. Only the first write after a check is spared;
        what a write changes it indexes itself."""
        with self.locked():
            self._reopen_if_replaced()
            clean_stale_tmp(self.layout.tmp)
            if self._in_step is None or self._glance() != self._in_step:
                try:
                    self.indexer.sync(self._derive, self._apart)
                finally:
                    self._take_notices()
            self._in_step = None
            yield self
            self._take_notices()        # what the write's own re-index noticed (kb import of an odd key)
            self._remember_files()

    def _remember_files(self) -> None:
        """Under the writer lock, after a write: note the fingerprint of what the index
        holds of the truth files (kb.store.stale.remember), for the next command's check."""
        if self.conn.execute("select 1 from meta where key = 'files_digest'").fetchone() is None:
            with transaction(self.db):
                stale.remember(self.conn)

    def _take_notices(self) -> None:
        """The indexer's notices (kb.store.index.Indexer.notices), each said once."""
        if self._indexer is None:
            return
        notices, self._indexer.notices = self._indexer.notices, []
        for message in notices:
            if self.on_warning is not None:
                self.on_warning(message)
            elif message not in self.warnings:
                self.warnings.append(message)

    def derive_pending(self) -> None:
        """Make the derived data of what was just indexed; call inside the transaction
        that indexed it, so both land together or not at all."""
        changes, self.indexer.pending = self.indexer.pending, index.Changes()
        self._derive(changes)

    def _derive(self, changes: index.Changes) -> None:
        if self.derive is not None and changes:
            self.derive(self, changes)

    def write_file(self, path: Path, text: str, read_as: Identity | None = None) -> None:
        """Write a truth file atomically; `read_as`: its identity when the text was read, a
        file saved by a person since is kept and the write refused (kb.atomic.write_bytes)."""
        if self.unread:
            self.refuse_unread(self.layout.relative(path), "write")
        write_text(path, text, self.layout.tmp, read_as=read_as)


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _quiet(label: str, done: int, total: int | None, unit: str) -> None:
    return None


def init(folder: Path) -> tuple[Path, bool]:
    """Make `folder` a knowledge base; returns (root, created). Idempotent."""
    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{shown(folder)} exists and is not a folder")
    within = paths.inside_own_folder(folder)
    if within is not None and not (folder / paths.MARKER).is_file():
        outer, name = within
        harm = ("its kb.toml read as a claims file would stop every command reading claims there" if name == "claims/"
                else "it would lie in the index and caches kb rebuilds and prunes")
        raise UsageError(f"{shown(folder)} is inside the {name} folder of the knowledge base {shown(outer)}, where kb "
                         f"keeps its own files: {harm}; nothing made", hint=f"choose a folder outside {shown(outer / name)}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        layout = paths.Layout(folder.resolve())
        too_long = path_too_long(layout.db)
        if too_long is not None:        # refused before kb.toml makes a knowledge base no command can open
            raise too_long
        created = not layout.marker.exists()
        if created:
            write_text(layout.marker, KB_TOML, layout.tmp)
        if not layout.bib.exists():
            write_text(layout.bib, "", layout.tmp)
        layout.claims.mkdir(exist_ok=True)
        make_folder(layout.state)
    except OSError as exc:
        if exc.errno in (errno.ENAMETOOLONG, errno.ENOTDIR, errno.ELOOP):
            raise                   # a path no folder can have: said by the command line as such
        # a folder where no one may make one, or make files (/proc/x, /proc, a read-only file
        # system, no permission)
        raise UsageError(f"cannot make a knowledge base in {shown(folder)}: {(exc.strerror or str(exc)).lower()} "
                         f"({shown(exc.filename or folder)})", hint="give a folder you may write in") from None
    gitignore = layout.root / ".gitignore"
    existing = gitignore.read_text("utf-8") if gitignore.exists() else ""
    if GITIGNORE_LINE not in existing.split():
        text = existing + ("" if existing.endswith("\n") or not existing else "\n") + GITIGNORE_LINE + "\n"
        write_text(gitignore, text, layout.tmp)
    kb = KB(layout)
    _ = kb.db            # the schema; the files are indexed by the first command that opens it
    kb.close()
    return layout.root, created


#: A table of kb.toml kb takes as written and does not read: said by every command
#: (KB.unread_settings), never a refusal.
def _key_line(marker: Path, key: str) -> int | None:
    """The line of kb.toml setting `key` (`max_pages = ...`, `limits.max_pages = ...`, `[limits]`), or None."""
    try:
        text = marker.read_text("utf-8", errors="replace")
    except OSError:
        return None
    key = re.escape(key)
    m = re.search(rf"(?m)^[ \t]*(?:\[\[?[ \t]*{key}[ \t]*\]|(?:limits[ \t]*\.[ \t]*)?[\"']?{key}[\"']?[ \t]*=)", text)
    return text.count("\n", 0, m.start()) + 1 if m else None


UNREAD_TABLE = "bibliography"


#: The keys kb reads in kb.toml: its tables, and the limits of [limits].
TOP_KEYS = frozenset({"limits", UNREAD_TABLE})
LIMIT_KEYS = frozenset({"max_pages", "max_stream_mb", "max_extract_seconds", "max_extract_mb"})     # pdf.Limits


def _unknown_keys(table: dict, known: frozenset[str], where: str) -> list[tuple[str, str]]:
    """(key, a line saying it) for each key of `table` kb does not know, as in a claims file: a
    misspelt limit (max_page = 5000) would otherwise be ignored in silence. A person's own key
    starting with x_ is left alone."""
    import difflib

    said = []
    for key in table:
        if key in known or key.startswith("x_"):
            continue
        if not where and key in SECTIONS:
            # a [[check]] (or claim, quote, [units]) written in kb.toml: 'a key of your own: x_check'
            # said nothing of where kb reads it
            shape = f"[{key}]" if key in ("units", "paper") else f"[[{key}]]"
            into = (f"a claims file ({paths.CLAIMS}/checks.toml, say)" if key in ("check", "units")
                    else f"its paper's claims file, {paths.CLAIMS}/<citekey>.toml")
            said.append((key, f"{shape} is not read here: kb reads {shape} in {paths.CLAIMS}/*.toml only; "
                                  f"move it into {into}"))
            continue
        close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
        said.append((key, f"{where}unknown key `{key}`" + (f" (did you mean `{close[0]}`?)" if close else "")
                     + f", not read; kb reads {', '.join(sorted(known))} (a key of your own: x_{key})"))
    return said


