"""Round 30: a minus sign a page sets apart from its number, and a range's negative bound, are never left out."""

import pytest

from kb.text.match import find_quote
from kb.text.normalise import Document


def found(page: str, quote: str) -> bool:
    return find_quote(Document(["Some words come first here. " + page + " And more words come after it."]),
                      quote) is not None


# A minus sign printed as a hyphen a space apart from its digits (a math font's minus mapped to "-"), after a
# symbol, a word a value follows or a lone variable: the quote leaving it out says another number; one writing
# the sign as the minus sign or a hyphen says the page's.
@pytest.mark.parametrize("page, right, wrong", [
    ("The bias was set to - 0.5 in all runs.", "The bias was set to −0.5 in all runs.",
     "The bias was set to 0.5 in all runs."),
    ("The bias was set to - 0.5 in all runs.", "The bias was set to -0.5 in all runs.",
     "bias was set to 0.5 in all"),
    ("The slope is β = - 0.43 for the treated group.", "The slope is β = −0.43 for the treated group.",
     "The slope is β = 0.43 for the treated group."),
    ("The gain was ( - 3 dB) at the output.", "The gain was (−3 dB) at the output.",
     "The gain was (3 dB) at the output."),
    ("Scores range between - 1 and 1 for each item.", "Scores range between −1 and 1 for each item.",
     "Scores range between 1 and 1 for each item."),
    ("The root is x - 5 for this equation.", "The root is x −5 for this equation.",
     "The root is x 5 for this equation."),
    ("The temperature fell from 2 °C to - 4 °C overnight.", "fell from 2 °C to −4 °C overnight",
     "fell from 2 °C to 4 °C overnight"),
    ("Correlation was r = - 0.21 (p < 0.05) overall.", "Correlation was r = -0.21 (p < 0.05) overall.",
     "Correlation was r = 0.21 (p < 0.05) overall."),
])
def test_a_minus_sign_set_apart_is_a_sign(page, right, wrong) -> None:
    assert found(page, right)
    assert not found(page, wrong)


# A hyphen that is no sign stays punctuation: a list's bullet opening a line, a dash typed after a word, a range.
@pytest.mark.parametrize("page, quote", [
    ("We used:\n- 5 GPUs for training the model.", "We used: 5 GPUs for training the model."),
    ("It has three models - 40B parameters each.", "It has three models 40B parameters each."),
    ("It has three models - 40B parameters each.", "It has three models—40B parameters each."),
    ("The tCO2e - 3.5 passengers flying round trip.", "The tCO2e 3.5 passengers flying round trip."),
    ("The range 0.3 - 0.5 was used for it.", "The range 0.3–0.5 was used for it."),
    ("Model A - 5 layers was the smallest.", "Model A 5 layers was the smallest."),
])
def test_a_hyphen_that_is_no_sign_is_left_out(page, quote) -> None:
    assert found(page, quote)


# A range's second bound with its own sign: "−5 – −10" is not "−5–10", nor "5–−10" "5–10".
@pytest.mark.parametrize("page, right, wrong", [
    ("values in the range −5 – −10 were kept.", "values in the range −5–−10 were kept.",
     "values in the range −5–10 were kept."),
    ("values in the range −5 – −10 were kept.", "values in the range -5 - -10 were kept.",
     "values in the range −5 – 10 were kept."),
    ("values in the range −5 – 10 were kept.", "values in the range −5–10 were kept.",
     "values in the range −5 – −10 were kept."),
    ("values in the range 5–10 were kept.", "values in the range 5-10 were kept.",
     "values in the range 5–−10 were kept."),
    ("values in the range 0.2-0.5 were kept.", "values in the range 0.2–0.5 were kept.",
     "values in the range 0.2 - -0.5 were kept."),
    ("a change of 5%–−3% was seen.", "a change of 5%–−3% was seen.", "a change of 5%–3% was seen."),
    ("the text (P2–3, 9–11, 20).", "the text (P2-3, 9-11, 20).", "the text (P2–−3, 9–11, 20)."),
])
def test_a_range_bound_keeps_its_sign(page, right, wrong) -> None:
    assert found(page, right)
    assert not found(page, wrong)


# TeX's dashes typed by a writer are one dash, never a dash and a sign: "1--4" is "1–4".
@pytest.mark.parametrize("page, quote", [
    ("this process takes an expert 1–4 hours.", "this process takes an expert 1--4 hours."),
    ("estimated that 80–90% of the workload", "estimated that 80--90% of the workload"),
    ("takes approximately 1–2 days to complete", "takes approximately 1---2 days to complete"),
])
def test_a_tex_dash_is_one_dash(page, quote) -> None:
    assert found(page, quote)


# A circled digit is its digit, whichever circle prints it ("①", the dingbats' "➀" "❶" "➊", "⓫", "⓵"): a quote
# typing it as "①", "(1)" or "1" says the page's; another number is refused, and a digit beside one is never
# part of it ("15" of "➀5", "12" of "①②").
@pytest.mark.parametrize("page, right, wrong", [
    ("pick the generation via ➀, rate it in ➁, and edit it in ➂.", "pick the generation via ①, rate it in ②, and edit it in ③.",
     "pick the generation via ②, rate it in ①, and edit it in ③."),
    ("pick the generation via ➀, rate it in ➁, and edit it in ➂.", "pick the generation via (1), rate it in (2), and edit",
     "pick the generation via (1), rate it in (3), and edit"),
    ("pick the generation via ➀, rate it in ➁, and edit it in ➂.", "pick the generation via 1, rate it in 2",
     "pick the generation via 1, rate it in 4"),
    ("the steps ❶ read and ❷ write.", "the steps 1 read and 2 write.", "the steps 2 read and 1 write."),
    ("the steps ➊ read and ➋ write.", "the steps ❶ read and ❷ write.", "the steps ❶ read and ❸ write."),
    ("the steps ⓫ read it.", "the steps 11 read it.", "the steps 1 read it."),
    ("the steps ⓫ read it.", "the steps ⑪ read it.", "the steps 12 read it."),
    ("the steps ⓵ read it.", "the steps ① read it.", "the steps ⓶ read it."),
    ("the steps ① read and ② write.", "the steps 1 read and 2 write.", "the steps 1 read and 3 write."),
    ("the steps ⑩ read it.", "the steps 10 read it.", "the steps 1 read it."),
    ("we use ➀5 GPUs for it.", "we use ➀5 GPUs for it.", "we use 15 GPUs for it."),
    ("we use ①5 GPUs for it.", "we use ①5 GPUs for it.", "we use 15 GPUs for it."),
    ("the steps ①② here now.", "the steps ①② here now.", "the steps 12 here now."),
])
def test_a_circled_digit_is_its_digit_and_a_number_of_its_own(page, right, wrong) -> None:
    assert found(page, right)
    assert not found(page, wrong)


# Digits either side of a page break are two numbers: a quote joining them says a number no page prints.
@pytest.mark.parametrize("pages, right, wrong", [
    (["Some text about it here. The results were 5", "6 in 2020 on this task."],
     "The results were 5 6 in 2020", "The results were 56 in 2020"),
    (["Some text about it here. The results were 5-", "6 in 2020 on this task."],
     "The results were 5", "The results were 56 in 2020"),
    (["Some text about it here. The total was 1,2", "34 runs in this task."],
     "The total was 1,2", "The total was 1,234 runs"),
    (["Some text about it here. We trained for 12", "0 epochs on each of them."],
     "We trained for 12", "We trained for 120 epochs"),
    (["Some text about it here. We ran it 3", "2 times over the data."],
     "We ran it 3 2 times over the data", "We ran it 32 times over the data"),
])
def test_digits_either_side_of_a_page_break_are_two_numbers(pages, right, wrong) -> None:
    assert find_quote(Document(pages), right) is not None
    assert find_quote(Document(pages), wrong) is None


# A mass number raised whole ("³He", "¹⁴C", "²³⁵U") is its digits, typed flat as writers do ("14C"), never a digit
# raised to the power of the next ("1⁴"); another mass number is refused, and a number's power stays a power.
@pytest.mark.parametrize("page, right, wrong", [
    ("the ¹⁴C dating of the samples", "the 14C dating of the samples", "the 13C dating of the samples"),
    ("the ¹⁴C dating of the samples", "the ¹⁴C dating of the samples", "the ¹³C dating of the samples"),
    ("enriched ²³⁵U fuel was used", "enriched 235U fuel was used", "enriched 238U fuel was used"),
    ("the ¹⁸O ratio in the ice", "the 18O ratio in the ice", "the 16O ratio in the ice"),
    ("filled with ³He at low pressure", "filled with 3He at low pressure", "filled with 4He at low pressure"),
    ("a rate of 10¹² operations", "a rate of 10^12 operations", "a rate of 1012 operations"),
    ("a rate of 10⁻⁶ per step", "a rate of 10^-6 per step", "a rate of 10-6 per step"),
])
def test_a_raised_mass_number_is_its_digits(page, right, wrong) -> None:
    assert found(page, right)
    assert not found(page, wrong)
