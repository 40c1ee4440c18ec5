"""An output stream that cannot be written (a full disk: /dev/full) is not a closed reader:
the report on stdout lost is exit 2, said on stderr; the commentary on stderr lost still lets
the parse command write every JSON, then exit 2, said on stdout. A stream closed before the
start (`>&-`) is a reader gone: the work is done, the exit status the findings'. Each of
these was an `internal error` or a silent stop before."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import SEEDS

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


def _run(args, **streams):
    return subprocess.run([sys.executable, "-m", "seasonparse", *map(str, args)], **streams,
                          text=True, timeout=120)


def test_a_report_that_cannot_be_written_is_exit_2_said_on_stderr():
    with open("/dev/full", "w") as full:
        done = _run(["check", *SEEDS, "--no-baseline", "--no-cache"], stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert done.stderr.strip() == "seasonparse: error: cannot write to standard output: No space left on device"


def test_commentary_that_cannot_be_written_still_writes_every_json(tmp_path):
    with open("/dev/full", "w") as full:
        done = _run([*SEEDS, "--out", tmp_path / "out"], stdout=subprocess.PIPE, stderr=full)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(s.with_suffix(".json").name for s in SEEDS)
    assert done.returncode == 2 and "cannot write to standard error" in done.stdout


def test_a_closed_stderr_is_a_reader_gone(tmp_path):
    done = _run([*SEEDS, "--out", tmp_path / "out"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                pass_fds=(), close_fds=True, preexec_fn=lambda: os.close(2))
    assert len(list((tmp_path / "out").iterdir())) == len(SEEDS)
    assert done.returncode == 0
