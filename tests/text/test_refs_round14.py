"""Reference entries, round 14: a book's title after names given in full and a comma, before its publisher; a
title's head word and colon after an organisation's name and comma; two title words after one name and its
initials, the publisher and year closing the entry. Each case holds a reading kb gave wrong before and one it
must keep."""

from __future__ import annotations

import pytest

from kb.text.refs import parse_entry

KEEP_NAMES = ("Jean Dupont, Paul Martin, Dunod, 2019.", "dupont", None)     # a second name, never a title
KEEP_SCHOOL = ("John Smith, University of Oxford, Oxford, 2010.", "smith", None)     # a thesis's school
KEEP_INVERTED = ("Müller, Hans: Die Welt der Zahlen. Berlin 2019.", "muller", "Die Welt der Zahlen")
# (a capitalised particle before the family name is of it in a reference, as inverted: 'De Vries, M. J.', devries)
KEEP_MIDDLE = ("Maria J. De Vries. Cien Años de Soledad. Sudamericana, 1967.", "devries", "Cien Años de Soledad")


@pytest.mark.parametrize("fixed, kept", [
    # names given in full, each closed by its comma (the last after 'and'), the title, the publisher (and place)
    (("Jean Dupont, Deep Neural Networks, Dunod, 2019.", "dupont", "Deep Neural Networks"), KEEP_NAMES),
    (("John Smith, Learning to Rank, MIT Press, 2010.", "smith", "Learning to Rank"), KEEP_SCHOOL),
    (("Anna Berg and Paul Martin, Apprentissage Profond Moderne, Dunod, Paris, 2021.", "berg",
      "Apprentissage Profond Moderne"), KEEP_NAMES),
    (("Mary Jones, The Art of Computer Programming, Addison-Wesley, Reading, 1968.", "jones",
      "The Art of Computer Programming"), KEEP_SCHOOL),
    (("Jean Dupont, Deep neural networks, Dunod, 2019.", "dupont", "Deep neural networks"), KEEP_NAMES),
    (("Jean Dupont, Deep Neural Networks, 2nd ed., Dunod, 2019.", "dupont", "Deep Neural Networks"),
     ("Jean Dupont, Anne Marie Durand, Deep Learning, Dunod, 2019.", "dupont", None)),
    # an organisation's name, its comma, a title's head and its colon (not a family name, its given name after)
    (("Google DeepMind, Gemini: A Family of Highly Capable Multimodal Models. arXiv, 2023.", "googledeepmind",
      "Gemini: A Family of Highly Capable Multimodal Models"), KEEP_INVERTED),
    (("Mistral AI, Mixtral: Mixtures of experts. 2024.", "mistralai", "Mixtral: Mixtures of experts"),
     ("McDonald, John: Title of a book. Springer, 2019.", "mcdonald", "Title of a book")),
    (("OpenAI, GPT-4: Technical Report. arXiv, 2023.", "openai", "GPT-4: Technical Report"), KEEP_INVERTED),
    (("Anthropic, Claude: A family of models, 2024.", "anthropic", "Claude: A family of models"), KEEP_INVERTED),
    # two title words after 'Family I.', the publisher (its place or not) and the year after them (not a family
    # name after a middle initial, a title after it)
    (("Dupont J. La Vision. Dunod, 2019.", "dupont", "La Vision"), KEEP_MIDDLE),
    (("Smith J. Deep Learning. Cambridge University Press; 2019.", "smith", "Deep Learning"), KEEP_MIDDLE),
    (("Moreau P. Le Temps. Paris: Gallimard; 2003.", "moreau", "Le Temps"), KEEP_MIDDLE),
    # ... or the book it is in, or Vancouver's journal, its year and volume
    (("Dupont J. Deep Learning. In: Martin P, editor. Proceedings of Things. Paris: Dunod; 2019.", "dupont",
      "Deep Learning"), KEEP_MIDDLE),
    (("Smith J. Neural Nets. Rev Opt. 2015 May;521(7553):436-44.", "smith", "Neural Nets"), KEEP_MIDDLE),
])
def test_title_after_a_name_and_its_comma_or_initial(fixed: tuple, kept: tuple) -> None:
    for text, first, title in (fixed, kept):
        entry = parse_entry(text)
        assert (entry.first_author, entry.title) == (first, title), text


@pytest.mark.parametrize("fixed, kept", [
    # a web page's entry: its body, its title, its address, the year and an access note (never the title)
    (("Free Law Project. CourtListener. https://www.courtlistener.com, 2022. Last accessed June 5, 2022.",
      "CourtListener", 2022),
     ("Anyone at all. 2020. A study of things. Journal of Stuff.", "A study of things", 2020)),
    (("Legal Aid Society. About us. https://legalaidnyc.org/about, 2021. Retrieved May 2, 2022.", "About us", 2021),
     ("Anyone at all. 2020. A study of things. Journal of Stuff.", "A study of things", 2020)),
    # a number like a year opening the title after the names' stop, the entry closed by its own year
    (("M. Levy, M. P. Fink, and J. C. Marshall. 2001 SCCM/ESICM International Sepsis Definitions Conference. "
      "Intensive Care Med, 29:530-538, 2003.", "2001 SCCM/ESICM International Sepsis Definitions Conference", 2003),
     ("Jane Smith. 2019. Energy and things. In ACL, 2020.", "Energy and things", 2019)),
    (("J. Smith and A. Jones. 1984 revisited: surveillance today. Journal of Things, 5:1-9, 2015.",
      "1984 revisited: surveillance today", 2015),
     ("Jane Smith. 2019 Energy and things. In ACL 2019.", "Energy and things", 2019)),
])
def test_no_access_note_nor_number_of_a_title_is_read_wrong(fixed: tuple, kept: tuple) -> None:
    for text, title, year in (fixed, kept):
        entry = parse_entry(text)
        assert (entry.title, entry.year) == (title, year), text
