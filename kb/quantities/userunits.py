"""User units: names for figures a person states, such as smartphone_charge = "0.012 kWh".

A stated figure has a precision (0.012 means 0.0115 to 0.0125), so a user unit
must not become an exact pint conversion. Each name has a base dimension of its
own in pint (``[kbuser_smartphone_charge]``, `kb.quantities.units.register_user_unit`)
and its value is an `Interval` held by a `UserUnits` object. A conversion that
crosses a user unit (``Interval.to(unit, units)``) replaces the unit by that
interval, so its precision reaches every check that uses it.

A `UserUnits` is a value, passed to whatever reads or converts figures with user
units (``Interval.from_written(..., units=)``, ``Interval.to``, `kb.quantities.expr`,
`kb.quantities.checks.run_check`). It never changes once made, so two of them
(two knowledge bases pricing a smartphone charge differently) coexist in one
process without interfering; `merged` makes a new one with more definitions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from kb.errors import UsageError
from kb.quantities.interval import Interval
from kb.quantities.units import (
    format_unit,
    is_user_unit,
    parse_unit,
    register_user_unit,
    registry,
    unit_powers,
)

if TYPE_CHECKING:  # pragma: no cover
    import pint

# User units defined in terms of each other nest at most this deep.
MAX_EXPANSION_DEPTH = 20


class UserUnits(Mapping[str, Interval]):
    """User units by name, each the `Interval` it was defined as.

    ``UserUnits({"smartphone_charge": "0.012 kWh"})`` reads each value with
    `Interval.from_written`, so it keeps its stated precision (write
    "0.012 ± 0.001 kWh" or "exactly 24 hour" to say otherwise). Values may use
    other user units of the same definitions, not in a cycle. `UsageError` for a
    name kb already reads as a unit, a value that is not a figure, or a cycle.

    A read-only mapping (``"smartphone_charge" in units``, ``units[name]``);
    `names` is what unit parsing takes, `expand` what conversions use.
    """

    def __init__(self, definitions: Mapping[str, str] | None = None) -> None:
        self._values: dict[str, Interval] = {}
        self._names: frozenset[str] = frozenset()
        if definitions:
            self._define(definitions)

    def merged(self, definitions: Mapping[str, str]) -> "UserUnits":
        """New user units: these and `definitions`, which may redefine them or use them.
        This object is left as it is, also when `definitions` are refused."""
        new = UserUnits()
        new._values = dict(self._values)
        new._names = self._names
        new._define(definitions)
        return new

    def _define(self, definitions: Mapping[str, str]) -> None:
        """Read `definitions` into this object; only while it is being made."""
        if not isinstance(definitions, Mapping):
            raise UsageError("user units must be a table of name = \"figure\"")
        for name in definitions:
            register_user_unit(name)
        # Every name is readable before any value is read, so values may refer to
        # each other; a redefined unit's old value is gone.
        self._values = {k: v for k, v in self._values.items() if k not in definitions}
        self._names = frozenset(self._values) | frozenset(definitions)
        read: dict[str, Interval] = {}
        for name, value in definitions.items():
            if not isinstance(value, str):
                raise UsageError(f"unit {name!r}: value must be written as text, "
                                 f"e.g. \"0.012 kWh\", not {value!r}")
            interval = Interval.from_written(value, units=self)
            if name in unit_powers(interval.unit):
                raise UsageError(f"unit {name!r} is defined in terms of itself: {value!r}")
            read[name] = interval
        self._values.update(read)
        for name in read:  # a cycle is reported now rather than at the first check
            self.expand(registry().Unit(name))

    # ---- mapping

    def __getitem__(self, name: str) -> Interval:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v.written or v.describe()!r}" for k, v in self._values.items())
        return f"UserUnits({inner})"

    # ---- units

    @property
    def names(self) -> frozenset[str]:
        """The names of these user units, as `parse_unit` takes them."""
        return self._names

    def parse(self, text: str) -> "pint.Unit":
        """`parse_unit` reading these user units too ("kWh/smartphone_charge")."""
        return parse_unit(text, self._names)

    def expand(self, unit: "pint.Unit", _depth: int = 0) -> tuple[Interval, "pint.Unit"]:
        """Replace user units by their stated intervals: (dimensionless factor, plain unit).

        `unit` equals factor × plain unit, where the plain unit has no user units and
        the factor carries the precision of every user unit involved. `UsageError`
        for a user unit these do not define.
        """
        ureg = registry()
        if _depth > MAX_EXPANSION_DEPTH:
            raise UsageError("user units refer to each other in a cycle or too deeply "
                             f"(at {format_unit(unit)})")
        factor = Interval.exact(1.0)
        plain = ureg.dimensionless
        for name, power in unit_powers(unit).items():
            if not is_user_unit(name):
                plain = plain * ureg.Unit(name) ** power
                continue
            value = self._values.get(name)
            if value is None:
                raise UsageError(f"unit {name!r} is not defined",
                                 hint="define it among the user units")
            if int(power) != power:
                raise UsageError(f"non-integer power of user unit {name!r}")
            sub_factor, sub_plain = self.expand(value.unit, _depth + 1)
            scaled = Interval(value.lo, value.nominal, value.hi, ureg.dimensionless)
            factor = factor * (scaled * sub_factor) ** int(power)
            plain = plain * sub_plain ** power
        return factor, plain
