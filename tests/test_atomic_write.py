"""jsonout.write_atomic's two ways: a file with no name until it is whole (O_TMPFILE), and a named
temporary file where the file system has no O_TMPFILE. (A writer killed outright in the middle of a
write: tests/test_interrupt.py.)"""

from __future__ import annotations

import errno
import os

import pytest

from seasonparse import jsonout

pytestmark = pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="O_TMPFILE is Linux's")


@pytest.fixture
def unnamed(tmp_path):
    probe = jsonout._unnamed_file(str(tmp_path))
    if probe is None:
        pytest.skip("this file system has no O_TMPFILE")
    os.close(probe)


def test_a_forked_process_names_its_own_unnamed_file(tmp_path, unnamed):
    """The /proc/self/fd a writer links from is opened once per process: a worker forked after
    the parent wrote (and opened its own) must not link the parent's descriptor of that number."""
    jsonout.write_atomic(str(tmp_path / "parent.json"), "parent\n")
    pid = os.fork()
    if pid == 0:  # the child: its own write, then out at once (no pytest teardown in it)
        code = 1
        try:
            jsonout.write_atomic(str(tmp_path / "child.json"), "child\n")
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert (tmp_path / "child.json").read_text() == "child\n"
    assert (tmp_path / "parent.json").read_text() == "parent\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["child.json", "parent.json"]


def test_without_o_tmpfile_a_named_temporary_file_is_written_and_renamed(tmp_path, monkeypatch):
    real_open = os.open
    asked = []

    def no_tmpfile(path, flags, *args, **kwargs):
        if flags & os.O_TMPFILE == os.O_TMPFILE:
            asked.append(path)
            raise OSError(errno.EOPNOTSUPP, "not here")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(jsonout.os, "open", no_tmpfile)
    monkeypatch.setattr(jsonout, "_NO_TMPFILE", set())
    names = []
    real_replace = os.replace
    monkeypatch.setattr(jsonout.os, "replace", lambda a, b: (names.append(os.path.basename(a)), real_replace(a, b)))
    for i in range(3):
        jsonout.write_atomic(str(tmp_path / "a.json"), f"{i}\n")
    assert (tmp_path / "a.json").read_text() == "2\n" and [p.name for p in tmp_path.iterdir()] == ["a.json"]
    assert len(asked) == 1, "a folder that refused O_TMPFILE is not asked again"
    assert all(n.startswith(f".seasonparse-{os.getpid()}-") and n.endswith(".tmp") for n in names)


def test_an_unnamed_file_gets_the_mode_a_new_file_gets(tmp_path, unnamed):
    old = os.umask(0o027)
    try:
        jsonout._UMASK = None  # the umask is read once per process: read this one
        jsonout.write_atomic(str(tmp_path / "a.json"), "{}\n")
        jsonout.write_atomic(str(tmp_path / "b.json"), b"{}\n", mode=0o600)
    finally:
        os.umask(old)
        jsonout._UMASK = None  # read again by the next write
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == 0o640
    assert (tmp_path / "b.json").stat().st_mode & 0o777 == 0o600


def test_a_taken_temporary_name_is_skipped(tmp_path, unnamed, monkeypatch):
    """A name left by a process of the same pid (killed in the two system calls a name lasts)."""
    monkeypatch.setattr(jsonout, "_NAMES", iter(range(5)))
    (tmp_path / f".seasonparse-{os.getpid()}-0.tmp").write_text("left")
    (tmp_path / "a.json").write_text("old")  # replaced: through a temporary name
    jsonout.write_atomic(str(tmp_path / "a.json"), "new\n")
    assert (tmp_path / "a.json").read_text() == "new\n"
    assert (tmp_path / f".seasonparse-{os.getpid()}-0.tmp").read_text() == "left"


def test_a_new_file_is_linked_as_itself_and_a_replaced_one_renamed(tmp_path, unnamed, monkeypatch):
    """Nothing at the target (most writes of --out and the cache): the unnamed file is linked
    there, and no temporary name ever exists; a file replaced gets one for two system calls."""
    replaced = []
    real = os.replace
    monkeypatch.setattr(jsonout.os, "replace", lambda a, b: (replaced.append(os.path.basename(a)), real(a, b)))
    jsonout.write_atomic(str(tmp_path / "a.json"), "1\n")
    assert replaced == [] and (tmp_path / "a.json").read_text() == "1\n"
    jsonout.write_atomic(str(tmp_path / "a.json"), "2\n")
    assert len(replaced) == 1 and (tmp_path / "a.json").read_text() == "2\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


@pytest.mark.parametrize("missing", ["no /proc", "a link refused"])
def test_without_proc_or_a_link_the_named_way_writes(tmp_path, monkeypatch, missing):
    """review20: in a chroot or a bare container without /proc every write failed."""
    if missing == "no /proc":
        monkeypatch.setattr(jsonout, "_proc_fds", lambda: None)
    else:
        def refuse(*args, **kwargs):
            raise PermissionError(errno.EPERM, "not allowed")
        monkeypatch.setattr(jsonout.os, "link", refuse)
    jsonout.write_atomic(str(tmp_path / "a.json"), "{}\n")
    jsonout.write_atomic(str(tmp_path / "a.json"), "{ }\n")
    assert (tmp_path / "a.json").read_text() == "{ }\n" and [p.name for p in tmp_path.iterdir()] == ["a.json"]
