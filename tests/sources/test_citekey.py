"""kb.sources.citekey: the keys kb makes."""

from __future__ import annotations

import pytest

from kb.sources.citekey import make_key, unique_key


def test_a_made_key_is_free_in_any_case():
    assert unique_key("doe2021energy", {"Doe2021Energy"}) == "doe2021energyb"
    assert unique_key("doe2021energy", {"DOE2021ENERGY", "doe2021energyB"}) == "doe2021energyc"
    assert unique_key("doe2021energy", {"other"}) == "doe2021energy"
    taken = {"x"} | {f"X{c}" for c in "bcdefghijklmnopqrstuvwxyz"}
    assert unique_key("x", taken) == "x2"
    assert unique_key("x", taken | {"X2"}) == "x3"


def test_make_key_from_metadata():
    assert make_key(["Strubell, Emma"], 2019, "Energy and Policy Considerations", set()) == "strubell2019energy"
    assert make_key([], None, "", set()) == "anonnd"


def test_an_organisation_keys_a_citekey_whole():
    assert make_key(["International Energy Agency"], 2023, "World Energy Outlook 2023", set()) \
        == "internationalenergyagency2023world"
    assert make_key(["{International Energy Agency}"], 2023, "World Energy Outlook", set()) \
        == "internationalenergyagency2023world"
    assert make_key(["Google AI"], 2021, "Pathways", set()) == "googleai2021pathways"
    assert make_key(["Strubell, Emma"], 2019, "Energy and Policy", set()) == "strubell2019energy"


def test_crossref_names_an_organisation_whole():
    from kb.sources.metadata import from_crossref

    meta = from_crossref({"title": ["World Energy Outlook"], "author": [{"name": "International Energy Agency"},
                                                                      {"family": "Birol", "given": "Fatih"}],
                          "issued": {"date-parts": [[2023]]}})
    assert meta.authors == ["{International Energy Agency}", "Birol, Fatih"]


def test_a_name_without_latin_letters_keys_a_citekey_in_ascii():
    # the name's own key (as references key it: a Han, kana or Hangul name whole) in Punycode: no
    # transliteration, one name one key, and ASCII, as pdfLaTeX's \cite and BibTeX 0.99 need
    wang = make_key(["王小明", "李华"], 2021, "深度学习模型的能耗研究", set())
    assert wang == "yeto6u69k2021" and wang.isascii()
    assert make_key(["王, 小明"], 2021, "深度学习", set()) == make_key(["王 小明"], 2021, "深度", set()) == wang
    assert "yeto6u69k".encode().decode("punycode") == "王小明"
    assert make_key(["李华"], 2021, "深度学习", set()) not in (wang, "anon2021")
    assert make_key(["{国家统计局}"], 2020, "统计年鉴", set()).isascii()
    assert make_key(["王小明"], 2021, "深度", {"yeto6u69k2021"}) == "yeto6u69k2021b"


@pytest.mark.parametrize("authors, title, key", [
    # Cyrillic and Greek are read by a table, letter by letter: a key a reader can type and say
    (["Иванов, Иван"], "Глубокое обучение", "ivanov2020glubokoe"),
    (["Иван Иванов", "Пётр Петров"], "О глубоком обучении", "ivanov2020glubokom"),
    (["Щербаков, Юрий"], "Нейронные сети", "shcherbakov2020neironnye"),
    (["Шевченко, Тарас"], "Мовні моделі для української", "shevchenko2020movni"),
    (["Ђорђевић, Марко"], "Машинско учење", "djordjevic2020mashinsko"),
    (["Παπαδόπουλος, Γιώργος"], "Η μηχανική μάθηση", "papadopoulos2020michaniki"),
    (["Ευάγγελος Σωκράτης"], "Ουρανός", "sokratis2020ouranos"),
    # ... a title in another alphabet than the name's, or in Latin letters, keeps its word
    (["Иванов, Иван"], "Deep learning", "ivanov2020deep"),
    (["Smith, John"], "Глубокое обучение", "smith2020glubokoe"),
    # Han, kana and Hangul have no table: Punycode, as before
    (["王小明"], "深度学习", "yeto6u69k2020"),
])
def test_cyrillic_and_greek_names_key_in_latin_letters(authors: list[str], title: str, key: str) -> None:
    got = make_key(authors, 2020, title, set())
    assert got == key and got.isascii()


def test_a_transliterated_key_that_is_taken_gets_its_letter():
    assert make_key(["Иванов, Иван"], 2020, "Глубокое обучение", {"ivanov2020glubokoe"}) == "ivanov2020glubokoeb"
    # two spellings of one name in its own script are one key; another name another
    assert make_key(["Иван Иванов"], 2020, "Глубокое", set()) == make_key(["Иванов, Иван"], 2020, "Глубокое", set())
    assert make_key(["Иванова, Анна"], 2020, "Глубокое", set()) != make_key(["Иванов, Иван"], 2020, "Глубокое", set())
    # a Hangul name: no table, its Punycode
    hangul = make_key(["김철수"], 2020, "딥러닝", set())
    assert hangul.isascii() and hangul[:-4].encode().decode("punycode") == "김철수"
