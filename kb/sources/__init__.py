"""Sources: where papers come from, turned into metadata and page text.

The one HTTP client, arXiv, DOI/Crossref, Semantic Scholar, PDFs, BibTeX,
page text extracted elsewhere. Nothing here knows a knowledge base: each
module takes what it needs (a client, a folder, limits) as arguments.
"""
