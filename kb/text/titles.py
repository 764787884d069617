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

from kb.text.ascii import ascii_fold, fix_pdf_accents
from kb.text.latex import latex_to_text
from kb.text.lazyre import lazy

__all__ = ["normalise_title"]

_JOINERS_RE = lazy("[-‐‑‒–—―−﹣－'’‘ʼ]")
_WORD_RE = lazy(r"[a-z0-9]+")
_WORD_OR_SCRIPT_RE = lazy(r"[a-z0-9]+|[^\W\d_a-z]{2,}")


@lru_cache(maxsize=16384)
def normalise_title(title: str | None) -> str:
    """Lower-case ASCII words of a title, for matching: LaTeX decoded, accents
    and ligatures folded, hyphens and apostrophes dropped, other punctuation
    gone."""
    if not title:
        return ""
    text = ascii_fold(fix_pdf_accents(latex_to_text(title))).lower()
    if text.isascii():
        return " ".join(_WORD_RE.findall(_JOINERS_RE.sub("", text)))
    # a title in another script ('深度学习的能耗研究', 'Глубокое обучение') keeps its words: runs of two
    # letters or more that have no ASCII form (a lone 'α' of 'α-divergence' stays a symbol, dropped)
    return " ".join(_WORD_OR_SCRIPT_RE.findall(_JOINERS_RE.sub("", text)))
