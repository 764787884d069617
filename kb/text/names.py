"""Author names: BibTeX name lists, family names, and the key names compare by.

The one reader of BibTeX name lists, following BibTeX's own rules:

* a list splits on " and " at the top level only: ``{Barnes and Noble} and
  Smith, John`` is two names, the first a corporate name kept whole;
* a name is "First von Last", "von Last, First" or "von Last, Jr, First";
* in "First von Last" the von part runs from the first to the last word that
  starts in lower case (not counting the last word): ``Charles Jean de la
  Vallée Poussin`` is First "Charles Jean", von "de la", Last "Vallée Poussin";
* a word's case is that of its first letter outside braces; ``{\\'E}mile``
  counts as upper case, a braced group like ``{van}`` as neither;
* ``others`` at the end of a list means "et al.".

The family name is von and Last together ("de la Vallée Poussin"): what
citekeys start with, what "X et al." shows, and what CSL-JSON's family holds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from kb.text.ascii import ascii_fold, fix_pdf_accents
from kb.text.latex import latex_to_text
from kb.text.lazyre import lazy

__all__ = [
    "Name",
    "split_names",
    "parse_name",
    "parse_names",
    "last_name",
    "is_organisation",
    "the_first",
    "firm",
    "without_acronym",
    "name_after_acronym",
    "acronym_of",
    "without_legal_form",
    "legal_form_at",
    "LEGAL_FORMS",
    "LEGAL_FORM_RE",
    "GAELIC_PREFIXES",
    "ROMAN_SUFFIXES",
    "name_key",
    "first_author_key",
    "family_as_keyed",
    "family_name_first",
    "short_authors",
    "author_key",
    "keyed_family",
    "cited_keys",
    "head_keys",
    "opens_with",
    "to_bibtex_name",
]


@dataclass(frozen=True)
class Name:
    """One name, decoded from LaTeX. `family` includes the von part."""

    family: str = ""
    given: str = ""
    suffix: str = ""
    literal: str = ""          # a corporate name: "{Allen Institute for AI}"
    #: the von part that opens `family` ("van der" of 'van der Berg, Jan'), as BibTeX reads the name as written:
    #: the words in lower case it opens with before its last ('Tachet des Combes': none); a braced group has no
    #: case ('{van der Berg}, Jan': none)
    particle: str = field(default="", compare=False)

    @property
    def display(self) -> str:
        if self.literal:
            return self.literal
        out = " ".join(filter(None, [self.given, self.family]))
        return f"{out}, {self.suffix}" if self.suffix else out

    def csl(self) -> dict:
        if self.literal:
            return {"literal": self.literal}
        out = {"family": self.family}
        if self.given:
            out["given"] = self.given
        if self.suffix:
            out["suffix"] = self.suffix
        return out


def _split_top(value: str, sep: str) -> list[str]:
    """`value` split on `sep` (matched case-insensitively) outside braces."""
    if "{" not in value and "}" not in value:          # no braces: every match is outside them
        if sep.lower() == sep.upper():
            return [p.strip() for p in value.split(sep)]
        return [p.strip() for p in re.split(re.escape(sep), value, flags=re.IGNORECASE)]
    parts, depth, start, i = [], 0, 0, 0
    n, low_sep = len(sep), sep.lower()
    while i < len(value):
        ch = value[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif depth == 0 and value[i:i + n].lower() == low_sep:
            parts.append(value[start:i])
            i += len(sep)
            start = i
            continue
        i += 1
    parts.append(value[start:])
    return [p.strip() for p in parts]


def _words(text: str) -> list[str]:
    """Words of a name part: split on spaces and ~ outside braces."""
    return [w for w in _split_top(re.sub(r"[\s~]+", " ", text), " ") if w]


def _one_group(raw: str) -> bool:
    """'{Allen Institute for AI}': one brace group from first to last character."""
    if not (raw.startswith("{") and raw.endswith("}")):
        return False
    depth = 0
    for i, ch in enumerate(raw):
        depth += (ch == "{") - (ch == "}")
        if depth == 0:
            return i == len(raw) - 1
    return False


def _is_lower(word: str) -> bool:
    """Whether a word starts in lower case, as BibTeX decides: the first letter
    outside braces; a brace group opening with a command (``{\\'e}``) counts
    by the letter it makes; any other brace group has no case."""
    depth = 0
    i = 0
    while i < len(word):
        ch = word[i]
        if ch == "{":
            if depth == 0 and word[i + 1:i + 2] == "\\":
                m = re.match(r"\{\\(?:[A-Za-z]+|.)\s*\{?\s*([A-Za-z])", word[i:])
                if m:
                    return m.group(1).islower()
                cmd = re.match(r"\{\\([A-Za-z]+)", word[i:])
                return bool(cmd) and cmd.group(1)[0].islower()
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif depth == 0 and ch.isalpha():
            return ch.islower()
        i += 1
    return False


def split_names(value: str | None) -> list[str]:
    """The names of a BibTeX name list, raw (LaTeX kept), split on top-level
    " and "; 'others' stays in the list as written."""
    if not value or not value.strip():
        return []
    return [p for p in _split_top(" ".join(value.split()), " and ") if p]


# Irish and Scottish Gaelic prefixes of a family name, capitalised and apart from it ('Mac Aodha', 'Ó Séaghdha',
# 'Ní Bhriain', 'Nic Giolla', 'Mc Donald'); not a bare 'O', a middle initial printed without its stop
GAELIC_PREFIXES = frozenset("Mac Mc Ó Ní Nic Uí Ua Mhic".split())


def _parts(raw: str) -> tuple[str, str, str]:
    """(family, given, suffix) of one raw name, still in LaTeX."""
    parts = _split_top(raw, ",")
    if len(parts) >= 3:
        return parts[0], ", ".join(parts[2:]), parts[1]
    if len(parts) == 2:
        return parts[0], parts[1], ""
    words = _words(raw)
    if len(words) <= 1:
        return raw.strip(), "", ""
    lower = [i for i, w in enumerate(words[:-1]) if _is_lower(w)]
    if not lower:
        if len(words) >= 3 and words[-2] in GAELIC_PREFIXES:
            # 'Oisin Mac Aodha', 'Diarmuid Ó Séaghdha': the prefix is of the family name, as 'Mac Aodha, Oisin'
            # writes it, though capitalised (BibTeX would read 'Aodha' alone, a name no one bears)
            return " ".join(words[-2:]), " ".join(words[:-2]), ""
        return words[-1], " ".join(words[:-1]), ""
    return " ".join(words[lower[0]:]), " ".join(words[:lower[0]]), ""


@lru_cache(maxsize=16384)
def parse_name(raw: str) -> Name:
    """One BibTeX name ('Last, First', 'First von Last', 'von Last, Jr, First',
    '{Corporate Name}'), decoded from LaTeX."""
    raw = " ".join(raw.split())
    if _one_group(raw):
        return Name(literal=latex_to_text(raw))
    family, given, suffix = _parts(raw)
    words, lead = _words(family), 0
    while lead < len(words) - 1 and _is_lower(words[lead]):
        lead += 1
    return Name(family=latex_to_text(family), given=latex_to_text(given), suffix=latex_to_text(suffix),
                particle=latex_to_text(" ".join(words[:lead])) if lead else "")


def parse_names(value: str | None) -> tuple[list[Name], bool]:
    """A BibTeX name list ('Last, First and von Last, Jr, First') decoded; and
    whether it ends with 'and others'."""
    names, others = [], False
    for raw in split_names(value):
        if raw.lower() == "others":
            others = True
            continue
        names.append(parse_name(raw))
    return names, others


# Words only an organisation's name holds ('International Energy Agency', 'Google AI',
# 'University of Washington', 'NVIDIA Corporation'), a legislature's among them, in English and in the languages
# of its countries ('U.S. Congress', 'U.S. Senate', 'Deutscher Bundestag', 'Assemblée nationale'; not 'House', a
# family name too: 'House of Lords' is a phrase), capitalised as in a name; and the names of firms
# that put their name to papers, which no person bears ('Google DeepMind', 'Hugging Face', 'Microsoft Azure'); a
# firm's trade, which no family name is ('Deloitte Insights', 'Accenture Consulting', 'IBM Analytics').
_FIRMS = frozenset("google deepmind microsoft openai nvidia ibm facebook anthropic hugging baidu alibaba tencent "
                   "salesforce".split())
_ORGANISATION_WORDS = frozenset("""
agency commission corporation corp inc incorporated ltd llc gmbh institute institution university
association council organization organisation foundation laboratory laboratories lab labs department
ministry office committee consortium society bureau administration authority nations federation
group team project initiative company network forum alliance partnership programme research ai
parliament government secretariat collaboration academy academies services llp plc
international national conference workshop symposium developers contributors community
collective coalition cooperative survey fund board panel directorate observatory
organização organización organizzazione ministério ministerio ministère ministerium ministero
universidade universidad université universität universita università instituto institut istituto
agência agencia agence agenzia comisión comissão commissione bundesamt bundesministerium
fundação fundación fondation stiftung fondazione gobierno governo gouvernement
congress congressional senate assembly legislature parliamentary parlement parlament parlamento bundestag bundesrat
knesset congreso congresso sénat senado senato assemblée asamblea assembleia representatives treasury
companies industries holdings enterprises partners associates insights consulting analytics advisory solutions
technologies""".split()) | _FIRMS
# ... and those a family name is too ('Robert Service', 'Robert William Service'), counted closing a name that
# joins its words with 'and', 'of' or 'for', or opens with a country's initialism ('U.S. Fish and Wildlife
# Service', 'U.S. Forest Service')
_LONG_ORGANISATION_WORDS = frozenset(["service"])
# firms named after their founders, whose whole names are persons' names in form and no person's ('Goldman Sachs',
# 'Morgan Stanley', 'Booz Allen Hamilton'): known only by name, as a whole (not 'Sachs' nor 'Ann Goldman'); none
# that names a person who writes too ('Roland Berger', 'Oliver Wyman', 'Charles Schwab', 'Arthur D. Little')
_EPONYMOUS_FIRMS = frozenset(["goldman sachs", "morgan stanley", "booz allen hamilton", "booz allen", "merrill lynch",
                              "wells fargo", "lehman brothers", "jpmorgan chase", "dow jones", "credit suisse",
                              "deutsche bank", "swiss re", "munich re", "arthur andersen", "bear stearns"])
_BODY_JOINS = frozenset(["and", "of", "for"])
_COUNTRY_INITIALISM_RE = lazy(r"(?:U\.\s?S\.|U\.\s?K\.|US|UK)\s")
_ORGANISATION_WORD_RE = lazy(r"[^\W\d_]+")
# a bank's kind before 'Bank' closing its name, as no person's given name is ('World Bank', 'European Central Bank',
# 'Asian Development Bank', 'European Investment Bank', 'Federal Reserve Bank', 'Protein Data Bank'; not 'Jonathan
# Bank', a person); and the first word that opens only a body's name ('World Bank', 'World Vision')
_BANK_KINDS = frozenset("world central development reserve investment savings commercial cooperative federal "
                        "infrastructure data food gene blood export-import".split())
_BODY_FIRST_WORDS = frozenset(["World"])
# ... and the kind of body before 'Force' closing its name, as no given name is ('Task Force', 'Air Force')
_FORCE_KINDS = frozenset("Task Air Police Defence Defense Border Space Labour Labor Work Action".split())
# small words of a phrase, which no person's name holds between its capitalised words as it holds 'de la' or
# 'van der': 'Papers with Code', 'Our World in Data', 'National Center for Biotechnology Information'
_PHRASE_WORDS = frozenset("of for in on with at to the".split())


_VOWELS = frozenset("AEIOU")


def initials_in_capitals(word: str) -> bool:
    """Whether a word in capitals printed after a family name reads as a person's initials, without their stops
    as Vancouver prints them ('Ioannidis JPA', 'Turing AM', 'Higgins JPT', 'Akl EA'), rather than as an
    organisation's acronym after its name ('Stanford HAI', 'Stanford CRFM'): three capitals at most, and of three,
    one vowel at most. Initials are the first letters of given names, most of which open with a consonant, so
    three of them rarely hold two vowels; an acronym is made to be said, and one of three letters mostly holds two
    ('HAI', 'IEA', 'EPA'). Of one or two capitals a word is initials ('AI' is told by its own word,
    is_organisation)."""
    if not (1 <= len(word) <= 3 and word.isascii() and word.isalpha() and word.isupper()):
        return False
    return len(word) < 3 or sum(ch in _VOWELS for ch in word) <= 1


# a suffix of a name in Roman numerals, capitals no acronym nor family name is ('Hal Daumé III', 'Henry Ford II')
ROMAN_SUFFIXES = frozenset(["II", "III", "IV"])


def acronym_after_name(words: list[str]) -> bool:
    """Whether a name written without a comma may be an organisation's, its acronym of three capitals after its
    name's words: 'Stanford HAI', 'Stanford University HAI' (initials_in_capitals: not 'Ioannidis JPA', a
    family name and its initials). The words before it capitalised whole words, no initials, two at most.
    A person's family name in capitals after the given name reads so too ('Jian LIU', 'Kenton LEE'), which the
    other names of the list say, printed alike ('Jian LIU, Wei XIE'): it is read only of a work's one author
    (lone_body). So is one of four capitals or more with no vowel, as no family name is ('Stanford CRFM'), and
    after a firm's name (`firm_acronym`) one of any length: 'Meta FAIR', 'Samsung SAIT'."""
    if firm_acronym(words):
        return True
    if not 2 <= len(words) <= 3 or not words[-1].isupper() or words[-1] in ROMAN_SUFFIXES or not (
            len(words[-1]) == 3 and not initials_in_capitals(words[-1]) or _unsaid(words[-1])):
        return False
    last = words[-1]
    return last.isascii() and last.isalpha() and all(
        len(w) >= 2 and w[0].isupper() and w.replace("-", "").isalpha() for w in words[:-1])


# firms that put their name to papers and a lab's or a team's acronym after it ('Meta FAIR', 'Amazon AGI', 'Apple
# MLR', 'Samsung SAIT'), among them names a person may bear ('Meta', 'Apple'), which is_organisation does not take
# alone ('R. W. Apple' is a journalist)
_FIRMS_BEFORE_ACRONYMS = _FIRMS | frozenset("meta amazon apple intel samsung huawei adobe bytedance naver yandex "
                                             "mistral cohere qualcomm".split())


def firm_acronym(words: list[str]) -> bool:
    """Whether a name's words are a firm's name and an acronym after it, of a lab or a team, which no person's name
    is: 'Meta FAIR', 'Meta GenAI', 'Amazon AGI', 'Google DeepMind' (two words or three, the first a firm's, the
    last of two capitals or more: not 'Meta Golding', a person, nor a family name and its initials as Vancouver
    prints them, initials_in_capitals: 'Apple RW')."""
    if not 2 <= len(words) <= 3 or words[0].lower() not in _FIRMS_BEFORE_ACRONYMS or not words[0][:1].isupper():
        return False
    last = words[-1]
    return last.isascii() and last.isalpha() and last[0].isupper() and sum(ch.isupper() for ch in last) >= 2 \
        and not initials_in_capitals(last) and all(w[:1].isupper() and w.isalpha() for w in words[1:-1])


def _unsaid(word: str) -> bool:
    """An acronym of four capitals or more with no vowel, as no family name is, printed in capitals or not
    ('CRFM' of Stanford's Center for Research on Foundation Models)."""
    return len(word) >= 4 and word.isascii() and word.isalpha() and not any(ch in "AEIOUY" for ch in word.upper())


def lone_body(authors: list[str]) -> bool:
    """Whether a work's list of authors is one organisation's name closed by its acronym ('Stanford HAI',
    acronym_after_name): one name, without a comma, no 'and others' after it."""
    return len(authors) == 1 and "," not in authors[0] and "{" not in authors[0] \
        and acronym_after_name(authors[0].split())


def firm(word: str) -> bool:
    """Whether one word is a firm's own name, which stands for it alone ('DeepMind', 'OpenAI',
    'Google'), as a word of organisations' names does not ('Research', 'Institute')."""
    return word.lower() in _FIRMS


def holds_body_word(words: list[str]) -> bool:
    """Whether one of `words`, capitalised, is a word only organisations' names hold, or a school's
    ('University', 'Institute', 'College'): a body's name, a thesis's school, is among them."""
    return any(w[:1].isupper() and (w.lower() in _ORGANISATION_WORDS or w.lower() in ("college", "school"))
               and w != "Ai" for w in words)


_BODY_DELETES: tuple[frozenset[str], dict[str, str]] | None = None


def _body_deletes() -> tuple[frozenset[str], dict[str, str]]:
    """The body words of six letters or more; those of eight or more, and each with one letter dropped."""
    global _BODY_DELETES
    if _BODY_DELETES is None:
        words = frozenset(w for w in _ORGANISATION_WORDS if len(w) >= 6 and w.isascii() and w not in _FIRMS)
        deletes = {w[:i] + w[i + 1:]: w for w in words if len(w) >= 8 for i in range(len(w))}
        _BODY_DELETES = words, deletes
    return _BODY_DELETES


@lru_cache(maxsize=1 << 12)
def body_word_meant(word: str) -> str:
    """The body word a capitalised word of seven letters or more misspells by one letter, or "": one added to a
    body word of eight letters or more, or a vowel or 'y' doubled in a shorter one ('Agencyy': agency); one
    dropped, changed, or two swapped in one of eight or more ('Institue', 'Organizaton', 'Univeristy'); not a
    body word itself, nor a family name a body word is too ('Service', 'Nation', 'Officer', 'Councill'). A
    reference's typo: BibTeX's reading (is_organisation) takes none, so references.bib's keys stay BibTeX's."""
    if len(word) < 7 or not word[:1].isupper() or not word.isascii() or not word.isalpha():
        return ""
    low = word.lower()
    if low in _ORGANISATION_WORDS or low in _LONG_ORGANISATION_WORDS or low[-1] == "s" and (
            low[:-1] in _ORGANISATION_WORDS or low[:-2] in _ORGANISATION_WORDS):
        return ""           # (nor its plural: 'Institutes', 'Agencies' is no typo)
    words, deletes = _body_deletes()
    if low in deletes:
        return deletes[low]
    for i in range(len(low)):
        w = low[:i] + low[i + 1:]
        if w in deletes:
            return deletes[w]
        # (to one of six or seven letters, only a vowel or 'y' doubled, as no English spelling doubles them at a
        # word's end: 'Agencyy', not 'Officer' nor 'Councill', family names)
        if w in words and (len(w) >= 8 or low[i] in "aiouy" and (low[i] == low[i - 1] or low[i] == low[i + 1: i + 2])):
            return w
    return ""


def is_organisation(name: str) -> bool:
    """Whether a name written without a comma is an organisation's: two words or
    more, one of them, capitalised, a word only organisations' names hold
    ('European Commission', 'Google AI', 'NVIDIA Corporation', 'Meta AI', 'BigScience
    Workshop'), or a small word of a phrase between capitalised words ('Papers with
    Code', 'National Center for Biotechnology Information'). An
    organisation is one name: keyed, and cited, as a whole, never by its last word."""
    if not name or "," in name:
        return False
    if "&" in name and _AMPERSAND_FIRM_RE.search(name):
        return True         # a firm's capitals joined by '&', no person's name: 'AT&T', 'S&P Global'
    text = latex_to_text(name) if "\\" in name else name
    # (its '&' between words the word 'and': 'U.S. Fish & Wildlife Service' as 'U.S. Fish and Wildlife Service')
    words = _ORGANISATION_WORD_RE.findall(_CONNECTIVE_RE.sub(" and ", text) if "&" in text else text)
    if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) \
            and " ".join(words).lower() in _EPONYMOUS_FIRMS:
        return True
    # 'AI' only in capitals: 'Ai' is a given name ('Ai Li')
    return len(words) >= 2 and (any(w[0].isupper() and w.lower() in _ORGANISATION_WORDS and (w == "AI" or w != "Ai")
                                    for w in words)
                                or words[0] in _BODY_FIRST_WORDS and words[1][0].isupper()
                                or words[-1] == "Bank" and words[-2].lower() in _BANK_KINDS and words[-2][0].isupper()
                                # ('Force', a family name too, after the kind of body it closes: 'Internet
                                # Engineering Task Force', 'Financial Action Task Force', 'U.S. Air Force')
                                or words[-1] == "Force" and words[-2] in _FORCE_KINDS
                                # (a country's name or initialism closing it after a field's word, as no person's
                                # name reads: 'Statistics Canada', 'Health Canada', 'Innovate UK'; 'Jane Canada' a person)
                                or words[-1] in _COUNTRY_CLOSERS and all(w[0].isupper() for w in words)
                                and (any(w.lower() in _BODY_FIELDS for w in words[:-1])
                                     # a field known by its ending alone names the body alone ('Fisheries Canada'):
                                     # a family name ends so too ('Charles Davies Canada', a person)
                                     or len(words) == 2 and words[0].endswith(("ics", "ies")))
                                or words[-1].lower() in _LONG_ORGANISATION_WORDS and words[-1][0].isupper()
                                and (any(w in _BODY_JOINS for w in words) or _COUNTRY_INITIALISM_RE.match(name) is not None)
                                # ... or in lower case closing the name, as no person's name closes: 'Scikit-learn
                                # developers', 'PyTorch contributors'
                                or words[0][0].isupper() and words[-1] in _ORGANISATION_WORDS
                                or words[0][0].isupper() and words[-1][0].isupper()
                                # (the word after it capitalised: 'Sophie in 't Veld' is a person)
                                and any(w in _PHRASE_WORDS and nxt[0].isupper() for w, nxt in zip(words[1:-1], words[2:])))


# countries' names and initialisms no family name is ('England', 'Wales', 'Ireland', 'Holland', 'France' are)
_COUNTRY_CLOSERS = frozenset("Canada Australia Norway Sweden Finland Denmark Netherlands Germany Switzerland Austria "
                             "Japan Korea Singapore UK USA EU".split())
# ... after a word of the field a public body serves ('Statistics', 'Fisheries' by their endings)
_BODY_FIELDS = frozenset("health transport environment sport innovate research infrastructure education energy science "
                         "heritage tourism trade finance justice defence defense agriculture housing".split())
_AMPERSAND_FIRM_RE = lazy(r"(?<![\w&])[A-Z]{1,4}&[A-Z]{1,4}(?![\w&])")
_CONJOINED_RE = lazy(r"\S\s+(?:and|&|\\&)\s+[A-Z]")


def _conjoined(name: str) -> bool:
    """Whether one name holds 'and' or '&' between its words ('Marks and Spencer', 'Procter & Gamble',
    'Bill & Melinda Gates Foundation'): a firm's or a body's, given as one author, as no person's name is
    (a list's own 'and' is split off before a name comes here)."""
    return ("and" in name or "&" in name) and _CONJOINED_RE.search(name) is not None and name[:1].isupper()


def the_first(name: str) -> bool:
    """Whether a name opens with the article, as only an organisation's does ('The World Bank', 'The Royal
    Society', a reference's 'The scikit-learn developers'): not a Vietnamese given name written without its
    marks, 'Thế', before a Vietnamese family name ('The Anh Nguyen', 'Nguyen The Anh')."""
    words = name.split()
    return len(words) >= 2 and words[0] == "The" \
        and not any(ascii_fold(w).lower() in _VIETNAMESE_FAMILIES for w in words[1:])


def last_name(author: str) -> str:
    """The family name of one author ('Last, First', 'First von Last' or a
    corporate name), decoded from LaTeX: 'Jean de la Vallée Poussin' ->
    'de la Vallée Poussin'. An organisation's name is one name, kept whole:
    '{Allen Institute for AI}', 'International Energy Agency'."""
    if not author or not author.strip():
        return ""
    name = parse_name(author)
    if name.literal:
        return name.literal
    if is_organisation(author) or _conjoined(author) or the_first(author):
        whole = " ".join(author.split())
        # (plain text as a source gave it, LaTeX as references.bib holds it: '&' is 'Procter & Gamble''s own)
        return latex_to_text(whole) if "\\" in whole or "{" in whole else whole
    return name.family


def to_bibtex_name(name: str) -> str:
    """A name in BibTeX's 'von Last, First' form: 'Alexandra Sasha Luccioni' ->
    'Luccioni, Alexandra Sasha'. A name with a comma, or in braces, is kept;
    an organisation's is braced whole: 'Google AI' -> '{Google AI}'."""
    name = " ".join(name.split())
    if not name or _one_group(name):
        return name
    if "," in name:
        before, _, after = name.rpartition(",")
        if before.count(",") == 0 and after.strip().lower().rstrip(".") in _SUFFIXES and len(before.split()) >= 2 \
                and not is_organisation(before):
            # a suffix after a comma, the name given first: 'Martin Luther King, Jr.' is BibTeX's 'King, Jr.,
            # Martin Luther' (BibTeX reads it as the family name 'Martin Luther King', given name 'Jr.')
            family, given, _ = _parts(before)
            return f"{family}, {after.strip()}, {given}" if given else name
        return name
    words = name.split()
    if len(words) >= 2 and not name.isascii() and _FAMILY_FIRST_WORD_RE.fullmatch(words[0]) \
            and all(_EAST_ASIAN_WORD_RE.fullmatch(w) for w in words[1:]):
        # Han and Hangul write the family name first ('李 小龍', '山田 太郎', '김 민준'): BibTeX reads 'Given
        # Family', and took '小龍' for the family name; a body's name ('清华大学 计算机系') is braced whole
        if any(w.endswith(_EAST_ASIAN_BODIES) for w in words):
            return "{" + name + "}"
        return f"{words[0]}, {' '.join(words[1:])}"
    if is_organisation(name) or _conjoined(name) or the_first(name):
        return "{" + name + "}"
    initials = len(words)
    while initials > 1 and _TRAILING_INITIALS_RE.match(words[initials - 1]):
        initials -= 1
    if initials < len(words) and not _TRAILING_INITIALS_RE.match(words[0]):
        # family name first, its initials after, as Vancouver and PDFs' metadata print it: 'Radford A.', 'Kind
        # A.J.H.', 'Tolkien J. R. R.' (BibTeX would read 'A.' as the family name, and no one bears an initial as one)
        return f"{' '.join(words[:initials])}, {' '.join(words[initials:])}"
    if family_name_first(words):
        # 'Kim Ji-hoon', 'Mao Tse-tung': 'Kim, Ji-hoon'; 'Nguyễn Văn An': 'Nguyễn, Văn An'
        return f"{words[0]}, {' '.join(words[1:])}"
    if len(words) >= 3 and words[-1].lower().rstrip(".") in _SUFFIXES:
        # a suffix after the name: 'Martin Luther King Jr.' is BibTeX's 'King, Jr., Martin Luther'
        family, given, _ = _parts(" ".join(words[:-1]))
        return f"{family}, {words[-1]}, {given}"
    family, given, _ = _parts(name)
    return f"{family}, {given}" if given else family


# a word of Han, kana or Hangul alone, and one holding Han or Hangul: a name's words all so, its first holding Han or
# Hangul, print the family name first, as those scripts do (kana alone may spell a Western name in its own order,
# 'ジョン スミス', and a middle dot joins the parts of one, '约翰·史密斯': neither says the order)
_EAST_ASIAN_WORD_RE = lazy("[\u3005\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
                           "\uf900-\ufaff\uac00-\ud7af\U00020000-\U0002ebef]+")
_FAMILY_FIRST_WORD_RE = lazy("(?=.*[\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
                             "\U00020000-\U0002ebef])[\u3005\u3040-\u309f\u30a0-\u30fa\u30fc-\u30ff"
                             "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\U00020000-\U0002ebef]+")
#: what the words of a body's name in Chinese, Japanese or Korean end with: university, college, institute, academy,
#: company, association, centre, laboratory, committee, faculty, foundation, hospital (never '部' alone, which
#: family names end with: '阿部 晋三', '服部 半蔵')
_EAST_ASIAN_BODIES = ("大学", "大學", "学院", "學院", "研究所", "研究院", "研究中心", "科学院", "科學院", "公司", "会社",
                      "協会", "协会", "協會", "中心", "实验室", "實驗室", "研究室", "委员会", "委員会", "委員會", "学部", "學部", "本部",
                      "财团", "財団", "医院", "醫院", "病院", "集团", "集團", "대학교", "대학", "연구소", "연구원",
                      "학회", "협회", "재단", "병원", "센터", "주식회사")


# a given name romanised from Chinese, Korean or Japanese in two syllables, hyphenated and its second in lower
# case ('Ji-hoon', 'Tse-tung', 'Xiao-ming'), as no Western name, given or family, writes one
_ROMANISED_GIVEN_RE = lazy(r"^[A-Z][a-z]+-[a-z]+$")
_CAPITALISED_WORD_RE = lazy(r"^[A-Z][a-z]+$")
# a family name printed in capitals before the given names, as Korean, Chinese, Vietnamese and French writers print it
# to mark it ('KIM Minjun', 'PARK Ji-woo', 'NGUYEN Van An'): three capitals or more, a vowel among them (not initials,
# 'AJ Smith', 'JRR Tolkien'), the given names after it capitalised, none in capitals nor an initial
_CAPITALS_FAMILY_RE = lazy(r"^(?=[A-Z]*[AEIOUY])[A-Z]{3,}$")
_GIVEN_AFTER_CAPITALS_RE = lazy(r"^[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?$")
_PUBLISHING_WORDS = frozenset("press publishing publications publishers".split())


def family_name_first(words: list[str]) -> bool:
    """Whether a name prints its family name first: of two words, as romanised Chinese, Korean and Japanese
    names do and its given name says ('Kim Ji-hoon', 'Mao Tse-tung', 'Wang Xiao-ming'; not 'Ji-hoon Kim', nor
    'Mary Smith-Jones', a family name of two capitalised); of three or more, as Vietnamese names do
    (_vietnamese_order: 'Nguyễn Văn An', 'Tran Thi Binh'; not 'Dat Quoc Nguyen', in English order); of any, where
    its first word, the family name, is printed in capitals and the given names after it are not ('KIM Minjun', 'PARK
    Ji-woo', 'WANG Xiao Ming'; not 'Minjun KIM', nor 'AJ Smith'). 'Kim Minjun', its order nowhere shown, keeps BibTeX's
    reading, given name first, as 'Minjun Kim' does: no list of Korean family names is short enough to tell."""
    if len(words) >= 2 and _CAPITALS_FAMILY_RE.match(words[0]) \
            and all(_GIVEN_AFTER_CAPITALS_RE.match(w) for w in words[1:]) \
            and not any(w.lower() in _ORGANISATION_WORDS or w.lower() in _PUBLISHING_WORDS for w in words[1:]):
        # (a body's acronym and a word of bodies' names after it is no person's: 'MIT Press', 'BMJ Group')
        return True
    if len(words) == 2:
        return bool(_CAPITALISED_WORD_RE.match(words[0])) and bool(_ROMANISED_GIVEN_RE.match(words[1]))
    return len(words) >= 3 and _vietnamese_order(words)


# Vietnamese family names that are no given name, which four in ten Vietnamese bear (ASCII-folded): 'Mai', 'Ha',
# 'Lam' or 'An', given names as well, are not among them
VIETNAMESE_FAMILIES = _VIETNAMESE_FAMILIES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ngo duong truong dinh".split())
# the middle names that say a name is Vietnamese where its letters lost their marks: 'Văn' (men's), 'Thị' (women's)
_VIETNAMESE_MIDDLES = frozenset(["van", "thi"])


def _vietnamese_order(words: list[str]) -> bool:
    """Whether a name of three words or more is Vietnamese, family name first: its first word a family name
    and its last none, its words capitalised and whole (no initials), and either a letter only Vietnamese
    writes ('ơ', 'ư', U+1EA0-U+1EF9: 'Nguyễn Văn An') or the middle name 'Van' or 'Thi' ('Nguyen Van An').
    Without either, a name keeps BibTeX's order, given names first ('Pham Minh Chinh' is keyed chinh): a
    family name first is no sign of its own, the list's words being given names of other peoples too
    ('Do Young Kim', Korean, in English order), and no list of given names is short enough to be kb's."""
    folded = [ascii_fold(w).lower() for w in words]
    if folded[0] not in _VIETNAMESE_FAMILIES or folded[-1] in _VIETNAMESE_FAMILIES \
            or not all(w[:1].isupper() and w[1:].isalpha() for w in words):
        return False
    name = "".join(words)
    return any(ch in "ơưƠƯ" or "\u1ea0" <= ch <= "\u1ef9" for ch in name) or any(
        w in _VIETNAMESE_MIDDLES for w in folded[1:-1])


# what follows a name, printed after it without a comma: 'Jr.', 'III'
_SUFFIXES = frozenset("jr sr ii iii iv".split())
# initials, each a capital and its stop: 'A.', 'J.R.', 'A.-M.'
_TRAILING_INITIALS_RE = lazy(r"^(?:[A-Z]\.-?)+$")
_NOT_LOWER_RE = lazy(r"[^a-z]")
# an '&' between two words of a name, bare or escaped as LaTeX escapes it ('Marks & Spencer', 'Marks \\& Spencer')
_CONNECTIVE_RE = lazy(r"(?<=\S)\s+\\?&\s+(?=\S)")


def name_key(name: str | None) -> str:
    """A name as lower-case ASCII letters only ('Hernández-García' ->
    'hernandezgarcia', 'J¨org' -> 'jorg', 'M{\\"u}ller' -> 'muller'): how first
    authors are compared (papers.first_author holds this form). A name with no
    letter of the Latin alphabet keeps the letters of its own script, lower-cased,
    spaces and marks dropped ('王小明', '김철수', 'Иванов' -> 'иванов'): no
    transliteration, so a name written in its script matches only itself so written. An '&' between two
    words keys as the word 'and', so a firm keys one way however its 'and' is written."""
    if not name:
        return ""
    if "&" in name:
        # a firm's or a body's '&' between two words of its name, however written, keys as the word 'and': 'Marks
        # & Spencer', '{Marks \\& Spencer}', 'Marks &amp; Spencer' are marksandspencer, as 'Marks and Spencer' is
        # ('AT&T', 'S&P Global': no word of their own, dropped)
        name = _CONNECTIVE_RE.sub(" and ", name.replace("&amp;", "&"))
    if "\\" in name or "{" in name:
        name = latex_to_text(name)
    if name.isascii():
        return _NOT_LOWER_RE.sub("", name.lower())
    folded = ascii_fold(fix_pdf_accents(name))
    key = _NOT_LOWER_RE.sub("", folded.lower())
    if key:
        return key
    # (NFC again: NFKD took Hangul syllables apart into their letters)
    return "".join(ch for ch in unicodedata.normalize("NFC", folded).casefold() if ch.isalpha())


# an organisation's acronym in brackets after its name: 'International Energy Agency (IEA)', APA 7's
# 'World Health Organization [WHO]'
_ACRONYM_AFTER_RE = lazy(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])\s*$")


_ACRONYM_FIRST_RE = lazy(r"^\s*([A-Z][A-Za-z&.\-]{0,11})\s*[(\[]([^()\[\]]+)[)\]]\s*$")


def without_acronym(name: str) -> str:
    """An organisation's name without the acronym in brackets after it ('International Energy
    Agency (IEA)', 'World Health Organization [WHO]'), or before it ('IEA (International Energy
    Agency)', where the name's capitals are the acronym's letters): the name references print and key."""
    if name[-1:] not in ")]":
        return name
    return name_after_acronym(name) or _ACRONYM_AFTER_RE.sub("", name) or name


def name_after_acronym(name: str) -> str | None:
    """The organisation's name in brackets after its acronym ('IEA (International Energy Agency)':
    'International Energy Agency'), None of any other name."""
    first = _ACRONYM_FIRST_RE.match(name) if name[-1:] in ")]" else None
    if first and acronym_of(first.group(1), first.group(2)):
        return " ".join(first.group(2).split())
    return None


def acronym_of(acronym: str, name: str) -> bool:
    """Whether `acronym` is made of the initials of `name`'s capitalised words, all or some, in order
    ('IEA' of 'International Energy Agency', 'EIA' of 'U.S. Energy Information Administration', 'WHO'
    of 'World Health Organization'), and the name a body's (is_organisation)."""
    letters = [ch for ch in acronym if ch.isalpha()]
    if not 2 <= len(letters) <= 8 or sum(ch.isupper() for ch in letters) < 2 or not is_organisation(name):
        return False
    initials = iter("".join(w[0] for w in _ORGANISATION_WORD_RE.findall(name) if w[0].isupper()))
    return all(ch.upper() in initials for ch in letters)        # (in order: the iterator is used up as it goes)


# Han, kana and Hangul: scripts that write a person's family name first, given name after
# (the space between its names any a person types or a PDF gives: ideographic, no-break, thin: '李\u3000明')
_FAMILY_FIRST_SCRIPT_RE = lazy("^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u3005\u30fb\u00b7 "
                               "\u3000\u00a0\u2009\u202f,]+$")


def author_key(author: str | None) -> str:
    """name_key() of one author's family name ('Last, First', 'First von Last', or a
    corporate name). A name written in Han, kana or Hangul is keyed whole, family
    name first as those scripts write it, since where its family name ends is not
    marked: '王小明', '王 小明' and BibTeX's '王, 小明' are all '王小明'.

    Otherwise a name is keyed as BibTeX reads it, so that a key is the one references.bib's own
    reader gives: 'Le Cun, Yann' and 'Yann LeCun' are lecun, 'Yann Le Cun' cun ('Le', capitalised,
    is a given name to BibTeX; kb's reference reader and linker take both, kb.text.refs); 'Nguyen
    Van An' without a comma an ('Nguyen, Van An', as kb writes a name from metadata whose marks or
    middle name say it is Vietnamese, `family_name_first`, nguyen); an organisation braced whole,
    '{Internal Revenue Service}', is keyed whole (internalrevenueservice), as BibTeX takes a braced
    name for one word, and unbraced by its last word (service) unless its words say it is a body's
    (`is_organisation`, `_conjoined`: 'International Energy Agency', 'Procter and Gamble' as one author).

    A name closed by three capitals holding two vowels, which a person's initials rarely hold, is an
    organisation's acronym after its name where the name is its work's one author ('Stanford HAI':
    stanfordhai, `first_author_key`, `first_family`, `to_bibtex_names`, lone_body); alone, this function
    cannot tell it from a family name printed in capitals ('Jian LIU'), and keeps BibTeX's reading (hai).
    'Ioannidis JPA', a family name and its initials as Vancouver prints them (`initials_in_capitals`), keeps
    BibTeX's reading here; kb.text.refs tells the two in a reference ('Ioannidis JPA. 2005.' is ioannidis,
    'Stanford HAI. 2023.' stanfordhai)."""
    if not author or not author.strip():
        return ""
    if not author.isascii() and _FAMILY_FIRST_SCRIPT_RE.match(author.strip()):
        name = parse_name(author)
        if not name.literal:
            whole = name.family + name.given if "," in author else author
            return name_key(whole)
    return name_key(keyed_family(author))


def keyed_family(author: str) -> str:
    """The family name author_key keys (last_name), an organisation's without the acronym after its name,
    which is not of the name: '{International Energy Agency (IEA)}' is keyed as references print it,
    'International Energy Agency' (as kb.text.refs keys it), and so are the citekeys kb makes; a firm's
    without its legal form ('{Google LLC}', '{Hugging Face, Inc.}'), which references print or leave out."""
    if "&" in author:
        # (an '&' between words the word 'and', bare too, which LaTeX reads as no text: '{Marks & Spencer plc}')
        author = _CONNECTIVE_RE.sub(" and ", author)
    family = last_name(author)
    if family[-1:] in ")]" and (parse_name(author).literal or is_organisation(family)):
        family = without_acronym(family)
    if (at := legal_form_at(family)) is not None and (parse_name(author).literal or is_organisation(family)):
        family = family[:at]
    return family


#: a firm's legal form closing its name ('Google LLC', 'Hugging Face, Inc.', 'DeepMind Technologies Ltd', 'BP p.l.c.',
#: 'Siemens AG', 'Nestlé S.A.', 'Philips N.V.', 'SAP SE', 'Procter & Gamble Co.', 'Microsoft Corporation', 'Ford Motor
#: Company'), or two ('Samsung Electronics Co., Ltd.')
LEGAL_FORMS = r"Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|LLP|PLC|plc|p\.l\.c|GmbH|Corporation|Company|Corp|Co|AG|SE|S\.A|SA|S\.p\.A|SpA|N\.V|NV|B\.V|BV|Pty"
LEGAL_FORM_RE = lazy(rf"(?:,?\s+(?:{LEGAL_FORMS})\.?)+\s*$")
_LEGAL_FORM_ENDS = frozenset("cCdPpHoGEAVyn.")
# the words a firm's name does not end with where a legal form is its own last word ('The Company', 'Smith and
# Company', 'Kim & Co.', 'Society of Company'): the legal form is then of the name, kept
_NOT_NAME_ENDS = frozenset(("the", "and", "&", "\\&", "of", "for", "a", "an"))


def legal_form_at(name: str) -> int | None:
    """Where the legal form closing a firm's `name` begins ('Google LLC': 6, 'Microsoft Corporation': 9), None where
    none closes it, or it is the whole name or the name is nothing without it ('{Company}', 'The Company', 'Smith &
    Company'): the one reading of it for references.bib's names and reference lists' alike."""
    legal = LEGAL_FORM_RE.search(name) if name[-1:] in _LEGAL_FORM_ENDS else None
    if not legal or legal.start() <= 0:
        return None
    rest = name[:legal.start()].split()
    return legal.start() if rest and rest[-1].lower() not in _NOT_NAME_ENDS else None


def without_legal_form(name: str) -> str:
    """A firm's name without the legal form closing it ('Google LLC': 'Google')."""
    at = legal_form_at(name)
    return name if at is None else name[:at]


# the particles a family name may open with capitalised, which BibTeX then reads as a given name's last word: 'Yann
# Le Cun' (family name 'Cun'), 'Jan Van Dijk', 'Anna De Luca'
_CAPITALISED_PARTICLES = frozenset("le la de da di du van von del della des den der dos das ter ten".split())


def cited_keys(author: str) -> frozenset[str]:
    """The keys an author-year citation may give one author whose name references.bib writes without a
    comma: BibTeX's (author_key), and the family name a reader sees where BibTeX's reading leaves part of
    it with the given names: a capitalised particle before the last word ('Yann Le Cun', cited 'LeCun' or
    'Le Cun': lecun as well as cun) and a Vietnamese name's first word, its family name (family_name_first:
    'Nguyen Van An', cited 'Nguyen': nguyen as well as an)."""
    key = author_key(author)
    name = " ".join(author.split())
    if not name or "," in name or "{" in name or is_organisation(name) or _conjoined(name) or the_first(name):
        return frozenset([key])
    words = name.split()
    keys = {key}
    if family_name_first(words):
        keys.add(name_key(words[0]))
    elif len(words) >= 3 and words[-2][:1].isupper() and words[-2].lower() in _CAPITALISED_PARTICLES:
        keys.add(name_key(words[-2] + words[-1]))
    return frozenset(keys)


def family_as_keyed(author: str, key: str | None) -> str:
    """last_name(author), or the whole name where the paper's first-author key (`key`, the
    index's papers.first_author) is of the whole name: references.bib's '{Common Crawl}' is one
    name, which the index's list of authors holds without its braces, and last_name would then
    read it as a person's ('Crawl')."""
    family = last_name(author)
    if key and name_key(family) != key and name_key(author) == key:
        return " ".join(author.split())
    return family


def short_authors(authors: list[str], first_key: str | None = None) -> str:
    """'Luccioni', 'Luccioni & Strubell' or 'Luccioni et al.' (also for a list ending in
    BibTeX's 'others'): the one short form of a paper's authors every listing and label
    shows (kb ls, kb graph's DOT labels). `first_key`, the paper's first-author key
    (papers.first_author), keeps an organisation's name whole ('Common Crawl',
    family_as_keyed), which the index holds without the braces that said so."""
    names = [a for a in authors if a.strip().lower() != "others"]
    if not names:
        return ""
    first = family_as_keyed(names[0], first_key)
    if len(names) < len(authors) or len(names) > 2:
        return f"{first} et al."
    if len(names) == 2:
        return f"{first} & {last_name(names[1])}"
    return first


def first_author_key(authors: list[str]) -> str:
    """author_key() of the first author: the key of the family name; an organisation's whole where it is the
    work's one author and its last word an acronym ('Stanford HAI': stanfordhai, lone_body)."""
    if not authors:
        return ""
    return name_key(without_legal_form(" ".join(authors[0].split()))) if lone_body(authors) else author_key(authors[0])


def first_family(authors: list[str]) -> str:
    """keyed_family() of the first author, the organisation's whole name where first_author_key keys it whole."""
    if not authors:
        return ""
    return without_legal_form(" ".join(authors[0].split())) if lone_body(authors) else keyed_family(authors[0])


def to_bibtex_names(names: list[str]) -> list[str]:
    """to_bibtex_name() of each of a work's authors; one organisation closed by its acronym, the work's one
    author, braced whole ('Stanford HAI' -> '{Stanford HAI}', lone_body), not read as 'HAI, Stanford'."""
    if lone_body([" ".join(n.split()) for n in names]):
        return ["{" + " ".join(names[0].split()) + "}"]
    return [to_bibtex_name(n) for n in names]


# -- alphabetic citation labels -----------------------------------------------------------------

def label_form(label: str) -> str:
    """An alphabetic label as labels are compared: ASCII letters lower-cased, digits and '+'
    ('AGB+18', 'Göd31' -> 'agb+18', 'god31'), without the letter that tells two works of one
    label and year apart ('Amm18a' -> 'amm18')."""
    folded = re.sub(r"[^a-z0-9+]", "", ascii_fold(label).lower())
    return re.sub(r"(\d{2})[a-z]$", r"\1", folded)


def alpha_labels(authors: list[str], year: int | None) -> set[str]:
    """The labels the alphabetic styles give a work (label_form), which a note citing in
    that style writes: BibTeX's alpha ('Knu84' one author; 'GJ79' up to four, each family
    name's initial; 'AGB+18' five or more, three initials and '+') and biblatex's alphabetic
    ('GJ79' up to three; 'Vas+17' four or more, the first family name's three letters; 'Vas17'
    where the '+' is set to nothing).
    A family name's particles ('van der Aalst') may lead or not ('vdAal', 'Aal')."""
    if not authors or year is None:
        return set()
    families: list[tuple[str, str]] = []            # (the particles' initials, the name's letters)
    for author in authors:
        if not author or author.strip().lower() == "others":
            continue
        name = parse_name(author)
        words = (name.literal or name.family or author).split()
        von = "".join(w[0] for w in words if w[:1].islower())
        main = name_key(" ".join(w for w in words if not w[:1].islower()) or " ".join(words))
        if main:
            families.append((von.lower(), main))
    if not families:
        return set()
    yy = f"{year % 100:02d}"
    k, (von, first) = len(families), families[0]
    bases = set()
    if k == 1:
        bases |= {first[:3], von + first[:3]}
    else:
        initials = "".join(m[0] for _, m in families[:4])
        with_von = "".join(v + m[0] for v, m in families[:4])
        if k <= 4:
            bases |= {initials, with_von}
        if k >= 5:
            bases |= {initials[:3] + "+", "".join(v + m[0] for v, m in families[:3]) + "+"}
        if k >= 4:
            bases |= {first[:3] + "+", von + first[:3] + "+"}
        bases.add(first[:3])        # biblatex with labelalphaothers={} (no '+'): 'Amm18'
    return {b + yy for b in bases}


_HEAD_WORD_RE = lazy(r"[^\s\-‐–—/]+")


def head_keys(name: str | None, key: str) -> tuple[str, ...]:
    """The keys (name_key) of the first words of a name keyed `key`, shorter than the whole: what a reference
    may cut the name to ('DeepMind Technologies Ltd', deepmindtechnologies: deepmind; 'Hernández-García, J.',
    hernandezgarcia: hernandez). None of a name of one word ('Metaculus' is no 'Meta' written long), nor of
    one whose first words never make `key` (BibTeX's 'Gabriel García Márquez', keyed marquez)."""
    return _heads(name, key) or ()


def opens_with(name: str | None, key: str) -> bool:
    """Whether `name`'s first words (a label before them aside) are a name keyed `key`: 'World Bank. 2021.' opens with
    worldbank, whatever its reading keyed (bank, as a person's family name)."""
    return _heads(name, key) is not None


def _heads(name: str | None, key: str) -> tuple[str, ...] | None:
    if not name or not key:
        return None
    heads: list[str] = []
    made = ""
    for word in _HEAD_WORD_RE.findall(name[:200]):
        part = name_key(word)
        if not part:
            if made:
                return None
            continue            # a label before the name: '[3]', '12.'
        made += part
        if made == key:
            return tuple(heads)
        if not key.startswith(made):
            return None
        heads.append(made)
    return None
