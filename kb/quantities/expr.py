"""Check expressions, parsed by hand and evaluated over intervals; never `eval`.

An expression recomputes a stated figure from the figures it rests on:

    image_gen_max / smartphone_charge
    strubell2019energy.nas_co2e / patterson2021carbon.nas_co2e_actual
    11.49 kWh / (1000 image)         1 smartphone_charge per image

Grammar (``per`` is ``/``; ``×``, ``·`` are ``*``; ``−`` is ``-``; ``**`` is ``^``)::

    expr    := term (("+" | "-") term)*
    term    := unary (("*" | "/" | "per") unary)*
    unary   := ("-" | "+") unary | power
    power   := atom ("^" ["-"] INTEGER)?
    atom    := NUMBER [unit | NAME] | NAME | "(" expr ")"
    unit    := "%" | unit-name+          (a number followed by a unit multiplies it)

NAME is a claim or constant (``image_gen_max``, dotted ``paper.claim``; a citekey
that holds '-', ':' or '/' is quoted with backticks, ```le-scao-rush-2021-many`.x``,
or written with '_' for '-'), or a unit
when nothing of that name is defined. A number followed by words that form a unit
takes that unit ("11.49 kWh", "626155 lb CO2e"); followed by any other name it is
multiplied by it ("1 smartphone_charge" when smartphone_charge is a constant).
A number may be written with a decimal comma ("0,5 kWh", "1.234,5 MWh"; "1,000" is a
thousand), as in every figure kb reads. Numbers written in an expression are exact (1000 inferences, 1000 kg per t):
precision comes from the named figures, whose stated precision `evaluate` carries
through every operation.

User units are given, not looked up: `parse` and `evaluate` take the user units in
use (``units=``, a `kb.quantities.userunits.UserUnits`); without them only the unit
registry's names are units.

Anything else (strings, calls, subscripts, attribute access on a parenthesis,
lambdas) is a parse error. Input is capped at 10,000 characters and 100 levels of
nesting, so hostile input fails fast instead of exhausting the stack.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Callable, Iterable, Union

from kb.errors import KBError, NotFound, UsageError
from kb.quantities.interval import (
    MAX_MAGNITUDE,
    MIN_MAGNITUDE,
    SCALE_WORDS,
    Interval,
    UnitMismatch,
    decimal_commas,
    format_number,
    round_power_of_ten,
)
from kb.quantities.units import counted_things, parse_unit, unit_powers
from kb.quantities.userunits import UserUnits
from kb.text.lazyre import lazy

MAX_LENGTH = 10_000
MAX_DEPTH = 100
# A chain "a + b + c + ..." makes a tree as deep as it is long; evaluation recurses
# over it, so its height is capped too (well below Python's recursion limit).
MAX_HEIGHT = 200
_MAX_UNIT_WORDS = 4


# ---------------------------------------------------------------- AST

@dataclass(frozen=True)
class Number:
    text: str
    value: Decimal
    pos: int
    unit: str | None = None  # unit written right after the number ("11.49 kWh")

    def __str__(self) -> str:
        return f"{self.text} {self.unit}" if self.unit else self.text


@dataclass(frozen=True)
class Name:
    name: str
    pos: int

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Neg:
    operand: "Expr"
    pos: int

    def __str__(self) -> str:
        return f"-{_wrap(self.operand, 3)}"


@dataclass(frozen=True)
class BinOp:
    op: str  # one of + - * /
    left: "Expr"
    right: "Expr"
    pos: int

    def __str__(self) -> str:
        p = _PREC[self.op]
        left = _wrap(self.left, p)
        right = _wrap(self.right, p + 1)  # left-associative
        if self.op == "/" and isinstance(self.right, Number) and self.right.unit:
            right = f"({right})"  # "x / (1000 image)" reads better than "x / 1000 image"
        return f"{left} {self.op} {right}"


@dataclass(frozen=True)
class Pow:
    base: "Expr"
    exponent: int
    pos: int

    def __str__(self) -> str:
        return f"{_wrap(self.base, 4)}^{self.exponent}"


Expr = Union[Number, Name, Neg, BinOp, Pow]
_PREC = {"+": 1, "-": 1, "*": 2, "/": 2}


def _prec(e: Expr) -> int:
    if isinstance(e, BinOp):
        return _PREC[e.op]
    if isinstance(e, Neg):
        return 3
    if isinstance(e, Pow):
        return 4
    return 5  # atoms, and a number with its unit ("1000 image" binds tightest)


def _wrap(e: Expr, min_prec: int) -> str:
    s = str(e)
    return f"({s})" if _prec(e) < min_prec else s


# ---------------------------------------------------------------- tokenizer

@dataclass(frozen=True)
class _Tok:
    kind: str  # NUM NAME OP LPAREN RPAREN PERCENT END
    text: str
    pos: int


_NUM_RE = lazy(
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?")
# A scale after a number multiplies it, as in every figure kb reads: "30M", "2.5bn", "3 million".
_SCALE_RE = lazy(r"(?:k|K|M|B|bn)(?![A-Za-z0-9_])|[ ]+(?:thousand|million|billion|trillion)\b")
# After a dot a claim's id may start with a digit or hold a dot of its own: "paper.950_charges",
# "paper.gpt_3.5" (the id "gpt-3.5").
_NAME_RE = lazy(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*")
_SIGN_UNIT_RE = lazy(r"°[ ]?[CFK]\b|°|[µμ][A-Za-z]+")
_OPS = {"+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "·": "*", "/": "/", "÷": "/",
        "^": "^"}


def _error(text: str, pos: int, message: str) -> UsageError:
    snippet = text[max(0, pos - 20):pos + 20].replace("\n", " ")
    where = f" at position {pos + 1}" if pos < len(text) else ""
    return UsageError(f"cannot parse expression: {message}{where} (near {snippet!r})")


def tokenize(text: str) -> list[_Tok]:
    """Tokens of an expression; any character outside the grammar is an error."""
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        # ASCII digits only: str.isdigit() is also true of '¹' or '٣', which no number here holds.
        if c in "0123456789" or (c == "." and i + 1 < n and text[i + 1] in "0123456789"):
            m = _NUM_RE.match(text, i)
            assert m is not None
            end = m.end()
            if end < n and text[end] in "0123456789,":
                raise _error(text, end, "malformed number (thousands groups have three "
                             "digits, e.g. 1,287)")
            sm = _SCALE_RE.match(text, end)
            if sm is not None:
                end = sm.end()
            toks.append(_Tok("NUM", text[i:end], i))
            i = end
            continue
        m = _SIGN_UNIT_RE.match(text, i) if c in "°µμ" and i + 1 < n and \
            (text[i + 1].isalpha() or text[i + 1] == " " and c == "°") else None
        if m is not None:
            # a unit's sign as kb prints it: "25 °C", "1 µs" (never "µǅ": not a unit's letters)
            toks.append(_Tok("NAME", m.group(0).replace(" ", ""), i))
            i = m.end()
            continue
        if c.isalpha() or c == "_":
            m = _NAME_RE.match(text, i)
            if m is None or not m.group(0):
                raise _error(text, i, f"unexpected character {c!r}")
            end = m.end()
            if end < n and text[end] == ".":
                raise _error(text, end, "a dotted name must continue with a letter, digit or '_'")
            word = m.group(0)
            if word == "per":
                toks.append(_Tok("OP", "/", i))
            else:
                toks.append(_Tok("NAME", word, i))
            i = end
            continue
        if c == "`":
            # A quoted citekey: any key BibTeX accepts (`le-scao-rush-2021-many`.x,
            # `DBLP:series/sci/2023-1062`.claim), where '-', ':' or '/' would be operators.
            close = text.find("`", i + 1)
            if close < 0:
                raise _error(text, i, "a quoted name opened with ` is never closed")
            key = text[i + 1:close]
            if not key.strip() or any(ch.isspace() or ch in "{}," for ch in key):
                raise _error(text, i, "a quoted name is a citekey: no spaces, braces or commas")
            end = close + 1
            m = _NAME_RE.match(text, end + 1) if text.startswith(".", end) else None
            if m is not None and m.group(0):
                end = m.end()
                key += "." + m.group(0)
            toks.append(_Tok("NAME", key, i))
            i = end
            continue
        if c in "²³" and toks and toks[-1].kind == "NAME":
            # "m³", "km²": a unit's power printed raised, as "m^3"
            toks.append(_Tok("OP", "^", i))
            toks.append(_Tok("NUM", "2" if c == "²" else "3", i))
            i += 1
            continue
        if text.startswith("**", i):
            toks.append(_Tok("OP", "^", i))
            i += 2
            continue
        if c in _OPS:
            toks.append(_Tok("OP", _OPS[c], i))
            i += 1
            continue
        if c == "(":
            toks.append(_Tok("LPAREN", c, i))
            i += 1
            continue
        if c == ")":
            toks.append(_Tok("RPAREN", c, i))
            i += 1
            continue
        if c == "%":
            toks.append(_Tok("PERCENT", c, i))
            i += 1
            continue
        if c == "." and i + 1 < n and (text[i + 1].isalpha() or text[i + 1] == "_"):
            raise _error(text, i, "attribute access is not allowed (only names like "
                         "paper.claim may contain dots)")
        what = {"'": "strings are not allowed", '"': "strings are not allowed",
                "[": "subscripts are not allowed", ",": "commas (arguments) are not allowed",
                ":": "':' is not allowed", "=": "'=' is not allowed",
                "@": "'@' is not allowed"}.get(c, f"unexpected character {c!r}")
        raise _error(text, i, what)
    toks.append(_Tok("END", "", n))
    return toks


# ---------------------------------------------------------------- parser

class _Parser:
    def __init__(self, text: str, toks: list[_Tok], user_names: frozenset[str]):
        self.text = text
        self.toks = toks
        self.user_names = user_names
        self.i = 0
        self.depth = 0

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        t = self.toks[self.i]
        self.i += 1
        return t

    def fail(self, expected: str) -> UsageError:
        t = self.peek()
        found = "the end of the expression" if t.kind == "END" else repr(t.text)
        return _error(self.text, t.pos, f"expected {expected}, found {found}")

    def enter(self, pos: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _error(self.text, pos, f"expression nested too deeply (more than "
                         f"{MAX_DEPTH} levels)")

    def parse(self) -> Expr:
        e = self.expr()
        t = self.peek()
        if t.kind != "END":
            if t.kind == "LPAREN":
                raise _error(self.text, t.pos, "calls are not allowed: expected an "
                             "operator before '('")
            if t.kind in ("NAME", "NUM"):
                raise _error(self.text, t.pos, f"expected an operator before {t.text!r}")
            raise self.fail("an operator or the end of the expression")
        return e

    def expr(self) -> Expr:
        left = self.term()
        while self.peek().kind == "OP" and self.peek().text in "+-":
            op = self.take()
            right = self.term()
            left = _checked(BinOp(op.text, left, right, op.pos), self.text)
        return left

    def term(self) -> Expr:
        left = self.unary()
        while self.peek().kind == "OP" and self.peek().text in "*/":
            op = self.take()
            right = self.unary()
            left = _checked(BinOp(op.text, left, right, op.pos), self.text)
        return left

    def unary(self) -> Expr:
        t = self.peek()
        if t.kind == "OP" and t.text in "+-":
            self.take()
            self.enter(t.pos)
            operand = self.unary()
            self.depth -= 1
            return operand if t.text == "+" else _checked(Neg(operand, t.pos), self.text)
        return self.power()

    def power(self) -> Expr:
        base = self.atom()
        if self.peek().kind == "OP" and self.peek().text == "^":
            op = self.take()
            neg = False
            if self.peek().kind == "OP" and self.peek().text in "+-":
                neg = self.take().text == "-"
            t = self.peek()
            if t.kind != "NUM" or not t.text.isdigit():
                raise self.fail("an integer power after '^'")
            self.take()
            n = int(t.text)
            if n > 64:
                raise _error(self.text, t.pos, "power too large (at most 64)")
            if self.peek().kind == "OP" and self.peek().text == "^":
                raise _error(self.text, self.peek().pos, "write (a^b)^c: chained powers "
                             "are ambiguous")
            return _checked(Pow(base, -n if neg else n, op.pos), self.text)
        return base

    def atom(self) -> Expr:
        t = self.peek()
        if t.kind == "NUM":
            self.take()
            digits = _NUM_RE.match(t.text).group(0)
            scale = t.text[len(digits):].strip()
            try:
                value = Decimal(digits.replace(",", "")).scaleb(SCALE_WORDS[scale] if scale else 0)
            except (InvalidOperation, ArithmeticError):   # an exponent beyond what Decimal holds
                value = MAX_MAGNITUDE * 10
            if value and not MIN_MAGNITUDE <= value.copy_abs() <= MAX_MAGNITUDE:
                raise _error(self.text, t.pos, f"number {t.text!r} out of range (kb reads figures "
                             "from 1E-300 to 1E+300)")
            unit = self.unit_after_number()
            number = Number(t.text, value, t.pos, unit)
            nxt = self.peek()
            if unit is None and nxt.kind == "NAME":
                # "2 x", "1 smartphone_charge" (a constant): juxtaposition multiplies.
                self.take()
                if self.peek().kind == "LPAREN":
                    raise _error(self.text, self.peek().pos, "calls are not allowed")
                return _checked(BinOp("*", number, Name(nxt.text, nxt.pos), nxt.pos),
                                self.text)
            return number
        if t.kind == "NAME":
            self.take()
            if self.peek().kind == "LPAREN":
                raise _error(self.text, self.peek().pos, "calls are not allowed")
            return Name(t.text, t.pos)
        if t.kind == "LPAREN":
            self.take()
            self.enter(t.pos)
            if self.peek().kind == "RPAREN":
                raise self.fail("an expression inside '()'")
            e = self.expr()
            if self.peek().kind != "RPAREN":
                raise self.fail("')'")
            self.take()
            self.depth -= 1
            return e
        if t.kind == "PERCENT":
            raise self.fail("a number before '%'")
        raise self.fail("a number, a name or '('")

    def unit_after_number(self) -> str | None:
        """The unit juxtaposed to a number: '%' or the longest run of words that is a unit."""
        if self.peek().kind == "PERCENT":
            self.take()
            return "%"
        words: list[_Tok] = []
        j = self.i
        while (len(words) < _MAX_UNIT_WORDS and self.toks[j].kind == "NAME"
               and "." not in self.toks[j].text):
            words.append(self.toks[j])
            j += 1
        for k in range(len(words), 0, -1):
            phrase = " ".join(w.text for w in words[:k])
            try:
                unit = parse_unit(phrase, self.user_names)
            except KBError:
                continue
            if unit.dimensionless and not unit_powers(unit):
                continue  # "2 x" is 2 * x, not "2 times"
            if self.toks[self.i + k].kind == "LPAREN":
                raise _error(self.text, self.toks[self.i + k].pos, "calls are not allowed")
            self.i += k
            # "2 m^3", "5 km²": the power is the unit's, never the number's ((2 m)^3 is 8 m³)
            op, exp, after = (self.toks[self.i:self.i + 3] + [self.toks[-1]] * 3)[:3]
            if (op.kind == "OP" and op.text == "^" and exp.kind == "NUM" and exp.text in ("2", "3")
                    and not (after.kind == "OP" and after.text == "^")):
                self.i += 2
                phrase += "^" + exp.text
            return phrase
        return None


def _height(e: Expr) -> int:
    return getattr(e, "_h", 1)


def _checked(e: Expr, text: str) -> Expr:
    """Record the height of a new node; refuse trees too tall to evaluate safely."""
    kids: list[Expr] = []
    if isinstance(e, BinOp):
        kids = [e.left, e.right]
    elif isinstance(e, (Neg,)):
        kids = [e.operand]
    elif isinstance(e, Pow):
        kids = [e.base]
    h = 1 + max((_height(k) for k in kids), default=0)
    if h > MAX_HEIGHT:
        raise _error(text, e.pos, f"expression too long (more than {MAX_HEIGHT} "
                     "operations in a chain)")
    object.__setattr__(e, "_h", h)
    return e


def parse(text: str, *, units: UserUnits | None = None) -> Expr:
    """Parse an expression; `UsageError` saying where and what was expected.

    Words after a number that form a unit are its unit ("11.49 kWh"); with `units`
    a user unit's name is one too ("1 smartphone_charge").
    """
    if not isinstance(text, str):
        raise UsageError(f"an expression must be text, not {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise UsageError(f"expression too long: {len(text):,} characters "
                         f"(at most {MAX_LENGTH:,})")
    if not text.strip():
        raise UsageError("empty expression: write the computation, e.g. "
                         "'image_gen_max / smartphone_charge'")
    # "0,5 kWh", "1.234,5 MWh": decimal commas read as every figure kb reads them ("1,000" stays a
    # thousand); each character keeps its place, so an error still points into the text as written.
    return _Parser(text, tokenize(decimal_commas(text)),
                   units.names if units is not None else frozenset()).parse()


def names(expr: Expr) -> list[str]:
    """The names an expression uses, in order of first use (units included)."""
    out: list[str] = []
    stack = [expr]
    while stack:
        e = stack.pop()
        if isinstance(e, Name):
            if e.name not in out:
                out.append(e.name)
        elif isinstance(e, BinOp):
            stack.extend([e.right, e.left])
        elif isinstance(e, Neg):
            stack.append(e.operand)
        elif isinstance(e, Pow):
            stack.append(e.base)
    return out


# ---------------------------------------------------------------- evaluation

Resolve = Callable[[str], "Interval | str"]


def resolver(values: dict[str, "Interval | str"]) -> Resolve:
    """A `resolve` over a dict of figures (Intervals or written figures like '11.49 kWh');
    written figures are read by `evaluate`, with the user units in use."""
    def resolve(name: str) -> "Interval | str":
        if name not in values:
            raise NotFound(f"undefined name {name!r}")
        return values[name]

    resolve.names = list(values)  # type: ignore[attr-defined]
    return resolve


def evaluate(expr: Expr, resolve: Resolve, *, known: Iterable[str] | None = None,
             trace: list[str] | None = None, units: UserUnits | None = None) -> Interval:
    """Evaluate over intervals. `resolve(name)` returns the named figure (an Interval,
    or a figure as written) and raises NotFound/KeyError when there is none.

    A name nothing resolves is read as a unit ("kWh", or "smartphone_charge" when
    `units` define it), else it is an error listing the closest `known` names (or
    `resolve.names`). Sums across user units convert with `units`. Each step is
    appended to `trace` for `kb check --explain`.
    """
    if known is None:
        known = getattr(resolve, "names", None) or ()
    known_list = list(known)
    seen: dict[str, Interval] = {}
    return _eval(expr, resolve, known_list, trace, seen, units if units is not None else UserUnits())


def _eval(e: Expr, resolve: Resolve, known: list[str], trace: list[str] | None,
          seen: dict[str, Interval], units: UserUnits) -> Interval:
    if isinstance(e, Number):
        if e.unit:
            return Interval.exact(float(e.value), e.unit, units=units)
        return Interval.exact(float(e.value))
    if isinstance(e, Name):
        return _name(e.name, resolve, known, trace, seen, units)
    if isinstance(e, Neg):
        return -_eval(e.operand, resolve, known, trace, seen, units)
    if isinstance(e, Pow):
        base = _eval(e.base, resolve, known, trace, seen, units)
        out = base ** e.exponent
        _step(trace, str(e), out)
        return out
    if isinstance(e, BinOp):
        a = _eval(e.left, resolve, known, trace, seen, units)
        b = _eval(e.right, resolve, known, trace, seen, units)
        if e.op == "+":
            out = a + _in_unit_of(a, b, e, units)
        elif e.op == "-":
            out = a - _in_unit_of(a, b, e, units)
        elif e.op == "*":
            _count_against_count(a, b, e, 1)
            out = a * b
        else:
            _count_against_count(a, b, e, -1)
            out = a.divide(b, where=f"'{e}'")
        _step(trace, str(e), out)
        return out
    raise UsageError(f"cannot evaluate {e!r}")  # pragma: no cover


def _counted(unit: object) -> dict[str, float]:
    """The things a unit counts, with their powers: {"query": -1} of Wh/query, {"image": 1} of images."""
    return counted_things(unit)


def _count_against_count(a: Interval, b: Interval, e: BinOp, sign: int) -> None:
    """`UnitMismatch` where a figure per one counted thing meets a count of another in a product or a quotient
    ("2 Wh/query * 1000 tokens", "Wh/image / (tokens/image) * images"): kb's counted things share one dimension, so the two
    would cancel one for one and the result look like a figure of neither. The same thing cancels (Wh/query *
    queries); a bare number counts nothing; a figure that itself counts one thing per another (tokens/query) may
    meet either."""
    # kb's "item" counts things of no name kb knows ("1000 items", "12 models"): one of them is never one query
    counted_a = counted_things(a.unit, items=True) if a.unit is not None else {}
    if not counted_a:
        return
    counted_b = {n: p * sign for n, p in counted_things(b.unit, items=True).items()} if b.unit is not None else {}
    if not counted_b:
        return
    out = dict(counted_a)
    for n, p in counted_b.items():
        out[n] = out.get(n, 0) + p
    # a figure per X (its own unit, never a divisor's: "tokens / queries" is tokens per query) meeting a count of Y
    sides = [(a, counted_a, b, counted_b)] + ([(b, counted_b, a, counted_a)] if sign > 0 else [])
    for per_side, pers, of_side, counts in sides:
        for x, px in pers.items():
            if px >= 0 or out.get(x, 0) >= 0:
                continue
            for y, py in counts.items():
                if y == x or py <= 0 or out.get(y, 0) <= 0 or any(
                        c.get(x, 0) < 0 < c.get(y, 0) for c in (counted_a, counted_b)):
                    continue
                raise UnitMismatch(
                    f"cannot {'multiply' if sign > 0 else 'divide'} in '{e}': {per_side.unit_text} is per {x} but "
                    f"{of_side.unit_text} counts another thing ({y}): kb never takes one {y} for one {x}",
                    src=b.unit_text, dst=a.unit_text)


def _in_unit_of(a: Interval, b: Interval, e: BinOp, units: UserUnits) -> Interval:
    """`b` in `a`'s unit, for adding or subtracting; `UnitMismatch` naming the operation. Figures per
    different things ("Wh/query" and "Wh/token", "kWh per image" and "kWh per run") or counts of different
    things are never added, though kb's arithmetic converts one to the other one for one: a sum or an
    average of them adds no like figures."""
    counted_a, counted_b = _counted(a.unit), _counted(b.unit)
    if counted_a != counted_b and a.unit.dimensionality == b.unit.dimensionality:
        things = ", ".join(dict.fromkeys([*counted_a, *counted_b]))
        raise UnitMismatch(f"cannot {'add' if e.op == '+' else 'subtract'} in '{e}': {a.unit_text} and "
                           f"{b.unit_text} are figures of different things ({things}): a sum or an average "
                           "adds only figures of the same thing", src=b.unit_text, dst=a.unit_text)
    try:
        return b.to(a.unit, units)
    except UnitMismatch as exc:
        raise UnitMismatch(f"cannot {'add' if e.op == '+' else 'subtract'} in '{e}': "
                           f"{exc.message}", src=exc.src, dst=exc.dst) from exc


def _step(trace: list[str] | None, what: str, value: Interval) -> None:
    if trace is not None:
        trace.append(f"{what} = {value.describe()}")


def _name(name: str, resolve: Resolve, known: list[str], trace: list[str] | None,
          seen: dict[str, Interval], units: UserUnits) -> Interval:
    if name in seen:
        return seen[name]
    try:
        value = resolve(name)
    except (NotFound, LookupError):
        value = None
    if value is not None:
        round_ten = False
        if isinstance(value, str):     # "100 GPUs" as a stated "100" is, 95 … 150 (never 50 … 150)
            read = Interval.from_written(value, units=units)
            value = round_power_of_ten(value, read)
            round_ten = value is not read
        if not isinstance(value, Interval):
            raise UsageError(f"name {name!r} resolved to {type(value).__name__}, "
                             "not a figure")
        if trace is not None:
            written = f", written {value.written!r}" if value.written else ""
            note = (f", -{format_number(value.nominal - value.lo)} +{format_number(value.hi - value.nominal)}: a "
                    "power of ten, a figure under it written with a digit fewer") if round_ten \
                else _precision_note(value)
            trace.append(f"{name} = {value.describe()}{note}{written}")
        seen[name] = value
        return value
    if "." not in name:
        try:
            unit = units.parse(name)
        except KBError:
            unit = None
        if unit is not None:
            v = Interval.exact(1.0, unit)
            uu = units.get(name)
            if trace is not None and uu is not None:
                trace.append(f"{name}: a unit, 1 {name} = {uu.describe()}"
                             f"{_precision_note(uu)}")
            seen[name] = v
            return v
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    hint = ("did you mean " + ", ".join(close) + "?") if close else None
    cut = sorted({k.split(".")[0] for k in known if k.startswith((name + "-", name + ":", name + "/"))})
    if cut:    # le-scao-rush-2021-many.x read as le - scao - ...
        hint = (f"{cut[0]!r} holds '-', ':' or '/': quote it, `{cut[0]}`.claim"
                + (f" (or write {cut[0].replace('-', '_')}.claim)" if set(cut[0]) & set(":/") == set() else ""))
    elif hint is None and "." not in name:
        # a word no claim is named: a unit of the writer's own, as one in a claim's value or a stated figure
        # is said (kb.quantities.checks): where to define it
        hint = (f"if {name} is a unit, define it in the [units] table of claims/checks.toml "
                f"({name} = \"<how much one is, with its unit>\"), or write a unit kb knows")
    raise NotFound(f"undefined name {name!r} in the expression", hint=hint)


def _precision_note(v: Interval) -> str:
    if v.is_exact:
        return ""
    half = (v.hi - v.lo) / 2
    return f", ±{format_number(half)}"
