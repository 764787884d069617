"""kb import of a library whose file field names a PDF that is not there: said with the name as the
field writes it and every place kb looked for it. Mendeley's ':home/me/x.pdf:pdf' (an absolute path
without its '/') was said as the path beside the .bib file alone, a path Mendeley never meant."""

from __future__ import annotations

import pytest

from kb.ops.papers import import_bib
from kb.ops.session import open_kb


@pytest.mark.parametrize("field, written, looked", [
    (":home/someone/Mendeley Desktop/x.pdf:pdf", "home/someone/Mendeley Desktop/x.pdf",
     ["lib/home/someone/Mendeley Desktop/x.pdf", "/home/someone/Mendeley Desktop/x.pdf"]),
    ("Full Text:files/3/z.pdf:application/pdf", "files/3/z.pdf", ["lib/files/3/z.pdf", "/files/3/z.pdf"]),
    (":path/y\\:1.pdf:pdf", "path/y:1.pdf", ["lib/path/y:1.pdf", "/path/y:1.pdf"]),
])
def test_a_missing_file_is_said_as_written_and_where_kb_looked(kb_root, tmp_path, field, written, looked):
    (tmp_path / "lib").mkdir()
    bib = tmp_path / "lib" / "library.bib"
    bib.write_text(f"@article{{m2020, title = {{One}}, author = {{Roe, Rita}}, year = {{2020}}, file = {{{field}}}}}\n")
    out = import_bib(open_kb(kb_root), bib, jobs=1)
    assert out.added == ["m2020"] and not out.attached
    said = [w for w in out.warnings if w.startswith("m2020:")]
    assert len(said) == 1 and f"file {written!r} not attached: no such file" in said[0], said
    places = said[0].split("(looked for ", 1)[1]
    for place in looked:
        assert (str(tmp_path / place) if not place.startswith("/") else place) in places, said
