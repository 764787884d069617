"""Red-team sweep 51, hand edits 8: a cached source replaced or damaged by hand, and the text a
rebuild could not read again from a cached source that is still there."""

from __future__ import annotations

import pytest

from kb.errors import FileFormatError
from kb.store.cache import SourceCache, sha256

ONE = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% the first paper\n%%EOF\n"
TWO = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% another paper\n%%EOF\n"


def _flip(data: bytes) -> bytes:
    """One byte changed, the size kept (what a size check alone never sees)."""
    i = len(data) // 2
    return data[:i] + bytes([data[i] ^ 1]) + data[i + 1:]


@pytest.mark.parametrize("kind, ext, edit", [
    ("pdf", "pdf", lambda d: TWO),                 # another PDF under the same name
    ("pdf", "pdf", _flip),                         # one byte changed, same size
    ("pdf", "pdf", lambda d: d[:-7]),              # cut short
    ("pdf", "pdf", lambda d: d + b"\n%more\n"),    # appended to
    ("pdf", "pdf", lambda d: b""),                 # emptied
    ("text", "pages", lambda d: b'["another paper\'s page"]'),
    ("text", "pages", _flip),
])
def test_a_cached_source_whose_bytes_are_not_its_sha256s_is_never_read_as_its_text(tmp_path, kind, ext, edit):
    cache = SourceCache(tmp_path / "sources", tmp_path / "tmp")
    cache.folder.mkdir()
    cache.tmp.mkdir()
    data = ONE if kind == "pdf" else b'["the first paper\'s page"]'
    m = cache.put(data, kind, ext)
    assert cache.read(m) == data                   # as cached: read
    cache.path(m).write_bytes(edit(data))
    assert sha256(cache.path(m).read_bytes()) != m.sha256
    with pytest.raises(FileFormatError) as exc:
        cache.read(m)
    assert "does not match its sha256" in exc.value.message and m.filename in exc.value.message
    assert "kb doctor --prune" in exc.value.hint


def _two_papers(kb_root):
    from kbrun import run_kb
    from pdfgen import make_pdf

    (kb_root / "papers").mkdir()
    keys = []
    for name, words in (("curie", "We trained 12 models on 64 GPUs for 3 days."),
                        ("noether", "Every symmetry of the action gives a conserved quantity.")):
        pdf = kb_root / "papers" / f"{name}.pdf"
        pdf.write_bytes(make_pdf([f"Paper of {name}\n{name.title()}\n{words}"], title=f"Paper of {name}"))
        r = run_kb("add", pdf, "--offline")
        assert r.code == 0, r.err
        [key] = [line.split()[1] for line in r.out.splitlines() if line.startswith("added")]
        keys.append(key)
    r = run_kb("quote", "add", keys[0], "We trained 12 models on 64 GPUs for 3 days.", "--page", "1")
    assert r.code == 0, r.err
    return keys


def test_a_cached_pdf_replaced_by_another_papers_is_not_its_text_after_a_rebuild(kb_root):
    """The cached PDF of one paper replaced by hand with another paper's PDF under the same name: kb rebuild read
    the other paper's text as the first's ('4 pages, text ok', the first's sha256), and kb quote add then stored a
    sentence of the other paper verified in the first. Now the file is no text of the paper, said why, and a
    quote of the other paper is refused; kb doctor --prune and kb add of the right PDF restore it."""
    from kbrun import run_kb

    first, second = _two_papers(kb_root)
    sources = kb_root / ".kb" / "cache" / "sources"
    shown = {k: run_kb("show", k, "--json").json["versions"][0]["sha256"] for k in (first, second)}
    (sources / f"{shown[first]}.pdf").write_bytes((sources / f"{shown[second]}.pdf").read_bytes())
    r = run_kb("rebuild")
    assert r.code == 0, r.err
    assert "does not match its sha256" in r.err and "is lost" not in r.err, r.err
    other = run_kb("quote", "add", first, "Every symmetry of the action gives a conserved quantity.")
    assert other.code == 2 and "stored" not in other.out, other.out + other.err
    v = run_kb("verify")
    assert "ok " not in v.out.split(first)[0] and "no-text" in v.out, v.out
    assert run_kb("quote", "add", second, "Every symmetry of the action gives a conserved quantity.").code == 0
    assert run_kb("doctor", "--prune").code == 1
    assert run_kb("add", kb_root / "papers" / "curie.pdf", "--offline").code == 0
    v = run_kb("verify")
    assert v.code == 0 and "2 quotes: 2 ok" in v.out, v.out + v.err


def _limit(name, value):
    def edit(root):
        import re
        toml = root / "kb.toml"
        toml.write_text(re.sub(rf"(?m)^{name} = .*$", f"{name} = {value}", toml.read_text()))
    return edit


def _cut(root):
    [pdf] = (root / ".kb" / "cache" / "sources").glob("*.pdf")
    pdf.write_bytes(pdf.read_bytes()[:300])


@pytest.mark.parametrize("edit, status, said", [
    (_limit("max_pages", 1), "over-limit", "over the limit of 1"),
    (_cut, "corrupt", "does not match its sha256"),
])
def test_text_a_rebuild_could_not_read_again_from_a_cached_source_still_there_is_not_said_gone(
        kb_root, edit, status, said):
    """A limit of kb.toml lowered by hand, or the cached PDF cut short, then kb rebuild: the text it refused was said
    'lost, their cached sources gone from .kb/cache/sources; kb add their PDFs again', the sources being there. Now
    why, and no 'gone'; kb.toml restored, the next rebuild reads it."""
    from kbrun import run_kb
    from pdfgen import make_pdf

    pdf = kb_root / "long.pdf"
    pdf.write_bytes(make_pdf([f"Paper long\nLong\nPage {n} says we trained 12 models." for n in range(3)],
                             title="Paper long"))
    r = run_kb("add", pdf, "--offline")
    assert r.code == 0, r.err
    [key] = [line.split()[1] for line in r.out.splitlines() if line.startswith("added")]
    toml = (kb_root / "kb.toml").read_text()
    edit(kb_root)
    r = run_kb("rebuild")
    assert r.code == 0, r.err
    assert "from .kb/cache/sources" not in r.err and f"the text of {key} " in r.err, r.err
    assert f"({status}: " in r.err and said in r.err and "could not be read again" in r.err, r.err
    assert run_kb("show", key, "--json").json["versions"][0]["text_status"] == status
    if status == "over-limit":
        (kb_root / "kb.toml").write_text(toml)
        r = run_kb("rebuild")
        assert r.code == 0 and "the text of" not in r.err, r.err
        assert run_kb("show", key, "--json").json["versions"][0]["page_count"] == 3


def test_text_whose_cached_source_is_gone_is_still_said_gone(kb_root):
    from kbrun import run_kb
    from pdfgen import make_pdf

    pdf = kb_root / "p.pdf"
    pdf.write_bytes(make_pdf(["Paper p\nP\nWe trained 12 models."], title="Paper p"))
    assert run_kb("add", pdf, "--offline").code == 0
    for f in (kb_root / ".kb" / "cache" / "sources").iterdir():
        f.unlink()
    r = run_kb("rebuild")
    assert "could not be read again" not in r.err, r.err


def test_a_cached_pdf_deleted_by_hand_is_said_missing_by_every_command_and_kb_text_extract_says_so(kb_root):
    """The cached PDF deleted by hand: kb text extract stopped with an internal error (FileNotFoundError), and kb
    verify said it 'gone from the cache' where kb show, kb open and kb doctor said 'missing'. Now each says it is
    missing, kb text extract in one line, exit 2."""
    from kbrun import run_kb
    from pdfgen import make_pdf

    pdf = kb_root / "p.pdf"
    pdf.write_bytes(make_pdf(["Paper p\nP\nWe trained 12 models on 64 GPUs."], title="Paper p"))
    r = run_kb("add", pdf, "--offline")
    assert r.code == 0, r.err
    [key] = [line.split()[1] for line in r.out.splitlines() if line.startswith("added")]
    assert run_kb("quote", "add", key, "We trained 12 models on 64 GPUs.").code == 0
    [cached] = (kb_root / ".kb" / "cache" / "sources").glob("*.pdf")
    cached.unlink()
    said = {}
    for args in (("text", "extract", key), ("text", "extract", key, "--extractor", "pypdf"), ("show", key),
                 ("open", key), ("verify",), ("doctor",)):
        r = run_kb(*args)
        said[args] = r.out + r.err
        assert "Traceback" not in said[args] and "internal error" not in said[args], said[args]
        assert f"{cached.name} is missing" in said[args] and "gone from the cache" not in said[args], (args, said)
    for args in (("text", "extract", key), ("text", "extract", key, "--extractor", "pypdf")):
        r = run_kb(*args)
        assert r.code == 2 and r.out == "" and r.err.count("\n") == 1, r.err
        assert r.err.startswith(f"kb: error: {key} has no PDF to extract again"), r.err
    assert pdf.exists()


CHECK = '[[check]]\nid = "two"\nstated = "2 m"\nexpr = "2 m"\n'


@pytest.mark.parametrize("names, unread", [
    (["sub/p.toml"], ["claims/sub/p.toml is in a subfolder of claims/"]),
    (["a/b/p.toml"], ["claims/a/b/p.toml is in a subfolder of claims/"]),
    (["p.TOML"], ["claims/p.TOML is named as no claims file"]),
    (["p.toml.bak"], ["claims/p.toml.bak is named as no claims file"]),
    (["p.toml~"], ["claims/p.toml~ is named as no claims file"]),
    (["p.toml.txt"], ["claims/p.toml.txt is named as no claims file"]),
    (["p_BASE_1234.toml"], ["claims/p_BASE_1234.toml is named as no claims file (a copy a merge"]),
    ([f"old/p{n}.toml" for n in range(8)], [f"claims/old/p{n}.toml is in a subfolder" for n in range(5)]
     + ["3 more such files in claims/"]),
    (["p.toml.disabled"], []),              # parked on purpose
    (["p.toml.off"], []),
    (["p.toml", "p.toml.bak"], []),         # a backup beside its own claims file
    ([".p.toml"], []),                      # hidden: an editor's
    (["p.toml"], []),
])
def test_kb_verify_and_kb_check_fail_while_claims_holds_a_file_of_quotes_or_checks_kb_reads_as_none(
        kb_root, names, unread):
    """A claims file moved into a subfolder of claims/, or renamed so kb reads it as no claims file: kb doctor said
    it, but kb verify said 'no quotes stored' and kb check 'no checks', exit 0, every run after the first (the quotes
    and checks it holds judged by neither). Now each says where the file is, exit 1; one parked on purpose, a backup
    beside its own file or an editor's hidden file is not said."""
    from kbrun import run_kb

    for name in names:
        path = kb_root / "claims" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(CHECK)
    for command in ("verify", "check"):
        for _ in range(2):
            r = run_kb(command)
            said = [line for line in r.err.splitlines() if f"kb {command} judged none it holds" in line]
            assert len(said) == len(unread), (command, r.err)
            for line, where in zip(said, unread):
                assert line.startswith(f"kb: {where}") and "kb doctor says how to repair it" in line, (line, where)
            assert r.code == (1 if unread else 0), (command, r.out, r.err)
            assert "Traceback" not in r.err
    for name in names:
        assert (kb_root / "claims" / name).read_text() == CHECK
