"""An ellipsis that leaves out an alternative ("or B") is refused where a citation mark opens the words it leaves
out too: "TensorFlow [1] … and" of "TensorFlow [1] or PyTorch [24], and" claims the one framework the page gives
as one of two; an ellipsis leaving out only the mark, or words that open no alternative, still verifies."""
import pytest

from kb.text.match import Document, find_quote

PAGE = ("Existing models are developed using distinct frameworks like TensorFlow [1] or PyTorch [24], and the "
        "high-level parameters can be obfuscated by implementation details [8]. We fine-tune BERT (Devlin et al., "
        "2019) or RoBERTa (Liu et al., 2019) on each task. Models [3, 5] such as these are trained on news. Prior "
        "work [12–14] rather than ours used labels. The corpus (Lo et al., 2020) and its links were released.")

WRONG = [
    "like TensorFlow [1] ... and the high-level parameters",
    "like TensorFlow [1] [...] and the high-level parameters",
    "like TensorFlow ... and the high-level parameters",
    "like TensorFlow [...] and the high-level parameters",
    "We fine-tune BERT (Devlin et al., 2019) ... on each task.",
    "We fine-tune BERT ... on each task.",
    "Prior work [12–14] ... used labels.",
    "Prior work ... used labels.",
]

RIGHT = [
    "like TensorFlow [1] or ... and the high-level parameters",
    "like TensorFlow or PyTorch, and the high-level parameters",
    "like TensorFlow [1] or PyTorch [24] ... the high-level parameters",
    "We fine-tune BERT or RoBERTa on each task.",
    "We fine-tune BERT (Devlin et al., 2019) or ... on each task.",
    "Models [3, 5] ... are trained on news.",
    "Models ... are trained on news.",
    "The corpus (Lo et al., 2020) ... were released.",
    "The corpus ... and its links were released.",
]


@pytest.mark.parametrize("quote", WRONG)
def test_an_alternative_left_out_after_a_mark_is_refused(quote: str) -> None:
    assert find_quote(Document([PAGE]), quote) is None


@pytest.mark.parametrize("quote", RIGHT)
def test_other_ellipses_verify(quote: str) -> None:
    assert find_quote(Document([PAGE]), quote) is not None
