"""arXiv ids and DOIs found in free text: one finder for PDFs' first pages,
BibTeX fields and reference list entries."""

from __future__ import annotations

import pytest

from kb.text.ids import (
    ArxivId,
    bare_arxiv_id,
    find_arxiv_in_text,
    find_doi_in_text,
    strip_identifiers,
)


@pytest.mark.parametrize("text, found", [
    ("arXiv:2311.16863v1 [cs.LG] 28 Nov 2023", ArxivId("2311.16863", 1)),       # a PDF's stamp
    ("arXiv preprint arXiv:1906.02243 (2019).", ArxivId("1906.02243")),
    ("https://arxiv.org/abs/2101.03961v2", ArxivId("2101.03961", 2)),
    ("https://arxiv.org/pdf/1908.09635.pdf", ArxivId("1908.09635")),
    ("ArXiv, abs/1806.01620.", ArxivId("1806.01620")),
    ("https://doi.org/10.48550/ARXIV.2203.15556", ArxivId("2203.15556")),
    ("arXiv preprint cs/0306050 (2003).", ArxivId("cs/0306050")),
    ("see arXiv:1913.1234 and then arXiv:2104.10350", ArxivId("2104.10350")),   # month 13 is no id
    ("arXiv:1412.69801", None),                  # five digits before 2015: no id
    ("Journal 12 (2020), 2104.10350.", None),    # a bare number is not taken for an id
])
def test_arxiv_in_text(text: str, found: ArxivId | None) -> None:
    assert find_arxiv_in_text(text) == found


def test_doi_in_text() -> None:
    assert find_doi_in_text("(doi:10.1145/3442188.3445922).") == "10.1145/3442188.3445922"
    assert find_doi_in_text("Ann. Phys. 10.1016/0003-4916(63)90068-X.") == "10.1016/0003-4916(63)90068-x"
    assert find_doi_in_text("https://doi.org/10.18653/v1/P19-1355, 2019") == "10.18653/v1/p19-1355"
    assert find_doi_in_text("[doi](https://doi.org/10.18653%2Fv1%2FP19-1355)") == "10.18653/v1/p19-1355"
    assert find_doi_in_text("https://doi.org/10.18653%2Fv1%2FP19-1356") == "10.18653/v1/p19-1356"
    assert find_doi_in_text("no identifier here") is None


@pytest.mark.parametrize("text, found", [
    # a DOI cut after its prefix's slash, or a short segment's, by a line break a copy turned into a space
    ("Strubell, E. (2019). Energy. https://doi.org/10.18653/v1/ P19-1355", "10.18653/v1/p19-1355"),
    ("Luccioni, A. S. (2024). Power. https://doi.org/10.1145/ 3630106.3658542.", "10.1145/3630106.3658542"),
    ("doi: 10.1145/\n3630106.3658542", "10.1145/3630106.3658542"),
    ("Neural Networks. doi:10.1016/ j.neunet.2019.01.012", "10.1016/j.neunet.2019.01.012"),
    # ... not the words or a year after a whole DOI, nor words without a digit
    ("see 10.1145/ and then 2020", None),
    ("https://doi.org/10.1145/3630106.3658542/ 2024.", "10.1145/3630106.3658542"),
    ("https://doi.org/10.1145/3630106.3658542/ (2024)", "10.1145/3630106.3658542"),
    ("https://doi.org/10.18653/v1/2020.acl-main.207/ 5 pages", "10.18653/v1/2020.acl-main.207"),
])
def test_a_doi_cut_at_a_slash(text: str, found: str | None) -> None:
    assert find_doi_in_text(text) == found


def test_strip_and_bare() -> None:
    assert "2104" not in strip_identifiers("A. 2021. T. arXiv:2104.10350. doi:10.1234/x2104")
    assert bare_arxiv_id("arXiv:2104.10350v2") == "2104.10350" and bare_arxiv_id(None) is None
