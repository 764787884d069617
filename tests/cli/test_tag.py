"""kb tag (stored as references.bib `keywords`) and kb ls --tag/--year/--author/--sort."""

from __future__ import annotations

import pytest
from kbrun import run_kb

BIB = """% kept as written
@article{strubell2019energy,
  title = {Energy and Policy Considerations for Deep Learning in {NLP}},
  author = {Strubell, Emma and Ganesh, Ananya and McCallum, Andrew},
  year = {2019},
}

@misc{luccioni2023power,
  title = {Power Hungry Processing},
  author = {Luccioni, Alexandra Sasha and Strubell, Emma},
  year = 2023,
  keywords = {energy, Machine Learning},
}

@book{abelson1985structure,
  title = {Structure and Interpretation of Computer Programs},
  author = {Abelson, Harold},
  year = {1985},
}
"""


@pytest.fixture
def lib(kb_root):
    (kb_root / "references.bib").write_text(BIB)
    return kb_root


def keys(*args: str) -> list[str]:
    r = run_kb("ls", *args, "--json")
    assert r.code == 0, r.err
    return [p["citekey"] for p in r.json]


def test_tag_adds_and_removes_keywords(lib):
    r = run_kb("tag", "strubell2019energy", "+energy", "+nlp")
    assert r.code == 0, r.err
    assert r.out == "strubell2019energy: energy, nlp\n"
    bib = (lib / "references.bib").read_text()
    assert "  year = {2019},\n  keywords = {energy, nlp},\n}" in bib
    assert bib.startswith("% kept as written\n")
    r = run_kb("tag", "luccioni2023power", "-energy", "+draft", "+ENERGY", "--json")
    assert r.code == 0 and r.json == {"citekey": "luccioni2023power", "tags": ["Machine Learning", "draft", "ENERGY"]}
    assert run_kb("tag", "strubell2019energy", "-energy", "-nlp").out == "strubell2019energy: (no tags)\n"
    assert (lib / "references.bib").read_text().split("@misc")[0] == BIB.split("@misc")[0]
    # a tag it does not have, refused: not written at all (this passed by printing the help: click read '-nothing'
    # as short options, '-h' among them)
    before = (lib / "references.bib").stat().st_mtime_ns
    r = run_kb("tag", "strubell2019energy", "-nothing")
    assert r.code == 2 and "has no tag 'nothing'; nothing changed" in r.err and "Usage" not in r.out, r.err
    assert (lib / "references.bib").stat().st_mtime_ns == before
    assert run_kb("show", "luccioni2023power").out.count("tags      Machine Learning, draft, ENERGY") == 1
    assert run_kb("rebuild").code == 0
    assert keys("--tag", "draft") == ["luccioni2023power"]


@pytest.mark.parametrize("args, message", [
    (("strubell2019energy", "+machine learning"), "tag 'machine learning' cannot be used"),
    (("strubell2019energy", "+a,b"), "tag 'a,b' cannot be used"),
    (("strubell2019energy", "+"), "a tag change is +TAG or -TAG"),
    (("nosuch", "+x"), "no paper 'nosuch'"),
    # Control characters were dropped on writing: the tag stored differed from the one
    # given, so the same tag given again was added a second time.
    (("strubell2019energy", "+\x1b]0;pwned\x07"), "tag '\\x1b]0;pwned\\x07' cannot be used"),
    (("strubell2019energy", "+en\x00ergy"), "the argument '+en\\x00ergy' holds a NUL character"),
    (("strubell2019energy", "+\u202eygrene"), "tag '\\u202eygrene' cannot be used"),
])
def test_bad_tags_are_refused_and_nothing_written(lib, args, message):
    r = run_kb("tag", *args)
    assert r.code == 2 and r.err.startswith("kb: error: ") and r.err.count("\n") == 1 and message in r.err, r.err
    assert (lib / "references.bib").read_text() == BIB


def test_ls_filters_and_sorts(lib):
    assert run_kb("tag", "abelson1985structure", "+classic").code == 0
    assert keys() == ["strubell2019energy", "luccioni2023power", "abelson1985structure"]
    assert keys("--tag", "energy") == ["luccioni2023power"]
    assert keys("--tag", "ENERGY", "--tag", "machine learning") == ["luccioni2023power"]
    assert keys("--tag", "energy", "--tag", "classic") == []
    assert keys("--year", "2019") == ["strubell2019energy"]
    assert keys("--year", "2000-2030") == ["strubell2019energy", "luccioni2023power"]
    assert keys("--year", "-2000") == ["abelson1985structure"]
    assert keys("--author", "strubell") == ["strubell2019energy", "luccioni2023power"]
    assert keys("--author", "strubell", "--year", "2023") == ["luccioni2023power"]
    assert keys("--sort", "year") == ["abelson1985structure", "strubell2019energy", "luccioni2023power"]
    assert keys("--sort", "title") == ["strubell2019energy", "luccioni2023power", "abelson1985structure"]
    assert keys("--sort", "added") == ["strubell2019energy", "luccioni2023power", "abelson1985structure"]
    r = run_kb("ls", "--tag", "classic", "--json")
    assert r.json[0]["tags"] == ["classic"]
    r = run_kb("ls", "--tag", "nothing")
    assert r.code == 0 and r.out == "" and r.err == "kb: no papers match\n"
    for args, message in [(("--sort", "size"), "--sort 'size'"), (("--year", "19x9"), "--year '19x9'")]:
        r = run_kb("ls", *args)
        assert r.code == 2 and message in r.err and r.err.count("\n") == 1


def test_ls_sorted_by_added_puts_papers_never_given_text_last(lib, tmp_path):
    """Papers imported from BibTeX alone have no date added: they came first, before every
    paper whose text was added."""
    (tmp_path / "p.txt").write_text("The text of the book.\fIts second page.")
    assert run_kb("text", "load", "abelson1985structure", tmp_path / "p.txt").code == 0
    assert keys("--sort", "added") == ["abelson1985structure", "strubell2019energy", "luccioni2023power"]


def test_completion_lists_citekeys_and_tags(lib):
    from kb.cli.library import complete_citekey, complete_tag

    assert run_kb("ls").code == 0          # the index exists
    assert complete_citekey("s") == ["strubell2019energy"]
    assert complete_citekey("") == ["abelson1985structure", "luccioni2023power", "strubell2019energy"]
    assert complete_tag("e") == ["energy"]


def test_a_tag_change_completes_with_its_sign(lib):
    """`kb tag KEY +en<TAB>` gives +energy, where it gave nothing (no tag starts with '+')."""
    from kb.cli.library import complete_tag_change

    assert run_kb("ls").code == 0
    assert (complete_tag_change("+e"), complete_tag_change("-e"), complete_tag_change("e")) == (
        ["+energy"], ["-energy"], ["energy"])


def test_shell_completion_through_the_kb_command(lib):
    import os
    import subprocess
    import sys

    assert run_kb("tag", "luccioni2023power", "+draft").code == 0
    env = dict(os.environ, KB_HOME=str(lib), _KB_COMPLETE="complete_bash", COMP_WORDS="kb show luc", COMP_CWORD="2")
    done = subprocess.run([sys.executable, "-m", "kb"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["luccioni2023power"], done.stderr
    env.update(COMP_WORDS="kb ls --tag dr", COMP_CWORD="3")
    done = subprocess.run([sys.executable, "-m", "kb"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["draft"], done.stderr


def test_a_tag_to_remove_holding_an_h_is_removed_not_read_as_help(lib):
    """'-hardware', '-ethics', '-nlp-hpc': a word of one '-' with an 'h' among its letters printed kb tag's help, exit 0,
    the tag kept; with --json and -h alone kb tag's own options still."""
    assert run_kb("tag", "strubell2019energy", "+hardware", "+ethics").code == 0
    r = run_kb("tag", "strubell2019energy", "-hardware", "--json")
    assert r.code == 0 and r.json == {"citekey": "strubell2019energy", "tags": ["ethics"]}, r.out + r.err
    r = run_kb("tag", "strubell2019energy", "-ethics")
    assert r.code == 0 and r.out == "strubell2019energy: (no tags)\n", r.out + r.err
    assert "keywords" not in (lib / "references.bib").read_text().split("@misc")[0]
    assert "Usage" in run_kb("tag", "strubell2019energy", "-h").out
