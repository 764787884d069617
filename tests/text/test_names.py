"""BibTeX name lists and family names: kb.text.names, the one reader of them."""

from __future__ import annotations

import pytest

from kb.text.names import (
    Name,
    family_as_keyed,
    first_author_key,
    is_organisation,
    last_name,
    name_key,
    parse_name,
    parse_names,
    split_names,
    to_bibtex_name,
)


def test_and_splits_only_at_the_top_level() -> None:
    value = "{Barnes and Noble} and Smith, John"
    assert split_names(value) == ["{Barnes and Noble}", "Smith, John"]
    names, others = parse_names(value)
    assert names == [Name(literal="Barnes and Noble"), Name(family="Smith", given="John")]
    assert others is False
    # "and" inside a word, line breaks and repeated spaces are no separators
    assert split_names("Anderson, Ann and\n  Sanders,   Sandy") == ["Anderson, Ann", "Sanders, Sandy"]
    assert split_names("") == [] and split_names(None) == []


def test_others_means_et_al() -> None:
    assert split_names("Smith, John and others") == ["Smith, John", "others"]
    names, others = parse_names("Smith, John and others")
    assert names == [Name(family="Smith", given="John")] and others is True


@pytest.mark.parametrize("raw, family, given, suffix", [
    ("Smith, John", "Smith", "John", ""),
    ("John Smith", "Smith", "John", ""),
    ("Alexandra Sasha Luccioni", "Luccioni", "Alexandra Sasha", ""),
    ("Ludwig van Beethoven", "van Beethoven", "Ludwig", ""),
    ("van Beethoven, Ludwig", "van Beethoven", "Ludwig", ""),
    ("Ford, Jr, Henry", "Ford", "Henry", "Jr"),
    ("Ford, Jr., Henry", "Ford", "Henry", "Jr."),
    # von runs from the first to the last lower-case word: Last is "Vallée Poussin"
    ("Charles Jean de la Vallée Poussin", "de la Vallée Poussin", "Charles Jean", ""),
    ("de la Vallée Poussin, Charles Jean", "de la Vallée Poussin", "Charles Jean", ""),
    ("Charles Jean de la Vall{\\'e}e Poussin", "de la Vallée Poussin", "Charles Jean", ""),
    # case is read outside braces: an accent command counts, a plain group does not
    ("{\\'E}mile Zola", "Zola", "Émile", ""),
    ("Jean {de la} Fontaine", "Fontaine", "Jean de la", ""),
    ("M{\\\"u}ller, Hans", "Müller", "Hans", ""),
    ("Plato", "Plato", "", ""),
])
def test_name_forms(raw: str, family: str, given: str, suffix: str) -> None:
    assert parse_name(raw) == Name(family=family, given=given, suffix=suffix)
    assert last_name(raw) == family


def test_corporate_names_stay_whole() -> None:
    assert parse_name("{Allen Institute for AI}") == Name(literal="Allen Institute for AI")
    assert last_name("{Barnes and Noble}") == "Barnes and Noble"
    assert to_bibtex_name("{Allen Institute for AI}") == "{Allen Institute for AI}"
    assert Name(literal="Allen Institute for AI").csl() == {"literal": "Allen Institute for AI"}


def test_display_and_csl() -> None:
    henry = parse_name("Ford, Jr, Henry")
    assert henry.display == "Henry Ford, Jr"
    assert henry.csl() == {"family": "Ford", "given": "Henry", "suffix": "Jr"}
    assert parse_name("Plato").csl() == {"family": "Plato"}


def test_to_bibtex_name() -> None:
    assert to_bibtex_name("Alexandra Sasha Luccioni") == "Luccioni, Alexandra Sasha"
    assert to_bibtex_name("Charles Jean de la Vallée Poussin") == "de la Vallée Poussin, Charles Jean"
    assert to_bibtex_name("Luccioni, Alexandra Sasha") == "Luccioni, Alexandra Sasha"
    assert to_bibtex_name("Plato") == "Plato"
    # what to_bibtex_name writes reads back as the same name
    for plain in ("Alexandra Sasha Luccioni", "Ludwig van Beethoven", "Charles Jean de la Vallée Poussin"):
        assert parse_name(to_bibtex_name(plain)) == parse_name(plain)


def test_name_keys() -> None:
    assert name_key("Hernández-García") == "hernandezgarcia"
    assert name_key("J¨org") == "jorg"                       # pypdf's spacing accent
    assert name_key("M{\\\"u}ller") == "muller"              # BibTeX's accent command
    assert first_author_key(["de la Vallée Poussin, Charles", "Smith, J"]) == "delavalleepoussin"
    assert first_author_key(["{Barnes and Noble}"]) == "barnesandnoble"
    assert first_author_key([]) == ""


def test_every_caller_reads_names_alike() -> None:
    """BibTeX import, citekeys, the papers index, `kb ls` and the exports once
    split name lists two ways ('{Barnes and Noble}' became '{Barnes' and
    'Noble}' on import); they all read them through kb.text.names now."""
    from kb.ops.export import authors_text
    from kb.sources.citekey import base_key
    from kb.sources.metadata import from_bib_fields
    from kb.store.index import paper_row
    from kb.text.names import short_authors

    value = "{Barnes and Noble} and Smith, John"
    meta = from_bib_fields("book", {"author": value, "title": "A Catalogue", "year": "1999"})
    assert meta.authors == split_names(value)
    assert base_key(meta.authors, 1999, "A Catalogue") == "barnesandnoble1999catalogue"
    assert paper_row("k", "book", {"author": value, "title": "T", "year": "1999"}, 1)["first_author"] == \
        "barnesandnoble"
    assert short_authors(meta.authors) == "Barnes and Noble & Smith"
    assert authors_text(value) == "Barnes and Noble and John Smith"
    assert short_authors(["Smith, John", "others"]) == "Smith et al."


@pytest.mark.parametrize("value, names", [
    ("Smith, John AND Doe, Jane and  Roe, R.", ["Smith, John", "Doe, Jane", "Roe, R."]),
    ("Yılmaz, İlker and İnan, Ayşe", ["Yılmaz, İlker", "İnan, Ayşe"]),      # İ lower-cases to two characters
    ("{Barnes and Noble} and Smith, John", ["{Barnes and Noble}", "Smith, John"]),
    ("{İnan Group} and İnan, Ayşe and Yılmaz, İ.", ["{İnan Group}", "İnan, Ayşe", "Yılmaz, İ."]),
    ("Alexander Andersen and Sandra Anderson", ["Alexander Andersen", "Sandra Anderson"]),
])
def test_name_lists_split_on_and_outside_braces(value, names):
    from kb.text.names import split_names
    assert split_names(value) == names


@pytest.mark.parametrize("name, key", [
    ("International Energy Agency", "internationalenergyagency"),
    ("{International Energy Agency}", "internationalenergyagency"),
    ("European Commission", "europeancommission"),
    ("Google AI", "googleai"),
    ("{Meta AI}", "metaai"),
    ("University of Washington", "universityofwashington"),
    ("OpenAI", "openai"),
])
def test_an_organisation_is_one_name_keyed_whole(name: str, key: str) -> None:
    assert first_author_key([name]) == key
    assert name_key(last_name(name)) == key
    assert to_bibtex_name(name) in (name, "{" + name + "}")
    assert last_name(to_bibtex_name(name)) == last_name(name)


@pytest.mark.parametrize("name, family", [
    ("Emma Strubell", "Strubell"), ("Strubell, Emma", "Strubell"), ("Ai Li", "Li"),
    ("Yann LeCun", "LeCun"), ("Alexandra Sasha Luccioni", "Luccioni"), ("Group, Anna", "Group"),
])
def test_a_person_is_no_organisation(name: str, family: str) -> None:
    assert not is_organisation(name)
    assert last_name(name) == family


@pytest.mark.parametrize("author, key, shown", [
    ("Common Crawl", "commoncrawl", "Common Crawl"),          # '{Common Crawl}' in references.bib
    ("Hugging  Face", "huggingface", "Hugging Face"),
    ("Our World in Data", "ourworldindata", "Our World in Data"),
    ("Common Crawl", "crawl", "Crawl"),                       # a person so named
    ("Common Crawl", None, "Crawl"),
    ("John Smith", "smith", "Smith"),
    ("Ludwig van Beethoven", "vanbeethoven", "van Beethoven"),
    ("International Energy Agency", "internationalenergyagency", "International Energy Agency"),
])
def test_a_name_the_index_keyed_whole_is_shown_whole(author, key, shown) -> None:
    assert family_as_keyed(author, key) == shown
