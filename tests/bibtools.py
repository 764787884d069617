"""Other tools' readings of a .bib text, for round-trip tests: pybtex, bibtexparser 2,
classic BibTeX (through a style file written here that prints every field of every
entry), and bibtexparser 1 (which cannot be installed beside bibtexparser 2: it is run
in a subprocess from the folder KB_TEST_BIBTEXPARSER1 names, made by
`pip install --target DIR 'bibtexparser<2'`).

Each reader returns {citekey: {field: value}} with field names in lower case and
values with their whitespace collapsed; authors and editors as the tool gives them.
A reader whose tool is absent skips the test, saying why.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

MONTH_NAMES = ("January February March April May June July August September October November "
               "December").split()


def _squash(value: object) -> str:
    return " ".join(str(value).split())


def pybtex_fields(text: str) -> dict[str, dict[str, str]]:
    from pybtex.database.input.bibtex import Parser

    data = Parser().parse_string(text)
    out = {}
    for key, entry in data.entries.items():
        fields = {n.lower(): _squash(v) for n, v in entry.fields.items()}
        for role, persons in entry.persons.items():
            fields[role.lower()] = f"{len(persons)} names"
        out[key] = fields
    return out


def bibtexparser2_fields(text: str) -> dict[str, dict[str, str]]:
    import bibtexparser

    lib = bibtexparser.parse_string(text)
    assert not lib.failed_blocks, [b.error for b in lib.failed_blocks]
    return {e.key: {f.key.lower(): _squash(f.value) for f in e.fields} for e in lib.entries}


_BST = """ENTRY { %(fields)s } {} {}
%(macros)s
FUNCTION {default.type}
{ "@@" cite$ * write$ newline$
%(writes)s
}
READ
ITERATE {call.type$}
"""


def bibtex_fields(text: str, names: set[str], workdir: Path) -> dict[str, dict[str, str]]:
    """Classic BibTeX's reading: a style file declaring `names` writes each entry's
    non-empty fields, one per line, into the .bbl."""
    if not shutil.which("bibtex"):
        pytest.skip("classic BibTeX (bibtex) is not on PATH")
    workdir.mkdir(parents=True, exist_ok=True)
    names = sorted(n for n in names if re.fullmatch(r"[a-z][a-z0-9_.]*", n))
    macros = "\n".join(f'MACRO {{{m[:3].lower()}}} {{"{m}"}}' for m in MONTH_NAMES)
    writes = "\n".join(f'{n} empty$ \'skip$ {{ "{n}=" {n} * write$ newline$ }} if$' for n in names)
    (workdir / "fields.bst").write_text(_BST % {"fields": " ".join(names), "macros": macros, "writes": writes})
    (workdir / "refs.bib").write_text(text, "utf-8")
    (workdir / "t.aux").write_text("\\citation{*}\n\\bibdata{refs}\n\\bibstyle{fields}\n")
    r = subprocess.run(["bibtex", "-min-crossrefs=1000", "t"], cwd=workdir, capture_output=True, text=True,
                       timeout=120)
    assert "error message" not in r.stdout, r.stdout
    out: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    last = None
    for line in (workdir / "t.bbl").read_text("utf-8", errors="replace").splitlines():
        if line.startswith("@@"):
            current = out.setdefault(line[2:], {})
            last = None
        elif current is not None and re.match(r"[a-z][a-z0-9_.]*=", line) and line.split("=", 1)[0] in names:
            last, value = line.split("=", 1)
            current[last] = value
        elif current is not None and last is not None:      # BibTeX wraps long lines at a space
            current[last] += " " + line
    return {k: {n: _squash(v) for n, v in fields.items()} for k, fields in out.items()}


_BTP1 = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import bibtexparser
from bibtexparser.bparser import BibTexParser
assert bibtexparser.__version__.startswith("1."), bibtexparser.__version__
out = []
for path in sys.argv[2:]:          # each file read on its own, as a tool reads it
    parser = BibTexParser(common_strings=True, ignore_nonstandard_types=False, interpolate_strings=True)
    db = bibtexparser.loads(open(path, encoding="utf-8").read(), parser)
    out.append({e["ID"]: {k: v for k, v in e.items() if k not in ("ID", "ENTRYTYPE")} for e in db.entries})
print(json.dumps({"version": bibtexparser.__version__, "files": out}))
"""


def bibtexparser1_dir() -> Path:
    """The folder holding bibtexparser 1 (KB_TEST_BIBTEXPARSER1), or a skip saying how to make it."""
    value = os.environ.get("KB_TEST_BIBTEXPARSER1")
    if not value:
        pytest.skip("bibtexparser 1 is not available: set KB_TEST_BIBTEXPARSER1 to a folder made by "
                    "`pip install --target DIR 'bibtexparser<2'` (.ci/run does)")
    path = Path(value)
    if not (path / "bibtexparser").is_dir():
        pytest.skip(f"KB_TEST_BIBTEXPARSER1={value} holds no bibtexparser package")
    return path


def bibtexparser1_fields(text: str | list[str], workdir: Path) -> dict[str, dict[str, str]]:
    """bibtexparser 1's reading, in a subprocess whose sys.path starts with its folder;
    of several texts (each read on its own, in one subprocess), the entries of all."""
    folder = bibtexparser1_dir()
    workdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, one in enumerate([text] if isinstance(text, str) else text):
        paths.append(workdir / f"in{n}.bib")
        paths[-1].write_text(one, "utf-8")
    r = subprocess.run([sys.executable, "-c", _BTP1, str(folder), *map(str, paths)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    out: dict[str, dict[str, str]] = {}
    for entries in json.loads(r.stdout)["files"]:
        out.update({k: {n.lower(): _squash(v) for n, v in fields.items()} for k, fields in entries.items()})
    return out
