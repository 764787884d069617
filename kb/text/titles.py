"""Titles compared across sources: the one normal form.

A title arrives as BibTeX (``{BERT}: Pre-training of ...``, ``\\"o``), from
arXiv or Crossref, or cut out of a reference list by pypdf (ligatures,
``R´ emi``, hyphenation undone at line breaks: ``pre-\\ntraining`` becomes
``pretraining``). `normalise_title` maps all of them to lower-case ASCII words.

Hyphens, dashes and apostrophes are dropped rather than treated as spaces, so
'Pre-training', 'Pre-Training' and 'Pretraining' agree: authors write compounds
both ways, and line-break hyphenation in a reference list leaves no trace of
which way the paper spelled it. Every other punctuation mark separates words.
The papers index stores this form (papers.title_norm), reference resolution
compares it, and finding a paper by the title a note cites uses it.
"""

from __future__ import annotations

from functools import lru_cache

from kb.text.ascii import ascii_fold, fix_pdf_accents, unseen_dropped
from kb.text.latex import latex_to_text
from kb.text.lazyre import lazy

__all__ = ["names_title", "normalise_title", "numbers_agree", "shortens"]

_JOINERS_RE = lazy("[-‐‑‒–—―−﹣－'’‘ʼ]")
_WORD_RE = lazy(r"[a-z0-9]+")
_WORD_OR_SCRIPT_RE = lazy(r"[a-z0-9]+|[^\W\d_a-z]{2,}")


@lru_cache(maxsize=16384)
def normalise_title(title: str | None) -> str:
    """Lower-case ASCII words of a title, for matching: LaTeX decoded, accents
    and ligatures folded, hyphens and apostrophes dropped, other punctuation
    gone; a character that shows nothing (a soft hyphen, a zero-width space) joins what is around it."""
    if not title:
        return ""
    text = ascii_fold(fix_pdf_accents(latex_to_text(unseen_dropped(title)))).lower()
    if text.isascii():
        return " ".join(_WORD_RE.findall(_JOINERS_RE.sub("", text)))
    # a title in another script ('深度学习的能耗研究', 'Глубокое обучение') keeps its words: runs of two
    # letters or more that have no ASCII form (a lone 'α' of 'α-divergence' stays a symbol, dropped)
    return " ".join(_WORD_OR_SCRIPT_RE.findall(_JOINERS_RE.sub("", text)))


# what numbers a work in a normalised title: its runs of digits, inside words or not ('2019', the 3 of 'gpt3',
# 'llama 2' as 'llama2', '176b' as '176 b'), and Roman numerals up to thirteen as words ('part ii')
_NUMBER_WORD_RE = lazy(r"\d+|\b(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})\b")


def numbers_agree(a: str, b: str, a_year: int | None = None, b_year: int | None = None) -> bool:
    """Whether two normalised titles that read alike number the same work: the numbers in their words
    are the same ('Overview of the TREC 2019 deep learning track' and '... TREC 2020 ...', 'Neural
    networks, part I' and '... part II', 'Llama 2' and 'Llama 3', 'GPT-3' and 'GPT-4' are other works,
    one changed character of forty). A year one title holds alone, its own work's (`a_year`, `b_year`),
    is a reference list's year read into the title ('Attention is all you need 2017'), not another work's."""
    both = f" {a} {b}"
    if not any(ch.isdigit() for ch in both) and " i" not in both and " v" not in both and " x" not in both:
        return True             # (no digit and no word a Roman numeral can open: many titles, asked cheaply)
    na, nb = _NUMBER_WORD_RE.findall(a), _NUMBER_WORD_RE.findall(b)
    if sorted(na) == sorted(nb):
        return True
    extra_a = [w for w in na if w not in nb]
    extra_b = [w for w in nb if w not in na]
    if extra_a and extra_b:
        return False
    return all(w == str(a_year) for w in extra_a) and all(w == str(b_year) for w in extra_b)


# words a short title keeps or drops as it pleases ('Ideological Origins' of 'The Ideological Origins of the ...')
_MINOR_WORDS = frozenset("a an the of in on for and to with at by from as or via its".split())
MINOR_WORDS = _MINOR_WORDS          # (a title's words that say little alone)


def shortens(short: str, title: str) -> bool:
    """Whether a normalised short title is one of the normalised `title`, as a note's short form writes it
    (Chicago 14.29: a few key words of the title, in their order): its first words ('Energy and Policy
    Considerations'), or two or more of its significant words running in the title with only minor words
    left out between them ('Carbon Intensity' of 'Measuring the Carbon Intensity of AI in Cloud Instances',
    'Watts Driving the Cost' of 'Power Hungry Processing: Watts Driving the Cost of AI Deployment?'), never
    words taken from here and there ('Carbon Emissions' of 'Counting Carbon: A Survey of Factors Influencing
    the Emissions of ...'). The whole title is one too."""
    if not short:
        return False
    if f"{title} ".startswith(short + " "):
        return True
    words = [w for w in short.split() if w not in _MINOR_WORDS]
    if len(words) < 2:
        return False
    kept = [w for w in title.split() if w not in _MINOR_WORDS]
    n = len(words)
    return any(kept[i:i + n] == words for i in range(len(kept) - n + 1) if kept[i] == words[0])


# words of many titles of a field, which name no work of it alone nor in a run of them: 'Large Neural Network
# Training', 'Deep Learning in NLP', 'Carbon Emissions' say what many papers are about, not which one
_COMMON_TITLE_WORDS = frozenset((
    "ai artificial intelligence machine deep learning learned neural network networks model models language large "
    "data dataset datasets training inference energy carbon emissions emission environmental cost costs compute "
    "computing computation computational efficient efficiency power consumption footprint climate green sustainable "
    "sustainability survey study review analysis approach approaches method methods towards toward new using based "
    "system systems nlp natural processing text vision image images cloud impact impacts evaluation evaluating "
    "benchmark benchmarks research paper work results case").split())


def names_title(phrase: str, title: str) -> bool:
    """Whether the words a note's prose sets apart (`phrase`, in italics, quote marks or title case: 'The *Counting
    Carbon* survey notes that', 'In Power Hungry Processing, the authors write') name the work titled `title`: its
    whole title, its part before a colon of two words or more ('Counting Carbon' of 'Counting Carbon: A Survey of
    ...'), or a run of its words of three or more that say much, two at least no word of many titles of a field
    ('Energy and Policy Considerations', never 'Large Neural Network Training' nor 'Deep Learning in NLP', nor
    'Carbon Emissions' of 'Carbon Emissions and Large ...'). Both as written; compared after `normalise_title`."""
    said, whole = normalise_title(phrase), normalise_title(title)
    if not said or not whole:
        return False
    if said == whole:
        return True
    head = normalise_title(title.split(":", 1)[0]) if ":" in title else ""
    if head and said == head and len(head.split()) >= 2 and any(w not in _MINOR_WORDS for w in head.split()):
        return True
    words, kept = said.split(), whole.split()
    meaning = [w for w in words if w not in _MINOR_WORDS]
    if len(meaning) < 3 or sum(w not in _COMMON_TITLE_WORDS for w in meaning) < 2 \
            or words[0] in _MINOR_WORDS or words[-1] in _MINOR_WORDS:
        return False
    n = len(words)
    # (a run of one part of a title, before its colon or after it: never 'Processing Watts Driving')
    parts = [normalise_title(part).split() for part in title.split(":")] if ":" in title else [kept]
    return any(part[i:i + n] == words for part in parts for i in range(len(part) - n + 1)) \
        and numbers_agree(said, whole)
