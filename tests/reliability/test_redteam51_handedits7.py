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
