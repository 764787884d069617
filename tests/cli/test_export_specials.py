"""kb export bib --as-stored and kb doctor on a person's bare '&': said one line a field, at its line; the
references.bib kept as written."""

from __future__ import annotations

from kbrun import run_kb


def test_as_stored_and_doctor_say_each_field_latex_stops_at(kb_root, tmp_path):
    bib = ("@article{a1,\n  title = {Energy & Policy},\n  author = {Doe, Jane},\n  journal = {J},\n  year = {2020},\n"
           "  url = {https://x.org/a_b},\n}\n\n@misc{a2,\n  title = {Escaped \\& fine},\n  year = {2021},\n"
           "  note = {50% off_peak},\n}\n")
    (tmp_path / "in.bib").write_text(bib)
    assert run_kb("import", tmp_path / "in.bib").code == 0
    stored = (kb_root / "references.bib").read_text()
    r = run_kb("export", "bib", "--as-stored")
    assert r.code == 0 and "title = {Energy & Policy}" in r.out
    lines = [line for line in r.err.splitlines() if "kept as stored" in line]
    assert len(lines) == 2
    assert lines[0].startswith("kb: a1: title (references.bib:") and "a bare '&' (Misplaced alignment tab)" in lines[0]
    assert lines[1].startswith("kb: a2: note (") and "a bare '%'" in lines[1] and "'_' outside math" in lines[1]
    r = run_kb("export", "bib")
    assert r.code == 0 and "title = {Energy \\& Policy}" in r.out and "note = {50\\% off\\_peak}" in r.out
    assert "kept as stored" not in r.err and "LaTeX's specials escaped (2)" in r.err
    d = run_kb("doctor")
    assert d.code == 0, d.err
    said = [line for line in (d.out + d.err).splitlines() if "LaTeX stops at it" in line]
    line_of = {key: stored[:stored.index(text)].count("\n") + 1 for key, text in
               [("a1", "title = {Energy"), ("a2", "note = {50%")]}
    assert len(said) == 2
    assert f"references.bib:{line_of['a1']}: entry a1, field title" in said[0]
    assert f"references.bib:{line_of['a2']}: entry a2, field note" in said[1]
    assert (kb_root / "references.bib").read_text() == stored
