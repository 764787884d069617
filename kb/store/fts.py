"""FTS5 MATCH expressions from what a person types.

Every word becomes a quoted phrase, so FTS5 syntax in a query (AND, NEAR,
column filters, a stray quote) is never interpreted: a query can find nothing,
but never fail. Balanced double quotes keep a phrase; a trailing `*` is a
prefix search.
"""

from __future__ import annotations

from kb.text.display import Vocabulary, readable, unbroken
from kb.text.lazyre import lazy
from kb.text.normalise import fold_char

MAX_QUERY = 2000      # characters; a query is words, not a document

_PHRASE_RE = lazy(r'"([^"]*)"|“([^”]*)”')
_WORD_RE = lazy(r"[^\W_]+")


_SIBILANT_ES = ("sses", "xes", "zes", "ches", "shes")


def singular(word: str) -> str:
    """An English plural's singular, by its ending only: "emissions", "gpus", "apis",
    "intensities", "processes"; "process", "gas" and "its" as they are. A singular ending
    in one "s" loses it too ("corpus", "analysis"): the key its plural has is the same
    (a form no other word has), and the word is found as it was. Folded words of letters."""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(_SIBILANT_ES):
        return word[:-2]
    return word[:-1]


def number_forms(word: str) -> list[str]:
    """`word` and its singular or plural form (folded words of letters): "emission" and
    "emissions", "intensity" and "intensities"; a word with a digit alone ("co2")."""
    if not word.isalpha() or len(word) < 3:
        return [word]
    base = singular(word)
    if base.endswith(("s", "x", "z", "ch", "sh")):
        plural = base + "es"
    elif base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        plural = base[:-1] + "ies"
    else:
        plural = base + "s"
    return list(dict.fromkeys([word, base, plural]))


_LETTERS_DIGITS = lazy(r"[^\W\d_]+|\d+")


def _term(words: list[str], prefix: bool = False, forms: bool = False) -> str | None:
    """One FTS5 phrase of `words` (already free of '"' by construction); with `forms`, the
    phrases of each number of its last word ("emission" finds "emissions"), and a word of
    letters and digits also as its pieces ("co2e" finds "CO 2 e", a subscript a PDF's text
    prints apart)."""
    if not words:
        return None
    if forms and not prefix:
        phrases = ['"' + " ".join(words[:-1] + [w]) + '"' for w in number_forms(words[-1])]
        pieces = [p for w in words for p in _LETTERS_DIGITS.findall(w)]
        if len(pieces) > len(words):
            phrases.append('"' + " ".join(pieces) + '"')
        return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"
    return '"' + " ".join(words) + '"' + (" *" if prefix else "")


def match_terms(query: str, forms: bool = False) -> list[str]:
    """The MATCH terms of a user query: one quoted phrase per word, balanced
    double-quoted parts as one phrase. Never raises; may be empty. Words are
    folded as the indexes are (`search_text`): "CO2eq" finds "𝐶𝑂2𝑒𝑞". With `forms`,
    a word typed outside quotes finds its singular and plural ("GPU", "GPUs"):
    what a person types to find a topic; a quoted phrase is found as typed."""
    query = search_text(query[:MAX_QUERY]) or ""
    terms: list[str] = []

    def words_outside(text: str) -> None:
        for token in text.split():
            words = _WORD_RE.findall(token)
            # "energ*" is a prefix search; a lone "*" or "-" is nothing.
            term = _term(words, prefix=token.endswith("*") and bool(words), forms=forms)
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
        terms = match_terms(topic, forms=True)
        if not terms:
            return "0", []        # a topic without a word matches nothing
        parts.append("(" + " AND ".join(terms) + ")")
    return f"rowid in (select rowid from {fts_table} where {fts_table} match ?)", [" AND ".join(parts)]


# -- the text FTS5 indexes ------------------------------------------------------------------
#
# Search sees page text, quotes and claims through the same folding as quote
# matching (kb.text.normalise.fold_char: ligatures, mathematical letters,
# full-width forms, accents, case), with words kept apart and a word broken
# across lines by a hyphen joined again. The index holds that folded text; the
# tables keep the text as printed, and snippets are cut from it (`snippet`).
# SQLite calls `search_text` as kb_search_text() in the triggers that fill the
# indexes, so every connection kb opens registers it (`register`).

SQL_FUNCTION = "kb_search_text"
#: How `search_text` folds: bumped when what it gives for a text changes, so that an index whose
#: full-text tables hold an older folding (meta row 'search_folding') fills them again, once, on
#: the next command (`KB.refold_search`), where only `kb rebuild` did: a search folded the new way
#: found nothing of what they hold the old way, and a row's delete trigger, folding it the new
#: way, told FTS5 to remove words it never held. 1: the increment sign '∆' folds as the delta 'δ'.
#: 2: a negating overlay (U+0338: "∉", "≮", "a" and U+0338) folds to '¬', where it was dropped.
#: 3: an arrow folds to one arrow of its kind ("⟶" as '→', "⟹" as '⇒'), where it folded to '>' or '=>'.
SEARCH_FOLDING = "3"

# A hyphen at a line end with a lowercase letter after the break: "efﬁ-\ncient".
_SOFT_BREAK = lazy(r"[-\u2010\u00ad][ \t]*\r?\n[ \t\r\n]*(?=[^\W\d_])")


class _SearchTable(dict):
    """str.translate table: each character to its folded form ('' when dropped);
    whitespace and hyphens stay word separators."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = fold_char(ch)
        value = " " if folded.isspace() or ch.isspace() else folded
        self[code] = value
        return value


_SEARCH = _SearchTable()


def _joins(s: str) -> list[tuple[int, int]]:
    """The (start, end) pieces of `s` left when line-break hyphenation is joined."""
    pieces, pos = [], 0
    for m in _SOFT_BREAK.finditer(s):
        before = s[m.start() - 1] if m.start() else ""
        if before.isalpha() and s[m.end()].islower():
            pieces.append((pos, m.start()))
            pos = m.end()
    pieces.append((pos, len(s)))
    return pieces


_NON_ASCII = lazy(r"[^\x00-\x7f]+")
_ascii: tuple[bytes, bytes] | None = None
_ASCII_BYTES = bytes(range(128))


def _ascii_table() -> tuple[bytes, bytes]:
    """_SEARCH for the 128 ASCII characters as a bytes.translate table and the bytes it
    deletes: each folds to one ASCII character or to nothing (a test holds it so)."""
    global _ascii
    if _ascii is None:
        table, delete = bytearray(range(256)), bytearray()
        for code in range(128):
            folded = _SEARCH[code]
            if folded:
                table[code] = ord(folded)
            else:
                delete.append(code)
        _ascii = bytes(table), bytes(delete)
    return _ascii


def _fold(s: str) -> str:
    """`s.translate(_SEARCH)`, faster for text that is mostly ASCII, as a page is
    (str.translate looks every character up in the table one by one). The ASCII
    characters are folded as bytes of the UTF-8 text, where each byte of any other
    character is 0x80 or above and so left alone; then each other character the text
    holds is replaced by its folded form."""
    table, delete = _ascii_table()
    data = s.encode("utf-8", "surrogatepass")
    folded = data.translate(table, delete).decode("utf-8", "surrogatepass")
    if folded.isascii():
        return folded
    # The other characters, found from their bytes (a set of the whole text would hash
    # every character), each replaced by its folded form: in one pass unless a folded
    # form holds another of them, which a second replacement would fold again.
    rest = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    others = {c: _SEARCH[ord(c)] for c in set(rest)}
    if any(c in others for folded_form in others.values() for c in folded_form):
        return _NON_ASCII.sub(lambda m: m.group().translate(_SEARCH), folded)
    for c, folded_form in others.items():
        folded = folded.replace(c, folded_form)
    return folded


def search_text(s: str | None) -> str | None:
    """What the full-text indexes hold for `s`: folded as quote matching folds
    ("efﬁcient" -> "efficient", "𝐶𝑂2𝑒𝑞" -> "co2eq"), words kept apart."""
    if s is None:
        return None
    s = str(s)
    pieces = _joins(s)
    return _fold(s if len(pieces) == 1 else "".join(s[a:b] for a, b in pieces))


def search_fold(s: str) -> tuple[str, list[int]]:
    """`search_text(s)` and, for each of its characters, the offset in `s` it came from."""
    out: list[str] = []
    origin: list[int] = []
    for a, b in _joins(s):
        piece = s[a:b].translate(_SEARCH)
        if len(piece) == b - a and all(len(_SEARCH[ord(c)]) == 1 for c in set(s[a:b])):
            out.append(piece)                       # one character for one: offsets as they are
            origin.extend(range(a, b))
            continue
        for i in range(a, b):
            folded = s[i].translate(_SEARCH)
            if folded:
                out.append(folded)
                origin.extend([i] * len(folded))
    return "".join(out), origin


TOPIC_FUNCTION = "kb_topic_key"
_TOPIC_GAPS = lazy(r"[\s_\-\u2010-\u2015\u2212]+")


_LETTERS = lazy(r"[^\W\d_]+")


def topic_key(s: str | None) -> str | None:
    """A tag as tags are compared (kb.store.queries.tags_clause): folded as search folds
    text (any case, accents, "CO₂e" as "co2e"), its words apart by one space whether
    spaces, hyphens or underscores part them ("carbon-intensity" is "carbon intensity"),
    each word of letters in the singular ("emissions" is "emission", "GPUs" "gpu");
    any other character kept ("C++" is not "C")."""
    if s is None:
        return None
    key = _TOPIC_GAPS.sub(" ", search_text(str(s)) or "").strip()
    return _LETTERS.sub(lambda m: singular(m.group()), key)


def register(conn) -> None:
    """Make kb_search_text() (the FTS triggers call it) and kb_topic_key() (tag filters call it)
    known to a connection."""
    conn.create_function(SQL_FUNCTION, 1, search_text, deterministic=True)
    conn.create_function(TOPIC_FUNCTION, 1, topic_key, deterministic=True)


def query_words(query: str, forms: bool = False) -> list[tuple[str, bool]]:
    """(word, is_prefix) of every word in a user query, folded as the index is; with
    `forms`, the singular and plural of each word `match_terms` finds them of too."""
    words: list[tuple[str, bool]] = []
    for token in (search_text(query[:MAX_QUERY]) or "").replace('"', " ").split():
        found = _WORD_RE.findall(token)
        for n, w in enumerate(found):
            prefix = token.endswith("*") and n == len(found) - 1
            words.extend((f, prefix) for f in (number_forms(w) if forms and not prefix else [w]))
    return list(dict.fromkeys(words))


def snippet(text: str, words: list[tuple[str, bool]], tokens: int = 16, open_: str = "«",
            close: str = "»", ellipsis: str = "…", vocabulary: Vocabulary | None = None) -> tuple[str, int]:
    """The `tokens`-word passage of `text` holding most of `words`, cut from the text
    as printed (ligatures, math letters and all), the matched words marked; and how
    many distinct words it holds. With the `vocabulary` of the paper the text is of, a
    word a line-end hyphen broke is written as the paper writes it elsewhere."""
    folded, origin = search_fold(text)
    spans = [(m.start(), m.end()) for m in _WORD_RE.finditer(folded)]
    if not spans:
        return "", 0
    exact = {w for w, prefix in words if not prefix}
    prefixes = tuple(w for w, prefix in words if prefix)

    def which(a: int, b: int) -> str | None:
        tok = folded[a:b]
        if tok in exact:
            return tok
        for p in prefixes:
            if tok.startswith(p):
                return p
        return None

    hits = [which(a, b) for a, b in spans]
    # The best window starts at a matched word: try those only.
    best, best_n = 0, 0
    for i in (k for k, h in enumerate(hits) if h):
        n = len({h for h in hits[i:i + tokens] if h})
        if n > best_n:
            best, best_n = i, n
            if n == len(words):
                break
    # Some words of context before the first hit, when the window has room for them.
    last = max((k for k in range(best, min(len(spans), best + tokens)) if hits[k]), default=best)
    best -= min(best, 3, tokens - 1 - (last - best))
    window = range(best, min(len(spans), best + tokens))
    parts = [ellipsis if best > 0 else ""]
    for k in window:
        a, b = spans[k]
        start, end = origin[a], origin[b - 1] + 1
        if k > best:
            prev_end = origin[spans[k - 1][1] - 1] + 1
            parts.append(text[prev_end:start])
        piece = text[start:end]
        parts.append(f"{open_}{piece}{close}" if hits[k] else piece)
    if window.stop < len(spans):
        parts.append(ellipsis)
    else:                               # the text's last word: its closing punctuation too
        parts.append(text[origin[spans[-1][1] - 1] + 1:][:40])
    cut = "".join(parts)
    if vocabulary is not None:
        cut = unbroken(cut, vocabulary)
    return readable(" ".join(cut.split())), max(best_n, 0)


def check(db, fts: str, content: str) -> None:
    """Raise sqlite3.DatabaseError when a full-text index is damaged or does not
    hold one entry per row of its table. (FTS5's own check against the table,
    'integrity-check' with rank 1, would read the table's text unfolded.)"""
    import sqlite3

    db.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
    indexed = db.execute(f"SELECT count(*) FROM {fts}_docsize").fetchone()[0]
    rows = db.execute(f"SELECT count(*) FROM {content}").fetchone()[0]
    if indexed != rows:
        raise sqlite3.DatabaseError(f"{indexed} entries for {rows} rows of {content}")
