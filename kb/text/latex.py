"""LaTeX in BibTeX values, decoded to readable text: the one place it is done.

Titles and names in BibTeX carry accents as commands (``{\\"o}``, ``\\'e``),
special letters (``{\\ss}``, ``\\o``), protective braces (``{BERT}``), ``--``
for dashes and, in real entries, math and markup: ``\\url{...}``,
``$\\upOmega$``, ``\\cite{...}``, ``$\\vec{x}$``, ``{\\rm ...}``, ``\\ce{H2O}``.
`latex_to_text` decodes them with pylatexenc (loaded on first use), taught the
few commands it does not know; everything that compares titles or names, and
every place kb shows a title (kb ls, notes, CSL-JSON), decodes with it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kb.text.lazyre import lazy

__all__ = ["crossref_greek_as_latex", "known_command", "latex_to_text", "markup_as_latex"]

_GREEK = ("alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu "
          "xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta "
          "Lambda Xi Pi Sigma Upsilon Phi Psi Omega").split()


# Crossref's BibTeX writes `{\upOmega}` as `\{upOmega}` (Perlmutter et al. 1999): a Greek
# letter's name between an escaped brace and a brace is read as the letter.
_CROSSREF_GREEK = lazy(r"\\\{((?:up)?([A-Za-z]+))\}")
_UNESCAPED_DOLLAR = lazy(r"(?<!\\)\$")


#: Commands whose text pylatexenc drops: name -> (arguments, text). Boxes and fonts keep their
#: text (mbox{GPT-3}, texttt{word2vec}), Zotero's escapes of '<', '>', '|', '^' and '·' are
#: those characters, the logos their names, quotes of German and French their marks; BibTeX's
#: noopsort{a} is for sorting only.
_TEXT_MACROS = {
    "makebox": ("[[{", "%(3)s"),
    **{name: ("{", "%(1)s") for name in ("mbox", "hbox", "fbox", "texttt", "textsf", "textup", "textmd",
                                         "textnormal", "textsubscript", "textsuperscript", "NoCaseChange",
                                         "ensuremath")},
    "noopsort": ("{", ""),
    **{name: ("", text) for name, text in (("textgreater", ">"), ("textless", "<"), ("textbar", "|"),
                                           ("textasciicircum", "^"), ("textperiodcentered", "\u00b7"),
                                           ("LaTeX", "LaTeX"), ("TeX", "TeX"), ("BibTeX", "BibTeX"),
                                           ("LaTeXe", "LaTeX2e"), ("glqq", "\u201e"), ("grqq", "\u201c"),
                                           ("glq", "\u201a"), ("grq", "\u2018"), ("og", "\u00ab"), ("fg", "\u00bb"),
                                           # LaTeX's text symbols pylatexenc has none of ('X\\textunderscore Y' was 'XY')
                                           ("textunderscore", "_"), ("S", "\u00a7"), ("P", "\u00b6"),
                                           ("textpilcrow", "\u00b6"), ("euro", "\u20ac"), ("pounds", "\u00a3"),
                                           ("slash", "/"), ("textquotedbl", '"'), ("textminus", "\u2212"),
                                           ("textquotedblbase", "\u201e"), ("textquotestraightbase", "\u201a"),
                                           ("SS", "SS"), ("textborn", "*"), ("textdied", "\u2020"))},
    "-": ("", ""),       # a place a word may break ('hyphen\\-ation'): no character (was a soft hyphen)
}


#: LaTeX's case-changing commands, which print their argument upper- or lowercased
#: ('\MakeUppercase{bert}' is 'BERT'; pylatexenc printed 'bert').
_CASE_MACROS = {"MakeUppercase": str.upper, "MakeTextUppercase": str.upper, "uppercase": str.upper,
                "MakeLowercase": str.lower, "MakeTextLowercase": str.lower, "lowercase": str.lower}


def _case_changed(n, l2tobj, macroname) -> str:
    """The text of a case-changing command's argument, its case changed as LaTeX prints it."""
    args = n.nodeargd.argnlist if n.nodeargd is not None else []
    text = "".join(l2tobj.nodelist_to_text([arg]) for arg in args if arg is not None)
    return _CASE_MACROS[macroname](text)


@cache
def _converter():
    from pylatexenc.latex2text import (
        LatexNodes2Text,
        MacroTextSpec,
        get_default_latex_context_db,
    )
    from pylatexenc.latexwalker import get_default_latex_context_db as walker_db
    from pylatexenc.macrospec import MacroSpec

    greek = {}
    probe = LatexNodes2Text()
    for name in _GREEK:
        greek["up" + name] = probe.latex_to_text(f"$\\{name}$").strip()
    text_db = get_default_latex_context_db().filter_context(keep_categories=None)
    text_db.add_context_category("kb", prepend=True, macros=[
        MacroTextSpec("url", "%(1)s"),
        MacroTextSpec("href", "%(2)s"),
        MacroTextSpec("cite", "[%(2)s]"), MacroTextSpec("citep", "[%(2)s]"), MacroTextSpec("citet", "[%(2)s]"),
        MacroTextSpec("ce", "%(1)s"),
        MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}"),
        *[MacroTextSpec(name, char) for name, char in greek.items()],
        *[MacroTextSpec(name, text) for name, (_, text) in _TEXT_MACROS.items()],
        *[MacroTextSpec(name, _case_changed) for name in _CASE_MACROS],
    ])
    parse_db = walker_db().filter_context(keep_categories=None)
    parse_db.add_context_category("kb", prepend=True, macros=[
        MacroSpec("url", "{"), MacroSpec("href", "{{"), MacroSpec("ce", "{"),
        MacroSpec("cite", "[{"), MacroSpec("citep", "[{"), MacroSpec("citet", "[{"),
        MacroSpec("textbraceleft", ""), MacroSpec("textbraceright", ""),
        *[MacroSpec(name, args) for name, (args, _) in _TEXT_MACROS.items()],
        *[MacroSpec(name, "{") for name in _CASE_MACROS],
    ])
    converter = LatexNodes2Text(latex_context=text_db, math_mode="text", strict_latex_spaces=True)
    return converter, parse_db


#: commands kb's reader knows that read files in: in a value they are text, never a command
_READS_FILES = frozenset({"input", "include", "includeonly", "includegraphics", "InputIfFileExists", "verbatiminput",
                          "lstinputlisting"})


def known_command(name: str) -> bool:
    """Whether `\\name` is a command kb reads as text (pylatexenc's, taught kb's few): accents, letters,
    fonts, math, \\url. A command no reader knows (\\write18, \\csname, \\def) or one reading a file in
    (\\input) is not: written from a record, it is text (kb.sources.bibtex.record_text)."""
    return name in _known_commands() and name not in _READS_FILES


@cache
def _known_commands() -> frozenset[str]:
    converter, _ = _converter()
    db = converter.latex_context
    return frozenset(spec.macroname for spec in db.iter_macro_specs())


# A percent sign no backslash escapes: in LaTeX it begins a comment, so a title with
# "40% of" lost everything after it. Nobody writes a comment inside a BibTeX value, and
# titles read from a PDF's reference list or from arXiv, Crossref or Semantic Scholar
# are not LaTeX: it is the percent sign a writer meant, as `\%` is.
_RAW_PERCENT = lazy(r"(?<!\\)((?:\\\\)*)%")
# ... and an ampersand no backslash escapes, LaTeX's alignment tab, is the '&' its writer meant ('Energy & Policy',
# 'R&D', 'AT&T'): no title or name holds a table, and BibTeX's LaTeX would stop at it
_RAW_AMPERSAND = lazy(r"(?<!\\)((?:\\\\)*)&")

# pylatexenc's text specials besides dashes and ties: ``quotes'', !` and ?`, and '&' (read as itself: _RAW_AMPERSAND).
_SPECIALS = ("``", "''", "!`", "?`", "&")
_DASH_BRACE_DASH = lazy(r"-[{}]+-")


def _plain(value: str) -> str:
    """A value with no command, math, comment or special but dashes, ties and '&', as pylatexenc
    reads it (braces only group; dashes and ties are all LaTeX makes of the rest),
    without parsing; whitespace not yet collapsed."""
    if "{" in value or "}" in value:
        value = value.replace("{", "").replace("}", "")
    if "--" in value:
        value = value.replace("---", "\u2014").replace("--", "\u2013")
    # (a bare '&' is kept: 'Energy & Policy', 'AT&T' as the writer meant, where pylatexenc reads LaTeX's alignment tab,
    # a space, and BibTeX's LaTeX stops at the error; no title holds a table)
    return value.replace("~", " ")


def _plain_reads(value: str) -> bool:
    """Whether _plain reads `value` as pylatexenc does: no pylatexenc special but
    dashes and ties, and no dashes that only meet once braces go ('-}-')."""
    if "`" in value or "''" in value:        # every one of _SPECIALS but '&' (which _plain reads) holds one
        return False
    return not ("-" in value and ("{" in value or "}" in value) and _DASH_BRACE_DASH.search(value))


# -- HTML, JATS and MathML markup in a record's text (Crossref's titles) -------------------------------------

#: inline HTML and JATS tags a record sets text in, as the LaTeX command that sets it so ('' for none)
_MARKUP_COMMANDS = {"i": "textit", "em": "emph", "italic": "textit", "b": "textbf", "strong": "textbf",
                    "bold": "textbf", "sc": "textsc", "scp": "textsc", "small-caps": "textsc", "sub": "textsubscript",
                    "sup": "textsuperscript", "tt": "texttt", "monospace": "texttt", "u": "underline",
                    "underline": "underline", "roman": "textrm", "sans-serif": "textsf", "span": "",
                    "inline-formula": ""}
#: MathML's elements (Crossref writes them with the mml: prefix, some records without)
_MATHML = frozenset("math mi mn mo ms mtext mspace mrow msub msup msubsup munder mover munderover mfrac msqrt "
                    "mroot mstyle mfenced mpadded mphantom mtable mtr mtd semantics".split())
_ATTRS = r"(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'))*\s*"
_PREFIX = r"(?:(?:mml|jats):)?"
#: a pair of tags holding no other tag: the innermost first
_MARKUP_PAIR = lazy(rf"<({_PREFIX})([A-Za-z][\w-]*)({_ATTRS})>([^<>]*)</\1\2\s*>")
#: a MathML script of two tokens: <mml:msub><mml:mi>H</mml:mi><mml:mn>2</mml:mn></mml:msub>
_MATHML_TOKEN = rf"<({_PREFIX})m[ino](?:{_ATTRS})>([^<>]*)</\{{n}}m[ino]\s*>"
_MATHML_SCRIPT = lazy(rf"<({_PREFIX})(msub|msup)(?:{_ATTRS})>\s*" + _MATHML_TOKEN.format(n=3) + r"\s*"
                      + _MATHML_TOKEN.format(n=5) + r"\s*</\1\2\s*>")
#: a MathML or JATS tag standing alone (an element of no text: <mml:mspace width="0.2em"/>, or one whose other
#: tag was dropped with the text between); a plain '<i>' alone is text, as in 'the <i> tag'
_MARKUP_LONE = lazy(rf"</?(?:(?:mml|jats):[A-Za-z][\w-]*|(?:{'|'.join(sorted(_MATHML))}))(?:{_ATTRS})/?>")
#: one with its prefix alone: an unprefixed MathML name alone ('The <math> element', 'a <mi> tag') is a title's
#: text, dropped only where the value holds a MathML formula (a '<math …>' element closed by its '</math>')
_MARKUP_LONE_PREFIXED = lazy(rf"</?(?:mml|jats):[A-Za-z][\w-]*(?:{_ATTRS})/?>")
_MATH_ELEMENT = lazy(r"<(?:mml:)?math\b[^<>]*>.*?</(?:mml:)?math\s*>", re.DOTALL)
_MARKUP_DROPPED = lazy(rf"<({_PREFIX})(annotation(?:-xml)?)(?:{_ATTRS})>.*?</\1\2\s*>", re.DOTALL)
_ENTITY = lazy(r"(?<!\\)&(?:(amp|lt|gt|quot|apos|nbsp)|#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6}));")
_ENTITY_LATEX = {"amp": "\\&", "lt": "\\textless{}", "gt": "\\textgreater{}", "quot": "{\\textquotedbl}",
                 "apos": "'", "nbsp": "~"}
#: characters an entity may name that are LaTeX's own: written as LaTeX writes them as text
_LATEX_SPECIAL = {"&": "\\&", "<": "\\textless{}", ">": "\\textgreater{}", '"': "{\\textquotedbl}",
                  "%": "\\%", "#": "\\#", "$": "\\$", "_": "\\_", "{": "\\{", "}": "\\}",
                  "~": "\\textasciitilde{}", "^": "\\textasciicircum{}", "\\": "\\textbackslash{}"}


def _markup_pair(m) -> str:
    prefix, name, text = m.group(1), m.group(2), m.group(4)
    if prefix == "mml:" or not prefix and name in _MATHML:
        return text                                 # MathML's token: its text
    command = _MARKUP_COMMANDS.get(name.lower())
    if command is None:
        return m.group(0) if not prefix else text   # <x>...</x> no markup kb knows: text as written
    return "\\" + command + "{" + text + "}" if command and text.strip() else text


def _entity(m) -> str:
    if m.group(1):
        return _ENTITY_LATEX[m.group(1)]
    code = int(m.group(2)) if m.group(2) else int(m.group(3), 16)
    if not 0x20 <= code <= 0x10FFFF or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF:
        return m.group(0)
    ch = chr(code)
    return _LATEX_SPECIAL.get(ch, ch)


def markup_as_latex(value: str) -> str:
    """A BibTeX value with the HTML, JATS and MathML markup of a record's text (Crossref's titles:
    'Effects of <i>in vitro</i> ...', 'CO<sub>2</sub>', '<scp>BERT</scp>', '<jats:italic>',
    '<mml:math ...><mml:msub><mml:mi>H</mml:mi><mml:mn>2</mml:mn></mml:msub></mml:math>') written as
    LaTeX sets it ('\\textit{in vitro}', 'CO\\textsubscript{2}', '\\textsc{BERT}', 'H\\textsubscript{2}') and
    its entities as the characters they name ('&amp;' '\\&'): the tags are no text of the title, which was
    shown, searched and exported with them. A '<' of no tag kb knows ('x < y', 'the <i> tag') is text, kept;
    a value without markup is returned as it is."""
    if "<" not in value and "&" not in value:
        return value
    if "<" in value:
        lone = _MARKUP_LONE if _MATH_ELEMENT.search(value) else _MARKUP_LONE_PREFIXED
        value = _MARKUP_DROPPED.sub("", value)          # MathML's annotation: the formula again, as source
        before = None
        while before != value:                          # innermost pairs first, then those around them
            before = value
            value = _MATHML_SCRIPT.sub(lambda m: m.group(4) + "\\text" + ("sub" if m.group(2) == "msub" else "super")
                                       + "script{" + m.group(6) + "}", value)
            value = _MARKUP_PAIR.sub(_markup_pair, value)
        value = lone.sub("", value)
    if "&" in value:
        value = _ENTITY.sub(_entity, value)
    return value


#: characters of Unicode's private use plane 15 that stand for the LaTeX a record's markup becomes, while the
#: text around it is judged as text (markup_marked): one per command opened, one for a group's close, one per
#: LaTeX special an entity names
_MARK_BASE = 0xF0000
_MARK_LATEX = ["}"] + ["\\" + c + "{" for c in sorted({c for c in _MARKUP_COMMANDS.values() if c}
                                                     | {"textsubscript", "textsuperscript"})] \
    + [_LATEX_SPECIAL[c] for c in sorted(_LATEX_SPECIAL) if c not in "{}"] + ["~", "\\textbraceleft{}",
                                                                            "\\textbraceright{}"]
_MARK_OF = {latex: chr(_MARK_BASE + i) for i, latex in enumerate(_MARK_LATEX)}
_MARK_CLOSE = _MARK_OF["}"]
#: an entity's character as markup_marked writes it: a brace as LaTeX's text one (BibTeX counts '\\{' as a brace)
_MARK_SPECIAL = {**{c: _MARK_OF[latex] for c, latex in _LATEX_SPECIAL.items() if c not in "{}"},
                 "{": _MARK_OF["\\textbraceleft{}"], "}": _MARK_OF["\\textbraceright{}"]}
#: Unicode's private use planes 15 and 16: no character any reader shows, dropped from a record's text
_MARKS = lazy("[\U000f0000-\U0010ffff]")


def _mark_pair(m) -> str:
    prefix, name, text = m.group(1), m.group(2), m.group(4)
    if prefix == "mml:" or not prefix and name in _MATHML:
        return text
    command = _MARKUP_COMMANDS.get(name.lower())
    if command is None:
        return m.group(0) if not prefix else text
    return _MARK_OF["\\" + command + "{"] + text + _MARK_CLOSE if command and text.strip() else text


def _mark_entity(m) -> str:
    if m.group(1):
        if m.group(1) == "nbsp":
            return _MARK_OF["~"]            # LaTeX's tie
        ch = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}[m.group(1)]
        return _MARK_SPECIAL.get(ch, ch)
    code = int(m.group(2)) if m.group(2) else int(m.group(3), 16)
    if not 0x20 <= code <= 0x10FFFF or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF:
        return m.group(0)
    ch = chr(code)
    return "" if _MARKS.match(ch) else _MARK_SPECIAL.get(ch, ch)


def markup_marked(value: str) -> str:
    """A record's text (Crossref's JSON) with its HTML, JATS and MathML markup and its entities (as markup_as_latex
    reads them) each one private-use character standing for the LaTeX it becomes (marked_latex writes it), the
    text between left as the record has it: the text is judged as text (bibtex.record_text), where a '{' of the
    record is the character, and the markup is LaTeX's groups, never the record's text. A value holding such a
    character of Unicode's private use planes 15 and 16 (those kb marks with) has it dropped."""
    if _MARKS.search(value):
        value = _MARKS.sub("", value)
    if "<" not in value and "&" not in value:
        return value
    if "<" in value:
        value = _MARKUP_DROPPED.sub("", value)
        before = None
        while before != value:
            before = value
            value = _MATHML_SCRIPT.sub(lambda m: m.group(4) + _MARK_OF["\\text" + ("sub" if m.group(2) == "msub"
                                                                                   else "super") + "script{"]
                                       + m.group(6) + _MARK_CLOSE, value)
            value = _MARKUP_PAIR.sub(_mark_pair, value)
        value = _MARKUP_LONE.sub("", value)
    if "&" in value:
        value = _ENTITY.sub(_mark_entity, value)
    return value


def marked_latex(value: str) -> str:
    """The LaTeX of markup_marked's characters in `value`: '\\textit{in vitro}', 'CO\\textsubscript{2}', '\\&'."""
    if not _MARKS.search(value):
        return value
    return _MARKS.sub(lambda m: _MARK_LATEX[ord(m.group(0)) - _MARK_BASE]
                      if ord(m.group(0)) - _MARK_BASE < len(_MARK_LATEX) else "", value)


def latex_to_text(value: str | None) -> str:
    """Readable text from a BibTeX value: commands and accents decoded, braces
    dropped, whitespace collapsed (a record's HTML, JATS and MathML markup read as its text: markup_as_latex)."""
    if not value:
        return ""
    if "<" in value or "&" in value and ";" in value:
        value = markup_as_latex(value)
    if "\\" not in value and "$" not in value and _plain_reads(value):
        return " ".join(_plain(value).split())          # a percent sign here is one (_RAW_PERCENT)
    return _decoded(value)


#: The journal macros of the AAS (aas_macros.sty, AASTeX 5.2, as the A&A class defines them too), which ADS's
#: BibTeX writes for a journal ('journal = {\apj}'), as LaTeX prints them; \astap, \apjlett, \apjsupp and
#: \applopt are its other names of \aap, \apjl, \apjs and \ao.
AAS_JOURNALS = {
    "aj": "AJ", "actaa": "Acta Astron.", "araa": "ARA&A", "apj": "ApJ", "apjl": "ApJ", "apjs": "ApJS",
    "ao": "Appl. Opt.", "apss": "Ap&SS", "aap": "A&A", "aapr": "A&A Rev.", "aaps": "A&AS", "azh": "AZh",
    "baas": "BAAS", "bac": "Bull. astr. Inst. Czechosl.", "caa": "Chinese Astron. Astrophys.",
    "cjaa": "Chinese J. Astron. Astrophys.", "icarus": "Icarus", "jcap": "J. Cosmology Astropart. Phys.",
    "jrasc": "JRASC", "memras": "MmRAS", "mnras": "MNRAS", "na": "New A", "nar": "New A Rev.",
    "pra": "Phys. Rev. A", "prb": "Phys. Rev. B", "prc": "Phys. Rev. C", "prd": "Phys. Rev. D",
    "pre": "Phys. Rev. E", "prl": "Phys. Rev. Lett.", "pasa": "PASA", "pasp": "PASP", "pasj": "PASJ",
    "rmxaa": "Rev. Mexicana Astron. Astrofis.", "qjras": "QJRAS", "skytel": "S&T", "solphys": "Sol. Phys.",
    "sovast": "Soviet Ast.", "ssr": "Space Sci. Rev.", "zap": "ZAp", "nat": "Nature", "iaucirc": "IAU Circ.",
    "aplett": "Astrophys. Lett.", "apspr": "Astrophys. Space Phys. Res.", "bain": "Bull. Astron. Inst. Netherlands",
    "fcp": "Fund. Cosmic Phys.", "gca": "Geochim. Cosmochim. Acta", "grl": "Geophys. Res. Lett.",
    "jcp": "J. Chem. Phys.", "jgr": "J. Geophys. Res.", "jqsrt": "J. Quant. Spec. Radiat. Transf.",
    "memsai": "Mem. Soc. Astron. Italiana", "nphysa": "Nucl. Phys. A", "physrep": "Phys. Rep.",
    "physscr": "Phys. Scr", "planss": "Planet. Space Sci.", "procspie": "Proc. SPIE",
    "astap": "A&A", "apjlett": "ApJ", "apjsupp": "ApJS", "applopt": "Appl. Opt.",
}
_ONE_MACRO = lazy(r"\s*(?:\{\s*)?\\([A-Za-z]+)\s*(?:\}\s*)?")


def venue_text(value: str | None) -> str:
    """A journal's (or venue's) text: one AAS journal macro alone ('\\apj', '{\\mnras}', as ADS
    writes them) as aas_macros.sty prints it ('ApJ', 'MNRAS'), where latex_to_text, knowing no such
    command, read nothing; anything else as latex_to_text reads it."""
    if value and "\\" in value:
        m = _ONE_MACRO.fullmatch(value)
        if m is not None and m.group(1) in AAS_JOURNALS:
            return AAS_JOURNALS[m.group(1)]
    return latex_to_text(value)


def crossref_greek_as_latex(value: str) -> str:
    """A BibTeX value with Crossref's `$\\{upOmega}$` (how its BibTeX writes the
    `{\\upOmega}` of an upright Greek letter) written `$\\Omega$`: LaTeX's own command
    for the letter, which LaTeX, biber and pandoc all read. pandoc's BibTeX reader
    refuses the escaped brace, and with it the whole file; `\\upOmega` needs the
    upgreek package, which a writer's document may not load. Only inside `$...$`;
    anything else, and a value without it, is left as written."""
    if "\\{" not in value or "$" not in value:
        return value

    def greek(m) -> str:
        name = m.group(1) if m.group(1) in _GREEK else m.group(2) if m.group(2) in _GREEK else None
        if name is None or len(_UNESCAPED_DOLLAR.findall(value, 0, m.start())) % 2 == 0:
            return m.group(0)
        after = value[m.end():m.end() + 1]
        return "\\" + name + ("{}" if after.isalpha() else "")

    return _CROSSREF_GREEK.sub(greek, value)


def _math_islands(value: str) -> list[tuple[int, int]] | None:
    """The spans of `$...$` in a value whose commands are all inside them (Crossref's and
    many a title's only LaTeX), each `$` outside every brace; None for any other value."""
    if "$$" in value or not _plain_reads(value):
        return None
    spans, depth, opened = [], 0, None
    for i, ch in enumerate(value):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "$":
            if depth:
                return None
            if opened is None:
                opened = i
            else:
                spans.append((opened, i + 1))
                opened = None
        elif ch == "\\" and opened is None:
            return None
    return spans if opened is None and depth == 0 and spans else None


#: The characters Unicode has as a subscript or a superscript: digits, signs and brackets, and the
#: lower-case letters it has a form of (no subscript b, c, d...; no superscript q).
_SUB = dict(zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉"
                "₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚ"
                "ᵣₛₜᵤᵥₓ"))
_SUP = dict(zip("0123456789+-=()abcdefghijklmnoprstuvwxyz", "⁰¹²³⁴⁵⁶⁷⁸"
                "⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲ"
                "ᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"))
_SUP_SIGNS = {"\\circ": "°", "\\prime": "′", "\\dagger": "†", "*": "*"}
_MATH = lazy(r"(?<!\\)\$([^$]+)(?<!\\)\$")
# a script in math: _2, ^{14}, _{\mathrm{2}}, ^\circ; and \textsubscript{2}, \textsuperscript{+} in text
_SCRIPT = lazy(r"(?<!\\)([_^])\s*(?:\{\s*(?:\\(?:mathrm|text|rm|mathit)\s*\{([^{}]*)\}|([^{}]*))\s*\}|(\\[A-Za-z]+)|([0-9A-Za-z+=-]))")
_TEXT_SCRIPT = lazy(r"\\text(sub|super)script\s*\{([^{}\\$]*)\}")


def _script(kind: str, text: str, whole: str) -> str:
    """`text` as a subscript (`kind` '_') or superscript ('^') in Unicode's characters for it, where
    it has one for each ('2' '₂', '-3' '⁻³', '\\circ' '°'); else `whole`, as written."""
    text = text.strip()
    if kind == "^" and text in _SUP_SIGNS:
        return "{}" + _SUP_SIGNS[text]
    table = _SUB if kind == "_" else _SUP
    if not text or len(text) > 12 or any(c not in table for c in text):
        return whole
    return "{}" + "".join(table[c] for c in text)      # '{}': a command before ends ('\\beta_i', '\\lim_n')


#: TeX's operator names, printed as a word with space before what they apply to ('$\\log n$': log n)
_OPERATOR = lazy(r"\\(arccos|arcsin|arctan|arg|cos|cosh|cot|coth|csc|deg|det|dim|exp|gcd|hom|inf|ker|lg|lim|"
                 r"liminf|limsup|ln|log|max|min|Pr|sec|sin|sinh|sup|tan|tanh)\s+(?=[A-Za-z0-9\\{])")


#: TeX's relations and binary operators: spaced on both sides where written so ('$T \\approx 5800$': T ≈ 5800,
#: where the space after the command was lost: 'T ≈5800'); '$\\sim$5', '$\\sim 5$' stay '∼5'
_RELATION = lazy(r"(?<=\s)\\(approx|approxeq|asymp|cap|cdot|circ|cong|cup|div|equiv|ge|geq|gg|gtrsim|in|le|leq|"
                 r"lesssim|ll|mapsto|mid|mp|ne|neq|ni|notin|otimes|oplus|parallel|perp|pm|propto|rightarrow|"
                 r"leftarrow|leftrightarrow|Rightarrow|Leftarrow|Leftrightarrow|sim|simeq|subset|subseteq|supset|"
                 r"supseteq|times|to)\s+(?=[^\s$])")


def _math_scripts(math: str) -> str:
    """The scripts of one `$...$` written as Unicode's sub- and superscript characters where it has them,
    and the space after an operator's name kept ('$\\log g$' was read 'logg', a word no reader sees)."""
    if "\\" in math:
        math = _OPERATOR.sub(lambda m: "\\" + m.group(1) + "\\ ", math)
        math = _RELATION.sub(lambda m: "\\" + m.group(1) + "\\ ", math)
    return _SCRIPT.sub(lambda m: _script(m.group(1), next(g for g in m.groups()[1:] if g is not None), m.group()),
                       math)


def _scripts(value: str) -> str:
    """`value` with the sub- and superscripts a reader sees as such ('H$_2$O', '$^{14}$C', '$O(n^2)$',
    'H\\textsubscript{2}O') in Unicode's characters for them ('H₂O', '¹⁴C', 'O(n²)'): LaTeX's
    markup for them ('H_2O') is no text a reader sees. A script Unicode has no character for ('T$_c$')
    is left to be read as before."""
    if "$" in value and ("_" in value or "^" in value or "\\" in value):
        value = _MATH.sub(lambda m: _math_scripts(m.group()), value)
    if "script" in value:
        value = _TEXT_SCRIPT.sub(lambda m: _script("_" if m.group(1) == "sub" else "^", m.group(2), m.group()),
                                 value)
    return value


@lru_cache(maxsize=8192)
def _decoded(value: str) -> str:
    """pylatexenc's reading of a value with commands, math, comments or specials: kept,
    as the same title is decoded for its index row, its normal form and the paper finder.
    A value whose only LaTeX is in `$...$` has only those parsed (pylatexenc reads a
    character at a time, and math is a node of its own): the same text, tested."""
    if "%" in value:
        value = _RAW_PERCENT.sub(r"\1\\%", value)
    if "&" in value:
        value = _RAW_AMPERSAND.sub(r"\1\\&", value)     # an '&' no backslash escapes is one ('Energy & Policy')
    value = _scripts(value)
    if "\\{" in value:
        value = _CROSSREF_GREEK.sub(lambda m: "\\" + m.group(1) + " " if m.group(2) in _GREEK else m.group(0),
                                    value)
    islands = _math_islands(value)
    if islands is None:
        return " ".join(_pylatexenc(value).split())
    out, pos = [], 0
    for start, end in islands:
        out += [_plain(value[pos:start]), _pylatexenc(value[start:end])]
        pos = end
    out.append(_plain(value[pos:]))
    return " ".join("".join(out).split())


@lru_cache(maxsize=8192)
def _pylatexenc(value: str) -> str:
    """pylatexenc's text of `value` (kept: the same math recurs, `$\\alpha$`, `$k$`)."""
    from pylatexenc.latexwalker import LatexWalker

    converter, parse_db = _converter()
    try:
        nodes = LatexWalker(value, latex_context=parse_db, tolerant_parsing=True).get_latex_nodes()[0]
        return converter.nodelist_to_text(nodes)
    except Exception:      # pylatexenc's own failure on odd input: fall back to the braces dropped
        return value.replace("{", "").replace("}", "").replace("--", "–")
