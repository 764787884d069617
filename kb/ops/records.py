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


def write_record(kb: KB, citekey: str, section: str, record: dict, replace_id: str | None = None) -> bool:
    """Append (or replace) one record in claims/<citekey>.toml and re-index that file. Whether
    the file was written: a record replaced by itself (a `kb quote add` or `kb claim add` run
    again) leaves the file as it was, its bytes and its mtime, and the index with it."""
    path = kb.layout.claims_file(citekey)
    held = read_for_edit(path)
    existing = held.text
    header = None
    if not existing:
        title = kb.conn.execute("select title from papers where citekey = ?", [citekey]).fetchone()
        header = (f"Quotes and claims from {citekey}" + (f": {title[0]}" if title and title[0] else "")
                  + "\nThe truth for kb: edit by hand if you like; kb re-indexes on its next run.")
    if replace_id is not None and existing and _held_as(existing, path, section, replace_id) == _plain(record):
        return False        # replaced by itself: rewriting would only move it among the file's tables
    text = add_record(existing, section, record, header_comment=header, replace_id=replace_id,
                      path=f"claims/{path.name}")
    if existing and text == existing:
        return False
    if "[[claim]]" in text:
        registry()      # load pint now, not between writing the file and indexing it
    kb.layout.claims.mkdir(exist_ok=True)
    kb.write_file(path, held.written(text), held.read_as)
    _reindex(kb, f"claims/{path.name}")
    return True


def _held_as(text: str, path, section: str, record_id: str) -> dict | None:
    """The record `record_id` of `section` as the file holds it (its empty fields left out), or None."""
    for held in load_toml(text, f"claims/{path.name}").get(section, []):
        if isinstance(held, dict) and held.get("id") == record_id:
            return _plain(held)
    return None


def _plain(record: dict) -> dict:
    """A record's fields that a file holds: none of None, an empty list or an empty string."""
    return {k: v for k, v in record.items() if v not in (None, [], "")}


def merge_said(merged: list[str], wrote: bool, held: dict | None, record: dict) -> list[str]:
    """What a re-add merged, as it turned out: a record that left its file as it was merged nothing
    it could change ("replaced the stored claim" by the same claim: "unchanged"); one whose merge
    found nothing to add but was written all the same (a quote stored unverified, found now)
    names the fields it updated, where "unchanged" was said of a file kb had just rewritten."""
    if not merged:
        return merged
    if not wrote:
        kept = [m for m in merged if m.startswith("kept ")]
        return kept or ["unchanged"]
    if merged == ["unchanged"]:
        old = {k: v for k, v in (held or {}).items() if v not in (None, [], "")}
        new = {k: v for k, v in record.items() if v not in (None, [], "")}
        changed = sorted(k for k in {*old, *new} if k != "id" and old.get(k) != new.get(k))
        return [f"updated {', '.join(changed)}" if changed else "updated"]
    return merged


def outcome(merged: list[str], wrote: bool) -> str:
    """What a `kb quote add` or `kb claim add` did, the first word of the line it prints: 'stored' (a
    new record), 'updated' (a stored one written again, changed) or 'unchanged' (its file as it was)."""
    return "unchanged" if not wrote else "updated" if merged else "stored"


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
