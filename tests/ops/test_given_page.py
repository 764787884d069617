"""`kb quote add|claim add --page N`: kb still finds the passage; a page it is not on is refused in one
line naming the page it is on; a page it is on stores exactly what kb stores without --page."""

from __future__ import annotations

import pytest
from kbrun import run_kb
from pdfgen import make_pdf

PAGES = ["Wind Farms of the Coast",
         "Each turbine delivered 3.5 MW at rated wind speed in the trials.",
         "The blades are inspected every spring by the operators.",
         "The array of sixty turbines reached 210 MW of installed capacity."]


@pytest.fixture
def coast(kb_root, tmp_path):
    pdf = tmp_path / "coast.pdf"
    pdf.write_bytes(make_pdf(PAGES, title=PAGES[0], author="Ada Lovelace"))
    assert run_kb("add", "--offline", pdf).code == 0
    return kb_root, run_kb("ls", "--json").json[0]["citekey"]


def claims_file(root, key: str) -> str:
    path = root / "claims" / f"{key}.toml"
    return path.read_text() if path.exists() else ""


@pytest.mark.parametrize("command", [
    ["quote", "add", "{key}", "The blades are inspected every spring"],
    ["claim", "add", "{key}", "210 MW", "--quote", "sixty turbines reached 210 MW of installed capacity",
     "--id", "array"],
])
def test_a_page_is_checked_and_stored_as_without_it(coast, command):
    root, key = coast
    args = [a.format(key=key) for a in command]
    for wrong, said in (("2", "not on page 2"), ("9", "page 9 is past the last page")):
        r = run_kb(*args, "--page", wrong)
        assert r.code == 2 and r.err.count("\n") == 1 and "Traceback" not in r.err, r.err
        assert said in r.err and ("is on page 3" in r.err or "is on page 4" in r.err), r.err
        assert claims_file(root, key) == ""
    assert run_kb(*args).code == 0
    without = claims_file(root, key)
    right = "3" if command[0] == "quote" else "4"
    r = run_kb(*args, "--page", right)
    assert r.code == 0, r.err
    assert claims_file(root, key) == without


def test_a_claim_page_needs_its_quote(coast):
    root, key = coast
    r = run_kb("claim", "add", key, "3.5 MW", "--page", "2")
    assert r.code == 2 and "--quote" in r.err and r.err.count("\n") == 1, r.err
    assert claims_file(root, key) == ""


def test_a_passage_printed_twice_is_stored_on_the_page_given(kb_root, tmp_path):
    pdf = tmp_path / "twice.pdf"
    pdf.write_bytes(make_pdf(["Tides", "The barrage delivered 240 MW at its peak.", "Sluices.",
                              "The barrage delivered 240 MW at its peak."], title="Tides", author="Grace Hopper"))
    assert run_kb("add", "--offline", pdf).code == 0
    key = run_kb("ls", "--json").json[0]["citekey"]
    r = run_kb("quote", "add", key, "The barrage delivered 240 MW at its peak", "--page", "4", "--json")
    assert r.code == 0 and r.json["page"] == 4 and r.json["spans"][0]["page"] == 4, r.err
    r = run_kb("claim", "add", key, "240 MW", "--quote", "barrage delivered 240 MW", "--page", "4", "--json")
    assert r.code == 0 and r.json["page"] == 4, r.err
    assert run_kb("verify").code == 0


@pytest.mark.parametrize("command", [
    ["quote", "add", "{key}", "The gearboxes were replaced every winter", "--force"],
    ["claim", "add", "{key}", "5 MW", "--quote", "each gearbox handled 5 MW", "--force", "--id", "gear"],
])
@pytest.mark.parametrize("text", [True, False])
def test_a_page_given_with_force_is_stored_beside_the_unverified_mark(kb_root, tmp_path, command, text):
    """--force --page N of a quote kb cannot verify (not found in the text it holds, or no text held):
    the page was dropped; it is stored as given, the record unverified; past the last page, refused."""
    import json

    (kb_root / "references.bib").write_text("@misc{wind2020,\n  title = {Wind Farms},\n  year = {2020},\n}\n")
    if text:
        (tmp_path / "p.json").write_text(json.dumps(PAGES))
        assert run_kb("text", "load", "wind2020", tmp_path / "p.json").code == 0
        r = run_kb(*[a.format(key="wind2020") for a in command], "--page", "9")
        assert r.code == 2 and "page 9 is past the last page" in r.err and r.err.count("\n") == 1, r.err
        assert claims_file(kb_root, "wind2020") == ""
    r = run_kb(*[a.format(key="wind2020") for a in command], "--page", "2")
    assert r.code == 0, r.err
    assert "page = 2\n" in claims_file(kb_root, "wind2020") and 'status = "unverified"' in claims_file(kb_root, "wind2020")
    listed = run_kb("quote" if command[0] == "quote" else "claims", *(["ls"] if command[0] == "quote" else []), "--json")
    assert [(x["page"], x["status"]) for x in listed.json] == [(2, "unverified")]


@pytest.mark.parametrize("command, printed, page", [
    (["quote", "add", "{key}", "The blades are inspected every spring"], "213", 3),
    (["claim", "add", "{key}", "3.5 MW", "--quote", "Each turbine delivered 3.5 MW"], "212", 2),
])
def test_the_page_number_printed_on_the_page_is_said_to_be_that(kb_root, tmp_path, command, printed, page):
    """--page given as the page prints its number (a proceedings' "213", which kb verify --note reads too)
    was refused as "past the last page" alone: the refusal says it is the number printed on the page."""
    pdf = tmp_path / "printed.pdf"
    pdf.write_bytes(make_pdf([f"{text}\n{211 + i}" for i, text in enumerate(PAGES)], title=PAGES[0],
                             author="Ada Lovelace"))
    assert run_kb("add", "--offline", pdf).code == 0
    key = run_kb("ls", "--json").json[0]["citekey"]
    r = run_kb(*[a.format(key=key) for a in command], "--page", printed)
    assert r.code == 2 and r.err.count("\n") == 1
    assert f"{printed} is the page number printed on page {page} of {key}" in r.err and r.err.endswith(
        f"--page takes the PDF's page; nothing stored (use --page {page})\n")
    assert claims_file(kb_root, key) == ""
    assert "not the number printed on it" in " ".join(run_kb(*command[:2], "--help").out.split())
