"""Writing one record (a quote, a claim) into claims/<citekey>.toml, and the index after it.

The file is the truth: it is written first (atomically), then re-indexed with
its derived data in one transaction. Callers hold the writer lock.
"""

from __future__ import annotations

import copy

from kb.errors import FileFormatError
from kb.quantities.units import registry
from kb.store.claimsfile import add_record, load_toml, read_for_edit, remove_record
from kb.store.knowledgebase import KB
from kb.store.sqlite import transaction


def write_record(kb: KB, citekey: str, section: str, record: dict, replace_id: str | None = None) -> None:
    """Append (or replace) one record in claims/<citekey>.toml and re-index that file."""
    path = kb.layout.claims_file(citekey)
    held = read_for_edit(path)
    existing = held.text
    header = None
    if not existing:
        title = kb.conn.execute("select title from papers where citekey = ?", [citekey]).fetchone()
        header = (f"Quotes and claims from {citekey}" + (f": {title[0]}" if title and title[0] else "")
                  + "\nThe truth for kb: edit by hand if you like; kb re-indexes on its next run.")
    text = add_record(existing, section, record, header_comment=header, replace_id=replace_id,
                      path=f"claims/{path.name}")
    if "[[claim]]" in text:
        registry()      # load pint now, not between writing the file and indexing it
    kb.layout.claims.mkdir(exist_ok=True)
    kb.write_file(path, held.written(text), held.read_as)
    _reindex(kb, f"claims/{path.name}")


def write_records(kb: KB, citekey: str, section: str, records: list[dict]) -> None:
    """Append several records without ids (e.g. [[dismissed]]) in one write and one re-index."""
    path = kb.layout.claims_file(citekey)
    held = read_for_edit(path)
    text = held.text
    for record in records:
        text = add_record(text, section, record, path=f"claims/{path.name}")
    kb.layout.claims.mkdir(exist_ok=True)
    kb.write_file(path, held.written(text), held.read_as)
    _reindex(kb, f"claims/{path.name}")


def stored_record(kb: KB, citekey: str, section: str, record_id: str) -> dict | None:
    """The record `record_id` of `section` in claims/<citekey>.toml as the file holds it
    (None when there is none): what a re-add merges with."""
    path = kb.layout.claims_file(citekey)
    if not path.is_file():
        return None
    try:
        data = load_toml(read_for_edit(path).text, f"claims/{path.name}")
    except (FileFormatError, UnicodeDecodeError):
        return None
    found = next((r for r in data.get(section, []) if isinstance(r, dict) and r.get("id") == record_id), None)
    return copy.deepcopy(found)         # the file's read is kept for the next read of the same text


def drop_record(kb: KB, rel: str, section: str, record_id: str) -> None:
    """Remove one record from the claims file `rel` (relative to the root) and re-index it."""
    path = kb.root / rel
    held = read_for_edit(path)
    kb.write_file(path, held.written(remove_record(held.text, section, record_id, rel)), held.read_as)
    _reindex(kb, rel)


def _reindex(kb: KB, rel: str) -> None:
    with transaction(kb.db):
        kb.indexer.reindex_claims(rel, kb.root / rel)
        kb.derive_pending()
