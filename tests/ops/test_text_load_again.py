"""kb text load of the very text a version holds already (the same file, a copy, the same pages as JSON), by the
same extractor, is said unchanged and changes nothing; another word, page or extractor is loaded as before."""

from __future__ import annotations

import json

import pytest

BIB = "@misc{hopper1952tidal, title = {Tidal Power}, author = {Hopper, Grace}, year = {1952}}\n"
PAGES = ["The tidal barrage delivered 240 MW at its peak.", "Maintenance takes place every summer."]


@pytest.fixture
def tidal(kb_root, tmp_path):
    from kb.ops.papers import load_text
    from kb.ops.session import open_kb

    (kb_root / "references.bib").write_text(BIB, "utf-8")
    (tmp_path / "first.txt").write_text("\f".join(PAGES), "utf-8")
    kb = open_kb(kb_root)
    assert load_text(kb, "hopper1952tidal", tmp_path / "first.txt", version="v2", extractor="pypdf").action == "updated"
    return kb


@pytest.mark.parametrize("name, content", [("first.txt", "\f".join(PAGES)), ("copy.txt", "\f".join(PAGES)),
                                           ("again.json", json.dumps(PAGES)),
                                           ("again.json", json.dumps({"pages": PAGES}))])
def test_the_same_text_again_is_unchanged(tidal, tmp_path, name, content):
    from kb.ops.papers import load_text

    (tmp_path / name).write_text(content, "utf-8")
    before = tidal.conn.execute("select id, sha256 from versions where citekey = 'hopper1952tidal'").fetchall()
    out = load_text(tidal, "hopper1952tidal", tmp_path / name, version="v2", extractor="pypdf")
    assert (out.action, out.pages, out.version) == ("unchanged", 2, "v2")
    assert tidal.conn.execute("select id, sha256 from versions where citekey = 'hopper1952tidal'").fetchall() == before


@pytest.mark.parametrize("pages, version, extractor", [
    (["The tidal barrage delivered 250 MW at its peak.", PAGES[1]], "v2", "pypdf"),     # a number apart
    (PAGES[:1], "v2", "pypdf"),                                                         # a page fewer
    ([*PAGES, "A third page."], "v2", "pypdf"),
    (PAGES, "v2", "pdfium"),                                                            # another extractor
    (PAGES, "v3", "pypdf"),                                                             # another version
])
def test_another_text_is_loaded(tidal, tmp_path, pages, version, extractor):
    from kb.errors import UsageError
    from kb.ops.papers import load_text

    (tmp_path / "other.txt").write_text("\f".join(pages), "utf-8")
    try:
        out = load_text(tidal, "hopper1952tidal", tmp_path / "other.txt", version=version, extractor=extractor)
    except UsageError as exc:          # less than the text held: refused, as before
        assert "would replace" in exc.message
        return
    assert out.action == "updated"
    held = tidal.conn.execute("select p.text from pages p join versions v on v.id = p.version_id where "
                              "v.citekey = 'hopper1952tidal' and v.version = ? order by p.page", [version]).fetchall()
    assert [r[0] for r in held] == pages


def test_kb_text_load_says_unchanged(tidal, tmp_path):
    from kbrun import run_kb

    r = run_kb("text", "load", "hopper1952tidal", tmp_path / "first.txt", "--version", "v2", "--extractor", "pypdf")
    assert (r.code, r.out, r.err) == (0, "unchanged hopper1952tidal v2: its text is these 2 pages already\n", "")


LINED = ["The tidal barrage delivered\n240 MW at its peak.\n", "Maintenance takes place\nevery summer.\n"]


@pytest.mark.parametrize("end, same", [("\r\n", True), ("\r", True), ("\n", True),
                                       ("\n\n", False), (" ", False), ("", False), ("\r\r\n", False)])
def test_the_same_text_with_other_line_ends_is_unchanged(kb_root, tmp_path, end, same):
    """The same pages saved by a Windows or an old Mac editor are the same text; a line end
    become two, a space or nothing is another text, loaded."""
    from kb.ops.papers import load_text
    from kb.ops.session import open_kb

    (kb_root / "references.bib").write_text(BIB, "utf-8")
    (tmp_path / "unix.txt").write_bytes("\f".join(LINED).encode())
    kb = open_kb(kb_root)
    assert load_text(kb, "hopper1952tidal", tmp_path / "unix.txt", version="v2", extractor="pypdf").action == "updated"
    (tmp_path / "other.txt").write_bytes("\f".join(p.replace("\n", end) for p in LINED).encode())
    out = load_text(kb, "hopper1952tidal", tmp_path / "other.txt", version="v2", extractor="pypdf")
    assert out.action == ("unchanged" if same else "updated")
