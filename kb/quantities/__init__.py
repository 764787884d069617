"""Quantities: numbers with units and the precision they were written with.

pint units (CO2-equivalent a dimension of its own), interval arithmetic,
check expressions parsed by hand (never eval), finding numbers in page text.
Pure: no knowledge base, no files.
"""
