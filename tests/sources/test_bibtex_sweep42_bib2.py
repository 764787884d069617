"""BibTeX as users bring it (held-out sweep): what an entry has only through its @xdata."""

import pytest

from kb.sources.bibtex import BibFile

CASES = [
    # (the entry, its @xdata entries, the type kept, the field written in)
    ("@article{a, author = {S, D}, title = {T}, date = {2021-05}, xdata = {jd}}",
     "@xdata{jd, journaltitle = {Journal of Shared Data}, publisher = {Elsevier}}",
     "@article{a", "journaltitle = {Journal of Shared Data}"),
    ("@article{b, author = {S, D}, title = {T}, year = 2020, xdata = {jd}}",
     "@xdata{jd, journal = {J. Shared}}",
     "@article{b", "journaltitle = {J. Shared}"),
    ("@inproceedings{c, author = {S, D}, title = {T}, year = 2019, xdata = {outer}}",
     "@xdata{outer, xdata = {inner}, location = {Online}}\n@xdata{inner, booktitle = {Proc. of Things}}",
     "@inproceedings{c", "booktitle = {Proc. of Things}"),
]


@pytest.mark.parametrize("entry, data, kept, written", CASES)
def test_a_mandatory_field_an_entry_has_through_its_xdata_is_written_in_and_its_type_kept(entry, data, kept, written):
    """An @article whose journal its @xdata holds was exported as @misc (biblatex prints the
    journal through xdata; biber --tool inherits nothing), its type and journal lost."""
    key = entry.split("{")[1].split(",")[0]
    text, changes = BibFile(entry + "\n" + data + "\n").shaped_text(key)
    assert text.startswith(kept) and written in text
    assert not any(kind.startswith("@") for kind, _ in changes)


XDATA_CSL = [
    ("@article{a, author = {S, D}, title = {T}, year = 2021, xdata = {jd}}\n"
     "@xdata{jd, journaltitle = {Journal of Shared Data}, publisher = {Elsevier}}\n",
     {"container-title": "Journal of Shared Data", "publisher": "Elsevier"}),
    ("@book{b, author = {K, I}, title = {T}, date = {2021}, xdata = {outer}, location = {Paris}}\n"
     "@xdata{outer, xdata = {inner}, location = {Berlin}}\n@xdata{inner, publisher = {Springer}}\n",
     {"publisher": "Springer", "publisher-place": "Paris"}),
]


@pytest.mark.parametrize("text, expected", XDATA_CSL)
def test_csl_json_takes_what_an_entry_has_through_its_xdata_its_own_fields_first(text, expected):
    """kb export csl-json left out the journal, publisher and place an entry has through its
    @xdata (CSL has no xdata): the item lost where it appeared."""
    from kb.ops.export import _as_read, csl_item
    bib = BibFile(text)
    entry = bib.entries()[0]
    row = {"citekey": entry.key, "entry_type": entry.entry_type, "fields": dict(entry.fields)}
    item = csl_item(_as_read(None, row, bib))
    assert {k: item.get(k) for k in expected} == expected


@pytest.mark.parametrize("month, expected", [
    ("Sep~15", [[2019, 9, 15]]), ("15 September", [[2019, 9, 15]]),
    ("Jul--Aug", [[2019, 7], [2019, 8]]), ("June-July", [[2019, 6], [2019, 7]]),
    ("midsummer", [[2019]]), ("Sep~45", [[2019]]), ("Jul and Aug", [[2019]]), ("Sep~15--17", [[2019, 9, 15], [2019, 9, 17]]),
])
def test_csl_json_reads_a_month_with_its_day_or_a_range_of_months_and_nothing_else(month, expected):
    """month = sep # "~15" or jul # "--" # aug: CSL kept the year alone, the month lost."""
    from kb.ops.export import csl_date
    assert csl_date(None, "2019", month) == {"date-parts": expected}


MIXED = [
    # (bytes of a field's value, the text kb reads): UTF-8 and Latin-1 in one file, as joined files hold them
    (b"M\xc3\xbcller and Fran\xe7ois", "Müller and François"),
    (b"\xe9t\xe9 \xe2\x80\x93 \x93q\x94", "été – “q”"),
    (b"Caf\xe9 \xc3\xb6", "Café ö"),
]


@pytest.mark.parametrize("value, expected", MIXED)
def test_a_file_not_all_utf8_keeps_what_utf8_reads_and_reads_the_rest_as_latin1(value, expected, tmp_path):
    """A file joined from a UTF-8 and a Latin-1 one was read whole as Windows-1252: 'Müller'
    stored as 'MÃ¼ller', a wrong name in references.bib. The same for an entry an editor saved."""
    from kb.ops.library import read_edited
    from kb.sources.bibtex import decode
    data = b"@article{a,\n  author = {" + value + b"},\n}\n"
    assert decode(data, "in.bib", lenient=True) == "@article{a,\n  author = {" + expected + "},\n}\n"
    (tmp_path / "a.bib").write_bytes(data)
    assert expected in read_edited(tmp_path / "a.bib")[0]


@pytest.mark.parametrize("text, venue, year", [
    ("@article{a, author = {S, D}, title = {T}, xdata = {jd}}\n@xdata{jd, journaltitle = {J Shared}, date = {2021}}\n",
     "J Shared", 2021),
    ("@inproceedings{a, author = {S, D}, title = {T}, year = 2019, xdata = {o}, crossref = {p}}\n"
     "@xdata{o, xdata = {i}}\n@xdata{i, booktitle = {Proc. X}}\n@proceedings{p, title = {Proc. Y}, year = 2018}\n",
     "Proc. X", 2019),
])
def test_the_index_reads_what_an_entry_has_through_its_xdata_before_its_crossref(text, venue, year):
    """kb show and kb ls gave an entry whose journal its @xdata holds no venue (and kb doctor
    checked the index against the same reading)."""
    from kb.store import index
    bib = BibFile(text)
    e = bib.entries()[0]
    row = index.paper_row(e.key, e.entry_type, e.fields, 0,
                          lent=index.lent_to(bib, e, index.crossref_parents(bib.entries())))
    assert (row["venue"], row["year"]) == (venue, year)
