"""Every script under benchmarks/ compiles on the Python kb supports: the suite runs none of
them, and an f-string only Python 3.12 reads (quotes of its own kind nested in it) once left
benchmarks/bibtex.py unrunnable on 3.11 with every test green."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).resolve().parents[1] / "benchmarks").glob("*.py"))


def test_there_are_benchmarks():
    assert len(BENCHMARKS) >= 10, BENCHMARKS


@pytest.mark.parametrize("path", BENCHMARKS, ids=lambda p: p.name)
def test_a_benchmark_compiles(path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")      # an invalid escape ('\\p' in a docstring) a later Python refuses
        compile(path.read_text("utf-8"), str(path), "exec", dont_inherit=True)
