"""Operations: what kb's commands do, as library functions.

Each module takes an open knowledge base (kb.store) and arguments, uses the
lower layers (text, quantities, sources, graph) and returns values or raises
kb.errors.KBError; none prints. The CLI (kb.cli) and scripts call these.
"""
