"""Both cores for big batches: an order-preserving map over a process pool.

Parsing and the per-document rules are independent per file. A fork pool
starts in ~70 ms and chunks keep the hand-off cheap, so a pool is used only
from MIN_ITEMS inputs on; results come back in input order, so output stays
deterministic. Workers are forked, so they inherit the parent's imports and
the parser built before the fork.
"""

from __future__ import annotations

import os
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 64
CHUNK = 8


def jobs_for(requested: int | None, n_items: int) -> int:
    """0 or None: one worker per core when the batch is big enough, else 1."""
    if requested and requested > 0:
        return requested
    return min(os.cpu_count() or 1, 8) if n_items >= MIN_ITEMS else 1


def ordered_map(fn: Callable[[T], R], items: Iterable[T], jobs: int) -> Iterator[R]:
    items = list(items)
    if jobs <= 1 or len(items) < 2:
        yield from map(fn, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        ctx = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: stay serial
        yield from map(fn, items)
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        yield from pool.map(fn, items, chunksize=CHUNK)
