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


def test_an_organisation_keys_a_citekey_whole():
    assert make_key(["International Energy Agency"], 2023, "World Energy Outlook 2023", set()) \
        == "internationalenergyagency2023world"
    assert make_key(["{International Energy Agency}"], 2023, "World Energy Outlook", set()) \
        == "internationalenergyagency2023world"
    assert make_key(["Google AI"], 2021, "Pathways", set()) == "googleai2021pathways"
    assert make_key(["Strubell, Emma"], 2019, "Energy and Policy", set()) == "strubell2019energy"


def test_crossref_names_an_organisation_whole():
    from kb.sources.metadata import from_crossref

    meta = from_crossref({"title": ["World Energy Outlook"], "author": [{"name": "International Energy Agency"},
                                                                      {"family": "Birol", "given": "Fatih"}],
                          "issued": {"date-parts": [[2023]]}})
    assert meta.authors == ["{International Energy Agency}", "Birol, Fatih"]
