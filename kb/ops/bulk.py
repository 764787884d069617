"""Many PDFs' text extracted on every core, committed by one writer in order.

`kb import` of a library whose entries name PDFs and `kb add` of many PDF files
spend most of their time extracting text, which needs no knowledge base: it is
a pure function of the file's bytes (kb.sources.pdf.extract_plan), and so is
the reference list parsed from that text (kb.text.refs). So both run in a pool
of worker processes while this process, the one writer, takes each result in
the order the items were given and commits that paper (references.bib, the
source cache, the index) as `kb add` of one file does. The order of the commits, and so every file and row they write, is the
same whatever the number of workers; `jobs=1` extracts in this process, with
no pool at all (the kb command's --jobs 1 in one worker: `apart`).

A worker that dies (a crash in a PDF library, killed from outside) breaks the
pool; the items it may have held are then extracted again one at a time, each
in a process of its own, so the one that crashes is named and fails alone
(`Outcome.crashed`) while the others go on. A worker also ends itself when
this process is gone (killed mid-way), instead of waiting for work forever.

Workers are spawned (a fresh interpreter each; forking a process that runs
threads can copy a held lock into the child), so, as multiprocessing requires,
a script that calls this with more than one job guards its top level with
`if __name__ == "__main__":`; the library's default is one job, in-process.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Callable, Generic, Iterable, Iterator, TypeVar

from kb.errors import KBError, LimitExceeded, PDFError
from kb.lazyimport import lazy_import

# Loaded when a PDF is extracted (here or in a worker), not by the commands that only
# ask how many cores there are (default_jobs, in kb add's help).
pdf = lazy_import("kb.sources.pdf")
refs = lazy_import("kb.text.refs")

T = TypeVar("T")

#: Tasks handed to the pool ahead of the writer, per worker: enough that no worker
#: waits while the writer commits, few enough that memory holds a handful of PDFs.
AHEAD_PER_WORKER = 2


@dataclass
class Task:
    """One PDF to extract: its bytes, the extractors to use (pdf.parse_plan) and
    the name messages give it."""
    data: bytes
    plan: str | None
    source: str


@dataclass
class Outcome:
    """What extracting one task gave: its text, or the error extraction raised
    (encrypted, corrupt, over a limit), or, when the process extracting it died,
    why (`crashed`); `refused` is the error raised while preparing the task (the
    file is missing, unreadable, not a PDF), when it never reached extraction."""
    result: pdf.Extracted | None = None
    error: KBError | None = None
    crashed: str = ""
    refused: KBError | None = None
    references: list | None = None      # the text's reference list (kb.text.refs), parsed here too
    #: The process (its id) that extracted it, when PDFium is left reading a page there past a
    #: limit: PDFium cannot be stopped mid-page, and goes on taking memory until the page ends
    #: (gigabytes: a page of millions of characters), so that process must end (_end_left_reading).
    left_reading: int = 0


@dataclass
class Done(Generic[T]):
    """An item, the task made of it (None: nothing to extract) and its outcome."""
    item: T
    task: Task | None
    outcome: Outcome


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def extract_task(task: Task, limits: pdf.Limits) -> Outcome:
    """Extract one task (in a worker, or in this process with jobs=1). Whatever the
    file does to the extractor is this task's outcome, never an exception that
    would end the batch."""
    try:
        result = pdf.extract_plan(task.data, task.plan, limits, source=task.source)
        # The reference list is a pure function of the pages too: parsed on this core, it
        # leaves the one writer's derive step less to do (kb.ops.derive takes it as given).
        references = refs.find_references(result.pages) if result.status == "ok" and result.pages else None
        outcome = Outcome(result=result, references=references)
    except (PDFError, LimitExceeded) as exc:
        outcome = Outcome(error=exc)
    except Exception as exc:  # a failure inside a PDF library that kb does not know yet
        outcome = Outcome(error=PDFError(f"{task.source} cannot be read ({type(exc).__name__}: {exc})"))
    if pdf.pdfium_stuck():
        outcome.left_reading = os.getpid()
    return outcome


Extract = Callable[[Task, "pdf.Limits"], Outcome]


def extract_in_order(items: Iterable[T], prepare: Callable[[T], Task | None], limits: pdf.Limits,
                     jobs: int, *, extract: Extract = extract_task, apart: bool = False) -> Iterator[Done[T]]:
    """Each item with its extraction, in the order of `items`.

    `prepare(item)` runs in this process (it may read the knowledge base) and
    returns the task to extract, None when there is nothing to extract, or raises
    KBError (then `Outcome.refused`). With `jobs` > 1 and more than one item, up to
    AHEAD_PER_WORKER tasks per worker are extracted in a process pool ahead of the
    caller, which consumes them one by one (and may write between them). `extract`
    is the function a worker runs (module-level, so it can be sent to a process). `apart`:
    one job's tasks too are extracted in a worker process (`kb add --jobs 1`), not in this
    one: PDFium left reading a page past a limit (max_extract_mb, max_extract_seconds) cannot
    be stopped, and in the writer it went on taking memory until its page ended, however
    many PDFs the batch still held, where a worker so left is ended (_end_left_reading)."""
    items = list(items)
    if jobs <= 1 and not (apart and pdf.pdfium_available()) or len(items) < 2:
        for item in items:
            task, refused = _prepared(prepare, item)
            outcome = Outcome(refused=refused) if task is None else extract(task, limits)
            yield Done(item, task, outcome)
        return
    pool = _Pool(min(jobs, len(items)), limits, extract)
    window: deque = deque()
    pending = iter(items)
    try:
        while True:
            while len(window) < pool.workers * AHEAD_PER_WORKER:
                item = next(pending, _END)
                if item is _END:
                    break
                task, refused = _prepared(prepare, item)
                window.append([item, task, refused, pool.submit(task) if task is not None else None])
            if not window:
                return
            item, task, refused, future = window.popleft()
            if task is None:
                outcome = Outcome(refused=refused)
            else:
                outcome = pool.outcome(future, task, window)
            yield Done(item, task, outcome)
    finally:
        pool.close()


_END = object()


def _prepared(prepare, item) -> tuple[Task | None, KBError | None]:
    try:
        return prepare(item), None
    except KBError as exc:
        return None, exc


def _spawned_pool(workers: int):
    """A ProcessPoolExecutor of `workers` spawned processes: a fresh interpreter each, safe
    whatever threads this process runs (fork copies their locks); each worker learns this
    process's pid to watch it (_worker_init)."""
    import concurrent.futures
    import multiprocessing

    return concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                                  initializer=_worker_init, initargs=(os.getpid(),))


class _Pool:
    """A ProcessPoolExecutor that survives a worker's death (see the module docstring)."""

    def __init__(self, workers: int, limits: pdf.Limits, extract: Extract):
        self.workers = workers
        self.limits = limits
        self.extract = extract
        self._executor = None

    def _start(self):
        self._executor = _spawned_pool(self.workers)
        return self._executor

    def submit(self, task: Task):
        import concurrent.futures
        from concurrent.futures.process import BrokenProcessPool

        executor = self._executor or self._start()
        try:
            future = executor.submit(self.extract, task, self.limits)
        except BrokenProcessPool as exc:     # a worker died since: known when this task's turn comes
            future = concurrent.futures.Future()
            future.set_exception(exc)
            return future
        future.add_done_callback(_end_left_reading)
        return future

    def outcome(self, future, task: Task, window: deque) -> Outcome:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except BrokenProcessPool:
            pass
        # A worker died: this task may be the one that killed it, or a bystander.
        # Extract it alone to know; then restart the pool for the tasks still waiting
        # (those whose results arrived before the break keep them).
        self.close()
        outcome = _alone(task, self.limits, self.extract)
        for entry in window:
            old = entry[3]
            if old is not None and not (old.done() and not old.cancelled() and old.exception() is None):
                entry[3] = self.submit(entry[1])
        return outcome

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None


def _end_left_reading(future) -> None:
    """A worker whose PDFium is left reading a page past a limit (Outcome.left_reading) is
    ended as soon as its outcome arrives (this runs in the pool's own thread, before the
    writer's turn comes to it): the page would hold it until it ends, at whatever memory it
    takes, where a single `kb add` ends its process. Its outcome is kept; the tasks other
    workers held are extracted again, as after any worker's death."""
    if future.cancelled() or future.exception() is not None:
        return
    pid = getattr(future.result(), "left_reading", 0)
    if pid and pid != os.getpid():
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:             # ended already
            pass


def _alone(task: Task, limits: pdf.Limits, extract: Extract) -> Outcome:
    """Extract one task in a process of its own; if that process dies, say how."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_alone_child, args=(send, task, limits, extract, os.getpid()), daemon=True)
    proc.start()
    send.close()
    # Bounded: the extraction's own time limit, plus a process's start-up (a limit of years,
    # KB_MAX_EXTRACT_SECONDS=1e300, is past what poll takes: OverflowError).
    deadline = min(limits.max_extract_seconds * 2 + 60, pdf.LONGEST_WAIT)
    outcome = None
    if receive.poll(deadline):
        try:
            outcome = receive.recv()
        except (EOFError, OSError):
            outcome = None
    receive.close()
    proc.join(5)
    if proc.is_alive():
        proc.kill()
        proc.join(5)
        return Outcome(crashed=f"extracting its text did not end within {deadline:.0f} s")
    if outcome is None:
        return Outcome(crashed=_death(proc.exitcode))
    return outcome


def _death(code: int | None) -> str:
    """'the process extracting its text died (SIGSEGV)' and the like."""
    if code is not None and code < 0:
        try:
            how = signal.Signals(-code).name
        except ValueError:
            how = f"signal {-code}"
    else:
        how = f"exit code {code}"
    return f"the process extracting its text died ({how}; a crash in the PDF library)"


def _alone_child(send, task: Task, limits: pdf.Limits, extract: Extract, parent: int) -> None:
    _worker_init(parent)
    outcome = extract(task, limits)
    send.send(outcome)
    send.close()
    if getattr(outcome, "left_reading", 0):
        os._exit(0)         # at once: PDFium is not torn down under the page it still reads


#: Set in a worker of a spawned pool (_worker_init), never in the process that made it.
_IN_WORKER: list[bool] = []


def in_worker() -> bool:
    """Whether this process is a worker of a pool kb spawned: it lives for one call (one
    map_in_order), so what a task keeps there (an index opened once) is never read by a
    later call. The same task run in this process (one task, or a pool that broke) keeps
    nothing: a later call there would be answered from a knowledge base as it was."""
    return bool(_IN_WORKER)


def _worker_init(parent: int) -> None:
    """In each worker: Ctrl-C is the writer's to handle (it stops the batch and the
    pool), and the worker ends itself once the writer is gone (killed mid-way), so no
    orphan waits for work that never comes."""
    _IN_WORKER.append(True)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="kb-watch-writer").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.25)
    os._exit(0)


class Background:
    """``fn(*args)`` computed in a spawned process while this one goes on (``jobs`` > 1),
    or in this process when `result` is asked for (``jobs`` == 1, or when the process
    could not start or died). `fn` must be a plain function of plain data, as a pool's."""

    def __init__(self, fn: Callable, *args, jobs: int):
        self.fn, self.args = fn, args
        self._executor = self._future = None
        if jobs > 1:
            try:
                self._executor = _spawned_pool(1)
                self._future = self._executor.submit(fn, *args)
            except OSError:             # no process to be had: done here when asked
                self.close()

    def done(self) -> bool:
        """Whether the other process has finished (`result` then waits for nothing)."""
        return self._future is not None and self._future.done()

    def result(self):
        from concurrent.futures.process import BrokenProcessPool

        if self._future is not None:
            try:
                return self._future.result()
            except (BrokenProcessPool, OSError):
                pass                    # the process died: the same work, here
            finally:
                self.close()
        return self.fn(*self.args)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = self._future = None


def map_in_order(fn: Callable, items: Iterable, jobs: int, *, ahead: int = 4) -> Iterator:
    """``fn(item)`` for each item, in the order of `items`: on a pool of `jobs`
    spawned processes, at most `ahead` items per worker in flight (so memory holds a
    handful, not all), or in this process for one job or one item. `fn` is a plain
    module-level function of plain data. A pool that breaks (a worker killed) leaves
    the rest to this process: the same results, later."""
    items = iter(items)
    if jobs > 1:
        first = next(items, _END)
        second = next(items, _END)
        pending = [x for x in (first, second) if x is not _END]
        if len(pending) < 2:
            jobs = 1
        items = _chain(pending, items)
    if jobs <= 1:
        for item in items:
            yield fn(item)
        return
    from concurrent.futures.process import BrokenProcessPool

    executor = _spawned_pool(jobs)
    window: deque = deque()
    try:
        while True:
            while len(window) < jobs * ahead:
                item = next(items, _END)
                if item is _END:
                    break
                try:
                    future = executor.submit(fn, item)
                except BrokenProcessPool:       # a worker died since the last submit
                    future = None
                window.append((item, future))
            if not window:
                return
            item, future = window.popleft()
            if future is not None:
                try:
                    result = future.result()
                except BrokenProcessPool:
                    pass
                else:
                    yield result
                    continue
            # The pool is broken: this item and every later one, here.
            yield fn(item)
            for item, _ in window:
                yield fn(item)
            window.clear()
            for item in items:
                yield fn(item)
            return
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


def _chain(first: list, rest: Iterator) -> Iterator:
    yield from first
    yield from rest
