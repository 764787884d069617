"""kb's version: one place, read by the package, the HTTP User-Agent and `kb --version`."""

VERSION = "0.1.0"
