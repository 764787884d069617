"""kb: a literature-and-claims knowledge base.

Quotes are verified against the paper's own text, numbers are recomputed with
units, and a note's quotes can be linted against their sources.
"""

__version__ = "0.1.0"
