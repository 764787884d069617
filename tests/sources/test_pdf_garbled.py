"""Text a broken font gives as garbage (private-use characters, CJK ideographs for a Latin text's letters, one glyph
for every letter, letters shifted by a constant): said as unreadable, never taken for a title, a quote matching it
refused; real text (English, German, Chinese, Japanese, formulas, a table of contents) is not flagged."""

from __future__ import annotations

import pytest
from pdfgen import make_broken_tounicode_pdf, make_mapped_text_pdf

from kb.sources import pdf
from kb.text.garbled import garbled

ENGLISH = ("The model is trained on the data of the task and we report the energy of each run in kWh, which is not "
           "less than it was for the base model in this study. ") * 6


def _shift(text: str, by: int) -> str:
    return "".join(ch if ch.isspace() else chr(ord(ch) + by) for ch in text)


def _rot(text: str, by: int) -> str:
    def one(ch):
        if "a" <= ch <= "z" or "A" <= ch <= "Z":
            base = ord("a") if ch.islower() else ord("A")
            return chr(base + (ord(ch) - base + by) % 26)
        return ch
    return "".join(map(one, text))


@pytest.mark.parametrize("page, what", [
    (_shift(ENGLISH, 1), "shifted by +1"),
    (_shift(ENGLISH, -29), "shifted by -29"),
    (_shift(ENGLISH, 3), "shifted by +3"),
    (_shift(ENGLISH, -3), "shifted by -3"),
    (_rot(ENGLISH, 1), "shifted by +1"),
    (_shift(ENGLISH, 0xE000 - 0x20), "private-use"),
    (_shift(ENGLISH, 0xF0000), "private-use"),
    (_shift(ENGLISH, 0x4E00), "CJK ideographs"),
    (_shift(ENGLISH, 0x4E00 - 0x20)[:400], "CJK ideographs"),
    ("".join(ch if ch.isspace() else "\u25a0" for ch in ENGLISH), "one character"),
    ("".join(ch if ch.isspace() else "A" for ch in ENGLISH), "one character"),
    ("\ufffd" * 40, "U+FFFD"),
])
def test_garbage_is_told(page, what):
    why = garbled(page)
    assert why is not None and what in why


@pytest.mark.parametrize("page", [
    ENGLISH,
    "Die Modelle wurden auf den Daten trainiert und die Energie jedes Laufs wurde gemessen. Wir berichten über die "
    "Ergebnisse. " * 5,
    "Les modèles sont entraînés sur les données de la tâche et nous mesurons l'énergie de chaque exécution. " * 5,
    "我们在数据上训练了十二个模型，每次运行的能耗为十一点四九千瓦时。本文提出一种新的方法，并在三个任务上进行了评估。" * 3,
    " ".join("我们在数据上训练了十二个模型，每次运行的能耗为十一点四九千瓦时。" * 3),
    "本研究では、大規模言語モデルの学習に必要なエネルギーを測定した。結果は表2に示す。" * 3,
    "우리는 데이터에서 열두 개의 모델을 학습했습니다. 각 실행의 에너지는 측정되었습니다. " * 5,
    "x = y + z ; f(x) = ax + b ; g(y) = 2y + 3 ; h = x y z ; \u03b1 \u2264 \u03b2 + \u03b3 " * 10,
    "1 Introduction . . . . . . . . . . . . . . . . . . . . 3\n" * 20,
    "0.12 0.34 0.56 0.78 0.90 1.11 1.22 1.33\n" * 20,
    "The symbols \ue000 and \ue001 appear in this sentence of an otherwise plain English page. " * 5,
    "Energy \u25a0 use \u25a0 of \u25a0 models: \u2713 \u2713 \u2717 for each of the runs we report here. " * 5,
    "Short page.",
    "",
])
def test_real_text_is_not_flagged(page):
    assert garbled(page) is None


PAGE = ["Energy Use of Large Models", "Jane Doe and John Roe",
        "We trained the models on the data of the task and we report the energy of each run.",
        "The energy was not less than it was for the base model in this study of the task.",
        "It is the sum of the energy of all the runs that we made on the cluster for this work."] * 2


@pytest.mark.parametrize("cmap", ["pua", "cjk", "one", "shift1", "shift-29"])
def test_a_paper_of_garbage_is_kept_as_metadata_only_with_no_title(cmap):
    result = pdf.extract(make_broken_tounicode_pdf([PAGE, PAGE], {0, 1}, cmap=cmap))
    assert result.status == "image-only" and "broken font" in result.message, (cmap, result.message, result.pages)
    assert result.title_guess == "" and not result.author_guess


@pytest.mark.parametrize("cmap", ["pua", "cjk", "shift1", "shift-29"])
@pytest.mark.parametrize("broken", [{0}, {1, 2}])
def test_garbled_pages_of_a_readable_paper_are_named(cmap, broken):
    result = pdf.extract(make_broken_tounicode_pdf([PAGE] * 3, broken, cmap=cmap))
    assert result.status == "ok"
    said = [w for w in result.warnings if "no quote is verified on them" in w]
    assert said and pdf.pages_named(sorted(n + 1 for n in broken), 3) in said[0]
    assert (result.title_guess == "") is (0 in broken)


def test_a_real_chinese_paper_is_read():
    zh = ["大型语言模型的能耗研究", "张三 李四", "我们在数据上训练了十二个模型，每次运行的能耗为十一点四九千瓦时。",
          "本文提出一种新的方法，并在三个任务上进行了评估。结果表明，能耗与模型规模成正比。"]
    result = pdf.extract(make_mapped_text_pdf([zh, zh]))
    assert result.status == "ok" and not result.warnings, (result.message, result.warnings)
    assert "十一点四九千瓦时" in result.pages[0]
    assert not any(pdf.unreadable_text(p) for p in result.pages)
