"""FTS5 MATCH expressions from what a person types.

Every word becomes a quoted phrase, so FTS5 syntax in a query (AND, NEAR,
column filters, a stray quote) is never interpreted: a query can find nothing,
but never fail. Balanced double quotes keep a phrase; a trailing `*` is a
prefix search.
"""

from __future__ import annotations

from kb.text.lazyre import lazy

MAX_QUERY = 2000      # characters; a query is words, not a document

_PHRASE_RE = lazy(r'"([^"]*)"|“([^”]*)”')
_WORD_RE = lazy(r"[^\W_]+")


def _term(words: list[str], prefix: bool = False) -> str | None:
    """One FTS5 phrase of `words` (already free of '"' by construction)."""
    if not words:
        return None
    return '"' + " ".join(words) + '"' + (" *" if prefix else "")


def match_terms(query: str) -> list[str]:
    """The MATCH terms of a user query: one quoted phrase per word, balanced
    double-quoted parts as one phrase. Never raises; may be empty."""
    query = query[:MAX_QUERY]
    terms: list[str] = []

    def words_outside(text: str) -> None:
        for token in text.split():
            words = _WORD_RE.findall(token)
            # "energ*" is a prefix search; a lone "*" or "-" is nothing.
            term = _term(words, prefix=token.endswith("*") and bool(words))
            if term:
                terms.append(term)

    pos = 0
    for m in _PHRASE_RE.finditer(query):
        words_outside(query[pos:m.start()])
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        term = _term(_WORD_RE.findall(inner))
        if term:
            terms.append(term)
        pos = m.end()
    words_outside(query[pos:].replace('"', " "))   # an unbalanced quote is just a space
    return terms


def build_match(query: str, any_word: bool = False) -> str:
    """A MATCH expression for `query`: all terms (implicit AND), or any of them."""
    terms = list(dict.fromkeys(match_terms(query)))
    return (" OR " if any_word else " ").join(terms)


def topic_clause(topics: list[str], fts_table: str) -> tuple[str, list]:
    """SQL keeping the rows that match every topic: a topic matches when all its
    words appear among the row's topics or in its text (FTS5, so fast at any size)."""
    if not topics:
        return "1", []
    parts = []
    for topic in topics:
        terms = match_terms(topic)
        if not terms:
            return "0", []        # a topic without a word matches nothing
        parts.append("(" + " ".join(terms) + ")")
    return f"rowid in (select rowid from {fts_table} where {fts_table} match ?)", [" AND ".join(parts)]
