"""kb export note / bib / csl-json.

The main tests rebuild the note ../shared/notes/environmental-cost-of-generative-ai.md
from a knowledge base and compare it block by block (quotes, links, numbers;
references' anchors, URLs, titles, years, authors' last names), then lint the
export with `kb verify --note`; one checks that exports/ in this repository is
what the command gives from the repository's own references.bib and claims/.
The rest use small made-up knowledge bases (no corpus needed).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from corpus import corpus_path
from kbrun import run_kb

REPO = Path(__file__).resolve().parents[2]
NOTE_NAME = "environmental-cost-of-generative-ai.md"
QUOTE_IDS = ["surge-generative-multi-purpose", "generative-power-hungry", "smartphone-charge", "transparency"]
CITED = ["strubell2019energy", "patterson2021carbon", "dodge2022measuring", "luccioni2023counting"]
EXPORT_ARGS = ["export", "note", "--quotes", ",".join(QUOTE_IDS), "--cite", ",".join(CITED)]
ANCHORS = {
    "luccioni2023power": "Power-hungry-processing-watts-driving-the-cost-of-ai-deployment",
    "strubell2019energy": "energy-and-policy-considerations-for-deep-learning-in-nlp",
    "patterson2021carbon": "carbon-emissions-and-large-neural-network-training",
    "dodge2022measuring": "measuring-the-carbon-intensity-of-ai-in-cloud-instances",
    "luccioni2023counting": "couting-carbon-a-survey-of-factors-influencing-the-emissions-of-ml",
}


def shared_note():
    from kb.text.notes import parse_note

    path = corpus_path("..", "notes", NOTE_NAME)
    return parse_note(path.read_text("utf-8"), str(path))


def load_v3_text(root: Path) -> None:
    source = corpus_path("wattbot", "pypdf-text", "luccioni2024.json")
    r = run_kb("--kb", root, "text", "load", "luccioni2023power", source, "--version", "v3",
               "--extractor", "pypdf (WattBot 2025 pipeline)")
    assert r.code == 0, r.err


def last_names(authors: str) -> list[str]:
    from kb.text.ascii import ascii_fold

    names = [n for n in re.split(r",\s*and\s+|,\s*|\s+and\s+", authors) if n.strip()]
    return [ascii_fold(n.split()[-1]).lower() for n in names]


def assert_same_as_shared_note(text: str) -> None:
    """The export's blocks are the shared note's, block by block."""
    from kb.text.notes import parse_note
    from kb.text.titles import normalise_title

    ours, theirs = parse_note(text), shared_note()
    assert not ours.problems
    want = [q for q in theirs.quotes if q.kind == "note-quote"]
    assert len(want) == 4
    assert [q.kind for q in ours.quotes] == ["note-quote"] * 4      # the unverified line is no quote
    for a, b in zip(ours.quotes, want):
        assert (a.quote, a.source_link, a.source_text) == (b.quote, b.source_link, b.source_text)
    assert [r.anchor for r in ours.references] == [r.anchor for r in theirs.references]
    assert [r.number for r in ours.references] == [r.number for r in theirs.references] == list("12345")
    assert [r.url for r in ours.references] == [r.url for r in theirs.references]
    assert [normalise_title(r.title) for r in ours.references] == \
        [normalise_title(r.title) for r in theirs.references]
    assert [r.year for r in ours.references] == [r.year for r in theirs.references]
    for a, b in zip(ours.references, theirs.references):
        mine, note = last_names(a.authors), last_names(b.authors)
        if a.number == "1":    # "A. Luccioni, Y. Jernite, E. Strubell, Allen Institute for AI"
            assert note[:len(mine)] == mine
        else:
            assert mine == note


def assert_verifies(root: Path, note: Path) -> None:
    r = run_kb("--kb", root, "verify", "--note", note, "--json")
    assert r.code == 0, r.out + r.err
    assert [q["status"] for q in r.json["quotes"]] == ["ok", "ok", "unverified", "ok"]
    assert not r.json["problems"]


@pytest.fixture
def fresh(tmp_path) -> Path:
    """A new knowledge base with this repository's references.bib, the v3 text of
    Power Hungry Processing, and the note's quotes added with `kb quote add`."""
    from kb.store.knowledgebase import init

    note = shared_note()
    root, _ = init(tmp_path / "kb")
    shutil.copy(REPO / "references.bib", root / "references.bib")
    load_v3_text(root)
    quotes = [q.quote for q in note.quotes if q.kind == "note-quote"]
    for qid, text in zip(QUOTE_IDS, quotes):
        extra = ["--version", "v1", "--force"] if qid == "smartphone-charge" else []
        r = run_kb("--kb", root, "quote", "add", "luccioni2023power", text, "--id", qid, *extra)
        assert r.code == 0, r.err
        assert ("UNVERIFIED" in r.out) == (qid == "smartphone-charge")
    for key, anchor in ANCHORS.items():
        path = root / "claims" / f"{key}.toml"
        old = path.read_text() if path.exists() else ""
        path.write_text(f'[paper]\nanchor = "{anchor}"\n\n' + old)
    return root


@pytest.mark.corpus
def test_export_rebuilds_the_shared_note_and_it_verifies(fresh, tmp_path):
    out = tmp_path / "note.md"
    r = run_kb("--kb", fresh, *EXPORT_ARGS, "-o", out)
    assert r.code == 0, r.err
    assert "quote smartphone-charge is unverified" in r.err
    text = out.read_text("utf-8")
    assert_same_as_shared_note(text)
    assert ("\n\n*Quoted from arXiv:2311.16863v1; kb holds no text of that version, "
            "so this quote is unverified.*\n\n") in text
    assert "\n---\nReferences: \n\n<span\n  id=\"Power-hungry" in text
    assert text.endswith("</span><br/>\n")
    assert_verifies(fresh, out)
    # stdout gives the same bytes
    assert run_kb("--kb", fresh, *EXPORT_ARGS).out == text


@pytest.mark.corpus
def test_committed_export_matches_the_repository_knowledge_base(tmp_path):
    corpus_path("wattbot", "pypdf-text", "luccioni2024.json")
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("kb.toml", "references.bib"):
        shutil.copy(REPO / name, root / name)
    shutil.copytree(REPO / "claims", root / "claims")
    load_v3_text(root)
    out = tmp_path / NOTE_NAME
    r = run_kb("--kb", root, *EXPORT_ARGS, "-o", out)
    assert r.code == 0, r.err
    committed = REPO / "exports" / NOTE_NAME
    assert committed.read_text("utf-8") == out.read_text("utf-8"), \
        "exports/ is stale: regenerate it with the command in exports/README.md"
    assert_same_as_shared_note(out.read_text("utf-8"))
    assert_verifies(root, committed)
    assert " ".join(EXPORT_ARGS[:2]) in (REPO / "exports" / "README.md").read_text()


# -- made-up knowledge bases ----------------------------------------------------------------

BIB = r"""@string{jml = "Journal of Made-up Learning"}

@article{garcia2020tricky,
  title = {Quotes {"} and Ampersands \& Brackets [sic]},
  author = {Garc{\'\i}a, Mar{\'\i}a and {Allen Institute for AI} and von Neumann, Jr, John and Tachet des Combes, Remi},
  year = {2020},
  month = mar,
  journal = jml,
  volume = {3},
  number = {2},
  pages = {10--20},
  doi = {10.1234/ABC.def},
}

% a comment kb must not lose
@misc{solo2021preprint,
  title = {A Preprint},
  author = {Solo, Han},
  year = {2021},
  eprint = {2101.00001},
  archiveprefix = {arXiv},
  version = {2},
}

@techreport{other2019report,
  title = {Some Report},
  author = {Other, Ann and Another, Bob},
  year = {2019},
  institution = {Institute},
  number = {TR-7},
}

@misc{nourl2018thing,
  title = {No Link At All},
  author = {Nobody, Ned},
  year = {2018},
}
"""

TRICKY = """[paper]
anchor = "Tricky-Anchor"

[[quote]]
id = "tricky"
text = "He said \\"stop\\" & then <b>left</b>"
topics = ["style"]
version = ""
status = "verified"
page = 3
page_end = 4

[[claim]]
id = "tricky-claim"
value = "3 kWh"
topics = ["carbon"]
"""

SOLO = """[[quote]]
id = "solo-one"
text = "Preprints are fast."
topics = ["style", "speed"]
version = "v2"
status = "verified"
page = 1
page_end = 1

[[quote]]
id = "solo-unverified"
text = "Nobody checked this."
topics = ["speed"]
version = "v1"
status = "unverified"
note = "not verified: kb held no text of solo2021preprint v1"
"""


@pytest.fixture
def made_up(kb_root) -> Path:
    (kb_root / "references.bib").write_text(BIB)
    (kb_root / "claims" / "garcia2020tricky.toml").write_text(TRICKY)
    (kb_root / "claims" / "solo2021preprint.toml").write_text(SOLO)
    return kb_root


def test_escaping_numbering_and_references(made_up):
    from kb.text.notes import parse_note

    r = run_kb("export", "note", "--quotes", "solo-one,tricky", "--cite", "garcia2020tricky,nourl2018thing")
    assert r.code == 0, r.err
    note = parse_note(r.out)
    assert not note.problems
    assert [(q.quote, q.source_link, q.source_text) for q in note.quotes] == [
        ("Preprints are fast.", "#solo2021preprint", "[1]"),
        ('He said "stop" & then <b>left</b>', "#Tricky-Anchor", "[2]")]
    assert 'quote="He said &quot;stop&quot; &amp; then &lt;b>left&lt;/b>"' in r.out
    refs = note.references
    assert [(x.number, x.anchor) for x in refs] == [("1", "solo2021preprint"), ("2", "Tricky-Anchor"),
                                                    ("3", "nourl2018thing")]
    assert refs[0].url == "https://arxiv.org/abs/2101.00001"
    assert refs[1].url == "https://doi.org/10.1234/ABC.def"
    assert refs[2].url is None
    assert refs[1].title == 'Quotes " and Ampersands & Brackets [sic]'   # Markdown escapes read
    assert refs[1].authors == "María García, Allen Institute for AI, John von Neumann, Jr, and Remi Tachet des Combes"
    assert "[1] [A Preprint](https://arxiv.org/abs/2101.00001) - Han Solo. 2021.\n" in r.out
    assert "[3] [No Link At All] - Ned Nobody. 2018.\n" in r.out


def test_slug_anchors_and_selection_by_topic_and_paper(made_up):
    r = run_kb("export", "note", "--topic", "speed", "--anchor", "slug", "--format", "json")
    assert r.code == 0, r.err
    doc = r.json
    assert [q["id"] for q in doc["quotes"]] == ["solo-one", "solo-unverified"]
    assert doc["references"][0]["anchor"] == "a-preprint"
    r = run_kb("export", "note", "--topic", "style", "--anchor", "slug", "--format", "json")
    assert [q["id"] for q in r.json["quotes"]] == ["tricky", "solo-one"]
    assert [x["anchor"] for x in r.json["references"]] == ["Tricky-Anchor", "a-preprint"]   # [paper] anchor wins
    r = run_kb("export", "note", "--topic", "style", "--topic", "speed", "--format", "json")
    assert [q["id"] for q in r.json["quotes"]] == ["solo-one"]
    r = run_kb("export", "note", "--paper", "garcia2020tricky", "--format", "json")
    assert [q["id"] for q in r.json["quotes"]] == ["tricky"]


def test_unverified_quote_is_marked_and_warned(made_up):
    r = run_kb("export", "note", "--quotes", "solo-unverified")
    assert r.code == 0
    assert "kb: quote solo-unverified is unverified" in r.err
    assert ("</note-quote>\n\n*Quoted from arXiv:2101.00001v1; kb holds no text of that version, so this "
            "quote is unverified.*\n\n---\nReferences:") in r.out
    r = run_kb("export", "note", "--quotes", "solo-unverified", "--format", "json")
    q = r.json["quotes"][0]
    assert q["status"] == "unverified" and "unverified" in q["unverified_note"]
    assert r.json["warnings"]


def test_json_format_shape(made_up):
    r = run_kb("export", "note", "--quotes", "tricky", "--cite", "other2019report", "--format", "json")
    doc = r.json
    assert set(doc) == {"quotes", "references", "warnings"}
    q = doc["quotes"][0]
    assert (q["id"], q["citekey"], q["page"], q["page_end"], q["number"], q["anchor"]) == \
        ("tricky", "garcia2020tricky", 3, 4, 1, "Tricky-Anchor")
    assert doc["references"][1] == {"number": 2, "citekey": "other2019report", "anchor": "other2019report",
                                    "title": "Some Report", "url": None, "authors": "Ann Other and Bob Another",
                                    "year": 2019, "quoted": False}


def test_markdown_format_with_pandoc_citations_and_a_bib_beside_it(made_up, tmp_path):
    from kb.text.notes import parse_note

    out = tmp_path / "out" / "speed.md"
    r = run_kb("export", "note", "--quotes", "tricky,solo-one", "--cite", "other2019report",
               "--format", "markdown", "-o", out)
    assert r.code == 0, r.err
    text = out.read_text()
    assert text.startswith('---\nbibliography: "speed.bib"\nnocite: |\n  @other2019report\n---\n')
    # Markdown's specials escaped, so pandoc prints the quote's tags and straight quote marks as typed
    assert '> He said \\"stop\\" & then \\<b>left\\</b>\n[@garcia2020tricky, pp. 3-4]\n' in text
    assert "> Preprints are fast.\n[@solo2021preprint, p. 1]\n" in text
    quotes = parse_note(text).quotes
    assert [(q.kind, q.citekey, q.page) for q in quotes] == [("blockquote", "garcia2020tricky", "3-4"),
                                                               ("blockquote", "solo2021preprint", "1")]
    assert quotes[0].quote == 'He said "stop" & then <b>left</b>'          # read back as stored
    bib = (tmp_path / "out" / "speed.bib").read_text()
    assert bib.startswith("@string{jml = \"Journal of Made-up Learning\"}\n\n")
    assert list(_entries(bib)) == ["garcia2020tricky", "solo2021preprint", "other2019report"]
    assert "nourl2018thing" not in bib
    r = run_kb("export", "note", "--quotes", "tricky", "--format", "markdown")
    assert r.code == 0 and "no .bib written" in r.err


def _entries(text: str) -> dict[str, str]:
    """Entry blocks by key, as written."""
    return {m.group(1): m.group(0) for m in re.finditer(r"^@(?!string)\w+\{([^,]+),.*?\n\}", text, re.M | re.S)}


def test_bib_export_copies_only_cited_entries_verbatim(made_up):
    original = _entries(BIB)
    r = run_kb("export", "bib")
    assert r.code == 0, r.err
    assert _entries(r.out) == original                   # no filter: all, byte for byte
    r = run_kb("export", "bib", "--topic", "carbon")     # a claim's topic
    assert list(_entries(r.out)) == ["garcia2020tricky"]
    assert r.out.startswith("@string{jml = \"Journal of Made-up Learning\"}\n\n")
    r = run_kb("export", "bib", "--topic", "speed")      # quotes' topic
    assert list(_entries(r.out)) == ["solo2021preprint"]
    r = run_kb("export", "bib", "--quotes", "tricky,solo-one")
    assert list(_entries(r.out)) == ["garcia2020tricky", "solo2021preprint"]
    r = run_kb("export", "bib", "--paper", "other2019report")
    assert _entries(r.out) == {"other2019report": original["other2019report"]}
    r = run_kb("export", "bib", "--topic", "nothing-like-this")
    assert r.code == 2 and "no quotes or claims match topic 'nothing-like-this'" in r.err


def test_csl_json(made_up, tmp_path):
    out = tmp_path / "refs.json"
    r = run_kb("export", "csl-json", "-o", out)
    assert r.code == 0, r.err
    items = {i["id"]: i for i in json.loads(out.read_text())}
    assert list(items) == ["garcia2020tricky", "solo2021preprint", "other2019report", "nourl2018thing"]
    g = items["garcia2020tricky"]
    assert g["type"] == "article-journal"
    assert g["author"] == [{"family": "García", "given": "María"}, {"literal": "Allen Institute for AI"},
                           {"family": "Neumann", "non-dropping-particle": "von", "given": "John",
                            "suffix": "Jr"},
                           {"family": "Tachet des Combes", "given": "Remi"}]
    assert g["issued"] == {"date-parts": [[2020, 3]]}
    assert (g["container-title"], g["volume"], g["issue"], g["page"], g["DOI"]) == \
        ("Journal of Made-up Learning", "3", "2", "10-20", "10.1234/ABC.def")
    s = items["solo2021preprint"]
    assert (s["type"], s["number"], s["publisher"], s["URL"], s["version"]) == \
        ("article", "2101.00001", "arXiv", "https://arxiv.org/abs/2101.00001", "2")
    t = items["other2019report"]
    assert (t["type"], t["number"], t["publisher"]) == ("report", "TR-7", "Institute")
    r = run_kb("export", "csl-json", "--quotes", "solo-one")
    assert [i["id"] for i in r.json] == ["solo2021preprint"]


def test_output_paths(made_up, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run_kb("export", "bib", "-o", "sub/refs.bib")            # relative to the current folder
    assert r.code == 0, r.err and (tmp_path / "sub" / "refs.bib").exists()
    assert (tmp_path / "sub" / "refs.bib").read_text() == run_kb("export", "bib").out
    for bad, message in [(made_up / ".kb" / "x.md", "inside"), (made_up / ".kb", "inside"),
                         (tmp_path, "is a folder"), ("somewhere/", "folder name"),
                         (made_up / "references.bib", "truth files"),
                         (made_up / "claims" / "x.toml", "truth files")]:
        r = run_kb("export", "note", "--quotes", "tricky", "-o", bad)
        assert r.code == 2, (bad, r.err)
        assert message in r.err
    assert not list((made_up / ".kb").glob("x.md"))
    # Markdown: the .bib beside must not clobber anything either
    r = run_kb("export", "note", "--quotes", "tricky", "--format", "markdown", "-o", made_up / "references.md")
    assert r.code == 2 and "truth files" in r.err


@pytest.mark.parametrize("args, named", [
    (["export", "bib"], "refs.bib"), (["export", "bib", "--as-stored"], "refs.bib"),
    (["export", "csl-json"], "refs.json"),
    (["export", "note", "--quotes", "tricky"], "note.md"),
    (["export", "note", "--quotes", "tricky", "-f", "markdown"], "note.md"),
    (["export", "note", "--quotes", "tricky", "-f", "json"], "note.json"),
    (["graph", "export", "-f", "dot"], "citations.dot"), (["graph", "export", "-f", "graphml"], "citations.graphml"),
])
@pytest.mark.parametrize("folder", ["out/", "out"])
def test_a_folder_given_as_output_is_told_a_file_name_of_what_the_command_writes(made_up, tmp_path, monkeypatch,
                                                                                  args, named, folder):
    # `kb export bib -o exports/` was told "give a file name, e.g. exports/note.md"; an existing folder
    # given without its slash was told no name at all
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    r = run_kb(*args, "-o", folder)
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1, r.err
    assert f"e.g. out/{named}" in r.err and "folder" in r.err
    other = {"refs.bib", "refs.json", "note.md", "note.json", "citations.dot", "citations.graphml"} - {named}
    assert not any(f"/{name}" in r.err for name in other), r.err
    assert not list((tmp_path / "out").iterdir())


def test_errors(made_up):
    cases = [
        (["export", "note", "--quotes", "tricky,nosuch"], "no quote 'nosuch'"),
        (["export", "note", "--quotes", "tricky", "--topic", "style"], "either by --quotes or by --topic"),
        (["export", "note", "--quotes", "tricky,tricky"], "listed twice"),
        (["export", "note", "--quotes", "tricky", "--cite", "nosuch2000x"], "no paper 'nosuch2000x'"),
        (["export", "note", "--paper", "nosuch2000x"], "no paper 'nosuch2000x'"),
        (["export", "note", "--quotes", "tricky", "--anchor", "weird"], "--anchor 'weird': choose one of citekey, slug"),
        (["export", "note", "--quotes", "tricky", "--format", "html"], "--format 'html': choose one of note, markdown, json"),
        (["export", "note", "--topic", "nothing-like-this"], "no quotes match topic"),
        # two topics: quotes tagged with both, said so; words that no quote holds: not "no quotes stored"
        (["export", "note", "--topic", "style", "--topic", "nothing-like-this"],
         "no quotes match topics 'style' and 'nothing-like-this' (all of them)"),
        (["export", "note", "--text", "zebrafish"], "no quotes match the words 'zebrafish'"),
        (["export", "bib", "--topic", "style", "--topic", "nothing-like-this"],
         "no quotes or claims match topics 'style' and 'nothing-like-this' (all of them)"),
        (["export", "csl-json", "--cite", "nosuch2000x"], "no paper 'nosuch2000x'"),
    ]
    for args, message in cases:
        r = run_kb(*args)
        assert r.code == 2, (args, r.out, r.err)
        assert message in r.err and "Traceback" not in r.err, (args, r.err)


def test_cite_only_note_and_cite_of_a_quoted_paper(made_up):
    from kb.text.notes import parse_note

    r = run_kb("export", "note", "--cite", "other2019report")
    assert r.code == 0 and r.out.startswith("---\nReferences: \n\n<span")
    r = run_kb("export", "note", "--quotes", "tricky", "--cite", "garcia2020tricky,other2019report")
    assert [x.number for x in parse_note(r.out).references] == ["1", "2"]



# -- provenance: pages and versions in exports, re-verified ------------------------------------

@pytest.mark.corpus
def test_exported_notes_keep_their_pages_and_reverify(fresh, tmp_path):
    out = tmp_path / "note.md"
    assert run_kb("--kb", fresh, *EXPORT_ARGS, "-o", out).code == 0
    text = out.read_text("utf-8")
    assert [int(p) for p in re.findall(r'\n    page="(\d+)"', text)] == [1, 13, 14]
    assert 'sourceText="[1]"\n    version="v1">' in text       # the smartphone quote: v1, kb holds v3
    assert_same_as_shared_note(text)
    assert_verifies(fresh, out)
    r = run_kb("--kb", fresh, "verify", "--note", out, "--json")
    assert [q["cited_page"] for q in r.json["quotes"]] == ["1", "13", None, "14"]
    # a page edited to a wrong one is caught, naming the right page
    out.write_text(text.replace('page="13"', 'page="3"'), "utf-8")
    r = run_kb("--kb", fresh, "verify", "--note", out)
    assert r.code == 1 and "the note cites p. 3, but the quote is on page 13" in r.out
    # --no-pages: the blocks exactly as the note format writes them, as before
    plain = run_kb("--kb", fresh, *EXPORT_ARGS, "--no-pages").out
    assert plain == re.sub(r'\n    (?:page|version)="[^"]*"', "", text)
    assert "page=" not in plain and "version=" not in plain
    assert_same_as_shared_note(plain)
    # Markdown: [@key, p. N], re-verified with its locators
    md = tmp_path / "note-md.md"
    assert run_kb("--kb", fresh, *EXPORT_ARGS, "--format", "markdown", "-o", md).code == 0
    body = md.read_text("utf-8")
    assert "[@luccioni2023power, p. 13]" in body and "[@luccioni2023power, p. 1]" in body
    r = run_kb("--kb", fresh, "verify", "--note", md, "--json")
    assert [(q["status"], q["cited_page"]) for q in r.json["quotes"]] == [
        ("ok", "1"), ("ok", "13"), ("unverified", None), ("ok", "14")]
    assert "[@luccioni2023power]" in run_kb("--kb", fresh, *EXPORT_ARGS, "--format", "markdown",
                                             "--no-pages").out


V1 = ["Old words said the cost was 0.012 kWh per charge.\nMore on page one.", "Page two, kept in both."]
V2 = ["New words say the cost is 0.022 kWh per charge.\nMore on page one.", "Page two, kept in both."]


@pytest.fixture
def two_versions(made_up, tmp_path):
    """solo2021preprint with the text of v1 and v2: one quote only v1 has, one both have."""
    for version, pages in (("v1", V1), ("v2", V2)):
        source = tmp_path / f"{version}.json"
        source.write_text(json.dumps(pages))
        r = run_kb("text", "load", "solo2021preprint", source, "--version", version)
        assert r.code == 0, r.err
    for qid, quote in (("old", "the cost was 0.012 kWh per charge"), ("kept", "Page two, kept in both.")):
        r = run_kb("quote", "add", "solo2021preprint", quote, "--version", "v1", "--id", qid, "-t", "cost")
        assert r.code == 0, r.err
    return made_up


def test_a_quote_verified_only_in_an_older_version_says_so(two_versions, tmp_path):
    r = run_kb("export", "note", "--quotes", "old,kept", "-o", tmp_path / "n.md")
    assert r.code == 0, r.err
    assert "quote old is stale: verified in v1 only; v2 does not have it" in r.err
    text = (tmp_path / "n.md").read_text("utf-8")
    assert 'sourceText="[1]"\n    page="1"\n    version="v1">' in text
    assert ("*Quoted from arXiv:2101.00001v1, p. 1; stale: verified in v1 only: v2, the newest version kb holds, "
            "does not have it.*") in text
    assert "*Quoted from arXiv:2101.00001v1, p. 2 (v2 also has it).*" in text
    r = run_kb("verify", "--note", tmp_path / "n.md", "--json")
    assert r.code == 0, r.out
    assert [(q["status"], q["version"], q["page"]) for q in r.json["quotes"]] == [("ok", "v1", 1), ("ok", "v1", 2)]
    md = run_kb("export", "note", "--quotes", "old", "--format", "markdown").out
    assert "[@solo2021preprint, p. 1]" in md and "verified in v1 only" in md
    doc = run_kb("export", "note", "--quotes", "old,kept", "--format", "json").json
    assert [(q["verified_only_in"], q["newest_version"]) for q in doc["quotes"]] == [("v1", "v2"), (None, "v2")]
    assert [(q["status"], q["stale_in"]) for q in doc["quotes"]] == [("stale", "v2"), ("verified", None)]
    # without pages the block is the note format's, and a stale quote is still said so, with no page
    plain = run_kb("export", "note", "--quotes", "old,kept", "--no-pages").out
    assert "*Quoted from arXiv:2101.00001v1; stale: verified in v1 only: v2" in plain and "also has it" not in plain
    # the version attribute picks the version checked, even for a quote kb has not stored
    note = tmp_path / "other.md"
    note.write_text('<note-quote quote="the cost was 0.012 kWh per charge" sourceLink="#solo2021preprint" '
                    'version="v2"></note-quote>\n<note-quote quote="x" sourceLink="#solo2021preprint" '
                    'version="seven"></note-quote>\n')
    r = run_kb("verify", "--note", note)
    assert r.code == 1 and "not found in solo2021preprint v2" in r.out and "version='seven'" in r.out


def test_topic_is_a_tag_and_text_is_words(two_versions):
    ids = lambda *a: [q["id"] for q in run_kb("export", "note", *a, "--format", "json").json["quotes"]]  # noqa: E731
    assert ids("--topic", "cost") == ["kept", "old"] or ids("--topic", "cost") == ["old", "kept"]
    assert run_kb("export", "note", "--topic", "kwh").code == 2          # no quote is tagged "kwh"
    assert ids("--text", "kwh") == ["old"]                               # but one says it
    assert ids("--topic", "COST", "--text", "page two") == ["kept"]
    r = run_kb("export", "note", "--quotes", "old", "--text", "kwh")
    assert r.code == 2 and "either by --quotes or by --topic/--text/--paper" in r.err


def test_export_bib_brings_the_entries_a_selection_cross_references(kb_root, tmp_path):
    """DBLP's 'with crossref' BibTeX: a paper's entry names its proceedings; exporting the
    paper alone brings the proceedings after it (biber and BibTeX would not find it)."""
    (tmp_path / "d.bib").write_text(
        "@inproceedings{DBLP:conf/acl/X19, author = {A B}, title = {A Paper of Ours}, year = {2019},\n"
        "  crossref = {DBLP:conf/acl/2019}, pages = {1--9}}\n"
        "@proceedings{DBLP:conf/acl/2019, title = {Proceedings of ACL 2019}, year = {2019},\n"
        "  booktitle = {Proceedings of ACL 2019}, publisher = {ACL}}\n")
    assert run_kb("import", tmp_path / "d.bib").code == 0
    r = run_kb("export", "bib", "--cite", "DBLP:conf/acl/X19")
    assert r.code == 0, r.err
    assert r.out.index("@inproceedings{DBLP:conf/acl/X19") < r.out.index("@proceedings{DBLP:conf/acl/2019")
    assert "crossref = {DBLP:conf/acl/2019}" in r.out
    assert "booktitle = {Proceedings of ACL 2019}" in r.out.split("@proceedings")[0]   # biber --tool inherits nothing
    assert "reshaped 2 entries for biber's data model: booktitle dropped (1), booktitle from crossref (1)" in r.err
    if shutil.which("biber"):
        (tmp_path / "x.bib").write_text(r.out)
        v = subprocess.run(["biber", "--tool", "--validate-datamodel", "--output-file", str(tmp_path / "o.bib"),
                            str(tmp_path / "x.bib")], capture_output=True, text=True, timeout=120, cwd=tmp_path)
        assert "WARN" not in v.stdout, v.stdout


def test_markdown_export_writes_its_bib_shaped_as_export_bib(kb_root, tmp_path):
    (tmp_path / "c.bib").write_text("@article{crossref2012, title = {Optimal Is Not Good Enough}, author = {Loeb, G.},"
                                    " journal = {Biol. Cybern.}, year = 2012, month = {aug}, publisher = {Springer}}\n")
    assert run_kb("import", tmp_path / "c.bib").code == 0
    r = run_kb("export", "note", "--cite", "crossref2012", "--format", "markdown", "-o", tmp_path / "n.md")
    assert r.code == 0, r.err
    assert "kb: n.bib: reshaped 1 entry for biber's data model: month as a macro (1), publisher dropped (1)" in r.err
    bib = (tmp_path / "n.bib").read_text()
    assert "month = aug}" in bib and "publisher" not in bib
    assert bib == run_kb("export", "bib", "--cite", "crossref2012").out


def test_csl_json_of_a_crossref_child_has_what_its_parent_lends(kb_root, tmp_path):
    """CSL has no crossref: the paper's container, publisher, editors and year come from
    its proceedings' entry, as BibTeX and biber read it; what names the work stays its own."""
    bib = tmp_path / "x.bib"
    bib.write_text("@inproceedings{talk,\n  author = {Smith, Jane},\n  title = {A Talk on Energy},\n"
                   "  pages = {1--10},\n  crossref = {Conf2020},\n}\n\n@proceedings{conf2020,\n"
                   "  title = {Proceedings of the Energy Conference},\n  year = {2020},\n  publisher = {ACM},\n"
                   "  editor = {Doe, John},\n  doi = {10.1/proc},\n}\n")
    assert run_kb("import", bib).code == 0
    [item] = json.loads(run_kb("export", "csl-json", "--cite", "talk").out)
    assert item["container-title"] == "Proceedings of the Energy Conference"
    assert item["publisher"] == "ACM" and item["editor"] == [{"family": "Doe", "given": "John"}]
    assert item["issued"] == {"date-parts": [[2020]]} and item["title"] == "A Talk on Energy"
    assert "DOI" not in item


@pytest.mark.parametrize("args, named", [
    (["import"], "*.bib"), (["import", "--normalise"], "*.bib"),
    (["add", "--offline"], "*.pdf"), (["add"], "*.pdf"),
])
@pytest.mark.parametrize("slash", ["/", ""])
def test_a_folder_given_as_input_is_told_the_files_in_it_to_give(made_up, tmp_path, monkeypatch, args, named, slash):
    # `kb import library/` said only "is a folder, not a file kb can read"; `kb add papers/` "not a regular file"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "library").mkdir()
    before = (made_up / "references.bib").read_bytes()
    r = run_kb(*args, "library" + slash)
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1, r.err
    assert f"library/{named})" in r.err and "folder" in r.err and "Traceback" not in r.err
    assert (made_up / "references.bib").read_bytes() == before
