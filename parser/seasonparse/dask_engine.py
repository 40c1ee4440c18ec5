"""`check --engine dask`: both stages of the check on a dask.distributed cluster.

Dask rather than Ray: `distributed` is pure Python (wheels for every Python the
project supports, a few MB, no daemon to install), its LocalCluster starts in
about a second from inside the process, and a running cluster is one address
(`dask scheduler` + `dask worker ADDRESS` on each machine). Ray ships a ~60 MB
native wheel per platform and Python version, and runs its own object store and
raylet processes: more than an optional extra of a linter should bring.

The engine is a map function for check.run: the per-document stage is mapped over
the inputs in chunks, then the cross-document stage's parts (seasonparse.partition)
are shipped to the workers with their documents (`ships_data`), while the parent
checks the rules that need the whole corpus. Results come back in input order, so
the findings are byte-identical to the local process pool's.

Workers read the input files by the paths the parent gives them, made absolute (a
worker runs in a folder of its own; the paths shown stay as the user typed them): on a
cluster of several machines, the inputs must be at the same path on each (a shared file
system).
"""

from __future__ import annotations

import os
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from seasonparse.parallel import chunk_size, usable_cores

SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"
CONNECT_TIMEOUT = "10s"  # how long to try reaching a running scheduler


class EngineError(Exception):
    """The engine cannot start: not installed, or the scheduler cannot be reached."""


def _run_chunk(fn: Callable, chunk: list) -> list:
    return [fn(item) for item in chunk]


def absolute(item):
    """An input (inputs.Input) whose `path` is relative, with that path made absolute (the
    parent's working folder, not the worker's, is the one the user typed it in); its
    `display` is unchanged. Anything else as it is."""
    path = getattr(item, "path", None)
    if isinstance(path, Path) and not path.is_absolute() and hasattr(item, "_replace"):
        from seasonparse.cache import absolute as in_working_folder

        return item._replace(path=Path(in_working_folder(str(path))))
    return item


class DaskMap:
    """An order-preserving map over a dask client: tasks are submitted when called,
    results read (in order) as the returned iterator is consumed."""

    ships_data = True

    def __init__(self, client, jobs: int) -> None:
        self.client = client
        self.jobs = jobs

    def __call__(self, fn: Callable, items: Iterable) -> Iterator:
        items = [absolute(item) for item in items]
        size = chunk_size(len(items), self.jobs)
        chunks = [items[i:i + size] for i in range(0, len(items), size)]
        remote = self.client.scatter(fn, broadcast=True, hash=False) if chunks else None
        futures = self.client.map(_run_chunk, [remote] * len(chunks), chunks, pure=False)
        return self._results(futures)

    @staticmethod
    def _results(futures) -> Iterator:
        try:
            for future in futures:
                yield from future.result()
                future.release()
        finally:  # stopped early (an error, Ctrl-C): nothing left running for us
            for future in futures:
                future.cancel()


@contextmanager
def dask_map(jobs: int | None, address: str | None = None, processes: bool = True):
    """A DaskMap on the scheduler at `address` (else $DASK_SCHEDULER_ADDRESS), or on a
    LocalCluster of `jobs` single-threaded workers (one per core when None), closed after."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("--engine dask needs dask.distributed: install the extra `dask` (pip install '.[dask]' in seasonparse's checkout)") from None
    named = "--dask-scheduler " if address else f"${SCHEDULER_ENV}="
    address = address or os.environ.get(SCHEDULER_ENV) or None
    with ExitStack() as stack:
        cluster = None
        try:
            if address:
                try:
                    client = Client(address, timeout=CONNECT_TIMEOUT)
                except ValueError as exc:  # `garbage`, `tcp://host` (no port), `http://…`: the user's to fix
                    raise EngineError(f"{named}{address}: not a scheduler address ({exc}); "
                                      f"expected tcp://HOST:PORT") from None
            else:
                cluster = _local_cluster(stack, LocalCluster, jobs, processes)
                client = Client(cluster)
                client.run(_quiet_worker)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"--engine dask: cannot reach the scheduler {address or ''}: {exc}") from None
        stack.callback(client.close)
        workers = client.scheduler_info().get("workers", {})
        threads = sum(w.get("nthreads", 1) for w in workers.values()) or 1
        yield DaskMap(client, threads)


def _quiet_worker() -> None:
    """In each worker of our local cluster: its logs are not the user's business. (silence_logs
    reaches the nanny's logger only: the parent killed by SIGKILL, each orphaned worker
    logged ~35 lines of heartbeat tracebacks at ERROR before it exited.) A task's failure
    still comes back through its future."""
    import logging

    logging.getLogger("distributed").setLevel(logging.CRITICAL)


def _local_cluster(stack: ExitStack, LocalCluster, jobs: int | None, processes: bool):
    """A LocalCluster whose scratch space (dask's `dask-scratch-space/global.lock` and
    `purge.lock`, the workers' folders) is a temporary folder of ours, removed after the
    cluster is closed: nothing is left in the temporary folder by a run. (`stack` closes
    the cluster, then removes the folder.)"""
    import tempfile  # not at import: check imports this module for EngineError alone

    import logging

    import dask

    scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="seasonparse-dask-",
                                                              ignore_cleanup_errors=True))
    stack.enter_context(dask.config.set({"temporary-directory": scratch}))
    # silence_logs: the workers' own warnings (a task cancelled by Ctrl-C) are not the user's business
    cluster = LocalCluster(n_workers=jobs or usable_cores(), threads_per_worker=1,
                           processes=processes, dashboard_address=None, local_directory=scratch,
                           silence_logs=logging.ERROR)
    stack.callback(cluster.close)
    return cluster
