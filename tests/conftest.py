"""Shared fixtures: an isolated environment, a temporary knowledge base, a
local HTTP server that serves recorded responses, and a way to run `kb`."""

from __future__ import annotations

import compileall
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
import realpdf
from httpserver import LocalServer
from hypothesis import settings
from kbcache import from_template
from kbrun import run_kb

# Every property test runs the same inputs on every run, and keeps no database of past
# failures: a run fails or passes on the code alone, never on what an earlier run found.
# KB_FUZZ_RANDOM=1 draws new inputs (a failure found so is then pinned with @example).
settings.register_profile("kb", derandomize=not os.environ.get("KB_FUZZ_RANDOM"), database=None)
settings.load_profile("kb")


def _kb_setting(key: str) -> bool:
    """A setting of kb's own (KB_HOME, KB_OFFLINE, ...), not of the tests (KB_TEST_*)."""
    return key.startswith("KB_") and not key.startswith("KB_TEST_")


KB_ENV = [k for k in os.environ if _kb_setting(k)]


@pytest.fixture(scope="session")
def scratch(tmp_path_factory) -> Path:
    """The folder of the test process's per-test folders (its cwd, its tmp_path). pytest
    numbers each folder it makes (tmp_path_factory.mktemp) by listing the folder it makes
    it in: over a run of thousands of tests that listing grew with every test, quadratic,
    about 7 s of CPU per test process. tempfile names each folder here uniquely without
    listing anything."""
    return tmp_path_factory.mktemp("t")


@pytest.fixture
def tmp_path(request, scratch) -> Path:
    """pytest's tmp_path, made in `scratch`: a new empty folder for the test, named after it."""
    name = re.sub(r"\W", "_", request.node.name)[:30]
    return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=scratch))


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch, scratch):
    """No test sees the user's KB_* settings, reaches the internet or writes in the user's home."""
    for key in list(os.environ):
        if _kb_setting(key):
            monkeypatch.delenv(key, raising=False)
    dead = "http://127.0.0.1:9"   # discard port: connection refused, never the internet
    for name in ("KB_ARXIV_API_URL", "KB_ARXIV_PDF_URL", "KB_DOI_URL", "KB_CROSSREF_URL", "KB_S2_API_URL"):
        monkeypatch.setenv(name, dead)
    monkeypatch.setenv("KB_ARXIV_DELAY", "0")
    monkeypatch.setenv("KB_S2_DELAY", "0")
    monkeypatch.setenv("KB_BACKOFF", "0.01")
    monkeypatch.setenv("KB_RETRIES", "2")
    monkeypatch.setenv("KB_REFUSED_TIMEOUT", "0.3")     # a refused port is retried for 5 s by default
    monkeypatch.setenv("KB_PROGRESS", "0")
    monkeypatch.setenv("KB_CONNECT_TIMEOUT", "2")
    monkeypatch.setenv("KB_READ_TIMEOUT", "5")
    monkeypatch.setenv("KB_TOTAL_TIMEOUT", "20")
    cwd = tempfile.mkdtemp(prefix="cwd-", dir=scratch)
    monkeypatch.chdir(cwd)
    # kb keeps a bug's traceback in $XDG_CACHE_HOME/kb (else ~/.cache/kb): a test's, beside its folder,
    # made only when written, never over the user's own
    monkeypatch.setenv("XDG_CACHE_HOME", cwd + "-cache")


@pytest.fixture
def kb_root(tmp_path, monkeypatch) -> Path:
    """A fresh knowledge base, selected through KB_HOME: made by `kb init` once per test
    process and copied (making its index's schema takes a tenth of a second)."""
    from kb.store.knowledgebase import init

    root = from_template("fresh", tmp_path / "kb", lambda: init(tmp_path / "kb"))
    monkeypatch.setenv("KB_HOME", str(root))
    return root


@pytest.fixture
def kb():
    return run_kb


@pytest.fixture
def server(monkeypatch):
    srv = LocalServer()
    monkeypatch.setenv("KB_ARXIV_API_URL", srv.url + "/api/query")
    monkeypatch.setenv("KB_ARXIV_PDF_URL", srv.url + "/pdf")
    monkeypatch.setenv("KB_DOI_URL", srv.url + "/doi")
    monkeypatch.setenv("KB_CROSSREF_URL", srv.url + "/crossref")
    monkeypatch.setenv("KB_S2_API_URL", srv.url + "/s2")
    yield srv
    srv.close()


def pytest_collection_modifyitems(config, items):
    """The long tests (marked slow) first: on two processes, a long test begun last keeps
    one process busy while the other waits, and a loaded machine stretches that wait."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_configure(config):
    """In the run's first process, before the test processes start:

    * kb's modules compiled to bytecode once. The suite starts about 130 Python
      processes (kb commands run as processes, bulk ingest's workers), and where
      bytecode is not written (PYTHONDONTWRITEBYTECODE, on a fresh clone) each of
      them would compile every kb module it imports again, about 0.4 s of CPU
      apiece. compileall writes only what is missing or out of date, and a process
      that finds it loads exactly what the source says;
    * the test modules' bytecode, as pytest rewrites their asserts, written once
      (_rewrite_once) where the test processes would each write it at the same time;
    * a folder the test processes share for the run (tests/realpdf.py), removed at
      its end."""
    if hasattr(config, "workerinput"):
        return
    if sys.dont_write_bytecode:
        import kb

        compileall.compile_dir(Path(kb.__file__).parent, quiet=2)     # a tree it cannot write: as before
    _rewrite_once(config)
    config._kb_shared = tempfile.mkdtemp(prefix="kb-tests-")
    os.environ[realpdf.SHARED] = config._kb_shared


def _rewrite_once(config) -> None:
    """On a fresh clone each test process rewrote the asserts of every test module (1.5 MB
    of them) and compiled them, about 7 s of CPU apiece: four processes, 28 s, at once, on a
    loaded 2-core machine the largest part of the run's start. Where some module's bytecode is
    missing or older than its source, one collection in one process writes it first (pytest's
    own cache, __pycache__/*-pytest-*.pyc), and the test processes load it. Where Python writes
    no bytecode (PYTHONDONTWRITEBYTECODE) that collection writes it all the same, as kb's own is
    compiled above: pytest reads that cache even so, and without it every test process rewrote
    every module on every run, not only on a fresh clone (10 s of CPU apiece, a fifth of the run)."""
    workers = config.getoption("numprocesses", None) if config.pluginmanager.hasplugin("xdist") else None
    if not workers or os.environ.get("KB_TEST_REWRITTEN"):
        return
    here = Path(__file__).resolve().parent
    tag = f"{sys.implementation.cache_tag}-pytest-{pytest.__version__}.pyc"
    stale = False
    for source in here.rglob("test_*.py"):
        compiled = source.parent / "__pycache__" / f"{source.stem}.{tag}"
        try:
            if compiled.stat().st_mtime < source.stat().st_mtime:
                stale = True
                break
        except OSError:
            stale = True
            break
    if stale:
        import subprocess

        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-n", "0", "-p", "no:cacheprovider",
                        str(here)], cwd=here.parent, env=dict(env, KB_TEST_REWRITTEN="1"),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def pytest_unconfigure(config):
    shared = getattr(config, "_kb_shared", None)
    if shared:
        shutil.rmtree(shared, ignore_errors=True)
        os.environ.pop(realpdf.SHARED, None)
