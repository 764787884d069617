"""kb.sources.citekey: the keys kb makes."""

from __future__ import annotations

from kb.sources.citekey import make_key, unique_key


def test_a_made_key_is_free_in_any_case():
    assert unique_key("doe2021energy", {"Doe2021Energy"}) == "doe2021energyb"
    assert unique_key("doe2021energy", {"DOE2021ENERGY", "doe2021energyB"}) == "doe2021energyc"
    assert unique_key("doe2021energy", {"other"}) == "doe2021energy"
    taken = {"x"} | {f"X{c}" for c in "bcdefghijklmnopqrstuvwxyz"}
    assert unique_key("x", taken) == "x2"
    assert unique_key("x", taken | {"X2"}) == "x3"


def test_make_key_from_metadata():
    assert make_key(["Strubell, Emma"], 2019, "Energy and Policy Considerations", set()) == "strubell2019energy"
    assert make_key([], None, "", set()) == "anonnd"
