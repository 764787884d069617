"""The `kb` command line: parses arguments, calls kb.ops, prints results."""
