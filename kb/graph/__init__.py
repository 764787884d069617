"""The citation graph: reference lists linked to papers, and views of it."""
