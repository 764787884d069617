"""Red-team sweep 51, hand edits: a quote's text written by hand with a character nobody sees,
a PDF moved or deleted by hand, and what kb verify, kb doctor and kb show then say."""

from __future__ import annotations

import pytest

from kb.ops.doctor import diagnose

HIDDEN = ["\\u0007", "\\u0000", "\\u001b", "\\u007f", "\\u0085", "\\u202e", "\\b"]
WHITE = ["\\t", "\\n", "  "]          # white space a quote may hold: read as a space, never refused


def _records(status: str) -> tuple[str, dict]:
    """A claims file of one quote and one claim for each hidden character and each white space, and
    the line each record starts at."""
    text, lines = "", {}
    for n, ch in enumerate(HIDDEN + WHITE):
        for kind in ("quote", "claim"):
            lines[(kind, f"{kind[0]}{n}")] = text.count("\n") + 1
            words = f"We trained{ch}12 models on 64 GPUs"
            text += (f'[[quote]]\nid = "q{n}"\ntext = "{words}"\nstatus = "{status}"\npage = 1\nversion = "v1"\n\n'
                     if kind == "quote" else
                     f'[[claim]]\nid = "c{n}"\nvalue = "64"\nquote = "{words}"\nstatus = "{status}"\npage = 1\n'
                     f'version = "v1"\n\n')
    return text, lines


@pytest.mark.parametrize("status", ["verified", "unverified"])
def test_a_quote_holding_a_hidden_character_is_refused_at_its_line_stored_verified_or_not(kb_root, tmp_path,
                                                                                        monkeypatch, status):
    """A control character (a bell, a NUL, an escape, a C1 NEL) or a bidi override written by hand into a quote's
    text: stored unverified, it was listed 'unverified' by kb verify and kb doctor said 'nothing to repair'; stored
    verified, kb verify named the file alone and kb doctor said nothing. Now each is 'unshown', a failure, at the
    line of its record in both; white space in a quote is no such character."""
    from alphakb import make_alpha

    from kb.ops import derive, quotes
    from kb.store.knowledgebase import KB
    monkeypatch.setattr(derive, "base_values", lambda *args, **kwargs: None)
    make_alpha(kb_root, tmp_path)
    text, lines = _records(status)
    (kb_root / "claims" / "alpha2020energy.toml").write_text(text)
    kb = KB.open(kb_root)
    try:
        verdicts = {(v.kind, v.id): v for v in quotes.verify_all(kb) + quotes.verify_claims(kb)}
    finally:
        kb.close()
    problems = {p.where: p for p in diagnose(kb_root).problems}
    for (kind, rid), line in lines.items():
        v = verdicts[(kind, rid)]
        at = f"claims/alpha2020energy.toml:{line}"
        if int(rid[1:]) < len(HIDDEN):
            assert v.status == "unshown" and v.failed and v.message.endswith(f"without it in {at}"), (rid, v)
            assert at in problems and f"{rid}" in problems[at].what and at in problems[at].fix, (rid, problems)
        else:
            assert v.status != "unshown" and not v.failed, (rid, v)
            assert at not in problems, (rid, problems)


# -- a PDF a file field names, moved, renamed or deleted by hand after kb attached it ----------------

PDF_BIB = "@article{p0,\n  title = {Energy of p0},\n  author = {Curie, Marie},\n  year = {2024},\n  file = {FIELD}\n}\n"


@pytest.fixture
def attached(tmp_path):
    """A knowledge base whose references.bib names papers/curie.pdf in p0's file field, a PDF kb import attached
    (built by each test: a copy would find the PDF where it was imported from)."""
    import os

    from pdfgen import make_pdf

    from kb.ops.papers import import_bib
    from kb.store.knowledgebase import KB, init
    root, _ = init(tmp_path / "kb")
    (root / "papers").mkdir()
    (root / "papers" / "curie.pdf").write_bytes(make_pdf(["Energy of p0", "Marie Curie", "We trained 12 models on 64 GPUs."]))
    (root / "in.bib").write_text(PDF_BIB.replace("FIELD", "papers/curie.pdf"))
    old = os.getcwd()
    os.chdir(root)
    try:
        kb = KB.open(root)
        try:
            assert import_bib(kb, root / "in.bib").attached, "not attached"
        finally:
            kb.close()
    finally:
        os.chdir(old)
    assert "papers/curie.pdf" in (root / "references.bib").read_text()
    return root


@pytest.mark.parametrize("moved_to, found", [
    ("papers/curie-2024.pdf", True),                # renamed in place
    ("archive/2024/curie.pdf", True),               # moved into a folder of its own
    ("Curie Energy.PDF", True),                     # to the root, its suffix in capitals
    (".trash/curie.pdf", False),                    # a hidden folder: never looked through
    (None, False),                                  # deleted
])
def test_a_pdf_moved_or_deleted_by_hand_is_said_where_its_file_field_points_and_found_by_its_bytes(
        attached, moved_to, found):
    """After kb import attached papers/curie.pdf, the PDF renamed or moved by hand: kb doctor said 'nothing to
    repair' (a PDF attached from a file of that name counted as the field's, wherever it went). Now the field is
    said, with the PDF found by its sha256 where it sits in the knowledge base's folder, and nothing deleted."""
    root = attached
    pdf = root / "papers" / "curie.pdf"
    data = pdf.read_bytes()
    (root / "loop").symlink_to(root, target_is_directory=True)         # a link back to the root: no loop walked
    (root / "papers" / "other.pdf").write_bytes(data[:-1] + b" ")     # a PDF of its size, other bytes
    if moved_to is None:
        pdf.unlink()
    else:
        (root / moved_to).parent.mkdir(parents=True, exist_ok=True)
        pdf.rename(root / moved_to)
    report = diagnose(root, prune=True)
    [said] = [p for p in report.problems if "file field" in p.what]
    assert said.where == "references.bib:5" and "'papers/curie.pdf' (looked for" in said.what, said
    assert "which kb attached as" in said.what and not report.ok, said
    if found:
        assert f"the same PDF is at {moved_to}" in said.what and f"write its path ({moved_to})" in said.fix, said
        assert (root / moved_to).read_bytes() == data
    else:
        assert "the same PDF is at" not in said.what and "correct the path in its file field" in said.fix, said
    assert (root / "papers" / "other.pdf").exists()
    assert said.what.count(f"{root}/papers/curie.pdf") == 1, said        # each place looked for said once


def test_a_pdf_named_by_a_file_field_that_is_there_is_not_said(attached):
    assert [p for p in diagnose(attached).problems if "file field" in p.what] == []


# -- kb show of a PDF deleted by hand: the file it was added from, the cached PDF a rebuild kept the text of --


def _added(kb_root, tmp_path):
    from kbrun import run_kb
    from pdfgen import make_pdf

    pdf = kb_root / "papers" / "curie.pdf"
    pdf.parent.mkdir()
    body = ["Energy of p0", "Marie Curie"] + [f"We trained {n} models on 64 GPUs for 3 days in the lab." for n in range(12)]
    pdf.write_bytes(make_pdf(["\n".join(body)], title="Energy of p0"))
    r = run_kb("add", pdf, "--offline")
    assert r.code == 0, r.err
    [key] = [line.split()[1] for line in r.out.splitlines() if line.startswith("added")]
    return pdf, key


@pytest.mark.parametrize("deleted", [(), ("source",), ("cache",), ("source", "cache"), ("cache", "again")])
def test_kb_show_says_a_pdf_deleted_by_hand_is_gone_before_and_after_a_rebuild(kb_root, tmp_path, deleted):
    """The PDF a paper was added from deleted or moved by hand: kb show listed its path as the paper's source, unsaid;
    its cached copy deleted too and kb rebuild run, kb show said nothing of the PDF at all (rebuild kept the text as a
    page text and said the PDF was gone, once). Now the path is said to be no longer there, and the PDF gone from the
    cache is said by every kb show after the rebuild until it is added again."""
    from kbrun import run_kb

    pdf, key = _added(kb_root, tmp_path)
    data = pdf.read_bytes()
    if "source" in deleted:
        pdf.unlink()
    if "cache" in deleted:
        [cached] = (kb_root / ".kb" / "cache" / "sources").glob("*.pdf")
        cached.unlink()
        assert run_kb("rebuild").code == 0
    if "again" in deleted:      # as kb rebuild says to: the same paper's PDF again, never a second paper
        r = run_kb("add", pdf, "--offline")
        assert r.code == 0 and r.out.startswith(f"updated   {key} "), r.out + r.err
        assert [p["citekey"] for p in run_kb("ls", "--json").json] == [key] and pdf.read_bytes() == data
    for _ in range(2):          # and after a second rebuild, of a text whose PDF is gone
        r = run_kb("show", key, "--json")
        assert r.code == 0, r.err
        [v] = r.json["versions"]
        assert v["source_gone"] == ("source" in deleted), v
        gone = [p for p in r.json["problems"] if "deleted from the cache by hand" in p]
        assert len(gone) == (deleted in (("cache",), ("source", "cache"))), r.json["problems"]
        text = run_kb("show", key).out
        assert ("(no longer there: deleted or moved by hand)" in text) == ("source" in deleted), text
        assert run_kb("rebuild").code == 0


def test_a_manifest_holding_a_field_kb_does_not_know_is_read(tmp_path):
    """A manifest written by a newer kb (a field this one does not know) was read as no manifest at all: its
    source taken for one of no paper."""
    import json

    from kb.store.cache import SourceCache
    cache = SourceCache(tmp_path / "sources", tmp_path / "tmp")
    (tmp_path / "sources").mkdir()
    sha = "a" * 64
    (tmp_path / "sources" / f"{sha}.json").write_text(json.dumps(
        {"sha256": sha, "kind": "pdf", "filename": f"{sha}.pdf", "citekeys": ["p0"], "from_the_future": 1}))
    m = cache.get(sha)
    assert m is not None and m.citekeys == ["p0"] and m.pdf_gone is None, m


@pytest.mark.parametrize("name, there, gone", [
    ("curie.pdf", True, False),
    ("curie.pdf", False, True),
    (b"caf\xff.pdf", True, False),          # recorded as caf\xff.pdf (atomic.path_as_text): the file is there
    (b"caf\xff.pdf", False, True),
    ("caf\\x41.pdf", True, False),          # a name holding a backslash itself
    ("caf\\x41.pdf", False, True),
])
def test_a_source_path_is_gone_only_where_no_file_of_it_is_there(tmp_path, name, there, gone):
    import os

    from kb.atomic import path_as_text
    from kb.ops.library import _gone
    path = os.path.join(os.fsencode(tmp_path), name if isinstance(name, bytes) else os.fsencode(name))
    if there:
        with open(path, "wb") as fh:
            fh.write(b"%PDF-1.4\n")
    assert _gone(path_as_text(os.fsdecode(path))) is gone


@pytest.mark.parametrize("source", [None, "", "https://arxiv.org/pdf/2311.16863v1", "paper.pdf", "-"])
def test_a_source_that_is_no_local_path_is_never_said_gone(source):
    from kb.ops.library import _gone
    assert _gone(source) is False


@pytest.mark.parametrize("cache_deleted", [False, True])
def test_the_search_for_a_moved_pdf_reads_regular_files_only_and_never_past_its_budget(attached, monkeypatch,
                                                                                        cache_deleted):
    """The cached PDF deleted too, every '….pdf' of the folder was hashed: a named pipe called 'x.pdf' blocked
    kb doctor for ever, and a folder of large PDFs was read whole. Now only a regular file is read (no pipe, no
    link to a PDF outside the knowledge base), and no more bytes than HASH_AT_MOST."""
    import os

    from kb.ops import doctor
    root = attached
    pdf = root / "papers" / "curie.pdf"
    data = pdf.read_bytes()
    outside = root.parent / "outside.pdf"
    outside.write_bytes(data)
    pdf.unlink()
    (root / "papers" / "linked.pdf").symlink_to(outside)               # the same bytes, outside: never followed
    os.mkfifo(root / "papers" / "pipe.pdf")
    (root / "archive").mkdir()
    (root / "archive" / "curie.pdf").write_bytes(data)
    if cache_deleted:
        for cached in (root / ".kb" / "cache" / "sources").glob("*.pdf"):
            cached.unlink()
    read = []
    real = doctor._sha_file
    monkeypatch.setattr(doctor, "_sha_file", lambda path: (path.suffix.lower() == ".pdf" and read.append(path.name)) or real(path))
    [said] = [p for p in diagnose(root).problems if "file field" in p.what]
    assert "the same PDF is at archive/curie.pdf" in said.what, said
    assert "pipe.pdf" not in read and "linked.pdf" not in read, read
    read.clear()
    monkeypatch.setattr(doctor, "HASH_AT_MOST", len(data) - 1)         # the PDF is past the budget: not read
    [said] = [p for p in diagnose(root).problems if "file field" in p.what]
    assert "the same PDF is at" not in said.what and "correct the path in its file field" in said.fix, said
    assert read == [], read
