"""The package's layers, read from kb's own imports: the layout stays true.

Layers, bottom to top; a module imports from its own layer or below, never above:

    errors, atomic, version      what every layer uses
    text, quantities             pure functions over strings and numbers
    sources                      network, PDFs, BibTeX, metadata
    store                        a knowledge base on disk: files, cache, index
    graph                        the citation graph
    ops                          what the commands do
    cli                          the command line

kb's own imports are at module level (so the dependency graph is visible),
there are no import cycles between modules or between packages, and heavy
third-party libraries are imported inside the functions that need them.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

KB = Path(__file__).resolve().parents[1] / "kb"

LAYERS = [{"errors", "atomic", "version"}, {"text", "quantities"}, {"sources"}, {"store"}, {"graph"},
          {"ops"}, {"cli"}]
RANK = {part: i for i, layer in enumerate(LAYERS) for part in layer}
HEAVY = {"pint", "networkx", "pypdf", "pypdfium2", "requests", "bibtexparser", "rapidfuzz", "sqlite_utils",
         "tomlkit", "pylatexenc", "defusedxml", "pybtex"}


def _modules() -> dict[str, ast.Module]:
    out = {}
    for path in sorted(KB.rglob("*.py")):
        parts = path.relative_to(KB.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = ast.parse(path.read_text("utf-8"), str(path))
    return out


MODULES = _modules()


def _part(module: str) -> str:
    """The layer part of a module: kb.store.index -> store, kb.errors -> errors."""
    return module.split(".")[1] if "." in module else "kb"


def _targets(node: ast.ImportFrom) -> list[str]:
    out = []
    for alias in node.names:
        full = f"{node.module}.{alias.name}"
        out.append(full if full in MODULES else node.module)
    return out


def _type_checking_blocks(tree: ast.Module) -> set[int]:
    ids = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            ids.update(id(n) for n in ast.walk(node))
    return ids


def _imports() -> list[tuple[str, str, int, bool]]:
    """(importer, imported kb module, line, at module level) for every kb import."""
    found = []
    for name, tree in MODULES.items():
        top = {id(n) for n in tree.body} | _type_checking_blocks(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                found.append((name, f"<relative import level {node.level}>", node.lineno, id(node) in top))
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "kb":
                for target in _targets(node):
                    found.append((name, target, node.lineno, id(node) in top))
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == "kb":
                        found.append((name, alias.name, node.lineno, id(node) in top))
    return found


def test_the_walk_sees_the_package():
    assert {"kb.store.index", "kb.cli.app", "kb.text.match", "kb.quantities.units"} <= set(MODULES)
    assert len(_imports()) > 100


def test_every_module_belongs_to_a_layer():
    assert {_part(m) for m in MODULES} - {"kb", "__main__"} <= set(RANK), \
        "a new package or root module needs a place in LAYERS (and in docs/ARCHITECTURE.md)"


def test_kb_imports_are_absolute_and_at_module_level():
    inside = [f"{m}:{line} imports {t}" for m, t, line, top in _imports() if not top or t.startswith("<")]
    assert inside == []


def test_imports_never_go_up_a_layer():
    wrong = []
    for importer, target, line, _ in _imports():
        if importer in ("kb", "kb.__main__"):
            continue            # the package's face and `python -m kb` may use anything
        if target == "kb":
            wrong.append(f"{importer}:{line} imports the package itself")
            continue
        src, dst = _part(importer), _part(target)
        if RANK[dst] > RANK[src]:
            wrong.append(f"{importer}:{line} ({src}) imports {target} ({dst})")
    assert wrong == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in list(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles_between_modules():
    graph: dict[str, set[str]] = defaultdict(set)
    for importer, target, _, _ in _imports():
        if importer != "kb" and target in MODULES and target != importer:
            graph[importer].add(target)
    assert _cycles(graph) == []


def test_no_import_cycles_between_packages():
    graph: dict[str, set[str]] = defaultdict(set)
    for importer, target, _, _ in _imports():
        if importer in ("kb", "kb.__main__") or target not in MODULES:
            continue
        src, dst = _part(importer), _part(target)
        if src != dst:
            graph[src].add(dst)
    assert _cycles(graph) == []


def test_heavy_libraries_are_imported_where_they_are_used():
    eager = []
    for name, tree in MODULES.items():
        skip = _type_checking_blocks(tree)
        for node in tree.body:
            if id(node) in skip:
                continue
            if isinstance(node, ast.Import):
                roots = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                roots = [node.module.split(".")[0]]
            else:
                continue
            eager += [f"{name}:{node.lineno} imports {r}" for r in roots if r in HEAVY]
    assert eager == []


def test_no_private_name_crosses_a_module():
    crossing = []
    for importer, tree in MODULES.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kb"):
                crossing += [f"{importer}:{node.lineno} imports {node.module}.{a.name}"
                             for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
    assert crossing == []


def test_the_public_surface_is_declared():
    import kb

    assert kb.__all__ and all(hasattr(kb, name) for name in kb.__all__)
    assert "open_kb" in kb.__all__ and "KBError" in kb.__all__
