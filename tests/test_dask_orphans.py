"""A local dask cluster's workers print nothing of their own: killed with their parent
(SIGKILL: nothing of ours runs), an orphaned worker logged ~35 lines of heartbeat
tracebacks at ERROR on the user's terminal. (The kill itself is a race, too slow and
uncertain for a test: what is held here is that no worker logs an ERROR.)"""

from __future__ import annotations

import logging

import pytest

pytest.importorskip("distributed")


def _worker_log_level(_):
    import logging

    return logging.getLogger("distributed.worker").getEffectiveLevel()


def test_the_workers_log_nothing_below_critical():
    from seasonparse.dask_engine import dask_map

    with dask_map(1) as spread:
        levels = list(spread(_worker_log_level, [0]))
    assert levels == [logging.CRITICAL]
