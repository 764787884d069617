"""A note's reference whose arXiv id or DOI names no paper here is not found by its title or names where the paper
they point to has another identifier of that kind (another work's, or one mistyped): refused, and said; a paper with
no identifier of that kind, or the same one however written, is found."""

from __future__ import annotations

import pytest

from kb.text.refs import PaperIndex, PaperInfo, parse_entry

_T = "Energy and Policy Considerations for Deep Learning in NLP"
_INDEX = PaperIndex([
    PaperInfo("strubell2019", doi="10.18653/v1/P19-1355", title=_T, year=2019, first_author="Strubell"),
    PaperInfo("patterson2021", arxiv_id="2104.10350", title="Carbon Emissions and Large Neural Network Training",
              year=2021, first_author="Patterson"),
    PaperInfo("dodge2022", arxiv_id="2206.05229", doi="10.1145/3531146.3533234", year=2022, first_author="Dodge",
              title="Measuring the Carbon Intensity of AI in Cloud Instances"),
])


@pytest.mark.parametrize("text, held", [
    (f"E. Strubell, A. Ganesh. {_T}. ACL, 2019. doi:10.1145/3442188.3445922", "strubell2019"),
    ("Strubell et al. 2019. https://doi.org/10.1145/3442188.3445922", "strubell2019"),
    ("Patterson et al. 2021. https://arxiv.org/abs/2001.08361", "patterson2021"),
    ("D. Patterson. Carbon Emissions and Large Neural Network Training. arXiv:2001.08361, 2021.", "patterson2021"),
    ("Patterson et al. 2021. https://doi.org/10.48550/arXiv.2001.08361", "patterson2021"),
    ("Dodge et al. 2022. https://doi.org/10.1145/3442188.3445922", "dodge2022"),
    ("Dodge et al. 2022. arXiv:2001.08361", "dodge2022"),
])
def test_an_identifier_another_than_the_found_papers_refuses_it(text, held) -> None:
    ex = _INDEX.explain(parse_entry(text), loose=True)
    assert ex.resolution is None and ex.ids_apart and ex.closest == held
    assert "is no paper's here" in ex.reason and held in ex.reason


@pytest.mark.parametrize("text, key, method", [
    ("Strubell et al. 2019. https://doi.org/10.18653/v1/P19-1355", "strubell2019", "doi"),
    ("Strubell et al. 2019. doi:10.18653/V1/P19-1355", "strubell2019", "doi"),
    ("Patterson et al. 2021. arXiv:2104.10350v3", "patterson2021", "arxiv"),
    ("Patterson et al. 2021. https://doi.org/10.48550/arXiv.2104.10350", "patterson2021", "arxiv"),
    # (a DOI where the paper here has none: a print's of its preprint, found by its names)
    ("Patterson et al. 2021. https://doi.org/10.1145/3442188.3445922", "patterson2021", "author-year"),
    # (an arXiv id where the paper here has a DOI only)
    ("Strubell et al. 2019. arXiv:1906.02243", "strubell2019", "author-year"),
    ("Strubell et al. 2019.", "strubell2019", "author-year"),
])
def test_an_identifier_the_paper_may_have_finds_it(text, key, method) -> None:
    ex = _INDEX.explain(parse_entry(text), loose=True)
    assert ex.resolution is not None and (ex.resolution.citekey, ex.resolution.method) == (key, method), ex.reason
    assert not ex.ids_apart


def test_a_reference_list_of_a_paper_is_read_as_before() -> None:
    # (not loose: a PDF's reference list, its links read as they were)
    ex = _INDEX.explain(parse_entry(f"E. Strubell, A. Ganesh. {_T}. ACL, 2019. doi:10.1145/3442188.3445922"))
    assert ex.resolution is not None and ex.resolution.citekey == "strubell2019"


_M = "Measuring the Carbon Intensity of AI in Cloud Instances"


@pytest.mark.parametrize("text, title_key, named", [
    (f'Patterson, David, et al. "{_T}." 2021, 5.', "strubell2019", "patterson2021"),
    (f"A. S. Luccioni, J. Dodge. {_M}. FAccT, 2023.", "dodge2022", "luccioni2023"),
    (f"Luccioni, Alexandra Sasha, and Jesse Dodge. 2023. \u201c{_M}.\u201d FAccT.", "dodge2022", "luccioni2023"),
    (f"Luccioni, A. S. (2023). {_M}.", "dodge2022", "luccioni2023"),
    (f"Patterson D, Dodge J. {_M}. 2021.", "dodge2022", "patterson2021"),
    # (a short form, no year: the names are another work's here)
    ('Dodge, Prewitt, and Strubell, "Counting Carbon," 4.', "luccioni2023", "dodge2022"),
    (f'Patterson, "{_T}," 5.', "strubell2019", "patterson2021"),
])
def test_a_title_and_names_of_two_works_name_neither(text, title_key, named) -> None:
    ex = _NAMED.explain(parse_entry(text), loose=True)
    assert ex.resolution is None and ex.ids_apart, ex
    assert set(ex.several) == {title_key, named} and f"its title names {title_key}" in ex.reason


@pytest.mark.parametrize("text, key", [
    # (the title's own first author, a year off; a co-author first, or a name of no other work here of that year)
    (f'Dodge, Jesse, et al. "{_M}." 2023, 4.', "dodge2022"),
    (f'Strubell, Emma, et al. "{_M}." 2022, 4.', "dodge2022"),
    (f"J. Dodge. {_M}. 2022.", "dodge2022"),
    (f'Luccioni, A. S. "{_M}." 2021.', "dodge2022"),
    ('Luccioni and Hernandez-Garcia, "Counting Carbon," 4.', "luccioni2023"),
    (f'Ganesh, "{_T}," 5.', "strubell2019"),
])
def test_a_title_with_names_of_no_other_work_finds_it(text, key) -> None:
    ex = _NAMED.explain(parse_entry(text), loose=True)
    assert ex.resolution is not None and ex.resolution.citekey == key, ex


def test_a_title_with_a_first_author_none_of_its_authors_is_refused() -> None:
    # (Patterson is no author of Strubell's paper: the title alone does not say which work the names meant)
    ex = _NAMED.explain(parse_entry(f'Patterson, David. "{_T}." 2020.'), loose=True)
    assert ex.resolution is None and ex.closest == "strubell2019", ex
    assert "its first author is Strubell, not Patterson" in ex.reason


_NAMED = PaperIndex([
    PaperInfo("strubell2019", doi="10.18653/v1/P19-1355", title=_T, year=2019, first_author="Strubell",
              author_name='["Strubell, Emma", "Ganesh, Ananya", "McCallum, Andrew"]'),
    PaperInfo("patterson2021", title="Carbon Emissions and Large Neural Network Training", year=2021,
              first_author="Patterson", author_name='["Patterson, David", "Gonzalez, Joseph", "Le, Quoc"]'),
    PaperInfo("dodge2022", title=_M, year=2022, first_author="Dodge",
              author_name='["Dodge, Jesse", "Prewitt, Taylor", "Strubell, Emma", "Luccioni, Alexandra Sasha"]'),
    PaperInfo("luccioni2023", title="Counting Carbon: A Survey of Factors Influencing the Emissions of Machine Learning",
              year=2023, first_author="Luccioni", author_name='["Luccioni, Alexandra Sasha", "Hernandez-Garcia, Alex"]'),
])


# A DOI link with its query or fragment ('?utm_source=…', '#sec2', ScienceDirect's '?via%3Dihub') names the DOI before
# it: the paper holding that DOI is found by it, never refused as holding another; a DOI written without a link keeps
# what it holds, and another DOI behind a query is still another work's.
@pytest.mark.parametrize("text, key", [
    ("Dodge et al. 2022. https://doi.org/10.1145/3531146.3533234?utm_source=x", "dodge2022"),
    ("Dodge et al. 2022. https://doi.org/10.1145/3531146.3533234#sec2", "dodge2022"),
    ("Dodge et al. 2022. https://dl.acm.org/doi/10.1145/3531146.3533234?cid=99", "dodge2022"),
    ("Dodge et al. 2022. https://dl.acm.org/doi/pdf/10.1145/3531146.3533234?download=true.", "dodge2022"),
    ("[Dodge et al. 2022](https://doi.org/10.1145/3531146.3533234?via%3Dihub)", "dodge2022"),
    ("Strubell et al. 2019. http://dx.doi.org/10.18653/v1/P19-1355#abstract", "strubell2019"),
])
def test_a_doi_links_query_or_fragment_is_no_part_of_it(text, key) -> None:
    ex = _INDEX.explain(parse_entry(text), loose=True)
    assert ex.resolution is not None and (ex.resolution.citekey, ex.resolution.method) == (key, "doi"), ex.reason


@pytest.mark.parametrize("text, held", [
    ("Dodge et al. 2022. https://doi.org/10.1145/3442188.3445922?utm_source=x", "dodge2022"),
    ("Strubell et al. 2019. https://doi.org/10.1145/3442188.3445922#sec2", "strubell2019"),
])
def test_another_doi_behind_a_query_is_still_another_works(text, held) -> None:
    ex = _INDEX.explain(parse_entry(text), loose=True)
    assert ex.resolution is None and ex.ids_apart and ex.closest == held, ex.reason


@pytest.mark.parametrize("text, doi", [
    ("https://doi.org/10.1016/j.energy.2020.01.001?via%3Dihub", "10.1016/j.energy.2020.01.001"),
    ("see https://dl.acm.org/doi/10.1145/3531146.3533234#sec-3.", "10.1145/3531146.3533234"),
    ("doi:10.1000/abc?x", "10.1000/abc?x"),                       # no link: the DOI as written
    ("10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O",
     "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-o"),
])
def test_find_doi_in_text_cuts_a_links_query(text, doi) -> None:
    from kb.text.ids import find_doi_in_text
    assert find_doi_in_text(text) == doi


def test_a_sici_dois_check_character_is_kept_in_a_link() -> None:
    from kb.text.ids import find_doi_in_text
    assert find_doi_in_text("https://doi.org/10.1002/(SICI)1097-4571(199106)42:5<361::AID-ASI6>3.0.CO;2-#") == \
        "10.1002/(sici)1097-4571(199106)42:5<361::aid-asi6>3.0.co;2-#"
