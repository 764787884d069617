"""A claims file left under a key no longer in references.bib, whose work is under another key that
has a claims file of its own: kb doctor and the listings name the key its work is under now, and
kb doctor says to merge the files (kb rename refuses to write over one), never `kb rename`."""

from __future__ import annotations

import pytest
from kbrun import run_kb
from pdfgen import make_pdf

PAGES = ["Hydro Storage in the Alps", "The pumped storage plant holds 8.5 GWh when its upper lake is full.",
         "Its turbines reverse within minutes of a call from the grid."]


@pytest.mark.parametrize("how", ["by hand", "kb rename"])
def test_the_key_of_its_work_is_named(kb_root, tmp_path, how):
    pdf = tmp_path / "alps.pdf"
    pdf.write_bytes(make_pdf(PAGES, title=PAGES[0], author="Lise Meitner"))
    assert run_kb("add", "--offline", pdf).code == 0
    old = run_kb("ls", "--json").json[0]["citekey"]
    assert run_kb("quote", "add", old, "holds 8.5 GWh when its upper lake is full").code == 0
    left = (kb_root / "claims" / f"{old}.toml").read_text()
    if how == "by hand":
        bib = kb_root / "references.bib"
        bib.write_text(bib.read_text().replace("{" + old + ",", "{alps2020,"))
    else:
        assert run_kb("rename", old, "alps2020").code == 0
    assert run_kb("quote", "add", "alps2020", "Its turbines reverse within minutes").code == 0
    # brought back by a merge (its quote under another id: the rename moved it), or never moved
    (kb_root / "claims" / f"{old}.toml").write_text(left.replace('id = "', 'id = "old-'))

    r = run_kb("doctor")
    assert r.code == 1 and "Traceback" not in r.err
    line = next(x for x in r.out.splitlines() if x.startswith("problem:") and f"claims/{old}.toml" in x)
    assert "its work is under alps2020 now" in line and "claims/alps2020.toml is there too" in line, line
    assert "kb rename" not in line, line
    (quote,) = [q for q in run_kb("quote", "ls", "--json").json if q["citekey"] == old]
    assert quote["status"] == "unverified" and "its work is under alps2020 now" in quote["reason"], quote
