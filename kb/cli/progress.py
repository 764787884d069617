"""Progress on stderr for long work; silent when stderr is not a terminal.

Written to this call's stderr (kb.cli.common.stderr), so a caller running kb
in-process with KB_PROGRESS=1 captures it with the rest of kb's messages."""

from __future__ import annotations

import time

from kb.atomic import env_flag
from kb.cli.common import stderr

#: Units counted in things a person waits for one by one: their bar also says how
#: many go by per second and when the rest will be done.
RATED_UNITS = ("papers",)


def enabled() -> bool:
    """KB_PROGRESS (yes or no, kb.atomic.env_flag), else whether stderr is a terminal."""
    chosen = env_flag("KB_PROGRESS", None)
    return stderr().isatty() if chosen is None else chosen


def eta(seconds: float) -> str:
    """'42 s', '3 min 5 s', '2 h 10 min'."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60} min"


class Progress:
    """A one-line counter: 'label: 120/5000'; for papers also the rate and the time
    left: 'attaching 200 PDFs: 120/200 papers, 6.1 papers/s, ETA 13 s'. Redraws at
    most 10 times a second."""

    def __init__(self, label: str, total: int | None = None, unit: str = ""):
        self.label = label
        self.total = total
        self.unit = unit
        self.on = enabled()
        self._last = 0.0
        self._shown = False
        self._start: tuple[float, int] | None = None      # (when, done) of the first report

    def update(self, done: int, total: int | None = None) -> None:
        if not self.on:
            return
        total = total if total is not None else self.total
        now = time.monotonic()
        if self._start is None:
            self._start = (now, done)
        if now - self._last < 0.1 and (total is None or done < total):
            return
        self._last = now
        if self.unit == "bytes":
            text = f"{done / 1e6:.1f} MB" + (f" of {total / 1e6:.1f} MB" if total else "")
        else:
            text = f"{done:,}" + (f"/{total:,}" if total else "") + (f" {self.unit}" if self.unit else "")
            if self.unit in RATED_UNITS:
                text += self._rate(now, done, total)
        stream = stderr()
        stream.write(f"\r{self.label}: {text}\033[K")
        stream.flush()
        self._shown = True

    def _rate(self, now: float, done: int, total: int | None) -> str:
        """', 3.2 papers/s, ETA 1 min 5 s' once something is done, measured from the first report."""
        since, first = self._start
        elapsed, count = now - since, done - first
        if count <= 0 or elapsed <= 0:
            return ""
        rate = count / elapsed
        text = f", {rate:.1f} {self.unit}/s"
        if total and done < total:
            text += f", ETA {eta((total - done) / rate)}"
        return text

    def done(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Erase the line (it is drawn again by the next update)."""
        if self.on and self._shown:
            stream = stderr()
            stream.write("\r\033[K")
            stream.flush()
            self._shown = False
            self._last = 0.0


class Reporter:
    """A `progress(label, done, total, unit)` callback for the library (kb.store.index.Progress),
    drawing one counter per label on stderr. `clear()` erases what is drawn, before a
    command prints a line of its own between two reports."""

    def __init__(self):
        self.bars: dict[str, Progress] = {}

    def __call__(self, label: str, done: int, total: int | None, unit: str) -> None:
        if unit == "wait":          # a deliberate wait: say what for, and clear it when it is over
            stream = stderr()
            stream.write(f"\r{label}\033[K" if total is None or done < total else "\r\033[K")
            stream.flush()
            return
        bar = self.bars.get(label)
        if bar is None:
            bar = self.bars[label] = Progress(label, total, unit)
        bar.update(done, total)
        if total is not None and done >= total:
            bar.done()
            del self.bars[label]

    def clear(self) -> None:
        for bar in self.bars.values():
            bar.clear()


def reporter() -> Reporter | None:
    """The library's progress callback; None when stderr is not a terminal."""
    return Reporter() if enabled() else None


def busy():
    """What a command says while it waits for another command's writer lock (KB's `on_busy`):
    on a terminal a line drawn until the wait is over; otherwise nothing, as of all progress: a
    script saw `kb: ... is busy` and then, given up, the error, two lines where the error says it all."""
    drawn = enabled()

    def say(message: str | None) -> None:
        if drawn:
            stream = stderr()
            stream.write(f"\r{message}\033[K" if message else "\r\033[K")
            stream.flush()
    return say
