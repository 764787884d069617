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
