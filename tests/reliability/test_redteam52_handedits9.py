"""Red-team sweep 52, hand edits of the truth files: a unit defined twice said at both its lines, a PDF deleted by
hand said alike by every command after kb rebuild, the page text kept of it cleaned once the PDF is back (and only
then), a quote moved into another paper's claims file failed in one wording by every listing, and hand edits of
references.bib, claims/ and kb.toml followed by every command without a traceback or a byte lost."""

from __future__ import annotations

import json

import pytest

BIB = """@misc{alpha2020energy,
  title = {Energy Use of Alpha Models in Practice},
  author = {Alpha, Ada and Beta, Bob},
  year = {2020},
}

@misc{beta2021carbon,
  title = {Carbon of Beta Systems},
  author = {Beta, Bob},
  year = {2021},
}
"""
PAGES = {
    "alpha2020energy": ["Alpha models. We trained 12 models on 64 GPUs for 3 days, which used 1,287 MWh of energy.",
                        "The data centre had a PUE of 1.1 and emitted 552 tCO2e in total."],
    "beta2021carbon": ["Beta systems. Our cluster of routers drew 40 kW around the clock in the basement.",
                       "Cooling the routers took a further 9 kW on the hottest summer afternoons."],
}


def _two_papers(root, tmp_path, versions=("v1", "v1")):
    from kbrun import run_kb

    (root / "references.bib").write_text(BIB)
    for (key, pages), version in zip(PAGES.items(), versions):
        path = tmp_path / f"{key}.json"
        path.write_text(json.dumps(pages))
        args = ("--version", version) if version else ()
        r = run_kb("text", "load", key, path, *args)
        assert r.code == 0, r.err


# -- a unit defined twice: both places, with their lines -------------------------------------------------------

@pytest.mark.parametrize("files", [
    # (file, text, line of the unit 'kwhx') ...
    [("a.toml", '[units]\nkwhx = "1 kWh"\n', 2), ("b.toml", '[units]\nkwhx = "2 kWh"\n', 2)],
    [("a.toml", '# units of mine\n\n\n[units]\nfoo = "1 m"\nkwhx = "1 kWh"\n', 6),
     ("b.toml", '[units]\n\nkwhx = "1 kWh"\n', 3)],
    [("a.toml", 'units = { kwhx = "1 kWh" }\n', 1), ("b.toml", '[units]\nkwhx = "1 kWh"\n', 2)],
    [("a.toml", '[units]\nkwhx = "1 kWh"\n', 2), ("checks.toml", '\n[units]\nkwhx = "1 kWh"\n', 3)],
    [("a.toml", 'units.kwhx = "1 kWh"\n', 1), ("b.toml", '[units]\nkwhx = "1 kWh"\n', 2)],
    [("alpha2020energy.toml", '[[quote]]\nid = "q1"\ntext = "We trained 12 models"\nstatus = "unverified"\n'
      'page = 1\n\n[units]\npage = "3 kWh"\n', 8), ("b.toml", '[units]\npage = "3 kWh"\n', 2)],
    [("a.toml", '[[check]]\nid = "c"\nstated = "1 kWh"\nexpr = "1 kWh"\n\n[units]\nkwhx = "1 kWh"\n', 7),
     ("b.toml", '[units]\nkwhx = "2 kWh"\n', 2)],
])
def test_a_unit_defined_twice_is_said_at_both_its_lines(kb_root, files):
    """A unit defined in two claims files named the other file without its line ('also in claims/a.toml'), where
    a claim or check id defined twice names both lines; a unit whose name a record above it also uses as a key
    (page) was said at that record's line. Now both places are said, each at its unit's line."""
    from alphakb import one_error
    from kbrun import run_kb

    (kb_root / "references.bib").write_text(BIB)
    for name, text, _ in files:
        path = kb_root / "claims" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    name = "page" if "page =" in files[0][1].split("[units]")[-1] else "kwhx"
    for command in (("check",), ("verify",)):
        r = run_kb(*command)
        one_error(r, f"unit '{name}' is defined twice")
        places = [f"claims/{f}:{line}" for f, _, line in files]
        assert all(p in r.err for p in places), (places, r.err)
    r = run_kb("doctor")
    assert r.code == 1 and all(f"claims/{f}:{line}" in r.out for f, _, line in files), r.out
    for name, text, _ in files:         # nothing rewritten
        assert (kb_root / "claims" / name).read_text() == text


@pytest.mark.parametrize("text, lines", [
    ('[units]\nkwhx = "1 kWh"\n', {"kwhx": 2}),
    ('[[quote]]\nid = "q"\ntext = "x y"\n\n[units]\nid = "1 m"\ntext = "2 m"\n', {"id": 6, "text": 7}),
    ('[[claim]]\nid = "c"\nvalue = "1 kWh"\npage = 2\n[units]\npage = "1 m"\nvalue = "1 s"\n', {"page": 6, "value": 7}),
    ('units.kwhx = "1 kWh"\n', {"kwhx": 1}),
    ('units = { kwhx = "1 kWh", mwx = "2 MWh" }\n', {"kwhx": 1, "mwx": 1}),
])
def test_a_unit_is_read_at_the_line_of_its_name_in_units(tmp_path, text, lines):
    from kb.store import claimsfile

    path = tmp_path / "x.toml"
    path.write_text(text)
    doc = claimsfile.load(path, "x", "claims/x.toml")
    assert {u.name: u.line for u in doc.units} == lines
