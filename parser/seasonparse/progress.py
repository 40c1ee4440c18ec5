"""A progress bar on stderr for long runs, and nothing otherwise.

Shown only where someone watches: stderr is a terminal (not a pipe, a file or
a CI log; `CI` set in the environment counts as a log too) and the run has
already lasted DELAY seconds, so short runs, the tests and every machine-read
output stay as they were. The bar is tqdm's: one small pure-Python package
with no dependencies of its own, that counts a stream of unknown length (a
dump's pages) as well as a known total. It is imported only when a bar is
shown, so runs without one pay nothing for it.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

DELAY = 2.0  # seconds a run lasts before it gets a bar


def wanted(stream) -> bool:
    """Whether a bar on `stream` would be seen by someone, not written into a log."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


class Progress:
    """Counts the items of a run; past DELAY seconds, on a terminal, shows them as a bar.

    Iterate over `Progress(results, total, unit)` instead of `results`; `write`
    prints a message above the bar (a bare print would tear it)."""

    def __init__(self, items: Iterable[T], total: int | None, unit: str = "document",
                 stream=None, delay: float | None = None, quiet: bool = False) -> None:
        self._items = items
        self._total = total
        self._unit = unit
        self._stream = stream if stream is not None else sys.stderr
        self._delay = DELAY if delay is None else delay
        self._on = not quiet and wanted(self._stream)
        self._bar = None
        self._done = 0
        self._started = time.monotonic()

    def __iter__(self) -> Iterator[T]:
        try:
            for item in self._items:
                self._done += 1
                if self._bar is not None:
                    self._bar.update(1)
                elif self._on and time.monotonic() - self._started >= self._delay:
                    self._show()
                yield item
        finally:
            self.close()

    def _show(self) -> None:
        try:
            from tqdm import tqdm
        except ImportError:  # not installed (an unusual install): no bar, the run goes on
            self._on = False
            return
        self._bar = tqdm(total=self._total, initial=self._done, unit=f" {self._unit}s",
                         file=self._stream, dynamic_ncols=True, leave=False, mininterval=0.2)

    def write(self, message: str) -> None:
        if self._bar is None:
            print(message, file=self._stream)
        else:
            self._bar.write(message, file=self._stream)

    def close(self) -> None:
        """Take the bar away and close the items (a pool's map stops its workers)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        getattr(self._items, "close", lambda: None)()
