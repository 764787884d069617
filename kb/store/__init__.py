"""Store: a knowledge base on disk.

Where it lives, the truth files (references.bib, claims/*.toml), the source
cache, and the SQLite index kept in step with them (files -> tables only).
"""
