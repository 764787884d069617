"""An entry whose arXiv id or DOI names one paper of the knowledge base while its title, first author and year name
another links to neither and says both; an id whose paper has the entry's title (a print and its preprint), or a
title no other paper has, links as before."""

from __future__ import annotations

import pytest

from kb.text.refs import PaperIndex, PaperInfo, parse_entry

_INDEX = PaperIndex([
    PaperInfo("wu2021a", arxiv_id="2111.00364", year=2021, first_author="Wu",
              title="Sustainable AI: Environmental Implications, Challenges and Opportunities"),
    PaperInfo("wu2021b", arxiv_id="2108.06738", year=2021, first_author="Wu",
              title="SOCIO-TECHNOLOGICAL CHALLENGES AND OPPORTUNITIES: PATHS FORWARD"),
    PaperInfo("li2025a", arxiv_id="2309.03852", year=2025, first_author="Li",
              title="FLM-101B: An Open LLM and How to Train It with $100K Budget"),
    PaperInfo("li2025b", arxiv_id="2304.03271", year=2023, first_author="Li",
              title="Making AI Less 'Thirsty': Uncovering and Addressing the Secret Water Footprint of AI Models"),
    PaperInfo("dodge2022", arxiv_id="2206.05229", doi="10.1145/3531146.3533234", year=2022, first_author="Dodge",
              title="Measuring the Carbon Intensity of AI in Cloud Instances"),
    PaperInfo("dodge2019", year=2019, first_author="Dodge",
              title="Show Your Work: Improved Reporting of Experimental Results"),
])


@pytest.mark.parametrize("text, by_id, by_title", [
    ("Wu, C.-J., Manne, S., Ranganathan, P., Bird, S., & Greenstein, S. (2021). Socio-technological challenges and "
     "opportunities: Paths forward. arXiv:2111.00364.", "wu2021a", "wu2021b"),
    ("Li, P., Yang, J., Islam, M. A., & Ren, S. (2023). Making AI less \"thirsty\": Uncovering and addressing the secret "
     "water footprint of AI models. arXiv:2309.03852.", "li2025a", "li2025b"),
    ("J. Dodge et al. 2019. Show your work: Improved reporting of experimental results. "
     "doi:10.1145/3531146.3533234", "dodge2022", "dodge2019"),
])
def test_an_id_of_one_paper_beside_the_title_of_another_links_neither(text, by_id, by_title) -> None:
    entry = parse_entry(text)
    assert _INDEX.resolve(entry) is None
    ex = _INDEX.explain(entry)
    assert ex.resolution is None and by_id in ex.reason and by_title in ex.reason


@pytest.mark.parametrize("text, key", [
    ("Wu, C.-J. et al. (2022). Sustainable AI: Environmental implications, challenges and opportunities. MLSys. "
     "arXiv:2111.00364.", "wu2021a"),
    ("Li, P. et al. (2023). Counting the water of AI. arXiv:2304.03271.", "li2025b"),
    ("Dodge, J. et al. (2022). Measuring the carbon intensity of AI in cloud instances. "
     "https://doi.org/10.1145/3531146.3533234", "dodge2022"),
])
def test_an_id_with_its_own_title_or_no_other_links(text, key) -> None:
    r = _INDEX.resolve(parse_entry(text))
    assert r is not None and r.citekey == key
