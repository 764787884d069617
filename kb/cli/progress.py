"""Progress on stderr for long work; silent when stderr is not a terminal."""

from __future__ import annotations

import os
import sys
import time


def enabled() -> bool:
    if os.environ.get("KB_PROGRESS") == "1":
        return True
    if os.environ.get("KB_PROGRESS") == "0":
        return False
    return sys.stderr.isatty()


class Progress:
    """A one-line counter: 'label: 120/5000'. Redraws at most 10 times a second."""

    def __init__(self, label: str, total: int | None = None, unit: str = ""):
        self.label = label
        self.total = total
        self.unit = unit
        self.on = enabled()
        self._last = 0.0
        self._shown = False

    def update(self, done: int, total: int | None = None) -> None:
        if not self.on:
            return
        total = total if total is not None else self.total
        now = time.monotonic()
        if now - self._last < 0.1 and (total is None or done < total):
            return
        self._last = now
        if self.unit == "bytes":
            text = f"{done / 1e6:.1f} MB" + (f" of {total / 1e6:.1f} MB" if total else "")
        else:
            text = f"{done:,}" + (f"/{total:,}" if total else "") + (f" {self.unit}" if self.unit else "")
        sys.stderr.write(f"\r{self.label}: {text}\033[K")
        sys.stderr.flush()
        self._shown = True

    def done(self) -> None:
        if self.on and self._shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def reporter():
    """A `progress(label, done, total, unit)` callback for the library (kb.store.index.Progress),
    drawing one counter per label on stderr; None when stderr is not a terminal."""
    if not enabled():
        return None
    bars: dict[str, Progress] = {}

    def report(label: str, done: int, total: int | None, unit: str) -> None:
        if unit == "wait":          # a deliberate wait: say what for, and clear it when it is over
            sys.stderr.write(f"\r{label}\033[K" if total is None or done < total else "\r\033[K")
            sys.stderr.flush()
            return
        bar = bars.get(label)
        if bar is None:
            bar = bars[label] = Progress(label, total, unit)
        bar.update(done, total)
        if total is not None and done >= total:
            bar.done()
            del bars[label]

    return report
