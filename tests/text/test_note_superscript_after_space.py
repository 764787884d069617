"""A note's superscript number after a space after a quote that ends its sentence ('“... carefully.” ²') cites the
quote, as one glued to its closing mark does, never the sentence after it."""

import pytest

from kb.text.notes import parse_note

QUOTE = "To decrease the footprint of training, an ML researcher should pick the DNN model carefully."
LIST = ("\n\n## References\n\n1. Luccioni, A. S. et al. Power hungry processing. Preprint (2023).\n"
        "2. Patterson, D. et al. Carbon emissions and large neural network training. Preprint (2021).\n")


@pytest.mark.parametrize("mark", [" ²", "\t²", " ² Then more."])
def test_superscript_after_a_space(mark):
    [q] = parse_note(f"# N\n\nThey advise “{QUOTE}”{mark}{LIST}").quotes
    assert q.source_text == "[2]"
