"""A small progress bar for the command line: done/total, rate, ETA and counts by status.

Written to the stream it is given (stderr in the CLI). On a terminal it redraws one line;
elsewhere (CI logs, pipes) it prints a line at most every `every` seconds. No state
outside the object; the clock is injectable for tests.
"""

from __future__ import annotations

import time
from typing import Callable, TextIO


class Progress:
    def __init__(self, stream: TextIO, total: int | None = None, *, label: str = "", every: float = 5.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.total = total
        self.label = label
        self.every = every
        self.clock = clock
        self.started = clock()
        self.done = 0
        self.counts: dict[str, int] = {}
        self._last = -1e9
        self._tty = bool(getattr(stream, "isatty", lambda: False)())

    def add(self, status: str, n: int = 1) -> None:
        self.done += n
        self.counts[status] = self.counts.get(status, 0) + n
        now = self.clock()
        if self._tty and now - self._last >= 0.1 or now - self._last >= self.every:
            self._last = now
            self._draw(final=False)

    @property
    def elapsed(self) -> float:
        return max(self.clock() - self.started, 1e-9)

    @property
    def rate(self) -> float:
        return self.done / self.elapsed

    def line(self) -> str:
        rate = self.rate
        counts = ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items()))
        if self.total:
            width = 24
            filled = int(width * min(self.done / self.total, 1.0))
            bar = "#" * filled + "." * (width - filled)
            left = (self.total - self.done) / rate if rate > 0 else float("inf")
            eta = "?" if left == float("inf") else _clock(left)
            head = f"[{bar}] {self.done}/{self.total}"
        else:
            head, eta = f"{self.done}", "?"
        return f"{self.label}{head} {rate:.1f}/s ETA {eta} ({counts})"

    def _draw(self, *, final: bool) -> None:
        if self._tty:
            self.stream.write("\r\x1b[K" + self.line() + ("\n" if final else ""))
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Draw the last state (the caller prints its own summary line)."""
        self._draw(final=True)


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"
