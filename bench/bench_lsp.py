"""The language server's check per keystroke: one buffer open, the workspace's files around it.

    python bench/bench_lsp.py [SIZES...]   (default: the seeds, then 100 and 1000 synthetic documents)

For each workspace: the first check (every file parsed and checked), then the
median of 20 checks after an edit of the open buffer (the files on disk come
from the cache; the buffer is parsed again and the cross-document rules and
the suppression pass run over everything). What the debounce (0.3 s) must cover.
Then, through the protocol (the tests' client), how long a code action request
waits while such a check runs: the checks run off the event loop.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_corpus import generate  # noqa: E402


def measure(folder: Path, label: str) -> None:
    from seasonparse.lsp_server import Project

    (folder / ".seasonparse.toml").write_text('paths = ["."]\n', "utf-8")
    project = Project(folder)
    opened = sorted(folder.glob("*.txt"))[0]
    display, text = project.display(opened), opened.read_text("utf-8")
    start = time.perf_counter()
    project.check({display: text})
    first = time.perf_counter() - start
    times = []
    for n in range(20):
        start = time.perf_counter()
        project.check({display: text + f"\nedit {n}\n"})
        times.append(time.perf_counter() - start)
    print(f"{label:>14}: {len(project.files):>5} files, first check {first * 1e3:8.1f} ms, "
          f"per edit {statistics.median(times) * 1e3:8.1f} ms (median of 20)")


def latency(folder: Path, label: str) -> None:
    sys.path.insert(0, str(HERE.parent / "tests"))
    from test_lsp_server import Client

    from seasonparse.lsp_server import make_server

    client = Client(make_server(debounce=0))
    client.request("initialize", {"processId": None, "rootUri": folder.as_uri(), "capabilities": {}})
    client.notify("initialized", {})
    opened = sorted(folder.glob("*.txt"))[0]
    uri = opened.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "plaintext", "version": 1, "text": opened.read_text("utf-8")}})
    client.diagnostics(uri, 1)
    start = {"line": 0, "character": 0}
    waits = []
    for version in range(2, 12):
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"range": {"start": start, "end": start},
                                                                     "text": " "}]})
        time.sleep(0.05)  # the check has started
        began = time.perf_counter()
        client.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                                                   "range": {"start": start, "end": start},
                                                   "context": {"diagnostics": []}})
        waits.append(time.perf_counter() - began)
        client.diagnostics(uri, version)
    client.close()
    print(f"{label:>14}: a code action during a check answered in {statistics.median(waits) * 1e3:.0f} ms "
          f"(median of 10, max {max(waits) * 1e3:.0f} ms)")


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [0, 100, 1000]
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            if size == 0:
                for seed in sorted((HERE.parent / "seeds").glob("*.txt")):
                    shutil.copy(seed, folder / seed.name)
                measure(folder, "seeds")
                latency(folder, "seeds")
            else:
                generate(size, folder)
                measure(folder, f"{size} documents")
                latency(folder, f"{size} documents")


if __name__ == "__main__":
    main(sys.argv[1:])
