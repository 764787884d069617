"""BibTeX written by kb: a URL LaTeX reads verbatim keeps its '%', '&' and '#' as they are."""

import pytest

from kb.sources.bibtex import bib_value


@pytest.mark.parametrize("name, value, written", [
    ("howpublished", r"\url{https://example.org/c%20d?a=1&b=2#f}", r"{\url{https://example.org/c%20d?a=1&b=2#f}}"),
    ("note", r"Online at \url {https://x.org/50%} (50% off)", r"{Online at \url {https://x.org/50%} (50\% off)}"),
    ("note", r"\href{https://x.org/%7E}{R&D at 5%}", r"{\href{https://x.org/%7E}{R\&D at 5\%}}"),
    ("note", r"see \nolinkurl{a%b} and \path{C:/x%y}, 5%", r"{see \nolinkurl{a%b} and \path{C:/x%y}, 5\%}"),
    ("verba", "a%b", "{a%b}"),
    ("pdf", "files/a%20b.pdf", "{files/a%20b.pdf}"),
    ("note", r"\urlstyle{same} 5% \url{a%b}", r"{\urlstyle{same} 5\% \url{a%b}}"),
])
def test_url_arguments_are_verbatim(name, value, written):
    assert bib_value(name, value) == written
