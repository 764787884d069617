"""What linking (kb.graph.links) and the views (kb.graph.views) share about
the graph's tables: the Semantic Scholar method name, the one "no paper"
check, and chunked IN (...) lists."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from kb.store.queries import no_paper

if TYPE_CHECKING:
    from kb.store.sqlite import Database

__all__ = ["S2", "chunks", "require_paper"]

#: The method (and refs.source) of what Semantic Scholar says.
S2 = "semantic-scholar"
_CHUNK = 500


def require_paper(db: Database, citekey: str) -> tuple:
    """The paper's (citekey, title, year); NotFound when there is none."""
    row = db.execute("SELECT citekey, title, year FROM papers WHERE citekey = ?", [citekey]).fetchone()
    if row is None:
        raise no_paper(db.conn, citekey)        # the one wording, with the keys it may mean
    return tuple(row)


def chunks(items: Sequence[Any], n: int = _CHUNK) -> Iterable[Sequence[Any]]:
    """`items` in slices of `n`: SQLite limits the parameters of one statement."""
    for i in range(0, len(items), n):
        yield items[i:i + n]
