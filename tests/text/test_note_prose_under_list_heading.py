"""A quote under a heading a reference list may have ('# Sources', '## Literature', '## Works cited') is read as a
quote (checked by its citation, or listed unchecked where it cites nothing), never dropped as the list's entry; a list
under such a heading stays a list; and a secondary citation's 'quoting' form names the work read first."""
import pytest

from kb.text.notes import parse_note

Q = ("One of the main drivers of climate change is carbon dioxide, or CO2, which contributes to the greenhouse "
     "effect by trapping the heat from the sun within the atmosphere without letting it dissipate.")
APA = ("Dodge, J., Prewitt, T., & Strubell, E. (2022). Measuring the carbon intensity of AI in cloud instances. "
       "In *FAccT '22* (pp. 1877-1894). ACM.\n\n"
       "Strubell, E., Ganesh, A., & McCallum, A. (2019). Energy and policy considerations for deep learning in NLP. "
       "In *Proceedings of ACL* (pp. 3645-3650).\n")
MLA = ("Dodge, Jesse, et al. “Measuring the Carbon Intensity of AI in Cloud Instances.” *FAccT*, 2022, pp. 1877-94.\n\n"
       "Strubell, Emma, et al. “Energy and Policy Considerations for Deep Learning in NLP.” *ACL*, 2019.\n")


def _read(note: str) -> tuple[list[tuple[str, str | None]], int, int]:
    n = parse_note(note)
    return [(q.attribution, q.page) for q in n.quotes], len(n.unchecked), len(n.references)


@pytest.mark.parametrize("heading", [
    "# Sources", "## Sources", "## Sources:", "**Sources**", "**Sources:**", "## Literature", "## Literature cited",
    "## Works cited", "## Citations", "## References", "## Bibliography", "<h2>Sources</h2>", "Sources",
    "## Sources of energy", "## Notes", "## Further reading", "## Background", "## References to prior work",
])
@pytest.mark.parametrize("cite, who, page", [
    ("(Dodge et al., 2022, p. 2)", "Dodge", "2"),
    ("[@dodge2022, p. 2]", None, "2"),
])
def test_a_cited_quote_under_the_heading_is_read_and_the_list_after_it_too(heading, cite, who, page):
    quotes, unchecked, refs = _read(f"# Energy\n\n{heading}\n\nThe grid matters: “{Q}” {cite}.\n\n{APA}")
    assert len(quotes) == 1 and unchecked == 0
    assert quotes[0][1] == page and (who is None or who in quotes[0][0])
    if heading.strip("#*<>h2/: ").lower() not in ("sources of energy", "notes", "further reading", "background",
                                                    "references to prior work"):
        assert refs == 2, "the entries after the prose are still the list's"


@pytest.mark.parametrize("heading", ["# Sources", "## Literature", "## Works cited", "**Sources:**", "## Notes"])
def test_a_quote_citing_nothing_under_the_heading_is_listed_unchecked(heading):
    quotes, unchecked, refs = _read(f"# Energy\n\n{heading}\n\nThe grid matters: “{Q}”\n")
    assert quotes == [] and unchecked == 1 and refs == 0


@pytest.mark.parametrize("heading", ["# Sources", "## Works Cited", "## Literature", "## References"])
@pytest.mark.parametrize("entries, count", [(APA, 2), (MLA, 2), (MLA.replace(", 2022", "").replace(", 2019", ""), 2)])
def test_a_list_under_the_heading_stays_a_list_its_quoted_titles_no_quotes(heading, entries, count):
    quotes, unchecked, refs = _read(f"# Energy\n\nThe grid matters: “{Q}” (Dodge et al., 2022, p. 2).\n\n"
                                    f"{heading}\n\n{entries}")
    assert refs == count and unchecked == 0
    assert [w for w, _ in quotes] == [quotes[0][0]] and "Dodge" in quotes[0][0]


def test_numbered_entries_after_prose_keep_their_positions():
    note = parse_note(f"Energy: “{Q}” [2].\n\n## Sources\n\nA word first: “{Q}” (Dodge et al., 2022, p. 2).\n\n"
                      f"{APA}")
    numbered = {r.number: r.text for r in note.references if r.number}
    assert "Strubell" in numbered.get("2", ""), numbered


@pytest.mark.parametrize("cite, who, page", [
    ("(Patterson et al., 2021, p. 8, quoting Strubell et al., 2019)", "Patterson", "8"),
    ("(Patterson et al., 2021, p. 8; quoting Strubell et al.)", "Patterson", "8"),
    ("(Patterson et al., 2021, p. 8, citing Strubell et al., 2019)", "Patterson", "8"),
    ("(Patterson et al. 2021: 8, quoting Strubell 2019)", "Patterson", "8"),
    ("(Patterson et al., 2021, quoting Strubell et al., 2019, p. 3)", "Patterson", None),
    ("(Strubell et al., 2019, cited in Patterson et al., 2021, p. 8)", "Patterson", "8"),
    ("(Strubell et al., 2019, as cited in Patterson et al., 2021, p. 8)", "Patterson", "8"),
    ("(Strubell et al., 2019, as quoted by Patterson et al., 2021, p. 8)", "Patterson", "8"),
    ("(Strubell et al., 2019, as quoted in Patterson et al., 2021, p. 8)", "Patterson", "8"),
    ("(qtd. in Patterson et al. 8)", "Patterson", "8"),
])
def test_a_secondary_citation_names_the_work_read_never_the_work_quoted(cite, who, page):
    quotes, unchecked, _ = _read(f"# NAS\n\nFar off: “{Q}” {cite}.\n")
    assert unchecked == 0 and len(quotes) == 1
    assert who in quotes[0][0] and "Strubell" not in quotes[0][0] and quotes[0][1] == page
