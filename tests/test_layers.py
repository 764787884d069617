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
third-party libraries are imported inside the functions that need them. A module
kb loads when first used is named at module level too (`index =
lazy_import("kb.store.index")`, kb.lazyimport): it counts as an import here, and no
function may take its name for a variable of its own (the module would be out of
reach there, or a name in the function unbound).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from functools import cache
from pathlib import Path

KB = Path(__file__).resolve().parents[1] / "kb"

LAYERS = [{"errors", "atomic", "version", "lazyimport"}, {"text", "quantities"}, {"sources"}, {"store"}, {"graph"},
          {"ops"}, {"cli"}]
RANK = {part: i for i, layer in enumerate(LAYERS) for part in layer}
HEAVY = {"pint", "networkx", "pypdf", "pypdfium2", "requests", "bibtexparser", "rapidfuzz", "sqlite_utils",
         "tomlkit", "pylatexenc", "defusedxml", "pybtex"}


@cache
def _modules() -> dict[str, ast.Module]:
    """Every kb module's syntax tree, by module name: read on first use, so that only
    the test process running these tests reads them, not each one collecting them."""
    out = {}
    for path in sorted(KB.rglob("*.py")):
        parts = path.relative_to(KB.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = ast.parse(path.read_text("utf-8"), str(path))
    return out


def _part(module: str) -> str:
    """The layer part of a module: kb.store.index -> store, kb.errors -> errors."""
    return module.split(".")[1] if "." in module else "kb"


def _targets(node: ast.ImportFrom) -> list[str]:
    out = []
    for alias in node.names:
        full = f"{node.module}.{alias.name}"
        out.append(full if full in _modules() else node.module)
    return out


def _type_checking_blocks(tree: ast.Module) -> set[int]:
    ids = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            ids.update(id(n) for n in ast.walk(node))
    return ids


def _lazy_imports(tree: ast.Module) -> dict[str, tuple[str, int]]:
    """name -> (kb module, line) of every `name = lazy_import("kb....")` at module level."""
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name) \
                and node.value.func.id == "lazy_import" and len(node.value.args) == 1 \
                and isinstance(node.value.args[0], ast.Constant):
            out[node.targets[0].id] = (node.value.args[0].value, node.lineno)
    return out


def _lazy_calls(tree: ast.Module) -> list[tuple[int, bool]]:
    """(line, at module level as `name = lazy_import("kb....")`) of every call of lazy_import."""
    lazy = {line for _, line in _lazy_imports(tree).values()}
    return [(n.lineno, n.lineno in lazy) for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "lazy_import"]


@cache
def _imports() -> tuple[tuple[str, str, int, bool], ...]:
    """(importer, imported kb module, line, at module level) for every kb import; read
    once for the tests that use it."""
    found = []
    for name, tree in _modules().items():
        found += [(name, target, line, True) for target, line in _lazy_imports(tree).values()]
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
    return tuple(found)


def test_the_walk_sees_the_package():
    # Not marked slow: the slow tests are begun first, apart from the others, and the walk
    # (2 s of parsing, _modules) was then made again by the process running the rest of this file.
    assert {"kb.store.index", "kb.cli.app", "kb.text.match", "kb.quantities.units"} <= set(_modules())
    assert len(_imports()) > 100


def test_every_module_belongs_to_a_layer():
    assert {_part(m) for m in _modules()} - {"kb", "__main__"} <= set(RANK), \
        "a new package or root module needs a place in LAYERS (and in docs/ARCHITECTURE.md)"


def test_kb_imports_are_absolute_and_at_module_level():
    inside = [f"{m}:{line} imports {t}" for m, t, line, top in _imports() if not top or t.startswith("<")]
    assert inside == []


def test_lazy_imports_name_kb_modules_at_module_level_and_are_never_shadowed():
    wrong = []
    for name, tree in _modules().items():
        wrong += [f"{name}:{line} calls lazy_import other than as `name = lazy_import(\"kb....\")` at module "
                  "level" for line, plain in _lazy_calls(tree) if not plain and name != "kb.lazyimport"]
        lazy = _lazy_imports(tree)
        wrong += [f"{name}:{line} lazily imports {target}, which is not a kb module"
                  for target, line in lazy.values() if target not in _modules()]
        for node in tree.body:                  # bound again at module level: a def, a class, an import
            bound = set()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                bound = {node.name}
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                bound = {(a.asname or a.name).split(".")[0] for a in node.names}
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and node.lineno not in \
                    {line for _, line in lazy.values()}:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                bound = {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
            wrong += [f"{name}:{node.lineno} binds {n!r} again, the lazily imported {lazy[n][0]}"
                      for n in sorted(bound & set(lazy))]
        if not lazy:
            continue                            # no lazily imported name to shadow
        for func in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))):
            local = {a.arg for a in func.args.args + func.args.kwonlyargs + func.args.posonlyargs}
            local |= {a.arg for a in (func.args.vararg, func.args.kwarg) if a}
            for node in ast.walk(func):
                if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
                    local.add(node.id)
                elif isinstance(node, (ast.Import, ast.ImportFrom)):
                    local |= {(a.asname or a.name).split(".")[0] for a in node.names}
                elif isinstance(node, ast.ExceptHandler) and node.name:
                    local.add(node.name)
            wrong += [f"{name}:{func.lineno} uses {n!r}, the lazily imported {lazy[n][0]}, as a name of its own"
                      for n in sorted(local & set(lazy))]
    assert wrong == []


def test_a_lazy_module_loads_when_first_used_and_is_the_module_then():
    import subprocess
    import sys

    code = ("import sys\nfrom kb.lazyimport import lazy_import\n"
            "m = lazy_import('kb.text.refs')\nassert 'kb.text.refs' not in sys.modules, 'loaded too soon'\n"
            "assert 'not loaded yet' in repr(m)\nf = m.find_references\n"
            "import kb.text.refs as real\nassert f is real.find_references and 'loaded' in repr(m)\n"
            "assert lazy_import('kb.text.refs') is real\n"
            "try:\n    m.no_such_name\nexcept AttributeError:\n    pass\nelse:\n    raise SystemExit('no error')\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_a_command_reading_an_index_in_step_loads_no_writer(tmp_path):
    """kb search, claims, quote ls, ls, show and where on a knowledge base whose files did not
    change load neither the indexer, the derive step, PDF extraction, the network client nor
    BibTeX reading: a third of their start-up (kb.lazyimport). The first command, which
    indexes a changed file, does load them."""
    import os

    from freshproc import fresh_runs

    (tmp_path / "claims").mkdir()
    (tmp_path / "kb.toml").write_text("")
    (tmp_path / "references.bib").write_text("@article{doe2020,\n  title = {Energy},\n  author = {Doe, Jo},\n"
                                             "  year = {2020},\n}\n")
    writers = ["kb.store.index", "kb.ops.derive", "kb.sources.pdf", "kb.sources.net", "kb.sources.bibtex",
               "kb.ops.papers", "kb.text.refs", "kb.graph.links"]
    reads = [["ls"], ["show", "doe2020"], ["search", "energy"], ["claims", "--paper", "doe2020"], ["quote", "ls"],
             ["where"]]
    runs = fresh_runs(tmp_path, [["ls"], *reads], writers, env=dict(os.environ))
    assert [rc for rc, *_ in runs] == [0] * len(runs), runs
    assert "kb.store.index" in runs[0][1]                   # references.bib is new to the index
    assert {" ".join(args): run[1] for args, run in zip(reads, runs[1:]) if run[1]} == {}


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
        if importer != "kb" and target in _modules() and target != importer:
            graph[importer].add(target)
    assert _cycles(graph) == []


def test_no_import_cycles_between_packages():
    graph: dict[str, set[str]] = defaultdict(set)
    for importer, target, _, _ in _imports():
        if importer in ("kb", "kb.__main__") or target not in _modules():
            continue
        src, dst = _part(importer), _part(target)
        if src != dst:
            graph[src].add(dst)
    assert _cycles(graph) == []


def test_heavy_libraries_are_imported_where_they_are_used():
    eager = []
    for name, tree in _modules().items():
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
    for importer, tree in _modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kb"):
                crossing += [f"{importer}:{node.lineno} imports {node.module}.{a.name}"
                             for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
    assert crossing == []


def test_the_public_surface_is_declared():
    import kb

    assert kb.__all__ and all(hasattr(kb, name) for name in kb.__all__)
    assert "open_kb" in kb.__all__ and "KBError" in kb.__all__
