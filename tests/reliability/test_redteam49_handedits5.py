"""Red-team sweep 49, hand edits: a claim's value edited to a range with its unit at both ends joined
by a hyphen, and the hand edits of a held-out sweep, and what every command then says."""

from __future__ import annotations

import pytest

# -- a claim's value edited to a range whose unit is written at both ends, joined by a hyphen ------


@pytest.mark.parametrize("written, read", [
    ("10 kWh-14 kWh", (10, 14, "kilowatt_hour")),
    ("10kWh-14kWh", (10, 14, "kilowatt_hour")),
    ("5 GPU-hours-7 GPU-hours", (5, 7, "gpu_hour")),
    ("10 MWh-14 kWh", "two units, 'MWh' and 'kWh'"),        # never guessed
    ("10 kWh–14 MWh", "two units, 'kWh' and 'MWh'"),
    ("10 kWh-4 kWh", "runs backwards"),
])
def test_a_range_with_its_unit_at_both_ends_joined_by_a_hyphen_is_the_range(written, read):
    """value = "10 kWh-14 kWh" was refused, 'unknown unit 'kWh-14 kWh': a number is not a unit' (an en
    dash or 'to' between them was read); two units at the ends were said as an unknown unit."""
    from kb.errors import UsageError
    from kb.quantities.interval import Interval

    if isinstance(read, str):
        with pytest.raises(UsageError) as exc:
            Interval.from_written(written)
        assert read in exc.value.message, exc.value.message
        return
    iv = Interval.from_written(written)
    assert (iv.nominal, str(iv.unit)) == ((read[0] + read[1]) / 2, read[2]) and iv.hi >= read[1], iv
