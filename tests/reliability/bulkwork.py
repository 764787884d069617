"""What the worker processes of kb.ops.bulk run in the tests that break them.

A worker receives the function it runs by name, so these live in a module a
fresh interpreter can import (tests/reliability is on the tests' path), not in
a test file: a PDF whose bytes hold CRASH_MARK kills the process extracting it
as a crash inside PDFium would (SIGSEGV); SLOW_MARK makes extraction take
seconds, so a test can kill kb while workers are busy."""

from __future__ import annotations

import os
import signal
import threading
import time

from kb.ops import bulk

CRASH_MARK = b"%kb-test: crash the extractor"
SLOW_MARK = b"%kb-test: extract slowly"
STUCK_MARK = b"%kb-test: leave PDFium reading"


def crash_on_mark(task: bulk.Task, limits) -> bulk.Outcome:
    if CRASH_MARK in task.data:
        os.kill(os.getpid(), signal.SIGSEGV)
    return bulk.extract_task(task, limits)


def slow_on_mark(task: bulk.Task, limits) -> bulk.Outcome:
    if SLOW_MARK in task.data:
        time.sleep(30)
    return bulk.extract_task(task, limits)


def stuck_on_mark(task: bulk.Task, limits) -> bulk.Outcome:
    """As PDFium left reading a page past a limit: kb's mark of a reading not returned, and a
    thread that keeps the process from ending by itself for a minute (as the page would)."""
    if STUCK_MARK in task.data:
        from kb.sources import pdf

        threading.Thread(target=time.sleep, args=(60,), name="a page PDFium still reads").start()
        pdf._READ[:] = [threading.Event()]
    return bulk.extract_task(task, limits)


def marked(pdf: bytes, mark: bytes) -> bytes:
    """The PDF with a comment line after its end: the same document to any reader,
    other bytes (another sha256)."""
    return pdf + mark + b"\n"


def pid_or_die_elsewhere(parent: int) -> int:
    """This process's pid; in any process but `parent`, a crash instead (SIGSEGV)."""
    if os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGSEGV)
    return os.getpid()


def square_or_die_at(item: tuple[int, int, int]) -> tuple[int, int]:
    """(n, n*n, pid) for item (n, die_at, parent): in a process other than `parent`, n ==
    die_at kills it (SIGSEGV), as a crash in a library would break a pool."""
    n, die_at, parent = item
    if n == die_at and os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGSEGV)
    return n, n * n, os.getpid()
