"""A stand-in for the `time` module of kb.sources.net: kb's waits are recorded and pass at
once, and its clock moves only when kb waits (or a test moves it). A test of spacing or
backoff then checks what kb waited and when, by kb's own clock, in the requests a local
server receives: never a wall-clock gap that a loaded machine could shorten or stretch.

    clock = FakeClock()
    monkeypatch.setattr(kb.sources.net, "time", clock)
"""

from __future__ import annotations

import time as _time


class FakeClock:
    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start
        self.slept: list[float] = []

    def time(self) -> float:
        return self.now

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += max(0.0, seconds)

    def __getattr__(self, name: str):
        return getattr(_time, name)            # anything else of the time module, as it is
