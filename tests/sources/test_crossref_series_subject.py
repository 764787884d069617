"""A Crossref chapter's container title ending in 'Series' names a series only where it is no subject's series
('Time Series', 'Fourier Series', 'Power Series'): the book 'Analysis of Financial Time Series' beside the 'Wiley
Series in Probability and Statistics' was written as the series, the series as its book. A publisher's 'X Series in'
or 'X Press Series on' names one."""

from __future__ import annotations

import pytest

from kb.sources.metadata import crossref_containers

WILEY = "Wiley Series in Probability and Statistics"


@pytest.mark.parametrize("titles, book, series", [
    (["Analysis of Financial Time Series", WILEY], "Analysis of Financial Time Series", WILEY),
    ([WILEY, "Analysis of Financial Time Series"], "Analysis of Financial Time Series", WILEY),
    (["Nonlinear Time Series", "Springer Texts in Statistics"], "Nonlinear Time Series", None),
    (["Springer Texts in Statistics", "Nonlinear Time Series"], "Springer Texts in Statistics", None),
    (["Fourier Series", "Graduate Studies in Mathematics"], "Fourier Series", None),
    (["An Introduction to Power Series", "Undergraduate Lecture Texts"], "An Introduction to Power Series", None),
    (["Hypergeometric Series", "Encyclopedia of Mathematics"], "Hypergeometric Series", None),
    (["Time Series in Hydrology", "Water Science and Technology Library"], "Time Series in Hydrology", None),
    (["Power Series on Rings", "Lecture Notes in Mathematics"], "Power Series on Rings", "Lecture Notes in Mathematics"),
    (["Deep Learning", "IEEE Press Series on Computational Intelligence"], "Deep Learning",
     "IEEE Press Series on Computational Intelligence"),
    (["Practical Forecasting", "NATO Science Series"], "Practical Forecasting", "NATO Science Series"),
    (["Proceedings of the 2020 ACM Conference", "ACM International Conference Proceeding Series"],
     "Proceedings of the 2020 ACM Conference", "ACM International Conference Proceeding Series"),
])
def test_a_subject_s_series_names_no_series(titles: list[str], book: str, series: str | None) -> None:
    assert crossref_containers("incollection", titles) == (book, series)
