"""kb text load: a .json that is not JSON is refused; text loaded over the text of a held
PDF only when asked for, and the PDF stays held. Also kb verify / kb doctor on a stored page
that is not where the quote is, and kb doctor on kb.toml."""

from __future__ import annotations

import json

import pytest
from kbrun import run_kb
from pdfgen import make_pdf

PAGES = ["Tidal Power Stations of the North",
         "The tidal barrage delivered 240 MW at its peak during the spring tides.",
         "Maintenance of the sluices takes place every summer.",
         "The tidal barrage delivered 240 MW at its peak during the spring tides."]
QUOTE = "The tidal barrage delivered 240 MW at its peak during the spring tides."


@pytest.fixture
def tidal(kb_root, tmp_path):
    pdf = tmp_path / "tidal.pdf"
    pdf.write_bytes(make_pdf(PAGES, title=PAGES[0], author="Grace Hopper"))
    assert run_kb("add", "--offline", pdf).code == 0
    key = run_kb("ls", "--json").json[0]["citekey"]
    return kb_root, key


def versions(key: str) -> list[dict]:
    return run_kb("show", key, "--json").json["versions"]


@pytest.mark.parametrize("content", ["not json at all\fsecond page", "", "   ", "[\"a\", ", "{'pages': []}",
                                     "pages: [1, 2]", "\ufeffplain", "[" * 5000])
def test_a_json_file_that_is_not_json_is_refused(tidal, tmp_path, content):
    _, key = tidal
    before = versions(key)
    path = tmp_path / "text.JSON"
    path.write_text(content)
    r = run_kb("text", "load", key, path, "--version", "v9")
    assert r.code == 2 and r.err.count("\n") == 1, r.err
    assert "is not valid JSON" in r.err and "Traceback" not in r.err
    if content.strip() and not content.startswith("[["):
        assert "(line 1, column" in r.err
    assert versions(key) == before


def test_text_over_the_text_of_a_held_pdf_is_refused(tidal, tmp_path):
    root, key = tidal
    before = versions(key)
    for name, content in (("t.txt", "one\ftwo"), ("t.json", json.dumps(["one", "two"]))):
        path = tmp_path / name
        path.write_text(content)
        r = run_kb("text", "load", key, path)
        assert r.code == 2 and r.err.count("\n") == 1, r.err
        assert f"{key} already has text of this version from its PDF tidal.pdf (4 pages)" in r.err
        assert "--replace" in r.err and "--version" in r.err
        assert versions(key) == before
    assert run_kb("text", "extract", key).code == 0


def test_text_as_another_version_keeps_the_pdf(tidal, tmp_path):
    _, key = tidal
    path = tmp_path / "t.txt"
    path.write_text("one\ftwo")
    r = run_kb("text", "load", key, path, "--version", "v2")
    assert r.code == 0, r.err
    kinds = {v["version"]: v["source_kind"] for v in versions(key)}
    assert kinds == {None: "pdf", "v2": "text"}     # a PDF of no arXiv id: no version, null in JSON
    assert run_kb("text", "extract", key, "--version", "").code == 0


def test_one_text_file_loaded_as_two_versions_stays_the_text_of_both(tidal, tmp_path):
    root, key = tidal
    same = tmp_path / "same.txt"
    same.write_text("Tidal notes, first page.\fThe sluices opened at dawn.")
    for version in ("v2", "v3"):
        assert run_kb("text", "load", key, same, "--version", version).code == 0
    assert run_kb("quote", "add", key, "The sluices opened at dawn", "--id", "dawn", "--version", "v2").code == 0

    def held() -> dict[str, tuple[str, int]]:
        return {v["version"]: (v["source_kind"], v["page_count"]) for v in versions(key)}

    want = {None: ("pdf", 4), "v2": ("text", 2), "v3": ("text", 2)}
    assert held() == want
    assert len(list((root / ".kb" / "cache" / "sources").glob("*.txt"))) == 1     # one file, filed twice
    assert run_kb("rebuild").code == 0
    assert held() == want
    r = run_kb("verify")
    assert r.code == 0 and "1 ok" in r.out, r.out
    (root / ".kb" / "kb.sqlite").unlink()                      # the index rebuilt by the next command
    assert held() == want
    # Other text loaded as v2 afterwards is v2's text; the first file stays v3's.
    other = tmp_path / "other.txt"
    other.write_text("Other notes.\fThe sluices opened at dawn, and closed at noon.\fA third page.")
    assert run_kb("text", "load", key, other, "--version", "v2").code == 0
    want["v2"] = ("text", 3)
    assert held() == want
    assert run_kb("rebuild").code == 0
    assert held() == want
    r = run_kb("doctor")
    assert r.code == 0 and "problem" not in r.out, r.out


def test_replace_loads_the_text_and_the_pdf_stays_held(tidal, tmp_path):
    root, key = tidal
    assert run_kb("quote", "add", key, QUOTE, "--id", "q").code == 0
    path = tmp_path / "t.json"
    path.write_text(json.dumps(["loaded one", "loaded two"]))
    r = run_kb("text", "load", key, path, "--replace")
    assert r.code == 0, r.err
    # said: the quote verified in the text replaced is not in this one
    assert f"kb: 1 quote of {key} was verified in the text it replaced: kb verify checks them" in r.err
    assert run_kb("verify").code == 1
    assert run_kb("quote", "rm", "q").code == 0
    assert [(v["source_kind"], v["page_count"]) for v in versions(key)] == [("text", 2)]
    assert run_kb("rebuild").code == 0                     # the text filed last is the version's text
    assert [(v["source_kind"], v["page_count"]) for v in versions(key)] == [("text", 2)]
    for p in (root / ".kb" / "cache" / "sources").iterdir():
        import os

        os.utime(p, (1_000_000_000, 1_000_000_000))
    r = run_kb("doctor", "--prune")
    assert r.code == 0 and "removed" not in r.out, r.out
    assert len(list((root / ".kb" / "cache" / "sources").glob("*.pdf"))) == 1
    r = run_kb("text", "extract", key)                      # the PDF is still the paper's
    assert r.code == 0, r.err
    assert [(v["source_kind"], v["page_count"]) for v in versions(key)] == [("pdf", 4)]
    assert run_kb("rebuild").code == 0
    assert [(v["source_kind"], v["page_count"]) for v in versions(key)] == [("pdf", 4)]


# -- a stored page that is not where the quote is ---------------------------------------------

@pytest.mark.parametrize("page, said", [(500, "its stored page 500 is past the last page of its text (4 pages)"),
                                        (3, "its stored page 3 is not where the quote is: it is on page 2"),
                                        (5, "its stored page 5 is past the last page")])
def test_verify_and_doctor_report_a_stored_page_that_disagrees(tidal, page, said):
    root, key = tidal
    assert run_kb("quote", "add", key, QUOTE, "--id", "peak").code == 0
    r = run_kb("claim", "add", key, "240 MW", "--quote", QUOTE, "--id", "barrage")
    assert r.code == 0, r.err
    assert run_kb("verify").code == 0
    path = root / "claims" / f"{key}.toml"
    text = path.read_text()
    assert text.count("page = 2\n") == 2
    path.write_text(text.replace("page = 2\n", f"page = {page}\n").replace("page_end = 2\n", ""))
    r = run_kb("verify")
    assert r.code == 1
    assert f"wrong-page peak  {key}" in r.out and said in r.out
    assert f"wrong-page claim {key}.barrage" in r.out
    r = run_kb("doctor")
    assert r.code == 1
    assert f"quote peak of {key}: {said}" in r.out
    assert f"claim {key}.barrage: {said}" in r.out


def test_a_quote_printed_twice_verifies_on_either_page(tidal):
    root, key = tidal
    assert run_kb("quote", "add", key, QUOTE, "--id", "peak").code == 0
    path = root / "claims" / f"{key}.toml"
    path.write_text(path.read_text().replace("page = 2\n", "page = 4\n").replace("page_end = 2\n", "page_end = 4\n"))
    r = run_kb("verify")
    assert r.code == 0, r.out


# -- kb.toml -------------------------------------------------------------------------------------

@pytest.mark.parametrize("content, said", [("[limits\n", "kb.toml:1:8: is not valid TOML"),
                                           ("limits = 5\n", "kb.toml:1: `limits` must be a table"),
                                           ("[limits]\nmax_pages = \"many\"\n", 'limit max_pages = "many" is text, '
                                                                                "not a whole number"),
                                           ("[limits]\nmax_pages = -1\n", "must be above 0")])
def test_doctor_reports_a_kb_toml_kb_add_refuses(tidal, tmp_path, content, said):
    root, _ = tidal
    (root / "kb.toml").write_text(content)
    pdf = tmp_path / "other.pdf"
    pdf.write_bytes(make_pdf(["Another Paper on Geothermal Wells", "Wells run hot."], title="Another Paper"))
    r = run_kb("add", "--offline", pdf)
    assert r.code == 2 and r.err.count("\n") == 1 and "internal error" not in r.err, r.err
    r = run_kb("doctor")
    assert r.code == 1, r.out
    assert "problem: kb.toml" in r.out and said in r.out


# -- one page text loaded into two papers ------------------------------------------------------

TWO_PAPERS = """@misc{doe2020x,
  title = {Energy of Small Clusters},
  author = {Doe, Jane},
  year = {2020},
  eprint = {2001.00001},
  archiveprefix = {arXiv},
}

@misc{roe2021y,
  title = {Energy of Small Clusters, Again},
  author = {Roe, Ann},
  year = {2021},
}
"""


def test_one_text_file_loaded_into_two_papers_stays_the_text_of_each(kb_root, tmp_path):
    """The same bytes are one cached source; each paper keeps its own version of it, across
    kb rebuild, a rename of either, and the removal of the other."""
    (kb_root / "references.bib").write_text(TWO_PAPERS, "utf-8")
    text = tmp_path / "shared.txt"
    text.write_text("The cluster used 12 kWh per day.\fA second page.", "utf-8")
    assert run_kb("text", "load", "doe2020x", text, "--version", "v2").code == 0
    assert run_kb("text", "load", "roe2021y", text).code == 0
    assert run_kb("quote", "add", "doe2020x", "The cluster used 12 kWh per day", "--id", "a", "--version", "v2").code == 0
    assert run_kb("quote", "add", "roe2021y", "The cluster used 12 kWh per day", "--id", "b").code == 0

    def held() -> dict[str, list[str]]:
        return {p["citekey"]: sorted(v["version"] for v in versions(p["citekey"]))
                for p in run_kb("ls", "--json").json}

    assert held() == {"doe2020x": ["v2"], "roe2021y": [None]}
    for step in (("rebuild",), ("rename", "roe2021y", "roe2021"), ("rebuild",),
                 ("rename", "doe2020x", "doe2020"), ("rebuild",)):
        assert run_kb(*step).code == 0, step
        r = run_kb("verify")
        assert r.code == 0 and "2 quotes: 2 ok" in r.out, (step, r.out)
    assert held() == {"doe2020": ["v2"], "roe2021": [None]}
    assert run_kb("rm", "doe2020", "--force").code == 0
    assert run_kb("rebuild").code == 0
    assert held() == {"roe2021": [None]}
    r = run_kb("verify")
    assert r.code == 0 and "1 quote: 1 ok" in r.out, r.out
    assert run_kb("doctor").code == 0


# -- kb text show ---------------------------------------------------------------------------------

def test_text_show_prints_the_pages_kb_matches_quotes_against(tidal):
    _, key = tidal
    r = run_kb("text", "show", key, "--page", "2")
    assert r.code == 0, r.err
    header, body = r.out.split("\n", 1)
    assert header.startswith(f"--- {key}, page 2 of 4 (") and header.endswith(") ---")
    assert body.strip() == PAGES[1]
    r = run_kb("text", "show", key, "-p", "3-4,2", "--json")
    assert [p["page"] for p in r.json["pages"]] == [3, 4, 2] and r.json["page_count"] == 4
    assert r.json["pages"][0]["text"].strip() == PAGES[2]
    assert [p["page"] for p in run_kb("text", "show", key, "--json").json["pages"]] == [1, 2, 3, 4]


@pytest.mark.parametrize("args, said", [
    (["--page", "5"], "--page '5': {key} has 4 pages"),
    (["--page", "0"], "--page '0': pages count from 1"),
    (["--page", "3-2"], "--page '3-2': pages count from 1, and a range goes up"),
    (["--page", "two"], "--page 'two': give page numbers like 3, 3-5 or 2,7"),
    (["--page", "99999999999999999999"], "--page '99999999999999999999': give page numbers"),
    (["--version", "v7"], "kb holds no text of {key} v7 (it holds the unversioned text)"),
    (["--second"], "kb keeps one extraction of {key}"),
])
def test_text_show_refuses_what_kb_does_not_hold_in_one_line(tidal, args, said):
    _, key = tidal
    r = run_kb("text", "show", key, *args)
    assert r.code == 2 and r.err.count("\n") == 1 and "Traceback" not in r.err, r.err
    assert said.format(key=key) in r.err


def test_text_show_of_a_paper_without_text_or_unknown(kb_root):
    (kb_root / "references.bib").write_text("@misc{doe2020x,\n  title = {A Paper},\n  year = {2020},\n}\n")
    r = run_kb("text", "show", "doe2020x")
    assert r.code == 2 and "kb holds no text of doe2020x" in r.err and "kb text load doe2020x" in r.err
    r = run_kb("text", "show", "nobody")
    assert r.code == 2 and "no paper 'nobody'" in r.err
