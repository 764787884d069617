"""DOIs: BibTeX by content negotiation, Crossref JSON as the fallback."""

from __future__ import annotations

import urllib.parse

from kb.errors import NetworkError, NotFound
from kb.sources.bibtex import parse_entries
from kb.sources.metadata import PaperMeta, from_bib_fields, from_crossref
from kb.sources.net import Client, HTTPStatusError, endpoint

TTL = 7 * 24 * 3600.0


def _quote(doi: str) -> str:
    return urllib.parse.quote(doi, safe="/:;()")


def fetch_bibtex(client: Client, doi: str) -> PaperMeta | None:
    """Content negotiation at doi.org; None when it gives no usable BibTeX."""

    url = f"{endpoint('KB_DOI_URL')}/{_quote(doi)}"
    try:
        response = client.get(url, service="doi", headers={"Accept": "application/x-bibtex"},
                              cache_ttl=TTL, label=f"DOI {doi}")
    except HTTPStatusError as exc:
        if exc.response.status == 404:
            raise NotFound(f"the DOI {doi} does not resolve (doi.org: DOI Not Found)",
                           hint="check it for typos") from None
        return None
    text = response.text.strip()
    if not text.startswith("@"):
        return None
    try:
        entries = parse_entries(text, source=url)
    except Exception:
        return None
    if not entries:
        return None
    entry_type, _key, fields = entries[0]
    meta = from_bib_fields(entry_type, fields, origin="doi")
    meta.doi = meta.doi or doi
    if not meta.url or "doi.org" in (meta.url or ""):
        meta.url = f"https://doi.org/{doi}"
    return meta


def fetch_crossref(client: Client, doi: str) -> PaperMeta:
    url = f"{endpoint('KB_CROSSREF_URL')}/works/{_quote(doi)}"
    try:
        response = client.get(url, service="doi", cache_ttl=TTL, label=f"Crossref {doi}")
    except HTTPStatusError as exc:
        if exc.response.status == 404:
            raise NotFound(f"the DOI {doi} is unknown to Crossref and does not resolve") from None
        raise
    data = response.json()
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(message, dict):
        raise NetworkError(f"Crossref sent an unexpected answer for {doi}")
    return from_crossref(message)


def fetch(client: Client, doi: str) -> PaperMeta:
    meta = fetch_bibtex(client, doi)
    if meta is not None and meta.title:
        return meta
    return fetch_crossref(client, doi)
