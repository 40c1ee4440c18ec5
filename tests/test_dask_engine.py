"""`check --engine dask`: on a local dask cluster of 2 workers, the findings are byte-identical
to the local process pool's (both stages run on the cluster: the per-document map and the
cross-document parts). Skipped where dask.distributed is not installed (extra [dask])."""

from __future__ import annotations

import pytest
from conftest import mixed_corpus

pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return mixed_corpus(tmp_path_factory.mktemp("dask"), 120)


def _report(corpus, map_fn):
    from seasonparse.check import run, selected_codes
    from seasonparse.cli_common import gather
    from seasonparse.config import Config
    from seasonparse.report import render
    from seasonparse.rules import registry

    rules = registry()
    result = run(gather([str(corpus)], "*.txt,*.wikitext").inputs, rules,
                 selected_codes(rules, ("ALL",), (), ()), Config(), map_fn=map_fn)
    assert result.internal_errors == []
    return render("json", result.findings, result.lines_by_path, rules)


def test_dask_threads_give_the_bytes_of_the_local_run(corpus):
    from seasonparse.dask_engine import dask_map
    from seasonparse.parallel import PoolMap

    local = _report(corpus, PoolMap(2))
    with dask_map(2, processes=False) as spread:
        assert spread.jobs == 2 and spread.ships_data
        assert _report(corpus, spread) == local
    assert '"X001"' in local and '"X008"' in local


def test_cli_on_a_dask_cluster_of_two_processes(run, corpus, monkeypatch):
    """Through the CLI, worker processes and all: the report of --engine local."""
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    args = ("check", corpus, "--format", "json", "--no-baseline", "--jobs", "2")
    local = run(*args)
    dask = run(*args, "--engine", "dask")
    assert dask[0] == local[0] and dask[1] == local[1]


def test_an_unreachable_scheduler_is_a_usage_error(run, corpus, monkeypatch):
    monkeypatch.setattr("seasonparse.dask_engine.CONNECT_TIMEOUT", "1s")
    code, out, err = run("check", corpus, "--engine", "dask", "--dask-scheduler", "tcp://127.0.0.1:9")[:3]
    assert code == 2 and "cannot reach the scheduler tcp://127.0.0.1:9" in err and "Traceback" not in err


@pytest.mark.parametrize("address", ["garbage", "tcp://localhost", "http://localhost:8786"])
def test_a_malformed_scheduler_address_is_a_usage_error(run, article, monkeypatch, address):
    """trial34: a ValueError of dask's parser was an `internal error ... please report this`."""
    code, _, err = run("check", article, "--no-baseline", "--engine", "dask", "--dask-scheduler", address)
    assert code == 2 and f"--dask-scheduler {address}: not a scheduler address" in err, err
    assert "internal error" not in err and len(err.strip().splitlines()) == 1, err
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", address)
    code, _, err = run("check", article, "--no-baseline", "--engine", "dask")
    assert code == 2 and f"$DASK_SCHEDULER_ADDRESS={address}: not a scheduler address" in err, err


def test_a_running_cluster_named_by_the_environment(run, corpus, monkeypatch, tmp_path):
    """DASK_SCHEDULER_ADDRESS points the check at a cluster that is already running. The test's
    cluster works in the test's folder (trial44: dask's `dask-scratch-space` was left in the
    system's temporary folder): the temporary folder, pointed elsewhere, stays empty."""
    import tempfile

    import dask
    from distributed import LocalCluster

    system_tmp = tmp_path / "tmp"
    system_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(system_tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again
    local = run("check", corpus, "--format", "json", "--no-baseline", "--jobs", "1")
    scratch = str(tmp_path / "scratch")  # the workers' (local_directory) and the scheduler's (the configuration's)
    with dask.config.set({"temporary-directory": scratch}), LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
            local_directory=scratch) as cluster:
        monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.scheduler_address)
        before = cluster.scheduler.transition_counter
        dask = run("check", corpus, "--format", "json", "--no-baseline", "--engine", "dask", "--no-cache")
        assert cluster.scheduler.transition_counter > before + 20  # the work ran there
    assert dask[:2] == local[:2]
    assert list(system_tmp.iterdir()) == []


def test_a_scheduler_without_the_dask_engine_is_a_usage_error(run, corpus):
    code, _, err = run("check", corpus, "--dask-scheduler", "tcp://127.0.0.1:9")[:3]
    assert code == 2 and "--dask-scheduler goes with --engine dask" in err


def test_a_local_cluster_leaves_nothing_in_the_temporary_folder(tmp_path, monkeypatch):
    import tempfile

    from seasonparse.dask_engine import dask_map

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again
    with dask_map(1, processes=False) as spread:
        assert list(spread(abs, [-1, -2])) == [1, 2]
        assert list(scratch.iterdir()), "the cluster works in the temporary folder"
    assert list(scratch.iterdir()) == []


def test_a_local_clusters_workers_are_capped_as_the_pools_are(monkeypatch):
    """--jobs 999 --engine dask starts no more workers than inputs and usable cores."""
    from types import SimpleNamespace

    from seasonparse import check_command, dask_engine, parallel

    asked = []
    monkeypatch.setattr(dask_engine, "dask_map", lambda jobs, address: asked.append(jobs))
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    for jobs, inputs, expected in ((999, 3, 2), (999, 1, 1), (None, 3, None), (2, None, 2)):
        check_command._engine(SimpleNamespace(engine="dask", dask_scheduler=None, jobs=jobs), inputs)
        assert asked.pop() == expected
