"""Red-team round 50, hostile input (thirteenth pass): a truth file behind a byte-order mark that is not UTF-8 after
it, ..."""

from __future__ import annotations

import pytest

# -- a byte that is not UTF-8 behind a byte-order mark -------------------------------------------


@pytest.mark.parametrize("mark", [b"\xef\xbb\xbf", b""])
@pytest.mark.parametrize("reader", ["bib", "toml"])
def test_a_byte_that_is_not_utf8_is_named_at_its_line_and_column_behind_a_byte_order_mark(mark, reader) -> None:
    """Behind a UTF-8 byte-order mark the byte named was the one three before it: a Latin-1 'Café' in references.bib
    was refused as 'byte 0x43' (the C of 'Caf'), its column not said."""
    from kb.errors import FileFormatError
    from kb.sources import bibtex
    from kb.store import claimsfile
    data = mark + b'# x\n\xc3\xa9 = "Caf\xe9 x"\n'
    with pytest.raises(FileFormatError) as got:
        if reader == "bib":
            bibtex.decode(data, "references.bib")
        else:
            claimsfile.decode_toml(data, "claims/a.toml")
    said = str(got.value)
    assert ":2:" in said and "byte 0xe9 at column 9" in said, said


@pytest.mark.parametrize("mark", [b"\xef\xbb\xbf", b""])
def test_a_note_not_utf8_names_its_byte_line_and_column(tmp_path, mark) -> None:
    from kb.errors import UsageError
    from kb.ops import audit
    note = tmp_path / "n.md"
    note.write_bytes(mark + b'Intro.\n"Caf\xe9" [@a]\n')
    with pytest.raises(UsageError) as got:
        audit.audit_note(None, note)
    assert "n.md:2: the note is not UTF-8 (byte 0xe9 at column 5)" in str(got.value), str(got.value)


# -- one sentence of many quotes ---------------------------------------------------------------


def test_a_sentence_of_many_citations_is_measured_once_not_once_a_citation(kb_root, tmp_path, monkeypatch) -> None:
    """Each citation of a sentence found the sentence's line breaks and wrote it as shown anew: one sentence of
    9,600 quotes took kb audit --note 27 s of CPU. Counted as the sentences read for their line breaks, not timed."""
    import re

    from alphakb import make_alpha
    from kbrun import run_kb

    from kb.ops import audit
    read = [0]

    class Counted:
        def finditer(self, text):
            read[0] += 1
            return re.finditer(r"\n", text)

    monkeypatch.setattr(audit, "_NEWLINE_RE", Counted())
    make_alpha(kb_root, tmp_path)
    note = tmp_path / "n.md"
    note.write_text('"We trained 12 models on 64 GPUs" [@alpha2020energy] ' * 4 + "\nIt used 64 GPUs [@alpha2020energy].\n")
    got = run_kb("audit", "--note", note)
    assert got.code in (0, 1) and "Traceback" not in got.err, got.err
    assert 0 < read[0] <= 2, read[0]


# -- a PDF's document information longer than any paper's title ----------------------------------


@pytest.mark.parametrize("where", ["info", "guess"])
def test_a_pdf_title_longer_than_any_papers_is_not_filed(tmp_path, where) -> None:
    """A PDF whose /Info held a title of a megabyte was filed with it whole by kb add --offline: references.bib held
    it, kb ls printed it. The title is taken from what else the PDF says, as for a /Title of 'untitled'."""
    from kb.ops import papers
    from kb.sources.pdf import Extracted
    long = "Wind " * 1000
    result = Extracted(pages=["Wind Power Limits"], extractor="test",
                       info_title=long if where == "info" else "untitled",
                       title_guess="Wind Power Limits" if where == "info" else long)
    meta = papers._meta_from_pdf(result, tmp_path / "wind.pdf")
    assert meta.title == ("Wind Power Limits" if where == "info" else ""), meta.title[:80]     # never its file name


# -- a server that sends its headers, then stalls --------------------------------------------------


def test_a_server_that_stalls_after_its_headers_is_said_so_for_the_time_waited(tmp_path) -> None:
    """A server that sent its headers, then nothing, given up on after 8 s (KB_READ_TIMEOUT=4, one retry) was said
    'no answer within 30 s' (KB_SILENT_TIMEOUT's seconds): neither what it did nor how long kb waited."""
    from test_redteam import RawServer, _client

    from kb.errors import NetworkError
    raw = RawServer(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{", pace=0,
                    limit=5)
    try:
        with pytest.raises(NetworkError) as err:
            _client(tmp_path, silent_timeout=5.0, read_timeout=0.05, retries=0, backoff=0.0).get(raw.url)
    finally:
        raw.close()
    said = str(err.value)
    assert "sent the start of its answer, then nothing more: gave up after " in said and "no answer" not in said, said


# -- a control character written into a verified quote by hand ------------------------------------


@pytest.mark.parametrize("written", ["\\u0000", "\\b", "\\u001f"])
def test_a_verified_quote_holding_a_control_character_is_not_shown_verified(kb_root, tmp_path, written) -> None:
    """A NUL (or a backspace, a unit separator) written by hand into a verified quote of a claims file: kb verify
    failed it as 'unshown', kb quote ls showed it verified (matched without it, it stood as words it does not show)."""
    from alphakb import make_alpha
    from kbrun import run_kb
    make_alpha(kb_root, tmp_path)
    assert run_kb("quote", "add", "alpha2020energy", "We trained 12 models on 64 GPUs").code == 0
    claims = kb_root / "claims" / "alpha2020energy.toml"
    held = claims.read_text()
    claims.write_text(held.replace('text = "We trained 12', f'text = "We trained {written}12'))
    got = run_kb("quote", "ls", "--json")
    assert got.code == 0, got.err
    [quote] = got.json
    assert quote["status"] == "unverified" and "a control character" in quote["reason"], quote


def test_a_verified_claim_whose_quote_holds_a_control_character_is_not_shown_verified(kb_root, tmp_path,
                                                                                     monkeypatch) -> None:
    """As a quote's: a NUL written by hand into a verified claim's quote stood verified in kb claims. (Its value in
    base units is not what is tested: not computed, which would load the unit registry.)"""
    from alphakb import make_alpha
    from kbrun import run_kb

    from kb.ops import derive
    monkeypatch.setattr(derive, "base_values", lambda *args, **kwargs: None)
    make_alpha(kb_root, tmp_path)
    (kb_root / "claims").mkdir(exist_ok=True)
    (kb_root / "claims" / "alpha2020energy.toml").write_text(
        '[[claim]]\nid = "gpus"\nvalue = "64"\nquote = "We trained \\u000012 models on 64 GPUs"\npage = 1\n'
        'version = "v1"\nstatus = "verified"\n')
    got = run_kb("claims", "--json")
    assert got.code == 0, got.err
    [claim] = got.json
    assert claim["status"] == "unverified" and "a control character" in claim["reason"], claim
