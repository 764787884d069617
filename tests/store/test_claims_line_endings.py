"""kb's own lines in a claims file whose lines end in both \\n and \\r\\n end as most of
the file's lines do; every line the person wrote keeps its ending."""

from __future__ import annotations

import pytest

from kb.store.claimsfile import add_record, read_for_edit

USER = ['# notes\r\n', '\r\n', '[[quote]]\r\n', 'id = "q1"\n', 'page = 1\r\n', 'text = "Solar farms."\r\n']


@pytest.mark.parametrize("lines, ending", [
    (USER, "\r\n"),                                                         # mostly \r\n
    (USER[:3] + ['id = "q1"\r\n', 'page = 1\n', 'text = "Solar farms."\r\n'], "\r\n"),
])
def test_kb_lines_end_as_most_of_the_file_does(tmp_path, lines, ending):
    path = tmp_path / "x.toml"
    path.write_bytes("".join(lines).encode())
    held = read_for_edit(path)
    record = {"id": "q2", "page": 2, "text": "Wind farms."}
    out = held.written(add_record(held.text, "quote", record))
    assert out.startswith("".join(lines))                   # the person's lines as they were
    added = out[len("".join(lines)):]
    assert 'id = "q2"' in added
    assert added.count("\n") == added.count(ending)
    assert out.count("\n") - out.count("\r\n") >= 1        # their lone \n kept
