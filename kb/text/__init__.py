"""Text: pure functions over strings, no knowledge base and no network.

Normalising page text and quotes for matching, finding a quote in a paper's
pages, reading a note's quotes and references, parsing reference lists and
author names, recognising identifiers (arXiv ids, DOIs) in text.
"""
