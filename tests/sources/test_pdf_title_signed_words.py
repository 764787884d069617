"""A title guess whose words open with a sign ('#1', '#MeToo', '@Scale', '$1', '≥7B', '~100') reads as words and is
taken; shifted letters of a broken ToUnicode map ('^fkba', '#@', '^$') still are not."""
import pytest

from kb.sources.pdf import guess_title


def _page_titled(title: str) -> str:
    return f"{title}\nJane Doe1, John Roe2\n1University of Testing\nAbstract\nWe study the energy of models."


@pytest.mark.parametrize("title", [
    "Who’s #1?", "#BlackLivesMatter Discourse", "#MeToo Tweets", "Notes on #2 Pencils", "The $1M Model", "LLMs (≥7B) Compared",
    "Training ~100 Models", "$100 Chatbots", "Beating €5 Budgets", "Models ≤1B Parameters", "±1 Errors Matter",
])
def test_a_title_of_words_opening_with_a_sign_is_taken(title) -> None:
    assert guess_title(_page_titled(title)) == title


@pytest.mark.parametrize("title", [
    "#^ fkba", "^$ I^kdr^db", "#@ ^^%", "~^ @{ qo^fkba}", "$^ #% jlabi{", "Tb #^fk ^$qo",
])
def test_signs_before_no_word_are_still_not_a_title(title) -> None:
    assert guess_title(_page_titled(title)) == ""
